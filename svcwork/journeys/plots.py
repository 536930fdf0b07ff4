"""The charts of a journeys result (matplotlib, through :mod:`svcwork.charts`): capability over time,
per service as small multiples, the most common paths, the hand-off matrix, channel parity and
digital take-up.  Each draws only what the result already holds (its suppressed views); the journey
and process maps are in :mod:`svcwork.journeys.maps`.
"""

from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .. import charts
from ..i18n import fmt_number, fmt_percent, t
from .present import channel_label, service_label, target_text, wrap

if TYPE_CHECKING:
    from .result import JourneysResult

__all__ = ["capability_chart", "capability_by_service_chart", "variants_chart", "handoff_chart", "parity_chart",
           "takeup_chart"]


def capability_chart(res: JourneysResult, lang: str) -> Figure | None:
    """Monthly median and p90 end-to-end days of the whole log, counting the cases still open
    (Kaplan–Meier: a month not estimable yet is a gap, never a fall), against the deadline (None:
    no month to show)."""
    cap = res.monthly_capability()
    if cap.empty:
        return None
    fig, ax = charts.new_figure()
    x = cap["month"].dt.to_timestamp()
    colour = charts.accent(res.accent)
    ax.plot(x, cap["median_days"], marker="o", color=colour, label=t("journeys.legend.median", lang))
    ax.plot(x, cap["p90_days"], marker="o", color=charts.PALETTE[1], label=t("journeys.legend.p90", lang))
    ax.axhline(res.sla_days, color=charts.BAD, ls="--", lw=1, label=t("journeys.legend.sla", lang, days=res.sla_days))
    top = float(np.nanmax([cap["p90_days"].max(), cap["median_days"].max(), float(res.sla_days), 1.0]))
    ax.set_ylim(0, top * 1.3)  # a band above the lines for the legend: never over a point
    ax.legend(loc="upper center", ncol=3)
    charts.finish(ax, lang=lang, title=t("journeys.fig.capability", lang), xlabel=t("journeys.col.month", lang),
                  ylabel=t("journeys.axis.days", lang))
    fig.autofmt_xdate()
    if cap[["median_days", "p90_days"]].isna().to_numpy().any():
        fig.text(0.99 if lang == "he" else 0.01, -0.02, t("journeys.fig.capability_note", lang),
                 ha="right" if lang == "he" else "left", va="top", fontsize=7.5, color="#555555")
    return fig


