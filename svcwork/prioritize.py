"""Prioritization and the staged roadmap: which services first, and why.

The steps, each a pure function (frames/arrays in, small frozen results out):

* **Weights** — :func:`direct_weights` from the Criteria sheet (weights divided by their sum),
  or :func:`ahp_weights` from pairwise judgements (Saaty's principal eigenvector, or the row
  geometric mean of Crawford & Williams), with λmax, the consistency index and ratio against
  Saaty's (1980) random-index table (for the geometric mean also the geometric consistency
  index, Aguarón & Moreno-Jiménez 2003) and — when CR > 0.10 — the judgements that depart most
  from the others.  :func:`pairwise_matrix` builds one matrix per rater from the Pairwise sheet,
  aggregates them by the element-wise geometric mean (AIJ; Forman & Peniwati 1998) and
  measures how far the raters disagree.
* **Score** — :func:`wsm`: the weighted sum of criteria normalised to 0–1 (1 = best), every
  service's score split into per-criterion contributions; :func:`quadrants`: the effort/benefit
  2×2 (quick wins, major projects, fill-ins, thankless tasks).
* **Cross-check** — :func:`topsis` (Hwang & Yoon 1981, vector normalisation) and
  :func:`compare_methods` (Spearman and Kendall rank correlation, top-N flags).
* **Robustness** — :func:`sensitivity` (exact one-weight crossover points, Triantaphyllou &
  Sánchez 1997) and :func:`rank_acceptability` (SMAA-2 rank acceptability indices,
  Lahdelma & Salminen 2001, with Dirichlet weights around the elicited ones).
* **Roadmap** — :func:`plan_waves`: an integer program solved by HiGHS through
  :func:`scipy.optimize.milp`, with the greedy sort it replaces as a baseline.
* **Survey evidence** — :func:`survey_focus`: the services the survey says to concentrate on
  (the benefit signal of :func:`svcwork.measures.benefit_signal`), shown beside the rank;
  it never changes the weighted score.

:func:`analyse` runs them on an :class:`~svcwork.intake.Engagement` and returns a
:class:`PrioritizationResult` (summary, tables, figures, findings; Hebrew and English).
"""

from __future__ import annotations

import itertools
import math
import time
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import optimize, sparse, stats

from .errors import AnalysisError
from .i18n import t
from .schema import CRITERIA_COLUMNS as CRITERIA_COLUMNS_ORDER

__all__ = [
    "RANDOM_INDEX",
    "RANDOM_INDEX_TABLE",
    "DEFAULT_DIRECTIONS",
    "AhpResult",
    "Judgement",
    "ahp_weights",
    "PairwiseJudgements",
    "pairwise_matrix",
    "CriteriaWeights",
    "direct_weights",
    "ScoreResult",
    "wsm",
    "quadrants",
    "TopsisResult",
    "topsis",
    "MethodComparison",
    "compare_methods",
    "crossover_points",
    "WeightRange",
    "Reversal",
    "Sensitivity",
    "sensitivity",
    "RankAcceptability",
    "rank_acceptability",
    "Conflict",
    "InfeasiblePlanError",
    "WavePlan",
    "plan_waves",
    "SurveyEvidence",
    "survey_focus",
    "PrioritizationResult",
    "analyse",
]

# =========================================================================== AHP
#: Saaty's random consistency index by matrix order (Saaty, *The Analytic Hierarchy Process*,
#: 1980; 500 random reciprocal matrices per order, Oak Ridge National Laboratory study).
RANDOM_INDEX: Mapping[int, float] = MappingProxyType({
    1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49,
    11: 1.51, 12: 1.48, 13: 1.56, 14: 1.57, 15: 1.59})
RANDOM_INDEX_TABLE = "Saaty (1980)"

#: Thresholds of the geometric consistency index by matrix order (Aguarón & Moreno-Jiménez 2003,
#: *EJOR* 147:137–145): the GCI values that correspond to Saaty's CR = 0.10 for the row geometric mean.
GCI_THRESHOLDS: Mapping[int, float] = MappingProxyType({3: 0.31, 4: 0.35})
GCI_THRESHOLD_LARGE = 0.37  # n > 4
GCI_REFERENCE = "Aguarón & Moreno-Jiménez (2003)"


def gci_threshold(n: int) -> float | None:
    """The GCI threshold for an n × n matrix (``None`` for n ≤ 2, where every matrix is consistent)."""
    return None if n <= 2 else GCI_THRESHOLDS.get(n, GCI_THRESHOLD_LARGE)


#: Absolute tolerance on a[i, j] * a[j, i] = 1 (so "0.33" is accepted for 1/3, "0.3" is not).
_RECIPROCAL_TOL = 0.02


@dataclass(frozen=True)
class Judgement:
    """One pairwise judgement and how far it departs from the weights the others imply.

    ``deviation`` is Saaty's e_ij = a_ij · w_j / w_i (1 for a judgement consistent with the
    weights); ``consistent_value`` = w_i / w_j is the value that would agree with the rest.
    """

    a: str
    b: str
    value: float
    consistent_value: float
    deviation: float


@dataclass(frozen=True)
class AhpResult:
    """Weights derived from a pairwise-comparison matrix, with Saaty's consistency check."""

    weights: pd.Series
    lambda_max: float
    consistency_index: float
    consistency_ratio: float | None
    random_index: float | None
    random_index_table: str
    method: str
    threshold: float
    judgements: tuple[Judgement, ...]  # upper-triangle judgements, most inconsistent first
    #: Geometric consistency index (method "geometric" only, else ``None``; Crawford & Williams 1985,
    #: Aguarón & Moreno-Jiménez 2003): GCI = 2 / ((n − 1)(n − 2)) · Σ_{i<j} ln²(a_ij w_j / w_i).
    geometric_consistency_index: float | None = None
    gci_threshold: float | None = None  # 0.31 (n = 3), 0.35 (n = 4), 0.37 (n > 4); None for n ≤ 2

    @property
    def n(self) -> int:
        return len(self.weights)

    @property
    def gci_acceptable(self) -> bool | None:
        """GCI at most its threshold; ``None`` when no GCI was computed (method "eigen")."""
        if self.geometric_consistency_index is None:
            return None
        return self.gci_threshold is None or self.geometric_consistency_index <= self.gci_threshold

    @property
    def acceptable(self) -> bool:
        """CR at most the threshold (Saaty's 0.10); ``True`` when no RI exists (n > 15)."""
        return self.consistency_ratio is None or self.consistency_ratio <= self.threshold

    @property
    def most_inconsistent(self) -> tuple[Judgement, ...]:
        """When CR exceeds the threshold, the (up to) three judgements to ask again; else ()."""
        if self.acceptable:
            return ()
        return tuple(j for j in self.judgements[:3] if abs(math.log(j.deviation)) > 1e-9)


def _judgement_array(matrix: np.ndarray | pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    if isinstance(matrix, pd.DataFrame):
        rows, cols = [str(i) for i in matrix.index], [str(c) for c in matrix.columns]
        if len(rows) != len(cols) or set(rows) != set(cols) or len(set(rows)) != len(rows):
            raise AnalysisError(t("prioritize.error.labels", "en", rows=", ".join(rows), columns=", ".join(cols)))
        frame = matrix.copy()
        frame.index, frame.columns = rows, cols
        frame = frame.loc[rows, rows]
        labels = rows
        values = frame.to_numpy()
    else:
        values = matrix
        labels = None
    try:
        a = np.array(values, dtype=float)
    except (TypeError, ValueError):
        raise AnalysisError(t("prioritize.error.not_numeric", "en")) from None
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] == 0:
        raise AnalysisError(t("prioritize.error.not_square", "en", shape=" × ".join(map(str, a.shape)) or "0"))
    n = a.shape[0]
    labels = labels or [f"c{i + 1}" for i in range(n)]
    bad = ~np.isfinite(a) | (a <= 0)
    if bad.any():
        i, j = np.argwhere(bad)[0]
        raise AnalysisError(t("prioritize.error.not_positive", "en", a=labels[i], b=labels[j], value=a[i, j]))
    if not np.allclose(np.diag(a), 1.0, rtol=0, atol=1e-6):
        i = int(np.argmax(np.abs(np.diag(a) - 1)))
        raise AnalysisError(t("prioritize.error.diagonal", "en", a=labels[i], value=a[i, i]))
    product = a * a.T
    off = np.abs(product - 1.0) > _RECIPROCAL_TOL
    if off.any():
        i, j = np.argwhere(off)[0]
        raise AnalysisError(t("prioritize.error.not_reciprocal", "en", a=labels[i], b=labels[j], ab=f"{a[i, j]:.4g}",
                              ba=f"{a[j, i]:.4g}", product=f"{product[i, j]:.4g}"))
    # exact reciprocity: a'_ij = sqrt(a_ij / a_ji) treats both halves alike
    a = np.sqrt(a / a.T)
    return a, labels


