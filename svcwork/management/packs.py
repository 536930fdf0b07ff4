"""Manager packs: one short page of data per unit manager, and its suggested focus points.

Each pack holds a unit's KPI and survey signals (passed in, see
:func:`svcwork.unit_signals.unit_signals`, else the KPI snapshot), its case figures (passed in,
see :func:`svcwork.unit_signals.unit_cases`), observation items and coaching focus, open and
overdue actions, training change and recurring lessons — all of it already suppressed below
``min_group_size`` and without any employee code.

**Who owns what** is decided by one rule, :class:`Ownership`: a KPI or an action belongs to the
unit named in its own ``unit`` column, else to its owner's unit (the ``Owners`` sheet), else to
its service's unit (the Services sheet); a KPI with none of these belongs, series by series, to
the unit its values are reported for (the ``unit`` of the KPI values sheet).

The focus points are data: a catalogue key (``packs.focus.*``) with the pack's key figures
(:class:`svcwork.keyfigures.KeyFigure`, keys ``packs.<name>.<unit>[.<thing>]``) and a few texts;
:mod:`svcwork.unit_signals` writes them as sentences whose every number is a figure's marker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

import pandas as pd

from ..common import round_or_none
from ..errors import AnalysisError
from ..i18n import t
from ..keyfigures import KeyFigure, registry
from ..schema import normalize_name
from ._base import ALL, OPEN_STATUSES, SCALE, _float, _frame, _owning_unit, _text, _to_date

if TYPE_CHECKING:
    from ..intake import Engagement
    from .result import ManagementResult

__all__ = ["SIGNAL_KINDS", "UnitSignal", "ItemScore", "ActionItem", "SkillChange", "UnitCases", "Ownership",
           "FocusPoint", "UnitPack", "unit_packs"]


SIGNAL_KINDS = ("kpi", "survey")
SECTION = "packs"  # the section of the pack figures (KeyFigure.section)


@dataclass(frozen=True)
class UnitSignal:
    """A KPI or survey result for a unit's pack, passed in by the measures analysis (or the KPI sheet).

    ``kind`` is ``kpi`` (a KPI against its target, with its control-chart signals) or
    ``survey`` (an item's share agreeing, in %, with its Wilson interval and ``n`` responses).
    ``signal`` marks what needs the manager's attention (a KPI off target; a survey item
    significantly below the other units).  ``low``/``high`` is the value's interval when there is one.

    ``item`` is the KPI id or the survey item key; ``met`` whether the KPI meets its target (None:
    unknown); ``kpi_kind`` the KPI's kind (proportion, mean, count); ``period`` its latest period;
    ``unstable`` marks a survey estimate flagged unstable (never a focus point); ``gap`` how many
    percentage points the unit's share agreeing lies below the other units', with its interval
    ``gap_low``–``gap_high`` (Newcombe).
    """

    label: str
    value: float | None = None
    target: float | None = None
    low: float | None = None
    high: float | None = None
    signal: bool = False
    note: str = ""
    kind: str = "kpi"
    n: int | None = None
    item: str | None = None
    met: bool | None = None
    kpi_kind: str | None = None
    period: str | None = None
    unstable: bool = False
    gap: float | None = None
    gap_low: float | None = None
    gap_high: float | None = None

    def __post_init__(self) -> None:
        if self.kind not in SIGNAL_KINDS:
            raise AnalysisError(t("management.error.signal_kind", "en", found=repr(self.kind)))


@dataclass(frozen=True)
class ItemScore:
    """An observation item's mean score in a unit (groups below ``min_group_size`` never become one)."""

    item: str
    n: int
    mean: float
    low: float | None = None
    high: float | None = None
    slope: float | None = None
    falling: bool = False


@dataclass(frozen=True)
class ActionItem:
    """One action of the plan, as a manager sees it."""

    action_id: str
    action: str
    owner: str
    due_date: dt.date | None
    status: str
    days_overdue: int | None = None
    source: str | None = None


@dataclass(frozen=True)
class SkillChange:
    """A training skill's pre/post change in a unit."""

    skill: str
    n: int
    mean_change: float | None
    low: float | None
    high: float | None
    dz: float | None = None


