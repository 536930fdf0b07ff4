"""Journeys and case-log analytics: the citizen's view of every process.

Two sources feed this module:

* the intake's **Journey** sheet (one row per step of a citizen journey), drawn as a slide-ready
  journey map in the service-blueprint tradition (Shostack, "Designing services that deliver",
  HBR 1984; Bitner, Ostrom & Morgan, "Service Blueprinting", California Management Review 2008):
  stages, steps, channel lane, emotion curve, pain points, moments of truth, the line of
  visibility and the backstage beneath it;
* the **cases** companion file (one row per event of a case), analysed with the basic
  process-mining constructs of van der Aalst, *Process Mining: Data Science in Action* (2nd ed.,
  2016): variants (ch. 2 and 5), the directly-follows graph (ch. 6), case durations, and the
  hand-over-of-work view between units (van der Aalst, Reijers & Song, "Discovering social
  networks from event logs", CSCW 14, 2005).  The data-quality checks follow the event-log
  imperfection patterns of Suriadi et al., Information Systems 64 (2017).

Every case-log function takes a plain :class:`pandas.DataFrame` with the canonical columns of the
``cases`` companion schema (``case_id``, ``activity``, ``timestamp`` and optionally ``channel``,
``unit``, ``resource``, ``citizen_id``, ``end_timestamp``, ``outcome``, ``deadline``,
``service_id``); XES/pm4py names (``case:concept:name`` …) are recognised too, and timestamps
without a time zone are taken as UTC (the loader has already normalised offsets).  Events are ordered
by case, timestamp and then file order (a stable tie-break, as pm4py does), with numpy/pandas
vectorised operations only, so that a log of millions of events takes seconds.  The prepared log and
the timing of cases — order, closure, first response, resolution, age of open cases, deadlines — are
those of the case-log engine :mod:`svcwork.caselog`, which the service standards of
:mod:`svcwork.measures` use too: both sections of a report count the same cases as closed.

``analyse(engagement)`` runs everything for a client and returns a :class:`JourneysResult`.
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from . import charts
from .caselog import CASE_COLUMNS as _CASE_COLUMNS
from .caselog import DAY_NS as _DAY_NS
from .caselog import NAME_INDEX as _NAME_INDEX
from .caselog import CaseLog, breached, canonical, channel_key, closure, deadlines, first_response_days, \
    open_age_days, prepare, resolution_days
from .errors import HEBREW, AnalysisError
from .i18n import fmt_number, fmt_percent, t
from .intake import Engagement, load_companion
from .measures import CASE_MEASURES, standards_share
from .privacy import suppress
from .schema import ENUMS, normalize_name

__all__ = [
    "load_cases",
    "variants",
    "directly_follows",
    "case_durations",
    "handoffs",
    "data_quality",
    "repeat_contacts",
    "analyse_log",
    "breakdown",
    "capability_table",
    "standards_by_channel",
    "standards_consistency",
    "channel_parity",
    "journey_map",
    "process_map",
    "analyse",
    "Variants",
    "DirectlyFollows",
    "Handoffs",
    "DataQuality",
    "RepeatContacts",
    "CaseLogAnalysis",
    "ChannelParity",
    "StandardsConsistency",
    "JourneysResult",
    "pain_points",
]

_HOUR_NS = 3_600 * 10**9
_CHANNELS = ENUMS["channel"]
_DIGITAL = ("web", "app")

# =========================================================================== loading
def load_cases(path, column_map: Mapping[str, str] | None = None, *, timezone: str = "UTC", lang: str = "en",
               key: bytes | None = None) -> pd.DataFrame:
    """Read a case/event-log export (csv, xlsx or parquet) into the canonical ``cases`` frame.

    A thin wrapper of :func:`svcwork.intake.load_companion`: the same checks, UTC timestamps and
    pseudonymised ``citizen_id``/``resource``.  ``column_map`` maps the export's own column names
    to ours, e.g. ``{"Ticket": "case_id", "Step": "activity", "When": "timestamp"}``; XES names
    (``case:concept:name``, ``concept:name``, ``time:timestamp``, ``org:group`` …) need no map.
    Raises :class:`~svcwork.errors.IntakeError` listing every problem when the file is unusable.
    """
    mapping: dict[str, str] = {}
    for their, our in (column_map or {}).items():
        target = _NAME_INDEX.get(normalize_name(our))
        if target is None:
            raise AnalysisError(t("journeys.error.column_map", lang, column=our, allowed=", ".join(_CASE_COLUMNS)))
        mapping[normalize_name(their)] = target
    return load_companion("cases", path, column_map={"cases": mapping}, timezone=timezone, lang=lang, key=key)


# =========================================================================== the prepared log
# The sorted log and the case-timing rules (ordering, closure, first response, resolution, age of open
# cases, deadlines) live in :mod:`svcwork.caselog`, shared with :mod:`svcwork.measures`.
_Log = CaseLog
_prep = prepare
_canonical = canonical
_channel_key = channel_key


def _median_by(values: np.ndarray, groups: np.ndarray) -> pd.Series:
    if len(values) == 0:
        return pd.Series(dtype="float64")
    return pd.Series(values).groupby(groups, sort=True).median()


def _pair_counts(key: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Unique keys and their counts (bincount when the key space is small)."""
    if size <= 20_000_000:
        counts = np.bincount(key, minlength=size)
        nz = np.flatnonzero(counts)
        return nz, counts[nz]
    return np.unique(key, return_counts=True)


