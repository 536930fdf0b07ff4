"""The executive summary and the one-page dashboard: what the steering committee reads first.

Both are written from summary.json: its key figures (``key_figures``, :mod:`svcwork.keyfigures`)
give every number, quoted with its marker so the reader goes from it to its definition in one
click; its section figures give only what is not a number (which services are in wave 1, a
KPI's control-chart reading).  No sentence here computes a number of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Mapping

import pandas as pd

from .i18n import fmt_date, fmt_list, fmt_period, t
from .keyfigures import KeyFigure, base_text, from_records, quote
from .results_book import known

__all__ = ["executive_summary", "dashboard", "Tile", "CONVENTIONS", "EXECUTIVE_SERVICES", "EXECUTIVE_KPIS", "STANDARD_BANDS",
           "biggest_pain"]

#: How many services the executive summary names when there is no roadmap (else: all of wave 1).
EXECUTIVE_SERVICES = 3

#: How many KPIs needing attention the executive summary names (the rest are in the measures section).
EXECUTIVE_KPIS = 3

#: The dashboard's reading of a share of cases meeting the service standard: at least the first
#: is on track, at least the second is to watch, below it needs attention (svcwork's convention,
#: stated on the dashboard and defined in the key-figures appendix).
STANDARD_BANDS = (0.90, 0.75)

#: The report's own conventions that its words quote, as key figures (summary.json lists them).
CONVENTIONS: tuple[KeyFigure, ...] = (
    KeyFigure("report.standard_good", STANDARD_BANDS[0], "share", "summary"),
    KeyFigure("report.standard_watch", STANDARD_BANDS[1], "share", "summary"),
)


def _names(frame: pd.DataFrame | None, key: str, name: str) -> dict[str, str]:
    """``{id: name}`` from an intake table (empty when the table or its columns are missing)."""
    if frame is None or key not in getattr(frame, "columns", ()) or name not in frame.columns:
        return {}
    return {str(k): str(v) for k, v in zip(frame[key], frame[name])
            if isinstance(k, str) and isinstance(v, str) and v.strip()}


def _label(code: str, names: Mapping[str, str]) -> str:
    name = names.get(str(code))
    return f"{code} {name}" if name else str(code)


def _lower(text: str, lang: str) -> str:
    """A label inside an English sentence starts in lower case ("Quick win" → "quick win")."""
    return text[:1].lower() + text[1:] if lang != "he" and text[1:2].islower() else text


def _figures(summary: Mapping[str, Any]) -> dict[str, KeyFigure]:
    return from_records(summary.get("key_figures") or {})


def _q(figs: Mapping[str, KeyFigure], key: str, lang: str, attr: str = "value") -> str | None:
    """The figure *key* quoted (None when the registry lacks it or it has no value)."""
    f = figs.get(key)
    return quote(f, lang, attr) if f is not None and getattr(f, attr) is not None else None


# ----------------------------------------------------------------------------- where to start
def _wave_one(summary: Mapping[str, Any]) -> tuple[list[Mapping], bool]:
    """The services of wave 1 of the roadmap, by rank (else the best-ranked, and False)."""
    ranked = sorted((p for p in summary.get("priorities") or [] if isinstance(p, Mapping) and p.get("rank")),
                    key=lambda p: p["rank"])
    wave_1 = summary.get("wave_1")
    if isinstance(wave_1, list):  # the roadmap's own list, in its order
        by_id = {str(p.get("service_id")): p for p in ranked}
        first = [by_id[str(s)] for s in wave_1 if str(s) in by_id]
    else:
        first = [p for p in ranked if p.get("wave") == 1]
    return (first, True) if first else (ranked[:EXECUTIVE_SERVICES], False)


def _fix_first(summary: Mapping[str, Any], figs: Mapping[str, KeyFigure], lang: str,
               services: Mapping[str, str]) -> dict | None:
    top, roadmap = _wave_one(summary)
    if not top:
        return None
    items = []
    for p in top:
        q = p.get("quadrant")
        quadrant = _lower(t(f"prioritize.quadrant.{q}", lang), lang) if q and known(f"prioritize.quadrant.{q}") else "—"
        score = _q(figs, f"prioritize.score.{p['service_id']}", lang) or "—"
        items.append(t("report.exec.start_item", lang, service=_label(p["service_id"], services), score=score,
                       quadrant=quadrant))
    lead = [t("report.exec.start_roadmap" if roadmap else "report.exec.start_ranked", lang)]
    lines = []
    # the heaviest criteria and the services the robustness range covers: the prioritisation
    # section's own rules (svcwork.prioritize.figures), so both name the same ones
    from .prioritize.figures import robust_services, weighting

    weights = {k.split(".", 2)[2]: f for k, f in figs.items() if k.startswith("prioritize.weight.")}
    how, top_weights = weighting({k: f.value for k, f in weights.items() if f.value is not None})
    if top_weights:
        how = {"one": "", "tied": "_tied", "equal": "_equal"}[how]
        names = [_lower(t(f"prioritize.criterion.{c}", lang), lang) if known(f"prioritize.criterion.{c}") else c
                 for c in top_weights]
        lines.append(t(("report.exec.start_why" if roadmap else "report.exec.start_why_ranked") + how, lang,
                       criterion=fmt_list(names, lang), weight=quote(weights[top_weights[0]], lang)))
    top_n = figs.get("prioritize.top_n")
    ranked = [str(p["service_id"]) for p in sorted(
        (p for p in summary.get("priorities") or [] if isinstance(p, Mapping) and p.get("rank")),
        key=lambda p: p["rank"])]
    covered = (robust_services(ranked, int(top_n.value), among=[str(p["service_id"]) for p in top])
               if top_n is not None and top_n.value is not None else [])
    p_top = [figs.get(f"prioritize.p_top.{s}") for s in covered]
    if top_n is not None and top_n.value is not None and not covered:
        lines.append(t("report.exec.start_robust_none", lang, top=quote(top_n, lang)))
    elif p_top and all(f is not None and f.value is not None for f in p_top):
        low = min(p_top, key=lambda f: (f.value, f.key))
        high = max(p_top, key=lambda f: (f.value, f.key))
        values = {"top": quote(top_n, lang), "samples": base_text(low, lang)}
        some = "" if len(covered) == len(top) else "_some"
        if some:
            values["services"] = ", ".join(covered)
        if low.shown(lang) == high.shown(lang):
            extra = {"n": len(covered)} if some else {}
            lines.append(t(f"report.exec.start_robust{some}_same", lang, p=quote(low, lang), **extra, **values))
        else:
            lines.append(t(f"report.exec.start_robust{some}", lang, low=quote(low, lang), high=quote(high, lang),
                           **values))
    return {"lead": lead, "items": items, "lines": lines}


# ----------------------------------------------------------------------------- citizens' pain
@dataclass(frozen=True)
class Pain:
    """The service citizens suffer most with: worst on time and on the survey together."""

    service_id: str
    days: KeyFigure
    survey: KeyFigure
    nps: KeyFigure | None


def biggest_pain(figs: Mapping[str, KeyFigure]) -> Pain | None:
    """The service with the worst mean rank over its median case time (longest first) and its
    share of satisfied respondents (lowest first), among services that have both figures (groups
    below the minimum size have none); ties go to the longer time, then the id.

    The prioritisation score may weigh the survey lightly or not at all; this reading puts the
    journeys and the survey side by side as the citizen meets them.
    """
    days = {k.split(".", 2)[2]: f for k, f in figs.items()
            if k.startswith("journeys.median_case_days.") and f.value is not None}
    sat = {k.split(".", 2)[2]: f for k, f in figs.items()
           if k.startswith("measures.satisfaction.") and f.value is not None}
    both = sorted(set(days) & set(sat))
    if not both:
        return None
    by_days = {s: r for r, s in enumerate(sorted(both, key=lambda s: (-days[s].value, s)))}
    by_sat = {s: r for r, s in enumerate(sorted(both, key=lambda s: (sat[s].value, s)))}
    worst = min(both, key=lambda s: (by_days[s] + by_sat[s], -days[s].value, s))
    return Pain(worst, days[worst], sat[worst], figs.get(f"measures.nps.{worst}"))


def _pain(summary: Mapping[str, Any], figs: Mapping[str, KeyFigure], lang: str,
          services: Mapping[str, str]) -> dict | None:
    lines = []
    pain = biggest_pain(figs)
    if pain is not None:
        values = {"service": _label(pain.service_id, services), "days": quote(pain.days, lang),
                  "cases": base_text(pain.days, lang), "all_days": _q(figs, "journeys.median_case_days", lang) or "—",
                  "satisfied": quote(pain.survey, lang), "respondents": base_text(pain.survey, lang),
                  "all_satisfied": _q(figs, "measures.item.satisfaction", lang) or "—"}
        lines.append(t("report.exec.pain_service", lang, **values))
        if pain.nps is not None and pain.nps.value is not None:
            lines.append(t("report.exec.pain_nps", lang, nps=quote(pain.nps, lang),
                           all_nps=_q(figs, "measures.nps", lang) or "—"))
        wave = next((p.get("wave") for p in summary.get("priorities") or []
                     if isinstance(p, Mapping) and str(p.get("service_id")) == pain.service_id), None)
        lines.append(t("report.exec.pain_wave_first", lang) if wave == 1 else
                     t("report.exec.pain_wave", lang, wave=wave) if isinstance(wave, int) else
                     t("report.exec.pain_no_wave", lang))
    missed = figs.get("journeys.deadline_missed")
    if missed is not None and missed.value is not None:
        own, days = figs.get("journeys.own_deadline_cases"), figs.get("journeys.deadline_days")
        lines.append(t("report.exec.pain_deadline", lang, share=quote(missed, lang), cases=base_text(missed, lang),
                       own=t("figure.base.cases", lang, n=own.value, count=quote(own, lang)) if own else "—",
                       days=t("journeys.phrase.days", lang, n=days.value, count=quote(days, lang)) if days else "—"))
    standard = figs.get("measures.standard_met")
    if standard is not None and standard.value is not None:
        lines.append(t("report.exec.pain_standard", lang, share=quote(standard, lang),
                       days=_q(figs, "measures.standard_days", lang) or "—", cases=base_text(standard, lang)))
    items = sorted((f for k, f in figs.items() if k.startswith("measures.item.") and f.value is not None),
                   key=lambda f: (f.value, f.key))[:2]
    if items:
        named = [t("report.exec.pain_item", lang, item=_item_label(f.item or f.key.rsplit(".", 1)[-1], lang),
                   share=quote(f, lang)) for f in items]
        lines.append(t("report.exec.pain_weakest", lang, items="; ".join(named)))
    return {"lead": [], "items": [], "lines": lines} if lines else None


def _item_label(item: str, lang: str) -> str:
    key = f"measures.item.{item}"
    return _lower(t(key, lang), lang) if known(key) else item


# ----------------------------------------------------------------------------- under control?
def _kpi_chart(k: Mapping[str, Any], lang: str, level: str | None) -> str:
    """The control-chart half of a KPI's line — never "out of control" for an improvement."""
    status = k.get("status")
    signals = [s for s in k.get("signals") or [] if isinstance(s, Mapping)]
    latest = fmt_period(max((str(s.get("period")) for s in signals if s.get("period") is not None), default="—"), lang)
    since = fmt_period(k.get("shift_period") or "—", lang)
    if status in ("improved", "deteriorated", "unstable"):
        word = {"improved": "improved", "deteriorated": "worsened", "unstable": "unstable"}[status]
        if level is not None:
            return t(f"report.exec.kpi_chart_{word}_shift", lang, level=level, period=since)
        return t(f"report.exec.kpi_chart_{word}", lang, period=latest)
    return t("report.exec.kpi_chart_stable", lang)


