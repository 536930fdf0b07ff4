"""How a measures result is shown: translated tables, figures and sentences.

Everything here needs a language, matplotlib or a header; the computation modules of
:mod:`svcwork.measures` return frames and small objects only.  ``MeasuresResult.tables``,
``figures``, ``findings`` and ``skipped`` call these.

* :func:`tables` — the report and workbook tables: headers from the catalogue
  (``measures.col.*``) through :func:`svcwork.tables.translate`, so each header's key travels with
  the frame and results.xlsx formats the column by the key's kind; items, statuses and channels in
  the report language; shares as % with one decimal; every frame was suppressed before;
* :func:`figures` — the charts, via :mod:`svcwork.charts` (imported when drawing); every one shows
  its uncertainty (intervals, control limits);
* :func:`findings`, :func:`takeaways`, :func:`methods` — the section in words, every number a
  marked key figure (:mod:`svcwork.measures.present_text`); :func:`skipped` — what was skipped.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any, Mapping, Sequence

import numpy as np
import pandas as pd

from ..common import yes_no
from ..i18n import fmt_number, fmt_period, t
from ..keyfigures import show
from ..schema import ENUMS
from ..tables import translate
from ._base import Message, _period_label, _when
from .figures import kpi_kind, kpi_text
from .present_text import findings, methods, takeaways  # noqa: F401 - the section in words (present_text)

if TYPE_CHECKING:  # pragma: no cover
    from .kpis import ControlChart
    from .result import MeasuresResult

__all__ = ["tables", "figures", "findings", "takeaways", "methods", "skipped", "kpi_note"]


# =========================================================================== tables
_PCT = 100.0


def _kpi_kinds(scorecard: pd.DataFrame) -> dict[str, str]:
    """Each KPI's figure kind (:func:`svcwork.measures.figures.kpi_kind`, the one rule its key figures
    follow): its points, centre line, limits and target are written as its last value is quoted."""
    if scorecard.empty:
        return {}
    return {str(r["kpi_id"]): kpi_kind(_field(r, "kind"), _field(r, "last"), _field(r, "target"))
            for r in scorecard.to_dict("records")}


def _field(row: Mapping[str, Any], key: str) -> Any:
    value = row.get(key)
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _before_shift(chart: ControlChart, position: int, side: int, reads: object) -> bool:
    """Whether a signal lies before a sustained shift and was read in the shift's direction.

    Such a point reads low (or high) only against the centre line of the whole series, which lies
    between the old level and the new (see :func:`svcwork.measures.kpis.control_chart`).
    """
    if not chart.phases or chart.direction is None or position >= chart.phases[-1].start:
        return False
    moved = 1 if chart.phases[-1].centre > chart.phases[0].centre else -1
    good = 1 if chart.direction == "higher" else -1
    return side == -moved and reads == ("better" if moved * good > 0 else "worse")


def kpi_note(row: Mapping[str, Any], chart: ControlChart | None, lang: str) -> str:
    """The scorecard's note on one KPI: how its control chart reads against its direction.

    A signal in the good direction is an improvement (after a sustained shift: the new level,
    and "recompute the limits from the new level"), never "out of control"; signals in the bad
    direction ask for the special cause; a KPI missing its target while stable is a system
    problem.  '' when there is nothing to say.
    """
    status = _field(row, "status")
    signals = chart.signals if chart is not None else pd.DataFrame(columns=["period", "direction"])
    level = kpi_text(_field(row, "new_level"), _field(row, "kind"), lang=lang, level=True)
    since = _when(_field(row, "shift_period"))

    def latest(reading: str | None = None) -> str:
        rows = signals if reading is None or "direction" not in signals else signals[signals["direction"] == reading]
        return _when(max(rows["period"])) if len(rows) else "—"

    one_way = {"improved": ("improved", "better"), "deteriorated": ("worsened", "worse")}
    if status in one_way:  # signals in one direction only: a shift to a new level, or single signals
        word, reading = one_way[status]
        if _field(row, "new_level") is not None:
            return t(f"measures.note.{word}_shift", lang, level=level, period=since)
        count = int(_field(row, f"signals_{reading}") or 0)
        return (t(f"measures.note.{word}_one", lang, period=latest(reading)) if count == 1 else
                t(f"measures.note.{word}", lang, count=count, period=latest(reading)))
    if status == "unstable":
        values = {"worse": int(_field(row, "signals_worse") or 0), "better": int(_field(row, "signals_better") or 0)}
        if _field(row, "new_level") is not None:
            return t("measures.note.unstable_shift", lang, level=level, period=since, **values)
        return t("measures.note.unstable", lang, period=latest(), **values)
    callout = _field(row, "callout")
    if status is None and isinstance(callout, str):  # a scorecard not read against its direction
        return t(f"measures.callout.{callout}", lang)
    return t("measures.callout.missed_in_control", lang) if callout == "missed_in_control" else ""


def _label_item(item: str, lang: str) -> str:
    return t(f"measures.item.{item}", lang)


def _label_channel(value: object, lang: str) -> object:
    if isinstance(value, str) and value in ENUMS["channel"].keys:
        return ENUMS["channel"].label(value, lang)
    if value == "*":
        return t("measures.all_channels", lang)
    return value


def _waves(values: pd.Series, lang: str) -> pd.Series:
    """Wave labels as the reader says them ("2025Q3" → "Q3 2025" / "רבעון 3 2025"; others unchanged)."""
    return values.map(lambda v: fmt_period(v, lang) if isinstance(v, str) else v)


def _headers(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Columns named ``measures.col.<column>`` in *lang*; each header's key recorded (its format follows the key)."""
    return translate(frame, {c: f"measures.col.{c}" for c in frame.columns}, lang)


def _fmt_group(frame: pd.DataFrame, col: str, lang: str, names: Mapping[str, str] | None = None) -> pd.Series:
    s = frame[col]
    if col == "wave":  # "2025Q3" as the reader says it: "Q3 2025" / "רבעון 3 2025"
        return _waves(s, lang)
    if col == "month":
        return s.map(lambda v: _period_label(v) if pd.notna(v) else "—")
    if col == "channel":
        return s.map(lambda v: _label_channel(v, lang))
    if col == "service_id" and names:
        return s.map(lambda v: f"{v} · {names[v]}" if v in names else v)
    return s


