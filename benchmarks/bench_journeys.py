"""Benchmark: the case-log metric set of svcwork.journeys against pm4py's equivalent calls.

Generates a synthetic case log (default ~5,000,000 events / ~250,000 cases: 26 activities with
loops and rework, 8 units, hand-offs and ping-pong, repeat contacts, channels, services and
deadlines), listed in global time order as a case-management system exports it.  Then, in the
same run and on the same frame:

* svcwork: ``journeys.analyse_log`` (sort, variants, directly-follows graph with median waits,
  case durations, hand-off matrix/per case/ping-pong/time lost, data-quality checks, first
  response, SLA, closure, rework, repeat contact, FCR, channel switching) plus the per
  service/channel/unit breakdowns (median, p90 …);
* pm4py (test-only dependency, AGPL; never imported by the package): ``format_dataframe``,
  ``get_variants``, ``discover_dfg``, ``discover_performance_dfg``, ``get_all_case_durations``,
  ``discover_handover_of_work_network`` (on units), ``get_rework_cases_per_activity``.

Prints both times, the ratio and the peak resident memory after each step.

    python benchmarks/bench_journeys.py [--events 5000000] [--seed 1] [--skip-pm4py]

Target on the 2-core reference machine: at least 5x faster than pm4py, under 4 GB peak memory.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("SVCWORK_KEY", "benchmark-key-not-secret")

from svcwork import journeys  # noqa: E402

ACTIVITIES = [
    "Register request", "Check completeness", "Request documents", "Receive documents", "Assign to unit",
    "Initial review", "Consult legal", "Consult finance", "Field inspection", "Inspection report",
    "Transfer to other unit", "Second review", "Request clarification", "Receive clarification", "Draft decision",
    "Approve decision", "Reject draft", "Notify citizen", "Payment requested", "Payment received",
    "Issue permit", "Appeal received", "Handle appeal", "Call citizen", "Close case", "Archive",
]
UNITS = ["Front office", "Permits", "Legal", "Finance", "Inspection", "Back office", "Call centre", "Archive"]
CHANNELS = ["counter", "phone", "web", "app", "email"]


def _chain(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """A sparse transition matrix over the activities plus an END state, and each activity's unit."""
    a = len(ACTIVITIES)
    idx = {n: i for i, n in enumerate(ACTIVITIES)}
    end = a
    P = np.zeros((a, a + 1))

    def go(src: str, *pairs: tuple[str, float]) -> None:
        for dst, p in pairs:
            P[idx[src], end if dst == "END" else idx[dst]] += p

    go("Register request", ("Check completeness", 0.85), ("Call citizen", 0.1), ("Assign to unit", 0.05))
    go("Check completeness", ("Assign to unit", 0.6), ("Request documents", 0.4))
    go("Request documents", ("Receive documents", 0.9), ("Call citizen", 0.1))
    go("Receive documents", ("Check completeness", 0.85), ("Assign to unit", 0.15))
    go("Assign to unit", ("Initial review", 1.0))
    go("Initial review", ("Consult legal", 0.2), ("Consult finance", 0.15), ("Field inspection", 0.2),
       ("Transfer to other unit", 0.15), ("Draft decision", 0.2), ("Request clarification", 0.1))
    go("Consult legal", ("Second review", 0.7), ("Initial review", 0.3))
    go("Consult finance", ("Second review", 0.6), ("Consult legal", 0.2), ("Initial review", 0.2))
    go("Field inspection", ("Inspection report", 1.0))
    go("Inspection report", ("Second review", 0.7), ("Field inspection", 0.3))
    go("Transfer to other unit", ("Initial review", 0.8), ("Transfer to other unit", 0.2))
    go("Second review", ("Draft decision", 0.6), ("Request clarification", 0.2), ("Consult legal", 0.2))
    go("Request clarification", ("Receive clarification", 0.85), ("Call citizen", 0.15))
    go("Receive clarification", ("Second review", 0.6), ("Initial review", 0.4))
    go("Draft decision", ("Approve decision", 0.75), ("Reject draft", 0.25))
    go("Reject draft", ("Second review", 0.6), ("Draft decision", 0.4))
    go("Approve decision", ("Notify citizen", 1.0))
    go("Notify citizen", ("Payment requested", 0.5), ("Issue permit", 0.3), ("Appeal received", 0.1), ("Close case", 0.1))
    go("Payment requested", ("Payment received", 0.9), ("Call citizen", 0.1))
    go("Payment received", ("Issue permit", 1.0))
    go("Issue permit", ("Close case", 0.9), ("Appeal received", 0.1))
    go("Appeal received", ("Handle appeal", 1.0))
    go("Handle appeal", ("Second review", 0.5), ("Close case", 0.5))
    go("Call citizen", ("Check completeness", 0.4), ("Initial review", 0.3), ("Receive documents", 0.3))
    go("Close case", ("Archive", 0.7), ("END", 0.3))
    go("Archive", ("END", 1.0))
    noise = 0.01  # random jumps make a long tail of variants
    P = (1 - noise) * P + noise * np.r_[np.full(a, 1.0 / a), 0.0][None, :]
    P[idx["Archive"]] = 0
    P[idx["Archive"], end] = 1.0
    unit = np.array([0, 0, 0, 0, 1, 1, 2, 3, 4, 4, 5, 1, 1, 1, 1, 5, 1, 0, 3, 3, 1, 2, 2, 6, 5, 7])
    return np.cumsum(P / P.sum(axis=1, keepdims=True), axis=1), unit