def _kpi_signals(summary: Mapping[str, Any], figs: Mapping[str, KeyFigure], lang: str,
                 kpis: pd.DataFrame | None) -> dict | None:
    rows = [k for k in summary.get("kpis") or [] if isinstance(k, Mapping) and k.get("kpi_id")]
    if not rows:
        return None
    names = _names(kpis, "kpi_id", "kpi_name")
    lead = []
    met, judged = figs.get("measures.kpis_met"), figs.get("measures.kpis_judged")
    if met is not None and judged is not None and judged.value:
        lead.append(t("report.exec.kpis_met", lang, n=met.value, met=quote(met, lang), total=quote(judged, lang)))
    # needing attention, by the measures section's one rule (svcwork.measures.figures.attention_groups):
    # signals in the bad direction first, then a missed target while stable (a system problem), with
    # no chart reading, and while improving
    from .measures.figures import attention_groups

    groups = attention_groups(pd.DataFrame(rows))
    by_id = {str(k["kpi_id"]): k for k in rows}
    attention = [(order, by_id[kid]) for order, name in enumerate(("worse", "missed_stable", "missed", "missed_improved"))
                 for kid in groups[name]]
    items = []
    for _, k in attention[:EXECUTIVE_KPIS]:
        kid = str(k["kpi_id"])
        last, target = _q(figs, f"measures.kpi_last.{kid}", lang), _q(figs, f"measures.kpi_target.{kid}", lang)
        target_text = (t("report.exec.kpi_target_missed", lang, last=last or "—", target=target or "—")
                       if k.get("met") is False else
                       t("report.exec.kpi_target_met", lang, last=last or "—", target=target or "—")
                       if k.get("met") is True else t("report.exec.kpi_target_none", lang, last=last or "—"))
        chart = _kpi_chart(k, lang, _q(figs, f"measures.kpi_new_level.{kid}", lang))
        items.append(t("report.exec.kpi_line", lang, kpi=_label(kid, names), target=target_text, chart=chart))
    lines = []
    count = figs.get("measures.kpis_attention")
    if attention and count is not None and len(attention) > EXECUTIVE_KPIS:
        lines.append(t("report.exec.kpi_attention", lang, n=count.value, count=quote(count, lang),
                       shown=EXECUTIVE_KPIS))
    if not attention:
        lines.append(t("report.exec.kpis_quiet", lang))
    seen = {str(k["kpi_id"]) for _, k in attention[:EXECUTIVE_KPIS]}  # named above; the rest only in the section
    improved = [str(k["kpi_id"]) for k in rows if k.get("status") == "improved" and str(k["kpi_id"]) not in seen]
    named = [t("report.exec.kpi_level", lang, kpi=_label(kid, names), level=level) for kid in improved
             if (level := _q(figs, f"measures.kpi_new_level.{kid}", lang)) is not None]
    if named:
        lines.append(t("report.exec.kpis_improved", lang, n=len(named), kpis="; ".join(named)))
    return {"lead": lead, "items": items, "lines": lines}