@dataclass(frozen=True)
class UnitCases:
    """A unit's case figures, from the journeys analysis of its cases (see :func:`svcwork.unit_signals.unit_cases`).

    ``cases`` received by the unit; ``median_days`` and ``p90_days`` of their end-to-end days, the
    cases still open counted (as the journeys analysis estimates them; None while not estimable);
    ``missed`` the share past their deadline among the ``missed_base`` cases whose deadline is
    decided; ``repeat`` the share that are repeat contacts among the ``repeat_base`` cases with a
    known citizen (None below the minimum group size).
    """

    cases: int
    median_days: float | None
    p90_days: float | None
    missed: float | None
    repeat: float | None = None
    repeat_base: int = 0
    missed_base: int = 0


# --------------------------------------------------------------------------- ownership: the one rule


def _key(value: object) -> str | None:
    return normalize_name(value) if isinstance(value, str) and value.strip() else None


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    return frame[name] if name in frame.columns else pd.Series(pd.NA, index=frame.index, dtype="string")


@dataclass(frozen=True)
class Ownership:
    """Which unit owns each KPI and each action: the one rule of the packs.

    A KPI or an action belongs to

    1. the unit in its own ``unit`` column (KPIs or Actions sheet), else
    2. its owner's unit (the ``Owners`` sheet: ``owner`` → ``unit``; an owner's first row counts), else
    3. its service's unit (the Services sheet), else
    4. for a KPI, series by series, the unit its values are reported for (the ``unit`` column of
       the KPI values sheet); an action (or a KPI reported for the organisation only) with none of
       these is organisation-wide and appears in no pack.

    Steps 1–3 are :func:`svcwork.management._base._owning_unit` — the rule the management analysis
    places actions by (``prepare_actions``), so a pack and the section's tables by unit agree;
    step 4 is applied by :func:`svcwork.unit_signals.unit_signals`.  Owners match whatever their
    case and spacing; ``kpis`` and ``actions`` hold the resolved unit (or None) of each id.
    """

    kpis: Mapping[str, str | None] = field(default_factory=dict)
    actions: Mapping[str, str | None] = field(default_factory=dict)
    services: pd.DataFrame | None = field(default=None, compare=False, repr=False)
    owners: pd.DataFrame | None = field(default=None, compare=False, repr=False)

    def units_of(self, *, unit: pd.Series, owner: pd.Series | None = None, service: pd.Series | None = None) -> pd.Series:
        """The owning unit of each row by steps 1–3 (None where none applies)."""
        blank = pd.Series(pd.NA, index=unit.index, dtype="string")
        found, _ = _owning_unit(unit, blank if owner is None else owner, blank if service is None else service,
                                self.owners, self.services)
        return found

    def kpi_unit(self, kpi_id: object) -> str | None:
        """The unit owning KPI *kpi_id* by steps 1–3 (None: its series go to the units they are reported for)."""
        k = _key(kpi_id)
        return None if k is None else self.kpis.get(k)

    def action_unit(self, action_id: object, default: str | None = None) -> str | None:
        """The unit owning action *action_id* (*default* for an action the rule was not given)."""
        k = _key(action_id)
        return self.actions[k] if k is not None and k in self.actions else default

    @classmethod
    def from_frames(cls, *, services: pd.DataFrame | None = None, owners: pd.DataFrame | None = None,
                    kpis: pd.DataFrame | None = None, actions: pd.DataFrame | None = None) -> "Ownership":
        """The rule over the Services, Owners, KPIs and Actions sheets (each may be None or lack
        its optional columns)."""
        base = cls(services=services, owners=owners)

        def resolve(frame: pd.DataFrame | None, id_col: str) -> dict[str, str | None]:
            if frame is None or not len(frame) or id_col not in frame.columns:
                return {}
            units = base.units_of(unit=_column(frame, "unit"), owner=_column(frame, "owner"),
                                  service=_column(frame, "service_id"))
            out: dict[str, str | None] = {}
            for ident, unit in zip(_text(frame[id_col]), units):
                if _key(ident) is not None:
                    out.setdefault(_key(ident), None if pd.isna(unit) else str(unit))  # type: ignore[arg-type]
            return out

        return cls(kpis=resolve(kpis, "kpi_id"), actions=resolve(actions, "action_id"), services=services, owners=owners)

    @classmethod
    def from_engagement(cls, engagement: "Engagement") -> "Ownership":
        """The rule over an engagement's sheets (``Owners`` and the ``unit`` columns are optional)."""
        return cls.from_frames(services=_frame(engagement, "Services"), owners=_frame(engagement, "Owners"),
                               kpis=_frame(engagement, "KPIs"), actions=_frame(engagement, "Actions"))