def capability_by_service_chart(res: JourneysResult, lang: str) -> Figure | None:
    """Small multiples: one panel per service (the ``service_panels`` largest that have a month of at
    least ``min_group_size`` cases), monthly median and p90 end-to-end days counting the cases still
    open (Kaplan–Meier; gaps where not estimable yet) against the median deadline of the service's
    cases; shared time axis, running right to left in Hebrew."""
    import matplotlib.dates as mdates

    tab, shown, rest, small = res.service_capability()
    if not shown:
        return None
    cases = res.log.cases  # type: ignore[union-attr]
    n = len(shown)
    ncols = 1 if n == 1 else 2 if n <= 4 else 3 if n <= 9 else 4
    nrows = math.ceil(n / ncols)
    rtl = lang == "he"
    fig, axes = charts.new_figure(size=(min(3.3 * ncols + 0.8, charts.SLIDE_SIZE[0]), 2.3 * nrows + 1.4),
                                  nrows=nrows, ncols=ncols, sharex=True, squeeze=False)
    colour = charts.accent(res.accent)
    used = set()
    months = tab.loc[tab["service_id"].isin(shown), "month"]
    first, last = months.min(), months.max()
    span = (last - first).n + 1
    locator = mdates.MonthLocator(interval=max(1, math.ceil(span / 5)))
    xlim = (first.to_timestamp() - pd.Timedelta(days=20), last.to_timestamp() + pd.Timedelta(days=20))
    for k, sid in enumerate(shown):
        r, c = divmod(k, ncols)
        c = ncols - 1 - c if rtl else c
        ax = axes[r][c]
        used.add((r, c))
        sub = tab.loc[tab["service_id"] == sid].sort_values("month", kind="stable")
        x = sub["month"].dt.to_timestamp()
        mine = cases.loc[cases["service_id"].astype(str) == sid]
        deadline = float(((mine["deadline"] - mine["start"]) / pd.Timedelta(days=1)).median())
        h1, = ax.plot(x, sub["median_days"], marker="o", ms=3.5, color=colour, label=t("journeys.legend.median", lang))
        h2, = ax.plot(x, sub["p90_days"], marker="o", ms=3.5, color=charts.PALETTE[1],
                      label=t("journeys.legend.p90", lang))
        h3 = ax.axhline(deadline, color=charts.BAD, ls="--", lw=1, label=t("journeys.legend.deadline", lang))
        ax.text(0.98 if rtl else 0.02, deadline, target_text(round(deadline, 1), lang),
                transform=ax.get_yaxis_transform(), ha="right" if rtl else "left", va="bottom", fontsize=7,
                color=charts.BAD)
        top = float(np.nanmax([sub["p90_days"].max(), deadline, 1.0]))
        ax.set_ylim(0, top * 1.15)
        ax.xaxis.set_major_locator(locator)
        ax.set_xlim(*xlim)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
        ax.tick_params(axis="x", labelsize=7, labelrotation=30)
        ax.tick_params(axis="y", labelsize=7)
        first_col = c == (ncols - 1 if rtl else 0)
        charts.finish(ax, lang=lang, title=wrap(service_label(res, sid), 28, 1),
                      ylabel=t("journeys.axis.days", lang) if first_col else None)
        ax.title.set_fontsize(9)
        if k == 0:  # the legend once, in the panel where reading starts
            ax.legend(handles=[h1, h2, h3], loc="best", fontsize=7)
    for r in range(nrows):
        for c in range(ncols):
            if (r, c) not in used:
                axes[r][c].set_visible(False)
            elif (r + 1, c) not in used:
                axes[r][c].xaxis.set_tick_params(labelbottom=True)
    fig.suptitle(t("journeys.fig.capability_by_service", lang), x=0.99 if rtl else 0.01,
                 ha="right" if rtl else "left", fontsize=12, fontweight="bold")
    notes = []
    if rest:
        names = [service_label(res, x) for x in rest[:8]]
        if len(rest) > 8:
            names.append(t("journeys.capability.more", lang, count=fmt_number(len(rest) - 8, lang)))
        notes.append(t("journeys.capability.rest", lang, services=", ".join(names)))
    if small:
        notes.append(t("journeys.capability.small", lang, n=small, count=fmt_number(small, lang),
                       size=fmt_number(res.min_group_size, lang)))
    if tab.loc[tab["service_id"].isin(shown), ["median_days", "p90_days"]].isna().to_numpy().any():
        notes.append(t("journeys.fig.capability_note", lang))
    if notes:
        columns = max(int(fig.get_figwidth() * 16), 40)
        fig.supxlabel("\n".join(textwrap.fill(x, columns) for x in notes), x=0.99 if rtl else 0.01,
                      ha="right" if rtl else "left", fontsize=7.5, color="#555555")
    return fig


def variants_chart(res: JourneysResult, lang: str) -> Figure:
    """The most common paths: each one's share of cases (bars) and the cumulative share (line)."""
    log = res.log
    assert log is not None
    table = log.variants.table
    shown = table.loc[table["cases"] >= res.min_group_size].head(max(res.top_k, 1))
    fig, ax = charts.new_figure()
    ranks = np.arange(1, len(shown) + 1)
    colour = charts.accent(res.accent)
    ax.bar(ranks, shown["share"], color=colour, label=t("journeys.col.share", lang))
    ax.plot(ranks, shown["cumulative_share"], marker="o", color=charts.PALETTE[1],
            label=t("journeys.col.cumulative_share", lang))
    ax.set_ylim(0, 1)
    ax.set_xticks(ranks)
    ax.yaxis.set_major_formatter(lambda v, _: fmt_percent(v, lang))
    ax.legend(loc="center right" if lang != "he" else "center left")
    charts.finish(ax, lang=lang, title=t("journeys.fig.variants", lang, k=len(shown),
                                          share=fmt_percent(log.variants.coverage(len(shown)), lang)),
                  xlabel=t("journeys.col.rank", lang), ylabel=t("journeys.axis.share_cases", lang))
    return fig


