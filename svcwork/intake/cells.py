"""One cell of the intake workbook turned into its column's clean value, or the reason it cannot be.

:func:`_coerce` reads a raw cell (as calamine gives it: text, number, date, bool) by the kind
its column declares in :mod:`svcwork.schema` — text and identifiers, integers, numbers and
scores with their ranges, AHP judgements (``1/3``), dates and months (Excel serials in the
workbook's date system, or text; a bare year such as 2025 is never a serial: :func:`_year`),
enumerations in either language, lists, timestamps (a number typed ``"30%"`` is read as Excel
stores a typed percent: :func:`svcwork.intake.percent.typed_percent`) — and
raises :class:`_Bad` (a problem code and its parameters) when the value does not fit.  The
callers record the problem with the cell's sheet, row and column.

Also here: the pandas dtype of each kind, and :func:`_to_utc`, the timestamp parser that never
raises (used for companion files too).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import warnings
from dataclasses import dataclass
from typing import Mapping

import pandas as pd

from ..schema import Column, Sheet, normalize_name
from .percent import typed_percent


_EXCEL_ERRORS = {"#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
                 "#GETTING_DATA"}
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f\u200e\u200f]+")
_FRACTION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)\s*$")
_YEAR_FIRST_FORMATS = ("%Y-%m-%d", "%Y/%m/%d")
#: Day/month/year text dates, day first; month first is the same with %d and %m swapped (:func:`_date_formats`).
_DAY_FIRST_FORMATS = ("%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%y", "%d.%m.%y", "%d-%m-%y")
#: A text date whose day and month could be swapped (``05/01/2025``, ``5.1.25 10:00``): its order is the
#: workbook's (:class:`_DateRule`), decided as for the companion files (:func:`svcwork.exports.dates.read_datetimes`).
_SWAPPABLE = re.compile(r"^\s*\d{1,2}([-/.])\d{1,2}\1(?:\d{4}|\d{2})(?:(?:\s+|T)\d.*)?$")
_TIME_SUFFIXES = ("", " %H:%M", " %H:%M:%S", "T%H:%M", "T%H:%M:%S")
_MONTH_FORMATS = ("%Y-%m", "%m/%Y", "%Y/%m", "%m.%Y", "%m-%Y")
_SPLIT_IDS = re.compile(r"[,;\n]+")


def _date_formats(order: str) -> tuple[str, ...]:
    """The text-date formats tried, day/month ones in *order* (``"DMY"`` or ``"MDY"``)."""
    if order == "MDY":
        swapped = tuple(f.replace("%d", "%@").replace("%m", "%d").replace("%@", "%m") for f in _DAY_FIRST_FORMATS)
        return _YEAR_FIRST_FORMATS + swapped
    return _YEAR_FIRST_FORMATS + _DAY_FIRST_FORMATS


def _swappable(value: object) -> bool:
    """A text date whose day and month could be read either way (``05/01/2025``)."""
    return isinstance(value, str) and bool(_SWAPPABLE.match(value))


@dataclass(frozen=True)
class _DateRule:
    """How the workbook's day/month text dates are read: in *order*, which the data proved (``source``
    ``"data"``), the Engagement sheet declared (``"declared"``), the language's usual order assumed
    (``"default"``), or not decided yet (None).  *proof*: cells that prove the order (for messages)."""

    order: str = "DMY"
    source: str | None = None
    proof: str = ""


class _Bad(Exception):
    """A cell value that does not fit its column: carries the problem code and parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not _SPACES.sub("", value)) or (
        isinstance(value, float) and math.isnan(value))


def _as_text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if (value.hour, value.minute, value.second) != (0, 0, 0) else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _as_number(value: object) -> float:
    if isinstance(value, bool):
        raise _Bad("not_number")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise _Bad("not_number")
        return float(value)
    if isinstance(value, str):
        text = _SPACES.sub("", value)
        if text.upper() in _EXCEL_ERRORS:
            raise _Bad("excel_error")
        if text.endswith("%"):  # put on its column's scale by :func:`_coerce`
            text = text[:-1]
        if _THOUSANDS.match(text):
            text = text.replace(",", "")
        try:
            number = float(text)
        except ValueError:
            raise _Bad("not_number") from None
        if not math.isfinite(number):
            raise _Bad("not_number")
        return number
    raise _Bad("not_number")


