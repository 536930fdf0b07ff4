"""svcwork.exports.dates: date columns as clients export them, and local time across DST.

Every parsed value is checked against an independent reference: Python's ``datetime.strptime``
with the format a person would write for that shape, pandas ``to_datetime`` with an explicit
format, ``openpyxl``'s own Excel-serial conversion, and ``zoneinfo`` (with ``fold``) for local
time.  Nothing is compared with svcwork's own output.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

from svcwork.exports.dates import backwards_cases, localize, outside_period, read_datetimes

UTC = dt.timezone.utc


def _read(values, index=None, **kw):
    """read_datetimes on a column of *values*; the column must come back unmodified."""
    text = pd.Series(values, index=index, dtype=object)
    before = text.copy(deep=True)
    r = read_datetimes(text, **kw)
    pd.testing.assert_series_equal(text, before)
    return r


def _ts(d: dt.datetime | None) -> pd.Timestamp:
    """A reference datetime as the Timestamp svcwork returns (aware ones in UTC)."""
    if d is None:
        return pd.NaT
    return pd.Timestamp(d.astimezone(UTC)) if d.tzinfo else pd.Timestamp(d)


# =========================================================================== one value of each shape
SHAPES = [
    # value,                              Python strptime format of the same value
    ("2025-12-31T08:16:53", "%Y-%m-%dT%H:%M:%S"),
    ("2025-12-31 08:16:53", "%Y-%m-%d %H:%M:%S"),
    ("2025-12-31 08:16", "%Y-%m-%d %H:%M"),
    ("2025-12-31", "%Y-%m-%d"),
    ("2025-1-5", "%Y-%m-%d"),
    ("2025-12-31T08:16:53Z", "%Y-%m-%dT%H:%M:%S%z"),
    ("2025-12-31T08:16:53+02:00", "%Y-%m-%dT%H:%M:%S%z"),
    ("2025-12-31T08:16:53+0200", "%Y-%m-%dT%H:%M:%S%z"),
    ("2025-12-31T01:16:53-05:30", "%Y-%m-%dT%H:%M:%S%z"),
    ("2025-12-31 08:16:53 +02:00", "%Y-%m-%d %H:%M:%S %z"),
    ("2025-12-31T08:16:53.276", "%Y-%m-%dT%H:%M:%S.%f"),
    ("2025-12-31T08:16:53.123456", "%Y-%m-%dT%H:%M:%S.%f"),
    ("2025-12-31T08:16:53.000001", "%Y-%m-%dT%H:%M:%S.%f"),
    ("2025-12-31 08:16:53,5", "%Y-%m-%d %H:%M:%S,%f"),
    ("2025-12-31T08:16:53.123456+02:00", "%Y-%m-%dT%H:%M:%S.%f%z"),
    ("2025-12-31T08:16:53.25Z", "%Y-%m-%dT%H:%M:%S.%f%z"),
    ("2025-03-01T01:00:00+03:00", "%Y-%m-%dT%H:%M:%S%z"),   # the instant is in February
    ("2025-02-28T23:30:00-05:00", "%Y-%m-%dT%H:%M:%S%z"),   # the instant is in March
    ("2024-12-31T23:59:59-01:00", "%Y-%m-%dT%H:%M:%S%z"),   # the instant is in the next year
    ("31/12/2025 08:16", "%d/%m/%Y %H:%M"),
    ("31/12/2025 08:16:53", "%d/%m/%Y %H:%M:%S"),
    ("31/12/2025 8:16", "%d/%m/%Y %H:%M"),
    ("31-12-2025", "%d-%m-%Y"),
    ("12/31/2025 08:16:53 AM", "%m/%d/%Y %I:%M:%S %p"),
    ("12/31/2025 08:16:53 PM", "%m/%d/%Y %I:%M:%S %p"),
    ("12/31/2025 12:16:53 am", "%m/%d/%Y %I:%M:%S %p"),
    ("12/31/2025 08:16:53 pm", "%m/%d/%Y %I:%M:%S %p"),
    ("12/31/2025 8:16am", "%m/%d/%Y %I:%M%p"),
    ("31.12.25", "%d.%m.%y"),
    ("13.1.99", "%d.%m.%y"),
    ("31.12.2025 23:59", "%d.%m.%Y %H:%M"),
    ("2025/12/31", "%Y/%m/%d"),
    ("2025/12/31 08:16:53", "%Y/%m/%d %H:%M:%S"),
    ("20251231", "%Y%m%d"),
    ("202512310816", "%Y%m%d%H%M"),
    ("20251231081653", "%Y%m%d%H%M%S"),
]


@pytest.mark.parametrize(("value", "fmt"), SHAPES, ids=[v for v, _ in SHAPES])
def test_each_shape_read_as_strptime_reads_it(value: str, fmt: str) -> None:
    """A value of each shape, alone in its column, is the instant ``datetime.strptime`` gives.

    Wall-clock values land in ``naive``; values with an offset (``Z``, ``+02:00``, ``+0200``) in
    ``aware`` as UTC.  Fractional seconds are kept to the microsecond.
    """
    expected = dt.datetime.strptime(value, fmt)
    r = _read([value])
    assert not r.bad.iloc[0]
    if expected.tzinfo is None:
        assert r.naive.iloc[0] == _ts(expected) and pd.isna(r.aware.iloc[0])
    else:
        assert r.aware.iloc[0] == _ts(expected) and pd.isna(r.naive.iloc[0])
        assert str(r.aware.dt.tz) == "UTC"


def test_all_shapes_in_one_column() -> None:
    """Shapes mixed in one column (one format per shape): each row still read as strptime reads it."""
    # day-first and month-first rows cannot share a column: the month-first ones are left out
    rows = [(v, f) for v, f in SHAPES if "%m/%d" not in f]
    r = _read([v for v, _ in rows], index=range(100, 100 + len(rows)))
    assert not r.bad.any()
    for i, (value, fmt) in zip(r.naive.index, rows):
        expected = _ts(dt.datetime.strptime(value, fmt))
        got = r.aware.loc[i] if expected.tzinfo else r.naive.loc[i]
        assert got == expected, value
    assert r.order == "DMY" and r.order_source == "data"
    assert r.offsets == {"Z", "+02:00", "+0200", "-05:30", "+03:00", "-05:00", "-01:00"}


def test_fractional_seconds_to_the_microsecond_against_pandas() -> None:
    """Fractions of 1 to 6 digits, compared with pandas ``to_datetime`` given the explicit format."""
    values = ["2025-03-01 10:00:00.1", "2025-03-01 10:00:00.12", "2025-03-01 10:00:00.123",
              "2025-03-01 10:00:00.1234", "2025-03-01 10:00:00.12345", "2025-03-01 10:00:00.123456"]
    ref = pd.to_datetime(pd.Series(values), format="%Y-%m-%d %H:%M:%S.%f")
    got = _read(values).naive
    assert got.tolist() == ref.tolist()
    assert got.iloc[5].microsecond == 123456


@pytest.mark.parametrize(("value", "serial", "epoch"), [
    ("45000", 45000, WINDOWS_EPOCH),
    ("43831", 43831, WINDOWS_EPOCH),        # 2020-01-01
    ("45000.5", 45000.5, WINDOWS_EPOCH),    # noon
    ("45000.75", 45000.75, WINDOWS_EPOCH),
    ("45000", 45000, MAC_EPOCH),            # a Mac workbook: 1462 days later
    ("42369", 42369, MAC_EPOCH),            # 2020-01-01 in the 1904 system
    ("42369.25", 42369.25, MAC_EPOCH),
])
def test_excel_serials_as_openpyxl_converts_them(value: str, serial: float, epoch: dt.datetime) -> None:
    """Excel serial numbers in both date systems, compared with openpyxl's ``from_excel``."""
    kw = {} if epoch == WINDOWS_EPOCH else {"epoch": dt.datetime(1904, 1, 1)}
    r = _read([value], **kw)
    assert r.naive.iloc[0] == pd.Timestamp(from_excel(serial, epoch=epoch))
    assert r.serials == 1 and not r.bad.iloc[0]


