"""Estimates with their uncertainty: proportions (Wilson), differences (Newcombe, Welch), trends
(Cochran–Armitage), NPS (Rocks), CES.

* :func:`wilson_interval` — the Wilson (1927) score interval of a proportion; vectorised.
* :func:`newcombe_interval` — p₁ − p₂ of two independent proportions (Newcombe 1998, method 10:
  the hybrid score interval built from the two Wilson intervals).
* :func:`welch_interval` — μ₁ − μ₂ of two independent means with unequal variances (Welch 1947:
  the t interval with the Welch–Satterthwaite degrees of freedom).
* :func:`cochran_armitage` — the Cochran–Armitage test for a linear trend in proportions across
  ordered groups (Cochran 1954; Armitage 1955; Agresti, *Categorical Data Analysis*, 3rd ed. 2013,
  §5.3.5 and §3.4.6), with the slope it tests.
* :func:`nps` — promoters (9–10) minus detractors (0–6), with the adjusted-Wald interval of Rocks
  (2016, *The American Statistician* 70(4)): ¾ added to promoters and detractors, 3 to n, and the
  standard error of a difference of two trinomial proportions,
  ``Var(p̂₊ − p̂₋) = [p₊ + p₋ − (p₊ − p₋)²] / n``.
* :func:`ces` — Customer Effort Score 2.0 (1–7): the mean with a Student-t interval.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd

from ..common import round_or_none
from ._base import _floats, _out, _py, _z, error

__all__ = ["Interval", "wilson_interval", "newcombe_interval", "welch_interval", "Trend", "cochran_armitage", "nps",
           "ces"]


@dataclass(frozen=True)
class Interval:
    """An estimate with its confidence interval (scalars, or arrays for vectorised input)."""

    value: float | np.ndarray
    low: float | np.ndarray
    high: float | np.ndarray
    n: float | np.ndarray

    def as_dict(self, digits: int = 4) -> dict[str, float | int | None]:
        """``{value, low, high, n}`` as plain JSON values (for a scalar interval)."""
        n = _py(self.n)
        return {"value": round_or_none(self.value, digits), "low": round_or_none(self.low, digits),
                "high": round_or_none(self.high, digits), "n": None if n is None else int(round(float(n)))}


def wilson_interval(successes: float | Sequence[float] | np.ndarray, n: float | Sequence[float] | np.ndarray,
                    confidence: float = 0.95) -> Interval:
    """Wilson score interval for a binomial proportion (Wilson 1927, JASA 22:209–212).

    Vectorised: *successes* and *n* broadcast.  ``n == 0`` gives NaN.  Fractional counts
    (weighted data with an effective sample size) are accepted.
    """
    x, m = _floats(successes, "successes"), _floats(n, "n")
    try:
        x, m = np.broadcast_arrays(x, m)
    except ValueError as exc:
        raise error("shape", successes=np.shape(x), n=np.shape(m)) from exc
    bad = (m < 0) | (x < 0) | (x > m * (1 + 1e-9) + 1e-9)
    if np.any(bad):
        i = int(np.flatnonzero(np.ravel(bad))[0])
        raise error("successes", successes=float(np.ravel(x)[i]), n=float(np.ravel(m)[i]))
    z = _z(confidence)
    z2 = z * z
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(m > 0, np.minimum(x / m, 1.0), np.nan)
        denom = 1 + z2 / m
        centre = (p + z2 / (2 * m)) / denom
        half = z * np.sqrt(p * (1 - p) / m + z2 / (4 * m * m)) / denom
        # the score interval always contains p̂; min/max only guard against rounding at 0 and 1
        low = np.clip(np.minimum(centre - half, p), 0, 1)
        high = np.clip(np.maximum(centre + half, p), 0, 1)
    return Interval(_out(p), _out(low), _out(high), _out(m))


def newcombe_interval(successes1: float | np.ndarray, n1: float | np.ndarray, successes2: float | np.ndarray,
                      n2: float | np.ndarray, confidence: float = 0.95) -> Interval:
    """Interval for p₁ − p₂ of two independent proportions: Newcombe (1998, Stat Med 17:873–890), method 10.

    ``L = d − √((p₁ − l₁)² + (u₂ − p₂)²)``, ``U = d + √((u₁ − p₁)² + (p₂ − l₂)²)`` with the
    Wilson limits (l, u) of each proportion.  ``n`` of the result is ``n1 + n2``.
    """
    a = wilson_interval(successes1, n1, confidence)
    b = wilson_interval(successes2, n2, confidence)
    p1, l1, u1 = (np.asarray(v, float) for v in (a.value, a.low, a.high))
    p2, l2, u2 = (np.asarray(v, float) for v in (b.value, b.low, b.high))
    d = p1 - p2
    low = np.clip(d - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), -1, 1)
    high = np.clip(d + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2), -1, 1)
    return Interval(_out(d), _out(low), _out(high), _out(np.asarray(a.n) + np.asarray(b.n)))


def welch_interval(mean1: float | np.ndarray, var1: float | np.ndarray, n1: float | np.ndarray,
                   mean2: float | np.ndarray, var2: float | np.ndarray, n2: float | np.ndarray,
                   confidence: float = 0.95) -> Interval:
    """Interval for μ₁ − μ₂ of two independent samples with unequal variances (Welch 1947, *Biometrika* 34).

    ``se = √(s₁²/n₁ + s₂²/n₂)``; degrees of freedom by Welch–Satterthwaite,
    ``ν = se⁴ / [(s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)]``; limits ``d ± t₍ν₎ · se``.
    *var* are the sample variances (ddof = 1).  Vectorised; ``n`` of the result is ``n1 + n2``.
    """
    from scipy import stats

    m1, v1, k1, m2, v2, k2 = (_floats(v, name) for v, name in ((mean1, "mean1"), (var1, "var1"), (n1, "n1"),
                                                              (mean2, "mean2"), (var2, "var2"), (n2, "n2")))
    z = _z(confidence)  # checks the confidence
    with np.errstate(divide="ignore", invalid="ignore"):
        a, b = v1 / k1, v2 / k2
        se = np.sqrt(a + b)
        df = (a + b) ** 2 / (a * a / (k1 - 1) + b * b / (k2 - 1))
        q = np.where(np.isfinite(df), stats.t.ppf(0.5 + confidence / 2, np.where(np.isfinite(df), df, 1)), z)
        d = m1 - m2
        half = np.where((k1 > 1) & (k2 > 1), q * se, np.nan)
    return Interval(_out(d), _out(d - half), _out(d + half), _out(k1 + k2))


@dataclass(frozen=True)
class Trend:
    """A Cochran–Armitage trend test: ``z`` (positive: rising with the score), two-sided ``p``, the
    ``slope`` it tests (the change in the proportion per unit of score, least squares weighted by
    group size) and ``n`` (all trials)."""

    z: float
    p: float
    slope: float
    n: float


def cochran_armitage(successes: Sequence[float] | np.ndarray, n: Sequence[float] | np.ndarray,
                     scores: Sequence[float] | np.ndarray | None = None) -> Trend:
    """Cochran–Armitage test for a linear trend in proportions across ordered groups.

    With group sizes nᵢ, successes xᵢ, scores sᵢ (default 0, 1, 2 …), N = Σnᵢ, p̄ = Σxᵢ/N and
    s̄ = Σnᵢsᵢ/N: ``T = Σxᵢ(sᵢ − s̄)``, ``Var T = p̄(1 − p̄)Σnᵢ(sᵢ − s̄)²`` and ``z = T/√Var T``,
    compared with the standard normal (Cochran 1954, *Biometrics* 10:417–451; Armitage 1955,
    *Biometrics* 11:375–386; Agresti 2013, §5.3.5).  ``z² = N r²`` where r is the correlation of
    outcome and score over all trials; the linear-by-linear statistic of a 2 × k table,
    ``M² = (N − 1) r²`` (Agresti 2013, §3.4.6), differs from ``z²`` only by the factor (N − 1)/N.
    ``slope = T / Σnᵢ(sᵢ − s̄)²``.  Groups with ``n == 0`` are ignored; with fewer than two
    groups, or no variation in the outcome, ``z`` and ``p`` are NaN.
    """
    from scipy import stats

    x, m = _floats(successes, "successes").ravel(), _floats(n, "n").ravel()
    s = np.arange(len(x), dtype=float) if scores is None else _floats(scores, "scores").ravel()
    if not len(x) == len(m) == len(s):
        raise error("shape", successes=np.shape(x), n=np.shape(m))
    if np.any((m < 0) | (x < 0) | (x > m)):
        i = int(np.flatnonzero((m < 0) | (x < 0) | (x > m))[0])
        raise error("successes", successes=float(x[i]), n=float(m[i]))
    keep = m > 0
    x, m, s = x[keep], m[keep], s[keep]
    total = float(m.sum())
    if len(x) < 2 or total == 0:
        return Trend(math.nan, math.nan, math.nan, total)
    pbar = float(x.sum()) / total
    sbar = float((m * s).sum()) / total
    ss = float((m * (s - sbar) ** 2).sum())
    t_stat = float((x * (s - sbar)).sum())
    var = pbar * (1 - pbar) * ss
    slope = t_stat / ss if ss > 0 else math.nan
    if var <= 0:
        return Trend(math.nan, math.nan, slope, total)
    z = t_stat / math.sqrt(var)
    return Trend(z, float(2 * stats.norm.sf(abs(z))), slope, total)


def _nps_from_counts(promoters: np.ndarray, detractors: np.ndarray, n: np.ndarray, z: float
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(n > 0, (promoters - detractors) / n, np.nan)
        na = n + 3.0
        pp, pd_ = (promoters + 0.75) / na, (detractors + 0.75) / na
        adj = pp - pd_
        half = z * np.sqrt((pp + pd_ - adj ** 2) / na)
        low = np.where(n > 0, np.clip(adj - half, -1, 1), np.nan)
        high = np.where(n > 0, np.clip(adj + half, -1, 1), np.nan)
    # the adjusted interval is centred on the shrunken estimate; for n < 3 it may miss the
    # observed value, so it is widened to contain it
    return 100 * value, 100 * np.fmin(low, value), 100 * np.fmax(high, value)


def nps(scores: Sequence[float] | np.ndarray | pd.Series, confidence: float = 0.95) -> Interval:
    """Net Promoter Score (−100…100) with Rocks' (2016) adjusted-Wald interval.

    Scores are 0–10 (missing values ignored); promoters score 9–10, detractors 0–6
    (Reichheld 2003).  The standard error is that of the difference of two proportions of one
    trinomial sample, with ¾ added to promoters and detractors and 3 to n.
    """
    s = _floats(scores, "scores").ravel()
    s = s[~np.isnan(s)]
    if np.any((s < 0) | (s > 10)):
        raise error("nps_range", found=float(s[(s < 0) | (s > 10)][0]))
    z = _z(confidence)
    n = np.asarray(float(len(s)))
    value, low, high = _nps_from_counts(np.asarray(float((s >= 9).sum())), np.asarray(float((s <= 6).sum())), n, z)
    return Interval(_out(value), _out(low), _out(high), float(len(s)))


def _mean_ci(n: np.ndarray, mean: np.ndarray, var: np.ndarray, confidence: float) -> tuple[np.ndarray, np.ndarray]:
    from scipy import stats

    with np.errstate(divide="ignore", invalid="ignore"):
        df = np.where(n > 1, n - 1, np.nan)
        half = stats.t.ppf(0.5 + confidence / 2, df) * np.sqrt(np.clip(var, 0, None) / n)
    return mean - half, mean + half


def ces(scores: Sequence[float] | np.ndarray | pd.Series, confidence: float = 0.95) -> Interval:
    """Customer Effort Score 2.0: the mean of 1–7 agreement with a Student-t interval."""
    s = _floats(scores, "scores").ravel()
    s = s[~np.isnan(s)]
    if np.any((s < 1) | (s > 7)):
        raise error("ces_range", found=float(s[(s < 1) | (s > 7)][0]))
    _z(confidence)
    n = float(len(s))
    mean = float(s.mean()) if n else math.nan
    var = float(s.var(ddof=1)) if n > 1 else math.nan
    low, high = _mean_ci(np.asarray(n), np.asarray(mean), np.asarray(var), confidence)
    return Interval(mean, float(low), float(high), n)