def _survey_view(tab: pd.DataFrame, by: Sequence[str], lang: str, names: Mapping[str, str]) -> pd.DataFrame:
    if tab.empty:
        return _headers(pd.DataFrame(columns=[*by, "item", "n", "pct_agree", "low", "high", "mean_100", "mean_low",
                                              "mean_high", "unstable"]), lang)
    v = pd.DataFrame({c: _fmt_group(tab, c, lang, names) for c in by})
    v["item"] = tab["item"].map(lambda i: _label_item(i, lang))
    v["n"] = tab["n"].astype(int)
    for c in ("pct_agree", "low", "high"):
        v[c] = (tab[c] * _PCT).round(1)
    for c in ("mean_100", "mean_low", "mean_high"):
        v[c] = tab[c].round(1)
    v["unstable"] = tab["unstable"].map(lambda b: yes_no(b, lang))
    return _headers(v, lang)


def tables(res: MeasuresResult, lang: str) -> dict[str, pd.DataFrame]:
    """The report's tables (translated headers, shares as % with one decimal, small groups suppressed)."""
    out: dict[str, pd.DataFrame] = {}
    names = res.service_names
    if res.survey_shown:
        out["survey_items"] = _survey_view(res.items, (), lang, names)
        for dim, tab in res.by.items():
            slug = {"service_id": "service"}.get(dim, dim)
            out[f"survey_by_{slug}"] = _survey_view(tab, (dim,), lang, names)
        if not res.nps.empty:
            v = pd.DataFrame({
                "breakdown": res.nps["breakdown"].map(lambda d: t(f"measures.col.{d}", lang) if d != "all"
                                                       else t("measures.all", lang)),
                "group": [(_label_channel(g, lang) if d == "channel" else
                           _period_label(g) if d == "month" else
                           fmt_period(g, lang) if d == "wave" else
                           t("measures.all", lang) if d == "all" else g)
                          for d, g in zip(res.nps["breakdown"], res.nps["group"])],
                "n": res.nps["n"].astype(int), "promoters": res.nps["promoters"].astype(int),
                "detractors": res.nps["detractors"].astype(int), "nps": res.nps["nps"].round(1),
                "low": res.nps["low"].round(1), "high": res.nps["high"].round(1),
                "unstable": res.nps["unstable"].map(lambda b: yes_no(b, lang))})
            out["nps"] = _headers(v, lang)
        if not res.unit_vs_all.empty:
            u = res.unit_vs_all
            v = pd.DataFrame({"unit": u["unit"], "item": u["item"].map(lambda i: _label_item(i, lang)),
                              "n": u["n"].astype(int), "pct_agree": (u["pct"] * _PCT).round(1),
                              "pct_rest": (u["pct_rest"] * _PCT).round(1), "pct_all": (u["pct_all"] * _PCT).round(1),
                              "diff": (u["diff"] * _PCT).round(1), "diff_low": (u["low"] * _PCT).round(1),
                              "diff_high": (u["high"] * _PCT).round(1),
                              "status": u["status"].map(lambda s: t(f"measures.status.{s}", lang))})
            out["unit_vs_all"] = _headers(v, lang)
        if not res.wave_over_wave.empty:
            w = res.wave_over_wave
            v = pd.DataFrame({"item": w["item"].map(lambda i: _label_item(i, lang)), "wave_from": _waves(w["wave_from"], lang),
                              "wave_to": _waves(w["wave_to"], lang), "n_from": w["n_from"].astype(int),
                              "pct_from": (w["pct_from"] * _PCT).round(1), "n_to": w["n_to"].astype(int),
                              "pct_to": (w["pct_to"] * _PCT).round(1), "diff": (w["diff"] * _PCT).round(1),
                              "diff_low": (w["low"] * _PCT).round(1), "diff_high": (w["high"] * _PCT).round(1),
                              "status": w["status"].map(lambda s: t(f"measures.status.{s}", lang))})
            out["wave_over_wave"] = _headers(v, lang)
        if not res.wave_change.empty:
            w = res.wave_change
            v = pd.DataFrame({"item": w["item"].map(lambda i: _label_item(i, lang)), "wave_first": _waves(w["wave_first"], lang),
                              "wave_last": _waves(w["wave_last"], lang),
                              "pct_first": (w["pct_first"] * _PCT).round(1), "pct_last": (w["pct_last"] * _PCT).round(1),
                              "diff": (w["diff"] * _PCT).round(1), "diff_low": (w["low"] * _PCT).round(1),
                              "diff_high": (w["high"] * _PCT).round(1),
                              "status": w["status"].map(lambda s: t(f"measures.status.{s}", lang)),
                              "mean_diff": w["mean_diff"].round(1),
                              "trend": w["trend"].map(lambda s: t(f"measures.trend_wave.{s}", lang)),
                              "p_trend": w["trend_p"].round(4)})
            out["survey_change"] = _headers(v, lang)
        if not res.weighting.empty:
            w = res.weighting
            v = pd.DataFrame({"item": w["item"].map(lambda i: _label_item(i, lang)), "n": w["n"].astype(int),
                              "pct_unweighted": (w["pct_unweighted"] * _PCT).round(1),
                              "low_unweighted": (w["low_unweighted"] * _PCT).round(1),
                              "high_unweighted": (w["high_unweighted"] * _PCT).round(1),
                              "pct_weighted": (w["pct_weighted"] * _PCT).round(1),
                              "low_weighted": (w["low_weighted"] * _PCT).round(1),
                              "high_weighted": (w["high_weighted"] * _PCT).round(1),
                              "n_eff": w["n_eff"].round(0).astype(int),
                              "weighted_by": w["by"].map(lambda s: " × ".join(t(f"measures.col.{c}", lang)
                                                                              for c in s.split(" × ")))})
            out["weighting"] = _headers(v, lang)
        if res.drivers is not None:
            d = res.drivers.table
            v = pd.DataFrame({"driver": d["driver"].map(lambda i: _label_item(i, lang)), "rank": d["rank"]})
            v["share_pct"] = (d["share"] * _PCT).round(1)
            for c in ("share_low", "share_high"):
                v[c] = (d[c] * _PCT).round(1)
            for c in ("shapley", "shapley_low", "shapley_high", "relative_weight", "relative_weight_low",
                      "relative_weight_high"):
                v[c] = d[c].round(4)
            out["drivers"] = _headers(v, lang)
        if not res.ipa.empty:
            p = res.ipa
            v = pd.DataFrame({"item": p["item"].map(lambda i: _label_item(i, lang)),
                              "importance": (p["importance"] * _PCT).round(1),
                              "importance_low": (p["importance_low"] * _PCT).round(1),
                              "importance_high": (p["importance_high"] * _PCT).round(1),
                              "performance": (p["performance"] * _PCT).round(1),
                              "performance_low": (p["performance_low"] * _PCT).round(1),
                              "performance_high": (p["performance_high"] * _PCT).round(1),
                              "quadrant": p["quadrant"].map(lambda q: t(f"measures.quadrant.{q}", lang))})
            out["importance_performance"] = _headers(v, lang)
        if not res.service_signal.empty:
            s = res.service_signal
            v = pd.DataFrame({"service_id": _fmt_group(s, "service_id", lang, names), "n": s["n"].astype(int),
                              "gap": (s["gap"] * _PCT).round(1),
                              "items": s["items"].map(lambda x: ", ".join(_label_item(i, lang)
                                                                          for i in x.split(", ")))})
            out["service_signal"] = _headers(v, lang)
        if not res.themes.empty:
            th = res.themes
            v = pd.DataFrame({"theme": th["he" if lang == "he" else "en"], "mentions": th["mentions"].astype(int),
                              "comments": th["comments"].astype(int), "share_pct": (th["share"] * _PCT).round(1),
                              "low": (th["low"] * _PCT).round(1), "high": (th["high"] * _PCT).round(1)})
            out["themes"] = _headers(v, lang)
        if not res.comments.empty:
            out["comments"] = _headers(res.comments.rename(columns={"comment": "comment_redacted"}), lang)
    if res.kpis_available and not res.scorecard.empty:
        s = res.scorecard
        rows = s.to_dict("records")
        reading = s["status"] if "status" in s.columns else pd.Series(None, index=s.index, dtype=object)
        v = pd.DataFrame({
            "kpi_id": s["kpi_id"], "kpi_name": s["kpi_name"],
            "direction": s["direction"].map(lambda d: t(f"measures.direction.{d}", lang)),
            "owner": s["owner"].map(lambda o: o if isinstance(o, str) else "—"),
            # the KPIs' units differ row by row: each value written by its KPI's rule (kpi_text), as quoted
            "target": [kpi_text(_field(r, "target"), _field(r, "kind"), _field(r, "last"), _field(r, "target"), lang)
                       for r in rows],
            "last": [kpi_text(_field(r, "last"), _field(r, "kind"), _field(r, "last"), _field(r, "target"), lang)
                     for r in rows],
            "last_period": s["last_period"].map(lambda p: _period_label(p)
                                                if p is not None and pd.notna(p) else "—"),
            "met": s["met"].map(lambda b: yes_no(b, lang)),
            "light": s["light"].map(lambda x: t(f"measures.light.{x}", lang) if isinstance(x, str) else "—"),
            "trend": s["trend"].map(lambda x: t(f"measures.trend.{x}", lang)),
            "method": s["method"].map(lambda x: t(f"measures.method.{x}", lang) if isinstance(x, str) else "—"),
            "in_control": s["in_control"].map(lambda b: yes_no(b, lang)),
            "signals": s["signals"].astype(int),
            "better_count": (s["signals_better"] if "signals_better" in s.columns else 0),
            "worse_count": (s["signals_worse"] if "signals_worse" in s.columns else 0),
            "reading": reading.map(lambda x: t(f"measures.reading.{x}", lang) if isinstance(x, str) else "—"),
            "new_level": [kpi_text(_field(r, "new_level"), _field(r, "kind"), lang=lang, level=True) for r in rows],
            "shift_period": [_when(_field(r, "shift_period")) for r in rows],
            "callout": [kpi_note(r, res.charts.get(str(r["kpi_id"])), lang) for r in rows]})
        v[["better_count", "worse_count"]] = v[["better_count", "worse_count"]].fillna(0).astype(int)
        if reading.notna().any():  # read against each KPI's direction: "in control: no" would call an
            v = v.drop(columns=["in_control"])  # improvement out of control; the reading says which way
        out["kpi_scorecard"] = _headers(v, lang)
        rows = []
        kinds = _kpi_kinds(s)
        for kid, chart in res.charts.items():
            for sg in chart.signals.itertuples():
                reads = getattr(sg, "direction", None)
                text = t(f"measures.signal.{reads}", lang) if isinstance(reads, str) else "—"
                if _before_shift(chart, sg.position, sg.side, reads):
                    text = t(f"measures.signal.before_{reads}", lang, period=_when(chart.shift_period))
                rows.append({"kpi_id": kid, "period": _period_label(sg.period),
                             "value": show(float(chart.values[sg.position]), kinds.get(kid, "number"), lang),
                             "rule": int(sg.rule),
                             "rule_text": t(f"measures.rule.{int(sg.rule)}", lang),
                             "side": t("measures.side.above" if sg.side > 0 else "measures.side.below", lang),
                             "signal_direction": text})
        out["kpi_signals"] = _headers(pd.DataFrame(rows, columns=["kpi_id", "period", "value", "rule", "rule_text",
                                                                  "side", "signal_direction"]), lang)
    if res.standards_available and not res.standards.empty:
        s = res.standards
        v = pd.DataFrame({
            "service_id": s["service_id"].map(lambda x: t("measures.all_services", lang) if x == "*"
                                              else (f"{x} · {names[x]}" if x in names else x)),
            "channel": s["channel"].map(lambda x: _label_channel(x, lang)),
            "measure": s["measure"].map(lambda m: t(f"measures.measure.{m}", lang)),
            "target": s["target"], "cases": s["n"].astype(int), "met_count": s["met"].astype(int),
            "share_pct": (s["share"] * _PCT).round(1), "low": (s["low"] * _PCT).round(1),
            "high": (s["high"] * _PCT).round(1), "pending": s["pending"].astype(int),
            "median_days": s["median_days"].round(1)})
        out["service_standards"] = _headers(v, lang)
    return out


