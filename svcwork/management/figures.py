"""The management section's key figures: every number its sentences quote, named and defined once.

:func:`key_figures` reads a :class:`~svcwork.management.result.ManagementResult`'s frames (never
its formatted text) and returns :class:`~svcwork.keyfigures.KeyFigure` records: the action plan's
counts, the findings the plan leaves without an action, the observation scores (and exactly what
they are counted over), observer agreement, the training's two sources (the training file's own
test scores, and the observation scores of trained employees before and after), the lessons
learned, and the parameters the text names (the score scale, the Pareto line, the bootstrap).
Their names and definitions are the catalogue's ``management.figure.<name>`` and
``management.figure.<name>.def`` (:mod:`svcwork.i18n.management`).

Bases: ``actions`` (rows of the Actions sheet), ``findings`` (findings of the other analyses
checked against the plan), ``observations`` (observation sessions: one employee observed by one
observer on one day), ``scores`` (scored items: one item scored in one session — a session scores
several items, so scores = sessions × items scored), ``pairs`` (the same employee and item scored
by two observers on the same day), ``staff`` (employees), ``events`` (reviewed events of the
Lessons sheet), ``units``.

An item's mean observation score (``item_mean``) and the lowest unit × item cell (``lowest_cell``)
carry the interval of their table: clustered by employee (CR1, t with G − 1 degrees of freedom, G
the employees; Cameron & Miller 2015, :func:`svcwork.management._base._cluster_interval`).  Their
base stays the scores (what the sentences quote); the employees the interval rests on are the
item's ``item_staff`` figure, which the re-measurement (:mod:`svcwork.since.rows`) reads to recover
the standard error from the interval with the interval's own degrees of freedom (G − 1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..keyfigures import KeyFigure
from ._base import ALL, SCALE, STATUSES, _float
from .coverage import SUGGEST_OVERLAP
from .items import item_label
from .lessons import VITAL_SHARE

if TYPE_CHECKING:  # pragma: no cover
    from .result import ManagementResult

__all__ = ["key_figures", "SECTION"]

SECTION = "management"


def _fig(name: str, value, kind: str, *, item: str | None = None, **kw) -> KeyFigure:
    key = f"{SECTION}.{name}" + (f".{item}" if item is not None else "")
    return KeyFigure(key=key, value=value, kind=kind, section=SECTION, item=item, **kw)


def _item(r: ManagementResult, item: object) -> str:
    """An observation item or skill as the engagement's language names it (its id in the figure's key)."""
    return item_label(item, r.language)


def _int(x) -> int | None:
    v = _float(x)
    return None if v is None else int(round(v))


def key_figures(r: ManagementResult) -> tuple[KeyFigure, ...]:
    """The management figures of *r* (see the module docstring for what each base counts).

    An observation item or training skill is named as the engagement's language names it (a
    frontline skill: "הכלת כעס" in a Hebrew engagement, "containing anger" in an English one), so
    the key-figures appendix shows it in the report's words.
    """
    out: list[KeyFigure] = [_fig("scale_min", SCALE[0], "count"), _fig("scale_max", SCALE[-1], "count"),
                            _fig("confidence", 1 - r.alpha, "share"), _fig("min_group_size", int(r.min_size), "count")]
    out += _action_figures(r)
    out += _finding_figures(r)
    out += _observation_figures(r)
    out += _calibration_figures(r)
    out += _training_figures(r)
    out += _lesson_figures(r)
    return tuple(out)


# --------------------------------------------------------------------------- action plan
def _action_figures(r: ManagementResult) -> list[KeyFigure]:
    a = r.actions
    if not r.has_actions or not len(a):
        return []
    total = int(len(a))
    counts = {s: int((a["status"] == s).sum()) for s in STATUSES}
    base = dict(base=total, base_of="actions", table="actions_by_unit")
    out = [_fig("actions_total", total, "count", table="actions_by_unit"),
           _fig("actions_open", counts["open"] + counts["in progress"], "count", **base),
           _fig("actions_not_started", counts["open"], "count", **base),
           _fig("actions_in_progress", counts["in progress"], "count", **base),
           _fig("actions_done", counts["done"], "count", **base),
           _fig("actions_cancelled", counts["cancelled"], "count", **base),
           _fig("actions_overdue", int(a["overdue"].sum()), "count", base=total, base_of="actions",
                table="actions_overdue")]
    bu = r.by_unit
    if len(bu):
        open_ = (bu["open"] + bu["in progress"]).astype(int)
        named = bu[bu["unit"].map(lambda u: isinstance(u, str) and u != "")]
        if len(named) and open_[named.index].max() > 0:
            i = open_[named.index].sort_values(ascending=False, kind="stable").index[0]
            out.append(_fig("unit_open", int(open_[i]), "count", item=str(bu.loc[i, "unit"]),
                            base=int(bu.loc[i, "total"]), base_of="actions", table="actions_by_unit"))
    if len(r.burndown):
        at = r.burndown[r.burndown["actual"].notna()]
        if len(at):
            row = at.iloc[-1]
            live = total - counts["cancelled"]
            out += [_fig("planned_remaining", int(row["planned"]), "count", base=live, base_of="actions",
                         table="actions_burndown"),
                    _fig("actual_remaining", int(row["actual"]), "count", base=live, base_of="actions",
                         table="actions_burndown")]
    if len(r.rounds) and "due" in r.rounds.columns:
        last = r.rounds.iloc[-1]
        base = dict(base=int(last["total"]), base_of="actions", table="actions_rounds")
        out += [_fig("round_due", int(last["due"]), "count", **base),
                _fig("round_done", int(last["done"]), "count", base=int(last["due"]), base_of="actions",
                     table="actions_rounds"),
                _fig("round_remaining", int(last["remaining"]), "count", base=int(last["due"]), base_of="actions",
                     table="actions_rounds")]
    return out


def _finding_figures(r: ManagementResult) -> list[KeyFigure]:
    u = r.unanswered
    if not len(u):
        return []
    covered = u["covered"].astype(bool)
    has = u["suggested"].fillna("").astype(str).ne("") if "suggested" in u.columns else pd.Series(False, index=u.index)
    suggested = ~covered & has
    base = dict(base=int(len(u)), base_of="findings", table="findings_without_action")
    return [_fig("findings_checked", int(len(u)), "count", table="findings_without_action"),
            _fig("findings_unanswered", int((~covered).sum()), "count", **base),
            _fig("findings_covered", int(covered.sum()), "count", **base),
            _fig("findings_suggested", int(suggested.sum()), "count", base=int((~covered).sum()), base_of="findings",
                 table="findings_without_action"),
            _fig("suggest_overlap", SUGGEST_OVERLAP, "share")]


# --------------------------------------------------------------------------- observations
def _observation_figures(r: ManagementResult) -> list[KeyFigure]:
    if not r.has_observations:
        return []
    shown = int(r.items["n"].sum()) if len(r.items) else 0
    out = [_fig("observations", int(r.n_sessions), "count", table="observations_by_item"),
           _fig("scores", int(r.n_observations), "count", table="observations_by_item"),
           _fig("scores_shown", shown, "count", base=int(r.n_observations), base_of="scores",
                table="observations_by_item")]
    for _, row in r.items.iterrows():
        item = _item(r, row["item"])
        out.append(_fig("item_mean", _float(row["mean"]), "mean", item=item, base=int(row["n"]),
                        base_of="scores", low=_float(row["low"]), high=_float(row["high"]),
                        table="observations_by_item"))
        # the clusters of item_mean's interval (its degrees of freedom + 1), for the re-measurement
        out.append(_fig("item_staff", int(row["employees"]), "count", item=item, table="observations_by_item"))
    if len(r.unit_items):
        low = r.unit_items.sort_values(["mean", "unit", "item"], kind="stable").iloc[0]
        out.append(_fig("lowest_cell", _float(low["mean"]), "mean", item=f"{low['unit']} · {_item(r, low['item'])}",
                        base=int(low["n"]), base_of="scores", low=_float(low.get("low")), high=_float(low.get("high")),
                        table="observations_by_unit_item"))
    co = r.coaching
    if len(co):
        first = co[co["rank"] == 1]
        n_units = int(co["unit"].nunique())
        for item, k in first["item"].astype(str).value_counts().sort_index().items():
            out.append(_fig("coaching_first", int(k), "count", item=_item(r, item), base=n_units, base_of="units",
                            table="coaching_focus"))
    tr = r.trend
    if len(tr) and tr["period"].nunique() >= 2:
        periods = sorted(tr["period"].astype(str).unique())
        for item, g in tr.groupby("item", sort=True):
            g = g.assign(period=g["period"].astype(str)).set_index("period")
            if periods[0] in g.index and periods[-1] in g.index:
                a, b = g.loc[periods[0]], g.loc[periods[-1]]
                out.append(_fig("trend_change", _float(b["mean"] - a["mean"]), "points", item=_item(r, item),
                                base=int(a["n"] + b["n"]), base_of="scores", table="observation_trend"))
    return out


def _calibration_figures(r: ManagementResult) -> list[KeyFigure]:
    cal = r.calibration
    if not len(cal):
        return []
    rows = cal[cal["observer_a"] == ALL]
    row = rows.iloc[0] if len(rows) else cal.iloc[0]
    if _float(row["kappa"]) is None:
        return []
    out = [_fig("kappa", _float(row["kappa"]), "kappa", base=int(row["n"]), base_of="pairs",
                low=_float(row["kappa_low"]), high=_float(row["kappa_high"]), table="calibration")]
    if not pd.isna(row.get("n_boot")):
        out += [_fig("n_boot", int(row["n_boot"]), "count", table="calibration"),
                _fig("seed", int(row["seed"]), "count", table="calibration")]
    return out


# --------------------------------------------------------------------------- training
def _training_figures(r: ManagementResult) -> list[KeyFigure]:
    out: list[KeyFigure] = []
    tr = r.training
    if len(tr):
        staff = int(tr["employees"].max())
        out.append(_fig("training_staff", staff, "count", table="training_effect"))
        lo, _, hi = str(r.training_scale).partition("\u2013")  # the training file's own scale ("0–100")
        if _float(lo) is not None and _float(hi) is not None:
            kind = "count" if float(lo).is_integer() and float(hi).is_integer() else "number"
            out += [_fig("training_scale_min", _float(lo), kind, table="training_effect"),
                    _fig("training_scale_max", _float(hi), kind, table="training_effect")]
        for _, row in tr.iterrows():
            if _float(row["change"]) is None:
                continue
            # the base is what the interval rests on: the paired scores (one per employee: the staff)
            pairs = int(row["n"])
            out.append(_fig("training_change", _float(row["change"]), "points", item=_item(r, row["skill"]),
                            base=pairs, base_of="staff" if pairs == int(row["employees"]) else "pairs",
                            low=_float(row["low"]),
                            high=_float(row["high"]), table="training_effect"))
    tf = r.transfer
    if len(tf):
        out.append(_fig("transfer_staff", int(tf["n"].max()), "count", table="training_transfer"))
        for _, row in tf.iterrows():
            if _float(row["change"]) is None:
                continue
            out.append(_fig("transfer_change", _float(row["change"]), "points", item=_item(r, row["skill"]),
                            base=int(row["n"]), base_of="staff", low=_float(row["low"]), high=_float(row["high"]),
                            table="training_transfer"))
    return out


# --------------------------------------------------------------------------- lessons learned
def _lesson_figures(r: ManagementResult) -> list[KeyFigure]:
    p = r.pareto
    if not len(p):
        return []
    events = int(p["n"].sum())
    base = dict(base=events, base_of="events", table="lessons_pareto")
    top = p.iloc[0]
    vital = p[p["vital_few"].astype(bool)]
    return [_fig("lessons_events", events, "count", table="lessons_pareto"),
            _fig("lessons_without_action", int(p["without_action"].sum()), "count", **base),
            _fig("lessons_with_action", int(p["with_action"].sum()), "count", **base),
            _fig("lessons_top_share", _float(top["share"]), "share", item=str(top["category"]), **base),
            _fig("vital_share", VITAL_SHARE, "share"),
            _fig("lessons_categories", int(len(p)), "count", table="lessons_pareto"),
            _fig("vital_few", int(len(vital)), "count", table="lessons_pareto"),
            _fig("vital_few_share", _float(vital["share"].sum()) if len(vital) else None, "share", **base)]
