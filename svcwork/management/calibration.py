"""Observer calibration: do two observers score the same employee and item alike?

Quadratic-weighted Cohen's kappa (Cohen 1968, *Psychol. Bull.* 70:213; asymptotic standard
error of Fleiss, Cohen & Everitt 1969, via ``statsmodels.stats.inter_rater.cohens_kappa``) and
the intraclass correlation ICC(2,1) (two-way random effects, absolute agreement, single rater)
with its F-based interval (Shrout & Fleiss 1979, *Psychol. Bull.* 86:420; McGraw & Wong 1996,
*Psychol. Methods* 1:30, case 2A) per pair of observers.  The pooled all-pairs row mixes pairs
of different observers, so it uses ICC(1,1) (one-way random effects, Shrout & Fleiss Case 1)
with a percentile bootstrap interval clustered by employee (one employee gives several pairs;
seed recorded).
"""

from __future__ import annotations

import itertools
import math
import warnings
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd

from ..errors import AnalysisError
from ..i18n import fmt_number, t
from ._base import ALL, SCALE, _check_alpha, _check_min_size, _float
from .observations import _prepare_observations

__all__ = ["Agreement", "weighted_kappa", "icc_2_1", "icc_1_1", "icc_1_1_cluster_bootstrap", "observer_calibration",
           "CALIBRATION_COLUMNS", "AGREEMENT_BANDS", "agreement_band", "WEAK_BANDS"]

#: Landis & Koch (1977, *Biometrics* 33:159, p. 165): the strength of agreement a kappa shows, by
#: the upper edge of each band ("poor" below 0).
AGREEMENT_BANDS: tuple[tuple[str, float], ...] = (("poor", 0.0), ("slight", 0.20), ("fair", 0.40),
                                                   ("moderate", 0.60), ("substantial", 0.80),
                                                   ("almost_perfect", 1.0))
#: Bands too weak to rank employees or items on one observer's scores without a caveat.
WEAK_BANDS = ("poor", "slight", "fair")


def agreement_band(kappa: float | None) -> str | None:
    """The Landis & Koch (1977) band of *kappa*: poor (< 0), slight (0–0.20), fair (0.21–0.40),
    moderate (0.41–0.60), substantial (0.61–0.80), almost perfect (0.81–1); None when undefined.

    A kappa is placed by its value rounded to two decimals, as the report shows it (0.405 shows
    as 0.41 and reads moderate)."""
    if kappa is None or not math.isfinite(kappa):
        return None
    k = round(float(kappa), 2)
    if k < 0:
        return "poor"
    for band, upper in AGREEMENT_BANDS[1:]:
        if k <= upper:
            return band
    return "almost_perfect"


@dataclass(frozen=True)
class Agreement:
    """An agreement statistic with its interval (None when undefined, e.g. no variation)."""

    method: str
    estimate: float | None
    low: float | None
    high: float | None
    n: int


def weighted_kappa(a: Sequence[float], b: Sequence[float], *, categories: Sequence[float] = SCALE,
                   weights: str | None = "quadratic", alpha: float = 0.05) -> Agreement:
    """Cohen's weighted kappa of two raters' scores, with its asymptotic interval.

    *weights* ``"quadratic"`` (Fleiss–Cohen), ``"linear"`` (Cicchetti–Allison) or None
    (unweighted kappa).  The contingency table is built over all *categories* so that unused
    scale points keep their spacing.  Estimate and standard error from
    ``statsmodels.stats.inter_rater.cohens_kappa`` (Cohen 1968; Fleiss, Cohen & Everitt 1969);
    the interval is estimate ± z·SE.
    """
    from scipy import stats
    from statsmodels.stats.inter_rater import cohens_kappa

    alpha = _check_alpha(alpha)
    if weights not in ("quadratic", "linear", None):
        raise AnalysisError(t("management.error.weights", "en", found=repr(weights)))
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if x.shape != y.shape or x.ndim != 1:
        raise AnalysisError(t("management.error.kappa_length", "en", a=x.shape, b=y.shape))
    keep = ~(np.isnan(x) | np.isnan(y))
    x, y = x[keep], y[keep]
    cats = [float(c) for c in categories]
    index = {c: i for i, c in enumerate(cats)}
    unknown = sorted({v for v in np.concatenate([x, y]) if v not in index})
    if unknown:
        raise AnalysisError(t("management.error.kappa_scores", "en",
                              allowed=", ".join(fmt_number(c, digits=0) for c in cats),
                              found=", ".join(fmt_number(v, digits=2) for v in unknown[:5])))
    method = f"kappa_{weights or 'unweighted'}"
    n = int(len(x))
    if n < 2:
        return Agreement(method, None, None, None, n)
    table = np.zeros((len(cats), len(cats)))
    np.add.at(table, ([index[v] for v in x], [index[v] for v in y]), 1)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        res = cohens_kappa(table, wt=weights) if weights else cohens_kappa(table)
    est, se = _float(res["kappa"]), _float(res["std_kappa"])
    if est is None:
        return Agreement(method, None, None, None, n)
    if se is None:
        return Agreement(method, est, None, None, n)
    z = stats.norm.ppf(1 - alpha / 2)
    return Agreement(method, est, est - z * se, est + z * se, n)


