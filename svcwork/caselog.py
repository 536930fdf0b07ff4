"""The case-log engine: how svcwork reads the timing of cases from an event log, defined once.

Every case-timing number in a report — the journeys section (:func:`svcwork.journeys.analyse_log`),
the service standards of the measures section (:func:`svcwork.measures.standards_share`) and the
Standards table set against the log per channel — comes from the functions of this module, so one
log can never show two different counts of closed or open cases.

The notions are those of the event log in W. van der Aalst, *Process Mining: Data Science in
Action*, 2nd ed. (Springer 2016): a **case** is a process instance; an **event** belongs to one case
and has an activity and a timestamp, and may have attributes such as a resource or a completion
time (§5.2, Definitions 5.1–5.3, and the start/complete transactional life-cycle of §5.2); the
**trace** of a case is its events ordered by time (§5.2); its **flow time** runs from its first to
its last event (§9.4).  The rules:

1. **Events and their order** (:class:`CaseLog`).  An event needs a case id, an activity and a
   timestamp; a row missing one is left out (counted in :attr:`CaseLog.dropped`).  Timestamps
   without a time zone are UTC.  Events are ordered by case, then timestamp, then file order (a
   stable sort: events at the same instant keep the order of the file, as pm4py does).
2. **When an event ends**: at its ``end_timestamp`` when that is later than its ``timestamp``, else
   at its ``timestamp``.  A case **starts** at its first event and **ends** at the latest end of its
   events.  The log is read **as of** its latest timestamp or end time.
3. **Closure** (:func:`closure`).  A case is closed when one of its events has an activity among the
   end activities (by default named like "closed", "resolved", "נסגר" …: :data:`CLOSING_WORDS`) or
   records an ``outcome`` — and no **reopening** event (an activity named like "reopened", "נפתחה
   מחדש" …: :data:`REOPENING_WORDS`) follows its last such closing event: a case reopened after
   its closure is open again until it is closed again.  A case with a reopening event is
   *reopened* (:attr:`Closure.reopened`): it was not resolved the first time (so never resolved at
   first contact: SQM Group; COPC CX Standard, 2020).  ``end_timestamp`` is when an *activity*
   ended, not when the case closed: in an event log it never closes a case.  The one exception is a **one-row-per-case export**
   (two cases or more, each with exactly one row — :attr:`svcwork.intake.Engagement.one_row_per_case`):
   there the row is the case and ``end_timestamp`` (the export's "closed" column is read as
   ``end_timestamp``) is the case's closing time, so a row that has one is closed.  Closure is
   *known* when at least one case of the log is closed by these rules; when none is, the log does not
   record closure and every case's ``closed`` is unknown (NA), not "open".
4. **First response** (:func:`first_response_days`): from the case's first event to the first later
   event whose activity is a response activity (e.g. "reply sent"); when none are named, to the
   case's second event, whatever it is (a proxy that counts an internal step such as "assigned" as
   the response).  The first event never answers itself; a case with no such event has none.  A case
   still **waiting** for its first response (:func:`response_wait_days`: open, none yet) has waited its
   age at the as-of time: a share within a first-response target counts it as not met once it is older
   than the target (pending before), and a median counts it as right censored (rule 8), as resolution
   times count the open cases.  A closed case without a response has no first-response time (the log
   does not say when, or whether, the citizen was answered): left out.  A log in which no case has a
   response records none: then no case is waiting either.
5. **Resolution time** (:func:`resolution_days`): for a closed case, from its start to its end (the
   end of its last event).  When closure is not known, every case with two events or more is taken
   as resolved at the end of its last event; a case with a single event is **undetermined**
   (:func:`determined`): one event tells nothing about when, or whether, the case was resolved.
   Rules 7 and 8 leave it out the same way, so every case-timing figure of a log without closure
   has the same base: its cases with two events or more.
6. **Age of an open case** (:func:`open_age_days`): from its start to the log's as-of time; defined
   only for open cases (closure known, case not closed).
7. **Deadline and breach** (:func:`deadlines`, :func:`breached`, :func:`pending`): a case's deadline
   is its own ``deadline`` (the first one given in its events; deadlines given as dates — all at
   midnight in the engagement's time zone — mean the end of that day: a case closed on its deadline
   day met it), else ``sla_days`` after it started;
   it is missed when the case finished after it — a closed case finishes at its end, an open case is
   still running at the as-of time, and when closure is not known every case with two events or
   more is judged by its end (a single-event case is undetermined, rule 5: not decided, NA).
   An open case whose deadline has not passed at the as-of time is **pending**: not decided yet, so
   a share of cases within (or past) their deadline leaves it out, as the service standards of
   :func:`svcwork.measures.standards_share` leave out an open case still within its target.
8. **Time to closure, counting open cases** (:func:`closure_times`): for estimates of end-to-end
   time that count the cases still open (Kaplan–Meier: E. L. Kaplan & P. Meier, "Nonparametric
   estimation from incomplete observations", JASA 53, 1958), a closed case is observed to finish
   at its end, an open case is observed up to its age at the as-of time without finishing (right
   censored); when closure is not known every case with two events or more is taken as finished at
   its end, and a single-event case is undetermined (rule 5: no time, left out of the estimate).
9. **Month of opening** (:func:`opening_month`): the calendar month of a case's start in the
   engagement's time zone (the Engagement setting ``timezone``, the zone the loader read naive
   export times in — README, "Dates"; :func:`local_timezone`), not the UTC month: a case opened at
   01:00 on 1 May in Jerusalem (22:00 UTC on 30 April) is a May case.  Every grouping of cases
   by month uses it.

Resolution and first-response times are those of the Standards sheet (intake contract:
``first_response_days``, ``resolution_days``).  Arrays are per case in the order of
:attr:`CaseLog.case_ids`; everything is vectorised with numpy, so a log of millions of events takes
seconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd

from .errors import AnalysisError
from .i18n import t
from .schema import ENUMS, companion, normalize_name

__all__ = ["CLOSING_WORDS", "REOPENING_WORDS", "CaseLog", "Closure", "prepare", "closure", "first_response_days",
           "response_wait_days", "WAITING", "counting_open",
           "resolution_days", "determined", "open_age_days", "deadlines", "breached", "pending", "closure_times",
           "case_times", "canonical", "channel_key", "named_activities", "to_ns", "local_timezone", "opening_month"]

NAT = np.iinfo(np.int64).min
DAY_NS = 86_400 * 10**9
REQUIRED = ("case_id", "activity", "timestamp")
_CASES = companion("cases")
CASE_COLUMNS = tuple(c.key for c in _CASES.columns)
NAME_INDEX = {normalize_name(n): c.key for c in _CASES.columns for n in c.names()}
_CHANNEL_LOOKUP = ENUMS["channel"].lookup()

#: Activity names that mark a closed case when no end activities are given (English and Hebrew).
CLOSING_WORDS = re.compile(
    r"\b(?:clos(?:e|ed|ing|ure)|resolv(?:e|ed)|finish(?:ed)?|done|ended|archiv(?:e|ed)|complet(?:ed|ion))\b"
    r"|נסגר|סגיר|סגור|הושלם|טופל|הסתיים|נפתר|סיום",
    re.IGNORECASE,
)

#: Activity names that reopen a closed case (English and Hebrew): a reopening event after a case's last
#: closing event leaves the case open (rule 3), and a reopened case is not resolved at first contact.
#: The demo logs write "Case reopened" / "פנייה נפתחה מחדש" (:mod:`svcwork.demo.texts`).
REOPENING_WORDS = re.compile(
    r"\bre-?open(?:s|ed|ing)?\b|\bre-?activat(?:e|ed|ion)\b"
    r"|נפתח(?:ה)?\s+(?:מחדש|שוב)|פתיחה\s+(?:מחדש|חוזרת)|פתיחה\s+מחודשת",
    re.IGNORECASE,
)


# =========================================================================== preparation
def canonical(log: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """*log* with the canonical ``cases`` column names (XES/pm4py and Hebrew names are recognised)."""
    if not isinstance(log, pd.DataFrame):
        raise AnalysisError(t("journeys.error.not_frame", lang, found=type(log).__name__))
    if all(c in log.columns for c in REQUIRED):
        return log
    rename: dict[object, str] = {}
    for col in log.columns:
        key = NAME_INDEX.get(normalize_name(col))
        if key is not None and key not in log.columns and key not in rename.values():
            rename[col] = key
    out = log.rename(columns=rename)
    missing = [c for c in REQUIRED if c not in out.columns]
    if missing:
        raise AnalysisError(t("journeys.error.columns", lang, missing=", ".join(missing),
                              found=", ".join(map(str, log.columns)) or "—"))
    return out


def to_ns(series: pd.Series, lang: str, column: str) -> np.ndarray:
    """Timestamps as int64 nanoseconds since the epoch (UTC; naive values are UTC); missing: ``NAT``."""
    s = series
    if not pd.api.types.is_datetime64_any_dtype(s):
        if s.isna().all():
            return np.full(len(s), NAT, dtype=np.int64)
        try:
            s = pd.to_datetime(s, utc=True, format="ISO8601")
        except (ValueError, TypeError):
            try:
                s = pd.to_datetime(s, utc=True, format="mixed")
            except (ValueError, TypeError) as exc:
                raise AnalysisError(t("journeys.error.timestamps", lang, column=column, detail=str(exc)[:120])) from None
    if getattr(s.dt, "tz", None) is not None:
        s = s.dt.tz_convert("UTC").dt.tz_localize(None)
    return s.to_numpy(dtype="datetime64[ns]").view(np.int64)


def channel_key(value: object) -> object:
    """A channel label as its schema key ("אתר" → "web"); unknown labels unchanged."""
    return _CHANNEL_LOOKUP.get(normalize_name(value), value)


def _is_sorted(case: np.ndarray, ts: np.ndarray) -> bool:
    if len(case) < 2:
        return True
    dc = np.diff(case)
    if (dc < 0).any():
        return False
    return not ((dc == 0) & (ts[1:] < ts[:-1])).any()


class CaseLog:
    """A case log prepared once (rule 1): events sorted by case, timestamp and file order, held as
    integer codes.  ``rows`` maps each sorted event to its row in ``frame``; ``starts``/``ends`` are
    each case's first and one-past-last event; ``case_ids`` the case ids in case order."""

    def __init__(self, log: pd.DataFrame, lang: str = "en") -> None:
        frame = canonical(log, lang)
        self.frame = frame
        self.lang = lang
        n0 = len(frame)
        case, case_ids = pd.factorize(frame["case_id"])
        act, activities = pd.factorize(frame["activity"])
        ts = to_ns(frame["timestamp"], lang, "timestamp")
        keep = (case >= 0) & (act >= 0) & (ts != NAT)
        self.dropped = {"no_case": int((case < 0).sum()), "no_activity": int((act < 0).sum()),
                        "no_timestamp": int((ts == NAT).sum())}
        self.n_dropped = int(n0 - keep.sum())
        if not keep.all():
            rows = np.flatnonzero(keep)
            used, case = np.unique(case[rows], return_inverse=True)
            case_ids = case_ids[used]
            used, act = np.unique(act[rows], return_inverse=True)
            activities = activities[used]
            ts = ts[rows]
        else:
            rows = np.arange(n0)
        if len(rows) == 0:
            raise AnalysisError(t("journeys.error.empty", lang))
        case = case.astype(np.int64, copy=False)
        act = act.astype(np.int64, copy=False)
        if not _is_sorted(case, ts):
            order = np.lexsort((ts, case))  # stable: equal timestamps keep file order
            rows, case, act, ts = rows[order], case[order], act[order], ts[order]
        self.rows = rows
        self.case = case
        self.act = act
        self.ts = ts
        self.case_ids = pd.Index(case_ids)
        self.activities = np.asarray(activities, dtype=object)
        bounds = np.flatnonzero(np.diff(case)) + 1
        self.starts = np.concatenate(([0], bounds)).astype(np.int64)
        self.ends = np.concatenate((bounds, [len(case)])).astype(np.int64)
        self.lengths = self.ends - self.starts
        self.n_events = len(case)
        self.n_cases = len(self.starts)
        self._cache: dict[str, object] = {}

    # ---- optional columns
    def has(self, column: str) -> bool:
        """The column exists and has at least one value."""
        return column in self.frame.columns and bool(self.frame[column].notna().any())

    def codes(self, column: str) -> tuple[np.ndarray, np.ndarray] | None:
        """(codes in event order, labels) of a text column; -1 marks a missing value; None if absent.
        Channels are read as their schema keys (:func:`channel_key`)."""
        key = f"codes:{column}"
        if key not in self._cache:
            if column not in self.frame.columns:
                self._cache[key] = None
            else:
                codes, uniques = pd.factorize(self.frame[column])
                labels = np.asarray(uniques, dtype=object)
                if column == "channel" and len(labels):
                    recode, labels_ = pd.factorize(pd.Series([channel_key(v) for v in labels], dtype=object))
                    codes = np.where(codes >= 0, recode[np.maximum(codes, 0)], -1)
                    labels = np.asarray(labels_, dtype=object)
                self._cache[key] = (codes[self.rows].astype(np.int64, copy=False), labels)
        return self._cache[key]  # type: ignore[return-value]

    def times(self, column: str) -> np.ndarray | None:
        """A time column in event order (int64 ns, ``NAT`` where missing); None when it has no value."""
        key = f"times:{column}"
        if key not in self._cache:
            self._cache[key] = to_ns(self.frame[column], self.lang, column)[self.rows] if self.has(column) else None
        return self._cache[key]  # type: ignore[return-value]

    def first_per_case(self, codes: np.ndarray) -> np.ndarray:
        """The first non-missing code in each case (-1 when the case has none)."""
        out = np.full(self.n_cases, -1, dtype=np.int64)
        valid = np.flatnonzero(codes >= 0)
        if len(valid):
            c = self.case[valid]
            first = np.concatenate(([True], c[1:] != c[:-1]))
            out[c[first]] = codes[valid[first]]
        return out

    def first_labels(self, column: str) -> np.ndarray:
        """Per case, the first value of *column* in event order (None when the case has none)."""
        got = self.codes(column)
        out = np.full(self.n_cases, None, dtype=object)
        if got is not None and len(got[1]):
            f = self.first_per_case(got[0])
            out[f >= 0] = got[1][f[f >= 0]]
        return out

    def any_per_case(self, mask: np.ndarray) -> np.ndarray:
        """Per case: does any of its events (a boolean per event, in event order) hold?"""
        return np.bincount(self.case[mask], minlength=self.n_cases) > 0

    # ---- rule 2: ends, start, as-of
    @property
    def end(self) -> np.ndarray:
        """When each event ended: ``end_timestamp`` where later than ``timestamp``, else ``timestamp``."""
        if "end" not in self._cache:
            e = self.times("end_timestamp")
            self._cache["end"] = self.ts if e is None else np.where(e != NAT, np.maximum(e, self.ts), self.ts)
        return self._cache["end"]  # type: ignore[return-value]

    @property
    def case_start(self) -> np.ndarray:
        return self.ts[self.starts]

    @property
    def case_end(self) -> np.ndarray:
        """The latest end of each case's events."""
        if "case_end" not in self._cache:
            end = self.end
            self._cache["case_end"] = self.ts[self.ends - 1] if end is self.ts else np.maximum.reduceat(end, self.starts)
        return self._cache["case_end"]  # type: ignore[return-value]

    @property
    def as_of(self) -> int:
        """The log's latest timestamp or end time (ns): the moment the log is read at."""
        return int(max(self.ts.max(), self.case_end.max()))

    @property
    def one_row_per_case(self) -> bool:
        """An export of cases, not events: two cases or more, each with exactly one (usable) row."""
        return bool(self.n_cases >= 2 and int(self.lengths.max()) == 1)