def ahp_weights(matrix: np.ndarray | pd.DataFrame, method: str = "eigen", *, threshold: float = 0.10) -> AhpResult:
    """Criteria weights from a positive reciprocal pairwise-comparison matrix.

    Parameters
    ----------
    matrix
        Square array or DataFrame of judgements a_ij ("how much more important i is than j");
        a DataFrame's labels are kept (rows and columns must name the same criteria).
    method
        ``"eigen"``: Saaty's principal right eigenvector (Saaty 1977, *J. Math. Psychol.* 15:234–281).
        ``"geometric"``: normalised row geometric means (Crawford & Williams 1985,
        *J. Math. Psychol.* 29:387–405); λmax is then the mean of (A w)_i / w_i.  Saaty's RI was
        derived for the eigenvector, so this method also reports the geometric consistency
        index (GCI, Aguarón & Moreno-Jiménez 2003, *EJOR* 147:137–145) with its own thresholds
        (0.31 for n = 3, 0.35 for n = 4, 0.37 for n > 4); CR is kept beside it.
    threshold
        Consistency ratio above which the judgements are reported as inconsistent (Saaty: 0.10).

    Returns
    -------
    AhpResult
        weights (summing to 1), λmax, CI = (λmax − n)/(n − 1), CR = CI / RI with RI from
        :data:`RANDOM_INDEX` (Saaty 1980; ``None`` beyond n = 15), and the judgements ranked by
        |log e_ij|, e_ij = a_ij w_j / w_i (Saaty 2003, *EJOR* 145:85–91: revise the judgement
        with the largest e_ij first; Harker 1987, *Math. Modelling* 9:837–848, ranks them by
        ∂λmax/∂a_ij instead).

    Raises
    ------
    AnalysisError
        for a matrix that is not square, not positive, has a diagonal other than 1 or is not
        reciprocal (a_ji ≠ 1/a_ij).
    """
    a, labels = _judgement_array(matrix)
    n = a.shape[0]
    if method == "eigen":
        values, vectors = np.linalg.eig(a)
        k = int(np.argmax(values.real))
        w = np.abs(vectors[:, k].real)
        w = w / w.sum()
        lam = float(values[k].real)
    elif method == "geometric":
        w = np.exp(np.log(a).mean(axis=1))
        w = w / w.sum()
        lam = float(np.mean(a @ w / w))
    else:
        raise AnalysisError(t("prioritize.error.method", "en", method=method))
    lam = max(lam, float(n))  # λmax ≥ n for positive reciprocal matrices; guard rounding
    ci = (lam - n) / (n - 1) if n > 1 else 0.0
    ri = RANDOM_INDEX.get(n)
    if n <= 2:
        cr: float | None = 0.0
    elif ri is None:
        cr = None
    else:
        cr = ci / ri
    e = a * w[None, :] / w[:, None]
    iu, ju = np.triu_indices(n, 1)
    gci = gci_limit = None
    if method == "geometric":
        gci = float(2.0 * np.sum(np.log(e[iu, ju]) ** 2) / ((n - 1) * (n - 2))) if n > 2 else 0.0
        gci_limit = gci_threshold(n)
    order = np.argsort(-np.abs(np.log(e[iu, ju])), kind="stable")
    judgements = tuple(Judgement(labels[iu[k]], labels[ju[k]], float(a[iu[k], ju[k]]), float(w[iu[k]] / w[ju[k]]),
                                 float(e[iu[k], ju[k]])) for k in order)
    return AhpResult(pd.Series(w, index=labels, name="weight"), lam, float(ci), None if cr is None else float(cr),
                     ri, RANDOM_INDEX_TABLE, method, threshold, judgements, gci, gci_limit)


# =========================================================================== pairwise sheet -> matrices
@dataclass(frozen=True)
class PairwiseJudgements:
    """Pairwise judgements per rater and their aggregate (AIJ).

    ``matrices`` holds one matrix per rater (NaN where the rater gave no judgement);
    ``aggregate`` the element-wise geometric mean over the raters who judged each pair
    (NaN where nobody did).  Disagreement is measured in log space: ``pairs`` gives per pair
    the standard deviation of the raters' log judgements and ``spread`` = exp(sd) (1 = all
    agree; 2 = raters typically differ from the group by a factor of two); ``rater_distance``
    the root-mean-square log distance of each rater from the aggregate.
    """

    criteria: tuple[str, ...]
    raters: tuple[str, ...]
    matrices: Mapping[str, pd.DataFrame]
    aggregate: pd.DataFrame
    pairs: pd.DataFrame
    rater_distance: pd.Series
    spread: float | None

    @property
    def complete(self) -> bool:
        """Every pair of criteria has at least one judgement."""
        return not self.missing

    @property
    def missing(self) -> tuple[tuple[str, str], ...]:
        a = self.aggregate.to_numpy()
        return tuple((self.criteria[i], self.criteria[j]) for i, j in zip(*np.triu_indices(len(self.criteria), 1))
                     if not np.isfinite(a[i, j]))


