"""How a management result is shown: translated tables, figures and sentences.

Everything here needs a language, matplotlib or a header; the computation modules of
:mod:`svcwork.management` return frames and small objects only.  ``ManagementResult.tables``,
``figures``, ``findings`` and ``skipped``, and a pack's ``tables`` and ``focus_points``, call these.

* :func:`tables` — the report and workbook tables: headers translated from the catalogue
  (``management.col.*``), items and statuses in the report language, numbers rounded for display
  (never "-0"); every frame was suppressed before;
* :func:`findings`, :func:`takeaways`, :func:`methods` (written in
  :mod:`~svcwork.management.present_text`: every number a marked key figure), :func:`skipped`;
* :func:`figures` — the charts, via :mod:`svcwork.charts` (one style, right-to-left for Hebrew);
* :func:`pack_tables`, :func:`focus_text` — a unit manager's page.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Mapping

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from .. import charts
from ..common import round_or_none, yes_no
from ..i18n import fmt_date, fmt_number, fmt_period, fmt_signed, t
from ..privacy import SUPPRESSED
from ..schema import ENUMS
from ..tables import keyed
from ._base import ALL, SCALE, STATUSES, _float, _to_date
from .items import item_label, survey_item_key
from .present_text import findings, methods, takeaways  # noqa: F401  (the section's words)

if TYPE_CHECKING:
    from .packs import FocusPoint, UnitPack
    from .result import ManagementResult

__all__ = ["tables", "figures", "findings", "takeaways", "methods", "skipped", "pack_tables", "focus_text"]


# --------------------------------------------------------------------------- labels and tables


def _col(key: str, lang: str) -> str:
    return t(f"management.col.{key}", lang)


def _item_labels(series: pd.Series, lang: str) -> pd.Series:
    return series.map(lambda v: item_label(v, lang))


def _status_label(status: object, lang: str) -> str:
    return ENUMS["status"].label(str(status), lang) if isinstance(status, str) and status in STATUSES else ""


def _source_label(source: object, lang: str) -> str:
    if isinstance(source, str) and source in ENUMS["action_source"].keys:
        return ENUMS["action_source"].label(source, lang)
    return ""


def _finding_label(kind: object, finding: object, lang: str) -> str:
    """A finding as shown in the report: survey items and frontline skills in the report language."""
    if kind == "driver":
        key = survey_item_key(finding)
        if key is not None:
            return t(f"measures.item_short.{key}", lang)
    return item_label(finding, lang)


_P_VALUES = ("p_t", "p_wilcoxon")


def _fmt(lang: str, frame: pd.DataFrame, columns: Mapping[str, str], *, digits: int = 2,
         column_digits: Mapping[str, int] | None = None) -> pd.DataFrame:
    """*columns* of *frame* (column → header key), rounded, missing values as None, headers translated.

    Every float is rounded once, with the package's one rule (:func:`svcwork.common.round_or_none`,
    as the unit pages and the sentences round), to *digits* decimals or to *column_digits[col]*:
    the output layer shows a mean with two decimals, so a mean rounded here to three would be
    rounded twice (45/22 = 2.04545… → 2.045 → "2.04", but "2.05" everywhere else).
    """
    f = frame[list(columns)].copy()
    for col in f.columns:
        if col in _P_VALUES:  # never rounded: a p below 0.00005 is not 0 (the output layer shows "<0.001")
            f[col] = pd.to_numeric(f[col], errors="coerce").astype("float64")
        elif pd.api.types.is_float_dtype(f[col]):
            d = (column_digits or {}).get(col, digits)  # no negative zero ("-0") in tables (round_or_none)
            f[col] = pd.Series([round_or_none(v, d) for v in f[col]], index=f.index, dtype=f[col].dtype)
    for col in f.columns:
        if not pd.api.types.is_numeric_dtype(f[col]) or isinstance(f[col].dtype, pd.api.extensions.ExtensionDtype):
            f[col] = f[col].astype(object).where(f[col].notna(), None)
    return f.rename(columns={k: _col(v, lang) for k, v in columns.items()}).reset_index(drop=True)


def tables(r: ManagementResult, lang: str) -> dict[str, pd.DataFrame]:
    """Tables for the report and workbook (translated headers, suppressed, pseudonyms only)."""
    out: dict[str, pd.DataFrame] = {}
    if r.has_observations:
        _observation_tables(r, lang, out)
    if r.has_actions:
        _action_tables(r, lang, out)
    if len(r.unanswered):
        _unanswered_table(r, lang, out)
    if r.has_lessons:
        _lesson_tables(r, lang, out)
    if r.has_training:
        _training_tables(r, lang, out)
    return {slug: keyed(frame, ("management.col.",), lang) for slug, frame in out.items()}


def _observation_tables(r: ManagementResult, lang: str, out: dict[str, pd.DataFrame]) -> None:
    """Observation scores by item, unit × item, observer, employee; trend, coaching focus, calibration."""
    if len(r.items):
        f = r.items.assign(item=_item_labels(r.items["item"], lang))
        out["observations_by_item"] = _fmt(lang, f, {"item": "item", "n": "n", "employees": "employees",
                                                     "mean": "mean", "low": "low", "high": "high"})
    if len(r.unit_items):
        f = r.unit_items.assign(item=_item_labels(r.unit_items["item"], lang))
        out["observations_by_unit_item"] = _fmt(lang, f, {"unit": "unit", "item": "item", "n": "n", "mean": "mean",
                                                          "low": "low", "high": "high"})
    if len(r.observers):
        out["observations_by_observer"] = _fmt(lang, r.observers, {"observer": "observer", "n": "n", "mean": "mean",
                                                                   "low": "low", "high": "high",
                                                                   "difference": "difference"})
    if len(r.employees):
        f = r.employees.assign(lowest_item=_item_labels(r.employees["lowest_item"], lang))
        out["observations_by_employee"] = _fmt(lang, f, {"employee_code": "employee", "unit": "unit", "n": "n",
                                                         "mean": "mean", "lowest_item": "lowest_item"})
    if len(r.unit_trend):
        f = r.unit_trend.assign(item=_item_labels(r.unit_trend["item"], lang))
        out["observation_trend"] = _fmt(lang, f, {"period": "period", "unit": "unit", "item": "item", "n": "n",
                                                  "mean": "mean", "low": "low", "high": "high"})
    if len(r.coaching):
        f = r.coaching[r.coaching["focus"]]
        f = f.assign(item=_item_labels(f["item"], lang), falling=f["falling"].map(lambda v: yes_no(v, lang, blank="")))
        out["coaching_focus"] = _fmt(lang, f, {"unit": "unit", "rank": "rank", "item": "item", "n": "n",
                                               "mean": "mean", "slope": "slope", "slope_low": "low",
                                               "slope_high": "high", "falling": "falling"},
                                      column_digits={"slope": 3, "slope_low": 3, "slope_high": 3})
    if len(r.calibration):
        f = r.calibration.assign(
            observer_a=r.calibration["observer_a"].map(lambda v: t("management.all_pairs", lang) if v == ALL else v),
            observer_b=r.calibration["observer_b"].map(lambda v: "" if v == ALL else v))
        f = f.assign(icc_method=f["icc_method"].map(lambda v: t(f"management.icc.{v}", lang)),
                     icc_interval=[t(f"management.icc_interval.{v}", lang, n_boot=nb, seed=sd)
                                   for v, nb, sd in zip(f["icc_interval"], f["n_boot"], f["seed"])])
        out["calibration"] = _fmt(lang, f, {"observer_a": "observer_a", "observer_b": "observer_b", "n": "n_pairs",
                                            "employees": "employees", "exact": "exact", "within_one": "within_one",
                                            "kappa": "kappa", "kappa_low": "kappa_low", "kappa_high": "kappa_high",
                                            "icc_method": "icc_method", "icc": "icc_estimate", "icc_low": "icc_low",
                                            "icc_high": "icc_high", "icc_interval": "icc_interval"})


def _action_tables(r: ManagementResult, lang: str, out: dict[str, pd.DataFrame]) -> None:
    """Actions by owner, unit and source; overdue actions; burn-down; rounds."""
    noun = t("management.organisation_wide", lang)
    for slug, frame, by in (("actions_by_owner", r.by_owner, "owner"), ("actions_by_unit", r.by_unit, "unit"),
                            ("actions_by_source", r.by_source, "source")):
        if not len(frame):
            continue
        f = frame.copy()
        if by == "source":
            f[by] = f[by].map(lambda v: _source_label(v, lang) or t("management.no_source", lang))
        elif by == "unit":
            f[by] = f[by].map(lambda v: v if isinstance(v, str) and v else noun)
        out[slug] = _fmt(lang, f, {by: by, "open": "status_open", "in progress": "status_in_progress",
                                   "done": "status_done", "cancelled": "status_cancelled", "total": "total",
                                   "overdue": "overdue", "done_share": "done_share"},
                           column_digits={"done_share": 4})  # a share: a percentage to a tenth (1 of 3: 33.3%)
    if len(r.overdue):
        f = r.overdue.assign(
            unit=r.overdue["unit"].map(lambda v: v if isinstance(v, str) and v else noun),
            status=r.overdue["status"].map(lambda v: _status_label(v, lang)),
            due_date=r.overdue["due_date"].map(_to_date),
            # whole days, as the unit pages and the workbook show them (never "214.0")
            days_overdue=pd.array(r.overdue["days_overdue"].round(), dtype="Int64"))
        out["actions_overdue"] = _fmt(lang, f, {"action_id": "action_id", "action": "action", "owner": "owner",
                                                "unit": "unit", "due_date": "due_date", "status": "status",
                                                "days_overdue": "days_overdue"})
    if len(r.burndown):
        f = r.burndown.assign(date=r.burndown["date"].map(_to_date))
        out["actions_burndown"] = _fmt(lang, f, {"date": "date", "planned": "planned_remaining",
                                                 "actual": "actual_remaining"})
    if len(r.rounds) and "due" in r.rounds.columns:  # read from due dates (burn_down_by_round)
        f = r.rounds.assign(date=r.rounds["date"].map(_to_date), round=_round_labels(r.rounds, lang))
        out["actions_rounds"] = _fmt(lang, f, {"round": "round", "date": "round_end", "due": "due_by_round",
                                               "done": "done_now", "remaining": "not_done_now",
                                               "planned": "planned_remaining"})
    elif len(r.rounds):  # status snapshots (burn_down_rounds)
        out["actions_rounds"] = _fmt(lang, r.rounds.assign(round=_round_labels(r.rounds, lang)),
                                     {"round": "round", "open": "status_open", "in progress": "status_in_progress",
                                      "done": "status_done", "cancelled": "status_cancelled",
                                      "remaining": "remaining"})


def _round_labels(rounds: pd.DataFrame, lang: str) -> list[str]:
    """Each measurement round as the report's words name it: a period "Q4 2026" / "רבעון 4 2026" (not
    "2026Q4"), a round labelled by its date as the report writes dates; any other label unchanged."""
    def label(value: object) -> str:
        text = str(value).strip()
        try:
            return fmt_date(dt.date.fromisoformat(text), lang) if len(text) == 10 else fmt_period(text, lang)
        except ValueError:
            return fmt_period(text, lang)

    return [label(v) for v in rounds["round"]]


def _slanted(lang: str) -> dict[str, Any]:
    """How a category axis's slanted labels are set: each label ends at its own tick and runs away
    from it, up to the left (LTR, ``rotation=30, ha="right"``) or, mirrored for a right-to-left
    axis, down to the right — so no label leans into its neighbour's column."""
    if lang == "he":
        return {"rotation": -30, "ha": "left", "rotation_mode": "anchor"}
    return {"rotation": 30, "ha": "right"}


