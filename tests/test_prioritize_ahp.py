"""svcwork.prioritize.ahp: AHP weights and the Pairwise sheet, checked against independent references.

Saaty's published wealth-of-nations example, power iteration for the principal eigenvector,
scipy's geometric mean for the row geometric mean and for the raters' aggregate (AIJ).
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from svcwork import AnalysisError
from svcwork.prioritize import RANDOM_INDEX, ahp_weights, pairwise_matrix


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
