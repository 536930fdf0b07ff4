"""Control charts and the KPI scorecard (svcwork.measures.kpis) against published worked examples.

NIST/SEMATECH e-Handbook §6.3.2.2; Montgomery's orange-juice and purchase-order p-charts; hand-derived
answers for constructed series (Western Electric rules); scipy's Theil–Sen slope.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from svcwork import AnalysisError
from svcwork import measures as M


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


# =========================================================================== a chart read against the KPI's direction
# Wheeler, *Understanding Variation* (2nd ed. 2000), ch. 6, and Montgomery, *Introduction to Statistical
# Quality Control* (8th ed.), §5.3 and §6.3: a sustained run after a change means the process has shifted;
# chart the data in two phases, each with its own centre line and limits, and recompute the limits from
# the new level.  A signal in the good direction is an improvement, not a process "out of control".
from svcwork.measures.kpis import MIN_PHASE, STATUSES, control_chart  # noqa: E402

NOISE = np.array([0.3, -0.2, 0.1, -0.3, 0.2, -0.1, 0.25, -0.15, 0.05, -0.25])
STEP_UP = np.r_[10 + NOISE, 13 + NOISE[:8]]  # level 10 for ten periods, then 13 for eight


def _xmr_by_hand(v: np.ndarray) -> tuple[float, float, float]:
    """Centre and natural process limits of an individuals chart: x̄ ± 3·mR̄/d₂, d₂ = 1.128 (Wheeler)."""
    centre, mr_bar = v.mean(), np.abs(np.diff(v)).mean()
    return centre, centre - 3 * mr_bar / 1.128, centre + 3 * mr_bar / 1.128


@pytest.mark.parametrize("direction,status,reading", [("higher", "improved", "better"),
                                                      ("lower", "deteriorated", "worse")])
def test_a_step_is_one_shift_split_into_phases_with_their_own_limits(direction, status, reading):
    periods = list(pd.date_range("2025-01-01", periods=18, freq="MS"))
    chart = control_chart(STEP_UP, direction=direction, periods=periods)
    # against the centre line of the whole series both levels signal: the old one below, the new one above
    assert set(chart.signals["side"]) == {-1, 1} and not chart.in_control
    # ... yet it is one change: every signal reads in the shift's direction
    assert chart.status == status and set(chart.signals["direction"]) == {reading}
    better, worse = (len(chart.signals), 0) if reading == "better" else (0, len(chart.signals))
    assert (chart.signals_better, chart.signals_worse) == (better, worse)
    # split at the first point of the first run on the new side (period 11), each phase on its own limits
    old, new = chart.phases
    assert (old.start, old.stop, new.start, new.stop) == (0, 10, 10, 18)
    assert new.period == pd.Timestamp("2025-11-01") == chart.shift_period
    for phase, values in ((old, STEP_UP[:10]), (new, STEP_UP[10:])):
        centre, lower, upper = _xmr_by_hand(values)  # the second method: numpy on the hand-made series
        assert phase.centre == pytest.approx(centre, abs=1e-12)
        np.testing.assert_allclose(phase.lower, lower, atol=1e-12)
        np.testing.assert_allclose(phase.upper, upper, atol=1e-12)
        assert phase.signals.empty  # each level is stable on its own limits
    assert chart.new_level == pytest.approx(STEP_UP[10:].mean()) == pytest.approx(13.0125)
    # the chart of the whole series is unchanged: its centre, limits and signals keep their meaning
    whole = control_chart(STEP_UP, periods=periods)
    np.testing.assert_array_equal(chart.centre, whole.centre)
    pd.testing.assert_frame_equal(chart.signals.drop(columns="direction"), whole.signals)
    assert whole.status is None and whole.direction is None and whole.phases == ()


@pytest.mark.parametrize("direction,status", [("higher", "deteriorated"), ("lower", "improved")])
def test_a_step_down_reads_by_the_kpis_direction(direction, status):
    chart = control_chart(np.r_[13 + NOISE, 10 + NOISE[:8]], direction=direction)
    assert chart.status == status and chart.phases[1].start == 10
    assert chart.new_level == pytest.approx(10.0125)


def test_a_p_chart_shift_gets_limits_for_each_phase_and_sample():
    # complaints as a share of 400 contacts: 30% for twelve months, then 20% (lower is better)
    p = np.r_[0.30 + NOISE * 0.02, 0.30 + NOISE[:2] * 0.02, 0.20 + NOISE[:6] * 0.02]
    sizes = np.full(len(p), 400.0)
    chart = control_chart(p, kind="proportion", sizes=sizes, direction="lower")
    assert chart.method == "p" and chart.status == "improved" and chart.signals_worse == 0
    old, new = chart.phases
    assert (old.stop, new.start) == (12, 12)
    for phase, part in ((old, slice(0, 12)), (new, slice(12, None))):
        x, n = p[part] * sizes[part], sizes[part]
        pbar = x.sum() / n.sum()  # Montgomery §7.2, by hand
        assert phase.centre == pytest.approx(pbar, abs=1e-12)
        np.testing.assert_allclose(phase.upper, pbar + 3 * np.sqrt(pbar * (1 - pbar) / n), atol=1e-12)
        np.testing.assert_allclose(phase.lower, pbar - 3 * np.sqrt(pbar * (1 - pbar) / n), atol=1e-12)
    assert chart.new_level == pytest.approx(p[12:].mean())


@pytest.mark.parametrize("direction", ["higher", "lower"])
def test_single_points_read_by_their_side(direction):
    good = 1 if direction == "higher" else -1
    up = np.r_[NOISE, NOISE]
    up[12] += 3  # one point far above the limits
    chart = control_chart(up, direction=direction)
    assert list(chart.signals["rule"]) == [1] and chart.phases == () and chart.new_level is None
    assert chart.status == ("improved" if good > 0 else "deteriorated")
    both = up.copy()
    both[5] -= 3  # and one far below
    chart = control_chart(both, direction=direction)
    assert chart.status == "unstable" and (chart.signals_better, chart.signals_worse) == (1, 1)
    assert control_chart(np.r_[NOISE, NOISE], direction=direction).status == "stable"


def test_a_passing_rise_is_not_a_new_level():
    # five good months in the middle, then back: signals on both sides, no shift to report
    bump = np.r_[NOISE, NOISE]
    bump[8:13] += 1.5
    chart = control_chart(bump, direction="higher")
    assert chart.phases == () and chart.new_level is None
    assert chart.status == "unstable" and chart.signals_better and chart.signals_worse


def test_a_special_cause_of_the_old_level_keeps_its_own_direction():
    # the step of test_a_step_is_one_shift… with one point far below the old level's own limits
    series = STEP_UP.copy()
    series[3] = 7.0
    chart = control_chart(series, direction="higher")
    assert chart.phases[1].start == 10 and list(chart.phases[0].signals["position"]) == [3]
    at3 = chart.signals[chart.signals["position"] == 3]
    assert set(at3["direction"]) == {"worse"} and chart.signals_worse == len(at3)
    assert chart.status == "unstable" and chart.new_level == pytest.approx(13.0125)


def test_a_recent_shift_with_a_few_points_is_reported_from_three():
    late = np.r_[10 + NOISE, 10 + NOISE[:5], 13, 13.2, 12.9]
    chart = control_chart(late, direction="higher")
    assert chart.status == "improved" and chart.phases[1].start == 15
    assert chart.new_level == pytest.approx(13.0333, abs=1e-4)
    # two points are not yet a level: the signals read by their side
    assert control_chart(np.r_[10 + NOISE, 10 + NOISE[:6], 13, 13.2], direction="higher").phases == ()
    assert MIN_PHASE == 5


def test_kpi_scorecard_reads_each_chart_against_the_kpis_direction():
    periods = pd.date_range("2025-01-01", periods=18, freq="MS")
    kpis = pd.DataFrame({"kpi_id": ["UP", "WAIT", "FLAT"], "direction": ["higher", "lower", "higher"],
                         "target": [12.0, 11.0, 0.0], "kind": ["mean", "mean", "mean"]})
    values = pd.DataFrame({"kpi_id": np.repeat(["UP", "WAIT", "FLAT"], 18), "period": np.tile(periods, 3),
                           "value": np.r_[STEP_UP, STEP_UP, np.r_[NOISE, NOISE[:8]]]})
    card = M.kpi_scorecard(kpis, values)
    s = card.table.set_index("kpi_id")
    assert s.loc["UP", "status"] == "improved" and s.loc["UP", "met"] and s.loc["UP", "signals_worse"] == 0
    assert s.loc["UP", "callout"] == "met_out_of_control"  # the call-out keeps its meaning
    assert s.loc["WAIT", "status"] == "deteriorated" and s.loc["WAIT", "signals_better"] == 0
    for k in ("UP", "WAIT"):
        assert s.loc[k, "signals"] == s.loc[k, "signals_better"] + s.loc[k, "signals_worse"]
        assert s.loc[k, "new_level"] == pytest.approx(13.0125) and s.loc[k, "shift_period"] == periods[10]
    assert s.loc["FLAT", "status"] == "stable" and np.isnan(s.loc["FLAT", "new_level"])
    assert s.loc["FLAT", "shift_period"] is None or pd.isna(s.loc["FLAT", "shift_period"])
    assert set(s["status"]) <= set(STATUSES)
    with pytest.raises(AnalysisError, match="direction"):
        control_chart(STEP_UP, direction="up")
