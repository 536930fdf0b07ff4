"""The case log as a whole: reading an export, case durations, and the full metric set in one pass.

:func:`analyse_log` sorts the log once (the case-log engine :mod:`svcwork.caselog`: ordering, closure,
first response, resolution, age of open cases, deadlines — the same rules as the service standards
of :mod:`svcwork.measures`) and computes on it the variants, the directly-follows graph, hand-offs,
repeat contact, data quality and one row per case (:class:`CaseLogAnalysis`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from ..caselog import CASE_COLUMNS, DAY_NS, NAME_INDEX, NAT, breached, closure, closure_times, deadlines, \
    first_response_days, open_age_days, opening_month, pending, prepare, resolution_days, response_wait_days
from ..errors import AnalysisError
from ..i18n import t
from ..intake import load_companion
from ..schema import normalize_name
from ._base import pair_counts
from .dfg import DirectlyFollows, _dfg
from .handoffs import Handoffs, _handoffs
from .quality import DataQuality, _loaded_offsets, _quality
from .repeats import RepeatContacts, _repeats
from .survival import km_by, km_quantiles
from .variants import Variants, _variants

__all__ = ["load_cases", "case_durations", "CaseLogAnalysis", "analyse_log"]


def load_cases(path, column_map: Mapping[str, str] | None = None, *, timezone: str = "UTC", lang: str = "en",
               key: bytes | None = None) -> pd.DataFrame:
    """Read a case/event-log export (csv, xlsx or parquet) into the canonical ``cases`` frame.

    A thin wrapper of :func:`svcwork.intake.load_companion`: the same checks, UTC timestamps and
    pseudonymised ``citizen_id``/``resource``.  ``column_map`` maps the export's own column names
    to ours, e.g. ``{"Ticket": "case_id", "Step": "activity", "When": "timestamp"}``; XES names
    (``case:concept:name``, ``concept:name``, ``time:timestamp``, ``org:group`` …) need no map.
    Raises :class:`~svcwork.errors.IntakeError` listing every problem when the file is unusable.
    ``frame.attrs["timezone"]`` notes *timezone*: :func:`analyse_log` reads the month of opening in it.
    """
    mapping: dict[str, str] = {}
    for their, our in (column_map or {}).items():
        target = NAME_INDEX.get(normalize_name(our))
        if target is None:
            raise AnalysisError(t("journeys.error.column_map", lang, column=our, allowed=", ".join(CASE_COLUMNS)))
        mapping[normalize_name(their)] = target
    frame = load_companion("cases", path, column_map={"cases": mapping}, timezone=timezone, lang=lang, key=key)
    frame.attrs["timezone"] = timezone  # the frame is new: noting the zone it was read in mutates no input
    return frame


def case_durations(log: pd.DataFrame) -> pd.Series:
    """End-to-end time of each case in days: from its first event to the end of its last event.

    The citizen's view of the process (van der Aalst 2016, §9.4, "flow time"); equals pm4py's
    ``get_all_case_durations`` when the log has no ``end_timestamp``.
    """
    L = prepare(log)
    return pd.Series((L.case_end - L.case_start) / DAY_NS, index=L.case_ids, name="days")


@dataclass(frozen=True)
class CaseLogAnalysis:
    """Everything computed from one case log (see :func:`analyse_log`).

    ``cases`` has one row per case: ``case_id``, ``start``, ``end``, ``events``, ``days``,
    ``first_response_days``, ``response_wait_days`` (an open case still waiting for its first response:
    rule 4 of :mod:`svcwork.caselog`), ``service_id``, ``channel``, ``unit`` (the receiving unit),
    ``deadline``, ``own_deadline`` (the log gives the case's deadline), ``closed``,
    ``resolution_days``, ``open_age_days``, ``time_days`` and ``finished`` (time to closure
    counting open cases: :func:`~svcwork.caselog.closure_times`), ``pending`` (open, deadline not
    passed), ``sla_breach`` (NA while pending), ``rework``, ``handoffs``, ``pingpong``, ``variant``,
    ``repeat``, ``followed_by_repeat``, ``reopened``, ``fcr``, ``month`` (of opening, in the
    engagement's time zone: rule 9 of :mod:`svcwork.caselog`).  The timing columns follow the rules of
    :mod:`svcwork.caselog`; in a log without closure a single-event case is undetermined (rule 5):
    ``time_days`` NaN, ``sla_breach`` NA.  ``variants.table`` has each path's ``median_days`` counting its open
    cases (Kaplan–Meier, as every end-to-end median here).
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
    response_activities: tuple[str, ...] | None = None  # as given (None: the second event is the response)

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

    def time_quantile(self, q: float, among: pd.Series | np.ndarray | None = None) -> float | None:
        """The *q*-quantile of end-to-end days counting the cases still open (Kaplan–Meier,
        :func:`~svcwork.journeys.survival.km_quantiles`), over all cases or those *among* marks (a
        boolean mask over ``cases``); None when not estimable yet or no case."""
        cases = self.cases if among is None else self.cases.loc[np.asarray(among, dtype=bool)]
        value = km_quantiles(cases["time_days"].to_numpy(dtype=float), cases["finished"].to_numpy(dtype=bool), (q,))[0]
        return None if value != value else value

    @property
    def n_closed(self) -> int | None:
        """Cases closed (None when the log records no closure)."""
        return int(self.cases["closed"].sum()) if self.closure_known else None

    @property
    def n_open(self) -> int | None:
        """Cases still open at the log's as-of time (None when the log records no closure)."""
        return int((~self.cases["closed"].astype(bool)).sum()) if self.closure_known else None

    @property
    def n_decided(self) -> int:
        """Cases whose deadline is decided: closed, past their deadline, or judged by their end."""
        return int(self.cases["sla_breach"].notna().sum())

    @property
    def fcr(self) -> float | None:
        return self.rate("fcr")


def analyse_log(log: pd.DataFrame, *, sla_days: int = 14, repeat_contact_days: int = 7,
                end_activities: Sequence[str] | None = None, offsets: Sequence[str] = (),
                response_activities: Sequence[str] | None = None, timezone: str | None = None,
                lang: str = "en") -> CaseLogAnalysis:
    """The whole case-log metric set in one pass over the sorted log.

    The timing of each case follows the rules of :mod:`svcwork.caselog` (the same as the service
    standards of :func:`svcwork.measures.standards_share`).  Per case: end-to-end days (first event to
    end of last; for a case still open a lower bound — the citizen is still waiting); the time to
    closure counting open cases (``time_days``/``finished``: a closed case at its end, an open case
    censored at its age on the log's last date), from which every median and 90th percentile of
    end-to-end time is a Kaplan–Meier estimate (:mod:`svcwork.journeys.survival`); time to first
    response (from the first event to the first later event whose activity is in
    ``response_activities`` — e.g. "reply sent", "call citizen"; when none are given, to the case's
    second event, whatever it is: a proxy that counts an internal step such as "assigned" as the
    response); the deadline (the case's own, else ``sla_days`` after it opened) and whether it was
    missed (closed cases: by their end; open cases: by the last timestamp of the log; an open case
    whose deadline has not passed is pending, ``sla_breach`` NA: not decided yet); closure (an
    ``outcome`` recorded or an activity in ``end_activities``; when none are given, activities named
    like "closed", "resolved", "נסגר" …; an ``end_timestamp`` is the end of an activity and closes a
    case only in a one-row-per-case export), resolution days (closed cases) and the age of open cases
    at the log's last timestamp, rework (an activity repeated in the case), hand-offs and ping-pong
    (:func:`handoffs`), repeat contact (:func:`repeat_contacts`) and first-contact resolution (FCR):
    the case was closed, never reopened (rule 3 of :mod:`svcwork.caselog`: a reopened case was not
    resolved the first time), never passed from one unit to another (no hand-off: the unit that received
    it closed it), and its citizen opened no other case within ``repeat_contact_days`` days before
    or after it — the contact-centre reading of FCR (SQM Group; COPC CX Standard, 2020) with the
    receiving unit as the first point of contact, so a unit that passes every case on resolves none
    at first contact.  FCR is unknown for cases without a citizen id, and for every case when the
    log records no closure (no end activity and no outcome) or no units.  An open case is not
    resolved at first contact.  ``offsets``: the time-zone offsets the loader normalised, for the
    data-quality section; by default those :func:`load_cases` / :func:`svcwork.load` recorded in
    ``log.attrs``.  ``timezone``: the engagement's (:func:`svcwork.caselog.local_timezone`), in which the
    month of opening is read (rule 9 of :mod:`svcwork.caselog`); by default the zone :func:`load_cases`
    noted in ``log.attrs``, else UTC.
    """
    if not isinstance(sla_days, (int, np.integer)) or sla_days < 0:
        raise AnalysisError(t("journeys.error.days", lang, value=sla_days))
    if not isinstance(repeat_contact_days, (int, np.integer)) or repeat_contact_days < 0:
        raise AnalysisError(t("journeys.error.days", lang, value=repeat_contact_days))
    L = prepare(log, lang)
    C = L.n_cases
    var = _variants(L)
    dfg = _dfg(L)
    ho = _handoffs(L)
    rep = _repeats(L, int(repeat_contact_days))
    quality = _quality(L, offsets=offsets or _loaded_offsets(log))

    # the case-timing rules of svcwork.caselog (shared with the service standards of svcwork.measures)
    start, end = L.case_start, L.case_end
    days = (end - start) / DAY_NS
    fr = first_response_days(L, response_activities, lang=lang)
    closing = closure(L, end_activities, lang=lang)
    closed, closure_known, ends_found = closing.closed, closing.known, closing.end_activities
    per_event = not L.one_row_per_case
    zone = timezone or getattr(log, "attrs", {}).get("timezone") or "UTC"  # the engagement's (rule 9 of caselog)
    deadline = deadlines(L, int(sla_days), zone)
    waiting = pending(L, closing, deadline)
    breach = breached(L, closing, deadline)  # NA for a case the log cannot time (rule 5)
    breach[waiting] = pd.NA  # not decided yet: open, deadline not passed
    time_days, finished = closure_times(L, closing)
    dl = L.times("deadline")
    own = L.any_per_case(dl != NAT) if dl is not None else np.zeros(C, dtype=bool)
    as_of = L.as_of

    # rework: an activity repeated inside a case
    a = len(L.activities)
    pk, pc = pair_counts(L.case * a + L.act, C * a)
    again = pc > 1
    rework = np.zeros(C, bool)
    rework[pk[again] // a] = True
    rework_by_act = pd.Series(np.bincount(pk[again] % a, minlength=a), index=L.activities, name="cases")

    linked = rep.cases["repeat"].notna().to_numpy()
    repeat_ = rep.cases["repeat"].to_numpy(dtype=bool, na_value=False)
    followed = rep.cases["followed_by_repeat"].to_numpy(dtype=bool, na_value=False)
    units_known = L.has("unit")
    reopened = closing.was_reopened
    fcr_ok = closed & ~reopened & (ho.per_case.to_numpy() == 0) & ~repeat_ & ~followed
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
        "response_wait_days": response_wait_days(L, closing, fr),
        "service_id": L.first_labels("service_id"),
        "channel": L.first_labels("channel"),
        "unit": L.first_labels("unit"),
        "deadline": pd.to_datetime(deadline, unit="ns"),
        "own_deadline": own,
        "closed": closing.column(),
        "resolution_days": resolution_days(L, closing),
        "open_age_days": open_age_days(L, closing),
        "time_days": time_days,
        "finished": finished,
        "pending": waiting,
        "sla_breach": breach,
        "rework": rework,
        "handoffs": per_case_ho,
        "pingpong": per_case_pp,
        "variant": L._cache["case_rank"],
        "repeat": rep.cases["repeat"].array,
        "followed_by_repeat": rep.cases["followed_by_repeat"].array,
        "reopened": reopened,
        "fcr": pd.array(np.where(linked & closure_known, fcr_ok, False), dtype="boolean"),
        "month": opening_month(L, zone),
    })
    if not (closure_known and units_known) or not per_event:
        cases["fcr"] = pd.array([pd.NA] * C, dtype="boolean")
    else:
        cases.loc[~linked, "fcr"] = pd.NA
    if not per_event:  # what needs the events of a case is unknown, not zero
        cases["handoffs"] = pd.array([pd.NA] * C, dtype="Int64")
        cases["pingpong"] = pd.array([pd.NA] * C, dtype="Int64")
        cases["rework"] = pd.array([pd.NA] * C, dtype="boolean")
    # each path's median end-to-end time counts its open cases, as every other median of the section
    medians = km_by(cases, "variant", probs=(0.5,), names=("median_days",))["median_days"]
    var = Variants(var.table.assign(median_days=medians.reindex(var.table.index).to_numpy(dtype=float)),
                   var.case_variant)
    return CaseLogAnalysis(cases, quality, var, dfg, ho, rep, rework_by_act.loc[lambda s: s > 0].sort_values(ascending=False),
                           int(sla_days), closure_known, units_known, ends_found, pd.Timestamp(as_of, unit="ns"),
                           per_event, tuple(map(str, response_activities)) if response_activities is not None else None)