def test_known_serials() -> None:
    """Two serials every Excel user can check by typing them into a cell."""
    assert _read(["43831"]).naive.iloc[0] == pd.Timestamp("2020-01-01")
    assert _read(["42369"], epoch=dt.datetime(1904, 1, 1)).naive.iloc[0] == pd.Timestamp("2020-01-01")


@pytest.mark.parametrize("value", [
    "junk", "n/a", "31/31/2025", "2025-13-01", "2025-02-30", "29/02/2025", "25:00", "2025-12-31 25:00",
    "12/31/2025 13:00:00 PM", "45000abc", "3", "100", "1234567", "2025-12-31T08:16:53+2", "31/12",
    # impossible days and seconds Python refuses (Arrow alone would roll them into the next day/month)
    "31/04/2025", "31/04/2025 10:00", "20250230", "2025-02-29T10:00:00+02:00", "2025-12-31 23:59:60",
    "2025-06-30 10:00:61", "2025-12-31T23:59:60+02:00", "2025-04-31T23:00:00-05:00",
])
def test_junk_is_bad_never_an_exception(value: str) -> None:
    """Anything that is not a date is marked bad (small integers are not Excel dates)."""
    r = _read([value, "2025-01-01"])
    assert r.bad.tolist() == [True, False]
    assert pd.isna(r.naive.iloc[0]) and pd.isna(r.aware.iloc[0])