def prepare(log: pd.DataFrame | CaseLog, lang: str = "en") -> CaseLog:
    """*log* as a :class:`CaseLog` (a CaseLog is returned as it is)."""
    return log if isinstance(log, CaseLog) else CaseLog(log, lang)


def named_activities(L: CaseLog, names: Sequence[str], error: str, lang: str = "en") -> np.ndarray:
    """Per activity code: is it one of *names* (compared as :func:`normalize_name`)?  None found: *error*."""
    wanted = {normalize_name(a) for a in names}
    mask = np.array([normalize_name(a) in wanted for a in L.activities], dtype=bool)
    if wanted and not mask.any():
        raise AnalysisError(t(error, lang, given=", ".join(map(str, names)), found=", ".join(map(str, L.activities[:12]))))
    return mask


# =========================================================================== rule 3: closure
@dataclass(frozen=True)
class Closure:
    """Which cases are closed (rule 3 of the module).

    ``closed``: a boolean per case (False where not closed — never closed, or reopened after its last
    closing event — *or* where closure is unknown); ``known``: whether the log records closure at all
    (a closing event in some case); ``end_activities``: the activities found that close a case;
    ``by_end_time``: a one-row-per-case export whose ``end_timestamp`` closed cases; ``reopened``: a
    boolean per case, True when one of its events reopens it (:data:`REOPENING_WORDS`), whether or
    not it was closed again (None: all False).
    """

    closed: np.ndarray
    known: bool
    end_activities: tuple[str, ...]
    by_end_time: bool = False
    reopened: np.ndarray | None = None

    @property
    def was_reopened(self) -> np.ndarray:
        """Per case: reopened at some point (rule 3) — not resolved the first time."""
        return np.zeros(len(self.closed), dtype=bool) if self.reopened is None else self.reopened

    @property
    def open(self) -> np.ndarray:
        """Per case: known to be open (closure known and the case not closed)."""
        return ~self.closed if self.known else np.zeros(len(self.closed), dtype=bool)

    def column(self) -> pd.arrays.BooleanArray:
        """``closed`` as a nullable boolean column: NA for every case when closure is unknown."""
        if self.known:
            return pd.array(self.closed, dtype="boolean")
        return pd.array([pd.NA] * len(self.closed), dtype="boolean")


