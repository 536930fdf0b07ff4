"""Key drivers: which survey items move the overall outcome, and where to concentrate.

* :func:`relative_weights` (Johnson 2000) and :func:`shapley_r2` (the LMG / Shapley decomposition
  of R²; Lindeman, Merenda & Gold 1980; Lipovetsky & Conklin 2001), exact over all subsets;
* :func:`driver_importance` adds seeded bootstrap percentile intervals;
* :func:`importance_performance` names the four quadrants (Martilla & James 1977).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd

from ..common import require_columns
from ._base import _z, error, what

__all__ = ["Importance", "relative_weights", "shapley_r2", "DriverAnalysis", "driver_importance", "QUADRANTS",
           "importance_performance"]

MAX_EXACT_DRIVERS = 15


@dataclass(frozen=True)
class Importance:
    """Importance of each driver: ``weights`` add up to ``r2``; ``shares`` to 1."""

    method: str
    weights: pd.Series
    r2: float
    n: int

    @property
    def shares(self) -> pd.Series:
        return self.weights / self.r2 if self.r2 > 0 else self.weights * np.nan


def _complete(frame: pd.DataFrame, outcome: str, drivers: Sequence[str]) -> np.ndarray:
    if isinstance(drivers, str):
        drivers = [drivers]
    drivers = list(drivers)
    require_columns(frame, [outcome, *drivers], what("driver_analysis"))
    if not drivers:
        raise error("no_driver")
    if len(set(drivers)) != len(drivers) or outcome in drivers:
        raise error("drivers_distinct", outcome=repr(outcome), found=str(drivers))
    if len(drivers) > MAX_EXACT_DRIVERS:
        raise error("drivers_max", max=MAX_EXACT_DRIVERS, found=len(drivers))
    try:
        x = frame[[outcome, *drivers]].to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError) as exc:
        raise error("drivers_numeric", reason=str(exc)) from exc
    x = x[~np.isnan(x).any(axis=1)]
    if len(x) < len(drivers) + 2:
        raise error("drivers_complete", need=len(drivers) + 2, found=len(x))
    sd = x.std(axis=0)
    if np.any(sd == 0):
        flat = [c for c, s in zip([outcome, *drivers], sd) if s == 0]
        raise error("drivers_constant", columns=", ".join(flat))
    return x


def _corr(x: np.ndarray) -> np.ndarray:
    r = np.corrcoef(x, rowvar=False)
    evals = np.linalg.eigvalsh(r[1:, 1:])
    if evals.min() < 1e-10:
        raise error("collinear")
    return r


def _rw_batch(rxx: np.ndarray, rxy: np.ndarray) -> np.ndarray:
    """Johnson's relative weights from correlation matrices; leading batch dimensions allowed."""
    evals, evecs = np.linalg.eigh(rxx)
    evals = np.clip(evals, 1e-12, None)
    lam = (evecs * np.sqrt(evals)[..., None, :]) @ np.swapaxes(evecs, -1, -2)  # Rxx^{1/2}
    beta = np.linalg.solve(lam, rxy[..., None])[..., 0]
    return np.einsum("...jk,...k->...j", lam ** 2, beta ** 2)


def _subset_r2(rxx: np.ndarray, rxy: np.ndarray) -> np.ndarray:
    """R² of every subset of drivers (index = bit mask), batched over leading dimensions."""
    p = rxx.shape[-1]
    batch = rxx.shape[:-2]
    out = np.zeros((*batch, 1 << p))
    masks = np.arange(1 << p)
    sizes = np.array([bin(m).count("1") for m in masks])
    bits = (masks[:, None] >> np.arange(p)) & 1
    for k in range(1, p + 1):
        sel = masks[sizes == k]
        members = np.nonzero(bits[sel])[1].reshape(len(sel), k)
        a = rxx[..., members[:, :, None], members[:, None, :]]
        b = rxy[..., members]
        try:
            sol = np.linalg.solve(a, b[..., None])[..., 0]
        except np.linalg.LinAlgError:
            sol = (np.linalg.pinv(a) @ b[..., None])[..., 0]
        out[..., sel] = np.sum(b * sol, axis=-1)
    return out


def _shapley_batch(rxx: np.ndarray, rxy: np.ndarray) -> np.ndarray:
    p = rxx.shape[-1]
    r2 = _subset_r2(rxx, rxy)
    masks = np.arange(1 << p)
    sizes = np.array([bin(m).count("1") for m in masks])
    weight = np.array([math.factorial(s) * math.factorial(p - s - 1) / math.factorial(p) if s < p else 0.0
                       for s in range(p + 1)])
    out = np.empty((*rxx.shape[:-2], p))
    for j in range(p):
        without = masks[(masks >> j) & 1 == 0]
        out[..., j] = np.sum(weight[sizes[without]] * (r2[..., without | (1 << j)] - r2[..., without]), axis=-1)
    return out


