"""Dates and times as clients export them: the order proven from the data, local time done right.

A date column is read with one format per shape of value (``31/12/2025 08:16``,
``12/31/2025 08:16:53 AM``, ``2025-12-31T08:16:53+02:00``, ``20251231081653``, Excel serials,
Excel date cells).  Where day and month could be swapped, the order is *proven* from the data
(a first field above 12 proves day-first, a second field above 12 proves month-first), else
*declared* (the Engagement setting ``date_order``), else the default is *assumed* and the caller
warns.  An order the data contradicts is reported with the rows that prove it.

Naive local times are placed in the engagement's time zone: the repeated hour when clocks go back
is resolved by the order of events within a case (else the first occurrence), a time in the
skipped spring hour moves forward; both are counted for a warning, never refused.

Parsing uses Arrow's vectorised ``strptime`` with the one inferred format (as fast as ISO
parsing; pandas falls back to Python's ``strptime`` for non-ISO formats).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["ORDERS", "EXCEL_EPOCH", "DatesRead", "Localized", "read_datetimes", "localize", "as_dates",
           "outside_period", "backwards_cases"]

ORDERS = ("DMY", "MDY", "YMD")
#: Excel's 1900 date system (serial 1 = 1900-01-01, with the 1900 leap-year bug): day 0 is 1899-12-30.
EXCEL_EPOCH = dt.datetime(1899, 12, 30)
#: Serial numbers accepted as Excel dates: 1955-01-01 … 2119-11-05 (anything else is not taken for a date).
_SERIAL_LO, _SERIAL_HI = 20090, 80000
#: Dates outside these years are refused (pandas' nanosecond range is never reached).
FIRST_YEAR, LAST_YEAR = 1900, 2200
_NAIVE = "datetime64[ns]"
_UTC = "datetime64[ns, UTC]"
_SAMPLE = 2000
_GAP = pd.Timedelta(hours=1)  # the spring-forward gap (one hour in every zone our clients use)
_SHOW = 3  # rows quoted as proof

_SHAPE = re.compile(r"""^\s*(?:
    (?P<ymd>\d{4})(?P<s1>[-/.])\d{1,2}(?P=s1)\d{1,2}
  | \d{1,2}(?P<s2>[-/.])\d{1,2}(?P=s2)(?P<yy>\d{4}|\d{2})
  | (?P<compact>\d{8}(?:\d{4}(?:\d{2})?)?)
  | (?P<serial>\d{1,7}(?:\.\d+)?)
)(?:(?P<sep>[ T]|\s+)(?P<hm>\d{1,2}:\d{2})(?P<sec>:\d{2})?(?P<frac>[.,]\d+)?(?:(?P<apsep>\s*)(?P<ampm>[AaPp][Mm]))?)?
\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?\s*$""", re.X)


@dataclass(frozen=True)
class DatesRead:
    """What :func:`read_datetimes` made of a column.

    ``naive`` holds wall-clock times of values without an offset, ``aware`` the UTC instants of
    values with one (NaT elsewhere).  ``bad`` marks non-blank values that are not a date.
    ``order`` is the day/month order used for ambiguous shapes (None when there were none),
    ``order_source`` one of ``"data"``, ``"declared"``, ``"default"``; ``proof`` rows prove it,
    ``contradicting`` rows are written in the other order (a declared order the data
    contradicts, or a column mixing both orders); ``formats`` the formats used.
    """

    naive: pd.Series
    aware: pd.Series
    bad: pd.Series
    order: str | None
    order_source: str | None
    proof: tuple = ()
    contradicting: tuple = ()
    formats: tuple[str, ...] = ()
    offsets: frozenset[str] = frozenset()
    serials: int = 0

    @property
    def mixed(self) -> bool:
        """Both orders are proven by different rows of the column."""
        return bool(self.proof) and bool(self.contradicting) and self.order_source == "data"


@dataclass(frozen=True)
class Localized:
    """Naive local times placed in a time zone (:func:`localize`).

    ``utc``: the instants; ``ambiguous`` marks wall times in the repeated autumn hour, of which
    ``by_order`` were decided by the neighbouring events of the same case (the rest took the
    first occurrence); ``shifted`` marks times in the skipped spring hour, moved forward.
    """

    utc: pd.Series
    ambiguous: pd.Series
    by_order: pd.Series
    shifted: pd.Series = field(repr=False)


def _format(m: re.Match, order: str) -> tuple[str, bool]:
    """The strptime format of a matched value and whether day/month could be swapped."""
    swappable = False
    if m["ymd"]:
        s = m["s1"]
        date = f"%Y{s}%m{s}%d"
    elif m["s2"]:
        s = m["s2"]
        y = "%Y" if len(m["yy"]) == 4 else "%y"
        date = (f"%d{s}%m{s}{y}" if order == "DMY" else f"%m{s}%d{s}{y}")
        swappable = True
    else:
        date = {8: "%Y%m%d", 12: "%Y%m%d%H%M", 14: "%Y%m%d%H%M%S"}[len(m["compact"])]
    if m["hm"]:
        hour = "%I" if m["ampm"] else "%H"
        sep = "T" if m["sep"] == "T" else " "
        date += f"{sep}{hour}:%M" + (":%S" if m["sec"] else "") + (f"{m['apsep']}%p" if m["ampm"] else "")
    if m["tz"]:
        date += "%z"
    return date, swappable


def _strptime(text: pd.Series, fmt: str, *, aware: bool) -> pd.Series:
    """Arrow's vectorised strptime; values that do not fit *fmt* become NaT.

    Arrow's strptime has no ``%f``: fractional seconds are cut off before parsing and added back
    (to the nanosecond), so ``08:16:53.276`` keeps its milliseconds.
    """
    arr = pa.array(text.astype("string").to_numpy(dtype=object, na_value=None), type=pa.string())
    arr = pc.utf8_trim_whitespace(arr)
    frac = None
    if "%S" in fmt:
        digits = pc.struct_field(pc.extract_regex(arr, pattern=r":\d\d[.,](?P<f>\d{1,9})"), [0])
        if digits.null_count < len(digits):
            nine = pc.utf8_slice_codeunits(pc.utf8_rpad(digits, width=9, padding="0"), 0, 9)
            frac = pc.fill_null(pc.cast(nine, pa.int64()), 0).to_numpy(zero_copy_only=False)
            arr = pc.replace_substring_regex(arr, pattern=r"(:\d\d)[.,]\d+", replacement=r"\1")
    if "%z" in fmt:
        arr = pc.replace_substring_regex(arr, pattern=r"\s*Z$", replacement="+0000")
    parsed = pc.strptime(arr, format=fmt, unit="s", error_is_null=True)
    parsed = _as_written(arr, parsed, fmt)
    years = pc.year(parsed)
    in_range = pc.and_(pc.greater_equal(years, FIRST_YEAR), pc.less_equal(years, LAST_YEAR))
    parsed = pc.if_else(pc.fill_null(in_range, False), parsed, pa.scalar(None, parsed.type))
    out = parsed.to_pandas()
    out.index = text.index
    if aware:
        out = out.dt.tz_localize("UTC") if out.dt.tz is None else out.dt.tz_convert("UTC")
    out = out.astype(_UTC if aware else _NAIVE)
    if frac is not None:
        out = out + pd.to_timedelta(frac, unit="ns")
    return out


_WRITTEN = {"%Y": r"\d{4}", "%y": r"\d{2}", "%m": r"\d{1,2}", "%d": r"(?P<d>\d{1,2})", "%H": r"\d{1,2}",
            "%I": r"\d{1,2}", "%M": r"\d{1,2}", "%S": r"(?P<S>\d{1,2})", "%p": r"[AaPp][Mm]", "%z": r".*"}


def _as_written(arr: pa.Array, parsed: pa.Array, fmt: str) -> pa.Array:
    """Null where Arrow's strptime rolled an impossible value over instead of refusing it.

    Arrow (unlike Python's strptime) reads 2025-02-30 as 2025-03-02, 31/04/2025 as 1 May and
    23:59:60 as the next minute: the day of the date part and the seconds read must be the ones
    written.  A rolled-over wall time lands on day 1–3 or second 0–1 (an offset moves the instant
    by less than a day: day 28–31 or 1–4), so only those values are checked.  The date part is
    read again on its own, so an offset moving the instant to another day does not count.
    """
    day = pc.day(parsed)
    suspect = pc.or_(pc.less_equal(day, 4 if "%z" in fmt else 3), pc.less_equal(pc.second(parsed), 1))
    if "%z" in fmt:
        suspect = pc.or_(suspect, pc.greater_equal(day, 28))
    rows = np.flatnonzero(pc.fill_null(suspect, False).to_numpy(zero_copy_only=False))
    if not len(rows):
        return parsed
    sub_arr, sub_parsed = arr.take(rows), parsed.take(rows)
    tokens = re.findall(r"%[A-Za-z]|.", fmt, flags=re.S)
    cut = [i for i, t in enumerate(tokens) if t in ("%Y", "%y", "%m", "%d")][2] + 1
    end = tokens.index("%S") + 1 if "%S" in tokens else cut  # nothing after the seconds is needed
    pattern = [_WRITTEN[t] if t in _WRITTEN else (r"\s*" if t == " " else re.escape(t)) for t in tokens[:end]]
    rx = "^(?P<date>" + "".join(pattern[:cut]) + ")" + "".join(pattern[cut:])
    written = pc.extract_regex(sub_arr, pattern=rx)  # null where the value is not of this shape

    def field(name: str) -> pa.Array:  # pc.struct_field keeps the struct's nulls (.field() would not)
        return pc.struct_field(written, [written.type.get_field_index(name)])

    date_only = pc.strptime(field("date"), format="".join(tokens[:cut]), unit="s", error_is_null=True)
    same = pc.equal(pc.day(date_only), pc.cast(field("d"), pa.int64()))
    if "%S" in fmt:
        same = pc.and_(same, pc.equal(pc.second(sub_parsed), pc.cast(field("S"), pa.int64())))
    keep = np.ones(len(parsed), dtype=bool)
    keep[rows] = pc.fill_null(same, False).to_numpy(zero_copy_only=False)
    return pc.if_else(pa.array(keep), parsed, pa.scalar(None, parsed.type))


def _serial(text: pd.Series, epoch: dt.datetime) -> pd.Series:
    number = pd.to_numeric(text, errors="coerce")
    ok = (number >= _SERIAL_LO) & (number <= _SERIAL_HI)
    seconds = (number.where(ok) * 86400).round()
    out = pd.Timestamp(epoch) + pd.to_timedelta(seconds, unit="s")
    return out.astype(_NAIVE)


def read_datetimes(text: pd.Series, *, order: str | None = None, default_order: str = "DMY",
                   epoch: dt.datetime = EXCEL_EPOCH) -> DatesRead:
    """Read a column of dates/times as clients export them.

    Parameters
    ----------
    text
        The column as text (blank = NA); datetime cells from Excel arrive as ISO text.
    order
        The declared day/month order (``"DMY"``, ``"MDY"``; ``"YMD"`` declares no swappable
        dates), or None.  The data overrides nothing: rows that contradict it are returned.
    default_order
        The order assumed where neither the data nor *order* decides.
    epoch
        Day 0 of Excel serial numbers (1899-12-30, or 1904-01-01 for Mac workbooks).

    Notes
    -----
    The order proof follows the usual rule of date-format inference (e.g. pandas'
    ``guess_datetime_format`` with ``dayfirst``): a field above 12 cannot be a month.
    """
    index = text.index
    # blank = NA: an empty or all-space string is a blank cell, not a value that fails to be a date
    present = text.notna() & text.astype("string").str.strip().fillna("").ne("").to_numpy()
    naive = pd.Series(pd.NaT, index=index, dtype=_NAIVE)
    aware = pd.Series(pd.NaT, index=index, dtype=_UTC)
    used_order = (order if order in ("DMY", "MDY") else None) or default_order
    source = "declared" if order in ("DMY", "MDY") else "default"
    formats: list[str] = []
    swappable_fmts: list[tuple[str, pd.Index]] = []
    serials = 0
    remaining = text[present]
    # one pass per shape: a sample decides the shapes, the rest fall through to the next pass
    for _ in range(12):
        if remaining.empty:
            break
        sample = remaining.iloc[:: max(1, len(remaining) // _SAMPLE)].head(_SAMPLE)
        shapes: dict[str, tuple[bool, bool]] = {}
        for value in sample.astype(str):
            m = _SHAPE.match(value)
            if m is None:
                continue
            if m["serial"]:
                shapes.setdefault("serial", (False, False))
                continue
            fmt, swappable = _format(m, used_order)
            shapes.setdefault(fmt, (swappable, bool(m["tz"])))
        if not shapes:
            # nothing in the sample has a known shape: try each remaining value's own shape once
            own = {}
            for i, value in remaining.astype(str).items():
                m = _SHAPE.match(value)
                if m is not None and not m["serial"]:
                    own.setdefault(_format(m, used_order), []).append(i)
                elif m is not None:
                    own.setdefault(("serial", False), []).append(i)
            if not own:
                break
            shapes = {fmt: (sw, "%z" in fmt) for fmt, sw in own}
        progress = False
        for fmt, (swappable, tz) in shapes.items():
            if remaining.empty:
                break
            if fmt == "serial":
                got = _serial(remaining, epoch)
                ok = got.notna()
                naive.loc[ok[ok].index] = got[ok]
                serials += int(ok.sum())
            else:
                got = _strptime(remaining, fmt, aware=tz)
                ok = got.notna()
                (aware if tz else naive).loc[ok[ok].index] = got[ok]
                if swappable:
                    # kept even when nothing fits: a column written wholly in the other order must
                    # still be tried in that order below (else it would all be "bad")
                    swappable_fmts.append((fmt, ok[ok].index))
            if ok.any():
                formats.append(fmt)
                progress = True
            remaining = remaining[~ok]
        if not progress:
            break
    bad = present & naive.isna() & aware.isna()
    proof: tuple = ()
    contradicting: tuple = ()
    read_any = any(len(idx) for _, idx in swappable_fmts)
    contra = pd.Index([])
    if swappable_fmts and bad.any():
        # bad rows that read in the other order contradict it
        bad_text = text[bad]
        for fmt in dict.fromkeys(f for f, _ in swappable_fmts):
            got = _strptime(bad_text, _swap(fmt), aware="%z" in fmt)
            contra = contra.append(got[got.notna()].index)
    if read_any or len(contra):
        # rows read under the used order whose day as written (the first field for DMY, the second
        # for MDY) is above 12 prove it: a wall-clock value's day is the day written, but an
        # offset can put the instant of a value with one on another day
        proof_idx = [idx[(_written_day(text.loc[idx], used_order) if "%z" in fmt
                          else naive.loc[idx].dt.day.fillna(0).to_numpy()) > 12] for fmt, idx in swappable_fmts]
        proving = proof_idx[0].append(proof_idx[1:]) if len(proof_idx) > 1 else proof_idx[0]
        other = "MDY" if used_order == "DMY" else "DMY"
        if len(proving):
            source = "data" if source == "default" else source
            proof = tuple(proving[:_SHOW])
        if len(contra) and not len(proving) and source == "default":
            # the data proves the other order: read every swappable value again in that order
            return replace(read_datetimes(text, order=other, default_order=other, epoch=epoch), order_source="data")
        contradicting = tuple(contra.unique()[:_SHOW]) if len(contra) else ()
    else:
        used_order = None
        source = None
    offsets = frozenset()
    if aware.notna().any():
        # the offsets written (Z, +02:00 …), found by Arrow over the whole column: not a Python regex per row
        arr = pa.array(text[aware.notna()].astype("string").to_numpy(dtype=object, na_value=None), type=pa.string())
        found = pc.struct_field(pc.extract_regex(arr, pattern=r"(?P<o>Z|[+-]\d{2}:?\d{2})\s*$"), [0])
        offsets = frozenset(v for v in pc.unique(found).to_pylist() if v is not None)
    return DatesRead(naive=naive, aware=aware, bad=bad, order=used_order, order_source=source, proof=proof,
                     contradicting=contradicting, formats=tuple(dict.fromkeys(formats)), offsets=offsets,
                     serials=serials)


def _written_day(text: pd.Series, order: str) -> np.ndarray:
    """The day field as written in day/month/year values (the first field for DMY, else the second); 0 if none."""
    arr = pa.array(text.astype("string").to_numpy(dtype=object, na_value=None), type=pa.string())
    day = "(?P<d>\\d{1,2})[-/.]\\d{1,2}" if order == "DMY" else "\\d{1,2}[-/.](?P<d>\\d{1,2})"
    found = pc.struct_field(pc.extract_regex(arr, pattern=rf"^\s*{day}[-/.]"), [0])
    return pc.fill_null(pc.cast(found, pa.int64()), 0).to_numpy(zero_copy_only=False)


def _swap(fmt: str) -> str:
    return fmt.replace("%d", "\0").replace("%m", "%d").replace("\0", "%m")


def localize(naive: pd.Series, tz: str, *, groups: pd.Series | None = None) -> Localized:
    """Place naive wall-clock times in *tz* (IANA name) and return UTC instants.

    A wall time in the repeated autumn hour has two instants; it takes the one that keeps the
    events of its case (*groups*, in the series' order) in time order when a neighbour decides,
    else the first occurrence (daylight time).  A wall time in the skipped spring hour does not
    exist; it is read as standard time, i.e. moved forward by the one-hour gap (02:30 → 03:30),
    as a clock not yet put forward would have shown it.
    """
    index = naive.index
    empty = pd.Series(False, index=index)
    if tz in ("UTC", "Etc/UTC"):
        return Localized(naive.dt.tz_localize("UTC").astype(_UTC), empty, empty, empty)
    strict = naive.dt.tz_localize(tz, ambiguous="NaT", nonexistent="NaT")
    odd = naive.notna() & strict.isna()
    if not odd.any():
        return Localized(strict.dt.tz_convert("UTC").astype(_UTC), empty, empty, empty)
    first = naive.dt.tz_localize(tz, ambiguous=np.ones(len(naive), dtype=bool), nonexistent=_GAP)
    second = naive.dt.tz_localize(tz, ambiguous=np.zeros(len(naive), dtype=bool), nonexistent=_GAP)
    ambiguous = odd & (first != second)
    shifted = odd & ~ambiguous
    chosen = first.copy()
    by_order = pd.Series(False, index=index)
    if ambiguous.any() and groups is not None:
        # Decided in file order, one ambiguous row after the other, against the *chosen* instant of
        # the previous timed event of its case (several events in the repeated hour follow each
        # other: 02:50, 02:10, 02:20 are first, second, second occurrence), and the next timed
        # event's first occurrence.  Events without a time are not neighbours.
        f = first.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy()
        s = second.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy()
        t = f.copy()
        timed = naive.notna().to_numpy()
        pos = np.flatnonzero(timed)
        keys = pd.Series(groups.to_numpy()[timed])
        by_case = pd.Series(pos).groupby(keys, sort=False, dropna=False)
        prev_pos, next_pos = by_case.shift(1).to_numpy(), by_case.shift(-1).to_numpy()
        take = np.zeros(len(naive), dtype=bool)
        decided = np.zeros(len(naive), dtype=bool)
        for k in np.flatnonzero(ambiguous.to_numpy()[timed]):
            i, p_, n_ = pos[k], prev_pos[k], next_pos[k]
            if not np.isnan(p_) and f[i] < t[int(p_)] <= s[i]:
                t[i] = s[i]
                take[i] = decided[i] = True
            elif not np.isnan(n_) and f[i] <= f[int(n_)] < s[i]:
                decided[i] = True
        chosen = chosen.where(~take, second)
        by_order = pd.Series(decided, index=index)
    return Localized(chosen.dt.tz_convert("UTC").astype(_UTC), ambiguous, by_order, shifted)


def as_dates(read: DatesRead) -> pd.Series:
    """Calendar dates of a read column: wall-clock dates, and the UTC date of values with an offset."""
    utc_dates = read.aware.dt.tz_convert(None).astype(_NAIVE)
    return read.naive.combine_first(utc_dates).dt.normalize().astype("datetime64[ns]")


def _utc_naive(values: pd.Series) -> pd.Series:
    """Instants as naive UTC (local times as they are): comparable, and numbers in numpy."""
    return values.dt.tz_convert(None) if getattr(values.dt, "tz", None) is not None else values


def outside_period(values: pd.Series, start: dt.date, end: dt.date, *, margin_days: int) -> pd.Series:
    """Rows whose instant or date lies more than *margin_days* before *start* or after *end*."""
    v = _utc_naive(values)
    lo = pd.Timestamp(start) - pd.Timedelta(days=margin_days)
    hi = pd.Timestamp(end) + pd.Timedelta(days=margin_days + 1)
    return v.notna() & ((v < lo) | (v >= hi))


def backwards_cases(case: pd.Series, values: pd.Series) -> tuple[int, int, tuple]:
    """Cases whose events, in file order, go back in time: (cases going back, cases with 2+ events, rows).

    In a correctly read export the events of a case are listed in time order, or in an order the
    timestamps contradict only rarely; a large share of cases going back in time is the sign of
    a wrong day/month order.
    """
    frame = pd.DataFrame({"c": case.to_numpy(), "t": _utc_naive(values).to_numpy()}, index=values.index).dropna()
    if frame.empty:
        return 0, 0, ()
    step = frame.groupby("c", sort=False)["t"].diff()
    back = step < pd.Timedelta(0)
    sizes = frame.groupby("c", sort=False)["t"].size()
    multi = int((sizes > 1).sum())
    cases_back = frame.loc[back[back].index, "c"].unique()
    return len(cases_back), multi, tuple(back[back].index[:_SHOW])
