"""Variants, the directly-follows graph and case durations (svcwork.journeys.variants, .dfg, .log).

Independent reference: pm4py (test-only dependency, AGPL) on the real logs in shared/data/eventlogs —
variants, directly-follows counts, start/end activities, median waiting time per edge, case durations.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from test_journeys_handoffs import handoff_log, hours

from conftest import EVENTLOGS
from svcwork.journeys.dfg import directly_follows
from svcwork.journeys.log import case_durations, load_cases
from svcwork.journeys.variants import variants

pm4py = pytest.importorskip("pm4py")


def _pm4py_frame(raw: pd.DataFrame) -> pd.DataFrame:
    return pm4py.format_dataframe(raw, case_id="case:concept:name", activity_key="concept:name",
                                  timestamp_key="time:timestamp")


def _assert_same_as_pm4py(log: pd.DataFrame, ref: pd.DataFrame) -> None:
    v = variants(log)
    assert v.as_dict() == {tuple(k): int(c) for k, c in pm4py.get_variants(ref).items()}
    dfg, start, end = pm4py.discover_dfg(ref)
    d = directly_follows(log)
    assert d.as_dict() == {k: int(c) for k, c in dfg.items()}
    assert d.start.to_dict() == dict(start) and d.end.to_dict() == dict(end)
    perf, _, _ = pm4py.discover_performance_dfg(ref)
    mine = {(a, b): w * 3600 for a, b, w in zip(d.edges["source"], d.edges["target"], d.edges["median_wait_hours"])}
    assert mine.keys() == perf.keys()
    for k, stats in perf.items():
        assert mine[k] == pytest.approx(stats["median"], abs=1e-3), k
    durations = case_durations(log)
    assert len(durations) == ref["case:concept:name"].nunique()
    np.testing.assert_allclose(np.sort(durations.to_numpy() * 86400), np.sort(pm4py.get_all_case_durations(ref)),
                               atol=1e-3)
    one = str(durations.index[0])
    assert durations[one] * 86400 == pytest.approx(pm4py.get_case_duration(ref, one), abs=1e-3)


def test_receipt_log_variants_dfg_and_durations_equal_pm4py():
    # receipt.csv (header read first): case:concept:name, concept:name, time:timestamp with mixed
    # +01:00/+02:00 offsets, org:group, org:resource, case:channel, case:deadline — XES names, no map needed
    log = load_cases(EVENTLOGS / "receipt.csv", timezone="Europe/Amsterdam")
    raw = pd.read_csv(EVENTLOGS / "receipt.csv", dtype=str)
    raw["time:timestamp"] = pd.to_datetime(raw["time:timestamp"], utc=True, format="ISO8601")
    _assert_same_as_pm4py(log, _pm4py_frame(raw))
    assert variants(log).n_cases == 1434


@pytest.mark.slow  # pm4py reads the XES file in ~3 s
def test_helpdesk_log_variants_dfg_and_durations_equal_pm4py(tmp_path):
    ref = pm4py.read_xes(str(EVENTLOGS / "helpdesk.xes.gz"), show_progress_bar=False)
    ref.to_csv(tmp_path / "helpdesk.csv", index=False)  # the client's export, read by our own loader
    log = load_cases(tmp_path / "helpdesk.csv")
    assert len(log) == 21348
    _assert_same_as_pm4py(log, _pm4py_frame(ref))


def test_events_are_ordered_by_time_with_file_order_breaking_ties():
    # B's events are listed backwards: the variant follows the timestamps; C's two events share a
    # timestamp and keep the order of the file (pm4py's rule too)
    log = handoff_log()
    log.loc[len(log)] = ["E", "second in file", hours(0), "X"]
    log.loc[len(log)] = ["E", "first in file?", hours(0), "X"]
    v = variants(log)
    seqs = {c: v.table.loc[r, "variant"] for c, r in v.case_variant.items()}
    assert seqs["B"] == ("register", "review", "check", "review")
    assert seqs["E"] == ("second in file", "first in file?")