# ----------------------------------------------------------------------------- the action plan
def _actions(summary: Mapping[str, Any], figs: Mapping[str, KeyFigure], lang: str,
             overdue: pd.DataFrame | None) -> dict | None:
    total = figs.get("management.actions_total")
    if total is None or not total.value:
        return None
    try:
        date = fmt_date(dt.date.fromisoformat(str(summary.get("report_date"))), lang)
    except ValueError:
        date = "—"
    values = {name: _q(figs, f"management.actions_{name}", lang) or "—"
              for name in ("open", "done", "total", "overdue", "cancelled")}
    n_overdue, cancelled = figs.get("management.actions_overdue"), figs.get("management.actions_cancelled")
    # the parts add up to the total: cancelled actions are named when there are any
    status = "report.exec.actions_status_cancelled" if cancelled is not None and cancelled.value else "report.exec.actions_status"
    lines = [t(status, lang, n=total.value, date=date, **values)]
    if n_overdue is not None and n_overdue.value:
        lines.append(t("report.exec.actions_overdue", lang, n=n_overdue.value, overdue=values["overdue"], date=date))
        worst = _worst_overdue(overdue, lang)
        if worst is not None:
            lines.append(worst)
    else:
        lines.append(t("report.exec.actions_none", lang, date=date))
    uncovered = figs.get("management.findings_unanswered")  # the management section's figure (of the findings checked)
    if uncovered is not None and uncovered.value is not None:
        total_findings = quote(uncovered, lang, "base") if uncovered.base is not None else "—"
        lines.append(t("report.exec.actions_uncovered", lang, n=uncovered.value, count=quote(uncovered, lang),
                       total=total_findings)
                     if uncovered.value else t("report.exec.actions_all_covered", lang))
    return {"lead": [], "items": [], "lines": lines}


