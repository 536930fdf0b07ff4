"""Hand-offs between units: work passing from one unit to another inside a case, and ping-pong.

Reference: the hand-over-of-work metric of van der Aalst, Reijers & Song, "Discovering social
networks from event logs", CSCW 14 (2005), counted here in absolute numbers between units.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..caselog import CaseLog, prepare
from ._base import HOUR_NS, median_by, pair_counts

__all__ = ["Handoffs", "handoffs"]


@dataclass(frozen=True)
class Handoffs:
    """Hand-offs between units (work passing from one unit to another inside a case).

    ``matrix``: counts from (rows) × to (columns), self-hand-offs excluded; ``pairs``: one row per
    (from, to) with ``count``, ``median_hours_lost`` (from the end of the last event at the first
    unit to the first event at the next) and ``pingpong`` (A→B→A returns on that pair);
    ``per_case`` and ``pingpong_per_case``: counts per case_id.
    """

    matrix: pd.DataFrame
    pairs: pd.DataFrame
    per_case: pd.Series
    pingpong_per_case: pd.Series
    events_without_unit: int

    @property
    def per_case_mean(self) -> float:
        return float(self.per_case.mean()) if len(self.per_case) else 0.0

    @property
    def cases_with_handoff(self) -> int:
        return int((self.per_case > 0).sum())

    @property
    def cases_with_pingpong(self) -> int:
        return int((self.pingpong_per_case > 0).sum())


def handoffs(log: pd.DataFrame) -> Handoffs:
    """Hand-offs between units along each case.

    Events without a unit are left out; a hand-off is a change of unit between consecutive
    remaining events of a case.  Ping-pong counts the returns A→B→A in the case's sequence of
    units with repeats collapsed (A A B A → A B A: one ping-pong; A B A B: two, ABA and BAB).
    Reference: the hand-over-of-work metric of van der Aalst, Reijers & Song, CSCW 14 (2005),
    counted here in absolute numbers between units rather than normalised between people.
    """
    return _handoffs(prepare(log))


def _handoffs(L: CaseLog) -> Handoffs:
    if "handoffs" in L._cache:
        return L._cache["handoffs"]  # type: ignore[return-value]
    got = L.codes("unit")
    if got is None:
        codes, labels = np.full(L.n_events, -1, dtype=np.int64), np.array([], dtype=object)
    else:
        codes, labels = got
    keep = np.flatnonzero(codes >= 0)
    cu, uu, tu, eu = L.case[keep], codes[keep], L.ts[keep], L.end[keep]
    nu = len(labels)
    same = cu[1:] == cu[:-1]
    ho = same & (uu[1:] != uu[:-1])
    src, dst = uu[:-1][ho], uu[1:][ho]
    key = src * max(nu, 1) + dst
    lost = np.maximum(tu[1:][ho] - eu[:-1][ho], 0)
    per_case = np.bincount(cu[:-1][ho], minlength=L.n_cases)
    # ping-pong on the collapsed unit sequence
    first = np.concatenate(([True], (cu[1:] != cu[:-1]) | (uu[1:] != uu[:-1]))) if len(cu) else np.array([], bool)
    cc, uc = cu[first], uu[first]
    pp = (cc[2:] == cc[:-2]) & (uc[2:] == uc[:-2]) if len(cc) > 2 else np.array([], bool)
    pp_case = np.bincount(cc[:-2][pp], minlength=L.n_cases) if len(cc) > 2 else np.zeros(L.n_cases, np.int64)
    pp_key = uc[:-2][pp] * max(nu, 1) + uc[1:-1][pp] if len(cc) > 2 else np.array([], np.int64)
    uk, cnt = pair_counts(key, max(nu, 1) ** 2) if len(key) else (np.array([], np.int64), np.array([], np.int64))
    med = median_by(lost, key).reindex(uk).to_numpy() / HOUR_NS if len(key) else np.array([])
    ppk, ppc = np.unique(pp_key, return_counts=True)
    ppmap = dict(zip(ppk.tolist(), ppc.tolist()))
    pairs = pd.DataFrame({"from": labels[uk // max(nu, 1)] if len(uk) else [], "to": labels[uk % max(nu, 1)] if len(uk) else [],
                          "count": cnt.astype(np.int64), "median_hours_lost": med,
                          "pingpong": np.array([ppmap.get(k, 0) for k in uk.tolist()], dtype=np.int64)})
    pairs = pairs.sort_values(["count", "from", "to"], ascending=[False, True, True], kind="stable", ignore_index=True)
    involved = sorted(set(pairs["from"]) | set(pairs["to"]), key=str)
    matrix = pairs.pivot_table(index="from", columns="to", values="count", aggfunc="sum", fill_value=0) if len(pairs) \
        else pd.DataFrame()
    matrix = matrix.reindex(index=involved, columns=involved, fill_value=0).astype(np.int64)
    matrix.index.name, matrix.columns.name = "from", "to"
    result = Handoffs(matrix, pairs, pd.Series(per_case, index=L.case_ids, name="handoffs"),
                      pd.Series(pp_case, index=L.case_ids, name="pingpong"), int(L.n_events - len(keep)))
    L._cache["handoffs"] = result
    return result
