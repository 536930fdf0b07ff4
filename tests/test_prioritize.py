"""Prioritization and the staged roadmap (svcwork.prioritize), checked against independent references.

Known answers come from published worked examples (cited at each test); everything else is
checked against a second method: power iteration for the principal eigenvector, scipy's
geometric mean and beta distribution, brute-force enumeration of small roadmaps, re-scoring
around every crossover point, a plain per-sample loop for the Monte Carlo ranks.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from scipy import stats

import svcwork
from conftest import english_sheets, hebrew_sheets, write_xlsx
from svcwork import AnalysisError
from svcwork.intake import Settings
from svcwork.prioritize import (RANDOM_INDEX, InfeasiblePlanError, ahp_weights, analyse, compare_methods,
                                crossover_points, direct_weights, pairwise_matrix, plan_waves, quadrants,
                                rank_acceptability, sensitivity, topsis, wsm)

HEBREW = re.compile(r"[\u0590-\u05ff]")

# Saaty (1977) "A scaling method for priorities in hierarchical structures", J. Math. Psychol. 15:234–281,
# and Saaty (1980) The Analytic Hierarchy Process, ch. 2: relative wealth of nations (US, USSR, China, France,
# UK, Japan, West Germany).  Printed eigenvector .427 .230 .021 .052 .052 .123 .094, λmax = 7.61, CR = 0.08.
WEALTH = np.array([
    [1, 4, 9, 6, 6, 5, 5],
    [1 / 4, 1, 7, 5, 5, 3, 4],
    [1 / 9, 1 / 7, 1, 1 / 5, 1 / 5, 1 / 7, 1 / 5],
    [1 / 6, 1 / 5, 5, 1, 1, 1 / 3, 1 / 3],
    [1 / 6, 1 / 5, 5, 1, 1, 1 / 3, 1 / 3],
    [1 / 5, 1 / 3, 7, 3, 3, 1, 2],
    [1 / 5, 1 / 4, 5, 3, 3, 1 / 2, 1],
])
WEALTH_WEIGHTS = [0.427, 0.230, 0.021, 0.052, 0.052, 0.123, 0.094]


def consistent(w) -> np.ndarray:
    w = np.asarray(w, float)
    return w[:, None] / w[None, :]


def random_reciprocal(rng, n) -> np.ndarray:
    scale = np.array([1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    a = np.ones((n, n))
    for i, j in itertools.combinations(range(n), 2):
        a[i, j] = rng.choice(scale)
        a[j, i] = 1 / a[i, j]
    return a


def power_iteration(a, iterations=2000):
    w = np.ones(len(a)) / len(a)
    for _ in range(iterations):
        w = a @ w
        w /= w.sum()
    return w, float(np.mean(a @ w / w))


# =========================================================================== AHP
def test_ahp_reproduces_saatys_wealth_of_nations_example():
    res = ahp_weights(WEALTH)
    np.testing.assert_allclose(res.weights.to_numpy(), WEALTH_WEIGHTS, atol=1e-3)
    assert res.lambda_max == pytest.approx(7.61, abs=0.005)
    assert res.consistency_index == pytest.approx((res.lambda_max - 7) / 6)
    assert round(res.consistency_ratio, 2) == 0.08
    assert res.random_index == 1.32 and res.random_index_table == "Saaty (1980)"
    assert res.acceptable and res.most_inconsistent == ()


def test_ahp_eigenvector_agrees_with_power_iteration():
    rng = np.random.default_rng(7)
    for n in (3, 4, 5, 6, 8):
        a = random_reciprocal(rng, n)
        w, lam = power_iteration(a)
        res = ahp_weights(a)
        np.testing.assert_allclose(res.weights.to_numpy(), w, atol=1e-9)
        assert res.lambda_max == pytest.approx(lam, rel=1e-9)


def test_geometric_method_is_normalised_row_geometric_mean():
    a = random_reciprocal(np.random.default_rng(3), 5)
    g = stats.gmean(a, axis=1)
    res = ahp_weights(a, method="geometric")
    np.testing.assert_allclose(res.weights.to_numpy(), g / g.sum(), rtol=1e-12)
    w = res.weights.to_numpy()
    assert res.lambda_max == pytest.approx(np.mean(a @ w / w))


@pytest.mark.parametrize("method", ["eigen", "geometric"])
def test_a_consistent_matrix_gives_back_its_weights_with_cr_zero(method):
    w = np.array([0.5, 0.25, 0.15, 0.1])
    res = ahp_weights(consistent(w), method=method)
    np.testing.assert_allclose(res.weights.to_numpy(), w, atol=1e-12)
    assert res.lambda_max == pytest.approx(4.0, abs=1e-9)
    assert res.consistency_ratio == pytest.approx(0.0, abs=1e-9)


def test_the_perturbed_judgement_is_named_and_fixing_it_restores_consistency():
    w = np.array([0.4, 0.3, 0.2, 0.1])
    a = consistent(w)
    a[0, 2] *= 7  # one judgement far off: 2 → 14 (then clipped to the 1–9 spirit is irrelevant here)
    a[2, 0] = 1 / a[0, 2]
    res = ahp_weights(pd.DataFrame(a, index=list("ABCD"), columns=list("ABCD")))
    assert res.consistency_ratio > 0.10 and not res.acceptable
    worst = res.most_inconsistent[0]
    assert {worst.a, worst.b} == {"A", "C"}
    fixed = a.copy()
    fixed[0, 2] = worst.consistent_value
    fixed[2, 0] = 1 / worst.consistent_value
    assert ahp_weights(fixed).consistency_ratio < res.consistency_ratio


def test_ahp_keeps_dataframe_labels_and_reorders_columns():
    names = ["benefit", "visibility", "effort"]
    a = pd.DataFrame(consistent([0.6, 0.3, 0.1]), index=names, columns=names)
    res = ahp_weights(a[["effort", "benefit", "visibility"]])
    assert list(res.weights.index) == names
    assert res.weights["benefit"] == pytest.approx(0.6)


def test_small_and_large_matrices():
    assert ahp_weights([[1.0]]).weights.tolist() == [1.0]
    two = ahp_weights([[1, 3], [1 / 3, 1]])
    assert two.weights.tolist() == pytest.approx([0.75, 0.25]) and two.consistency_ratio == 0.0
    big = ahp_weights(random_reciprocal(np.random.default_rng(1), 16))
    assert big.consistency_ratio is None and 16 not in RANDOM_INDEX


@pytest.mark.parametrize("matrix, words", [
    ([[1, 2, 3], [0.5, 1, 2]], "square"),
    ([[1, -2], [-0.5, 1]], "positive"),
    ([[1, 0], [0, 1]], "positive"),
    ([[1, np.nan], [1, 1]], "positive"),
    ([[1, 3], [0.5, 1]], "reciprocal"),
    ([[2, 3], [1 / 3, 1]], "diagonal"),
    ([["a", 1], [1, 1]], "numbers"),
    ([], "square"),
])
def test_ahp_rejects_matrices_that_are_not_positive_reciprocal(matrix, words):
    with pytest.raises(AnalysisError, match=words):
        ahp_weights(np.array(matrix, dtype=object) if words == "numbers" else matrix)


def test_ahp_rejects_mismatched_labels_and_unknown_method():
    a = pd.DataFrame(consistent([0.5, 0.5]), index=["x", "y"], columns=["x", "z"])
    with pytest.raises(AnalysisError, match="same criteria"):
        ahp_weights(a)
    with pytest.raises(AnalysisError, match="eigen"):
        ahp_weights(consistent([0.5, 0.5]), method="median")


def test_geometric_consistency_index_by_hand():
    # Aguarón & Moreno-Jiménez (2003), EJOR 147:137–145: GCI = 2/((n−1)(n−2)) Σ_{i<j} ln²(a_ij w_j / w_i) with
    # w the row geometric means.  For a12 = 2, a13 = 6, a23 = 4: w ∝ (12^(1/3), 2^(1/3), (1/24)^(1/3)), and
    # ln e12 = ln 2 − ln 6 / 3 = ln(4/3) / 3, ln e13 = ln 6 − ln 288 / 3 = −ln(4/3) / 3,
    # ln e23 = ln 4 − ln 48 / 3 = ln(4/3) / 3, so GCI = (2 / (2 · 1)) · 3 · (ln(4/3) / 3)² = ln²(4/3) / 3.
    a = [[1, 2, 6], [1 / 2, 1, 4], [1 / 6, 1 / 4, 1]]
    res = ahp_weights(a, method="geometric")
    assert res.geometric_consistency_index == pytest.approx(math.log(4 / 3) ** 2 / 3, rel=1e-12)
    assert res.geometric_consistency_index == pytest.approx(0.027587, abs=1e-6)
    assert res.gci_threshold == 0.31 and res.gci_acceptable is True
    assert res.consistency_ratio is not None  # CR (Saaty's RI) is kept beside the GCI
    # a 4 × 4 matrix against a plain loop over the formula
    b = random_reciprocal(np.random.default_rng(11), 4)
    w = stats.gmean(b, axis=1)
    by_loop = sum(math.log(b[i][j] * w[j] / w[i]) ** 2 for i in range(4) for j in range(i + 1, 4)) * 2 / (3 * 2)
    res4 = ahp_weights(b, method="geometric")
    assert res4.geometric_consistency_index == pytest.approx(by_loop, rel=1e-12) and res4.gci_threshold == 0.35
    # thresholds by order, a far-off matrix, and none for the eigenvector method or n ≤ 2
    assert ahp_weights(random_reciprocal(np.random.default_rng(2), 6), method="geometric").gci_threshold == 0.37
    bad = ahp_weights([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]], method="geometric")
    assert bad.geometric_consistency_index == pytest.approx(3 * math.log(9) ** 2) and bad.gci_acceptable is False
    assert ahp_weights(a).geometric_consistency_index is None and ahp_weights(a).gci_acceptable is None
    two = ahp_weights([[1, 3], [1 / 3, 1]], method="geometric")
    assert two.geometric_consistency_index == 0.0 and two.gci_threshold is None and two.gci_acceptable is True


def test_ahp_accepts_rounded_reciprocals_as_typed_in_excel():
    res = ahp_weights([[1, 3, 0.2], [0.333, 1, 0.143], [5, 7, 1]])
    assert res.weights.sum() == pytest.approx(1.0)


# =========================================================================== Pairwise sheet
def pairwise_rows(rows):
    return pd.DataFrame(rows, columns=["criterion_a", "criterion_b", "value", "rater"])


def test_pairwise_aij_is_the_geometric_mean_of_the_raters():
    frame = pairwise_rows([
        ["benefit", "effort", 3, "A"], ["benefit", "visibility", 5, "A"], ["effort", "visibility", 2, "A"],
        ["benefit", "effort", 1 / 2, "B"], ["visibility", "benefit", 1 / 3, "B"], ["effort", "visibility", 4, "B"],
        ["benefit", "effort", 2, "C"],
    ])
    pj = pairwise_matrix(frame, ["benefit", "effort", "visibility"])
    agg = pj.aggregate
    assert agg.loc["benefit", "effort"] == pytest.approx(stats.gmean([3, 1 / 2, 2]))
    assert agg.loc["benefit", "visibility"] == pytest.approx(stats.gmean([5, 3]))
    assert agg.loc["visibility", "benefit"] == pytest.approx(1 / stats.gmean([5, 3]))
    np.testing.assert_allclose(agg.to_numpy() * agg.to_numpy().T, 1.0)
    assert pj.complete and pj.raters == ("A", "B", "C")
    row = pj.pairs.set_index(["a", "b"]).loc[("benefit", "effort")]
    assert row["n_raters"] == 3
    assert row["spread"] == pytest.approx(math.exp(np.std(np.log([3, 1 / 2, 2]))))
    # C judged one pair only: its distance is measured on that pair
    assert pj.rater_distance["C"] == pytest.approx(abs(math.log(2) - math.log(stats.gmean([3, 1 / 2, 2]))))
    assert np.isnan(pj.matrices["C"].loc["benefit", "visibility"])


def test_pairwise_reports_missing_pairs_and_combines_both_orientations():
    frame = pairwise_rows([["benefit", "effort", 4, None], ["effort", "benefit", 1, None]])
    pj = pairwise_matrix(frame, ["benefit", "effort", "visibility"])
    assert pj.aggregate.loc["benefit", "effort"] == pytest.approx(2.0)  # sqrt(4 · 1)
    assert not pj.complete
    assert set(pj.missing) == {("benefit", "visibility"), ("effort", "visibility")}
    assert pj.spread is None


def test_pairwise_errors():
    with pytest.raises(AnalysisError, match="not among the criteria"):
        pairwise_matrix(pairwise_rows([["benefit", "colour", 3, None]]), ["benefit", "effort"])
    with pytest.raises(AnalysisError, match="itself"):
        pairwise_matrix(pairwise_rows([["benefit", "benefit", 3, None]]))
    with pytest.raises(AnalysisError, match="criterion_b"):
        pairwise_matrix(pd.DataFrame({"criterion_a": ["benefit"], "value": [3]}))


# =========================================================================== direct weights, score, quadrants
def test_direct_weights_are_divided_by_their_sum():
    frame = pd.DataFrame({"criterion": ["benefit", "effort", "visibility"], "direction": ["benefit", "cost", "benefit"],
                          "weight": [4, 3, 0]})
    cw = direct_weights(frame)
    assert cw.weights.to_dict() == pytest.approx({"benefit": 4 / 7, "effort": 3 / 7, "visibility": 0.0})
    assert cw.directions["effort"] == "cost"
    with pytest.raises(AnalysisError, match="at least one positive"):
        direct_weights(frame.assign(weight=0))
    with pytest.raises(AnalysisError, match="0 or more"):
        direct_weights(frame.assign(weight=[1, -1, 1]))
    with pytest.raises(AnalysisError, match="twice"):
        direct_weights(frame.assign(criterion=["benefit", "benefit", "effort"]))


def test_wsm_normalises_on_the_stated_scales_and_is_traceable():
    values = pd.DataFrame({"benefit": [5, 1, 3], "effort": [1, 5, 3], "annual_volume": [100, 300, np.nan]},
                          index=["A", "B", "C"])
    res = wsm(values, {"benefit": 2, "effort": 1, "annual_volume": 1},
              {"benefit": "benefit", "effort": "cost", "annual_volume": "benefit"})
    n = res.normalised
    # 1–5 scores on their fixed scale (x − 1)/4, cost reversed; volume min–max; missing → median
    assert n["benefit"].tolist() == [1.0, 0.0, 0.5]
    assert n["effort"].tolist() == [1.0, 0.0, 0.5]
    assert n["annual_volume"].tolist() == [0.0, 1.0, 0.5]
    assert res.imputed["annual_volume"].tolist() == [False, False, True]
    assert res.weights.tolist() == [0.5, 0.25, 0.25]
    np.testing.assert_allclose(res.contributions.sum(axis=1), res.scores)
    assert res.scores.to_dict() == pytest.approx({"A": 0.75, "B": 0.25, "C": 0.5})
    assert res.rank.tolist() == [1, 3, 2]
    assert res.scales["annual_volume"] == (100.0, 300.0) and res.scales["benefit"] == (1.0, 5.0)


def test_wsm_errors():
    with pytest.raises(AnalysisError, match="no values"):
        wsm(pd.DataFrame({"benefit": [np.nan, np.nan]}), [1])
    with pytest.raises(AnalysisError, match="weights"):
        wsm(pd.DataFrame({"benefit": [1, 2]}), [1, 2])
    with pytest.raises(AnalysisError, match="benefit or cost"):
        wsm(pd.DataFrame({"benefit": [1, 2]}), [1], ["sideways"])


def test_quadrants_with_the_midpoint_counted_conservatively():
    effort = [1, 2, 4, 5, 2, 4, 3, 3, 2]
    benefit = [5, 4, 5, 4, 1, 2, 3, 4, 3]
    assert quadrants(effort, benefit).tolist() == [
        "quick_win", "quick_win", "major_project", "major_project", "fill_in", "thankless", "thankless",
        "major_project", "fill_in"]
    assert quadrants([2.5], [3.5], midpoint=2.0).tolist() == ["major_project"]


# =========================================================================== TOPSIS
def test_topsis_reproduces_tzeng_and_huang_worked_example():
    # Tzeng & Huang (2011) Multiple Attribute Decision Making: Methods and Applications, CRC Press
    # (TOPSIS example; also used by scikit-criteria's test-suite): C* = .5037 .6581 .7482 .3340.
    res = topsis([[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]], [0.3, 0.4, 0.3], ["benefit"] * 3)
    np.testing.assert_allclose(res.closeness.to_numpy(), [0.5037, 0.6581, 0.7482, 0.3340], atol=1e-4)
    assert res.rank.tolist() == [3, 2, 1, 4]


def test_topsis_cost_criteria_swap_ideal_and_anti_ideal():
    x = np.random.default_rng(5).random((6, 4)) + 0.1
    w = [0.1, 0.2, 0.3, 0.4]
    benefit = topsis(x, w, ["benefit"] * 4)
    cost = topsis(x, w, ["cost"] * 4)
    np.testing.assert_allclose(cost.closeness.to_numpy(), 1 - benefit.closeness.to_numpy(), atol=1e-12)
    np.testing.assert_allclose(cost.ideal.to_numpy(), benefit.anti_ideal.to_numpy())


def test_topsis_errors():
    with pytest.raises(AnalysisError, match="negative"):
        topsis([[1, -2], [2, 3]], [0.5, 0.5], ["benefit", "cost"])
    with pytest.raises(AnalysisError, match="missing"):
        topsis(pd.DataFrame({"a": [1, np.nan]}), [1], ["benefit"])


def test_method_comparison_flags_top_n_disagreement():
    a = pd.Series([0.9, 0.8, 0.7, 0.6, 0.5], index=list("ABCDE"))
    b = pd.Series([0.9, 0.5, 0.7, 0.8, 0.1], index=list("ABCDE"))
    cmp = compare_methods(a, b, top_n=2)
    assert cmp.flagged == ("B", "D")
    assert cmp.spearman == pytest.approx(stats.spearmanr(a, b).statistic)
    assert cmp.kendall == pytest.approx(stats.kendalltau(a, b).statistic)
    assert compare_methods(a, a, top_n=2).spearman == pytest.approx(1.0)


# =========================================================================== sensitivity
def rescaled(w, k, v):
    out = np.asarray(w, float) * (1 - v) / (1 - w[k])
    out[k] = v
    return out


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(3, 8), c=st.integers(2, 4))
def test_crossover_points_swap_the_pair_exactly_there(seed, n, c):
    rng = np.random.default_rng(seed)
    r = pd.DataFrame(rng.random((n, c)), index=[f"S{i}" for i in range(n)], columns=[f"c{j}" for j in range(c)])
    w = rng.dirichlet(np.ones(c) * 2)
    assume(w.min() > 0.01)
    for k, name in enumerate(r.columns):
        table = crossover_points(r, w, name)
        for first, second, v in table.itertuples(index=False):
            if not 1e-6 < v < 1 - 1e-6:
                continue
            gap_below = r.loc[first] @ rescaled(w, k, v - 1e-6) - r.loc[second] @ rescaled(w, k, v - 1e-6)
            gap_above = r.loc[first] @ rescaled(w, k, v + 1e-6) - r.loc[second] @ rescaled(w, k, v + 1e-6)
            assume(abs(gap_below - gap_above) > 1e-12)
            assert gap_below > 0 > gap_above, (first, second, v)
            assert r.loc[first] @ rescaled(w, k, v) == pytest.approx(r.loc[second] @ rescaled(w, k, v), abs=1e-12)


def top_set(r, w, n):
    return set(np.argsort(-(r @ w), kind="stable")[:n])


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(4, 10), c=st.integers(2, 4), top=st.integers(1, 3),
       scores=st.booleans())
def test_weight_ranges_hold_inside_and_break_just_outside(seed, n, c, top, scores):
    rng = np.random.default_rng(seed)
    r = rng.integers(0, 5, (n, c)) / 4 if scores else rng.random((n, c))  # scores: ties at the bounds are common
    w = rng.dirichlet(np.ones(c) * 2)
    assume(w.min() > 0.01)
    res = sensitivity(r, w, top_n=top)
    now = top_set(r, w, top)
    for k, rng_ in enumerate(res.ranges):
        assert rng_.lower <= w[k] + 1e-12 <= rng_.upper + 2e-12
        for v in np.linspace(rng_.lower, rng_.upper, 9)[1:-1]:
            assert top_set(r, rescaled(w, k, v), top) == now
        if rng_.upper_by is not None:
            assert rng_.upper < 1  # the top changes strictly inside [0, 1], never by a tie on the bound
            if rng_.upper + 1e-7 <= 1:
                assert top_set(r, rescaled(w, k, rng_.upper + 1e-7), top) != now
        if rng_.lower_by is not None:
            assert rng_.lower > 0
            if rng_.lower - 1e-7 >= 0:
                assert top_set(r, rescaled(w, k, rng_.lower - 1e-7), top) != now


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(3, 8), c=st.integers(2, 4), scores=st.booleans())
def test_reversals_are_the_smallest_single_weight_change(seed, n, c, scores):
    rng = np.random.default_rng(seed)
    # 1–5 scores normalised (0, 0.25 … 1) make weakly dominated pairs, which tie only at a bound, common
    values = rng.integers(0, 5, (n, c)) / 4 if scores else rng.random((n, c))
    r = pd.DataFrame(values, index=[f"S{i}" for i in range(n)], columns=[f"c{j}" for j in range(c)])
    w = rng.dirichlet(np.ones(c) * 2)
    assume(w.min() > 0.01)
    res = sensitivity(r, w, top_n=3)
    grid = np.linspace(0, 1, 2001)  # holds 0 and 1: a pair that can be reversed is reversed at one of them
    for rev in res.reversals:
        # independent check on a grid: no weight change smaller than the reported one reverses the pair
        smallest = math.inf
        diff = (r.loc[rev.behind] - r.loc[rev.ahead]).to_numpy()
        for k in range(c):
            weights = np.array([rescaled(w, k, v) for v in grid])
            ahead_of = weights @ diff > 1e-12  # strictly ahead (ties, e.g. at a bound, do not count)
            if ahead_of.any():
                smallest = min(smallest, float(np.abs(grid[ahead_of] - w[k]).min()))
        if rev.criterion is None:
            assert smallest == math.inf, rev
            continue
        assert smallest < math.inf, rev  # the grid confirms that some single weight reverses the pair
        assert abs(rev.change) <= smallest + 1e-12
        assert smallest <= abs(rev.change) + 1e-3
        # just past the reported weight, inside [0, 1], the service behind is strictly ahead
        k = list(r.columns).index(rev.criterion)
        bound = 1.0 if rev.new_weight > rev.weight else 0.0
        room = abs(bound - rev.new_weight)
        assert room > 0, rev  # never a crossover on the bound itself
        probe = rev.new_weight + math.copysign(min(1e-7, room / 2), bound - rev.new_weight)
        assert 0 <= probe <= 1
        assert r.loc[rev.behind] @ rescaled(w, k, probe) > r.loc[rev.ahead] @ rescaled(w, k, probe), rev


def test_a_pair_that_only_ties_at_a_bound_is_not_reversed():
    # Two criteria, normalised values (1 = best), weights (0.6, 0.4); rows in this order:
    #   B = (0.5, 0.5) → 0.6·0.5 + 0.4·0.5 = 0.50
    #   A = (1.0, 0.5) → 0.6·1.0 + 0.4·0.5 = 0.80   (A weakly dominates B: equal on c2, better on c1)
    #   C = (0.2, 0.9) → 0.6·0.2 + 0.4·0.9 = 0.48
    # Ranking A, B, C.  With the weight of c1 at v (c2 at 1 − v): A − B = 0.5 v, zero only at v = 0, where
    # both score 0.5 — a tie, never an overtaking, so no single weight reverses A and B.  B − C = 0.7 v − 0.4
    # is negative for v < 4/7: from 0.6 down to 4/7 is a change of 1/35 (the same as moving c2 from 0.4 up
    # to 3/7, since with two criteria moving one weight moves the other).
    r = pd.DataFrame([[0.5, 0.5], [1.0, 0.5], [0.2, 0.9]], index=["B", "A", "C"], columns=["c1", "c2"])
    res = sensitivity(r, [0.6, 0.4], top_n=2)
    ab, bc = res.reversals
    assert (ab.rank, ab.ahead, ab.behind) == (1, "A", "B")
    assert ab.criterion is None and ab.new_weight is None and ab.change is None
    assert (bc.rank, bc.ahead, bc.behind) == (2, "B", "C")
    assert abs(bc.change) == pytest.approx(1 / 35, abs=1e-12)
    assert bc.new_weight == pytest.approx({"c1": 4 / 7, "c2": 3 / 7}[bc.criterion], abs=1e-12)
    # first place: A − C = 1.2 v − 0.4, so A leads for c1 from 1/3 up (c2 up to 2/3), and C takes over below
    c1, c2 = res.first
    assert (c1.lower, c1.upper, c1.lower_by, c1.upper_by) == (pytest.approx(1 / 3), 1.0, "C", None)
    assert (c2.lower, c2.upper, c2.lower_by, c2.upper_by) == (0.0, pytest.approx(2 / 3), None, "C")
    # A and B alone: A leads for every weight in [0, 1]; their tie at c1 = 0 (c2 = 1), which the row order
    # (B first) would break for B, is no change of the leader
    pair = sensitivity(r.loc[["B", "A"]], [0.6, 0.4], top_n=1)
    assert pair.reversals[0].criterion is None
    for rng_ in pair.first + pair.ranges:
        assert (rng_.lower, rng_.upper, rng_.lower_by, rng_.upper_by) == (0.0, 1.0, None, None), rng_
    assert pair.most_sensitive is None


# =========================================================================== rank acceptability (SMAA)
def test_acceptability_rows_and_columns_are_distributions_and_dominance_is_respected():
    rng = np.random.default_rng(2)
    r = rng.random((12, 3)) * 0.8
    r[0] = 1.0          # dominates everyone
    r[5] = r[4] * 0.5   # dominated by service 4
    res = rank_acceptability(r, [0.5, 0.3, 0.2], n_samples=3000, seed=11, top_n=3)
    acc = res.acceptability.to_numpy()
    np.testing.assert_allclose(acc.sum(axis=1), 1.0)
    np.testing.assert_allclose(acc.sum(axis=0), 1.0)
    assert res.first.iloc[0] == 1.0 and res.first.iloc[5] == 0.0
    # service 5 is never ahead of service 4: P(rank(5) ≤ r) ≤ P(rank(4) ≤ r − 1) for all r
    cum = np.cumsum(acc, axis=1)
    assert np.all(cum[5, 1:] <= cum[4, :-1] + 1e-12)
    assert res.top.iloc[0] == 1.0


def test_acceptability_converges_to_the_beta_probability():
    # two services, each best on one criterion: A first iff w1 > 1/2, and w1 ~ Beta(c·0.6, c·0.4)
    c, n = 20.0, 40_000
    res = rank_acceptability([[1.0, 0.0], [0.0, 1.0]], [0.6, 0.4], concentration=c, n_samples=n, seed=3)
    exact = stats.beta(c * 0.6, c * 0.4).sf(0.5)
    assert abs(res.first.iloc[0] - exact) < 4 * math.sqrt(exact * (1 - exact) / n)
    assert res.first.iloc[1] == pytest.approx(1 - res.first.iloc[0])


def test_acceptability_equals_a_plain_per_sample_loop_on_the_same_draws():
    rng = np.random.default_rng(9)
    r = rng.random((7, 3))
    w = np.array([0.2, 0.5, 0.3])
    n, seed, c = 500, 42, 30.0
    res = rank_acceptability(r, w, concentration=c, n_samples=n, seed=seed, chunk=n)
    draws = np.random.default_rng(seed).dirichlet(c * w, size=n)
    counts = np.zeros((7, 7))
    for d in draws:
        for rank, s in enumerate(np.argsort(-(r @ d), kind="stable")):
            counts[s, rank] += 1
    np.testing.assert_allclose(res.acceptability.to_numpy(), counts / n, atol=1e-12)


def test_identical_services_share_their_ranks_and_zero_weights_change_nothing():
    r = np.array([[0.9, 0.1, 0.3], [0.5, 0.5, 0.7], [0.5, 0.5, 0.2], [0.2, 0.8, 0.9]])
    res = rank_acceptability(r, [0.4, 0.6, 0.0], n_samples=2000, seed=1)
    np.testing.assert_allclose(res.acceptability.iloc[1], res.acceptability.iloc[2], atol=1e-12)
    without = rank_acceptability(r[:, :2], [0.4, 0.6], n_samples=2000, seed=1)
    np.testing.assert_allclose(res.acceptability.to_numpy(), without.acceptability.to_numpy(), atol=1e-12)


def test_acceptability_is_reproducible_and_checks_its_input():
    r = np.random.default_rng(0).random((5, 2))
    a = rank_acceptability(r, [0.5, 0.5], n_samples=500, seed=7)
    b = rank_acceptability(r, [0.5, 0.5], n_samples=500, seed=7)
    pd.testing.assert_frame_equal(a.acceptability, b.acceptability)
    with pytest.raises(AnalysisError, match="concentration"):
        rank_acceptability(r, [0.5, 0.5], concentration=0)
    with pytest.raises(AnalysisError, match="missing"):
        rank_acceptability([[np.nan, 1.0]], [0.5, 0.5])


# =========================================================================== waves
def violations(wave: dict, *, values, days, W, cap, deps, mandatory, locked, quick, min_quick, same_wave) -> list[str]:
    """An independent checker of every roadmap constraint (wave: service -> 1..W or None)."""
    out = []
    for w in range(1, W + 1):
        load = sum(days[s] for s, x in wave.items() if x == w)
        if load > cap[w - 1] + 1e-9:
            out.append(f"capacity {w}")
    for s, ds in deps.items():
        if wave[s] is None:
            continue
        for d in ds:
            if wave[d] is None or (wave[d] > wave[s] if same_wave else wave[d] >= wave[s]):
                out.append(f"dependency {s}->{d}")
    out += [f"mandatory {s}" for s in mandatory if wave[s] is None]
    out += [f"locked {s}" for s, w in locked.items() if wave[s] != w]
    if sum(1 for s in quick if wave[s] == 1) < min_quick:
        out.append("quick wins")
    return out


def brute_force(discount, **inst):
    ids = list(inst["values"])
    best, best_wave = None, None
    for combo in itertools.product(range(inst["W"] + 1), repeat=len(ids)):
        wave = {s: (w or None) for s, w in zip(ids, combo)}
        if violations(wave, **inst):
            continue
        value = sum(inst["values"][s] * discount ** (w - 1) for s, w in wave.items() if w)
        if best is None or value > best + 1e-12:
            best, best_wave = value, wave
    return best, best_wave


@st.composite
def roadmaps(draw):
    n = draw(st.integers(1, 6))
    W = draw(st.integers(1, 3))
    ids = [f"S{i}" for i in range(n)]
    values = {s: draw(st.integers(0, 20)) / 10 for s in ids}
    days = {s: float(draw(st.integers(0, 8))) for s in ids}
    if draw(st.booleans()):  # tight: the waves hold about half of the work, so the optimiser must choose
        cap = [float(max(1, int(sum(days.values()) / (2 * W)) + draw(st.integers(-1, 1)))) for _ in range(W)]
    else:
        cap = [float(draw(st.integers(0, 16))) for _ in range(W)]
    deps = {s: [ids[j] for j in range(i) if draw(st.integers(0, 3)) == 0] for i, s in enumerate(ids)}
    mandatory = [s for s in ids if draw(st.integers(0, 6)) == 0]
    locked = {s: draw(st.integers(1, W)) for s in ids if draw(st.integers(0, 8)) == 0}
    quick = [s for s in ids if draw(st.booleans())]
    min_quick = draw(st.sampled_from([0, 0, 0, 1, 1, 2]))
    return dict(values=values, days=days, W=W, cap=cap, deps=deps, mandatory=mandatory, locked=locked, quick=quick,
                min_quick=min_quick, same_wave=draw(st.booleans()), discount=draw(st.sampled_from([0.5, 0.8, 1.0])))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inst=roadmaps())
def test_plan_waves_equals_brute_force_and_respects_every_constraint(inst):
    best, _ = brute_force(**inst)
    call = dict(waves=inst["W"], capacity=inst["cap"], dependencies=inst["deps"], mandatory=inst["mandatory"],
                locked=inst["locked"], quick_wins=inst["quick"], min_quick_wins=inst["min_quick"],
                discount=inst["discount"], same_wave=inst["same_wave"], mip_rel_gap=0.0)
    if best is None:
        with pytest.raises(InfeasiblePlanError) as err:
            plan_waves(inst["values"], inst["days"], **call)
        assert err.value.conflicts
        event("infeasible: " + ",".join(sorted({c.code for c in err.value.conflicts})))
        for c in err.value.conflicts:
            assert c.text("en") and HEBREW.search(c.text("he"))
        return
    plan = plan_waves(inst["values"], inst["days"], **call)
    event(f"feasible, {int(plan.wave.isna().sum())} deferred")
    wave = {s: (None if pd.isna(w) else int(w)) for s, w in plan.wave.items()}
    checker = {k: v for k, v in inst.items() if k != "discount"}
    assert violations(wave, **checker) == []
    assert plan.value == pytest.approx(best, abs=1e-6)
    greedy = {s: (None if pd.isna(w) else int(w)) for s, w in plan.greedy_wave.items()}
    broken = violations(greedy, **checker)
    assert not [v for v in broken if v.startswith(("capacity", "dependency"))
                and not any(s in v for s in inst["locked"])]
    if plan.greedy_feasible:
        assert broken == [] and plan.greedy_value <= plan.value + 1e-9
    assert set(plan.reasons) == {s for s, w in wave.items() if w is None}


def test_every_deferred_service_gets_its_reason():
    values = {"A": 0.9, "B": 0.8, "C": 0.5, "D": 0.1, "E": 0.0, "F": 0.2}
    days = {"A": 10, "B": 10, "C": 2, "D": 50, "E": 1, "F": 5}
    plan = plan_waves(values, days, waves=1, capacity=20, dependencies={"C": ["D"]}, mip_rel_gap=0.0)
    assert plan.wave.dropna().index.tolist() == ["A", "B"]
    assert {s: r[0] for s, r in plan.reasons.items()} == {"C": "dependency", "D": "capacity", "E": "low_value",
                                                          "F": "low_value"}
    assert plan.reasons["C"][1]["dependency"] == "D"


def test_locked_and_mandatory_services_and_earlier_waves_first():
    values = {"A": 0.9, "B": 0.2, "C": 0.5}
    plan = plan_waves(values, {"A": 5, "B": 5, "C": 5}, waves=3, capacity=5, mandatory=["B"], locked={"C": 3},
                      mip_rel_gap=0.0)
    assert plan.wave.to_dict() == {"A": 1, "B": 2, "C": 3}
    assert plan.value == pytest.approx(0.9 + 0.2 * 0.8 + 0.5 * 0.64)


def test_same_wave_dependencies_are_a_stated_choice():
    kw = dict(waves=2, capacity=10, dependencies={"B": ["A"]}, mip_rel_gap=0.0)
    assert plan_waves({"A": 1, "B": 1}, {"A": 1, "B": 1}, **kw).wave.to_dict() == {"A": 1, "B": 1}
    assert plan_waves({"A": 1, "B": 1}, {"A": 1, "B": 1}, same_wave=False, **kw).wave.to_dict() == {"A": 1, "B": 2}


def conflict_codes(**kw):
    with pytest.raises(InfeasiblePlanError) as err:
        plan_waves(**kw)
    assert "solver" not in str(err.value).lower() and "status" not in str(err.value).lower()
    return {c.code: c for c in err.value.conflicts}


def test_infeasible_plans_name_the_clashing_constraints():
    base = dict(values={"A": 1, "B": 1, "C": 1}, resources={"A": 8, "B": 8, "C": 8}, waves=2, capacity=10)
    codes = conflict_codes(**base, mandatory=["A", "B", "C"])
    assert codes["required_over_capacity"].params["days"] == "24"
    assert "24" in codes["required_over_capacity"].text("en") and "24" in codes["required_over_capacity"].text("he")
    codes = conflict_codes(**base, dependencies={"A": ["B"]}, locked={"A": 1, "B": 2})
    assert codes["locked_before_dependency"].params == {"service": "A", "wave": 1, "dependency": "B",
                                                         "dependency_wave": 2}
    codes = conflict_codes(**base, quick_wins=["A"], min_quick_wins=2)
    assert codes["quick_wins_too_few"].params == {"required": 2, "available": 1}
    codes = conflict_codes(**base, locked={"A": 3})
    assert "locked_wave_range" in codes
    codes = conflict_codes(values={"A": 1}, resources={"A": 12}, waves=2, capacity=10, mandatory=["A"])
    assert codes["too_large"].params == {"service": "A", "days": "12", "capacity": "10"}


def test_quick_wins_sharing_a_dependency_are_not_double_counted():
    # Q1 and Q2 both need D in wave 1: 8 + 1 + 1 = 10 days fit exactly (closures summed separately would be 18)
    plan = plan_waves({"Q1": 1, "Q2": 1, "D": 0.1}, {"Q1": 1, "Q2": 1, "D": 8}, waves=1, capacity=10,
                      dependencies={"Q1": ["D"], "Q2": ["D"]}, quick_wins=["Q1", "Q2"], min_quick_wins=2,
                      mip_rel_gap=0.0)
    assert plan.wave.to_dict() == {"Q1": 1, "Q2": 1, "D": 1}
    codes = conflict_codes(values={"Q1": 1, "Q2": 1}, resources={"Q1": 6, "Q2": 5}, waves=2, capacity=10,
                           quick_wins=["Q1", "Q2"], min_quick_wins=2)
    assert codes["quick_wins_capacity"].params == {"required": 2, "days": "11", "capacity": "10"}


def test_a_clash_the_prechecks_miss_is_named_by_constraint_group():
    # M (mandatory) needs D in an earlier wave; D fills most of wave 1, where a quick win Q is also required
    codes = conflict_codes(values={"M": 1, "D": 1, "Q": 1}, resources={"M": 1, "D": 8, "Q": 5}, waves=2,
                           capacity=10, dependencies={"M": ["D"]}, mandatory=["M"], quick_wins=["Q"],
                           min_quick_wins=1, same_wave=False)
    assert set(codes) == {"groups"}
    assert codes["groups"].params["groups"] == ["capacity", "dependencies", "mandatory", "quick_wins"]
    assert "quick wins in wave 1" in codes["groups"].text("en")


def test_plan_input_errors():
    with pytest.raises(AnalysisError, match="cycle"):
        plan_waves({"A": 1, "B": 1}, {"A": 1, "B": 1}, waves=1, capacity=5, dependencies={"A": ["B"], "B": ["A"]})
    with pytest.raises(AnalysisError, match="not among the services"):
        plan_waves({"A": 1}, {"A": 1}, waves=1, capacity=5, mandatory=["Z"])
    with pytest.raises(AnalysisError, match="0 or more"):
        plan_waves({"A": -1}, {"A": 1}, waves=1, capacity=5)
    with pytest.raises(AnalysisError, match="waves"):
        plan_waves({"A": 1}, {"A": 1}, waves=0, capacity=5)


# =========================================================================== analyse(engagement)
SERVICES = [
    ["service_id", "service_name", "unit", "effort", "benefit", "visibility", "annual_volume", "resources_days",
     "citizen_reach", "mandatory", "depends_on"],
    ["S1", "Parking permit", "Parking", 2, 5, 5, 12000, 10, 8000, "no", None],
    ["S2", "Property tax", "Revenue", 4, 4, 3, 30000, 25, 20000, "yes", "S1"],
    ["S3", "Welfare desk", "Welfare", 3, 2, 2, 800, 15, 600, "no", "S1, S2"],
    ["S4", "Building permit", "Engineering", 1, 4, 4, 3000, 5, 2500, "no", None],
    ["S5", "Bulky waste", "Sanitation", 1, 2, 5, 9000, 4, 7000, "no", None],
    ["S6", "Dog licence", "Veterinary", 5, 2, 1, 400, 30, 300, "no", None],
    ["S7", "Business licence", "Licensing", 2, 3, 4, 5000, 12, None, "no", "S4"],
]
CRITERIA = [["criterion", "direction", "weight"], ["benefit", "benefit", 0.5], ["visibility", "benefit", 0.2],
            ["effort", "cost", 0.3]]
PAIRWISE = [["criterion_a", "criterion_b", "value", "rater"],
            ["benefit", "visibility", 3, "Dana"], ["benefit", "effort", 2, "Dana"], ["visibility", "effort", "1/2", "Dana"],
            ["benefit", "visibility", 5, "Omer"], ["benefit", "effort", 1, "Omer"], ["effort", "visibility", 3, "Omer"]]


def engagement(tmp_path: Path, *, criteria=CRITERIA, pairwise=PAIRWISE, services=SERVICES, capacity=30, settings=()):
    sheets = english_sheets()
    sheets["Engagement"] = sheets["Engagement"] + [["waves", 3]] + ([["wave_capacity_days", capacity]] if capacity else [])
    sheets["Engagement"] += [list(row) for row in settings]
    sheets["Services"] = services
    if criteria:
        sheets["Criteria"] = criteria
    if pairwise:
        sheets["Pairwise"] = pairwise
    folder = tmp_path / "client"
    write_xlsx(folder / "intake.xlsx", sheets)
    return svcwork.load(folder)


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return analyse(engagement(tmp_path_factory.mktemp("prio")), n_samples=2000, seed=5)


def test_analyse_uses_ahp_from_the_pairwise_sheet_when_it_covers_the_criteria(result):
    # independent AIJ: element-wise geometric mean of the two raters' matrices (scipy), then AHP
    names = ["benefit", "visibility", "effort"]
    dana = pd.DataFrame([[1, 3, 2], [1 / 3, 1, 1 / 2], [1 / 2, 2, 1]], index=names, columns=names)
    omer = pd.DataFrame([[1, 5, 1], [1 / 5, 1, 1 / 3], [1, 3, 1]], index=names, columns=names)
    aij = pd.DataFrame(stats.gmean(np.stack([dana, omer]), axis=0), index=names, columns=names)
    expected = ahp_weights(aij)
    s = result.summary()
    assert s["method"] == "ahp"
    assert s["criteria_weights"] == pytest.approx(expected.weights.to_dict(), abs=1e-6)
    assert s["consistency_ratio"] == pytest.approx(expected.consistency_ratio, abs=1e-6)
    assert any("instead of the Criteria sheet" in n for n in s["notes"])


def test_summary_is_json_with_one_priority_per_service(result):
    s = json.loads(json.dumps(result.summary(), allow_nan=False))
    assert {"priorities", "criteria_weights", "consistency_ratio", "method"} <= set(s)
    pr = s["priorities"]
    assert [p["service_id"] for p in pr] == sorted((p["service_id"] for p in pr), key=lambda x: -result.score.scores[x])
    assert len(pr) == 7 and sorted(p["rank"] for p in pr) == list(range(1, 8))
    for p in pr:
        assert set(p) >= {"service_id", "score", "rank", "quadrant", "wave"}
        assert p["quadrant"] in {"quick_win", "major_project", "fill_in", "thankless"}
        assert p["wave"] is None or 1 <= p["wave"] <= 3
        assert (p["wave"] is None) == (p["deferred_reason"] is not None)
    # the score is the weighted sum of the normalised criteria shown in the contributions table
    w = s["criteria_weights"]
    s1 = (w["benefit"] * (5 - 1) / 4 + w["visibility"] * (5 - 1) / 4 + w["effort"] * (1 - (2 - 1) / 4))
    assert pr[0]["service_id"] == "S1" and pr[0]["score"] == pytest.approx(s1, abs=1e-6)


def test_the_roadmap_respects_the_intake(result):
    plan = result.plan
    wave = {s: (None if pd.isna(w) else int(w)) for s, w in plan.wave.items()}
    days = result.services["resources_days"].to_dict()
    for w in (1, 2, 3):
        assert sum(days[s] for s, x in wave.items() if x == w) <= 30
    assert wave["S2"] is not None  # mandatory
    for s, deps in {"S2": ["S1"], "S3": ["S1", "S2"], "S7": ["S4"]}.items():
        if wave[s] is not None:
            assert all(wave[d] is not None and wave[d] <= wave[s] for d in deps)
    visible_quick = [s for s in wave if result.quadrant[s] == "quick_win" and result.visible[s]]
    assert any(wave[s] == 1 for s in visible_quick)
    assert plan.value >= plan.greedy_value - 1e-9


def test_tables_trace_every_score_back_to_the_intake_row(result):
    tables = result.tables("en")
    c = tables["contributions"]
    sums = c.groupby("Service ID")["Contribution"].sum()
    for sid, score in result.score.scores.items():
        assert sums[sid] == pytest.approx(score, abs=1e-3)
    assert c.loc[c["Service ID"] == "S1", "Intake row"].unique().tolist() == [2]
    pri = tables["priorities"]
    assert pri["Reasoning"].str.len().min() > 20
    assert {"priorities", "weights", "ahp_matrix", "ahp_consistency", "rater_disagreement", "sensitivity",
            "reversals", "acceptability", "methods", "waves"} <= set(tables)
    assert "Dana" not in tables["rater_disagreement"].to_string()  # raters are never named


def test_hebrew_tables_figures_and_findings(result):
    tables = result.tables("he")
    for name, frame in tables.items():
        assert all(HEBREW.search(str(col)) for col in frame.columns), name
    assert HEBREW.search(tables["priorities"].iloc[0, -1])
    figs = result.figures("he")
    assert set(figs) == {"matrix", "sensitivity", "acceptability", "waves"}
    for name, fig in figs.items():
        assert isinstance(fig, Figure)
        assert fig.axes[0].xaxis_inverted(), name  # right-to-left
    assert not result.figures("en")["matrix"].axes[0].xaxis_inverted()
    for lang in ("en", "he"):
        found = result.findings(lang)
        assert 1 <= len(found) <= 5 and all(isinstance(x, str) and x for x in found)
    assert all(HEBREW.search(x) for x in result.findings("he"))


def test_analyse_without_criteria_uses_stated_defaults(english_client):
    res = analyse(svcwork.load(english_client), n_samples=500)
    s = res.summary()
    assert s["method"] == "default"
    assert s["criteria_weights"] == pytest.approx({"benefit": 1 / 3, "visibility": 1 / 3, "effort": 1 / 3})
    assert s["consistency_ratio"] is None
    assert res.plan_unit == "effort_points"
    assert any("effort score" in n for n in s["notes"])
    assert len(s["priorities"]) == 3


def test_analyse_a_hebrew_client(hebrew_client):
    res = analyse(svcwork.load(hebrew_client), n_samples=500)
    assert res.language == "he" and res.available
    assert all(HEBREW.search(x) for x in res.findings("he"))


def test_incomplete_pairwise_falls_back_to_direct_weights(tmp_path):
    eng = engagement(tmp_path, pairwise=PAIRWISE[:2])
    res = analyse(eng, n_samples=500)
    s = res.summary()
    assert s["method"] == "direct"
    assert s["criteria_weights"] == pytest.approx({"benefit": 0.5, "visibility": 0.2, "effort": 0.3})
    assert any("misses" in n for n in s["notes"])


def test_infeasible_roadmap_is_explained_not_raised(tmp_path):
    eng = engagement(tmp_path)
    res = analyse(eng, n_samples=500, locked={"S2": 1, "S1": 3})
    s = res.summary()
    assert s["waves"]["feasible"] is False and all(p["wave"] is None for p in s["priorities"])
    assert any("before its dependency" in c for c in s["waves"]["conflicts"])
    assert "plan_conflicts" in res.tables("he")
    assert any(HEBREW.search(x) and "S2" in x for x in res.findings("he"))
    assert isinstance(res.figures("en")["waves"], Figure)


def with_locks(locks: dict) -> list:
    """SERVICES with a locked_wave column (blank for the services not in *locks*)."""
    return [SERVICES[0] + ["locked_wave"]] + [row + [locks.get(row[0])] for row in SERVICES[1:]]


def test_a_service_locked_in_the_services_sheet_lands_in_its_wave(tmp_path, result):
    # without a lock S6 (high effort, low benefit) is deferred for low value; the lock puts it in wave 3
    assert pd.isna(result.plan.wave["S6"]) and result.summary()["waves"]["locked"] == {}
    assert not any("locked to a wave" in n for n in result.summary()["notes"])  # old workbooks: no column, no lock
    res = analyse(engagement(tmp_path, services=with_locks({"S6": 3})), n_samples=500, seed=5)
    assert res.plan.wave["S6"] == 3
    s = res.summary()
    assert s["waves"]["locked"] == {"S6": 3}
    assert next(p for p in s["priorities"] if p["service_id"] == "S6")["wave"] == 3
    assert any("Services sheet" in n and "S6 (3)" in n for n in s["notes"])
    reasoning = res.tables("en")["priorities"].set_index("Service ID")["Reasoning"]
    assert "wave 3 (locked by the consultant)" in reasoning["S6"]
    assert HEBREW.search(res.tables("he")["priorities"].iloc[0, -1])
    # the Python argument takes precedence over the sheet for the services it names
    res2 = analyse(engagement(tmp_path / "again", services=with_locks({"S6": 3})), n_samples=500, locked={"S6": 2})
    assert res2.plan.wave["S6"] == 2 and res2.summary()["waves"]["locked"] == {"S6": 2}


def test_a_lock_the_roadmap_cannot_honour_is_explained(tmp_path):
    # S2 depends on S1: locking S2 to wave 1 and S1 to wave 3 cannot hold
    res = analyse(engagement(tmp_path, services=with_locks({"S2": 1, "S1": 3})), n_samples=500)
    s = res.summary()
    assert s["waves"]["feasible"] is False and s["waves"]["locked"] == {"S2": 1, "S1": 3}
    assert any("S2 is locked to wave 1, before its dependency S1, which is locked to wave 3" in c
               for c in s["waves"]["conflicts"])
    assert any(HEBREW.search(x) and "S2" in x and "S1" in x for x in res.findings("he"))


def test_a_lock_beyond_the_engagements_waves_is_an_error_naming_the_row(tmp_path, hebrew_client):
    # wave 4 passes the intake (at most 12 waves) but this engagement has 3
    with pytest.raises(AnalysisError) as err:
        analyse(engagement(tmp_path, services=with_locks({"S3": 4})), n_samples=100)
    assert str(err.value) == ("Services sheet, row 4: service S3 is locked to wave 4 (locked_wave), but the roadmap "
                              "has 3 waves (Engagement sheet: waves). Expected a wave from 1 to 3, or a blank cell.")
    # a Hebrew workbook: the Hebrew column name, the message in Hebrew
    sheets = {k: [list(r) for r in v] for k, v in hebrew_sheets().items()}
    services = sheets["שירותים"]
    services[2].append("גל קבוע")
    services[3].append(None)
    services[4].append(5)
    write_xlsx(tmp_path / "he" / "intake.xlsx", sheets, rtl=True)
    with pytest.raises(AnalysisError, match="השירות S2 נקבע לגל 5") as err:
        analyse(svcwork.load(tmp_path / "he"), n_samples=100)
    assert "שורה 5" in str(err.value) and "בין 1 ל־3" in str(err.value)
    # above the largest number of waves the intake allows, the intake itself rejects the cell
    write_xlsx(tmp_path / "big" / "intake.xlsx", {**english_sheets(), "Services": with_locks({"S1": 13})})
    problems = svcwork.validate(tmp_path / "big").problems
    assert any(p.is_error and p.column == "locked_wave" and p.code == "out_of_range" for p in problems)


def test_the_engagement_sheets_quick_win_minimum_is_honoured(tmp_path):
    assert "min_quick_wins" in {f.name for f in dataclasses.fields(Settings)}, \
        "svcwork.intake.Settings needs a min_quick_wins field for the Engagement setting in svcwork/schema.py"
    # the visible quick wins (benefit > 3, effort < 3, visibility > 3) are S1 and S4
    base = analyse(engagement(tmp_path / "none"), n_samples=500)
    assert base.summary()["waves"]["min_quick_wins"] == 1  # blank: one, if one fits
    res = analyse(engagement(tmp_path / "two", settings=[["min_quick_wins", 2]]), n_samples=500)
    s = res.summary()
    assert s["waves"]["min_quick_wins"] == 2 and res.plan.wave["S1"] == 1 and res.plan.wave["S4"] == 1
    assert any("at least 2 visible quick wins" in n for n in s["notes"])
    # a hard minimum from the sheet is not quietly relaxed: three cannot be met and the clash is named
    res = analyse(engagement(tmp_path / "three", settings=[["min_quick_wins", 3]]), n_samples=500)
    s = res.summary()
    assert s["waves"]["feasible"] is False
    assert any("At least 3 visible quick wins are required in wave 1, but only 2 can go there" in c
               for c in s["waves"]["conflicts"])
    # 0 turns the minimum off; the argument overrides the sheet
    assert analyse(engagement(tmp_path / "zero", settings=[["min_quick_wins", 0]]),
                   n_samples=500).summary()["waves"]["min_quick_wins"] == 0
    assert analyse(engagement(tmp_path / "arg", settings=[["min_quick_wins", 3]]), n_samples=500,
                   min_quick_wins=2).summary()["waves"]["feasible"] is True


def test_the_smaa_concentration_and_seed_are_stated_in_the_findings_and_notes(result):
    for lang in ("en", "he"):
        robust = next(f for f in result.findings(lang) if "2,000" in f)
        assert "50" in robust and "5" in robust.replace("2,000", "")
        notes = result.tables(lang)["method_notes"].iloc[:, 0]
        assert notes.str.contains("2,000").any() and notes.str.contains("50").any()
    assert "Dirichlet distribution with concentration 50, random seed 5." in result.findings("en")[2]
    assert any("concentration 50" in n and "random seed 5;" in n for n in result.summary()["notes"])


def test_the_geometric_method_reports_the_gci_beside_the_cr(tmp_path, result):
    res = analyse(engagement(tmp_path), n_samples=500, ahp_method="geometric")
    s = res.summary()
    expected = ahp_weights(res.pairwise.aggregate, method="geometric")
    assert s["geometric_consistency_index"] == pytest.approx(expected.geometric_consistency_index, abs=1e-6)
    assert s["gci_threshold"] == 0.31 and s["consistency_ratio"] is not None
    table = res.tables("en")["ahp_consistency"].set_index("Measure")["Value"]
    assert table["GCI threshold (Aguarón & Moreno-Jiménez 2003)"] == "0.31"
    assert float(table["Geometric consistency index GCI (row geometric mean)"]) == pytest.approx(
        expected.geometric_consistency_index, abs=1e-3)
    assert any("geometric consistency index" in f for f in res.findings("en"))
    assert result.summary()["geometric_consistency_index"] is None  # the eigenvector method: CR only


def test_no_services_means_skipped(tmp_path):
    eng = engagement(tmp_path)
    empty = dataclasses.replace(eng, tables={**eng.tables, "Services": eng.tables["Services"].iloc[0:0]})
    res = analyse(empty)
    assert not res.available and res.summary()["priorities"] == []
    assert HEBREW.search(res.skipped("he")) and res.tables("en") == {} and res.figures("en") == {}
    assert res.findings("en") == [res.skipped("en")]


# =========================================================================== survey evidence (issue 5 -> issue 3)
def test_survey_focus_uses_the_mean_cross_hair_by_hand():
    from svcwork.prioritize import survey_focus
    got = survey_focus({"s1": 0.5, "S2": 0.2, "S3": 0.3, "X9": 0.9, "S4": float("nan")}, ["S1", "S2", "S3", "S4"])
    # matched ignoring case; X9 is no service; NaN ignored; mean (0.5 + 0.2 + 0.3) / 3 = 1/3: only S1 above it
    assert got.signal.to_dict() == {"S1": 0.5, "S3": 0.3, "S2": 0.2}
    assert got.mean == pytest.approx(1 / 3) and got.focus == ("S1",) and got.unknown == ("X9",)
    assert survey_focus(pd.Series({"S1": 0.4}), ["S1"]).focus == ()  # one service: no cross-hair
    assert survey_focus({"S1": 0.4, "S2": 0.4}, ["S1", "S2"]).focus == ()  # equal: none stands out
    for bad in ({"S1": 1.5}, {"S1": "high"}):
        with pytest.raises(AnalysisError, match="between 0 and 1"):
            survey_focus(bad, ["S1"])
    with pytest.raises(AnalysisError, match="mapping"):
        survey_focus([0.1, 0.2], ["S1", "S2"])


def test_benefit_signal_is_shown_beside_the_rank_and_never_changes_the_score(tmp_path, result):
    eng = engagement(tmp_path)
    signal = {"S3": 0.6, "S6": 0.5, "S1": 0.1, "S2": 0.2, "S4": 0.1}  # mean 0.3: S3 and S6 stand out
    res = analyse(eng, n_samples=2000, seed=5, benefit_signal=pd.Series(signal))
    # the score, ranks, acceptability and roadmap are those of the run without a signal
    pd.testing.assert_series_equal(res.score.scores, result.score.scores)
    pd.testing.assert_series_equal(res.score.rank, result.score.rank)
    pd.testing.assert_series_equal(res.plan.wave, result.plan.wave)
    assert res.acceptability.top.equals(result.acceptability.top)
    assert res.survey_focus == ("S3", "S6")
    s = json.loads(json.dumps(res.summary(), allow_nan=False))
    got = {p["service_id"]: p["survey_signal"] for p in s["priorities"]}
    assert got == {"S1": 0.1, "S2": 0.2, "S3": 0.6, "S4": 0.1, "S5": None, "S6": 0.5, "S7": None}
    assert s["survey_focus"] == ["S3", "S6"] and any("does not change the weighted score" in n for n in s["notes"])
    assert all(p["survey_signal"] is None for p in result.summary()["priorities"])  # not given: None
    pri = res.tables("en")["priorities"].set_index("Service ID")
    assert pri.loc["S3", "Survey: % not agreeing on the focus items"] == 60.0
    assert pd.isna(pri.loc["S5", "Survey: % not agreeing on the focus items"])
    assert "survey says concentrate here: 60%" in pri.loc["S3", "Reasoning"] and "mean 30%" in pri.loc["S3", "Reasoning"]
    assert "survey" not in pri.loc["S1", "Reasoning"]  # below the mean: no sentence
    assert "Survey: % not agreeing on the focus items" not in result.tables("en")["priorities"].columns
    later = [sid for sid in ("S3", "S6") if res._wave(sid) != 1]
    assert later  # S3 waits for S1 and S2; S6 is a thankless task
    for lang in ("en", "he"):
        found = res.findings(lang)
        assert 1 <= len(found) <= 5
        survey = [f for f in found if all(sid in f for sid in later)]
        assert len(survey) == 1 and ("wave 1" in survey[0] if lang == "en" else HEBREW.search(survey[0]))
    he = res.tables("he")["priorities"]
    assert all(HEBREW.search(str(c)) for c in he.columns)


def test_an_empty_survey_signal_adds_no_evidence(english_client):
    from svcwork import measures
    eng = svcwork.load(english_client)  # no survey companion file
    res = analyse(eng, n_samples=500, benefit_signal=measures.benefit_signal(eng))
    assert res.survey_focus == () and all(p["survey_signal"] is None for p in res.summary()["priorities"])
    assert any("no benefit signal" in n for n in res.summary()["notes"])
    with pytest.raises(AnalysisError, match="between 0 and 1"):
        analyse(eng, n_samples=500, benefit_signal={"S1": 40})  # a percentage, not a share


def test_a_capacity_for_each_wave_from_the_engagement_sheet(tmp_path):
    res = analyse(engagement(tmp_path / "ok", capacity=None, settings=[["wave_capacities", "20, 80, 10"]]),
                  n_samples=300)
    plan = res.plan
    assert tuple(plan.capacity) == (20.0, 80.0, 10.0)
    days = res.services["resources_days"]
    for w, cap in enumerate((20, 80, 10), start=1):  # every wave within its own capacity
        assert days[[s for s, v in plan.wave.items() if pd.notna(v) and v == w]].sum() <= cap
    # S2 (25 days, mandatory) cannot go into the 20-day first wave, and S1 (10 days) must precede it
    assert plan.wave["S2"] == 2 and plan.wave["S1"] == 1
    assert res.summary()["waves"]["capacity"] == [20.0, 80.0, 10.0]
    # as many figures as waves, all numbers: else the intake says so, with its row
    for bad, found in (("20, 80", 2), ("20, lots, 10", 3)):
        folder = tmp_path / f"bad{found}"
        sheets = english_sheets()
        sheets["Engagement"] = sheets["Engagement"] + [["waves", 3], ["wave_capacities", bad]]
        write_xlsx(folder / "intake.xlsx", sheets)
        problems = [p for p in svcwork.validate(folder).problems if p.code == "wave_capacities"]
        assert len(problems) == 1 and problems[0].is_error and problems[0].row is not None
        assert f"({found} entries)" in problems[0].message and problems[0].expected.startswith("3 numbers")
