"""Service measurement and control (svcwork.measures): every statistic against an independent reference.

References: statsmodels / scipy where they implement the method; published worked examples
(Newcombe 1998 Table II; NIST/SEMATECH e-Handbook §6.3.2.2; Montgomery's orange-juice p-chart);
brute-force second implementations (LMG over all orderings with statsmodels OLS; Johnson's
relative weights from the SVD of the data); hand-derived answers for constructed series.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.collections import LineCollection
from scipy import optimize, stats
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint
from statsmodels.stats.weightstats import DescrStatsW

from conftest import EVENTLOGS, english_sheets, write_xlsx
from svcwork import AnalysisError, load
from svcwork import measures as M
from svcwork.intake import load_companion

HEBREW = re.compile(r"[\u0590-\u05ff]")


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


def test_ces_mean_interval_matches_scipy():
    x = np.array([1, 2, 2, 3, 4, 4, 5, 5, 5, 6, 6, 7, 7, 7, 7])
    got = M.ces(x)
    low, high = stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=stats.sem(x))
    assert (got.value, got.low, got.high) == pytest.approx((x.mean(), low, high))


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
    frame["month"] = M._month(frame["date"])
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
    for unit, (a, rest_a) in {"A": (150, 225), "B": (100, 275), "C": (125, 250)}.items():
        low, high = confint_proportions_2indep(a, 200, rest_a, 400, method="newcomb", compare="diff")
        assert (cmp_.loc[unit, "low"], cmp_.loc[unit, "high"]) == pytest.approx((low, high))
    assert cmp_.loc["A", "pct_all"] == pytest.approx(375 / 600)


def test_compare_waves_orders_waves_by_date_and_tests_each_step():
    frame = pd.DataFrame({"wave": ["late"] * 100 + ["early"] * 100,
                          "date": [pd.Timestamp("2026-06-01")] * 100 + [pd.Timestamp("2026-01-01")] * 100,
                          "satisfaction": [5.0] * 80 + [1.0] * 20 + [5.0] * 50 + [1.0] * 50})
    w = M.compare_waves(frame, items=["satisfaction"]).iloc[0]
    assert (w["wave_from"], w["wave_to"], w["status"]) == ("early", "late", "up")
    low, high = confint_proportions_2indep(80, 100, 50, 100, method="newcomb", compare="diff")
    assert (w["low"], w["high"]) == pytest.approx((low, high))


# =========================================================================== raking
def test_raking_matches_margins_and_keeps_the_sample_odds_ratio():
    # IPF keeps the sample's interactions (cross-product ratios) while fitting the margins (Deming &
    # Stephan 1940; Bishop, Fienberg & Holland 1975 §3.6).  For a 2×2 table that pins the answer down:
    # the raked count of the first cell solves the odds-ratio equation, found here by root finding.
    cells = {("web", "A"): 40, ("web", "B"): 30, ("counter", "A"): 20, ("counter", "B"): 10}
    frame = pd.DataFrame([k for k, c in cells.items() for _ in range(c)], columns=["channel", "unit"])
    margins = {"channel": {"web": 500.0, "counter": 500.0}, "unit": {"A": 300.0, "B": 700.0}}
    w = M.rake(frame, margins)
    table = w.groupby([frame["channel"], frame["unit"]]).sum()
    assert w.groupby(frame["channel"]).sum().to_dict() == pytest.approx(margins["channel"])
    assert w.groupby(frame["unit"]).sum().to_dict() == pytest.approx(margins["unit"])
    odds = (40 * 10) / (30 * 20)
    m11 = optimize.brentq(lambda a: a * (1000 - 500 - 300 + a) / ((500 - a) * (300 - a)) - odds, 1e-9, 300 - 1e-9)
    assert table[("web", "A")] == pytest.approx(m11, rel=1e-7)


def test_raking_refuses_categories_without_a_total():
    frame = pd.DataFrame({"unit": ["A", "B", "Z"]})
    with pytest.raises(AnalysisError, match="no known total for unit = Z"):
        M.rake(frame, {"unit": {"A": 1.0, "B": 2.0}})
    with pytest.raises(AnalysisError, match="no response for unit = C"):
        M.rake(frame.iloc[:2], {"unit": {"A": 1.0, "B": 2.0, "C": 3.0}})


# =========================================================================== comments
@pytest.mark.parametrize("number,valid", [("123456782", True), ("000000018", True), ("12345678-2", True),
                                          ("123456789", False), ("000000019", False), ("0", False),
                                          ("12a456782", False)])
def test_israeli_id_check_digit(number, valid):
    # Check digit: digits × 1,2,1,2,… with two-digit products summed, total ≡ 0 (mod 10);
    # 123456782 and 000000018 are the usual valid examples, changing the last digit breaks them.
    assert M.valid_israeli_id(number) is valid


def test_redaction_removes_personal_details_in_english_and_hebrew():
    texts = pd.Series([
        "Hi Dana, thanks! Call me on 050-123-4567 or mail dana.cohen@example.org",
        "My ID is 123456782 and my case is 123456789",
        "Dear Mr. Smith, the form is broken",
        "Hello team, great service",
        "שלום משה כהן, הטלפון שלי 03-1234567",
        "תודה לרחל מהמוקד ולנציגה שענתה",
        "הפקידה הייתה אדיבה מאוד",
        None,
    ])
    out = M.redact(texts, lang="en")
    assert out[0] == "Hi [name], thanks! Call me on [phone] or mail [e-mail]"
    # invalid check digit: not an Israeli ID, but a long number may still point at one citizen (a case number)
    assert out[1] == "My ID is [ID number] and my case is [number]"
    assert out[2] == "Dear Mr. [name], the form is broken"
    assert out[3] == texts[3]
    assert out[4] == "שלום [name], הטלפון שלי [phone]"
    assert out[5] == "תודה ל[name] מהמוקד ולנציגה שענתה"
    assert out[6] == texts[6]  # "הי" inside "הייתה" is not a greeting
    assert pd.isna(out[7])
    assert M.redact(["+972 52 123 4567"], lang="he")[0] == "[טלפון]"
    assert list(M.redact(["customer C05550199 here", "waited 45 minutes, 3 times", "room 12, 2026"], lang="en")) == [
        "customer [number] here", "waited 45 minutes, 3 times", "room 12, 2026"]
    assert texts[0].startswith("Hi Dana")  # input untouched


def test_theme_coding_hebrew_prefixes_english_stems_and_an_extended_frame():
    comments = pd.Series(["Waited two hours in the queue", "חיכיתי בתור שעתיים", "The website kept logging me out",
                          "האתר קרס", "Great and kind staff", "שירות טוב", "", None])
    coded = M.code_themes(comments)
    assert coded.loc[0, "waiting"] and coded.loc[1, "waiting"]
    assert coded.loc[2, "digital"] and coded.loc[3, "digital"]  # "האתר" = ה + אתר
    assert not coded.loc[6].any() and not coded.loc[7].any()
    frame = M.DEFAULT_CODE_FRAME.extend(M.Theme("parking", "Parking", "חניה", ("parking", "חנייה")),
                                        M.Theme("waiting", "", "", ("סבב",)))
    coded = M.code_themes(pd.Series(["no parking at all", "בלי חנייה", "עוד סבב"]), frame)
    assert coded["parking"].tolist() == [True, True, False] and coded.loc[2, "waiting"]
    tab = M.theme_table(comments).set_index("theme")
    assert tab.loc["waiting", "mentions"] == 2 and tab.loc["waiting", "comments"] == 6
    low, high = proportion_confint(2, 6, method="wilson")
    assert (tab.loc["waiting", "low"], tab.loc["waiting", "high"]) == pytest.approx((low, high))


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


# =========================================================================== control charts
def test_xmr_limits_match_nist_handbook_example():
    # NIST/SEMATECH e-Handbook of Statistical Methods §6.3.2.2 (flow rate, 10 batches):
    # x̄ = 50.81, MR̄ = 1.8778, UCL = 55.8041, LCL = 45.8159.
    lim = M.xmr_limits([49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1])
    assert lim.centre == pytest.approx(50.81)
    assert lim.mr_bar == pytest.approx(1.8778, abs=5e-5)
    assert lim.upper == pytest.approx(55.8041, abs=5e-5) and lim.lower == pytest.approx(45.8159, abs=5e-5)
    assert lim.mr_upper == pytest.approx(3.267 * 1.877778, abs=1e-4)
    assert round(M.E2, 2) == 2.66 and M.D4 == 3.267  # Wheeler's constants for n = 2


def test_xmr_needs_two_values():
    with pytest.raises(AnalysisError, match="at least 2"):
        M.xmr_limits([3.0, np.nan])


# Montgomery, Introduction to Statistical Quality Control: orange-juice cans, 30 samples of 50,
# p̄ = 0.2313, UCL = 0.4102, LCL = 0.0524; samples 15 and 23 plot above the upper limit.
ORANGE_JUICE = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13,
                9, 6]


def test_p_chart_matches_montgomerys_example():
    pc = M.p_chart(ORANGE_JUICE, [50] * 30)
    assert pc.centre == pytest.approx(0.2313, abs=5e-5)
    assert pc.upper[0] == pytest.approx(0.4102, abs=5e-5) and pc.lower[0] == pytest.approx(0.0524, abs=5e-5)
    assert not pc.laney
    signals = M.western_electric(pc.p, pc.centre, pc.sigma)
    assert sorted(signals.loc[signals["rule"] == 1, "position"] + 1) == [15, 23]


def test_p_chart_limits_follow_each_sample_size():
    counts, sizes = np.array([10, 30, 5, 60]), np.array([100, 400, 50, 500])
    pc = M.p_chart(counts, sizes)
    pbar = counts.sum() / sizes.sum()
    np.testing.assert_allclose(pc.upper, pbar + 3 * np.sqrt(pbar * (1 - pbar) / sizes))
    assert np.all(np.diff(pc.upper[np.argsort(sizes)]) <= 0)  # larger samples, narrower limits


def test_p_chart_with_varying_n_matches_montgomerys_purchase_order_example():
    # Montgomery, Introduction to Statistical Quality Control (6th ed.), Example 7.4 / Table 7.4:
    # purchase orders with errors over 25 days, sample sizes 80–120.  Published: p̄ = 0.096;
    # n = 100: UCL 0.184, LCL 0.008; n = 80: UCL 0.195; n = 120: UCL 0.177 (computed in the book
    # from p̄ rounded to 0.096, hence the tolerance).
    sizes = [100, 80, 80, 100, 110, 110, 100, 100, 90, 90, 110, 120, 120, 120, 110, 80, 80, 80, 90, 100, 100,
             100, 100, 90, 90]
    errors = [12, 8, 6, 9, 10, 12, 11, 16, 10, 6, 20, 15, 9, 8, 6, 8, 10, 7, 5, 8, 5, 8, 10, 6, 9]
    pc = M.p_chart(errors, sizes)
    assert pc.centre == pytest.approx(0.096, abs=5e-4)
    at = {n: i for i, n in enumerate(sizes)}
    assert pc.upper[at[100]] == pytest.approx(0.184, abs=1.5e-3)
    assert pc.lower[at[100]] == pytest.approx(0.008, abs=1.5e-3)
    assert pc.upper[at[80]] == pytest.approx(0.195, abs=1.5e-3)
    assert pc.upper[at[120]] == pytest.approx(0.177, abs=1.5e-3)
    assert pc.lower[at[80]] == 0.0  # 0.096 − 3·0.033 < 0: clipped to zero


def test_laney_p_prime_with_equal_sizes_is_the_individuals_chart_of_the_proportions():
    # Laney (2002): with a constant n the p′ chart reduces to the XmR chart of the p's.
    rng = np.random.default_rng(0)
    sizes = np.full(24, 20_000)
    p = np.clip(0.3 + rng.normal(0, 0.02, 24), 0, 1)
    pc = M.p_chart(p * sizes, sizes)
    assert pc.laney and pc.sigma_z > 3  # strongly overdispersed for a binomial with n = 20,000
    lim = M.xmr_limits(p)
    np.testing.assert_allclose(pc.upper, lim.upper, atol=1e-12)
    np.testing.assert_allclose(pc.lower, lim.lower, atol=1e-12)


@pytest.mark.parametrize("series,expected", [
    ([0, 0.5, 3.5, 0, -0.2], [(2, 1)]),
    ([0, 2.5, 0.5, 2.2, 0], [(3, 2)]),
    ([0, -2.5, -2.1, 0], [(2, 2)]),
    ([1.5, 1.2, 0.2, 1.1, 1.3, 0], [(4, 3)]),
    ([0.5] * 9, [(7, 4), (8, 4)]),
    ([-0.3] * 8 + [0.4], [(7, 4)]),
    ([0.5, -0.5] * 10, []),
])
def test_western_electric_rules_on_constructed_series(series, expected):
    got = M.western_electric(series, 0.0, 1.0, periods=[f"P{i}" for i in range(len(series))])
    assert list(zip(got["position"], got["rule"])) == expected
    assert list(got["period"]) == [f"P{i}" for i, _ in expected]


def test_western_electric_uses_varying_sigma():
    got = M.western_electric([0.3, 0.5], [0.2, 0.2], [0.1, 0.05])  # z = 1, then 6
    assert list(zip(got["position"], got["rule"])) == [(1, 1)]


def _kpis() -> tuple[pd.DataFrame, pd.DataFrame]:
    kpis = pd.DataFrame({"kpi_id": ["K1", "K2", "K3", "K4"], "kpi_name": ["a", "b", "c", "d"],
                         "direction": ["higher", "lower", "higher", "higher"], "target": [0.8, 10, 50, 82],
                         "kind": ["proportion", "mean", "count", pd.NA], "owner": ["o1", None, None, None]})
    periods = pd.date_range("2025-01-01", periods=12, freq="MS")
    rows = []
    for i, per in enumerate(periods):
        rows.append(("K1", per, 0.85 + (0.1 if i == 6 else 0.0) + 0.002 * (i % 3), 200.0))  # met, spike at 6
        rows.append(("K2", per, 12 + 0.3 * ((-1) ** i), np.nan))  # stable, misses a "lower" target
        rows.append(("K3", per, 48.0 + (i % 2), np.nan))  # count, close to target
        rows.append(("K4", per, 0.80 + 0.001 * (i % 2), 500.0))  # percent given as share, kind inferred
    return kpis, pd.DataFrame(rows, columns=["kpi_id", "period", "value", "n"])


def test_kpi_scorecard_calls_out_control_against_target():
    kpis, values = _kpis()
    card = M.kpi_scorecard(kpis, values)
    s = card.table.set_index("kpi_id")
    assert s.loc["K1", "met"] and not s.loc["K1", "in_control"] and s.loc["K1", "callout"] == "met_out_of_control"
    assert list(card.charts["K1"].signals["period"]) == [pd.Timestamp("2025-07-01")]
    assert s.loc["K2", "met"] is False or s.loc["K2", "met"] == False  # noqa: E712
    assert s.loc["K2", "in_control"] and s.loc["K2", "callout"] == "missed_in_control"
    assert s.loc["K2", "light"] == "red" and s.loc["K2", "method"] == "xmr"
    assert s.loc["K3", "light"] == "amber"  # 49 vs 50: within 5% of the target
    assert s.loc["K4", "kind"] == "proportion" and s.loc["K4", "method"] == "p"
    assert s.loc["K1", "last"] == pytest.approx(0.85 + 0.002 * (11 % 3))


def test_kpi_trend_uses_theil_sen():
    kpis = pd.DataFrame({"kpi_id": ["K"], "direction": ["lower"], "target": [5.0], "kind": ["mean"]})
    values = pd.DataFrame({"kpi_id": "K", "period": pd.date_range("2025-01-01", periods=10, freq="MS"),
                           "value": np.arange(10, 0, -1.0)})
    row = M.kpi_scorecard(kpis, values).table.iloc[0]
    assert stats.theilslopes(values["value"])[0] < 0 and row["trend"] == "improving"


# =========================================================================== service standards
def test_standards_share_from_a_case_log():
    t0 = pd.Timestamp("2026-01-01T08:00:00Z")
    rows = []
    for i, (first, total, svc) in enumerate([(1, 3, "S1"), (3, 5, "S1"), (0.5, 20, "S2"), (2, 2, "S2")]):
        rows += [(f"C{i}", "received", t0, svc, "web"),
                 (f"C{i}", "answered", t0 + pd.Timedelta(days=first), None, None),
                 (f"C{i}", "closed", t0 + pd.Timedelta(days=total), None, None)]
    rows.append(("C9", "received", t0, "S1", "web"))  # one event, open: no first response
    cases = pd.DataFrame(rows, columns=["case_id", "activity", "timestamp", "service_id", "channel"])
    standards = pd.DataFrame({"service_id": ["*", "S1"], "measure": ["first_response_days", "resolution_days"],
                              "target": [2.0, 4.0], "channel": ["*", "*"]})
    got = M.standards_share(cases, standards).set_index("measure")
    assert (got.loc["first_response_days", "n"], got.loc["first_response_days", "met"]) == (4, 3)
    # S1 within 4 days: C0 closed in 3 (met), C1 closed in 5 (not), C9 still open 20 days after it came in
    # (the log ends at day 20): older than the target, so not met either
    assert (got.loc["resolution_days", "n"], got.loc["resolution_days", "met"]) == (3, 1)
    assert got.loc["resolution_days", "pending"] == 0
    default = M.standards_share(cases, standards.iloc[:1], default_resolution_days=10)
    # all services within 10 days: C0, C1, C3 met; C2 (20 days) and open C9 (20 days old) not
    row = default.set_index("measure").loc["resolution_days"]
    assert (row["n"], row["met"], row["pending"]) == (5, 3, 0)
    generous = M.standards_share(cases, standards.iloc[:1], default_resolution_days=25).set_index("measure")
    # within 25 days every closed case is met and C9 (20 days old) may still make it: pending, not counted
    assert tuple(generous.loc["resolution_days", ["n", "met", "pending"]]) == (4, 4, 1)


def test_an_open_case_never_counts_as_resolved():
    """Notes on an open case are not a resolution: the case is judged by its age at the log's end."""
    t0 = pd.Timestamp("2026-03-01T08:00:00Z")
    cases = pd.DataFrame([("A", "received", t0), ("A", "note added", t0 + pd.Timedelta(hours=2)),
                          ("B", "received", t0), ("B", "closed", t0 + pd.Timedelta(days=1)),
                          ("C", "received", t0 + pd.Timedelta(days=9)), ("C", "closed", t0 + pd.Timedelta(days=10))],
                         columns=["case_id", "activity", "timestamp"])
    row = M.standards_share(cases, None, default_resolution_days=3).iloc[0]
    # A is open and 10 days old at the log's end (day 10): not met; B and C were closed within a day
    assert (row["n"], row["met"], row["pending"]) == (3, 2, 0)
    with_outcome = cases.assign(activity="step", outcome=[None, None, None, "granted", None, "granted"])
    assert M.standards_share(with_outcome, None, default_resolution_days=3).iloc[0]["met"] == 2


