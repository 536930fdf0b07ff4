"""Criteria weights from pairwise judgements: AHP and the Pairwise sheet.

* :func:`ahp_weights` — Saaty's principal eigenvector, or the row geometric mean of Crawford &
  Williams, with λmax, the consistency index and ratio against Saaty's (1980) random-index table
  (for the geometric mean also the geometric consistency index, Aguarón & Moreno-Jiménez 2003)
  and — when CR > 0.10 — the judgements that depart most from the others.
* :func:`pairwise_matrix` — one matrix per rater from the Pairwise sheet, aggregated by the
  element-wise geometric mean (AIJ; Forman & Peniwati 1998), with how far the raters disagree.

Pure functions: arrays and frames in, small frozen results out; errors in the catalogue's words.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from ..common import is_blank
from ..errors import AnalysisError
from ..i18n import t

__all__ = ["RANDOM_INDEX", "RANDOM_INDEX_TABLE", "GCI_THRESHOLDS", "GCI_THRESHOLD_LARGE", "GCI_REFERENCE",
           "gci_threshold", "Judgement", "AhpResult", "ahp_weights", "PairwiseJudgements", "pairwise_matrix"]


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
        rater = "" if is_blank(r) else str(r).strip()
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
