"""The roadmap: which services go into which wave, by an integer program.

:func:`plan_waves` solves the wave program with HiGHS through :func:`scipy.optimize.milp`
(cumulative 0/1 variables; capacity, dependencies, mandatory and locked services, a minimum of
quick wins in wave 1), compares it with the greedy sort-and-fill it replaces, and gives every
deferred service its reason.  Contradictory constraints raise :class:`InfeasiblePlanError`
naming the clash — specific pre-checks first, else a deletion filter over the constraint groups.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import AnalysisError
from ..i18n import t
from .scoring import score_key

__all__ = ["Conflict", "InfeasiblePlanError", "PlanInputError", "PlanTimeoutError", "WavePlan", "plan_waves",
           "fmt_amount"]


@dataclass(frozen=True)
class Conflict:
    """One reason a roadmap cannot be built; ``text(lang)`` renders it."""

    code: str
    params: Mapping[str, Any]

    def text(self, lang: str = "en") -> str:
        params = dict(self.params)
        if self.code == "groups":
            params["groups"] = ", ".join(t(f"prioritize.group.{g}", lang) for g in params["groups"])
        if self.code == "input" and "key" in params:  # a PlanInputError: its message in *lang*
            params["message"] = PlanInputError.render(params["key"], params.get("params", {}), lang)
        return t(f"prioritize.conflict.{self.code}", lang, **params)


class PlanInputError(AnalysisError):
    """:func:`plan_waves` was given input it cannot plan with; ``key`` and ``params`` keep the message
    so that it can be written in either language (:meth:`text`), e.g. in a Hebrew conflicts table."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key, self.params = key, MappingProxyType(dict(params))
        super().__init__(self.render(key, params, "en"))

    @staticmethod
    def render(key: str, params: Mapping[str, Any], lang: str) -> str:
        values = dict(params)
        if "what" in values:  # which input: "the dependencies", "a resources figure" … in *lang*
            values["what"] = t(f"prioritize.plan_input.{values['what']}", lang)
        return t(key, lang, **values)

    def text(self, lang: str = "en") -> str:
        return self.render(self.key, self.params, lang)


class InfeasiblePlanError(AnalysisError):
    """The roadmap's constraints contradict each other; ``conflicts`` says which."""

    code = "plan_infeasible"

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = tuple(conflicts)
        text = " ".join(c.text("en") for c in self.conflicts)
        super().__init__(t("prioritize.error.infeasible", "en", reasons=text))


class PlanTimeoutError(AnalysisError):
    """HiGHS reached its time limit before it found any roadmap (no incumbent to report)."""

    code = "plan_timeout"

    def __init__(self, seconds: float) -> None:
        self.seconds = float(seconds)
        super().__init__(t("prioritize.conflict.timeout", "en", seconds=f"{seconds:g}"))


@dataclass(frozen=True)
class WavePlan:
    """An optimal staged plan.

    ``wave`` maps every service to its wave (1-based) or ``<NA>`` when deferred; ``reasons``
    maps each deferred service to ``(code, params)`` with code ``capacity``, ``dependency`` or
    ``low_value`` (or ``excluded``: taken out of the roadmap by the consultant).  ``value`` is Σ value_s · discount^(wave − 1) over planned services;
    ``gap`` the relative gap between it and HiGHS' bound.  ``greedy_*`` describe the sort-and-fill
    baseline (by value, earliest wave with room, each service with what it depends on).  ``load``
    has one row per wave: capacity, used, services, value (discounted), and the baseline's
    ``greedy_used`` and ``greedy_value``.
    """

    wave: pd.Series
    value: float
    bound: float
    gap: float
    greedy_wave: pd.Series
    greedy_value: float
    greedy_feasible: bool
    reasons: Mapping[Any, tuple[str, Mapping[str, Any]]]
    load: pd.DataFrame
    waves: int
    capacity: tuple[float, ...]
    discount: float
    same_wave: bool
    seconds: float

    @property
    def improvement(self) -> float:
        """Optimal minus greedy value."""
        return self.value - self.greedy_value

    @property
    def deferred(self) -> tuple[Any, ...]:
        return tuple(self.wave.index[self.wave.isna().to_numpy()])


