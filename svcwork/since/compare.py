"""Two rounds of one client compared: :func:`compare` (current, previous) → :class:`~svcwork.since.Since`.

A :class:`Round` is what a report leaves behind: its ``summary.json`` mapping and, optionally, the
compact record of :mod:`svcwork.since.cases` (per-case rows, the Actions and Recommendations
sheets' ids).  :func:`compare` sets every figure the two rounds share side by side
(:mod:`~svcwork.since.rows`, :mod:`~svcwork.since.plan`) and adds the notes a reader needs before
trusting a change:

* ``overlap`` — the two periods share months: the rounds are not independent samples, so the
  intervals (which assume they are) are wider than need be — a change they call real still is;
* ``definition`` — a definition behind figures changed between the rounds (the deadline in days, the
  repeat-contact window, an observation or training scale, or one the summary records under
  ``definitions``: ``survey_scale``, ``scale.<item>``, ``kpi.<kpi_id>`` …): those figures get the verdict
  ``not_comparable``;
* ``small_group`` — figures withheld because a group falls under the suppression threshold (the
  larger of the two rounds' thresholds, so a threshold raised since applies to both) in either round;
* ``no_case_record`` — a round kept no case record: the case times are compared without an interval.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from ..errors import AnalysisError
from ..i18n import t
from ..keyfigures import KeyFigure, from_records
from . import plan, rows
from .cases import RoundRecord, read_record
from .result import Since
from .stats import CONFIDENCE, N_BOOT, SEED

__all__ = ["Round", "compare", "DEFINITIONS", "RECORD_DIR", "TOP_SERVICES"]

#: The folder, beside a run's summary.json, that holds its compact record.
RECORD_DIR = "round"
#: Services compared one by one (the largest by cases in the current round).
TOP_SERVICES = 5
#: Each definition a round records, and the figures (key prefixes) it defines.
DEFINITIONS: Mapping[str, tuple[str, ...]] = {
    "deadline_days": ("journeys.deadline_missed",),
    "repeat_window_days": ("journeys.repeat_contact", "journeys.fcr"),
    "observation_scale": ("management.item_mean.",),
    "training_scale": ("management.training_change.",),
    "survey_scale": ("measures.item.", "measures.nps"),
}


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True, eq=False)
class Round:
    """One report of a client: its ``summary`` (summary.json) and optionally its compact record
    (``cases``, ``actions``, ``recommendations``: :mod:`svcwork.since.cases`)."""

    summary: Mapping[str, Any]
    cases: pd.DataFrame | None = None
    actions: pd.DataFrame | None = None
    recommendations: pd.DataFrame | None = None

    @classmethod
    def from_record(cls, summary: Mapping[str, Any], record: RoundRecord | None) -> "Round":
        record = record or RoundRecord()
        return cls(summary, record.cases, record.actions, record.recommendations)

    @classmethod
    def load(cls, path: str | Path, *, record_dir: str = RECORD_DIR) -> "Round":
        """A round from a run's output folder (or its summary.json, or a history ``<period>.json``):
        the summary and, when the folder beside it holds one, the compact record (``<record_dir>/``)."""
        p = Path(path)
        summary_path = p / "summary.json" if p.is_dir() else p
        summary = json.loads(summary_path.read_text(encoding="utf-8"))
        folder = summary_path.parent / record_dir if p.is_dir() or summary_path.name == "summary.json" \
            else summary_path.with_suffix("")
        return cls.from_record(summary, read_record(folder) if folder.is_dir() else None)

    @cached_property
    def figures(self) -> dict[str, KeyFigure]:
        """The round's key figures (summary.json's ``key_figures``)."""
        return from_records(self.summary.get("key_figures") or {})

    @property
    def period(self) -> tuple[dt.date | None, dt.date | None]:
        p = self.summary.get("period") or {}
        return _date(p.get("start")), _date(p.get("end"))

    @property
    def report_date(self) -> dt.date | None:
        return _date(self.summary.get("report_date")) or self.period[1]

    @property
    def label(self) -> str:
        """The round's name in history: the summary's ``period_label`` if any, else its period's end date."""
        return str(self.summary.get("period_label") or (self.period[1] or self.report_date or ""))

    @property
    def min_group_size(self) -> int:
        """The round's suppression threshold: the summary's ``min_group_size``, else the management
        section's key figure of it, else the intake's default (10)."""
        found = self.summary.get("min_group_size") or self._value("management.min_group_size")
        return int(found) if found is not None else 10

    def _value(self, key: str) -> Any:
        f = self.figures.get(key)
        return None if f is None else f.value

    @cached_property
    def definitions(self) -> dict[str, Any]:
        """What defines the round's figures: from its key figures and case record, overridden by the
        summary's own ``definitions`` mapping when it has one (e.g. ``survey_scale``, ``scale.<item>``)."""
        attrs = self.cases.attrs if self.cases is not None else {}
        found = {
            "deadline_days": self._value("journeys.deadline_days") or attrs.get("sla_days"),
            "repeat_window_days": self._value("journeys.repeat_window_days") or attrs.get("repeat_contact_days"),
            "observation_scale": _pair(self._value("management.scale_min"), self._value("management.scale_max")),
            "training_scale": _pair(self._value("management.training_scale_min"),
                                    self._value("management.training_scale_max")),
        }
        found.update(dict(self.summary.get("definitions") or {}))
        return {k: v for k, v in found.items() if v is not None}