def relative_weights(frame: pd.DataFrame, outcome: str, drivers: Sequence[str]) -> Importance:
    """Johnson's (2000) relative weights (Multivariate Behavioral Research 35:1–19).

    The drivers are replaced by their closest orthonormal counterparts Z = X R⁻½ (Johnson
    1966); the outcome is regressed on Z and each squared coefficient is shared back to the
    drivers in proportion to the squared loadings of R½.  Weights add up to the R² of the full
    regression.  Complete responses only.
    """
    x = _complete(frame, outcome, drivers)
    r = _corr(x)
    w = _rw_batch(r[1:, 1:], r[1:, 0])
    r2 = float(r[1:, 0] @ np.linalg.solve(r[1:, 1:], r[1:, 0]))
    return Importance("relative_weights", pd.Series(w, index=list(drivers), name="relative_weight"), r2, len(x))


def shapley_r2(frame: pd.DataFrame, outcome: str, drivers: Sequence[str]) -> Importance:
    """The LMG / Shapley decomposition of R² (Lindeman, Merenda & Gold 1980; Lipovetsky & Conklin 2001).

    Each driver's share is its increase in R² averaged over all orderings of the drivers,
    computed exactly from the R² of all 2ᵖ subsets (p ≤ 15) with the Shapley weights
    ``|S|!(p−|S|−1)!/p!``.  Shares add up to the full R².  Complete responses only.
    """
    x = _complete(frame, outcome, drivers)
    r = _corr(x)
    w = _shapley_batch(r[1:, 1:], r[1:, 0])
    r2 = float(r[1:, 0] @ np.linalg.solve(r[1:, 1:], r[1:, 0]))
    return Importance("shapley_r2", pd.Series(w, index=list(drivers), name="shapley_r2"), r2, len(x))


@dataclass(frozen=True)
class DriverAnalysis:
    """Relative weights and Shapley R² with bootstrap percentile intervals (one row per driver)."""

    outcome: str
    table: pd.DataFrame
    r2: float
    n: int
    n_boot: int
    confidence: float
    seed: int


