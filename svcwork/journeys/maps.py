"""Journey maps and process maps: the two slide-ready pictures of a citizen's path (matplotlib).

* :func:`journey_map` — one journey of the Journey sheet in the service-blueprint layout (Shostack,
  "Designing services that deliver", HBR 1984; Bitner, Ostrom & Morgan, "Service Blueprinting",
  California Management Review 2008): stages, steps, channel lane, emotion curve, pain points,
  moments of truth, the line of visibility and the backstage beneath it;
* :func:`process_map` — the directly-follows graph of the case log (van der Aalst 2016, §6.2 and
  §9.4), drawn without Graphviz.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Mapping

import numpy as np
import pandas as pd

from .. import charts
from ..errors import AnalysisError
from ..i18n import fmt_number, t
from ._base import CHANNELS, blank
from .dfg import DirectlyFollows
from .present import EVIDENCE_FILL, hours_text, wrap

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["journey_map", "process_map", "shown_graph"]


def shown_graph(dfg: DirectlyFollows, *, min_share: float = 0.05, min_count: int = 1,
                max_activities: int = 12) -> tuple[pd.Series, list, pd.DataFrame]:
    """What :func:`process_map` draws: the activities' frequencies (at least *min_count*), the activities
    shown (the *max_activities* most frequent that an edge links) and the edges shown (followed at
    least *min_share* of the cases and *min_count* times) — one rule for the map and its data table."""
    freq = dfg.frequency.loc[lambda s: s >= max(min_count, 1)].sort_values(ascending=False, kind="stable")
    shown = list(freq.index[:max_activities])
    threshold = max(min_count, math.ceil(min_share * dfg.n_cases))
    edges = dfg.edges.loc[dfg.edges["source"].isin(shown) & dfg.edges["target"].isin(shown)
                          & (dfg.edges["count"] >= threshold)]
    linked = set(edges["source"]) | set(edges["target"])
    return freq, [a for a in shown if a in linked] or shown[:1], edges


def _badge(ax, x: float, y: float, number: int) -> None:
    """A numbered pain-point callout: a round red badge (a marker, so it stays round on any axes)."""
    ax.plot([x], [y], marker="o", ms=13, color=charts.BAD, markeredgecolor="white", lw=0, zorder=6)
    ax.text(x, y, str(number), ha="center", va="center", color="white", fontsize=7, fontweight="bold", zorder=7)



def journey_map(steps: pd.DataFrame, *, lang: str, title: str | None = None,
                callouts: Mapping[int, str] | None = None, accent: str | None = None) -> Figure:
    """A slide-ready (16:9) journey map of one journey, in the service-blueprint layout.

    Stage columns across the top, the citizen's steps (touchpoints), a channel lane, the emotion
    curve (−2…+2), numbered pain-point callouts (``callouts``: step number → a sentence from the
    case log backing the pain), moments of truth (stars), the line of visibility with the backstage
    units/systems beneath it, and the evidence level of each step (empty, half or full circle).
    For Hebrew, time runs right to left.  References: Shostack (HBR 1984); Bitner, Ostrom & Morgan,
    "Service Blueprinting: A Practical Technique for Service Innovation", CMR 50(3), 2008;
    Stickdorn et al., *This Is Service Design Doing* (2018), ch. 5 (journey maps).
    """
    from matplotlib.patches import FancyBboxPatch, Rectangle

    need = {"step", "stage", "touchpoint", "channel"}
    if not need <= set(steps.columns):
        raise AnalysisError(t("journeys.error.columns", lang, missing=", ".join(sorted(need - set(steps.columns))),
                              found=", ".join(map(str, steps.columns))))
    data = steps.sort_values("step", kind="stable").reset_index(drop=True)
    n = len(data)
    if n == 0:
        raise AnalysisError(t("journeys.error.no_steps", lang))
    colour = charts.accent(accent)
    rtl = lang == "he"
    lab_w = 1.75
    fig, ax = charts.new_figure(size=charts.SLIDE_CHART_SIZE)
    ax.set_axis_off()
    ax.set_xlim(-lab_w, n) if not rtl else ax.set_xlim(0, n + lab_w)
    ax.set_ylim(-0.2, 10.1)
    ha = "right" if rtl else "left"

    def X(i: float) -> float:
        return (n - i - 0.5) if rtl else (i + 0.5)

    lab_x = n + lab_w - 0.05 if rtl else -lab_w + 0.05
    fs = 8 if n <= 8 else 7 if n <= 12 else 6
    width = max(int(13 * 9 / max(n, 1) * (8 / fs)), 8)
    lanes = (("stage", 9.45), ("touchpoint", 8.2), ("channel", 7.15), ("emotion", 5.35), ("backstage", 3.0),
             ("evidence", 2.3))
    for key, y in lanes:
        ax.text(lab_x, y, t(f"journeys.lane.{key}", lang), ha=ha, va="center", fontsize=9, fontweight="bold",
                color="#333333")
    # stage columns
    stages = data["stage"].astype("string").fillna("").tolist()
    i = 0
    k = 0
    while i < n:
        j = i
        while j + 1 < n and stages[j + 1] == stages[i]:
            j += 1
        left = min(X(i), X(j)) - 0.5
        ax.add_patch(Rectangle((left, 1.95), j - i + 1, 8.05, facecolor="#f3f5f7" if k % 2 == 0 else "#ffffff",
                               edgecolor="none", zorder=0))
        ax.add_patch(FancyBboxPatch((left + 0.04, 9.15), j - i + 1 - 0.08, 0.6, boxstyle="round,pad=0.02",
                                    facecolor=colour, edgecolor="none", alpha=0.9))
        ax.text(left + (j - i + 1) / 2, 9.45, wrap(stages[i], width * (j - i + 1), 2), ha="center", va="center",
                color="white", fontsize=fs + 1, fontweight="bold")
        i = j + 1
        k += 1
    # steps, channels, backstage, evidence
    pains: list[tuple[int, object, str | None]] = []
    for i, row in data.iterrows():
        x = X(i)
        ax.add_patch(FancyBboxPatch((x - 0.44, 7.6), 0.88, 1.3, boxstyle="round,pad=0.02", facecolor="white",
                                    edgecolor=charts.GREY, linewidth=0.8))
        ax.text(x, 8.8, str(row["step"]), ha="center", va="top", fontsize=fs - 1, color=charts.GREY)
        ax.text(x, 8.15, wrap(row["touchpoint"], width, 4), ha="center", va="center", fontsize=fs)
        ch = row["channel"]
        label = CHANNELS.label(ch, lang) if ch in CHANNELS.keys else ("" if blank(ch) else str(ch))
        ax.add_patch(FancyBboxPatch((x - 0.4, 6.95), 0.8, 0.4, boxstyle="round,pad=0.02",
                                    facecolor=charts.PALETTE[(CHANNELS.keys.index(ch) if ch in CHANNELS.keys else 7) % 8],
                                    edgecolor="none", alpha=0.25))
        ax.text(x, 7.15, label, ha="center", va="center", fontsize=fs)
        back = " · ".join(str(v) for v in (row.get("unit"), row.get("backstage")) if not blank(v))
        ax.text(x, 3.0, wrap(back, width, 4), ha="center", va="center", fontsize=fs - 0.5, color="#444444")
        ev = row.get("evidence")
        ev = ev if ev in EVIDENCE_FILL else "none"
        fill = {"none": "none", "partial": "right" if rtl else "left", "data": "full"}[ev]
        ax.plot([x - 0.3 if not rtl else x + 0.3], [2.3], marker="o", ms=9, fillstyle=fill, markerfacecolor="#333333",
                markerfacecoloralt="white", markeredgecolor="#333333", lw=0)
        ax.text(x - 0.2 if not rtl else x + 0.2, 2.3, t(f"journeys.evidence.{ev}", lang), ha="left" if not rtl else "right",
                va="center", fontsize=fs - 1)
        if not blank(row.get("pain_point")):
            pains.append((i, row["pain_point"], (callouts or {}).get(int(row["step"]))))
    # emotion curve
    emo = pd.to_numeric(data.get("emotion", pd.Series([np.nan] * n)), errors="coerce").astype(float).to_numpy()
    ys = 5.35 + emo * 0.55
    xs = np.array([X(i) for i in range(n)])
    ax.plot([0, n], [5.35, 5.35], color="#cccccc", lw=0.8, ls=":")
    for e, lbl in ((2, "+2"), (0, "0"), (-2, "−2")):
        ax.text(n + 0.08 if rtl else -0.08, 5.35 + e * 0.55, lbl, ha="left" if rtl else "right", va="center",
                fontsize=7, color=charts.GREY)
    ax.plot(xs, ys, color=colour, lw=2, zorder=3)
    for x, y, e in zip(xs, ys, emo):
        if not math.isnan(e):
            ax.plot([x], [y], "o", ms=8, color=charts.GOOD if e > 0 else charts.BAD if e < 0 else charts.NEUTRAL, zorder=4)
    mot = data.get("moment_of_truth", pd.Series([None] * n)).astype("string").fillna("") == "yes"
    for i in np.flatnonzero(mot.to_numpy()):
        y = ys[i] if not math.isnan(ys[i]) else 5.35
        ax.plot([xs[i]], [y + 0.45], marker="*", ms=15, color="#E69F00", markeredgecolor="#333333", zorder=5)
    # pain callouts
    for k, (i, _, _) in enumerate(pains, start=1):
        y = ys[i] if not math.isnan(ys[i]) else 5.35
        cx = xs[i] + (0.26 if not rtl else -0.26)
        _badge(ax, cx, max(y - 0.25, 4.2), k)
    # line of visibility
    ax.plot([0, n], [3.85, 3.85], color="#333333", lw=1, ls="--")
    ax.text(lab_x, 3.85, t("journeys.lane.visibility", lang), ha=ha, va="center", fontsize=8, style="italic")
    # legend line and pain-point list
    legend = t("journeys.map.legend", lang)
    ax.text(n if rtl else 0, 1.85, legend, ha="right" if rtl else "left", va="center", fontsize=7, color="#444444")
    if pains:
        cols = 1 if len(pains) <= 3 else 2
        per = math.ceil(len(pains) / cols)
        col_w = (n + lab_w) / cols
        for k, (i, text, backing) in enumerate(pains, start=1):
            c, r = divmod(k - 1, per)
            line = str(text) + (f" — {backing}" if backing else "")
            limit = int(190 / cols * (8 / fs))
            line = line if len(line) <= limit else line[: limit - 1] + "…"
            y = 1.45 - r * 0.42
            x0 = (n + lab_w - 0.1 - c * col_w) if rtl else (-lab_w + c * col_w + 0.1)
            _badge(ax, x0, y, k)
            ax.text(x0 - 0.15 if rtl else x0 + 0.15, y, ("\u200f" if rtl else "") + line, ha=ha, va="center", fontsize=fs,
                    color="#222222")
    charts.finish(ax, lang=lang, title=title, mirror_x=False, value_axis="none")
    return fig


def process_map(dfg: DirectlyFollows, *, lang: str, min_share: float = 0.05, min_count: int = 1,
                max_activities: int = 12, title: str | None = None, accent: str | None = None) -> Figure:
    """The directly-follows graph drawn with matplotlib (no Graphviz): activities as boxes laid out by
    their mean position in the cases, edges with width by frequency, labelled with count and median
    waiting time.  Rare paths are hidden: edges followed by fewer than ``min_share`` of the cases (or
    ``min_count`` times) and activities beyond the ``max_activities`` most frequent.
    Reference: the frequency/performance-annotated DFG of van der Aalst (2016), §6.2 and §9.4.
    """
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
    from matplotlib.path import Path as MPath

    colour = charts.accent(accent)
    fig, ax = charts.new_figure(size=charts.SLIDE_CHART_SIZE)
    ax.set_axis_off()
    freq, shown, edges = shown_graph(dfg, min_share=min_share, min_count=min_count, max_activities=max_activities)
    threshold = max(min_count, math.ceil(min_share * dfg.n_cases))
    if not len(freq):
        ax.text(0.5, 0.5, t("journeys.map.nothing", lang), ha="center", va="center", transform=ax.transAxes)
        charts.finish(ax, lang=lang, title=title, mirror_x=False, value_axis="none")
        return fig
    order = dfg.position.loc[shown].sort_values(kind="stable").index.tolist()
    rows = (0.0, 1.1, -1.1)
    pos = {a: (float(i), rows[i % len(rows)]) for i, a in enumerate(order)}
    hw, hh = 0.42, 0.3  # half width/height of an activity box
    top = max(edges["count"].max() if len(edges) else 1, 1)
    tt = np.linspace(0.0, 1.0, 81)[:, None]

    def outside(pts: np.ndarray, centre: tuple[float, float]) -> np.ndarray:
        return (np.abs(pts[:, 0] - centre[0]) > hw + 0.02) | (np.abs(pts[:, 1] - centre[1]) > hh + 0.03)

    for src, dst, cnt, wait in edges[["source", "target", "count", "median_wait_hours"]].itertuples(index=False):
        lw = 0.6 + 4.0 * cnt / top
        if src == dst:
            x, y = pos[src]
            ax.text(x, y + hh + 0.05, f"↻ {fmt_number(cnt, lang)}", ha="center", va="bottom", fontsize=7,
                    color=charts.BAD)
            continue
        p1, p2 = np.array(pos[src]), np.array(pos[dst])
        d = p2 - p1
        dist = float(np.hypot(*d)) or 1.0
        bend = 0.2 + 0.12 * min(abs(d[0]), 6)
        ctrl = (p1 + p2) / 2 + np.array([-d[1], d[0]]) / dist * bend
        curve = (1 - tt) ** 2 * p1 + 2 * (1 - tt) * tt * ctrl + tt ** 2 * p2
        keep = outside(curve, pos[src]) & outside(curve, pos[dst])
        if keep.sum() < 2:
            continue
        lo, hi = np.flatnonzero(keep)[[0, -1]]
        seg = curve[lo:hi + 1]
        forward = d[0] > 0
        ax.add_patch(FancyArrowPatch(path=MPath(seg), arrowstyle="-|>", mutation_scale=10 + 2 * cnt / top, lw=lw,
                                     color=colour if forward else charts.BAD, alpha=0.6, shrinkA=0, shrinkB=0,
                                     zorder=2))
        mx, my = seg[len(seg) // 2]
        ax.text(mx, my, f"{fmt_number(cnt, lang)} · {hours_text(wait, lang)}", ha="center", va="center", fontsize=6.5,
                color="#222222", zorder=4, bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85))
    for a, (x, y) in pos.items():
        ax.add_patch(FancyBboxPatch((x - hw, y - hh), 2 * hw, 2 * hh, boxstyle="round,pad=0.02", facecolor="white",
                                    edgecolor=colour, lw=1.2, zorder=5))
        ax.text(x, y + 0.06, wrap(a, 15, 3), ha="center", va="center", fontsize=7, zorder=6)
        ax.text(x, y - hh + 0.08, fmt_number(int(dfg.frequency[a]), lang), ha="center", va="center", fontsize=6.5,
                color=charts.GREY, zorder=6)
    ax.set_xlim(-0.6, max(len(order) - 0.4, 2.4))
    ax.set_ylim(-2.2, 2.2)
    hidden_act = max(len(dfg.frequency) - len(shown), 0)
    hidden_edges = len(dfg.edges) - len(edges)
    note = t("journeys.map.hidden", lang,
             edges=t("journeys.phrase.transitions", lang, n=hidden_edges, count=fmt_number(hidden_edges, lang)),
             count=fmt_number(threshold, lang),
             activities=t("journeys.phrase.activities", lang, n=hidden_act, count=fmt_number(hidden_act, lang))) + \
        " " + t("journeys.map.back", lang)
    ax.text(1.0 if lang == "he" else 0.0, 0.0, note, transform=ax.transAxes, ha="right" if lang == "he" else "left",
            va="top", fontsize=7.5, color="#555555")
    charts.finish(ax, lang=lang, title=title, mirror_x=True, value_axis="none")
    return fig
