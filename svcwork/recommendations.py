"""The consultant's recommendations, each with the evidence the data gives for it.

The intake form's optional Recommendations sheet (:mod:`svcwork.schema`) holds what the consultant
recommends — the recommendation, its rationale, owner, horizon (a term or a wave of the roadmap)
and priority — and what it rests on, by id: a service, a KPI, a journey (and one of its steps) and
the action of the Actions sheet that carries it out.  The loader checks the links (an id that does
not exist is an error with its sheet, row and column, by the same rule as the Actions sheet's links)
and warns of a recommendation no action carries out.

This module is pure: it reads the loaded engagement and the run's ``summary.json`` and writes no
file.

* :func:`recommendations` — the sheet as :class:`Recommendation` records, each link resolved
  against the intake (names, the journey's pain points, the action's status and due date);
* :func:`evidence` — the sentences the data gives for one recommendation, by its links: the
  service's rank, wave, case time and satisfaction; the KPI's last value against its target and
  its control-chart reading; the journey's pain points; the linked action's status and due date.
  Every number is a key figure of the run's registry (``summary.json``'s ``key_figures``) quoted
  with its marker (:func:`svcwork.keyfigures.quote`); no sentence computes a number of its own —
  the only other digits are identifiers, dates, periods and wave labels;
* :func:`flags` — one sentence per recommendation without an action;
* :func:`chapter` — everything the report's recommendations chapter shows, in one mapping;
  :func:`table` — the recommendations as a table (results workbook).

The messages are the catalogue's ``recommendations.*`` (:mod:`svcwork.i18n.recommendations`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import pandas as pd

from .i18n import CATALOGUE, fmt_date, fmt_period, t
from .keyfigures import KeyFigure, base_text, from_records, plain, quote
from .schema import ENUMS, normalize_name

__all__ = ["Recommendation", "Links", "LinkedStep", "LinkedAction", "recommendations", "evidence", "flags", "chapter",
           "table", "meta", "horizon_label", "priority_label"]

#: Ranks named by an ordinal word ("ranks second of 12 services"); a lower rank is placed against the
#: top N of the prioritisation, whose number is a key figure (``prioritize.top_n``).
ORDINAL_RANKS = 3

#: Pain points of a journey named when a recommendation links the whole journey (in step order).
JOURNEY_PAINS_NAMED = 3


@dataclass(frozen=True)
class LinkedStep:
    """The journey step a recommendation names, as the Journey sheet describes it."""

    step: int
    stage: str | None = None
    touchpoint: str | None = None
    pain_point: str | None = None
    moment_of_truth: bool = False
    emotion: int | None = None


@dataclass(frozen=True)
class LinkedAction:
    """The action of the Actions sheet that carries a recommendation out; ``overdue`` as the management
    section counts it (still open or in progress after its due date, at the report date)."""

    action_id: str
    action: str | None = None
    owner: str | None = None
    status: str | None = None
    due_date: dt.date | None = None
    overdue: bool = False


@dataclass(frozen=True)
class Links:
    """What a recommendation rests on, by id, each resolved against the intake: the service and KPI
    with their names, the journey as the Journey sheet names it with its step (``step``) and its pain
    points in step order, and the action that carries it out (``action``)."""

    service_id: str | None = None
    service_name: str | None = None
    kpi_id: str | None = None
    kpi_name: str | None = None
    journey: str | None = None
    journey_step: int | None = None
    step: LinkedStep | None = None
    pain_points: tuple[str, ...] = ()
    action_id: str | None = None
    action: LinkedAction | None = None


@dataclass(frozen=True)
class Recommendation:
    """One row of the Recommendations sheet.

    ``horizon`` is ``short``/``medium``/``long``, ``wave N`` or the consultant's own words
    (:func:`horizon_label` says it in a language); ``priority`` is ``high``/``medium``/``low`` or None;
    ``has_action`` is False when no action of the Actions sheet carries it out (:func:`flags`) — also
    when its linked action is cancelled (``links.action`` keeps it, so the evidence can name it).
    """

    rec_id: str
    recommendation: str
    rationale: str | None
    owner: str | None
    horizon: str | None
    priority: str | None
    links: Links
    has_action: bool

    @property
    def wave(self) -> int | None:
        """The wave of the roadmap the horizon names, if it names one."""
        m = re.fullmatch(r"wave (\d+)", self.horizon or "")
        return int(m.group(1)) if m else None


# ----------------------------------------------------------------------------- reading the sheet
def _text(value: Any) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def _int(value: Any) -> int | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return int(value)


def _names(frame: pd.DataFrame, key: str, name: str) -> dict[str, str]:
    if key not in frame.columns or name not in frame.columns:
        return {}
    return {str(k).casefold(): str(v) for k, v in zip(frame[key], frame[name]) if _text(k) and _text(v)}


def _report_date(engagement: Any, summary: Mapping[str, Any] | None) -> dt.date:
    try:
        return dt.date.fromisoformat(str((summary or {}).get("report_date")))
    except ValueError:
        return engagement.settings.period_end


def _actions(engagement: Any, report_date: dt.date) -> dict[str, LinkedAction]:
    frame = engagement.table("Actions")
    out = {}
    for rec in frame.to_dict("records"):
        aid = _text(rec.get("action_id"))
        if aid is None:
            continue
        due = rec.get("due_date")
        due = None if due is None or pd.isna(due) else pd.Timestamp(due).date()
        status = _text(rec.get("status"))
        out[aid.casefold()] = LinkedAction(aid, _text(rec.get("action")), _text(rec.get("owner")), status, due,
                                           bool(status in ("open", "in progress") and due is not None
                                                and due < report_date))
    return out


def _journeys(engagement: Any) -> dict[str, tuple[str, list[dict]]]:
    """Normalised journey name -> (the name as the Journey sheet writes it, its steps in order)."""
    frame = engagement.table("Journey")
    out: dict[str, tuple[str, list[dict]]] = {}
    if frame.empty:
        return out
    for rec in frame.sort_values(["step"], kind="stable").to_dict("records"):
        name = _text(rec.get("journey"))
        if name is not None:
            out.setdefault(normalize_name(name), (name, []))[1].append(rec)
    return out


def _step(rec: Mapping[str, Any]) -> LinkedStep:
    moment = rec.get("moment_of_truth")
    return LinkedStep(int(rec["step"]), _text(rec.get("stage")), _text(rec.get("touchpoint")), _text(rec.get("pain_point")),
                      moment == "yes", _int(rec.get("emotion")))


def recommendations(engagement: Any, summary: Mapping[str, Any] | None = None) -> tuple[Recommendation, ...]:
    """The Recommendations sheet of *engagement* in the consultant's order, each link resolved
    (:class:`Links`); empty when the sheet is absent or empty.

    *summary* (``summary.json``) gives the report date for "overdue" (its ``report_date``); without
    it, the engagement's ``period_end`` — the date the management section uses.
    """
    tables = getattr(engagement, "tables", {})
    if "Recommendations" not in tables:
        return ()
    frame = engagement.table("Recommendations")
    if frame.empty:
        return ()
    services = _names(engagement.table("Services"), "service_id", "service_name")
    kpis = _names(engagement.table("KPIs"), "kpi_id", "kpi_name")
    journeys = _journeys(engagement)
    actions = _actions(engagement, _report_date(engagement, summary))
    out = []
    for rec in frame.to_dict("records"):
        sid, kid, aid = _text(rec.get("service_id")), _text(rec.get("kpi_id")), _text(rec.get("action_id"))
        journey, step_no = _text(rec.get("journey")), _int(rec.get("journey_step"))
        named, steps = journeys.get(normalize_name(journey), (journey, [])) if journey else (None, [])
        step = next((_step(s) for s in steps if step_no is not None and int(s["step"]) == step_no), None)
        pains = tuple(p for p in (_text(s.get("pain_point")) for s in steps) if p)
        action = actions.get(aid.casefold()) if aid else None
        links = Links(sid, services.get(sid.casefold()) if sid else None, kid, kpis.get(kid.casefold()) if kid else None,
                      named, step_no, step, pains, action.action_id if action else aid, action)
        priority = _text(rec.get("priority"))
        out.append(Recommendation(str(_text(rec.get("rec_id")) or ""), str(_text(rec.get("recommendation")) or ""),
                                  _text(rec.get("rationale")), _text(rec.get("owner")), _text(rec.get("horizon")),
                                  priority if priority in ENUMS["priority"].keys else None, links,
                                  action is not None and action.status != "cancelled"))
    return tuple(out)


# ----------------------------------------------------------------------------- words
def horizon_label(horizon: str | None, lang: str) -> str | None:
    """A horizon as *lang* says it: "short term"/"טווח קצר", "wave 2"/"גל 2", else as written."""
    if horizon is None:
        return None
    if horizon in ENUMS["horizon"].keys:
        return ENUMS["horizon"].label(horizon, lang)
    m = re.fullmatch(r"wave (\d+)", horizon)
    return t("recommendations.horizon.wave", lang, wave=int(m.group(1))) if m else horizon


def priority_label(priority: str | None, lang: str) -> str | None:
    """A priority as *lang* says it ("high"/"גבוהה")."""
    return ENUMS["priority"].label(priority, lang) if priority in ENUMS["priority"].keys else None


def _quoted(text: str, lang: str) -> str:
    return t("recommendations.quote", lang, text=text)


def _named(code: str, name: str | None, lang: str) -> str:
    return t("recommendations.named", lang, id=code, name=name) if name else code


def meta(rec: Recommendation, lang: str) -> str:
    """One line of what the consultant set: priority, horizon, owner and action ("Priority: high · …")."""
    parts = [t(f"recommendations.meta.{name}", lang, value=value) for name, value in (
        ("priority", priority_label(rec.priority, lang)), ("horizon", horizon_label(rec.horizon, lang)),
        ("owner", rec.owner), ("action", rec.links.action_id if rec.has_action else None)) if value]
    return t("recommendations.meta.sep", lang).join(parts)


# ----------------------------------------------------------------------------- the evidence
def _service(rec: Recommendation, figs: Mapping[str, KeyFigure], summary: Mapping[str, Any], lang: str) -> list[str]:
    sid = rec.links.service_id
    if not sid:
        return []
    service = _named(sid, rec.links.service_name, lang)
    out: list[str] = []
    priorities = [p for p in summary.get("priorities") or [] if isinstance(p, Mapping)]
    if priorities:  # the prioritisation ran (and is in the report)
        p = next((p for p in priorities if str(p.get("service_id")) == sid), None)
        score, services, top = (figs.get(k) for k in (f"prioritize.score.{sid}", "prioritize.services", "prioritize.top_n"))
        if p is None or p.get("rank") is None or score is None or services is None:
            out.append(t("recommendations.evidence.service_unranked", lang, service=service))
        else:
            rank = int(p["rank"])
            values = dict(service=service, score=quote(score, lang), services=quote(services, lang), n=services.value)
            rank_figure = figs.get(f"prioritize.rank.{sid}")
            if rank_figure is not None and rank_figure.value is not None:
                out.append(t("recommendations.evidence.service_rank", lang, rank=quote(rank_figure, lang), **values))
            elif rank <= ORDINAL_RANKS:
                out.append(t("recommendations.evidence.service_ordinal", lang,
                             ordinal=t(f"recommendations.ordinal.{rank}", lang), **values))
            elif top is not None and top.value is not None:
                key = "service_top" if rank <= top.value else "service_below"
                out.append(t(f"recommendations.evidence.{key}", lang, top=quote(top, lang), **values))
            p_top = figs.get(f"prioritize.p_top.{sid}")
            if (top is not None and top.value is not None and rank <= top.value and p_top is not None
                    and p_top.value is not None and p_top.base):
                out.append(t("recommendations.evidence.service_robust", lang, top=quote(top, lang),
                             share=quote(p_top, lang), samples=base_text(p_top, lang)))
            out += _wave(rec, p, summary, lang)
    days = figs.get(f"journeys.median_case_days.{sid}")
    if days is not None and days.value is not None and days.base:
        out.append(t("recommendations.evidence.service_days", lang, days=quote(days, lang), n=days.shown(lang),
                     cases=base_text(days, lang)))
    satisfied = figs.get(f"measures.satisfaction.{sid}")
    if satisfied is not None and satisfied.value is not None and satisfied.base:
        out.append(t("recommendations.evidence.service_satisfied", lang, share=quote(satisfied, lang),
                     respondents=base_text(satisfied, lang)))
    return out


def _wave(rec: Recommendation, p: Mapping[str, Any], summary: Mapping[str, Any], lang: str) -> list[str]:
    """Where the roadmap puts the service, and whether the recommendation's horizon says the same."""
    sid = rec.links.service_id
    wave = p.get("wave")
    wave_1 = summary.get("wave_1")
    if isinstance(wave_1, list) and sid in {str(s) for s in wave_1}:
        wave = 1
    out = []
    if isinstance(wave, int) and not isinstance(wave, bool):
        out.append(t("recommendations.evidence.service_wave", lang, wave=wave))
        if rec.wave is not None and rec.wave != wave:
            out.append(t("recommendations.evidence.horizon_differs", lang, horizon=rec.wave, wave=wave))
    elif p.get("deferred_reason"):
        code = str(p["deferred_reason"])
        key = f"prioritize.reason_code.{code}"
        out.append(t("recommendations.evidence.service_deferred", lang,
                     reason=t(key, lang) if key in CATALOGUE else code))
    return out