def _last_per_case(L: CaseLog, mask: np.ndarray) -> np.ndarray:
    """Per case, the position in event order of its last event where *mask* (per event) holds; -1 if none."""
    return np.maximum.reduceat(np.where(mask, np.arange(L.n_events, dtype=np.int64), -1), L.starts)


def closure(log: pd.DataFrame | CaseLog, end_activities: Sequence[str] | None = None, *, lang: str = "en") -> Closure:
    """Which cases are closed (rule 3): a closing event — an end activity (default: named like
    :data:`CLOSING_WORDS`) or an ``outcome``; in a one-row-per-case export also an ``end_timestamp``
    — not followed by a reopening event (an activity named like :data:`REOPENING_WORDS`).
    ``end_activities`` given but none in the log: :class:`~svcwork.errors.AnalysisError`."""
    L = prepare(log, lang)
    names = [str(a) for a in L.activities]
    is_reopen = np.array([bool(REOPENING_WORDS.search(a)) for a in names], dtype=bool)
    if end_activities is None:  # "Reopened after closure" reopens, it does not close
        is_end = np.array([bool(CLOSING_WORDS.search(a)) for a in names], dtype=bool) & ~is_reopen
    else:  # activities the caller names as closing close, whatever their name
        is_end = named_activities(L, end_activities, "journeys.error.end_activities", lang)
        is_reopen &= ~is_end
    closing = is_end[L.act]
    outcome = L.codes("outcome")
    if outcome is not None and len(outcome[1]):  # an outcome recorded (a blank text is no outcome)
        codes, labels = outcome
        blank = np.array([str(v).strip() == "" for v in labels], dtype=bool)
        closing = closing | ((codes >= 0) & ~blank[np.maximum(codes, 0)])
    by_end_time = False
    if L.one_row_per_case:
        e = L.times("end_timestamp")
        if e is not None:
            by_end_time = True
            closing = closing | (e != NAT)
    last_close = _last_per_case(L, closing)
    last_reopen = _last_per_case(L, is_reopen[L.act])
    closed = last_close > last_reopen  # closed, and not reopened after its last closing event
    return Closure(closed, bool((last_close >= 0).any()), tuple(str(a) for a in L.activities[is_end]), by_end_time,
                   last_reopen >= 0)