def _unanswered_table(r: ManagementResult, lang: str, out: dict[str, pd.DataFrame]) -> None:
    """The findings of the other analyses that no action answers."""
    f = r.unanswered[~r.unanswered["covered"].astype(bool)]
    if len(f):
        f = f.assign(kind=f["kind"].map(lambda k: t(f"management.kind.{k}", lang)),
                     finding=f.apply(lambda r_: _finding_label(r_["kind"], r_["finding"], lang), axis=1),
                     ref=[_ref_label(k, ref, lang) for k, ref in zip(f["kind"], f["ref"])])
        out["findings_without_action"] = _fmt(lang, f, {"kind": "kind", "finding": "finding", "ref": "named_by",
                                                        "suggested": "suggested"})


def _ref_label(kind: str, ref: object, lang: str) -> str:
    """The ids that name a finding, as a reader reads them ("Applying for a premises licence, step 6", "N04");
    empty for a survey or observation item (named by itself)."""
    if kind in ("driver", "low_item") or not isinstance(ref, str) or not ref:
        return ""
    parts = []
    for one in ref.split("; "):
        journey, sep, step = one.rpartition(" · ")
        parts.append(t("management.ref.step", lang, journey=journey, step=step) if sep else one)
    return "; ".join(parts)


def _lesson_tables(r: ManagementResult, lang: str, out: dict[str, pd.DataFrame]) -> None:
    """Lessons learned: Pareto of categories, lessons without an action."""
    if len(r.pareto):
        f = r.pareto.assign(vital_few=r.pareto["vital_few"].map(lambda v: yes_no(v, lang, blank="")),
                            recurring=r.pareto["recurring"].map(lambda v: yes_no(v, lang, blank="")))
        out["lessons_pareto"] = _fmt(lang, f, {"category": "category", "n": "events", "share": "share",
                                               "cumulative": "cumulative", "vital_few": "vital_few",
                                               "recurring": "recurring", "periods": "periods",
                                               "with_action": "with_action", "without_action": "without_action",
                                               "action_done": "action_done"}, digits=3)
    if len(r.lessons_unlinked):
        f = r.lessons_unlinked.assign(date=r.lessons_unlinked["date"].map(_to_date))
        columns = {"lesson_id": "lesson_id"} if f["lesson_id"].notna().any() else {}
        out["lessons_without_action"] = _fmt(lang, f, {**columns, "date": "date", "unit": "unit",
                                                       "category": "category", "event": "event", "lesson": "lesson"})