def generate(events: int, seed: int = 1) -> pd.DataFrame:
    """A synthetic case log with about *events* events (canonical svcwork column names)."""
    rng = np.random.default_rng(seed)
    cum, unit_of = _chain(rng)
    a = len(ACTIVITIES)
    n_cases = max(int(events / 20.6), 10)
    max_len = 160
    state = np.zeros(n_cases, dtype=np.int16)
    steps = [state.copy()]
    alive = np.ones(n_cases, dtype=bool)
    for _ in range(max_len - 1):
        idx = np.flatnonzero(alive)
        if not len(idx):
            break
        u = rng.random(len(idx))
        nxt = (u[:, None] > cum[state[idx]]).sum(axis=1)
        nxt = np.minimum(nxt, a)
        state = state.copy()
        state[idx] = np.where(nxt == a, -1, nxt)
        alive[idx] = nxt != a
        state[~alive] = -1
        steps.append(state.copy())
    seq = np.stack(steps, axis=1)
    case_of, pos = np.nonzero(seq >= 0)
    act = seq[case_of, pos]
    n = len(act)
    # timestamps: case opened in 2025, exponential waits (activity-dependent means, minutes to days)
    mean_wait_h = rng.uniform(0.2, 60.0, size=a)
    wait = rng.exponential(mean_wait_h[act]) * 3600e9
    wait[pos == 0] = 0
    tie = rng.random(n) < 0.003  # some events recorded at the same instant
    wait[tie] = 0
    first = np.flatnonzero(pos == 0)
    csum = np.cumsum(wait)
    within = csum - np.repeat(csum[first], np.diff(np.r_[first, n]))
    open_ns = pd.Timestamp("2025-01-01").value + rng.integers(0, 365 * 86_400, n_cases) * 10**9
    ts = open_ns[case_of] + within.astype(np.int64)
    # units with noise, some missing; resources inside units
    unit = unit_of[act].copy()
    jump = rng.random(n) < 0.03
    unit[jump] = rng.integers(0, len(UNITS), jump.sum())
    res = unit * 40 + rng.integers(0, 40, n)
    missing_unit = rng.random(n) < 0.01
    # per case: channel, service, citizen (repeat contacts), deadline for some
    channel = rng.choice(len(CHANNELS), n_cases, p=[0.3, 0.25, 0.3, 0.1, 0.05])
    service = rng.integers(1, 13, n_cases)
    citizen = (rng.pareto(1.2, n_cases) * 30_000).astype(np.int64) % int(n_cases * 0.7)
    has_deadline = rng.random(n_cases) < 0.3
    deadline = open_ns + rng.integers(5, 40, n_cases) * 86_400 * 10**9
    acts = np.array(ACTIVITIES, dtype=object)
    units = np.array(UNITS, dtype=object)
    case_ids = pd.Series(np.arange(n_cases)).map("C{:07d}".format).to_numpy(dtype=object)
    frame = pd.DataFrame({
        "case_id": pd.array(case_ids[case_of], dtype="str"),
        "activity": pd.array(acts[act], dtype="str"),
        "timestamp": pd.to_datetime(ts, unit="ns", utc=True),
        "channel": pd.array(np.array(CHANNELS, dtype=object)[channel][case_of], dtype="str"),
        "unit": pd.array(np.where(missing_unit, None, units[unit]), dtype="str"),
        "resource": pd.array(pd.Series(res).map("res-{:05d}".format).to_numpy(dtype=object), dtype="str"),
        "citizen_id": pd.array(pd.Series(citizen).map("cit-{:08d}".format).to_numpy(dtype=object)[case_of], dtype="str"),
        "deadline": pd.to_datetime(np.where(has_deadline, deadline, np.iinfo(np.int64).min)[case_of], unit="ns", utc=True),
        "service_id": pd.array(pd.Series(service).map("S{:02d}".format).to_numpy(dtype=object)[case_of], dtype="str"),
    })
    order = np.argsort(ts, kind="stable")  # the export lists events in time order, cases interleaved
    return frame.take(order).reset_index(drop=True)


