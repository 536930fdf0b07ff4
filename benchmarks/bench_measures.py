"""Benchmark: survey tables for 1,000,000 responses, by unit × channel × month, with intervals.

Generates responses (25 units, 8 channels, 12 months, the seven A-11 items, NPS and CES, 5%
missing answers), then times every table the measures module builds from them — each item's
top-2-box share with its Wilson interval and 0–100 mean with its t interval, and NPS with its
adjusted-Wald interval; by unit × channel × month, and overall, by unit, by channel and by month
— against a naive per-group loop (``groupby`` iteration, statsmodels' ``proportion_confint`` and
scipy's t interval for each group and item), in the same run.  The two must agree.

    python benchmarks/bench_measures.py [--responses 1000000] [--naive-sample 0]

``--naive-sample N`` times the naive loop on N groups only and extrapolates (0 = all groups).
``--analyse`` also times :func:`svcwork.measures.analyse` on the same responses (drivers with
200 bootstrap replicates included).  Target on the 2-core reference machine: tables under 10 s.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from svcwork import measures as M

UNITS = [f"Unit {i:02d}" for i in range(25)]
CHANNELS = ["counter", "phone", "web", "app", "email", "mail", "chat", "kiosk"]
BY = ("unit", "channel", "month")


def generate(n: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    latent = rng.normal(0, 1, n)
    frame = pd.DataFrame({
        "response_id": np.arange(n),
        "date": pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 365, n), unit="D"),
        "unit": pd.Categorical.from_codes(rng.integers(0, len(UNITS), n), UNITS).astype(str),
        "channel": pd.Categorical.from_codes(rng.integers(0, len(CHANNELS), n), CHANNELS).astype(str),
    })
    for k, item in enumerate(M.A11_ITEMS):
        x = np.clip(np.round(3.4 + 0.1 * k + latent + rng.normal(0, 0.9, n)), 1, 5)
        x[rng.random(n) < 0.05] = np.nan
        frame[item] = x
    frame["nps"] = np.clip(np.round(7 + 1.5 * latent + rng.normal(0, 1.5, n)), 0, 10)
    frame["ces"] = np.clip(np.round(4.5 + latent + rng.normal(0, 1.2, n)), 1, 7)
    return frame


def vectorised(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The path analyse() takes: clean the survey (text, channel names, months), then the tables."""
    frame, _ = M._prepare_survey(frame)
    out = {}
    for by in (BY, (), ("unit",), ("channel",), ("month",)):
        name = "×".join(by) or "all"
        out[f"items {name}"] = M.item_table(frame, by=by, min_group_size=10)
        out[f"nps {name}"] = M.nps_table(frame, by=by, min_group_size=10)
    return out


def naive(frame: pd.DataFrame, *, sample: int = 0) -> tuple[float, int, dict[tuple, dict]]:
    """The plain loop: one group at a time, one item at a time, library intervals."""
    frame = frame.assign(month=frame["date"].dt.to_period("M").dt.to_timestamp())
    items = [*M.A11_ITEMS, "ces"]
    start = time.perf_counter()
    results: dict[tuple, dict] = {}
    groups = 0
    for by in (BY, (), ("unit",), ("channel",), ("month",)):
        iterator = frame.groupby(list(by)) if by else [((), frame)]
        for key, g in iterator:
            groups += 1
            if sample and groups > sample:
                break
            for item in items:
                lo, hi, cut = M.ITEM_SCALES[item]
                v = g[item].dropna().to_numpy()
                n = len(v)
                agree = int((v >= cut).sum())
                low, high = proportion_confint(agree, n, alpha=0.05, method="wilson")
                s = (v - lo) * 100 / (hi - lo)
                mean = s.mean()
                half = stats.t.ppf(0.975, n - 1) * s.std(ddof=1) / np.sqrt(n)
                results[(by, key if isinstance(key, tuple) else (key,), item)] = dict(
                    n=n, pct=agree / n, low=low, high=high, mean=mean, mean_low=mean - half)
            v = g["nps"].dropna().to_numpy()
            results[(by, key if isinstance(key, tuple) else (key,), "nps")] = dict(
                n=len(v), nps=100 * ((v >= 9).mean() - (v <= 6).mean()))
        if sample and groups > sample:
            break
    return time.perf_counter() - start, groups, results


def check(tables: dict[str, pd.DataFrame], results: dict[tuple, dict]) -> float:
    """Largest absolute difference between the vectorised and the naive estimates."""
    worst = 0.0
    tab = tables["items " + "×".join(BY)].set_index([*BY, "item"])
    nps_tab = tables["nps " + "×".join(BY)].set_index(list(BY))
    for (by, key, item), r in results.items():
        if by != BY:
            continue
        if item == "nps":
            row = nps_tab.loc[key]
            worst = max(worst, abs(row["nps"] - r["nps"]))
            continue
        row = tab.loc[(*key, item)]
        assert int(row["n"]) == r["n"]
        for a, b in (("pct_agree", "pct"), ("low", "low"), ("high", "high"), ("mean_100", "mean"),
                     ("mean_low", "mean_low")):
            scale = 100 if a.startswith("mean") else 1
            worst = max(worst, abs(row[a] - r[b]) / scale)
    return worst


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--responses", type=int, default=1_000_000)
    ap.add_argument("--naive-sample", type=int, default=0, help="time the naive loop on this many groups (0 = all)")
    ap.add_argument("--analyse", action="store_true", help="also time measures.analyse on the same responses")
    args = ap.parse_args()

    t0 = time.perf_counter()
    frame = generate(args.responses)
    print(f"generated {len(frame):,} responses in {time.perf_counter() - t0:.1f} s")

    vectorised(frame.head(1000))  # warm-up (imports, caches)
    t0 = time.perf_counter()
    tables = vectorised(frame)
    fast = time.perf_counter() - t0
    rows = sum(len(v) for v in tables.values())
    cells = len(tables["items " + "×".join(BY)]) // 8
    print(f"vectorised: {fast:.2f} s for {len(tables)} tables, {rows:,} rows "
          f"({cells:,} unit × channel × month groups; 7 A-11 items + CES with Wilson and t intervals, NPS)")

    slow, groups, results = naive(frame, sample=args.naive_sample)
    total_groups = cells + 1 + len(UNITS) + len(CHANNELS) + 12
    if args.naive_sample and groups > args.naive_sample:
        slow_all = slow / args.naive_sample * total_groups
        print(f"naive loop: {slow:.2f} s for {args.naive_sample} groups → ≈{slow_all:.1f} s for all {total_groups:,}")
    else:
        slow_all = slow
        print(f"naive loop: {slow:.2f} s for all {groups:,} groups")
    print(f"speed-up: {slow_all / fast:.0f}× (target: vectorised under 10 s → {'met' if fast < 10 else 'MISSED'})")
    print(f"largest difference from the naive loop: {check(tables, results):.2e}")

    if args.analyse:
        import dataclasses
        import datetime as dt

        from svcwork.intake import Engagement, Settings
        from svcwork.schema import SHEETS

        empty = {s.key: pd.DataFrame({c.key: pd.Series(dtype="object") for c in s.columns}) for s in SHEETS
                 if not s.settings}
        eng = Engagement("bench", None, Settings("Bench", "en", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
                         empty, survey=frame)
        eng = dataclasses.replace(eng)
        t0 = time.perf_counter()
        res = M.analyse(eng, n_boot=200, seed=1)
        print(f"analyse (all survey tables, comparisons, drivers with 200 bootstrap replicates): "
              f"{time.perf_counter() - t0:.1f} s; csat = {res.summary()['survey']['csat']}")


if __name__ == "__main__":
    main()