def _training_tables(r: ManagementResult, lang: str, out: dict[str, pd.DataFrame]) -> None:
    """Training effect per skill and unit (on the training file's own scale); transfer to the observation scores."""
    if len(r.training_by_unit):
        f = r.training_by_unit.assign(
            skill=_item_labels(r.training_by_unit["skill"], lang),
            unit=r.training_by_unit["unit"].map(lambda v: t("management.all_units", lang) if v == ALL else v))
        out["training_effect"] = _fmt(lang, f, {"skill": "skill", "unit": "unit", "n": "n", "pre": "pre",
                                                "post": "post", "change": "change", "low": "low", "high": "high",
                                                "t": "t", "p_t": "p_t", "wilcoxon": "wilcoxon",
                                                "p_wilcoxon": "p_wilcoxon", "dz": "dz"})
        out["training_effect"] = out["training_effect"].rename(columns={
            _col(k, lang): f"{_col(k, lang)} ({r.training_scale})" for k in ("pre", "post", "change")})
    if len(r.transfer):
        f = r.transfer.assign(skill=_item_labels(r.transfer["skill"], lang),
                              scope=r.transfer.apply(
                                  lambda r_: item_label(r_["skill"], lang) if r_["scope"] == "item"
                                  else t("management.all_items", lang), axis=1))
        out["training_transfer"] = _fmt(lang, f, {"skill": "skill", "scope": "scope", "n": "employees",
                                                  "pre": "before", "post": "after", "change": "change", "low": "low",
                                                  "high": "high", "p_t": "p_t", "p_wilcoxon": "p_wilcoxon",
                                                  "dz": "dz"})