def pairwise_matrix(frame: pd.DataFrame, criteria: Sequence[str] | None = None) -> PairwiseJudgements:
    """Build pairwise-comparison matrices from Pairwise-sheet rows, per rater and aggregated.

    Parameters
    ----------
    frame
        Rows with ``criterion_a``, ``criterion_b``, ``value`` (a over b, 1/9…9) and optionally
        ``rater``.  A pair given in both orientations by one rater is combined by geometric mean.
    criteria
        Order of the criteria (default: order of first appearance).

    Notes
    -----
    Aggregation of individual judgements (AIJ) by the element-wise geometric mean, the only
    aggregation that keeps the result reciprocal (Aczél & Saaty 1983; Forman & Peniwati 1998,
    *EJOR* 108:165–169).  Raters who skipped a pair are left out of that pair's mean.
    """
    for column in ("criterion_a", "criterion_b", "value"):
        if column not in frame.columns:
            raise AnalysisError(t("prioritize.error.pairwise_column", "en", column=column,
                                  found=", ".join(map(str, frame.columns)) or "—"))
    rows = frame.dropna(subset=["criterion_a", "criterion_b", "value"])
    names_a = rows["criterion_a"].astype(str).tolist()
    names_b = rows["criterion_b"].astype(str).tolist()
    if criteria is None:
        criteria = list(dict.fromkeys(itertools.chain.from_iterable(zip(names_a, names_b))))
    criteria = tuple(str(c) for c in criteria)
    index = {c: i for i, c in enumerate(criteria)}
    n = len(criteria)
    rater_col = rows["rater"] if "rater" in rows.columns else pd.Series([None] * len(rows), index=rows.index)
    raters_seen: dict[str, None] = {}
    logs: dict[tuple[str, int, int], list[float]] = {}
    for a, b, v, r in zip(names_a, names_b, rows["value"].astype(float), rater_col):
        rater = "" if r is None or r is pd.NA or (isinstance(r, float) and math.isnan(r)) else str(r).strip()
        for name in (a, b):
            if name not in index:
                raise AnalysisError(t("prioritize.error.pairwise_unknown", "en", name=name, allowed=", ".join(criteria)))
        if a == b:
            raise AnalysisError(t("prioritize.error.pairwise_self", "en", name=a))
        if not (math.isfinite(v) and v > 0):
            raise AnalysisError(t("prioritize.error.not_positive", "en", a=a, b=b, value=v))
        raters_seen.setdefault(rater, None)
        i, j = index[a], index[b]
        key = (rater, min(i, j), max(i, j))
        logs.setdefault(key, []).append(math.log(v) if i < j else -math.log(v))
    raters = tuple(raters_seen)
    cube = np.full((len(raters), n, n), np.nan)
    for k in range(len(raters)):
        np.fill_diagonal(cube[k], 0.0)
    for (rater, i, j), values in logs.items():
        k = raters.index(rater)
        cube[k, i, j] = np.mean(values)
        cube[k, j, i] = -cube[k, i, j]
    with np.errstate(invalid="ignore"):
        counts = np.sum(np.isfinite(cube), axis=0)
        agg_log = np.where(counts > 0, np.nansum(np.where(np.isfinite(cube), cube, 0.0), axis=0) / np.maximum(counts, 1),
                           np.nan)
    aggregate = pd.DataFrame(np.exp(agg_log), index=list(criteria), columns=list(criteria))
    matrices = MappingProxyType({r: pd.DataFrame(np.exp(cube[k]), index=list(criteria), columns=list(criteria))
                                 for k, r in enumerate(raters)})
    pair_rows = []
    sds = []
    for i, j in zip(*np.triu_indices(n, 1)):
        vals = cube[:, i, j][np.isfinite(cube[:, i, j])]
        if len(vals) == 0:
            continue
        sd = float(np.std(vals)) if len(vals) > 1 else None
        if sd is not None:
            sds.append(sd)
        pair_rows.append({"a": criteria[i], "b": criteria[j], "n_raters": int(len(vals)),
                          "geometric_mean": float(np.exp(agg_log[i, j])), "min": float(np.exp(vals.min())),
                          "max": float(np.exp(vals.max())), "log_sd": sd,
                          "spread": None if sd is None else float(np.exp(sd))})
    pairs = pd.DataFrame(pair_rows, columns=["a", "b", "n_raters", "geometric_mean", "min", "max", "log_sd", "spread"])
    distance = {}
    for k, r in enumerate(raters):
        iu = np.triu_indices(n, 1)
        mine = cube[k][iu]
        ok = np.isfinite(mine)
        distance[r] = float(np.sqrt(np.mean((mine[ok] - agg_log[iu][ok]) ** 2))) if ok.any() else float("nan")
    spread = float(np.exp(np.mean(sds))) if sds else None
    return PairwiseJudgements(criteria, raters, matrices, aggregate, pairs,
                              pd.Series(distance, name="rms_log_distance", dtype=float), spread)


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
        series = pd.Series(weights, dtype=float)
        missing = [c for c in columns if c not in series.index]
        if missing:
            raise AnalysisError(t("prioritize.error.weights_missing", "en", names=", ".join(map(str, missing))))
        w = series.reindex(list(columns)).to_numpy(dtype=float)
    else:
        w = np.asarray(weights, dtype=float).ravel()
        if len(w) != len(columns):
            raise AnalysisError(t("prioritize.error.weights_length", "en", expected=len(columns), found=len(w)))
    if not np.all(np.isfinite(w)) or (w < 0).any() or w.sum() <= 0:
        raise AnalysisError(t("prioritize.error.weights_invalid", "en",
                              values=", ".join(f"{x:.4g}" for x in w)))
    return w / w.sum()


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
    Σ_c w_c r_sc with weights summing to 1, so it lies between 0 and 1.
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
        r = (x - lo) / (hi - lo) if hi > lo else pd.Series(0.5, index=x.index).where(x.notna())
        r = r.clip(0.0, 1.0)
        if d == "cost":
            r = 1.0 - r
        normalised[c] = r.fillna(float(r.median()))
    contributions = normalised * w
    scores = contributions.sum(axis=1).rename("score")
    rank = scores.rank(method="min", ascending=False).astype(int).rename("rank")
    return ScoreResult(scores, rank, normalised, contributions, pd.Series(w, index=columns, name="weight"),
                       MappingProxyType(dict(zip(columns, dirs))), imputed, MappingProxyType(used_scales))


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
    return TopsisResult(closeness, closeness.rank(method="min", ascending=False).astype(int).rename("rank"),
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
    a = pd.Series(first, dtype=float)
    b = pd.Series(second, dtype=float).reindex(a.index)
    rank_a = a.rank(method="min", ascending=False)
    rank_b = b.rank(method="min", ascending=False)
    rho = tau = None
    if len(a) > 2 and a.nunique() > 1 and b.nunique() > 1:
        rho = float(stats.spearmanr(a, b).statistic)
        tau = float(stats.kendalltau(a, b).statistic)
    in_a, in_b = rank_a <= top_n, rank_b <= top_n
    flagged = tuple(a.index[(in_a != in_b).to_numpy()])
    table = pd.DataFrame({"first_score": a, "first_rank": rank_a.astype(int), "second_score": b,
                          "second_rank": rank_b.astype(int), "flagged": in_a != in_b})
    return MethodComparison(rho, tau, top_n, flagged, table)


# =========================================================================== sensitivity
def _rescaled(w: np.ndarray, k: int, value: float) -> np.ndarray:
    """Weights with w_k set to *value* and the others rescaled proportionally to sum to 1
    (equal shares when the others were all 0)."""
    out = np.empty_like(w)
    rest = 1.0 - w[k]
    if rest > 1e-12:
        out[:] = w * (1.0 - value) / rest
    else:
        out[:] = (1.0 - value) / max(len(w) - 1, 1)
    out[k] = value
    return out


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
    order = np.argsort(-scores, kind="stable")
    return order[:n]


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
    :attr:`ScoreResult.normalised`.  Ties are broken by the order of the rows.
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
    order = np.argsort(-scores, kind="stable")
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


# =========================================================================== waves (the roadmap)
@dataclass(frozen=True)
class Conflict:
    """One reason a roadmap cannot be built; ``text(lang)`` renders it."""

    code: str
    params: Mapping[str, Any]

    def text(self, lang: str = "en") -> str:
        params = dict(self.params)
        if self.code == "groups":
            params["groups"] = ", ".join(t(f"prioritize.group.{g}", lang) for g in params["groups"])
        return t(f"prioritize.conflict.{self.code}", lang, **params)


class InfeasiblePlanError(AnalysisError):
    """The roadmap's constraints contradict each other; ``conflicts`` says which."""

    code = "plan_infeasible"

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = tuple(conflicts)
        text = " ".join(c.text("en") for c in self.conflicts)
        super().__init__(t("prioritize.error.infeasible", "en", reasons=text))


@dataclass(frozen=True)
class WavePlan:
    """An optimal staged plan.

    ``wave`` maps every service to its wave (1-based) or ``<NA>`` when deferred; ``reasons``
    maps each deferred service to ``(code, params)`` with code ``capacity``, ``dependency`` or
    ``low_value``.  ``value`` is Σ value_s · discount^(wave − 1) over planned services;
    ``gap`` the relative gap between it and HiGHS' bound.  ``greedy_*`` describe the sort-and-fill
    baseline (by value, earliest wave with room whose dependencies are placed).
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
        raise AnalysisError(t("prioritize.error.plan_value", "en", what=name, service=bad, value=s[bad]))
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
    depth = _depth(p)
    if not p.same_wave:
        for i in sorted(required):
            limit = p.locked.get(i, p.W - 1) + 1
            if depth[i] > limit:
                out.append(Conflict("chain_too_long", {"service": ids[i], "depth": depth[i], "waves": limit}))
    biggest = float(p.cap.max())
    for i in sorted(required):
        if p.days[i] > biggest + 1e-9:
            out.append(Conflict("too_large", {"service": ids[i], "days": _fmt(p.days[i]), "capacity": _fmt(biggest)}))
    need = float(sum(p.days[i] for i in required))
    if need > p.cap.sum() + 1e-9:
        out.append(Conflict("required_over_capacity", {"days": _fmt(need), "capacity": _fmt(p.cap.sum()),
                                                       "count": len(required)}))
    for w in range(p.W):
        load = float(sum(p.days[i] for i, lw in p.locked.items() if lw == w))
        if load > p.cap[w] + 1e-9:
            out.append(Conflict("wave_overload", {"wave": w + 1, "days": _fmt(load), "capacity": _fmt(p.cap[w])}))
        early = _closure(p, [i for i, lw in p.locked.items() if lw <= w])
        early_load = float(sum(p.days[i] for i in early))
        if early_load > p.cap[: w + 1].sum() + 1e-9 and early_load > load:
            out.append(Conflict("early_over_capacity", {"wave": w + 1, "days": _fmt(early_load),
                                                        "capacity": _fmt(p.cap[: w + 1].sum())}))
    if p.min_quick > 0:
        first_ok = [i for i in range(len(ids)) if p.quick[i] and p.locked.get(i, 0) == 0
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
                out.append(Conflict("quick_wins_capacity", {"required": p.min_quick, "days": _fmt(need),
                                                            "capacity": _fmt(p.cap[0])}))
    return out


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if abs(x - round(x)) < 1e-9 else f"{x:,.1f}"


_GROUPS = ("capacity", "dependencies", "mandatory", "locked", "quick_wins")


def _solve(p: _Problem, *, groups: Sequence[str] = _GROUPS, gap: float = 0.001, time_limit: float = 60.0):
    """The wave program in cumulative form: y[s, w] = 1 when s is improved in wave w or earlier
    (x[s, w] = y[s, w] − y[s, w − 1]).  Dependencies become two-variable rows y[s, w] ≤ y[d, w]
    (or y[d, w − 1] when the same wave is not allowed), which HiGHS propagates far better
    than the equivalent sums over x."""
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
    room whose dependencies are already placed.  Locked services go first, then enough visible
    quick wins for wave 1, then mandatory services (each with what it depends on), then the rest."""
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
        lo = earliest(i)
        if lo is None:
            return False
        for w in range(lo, latest + 1):
            if used[w] + p.days[i] <= p.cap[w] + 1e-9:
                wave[i] = w
                used[w] += p.days[i]
                return True
        return False

    def put_with_dependencies(i: int, latest: int) -> bool:
        for j in p.deps[i]:
            if wave[j] < 0 and not put_with_dependencies(j, latest - shift):
                return False
        return wave[i] >= 0 or put(i, latest)

    by_value = sorted(range(n), key=lambda i: (-p.value[i], i))
    for i, w in sorted(p.locked.items(), key=lambda kv: kv[1]):
        for j in p.deps[i]:
            if wave[j] < 0:
                put_with_dependencies(j, w - shift)
    placed_quick = sum(1 for i in range(n) if p.quick[i] and wave[i] == 0)
    for i in by_value:
        if placed_quick >= p.min_quick:
            break
        if p.quick[i] and wave[i] < 0 and put(i, 0):
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
               same_wave: bool = True, mip_rel_gap: float = 0.001, time_limit: float = 60.0) -> WavePlan:
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
    * at least ``min_quick_wins`` of ``quick_wins`` in wave 1.

    Solved to a relative gap of ``mip_rel_gap`` (0.1 %).  A greedy baseline (sort by value,
    earliest wave with room) is computed for comparison.  Every deferred service gets a
    reason: ``dependency`` (waits for a deferred service), ``capacity`` (no admissible wave
    has room; it may also be larger than any wave) or ``low_value`` (value 0, or less value per
    person-day than every service the optimiser chose freely).

    Raises
    ------
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
        raise AnalysisError(t("prioritize.error.plan_value", "en", what="resources",
                              service=days.index[days.isna().to_numpy()][0], value="—"))
    if int(waves) != waves or waves < 1:
        raise AnalysisError(t("prioritize.error.waves", "en", value=waves))
    waves = int(waves)
    cap = np.broadcast_to(np.asarray(capacity, dtype=float), (waves,)).copy() if np.ndim(capacity) == 0 else \
        np.asarray(capacity, dtype=float)
    if cap.shape != (waves,) or not np.all(np.isfinite(cap)) or (cap < 0).any():
        raise AnalysisError(t("prioritize.error.capacity", "en", value=capacity, waves=waves))
    if not 0 < discount <= 1:
        raise AnalysisError(t("prioritize.error.discount", "en", value=discount))
    ids = list(value.index)
    where = {s: i for i, s in enumerate(ids)}

    def known(s: Any, what: str) -> int:
        if s not in where:
            raise AnalysisError(t("prioritize.error.plan_unknown", "en", what=what, service=s))
        return where[s]

    deps: list[list[int]] = [[] for _ in ids]
    for s, ds in (dependencies or {}).items():
        i = known(s, "dependencies")
        for d in ds:
            j = known(d, "dependencies")
            if j == i:
                raise AnalysisError(t("prioritize.error.cycle", "en", cycle=f"{s} → {s}"))
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
    p = _Problem(ids, value.to_numpy(float), days.to_numpy(float), waves, cap, deps, mand, lock, quick,
                 int(min_quick_wins), float(discount), bool(same_wave))
    conflicts = _precheck(p)
    if conflicts:
        raise InfeasiblePlanError(conflicts)
    x, bound = _optimise(p, mip_rel_gap, time_limit)
    wave_idx = np.where(x.sum(axis=1) > 0.5, x.argmax(axis=1), -1)
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
        load_rows.append({"wave": w + 1, "capacity": float(cap[w]), "used": float(p.days[members].sum()),
                          "services": len(members), "value": float(p.value[members].sum() * disc[w])})
    as_wave = pd.Series(pd.array([int(w) + 1 if w >= 0 else pd.NA for w in wave_idx], dtype="Int64"), index=value.index,
                        name="wave")
    as_greedy = pd.Series(pd.array([int(w) + 1 if w >= 0 else pd.NA for w in g_wave], dtype="Int64"),
                          index=value.index, name="greedy_wave")
    return WavePlan(as_wave, obj, max(bound, obj), gap, as_greedy, g_value, g_ok, MappingProxyType(reasons),
                    pd.DataFrame(load_rows), waves, tuple(float(c) for c in cap), float(discount), bool(same_wave),
                    time.perf_counter() - started)


