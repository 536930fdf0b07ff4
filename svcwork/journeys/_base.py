"""What the journeys modules share: the channel list, time units and a few vectorised helpers.

The prepared log itself — the sorted events and the case-timing rules — is :mod:`svcwork.caselog`'s
:class:`~svcwork.caselog.CaseLog`; this module holds only what the journeys sections add to it.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..measures import CASE_MEASURES
from ..schema import ENUMS

HOUR_NS = 3_600 * 10**9
#: The channel enumeration of the intake (keys, labels in both languages, aliases).
CHANNELS = ENUMS["channel"]
#: Channels on which a service can be completed without a clerk.
DIGITAL = ("web", "app")
#: Standards measures the case log can check (first response, resolution).
CASE_MEASURE_KEYS = tuple(CASE_MEASURES)
#: Channels where a citizen waits to be answered live: an ``answer_seconds`` commitment is expected there only.
LIVE_CHANNELS = ("phone", "chat", "counter")


def median_by(values: np.ndarray, groups: np.ndarray) -> pd.Series:
    """The median of *values* per group, groups sorted."""
    if len(values) == 0:
        return pd.Series(dtype="float64")
    return pd.Series(values).groupby(groups, sort=True).median()


def pair_counts(key: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Unique keys and their counts (bincount when the key space is small)."""
    if size <= 20_000_000:
        counts = np.bincount(key, minlength=size)
        nz = np.flatnonzero(counts)
        return nz, counts[nz]
    return np.unique(key, return_counts=True)


def blank(v: object) -> bool:
    """None, NA, NaN or a string of spaces: an empty intake cell."""
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and not v.strip())


def channel_order(channels) -> list[str]:
    """Channel keys in the intake's order, unknown channels after them alphabetically."""
    found = list(dict.fromkeys(str(c) for c in channels))
    return [c for c in CHANNELS.keys if c in found] + sorted(c for c in found if c not in CHANNELS.keys)


def measure_scope(measure: str) -> str:
    """Where a Standards measure can be checked: ``case_log``, ``answer`` (live answer time) or ``kpi``."""
    return "case_log" if measure in CASE_MEASURE_KEYS else "answer" if measure == "answer_seconds" else "kpi"