def handoff_chart(res: JourneysResult, lang: str) -> Figure | None:
    """The hand-off matrix as a heat map, small cells blank (None: no hand-off to show)."""
    mat = res.handoff_matrix(limit=12)
    if mat.empty:
        return None
    values = mat.to_numpy(dtype=float, na_value=np.nan)
    fig, ax = charts.new_figure(size=(8.0, 6.0))
    ax.grid(False)
    ax.imshow(np.ma.masked_invalid(values), cmap=charts.accent_cmap(res.accent), aspect="auto")
    for (r, c), v in np.ndenumerate(values):
        if not math.isnan(v):
            ax.text(c, r, fmt_number(v, lang), ha="center", va="center", fontsize=8,
                    color="white" if v > np.nanmax(values) * 0.6 else "#222222")
    ax.set_xticks(range(values.shape[1]), [str(c) for c in mat.columns], rotation=45, ha="right")
    ax.set_yticks(range(values.shape[0]), [str(i) for i in mat.index])
    charts.finish(ax, lang=lang, title=t("journeys.fig.handoffs", lang, size=res.min_group_size),
                  xlabel=t("journeys.col.to", lang), ylabel=t("journeys.col.from", lang))
    return fig


def parity_chart(res: JourneysResult, lang: str) -> Figure:
    """Services × channels: not offered, partly, fully, end to end."""
    from matplotlib.colors import ListedColormap

    p = res.parity
    assert p is not None
    av = p.availability
    code = {"no": 0.0, "partial": 1.0, "yes": 2.0}
    values = np.array([[code.get(v, np.nan) if isinstance(v, str) else np.nan for v in row] for row in av.to_numpy()],
                      dtype=float)
    values = np.where((values == 2.0) & p.end_to_end.to_numpy(), 3.0, values)
    cmap = ListedColormap([charts.BAD, "#E69F00", "#9ad0b7", charts.GOOD])
    h = min(max(2.5, 0.4 * len(av) + 1.5), 7.5)
    fig, ax = charts.new_figure(size=(8.0, h))
    ax.grid(False)
    ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=-0.5, vmax=3.5, aspect="auto")
    labels = {0.0: "journeys.available.no", 1.0: "journeys.available.partial", 2.0: "journeys.available.yes",
              3.0: "journeys.col.end_to_end"}
    for (r, c), v in np.ndenumerate(values):
        if not math.isnan(v):
            ax.text(c, r, t(labels[v], lang), ha="center", va="center", fontsize=7,
                    color="white" if v in (0.0, 3.0) else "#222222")
    ax.set_xticks(range(av.shape[1]), [channel_label(c, lang) for c in av.columns])
    ax.set_yticks(range(av.shape[0]), [wrap(service_label(res, s), 28, 1) for s in av.index])
    ax.tick_params(axis="x", top=True, labeltop=True, bottom=False, labelbottom=False)
    charts.finish(ax, lang=lang, title=t("journeys.fig.parity", lang))
    return fig


def takeup_chart(res: JourneysResult, lang: str) -> Figure | None:
    """The digital share of each service's requests (case log in the accent colour, intake in grey)."""
    take = res.takeup()
    if take.empty:
        return None
    take = take.sort_values("digital_share", kind="stable")
    fig, ax = charts.new_figure(size=(8.0, min(max(2.5, 0.35 * len(take) + 1.5), 7.5)))
    ax.barh([wrap(service_label(res, s), 28, 1) for s in take["service_id"]], take["digital_share"],
            color=[charts.accent(res.accent) if s == "log" else charts.GREY for s in take["source"]])
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: fmt_percent(v, lang))
    charts.finish(ax, lang=lang, title=t("journeys.fig.takeup", lang), xlabel=t("journeys.col.digital_share", lang),
                  value_axis="x")
    return fig