def _complete_rows(ratings: np.ndarray | pd.DataFrame, error: str) -> np.ndarray:
    """*ratings* as a float targets × raters (ratings) array without the rows that miss a rating.

    *error* is the catalogue key of the message when *ratings* is not such a table."""
    m = np.asarray(ratings, dtype=float)
    if m.ndim != 2 or m.shape[1] < 2:
        raise AnalysisError(t(error, "en", shape=m.shape))
    return m[~np.isnan(m).any(axis=1)]


def icc_2_1(ratings: np.ndarray | pd.DataFrame, *, alpha: float = 0.05) -> Agreement:
    """ICC(2,1): two-way random effects, absolute agreement, single rater, with its F-based interval.

    *ratings* is targets × raters (rows with a missing rating are dropped).  Mean squares from
    the two-way ANOVA without replication; estimate and interval as in Shrout & Fleiss (1979,
    Case 2) and McGraw & Wong (1996, ICC(A,1), case 2A).
    """
    from scipy import stats

    alpha = _check_alpha(alpha)
    m = _complete_rows(ratings, "management.error.raters_shape")
    n, k = m.shape
    if n < 2:
        return Agreement("icc_2_1", None, None, None, int(n))
    grand = m.mean()
    ss_rows = k * ((m.mean(axis=1) - grand) ** 2).sum()
    ss_cols = n * ((m.mean(axis=0) - grand) ** 2).sum()
    ss_err = ((m - grand) ** 2).sum() - ss_rows - ss_cols
    bms, jms, ems = ss_rows / (n - 1), ss_cols / (k - 1), ss_err / ((n - 1) * (k - 1))
    denom = bms + (k - 1) * ems + k * (jms - ems) / n
    if denom <= 0 or not math.isfinite(denom):
        return Agreement("icc_2_1", None, None, None, int(n))
    icc = (bms - ems) / denom
    low = high = None
    if ems > 0:
        fj = jms / ems
        a_ = k * icc / (n * (1 - icc)) if icc < 1 else math.inf
        b_ = 1 + k * icc * (n - 1) / (n * (1 - icc)) if icc < 1 else math.inf
        if math.isfinite(a_) and math.isfinite(b_):
            v = (a_ * fj + b_) ** 2 / ((a_ * fj) ** 2 / (k - 1) + b_ ** 2 / ((n - 1) * (k - 1)))
            f_lo = stats.f.ppf(1 - alpha / 2, n - 1, v)
            f_hi = stats.f.ppf(1 - alpha / 2, v, n - 1)
            low = n * (bms - f_lo * ems) / (f_lo * (k * jms + (k * n - k - n) * ems) + n * bms)
            high = n * (f_hi * bms - ems) / (k * jms + (k * n - k - n) * ems + n * f_hi * bms)
    return Agreement("icc_2_1", _float(icc), _float(low), _float(high), int(n))


