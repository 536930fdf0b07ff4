"""How robust the ranking is to the weights: exact one-weight sensitivity and SMAA.

* :func:`crossover_points` and :func:`sensitivity` — exact crossover points of the weighted-sum
  score lines when one weight moves and the others are rescaled (Triantaphyllou & Sánchez 1997):
  the weight ranges over which the top N and the first place hold, and the smallest single-weight
  change that reverses each adjacent pair of the top ranks.
* :func:`rank_acceptability` — SMAA-2 rank acceptability indices (Lahdelma & Salminen 2001) with
  Dirichlet weights around the elicited ones.

Pure functions on the normalised criteria (1 = best, :attr:`.scoring.ScoreResult.normalised`).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import AnalysisError
from ..i18n import t
from .scoring import _as_frame, _weights_vector, score_order

__all__ = ["crossover_points", "WeightRange", "Reversal", "Sensitivity", "sensitivity", "RankAcceptability",
           "rank_acceptability"]


# =========================================================================== sensitivity
def _lines(r: np.ndarray, w: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Score of every service as a line in v = weight of criterion k: S(v) = base + v * slope."""
    rest = 1.0 - w[k]
    others = np.delete(np.arange(len(w)), k)
    if rest > 1e-12:
        base = (r[:, others] @ w[others]) / rest
    else:
        base = r[:, others].mean(axis=1) if len(others) else np.zeros(len(r))
    return base, r[:, k] - base


def crossover_points(matrix: pd.DataFrame | np.ndarray, weights: Mapping[str, float] | pd.Series | Sequence[float],
                     criterion: str | int, *, services: Sequence[Any] | None = None) -> pd.DataFrame:
    """Exact weights of *criterion* at which two services' weighted-sum scores are equal.

    The weight of *criterion* is moved to v and the others rescaled proportionally
    (w_j (1 − v)/(1 − w_k)); every score is then linear in v, S_s(v) = B_s + v (r_sk − B_s),
    and each pair's crossover solves one linear equation (Triantaphyllou & Sánchez 1997,
    *Decision Sciences* 28:151–194).  *matrix* holds the normalised criteria (1 = best).
    Returns one row per crossing pair inside [0, 1]: ``first`` (ahead just below the point),
    ``second``, ``weight``.
    """
    frame = _as_frame(matrix)
    columns = [str(c) for c in frame.columns]
    w = _weights_vector(weights, columns)
    k = criterion if isinstance(criterion, int) else columns.index(str(criterion))
    r = frame.to_numpy()
    base, slope = _lines(r, w, k)
    labels = list(frame.index)
    pick = range(len(labels)) if services is None else [labels.index(s) for s in services]
    rows = []
    for i, j in itertools.combinations(pick, 2):
        den = slope[i] - slope[j]
        if abs(den) < 1e-15:
            continue
        v = (base[j] - base[i]) / den
        if -1e-12 <= v <= 1 + 1e-12:
            below_i = base[i] + (v - 1e-9) * slope[i] > base[j] + (v - 1e-9) * slope[j]
            first, second = (labels[i], labels[j]) if below_i else (labels[j], labels[i])
            rows.append({"first": first, "second": second, "weight": float(min(max(v, 0.0), 1.0))})
    return pd.DataFrame(rows, columns=["first", "second", "weight"]).sort_values("weight", kind="stable").reset_index(
        drop=True)


@dataclass(frozen=True)
class WeightRange:
    """Range of one criterion's weight (others rescaled) over which the top of the ranking holds.

    ``lower``/``upper`` bound the weight; ``lower_by``/``upper_by`` name the service that
    enters the top at that bound (``None`` when the top holds to 0 or 1).
    """

    criterion: str
    weight: float
    top: int
    lower: float
    upper: float
    lower_by: Any = None
    upper_by: Any = None


@dataclass(frozen=True)
class Reversal:
    """The smallest single-weight change that makes ``behind`` overtake ``ahead``."""

    rank: int
    ahead: Any
    behind: Any
    criterion: str | None
    weight: float | None
    new_weight: float | None

    @property
    def change(self) -> float | None:
        return None if self.new_weight is None else self.new_weight - self.weight


@dataclass(frozen=True)
class Sensitivity:
    """One-weight sensitivity of a weighted-sum ranking (exact crossover points)."""

    top_n: int
    ranges: tuple[WeightRange, ...]   # top-N membership, per criterion
    first: tuple[WeightRange, ...]    # rank 1, per criterion
    reversals: tuple[Reversal, ...]   # adjacent pairs (1,2) … (N, N+1)

    @property
    def most_sensitive(self) -> str | None:
        """The criterion whose weight needs the smallest change to alter the top N."""
        best, gap = None, math.inf
        for r in self.ranges:
            d = min(r.weight - r.lower if r.lower_by is not None else math.inf,
                    r.upper - r.weight if r.upper_by is not None else math.inf)
            if d < gap:
                best, gap = r.criterion, d
        return best


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    """The *n* best positions, by the one rule of the scores' order (:func:`.scoring.score_order`)."""
    return score_order(scores)[:n]