def _pair(a: Any, b: Any) -> str | None:
    return None if a is None or b is None else f"{float(a):g}–{float(b):g}"


def _changed_definitions(current: Round, previous: Round) -> list[dict[str, Any]]:
    cur, prev = current.definitions, previous.definitions
    return [{"name": k, "previous": prev[k], "current": cur[k]} for k in sorted(set(cur) & set(prev))
            if str(cur[k]) != str(prev[k])]


def _affected(name: str) -> tuple[str, ...]:
    if name in DEFINITIONS:
        return DEFINITIONS[name]
    if name.startswith("scale."):
        return (f"measures.item.{name.split('.', 1)[1]}",)
    if name.startswith("kpi."):
        return (f"measures.kpi_last.{name.split('.', 1)[1]}",)
    return ()


def compare(current: Round, previous: Round, *, top_services: int = TOP_SERVICES, n_boot: int = N_BOOT,
            seed: int = SEED, confidence: float = CONFIDENCE) -> Since:
    """What changed between *previous* and *current* (two reports of one client), and whether it is real.

    Raises :class:`~svcwork.errors.AnalysisError` when *previous* is not an earlier round (its period
    ends on or after the current one's end)."""
    (c_start, c_end), (p_start, p_end) = current.period, previous.period
    if c_end is not None and p_end is not None and p_end >= c_end:
        raise AnalysisError(t("since.error.order", "en", previous=p_end.isoformat(), current=c_end.isoformat()))
    cur, prev = current.figures, previous.figures
    m = max(current.min_group_size, previous.min_group_size)
    opts = {"min_size": m, "confidence": confidence}
    found = [*rows.survey_rows(cur, prev, **opts), *rows.nps_rows(cur, prev, **opts),
             *rows.journey_rows(cur, prev, current.cases, previous.cases, n_boot=n_boot, seed=seed,
                                top_services=top_services, **opts),
             *plan.kpi_rows(current.summary, previous.summary, cur),
             *rows.observation_rows(cur, prev, **opts), *rows.training_rows(cur, prev, **opts)]
    actions = plan.action_changes(current.actions, previous.actions, current.summary, previous.summary,
                                  current.report_date, previous.report_date)
    found += plan.action_rows(actions)
    changed = _changed_definitions(current, previous)
    for d in changed:
        prefixes = _affected(d["name"])
        for r in found:
            if prefixes and r["figure"].startswith(prefixes) and r["verdict"] != "suppressed":
                r.update(verdict="not_comparable", note=f"definition:{d['name']}")
    notes: list[dict[str, Any]] = []
    overlap = bool(c_start and p_end and c_start <= p_end)
    if overlap:
        notes.append({"code": "overlap", "previous_end": p_end.isoformat(), "current_start": c_start.isoformat()})
    notes += [{"code": "definition", **d} for d in changed]
    small = sum(r["verdict"] == "suppressed" for r in found)
    if small:
        notes.append({"code": "small_group", "n": small, "min_group_size": m})
    if any(r["note"] == "no_case_record" for r in found):
        notes.append({"code": "no_case_record"})
    frame = pd.DataFrame(found, columns=list(rows.ROW_FIELDS))
    return Since(
        current_label=current.label, previous_label=previous.label, current_period=(c_start, c_end),
        previous_period=(p_start, p_end), rows=frame, actions=actions,
        priorities=plan.priority_moves(current.summary, previous.summary),
        focus=plan.focus_status(previous.summary, current.actions, current.summary),
        recommendations=plan.recommendation_status(previous.recommendations, current.actions),
        notes=tuple(notes), overlap=overlap, min_group_size=m, confidence=confidence, n_boot=int(n_boot),
        seed=int(seed), language=str(current.summary.get("language") or "en"))
