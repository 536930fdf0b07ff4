"""The executive summary: what the steering committee reads first, written from summary.json's figures."""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

import pandas as pd

from .i18n import fmt_date, fmt_number, fmt_percent, t
from .results_book import known

__all__ = ["executive_summary", "EXECUTIVE_SERVICES", "EXECUTIVE_KPIS"]

#: How many services the executive summary names as the ones to fix first.
EXECUTIVE_SERVICES = 3

#: How many KPIs needing attention the executive summary names (the rest are counted).
EXECUTIVE_KPIS = 3

def _names(frame: pd.DataFrame | None, key: str, name: str) -> dict[str, str]:
    """``{id: name}`` from an intake table (empty when the table or its columns are missing)."""
    if frame is None or key not in getattr(frame, "columns", ()) or name not in frame.columns:
        return {}
    return {str(k): str(v) for k, v in zip(frame[key], frame[name])
            if isinstance(k, str) and isinstance(v, str) and v.strip()}


def _label(code: str, names: Mapping[str, str]) -> str:
    name = names.get(str(code))
    return f"{code} {name}" if name else str(code)


def _num(value: Any, digits: int = 1) -> str:
    return fmt_number(value, digits=digits) if isinstance(value, (int, float)) else "—"


def _share(value: Any) -> str:
    return fmt_percent(value) if isinstance(value, (int, float)) else "—"


def _fix_first(summary: Mapping[str, Any], lang: str, services: Mapping[str, str]) -> dict | None:
    ranked = sorted((p for p in summary.get("priorities") or [] if isinstance(p, Mapping) and p.get("rank")),
                    key=lambda p: p["rank"])
    planned = [p for p in ranked if p.get("wave") is not None]  # deferred by the roadmap: not "first"
    top = (planned or ranked)[:EXECUTIVE_SERVICES]
    if not top:
        return None
    items = []
    for p in top:
        q = p.get("quadrant")
        quadrant = _lower(t(f"prioritize.quadrant.{q}", lang), lang) if q and known(f"prioritize.quadrant.{q}") else "—"
        values = {"service": _label(p["service_id"], services), "score": _num(p.get("score"), 2), "quadrant": quadrant}
        items.append(t("report.exec.fix_first_item", lang, wave=p["wave"], **values) if p.get("wave") is not None
                     else t("report.exec.fix_first_deferred", lang, **values))
    lines = []
    weights = {k: v for k, v in (summary.get("criteria_weights") or {}).items() if isinstance(v, (int, float))}
    if weights:
        heaviest = max(weights, key=lambda k: (weights[k], k))
        criterion = (_lower(t(f"prioritize.criterion.{heaviest}", lang), lang) if known(f"prioritize.criterion.{heaviest}")
                     else heaviest)
        lines.append(t("report.exec.fix_first_why", lang, criterion=criterion, weight=round(100 * weights[heaviest]),
                       quick=sum(p.get("quadrant") == "quick_win" for p in top), n=len(top)))
    p_top = [p.get("p_top_n") for p in top]
    samples = (summary.get("acceptability") or {}).get("n_samples")
    if p_top and all(isinstance(v, (int, float)) for v in p_top) and summary.get("top_n") and samples:
        lowest = min(p_top)
        if lowest >= 0.9995:
            lines.append(t("report.exec.fix_first_robust_all", lang, top=summary["top_n"], samples=fmt_number(samples)))
        else:
            lines.append(t("report.exec.fix_first_robust", lang, top=summary["top_n"],
                           p=fmt_percent(lowest, digits=0 if lowest < 0.99 else 1), samples=fmt_number(samples)))
    return {"items": items, "lines": lines}


def _lower(text: str, lang: str) -> str:
    """A label inside an English sentence starts in lower case ("Quick win" → "quick win")."""
    return text[:1].lower() + text[1:] if lang != "he" and text[1:2].islower() else text


def _journey_pain(summary: Mapping[str, Any], lang: str) -> dict | None:
    j = summary.get("journey")
    if not isinstance(j, Mapping) or not j.get("cases"):
        return None
    lines = []
    sla, repeat = j.get("sla_breach_rate"), j.get("repeat_contact_rate")
    if isinstance(sla, (int, float)) and (not isinstance(repeat, (int, float)) or sla >= repeat):
        lines.append(t("report.exec.pain_sla", lang, share=_share(sla), median=_num(j.get("median_case_days")),
                       p90=_num(j.get("p90_case_days"))))
    elif isinstance(repeat, (int, float)):
        lines.append(t("report.exec.pain_repeat", lang, share=_share(repeat), fcr=_share(j.get("fcr"))))
    handoffs = [h for h in j.get("top_handoffs") or [] if isinstance(h, Mapping) and h.get("count")]
    if handoffs:
        h = handoffs[0]
        lines.append(t("report.exec.pain_handoff", lang, source=h.get("from"), target=h.get("to"),
                       count=fmt_number(h["count"]), per_case=_num(j.get("handoffs_per_case"))))
    return {"items": [], "lines": lines} if lines else None