@pytest.mark.parametrize(("value", "fmt"), [("29/02/2024", "%d/%m/%Y"), ("2024-02-29T23:30:00-02:00", "%Y-%m-%dT%H:%M:%S%z"),
                                            ("20240229", "%Y%m%d"), ("02/29/2024 11:59:59 PM", "%m/%d/%Y %I:%M:%S %p")])
def test_leap_day_is_read(value: str, fmt: str) -> None:
    expected = _ts(dt.datetime.strptime(value, fmt))
    r = _read([value])
    assert (r.aware if expected.tzinfo else r.naive).iloc[0] == expected


@given(st.lists(st.one_of(st.none(), st.text(max_size=30),
                          st.text(alphabet="0123456789/-.:TZ+ APM", max_size=25)), max_size=20))
@settings(max_examples=300, deadline=None)
def test_property_any_text_never_raises(values: list) -> None:
    """Property: any text is read or bad, never an exception; blanks are neither."""
    r = _read(values)
    blank = [v is None or not str(v).strip() for v in values]
    read = (r.naive.notna() | r.aware.notna()).tolist()
    assert [not b and not x for b, x in zip(blank, read)] == r.bad.tolist()
    assert not any(b and x for b, x in zip(blank, read))


def test_blank_is_not_bad() -> None:
    """Blank cells (None, NaN, empty or spaces only) are not values, hence not bad."""
    r = _read([None, float("nan"), "", "   ", "2025-01-01"])
    assert r.bad.tolist() == [False] * 5
    assert r.naive.isna().tolist() == [True, True, True, True, False]


@pytest.mark.parametrize("value", [
    "0001-01-01", "9999-12-31", "1899-12-31", "2201-01-01", "01/01/0001", "31/12/9999 23:59",
    "00010101", "99991231235959", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59-14:00",
    "0001-01-01T00:00:00+14:00", "1800-06-15 12:00:00.5",
])
def test_years_outside_1900_2200_are_bad(value: str) -> None:
    """Years outside 1900–2200 are refused (bad), however written, and never raise."""
    assert _read([value]).bad.tolist() == [True]


@pytest.mark.parametrize("value", ["1900-01-01", "2200-12-31", "01/01/1900", "31/12/2200 23:59"])
def test_years_at_the_limits_are_read(value: str) -> None:
    assert not _read([value]).bad.iloc[0]


@given(st.integers(min_value=1, max_value=9999), st.integers(1, 12), st.integers(1, 28),
       st.sampled_from([("{y:04d}-{m:02d}-{d:02d}", "%Y-%m-%d"), ("{d:02d}/{m:02d}/{y:04d}", None),
                        ("{y:04d}{m:02d}{d:02d}", "%Y%m%d"), ("{y:04d}-{m:02d}-{d:02d}T10:00:00+02:00", None),
                        ("{m:02d}/{d:02d}/{y:04d} 10:00 PM", None)]))
@settings(max_examples=150, deadline=None)
def test_any_year_never_raises(year: int, month: int, day: int, shape: tuple[str, str | None]) -> None:
    """Property: any year 1…9999 in any shape is read (1900–2200) or bad; nothing raises.

    Where the shape is unambiguous, the value read is the one strptime reads.
    """
    pattern, fmt = shape
    value = pattern.format(y=year, m=month, d=day)
    r = _read([value])
    if 1900 <= year <= 2200:
        assert not r.bad.iloc[0]
        if fmt is not None:
            assert r.naive.iloc[0] == pd.Timestamp(dt.datetime.strptime(value, fmt))
    else:
        assert r.bad.iloc[0]


