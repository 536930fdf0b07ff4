"""Management, observer calibration: weighted kappa, ICC(2,1), ICC(1,1) and its clustered bootstrap
(:mod:`svcwork.management.calibration`).

Every statistic is checked against an independent reference: a published worked example
(cited at the test), a closed-form identity, or a hand computation with numpy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from test_management_observations import _obs

from svcwork.errors import AnalysisError
from svcwork.management import (ALL, icc_1_1, icc_1_1_cluster_bootstrap, icc_2_1, observer_calibration,
                                weighted_kappa)


# Shrout & Fleiss (1979), Psychol. Bull. 86:420, Table 2: 6 targets rated by 4 judges.
# Table 4: ICC(2,1) = .29.  R psych::ICC on the same data: ICC2 lower bound 0.019, upper 0.76.
SHROUT_FLEISS = np.array([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]])


def _pairs_from_table(table) -> tuple[list[int], list[int]]:
    """Rater scores (1-based categories) reproducing a contingency table."""
    a, b = [], []
    for i, row in enumerate(np.asarray(table)):
        for j, count in enumerate(row):
            a += [i + 1] * int(count)
            b += [j + 1] * int(count)
    return a, b


# --------------------------------------------------------------------------- weighted kappa and ICC(2,1)


def test_weighted_kappa_matches_sas_example():
    # SAS PROC FREQ AGREE printout (Cicchetti-Allison weights), reproduced in statsmodels'
    # test_inter_rater.py: weighted kappa 0.4701, ASE 0.1457, 95% CI 0.1845 to 0.7558.
    a, b = _pairs_from_table([[0, 4, 1], [0, 8, 0], [0, 1, 5]])
    k = weighted_kappa(a, b, categories=(1, 2, 3), weights="linear")
    assert k.estimate == pytest.approx(0.4701, abs=5e-5)
    assert k.low == pytest.approx(0.1845, abs=5e-5)
    assert k.high == pytest.approx(0.7558, abs=5e-5)
    assert k.n == 19
    unweighted = weighted_kappa(a, b, categories=(1, 2, 3), weights=None)
    assert unweighted.estimate == pytest.approx(0.4842, abs=5e-5)  # same SAS printout: simple kappa 0.4842


def test_weighted_kappa_matches_irr_published_output():
    # irr::kappa2(cbind(tv1, tv2), weight = "equal") on a 6 x 6 table: Kappa = 0.316
    # (D. Wollschläger, R-ExRepos "interRaterICC").
    table = np.array([5, 8, 1, 2, 4, 2, 3, 5, 3, 5, 5, 0, 1, 2, 6, 11, 2, 1, 0, 1, 5, 4, 3, 3, 0, 0, 1, 2, 5, 2,
                      0, 0, 1, 2, 1, 4]).reshape(6, 6)
    a, b = _pairs_from_table(table)
    assert weighted_kappa(a, b, categories=range(1, 7), weights="linear").estimate == pytest.approx(0.316, abs=5e-4)


def test_quadratic_kappa_equals_moment_identity():
    # Quadratic-weighted kappa = 2 s_xy / (s_x^2 + s_y^2 + (mean_x - mean_y)^2) with population
    # moments (Fleiss & Cohen 1973; Schuster 2004, Educ. Psychol. Meas. 64:243).
    rng = np.random.default_rng(3)
    x = rng.integers(1, 6, 80)
    y = np.clip(x + rng.integers(-1, 2, 80), 1, 5)
    sxy = np.mean((x - x.mean()) * (y - y.mean()))
    expected = 2 * sxy / (x.var() + y.var() + (x.mean() - y.mean()) ** 2)
    k = weighted_kappa(x, y)
    assert k.estimate == pytest.approx(expected)
    assert k.low < k.estimate < k.high


def test_weighted_kappa_keeps_unused_scale_points():
    # scores only 1 and 5: quadratic weights must use the 1–5 spacing, not a 2-point scale
    x = np.array([1, 1, 5, 5, 1, 5])
    y = np.array([1, 5, 5, 5, 1, 1])
    sxy = np.mean((x - x.mean()) * (y - y.mean()))
    assert weighted_kappa(x, y).estimate == pytest.approx(2 * sxy / (x.var() + y.var() + (x.mean() - y.mean()) ** 2))
    with pytest.raises(AnalysisError, match="expected scores among"):
        weighted_kappa([1, 6], [1, 2])
    assert weighted_kappa([3, 3, 3], [3, 3, 3]).estimate is None  # no variation: undefined, not an error


def test_icc_matches_shrout_fleiss():
    icc = icc_2_1(SHROUT_FLEISS)
    assert icc.estimate == pytest.approx(0.290, abs=5e-4)  # Table 4: .29 (DescTools::ICC: 0.290)
    assert icc.low == pytest.approx(0.019, abs=5e-4)  # psych::ICC lower bound
    assert icc.high == pytest.approx(0.76, abs=5e-3)  # psych::ICC upper bound
    assert icc.n == 6


def test_icc_degenerate_and_bad_input():
    assert icc_2_1(np.array([[3, 3], [3, 3], [3, 3]])).estimate is None
    perfect = icc_2_1(np.array([[1, 1], [3, 3], [5, 5]]))
    assert perfect.estimate == pytest.approx(1.0)
    with pytest.raises(AnalysisError, match="at least 2 raters"):
        icc_2_1(np.array([1, 2, 3]))


def test_observer_calibration_pairs_same_day():
    rows = []
    a = [1, 2, 3, 4, 5, 3, 4, 2]
    b = [1, 3, 3, 4, 4, 3, 5, 2]
    for i, (sa, sb) in enumerate(zip(a, b)):
        day = pd.Timestamp(2026, 3, 1 + i)
        rows += [(day, "U", "Dana", f"e{i}", "listening", sa), (day, "U", "Avi", f"e{i}", "listening", sb)]
    rows.append((pd.Timestamp(2026, 4, 1), "U", "Avi", "e0", "listening", 5))  # another day: not a pair
    cal = observer_calibration(_obs(rows), min_size=5)
    assert len(cal) == 1
    r = cal.iloc[0]
    assert (r["observer_a"], r["observer_b"]) == ("Avi", "Dana")  # ordered by name
    assert r["n"] == 8
    assert r["exact"] == pytest.approx(5 / 8)
    assert r["within_one"] == 1.0
    x, y = np.array(b, float), np.array(a, float)
    sxy = np.mean((x - x.mean()) * (y - y.mean()))
    assert r["kappa"] == pytest.approx(2 * sxy / (x.var() + y.var() + (x.mean() - y.mean()) ** 2))
    assert observer_calibration(_obs(rows), min_size=9).empty  # 8 employees < 9: suppressed
    loose = observer_calibration(_obs(rows), min_size=5, same_day=False)
    assert loose.iloc[0]["n"] == 8  # first score per observer kept


# --------------------------------------------------------------------------- ICC(1,1) and the pooled calibration row


def test_icc_1_1_matches_shrout_fleiss():
    icc = icc_1_1(SHROUT_FLEISS)
    # Shrout & Fleiss (1979) Table 4: ICC(1,1) = .17; R psych::ICC (ICC1): 0.17, bounds -0.13 and 0.72
    assert icc.estimate == pytest.approx(0.166, abs=5e-4)
    assert icc.low == pytest.approx(-0.13, abs=5e-3)
    assert icc.high == pytest.approx(0.72, abs=5e-3)
    assert icc.method == "icc_1_1" and icc.n == 6


def test_icc_1_1_against_statsmodels_one_way_anova():
    import statsmodels.api as sm
    from statsmodels.formula.api import ols

    rng = np.random.default_rng(3)
    m = rng.normal(0, 1, (40, 1)) + rng.normal(0, 0.8, (40, 3))  # 40 targets, 3 ratings each
    long = pd.DataFrame({"target": np.repeat(np.arange(40), 3), "y": m.ravel()})
    aov = sm.stats.anova_lm(ols("y ~ C(target)", data=long).fit())
    bms, wms = aov.loc["C(target)", "mean_sq"], aov.loc["Residual", "mean_sq"]
    f0, k, n = bms / wms, 3, 40
    icc = icc_1_1(m)
    assert icc.estimate == pytest.approx((bms - wms) / (bms + (k - 1) * wms))
    fl = f0 / stats.f.ppf(0.975, n - 1, n * (k - 1))
    fu = f0 * stats.f.ppf(0.975, n * (k - 1), n - 1)
    assert icc.low == pytest.approx((fl - 1) / (fl + k - 1))
    assert icc.high == pytest.approx((fu - 1) / (fu + k - 1))
    assert icc_1_1(np.array([[3, 3], [3, 3]])).estimate is None


def test_icc_1_1_cluster_bootstrap_is_seeded_and_wider_under_clustering():
    rng = np.random.default_rng(8)
    emp = np.repeat(np.arange(12), 5)  # 12 employees, 5 pairs each: the pairs of one employee move together
    level = rng.normal(3, 1, 12)[emp]
    a, b = level + rng.normal(0, 0.5, 60), level + rng.normal(0, 0.5, 60)
    boot = icc_1_1_cluster_bootstrap(a, b, emp, n_boot=1000, seed=4)
    assert boot == icc_1_1_cluster_bootstrap(a, b, emp, n_boot=1000, seed=4)  # the recorded seed reproduces it
    assert boot != icc_1_1_cluster_bootstrap(a, b, emp, n_boot=1000, seed=5)
    f = icc_1_1(np.column_stack([a, b]))
    assert boot.estimate == pytest.approx(f.estimate) and boot.low < boot.estimate < boot.high
    # 60 pairs but only 12 independent employees: the clustered interval is wider than the F interval
    assert boot.high - boot.low > f.high - f.low
    # by hand: the same draws (employees with replacement, all their pairs), ICC(1,1) of each replicate
    small = icc_1_1_cluster_bootstrap(a, b, emp, n_boot=200, seed=9)
    draws = np.random.default_rng(9).multinomial(12, np.full(12, 1 / 12), size=200)
    reps = []
    for counts in draws:
        take = np.concatenate([np.tile(np.flatnonzero(emp == e), int(c)) for e, c in enumerate(counts) if c])
        reps.append(icc_1_1(np.column_stack([a[take], b[take]])).estimate)
    assert small.low == pytest.approx(np.quantile(reps, 0.025))
    assert small.high == pytest.approx(np.quantile(reps, 0.975))


def test_observer_calibration_pooled_row_uses_icc_1_1():
    rng = np.random.default_rng(1)
    rows = []
    observers = [("Avi", "Dana"), ("Avi", "Noa"), ("Dana", "Noa")]
    for i in range(18):
        oa, ob = observers[i % 3]
        day = pd.Timestamp(2026, 3, 1 + i)
        for item in ("listening", "closing"):
            s = int(rng.integers(2, 6))
            rows += [(day, "U", oa, f"e{i}", item, s), (day, "U", ob, f"e{i}", item, int(np.clip(s + rng.integers(-1, 2), 1, 5)))]
    cal = observer_calibration(_obs(rows), min_size=5, n_boot=500, seed=7)
    pooled = cal[cal["observer_a"] == ALL].iloc[0]
    pairs = cal[cal["observer_a"] != ALL]
    assert len(pairs) == 3 and (pairs["icc_method"] == "icc_2_1").all() and (pairs["icc_interval"] == "f").all()
    assert pairs["seed"].isna().all()
    assert pooled["icc_method"] == "icc_1_1" and pooled["icc_interval"] == "cluster_bootstrap"
    assert (pooled["n_boot"], pooled["seed"]) == (500, 7) and pooled["n"] == 36 and pooled["employees"] == 18
    # the pooled estimate is the one-way ICC of all pairs (observer pair ignored), not ICC(2,1)
    table = []
    for _, grp in _obs(rows).groupby(["employee_code", "item"]):
        table.append(sorted(zip(grp["observer"], grp["score"]))[0][1:] + sorted(zip(grp["observer"], grp["score"]))[1][1:])
    assert pooled["icc"] == pytest.approx(icc_1_1(np.array(table, dtype=float)).estimate)
    assert pooled["icc_low"] < pooled["icc"] < pooled["icc_high"]
    again = observer_calibration(_obs(rows), min_size=5, n_boot=500, seed=7)
    pd.testing.assert_frame_equal(cal, again)