# =========================================================================== rules 4-6: response, resolution, age
def first_response_days(log: pd.DataFrame | CaseLog, response_activities: Sequence[str] | None = None, *,
                        lang: str = "en") -> np.ndarray:
    """Days from each case's first event to its first response (rule 4); NaN where there is none.
    ``response_activities`` given but none in the log: :class:`~svcwork.errors.AnalysisError`."""
    L = prepare(log, lang)
    start = L.case_start
    fr = np.full(L.n_cases, np.nan)
    if response_activities is None:
        multi = L.lengths > 1
        fr[multi] = (L.ts[L.starts[multi] + 1] - start[multi]) / DAY_NS
        return fr
    is_resp = named_activities(L, response_activities, "journeys.error.response_activities", lang)
    later = np.ones(L.n_events, dtype=bool)
    later[L.starts] = False  # the citizen's own first contact never answers itself
    hit = np.flatnonzero(is_resp[L.act] & later)
    if len(hit):
        c = L.case[hit]
        first_hit = np.concatenate(([True], c[1:] != c[:-1]))
        fr[c[first_hit]] = (L.ts[hit[first_hit]] - start[c[first_hit]]) / DAY_NS
    return fr


def response_wait_days(L: CaseLog, closing: Closure, first_response: np.ndarray) -> np.ndarray:
    """Days each open case without a first response (*first_response* NaN, :func:`first_response_days`)
    has waited for one at the log's as-of time (rule 4); NaN for the others, and for every case when no
    case of the log has a response (the log records none)."""
    first_response = np.asarray(first_response, dtype=float)
    if not np.isfinite(first_response).any():
        return np.full(L.n_cases, np.nan)
    return np.where(np.isnan(first_response) & closing.open, (L.as_of - L.case_start) / DAY_NS, np.nan)