def _kpi(rec: Recommendation, figs: Mapping[str, KeyFigure], summary: Mapping[str, Any], lang: str) -> list[str]:
    kid = rec.links.kpi_id
    rows = summary.get("kpis")
    if not kid or not isinstance(rows, list):  # no KPI, or the measures section did not run
        return []
    kpi = _named(kid, rec.links.kpi_name, lang)
    row = next((r for r in rows if isinstance(r, Mapping) and str(r.get("kpi_id")) == kid), None)
    last = figs.get(f"measures.kpi_last.{kid}")
    if row is None or last is None or last.value is None:
        return [t("recommendations.evidence.kpi_no_values", lang, kpi=kpi)]
    target = figs.get(f"measures.kpi_target.{kid}")
    met = row.get("met")
    values = dict(kpi=kpi, last=quote(last, lang))
    if met is False and target is not None:
        out = [t("recommendations.evidence.kpi_missed", lang, target=quote(target, lang), **values)]
    elif met is True and target is not None:
        out = [t("recommendations.evidence.kpi_met", lang, target=quote(target, lang), **values)]
    else:
        out = [t("recommendations.evidence.kpi_last", lang, **values)]
    status = row.get("status")
    periods = [str(s.get("period")) for s in row.get("signals") or [] if isinstance(s, Mapping) and s.get("period")]
    latest = fmt_period(max(periods), lang) if periods else "—"
    level = figs.get(f"measures.kpi_new_level.{kid}")
    if status == "improved" and row.get("shift_period") and level is not None and level.value is not None:
        out.append(t("recommendations.evidence.kpi_improved_level", lang, period=fmt_period(row["shift_period"], lang),
                     level=quote(level, lang)))
    elif status in ("improved", "deteriorated", "unstable"):
        out.append(t(f"recommendations.evidence.kpi_{status}", lang, period=latest))
    elif status == "stable":
        out.append(t("recommendations.evidence.kpi_stable_missed" if met is False else "recommendations.evidence.kpi_stable",
                     lang))
    return out


