"""The report's view of a :class:`~.analysis.PrioritizationResult`: tables, figures, findings.

Everything here is presentation — headers and sentences from the catalogue in Hebrew or
English, numbers rounded for reading, matplotlib charts mirrored for right-to-left — and
nothing here computes a number the result does not already hold.

* :func:`tables` — the priorities with a reasoning per service traced to the intake cells,
  the contributions, weights, AHP consistency and rater disagreement, sensitivity, reversals,
  rank acceptability, the method comparison, the waves and the deferred services, method notes;
  where parts are shown beside their total (a score and its contributions, the waves' values and
  the roadmap's), the parts are rounded to add up to the total shown (:func:`.figures.rounded_parts`);
* :func:`figures` — the effort/benefit matrix, weight ranges, rank acceptability, the roadmap;
* :func:`findings`, :func:`takeaways`, :func:`methods` — the sentences, written from the key
  figures (:mod:`.figures`) in :mod:`.present_text`;
* :func:`note_text` and :func:`skipped` — a method note and the skipped message in a language.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Mapping

import numpy as np
import pandas as pd

from ..i18n import fmt_number, t
from ..keyfigures import DIGITS, show
from ..tables import keyed
from .figures import rounded_parts, share_kind, wave_members
from .present_text import findings, methods, takeaways
from .scoring import QUADRANTS
from .waves import fmt_amount

if TYPE_CHECKING:
    from .analysis import PrioritizationResult

__all__ = ["tables", "figures", "figure_data", "findings", "takeaways", "methods", "note_text", "skipped", "METHOD_NOTES"]

#: Method notes that belong to the methods appendix (:func:`methods`), not to the method-notes table.
METHOD_NOTES = frozenset({"acceptability"})


def skipped(lang: str) -> str:
    """Why prioritization was skipped (the Services sheet is empty), in *lang*."""
    return t("prioritize.skipped", lang)


def _crit(c: str, lang: str) -> str:
    return t(f"prioritize.criterion.{c}", lang)


def note_text(key: str, params: Mapping[str, Any], lang: str) -> str:
    """A method note in *lang* (criteria names and units translated)."""
    values = dict(params)
    if "criteria" in values:
        values["criteria"] = ", ".join(_crit(c, lang) for c in values["criteria"])
    if "pairs" in values:
        values["pairs"] = ", ".join(f"{_crit(a, lang)}/{_crit(b, lang)}" for a, b in values["pairs"])
    if "unit" in values:
        values["unit"] = t(f"prioritize.unit.{values['unit']}", lang)
    return t(f"prioritize.note.{key}", lang, **values)


# =========================================================================== tables
def _reasoning(res: PrioritizationResult, sid: Any, lang: str) -> str:
    """Why *sid* stands where it does: the score's parts, quadrant, survey, robustness, wave.

    The score is shown by the rule of its key figure (two decimals) and its parts by the
    largest-remainder rounding (:func:`.figures.rounded_parts`), so the parts shown add up to the
    score shown."""
    digits = DIGITS["score"]
    score = float(res.score.scores[sid])
    row = res.score.contributions.loc[sid]
    shown = rounded_parts(row.to_list(), digits, total=score)
    parts = " + ".join(f"{_crit(c, lang)} {fmt_number(v, lang, digits=digits)}" for c, v in zip(row.index, shown))
    bits = [t("prioritize.reason.score", lang, score=show(score, "score", lang), parts=parts)]
    imputed = [_crit(c, lang) for c in res.score.imputed.columns if res.score.imputed.loc[sid, c]]
    if imputed:
        bits.append(t("prioritize.reason.imputed", lang, criteria=", ".join(imputed)))
    bits.append(t(f"prioritize.quadrant.{res.quadrant[sid]}", lang)
                + (t("prioritize.reason.visible", lang) if res.visible[sid] else ""))
    if sid in res.survey_focus:
        mean = float(res.survey_signal.mean())  # the cross-hair of survey_focus
        bits.append(t("prioritize.reason.survey", lang, pct=show(res.survey_of(sid), "share", lang),
                      mean=show(mean, "share", lang)))
    p = float(res.acceptability.top[sid])
    bits.append(t("prioritize.reason.acceptability", lang, p=show(p, share_kind(p), lang), n=res.top_n))
    if sid in res.comparison.flagged:
        key = "prioritize.reason.topsis_in" if res.topsis.rank[sid] <= res.top_n else "prioritize.reason.topsis_out"
        bits.append(t(key, lang, n=res.top_n, rank=int(res.topsis.rank[sid])))
    if res.services.loc[sid, "mandatory"]:
        bits.append(t("prioritize.reason.mandatory", lang))
    if res.plan is not None:
        w = res.wave_of(sid)
        if w is not None:
            bits.append(t("prioritize.reason.locked" if sid in res.locked else "prioritize.reason.wave", lang,
                          wave=w))
        else:
            code, params = res.plan.reasons[sid]
            bits.append(t(f"prioritize.deferred.{code}", lang, **_units(res, lang), **params))
    return "; ".join(bits) + "."


def tables(res: PrioritizationResult, lang: str) -> dict[str, pd.DataFrame]:
    """The report's tables, headers in *lang* (none when the analysis was skipped)."""
    if not res.available:
        return {}
    col = lambda k: t(f"prioritize.col.{k}", lang)  # noqa: E731
    out: dict[str, pd.DataFrame] = {}
    acc = res.acceptability
    rows = []
    for sid in res.order:
        w = res.wave_of(sid)
        rows.append({
            col("rank"): int(res.score.rank[sid]),
            col("service_id"): str(sid),
            col("service_name"): res.services.loc[sid, "service_name"],
            col("unit"): res.services.loc[sid, "unit"],
            col("score"): round(float(res.score.scores[sid]), DIGITS["score"]),
            col("quadrant"): t(f"prioritize.quadrant.{res.quadrant[sid]}", lang),
            col("visibility"): _num(res.services.loc[sid, "visibility"]),
            col("wave"): w if w is not None else t("prioritize.deferred", lang) if res.plan is not None else None,
            t("prioritize.col.p_top", lang, n=res.top_n): round(float(acc.top[sid]), 3),
            col("topsis_rank"): int(res.topsis.rank[sid]),
            **({} if res.survey_signal is None else {
                col("survey_signal"): None if res.survey_of(sid) is None else round(100 * res.survey_of(sid), 1)}),
            col("reasoning"): _reasoning(res, sid, lang),
        })
    out["priorities"] = pd.DataFrame(rows)
    contrib = []
    raw = res.services
    weights = _shown_weights(res)
    for sid in res.order:
        # the parts rounded to add up to the score of the priorities table (largest remainder)
        parts = dict(zip(res.score.contributions.columns,
                         rounded_parts(res.score.contributions.loc[sid].to_list(), DIGITS["score"],
                                       total=float(res.score.scores[sid]))))
        for c in res.score.contributions.columns:
            contrib.append({col("service_id"): str(sid), col("intake_row"): int(raw.loc[sid, "_row"]),
                            col("criterion"): _crit(c, lang),
                            col("value"): _num(raw.loc[sid, c]),
                            col("normalised"): round(float(res.score.normalised.loc[sid, c]), 4),
                            col("weight"): weights[c],
                            col("contribution"): parts[c],
                            col("imputed"): t("prioritize.yes", lang) if res.score.imputed.loc[sid, c] else ""})
    out["contributions"] = pd.DataFrame(contrib)
    wrows = []
    for c in res.weights.index:
        lo, hi = res.score.scales[c]
        wrows.append({col("criterion"): _crit(c, lang),
                      col("direction"): t(f"prioritize.direction.{res.directions[c]}", lang),
                      col("weight"): weights[c],
                      col("source"): t(f"prioritize.method.{res.method}", lang),
                      col("input_weight"): None if res.direct is None or c not in res.direct.raw.index
                      else _num(res.direct.raw[c]),
                      # hyphen-minus keeps digit order in RTL
                      col("scale"): f"{fmt_amount(lo)}-{fmt_amount(hi)}"})
    out["weights"] = pd.DataFrame(wrows)
    if res.ahp is not None:
        a = res.pairwise.aggregate.copy()
        names = [_crit(c, lang) for c in a.index]
        a.index, a.columns = names, names
        a = a.round(3)
        a[col("weight")] = res.ahp.weights.round(4).to_numpy()
        out["ahp_matrix"] = a.reset_index(names=col("criterion"))
        cr = res.ahp.consistency_ratio
        out["ahp_consistency"] = pd.DataFrame({col("measure"): [t(f"prioritize.ahp.{k}", lang) for k in
                                                                ("lambda_max", "ci", "ri", "cr", "table", "verdict")],
                                               col("value"): [f"{res.ahp.lambda_max:.3f}",
                                                              f"{res.ahp.consistency_index:.3f}",
                                                              "—" if res.ahp.random_index is None
                                                              else f"{res.ahp.random_index:.2f}",
                                                              "—" if cr is None else f"{cr:.3f}",
                                                              res.ahp.random_index_table,
                                                              t("prioritize.ahp.ok" if res.ahp.acceptable
                                                                else "prioritize.ahp.not_ok", lang)]})
        if res.ahp.geometric_consistency_index is not None:
            limit = res.ahp.gci_threshold
            gci_rows = pd.DataFrame({col("measure"): [t(f"prioritize.ahp.{k}", lang) for k in
                                                      ("gci", "gci_threshold", "gci_verdict")],
                                     col("value"): [f"{res.ahp.geometric_consistency_index:.3f}",
                                                    "—" if limit is None else f"{limit:.2f}",
                                                    t("prioritize.ahp.ok" if res.ahp.gci_acceptable
                                                      else "prioritize.ahp.not_ok", lang)]})
            out["ahp_consistency"] = pd.concat([out["ahp_consistency"], gci_rows], ignore_index=True)
        if res.ahp.most_inconsistent:
            out["ahp_inconsistent"] = pd.DataFrame([{
                col("pair"): f"{_crit(j.a, lang)} / {_crit(j.b, lang)}",
                col("given"): round(j.value, 3), col("consistent"): round(j.consistent_value, 3),
                col("deviation"): round(j.deviation, 3)} for j in res.ahp.most_inconsistent])
        if len(res.pairwise.raters) > 1:
            pr = res.pairwise.pairs.dropna(subset=["log_sd"])
            out["rater_disagreement"] = pd.DataFrame({
                col("pair"): [f"{_crit(a_, lang)} / {_crit(b_, lang)}" for a_, b_ in zip(pr["a"], pr["b"])],
                col("raters"): pr["n_raters"].astype(int).to_numpy(),
                col("geometric_mean"): pr["geometric_mean"].round(3).to_numpy(),
                col("min"): pr["min"].round(3).to_numpy(), col("max"): pr["max"].round(3).to_numpy(),
                col("spread"): pr["spread"].round(2).to_numpy()})
    srows = []
    for rng_top, rng_first in zip(res.sensitivity.ranges, res.sensitivity.first):
        srows.append({col("criterion"): _crit(rng_top.criterion, lang),
                      col("weight"): round(rng_top.weight, 4),
                      col("first_from"): round(rng_first.lower, 4), col("first_to"): round(rng_first.upper, 4),
                      t("prioritize.col.top_from", lang, n=res.top_n): round(rng_top.lower, 4),
                      t("prioritize.col.top_to", lang, n=res.top_n): round(rng_top.upper, 4),
                      col("enters_below"): "" if rng_top.lower_by is None else str(rng_top.lower_by),
                      col("enters_above"): "" if rng_top.upper_by is None else str(rng_top.upper_by)})
    out["sensitivity"] = pd.DataFrame(srows)
    out["reversals"] = pd.DataFrame([{
        col("rank"): r.rank, col("ahead"): str(r.ahead), col("behind"): str(r.behind),
        col("criterion"): "" if r.criterion is None else _crit(r.criterion, lang),
        col("weight"): None if r.weight is None else round(r.weight, 4),
        col("new_weight"): None if r.new_weight is None else round(r.new_weight, 4),
        col("change"): None if r.change is None else round(r.change, 4)} for r in res.sensitivity.reversals])
    out["acceptability"] = pd.DataFrame({
        col("service_id"): [str(s) for s in res.order],
        col("p_first"): [round(float(acc.first[s]), 4) for s in res.order],
        t("prioritize.col.p_top", lang, n=res.top_n): [round(float(acc.top[s]), 4) for s in res.order],
        col("expected_rank"): [round(float(acc.expected_rank[s]), 2) for s in res.order]})
    out["methods"] = pd.DataFrame({
        col("service_id"): [str(s) for s in res.order],
        col("score"): [round(float(res.score.scores[s]), DIGITS["score"]) for s in res.order],
        col("rank"): [int(res.score.rank[s]) for s in res.order],
        col("closeness"): [round(float(res.topsis.closeness[s]), 3) for s in res.order],
        col("topsis_rank"): [int(res.topsis.rank[s]) for s in res.order],
        col("method_dependent"): [t("prioritize.yes", lang) if s in res.comparison.flagged else ""
                                  for s in res.order]})
    if res.plan is not None:
        plan = res.plan
        unit = t(f"prioritize.unit.{res.plan_unit}", lang)
        discount = fmt_number(plan.discount, lang, digits=2).rstrip("0").rstrip(".")
        lrows = []
        # the waves' values rounded to add up to the roadmap's value as the findings show it; the same for
        # filling the waves in score order (the baseline the findings quote beside it)
        values = rounded_parts(plan.load["value"].to_list(), DIGITS["score"], total=plan.value)
        simple = rounded_parts(plan.load["greedy_value"].to_list(), DIGITS["score"], total=plan.greedy_value)
        for (_, r), value, simple_value in zip(plan.load.iterrows(), values, simple):
            w = int(r["wave"])
            members = [str(s) for s in wave_members(res, w)]
            filled = [str(s) for s in res.order if _wave(plan.greedy_wave.get(s)) == w]
            lrows.append({col("wave"): w, col("capacity"): fmt_amount(r["capacity"]) + " " + unit,
                          col("used"): fmt_amount(r["used"]) + " " + unit, col("services"): ", ".join(members),
                          t("prioritize.col.wave_value", lang, discount=discount): value,
                          col("simple_services"): ", ".join(filled),
                          t("prioritize.col.simple_value", lang, discount=discount): simple_value})
        out["waves"] = pd.DataFrame(lrows)
        out["deferred"] = pd.DataFrame([{
            col("service_id"): str(s), col("score"): round(float(res.score.scores[s]), DIGITS["score"]),
            col("reason"): t(f"prioritize.reason_code.{plan.reasons[s][0]}", lang),
            col("detail"): t(f"prioritize.deferred.{plan.reasons[s][0]}", lang, **_units(res, lang),
                             **plan.reasons[s][1])} for s in res.order if s in plan.reasons],
            columns=[col("service_id"), col("score"), col("reason"), col("detail")])
    elif res.conflicts:
        out["plan_conflicts"] = pd.DataFrame({col("conflict"): [c.text(lang) for c in res.conflicts]})
    notes = [(k, p) for k, p in res.notes if k not in METHOD_NOTES]  # those go to the methods appendix
    if notes:
        out["method_notes"] = pd.DataFrame({col("note"): [note_text(k, p, lang) for k, p in notes]})
    return {slug: keyed(frame, ("prioritize.col.",), lang) for slug, frame in out.items()}