def _worst_overdue(overdue: pd.DataFrame | None, lang: str) -> str | None:
    """The longest overdue action, from the management section's own (suppressed) table: named
    with its owner and due date (its days late are in that table); every action tied for it when
    several are (the same due date), none picked over the others."""
    cols = {c: t(f"management.col.{c}", lang) for c in ("action", "owner", "days_overdue", "due_date")}
    if overdue is None or not len(overdue) or not {cols["action"], cols["days_overdue"]} <= set(overdue.columns):
        return None
    days = pd.to_numeric(overdue[cols["days_overdue"]], errors="coerce")
    if days.isna().all():
        return None
    worst = overdue.loc[days == days.max()]  # every action tied for the longest delay, in the table's order
    worst = worst.loc[worst[cols["action"]].notna()]
    if not len(worst):
        return None

    def owner(row: pd.Series) -> str:
        name = row.get(cols["owner"])
        return name if isinstance(name, str) and name.strip() else "—"

    due = worst.iloc[0].get(cols["due_date"])  # the same delay to the same report date: the same due date
    due_text = fmt_date(pd.Timestamp(due), lang) if due is not None and not pd.isna(due) else "—"
    if len(worst) == 1:
        return t("report.exec.actions_worst", lang, action=worst.iloc[0][cols["action"]], owner=owner(worst.iloc[0]),
                 due=due_text)
    named = [t("report.exec.action_named", lang, action=row[cols["action"]], owner=owner(row))
             for _, row in worst.iterrows()]
    return t("report.exec.actions_worst_tied", lang, n=len(worst), actions=fmt_list(named, lang), due=due_text)