def _journey(rec: Recommendation, figs: Mapping[str, KeyFigure], lang: str) -> list[str]:
    name = rec.links.journey
    if not name:
        return []
    journey = _quoted(name, lang)
    out = []
    pains = next((f for k, f in sorted(figs.items()) if k.startswith("journeys.journey_pains.")
                  and f.item is not None and normalize_name(f.item) == normalize_name(name)), None)
    if pains is not None and pains.value is not None:
        out.append(t("recommendations.evidence.journey_pains", lang, journey=journey, pains=quote(pains, lang),
                     n=pains.value) if pains.value else
                   t("recommendations.evidence.journey_no_pains", lang, journey=journey))
    step = rec.links.step
    if step is not None:
        values = dict(touchpoint=_quoted(step.touchpoint or "—", lang), stage=step.stage or "—")
        out.append(t("recommendations.evidence.step_pain", lang, pain=_quoted(step.pain_point, lang), **values)
                   if step.pain_point else t("recommendations.evidence.step_no_pain", lang, **values))
        if step.moment_of_truth:
            out.append(t("recommendations.evidence.step_moment", lang))
        if step.emotion is not None and step.emotion < 0:
            out.append(t("recommendations.evidence.step_feeling_" + ("very_negative" if step.emotion <= -2 else "negative"),
                         lang))
    elif rec.links.pain_points:
        named = "; ".join(_quoted(p, lang) for p in rec.links.pain_points[:JOURNEY_PAINS_NAMED])
        out.append(t("recommendations.evidence.journey_examples", lang, pains=named))
    return out