def _from_serial(serial: float, epoch: dt.datetime) -> dt.datetime:
    if not 1 <= serial < 2_958_466:
        raise _Bad("not_date")
    return epoch + dt.timedelta(days=float(serial))


def _as_date(value: object, epoch: dt.datetime, *, month_ok: bool = False, rule: _DateRule | None = None) -> dt.date:
    date = _parse_date(value, epoch, month_ok=month_ok, rule=rule or _DateRule())
    if not 1900 <= date.year <= 2200:
        raise _Bad("not_date")
    return date


#: A whole number in these years typed in a date or period cell is a year, never an Excel serial (serial 2025 is
#: 1905-07-17, a date no engagement has).
_YEAR_LO, _YEAR_HI = 1900, 2100


def _year(value: object, epoch: dt.datetime) -> int | None:
    """The year a date or period cell holds when it holds only a year: ``2025``, ``"2025"``, or a date cell whose
    serial is such a number (2025 typed in a cell formatted as a date shows as 1905-07-17); else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        delta = value - epoch
        if delta.seconds or delta.microseconds:
            return None
        number: float = float(delta.days)
    elif isinstance(value, dt.date):
        return _year(dt.datetime.combine(value, dt.time()), epoch)
    elif isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str) and re.fullmatch(r"\s*\d{4}(\.0+)?\s*", value):
        number = float(value)
    else:
        return None
    return int(number) if number.is_integer() and _YEAR_LO <= number <= _YEAR_HI else None


def _parse_date(value: object, epoch: dt.datetime, *, month_ok: bool, rule: _DateRule) -> dt.date:
    year = _year(value, epoch)
    if year is not None:  # a year, not a date: reported, never turned into a day of 1905
        raise _Bad("year_not_date", year=year)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise _Bad("not_date")
    if isinstance(value, (int, float)):
        return _from_serial(float(value), epoch).date()
    if isinstance(value, str):
        text = " ".join(value.split())
        if text.upper() in _EXCEL_ERRORS:
            raise _Bad("excel_error")
        text = text.replace("Z", "")
        found = _strptime_date(text, _date_formats(rule.order))
        if found is not None:
            return found
        if _SWAPPABLE.match(text) and rule.source == "data":
            other = "MDY" if rule.order == "DMY" else "DMY"
            if _strptime_date(text, _date_formats(other)) is not None:  # only the other order: the workbook mixes both
                raise _Bad("date_text_mixed", order=rule.order, other=other, proof=rule.proof)
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            pass
        if month_ok:
            for fmt in _MONTH_FORMATS:
                try:
                    return dt.datetime.strptime(text, fmt).date()
                except ValueError:
                    continue
        if re.fullmatch(r"\d+(\.\d+)?", text):
            return _from_serial(float(text), epoch).date()
    raise _Bad("not_date")


def _strptime_date(text: str, formats: tuple[str, ...]) -> dt.date | None:
    for fmt in formats:
        for suffix in _TIME_SUFFIXES:
            try:
                return dt.datetime.strptime(text, fmt + suffix).date()
            except ValueError:
                continue
    return None


def _coerce(value: object, column: Column, epoch: dt.datetime, lookups: Mapping[str, Mapping[str, str]],
            rule: _DateRule | None = None) -> object:
    """Turn one raw cell into the column's clean value, or raise :class:`_Bad`.

    Text dates whose day and month could be swapped are read by *rule* (day first when None)."""
    kind = column.kind
    if isinstance(value, str) and value.strip().upper() in _EXCEL_ERRORS and kind not in ("text",):
        raise _Bad("excel_error")
    if kind in ("text", "id"):
        return _as_text(value)
    if kind in ("int", "number", "score"):
        number = _as_number(value)
        if isinstance(value, str) and _SPACES.sub("", value).endswith("%"):
            number = typed_percent(number, lo=column.lo, hi=column.hi)
        if kind in ("int", "score") and not number.is_integer():
            raise _Bad("not_integer")
        _check_range(number, column)
        return int(number) if kind == "int" else number
    if kind == "judgement":
        if isinstance(value, str) and (m := _FRACTION.match(value)):
            den = float(m.group(2))
            if den == 0:
                raise _Bad("not_judgement")
            number = float(m.group(1)) / den
        else:
            try:
                number = _as_number(value)
            except _Bad:
                raise _Bad("not_judgement") from None
        if not (1 / 9 * 0.98 <= number <= 9 * 1.0001):
            raise _Bad("not_judgement")
        return number
    if kind in ("date", "period"):
        return _as_date(value, epoch, month_ok=kind == "period", rule=rule)
    if kind == "enum":
        text = _as_text(value)
        if isinstance(value, bool):
            text = "yes" if value else "no"
        key = lookups[column.enum].get(normalize_name(text))
        if key is None:
            raise _Bad("not_in_enum", enum=column.enum)
        return key
    if kind in ("ids", "list"):
        return tuple(p.strip() for p in _SPLIT_IDS.split(_as_text(value)) if p.strip())
    if kind == "timestamp":
        ts = _to_utc(pd.Series([_as_text(value)], dtype="string"), format="ISO8601").iloc[0]
        if pd.isna(ts):
            raise _Bad("not_timestamp")
        return ts
    raise AssertionError(kind)  # pragma: no cover - schema is checked on import


def _check_range(number: float, column: Column) -> None:
    lo, hi = column.lo, column.hi
    if lo is not None and hi is not None and not lo <= number <= hi:
        raise _Bad("out_of_range", lo=_fmt(lo), hi=_fmt(hi))
    if lo is not None and hi is None and number < lo:
        raise _Bad("below_min", lo=_fmt(lo))
    if hi is not None and lo is None and number > hi:
        raise _Bad("above_max", hi=_fmt(hi))


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.3g}"


_DTYPES = {"id": "string", "text": "string", "enum": "string", "int": "Int64", "number": "float64",
           "score": "float64", "judgement": "float64", "date": "datetime64[ns]", "period": "datetime64[ns]",
           "timestamp": "datetime64[ns, UTC]"}


def _empty_frame(sheet_schema: Sheet) -> pd.DataFrame:
    data = {c.key: pd.Series([], dtype=_DTYPES.get(c.kind, "object")) for c in sheet_schema.columns}
    data["_row"] = pd.Series([], dtype="int64")
    return pd.DataFrame(data)


def _typed_column(values: list, kind: str) -> pd.Series:
    if kind in ("ids", "list"):
        return pd.Series([v if v is not None else () for v in values], dtype="object")
    if kind in ("date", "period"):
        return pd.to_datetime(pd.Series(values, dtype="object"), errors="coerce").astype("datetime64[ns]")
    return pd.Series(values, dtype=_DTYPES.get(kind, "object"))


def _letter(j: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(j + 1)


#: Dates and timestamps outside these years are refused (as in the workbook: see ``_as_date``); pandas'
#: own range (1677–2262 at nanosecond resolution) is never reached, so no value can overflow it.
_FIRST_YEAR, _LAST_YEAR = 1900, 2200
_DT_LO = pd.Timestamp(f"{_FIRST_YEAR}-01-01", tz="UTC")
_DT_HI = pd.Timestamp(f"{_LAST_YEAR + 1}-01-01", tz="UTC")
_UTC = "datetime64[ns, UTC]"


def _to_utc(text: pd.Series, **kwargs: object) -> pd.Series:
    """``pd.to_datetime(text, utc=True, errors="coerce")`` that never raises.

    Values pandas cannot represent (year 1, ``-1``, 9999-12-31 …) or outside the accepted years
    become NaT, to be reported as ``not_date``/``not_timestamp``.  pandas raises for some of them
    even with ``errors="coerce"`` (OutOfBoundsDatetime, NotImplementedError …); the series is then
    split in halves until the offending values are isolated.
    """
    if len(text) == 0:
        return pd.Series([], index=text.index, dtype=_UTC)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = pd.to_datetime(text, errors="coerce", utc=True, **kwargs)
        parsed = pd.Series(parsed, index=text.index)
        if not isinstance(parsed.dtype, pd.DatetimeTZDtype):
            raise TypeError(f"unexpected dtype {parsed.dtype}")
        return parsed.where((parsed >= _DT_LO) & (parsed < _DT_HI)).astype(_UTC)
    except Exception:  # noqa: BLE001 - isolate the values pandas chokes on
        if len(text) == 1:
            return pd.Series(pd.NaT, index=text.index, dtype=_UTC)
        mid = len(text) // 2
        return pd.concat([_to_utc(text.iloc[:mid], **kwargs), _to_utc(text.iloc[mid:], **kwargs)])
