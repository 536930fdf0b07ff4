"""Data quality of an event log (svcwork.journeys.quality): the imperfection checks of Suriadi et al.
(2017) on a hand-built log, and the time-zone offsets the loader normalised."""

from __future__ import annotations

import pandas as pd
from test_journeys_handoffs import frame, hours

from conftest import EVENTLOGS
from svcwork.i18n import t
from svcwork.journeys.log import analyse_log, load_cases
from svcwork.journeys.present import data_quality_table
from svcwork.journeys.quality import data_quality
from svcwork.tables import column_kind


def test_data_quality_checks_on_a_hand_built_log():
    # q1: three events at the same instant (a tie group of 3 events in 1 case); two of them are the same
    #     (case, activity, timestamp) -> 1 duplicate
    # q2: a single event, without unit or resource
    # q3: listed later-first (1 event out of order in 1 case) plus a row without a timestamp (left out)
    cols = ("case_id", "activity", "timestamp", "unit", "resource")
    log = frame([
        ("q1", "a", hours(0), "X", "r1"), ("q1", "b", hours(0), "X", "r1"), ("q1", "b", hours(0), "X", "r2"),
        ("q2", "a", hours(1), None, None),
        ("q3", "b", hours(5), "X", "r1"), ("q3", "a", hours(4), "Y", "r1"), ("q3", "c", None, "Y", "r1"),
    ], cols)
    q = data_quality(log, offsets=["+02:00", "+01:00", "+02:00"])
    assert (q.events, q.cases, q.dropped) == (6, 3, 1)
    assert q.dropped_detail == {"no_case": 0, "no_activity": 0, "no_timestamp": 1}
    assert (q.no_unit, q.no_resource) == (1, 1)
    assert (q.tie_events, q.tie_cases, q.duplicate_events) == (3, 1, 1)
    assert (q.out_of_order_events, q.out_of_order_cases) == (1, 1)
    assert q.single_event_cases == 1
    assert q.offsets == ("+01:00", "+02:00")
    table = q.table("he")
    assert list(table.columns) == [t(f"journeys.col.{k}", "he") for k in ("check", "count", "share", "note")]
    assert len(table) == 10
    # the result's table is the presentation's (svcwork.journeys.present), typed by its catalogue keys
    pd.testing.assert_frame_equal(table, data_quality_table(q, "he"))
    assert [column_kind(table, h) for h in table.columns] == [None, "count", "share", None]


def test_the_standalone_api_reports_the_offsets_the_loader_normalised():
    # receipt.csv mixes +01:00 (winter) and +02:00 (summer) offsets: counted with grep on the raw text
    raw = (EVENTLOGS / "receipt.csv").read_text()
    ts = [line.rsplit(",", 1)[1] for line in raw.splitlines()[1:]]
    seen = {s[-6:] for s in ts}
    assert seen == {"+01:00", "+02:00"}
    log = load_cases(EVENTLOGS / "receipt.csv", timezone="Europe/Amsterdam")
    assert data_quality(log).offsets == ("+01:00", "+02:00")
    assert analyse_log(log).quality.offsets == ("+01:00", "+02:00")
    assert data_quality(log, offsets=["+03:00"]).offsets == ("+03:00",)  # an explicit list wins