def icc_1_1(ratings: np.ndarray | pd.DataFrame, *, alpha: float = 0.05) -> Agreement:
    """ICC(1,1): one-way random effects, single rater, with its F-based interval.

    *ratings* is targets × ratings (rows with a missing rating are dropped).  Each target may be
    rated by a different set of raters, so the rater effect is not separable and is part of the
    error: ``(BMS − WMS) / (BMS + (k − 1)·WMS)`` from the one-way ANOVA (between-targets and
    within-target mean squares); interval ``(F_L − 1) / (F_L + k − 1)`` to
    ``(F_U − 1) / (F_U + k − 1)`` with ``F_L = F₀ / F(1 − α/2; n − 1, n(k − 1))`` and
    ``F_U = F₀ · F(1 − α/2; n(k − 1), n − 1)`` (Shrout & Fleiss 1979, Case 1; McGraw & Wong
    1996, ICC(1)).  The F interval assumes independent targets.
    """
    from scipy import stats

    alpha = _check_alpha(alpha)
    m = _complete_rows(ratings, "management.error.ratings_shape")
    n, k = m.shape
    if n < 2:
        return Agreement("icc_1_1", None, None, None, int(n))
    bms = k * ((m.mean(axis=1) - m.mean()) ** 2).sum() / (n - 1)
    wms = ((m - m.mean(axis=1, keepdims=True)) ** 2).sum() / (n * (k - 1))
    denom = bms + (k - 1) * wms
    if denom <= 0 or not math.isfinite(denom):
        return Agreement("icc_1_1", None, None, None, int(n))
    icc = (bms - wms) / denom
    low = high = None
    if wms > 0:
        f0 = bms / wms
        f_l = f0 / stats.f.ppf(1 - alpha / 2, n - 1, n * (k - 1))
        f_u = f0 * stats.f.ppf(1 - alpha / 2, n * (k - 1), n - 1)
        low, high = (f_l - 1) / (f_l + k - 1), (f_u - 1) / (f_u + k - 1)
    return Agreement("icc_1_1", _float(icc), _float(low), _float(high), int(n))


