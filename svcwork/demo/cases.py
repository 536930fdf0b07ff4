"""The case log (``cases.csv``): one row per event, simulated from each service's process.

A case follows one of its service's variants (the ideal path, rework, ping-pong between units,
a fast track, a reopened case, a complaint …) through working hours; the log is written as text
with the clean export's mess (mixed time-zone offsets, blank resources, duplicated events, rows
out of order …; see :mod:`svcwork.demo`).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from .spec import _CHANNELS, _Service, _Spec, _Staff, _channel_options, _citizen_ids, _label, _workdays


_HOURS_PER_DAY = 9.0  # working hours 08:00–17:00
_DAY_START = np.timedelta64(8 * 3600, "s")


def _variants(svc: _Service, spec: _Spec) -> list[tuple[list[tuple[str, str, float]], float]]:
    """The paths a case of *svc* may take, with probabilities (ideal, rework, ping-pong, …)."""
    path = list(svc.path)
    v = spec.vocab
    out: list[tuple[list, float]] = [(path, 0.52)]
    rework = None
    if svc.check_at is not None and svc.rework > 0:
        c = svc.check_at
        u = path[c][1]
        rework = path[: c + 1] + [(v["request_docs"], u, 4.0), (v["docs_received"], u, 55.0),
                                  (path[c][0], u, path[c][2] * 0.6)] + path[c + 1:]
        out.append((rework, 0.13 * svc.rework))
    hand = next((i for i in range(2, len(path)) if path[i][1] != path[i - 1][1]), None)
    if hand is not None and svc.pingpong > 0:
        a, b = path[hand - 1][1], path[hand][1]
        pp = path[: hand + 1] + [(v["returned"], a, 14.0), (path[hand][0], b, path[hand][2] * 0.5)] + path[hand + 1:]
        out.append((pp, 0.07 * svc.pingpong))
        if rework is not None:
            h2 = hand + 3 if hand > svc.check_at else hand
            both = (rework[: h2 + 1] + [(v["returned"], a, 14.0), (rework[h2][0], b, rework[h2][2] * 0.5)]
                    + rework[h2 + 1:])
            out.append((both, 0.03 * svc.pingpong * svc.rework))
    if svc.optional:
        out.append(([s for i, s in enumerate(path) if i not in svc.optional], 0.08))
    last_unit = path[-1][1]
    out.append((path + [(v["reopened"], last_unit, 70.0), (path[-2][0], path[-2][1], 10.0),
                        (path[-1][0], last_unit, 1.0)], 0.04))
    out.append((path[: max(2, len(path) - 2)], 0.05))  # stuck or withdrawn: never closed
    out.append((path[:1], 0.03))  # a single event
    if spec.ombud_unit is not None:
        out.append((path[:-1] + [(v["complaint"], spec.ombud_unit, 30.0), (v["complaint_reply"], spec.ombud_unit, 40.0),
                                 path[-1]], 0.05))
    total = sum(p for _, p in out)
    return [(steps, p / total) for steps, p in out]


def _fmt_ts(local: np.ndarray, fmt: np.ndarray, tz: str) -> np.ndarray:
    """Timestamps as text: 0 naive local, 1 local with its UTC offset, 2 UTC with ``Z``."""
    n = len(local)
    idx = pd.DatetimeIndex(local).tz_localize(tz, ambiguous=np.zeros(n, dtype=bool), nonexistent="shift_forward")
    wall = idx.tz_localize(None).to_numpy().astype("datetime64[s]")
    utc = idx.tz_convert("UTC").tz_localize(None).to_numpy().astype("datetime64[s]")
    minutes = ((wall - utc) // np.timedelta64(60, "s")).astype(np.int64)
    wall_s = np.char.replace(np.datetime_as_string(wall, unit="s"), "T", " ")
    out = wall_s.astype(object)
    m1 = fmt == 1
    if m1.any():
        off = minutes[m1]
        sign = np.where(off < 0, "-", "+")
        off_s = np.array([f"{s}{abs(o) // 60:02d}:{abs(o) % 60:02d}" for s, o in zip(sign, off)], dtype=object)
        out[m1] = wall_s[m1].astype(object) + off_s
    m2 = fmt == 2
    if m2.any():
        out[m2] = np.char.add(np.datetime_as_string(utc[m2], unit="s"), "Z").astype(object)
    return out


def _cases(spec: _Spec, staff: _Staff, rng: np.random.Generator) -> pd.DataFrame:
    """The case log as text, one row per event, with the schema's column keys (the clean export's mess)."""
    s = spec.settings
    lang = spec.lang
    services = [x for x in spec.services if x.volume > 0 and x.path]
    unit_names = list(staff.units)
    unit_index = {u: i for i, u in enumerate(unit_names)}
    home_names = [h for h, _ in spec.home_units]
    home_codes = np.array([unit_index[h] for h in home_names], dtype=np.int64)

    # -- flatten every variant of every service into step arrays
    acts: list[str] = []
    act_index: dict[str, int] = {}
    step_act, step_unit, step_hours, var_off, var_len, var_probs = [], [], [], [], [], []
    for svc in services:
        probs = []
        for steps, p in _variants(svc, spec):
            var_off.append(len(step_act))
            var_len.append(len(steps))
            probs.append(p)
            for act, unit, hours in steps:
                step_act.append(act_index.setdefault(act, len(act_index)))
                if act not in acts:
                    acts.append(act)
                step_unit.append(-1 if unit == "@home" else unit_index[unit])
                step_hours.append(hours)
        var_probs.append(probs)
    step_act_a, step_unit_a, step_hours_a = np.array(step_act), np.array(step_unit), np.array(step_hours)
    first_var = np.cumsum([0] + [len(p) for p in var_probs])[:-1]
    var_off_a, var_len_a = np.array(var_off), np.array(var_len)

    # -- cases: service, start, citizen, channel, home unit; then repeat contacts
    n = spec.n_cases
    n_rep = int(round(n * 0.09))
    n_base = n - n_rep
    volume = np.array([x.volume for x in services], dtype=float)
    svc = rng.choice(len(services), size=n_base, p=volume / volume.sum())
    days = _workdays(s["period_start"], s["period_end"], spec.weekmask)
    month = days.astype("datetime64[M]").astype(np.int64) % 12
    growth = np.linspace(1.0, 1.2, len(days))
    day = np.zeros(n_base, dtype=np.int64)
    for k, x in enumerate(services):
        mask = svc == k
        w = growth * (np.asarray(x.season)[month] if x.season else 1.0)
        day[mask] = rng.choice(len(days), size=int(mask.sum()), p=w / w.sum())
    start = day * _HOURS_PER_DAY + rng.beta(1.6, 2.4, n_base) * _HOURS_PER_DAY
    pool = int(n_base * 0.8)
    ids = _citizen_ids(pool, spec.id_style, rng)
    citizen = rng.integers(0, pool, n_base)
    home = rng.choice(len(home_names), size=n_base, p=[w for _, w in spec.home_units]) if home_names else \
        np.zeros(n_base, dtype=np.int64)

    parent = rng.integers(0, n_base, n_rep)
    svc = np.concatenate([svc, svc[parent]])
    start = np.concatenate([start, start[parent] + rng.uniform(2.0, 45.0, n_rep)])
    citizen = np.concatenate([citizen, citizen[parent]])
    home = np.concatenate([home, home[parent]])

    ch_keys = list(_CHANNELS)
    channel = np.zeros(n, dtype=np.int64)
    for k, x in enumerate(services):
        keys, share = _channel_options(x)
        mask = svc == k
        channel[mask] = np.array([ch_keys.index(c) for c in keys])[rng.choice(len(keys), int(mask.sum()), p=share)]
    # a repeat contact often comes through another channel (channel switching)
    rep = np.arange(n_base, n)
    switch = rng.random(n_rep) < 0.5
    for k, x in enumerate(services):
        keys, share = _channel_options(x)
        if len(keys) < 2:
            continue
        sel = rep[switch & (svc[rep] == k)]
        codes = np.array([ch_keys.index(c) for c in keys])
        for i in sel:
            others = codes[codes != channel[parent[i - n_base]]]
            channel[i] = others[rng.integers(0, len(others))]

    variant = np.zeros(n, dtype=np.int64)
    for k in range(len(services)):
        mask = svc == k
        variant[mask] = first_var[k] + rng.choice(len(var_probs[k]), int(mask.sum()), p=var_probs[k])

    inside = start < len(days) * _HOURS_PER_DAY  # a repeat contact after the export date is not in the log
    order = np.flatnonzero(inside)[np.argsort(start[inside], kind="stable")]
    svc, start, citizen, home, channel, variant = (a[order] for a in (svc, start, citizen, home, channel, variant))
    n = len(order)

    # -- events
    lengths = var_len_a[variant]
    case_of = np.repeat(np.arange(n), lengths)
    first = np.cumsum(lengths) - lengths
    pos = np.arange(len(case_of)) - first[case_of]
    step = var_off_a[variant][case_of] + pos
    unit = step_unit_a[step]
    unit = np.where(unit < 0, home_codes[home[case_of]] if home_names else 0, unit)
    intake = np.array([unit_index.get(spec.intake_units.get(c, ""), -1) for c in ch_keys])
    u0 = intake[channel[case_of]]
    own = np.array([x.own_desk for x in services])[svc[case_of]] & (channel[case_of] == ch_keys.index("counter"))
    unit = np.where((pos == 0) & (u0 >= 0) & ~own, u0, unit)
    slow = np.array([spec.slow_units.get(u, 1.0) for u in unit_names])
    era = np.interp(start[case_of] / (len(days) * _HOURS_PER_DAY), [0, 0.35, 0.65, 1], [1.15, 1.05, 0.95, 0.9])
    hours = step_hours_a[step] * slow[unit] * era * rng.lognormal(0.0, 0.85, len(step))
    hours[pos == 0] = 0.0
    hours[(pos > 0) & (rng.random(len(step)) < 0.004)] = 0.0  # exact ties
    cum = np.cumsum(hours)
    wh = start[case_of] + cum - cum[first][case_of]

    ext = _workdays(s["period_start"], s["period_end"] + dt.timedelta(days=800), spec.weekmask)
    dayi = np.floor(wh / _HOURS_PER_DAY).astype(np.int64)
    secs = np.round((wh - dayi * _HOURS_PER_DAY) * 3600).astype(np.int64)
    local = ext[np.minimum(dayi, len(ext) - 1)].astype("datetime64[s]") + _DAY_START + secs.astype("timedelta64[s]")
    digital = np.array([c in spec.digital_first for c in ch_keys])[channel[case_of]] & (pos == 0)
    local[digital] -= rng.integers(0, 14 * 3600, int(digital.sum())).astype("timedelta64[s]")

    cutoff = np.datetime64(s["period_end"], "D").astype("datetime64[s]") + np.timedelta64(86399, "s")
    keep = local <= cutoff
    case_of, pos, step, unit, local, digital = (a[keep] for a in (case_of, pos, step, unit, local, digital))

    # -- formats: web/app intake stamps UTC; some units' systems export offsets; the rest naive local time
    utc_ch = np.array([c in spec.utc_channels for c in ch_keys])[channel[case_of]]
    offset_u = np.array([u in spec.offset_units for u in unit_names])[unit]
    fmt = np.where(digital, np.where(utc_ch, 2, 1), np.where(offset_u, 1, 0))
    ts = _fmt_ts(local, fmt, spec.tz)

    # -- resources: a case keeps its handler within a unit; some reassignment; system and blank entries
    sizes = np.array([len(staff.pool(u)) for u in unit_names])
    starts = np.cumsum(sizes) - sizes
    flat_codes = np.array([c for u in unit_names for c in staff.pool(u)], dtype=object)
    h = (case_of.astype(np.uint64) * np.uint64(2654435761) + unit.astype(np.uint64) * np.uint64(40503)) % np.uint64(
        2 ** 32)
    ridx = (h % sizes[unit].astype(np.uint64)).astype(np.int64)
    moved = rng.random(len(ridx)) < 0.08
    ridx[moved] = (rng.random(int(moved.sum())) * sizes[unit[moved]]).astype(np.int64)
    resource = flat_codes[starts[unit] + ridx]
    resource[digital | (rng.random(len(resource)) < 0.03)] = ""

    # -- case attributes
    svc_e = svc[case_of]
    deadline_days = np.array([x.deadline_days or 0 for x in services])
    case_day = local[np.searchsorted(case_of, np.arange(n))].astype("datetime64[D]")
    deadline_case = np.where(deadline_days[svc] > 0,
                             np.datetime_as_string(case_day + deadline_days[svc].astype("timedelta64[D]")), "")
    last = np.r_[case_of[1:] != case_of[:-1], True]
    closing = step_act_a[step] == act_index[spec.close_label]
    outcome = np.full(len(case_of), "", dtype=object)
    out_case = np.empty(n, dtype=object)
    for k, x in enumerate(services):
        mask = svc == k
        labels = [o for o, _ in x.outcomes]
        p = np.array([q for _, q in x.outcomes])
        out_case[mask] = np.array(labels, dtype=object)[rng.choice(len(labels), int(mask.sum()), p=p / p.sum())]
    outcome[last & closing] = out_case[case_of[last & closing]]

    ch_labels = np.array([_label("channel", c, lang) for c in ch_keys], dtype=object)
    cols = {
        "case_id": np.array([f"{spec.case_prefix}{100001 + i}" for i in range(n)], dtype=object)[case_of],
        "activity": np.array(acts, dtype=object)[step_act_a[step]],
        "timestamp": ts,
        "channel": ch_labels[channel[case_of]],
        "unit": np.array(unit_names, dtype=object)[unit],
        "resource": resource,
        "citizen_id": ids[citizen[case_of]],
        "service_id": np.array([x.sid for x in services], dtype=object)[svc_e],
        "deadline": deadline_case[case_of].astype(object),
        "outcome": outcome,
    }
    frame = pd.DataFrame(cols)
    # -- mess: duplicated events, a few rows out of order
    dup = rng.random(len(frame)) < 0.003
    frame = frame.iloc[np.repeat(np.arange(len(frame)), 1 + dup.astype(np.int64))].reset_index(drop=True)
    same_case = np.flatnonzero(frame["case_id"].to_numpy()[1:] == frame["case_id"].to_numpy()[:-1])
    swap = np.sort(rng.choice(same_case, size=max(2, len(frame) // 1500), replace=False))
    swap = swap[np.r_[True, np.diff(swap) > 1]]
    order = np.arange(len(frame))
    order[swap], order[swap + 1] = swap + 1, swap
    frame = frame.iloc[order].reset_index(drop=True)
    return frame
