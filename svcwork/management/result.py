"""The result of the management analysis: its frames (already suppressed) and ``summary()``.

Data only: :mod:`svcwork.management.present` turns a result into translated tables, figures and
sentences; the methods :meth:`~ManagementResult.tables`, :meth:`~ManagementResult.figures`,
:meth:`~ManagementResult.findings` and :meth:`~ManagementResult.skipped` hand over to it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import pandas as pd

from ..common import Presented, round_or_none
from ._base import ALL, STATUSES, _empty
from .packs import UnitPack, UnitSignal, unit_packs

__all__ = ["ManagementResult"]


@dataclass(frozen=True, eq=False)
class ManagementResult(Presented):
    """Observations, actions, lessons and training for one engagement (see :func:`svcwork.management.analyse`).

    Every grouped frame here has already passed suppression; employee codes appear only as the
    loader's pseudonyms, and only in ``employees``.
    """

    _PRESENT = "svcwork.management.present"  # the module that writes its tables, figures and findings

    language: str
    report_date: dt.date
    min_size: int
    period: str
    alpha: float
    accent: str
    has_observations: bool = False
    has_actions: bool = False
    has_lessons: bool = False
    has_training: bool = False
    n_observations: int = 0
    n_sessions: int = 0
    items: pd.DataFrame = field(default_factory=lambda: _empty(["item", "n", "mean"]))
    unit_counts: pd.DataFrame = field(default_factory=lambda: _empty(["unit", "n", "mean"]))
    unit_items: pd.DataFrame = field(default_factory=lambda: _empty(["unit", "item", "n", "mean"]))
    observers: pd.DataFrame = field(default_factory=lambda: _empty(["observer", "n", "mean"]))
    employees: pd.DataFrame = field(default_factory=lambda: _empty(["employee_code", "n", "mean"]))
    trend: pd.DataFrame = field(default_factory=lambda: _empty(["period", "item", "n", "mean"]))
    unit_trend: pd.DataFrame = field(default_factory=lambda: _empty(["period", "unit", "item", "n", "mean"]))
    coaching: pd.DataFrame = field(default_factory=lambda: _empty(["unit", "item", "focus"]))
    calibration: pd.DataFrame = field(default_factory=lambda: _empty(["observer_a", "observer_b", "n"]))
    actions: pd.DataFrame = field(default_factory=lambda: _empty(["action_id", "unit", "status", "overdue"]))
    by_owner: pd.DataFrame = field(default_factory=lambda: _empty(["owner"]))
    by_unit: pd.DataFrame = field(default_factory=lambda: _empty(["unit"]))
    by_source: pd.DataFrame = field(default_factory=lambda: _empty(["source"]))
    overdue: pd.DataFrame = field(default_factory=lambda: _empty(["action_id"]))
    burndown: pd.DataFrame = field(default_factory=lambda: _empty(["date", "planned", "actual"]))
    rounds: pd.DataFrame = field(default_factory=lambda: _empty(["round", "remaining"]))
    unanswered: pd.DataFrame = field(default_factory=lambda: _empty(["kind", "finding", "covered", "action_ids"]))
    lessons: pd.DataFrame = field(default_factory=lambda: _empty(["date", "unit", "category", "with_action"]))
    pareto: pd.DataFrame = field(default_factory=lambda: _empty(["category", "n"]))
    lessons_unlinked: pd.DataFrame = field(default_factory=lambda: _empty(["date", "unit", "category", "event"]))
    training_by_unit: pd.DataFrame = field(default_factory=lambda: _empty(["skill", "unit", "n"]))
    training_scale: str = "1–5"  # the scale the training file's scores are on (shown on their own scale)
    transfer: pd.DataFrame = field(default_factory=lambda: _empty(["skill", "scope", "n"]))
    kpis: pd.DataFrame = field(default_factory=lambda: _empty(["unit", "kpi_name", "value", "target", "on_target"]))

    # ------------------------------------------------------------------ state
    @property
    def available(self) -> bool:
        """Whether there was any management data (observations, actions, lessons or training)."""
        return self.has_observations or self.has_actions or self.has_lessons or self.has_training

    @property
    def training(self) -> pd.DataFrame:
        """Training effect per skill over all units."""
        f = self.training_by_unit
        return f[f["unit"] == ALL].reset_index(drop=True) if len(f) else f

    def lowest_items(self, k: int = 3) -> pd.DataFrame:
        """The *k* observation items with the lowest mean score (organisation-wide, suppressed groups excluded)."""
        if not len(self.items):
            return self.items
        return self.items.sort_values(["mean", "item"]).head(k).reset_index(drop=True)

    def unit_packs(self, *, signals: Mapping[str, Sequence[UnitSignal | Mapping[str, Any]]] | None = None
                   ) -> tuple[UnitPack, ...]:
        """One manager pack per unit (see :func:`svcwork.management.packs.unit_packs`)."""
        return unit_packs(self, signals=signals)

    # ------------------------------------------------------------------ summary
    def summary(self) -> dict[str, Any]:
        """JSON-serialisable numbers for summary.json.

        ``actions``: ``open`` is every action not yet done — status *open* **plus** *in
        progress* (``open == not_started + in_progress``); ``not_started`` and ``in_progress``
        split it; ``overdue`` is the part of ``open`` whose due date is before the report date;
        ``done``, ``cancelled`` and ``total`` (all actions) as counted.  ``action_rounds``: per
        re-measurement round, the actions due by its end, done and not done (see
        :func:`~svcwork.management.actions.burn_down_by_round`), or the status snapshot per round
        (:func:`~svcwork.management.actions.burn_down_rounds`).
        """
        a = self.actions
        counts = {s: int((a["status"] == s).sum()) for s in STATUSES} if len(a) else dict.fromkeys(STATUSES, 0)
        cal = self.calibration
        overall = cal[cal["observer_a"] == ALL] if len(cal) and (cal["observer_a"] == ALL).any() else cal.head(1)
        calibration = None
        if len(overall):
            row = overall.iloc[0]
            calibration = {"n": int(row["n"]),
                           **{k: round_or_none(row[k], 3) for k in ("kappa", "kappa_low", "kappa_high", "icc", "icc_low",
                                                                    "icc_high")},
                           "icc_method": str(row["icc_method"]), "icc_interval": str(row["icc_interval"]),
                           "n_boot": None if pd.isna(row["n_boot"]) else int(row["n_boot"]),
                           "seed": None if pd.isna(row["seed"]) else int(row["seed"])}
        return {
            "available": bool(self.available),
            "report_date": self.report_date.isoformat(),
            "actions": {"open": counts["open"] + counts["in progress"], "overdue": int(a["overdue"].sum()) if len(a) else 0,
                        "done": counts["done"], "not_started": counts["open"], "in_progress": counts["in progress"],
                        "cancelled": counts["cancelled"], "total": int(len(a))},
            "action_rounds": [{k: (str(v) if k == "round" else v.date().isoformat() if k == "date" else int(v))
                               for k, v in row.items() if k in ("round", "date", "due", "done", "remaining", "planned")}
                              for row in self.rounds.to_dict("records")] if len(self.rounds) else [],
            "observations": {"n": int(self.n_observations), "sessions": int(self.n_sessions),
                             "lowest_items": [{"item": str(r_["item"]), "mean": round_or_none(r_["mean"], 2),
                                               "n": int(r_["n"])} for _, r_ in self.lowest_items().iterrows()],
                             "calibration": calibration},
            "training": {str(r_["skill"]): {"mean_change": round_or_none(r_["change"], 3),
                                            "low": round_or_none(r_["low"], 3), "high": round_or_none(r_["high"], 3),
                                            "n": int(r_["n"])}
                         for _, r_ in self.training.iterrows()},
            "lessons": {"n": int(len(self.lessons)),
                        "with_action": int(self.lessons["with_action"].sum()) if len(self.lessons) else 0,
                        "without_action": int((~self.lessons["with_action"].astype(bool)).sum()) if len(self.lessons) else 0,
                        "top_category": str(self.pareto["category"].iloc[0]) if len(self.pareto) else None},
            "findings_without_action": int((~self.unanswered["covered"].astype(bool)).sum()) if len(self.unanswered) else 0,
        }