def _optimise(p: _Problem, gap: float, time_limit: float) -> tuple[np.ndarray, float]:
    """Solve the wave program; the 0/1 assignment x (services × waves) and HiGHS' upper bound."""
    res = _solve(p, gap=gap, time_limit=time_limit)
    if res.status == 2:
        raise InfeasiblePlanError(_diagnose(p, time_limit))
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
                raise AnalysisError(t("prioritize.error.cycle", "en", cycle=" → ".join(str(ids[i]) for i in cycle)))
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
            out[sid] = ("capacity", {"days": _fmt(p.days[i]), "free": _fmt(max(room, 0.0))})
        elif p.days[i] <= room + 1e-9 or (p.days[i] > 0 and p.value[i] / p.days[i] < floor):
            out[sid] = ("low_value", {"value": f"{p.value[i]:.2f}"})
        else:
            out[sid] = ("capacity", {"days": _fmt(p.days[i]), "free": _fmt(max(room, 0.0))})
    return out


# =========================================================================== analyse(engagement)
DEFAULT_CRITERIA = ("benefit", "visibility", "effort")


@dataclass(frozen=True)
class PrioritizationResult:
    """Everything :func:`analyse` found, with summary/tables/figures/findings for the report."""

    available: bool
    language: str
    method: str | None = None                     # "ahp", "direct" or "default"
    weights: pd.Series | None = None
    directions: Mapping[str, str] = field(default_factory=dict)
    direct: CriteriaWeights | None = None
    ahp: AhpResult | None = None
    pairwise: PairwiseJudgements | None = None
    services: pd.DataFrame | None = None          # index service_id: name, unit, scores, reach, row …
    score: ScoreResult | None = None
    quadrant: pd.Series | None = None
    visible: pd.Series | None = None
    topsis: TopsisResult | None = None
    comparison: MethodComparison | None = None
    sensitivity: Sensitivity | None = None
    acceptability: RankAcceptability | None = None
    plan: WavePlan | None = None
    conflicts: tuple[Conflict, ...] = ()
    notes: tuple[tuple[str, Mapping[str, Any]], ...] = ()
    top_n: int = 5
    midpoint: float = 3.0
    seed: int = 0
    accent_color: str | None = None
    plan_unit: str = "days"
    size_column: str | None = None
    min_quick_wins: int = 0
    locked: Mapping[Any, int] = field(default_factory=dict)  # service -> wave the consultant fixed it to
    survey_signal: pd.Series | None = None        # service_id -> 0–1 benefit signal (None: not given)
    survey_focus: tuple = ()                      # services the survey says to concentrate on

    def _survey(self, sid: Any) -> float | None:
        if self.survey_signal is None or sid not in self.survey_signal.index:
            return None
        return float(self.survey_signal[sid])

    # ------------------------------------------------------------------ helpers
    def skipped(self, lang: str) -> str:
        return t("prioritize.skipped", lang)

    @property
    def order(self) -> list:
        """Service ids from best to worst score (ties in intake order)."""
        s = self.score.scores
        return list(s.index[np.argsort(-s.to_numpy(), kind="stable")])

    def _wave(self, sid: Any) -> int | None:
        if self.plan is None:
            return None
        w = self.plan.wave.get(sid)
        return None if w is None or w is pd.NA else int(w)

    def _crit(self, c: str, lang: str) -> str:
        return t(f"prioritize.criterion.{c}", lang)

    def note_text(self, key: str, params: Mapping[str, Any], lang: str) -> str:
        """A method note in *lang* (criteria names and units translated)."""
        values = dict(params)
        if "criteria" in values:
            values["criteria"] = ", ".join(self._crit(c, lang) for c in values["criteria"])
        if "pairs" in values:
            values["pairs"] = ", ".join(f"{self._crit(a, lang)}/{self._crit(b, lang)}" for a, b in values["pairs"])
        if "unit" in values:
            values["unit"] = t(f"prioritize.unit.{values['unit']}", lang)
        return t(f"prioritize.note.{key}", lang, **values)

    # ------------------------------------------------------------------ summary.json
    def summary(self) -> dict:
        if not self.available:
            return {"available": False, "priorities": [], "criteria_weights": {}, "consistency_ratio": None,
                    "method": None}
        p_top = self.acceptability.top
        priorities = []
        for sid in self.order:
            priorities.append({
                "service_id": str(sid),
                "score": round(float(self.score.scores[sid]), 6),
                "rank": int(self.score.rank[sid]),
                "quadrant": str(self.quadrant[sid]),
                "wave": self._wave(sid),
                "visible": bool(self.visible[sid]),
                "mandatory": bool(self.services.loc[sid, "mandatory"]),
                "p_top_n": round(float(p_top[sid]), 4),
                "topsis_rank": int(self.topsis.rank[sid]),
                "deferred_reason": (self.plan.reasons[sid][0] if self.plan is not None and sid in self.plan.reasons
                                    else None),
                "survey_signal": _round(self._survey(sid), 4),
            })
        plan = self.plan
        return {
            "available": True,
            "method": self.method,
            "criteria_weights": {c: round(float(w), 6) for c, w in self.weights.items()},
            "criteria_directions": dict(self.directions),
            "consistency_ratio": None if self.ahp is None or self.ahp.consistency_ratio is None
            else round(self.ahp.consistency_ratio, 6),
            "random_index_table": None if self.ahp is None else self.ahp.random_index_table,
            "geometric_consistency_index": None if self.ahp is None else _round(self.ahp.geometric_consistency_index),
            "gci_threshold": None if self.ahp is None else self.ahp.gci_threshold,
            "gci_threshold_table": None if self.ahp is None or self.ahp.geometric_consistency_index is None
            else GCI_REFERENCE,
            "raters": None if self.pairwise is None else len(self.pairwise.raters),
            "top_n": self.top_n,
            "priorities": priorities,
            "rank_correlation": {"spearman": _round(self.comparison.spearman), "kendall": _round(self.comparison.kendall)},
            "method_dependent": [str(s) for s in self.comparison.flagged],
            "acceptability": {"n_samples": self.acceptability.n_samples, "seed": self.acceptability.seed,
                              "concentration": self.acceptability.concentration},
            "waves": {
                "feasible": plan is not None,
                "n_waves": None if plan is None else plan.waves,
                "capacity": None if plan is None else list(plan.capacity),
                "unit": self.plan_unit,
                "discount": None if plan is None else plan.discount,
                "same_wave_dependencies": None if plan is None else plan.same_wave,
                "value": None if plan is None else round(plan.value, 6),
                "greedy_value": None if plan is None else round(plan.greedy_value, 6),
                "greedy_feasible": None if plan is None else plan.greedy_feasible,
                "gap": None if plan is None else _round(plan.gap),
                "planned": None if plan is None else int(plan.wave.notna().sum()),
                "deferred": None if plan is None else len(plan.deferred),
                "min_quick_wins": self.min_quick_wins,
                "locked": {str(k): int(v) for k, v in self.locked.items()},
                "conflicts": [c.text("en") for c in self.conflicts],
            },
            "survey_focus": [str(s) for s in self.survey_focus],
            "notes": [self.note_text(k, p, "en") for k, p in self.notes],
        }

    # ------------------------------------------------------------------ tables
    def _reasoning(self, sid: Any, lang: str) -> str:
        parts = " + ".join(f"{self._crit(c, lang)} {self.score.contributions.loc[sid, c]:.2f}"
                           for c in self.score.contributions.columns)
        bits = [t("prioritize.reason.score", lang, score=f"{self.score.scores[sid]:.2f}", parts=parts)]
        imputed = [self._crit(c, lang) for c in self.score.imputed.columns if self.score.imputed.loc[sid, c]]
        if imputed:
            bits.append(t("prioritize.reason.imputed", lang, criteria=", ".join(imputed)))
        bits.append(t(f"prioritize.quadrant.{self.quadrant[sid]}", lang)
                    + (t("prioritize.reason.visible", lang) if self.visible[sid] else ""))
        if sid in self.survey_focus:
            bits.append(t("prioritize.reason.survey", lang, pct=f"{100 * self._survey(sid):.0f}",
                          mean=f"{100 * float(self.survey_signal.mean()):.0f}"))  # the cross-hair of survey_focus
        bits.append(t("prioritize.reason.acceptability", lang, p=f"{100 * self.acceptability.top[sid]:.0f}",
                      n=self.top_n))
        if sid in self.comparison.flagged:
            key = "prioritize.reason.topsis_in" if self.topsis.rank[sid] <= self.top_n else "prioritize.reason.topsis_out"
            bits.append(t(key, lang, n=self.top_n, rank=int(self.topsis.rank[sid])))
        if self.services.loc[sid, "mandatory"]:
            bits.append(t("prioritize.reason.mandatory", lang))
        if self.plan is not None:
            w = self._wave(sid)
            if w is not None:
                bits.append(t("prioritize.reason.locked" if sid in self.locked else "prioritize.reason.wave", lang,
                              wave=w))
            else:
                code, params = self.plan.reasons[sid]
                bits.append(t(f"prioritize.deferred.{code}", lang, unit=t(f"prioritize.unit.{self.plan_unit}", lang),
                              **params))
        return "; ".join(bits) + "."

    def tables(self, lang: str) -> dict[str, pd.DataFrame]:
        if not self.available:
            return {}
        col = lambda k: t(f"prioritize.col.{k}", lang)  # noqa: E731
        out: dict[str, pd.DataFrame] = {}
        acc = self.acceptability
        rows = []
        for sid in self.order:
            w = self._wave(sid)
            rows.append({
                col("rank"): int(self.score.rank[sid]),
                col("service_id"): str(sid),
                col("service_name"): self.services.loc[sid, "service_name"],
                col("unit"): self.services.loc[sid, "unit"],
                col("score"): round(float(self.score.scores[sid]), 3),
                col("quadrant"): t(f"prioritize.quadrant.{self.quadrant[sid]}", lang),
                col("visibility"): _num(self.services.loc[sid, "visibility"]),
                col("wave"): w if w is not None else t("prioritize.deferred", lang) if self.plan is not None else None,
                col("p_top"): round(float(acc.top[sid]), 3),
                col("topsis_rank"): int(self.topsis.rank[sid]),
                **({} if self.survey_signal is None else {
                    col("survey_signal"): None if self._survey(sid) is None else round(100 * self._survey(sid), 1)}),
                col("reasoning"): self._reasoning(sid, lang),
            })
        out["priorities"] = pd.DataFrame(rows)
        contrib = []
        raw = self.services
        for sid in self.order:
            for c in self.score.contributions.columns:
                contrib.append({col("service_id"): str(sid), col("intake_row"): int(raw.loc[sid, "_row"]),
                                col("criterion"): self._crit(c, lang),
                                col("value"): _num(raw.loc[sid, c]),
                                col("normalised"): round(float(self.score.normalised.loc[sid, c]), 4),
                                col("weight"): round(float(self.weights[c]), 4),
                                col("contribution"): round(float(self.score.contributions.loc[sid, c]), 4),
                                col("imputed"): t("prioritize.yes", lang) if self.score.imputed.loc[sid, c] else ""})
        out["contributions"] = pd.DataFrame(contrib)
        wrows = []
        for c, wt in self.weights.items():
            lo, hi = self.score.scales[c]
            wrows.append({col("criterion"): self._crit(c, lang),
                          col("direction"): t(f"prioritize.direction.{self.directions[c]}", lang),
                          col("weight"): round(float(wt), 4),
                          col("source"): t(f"prioritize.method.{self.method}", lang),
                          col("input_weight"): None if self.direct is None or c not in self.direct.raw.index
                          else _num(self.direct.raw[c]),
                          col("scale"): f"{_fmt(lo)}-{_fmt(hi)}"})  # hyphen-minus keeps digit order in RTL
        out["weights"] = pd.DataFrame(wrows)
        if self.ahp is not None:
            a = self.pairwise.aggregate.copy()
            names = [self._crit(c, lang) for c in a.index]
            a.index, a.columns = names, names
            a = a.round(3)
            a[col("weight")] = self.ahp.weights.round(4).to_numpy()
            out["ahp_matrix"] = a.reset_index(names=col("criterion"))
            cr = self.ahp.consistency_ratio
            out["ahp_consistency"] = pd.DataFrame({col("measure"): [t(f"prioritize.ahp.{k}", lang) for k in
                                                                    ("lambda_max", "ci", "ri", "cr", "table", "verdict")],
                                                   col("value"): [f"{self.ahp.lambda_max:.3f}",
                                                                  f"{self.ahp.consistency_index:.3f}",
                                                                  "—" if self.ahp.random_index is None
                                                                  else f"{self.ahp.random_index:.2f}",
                                                                  "—" if cr is None else f"{cr:.3f}",
                                                                  self.ahp.random_index_table,
                                                                  t("prioritize.ahp.ok" if self.ahp.acceptable
                                                                    else "prioritize.ahp.not_ok", lang)]})
            if self.ahp.geometric_consistency_index is not None:
                limit = self.ahp.gci_threshold
                gci_rows = pd.DataFrame({col("measure"): [t(f"prioritize.ahp.{k}", lang) for k in
                                                          ("gci", "gci_threshold", "gci_verdict")],
                                         col("value"): [f"{self.ahp.geometric_consistency_index:.3f}",
                                                        "—" if limit is None else f"{limit:.2f}",
                                                        t("prioritize.ahp.ok" if self.ahp.gci_acceptable
                                                          else "prioritize.ahp.not_ok", lang)]})
                out["ahp_consistency"] = pd.concat([out["ahp_consistency"], gci_rows], ignore_index=True)
            if self.ahp.most_inconsistent:
                out["ahp_inconsistent"] = pd.DataFrame([{
                    col("pair"): f"{self._crit(j.a, lang)} / {self._crit(j.b, lang)}",
                    col("given"): round(j.value, 3), col("consistent"): round(j.consistent_value, 3),
                    col("deviation"): round(j.deviation, 3)} for j in self.ahp.most_inconsistent])
            if len(self.pairwise.raters) > 1:
                pr = self.pairwise.pairs.dropna(subset=["log_sd"])
                out["rater_disagreement"] = pd.DataFrame({
                    col("pair"): [f"{self._crit(a_, lang)} / {self._crit(b_, lang)}" for a_, b_ in zip(pr["a"], pr["b"])],
                    col("raters"): pr["n_raters"].astype(int).to_numpy(),
                    col("geometric_mean"): pr["geometric_mean"].round(3).to_numpy(),
                    col("min"): pr["min"].round(3).to_numpy(), col("max"): pr["max"].round(3).to_numpy(),
                    col("spread"): pr["spread"].round(2).to_numpy()})
        srows = []
        for rng_top, rng_first in zip(self.sensitivity.ranges, self.sensitivity.first):
            srows.append({col("criterion"): self._crit(rng_top.criterion, lang),
                          col("weight"): round(rng_top.weight, 4),
                          col("first_from"): round(rng_first.lower, 4), col("first_to"): round(rng_first.upper, 4),
                          col("top_from"): round(rng_top.lower, 4), col("top_to"): round(rng_top.upper, 4),
                          col("enters_below"): "" if rng_top.lower_by is None else str(rng_top.lower_by),
                          col("enters_above"): "" if rng_top.upper_by is None else str(rng_top.upper_by)})
        out["sensitivity"] = pd.DataFrame(srows)
        out["reversals"] = pd.DataFrame([{
            col("rank"): r.rank, col("ahead"): str(r.ahead), col("behind"): str(r.behind),
            col("criterion"): "" if r.criterion is None else self._crit(r.criterion, lang),
            col("weight"): None if r.weight is None else round(r.weight, 4),
            col("new_weight"): None if r.new_weight is None else round(r.new_weight, 4),
            col("change"): None if r.change is None else round(r.change, 4)} for r in self.sensitivity.reversals])
        out["acceptability"] = pd.DataFrame({
            col("service_id"): [str(s) for s in self.order],
            col("p_first"): [round(float(acc.first[s]), 4) for s in self.order],
            col("p_top"): [round(float(acc.top[s]), 4) for s in self.order],
            col("expected_rank"): [round(float(acc.expected_rank[s]), 2) for s in self.order]})
        out["methods"] = pd.DataFrame({
            col("service_id"): [str(s) for s in self.order],
            col("score"): [round(float(self.score.scores[s]), 3) for s in self.order],
            col("rank"): [int(self.score.rank[s]) for s in self.order],
            col("closeness"): [round(float(self.topsis.closeness[s]), 3) for s in self.order],
            col("topsis_rank"): [int(self.topsis.rank[s]) for s in self.order],
            col("method_dependent"): [t("prioritize.yes", lang) if s in self.comparison.flagged else ""
                                      for s in self.order]})
        if self.plan is not None:
            unit = t(f"prioritize.unit.{self.plan_unit}", lang)
            lrows = []
            for _, r in self.plan.load.iterrows():
                members = [str(s) for s in self.order if self._wave(s) == int(r["wave"])]
                lrows.append({col("wave"): int(r["wave"]), col("capacity"): _fmt(r["capacity"]) + " " + unit,
                              col("used"): _fmt(r["used"]) + " " + unit, col("services"): ", ".join(members),
                              col("value"): round(float(r["value"]), 3)})
            out["waves"] = pd.DataFrame(lrows)
            out["deferred"] = pd.DataFrame([{
                col("service_id"): str(s), col("score"): round(float(self.score.scores[s]), 3),
                col("reason"): t(f"prioritize.reason_code.{self.plan.reasons[s][0]}", lang),
                col("detail"): t(f"prioritize.deferred.{self.plan.reasons[s][0]}", lang, unit=unit,
                                 **self.plan.reasons[s][1])} for s in self.order if s in self.plan.reasons],
                columns=[col("service_id"), col("score"), col("reason"), col("detail")])
        elif self.conflicts:
            out["plan_conflicts"] = pd.DataFrame({col("conflict"): [c.text(lang) for c in self.conflicts]})
        if self.notes:
            out["method_notes"] = pd.DataFrame({col("note"): [self.note_text(k, p, lang) for k, p in self.notes]})
        return out

    # ------------------------------------------------------------------ figures
    def figures(self, lang: str) -> dict[str, Any]:
        if not self.available:
            return {}
        return {"matrix": self._matrix_figure(lang), "sensitivity": self._sensitivity_figure(lang),
                "acceptability": self._acceptability_figure(lang), "waves": self._wave_figure(lang)}

    def _matrix_figure(self, lang: str):
        import matplotlib
        from matplotlib.lines import Line2D

        from .charts import GREY, RC, finish, new_figure

        fig, ax = new_figure(size=(8.0, 6.2))
        s = self.services
        with matplotlib.rc_context(RC):
            e = s["effort"].to_numpy(float)
            b = s["benefit"].to_numpy(float)
            dx, dy = _spread_points(e, b)
            crowd = 1.0 if len(s) <= 40 else math.sqrt(40 / len(s))  # smaller bubbles for many services
            if self.size_column is not None:
                v = s[self.size_column].astype(float)
                v = v.fillna(v.median() if v.notna().any() else 1.0).to_numpy()
                size = (50 + 850 * (v / v.max() if v.max() > 0 else np.ones_like(v))) * crowd
            else:
                size = np.full(len(s), 160.0 * crowd)
            vis = s["visibility"].to_numpy(float)
            m = self.midpoint
            ax.axvline(m, color=GREY, lw=1)
            ax.axhline(m, color=GREY, lw=1)
            sc = ax.scatter(e + dx, b + dy, s=size, c=vis, cmap="viridis", vmin=1, vmax=5, alpha=0.8,
                            edgecolors="white", linewidths=0.8, zorder=3)
            label_ids = set(self.order[: self.top_n if len(s) > 30 else max(self.top_n, 10)])
            for sid, x, y, ox, oy in zip(s.index, e + dx, b + dy, dx, dy):
                if sid in label_ids:  # label pushed outwards from the cell centre
                    norm = math.hypot(ox, oy)
                    ux, uy = (ox / norm, oy / norm) if norm > 0 else (0.0, 1.0)
                    if lang == "he":
                        ux = -ux  # the x axis is mirrored
                    ax.annotate(str(sid), (x, y), textcoords="offset points", xytext=(10 * ux, 10 * uy),
                                ha="center", va="center", fontsize=8, zorder=4,
                                bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})
            corners = {"quick_win": (0.35, 5.85), "major_project": (5.65, 5.85), "fill_in": (0.35, 0.15),
                       "thankless": (5.65, 0.15)}
            for key, (x, y) in corners.items():
                left = x < m
                ha = ("left" if left else "right") if lang != "he" else ("right" if left else "left")
                ax.text(x, y, t(f"prioritize.quadrants.{key}", lang), ha=ha, va="top" if y > m else "bottom",
                        fontsize=10, color=GREY, fontweight="bold", zorder=2)
            ax.set_xlim(0.3, 5.7)
            ax.set_ylim(0.1, 5.9)
            ax.set_xticks(range(1, 6))
            ax.set_yticks(range(1, 6))
            cbar = fig.colorbar(sc, ax=ax, location="left" if lang == "he" else "right", shrink=0.8)
            cbar.set_label(t("prioritize.chart.visibility", lang))
            cbar.set_ticks(range(1, 6))
            handles = [Line2D([], [], ls="", marker="o", markersize=5, color=GREY),
                       Line2D([], [], ls="", marker="o", markersize=12, color=GREY)]
            labels = [t("prioritize.chart.size_small", lang), t("prioritize.chart.size_large", lang)]
            if self.size_column is not None:
                ax.legend(*_reading_order(handles, labels, lang), title=self._crit(self.size_column, lang),
                          loc="center", bbox_to_anchor=(0.5, -0.2), ncols=2)
        finish(ax, lang=lang, title=t("prioritize.chart.matrix_title", lang),
               xlabel=t("prioritize.chart.effort", lang), ylabel=t("prioritize.chart.benefit", lang))
        return fig

    def _sensitivity_figure(self, lang: str):
        import matplotlib

        from .charts import GREY, RC, accent, finish, new_figure

        ranges = self.sensitivity.ranges
        fig, ax = new_figure(size=(8.0, 1.2 + 0.6 * len(ranges)))
        colour = accent(self.accent_color)
        with matplotlib.rc_context(RC):
            y = np.arange(len(ranges))[::-1]
            for yy, rt, rf in zip(y, ranges, self.sensitivity.first):
                ax.barh(yy, rt.upper - rt.lower, left=rt.lower, height=0.5, color=colour, alpha=0.35,
                        label=t("prioritize.chart.top_holds", lang, n=self.top_n) if yy == y[0] else None)
                ax.barh(yy, rf.upper - rf.lower, left=rf.lower, height=0.18, color=colour,
                        label=t("prioritize.chart.first_holds", lang) if yy == y[0] else None)
                ax.plot([rt.weight], [yy], marker="D", color="black", ms=7, zorder=4,
                        label=t("prioritize.chart.current_weight", lang) if yy == y[0] else None)
            ax.set_yticks(y, [self._crit(r.criterion, lang) for r in ranges])
            ax.set_xlim(0, 1)
            ax.grid(axis="y", visible=False)
            ax.legend(*_reading_order(*ax.get_legend_handles_labels(), lang), loc="upper center",
                      bbox_to_anchor=(0.5, -0.3), ncols=3, fontsize=8)
            ax.axvline(0, color=GREY, lw=0.8)
        finish(ax, lang=lang, title=t("prioritize.chart.sensitivity_title", lang, n=self.top_n),
               xlabel=t("prioritize.chart.weight", lang))
        return fig

    def _acceptability_figure(self, lang: str):
        import matplotlib

        from .charts import GREY, RC, accent, finish, new_figure

        shown = self.order[:15]
        acc = self.acceptability
        fig, ax = new_figure(size=(8.0, 1.4 + 0.38 * len(shown)))
        colour = accent(self.accent_color)
        with matplotlib.rc_context(RC):
            y = np.arange(len(shown))[::-1]
            first = np.array([acc.first[s] for s in shown])
            top = np.array([acc.top[s] for s in shown])
            ax.barh(y, first, color=colour, label=t("prioritize.chart.rank1", lang))
            ax.barh(y, top - first, left=first, color=colour, alpha=0.45,
                    label=t("prioritize.chart.rank_top", lang, n=self.top_n))
            ax.barh(y, 1 - top, left=top, color=GREY, alpha=0.35, label=t("prioritize.chart.rank_rest", lang,
                                                                           n=self.top_n))
            ax.set_yticks(y, [str(s) for s in shown])
            ax.set_xlim(0, 1)
            ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
            ax.grid(axis="y", visible=False)
            ax.legend(*_reading_order(*ax.get_legend_handles_labels(), lang), loc="upper center",
                      bbox_to_anchor=(0.5, -0.18), ncols=3, fontsize=8)
        finish(ax, lang=lang, title=t("prioritize.chart.acceptability_title", lang, samples=f"{acc.n_samples:,}"),
               xlabel=t("prioritize.chart.probability", lang))
        return fig

    def _wave_figure(self, lang: str):
        import matplotlib
        from matplotlib.patches import Patch

        from .charts import RC, finish, new_figure, palette

        colours = dict(zip(QUADRANTS, palette(self.accent_color)))
        if self.plan is None:
            fig, ax = new_figure(size=(8.0, 3.0))
            with matplotlib.rc_context(RC):
                ax.axis("off")
                text = "\n".join(c.text(lang) for c in self.conflicts) or t("prioritize.chart.no_plan", lang)
                ax.text(0.5, 0.5, text, ha="center", va="center", wrap=True, fontsize=9, transform=ax.transAxes)
            finish(ax, lang=lang, title=t("prioritize.chart.waves_title", lang), value_axis="none")
            return fig
        rank_of = {sid: k for k, sid in enumerate(self.order)}
        planned = [s for s in self.order if self._wave(s) is not None]
        limit = 40
        if len(planned) > limit:  # the best-scoring services of every wave
            per_wave = max(1, limit // self.plan.waves)
            by_wave: dict[int, list] = {}
            for sid in planned:
                by_wave.setdefault(self._wave(sid), []).append(sid)
            shown = [sid for w in sorted(by_wave) for sid in by_wave[w][:per_wave]]
        else:
            shown = planned
        shown.sort(key=lambda s: (self._wave(s), rank_of[s]))
        fig, ax = new_figure(size=(8.0, 1.6 + 0.28 * max(len(shown), 3)))
        with matplotlib.rc_context(RC):
            y = np.arange(len(shown))[::-1]
            for yy, sid in zip(y, shown):
                w = self._wave(sid)
                ax.barh(yy, 0.9, left=w - 1 + 0.05, height=0.7, color=colours[self.quadrant[sid]],
                        edgecolor="black" if self.services.loc[sid, "mandatory"] else "none", linewidth=1.2)
            ax.set_yticks(y, [str(s) for s in shown])
            W = self.plan.waves
            ax.set_xlim(0, W)
            load = self.plan.load.set_index("wave")
            ax.set_xticks(np.arange(W) + 0.5, [t("prioritize.chart.wave_n", lang, wave=w + 1) + "\n"
                                               + f"{_fmt(load.loc[w + 1, 'used'])}/{_fmt(load.loc[w + 1, 'capacity'])}"
                                               for w in range(W)])
            ax.set_ylim(-0.8, len(shown) - 0.2)
            ax.grid(axis="y", visible=False)
            present = [q for q in QUADRANTS if any(self.quadrant[s] == q for s in shown)]
            handles = [Patch(color=colours[q]) for q in present]
            labels = [t(f"prioritize.quadrants.{q}", lang) for q in present]
            if any(self.services.loc[s, "mandatory"] for s in shown):
                handles.append(Patch(facecolor="white", edgecolor="black", linewidth=1.2))
                labels.append(t("prioritize.chart.mandatory", lang))
            fig.legend(*_reading_order(handles, labels, lang), loc="outside lower center", ncols=len(handles),
                       fontsize=8)
        title = t("prioritize.chart.waves_title", lang)
        if len(planned) > len(shown):
            title += " " + t("prioritize.chart.truncated", lang, shown=len(shown), total=len(planned))
        finish(ax, lang=lang, title=title, value_axis="y",
               xlabel=t("prioritize.chart.wave_axis", lang, unit=t(f"prioritize.unit.{self.plan_unit}", lang)))
        return fig

    # ------------------------------------------------------------------ findings
    def findings(self, lang: str) -> list[str]:
        if not self.available:
            return [self.skipped(lang)]
        out = []
        top = self.order[: min(3, len(self.order))]
        names = ", ".join(f"{s} ({self.services.loc[s, 'service_name']})" for s in top)
        out.append(t("prioritize.finding.top", lang, services=names,
                     high=f"{self.score.scores[top[0]]:.2f}", low=f"{self.score.scores[top[-1]]:.2f}"))
        heaviest = self.weights.idxmax()
        base = t("prioritize.finding.weights", lang, method=t(f"prioritize.method.{self.method}", lang),
                 criterion=self._crit(heaviest, lang), weight=f"{100 * self.weights[heaviest]:.0f}")
        if self.ahp is not None and self.ahp.consistency_ratio is not None:
            if self.ahp.acceptable:
                base += " " + t("prioritize.finding.cr_ok", lang, cr=f"{self.ahp.consistency_ratio:.2f}")
            else:
                j = self.ahp.most_inconsistent[0]
                base += " " + t("prioritize.finding.cr_bad", lang, cr=f"{self.ahp.consistency_ratio:.2f}",
                                a=self._crit(j.a, lang), b=self._crit(j.b, lang), given=f"{j.value:.3g}",
                                consistent=f"{j.consistent_value:.2g}")
        if self.ahp is not None and self.ahp.geometric_consistency_index is not None \
                and self.ahp.gci_threshold is not None:
            base += " " + t("prioritize.finding.gci_ok" if self.ahp.gci_acceptable else "prioritize.finding.gci_bad",
                            lang, gci=f"{self.ahp.geometric_consistency_index:.2f}",
                            threshold=f"{self.ahp.gci_threshold:.2f}", n=self.ahp.n)
        out.append(base)
        lead = self.order[0]
        crit = self.sensitivity.most_sensitive
        text = t("prioritize.finding.robust", lang, service=lead, p=f"{100 * self.acceptability.top[lead]:.0f}",
                 n=self.top_n, samples=f"{self.acceptability.n_samples:,}")
        text += " " + t("prioritize.finding.robust_method", lang, concentration=f"{self.acceptability.concentration:g}",
                        seed=self.acceptability.seed)
        if crit is not None:
            r = next(x for x in self.sensitivity.ranges if x.criterion == crit)
            text += " " + t("prioritize.finding.sensitive", lang, criterion=self._crit(crit, lang), n=self.top_n,
                            low=f"{r.lower:.2f}", high=f"{r.upper:.2f}", weight=f"{r.weight:.2f}")
        out.append(text)
        if self.plan is not None:
            p = self.plan
            counts = {code: sum(1 for c, _ in p.reasons.values() if c == code) for code in ("capacity", "dependency",
                                                                                            "low_value")}
            if p.value - p.greedy_value <= 1e-9 * max(1.0, abs(p.value)):
                gain = t("prioritize.finding.gain_none", lang)
            elif p.greedy_value > 0:
                gain = t("prioritize.finding.gain", lang, pct=f"{100 * (p.value - p.greedy_value) / p.greedy_value:.1f}")
            else:
                gain = ""
            out.append(t("prioritize.finding.plan", lang, planned=int(p.wave.notna().sum()), total=len(p.wave),
                         waves=p.waves, value=f"{p.value:.2f}", greedy=f"{p.greedy_value:.2f}", gain=gain,
                         deferred=len(p.deferred), capacity=counts["capacity"], dependency=counts["dependency"],
                         low_value=counts["low_value"]))
        elif self.conflicts:
            out.append(t("prioritize.finding.infeasible", lang, reasons=" ".join(c.text(lang) for c in self.conflicts)))
        if self.survey_focus:
            out.append(self._survey_finding(lang))
        cmp = self.comparison
        if cmp.spearman is not None:
            flagged = ", ".join(map(str, cmp.flagged)) if cmp.flagged else t("prioritize.none", lang)
            out.append(t("prioritize.finding.methods", lang, rho=f"{cmp.spearman:.2f}", n=self.top_n, services=flagged))
        return out[:5]

    def _survey_finding(self, lang: str) -> str:
        """The services the survey says to concentrate on that wave 1 leaves out (or: all are in it)."""
        def name(s: Any) -> str:
            n = self.services.loc[s, "service_name"]
            return f"{s} ({n})" if isinstance(n, str) and n.strip() else str(s)

        later = [s for s in self.survey_focus if self._wave(s) != 1]
        if not later:
            return t("prioritize.finding.survey_first", lang, services=", ".join(name(s) for s in self.survey_focus))
        where = []
        for s in later:
            w = self._wave(s)
            if self.plan is None:
                where.append(name(s))
            else:
                place = t("prioritize.reason.wave", lang, wave=w) if w is not None else t("prioritize.deferred", lang)
                where.append(f"{name(s)} — {place}")
        return t("prioritize.finding.survey_later", lang, count=len(later), total=len(self.survey_focus),
                 services="; ".join(where))


def _reading_order(handles: list, labels: list, lang: str) -> tuple[list, list]:
    """Legend entries in reading order: for Hebrew the first entry goes to the right."""
    return (handles[::-1], labels[::-1]) if lang == "he" else (list(handles), list(labels))


def _round(x: float | None, digits: int = 6) -> float | None:
    return None if x is None or not math.isfinite(x) else round(float(x), digits)


def _num(x: Any) -> float | None:
    if x is None or x is pd.NA:
        return None
    x = float(x)
    return None if math.isnan(x) else (int(x) if x.is_integer() else x)


def _spread_points(x: np.ndarray, y: np.ndarray, radius: float = 0.36) -> tuple[np.ndarray, np.ndarray]:
    """Deterministic offsets so services on the same grid cell do not hide each other: the
    points of a cell are laid on a sunflower (Vogel) spiral inside a disc of *radius*."""
    dx, dy = np.zeros(len(x)), np.zeros(len(x))
    cells: dict[tuple[float, float], list[int]] = {}
    for i, key in enumerate(zip(x, y)):
        cells.setdefault(key, []).append(i)
    golden = math.pi * (3 - math.sqrt(5))
    for members in cells.values():
        k = len(members)
        if k < 2:
            continue
        spread = radius * min(1.0, math.sqrt(k / 12))
        for j, i in enumerate(members):
            rr = spread * math.sqrt((j + 0.5) / k)
            dx[i], dy[i] = rr * math.cos(j * golden), rr * math.sin(j * golden)
    return dx, dy


def _resolve(ids: Sequence[str]) -> dict[str, str]:
    return {str(s).casefold(): str(s) for s in ids}


# =========================================================================== survey evidence
@dataclass(frozen=True)
class SurveyEvidence:
    """The survey's benefit signal matched to the services (see :func:`survey_focus`)."""

    signal: pd.Series                 # service_id -> 0–1, services of the list only, largest first
    focus: tuple[str, ...]            # the services the survey says to concentrate on, largest signal first
    unknown: tuple[str, ...]          # ids the signal names that are not among the services

    @property
    def mean(self) -> float | None:
        """The cross-hair: the mean signal over the services that have one."""
        return float(self.signal.mean()) if len(self.signal) else None


def survey_focus(signal: Mapping[str, float] | pd.Series, services: Sequence[str]) -> SurveyEvidence:
    """Which services the survey says to concentrate on.

    *signal* maps service ids to the survey's benefit signal on 0–1: the share of a service's
    respondents not agreeing on the importance–performance "concentrate here" items
    (:func:`svcwork.measures.benefit_signal`).  Ids are matched to *services* ignoring case;
    ids that are not services are listed in ``unknown``; missing values are ignored.  The focus
    set applies the data-centred cross-hair of importance–performance analysis (Martilla &
    James 1977) to services: a signal above the mean over the services with a signal (so at
    least two are needed; equal signals single out none).  Raises
    :class:`~svcwork.errors.AnalysisError` for a value that is not a number in [0, 1].
    """
    if isinstance(signal, pd.Series):
        pairs = list(signal.items())
    elif isinstance(signal, Mapping):
        pairs = list(signal.items())
    else:
        raise AnalysisError(t("prioritize.error.signal_type", "en", found=type(signal).__name__))
    lookup = _resolve(services)
    values: dict[str, float] = {}
    unknown: list[str] = []
    for key, value in pairs:
        try:
            x = float(value)
        except (TypeError, ValueError):
            raise AnalysisError(t("prioritize.error.signal_value", "en", service=key, value=value)) from None
        if math.isnan(x):
            continue
        if not 0 <= x <= 1:
            raise AnalysisError(t("prioritize.error.signal_value", "en", service=key, value=value))
        sid = lookup.get(str(key).strip().casefold())
        if sid is None:
            unknown.append(str(key))
        else:
            values[sid] = x
    order = sorted(values, key=lambda k: -values[k])  # stable: ties keep the signal's order
    sig = pd.Series([values[k] for k in order], index=pd.Index(order, dtype=object), dtype=float, name="survey_signal")
    mean = float(sig.mean()) if len(sig) else math.nan
    focus = tuple(k for k in order if len(sig) >= 2 and values[k] > mean + 1e-12)
    return SurveyEvidence(sig, focus, tuple(dict.fromkeys(unknown)))


def _intake_locks(services: pd.DataFrame, waves: int, lang: str) -> dict[str, int]:
    """The Services sheet's ``locked_wave`` column as service id -> wave (blank cells are free).

    The intake checks the column against the largest number of waves the Engagement sheet
    allows; the bound that depends on this engagement's ``waves`` is checked here.
    """
    if "locked_wave" not in services.columns:  # an engagement cached before the column existed
        return {}
    rows = services["_row"] if "_row" in services.columns else [None] * len(services)
    out: dict[str, int] = {}
    for sid, value, row in zip(services.index, services["locked_wave"], rows):
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            continue
        wave = float(value)
        if not wave.is_integer() or not 1 <= wave <= waves:
            raise AnalysisError(t("prioritize.error.locked_wave", lang, service=sid, row="—" if row is None else row,
                                  wave=_fmt(wave), waves=waves))
        out[str(sid)] = int(wave)
    return out


def analyse(engagement, *, top_n: int = 5, seed: int = 20260101, n_samples: int = 10_000,
            concentration: float = 50.0, midpoint: float = 3.0, ahp_method: str = "eigen", discount: float = 0.8,
            same_wave: bool = True, locked: Mapping[str, int] | None = None, min_quick_wins: int | None = None,
            mip_rel_gap: float = 0.001, benefit_signal: Mapping[str, float] | pd.Series | None = None
            ) -> PrioritizationResult:
    """Prioritise the engagement's services and plan the waves of the roadmap.

    Weights: AHP from the Pairwise sheet when its judgements (all raters together, AIJ) cover
    every pair of the criteria — it then takes precedence over the Criteria sheet's weights;
    otherwise the Criteria sheet's direct weights; with neither sheet, equal weights for
    benefit, visibility and effort (cost).  Criteria are the Criteria sheet's rows (or those the
    Pairwise sheet names); a criterion with no values in Services is dropped and said so.

    Roadmap: value = the weighted-sum score; resources = ``resources_days`` (missing cells take
    the median; with no resources at all the effort score serves as a relative size);
    capacity = ``wave_capacities`` (one figure per wave), else ``wave_capacity_days`` for every
    wave (when neither is set, the total divided evenly over the waves,
    and at least the largest service, so that every service fits some wave).
    Locks: the Services sheet's ``locked_wave`` (blank = free), with ``locked`` (service id ->
    wave) taking precedence for the services it names; a ``locked_wave`` outside 1…waves raises
    :class:`AnalysisError` naming the service and its intake row.  Quick wins: the minimum of
    visible quick wins (quick win with visibility above the midpoint) in wave 1 is the argument
    ``min_quick_wins``, else the Engagement setting ``min_quick_wins``; when neither is given,
    one is asked for when one can be placed there, else none.  Infeasible constraints are
    reported (``conflicts``), never raised.

    Survey evidence: ``benefit_signal`` (service id -> 0–1, e.g.
    ``svcwork.measures.benefit_signal(engagement)``: the share of respondents not agreeing on
    the "concentrate here" items) adds a column to the priorities table, a sentence to the
    reasoning of the services the survey says to concentrate on (:func:`survey_focus`), a
    ``survey_signal`` to each summary entry and a finding naming those wave 1 leaves out.  It
    is evidence shown beside the rank and does **not** change the weighted score, the ranks or
    the roadmap: the score stays traceable to the intake cells.  To let the survey count,
    raise the service's ``benefit`` in the Services sheet.
    """
    lang = engagement.language
    accent_color = engagement.settings.accent_color
    services = engagement.table("Services")
    if services.empty:
        return PrioritizationResult(False, lang, accent_color=accent_color)
    services = services.assign(service_id=services["service_id"].astype(str)).set_index("service_id", drop=False)
    services.index.name = None
    services["mandatory"] = (services["mandatory"] == "yes").fillna(False).astype(bool)
    evidence = None if benefit_signal is None else survey_focus(benefit_signal, list(services.index))  # checked early
    notes: list[tuple[str, dict]] = []
    criteria_frame = engagement.table("Criteria").dropna(subset=["criterion"])
    pair_frame = engagement.table("Pairwise").dropna(subset=["criterion_a", "criterion_b", "value"])
    direct = direct_weights(criteria_frame) if len(criteria_frame) else None
    if direct is not None:
        criteria = list(direct.weights.index)
        directions = dict(direct.directions)
    elif len(pair_frame):
        named = set(pair_frame["criterion_a"]) | set(pair_frame["criterion_b"])
        criteria = [c for c in CRITERIA_COLUMNS_ORDER if c in named]
        directions = {c: DEFAULT_DIRECTIONS[c] for c in criteria}
        notes.append(("default_directions", {"criteria": tuple(criteria)}))
    else:
        criteria = list(DEFAULT_CRITERIA)
        directions = {c: DEFAULT_DIRECTIONS[c] for c in criteria}
    empty = [c for c in criteria if services[c].isna().all()]
    if empty:
        notes.append(("criterion_empty", {"criteria": tuple(empty)}))
        criteria = [c for c in criteria if c not in empty]
    if not criteria:
        criteria = list(DEFAULT_CRITERIA)
        directions = {c: DEFAULT_DIRECTIONS[c] for c in criteria}
        direct = None
        notes.append(("fallback_default", {}))
    directions = {c: directions[c] for c in criteria}
    method, ahp, pairwise = "default", None, None
    weights = pd.Series(1.0 / len(criteria), index=criteria, name="weight")
    if len(pair_frame) and len(criteria) >= 2:
        rows = pair_frame[pair_frame["criterion_a"].isin(criteria) & pair_frame["criterion_b"].isin(criteria)]
        pj = pairwise_matrix(rows, criteria)
        if pj.complete:
            pairwise = pj
            ahp = ahp_weights(pj.aggregate, method=ahp_method)
            weights = ahp.weights.rename("weight")
            method = "ahp"
            if direct is not None:
                notes.append(("ahp_precedence", {}))
        else:
            notes.append(("pairwise_incomplete", {"pairs": tuple(pj.missing)}))
    if method != "ahp" and direct is not None:
        w = direct.raw.reindex(criteria).astype(float)
        if w.sum() > 0:
            weights = (w / w.sum()).rename("weight")
            method = "direct"
        else:
            notes.append(("weights_zero", {}))
    values = services[criteria].astype(float)
    score = wsm(values, weights, directions)
    for c in criteria:
        k = int(score.imputed[c].sum())
        if k:
            notes.append(("imputed", {"criteria": (c,), "count": k}))
    quad = quadrants(services["effort"], services["benefit"], midpoint=midpoint)
    visible = (services["visibility"].astype(float) > midpoint).rename("visible")
    filled = values.fillna(values.median())
    tops = topsis(filled, weights, directions)
    n_top = max(1, min(top_n, len(services)))
    comparison = compare_methods(score.scores, tops.closeness, top_n=n_top)
    sens = sensitivity(score.normalised, score.weights, top_n=n_top)
    acc = rank_acceptability(score.normalised, score.weights, concentration=concentration, n_samples=n_samples,
                             seed=seed, top_n=n_top)
    notes.append(("acceptability", {"samples": f"{acc.n_samples:,}", "concentration": f"{acc.concentration:g}",
                                    "seed": str(acc.seed)}))
    # ---- roadmap
    settings = engagement.settings
    W = int(settings.waves)
    days = services["resources_days"].astype(float)
    unit = "days"
    if days.isna().all():
        days = services["effort"].astype(float)
        unit = "effort_points"
        notes.append(("no_resources", {}))
    elif days.isna().any():
        notes.append(("resources_imputed", {"count": int(days.isna().sum()), "median": _fmt(float(days.median()))}))
        days = days.fillna(days.median())
    per_wave = settings.wave_capacities
    if per_wave is not None and unit == "days":
        capacity = [float(c) for c in per_wave]  # one figure per wave (validated at intake: as many as waves)
    elif settings.wave_capacity_days is not None and unit == "days":
        capacity = float(settings.wave_capacity_days)
    else:
        if settings.wave_capacity_days is not None or per_wave is not None:
            notes.append(("capacity_ignored", {}))
        capacity = max(float(days.sum()) / W, float(days.max()))
        notes.append(("capacity_assumed", {"capacity": _fmt(capacity), "waves": W, "unit": unit}))
    lookup = _resolve(services.index)
    deps = {sid: [lookup[str(d).casefold()] for d in (ds or ()) if str(d).casefold() in lookup]
            for sid, ds in zip(services.index, services["depends_on"])}
    quick = [s for s in services.index if quad[s] == "quick_win" and visible[s]]
    intake_locks = _intake_locks(services, W, lang)
    if intake_locks:
        notes.append(("locked_intake", {"services": ", ".join(f"{s} ({w})" for s, w in intake_locks.items()),
                                        "count": len(intake_locks)}))
    locked_ids = {**intake_locks, **{lookup.get(str(k).casefold(), k): v for k, v in (locked or {}).items()}}
    if min_quick_wins is None and settings.min_quick_wins is not None:
        min_quick_wins = int(settings.min_quick_wins)  # the Engagement sheet's setting: a hard minimum
        notes.append(("quick_wins_setting", {"count": min_quick_wins}))
    wanted = (1 if quick else 0) if min_quick_wins is None else int(min_quick_wins)
    plan, conflicts = None, ()
    kwargs = dict(waves=W, capacity=capacity, dependencies=deps, mandatory=list(services.index[services["mandatory"]]),
                  locked=locked_ids, quick_wins=quick, discount=discount, same_wave=same_wave, mip_rel_gap=mip_rel_gap)
    try:
        plan = plan_waves(score.scores, days, min_quick_wins=wanted, **kwargs)
    except InfeasiblePlanError as exc:
        if min_quick_wins is None and wanted > 0:
            try:
                plan = plan_waves(score.scores, days, min_quick_wins=0, **kwargs)
                wanted = 0
                notes.append(("quick_win_unplaceable", {}))
            except InfeasiblePlanError as exc2:
                conflicts = exc2.conflicts
        else:
            conflicts = exc.conflicts
    except AnalysisError as exc:  # e.g. a locked service that does not exist
        conflicts = (Conflict("input", {"message": str(exc)}),)
    size_column = next((c for c in ("citizen_reach", "annual_volume") if services[c].notna().any()), None)
    if evidence is not None:
        notes.append(("survey_signal", {"count": len(evidence.signal), "focus": len(evidence.focus)})
                     if len(evidence.signal) else ("survey_signal_empty", {}))
        if evidence.unknown:
            notes.append(("survey_unknown", {"services": ", ".join(evidence.unknown)}))
    return PrioritizationResult(
        True, lang, method, weights, MappingProxyType(directions), direct, ahp, pairwise, services, score, quad, visible,
        tops, comparison, sens, acc, plan, tuple(conflicts), tuple((k, MappingProxyType(p)) for k, p in notes), n_top,
        float(midpoint), int(seed), accent_color, unit, size_column, wanted, MappingProxyType(dict(locked_ids)),
        survey_signal=None if evidence is None else evidence.signal,
        survey_focus=() if evidence is None else evidence.focus)