# --------------------------------------------------------------------------- sentences


def skipped(r: ManagementResult, lang: str) -> str:
    """Why (parts of) the analysis were skipped, as one sentence ("" when nothing was)."""
    if not r.available:
        return t("management.skipped.all", lang)
    missing = [t(f"management.part.{p}", lang) for p, ok in (("observations", r.has_observations),
                                                             ("actions", r.has_actions),
                                                             ("lessons", r.has_lessons),
                                                             ("training", r.has_training)) if not ok]
    if not missing:
        return ""
    return t("management.skipped.parts", lang, parts=", ".join(missing))


def focus_text(point: FocusPoint, lang: str) -> str:
    """A focus point of a unit pack as a sentence in *lang*: numbers and frontline-skill names
    follow the report language (its ``values`` are ``(name, kind, value)``)."""
    filled: dict[str, str] = {}
    for name, kind, value in point.values:
        if kind == "item":
            filled[name] = item_label(value, lang)
        elif kind == "int":
            filled[name] = fmt_number(value, lang, digits=0)
        elif kind == "score":
            filled[name] = fmt_number(value, lang, digits=1)
        elif kind == "signed":
            v = _float(value)
            filled[name] = fmt_signed(v, lang, digits=1)
        elif kind == "date":
            filled[name] = fmt_date(value, lang)
        else:
            filled[name] = str(value)
    return t(point.key, lang, **filled)