# =========================================================================== figures
def _fig_interval_dots(labels: Sequence[str], values: np.ndarray, lows: np.ndarray, highs: np.ndarray,
                       colors: Sequence[str], *, lang: str, title: str, xlabel: str, ref: float | None = None,
                       ref_label: str | None = None, hollow: Sequence[bool] | None = None, legend: Sequence = (),
                       xlim: tuple[float, float] | None = (0, 100), markers: Sequence[str] | None = None):
    from ..charts import GREY, finish, new_figure

    fig, ax = new_figure(size=(8.0, max(2.6, 0.42 * len(labels) + 1.4)))
    y = np.arange(len(labels))
    ax.hlines(y, lows, highs, colors=list(colors), linewidth=2.2, zorder=2)
    hollow = list(hollow) if hollow is not None else [False] * len(labels)
    for yi, v, c, h, m in zip(y, values, colors, hollow, markers or ["o"] * len(labels)):
        ax.plot([v], [yi], marker=m, markersize=7, color=c, markerfacecolor="white" if h else c, zorder=3,
                linestyle="none")
    if ref is not None and np.isfinite(ref):
        ax.axvline(ref, color=GREY, linestyle="--", linewidth=1, label=ref_label)
    ax.set_yticks(y, list(labels))
    ax.invert_yaxis()
    if xlim is not None:
        ax.set_xlim(*xlim)
    handles = [h for h in legend]
    if ref is not None and ref_label:
        handles.append(ax.get_lines()[-1])
    if handles:
        ax.legend(handles=handles, loc="best", fontsize=8)
    finish(ax, lang=lang, title=title, xlabel=xlabel, mirror_x=True, value_axis="y")
    ax.grid(axis="y", visible=False)
    return fig


