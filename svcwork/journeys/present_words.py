"""The sentences of the journeys section: findings, one takeaway per chart, and the methods appendix.

Every number a finding or takeaway shows is a key figure of :mod:`svcwork.journeys.figures`,
quoted with :func:`svcwork.keyfigures.quote` (a marker the report turns into a link to the
figure's definition); no sentence formats or computes a number of its own.  A count agrees with
its noun by the catalogue's CLDR plural forms (``t(key, lang, n=…)``); client names (services,
units, journeys) stand in quotes.  Method names, parameters and references go to :func:`methods`
(the report's methods appendix), not to the body.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import fmt_date, fmt_number, fmt_percent, fmt_period, t
from ..keyfigures import KeyFigure, base_text, quote
from .figures import figures_of, month_range, pass_on_units

if TYPE_CHECKING:  # pragma: no cover
    from .result import JourneysResult

__all__ = ["findings", "takeaways", "methods", "named_service", "quoted"]

#: At most this many names are listed in a sentence; the rest are "and others (see the table)".
LISTED = 5


# =========================================================================== names and counted phrases
def quoted(name: object, lang: str) -> str:
    """A client's name (unit, journey, activity) in the language's quotation marks."""
    return t("journeys.phrase.quoted", lang, name=str(name))


def named_service(res: JourneysResult, sid: object, lang: str) -> str:
    """``L04 “Taxi licence”``: a service's id with its name (from the Services sheet) in quotes."""
    from .present import _service_names

    name = _service_names(res).get(str(sid))
    return t("journeys.phrase.named", lang, id=str(sid), name=name) if name else str(sid)


def _listed(names: list[str], lang: str) -> str:
    shown = names[:LISTED] + ([t("journeys.phrase.others", lang)] if len(names) > LISTED else [])
    return ", ".join(shown)


def _count(fig: KeyFigure, key: str, lang: str) -> str:
    """*fig* (a count) in the counted phrase *key* ("7 days", "once", "שתי פניות")."""
    return t(key, lang, n=fig.value, count=quote(fig, lang))


def _cases(fig: KeyFigure, lang: str) -> str:
    """*fig*'s value, a count of cases, as "4,996 cases" (marked)."""
    return t("figure.base.cases", lang, n=fig.value, count=quote(fig, lang))


def _wait(fig: KeyFigure, lang: str) -> str:
    return t("journeys.phrase.wait_days" if fig.kind == "days" else "journeys.phrase.wait_hours", lang,
             value=quote(fig, lang))


# =========================================================================== findings
def _time(res: JourneysResult, f: dict[str, KeyFigure], lang: str) -> str | None:
    median, p90 = f.get("journeys.median_case_days"), f.get("journeys.p90_case_days")
    if median is None:
        return None
    cases = base_text(median, lang)
    if "journeys.open_cases" not in f:  # the log records no closure
        if median.value is None or p90 is None or p90.value is None:
            return None
        return t("journeys.finding.time_observed", lang, median=quote(median, lang), p90=quote(p90, lang), cases=cases)
    still = _count(f["journeys.open_cases"], "journeys.phrase.open", lang)
    if not f["journeys.open_cases"].value and median.value is not None and p90 is not None and p90.value is not None:
        return t("journeys.finding.time_closed", lang, median=quote(median, lang), p90=quote(p90, lang), cases=cases)
    if median.value is None:
        return t("journeys.finding.time_none", lang, share=quote(f["journeys.open_share"], lang), cases=cases)
    if p90 is None or p90.value is None:
        return t("journeys.finding.time_open", lang, open=still, median=quote(median, lang), cases=cases)
    return t("journeys.finding.time", lang, open=still, median=quote(median, lang), p90=quote(p90, lang), cases=cases)


def _deadline(res: JourneysResult, f: dict[str, KeyFigure], lang: str) -> str | None:
    missed = f.get("journeys.deadline_missed")
    if missed is None:
        return None
    own, days = f["journeys.own_deadline_cases"], _count(f["journeys.deadline_days"], "journeys.phrase.days", lang)
    n = missed.base  # the sentence's base, the cases decided: also the base own is counted over
    rule = (t("journeys.rule.own_none", lang, days=days) if not own.value else
            t("journeys.rule.own_all", lang) if own.value == n else
            t("journeys.rule.own_some", lang, own=_cases(own, lang), days=days))
    parts = [t("journeys.finding.deadline", lang, missed=quote(missed, lang), cases=base_text(missed, lang), rule=rule)]
    pending = f["journeys.pending_cases"]
    if pending.value:
        parts.append(t("journeys.finding.pending", lang, n=pending.value, count=quote(pending, lang)))
    if not res.standards_checked.empty:
        parts.append(t("journeys.finding.not_standard", lang))
    return " ".join(parts)