# --------------------------------------------------------------------------- figures


def figures(r: ManagementResult, lang: str) -> dict[str, Any]:
    """Charts via :mod:`svcwork.charts` (keys: observation_heatmap, observation_trend, actions_status,
    actions_burndown, lessons_pareto, training_change) — those with data only."""
    figs: dict[str, Any] = {}
    if len(r.unit_items):
        figs["observation_heatmap"] = _fig_heatmap(r, lang)
    if len(r.trend) and r.trend["period"].nunique() >= 2:
        figs["observation_trend"] = _fig_trend(r, lang)
    if len(r.by_unit):
        figs["actions_status"] = _fig_status(r, lang)
    if len(r.burndown):
        figs["actions_burndown"] = _fig_burndown(r, lang)
    if len(r.rounds) >= 2:
        figs["actions_rounds"] = _fig_rounds(r, lang)
    if len(r.pareto):
        figs["lessons_pareto"] = _fig_pareto(r, lang)
    if len(r.training) and r.training["change"].notna().any():
        figs["training_change"] = _fig_training(r, lang)
    return figs


def _fig_heatmap(r: ManagementResult, lang: str):
    ui = r.unit_items
    units = sorted(ui["unit"].astype(str).unique())
    items = list(dict.fromkeys(r.items.sort_values("mean")["item"].astype(str))) if len(r.items) else []
    items += sorted(set(ui["item"].astype(str)) - set(items))
    grid = np.full((len(units), len(items)), np.nan)
    for _, r_ in ui.iterrows():
        grid[units.index(str(r_["unit"])), items.index(str(r_["item"]))] = r_["mean"]
    fig, ax = charts.new_figure(size=(max(6.0, 1.1 * len(items) + 3), max(3.0, 0.5 * len(units) + 2)))
    masked = np.ma.masked_invalid(grid)
    cmap = matplotlib.colormaps["RdBu"].with_extremes(bad="#f0f1f3")  # diverging, safe for colour-blind readers
    im = ax.imshow(masked, cmap=cmap, vmin=SCALE[0], vmax=SCALE[-1], aspect="auto")
    ax.set_xticks(range(len(items)), [item_label(i, lang) for i in items], **_slanted(lang))
    ax.set_yticks(range(len(units)), units)
    ax.grid(False)
    for (i, j), v in np.ndenumerate(grid):
        dark = not np.isnan(v) and abs(v - (SCALE[0] + SCALE[-1]) / 2) > 0.65 * (SCALE[-1] - SCALE[0]) / 2
        ax.text(j, i, SUPPRESSED if np.isnan(v) else f"{v:.1f}", ha="center", va="center", fontsize=9,
                color="white" if dark else "#222222")  # readable on the map's dark ends
    fig.colorbar(im, ax=ax, label=t("management.fig.mean_score", lang), shrink=0.8)
    charts.finish(ax, lang=lang, title=t("management.fig.heatmap", lang))
    return fig


def _fig_trend(r: ManagementResult, lang: str):
    fig, ax = charts.new_figure()
    periods = sorted(r.trend["period"].astype(str).unique())
    for k, (item, g) in enumerate(r.trend.groupby("item", sort=True)):
        x = [periods.index(p) for p in g["period"].astype(str)]
        ax.plot(x, g["mean"], marker=charts.MARKERS[k % len(charts.MARKERS)], label=item_label(item, lang))
    ax.set_xticks(range(len(periods)), periods)
    ax.set_ylim(SCALE[0] - 0.2, SCALE[-1] + 0.2)
    ax.legend(loc="best", fontsize=8)
    charts.finish(ax, lang=lang, title=t("management.fig.trend", lang), xlabel=t("management.col.period", lang),
                  ylabel=t("management.fig.mean_score", lang))
    return fig