#: How a control-chart signal is marked, by its reading: (reading, legend key, marker) — shape as well as colour
#: tells an improvement from a deterioration (WCAG 2.1 SC 1.4.1); a hollow marker, never a direction arrow (a
#: better reading is a fall for a KPI where lower is better).
_SIGNALS = ((None, "signal", "s"), ("better", "signal_better", "o"), ("worse", "signal_worse", "D"))


def _signal_groups(signals: pd.DataFrame) -> list[tuple[pd.DataFrame, str, str, str]]:
    """The signals of a chart by reading: (rows, colour, legend key, marker) for each reading present."""
    from ..charts import BAD, GOOD

    reads = (signals["direction"] if "direction" in signals
             else pd.Series(None, index=signals.index, dtype=object))
    out = []
    for reading, key, marker in _SIGNALS:
        these = signals[reads.isna()] if reading is None else signals[reads == reading]
        if not these.empty:
            out.append((these, GOOD if reading == "better" else BAD, key, marker))
    return out


def _legend_handles(entries: Sequence[tuple[str, str, bool]], markers: Sequence[str] | None = None) -> list:
    from matplotlib.lines import Line2D

    return [Line2D([0], [0], marker=m, color=c, markerfacecolor="white" if hollow else c, label=label,
                   linestyle="-") for (label, c, hollow), m in zip(entries, markers or ["o"] * len(entries))]


