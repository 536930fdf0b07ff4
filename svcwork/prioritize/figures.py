"""The key figures of a prioritisation: every number its findings and takeaways quote.

:func:`key_figures` lists them (:class:`svcwork.keyfigures.KeyFigure`) from the result's data —
never from formatted text — so a sentence quotes a figure instead of formatting a number itself.
Keys (``prioritize.<name>`` or ``prioritize.<name>.<item>``; names and definitions in the
catalogue, :mod:`svcwork.i18n.prioritize`, ``prioritize.figure.<name>`` and ``….def``):

* per service: ``score.<id>`` (the weighted score), ``p_top.<id>`` and ``p_first.<id>`` (shares of
  the weight samples in which it ranks in the top N / first; base: the samples),
  ``survey_signal.<id>`` (the survey's share not agreeing on the focus items);
* per criterion: ``weight.<criterion>``, with ``low``/``high`` the range of that weight (the
  others rescaled) over which the top N stays the same, rounded inwards (:func:`inward_range`);
* per wave: ``wave_services.<wave>``;
* ``top_n``, ``services``, ``quick_wins``, ``planned``, ``waves``, ``deferred`` and
  ``deferred_<reason>``, ``discount``, ``plan_value``, ``simple_value``, ``gain``,
  ``survey_focus``, ``survey_focus_later``, ``survey_mean``, ``consistency_ratio``, ``cr_limit``,
  ``gci``, ``gci_limit``, ``criteria``, ``judgement_given``, ``judgement_consistent``,
  ``rank_correlation``.

Two display rules live here because they decide what a sentence may claim:

* :func:`share_kind` — a share is shown to a tenth of a percent (``share1``) when the whole
  percentage would round it *up* onto a round figure (a multiple of 5 %) or onto 0 % / 100 %
  without being exactly that: "75 %" for 74.85 % would let a text claim "at least 75 %".
* :func:`rounded_parts` — parts shown beside their total are rounded by the largest-remainder
  method so that the shown parts add up to the shown total.

Two selections live here because the prioritisation section and the executive summary must say
the same thing: :func:`heaviest` (the heaviest criteria, ties named together) and
:func:`robust_services` (the services a robustness range is quoted over).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from ..keyfigures import DIGITS, KeyFigure

if TYPE_CHECKING:
    from .analysis import PrioritizationResult

__all__ = ["key_figures", "share_kind", "rounded_parts", "inward_range", "SECTION", "DEFERRED_REASONS",
           "top_by_score", "wave_members", "heaviest", "weighting", "robust_services", "TIE"]

#: The report section the figures belong to.
SECTION = "prioritization"
#: The reasons a service is deferred (:attr:`.waves.WavePlan.reasons`), in the order text lists them:
#: every reason the roadmap gives, so the parts named add up to the services deferred (``excluded``:
#: left out of the roadmap in the workshop).
DEFERRED_REASONS = ("capacity", "dependency", "low_value", "excluded")
#: How many of the best-scoring services the text names when it sets them beside wave 1.
TOP_BY_SCORE = 3
_EPS = 1e-9
#: Two weights closer than this weigh the same (:func:`heaviest`).
TIE = 1e-9


def share_kind(value: float | None) -> str:
    """``"share"`` (a whole percentage), or ``"share1"`` when the whole percentage would overstate
    *value* onto a round figure: rounded up onto a multiple of 5 % (74.85 % → "75 %"), or shown as
    0 % or 100 % while not exactly 0 or 1 (99.89 % → "100 %").  With ``share1`` the text shows
    74.8 % and 99.9 %, so "between 74.8 % and 100 %" is not contradicted by the table.  Where even a
    tenth of a percent would still land on the round figure (74.97 %, 99.96 %, 0.04 %), the rule of
    ``share1`` (:func:`svcwork.keyfigures.show`) shows "> 74.9%", "> 99.9%", "< 0.1%" — never
    "75.0%", "100.0%" or "0.0%" for a value that is not that."""
    if value is None or not math.isfinite(value):
        return "share"
    pct = 100.0 * float(value)
    whole = round(pct)
    if whole in (0, 100) and _EPS < value < 1 - _EPS:
        return "share1"
    if whole > pct + _EPS and whole % 5 == 0:
        return "share1"
    return "share"


def rounded_parts(parts: Sequence[float], digits: int, total: float | None = None) -> list[float]:
    """*parts* rounded to *digits* decimals so that they add up exactly to the rounded *total*
    (default: their sum), by the largest-remainder method.

    Each part is cut down to the grid of 10^−digits; the units still missing to reach the rounded
    total go, one each, to the parts with the largest remainders (ties: the earlier part).  This
    is Hamilton's (Hare–Niemeyer) apportionment method, the usual way to make rounded percentages
    add up (Balinski & Young, *Fair Representation*, 2nd ed., Brookings 2001, ch. 2): no part
    moves by a whole unit or more from its exact value.  Parts must be non-negative.
    """
    scale = 10 ** digits
    exact = [round(float(p) * scale, 9) for p in parts]  # 0.29 × 100 is 28.999…: the 9th decimal decides
    if any(x < 0 for x in exact):
        raise ValueError("rounded_parts needs non-negative parts")
    target = round(round(float(sum(parts) if total is None else total), digits) * scale)
    floors = [math.floor(x) for x in exact]
    missing = int(target - sum(floors))
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    out = list(floors)
    if missing >= 0:
        for i in order[:missing]:
            out[i] += 1
    else:  # a total below the sum of the floors (a total given smaller than the parts): take from the smallest
        for i in sorted(range(len(exact)), key=lambda i: (exact[i] - floors[i], i))[:-missing]:
            out[i] -= 1
    return [round(v / scale, digits) + 0.0 for v in out]


def inward_range(lower: float, upper: float, current: float, kind: str = "share") -> tuple[float, float]:
    """The range [*lower*, *upper*] rounded *inwards* to the shown digits of *kind* (never wider
    than it is), kept around the *current* value: so "holds between 12 % and 56 %" holds at
    every shown value of the range."""
    digits = DIGITS[kind] + (2 if kind in ("share", "share1") else 0)
    scale = 10 ** digits
    lo = math.ceil(round(lower * scale, 9)) / scale
    hi = math.floor(round(upper * scale, 9)) / scale
    return min(lo, current), max(hi, current)


def top_by_score(res: PrioritizationResult) -> list:
    """The best-scoring services the text names beside wave 1: at most :data:`TOP_BY_SCORE`, and
    never every service of two or more ("the highest" would then include the lowest) — with two or
    three services, all but the last; a single service is named alone."""
    n = len(res.order)
    return res.order[:max(1, min(TOP_BY_SCORE, n - 1))]


def wave_members(res: PrioritizationResult, wave: int) -> list:
    """The services of *wave*, best score first (empty without a roadmap)."""
    return [s for s in res.order if res.wave_of(s) == wave]


def heaviest(weights: Mapping[Any, float] | Any) -> tuple:
    """The heaviest criteria: every criterion whose weight is the largest (within :data:`TIE`), in
    the order of *weights* (a mapping or a Series, criterion → weight).

    One criterion: the text names it.  Several tied: the text names them all, with their common
    weight ("the heaviest are Benefit and Effort, 30% each").  All of them (every criterion weighs
    the same): the text says the criteria are weighed equally and names none.  The prioritisation
    section and the executive summary both read this, so they never name different criteria.
    """
    items = [(c, float(w)) for c, w in weights.items() if w is not None and math.isfinite(float(w))]
    if not items:
        return ()
    top = max(w for _, w in items)
    return tuple(c for c, w in items if top - w <= TIE)


def weighting(weights: Mapping[Any, float] | Any) -> tuple[str, tuple]:
    """How a text names the heaviest criteria (:func:`heaviest`): ``("one", (c,))`` — one is the
    heaviest; ``("tied", (c1, c2, …))`` — several share the largest weight, all named; ``("equal",
    (…))`` — every criterion (more than one) weighs the same, none is heavier; ``("none", ())`` —
    no weights."""
    top = heaviest(weights)
    n = sum(1 for _, w in weights.items() if w is not None and math.isfinite(float(w)))
    if not top:
        return "none", ()
    if len(top) == 1:
        return "one", top
    return ("equal" if len(top) == n else "tied"), top


def robust_services(order: Sequence, top_n: int, among: Iterable | None = None) -> list:
    """The services a robustness range ("stay in the top N in between … and … of the samples") is
    quoted over: the top *top_n* by score (*order*: best score first), and with *among* (wave 1 of
    the roadmap) only those of them that are in it — a service outside the top N does not "stay"
    in it, so its share is never part of that range."""
    top = list(order)[: max(int(top_n), 0)]
    if among is None:
        return top
    keep = {str(s) for s in among}
    return [s for s in top if str(s) in keep]


def key_figures(res: PrioritizationResult) -> tuple[KeyFigure, ...]:
    """The figures the prioritisation's findings and takeaways quote (none when it was skipped)."""
    if not res.available:
        return ()
    out: list[KeyFigure] = []

    def fig(key: str, value: Any, kind: str, table: str | None, **extra: Any) -> None:
        out.append(KeyFigure(f"prioritize.{key}", value, kind, SECTION, table=table, **extra))

    n_services = len(res.order)
    acc = res.acceptability
    for sid in res.order:
        item = str(sid)
        fig(f"score.{item}", float(res.score.scores[sid]), "score", "priorities", item=item)
        p = float(acc.top[sid])
        fig(f"p_top.{item}", p, share_kind(p), "priorities", base=acc.n_samples, base_of="samples", item=item)
        p1 = float(acc.first[sid])
        fig(f"p_first.{item}", p1, share_kind(p1), "acceptability", base=acc.n_samples, base_of="samples", item=item)
        signal = res.survey_of(sid)
        if signal is not None:
            fig(f"survey_signal.{item}", signal, "share", "priorities", item=item)
    ranges = {r.criterion: r for r in res.sensitivity.ranges}
    for c, w in res.weights.items():
        r = ranges.get(c)
        low, high = (None, None) if r is None else inward_range(r.lower, r.upper, float(w))
        fig(f"weight.{c}", float(w), "share", "weights", low=low, high=high, item=str(c))
    fig("top_n", int(res.top_n), "count", "priorities")
    fig("services", n_services, "count", "priorities")
    fig("criteria", len(res.weights), "count", "weights")
    fig("quick_wins", int(sum(res.quadrant[s] == "quick_win" for s in res.order)), "count", "priorities",
        base=n_services, base_of="services")
    cmp = res.comparison
    if cmp.spearman is not None:
        fig("rank_correlation", float(cmp.spearman), "score", "methods", base=n_services, base_of="services")
    if res.ahp is not None and res.ahp.consistency_ratio is not None:
        fig("consistency_ratio", float(res.ahp.consistency_ratio), "score", "ahp_consistency")
        fig("cr_limit", float(res.ahp.threshold), "score", "ahp_consistency")
        if not res.ahp.acceptable and res.ahp.most_inconsistent:
            j = res.ahp.most_inconsistent[0]
            fig("judgement_given", float(j.value), "score", "ahp_inconsistent")
            fig("judgement_consistent", float(j.consistent_value), "score", "ahp_inconsistent")
    if res.ahp is not None and res.ahp.geometric_consistency_index is not None and res.ahp.gci_threshold is not None:
        fig("gci", float(res.ahp.geometric_consistency_index), "score", "ahp_consistency")
        fig("gci_limit", float(res.ahp.gci_threshold), "score", "ahp_consistency")
    plan = res.plan
    if plan is not None:
        fig("planned", int(plan.wave.notna().sum()), "count", "waves", base=n_services, base_of="services")
        fig("waves", int(plan.waves), "count", "waves")
        for w in range(1, plan.waves + 1):
            fig(f"wave_services.{w}", len(wave_members(res, w)), "count", "waves", item=str(w))
        fig("deferred", len(plan.deferred), "count", "deferred", base=n_services, base_of="services")
        for code in DEFERRED_REASONS:
            fig(f"deferred_{code}", sum(1 for c, _ in plan.reasons.values() if c == code), "count", "deferred")
        fig("discount", float(plan.discount), "share", "waves")
        fig("plan_value", float(plan.value), "score", "waves")
        fig("simple_value", float(plan.greedy_value), "score", "waves")
        if plan.greedy_value > 0 and plan.greedy_feasible:  # a baseline that breaks a constraint is no yardstick
            fig("gain", (plan.value - plan.greedy_value) / plan.greedy_value, "share", "waves")
    if res.survey_signal is not None and len(res.survey_signal):
        fig("survey_mean", float(res.survey_signal.mean()), "share", "priorities")
        fig("survey_focus", len(res.survey_focus), "count", "priorities", base=n_services, base_of="services")
        if plan is not None:
            fig("survey_focus_later", sum(1 for s in res.survey_focus if res.wave_of(s) != 1), "count", "priorities")
    return tuple(out)
