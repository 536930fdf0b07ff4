"""Benchmark: validate a large intake workbook.

Generates a workbook with 10,000 service rows and 50,000 rows in the other sheets, then times
``svcwork.validate`` (read + every check) against the plain alternative, ``pandas.read_excel`` of
every sheet with no checking at all, in the same run, and reports peak memory.

    python benchmarks/bench_intake.py [--services 10000] [--other 50000]

Target on the 2-core reference machine: validation under 3 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd

import svcwork


def build(path: Path, services: int, other: int, seed: int = 1) -> None:
    rng = np.random.default_rng(seed)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Engagement")
    for row in (["field", "value"], ["organization", "Benchmark Agency"], ["language", "en"],
                ["period_start", dt.date(2026, 1, 1)], ["period_end", dt.date(2026, 12, 31)]):
        ws.append(row)
    ws = wb.create_sheet("Services")
    ws.append(["service_id", "service_name", "unit", "effort", "benefit", "visibility", "annual_volume", "depends_on"])
    scores = rng.integers(1, 6, size=(services, 3))
    for i in range(services):
        dep = f"S{i - 1:05d}" if i and i % 7 == 0 else None
        ws.append([f"S{i:05d}", f"Service {i}", f"Unit {i % 40}", *map(int, scores[i]), int(rng.integers(0, 50000)), dep])
    per = other // 5
    ws = wb.create_sheet("Channels")
    ws.append(["service_id", "channel", "available", "share_pct", "end_to_end"])
    channels = ["counter", "phone", "web", "app", "email", "mail", "chat", "kiosk"]
    for i in range(per):
        ws.append([f"S{i // 8 % services:05d}", channels[i % 8], ["yes", "no", "partial"][i % 3], float(i % 100),
                   ["yes", "no"][i % 2]])
    ws = wb.create_sheet("KPIs")
    ws.append(["kpi_id", "kpi_name", "direction", "target", "kind"])
    for k in range(100):
        ws.append([f"K{k:03d}", f"KPI {k}", "higher", 0.8, "proportion"])
    ws = wb.create_sheet("KPI values")
    ws.append(["kpi_id", "period", "value", "n", "unit"])
    for i in range(per):
        ws.append([f"K{i % 100:03d}", dt.date(2020 + i // 1200, 1 + (i // 100) % 12, 1), float(rng.random()),
                   int(rng.integers(100, 2000)), f"U{(i // 100) // 12}"])
    ws = wb.create_sheet("Observations")
    ws.append(["date", "unit", "observer", "employee_code", "item", "score"])
    for i in range(per):
        ws.append([dt.date(2026, 1 + i % 12, 1 + i % 28), f"Unit {i % 40}", f"Obs {i % 5}", f"E{i % 900:04d}",
                   "listening", int(rng.integers(1, 6))])
    ws = wb.create_sheet("Actions")
    ws.append(["action_id", "action", "owner", "due_date", "status", "service_id"])
    for i in range(per):
        ws.append([f"A{i:06d}", f"Action {i}", f"Owner {i % 30}", dt.date(2026, 1 + i % 12, 15),
                   ["open", "in progress", "done", "cancelled"][i % 4], f"S{i % services:05d}"])
    ws = wb.create_sheet("Lessons")
    ws.append(["date", "unit", "event", "category", "action_id"])
    for i in range(other - 4 * per):
        ws.append([dt.date(2026, 1 + i % 12, 2), f"Unit {i % 40}", f"Event {i}", f"Cat {i % 9}", f"A{i % per:06d}"])
    wb.save(path)


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--services", type=int, default=10_000)
    ap.add_argument("--other", type=int, default=50_000)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench" / "intake.xlsx"
        path.parent.mkdir()
        build_s, _ = timed(lambda: build(path, args.services, args.other))
        print(f"workbook: {args.services:,} services + {args.other:,} other rows, "
              f"{path.stat().st_size / 1e6:.1f} MB (built in {build_s:.1f} s)")
        plain_s, _ = timed(lambda: pd.read_excel(path, sheet_name=None, engine="openpyxl"))
        fast_s, _ = timed(lambda: pd.read_excel(path, sheet_name=None, engine="calamine"))
        ours_s, result = timed(lambda: svcwork.validate(path.parent))
        assert result.ok, result.table().head(20).to_string()
        tracemalloc.start()
        svcwork.validate(path.parent)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rows = sum(len(f) for f in result.engagement.tables.values())
        print(f"pandas.read_excel (openpyxl), no checks : {plain_s:6.2f} s")
        print(f"pandas.read_excel (calamine), no checks : {fast_s:6.2f} s")
        print(f"svcwork.validate, every check           : {ours_s:6.2f} s   ({rows:,} rows, {result.n_warnings} warnings)")
        print(f"ratio read_excel(openpyxl) / validate   : {plain_s / ours_s:6.2f}x")
        print(f"ratio validate / read_excel(calamine)   : {ours_s / fast_s:6.2f}x (cost of checking)")
        print(f"peak traced Python memory (validate)    : {peak / 1e6:6.0f} MB; process max RSS "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")
        target = 3.0
        print(f"target < {target:.0f} s: {'met' if ours_s < target else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