def _control_figure(kid: str, name: str | None, chart: ControlChart, target: float | None, lang: str, color: str):
    from ..charts import GREY, NEUTRAL, PALETTE, finish, new_figure

    fig, ax = new_figure(size=(8.0, 4.0))
    x = np.arange(len(chart.values))
    ax.plot(x, chart.values, marker="o", color=color, linewidth=1.5, label=t("measures.legend.value", lang), zorder=3)
    ax.plot(x, chart.centre, color=NEUTRAL, linewidth=1.2, label=t("measures.legend.centre", lang))
    step = "mid" if chart.method != "xmr" else None
    if step:
        ax.step(x, chart.upper, where="mid", color=GREY, linestyle="--", linewidth=1,
                label=t("measures.legend.limits", lang))
        ax.step(x, chart.lower, where="mid", color=GREY, linestyle="--", linewidth=1)
    else:
        ax.plot(x, chart.upper, color=GREY, linestyle="--", linewidth=1, label=t("measures.legend.limits", lang))
        ax.plot(x, chart.lower, color=GREY, linestyle="--", linewidth=1)
    if target is not None and math.isfinite(target):
        ax.axhline(target, color=PALETTE[1], linestyle=":", linewidth=1.5, label=t("measures.legend.target", lang))
    for phase in chart.phases:  # the level of each phase after a sustained shift (black: never the accent)
        ax.plot(x[phase.start:phase.stop], np.full(phase.stop - phase.start, phase.centre), color=PALETTE[7],
                linewidth=1.6, linestyle="-.",
                label=t("measures.legend.phase_centre", lang) if phase is chart.phases[0] else None)
    if chart.phases:
        ax.axvline(chart.phases[-1].start - 0.5, color=GREY, linestyle=":", linewidth=1)
    if not chart.signals.empty:
        for these, colour, key, marker in _signal_groups(chart.signals):
            pos = these["position"].to_numpy()
            ax.scatter(x[pos], chart.values[pos], s=140, marker=marker, facecolors="none", edgecolors=colour,
                       linewidths=2, zorder=4, label=t(f"measures.legend.{key}", lang))
            for p, grp in these.groupby("position"):
                ax.annotate(",".join(str(r) for r in sorted(set(grp["rule"]))), (x[p], chart.values[p]),
                            textcoords="offset points", xytext=(0, 10), ha="center", fontsize=8, color=colour)
    labels = [_period_label(p) if not isinstance(p, (int, np.integer)) else str(p) for p in chart.periods]
    every = max(1, len(labels) // 12)
    ax.set_xticks(x[::every], labels[::every], rotation=45, ha="right")
    ax.legend(loc="best", fontsize=8)
    title = t("measures.title.control", lang, kpi=f"{kid} · {name}" if name else kid)  # the method: methods()
    finish(ax, lang=lang, title=title, xlabel=t("measures.axis.period", lang), ylabel=t("measures.axis.value", lang))
    return fig


def figures(res: MeasuresResult, lang: str) -> dict[str, Any]:
    """The report's figures; every one shows its uncertainty (intervals, control limits)."""
    from ..charts import BAD, GOOD, GREY, NEUTRAL, PALETTE, accent, finish, new_figure

    figs: dict[str, Any] = {}
    acc = accent(res.accent_color)
    level = int(round(res.confidence * 100))
    ci_entry = (t("measures.legend.interval", lang, level=level), acc, False)
    unstable_entry = (t("measures.legend.unstable", lang), acc, True)
    if res.survey_shown and not res.items.empty:
        it = res.items
        figs["survey_items"] = _fig_interval_dots(
            [_label_item(i, lang) for i in it["item"]], it["pct_agree"].to_numpy() * 100, it["low"].to_numpy() * 100,
            it["high"].to_numpy() * 100, [acc] * len(it), lang=lang,
            title=t("measures.title.survey_items", lang, level=level), xlabel=t("measures.axis.pct_agree", lang),
            hollow=it["unstable"].tolist(), legend=_legend_handles([ci_entry, unstable_entry]))
    if res.survey_shown and not res.unit_vs_all.empty:
        item = "satisfaction" if (res.unit_vs_all["item"] == "satisfaction").any() else res.unit_vs_all["item"].iloc[0]
        u = res.unit_vs_all[res.unit_vs_all["item"] == item]
        by_unit = res.by["unit"].set_index(["unit", "item"])
        lows = [by_unit.loc[(g, item), "low"] * 100 for g in u["unit"]]
        highs = [by_unit.loc[(g, item), "high"] * 100 for g in u["unit"]]
        colours = [GOOD if s == "higher" else BAD if s == "lower" else NEUTRAL for s in u["status"]]
        shapes = ["^" if s == "higher" else "v" if s == "lower" else "o" for s in u["status"]]  # WCAG 2.1 SC 1.4.1
        figs["unit_comparison"] = _fig_interval_dots(
            list(u["unit"]), u["pct"].to_numpy() * 100, np.array(lows), np.array(highs), colours, lang=lang,
            title=t("measures.title.unit_comparison", lang, item=_label_item(item, lang)),
            xlabel=t("measures.axis.pct_agree", lang), ref=float(u["pct_all"].iloc[0]) * 100,
            ref_label=t("measures.legend.all_units", lang), markers=shapes,
            legend=_legend_handles([(t("measures.status.higher", lang), GOOD, False),
                                    (t("measures.status.lower", lang), BAD, False),
                                    (t("measures.status.same", lang), NEUTRAL, False)], markers=("^", "v", "o")))
    if res.survey_shown and "wave" in res.by and res.by["wave"]["wave"].nunique() >= 2:
        wv = res.by["wave"]
        order = list(dict.fromkeys(list(res.wave_over_wave["wave_from"]) + list(res.wave_over_wave["wave_to"]))) \
            if not res.wave_over_wave.empty else sorted(wv["wave"].unique(), key=str)
        order = [w for w in order if w in set(wv["wave"])]
        fig, ax = new_figure(size=(8.0, 4.0))
        x = np.arange(len(order))
        for k, item in enumerate([i for i in ("satisfaction", "trust") if i in set(wv["item"])] or
                                 [wv["item"].iloc[0]]):
            s = wv[wv["item"] == item].set_index("wave").reindex(order)
            off = (k - 0.5) * 0.08
            col = acc if k == 0 else PALETTE[1]
            ax.errorbar(x + off, s["pct_agree"] * 100, yerr=[(s["pct_agree"] - s["low"]) * 100,
                                                             (s["high"] - s["pct_agree"]) * 100],
                        marker="o" if k == 0 else "s", ls="-" if k == 0 else "--", capsize=4, color=col,
                        label=_label_item(item, lang))
        ax.set_xticks(x, [fmt_period(str(w), lang) for w in order])
        ax.set_ylim(0, 100)
        ax.legend(loc="lower left", fontsize=8, title=t("measures.legend.interval", lang, level=level),
                  title_fontsize=8)
        finish(ax, lang=lang, title=t("measures.title.wave_trend", lang), xlabel=t("measures.col.wave", lang),
               ylabel=t("measures.axis.pct_agree", lang))
        figs["wave_trend"] = fig
    if res.survey_shown and not res.nps.empty:
        dim, s, labels = _nps_shown(res, lang)
        colours = [GREY if b == "all" else acc for b in s["breakdown"]]
        figs["nps"] = _fig_interval_dots(
            labels, s["nps"].to_numpy(), s["low"].to_numpy(), s["high"].to_numpy(), colours, lang=lang,
            title=t("measures.title.nps", lang, dim=t(f"measures.col.{dim}", lang) if dim != "all"
                    else t("measures.all", lang)),
            xlabel=t("measures.axis.nps", lang), xlim=(-100, 100), hollow=s["unstable"].tolist(),
            legend=_legend_handles([ci_entry, unstable_entry]), ref=0.0)
    if res.drivers is not None:
        from matplotlib.lines import Line2D

        d = res.drivers.table
        rw_handle = Line2D([0], [0], marker="D", linestyle="none", color=PALETTE[1], markersize=5,
                           label=t("measures.legend.rw", lang))
        fig = _fig_interval_dots(
            [_label_item(i, lang) for i in d["driver"]], d["share"].to_numpy() * 100, d["share_low"].to_numpy() * 100,
            d["share_high"].to_numpy() * 100, [acc] * len(d), lang=lang,
            title=t("measures.title.drivers", lang, item=_label_item(res.drivers.outcome, lang),
                    r2=f"{res.drivers.r2:.2f}"),
            xlabel=t("measures.axis.importance", lang), xlim=None,
            legend=[*_legend_handles([(t("measures.legend.bootstrap", lang, level=level), acc, False)]), rw_handle])
        ax = fig.axes[0]
        rw_share = d["relative_weight"].to_numpy() / res.drivers.r2 * 100
        ax.plot(rw_share, np.arange(len(d)), marker="D", linestyle="none", color=PALETTE[1], markersize=5, zorder=4)
        figs["drivers"] = fig
    if not res.ipa.empty:
        p = res.ipa
        fig, ax = new_figure(size=(7.5, 5.5))
        xs, ys = p["performance"].to_numpy() * 100, p["importance"].to_numpy() * 100
        colours = {"concentrate": BAD, "keep_up": GOOD, "low_priority": NEUTRAL, "overkill": PALETTE[1]}
        # a percentile bootstrap interval need not contain the point estimate (a skewed share near 0):
        # the bar then starts at the estimate, never at a negative length
        ax.errorbar(xs, ys, xerr=np.clip([xs - p["performance_low"] * 100, p["performance_high"] * 100 - xs], 0, None),
                    yerr=np.clip([ys - p["importance_low"].fillna(p["importance"]).to_numpy() * 100,
                                  p["importance_high"].fillna(p["importance"]).to_numpy() * 100 - ys], 0, None),
                    fmt="none", ecolor=GREY, elinewidth=1, capsize=3, zorder=2)
        shapes = {"concentrate": "X", "keep_up": "o", "low_priority": "s", "overkill": "^"}  # WCAG 2.1 SC 1.4.1
        for xi, yi, q, item in zip(xs, ys, p["quadrant"], p["item"]):
            ax.scatter([xi], [yi], color=colours[q], marker=shapes.get(q, "o"), s=60, zorder=3)
            ax.annotate(_label_item(item, lang), (xi, yi), textcoords="offset points", fontsize=9,
                        xytext=(-6, 6) if lang == "he" else (6, 6), ha="right" if lang == "he" else "left")
        mx, my = float(p["performance_mean"].iloc[0]) * 100, float(p["importance_mean"].iloc[0]) * 100
        ax.axvline(mx, color=GREY, linestyle="--", linewidth=1)
        ax.axhline(my, color=GREY, linestyle="--", linewidth=1)
        corners = {"concentrate": (0.02, 0.97, "left", "top"), "keep_up": (0.98, 0.97, "right", "top"),
                   "low_priority": (0.02, 0.03, "left", "bottom"), "overkill": (0.98, 0.03, "right", "bottom")}
        for q, (cx, cy, ha, va) in corners.items():
            if lang == "he":
                cx, ha = 1 - cx, {"left": "right", "right": "left"}[ha]
            ax.text(cx, cy, t(f"measures.quadrant.{q}", lang), transform=ax.transAxes, ha=ha, va=va, fontsize=9,
                    color=colours[q], fontweight="bold")
        finish(ax, lang=lang, title=t("measures.title.ipa", lang, level=level),
               xlabel=t("measures.axis.performance", lang), ylabel=t("measures.axis.importance", lang))
        figs["importance_performance"] = fig
    if res.survey_shown and not res.themes.empty and res.themes["mentions"].sum() > 0:
        th = res.themes[res.themes["mentions"] > 0].head(10)
        figs["themes"] = _fig_interval_dots(
            list(th["he" if lang == "he" else "en"]), th["share"].to_numpy() * 100, th["low"].to_numpy() * 100,
            th["high"].to_numpy() * 100, [acc] * len(th), lang=lang,
            title=t("measures.title.themes", lang, n=int(th["comments"].iloc[0])),
            xlabel=t("measures.axis.share", lang),
            xlim=None, legend=_legend_handles([ci_entry]))
    if res.kpis_available and not res.scorecard.empty and res.charts:
        names = dict(zip(res.scorecard["kpi_id"].astype(str), res.scorecard["kpi_name"]))
        targets = dict(zip(res.scorecard["kpi_id"].astype(str), res.scorecard["target"]))
        lights = dict(zip(res.scorecard["kpi_id"].astype(str), res.scorecard["light"]))
        kinds = dict(zip(res.scorecard["kpi_id"].astype(str), res.scorecard["kind"])) \
            if "kind" in res.scorecard.columns else {}
        lasts = dict(zip(res.scorecard["kpi_id"].astype(str), res.scorecard["last"]))
        for kid, chart in res.charts.items():
            name = names.get(kid)
            figs[f"control_{re.sub(r'[^0-9A-Za-z_-]+', '_', kid)}"] = _control_figure(
                kid, name if isinstance(name, str) else None, chart, targets.get(kid), lang, acc)
        shown = list(res.charts.items())[:12]
        fig, axes = new_figure(size=(8.0, 1.7 * len(shown) + 0.8), nrows=len(shown), ncols=1, squeeze=False)
        light_colour = {"green": GOOD, "amber": PALETTE[1], "red": BAD}
        light_marker = {"green": "o", "amber": "s", "red": "X"}  # the light by shape as well (WCAG 2.1 SC 1.4.1)
        keys: dict[str, tuple[str, str]] = {}  # the signal readings drawn, for the key below the panels
        for ax, (kid, chart) in zip(axes[:, 0], shown):
            x = np.arange(len(chart.values))
            ax.fill_between(x, chart.lower, chart.upper, color=GREY, alpha=0.18, step="mid" if chart.method != "xmr"
                            else None, label=t("measures.legend.limits", lang))
            ax.plot(x, chart.values, color=acc, linewidth=1.4, marker="o", markersize=3)
            tg = targets.get(kid)
            if tg is not None and math.isfinite(tg):
                ax.axhline(tg, color=PALETTE[1], linestyle=":", linewidth=1.3)
            ax.plot([x[-1]], [chart.values[-1]], marker=light_marker.get(lights.get(kid), "o"), markersize=10,
                    color=light_colour.get(lights.get(kid), NEUTRAL), zorder=4)
            for these, colour, key, marker in _signal_groups(chart.signals):
                pos = these["position"].to_numpy()
                ax.scatter(x[pos], chart.values[pos], s=60, marker=marker, facecolors="none", edgecolors=colour,
                           linewidths=1.5, zorder=5)
                keys.setdefault(key, (colour, marker))
            for phase in chart.phases:
                ax.plot(x[phase.start:phase.stop], np.full(phase.stop - phase.start, phase.centre), color=PALETTE[7],
                        linewidth=1.0, linestyle="-.")
            ax.set_xticks([])
            name = names.get(kid)
            finish(ax, lang=lang, title=t("measures.title.scorecard_panel", lang,
                                          kpi=f"{kid} · {name}" if isinstance(name, str) else kid,
                                          last=kpi_text(float(chart.values[-1]), kinds.get(kid), lasts.get(kid), tg,
                                                        lang),  # as the scorecard table and the sentences write it
                                          target=kpi_text(tg, kinds.get(kid), lasts.get(kid), tg, lang)))
            ax.title.set_fontsize(9)
        # the key: each light drawn (filled, by shape) and each signal reading drawn (hollow, by shape)
        drawn = [light for light in ("green", "amber", "red") if light in {lights.get(kid) for kid, _ in shown}]
        handles = (_legend_handles([(t(f"measures.light.{light}", lang), light_colour[light], False) for light in drawn],
                                   [light_marker[light] for light in drawn])
                   + _legend_handles([(t(f"measures.legend.{key}", lang), c, True) for key, (c, _) in keys.items()],
                                     [m for c, m in keys.values()]))
        for h in handles:
            h.set_linestyle("none")
        if handles:
            fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 3), fontsize=8,
                       frameon=False)
        fig.suptitle(t("measures.title.scorecard", lang), fontweight="bold",
                     x=0.98 if lang == "he" else 0.02, ha="right" if lang == "he" else "left")
        figs["scorecard"] = fig
    if res.standards_available and not res.standards.empty:
        s = res.standards
        labels = _standard_labels(res, lang)
        figs["service_standards"] = _fig_interval_dots(
            labels, s["share"].to_numpy() * 100, s["low"].to_numpy() * 100, s["high"].to_numpy() * 100,
            [acc] * len(s), lang=lang, title=t("measures.title.standards", lang),
            xlabel=t("measures.axis.share_met", lang), legend=_legend_handles([ci_entry]))
    return figs