def _action(rec: Recommendation, summary: Mapping[str, Any], lang: str) -> list[str]:
    a = rec.links.action
    if a is None:
        return [t("recommendations.evidence.no_action", lang)]
    status = (a.status or "open").replace(" ", "_")
    values = dict(action=a.action_id, text=_quoted(a.action or "—", lang), owner=a.owner or "—",
                  status=t(f"recommendations.status.{status}", lang) if f"recommendations.status.{status}" in CATALOGUE
                  else a.status, due=fmt_date(a.due_date, lang) if a.due_date else "—")
    if a.status == "cancelled":
        return [t("recommendations.evidence.action_cancelled", lang, **values)]
    if a.overdue:
        try:
            date = fmt_date(dt.date.fromisoformat(str(summary.get("report_date"))), lang)
        except ValueError:
            date = "—"
        return [t("recommendations.evidence.action_overdue", lang, date=date, **values)]
    return [t("recommendations.evidence.action", lang, **values)]


def evidence(rec: Recommendation, figures: Mapping[str, KeyFigure] | None, summary: Mapping[str, Any],
             lang: str) -> list[str]:
    """The sentences the data gives for *rec*, by its links, in *lang* (with figure markers).

    In order: the service (rank by priority score, how robust a top rank is over the weight samples,
    its wave — and whether the recommendation's horizon names another —, its median case time and its
    share of satisfied respondents); the KPI (last value against the target, the control chart's
    reading); the journey (its pain points, or the named step's pain point, moment of truth and
    feeling); the action that carries it out (status, due date, overdue) or that none does.

    *figures* is the run's registry (``from_records(summary["key_figures"])``; None: built from
    *summary*); every number is one of its figures quoted with its marker — :func:`svcwork.keyfigures.plain`
    gives the text without markers.  What a section did not measure (or was not asked for) is left out.
    """
    figs = from_records(summary.get("key_figures") or {}) if figures is None else figures
    return [*_service(rec, figs, summary, lang), *_kpi(rec, figs, summary, lang), *_journey(rec, figs, lang),
            *_action(rec, summary, lang)]