# --------------------------------------------------------------------------- key figures and focus points


def _part(text: object) -> str:
    """A unit, id or item as part of a figure key (no marker or attribute separator in it)."""
    return "".join(ch if ch not in "@\ue000\ue001\ue002" else "_" for ch in str(text).strip())


def _figure(name: str, unit: str | None, value: float | int | None, kind: str, *, thing: object = None,
            table: str | None = None, **extra: Any) -> KeyFigure:
    """A pack figure ``packs.<name>.<unit>[.<thing>]`` (a parameter when *unit* is None)."""
    parts = [f"{SECTION}.{name}"] + ([_part(unit)] if unit is not None else []) + \
            ([_part(thing)] if thing is not None else [])
    item = None if unit is None else str(unit) if thing is None else f"{unit} — {thing}"
    return KeyFigure(".".join(parts), value, kind, SECTION, item=item, table=table, **extra)


@dataclass(frozen=True)
class FocusPoint:
    """A suggested focus point: a catalogue key, the key figures it quotes and its texts.

    ``figures`` holds ``(placeholder, figure, attr)``: *attr* ``value``, ``low``, ``high`` or
    ``base`` quotes that number (a marker), ``base_text`` the base with its noun, ``noun:<key>``
    the figure with the noun of catalogue *key* (plural by its value).  ``n`` names the placeholder
    whose figure picks the plural form of the sentence.  ``values`` holds ``(name, kind, value)``
    texts: ``text``, ``item`` (an observation item or skill, in the report language),
    ``survey_item``, ``kpi`` (``(id, name)``), ``date``, ``period``, or ``point`` (a nested
    :class:`FocusPoint`, e.g. a trailing clause; ``None`` for none).
    """

    key: str
    values: tuple[tuple[str, str, object], ...] = ()
    figures: tuple[tuple[str, KeyFigure, str], ...] = ()
    n: str | None = None

    def key_figures(self) -> tuple[KeyFigure, ...]:
        """The figures the point quotes (its clauses' too)."""
        own = tuple(f for _, f, _ in self.figures)
        nested = tuple(f for _, kind, v in self.values if kind == "point" and isinstance(v, FocusPoint)
                       for f in v.key_figures())
        return own + nested

    def text(self, lang: str, *, marked: bool = False) -> str:
        """The focus point as a sentence in *lang* (with *marked*, each quoted figure carries its marker)."""
        if self.key.startswith("management."):  # a point written by svcwork.management.present
            from .present import focus_text as legacy

            return legacy(self, lang)
        from ..keyfigures import plain
        from ..unit_signals import focus_text

        text = focus_text(self, lang)
        return text if marked else plain(text)


