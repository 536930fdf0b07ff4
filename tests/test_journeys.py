"""Journeys and case-log analytics (svcwork.journeys).

Independent references used here:
* pm4py (test-only dependency, AGPL) on the real logs in shared/data/eventlogs: variants,
  directly-follows counts, start/end activities, median waiting time per edge, case durations;
* a plain Python loop over each case (a second method) for the hand-off matrix and ping-pong on
  the real receipt log;
* small hand-built logs whose answers are worked out in the comments (hand-offs, ping-pong, time
  lost, repeat contact, FCR, channel switching, SLA, closure, rework, data-quality checks).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import EVENTLOGS, english_sheets, hebrew_sheets, write_xlsx
from svcwork import AnalysisError, load
from svcwork import journeys as J
from svcwork.charts import SLIDE_SIZE
from svcwork.i18n import t

pm4py = pytest.importorskip("pm4py")

T0 = pd.Timestamp("2026-01-05 08:00", tz="UTC")


def frame(rows, columns=("case_id", "activity", "timestamp", "unit")) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=list(columns))
    out["timestamp"] = pd.to_datetime(out["timestamp"], utc=True)
    return out


def hours(h: float) -> pd.Timestamp:
    return T0 + pd.Timedelta(hours=h)


def days(d: float) -> pd.Timestamp:
    return T0 + pd.Timedelta(days=d)


# =========================================================================== against pm4py on real logs
def _pm4py_frame(raw: pd.DataFrame) -> pd.DataFrame:
    return pm4py.format_dataframe(raw, case_id="case:concept:name", activity_key="concept:name",
                                  timestamp_key="time:timestamp")


def _assert_same_as_pm4py(log: pd.DataFrame, ref: pd.DataFrame) -> None:
    v = J.variants(log)
    assert v.as_dict() == {tuple(k): int(c) for k, c in pm4py.get_variants(ref).items()}
    dfg, start, end = pm4py.discover_dfg(ref)
    d = J.directly_follows(log)
    assert d.as_dict() == {k: int(c) for k, c in dfg.items()}
    assert d.start.to_dict() == dict(start) and d.end.to_dict() == dict(end)
    perf, _, _ = pm4py.discover_performance_dfg(ref)
    mine = {(a, b): w * 3600 for a, b, w in zip(d.edges["source"], d.edges["target"], d.edges["median_wait_hours"])}
    assert mine.keys() == perf.keys()
    for k, stats in perf.items():
        assert mine[k] == pytest.approx(stats["median"], abs=1e-3), k
    durations = J.case_durations(log)
    assert len(durations) == ref["case:concept:name"].nunique()
    np.testing.assert_allclose(np.sort(durations.to_numpy() * 86400), np.sort(pm4py.get_all_case_durations(ref)),
                               atol=1e-3)
    one = str(durations.index[0])
    assert durations[one] * 86400 == pytest.approx(pm4py.get_case_duration(ref, one), abs=1e-3)


def test_receipt_log_variants_dfg_and_durations_equal_pm4py():
    # receipt.csv (header read first): case:concept:name, concept:name, time:timestamp with mixed
    # +01:00/+02:00 offsets, org:group, org:resource, case:channel, case:deadline — XES names, no map needed
    log = J.load_cases(EVENTLOGS / "receipt.csv", timezone="Europe/Amsterdam")
    raw = pd.read_csv(EVENTLOGS / "receipt.csv", dtype=str)
    raw["time:timestamp"] = pd.to_datetime(raw["time:timestamp"], utc=True, format="ISO8601")
    _assert_same_as_pm4py(log, _pm4py_frame(raw))
    assert J.variants(log).n_cases == 1434


@pytest.mark.slow  # pm4py reads the XES file in ~3 s
def test_helpdesk_log_variants_dfg_and_durations_equal_pm4py(tmp_path):
    ref = pm4py.read_xes(str(EVENTLOGS / "helpdesk.xes.gz"), show_progress_bar=False)
    ref.to_csv(tmp_path / "helpdesk.csv", index=False)  # the client's export, read by our own loader
    log = J.load_cases(tmp_path / "helpdesk.csv")
    assert len(log) == 21348
    _assert_same_as_pm4py(log, _pm4py_frame(ref))


def test_handoffs_on_the_receipt_log_match_a_plain_loop():
    log = J.load_cases(EVENTLOGS / "receipt.csv", timezone="Europe/Amsterdam")
    raw = pd.read_csv(EVENTLOGS / "receipt.csv", dtype=str)
    raw["ts"] = pd.to_datetime(raw["time:timestamp"], utc=True, format="ISO8601")
    raw["i"] = np.arange(len(raw))
    pairs: Counter = Counter()
    pingpong: Counter = Counter()
    per_case = {}
    for case, events in raw.sort_values(["ts", "i"]).groupby("case:concept:name", sort=False):
        units = [u for u in events["org:group"] if isinstance(u, str)]
        moves = [(a, b) for a, b in zip(units, units[1:]) if a != b]
        pairs.update(moves)
        per_case[case] = len(moves)
        collapsed = [u for k, u in enumerate(units) if k == 0 or u != units[k - 1]]
        pingpong.update((a, b) for a, b, c in zip(collapsed, collapsed[1:], collapsed[2:]) if a == c)
    h = J.handoffs(log)
    assert {(a, b): c for a, b, c in zip(h.pairs["from"], h.pairs["to"], h.pairs["count"])} == dict(pairs)
    assert {(a, b): c for a, b, c in zip(h.pairs["from"], h.pairs["to"], h.pairs["pingpong"]) if c} == dict(pingpong)
    assert h.per_case.to_dict() == per_case
    assert int(np.trace(h.matrix.to_numpy())) == 0 and int(h.matrix.to_numpy().sum()) == sum(pairs.values())


# =========================================================================== hand-built logs
def handoff_log() -> pd.DataFrame:
    # case A: X(0h) X(1h) Y(3h) X(4h) Z(10h) -> hand-offs X→Y (lost 3-1 = 2 h), Y→X (1 h), X→Z (6 h) = 3;
    #         units collapsed X Y X Z -> one ping-pong X→Y→X
    # case B: X(0h) Y(1h) X(2h) Y(5h), listed in reverse file order -> X→Y (1 h), Y→X (1 h), X→Y (3 h) = 3;
    #         collapsed X Y X Y -> two ping-pongs: X→Y→X and Y→X→Y
    # case C: X(0h) <no unit>(1h) X(2h) -> the unit-less event is left out: X X, no hand-off
    # case D: Y(0h) -> nothing
    # matrix: X→Y = 1 + 2 = 3 (lost 2, 1, 3 h: median 2 h); Y→X = 1 + 1 = 2 (1, 1 h: median 1 h); X→Z = 1 (6 h)
    # per case: A 3, B 3, C 0, D 0 -> 1.5 hand-offs per case; cases with ping-pong: A and B = 2
    return frame([
        ("A", "register", hours(0), "X"), ("A", "check", hours(1), "X"), ("A", "review", hours(3), "Y"),
        ("A", "decide", hours(4), "X"), ("A", "archive", hours(10), "Z"),
        ("B", "review", hours(5), "Y"), ("B", "check", hours(2), "X"), ("B", "review", hours(1), "Y"),
        ("B", "register", hours(0), "X"),
        ("C", "register", hours(0), "X"), ("C", "note", hours(1), None), ("C", "close", hours(2), "X"),
        ("D", "register", hours(0), "Y"),
    ])


def test_handoffs_pingpong_and_time_lost_on_a_hand_built_log():
    h = J.handoffs(handoff_log())
    pairs = {(a, b): (c, w, p) for a, b, c, w, p in h.pairs.itertuples(index=False)}
    assert pairs == {("X", "Y"): (3, 2.0, 2), ("Y", "X"): (2, 1.0, 1), ("X", "Z"): (1, 6.0, 0)}
    assert h.matrix.loc["X", "Y"] == 3 and h.matrix.loc["Y", "X"] == 2 and h.matrix.loc["X", "X"] == 0
    assert h.per_case.to_dict() == {"A": 3, "B": 3, "C": 0, "D": 0}
    assert h.pingpong_per_case.to_dict() == {"A": 1, "B": 2, "C": 0, "D": 0}
    assert h.per_case_mean == 1.5 and h.cases_with_pingpong == 2 and h.cases_with_handoff == 2
    assert h.events_without_unit == 1


def test_events_are_ordered_by_time_with_file_order_breaking_ties():
    # B's events are listed backwards: the variant follows the timestamps; C's two events share a
    # timestamp and keep the order of the file (pm4py's rule too)
    log = handoff_log()
    log.loc[len(log)] = ["E", "second in file", hours(0), "X"]
    log.loc[len(log)] = ["E", "first in file?", hours(0), "X"]
    v = J.variants(log)
    seqs = {c: v.table.loc[r, "variant"] for c, r in v.case_variant.items()}
    assert seqs["B"] == ("register", "review", "check", "review")
    assert seqs["E"] == ("second in file", "first in file?")


def repeat_log() -> pd.DataFrame:
    # days after T0; every case is "open" then "close" one hour later unless said otherwise
    # case citizen channel day
    #  1   P1     phone   0     closed                      -> followed by a repeat (case 2)
    #  2   P1     web     5     5 <= 7 days after case 1     -> REPEAT; channel moved phone → web
    #  3   P1     web     20    15 days after case 2         -> not a repeat; closed, no hand-off -> FCR
    #  4   P2     counter 0     only case                    -> FCR
    #  5   P3     counter 0     hand-off X → Y               -> closed but not FCR
    #  6   —      web     1     no citizen id                -> not linked: repeat and FCR unknown
    #  7   P4     web     2     never closed                 -> not FCR
    #  8   P5     web     0     followed by case 9           -> not FCR
    #  9   P5     web     7     exactly 7 days after case 8  -> REPEAT (the window is inclusive); same channel
    # 10   P6     phone   0                                  -> FCR
    # 11   P6     email   7 d + 1 s after case 10            -> not a repeat -> FCR
    # linked cases: 10 (all but 6); repeats: 2 and 9 -> rate 2/10 = 0.2
    # FCR: cases 3, 4, 10, 11 -> 4/10 = 0.4
    # citizens with a repeat contact: P1 (moved channel), P5 (did not) -> channel switching 1/2 = 0.5
    spec = [(1, "P1", "phone", 0), (2, "P1", "web", 5), (3, "P1", "web", 20), (4, "P2", "counter", 0),
            (5, "P3", "counter", 0), (6, None, "web", 1), (7, "P4", "web", 2), (8, "P5", "web", 0),
            (9, "P5", "web", 7), (10, "P6", "phone", 0), (11, "P6", "email", 7 + 1 / 86400)]
    rows = []
    for case, citizen, channel, day in spec:
        start = days(day)
        rows.append((f"c{case}", "open", start, "X", citizen, channel))
        if case == 5:
            rows.append((f"c{case}", "review", start + pd.Timedelta(minutes=30), "Y", citizen, channel))
        last = "review" if case == 7 else "close"
        rows.append((f"c{case}", last, start + pd.Timedelta(hours=1), "Y" if case == 5 else "X", citizen, channel))
    return frame(rows, ("case_id", "activity", "timestamp", "unit", "citizen_id", "channel"))


def test_repeat_contact_fcr_and_channel_switching_on_a_hand_built_log():
    log = repeat_log()
    r = J.repeat_contacts(log, days=7)
    assert sorted(r.cases.index[r.cases["repeat"].fillna(False).astype(bool)]) == ["c2", "c9"]
    assert sorted(r.cases.index[r.cases["followed_by_repeat"].fillna(False).astype(bool)]) == ["c1", "c8"]
    assert pd.isna(r.cases.loc["c6", "repeat"])
    assert r.linked_cases == 10 and r.rate == pytest.approx(0.2)
    assert r.channel_switching == pytest.approx(0.5) and r.citizens_with_repeat == 2
    a = J.analyse_log(log, repeat_contact_days=7, end_activities=["close"])
    fcr = a.cases.set_index("case_id")["fcr"]
    assert sorted(fcr.index[fcr.fillna(False).astype(bool)]) == ["c10", "c11", "c3", "c4"]
    assert pd.isna(fcr["c6"])
    assert a.fcr == pytest.approx(0.4)
    # a 15-day window also links case 3 (15 days after case 2) and case 11 (7 days + 1 s after case 10): 4 of 10
    assert J.repeat_contacts(log, days=15).rate == pytest.approx(0.4)


def test_fcr_is_unknown_without_citizen_ids_or_units():
    log = repeat_log()
    assert J.analyse_log(log.drop(columns="citizen_id")).fcr is None
    no_units = J.analyse_log(log.drop(columns="unit"))
    assert no_units.fcr is None and no_units.cases["handoffs"].isna().all()


def test_sla_closure_rework_and_first_response_on_a_hand_built_log():
    # sla_days = 10; the log ends (as of) on day 12
    # s1: open d0, ack d1, close d12            -> breach (12 > 10); first response 1 day
    # s2: open d0 with its own deadline d20, review d2, review d3 (rework), close d12 -> no breach
    # s3: open d0, note d3, never closed         -> still open on day 12, past day 10: breach
    # s4: open d5, note d6, never closed         -> deadline day 15 not reached by day 12: no breach
    # s5: open d0, outcome "resolved" on d4      -> closed through its outcome, no breach
    # breaches 2 of 5; closed s1, s2, s5 = 3 of 5; rework only s2
    cols = ("case_id", "activity", "timestamp", "deadline", "outcome")
    log = frame([
        ("s1", "open", days(0), None, None), ("s1", "acknowledge", days(1), None, None),
        ("s1", "close", days(12), None, None),
        ("s2", "open", days(0), days(20), None), ("s2", "review", days(2), None, None),
        ("s2", "review", days(3), None, None), ("s2", "close", days(12), None, None),
        ("s3", "open", days(0), None, None), ("s3", "note", days(3), None, None),
        ("s4", "open", days(5), None, None), ("s4", "note", days(6), None, None),
        ("s5", "open", days(0), None, None), ("s5", "note", days(4), None, "resolved"),
    ], cols)
    log["deadline"] = pd.to_datetime(log["deadline"], utc=True)
    a = J.analyse_log(log, sla_days=10, end_activities=["close"])
    c = a.cases.set_index("case_id")
    assert c["sla_breach"].to_dict() == {"s1": True, "s2": False, "s3": True, "s4": False, "s5": False}
    assert c["closed"].astype(bool).to_dict() == {"s1": True, "s2": True, "s3": False, "s4": False, "s5": True}
    assert c["rework"].to_dict() == {"s1": False, "s2": True, "s3": False, "s4": False, "s5": False}
    assert c.loc["s1", "first_response_days"] == pytest.approx(1.0)
    assert c.loc["s1", "days"] == pytest.approx(12.0)
    assert a.rate("sla_breach") == pytest.approx(0.4) and a.rate("closed") == pytest.approx(0.6)
    assert a.rework_by_activity.to_dict() == {"review": 1}
    # default end activities are recognised by name ("close"), in Hebrew too
    assert J.analyse_log(log, sla_days=10).end_activities == ("close",)
    heb = log.assign(activity=log["activity"].replace({"close": "הפנייה נסגרה"}))
    assert J.analyse_log(heb, sla_days=10).end_activities == ("הפנייה נסגרה",)


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
    q = J.data_quality(log, offsets=["+02:00", "+01:00", "+02:00"])
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


def test_bad_input_gets_a_clear_analysis_error():
    with pytest.raises(AnalysisError, match="case_id"):
        J.variants(pd.DataFrame({"ticket": ["1"], "when": ["2026-01-01"]}))
    with pytest.raises(AnalysisError, match="timestamp"):
        J.variants(pd.DataFrame({"case_id": ["1"], "activity": ["a"], "timestamp": ["not a date"]}))
    with pytest.raises(AnalysisError, match="no usable event"):
        J.variants(pd.DataFrame({"case_id": [None], "activity": ["a"], "timestamp": ["2026-01-01"]}))
    with pytest.raises(AnalysisError, match="end activities"):
        J.analyse_log(handoff_log(), end_activities=["closed for good"])
    with pytest.raises(AnalysisError):
        J.repeat_contacts(handoff_log(), days=-1)
    with pytest.raises(AnalysisError, match="not a cases column"):
        J.load_cases(EVENTLOGS / "receipt.csv", column_map={"x": "colour"})


def test_xes_names_and_column_maps_are_understood(tmp_path):
    log = handoff_log().rename(columns={"case_id": "case:concept:name", "activity": "concept:name",
                                        "timestamp": "time:timestamp", "unit": "org:group"})
    assert J.handoffs(log).per_case_mean == 1.5
    (tmp_path / "export.csv").write_text("Ticket,Step,When\nT1,open,2026-01-01 10:00\nT1,close,2026-01-03 10:00\n")
    log = J.load_cases(tmp_path / "export.csv", column_map={"Ticket": "case_id", "Step": "activity", "When": "timestamp"})
    assert J.case_durations(log).to_dict() == {"T1": 2.0}


def test_breakdown_median_and_p90_match_numpy():
    log = J.load_cases(EVENTLOGS / "receipt.csv", timezone="Europe/Amsterdam")
    a = J.analyse_log(log)
    table = J.breakdown(a.cases, "channel").set_index("channel")
    web = a.cases.loc[a.cases["channel"] == "web", "days"].to_numpy()
    assert table.loc["web", "cases"] == len(web)
    assert table.loc["web", "median_days"] == pytest.approx(np.percentile(web, 50))
    assert table.loc["web", "p90_days"] == pytest.approx(np.percentile(web, 90))


def test_channel_parity_frontal_services_and_digital_match():
    # S1: counter + web end to end -> frontal, digital match
    # S2: counter + web partial (not end to end) -> frontal WITHOUT a digital match
    # S3: counter partial + app end to end -> frontal (partly at the counter), digital match
    # S4: web only -> not frontal
    channels = pd.DataFrame({
        "service_id": ["S1", "S1", "S2", "S2", "S3", "S3", "S4"],
        "channel": ["counter", "web", "דלפק", "website", "counter", "app", "web"],
        "available": ["yes", "yes", "yes", "partial", "partial", "yes", "yes"],
        "share_pct": [40, 60, 90, 10, None, None, None],
        "end_to_end": ["yes", "yes", None, "no", None, "yes", "yes"],
    })
    cases = pd.DataFrame({"service_id": ["S1"] * 3 + ["S4"], "channel": ["web", "web", "counter", "web"]})
    p = J.channel_parity(channels, cases=cases)
    assert p.frontal == ("S1", "S2", "S3") and p.without_digital == ("S2",)
    take = p.takeup.set_index("service_id")
    assert take.loc["S1", "digital_share"] == pytest.approx(2 / 3) and take.loc["S1", "source"] == "log"
    assert take.loc["S2", "digital_share"] == pytest.approx(0.10) and take.loc["S2", "source"] == "intake"
    assert list(p.availability.columns) == ["counter", "web", "app"]


# =========================================================================== a whole engagement
JOURNEY_HEADER = ["journey", "step", "stage", "touchpoint", "channel", "unit", "emotion", "pain_point",
                  "moment_of_truth", "backstage", "evidence"]


def journey_rows() -> list[list[object]]:
    name = "Applying for a parking permit"
    return [
        JOURNEY_HEADER,
        [name, 1, "Learn", "Reads the website", "web", "Parking", 1, None, "no", "CMS", "partial"],
        [name, 2, "Apply", "Online form", "web", "Parking", 0, "Missing documents: the form comes back", "no",
         "Permit system", "partial"],
        [name, 3, "Wait", "Waits for a decision", "web", "Parking", -2, "Long wait for a decision", "yes",
         "Back office", "data"],
        [name, 4, "Wait", "Is sent to another department", "phone", "Revenue", -1, "Passed between units", "no",
         "Revenue", "data"],
        [name, 5, "Receive", "Gets the permit", "mail", "Parking", 2, None, "yes", "Print shop", None],
        [name, 6, "Receive", "Calls the centre", "phone", "Call centre", -1, "Long wait on the phone line", "no",
         None, "partial"],
    ]


def cases_csv(path: Path) -> None:
    """53 cases, deterministic.  S1 (i < 30, "Parking permit"), S2 (30 <= i < 50), S3 (i >= 50, only 3 cases:
    below min_group_size 5, as are its unit "Tiny unit" and its channel "kiosk").  Case i opens 12 h after
    case i-1, closes 3 + i % 20 days after opening (breach of the 14-day default when i % 20 >= 12).
    S1 cases with i % 4 == 0 are handed Parking → Revenue → Parking.  Citizens are clear ids, two cases
    each (the second case of each pair is a repeat contact)."""
    lines = ["case_id,activity,timestamp,channel,unit,citizen_id,service_id"]
    for i in range(53):
        sid = "S1" if i < 30 else "S2" if i < 50 else "S3"
        channel = "kiosk" if sid == "S3" else ("counter" if sid == "S2" or i % 3 == 0 else "web")
        unit = {"S1": "Parking", "S2": "Revenue", "S3": "Tiny unit"}[sid]
        citizen = f"ID-{300000000 + i // 2}"
        start = dt.datetime(2026, 1, 1, 8) + dt.timedelta(hours=12 * i)
        events = [("Received", start, unit), ("Handled", start + dt.timedelta(hours=1), unit)]
        if sid == "S1" and i % 4 == 0:
            events += [("Transferred", start + dt.timedelta(hours=2), "Revenue"),
                       ("Returned", start + dt.timedelta(days=1), "Parking")]
        if sid == "S3":
            events.append(("Transferred", start + dt.timedelta(hours=2), "Revenue"))
        events.append(("Closed", start + dt.timedelta(days=3 + i % 20), unit if sid != "S3" else "Revenue"))
        for activity, when, u in events:
            lines.append(f"C{i:03d},{activity},{when:%Y-%m-%d %H:%M},{channel},{u},{citizen},{sid}")
    path.write_text("\n".join(lines) + "\n")


@pytest.fixture
def client(tmp_path: Path) -> Path:
    folder = tmp_path / "example-agency"
    sheets = english_sheets()
    sheets["Journey"] = journey_rows()
    sheets["Standards"] = [["service_id", "measure", "target", "channel"], ["*", "resolution_days", 14, "*"],
                           ["S1", "first_response_days", 1, "web"]]
    write_xlsx(folder / "intake.xlsx", sheets)
    cases_csv(folder / "cases.csv")
    return folder


def _cells(tables: dict[str, pd.DataFrame]) -> str:
    parts = []
    for name, table in tables.items():
        parts.append(name)
        parts.extend(map(str, table.columns))
        parts.extend(map(str, table.index))
        parts.extend(str(v) for v in table.to_numpy().ravel())
    return "\n".join(parts)


def test_engagement_summary_is_plain_json_with_the_issue_keys(client):
    res = J.analyse(load(client))
    s = res.summary()
    json.dumps(s, allow_nan=False)
    assert set(s) == {"journey", "channels"}
    assert set(s["journey"]) == {"cases", "events", "variants", "top_variant_share", "median_case_days", "p90_case_days",
                                 "sla_breach_rate", "handoffs_per_case", "repeat_contact_rate", "fcr", "top_handoffs",
                                 "not_measurable"}
    assert set(s["channels"]) == {"frontal_services", "frontal_without_digital"}
    j = s["journey"]
    assert j["cases"] == 53 and j["events"] == 3 * 53 + 2 * 8 + 3  # 8 S1 transfers (i % 4 == 0, i < 30), 3 in S3
    # breach: 3 + i % 20 > 14  <=>  i % 20 >= 12: i in 12..19, 32..39 and 52 -> 17 of 53
    assert j["sla_breach_rate"] == pytest.approx(round(17 / 53, 4))
    # repeat: the second case of each citizen's pair (odd i, opened 12 h later): 26 of 53
    assert j["repeat_contact_rate"] == pytest.approx(round(26 / 53, 4))
    # hand-offs: 8 S1 cases × 2 (Parking→Revenue→Parking) + 3 S3 cases × 1 = 19
    assert j["handoffs_per_case"] == pytest.approx(round(19 / 53, 4))
    assert j["top_handoffs"] == [{"from": "Parking", "to": "Revenue", "count": 8},
                                 {"from": "Revenue", "to": "Parking", "count": 8}]
    # FCR: closed, no hand-off, not part of a repeat pair — every case is in a pair except i = 52 (S3, handed off)
    assert j["fcr"] == 0.0
    assert s["channels"] == {"frontal_services": ["S1", "S2"], "frontal_without_digital": ["S2"]}
    assert res.findings("en") and all(isinstance(x, str) for x in res.findings("he"))
    assert 1 <= len(res.findings("en")) <= 5


def test_pain_point_callouts_quote_the_case_log(client):
    res = J.analyse(load(client))
    pains = res.tables("en")["pain_points"].set_index(t("journeys.col.step", "en"))
    quoted = pains[t("journeys.col.from_log", "en")]
    # the journey "Applying for a parking permit" is service S1 "Parking permit" (their names share both words)
    # S1 has 30 cases: breaches at i in 12..19 -> 8; hand-offs at i % 4 == 0 -> 8
    assert quoted[3] == "8 of 30 cases miss the deadline"
    assert quoted[4] == "8 of 30 cases are handed off between units"
    assert quoted[6] == ""  # a wait on the phone is a queue, not the case's deadline: not backed by it
    assert quoted[2] == ""  # "missing documents" is rework, but no S1 case repeats an activity: 0 < 5, no number


def test_suppressed_groups_never_appear_in_tables(client):
    eng = load(client)
    m = eng.settings.min_group_size
    res = J.analyse(eng)
    for lang in ("en", "he"):
        tables = res.tables(lang)
        text = _cells(tables)
        # S3 ("Welfare desk", 3 cases), its unit "Tiny unit" (3 cases) and channel kiosk (3 cases) are all below 5
        for small in ("Welfare", "Tiny unit", "kiosk", "עמדה"):
            assert small not in text, (lang, small)
        for name, table in tables.items():
            for col in (t("journeys.col.cases", lang), t("journeys.col.handoffs", lang)):
                if col in table.columns and name != "data_quality":
                    values = pd.to_numeric(table[col], errors="coerce").dropna()
                    assert (values >= m).all(), (lang, name, col)
        matrix = tables["handoff_matrix"].drop(columns=t("journeys.col.from", lang))
        values = matrix.apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
        assert np.all(np.isnan(values) | (values >= m))


def test_no_citizen_identifier_appears_in_any_table_or_sentence(client):
    eng = load(client)
    res = J.analyse(eng)
    clear = {line.split(",")[5] for line in (client / "cases.csv").read_text().splitlines()[1:]}
    pseudonyms = set(eng.cases["citizen_id"].dropna())
    for lang in ("en", "he"):
        text = _cells(res.tables(lang)) + "\n".join(res.findings(lang)) + json.dumps(res.summary())
        assert not any(c in text for c in clear)
        assert not any(p in text for p in pseudonyms)
        assert "ID-3" not in text and "cit-" not in text


def test_figures_journey_map_is_a_slide_and_runs_right_to_left_in_hebrew(client):
    res = J.analyse(load(client))
    for lang in ("en", "he"):
        figs = res.figures(lang)
        assert {"journey_map_1", "process_map", "capability", "variants", "handoff_matrix", "channel_parity"} <= set(figs)
        fig = figs["journey_map_1"]
        assert tuple(fig.get_size_inches()) == pytest.approx(SLIDE_SIZE)
        ax = fig.axes[0]
        xs = {tx.get_text(): tx.get_position()[0] for tx in ax.texts}
        first, last = xs["Reads the website"], xs["Calls the centre"]
        assert (first > last) if lang == "he" else (first < last)
        assert any(tx.get_text() == t("journeys.lane.visibility", lang) for tx in ax.texts)
        assert ax.get_title(loc="right" if lang == "he" else "left") == t("journeys.fig.journey_map", lang,
                                                                           journey="Applying for a parking permit")
        for f in figs.values():
            f.clear()


def test_without_cases_journey_maps_and_channel_parity_still_work(tmp_path):
    folder = tmp_path / "no-cases"
    sheets = english_sheets()
    sheets["Journey"] = journey_rows()
    write_xlsx(folder / "intake.xlsx", sheets)
    res = J.analyse(load(folder))
    assert res.available and not res.cases_available
    assert set(res.figures("en")) == {"journey_map_1", "channel_parity"}
    assert set(res.tables("he")) == {"channel_parity", "pain_points"}
    s = res.summary()
    json.dumps(s, allow_nan=False)
    assert s["journey"]["cases"] is None and s["journey"]["top_handoffs"] == []
    assert s["channels"]["frontal_without_digital"] == ["S2"]
    assert t("journeys.skipped.cases", "he") in res.skipped("he")
    assert res.findings("en")


def test_with_an_empty_journey_sheet_and_no_channels(tmp_path):
    folder = tmp_path / "only-cases"
    sheets = english_sheets()
    sheets["Journey"] = [JOURNEY_HEADER]
    del sheets["Channels"]
    write_xlsx(folder / "intake.xlsx", sheets)
    cases_csv(folder / "cases.csv")
    res = J.analyse(load(folder))
    assert res.cases_available and not res.journeys_available and not res.channels_available
    figs = res.figures("en")
    assert not any(k.startswith("journey_map") for k in figs) and "channel_parity" not in figs
    assert "pain_points" not in res.tables("en")
    assert res.summary()["channels"] == {"frontal_services": [], "frontal_without_digital": []}
    assert t("journeys.skipped.journey", "en") in res.skipped("en")
    for f in figs.values():
        f.clear()


def test_nothing_to_analyse_says_so(tmp_path):
    folder = tmp_path / "bare"
    sheets = english_sheets()
    del sheets["Channels"]
    write_xlsx(folder / "intake.xlsx", sheets)
    res = J.analyse(load(folder))
    assert not res.available and res.skipped("he") == t("journeys.skipped.all", "he")
    assert res.tables("en") == {} and res.figures("en") == {} and res.findings("en") == []


def test_hebrew_engagement_tables_speak_hebrew(tmp_path):
    folder = tmp_path / "dugma"
    sheets = hebrew_sheets()
    sheets["מסע לקוח"] = [
        ["מסע", "צעד", "שלב", "נקודת מגע", "ערוץ", "רגש", "נקודת כאב", "רגע האמת", "ביסוס"],
        ["תו חניה", 1, "בירור", "קריאה באתר", "אתר", 1, None, "לא", "חלקי"],
        ["תו חניה", 2, "המתנה", "המתנה להחלטה", "טלפון", -2, "המתנה ארוכה להחלטה", "כן", "מבוסס נתונים"],
    ]
    write_xlsx(folder / "intake.xlsx", sheets, rtl=True)
    cases_csv(folder / "cases.csv")
    eng = load(folder)
    res = J.analyse(eng)
    tables = res.tables(eng.language)
    assert eng.language == "he"
    assert list(tables["data_quality"].columns)[0] == "בדיקה"
    assert t("journeys.col.sla_met", "he") in tables["kpis_by_service"].columns
    assert all(re.search(r"[\u0590-\u05ff]", f) for f in res.findings("he"))
    figs = res.figures("he")
    assert "journey_map_1" in figs
    for f in figs.values():
        f.clear()


def test_the_package_never_imports_pm4py():
    import subprocess
    import sys

    code = ("import sys, svcwork, svcwork.journeys as j; j.variants; "
            "assert not any(m == 'pm4py' or m.startswith('pm4py.') for m in sys.modules), 'pm4py imported'")
    subprocess.run([sys.executable, "-c", code], check=True)
    source = (Path(J.__file__)).read_text()
    assert "import pm4py" not in source and "from pm4py" not in source


# =========================================================================== capability per service, channel and unit
def _two_service_log() -> pd.DataFrame:
    """Service A: January cases lasting 1, 2, 3, 4 and 10 days, February cases 2, 4, 6 and 8 days; service B:
    three January cases of 5 days.  Each case: Received, then Closed after its duration."""
    rows = []
    spec = [("A", "2026-01-05", d) for d in (1, 2, 3, 4, 10)] + [("A", "2026-02-03", d) for d in (2, 4, 6, 8)] + \
           [("B", "2026-01-12", 5)] * 3
    for k, (sid, day, d) in enumerate(spec):
        start = pd.Timestamp(day, tz="UTC") + pd.Timedelta(hours=k)
        rows += [(f"c{k}", "Received", start, sid), (f"c{k}", "Closed", start + pd.Timedelta(days=d), sid)]
    return frame(rows, columns=("case_id", "activity", "timestamp", "service_id"))


def test_capability_table_monthly_median_and_p90_worked_by_hand():
    cases = J.analyse_log(_two_service_log(), sla_days=7).cases
    by = J.capability_table(cases, by="service_id").set_index(["service_id", "month"])
    jan, feb = pd.Period("2026-01", "M"), pd.Period("2026-02", "M")
    # A, January: sorted 1 2 3 4 10 -> median 3; p90 at position 0.9 * 4 = 3.6: 4 + 0.6 * (10 - 4) = 7.6
    # (Hyndman & Fan definition 7); within 7 days: all but the 10-day case -> 4/5
    assert by.loc[("A", jan), "cases"] == 5
    assert by.loc[("A", jan), "median_days"] == pytest.approx(3.0)
    assert by.loc[("A", jan), "p90_days"] == pytest.approx(7.6)
    assert by.loc[("A", jan), "sla_met"] == pytest.approx(0.8)
    # A, February: 2 4 6 8 -> median 5; p90 at 0.9 * 3 = 2.7: 6 + 0.7 * 2 = 7.4; the 8-day case misses -> 3/4
    assert by.loc[("A", feb), ["median_days", "p90_days", "sla_met"]].tolist() == pytest.approx([5.0, 7.4, 0.75])
    assert by.loc[("B", jan), ["cases", "median_days", "p90_days", "sla_met"]].tolist() == pytest.approx([3, 5, 5, 1])
    assert (by["deadline_days"] == 7).all()  # no case has its own deadline: sla_days after opening
    # whole log, January: 1 2 3 4 5 5 5 10 -> median (4 + 5) / 2 = 4.5; p90 at 0.9 * 7 = 6.3: 5 + 0.3 * 5 = 6.5
    whole = J.capability_table(cases).set_index("month")
    assert whole.loc[jan, ["cases", "median_days", "p90_days"]].tolist() == pytest.approx([8, 4.5, 6.5])
    with pytest.raises(AnalysisError):
        J.capability_table(cases.drop(columns="deadline"), by="service_id")


def _panels(fig) -> dict[str, object]:
    """Visible panels by title, in reading order (top to bottom; left to right, or right to left when mirrored)."""
    axes = [ax for ax in fig.axes if ax.get_visible()]
    rtl = any(ax.xaxis_inverted() for ax in axes)
    axes.sort(key=lambda ax: (-round(ax.get_position().y0, 3), -ax.get_position().x0 if rtl else ax.get_position().x0))
    return {ax.get_title(loc="right") or ax.get_title(loc="left"): ax for ax in axes}


def _figure_text(fig) -> str:
    parts = [tx.get_text() for tx in fig.findobj(lambda o: hasattr(o, "get_text"))]
    for ax in fig.axes:
        parts += [ax.get_title(loc=w) for w in ("left", "center", "right")]
    return "\n".join(parts)


def test_capability_by_service_small_multiples_and_the_group_table(client):
    # cases_csv: S1 has 30 cases (i < 30), S2 20, S3 3 (below min_group_size 5), all opened in January 2026;
    # case i lasts 3 + i % 20 days.  S1: i % 20 over i < 30 is 0..19 once and 0..9 again -> sorted, the 15th
    # and 16th are both 7 -> median 10 days; p90 at 0.9 * 29 = 26.1 between 16 and 17 -> 16.1 + 3 = 19.1 days.
    # S2: i % 20 takes 0..19 once -> median 9.5 + 3 = 12.5; p90 at 17.1 -> 17.1 + 3 = 20.1.  Deadline 14 days.
    eng = load(client)
    res = J.analyse(eng)
    for lang in ("en", "he"):
        fig = res.figures(lang)["capability_by_service"]
        panels = _panels(fig)
        assert list(panels) == ["S1 Parking permit", "S2 Property tax"]
        s1, s2 = panels.values()
        assert [float(line.get_ydata()[0]) for line in s1.get_lines()[:2]] == pytest.approx([10.0, 19.1])
        assert [float(line.get_ydata()[0]) for line in s2.get_lines()[:2]] == pytest.approx([12.5, 20.1])
        assert list(s1.get_lines()[2].get_ydata()) == pytest.approx([14, 14])  # the deadline
        text = _figure_text(fig)
        assert "Welfare" not in text and "S3" not in text  # 3 cases: never drawn nor named
        assert t("journeys.capability.small", lang, count="1", size="5") in text
        if lang == "he":  # time runs right to left; the first service sits on the right
            assert s1.xaxis_inverted() and s1.get_position().x0 > s2.get_position().x0
            assert fig.get_suptitle() == t("journeys.fig.capability_by_service", "he")
        else:
            assert not s1.xaxis_inverted() and s1.get_position().x0 < s2.get_position().x0
        fig.clear()
    # a cap of one panel: S2 is named under the chart instead of drawn
    one = J.analyse(eng, service_panels=1).figures("en")["capability_by_service"]
    assert list(_panels(one)) == ["S1 Parking permit"]
    assert t("journeys.capability.rest", "en", services="S2 Property tax") in _figure_text(one)
    one.clear()
    with pytest.raises(AnalysisError):
        J.analyse(eng, service_panels=0)
    # the table: one row per group and month, small groups (S3, kiosk, Tiny unit: 3 cases) left out
    for lang in ("en", "he"):
        table = res.tables(lang)["capability_by_group"]
        col = {k: t(f"journeys.col.{k}", lang) for k in ("breakdown", "group", "cases", "median_days", "p90_days",
                                                          "sla_met")}
        rows = {(b, g): r for b, g, r in zip(table[col["breakdown"]], table[col["group"]], table.to_dict("records"))}
        service, channel, unit = (t(f"journeys.col.{k}", lang) for k in ("service", "channel", "unit"))
        assert set(rows) == {(service, "S1 Parking permit"), (service, "S2 Property tax"),
                             (channel, res._channel_label("counter", lang)),
                             (channel, res._channel_label("web", lang)), (unit, "Parking"), (unit, "Revenue")}
        s1 = rows[(service, "S1 Parking permit")]
        assert (s1[col["cases"]], s1[col["median_days"]], s1[col["p90_days"]]) == (30, 10.0, 19.1)
        assert s1[col["sla_met"]] == pytest.approx(round(22 / 30, 4))  # breaches at i = 12..19: 8 of 30
        # web: S1 cases with i % 3 != 0 -> i % 20 sorted 0 1 2 2 3 4 5 5 6 7 8 8 9 10 11 13 14 16 17 19:
        # median (7 + 8) / 2 + 3 = 10.5
        assert rows[(channel, res._channel_label("web", lang))][col["median_days"]] == 10.5
        assert (table[col["cases"]] >= eng.settings.min_group_size).all()


# =========================================================================== service standards
def test_standards_consistency_worked_by_hand():
    standards = pd.DataFrame([
        ("*", "resolution_days", 20, "*"),        # 1: every service, every channel
        ("*", "resolution_days", 10, "web"),      # 2: every service on the web: differs from 1
        ("A", "resolution_days", 15, "*"),        # 3: A's own, overrides 1 and 2 on all of A's channels
        ("A", "resolution_days", 15, "counter"),  # 4: the same at A's counter
        ("B", "first_response_days", 2, "*"),     # 5: B's own, one target for all channels
        ("C", "answer_seconds", 30, "phone"),     # 6: expected on live channels only: phone, chat (not web)
        ("*", "K9", 0.9, "phone"),                # 7: a KPI: only differing targets are flagged
        ("D", "K9", 0.7, "web"),                  # 8: D's web target differs from 7 on D's phone
    ], columns=["service_id", "measure", "target", "channel"])
    channels = {"A": ["counter", "web"], "B": ["counter", "website", "app"], "C": ["phone", "web", "chat"],
                "D": ["phone", "web"], "E": ["counter"]}
    c = J.standards_consistency(standards, channels=channels)
    rows = {(s, m): r for s, m, r in zip(c.services["service_id"], c.services["measure"], c.services.to_dict("records"))}
    cell = c.cells.set_index(["service_id", "measure", "channel"])
    # resolution_days.  All services ("*"), over every channel offered: web 10 (row 2), the others 20 (row 1)
    star = rows[("*", "resolution_days")]
    assert star["channels"] == ("counter", "phone", "web", "app", "chat") and star["targets"] == (10.0, 20.0)
    assert star["different"] and not star["consistent"] and c.all_services_flagged
    # A: its own 15 wins over the all-services web 10 -> consistent (listed because A has its own commitment)
    a = rows[("A", "resolution_days")]
    assert a["own"] and a["consistent"] and a["targets"] == (15.0,)
    assert cell.loc[("A", "resolution_days", "web"), "rule"] == "service"
    assert cell.loc[("A", "resolution_days", "counter"), "rule"] == "service+channel"
    # B, C, D inherit 20 here and 10 on the web -> different; E (counter only: 20) is consistent and not listed
    for s in ("B", "C", "D"):
        assert rows[(s, "resolution_days")]["different"], s
    assert ("E", "resolution_days") not in rows
    assert cell.loc[("B", "resolution_days", "web"), ["target", "rule"]].tolist() == [10.0, "all+channel"]
    # first_response_days: B's one target on counter, web (named "website") and app -> consistent
    assert rows[("B", "first_response_days")]["consistent"]
    assert rows[("B", "first_response_days")]["channels"] == ("counter", "web", "app")
    # answer_seconds: C promises 30 s on the phone, nothing on chat (live) -> flagged; web is not expected
    ans = rows[("C", "answer_seconds")]
    assert ans["missing"] == ("chat",) and not ans["different"] and not ans["consistent"]
    assert not cell.loc[("C", "answer_seconds", "web"), "expected"]
    # K9: on the phone only for all services -> no channel is flagged as missing; D: 0.9 phone vs 0.7 web
    assert rows[("*", "K9")]["consistent"] and rows[("*", "K9")]["missing"] == ()
    assert rows[("D", "K9")]["different"] and rows[("D", "K9")]["targets"] == (0.7, 0.9)
    assert c.flagged == ("B", "C", "D")
    with pytest.raises(AnalysisError):
        J.standards_consistency(standards.drop(columns="target"))


@pytest.fixture
def standards_client(tmp_path: Path) -> Path:
    # NB: a row *, resolution_days, 14, * equals the template's grey example row and is ignored by the loader
    folder = tmp_path / "standards-agency"
    sheets = english_sheets()
    sheets["Journey"] = journey_rows()
    sheets["Standards"] = [["service_id", "measure", "target", "channel", "commitment_text"],
                           ["*", "resolution_days", 10, "*", "Every request resolved within 10 days"],
                           ["S1", "first_response_days", 1, "web", None],
                           ["S2", "answer_seconds", 60, "phone", None],
                           ["*", "K1", 0.8, "*", None]]
    write_xlsx(folder / "intake.xlsx", sheets)
    cases_csv(folder / "cases.csv")
    return folder


def test_standards_are_set_against_the_case_log_per_channel(standards_client):
    from statsmodels.stats.proportion import proportion_confint

    eng = load(standards_client)
    res = J.analyse(eng)
    # resolution = 3 + i % 20 days <= 10  <=>  i % 20 <= 7.  All 53 cases: i in 0..7, 20..27, 40..47 -> 24.
    # web (S1, i < 30, i % 3 != 0): 1 2 4 5 7 20 22 23 25 26 -> 10 of 20; median (7 + 8) / 2 + 3 = 10.5 days.
    # counter (S1 with i % 3 == 0, and S2): 0 3 6 21 24 27 and 40..47 -> 14 of 30; median (8 + 9) / 2 + 3 = 11.5.
    # kiosk (S3): 3 cases, below min_group_size 5 -> not shown.  Pooled median: the 27th of 53 -> 8 + 3 = 11.
    checked = res.standards_checked
    first = checked.loc[checked["commitment"] == 1].set_index("channel")
    assert list(first.index) == ["*", "counter", "web"]
    assert first[["n", "met"]].astype(int).to_dict("index") == {"*": {"n": 53, "met": 24}, "counter": {"n": 30, "met": 14},
                                                                 "web": {"n": 20, "met": 10}}
    assert first["median_days"].tolist() == pytest.approx([11.0, 11.5, 10.5])
    low, high = proportion_confint(24, 53, alpha=0.05, method="wilson")
    assert (first.loc["*", "low"], first.loc["*", "high"]) == pytest.approx((low, high))
    # S1's first response on the web: the second event comes 1 h after the first -> 20 of 20, median 1/24 day
    s1 = checked.loc[checked["commitment"] == 2].iloc[0]
    assert (s1["channel"], int(s1["n"]), int(s1["met"]), s1["median_days"]) == ("web", 20, 20, pytest.approx(1 / 24))
    # answer time and the KPI are not in the case log's reach: listed, not dropped, and said so
    other = checked.loc[~checked["checkable"].astype(bool)]
    assert other["commitment"].tolist() == [3, 4] and other["n"].isna().all()
    for lang in ("en", "he"):
        table = res.tables(lang)["standards"]
        notes = table[t("journeys.col.note", lang)].tolist()
        assert notes[-2:] == [t("journeys.consistency.answer", lang), t("journeys.consistency.kpi", lang)]
        assert (pd.to_numeric(table[t("journeys.col.cases", lang)], errors="coerce").dropna() >= 5).all()
        assert t("journeys.all_channels", lang) in set(table[t("journeys.col.channel", lang)])
        assert not {"kiosk", "עמדה"} & set(table[t("journeys.col.channel", lang)])


def test_services_whose_channels_promise_different_things_are_flagged(standards_client):
    # S1 (counter and web): a first-response commitment on the web only -> flagged, the counter has none.
    # S2 (counter, web partly, and the phone named by its commitment): 60 s to answer on the phone, nothing at
    # the counter (a live channel) -> flagged; the web is not expected to answer in seconds.
    # All services: 10 days on every channel (counter and web; kiosk has 3 cases < 5 and does not count) and
    # the KPI K1 everywhere -> consistent.
    res = J.analyse(load(standards_client))
    assert res.consistency.flagged == ("S1", "S2") and not res.consistency.all_services_flagged
    for lang in ("en", "he"):
        table = res.tables(lang)["standards_consistency"]
        service, status = t("journeys.col.service", lang), t("journeys.col.status", lang)
        counter, phone, web = (res._channel_label(c, lang) for c in ("counter", "phone", "web"))
        assert list(table.columns[:2]) == [service, t("journeys.col.measure", lang)]
        assert [c for c in table.columns if c in (counter, phone, web)] == [counter, phone, web]
        rows = table.set_index([service, t("journeys.col.measure", lang)])
        s1 = rows.loc[("S1 Parking permit", t("journeys.measure.first_response_days", lang))]
        assert (s1[web], s1[counter], s1[phone]) == ("1", t("journeys.consistency.none", lang), "")
        assert s1[status] == t("journeys.consistency.missing", lang, channels=counter)
        s2 = rows.loc[("S2 Property tax", t("journeys.measure.answer_seconds", lang))]
        assert (s2[phone], s2[counter], s2[web]) == ("60", t("journeys.consistency.none", lang), "")
        assert s2[t("journeys.col.note", lang)] == t("journeys.consistency.answer", lang)
        every = rows.loc[(t("journeys.all_services", lang), t("journeys.measure.resolution_days", lang))]
        assert (every[counter], every[web], every[status]) == ("10", "10", t("journeys.consistency.ok", lang))
        assert table.index[table[service] == "S1 Parking permit"][0] == 0  # flagged rows first
        assert "Welfare" not in _cells({"x": table}) and "kiosk" not in _cells({"x": table})
        sentence = t("journeys.finding.standards_mixed", lang, count="2", services="S1 Parking permit, S2 Property tax")
        assert any(sentence in f for f in res.findings(lang)) and len(res.findings(lang)) <= 5


def test_standards_without_a_case_log_are_still_checked_for_consistency(tmp_path):
    folder = tmp_path / "standards-only"
    sheets = english_sheets()
    sheets["Standards"] = [["service_id", "measure", "target", "channel"], ["S1", "resolution_days", 5, "counter"],
                           ["S1", "resolution_days", 7, "web"]]
    write_xlsx(folder / "intake.xlsx", sheets)
    res = J.analyse(load(folder))
    tables = res.tables("he")
    assert "standards" not in tables and "standards_consistency" in tables
    row = tables["standards_consistency"].iloc[0]
    assert row[t("journeys.col.status", "he")] == t("journeys.consistency.different", "he", targets="דלפק 5, אתר 7")
    assert res.consistency.flagged == ("S1",)
    assert any(t("journeys.finding.standards_mixed", "he", count="1", services="S1 Parking permit") in f
               for f in res.findings("he"))


def test_pain_points_lists_each_journey_pain_once_in_reading_order(tmp_path):
    rows = journey_rows()
    other = "Renewing a licence"
    rows = [rows[0],
            [other, 2, "Apply", "Form", "web", "Licensing", -1, "No online payment", "no", None, None],
            *rows[1:],
            [other, 1, "Learn", "Website", "web", "Licensing", 0, "  long WAIT for a decision ", "no", None, None],
            [other, 3, "Wait", "Waits", "web", "Licensing", 0, "   ", "no", None, None]]
    folder = tmp_path / "pains"
    sheets = english_sheets()
    sheets["Journey"] = rows
    write_xlsx(folder / "intake.xlsx", sheets)
    # by hand: the licence journey first (its row comes first), steps 1, 2, 3 (blank); then the parking journey's
    # steps 2, 3 (a repeat of step 1 of the licence: case and spacing ignored, first spelling kept), 4, 6
    assert J.pain_points(load(folder)) == ["long WAIT for a decision", "No online payment",
                                           "Missing documents: the form comes back", "Passed between units",
                                           "Long wait on the phone line"]
    sheets["Journey"] = [JOURNEY_HEADER]
    write_xlsx(tmp_path / "none" / "intake.xlsx", sheets)
    assert J.pain_points(load(tmp_path / "none")) == []
    with pytest.raises(AnalysisError):
        J.pain_points(pd.DataFrame())


def test_the_standalone_api_reports_the_offsets_the_loader_normalised():
    # receipt.csv mixes +01:00 (winter) and +02:00 (summer) offsets: counted with grep on the raw text
    raw = (EVENTLOGS / "receipt.csv").read_text()
    ts = [line.rsplit(",", 1)[1] for line in raw.splitlines()[1:]]
    seen = {s[-6:] for s in ts}
    assert seen == {"+01:00", "+02:00"}
    log = J.load_cases(EVENTLOGS / "receipt.csv", timezone="Europe/Amsterdam")
    assert J.data_quality(log).offsets == ("+01:00", "+02:00")
    assert J.analyse_log(log).quality.offsets == ("+01:00", "+02:00")
    assert J.data_quality(log, offsets=["+03:00"]).offsets == ("+03:00",)  # an explicit list wins


def test_first_response_is_the_first_response_activity_when_named():
    # worked by hand: A opens at day 0, is "assigned" at day 1 (internal) and answered at day 3;
    # B is answered at day 2; C is never answered; D's own first event is a "reply sent" (it never answers itself)
    t0 = pd.Timestamp("2026-02-01T09:00:00Z")
    d = pd.Timedelta(days=1)
    log = pd.DataFrame([("A", "received", t0), ("A", "assigned", t0 + d), ("A", "reply sent", t0 + 3 * d),
                        ("A", "reply sent", t0 + 4 * d), ("B", "received", t0), ("B", "reply sent", t0 + 2 * d),
                        ("C", "received", t0), ("C", "assigned", t0 + d),
                        ("D", "reply sent", t0), ("D", "closed", t0 + d)],
                       columns=["case_id", "activity", "timestamp"])
    proxy = J.analyse_log(log).cases.set_index("case_id")["first_response_days"]
    assert proxy.to_dict() == {"A": 1.0, "B": 2.0, "C": 1.0, "D": 1.0}  # the second event, whatever it is
    named = J.analyse_log(log, response_activities=["Reply sent"]).cases.set_index("case_id")["first_response_days"]
    assert named[["A", "B"]].to_dict() == {"A": 3.0, "B": 2.0}
    assert named[["C", "D"]].isna().all()
    with pytest.raises(AnalysisError, match="response activities"):
        J.analyse_log(log, response_activities=["answered"])


@pytest.mark.parametrize("lang", ["en", "he"])
def test_journey_map_draws_every_element_the_method_names(lang):
    steps = pd.DataFrame({
        "step": [1, 2, 3, 4], "stage": ["Learn", "Apply", "Apply", "Receive"],
        "touchpoint": ["Reads the website", "Online form", "Waits for a decision", "Gets the permit"],
        "channel": ["web", "web", "phone", "counter"], "unit": ["Parking", "Parking", "Back office", "Parking"],
        "emotion": [1, 0, -2, 2], "pain_point": [None, "Form comes back", "Long wait", None],
        "moment_of_truth": ["no", "no", "yes", "yes"], "backstage": ["CMS", "Permit system", None, "Print shop"],
        "evidence": ["none", "partial", "data", None]})
    fig = J.journey_map(steps, lang=lang, callouts={3: "92 of 1,434 cases miss the deadline"})
    ax = fig.axes[0]
    texts = [tx.get_text() for tx in ax.texts]
    # the emotion curve: one line through the four steps at 5.35 + 0.55·emotion (the lane's scale)
    curve = [ln for ln in ax.lines if len(ln.get_xdata()) == 4]
    assert len(curve) == 1
    np.testing.assert_allclose(curve[0].get_ydata(), 5.35 + 0.55 * np.array([1, 0, -2, 2]))
    xs = list(curve[0].get_xdata())
    assert (xs == sorted(xs, reverse=True)) if lang == "he" else (xs == sorted(xs))  # time runs right to left in Hebrew
    # moments of truth: a star above steps 3 and 4 only
    stars = [ln for ln in ax.lines if ln.get_marker() == "*"]
    assert sorted(float(s.get_xdata()[0]) for s in stars) == sorted([xs[2], xs[3]])
    # evidence level of each step: empty, half, full circle (a blank evidence counts as no data)
    circles = [ln for ln in ax.lines if ln.get_marker() == "o" and ln.get_markersize() == 9]  # emotion dots: 8, badges: 13
    fills = sorted(ln.get_fillstyle() for ln in circles)
    half = "right" if lang == "he" else "left"
    assert fills == sorted(["none", half, "full", "none"])
    for ev in ("none", "partial", "data"):
        assert t(f"journeys.evidence.{ev}", lang) in texts
    # numbered pain-point callouts, the case-log number beside the pain it backs
    assert any("Long wait" in s and "92 of 1,434 cases miss the deadline" in s for s in texts)
    assert any("Form comes back" in s and "—" not in s for s in texts)
    assert {"1", "2"} <= set(texts)  # the badges
    # the line of visibility with the backstage units and systems beneath it
    assert t("journeys.lane.visibility", lang) in texts
    assert any("Print shop" in s for s in texts) and any("Back office" in s for s in texts)
    fig.clear()


def test_a_one_row_per_case_export_marks_what_needs_events_as_not_measurable(tmp_path):
    """An export of cases (opened/closed columns, one row each) is not an event log (issue: real exports).

    Durations and deadlines come from the opened and closed times; hand-offs, FCR, variants, rework and
    first response are unknown — in the summary (None, listed in ``not_measurable``), the tables (no
    variants or hand-off tables; a ``not_measurable`` table) and the findings — never shown as numbers.
    The second method: the same cases as an event log (received … closed) give the same durations.
    """
    from conftest import english_sheets, write_xlsx

    folder = tmp_path / "per-case"
    write_xlsx(folder / "intake.xlsx", english_sheets())
    rows = ["case_id,activity,opened,closed,unit,citizen_id"]
    events = ["case_id,activity,timestamp,unit,citizen_id"]
    for i in range(40):
        day = 1 + i % 20
        rows.append(f"C{i},Permit request,2026-02-{day:02d} 09:00,2026-02-{day + 3 + i % 5:02d} 09:00,Permits,P{i}")
        events.append(f"C{i},Permit request,2026-02-{day:02d} 09:00,Permits,P{i}")
        events.append(f"C{i},Closed,2026-02-{day + 3 + i % 5:02d} 09:00,Permits,P{i}")
    (folder / "cases.csv").write_text("\n".join(rows) + "\n")
    eng = load(folder)
    assert eng.one_row_per_case and "one_row_per_case" in {p.code for p in eng.problems}
    res = J.analyse(eng)
    s = res.summary()["journey"]
    assert s["not_measurable"] == ["variants", "handoffs", "fcr", "rework", "first_response"]
    assert s["fcr"] is None and s["handoffs_per_case"] is None and s["variants"] is None
    tables = res.tables("en")
    assert "not_measurable" in tables and not {"variants", "handoffs", "handoff_matrix", "rework"} & set(tables)
    assert any("one row per case" in f for f in res.findings("en"))
    (folder / "cases.csv").write_text("\n".join(events) + "\n")
    as_events = J.analyse(load(folder)).summary()["journey"]
    assert s["median_case_days"] == as_events["median_case_days"] and s["p90_case_days"] == as_events["p90_case_days"]
    assert s["sla_breach_rate"] == as_events["sla_breach_rate"] and as_events["not_measurable"] == []