def _paths(f: dict[str, KeyFigure], lang: str) -> str | None:
    top, k = f.get("journeys.top_path_share"), f.get("journeys.paths_for_goal")
    if k is None:
        return None
    if top is None:  # the most common path has too few cases to be quoted (suppressed)
        return t("journeys.finding.paths_spread", lang, n=k.value, k=quote(k, lang),
                 paths=quote(f["journeys.paths"], lang), goal=quote(f["journeys.path_goal"], lang))
    return t("journeys.finding.paths", lang, n=k.value, share=quote(top, lang), cases=base_text(top, lang),
             k=quote(k, lang), paths=quote(f["journeys.paths"], lang), goal=quote(f["journeys.path_goal"], lang))


def _handoffs(f: dict[str, KeyFigure], lang: str, template: str = "journeys.finding.handoffs") -> str | None:
    top, per_case = f.get("journeys.top_handoff"), f.get("journeys.handoffs_per_case")
    if top is None or per_case is None or top.item is None:
        return None
    source, target = top.item.split(" → ", 1)
    wait = f.get("journeys.top_handoff_wait")
    return t(template, lang, per_case=quote(per_case, lang), cases=base_text(per_case, lang),
             source=quoted(source, lang), target=quoted(target, lang),
             times=_count(top, "journeys.phrase.times", lang), wait=_wait(wait, lang) if wait is not None else "—")


def _contact(res: JourneysResult, f: dict[str, KeyFigure], lang: str) -> str | None:
    rate = f.get("journeys.repeat_contact")
    if rate is None:
        return None
    window = f["journeys.repeat_window_days"]
    days = _count(window, "journeys.phrase.days", lang)
    parts = [t("journeys.finding.repeat", lang, rate=quote(rate, lang), days=days, cases=base_text(rate, lang))]
    fcr = f.get("journeys.fcr")
    if fcr is not None:
        parts.append(t("journeys.finding.fcr", lang, fcr=quote(fcr, lang), days=days, cases=base_text(fcr, lang)))
    switching = f.get("journeys.channel_switching")
    if switching is not None:
        parts.append(t("journeys.finding.switching", lang, share=quote(switching, lang)))
    units = f.get("journeys.pass_on_units")
    if units is not None:
        names = [quoted(u, lang) for u, _ in pass_on_units(res)]
        parts.append(t("journeys.finding.pass_on", lang, n=units.value, units=_listed(names, lang),
                       cases=_cases(f["journeys.pass_on_cases"], lang)))
    return " ".join(parts)


def _digital(res: JourneysResult, f: dict[str, KeyFigure], lang: str) -> str | None:
    frontal, missing = f.get("journeys.frontal_services"), f.get("journeys.frontal_without_digital")
    if frontal is None or missing is None or res.parity is None:
        return None
    values = {"frontal": quote(frontal, lang), "count": quote(missing, lang),
              "services": _listed([named_service(res, x, lang) for x in res.parity.without_digital], lang)}
    if not missing.value:
        return t("journeys.finding.digital_ok", lang, n=frontal.value, frontal=values["frontal"])
    if missing.value == frontal.value:
        return t("journeys.finding.digital_none", lang, n=frontal.value, **values)
    return t("journeys.finding.digital_gap", lang, n=missing.value, **values)


def _standards(res: JourneysResult, f: dict[str, KeyFigure], lang: str) -> str | None:
    """A sentence flagging the services whose channels promise different things (None: nothing to say)."""
    c = res.consistency
    count = f.get("journeys.services_mixed_commitments")
    if c is None or c.services.empty or count is None:
        return None
    if not count.value:
        return t("journeys.finding.standards_same", lang)
    flagged = ([t("journeys.all_services", lang)] if c.all_services_flagged else []) + \
        [named_service(res, x, lang) for x in c.flagged]
    return t("journeys.finding.standards_mixed", lang, n=count.value, count=quote(count, lang),
             services=_listed(flagged, lang))