def _fig_status(r: ManagementResult, lang: str):
    f = r.by_unit
    labels = [u if isinstance(u, str) and u else t("management.organisation_wide", lang) for u in f["unit"]]
    fig, ax = charts.new_figure(size=(8.0, max(3.0, 0.45 * len(labels) + 1.5)))
    left = np.zeros(len(f))
    colours = {"done": charts.GOOD, "in progress": charts.PALETTE[1], "open": charts.accent(r.accent),
               "cancelled": charts.NEUTRAL}
    hatches = dict(zip(("done", "in progress", "open", "cancelled"), charts.PATTERNS))  # WCAG 2.1 SC 1.4.1
    for s in ("done", "in progress", "open", "cancelled"):
        vals = f[s].to_numpy(dtype=float)
        ax.barh(range(len(f)), vals, left=left, color=colours[s], hatch=hatches[s], edgecolor="white",
                label=_status_label(s, lang))
        left += vals
    over = f["overdue"].to_numpy(dtype=float)
    for i, v in enumerate(over):
        if v:
            ax.text(left[i], i, "  " + t("management.fig.overdue_n", lang, count=int(v)), va="center",
                    ha="right" if lang == "he" else "left", color=charts.BAD, fontsize=8)
    ax.set_yticks(range(len(f)), labels)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=4, fontsize=8)
    charts.finish(ax, lang=lang, title=t("management.fig.status", lang), xlabel=t("management.fig.actions", lang))
    return fig


def _fig_burndown(r: ManagementResult, lang: str):
    b = r.burndown
    fig, ax = charts.new_figure()
    ax.step(b["date"], b["planned"], where="post", color=charts.NEUTRAL, label=t("management.col.planned_remaining", lang))
    act = b.dropna(subset=["actual"])
    ax.scatter(act["date"], act["actual"].astype(float), color=charts.accent(r.accent), zorder=3, s=50,
               label=t("management.col.actual_remaining", lang))
    ax.axvline(pd.Timestamp(r.report_date), color=charts.BAD, linestyle=":", linewidth=1)
    ax.set_ylim(bottom=0)
    ax.legend(loc="best", fontsize=8)
    fig.autofmt_xdate()
    charts.finish(ax, lang=lang, title=t("management.fig.burndown", lang), ylabel=t("management.fig.actions", lang))
    return fig


def _fig_rounds(r: ManagementResult, lang: str):
    r_ = r.rounds
    by_dates = "due" in r_.columns
    fig, ax = charts.new_figure()
    x = np.arange(len(r_))
    ax.bar(x, r_["done"].astype(float), color=charts.GOOD,
           label=t("management.col.done_now", lang) if by_dates else _status_label("done", lang))
    ax.bar(x, r_["remaining"].astype(float), bottom=r_["done"].astype(float), color=charts.accent(r.accent),
           hatch="//", edgecolor="white",
           label=t("management.col.not_done_now", lang) if by_dates else t("management.col.remaining", lang))
    if by_dates:
        ax.plot(x, r_["planned"].astype(float), color=charts.NEUTRAL, marker="o", linestyle="--",
                label=t("management.col.planned_remaining", lang))
    ax.set_xticks(x, _round_labels(r_, lang))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="best", fontsize=8)
    charts.finish(ax, lang=lang, title=t("management.fig.rounds_due" if by_dates else "management.fig.rounds", lang),
                  xlabel=t("management.col.round", lang), ylabel=t("management.fig.actions", lang))
    return fig


def _fig_pareto(r: ManagementResult, lang: str):
    p = r.pareto
    fig, ax = charts.new_figure()
    x = np.arange(len(p))
    colours = [charts.accent(r.accent) if v else charts.NEUTRAL for v in p["vital_few"]]
    ax.bar(x, p["n"], color=colours, hatch=["" if v else "//" for v in p["vital_few"]], edgecolor="white")
    ax.set_xticks(x, p["category"].astype(str), **_slanted(lang))
    ax2 = ax.twinx()
    ax2.plot(x, 100 * p["cumulative"], color=charts.BAD, marker="o")
    ax2.set_ylim(0, 105)
    ax2.axhline(80, color=charts.NEUTRAL, linestyle=":", linewidth=1)
    ax2.set_ylabel(t("management.fig.cumulative_pct", lang))
    ax2.grid(False)
    if lang == "he":  # value axis of the bars moves right (finish); the cumulative axis goes left
        ax2.yaxis.tick_left()
        ax2.yaxis.set_label_position("left")
    charts.finish(ax, lang=lang, title=t("management.fig.pareto", lang), ylabel=t("management.col.events", lang))
    return fig