def _patterns(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct rows of *x* and their counts (survey answers repeat a lot: bootstrap on patterns)."""
    if x.shape[1] <= 10 and np.all(x == np.round(x)) and x.min() >= 0 and x.max() < 64:
        key = np.zeros(len(x), np.int64)
        for j in range(x.shape[1]):
            key = key * 64 + x[:, j].astype(np.int64)
        uniq, first, counts = np.unique(key, return_index=True, return_counts=True)
        return x[first], counts
    uniq, counts = np.unique(x, axis=0, return_counts=True)
    return uniq, counts


def _corr_from_moments(s1: np.ndarray, s2: np.ndarray, n: float, q: int) -> np.ndarray:
    iu = np.triu_indices(q)
    mean = s1 / n
    m2 = np.empty((len(s1), q, q))
    m2[:, iu[0], iu[1]] = s2 / n
    m2[:, iu[1], iu[0]] = s2 / n
    cov = m2 - mean[:, :, None] * mean[:, None, :]
    sd = np.sqrt(np.clip(np.diagonal(cov, axis1=1, axis2=2), 0, None))
    with np.errstate(divide="ignore", invalid="ignore"):
        return cov / (sd[:, :, None] * sd[:, None, :])


def driver_importance(frame: pd.DataFrame, outcome: str, drivers: Sequence[str], *, n_boot: int = 500,
                      seed: int = 0, confidence: float = 0.95) -> DriverAnalysis:
    """Key driver analysis: :func:`relative_weights` and :func:`shapley_r2` with bootstrap intervals.

    The nonparametric bootstrap (Efron & Tibshirani 1993) resamples responses *n_boot* times
    with a seeded generator (``numpy.random.default_rng(seed)``), drawn as multinomial counts
    over the distinct answer patterns, which is the same as resampling rows.  Intervals are
    percentile intervals; replicates where the drivers are collinear are dropped.  The table
    has ``driver``, ``relative_weight`` (+ ``_low``/``_high``), ``shapley`` (+ …), ``share``
    (the Shapley share of R², + …) and ``rank``.
    """
    if not isinstance(n_boot, int) or n_boot < 0:
        raise error("n_boot", found=repr(n_boot))
    _z(confidence)
    drivers = [drivers] if isinstance(drivers, str) else list(drivers)
    rw = relative_weights(frame, outcome, drivers)
    sh = shapley_r2(frame, outcome, drivers)
    x = _complete(frame, outcome, drivers)
    n, q = x.shape
    table = pd.DataFrame({"driver": drivers, "relative_weight": rw.weights.to_numpy(),
                          "shapley": sh.weights.to_numpy(), "share": sh.shares.to_numpy()})
    if n_boot > 0:
        pats, counts = _patterns(x)
        iu = np.triu_indices(q)
        pair = pats[:, iu[0]] * pats[:, iu[1]]
        rng = np.random.default_rng(seed)
        p = q - 1
        chunk = max(1, min(n_boot, int(4_000_000 // max(1, len(pats)))))
        rws, shs, r2s = [], [], []
        done = 0
        while done < n_boot:
            b = min(chunk, n_boot - done)
            w = rng.multinomial(n, counts / counts.sum(), size=b).astype(float)
            corr = _corr_from_moments(w @ pats, w @ pair, float(n), q)
            rxx, rxy = corr[:, 1:, 1:], corr[:, 1:, 0]
            ok = np.isfinite(corr).all(axis=(1, 2))
            ok[ok] &= np.linalg.eigvalsh(rxx[ok]).min(axis=1) > 1e-10
            r_w = np.full((b, p), np.nan)
            s_w = np.full((b, p), np.nan)
            r_2 = np.full(b, np.nan)
            if ok.any():
                r_w[ok] = _rw_batch(rxx[ok], rxy[ok])
                s_w[ok] = _shapley_batch(rxx[ok], rxy[ok])
                r_2[ok] = np.einsum("bi,bi->b", rxy[ok], np.linalg.solve(rxx[ok], rxy[ok][..., None])[..., 0])
            rws.append(r_w)
            shs.append(s_w)
            r2s.append(r_2)
            done += b
        rwb, shb, r2b = np.vstack(rws), np.vstack(shs), np.concatenate(r2s)
        lo, hi = 50 * (1 - confidence), 100 - 50 * (1 - confidence)
        with np.errstate(invalid="ignore", divide="ignore"):
            share_b = shb / r2b[:, None]
        for name, arr in (("relative_weight", rwb), ("shapley", shb), ("share", share_b)):
            if np.isfinite(arr).any():
                q_lo, q_hi = np.nanpercentile(arr, [lo, hi], axis=0)
            else:
                q_lo = q_hi = np.full(p, np.nan)
            table[f"{name}_low"] = q_lo
            table[f"{name}_high"] = q_hi
    else:
        for name in ("relative_weight", "shapley", "share"):
            table[f"{name}_low"] = np.nan
            table[f"{name}_high"] = np.nan
    table["rank"] = table["shapley"].rank(ascending=False, method="min").astype(int)
    table = table[["driver", "relative_weight", "relative_weight_low", "relative_weight_high", "shapley",
                   "shapley_low", "shapley_high", "share", "share_low", "share_high", "rank"]]
    return DriverAnalysis(outcome, table.sort_values("rank", kind="stable").reset_index(drop=True), sh.r2, n, n_boot,
                          confidence, seed)


QUADRANTS = ("concentrate", "keep_up", "low_priority", "overkill")


def importance_performance(importance: pd.Series, performance: pd.Series) -> pd.DataFrame:
    """Importance–performance quadrants (Martilla & James 1977, J Marketing 41(1):77–79).

    The cross-hairs are the means of importance and of performance over the items (the
    data-centred variant).  ``concentrate`` = important and below-average performance ("concentrate
    here"), ``keep_up`` = important and above, ``low_priority`` = less important and below,
    ``overkill`` = less important and above ("possible overkill").
    """
    if not isinstance(importance, pd.Series) or not isinstance(performance, pd.Series):
        raise error("ipa_series")
    common = [i for i in importance.index if i in performance.index]
    if not common:
        raise error("ipa_common", importance=str(list(importance.index)), performance=str(list(performance.index)))
    imp = importance.loc[common].astype(float)
    perf = performance.loc[common].astype(float)
    hi_imp = imp >= imp.mean()
    hi_perf = perf >= perf.mean()
    quadrant = np.where(hi_imp & ~hi_perf, "concentrate", np.where(hi_imp & hi_perf, "keep_up",
                        np.where(~hi_imp & ~hi_perf, "low_priority", "overkill")))
    return pd.DataFrame({"item": common, "importance": imp.to_numpy(), "performance": perf.to_numpy(),
                         "quadrant": quadrant, "importance_mean": imp.mean(), "performance_mean": perf.mean()})


def _focus_items(ipa: pd.DataFrame) -> list[str]:
    """The items of the "concentrate here" quadrant, in driver-rank order."""
    return [] if ipa.empty else [str(i) for i in ipa.loc[ipa["quadrant"] == "concentrate", "item"]]