def _series(x: Mapping | pd.Series | Sequence[float], name: str) -> pd.Series:
    s = pd.Series(x, dtype=float) if not isinstance(x, pd.Series) else x.astype(float)
    if s.isna().any() or not np.all(np.isfinite(s.to_numpy())) or (s < 0).any():
        bad = s.index[(s.isna() | ~np.isfinite(s) | (s < 0)).to_numpy()][0]
        raise PlanInputError("prioritize.error.plan_value", what=name, service=bad, value=s[bad])
    return s


@dataclass(frozen=True)
class _Problem:
    ids: list
    value: np.ndarray
    days: np.ndarray
    W: int
    cap: np.ndarray
    deps: list[list[int]]
    mandatory: np.ndarray
    locked: dict[int, int]          # index -> wave 0-based
    quick: np.ndarray
    min_quick: int
    discount: float
    same_wave: bool
    excluded: frozenset = frozenset()  # indices kept out of every wave


def _closure(p: _Problem, seeds: Iterable[int]) -> set[int]:
    out, stack = set(), list(seeds)
    while stack:
        i = stack.pop()
        if i in out:
            continue
        out.add(i)
        stack.extend(p.deps[i])
    return out


def _depth(p: _Problem) -> list[int]:
    """Length of the longest dependency chain ending at each service (1 = no dependencies)."""
    memo: dict[int, int] = {}

    def d(i: int) -> int:
        if i not in memo:
            memo[i] = 1 + max((d(j) for j in p.deps[i]), default=0)
        return memo[i]

    return [d(i) for i in range(len(p.ids))]


def _precheck(p: _Problem) -> list[Conflict]:
    """Specific, explainable contradictions, found before the solver runs."""
    ids, out = p.ids, []
    gap = 0 if p.same_wave else 1
    for i, w in p.locked.items():
        if not 0 <= w < p.W:
            out.append(Conflict("locked_wave_range", {"service": ids[i], "wave": w + 1, "waves": p.W}))
    if out:
        return out
    for i, w in p.locked.items():
        for j in p.deps[i]:
            if j in p.locked and p.locked[j] + gap > w:
                out.append(Conflict("locked_before_dependency", {"service": ids[i], "wave": w + 1, "dependency": ids[j],
                                                                 "dependency_wave": p.locked[j] + 1}))
    required = _closure(p, [i for i in range(len(ids)) if p.mandatory[i]] + list(p.locked))
    for i in sorted(required & p.excluded):
        out.append(Conflict("excluded_required", {"service": ids[i]}))
    if out:
        return out
    depth = _depth(p)
    if not p.same_wave:
        for i in sorted(required):
            limit = p.locked.get(i, p.W - 1) + 1
            if depth[i] > limit:
                out.append(Conflict("chain_too_long", {"service": ids[i], "depth": depth[i], "waves": limit}))
    biggest = float(p.cap.max())
    for i in sorted(required):
        if p.days[i] > biggest + 1e-9:
            out.append(Conflict("too_large", {"service": ids[i], "days": fmt_amount(p.days[i]),
                                              "capacity": fmt_amount(biggest)}))
    need = float(sum(p.days[i] for i in required))
    if need > p.cap.sum() + 1e-9:
        out.append(Conflict("required_over_capacity", {"days": fmt_amount(need), "capacity": fmt_amount(p.cap.sum()),
                                                       "count": len(required)}))
    for w in range(p.W):
        load = float(sum(p.days[i] for i, lw in p.locked.items() if lw == w))
        if load > p.cap[w] + 1e-9:
            out.append(Conflict("wave_overload", {"wave": w + 1, "days": fmt_amount(load),
                                                  "capacity": fmt_amount(p.cap[w])}))
        early = _closure(p, [i for i, lw in p.locked.items() if lw <= w])
        early_load = float(sum(p.days[i] for i in early))
        if early_load > p.cap[: w + 1].sum() + 1e-9 and early_load > load:
            out.append(Conflict("early_over_capacity", {"wave": w + 1, "days": fmt_amount(early_load),
                                                        "capacity": fmt_amount(p.cap[: w + 1].sum())}))
    if p.min_quick > 0:
        first_ok = [i for i in range(len(ids)) if p.quick[i] and p.locked.get(i, 0) == 0
                    and not _closure(p, [i]) & p.excluded
                    and (not p.deps[i] if not p.same_wave else
                         all(p.locked.get(j, 0) == 0 for j in _closure(p, [i])))]
        if len(first_ok) < p.min_quick:
            out.append(Conflict("quick_wins_too_few", {"required": p.min_quick, "available": len(first_ok)}))
        else:
            # a necessary condition only (shared dependencies make exact closures overlap): the smallest
            # quick wins themselves must fit in wave 1 beside what is locked there
            locked_first = {i for i, lw in p.locked.items() if lw == 0}
            sizes = sorted(0.0 if i in locked_first else float(p.days[i]) for i in first_ok)
            need = sum(sizes[: p.min_quick]) + float(sum(p.days[i] for i in locked_first))
            if need > p.cap[0] + 1e-9:
                out.append(Conflict("quick_wins_capacity", {"required": p.min_quick, "days": fmt_amount(need),
                                                            "capacity": fmt_amount(p.cap[0])}))
    return out


