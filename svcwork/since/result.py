"""The comparison of two rounds as data: :class:`Since`, its key figures and its ``since`` block of summary.json.

Data only: :mod:`svcwork.since.present` words it (findings, the report's table).  Every number a
sentence quotes is a key figure of the domain ``since`` (:meth:`Since.key_figures`):

* per compared figure ``<figure>`` (a key of the rounds' registries, e.g. ``measures.item.trust``,
  ``journeys.median_case_days.L01``): ``since.previous.<figure>`` and ``since.current.<figure>`` (the
  two values, the figure's own kind and base) and ``since.change.<figure>`` (current − previous:
  percentage points for shares, days, per case …; its interval in ``low``/``high``);
* ``since.better``, ``since.worse``, ``since.no_change``, ``since.two_points`` (how many figures got
  each verdict), ``since.tested``, ``since.called`` and ``since.by_chance`` (the figures judged by an
  interval, those called a change, and how many would be by chance alone), ``since.n_boot`` and ``since.seed`` (the bootstrap's resamples and seed),
  ``since.suppressed`` and ``since.min_group_size`` (figures withheld, and the threshold);
* ``since.actions_done``, ``since.actions_opened``, ``since.actions_overdue``,
  ``since.actions_newly_overdue``, ``since.actions_cancelled`` (the action plan since the previous
  report);
* ``since.previous.prioritize.rank.<service_id>`` / ``since.current.prioritize.rank.<service_id>``
  for the services whose rank or wave moved;
* ``since.recs`` and ``since.recs_<status>`` (the previous report's recommendations by where they
  stand now).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

import pandas as pd

from ..common import json_ready, round_or_none
from ..keyfigures import KeyFigure, registry
from .rows import per_service, shown_change

__all__ = ["Since", "SECTION", "STATES", "period_record"]

SECTION = "since"
#: Where a recommendation or an earlier wave-1 service stands now.
STATES = ("done", "in_progress", "not_started", "cancelled", "no_action", "unknown")
_COUNTED = ("better", "worse", "no_change", "two_points")


@dataclass(frozen=True, eq=False)
class Since:
    """What changed between two reports of one client (:func:`svcwork.since.compare`).

    ``rows``: one row per compared figure (:data:`svcwork.since.rows.ROW_FIELDS`); ``actions``: the
    action plan since the previous report (:func:`~svcwork.since.plan.action_changes`);
    ``priorities``: rank and wave of each service then and now, ``moved`` and ``reasons``;
    ``focus``: the previous report's wave-1 services and where each stands now; ``recommendations``:
    the previous report's recommendations and where each stands now; ``notes``: overlap, changed
    definitions, suppressed groups (``code`` and its values).
    """

    current_label: str
    previous_label: str
    current_period: tuple[dt.date | None, dt.date | None]
    previous_period: tuple[dt.date | None, dt.date | None]
    rows: pd.DataFrame
    actions: Mapping[str, Any] = field(default_factory=dict)
    priorities: pd.DataFrame = field(default_factory=pd.DataFrame)
    focus: pd.DataFrame = field(default_factory=pd.DataFrame)
    recommendations: pd.DataFrame = field(default_factory=pd.DataFrame)
    notes: tuple[Mapping[str, Any], ...] = ()
    overlap: bool = False
    min_group_size: int = 10
    confidence: float = 0.95
    n_boot: int = 2000
    seed: int = 0
    language: str = "en"

    # ------------------------------------------------------------------------------------ views
    def row(self, figure: str) -> Mapping[str, Any] | None:
        """The row of one compared figure (None when not compared)."""
        hit = self.rows.loc[self.rows["figure"] == figure]
        return None if hit.empty else hit.iloc[0].to_dict()

    def records(self) -> list[dict[str, Any]]:
        """The rows as plain records (missing values None, bases whole numbers)."""
        out = []
        for r in self.rows.to_dict("records"):
            r = {k: None if not isinstance(v, (str, tuple, list)) and pd.isna(v) else v for k, v in r.items()}
            for k in ("base_previous", "base_current"):
                r[k] = None if r[k] is None else int(r[k])
            out.append(r)
        return out

    def counts(self) -> dict[str, int]:
        """How many figures got each judged verdict (better, worse, no_change, two_points)."""
        v = self.rows["verdict"] if len(self.rows) else pd.Series(dtype="object")
        return {k: int((v == k).sum()) for k in _COUNTED}

    def tested(self) -> tuple[int, int]:
        """How many figures were judged by an interval (every judged figure but the KPIs, which a run rule
        judges), and how many of them were called a change (better, worse, up, down)."""
        if not len(self.rows):
            return 0, 0
        v = self.rows.loc[self.rows["group"] != "kpi", "verdict"]
        changed = v.isin(("better", "worse", "up", "down"))
        return int((changed | (v == "no_change")).sum()), int(changed.sum())

    @property
    def moved(self) -> pd.DataFrame:
        """The services whose rank or wave moved."""
        p = self.priorities
        return p.loc[p["moved"]].reset_index(drop=True) if len(p) else p

    @property
    def uses_bootstrap(self) -> bool:
        return bool(len(self.rows)) and bool((self.rows["method"] == "bootstrap").any())

    # ------------------------------------------------------------------------------- presentation
    def findings(self, lang: str, *, marked: bool = True) -> list[str]:
        """The "Since the last report" sentences (:func:`svcwork.since.present.findings`); with
        ``marked=False`` the numbers without their figure markers."""
        from ..keyfigures import plain
        from .present import findings

        found = findings(self, lang)
        return found if marked else [plain(f) for f in found]

    def table(self, lang: str) -> pd.DataFrame:
        """The report's table of every compared figure (:func:`svcwork.since.present.table`)."""
        from .present import table

        return table(self, lang)

    def methods(self, lang: str) -> list[str]:
        """How the changes were judged (:func:`svcwork.since.present.methods`)."""
        from .present import methods

        return methods(self, lang)

    # ----------------------------------------------------------------------------- key figures
    def key_figures(self) -> list[KeyFigure]:
        """Every number the comparison's sentences quote (see the module's docstring)."""
        out: list[KeyFigure] = []
        for r in self.records():
            if r["verdict"] == "suppressed":
                continue
            fig = r["figure"]
            where = "since_services" if per_service(r) else "since"  # the table that shows it
            both = r["base_previous"] is not None and r["base_current"] is not None
            out += [
                KeyFigure(f"since.previous.{fig}", r["previous"], r["kind"], SECTION, base=r["base_previous"],
                          base_of=r["base_of"] if r["base_previous"] is not None else None, table=where, item=fig),
                KeyFigure(f"since.current.{fig}", r["current"], r["kind"], SECTION, base=r["base_current"],
                          base_of=r["base_of"] if r["base_current"] is not None else None, table=where, item=fig),
                KeyFigure(f"since.change.{fig}", shown_change(r), r["change_kind"], SECTION,
                          base=(r["base_previous"] + r["base_current"]) if both else None,
                          base_of=r["base_of"] if both else None, low=r["low"], high=r["high"], table=where,
                          item=fig)]
        out += [KeyFigure(f"since.{k}", v, "count", SECTION, table="since") for k, v in self.counts().items()]
        tested, called = self.tested()
        if tested:
            from .stats import CONFIDENCE

            out += [KeyFigure("since.tested", tested, "count", SECTION, table="since"),
                    KeyFigure("since.called", called, "count", SECTION, table="since"),
                    KeyFigure("since.by_chance", (1 - CONFIDENCE) * tested, "number", SECTION, table="since")]
        withheld = int((self.rows["verdict"] == "suppressed").sum()) if len(self.rows) else 0
        if withheld:
            out += [KeyFigure("since.suppressed", withheld, "count", SECTION, table="since"),
                    KeyFigure("since.min_group_size", self.min_group_size, "count", SECTION, table="since")]
        if self.uses_bootstrap:
            out += [KeyFigure("since.n_boot", self.n_boot, "count", SECTION, table="since"),
                    KeyFigure("since.seed", self.seed, "count", SECTION, table="since")]
        a = self.actions
        total = (a.get("current") or {}).get("total")
        for k in ("done", "opened", "overdue", "newly_overdue", "cancelled"):
            if a.get(f"n_{k}") is not None:
                out.append(KeyFigure(f"since.actions_{k}", int(a[f"n_{k}"]), "count", SECTION, table="since_actions",
                                     base=total, base_of="actions" if total is not None else None))
        for p in self.moved.to_dict("records"):
            for when in ("previous", "current"):
                if pd.notna(p[f"rank_{when}"]):
                    out.append(KeyFigure(f"since.{when}.prioritize.rank.{p['service_id']}", int(p[f"rank_{when}"]),
                                         "count", SECTION, table="since_priorities",
                                         item=f"prioritize.rank.{p['service_id']}"))
        recs = self.recommendations
        if len(recs):
            out.append(KeyFigure("since.recs", int(len(recs)), "count", SECTION, table="since_recommendations"))
            for state in STATES:
                out.append(KeyFigure(f"since.recs_{state}", int((recs["status"] == state).sum()), "count", SECTION,
                                     table="since_recommendations"))
        return list(registry(out).values())

    # --------------------------------------------------------------------------------- summary
    def summary(self) -> dict[str, Any]:
        """The ``since`` block of summary.json: both periods, each figure's change with its interval and
        verdict, the action plan, priorities and recommendations since, and the notes (JSON types)."""
        figures = []
        for r in self.records():
            figures.append({**{k: r[k] for k in ("figure", "group", "item", "kind", "change_kind", "direction",
                                                 "method", "verdict", "note")},
                            **{k: None if r[k] is None else int(r[k]) for k in ("base_previous", "base_current")},
                            **{k: round_or_none(r[k], 4) for k in ("previous", "current", "change", "low", "high")}})
        actions = {k: v for k, v in self.actions.items() if k not in ("previous", "current")}
        return json_ready({
            "previous": {"label": self.previous_label, "period": period_record(self.previous_period)},
            "current": {"label": self.current_label, "period": period_record(self.current_period)},
            "overlap": self.overlap,
            "confidence": self.confidence,
            "bootstrap": {"resamples": self.n_boot, "seed": self.seed} if self.uses_bootstrap else None,
            "min_group_size": self.min_group_size,
            "counts": self.counts(),
            "figures": figures,
            "actions": actions,
            "priorities": [{**_whole(p), "reasons": list(p["reasons"])} for p in self.priorities.to_dict("records")],
            "previous_focus": [_whole(p) for p in self.focus.to_dict("records")],
            "recommendations": self.recommendations.to_dict("records"),
            "notes": [dict(n) for n in self.notes],
        })


def _whole(record: Mapping[str, Any]) -> dict[str, Any]:
    """*record* with its ranks and waves as whole numbers (None when missing)."""
    return {k: (None if pd.isna(v) else int(v)) if k.startswith(("rank_", "wave_")) else v for k, v in record.items()}


def period_record(period: tuple[dt.date | None, dt.date | None]) -> dict[str, Any]:
    """A round's period as summary.json writes it: ``{"start", "end"}`` as ISO dates (None when unknown)."""
    start, end = period
    return {"start": start.isoformat() if start else None, "end": end.isoformat() if end else None}
