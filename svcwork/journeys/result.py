"""The result of the journeys analysis for one engagement: its data, the views shown of it, ``summary()``.

Data only: :mod:`svcwork.journeys.present` turns a result into translated tables, figures and
sentences; the methods :meth:`~JourneysResult.tables`, :meth:`~JourneysResult.figures`,
:meth:`~JourneysResult.findings` and :meth:`~JourneysResult.skipped` hand over to it.  The views
here (monthly capability, deviations, hand-off matrix, digital take-up …) are the frames those
tables and charts show, groups under ``min_group_size`` already suppressed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

import numpy as np
import pandas as pd

from ..common import Presented, round_or_none
from ..privacy import hidden_cells, suppress
from .capability import capability_table
from .log import CaseLogAnalysis
from .parity import ChannelParity
from .standards import StandardsConsistency

__all__ = ["JourneysResult"]


@dataclass(frozen=True)
class JourneysResult(Presented):
    """Journey maps, case-log analytics and channel parity for one engagement (see :func:`analyse`)."""

    _PRESENT = "svcwork.journeys.present"  # the module that writes its tables, figures and findings

    language: str
    min_group_size: int
    sla_days: int
    repeat_contact_days: int
    accent: str | None
    journey: pd.DataFrame
    services: pd.DataFrame
    log: CaseLogAnalysis | None
    parity: ChannelParity | None
    standards: pd.DataFrame
    callouts: Mapping[tuple[str, int], tuple[str, int, int]] = field(default_factory=dict)
    top_k: int = 10
    ideal_path: tuple[str, ...] | None = None
    edge_share: float = 0.05
    standards_checked: pd.DataFrame = field(default_factory=pd.DataFrame)
    consistency: StandardsConsistency | None = None
    service_panels: int = 12
    #: capability tables already computed, by their ``by`` (the tables, figures, findings and key
    #: figures ask for the same ones many times); the result's own, never shown or compared
    _capability: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def _capability_table(self, by: str | None = None) -> pd.DataFrame:
        """:func:`~svcwork.journeys.capability_table` of the case log (by *by*), computed once; a copy."""
        if by not in self._capability:
            self._capability[by] = capability_table(self.log.cases, by=by)
        return self._capability[by].copy()

    # ---- availability
    @property
    def available(self) -> bool:
        return self.log is not None or len(self.journey) > 0 or self.parity is not None

    @property
    def cases_available(self) -> bool:
        return self.log is not None

    @property
    def journeys_available(self) -> bool:
        return len(self.journey) > 0

    @property
    def channels_available(self) -> bool:
        return self.parity is not None

    # ---- the views shown (suppressed)
    def ideal(self) -> tuple[str, ...] | None:
        """The intended path: ``ideal_path`` when given, else the most common path of closed cases (else of all)."""
        if self.log is None or not len(self.log.variants.table):
            return None
        if self.ideal_path:
            return tuple(self.ideal_path)
        table = self.log.variants.table
        cases = self.log.cases
        if self.log.closure_known and cases["closed"].any():
            closed_ranks = cases.loc[cases["closed"].fillna(False).astype(bool), "variant"]
            return tuple(table.loc[int(closed_ranks.value_counts().sort_index(kind="stable").idxmax()), "variant"]) \
                if len(closed_ranks) else tuple(table["variant"].iloc[0])
        return tuple(table["variant"].iloc[0])

    def top_handoffs(self, n: int = 5) -> list[dict[str, object]]:
        """The *n* busiest hand-offs between units (``from``, ``to``, ``count``), small ones suppressed."""
        if self.log is None:
            return []
        pairs = suppress(self.log.handoffs.pairs, count="count", min_size=self.min_group_size)
        return [{"from": str(a), "to": str(b), "count": int(c)}
                for a, b, c in pairs[["from", "to", "count"]].head(n).itertuples(index=False)]

    def monthly_capability(self) -> pd.DataFrame:
        """Per month of opening (:func:`~svcwork.journeys.capability_table`): cases, still open, median
        and p90 end-to-end days counting the open cases (Kaplan–Meier, 2 decimals; NaN while not
        estimable), share within the deadline (NaN while a case of the month is pending).  Months under
        ``min_group_size`` cases are hidden, and with them the smallest other month when the months
        hidden would otherwise be recovered from the total cases (:meth:`_protected`)."""
        if self.log is None:
            return pd.DataFrame()
        cap = self._capability_table()[["month", "cases", "open", "median_days", "p90_days", "sla_met"]]
        cap = cap.assign(median_days=cap["median_days"].astype(float), p90_days=cap["p90_days"].astype(float),
                         sla_met=cap["sla_met"].astype(float))  # unrounded: the output layer rounds once
        cap = cap.loc[~cap["month"].isin(self._protected()["months"])]
        return suppress(cap, count="cases", min_size=self.min_group_size).reset_index(drop=True)

    def capability_by(self, dim: str) -> pd.DataFrame:
        """:func:`~svcwork.journeys.capability_table` by *dim* (``service_id``, ``channel``, ``unit``): the
        month × group cells that may be shown (primary and secondary suppression against the month
        totals and the group totals the deliverable shows, :meth:`_protected`; empty without a case log)."""
        if self.log is None:
            return pd.DataFrame()
        tab = self._capability_table(dim)
        keep = ~self._protected()["cells"].get(dim, np.zeros(len(tab), bool))
        return suppress(tab.loc[keep], count="cases", min_size=self.min_group_size).reset_index(drop=True)

    def hidden_groups(self, dim: str) -> set:
        """The values of *dim* (``service_id``, ``channel``, ``unit``) whose case counts are not shown: the
        groups under ``min_group_size`` and, so that none of them is the total cases less the groups
        shown, the smallest others (:meth:`_protected`).  The tables by *dim* (case measures, digital
        take-up) leave them out whole."""
        if self.log is None:
            return set()
        return set(self._protected()["groups"].get(dim, set()))

    def _protected(self) -> dict[str, object]:
        """The house rule of secondary suppression (:func:`svcwork.privacy.hidden_cells`) over the case
        counts the section shows, with their margins: the total cases (data received, key figures), the
        cases per month of opening ("Time by month of opening"), per service, channel and unit (case
        measures by each) and per month × group ("Time by month opened and group").  For each breakdown,
        one table of month × group cells with the group totals (a row "all months") and the month totals
        (a column "all groups") as entries of their slices: a group total hidden is then never the sum of
        its months shown, nor a month the total less the months shown; no hidden entry is the only link between
        two parts of the hidden pattern (``loops``: e.g. a month hidden with the month it protects, and a group
        cell of it, tie the cell's other hidden entries in a loop of their own).  The months hidden are one set
        for every breakdown (repeated until none adds a month).  Computed once: ``{"months": set,
        "groups": {dim: set}, "cells": {dim: boolean array over capability_table(cases, by=dim)}}``."""
        key = ("protected",)
        if key in self._capability:
            return self._capability[key]
        m = int(self.min_group_size)
        cases = self.log.cases
        months = self._capability_table()
        month_keys = list(months["month"])
        month_n = months["cases"].to_numpy(dtype=float)
        dims = [d for d in ("service_id", "channel", "unit") if d in cases.columns and cases[d].notna().any()]
        hidden_months = np.zeros(len(month_keys), bool)
        out: dict[str, object] = {"groups": {}, "cells": {}}
        for _ in range(len(month_keys) + 1):
            before = hidden_months.copy()
            for dim in dims or [None]:
                cells = self._capability_table(dim) if dim else pd.DataFrame(columns=["month", "cases"])
                totals = (cases[dim].dropna().value_counts(sort=False) if dim else pd.Series(dtype=float))
                totals = totals.loc[totals > 0]  # the groups of the case measures by *dim* (breakdown)
                groups = list(totals.index)
                g_code = {g: i for i, g in enumerate(groups)}
                mo_code = {mo: i for i, mo in enumerate(month_keys)}
                entries = pd.DataFrame({
                    "month": np.concatenate([[mo_code[mo] for mo in cells["month"]], np.full(len(groups), -1),
                                             np.arange(len(month_keys))]).astype(np.int64),
                    "group": np.concatenate([[g_code[g] for g in cells[dim]] if dim else [], np.arange(len(groups)),
                                             np.full(len(month_keys), -1)]).astype(np.int64),
                    "n": np.concatenate([cells["cases"].to_numpy(dtype=float), totals.to_numpy(dtype=float), month_n]),
                })
                pre = np.concatenate([np.zeros(len(cells) + len(groups), bool), hidden_months])
                # without groups the months are a one-way table against the total (a month's own slice would be
                # itself, which the rule reads as a margin giving it)
                hid = hidden_cells(entries, ("month", "group") if dim else ("month",), m, count="n", hidden=pre,
                                   loops=bool(dim))
                # "Still open" is a second count of the entries (review D8); with one group or none (a log without
                # services, channels or units), its cells are the months themselves (their own rule, the month totals')
                opened = self._open_counts(cells, dim, groups, months) if dim and len(groups) > 1 else None
                if opened is not None:
                    hid = _protect_open(entries, opened, hid, m)
                hidden_months |= hid[len(cells) + len(groups):]
                if dim:
                    out["cells"][dim] = hid[:len(cells)]
                    out["groups"][dim] = {g for g, h in zip(groups, hid[len(cells):len(cells) + len(groups)]) if h}
            if (hidden_months == before).all():
                break
        out["months"] = {mo for mo, h in zip(month_keys, hidden_months) if h}
        self._capability[key] = out
        return out

    def _open_counts(self, cells: pd.DataFrame, dim: str | None, groups: list, months: pd.DataFrame) -> np.ndarray | None:
        """The cases still open of each entry of :meth:`_protected`'s table for *dim* (the month × group cells,
        the group totals, the month totals, in that order); None when the log records no closure."""
        if months["open"].isna().any() or (len(cells) and cells["open"].isna().any()):
            return None
        cases = self.log.cases
        if dim:
            is_open = cases["closed"].notna() & ~cases["closed"].fillna(True).astype(bool)
            by_group = is_open.groupby(cases[dim], observed=True).sum()
            group_open = np.array([float(by_group.get(g, 0)) for g in groups])
        else:
            group_open = np.zeros(0)
        return np.concatenate([cells["open"].to_numpy(dtype=float), group_open, months["open"].to_numpy(dtype=float)])

    def hidden_months(self) -> list:
        """The months of opening (periods, in order) that "Time by month of opening" hides (:meth:`_protected`):
        under ``min_group_size`` cases, or hidden so that none is the total less the months shown."""
        if self.log is None:
            return []
        return sorted(self._protected()["months"])

    def service_capability(self) -> tuple[pd.DataFrame, list[str], list[str], int]:
        """(monthly table of the drawn services, services drawn, services left out for the cap, services not
        drawn): the month × service cells "Time by month opened and group" shows (:meth:`capability_by`, a cell
        hidden there is hidden whole, its median and 90th percentile with its counts), of the services whose
        total the case measures show (never one of :meth:`hidden_groups`); a service is drawn when at least one
        of its months is shown, the largest first."""
        if self.log is None or not self.log.cases["service_id"].notna().any():
            return pd.DataFrame(), [], [], 0
        cases = self.log.cases
        tab = self.capability_by("service_id")
        hidden = {str(g) for g in self.hidden_groups("service_id")}
        tab = tab.assign(service_id=tab["service_id"].astype(str))
        tab = tab.loc[~tab["service_id"].isin(hidden)].reset_index(drop=True)
        volume = cases["service_id"].dropna().astype(str).value_counts()
        volume = volume.rename_axis("sid").reset_index().sort_values(["count", "sid"], ascending=[False, True],
                                                                      kind="stable")
        eligible = [sid for sid in volume["sid"] if sid in set(tab["service_id"])]
        cap = max(int(self.service_panels), 1)
        return tab, eligible[:cap], eligible[cap:], int(len(volume) - len(eligible))

    def deviations(self) -> pd.DataFrame:
        """Activities outside the ideal path, by the number of cases that contain them."""
        log = self.log
        ideal = set(self.ideal() or ())
        if log is None:
            return pd.DataFrame()
        table = log.variants.table
        counts: dict[str, int] = {}
        for v, c in zip(table["variant"], table["cases"]):
            for a in set(v) - ideal:
                counts[a] = counts.get(a, 0) + int(c)
        rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        frame = pd.DataFrame(rows, columns=["activity", "cases"])
        frame["share"] = frame["cases"] / max(log.n_cases, 1)
        return suppress(frame, count="cases", min_size=self.min_group_size).head(15).reset_index(drop=True)

    def handoff_matrix(self, limit: int = 15) -> pd.DataFrame:
        """Hand-offs from (rows) × to (columns) between the *limit* busiest units; cells under
        ``min_group_size`` blank (NA)."""
        log = self.log
        if log is None or log.handoffs.matrix.empty:
            return pd.DataFrame()
        mat = log.handoffs.matrix
        kept = mat.where(mat >= self.min_group_size)
        rows = kept.index[kept.notna().any(axis=1)]
        cols = kept.columns[kept.notna().any(axis=0)]
        units = list(dict.fromkeys([*rows, *cols]))
        volume = (mat.sum(axis=1) + mat.sum(axis=0)).reindex(units).sort_values(ascending=False, kind="stable")
        units = list(volume.index[:limit])
        out = kept.reindex(index=[u for u in units if u in rows], columns=[u for u in units if u in cols])
        return out.astype("Int64")

    def takeup(self) -> pd.DataFrame:
        """Digital take-up per service (:attr:`ChannelParity.takeup`) without services of too few logged cases,
        nor the services whose case count the case measures by service hide (:meth:`hidden_groups`): the
        table shows each service's cases.  Nor a service whose digital cases, or other cases, are fewer than
        ``min_group_size`` but not none: its share times its cases would give that small group (a service
        with one small digital channel, whose row the commitments per channel hide); a share of 0% or 100%
        gives no group of its own and is shown."""
        p = self.parity
        if p is None or p.takeup.empty:
            return pd.DataFrame()
        take = p.takeup
        m = self.min_group_size
        digital = pd.to_numeric(take["digital_cases"], errors="coerce").fillna(0)
        other = pd.to_numeric(take["cases"], errors="coerce").fillna(0) - digital
        small = (take["source"] == "log") & ((take["cases"].fillna(0) < m)
                                             | take["service_id"].astype(str).isin(
                                                 {str(g) for g in self.hidden_groups("service_id")})
                                             | digital.between(1, m - 1) | other.between(1, m - 1))
        return take.loc[~small].reset_index(drop=True)

    def journey_steps(self) -> list[tuple[str, pd.DataFrame]]:
        """Each journey of the Journey sheet with its steps, in the order the journeys first appear."""
        j = self.journey
        names = list(dict.fromkeys(j["journey"].astype(str)))
        return [(n, j.loc[j["journey"].astype(str) == n]) for n in names]

    # ---- summary
    def summary(self) -> dict[str, object]:
        """The ``journey`` and ``channels`` blocks of summary.json (plain JSON types; None when unknown).

        The values of the section's key figures (:mod:`svcwork.journeys.figures`): end-to-end
        median and p90 count the cases still open (Kaplan–Meier; None while not estimable), the
        deadline breach rate is over the cases decided (pending ones left out).  A share whose base is
        under ``min_group_size`` is None, as its key figure is absent (suppressed): the repeat-contact
        rate and FCR with too few cases of a known citizen, the top variant's share when too few cases
        follow it (:func:`~svcwork.journeys.figures.contact_bases`,
        :func:`~svcwork.journeys.figures.top_path_shown`)."""
        from ..privacy import shown
        from .figures import contact_bases, top_path_shown

        journey: dict[str, object] = {k: None for k in (
            "cases", "events", "closed_cases", "open_cases", "variants", "top_variant_share", "median_case_days",
            "p90_case_days", "sla_breach_rate", "handoffs_per_case", "repeat_contact_rate", "fcr")}
        journey["top_handoffs"] = []
        journey["not_measurable"] = []
        if self.log is not None:
            log = self.log
            table = log.variants.table
            linked, fcr_base = contact_bases(self)
            m = self.min_group_size
            journey.update({
                "cases": int(log.n_cases),
                "events": int(log.n_events),
                "closed_cases": log.n_closed,
                "open_cases": log.n_open,
                "variants": int(len(table)),
                "top_variant_share": round_or_none(float(table["share"].iloc[0]) if top_path_shown(self) else None,
                                                   4),
                "median_case_days": round_or_none(log.time_quantile(0.5), 4),
                "p90_case_days": round_or_none(log.time_quantile(0.9), 4),
                "sla_breach_rate": round_or_none(log.rate("sla_breach"), 4),
                "handoffs_per_case": round_or_none(log.handoffs.per_case_mean, 4) if log.units_known else None,
                "repeat_contact_rate": round_or_none(log.repeats.rate, 4) if shown(linked, m) else None,
                "fcr": round_or_none(log.fcr, 4) if shown(fcr_base, m) else None,
                "top_handoffs": self.top_handoffs(),
            })
            journey["not_measurable"] = list(log.not_measurable)
            if not log.per_event:
                journey.update({"variants": None, "top_variant_share": None, "handoffs_per_case": None, "fcr": None,
                                "top_handoffs": []})
        channels = {"frontal_services": list(self.parity.frontal) if self.parity else [],
                    "frontal_without_digital": list(self.parity.without_digital) if self.parity else []}
        return {"journey": journey, "channels": channels}


def _protect_open(entries: pd.DataFrame, opened: np.ndarray, hidden: np.ndarray, min_size: int) -> np.ndarray:
    """The hidden pattern of a month × group table (:meth:`JourneysResult._protected`'s *entries*: cells, group
    totals, month totals) grown so that the cases still open of a hidden entry are no more given by the
    margins than its cases (review D8): the tables show "Still open" beside each count, the month totals'
    open cases ("Time by month of opening"), the groups' (their closure rate in the case measures) and the
    total (key figures).  Along each slice (the months of a group, the groups of a month, the month totals,
    the group totals), the hidden entries whose open cases the slice's own total does not give as 0 anyway
    (an entry of a slice with no case open, its total shown) must hold at least one case open between them, and be two or
    more: else the total less the entries shown gives each of them (all 0, or the one's count).  Where a
    slice fails, the shown cell of the fewest open cases above 0 (then the fewest cases) is hidden with
    them; nor is an entry with a case open the only one of its slice, or the only link between two parts of
    the hidden pattern (:func:`~svcwork.privacy.hidden_cells` over those entries); then the case counts' rule
    again, until neither adds an entry.  A boolean array over *entries*."""
    hid = np.asarray(hidden, bool).copy()
    o = np.asarray(opened, float)
    n = entries["n"].to_numpy(dtype=float)
    month, group = entries["month"].to_numpy(), entries["group"].to_numpy()
    # slice codes, 0 for the totals' own slices: the months of a group (and its total), the groups of a month
    slices = [group + 1, month + 1]
    cell = (month >= 0) & (group >= 0)  # a partner is never a month's or a group's total
    # the total of each slice: the group's, the month's (an entry of the table, shown or not), or the grand total
    margins = [np.where(group >= 0, month == -1, False), np.where(month >= 0, group == -1, False)]
    for _ in range(len(o) + 1):
        before = hid.copy()
        known = np.zeros(len(o), bool)  # given as 0 by a slice with no case open whose total is shown
        for s, margin in zip(slices, margins):
            published = np.ones(int(s.max()) + 1, bool)
            published[s[margin]] = ~hid[margin]
            known |= (np.bincount(s, weights=o)[s] == 0) & published[s]
        for s in slices:
            held = hid & (n > 0) & ~known
            k = np.bincount(s, weights=held.astype(float))
            total = np.bincount(s, weights=np.where(held, o, 0.0))
            need = (k > 0) & ((total == 0) | (k == 1))
            cand = np.flatnonzero(~hid & (o > 0) & cell & need[s])
            if cand.size:
                order = cand[np.lexsort((n[cand], o[cand], s[cand]))]
                _, first = np.unique(s[order], return_index=True)
                hid[order[first]] = True
        # the entries with a case open, on their own (a 0 takes no share of a margin): no slice holds one hidden
        # entry alone, nor is one the only link between two parts of the pattern (the case counts' rule, with
        # every such entry large enough: only the partners); a partner is a cell, never a month's or a group's
        # total (hidden for its open cases, it would take a whole month or group out of the tables)
        pos = np.flatnonzero(o > 0)
        if pos.size:
            sub = entries.iloc[pos].assign(n=o[pos] + min_size + np.where(cell[pos], 0.0, 0.5))  # a cell first
            hid[pos] |= cell[pos] & hidden_cells(sub, ("month", "group"), min_size, count="n", hidden=hid[pos],
                                                 loops=True)
        if (hid == before).all():
            break
        hid = hidden_cells(entries, ("month", "group"), min_size, count="n", hidden=hid, loops=True)
    return hid
