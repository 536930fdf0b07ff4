"""What a demo client is made of: the specification dataclasses and the helpers they share.

:class:`_Spec` holds everything the generators need to write one client (its services as
:class:`_Service` with their processes, its KPIs as :class:`_Kpi`, its journeys, staff, survey,
actions and lessons); the client modules (:mod:`.neve_tamar`, :mod:`.rashut`, :mod:`.northfield`)
each build one.  :class:`_Staff` is the employee roster shared by the case log, the observations
and the training; the small helpers here are used by more than one generator.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from ..schema import ENUMS


@dataclass(frozen=True)
class _Service:
    """A service row plus what the case generator needs to simulate its process."""

    sid: str
    name: str
    unit: str
    effort: int
    benefit: int
    visibility: int
    volume: int  # annual cases; 0 = an enabler with no cases of its own
    resources_days: int
    reach: int
    mandatory: bool = False
    depends: tuple[str, ...] = ()
    notes: str = ""
    #: channel -> (available yes/no/partial, share %, end to end yes/no)
    channels: dict = field(default_factory=dict)
    #: the ideal path: (activity, unit or "@home", median working hours since the previous event)
    path: tuple[tuple[str, str, float], ...] = ()
    check_at: int | None = None  # index of the step that may send the citizen back for documents (rework)
    optional: tuple[int, ...] = ()  # steps a fast-tracked case skips
    deadline_days: int | None = None  # statutory deadline (calendar days), written to the case's deadline
    pingpong: float = 1.0  # multiplier of the ping-pong variant's probability
    rework: float = 1.0  # multiplier of the rework variant's probability
    outcomes: tuple[tuple[str, float], ...] = ()
    season: tuple[float, ...] | None = None  # relative case volume per calendar month (Jan…Dec)
    own_desk: bool = False  # the unit receives its own walk-in citizens (not the central front desk)


@dataclass(frozen=True)
class _Kpi:
    kpi_id: str
    name: str
    direction: str
    target: float
    uom: str
    owner: str
    service_id: str | None
    kind: str
    base: float  # level at the start
    spread: float  # month-to-month noise (sd for means; ignored for proportions/counts)
    n: int = 0  # denominator for proportions
    pattern: str = "stable"  # stable | shift | spike | trend
    size: float = 0.0  # size of the pattern's effect
    units: tuple[str, ...] = ()  # per-unit values instead of one organisation-wide series


@dataclass(frozen=True)
class _Spec:
    slug: str
    lang: str
    organization: str
    settings: dict
    weekmask: str
    tz: str
    offset_units: frozenset  # units whose system exports timestamps with a UTC offset
    utc_channels: frozenset  # channels whose intake system stamps events in UTC ("Z")
    intake_units: dict  # channel -> unit that receives cases from that channel
    home_units: tuple[tuple[str, float], ...]  # the "@home" unit of a case (district offices) with weights
    ombud_unit: str | None
    services: tuple[_Service, ...]
    pool_sizes: dict  # unit -> number of employees (resources)
    slow_units: dict  # unit -> time multiplier
    n_cases: int
    case_prefix: str
    id_style: str  # "il" (9 digits, Israeli check digit) or "uk"
    close_label: str
    vocab: dict
    journeys: tuple[tuple, ...]
    standards: tuple[tuple, ...]
    criteria: tuple[tuple[str, str, float], ...]
    pairwise: tuple[tuple[str, str, object, str], ...]
    kpis: tuple[_Kpi, ...]
    observed_units: tuple[str, ...]
    observers: tuple[str, ...]
    n_sessions: int
    n_double: int
    survey_n: int
    survey_unit_effects: dict
    small_unit: tuple[str, int] | None  # a survey unit with very few responses (suppression)
    waves: tuple[tuple[str, str, str], ...]  # (label, first day, last day)
    trained_per_unit: int
    training_date: str
    actions: tuple[tuple, ...]
    lessons: tuple[tuple, ...]
    lesson_categories: tuple[tuple[str, float], ...]
    comments: dict
    obs_notes: tuple[str, ...]
    title: str
    csv_headers: dict = field(default_factory=lambda: {"cases": "en", "survey": "en", "training": "en"})
    #: how the companions are written: "clean" (cases.csv … in UTF-8, the mess listed in the module notes)
    #: or "real" (reshaped like a real client export by :func:`.export._as_real_export`)
    export_style: str = "clean"
    digital_first: frozenset = frozenset({"web", "app", "email"})
    #: an observed unit seen on only a few employees (below min_group_size: its cells are suppressed);
    #: never the first two observed units, which carry the rising and the falling trend
    obs_small: tuple[str, int] | None = None
    #: the Owners sheet: each owner of a KPI or an action and the unit they belong to
    owners: dict = field(default_factory=dict)
    #: the KPIs sheet's ``unit`` (the owning unit) by kpi_id; a KPI not named here leaves it blank
    kpi_units: dict = field(default_factory=dict)
    #: the Actions sheet's link columns by action id (A01 …): ``kpi_id``, ``journey`` as (name, step),
    #: ``survey_item``, ``observation_item``, ``lesson`` (the event text of a lesson, written as the id
    #: of the first Lessons row with that event) and ``unit``
    action_links: dict = field(default_factory=dict)
    #: the Recommendations sheet: the consultant's recommendations, one mapping per row (the sheet's column
    #: keys; ``horizon`` as the consultant types it, ``priority`` as a key of the ``priority`` list)
    recommendations: tuple = ()
    #: the consultant's ``commentary.md`` (Markdown in the client's language; empty: none)
    commentary: str = ""
    #: latent survey answers moved per item, in standard deviations (an earlier round's planted
    #: difference, :mod:`.rounds`); empty for a client as it is
    survey_item_shift: dict = field(default_factory=dict)


_CHANNELS = ("counter", "phone", "web", "app", "email", "mail", "chat", "kiosk")


def _label(enum: str, key: str, lang: str) -> str:
    return ENUMS[enum].label(key, lang)


def _workdays(start: dt.date, end: dt.date, weekmask: str) -> np.ndarray:
    days = np.arange(np.datetime64(start, "D"), np.datetime64(end, "D") + 1, dtype="datetime64[D]")
    return days[np.is_busday(days, weekmask=weekmask)]


def _israeli_check_digit(first8: np.ndarray) -> np.ndarray:
    """Check digit making ``first8`` (8-digit integers) a valid Israeli ID (Luhn-like, weights 1,2,1,2…)."""
    digits = np.stack([(first8 // 10 ** (7 - k)) % 10 for k in range(8)], axis=1)
    weights = np.array([1, 2, 1, 2, 1, 2, 1, 2])
    prod = digits * weights
    total = (prod // 10 + prod % 10).sum(axis=1)
    return (10 - total % 10) % 10


def _citizen_ids(n: int, style: str, rng: np.random.Generator) -> np.ndarray:
    """*n* distinct fake citizen identifiers (see the module docstring)."""
    if style == "il":
        body = rng.choice(100_000, size=n, replace=False)  # "000" + 5 digits + check digit: visibly fake
        check = _israeli_check_digit(body)
        invalid = rng.random(n) < 0.25
        check = np.where(invalid, (check + rng.integers(1, 10, n)) % 10, check)
        return np.array([f"000{b:05d}{c}" for b, c in zip(body, check)], dtype=object)
    body = rng.choice(10_000_000, size=n, replace=False)
    return np.array([f"C0{b:07d}" for b in body], dtype=object)


def _channel_options(svc: _Service) -> tuple[list[str], np.ndarray]:
    keys = [c for c in _CHANNELS if c in svc.channels and svc.channels[c][0] != "no"]
    share = np.array([float(svc.channels[c][1]) for c in keys])
    return keys, share / share.sum()


@dataclass(frozen=True)
class _Staff:
    """Employee codes per unit (shared by the case log, observations and training)."""

    units: tuple[str, ...]
    codes: dict

    def pool(self, unit: str) -> list[str]:
        return self.codes[unit]


def _staff(spec: _Spec) -> _Staff:
    units = tuple(spec.pool_sizes)
    codes = {u: [f"E{i + 1:02d}{k + 1:02d}" for k in range(size)]
             for i, (u, size) in enumerate(spec.pool_sizes.items())}
    return _Staff(units, codes)
