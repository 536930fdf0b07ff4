"""The survey's change over the whole period (svcwork.measures: wave_change, cochran_armitage, welch_interval).

References: Agresti, *Categorical Data Analysis* (3rd ed. 2013), §3.4.6 — infant malformation and
mother's alcohol consumption, M² = 6.57 (P = 0.01) with scores 0, 0.5, 1.5, 4, 7; statsmodels'
``Table.test_ordinal_association`` (the linear-by-linear test, whose z is the Cochran–Armitage z
times √((N − 1)/N)); ``confint_proportions_2indep(method="newcomb")``; scipy's Welch t test
(``ttest_ind(equal_var=False).confidence_interval``) and statsmodels' ``CompareMeans``.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.contingency_tables import Table
from statsmodels.stats.proportion import confint_proportions_2indep
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

from svcwork import AnalysisError
from svcwork import measures as M
from svcwork.measures.intervals import cochran_armitage, welch_interval

# Agresti (2013) Table 3.7 (after Graubard & Korn 1987): malformation present / absent by alcohol per day
PRESENT = np.array([48, 38, 5, 1, 1])
ABSENT = np.array([17066, 14464, 788, 126, 37])
SCORES = [0, 0.5, 1.5, 4.0, 7.0]


def test_cochran_armitage_reproduces_agrestis_worked_example():
    n = PRESENT + ABSENT
    trend = cochran_armitage(PRESENT, n, SCORES)
    total = n.sum()
    m2 = trend.z ** 2 * (total - 1) / total  # Agresti's M² = (N − 1) r²
    assert m2 == pytest.approx(6.57, abs=0.005)
    assert trend.p == pytest.approx(0.0104, abs=0.0005)  # "P = 0.01"
    assert trend.z > 0 and trend.n == total


@pytest.mark.parametrize("seed", range(6))
def test_cochran_armitage_matches_statsmodels_linear_by_linear_test(seed):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(2, 7))
    n = rng.integers(20, 900, k)
    x = rng.binomial(n, np.clip(0.4 + 0.03 * np.arange(k) * rng.normal(), 0.05, 0.95))
    trend = cochran_armitage(x, n)
    ref = Table(np.c_[x, n - x]).test_ordinal_association(row_scores=np.arange(k, dtype=float),
                                                          col_scores=np.array([1.0, 0.0]))
    total = n.sum()
    assert trend.z * math.sqrt((total - 1) / total) == pytest.approx(ref.zscore, rel=1e-9)
    # the slope it tests: the least-squares slope of the outcome on the score over all trials
    outcome = np.repeat(np.tile([1.0, 0.0], k), np.c_[x, n - x].ravel())
    score = np.repeat(np.repeat(np.arange(k, dtype=float), 2), np.c_[x, n - x].ravel())
    assert trend.slope == pytest.approx(np.polyfit(score, outcome, 1)[0], rel=1e-9)


def test_cochran_armitage_edge_cases():
    assert math.isnan(cochran_armitage([3], [10]).z)  # one group: no trend to test
    assert math.isnan(cochran_armitage([0, 0, 0], [10, 12, 9]).z)  # no variation in the outcome
    with pytest.raises(AnalysisError):
        cochran_armitage([5, 11], [10, 10])


@pytest.mark.parametrize("seed", range(5))
def test_welch_interval_matches_scipy_and_statsmodels(seed):
    rng = np.random.default_rng(seed)
    a, b = rng.normal(60, 18, int(rng.integers(5, 400))), rng.normal(55, 30, int(rng.integers(5, 400)))
    got = welch_interval(a.mean(), a.var(ddof=1), len(a), b.mean(), b.var(ddof=1), len(b), 0.9)
    ref = stats.ttest_ind(a, b, equal_var=False).confidence_interval(0.9)
    assert (got.low, got.high) == pytest.approx((ref.low, ref.high), rel=1e-10)
    sm = CompareMeans(DescrStatsW(a), DescrStatsW(b)).tconfint_diff(alpha=0.1, usevar="unequal")
    assert (got.low, got.high) == pytest.approx(sm, rel=1e-10)
    assert got.value == pytest.approx(a.mean() - b.mean()) and got.n == len(a) + len(b)


def _waves(seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    parts = []
    for wave, date, p, n in (("W1", "2025-03-01", 0.50, 300), ("W2", "2025-09-01", 0.55, 340),
                             ("W3", "2026-03-01", 0.58, 420), ("W4", "2026-09-01", 0.60, 8)):
        parts.append(pd.DataFrame({"wave": wave, "date": pd.Timestamp(date),
                                   "trust": np.where(rng.random(n) < p, rng.integers(4, 6, n), rng.integers(1, 4, n)),
                                   "satisfaction": rng.integers(1, 6, n).astype(float)}))
    frame = pd.concat(parts, ignore_index=True)
    frame.loc[frame.index[::17], "satisfaction"] = np.nan
    return frame


def test_wave_change_against_independent_references():
    frame = _waves()
    got = M.wave_change(frame, items=["trust", "satisfaction"], min_group_size=10, confidence=0.95).set_index("item")
    # W4 has 8 answers, fewer than the minimum group: the period runs W1 → W3
    assert list(got["wave_first"]) == ["W1", "W1"] and list(got["wave_last"]) == ["W3", "W3"]
    assert list(got["waves"]) == [3, 3]
    for item in ("trust", "satisfaction"):
        sub = frame.dropna(subset=[item])
        first, last = sub[sub["wave"] == "W1"][item], sub[sub["wave"] == "W3"][item]
        a1, a3 = int((first >= 4).sum()), int((last >= 4).sum())
        low, high = confint_proportions_2indep(a3, len(last), a1, len(first), method="newcomb", compare="diff")
        r = got.loc[item]
        assert (r["n_first"], r["n_last"]) == (len(first), len(last))
        assert r["diff"] == pytest.approx(a3 / len(last) - a1 / len(first))
        assert (r["low"], r["high"]) == pytest.approx((low, high), abs=1e-10)
        # the mean score on 0–100: Welch, from the raw answers
        ref = stats.ttest_ind((last - 1) * 25, (first - 1) * 25, equal_var=False).confidence_interval(0.95)
        assert (r["mean_low"], r["mean_high"]) == pytest.approx((ref.low, ref.high), rel=1e-9)
        # the trend over the three waves shown, against statsmodels
        counts = [(int((sub[sub["wave"] == w][item] >= 4).sum()), int((sub["wave"] == w).sum()))
                  for w in ("W1", "W2", "W3")]
        table = np.array([[a, n - a] for a, n in counts])
        zs = Table(table).test_ordinal_association(row_scores=np.arange(3.0), col_scores=np.array([1.0, 0.0]))
        total = table.sum()
        assert r["trend_z"] * math.sqrt((total - 1) / total) == pytest.approx(zs.zscore, rel=1e-9)
        assert r["trend"] == ("up" if r["trend_p"] < 0.05 and r["trend_z"] > 0 else
                              "down" if r["trend_p"] < 0.05 else "same")
        assert r["status"] == ("up" if low > 0 else "down" if high < 0 else "same")


def test_wave_change_follows_a_given_order_and_needs_two_waves():
    frame = _waves()
    got = M.wave_change(frame, items=["trust"], order=["W3", "W1"], min_group_size=10)
    assert (got["wave_first"].iloc[0], got["wave_last"].iloc[0], got["waves"].iloc[0]) == ("W3", "W1", 2)
    assert M.wave_change(frame[frame["wave"] == "W1"], items=["trust"]).empty
    before = frame.copy()
    M.wave_change(frame, items=["trust"])
    pd.testing.assert_frame_equal(frame, before)  # inputs are never changed
