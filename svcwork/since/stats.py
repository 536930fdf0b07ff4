"""The intervals of a change between two rounds, and the one rule that calls a change real.

Every difference is *current − previous* of two independent samples (two rounds of
measurement), with a two-sided interval at ``confidence`` (95% unless told):

* :func:`newcombe` — two proportions: Newcombe's hybrid score interval (R. G. Newcombe, "Interval
  estimation for the difference between independent proportions: comparison of eleven methods",
  *Statistics in Medicine* 17, 873–890, 1998, method 10), built from the two Wilson score
  intervals: ``L = d − √((p₁ − l₁)² + (u₂ − p₂)²)``, ``U = d + √((u₁ − p₁)² + (p₂ − l₂)²)``.  The
  one implementation of :func:`svcwork.measures.newcombe_interval`, which the survey section
  uses too;
* :func:`nps_difference` — two Net Promoter Scores: the difference of two independent trinomial
  estimates, ``Var(NPS) = [p₊ + p₋ − (p₊ − p₋)²] / n`` per round (the variance of the difference
  of two proportions of one multinomial sample; Rocks, *The American Statistician* 70(4), 2016,
  whose adjusted-Wald interval adds ¾ to promoters and detractors and 3 to n in each round, as the
  survey section's own NPS interval does), the two variances added;
* :func:`welch` — two means: Welch's interval (Welch 1947) with the Welch–Satterthwaite degrees of
  freedom (:func:`svcwork.measures.welch_interval`); :func:`welch_from_intervals` recovers each
  round's standard error from its t interval when only the interval was recorded, with the
  interval's own degrees of freedom: n − 1 for a Student-t interval over n independent values,
  G − 1 for a cluster-robust one over G clusters (the observation scores, clustered by employee:
  Cameron & Miller, *Journal of Human Resources* 50(2), 2015), which the Welch–Satterthwaite
  degrees of freedom then combine;
* :func:`quantile_difference` — two medians or 90th percentiles of case times counting the cases
  still open: each round's cases resampled with replacement (a two-sample bootstrap, B resamples
  from a seeded :class:`numpy.random.Generator`), each resample's quantile read from its
  Kaplan–Meier curve by the rule of :mod:`svcwork.journeys.survival`, and the percentile interval
  of the B differences (B. Efron & R. J. Tibshirani, *An Introduction to the Bootstrap*, 1993,
  §13.3; order statistics by ``numpy.quantile(method="inverted_cdf")``);
* :func:`verdict` — *better*, *worse* or *no clear change*: only by whether the interval excludes
  0 and which way is good for the figure; nothing else (no p-value, no size threshold).
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from typing import Sequence

import numpy as np

__all__ = ["Difference", "CONFIDENCE", "N_BOOT", "SEED", "VERDICTS", "newcombe", "nps_difference", "welch",
           "welch_from_intervals", "km_quantiles_weighted", "quantile_difference", "quantile_differences", "rng_for",
           "verdict"]

CONFIDENCE = 0.95
#: Bootstrap resamples and the seed every comparison states (the same seed gives the same intervals).
N_BOOT = 2000
SEED = 20260101
#: The verdicts of a change: judged by an interval (better, worse, no_change; up/down for a figure with
#: no good direction), or why none is given.
VERDICTS = ("better", "worse", "no_change", "up", "down", "two_points", "not_tested", "not_comparable", "suppressed")
_TOL = 1e-10  # as svcwork.journeys.survival: a running product a hair either side of 1 − p


@dataclass(frozen=True)
class Difference:
    """*current − previous* with its interval (None where not estimable) and the method's name."""

    value: float | None
    low: float | None
    high: float | None
    method: str

    def scaled(self, factor: float) -> "Difference":
        """The same difference in other units (×100: shares as percentage points)."""
        def s(v: float | None) -> float | None:
            return None if v is None else v * factor
        return Difference(s(self.value), s(self.low), s(self.high), self.method)


def _num(v: object) -> float | None:
    try:
        f = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def newcombe(x_current: float, n_current: float, x_previous: float, n_previous: float,
             confidence: float = CONFIDENCE) -> Difference:
    """p_current − p_previous of two independent proportions (x successes of n) with Newcombe's hybrid
    score interval (1998, method 10); None limits when either round has no case."""
    from ..measures.intervals import newcombe_interval

    if not n_current or not n_previous:
        return Difference(None, None, None, "newcombe")
    r = newcombe_interval(x_current, n_current, x_previous, n_previous, confidence)
    return Difference(_num(r.value), _num(r.low), _num(r.high), "newcombe")