# =========================================================================== skipped parts
def _value(value: object, lang: str) -> object:
    return t(value.key, lang, **dict(value.values)) if isinstance(value, Message) else value


def skipped(res: MeasuresResult, lang: str) -> str:
    """Sentences saying which parts were skipped and why ('' when nothing was), reasons in *lang*."""
    if not res.available:
        return t("measures.skipped.all", lang)
    return " ".join(t(key, lang, **{k: _value(v, lang) for k, v in params}) for key, params in res.notes)



# =========================================================================== the charts' data
def figure_data(res: MeasuresResult, lang: str) -> dict[str, Any]:
    """What each chart of :func:`figures` plots (:class:`svcwork.alttext.ChartData`, same slugs, same
    conditions), for its text alternative and data table (WCAG 2.1 SC 1.1.1, 1.3.1): shares with their
    interval, NPS, driver importance, the importance–performance quadrants, KPI series."""
    from ..alttext import ChartData, grouped_notes

    col = lambda k: t(f"measures.col.{k}", lang)  # noqa: E731
    level = int(round(res.confidence * 100))
    lo, hi = t("access.col.interval_low", lang, level=level), t("access.col.interval_high", lang, level=level)
    label = t("access.col.label", lang)

    def interval(labels: Sequence[str], values: Any, lows: Any, highs: Any, name: str, kind: str = "share",
                 **extra: Any) -> ChartData:
        frame = pd.DataFrame({label: [str(x) for x in labels], name: [float(v) for v in values],
                              lo: [float(v) for v in lows], hi: [float(v) for v in highs]})
        return ChartData(frame, name, {name: kind, lo: kind, hi: kind}, **extra)

    out: dict[str, Any] = {}
    if res.survey_shown and not res.items.empty:
        it = res.items
        out["survey_items"] = interval([_label_item(i, lang) for i in it["item"]], it["pct_agree"], it["low"], it["high"],
                                       col("pct_agree"))
    if res.survey_shown and not res.unit_vs_all.empty:
        item = "satisfaction" if (res.unit_vs_all["item"] == "satisfaction").any() else res.unit_vs_all["item"].iloc[0]
        u = res.unit_vs_all[res.unit_vs_all["item"] == item]
        by_unit = res.by["unit"].set_index(["unit", "item"])
        data = interval(list(u["unit"]), u["pct"], [by_unit.loc[(g, item), "low"] for g in u["unit"]],
                        [by_unit.loc[(g, item), "high"] for g in u["unit"]], col("pct_agree"))
        status = [t(f"measures.status.{s}", lang) if s in ("higher", "lower", "same") else str(s) for s in u["status"]]
        frame = data.frame.assign(**{col("status"): status, col("pct_all"): float(u["pct_all"].iloc[0])})
        out["unit_comparison"] = ChartData(frame, data.value, {**data.kinds, col("pct_all"): "share"},
                                           notes=grouped_notes(frame, col("status"), label, lang,
                                                               order=[t(f"measures.status.{s}", lang)
                                                                      for s in ("higher", "lower")]))
    if res.survey_shown and "wave" in res.by and res.by["wave"]["wave"].nunique() >= 2:
        wv = res.by["wave"]
        order = list(dict.fromkeys(list(res.wave_over_wave["wave_from"]) + list(res.wave_over_wave["wave_to"]))) \
            if not res.wave_over_wave.empty else sorted(wv["wave"].unique(), key=str)
        order = [w for w in order if w in set(wv["wave"])]
        items = [i for i in ("satisfaction", "trust") if i in set(wv["item"])] or [wv["item"].iloc[0]]
        frame = pd.DataFrame({col("wave"): [fmt_period(str(w), lang) for w in order]})
        kinds = {}
        for item in items:
            s = wv[wv["item"] == item].set_index("wave").reindex(order)
            name = _label_item(item, lang)
            frame[name] = s["pct_agree"].astype(float).to_numpy()
            frame[f"{name} · {lo}"] = s["low"].astype(float).to_numpy()
            frame[f"{name} · {hi}"] = s["high"].astype(float).to_numpy()
            kinds.update({name: "share", f"{name} · {lo}": "share", f"{name} · {hi}": "share"})
        out["wave_trend"] = ChartData(frame, _label_item(items[0], lang), kinds, series=True)
    if res.survey_shown and not res.nps.empty:
        dim, s, labels = _nps_shown(res, lang)
        out["nps"] = interval(labels, s["nps"], s["low"], s["high"], col("nps"), kind="nps")
    if res.drivers is not None:
        d = res.drivers.table
        data = interval([_label_item(i, lang) for i in d["driver"]], d["share"], d["share_low"], d["share_high"],
                        col("share_pct"))
        rw = col("relative_weight")
        frame = data.frame.assign(**{rw: (d["relative_weight"].astype(float) / res.drivers.r2).to_numpy()})
        out["drivers"] = ChartData(frame, data.value, {**data.kinds, rw: "share"})
    if not res.ipa.empty:
        p = res.ipa
        names = {q: t(f"measures.quadrant.{q}", lang) for q in ("concentrate", "keep_up", "low_priority", "overkill")}
        frame = pd.DataFrame({label: [_label_item(i, lang) for i in p["item"]],
                              col("importance"): p["importance"].astype(float).to_numpy(),
                              col("performance"): p["performance"].astype(float).to_numpy(),
                              col("quadrant"): [names.get(q, str(q)) for q in p["quadrant"]]})
        out["importance_performance"] = ChartData(
            frame, col("importance"), {col("importance"): "share", col("performance"): "share"},
            notes=grouped_notes(frame, col("quadrant"), label, lang, order=list(names.values())))
    if res.survey_shown and not res.themes.empty and res.themes["mentions"].sum() > 0:
        th = res.themes[res.themes["mentions"] > 0].head(10)
        out["themes"] = interval(list(th["he" if lang == "he" else "en"]), th["share"], th["low"], th["high"],
                                 t("measures.axis.share", lang))
    if res.kpis_available and not res.scorecard.empty and res.charts:
        names = dict(zip(res.scorecard["kpi_id"].astype(str), res.scorecard["kpi_name"]))
        targets = dict(zip(res.scorecard["kpi_id"].astype(str), res.scorecard["target"]))
        lights = dict(zip(res.scorecard["kpi_id"].astype(str), res.scorecard["light"]))
        value, period = t("measures.legend.value", lang), col("period")
        kpi_kinds = _kpi_kinds(res.scorecard)
        for kid, chart in res.charts.items():
            labels = [_period_label(p) if not isinstance(p, (int, np.integer)) else str(p)
                      for p in chart.periods]
            signal = [""] * len(labels)
            if not chart.signals.empty:
                for pos, grp in chart.signals.groupby("position"):
                    signal[int(pos)] = ",".join(str(r) for r in sorted(set(grp["rule"])))
            frame = pd.DataFrame({period: labels, value: np.asarray(chart.values, float),
                                  t("measures.legend.centre", lang): np.asarray(chart.centre, float),
                                  t("measures.legend.limits", lang) + " ↓": np.asarray(chart.lower, float),
                                  t("measures.legend.limits", lang) + " ↑": np.asarray(chart.upper, float),
                                  col("rule"): signal})
            kind = kpi_kinds.get(kid, "number")  # the KPI's own kind: a proportion as a percentage
            kinds = {c: kind for c in frame.columns if c not in (period, col("rule"))}
            tg = targets.get(kid)
            notes = (t("access.alt.group", lang, name=col("target"), items=show(float(tg), kind, lang)),) \
                if tg is not None and math.isfinite(tg) else ()
            out[f"control_{re.sub(r'[^0-9A-Za-z_-]+', '_', kid)}"] = ChartData(frame, value, kinds, series=True,
                                                                               notes=notes)
        shown = list(res.charts.items())[:12]
        signals = dict(zip(res.scorecard["kpi_id"].astype(str), res.scorecard["signals"]))
        # the KPIs' units differ row by row: last value and target as each KPI's rule writes them (the
        # scorecard table's text); the chart's signals (circled points, a count) are the column it counts
        frame = pd.DataFrame({col("kpi_id"): [f"{kid} · {names[kid]}" if isinstance(names.get(kid), str) else kid
                                              for kid, _ in shown],
                              col("last"): [show(float(c.values[-1]), kpi_kinds.get(k, "number"), lang)
                                            for k, c in shown],
                              col("target"): [show(float(targets[k]), kpi_kinds.get(k, "number"), lang)
                                              if targets.get(k) is not None and math.isfinite(targets[k]) else "—"
                                              for k, _ in shown],
                              col("light"): [t(f"access.light.{lights.get(k)}", lang) if lights.get(k) in
                                             ("green", "amber", "red") else "—" for k, _ in shown],
                              col("signals"): [int(signals.get(k) or 0) for k, _ in shown]})
        out["scorecard"] = ChartData(frame, col("signals"), {col("signals"): "count"}, ranked=False,
                                     notes=grouped_notes(frame, col("light"), col("kpi_id"), lang,
                                                         order=[t(f"access.light.{x}", lang)
                                                                for x in ("red", "amber", "green")],
                                                         detail=lambda r: r[col("last")]))
    if res.standards_available and not res.standards.empty:
        s = res.standards
        labels = _standard_labels(res, lang)
        out["service_standards"] = interval(labels, s["share"], s["low"], s["high"], t("measures.axis.share_met", lang))
    return out


