"""Scoring the services: direct weights, the value-for-effort score, the 2×2 and TOPSIS.

* :func:`direct_weights` — the Criteria sheet's weights divided by their sum, and each direction.
* :func:`wsm` — the weighted sum of criteria normalised to 0–1 (1 = best), every service's
  score split into per-criterion contributions; :func:`quadrants` — the effort/benefit 2×2
  (quick wins, major projects, fill-ins, thankless tasks).
* Cross-check: :func:`topsis` (Hwang & Yoon 1981, vector normalisation) and
  :func:`compare_methods` (Spearman and Kendall rank correlation, top-N flags).

Pure functions: frames in, small frozen results out; errors in the catalogue's words.  The input
checks (:func:`_as_frame`, :func:`_weights_vector`, :func:`_directions_list`) are shared with
:mod:`.robustness`.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd

from ..errors import AnalysisError
from ..i18n import t

__all__ = ["DEFAULT_DIRECTIONS", "SCORE_SCALES", "SCORE_DECIMALS", "score_key", "score_rank", "score_order",
           "QUADRANTS", "CriteriaWeights", "direct_weights", "ScoreResult", "wsm", "quadrants", "TopsisResult", "topsis", "MethodComparison", "compare_methods"]


# =========================================================================== comparing scores
#: Scores are compared — ranked and sorted — on this many decimals.  A weighted sum is added up in
#: floating point, so two services whose scores are mathematically equal can differ in the last bit
#: ((0.25 + 0.25 + 1)/3 gives 0.49999999999999994, (0 + 0.5 + 1)/3 gives 0.5); snapped to 12
#: decimals they are equal again, far below any real difference of two scores on a 0–1 scale.
SCORE_DECIMALS = 12


def score_key(values: pd.Series | Sequence[float] | np.ndarray) -> pd.Series | np.ndarray:
    """*values* (scores, closeness coefficients, …) as they are compared: rounded to
    :data:`SCORE_DECIMALS` decimals, so that values equal but for floating-point noise tie.

    The one rule behind every rank and every order the prioritisation gives (:func:`score_rank`,
    :func:`score_order`); a Series stays a Series (same index), anything else becomes an array.
    """
    if isinstance(values, pd.Series):
        return values.astype(float).round(SCORE_DECIMALS) + 0.0
    return np.round(np.asarray(values, dtype=float), SCORE_DECIMALS) + 0.0


def score_rank(values: pd.Series | Sequence[float] | np.ndarray) -> pd.Series:
    """Ranks from the highest value (1) down, on :func:`score_key`: tied values share the better
    rank ("1, 1, 3")."""
    key = score_key(values if isinstance(values, pd.Series) else pd.Series(np.asarray(values, dtype=float)))
    return key.rank(method="min", ascending=False).astype(int).rename("rank")


def score_order(values: pd.Series | Sequence[float] | np.ndarray) -> np.ndarray:
    """Positions from the highest value to the lowest, on :func:`score_key`; ties in the given
    (intake) order."""
    key = score_key(values.to_numpy(dtype=float) if isinstance(values, pd.Series) else values)
    return np.argsort(-key, kind="stable")


# =========================================================================== direct weights
#: Direction of each Services criterion when the Criteria sheet does not say.
DEFAULT_DIRECTIONS: Mapping[str, str] = MappingProxyType({
    "effort": "cost", "benefit": "benefit", "visibility": "benefit", "annual_volume": "benefit",
    "resources_days": "cost", "citizen_reach": "benefit"})

#: Fixed scales of the 1–5 score columns (normalised on the scale, not on the observed range).
SCORE_SCALES: Mapping[str, tuple[float, float]] = MappingProxyType({"effort": (1.0, 5.0), "benefit": (1.0, 5.0),
                                                                    "visibility": (1.0, 5.0)})


@dataclass(frozen=True)
class CriteriaWeights:
    """Direct weights: the Criteria sheet's weights divided by their sum, and each direction."""

    weights: pd.Series
    directions: Mapping[str, str]
    raw: pd.Series


