"""Manager packs: one short page of data per unit manager, and its suggested focus points.

Each pack holds a unit's KPI and survey signals (passed in, see
:func:`svcwork.links.unit_signals`, else the KPI snapshot), observation items and coaching
focus, open and overdue actions, training change and recurring lessons — all of it already
suppressed below ``min_group_size`` and without any employee code.  The focus points are
catalogue keys with their values; :mod:`svcwork.management.present` writes them and the pack's
tables in a language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping, Sequence

import pandas as pd

from ..common import round_or_none
from ..errors import AnalysisError
from ..i18n import t
from ._base import ALL, OPEN_STATUSES, _float, _to_date

if TYPE_CHECKING:
    from .result import ManagementResult

__all__ = ["SIGNAL_KINDS", "UnitSignal", "ItemScore", "ActionItem", "SkillChange", "FocusPoint", "UnitPack",
           "unit_packs"]


SIGNAL_KINDS = ("kpi", "survey")


@dataclass(frozen=True)
class UnitSignal:
    """A KPI or survey result for a unit's pack, passed in by the measures analysis (or the KPI sheet).

    ``kind`` is ``kpi`` (a KPI against its target, with its control-chart signals) or
    ``survey`` (an item's share agreeing, in %, with its Wilson interval and ``n`` responses).
    ``signal`` marks what needs the manager's attention (off target, out of control, below the
    other units).  ``low``/``high`` is the value's interval when there is one.
    """

    label: str
    value: float | None = None
    target: float | None = None
    low: float | None = None
    high: float | None = None
    signal: bool = False
    note: str = ""
    kind: str = "kpi"
    n: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in SIGNAL_KINDS:
            raise AnalysisError(t("management.error.signal_kind", "en", found=repr(self.kind)))


@dataclass(frozen=True)
class ItemScore:
    """An observation item's mean score in a unit (groups below ``min_group_size`` never become one)."""

    item: str
    n: int
    mean: float
    low: float | None = None
    high: float | None = None
    slope: float | None = None
    falling: bool = False


@dataclass(frozen=True)
class ActionItem:
    """One action of the plan, as a manager sees it."""

    action_id: str
    action: str
    owner: str
    due_date: dt.date | None
    status: str
    days_overdue: int | None = None
    source: str | None = None


@dataclass(frozen=True)
class SkillChange:
    """A training skill's pre/post change in a unit."""

    skill: str
    n: int
    mean_change: float | None
    low: float | None
    high: float | None
    dz: float | None = None


@dataclass(frozen=True)
class FocusPoint:
    """A suggested focus point: an i18n template key and its values (rendered per language).

    ``values`` holds ``(name, kind, value)`` with kind ``text``, ``item``, ``int``, ``score``,
    ``signed`` or ``date`` so numbers and frontline-skill names follow the report language.
    """

    key: str
    values: tuple[tuple[str, str, object], ...] = ()

    def text(self, lang: str) -> str:
        """The focus point as a sentence in *lang*."""
        from .present import focus_text

        return focus_text(self, lang)


@dataclass(frozen=True, eq=False)
class UnitPack:
    """One unit manager's page: signals, observations, actions, training and three focus points.

    Everything in a pack has already passed suppression (no group below ``min_group_size``)
    and holds no employee code, clear or pseudonymised.
    """

    unit: str
    min_size: int
    report_date: dt.date
    n_observations: int = 0
    observation_mean: float | None = None
    items: tuple[ItemScore, ...] = ()
    coaching: tuple[ItemScore, ...] = ()
    open_actions: tuple[ActionItem, ...] = ()
    overdue_actions: tuple[ActionItem, ...] = ()
    done_actions: int = 0
    signals: tuple[UnitSignal, ...] = ()
    training: tuple[SkillChange, ...] = ()
    recurring_lessons: tuple[str, ...] = ()
    lessons_without_action: int = 0
    focus: tuple[FocusPoint, ...] = ()

    def focus_points(self, lang: str) -> list[str]:
        """The (up to three) suggested focus points as sentences in *lang*."""
        return [f.text(lang) for f in self.focus]

    def tables(self, lang: str) -> dict[str, pd.DataFrame]:
        """The pack's small tables, headers translated (keys: signals (KPIs), survey, observations,
        actions, training — those with rows)."""
        from .present import pack_tables

        return pack_tables(self, lang)

    def summary(self) -> dict[str, Any]:
        """JSON-serialisable summary of the pack."""
        return {
            "unit": self.unit,
            "observations": {"n": int(self.n_observations), "mean": round_or_none(self.observation_mean, 2),
                             "coaching": [i.item for i in self.coaching]},
            "actions": {"open": len(self.open_actions), "overdue": len(self.overdue_actions),
                        "done": int(self.done_actions)},
            "signals": [{"kind": s.kind, "label": s.label, "value": _float(s.value), "low": _float(s.low),
                         "high": _float(s.high), "signal": bool(s.signal)} for s in self.signals],
            "training": {s.skill: {"mean_change": _float(s.mean_change), "low": _float(s.low), "high": _float(s.high),
                                   "n": int(s.n)} for s in self.training},
            "focus": [f.key for f in self.focus],
        }


