"""Service standards (svcwork.measures.standards): shares of cases meeting the standards, counted by hand."""

from __future__ import annotations

import numpy as np
import pytest
import pandas as pd

from conftest import EVENTLOGS
from svcwork import measures as M
from svcwork.intake import load_companion


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
    # within 2 days: C0, C2, C3 answered in time, C1 in 3 days; C9, open and still unanswered 20 days after it
    # came in (the log ends at day 20), is older than the target: not met — a citizen never answered counts
    assert (got.loc["first_response_days", "n"], got.loc["first_response_days", "met"]) == (5, 3)
    assert got.loc["first_response_days", "pending"] == 0
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


def _half_open_log() -> pd.DataFrame:
    """Five cases of one path: A, B, C closed (an outcome) after 1, 2 and 5 days; D opened on day 7 and E on
    day 0, both still open when the log ends on day 10 (ages 3 and 10)."""
    t0 = pd.Timestamp("2026-03-01T08:00:00Z")
    day = pd.Timedelta(days=1)
    rows = [("A", "received", t0, None), ("A", "review", t0 + day, "granted"),
            ("B", "received", t0, None), ("B", "review", t0 + 2 * day, "granted"),
            ("C", "received", t0, None), ("C", "review", t0 + 5 * day, "refused"),
            ("D", "received", t0 + 7 * day, None), ("D", "review", t0 + 7.5 * day, None),
            ("E", "received", t0, None), ("E", "review", t0 + 10 * day, None)]
    return pd.DataFrame(rows, columns=["case_id", "activity", "timestamp", "outcome"])


#: The product-limit estimate (Kaplan & Meier 1958) of _half_open_log's resolution times, worked by hand:
#: 1 (closed), 2 (closed), 3 (open), 5 (closed), 10 (open): S(1) = 4/5 = 0.8, S(2) = 0.8 × 3/4 = 0.6, D leaves
#: the risk set at 3, S(5) = 0.6 × 1/2 = 0.3 — the first time S falls to 0.5 or below: the median is 5 days.
#: The median of the closed cases alone would be 2.
HALF_OPEN_MEDIAN = 5.0


def test_the_median_resolution_time_counts_the_open_cases():
    """The standards table's median is the journeys section's (Kaplan–Meier), not the closed cases' alone."""
    row = M.standards_share(_half_open_log(), None, default_resolution_days=4).iloc[0]
    # A and B within 4 days; C (5 days) not; E open and 10 days old: not met; D open and 3 days old: pending
    assert (row["n"], row["met"], row["pending"]) == (4, 2, 1)
    assert row["median_days"] == HALF_OPEN_MEDIAN


def test_the_median_resolution_time_is_not_estimated_while_most_cases_are_open():
    log = _half_open_log()
    log = log[~((log["case_id"].isin(["A", "B"])) & (log["activity"] == "review"))].assign(
        outcome=lambda f: f["outcome"].where(f["case_id"] == "C"))
    # C closed after 5 days; A, B (one event, opened on day 0), D and E open: S never falls to one half
    row = M.standards_share(log, None, default_resolution_days=4).iloc[0]
    assert np.isnan(row["median_days"])