@dataclass(frozen=True, eq=False)
class UnitPack:
    """One unit manager's page: signals, case figures, observations, actions, training and three focus points.

    Everything in a pack has already passed suppression (no group below ``min_group_size``)
    and holds no employee code, clear or pseudonymised.
    """

    unit: str
    min_size: int
    report_date: dt.date
    n_observations: int = 0
    observation_mean: float | None = None
    items: tuple[ItemScore, ...] = ()
    coaching: tuple[ItemScore, ...] = ()
    open_actions: tuple[ActionItem, ...] = ()
    overdue_actions: tuple[ActionItem, ...] = ()
    done_actions: int = 0
    signals: tuple[UnitSignal, ...] = ()
    training: tuple[SkillChange, ...] = ()
    recurring_lessons: tuple[str, ...] = ()
    lessons_without_action: int = 0
    focus: tuple[FocusPoint, ...] = ()
    cases: UnitCases | None = None
    recurring_counts: tuple[tuple[str, int, int], ...] = ()  # (category, events, periods)

    @property
    def has_content(self) -> bool:
        """Whether the pack has anything above the minimum group size to show (else no page: it
        would only reveal the unit)."""
        return bool(self.signals or self.items or self.open_actions or self.training or self.cases is not None)

    def focus_points(self, lang: str, marked: bool = False) -> list[str]:
        """The (up to three) suggested focus points as sentences in *lang*; with *marked*, each
        quoted number carries its key figure's marker (:func:`svcwork.keyfigures.quote`)."""
        return [f.text(lang, marked=marked) for f in self.focus]

    def case_figures(self) -> tuple[KeyFigure, ...]:
        """The unit's case figures (none without case data above the minimum group size)."""
        c, u = self.cases, self.unit
        if c is None:
            return ()
        out = [_figure("cases", u, int(c.cases), "count", table="cases", base_of="cases")]
        for name, value in (("median_days", c.median_days), ("p90_days", c.p90_days)):
            if value is not None:
                out.append(_figure(name, u, float(value), "days", table="cases", base=int(c.cases), base_of="cases"))
        if c.missed is not None:
            out.append(_figure("deadline_missed", u, float(c.missed), "share", table="cases", base=int(c.missed_base),
                               base_of="cases"))
        if c.repeat is not None:
            out.append(_figure("repeat_share", u, float(c.repeat), "share", table="cases", base=int(c.repeat_base),
                               base_of="cases"))
        return tuple(out)

    def case_lines(self, lang: str, marked: bool = False) -> list[str]:
        """The unit's case figures as short sentences in *lang* (empty without case data)."""
        from ..keyfigures import plain
        from ..unit_signals import case_lines

        lines = case_lines(self, lang)
        return lines if marked else [plain(x) for x in lines]

    def key_figures(self) -> tuple[KeyFigure, ...]:
        """Every figure the pack's words quote (focus points and case lines), each once."""
        figs = [f for p in self.focus for f in p.key_figures()] + list(self.case_figures())
        return tuple(registry(figs).values())

    def definitions(self, lang: str) -> list[tuple[str, str, str]]:
        """``(anchor, name, definition)`` of each figure the pack quotes, for the page's footnotes
        (the anchors are those :func:`svcwork.keyfigures.to_html` links to)."""
        from ..keyfigures import figure_anchor

        return [(figure_anchor(f.key), f.label(lang), f.definition(lang)) for f in self.key_figures()]

    def tables(self, lang: str) -> dict[str, pd.DataFrame]:
        """The pack's small tables, headers translated (keys: signals (KPIs), survey, observations,
        actions, training — those with rows)."""
        from .present import pack_tables

        return pack_tables(self, lang)

    def summary(self) -> dict[str, Any]:
        """JSON-serialisable summary of the pack."""
        c = self.cases
        return {
            "unit": self.unit,
            "cases": None if c is None else {"n": int(c.cases), "median_days": round_or_none(c.median_days, 2),
                                             "p90_days": round_or_none(c.p90_days, 2),
                                             "deadline_missed": round_or_none(c.missed, 4),
                                             "deadline_base": int(c.missed_base),
                                             "repeat": round_or_none(c.repeat, 4), "repeat_base": int(c.repeat_base)},
            "observations": {"n": int(self.n_observations), "mean": round_or_none(self.observation_mean, 2),
                             "coaching": [i.item for i in self.coaching]},
            "actions": {"open": len(self.open_actions), "overdue": len(self.overdue_actions),
                        "done": int(self.done_actions)},
            "signals": [{"kind": s.kind, "label": s.label, "value": _float(s.value), "low": _float(s.low),
                         "high": _float(s.high), "signal": bool(s.signal)} for s in self.signals],
            "training": {s.skill: {"mean_change": _float(s.mean_change), "low": _float(s.low), "high": _float(s.high),
                                   "n": int(s.n)} for s in self.training},
            "focus": [f.key for f in self.focus],
        }


def _signal_from(value: object) -> UnitSignal:
    if isinstance(value, UnitSignal):
        return value
    if isinstance(value, Mapping):
        allowed = set(UnitSignal.__dataclass_fields__)
        extra = set(value) - allowed
        if extra or "label" not in value:
            raise AnalysisError(t("management.error.signal_keys", "en", keys=", ".join(map(str, value))))
        return UnitSignal(**{k: value[k] for k in allowed if k in value})
    raise AnalysisError(t("management.error.signal_type", "en", found=type(value).__name__))