# =========================================================================== variants
@dataclass(frozen=True)
class Variants:
    """Variants of a log (van der Aalst 2016, §2.3): each distinct activity sequence and its cases.

    ``table`` has one row per variant, most frequent first (ties: first seen first), with columns
    ``variant`` (tuple of activities), ``cases``, ``share``, ``cumulative_share``, ``events`` and
    ``median_days``; ``case_variant`` maps each case_id to its variant's rank (1 = most frequent).
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
    """The variants of *log* with their case counts, shares and median case duration.

    Reference: W. van der Aalst, *Process Mining: Data Science in Action*, 2nd ed. (2016), §2.3 —
    a variant is the sequence of activities of a case, events ordered by timestamp (ties: file order).
    """
    return _variants(_prep(log))


def _variants(L: _Log) -> Variants:
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
    days = (L.case_end - L.case_start) / _DAY_NS
    med = pd.Series(days).groupby(rank[vcode]).median().to_numpy()
    cases = counts[order]
    share = cases / L.n_cases
    table = pd.DataFrame({"variant": seqs, "cases": cases.astype(np.int64), "share": share,
                          "cumulative_share": np.cumsum(share), "events": L.lengths[first_case[order]],
                          "median_days": med}, index=pd.RangeIndex(1, nv + 1, name="rank"))
    result = Variants(table, pd.Series(rank[vcode], index=L.case_ids, name="variant"))
    L._cache["variants"] = result
    L._cache["case_rank"] = rank[vcode]
    return result


# =========================================================================== directly-follows graph
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
    return _dfg(_prep(log))


def _dfg(L: _Log) -> DirectlyFollows:
    if "dfg" in L._cache:
        return L._cache["dfg"]  # type: ignore[return-value]
    a = len(L.activities)
    same = L.case[1:] == L.case[:-1]
    src, dst = L.act[:-1][same], L.act[1:][same]
    key = src * a + dst
    uk, cnt = _pair_counts(key, a * a)
    wait = np.maximum(L.ts[1:][same] - L.end[:-1][same], 0)
    med = _median_by(wait, key).reindex(uk).to_numpy() / _HOUR_NS
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


# =========================================================================== case durations
def case_durations(log: pd.DataFrame) -> pd.Series:
    """End-to-end time of each case in days: from its first event to the end of its last event.

    The citizen's view of the process (van der Aalst 2016, §9.4, "flow time"); equals pm4py's
    ``get_all_case_durations`` when the log has no ``end_timestamp``.
    """
    L = _prep(log)
    return pd.Series((L.case_end - L.case_start) / _DAY_NS, index=L.case_ids, name="days")


# =========================================================================== hand-offs
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
    return _handoffs(_prep(log))


def _handoffs(L: _Log) -> Handoffs:
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
    uk, cnt = _pair_counts(key, max(nu, 1) ** 2) if len(key) else (np.array([], np.int64), np.array([], np.int64))
    med = _median_by(lost, key).reindex(uk).to_numpy() / _HOUR_NS if len(key) else np.array([])
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


# =========================================================================== data quality
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
        """One row per check: what was checked, how many events/cases, their share, a note."""
        E, C = max(self.events, 1), max(self.cases, 1)
        absent = t("journeys.dq.column_absent", lang)
        rows = [
            ("events", self.events, None, ""),
            ("cases", self.cases, None, ""),
            ("dropped", self.dropped, self.dropped / max(self.events + self.dropped, 1),
             t("journeys.dq.dropped_note", lang, **self.dropped_detail)),
            ("no_unit", self.no_unit, self.no_unit / E, "" if self.unit_column else absent),
            ("no_resource", self.no_resource, self.no_resource / E, "" if self.resource_column else absent),
            ("offsets", len(self.offsets), None,
             t("journeys.dq.offsets_note", lang, found=", ".join(self.offsets)) if len(self.offsets) > 1 else ""),
            ("ties", self.tie_events, self.tie_events / E, t("journeys.dq.cases_note", lang, count=fmt_number(self.tie_cases))),
            ("out_of_order", self.out_of_order_events, self.out_of_order_events / E,
             t("journeys.dq.cases_note", lang, count=fmt_number(self.out_of_order_cases))),
            ("duplicates", self.duplicate_events, self.duplicate_events / E, ""),
            ("single_event", self.single_event_cases, self.single_event_cases / C, ""),
        ]
        return pd.DataFrame({
            t("journeys.col.check", lang): [t(f"journeys.dq.{k}", lang) for k, *_ in rows],
            t("journeys.col.count", lang): [int(v) for _, v, _, _ in rows],
            t("journeys.col.share", lang): [None if s is None else round(float(s), 4) for _, _, s, _ in rows],
            t("journeys.col.note", lang): [n for *_, n in rows],
        })


def data_quality(log: pd.DataFrame, *, offsets: Sequence[str] = ()) -> DataQuality:
    """Check a log before analysing it: events without a unit or resource, time-zone offsets found
    (``offsets``: what the loader normalised; by default what :func:`load_cases` recorded), events
    sharing a timestamp within a case, events listed out of time order, duplicate events (same case,
    activity and timestamp), single-event cases.

    Reference: S. Suriadi, R. Andrews, A. ter Hofstede, M. Wynn, "Event log imperfection patterns for
    process mining", Information Systems 64 (2017) 132–150.
    """
    return _quality(_prep(log), offsets=offsets or _loaded_offsets(log))


def _loaded_offsets(log: object) -> tuple[str, ...]:
    """The offsets of every time column the loader found mixed (``frame.attrs``, as its warning says)."""
    attrs = getattr(log, "attrs", None) or {}
    found = attrs.get("offsets", {}) if isinstance(attrs, Mapping) else {}
    if not isinstance(found, Mapping):
        return ()
    return tuple(sorted({o for offsets in found.values() if len(offsets) > 1 for o in offsets}))


def _quality(L: _Log, *, offsets: Sequence[str] = ()) -> DataQuality:
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


# =========================================================================== repeat contact
@dataclass(frozen=True)
class RepeatContacts:
    """Repeat contacts per case (cases without a citizen id are never linked).

    ``cases``: one row per case_id with ``repeat`` (the same citizen opened another case within
    ``days`` before it), ``followed_by_repeat`` (the citizen came back within ``days`` after it),
    ``channel_switch`` (a repeat whose channel differs from the previous case's); NA where the case
    has no citizen id.  ``rate``: repeats / cases with a citizen id; ``channel_switching``: the share
    of citizens with a repeat contact (channels known) whose repeat contacts moved channel.
    """

    cases: pd.DataFrame
    days: int
    linked_cases: int
    rate: float | None
    channel_switching: float | None
    citizens_with_repeat: int


def repeat_contacts(log: pd.DataFrame, *, days: int = 7) -> RepeatContacts:
    """Repeat contacts: a case is a repeat contact when the same (pseudonymised) citizen opened another
    case at most *days* days before it (cases opened at the same instant: the later in the file repeats).

    Reference: first-contact-resolution practice of contact centres (SQM Group; COPC CX Standard
    for Customer Experience Operations, 2020): a need is resolved at first contact when the customer
    does not contact again within the window.
    """
    if not isinstance(days, (int, np.integer)) or days < 0:
        raise AnalysisError(t("journeys.error.days", "en", value=days))
    return _repeats(_prep(log), int(days))


def _repeats(L: _Log, days: int) -> RepeatContacts:
    key = f"repeats:{days}"
    if key in L._cache:
        return L._cache[key]  # type: ignore[return-value]
    C = L.n_cases
    cz = L.codes("citizen_id")
    citizen = L.first_per_case(cz[0]) if cz is not None else np.full(C, -1, np.int64)
    chc = L.codes("channel")
    channel = L.first_per_case(chc[0]) if chc is not None else np.full(C, -1, np.int64)
    start = L.case_start
    known = citizen >= 0
    rep = np.zeros(C, bool)
    fol = np.zeros(C, bool)
    sw = np.zeros(C, bool)
    switching = None
    with_rep = 0
    idx = np.flatnonzero(known)
    if len(idx) > 1:
        o = idx[np.lexsort((idx, start[idx], citizen[idx]))]
        cit, st, ch = citizen[o], start[o], channel[o]
        near = (cit[1:] == cit[:-1]) & (st[1:] - st[:-1] <= days * _DAY_NS)
        rep[o[1:][near]] = True
        fol[o[:-1][near]] = True
        comparable = near & (ch[1:] >= 0) & (ch[:-1] >= 0)
        moved = comparable & (ch[1:] != ch[:-1])
        sw[o[1:][moved]] = True
        with_rep = int(len(np.unique(cit[1:][near])))
        comp_citizens = np.unique(cit[1:][comparable])
        if len(comp_citizens):
            switching = float(len(np.unique(cit[1:][moved])) / len(comp_citizens))
    frame = pd.DataFrame({
        "repeat": pd.array(np.where(known, rep, False), dtype="boolean"),
        "followed_by_repeat": pd.array(np.where(known, fol, False), dtype="boolean"),
        "channel_switch": pd.array(np.where(known, sw, False), dtype="boolean"),
    }, index=L.case_ids)
    frame.loc[~known, :] = pd.NA
    linked = int(known.sum())
    result = RepeatContacts(frame, days, linked, float(rep[known].mean()) if linked else None, switching, with_rep)
    L._cache[key] = result
    return result


# =========================================================================== the whole case log
@dataclass(frozen=True)
class CaseLogAnalysis:
    """Everything computed from one case log (see :func:`analyse_log`).

    ``cases`` has one row per case: ``case_id``, ``start``, ``end``, ``events``, ``days``,
    ``first_response_days``, ``service_id``, ``channel``, ``unit`` (the receiving unit),
    ``deadline``, ``closed``, ``resolution_days``, ``open_age_days``, ``sla_breach``, ``rework``,
    ``handoffs``, ``pingpong``, ``variant``, ``repeat``, ``followed_by_repeat``, ``fcr``, ``month``.
    The timing columns follow the rules of :mod:`svcwork.caselog`.
    """

    cases: pd.DataFrame
    quality: DataQuality
    variants: Variants
    dfg: DirectlyFollows
    handoffs: Handoffs
    repeats: RepeatContacts
    rework_by_activity: pd.Series
    sla_days: int
    closure_known: bool
    units_known: bool
    end_activities: tuple[str, ...]
    as_of: pd.Timestamp
    per_event: bool = True  # False for a one-row-per-case export: hand-offs, FCR, variants, rework unknown

    #: What a one-row-per-case export cannot measure (marked so in the report and summary.json).
    NEEDS_EVENTS = ("variants", "handoffs", "fcr", "rework", "first_response")

    @property
    def not_measurable(self) -> tuple[str, ...]:
        return () if self.per_event else self.NEEDS_EVENTS

    @property
    def n_cases(self) -> int:
        return len(self.cases)

    @property
    def n_events(self) -> int:
        return self.quality.events

    def rate(self, column: str) -> float | None:
        """Mean of a boolean column over the cases where it is known (None when never known)."""
        s = self.cases[column].dropna()
        return float(s.astype(float).mean()) if len(s) else None

    def quantile(self, column: str, q: float) -> float | None:
        s = self.cases[column].dropna()
        return float(s.quantile(q)) if len(s) else None

    @property
    def fcr(self) -> float | None:
        return self.rate("fcr")


def analyse_log(log: pd.DataFrame, *, sla_days: int = 14, repeat_contact_days: int = 7,
                end_activities: Sequence[str] | None = None, offsets: Sequence[str] = (),
                response_activities: Sequence[str] | None = None, lang: str = "en") -> CaseLogAnalysis:
    """The whole case-log metric set in one pass over the sorted log.

    The timing of each case follows the rules of :mod:`svcwork.caselog` (the same as the service
    standards of :func:`svcwork.measures.standards_share`).  Per case: end-to-end days (first event to
    end of last; for a case still open this is a lower bound — the citizen is still waiting — so
    ``median_case_days``/``p90_case_days`` read best with the closure rate beside them), time to
    first response (from the first event to the first later event whose activity is in
    ``response_activities`` — e.g. "reply sent", "call citizen"; when none are given, to the case's
    second event, whatever it is: a proxy that counts an internal step such as "assigned" as the
    response), the deadline (the case's own, else ``sla_days`` after it opened) and whether it was
    missed (closed cases: by their end; open cases: by the last timestamp of the log), closure (an
    ``outcome`` recorded or an activity in ``end_activities``; when none are given, activities named
    like "closed", "resolved", "נסגר" …; an ``end_timestamp`` is the end of an activity and closes a
    case only in a one-row-per-case export), resolution days (closed cases) and the age of open cases
    at the log's last timestamp, rework (an activity repeated in the case), hand-offs and ping-pong
    (:func:`handoffs`), repeat contact (:func:`repeat_contacts`) and first-contact resolution: closed, no hand-off, and no repeat
    contact before or after it (the SQM/COPC reading of FCR; unknown for cases without a citizen
    id, and for every case when the log records no closure, i.e. no end activity and no outcome,
    or no units).  ``offsets``: the time-zone offsets the loader normalised, for the data-quality
    section; by default those :func:`load_cases` / :func:`svcwork.load` recorded in ``log.attrs``.
    """
    if not isinstance(sla_days, (int, np.integer)) or sla_days < 0:
        raise AnalysisError(t("journeys.error.days", lang, value=sla_days))
    if not isinstance(repeat_contact_days, (int, np.integer)) or repeat_contact_days < 0:
        raise AnalysisError(t("journeys.error.days", lang, value=repeat_contact_days))
    L = _prep(log, lang)
    C = L.n_cases
    var = _variants(L)
    dfg = _dfg(L)
    ho = _handoffs(L)
    rep = _repeats(L, int(repeat_contact_days))
    quality = _quality(L, offsets=offsets or _loaded_offsets(log))

    # the case-timing rules of svcwork.caselog (shared with the service standards of svcwork.measures)
    start, end = L.case_start, L.case_end
    days = (end - start) / _DAY_NS
    fr = first_response_days(L, response_activities, lang=lang)
    closing = closure(L, end_activities, lang=lang)
    closed, closure_known, ends_found = closing.closed, closing.known, closing.end_activities
    per_event = not L.one_row_per_case
    deadline = deadlines(L, int(sla_days))
    breach = breached(L, closing, deadline)
    as_of = L.as_of

    # rework: an activity repeated inside a case
    a = len(L.activities)
    pk, pc = _pair_counts(L.case * a + L.act, C * a)
    again = pc > 1
    rework = np.zeros(C, bool)
    rework[pk[again] // a] = True
    rework_by_act = pd.Series(np.bincount(pk[again] % a, minlength=a), index=L.activities, name="cases")

    linked = rep.cases["repeat"].notna().to_numpy()
    repeat_ = rep.cases["repeat"].to_numpy(dtype=bool, na_value=False)
    followed = rep.cases["followed_by_repeat"].to_numpy(dtype=bool, na_value=False)
    units_known = L.has("unit")
    fcr_ok = closed & (ho.per_case.to_numpy() == 0) & ~repeat_ & ~followed
    per_case_ho = pd.array(ho.per_case.to_numpy(), dtype="Int64")
    per_case_pp = pd.array(ho.pingpong_per_case.to_numpy(), dtype="Int64")
    if not units_known:
        per_case_ho[:] = pd.NA
        per_case_pp[:] = pd.NA
    start_ts = pd.to_datetime(start, unit="ns")
    cases = pd.DataFrame({
        "case_id": L.case_ids,
        "start": start_ts,
        "end": pd.to_datetime(end, unit="ns"),
        "events": L.lengths,
        "days": days,
        "first_response_days": fr,
        "service_id": L.first_labels("service_id"),
        "channel": L.first_labels("channel"),
        "unit": L.first_labels("unit"),
        "deadline": pd.to_datetime(deadline, unit="ns"),
        "closed": closing.column(),
        "resolution_days": resolution_days(L, closing),
        "open_age_days": open_age_days(L, closing),
        "sla_breach": breach,
        "rework": rework,
        "handoffs": per_case_ho,
        "pingpong": per_case_pp,
        "variant": L._cache["case_rank"],
        "repeat": rep.cases["repeat"].array,
        "followed_by_repeat": rep.cases["followed_by_repeat"].array,
        "fcr": pd.array(np.where(linked & closure_known, fcr_ok, False), dtype="boolean"),
        "month": start_ts.to_period("M"),
    })
    if not (closure_known and units_known) or not per_event:
        cases["fcr"] = pd.array([pd.NA] * C, dtype="boolean")
    else:
        cases.loc[~linked, "fcr"] = pd.NA
    if not per_event:  # what needs the events of a case is unknown, not zero
        cases["handoffs"] = pd.array([pd.NA] * C, dtype="Int64")
        cases["pingpong"] = pd.array([pd.NA] * C, dtype="Int64")
        cases["rework"] = pd.array([pd.NA] * C, dtype="boolean")
    return CaseLogAnalysis(cases, quality, var, dfg, ho, rep, rework_by_act.loc[lambda s: s > 0].sort_values(ascending=False),
                           int(sla_days), closure_known, units_known, ends_found, pd.Timestamp(as_of, unit="ns"),
                           per_event)


# =========================================================================== grouped KPIs
_KPI_COLUMNS = ("cases", "median_days", "p90_days", "median_first_response_days", "sla_met", "closure_rate",
                "rework_rate", "handoffs_per_case", "repeat_contact_rate", "fcr")


def breakdown(cases: pd.DataFrame, by: str) -> pd.DataFrame:
    """Case KPIs per value of *by* (``service_id``, ``channel``, ``unit``, ``month`` …) from the per-case
    table of :func:`analyse_log`: cases, median and 90th-percentile end-to-end days, median first
    response, share within the deadline, closure, rework, hand-offs per case, repeat contact and FCR.
    Percentiles are numpy's linear interpolation (Hyndman & Fan 1996, definition 7).  Rows without a
    value of *by* are left out; small groups are NOT suppressed here (do it before showing).
    """
    if by not in cases.columns:
        raise AnalysisError(t("journeys.error.columns", "en", missing=by, found=", ".join(map(str, cases.columns))))
    frame = cases.loc[cases[by].notna()]
    if frame.empty:
        return pd.DataFrame(columns=[by, *_KPI_COLUMNS])
    g = frame.groupby(by, sort=True, observed=True)
    out = pd.DataFrame({
        "cases": g.size(),
        "median_days": g["days"].median(),
        "p90_days": g["days"].quantile(0.9),
        "median_first_response_days": g["first_response_days"].median(),
        "sla_met": 1 - g["sla_breach"].mean(),
        "closure_rate": g["closed"].apply(lambda s: s.dropna().astype(float).mean() if s.notna().any() else np.nan),
        "rework_rate": g["rework"].mean(),
        "handoffs_per_case": g["handoffs"].mean(),
        "repeat_contact_rate": g["repeat"].apply(lambda s: s.dropna().astype(float).mean() if s.notna().any() else np.nan),
        "fcr": g["fcr"].apply(lambda s: s.dropna().astype(float).mean() if s.notna().any() else np.nan),
    })
    return out.reset_index().sort_values("cases", ascending=False, kind="stable", ignore_index=True)


_CAPABILITY_COLUMNS = ("month", "cases", "median_days", "p90_days", "sla_met", "deadline_days")


def capability_table(cases: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """End-to-end time over time: per month of opening (and per value of *by*, e.g. ``service_id``,
    ``channel`` or ``unit``) the cases opened, the median and 90th percentile of their end-to-end days,
    the share within their deadline and the median deadline (days from opening to the case's deadline).

    Reads the per-case table of :func:`analyse_log`.  A capability chart drawn from percentiles, as
    for a non-normal quality characteristic (D. C. Montgomery, *Introduction to Statistical Quality
    Control*, 8th ed., 2019, §8.3.3); percentiles are numpy's linear interpolation (Hyndman & Fan
    1996, definition 7).  Rows without a value of *by* are left out; small groups are NOT suppressed
    here (do it before showing).
    """
    need = {"month", "days", "sla_breach", "start", "deadline"} | ({by} if by else set())
    if not need <= set(cases.columns):
        raise AnalysisError(t("journeys.error.columns", "en", missing=", ".join(sorted(need - set(cases.columns))),
                              found=", ".join(map(str, cases.columns))))
    keys = [by, "month"] if by else ["month"]
    frame = cases.loc[cases[by].notna()] if by else cases
    columns = [*([by] if by else []), *_CAPABILITY_COLUMNS]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    frame = frame.assign(_deadline_days=(frame["deadline"] - frame["start"]) / pd.Timedelta(days=1))
    g = frame.groupby(keys, sort=True, observed=True)
    out = pd.DataFrame({
        "cases": g.size(),
        "median_days": g["days"].median(),
        "p90_days": g["days"].quantile(0.9),
        "sla_met": 1 - g["sla_breach"].mean(),
        "deadline_days": g["_deadline_days"].median(),
    }).reset_index()
    return out[columns]


# =========================================================================== service standards
_CASE_MEASURES = tuple(CASE_MEASURES)
#: Channels where a citizen waits to be answered live: an ``answer_seconds`` commitment is expected there only.
_LIVE_CHANNELS = ("phone", "chat", "counter")


def _std_rows(standards: pd.DataFrame, lang: str = "en") -> list[tuple[int, str, str, float, str]]:
    """(row number from 1, service_id or "*", measure, target, channel key or "*") of each usable commitment."""
    need = {"service_id", "measure", "target"}
    if not need <= set(standards.columns):
        raise AnalysisError(t("journeys.error.columns", lang, missing=", ".join(sorted(need - set(standards.columns))),
                              found=", ".join(map(str, standards.columns))))
    chans = standards["channel"] if "channel" in standards.columns else pd.Series([None] * len(standards))
    out = []
    for k, (sid, measure, target, ch) in enumerate(zip(standards["service_id"], standards["measure"],
                                                         standards["target"], chans), start=1):
        if _blank(measure) or _blank(target):
            continue
        try:
            value = float(target)
        except (TypeError, ValueError):
            raise AnalysisError(t("journeys.error.target", lang, value=target)) from None
        sid = "*" if _blank(sid) or str(sid).strip() == "*" else str(sid).strip()
        chk = "*" if _blank(ch) or str(ch).strip() == "*" else _channel_key(str(ch).strip())
        out.append((k, sid, str(measure).strip(), value, str(chk)))
    return out


def _channel_order(channels) -> list[str]:
    found = list(dict.fromkeys(str(c) for c in channels))
    return [c for c in _CHANNELS.keys if c in found] + sorted(c for c in found if c not in _CHANNELS.keys)


def _measure_scope(measure: str) -> str:
    return "case_log" if measure in _CASE_MEASURES else "answer" if measure == "answer_seconds" else "kpi"


def standards_by_channel(events: pd.DataFrame, standards: pd.DataFrame, *, min_group_size: int = 1,
                         confidence: float = 0.95, end_activities: Sequence[str] | None = None,
                         response_activities: Sequence[str] | None = None) -> pd.DataFrame:
    """Each commitment of the Standards sheet set against the case log: as written, and per channel.

    A commitment for all channels (``*``) is checked on the pooled cases it covers and again on each
    channel the log shows for them; a channel-specific one on its channel.  The share meeting the
    target (with a Wilson interval at *confidence*) and the median come from
    :func:`svcwork.measures.standards_share`, so the report has one definition of first-response and
    resolution time (Standards section of the intake contract; *end_activities* and
    *response_activities* as in :func:`analyse_log`).  Commitments on ``answer_seconds``
    or on a KPI cannot be checked from a case log: they are listed with ``checkable`` False and no
    counts.  Rows with fewer than *min_group_size* cases are dropped.

    Returns one row per check: ``commitment`` (row of the sheet, from 1), ``service_id``, ``channel``
    (``*`` = pooled), ``measure``, ``target``, ``scope`` (case_log / answer / kpi), ``checkable``,
    ``n``, ``met``, ``share``, ``low``, ``high``, ``median_days``.
    """
    rows = _std_rows(standards)
    columns = ["commitment", "service_id", "channel", "measure", "target", "scope", "checkable", "n", "met", "share",
               "low", "high", "median_days"]
    if not rows:
        return pd.DataFrame(columns=columns)
    checks: list[tuple[int, str, str, float, str]] = []
    ev = _canonical(events, "en") if any(m in _CASE_MEASURES for _, _, m, _, _ in rows) else None
    if ev is not None:
        # the channels each commitment covers in the log (a superset is harmless: empty checks are dropped),
        # read from the distinct (service, channel) pairs so that a log of millions of events costs one pass
        if "channel" in ev.columns:
            cols = ["channel", *(["service_id"] if "service_id" in ev.columns else [])]
            pairs = ev[cols].dropna(subset=["channel"]).drop_duplicates()
            ch_key = pd.Series([_channel_key(c) if isinstance(c, str) else None for c in pairs["channel"]],
                               index=pairs.index, dtype=object)
            sid_key = pairs["service_id"].astype("string").str.strip().str.casefold() if "service_id" in cols else None
        else:
            ch_key, sid_key = pd.Series([], dtype=object), None
        log_channels: dict[str, list[str]] = {}
        for k, sid, measure, target, ch in rows:
            if measure not in _CASE_MEASURES:
                continue
            checks.append((k, sid, measure, target, ch))
            if ch != "*":
                continue
            if sid not in log_channels:
                if sid == "*":
                    sel = ch_key
                elif sid_key is None or not len(ch_key):
                    sel = ch_key.iloc[0:0]
                else:
                    sel = ch_key[(sid_key == sid.casefold()).fillna(False).to_numpy(dtype=bool)]
                log_channels[sid] = _channel_order(sel.dropna().unique())
            checks.extend((k, sid, measure, target, c) for c in log_channels[sid])
    out = pd.DataFrame(columns=columns)
    if checks:
        query = pd.DataFrame(checks, columns=["commitment", "service_id", "measure", "target", "channel"])
        got = standards_share(ev, query[["service_id", "measure", "target", "channel"]], confidence=confidence,
                              min_group_size=min_group_size, end_activities=end_activities,
                              response_activities=response_activities)
        got = got.drop(columns=["default"]).drop_duplicates(["service_id", "channel", "measure", "target"])
        got["service_id"] = got["service_id"].astype(str)
        got["channel"] = got["channel"].astype(str)
        out = query.merge(got, on=["service_id", "channel", "measure", "target"], how="inner", sort=False)
        out = out.assign(scope="case_log", checkable=True)
    other = pd.DataFrame([(k, sid, ch, m, target, _measure_scope(m), False) for k, sid, m, target, ch in rows
                          if m not in _CASE_MEASURES],
                         columns=["commitment", "service_id", "channel", "measure", "target", "scope", "checkable"])
    parts = [p for p in (out, other) if len(p)]
    if not parts:
        return pd.DataFrame(columns=columns)
    both = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    both["_pooled"] = both["channel"] != "*"
    both = both.sort_values(["commitment", "_pooled"], kind="stable", ignore_index=True)
    return both.reindex(columns=columns)


@dataclass(frozen=True)
class StandardsConsistency:
    """Whether each service promises the same thing on all its channels (see :func:`standards_consistency`).

    ``services``: one row per (service, measure) with ``scope`` (case_log / answer / kpi), ``own`` (the
    service has a commitment of its own on the measure), ``channels`` (the channels compared),
    ``targets`` (the distinct targets in force), ``missing`` (channels without any commitment),
    ``different``, ``consistent``; the service ``*`` stands for the commitments made for all services.
    ``cells``: one row per (service, measure, channel) with the ``target`` in force (NaN: none),
    ``rule`` (which commitment applies: service+channel, service, all+channel, all) and ``expected``
    (whether a commitment is expected on that channel).
    """

    services: pd.DataFrame
    cells: pd.DataFrame

    @property
    def flagged(self) -> tuple[str, ...]:
        """Services (not ``*``) whose channels promise different things, in table order."""
        bad = self.services.loc[~self.services["consistent"].astype(bool) & (self.services["service_id"] != "*")]
        return tuple(dict.fromkeys(bad["service_id"].astype(str)))

    @property
    def all_services_flagged(self) -> bool:
        """The all-services (``*``) commitments themselves differ by channel or leave a channel out."""
        star = self.services.loc[self.services["service_id"] == "*"]
        return bool(len(star)) and not bool(star["consistent"].astype(bool).all())


def standards_consistency(standards: pd.DataFrame, *, channels: Mapping[str, Sequence[str]] | None = None
                          ) -> StandardsConsistency:
    """Flag services whose channels promise different things (the experience should be one, whatever
    the channel: intake contract, Standards; UK Government Service Standard point 3, "Provide a
    joined-up experience across all channels", 2019).

    For each service and measure, the commitment in force on a channel is the most specific row of
    the Standards sheet: (service, channel), else (service, ``*``), else (``*``, channel), else
    (``*``, ``*``).  A service is flagged when the targets in force differ between its channels, or
    when one of its channels has no commitment while another has one.  *channels* maps each service
    to the channels it is offered on (Channels sheet, case log); channels named by a commitment of
    the service count too.  ``answer_seconds`` is expected only on live channels (phone, chat,
    counter); for a KPI only differing targets are flagged (which channels a KPI covers is not known).
    The service ``*`` checks the all-services commitments over every channel known.
    """
    rows = _std_rows(standards)
    svc_cols = ["service_id", "measure", "scope", "own", "channels", "targets", "missing", "different", "consistent"]
    cell_cols = ["service_id", "measure", "channel", "target", "rule", "expected"]
    offered: dict[str, list[str]] = {}
    for sid, chans in (channels or {}).items():
        if _blank(sid):
            continue
        offered[str(sid).strip()] = _channel_order(_channel_key(c) for c in chans if not _blank(c))
    commit: dict[tuple[str, str, str], float] = {}
    for _, sid, measure, target, ch in rows:
        commit.setdefault((sid, measure, ch), target)
    measures = list(dict.fromkeys(m for _, _, m, _, _ in rows))
    every = _channel_order(c for chans in offered.values() for c in chans)
    services = ["*", *dict.fromkeys([*offered, *(sid for _, sid, _, _, _ in rows if sid != "*")])]
    out_s, out_c = [], []
    for measure in measures:
        scope = _measure_scope(measure)
        for sid in services:
            named = [c for (s, m, c) in commit if s == sid and m == measure and c != "*"]
            chans = _channel_order([*(every if sid == "*" else offered.get(sid, [])), *named])
            own = any(s == sid and m == measure for (s, m, _) in commit) and sid != "*"
            # most specific first; for the all-services row only the all-services commitments apply
            chain = [(rule, s, by_channel) for rule, s, by_channel in
                     (("service+channel", sid, True), ("service", sid, False), ("all+channel", "*", True),
                      ("all", "*", False)) if sid != "*" or s == "*"]
            in_force: dict[str, tuple[float, str]] = {}
            for c in chans:
                for rule, s, by_channel in chain:
                    key = (s, measure, c if by_channel else "*")
                    if key in commit:
                        in_force[c] = (commit[key], rule)
                        break
            if not in_force:
                continue
            targets = tuple(sorted({round(v, 9) for v, _ in in_force.values()}))
            missing = tuple(c for c in chans if c not in in_force and scope != "kpi"
                            and (scope != "answer" or c in _LIVE_CHANNELS))
            different = len(targets) > 1
            consistent = not different and not missing
            if not (sid == "*" or own or not consistent):
                continue
            out_s.append((sid, measure, scope, own, tuple(chans), targets, missing, different, consistent))
            out_c.extend((sid, measure, c, *in_force.get(c, (np.nan, "")),
                          scope != "answer" or c in _LIVE_CHANNELS or c in in_force) for c in chans)
    services_frame = pd.DataFrame(out_s, columns=svc_cols)
    services_frame = services_frame.astype({"own": bool, "different": bool, "consistent": bool})
    return StandardsConsistency(services_frame, pd.DataFrame(out_c, columns=cell_cols))


# =========================================================================== channel parity
@dataclass(frozen=True)
class ChannelParity:
    """The Channels sheet read as parity: which channel offers which service, and how completely.

    ``availability``: service × channel with "yes"/"partial"/"no" (missing: not listed);
    ``end_to_end``: service × channel booleans; ``frontal``: services available at the counter;
    ``without_digital``: frontal services that neither web nor app offers end to end;
    ``takeup``: per service, the digital share of requests (``source`` "log" when the case log
    gives it, else "intake" from ``share_pct``); ``volumes``: service × channel case counts from the log.
    """

    availability: pd.DataFrame
    end_to_end: pd.DataFrame
    frontal: tuple[str, ...]
    without_digital: tuple[str, ...]
    takeup: pd.DataFrame
    volumes: pd.DataFrame


def channel_parity(channels: pd.DataFrame, *, cases: pd.DataFrame | None = None) -> ChannelParity:
    """Channel parity from the Channels sheet, with channel volumes from a per-case table.

    A service is *frontal* when it is available (fully or partly) at the counter, and has a
    *digital match* when web or app offers it fully and end to end (intake contract; UK Government
    Service Standard point 3, "Provide a joined-up experience across all channels", 2019).
    ``cases``: one row per case with ``service_id`` and ``channel`` (e.g. ``CaseLogAnalysis.cases``).
    """
    need = {"service_id", "channel", "available"}
    if not need <= set(channels.columns):
        raise AnalysisError(t("journeys.error.columns", "en", missing=", ".join(sorted(need - set(channels.columns))),
                              found=", ".join(map(str, channels.columns))))
    ch = channels.loc[channels["service_id"].notna() & channels["channel"].notna()].copy()
    ch["channel"] = [_channel_key(c) for c in ch["channel"]]
    ch["available"] = ch["available"].astype("string").str.lower()
    e2e_col = ch["end_to_end"].astype("string").str.lower() if "end_to_end" in ch else pd.Series(pd.NA, index=ch.index)
    ch["e2e"] = (e2e_col == "yes").fillna(False).astype(bool)
    order = [c for c in _CHANNELS.keys if c in set(ch["channel"])] + sorted(
        {str(c) for c in ch["channel"]} - set(_CHANNELS.keys))
    services = list(dict.fromkeys(ch["service_id"].astype(str)))
    avail = ch.pivot_table(index="service_id", columns="channel", values="available", aggfunc="first")
    avail = avail.reindex(index=services, columns=order)
    e2e = ch.pivot_table(index="service_id", columns="channel", values="e2e", aggfunc="max").reindex(
        index=services, columns=order).fillna(False).astype(bool)
    counter = ch.loc[(ch["channel"] == "counter") & ch["available"].isin(["yes", "partial"]), "service_id"]
    frontal = tuple(dict.fromkeys(counter.astype(str)))
    digital_ok = ch.loc[ch["channel"].isin(_DIGITAL) & (ch["available"] == "yes") & ch["e2e"], "service_id"]
    without = tuple(s for s in frontal if s not in set(digital_ok.astype(str)))
    volumes = pd.DataFrame()
    take = []
    if cases is not None and {"service_id", "channel"} <= set(cases.columns):
        known = cases.loc[cases["service_id"].notna() & cases["channel"].notna(), ["service_id", "channel"]]
        if len(known):
            volumes = pd.crosstab(known["service_id"].astype(str), known["channel"].astype(str))
    for s in sorted(set(services) | set(volumes.index)):
        if s in volumes.index and volumes.loc[s].sum() > 0:
            row = volumes.loc[s]
            total = int(row.sum())
            digital = int(row[[c for c in row.index if c in _DIGITAL]].sum())
            take.append((s, total, digital, digital / total, "log"))
        else:
            sub = ch.loc[ch["service_id"].astype(str) == s]
            pct = sub["share_pct"] if "share_pct" in sub else pd.Series(dtype=float)
            if pct.notna().any():
                dig = float(pct[sub["channel"].isin(_DIGITAL)].fillna(0).sum())
                take.append((s, None, None, min(dig / 100.0, 1.0), "intake"))
    takeup = pd.DataFrame(take, columns=["service_id", "cases", "digital_cases", "digital_share", "source"])
    return ChannelParity(avail, e2e, frontal, without, takeup, volumes)


# =========================================================================== journey maps
_EVIDENCE_FILL = {"none": 0.0, "partial": 0.5, "data": 1.0}
_PAIN_KINDS = (  # (metric, pattern): the first match decides which number of the case log backs a pain point
    ("handoff", re.compile(r"hand[- ]?off|transfer|pass(?:ed|es)? (?:on|between)|bounc|referr|between units|"
                           r"back and forth|ping|העבר|מועבר|עובר בין|עוברת בין|הלוך ושוב|בין יחידות|פינג", re.I)),
    ("rework", re.compile(r"rework|resubmi|missing doc|several rounds|restart|start(?:s)? again|correct|"
                          r"תיקון|השלמת|מסמכים חסרים|הגשה מחדש|סבבים|חוזרת לתחילת|מתחיל מחדש", re.I)),
    ("repeat", re.compile(r"repeat|call(?:s|ed)? (?:back|again)|chas|follow[- ]?up|contact again|no update|"
                          r"פנייה חוזרת|פניות חוזרות|לחזור|שוב|מעקב|אין עדכון", re.I)),
    ("open", re.compile(r"never closed|not closed|unresolved|not resolved|no answer|no reply|"
                        r"לא נסגר|לא נפתר|ללא מענה|אין מענה", re.I)),
    ("sla", re.compile(r"wait|slow|late|delay|deadline|weeks|days|months|"
                       r"המתנה|ממתינ|איחור|עיכוב|מתעכב|יעד|שבועות|ימים|חודשים", re.I)),
)
#: At a real-time touchpoint (a call, a visit) a wait is a queue, not the case's resolution time: the
#: deadline numbers back it only when the text speaks of days or weeks.
_QUEUE_CHANNELS = ("phone", "counter", "chat", "kiosk")
_LONG_WAIT = re.compile(r"deadline|weeks|days|months|decision|יעד|שבועות|ימים|חודשים|החלטה|ועדה", re.I)


def _badge(ax, x: float, y: float, number: int) -> None:
    """A numbered pain-point callout: a round red badge (a marker, so it stays round on any axes)."""
    ax.plot([x], [y], marker="o", ms=13, color=charts.BAD, markeredgecolor="white", lw=0, zorder=6)
    ax.text(x, y, str(number), ha="center", va="center", color="white", fontsize=7, fontweight="bold", zorder=7)


def _wrap(text: object, width: int, lines: int) -> str:
    if text is None or (isinstance(text, float) and math.isnan(text)) or text is pd.NA:
        return ""
    out = textwrap.wrap(str(text), width=max(width, 6), break_long_words=True)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: max(width - 1, 1)] + "…"
    return "\n".join(out)


def _blank(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and not v.strip())


def journey_map(steps: pd.DataFrame, *, lang: str, title: str | None = None,
                callouts: Mapping[int, str] | None = None, accent: str | None = None) -> Figure:
    """A slide-ready (16:9) journey map of one journey, in the service-blueprint layout.

    Stage columns across the top, the citizen's steps (touchpoints), a channel lane, the emotion
    curve (−2…+2), numbered pain-point callouts (``callouts``: step number → a sentence from the
    case log backing the pain), moments of truth (stars), the line of visibility with the backstage
    units/systems beneath it, and the evidence level of each step (empty, half or full circle).
    For Hebrew, time runs right to left.  References: Shostack (HBR 1984); Bitner, Ostrom & Morgan,
    "Service Blueprinting: A Practical Technique for Service Innovation", CMR 50(3), 2008;
    Stickdorn et al., *This Is Service Design Doing* (2018), ch. 5 (journey maps).
    """
    from matplotlib.patches import FancyBboxPatch, Rectangle

    need = {"step", "stage", "touchpoint", "channel"}
    if not need <= set(steps.columns):
        raise AnalysisError(t("journeys.error.columns", lang, missing=", ".join(sorted(need - set(steps.columns))),
                              found=", ".join(map(str, steps.columns))))
    data = steps.sort_values("step", kind="stable").reset_index(drop=True)
    n = len(data)
    if n == 0:
        raise AnalysisError(t("journeys.error.no_steps", lang))
    colour = charts.accent(accent)
    rtl = lang == "he"
    lab_w = 1.75
    fig, ax = charts.new_figure(size=charts.SLIDE_SIZE)
    ax.set_axis_off()
    ax.set_xlim(-lab_w, n) if not rtl else ax.set_xlim(0, n + lab_w)
    ax.set_ylim(-0.2, 10.1)
    ha = "right" if rtl else "left"

    def X(i: float) -> float:
        return (n - i - 0.5) if rtl else (i + 0.5)

    lab_x = n + lab_w - 0.05 if rtl else -lab_w + 0.05
    fs = 8 if n <= 8 else 7 if n <= 12 else 6
    width = max(int(13 * 9 / max(n, 1) * (8 / fs)), 8)
    lanes = (("stage", 9.45), ("touchpoint", 8.2), ("channel", 7.15), ("emotion", 5.35), ("backstage", 3.0),
             ("evidence", 2.3))
    for key, y in lanes:
        ax.text(lab_x, y, t(f"journeys.lane.{key}", lang), ha=ha, va="center", fontsize=9, fontweight="bold",
                color="#333333")
    # stage columns
    stages = data["stage"].astype("string").fillna("").tolist()
    i = 0
    k = 0
    while i < n:
        j = i
        while j + 1 < n and stages[j + 1] == stages[i]:
            j += 1
        left = min(X(i), X(j)) - 0.5
        ax.add_patch(Rectangle((left, 1.95), j - i + 1, 8.05, facecolor="#f3f5f7" if k % 2 == 0 else "#ffffff",
                               edgecolor="none", zorder=0))
        ax.add_patch(FancyBboxPatch((left + 0.04, 9.15), j - i + 1 - 0.08, 0.6, boxstyle="round,pad=0.02",
                                    facecolor=colour, edgecolor="none", alpha=0.9))
        ax.text(left + (j - i + 1) / 2, 9.45, _wrap(stages[i], width * (j - i + 1), 2), ha="center", va="center",
                color="white", fontsize=fs + 1, fontweight="bold")
        i = j + 1
        k += 1
    # steps, channels, backstage, evidence
    pains: list[tuple[int, object, str | None]] = []
    for i, row in data.iterrows():
        x = X(i)
        ax.add_patch(FancyBboxPatch((x - 0.44, 7.6), 0.88, 1.3, boxstyle="round,pad=0.02", facecolor="white",
                                    edgecolor=charts.GREY, linewidth=0.8))
        ax.text(x, 8.8, str(row["step"]), ha="center", va="top", fontsize=fs - 1, color=charts.GREY)
        ax.text(x, 8.15, _wrap(row["touchpoint"], width, 4), ha="center", va="center", fontsize=fs)
        ch = row["channel"]
        label = _CHANNELS.label(ch, lang) if ch in _CHANNELS.keys else ("" if _blank(ch) else str(ch))
        ax.add_patch(FancyBboxPatch((x - 0.4, 6.95), 0.8, 0.4, boxstyle="round,pad=0.02",
                                    facecolor=charts.PALETTE[(_CHANNELS.keys.index(ch) if ch in _CHANNELS.keys else 7) % 8],
                                    edgecolor="none", alpha=0.25))
        ax.text(x, 7.15, label, ha="center", va="center", fontsize=fs)
        back = " · ".join(str(v) for v in (row.get("unit"), row.get("backstage")) if not _blank(v))
        ax.text(x, 3.0, _wrap(back, width, 4), ha="center", va="center", fontsize=fs - 0.5, color="#444444")
        ev = row.get("evidence")
        ev = ev if ev in _EVIDENCE_FILL else "none"
        fill = {"none": "none", "partial": "right" if rtl else "left", "data": "full"}[ev]
        ax.plot([x - 0.3 if not rtl else x + 0.3], [2.3], marker="o", ms=9, fillstyle=fill, markerfacecolor="#333333",
                markerfacecoloralt="white", markeredgecolor="#333333", lw=0)
        ax.text(x - 0.2 if not rtl else x + 0.2, 2.3, t(f"journeys.evidence.{ev}", lang), ha="left" if not rtl else "right",
                va="center", fontsize=fs - 1)
        if not _blank(row.get("pain_point")):
            pains.append((i, row["pain_point"], (callouts or {}).get(int(row["step"]))))
    # emotion curve
    emo = pd.to_numeric(data.get("emotion", pd.Series([np.nan] * n)), errors="coerce").astype(float).to_numpy()
    ys = 5.35 + emo * 0.55
    xs = np.array([X(i) for i in range(n)])
    ax.plot([0, n], [5.35, 5.35], color="#cccccc", lw=0.8, ls=":")
    for e, lbl in ((2, "+2"), (0, "0"), (-2, "−2")):
        ax.text(n + 0.08 if rtl else -0.08, 5.35 + e * 0.55, lbl, ha="left" if rtl else "right", va="center",
                fontsize=7, color=charts.GREY)
    ax.plot(xs, ys, color=colour, lw=2, zorder=3)
    for x, y, e in zip(xs, ys, emo):
        if not math.isnan(e):
            ax.plot([x], [y], "o", ms=8, color=charts.GOOD if e > 0 else charts.BAD if e < 0 else charts.NEUTRAL, zorder=4)
    mot = data.get("moment_of_truth", pd.Series([None] * n)).astype("string").fillna("") == "yes"
    for i in np.flatnonzero(mot.to_numpy()):
        y = ys[i] if not math.isnan(ys[i]) else 5.35
        ax.plot([xs[i]], [y + 0.45], marker="*", ms=15, color="#E69F00", markeredgecolor="#333333", zorder=5)
    # pain callouts
    for k, (i, _, _) in enumerate(pains, start=1):
        y = ys[i] if not math.isnan(ys[i]) else 5.35
        cx = xs[i] + (0.26 if not rtl else -0.26)
        _badge(ax, cx, max(y - 0.25, 4.2), k)
    # line of visibility
    ax.plot([0, n], [3.85, 3.85], color="#333333", lw=1, ls="--")
    ax.text(lab_x, 3.85, t("journeys.lane.visibility", lang), ha=ha, va="center", fontsize=8, style="italic")
    # legend line and pain-point list
    legend = t("journeys.map.legend", lang)
    ax.text(n if rtl else 0, 1.85, legend, ha="right" if rtl else "left", va="center", fontsize=7, color="#444444")
    if pains:
        cols = 1 if len(pains) <= 3 else 2
        per = math.ceil(len(pains) / cols)
        col_w = (n + lab_w) / cols
        for k, (i, text, backing) in enumerate(pains, start=1):
            c, r = divmod(k - 1, per)
            line = str(text) + (f" — {backing}" if backing else "")
            limit = int(190 / cols * (8 / fs))
            line = line if len(line) <= limit else line[: limit - 1] + "…"
            y = 1.45 - r * 0.42
            x0 = (n + lab_w - 0.1 - c * col_w) if rtl else (-lab_w + c * col_w + 0.1)
            _badge(ax, x0, y, k)
            ax.text(x0 - 0.15 if rtl else x0 + 0.15, y, ("\u200f" if rtl else "") + line, ha=ha, va="center", fontsize=fs,
                    color="#222222")
    charts.finish(ax, lang=lang, title=title, mirror_x=False, value_axis="none")
    return fig


# =========================================================================== process map
def process_map(dfg: DirectlyFollows, *, lang: str, min_share: float = 0.05, min_count: int = 1,
                max_activities: int = 12, title: str | None = None, accent: str | None = None) -> Figure:
    """The directly-follows graph drawn with matplotlib (no Graphviz): activities as boxes laid out by
    their mean position in the cases, edges with width by frequency, labelled with count and median
    waiting time.  Rare paths are hidden: edges followed by fewer than ``min_share`` of the cases (or
    ``min_count`` times) and activities beyond the ``max_activities`` most frequent.
    Reference: the frequency/performance-annotated DFG of van der Aalst (2016), §6.2 and §9.4.
    """
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
    from matplotlib.path import Path as MPath

    colour = charts.accent(accent)
    fig, ax = charts.new_figure(size=charts.SLIDE_SIZE)
    ax.set_axis_off()
    freq = dfg.frequency.loc[lambda s: s >= max(min_count, 1)].sort_values(ascending=False, kind="stable")
    shown = list(freq.index[:max_activities])
    threshold = max(min_count, math.ceil(min_share * dfg.n_cases))
    edges = dfg.edges.loc[dfg.edges["source"].isin(shown) & dfg.edges["target"].isin(shown)
                          & (dfg.edges["count"] >= threshold)]
    linked = set(edges["source"]) | set(edges["target"])
    shown = [a for a in shown if a in linked] or shown[:1]
    if not len(freq):
        ax.text(0.5, 0.5, t("journeys.map.nothing", lang), ha="center", va="center", transform=ax.transAxes)
        charts.finish(ax, lang=lang, title=title, mirror_x=False, value_axis="none")
        return fig
    order = dfg.position.loc[shown].sort_values(kind="stable").index.tolist()
    rows = (0.0, 1.1, -1.1)
    pos = {a: (float(i), rows[i % len(rows)]) for i, a in enumerate(order)}
    hw, hh = 0.42, 0.3  # half width/height of an activity box
    top = max(edges["count"].max() if len(edges) else 1, 1)
    tt = np.linspace(0.0, 1.0, 81)[:, None]

    def outside(pts: np.ndarray, centre: tuple[float, float]) -> np.ndarray:
        return (np.abs(pts[:, 0] - centre[0]) > hw + 0.02) | (np.abs(pts[:, 1] - centre[1]) > hh + 0.03)

    for src, dst, cnt, wait in edges[["source", "target", "count", "median_wait_hours"]].itertuples(index=False):
        lw = 0.6 + 4.0 * cnt / top
        if src == dst:
            x, y = pos[src]
            ax.text(x, y + hh + 0.05, f"↻ {fmt_number(cnt, lang)}", ha="center", va="bottom", fontsize=7,
                    color=charts.BAD)
            continue
        p1, p2 = np.array(pos[src]), np.array(pos[dst])
        d = p2 - p1
        dist = float(np.hypot(*d)) or 1.0
        bend = 0.2 + 0.12 * min(abs(d[0]), 6)
        ctrl = (p1 + p2) / 2 + np.array([-d[1], d[0]]) / dist * bend
        curve = (1 - tt) ** 2 * p1 + 2 * (1 - tt) * tt * ctrl + tt ** 2 * p2
        keep = outside(curve, pos[src]) & outside(curve, pos[dst])
        if keep.sum() < 2:
            continue
        lo, hi = np.flatnonzero(keep)[[0, -1]]
        seg = curve[lo:hi + 1]
        forward = d[0] > 0
        ax.add_patch(FancyArrowPatch(path=MPath(seg), arrowstyle="-|>", mutation_scale=10 + 2 * cnt / top, lw=lw,
                                     color=colour if forward else charts.BAD, alpha=0.6, shrinkA=0, shrinkB=0,
                                     zorder=2))
        mx, my = seg[len(seg) // 2]
        ax.text(mx, my, f"{fmt_number(cnt, lang)} · {_hours(wait, lang)}", ha="center", va="center", fontsize=6.5,
                color="#222222", zorder=4, bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85))
    for a, (x, y) in pos.items():
        ax.add_patch(FancyBboxPatch((x - hw, y - hh), 2 * hw, 2 * hh, boxstyle="round,pad=0.02", facecolor="white",
                                    edgecolor=colour, lw=1.2, zorder=5))
        ax.text(x, y + 0.06, _wrap(a, 15, 3), ha="center", va="center", fontsize=7, zorder=6)
        ax.text(x, y - hh + 0.08, fmt_number(int(dfg.frequency[a]), lang), ha="center", va="center", fontsize=6.5,
                color=charts.GREY, zorder=6)
    ax.set_xlim(-0.6, max(len(order) - 0.4, 2.4))
    ax.set_ylim(-2.2, 2.2)
    hidden_act = max(len(dfg.frequency) - len(shown), 0)
    note = t("journeys.map.hidden", lang, edges=fmt_number(len(dfg.edges) - len(edges), lang),
             count=fmt_number(threshold, lang), activities=fmt_number(hidden_act, lang)) + " " + t("journeys.map.back", lang)
    ax.text(1.0 if lang == "he" else 0.0, 0.0, note, transform=ax.transAxes, ha="right" if lang == "he" else "left",
            va="top", fontsize=7.5, color="#555555")
    charts.finish(ax, lang=lang, title=title, mirror_x=True, value_axis="none")
    return fig


def _hours(hours: float, lang: str) -> str:
    if hours is None or (isinstance(hours, float) and math.isnan(hours)):
        return "—"
    if hours >= 48:
        return t("journeys.unit.days", lang, value=fmt_number(hours / 24, lang, digits=1))
    if hours >= 1:
        return t("journeys.unit.hours", lang, value=fmt_number(hours, lang, digits=1))
    return t("journeys.unit.minutes", lang, value=fmt_number(hours * 60, lang))


# =========================================================================== the analysis for one client
@dataclass(frozen=True)
class JourneysResult:
    """Journey maps, case-log analytics and channel parity for one engagement (see :func:`analyse`)."""

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

    def skipped(self, lang: str) -> str:
        """A sentence naming what was skipped and why (empty when nothing was)."""
        parts = []
        if not self.available:
            return t("journeys.skipped.all", lang)
        if self.log is None:
            parts.append(t("journeys.skipped.cases", lang))
        if not self.journeys_available:
            parts.append(t("journeys.skipped.journey", lang))
        if self.parity is None:
            parts.append(t("journeys.skipped.channels", lang))
        return " ".join(parts)

    # ---- helpers
    def _service_names(self) -> dict[str, str]:
        if self.services.empty or "service_name" not in self.services:
            return {}
        return {str(s): str(n) for s, n in zip(self.services["service_id"], self.services["service_name"]) if not _blank(n)}

    def _service_label(self, sid: object) -> str:
        names = self._service_names()
        return f"{sid} {names[str(sid)]}" if str(sid) in names else str(sid)

    def _channel_label(self, ch: object, lang: str) -> str:
        return _CHANNELS.label(ch, lang) if ch in _CHANNELS.keys else str(ch)

    def _ideal(self) -> tuple[str, ...] | None:
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

    def _top_handoffs(self, n: int = 5) -> list[dict[str, object]]:
        if self.log is None:
            return []
        pairs = suppress(self.log.handoffs.pairs, count="count", min_size=self.min_group_size)
        return [{"from": str(a), "to": str(b), "count": int(c)}
                for a, b, c in pairs[["from", "to", "count"]].head(n).itertuples(index=False)]

    # ---- summary
    def summary(self) -> dict[str, object]:
        """The ``journey`` and ``channels`` blocks of summary.json (plain JSON types; None when unknown)."""
        journey: dict[str, object] = {k: None for k in (
            "cases", "events", "variants", "top_variant_share", "median_case_days", "p90_case_days", "sla_breach_rate",
            "handoffs_per_case", "repeat_contact_rate", "fcr")}
        journey["top_handoffs"] = []
        journey["not_measurable"] = []
        if self.log is not None:
            log = self.log
            table = log.variants.table
            journey.update({
                "cases": int(log.n_cases),
                "events": int(log.n_events),
                "variants": int(len(table)),
                "top_variant_share": _round(float(table["share"].iloc[0]) if len(table) else None),
                "median_case_days": _round(log.quantile("days", 0.5)),
                "p90_case_days": _round(log.quantile("days", 0.9)),
                "sla_breach_rate": _round(log.rate("sla_breach")),
                "handoffs_per_case": _round(log.handoffs.per_case_mean) if log.units_known else None,
                "repeat_contact_rate": _round(log.repeats.rate),
                "fcr": _round(log.fcr),
                "top_handoffs": self._top_handoffs(),
            })
            journey["not_measurable"] = list(log.not_measurable)
            if not log.per_event:
                journey.update({"variants": None, "top_variant_share": None, "handoffs_per_case": None, "fcr": None,
                                "top_handoffs": []})
        channels = {"frontal_services": list(self.parity.frontal) if self.parity else [],
                    "frontal_without_digital": list(self.parity.without_digital) if self.parity else []}
        return {"journey": journey, "channels": channels}

    # ---- tables
    def tables(self, lang: str) -> dict[str, pd.DataFrame]:
        """Report/workbook tables, headers translated, groups under ``min_group_size`` suppressed.

        Among them ``capability_by_group`` (monthly median/p90 end-to-end days per service, channel and
        unit), ``standards`` (each commitment against the case log, pooled and per channel) and
        ``standards_consistency`` (per service: the target in force on each channel, flagged when the
        channels promise different things; available without a case log too)."""
        out: dict[str, pd.DataFrame] = {}
        m = self.min_group_size
        if self.log is not None:
            log = self.log
            out["data_quality"] = log.quality.table(lang)
            for dim in ("service_id", "channel", "unit"):
                table = suppress(breakdown(log.cases, dim), count="cases", min_size=m)
                if len(table):
                    if dim == "service_id":
                        table[dim] = [self._service_label(s) for s in table[dim]]
                    elif dim == "channel":
                        table[dim] = [self._channel_label(c, lang) for c in table[dim]]
                    out[f"kpis_by_{dim.replace('_id', '')}"] = self._kpi_headers(table, dim, lang)
            cap = self._capability()
            if len(cap):
                out["capability"] = cap.assign(month=cap["month"].astype(str)).rename(columns={
                    "month": t("journeys.col.month", lang), "cases": t("journeys.col.cases", lang),
                    "median_days": t("journeys.col.median_days", lang), "p90_days": t("journeys.col.p90_days", lang),
                    "sla_met": t("journeys.col.sla_met", lang)})
            groups = self._capability_groups(lang)
            if len(groups):
                out["capability_by_group"] = groups
        if self.log is not None and log.per_event:
            out["variants"] = self._variants_table(lang)
            out["ideal_path"] = self._ideal_table(lang)
            dev = self._deviations()
            if len(dev):
                out["deviations"] = dev.rename(columns={"activity": t("journeys.col.activity", lang),
                                                        "cases": t("journeys.col.cases", lang),
                                                        "share": t("journeys.col.share", lang)})
            pairs = suppress(log.handoffs.pairs, count="count", min_size=m)
            out["handoffs"] = pairs.assign(median_hours_lost=pairs["median_hours_lost"].round(2)).rename(columns={
                "from": t("journeys.col.from", lang), "to": t("journeys.col.to", lang),
                "count": t("journeys.col.handoffs", lang), "median_hours_lost": t("journeys.col.median_hours_lost", lang),
                "pingpong": t("journeys.col.pingpong", lang)})
            matrix = self._handoff_matrix()
            if len(matrix):
                out["handoff_matrix"] = matrix.rename_axis(index=t("journeys.col.from", lang),
                                                           columns=t("journeys.col.to", lang)).reset_index()
        if self.log is not None and not log.per_event:
            out["not_measurable"] = pd.DataFrame({
                t("journeys.col.measure", lang): [t(f"journeys.measure.{k}", lang) for k in log.not_measurable],
                t("journeys.col.reason", lang): t("journeys.reason.per_case", lang)})
        if self.log is not None:
            contact = self._contact_table(lang)
            if len(contact):
                out["repeat_contact"] = contact
            rework = log.rework_by_activity.loc[lambda s: s >= m]
            if len(rework) and log.per_event:
                out["rework"] = pd.DataFrame({t("journeys.col.activity", lang): rework.index.astype(str),
                                              t("journeys.col.cases", lang): rework.to_numpy(dtype=np.int64)})
            std = self._standards_table(lang)
            if len(std):
                out["standards"] = std
        consistency = self._consistency_table(lang)
        if len(consistency):
            out["standards_consistency"] = consistency
        if self.parity is not None:
            out["channel_parity"] = self._parity_table(lang)
            take = self._takeup()
            if len(take):
                out["digital_takeup"] = pd.DataFrame({
                    t("journeys.col.service", lang): [self._service_label(s) for s in take["service_id"]],
                    t("journeys.col.cases", lang): take["cases"].astype("Int64"),
                    t("journeys.col.digital_share", lang): take["digital_share"].round(4),
                    t("journeys.col.source", lang): [t(f"journeys.source.{s}", lang) for s in take["source"]],
                })
        if self.journeys_available:
            out["pain_points"] = self._pain_table(lang)
        return out

    def _kpi_headers(self, table: pd.DataFrame, dim: str, lang: str) -> pd.DataFrame:
        table = table.copy()
        for c in _KPI_COLUMNS[1:]:
            table[c] = pd.to_numeric(table[c], errors="coerce").round(4 if c.endswith(("rate", "met")) or c == "fcr" else 2)
        head = {"service_id": "service", "channel": "channel", "unit": "unit"}[dim]
        return table.rename(columns={dim: t(f"journeys.col.{head}", lang),
                                     **{c: t(f"journeys.col.{c}", lang) for c in _KPI_COLUMNS}})

    def _capability(self) -> pd.DataFrame:
        if self.log is None:
            return pd.DataFrame()
        cases = self.log.cases
        g = cases.groupby("month", sort=True, observed=True)
        cap = pd.DataFrame({"cases": g.size(), "median_days": g["days"].median().round(2),
                            "p90_days": g["days"].quantile(0.9).round(2),
                            "sla_met": (1 - g["sla_breach"].mean()).round(4)}).reset_index()
        return suppress(cap, count="cases", min_size=self.min_group_size).reset_index(drop=True)

    def _capability_groups(self, lang: str) -> pd.DataFrame:
        """Monthly median/p90 end-to-end days per service, channel and unit (groups under min_group_size dropped)."""
        if self.log is None:
            return pd.DataFrame()
        parts = []
        for dim, head in (("service_id", "service"), ("channel", "channel"), ("unit", "unit")):
            tab = suppress(capability_table(self.log.cases, by=dim), count="cases", min_size=self.min_group_size)
            if tab.empty:
                continue
            label = (self._service_label if dim == "service_id" else
                     (lambda c: self._channel_label(c, lang)) if dim == "channel" else str)
            parts.append(pd.DataFrame({
                t("journeys.col.breakdown", lang): t(f"journeys.col.{head}", lang),
                t("journeys.col.group", lang): [label(v) for v in tab[dim]],
                t("journeys.col.month", lang): tab["month"].astype(str).to_numpy(),
                t("journeys.col.cases", lang): tab["cases"].astype(np.int64).to_numpy(),
                t("journeys.col.median_days", lang): tab["median_days"].astype(float).round(2).to_numpy(),
                t("journeys.col.p90_days", lang): tab["p90_days"].astype(float).round(2).to_numpy(),
                t("journeys.col.sla_met", lang): tab["sla_met"].astype(float).round(4).to_numpy(),
            }))
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()

    def _service_capability(self) -> tuple[pd.DataFrame, list[str], list[str], int]:
        """(monthly table of the drawn services, services drawn, services left out for the cap, services too
        small to draw): a service is drawn when at least one month has ``min_group_size`` cases."""
        if self.log is None or not self.log.cases["service_id"].notna().any():
            return pd.DataFrame(), [], [], 0
        cases = self.log.cases
        tab = suppress(capability_table(cases, by="service_id"), count="cases", min_size=self.min_group_size)
        tab["service_id"] = tab["service_id"].astype(str)
        volume = cases["service_id"].dropna().astype(str).value_counts()
        volume = volume.rename_axis("sid").reset_index().sort_values(["count", "sid"], ascending=[False, True],
                                                                      kind="stable")
        eligible = [sid for sid in volume["sid"] if sid in set(tab["service_id"])]
        cap = max(int(self.service_panels), 1)
        return tab, eligible[:cap], eligible[cap:], int(len(volume) - len(eligible))

    def _variants_table(self, lang: str) -> pd.DataFrame:
        log = self.log
        assert log is not None
        table = log.variants.table
        m = self.min_group_size
        shown = table.loc[table["cases"] >= m].head(max(self.top_k, 1))
        rest = table.drop(shown.index)
        rows = pd.DataFrame({
            t("journeys.col.rank", lang): [str(r) for r in shown.index],
            t("journeys.col.variant", lang): [_path_text(v) for v in shown["variant"]],
            t("journeys.col.steps", lang): pd.array(shown["events"], dtype="Int64"),
            t("journeys.col.cases", lang): shown["cases"].astype(np.int64),
            t("journeys.col.share", lang): shown["share"].round(4),
            t("journeys.col.cumulative_share", lang): shown["cumulative_share"].round(4),
            t("journeys.col.median_days", lang): shown["median_days"].round(2),
        }).reset_index(drop=True)
        if len(rest) and int(rest["cases"].sum()) >= m:
            cases = log.cases
            other = cases.loc[cases["variant"].isin(rest.index), "days"]
            rows.loc[len(rows)] = [
                "…", t("journeys.variants.other", lang, count=fmt_number(len(rest), lang),
                       single=fmt_number(int((rest["cases"] == 1).sum()), lang)),
                None, int(rest["cases"].sum()), round(float(rest["cases"].sum() / log.n_cases), 4), 1.0,
                round(float(other.median()), 2)]
        return rows

    def _ideal_table(self, lang: str) -> pd.DataFrame:
        log = self.log
        assert log is not None
        ideal = self._ideal()
        cases = log.cases
        table = log.variants.table
        match = [r for r, v in zip(table.index, table["variant"]) if tuple(v) == ideal]
        on = cases["variant"].isin(match)
        n_on = int(on.sum())
        off = cases.loc[~on]
        extra = (off["events"] - len(ideal or ())).clip(lower=0)
        m = self.min_group_size
        rows = [
            (t("journeys.ideal.path", lang), _path_text(ideal or ())),
            (t("journeys.ideal.given" if self.ideal_path else "journeys.ideal.assumed", lang), ""),
            (t("journeys.ideal.exact", lang), f"{fmt_number(n_on, lang)} ({fmt_percent(n_on / max(len(cases), 1), lang)})"
             if n_on >= m or n_on == 0 else "—"),
            (t("journeys.ideal.days_ideal", lang), fmt_number(cases.loc[on, "days"].median(), lang, digits=1)
             if n_on >= m else "—"),
            (t("journeys.ideal.days_other", lang), fmt_number(off["days"].median(), lang, digits=1) if len(off) >= m else "—"),
            (t("journeys.ideal.extra_steps", lang), fmt_number(extra.median(), lang, digits=1) if len(off) >= m else "—"),
            (t("journeys.ideal.coverage", lang, k=self.top_k), fmt_percent(log.variants.coverage(self.top_k), lang)),
            (t("journeys.ideal.k80", lang), fmt_number(log.variants.variants_for(0.8), lang)),
            (t("journeys.ideal.tail", lang), f"{fmt_number(log.variants.singletons, lang)} "
             f"({fmt_percent(log.variants.singletons / max(log.n_cases, 1), lang)})"),
        ]
        return pd.DataFrame(rows, columns=[t("journeys.col.metric", lang), t("journeys.col.value", lang)])

    def _contact_table(self, lang: str) -> pd.DataFrame:
        """Repeat contact, FCR and channel switching (only when cases can be linked to citizens)."""
        log = self.log
        assert log is not None
        r = log.repeats
        if r.linked_cases < self.min_group_size:
            return pd.DataFrame()
        big = r.citizens_with_repeat >= self.min_group_size
        rows = [
            (t("journeys.contact.linked", lang), fmt_number(r.linked_cases, lang)),
            (t("journeys.contact.window", lang), fmt_number(r.days, lang)),
            (t("journeys.col.repeat_contact_rate", lang), fmt_percent(r.rate, lang, digits=1)),
            (t("journeys.col.fcr", lang), fmt_percent(log.fcr, lang, digits=1)),
            (t("journeys.contact.switching", lang), fmt_percent(r.channel_switching, lang, digits=1) if big else "—"),
        ]
        return pd.DataFrame(rows, columns=[t("journeys.col.metric", lang), t("journeys.col.value", lang)])

    def _deviations(self) -> pd.DataFrame:
        """Activities outside the ideal path, by the number of cases that contain them."""
        log = self.log
        ideal = set(self._ideal() or ())
        if log is None:
            return pd.DataFrame()
        rows = []
        table = log.variants.table
        counts: dict[str, int] = {}
        for v, c in zip(table["variant"], table["cases"]):
            for a in set(v) - ideal:
                counts[a] = counts.get(a, 0) + int(c)
        rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        frame = pd.DataFrame(rows, columns=["activity", "cases"])
        frame["share"] = (frame["cases"] / max(log.n_cases, 1)).round(4)
        return suppress(frame, count="cases", min_size=self.min_group_size).head(15).reset_index(drop=True)

    def _handoff_matrix(self, limit: int = 15) -> pd.DataFrame:
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

    def _measure_label(self, measure: object, lang: str) -> str:
        m = str(measure)
        return t(f"journeys.measure.{m}", lang) if _measure_scope(m) != "kpi" else t("journeys.measure.kpi", lang, kpi=m)

    def _standards_table(self, lang: str) -> pd.DataFrame:
        """Each commitment against the case log, as written and per channel (computed in :func:`analyse` by
        :func:`standards_by_channel`, i.e. by ``measures.standards_share``); already suppressed there."""
        std = self.standards_checked
        if std is None or std.empty:
            return pd.DataFrame()
        std = std.loc[~std["checkable"].astype(bool) | (pd.to_numeric(std["n"], errors="coerce") >= self.min_group_size)]
        if std.empty:
            return pd.DataFrame()
        notes = {"case_log": "", "answer": t("journeys.consistency.answer", lang), "kpi": t("journeys.consistency.kpi", lang)}

        def num(col: str, digits: int) -> list[object]:
            return [None if v is None or v != v else round(float(v), digits) for v in std[col]]

        return pd.DataFrame({
            t("journeys.col.commitment_no", lang): std["commitment"].astype(np.int64).to_numpy(),
            t("journeys.col.service", lang): [t("journeys.all_services", lang) if s == "*" else self._service_label(s)
                                              for s in std["service_id"]],
            t("journeys.col.channel", lang): [t("journeys.all_channels", lang) if c == "*" else self._channel_label(c, lang)
                                              for c in std["channel"]],
            t("journeys.col.measure", lang): [self._measure_label(m, lang) for m in std["measure"]],
            t("journeys.col.target", lang): [float(v) for v in std["target"]],
            t("journeys.col.cases", lang): pd.array([None if v != v else int(v) for v in
                                                     pd.to_numeric(std["n"], errors="coerce")], dtype="Int64"),
            t("journeys.col.met", lang): num("share", 4),
            t("journeys.col.met_low", lang): num("low", 4),
            t("journeys.col.met_high", lang): num("high", 4),
            t("journeys.col.median", lang): num("median_days", 2),
            t("journeys.col.note", lang): [notes[v] for v in std["scope"]],
        })

    def _consistency_table(self, lang: str) -> pd.DataFrame:
        """Per service and measure: the target in force on each channel, and whether the channels agree."""
        c = self.consistency
        if c is None or c.services.empty:
            return pd.DataFrame()
        cells = c.cells.set_index(["service_id", "measure", "channel"])
        order = _channel_order(c.cells["channel"])
        rows = []
        for sid, measure, scope, _own, chans, targets, missing, different, consistent in c.services.itertuples(index=False):
            row = {t("journeys.col.service", lang): t("journeys.all_services", lang) if sid == "*" else self._service_label(sid),
                   t("journeys.col.measure", lang): self._measure_label(measure, lang)}
            shown = []
            for ch in order:
                label = self._channel_label(ch, lang)
                if ch not in chans:
                    row[label] = ""
                    continue
                target, expected = cells.loc[(sid, measure, ch), ["target", "expected"]]
                if target == target:
                    row[label] = _num(target, lang)
                    shown.append(f"{label} {_num(target, lang)}")
                else:
                    row[label] = t("journeys.consistency.none", lang) if expected else ""
            status = []
            if different:
                status.append(t("journeys.consistency.different", lang, targets=", ".join(shown)))
            if missing:
                status.append(t("journeys.consistency.missing", lang,
                                channels=", ".join(self._channel_label(x, lang) for x in missing)))
            row[t("journeys.col.status", lang)] = "; ".join(status) if status else t("journeys.consistency.ok", lang)
            row[t("journeys.col.note", lang)] = t(f"journeys.consistency.{scope}", lang)
            rows.append((not consistent, row))
        ordered = [r for bad, r in rows if bad] + [r for bad, r in rows if not bad]
        return pd.DataFrame(ordered)

    def _parity_table(self, lang: str) -> pd.DataFrame:
        p = self.parity
        assert p is not None
        m = self.min_group_size
        table = pd.DataFrame({t("journeys.col.service", lang): [self._service_label(s) for s in p.availability.index]})
        for ch in p.availability.columns:
            vals = []
            for s in p.availability.index:
                a = p.availability.loc[s, ch]
                if _blank(a):
                    vals.append("")
                    continue
                text = t(f"journeys.available.{a}", lang) if a in ("yes", "no", "partial") else str(a)
                if bool(p.end_to_end.loc[s, ch]):
                    text += " · " + t("journeys.col.end_to_end", lang)
                if not p.volumes.empty and s in p.volumes.index and ch in p.volumes.columns:
                    v = int(p.volumes.loc[s, ch])
                    if v >= m:
                        text += f" · {fmt_number(v, lang)}"
                vals.append(text)
            table[self._channel_label(ch, lang)] = vals
        table[t("journeys.col.frontal", lang)] = [t("journeys.available.yes" if s in p.frontal else "journeys.available.no", lang)
                                                  for s in p.availability.index]
        table[t("journeys.col.digital_match", lang)] = [
            "" if s not in p.frontal else t("journeys.available.no" if s in p.without_digital else "journeys.available.yes", lang)
            for s in p.availability.index]
        return table

    def _takeup(self) -> pd.DataFrame:
        p = self.parity
        if p is None or p.takeup.empty:
            return pd.DataFrame()
        take = p.takeup
        small = (take["source"] == "log") & (take["cases"].fillna(0) < self.min_group_size)
        return take.loc[~small].reset_index(drop=True)

    def _pain_table(self, lang: str) -> pd.DataFrame:
        j = self.journey.sort_values(["journey", "step"], kind="stable")
        j = j.loc[j["pain_point"].notna()] if "pain_point" in j else j.iloc[0:0]
        return pd.DataFrame({
            t("journeys.col.journey", lang): j["journey"].astype(str).tolist(),
            t("journeys.col.step", lang): j["step"].astype("Int64").tolist(),
            t("journeys.col.stage", lang): j["stage"].astype(str).tolist(),
            t("journeys.col.pain_point", lang): j["pain_point"].astype(str).tolist(),
            t("journeys.col.moment_of_truth", lang): [t("journeys.available.yes", lang) if v == "yes" else ""
                                                      for v in j.get("moment_of_truth", pd.Series([None] * len(j)))],
            t("journeys.col.evidence", lang): [t(f"journeys.evidence.{v if v in _EVIDENCE_FILL else 'none'}", lang)
                                               for v in j.get("evidence", pd.Series([None] * len(j)))],
            t("journeys.col.from_log", lang): [self._callout(str(a), int(s), lang) or "" for a, s in zip(j["journey"], j["step"])],
        })

    def _callout(self, journey: str, step: int, lang: str) -> str | None:
        got = self.callouts.get((journey, step))
        if got is None:
            return None
        kind, count, total = got  # type: ignore[misc]
        return t(f"journeys.pain.{kind}", lang, count=fmt_number(count, lang), total=fmt_number(total, lang))

    # ---- figures
    def figures(self, lang: str) -> dict[str, Figure]:
        """Journey maps (``journey_map_1`` …), process map, hand-off matrix, capability (whole log and
        ``capability_by_service``), variants, channel parity and digital take-up (each only when its data
        is there)."""
        figs: dict[str, Figure] = {}
        if self.journeys_available:
            for i, (name, steps) in enumerate(self._journeys(), start=1):
                callouts = {s: self._callout(name, s, lang) for s in steps["step"].astype(int)}
                figs[f"journey_map_{i}"] = journey_map(
                    steps, lang=lang, title=t("journeys.fig.journey_map", lang, journey=name),
                    callouts={k: v for k, v in callouts.items() if v}, accent=self.accent)
        if self.log is not None and self.log.per_event:
            figs["process_map"] = process_map(self.log.dfg, lang=lang, min_share=self.edge_share,
                                              min_count=self.min_group_size, title=t("journeys.fig.process_map", lang),
                                              accent=self.accent)
        if self.log is not None:
            fig = self._fig_capability(lang)
            if fig is not None:
                figs["capability"] = fig
            fig = self._fig_capability_by_service(lang)
            if fig is not None:
                figs["capability_by_service"] = fig
            if self.log.per_event:
                figs["variants"] = self._fig_variants(lang)
                fig = self._fig_handoffs(lang)
                if fig is not None:
                    figs["handoff_matrix"] = fig
        if self.parity is not None and len(self.parity.availability):
            figs["channel_parity"] = self._fig_parity(lang)
            fig = self._fig_takeup(lang)
            if fig is not None:
                figs["digital_takeup"] = fig
        return figs

    def _journeys(self) -> list[tuple[str, pd.DataFrame]]:
        j = self.journey
        names = list(dict.fromkeys(j["journey"].astype(str)))
        return [(n, j.loc[j["journey"].astype(str) == n]) for n in names]

    def _fig_capability(self, lang: str) -> Figure | None:
        cap = self._capability()
        if cap.empty:
            return None
        fig, ax = charts.new_figure()
        x = cap["month"].dt.to_timestamp()
        colour = charts.accent(self.accent)
        ax.plot(x, cap["median_days"], marker="o", color=colour, label=t("journeys.legend.median", lang))
        ax.plot(x, cap["p90_days"], marker="o", color=charts.PALETTE[1], label=t("journeys.legend.p90", lang))
        ax.axhline(self.sla_days, color=charts.BAD, ls="--", lw=1, label=t("journeys.legend.sla", lang, days=self.sla_days))
        ax.set_ylim(bottom=0)
        ax.legend(loc="best")
        charts.finish(ax, lang=lang, title=t("journeys.fig.capability", lang), xlabel=t("journeys.col.month", lang),
                      ylabel=t("journeys.axis.days", lang))
        fig.autofmt_xdate()
        return fig

    def _fig_capability_by_service(self, lang: str) -> Figure | None:
        """Small multiples: one panel per service (the ``service_panels`` largest that have a month of at
        least ``min_group_size`` cases), monthly median and p90 end-to-end days against the median deadline
        of the service's cases; shared time axis, running right to left in Hebrew."""
        import matplotlib.dates as mdates

        tab, shown, rest, small = self._service_capability()
        if not shown:
            return None
        cases = self.log.cases  # type: ignore[union-attr]
        n = len(shown)
        ncols = 1 if n == 1 else 2 if n <= 4 else 3 if n <= 9 else 4
        nrows = math.ceil(n / ncols)
        rtl = lang == "he"
        fig, axes = charts.new_figure(size=(min(3.3 * ncols + 0.8, charts.SLIDE_SIZE[0]), 2.3 * nrows + 1.4),
                                      nrows=nrows, ncols=ncols, sharex=True, squeeze=False)
        colour = charts.accent(self.accent)
        used = set()
        months = tab.loc[tab["service_id"].isin(shown), "month"]
        first, last = months.min(), months.max()
        span = (last - first).n + 1
        locator = mdates.MonthLocator(interval=max(1, math.ceil(span / 5)))
        xlim = (first.to_timestamp() - pd.Timedelta(days=20), last.to_timestamp() + pd.Timedelta(days=20))
        for k, sid in enumerate(shown):
            r, c = divmod(k, ncols)
            c = ncols - 1 - c if rtl else c
            ax = axes[r][c]
            used.add((r, c))
            sub = tab.loc[tab["service_id"] == sid].sort_values("month", kind="stable")
            x = sub["month"].dt.to_timestamp()
            mine = cases.loc[cases["service_id"].astype(str) == sid]
            deadline = float(((mine["deadline"] - mine["start"]) / pd.Timedelta(days=1)).median())
            h1, = ax.plot(x, sub["median_days"], marker="o", ms=3.5, color=colour, label=t("journeys.legend.median", lang))
            h2, = ax.plot(x, sub["p90_days"], marker="o", ms=3.5, color=charts.PALETTE[1],
                          label=t("journeys.legend.p90", lang))
            h3 = ax.axhline(deadline, color=charts.BAD, ls="--", lw=1, label=t("journeys.legend.deadline", lang))
            ax.text(0.98 if rtl else 0.02, deadline, _num(round(deadline, 1), lang),
                    transform=ax.get_yaxis_transform(), ha="right" if rtl else "left", va="bottom", fontsize=7,
                    color=charts.BAD)
            top = float(np.nanmax([sub["p90_days"].max(), deadline, 1.0]))
            ax.set_ylim(0, top * 1.15)
            ax.xaxis.set_major_locator(locator)
            ax.set_xlim(*xlim)
            ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
            ax.tick_params(axis="x", labelsize=7, labelrotation=30)
            ax.tick_params(axis="y", labelsize=7)
            first_col = c == (ncols - 1 if rtl else 0)
            charts.finish(ax, lang=lang, title=_wrap(self._service_label(sid), 28, 1),
                          ylabel=t("journeys.axis.days", lang) if first_col else None)
            ax.title.set_fontsize(9)
            if k == 0:  # the legend once, in the panel where reading starts
                ax.legend(handles=[h1, h2, h3], loc="best", fontsize=7)
        for r in range(nrows):
            for c in range(ncols):
                if (r, c) not in used:
                    axes[r][c].set_visible(False)
                elif (r + 1, c) not in used:
                    axes[r][c].xaxis.set_tick_params(labelbottom=True)
        fig.suptitle(t("journeys.fig.capability_by_service", lang), x=0.99 if rtl else 0.01,
                     ha="right" if rtl else "left", fontsize=12, fontweight="bold")
        notes = []
        if rest:
            names = [self._service_label(x) for x in rest[:8]]
            if len(rest) > 8:
                names.append(t("journeys.capability.more", lang, count=fmt_number(len(rest) - 8, lang)))
            notes.append(t("journeys.capability.rest", lang, services=", ".join(names)))
        if small:
            notes.append(t("journeys.capability.small", lang, count=fmt_number(small, lang),
                           size=fmt_number(self.min_group_size, lang)))
        if notes:
            wrap = max(int(fig.get_figwidth() * 16), 40)
            fig.supxlabel("\n".join(textwrap.fill(x, wrap) for x in notes), x=0.99 if rtl else 0.01,
                          ha="right" if rtl else "left", fontsize=7.5, color="#555555")
        return fig

    def _fig_variants(self, lang: str) -> Figure:
        log = self.log
        assert log is not None
        table = log.variants.table
        shown = table.loc[table["cases"] >= self.min_group_size].head(max(self.top_k, 1))
        fig, ax = charts.new_figure()
        ranks = np.arange(1, len(shown) + 1)
        colour = charts.accent(self.accent)
        ax.bar(ranks, shown["share"], color=colour, label=t("journeys.col.share", lang))
        ax.plot(ranks, shown["cumulative_share"], marker="o", color=charts.PALETTE[1],
                label=t("journeys.col.cumulative_share", lang))
        ax.set_ylim(0, 1)
        ax.set_xticks(ranks)
        ax.yaxis.set_major_formatter(lambda v, _: fmt_percent(v, lang))
        ax.legend(loc="center right" if lang != "he" else "center left")
        charts.finish(ax, lang=lang, title=t("journeys.fig.variants", lang, k=len(shown),
                                              share=fmt_percent(log.variants.coverage(len(shown)), lang)),
                      xlabel=t("journeys.col.rank", lang), ylabel=t("journeys.axis.share_cases", lang))
        return fig

    def _fig_handoffs(self, lang: str) -> Figure | None:
        mat = self._handoff_matrix(limit=12)
        if mat.empty:
            return None
        values = mat.to_numpy(dtype=float, na_value=np.nan)
        fig, ax = charts.new_figure(size=(8.0, 6.0))
        ax.grid(False)
        ax.imshow(np.ma.masked_invalid(values), cmap=charts.accent_cmap(self.accent), aspect="auto")
        for (r, c), v in np.ndenumerate(values):
            if not math.isnan(v):
                ax.text(c, r, fmt_number(v, lang), ha="center", va="center", fontsize=8,
                        color="white" if v > np.nanmax(values) * 0.6 else "#222222")
        ax.set_xticks(range(values.shape[1]), [str(c) for c in mat.columns], rotation=45, ha="right")
        ax.set_yticks(range(values.shape[0]), [str(i) for i in mat.index])
        charts.finish(ax, lang=lang, title=t("journeys.fig.handoffs", lang, size=self.min_group_size),
                      xlabel=t("journeys.col.to", lang), ylabel=t("journeys.col.from", lang))
        return fig

    def _fig_parity(self, lang: str) -> Figure:
        from matplotlib.colors import ListedColormap

        p = self.parity
        assert p is not None
        av = p.availability
        code = {"no": 0.0, "partial": 1.0, "yes": 2.0}
        values = np.array([[code.get(v, np.nan) if isinstance(v, str) else np.nan for v in row] for row in av.to_numpy()],
                          dtype=float)
        values = np.where((values == 2.0) & p.end_to_end.to_numpy(), 3.0, values)
        cmap = ListedColormap([charts.BAD, "#E69F00", "#9ad0b7", charts.GOOD])
        h = min(max(2.5, 0.4 * len(av) + 1.5), 7.5)
        fig, ax = charts.new_figure(size=(8.0, h))
        ax.grid(False)
        ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=-0.5, vmax=3.5, aspect="auto")
        labels = {0.0: "journeys.available.no", 1.0: "journeys.available.partial", 2.0: "journeys.available.yes",
                  3.0: "journeys.col.end_to_end"}
        for (r, c), v in np.ndenumerate(values):
            if not math.isnan(v):
                ax.text(c, r, t(labels[v], lang), ha="center", va="center", fontsize=7,
                        color="white" if v in (0.0, 3.0) else "#222222")
        ax.set_xticks(range(av.shape[1]), [self._channel_label(c, lang) for c in av.columns])
        ax.set_yticks(range(av.shape[0]), [_wrap(self._service_label(s), 28, 1) for s in av.index])
        ax.tick_params(axis="x", top=True, labeltop=True, bottom=False, labelbottom=False)
        charts.finish(ax, lang=lang, title=t("journeys.fig.parity", lang))
        return fig

    def _fig_takeup(self, lang: str) -> Figure | None:
        take = self._takeup()
        if take.empty:
            return None
        take = take.sort_values("digital_share", kind="stable")
        fig, ax = charts.new_figure(size=(8.0, min(max(2.5, 0.35 * len(take) + 1.5), 7.5)))
        ax.barh([_wrap(self._service_label(s), 28, 1) for s in take["service_id"]], take["digital_share"],
                color=[charts.accent(self.accent) if s == "log" else charts.GREY for s in take["source"]])
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(lambda v, _: fmt_percent(v, lang))
        charts.finish(ax, lang=lang, title=t("journeys.fig.takeup", lang), xlabel=t("journeys.col.digital_share", lang),
                      value_axis="x")
        return fig

    def _standards_finding(self, lang: str) -> str | None:
        """A sentence flagging the services whose channels promise different things (None: nothing to say)."""
        c = self.consistency
        if c is None or c.services.empty:
            return None
        flagged = [self._service_label(x) for x in c.flagged]
        if c.all_services_flagged:
            flagged.insert(0, t("journeys.all_services", lang))
        if not flagged:
            return t("journeys.finding.standards_same", lang)
        names = flagged[:5] + ([t("journeys.capability.more", lang, count=fmt_number(len(flagged) - 5, lang))]
                               if len(flagged) > 5 else [])
        return t("journeys.finding.standards_mixed", lang, count=fmt_number(len(flagged), lang), services=", ".join(names))

    # ---- findings
    def findings(self, lang: str) -> list[str]:
        """One to five sentences from the numbers, for the executive summary."""
        out: list[str] = []
        s = self.summary()["journey"]
        if self.log is not None:
            log = self.log
            if s["median_case_days"] is not None:
                out.append(t("journeys.finding.time", lang, median=_hours(24 * s["median_case_days"], lang),
                             p90=_hours(24 * s["p90_case_days"], lang),
                             breach=fmt_percent(s["sla_breach_rate"], lang), days=self.sla_days))
            if not log.per_event:
                out.append(t("journeys.finding.per_case", lang, cases=fmt_number(log.n_cases, lang)))
            else:
                out.append(t("journeys.finding.variants", lang, share=fmt_percent(s["top_variant_share"], lang),
                             k=fmt_number(log.variants.variants_for(0.8), lang), variants=fmt_number(s["variants"], lang)))
            tops = self._top_handoffs(1)
            if tops:
                top = self.log.handoffs.pairs.iloc[0]
                out.append(t("journeys.finding.handoffs", lang, per_case=fmt_number(s["handoffs_per_case"], lang, digits=1),
                             source=tops[0]["from"], target=tops[0]["to"], count=fmt_number(tops[0]["count"], lang),
                             lost=_hours(float(top["median_hours_lost"]), lang)))
            if s["repeat_contact_rate"] is not None:
                text = t("journeys.finding.repeat", lang, rate=fmt_percent(s["repeat_contact_rate"], lang),
                         days=self.repeat_contact_days, fcr=fmt_percent(s["fcr"], lang) if s["fcr"] is not None else "—")
                if log.repeats.channel_switching is not None and log.repeats.citizens_with_repeat >= self.min_group_size:
                    text += " " + t("journeys.finding.switching", lang, share=fmt_percent(log.repeats.channel_switching, lang))
                out.append(text)
        channel_text = []
        if self.parity is not None and self.parity.frontal:
            missing = self.parity.without_digital
            if missing:
                channel_text.append(t("journeys.finding.digital_gap", lang, count=len(missing),
                                      frontal=len(self.parity.frontal),
                                      services=", ".join(self._service_label(x) for x in missing[:5])))
            else:
                channel_text.append(t("journeys.finding.digital_ok", lang, frontal=len(self.parity.frontal)))
        std = self._standards_finding(lang)
        if std:
            channel_text.append(std)
        if channel_text:  # one sentence group on the channels: parity and the commitments made on them
            out.append(" ".join(channel_text))
        if not out and self.journeys_available:
            pains = int(self.journey["pain_point"].notna().sum()) if "pain_point" in self.journey else 0
            out.append(t("journeys.finding.maps", lang, journeys=len(self._journeys()), pains=pains))
        return out[:5]




def _path_text(seq: Sequence[str]) -> str:
    """Activities joined by arrows that point the way the text runs (← when the names are Hebrew)."""
    names = [str(a) for a in seq]
    return (" ← " if any(HEBREW.search(a) for a in names) else " → ").join(names)


def _num(x: float, lang: str) -> str:
    """A target as written: whole numbers without decimals, else up to two."""
    x = float(x)
    if x == round(x):
        return fmt_number(x, lang)
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _round(x: float | None, digits: int = 4) -> float | None:
    if x is None or (isinstance(x, float) and (math.isnan(x) or math.isinf(x))):
        return None
    return round(float(x), digits)


def _journey_cases(name: str, services: pd.DataFrame, cases: pd.DataFrame | None) -> pd.DataFrame | None:
    """The cases a journey's pain points may quote: its service's cases when the journey is named after
    a service (its id or name, or a name contained in the other); the whole log only when the log does
    not tell services apart."""
    if cases is None:
        return None
    sids = cases["service_id"].dropna().astype(str)
    key = normalize_name(name)
    match = None
    if not services.empty:
        names = [(str(sid), normalize_name(sid), "" if _blank(sn) else normalize_name(sn))
                 for sid, sn in zip(services["service_id"], services.get("service_name", services["service_id"]))]
        exact = [sid for sid, nid, nn in names if key in (nid, nn)]
        # else the service whose name shares most words with the journey's (substrings, so that Hebrew
        # prefixes do not matter): "בקשה להנחה בארנונה" is the journey of the service "הנחה בארנונה"
        near = []
        for sid, _, nn in names:
            sw, jw = re.findall(r"\w{3,}", nn), re.findall(r"\w{3,}", key)
            if not sw or not jw:
                continue
            a, b = sum(w in key for w in sw), sum(w in nn for w in jw)
            score = max(a / len(sw), b / len(jw))
            if score >= 0.5 and max(a, b) >= min(2, len(sw)):
                near.append((score, len(nn), sid))
        near.sort(reverse=True)
        match = exact[0] if exact else (near[0][2] if near else None)
    if match is not None and (sids == match).any():
        return cases.loc[cases["service_id"].astype(str) == match]
    if sids.nunique() <= 1:
        return cases
    return None


def analyse(engagement: Engagement, *, end_activities: Sequence[str] | None = None,
            response_activities: Sequence[str] | None = None,
            ideal_path: Sequence[str] | None = None, top_k: int = 10, edge_share: float = 0.05,
            service_panels: int = 12) -> JourneysResult:
    """Journeys and case-log analytics for one engagement.

    Uses the Journey, Channels, Services and Standards sheets and the ``cases`` companion file;
    each part is skipped (and says so) when its data is absent.  Options: ``end_activities`` (the
    activities that close a case; default: named like "closed"/"נסגר"), ``response_activities``
    (the activities that answer the citizen; default: the case's second event), ``ideal_path`` (the
    intended activity sequence; default: the most common path of closed cases), ``top_k``
    (variants listed), ``edge_share`` (process-map edges followed by fewer cases are hidden),
    ``service_panels`` (services drawn in the per-service capability chart, largest first; the rest
    are named under it).  The Standards sheet is set against the case log per channel
    (:func:`standards_by_channel`) and checked for channels that promise different things
    (:func:`standards_consistency`, with each service's channels from the Channels sheet and the log).
    """
    if not isinstance(engagement, Engagement):
        raise AnalysisError(t("journeys.error.not_engagement", "en", found=type(engagement).__name__))
    s = engagement.settings
    lang = engagement.language
    if not (isinstance(top_k, int) and top_k >= 1):
        raise AnalysisError(t("journeys.error.top_k", lang, value=top_k))
    if not (0 <= edge_share <= 1):
        raise AnalysisError(t("journeys.error.edge_share", lang, value=edge_share))
    if not (isinstance(service_panels, (int, np.integer)) and not isinstance(service_panels, bool) and service_panels >= 1):
        raise AnalysisError(t("journeys.error.panels", lang, value=service_panels))
    journey = engagement.table("Journey")
    services = engagement.table("Services")
    channels = engagement.table("Channels")
    standards = engagement.table("Standards")
    log = None
    if engagement.has("cases"):
        log = analyse_log(engagement.cases, sla_days=int(s.sla_days), repeat_contact_days=int(s.repeat_contact_days),
                          end_activities=end_activities,  # offsets: what the loader recorded (frame.attrs)
                          response_activities=response_activities, lang=lang)
    parity = None
    if len(channels):
        parity = channel_parity(channels, cases=log.cases if log is not None else None)
    callouts: dict[tuple[str, int], tuple[str, int, int]] = {}
    if len(journey) and log is not None and "pain_point" in journey:
        for name in dict.fromkeys(journey["journey"].astype(str)):
            jc = _journey_cases(name, services, log.cases)
            rows = journey.loc[journey["journey"].astype(str) == name, ["step", "pain_point", "channel"]]
            for step, pain, channel in rows.itertuples(index=False):
                got = _pain_kind(pain, jc, min_size=int(s.min_group_size), channel=channel)
                if got is not None:
                    callouts[(name, int(step))] = got
    checked = pd.DataFrame()
    consistency = None
    if len(standards):
        m = int(s.min_group_size)
        if log is not None:
            checked = standards_by_channel(engagement.cases, standards, min_group_size=m,
                                           end_activities=end_activities, response_activities=response_activities)
        consistency = standards_consistency(standards, channels=_service_channels(channels, log, min_size=m))
    return JourneysResult(language=lang, min_group_size=int(s.min_group_size), sla_days=int(s.sla_days),
                          repeat_contact_days=int(s.repeat_contact_days), accent=s.accent_color, journey=journey,
                          services=services, log=log, parity=parity, standards=standards, callouts=callouts,
                          top_k=int(top_k), ideal_path=tuple(ideal_path) if ideal_path else None,
                          edge_share=float(edge_share), standards_checked=checked, consistency=consistency,
                          service_panels=int(service_panels))


def _service_channels(channels: pd.DataFrame, log: CaseLogAnalysis | None, *, min_size: int) -> dict[str, list[str]]:
    """The channels each service is offered on: the Channels sheet (available fully or partly) and the
    channels through which at least *min_size* of its cases came in the case log."""
    out: dict[str, list[str]] = {}
    if len(channels) and {"service_id", "channel"} <= set(channels.columns):
        avail = channels["available"].astype("string").str.lower() if "available" in channels else \
            pd.Series("yes", index=channels.index, dtype="string")
        for sid, ch, a in zip(channels["service_id"], channels["channel"], avail):
            if not _blank(sid) and not _blank(ch) and a in ("yes", "partial"):
                out.setdefault(str(sid), []).append(str(_channel_key(ch)))
    if log is not None:
        known = log.cases.loc[log.cases["service_id"].notna() & log.cases["channel"].notna(), ["service_id", "channel"]]
        counts = known.astype(str).value_counts()
        for (sid, ch), n in counts.items():
            if n >= min_size:
                out.setdefault(sid, []).append(ch)
    return {k: list(dict.fromkeys(v)) for k, v in out.items()}


def _pain_kind(text: object, cases: pd.DataFrame | None, *, min_size: int,
               channel: object = None) -> tuple[str, int, int] | None:
    """(metric, count, total) from the case log that backs a pain point, or None.

    The pain point's words choose the metric (hand-offs, rework, repeat contact, open cases, missed
    deadlines); the number is quoted only when both the count and the total reach ``min_size``.
    """
    if cases is None or not len(cases) or _blank(text):
        return None
    for kind, pattern in _PAIN_KINDS:
        if not pattern.search(str(text)):
            continue
        if kind == "sla" and channel in _QUEUE_CHANNELS and not _LONG_WAIT.search(str(text)):
            return None
        if kind == "sla":
            mask = cases["sla_breach"].astype(bool)
        elif kind == "handoff":
            mask = cases["handoffs"].dropna() > 0
        elif kind == "rework":
            mask = cases["rework"].dropna().astype(bool)
        elif kind == "repeat":
            mask = cases["repeat"].dropna().astype(bool)
        else:
            mask = ~cases["closed"].dropna().astype(bool)
        total, count = len(mask), int(mask.sum())
        if total >= min_size and count >= min_size:
            return kind, count, total
        return None
    return None


def pain_points(engagement: Engagement) -> list[str]:
    """The Journey sheet's pain points as short texts, for the action-plan check of management.

    Journeys in the order they first appear, steps in ascending order; blank cells skipped;
    each text once (case and spacing ignored, the first spelling kept).  These are the
    ``pain_points`` that :func:`svcwork.management.findings_without_action` looks for in the
    Actions sheet.  ``[]`` when the Journey sheet is empty.
    """
    if not isinstance(engagement, Engagement):
        raise AnalysisError(t("journeys.error.not_engagement", "en", found=type(engagement).__name__))
    j = engagement.table("Journey")
    if j.empty or "pain_point" not in j.columns:
        return []
    order = pd.factorize(j["journey"].astype("string").fillna(""), sort=False)[0]
    j = j.assign(_journey=order).sort_values(["_journey", "step"], kind="stable", na_position="last")
    seen: dict[str, str] = {}
    for text in j["pain_point"]:
        if _blank(text):
            continue
        clean = " ".join(str(text).split())
        seen.setdefault(normalize_name(clean), clean)
    return list(seen.values())