def _signal_from(value: object) -> UnitSignal:
    if isinstance(value, UnitSignal):
        return value
    if isinstance(value, Mapping):
        allowed = {"label", "value", "target", "low", "high", "signal", "note", "kind", "n"}
        extra = set(value) - allowed
        if extra or "label" not in value:
            raise AnalysisError(t("management.error.signal_keys", "en", keys=", ".join(map(str, value))))
        return UnitSignal(**{k: value[k] for k in allowed if k in value})
    raise AnalysisError(t("management.error.signal_type", "en", found=type(value).__name__))


def _action_item(row: pd.Series) -> ActionItem:
    d = row["days_overdue"]
    return ActionItem(str(row["action_id"]), str(row["action"]), str(row["owner"]), _to_date(row["due_date"]),
                      str(row["status"]), None if pd.isna(d) else int(d),
                      None if pd.isna(row["source"]) else str(row["source"]))


def _focus_for(*, items: Sequence[ItemScore], coaching: Sequence[ItemScore], overdue: Sequence[ActionItem],
               open_: Sequence[ActionItem], signals: Sequence[UnitSignal], training: Sequence[SkillChange],
               recurring: Sequence[str], min_size: int, limit: int = 3) -> tuple[FocusPoint, ...]:
    """Suggested focus points from the unit's data, most pressing first (at most *limit*)."""
    pts: list[FocusPoint] = []
    if overdue:
        worst = max(overdue, key=lambda a: (a.days_overdue or 0))
        pts.append(FocusPoint("management.focus.overdue", (("count", "int", len(overdue)), ("action", "text", worst.action),
                                                            ("days", "int", worst.days_overdue or 0))))
    flagged = [s for s in signals if s.signal]
    if flagged:
        s = flagged[0]
        pts.append(FocusPoint("management.focus.signal", (("indicator", "text", s.label),
                                                           ("count", "int", len(flagged)))))
    for c in coaching:
        if c.falling:
            pts.append(FocusPoint("management.focus.falling", (("item", "item", c.item), ("mean", "score", c.mean))))
            break
    lowest = next((c for c in coaching if not c.falling), None)
    if lowest is not None:
        pts.append(FocusPoint("management.focus.coach", (("item", "item", lowest.item), ("mean", "score", lowest.mean),
                                                          ("n", "int", lowest.n))))
    if recurring:
        pts.append(FocusPoint("management.focus.recurring", (("category", "text", recurring[0]),)))
    flat = [s for s in training if s.low is not None and s.low <= 0]
    if flat:
        pts.append(FocusPoint("management.focus.training_flat", (("skill", "item", flat[0].skill),
                                                                  ("change", "signed", flat[0].mean_change))))
    if items:
        best = max(items, key=lambda i: (i.mean, -len(i.item)))
        if not coaching or best.item not in {c.item for c in coaching}:
            pts.append(FocusPoint("management.focus.strength", (("item", "item", best.item), ("mean", "score", best.mean))))
    if open_ and not overdue:
        nxt = min(open_, key=lambda a: a.due_date or dt.date.max)
        pts.append(FocusPoint("management.focus.next_action", (("count", "int", len(open_)), ("action", "text", nxt.action),
                                                                ("due", "date", nxt.due_date))))
    if not items:
        pts.append(FocusPoint("management.focus.observe", (("min", "int", min_size),)))
    if not open_:
        pts.append(FocusPoint("management.focus.plan", ()))
    pts.append(FocusPoint("management.focus.feedback", ()))
    seen: set[str] = set()
    out = []
    for p in pts:
        if p.key not in seen:
            seen.add(p.key)
            out.append(p)
    return tuple(out[:limit])