# =========================================================================== the day/month order
def test_a_day_above_12_proves_day_first_with_its_index_label() -> None:
    """One value with a first field above 12 proves day-first; ``proof`` names its index label."""
    values = ["01/02/2025", "25/02/2025", "03/04/2025"]
    r = _read(values, index=[10, 20, 30])
    assert (r.order, r.order_source, r.proof, r.contradicting) == ("DMY", "data", (20,), ())
    assert r.naive.tolist() == [pd.Timestamp(dt.datetime.strptime(v, "%d/%m/%Y")) for v in values]


def test_a_second_field_above_12_proves_month_first_with_its_index_label() -> None:
    """A second field above 12 proves month-first (the default is day-first): every value re-read."""
    values = ["01/02/2025", "02/25/2025", "03/04/2025"]
    r = _read(values, index=["a", "b", "c"])
    assert (r.order, r.order_source, r.proof, r.contradicting) == ("MDY", "data", ("b",), ())
    assert r.naive.tolist() == [pd.Timestamp(dt.datetime.strptime(v, "%m/%d/%Y")) for v in values]
    assert not r.bad.any()


def test_a_column_written_wholly_month_first_is_read_month_first() -> None:
    """No value fits day-first at all (every day is above 12): month-first, proven by the data."""
    values = ["12/31/2025 08:16:53 AM", "01/13/2025 01:00:00 PM"]
    r = _read(values, index=[7, 8])
    assert (r.order, r.order_source, r.proof) == ("MDY", "data", (7, 8))
    assert r.naive.tolist() == [pd.Timestamp(dt.datetime.strptime(v, "%m/%d/%Y %I:%M:%S %p")) for v in values]
    assert not r.bad.any()


@pytest.mark.parametrize(("default", "fmt"), [("DMY", "%d/%m/%Y"), ("MDY", "%m/%d/%Y")])
def test_unproven_order_takes_the_default(default: str, fmt: str) -> None:
    """No field above 12: the default order is used and said to be assumed (order_source "default")."""
    values = ["01/02/2025", "03/04/2025", "12/11/2025"]
    r = _read(values, default_order=default)
    assert (r.order, r.order_source, r.proof, r.contradicting) == (default, "default", (), ())
    assert r.naive.tolist() == [pd.Timestamp(dt.datetime.strptime(v, fmt)) for v in values]


def test_declared_order_is_used_when_unproven() -> None:
    r = _read(["01/02/2025", "03/04/2025"], order="MDY")
    assert (r.order, r.order_source) == ("MDY", "declared")
    assert r.naive.tolist() == [pd.Timestamp("2025-01-02"), pd.Timestamp("2025-03-04")]


@pytest.mark.parametrize(("values", "order", "bad_rows", "proof"), [
    (["12/31/2025", "01/02/2025", "13/01/2025"], "DMY", ["x"], ("z",)),   # one row month-first
    (["12/31/2025", "01/13/2025"], "DMY", ["x", "y"], ()),                # every row month-first
    (["31/12/2025", "01/02/2025", "02/25/2025"], "MDY", ["x"], ("z",)),   # one row day-first
])
def test_declared_order_contradicted(values: list[str], order: str, bad_rows: list[str], proof: tuple) -> None:
    """A declared order the data contradicts: kept, and the contradicting rows returned (and bad)."""
    index = ["x", "y", "z"][: len(values)]
    r = _read(values, index=index, order=order)
    assert (r.order, r.order_source) == (order, "declared")
    assert r.contradicting == tuple(bad_rows) and r.proof == proof
    assert r.bad[r.bad].index.tolist() == bad_rows
    assert not r.mixed


def test_mixed_orders() -> None:
    """Both orders proven by different rows: ``mixed``, with proof and contradicting rows."""
    r = _read(["31/12/2025", "12/31/2025", "01/02/2025", "11/30/2025"], index=[2, 3, 4, 5])
    assert r.mixed
    assert (r.order, r.order_source, r.proof, r.contradicting) == ("DMY", "data", (2,), (3, 5))
    assert r.naive.loc[[2, 4]].tolist() == [pd.Timestamp("2025-12-31"), pd.Timestamp("2025-02-01")]


