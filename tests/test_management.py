"""Management: observations, calibration, action plan, lessons, training, manager packs (issue 6).

Every statistic is checked against an independent reference: a published worked example
(cited at the test), a closed-form identity, or a hand computation with numpy.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import matplotlib.text
import numpy as np
import pandas as pd
import pytest
from conftest import english_sheets, write_xlsx
from scipy import stats

import svcwork
from svcwork import charts
from svcwork.errors import AnalysisError
from svcwork.management import (ALL, UnitSignal, action_status, analyse, burn_down, burn_down_rounds, coaching_focus,
                                cohens_dz, findings_without_action, icc_2_1, item_label, lessons_pareto,
                                lessons_without_action, observation_scores, observation_trend, observer_calibration,
                                overdue_actions, paired_change, prepare_actions, publishable_observations,
                                training_effect, training_transfer, weighted_kappa)

HEBREW = re.compile(r"[\u0590-\u05ff]")

# --------------------------------------------------------------------------- published data

# Student (1908), "The probable error of a mean", Biometrika 6:1-25 (Cushny & Peebles' hypnotics);
# R datasets::sleep.  R: t.test(extra[group == 2], extra[group == 1], paired = TRUE) gives
# t = 4.0621, df = 9, p-value = 0.002833, 95% CI 0.7001142 to 2.4598858, mean difference 1.58.
SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]

# Hollander & Wolfe (1973, 1999), Nonparametric Statistical Methods, Example 3.1 (Hamilton
# depression scale, first and second visit); R's wilcox.test example:
# wilcox.test(x, y, paired = TRUE, alternative = "greater") gives V = 40, p-value = 0.01953.
HW_X = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]
HW_Y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]

# Shrout & Fleiss (1979), Psychol. Bull. 86:420, Table 2: 6 targets rated by 4 judges.
# Table 4: ICC(2,1) = .29.  R psych::ICC on the same data: ICC2 lower bound 0.019, upper 0.76.
SHROUT_FLEISS = np.array([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]])


def _pairs_from_table(table) -> tuple[list[int], list[int]]:
    """Rater scores (1-based categories) reproducing a contingency table."""
    a, b = [], []
    for i, row in enumerate(np.asarray(table)):
        for j, count in enumerate(row):
            a += [i + 1] * int(count)
            b += [j + 1] * int(count)
    return a, b


# --------------------------------------------------------------------------- training statistics


def test_paired_change_matches_student_sleep_data():
    pc = paired_change(SLEEP_1, SLEEP_2)
    assert pc.n == 10
    assert pc.mean_change == pytest.approx(1.58)
    assert pc.t == pytest.approx(4.0621, abs=5e-5)
    assert pc.p_t == pytest.approx(0.002833, abs=5e-7)
    assert pc.low == pytest.approx(0.7001142, abs=1e-6)
    assert pc.high == pytest.approx(2.4598858, abs=1e-6)
    # R effectsize::cohens_d(Pair(extra[group == 1], extra[group == 2]) ~ 1, data = sleep) = -1.284558
    assert pc.dz == pytest.approx(1.284558, abs=1e-6)


def test_paired_change_against_hand_formulas():
    rng = np.random.default_rng(11)
    pre = rng.normal(3, 0.8, 25)
    post = pre + rng.normal(0.4, 0.5, 25)
    d = post - pre
    se = d.std(ddof=1) / np.sqrt(len(d))
    q = stats.t.ppf(0.975, len(d) - 1)
    pc = paired_change(pre, post)
    assert pc.t == pytest.approx(d.mean() / se)
    assert pc.low == pytest.approx(d.mean() - q * se)
    assert pc.high == pytest.approx(d.mean() + q * se)
    assert pc.p_t == pytest.approx(2 * stats.t.sf(abs(d.mean() / se), len(d) - 1))
    # d_z = mean difference / SD of differences = t / sqrt(n) (Lakens 2013, Front. Psychol. 4:863)
    assert pc.dz == pytest.approx(d.mean() / d.std(ddof=1))
    assert cohens_dz(pre, post) == pytest.approx(pc.t / np.sqrt(len(d)))
    # 90 % interval is narrower and uses the 95th percentile of t
    pc90 = paired_change(pre, post, alpha=0.10)
    assert pc90.high - pc90.low == pytest.approx(2 * stats.t.ppf(0.95, len(d) - 1) * se)


def test_wilcoxon_matches_hollander_wolfe_example():
    pc = paired_change(HW_X, HW_Y)  # change = second − first visit
    # two-sided exact p is twice R's one-sided 0.01953 (= 10/512); statistic min(T+, T−) = 45 − 40
    assert pc.p_wilcoxon == pytest.approx(2 * 10 / 512)
    assert pc.wilcoxon == pytest.approx(45 - 40)


def test_paired_change_degenerate_cases():
    same = paired_change([3, 3, 3], [4, 4, 4])
    assert same.mean_change == 1 and same.t is None and same.dz is None
    assert same.low == same.high == 1
    none = paired_change([3, 2], [3, 2])
    assert none.wilcoxon is None and none.p_wilcoxon is None
    empty = paired_change([], [])
    assert empty.n == 0 and empty.mean_change is None
    with pytest.raises(AnalysisError, match="equal length"):
        paired_change([1, 2, 3], [1, 2])


# --------------------------------------------------------------------------- agreement statistics


def test_weighted_kappa_matches_sas_example():
    # SAS PROC FREQ AGREE printout (Cicchetti-Allison weights), reproduced in statsmodels'
    # test_inter_rater.py: weighted kappa 0.4701, ASE 0.1457, 95% CI 0.1845 to 0.7558.
    a, b = _pairs_from_table([[0, 4, 1], [0, 8, 0], [0, 1, 5]])
    k = weighted_kappa(a, b, categories=(1, 2, 3), weights="linear")
    assert k.estimate == pytest.approx(0.4701, abs=5e-5)
    assert k.low == pytest.approx(0.1845, abs=5e-5)
    assert k.high == pytest.approx(0.7558, abs=5e-5)
    assert k.n == 19
    unweighted = weighted_kappa(a, b, categories=(1, 2, 3), weights=None)
    assert unweighted.estimate == pytest.approx(0.4842, abs=5e-5)  # same SAS printout: simple kappa 0.4842


def test_weighted_kappa_matches_irr_published_output():
    # irr::kappa2(cbind(tv1, tv2), weight = "equal") on a 6 x 6 table: Kappa = 0.316
    # (D. Wollschläger, R-ExRepos "interRaterICC").
    table = np.array([5, 8, 1, 2, 4, 2, 3, 5, 3, 5, 5, 0, 1, 2, 6, 11, 2, 1, 0, 1, 5, 4, 3, 3, 0, 0, 1, 2, 5, 2,
                      0, 0, 1, 2, 1, 4]).reshape(6, 6)
    a, b = _pairs_from_table(table)
    assert weighted_kappa(a, b, categories=range(1, 7), weights="linear").estimate == pytest.approx(0.316, abs=5e-4)


def test_quadratic_kappa_equals_moment_identity():
    # Quadratic-weighted kappa = 2 s_xy / (s_x^2 + s_y^2 + (mean_x - mean_y)^2) with population
    # moments (Fleiss & Cohen 1973; Schuster 2004, Educ. Psychol. Meas. 64:243).
    rng = np.random.default_rng(3)
    x = rng.integers(1, 6, 80)
    y = np.clip(x + rng.integers(-1, 2, 80), 1, 5)
    sxy = np.mean((x - x.mean()) * (y - y.mean()))
    expected = 2 * sxy / (x.var() + y.var() + (x.mean() - y.mean()) ** 2)
    k = weighted_kappa(x, y)
    assert k.estimate == pytest.approx(expected)
    assert k.low < k.estimate < k.high


def test_weighted_kappa_keeps_unused_scale_points():
    # scores only 1 and 5: quadratic weights must use the 1–5 spacing, not a 2-point scale
    x = np.array([1, 1, 5, 5, 1, 5])
    y = np.array([1, 5, 5, 5, 1, 1])
    sxy = np.mean((x - x.mean()) * (y - y.mean()))
    assert weighted_kappa(x, y).estimate == pytest.approx(2 * sxy / (x.var() + y.var() + (x.mean() - y.mean()) ** 2))
    with pytest.raises(AnalysisError, match="expected scores among"):
        weighted_kappa([1, 6], [1, 2])
    assert weighted_kappa([3, 3, 3], [3, 3, 3]).estimate is None  # no variation: undefined, not an error


def test_icc_matches_shrout_fleiss():
    icc = icc_2_1(SHROUT_FLEISS)
    assert icc.estimate == pytest.approx(0.290, abs=5e-4)  # Table 4: .29 (DescTools::ICC: 0.290)
    assert icc.low == pytest.approx(0.019, abs=5e-4)  # psych::ICC lower bound
    assert icc.high == pytest.approx(0.76, abs=5e-3)  # psych::ICC upper bound
    assert icc.n == 6


def test_icc_degenerate_and_bad_input():
    assert icc_2_1(np.array([[3, 3], [3, 3], [3, 3]])).estimate is None
    perfect = icc_2_1(np.array([[1, 1], [3, 3], [5, 5]]))
    assert perfect.estimate == pytest.approx(1.0)
    with pytest.raises(AnalysisError, match="at least 2 raters"):
        icc_2_1(np.array([1, 2, 3]))


# --------------------------------------------------------------------------- observations


def _obs(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["date", "unit", "observer", "employee_code", "item", "score"])


def test_observer_calibration_pairs_same_day():
    rows = []
    a = [1, 2, 3, 4, 5, 3, 4, 2]
    b = [1, 3, 3, 4, 4, 3, 5, 2]
    for i, (sa, sb) in enumerate(zip(a, b)):
        day = pd.Timestamp(2026, 3, 1 + i)
        rows += [(day, "U", "Dana", f"e{i}", "listening", sa), (day, "U", "Avi", f"e{i}", "listening", sb)]
    rows.append((pd.Timestamp(2026, 4, 1), "U", "Avi", "e0", "listening", 5))  # another day: not a pair
    cal = observer_calibration(_obs(rows), min_size=5)
    assert len(cal) == 1
    r = cal.iloc[0]
    assert (r["observer_a"], r["observer_b"]) == ("Avi", "Dana")  # ordered by name
    assert r["n"] == 8
    assert r["exact"] == pytest.approx(5 / 8)
    assert r["within_one"] == 1.0
    x, y = np.array(b, float), np.array(a, float)
    sxy = np.mean((x - x.mean()) * (y - y.mean()))
    assert r["kappa"] == pytest.approx(2 * sxy / (x.var() + y.var() + (x.mean() - y.mean()) ** 2))
    assert observer_calibration(_obs(rows), min_size=9).empty  # 8 employees < 9: suppressed
    loose = observer_calibration(_obs(rows), min_size=5, same_day=False)
    assert loose.iloc[0]["n"] == 8  # first score per observer kept


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
    with pytest.raises(AnalysisError, match="expected columns"):
        observation_scores(frame.drop(columns="score"), by=["unit"], min_size=5)
    with pytest.raises(AnalysisError, match="whole scores"):
        observation_scores(frame.assign(score=7), by=["unit"], min_size=5)


def test_item_labels_follow_the_report_language():
    assert item_label("listening", "he") == "הקשבה"
    assert item_label("הקשבה", "en") == "listening"
    assert item_label("Complete Solution", "he").startswith("פתרון מלא")
    assert item_label("greeting", "he") == "greeting"


# --------------------------------------------------------------------------- actions and lessons

REPORT = dt.date(2026, 6, 30)


def _actions() -> pd.DataFrame:
    return pd.DataFrame({
        "action_id": ["A1", "A2", "A3", "A4", "A5", "A6"],
        "action": ["Checklist", "Workshop on listening", "IVR menu", "Runbook", "Old idea", "Signage"],
        "owner": ["Dana", "Dana", "Avi", "Avi", "COO", "Dana"],
        "due_date": pd.to_datetime(["2026-03-01", "2026-06-30", "2026-05-01", "2026-06-29", "2026-01-15",
                                    "2026-08-01"]),
        "status": ["open", "in progress", "done", "in progress", "cancelled", "open"],
        "finding": ["long queues at the counter", "listening", None, "outage", "queues", None],
        "service_id": ["S1", "S1", "S2", None, "S1", "s2"],
        "source": ["journey", "observation", "kpi", "lesson", "journey", None],
    })


SERVICES = pd.DataFrame({"service_id": ["S1", "S2"], "unit": ["Parking", "Revenue"]})


def test_overdue_logic_against_report_date():
    original = _actions()
    a = prepare_actions(original, report_date=REPORT, services=SERVICES)
    pd.testing.assert_frame_equal(original, _actions())  # input not mutated
    by_id = a.set_index("action_id")
    assert list(by_id["overdue"]) == [True, False, False, True, False, False]
    # open and due before the report date: 121 days; in progress due the day before: 1 day
    assert by_id.loc["A1", "days_overdue"] == 121
    assert by_id.loc["A4", "days_overdue"] == 1
    assert pd.isna(by_id.loc["A2", "days_overdue"])  # due on the report date is not late
    assert by_id.loc["A6", "unit"] == "Revenue"  # service ids match case-insensitively
    assert pd.isna(by_id.loc["A4", "unit"])
    od = overdue_actions(a)
    assert list(od["action_id"]) == ["A1", "A4"]
    with pytest.raises(AnalysisError, match="expected status"):
        prepare_actions(original.assign(status="maybe"), report_date=REPORT)


def test_action_status_counts():
    a = prepare_actions(_actions(), report_date=REPORT, services=SERVICES)
    by_owner = action_status(a, by="owner").set_index("owner")
    assert by_owner.loc["Dana", ["open", "in progress", "done", "cancelled", "total", "overdue"]].tolist() == [2, 1, 0, 0, 3, 1]
    assert by_owner.loc["Avi", "done_share"] == pytest.approx(0.5)
    assert pd.isna(by_owner.loc["COO", "done_share"])  # only cancelled: no share
    by_unit = action_status(a, by="unit")
    assert by_unit["total"].sum() == 6
    assert by_unit.set_index(by_unit["unit"].fillna("-")).loc["Parking", "total"] == 3
    with pytest.raises(AnalysisError, match="owner, unit or source"):
        action_status(a, by="colour")


def test_burn_down_planned_and_actual():
    a = prepare_actions(_actions(), report_date=REPORT)
    bd = burn_down(a, report_date=REPORT, start=dt.date(2026, 1, 1)).set_index("date")
    # five live actions; due dates 03-01, 05-01, 06-29, 06-30, 08-01
    assert bd.loc["2026-01-01", "planned"] == 5
    assert bd.loc["2026-03-31", "planned"] == 4
    assert bd.loc["2026-05-31", "planned"] == 3
    assert bd.loc["2026-06-30", "planned"] == 1
    assert bd.loc["2026-08-31", "planned"] == 0
    assert bd.loc["2026-06-30", "actual"] == 4  # open + in progress at the report date
    assert bd["actual"].notna().sum() == 1
    rounds = burn_down_rounds({"2026Q1": _actions().assign(status="open"), "2026Q2": _actions()})
    assert rounds["remaining"].tolist() == [6, 4]
    assert rounds["done"].tolist() == [0, 1]


def test_findings_without_action():
    res = findings_without_action(
        _actions(),
        pain_points=["Long queues at the counter", "No parking signage"],
        kpi_signals=["outage"],  # only a lesson-sourced action mentions it: not answered
        low_items=["הקשבה", "closing"],  # Hebrew name of "listening" finds the English action
        drivers=["queues"],  # only the cancelled action mentions it
    ).set_index("finding")
    assert res.loc["Long queues at the counter", "covered"]
    assert res.loc["Long queues at the counter", "action_ids"] == "A1"
    assert not res.loc["No parking signage", "covered"]
    assert not res.loc["outage", "covered"]
    assert res.loc["הקשבה", "covered"] and res.loc["הקשבה", "action_ids"] == "A2"
    assert not res.loc["closing", "covered"]
    assert not res.loc["queues", "covered"]
    with pytest.raises(AnalysisError, match="list of texts"):
        findings_without_action(_actions(), pain_points="queues")


def _lessons() -> pd.DataFrame:
    cats = ["Systems"] * 5 + ["Conduct"] * 3 + ["Process", "Signage"]
    months = [1, 2, 2, 3, 5, 4, 4, 4, 6, 6]
    return pd.DataFrame({
        "date": [pd.Timestamp(2026, m, 3) for m in months],
        "unit": ["Revenue", "Revenue", "Parking", "Revenue", "Revenue", "Parking", "Parking", "Parking", "Parking", "Parking"],
        "event": [f"event {i}" for i in range(10)],
        "category": [c.lower() if i == 4 else c for i, c in enumerate(cats)],  # "systems" is the same category
        "lesson": [None] * 10,
        "action_id": ["A4", None, None, "a3", None, None, "A5", None, "A1", None],
    })


def test_lessons_pareto_by_hand():
    p = lessons_pareto(_lessons(), actions=_actions()).set_index("category")
    assert list(p.index) == ["Systems", "Conduct", "Process", "Signage"]
    assert p["n"].tolist() == [5, 3, 1, 1]
    assert p["share"].tolist() == pytest.approx([0.5, 0.3, 0.1, 0.1])
    assert p["cumulative"].tolist() == pytest.approx([0.5, 0.8, 0.9, 1.0])
    assert p["vital_few"].tolist() == [True, True, False, False]  # the first 80 % of events
    assert p.loc["Systems", "recurring"] and p.loc["Systems", "periods"] == 4
    assert not p.loc["Conduct", "recurring"]  # three events, one month
    assert p.loc["Systems", "with_action"] == 2 and p.loc["Systems", "action_done"] == 1  # a3 -> A3 done
    assert p.loc["Conduct", "with_action"] == 1
    assert p["without_action"].sum() == 6
    q = lessons_pareto(_lessons(), actions=_actions(), period="Q").set_index("category")
    assert q.loc["Systems", "periods"] == 2
    unlinked = lessons_without_action(_lessons(), actions=_actions())
    assert len(unlinked) == 6 and list(unlinked["date"]) == sorted(unlinked["date"])


# --------------------------------------------------------------------------- training effect and transfer


def test_training_effect_and_suppression():
    rows = []
    for e in range(8):
        rows.append((f"p{e}", "listening", 2.0 + e % 3, 3.0 + e % 3 + (e % 2) * 0.5, "Parking"))
    for e in range(3):
        rows.append((f"r{e}", "listening", 3.0, 2.0, "Records"))  # a small team: never shown, not pooled
    tr = pd.DataFrame(rows, columns=["employee_code", "skill", "pre_score", "post_score", "unit"])
    eff = training_effect(tr, min_size=5)
    assert set(eff["unit"]) == {ALL, "Parking"}
    all_row = eff[eff["unit"] == ALL].iloc[0]
    parking = eff[eff["unit"] == "Parking"].iloc[0]
    assert all_row["n"] == 8 and all_row["change"] == pytest.approx(parking["change"])
    expected = paired_change(tr["pre_score"][:8], tr["post_score"][:8])
    assert all_row["change"] == pytest.approx(expected.mean_change)
    assert training_effect(tr, min_size=9).empty


def test_training_transfer_by_hand():
    tr = pd.DataFrame({"employee_code": [f"e{i}" for i in range(6)], "skill": "הקשבה", "pre_score": 2.0,
                       "post_score": 3.0, "date": pd.Timestamp(2026, 3, 15)})
    rows = []
    for i in range(6):
        rows.append((pd.Timestamp(2026, 2, 1), "U", "O", f"e{i}", "listening", 2 + i % 2))
        rows.append((pd.Timestamp(2026, 3, 15), "U", "O", f"e{i}", "listening", 3 + i % 2))  # on the date: after
        rows.append((pd.Timestamp(2026, 4, 1), "U", "O", f"e{i}", "closing", 1))  # other item: ignored
    tr_out = training_transfer(tr, _obs(rows), min_size=5).iloc[0]
    assert tr_out["skill"] == "listening" and tr_out["scope"] == "item"
    assert tr_out["n"] == 6 and tr_out["change"] == pytest.approx(1.0)
    assert training_transfer(tr, _obs(rows), min_size=7).empty


# --------------------------------------------------------------------------- the whole engagement


EMPLOYEES = {"Parking": [f"E{i:03d}" for i in range(1, 8)], "Revenue": [f"R{i:03d}" for i in range(1, 8)]}
ITEMS = ["listening", "containing anger", "setting boundaries kindly", "complete solution", "closing"]


def _client(folder, *, small_team: bool = True):
    rng = np.random.default_rng(5)
    sheets = english_sheets()  # min_group_size 5, period 2026-01-01 .. 2026-06-30
    obs = [["date", "unit", "observer", "employee_code", "item", "score"]]
    for unit, emps in EMPLOYEES.items():
        for month in range(1, 7):
            for e in emps:
                for j, item in enumerate(ITEMS):
                    drift = -0.25 * (month - 1) if item == "closing" else 0.0
                    s = int(np.clip(round(4.2 - 0.3 * j + drift + rng.normal(0, 0.6)), 1, 5))
                    day = dt.date(2026, month, 10)
                    obs.append([day, unit, "Observer A", e, item, s])
                    if month % 2 == 0:
                        obs.append([day, unit, "Observer B", e, item, int(np.clip(s + rng.choice([-1, 0, 0, 1]), 1, 5))])
            # an item scored on only two people of the unit: suppressed everywhere
            obs += [[dt.date(2026, month, 11), unit, "Observer A", emps[k], "greeting", 1] for k in range(2)]
    if small_team:  # one person, many scores: the unit must never appear with a score
        obs += [[dt.date(2026, m, 12), "Archive", "Observer A", "Z999", item, 1] for m in range(1, 7) for item in ITEMS]
    sheets["Observations"] = obs
    sheets["Actions"] = [
        ["action_id", "action", "owner", "due_date", "status", "finding", "service_id", "source"],
        ["A1", "Publish checklist", "Head of parking", dt.date(2026, 3, 1), "open", "long queues", "S1", "journey"],
        ["A2", "Listening workshop", "Head of parking", dt.date(2026, 5, 1), "in progress", "listening", "S1", "observation"],
        ["A3", "New IVR menu", "Head of revenue", dt.date(2026, 2, 1), "done", "calls dropped", "S2", "kpi"],
        ["A4", "Boundaries training", "Head of revenue", dt.date(2026, 9, 1), "open", "setting boundaries", "S2",
         "observation"],
        ["A5", "Old idea", "COO", dt.date(2026, 1, 15), "cancelled", None, None, None],
    ]
    sheets["Lessons"] = [
        ["date", "unit", "event", "category", "lesson", "action_id"],
        [dt.date(2026, 1, 5), "Revenue", "System outage", "Systems", "Runbook", "A3"],
        [dt.date(2026, 3, 5), "Revenue", "Outage again", "Systems", None, None],
        [dt.date(2026, 4, 5), "Parking", "Angry citizen", "Conduct", None, None],
    ]
    write_xlsx(folder / "intake.xlsx", sheets)
    lines = ["employee_code,skill,pre_score,post_score,unit,date"]
    for unit, emps in EMPLOYEES.items():
        for e in emps:
            for skill in ("listening", "closing"):
                pre = round(float(rng.uniform(2, 3.5)), 1)
                lines.append(f"{e},{skill},{pre},{round(pre + float(rng.uniform(0.1, 0.9)), 1)},{unit},2026-03-20")
    lines += [f"Z999,listening,2.0,4.0,Archive,2026-03-20"]
    (folder / "training.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def engagement(tmp_path_factory):
    return svcwork.load(_client(tmp_path_factory.mktemp("mgmt") / "agency"))


@pytest.fixture(scope="module")
def result(engagement):
    return analyse(engagement, pain_points=["long queues", "no signage"], kpi_signals=["Answered within 60 s"],
                   employee_table=True)


def _figure_texts(fig) -> list[str]:
    return [a.get_text() for a in fig.findobj(matplotlib.text.Text)]


def _all_output_text(result, lang: str) -> str:
    parts = [json.dumps(result.summary(), ensure_ascii=False)]
    for frame in result.tables(lang).values():
        parts.append(frame.to_csv(index=False))
    figs = result.figures(lang)
    for fig in figs.values():
        parts += _figure_texts(fig)
        charts.close(fig)
    parts += result.findings(lang)
    for pack in result.unit_packs():
        parts.append(json.dumps(pack.summary(), ensure_ascii=False))
        parts += pack.focus_points(lang)
        parts += [f.to_csv(index=False) for f in pack.tables(lang).values()]
    return "\n".join(parts)


def test_summary_keys_and_json(result):
    s = result.summary()
    json.dumps(s, allow_nan=False)
    # open = not done yet = not started + in progress; overdue is part of open
    assert s["actions"] == {"open": 3, "overdue": 2, "done": 1, "not_started": 2, "in_progress": 1, "cancelled": 1,
                            "total": 5}
    assert s["actions"]["open"] == s["actions"]["not_started"] + s["actions"]["in_progress"]
    assert s["observations"]["n"] > 0
    lowest = s["observations"]["lowest_items"]
    assert [x["item"] for x in lowest][0] == "closing"
    assert lowest == sorted(lowest, key=lambda x: x["mean"])
    assert set(s["training"]) == {"listening", "closing"}
    for v in s["training"].values():
        assert set(v) == {"mean_change", "low", "high", "n"}
        assert v["low"] < v["mean_change"] < v["high"] and v["n"] == 14  # the Archive trainee is not pooled
    cal = s["observations"]["calibration"]
    assert cal["n"] > 0 and cal["kappa_low"] < cal["kappa"] < cal["kappa_high"]
    # one pair of observers (A and B): its own row, ICC(2,1) with the F interval
    assert cal["icc_method"] == "icc_2_1" and cal["icc_interval"] == "f" and cal["seed"] is None
    assert cal["icc_low"] < cal["icc"] < cal["icc_high"]
    assert [r["round"] for r in s["action_rounds"]] == ["2026Q1", "2026Q2"]
    assert s["lessons"] == {"n": 3, "with_action": 1, "without_action": 2, "top_category": "Systems"}
    assert s["findings_without_action"] >= 2  # "no signage" and the KPI signal


def test_tables_and_figures_in_both_languages(result):
    en, he = result.tables("en"), result.tables("he")
    assert set(en) == set(he)
    for slug in ("observations_by_item", "observations_by_unit_item", "observation_trend", "coaching_focus",
                 "calibration", "actions_by_owner", "actions_by_unit", "actions_by_source", "actions_overdue",
                 "actions_burndown", "findings_without_action", "lessons_pareto", "lessons_without_action",
                 "training_effect", "training_transfer"):
        assert slug in en, slug
        assert all(HEBREW.search(str(c)) for c in he[slug].columns), slug
    assert "הקשבה" in set(he["observations_by_item"].iloc[:, 0])
    overdue = en["actions_overdue"]
    assert overdue.iloc[:, 0].tolist() == ["A1", "A2"]
    figs = result.figures("he")
    assert {"observation_heatmap", "observation_trend", "actions_status", "actions_burndown", "lessons_pareto",
            "training_change"} <= set(figs)
    assert any(HEBREW.search(t) for t in _figure_texts(figs["observation_heatmap"]))
    for fig in figs.values():
        charts.close(fig)
    assert 1 <= len(result.findings("he")) <= 5
    assert all(HEBREW.search(f) for f in result.findings("he"))


def test_suppressed_groups_never_leave(result):
    for lang in ("en", "he"):
        text = _all_output_text(result, lang)
        assert "greeting" not in text  # scored on two people per unit
        # the one-person team may appear only as a pack without scores
    for lang in ("en", "he"):
        for slug, frame in result.tables(lang).items():
            assert "Archive" not in frame.to_csv(index=False), slug
        for fig in result.figures(lang).values():
            assert not any("Archive" in t for t in _figure_texts(fig))
            charts.close(fig)
    archive = [p for p in result.unit_packs() if p.unit == "Archive"]
    assert archive and archive[0].items == () and archive[0].observation_mean is None
    assert archive[0].training == ()
    # organisation-wide item counts add up from the unit cells shown: no suppressed cell is
    # hidden inside a total
    en = result.tables("en")
    by_item = en["observations_by_item"].set_index("Item")["Count"]
    by_cell = en["observations_by_unit_item"].groupby("Item")["Count"].sum()
    pd.testing.assert_series_equal(by_item.sort_index(), by_cell.sort_index(), check_names=False,
                                   check_index_type=False)
    # nothing in the result's frames under min_group_size people
    mg = result.min_size
    for frame in (result.items, result.unit_items, result.observers, result.trend, result.unit_trend):
        assert (frame["employees"] >= mg).all()
    assert (result.training_by_unit["employees"] >= mg).all()
    assert (result.transfer["n"] >= mg).all()


def test_no_clear_employee_code_anywhere(result, engagement):
    codes = [c for emps in EMPLOYEES.values() for c in emps] + ["Z999"]
    for lang in ("en", "he"):
        text = _all_output_text(result, lang)
        for code in codes:
            assert not re.search(rf"\b{code}\b", text, flags=re.IGNORECASE), code
    # both files were pseudonymised with the same namespace, so trained employees were matched
    assert set(engagement.training["employee_code"]) & set(engagement.table("Observations")["employee_code"])
    assert len(result.transfer) == 2 and (result.transfer["n"] == 14).all()
    emp = result.tables("en")["observations_by_employee"]
    assert emp.iloc[:, 0].str.fullmatch(r"emp-[0-9a-f]{12}").all()
    assert len(result.tables("en")) == len(analyse(engagement).tables("en")) + 1  # off by default


def test_unit_packs(result):
    packs = {p.unit: p for p in result.unit_packs(signals={
        "Parking": [UnitSignal("Satisfaction (% agree)", 0.62, target=0.7, low=0.55, high=0.69, signal=True)],
        "Revenue": [{"label": "Calls answered in 60 s", "value": 0.81, "target": 0.8}],
    })}
    assert set(packs) == {"Archive", "Parking", "Revenue"}
    parking = packs["Parking"]
    assert [a.action_id for a in parking.overdue_actions] == ["A1", "A2"]
    assert parking.overdue_actions[0].days_overdue == 121
    assert len(parking.coaching) == 3 and parking.coaching[0].item == "closing"
    assert parking.coaching[0].falling
    pts_en, pts_he = parking.focus_points("en"), parking.focus_points("he")
    assert len(pts_en) == len(pts_he) == 3
    assert "overdue" in pts_en[0] and "Satisfaction" in pts_en[1]
    assert all(HEBREW.search(p) for p in pts_he)
    assert "סיום השיחה" in " ".join(pts_he)  # the skill in Hebrew
    revenue = packs["Revenue"]
    assert not revenue.overdue_actions and [a.action_id for a in revenue.open_actions] == ["A4"]
    assert len(revenue.focus_points("he")) == 3
    json.dumps(parking.summary(), allow_nan=False)
    assert set(parking.tables("he")) == {"signals", "observations", "actions", "training"}
    with pytest.raises(AnalysisError, match="signals"):
        result.unit_packs(signals={"Parking": [{"name": "x"}]})


def test_analyse_with_only_an_action_plan(english_client):
    eng = svcwork.load(english_client)
    res = analyse(eng)
    assert res.available and res.has_actions and not res.has_observations and not res.has_training
    assert "observations" in res.skipped("en") and HEBREW.search(res.skipped("he"))
    s = res.summary()
    json.dumps(s, allow_nan=False)
    assert s["actions"]["overdue"] == 1 and s["observations"] == {"n": 0, "sessions": 0, "lowest_items": [],
                                                                  "calibration": None}
    assert s["training"] == {}
    assert "actions_overdue" in res.tables("he") and "observations_by_item" not in res.tables("he")
    for fig in res.figures("en").values():
        charts.close(fig)
    assert res.findings("en")


def test_analyse_without_any_management_data(tmp_path):
    sheets = english_sheets()
    del sheets["Actions"]
    eng = svcwork.load(write_xlsx(tmp_path / "c" / "intake.xlsx", sheets).parent)
    res = analyse(eng)
    assert not res.available
    assert res.tables("en") == {} and res.figures("he") == {}
    assert res.findings("he") == [res.skipped("he")]
    assert HEBREW.search(res.skipped("he"))
    assert res.summary()["actions"]["total"] == 0
    assert res.unit_packs() == ()


def test_analyse_options_are_checked(engagement):
    with pytest.raises(AnalysisError, match="period"):
        analyse(engagement, period="W")
    with pytest.raises(AnalysisError, match="alpha"):
        analyse(engagement, alpha=5)
    with pytest.raises(AnalysisError, match="Engagement"):
        analyse(pd.DataFrame())


def test_inputs_are_not_mutated(engagement):
    before = {k: engagement.table(k) for k in ("Observations", "Actions", "Lessons")}
    training = engagement.training.copy()
    analyse(engagement, period="Q")
    for k, frame in before.items():
        pd.testing.assert_frame_equal(frame, engagement.table(k))
    pd.testing.assert_frame_equal(training, engagement.training)


def test_burn_down_across_measurement_rounds(engagement):
    earlier = engagement.table("Actions").assign(status="open")
    res = analyse(engagement, previous_actions={"2026Q1": earlier})
    rounds = res.tables("en")["actions_rounds"]
    assert rounds.iloc[:, 0].tolist() == ["2026Q1", "2026-06-30"]
    assert rounds["Remaining"].tolist() == [5, 3]
    figs = res.figures("he")
    assert "actions_rounds" in figs
    for fig in figs.values():
        charts.close(fig)


# --------------------------------------------------------------------------- findings of the other analyses (linked)


def _linked_client(folder):
    sheets = english_sheets()  # K1 "Answered within 60 s": 0.75 against a target of 0.8 (missed)
    sheets["Journey"] = [
        ["journey", "step", "stage", "touchpoint", "channel", "pain_point"],
        ["Parking permit", 1, "Apply", "Counter", "counter", "Long queues at the counter"],
        ["Parking permit", 2, "Wait", "Street", "counter", "No parking signage"],
        ["Parking permit", 3, "Receive", "Counter", "counter", "long queues at  the counter"],  # the same pain
    ]
    sheets["Actions"] = [
        ["action_id", "action", "owner", "due_date", "status", "source", "finding"],
        ["A1", "Open a second counter", "Head of parking", dt.date(2026, 3, 1), "open", "journey",
         "Long queues at the counter"],
        ["A2", "Call-back at peak hours", "Contact centre", dt.date(2026, 4, 1), "open", "kpi", "K1 below target"],
        ["A3", "Shorter decision letters", "Head of revenue", dt.date(2026, 4, 1), "open", "survey",
         "Low agreement on efficiency"],
        ["A4", "Decrease the number of form steps", "Head of revenue", dt.date(2026, 5, 1), "open", "survey", None],
        ["A5", "Ease of use review", "COO", dt.date(2026, 5, 1), "cancelled", "survey", "ease"],
    ]
    write_xlsx(folder / "intake.xlsx", sheets)
    # satisfaction driven by ease and efficiency, which few agree with: the "concentrate here" items
    rng = np.random.default_rng(2)
    n = 300
    low, high = [0.2, 0.3, 0.2, 0.2, 0.1], [0.02, 0.03, 0.05, 0.4, 0.5]
    survey = pd.DataFrame({"response_id": np.arange(n), "date": "2026-02-01"})
    for item, p in (("ease", low), ("efficiency", low), ("equity", high), ("helpfulness", high)):
        survey[item] = rng.choice(np.arange(1, 6), n, p=p)
    survey["satisfaction"] = np.clip(np.round((survey["ease"] + survey["efficiency"]) / 2 + rng.normal(0, 0.5, n)), 1, 5)
    survey.to_csv(folder / "survey.csv", index=False)
    return folder


def test_linked_findings_flag_what_no_action_answers(tmp_path):
    from svcwork.management import linked_findings
    eng = svcwork.load(_linked_client(tmp_path / "linked"))
    linked = linked_findings(eng)
    assert linked["pain_points"] == ["Long queues at the counter", "No parking signage"]
    assert linked["kpi_signals"] == ["Answered within 60 s"]
    assert sorted(linked["drivers"]) == ["Ease", "Efficiency"]
    res = analyse(eng, **linked)
    got = res.unanswered.set_index("finding")
    # a pain point with a matching action is answered, one without is flagged
    assert got.loc["Long queues at the counter", "covered"] and got.loc["Long queues at the counter", "action_ids"] == "A1"
    assert not got.loc["No parking signage", "covered"]
    assert got.loc["Answered within 60 s", "action_ids"] == "A2"  # the action quotes the KPI's id
    assert got.loc["Efficiency", "action_ids"] == "A3"
    # "decrease" does not mention "ease", and a cancelled action answers nothing
    assert not got.loc["Ease", "covered"]
    assert res.summary()["findings_without_action"] == 2
    he = res.tables("he")["findings_without_action"]
    assert set(he.iloc[:, 1]) == {"No parking signage", "קלות"}  # survey items in the report language
    from svcwork.i18n import t
    assert t("management.finding.unanswered", "en", count=2) in res.findings("en")
    # no Journey sheet and no survey: empty lists (the KPI still misses its target)
    bare = svcwork.load(_client(tmp_path / "bare"))
    assert linked_findings(bare) == {"pain_points": [], "kpi_signals": ["Answered within 60 s"], "drivers": []}
    with pytest.raises(AnalysisError, match="Engagement"):
        linked_findings(pd.DataFrame())


# --------------------------------------------------------------------------- ICC(1,1) and the pooled calibration row


def test_icc_1_1_matches_shrout_fleiss():
    from svcwork.management import icc_1_1
    icc = icc_1_1(SHROUT_FLEISS)
    # Shrout & Fleiss (1979) Table 4: ICC(1,1) = .17; R psych::ICC (ICC1): 0.17, bounds -0.13 and 0.72
    assert icc.estimate == pytest.approx(0.166, abs=5e-4)
    assert icc.low == pytest.approx(-0.13, abs=5e-3)
    assert icc.high == pytest.approx(0.72, abs=5e-3)
    assert icc.method == "icc_1_1" and icc.n == 6


def test_icc_1_1_against_statsmodels_one_way_anova():
    import statsmodels.api as sm
    from statsmodels.formula.api import ols

    from svcwork.management import icc_1_1
    rng = np.random.default_rng(3)
    m = rng.normal(0, 1, (40, 1)) + rng.normal(0, 0.8, (40, 3))  # 40 targets, 3 ratings each
    long = pd.DataFrame({"target": np.repeat(np.arange(40), 3), "y": m.ravel()})
    aov = sm.stats.anova_lm(ols("y ~ C(target)", data=long).fit())
    bms, wms = aov.loc["C(target)", "mean_sq"], aov.loc["Residual", "mean_sq"]
    f0, k, n = bms / wms, 3, 40
    icc = icc_1_1(m)
    assert icc.estimate == pytest.approx((bms - wms) / (bms + (k - 1) * wms))
    fl = f0 / stats.f.ppf(0.975, n - 1, n * (k - 1))
    fu = f0 * stats.f.ppf(0.975, n * (k - 1), n - 1)
    assert icc.low == pytest.approx((fl - 1) / (fl + k - 1))
    assert icc.high == pytest.approx((fu - 1) / (fu + k - 1))
    assert icc_1_1(np.array([[3, 3], [3, 3]])).estimate is None


def test_icc_1_1_cluster_bootstrap_is_seeded_and_wider_under_clustering():
    from svcwork.management import icc_1_1, icc_1_1_cluster_bootstrap
    rng = np.random.default_rng(8)
    emp = np.repeat(np.arange(12), 5)  # 12 employees, 5 pairs each: the pairs of one employee move together
    level = rng.normal(3, 1, 12)[emp]
    a, b = level + rng.normal(0, 0.5, 60), level + rng.normal(0, 0.5, 60)
    boot = icc_1_1_cluster_bootstrap(a, b, emp, n_boot=1000, seed=4)
    assert boot == icc_1_1_cluster_bootstrap(a, b, emp, n_boot=1000, seed=4)  # the recorded seed reproduces it
    assert boot != icc_1_1_cluster_bootstrap(a, b, emp, n_boot=1000, seed=5)
    f = icc_1_1(np.column_stack([a, b]))
    assert boot.estimate == pytest.approx(f.estimate) and boot.low < boot.estimate < boot.high
    # 60 pairs but only 12 independent employees: the clustered interval is wider than the F interval
    assert boot.high - boot.low > f.high - f.low
    # by hand: the same draws (employees with replacement, all their pairs), ICC(1,1) of each replicate
    small = icc_1_1_cluster_bootstrap(a, b, emp, n_boot=200, seed=9)
    draws = np.random.default_rng(9).multinomial(12, np.full(12, 1 / 12), size=200)
    reps = []
    for counts in draws:
        take = np.concatenate([np.tile(np.flatnonzero(emp == e), int(c)) for e, c in enumerate(counts) if c])
        reps.append(icc_1_1(np.column_stack([a[take], b[take]])).estimate)
    assert small.low == pytest.approx(np.quantile(reps, 0.025))
    assert small.high == pytest.approx(np.quantile(reps, 0.975))


def test_observer_calibration_pooled_row_uses_icc_1_1():
    from svcwork.management import icc_1_1
    rng = np.random.default_rng(1)
    rows = []
    observers = [("Avi", "Dana"), ("Avi", "Noa"), ("Dana", "Noa")]
    for i in range(18):
        oa, ob = observers[i % 3]
        day = pd.Timestamp(2026, 3, 1 + i)
        for item in ("listening", "closing"):
            s = int(rng.integers(2, 6))
            rows += [(day, "U", oa, f"e{i}", item, s), (day, "U", ob, f"e{i}", item, int(np.clip(s + rng.integers(-1, 2), 1, 5)))]
    cal = observer_calibration(_obs(rows), min_size=5, n_boot=500, seed=7)
    pooled = cal[cal["observer_a"] == ALL].iloc[0]
    pairs = cal[cal["observer_a"] != ALL]
    assert len(pairs) == 3 and (pairs["icc_method"] == "icc_2_1").all() and (pairs["icc_interval"] == "f").all()
    assert pairs["seed"].isna().all()
    assert pooled["icc_method"] == "icc_1_1" and pooled["icc_interval"] == "cluster_bootstrap"
    assert (pooled["n_boot"], pooled["seed"]) == (500, 7) and pooled["n"] == 36 and pooled["employees"] == 18
    # the pooled estimate is the one-way ICC of all pairs (observer pair ignored), not ICC(2,1)
    table = []
    for _, grp in _obs(rows).groupby(["employee_code", "item"]):
        table.append(sorted(zip(grp["observer"], grp["score"]))[0][1:] + sorted(zip(grp["observer"], grp["score"]))[1][1:])
    assert pooled["icc"] == pytest.approx(icc_1_1(np.array(table, dtype=float)).estimate)
    assert pooled["icc_low"] < pooled["icc"] < pooled["icc_high"]
    again = observer_calibration(_obs(rows), min_size=5, n_boot=500, seed=7)
    pd.testing.assert_frame_equal(cal, again)


# --------------------------------------------------------------------------- training transfer through analyse


def test_training_transfer_through_analyse_uses_all_observations(tmp_path):
    sheets = english_sheets()  # min_group_size 5
    obs = [["date", "unit", "observer", "employee_code", "item", "score"]]
    tr = ["employee_code,skill,pre_score,post_score,unit,date"]
    for unit in ("Parking", "Revenue"):
        emps = [f"{unit[0]}{i:02d}" for i in range(6)]
        for i, e in enumerate(emps):
            # each unit × item cell has 3 people (< 5: never published), listening pooled has 6 per unit
            item = "listening" if i < 3 else "closing"
            obs.append([dt.date(2026, 2, 1), unit, "Observer A", e, item, 2])
            obs.append([dt.date(2026, 4, 1), unit, "Observer A", e, item, 4])
            for skill in ("listening", "closing"):
                tr.append(f"{e},{skill},2.0,3.0,{unit},2026-03-01")
    sheets["Observations"] = obs
    folder = tmp_path / "transfer"
    write_xlsx(folder / "intake.xlsx", sheets)
    (folder / "training.csv").write_text("\n".join(tr) + "\n", encoding="utf-8")
    res = analyse(svcwork.load(folder))
    assert res.items.empty and res.unit_items.empty  # no observation cell is publishable
    got = res.transfer.set_index("skill")
    assert set(got.index) == {"listening", "closing"}
    assert got.loc["listening", "n"] == 6 and got.loc["listening", "change"] == pytest.approx(2.0)
    assert got.loc["listening", "scope"] == "item"
    assert "training_transfer" in res.tables("he")


# --------------------------------------------------------------------------- burn-down across rounds from due dates


def test_burn_down_by_round_from_due_dates(result):
    from svcwork.management import burn_down_by_round
    r = result.rounds  # period 2026-01-01 .. 2026-06-30: two quarterly rounds
    assert r["round"].tolist() == ["2026Q1", "2026Q2"]
    assert r["date"].dt.date.tolist() == [dt.date(2026, 3, 31), dt.date(2026, 6, 30)]
    # due by 31 March: A1 (open) and A3 (done); by 30 June also A2 (in progress); A4 due in September
    assert r["due"].tolist() == [2, 3] and r["done"].tolist() == [1, 1] and r["remaining"].tolist() == [1, 2]
    assert r["planned"].tolist() == [2, 1] and (r["total"] == 4).all()  # A5 cancelled
    assert r["remaining"].iloc[-1] == result.summary()["actions"]["overdue"]
    table = result.tables("en")["actions_rounds"]
    assert list(table.columns) == ["Round", "Round end", "Due by the round end", "Done (at the report date)",
                                   "Not yet done (at the report date)", "Planned remaining"]
    assert all(HEBREW.search(c) for c in result.tables("he")["actions_rounds"].columns)
    figs = result.figures("he")
    assert "actions_rounds" in figs
    for fig in figs.values():
        charts.close(fig)
    monthly = burn_down_by_round(result.actions, report_date=dt.date(2026, 6, 30), start=dt.date(2026, 1, 1), freq="M")
    assert len(monthly) == 6 and monthly["remaining"].tolist() == [0, 0, 1, 1, 2, 2]


# --------------------------------------------------------------------------- manager pages: survey, KPI signals, no leak


def _pack_client(folder):
    _client(folder)
    from openpyxl import load_workbook
    sheets = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in load_workbook(folder / "intake.xlsx")}
    sheets["KPIs"] = [["kpi_id", "kpi_name", "direction", "target", "kind", "service_id"],
                      ["K1", "Answered within 60 s", "higher", 0.8, "proportion", "S1"],
                      ["K2", "Average wait (minutes)", "lower", 6, "mean", None]]
    sheets["KPI values"] = [["kpi_id", "period", "value", "n", "unit"],
                            ["K1", "2026-01", 0.7, 1000, None], ["K1", "2026-02", 0.75, 1100, None],
                            *[["K2", f"2026-{m:02d}", v, None, "Revenue"]
                              for m, v in zip(range(1, 7), (5.0, 5.2, 4.9, 5.1, 5.0, 9.0))]]
    write_xlsx(folder / "intake.xlsx", sheets)
    rng = np.random.default_rng(4)
    parts = []
    for unit, n, p_agree in (("Parking", 60, 0.3), ("Revenue", 80, 0.8), ("Welfare", 20, 0.5), ("Tiny", 3, 0.5)):
        agree = rng.random((n, 3)) < p_agree
        parts.append(pd.DataFrame({"unit": unit, **{item: np.where(agree[:, j], 5, 2)
                                                    for j, item in enumerate(("satisfaction", "ease", "trust"))}}))
    survey = pd.concat(parts, ignore_index=True)
    survey.insert(0, "response_id", np.arange(len(survey)))
    survey.insert(1, "date", "2026-03-01")
    survey.to_csv(folder / "survey.csv", index=False)
    return folder


def test_unit_pages_show_survey_intervals_and_kpi_signals_without_leaks(tmp_path):
    from svcwork import measures, report
    from svcwork.management import unit_signals
    eng = svcwork.load(_pack_client(tmp_path / "packs"))
    res = analyse(eng)
    sig = unit_signals(eng, lang="en")
    assert "Tiny" not in sig and "Welfare" not in sig  # 3 responses; Welfare hidden by secondary suppression
    by_unit = measures.analyse(eng, n_boot=0).by["unit"]
    parking = {s.label: s for s in sig["Parking"] if s.kind == "survey"}
    row = by_unit[(by_unit["unit"] == "Parking") & (by_unit["item"] == "ease")].iloc[0]
    ease = parking["Ease"]
    assert ease.value == pytest.approx(100 * row["pct_agree"]) and ease.n == row["n"] == 60
    lo, hi = measures.wilson_interval(row["agree"], row["n"]).low, measures.wilson_interval(row["agree"], row["n"]).high
    assert (ease.low, ease.high) == (pytest.approx(100 * lo), pytest.approx(100 * hi))
    assert ease.signal and "below the other units" in ease.note  # 30 % against 80 %: significantly lower
    kpi = {s.label: s for s in sig["Parking"] if s.kind == "kpi"}
    assert kpi["Answered within 60 s"].signal and "misses the target" in kpi["Answered within 60 s"].note
    wait = {s.label: s for s in sig["Revenue"] if s.kind == "kpi"}["Average wait (minutes)"]
    assert wait.signal and wait.value == 9.0 and "control-chart signal" in wait.note  # rule 1 in June
    assert not any(s.kind == "kpi" for s in sig.get("Welfare", ()))
    for lang in ("en", "he"):
        packs = res.unit_packs(signals=unit_signals(eng, lang=lang))  # notes and item names in the page's language
        assert "Tiny" not in {p.unit for p in packs}
        out = tmp_path / f"out-{lang}"
        paths = report.write_unit_packs(packs, output_dir=out, engagement=eng, lang=lang)
        names = {p.name.casefold() for p in paths}
        assert names == {"parking.html", "revenue.html"}, names  # no page for Archive (all suppressed), Tiny, Welfare
        page = next(p for p in paths if p.name.casefold() == "parking.html").read_text(encoding="utf-8")
        assert t_("report.unit_table.survey", lang) in page and t_("report.unit_table.signals", lang) in page
        assert t_("management.col.pct_agree", lang) in page and t_("management.col.low", lang) in page
        assert f"{100 * lo:.1f}" in page and f"{100 * hi:.1f}" in page  # the Wilson interval of "ease"
        assert t_("measures.item_short.ease", lang) in page or t_("measures.item.ease", lang) in page
        revenue = next(p for p in paths if p.name.casefold() == "revenue.html").read_text(encoding="utf-8")
        assert "Average wait (minutes)" in revenue
        text = "".join(p.read_text(encoding="utf-8") for p in paths)
        for leak in ("Tiny", "Welfare", "Archive", "greeting", "Z999"):
            assert leak not in text, leak
        for code in [c for emps in EMPLOYEES.values() for c in emps]:
            assert not re.search(rf"\b{code}\b", text), code
        assert not re.search(r"emp-[0-9a-f]{12}", text)  # no pseudonym either


def t_(key, lang):
    from svcwork.i18n import t
    return t(key, lang)


def test_pack_tables_never_show_negative_zero(tmp_path, engagement):
    from svcwork import report
    from svcwork.management import SkillChange, UnitPack
    pack = UnitPack(unit="Parking", min_size=5, report_date=dt.date(2026, 6, 30),
                    training=(SkillChange("listening", 6, -0.001, -0.3, 0.0004, -0.0001),),
                    signals=(UnitSignal("Wait", -0.0001, target=0.0),))
    values = pack.tables("en")["training"].select_dtypes("number").to_numpy(dtype=float).ravel()
    assert not np.signbit(values[values == 0]).any()
    page = report.write_unit_packs([pack], output_dir=tmp_path, engagement=engagement, lang="en")[0].read_text("utf-8")
    cells = re.findall(r"<td class='num'>([^<]*)</td>", page)
    assert cells and not any(re.fullmatch(r"[-−]0(\.0+)?", c) for c in cells), cells
    from svcwork.management import FocusPoint
    flat = FocusPoint("management.focus.training_flat", (("skill", "item", "listening"), ("change", "signed", -0.001)))
    assert "+0.0" in flat.text("en") and "-0.0" not in flat.text("he")
    # the result's tables too
    res_tables = analyse(engagement).tables("en")
    for frame in res_tables.values():
        for col in frame.select_dtypes("float").columns:
            assert not any(v == 0 and np.signbit(v) for v in frame[col].dropna()), col