def findings(res: JourneysResult, lang: str) -> list[str]:
    """One to five sentences from the key figures (marked), for the section and the executive summary."""
    f = figures_of(res)
    out: list[str] = []
    log = res.log
    if log is not None:
        time = " ".join(x for x in (_time(res, f, lang), _deadline(res, f, lang)) if x)
        if time:
            out.append(time)
        if not log.per_event:
            out.append(t("journeys.finding.per_case", lang, cases=_cases(f["journeys.cases"], lang)))
        else:
            out.append(_paths(f, lang) or "")
            out.append(_handoffs(f, lang) or "")
        out.append(_contact(res, f, lang) or "")
    channel = " ".join(x for x in (_digital(res, f, lang), _standards(res, f, lang)) if x)
    if channel:  # one sentence group on the channels: parity and the commitments made on them
        out.append(channel)
    out = [x for x in out if x]
    if not out and "journeys.journeys_mapped" in f:
        out.append(t("journeys.finding.maps", lang,
                     journeys=_count(f["journeys.journeys_mapped"], "journeys.phrase.journeys", lang),
                     pains=_count(f["journeys.pain_points"], "journeys.phrase.pains", lang)))
    return out[:5]


# =========================================================================== takeaways
def _capability(res: JourneysResult, f: dict[str, KeyFigure], lang: str) -> str | None:
    low, high = f.get("journeys.month_median_low"), f.get("journeys.month_median_high")
    months = f.get("journeys.months")  # the months shown: the base of "each month" once a month is hidden
    scoped = months is not None and bool(res.hidden_months())
    said = scoped and low is not None and high is not None  # the first sentence gives the base: the next keep it
    if low is not None and high is not None:
        text = t("journeys.takeaway.capability_shown" if scoped else "journeys.takeaway.capability", lang,
                 low=quote(low, lang), high=quote(high, lang), n=months.value if scoped else None,
                 months=quote(months, lang) if scoped else None,
                 low_month=fmt_period(low.item, lang), high_month=fmt_period(high.item, lang))
    else:
        shown, _, _ = month_range(res)
        median = f.get("journeys.median_case_days")
        if shown.empty or median is None or median.value is None:
            return None
        text = t("journeys.takeaway.capability_one", lang, median=quote(median, lang), cases=base_text(median, lang))
    no_p90 = f.get("journeys.months_no_p90")
    if no_p90 is not None and no_p90.value:
        text += " " + (t("journeys.takeaway.no_p90_shown", lang, n=no_p90.value, count=quote(no_p90, lang),
                         months=quote(months, lang)) if scoped and not said else
                       t("journeys.takeaway.no_p90", lang, n=no_p90.value, count=quote(no_p90, lang)))
    return text


def _slowest(res: JourneysResult, f: dict[str, KeyFigure], lang: str) -> str | None:
    """The slowest service by the median its row of "Case measures by service" shows (the key figure
    ``median_case_days.<service>``, its base the service's cases with a time), over every service that
    table shows — never one whose count it hides (:meth:`~JourneysResult.hidden_groups`), and then the
    superlative says "of the services shown"; "whose median can be estimated yet" when a service shown
    has none (more than half its cases still open).  A service without a line in the chart is said so."""
    log = res.log
    if log is None or "service_id" not in log.cases or not log.cases["service_id"].notna().any():
        return None
    hidden = {str(g) for g in res.hidden_groups("service_id")}
    services = sorted({str(s) for s in log.cases["service_id"].dropna()} - hidden)
    figs = [f[k] for k in (f"journeys.median_case_days.{s}" for s in services) if k in f]
    days = [x for x in figs if x.value is not None]
    if not days:
        return None
    worst = max(days, key=lambda x: (x.value, x.key))
    key = ("journeys.takeaway.capability_by_service_known" if len(days) < len(figs) else
           "journeys.takeaway.capability_by_service_shown" if hidden else "journeys.takeaway.capability_by_service")
    text = t(key, lang, service=named_service(res, worst.item, lang), days=quote(worst, lang),
             cases=base_text(worst, lang))
    _, drawn, rest, _ = res.service_capability()
    if worst.item not in drawn and worst.item not in rest:
        text += " " + t("journeys.takeaway.not_drawn", lang)
    return text


