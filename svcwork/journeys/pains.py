"""Pain points of the Journey sheet: which number of the case log backs each, and the list of them.

A pain point's words choose the metric (hand-offs, rework, repeat contact, open cases, missed
deadlines); the number is quoted only when it is large enough to show (``min_group_size``), and never
for the cases of a service whose case count the report hides (:func:`pain_callouts`).
:func:`pain_points` lists the texts for the action-plan check of :mod:`svcwork.management`.
"""

from __future__ import annotations

import re
from typing import Collection

import pandas as pd

from ..errors import AnalysisError
from ..i18n import t
from ..intake import Engagement
from ..schema import normalize_name
from ._base import blank

__all__ = ["PAIN_KINDS", "pain_kind", "journey_cases", "pain_callouts", "pain_points"]

PAIN_KINDS = (  # (metric, pattern): the first match decides which number of the case log backs a pain point
    ("handoff", re.compile(r"hand[- ]?off|transfer|pass(?:ed|es)? (?:on|between)|bounc|referr|between units|"
                           r"back and forth|ping|העבר|מועבר|עובר בין|עוברת בין|הלוך ושוב|בין יחידות|פינג", re.I)),
    ("rework", re.compile(r"rework|resubmi|missing doc|several rounds|restart|start(?:s)? again|correct|"
                          r"תיקון|השלמת|מסמכים חסרים|הגשה מחדש|סבבים|חוזרת לתחילת|מתחיל מחדש", re.I)),
    ("repeat", re.compile(r"repeat|call(?:s|ed)? (?:back|again)|chas|follow[- ]?up|contact again|no update|"
                          r"פנייה חוזרת|פניות חוזרות|לחזור|שוב|מעקב|אין עדכון", re.I)),
    ("open", re.compile(r"never closed|not closed|unresolved|not resolved|no answer|no reply|"
                        r"לא נסגר|לא נפתר|ללא מענה|אין מענה", re.I)),
    ("sla", re.compile(r"wait|slow|late|delay|deadline|weeks|days|months|"
                       r"המתנה|ממתינ|איחור|עיכוב|מתעכב|יעד|שבועות|ימים|חודשים", re.I)),
)
#: At a real-time touchpoint (a call, a visit) a wait is a queue, not the case's resolution time: the
#: deadline numbers back it only when the text speaks of days or weeks.
QUEUE_CHANNELS = ("phone", "counter", "chat", "kiosk")
LONG_WAIT = re.compile(r"deadline|weeks|days|months|decision|יעד|שבועות|ימים|חודשים|החלטה|ועדה", re.I)


def journey_cases(name: str, services: pd.DataFrame, cases: pd.DataFrame | None) -> pd.DataFrame | None:
    """The cases a journey's pain points may quote: its service's cases when the journey is named after
    a service (its id or name, or a name contained in the other); the whole log only when the log does
    not tell services apart."""
    if cases is None:
        return None
    sids = cases["service_id"].dropna().astype(str)
    key = normalize_name(name)
    match = None
    if not services.empty:
        names = [(str(sid), normalize_name(sid), "" if blank(sn) else normalize_name(sn))
                 for sid, sn in zip(services["service_id"], services.get("service_name", services["service_id"]))]
        exact = [sid for sid, nid, nn in names if key in (nid, nn)]
        # else the service whose name shares most words with the journey's (substrings, so that Hebrew
        # prefixes do not matter): "בקשה להנחה בארנונה" is the journey of the service "הנחה בארנונה"
        near = []
        for sid, _, nn in names:
            sw, jw = re.findall(r"\w{3,}", nn), re.findall(r"\w{3,}", key)
            if not sw or not jw:
                continue
            a, b = sum(w in key for w in sw), sum(w in nn for w in jw)
            score = max(a / len(sw), b / len(jw))
            if score >= 0.5 and max(a, b) >= min(2, len(sw)):
                near.append((score, len(nn), sid))
        near.sort(reverse=True)
        match = exact[0] if exact else (near[0][2] if near else None)
    if match is not None and (sids == match).any():
        return cases.loc[cases["service_id"].astype(str) == match]
    if sids.nunique() <= 1:
        return cases
    return None


