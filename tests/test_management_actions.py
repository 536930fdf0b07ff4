"""Management, the action plan: overdue against the report date, status counts, burn-down (planned,
snapshots, rounds from due dates), findings no action answers (:mod:`svcwork.management.actions`)."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from test_management_analysis import engagement, result  # noqa: F401  (module fixtures)

from svcwork import charts
from svcwork.errors import AnalysisError
from svcwork.management import (action_status, burn_down, burn_down_by_round, burn_down_rounds,
                                findings_without_action, overdue_actions, prepare_actions)

HEBREW = re.compile(r"[\u0590-\u05ff]")


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


# --------------------------------------------------------------------------- burn-down across rounds from due dates


def test_burn_down_by_round_from_due_dates(result):
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