#: For each case measure, the column of :func:`case_times` with the age of an open case still without it (not
#: closed; not answered): not met once older than a target, censored in a median (rules 4 and 8).
WAITING = {"first_response_days": "response_wait_days", "resolution_days": "open_age_days"}


def counting_open(times: pd.DataFrame, measure: str) -> tuple[np.ndarray, np.ndarray]:
    """(days, observed) per case of *measure* (``first_response_days`` or ``resolution_days``) counting the open
    cases still without it (rules 4 and 8): a case's time where it has one (observed), else the age of a case
    still waiting (:data:`WAITING`; censored there), else NaN (left out) — what a Kaplan–Meier median takes."""
    done = pd.to_numeric(times[measure], errors="coerce").to_numpy(dtype=float)
    observed = np.isfinite(done)
    wait = times[WAITING[measure]] if WAITING[measure] in times.columns else pd.Series(np.nan, index=times.index)
    return np.where(observed, done, pd.to_numeric(wait, errors="coerce").to_numpy(dtype=float)), observed


def determined(L: CaseLog, closing: Closure) -> np.ndarray:
    """Per case: does the log tell when it finished or how long it has been open (rule 5)?  Every case
    when closure is known; else only the cases with two events or more (one event tells nothing)."""
    return np.ones(L.n_cases, dtype=bool) if closing.known else L.lengths >= 2


