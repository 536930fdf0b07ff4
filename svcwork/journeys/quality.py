"""Data quality of an event log, checked before any analysis.

Reference: S. Suriadi, R. Andrews, A. ter Hofstede, M. Wynn, "Event log imperfection patterns for
process mining", Information Systems 64 (2017) 132–150.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from ..caselog import CaseLog, prepare

__all__ = ["DataQuality", "data_quality"]


@dataclass(frozen=True)
class DataQuality:
    """Event-log imperfections found before any analysis (Suriadi et al., Information Systems 64,
    2017: "form-based event capture", "collapsed events", "inadvertent time travel" …)."""

    events: int
    cases: int
    dropped: int
    dropped_detail: Mapping[str, int]
    no_unit: int
    unit_column: bool
    no_resource: int
    resource_column: bool
    offsets: tuple[str, ...]
    tie_events: int
    tie_cases: int
    out_of_order_events: int
    out_of_order_cases: int
    duplicate_events: int
    single_event_cases: int

    def as_dict(self) -> dict[str, object]:
        return {k: (list(v) if isinstance(v, tuple) else dict(v) if isinstance(v, Mapping) else v)
                for k, v in self.__dict__.items()}

    def table(self, lang: str) -> pd.DataFrame:
        """One row per check: what was checked, how many events/cases, their share, a note
        (:func:`svcwork.journeys.present.data_quality_table`)."""
        from .present import data_quality_table

        return data_quality_table(self, lang)


def data_quality(log: pd.DataFrame, *, offsets: Sequence[str] = ()) -> DataQuality:
    """Check a log before analysing it: events without a unit or resource, time-zone offsets found
    (``offsets``: what the loader normalised; by default what :func:`load_cases` recorded), events
    sharing a timestamp within a case, events listed out of time order, duplicate events (same case,
    activity and timestamp), single-event cases.

    Reference: S. Suriadi, R. Andrews, A. ter Hofstede, M. Wynn, "Event log imperfection patterns for
    process mining", Information Systems 64 (2017) 132–150.
    """
    return _quality(prepare(log), offsets=offsets or _loaded_offsets(log))


def _loaded_offsets(log: object) -> tuple[str, ...]:
    """The offsets of every time column the loader found mixed (``frame.attrs``, as its warning says)."""
    attrs = getattr(log, "attrs", None) or {}
    found = attrs.get("offsets", {}) if isinstance(attrs, Mapping) else {}
    if not isinstance(found, Mapping):
        return ()
    return tuple(sorted({o for offsets in found.values() if len(offsets) > 1 for o in offsets}))


def _quality(L: CaseLog, *, offsets: Sequence[str] = ()) -> DataQuality:
    same = L.case[1:] == L.case[:-1]
    tie = same & (L.ts[1:] == L.ts[:-1])
    in_tie = np.zeros(L.n_events, dtype=bool)
    in_tie[1:] |= tie
    in_tie[:-1] |= tie
    tie_cases = int(len(np.unique(L.case[in_tie])))
    # file order inside a case disagrees with time order (the sort moved an event back)
    ooo = same & (L.rows[1:] < L.rows[:-1])
    ooo_cases = int(len(np.unique(L.case[1:][ooo])))
    dup = 0
    if in_tie.any():
        idx = np.flatnonzero(in_tie)
        sub = pd.DataFrame({"c": L.case[idx], "t": L.ts[idx], "a": L.act[idx]})
        dup = int(sub.duplicated().sum())
    unit = L.codes("unit")
    res = L.codes("resource")
    return DataQuality(
        events=L.n_events, cases=L.n_cases, dropped=L.n_dropped, dropped_detail=dict(L.dropped),
        no_unit=int(L.n_events if unit is None else (unit[0] < 0).sum()), unit_column=L.has("unit"),
        no_resource=int(L.n_events if res is None else (res[0] < 0).sum()), resource_column=L.has("resource"),
        offsets=tuple(sorted(set(offsets))), tie_events=int(in_tie.sum()), tie_cases=tie_cases,
        out_of_order_events=int(ooo.sum()), out_of_order_cases=ooo_cases, duplicate_events=dup,
        single_event_cases=int((L.lengths == 1).sum()))