def test_offset_does_not_move_the_proving_day() -> None:
    """The proof is the day as written, not the day of the UTC instant an offset moved it to."""
    # written day 12 (no proof) although its UTC instant is on the 13th
    r = _read(["12/01/2025 23:30-02:00", "01/02/2025 10:00-02:00"])
    assert (r.order, r.order_source, r.proof) == ("DMY", "default", ())
    assert r.aware.iloc[0] == _ts(dt.datetime.strptime("12/01/2025 23:30-0200", "%d/%m/%Y %H:%M%z"))
    # written day 13 (proof) although its UTC instant is on the 12th
    r = _read(["13/01/2025 01:30+03:00", "01/02/2025 10:00+03:00"])
    assert (r.order, r.order_source, r.proof) == ("DMY", "data", (0,))


def test_no_swappable_values_no_order() -> None:
    r = _read(["2025-01-02", "20250103", "45000"])
    assert (r.order, r.order_source) == (None, None)


STAMPS = st.lists(st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 12, 31, 23, 59, 59))
                  .map(lambda d: d.replace(microsecond=0)), min_size=1, max_size=25)


@given(STAMPS, st.booleans())
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
def test_property_day_first_read_back_exactly(stamps: list[dt.datetime], padded: bool) -> None:
    """Property: datetimes written day-first, with at least one day above 12, come back exactly."""
    assume(any(d.day > 12 for d in stamps))
    if padded:
        values = [d.strftime("%d/%m/%Y %H:%M:%S") for d in stamps]
    else:
        values = [f"{d.day}/{d.month}/{d.year} {d.hour}:{d.minute:02d}:{d.second:02d}" for d in stamps]
    r = _read(values)
    assert r.naive.tolist() == [pd.Timestamp(dt.datetime.strptime(v, "%d/%m/%Y %H:%M:%S")) for v in values]
    assert (r.order, r.order_source, r.contradicting) == ("DMY", "data", ())


@given(STAMPS, st.sampled_from(["%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %H:%M", "%m-%d-%Y"]))
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
def test_property_month_first_read_back_exactly(stamps: list[dt.datetime], fmt: str) -> None:
    """Property: the same written month-first (12-hour clock too), read back exactly without being told."""
    assume(any(d.day > 12 for d in stamps))
    values = [d.strftime(fmt) for d in stamps]
    values += [values[0].replace("AM", "am").replace("PM", "pm")]  # lowercase am/pm as well
    r = _read(values)
    assert r.naive.tolist() == [pd.Timestamp(dt.datetime.strptime(v, fmt)) for v in values]
    assert (r.order, r.order_source, r.contradicting) == ("MDY", "data", ())


# =========================================================================== local time across DST
# 2025 transitions: Jerusalem 28 Mar 02:00→03:00, 26 Oct 02:00→01:00;
#                   Amsterdam 30 Mar 02:00→03:00, 26 Oct 03:00→02:00.
ZONES = {
    "Asia/Jerusalem": {"repeated": "2025-10-26 01:30", "skipped": "2025-03-28 02:30", "after": "2025-03-28 03:30"},
    "Europe/Amsterdam": {"repeated": "2025-10-26 02:30", "skipped": "2025-03-30 02:30", "after": "2025-03-30 03:30"},
}


def _zi(wall: str, tz: str, fold: int = 0) -> pd.Timestamp:
    """zoneinfo's instant of a wall time (fold=0: the first occurrence), in UTC."""
    d = dt.datetime.fromisoformat(wall).replace(tzinfo=ZoneInfo(tz), fold=fold)
    return pd.Timestamp(d.astimezone(UTC))


def _naive(walls: list[str | None]) -> pd.Series:
    return pd.Series(pd.to_datetime(pd.Series(walls, dtype=object), format="%Y-%m-%d %H:%M"))


def _localize(naive: pd.Series, tz: str, groups: pd.Series | None = None):
    """localize, checking that neither input is modified."""
    before = naive.copy(deep=True)
    before_groups = None if groups is None else groups.copy(deep=True)
    out = localize(naive, tz, groups=groups)
    pd.testing.assert_series_equal(naive, before)
    if groups is not None:
        pd.testing.assert_series_equal(groups, before_groups)
    return out


