"""Grouped case measures (svcwork.journeys.capability): KPIs per group and monthly capability worked by hand.

End-to-end time counts the cases still open (Kaplan–Meier, svcwork.journeys.survival); with every case
finished its quantiles are the inverse of the empirical distribution function (Hyndman & Fan 1996,
definition 1: numpy's ``method="inverted_cdf"``), which the hand-worked answers below use."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from test_journeys_handoffs import frame

from conftest import EVENTLOGS
from svcwork import AnalysisError
from svcwork.journeys.capability import breakdown, capability_table
from svcwork.journeys.log import analyse_log, load_cases


def test_breakdown_median_and_p90_match_numpy():
    # the receipt log records no closure: every case of two events or more is taken as finished at its last
    # event and a single-event case is undetermined (rule 5 of svcwork.caselog), so the Kaplan–Meier
    # quantiles are numpy's inverse-empirical-distribution quantiles of the days of its multi-event cases
    log = load_cases(EVENTLOGS / "receipt.csv", timezone="Europe/Amsterdam")
    a = analyse_log(log)
    multi = a.cases["events"] >= 2
    assert not a.closure_known and a.cases.loc[multi, "finished"].all() and not a.cases.loc[~multi, "finished"].any()
    table = breakdown(a.cases, "channel").set_index("channel")
    web = a.cases.loc[(a.cases["channel"] == "web") & multi, "days"].to_numpy()
    assert table.loc["web", "cases"] == (a.cases["channel"] == "web").sum()
    assert table.loc["web", "median_days"] == pytest.approx(np.quantile(web, 0.5, method="inverted_cdf"))
    assert table.loc["web", "p90_days"] == pytest.approx(np.quantile(web, 0.9, method="inverted_cdf"))


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
    cases = analyse_log(_two_service_log(), sla_days=7).cases
    by = capability_table(cases, by="service_id").set_index(["service_id", "month"])
    jan, feb = pd.Period("2026-01", "M"), pd.Period("2026-02", "M")
    # every case closed: the p-quantile is the ceil(n p)-th smallest duration (inverse of the empirical
    # distribution).  A, January: sorted 1 2 3 4 10 -> median the 3rd = 3; p90 the ceil(4.5) = 5th = 10;
    # within 7 days: all but the 10-day case -> 4/5
    assert by.loc[("A", jan), "cases"] == 5 and by.loc[("A", jan), "open"] == 0
    assert by.loc[("A", jan), "median_days"] == pytest.approx(3.0)
    assert by.loc[("A", jan), "p90_days"] == pytest.approx(10.0)
    assert by.loc[("A", jan), "sla_met"] == pytest.approx(0.8)
    # A, February: 2 4 6 8 -> median the 2nd = 4; p90 the ceil(3.6) = 4th = 8; the 8-day case misses -> 3/4
    assert by.loc[("A", feb), ["median_days", "p90_days", "sla_met"]].tolist() == pytest.approx([4.0, 8.0, 0.75])
    assert by.loc[("B", jan), ["cases", "median_days", "p90_days", "sla_met"]].tolist() == pytest.approx([3, 5, 5, 1])
    assert (by["deadline_days"] == 7).all()  # no case has its own deadline: sla_days after opening
    # whole log, January: 1 2 3 4 5 5 5 10 -> median the 4th = 4; p90 the ceil(7.2) = 8th = 10
    whole = capability_table(cases).set_index("month")
    assert whole.loc[jan, ["cases", "median_days", "p90_days"]].tolist() == pytest.approx([8, 4, 10])
    for q, column in ((0.5, "median_days"), (0.9, "p90_days")):  # the same as numpy's inverted_cdf
        days = cases.loc[cases["month"] == jan, "days"].to_numpy()
        assert whole.loc[jan, column] == pytest.approx(np.quantile(days, q, method="inverted_cdf"))
    with pytest.raises(AnalysisError):
        capability_table(cases.drop(columns="deadline"), by="service_id")


def test_breakdown_shares_count_only_the_known_cases():
    # a share is True among the cases where it is known (a missing value is neither); a group where it is
    # never known has no share (NaN), not 0 — counted here case by case
    cases = pd.DataFrame({
        "channel": ["web", "web", "web", "web", "phone", "phone", "desk"],
        "time_days": [1.0, 2, 3, 4, 5, 6, 7], "finished": [True] * 7, "first_response_days": [0.5] * 7,
        "sla_breach": pd.array([True, False, None, False, None, None, True], dtype="boolean"),
        "closed": pd.array([True, True, True, None, False, None, True], dtype="boolean"),
        "rework": [False, True, False, False, True, True, False],
        "handoffs": pd.array([0, 1, 2, None, 1, 1, 0], dtype="Int64"),
        "repeat": pd.array([None, None, None, None, True, False, None], dtype="boolean"),
        "fcr": pd.array([True, None, True, True, False, None, None], dtype="boolean"),
    })
    table = breakdown(cases, "channel").set_index("channel")
    for ch, part in cases.groupby("channel"):
        for col, out in (("sla_breach", "sla_met"), ("closed", "closure_rate"), ("rework", "rework_rate"),
                         ("repeat", "repeat_contact_rate"), ("fcr", "fcr")):
            known = [bool(v) for v in part[col] if v is not pd.NA]
            share = sum(known) / len(known) if known else float("nan")
            expected = 1 - share if col == "sla_breach" else share
            assert table.loc[ch, out] == pytest.approx(expected, nan_ok=True), (ch, col)
    assert np.isnan(table.loc["desk", "repeat_contact_rate"]) and table.loc["web", "sla_met"] == pytest.approx(2 / 3)


def test_breakdown_median_first_response_counts_the_cases_still_waiting():
    """Rule 4 of svcwork.caselog: "First response time, median" counts an open case not answered yet as right
    censored at its age (Kaplan–Meier, checked against statsmodels' SurvfuncRight); a closed case without a
    response is left out, and the measure's base (for the group-size rule) is the answered and the waiting."""
    from statsmodels.duration.survfunc import SurvfuncRight

    t0 = pd.Timestamp("2026-03-01T09:00:00Z")
    day = pd.Timedelta(days=1)
    rows = []
    for i, d in enumerate([0.2, 0.5, 1, 3, 8]):  # answered ("second event"), closed a day later
        rows += [(f"A{i}", "received", t0), (f"A{i}", "reply", t0 + d * day), (f"A{i}", "closed", t0 + (d + 1) * day)]
    end = t0 + 30 * day
    rows += [(f"W{i}", "received", end - age * day) for i, age in enumerate([25, 20, 12])]  # open, never answered
    rows += [("Z", "received", end)]  # the log's last event: waiting 0 days
    log = pd.DataFrame(rows, columns=["case_id", "activity", "timestamp"]).assign(service_id="S1")
    cases = analyse_log(log).cases
    got = breakdown(cases, "service_id").set_index("service_id").loc["S1", "median_first_response_days"]
    sf = SurvfuncRight(np.array([0.2, 0.5, 1, 3, 8, 25, 20, 12, 0]), np.array([1] * 5 + [0] * 4))
    ref = float(sf.surv_times[np.flatnonzero(sf.surv_prob <= 0.5 + 1e-12)[0]])
    assert got == pytest.approx(ref) and ref == 3.0  # the answered alone: median 1 day
    # under the group-size rule the base is the 9 cases answered or waiting
    assert breakdown(cases, "service_id", min_size=9)["median_first_response_days"].notna().all()
    assert breakdown(cases, "service_id", min_size=10)["median_first_response_days"].isna().all()