# =========================================================================== figures
def figures(res: PrioritizationResult, lang: str) -> dict[str, Any]:
    """The matrix, sensitivity, acceptability and waves charts (matplotlib figures) in *lang*."""
    if not res.available:
        return {}
    return {"matrix": _matrix_figure(res, lang), "sensitivity": _sensitivity_figure(res, lang),
            "acceptability": _acceptability_figure(res, lang), "waves": _wave_figure(res, lang)}


def _matrix_figure(res: PrioritizationResult, lang: str):
    import matplotlib
    from matplotlib.lines import Line2D

    from ..charts import GREY, RC, finish, new_figure

    fig, ax = new_figure(size=(8.0, 6.2))
    s = res.services
    with matplotlib.rc_context(RC):
        e = s["effort"].to_numpy(float)
        b = s["benefit"].to_numpy(float)
        dx, dy = _spread_points(e, b)
        crowd = 1.0 if len(s) <= 40 else math.sqrt(40 / len(s))  # smaller bubbles for many services
        if res.size_column is not None:
            v = s[res.size_column].astype(float)
            v = v.fillna(v.median() if v.notna().any() else 1.0).to_numpy()
            size = (50 + 850 * (v / v.max() if v.max() > 0 else np.ones_like(v))) * crowd
        else:
            size = np.full(len(s), 160.0 * crowd)
        vis = s["visibility"].to_numpy(float)
        m = res.midpoint
        ax.axvline(m, color=GREY, lw=1)
        ax.axhline(m, color=GREY, lw=1)
        sc = ax.scatter(e + dx, b + dy, s=size, c=vis, cmap="viridis", vmin=1, vmax=5, alpha=0.8,
                        edgecolors="white", linewidths=0.8, zorder=3)
        label_ids = set(res.order[: res.top_n if len(s) > 30 else max(res.top_n, 10)])
        for sid, x, y, ox, oy in zip(s.index, e + dx, b + dy, dx, dy):
            if sid in label_ids:  # label pushed outwards from the cell centre
                norm = math.hypot(ox, oy)
                ux, uy = (ox / norm, oy / norm) if norm > 0 else (0.0, 1.0)
                if lang == "he":
                    ux = -ux  # the x axis is mirrored
                ax.annotate(str(sid), (x, y), textcoords="offset points", xytext=(10 * ux, 10 * uy),
                            ha="center", va="center", fontsize=8, zorder=4,
                            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})
        corners = {"quick_win": (0.35, 5.85), "major_project": (5.65, 5.85), "fill_in": (0.35, 0.15),
                   "thankless": (5.65, 0.15)}
        for key, (x, y) in corners.items():
            left = x < m
            ha = ("left" if left else "right") if lang != "he" else ("right" if left else "left")
            ax.text(x, y, t(f"prioritize.quadrants.{key}", lang), ha=ha, va="top" if y > m else "bottom",
                    fontsize=10, color=GREY, fontweight="bold", zorder=2)
        ax.set_xlim(0.3, 5.7)
        ax.set_ylim(0.1, 5.9)
        ax.set_xticks(range(1, 6))
        ax.set_yticks(range(1, 6))
        cbar = fig.colorbar(sc, ax=ax, location="left" if lang == "he" else "right", shrink=0.8)
        cbar.set_label(t("prioritize.chart.visibility", lang))
        cbar.set_ticks(range(1, 6))
        handles = [Line2D([], [], ls="", marker="o", markersize=5, color=GREY),
                   Line2D([], [], ls="", marker="o", markersize=12, color=GREY)]
        labels = [t("prioritize.chart.size_small", lang), t("prioritize.chart.size_large", lang)]
        if res.size_column is not None:
            ax.legend(*_reading_order(handles, labels, lang), title=_crit(res.size_column, lang),
                      loc="center", bbox_to_anchor=(0.5, -0.2), ncols=2)
    finish(ax, lang=lang, title=t("prioritize.chart.matrix_title", lang),
           xlabel=t("prioritize.chart.effort", lang), ylabel=t("prioritize.chart.benefit", lang))
    return fig