@pytest.mark.parametrize("tz", sorted(ZONES))
def test_every_quarter_hour_of_a_year_as_zoneinfo(tz: str) -> None:
    """Every quarter hour of 2025 placed as zoneinfo places it with fold=0; odd hours flagged.

    fold=0 is the first occurrence of a repeated wall time, and for a skipped wall time the
    offset before the change, i.e. 02:30 read as the instant of 03:30: the rule svcwork follows.
    """
    walls = pd.date_range("2025-01-01", "2025-12-31 23:45", freq="15min")
    got = _localize(pd.Series(walls), tz)
    zone = ZoneInfo(tz)
    ref, amb, gap = [], [], []
    for w in walls.to_pydatetime():
        a, b = w.replace(tzinfo=zone, fold=0), w.replace(tzinfo=zone, fold=1)
        ref.append(pd.Timestamp(a.astimezone(UTC)))
        exists = a.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == w
        amb.append(exists and a.utcoffset() != b.utcoffset())
        gap.append(not exists)
    assert got.utc.tolist() == ref
    assert got.ambiguous.tolist() == amb and sum(amb) == 4
    assert got.shifted.tolist() == gap and sum(gap) == 4
    assert not got.by_order.any()


@pytest.mark.parametrize("tz", sorted(ZONES))
def test_repeated_hour_takes_the_first_occurrence(tz: str) -> None:
    z = ZONES[tz]
    got = _localize(_naive([z["repeated"], "2025-06-01 12:00", None]), tz)
    assert got.utc.iloc[0] == _zi(z["repeated"], tz, fold=0) != _zi(z["repeated"], tz, fold=1)
    assert got.utc.iloc[1] == _zi("2025-06-01 12:00", tz)
    assert pd.isna(got.utc.iloc[2])
    assert got.ambiguous.tolist() == [True, False, False] and not got.by_order.any()


@pytest.mark.parametrize("tz", sorted(ZONES))
def test_skipped_hour_moves_forward_one_hour(tz: str) -> None:
    """02:30 on the spring-forward night does not exist: it becomes the instant of 03:30, flagged."""
    z = ZONES[tz]
    got = _localize(_naive([z["skipped"], z["after"]]), tz)
    assert got.utc.iloc[0] == _zi(z["after"], tz) == got.utc.iloc[1]
    assert got.shifted.tolist() == [True, False] and not got.ambiguous.any()


# The rows of one case, in file order: minutes into the repeated hour (Jerusalem 01:MM, Amsterdam
# 02:MM), "before"/"after" a wall time just outside it, None a row without a time.  Expected:
# "1" first occurrence (zoneinfo fold=0), "2" second (fold=1), "-" not ambiguous; by_order: decided
# by a neighbouring event of the same case.
ORDER_CASES = [
    # case rows,                expected occurrence,   by_order
    (["30", "10"],              ["1", "2"],            [False, True]),   # back in time: the second is later
    (["10", "30"],              ["1", "1"],            [True, False]),   # in order: the next event decides
    (["50", "10", "20", "40"],  ["1", "2", "2", "2"],  [False, True, True, True]),  # several in the repeat
    (["50", None, "10"],        ["1", "-", "2"],       [False, False, True]),       # a row without a time
    (["before", "30"],          ["-", "1"],            [False, False]),  # nothing decides: first
    (["after", "30"],           ["-", "1"],            [False, False]),  # order cannot be kept: first
    (["30"],                    ["1"],                 [False]),
]


def _wall(tz: str, token: str | None) -> str | None:
    if token is None:
        return None
    if token == "before":
        return "2025-10-26 00:50"
    if token == "after":
        return "2025-10-26 02:10" if tz == "Asia/Jerusalem" else "2025-10-26 03:10"
    return f"2025-10-26 {'01' if tz == 'Asia/Jerusalem' else '02'}:{token}"