def flags(engagement: Any, lang: str) -> list[str]:
    """One sentence per recommendation that no action of the Actions sheet carries out, in sheet order."""
    return [t("recommendations.flag", lang, rec=r.rec_id, text=_quoted(r.recommendation, lang))
            for r in recommendations(engagement) if not r.has_action]


def chapter(engagement: Any, summary: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """What the report's recommendations chapter shows, in *lang*: ``title``, ``items`` (one per
    recommendation: ``rec_id``, ``recommendation``, ``rationale``, ``owner``, ``horizon``,
    ``priority`` (labels), ``meta`` (:func:`meta`), ``evidence`` (marked sentences), ``has_action``),
    ``evidence_title``, ``rationale_title``, ``flag_title`` and ``flags`` (:func:`flags`); ``items`` is
    empty (and ``none`` says so) when the intake has no recommendation."""
    figs = from_records(summary.get("key_figures") or {})
    recs = recommendations(engagement, summary)
    items = [{"rec_id": r.rec_id, "recommendation": r.recommendation, "rationale": r.rationale, "owner": r.owner,
              "horizon": horizon_label(r.horizon, lang), "priority": priority_label(r.priority, lang),
              "meta": meta(r, lang), "evidence": evidence(r, figs, summary, lang), "has_action": r.has_action}
             for r in recs]
    return {"title": t("recommendations.title", lang), "items": items,
            "evidence_title": t("recommendations.evidence_title", lang),
            "rationale_title": t("recommendations.rationale_title", lang),
            "flag_title": t("recommendations.flag_title", lang),
            "flags": [t("recommendations.flag", lang, rec=r.rec_id, text=_quoted(r.recommendation, lang))
                      for r in recs if not r.has_action],
            "none": None if recs else t("recommendations.none", lang)}


def table(recs: Iterable[Recommendation], lang: str, *, figures: Mapping[str, KeyFigure] | None = None,
          summary: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """The recommendations as a table with headers in *lang* (``recommendations.col.*``); with
    *summary*, a column of the evidence as plain text."""
    rows = []
    for r in recs:
        row = {"rec_id": r.rec_id, "recommendation": r.recommendation, "rationale": r.rationale, "owner": r.owner,
               "horizon": horizon_label(r.horizon, lang), "priority": priority_label(r.priority, lang),
               "action_id": r.links.action_id if r.has_action else None}
        if summary is not None:
            row["evidence"] = " ".join(plain(s) for s in evidence(r, figures, summary, lang))
        rows.append(row)
    columns = ["rec_id", "recommendation", "rationale", "owner", "horizon", "priority", "action_id"]
    columns += ["evidence"] if summary is not None else []
    frame = pd.DataFrame(rows, columns=columns).astype("string")
    return frame.rename(columns={c: t(f"recommendations.col.{c}", lang) for c in columns})