def _sensitivity_figure(res: PrioritizationResult, lang: str):
    import matplotlib

    from ..charts import GREY, RC, accent, finish, new_figure

    ranges = res.sensitivity.ranges
    fig, ax = new_figure(size=(8.0, 1.2 + 0.6 * len(ranges)))
    colour = accent(res.accent_color)
    with matplotlib.rc_context(RC):
        y = np.arange(len(ranges))[::-1]
        for yy, rt, rf in zip(y, ranges, res.sensitivity.first):
            ax.barh(yy, rt.upper - rt.lower, left=rt.lower, height=0.5, color=colour, alpha=0.35,
                    label=t("prioritize.chart.top_holds", lang, n=res.top_n) if yy == y[0] else None)
            ax.barh(yy, rf.upper - rf.lower, left=rf.lower, height=0.18, color=colour,
                    label=t("prioritize.chart.first_holds", lang) if yy == y[0] else None)
            ax.plot([rt.weight], [yy], marker="D", color="black", ms=7, zorder=4,
                    label=t("prioritize.chart.current_weight", lang) if yy == y[0] else None)
        ax.set_yticks(y, [_crit(r.criterion, lang) for r in ranges])
        ax.set_xlim(0, 1)
        ax.grid(axis="y", visible=False)
        ax.legend(*_reading_order(*ax.get_legend_handles_labels(), lang), loc="upper center",
                  bbox_to_anchor=(0.5, -0.3), ncols=3, fontsize=8)
        ax.axvline(0, color=GREY, lw=0.8)
    finish(ax, lang=lang, title=t("prioritize.chart.sensitivity_title", lang, n=res.top_n),
           xlabel=t("prioritize.chart.weight", lang))
    return fig