def direct_weights(frame: pd.DataFrame) -> CriteriaWeights:
    """Weights from Criteria-sheet rows (``criterion``, ``direction``, ``weight``).

    Normalisation: w_c = weight_c / Σ weight (so they sum to 1); a weight of 0 keeps the
    criterion in the tables with no influence.  Raises :class:`AnalysisError` when a weight is
    missing or negative, a criterion repeats, or all weights are 0.
    """
    for column in ("criterion", "direction", "weight"):
        if column not in frame.columns:
            raise AnalysisError(t("prioritize.error.criteria_column", "en", column=column,
                                  found=", ".join(map(str, frame.columns)) or "—"))
    rows = frame.dropna(subset=["criterion"])
    names = [str(c) for c in rows["criterion"]]
    if len(set(names)) != len(names):
        dup = next(c for c in names if names.count(c) > 1)
        raise AnalysisError(t("prioritize.error.criteria_duplicate", "en", name=dup))
    raw = pd.to_numeric(rows["weight"], errors="coerce").astype(float)
    raw.index = names
    if raw.isna().any() or (raw < 0).any():
        name = raw.index[(raw.isna() | (raw < 0)).to_numpy()][0]
        raise AnalysisError(t("prioritize.error.weight", "en", name=name, value=raw[name]))
    if raw.sum() <= 0:
        raise AnalysisError(t("prioritize.error.weights_zero", "en"))
    directions = {}
    for name, d in zip(names, rows["direction"]):
        d = "benefit" if d is None or d is pd.NA else str(d)
        if d not in ("benefit", "cost"):
            raise AnalysisError(t("prioritize.error.direction", "en", name=name, value=d))
        directions[name] = d
    return CriteriaWeights((raw / raw.sum()).rename("weight"), MappingProxyType(directions), raw.rename("input_weight"))


# =========================================================================== value-for-effort score
@dataclass(frozen=True)
class ScoreResult:
    """A weighted-sum score and everything needed to trace it back to the intake cells.

    ``normalised`` holds each criterion on 0–1 with 1 = best (cost criteria reversed);
    ``contributions`` = weight × normalised value, so each row sums to ``scores``;
    ``imputed`` marks cells that were missing (filled with the criterion's median);
    ``scales`` the (low, high) each criterion was normalised on.
    """

    scores: pd.Series
    rank: pd.Series
    normalised: pd.DataFrame
    contributions: pd.DataFrame
    weights: pd.Series
    directions: Mapping[str, str]
    imputed: pd.DataFrame
    scales: Mapping[str, tuple[float, float]]


def _weights_vector(weights: Mapping[str, float] | pd.Series | Sequence[float] | np.ndarray,
                    columns: Sequence[str]) -> np.ndarray:
    if isinstance(weights, (pd.Series, Mapping)):
        raw = pd.Series(weights, dtype=object)
        numbers = pd.to_numeric(raw, errors="coerce")
        bad = [(k, v) for k, v, x in zip(raw.index, raw, numbers) if pd.isna(x) and not _is_missing(v)]
        if bad:
            raise AnalysisError(t("prioritize.error.weight_not_number", "en", name=bad[0][0], value=bad[0][1]))
        series = numbers.astype(float)
        missing = [c for c in columns if c not in series.index]
        if missing:
            raise AnalysisError(t("prioritize.error.weights_missing", "en", names=", ".join(map(str, missing))))
        w = series.reindex(list(columns)).to_numpy(dtype=float)
    else:
        try:
            w = np.asarray(weights, dtype=float).ravel()
        except (TypeError, ValueError):
            values = list(np.asarray(weights, dtype=object).ravel())
            k, v = next(((k, v) for k, v in enumerate(values, 1) if not _is_number(v)), (1, values[0] if values else ""))
            raise AnalysisError(t("prioritize.error.weight_not_number", "en", name=k, value=v)) from None
        if len(w) != len(columns):
            raise AnalysisError(t("prioritize.error.weights_length", "en", expected=len(columns), found=len(w)))
    if not np.all(np.isfinite(w)) or (w < 0).any() or w.sum() <= 0:
        raise AnalysisError(t("prioritize.error.weights_invalid", "en",
                              values=", ".join(f"{x:.4g}" for x in w)))
    return w / w.sum()


def _is_missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value))


def _is_number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def _directions_list(directions: Mapping[str, str] | Sequence[str] | None, columns: Sequence[str]) -> list[str]:
    if directions is None:
        out = [DEFAULT_DIRECTIONS.get(str(c), "benefit") for c in columns]
    elif isinstance(directions, Mapping):
        out = [directions.get(c, DEFAULT_DIRECTIONS.get(str(c), "benefit")) for c in columns]
    else:
        out = [str(d) for d in directions]
        if len(out) != len(columns):
            raise AnalysisError(t("prioritize.error.directions_length", "en", expected=len(columns), found=len(out)))
    aliases = {"max": "benefit", "min": "cost", "+": "benefit", "-": "cost"}
    out = [aliases.get(d, d) for d in out]
    for c, d in zip(columns, out):
        if d not in ("benefit", "cost"):
            raise AnalysisError(t("prioritize.error.direction", "en", name=c, value=d))
    return out


