"""Charts of the re-measurement: the changes with their intervals, and the trend over every round.

* :func:`changes_chart` — each compared share (survey items, NPS, deadline missed, repeat contact,
  first-contact resolution) as its change in percentage points with the 95% interval; the verdict is
  carried by the marker's shape and a word beside it as well as by colour (WCAG 1.4.1);
* :func:`trend_chart` — small multiples, one panel per key figure, its value with its interval in each
  round kept in the client's history (three rounds or more).

Data first: :func:`changes_data` and :func:`trend_data` return the plotted values (the report's data
tables and the charts' text alternatives come from the same frames).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Sequence

import pandas as pd

from ..i18n import t
from .figures import figure_label
from .rows import per_service

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from .compare import Round
    from .result import Since

__all__ = ["changes_data", "changes_chart", "trend_data", "trend_chart", "TREND_FIGURES", "MIN_TREND_ROUNDS"]

#: Rounds needed before the trend view is drawn.
MIN_TREND_ROUNDS = 3
#: The figures of the trend view, in panel order (those both rounds carry).
TREND_FIGURES = ("measures.item.satisfaction", "measures.item.trust", "measures.item.ease", "measures.nps",
                 "journeys.median_case_days", "journeys.p90_case_days", "journeys.deadline_missed",
                 "journeys.repeat_contact", "journeys.fcr")
#: Marker and colour of each verdict (shape and word carry it too, not colour alone).
_STYLE = {"better": ("^", "#1a7f37"), "worse": ("v", "#b42318"), "no_change": ("o", "#59636e")}
_SHARES = ("share", "share1", "nps")


def changes_data(since: "Since", lang: str) -> pd.DataFrame:
    """The changes judged by an interval in percentage points (shares and NPS; not the KPIs, judged by
    their control charts): name, change, low, high, verdict — in the order of the comparison's table."""
    rows = []
    for r in since.records():
        if r["kind"] in _SHARES and r["verdict"] in _STYLE and r["group"] != "kpi" and r["change"] is not None \
                and r["low"] is not None and r["high"] is not None and not per_service(r):
            rows.append({"figure": r["figure"], "name": figure_label(r["figure"], lang), "change": r["change"],
                         "low": r["low"], "high": r["high"], "verdict": r["verdict"]})
    return pd.DataFrame(rows, columns=["figure", "name", "change", "low", "high", "verdict"])


def changes_chart(data: pd.DataFrame, lang: str, *, accent: str | None = None) -> "Figure":
    """Dot-and-interval chart of :func:`changes_data` (zero marked; each row labelled with its verdict)."""
    from ..charts import finish, new_figure

    n = len(data)
    fig, ax = new_figure(size=(10.0, max(2.4, 0.45 * n + 1.2)))
    y = list(range(n))[::-1]
    for yi, r in zip(y, data.itertuples()):
        marker, color = _STYLE[r.verdict]
        if r.low is not None and r.high is not None and not (math.isnan(r.low) or math.isnan(r.high)):
            ax.hlines(yi, r.low, r.high, color=color, linewidth=2)
        ax.plot([r.change], [yi], marker=marker, color=color, markersize=9, linestyle="none")
        # the verdict in words beside the row, on the side away from the labels (left for Hebrew)
        rtl = lang == "he"
        ax.annotate(t(f"since.verdict.{r.verdict}", lang), (0.0 if rtl else 1.0, yi),
                    xycoords=("axes fraction", "data"), xytext=(-6 if rtl else 6, 0), textcoords="offset points",
                    va="center", fontsize=9, color=color, ha="right" if rtl else "left", annotation_clip=False)
    ax.axvline(0, color="#24292f", linewidth=1)
    ax.set_yticks(y, list(data["name"]))
    ax.set_ylim(-0.7, n - 0.3)
    finish(ax, lang=lang, title=t("since.chart.changes", lang), xlabel=t("since.chart.changes.x", lang))
    return fig


def trend_data(rounds: Sequence["Round"]) -> pd.DataFrame:
    """Each trend figure's value and 95% interval in each round (oldest first): round label, period end,
    figure, kind, value, low, high; a figure only when at least two rounds carry it.  A round's figure
    whose base is under that round's minimum group size is not plotted (suppressed: a round's analysis
    leaves such a figure out — e.g. the repeat-contact share or FCR with too few cases of a known
    citizen — and a summary written before it did is not trusted to)."""
    from ..privacy import shown

    rows = []
    for rnd in rounds:
        figs = rnd.figures
        for key in TREND_FIGURES:
            f = figs.get(key)
            if f is None or f.value is None or (f.base is not None and not shown(f.base, rnd.min_group_size)):
                continue
            rows.append({"round": rnd.label, "end": rnd.period[1], "figure": key, "kind": f.kind,
                         "value": float(f.value), "low": f.low, "high": f.high})
    frame = pd.DataFrame(rows, columns=["round", "end", "figure", "kind", "value", "low", "high"])
    counts = frame.groupby("figure")["round"].nunique() if len(frame) else pd.Series(dtype=int)
    return frame.loc[frame["figure"].map(counts).fillna(0) >= 2].reset_index(drop=True)


def trend_chart(data: pd.DataFrame, lang: str, *, accent: str | None = None) -> "Figure":
    """Small multiples of :func:`trend_data`: one panel per figure, rounds along x, interval as error bars
    (shares in percent)."""
    from ..charts import accent as accent_colour
    from ..charts import finish, new_figure

    figures = [f for f in TREND_FIGURES if f in set(data["figure"])]
    ncols = min(3, len(figures))
    nrows = math.ceil(len(figures) / ncols)
    fig, axes = new_figure(size=(4.2 * ncols, 2.9 * nrows + 0.6), nrows=nrows, ncols=ncols)
    flat = list(getattr(axes, "flat", [axes]))
    colour = accent_colour(accent)
    for ax, key in zip(flat, figures):
        part = data.loc[data["figure"] == key]
        scale = 100.0 if part["kind"].iloc[0] in ("share", "share1") else 1.0
        x = list(range(len(part)))
        vals = part["value"].to_numpy(float) * scale
        lows = pd.to_numeric(part["low"], errors="coerce").to_numpy(float) * scale
        highs = pd.to_numeric(part["high"], errors="coerce").to_numpy(float) * scale
        err = [[v - lo if lo == lo else 0 for v, lo in zip(vals, lows)],
               [hi - v if hi == hi else 0 for v, hi in zip(vals, highs)]]
        ax.errorbar(x, vals, yerr=err, color=colour, marker="o", capsize=3, linewidth=1.5)
        ax.set_xticks(x, list(part["round"]), fontsize=8)
        finish(ax, lang=lang, title=figure_label(key, lang))
    for ax in flat[len(figures):]:
        ax.set_visible(False)
    fig.suptitle(t("since.chart.trend", lang))
    return fig
