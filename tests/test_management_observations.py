"""Management, observations: scores and trends suppressed by people, coaching focus, item names
(:mod:`svcwork.management.observations`, :mod:`svcwork.management.items`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from svcwork.errors import AnalysisError
from svcwork.management import (coaching_focus, item_label, observation_scores, observation_trend,
                                publishable_observations)


def _obs(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["date", "unit", "observer", "employee_code", "item", "score"])


def test_coaching_focus_ranks_falling_then_lowest():
    rows = []
    for m in range(1, 7):
        for e in range(6):
            day = pd.Timestamp(2026, m, 5)
            rows.append((day, "Desk", "O", f"e{e}", "closing", 5 if m <= 3 else 3))  # mean 4.0, falling
            rows.append((day, "Desk", "O", f"e{e}", "listening", 2))  # lowest, flat
            rows.append((day, "Desk", "O", f"e{e}", "complete solution", 3))
            rows.append((day, "Desk", "O", f"e{e}", "closing" if e == 0 else "greeting", 4))
    cf = coaching_focus(_obs(rows), top=2, min_size=5)
    desk = cf[cf["unit"] == "Desk"].set_index("item")
    assert desk.loc["closing", "falling"] and desk.loc["closing", "rank"] == 1
    assert desk.loc["listening", "rank"] == 2 and not desk.loc["listening", "falling"]
    assert desk.loc["complete solution", "rank"] == 3 and not desk.loc["complete solution", "focus"]
    assert desk.loc["listening", "slope"] == pytest.approx(0.0)
    # "greeting" was scored on 5 employees: shown with min_size 5, never with 6
    assert "greeting" in desk.index
    assert "greeting" not in set(coaching_focus(_obs(rows), min_size=6)["item"])


def test_observation_scores_and_trend_suppress_by_people():
    rows = [(pd.Timestamp(2026, 1 + i % 4, 1), "Big", "O", f"b{i % 6}", "listening", 1 + i % 5)
            for i in range(60)]
    rows += [(pd.Timestamp(2026, 1, 1), "Solo", "O", "s1", "listening", 1)] * 30  # many scores, one person
    frame = _obs(rows)
    by_unit = observation_scores(frame, by=["unit"], min_size=5)
    assert list(by_unit["unit"]) == ["Big"]
    assert by_unit.iloc[0]["mean"] == pytest.approx(np.mean([1 + i % 5 for i in range(60)]))
    trend = observation_trend(frame, period="Q", by=["unit"], min_size=5)
    # April (Q2) was scored on b1, b3 and b5 only: three people, suppressed
    assert set(trend["unit"]) == {"Big"} and set(trend["period"]) == {"2026Q1"}
    assert set(observation_trend(frame, period="Q", by=["unit"], min_size=3)["period"]) == {"2026Q1", "2026Q2"}
    # publishable rows exclude Solo, so the overall item mean is Big's
    base = publishable_observations(frame, min_size=5)
    assert set(base["unit"]) == {"Big"}
    with pytest.raises(AnalysisError, match="'M' \\(months\\) or 'Q'"):
        observation_trend(frame, period="W", min_size=5)
    with pytest.raises(AnalysisError, match="expected the column"):
        observation_scores(frame.drop(columns="score"), by=["unit"], min_size=5)
    with pytest.raises(AnalysisError, match="whole scores"):
        observation_scores(frame.assign(score=7), by=["unit"], min_size=5)


def test_item_labels_follow_the_report_language():
    assert item_label("listening", "he") == "הקשבה"
    assert item_label("הקשבה", "en") == "listening"
    assert item_label("Complete Solution", "he").startswith("פתרון מלא")
    assert item_label("greeting", "he") == "greeting"


# --------------------------------------------------------------------------- intervals clustered by employee
def _clustered_frame() -> pd.DataFrame:
    """Seven employees in two units, observed in 1 to 6 sessions each (unequal clusters), two or three
    items scored per session, an employee's own level shared by all their scores."""
    rng = np.random.default_rng(7)
    rows = []
    sessions = {"e1": 1, "e2": 2, "e3": 5, "e4": 3, "e5": 6, "e6": 2, "e7": 4}
    for k, (emp, count) in enumerate(sessions.items()):
        unit, level = ("A" if k < 4 else "B"), rng.normal(0, 1.2)
        for s in range(count):
            day = pd.Timestamp(2026, 1 + (s + k) % 6, 3 + k)
            items = ("listening", "closing", "greeting") if (s + k) % 2 else ("listening", "closing")
            for item in items:
                score = int(np.clip(np.rint(3 + level + rng.normal(0, 0.6)), 1, 5))
                rows.append((day, unit, f"o{(s + k) % 2}", emp, item, score))
    return _obs(rows)


def _sm_mean_interval(y, groups, alpha=0.05):
    """The independent reference: statsmodels' intercept-only OLS, CR1 clustered by *groups*, t(G − 1)."""
    import statsmodels.api as sm

    fit = sm.OLS(np.asarray(y, dtype=float), np.ones(len(y))).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(pd.Series(list(groups)))[0]}, use_t=True)
    return tuple(fit.conf_int(alpha)[0])