def test_the_groups_hidden_follow_the_closing_activities_given():
    """standards_share(end_activities=…) without *hidden* hides the groups the journeys section hides with the
    same closing activities (its "Still open" counts depend on them), not those of the default rule.  A log
    found by search: closed by "done", the channels phone and counter (3 cases) must go, and S1 with S3."""
    from svcwork.journeys.analysis import hidden_groups
    from svcwork.journeys.log import analyse_log

    code = ("2d50D 1p20- 1w88D 1p44D 2d33C 1d63D 1w46D 2w18- 2d08D 1p15C 1p38C 3p54- 3w41- 1d46- 1w05C 2p46C 2w82D "
            "2w38C 2w70C 2d55- 2p76- 2w04D 1w12C 3w51D").split()  # service, channel, day opened, then done/closed/open
    rows = []
    for i, c in enumerate(code):
        service, channel = f"S{c[0]}", {"d": "desk", "p": "phone", "w": "web"}[c[1]]
        start = pd.Timestamp("2026-01-01") + pd.Timedelta(days=int(c[2:4]))
        rows.append((f"c{i}", "received", start, service, channel))
        if c[4] != "-":
            rows.append((f"c{i}", {"D": "done", "C": "closed"}[c[4]], start + pd.Timedelta(days=3 if c[4] == "D" else 5),
                         service, channel))
    ev = pd.DataFrame(rows, columns=["case_id", "activity", "timestamp", "service_id", "channel"])
    ev["unit"] = ev["service_id"]
    st = pd.DataFrame([{"service_id": "*", "measure": "resolution_days", "target": 4.0, "channel": c}
                       for c in ("*", "web", "phone", "desk")]
                      + [{"service_id": s, "measure": "resolution_days", "target": 4.0, "channel": "*"}
                         for s in ("S1", "S2", "S3")])
    journeys = hidden_groups(analyse_log(ev, end_activities=["done"]), 3)
    got = M.standards_share(ev, st, min_group_size=3, end_activities=["done"])
    assert got.equals(M.standards_share(ev, st, min_group_size=3, end_activities=["done"], hidden=journeys))
    assert set(zip(got["service_id"], got["channel"])) == {("*", "*"), ("*", "web"), ("*", "phone"), ("S2", "*")}


def test_a_case_still_waiting_for_its_first_response():
    """Rule 4 of svcwork.caselog: an open case without a first response is not met once older than the target,
    pending before; the median counts it as censored at its age (checked against statsmodels' SurvfuncRight,
    Kaplan–Meier); a closed case without a response and a log recording no response at all add no one."""
    from statsmodels.duration.survfunc import SurvfuncRight

    t0 = pd.Timestamp("2026-01-01T08:00:00Z")
    day = pd.Timedelta(days=1)
    rows = []
    answered = [0.5, 1, 1.5, 4, 6]  # days to the first response ("answered"), then closed a day later
    for i, d in enumerate(answered):
        rows += [(f"A{i}", "received", t0), (f"A{i}", "answered", t0 + d * day), (f"A{i}", "closed", t0 + (d + 1) * day)]
    waiting = [30, 3, 1]  # open, unanswered: received this many days before the log's last event
    end = t0 + 40 * day
    rows += [(f"W{i}", "received", end - age * day) for i, age in enumerate(waiting)]
    rows += [("X", "received", t0), ("X", "closed", t0 + day), ("last", "received", end)]  # closed unanswered
    cases = pd.DataFrame(rows, columns=["case_id", "activity", "timestamp"]).assign(service_id="S1", channel="web")
    st = pd.DataFrame({"service_id": ["*"], "measure": ["first_response_days"], "target": [2.0], "channel": ["*"]})
    row = M.standards_share(cases, st, response_activities=["answered"]).iloc[0]
    # answered within 2 days: 3 of 5; W0 (30 days) not met; W1 (3 days) not met; W2 (1 day) and "last" pending
    assert (row["n"], row["met"], row["pending"]) == (7, 3, 2)
    days = np.array(answered + [30, 3, 1, 0], dtype=float)
    observed = np.array([1] * len(answered) + [0] * 4)
    sf = SurvfuncRight(days, observed)
    ref = float(sf.surv_times[np.flatnonzero(sf.surv_prob <= 0.5 + 1e-12)[0]])
    assert row["median_days"] == pytest.approx(ref) and ref == 4.0  # the answered cases' median alone: 1.5

    # no response recorded anywhere (every case has one event; closure is known, so a, b, c are open): no
    # first-response figure at all, not three citizens who were never answered
    lone = pd.DataFrame({"case_id": ["a", "b", "c", "d"], "activity": ["received"] * 3 + ["closed"],
                         "service_id": "S1", "channel": "web", "timestamp": [t0, t0 + 5 * day, t0 + 9 * day, t0]})
    assert M.standards_share(lone, st).empty