def executive_summary(summary: Mapping[str, Any], *, lang: str, services: pd.DataFrame | None = None,
                      kpis: pd.DataFrame | None = None, overdue: pd.DataFrame | None = None) -> list[dict]:
    """The executive summary from summary.json (its ``key_figures`` and section figures).

    Four blocks, in this order, each ``{"key", "title", "lead", "items", "lines", "missing"}`` in
    *lang*, every number a marked key figure (:func:`svcwork.keyfigures.quote`):

    - ``fix_first`` — where to start: the services of wave 1 of the roadmap exactly as the
      prioritisation section shows them (without a roadmap, the :data:`EXECUTIVE_SERVICES`
      best-ranked, and it says so), with score and quadrant; why (the heaviest criterion); how
      robust their ranks are over the weight samples (the lowest and highest share);
    - ``pain`` — the citizens' biggest pain from the journeys and the survey together
      (:func:`biggest_pain`), where the roadmap puts that service (the prioritisation score may
      not count the survey), the share of cases missing their own deadline beside the share
      meeting the service standard (two definitions, each named), and the weakest survey items;
    - ``kpis`` — whether service is under control: KPIs meeting their target; those needing
      attention (a missed target or signals in the bad direction) named, the count of all;
      improvements with their new level;
    - ``actions`` — what the action plan has done: done, open and overdue as of the report date,
      the longest overdue action, and the findings no action answers.

    A block whose analysis is missing says so.  *services* and *kpis* (the intake's Services and
    KPIs sheets) give names to the codes; *overdue* is the management section's overdue table.
    """
    figs = _figures(summary)
    names = _names(services, "service_id", "service_name")
    blocks = []
    for key, block in (("fix_first", _fix_first(summary, figs, lang, names)),
                       ("pain", _pain(summary, figs, lang, names)),
                       ("kpis", _kpi_signals(summary, figs, lang, kpis)),
                       ("actions", _actions(summary, figs, lang, overdue))):
        block = block or {"lines": [t("report.exec.missing", lang)], "missing": True}
        blocks.append({"key": key, "title": t(f"report.exec.{key}", lang), "missing": False, "lead": [], "items": [],
                       "lines": [], **block})
    return blocks