def _action_item(row: pd.Series) -> ActionItem:
    d = row["days_overdue"]
    return ActionItem(str(row["action_id"]), str(row["action"]), str(row["owner"]), _to_date(row["due_date"]),
                      str(row["status"]), None if pd.isna(d) else int(d),
                      None if pd.isna(row["source"]) else str(row["source"]))


# --------------------------------------------------------------------------- choosing the focus points


def _kpi_kind(s: UnitSignal) -> str:
    """The figure kind of a KPI's value and target: the report's one rule
    (:func:`svcwork.measures.figures.kpi_kind`), so the unit page reads as the report's scorecard."""
    from ..measures.figures import kpi_kind

    return kpi_kind(s.kpi_kind, s.value, s.target)


def _off_target(s: UnitSignal) -> bool:
    """A KPI that misses its target: never one that meets it (``met`` True), even with chart signals."""
    return s.kind == "kpi" and s.value is not None and s.target is not None and (
        s.met is False or (s.met is None and s.signal))


def _shortfall(s: UnitSignal) -> float:
    gap = abs(float(s.value) - float(s.target))  # type: ignore[arg-type]
    return gap / abs(float(s.target)) if s.target else gap  # type: ignore[arg-type]


def _kpi_point(unit: str, signals: Sequence[UnitSignal]) -> FocusPoint | None:
    measured = [s for s in signals if s.kind == "kpi" and s.value is not None and s.target is not None]
    missed = sorted((s for s in measured if _off_target(s)), key=lambda s: (-_shortfall(s), s.item or s.label))
    if not missed:
        return None
    s = missed[0]
    thing = s.item or s.label
    kind = _kpi_kind(s)
    value = _figure("kpi_value", unit, float(s.value), kind, thing=thing, table="signals")  # type: ignore[arg-type]
    target = _figure("kpi_target", unit, float(s.target), kind, thing=thing, table="signals")  # type: ignore[arg-type]
    more = None
    if len(missed) >= 2:
        count = _figure("kpis_missed", unit, len(missed), "count", table="signals", base=len(measured), base_of="kpis")
        more = FocusPoint("packs.focus.kpi_more", figures=(("count", count, "value"), ("base", count, "base_text")),
                          n="count")
    return FocusPoint("packs.focus.kpi", (("kpi", "kpi", (s.item, s.label)), ("when", "period", s.period),
                                          ("more", "point", more)),
                      (("value", value, "value"), ("target", target, "value")))


def _survey_point(unit: str, signals: Sequence[UnitSignal]) -> FocusPoint | None:
    """The survey item furthest below the other units, among estimates not flagged unstable."""
    lower = [s for s in signals if s.kind == "survey" and s.signal and not s.unstable and s.value is not None
             and s.gap is not None and s.n]
    if not lower:
        return None
    lower.sort(key=lambda s: (-float(s.gap), s.item or s.label))  # type: ignore[arg-type]
    s = lower[0]
    thing = s.item or s.label
    share = _figure("survey_agree", unit, float(s.value) / 100, "share", thing=thing, table="survey",  # type: ignore[arg-type]
                    base=int(s.n), base_of="respondents",  # type: ignore[arg-type]
                    low=None if s.low is None else float(s.low) / 100, high=None if s.high is None else float(s.high) / 100)
    gap = _figure("survey_gap", unit, float(s.gap), "number", thing=thing, table="survey",  # type: ignore[arg-type]
                  low=_float(s.gap_low), high=_float(s.gap_high))
    more = None
    if len(lower) >= 2:
        count = _figure("survey_lower", unit, len(lower), "count", table="survey")
        more = FocusPoint("packs.focus.survey_more", figures=(("count", count, "value"),), n="count")
    figures = [("share", share, "value"), ("base", share, "base_text"), ("gap", gap, "value")]
    key = "packs.focus.survey"
    if gap.low is not None and gap.high is not None:
        figures += [("low", gap, "low"), ("high", gap, "high")]
    else:
        key = "packs.focus.survey_noci"
    return FocusPoint(key, (("item", "survey_item", s.item or s.label), ("more", "point", more)), tuple(figures))