def _as_frame(matrix: pd.DataFrame | np.ndarray) -> pd.DataFrame:
    if isinstance(matrix, pd.DataFrame):
        frame = matrix.copy()
    else:
        arr = np.asarray(matrix, dtype=float)
        if arr.ndim != 2:
            raise AnalysisError(t("prioritize.error.matrix_shape", "en", shape=" × ".join(map(str, arr.shape))))
        frame = pd.DataFrame(arr, columns=[f"c{j + 1}" for j in range(arr.shape[1])])
    try:
        frame = frame.apply(pd.to_numeric, errors="raise").astype(float)
    except (TypeError, ValueError):
        raise AnalysisError(t("prioritize.error.not_numeric", "en")) from None
    if frame.shape[0] == 0 or frame.shape[1] == 0:
        raise AnalysisError(t("prioritize.error.matrix_shape", "en", shape=" × ".join(map(str, frame.shape))))
    if np.isinf(frame.to_numpy()).any():
        raise AnalysisError(t("prioritize.error.not_numeric", "en"))
    return frame


def wsm(matrix: pd.DataFrame | np.ndarray, weights: Mapping[str, float] | pd.Series | Sequence[float],
        directions: Mapping[str, str] | Sequence[str] | None = None, *,
        scales: Mapping[str, tuple[float, float]] | None = None) -> ScoreResult:
    """Weighted-sum value-for-effort score (simple additive weighting; Fishburn 1967).

    Each criterion is normalised to 0–1 with 1 = best: on its fixed scale when one is given
    (``scales``; by default the 1–5 score columns effort, benefit and visibility), otherwise
    min–max over the services (x − min)/(max − min); a cost criterion is reversed (1 − r).
    A constant criterion scores 0.5 for every service.  A missing cell takes the median of
    the criterion's normalised values and is flagged in ``imputed``.  The score is
    Σ_c w_c r_sc with weights summing to 1, so it lies between 0 and 1, kept to
    :data:`SCORE_DECIMALS` decimals (:func:`score_key`) and ranked on that value: scores equal but
    for floating-point noise share a rank.  A value outside its fixed scale raises
    :class:`AnalysisError` (it is not clipped); so does a weight that is not a number.
    """
    frame = _as_frame(matrix)
    columns = [str(c) for c in frame.columns]
    frame.columns = columns
    w = _weights_vector(weights, columns)
    dirs = _directions_list(directions, columns)
    fixed = dict(SCORE_SCALES if scales is None else scales)
    normalised = pd.DataFrame(index=frame.index, columns=columns, dtype=float)
    used_scales: dict[str, tuple[float, float]] = {}
    imputed = frame.isna()
    for c, d in zip(columns, dirs):
        x = frame[c]
        if x.isna().all():
            raise AnalysisError(t("prioritize.error.criterion_empty", "en", name=c))
        if (x < 0).any():
            raise AnalysisError(t("prioritize.error.negative", "en", name=c))
        lo, hi = fixed.get(c, (float(x.min()), float(x.max())))
        used_scales[c] = (float(lo), float(hi))
        outside = x[(x < lo) | (x > hi)]
        if len(outside):  # a fixed scale: a value off it is an error, never quietly clipped
            raise AnalysisError(t("prioritize.error.off_scale", "en", name=c, low=_plain(lo), high=_plain(hi),
                                  value=_plain(outside.iloc[0]), service=outside.index[0]))
        r = (x - lo) / (hi - lo) if hi > lo else pd.Series(0.5, index=x.index).where(x.notna())
        if d == "cost":
            r = 1.0 - r
        normalised[c] = r.fillna(float(r.median()))
    contributions = normalised * w
    scores = score_key(contributions.sum(axis=1)).rename("score")  # what is ranked is what is shown
    rank = score_rank(scores)
    return ScoreResult(scores, rank, normalised, contributions, pd.Series(w, index=columns, name="weight"),
                       MappingProxyType(dict(zip(columns, dirs))), imputed, MappingProxyType(used_scales))


def _plain(x: float) -> str:
    x = float(x)
    return f"{x:g}"


QUADRANTS = ("quick_win", "major_project", "fill_in", "thankless")