def nps_difference(promoters_current: float, detractors_current: float, n_current: float,
                   promoters_previous: float, detractors_previous: float, n_previous: float,
                   confidence: float = CONFIDENCE, *, adjusted: bool = True) -> Difference:
    """NPS_current − NPS_previous (points, −200…200) with the variance of the difference of two
    independent trinomial estimates, ``Σ [p₊ + p₋ − (p₊ − p₋)²] / n`` over the two rounds.

    *adjusted* (default): Rocks' (2016) adjustment in each round — ¾ added to promoters and
    detractors and 3 to n for the variance and the centre — so that a round with no promoter or
    detractor still has an interval of some width; the interval is widened, if need be, to contain
    the observed difference (as :func:`svcwork.measures.nps` does).  ``adjusted=False``: the plain
    Wald interval around the observed difference.
    """
    from scipy import stats

    if not n_current or not n_previous:
        return Difference(None, None, None, "nps_trinomial")
    z = float(stats.norm.ppf(0.5 + confidence / 2))
    observed = (promoters_current - detractors_current) / n_current \
        - (promoters_previous - detractors_previous) / n_previous
    add, extra = (0.75, 3.0) if adjusted else (0.0, 0.0)
    centre, var = 0.0, 0.0
    for sign, pro, det, n in ((1, promoters_current, detractors_current, n_current),
                              (-1, promoters_previous, detractors_previous, n_previous)):
        m = n + extra
        pp, pd_ = (pro + add) / m, (det + add) / m
        centre += sign * (pp - pd_)
        var += (pp + pd_ - (pp - pd_) ** 2) / m
    half = z * math.sqrt(max(var, 0.0))
    low, high = centre - half, centre + half
    if adjusted:
        low, high = min(low, observed), max(high, observed)
    return Difference(100 * observed, 100 * max(low, -2.0), 100 * min(high, 2.0), "nps_trinomial")


def welch(mean_current: float, var_current: float, n_current: float, mean_previous: float, var_previous: float,
          n_previous: float, confidence: float = CONFIDENCE) -> Difference:
    """mean_current − mean_previous with Welch's interval (*var*: sample variances, ddof = 1)."""
    from ..measures.intervals import welch_interval

    if not n_current or not n_previous:
        return Difference(None, None, None, "welch")
    r = welch_interval(mean_current, var_current, n_current, mean_previous, var_previous, n_previous, confidence)
    return Difference(_num(r.value), _num(r.low), _num(r.high), "welch")


def welch_from_intervals(current: tuple[float, ...], previous: tuple[float, ...],
                         confidence: float = CONFIDENCE) -> Difference:
    """Welch's interval from two recorded means with their t intervals ``(mean, low, high, n)`` or
    ``(mean, low, high, n, df)``.

    Each round's standard error is ``(high − low) / (2 t₍df₎)`` with the interval's own degrees of
    freedom *df*: ``n − 1`` when not given (a Student-t interval over *n* independent values), ``G − 1``
    for a cluster-robust interval over G clusters (Cameron & Miller 2015: the observation scores,
    clustered by employee).  The two are combined as Welch's interval with each round's variance
    ``(df + 1) · se²`` over ``df + 1``, so the Welch–Satterthwaite degrees of freedom weigh each
    round's *df*.  None limits when an interval is missing or a *df* is below 1.
    """
    from scipy import stats

    parts = []
    for part in (current, previous):
        mean, low, high, n = (_num(v) for v in part[:4])
        df = _num(part[4]) if len(part) > 4 else None
        if df is None and n is not None:
            df = n - 1
        if mean is None or low is None or high is None or df is None or df < 1:
            return Difference(None, None, None, "welch")
        se = (high - low) / (2 * float(stats.t.ppf(0.5 + confidence / 2, df)))
        parts.append((mean, (df + 1) * se * se, df + 1))
    (m1, v1, n1), (m2, v2, n2) = parts
    return welch(m1, v1, n1, m2, v2, n2, confidence)


# ----------------------------------------------------------------------------------------- bootstrap
def rng_for(seed: int, key: str) -> np.random.Generator:
    """The generator of one comparison: seeded by (*seed*, CRC-32 of the figure's *key*), so adding a
    figure never changes another's interval."""
    return np.random.default_rng([int(seed), zlib.crc32(key.encode("utf-8"))])


