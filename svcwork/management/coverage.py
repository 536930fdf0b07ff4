"""Which findings of the other analyses the action plan answers: by ids, never by words.

A :class:`Finding` (a journey pain point, a KPI off target or signalling in its bad direction, a
weak survey driver, a low observation item, a reviewed event) carries the ids that name it: its
journey and step, its ``kpi_id``, its survey item, its observation item, its ``lesson_id``, its
service.  An action answers it when the action is not cancelled and names one of those ids in the
Actions sheet's link columns (``journey`` and ``journey_step``, ``kpi_id``, ``survey_item``,
``observation_item``, ``lesson``, ``service_id``).  That is the only thing counted as coverage.

Words may only *suggest* a link: an action whose ``finding`` or ``action`` text mentions the
finding (its text, or another name of the same skill, survey item or KPI), or shares most of its
words, is listed as a suggestion for the consultant to confirm by filling in the link column —
it never makes the finding covered.  The word overlap is the overlap coefficient of the two sets
of content words (Szymkiewicz–Simpson: |A ∩ B| / min(|A|, |B|); Vijaymeena & Kavitha 2016,
*Machine Learning and Applications* 3(2):19, §2.2.4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd

from ..common import is_blank, require_columns
from ..errors import AnalysisError
from ..i18n import t
from ..schema import ENUMS, normalize_name, skill_key
from ._base import _text
from .items import _finding_aliases, survey_item_key

__all__ = ["Finding", "LINK_COLUMNS", "findings_without_action", "resolve_findings", "SUGGEST_OVERLAP"]

#: The Actions sheet's columns that link an action to the finding it answers.
LINK_COLUMNS = ("service_id", "kpi_id", "journey", "journey_step", "survey_item", "observation_item", "lesson")

#: Two texts suggest a link when their content words overlap this much (overlap coefficient).
SUGGEST_OVERLAP = 0.6

#: The kinds of finding, in the order the report lists them.
KINDS = ("pain_point", "kpi_signal", "low_item", "driver", "lesson", "service")

_Ref = tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Finding:
    """A finding the action plan should answer, and the ids an action names to answer it.

    ``refs`` is a tuple of alternatives; each alternative is a tuple of ``(link column, id)``
    pairs an action must all name (a journey step is ``(("journey", name), ("journey_step", n))``;
    an action naming the journey without a step answers every step of it).  ``ref`` is the id as
    the report shows it (``N04``, ``Applying for a premises licence, step 6``).  A finding
    without refs (a plain text) can only be suggested, never covered.
    """

    kind: str
    text: str
    refs: tuple[_Ref, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise AnalysisError(t("management.error.finding_kind", "en", found=repr(self.kind),
                                  expected=", ".join(KINDS)))

    def __str__(self) -> str:
        return self.text

    @property
    def ids(self) -> list[str]:
        """Each alternative id as text (``N04``; a journey step as ``journey · step``)."""
        return [" · ".join(str(v) for _, v in ref) for ref in self.refs]

    @classmethod
    def pain_point(cls, text: str, steps: Iterable[tuple[str, int]]) -> Finding:
        """A journey pain point, named by the journey steps where it hurts."""
        return cls("pain_point", text, tuple((("journey", j), ("journey_step", int(s))) for j, s in steps))

    @classmethod
    def kpi(cls, text: str, kpi_id: str) -> Finding:
        """A KPI off target or signalling in its bad direction, named by its ``kpi_id``."""
        return cls("kpi_signal", text, ((("kpi_id", kpi_id),),))

    @classmethod
    def driver(cls, item: str) -> Finding:
        """A survey item (key driver) in the "concentrate here" quadrant, named by its key."""
        return cls("driver", item, ((("survey_item", item),),))

    @classmethod
    def observation(cls, item: str) -> Finding:
        """A low or falling observation item, named by the item."""
        return cls("low_item", item, ((("observation_item", item),),))

    @classmethod
    def lesson(cls, text: str, lesson_id: str) -> Finding:
        """A reviewed event, named by its ``lesson_id``."""
        return cls("lesson", text, ((("lesson", lesson_id),),))

    @classmethod
    def service(cls, text: str, service_id: str) -> Finding:
        """A finding about a service as a whole, named by its ``service_id``."""
        return cls("service", text, ((("service_id", service_id),),))


def _key(column: str, value: object) -> object:
    """A link value as it is compared: ids and names case- and spacing-blind, items by their key."""
    if is_blank(value):
        return None
    if column == "journey_step":
        try:
            return int(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
    if column == "observation_item":
        return skill_key(value) or normalize_name(value)
    if column == "survey_item":
        return survey_item_key(value) or normalize_name(value)
    return normalize_name(value)


def _names(actions: pd.DataFrame, ref: _Ref) -> pd.Series:
    """Whether each action names *ref* (all its pairs; a blank step names every step of the journey)."""
    hit = pd.Series(True, index=actions.index)
    for column, value in ref:
        if column not in actions.columns:
            return pd.Series(False, index=actions.index)
        got = actions[column].map(lambda v, c=column: _key(c, v))
        want = _key(column, value)
        if column == "journey_step":
            hit &= got.isna() | (got == want)
        else:
            hit &= got.notna() & (got == want)
    return hit


_WORD = re.compile(r"\w+")
_STOP = frozenset("a an and are as at be by for from in into is it its not of on or the their to with without "
                  "של על את עם אל כי לא גם או אם הוא היא".split())


def _words(text: str) -> set[str]:
    """Content words of *text*, case-folded, with a plural or Hebrew prefix letter taken off."""
    out = set()
    for w in _WORD.findall(normalize_name(text)):
        if w in _STOP or len(w) < 3 or w.isdigit():
            continue
        if w.isascii() and len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        elif not w.isascii() and len(w) > 3 and w[0] in "הבלומשכ":
            w = w[1:]
        out.add(w)
    return out


def overlap(a: str, b: str) -> float:
    """The overlap coefficient of the content words of *a* and *b* (0 when either has none)."""
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def _mentions(alias: str, text: str) -> bool:
    """Whether *text* mentions *alias*: a substring that, when it begins with a Latin letter or
    digit, also begins a word ("ease" is not mentioned by "decrease"; Hebrew prefix letters such
    as ה־ or ב־ before a Hebrew name are allowed, and so are suffixes such as plurals)."""
    if not alias:
        return False
    latin = alias[0].isascii() and alias[0].isalnum()
    start = text.find(alias)
    while start >= 0:
        if not latin or start == 0 or not (text[start - 1].isascii() and text[start - 1].isalnum()):
            return True
        start = text.find(alias, start + 1)
    return False


def _as_finding(kind: str, value: object) -> Finding | None:
    if isinstance(value, Finding):
        return value
    if isinstance(value, Mapping):
        return Finding(str(value.get("kind", kind)), str(value["text"]),
                       tuple(tuple(tuple(p) for p in ref) for ref in value.get("refs", ())))
    if value is None or not str(value).strip():
        return None
    return Finding(kind, str(value).strip())


def findings_without_action(actions: pd.DataFrame, *, pain_points: Sequence[Finding | str] = (),
                            kpi_signals: Sequence[Finding | str] = (), low_items: Sequence[Finding | str] = (),
                            drivers: Sequence[Finding | str] = (), lessons: Sequence[Finding | str] = (),
                            aliases: Mapping[str, Sequence[str]] | None = None) -> pd.DataFrame:
    """Which findings the action plan answers, by the ids its link columns name.

    Each finding is a :class:`Finding` (or a plain text, which has no ids: it can be suggested,
    never covered).  It is ``covered`` when a not-cancelled action names one of its ids in the
    link columns (:data:`LINK_COLUMNS`); ``action_ids`` lists those actions.  ``suggested``
    lists the other not-cancelled actions whose ``finding`` or ``action`` text mentions the
    finding (its text or another name of the same skill, survey item, or *aliases* — e.g. a
    KPI's id for its name) or shares at least :data:`SUGGEST_OVERLAP` of its content words:
    a suggestion to confirm by filling in the link column, never counted as coverage.
    Columns: ``kind``, ``finding``, ``ref`` (the ids, "; "-separated), ``covered``,
    ``action_ids``, ``suggested``.
    """
    require_columns(actions, ("action_id", "action"), "Actions")
    if aliases is not None and not isinstance(aliases, Mapping):
        raise AnalysisError(t("management.error.aliases", "en", found=type(aliases).__name__))
    extra: dict[str, list[str]] = {}
    for k, v in (aliases or {}).items():
        names = [v] if isinstance(v, str) else list(v) if isinstance(v, Iterable) else []
        extra.setdefault(normalize_name(k), []).extend(n for n in names if isinstance(n, str))
    given = {"pain_point": pain_points, "kpi_signal": kpi_signals, "low_item": low_items, "driver": drivers,
             "lesson": lessons}
    for kind, values in given.items():
        if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
            raise AnalysisError(t("management.error.findings_list", "en", kind=kind, found=type(values).__name__))
    status = ENUMS["status"].lookup()
    live_mask = actions["status"].map(lambda s: is_blank(s) or status.get(normalize_name(s)) != "cancelled") \
        if "status" in actions.columns else pd.Series(True, index=actions.index)
    live = actions[live_mask.astype(bool).to_numpy()]
    words = [normalize_name(f"{'' if is_blank(f) else f} \u2016 {'' if is_blank(a) else a}")
             for f, a in zip(live["finding"] if "finding" in live.columns else [None] * len(live), live["action"])]
    ids = _text(live["action_id"]).astype(object).tolist()
    rows, seen = [], set()
    for kind, values in given.items():
        for value in values:
            f = _as_finding(kind, value)
            if f is None or (f.kind, normalize_name(f.text)) in seen:
                continue
            seen.add((f.kind, normalize_name(f.text)))
            hit = pd.Series(False, index=live.index)
            for ref in f.refs:
                hit |= _names(live, ref)
            covering = [i for i, h in zip(ids, hit) if h]
            names = _finding_aliases(f.text, extra.get(normalize_name(f.text), ()))
            suggested = [i for i, tx in zip(ids, words) if i not in covering
                         and (any(_mentions(al, tx) for al in names) or overlap(f.text, tx) >= SUGGEST_OVERLAP)]
            rows.append({"kind": f.kind, "finding": f.text, "ref": "; ".join(f.ids), "covered": bool(covering),
                         "action_ids": ", ".join(map(str, covering)), "suggested": ", ".join(map(str, suggested))})
    return pd.DataFrame(rows, columns=["kind", "finding", "ref", "covered", "action_ids", "suggested"])


def resolve_findings(kind: str, values: Sequence[Finding | str], *, journey: pd.DataFrame | None = None,
                     kpis: pd.DataFrame | None = None, lessons: pd.DataFrame | None = None) -> list[Finding]:
    """Plain-text findings given the ids the intake gives them (:class:`Finding` values kept).

    A pain point gets the Journey sheet's steps with that pain point; a KPI signal the ``kpi_id``
    of the KPI with that id or name; a driver its survey item key; a low observation item its
    item; a lesson the ``lesson_id`` of the event with that text.  A text the intake does not
    name stays a plain finding (suggestions only).
    """
    out: list[Finding] = []
    for value in values:
        f = _as_finding(kind, value)
        if f is None or f.refs:
            out += [f] if f is not None else []
            continue
        norm = normalize_name(f.text)
        if kind == "pain_point" and journey is not None and len(journey) and "pain_point" in journey.columns:
            hit = journey[journey["pain_point"].map(lambda p: not is_blank(p) and normalize_name(p) == norm)]
            f = Finding.pain_point(f.text, zip(hit["journey"], hit["step"])) if len(hit) else f
        elif kind == "kpi_signal" and kpis is not None and len(kpis):
            names = kpis["kpi_name"] if "kpi_name" in kpis.columns else kpis["kpi_id"]
            match = [k for k, n in zip(kpis["kpi_id"], names)
                     if norm in (normalize_name(k), normalize_name(n) if not is_blank(n) else None)]
            f = Finding.kpi(f.text, str(match[0])) if match else f
        elif kind == "driver":
            key = survey_item_key(f.text)
            f = Finding("driver", f.text, ((("survey_item", key),),)) if key else f
        elif kind == "low_item":
            f = Finding("low_item", f.text, ((("observation_item", f.text),),))
        elif kind == "lesson" and lessons is not None and len(lessons) and "lesson_id" in lessons.columns:
            match = [i for i, e in zip(lessons["lesson_id"], lessons["event"])
                     if not is_blank(i) and not is_blank(e) and normalize_name(e) == norm]
            f = Finding.lesson(f.text, str(match[0])) if match else f
        out.append(f)
    return out


def kpi_aliases(kpis: pd.DataFrame | None) -> dict[str, list[str]]:
    """A KPI's id and name name the same finding (an action's text may quote either: a suggestion)."""
    out: dict[str, list[str]] = {}
    if kpis is None or "kpi_id" not in kpis.columns:
        return out
    names = kpis["kpi_name"] if "kpi_name" in kpis.columns else pd.Series([None] * len(kpis), index=kpis.index)
    for kid, name in zip(kpis["kpi_id"], names):
        both = [str(x).strip() for x in (kid, name) if isinstance(x, str) and x.strip()]
        for x in both:
            out.setdefault(x, []).extend(y for y in both if y != x)
    return out