def fmt_amount(x: float) -> str:
    """Person-days (or effort points) as shown in messages: whole numbers without decimals, else one."""
    return f"{x:,.0f}" if abs(x - round(x)) < 1e-9 else f"{x:,.1f}"


_GROUPS = ("capacity", "dependencies", "mandatory", "locked", "quick_wins")


def _solve(p: _Problem, *, groups: Sequence[str] = _GROUPS, gap: float = 0.001, time_limit: float = 60.0):
    """The wave program in cumulative form: y[s, w] = 1 when s is improved in wave w or earlier
    (x[s, w] = y[s, w] − y[s, w − 1]).  Dependencies become two-variable rows y[s, w] ≤ y[d, w]
    (or y[d, w − 1] when the same wave is not allowed), which HiGHS propagates far better
    than the equivalent sums over x."""
    from scipy import optimize, sparse

    n, W = len(p.ids), p.W
    nv = n * W
    disc = p.discount ** np.arange(W)
    step = disc - np.append(disc[1:], 0.0)            # value of being done by w rather than by w + 1
    c = -(p.value[:, None] * step[None, :]).ravel()
    lb = np.zeros(nv)
    ub = np.ones(nv)
    if "mandatory" in groups:
        lb[np.flatnonzero(p.mandatory) * W + W - 1] = 1
    if "locked" in groups:
        for i, w in p.locked.items():
            ub[i * W: i * W + w] = 0
            lb[i * W + w: (i + 1) * W] = 1
    for i in p.excluded:  # the consultant's decision, not a constraint group the diagnosis may drop
        ub[i * W: (i + 1) * W] = 0
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    lo: list[np.ndarray] = []
    hi: list[np.ndarray] = []
    r = 0
    if W > 1:  # monotone: y[s, w − 1] ≤ y[s, w]
        k = np.arange(n * (W - 1))
        s_, w_ = np.divmod(k, W - 1)
        rows += [r + k, r + k]
        cols += [s_ * W + w_, s_ * W + w_ + 1]
        vals += [np.ones(len(k)), -np.ones(len(k))]
        lo.append(np.full(len(k), -np.inf))
        hi.append(np.zeros(len(k)))
        r += len(k)
    if "capacity" in groups:  # Σ_s days_s (y[s, w] − y[s, w − 1]) ≤ cap_w
        for w in range(W):
            rows.append(np.full(n, r))
            cols.append(np.arange(n) * W + w)
            vals.append(p.days.astype(float))
            if w > 0:
                rows.append(np.full(n, r))
                cols.append(np.arange(n) * W + w - 1)
                vals.append(-p.days.astype(float))
            lo.append(np.array([-np.inf]))
            hi.append(np.array([float(p.cap[w])]))
            r += 1
    if "dependencies" in groups:
        shift = 0 if p.same_wave else 1
        for i in range(n):
            for j in p.deps[i]:
                for w in range(W):
                    if w - shift >= 0:  # y[i, w] ≤ y[j, w − shift]
                        rows.append(np.array([r, r]))
                        cols.append(np.array([i * W + w, j * W + w - shift]))
                        vals.append(np.array([1.0, -1.0]))
                    else:               # strict order: nothing can precede wave 1
                        rows.append(np.array([r]))
                        cols.append(np.array([i * W + w]))
                        vals.append(np.array([1.0]))
                    lo.append(np.array([-np.inf]))
                    hi.append(np.array([0.0]))
                    r += 1
    if "quick_wins" in groups and p.min_quick > 0:
        q = np.flatnonzero(p.quick)
        rows.append(np.full(len(q), r))
        cols.append(q * W)
        vals.append(np.ones(len(q)))
        lo.append(np.array([float(p.min_quick)]))
        hi.append(np.array([np.inf]))
        r += 1
    if r == 0:  # a single wave and nothing else: one empty row keeps milp's interface simple
        rows, cols, vals, lo, hi, r = [np.array([0])], [np.array([0])], [np.array([0.0])], [np.array([-np.inf])], \
            [np.array([np.inf])], 1
    a = sparse.csr_array((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(r, nv))
    res = optimize.milp(c, integrality=np.ones(nv), bounds=optimize.Bounds(lb, ub),
                        constraints=optimize.LinearConstraint(a, np.concatenate(lo), np.concatenate(hi)),
                        options={"mip_rel_gap": gap, "time_limit": time_limit, "presolve": True})
    return res


def _diagnose(p: _Problem, time_limit: float) -> list[Conflict]:
    """Which constraint groups clash: a deletion filter over groups (Chinneck & Dravnieks 1991,
    *ORSA J. Computing* 3:157–168) — drop each group in turn and keep it only if the rest
    becomes feasible without it."""
    active = list(_GROUPS)
    for g in _GROUPS:
        trial = [x for x in active if x != g]
        res = _solve(p, groups=trial, gap=0.5, time_limit=time_limit)
        if res.status == 2:  # still infeasible without g: g is not needed for the clash
            active = trial
    return [Conflict("groups", {"groups": active})]


def _greedy(p: _Problem) -> tuple[np.ndarray, bool]:
    """The plain alternative: fill waves in order of value (the ranked list), earliest wave with
    room whose dependencies are already placed.  Locked services go first (with what they depend
    on), then enough visible quick wins for wave 1 and the mandatory services (each with what it
    depends on, so the baseline never breaks a dependency a plain score-order fill would keep),
    then the rest."""
    n, W = len(p.ids), p.W
    wave = np.full(n, -1)
    used = np.zeros(W)
    shift = 0 if p.same_wave else 1
    for i, w in p.locked.items():
        wave[i] = w
        used[w] += p.days[i]

    def earliest(i: int) -> int | None:
        lo = 0
        for j in p.deps[i]:
            if wave[j] < 0:
                return None
            lo = max(lo, wave[j] + shift)
        return lo

    def put(i: int, latest: int) -> bool:
        if i in p.excluded:
            return False
        lo = earliest(i)
        if lo is None:
            return False
        for w in range(lo, latest + 1):
            if used[w] + p.days[i] <= p.cap[w] + 1e-9:
                wave[i] = w
                used[w] += p.days[i]
                return True
        return False

    def put_chain(i: int, latest: int) -> bool:
        for j in p.deps[i]:
            if wave[j] < 0 and not put_chain(j, latest - shift):
                return False
        return wave[i] >= 0 or put(i, latest)

    def put_with_dependencies(i: int, latest: int) -> bool:
        """*i* with what it depends on, all or nothing (a failed chain leaves no service placed)."""
        saved_wave, saved_used = wave.copy(), used.copy()
        if put_chain(i, latest):
            return True
        wave[:], used[:] = saved_wave, saved_used
        return False

    key = score_key(p.value)  # the scores' order (ties in intake order), as the priorities table ranks them
    by_value = sorted(range(n), key=lambda i: (-key[i], i))
    for i, w in sorted(p.locked.items(), key=lambda kv: kv[1]):
        for j in p.deps[i]:
            if wave[j] < 0:
                put_with_dependencies(j, w - shift)
    placed_quick = sum(1 for i in range(n) if p.quick[i] and wave[i] == 0)
    for i in by_value:
        if placed_quick >= p.min_quick:
            break
        if p.quick[i] and wave[i] < 0 and put_with_dependencies(i, 0):
            placed_quick += 1
    for i in by_value:
        if p.mandatory[i] and wave[i] < 0:
            put_with_dependencies(i, W - 1)
    changed = True
    while changed:
        changed = False
        for i in by_value:
            if wave[i] < 0 and put(i, W - 1):
                changed = True
    feasible = all(wave[i] >= 0 for i in range(n) if p.mandatory[i])
    feasible &= sum(1 for i in range(n) if p.quick[i] and wave[i] == 0) >= p.min_quick
    feasible &= all(wave[j] >= 0 and wave[j] + shift <= wave[i] for i in range(n) if wave[i] >= 0 for j in p.deps[i])
    feasible &= all(used[w] <= p.cap[w] + 1e-9 for w in range(W))
    return wave, bool(feasible)


def plan_waves(values: Mapping[Any, float] | pd.Series, resources: Mapping[Any, float] | pd.Series, *, waves: int,
               capacity: float | Sequence[float], dependencies: Mapping[Any, Iterable[Any]] | None = None,
               mandatory: Iterable[Any] = (), locked: Mapping[Any, int] | None = None,
               quick_wins: Iterable[Any] = (), min_quick_wins: int = 0, discount: float = 0.8,
               same_wave: bool = True, mip_rel_gap: float = 0.001, time_limit: float = 60.0,
               excluded: Iterable[Any] = ()) -> WavePlan:
    """Assign services to waves by an integer program (HiGHS via :func:`scipy.optimize.milp`).

    Binary x[s, w] = 1 when service s is improved in wave w (1…W).  Maximise
    Σ value_s · discount^(w − 1) · x[s, w] — a wave's delivery is worth ``discount`` (default
    0.8) of the one before, so earlier waves are worth more — subject to

    * each service at most once; every ``mandatory`` service exactly once;
    * capacity: Σ_s resources_s x[s, w] ≤ capacity_w (person-days per wave);
    * dependencies: a service placed by wave w needs each of its dependencies placed by wave w
      (``same_wave=True``, the default: a wave is long enough to sequence work inside it) or by
      wave w − 1 (``same_wave=False``); so a service is never planned before what it needs, and
      never planned at all if a dependency is deferred;
    * ``locked`` services (service → wave) go exactly there;
    * at least ``min_quick_wins`` of ``quick_wins`` in wave 1;
    * ``excluded`` services (the workshop's "leave it out") in no wave — and so neither is
      anything that depends on them.

    Solved to a relative gap of ``mip_rel_gap`` (0.1 %) or until ``time_limit`` seconds have
    passed (the plan's ``gap`` then says how far from proven optimal it may be).  Ties are broken
    after the solve, by a rule that never lowers the value (:func:`_tie_break`): among services the
    constraints treat alike (same resources, dependencies and roles), the higher score takes the
    earlier wave, and between equal scores the earlier intake row.  A greedy baseline (sort by value,
    earliest wave with room, each service with what it depends on) is computed for comparison.  Every deferred service gets a
    reason: ``dependency`` (waits for a deferred service), ``capacity`` (no admissible wave
    has room; it may also be larger than any wave) or ``low_value`` (value 0, or less value per
    person-day than every service the optimiser chose freely).

    Raises
    ------
    PlanTimeoutError
        when the time limit passed before HiGHS found any roadmap.
    InfeasiblePlanError
        when the constraints contradict each other, with the clashing constraints named
        (e.g. required work above total capacity, a service locked before its dependency,
        a quick-win minimum that cannot be met).
    AnalysisError
        for unknown services, negative values, or a dependency cycle.
    """
    started = time.perf_counter()
    value = _series(values, "value")
    days = _series(resources, "resources").reindex(value.index)
    if days.isna().any():
        raise PlanInputError("prioritize.error.plan_missing", what="resources",
                             service=days.index[days.isna().to_numpy()][0])
    if int(waves) != waves or waves < 1:
        raise PlanInputError("prioritize.error.waves", value=waves)
    waves = int(waves)
    cap = np.broadcast_to(np.asarray(capacity, dtype=float), (waves,)).copy() if np.ndim(capacity) == 0 else \
        np.asarray(capacity, dtype=float)
    if cap.shape != (waves,) or not np.all(np.isfinite(cap)) or (cap < 0).any():
        raise PlanInputError("prioritize.error.capacity", value=capacity, waves=waves)
    if not 0 < discount <= 1:
        raise PlanInputError("prioritize.error.discount", value=discount)
    ids = list(value.index)
    where = {s: i for i, s in enumerate(ids)}

    def known(s: Any, what: str) -> int:
        if s not in where:
            raise PlanInputError("prioritize.error.plan_unknown", what=what, service=s)
        return where[s]

    deps: list[list[int]] = [[] for _ in ids]
    for s, ds in (dependencies or {}).items():
        i = known(s, "dependencies")
        for d in ds:
            j = known(d, "dependencies")
            if j == i:
                raise PlanInputError("prioritize.error.cycle", cycle=f"{s} → {s}")
            if j not in deps[i]:
                deps[i].append(j)
    _check_acyclic(ids, deps)
    mand = np.zeros(len(ids), bool)
    for s in mandatory:
        mand[known(s, "mandatory")] = True
    lock = {known(s, "locked"): int(w) - 1 for s, w in (locked or {}).items()}
    quick = np.zeros(len(ids), bool)
    for s in quick_wins:
        quick[known(s, "quick_wins")] = True
    out = frozenset(known(s, "excluded") for s in excluded)
    p = _Problem(ids, value.to_numpy(float), days.to_numpy(float), waves, cap, deps, mand, lock, quick,
                 int(min_quick_wins), float(discount), bool(same_wave), out)
    conflicts = _precheck(p)
    if conflicts:
        raise InfeasiblePlanError(conflicts)
    x, bound = _optimise(p, mip_rel_gap, time_limit)
    wave_idx = _tie_break(p, np.where(x.sum(axis=1) > 0.5, x.argmax(axis=1), -1))
    disc = discount ** np.arange(waves)
    obj = float(sum(p.value[i] * disc[w] for i, w in enumerate(wave_idx) if w >= 0))
    bound = max(bound, obj)
    gap = (bound - obj) / abs(bound) if bound > 0 else 0.0
    g_wave, g_ok = _greedy(p)
    g_value = float(sum(p.value[i] * disc[w] for i, w in enumerate(g_wave) if w >= 0))
    reasons = _reasons(p, wave_idx)
    load_rows = []
    for w in range(waves):
        members = np.flatnonzero(wave_idx == w)
        filled = np.flatnonzero(g_wave == w)
        load_rows.append({"wave": w + 1, "capacity": float(cap[w]), "used": float(p.days[members].sum()),
                          "services": len(members), "value": float(p.value[members].sum() * disc[w]),
                          "greedy_used": float(p.days[filled].sum()),
                          "greedy_value": float(p.value[filled].sum() * disc[w])})
    as_wave = pd.Series(pd.array([int(w) + 1 if w >= 0 else pd.NA for w in wave_idx], dtype="Int64"), index=value.index,
                        name="wave")
    as_greedy = pd.Series(pd.array([int(w) + 1 if w >= 0 else pd.NA for w in g_wave], dtype="Int64"),
                          index=value.index, name="greedy_wave")
    return WavePlan(as_wave, obj, max(bound, obj), gap, as_greedy, g_value, g_ok, MappingProxyType(reasons),
                    pd.DataFrame(load_rows), waves, tuple(float(c) for c in cap), float(discount), bool(same_wave),
                    time.perf_counter() - started)


def _tie_break(p: _Problem, wave: np.ndarray) -> np.ndarray:
    """The solver's waves with the stated tie-break: among services the constraints treat alike, the
    higher score goes first, and between equal scores the earlier intake row.

    Services are treated alike when they have the same resources, are equally mandatory and equally
    visible quick wins, depend on the same services and have the same services depending on them,
    and are neither locked nor left out.  Within each such class the waves the solver gave it
    (deferred last) are handed out again in score order (:func:`.scoring.score_key`, ties in intake
    order).  Every wave then holds the same resources, the same mandatory services and quick wins,
    and every dependency still holds, so the roadmap stays feasible; the value never goes down
    (the larger scores take the earlier, more valuable waves: the rearrangement inequality) and
    is unchanged where the solver's plan already was optimal.  Reordering the rows of tied services
    changes only which of them takes which of the class's waves, by intake order — so long as the
    solver returns the same waves for the class, which an optimal plan with other ties need not.
    """
    n = len(p.ids)
    dependents: list[list[int]] = [[] for _ in range(n)]
    for i in range(n):
        for j in p.deps[i]:
            dependents[j].append(i)
    key = score_key(p.value)
    classes: dict[tuple, list[int]] = {}
    for i in range(n):
        if i in p.locked or i in p.excluded:
            continue
        alike = (float(score_key([p.days[i]])[0]), bool(p.mandatory[i]), bool(p.quick[i]),
                 frozenset(p.deps[i]), frozenset(dependents[i]))
        classes.setdefault(alike, []).append(i)
    out = wave.copy()
    for members in classes.values():
        if len(members) < 2:
            continue
        slots = sorted(int(wave[i]) if wave[i] >= 0 else p.W for i in members)  # deferred last
        for i, w in zip(sorted(members, key=lambda i: (-key[i], i)), slots):
            out[i] = w if w < p.W else -1
    return out


def _optimise(p: _Problem, gap: float, time_limit: float) -> tuple[np.ndarray, float]:
    """Solve the wave program; the 0/1 assignment x (services × waves) and HiGHS' upper bound."""
    res = _solve(p, gap=gap, time_limit=time_limit)
    if res.status == 2:
        raise InfeasiblePlanError(_diagnose(p, time_limit))
    if res.x is None and res.status == 1:  # the time limit, before any feasible roadmap was found
        raise PlanTimeoutError(time_limit)
    if res.x is None:
        raise AnalysisError(t("prioritize.error.solver", "en", message=str(res.message)))
    y = np.round(res.x).reshape(len(p.ids), p.W)
    x = np.diff(np.concatenate([np.zeros((len(p.ids), 1)), y], axis=1), axis=1)
    bound = float(-res.mip_dual_bound) if getattr(res, "mip_dual_bound", None) is not None else float(-res.fun)
    return x, bound


def _check_acyclic(ids: list, deps: list[list[int]]) -> None:
    state = [0] * len(ids)  # 0 new, 1 on stack, 2 done
    for root in range(len(ids)):
        if state[root]:
            continue
        stack = [(root, iter(deps[root]))]
        path = [root]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state[nxt] == 1:
                cycle = path[path.index(nxt):] + [nxt]
                raise PlanInputError("prioritize.error.cycle", cycle=" → ".join(str(ids[i]) for i in cycle))
            elif state[nxt] == 0:
                state[nxt] = 1
                stack.append((nxt, iter(deps[nxt])))
                path.append(nxt)


def _reasons(p: _Problem, wave: np.ndarray) -> dict[Any, tuple[str, Mapping[str, Any]]]:
    W, shift = p.W, (0 if p.same_wave else 1)
    used = np.array([p.days[wave == w].sum() for w in range(W)])
    free = p.cap - used
    chosen = [i for i in range(len(p.ids)) if wave[i] >= 0 and not p.mandatory[i] and i not in p.locked
              and p.days[i] > 0]
    floor = min((p.value[i] / p.days[i] for i in chosen), default=math.inf)
    out: dict[Any, tuple[str, Mapping[str, Any]]] = {}
    # deferred services whose dependency chain is deferred: name the first deferred dependency
    for i in range(len(p.ids)):
        if wave[i] >= 0:
            continue
        sid = p.ids[i]
        waiting = [p.ids[j] for j in p.deps[i] if wave[j] < 0]
        if i in p.excluded:
            out[sid] = ("excluded", {})
            continue
        if p.value[i] <= 0:
            out[sid] = ("low_value", {"value": f"{p.value[i]:.2f}"})
            continue
        if waiting:
            out[sid] = ("dependency", {"dependency": ", ".join(map(str, waiting))})
            continue
        earliest = max((wave[j] + shift for j in p.deps[i]), default=0)
        if earliest >= W:
            out[sid] = ("dependency", {"dependency": ", ".join(str(p.ids[j]) for j in p.deps[i])})
            continue
        room = float(free[earliest:].max())
        biggest = float(p.cap[earliest:].max())
        if p.days[i] > biggest + 1e-9:
            out[sid] = ("capacity", {"days": fmt_amount(p.days[i]), "free": fmt_amount(max(room, 0.0))})
        elif p.days[i] <= room + 1e-9 or (p.days[i] > 0 and p.value[i] / p.days[i] < floor):
            out[sid] = ("low_value", {"value": f"{p.value[i]:.2f}"})
        else:
            out[sid] = ("capacity", {"days": fmt_amount(p.days[i]), "free": fmt_amount(max(room, 0.0))})
    return out