def icc_1_1_cluster_bootstrap(a: Sequence[float], b: Sequence[float], clusters: Sequence[object], *,
                              n_boot: int = 2000, seed: int = 0, alpha: float = 0.05) -> Agreement:
    """ICC(1,1) of paired scores (*a*, *b*) with a percentile interval from a bootstrap clustered by *clusters*.

    One employee contributes several pairs (one per item and joint observation), which are not
    independent; the F interval of :func:`icc_1_1` would be too narrow.  Each replicate draws
    employees with replacement (all their pairs together; Field & Welsh 2007, *J. R. Stat. Soc.
    B* 69:369) and recomputes ICC(1,1) from the one-way mean squares; the interval is the
    α/2 and 1 − α/2 percentiles of the *n_boot* replicates (NumPy ``default_rng(seed)``, so the
    interval is reproducible).  The estimate is :func:`icc_1_1` on all pairs.
    """
    alpha = _check_alpha(alpha)
    if not isinstance(n_boot, (int, np.integer)) or isinstance(n_boot, bool) or n_boot < 0:
        raise AnalysisError(t("management.error.n_boot", "en", found=repr(n_boot)))
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    c = pd.Series(list(clusters), dtype="object")
    if not (x.shape == y.shape == (len(c),)):
        raise AnalysisError(t("management.error.bootstrap_length", "en", a=x.shape, b=y.shape, clusters=len(c)))
    keep = ~(np.isnan(x) | np.isnan(y)) & c.notna().to_numpy()
    x, y, c = x[keep], y[keep], c[keep]
    point = icc_1_1(np.column_stack([x, y]), alpha=alpha)
    if point.estimate is None or n_boot == 0:
        return Agreement("icc_1_1", point.estimate, None, None, point.n)
    codes, uniques = pd.factorize(c)
    g = len(uniques)
    if g < 2:
        return Agreement("icc_1_1", point.estimate, None, None, point.n)
    # per-cluster sufficient statistics of the one-way ANOVA with k = 2 ratings per target
    mean = (x + y) / 2
    cnt = np.bincount(codes, minlength=g).astype(float)
    s1 = np.bincount(codes, weights=mean, minlength=g)
    s2 = np.bincount(codes, weights=mean ** 2, minlength=g)
    sw = np.bincount(codes, weights=(x - y) ** 2 / 2, minlength=g)
    rng = np.random.default_rng(seed)
    w = rng.multinomial(g, np.full(g, 1.0 / g), size=int(n_boot)).astype(float)  # times each employee is drawn
    n = w @ cnt
    with np.errstate(invalid="ignore", divide="ignore"):
        bms = 2 * (w @ s2 - (w @ s1) ** 2 / n) / (n - 1)
        wms = (w @ sw) / n
        reps = (bms - wms) / (bms + wms)
    reps = reps[np.isfinite(reps)]
    if len(reps) < max(10, n_boot // 2):
        return Agreement("icc_1_1", point.estimate, None, None, point.n)
    low, high = np.quantile(reps, [alpha / 2, 1 - alpha / 2])
    return Agreement("icc_1_1", point.estimate, _float(low), _float(high), point.n)


def _calibration_pairs(obs: pd.DataFrame, *, same_day: bool) -> pd.DataFrame:
    """Scores of the same employee and item by two different observers (every pair of observers)."""
    keys = ["employee_code", "item", "date"] if same_day else ["employee_code", "item"]
    obs = obs.dropna(subset=["employee_code", "observer"]).sort_values("_row")
    first = obs.drop_duplicates(subset=[*keys, "observer"], keep="first")
    rows = []
    for _, grp in first.groupby(keys, sort=False, observed=True):
        if grp["observer"].nunique() < 2:
            continue
        scored = sorted(zip(grp["observer"], grp["score"]), key=lambda p: str(p[0]))
        for (oa, sa), (ob, sb) in itertools.combinations(scored, 2):
            rows.append({"observer_a": oa, "observer_b": ob, "score_a": float(sa), "score_b": float(sb),
                         "employee_code": grp["employee_code"].iat[0]})
    return pd.DataFrame(rows, columns=["observer_a", "observer_b", "score_a", "score_b", "employee_code"])


CALIBRATION_COLUMNS = ["observer_a", "observer_b", "n", "employees", "exact", "within_one", "kappa", "kappa_low",
                       "kappa_high", "icc", "icc_low", "icc_high", "icc_method", "icc_interval", "n_boot", "seed"]


def observer_calibration(observations: pd.DataFrame, *, min_size: int, same_day: bool = True,
                         alpha: float = 0.05, n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Observer agreement where two observers scored the same employee and item.

    A pair is two observers' scores of one employee (pseudonymised) on one item — on the same
    day when *same_day* (a joint observation), else at any time in the period.  Per pair of
    observers: number of paired scores, exact agreement, agreement within one point,
    quadratic-weighted kappa and ICC(2,1) (the same two raters throughout: two-way random,
    absolute agreement) with its F interval (``icc_method == "icc_2_1"``, ``icc_interval ==
    "f"``).  For all pairs together (``observer_a == "*"``, when there are several pairs of
    observers) the raters differ from target to target, so the ICC is ICC(1,1) (one-way random;
    Shrout & Fleiss 1979, Case 1) and, since one employee gives several pairs, its interval is a
    percentile bootstrap clustered by employee (:func:`icc_1_1_cluster_bootstrap`;
    ``icc_interval == "cluster_bootstrap"`` with its ``n_boot`` and ``seed``).  Rows whose
    pairs cover fewer than *min_size* different employees are dropped.
    """
    min_size, alpha = _check_min_size(min_size), _check_alpha(alpha)
    pairs = _calibration_pairs(_prepare_observations(observations), same_day=same_day)
    groups: list[tuple[str, str, pd.DataFrame]] = [
        (a, b, g) for (a, b), g in pairs.groupby(["observer_a", "observer_b"], sort=True)]
    if groups and len(groups) > 1:
        groups.append((ALL, ALL, pairs))
    elif groups:
        groups = [groups[0]]
    rows = []
    for a, b, g in groups:
        if g["employee_code"].nunique() < min_size:
            continue
        sa, sb = g["score_a"].to_numpy(), g["score_b"].to_numpy()
        kap = weighted_kappa(sa, sb, alpha=alpha)
        if a == ALL:
            icc = icc_1_1_cluster_bootstrap(sa, sb, g["employee_code"], n_boot=n_boot, seed=seed, alpha=alpha)
            how = {"icc_method": "icc_1_1", "icc_interval": "cluster_bootstrap", "n_boot": int(n_boot), "seed": int(seed)}
        else:
            icc = icc_2_1(np.column_stack([sa, sb]), alpha=alpha)
            how = {"icc_method": "icc_2_1", "icc_interval": "f", "n_boot": None, "seed": None}
        rows.append({"observer_a": a, "observer_b": b, "n": int(len(g)), "employees": int(g["employee_code"].nunique()),
                     "exact": float(np.mean(sa == sb)), "within_one": float(np.mean(np.abs(sa - sb) <= 1)),
                     "kappa": kap.estimate, "kappa_low": kap.low, "kappa_high": kap.high, "icc": icc.estimate,
                     "icc_low": icc.low, "icc_high": icc.high, **how})
    out = pd.DataFrame(rows, columns=CALIBRATION_COLUMNS)
    for col in ("n_boot", "seed"):
        out[col] = out[col].astype("Int64")
    return out