def resolution_days(L: CaseLog, closing: Closure) -> np.ndarray:
    """Days from start to end of each resolved case (rule 5); NaN for open or undetermined cases."""
    resolved = closing.closed if closing.known else determined(L, closing)
    return np.where(resolved, (L.case_end - L.case_start) / DAY_NS, np.nan)


def open_age_days(L: CaseLog, closing: Closure) -> np.ndarray:
    """Days from start to the log's as-of time of each open case (rule 6); NaN for the others."""
    return np.where(closing.open, (L.as_of - L.case_start) / DAY_NS, np.nan)


# =========================================================================== rule 7: deadline and breach
def _day_ends(dl: np.ndarray, timezone: str) -> np.ndarray:
    """Deadlines given as dates — every one at midnight in *timezone*, the zone the export's times
    were read in — mean the whole of that day: each becomes the next midnight (rule 7).  Deadlines
    with a time of day are kept as given."""
    given = dl != NAT
    if not given.any():
        return dl
    local = pd.DatetimeIndex(pd.to_datetime(dl[given], unit="ns")).tz_localize("UTC").tz_convert(timezone)
    if not (local == local.normalize()).all():
        return dl
    naive_next = local.tz_localize(None) + pd.Timedelta(days=1)
    nxt = naive_next.tz_localize(timezone, ambiguous="NaT", nonexistent="shift_forward")
    ends = np.where(nxt.isna(), (local + pd.Timedelta(days=1)).as_unit("ns").asi8, nxt.as_unit("ns").asi8)
    out = dl.copy()
    out[given] = ends
    return out


def deadlines(L: CaseLog, sla_days: int, timezone: str = "UTC") -> np.ndarray:
    """Each case's deadline (int64 ns): its own ``deadline`` (first given; a date means the end of that
    day in *timezone*: :func:`_day_ends`), else ``sla_days`` after its start."""
    deadline = L.case_start + int(sla_days) * DAY_NS
    dl = L.times("deadline")
    if dl is not None:
        dl = _day_ends(dl, timezone)
        first = L.first_per_case(np.where(dl != NAT, np.arange(L.n_events), -1))
        deadline = np.where(first >= 0, dl[np.maximum(first, 0)], deadline)
    return deadline