def _fig_training(r: ManagementResult, lang: str):
    tr = r.training.dropna(subset=["change"]).sort_values("change")
    fig, ax = charts.new_figure(size=(8.0, max(3.0, 0.5 * len(tr) + 1.5)))
    y = np.arange(len(tr))
    ch = tr["change"].astype(float).to_numpy()
    lo = (ch - tr["low"].astype(float).fillna(pd.Series(ch, index=tr.index)).to_numpy())
    hi = (tr["high"].astype(float).fillna(pd.Series(ch, index=tr.index)).to_numpy() - ch)
    ax.errorbar(ch, y, xerr=[lo, hi], fmt="o", color=charts.accent(r.accent), capsize=4)
    ax.axvline(0, color=charts.NEUTRAL, linewidth=1)
    ax.set_yticks(y, [f"{item_label(s, lang)} (n={n})" for s, n in zip(tr["skill"], tr["n"])])
    charts.finish(ax, lang=lang, title=t("management.fig.training", lang),
                  xlabel=f"{t('management.fig.change', lang)} ({r.training_scale})")
    return fig


# --------------------------------------------------------------------------- a unit manager's pack


def pack_tables(pack: UnitPack, lang: str) -> dict[str, pd.DataFrame]:
    """The pack's small tables, headers translated (keys: signals (KPIs), survey, observations,
    actions, training — those with rows)."""
    c = lambda k: _col(k, lang)  # noqa: E731
    out: dict[str, pd.DataFrame] = {}
    kpi = [s for s in pack.signals if s.kind == "kpi"]
    survey = [s for s in pack.signals if s.kind == "survey"]
    if kpi:
        from ..measures.figures import kpi_text  # each KPI's value and target as the report writes them

        f = pd.DataFrame([{c("indicator"): s.label, c("value"): kpi_text(s.value, s.kpi_kind, s.value, s.target, lang),
                           c("low"): round_or_none(s.low, 3), c("high"): round_or_none(s.high, 3),
                           c("target"): kpi_text(s.target, s.kpi_kind, s.value, s.target, lang),
                           c("signal"): yes_no(s.signal, lang, blank=""), c("note"): s.note} for s in kpi])
        if all(s.low is None and s.high is None for s in kpi):  # a KPI value has no interval: no empty columns
            f = f.drop(columns=[c("low"), c("high")])
        out["signals"] = f
    if survey:
        out["survey"] = pd.DataFrame([{c("survey_item"): s.label, c("responses"): s.n,
                                       c("pct_agree"): round_or_none(s.value, 1), c("low"): round_or_none(s.low, 1),
                                       c("high"): round_or_none(s.high, 1), c("signal"): yes_no(s.signal, lang, blank=""),
                                       c("note"): s.note} for s in survey])
    if pack.items:
        out["observations"] = pd.DataFrame([{c("item"): item_label(i.item, lang), c("n"): i.n,
                                             c("mean"): round_or_none(i.mean, 2), c("low"): round_or_none(i.low, 2),
                                             c("high"): round_or_none(i.high, 2), c("falling"): yes_no(i.falling, lang, blank=""),
                                             c("coaching_focus"): yes_no(any(x.item == i.item for x in pack.coaching),
                                                                          lang, blank="")}
                                            for i in pack.items])
    if pack.open_actions:
        out["actions"] = pd.DataFrame([{c("action_id"): a.action_id, c("action"): a.action, c("owner"): a.owner,
                                        c("due_date"): a.due_date, c("status"): _status_label(a.status, lang),
                                        c("days_overdue"): a.days_overdue} for a in pack.open_actions])
    if pack.training:
        out["training"] = pd.DataFrame([{c("skill"): item_label(s.skill, lang), c("n"): s.n,
                                         c("change"): round_or_none(s.mean_change, 2),
                                         c("low"): round_or_none(s.low, 2), c("high"): round_or_none(s.high, 2),
                                         c("dz"): round_or_none(s.dz, 2)} for s in pack.training])
    return out


# --------------------------------------------------------------------------- the charts' data


