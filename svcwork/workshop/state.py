"""The workshop's state: what the committee has changed, as a frozen value, and the pure steps that change it.

:class:`Baseline` is the form as it stands (the engagement, the analysis of its own values, the
weights, capacities and locks the analysis used); :class:`WorkshopState` is one position of the
controls.  Every step (:func:`with_weight`, :func:`with_service`, :func:`with_wave`,
:func:`with_capacity`, :func:`with_quick_wins`) returns a new state; :func:`changes` turns a
state into the scenario's :class:`~svcwork.intake.scenarios.Change` items — only what differs
from the form — which :func:`svcwork.workshop.apply.apply_changes` applies and
:func:`svcwork.workshop.save.save_scenario` writes.

Moving one weight rescales the others proportionally so the weights keep summing to 1
(w_j ← w_j (1 − v)/(1 − w_k)): the same one-parameter path along which
:func:`svcwork.prioritize.sensitivity` finds its exact weight ranges (Triantaphyllou & Sánchez
1997), so the ranges marked on a slider are exactly where that slider keeps the top services.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Mapping

import pandas as pd

from ..errors import AnalysisError
from ..i18n import t
from ..intake.scenarios import SERVICE_FIELDS, Change
from ..prioritize import analyse
from .apply import baseline_capacity, baseline_weights

__all__ = ["Baseline", "WorkshopState", "baseline", "initial_state", "rescale", "with_weight", "with_service",
           "with_wave", "with_capacity", "with_quick_wins", "wave_of", "value_of", "changes", "from_changes", "EXCLUDE"]

#: The wave value that leaves a service out of the roadmap (the other values: a wave, or ``None`` = free).
EXCLUDE = "exclude"

#: Weights closer than this are the same weight (a slider's round trip is not a change).
_EPS = 1e-6


@dataclass(frozen=True)
class Baseline:
    """The form's own values and their analysis, computed once when the workshop opens."""

    engagement: Any
    result: Any                                   # PrioritizationResult of the form's values
    weights: Mapping[str, float]                  # the weights analyse used (AHP, direct or equal)
    directions: Mapping[str, str]
    capacities: tuple[float, ...]                 # per wave
    unit: str                                     # "days" or "effort_points"
    values: Mapping[tuple[str, str], float | None]  # (service, field) -> the form's value
    locks: Mapping[str, int]                      # the Services sheet's locked waves
    min_quick_wins: int
    options: Mapping[str, Any] = field(default_factory=dict)  # analyse's keyword arguments
    lang: str = "en"                              # the language the workshop speaks (the engagement's)

    @property
    def services(self) -> list[str]:
        """Service ids in the form's order."""
        return [str(s) for s in self.result.services.index]


@dataclass(frozen=True)
class WorkshopState:
    """One position of the workshop's controls."""

    weights: Mapping[str, float]
    values: Mapping[tuple[str, str], float] = field(default_factory=dict)  # overrides only
    waves: Mapping[str, Any] = field(default_factory=dict)  # service -> wave, None (free) or EXCLUDE; overrides only
    capacities: tuple[float, ...] = ()
    min_quick_wins: int = 0


def baseline(engagement, *, lang: str | None = None, **options: Any) -> Baseline:
    """The form's values of *engagement* and their analysis (:func:`svcwork.prioritize.analyse` with *options*);
    *lang* (default: the engagement's language) is the language the workshop speaks."""
    result = analyse(engagement, **options)
    if not result.available:
        raise AnalysisError(t("workshop.error.no_services", engagement.language))
    weights, directions = baseline_weights(engagement)
    caps, unit = baseline_capacity(engagement)
    services = result.services
    values: dict[tuple[str, str], float | None] = {}
    for sid in services.index:
        for name, (column, _, _) in SERVICE_FIELDS.items():
            v = services.loc[sid, column]
            values[(str(sid), name)] = None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) \
                else float(v)
    locks = {str(s): int(w) for s, w in result.locked.items()}
    return Baseline(engagement, result, MappingProxyType(weights), MappingProxyType(directions), caps, unit,
                    MappingProxyType(values), MappingProxyType(locks), int(result.min_quick_wins),
                    MappingProxyType(dict(options)), lang if lang in ("he", "en") else engagement.language)


def initial_state(base: Baseline) -> WorkshopState:
    """The controls on the form's values: no change."""
    return WorkshopState(MappingProxyType(dict(base.weights)), MappingProxyType({}), MappingProxyType({}),
                         tuple(base.capacities), base.min_quick_wins)