def _kpi_value(value: Any, info: Mapping[str, Any], *, pct_digits: int = 0) -> str:
    """A KPI value as the client reads it: a percentage for a proportion, else the number and its unit."""
    if not isinstance(value, (int, float)):
        return "—"
    kind = str(info.get("kind") or "").casefold()
    unit = info.get("unit_of_measure")
    unit = unit.strip() if isinstance(unit, str) else ""
    if kind == "proportion" or "%" in unit:
        return fmt_percent(value if abs(value) <= 1 else value / 100, digits=pct_digits)
    number = fmt_number(value, digits=0 if float(value).is_integer() else 2 if abs(value) < 10 else 1)
    return f"{number} {unit}" if unit else number


#: How the executive summary reads a KPI's control chart (summary.json's ``status``, see
#: :func:`svcwork.measures.kpis.control_chart`): signals in the bad direction need attention, an
#: improvement does not.
_BAD_STATUS = ("deteriorated", "unstable")


def _kpi_chart(k: Mapping[str, Any], lang: str, value) -> str:
    """The control-chart half of a KPI's line: improved, worsened, unstable or stable — never
    "out of control" for an improvement."""
    status = k.get("status")
    signals = [s for s in k.get("signals") or [] if isinstance(s, Mapping)]
    latest = max((str(s.get("period")) for s in signals if s.get("period") is not None), default="—")
    level, since = value(k.get("new_level")), k.get("shift_period") or "—"
    better, worse = int(k.get("signals_better") or 0), int(k.get("signals_worse") or 0)
    shifted = isinstance(k.get("new_level"), (int, float))
    if status == "improved":
        if shifted:
            return t("report.exec.kpi_chart_improved_shift", lang, level=level, period=since)
        return (t("report.exec.kpi_chart_improved_one", lang, period=latest) if better == 1 else
                t("report.exec.kpi_chart_improved", lang, signals=better, period=latest))
    if status == "deteriorated":
        if shifted:
            return t("report.exec.kpi_chart_worsened_shift", lang, level=level, period=since)
        return (t("report.exec.kpi_chart_worsened_one", lang, period=latest) if worse == 1 else
                t("report.exec.kpi_chart_worsened", lang, signals=worse, period=latest))
    if status == "unstable":
        if shifted:
            return t("report.exec.kpi_chart_unstable_shift", lang, worse=worse, better=better, level=level,
                     period=since)
        return t("report.exec.kpi_chart_unstable", lang, worse=worse, better=better, period=latest)
    if status is None and signals:  # a summary written before charts were read against their direction
        return t("report.exec.kpi_chart_signals", lang, signals=len(signals), period=latest)
    return t("report.exec.kpi_chart_stable", lang)


def _kpi_signals(summary: Mapping[str, Any], lang: str, kpis: pd.DataFrame | None) -> dict | None:
    rows = [k for k in summary.get("kpis") or [] if isinstance(k, Mapping) and k.get("kpi_id")]
    if not rows:
        return None
    names = _names(kpis, "kpi_id", "kpi_name")
    info: dict[str, dict] = {}
    if kpis is not None and "kpi_id" in getattr(kpis, "columns", ()):
        for rec in kpis.to_dict("records"):
            info[str(rec.get("kpi_id"))] = rec
    judged = [k for k in rows if k.get("met") is not None]
    met = sum(bool(k["met"]) for k in judged)
    if len(judged) == 1:
        lead = [t("report.exec.kpi_one_met" if met else "report.exec.kpi_one_missed", lang)]
    else:
        lead = [t("report.exec.kpis_met", lang, met=met, total=len(judged))] if judged else []
    lines = []
    # needing attention: a missed target, or control-chart signals in the bad direction (an improved
    # KPI meeting its target needs none); missed and worsening first, then missed while stable, met
    # (or without a target) but worsening, and missed while improving
    attention = []
    for k in rows:
        missed = k.get("met") is False
        status = k.get("status")
        bad = status in _BAD_STATUS or (status is None and k.get("in_control") is False)
        if missed or bad:
            order = (0 if bad else 3 if status == "improved" else 1) if missed else 2
            attention.append((order, k))
    attention.sort(key=lambda x: (x[0], -len(x[1].get("signals") or []), str(x[1]["kpi_id"])))
    items = []
    for _, k in attention[:EXECUTIVE_KPIS]:
        i = info.get(str(k["kpi_id"]), {})
        values = {"last": _kpi_value(k.get("last"), i), "target": _kpi_value(k.get("target"), i)}
        target = (t("report.exec.kpi_target_missed", lang, **values) if k.get("met") is False else
                  t("report.exec.kpi_target_met", lang, **values) if k.get("met") is True else
                  t("report.exec.kpi_target_none", lang, last=values["last"]))
        chart = _kpi_chart(k, lang, lambda v, i=i: _kpi_value(v, i, pct_digits=1))
        items.append(t("report.exec.kpi_line", lang, kpi=_label(k["kpi_id"], names), target=target, chart=chart))
    more = len(attention) - EXECUTIVE_KPIS
    if more == 1:
        lines.append(t("report.exec.kpi_more_one", lang))
    elif more > 1:
        lines.append(t("report.exec.kpi_more", lang, count=more))
    if not attention:
        lines.append(t("report.exec.kpis_quiet", lang))
    # improvements that need no attention: the new level, and the limits to recompute from it
    seen = {str(k["kpi_id"]) for _, k in attention}
    improved = [k for k in rows if k.get("status") == "improved" and str(k["kpi_id"]) not in seen
                and isinstance(k.get("new_level"), (int, float))]
    if len(improved) == 1:
        k = improved[0]
        lines.append(t("report.exec.kpi_improved_one", lang, kpi=_label(k["kpi_id"], names),
                       level=_kpi_value(k["new_level"], info.get(str(k["kpi_id"]), {}), pct_digits=1),
                       period=k.get("shift_period") or "—"))
    elif improved:
        named = [t("report.exec.kpi_level", lang, kpi=_label(k["kpi_id"], names),
                   level=_kpi_value(k["new_level"], info.get(str(k["kpi_id"]), {}), pct_digits=1),
                   period=k.get("shift_period") or "—")
                 for k in improved]
        lines.append(t("report.exec.kpis_improved", lang, kpis="; ".join(named)))
    return {"lead": lead, "items": items, "lines": lines}


