"""Management, the action plan: overdue against the report date, status counts, burn-down (planned,
snapshots, rounds from due dates), findings no action answers (:mod:`svcwork.management.actions`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest
from test_management_analysis import engagement, result  # noqa: F401  (module fixtures)

from svcwork import charts
from svcwork.errors import AnalysisError
from svcwork.i18n import t
from svcwork.management import (Finding, action_status, burn_down, burn_down_by_round, burn_down_rounds,
                                findings_without_action, kpi_snapshot, kpi_units, overdue_actions, prepare_actions,
                                resolve_findings)
from svcwork.management.coverage import SUGGEST_OVERLAP, overlap

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


def _linked_actions() -> pd.DataFrame:
    """The plan of :func:`_actions` with the Actions sheet's link columns filled in."""
    return _actions().assign(
        journey=["Parking permit", None, None, None, None, "parking permit"],
        journey_step=[1, None, None, None, None, None],  # A6 names the whole journey
        kpi_id=[None, None, "k1", None, None, None],
        observation_item=[None, "listening", None, None, None, None],
        survey_item=[None, None, None, None, "ease", None],  # A5 is cancelled
        lesson=[None] * 6)


def test_findings_are_covered_by_ids_and_words_only_suggest():
    res = findings_without_action(
        _linked_actions(),
        pain_points=[Finding.pain_point("Long queues at the counter", [("Parking permit", 1)]),
                     Finding.pain_point("No signage", [("Business licence", 2)])],
        kpi_signals=[Finding.kpi("Answered within 60 s", "K1"), "outage"],  # "outage": a text, no id
        low_items=[Finding.observation("הקשבה"), Finding.observation("closing")],
        drivers=[Finding.driver("ease")],
    ).set_index("finding")
    # an action naming the journey step, or the whole journey, answers the pain point there (ids are case-blind)
    assert res.loc["Long queues at the counter", "covered"]
    assert res.loc["Long queues at the counter", "action_ids"] == "A1, A6"
    # another journey's pain point is not answered; the action "Signage" shares its words: a suggestion only
    assert not res.loc["No signage", "covered"] and res.loc["No signage", "suggested"] == "A6"
    assert res.loc["Answered within 60 s", "action_ids"] == "A3"
    # a text without an id is never covered, however well an action's words match it: only suggested
    assert not res.loc["outage", "covered"] and res.loc["outage", "suggested"] == "A4"
    # a frontline skill is the same item in either language
    assert res.loc["הקשבה", "covered"] and res.loc["הקשבה", "action_ids"] == "A2"
    assert not res.loc["closing", "covered"]
    # a cancelled action answers nothing and suggests nothing
    assert not res.loc["ease", "covered"] and res.loc["ease", "suggested"] == ""
    assert res.loc["Long queues at the counter", "ref"] == "Parking permit · 1"
    with pytest.raises(AnalysisError, match="list of texts"):
        findings_without_action(_actions(), pain_points="queues")
    with pytest.raises(AnalysisError, match="kind"):
        Finding("rumour", "x")


def test_words_alone_never_cover_a_finding():
    """The old rule counted an action whose text mentioned a finding as answering it; now the words
    of the action only suggest (the finding stays uncovered until a link column names it)."""
    res = findings_without_action(
        _actions(), pain_points=["Long queues at the counter"], low_items=["הקשבה"]).set_index("finding")
    assert not res["covered"].any()
    assert res.loc["Long queues at the counter", "suggested"] == "A1"  # its finding text quotes the pain point
    assert res.loc["הקשבה", "suggested"] == "A2"  # "Workshop on listening", the skill's English name


def test_suggestions_by_shared_words_follow_the_overlap_coefficient():
    # overlap coefficient |A ∩ B| / min(|A|, |B|) of the content words (Vijaymeena & Kavitha 2016, §2.2.4);
    # by hand: {file, bounce, between, legal, licensing} is wholly inside the action's words -> 5 / 5
    assert overlap("The file bounces between legal and licensing",
                   "Premises files bounce between legal and licensing") == pytest.approx(1.0)
    # {guidance, long, legalistic} shares only "guidance" with the A05 wording -> 1 / 3
    assert overlap("Guidance is long and legalistic",
                   "Low ease scores for premises licences ‖ Plain-English guidance for premises licences") \
        == pytest.approx(1 / 3)
    assert overlap("", "anything") == 0.0
    assert SUGGEST_OVERLAP == pytest.approx(0.6)


def test_plain_findings_get_the_ids_the_intake_gives_them():
    journey = pd.DataFrame({"journey": ["Parking permit"] * 3, "step": [1, 2, 3],
                            "pain_point": ["Long queues", None, "long  queues"]})
    kpis = pd.DataFrame({"kpi_id": ["K1"], "kpi_name": ["Answered within 60 s"]})
    [pain] = resolve_findings("pain_point", ["Long queues"], journey=journey)
    assert pain.refs == ((("journey", "Parking permit"), ("journey_step", 1)),
                         (("journey", "Parking permit"), ("journey_step", 3)))
    assert resolve_findings("kpi_signal", ["answered within 60 s"], kpis=kpis)[0].refs == ((("kpi_id", "K1"),),)
    assert resolve_findings("driver", ["קלות"])[0].refs == ((("survey_item", "ease"),),)
    assert resolve_findings("pain_point", ["Unknown pain"], journey=journey)[0].refs == ()


