"""The intervals of a change between two rounds (svcwork.since.stats): known answers, independent
implementations, simulation, and the verdict rule."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from svcwork.journeys.survival import km_quantiles
from svcwork.since.stats import (Difference, km_quantiles_weighted, newcombe, nps_difference, quantile_difference,
                                 quantile_differences, verdict, welch, welch_from_intervals)

# ------------------------------------------------------------------------------------------- Newcombe
#: Newcombe (1998), "Interval estimation for the difference between independent proportions: comparison
#: of eleven methods", Statistics in Medicine 17:873–890, Table II: the worked examples (a)–(f) and the
#: limits of method 10 (the hybrid score interval, from the two Wilson intervals without continuity
#: correction).  The same limits are the published-example tests of two independent implementations:
#: R package ratesci (tests/testthat/test3.R: example (d) by ``moverci(type="wilson")`` = −0.0381,
#: 0.1926; its −0.0326, 0.1933 is the Miettinen–Nurminen interval, method 6) and R package propint
#: (examples (a) and (b): 0.0524–0.3339, 0.1705–0.8090).
TABLE_II_METHOD_10 = [
    ((56, 70, 48, 80), (0.0524, 0.3339)),   # (a)
    ((9, 10, 3, 10), (0.1705, 0.8090)),     # (b)
    ((6, 7, 2, 7), (0.0582, 0.8062)),       # (c)
    ((5, 56, 0, 29), (-0.0381, 0.1926)),    # (d)
    ((0, 10, 0, 20), (-0.1611, 0.2775)),    # (e)
    ((10, 10, 0, 20), (0.6791, 1.0000)),    # (f)
]


@pytest.mark.parametrize(("counts", "limits"), TABLE_II_METHOD_10)
def test_newcombe_reproduces_the_published_worked_examples(counts, limits):
    x1, n1, x2, n2 = counts
    d = newcombe(x1, n1, x2, n2)
    assert d.method == "newcombe"
    assert d.value == pytest.approx(x1 / n1 - x2 / n2)
    assert (round(d.low, 4), round(d.high, 4)) == limits


def test_newcombe_is_not_the_miettinen_nurminen_interval():
    # the brief's −0.0326 … 0.1933 for example (d) is method 6 (Miettinen–Nurminen), not method 10
    d = newcombe(5, 56, 0, 29)
    assert round(d.low, 4) != -0.0326


def test_newcombe_agrees_with_statsmodels_everywhere():
    from statsmodels.stats.proportion import confint_proportions_2indep

    rng = np.random.default_rng(20260101)
    for _ in range(300):
        n1, n2 = (int(v) for v in rng.integers(1, 400, size=2))
        x1, x2 = int(rng.integers(0, n1 + 1)), int(rng.integers(0, n2 + 1))
        d = newcombe(x1, n1, x2, n2)
        low, high = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff")
        assert d.low == pytest.approx(max(low, -1), abs=1e-9) and d.high == pytest.approx(min(high, 1), abs=1e-9)


def test_newcombe_without_a_case_has_no_interval():
    assert newcombe(3, 10, 0, 0) == Difference(None, None, None, "newcombe")


# ------------------------------------------------------------------------------------------------ NPS
def test_nps_difference_unadjusted_is_the_difference_of_two_trinomial_estimates():
    # Var(NPS) = [p+ + p- − (p+ − p-)²] / n per round (the multinomial variance of p+ − p-; Rocks 2016)
    d = nps_difference(120, 80, 400, 90, 100, 300, adjusted=False)
    p1, q1, p2, q2 = 120 / 400, 80 / 400, 90 / 300, 100 / 300
    var = (p1 + q1 - (p1 - q1) ** 2) / 400 + (p2 + q2 - (p2 - q2) ** 2) / 300
    diff = (p1 - q1) - (p2 - q2)
    assert d.value == pytest.approx(100 * diff)
    assert d.low == pytest.approx(100 * (diff - 1.959963984540054 * math.sqrt(var)))
    assert d.high == pytest.approx(100 * (diff + 1.959963984540054 * math.sqrt(var)))


@pytest.mark.parametrize("adjusted", [True, False])
def test_nps_difference_holds_its_level_in_simulation(adjusted):
    """Two independent trinomial rounds with known shares: the simulated spread of the difference
    matches the variance formula, and the 95% interval covers the true difference 95% of the time."""
    rng = np.random.default_rng(7)
    (p1, q1, n1), (p2, q2, n2) = (0.35, 0.35, 400), (0.30, 0.40, 300)
    truth = 100 * ((p1 - q1) - (p2 - q2))
    a = rng.multinomial(n1, [p1, q1, 1 - p1 - q1], size=4000)
    b = rng.multinomial(n2, [p2, q2, 1 - p2 - q2], size=4000)
    sims = 100 * ((a[:, 0] - a[:, 1]) / n1 - (b[:, 0] - b[:, 1]) / n2)
    sd = 100 * math.sqrt((p1 + q1 - (p1 - q1) ** 2) / n1 + (p2 + q2 - (p2 - q2) ** 2) / n2)
    assert sims.std() == pytest.approx(sd, rel=0.04)
    covered = 0
    for (pa, qa, _), (pb, qb, _) in zip(a, b):
        d = nps_difference(pa, qa, n1, pb, qb, n2, adjusted=adjusted)
        covered += d.low <= truth <= d.high
    assert 0.935 <= covered / len(a) <= 0.965


def test_adjusted_nps_difference_contains_the_observed_difference_even_when_tiny():
    d = nps_difference(2, 0, 2, 0, 0, 1)
    assert d.low <= d.value <= d.high and d.high > d.low


# ---------------------------------------------------------------------------------------------- Welch
def test_welch_agrees_with_scipy():
    rng = np.random.default_rng(3)
    a, b = rng.normal(3.6, 0.9, 70), rng.normal(3.3, 1.3, 55)
    d = welch(a.mean(), a.var(ddof=1), len(a), b.mean(), b.var(ddof=1), len(b))
    ci = stats.ttest_ind(a, b, equal_var=False).confidence_interval(0.95)
    assert (d.low, d.high) == pytest.approx((ci.low, ci.high))
    assert d.value == pytest.approx(a.mean() - b.mean())


def test_welch_from_recorded_t_intervals_equals_welch_from_the_data():
    rng = np.random.default_rng(4)
    a, b = rng.normal(0.6, 0.5, 40), rng.normal(0.3, 0.4, 38)

    def t_interval(x):
        half = stats.t.ppf(0.975, len(x) - 1) * x.std(ddof=1) / math.sqrt(len(x))
        return x.mean(), x.mean() - half, x.mean() + half, len(x)

    d = welch_from_intervals(t_interval(a), t_interval(b))
    ci = stats.ttest_ind(a, b, equal_var=False).confidence_interval(0.95)
    assert (d.low, d.high) == pytest.approx((ci.low, ci.high))
    assert welch_from_intervals((1.0, None, None, 10), t_interval(b)).low is None


# -------------------------------------------------------------------------------- Kaplan–Meier, weighted
def test_weighted_km_quantiles_follow_the_journeys_rule_exactly():
    rng = np.random.default_rng(11)
    for _ in range(400):
        n = int(rng.integers(1, 80))
        days = np.round(rng.exponential(6, n), int(rng.integers(0, 3)))  # ties on purpose
        done = rng.random(n) < rng.random()
        expected = np.array(km_quantiles(days, done, (0.5, 0.9)))
        got = km_quantiles_weighted(days, done, np.ones((1, n)), (0.5, 0.9))[0]
        assert np.array_equal(expected, got, equal_nan=True)


def test_integer_weights_are_repeated_cases():
    rng = np.random.default_rng(12)
    days, done = rng.exponential(5, 30), rng.random(30) < 0.8
    w = rng.integers(0, 4, 30)
    expected = km_quantiles(np.repeat(days, w), np.repeat(done, w), (0.5, 0.9))
    got = km_quantiles_weighted(days, done, w[None, :], (0.5, 0.9))[0]
    assert np.allclose(expected, got, equal_nan=True)


# ------------------------------------------------------------------------------------------ bootstrap
def _cases(rng: np.random.Generator, n: int, scale: float, open_share: float = 0.15):
    """Case times (lognormal, median e² · scale days); a share of the cases opened late in the period, seen
    only up to their age (independent of their time), so some are still open: ``(days, finished)``."""
    days = scale * rng.lognormal(2.0, 0.8, n)
    age = np.where(rng.random(n) < open_share, rng.uniform(0, 30, n), np.inf)
    return np.minimum(days, age), days <= age


def test_the_bootstrap_reproduces_a_planted_median_shift():
    rng = np.random.default_rng(2026)
    previous, current = _cases(rng, 800, 1.0), _cases(rng, 800, 0.7)  # planted: 30% faster
    truth = math.exp(2.0) * (0.7 - 1.0)  # −2.22 days
    d = quantile_difference(current, previous, 0.5, n_boot=2000, seed=20260101, key="median")
    assert d.method == "bootstrap"
    assert d.value == pytest.approx(truth, abs=0.6)
    assert d.low < truth < d.high < 0
    assert verdict(d.low, d.high, "lower") == "better"
    # seeded and stated: the same seed gives the same interval, another seed another one
    assert quantile_difference(current, previous, 0.5, n_boot=2000, seed=20260101, key="median") == d
    assert quantile_difference(current, previous, 0.5, n_boot=2000, seed=1, key="median") != d


def test_median_and_nine_in_ten_come_from_the_same_resamples():
    rng = np.random.default_rng(5)
    previous, current = _cases(rng, 300, 1.0), _cases(rng, 300, 1.3)
    med, p90 = quantile_differences(current, previous, (0.5, 0.9), n_boot=500, seed=3, key="k")
    assert med == quantile_difference(current, previous, 0.5, n_boot=500, seed=3, key="k")
    assert med.value > 0 and p90.value > 0
    assert verdict(med.low, med.high, "lower") == "worse"


def test_pure_noise_is_no_clear_change():
    rng = np.random.default_rng(99)
    previous, current = _cases(rng, 600, 1.0), _cases(rng, 600, 1.0)  # the same distribution twice
    d = quantile_difference(current, previous, 0.5, seed=20260101, key="noise")
    assert d.low < 0 < d.high and verdict(d.low, d.high, "lower") == "no_change"


def test_the_bootstrap_interval_holds_its_level_on_noise():
    """Over many pairs of rounds from one distribution, about one in twenty calls a change (5%)."""
    rng = np.random.default_rng(100)
    calls = 0
    for i in range(60):
        d = quantile_difference(_cases(rng, 300, 1.0), _cases(rng, 300, 1.0), 0.5, n_boot=400, seed=i, key="n")
        calls += verdict(d.low, d.high, "lower") != "no_change"
    assert calls <= 8


def test_a_quantile_not_reached_leaves_the_interval_unbounded():
    days = np.arange(1.0, 41.0)
    done = np.arange(40) < 30  # a quarter still open: the 90th percentile is never reached
    d = quantile_difference((days, done), (days, np.ones(40, bool)), 0.9, n_boot=200, seed=1, key="x")
    assert d.value is None and d.low is None and d.high is None


# -------------------------------------------------------------------------------------------- verdict
@pytest.mark.parametrize(("low", "high", "direction", "expected"), [
    (0.5, 2.0, "higher", "better"), (0.5, 2.0, "lower", "worse"), (-2.0, -0.5, "lower", "better"),
    (-2.0, -0.5, "higher", "worse"), (-0.1, 2.0, "higher", "no_change"), (0.0, 2.0, "higher", "no_change"),
    (0.5, 2.0, None, "up"), (-2.0, -0.5, None, "down"), (None, None, "higher", "not_tested"),
    (None, -0.5, "lower", "better"), (0.3, None, "lower", "worse"), (None, 0.3, "lower", "no_change"),
    (float("nan"), float("nan"), "higher", "not_tested")])
def test_the_verdict_is_only_the_interval_and_the_good_direction(low, high, direction, expected):
    assert verdict(low, high, direction) == expected


def _clustered_round(rng, employees, level):
    """One round's observation scores of one item: employees observed 1–6 times, each with their own level."""
    y, groups = [], []
    for e in range(employees):
        own = level + rng.normal(0, 0.7)
        k = int(rng.integers(1, 7))
        y += list(own + rng.normal(0, 0.5, k))
        groups += [e] * k
    return np.asarray(y), np.asarray(groups)