def figure_data(r: ManagementResult, lang: str) -> dict[str, Any]:
    """What each chart of :func:`figures` plots (:class:`svcwork.alttext.ChartData`, same slugs, same
    conditions), for its text alternative and data table (WCAG 2.1 SC 1.1.1, 1.3.1)."""
    from ..alttext import ChartData, grouped_notes

    col = lambda k: _col(k, lang)  # noqa: E731
    label = t("access.col.label", lang)
    out: dict[str, Any] = {}
    if len(r.unit_items):
        ui = r.unit_items.sort_values(["unit", "item"], kind="stable")
        frame = pd.DataFrame({label: [f"{u} · {item_label(i, lang)}" for u, i in zip(ui["unit"], ui["item"])],
                              col("unit"): ui["unit"].astype(str).to_numpy(),
                              col("item"): [item_label(i, lang) for i in ui["item"]],
                              col("mean"): ui["mean"].astype(float).to_numpy()})
        out["observation_heatmap"] = ChartData(frame, col("mean"), {col("mean"): "mean"})
    if len(r.trend) and r.trend["period"].nunique() >= 2:
        tr = r.trend.sort_values(["period", "item"], kind="stable")
        frame = pd.DataFrame({label: [f"{p} · {item_label(i, lang)}" for p, i in zip(tr["period"], tr["item"])],
                              col("period"): tr["period"].astype(str).to_numpy(),
                              col("item"): [item_label(i, lang) for i in tr["item"]],
                              col("mean"): tr["mean"].astype(float).to_numpy()})
        out["observation_trend"] = ChartData(frame, col("mean"), {col("mean"): "mean"})
    if len(r.by_unit):
        f = r.by_unit
        frame = pd.DataFrame({col("unit"): [u if isinstance(u, str) and u else t("management.organisation_wide", lang)
                                            for u in f["unit"]],
                              **{_status_label(s, lang): f[s].astype(int).to_numpy()
                                 for s in ("done", "in progress", "open", "cancelled")},
                              col("total"): f["total"].astype(int).to_numpy(),
                              col("overdue"): f["overdue"].astype(int).to_numpy()})
        out["actions_status"] = ChartData(frame, col("overdue"), {c: "count" for c in frame.columns[1:]})
    if len(r.burndown):
        b = r.burndown
        frame = pd.DataFrame({col("date"): [fmt_date(pd.Timestamp(d), lang) for d in b["date"]],
                              col("planned_remaining"): b["planned"].astype(float).to_numpy(),
                              col("actual_remaining"): pd.to_numeric(b["actual"], errors="coerce").to_numpy()})
        out["actions_burndown"] = ChartData(frame, col("planned_remaining"),
                                            {col("planned_remaining"): "count", col("actual_remaining"): "count"},
                                            series=True)
    if len(r.rounds) >= 2:
        rr = r.rounds
        frame = pd.DataFrame({col("round"): _round_labels(rr, lang),
                              _status_label("done", lang): rr["done"].astype(float).to_numpy(),
                              col("remaining"): rr["remaining"].astype(float).to_numpy(),
                              **({col("planned_remaining"): rr["planned"].astype(float).to_numpy()}
                                 if "due" in rr.columns else {})})
        out["actions_rounds"] = ChartData(frame, _status_label("done", lang), {c: "count" for c in frame.columns[1:]},
                                          series=True)
    if len(r.pareto):
        p = r.pareto
        frame = pd.DataFrame({col("category"): p["category"].astype(str).to_numpy(),
                              col("events"): p["n"].astype(int).to_numpy(),
                              col("cumulative"): p["cumulative"].astype(float).to_numpy(),
                              col("vital_few"): [yes_no(bool(v), lang) for v in p["vital_few"]]})
        vital = frame.loc[p["vital_few"].astype(bool).to_numpy()]
        out["lessons_pareto"] = ChartData(frame, col("events"), {col("events"): "count", col("cumulative"): "share"},
                                          notes=grouped_notes(vital.assign(_g=col("vital_few")), "_g", col("category"),
                                                              lang) if len(vital) else ())
    if len(r.training) and r.training["change"].notna().any():
        tr = r.training.dropna(subset=["change"]).sort_values("change")
        frame = pd.DataFrame({col("skill"): [item_label(s, lang) for s in tr["skill"]],
                              col("n"): tr["n"].astype(int).to_numpy(),
                              col("change"): tr["change"].astype(float).to_numpy(),
                              col("low"): tr["low"].astype(float).to_numpy(),
                              col("high"): tr["high"].astype(float).to_numpy()})
        out["training_change"] = ChartData(frame, col("change"), {col("n"): "count", col("change"): "points",
                                                                   col("low"): "points", col("high"): "points"})
    return out
