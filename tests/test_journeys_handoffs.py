"""Hand-offs between units and ping-pong (svcwork.journeys.handoffs).

Independent references: a plain Python loop over each case of the real receipt log (a second
method), and a small hand-built log whose answers are worked out in the comments.  The hand-built
log helpers here are shared by the other case-log tests.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from conftest import EVENTLOGS
from svcwork.journeys.handoffs import handoffs
from svcwork.journeys.log import load_cases

T0 = pd.Timestamp("2026-01-05 08:00", tz="UTC")


def frame(rows, columns=("case_id", "activity", "timestamp", "unit")) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=list(columns))
    out["timestamp"] = pd.to_datetime(out["timestamp"], utc=True)
    return out


def hours(h: float) -> pd.Timestamp:
    return T0 + pd.Timedelta(hours=h)


def days(d: float) -> pd.Timestamp:
    return T0 + pd.Timedelta(days=d)


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


def test_handoffs_on_the_receipt_log_match_a_plain_loop():
    log = load_cases(EVENTLOGS / "receipt.csv", timezone="Europe/Amsterdam")
    raw = pd.read_csv(EVENTLOGS / "receipt.csv", dtype=str)
    raw["ts"] = pd.to_datetime(raw["time:timestamp"], utc=True, format="ISO8601")
    raw["i"] = np.arange(len(raw))
    pairs: Counter = Counter()
    pingpong: Counter = Counter()
    per_case = {}
    for case, events in raw.sort_values(["ts", "i"]).groupby("case:concept:name", sort=False):
        # "EMPTY" is pm4py's placeholder for a missing group: the intake reads it as missing (F5 of the review)
        units = [u for u in events["org:group"] if isinstance(u, str) and u != "EMPTY"]
        moves = [(a, b) for a, b in zip(units, units[1:]) if a != b]
        pairs.update(moves)
        per_case[case] = len(moves)
        collapsed = [u for k, u in enumerate(units) if k == 0 or u != units[k - 1]]
        pingpong.update((a, b) for a, b, c in zip(collapsed, collapsed[1:], collapsed[2:]) if a == c)
    h = handoffs(log)
    assert {(a, b): c for a, b, c in zip(h.pairs["from"], h.pairs["to"], h.pairs["count"])} == dict(pairs)
    assert {(a, b): c for a, b, c in zip(h.pairs["from"], h.pairs["to"], h.pairs["pingpong"]) if c} == dict(pingpong)
    assert h.per_case.to_dict() == per_case
    assert int(np.trace(h.matrix.to_numpy())) == 0 and int(h.matrix.to_numpy().sum()) == sum(pairs.values())


def test_handoffs_pingpong_and_time_lost_on_a_hand_built_log():
    h = handoffs(handoff_log())
    pairs = {(a, b): (c, w, p) for a, b, c, w, p in h.pairs.itertuples(index=False)}
    assert pairs == {("X", "Y"): (3, 2.0, 2), ("Y", "X"): (2, 1.0, 1), ("X", "Z"): (1, 6.0, 0)}
    assert h.matrix.loc["X", "Y"] == 3 and h.matrix.loc["Y", "X"] == 2 and h.matrix.loc["X", "X"] == 0
    assert h.per_case.to_dict() == {"A": 3, "B": 3, "C": 0, "D": 0}
    assert h.pingpong_per_case.to_dict() == {"A": 1, "B": 2, "C": 0, "D": 0}
    assert h.per_case_mean == 1.5 and h.cases_with_pingpong == 2 and h.cases_with_handoff == 2
    assert h.events_without_unit == 1
