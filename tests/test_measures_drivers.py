"""Key drivers (svcwork.measures.drivers) against brute-force second implementations.

LMG over all orderings with statsmodels OLS; Johnson's relative weights from the SVD of the data; a
row-resampling bootstrap.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from svcwork import AnalysisError
from svcwork import measures as M


# =========================================================================== key drivers
def _drivers_frame(n: int = 400, p: int = 4, seed: int = 7) -> tuple[pd.DataFrame, list[str]]:
    rng = np.random.default_rng(seed)
    base = rng.normal(0, 1, n)
    cols = {f"x{j}": 0.6 * base + rng.normal(0, 1, n) for j in range(p)}
    frame = pd.DataFrame(cols)
    frame["y"] = sum((j + 1) * 0.3 * frame[f"x{j}"] for j in range(p)) + rng.normal(0, 1.5, n)
    return frame, [f"x{j}" for j in range(p)]


def _r2(frame: pd.DataFrame, y: str, xs: tuple[str, ...]) -> float:
    if not xs:
        return 0.0
    return sm.OLS(frame[y], sm.add_constant(frame[list(xs)])).fit().rsquared


def test_shapley_r2_matches_brute_force_over_all_orderings_with_statsmodels():
    frame, xs = _drivers_frame()
    cache: dict[frozenset, float] = {}

    def r2(s: frozenset) -> float:
        if s not in cache:
            cache[s] = _r2(frame, "y", tuple(sorted(s)))
        return cache[s]

    brute = dict.fromkeys(xs, 0.0)
    orders = list(itertools.permutations(xs))
    for order in orders:  # LMG: average increase in R² over all orderings (Lindeman, Merenda & Gold 1980)
        seen: frozenset = frozenset()
        for x in order:
            brute[x] += (r2(seen | {x}) - r2(seen)) / len(orders)
            seen = seen | {x}
    got = M.shapley_r2(frame, "y", xs)
    assert got.weights.to_dict() == pytest.approx(brute, abs=1e-10)
    assert got.r2 == pytest.approx(_r2(frame, "y", tuple(xs)))
    assert got.shares.sum() == pytest.approx(1)


def test_relative_weights_match_johnsons_data_level_procedure():
    # Johnson (2000): Z = P Qᵀ from the SVD X = P Δ Qᵀ of the standardised drivers; regress y on Z
    # (β) and each x on Z (Λ); ε_j = Σ_k Λ_jk² β_k².  Done here with statsmodels OLS on the data.
    frame, xs = _drivers_frame(p=5, seed=11)
    x = frame[xs].to_numpy()
    x = (x - x.mean(0)) / x.std(0)
    y = (frame["y"] - frame["y"].mean()) / frame["y"].std(ddof=0)
    p_, _, qt = np.linalg.svd(x, full_matrices=False)
    z = p_ @ qt * math.sqrt(len(x))
    beta = sm.OLS(y.to_numpy(), z).fit().params
    lam = np.column_stack([sm.OLS(x[:, j], z).fit().params for j in range(len(xs))]).T
    expected = (lam ** 2) @ (beta ** 2)
    got = M.relative_weights(frame, "y", xs)
    np.testing.assert_allclose(got.weights.to_numpy(), expected, atol=1e-10)
    assert got.weights.sum() == pytest.approx(_r2(frame, "y", tuple(xs)))


def test_relative_weights_and_shapley_agree_with_squared_correlations_for_orthogonal_drivers():
    rng = np.random.default_rng(5)
    a = rng.normal(0, 1, 200)
    b = rng.normal(0, 1, 200)
    a, b = a - a.mean(), b - b.mean()
    b = b - a * (a @ b) / (a @ a)  # exactly uncorrelated
    frame = pd.DataFrame({"a": a, "b": b, "y": 0.8 * a + 0.3 * b + rng.normal(0, 1, 200)})
    r = frame.corr()["y"]
    rw, sh = M.relative_weights(frame, "y", ["a", "b"]), M.shapley_r2(frame, "y", ["a", "b"])
    for got in (rw, sh):
        assert got.weights["a"] == pytest.approx(r["a"] ** 2) and got.weights["b"] == pytest.approx(r["b"] ** 2)


def test_driver_analysis_refuses_what_it_cannot_do():
    frame, xs = _drivers_frame(n=50)
    with pytest.raises(AnalysisError, match="collinear"):
        M.relative_weights(frame.assign(x9=frame["x0"] + frame["x1"]), "y", [*xs, "x9"])
    with pytest.raises(AnalysisError, match="the same"):
        M.shapley_r2(frame.assign(x0=1.0), "y", xs)
    with pytest.raises(AnalysisError, match="at least 6 complete"):
        M.shapley_r2(frame.head(5), "y", xs)


def test_driver_bootstrap_is_seeded_and_agrees_with_a_row_resampling_bootstrap():
    rng = np.random.default_rng(2)
    n = 300
    latent = rng.normal(0, 1, n)
    frame = pd.DataFrame({k: np.clip(np.round(3 + latent * s + rng.normal(0, 1, n)), 1, 5)
                          for k, s in (("ease", 1.0), ("equity", 0.3), ("efficiency", 0.6))})
    frame["satisfaction"] = np.clip(np.round(0.5 * frame["ease"] + 0.3 * frame["efficiency"] + 0.1 * frame["equity"]
                                             + rng.normal(0, 0.7, n)), 1, 5)
    drivers = ["ease", "equity", "efficiency"]
    a = M.driver_importance(frame, "satisfaction", drivers, n_boot=400, seed=3)
    b = M.driver_importance(frame, "satisfaction", drivers, n_boot=400, seed=3)
    c = M.driver_importance(frame, "satisfaction", drivers, n_boot=400, seed=4)
    pd.testing.assert_frame_equal(a.table, b.table)
    assert not a.table.equals(c.table)
    # second method: the textbook bootstrap, resampling rows and refitting
    boot = np.array([M.shapley_r2(frame.iloc[rng.integers(0, n, n)], "satisfaction", drivers).shares.to_numpy()
                     for _ in range(400)])
    lo, hi = np.percentile(boot, [2.5, 97.5], axis=0)
    t = a.table.set_index("driver").loc[drivers]
    np.testing.assert_allclose(t["share_low"], lo, atol=0.03)
    np.testing.assert_allclose(t["share_high"], hi, atol=0.03)
    assert (t["share_low"] <= t["share"]).all() and (t["share"] <= t["share_high"]).all()


def test_importance_performance_quadrants():
    imp = pd.Series({"ease": 0.4, "equity": 0.1, "efficiency": 0.3, "helpfulness": 0.2})
    perf = pd.Series({"ease": 0.5, "equity": 0.9, "efficiency": 0.8, "helpfulness": 0.4})
    q = M.importance_performance(imp, perf).set_index("item")["quadrant"]
    # means: importance 0.25, performance 0.65
    assert q.to_dict() == {"ease": "concentrate", "equity": "overkill", "efficiency": "keep_up",
                           "helpfulness": "low_priority"}