def test_an_action_belongs_to_its_unit_else_its_owners_else_its_services():
    owners = pd.DataFrame({"owner": ["Dana", "avi "], "unit": ["Front desk", "Contact centre"]})
    a = prepare_actions(_actions().assign(unit=[None, "Welfare", None, None, None, None]), report_date=REPORT,
                        services=SERVICES, owners=owners).set_index("action_id")
    assert a.loc["A1", "unit"] == "Front desk" and a.loc["A1", "unit_from"] == "owner"  # not the service's Parking
    assert a.loc["A2", "unit"] == "Welfare" and a.loc["A2", "unit_from"] == "sheet"
    assert a.loc["A3", "unit"] == "Contact centre"  # owner names match case- and space-blind
    assert a.loc["A5", "unit"] == "Parking" and a.loc["A5", "unit_from"] == "service"  # COO: not in Owners
    without = prepare_actions(_actions(), report_date=REPORT, services=SERVICES).set_index("action_id")
    assert without.loc["A1", "unit"] == "Parking" and without.loc["A1", "unit_from"] == "service"
    assert pd.isna(without.loc["A4", "unit"]) and pd.isna(without.loc["A4", "unit_from"])


def test_a_kpi_belongs_to_its_unit_else_its_owners_else_its_services():
    kpis = pd.DataFrame({"kpi_id": ["K1", "K2", "K3", "K4"], "kpi_name": ["a", "b", "c", "d"],
                         "direction": ["higher"] * 4, "target": [0.8] * 4,
                         "owner": ["Dana", "Dana", "COO", "COO"], "service_id": ["S1", "S1", "S2", None],
                         "unit": ["Welfare", None, None, None]})
    values = pd.DataFrame({"kpi_id": ["K1", "K2", "K3", "K4", "K4"], "period": pd.to_datetime(["2026-01-01"] * 5),
                           "value": [0.9, 0.7, 0.85, 0.5, 0.6], "unit": [None, None, None, None, "Parking"]})
    owners = pd.DataFrame({"owner": ["Dana"], "unit": ["Front desk"]})
    snap = kpi_snapshot(kpis, values, services=SERVICES, owners=owners)
    got = {(k, u if isinstance(u, str) else None) for k, u in zip(snap["kpi_id"], snap["unit"])}
    assert got == {("K1", "Welfare"), ("K2", "Front desk"), ("K3", "Revenue"), ("K4", None), ("K4", "Parking")}
    assert kpi_units(kpis, owners=owners, services=SERVICES) == {"K1": "Welfare", "K2": "Front desk", "K3": "Revenue",
                                                                 "K4": None}


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
    assert list(table.columns) == ["Round", "Round end", "Due by the round end (the last: before the report date)",
                                   "Done (at the report date)",
                                   "Not yet done (at the report date)", "Planned remaining"]
    assert all(HEBREW.search(c) for c in result.tables("he")["actions_rounds"].columns)
    figs = result.figures("he")
    assert "actions_rounds" in figs
    for fig in figs.values():
        charts.close(fig)
    monthly = burn_down_by_round(result.actions, report_date=dt.date(2026, 6, 30), start=dt.date(2026, 1, 1), freq="M")
    assert len(monthly) == 6 and monthly["remaining"].tolist() == [0, 0, 1, 1, 2, 2]


def test_the_last_round_counts_what_is_overdue_and_nothing_due_on_the_report_date():
    """An action due on the report date and still in progress is not late yet: the last round's "not yet done"
    is the overdue count (review: 4 beside 3 overdue when one was due on the day)."""
    actions = _actions().assign(due_date=pd.to_datetime(["2026-03-01", "2026-06-30", "2026-05-01", "2026-06-29",
                                                         "2026-01-15", "2026-08-01"]))
    report = dt.date(2026, 6, 30)
    rounds = burn_down_by_round(actions, report_date=report, start=dt.date(2026, 1, 1))
    prepared = prepare_actions(actions, report_date=report)
    overdue = int(prepared["overdue"].sum())
    # by hand: A1 (open, 1 March) and A4 (in progress, 29 June) are past due; A2 (in progress) is due on the day
    assert overdue == 2 and rounds["remaining"].iloc[-1] == overdue
    assert rounds["due"].tolist() == [1, 3]  # Q1: A1; before 30 June: A1, A3 (done), A4 — A5 cancelled, A2 not yet
    # a quarter that ended before the report date counts its last day: an action due on 31 March is in Q1
    q1 = actions.assign(due_date=actions["due_date"].where(actions["action_id"] != "A3", pd.Timestamp("2026-03-31")))
    assert burn_down_by_round(q1, report_date=report, start=dt.date(2026, 1, 1))["due"].tolist() == [2, 3]


def test_the_action_tables_show_a_share_to_a_tenth_and_whole_days(result):
    """1 of 3 done reads 33.3% (the share kept to four decimals, not 0.33 → 33.0%); days overdue are whole."""
    from svcwork.management.present import tables

    by_owner = result.by_owner.assign(done=[1] * len(result.by_owner), total=[3] * len(result.by_owner),
                                      done_share=[1 / 3] * len(result.by_owner))
    shown = tables(dataclasses.replace(result, by_owner=by_owner), "en")["actions_by_owner"]
    assert shown[t("management.col.done_share", "en")].tolist() == [0.3333] * len(by_owner)
    days = tables(result, "en")["actions_overdue"][t("management.col.days_overdue", "en")]
    assert all(isinstance(v, (int, np.integer)) for v in days) and len(days)
