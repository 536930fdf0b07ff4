"""The directly-follows graph: how often one activity directly follows another, and the wait between.

Reference: van der Aalst (2016), §6.2 (the directly-follows relation, basis of the inductive and
heuristic miners) and §9.4 (the performance-annotated graph).  Drawn by :func:`svcwork.journeys.maps.process_map`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..caselog import CaseLog, prepare
from ._base import HOUR_NS, median_by, pair_counts

__all__ = ["DirectlyFollows", "directly_follows"]


@dataclass(frozen=True)
class DirectlyFollows:
    """The directly-follows graph: ``edges`` (source, target, count, median_wait_hours), ``start``
    and ``end`` activity counts and each activity's ``frequency`` and mean relative ``position``
    in its cases (0 = first, 1 = last; used to lay out the process map)."""

    edges: pd.DataFrame
    start: pd.Series
    end: pd.Series
    frequency: pd.Series
    position: pd.Series
    n_cases: int

    def as_dict(self) -> dict[tuple[str, str], int]:
        """``{(a, b): count}``, the shape of ``pm4py.discover_dfg``'s first value."""
        return {(a, b): int(c) for a, b, c in zip(self.edges["source"], self.edges["target"], self.edges["count"])}


def directly_follows(log: pd.DataFrame) -> DirectlyFollows:
    """The directly-follows graph of *log*: how often activity b directly follows a in a case, and the
    median waiting time on each edge (from the end of a to the timestamp of b).

    Reference: van der Aalst (2016), §6.2 (directly-follows relation, the basis of the inductive
    and heuristic miners).
    """
    return _dfg(prepare(log))


def _dfg(L: CaseLog) -> DirectlyFollows:
    if "dfg" in L._cache:
        return L._cache["dfg"]  # type: ignore[return-value]
    a = len(L.activities)
    same = L.case[1:] == L.case[:-1]
    src, dst = L.act[:-1][same], L.act[1:][same]
    key = src * a + dst
    uk, cnt = pair_counts(key, a * a)
    wait = np.maximum(L.ts[1:][same] - L.end[:-1][same], 0)
    med = median_by(wait, key).reindex(uk).to_numpy() / HOUR_NS
    names = L.activities
    edges = pd.DataFrame({"source": names[uk // a], "target": names[uk % a], "count": cnt.astype(np.int64),
                          "median_wait_hours": med})
    edges = edges.sort_values(["count", "source", "target"], ascending=[False, True, True], kind="stable",
                              ignore_index=True)
    start = pd.Series(np.bincount(L.act[L.starts], minlength=a), index=names).loc[lambda s: s > 0]
    end = pd.Series(np.bincount(L.act[L.ends - 1], minlength=a), index=names).loc[lambda s: s > 0]
    freq = np.bincount(L.act, minlength=a)
    idx = np.arange(L.n_events) - np.repeat(L.starts, L.lengths)
    denom = np.repeat(np.maximum(L.lengths - 1, 1), L.lengths)
    pos = np.bincount(L.act, weights=idx / denom, minlength=a) / np.maximum(freq, 1)
    result = DirectlyFollows(edges, start.sort_values(ascending=False), end.sort_values(ascending=False),
                             pd.Series(freq, index=names), pd.Series(pos, index=names), L.n_cases)
    L._cache["dfg"] = result
    return result
