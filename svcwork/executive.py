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


def _kpi_value(value: Any, info: Mapping[str, Any]) -> str:
    """A KPI value as the client reads it: a percentage for a proportion, else the number and its unit."""
    if not isinstance(value, (int, float)):
        return "—"
    kind = str(info.get("kind") or "").casefold()
    unit = info.get("unit_of_measure")
    unit = unit.strip() if isinstance(unit, str) else ""
    if kind == "proportion" or "%" in unit:
        return fmt_percent(value if abs(value) <= 1 else value / 100)
    number = fmt_number(value, digits=0 if float(value).is_integer() else 2 if abs(value) < 10 else 1)
    return f"{number} {unit}" if unit else number


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
    lead = [t("report.exec.kpis_met", lang, met=sum(bool(k["met"]) for k in judged), total=len(judged))] if judged else []
    lines = []
    attention = []
    for k in rows:
        met, in_control = k.get("met"), k.get("in_control")
        if met is False:
            attention.append((0 if in_control is False else 1, k))
        elif in_control is False:
            attention.append((2, k))
    attention.sort(key=lambda x: (x[0], -len(x[1].get("signals") or []), str(x[1]["kpi_id"])))
    items = []
    for order, k in attention[:EXECUTIVE_KPIS]:
        i = info.get(str(k["kpi_id"]), {})
        signals = [s for s in k.get("signals") or [] if isinstance(s, Mapping)]
        latest = max((str(s.get("period")) for s in signals if s.get("period") is not None), default="—")
        key = ("report.exec.kpi_missed_out", "report.exec.kpi_missed_in", "report.exec.kpi_met_out")[order]
        values = {"kpi": _label(k["kpi_id"], names), "last": _kpi_value(k.get("last"), i),
                  "target": _kpi_value(k.get("target"), i)}
        if order != 1:
            values.update(signals=len(signals), period=latest)
        items.append(t(key, lang, **values))
    if len(attention) > EXECUTIVE_KPIS:
        lines.append(t("report.exec.kpi_more", lang, count=len(attention) - EXECUTIVE_KPIS))
    if not attention:
        lines.append(t("report.exec.kpis_quiet", lang))
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
    - ``kpis``: KPIs meeting their target, then those needing attention (``kpis``): missed and
      out of control, missed while in control (a system problem), met but out of control;
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
