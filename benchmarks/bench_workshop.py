"""Workshop update latency per control: p50/p95 seconds on each demo client, and at 500 services.

One update is what a control's release costs before the views show it: the state step, the
changes applied, :func:`svcwork.prioritize.analyse` (SMAA 10,000 samples, exact weight ranges,
TOPSIS, the roadmap's MILP with the workshop's short time limit) and every view drawn.  Target:
p95 ≤ 1 s on 2 cores.  Run: ``.venv/bin/python benchmarks/bench_workshop.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path
from types import MappingProxyType

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from svcwork.intake import load  # noqa: E402
from svcwork.workshop import state as st  # noqa: E402
from svcwork.workshop import views  # noqa: E402
from svcwork.workshop.compute import evaluate  # noqa: E402


def _controls(base: st.Baseline, k: int):
    """The k-th move of each control, cycling through values."""
    sid = base.services[k % len(base.services)]
    crit = list(base.weights)[k % len(base.weights)]
    s0 = st.initial_state(base)
    return {
        "weight": st.with_weight(s0, crit, 0.15 + 0.6 * ((k * 37) % 10) / 10),
        "effort": st.with_service(s0, base, sid, "effort", 1 + k % 5),
        "resources": st.with_service(s0, base, sid, "resources", 5.0 + 7 * (k % 6)),
        "lock": st.with_wave(s0, base, sid, 1 + k % int(base.engagement.settings.waves)),
        "exclude": st.with_wave(s0, base, sid, st.EXCLUDE),
        "capacity": st.with_capacity(s0, 1, base.capacities[0] * (0.6 + 0.1 * (k % 6))),
        "quick_wins": st.with_quick_wins(s0, k % 3),
    }


def _one(base: st.Baseline, state: st.WorkshopState) -> tuple[float, bool]:
    started = time.perf_counter()
    wr = evaluate(base, state)
    for view in (views.ranking_html, views.matrix_svg, views.roadmap_html, views.acceptability_html):
        view(wr, base)
    for c in base.weights:
        views.range_band_html(wr, base, c)
    return time.perf_counter() - started, wr.pending


def _report(name: str, base: st.Baseline, repeat: int) -> None:
    times: dict[str, list[float]] = {}
    pending = 0
    for k in range(repeat):
        for control, state in _controls(base, k).items():
            seconds, p = _one(base, state)
            times.setdefault(control, []).append(seconds)
            pending += p
    print(f"{name} ({len(base.services)} services)")
    for control, xs in times.items():
        print(f"  {control:<11} p50 {np.percentile(xs, 50):6.3f} s   p95 {np.percentile(xs, 95):6.3f} s")
    print(f"  roadmap not proven optimal within the short limit in {pending} of {repeat * len(times)} updates")


def _grown(engagement, n: int, seed: int = 7):
    """*engagement* with *n* services: its own, then copies with jittered scores and person-days
    (dependencies kept within each copy), and the capacity scaled to the new total."""
    rng = np.random.default_rng(seed)
    services = engagement.table("Services")
    parts = []
    for copy in range(int(np.ceil(n / len(services)))):
        part = services.copy()
        if copy:
            suffix = f"-{copy}"
            part["service_id"] = part["service_id"] + suffix
            part["depends_on"] = [tuple(d + suffix for d in ds) if ds else () for ds in part["depends_on"]]
            for c in ("effort", "benefit", "visibility"):
                part[c] = np.clip(part[c].astype(int) + rng.integers(-1, 2, len(part)), 1, 5)
            part["resources_days"] = (part["resources_days"].astype(float) * rng.uniform(0.5, 1.5, len(part))).round()
            part["mandatory"] = "no"
            part["locked_wave"] = pd.NA
        parts.append(part)
    grown = pd.concat(parts, ignore_index=True).iloc[:n]
    scale = grown["resources_days"].astype(float).sum() / services["resources_days"].astype(float).sum()
    settings = engagement.settings
    caps = None if settings.wave_capacities is None else tuple(c * scale for c in settings.wave_capacities)
    days = None if settings.wave_capacity_days is None else settings.wave_capacity_days * scale
    return dataclasses.replace(engagement, tables=MappingProxyType({**engagement.tables, "Services": grown}),
                               settings=dataclasses.replace(settings, wave_capacities=caps, wave_capacity_days=days))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=6)
    parser.add_argument("--large", type=int, default=500)
    args = parser.parse_args()
    clients = sorted(p for p in (ROOT / "data" / "clients").iterdir() if (p / "intake.xlsx").is_file())
    for folder in clients:
        _report(folder.name, st.baseline(load(folder)), args.repeat)
    big = _grown(load(clients[0]), args.large)
    started = time.perf_counter()
    base = st.baseline(big)
    print(f"opening the workshop at {args.large} services: {time.perf_counter() - started:.2f} s")
    _report(f"{clients[0].name} grown", base, max(2, args.repeat // 3))


if __name__ == "__main__":
    main()
