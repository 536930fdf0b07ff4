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

from .. import charts
from ..i18n import fmt_number, fmt_percent, t
from .present import channel_label, service_label, target_text, wrap
from ..privacy import shown as _shown

if TYPE_CHECKING:
    from matplotlib.figure import Figure

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
    hidden = res.hidden_months()
    cap = _every_month(cap, hidden)  # a month hidden is a gap in the lines, never bridged
    fig, ax = charts.new_figure()
    x = cap["month"].dt.to_timestamp()
    colour = charts.accent(res.accent)
    ax.plot(x, cap["median_days"], marker="o", color=colour, label=t("journeys.legend.median", lang))
    ax.plot(x, cap["p90_days"], marker="s", ls="-.", color=charts.PALETTE[1], label=t("journeys.legend.p90", lang))
    ax.axhline(res.sla_days, color=charts.BAD, ls="--", lw=1, label=t("journeys.legend.sla", lang, days=res.sla_days))
    top = float(np.nanmax([cap["p90_days"].max(), cap["median_days"].max(), float(res.sla_days), 1.0]))
    ax.set_ylim(0, top * 1.3)  # a band above the lines for the legend: never over a point
    ax.legend(loc="upper center", ncol=3)
    charts.finish(ax, lang=lang, title=t("journeys.fig.capability", lang), xlabel=t("journeys.col.month", lang),
                  ylabel=t("journeys.axis.days", lang))
    fig.autofmt_xdate()
    rtl = lang == "he"
    if hidden:  # under the axis label, in the layout: which months are missing, and why
        ax.annotate(textwrap.fill(hidden_months_note(res, lang), max(int(fig.get_figwidth() * 16), 40)),
                    xy=(1.0 if rtl else 0.0, 0.0), xycoords=("axes fraction", ax.xaxis.label), xytext=(0, -3),
                    textcoords="offset points", ha="right" if rtl else "left", va="top", fontsize=7.5,
                    color="#555555")
    if cap.loc[~cap["month"].isin(hidden), ["median_days", "p90_days"]].isna().to_numpy().any():
        fig.supxlabel(t("journeys.fig.capability_note", lang), x=0.99 if rtl else 0.01,  # below, in the layout
                      ha="right" if rtl else "left", fontsize=7.5, color="#555555")
    return fig


def _every_month(tab: pd.DataFrame, also: list | tuple = ()) -> pd.DataFrame:
    """*tab* (a column ``month`` of periods, one row each) with a row of NaN for each month between its first
    and last (and each of *also*) that it lacks: a line drawn through it breaks there."""
    months = list(tab["month"]) + list(also)
    if not months:
        return tab
    every = pd.period_range(min(months), max(months), freq="M")
    return tab.set_index("month").reindex(every).rename_axis("month").reset_index()


