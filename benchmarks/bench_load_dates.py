"""Benchmark: load a year's case log exported in day-first local time against the same log in ISO form.

A municipality's case-management system exports about 2,000,000 events a year (≈400,000 cases
of a handful of events each), and real exports write their timestamps the way the clerks see
them: naive local wall-clock time, day first (``26/10/2025 01:19:55``), with no offset, so the
loader has to prove the day/month order from the data, parse a non-ISO format and place every
wall time in the engagement's time zone, deciding the repeated autumn hour by the order of the
events within each case.  This benchmark measures what that costs against the same log exported
in ISO form with offsets (``2025-10-26T01:19:55+03:00``, the "plain" form, where every instant
is explicit).

The log is generated deterministically (numpy seed): ``--events`` events (default 2,000,000),
5 per case, columns as in the demo clients' ``cases.csv`` (case_id, activity, timestamp,
channel, unit, resource, citizen_id, service_id; Hebrew activities, units and channels), cases
opened over 2025 in Asia/Jerusalem, so both clock changes are inside: the spring-forward night
(no wall time falls in the skipped hour, since none exists) and the autumn night, where about
0.5% of the cases run through the repeated hour 01:00–02:00 with events minutes apart, so
both occurrences of that hour appear.  Each of these cases has at most one event in the second
occurrence, and it follows the case's previous event by less than an hour, so the case order
decides it.  (Other cases never have an event in the second occurrence: there a naive time cannot
be told from the first occurrence, and the loader takes the first.  ``svcwork.exports.dates.localize``
compares an event with its predecessor's *first* reading, so a second event of the same case in
the second occurrence is not decided by the first one; such cases are left out.)  The two CSV
files differ only in the timestamp column; writing them is not timed.

Each load runs in a fresh subprocess (imports not timed), so the peak resident memory (the
child's ``VmHWM``; ``ru_maxrss`` would carry the parent's peak over) is that load's alone; time
is the best of ``--runs`` runs, interleaved (wall clock; CPU time is shown too, as the steadier
figure on a busy machine), peak memory the highest.  The ISO file of a 2M-event log is just over svcwork's
default 200 MB file limit, so the children run with ``SVCWORK_MAX_MB=1000`` (said in the output).
Measured:

* ``pandas floor``: ``pandas.read_csv(dtype=str)`` + ``pd.to_datetime(format="ISO8601", utc=True)``
  of the ISO file — no checks, no pseudonyms, the least any loader could do;
* ``svcwork ISO``: ``svcwork.intake.load_companion("cases", …, timezone="Asia/Jerusalem",
  date_order=None, lang="he", key=b"bench")`` of the ISO file;
* ``svcwork day-first``: the same call on the day-first local-time file.

All three must give the same instants (asserted).  Targets (issue "Real client exports"): the
day-first load within 1.5× the ISO load, and under 3 GB peak memory.  The PASS/FAIL lines are a
report: the exit code is 0 either way.  ``--profile`` adds a cProfile of the day-first load
(svcwork's own functions, by cumulative time).

    python benchmarks/bench_load_dates.py [--events 2000000] [--runs 2] [--seed 1] [--profile]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TZ = "Asia/Jerusalem"
YEAR = 2025
ACTIVITIES = (("פנייה התקבלה",), ("רישום ושיוך", "בדיקת זכאות"), ("בדיקת מסמכים", "בקשת השלמת מסמכים", "ביקור בשטח"),
              ("מענה לפונה", "החלטה"), ("סגירת פנייה",))
CHANNELS = ("עמדה", "טלפון", "אתר", "אפליקציה", "דואל")
UNITS = ("ארנונה", "רישוי עסקים", "הנדסה", "רווחה", "חינוך", "מוקד עירוני", "שפ\"ע", "גבייה")
TARGET_RATIO = 1.5
TARGET_MB = 3 * 1024
#: svcwork refuses companion files above SVCWORK_MAX_MB (default 200 MB); the children get this much
DEFAULT_MAX_MB, MAX_MB = 200, 1000


def _peak_mb() -> float:
    """This process's peak resident memory.

    Linux: ``VmHWM`` (the peak of this process image; ``ru_maxrss`` is carried over from the
    parent through fork and exec, so a child would report the parent's peak if that is larger).
    """
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 if sys.platform != "darwin" else rss / 2**20


# =========================================================================== the log
def _autumn_transition(tz: str, year: int) -> tuple[pd.Timestamp, pd.Timedelta]:
    """The instant (UTC) clocks go back in *year*, and by how much (the repeated hour follows it)."""
    hours = pd.date_range(f"{year}-01-01", f"{year + 1}-01-01", freq="h", tz="UTC")
    offset = hours.tz_convert(tz).tz_localize(None) - hours.tz_localize(None)
    drop = np.flatnonzero(np.diff(offset.asi8) < 0)
    if not len(drop):
        raise SystemExit(f"{tz} has no clock change in {year}")
    i = int(drop[0]) + 1
    return hours[i], pd.Timedelta(offset[i - 1] - offset[i])


def generate(events: int, seed: int = 1) -> tuple[pd.DataFrame, np.ndarray, dict]:
    """The case log (timestamp column still missing), its instants (int64 ns UTC), and counts."""
    rng = np.random.default_rng(seed)
    n_cases = max(events // 5, 20)
    per = 5
    back, repeat = _autumn_transition(TZ, YEAR)  # the repeated hour, second occurrence: [back, back + repeat)
    s = 10**9
    # ordinary cases: opened any time in the year, then waits of minutes to days
    start = pd.Timestamp(f"{YEAR}-01-01", tz=TZ).value + rng.integers(0, 350 * 86_400, n_cases) * s
    waits = np.rint(rng.exponential(20 * 3600, (n_cases, per - 1))).astype(np.int64) + 1
    # the autumn night: ~0.5% of the cases run through the repeated hour, events 3-15 minutes apart,
    # opened before its second occurrence (so every event in it follows one less than an hour earlier)
    n_night = max(5, n_cases // 200)
    night = rng.choice(n_cases, n_night, replace=False)
    is_night = np.zeros(n_cases, dtype=bool)
    is_night[night] = True
    start[night] = back.value - 4200 * s + rng.integers(0, 4200 - 300, n_night) * s
    waits[night] = rng.integers(180, 900, (n_night, per - 1))
    offsets = np.concatenate([np.zeros((n_cases, 1), dtype=np.int64), np.cumsum(waits, axis=1)], axis=1) * s
    ts = start[:, None] + offsets
    # a night case has at most one event in the second occurrence (see the module docstring), ordinary cases none
    # (undecidable there): the events from the first one too many move on by the repeated hour, past it
    lo, hi = back.value, (back + repeat).value
    inside = np.cumsum((ts >= lo) & (ts < hi), axis=1)
    ts = ts + np.where(inside > is_night[:, None], repeat.value, 0)
    case_of = np.repeat(np.arange(n_cases), per)
    pos = np.tile(np.arange(per), n_cases)
    ts = ts.ravel()
    # attributes
    acts = np.empty(len(ts), dtype=object)
    for p, choices in enumerate(ACTIVITIES):
        at = pos == p
        acts[at] = np.array(choices, dtype=object)[rng.integers(0, len(choices), int(at.sum()))]
    channel = rng.choice(len(CHANNELS), n_cases, p=[0.3, 0.25, 0.3, 0.1, 0.05])
    service = rng.integers(1, 25, n_cases)
    home = rng.integers(0, len(UNITS), n_cases)
    unit = np.where(rng.random(len(ts)) < 0.1, rng.integers(0, len(UNITS), len(ts)), home[case_of])
    resource_ = unit * 60 + rng.integers(0, 60, len(ts))
    citizen = rng.integers(0, 10**9, int(n_cases * 0.75))[rng.integers(0, int(n_cases * 0.75), n_cases)]
    fmt = np.vectorize("{:09d}".format, otypes=[object])
    frame = pd.DataFrame({
        "case_id": np.vectorize("C{:07d}".format, otypes=[object])(np.arange(n_cases) + 1)[case_of],
        "activity": acts,
        "channel": np.array(CHANNELS, dtype=object)[channel][case_of],
        "unit": np.array(UNITS, dtype=object)[unit],
        "resource": np.vectorize("E{:04d}".format, otypes=[object])(np.arange(len(UNITS) * 60))[resource_],
        "citizen_id": fmt(citizen)[case_of],
        "service_id": np.vectorize("S{:02d}".format, otypes=[object])(np.arange(25))[service][case_of],
    })
    order = np.argsort(ts, kind="stable")  # exported in time order, cases interleaved
    frame, ts = frame.take(order).reset_index(drop=True), ts[order]
    first_occ = (ts >= lo - repeat.value) & (ts < lo)
    second_occ = (ts >= lo) & (ts < hi)
    counts = dict(cases=n_cases, night_cases=n_night, first=int(first_occ.sum()), second=int(second_occ.sum()),
                  transition=back, repeat=repeat)
    return frame, ts, counts


def timestamp_texts(ts: np.ndarray, tz: str) -> tuple[np.ndarray, np.ndarray]:
    """The instants as ISO with offset (``2025-10-26T01:19:55+03:00``) and day-first local (``26/10/2025 01:19:55``)."""
    utc = pd.DatetimeIndex(ts, tz="UTC")
    local = utc.tz_convert(tz).tz_localize(None)
    wall = np.datetime_as_string(local.to_numpy().astype("datetime64[s]"), unit="s").astype("S19")
    b = wall.view(np.uint8).reshape(-1, 19)
    minutes = (local.asi8 - ts) // (60 * 10**9)
    sign = np.where(minutes < 0, ord("-"), ord("+")).astype(np.uint8)
    m = np.abs(minutes)
    digits = lambda x: (x + ord("0")).astype(np.uint8)  # noqa: E731
    off = np.stack([sign, digits(m // 600), digits(m // 60 % 10), np.full(len(m), ord(":"), np.uint8),
                    digits(m % 60 // 10), digits(m % 10)], axis=1)
    iso = np.ascontiguousarray(np.concatenate([b, off], axis=1)).view("S25").ravel()
    slash, space = np.full((len(b), 1), ord("/"), np.uint8), np.full((len(b), 1), ord(" "), np.uint8)
    dmy = np.ascontiguousarray(np.concatenate([b[:, 8:10], slash, b[:, 5:7], slash, b[:, 0:4], space, b[:, 11:19]],
                                              axis=1)).view("S19").ravel()
    return iso.astype("U25").astype(object), dmy.astype("U19").astype(object)


def write(frame: pd.DataFrame, stamps: np.ndarray, path: Path) -> None:
    cols = list(frame.columns)
    out = frame.assign(timestamp=stamps)[cols[:2] + ["timestamp"] + cols[2:]]
    path.parent.mkdir(parents=True, exist_ok=True)
    out.to_csv(path, index=False, lineterminator="\n")


# =========================================================================== one load, in a child process
def child(mode: str, path: str, out: str, profile: str | None) -> None:
    """Load *path* once (mode ``floor`` or ``svcwork``); save its instants; print seconds and peak RSS as JSON."""
    from svcwork.errors import IntakeError
    from svcwork.intake import load_companion

    before = _peak_mb()

    def load() -> pd.Series:
        if mode == "floor":
            df = pd.read_csv(path, dtype=str)
            return pd.to_datetime(df["timestamp"], format="ISO8601", utc=True)
        try:
            frame = load_companion("cases", path, timezone=TZ, date_order=None, lang="he", key=b"bench")
        except IntakeError as exc:
            sys.stderr.write("\n".join(f"{p.code}: {p.message}" for p in exc.problems) + "\n")
            raise
        return frame["timestamp"]

    cpu = time.process_time()
    if profile:
        import cProfile

        prof = cProfile.Profile()
        started = time.perf_counter()
        values = prof.runcall(load)
        seconds = time.perf_counter() - started
        prof.dump_stats(profile)
    else:
        started = time.perf_counter()
        values = load()
        seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu
    peak = _peak_mb()
    if out:
        np.save(out, values.astype("datetime64[ns, UTC]").to_numpy().astype("datetime64[ns]").view(np.int64))
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak, "base_mb": before, "rows": len(values),
                      "nat": int(values.isna().sum())}))


def run_child(mode: str, path: Path, out: Path | None = None, profile: Path | None = None) -> dict:
    """One load in a fresh process: {seconds, cpu, peak_mb, base_mb, rows, nat}."""
    cmd = [sys.executable, __file__, "--child", mode, str(path), str(out or ""), str(profile or "")]
    env = {**os.environ, "SVCWORK_MAX_MB": os.environ.get("SVCWORK_MAX_MB", str(MAX_MB))}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"{mode} load of {path} failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(loads: dict[str, tuple[str, Path, Path]], runs: int) -> dict[str, dict]:
    """Every load *runs* times, interleaved (so a busy machine slows each form alike); best time, highest peak."""
    got: dict[str, list[dict]] = {k: [] for k in loads}
    for i in range(runs):
        for key, (mode, path, out) in loads.items():
            got[key].append(run_child(mode, path, out if i == 0 else None))
    return {k: {"seconds": min(r["seconds"] for r in rs), "all": [r["seconds"] for r in rs],
                "cpu": min(r["cpu"] for r in rs), "peak_mb": max(r["peak_mb"] for r in rs),
                "base_mb": max(r["base_mb"] for r in rs), "rows": rs[0]["rows"], "nat": rs[0]["nat"]}
            for k, rs in got.items()}


def show_profile(stats_path: Path, top: int = 25) -> None:
    import pstats

    st = pstats.Stats(str(stats_path))
    rows = []
    for (file, line, name), (cc, nc, tt, ct, _) in st.stats.items():  # type: ignore[attr-defined]
        rows.append((ct, tt, nc, f"{Path(file).name}:{line} {name}", file))
    total = max(r[0] for r in rows)
    print(f"\ncProfile of the day-first load ({total:.2f} s under the profiler), svcwork functions by cumulative time:")
    print(f"  {'cumulative':>10} {'own':>7} {'calls':>7}  function")
    for ct, tt, nc, label, file in sorted(rows, reverse=True):
        if "svcwork" in file and ct >= 0.02 * total:
            print(f"  {ct:9.2f}s {tt:6.2f}s {nc:7d}  {label}")
    print("  library calls with the most own time:")
    for ct, tt, nc, label, file in sorted(rows, key=lambda r: -r[1])[:top // 2]:
        print(f"  {ct:9.2f}s {tt:6.2f}s {nc:7d}  {label}")


# =========================================================================== main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=2_000_000)
    ap.add_argument("--runs", type=int, default=2, help="fresh processes per load; the best time counts")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--profile", action="store_true", help="also cProfile the day-first load")
    ap.add_argument("--child", nargs=4, metavar=("MODE", "PATH", "OUT", "PROFILE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        mode, path, out, profile = args.child
        child(mode, path, out, profile or None)
        return 0

    t0 = time.perf_counter()
    frame, ts, counts = generate(args.events, args.seed)
    iso, dmy = timestamp_texts(ts, TZ)
    with tempfile.TemporaryDirectory() as tmp:
        iso_path, dmy_path = Path(tmp) / "iso" / "cases.csv", Path(tmp) / "dayfirst" / "cases.csv"
        write(frame, iso, iso_path)
        write(frame, dmy, dmy_path)
        example_iso, example_dmy = iso[len(iso) // 2], dmy[len(dmy) // 2]
        del frame, iso, dmy  # the children's memory is measured; keep the parent small while they run
        back = counts["transition"]
        local_back = back.tz_convert(TZ)
        print(f"case log: {len(ts):,} events / {counts['cases']:,} cases, {TZ}, "
              f"{pd.Timestamp(ts.min(), tz='UTC').tz_convert(TZ):%d/%m/%Y} – "
              f"{pd.Timestamp(ts.max(), tz='UTC').tz_convert(TZ):%d/%m/%Y}; "
              f"written in {time.perf_counter() - t0:.1f} s (not timed)")
        print(f"  ISO       {iso_path.stat().st_size / 1e6:6.1f} MB  e.g. {example_iso}")
        print(f"  day-first {dmy_path.stat().st_size / 1e6:6.1f} MB  e.g. {example_dmy}")
        print(f"  clocks go back {local_back:%d/%m/%Y %H:%M} ({back:%H:%M} UTC): {counts['night_cases']:,} cases "
              f"through the repeated hour, {counts['first']:,} events in its first occurrence, "
              f"{counts['second']:,} in its second")
        over = [p.parent.name for p in (iso_path, dmy_path) if p.stat().st_size > DEFAULT_MAX_MB * 1e6]
        if over and "SVCWORK_MAX_MB" not in os.environ:
            print(f"  NOTE: {' and '.join(over)} file over svcwork's default {DEFAULT_MAX_MB} MB limit "
                  f"(refused as too_large); the loads run with SVCWORK_MAX_MB={MAX_MB}")
        expected = ts
        outs = {k: Path(tmp) / f"{k}.npy" for k in ("floor", "iso", "dmy")}
        t1 = time.perf_counter()
        res = measure({"floor": ("floor", iso_path, outs["floor"]), "iso": ("svcwork", iso_path, outs["iso"]),
                       "dmy": ("svcwork", dmy_path, outs["dmy"])}, args.runs)
        measured = time.perf_counter() - t1
        got = {k: np.load(p) for k, p in outs.items()}
        for k, v in got.items():
            assert len(v) == len(expected), (k, len(v), len(expected))
        # svcwork keeps the file's row order; the instants are the generated ones, in every form
        assert np.array_equal(got["floor"], expected), "pandas floor: instants differ from the generated ones"
        assert np.array_equal(got["iso"], expected), "svcwork ISO: instants differ from the generated ones"
        diff = np.flatnonzero(got["dmy"] != got["iso"])
        assert not len(diff), (f"day-first and ISO loads differ in {len(diff):,} rows, e.g. data row {diff[0]}: "
                               f"{pd.Timestamp(got['dmy'][diff[0]], tz='UTC')} instead of "
                               f"{pd.Timestamp(expected[diff[0]], tz='UTC')}")

        iso_s = res["iso"]["seconds"]
        iso_cpu = res["iso"]["cpu"]
        print(f"\n{len(ts):,} events, best of {args.runs} fresh processes each, interleaved (imports not timed; "
              f"peak RSS includes the ~{res['iso']['base_mb']:,.0f} MB after imports); load average "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
        print(f"  {'form':34s} {'load s':>7} {'CPU s':>7} {'peak RSS MB':>12} {'ratio to ISO':>13}   runs (s)")
        for key, label in (("floor", "pandas read_csv + to_datetime ISO"), ("iso", "svcwork ISO (+offsets)"),
                           ("dmy", "svcwork day-first local")):
            r = res[key]
            print(f"  {label:34s} {r['seconds']:7.2f} {r['cpu']:7.2f} {r['peak_mb']:12,.0f} "
                  f"{r['seconds'] / iso_s:12.2f}x   " + " ".join(f"{x:.2f}" for x in r["all"]))
        print(f"  timestamp columns identical (day-first = ISO = pandas = generated): yes, {len(ts):,} rows, "
              f"0 NaT" if not res["dmy"]["nat"] else f"  NaT in day-first load: {res['dmy']['nat']}")
        ratio = res["dmy"]["seconds"] / iso_s
        peak = max(res["dmy"]["peak_mb"], res["iso"]["peak_mb"])
        print(f"{'PASS' if ratio <= TARGET_RATIO else 'FAIL'}: day-first load {ratio:.2f}x the ISO load "
              f"(target <= {TARGET_RATIO}x; CPU time {res['dmy']['cpu'] / iso_cpu:.2f}x)")
        print(f"{'PASS' if peak < TARGET_MB else 'FAIL'}: peak memory {peak:,.0f} MB (day-first "
              f"{res['dmy']['peak_mb']:,.0f}, ISO {res['iso']['peak_mb']:,.0f}; target < {TARGET_MB:,} MB)")
        print(f"(svcwork ISO load is {iso_s / res['floor']['seconds']:.1f}x the pandas floor; "
              f"measuring took {measured:.0f} s)")
        if args.profile:
            stats = Path(tmp) / "dmy.prof"
            run_child("svcwork", dmy_path, profile=stats)
            show_profile(stats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
