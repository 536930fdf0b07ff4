"""Proportions, differences, NPS and CES (svcwork.measures.intervals) against independent references.

References: statsmodels (Wilson, Newcombe), Newcombe 1998 Table II, a weighted mean of coded scores
(Rocks 2016), scipy's t interval.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint
from statsmodels.stats.weightstats import DescrStatsW

from svcwork import AnalysisError
from svcwork import measures as M


# =========================================================================== proportions
@pytest.mark.parametrize("x,n,conf", [(0, 10, 0.95), (1, 29, 0.95), (15, 148, 0.95), (81, 263, 0.95),
                                      (50, 50, 0.95), (7, 12, 0.90), (400, 1000, 0.99)])
def test_wilson_matches_statsmodels(x, n, conf):
    low, high = proportion_confint(x, n, alpha=1 - conf, method="wilson")
    got = M.wilson_interval(x, n, conf)
    assert got.value == pytest.approx(x / n)
    assert got.low == pytest.approx(low, abs=1e-12) and got.high == pytest.approx(high, abs=1e-12)


def test_wilson_is_vectorised_like_statsmodels():
    x = np.array([0, 3, 10, 47, 100])
    n = np.array([5, 20, 10, 90, 400])
    low, high = proportion_confint(x, n, method="wilson")
    got = M.wilson_interval(x, n)
    np.testing.assert_allclose(got.low, low, atol=1e-12)
    np.testing.assert_allclose(got.high, high, atol=1e-12)


def test_wilson_rejects_impossible_counts_and_confidence():
    assert math.isnan(M.wilson_interval(0, 0).value)
    with pytest.raises(AnalysisError, match="successes ≤ n"):
        M.wilson_interval(5, 3)
    with pytest.raises(AnalysisError, match="between 0 and 1"):
        M.wilson_interval(1, 3, confidence=95)
    with pytest.raises(AnalysisError, match="numbers"):
        M.wilson_interval("a few", 3)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 500), st.integers(1, 500), st.sampled_from([0.8, 0.9, 0.95, 0.99]))
def test_wilson_contains_estimate_and_shrinks_with_n(x, n, conf):
    x = min(x, n)
    one = M.wilson_interval(x, n, conf)
    assert one.low <= one.value <= one.high
    four = M.wilson_interval(4 * x, 4 * n, conf)  # same share, four times the sample
    assert four.high - four.low < one.high - one.low


# Newcombe RG (1998). Interval estimation for the difference between independent proportions:
# comparison of eleven methods. Stat Med 17:873–890, Table II, method 10 (score, no continuity correction).
NEWCOMBE_TABLE_II = [
    ((56, 70, 48, 80), (0.0524, 0.3339)),
    ((9, 10, 3, 10), (0.1705, 0.8090)),
    ((6, 7, 2, 7), (0.0582, 0.8062)),
    ((5, 56, 0, 29), (-0.0381, 0.1926)),
    ((0, 10, 0, 20), (-0.1611, 0.2775)),
    ((0, 10, 0, 10), (-0.2775, 0.2775)),
    ((10, 10, 0, 20), (0.6791, 1.0000)),
    ((10, 10, 0, 10), (0.6075, 1.0000)),
]


@pytest.mark.parametrize("counts,expected", NEWCOMBE_TABLE_II)
def test_newcombe_matches_published_table_ii(counts, expected):
    got = M.newcombe_interval(*counts)
    assert got.value == pytest.approx(counts[0] / counts[1] - counts[2] / counts[3])
    assert (round(got.low, 4), round(got.high, 4)) == expected


@pytest.mark.parametrize("counts", [c for c, _ in NEWCOMBE_TABLE_II[:4]] + [(130, 200, 110, 190)])
def test_newcombe_matches_statsmodels(counts):
    low, high = confint_proportions_2indep(*counts, method="newcomb", compare="diff")
    got = M.newcombe_interval(*counts)
    assert got.low == pytest.approx(low, abs=1e-10) and got.high == pytest.approx(high, abs=1e-10)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 60), st.integers(1, 60), st.integers(0, 60), st.integers(1, 60))
def test_newcombe_contains_the_difference(a, m, b, n):
    a, b = min(a, m), min(b, n)
    got = M.newcombe_interval(a, m, b, n)
    assert got.low - 1e-12 <= got.value <= got.high + 1e-12


# =========================================================================== NPS and CES
def test_nps_value_and_adjusted_wald_interval_match_a_weighted_mean_of_coded_scores():
    # Rocks (2016, The American Statistician 70(4)): the adjusted-Wald interval adds 3/4 to promoters
    # and detractors (so 3/2 to passives, 3 to n); its standard error is that of the mean of the scores
    # coded +1 / 0 / -1.  Second method: statsmodels' weighted descriptive statistics of the coded values.
    scores = np.array([10] * 23 + [9] * 12 + [8] * 10 + [7] * 8 + [6] * 5 + [3] * 7 + [0] * 4)
    got = M.nps(scores)
    pro, det, n = (scores >= 9).sum(), (scores <= 6).sum(), len(scores)
    assert got.value == pytest.approx(100 * (pro - det) / n)
    d = DescrStatsW(np.array([1.0, 0.0, -1.0]), weights=np.array([pro + 0.75, n - pro - det + 1.5, det + 0.75]),
                    ddof=0)
    half = stats.norm.ppf(0.975) * d.std / math.sqrt(d.sum_weights)
    assert got.low == pytest.approx(100 * (d.mean - half))
    assert got.high == pytest.approx(100 * (d.mean + half))
    assert got.n == n


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 40), st.integers(0, 40), st.integers(0, 40))
def test_nps_interval_contains_its_value(pro, pas, det):
    scores = [10] * pro + [7] * pas + [2] * det
    got = M.nps(scores)
    if scores:
        assert -100 <= got.low <= got.value <= got.high <= 100
    else:
        assert math.isnan(got.value)


def test_nps_rejects_scores_outside_0_10():
    with pytest.raises(AnalysisError, match="between 0 and 10"):
        M.nps([3, 11])


def test_interval_as_dict_is_plain_json_and_never_minus_zero():
    got = M.Interval(-1e-5, -0.2, np.float64(0.1), np.float64(5.0)).as_dict(2)
    assert json.dumps(got) == '{"value": 0.0, "low": -0.2, "high": 0.1, "n": 5}'
    assert M.Interval(float("nan"), 0.1, 0.2, 0).as_dict() == {"value": None, "low": 0.1, "high": 0.2, "n": 0}


def test_ces_mean_interval_matches_scipy():
    x = np.array([1, 2, 2, 3, 4, 4, 5, 5, 5, 6, 6, 7, 7, 7, 7])
    got = M.ces(x)
    low, high = stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=stats.sem(x))
    assert (got.value, got.low, got.high) == pytest.approx((x.mean(), low, high))