def km_quantiles_weighted(days: np.ndarray, finished: np.ndarray, weights: np.ndarray,
                          probs: Sequence[float]) -> np.ndarray:
    """Kaplan–Meier *probs*-quantiles of each row of *weights* (case multiplicities, shape B × n):
    ``(B, len(probs))``, NaN where not reached.

    The rule of :func:`svcwork.journeys.survival.km_quantiles` — the smallest event time at which the
    estimated share still open is at most 1 − p (tolerance 1e-10) — computed for B weightings at
    once: at each distinct time, events d and cases at risk r (weights of every case with that time or
    longer), S = ∏(1 − d/r).  With all weights 1 it equals ``km_quantiles`` (a test checks it).
    """
    t = np.asarray(days, dtype=float)
    e = np.asarray(finished, dtype=bool)
    w = np.atleast_2d(np.asarray(weights, dtype=float))
    ok = np.isfinite(t)
    t, e, w = t[ok], e[ok], w[:, ok]
    out = np.full((w.shape[0], len(probs)), np.nan)
    if not len(t):
        return out
    order = np.argsort(t, kind="stable")
    t, e, w = t[order], e[order], w[:, order]
    times, starts = np.unique(t, return_index=True)
    d = np.add.reduceat(w * e, starts, axis=1)
    c = np.add.reduceat(w, starts, axis=1)
    r = np.cumsum(c[:, ::-1], axis=1)[:, ::-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        h = np.where(r > 0, d / r, 0.0)
    surv = np.cumprod(1.0 - h, axis=1)
    event = d > 0
    for k, p in enumerate(probs):
        hit = event & (surv <= 1.0 - p + _TOL)
        first = hit.argmax(axis=1)
        out[:, k] = np.where(hit.any(axis=1), times[first], np.nan)
    return out


def _replicates(days: np.ndarray, finished: np.ndarray, probs: Sequence[float], n_boot: int,
                rng: np.random.Generator, chunk: int = 200) -> np.ndarray:
    """*n_boot* bootstrap replicates of the *probs*-quantiles, ``(n_boot, len(probs))`` (cases resampled
    with replacement: each resample's multiplicities, then its Kaplan–Meier quantiles)."""
    n = len(days)
    out = np.empty((n_boot, len(probs)))
    for start in range(0, n_boot, chunk):
        b = min(chunk, n_boot - start)
        idx = rng.integers(0, n, size=(b, n))
        counts = np.bincount((idx + n * np.arange(b)[:, None]).ravel(), minlength=b * n).reshape(b, n)
        out[start:start + b] = km_quantiles_weighted(days, finished, counts, probs)
    return out


def quantile_differences(current: tuple[np.ndarray, np.ndarray], previous: tuple[np.ndarray, np.ndarray],
                         probs: Sequence[float] = (0.5, 0.9), *, n_boot: int = N_BOOT, seed: int = SEED,
                         key: str = "", confidence: float = CONFIDENCE) -> tuple[Difference, ...]:
    """The change of each *probs*-quantile of case days (``(days, finished)`` of each round) with a
    seeded two-sample bootstrap percentile interval; one :class:`Difference` per quantile, all read
    from the same resamples.

    Point estimates: :func:`svcwork.journeys.survival.km_quantiles` of each round.  A resample whose
    quantile is not reached (more than 1 − q still open) counts as longer than any time observed; a
    pair of resamples that both fail is unknown and counts against both limits (conservative); a
    limit that falls on such a resample is None (unbounded on that side).
    """
    from ..journeys.survival import km_quantiles

    (cd, cf), (pd_, pf) = ((np.asarray(a, float), np.asarray(b, bool)) for a, b in (current, previous))
    cur, prev = km_quantiles(cd, cf, probs), km_quantiles(pd_, pf, probs)
    values = [c - p if math.isfinite(c) and math.isfinite(p) else None for c, p in zip(cur, prev)]
    if all(v is None for v in values) or not len(cd) or not len(pd_):
        return tuple(Difference(v, None, None, "bootstrap") for v in values)
    rng = rng_for(seed, key)
    a = np.nan_to_num(_replicates(cd, cf, probs, n_boot, rng), nan=np.inf)
    b = np.nan_to_num(_replicates(pd_, pf, probs, n_boot, rng), nan=np.inf)
    with np.errstate(invalid="ignore"):
        diff = a - b  # NaN where both resamples failed: unknown, counted against both limits below
    alpha = 1 - confidence
    out = []
    for k, value in enumerate(values):
        col = diff[:, k]
        if value is None:
            out.append(Difference(None, None, None, "bootstrap"))
            continue
        low = float(np.quantile(np.where(np.isnan(col), -np.inf, col), alpha / 2, method="inverted_cdf"))
        high = float(np.quantile(np.where(np.isnan(col), np.inf, col), 1 - alpha / 2, method="inverted_cdf"))
        out.append(Difference(value, low if math.isfinite(low) else None, high if math.isfinite(high) else None,
                              "bootstrap"))
    return tuple(out)


def quantile_difference(current: tuple[np.ndarray, np.ndarray], previous: tuple[np.ndarray, np.ndarray], q: float,
                        **options: object) -> Difference:
    """:func:`quantile_differences` of one quantile *q* (the median: 0.5)."""
    return quantile_differences(current, previous, (q,), **options)[0]  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------- verdict
def verdict(low: float | None, high: float | None, direction: str | None) -> str:
    """``better`` / ``worse`` when the interval lies wholly above or below 0 and the figure is good
    *higher* or *lower* (``up`` / ``down`` for a figure with no good direction); ``no_change`` when it
    holds 0; ``not_tested`` without an interval.  A missing limit is unbounded on its side."""
    lo, hi = _num(low), _num(high)
    if lo is None and hi is None:
        return "not_tested"
    if lo is not None and lo > 0:
        moved = "up"
    elif hi is not None and hi < 0:
        moved = "down"
    else:
        return "no_change"
    if direction not in ("higher", "lower"):
        return moved
    return "better" if (moved == "up") == (direction == "higher") else "worse"