def peak_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 if sys.platform != "darwin" else rss / 1024 / 1024


def run_svcwork(log: pd.DataFrame) -> tuple[float, journeys.CaseLogAnalysis]:
    start = time.perf_counter()
    result = journeys.analyse_log(log, sla_days=14, repeat_contact_days=7)
    for dim in ("service_id", "channel", "unit", "month"):
        journeys.breakdown(result.cases, dim)
    return time.perf_counter() - start, result


def run_pm4py(log: pd.DataFrame) -> tuple[float, dict[str, float], dict]:
    import pm4py  # test/benchmark-only dependency (AGPL)

    times: dict[str, float] = {}
    out: dict = {}
    df = log.rename(columns={"case_id": "case:concept:name", "activity": "concept:name", "timestamp": "time:timestamp",
                             "unit": "org:group", "resource": "org:resource"})
    total = time.perf_counter()

    def step(name, fn):
        t0 = time.perf_counter()
        out[name] = fn()
        times[name] = time.perf_counter() - t0

    step("format_dataframe", lambda: pm4py.format_dataframe(df, case_id="case:concept:name", activity_key="concept:name",
                                                            timestamp_key="time:timestamp"))
    f = out["format_dataframe"]
    step("get_variants", lambda: pm4py.get_variants(f))
    step("discover_dfg", lambda: pm4py.discover_dfg(f))
    step("discover_performance_dfg", lambda: pm4py.discover_performance_dfg(f))
    step("get_all_case_durations", lambda: pm4py.get_all_case_durations(f))
    step("discover_handover_of_work_network", lambda: pm4py.discover_handover_of_work_network(
        f.dropna(subset=["org:group"]), resource_key="org:group"))
    step("get_rework_cases_per_activity", lambda: pm4py.get_rework_cases_per_activity(f))
    return time.perf_counter() - total, times, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=5_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--skip-pm4py", action="store_true")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    log = generate(args.events, args.seed)
    print(f"generated {len(log):,} events / {log['case_id'].nunique():,} cases in {time.perf_counter() - t0:.1f} s "
          f"(peak RSS so far {peak_mb():,.0f} MB)")
    gc.collect()
    sv, result = run_svcwork(log)
    s = result
    print(f"svcwork  analyse_log + breakdowns: {sv:8.2f} s   (peak RSS {peak_mb():,.0f} MB)")
    del result
    gc.collect()
    tracemalloc.start()
    run_svcwork(log)
    _, traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  svcwork's own allocations at peak (tracemalloc, second run): {traced / 2**20:,.0f} MB")
    print(f"  variants {len(s.variants.table):,}, top variant {s.variants.table['share'].iloc[0]:.1%}, "
          f"DFG edges {len(s.dfg.edges):,}, median case {s.quantile('days', 0.5):.1f} d, p90 {s.quantile('days', 0.9):.1f} d, "
          f"SLA breach {s.rate('sla_breach'):.1%}, hand-offs/case {s.handoffs.per_case_mean:.2f}, "
          f"ping-pong cases {s.handoffs.cases_with_pingpong:,}, repeat {s.repeats.rate:.1%}, FCR {s.fcr:.1%}, "
          f"ties {s.quality.tie_events:,}")
    if args.skip_pm4py:
        return 0
    gc.collect()
    pm, times, out = run_pm4py(log)
    print(f"pm4py    equivalent calls:         {pm:8.2f} s   (peak RSS {peak_mb():,.0f} MB)")
    for name, secs in times.items():
        print(f"  {name:36s} {secs:8.2f} s")
    # the same numbers, as a sanity check of the comparison
    same_variants = s.variants.as_dict() == {k: int(c) for k, c in out["get_variants"].items()}
    same_dfg = s.dfg.as_dict() == dict(out["discover_dfg"][0])
    durations = np.sort(np.asarray(out["get_all_case_durations"], dtype=float))
    same_durations = np.allclose(np.sort(s.cases["days"].to_numpy() * 86400), durations, atol=1e-3)
    print(f"same variants: {same_variants}, same DFG: {same_dfg}, same case durations: {same_durations}")
    print(f"ratio pm4py / svcwork: {pm / sv:.1f}x   (target >= 5x; peak RSS {peak_mb():,.0f} MB, target < 4096 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