def hidden_months_note(res: JourneysResult, lang: str) -> str:
    """The sentence under the monthly chart and beside its table: which months of opening are not shown, and
    why (under ``min_group_size`` cases, or hidden so that such a month cannot be worked out from the total)."""
    from ..i18n import fmt_period

    months = res.hidden_months()
    return t("journeys.fig.hidden_months", lang, n=len(months), months=", ".join(fmt_period(m, lang) for m in months),
             size=fmt_number(res.min_group_size, lang))


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
    gaps = False  # a month inside a service's line that the table hides (a gap, never bridged)
    span = (last - first).n + 1
    locator = mdates.MonthLocator(interval=max(1, math.ceil(span / 5)))
    xlim = (first.to_timestamp() - pd.Timedelta(days=20), last.to_timestamp() + pd.Timedelta(days=20))
    for k, sid in enumerate(shown):
        r, c = divmod(k, ncols)
        c = ncols - 1 - c if rtl else c
        ax = axes[r][c]
        used.add((r, c))
        sub = tab.loc[tab["service_id"] == sid].sort_values("month", kind="stable")
        full = _every_month(sub)
        gaps = gaps or len(full) > len(sub)
        sub = full.assign(service_id=sid)
        x = sub["month"].dt.to_timestamp()
        mine = cases.loc[cases["service_id"].astype(str) == sid]
        deadline = float(((mine["deadline"] - mine["start"]) / pd.Timedelta(days=1)).median())
        h1, = ax.plot(x, sub["median_days"], marker="o", ms=3.5, color=colour, label=t("journeys.legend.median", lang))
        h2, = ax.plot(x, sub["p90_days"], marker="s", ls="-.", ms=3.5, color=charts.PALETTE[1],
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
    if gaps:
        notes.append(t("journeys.fig.hidden_cells", lang, size=fmt_number(res.min_group_size, lang)))
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
    shown = table.loc[_shown(table["cases"], res.min_group_size)].head(max(res.top_k, 1))
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
    from matplotlib.patches import Patch

    ax.barh([wrap(service_label(res, s), 28, 1) for s in take["service_id"]], take["digital_share"],
            color=[charts.accent(res.accent) if s == "log" else charts.GREY for s in take["source"]],
            hatch=["" if s == "log" else "//" for s in take["source"]], edgecolor="white")
    sources = list(dict.fromkeys(take["source"]))
    if len(sources) > 1:  # which bars come from the case log: colour and pattern, named (WCAG 2.1 SC 1.4.1)
        ax.legend(handles=[Patch(facecolor=charts.accent(res.accent) if s == "log" else charts.GREY,
                                 hatch="" if s == "log" else "//", edgecolor="white", label=t(f"access.source.{s}", lang))
                           for s in sources], loc="lower right" if lang != "he" else "lower left", fontsize=8)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: fmt_percent(v, lang))
    charts.finish(ax, lang=lang, title=t("journeys.fig.takeup", lang), xlabel=t("journeys.col.digital_share", lang),
                  value_axis="x")
    return fig


