"""The case-log engine (svcwork.caselog): one definition of ordering, closure, first response,
resolution, age of open cases and deadlines, used by journeys and measures alike.

Independent references used here:
* small hand-made logs whose answers are worked out in the comments (with and without per-event end
  times, with an outcome column, with end activities, open cases, a one-row-per-case export);
* a plain pandas groupby, written here, on a random log (a second method for the whole per-case table);
* pm4py (test-only dependency) on the real logs: the case durations of the resolved cases, and the
  cases that contain an end activity (pm4py's own case filter).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from conftest import EVENTLOGS, english_sheets, write_xlsx
from svcwork import AnalysisError, load
from svcwork import caselog as CL
from svcwork import journeys as J
from svcwork import measures as M

T0 = pd.Timestamp("2026-03-02 08:00", tz="UTC")
COLS = ["case_id", "activity", "timestamp", "end_timestamp"]


def d(days: float) -> pd.Timestamp:
    return T0 + pd.Timedelta(days=days)


def h(hours: float) -> pd.Timedelta:
    return pd.Timedelta(hours=hours)


def log_with_end_times() -> pd.DataFrame:
    """Per-event end times; the log is read as of day 6 (a2's review ends then).

    a1: received d0 (ends +1 h), answered d1 (+2 h), closed d3 (ends d3 + 4 h)  -> closed, resolution 3 d 4 h
    a2: received d0, review d2 that ENDS on d6 (a long activity, not a closure)   -> open, 6 days old
    a3: received d1 with an end time 1 h later, nothing else                     -> open, 5 days old
    a4: received d2, note d4 (an end time BEFORE its timestamp: ignored), "Case closed" d5 -> closed, 3 days
    closed 2 (a1, a4), open 2 (a2, a3), resolved 2
    """
    rows = [("a1", "received", d(0), d(0) + h(1)), ("a1", "answered", d(1), d(1) + h(2)),
            ("a1", "closed", d(3), d(3) + h(4)),
            ("a2", "received", d(0), None), ("a2", "review", d(2), d(6)),
            ("a3", "received", d(1), d(1) + h(1)),
            ("a4", "received", d(2), None), ("a4", "note", d(4), d(4) - h(1)), ("a4", "Case closed", d(5), None)]
    out = pd.DataFrame(rows, columns=COLS)
    out["end_timestamp"] = pd.to_datetime(out["end_timestamp"], utc=True)
    return out


def log_without_end_times() -> pd.DataFrame:
    """The same log without end times: read as of day 5 (a4's closing event).

    a1 resolved in 3 days, a4 in 3 days; a2 open 5 days (opened d0), a3 open 4 days (opened d1).
    """
    return log_with_end_times().drop(columns="end_timestamp")


def one_row_per_case() -> pd.DataFrame:
    """An export of cases (opened/closed columns; "closed" is read as end_timestamp), read as of day 10.

    r1 opened d0, closed d3 -> closed in 3 days; r2 opened d1, no closing time -> open, 9 days old;
    r3 opened d2, closed d10 -> closed in 8 days.
    """
    out = pd.DataFrame([("r1", "Permit request", d(0), d(3)), ("r2", "Permit request", d(1), None),
                        ("r3", "Permit request", d(2), d(10))], columns=COLS)
    out["end_timestamp"] = pd.to_datetime(out["end_timestamp"], utc=True)
    return out


def log_without_closure() -> pd.DataFrame:
    """No end activity, no outcome: closure is unknown (never "all open").

    n1: received d0, review d2 -> taken as resolved at its last event: 2 days
    n2: received d1 only       -> undetermined (no resolution, no age)
    n3: received d1, review d1 + 12 h, review d4 -> 3 days
    """
    return pd.DataFrame([("n1", "received", d(0)), ("n1", "review", d(2)), ("n2", "received", d(1)),
                         ("n3", "received", d(1)), ("n3", "review", d(1) + h(12)), ("n3", "review", d(4))],
                        columns=COLS[:3])


def log_with_outcome() -> pd.DataFrame:
    """Closure by an outcome (no activity is named like a closure); a blank outcome is no outcome.

    o1: step d0, step d2 with outcome "granted" -> closed in 2 days
    o2: step d0, step d1 with outcome "  "       -> open (blank), 2 days old at the log's end (d2)
    o3: step d1, step d2                        -> open, 1 day old
    """
    return pd.DataFrame([("o1", "step", d(0), None), ("o1", "step", d(2), "granted"),
                         ("o2", "step", d(0), None), ("o2", "step", d(1), "  "),
                         ("o3", "step", d(1), None), ("o3", "step", d(2), None)],
                        columns=["case_id", "activity", "timestamp", "outcome"])


def times(log: pd.DataFrame, **kw) -> pd.DataFrame:
    return CL.case_times(log, **kw).set_index("case_id")


# =========================================================================== rule 1: events and their order
def test_events_are_ordered_by_time_with_file_order_breaking_ties_and_incomplete_rows_left_out():
    # x's events are listed backwards; y's two events share a timestamp and keep the file's order;
    # three rows lack a case id, an activity or a timestamp and are left out
    log = pd.DataFrame([("x", "third", d(2)), ("x", "first", d(0)), ("y", "tie one", d(1)), ("x", "second", d(1)),
                        ("y", "tie two", d(1)), (None, "lost", d(0)), ("y", None, d(0)), ("y", "no time", None)],
                       columns=COLS[:3])
    log["timestamp"] = pd.to_datetime(log["timestamp"], utc=True)
    L = CL.CaseLog(log)
    seq = {cid: list(L.activities[L.act[s:e]]) for cid, s, e in zip(L.case_ids, L.starts, L.ends)}
    assert seq == {"x": ["first", "second", "third"], "y": ["tie one", "tie two"]}
    assert L.dropped == {"no_case": 1, "no_activity": 1, "no_timestamp": 1} and L.n_dropped == 3
    # second method: pandas' stable sort by case and time over the complete rows
    ref = log.dropna().sort_values(["case_id", "timestamp"], kind="stable")
    assert ref.groupby("case_id", sort=False)["activity"].apply(list).to_dict() == seq
    with pytest.raises(AnalysisError, match="no usable event"):
        CL.CaseLog(log.iloc[5:])


# =========================================================================== rule 2: ends and as-of
def test_a_case_ends_at_the_latest_end_of_its_events_and_the_log_is_read_as_of_its_last_time():
    t = times(log_with_end_times())
    assert t.loc["a1", "end"] == (d(3) + h(4)).tz_localize(None)
    assert t.loc["a2", "end"] == d(6).tz_localize(None)       # the review ended after every timestamp
    assert t.loc["a4", "end"] == d(5).tz_localize(None)       # an end before its timestamp is ignored
    assert CL.CaseLog(log_with_end_times()).as_of == d(6).value
    assert CL.CaseLog(log_without_end_times()).as_of == d(5).value


# =========================================================================== rule 3: closure
def test_an_end_time_is_the_end_of_an_activity_never_a_closure():
    t = times(log_with_end_times())
    assert t["closed"].astype(bool).to_dict() == {"a1": True, "a2": False, "a3": False, "a4": True}
    c = CL.closure(log_with_end_times())
    assert c.known and not c.by_end_time and c.end_activities == ("closed", "Case closed")
    # the same cases without end times: the same closure
    assert times(log_without_end_times())["closed"].astype(bool).to_dict() == t["closed"].astype(bool).to_dict()


def test_end_activities_given_by_name_replace_the_default_words():
    log = log_without_end_times()
    assert times(log, end_activities=["answered"])["closed"].astype(bool).to_dict() == \
        {"a1": True, "a2": False, "a3": False, "a4": False}
    # Hebrew closing words are recognised without being named
    heb = log.assign(activity=log["activity"].replace({"closed": "הפנייה נסגרה", "Case closed": "טופל"}))
    assert CL.closure(heb).end_activities == ("הפנייה נסגרה", "טופל")
    with pytest.raises(AnalysisError, match="end activities"):
        CL.closure(log, ["closed for good"])


def test_an_outcome_closes_a_case_and_a_blank_outcome_does_not():
    t = times(log_with_outcome())
    assert t["closed"].astype(bool).to_dict() == {"o1": True, "o2": False, "o3": False}
    assert t.loc["o1", "resolution_days"] == pytest.approx(2.0)
    assert t["open_age_days"].to_dict() == pytest.approx({"o1": np.nan, "o2": 2.0, "o3": 1.0}, nan_ok=True)


def test_in_a_one_row_per_case_export_the_end_time_is_the_closing_time():
    c = CL.closure(one_row_per_case())
    assert c.known and c.by_end_time and c.closed.tolist() == [True, False, True]
    t = times(one_row_per_case())
    assert t["resolution_days"].to_dict() == pytest.approx({"r1": 3.0, "r2": np.nan, "r3": 8.0}, nan_ok=True)
    assert t["open_age_days"].to_dict() == pytest.approx({"r1": np.nan, "r2": 9.0, "r3": np.nan}, nan_ok=True)
    assert t["first_response_days"].isna().all()  # one row: no response can be seen
    # the same export without a closing column says nothing about closure
    assert not CL.closure(one_row_per_case().drop(columns="end_timestamp")).known
    # a single case of one row is an event log of one event, not an export of cases: its end time closes nothing
    assert not CL.closure(one_row_per_case().iloc[:1]).known


def test_without_any_closure_in_the_log_closure_is_unknown_not_open():
    t = times(log_without_closure())
    assert t["closed"].isna().all() and t["open_age_days"].isna().all()
    # cases with two events or more are taken as resolved at the end of their last event; n2 is undetermined
    assert t["resolution_days"].to_dict() == pytest.approx({"n1": 2.0, "n2": np.nan, "n3": 3.0}, nan_ok=True)


# =========================================================================== rules 4-6: response, resolution, age
def test_first_response_is_the_second_event_or_the_first_named_response():
    log = pd.DataFrame([("A", "received", d(0)), ("A", "assigned", d(1)), ("A", "reply sent", d(3)),
                        ("B", "reply sent", d(0)), ("B", "reply sent", d(0)),  # answered at the same instant
                        ("C", "received", d(0)), ("D", "reply sent", d(0)), ("D", "closed", d(2))],
                       columns=COLS[:3])
    proxy = dict(zip(CL.CaseLog(log).case_ids, CL.first_response_days(log)))
    assert proxy == pytest.approx({"A": 1.0, "B": 0.0, "C": np.nan, "D": 2.0}, nan_ok=True)
    named = dict(zip(CL.CaseLog(log).case_ids, CL.first_response_days(log, ["Reply sent"])))
    # D's own first event is a reply: it never answers itself, and nothing later does
    assert named == pytest.approx({"A": 3.0, "B": 0.0, "C": np.nan, "D": np.nan}, nan_ok=True)
    with pytest.raises(AnalysisError, match="response activities"):
        CL.first_response_days(log, ["answered"])


def test_resolution_and_age_with_and_without_end_times_worked_by_hand():
    t = times(log_with_end_times())
    assert t["resolution_days"].to_dict() == pytest.approx(
        {"a1": 3 + 4 / 24, "a2": np.nan, "a3": np.nan, "a4": 3.0}, nan_ok=True)
    assert t["open_age_days"].to_dict() == pytest.approx({"a1": np.nan, "a2": 6.0, "a3": 5.0, "a4": np.nan},
                                                         nan_ok=True)
    assert t["first_response_days"].to_dict() == pytest.approx({"a1": 1.0, "a2": 2.0, "a3": np.nan, "a4": 2.0},
                                                               nan_ok=True)
    u = times(log_without_end_times())
    assert u["resolution_days"].to_dict() == pytest.approx({"a1": 3.0, "a2": np.nan, "a3": np.nan, "a4": 3.0},
                                                           nan_ok=True)
    assert u["open_age_days"].to_dict() == pytest.approx({"a1": np.nan, "a2": 5.0, "a3": 4.0, "a4": np.nan},
                                                         nan_ok=True)


# =========================================================================== rule 7: deadlines
def test_deadlines_and_breaches_worked_by_hand():
    # sla 3 days; read as of day 6.  a1 closed at d3 + 4 h > d3: missed; a2 open at d6 with its own
    # deadline d7: not missed yet; a3 open, deadline d4 < d6: missed; a4 closed d5 = deadline d5: met
    log = log_with_end_times()
    log["deadline"] = pd.Series(pd.NaT, index=log.index, dtype="datetime64[ns, UTC]")
    log.loc[4, "deadline"] = d(7)  # a2's own deadline on its second event: still the case's deadline
    L = CL.CaseLog(log)
    c = CL.closure(L)
    deadline = CL.deadlines(L, 3)
    assert list(pd.to_datetime(deadline).tz_localize("UTC")) == [d(3), d(7), d(4), d(5)]
    assert CL.breached(L, c, deadline).tolist() == [True, False, True, False]
    # closure unknown: every case of two events or more is judged by its own end (n1 ended d2 > d0 + 1, n3 ended
    # d4 > d1 + 1); n2 has a single event: undetermined (rule 5), not "within its deadline"
    n = CL.CaseLog(log_without_closure())
    got = CL.breached(n, CL.closure(n), CL.deadlines(n, 1))
    assert [bool(got[0]), bool(got[2])] == [True, True] and pd.isna(got[1])


def test_a_deadline_given_as_a_date_is_met_on_that_day():
    """A date-only deadline ("2026-05-22", read as midnight in the engagement's zone) means the whole of that day:
    a case closed at 15:00 local on its deadline day met it, one closed at 09:00 the next day missed it (Jerusalem,
    UTC+3 in May: local midnight is 21:00 UTC the day before).  A deadline with a time of day is kept as given."""
    tz = "Asia/Jerusalem"

    def local(text: str) -> pd.Timestamp:
        return pd.Timestamp(text, tz=tz).tz_convert("UTC")

    log = pd.DataFrame({
        "case_id": ["on", "on", "late", "late", "night", "night"],
        "activity": ["received", "closed"] * 3,
        "timestamp": [local("2026-05-20 09:00"), local("2026-05-22 15:00"), local("2026-05-20 09:00"),
                      local("2026-05-23 09:00"), local("2026-05-20 09:00"), local("2026-05-22 23:59")],
        "deadline": [local("2026-05-22 00:00"), pd.NaT, local("2026-05-22 00:00"), pd.NaT, local("2026-05-22 00:00"),
                     pd.NaT]})
    L = CL.CaseLog(log)
    deadline = CL.deadlines(L, 14, tz)
    # by hand: the end of 22 May in Jerusalem is 23 May 00:00 local = 22 May 21:00 UTC
    assert list(pd.to_datetime(deadline).tz_localize("UTC")) == [pd.Timestamp("2026-05-22 21:00", tz="UTC")] * 3
    assert CL.breached(L, CL.closure(L), deadline).tolist() == [False, True, False]
    timed = log.assign(deadline=log["deadline"] + pd.Timedelta(hours=12))  # noon: a time of day, kept as given
    assert list(pd.to_datetime(CL.deadlines(CL.CaseLog(timed), 14, tz)).tz_localize("UTC")) == [
        local("2026-05-22 12:00")] * 3
    # the journeys section reads the log in the engagement's zone: the same cases met and missed
    cases = J.analyse_log(log, timezone=tz).cases.set_index("case_id")
    assert cases["sla_breach"].astype(bool).to_dict() == {"on": False, "late": True, "night": False}


# =========================================================================== a second method: pandas
def _random_log(seed: int, *, end_times: bool) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    acts = ["received", "assigned", "answered", "review", "closed", "archived"]
    for c in range(300):
        t = T0 + pd.Timedelta(minutes=int(rng.integers(0, 60 * 24 * 60)))
        for _ in range(int(rng.integers(1, 7))):
            t = t + pd.Timedelta(minutes=int(rng.integers(0, 60 * 24 * 5)))
            late = pd.Timedelta(minutes=int(rng.integers(-60, 60 * 24 * 3)))  # may end before it starts: ignored
            end = t + late if end_times and rng.random() < .6 else pd.NaT
            outcome = "granted" if rng.random() < 0.05 else None
            rows.append((f"c{c:03d}", str(rng.choice(acts, p=[.3, .2, .2, .2, .07, .03])), t, end, outcome,
                         str(rng.choice(["web", "אתר", "phone"])), f"S{c % 3}"))
    out = pd.DataFrame(rows, columns=["case_id", "activity", "timestamp", "end_timestamp", "outcome", "channel",
                                      "service_id"])
    return out.sample(frac=1, random_state=seed)  # the file lists events in no particular order


def _pandas_times(log: pd.DataFrame) -> pd.DataFrame:
    """The rules of svcwork.caselog, written again with a plain pandas groupby."""
    e = log.sort_values(["case_id", "timestamp"], kind="stable").copy()
    if "end_timestamp" in e:  # typed first: a row-wise max over an object column fails on pandas 2
        e["end"] = pd.concat([e["timestamp"], pd.to_datetime(e["end_timestamp"], utc=True)], axis=1).max(axis=1)
    else:
        e["end"] = e["timestamp"]
    e["closing"] = e["activity"].isin(["closed", "archived"]) | e["outcome"].notna()
    g = e.groupby("case_id")
    start, end = g["timestamp"].min(), g["end"].max()
    second = e[g.cumcount() == 1].set_index("case_id")["timestamp"]
    closed = g["closing"].any()
    as_of = e["end"].max()
    day = pd.Timedelta(days=1)
    return pd.DataFrame({"first_response_days": (second.reindex(start.index) - start) / day,
                         "closed": closed,
                         "resolution_days": ((end - start) / day).where(closed),
                         "open_age_days": ((as_of - start) / day).where(~closed),
                         # rule 4: an open case with no second event is still waiting for its first response
                         "response_wait_days": ((as_of - start) / day).where(~closed & second.reindex(start.index).isna()),
                         "channel": g["channel"].first().replace({"אתר": "web"})})


@pytest.mark.parametrize("end_times", [True, False])
def test_the_per_case_table_equals_a_plain_pandas_groupby(end_times):
    log = _random_log(7, end_times=end_times)
    mine = times(log).sort_index()
    ref = _pandas_times(log).sort_index()
    assert mine.index.equals(ref.index)
    assert (mine["closed"].astype(bool) == ref["closed"]).all() and 0 < ref["closed"].sum() < len(ref)
    assert ref["response_wait_days"].notna().any()
    for col in ("first_response_days", "resolution_days", "open_age_days", "response_wait_days"):
        np.testing.assert_allclose(mine[col].to_numpy(float), ref[col].to_numpy(float), atol=1e-9, err_msg=col)
    assert (mine["channel"] == ref["channel"]).all()


# =========================================================================== against pm4py on the real logs
pm4py = pytest.importorskip("pm4py")


def test_resolution_on_the_receipt_log_equals_pm4py_case_durations():
    # receipt.csv records no closure: every case of two events or more is resolved at its last event
    log = J.load_cases(EVENTLOGS / "receipt.csv", timezone="Europe/Amsterdam")
    t = CL.case_times(log)
    assert t["closed"].isna().all()
    raw = pd.read_csv(EVENTLOGS / "receipt.csv", dtype=str)
    raw["time:timestamp"] = pd.to_datetime(raw["time:timestamp"], utc=True, format="ISO8601")
    ref = pm4py.format_dataframe(raw, case_id="case:concept:name", activity_key="concept:name",
                                 timestamp_key="time:timestamp")
    multi = pm4py.filter_case_size(ref, 2, 10**6)
    np.testing.assert_allclose(np.sort(t["resolution_days"].dropna().to_numpy() * 86400),
                               np.sort(pm4py.get_all_case_durations(multi)), atol=1e-3)


@pytest.mark.slow  # pm4py reads the XES file in ~3 s
def test_closed_cases_and_their_resolution_on_the_helpdesk_log_equal_pm4py(tmp_path):
    raw = pm4py.read_xes(str(EVENTLOGS / "helpdesk.xes.gz"), show_progress_bar=False)
    raw.to_csv(tmp_path / "helpdesk.csv", index=False)
    log = J.load_cases(tmp_path / "helpdesk.csv")
    ref = pm4py.format_dataframe(raw, case_id="case:concept:name", activity_key="concept:name",
                                 timestamp_key="time:timestamp")
    t = CL.case_times(log, end_activities=["Closed"])
    closed = pm4py.filter_event_attribute_values(ref, "concept:name", ["Closed"], level="case", retain=True)
    opened = pm4py.filter_event_attribute_values(ref, "concept:name", ["Closed"], level="case", retain=False)
    assert int(t["closed"].sum()) == closed["case:concept:name"].nunique()
    assert int((~t["closed"]).sum()) == opened["case:concept:name"].nunique() > 0
    np.testing.assert_allclose(np.sort(t["resolution_days"].dropna().to_numpy() * 86400),
                               np.sort(pm4py.get_all_case_durations(closed)), atol=1e-3)


# =========================================================================== journeys and measures agree
def _journeys_counts(log: pd.DataFrame, **kw) -> dict[str, object]:
    a = J.analyse_log(log, **kw)
    c = a.cases
    known = c["closed"].notna().all()
    res = c["resolution_days"].dropna()
    # the median resolution both sections show counts the open cases (Kaplan–Meier: rule 8 of svcwork.caselog)
    return {"closed": int(c["closed"].sum()) if known else None, "open": int((~c["closed"]).sum()) if known else None,
            "resolved": len(res), "median_resolution": _nan(a.time_quantile(0.5)),
            "responded": int(c["first_response_days"].notna().sum()),
            # the median first response the journeys section shows (case measures), counting the cases still waiting
            "median_first_response": float(J.breakdown(c.assign(every="all"), "every")["median_first_response_days"]
                                           .iloc[0]) if c["first_response_days"].notna().any() else None}


def _nan(value: float | None) -> float:
    """None (not estimable yet, as the journeys section says it) as NaN (as the standards table says it)."""
    return float("nan") if value is None else float(value)


def _measures_counts(log: pd.DataFrame, **kw) -> dict[str, object]:
    # a target no case reaches: n = the resolved cases, pending = the open ones (none is late yet)
    st = pd.DataFrame({"service_id": ["*", "*"], "measure": ["resolution_days", "first_response_days"],
                       "target": [1e6, 1e6], "channel": ["*", "*"]})
    got = M.standards_share(log, st, **kw).set_index("measure")
    res = got.loc["resolution_days"]
    known = bool(CL.closure(log, kw.get("end_activities")).known)
    fr = got.loc["first_response_days"] if "first_response_days" in got.index else None
    return {"closed": int(res["n"]) if known else None, "open": int(res["pending"]) if known else None,
            "resolved": int(res["n"]), "median_resolution": float(res["median_days"]),
            "responded": int(fr["n"]) if fr is not None else 0,
            "median_first_response": float(fr["median_days"]) if fr is not None else None}


AGREEMENT = {
    # log, options, the counts worked by hand: closed, open, resolved
    "per-event end times": (log_with_end_times, {}, (2, 2, 2)),
    "no end times": (log_without_end_times, {}, (2, 2, 2)),
    "end activities named": (log_with_end_times, {"end_activities": ["answered"]}, (1, 3, 1)),
    "outcome": (log_with_outcome, {}, (1, 2, 1)),
    "one row per case": (one_row_per_case, {}, (2, 1, 2)),
    "no closure recorded": (log_without_closure, {}, (None, None, 2)),
}


@pytest.mark.parametrize("name", list(AGREEMENT))
def test_journeys_and_measures_report_the_same_closed_open_and_resolved_cases(name):
    make, kw, (closed, open_, resolved) = AGREEMENT[name]
    j, m = _journeys_counts(make(), **kw), _measures_counts(make(), **kw)
    assert (j["closed"], j["open"], j["resolved"]) == (closed, open_, resolved)
    assert j == pytest.approx(m, nan_ok=True)


def test_one_report_shows_one_count_of_closed_cases(tmp_path):
    """The issue's case: a client's export with per-event end times, analysed by both sections of a report."""
    folder = tmp_path / "client"
    write_xlsx(folder / "intake.xlsx", english_sheets())
    log = log_with_end_times()
    big = pd.concat([log.assign(case_id=log["case_id"] + f"-{k}", timestamp=log["timestamp"] + pd.Timedelta(days=k),
                                end_timestamp=log["end_timestamp"] + pd.Timedelta(days=k)) for k in range(10)])
    out = big.assign(timestamp=big["timestamp"].dt.strftime("%Y-%m-%d %H:%M"),
                     end_timestamp=big["end_timestamp"].dt.strftime("%Y-%m-%d %H:%M"))
    out.to_csv(folder / "cases.csv", index=False)
    eng = load(folder)
    assert not eng.one_row_per_case and eng.cases["end_timestamp"].notna().any()
    log = J.analyse(eng).log
    cases = log.cases
    std = M.analyse(eng, n_boot=0).standards.set_index("measure").loc["resolution_days"]
    sla = eng.settings.sla_days
    # 20 cases closed (a1 and a4 of each copy), 20 open, whatever their end times; the open ones older than
    # sla_days at the log's end count as not met, the others are pending — in both sections
    assert int(cases["closed"].sum()) == 20 and int((~cases["closed"]).sum()) == 20
    late_open = int((cases["open_age_days"] > sla).sum())
    assert std["n"] == cases["resolution_days"].notna().sum() + late_open
    assert std["pending"] == int((cases["open_age_days"] <= sla).sum())
    assert std["median_days"] == pytest.approx(log.time_quantile(0.5))  # both count the open cases (Kaplan–Meier)


# =========================================================================== channels (review F5, related part)
def test_desk_is_a_counter_channel():
    # receipt.csv writes the counter as "Desk"; "front desk" and "walk-in" already read as counter
    assert (CL.channel_key("front desk"), CL.channel_key("Desk"), CL.channel_key("desk")) == ("counter",) * 3