def _range(r: np.ndarray, w: np.ndarray, k: int, n: int, labels: list) -> tuple[float, float, Any, Any]:
    base, slope = _lines(r, w, k)
    current = set(_top(base + w[k] * slope, n).tolist())
    members = np.array(sorted(current))
    den = slope[members][:, None] - slope[None, :]
    num = base[None, :] - base[members][:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        v = np.where(np.abs(den) > 1e-15, num / den, np.nan)
    cand = np.unique(v[np.isfinite(v) & (v >= 0) & (v <= 1)])

    def top_at(x: float) -> set:
        return set(_top(base + x * slope, n).tolist())

    # a crossover on the bound itself (a pair that only ties at weight 0 or 1) changes nothing inside
    # [0, 1]: the top changes only where some service strictly overtakes, just past the crossover
    upper, upper_by = 1.0, None
    ups = cand[cand >= w[k] - 1e-12]
    for idx, c in enumerate(ups):
        nxt = ups[idx + 1] if idx + 1 < len(ups) else 1.0
        if nxt <= c:
            break
        probe = (c + nxt) / 2
        now = top_at(probe)
        if now != current:
            upper, upper_by = float(c) + 0.0, labels[sorted(now - current)[0]] if now - current else None
            break
    lower, lower_by = 0.0, None
    downs = cand[cand <= w[k] + 1e-12][::-1]
    for idx, c in enumerate(downs):
        nxt = downs[idx + 1] if idx + 1 < len(downs) else 0.0
        if nxt >= c:
            break
        probe = (c + nxt) / 2
        now = top_at(probe)
        if now != current:
            lower, lower_by = float(c) + 0.0, labels[sorted(now - current)[0]] if now - current else None
            break
    return lower, upper, lower_by, upper_by


#: Score differences at most this large count as ties (no strict overtaking).
_TIE = 1e-12


def _overtaking_weight(base: np.ndarray, slope: np.ndarray, ahead: int, behind: int, current: float) -> float | None:
    """The weight v in [0, 1] nearest the current one past which *behind* strictly overtakes
    *ahead* (their scores are lines in v), or ``None`` when it never does inside [0, 1].

    The difference d(v) = S_behind(v) − S_ahead(v) is linear, so the set {d > 0} ∩ [0, 1] is
    empty or an interval reaching 0 or 1: it is non-empty exactly when d(0) > 0 or d(1) > 0.  A
    pair that only ties at a bound (one weakly dominates the other) is not reversed.
    """
    d0 = float(base[behind] - base[ahead])
    d1 = float(base[behind] + slope[behind] - base[ahead] - slope[ahead])
    if max(d0, d1) <= _TIE:
        return None
    den = d1 - d0
    if abs(den) < 1e-15:  # parallel and behind scores higher everywhere (ranked behind only by rounding)
        return float(current)
    return float(min(max(-d0 / den, 0.0), 1.0))


def sensitivity(matrix: pd.DataFrame | np.ndarray, weights: Mapping[str, float] | pd.Series | Sequence[float], *,
                top_n: int = 5) -> Sensitivity:
    """Exact one-weight sensitivity of the weighted-sum ranking.

    For each criterion: the weight interval (others rescaled proportionally) over which the
    top-N set and the first place hold — the end points are crossover points of the score
    lines (:func:`crossover_points`), found exactly, not on a grid.  For each adjacent pair in
    the top ranks (1–2 … N–(N+1)): the smallest change of a single weight that reverses them
    (Triantaphyllou & Sánchez 1997; with proportional rescaling their absolute change δ
    corresponds to the new weight (w_k + δ)/(1 + δ)).  A reversal needs the service behind to
    score strictly higher just past the crossover, inside [0, 1]: a pair that only ties at a
    weight of 0 or 1 (one service weakly dominates the other) is not reversible by one weight
    and gets ``criterion=None``.  *matrix* holds normalised criteria (1 = best), as
    :attr:`ScoreResult.normalised`.  Scores are compared as :func:`.scoring.score_order` compares them;
    ties are broken by the order of the rows.
    """
    frame = _as_frame(matrix)
    columns = [str(c) for c in frame.columns]
    w = _weights_vector(weights, columns)
    r = frame.to_numpy()
    labels = list(frame.index)
    n_services = len(labels)
    n = max(1, min(top_n, n_services))
    ranges, first = [], []
    for k, c in enumerate(columns):
        if n < n_services:
            lo, hi, lo_by, hi_by = _range(r, w, k, n, labels)
        else:
            lo, hi, lo_by, hi_by = 0.0, 1.0, None, None
        ranges.append(WeightRange(c, float(w[k]), n, lo, hi, lo_by, hi_by))
        if n_services > 1:
            lo, hi, lo_by, hi_by = _range(r, w, k, 1, labels)
        else:
            lo, hi, lo_by, hi_by = 0.0, 1.0, None, None
        first.append(WeightRange(c, float(w[k]), 1, lo, hi, lo_by, hi_by))
    scores = r @ w
    order = score_order(scores)
    reversals = []
    for pos in range(min(n, n_services - 1)):
        i, j = order[pos], order[pos + 1]
        best: tuple[float, int, float] | None = None
        for k in range(len(columns)):
            base, slope = _lines(r, w, k)
            v = _overtaking_weight(base, slope, i, j, float(w[k]))
            if v is not None:
                change = abs(v - w[k])
                if best is None or change < best[0]:
                    best = (change, k, v)
        if best is None:
            reversals.append(Reversal(pos + 1, labels[i], labels[j], None, None, None))
        else:
            reversals.append(Reversal(pos + 1, labels[i], labels[j], columns[best[1]], float(w[best[1]]), best[2]))
    return Sensitivity(n, tuple(ranges), tuple(first), tuple(reversals))


# =========================================================================== SMAA rank acceptability
@dataclass(frozen=True)
class RankAcceptability:
    """SMAA-2 rank acceptability indices: P(service s takes rank r) under sampled weights."""

    acceptability: pd.DataFrame   # services × ranks 1..n, rows sum to 1
    top_n: int
    concentration: float
    n_samples: int
    seed: int

    @property
    def first(self) -> pd.Series:
        return self.acceptability[1].rename("p_first")

    @property
    def top(self) -> pd.Series:
        """Probability of a rank ≤ top_n."""
        cols = [c for c in self.acceptability.columns if c <= self.top_n]
        return self.acceptability[cols].sum(axis=1).rename("p_top")

    @property
    def expected_rank(self) -> pd.Series:
        ranks = np.asarray(self.acceptability.columns, dtype=float)
        return pd.Series(self.acceptability.to_numpy() @ ranks, index=self.acceptability.index, name="expected_rank")


def rank_acceptability(matrix: pd.DataFrame | np.ndarray, weights: Mapping[str, float] | pd.Series | Sequence[float],
                       *, concentration: float = 50.0, n_samples: int = 10_000, seed: int = 20260101,
                       top_n: int = 5, chunk: int = 2_000) -> RankAcceptability:
    """Monte Carlo rank acceptability (SMAA-2; Lahdelma & Salminen 2001, *Oper. Res.* 49:444–454).

    Weight vectors are drawn from a Dirichlet distribution with parameters
    ``concentration × w`` — centred on the elicited weights w, with variance
    w_k (1 − w_k) / (concentration + 1); criteria with weight 0 stay at 0.  Each draw scores the
    services by the weighted sum of *matrix* (normalised criteria, 1 = best) and ranks them;
    services with identical criteria share their ranks evenly (random tie-breaking in
    expectation).  Vectorised: identical rows are scored once, each chunk of draws is ranked
    by one ``argsort`` and counted by one ``numpy.bincount`` (a difference array when rows repeat).
    """
    frame = _as_frame(matrix)
    if frame.isna().any().any():
        raise AnalysisError(t("prioritize.error.topsis_missing", "en", name=frame.columns[frame.isna().any()][0]))
    columns = [str(c) for c in frame.columns]
    w = _weights_vector(weights, columns)
    if not (concentration > 0 and math.isfinite(concentration)):
        raise AnalysisError(t("prioritize.error.concentration", "en", value=concentration))
    if n_samples < 1:
        raise AnalysisError(t("prioritize.error.samples", "en", value=n_samples))
    positive = w > 0
    r = frame.to_numpy()[:, positive]
    n = r.shape[0]
    unique, inverse, counts = np.unique(r, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.ravel()
    u = len(unique)
    rng = np.random.default_rng(seed)
    alpha = concentration * w[positive]
    distinct = bool((counts == 1).all())
    totals = np.zeros(u * n if distinct else u * (n + 1))
    inv_counts = 1.0 / counts
    positions = np.arange(u)
    done = 0
    while done < n_samples:
        m = min(chunk, n_samples - done)
        draws = rng.dirichlet(alpha, size=m) if len(alpha) > 1 else np.ones((m, 1))
        scores = draws @ unique.T                                   # m × u
        # distinct rows tie with probability 0 under continuous weights, so any sort order is exact
        order = np.argsort(-scores, axis=1)                         # groups in rank order
        if distinct:                                                # rank k of the sorted row = position k
            totals += np.bincount((order * n + positions).ravel(), minlength=u * n)
        else:                                                       # a group of size c spreads 1/c over c ranks
            sizes = counts[order]
            starts = np.cumsum(sizes, axis=1) - sizes               # 0-based first rank of each group
            base = order * (n + 1)
            val = np.concatenate([inv_counts[order].ravel(), -inv_counts[order].ravel()])
            index = np.concatenate([(base + starts).ravel(), (base + starts + sizes).ravel()])
            totals += np.bincount(index, weights=val, minlength=u * (n + 1))
        done += m
    if distinct:
        acc = totals.reshape(u, n) / n_samples
    else:
        acc = np.cumsum(totals.reshape(u, n + 1)[:, :n], axis=1) / n_samples
    table = pd.DataFrame(acc[inverse], index=frame.index, columns=range(1, n + 1))
    return RankAcceptability(table, max(1, min(top_n, n)), float(concentration), int(n_samples), int(seed))