def rescale(weights: Mapping[str, float], criterion: str, value: float) -> dict[str, float]:
    """*weights* with *criterion* set to *value* (0–1) and the others scaled by (1 − value)/(1 − w_k).

    When the others are all 0 they share 1 − value equally.  The result sums to 1.
    """
    if criterion not in weights:
        raise KeyError(criterion)
    v = min(max(float(value), 0.0), 1.0)
    others = {c: float(w) for c, w in weights.items() if c != criterion}
    rest = sum(others.values())
    if not others:
        return {criterion: 1.0}
    if rest <= 1e-12:
        share = (1.0 - v) / len(others)
        scaled = {c: share for c in others}
    else:
        scaled = {c: w * (1.0 - v) / rest for c, w in others.items()}
    return {c: (v if c == criterion else scaled[c]) for c in weights}


def with_weight(state: WorkshopState, criterion: str, value: float) -> WorkshopState:
    """The state with one criterion's weight moved (the others rescaled, see :func:`rescale`)."""
    return replace(state, weights=MappingProxyType(rescale(state.weights, criterion, value)))


def with_service(state: WorkshopState, base: Baseline, service: str, name: str, value: float | None) -> WorkshopState:
    """The state with a service's effort, benefit, visibility or resources set (``None``: the form's value)."""
    if name not in SERVICE_FIELDS:
        raise KeyError(name)
    values = dict(state.values)
    if value is None or _same(base.values.get((service, name)), value):
        values.pop((service, name), None)
    else:
        values[(service, name)] = float(value)
    return replace(state, values=MappingProxyType(values))


def with_wave(state: WorkshopState, base: Baseline, service: str, wave: Any) -> WorkshopState:
    """The state with a service locked to *wave*, freed (``None``) or left out (:data:`EXCLUDE`)."""
    waves = dict(state.waves)
    if wave == base.locks.get(service):
        waves.pop(service, None)
    else:
        waves[service] = wave if wave in (None, EXCLUDE) else int(wave)
    return replace(state, waves=MappingProxyType(waves))


def with_capacity(state: WorkshopState, wave: int, value: float) -> WorkshopState:
    """The state with wave *wave*'s (1-based) capacity set."""
    caps = list(state.capacities)
    caps[int(wave) - 1] = max(0.0, float(value))
    return replace(state, capacities=tuple(caps))


def with_quick_wins(state: WorkshopState, n: int) -> WorkshopState:
    """The state with the least number of visible quick wins in wave 1 set."""
    return replace(state, min_quick_wins=max(0, int(n)))


def wave_of(state: WorkshopState, base: Baseline, service: str) -> Any:
    """The wave control's value for *service*: a wave, ``None`` (free) or :data:`EXCLUDE`."""
    return state.waves.get(service, base.locks.get(service))


def value_of(state: WorkshopState, base: Baseline, service: str, name: str) -> float | None:
    """The current value of a service's field (the override, else the form's)."""
    return state.values.get((service, name), base.values.get((service, name)))


def _same(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(float(a) - float(b)) < 1e-9)


def changes(state: WorkshopState, base: Baseline) -> tuple[Change, ...]:
    """What *state* changes against the form, as scenario items (weights: every weight once any moved)."""
    out: list[Change] = []
    if any(abs(state.weights[c] - base.weights.get(c, 0.0)) > _EPS for c in state.weights):
        out += [Change("weight", c, round(float(w), 6)) for c, w in state.weights.items()]
    for (sid, name), v in sorted(state.values.items(), key=lambda kv: (base.services.index(kv[0][0]), kv[0][1])):
        if not _same(base.values.get((sid, name)), v):
            out.append(Change(name, sid, v))
    for sid in base.services:
        if sid not in state.waves:
            continue
        w = state.waves[sid]
        if w == EXCLUDE:
            out.append(Change("exclude", sid))
        elif w != base.locks.get(sid):
            out.append(Change("wave", sid, None if w is None else float(w)))
    for i, (now, was) in enumerate(zip(state.capacities, base.capacities)):
        if abs(now - was) > 1e-9:
            out.append(Change("capacity", str(i + 1), float(now)))
    if state.min_quick_wins != base.min_quick_wins:
        out.append(Change("quick_wins", None, float(state.min_quick_wins)))
    return tuple(out)


def from_changes(base: Baseline, items: tuple[Change, ...]) -> WorkshopState:
    """The state a saved scenario's *items* stand for (the inverse of :func:`changes`)."""
    state = initial_state(base)
    weights = {c.target: c.value for c in items if c.kind == "weight"}
    if weights:
        merged = {**state.weights, **weights}
        total = sum(merged.values())
        state = replace(state, weights=MappingProxyType({c: w / total for c, w in merged.items()}))
    for c in items:
        if c.kind in SERVICE_FIELDS:
            state = with_service(state, base, c.target, c.kind, c.value)
        elif c.kind == "wave":
            state = with_wave(state, base, c.target, None if c.value is None else int(c.value))
        elif c.kind == "exclude":
            state = with_wave(state, base, c.target, EXCLUDE)
        elif c.kind == "capacity":
            state = with_capacity(state, int(c.target), c.value)
        elif c.kind == "quick_wins":
            state = with_quick_wins(state, int(c.value))
    return state