def pain_kind(text: object, cases: pd.DataFrame | None, *, min_size: int,
               channel: object = None) -> tuple[str, int, int] | None:
    """(metric, count, total) from the case log that backs a pain point, or None.

    The pain point's words choose the metric (hand-offs, rework, repeat contact, open cases, missed
    deadlines); the number is quoted only when both the count and the total reach ``min_size``.
    """
    if cases is None or not len(cases) or blank(text):
        return None
    for kind, pattern in PAIN_KINDS:
        if not pattern.search(str(text)):
            continue
        if kind == "sla" and channel in QUEUE_CHANNELS and not LONG_WAIT.search(str(text)):
            return None
        if kind == "sla":
            mask = cases["sla_breach"].dropna().astype(bool)  # pending cases are not decided yet
        elif kind == "handoff":
            mask = cases["handoffs"].dropna() > 0
        elif kind == "rework":
            mask = cases["rework"].dropna().astype(bool)
        elif kind == "repeat":
            mask = cases["repeat"].dropna().astype(bool)
        else:
            mask = ~cases["closed"].dropna().astype(bool)
        total, count = len(mask), int(mask.sum())
        if total >= min_size and count >= min_size:
            return kind, count, total
        return None
    return None


def pain_callouts(journey: pd.DataFrame, services: pd.DataFrame, cases: pd.DataFrame | None, *,
                  min_size: int, hidden_services: Collection[object] = ()
                  ) -> dict[tuple[str, int], tuple[str, int, int]]:
    """``{(journey, step): (metric, count, total)}`` for each pain point of the Journey sheet that the
    case log backs (:func:`pain_kind` on the cases of the journey's service, :func:`journey_cases`).

    A journey whose cases are those of a service in *hidden_services* (the services whose case count
    the report hides, :meth:`JourneysResult.hidden_groups`) gets no number: its total would be that
    count.  Its pain points keep their evidence from the Journey sheet (e.g. "data-backed")."""
    callouts: dict[tuple[str, int], tuple[str, int, int]] = {}
    if not len(journey) or cases is None or "pain_point" not in journey:
        return callouts
    hidden = {str(g) for g in hidden_services}
    for name in dict.fromkeys(journey["journey"].astype(str)):
        jc = journey_cases(name, services, cases)
        if jc is not None and hidden and jc["service_id"].dropna().astype(str).isin(hidden).any():
            continue  # the cases of a hidden service (or a log of one service only, hidden): no count of it
        rows = journey.loc[journey["journey"].astype(str) == name, ["step", "pain_point", "channel"]]
        for step, pain, channel in rows.itertuples(index=False):
            got = pain_kind(pain, jc, min_size=min_size, channel=channel)
            if got is not None:
                callouts[(name, int(step))] = got
    return callouts


def pain_points(engagement: Engagement) -> list[str]:
    """The Journey sheet's pain points as short texts, for the action-plan check of management.

    Journeys in the order they first appear, steps in ascending order; blank cells skipped;
    each text once (case and spacing ignored, the first spelling kept).  These are the
    ``pain_points`` that :func:`svcwork.management.findings_without_action` looks for in the
    Actions sheet.  ``[]`` when the Journey sheet is empty.
    """
    if not isinstance(engagement, Engagement):
        raise AnalysisError(t("journeys.error.not_engagement", "en", found=type(engagement).__name__))
    j = engagement.table("Journey")
    if j.empty or "pain_point" not in j.columns:
        return []
    order = pd.factorize(j["journey"].astype("string").fillna(""), sort=False)[0]
    j = j.assign(_journey=order).sort_values(["_journey", "step"], kind="stable", na_position="last")
    seen: dict[str, str] = {}
    for text in j["pain_point"]:
        if blank(text):
            continue
        clean = " ".join(str(text).split())
        seen.setdefault(normalize_name(clean), clean)
    return list(seen.values())
