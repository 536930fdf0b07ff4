"""Lessons learned: Pareto analysis of event categories (Juran's "vital few": the categories that
make up the first 80 % of events), recurring categories, and lessons with and without an action."""

from __future__ import annotations

import pandas as pd

from ..common import require_columns
from ..errors import AnalysisError
from ..i18n import t
from ..schema import ENUMS, normalize_name
from ._base import _check_period, _text

__all__ = ["lessons_pareto", "lessons_without_action"]


def _prepare_lessons(lessons: pd.DataFrame, actions: pd.DataFrame | None) -> pd.DataFrame:
    require_columns(lessons, ("date", "unit", "event", "category"), "Lessons")
    cat = _text(lessons["category"])
    norm = cat.map(lambda v: normalize_name(v) if isinstance(v, str) else v)
    first: dict[str, str] = {}
    for n_, v in zip(norm, cat):
        if isinstance(n_, str):
            first.setdefault(n_, v)
    out = pd.DataFrame({
        "date": pd.to_datetime(lessons["date"], errors="coerce"),
        "unit": _text(lessons["unit"]),
        "event": _text(lessons["event"]),
        "category": norm.map(lambda n_: first.get(n_) if isinstance(n_, str) else pd.NA).astype("string"),
        "lesson": _text(lessons["lesson"]) if "lesson" in lessons.columns else pd.Series(pd.NA, index=lessons.index, dtype="string"),
        "action_id": _text(lessons["action_id"]) if "action_id" in lessons.columns else pd.Series(pd.NA, index=lessons.index, dtype="string"),
    })
    if len(out) and out["date"].dt.tz is not None:
        out["date"] = out["date"].dt.tz_localize(None)
    status: dict[str, str] = {}
    if actions is not None and len(actions) and "action_id" in actions.columns:
        lookup = ENUMS["status"].lookup()
        st_col = _text(actions["status"]) if "status" in actions.columns else pd.Series(pd.NA, index=actions.index)
        for i, s in zip(_text(actions["action_id"]), st_col):
            if isinstance(i, str):
                status[i.casefold()] = lookup.get(normalize_name(s)) if isinstance(s, str) else None
    out["with_action"] = out["action_id"].map(lambda i: isinstance(i, str) and i.casefold() in status).astype(bool)
    out["action_status"] = out["action_id"].map(lambda i: status.get(i.casefold()) if isinstance(i, str) else None)
    return out.dropna(subset=["category"]).reset_index(drop=True)


def lessons_pareto(lessons: pd.DataFrame, *, actions: pd.DataFrame | None = None, period: str = "M",
                   recurring_periods: int = 2, vital_share: float = 0.8) -> pd.DataFrame:
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
    """Reviewed events that led to no action of the plan (date, unit, category, event, lesson)."""
    les = _prepare_lessons(lessons, actions)
    out = les.loc[~les["with_action"], ["date", "unit", "category", "event", "lesson"]]
    return out.sort_values(["date", "unit"]).reset_index(drop=True)
