"""End-to-end time counting the cases still open (svcwork.journeys.survival): Kaplan–Meier quantiles
against a published worked example, a product-limit estimate written out here, statsmodels, and numpy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from svcwork.journeys.survival import km_by, km_quantiles

# The 6-MP arm of the acute-leukaemia trial of Freireich et al. (Blood 21, 1963): weeks in remission,
# "+" censored.  Worked in J. P. Klein & M. L. Moeschberger, Survival Analysis, 2nd ed. (2003), §1.2 and
# Table 4.1A, and in D. G. Kleinbaum & M. Klein, Survival Analysis: A Self-Learning Text (3rd ed., 2012),
# ch. 2, where the median remission time of the 6-MP group is 23 weeks.
SIX_MP = [6, 6, 6, "6+", 7, "9+", 10, "10+", "11+", 13, 16, "17+", "19+", "20+", 22, 23, "25+", "32+", "32+", "34+",
          "35+"]


def _six_mp() -> tuple[np.ndarray, np.ndarray]:
    days = np.array([float(str(x).rstrip("+")) for x in SIX_MP])
    finished = np.array([not str(x).endswith("+") for x in SIX_MP])
    return days, finished


def test_the_published_six_mp_example_worked_by_hand():
    # product limit, by hand: at 6 weeks 21 at risk, 3 relapses -> S = 18/21 = 0.857; at 7: 17 at risk, 1 -> 0.807;
    # at 10: 15, 1 -> 0.753; at 13: 12, 1 -> 0.690; at 16: 11, 1 -> 0.627; at 22: 7, 1 -> 0.538; at 23: 6, 1 -> 0.448.
    # S first at most 1/2 at 23 weeks (the published median), at most 3/4 at 13; never at most 1/10 (the last
    # relapse is at 23 weeks, later times are censored): the 90th percentile is not estimable
    days, finished = _six_mp()
    median, q25, p90 = km_quantiles(days, finished, (0.5, 0.25, 0.9))
    assert median == 23.0 and q25 == 13.0 and np.isnan(p90)
    from statsmodels.duration.survfunc import SurvfuncRight

    sf = SurvfuncRight(days, finished.astype(int))
    hand = np.cumprod([18 / 21, 16 / 17, 14 / 15, 11 / 12, 10 / 11, 6 / 7, 5 / 6])
    assert list(sf.surv_times) == [6, 7, 10, 13, 16, 22, 23]
    assert sf.surv_prob == pytest.approx(hand)
    assert hand.round(3).tolist() == [0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448]


def _product_limit(days: np.ndarray, finished: np.ndarray, p: float) -> float:
    """A second method, written out: the product-limit estimate over the distinct finishing times, and the first
    of them where the estimated share still open is at most 1 - p (exact fractions: no rounding)."""
    from fractions import Fraction

    s = Fraction(1)
    for time in sorted(set(days[finished])):
        at_risk = int((days >= time).sum())
        ended = int(((days == time) & finished).sum())
        s *= Fraction(at_risk - ended, at_risk)
        if s <= 1 - Fraction(p).limit_denominator(1000):
            return float(time)
    return float("nan")


@pytest.mark.parametrize("seed", range(40))
def test_quantiles_equal_a_product_limit_written_out_and_statsmodels(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 120))
    days = np.round(rng.exponential(8, n), 0)  # whole days: many ties, as in a case log
    finished = rng.random(n) < rng.uniform(0.3, 1.0)
    for p in (0.25, 0.5, 0.9):
        ours = km_quantiles(days, finished, (p,))[0]
        second = _product_limit(days, finished, p)
        assert (np.isnan(ours) and np.isnan(second)) or ours == second, (seed, p)
    # statsmodels' own quantile asks for S strictly below 1 - p: the same unless S lands on 1 - p exactly
    from statsmodels.duration.survfunc import SurvfuncRight

    if finished.any():
        sf = SurvfuncRight(days, finished.astype(int))
        for p in (0.25, 0.5, 0.9):
            if not np.any(np.isclose(sf.surv_prob, 1 - p, atol=1e-9)):
                theirs, ours = sf.quantile(p), km_quantiles(days, finished, (p,))[0]
                assert (np.isnan(theirs) and np.isnan(ours)) or theirs == ours, (seed, p)


def test_with_every_case_finished_the_quantile_is_the_inverse_empirical_distribution():
    # Hyndman & Fan (1996) definition 1 (numpy "inverted_cdf").  Twelve cases on days 1 … 12: S(6) = 1/2
    # exactly, so the median is 6 (at most 1/2); statsmodels' strict rule would give 7 on exact arithmetic but
    # gives 6 by rounding (its running product is 0.4999…) — the tolerance here makes it 6 by definition
    rng = np.random.default_rng(7)
    for n in range(1, 60):
        for days in (np.arange(1.0, n + 1), np.round(rng.exponential(5, n), 1)):
            for p in (0.25, 0.5, 0.75, 0.9):
                got = km_quantiles(days, np.ones(n, bool), (p,))[0]
                assert got == np.quantile(days, p, method="inverted_cdf"), (n, p)


def test_no_case_or_no_case_finished_gives_no_estimate():
    assert all(np.isnan(km_quantiles([], [])))
    assert all(np.isnan(km_quantiles([3.0, 5.0], [False, False])))
    assert km_quantiles([np.nan, 2.0, 4.0], [True, True, True]) == (2.0, 4.0)  # a missing time is left out


def test_per_group_quantiles_are_those_of_each_group():
    days, finished = _six_mp()
    frame = pd.DataFrame({"time_days": np.concatenate([days, days + 1]), "finished": np.concatenate([finished] * 2),
                          "g": ["a"] * len(days) + ["b"] * len(days), "m": ["x", "y"] * len(days)})
    by = km_by(frame, "g")
    assert by.loc["a", "median_days"] == 23.0 and by.loc["b", "median_days"] == 24.0 and by["p90_days"].isna().all()
    two = km_by(frame, ["g", "m"])
    for (g, m), row in two.iterrows():
        part = frame.loc[(frame["g"] == g) & (frame["m"] == m)]
        expected = km_quantiles(part["time_days"], part["finished"])
        assert row.tolist() == pytest.approx(list(expected), nan_ok=True)
    assert km_by(frame.iloc[0:0], "g").empty


@pytest.mark.parametrize("seed", range(12))
def test_per_group_quantiles_equal_each_group_estimated_alone(seed):
    # a second grouping: pandas' own iteration over the groups, each group's rows estimated on their own
    # (km_by sorts the rows once and splits them); many groups, ties, rows without a key, a categorical key
    rng = np.random.default_rng(seed)
    n = int(rng.integers(30, 400))
    frame = pd.DataFrame({
        "time_days": np.where(rng.random(n) < 0.05, np.nan, np.round(rng.exponential(6, n), 0)),
        "finished": rng.random(n) < rng.uniform(0.2, 1.0),
        "g": pd.Categorical(rng.choice(["a", "b", "c", "d", None], n), categories=["d", "c", "b", "a", "z"]),
        "m": rng.choice(["2026-01", "2026-02", "2026-03"], n),
    })
    for keys in ("g", "m", ["g", "m"], ["m", "g"]):
        got = km_by(frame, keys)
        parts = dict(iter(frame.groupby(keys if isinstance(keys, list) else keys, sort=True, observed=True)))
        assert list(got.index) == list(parts), keys
        for key, part in parts.items():
            expected = km_quantiles(part["time_days"], part["finished"])
            assert got.loc[key].tolist() == pytest.approx(list(expected), nan_ok=True), (keys, key)