# =========================================================================== the charts' data
def figure_data(res: JourneysResult, lang: str) -> dict[str, object]:
    """What each chart of :func:`svcwork.journeys.present.figures` plots (:class:`svcwork.alttext.ChartData`,
    same slugs, same conditions), for its text alternative and data table (WCAG 2.1 SC 1.1.1, 1.3.1).
    The values are the ones the charts draw, taken from the same result methods."""
    from ..alttext import ChartData, grouped_notes
    from ..keyfigures import plain
    from .maps import shown_graph
    from .present import callout_text

    col = lambda k: t(f"journeys.col.{k}", lang)  # noqa: E731
    out: dict[str, object] = {}
    if res.journeys_available:
        for i, (name, steps) in enumerate(res.journey_steps(), start=1):
            data = steps.sort_values("step", kind="stable")
            emotion = t("access.col.emotion", lang)
            frame = pd.DataFrame({
                col("step"): data["step"].astype(int).tolist(),
                col("stage"): [str(x) for x in data["stage"]],
                t("access.col.label", lang): [str(x) for x in data["touchpoint"]],
                col("channel"): [channel_label(c, lang) for c in data["channel"]],
                emotion: [None if pd.isna(v) else float(v) for v in data.get("emotion", pd.Series(dtype=float))]
                if "emotion" in data else [None] * len(data),
                col("pain_point"): [plain(callout_text(res, name, int(s), lang) or ("" if pd.isna(p) else str(p)))
                                    for s, p in zip(data["step"], data["pain_point"] if "pain_point" in data
                                                    else [None] * len(data))]})
            pains = frame.loc[frame[col("pain_point")].astype(bool)]
            notes = grouped_notes(pains.assign(_g=col("pain_point")), "_g", col("step"), lang,
                                  detail=lambda r: r[col("pain_point")]) if len(pains) else ()
            out[f"journey_map_{i}"] = ChartData(frame, emotion, {col("step"): "count", emotion: "count"},
                                                label=t("access.col.label", lang), notes=notes)
    if res.log is not None and res.log.per_event:
        _, shown, edges = shown_graph(res.log.dfg, min_share=res.edge_share, min_count=res.min_group_size)
        e = edges.sort_values("count", ascending=False, kind="stable")
        frame = pd.DataFrame({t("access.col.label", lang): [f"{a} → {b}" for a, b in zip(e["source"], e["target"])],
                              col("count"): e["count"].astype(int).tolist(),
                              t("journeys.col.median_hours_lost", lang): e["median_wait_hours"].astype(float).tolist()})
        out["process_map"] = ChartData(frame, col("count"), {col("count"): "count",
                                                              t("journeys.col.median_hours_lost", lang): "hours"})
    if res.log is not None:
        cap = res.monthly_capability()
        if not cap.empty:
            frame = pd.DataFrame({col("month"): [str(m) for m in cap["month"]],
                                  col("median_days"): cap["median_days"].astype(float).tolist(),
                                  col("p90_days"): cap["p90_days"].astype(float).tolist()})
            out["capability"] = ChartData(frame, col("median_days"), {col("median_days"): "days", col("p90_days"): "days"},
                                          series=True,
                                          notes=(hidden_months_note(res, lang),) if res.hidden_months() else ())
        tab, shown, _, _ = res.service_capability()
        if shown:
            sub = tab.loc[tab["service_id"].isin(shown)].sort_values(["service_id", "month"], kind="stable")
            sub = sub.set_index("service_id").loc[shown].reset_index()
            frame = pd.DataFrame({t("access.col.label", lang): [f"{service_label(res, s)} · {m}"
                                                                 for s, m in zip(sub["service_id"], sub["month"])],
                                  col("median_days"): sub["median_days"].astype(float).tolist(),
                                  col("p90_days"): sub["p90_days"].astype(float).tolist()})
            out["capability_by_service"] = ChartData(frame, col("median_days"),
                                                     {col("median_days"): "days", col("p90_days"): "days"})
        if res.log.per_event:
            table = res.log.variants.table
            v = table.loc[_shown(table["cases"], res.min_group_size)].head(max(res.top_k, 1))
            frame = pd.DataFrame({col("rank"): [int(r) for r in v.index],
                                  col("variant"): [" → ".join(map(str, x)) for x in v["variant"]],
                                  col("cases"): v["cases"].astype(int).tolist(),
                                  col("share"): v["share"].astype(float).tolist(),
                                  col("cumulative_share"): v["cumulative_share"].astype(float).tolist()})
            out["variants"] = ChartData(frame, col("share"), {col("rank"): "count", col("cases"): "count",
                                                               col("share"): "share", col("cumulative_share"): "share"},
                                        label=col("rank"))
            mat = res.handoff_matrix(limit=12)
            if not mat.empty:
                long = mat.stack().dropna()
                frame = pd.DataFrame({col("from"): [str(a) for a, _ in long.index],
                                      col("to"): [str(b) for _, b in long.index],
                                      col("handoffs"): [int(x) for x in long.to_numpy()]})
                frame.insert(0, t("access.col.label", lang), [f"{a} → {b}" for a, b in zip(frame[col("from")],
                                                                                         frame[col("to")])])
                out["handoff_matrix"] = ChartData(frame, col("handoffs"), {col("handoffs"): "count"})
    if res.parity is not None and len(res.parity.availability):
        p = res.parity
        words = {"no": t("journeys.available.no", lang), "partial": t("journeys.available.partial", lang),
                 "yes": t("journeys.available.yes", lang)}
        rows = []
        for sid in p.availability.index:
            for ch in p.availability.columns:
                v = p.availability.loc[sid, ch]
                if not isinstance(v, str):
                    continue
                whole = v == "yes" and p.end_to_end.loc[sid, ch] is True or (v == "yes" and bool(p.end_to_end.loc[sid, ch] == True))  # noqa: E712
                state = t("journeys.col.end_to_end", lang) if whole else words.get(v, v)
                rows.append((service_label(res, sid), channel_label(ch, lang), state,
                             {"no": 0, "partial": 1, "yes": 2}.get(v, 0) + int(whole)))
        level = t("access.col.level", lang)
        frame = pd.DataFrame(rows, columns=[col("service"), col("channel"), t("access.col.status", lang), level])
        out["channel_parity"] = ChartData(frame, level, {level: "count"}, ranked=False,
                                          notes=grouped_notes(frame, t("access.col.status", lang), col("service"), lang,
                                                              detail=lambda r: r[col("channel")]))
        take = res.takeup()
        if not take.empty:
            take = take.sort_values("digital_share", kind="stable")
            frame = pd.DataFrame({col("service"): [service_label(res, s) for s in take["service_id"]],
                                  col("digital_share"): take["digital_share"].astype(float).tolist(),
                                  col("source"): [t(f"access.source.{s}", lang) for s in take["source"]]})
            out["digital_takeup"] = ChartData(frame, col("digital_share"), {col("digital_share"): "share"})
    return out