def _obs_figures(unit: str, i: ItemScore) -> tuple[KeyFigure, KeyFigure]:
    mean = _figure("obs_mean", unit, float(i.mean), "mean", thing=i.item, table="observations", base=int(i.n),
                   base_of="observations", low=_float(i.low), high=_float(i.high))
    return mean, _figure("scale_max", None, int(SCALE[-1]), "count")


def _focus_for(*, unit: str, items: Sequence[ItemScore], coaching: Sequence[ItemScore], overdue: Sequence[ActionItem],
               open_: Sequence[ActionItem], signals: Sequence[UnitSignal], training: Sequence[SkillChange],
               recurring: Sequence[tuple[str, int, int]], min_size: int, limit: int = 3) -> tuple[FocusPoint, ...]:
    """Suggested focus points from the unit's data, most pressing first (at most *limit*): overdue
    actions, the KPI furthest off target, the survey item furthest below the other units (stable
    estimates only), observation items falling or lowest, recurring lessons, training without a
    clear gain, a strength, the next action — each named, with the figures it rests on."""
    pts: list[FocusPoint | None] = []
    if overdue:
        worst = max(overdue, key=lambda a: (a.days_overdue or 0, a.action_id))
        count = _figure("overdue", unit, len(overdue), "count", table="actions", base=len(open_), base_of="actions")
        days = _figure("overdue_days", unit, int(worst.days_overdue or 0), "count", thing=worst.action_id, table="actions")
        pts.append(FocusPoint("packs.focus.overdue", (("action_id", "text", worst.action_id), ("action", "text", worst.action)),
                              (("count", count, "value"), ("days", days, "noun:packs.n.days")), n="count"))
    pts.append(_kpi_point(unit, signals))
    pts.append(_survey_point(unit, signals))
    falling = next((c for c in coaching if c.falling), None)
    if falling is not None:
        mean, top = _obs_figures(unit, falling)
        pts.append(FocusPoint("packs.focus.falling", (("item", "item", falling.item),),
                              (("mean", mean, "value"), ("max", top, "value"), ("base", mean, "base_text"))))
    lowest = next((c for c in coaching if not c.falling), None)
    if lowest is not None:
        mean, top = _obs_figures(unit, lowest)
        pts.append(FocusPoint("packs.focus.coach", (("item", "item", lowest.item),),
                              (("mean", mean, "value"), ("max", top, "value"), ("base", mean, "base_text"))))
    if recurring:
        category, events, periods = recurring[0]
        fig = _figure("lesson_events", unit, int(events), "count", thing=category, base=int(periods), base_of="periods")
        pts.append(FocusPoint("packs.focus.recurring", (("category", "text", category),),
                              (("events", fig, "noun:packs.n.events"), ("periods", fig, "base_text"))))
    flat = [s for s in training if s.low is not None and s.low <= 0 and s.mean_change is not None]
    if flat:
        s = flat[0]
        fig = _figure("training_change", unit, float(s.mean_change), "points", thing=s.skill,  # type: ignore[arg-type]
                      table="training", base=int(s.n), base_of="staff", low=_float(s.low), high=_float(s.high))
        figures = [("change", fig, "value"), ("base", fig, "base_text")]
        key = "packs.focus.training_flat"
        if fig.high is not None:
            figures += [("low", fig, "low"), ("high", fig, "high")]
        else:
            key = "packs.focus.training_flat_noci"
        pts.append(FocusPoint(key, (("skill", "item", s.skill),), tuple(figures)))
    if items:
        best = max(items, key=lambda i: (i.mean, -len(i.item)))
        if not coaching or best.item not in {c.item for c in coaching}:
            mean, top = _obs_figures(unit, best)
            pts.append(FocusPoint("packs.focus.strength", (("item", "item", best.item),),
                                  (("mean", mean, "value"), ("max", top, "value"), ("base", mean, "base_text"))))
    if open_ and not overdue:
        nxt = min(open_, key=lambda a: (a.due_date or dt.date.max, a.action_id))
        count = _figure("open_actions", unit, len(open_), "count", table="actions")
        pts.append(FocusPoint("packs.focus.next_action", (("action_id", "text", nxt.action_id),
                                                          ("action", "text", nxt.action), ("due", "date", nxt.due_date)),
                              (("count", count, "value"),), n="count"))
    if not items:
        pts.append(FocusPoint("packs.focus.observe", (),
                              (("min", _figure("min_group_size", None, int(min_size), "count"), "value"),)))
    if not open_:
        pts.append(FocusPoint("packs.focus.plan"))
    pts.append(FocusPoint("packs.focus.feedback"))
    seen: set[str] = set()
    out = []
    for p in pts:
        if p is not None and p.key not in seen:
            seen.add(p.key)
            out.append(p)
    return tuple(out[:limit])


