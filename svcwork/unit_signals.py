"""Each unit's manager pack from the analyses: its KPIs and survey results (measures), its case
figures (journeys), the actions it owns — placed by the one ownership rule — and the pack's words.

Part of the links between the analyses (:mod:`svcwork.links` re-exports :func:`unit_signals`):

* :func:`unit_signals` — each unit's KPI and survey results from the measures analysis;
* :func:`unit_cases` — each unit's case figures from the journeys analysis of its cases;
* :func:`manager_packs` — the packs of an engagement, with both and with each KPI and action in
  the unit that owns it (:class:`svcwork.management.packs.Ownership`: the unit named on the row,
  else the owner's unit from the ``Owners`` sheet, else the service's unit, else — for a KPI — the
  unit its values are reported for);
* :func:`focus_text`, :func:`case_lines` — a pack's sentences, every number a key figure's marker
  (:func:`svcwork.keyfigures.quote`), counts agreeing with their nouns (CLDR plural rules).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

import numpy as np

from .caselog import local_timezone
from .i18n import fmt_date, fmt_number, fmt_period, t
from .intake import Engagement
from .journeys import analyse_log, breakdown
from .journeys.analysis import hidden_groups
from .keyfigures import base_text, quote
from .management._base import _check_engagement, _float, _frame, _text
from .management.items import item_label
from .management.packs import FocusPoint, Ownership, UnitCases, UnitPack, UnitSignal, unit_packs
from .measures import analyse as _measures_analyse
from .measures import kpi_scorecard
from .measures._base import _when
from .privacy import hidden_cells
from .schema import normalize_name

if TYPE_CHECKING:  # pragma: no cover
    from .journeys import JourneysResult
    from .management import ManagementResult
    from .measures import MeasuresResult

__all__ = ["unit_signals", "unit_cases", "manager_packs", "focus_text", "case_lines"]


def _period_text(value: object) -> str:
    """A KPI period as the measures section writes it (one rule: a year, a month, or the day measured)."""
    text = _when(value)
    return "" if text == "—" else text


def _kpi_unit_signal(row: Mapping[str, Any], chart: Any, lang: str) -> UnitSignal:
    """One scorecard row (:func:`svcwork.measures.kpi_scorecard`) as a pack signal.

    ``signal`` marks a KPI that misses its target — never one that meets it, whatever its control
    chart shows (the note names the chart's signals); without a target, a signal in the wrong direction.
    """
    met = row.get("met")
    met = bool(met) if isinstance(met, (bool, np.bool_)) else None
    n_sig = int(row.get("signals") or 0)
    status = row.get("status")
    bad = int(row.get("signals_worse") or 0) if status is not None else n_sig  # signals in the wrong direction
    parts = [_period_text(row.get("last_period"))]
    if met is not None:
        parts.append(t("management.note.kpi_met" if met else "management.note.kpi_missed", lang))
    shifted = _period_text(row.get("shift_period"))
    better = int(row.get("signals_better") or 0)
    if status == "improved" and shifted:  # a shift in the good direction is an improvement, not a problem
        parts.append(t("management.note.kpi_shifted_up", lang, period=shifted))
    elif status == "improved" and better and chart is not None:  # signals in the good direction, no new level
        latest = max(chart.signals.loc[chart.signals["direction"] == "better", "period"])  # what signals_better counts
        parts.append(t("management.note.kpi_better_signals", lang, n=better, count=better, period=_period_text(latest)))
    elif bad and chart is not None and len(chart.signals):
        parts.append(t("management.note.kpi_bad_signals" if status is not None else "management.note.kpi_signals",
                       lang, n=bad, count=bad, period=_period_text(max(chart.signals["period"]))))
    elif isinstance(row.get("in_control"), (bool, np.bool_)) and bool(row["in_control"]):
        parts.append(t("management.note.kpi_in_control", lang))
    if row.get("trend") in ("improving", "worsening"):
        parts.append(t(f"management.note.kpi_{row['trend']}", lang))
    name = row.get("kpi_name")
    label = name.strip() if isinstance(name, str) and name.strip() else str(row.get("kpi_id"))
    kind = row.get("kind")
    return UnitSignal(label, _float(row.get("last")), _float(row.get("target")),
                      signal=bool(met is False or (met is None and bad > 0)), note="; ".join(p for p in parts if p),
                      kind="kpi", item=str(row.get("kpi_id")), met=met, kpi_kind=kind if isinstance(kind, str) else None,
                      period=_period_text(row.get("last_period")) or None)


def _survey_label(item: str, lang: str) -> str:
    from .i18n import CATALOGUE

    key = f"measures.item.{item}"
    return t(key, lang) if key in CATALOGUE else str(item)


def _kpi_signals(engagement: Engagement, m: MeasuresResult, own: Ownership, lang: str) -> dict[str, list[UnitSignal]]:
    """Each KPI in the unit that owns it (:class:`Ownership`): its own series when the KPI values
    sheet reports one for that unit, else the organisation's; a KPI no unit owns goes, series by
    series, to the units its values are reported for."""
    out: dict[str, list[UnitSignal]] = {}
    kpis, values = _frame(engagement, "KPIs"), _frame(engagement, "KPI values")
    if kpis is None or values is None:
        return out
    per_unit: dict[str, dict[str, tuple[str, Mapping[str, Any], Any]]] = {}  # kpi -> unit key -> (unit, row, chart)
    if "unit" in values.columns:
        unit_text = _text(values["unit"])
        for unit in sorted(set(unit_text.dropna())):
            sub = kpi_scorecard(kpis, values[(unit_text == unit).fillna(False).to_numpy(dtype=bool)])
            for row in sub.table.to_dict("records"):
                if row.get("periods"):
                    per_unit.setdefault(normalize_name(row["kpi_id"]), {})[normalize_name(unit)] = (
                        unit, row, sub.charts.get(str(row["kpi_id"])))
    org = {normalize_name(row["kpi_id"]): (row, m.charts.get(str(row["kpi_id"])))
           for row in m.scorecard.to_dict("records") if row.get("periods")} if len(m.scorecard) else {}
    for kid in dict.fromkeys(normalize_name(k) for k in _text(kpis["kpi_id"]).dropna()):
        owner = own.kpi_unit(kid)
        series = per_unit.get(kid, {})
        if owner is not None:
            mine = series.get(normalize_name(owner))
            got = (mine[1], mine[2]) if mine is not None else org.get(kid)
            if got is not None:
                out.setdefault(owner, []).append(_kpi_unit_signal(got[0], got[1], lang))
        else:
            for unit, row, chart in series.values():
                out.setdefault(unit, []).append(_kpi_unit_signal(row, chart, lang))
    return out


def unit_signals(engagement: Engagement, *, lang: str | None = None, measures_result: MeasuresResult | None = None,
                 ownership: Ownership | None = None) -> dict[str, tuple[UnitSignal, ...]]:
    """Each unit's KPI and survey results for its manager pack, from the measures analysis.

    *measures_result* is ``svcwork.measures.analyse(engagement)`` (e.g. :func:`svcwork.links.measures_result`);
    when None it is computed here with ``n_boot=0`` (the packs need no key-driver bootstrap, and
    nothing they read depends on it).  Nothing is re-estimated:

    * KPIs (``kind="kpi"``): each KPI in the unit that owns it (*ownership*, by default
      :meth:`Ownership.from_engagement`: its own ``unit``, else its owner's unit, else its
      service's unit) with that unit's own series when the KPI values sheet reports one, else the
      organisation's (:func:`svcwork.measures.kpi_scorecard`); a KPI no unit owns goes to each unit
      its values are reported for.  Latest value against the target; ``signal`` only when the
      target is missed (a KPI meeting its target is never flagged; its note names any
      control-chart signal);
    * survey (``kind="survey"``): the unit's rows of the by-unit item table
      (:func:`svcwork.measures.item_table`: share agreeing, top-2-box, in % with its Wilson
      interval and the responses; units and items below ``min_group_size`` and the secondary
      suppressions are absent, so they never reach a pack).  ``signal`` when the unit is
      significantly below the other units (:func:`svcwork.measures.compare_groups`, Newcombe
      interval of the difference, carried as ``gap``); ``unstable`` as the measures analysis flags it.

    Returns a mapping of unit to signals (KPIs first), for :func:`~svcwork.management.packs.unit_packs`.
    """
    _check_engagement(engagement, "unit_signals", lang or "en")
    lang = lang or engagement.language
    own = ownership if ownership is not None else Ownership.from_engagement(engagement)
    m = measures_result if measures_result is not None else _measures_analyse(engagement, n_boot=0)
    out = _kpi_signals(engagement, m, own, lang)
    # survey: the suppressed by-unit item table and the unit-against-the-rest comparison
    by_unit = m.by.get("unit")
    if by_unit is not None and len(by_unit):
        diffs: dict[tuple[str, str], Mapping[str, Any]] = {
            (str(r["unit"]), str(r["item"])): r for r in m.unit_vs_all.to_dict("records")}

        def pct(v: object) -> float | None:
            return None if _float(v) is None else 100 * float(v)  # type: ignore[arg-type]

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
            unstable = bool(row.get("unstable"))
            if unstable:
                notes.append(t("management.note.survey_unstable", lang))
            gap = gap_low = gap_high = None  # points below the other units (the difference's sign turned)
            if d is not None and _float(d.get("diff")) is not None:
                gap = -100 * float(d["diff"])
                if _float(d.get("low")) is not None and _float(d.get("high")) is not None:
                    gap_low, gap_high = -100 * float(d["high"]), -100 * float(d["low"])
            out.setdefault(unit, []).append(UnitSignal(
                _survey_label(str(item), lang), pct(row["pct_agree"]), low=pct(row.get("low")), high=pct(row.get("high")),
                signal=bool(d is not None and d.get("status") == "lower"), note="; ".join(notes), kind="survey",
                n=int(row["n"]), item=str(item), unstable=unstable, gap=gap, gap_low=gap_low, gap_high=gap_high))
    return {u: tuple(v) for u, v in sorted(out.items())}


def unit_cases(engagement: Engagement, *, journeys_result: JourneysResult | None = None,
               ownership: Ownership | None = None) -> dict[str, UnitCases]:
    """Each unit's case figures, from the journeys analysis of its cases (none without a case log).

    A case is the unit's when the unit received it (the ``unit`` of its first event in the case log,
    as :func:`svcwork.journeys.analyse_log` records it), else when its service is the unit's
    (Services sheet).  Per unit, :func:`svcwork.journeys.breakdown` gives the cases, the median and
    90th percentile of their end-to-end days (numpy's linear interpolation, Hyndman & Fan 1996
    definition 7; a case still open counts its days so far), the share past their deadline (1 − the
    share within it) and the share of repeat contacts among the cases with a known citizen — the
    same numbers as the journeys section's table by unit.  Units with fewer than ``min_group_size``
    cases are left out, and the repeat share when fewer cases than that have a known citizen.

    A unit whose case count the report hides (:meth:`JourneysResult.hidden_groups`, the one definition:
    under the minimum, or hidden so that no such unit is the total less the units shown) gets no case
    figures at all — its page shows no count, time, deadline or repeat share (each base a count of its
    cases), nor could the counts of the other pages give its count back.  Its page is still made when
    the unit has other data (actions, KPIs, survey results, observations: none of them suppressed by a
    case count).  The units here are the ownership rule's (a case without a unit goes to its service's
    unit), so they may count more cases than the journeys section's; the house rule of secondary
    suppression (:func:`svcwork.privacy.hidden_cells`) is applied to these counts too, against their
    total, with the units hidden in the report already hidden.

    *journeys_result* is ``svcwork.journeys.analyse(engagement)`` when at hand; else the case log is
    analysed here with the engagement's deadline and repeat-contact settings (what ``analyse`` uses).
    """
    _check_engagement(engagement, "unit_cases", engagement.language if isinstance(engagement, Engagement) else "en")
    s = engagement.settings
    minimum = int(s.min_group_size)
    if journeys_result is not None:
        log = journeys_result.log
        hidden_units = {str(u) for u in journeys_result.hidden_groups("unit")}
    elif engagement.has("cases"):
        log = analyse_log(engagement.cases, sla_days=int(s.sla_days), repeat_contact_days=int(s.repeat_contact_days),
                          lang=engagement.language, timezone=local_timezone(s))
        hidden_units = set(hidden_groups(log, minimum)["unit"])
    else:
        log = None
    if log is None or not len(log.cases):
        return {}
    own = ownership if ownership is not None else Ownership.from_engagement(engagement)
    cases = log.cases
    unit = own.units_of(unit=cases["unit"].astype("string"), service=cases["service_id"].astype("string"))
    frame = cases.assign(unit=unit)
    table = breakdown(frame, "unit")
    # the report's hidden units, and the house rule over these counts (the ownership rule may add cases)
    hide = hidden_cells(table[["unit", "cases"]], ("unit",), minimum, count="cases",
                        hidden=table["unit"].astype(str).isin(hidden_units).to_numpy(dtype=bool))
    g = frame.loc[frame["unit"].notna()].groupby("unit")
    known, decided = g["repeat"].count(), g["sla_breach"].count()  # cases with a citizen id; deadline decided
    out: dict[str, UnitCases] = {}
    for row, hidden in zip(table.to_dict("records"), hide):
        n = int(row["cases"])
        if n < minimum or hidden:
            continue
        base, judged = int(known.get(row["unit"], 0)), int(decided.get(row["unit"], 0))
        sla = _float(row["sla_met"])
        out[str(row["unit"])] = UnitCases(n, _float(row["median_days"]), _float(row["p90_days"]),
                                          None if sla is None or judged < minimum else 1 - sla,
                                          _float(row["repeat_contact_rate"]) if base >= minimum else None, base,
                                          judged)
    return dict(sorted(out.items()))


def manager_packs(engagement: Engagement, management_result: ManagementResult, *, lang: str | None = None,
                  measures_result: MeasuresResult | None = None,
                  journeys_result: JourneysResult | None = None) -> tuple[UnitPack, ...]:
    """The manager packs of an engagement: one per unit with data above the minimum group size.

    Each KPI and action sits in the unit that owns it (:meth:`Ownership.from_engagement`), each
    pack has its KPI and survey signals (:func:`unit_signals`, in *lang*) and its case figures
    (:func:`unit_cases`).  *measures_result* and *journeys_result* are used when given (a run
    computes them once), else computed here.  Write them with :func:`svcwork.report.write_unit_packs`.
    """
    _check_engagement(engagement, "manager_packs", lang or "en")
    own = Ownership.from_engagement(engagement)
    signals = unit_signals(engagement, lang=lang, measures_result=measures_result, ownership=own)
    cases = unit_cases(engagement, journeys_result=journeys_result, ownership=own)
    return unit_packs(management_result, signals=signals, ownership=own, cases=cases)


# --------------------------------------------------------------------------- the pack's words


def focus_text(point: FocusPoint, lang: str) -> str:
    """A focus point as a sentence in *lang*, each quoted figure marked (:func:`svcwork.keyfigures.quote`).

    Texts: observation items and skills in the report language, survey items by their catalogue
    name, dates and periods by the locale; the sentence's form agrees with the figure ``point.n``
    names (CLDR plural rules).
    """
    filled: dict[str, str] = {}
    for name, kind, value in point.values:
        if kind == "item":
            filled[name] = item_label(value, lang)
        elif kind == "survey_item":
            filled[name] = _survey_label(str(value), lang)
        elif kind == "kpi":
            kid, label = value  # type: ignore[misc]
            filled[name] = (t("packs.kpi_label", lang, kpi_id=kid, name=label) if kid and str(kid) != str(label)
                            else t("packs.kpi_label_noid", lang, name=label))
        elif kind == "date":
            filled[name] = fmt_date(value, lang)
        elif kind == "period":
            filled[name] = t("packs.in_period", lang, period=fmt_period(value, lang)) if value else ""
        elif kind == "point":
            filled[name] = " " + focus_text(value, lang) if isinstance(value, FocusPoint) else ""
        else:
            filled[name] = str(value)
    by_name = {}
    for name, fig, attr in point.figures:
        by_name[name] = fig
        if attr == "base_text":
            filled[name] = base_text(fig, lang)
        elif attr.startswith("noun:"):
            filled[name] = t(attr[len("noun:"):], lang, n=fig.value, count=quote(fig, lang))
        else:
            filled[name] = quote(fig, lang, attr)
    if point.n is not None:
        return t(point.key, lang, n=by_name[point.n].value, **filled)
    return t(point.key, lang, **filled)


def case_lines(pack: UnitPack, lang: str) -> list[str]:
    """The pack's case figures as short sentences in *lang*, each number marked (empty without cases)."""
    figs = {f.name: f for f in pack.case_figures()}
    if "cases" not in figs:
        return []
    c = figs["cases"]
    lines = [t("packs.cases.count", lang, cases=t("figure.base.cases", lang, n=c.value, count=quote(c, lang)))]
    if "median_days" in figs and "p90_days" in figs:
        lines.append(t("packs.cases.time", lang, median=quote(figs["median_days"], lang),
                       p90=quote(figs["p90_days"], lang)))
    elif "median_days" in figs:
        lines.append(t("packs.cases.time_median", lang, median=quote(figs["median_days"], lang)))
    if "deadline_missed" in figs:
        m = figs["deadline_missed"]
        lines.append(t("packs.cases.missed", lang, missed=quote(m, lang), base=base_text(m, lang)))
    if "repeat_share" in figs:
        r = figs["repeat_share"]
        lines.append(t("packs.cases.repeat", lang, repeat=quote(r, lang), base=base_text(r, lang)))
    return lines