def test_standards_share_on_the_real_receipt_log():
    cases = load_companion("cases", EVENTLOGS / "receipt.csv")
    got = M.standards_share(cases, None, default_resolution_days=14).iloc[0]
    # second computation: per case, last minus first event time, with pandas' own groupby/agg
    span = cases.groupby("case_id")["timestamp"].agg(["min", "max", "count"])
    days = ((span["max"] - span["min"]) / pd.Timedelta(days=1))[span["count"] >= 2]
    assert got["n"] == len(days) and got["met"] == int((days <= 14).sum())


# =========================================================================== the engagement analysis
def _survey_file(n: int = 400, seed: int = 0, *, tiny_unit: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    latent = rng.normal(0, 1, n)
    units = rng.choice(["Parking", "Revenue"], n)
    units[:tiny_unit] = "Tiny"
    frame = pd.DataFrame({"response_id": np.arange(n), "unit": units,
                          "date": (pd.Timestamp("2026-01-05") + pd.to_timedelta(rng.integers(0, 170, n), unit="D"))
                          .strftime("%Y-%m-%d"),
                          "channel": rng.choice(["web", "דלפק"], n),
                          "service_id": np.where(units == "Revenue", "S2", "S1")})
    for item in M.A11_ITEMS:
        frame[item] = np.clip(np.round(3.2 + latent + rng.normal(0, 0.9, n) + 0.4 * (units == "Revenue")), 1, 5)
    frame["nps"] = np.clip(np.round(7 + 2 * latent), 0, 10)
    frame["ces"] = np.clip(np.round(4 + latent + rng.normal(0, 1, n)), 1, 7)
    comments = ["Waited too long, call me 054-7654321", "שלום רב, האתר לא עבד", "", "Hi Noa, thank you!"]
    frame["comment"] = [comments[i % 4] for i in range(n)]
    return frame


@pytest.fixture
def full_client(tmp_path: Path) -> Path:
    folder = tmp_path / "measured"
    sheets = english_sheets()
    sheets["Channels"] = [["service_id", "channel", "available", "share_pct"], ["S1", "counter", "yes", 50],
                          ["S1", "web", "yes", 50], ["S2", "counter", "yes", 80], ["S2", "web", "yes", 20]]
    kv = [["kpi_id", "period", "value", "n"]]
    for i in range(14):
        kv.append(["K1", f"{2025 + i // 12}-{i % 12 + 1:02d}", 0.7 + 0.01 * (i % 3), 1000])
    sheets["KPI values"] = kv
    sheets["Standards"] = [["service_id", "measure", "target", "channel"], ["*", "resolution_days", 3, "*"]]
    write_xlsx(folder / "intake.xlsx", sheets)
    _survey_file().to_csv(folder / "survey.csv", index=False)
    t0 = pd.Timestamp("2026-02-01T09:00:00Z")
    cases = [(f"C{i}", a, (t0 + pd.Timedelta(days=d * (1 + i % 5))).isoformat())
             for i in range(30) for a, d in (("received", 0), ("closed", 1))]
    pd.DataFrame(cases, columns=["case_id", "activity", "timestamp"]).to_csv(folder / "cases.csv", index=False)
    return folder


def test_analyse_full_engagement_summary_tables_figures_findings(full_client):
    eng = load(full_client)
    before = {k: v.copy() for k, v in eng.tables.items()}, eng.survey.copy(), eng.cases.copy()
    res = M.analyse(eng, seed=1, n_boot=60)
    for key, frame in before[0].items():  # inputs are never mutated
        pd.testing.assert_frame_equal(eng.tables[key], frame)
    pd.testing.assert_frame_equal(eng.survey, before[1])
    pd.testing.assert_frame_equal(eng.cases, before[2])
    summary = res.summary()
    json.dumps(summary, allow_nan=False)
    survey = summary["survey"]
    assert survey["n"] == 400 and set(survey["csat"]) == {"value", "low", "high", "n"}
    sat = eng.survey["satisfaction"]
    assert survey["csat"]["value"] == pytest.approx((sat >= 4).mean(), abs=1e-4)
    low, high = proportion_confint((sat >= 4).sum(), len(sat), method="wilson")
    assert (survey["csat"]["low"], survey["csat"]["high"]) == pytest.approx((low, high), abs=1e-4)
    assert survey["trust"]["n"] == 400 and -100 <= survey["nps"]["low"] <= survey["nps"]["value"] <= 100
    assert survey["weighted"] is not None  # Services volumes × Channels shares are known
    ref = stats.ttest_1samp(eng.survey["ces"].dropna(), 0).confidence_interval(0.95)  # scipy's t interval
    assert survey["ces"]["mean"] == pytest.approx(eng.survey["ces"].mean(), abs=1e-3)
    assert (survey["ces"]["mean_low"], survey["ces"]["mean_high"]) == pytest.approx((ref.low, ref.high), abs=1e-3)
    assert survey["ces"]["value"] == pytest.approx((eng.survey["ces"] >= 5).mean(), abs=1e-4)
    kpi = summary["kpis"][0]
    assert set(kpi) >= {"kpi_id", "last", "target", "met", "signals"} and kpi["met"] is False
    assert summary["standards"][0]["n"] == 30
    for lang in ("en", "he"):
        tables = res.tables(lang)
        assert {"survey_items", "survey_by_unit", "unit_vs_all", "nps", "drivers", "kpi_scorecard",
                "service_standards", "comments", "themes"} <= set(tables)
        for frame in tables.values():
            text = " ".join(map(str, frame.columns)) + " " + frame.astype(str).to_string()
            assert "Tiny" not in text  # 3 responses < min_group_size 5: never shown
            assert "054" not in text and "Noa" not in text  # redacted comments
        if lang == "he":
            assert all(HEBREW.search(c) or c in ("NPS",) for c in tables["survey_items"].columns)
        figures = res.figures(lang)
        assert {"survey_items", "unit_comparison", "drivers", "importance_performance", "scorecard",
                "control_K1", "nps", "service_standards"} <= set(figures)
        for name, fig in figures.items():
            labels = " ".join(t.get_text() for ax in fig.axes for t in ax.get_yticklabels() + ax.get_xticklabels())
            assert "Tiny" not in labels, name
            # uncertainty on every figure: interval segments, error bars or control-limit lines
            assert any(isinstance(c, LineCollection) for ax in fig.axes for c in ax.collections) or \
                any(len(ax.get_lines()) >= 3 for ax in fig.axes), name
        findings = res.findings(lang)
        assert 1 <= len(findings) <= 5 and all(isinstance(f, str) and f for f in findings)
        if lang == "he":
            assert all(HEBREW.search(f) for f in findings)


def test_analyse_without_survey_or_kpis_says_so(english_client, tmp_path):
    eng = load(english_client)  # KPIs but no survey and no case log
    res = M.analyse(eng)
    assert res.available and not res.survey_available
    s = res.summary()
    assert s["survey"]["n"] == 0 and s["survey"]["csat"] is None and s["kpis"][0]["kpi_id"] == "K1"
    assert "survey" in res.skipped("en") and HEBREW.search(res.skipped("he"))
    sheets = english_sheets()
    del sheets["KPIs"], sheets["KPI values"]
    write_xlsx(tmp_path / "bare" / "intake.xlsx", sheets)
    bare = M.analyse(load(tmp_path / "bare"))
    assert not bare.available and bare.tables("en") == {} and bare.figures("he") == {}
    assert bare.findings("he") == [bare.skipped("he")]
    json.dumps(bare.summary(), allow_nan=False)


def test_analyse_hides_a_survey_smaller_than_the_minimum_group(tmp_path):
    sheets = english_sheets()  # min_group_size 5
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    _survey_file(4, tiny_unit=0).to_csv(tmp_path / "c" / "survey.csv", index=False)
    res = M.analyse(load(tmp_path / "c"))
    assert res.survey_available and res.summary()["survey"]["csat"] is None and res.summary()["survey"]["n"] == 4
    assert "survey_items" not in res.tables("en") and "survey_items" not in res.figures("en")
    assert "4" in res.skipped("en")


def test_analyse_rejects_bad_options(english_client):
    eng = load(english_client)
    with pytest.raises(AnalysisError, match="outcome"):
        M.analyse(eng, outcome="happiness")
    with pytest.raises(AnalysisError, match="confidence"):
        M.analyse(eng, confidence=1.5)


def test_analyse_hebrew_engagement_with_hebrew_survey_headers(hebrew_client):
    frame = _survey_file(120, seed=4, tiny_unit=0)
    frame["unit"] = np.where(frame["unit"] == "Parking", "חניה", "גבייה")
    names = {"response_id": "מזהה תשובה", "date": "תאריך", "unit": "יחידה", "channel": "ערוץ",
             "satisfaction": "שביעות רצון", "trust": "אמון", "ease": "קלות", "nps": "נכונות להמליץ", "comment": "הערה"}
    frame[list(names)].rename(columns=names).to_csv(hebrew_client / "survey.csv", index=False)
    eng = load(hebrew_client)
    assert eng.language == "he"
    res = M.analyse(eng, n_boot=0)
    assert res.summary()["survey"]["csat"]["n"] == 120
    tables = res.tables("he")
    by_unit = tables["survey_by_unit"]
    assert set(by_unit["יחידה"]) == {"חניה", "גבייה"} and "שיעור המסכימים (%)" in by_unit.columns
    channels = set(tables["survey_by_channel"]["ערוץ"])
    assert channels == {"אתר", "דלפק"}  # "web" and "דלפק" both shown as the Hebrew channel names
    assert "drivers" not in tables  # only one driver item: no key driver analysis
    figures = res.figures("he")
    assert figures["survey_items"].axes[0].xaxis_inverted()  # right-to-left
    assert all(HEBREW.search(f) for f in res.findings("he"))


# =========================================================================== links to prioritisation and management
def _focus_survey(n: int = 400, seed: int = 11) -> pd.DataFrame:
    """Satisfaction driven by ease and efficiency (agreed by ~30%); equity and helpfulness
    irrelevant and agreed by ~90%: ease and efficiency are the "concentrate here" items."""
    rng = np.random.default_rng(seed)
    low, high = [0.2, 0.3, 0.2, 0.2, 0.1], [0.02, 0.03, 0.05, 0.4, 0.5]
    i = np.arange(n)
    # S3: 3 responses (suppressed); S4: 8 (hidden too, so S3 cannot be recovered from a margin)
    frame = pd.DataFrame({"response_id": i, "date": "2026-02-01",
                          "service_id": np.where(i < 3, "S3", np.where(i < 11, "S4", np.where(i % 2 == 0, "S1", "S2")))})
    for item, p in (("ease", low), ("efficiency", low), ("equity", high), ("helpfulness", high)):
        frame[item] = rng.choice(np.arange(1, 6), n, p=p)
    frame.loc[frame["service_id"] == "S2", "ease"] = np.clip(frame["ease"] + 1, 1, 5)  # S2 does better on ease
    frame["satisfaction"] = np.clip(np.round((frame["ease"] + frame["efficiency"]) / 2 + rng.normal(0, 0.5, n)), 1, 5)
    return frame


@pytest.fixture
def focus_client(tmp_path: Path) -> Path:
    folder = tmp_path / "focus"
    write_xlsx(folder / "intake.xlsx", english_sheets())  # min_group_size 5
    _focus_survey().to_csv(folder / "survey.csv", index=False)
    return folder


def test_benefit_signal_is_the_disagreement_on_the_concentrate_items_by_hand(focus_client):
    frame = _focus_survey()
    eng = load(focus_client)
    drivers = ["ease", "efficiency", "equity", "helpfulness"]
    # importance: LMG by brute force over all orderings with statsmodels' R² (Lindeman, Merenda & Gold 1980);
    # performance: % agreeing (4-5); quadrant cross-hairs at the means (Martilla & James 1977)
    lmg = dict.fromkeys(drivers, 0.0)
    orders = list(itertools.permutations(drivers))
    for order in orders:
        for k, d in enumerate(order):
            lmg[d] += (_r2(frame, "satisfaction", order[:k + 1]) - _r2(frame, "satisfaction", order[:k])) / len(orders)
    perf = {d: float((frame[d] >= 4).mean()) for d in drivers}
    focus = [d for d in drivers if lmg[d] >= np.mean(list(lmg.values())) and perf[d] < np.mean(list(perf.values()))]
    assert focus == ["ease", "efficiency"]  # as built
    got = M.benefit_signal(eng, seed=3)
    assert got.index.name == "service_id" and set(got.index) == {"S1", "S2"}  # S3 (3 < 5) and S4 suppressed
    for sid in ("S1", "S2"):
        rows = frame[frame["service_id"] == sid]
        assert got[sid] == pytest.approx(1 - np.mean([(rows[d] >= 4).mean() for d in focus]), abs=1e-12)
    assert list(got.index) == ["S1", "S2"] and got["S1"] > got["S2"]  # largest gap first
    assert sorted(M.weak_drivers(eng)) == ["Ease", "Efficiency"]
    assert sorted(M.weak_drivers(eng, lang="he")) == sorted(["קלות", "יעילות"])
    # the full analysis reaches the same signal and items through the same code path
    res = M.analyse(eng, n_boot=20, seed=3)
    assert res.service_signal.set_index("service_id")["gap"].to_dict() == pytest.approx(got.to_dict())
    assert sorted(res.summary()["survey"]["concentrate_here"]) == focus


def test_links_are_empty_without_a_survey_or_kpis(english_client, tmp_path):
    eng = load(english_client)  # no survey
    got = M.benefit_signal(eng)
    assert got.empty and got.index.name == "service_id" and got.dtype == float
    assert M.weak_drivers(eng) == []
    with pytest.raises(AnalysisError, match="outcome"):
        M.benefit_signal(eng, outcome="happiness")
    sheets = english_sheets()
    del sheets["KPIs"], sheets["KPI values"]
    write_xlsx(tmp_path / "bare" / "intake.xlsx", sheets)
    assert M.kpi_signals(load(tmp_path / "bare")) == []


def test_kpi_signals_name_the_kpis_with_a_signal_or_a_missed_target(tmp_path):
    sheets = english_sheets()
    sheets["KPIs"] = [["kpi_id", "kpi_name", "direction", "target", "kind"],
                      ["K1", "Days to decide", "lower", 15, "mean"],      # met, one month far out: signal
                      ["K2", "Calls answered", "higher", 90, "mean"],     # stable below target: missed
                      ["K3", "Complaints", "lower", 30, "mean"],          # met and stable: no finding
                      ["K4", "Forms online", "higher", 50, "mean"]]       # missed
    values = [["kpi_id", "period", "value"]]
    for m in range(12):
        period = f"2025-{m + 1:02d}"
        values += [["K1", period, 40.0 if m == 6 else 10 + 0.1 * (m % 2)], ["K2", period, 80 + 0.3 * (m % 2)],
                   ["K3", period, 20 + 0.2 * (m % 2)], ["K4", period, 40 + 0.5 * (m % 2)]]
    sheets["KPI values"] = values
    write_xlsx(tmp_path / "k" / "intake.xlsx", sheets)
    # by hand (Wheeler & Chambers 1992): K1 centre 12.55, average moving range (2 x 30 + 9 x 0.1) / 11 = 5.54,
    # upper limit 12.55 + 2.66 x 5.54 = 27.3 < 40; the others move by less than one sigma
    assert M.kpi_signals(load(tmp_path / "k")) == ["Days to decide", "Calls answered", "Forms online"]


def test_importance_chart_survives_an_estimate_outside_its_bootstrap_interval(tmp_path):
    # seed 10 of the privacy client gives "equity" an importance (0.0003) below its percentile
    # bootstrap interval (0.002–0.6): the chart once failed with "'yerr' must not contain negative values"
    from test_privacy import build_client

    res = M.analyse(load(build_client(tmp_path / "c", "en", seed=10)))
    outside = res.ipa[res.ipa["importance"] < res.ipa["importance_low"]]
    assert len(outside)  # the case this test is about
    figs = res.figures("en")
    assert "importance_performance" in figs
    for f in figs.values():
        f.clear()
