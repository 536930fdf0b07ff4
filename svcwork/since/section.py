"""The "Since the last report" section: the comparison recorded as a section of the report.

:func:`write_section` compares the current round (this run's summary and compact record) with the
previous one (:mod:`svcwork.since.history`), and records the result as the report's section
``since`` (:func:`svcwork.report.record`: findings, tables, figures, methods, key figures), which
every output then places right after the executive summary.  :func:`history_block` is summary.json's
``history`` list.

Tables: ``since`` (every compared figure but the per-service case figures), ``since_services`` (the
largest services' case figures), ``since_actions`` (the action plan since the previous report),
``since_priorities`` (services whose rank or wave moved, and why), ``since_focus`` (the previous
report's wave-1 services now) and ``since_recommendations`` (the previous report's recommendations
now).  Figures: the changes with their intervals and, with three rounds or more, the trend.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

import pandas as pd

from ..i18n import t
from ..keyfigures import KeyFigure
from ..tables import translate
from .compare import Round, compare
from .history import Rounds, round_name
from .plots import MIN_TREND_ROUNDS, changes_chart, changes_data, trend_chart, trend_data
from .present import table
from .result import SECTION, Since, period_record
from .rows import per_service

if TYPE_CHECKING:  # pragma: no cover
    from ..alttext import ChartData

__all__ = ["SinceSection", "write_section", "history_block", "chart_data"]


@dataclass(frozen=True, eq=False)
class SinceSection:
    """A :class:`~svcwork.since.Since` as a section of the report (the interface of the analyses'
    results: ``summary``, ``tables``, ``findings``, ``key_figures``, ``methods``, ``takeaways``)."""

    since: Since
    rounds: tuple[Round, ...] = ()
    available: bool = True

    def summary(self) -> dict[str, Any]:
        return {}  # summary.json carries the comparison whole, under ``since``

    def key_figures(self) -> list[KeyFigure]:
        return self.since.key_figures()

    def findings(self, lang: str, *, marked: bool = True) -> list[str]:
        return self.since.findings(lang, marked=marked)

    def methods(self, lang: str) -> list[str]:
        return self.since.methods(lang)

    def skipped(self, lang: str) -> str:
        return ""

    def takeaways(self, lang: str) -> dict[str, str]:
        out = {}
        if len(changes_data(self.since, lang)):
            head = self.since.findings(lang)[:1]
            if head:
                out["changes"] = head[0]
        return out

    def tables(self, lang: str) -> dict[str, pd.DataFrame]:
        s = self.since
        services = pd.Series([per_service(r) for r in s.records()], index=s.rows.index, dtype=bool)
        out = {"since": table(_only(s, ~services), lang)}
        if services.any():
            out["since_services"] = table(_only(s, services), lang)
        actions = _actions_table(s, lang)
        if actions is not None:
            out["since_actions"] = actions
        if len(s.moved):
            out["since_priorities"] = _priorities_table(s.moved, lang)
        if len(s.focus):
            out["since_focus"] = _status_table(s.focus, "service_id", lang)
        if len(s.recommendations):
            out["since_recommendations"] = _status_table(s.recommendations, "rec_id", lang)
        return out

    def figures(self, lang: str, *, accent: str | None = None) -> dict[str, Any]:
        out = {}
        data = changes_data(self.since, lang)
        if len(data):
            out["changes"] = (changes_chart(data, lang, accent=accent), data)
        trend = trend_data(self.rounds)
        if len(self.rounds) >= MIN_TREND_ROUNDS and len(trend):
            out["trend"] = (trend_chart(trend, lang, accent=accent), trend)
        return out


def _only(since: Since, mask: pd.Series) -> Since:
    from dataclasses import replace

    return replace(since, rows=since.rows.loc[mask].reset_index(drop=True))


def _actions_table(since: Since, lang: str) -> pd.DataFrame | None:
    a = since.actions
    rows = [(t(f"since.action_row.{k}", lang), int(a[f"n_{k}"])) for k in ("done", "opened", "overdue", "newly_overdue",
                                                                          "cancelled") if a.get(f"n_{k}") is not None]
    if not rows:
        return None
    frame = pd.DataFrame(rows, columns=["what", "count"])
    return translate(frame, {"what": "since.col.actions", "count": "since.col.count"}, lang)


def _priorities_table(moved: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = pd.DataFrame({
        "service_id": moved["service_id"].astype(str),
        "rank_previous": moved["rank_previous"].astype("Int64"), "rank_current": moved["rank_current"].astype("Int64"),
        "wave_previous": moved["wave_previous"].astype("Int64"), "wave_current": moved["wave_current"].astype("Int64"),
        "reasons": [", ".join(t(f"since.reason.{r}", lang) for r in rs) or "—" for rs in moved["reasons"]]})
    return translate(frame, {c: f"since.col.{c}" for c in frame.columns}, lang)


def _status_table(frame: pd.DataFrame, id_col: str, lang: str) -> pd.DataFrame:
    out = pd.DataFrame({id_col: frame[id_col].astype(str),
                        "status": [t(f"since.state.{s}", lang) for s in frame["status"]]})
    return translate(out, {id_col: f"since.col.{id_col}", "status": "since.col.status"}, lang)


def write_section(out: str | Path, current: Round, rounds: Rounds, *, lang: str, accent: str | None = None) -> Since:
    """Compare *current* with ``rounds.previous`` and record the comparison as the report's section
    ``since`` in *out* (its figures under ``figures/``); returns the :class:`Since`."""
    from ..charts import close, figure_bytes
    from ..paths import atomic_write_bytes
    from ..report import record
    from ..results_book import caption

    since = compare(current, rounds.previous)
    section = SinceSection(since, (*rounds.history, current))
    figures = []
    takeaways = section.takeaways(lang)
    for slug, (fig, data) in section.figures(lang, accent=accent).items():
        name = f"{SECTION}-{slug}.png"
        atomic_write_bytes(Path(out) / "figures" / name, figure_bytes(fig, "png"))
        title = caption(SECTION, slug, lang) or t(f"since.chart.{slug}", lang)
        # the plotted values: the figure's data table and its text alternative (svcwork.alttext)
        figures.append({"file": name, "title": title, "data": chart_data(slug, data, lang),
                        "layout": "landscape" if slug == "trend" else "portrait",
                        "takeaway": takeaways.get(slug, "")})
        close(fig)
    record(section, section=SECTION, output_dir=out, lang=lang, tables=section.tables(lang), figures=figures)
    return since


def chart_data(slug: str, data: pd.DataFrame, lang: str) -> "ChartData":
    """What a chart of the section plots, as its data table shows it (headers in *lang*): for the
    changes, each figure's change in points with its interval and verdict (the verdicts also said in
    words); for the trend, each figure's value with its interval in each round."""
    from ..alttext import ChartData
    from .figures import figure_label

    col = {k: t(f"since.data.{k}", lang) for k in ("figure", "change", "low", "high", "verdict", "round", "value")}
    if slug == "changes":
        frame = pd.DataFrame({col["figure"]: data["name"], col["change"]: data["change"], col["low"]: data["low"],
                              col["high"]: data["high"],
                              col["verdict"]: [t(f"since.verdict.{v}", lang) for v in data["verdict"]]})
        notes = tuple(t("since.alt.verdicts", lang, verdict=t(f"since.verdict.{v}", lang),
                        names="; ".join(data.loc[data["verdict"] == v, "name"]))
                      for v in ("worse", "better", "no_change") if (data["verdict"] == v).any())
        return ChartData(frame, col["change"], {col[k]: "points" for k in ("change", "low", "high")},
                         label=col["figure"], notes=notes)
    # the trend: shares as percentages, so one column holds every figure in its own unit
    scale = data["kind"].isin(["share", "share1"]).map({True: 100.0, False: 1.0})
    frame = pd.DataFrame({col["figure"]: [figure_label(k, lang) for k in data["figure"]], col["round"]: data["round"],
                          col["value"]: data["value"] * scale,
                          col["low"]: pd.to_numeric(data["low"], errors="coerce") * scale,
                          col["high"]: pd.to_numeric(data["high"], errors="coerce") * scale})
    return ChartData(frame, col["value"], {col[k]: "number" for k in ("value", "low", "high")}, label=col["figure"],
                     ranked=False, notes=tuple(_trend_notes(data, lang)))


def _trend_notes(data: pd.DataFrame, lang: str) -> list[str]:
    """One sentence per figure of the trend: its value in the first and the last round."""
    from ..keyfigures import show
    from .figures import figure_label

    out = []
    for key, g in data.groupby("figure", sort=False):
        first, last = g.iloc[0], g.iloc[-1]
        out.append(t("since.alt.trend", lang, name=figure_label(key, lang), first_round=first["round"],
                     first=show(first["value"], first["kind"], lang), last_round=last["round"],
                     last=show(last["value"], last["kind"], lang)))
    return out


def history_block(rounds: Rounds | None, current: Round) -> list[dict[str, Any]]:
    """summary.json's ``history``: every round kept (oldest first) and this one, each with its label,
    period and file under ``history/`` (None for this report)."""
    kept: Sequence[Round] = rounds.history if rounds is not None else ()
    out = []
    for rnd in (*kept, current):
        out.append({"label": rnd.label, "period": period_record(rnd.period),
                    "file": None if rnd is current else f"history/{round_name(rnd)}.json"})
    return out