@pytest.mark.parametrize("tz", sorted(ZONES))
@pytest.mark.parametrize(("rows", "occurrence", "by_order"), ORDER_CASES)
def test_repeated_hour_by_case_order(tz: str, rows: list, occurrence: list[str], by_order: list[bool]) -> None:
    """The repeated hour decided by the order of the case's events (file order), against zoneinfo.

    Each row of case A follows a row of case B in the repeated hour, which must not decide anything.
    """
    walls = [_wall(tz, t) for t in rows]
    other = _wall(tz, "55")
    mixed, groups = [], []
    for w in walls:
        mixed += [other, w]
        groups += ["B", "A"]
    got = _localize(_naive(mixed), tz, groups=pd.Series(groups))
    mine = pd.Series(groups) == "A"
    expected = [pd.NaT if w is None else _zi(w, tz, fold=1 if o == "2" else 0) for w, o in zip(walls, occurrence)]
    assert got.utc[mine].tolist() == expected
    assert got.by_order[mine].tolist() == by_order
    assert got.ambiguous[mine].tolist() == [o in ("1", "2") for o in occurrence]


def test_without_groups_no_order_decides() -> None:
    tz = "Asia/Jerusalem"
    got = _localize(_naive(["2025-10-26 01:30", "2025-10-26 01:10"]), tz)
    assert got.utc.tolist() == [_zi("2025-10-26 01:30", tz), _zi("2025-10-26 01:10", tz)]
    assert not got.by_order.any()


def test_non_range_index_kept() -> None:
    tz = "Europe/Amsterdam"
    naive = _naive(["2025-10-26 02:30", "2025-10-26 02:10"])
    naive.index = ["r7", "r3"]
    got = _localize(naive, tz, groups=pd.Series(["A", "A"], index=["r7", "r3"]))
    assert got.utc.index.tolist() == ["r7", "r3"]
    assert got.utc.loc["r3"] == _zi("2025-10-26 02:10", tz, fold=1)


@pytest.mark.parametrize("tz", ["UTC", "Etc/UTC"])
def test_utc_passes_through(tz: str) -> None:
    got = _localize(_naive(["2025-10-26 01:30", "2025-03-28 02:30", None]), tz)
    assert got.utc.tolist() == [pd.Timestamp("2025-10-26 01:30", tz="UTC"),
                                pd.Timestamp("2025-03-28 02:30", tz="UTC"), pd.NaT]
    assert not (got.ambiguous.any() or got.shifted.any() or got.by_order.any())


# =========================================================================== plausibility helpers
def test_outside_period_known_answers() -> None:
    """Period 2026-01-01 … 2026-06-30 with 30 days' margin: 2025-12-02 00:00 … 2026-07-30 23:59:59 inside."""
    values = ["2025-12-01 23:59:59", "2025-12-02 00:00:00", "2026-03-01 12:00:00", "2026-07-30 23:59:59",
              "2026-07-31 00:00:00", None]
    naive = pd.Series(pd.to_datetime(pd.Series(values, dtype=object), format="%Y-%m-%d %H:%M:%S"))
    before = naive.copy()
    start, end = dt.date(2026, 1, 1), dt.date(2026, 6, 30)
    expected = [True, False, False, False, True, False]
    assert outside_period(naive, start, end, margin_days=30).tolist() == expected
    assert outside_period(naive.dt.tz_localize("UTC"), start, end, margin_days=30).tolist() == expected
    # no margin: the period's own days only (its last day to 23:59:59)
    assert outside_period(naive, start, end, margin_days=0).tolist() == [True, True, False, True, True, False]
    pd.testing.assert_series_equal(naive, before)


def test_backwards_cases_known_answers() -> None:
    """A and B go back in time once each; C has one event, D one timed event, E two equal times.

    Two cases go back, of three with two or more timed events; the rows quoted are the later rows.
    """
    case = pd.Series(["A", "A", "B", "B", "B", "C", "D", "D", "E", "E"], index=list("abcdefghij"))
    times = pd.Series(pd.to_datetime(pd.Series(
        ["2025-01-02", "2025-01-01", "2025-01-01", "2025-01-03", "2025-01-02", "2025-01-01", None, "2025-01-01",
         "2025-01-05", "2025-01-05"], dtype=object), format="%Y-%m-%d").to_numpy(), index=case.index)
    before = (case.copy(), times.copy())
    assert backwards_cases(case, times) == (2, 3, ("b", "e"))
    pd.testing.assert_series_equal(case, before[0])
    pd.testing.assert_series_equal(times, before[1])


def test_backwards_cases_empty() -> None:
    assert backwards_cases(pd.Series([], dtype=object), pd.Series([], dtype="datetime64[ns]")) == (0, 0, ())