# --------------------------------------------------------------------------- the packs


def _kpi_fallback(r: "ManagementResult", ownership: Ownership | None) -> dict[str, tuple[UnitSignal, ...]]:
    """Each unit's KPIs from the intake's snapshot (no control-chart signals), owned by the rule."""
    k = r.kpis
    out: dict[str, list[UnitSignal]] = {}
    if not len(k):
        return {}
    placed: set[tuple[str, str]] = set()
    rows = list(k.to_dict("records"))
    if ownership is not None:  # an owned KPI: the owning unit's own series first, else the organisation's

        def rank(row: Mapping[str, Any]) -> int:
            owner = ownership.kpi_unit(row["kpi_id"])
            mine = isinstance(row["unit"], str) and row["unit"] == owner
            return 0 if owner is None or mine else 1 if not isinstance(row["unit"], str) else 2

        rows.sort(key=rank)
    for row in rows:
        unit = row["unit"] if isinstance(row["unit"], str) and row["unit"].strip() else None
        if ownership is not None and ownership.kpi_unit(row["kpi_id"]) is not None:
            unit = ownership.kpi_unit(row["kpi_id"])
        if unit is None or (unit, str(row["kpi_id"])) in placed:
            continue
        placed.add((unit, str(row["kpi_id"])))
        on = row["on_target"]
        met = None if on is None or (isinstance(on, float) and pd.isna(on)) else bool(on)
        p = row["period"]
        period = None if pd.isna(p) else str(p) if isinstance(p, pd.Period) else pd.Timestamp(p).strftime("%Y-%m")
        out.setdefault(unit, []).append(UnitSignal(str(row["kpi_name"]), _float(row["value"]), _float(row["target"]),
                                                   signal=met is False, note=period or "", item=str(row["kpi_id"]),
                                                   met=met, period=period))
    return {u: tuple(v) for u, v in out.items()}


def _units_of(frames: Iterable[pd.DataFrame | None]) -> set[str]:
    units: set[str] = set()
    for frame in frames:
        if frame is not None and len(frame) and "unit" in frame.columns:
            units.update(str(u) for u in frame["unit"].dropna() if str(u).strip() and str(u) != ALL)
    return units