def unit_packs(result: "ManagementResult", *, signals: Mapping[str, Sequence[UnitSignal | Mapping[str, Any]]] | None = None
               ) -> tuple[UnitPack, ...]:
    """One :class:`UnitPack` per unit found in any of the management data (or in *signals*).

    *signals* maps a unit name to its KPI and survey results (``UnitSignal`` or mappings with
    the same fields): :func:`~svcwork.links.unit_signals` builds them from the
    measures analysis (KPI control-chart signals, survey shares with Wilson intervals,
    suppressed).  Units missing from it fall back to the latest KPI values against their
    targets from the intake (:func:`~svcwork.management.kpis.kpi_snapshot`, no control-chart
    signals).
    """
    if signals is not None and not isinstance(signals, Mapping):
        raise AnalysisError(t("management.error.signals", "en", found=type(signals).__name__))
    given = {str(u): tuple(_signal_from(s) for s in v) for u, v in (signals or {}).items()}
    r = result
    units: set[str] = set()
    for frame, col in ((r.unit_items, "unit"), (r.actions, "unit"), (r.lessons, "unit"), (r.training_by_unit, "unit"),
                       (r.kpis, "unit"), (r.unit_counts, "unit")):
        if frame is not None and len(frame) and col in frame.columns:
            units.update(str(u) for u in frame[col].dropna() if str(u) and str(u) != ALL)
    units.update(given)
    packs = []
    for unit in sorted(units):
        n_obs = int(r.unit_counts.loc[r.unit_counts["unit"] == unit, "n"].sum()) if len(r.unit_counts) else 0
        mean = None
        if n_obs >= r.min_size:
            mean = _float(r.unit_counts.loc[r.unit_counts["unit"] == unit, "mean"].iloc[0])
        ui = r.unit_items[r.unit_items["unit"] == unit] if len(r.unit_items) else r.unit_items
        cf = r.coaching[r.coaching["unit"] == unit] if len(r.coaching) else r.coaching
        slopes = {row["item"]: (row["slope"], bool(row["falling"])) for _, row in cf.iterrows()}
        items = tuple(sorted((ItemScore(str(row["item"]), int(row["n"]), float(row["mean"]), _float(row["low"]),
                                        _float(row["high"]), _float(slopes.get(row["item"], (None, False))[0]),
                                        slopes.get(row["item"], (None, False))[1]) for _, row in ui.iterrows()),
                             key=lambda i: (i.mean, i.item)))
        focus_items = cf[cf["focus"]] if len(cf) else cf
        by_item = {i.item: i for i in items}
        coaching = tuple(by_item[str(row["item"])] for _, row in focus_items.iterrows() if str(row["item"]) in by_item)
        acts = r.actions[r.actions["unit"] == unit] if len(r.actions) else r.actions
        open_rows = acts[acts["status"].isin(OPEN_STATUSES)].sort_values(["due_date", "action_id"]) if len(acts) else acts
        open_ = tuple(_action_item(row) for _, row in open_rows.iterrows())
        overdue = tuple(a for a in open_ if a.days_overdue is not None)
        done = int((acts["status"] == "done").sum()) if len(acts) else 0
        sig = given.get(unit)
        if sig is None:
            k = r.kpis[r.kpis["unit"] == unit] if len(r.kpis) else r.kpis
            sig = tuple(UnitSignal(str(row["kpi_name"]), _float(row["value"]), _float(row["target"]),
                                   signal=row["on_target"] is False or row["on_target"] == False,  # noqa: E712
                                   note=str(row["period"].strftime("%Y-%m")) if not pd.isna(row["period"]) else "")
                        for _, row in k.iterrows())
        tr = r.training_by_unit[r.training_by_unit["unit"] == unit] if len(r.training_by_unit) else r.training_by_unit
        training = tuple(SkillChange(str(row["skill"]), int(row["n"]), _float(row["change"]), _float(row["low"]),
                                     _float(row["high"]), _float(row["dz"])) for _, row in tr.iterrows())
        les = r.lessons[r.lessons["unit"] == unit] if len(r.lessons) else r.lessons
        recurring: tuple[str, ...] = ()
        unlinked = 0
        if len(les):
            per = les.assign(_p=les["date"].dt.to_period(r.period))
            g = per.groupby("category")
            rec = g["_p"].nunique()
            recurring = tuple(sorted(rec[rec >= 2].index.astype(str), key=lambda c: (-int(g.size()[c]), c)))
            unlinked = int((~les["with_action"]).sum())
        focus = _focus_for(items=items, coaching=coaching, overdue=overdue, open_=open_, signals=sig,
                           training=training, recurring=recurring, min_size=r.min_size)
        packs.append(UnitPack(unit=unit, min_size=r.min_size, report_date=r.report_date, n_observations=n_obs,
                              observation_mean=mean, items=items, coaching=coaching, open_actions=open_,
                              overdue_actions=overdue, done_actions=done, signals=sig, training=training,
                              recurring_lessons=recurring, lessons_without_action=unlinked, focus=focus))
    return tuple(packs)