def quadrants(effort: pd.Series | Sequence[float], benefit: pd.Series | Sequence[float], *,
              midpoint: float = 3.0) -> pd.Series:
    """The effort/benefit 2×2: ``quick_win``, ``major_project``, ``fill_in`` or ``thankless``.

    High benefit means benefit > midpoint, low effort means effort < midpoint (default 3, the
    middle of the 1–5 scale); a score exactly on the midpoint counts as low benefit and high
    effort, so a quick win is claimed only when it is clearly one.
    """
    e = pd.Series(effort, dtype=float) if not isinstance(effort, pd.Series) else effort.astype(float)
    b = pd.Series(benefit, dtype=float, index=e.index) if not isinstance(benefit, pd.Series) else benefit.astype(float)
    if e.isna().any() or b.isna().any():
        raise AnalysisError(t("prioritize.error.quadrant_missing", "en"))
    high = b > midpoint
    low = e < midpoint
    out = np.where(high & low, "quick_win", np.where(high, "major_project", np.where(low, "fill_in", "thankless")))
    return pd.Series(out, index=e.index, name="quadrant")


# =========================================================================== TOPSIS
@dataclass(frozen=True)
class TopsisResult:
    """TOPSIS closeness coefficients C = d⁻/(d⁺ + d⁻) (1 = the ideal) and their ranks."""

    closeness: pd.Series
    rank: pd.Series
    ideal: pd.Series
    anti_ideal: pd.Series
    d_plus: pd.Series
    d_minus: pd.Series


def topsis(matrix: pd.DataFrame | np.ndarray, weights: Mapping[str, float] | pd.Series | Sequence[float],
           directions: Mapping[str, str] | Sequence[str] | None = None) -> TopsisResult:
    """TOPSIS (Hwang & Yoon 1981, *Multiple Attribute Decision Making*, Springer LNEMS 186).

    Vector normalisation r_ij = x_ij / sqrt(Σ_i x_ij²), weighted v_ij = w_j r_ij; the ideal
    takes the best value per criterion (max for benefit, min for cost), the anti-ideal the
    worst; C_i = d⁻_i / (d⁺_i + d⁻_i) with Euclidean distances.  Weights are divided by
    their sum.  Values must be non-negative and complete; a criterion that is 0 everywhere
    does not discriminate and is left at 0.
    """
    frame = _as_frame(matrix)
    columns = [str(c) for c in frame.columns]
    frame.columns = columns
    if frame.isna().any().any():
        c = frame.columns[frame.isna().any()][0]
        raise AnalysisError(t("prioritize.error.topsis_missing", "en", name=c))
    x = frame.to_numpy()
    if (x < 0).any():
        c = columns[int(np.argwhere(x < 0)[0][1])]
        raise AnalysisError(t("prioritize.error.negative", "en", name=c))
    w = _weights_vector(weights, columns)
    dirs = np.array(_directions_list(directions, columns))
    norm = np.sqrt((x ** 2).sum(axis=0))
    r = np.divide(x, norm, out=np.zeros_like(x), where=norm > 0)
    v = r * w
    benefit = dirs == "benefit"
    ideal = np.where(benefit, v.max(axis=0), v.min(axis=0))
    anti = np.where(benefit, v.min(axis=0), v.max(axis=0))
    d_plus = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - anti) ** 2).sum(axis=1))
    total = d_plus + d_minus
    c = np.divide(d_minus, total, out=np.full_like(total, 0.5), where=total > 0)
    closeness = pd.Series(c, index=frame.index, name="closeness")
    return TopsisResult(closeness, score_rank(closeness),
                        pd.Series(ideal, index=columns), pd.Series(anti, index=columns),
                        pd.Series(d_plus, index=frame.index), pd.Series(d_minus, index=frame.index))


@dataclass(frozen=True)
class MethodComparison:
    """Agreement between two rankings of the same services."""

    spearman: float | None
    kendall: float | None
    top_n: int
    flagged: tuple[Any, ...]  # in the top N by one method only
    table: pd.DataFrame


def compare_methods(first: pd.Series, second: pd.Series, *, top_n: int = 5) -> MethodComparison:
    """Spearman's ρ and Kendall's τ-b between two score vectors (scipy.stats), and the services
    whose top-N membership (rank ≤ N, ties sharing the better rank) depends on the method."""
    from scipy import stats

    a = pd.Series(first, dtype=float)
    b = pd.Series(second, dtype=float).reindex(a.index)
    rank_a = score_rank(a)
    rank_b = score_rank(b)
    rho = tau = None
    if len(a) > 2 and a.nunique() > 1 and b.nunique() > 1:
        rho = float(stats.spearmanr(score_key(a), score_key(b)).statistic)
        tau = float(stats.kendalltau(score_key(a), score_key(b)).statistic)
    in_a, in_b = rank_a <= top_n, rank_b <= top_n
    flagged = tuple(a.index[(in_a != in_b).to_numpy()])
    table = pd.DataFrame({"first_score": a, "first_rank": rank_a.astype(int), "second_score": b,
                          "second_rank": rank_b.astype(int), "flagged": in_a != in_b})
    return MethodComparison(rho, tau, top_n, flagged, table)