def unit_packs(result: "ManagementResult", *, signals: Mapping[str, Sequence[UnitSignal | Mapping[str, Any]]] | None = None,
               ownership: Ownership | None = None, cases: Mapping[str, UnitCases] | None = None) -> tuple[UnitPack, ...]:
    """One :class:`UnitPack` per unit with data: in the management data, in *signals* or in *cases*.

    *signals* maps a unit name to its KPI and survey results (``UnitSignal`` or mappings with
    the same fields): :func:`svcwork.unit_signals.unit_signals` builds them from the measures
    analysis (KPI control-chart signals, survey shares with Wilson intervals, suppressed).  Units
    missing from it fall back to the latest KPI values against their targets from the intake
    (:func:`~svcwork.management.kpis.kpi_snapshot`, no control-chart signals).  *ownership*
    (:class:`Ownership`, e.g. ``Ownership.from_engagement(engagement)``) places each action and
    fallback KPI in the unit that owns it; without it an action goes to its service's unit.
    *cases* maps a unit to its case figures (:func:`svcwork.unit_signals.unit_cases`, suppressed).
    :func:`svcwork.unit_signals.manager_packs` passes all three.
    """
    if signals is not None and not isinstance(signals, Mapping):
        raise AnalysisError(t("management.error.signals", "en", found=type(signals).__name__))
    given = {str(u): tuple(_signal_from(s) for s in v) for u, v in (signals or {}).items()}
    case_figs = {str(u): c for u, c in (cases or {}).items() if isinstance(c, UnitCases) and c.cases >= result.min_size}
    r = result
    acts_all = r.actions
    if len(acts_all) and ownership is not None:
        acts_all = acts_all.assign(unit=[ownership.action_unit(a, None if pd.isna(u) else str(u))
                                         for a, u in zip(acts_all["action_id"], acts_all["unit"])])
    fallback = _kpi_fallback(r, ownership)
    units = _units_of((r.unit_items, acts_all, r.lessons, r.training_by_unit, r.unit_counts))
    units.update(fallback, given, case_figs)
    packs = []
    for unit in sorted(units):
        n_obs = int(r.unit_counts.loc[r.unit_counts["unit"] == unit, "n"].sum()) if len(r.unit_counts) else 0
        mean = None
        if n_obs >= r.min_size:
            mean = _float(r.unit_counts.loc[r.unit_counts["unit"] == unit, "mean"].iloc[0])
        ui = r.unit_items[r.unit_items["unit"] == unit] if len(r.unit_items) else r.unit_items
        cf = r.coaching[r.coaching["unit"] == unit] if len(r.coaching) else r.coaching
        slopes = {row["item"]: (row["slope"], bool(row["falling"])) for _, row in cf.iterrows()}
        items = tuple(sorted((ItemScore(str(row["item"]), int(row["n"]), float(row["mean"]), _float(row["low"]),
                                        _float(row["high"]), _float(slopes.get(row["item"], (None, False))[0]),
                                        slopes.get(row["item"], (None, False))[1]) for _, row in ui.iterrows()),
                             key=lambda i: (i.mean, i.item)))
        focus_items = cf[cf["focus"]] if len(cf) else cf
        by_item = {i.item: i for i in items}
        coaching = tuple(by_item[str(row["item"])] for _, row in focus_items.iterrows() if str(row["item"]) in by_item)
        acts = acts_all[acts_all["unit"] == unit] if len(acts_all) else acts_all
        open_rows = acts[acts["status"].isin(OPEN_STATUSES)].sort_values(["due_date", "action_id"]) if len(acts) else acts
        open_ = tuple(_action_item(row) for _, row in open_rows.iterrows())
        overdue = tuple(a for a in open_ if a.days_overdue is not None)
        done = int((acts["status"] == "done").sum()) if len(acts) else 0
        sig = given.get(unit)
        if sig is None:
            sig = fallback.get(unit, ())
        tr = r.training_by_unit[r.training_by_unit["unit"] == unit] if len(r.training_by_unit) else r.training_by_unit
        training = tuple(SkillChange(str(row["skill"]), int(row["n"]), _float(row["change"]), _float(row["low"]),
                                     _float(row["high"]), _float(row["dz"])) for _, row in tr.iterrows())
        les = r.lessons[r.lessons["unit"] == unit] if len(r.lessons) else r.lessons
        recurring: tuple[tuple[str, int, int], ...] = ()
        unlinked = 0
        if len(les):
            per = les.assign(_p=les["date"].dt.to_period(r.period))
            g = per.groupby("category")
            periods, size = g["_p"].nunique(), g.size()
            recurring = tuple(sorted(((str(c), int(size[c]), int(periods[c])) for c in periods.index if periods[c] >= 2),
                                     key=lambda x: (-x[1], x[0])))
            unlinked = int((~les["with_action"]).sum())
        focus = _focus_for(unit=unit, items=items, coaching=coaching, overdue=overdue, open_=open_, signals=sig,
                           training=training, recurring=recurring, min_size=r.min_size)
        packs.append(UnitPack(unit=unit, min_size=r.min_size, report_date=r.report_date, n_observations=n_obs,
                              observation_mean=mean, items=items, coaching=coaching, open_actions=open_,
                              overdue_actions=overdue, done_actions=done, signals=sig, training=training,
                              recurring_lessons=tuple(c for c, _, _ in recurring), lessons_without_action=unlinked,
                              focus=focus, cases=case_figs.get(unit), recurring_counts=recurring))
    return tuple(packs)