def _acceptability_figure(res: PrioritizationResult, lang: str):
    import matplotlib

    from ..charts import GREY, RC, accent, finish, new_figure

    shown = res.order[:15]
    acc = res.acceptability
    fig, ax = new_figure(size=(8.0, 1.4 + 0.38 * len(shown)))
    colour = accent(res.accent_color)
    with matplotlib.rc_context(RC):
        y = np.arange(len(shown))[::-1]
        first = np.array([acc.first[s] for s in shown])
        top = np.array([acc.top[s] for s in shown])
        ax.barh(y, first, color=colour, label=t("prioritize.chart.rank1", lang))
        ax.barh(y, top - first, left=first, color=colour, alpha=0.45, hatch="//", edgecolor="white",
                label=t("prioritize.chart.rank_top", lang, n=res.top_n))
        ax.barh(y, 1 - top, left=top, color=GREY, alpha=0.35, label=t("prioritize.chart.rank_rest", lang,
                                                                       n=res.top_n))
        ax.set_yticks(y, [str(s) for s in shown])
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.grid(axis="y", visible=False)
        ax.legend(*_reading_order(*ax.get_legend_handles_labels(), lang), loc="upper center",
                  bbox_to_anchor=(0.5, -0.18), ncols=3, fontsize=8)
    finish(ax, lang=lang, title=t("prioritize.chart.acceptability_title", lang, samples=f"{acc.n_samples:,}"),
           xlabel=t("prioritize.chart.probability", lang))
    return fig