def _overdue_actions(summary: Mapping[str, Any], lang: str, overdue: pd.DataFrame | None) -> dict | None:
    a = summary.get("actions")
    if not isinstance(a, Mapping) or not a.get("total"):
        return None
    try:
        date = fmt_date(dt.date.fromisoformat(str(summary.get("report_date"))), lang)
    except ValueError:
        date = "—"
    values = {"open": a.get("open", 0), "done": a.get("done", 0), "total": a.get("total", 0), "date": date}
    if not a.get("overdue"):
        return {"items": [], "lines": [t("report.exec.actions_none", lang, **values)]}
    lines = [t("report.exec.actions_overdue", lang, overdue=a["overdue"], **values)]
    # the longest overdue action, from the management section's own (suppressed) table
    cols = {c: t(f"management.col.{c}", lang) for c in ("action", "owner", "days_overdue")}
    if overdue is not None and len(overdue) and set(cols.values()) <= set(overdue.columns):
        worst = overdue.sort_values(cols["days_overdue"], ascending=False, kind="stable").iloc[0]
        if pd.notna(worst[cols["days_overdue"]]) and pd.notna(worst[cols["action"]]):
            owner = worst[cols["owner"]] if pd.notna(worst[cols["owner"]]) else "—"
            lines.append(t("report.exec.actions_worst", lang, action=worst[cols["action"]], owner=owner,
                           days=int(worst[cols["days_overdue"]])))
    return {"items": [], "lines": lines}


def executive_summary(summary: Mapping[str, Any], *, lang: str, services: pd.DataFrame | None = None,
                      kpis: pd.DataFrame | None = None, overdue: pd.DataFrame | None = None) -> list[dict]:
    """The executive summary, written from the analyses' key figures (``summary.json``'s keys).

    Four blocks, in this order, each ``{"key", "title", "lead", "items", "lines", "missing"}`` in
    *lang* (sentences before the list of items, the items, sentences after):

    - ``fix_first``: the :data:`EXECUTIVE_SERVICES` best-ranked services the roadmap plans
      (``priorities``; all ranked services when there is no roadmap) with score, quadrant and
      wave, and why (the heaviest criterion of ``criteria_weights``, the
      quick wins, and how robust the ranks are over the ``acceptability`` weight samples);
    - ``pain``: the biggest journey pain (``journey``): the share of cases missing their deadline
      or, when larger, the share of repeat contacts; and the most frequent hand-off;
    - ``kpis``: KPIs meeting their target, then those needing attention (``kpis``) — a missed
      target or control-chart signals in the bad direction (``status`` deteriorated or unstable):
      missed and worsening, missed while stable (a system problem), met but worsening, missed
      while improving; the :data:`EXECUTIVE_KPIS` first are named, the rest counted; then the
      improved KPIs that need no attention, with their new level (recompute the limits from it);
    - ``actions``: open and overdue actions as of the report date (``actions``), and the longest
      overdue one (from the management section's *overdue* table).

    A block whose analysis is missing says so.  *services* and *kpis* (the intake's Services and
    KPIs sheets) give names to the codes.
    """
    blocks = []
    for key, block in (("fix_first", _fix_first(summary, lang, _names(services, "service_id", "service_name"))),
                       ("pain", _journey_pain(summary, lang)),
                       ("kpis", _kpi_signals(summary, lang, kpis)),
                       ("actions", _overdue_actions(summary, lang, overdue))):
        block = block or {"lines": [t("report.exec.missing", lang)], "missing": True}
        blocks.append({"key": key, "title": t(f"report.exec.{key}", lang), "missing": False, "lead": [], "items": [],
                       "lines": [], **block})
    return blocks
