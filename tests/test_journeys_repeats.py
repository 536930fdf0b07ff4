"""Repeat contact, first-contact resolution and channel switching (svcwork.journeys.repeats), on a
hand-built log whose answers are worked out in the comments."""

from __future__ import annotations

import pandas as pd
import pytest
from test_journeys_handoffs import days, frame

from svcwork.journeys.log import analyse_log
from svcwork.journeys.repeats import repeat_contacts


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
    r = repeat_contacts(log, days=7)
    assert sorted(r.cases.index[r.cases["repeat"].fillna(False).astype(bool)]) == ["c2", "c9"]
    assert sorted(r.cases.index[r.cases["followed_by_repeat"].fillna(False).astype(bool)]) == ["c1", "c8"]
    assert pd.isna(r.cases.loc["c6", "repeat"])
    assert r.linked_cases == 10 and r.rate == pytest.approx(0.2)
    assert r.channel_switching == pytest.approx(0.5) and r.citizens_with_repeat == 2
    a = analyse_log(log, repeat_contact_days=7, end_activities=["close"])
    fcr = a.cases.set_index("case_id")["fcr"]
    assert sorted(fcr.index[fcr.fillna(False).astype(bool)]) == ["c10", "c11", "c3", "c4"]
    assert pd.isna(fcr["c6"])
    assert a.fcr == pytest.approx(0.4)
    # a 15-day window also links case 3 (15 days after case 2) and case 11 (7 days + 1 s after case 10): 4 of 10
    assert repeat_contacts(log, days=15).rate == pytest.approx(0.4)


def test_fcr_is_unknown_without_citizen_ids_or_units():
    log = repeat_log()
    assert analyse_log(log.drop(columns="citizen_id")).fcr is None
    no_units = analyse_log(log.drop(columns="unit"))
    assert no_units.fcr is None and no_units.cases["handoffs"].isna().all()