def breached(L: CaseLog, closing: Closure, deadline: np.ndarray) -> pd.arrays.BooleanArray:
    """Per case: finished after its deadline (rule 7; open cases are still running at the as-of time);
    NA for an undetermined case (rule 5: a single event in a log without closure)."""
    finish = np.where(closing.closed, L.case_end, L.as_of) if closing.known else L.case_end
    out = pd.array(finish > deadline, dtype="boolean")
    out[~determined(L, closing)] = pd.NA
    return out


def pending(L: CaseLog, closing: Closure, deadline: np.ndarray) -> np.ndarray:
    """Per case: not decided yet (rule 7) — open at the as-of time with its deadline not passed.

    Never pending when the log records no closure (every case is judged by its end)."""
    return closing.open & (L.as_of <= deadline)


# =========================================================================== rule 8: time to closure
def closure_times(L: CaseLog, closing: Closure) -> tuple[np.ndarray, np.ndarray]:
    """``(days, finished)`` per case (rule 8): a closed case's days from start to end (finished), an
    open case's age at the as-of time (not finished: right censored); when closure is not known,
    the days from start to end of every case with two events or more (finished) and NaN, not
    finished, for an undetermined one (rule 5; left out of an estimate).  The input of a
    Kaplan–Meier estimate."""
    if not closing.known:
        known = determined(L, closing)
        return np.where(known, (L.case_end - L.case_start) / DAY_NS, np.nan), known
    finish = np.where(closing.closed, L.case_end, L.as_of)
    return (finish - L.case_start) / DAY_NS, closing.closed.copy()


# =========================================================================== rule 9: month of opening
def local_timezone(settings: object, *, language: str | None = None) -> str:
    """The engagement's time zone: its ``timezone`` setting, else Asia/Jerusalem for a Hebrew engagement
    and UTC for an English one — the zone the loader reads naive export times in (README, "Dates";
    schema setting ``timezone``; :func:`svcwork.intake.load`).  *language* stands in for the settings'
    own where they could not be read."""
    tz = getattr(settings, "timezone", None)
    if tz:
        return str(tz)
    return "Asia/Jerusalem" if (language or getattr(settings, "language", None)) == "he" else "UTC"


def opening_month(L: CaseLog, timezone: str = "UTC") -> pd.PeriodIndex:
    """Each case's month of opening (rule 9): the calendar month of its start in *timezone*."""
    start = pd.DatetimeIndex(pd.to_datetime(L.case_start, unit="ns")).tz_localize("UTC")
    return start.tz_convert(timezone).tz_localize(None).to_period("M")


# =========================================================================== the per-case table
def case_times(log: pd.DataFrame | CaseLog, *, end_activities: Sequence[str] | None = None,
               response_activities: Sequence[str] | None = None, lang: str = "en") -> pd.DataFrame:
    """The per-case timing table: one row per case (in case order) with ``case_id``, ``start``,
    ``end``, ``events``, ``days`` (start to end, for every case), ``first_response_days``,
    ``response_wait_days`` (an open case still waiting for one: rule 4), ``closed`` (nullable: NA when the
    log records no closure), ``resolution_days``, ``open_age_days``, ``service_id``, ``channel`` (its
    schema key) and ``unit`` (each the case's first value)."""
    L = prepare(log, lang)
    c = closure(L, end_activities, lang=lang)
    fr = first_response_days(L, response_activities, lang=lang)
    return pd.DataFrame({
        "case_id": L.case_ids,
        "start": pd.to_datetime(L.case_start, unit="ns"),
        "end": pd.to_datetime(L.case_end, unit="ns"),
        "events": L.lengths,
        "days": (L.case_end - L.case_start) / DAY_NS,
        "first_response_days": fr,
        "response_wait_days": response_wait_days(L, c, fr),
        "closed": c.column(),
        "resolution_days": resolution_days(L, c),
        "open_age_days": open_age_days(L, c),
        "service_id": L.first_labels("service_id"),
        "channel": L.first_labels("channel"),
        "unit": L.first_labels("unit"),
    })
