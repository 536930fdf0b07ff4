"""Lessons learned: Pareto analysis of event categories (Juran's "vital few": the categories that
make up the first 80 % of events), recurring categories, and lessons with and without an action."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..common import require_columns
from ..errors import AnalysisError
from ..i18n import t
from ..schema import ENUMS, normalize_name
from ._base import _check_period, _text

__all__ = ["lessons_pareto", "lessons_without_action", "VITAL_SHARE"]

#: The Pareto line: the "vital few" categories make up the first 80 % of events (Juran).
VITAL_SHARE = 0.8


def _prepare_lessons(lessons: pd.DataFrame, actions: pd.DataFrame | None) -> pd.DataFrame:
    """The lessons, clean, each with the action of the plan it led to.

    A lesson led to an action when its ``action_id`` names an action of the plan, or an action
    names the lesson's ``lesson_id`` in its ``lesson`` column (the link by id from either side), and
    that action is not cancelled — a cancelled action answers nothing, as for the findings
    (:mod:`svcwork.management.coverage`).  A lesson linked only to cancelled actions keeps the link
    (``linked_action``, ``action_status`` "cancelled") but did not lead to an action.
    """
    require_columns(lessons, ("date", "unit", "event", "category"), "Lessons")
    cat = _text(lessons["category"])
    norm = cat.map(lambda v: normalize_name(v) if isinstance(v, str) else v)
    first: dict[str, str] = {}
    for n_, v in zip(norm, cat):
        if isinstance(n_, str):
            first.setdefault(n_, v)

    def opt(col: str) -> pd.Series:
        return _text(lessons[col]) if col in lessons.columns else pd.Series(pd.NA, index=lessons.index, dtype="string")

    out = pd.DataFrame({
        "lesson_id": opt("lesson_id"),
        "date": pd.to_datetime(lessons["date"], errors="coerce"),
        "unit": _text(lessons["unit"]),
        "event": _text(lessons["event"]),
        "category": norm.map(lambda n_: first.get(n_) if isinstance(n_, str) else pd.NA).astype("string"),
        "lesson": opt("lesson"),
        "action_id": opt("action_id"),
    })
    if len(out) and out["date"].dt.tz is not None:
        out["date"] = out["date"].dt.tz_localize(None)
    status: dict[str, str | None] = {}
    named: dict[bool, dict[str, str]] = {True: {}, False: {}}  # live?, lesson_id -> the first action naming it
    if actions is not None and len(actions) and "action_id" in actions.columns:
        lookup = ENUMS["status"].lookup()
        st_col = _text(actions["status"]) if "status" in actions.columns else pd.Series(pd.NA, index=actions.index)
        back = _text(actions["lesson"]) if "lesson" in actions.columns else pd.Series(pd.NA, index=actions.index)
        for i, s, les in zip(_text(actions["action_id"]), st_col, back):
            if isinstance(i, str):
                status[i.casefold()] = lookup.get(normalize_name(s)) if isinstance(s, str) else None
                if isinstance(les, str):
                    named[status[i.casefold()] != "cancelled"].setdefault(les.casefold(), i)

    def link(own: Any, lesson_id: Any) -> tuple[str | None, bool]:
        """The action a lesson led to, and whether it is live (not cancelled): a live one first."""
        own_known = isinstance(own, str) and own.casefold() in status
        if own_known and status[own.casefold()] != "cancelled":
            return own, True
        back_live = named[True].get(lesson_id.casefold()) if isinstance(lesson_id, str) else None
        if back_live is not None:
            return back_live, True
        back_dead = named[False].get(lesson_id.casefold()) if isinstance(lesson_id, str) else None
        return (own if own_known else back_dead), False

    links = [link(a, lid) for a, lid in zip(out["action_id"], out["lesson_id"])]
    out["linked_action"] = pd.Series([a for a, _ in links], index=out.index, dtype="string")
    out["with_action"] = pd.Series([live for _, live in links], index=out.index, dtype=bool)
    out["action_status"] = out["linked_action"].map(lambda i: status.get(i.casefold()) if isinstance(i, str) else None)
    return out.dropna(subset=["category"]).reset_index(drop=True)


def lessons_pareto(lessons: pd.DataFrame, *, actions: pd.DataFrame | None = None, period: str = "M",
                   recurring_periods: int = 2, vital_share: float = VITAL_SHARE) -> pd.DataFrame:
    """Events by category, most frequent first, with shares (Pareto) and recurrence.

    ``vital_few`` marks the categories that together account for the first *vital_share* of
    events (the category that crosses the line is included).  A category is ``recurring`` when
    it occurred in at least *recurring_periods* different periods (months ``M`` / quarters ``Q``).
    ``with_action`` / ``without_action`` count lessons linked (or not) to an action of the plan;
    ``action_done`` those whose action is done.
    """
    period = _check_period(period)
    if not (0 < vital_share <= 1):
        raise AnalysisError(t("management.error.vital_share", "en", found=repr(vital_share)))
    les = _prepare_lessons(lessons, actions)
    cols = ["category", "n", "share", "cumulative", "vital_few", "periods", "recurring", "units", "with_action",
            "without_action", "action_done"]
    if les.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in cols})
    les["_per"] = les["date"].dt.to_period(period)
    g = les.groupby("category", sort=False, observed=True)
    out = pd.DataFrame({
        "n": g.size(),
        "periods": g["_per"].nunique(),
        "units": g["unit"].nunique(),
        "with_action": g["with_action"].sum().astype(int),
        "action_done": g["action_status"].apply(lambda s: int((s == "done").sum())),
    }).reset_index()
    out["without_action"] = out["n"] - out["with_action"]
    out = out.sort_values(["n", "category"], ascending=[False, True]).reset_index(drop=True)
    total = out["n"].sum()
    out["share"] = out["n"] / total
    out["cumulative"] = out["share"].cumsum()
    before = out["cumulative"] - out["share"]
    out["vital_few"] = before < vital_share - 1e-12
    out["recurring"] = out["periods"] >= recurring_periods
    return out[cols]


def lessons_without_action(lessons: pd.DataFrame, *, actions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Reviewed events that led to no action of the plan (lesson_id, date, unit, category, event, lesson):
    neither their ``action_id`` names an action nor an action names their ``lesson_id``."""
    les = _prepare_lessons(lessons, actions)
    out = les.loc[~les["with_action"], ["lesson_id", "date", "unit", "category", "event", "lesson"]]
    return out.sort_values(["date", "unit"]).reset_index(drop=True)