@pytest.mark.parametrize("by", [["item"], ["unit", "item"], ["observer"], ["unit"]])
@pytest.mark.parametrize("alpha", [0.05, 0.10])
def test_observation_scores_interval_is_statsmodels_cluster_robust_by_employee(by, alpha):
    frame = _clustered_frame()
    out = observation_scores(frame, by=by, min_size=2, alpha=alpha)
    assert len(out) >= 2
    for _, r in out.iterrows():
        mask = np.logical_and.reduce([frame[b] == r[b] for b in by])
        cell = frame[mask]
        assert r["employees"] == cell["employee_code"].nunique() >= 2
        assert r["mean"] == pytest.approx(cell["score"].mean())
        assert (r["low"], r["high"]) == pytest.approx(_sm_mean_interval(cell["score"], cell["employee_code"], alpha),
                                                      rel=1e-10)


def test_per_employee_rows_keep_the_student_t_interval_and_one_employee_has_none():
    from scipy import stats

    frame = _clustered_frame()
    emp = observation_scores(frame, by=["employee_code"], min_size=2)
    assert set(emp["employee_code"]) == set(frame["employee_code"])
    for _, r in emp.iterrows():  # one employee, one cluster: the plain t interval over the scores
        x = frame.loc[frame["employee_code"] == r["employee_code"], "score"].astype(float)
        half = stats.t.ppf(0.975, len(x) - 1) * x.std(ddof=1) / np.sqrt(len(x))
        assert (r["low"], r["high"]) == pytest.approx((x.mean() - half, x.mean() + half), rel=1e-10)
    # a group of one employee (min_size 1 lets it through): no clustered interval from one cluster
    solo = frame[frame["employee_code"] == "e5"]
    one = observation_scores(solo, by=["unit", "item"], min_size=1)
    assert len(one) and (one["n"] >= 2).all()
    assert one["low"].isna().all() and one["high"].isna().all()
    trend = observation_trend(solo, period="Q", by=["item"], min_size=1)
    assert len(trend) and trend["low"].isna().all() and trend["high"].isna().all()


def test_observation_trend_cells_have_the_statsmodels_clustered_interval():
    frame = _clustered_frame()
    trend = observation_trend(frame, period="Q", by=["item"], min_size=2)
    assert len(trend) >= 4
    quarter = frame["date"].dt.to_period("Q").astype(str)
    for _, r in trend.iterrows():
        cell = frame[(quarter == r["period"]) & (frame["item"] == r["item"])]
        assert (r["low"], r["high"]) == pytest.approx(_sm_mean_interval(cell["score"], cell["employee_code"]),
                                                      rel=1e-10)


def test_coaching_slope_interval_is_statsmodels_cluster_robust_by_employee():
    import statsmodels.api as sm

    frame = _clustered_frame()
    cf = coaching_focus(frame, period="M", min_size=2)
    assert len(cf) >= 4
    for _, r in cf.iterrows():
        cell = frame[(frame["unit"] == r["unit"]) & (frame["item"] == r["item"])]
        x = cell["date"].dt.to_period("M").map(lambda p: p.ordinal).to_numpy(dtype=float)
        fit = sm.OLS(cell["score"].to_numpy(dtype=float), sm.add_constant(x)).fit(
            cov_type="cluster", cov_kwds={"groups": pd.factorize(cell["employee_code"])[0]}, use_t=True)
        assert r["slope"] == pytest.approx(fit.params[1], rel=1e-10)
        assert (r["slope_low"], r["slope_high"]) == pytest.approx(tuple(fit.conf_int(0.05)[1]), rel=1e-9)
        assert r["falling"] == (fit.conf_int(0.05)[1][1] < 0)


def test_clustered_interval_is_wider_than_the_naive_one_when_an_employees_scores_agree():
    """A sanity property: each employee scores alike on every item and session (strong correlation within
    the cluster), so ten employees are worth far fewer than their 60 scores."""
    from scipy import stats

    rows = []
    for e in range(10):
        for s in range(3):
            for item in ("listening", "closing"):
                rows.append((pd.Timestamp(2026, 1 + s, 1), "Desk", "O", f"e{e}", item, 1 + e % 5))
    frame = _obs(rows)
    out = observation_scores(frame, by=["unit"], min_size=5).iloc[0]
    x = frame["score"].astype(float)
    naive = stats.ttest_1samp(x, 0).confidence_interval(0.95)
    assert out["high"] - out["low"] > 2 * (naive.high - naive.low)
    assert (out["low"], out["high"]) == pytest.approx(_sm_mean_interval(x, frame["employee_code"]), rel=1e-10)


def test_a_score_without_an_employee_is_left_out_so_the_interval_and_the_staff_count_agree():
    # review2-change D2: a row without an employee code was a cluster of its own in the interval (9 clusters)
    # while the employees counted were 3, so the next round recovered the standard error with too few df
    import statsmodels.api as sm

    rows = [{"date": "2026-03-01", "unit": "U", "observer": "O", "employee_code": code, "item": "listening",
             "score": score} for code, score in [("E1", 3), ("E1", 4), ("E2", 2), ("E2", 3), ("E3", 4), ("E3", 5)]]
    rows += [{"date": "2026-03-01", "unit": "U", "observer": "O", "employee_code": None, "item": "listening",
              "score": s} for s in (1, 5, 2, 4, 3, 5)]
    got = observation_scores(pd.DataFrame(rows), by=["item"], min_size=3).iloc[0]
    coded = pd.DataFrame(rows[:6])
    fit = sm.OLS(coded["score"].to_numpy(float), np.ones(6)).fit(
        cov_type="cluster", cov_kwds={"groups": coded["employee_code"].astype("category").cat.codes}, use_t=True)
    low, high = fit.conf_int(0.05)[0]
    assert (int(got["n"]), int(got["employees"])) == (6, 3)
    assert (got["low"], got["high"]) == (pytest.approx(low), pytest.approx(high))
