"""Variants: each distinct activity sequence of a log and the cases that follow it.

Reference: W. van der Aalst, *Process Mining: Data Science in Action*, 2nd ed. (2016), §2.3 and ch. 5.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..caselog import CaseLog, prepare

__all__ = ["Variants", "variants"]


@dataclass(frozen=True)
class Variants:
    """Variants of a log (van der Aalst 2016, §2.3): each distinct activity sequence and its cases.

    ``table`` has one row per variant, most frequent first (ties: first seen first), with columns
    ``variant`` (tuple of activities), ``cases``, ``share``, ``cumulative_share`` and ``events``
    (the analysis of a case log, :func:`~svcwork.journeys.analyse_log`, adds ``median_days``: the
    path's median end-to-end time counting its open cases); ``case_variant`` maps each case_id to its variant's rank (1 = most frequent).
    """

    table: pd.DataFrame
    case_variant: pd.Series

    @property
    def n_cases(self) -> int:
        return int(self.table["cases"].sum())

    def coverage(self, k: int) -> float:
        """Share of cases that follow one of the *k* most frequent variants."""
        return float(self.table["cases"].head(max(k, 0)).sum() / self.n_cases) if len(self.table) else 0.0

    def variants_for(self, share: float) -> int:
        """How many of the most frequent variants it takes to cover *share* of the cases."""
        cum = self.table["cumulative_share"].to_numpy()
        return int(np.searchsorted(cum, share - 1e-12) + 1) if len(cum) else 0

    @property
    def singletons(self) -> int:
        """Variants followed by a single case (the long tail)."""
        return int((self.table["cases"] == 1).sum())

    def as_dict(self) -> dict[tuple[str, ...], int]:
        """``{variant: cases}``, the shape of ``pm4py.get_variants``."""
        return dict(zip(self.table["variant"], self.table["cases"].astype(int)))


def variants(log: pd.DataFrame) -> Variants:
    """The variants of *log* with their case counts and shares.

    Reference: W. van der Aalst, *Process Mining: Data Science in Action*, 2nd ed. (2016), §2.3 —
    a variant is the sequence of activities of a case, events ordered by timestamp (ties: file order).
    """
    return _variants(prepare(log))


def _variants(L: CaseLog) -> Variants:
    if "variants" in L._cache:
        return L._cache["variants"]  # type: ignore[return-value]
    a = len(L.activities)
    dtype = np.uint8 if a < 2**8 else np.uint16 if a < 2**16 else np.uint32
    w = np.dtype(dtype).itemsize
    buf = L.act.astype(dtype).tobytes()
    keys = np.empty(L.n_cases, dtype=object)
    keys[:] = [buf[s:e] for s, e in zip((L.starts * w).tolist(), (L.ends * w).tolist())]
    vcode, uniq = pd.factorize(keys)
    nv = len(uniq)
    counts = np.bincount(vcode, minlength=nv)
    order = np.lexsort((np.arange(nv), -counts))  # most frequent first; ties: first seen first
    rank = np.empty(nv, dtype=np.int64)
    rank[order] = np.arange(1, nv + 1)
    first_case = np.empty(nv, dtype=np.int64)
    first_case[vcode[::-1]] = np.arange(L.n_cases - 1, -1, -1)
    names = L.activities
    seqs = [tuple(names[L.act[L.starts[c]:L.ends[c]]].tolist()) for c in first_case[order]]
    cases = counts[order]
    share = cases / L.n_cases
    table = pd.DataFrame({"variant": seqs, "cases": cases.astype(np.int64), "share": share,
                          "cumulative_share": np.cumsum(share), "events": L.lengths[first_case[order]]},
                         index=pd.RangeIndex(1, nv + 1, name="rank"))
    result = Variants(table, pd.Series(rank[vcode], index=L.case_ids, name="variant"))
    L._cache["variants"] = result
    L._cache["case_rank"] = rank[vcode]
    return result
