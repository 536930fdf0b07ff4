"""Grouped survey tables (svcwork.measures.survey): a per-group loop with library intervals as the reference."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

from svcwork import AnalysisError
from svcwork import measures as M
from svcwork.measures.survey import _month


# =========================================================================== survey tables
def _survey(n: int = 600, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    latent = rng.normal(0, 1, n)
    frame = pd.DataFrame({
        "unit": rng.choice(["A", "B", "C"], n, p=[0.5, 0.3, 0.2]),
        "channel": rng.choice(["web", "counter"], n),
        "date": pd.Timestamp("2026-01-01") + pd.to_timedelta(rng.integers(0, 150, n), unit="D"),
    })
    for item in M.A11_ITEMS:
        x = np.clip(np.round(3.3 + latent + rng.normal(0, 1, n)), 1, 5)
        x[rng.random(n) < 0.1] = np.nan
        frame[item] = x
    frame["ces"] = np.clip(np.round(4 + latent + rng.normal(0, 1, n)), 1, 7)
    frame["nps"] = np.clip(np.round(7 + 2 * latent + rng.normal(0, 1.5, n)), 0, 10)
    frame["month"] = _month(frame["date"])
    return frame


def test_item_table_matches_a_per_group_loop_with_library_intervals():
    frame = _survey()
    tab = M.item_table(frame, by=("unit", "channel"), items=["satisfaction", "trust", "ces"])
    for (unit, channel), g in frame.groupby(["unit", "channel"]):
        for item in ("satisfaction", "trust", "ces"):
            lo, hi, cut = M.ITEM_SCALES[item]
            v = g[item].dropna().to_numpy()
            row = tab[(tab["unit"] == unit) & (tab["channel"] == channel) & (tab["item"] == item)].iloc[0]
            low, high = proportion_confint((v >= cut).sum(), len(v), method="wilson")
            s = (v - lo) * 100 / (hi - lo)
            mlow, mhigh = stats.t.interval(0.95, len(v) - 1, loc=s.mean(), scale=stats.sem(s))
            assert row["n"] == len(v) and row["agree"] == (v >= cut).sum()
            assert (row["low"], row["high"]) == pytest.approx((low, high))
            assert (row["mean_100"], row["mean_low"], row["mean_high"]) == pytest.approx((s.mean(), mlow, mhigh))


def test_weighted_item_table_uses_weighted_share_and_kish_effective_n():
    frame = _survey(300, seed=3)
    w = np.random.default_rng(1).uniform(0.5, 3, len(frame))
    tab = M.item_table(frame, items=["satisfaction"], weights=w)
    ok = frame["satisfaction"].notna().to_numpy()
    agree = (frame["satisfaction"].to_numpy()[ok] >= 4).astype(float)
    share = np.average(agree, weights=w[ok])
    n_eff = w[ok].sum() ** 2 / (w[ok] ** 2).sum()  # Kish (1965)
    low, high = proportion_confint(share * n_eff, n_eff, method="wilson")
    row = tab.iloc[0]
    assert row["pct_agree"] == pytest.approx(share) and row["n_eff"] == pytest.approx(n_eff)
    assert (row["low"], row["high"]) == pytest.approx((low, high))
    assert row["n"] == ok.sum()


def test_item_table_flags_unstable_estimates():
    frame = pd.DataFrame({"unit": ["big"] * 400 + ["small"] * 12,
                          "satisfaction": [5.0, 2.0] * 200 + [5.0, 1.0] * 6})
    tab = M.item_table(frame, by="unit", items=["satisfaction"]).set_index("unit")
    assert not tab.loc["big", "unstable"]  # n = 400: interval about 10 points wide
    assert tab.loc["small", "unstable"]  # n = 12: below 30 and an interval over 30 points wide


def test_item_table_rejects_scores_off_the_scale():
    with pytest.raises(AnalysisError, match="between 1 and 5"):
        M.item_table(pd.DataFrame({"satisfaction": [1.0, 6.0]}))
    with pytest.raises(AnalysisError, match="between 0 and 10; found 11"):
        M.nps_table(pd.DataFrame({"nps": [3.0, np.nan, 11.0]}))
    with pytest.raises(AnalysisError, match="unknown survey item"):
        M.item_table(pd.DataFrame({"satisfaction": [1.0]}), items=["happiness"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, 25), min_size=2, max_size=7), st.integers(2, 12), st.integers(0, 10_000))
def test_suppression_never_leaks_a_small_group(sizes, min_size, seed):
    rng = np.random.default_rng(seed)
    units = np.repeat([f"U{i}" for i in range(len(sizes))], sizes)
    frame = pd.DataFrame({"unit": units, "channel": rng.choice(["web", "phone"], len(units)),
                          "satisfaction": rng.integers(1, 6, len(units)).astype(float),
                          "nps": rng.integers(0, 11, len(units)).astype(float)})
    small = {f"U{i}" for i, s in enumerate(sizes) if 0 < s < min_size}
    for tab in (M.item_table(frame, by="unit", items=["satisfaction"], min_group_size=min_size),
                M.item_table(frame, by=("unit", "channel"), items=["satisfaction"], min_group_size=min_size),
                M.nps_table(frame, by="unit", min_group_size=min_size)):
        assert (tab["n"] >= min_size).all()
        assert not small & set(tab["unit"])
    # secondary suppression: what is hidden from the one-way table is 0 or at least min_size respondents
    tab = M.item_table(frame, by="unit", items=["satisfaction"], min_group_size=min_size)
    hidden = len(frame) - tab["n"].sum()
    assert hidden == 0 or hidden >= min_size or tab.empty


def test_compare_groups_colours_only_significant_differences():
    frame = pd.DataFrame({"unit": ["A"] * 200 + ["B"] * 200 + ["C"] * 200,
                          "satisfaction": [5.0] * 150 + [1.0] * 50 + [5.0] * 100 + [1.0] * 100
                          + [5.0] * 125 + [1.0] * 75})
    cmp_ = M.compare_groups(frame, group="unit", items=["satisfaction"]).set_index("unit")
    assert cmp_.loc["A", "status"] == "higher"  # 75% against 56% in B and C together
    assert cmp_.loc["B", "status"] == "lower"  # 50% against 69%
    assert cmp_.loc["C", "status"] == "same" and not cmp_.loc["C", "significant"]  # 62.5% against 62.5%
    # three units on one item: one family, each interval at the Bonferroni level 1 - 0.05/3 (Dunn 1961)
    assert (cmp_["family"] == 3).all() and cmp_["confidence"].to_numpy() == pytest.approx(1 - 0.05 / 3)
    single = M.compare_groups(frame, group="unit", items=["satisfaction"], simultaneous=False).set_index("unit")
    for unit, (a, rest_a) in {"A": (150, 225), "B": (100, 275), "C": (125, 250)}.items():
        low, high = confint_proportions_2indep(a, 200, rest_a, 400, method="newcomb", compare="diff",
                                               alpha=0.05 / 3)
        assert (cmp_.loc[unit, "low"], cmp_.loc[unit, "high"]) == pytest.approx((low, high))
        low, high = confint_proportions_2indep(a, 200, rest_a, 400, method="newcomb", compare="diff")
        assert (single.loc[unit, "low"], single.loc[unit, "high"]) == pytest.approx((low, high))
    assert cmp_.loc["A", "pct_all"] == pytest.approx(375 / 600)


def test_compare_groups_rarely_names_a_unit_when_none_differs():
    """A second method (simulation under the null): ten units drawn from one population of 60% satisfied.
    Each at 95% alone, about four reports in ten would name some unit "significantly" different; the family's
    simultaneous intervals keep it near the 5% promised (at most 5% + 3 binomial standard errors of 400 draws)."""
    rng = np.random.default_rng(20261207)
    units = np.repeat([f"U{i}" for i in range(10)], 60)
    flagged = {True: 0, False: 0}
    draws = 400
    for _ in range(draws):
        frame = pd.DataFrame({"unit": units, "satisfaction": np.where(rng.random(len(units)) < 0.6, 5.0, 1.0)})
        for simultaneous in (True, False):
            cmp_ = M.compare_groups(frame, group="unit", items=["satisfaction"], simultaneous=simultaneous)
            flagged[simultaneous] += bool(cmp_["significant"].any())
    assert flagged[True] / draws <= 0.05 + 3 * (0.05 * 0.95 / draws) ** 0.5
    assert flagged[False] / draws > 0.25  # the unadjusted rule this replaces


def test_compare_waves_orders_waves_by_date_and_tests_each_step():
    frame = pd.DataFrame({"wave": ["late"] * 100 + ["early"] * 100,
                          "date": [pd.Timestamp("2026-06-01")] * 100 + [pd.Timestamp("2026-01-01")] * 100,
                          "satisfaction": [5.0] * 80 + [1.0] * 20 + [5.0] * 50 + [1.0] * 50})
    w = M.compare_waves(frame, items=["satisfaction"]).iloc[0]
    assert (w["wave_from"], w["wave_to"], w["status"]) == ("early", "late", "up")
    low, high = confint_proportions_2indep(80, 100, 50, 100, method="newcomb", compare="diff")
    assert (w["low"], w["high"]) == pytest.approx((low, high))