# ----------------------------------------------------------------------------- the dashboard
@dataclass(frozen=True)
class Tile:
    """One traffic light of the dashboard: what, its value and base (marked), and its reading
    (``good``, ``watch``, ``bad`` or ``none``) in words as well as colour."""

    key: str
    title: str
    value: str
    base: str
    status: str
    reading: str
    section: str


def _tile(key: str, lang: str, value: str, base: str, status: str, section: str, **values: Any) -> Tile:
    return Tile(key, t(f"report.dash.{key}", lang), value, base, status,
                t(f"report.dash.{status}", lang) + " — " + t(f"report.dash.{key}.{status}", lang, **values), section)


def dashboard(summary: Mapping[str, Any], *, lang: str) -> list[Tile]:
    """The one-page dashboard that opens the report: KPIs against targets, citizens' satisfaction
    (and its change over the period), cases meeting the service standard, the action plan.

    Readings: KPIs good when none needs attention, bad when fewer than half meet their target;
    satisfaction good/bad when the change over the period (first to last survey wave) is a clear
    rise/fall, watch when it is neither, none when no change was measured;
    the service standard by :data:`STANDARD_BANDS`; the action plan good with nothing overdue,
    bad when more than a quarter of the open actions are overdue.
    """
    figs = _figures(summary)
    tiles: list[Tile] = []
    met, judged, attention = (figs.get(f"measures.kpis_{k}") for k in ("met", "judged", "attention"))
    if met is not None and judged is not None and judged.value:
        status = ("good" if attention is not None and not attention.value else
                  "bad" if met.value / judged.value < 0.5 else "watch")
        tiles.append(_tile("kpis", lang, t("report.dash.of", lang, part=quote(met, lang), whole=quote(judged, lang)),
                           t("report.dash.kpis.base", lang), status, "measures"))
    sat = figs.get("measures.item.satisfaction")
    if sat is not None and sat.value is not None:
        change = figs.get("measures.change.satisfaction")
        if change is not None and change.low is not None and change.high is not None:
            status = "good" if change.low > 0 else "bad" if change.high < 0 else "watch"
            base = t("report.dash.change", lang, change=quote(change, lang))
        else:  # no change was measured (one survey wave, or waves too small): no reading, and it says why
            status, base = "none", base_text(sat, lang)
        tiles.append(_tile("satisfaction", lang, quote(sat, lang), base, status, "measures"))
    std = figs.get("measures.standard_met")
    if std is not None and std.value is not None:
        good, watch = STANDARD_BANDS
        status = "good" if std.value >= good else "watch" if std.value >= watch else "bad"
        # a share just below a band's edge (74.96%) is shown to a tenth ("> 74.9%"), never "75%"
        # beside "fewer than 75%" (svcwork.prioritize.figures.share_kind)
        from .prioritize.figures import share_kind

        shown = replace(std, kind=share_kind(std.value)) if std.kind == "share" else std
        tiles.append(_tile("standard", lang, quote(shown, lang), base_text(std, lang), status, "measures",
                           good=quote(CONVENTIONS[0], lang), watch=quote(CONVENTIONS[1], lang)))
    overdue, open_ = figs.get("management.actions_overdue"), figs.get("management.actions_open")
    if overdue is not None and open_ is not None and overdue.value is not None:
        status = ("good" if not overdue.value else
                  "bad" if open_.value and overdue.value / open_.value > 0.25 else "watch")
        tiles.append(_tile("actions", lang, quote(overdue, lang),
                           t("report.dash.actions.base", lang, n=open_.value, open=quote(open_, lang)), status,
                           "management"))
    return tiles