def _standard_labels(res: "MeasuresResult", lang: str) -> list[str]:
    """Each service standard's label in the chart and its data table: measure ≤ target · service · channel."""
    s, names = res.standards, res.service_names
    return [f"{t(f'measures.measure.{m}', lang)} ≤ {fmt_number(tg, lang, digits=0)} · "
            f"{t('measures.all_services', lang) if sid == '*' else names.get(sid, sid)} · {_label_channel(ch, lang)}"
            for m, tg, sid, ch in zip(s["measure"], s["target"], s["service_id"], s["channel"])]


def _nps_shown(res: "MeasuresResult", lang: str) -> tuple[str, pd.DataFrame, list[str]]:
    """The NPS rows the chart and its data table show: the breakdown (the first of unit, wave, channel
    with two groups or more, else ``all``), its rows beside the whole, and each row's label."""
    dim = next((d for d in ("unit", "wave", "channel") if (res.nps["breakdown"] == d).sum() >= 2), "all")
    s = res.nps[res.nps["breakdown"].isin(["all", dim])]
    labels = [t("measures.all", lang) if b == "all" else (_label_channel(g, lang) if b == "channel" else
                                                           fmt_period(str(g), lang) if b == "wave" else str(g))
              for b, g in zip(s["breakdown"], s["group"])]
    return dim, s, labels