def _takeup(res: JourneysResult, f: dict[str, KeyFigure], lang: str) -> str | None:
    shares = [x for k, x in f.items() if k.startswith("journeys.digital_share.") and x.value is not None]
    if len(shares) < 2:
        return None
    low = min(shares, key=lambda x: (x.value, x.key))
    high = max(shares, key=lambda x: (x.value, x.key))
    return t("journeys.takeaway.digital_takeup", lang, low=quote(low, lang), high=quote(high, lang),
             low_service=named_service(res, low.item, lang), high_service=named_service(res, high.item, lang))


def takeaways(res: JourneysResult, lang: str) -> dict[str, str]:
    """One marked sentence per chart slug of :func:`svcwork.journeys.present.figures`: what it shows."""
    f = figures_of(res)
    out: dict[str, str | None] = {}
    if res.journeys_available:
        for i, (name, _) in enumerate(res.journey_steps(), start=1):
            pains = f[f"journeys.journey_pains.{i}"]
            out[f"journey_map_{i}"] = (
                t("journeys.takeaway.journey_map", lang, journey=quoted(name, lang),
                  pains=_count(pains, "journeys.phrase.pains", lang)) if pains.value else
                t("journeys.takeaway.journey_map_none", lang, journey=quoted(name, lang)))
    log = res.log
    if log is not None:
        top = f.get("journeys.top_path_share")
        if log.per_event and "journeys.paths" in f:
            out["process_map"] = (t("journeys.takeaway.process_map", lang, share=quote(top, lang),
                                    cases=base_text(top, lang)) if top is not None else
                                  t("journeys.takeaway.process_map_spread", lang))  # too few cases on any path
            k, share = f.get("journeys.paths_shown"), f.get("journeys.paths_shown_share")
            if k is not None and share is not None:
                out["variants"] = t("journeys.takeaway.variants", lang, n=k.value, k=quote(k, lang),
                                    share=quote(share, lang), cases=base_text(share, lang))
            out["handoff_matrix"] = _handoffs(f, lang, "journeys.takeaway.handoff_matrix")
        out["capability"] = _capability(res, f, lang)
        out["capability_by_service"] = _slowest(res, f, lang)
    if res.parity is not None:
        out["channel_parity"] = _digital(res, f, lang)
        out["digital_takeup"] = _takeup(res, f, lang)
    return {k: v for k, v in out.items() if v}


# =========================================================================== methods
def methods(res: JourneysResult, lang: str) -> list[str]:
    """The methods behind the section's numbers — definitions, parameters, estimators, references —
    for the report's methods appendix (plain text; the body says it plainly)."""
    out: list[str] = []
    log = res.log
    if log is not None:
        cases = log.cases
        as_of = fmt_date(log.as_of, lang)
        out.append(t("journeys.method.log", lang, events=fmt_number(log.n_events, lang),
                     cases=fmt_number(log.n_cases, lang), as_of=as_of))
        if not log.closure_known:
            out.append(t("journeys.method.no_closure", lang))
        elif log.end_activities:
            out.append(t("journeys.method.closure", lang, activities=", ".join(quoted(a, lang) for a in log.end_activities)))
        else:
            out.append(t("journeys.method.closure_outcome", lang))
        if log.closure_known:
            out.append(t("journeys.method.km", lang, as_of=as_of))
        out.append(t("journeys.method.deadline", lang, own=fmt_number(int(cases["own_deadline"].sum()), lang),
                     days=fmt_number(res.sla_days, lang), pending=fmt_number(int(cases["pending"].sum()), lang)))
        if log.repeats.rate is not None:
            out.append(t("journeys.method.contact", lang, days=fmt_number(res.repeat_contact_days, lang)))
        if log.per_event:
            ideal = t("journeys.ideal.given" if res.ideal_path else "journeys.ideal.assumed", lang)
            out.append(t("journeys.method.paths", lang, share=fmt_percent(res.edge_share, lang, digits=1),
                         size=fmt_number(res.min_group_size, lang), ideal=ideal))
            if log.units_known:
                out.append(t("journeys.method.handoffs", lang))
            out.append(t("journeys.method.response", lang,
                         activities=", ".join(quoted(a, lang) for a in log.response_activities))
                       if log.response_activities else t("journeys.method.response_proxy", lang))
        out.append(t("journeys.method.intervals", lang))
    out.append(t("journeys.method.privacy", lang, size=fmt_number(res.min_group_size, lang)))
    return out
