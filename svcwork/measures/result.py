"""The result of the measures analysis: its frames (already suppressed) and ``summary()``.

Data only: :mod:`svcwork.measures.present` turns a result into translated tables, figures and
sentences; the methods :meth:`~MeasuresResult.tables`, :meth:`~MeasuresResult.figures`,
:meth:`~MeasuresResult.findings` and :meth:`~MeasuresResult.skipped` hand over to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

import pandas as pd

from ..common import Presented, round_or_none

from ._base import _py
from .drivers import DriverAnalysis, _focus_items
from .intervals import Interval
from .kpis import ControlChart

__all__ = ["MeasuresResult"]


@dataclass(frozen=True)
class MeasuresResult(Presented):
    """Service measurement and control for one engagement (see :func:`analyse`).

    Frames hold English keys and shares (0–1) and are already suppressed for small groups;
    :mod:`~svcwork.measures.present` translates and formats them (:meth:`tables`, :meth:`figures`,
    :meth:`findings`, :meth:`skipped`).  ``notes`` are the skipped parts and notes, each a catalogue
    key and its values (a reason is a :class:`~svcwork.measures._base.Message`, worded in the
    report's language).  ``wave_change`` is the survey's change over the whole period (the last
    wave against the first, and the trend across all the waves: :func:`~svcwork.measures.wave_change`);
    ``survey_kpis`` maps each KPI that reports a survey item to that item
    (:func:`~svcwork.measures.survey_kpis`).  The key figures its sentences quote come from
    :mod:`~svcwork.measures.figures` (:meth:`key_figures`).
    """

    _PRESENT = "svcwork.measures.present"  # the module that writes its tables, figures and findings

    available: bool
    language: str
    min_group_size: int
    confidence: float
    accent_color: str | None = None
    survey_available: bool = False
    survey_n: int = 0
    survey_shown: bool = False
    items: pd.DataFrame = field(default_factory=pd.DataFrame)
    by: Mapping[str, pd.DataFrame] = field(default_factory=dict)
    nps_overall: Interval | None = None
    nps: pd.DataFrame = field(default_factory=pd.DataFrame)
    unit_vs_all: pd.DataFrame = field(default_factory=pd.DataFrame)
    wave_over_wave: pd.DataFrame = field(default_factory=pd.DataFrame)
    wave_change: pd.DataFrame = field(default_factory=pd.DataFrame)
    weighting: pd.DataFrame = field(default_factory=pd.DataFrame)
    drivers: DriverAnalysis | None = None
    ipa: pd.DataFrame = field(default_factory=pd.DataFrame)
    service_signal: pd.DataFrame = field(default_factory=pd.DataFrame)
    themes: pd.DataFrame = field(default_factory=pd.DataFrame)
    comments: pd.DataFrame = field(default_factory=pd.DataFrame)
    kpis_available: bool = False
    scorecard: pd.DataFrame = field(default_factory=pd.DataFrame)
    charts: Mapping[str, ControlChart] = field(default_factory=dict)
    survey_kpis: Mapping[str, str] = field(default_factory=dict)
    standards_available: bool = False
    standards: pd.DataFrame = field(default_factory=pd.DataFrame)
    service_names: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[tuple[str, tuple[tuple[str, object], ...]], ...] = ()

    # ----------------------------------------------------------------- summary
    def _item(self, item: str) -> dict | None:
        if self.items.empty or item not in set(self.items["item"]):
            return None
        r = self.items[self.items["item"] == item].iloc[0]
        return Interval(r["pct_agree"], r["low"], r["high"], r["n"]).as_dict()

    def summary(self) -> dict:
        """JSON-serialisable summary: ``survey`` (n, csat, trust, nps, …) and ``kpis`` (one entry each).

        Each KPI: its last value, target, ``met``, the control chart's ``signals`` (period and rule),
        ``in_control``, ``light``, ``trend``, ``callout``, ``period``, and the chart read against the
        KPI's direction: ``status`` (stable, improved, deteriorated, unstable), ``signals_better``,
        ``signals_worse``, ``new_level`` (the centre line after a sustained shift, else None) and
        ``shift_period`` (where the new level began, else None).
        """
        survey: dict[str, Any] = {"available": self.survey_available, "n": int(self.survey_n),
                                  "csat": self._item("satisfaction"), "trust": self._item("trust"),
                                  "nps": (self.nps_overall.as_dict(2) if self.nps_overall is not None else None),
                                  "ces": None, "items": {}, "concentrate_here": [], "weighted": None,
                                  "drivers": []}
        for item in self.items["item"] if not self.items.empty else []:
            survey["items"][item] = self._item(item)
        if "ces" in survey["items"]:
            r = self.items[self.items["item"] == "ces"].iloc[0]
            # value: the share finding it easy (5–7, CES 2.0's "% agree"); mean: the 1–7 mean with its
            # t interval, back from the 0–100 scale (x − 1) / 6 · 100 — the two ways CES is reported
            to_7 = (lambda v: round_or_none(1 + 6 * float(v) / 100, 3) if pd.notna(v) else None)
            survey["ces"] = {"value": round_or_none(r["pct_agree"]), "low": round_or_none(r["low"]),
                             "high": round_or_none(r["high"]), "n": int(r["n"]),
                             "mean_100": round_or_none(r["mean_100"], 2), "mean": to_7(r["mean_100"]),
                             "mean_low": to_7(r["mean_low"]), "mean_high": to_7(r["mean_high"])}
        if not self.ipa.empty:
            survey["concentrate_here"] = _focus_items(self.ipa)
        if self.drivers is not None:
            survey["drivers"] = [{"item": r.driver, "share": round_or_none(r.share),
                                  "low": round_or_none(r.share_low), "high": round_or_none(r.share_high)}
                                 for r in self.drivers.table.itertuples()]
        if not self.weighting.empty:
            sat = self.weighting[self.weighting["item"] == "satisfaction"]
            if len(sat):
                r = sat.iloc[0]
                survey["weighted"] = {"csat": {"value": round_or_none(r["pct_weighted"]),
                                               "low": round_or_none(r["low_weighted"]),
                                               "high": round_or_none(r["high_weighted"]), "n": int(r["n"]),
                                               "n_eff": round_or_none(r["n_eff"], 1)}}
        kpis = []
        for r in self.scorecard.itertuples() if not self.scorecard.empty else []:
            chart = self.charts.get(str(r.kpi_id))
            signals = ([{"period": _py(s.period), "rule": int(s.rule),
                         **({"direction": _py(s.direction)} if "direction" in chart.signals.columns else {})}
                        for s in chart.signals.itertuples()] if chart is not None else [])
            kpis.append({"kpi_id": str(r.kpi_id), "direction": _py(r.direction), "last": round_or_none(r.last),
                         "target": round_or_none(r.target),
                         "met": _py(r.met), "signals": signals, "in_control": _py(r.in_control),
                         "light": _py(r.light), "trend": _py(r.trend), "callout": _py(r.callout),
                         "period": _py(r.last_period), "status": _py(r.status),
                         "signals_better": int(r.signals_better), "signals_worse": int(r.signals_worse),
                         "new_level": round_or_none(r.new_level), "shift_period": _py(r.shift_period)})
        standards = [{"service_id": r.service_id, "channel": r.channel, "measure": r.measure,
                      "target": round_or_none(r.target), "n": int(r.n), "share": round_or_none(r.share),
                      "low": round_or_none(r.low), "high": round_or_none(r.high)}
                     for r in self.standards.itertuples()] if not self.standards.empty else []
        return {"available": self.available, "survey": survey, "kpis": kpis, "standards": standards,
                "service_signal": [{"service_id": str(r.service_id), "gap": round_or_none(r.gap), "n": int(r.n)}
                                   for r in self.service_signal.itertuples()] if not self.service_signal.empty else []}
