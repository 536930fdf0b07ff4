"""The citizen survey (``survey.csv``): responses in every unit × channel cell with volume.

Items on 1–5 driven by one latent experience (unit, channel and wave effects), NPS and CES, and
comments, a few of which carry fake personal details for the redaction step.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from .spec import _CHANNELS, _Service, _Spec, _channel_options, _citizen_ids, _label


def _ordinal(z: np.ndarray, cuts: Sequence[float]) -> np.ndarray:
    return 1 + np.searchsorted(np.asarray(cuts), z)


def _fake_phone(spec: _Spec, rng: np.random.Generator) -> str:
    if spec.lang == "he":
        return f"050-000{rng.integers(0, 10000):04d}"
    return f"07700 900{rng.integers(0, 1000):03d}"


def _comment(spec: _Spec, mood: int, rng: np.random.Generator, kind: int | None = None) -> str:
    """A survey comment; about 6% carry a personal detail (*kind*: 0 phone, 1 e-mail, 2 id, 3 name)."""
    c = spec.comments
    pool = c["neg"] if mood < 0 else c["pos"] if mood > 0 else c["mid"]
    text = pool[rng.integers(0, len(pool))]
    if kind is None and rng.random() < 0.06:  # personal details the redaction step must remove
        kind = int(rng.integers(0, 4))
        if kind == 1 and mood >= 0:
            kind = 0
    if kind is not None:
        if kind == 0:
            text = f"{text}. " + c["phone"].format(phone=_fake_phone(spec, rng))
        elif kind == 1:
            handle = c["handles"][rng.integers(0, len(c["handles"]))]
            text = f"{text}. " + c["email"].format(email=f"{handle}{rng.integers(1, 100)}@{c['domain']}")
        elif kind == 2:
            ident = _citizen_ids(1, spec.id_style, rng)[0] if spec.id_style == "il" else \
                f"C0{rng.integers(0, 10_000_000):07d}"
            text = f"{text}. " + c["idn"].format(idn=ident)
        else:
            text = c["greet"].format(name=c["names"][rng.integers(0, len(c["names"]))], text=text)
    return text


_FRONT_SHARE = 0.5  # of the responses that came through the desk or the call centre: rated the front office
_MIN_CELL = 40  # responses at least in every unit × channel cell (small cells oversampled; raking corrects)


def _allocate(n: int, weights: np.ndarray, minimum: int) -> np.ndarray:
    """*n* split in proportion to *weights*, with at least *minimum* each (largest remainders)."""
    w = np.asarray(weights, dtype=float)
    fixed = np.zeros(len(w), dtype=bool)
    while True:
        free = n - minimum * int(fixed.sum())
        expected = np.where(fixed, float(minimum), free * w / w[~fixed].sum())
        grown = fixed | (expected < minimum)
        if (grown == fixed).all():
            break
        fixed = grown
    counts = np.floor(expected).astype(np.int64)
    rest = np.argsort(-(expected - counts), kind="stable")[: n - int(counts.sum())]
    counts[rest] += 1
    return counts


def _survey_cells(spec: _Spec, services: list[_Service]) -> tuple[list[tuple[str, str]], list[list[tuple[int, float]]]]:
    """The survey's unit × channel cells and, per cell, the services behind it with their volumes.

    A response's unit is the service's own unit (its district office when the service is run
    by "@home"); of those that came through the desk or the call centre, :data:`_FRONT_SHARE`
    rate the front office instead.  So every unit × channel cell with volume gets responses
    and the survey can be raked to the known volumes by unit and by channel.
    """
    cells: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for k, x in enumerate(services):
        keys, share = _channel_options(x)
        owner = x.unit if x.unit in spec.pool_sizes else x.path[1][1]
        for key, p in zip(keys, share):
            front = spec.intake_units.get(key) if key in ("phone", "chat") or (key == "counter" and not x.own_desk) \
                else None
            split = [(front, _FRONT_SHARE), (owner, 1 - _FRONT_SHARE)] if front and front != owner else [(owner, 1.0)]
            for u, f in split:
                for h, hw in (spec.home_units if u == "@home" else ((u, 1.0),)):
                    cells.setdefault((h, key), []).append((k, x.volume * p * f * hw))
    return list(cells), list(cells.values())


def _survey(spec: _Spec, rng: np.random.Generator) -> pd.DataFrame:
    """The survey responses as text (items "1"…"5", blank = unanswered), with the schema's column keys."""
    lang = spec.lang
    services = [x for x in spec.services if x.volume > 0 and x.path]
    small_name, small_n = spec.small_unit if spec.small_unit else ("", 0)
    n = spec.survey_n - small_n
    ch_keys = list(_CHANNELS)
    keys, members = _survey_cells(spec, services)
    counts = _allocate(n, np.array([sum(w for _, w in m) for m in members]), _MIN_CELL)
    svc_parts, channel_parts, unit_parts = [], [], []
    for (u, key), m, c in zip(keys, members, counts):
        w = np.array([v for _, v in m])
        per = rng.multinomial(c, w / w.sum())
        svc_parts.append(np.repeat(np.array([k for k, _ in m], dtype=np.int64), per))
        channel_parts.append(np.full(c, ch_keys.index(key), dtype=np.int64))
        unit_parts.append(np.full(c, u, dtype=object))
    svc, channel, unit = np.concatenate(svc_parts), np.concatenate(channel_parts), np.concatenate(unit_parts)
    if small_n:
        pick = rng.integers(0, len(services), small_n)
        svc = np.concatenate([svc, pick])
        channel = np.concatenate([channel, np.full(small_n, ch_keys.index("email"))])
        unit = np.concatenate([unit, np.full(small_n, small_name, dtype=object)])
    total = len(svc)
    wave = rng.choice(len(spec.waves), total, p=[0.3, 0.33, 0.37][: len(spec.waves)])
    first = np.array([np.datetime64(w[1]) for w in spec.waves])
    span = np.array([(np.datetime64(w[2]) - np.datetime64(w[1])).astype(int) + 1 for w in spec.waves])
    date = first[wave] + (rng.random(total) * span[wave]).astype("timedelta64[D]")

    unit_eff = np.array([spec.survey_unit_effects.get(u, 0.0) for u in unit])
    feel = {"web": 0.15, "app": 0.2, "phone": -0.2, "mail": -0.15}
    channel_eff = np.array([feel.get(c, 0.0) for c in ch_keys])[channel]
    wave_eff = np.array([0.0, 0.12, 0.3])[wave]
    latent = unit_eff + channel_eff + wave_eff + rng.normal(0, 1, total)
    cuts = (-1.75, -0.95, -0.1, 0.85)
    z = {k: 0.8 * latent + rng.normal(0, 0.6, total) for k in ("effectiveness", "ease", "efficiency", "equity",
                                                             "helpfulness")}
    z["ease"] = z["ease"] + 0.25 * channel_eff  # digital channels feel easier
    z["efficiency"] = z["efficiency"] - 0.35 * (unit_eff < -0.3)  # slow units
    sat = (0.38 * z["effectiveness"] + 0.24 * z["ease"] + 0.2 * z["helpfulness"] + 0.1 * z["efficiency"]
           + 0.05 * z["equity"] + rng.normal(0, 0.45, total))
    trust = 0.45 * sat + 0.35 * z["equity"] + rng.normal(0, 0.65, total)
    shift = spec.survey_item_shift
    trust = trust + shift.get("trust", 0.0)
    items = {"satisfaction": _ordinal(sat, cuts), "trust": _ordinal(trust, (-1.5, -0.7, 0.1, 1.0)),
             **{k: _ordinal(v, cuts) for k, v in z.items()}}
    nps = np.clip(np.round(6.6 + 2.1 * sat + rng.normal(0, 1.1, total)), 0, 10).astype(np.int64)
    ces = np.clip(np.round(4.8 + 1.3 * z["ease"] + rng.normal(0, 0.8, total)), 1, 7).astype(np.int64)

    cols: dict[str, object] = {}
    order = np.lexsort((rng.random(total), date))
    cols["response_id"] = np.array([f"R{200001 + i}" for i in range(total)], dtype=object)
    text_dates = np.datetime_as_string(date[order]).astype(object)
    dayfirst = rng.random(total) < 0.02  # a few day-first dates from a second survey tool
    text_dates[dayfirst] = [f"{d[8:10]}/{d[5:7]}/{d[0:4]}" for d in text_dates[dayfirst]]
    cols["date"] = text_dates
    cols["channel"] = np.array([_label("channel", c, lang) for c in ch_keys], dtype=object)[channel[order]]
    cols["unit"] = unit[order]
    cols["service_id"] = np.array([x.sid for x in services], dtype=object)[svc[order]]
    cols["wave"] = np.array([w[0] for w in spec.waves], dtype=object)[wave[order]]
    for key, values in {**items, "nps": nps, "ces": ces}.items():
        text = values[order].astype(str).astype(object)
        text[rng.random(total) < (0.1 if key == "ces" else 0.03)] = ""
        cols[key] = text
    mood = np.where(items["satisfaction"][order] <= 2, -1, np.where(items["satisfaction"][order] >= 4, 1, 0))
    has = rng.random(total) < 0.2
    comments = np.full(total, "", dtype=object)
    for i in np.flatnonzero(has):
        comments[i] = _comment(spec, int(mood[i]), rng)
    # every kind of personal detail at least once, whatever the draws (the redaction step must meet each)
    negative = np.flatnonzero(has & (mood < 0))
    for i, kind in zip(negative[::7], (0, 1, 2, 3, 1, 2, 2)):
        comments[i] = _comment(spec, int(mood[i]), rng, kind=kind)
    cols["comment"] = comments
    frame = pd.DataFrame(cols)
    return frame