def test_welch_from_cluster_robust_intervals_uses_their_own_degrees_of_freedom():
    """A cluster-robust interval (statsmodels CR1, t with G − 1 degrees of freedom; Cameron & Miller 2015) gives
    back statsmodels' standard error only with G − 1; the two are combined by Welch–Satterthwaite with
    each round's G − 1."""
    import statsmodels.api as sm

    rng = np.random.default_rng(21)
    rounds = []
    for employees, level in ((12, 3.6), (8, 3.2)):
        y, groups = _clustered_round(rng, employees, level)
        fit = sm.OLS(y, np.ones(len(y))).fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
        low, high = fit.conf_int(0.05)[0]
        rounds.append(((float(fit.params[0]), low, high, len(y), employees - 1), float(fit.bse[0]), employees - 1))
    (cur, se1, df1), (prev, se2, df2) = rounds
    v = se1 ** 2 + se2 ** 2
    df = v ** 2 / (se1 ** 4 / df1 + se2 ** 4 / df2)
    half = stats.t.ppf(0.975, df) * math.sqrt(v)
    d = welch_from_intervals(cur, prev)
    assert d.value == pytest.approx(cur[0] - prev[0])
    assert (d.low, d.high) == pytest.approx((cur[0] - prev[0] - half, cur[0] - prev[0] + half), rel=1e-9)
    # the df of a Student-t interval over n values, given or not, is n − 1: the four-field form is unchanged
    assert welch_from_intervals(cur[:4] + (cur[3] - 1,), prev[:4] + (prev[3] - 1,)) == welch_from_intervals(cur[:4],
                                                                                                       prev[:4])
    assert welch_from_intervals(cur[:4] + (0,), prev).low is None  # one cluster: no interval