def _wave_figure(res: PrioritizationResult, lang: str):
    import matplotlib
    from matplotlib.patches import Patch

    from ..charts import PATTERNS, RC, finish, new_figure, palette

    colours = dict(zip(QUADRANTS, palette(res.accent_color)))
    hatches = dict(zip(QUADRANTS, PATTERNS))  # the quadrant by pattern as well as colour (WCAG 2.1 SC 1.4.1)
    if res.plan is None:
        fig, ax = new_figure(size=(8.0, 3.0))
        with matplotlib.rc_context(RC):
            ax.axis("off")
            text = "\n".join(c.text(lang) for c in res.conflicts) or t("prioritize.chart.no_plan", lang)
            ax.text(0.5, 0.5, text, ha="center", va="center", wrap=True, fontsize=9, transform=ax.transAxes)
        finish(ax, lang=lang, title=t("prioritize.chart.waves_title", lang), value_axis="none")
        return fig
    rank_of = {sid: k for k, sid in enumerate(res.order)}
    planned = [s for s in res.order if res.wave_of(s) is not None]
    limit = 40
    if len(planned) > limit:  # the best-scoring services of every wave
        per_wave = max(1, limit // res.plan.waves)
        by_wave: dict[int, list] = {}
        for sid in planned:
            by_wave.setdefault(res.wave_of(sid), []).append(sid)
        shown = [sid for w in sorted(by_wave) for sid in by_wave[w][:per_wave]]
    else:
        shown = planned
    shown.sort(key=lambda s: (res.wave_of(s), rank_of[s]))
    fig, ax = new_figure(size=(8.0, 1.6 + 0.28 * max(len(shown), 3)))
    with matplotlib.rc_context(RC):
        y = np.arange(len(shown))[::-1]
        for yy, sid in zip(y, shown):
            w = res.wave_of(sid)
            ax.barh(yy, 0.9, left=w - 1 + 0.05, height=0.7, color=colours[res.quadrant[sid]],
                    hatch=hatches[res.quadrant[sid]],
                    edgecolor="black" if res.services.loc[sid, "mandatory"] else "white", linewidth=1.2)
        ax.set_yticks(y, [str(s) for s in shown])
        W = res.plan.waves
        ax.set_xlim(0, W)
        load = res.plan.load.set_index("wave")
        ax.set_xticks(np.arange(W) + 0.5, [t("prioritize.chart.wave_n", lang, wave=w + 1) + "\n"
                                           + f"{fmt_amount(load.loc[w + 1, 'used'])}/"
                                           + f"{fmt_amount(load.loc[w + 1, 'capacity'])}"
                                           for w in range(W)])
        ax.set_ylim(-0.8, len(shown) - 0.2)
        ax.grid(axis="y", visible=False)
        in_use = [q for q in QUADRANTS if any(res.quadrant[s] == q for s in shown)]
        handles = [Patch(facecolor=colours[q], hatch=hatches[q], edgecolor="white") for q in in_use]
        labels = [t(f"prioritize.quadrants.{q}", lang) for q in in_use]
        if any(res.services.loc[s, "mandatory"] for s in shown):
            handles.append(Patch(facecolor="white", edgecolor="black", linewidth=1.2))
            labels.append(t("prioritize.chart.mandatory", lang))
        fig.legend(*_reading_order(handles, labels, lang), loc="outside lower center", ncols=len(handles),
                   fontsize=8)
    title = t("prioritize.chart.waves_title", lang)
    if len(planned) > len(shown):
        title += " " + t("prioritize.chart.truncated", lang, shown=len(shown), total=len(planned))
    finish(ax, lang=lang, title=title, value_axis="y",
           xlabel=t("prioritize.chart.wave_axis", lang, unit=t(f"prioritize.unit.{res.plan_unit}", lang)))
    return fig


# =========================================================================== the charts' data
def figure_data(res: PrioritizationResult, lang: str) -> dict[str, Any]:
    """What each chart of :func:`figures` plots (:class:`svcwork.alttext.ChartData`, same slugs), for its
    text alternative and data table (WCAG 2.1 SC 1.1.1, 1.3.1): the services' effort, benefit and
    visibility with their quadrant, the weight ranges, the rank shares, the roadmap's waves."""
    from ..alttext import ChartData, grouped_notes, scale_kind

    if not res.available:
        return {}
    col = lambda k: t(f"prioritize.col.{k}", lang)  # noqa: E731
    crit = lambda k: _crit(k, lang)  # noqa: E731
    s = res.services
    sid, quad = col("service_id"), col("quadrant")
    names = {q: t(f"prioritize.quadrants.{q}", lang) for q in QUADRANTS}
    m = pd.DataFrame({sid: [str(x) for x in res.order],
                      crit("effort"): [_num(s.loc[x, "effort"]) for x in res.order],
                      crit("benefit"): [_num(s.loc[x, "benefit"]) for x in res.order],
                      crit("visibility"): [_num(s.loc[x, "visibility"]) for x in res.order],
                      **({crit(res.size_column): [_num(s.loc[x, res.size_column]) for x in res.order]}
                         if res.size_column is not None else {}),
                      quad: [names.get(str(res.quadrant[x]), str(res.quadrant[x])) for x in res.order],
                      "_q": [str(res.quadrant[x]) for x in res.order]})
    kinds = {c: scale_kind(m[c]) for c in m.columns if c not in (sid, quad, "_q")}

    def where(row: pd.Series) -> str:
        return ", ".join(f"{c} {show(row[c], kinds[c], lang) if row[c] is not None else '—'}"
                         for c in (crit("effort"), crit("benefit")))

    out: dict[str, Any] = {"matrix": ChartData(
        m.drop(columns="_q"), crit("benefit"), kinds, label=sid,
        notes=grouped_notes(m, "_q", sid, lang, order=QUADRANTS, names=names, detail=where))}
    ranges = res.sensitivity.ranges
    top_holds, first_holds = t("prioritize.chart.top_holds", lang, n=res.top_n), t("prioritize.chart.first_holds", lang)
    sens = pd.DataFrame({col("criterion"): [crit(r.criterion) for r in ranges],
                         t("prioritize.chart.current_weight", lang): [float(r.weight) for r in ranges],
                         f"{top_holds} ({t('access.col.low', lang)})": [float(r.lower) for r in ranges],
                         f"{top_holds} ({t('access.col.high', lang)})": [float(r.upper) for r in ranges],
                         f"{first_holds} ({t('access.col.low', lang)})": [float(r.lower) for r in res.sensitivity.first],
                         f"{first_holds} ({t('access.col.high', lang)})": [float(r.upper) for r in res.sensitivity.first]})
    out["sensitivity"] = ChartData(sens, str(sens.columns[1]), {str(c): "share" for c in sens.columns[1:]})
    acc = res.acceptability
    shown = res.order[:15]
    p_top = t("prioritize.col.p_top", lang, n=res.top_n)
    a = pd.DataFrame({sid: [str(x) for x in shown], col("p_first"): [float(acc.first[x]) for x in shown],
                      p_top: [float(acc.top[x]) for x in shown]})
    out["acceptability"] = ChartData(a, p_top, {col("p_first"): "share", p_top: "share"}, label=sid)
    if res.plan is not None:
        planned = [x for x in res.order if res.wave_of(x) is not None]
        planned.sort(key=lambda x: res.wave_of(x))
        mandatory = t("prioritize.chart.mandatory", lang)
        w = pd.DataFrame({sid: [str(x) for x in planned], col("wave"): [int(res.wave_of(x)) for x in planned],
                          quad: [names.get(str(res.quadrant[x]), str(res.quadrant[x])) for x in planned],
                          mandatory: [t("template.yes" if bool(s.loc[x, "mandatory"]) else "template.no", lang)
                                      for x in planned]})
        waves = {k: t("prioritize.chart.wave_n", lang, wave=k) for k in range(1, res.plan.waves + 1)}
        out["waves"] = ChartData(w, col("wave"), {col("wave"): "count"}, label=sid, ranked=False,
                                 notes=grouped_notes(w, col("wave"), sid, lang, order=list(waves), names=waves,
                                                     detail=lambda r: r[quad]))
    return out


# =========================================================================== helpers
def _reading_order(handles: list, labels: list, lang: str) -> tuple[list, list]:
    """Legend entries in reading order: for Hebrew the first entry goes to the right."""
    return (handles[::-1], labels[::-1]) if lang == "he" else (list(handles), list(labels))


def _units(res: PrioritizationResult, lang: str) -> dict[str, str]:
    """The roadmap's unit in *lang*: ``unit`` ("person-days") and ``unit_one`` ("person-day", after "per")."""
    return {"unit": t(f"prioritize.unit.{res.plan_unit}", lang), "unit_one": t(f"prioritize.unit_one.{res.plan_unit}", lang)}


def _wave(value: Any) -> int | None:
    """A wave of a plan's Series (``<NA>``: deferred) as an int or ``None``."""
    return None if value is None or value is pd.NA else int(value)


def _shown_weights(res: PrioritizationResult) -> dict[str, float]:
    """The weights as the tables show them: three decimals that add up to 1 (largest remainder)."""
    return dict(zip(res.weights.index, rounded_parts(res.weights.to_list(), 3, total=1.0)))


def _num(x: Any) -> float | None:
    if x is None or x is pd.NA:
        return None
    x = float(x)
    return None if math.isnan(x) else (int(x) if x.is_integer() else x)


def _spread_points(x: np.ndarray, y: np.ndarray, radius: float = 0.36) -> tuple[np.ndarray, np.ndarray]:
    """Deterministic offsets so services on the same grid cell do not hide each other: the
    points of a cell are laid on a sunflower (Vogel) spiral inside a disc of *radius*."""
    dx, dy = np.zeros(len(x)), np.zeros(len(x))
    cells: dict[tuple[float, float], list[int]] = {}
    for i, key in enumerate(zip(x, y)):
        cells.setdefault(key, []).append(i)
    golden = math.pi * (3 - math.sqrt(5))
    for members in cells.values():
        k = len(members)
        if k < 2:
            continue
        spread = radius * min(1.0, math.sqrt(k / 12))
        for j, i in enumerate(members):
            rr = spread * math.sqrt((j + 0.5) / k)
            dx[i], dy[i] = rr * math.cos(j * golden), rr * math.sin(j * golden)
    return dx, dy
