"""Each unit's signals for its manager pack: its KPIs and survey results, from the measures analysis.

Part of the links between the analyses (:mod:`svcwork.links` re-exports :func:`unit_signals`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Mapping

import numpy as np
import pandas as pd

from .i18n import fmt_number, t
from .intake import Engagement
from .management._base import _check_engagement, _float, _frame, _service_units, _text
from .management.packs import UnitSignal
from .measures import analyse as _measures_analyse
from .measures import kpi_scorecard

if TYPE_CHECKING:  # pragma: no cover
    from .measures import MeasuresResult

__all__ = ["unit_signals"]


def _period_text(value: object) -> str:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        return pd.Timestamp(value).strftime("%Y-%m")
    except (TypeError, ValueError):
        return str(value)


def _kpi_unit_signal(row: Mapping[str, Any], chart: Any, lang: str) -> UnitSignal:
    """One scorecard row (:func:`svcwork.measures.kpi_scorecard`) as a pack signal."""
    met = row.get("met")
    met = bool(met) if isinstance(met, (bool, np.bool_)) else None
    n_sig = int(row.get("signals") or 0)
    status = row.get("status")
    bad = int(row.get("signals_worse") or 0) if status is not None else n_sig  # signals in the wrong direction
    parts = [_period_text(row.get("last_period"))]
    if met is not None:
        parts.append(t("management.note.kpi_met" if met else "management.note.kpi_missed", lang))
    if status == "improved":  # a shift in the good direction is an improvement, not a problem
        parts.append(t("management.note.kpi_shifted_up", lang, period=_period_text(row.get("shift_period")
                                                                                 or row.get("last_period"))))
    elif bad and chart is not None and len(chart.signals):
        parts.append(t("management.note.kpi_bad_signals" if status is not None else "management.note.kpi_signals",
                       lang, count=bad, period=_period_text(max(chart.signals["period"]))))
    elif isinstance(row.get("in_control"), (bool, np.bool_)) and bool(row["in_control"]):
        parts.append(t("management.note.kpi_in_control", lang))
    if row.get("trend") in ("improving", "worsening"):
        parts.append(t(f"management.note.kpi_{row['trend']}", lang))
    name = row.get("kpi_name")
    label = name.strip() if isinstance(name, str) and name.strip() else str(row.get("kpi_id"))
    return UnitSignal(label, _float(row.get("last")), _float(row.get("target")), signal=bool(bad > 0 or met is False),
                      note="; ".join(p for p in parts if p), kind="kpi")


def _survey_label(item: str, lang: str) -> str:
    from .i18n import CATALOGUE

    key = f"measures.item.{item}"
    return t(key, lang) if key in CATALOGUE else str(item)


def unit_signals(engagement: Engagement, *, lang: str | None = None,
                 measures_result: MeasuresResult | None = None) -> dict[str, tuple[UnitSignal, ...]]:
    """Each unit's KPI and survey results for its manager pack, from the measures analysis.

    *measures_result* is ``svcwork.measures.analyse(engagement)`` (e.g. :func:`measures_result`);
    when None it is computed here with ``n_boot=0`` (the packs need no key-driver bootstrap, and
    nothing they read depends on it).  Nothing is re-estimated:

    * survey (``kind="survey"``): the unit's rows of the by-unit item table
      (:func:`svcwork.measures.item_table`: share agreeing, top-2-box, in % with its Wilson
      interval and the responses; units and items below ``min_group_size`` and the secondary
      suppressions are absent, so they never reach a pack).  ``signal`` when the unit is
      significantly below the other units (:func:`svcwork.measures.compare_groups`, Newcombe
      interval of the difference); the note gives the difference and marks unstable estimates;
    * KPIs (``kind="kpi"``): the unit's KPIs — those with values for the unit in the KPI values
      sheet (:func:`svcwork.measures.kpi_scorecard` on the unit's values) and those whose
      service belongs to the unit (the Services sheet; the engagement scorecard row) — with the
      latest value against the target; ``signal`` when the control chart shows a Western
      Electric signal or the target is missed.

    Returns a mapping of unit to signals (KPIs first), for :func:`~svcwork.management.packs.unit_packs`.
    """
    _check_engagement(engagement, "unit_signals", lang or "en")
    lang = lang or engagement.language
    m = measures_result if measures_result is not None else _measures_analyse(engagement, n_boot=0)
    out: dict[str, list[UnitSignal]] = {}
    # KPIs: per-unit series first, then the organisation's series of KPIs attached to a unit's service
    kpis, values = _frame(engagement, "KPIs"), _frame(engagement, "KPI values")
    card = m.scorecard
    if kpis is not None and values is not None:
        seen: set[tuple[str, str]] = set()
        if "unit" in values.columns:
            unit_text = _text(values["unit"])
            for unit in sorted(set(unit_text.dropna())):
                sub = kpi_scorecard(kpis, values[(unit_text == unit).fillna(False).to_numpy(dtype=bool)])
                for row in sub.table.to_dict("records"):
                    if not row.get("periods"):
                        continue
                    out.setdefault(unit, []).append(_kpi_unit_signal(row, sub.charts.get(str(row["kpi_id"])), lang))
                    seen.add((unit, str(row["kpi_id"]).casefold()))
        units = _service_units(_frame(engagement, "Services"))
        svc = {str(k).strip().casefold(): units.get(str(v).strip().casefold())
               for k, v in zip(kpis["kpi_id"], kpis["service_id"] if "service_id" in kpis.columns else [None] * len(kpis))
               if isinstance(k, str) and isinstance(v, str)}
        if len(card):
            for row in card.to_dict("records"):
                unit = svc.get(str(row["kpi_id"]).strip().casefold())
                if unit is None or (unit, str(row["kpi_id"]).casefold()) in seen or not row.get("periods"):
                    continue
                out.setdefault(unit, []).append(_kpi_unit_signal(row, m.charts.get(str(row["kpi_id"])), lang))
    # survey: the suppressed by-unit item table and the unit-against-the-rest comparison
    by_unit = m.by.get("unit")
    if by_unit is not None and len(by_unit):
        diffs: dict[tuple[str, str], Mapping[str, Any]] = {
            (str(r["unit"]), str(r["item"])): r for r in m.unit_vs_all.to_dict("records")}

        def pct(v: object) -> float | None:
            return None if _float(v) is None else 100 * float(v)

        for row in by_unit.to_dict("records"):
            unit, item = row.get("unit"), row.get("item")
            if not isinstance(unit, str) or not unit.strip() or _float(row.get("pct_agree")) is None:
                continue
            d = diffs.get((unit, str(item)))
            notes = []
            if d is not None and d.get("status") in ("lower", "higher"):
                notes.append(t(f"management.note.survey_{d['status']}", lang,
                               diff=fmt_number(abs(100 * float(d["diff"])), lang, digits=1),
                               low=fmt_number(100 * float(d["low"]), lang, digits=1),
                               high=fmt_number(100 * float(d["high"]), lang, digits=1)))
            if bool(row.get("unstable")):
                notes.append(t("management.note.survey_unstable", lang))
            out.setdefault(unit, []).append(UnitSignal(
                _survey_label(str(item), lang), pct(row["pct_agree"]), low=pct(row.get("low")), high=pct(row.get("high")),
                signal=bool(d is not None and d.get("status") == "lower"), note="; ".join(notes), kind="survey",
                n=int(row["n"])))
    return {u: tuple(v) for u, v in sorted(out.items())}
