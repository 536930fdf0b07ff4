"""Real client exports, as a corpus: each kind of export made from a clean client with one thing changed.

Issue "Real client exports: read what clients actually send, and never a silent wrong number".
Done when "a table-driven test corpus under tests/ holds, for each kind of real export, a file made
in the test from a clean demo client with one thing changed, and asserts one of: the loaded tables
equal the clean ones value by value (dates to the second); or a clear error on that file; or a
warning that names what was guessed.  No case may load silently different."

The clean client is a small slice of the committed demo client ``northfield-licensing`` (English,
time zone Europe/London): its intake, the first 300 cases of the case log (whole cases, with their
naive, ``Z`` and ``+01:00`` timestamps), the first 300 survey responses and every training row.
Each row of :data:`CORPUS` names a change to that folder and one outcome:

* :class:`Same` — loads, and every companion table equals the reference one value by value
  (timestamps to the second; ``_row``/``_file`` aside), with no warning the reference lacks;
* :class:`Error` — ``validate`` is not ok and names the problem code on that file;
* :class:`Warned` — loads with that warning, whose message says what was guessed, and the tables
  equal the reference or differ from it exactly as the warning says (``expect``).

The reference is the clean client, or the clean client with a *base* change (e.g. Hebrew activity
names in UTF-8 when the case is the same names in Windows-1255).  Every case also checks that no
input file was modified.  The expected values come from pandas and the standard library (local
times, the 1-10 conversion, Excel serials), never from svcwork's own readers.

Not covered: ``.xls`` (no writer for the old binary format is installed, so no file can be made here).
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import quoteattr

import numpy as np
import openpyxl
import openpyxl.utils.datetime
import pandas as pd
import pandas.testing as pdt
import pytest

import svcwork
from svcwork.exports.scales import Scale

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "clients" / "northfield-licensing"
N_CASES, N_SURVEY = 300, 300
TZ = "Europe/London"  # the demo client's timezone setting
COMPANIONS = ("cases", "survey", "training")
SCORES = ("satisfaction", "trust", "effectiveness", "ease", "efficiency", "equity", "helpfulness", "nps", "ces")
Tables = dict  # companion name -> frame (or None)
Change = Callable[[Path], None]  # edits a copy of the clean client folder in place
Expect = Callable[[Tables], Tables]  # the reference tables -> the tables the warning announces


# =========================================================================== the clean client
def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _write(path: Path, frame: pd.DataFrame, **kw: object) -> None:
    frame.to_csv(path, index=False, lineterminator="\n", **kw)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small clean client cut from the demo client: whole cases, survey rows, all training rows."""
    folder = tmp_path_factory.mktemp("clean") / "northfield"
    folder.mkdir()
    shutil.copy(DEMO / "intake.xlsx", folder / "intake.xlsx")
    cases = _read(DEMO / "cases.csv")
    keep = cases["case_id"].drop_duplicates().head(N_CASES)
    _write(folder / "cases.csv", cases[cases["case_id"].isin(keep)])
    _write(folder / "survey.csv", _read(DEMO / "survey.csv").head(N_SURVEY))
    shutil.copy(DEMO / "training.csv", folder / "training.csv")
    return folder


@pytest.fixture(scope="module")
def reference(clean: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[[Change | None], svcwork.Validation]:
    """The validation of the clean client with a base change (None: unchanged), loaded once per base."""
    cache: dict[object, svcwork.Validation] = {}

    def get(base: Change | None) -> svcwork.Validation:
        if base not in cache:
            folder = tmp_path_factory.mktemp("reference") / "northfield"
            shutil.copytree(clean, folder)
            if base is not None:
                base(folder)
            result = svcwork.validate(folder)
            assert result.ok, [p.message for p in result.problems if p.is_error]
            cache[base] = result
        return cache[base]

    return get


def test_clean_client_is_what_the_corpus_assumes(reference) -> None:
    """300 whole cases with naive and offset timestamps, days above 12, and all three companions."""
    e = reference(None).engagement
    assert e.cases["case_id"].nunique() == N_CASES and len(e.survey) == N_SURVEY and len(e.training) > 100
    assert e.settings.timezone == TZ and e.settings.date_order is None and e.settings.language == "en"
    assert (e.cases["timestamp"].dt.tz_convert(TZ).dt.day > 12).any()
    assert e.cases["case_id"].duplicated().any() and not e.one_row_per_case
    assert [p.code for p in e.problems] == ["recommendation_no_action", "mixed_offsets"]  # R05 has no action yet; the log mixes naive, Z and +01:00 times


# =========================================================================== building blocks
def rows(folder: Path, name: str = "cases") -> pd.DataFrame:
    return _read(folder / f"{name}.csv")


def edit(fn: Callable[[pd.DataFrame], pd.DataFrame], name: str = "cases") -> Change:
    """A change that rewrites one companion CSV through *fn* (a frame of strings in, one out)."""
    def change(folder: Path) -> None:
        _write(folder / f"{name}.csv", fn(rows(folder, name)))
    return change


def both(*changes: Change) -> Change:
    def change(folder: Path) -> None:
        for c in changes:
            c(folder)
    return change


def rename(old: str, new: str) -> Change:
    def change(folder: Path) -> None:
        (folder / old).rename(folder / new)
    return change


def _intake(fn: Callable[[openpyxl.Workbook], None]) -> Change:
    def change(folder: Path) -> None:
        wb = openpyxl.load_workbook(folder / "intake.xlsx")
        fn(wb)
        wb.save(folder / "intake.xlsx")
    return change


def setting(name: str, value: object) -> Change:
    """Set one field of the Engagement sheet (a two-column field/value sheet)."""
    def fn(wb: openpyxl.Workbook) -> None:
        ws = wb["Engagement"]
        for row in ws.iter_rows(min_row=2):
            if row[0].value == name:
                row[1].value = value
                return
        ws.append([name, value])
    return _intake(fn)


def scales_sheet(*records: tuple) -> Change:
    """Add a Scales sheet (file, column, scale, label, value)."""
    def fn(wb: openpyxl.Workbook) -> None:
        ws = wb.create_sheet("Scales")
        ws.append(["file", "column", "scale", "label", "value"])
        for r in records:
            ws.append(list(r))
    return _intake(fn)


def sha256_tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def instants(text: pd.Series, tz: str = TZ) -> pd.Series:
    """The clean log's ISO timestamps as aware times in *tz* (naive ones are local), read by pandas."""
    aware = text.str.contains(r"(?:Z|[+-]\d\d:?\d\d)$")
    out = pd.Series(pd.NaT, index=text.index, dtype=f"datetime64[ns, {tz}]")
    out[aware] = pd.to_datetime(text[aware], format="ISO8601", utc=True).dt.tz_convert(tz)
    out[~aware] = pd.to_datetime(text[~aware], format="ISO8601").dt.tz_localize(tz)
    return out


def wall(text: pd.Series, tz: str = TZ) -> pd.Series:
    """Local wall-clock times of the clean log's timestamps (what a local export shows)."""
    return instants(text, tz).dt.tz_localize(None)


def replace_cases(fn: Callable[[pd.DataFrame], pd.DataFrame]) -> Expect:
    """The reference tables with the case log passed through *fn*."""
    def expect(t: Tables) -> Tables:
        return {**t, "cases": fn(t["cases"].copy())}
    return expect


# =========================================================================== encodings and layout
HEBREW_ACTIVITIES = {
    "Application received": "בקשה התקבלה", "Case closed": "הפנייה נסגרה", "Document check": "בדיקת מסמכים",
    "Decision": "החלטה", "Licence issued": "רישיון הונפק", "Record updated": "רשומה עודכנה",
    "Certificate issued": "תעודה הונפקה", "Reply sent": "תשובה נשלחה", "Medical review": "בדיקה רפואית",
    "Documents requested": "התבקשו מסמכים", "Documents received": "התקבלו מסמכים",
    "Complaint received": "תלונה התקבלה", "Complaint answered": "תלונה נענתה",
    "Case reopened": "הפנייה נפתחה מחדש", "Questionnaire returned": "שאלון הוחזר",
    "Medical questionnaire sent": "שאלון רפואי נשלח", "Registered": "נרשם", "GP report requested": "התבקש דוח רופא",
    "Notice acknowledged": "ההודעה אושרה", "Site visit": "ביקור באתר", "Enforcement decision": "החלטת אכיפה",
    "Background check": "בדיקת רקע", "Assigned to officer": "הועבר לפקיד", "Legal review": "בדיקה משפטית",
    "Refund check": "בדיקת החזר", "Refund paid": "החזר שולם", "Returned for correction": "הוחזר לתיקון",
    "Consultation period": "תקופת התייעצות", "Licensing hearing": "שימוע רישוי",
}
# bases: the activity names in Hebrew; the unit names with accented Latin letters (both UTF-8)
hebrew = edit(lambda df: df.assign(activity=df["activity"].map(lambda a: HEBREW_ACTIVITIES.get(a, f"פעולה {a}"))))
accented = edit(lambda df: df.assign(unit=df["unit"].str.replace("e", "é")))


def encode(encoding: str, name: str = "cases") -> Change:
    """Re-save a companion CSV in another encoding (``utf-16`` writes a BOM, ``utf-16-le`` none)."""
    def change(folder: Path) -> None:
        path = folder / f"{name}.csv"
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    return change


BAD_LINE = 12  # the file line of the activity with a stray byte


def cp1255_with_stray_byte(folder: Path) -> None:
    """Windows-1255 with a 0xFF byte (no character in Windows-1255) at the end of one activity."""
    path = folder / "cases.csv"
    lines = path.read_text(encoding="utf-8").encode("cp1255").split(b"\n")
    fields = lines[BAD_LINE - 1].split(b",")
    fields[1] += b"\xff"
    lines[BAD_LINE - 1] = b",".join(fields)
    path.write_bytes(b"\n".join(lines))


def _stray_byte_replaced(cases: pd.DataFrame) -> pd.DataFrame:
    cases.loc[BAD_LINE - 2, "activity"] += "\ufffd"
    return cases


def crlf(folder: Path) -> None:
    path = folder / "cases.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def delimiter(sep: str, name: str = "cases") -> Change:
    def change(folder: Path) -> None:
        _write(folder / f"{name}.csv", rows(folder, name), sep=sep)
    return change


def excel_unicode_text(folder: Path) -> None:
    """Excel's "Unicode Text" export: UTF-16 with a BOM, tab-separated, CRLF, named .txt."""
    (folder / "cases.txt").write_bytes(rows(folder).to_csv(index=False, sep="\t", lineterminator="\r\n")
                                       .encode("utf-16"))
    (folder / "cases.csv").unlink()


def european_training(folder: Path) -> None:
    """A European-locale CSV: semicolons between fields, decimal commas in the scores (2,5)."""
    df = rows(folder, "training")
    _write(folder / "training.csv", df.assign(pre_score=df["pre_score"].str.replace(".", ",", regex=False),
                                              post_score=df["post_score"].str.replace(".", ",", regex=False)), sep=";")


def _lines(fn: Callable[[list[str]], list[str]]) -> Change:
    """A change to the lines of cases.csv (UTF-8 text)."""
    def change(folder: Path) -> None:
        path = folder / "cases.csv"
        path.write_text("\n".join(fn(path.read_text(encoding="utf-8").splitlines())) + "\n", encoding="utf-8")
    return change


TITLE = ["Northfield Licensing Agency - case log export", "Exported 2025-11-03 09:00, all services", ""]
preamble = _lines(lambda lines: TITLE + lines)  # two title lines and a blank line above the header
blank_lines = _lines(lambda lines: [x for i, line in enumerate(lines)  # a blank line after every 100
                                    for x in ([line, ""] if i % 100 == 99 else [line])])
trailing_delimiter = _lines(lambda lines: [line + "," for line in lines])  # an empty last column
repeated_header = _lines(lambda lines: lines[:500] + lines[:1] + lines[500:])  # two exports pasted together


def headers(names: dict[str, str]) -> Change:
    return edit(lambda df: df.rename(columns=names))


HEBREW_HEADERS = {"case_id": "מזהה פנייה", "activity": "פעילות", "timestamp": "מועד", "channel": "ערוץ", "unit": "יחידה",
                  "resource": "גורם מטפל", "citizen_id": "מזהה פונה", "outcome": "תוצאה", "deadline": "מועד יעד",
                  "service_id": "מזהה שירות"}
TITLE_HEADERS = {"case_id": "Case ID", "activity": "Activity", "timestamp": "Timestamp", "citizen_id": "Citizen ID",
                 "service_id": "Service ID"}
rtl_marked_names = edit(lambda df: df.assign(activity="\u200f" + df["activity"] + "\u200e"))


# =========================================================================== dates
US, DAY_FIRST = "%m/%d/%Y %I:%M:%S %p", "%d/%m/%Y %H:%M:%S"


def timestamps(fmt: str, *, mark: str = "") -> Change:
    """Every event time rewritten as local wall-clock time in *fmt* (offsets dropped, as local exports do)."""
    return edit(lambda df: df.assign(timestamp=mark + wall(df["timestamp"]).dt.strftime(fmt)))


def every_date_column(fmt: str, date_fmt: str) -> Change:
    """Every date column of the log in one local format: the event times and the deadlines."""
    def fn(df: pd.DataFrame) -> pd.DataFrame:
        deadline = pd.to_datetime(df["deadline"].replace("", None)).dt.strftime(date_fmt).fillna("")
        return df.assign(timestamp=wall(df["timestamp"]).dt.strftime(fmt), deadline=deadline)
    return edit(fn)


early_deadlines = edit(lambda df: df.assign(deadline=df["deadline"].where(df["deadline"].str[8:] <= "12", "")))  # base


def survey_dates(fmt: str) -> Change:
    """Every survey date rewritten in *fmt* (the clean survey mixes ISO and day-first dates)."""
    def one(v: str) -> str:
        return dt.datetime.strptime(v, "%Y-%m-%d" if v[4:5] == "-" else "%d/%m/%Y").strftime(fmt)
    return edit(lambda df: df.assign(date=df["date"].map(one)), "survey")


def _early(df: pd.DataFrame) -> np.ndarray:
    """Rows of the cases whose events all fall on days 1-12 of a month (day and month could swap)."""
    return (wall(df["timestamp"]).dt.day <= 12).groupby(df["case_id"]).transform("all").to_numpy()


# bases: only the events on days 1-12 of a month; whole cases reordered, those on days 1-12 last / first
first_12_days = edit(lambda df: df[(wall(df["timestamp"]).dt.day <= 12).to_numpy()])
short_cases_last = edit(lambda df: pd.concat([df[~_early(df)], df[_early(df)]]))
short_cases_first = edit(lambda df: pd.concat([df[_early(df)], df[~_early(df)]]))


def mixed_orders(folder: Path) -> None:
    """The first half of the log day-first, the rest month-first (two exports pasted together)."""
    df = rows(folder)
    local, half = wall(df["timestamp"]), len(df) // 2
    df["timestamp"] = pd.concat([local.iloc[:half].dt.strftime(DAY_FIRST), local.iloc[half:].dt.strftime(US)])
    _write(folder / "cases.csv", df)


def _day_month_swapped(cases: pd.DataFrame) -> pd.DataFrame:
    """The timestamps with day and month exchanged in local time (what reading in the wrong order gives)."""
    local = cases["timestamp"].dt.tz_convert(TZ).dt.tz_localize(None)
    swapped = local.map(lambda ts: ts.replace(month=ts.day, day=ts.month))
    return cases.assign(timestamp=swapped.dt.tz_localize(TZ).dt.tz_convert("UTC"))


def split_where_days_change(fmt: str) -> Change:
    """Local times in *fmt*, in two parts cut where the cases on days 1-12 begin (or end): one part proves the order."""
    def change(folder: Path) -> None:
        df = rows(folder)
        early = _early(df)
        cut = int(np.flatnonzero(early[1:] != early[:-1])[0]) + 1
        assert (early[:cut] == early[0]).all() and (early[cut:] != early[0]).all()
        df["timestamp"] = wall(df["timestamp"]).dt.strftime(fmt)
        _write(folder / "cases-1.csv", df.iloc[:cut])
        _write(folder / "cases-2.csv", df.iloc[cut:])
        (folder / "cases.csv").unlink()
    return change


# =========================================================================== local time and plausibility
def _singles(n: int) -> Callable[[pd.Series], list]:
    """The positions of the first *n* cases that have one event only (changing them cannot reorder a case)."""
    def pick(case_id: pd.Series) -> list:
        return list(np.flatnonzero((case_id.map(case_id.value_counts()) == 1).to_numpy())[:n])
    return pick


def _case_with(events: int) -> Callable[[pd.Series], list]:
    """The positions of the events of the first case with that many events."""
    def pick(case_id: pd.Series) -> list:
        first = case_id[(case_id.map(case_id.value_counts()) == events).to_numpy()].iloc[0]
        return list(np.flatnonzero((case_id == first).to_numpy()))
    return pick


def set_times(pick: Callable[[pd.Series], list], values: list[str]) -> Change:
    """Set the event times of the picked rows to *values* (naive local text)."""
    def fn(df: pd.DataFrame) -> pd.DataFrame:
        df.loc[df.index[pick(df["case_id"])], "timestamp"] = values
        return df
    return edit(fn)


def times_are(pick: Callable[[pd.Series], list], utc: list[str]) -> Expect:
    """The reference with the picked rows' event times at these UTC instants."""
    def fn(cases: pd.DataFrame) -> pd.DataFrame:
        cases.loc[pick(cases["case_id"]), "timestamp"] = pd.to_datetime(utc).tz_localize("UTC")
        return cases
    return replace_cases(fn)


one, four = _singles(1), _singles(4)
pair_and_three, triple = (lambda c: _case_with(2)(c) + _singles(3)(c)), _case_with(3)
jerusalem = setting("timezone", "Asia/Jerusalem")  # base
# Asia/Jerusalem: clocks went back at 02:00 on 2025-10-26 (01:00-02:00 twice) and go forward at 02:00 on
# 2026-03-27 (02:00-03:00 never happens).  A case with 01:50 then 01:10 in file order: the 01:10 is the
# repeated hour (after the 01:50); three single events at 01:19:55 take the first occurrence (UTC+3).
DST_BACK = ["2025-10-26 01:50:00", "2025-10-26 01:10:00"] + ["2025-10-26 01:19:55"] * 3
DST_BACK_UTC = ["2025-10-25 22:50:00", "2025-10-25 23:10:00"] + ["2025-10-25 22:19:55"] * 3
# A case whose events straddle the change: 01:50 summer time, then (clocks back) 01:10 and 01:40.
DST_STRADDLE = ["2025-10-26 01:50:00", "2025-10-26 01:10:00", "2025-10-26 01:40:00"]
DST_STRADDLE_UTC = ["2025-10-25 22:50:00", "2025-10-25 23:10:00", "2025-10-25 23:40:00"]
# Europe/London (the demo's zone): a naive 10:00 in January is 10:00 UTC
OUTSIDE = ["2024-01-15 10:00:00"] * 4


def _reverse_within_cases(frame: pd.DataFrame) -> pd.DataFrame:
    order = frame.assign(_pos=np.arange(len(frame))).groupby("case_id", sort=False)["_pos"]
    return frame.iloc[[p for _, g in order for p in reversed(g.tolist())]].reset_index(drop=True)


def _first_event_only(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.groupby("case_id", sort=False).head(1).reset_index(drop=True)


year_earlier = edit(lambda df: df.assign(timestamp=df["timestamp"].str.replace(
    r"^(\d{4})", lambda m: str(int(m[1]) - 1), regex=True)))
survey_year_earlier = edit(lambda df: df.assign(date=df["date"].str.replace("2025", "2024")), "survey")


# =========================================================================== files and formats
def gzipped(folder: Path) -> None:
    src = folder / "cases.csv"
    (folder / "cases.csv.gz").write_bytes(gzip.compress(src.read_bytes(), mtime=0))
    src.unlink()


def xes(gz: bool = False, utc_millis: bool = False) -> Change:
    """The case log as an XES event log (IEEE 1849): a trace per case, an event per row.

    ``concept:name`` of the trace is the case id, of the event the activity; ``time:timestamp`` is ISO
    with the local offset (or UTC with milliseconds, ``…T07:16:53.000Z``, as process-mining tools
    write it); ``org:resource``, ``org:group`` the resource and unit; the other columns are string
    attributes under our column names.
    """
    def change(folder: Path) -> None:
        df = rows(folder)
        assert (df["case_id"] != df["case_id"].shift()).sum() == df["case_id"].nunique(), "cases must be contiguous"
        when = instants(df["timestamp"])
        when = (when.dt.tz_convert("UTC").dt.strftime("%Y-%m-%dT%H:%M:%S.000Z") if utc_millis
                else when.map(lambda ts: ts.isoformat()))
        keys = {"activity": "concept:name", "resource": "org:resource", "unit": "org:group"}
        others = [c for c in df.columns if c not in ("case_id", "activity", "timestamp", "resource", "unit")]
        out = ['<?xml version="1.0" encoding="UTF-8"?>',
               '<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">']
        for case, events in df.groupby("case_id", sort=False):
            out.append(f'<trace><string key="concept:name" value={quoteattr(case)}/>')
            for i, ev in events.iterrows():
                attrs = [f'<date key="time:timestamp" value="{when[i]}"/>']
                attrs += [f'<string key="{keys.get(c, c)}" value={quoteattr(ev[c])}/>'
                          for c in ("activity", "resource", "unit", *others) if ev[c] != ""]
                out.append("<event>" + "".join(attrs) + "</event>")
            out.append("</trace>")
        data = "\n".join(out + ["</log>"]).encode("utf-8")
        (folder / "cases.csv").unlink()
        if gz:
            (folder / "cases.xes.gz").write_bytes(gzip.compress(data, mtime=0))
        else:
            (folder / "cases.xes").write_bytes(data)
    return change


def parquet(utc: bool) -> Change:
    """The case log as Parquet with a real datetime column: naive local times, or tz-aware UTC."""
    def change(folder: Path) -> None:
        df = rows(folder).replace("", None)
        df["timestamp"] = instants(df["timestamp"]).dt.tz_convert("UTC") if utc else wall(df["timestamp"])
        df.to_parquet(folder / "cases.parquet", index=False)
        (folder / "cases.csv").unlink()
    return change


EXCEL_1900, EXCEL_1904 = dt.datetime(1899, 12, 30), dt.datetime(1904, 1, 1)  # day 0 of Excel's two date systems


def xlsx(cells: str, *, merged: bool = False, mac: bool = False) -> Change:
    """The case log as cases.xlsx: times as date cells (``"dates"``) or Excel serial numbers (``"serials"``).

    With *merged*, the unit is merged down the first two runs of equal units ("merge and centre");
    with *mac*, the workbook uses the 1904 date system (serial 0 = 1904-01-01).
    """
    def change(folder: Path) -> None:
        df = rows(folder)
        local = wall(df["timestamp"])
        deadline = pd.to_datetime(df["deadline"].replace("", None))
        epoch = EXCEL_1904 if mac else EXCEL_1900
        wb = openpyxl.Workbook()
        if mac:
            wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
        ws = wb.active
        ws.append(list(df.columns))
        for i, rec in enumerate(df.to_dict("records")):
            values = [v if v != "" else None for v in rec.values()]
            t, d = local.iloc[i].to_pydatetime(), deadline.iloc[i]
            d = None if pd.isna(d) else d.to_pydatetime()
            if cells == "serials":
                t, d = (t - epoch) / dt.timedelta(days=1), None if d is None else (d - epoch).days
            values[df.columns.get_loc("timestamp")], values[df.columns.get_loc("deadline")] = t, d
            ws.append(values)
        if merged:
            unit = df.columns.get_loc("unit") + 1
            runs = (df["unit"] != df["unit"].shift()).cumsum()
            for g in [g for _, g in df.groupby(runs, sort=False) if len(g) >= 3 and g["unit"].iloc[0]][:2]:
                ws.merge_cells(start_row=g.index[0] + 2, start_column=unit, end_row=g.index[-1] + 2, end_column=unit)
        wb.save(folder / "cases.xlsx")
        (folder / "cases.csv").unlink()
    return change


def survey_xlsx(folder: Path) -> None:
    """The survey as .xlsx: dates as date cells, answers as numbers."""
    df = rows(folder, "survey")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(df.columns))
    for rec in df.to_dict("records"):
        ws.append([None if v == "" else
                   dt.datetime.strptime(v, "%Y-%m-%d" if v[4:5] == "-" else "%d/%m/%Y") if k == "date" else
                   int(v) if k in SCORES else v for k, v in rec.items()])
    wb.save(folder / "survey.xlsx")
    (folder / "survey.csv").unlink()


def split(*cuts: int, header: bool = True) -> Change:
    """A split export: cases-1.csv, cases-2.csv … cut at these rows (mid-case); *header* False: only part 1 has one."""
    def change(folder: Path) -> None:
        df = rows(folder)
        bounds = [0, *cuts, len(df)]
        for i, (a, b) in enumerate(zip(bounds, bounds[1:]), start=1):
            _write(folder / f"cases-{i}.csv", df.iloc[a:b], header=header or i == 1)
        (folder / "cases.csv").unlink()
    return change


def extra_file(folder: Path) -> None:
    (folder / "notes.csv").write_text("note\nask about the phone line\n", encoding="utf-8")


# =========================================================================== survey and training answers
EN_AGREE = {"1": "Strongly disagree", "2": "Disagree", "3": "Neither agree nor disagree", "4": "Agree",
            "5": "Strongly agree"}
HE_SATISFIED = {"1": "לא מרוצה בכלל", "2": "לא מרוצה", "3": "מרוצה במידה בינונית", "4": "מרוצה", "5": "מרוצה מאוד"}
CLIENT_LABELS = {"1": "Very poor", "2": "Poor", "3": "Fair", "4": "Good", "5": "Excellent"}
ONE_TO_TEN = {"1": "1", "2": "3", "3": "5", "4": "8", "5": "10"}  # a proper 1-10 column: both ends present


def answers(fn: Callable[[str], str], column: str = "satisfaction") -> Change:
    """Rewrite one survey column cell by cell (blank cells go through *fn* too)."""
    return edit(lambda df: df.assign(**{column: df[column].map(fn)}), "survey")


def labelled(table: dict[str, str]) -> Callable[[str], str]:
    return lambda v: table[v] if v else v


def _on_five_from_ten(t: Tables) -> Tables:
    """The documented linear conversion 1 + 4 (y - lo) / (hi - lo) of the 1-10 answers y."""
    survey = t["survey"].copy()
    ten = survey["satisfaction"].map({float(k): float(v) for k, v in ONE_TO_TEN.items()})
    return {**t, "survey": survey.assign(satisfaction=1 + 4 * (ten - 1) / 9)}


def _items_blank(t: Tables) -> Tables:
    return {**t, "survey": t["survey"].assign(**{c: np.nan for c in SCORES})}


no_items = edit(lambda df: df.rename(columns={c: f"Q{i + 1}" for i, c in enumerate(SCORES)}), "survey")


def scores(fn: Callable[[float], str]) -> Change:
    """Training pre/post scores rewritten from their 1-5 values."""
    return edit(lambda df: df.assign(pre_score=df["pre_score"].map(lambda v: fn(float(v))),
                                     post_score=df["post_score"].map(lambda v: fn(float(v)))), "training")


def training_on(fn: Callable[[pd.Series], pd.Series]) -> Expect:
    def expect(t: Tables) -> Tables:
        tr = t["training"]
        return {**t, "training": tr.assign(pre_score=fn(tr["pre_score"]), post_score=fn(tr["post_score"]))}
    return expect


def _dont_know(df: pd.DataFrame) -> pd.DataFrame:
    df.loc[3, "pre_score"], df.loc[5, "post_score"] = "N/A", "לא רלוונטי"
    return df


def _dont_know_missing(t: Tables) -> Tables:
    tr = t["training"].copy()
    tr.loc[3, "pre_score"], tr.loc[5, "post_score"] = np.nan, np.nan
    return {**t, "training": tr}


def _training_scale(scale: Scale) -> Callable[[svcwork.Engagement], None]:
    def check(e: svcwork.Engagement) -> None:
        assert e.scales["training"] == scale
    return check


def _one_row_per_case(e: svcwork.Engagement) -> None:
    assert e.one_row_per_case


# =========================================================================== outcomes
@dataclass(frozen=True)
class Same:
    """Loads; every companion table equals the reference; no warning the reference lacks; *absent* not raised."""

    absent: tuple[str, ...] = ()


@dataclass(frozen=True)
class Error:
    """Not ok: a problem *code* on *file* (a message, no traceback); *without*: codes that must not be reported."""

    code: str
    file: str
    without: tuple[str, ...] = ()


@dataclass(frozen=True)
class Warned:
    """Loads with warning *code*, whose message contains every *says*; the tables as *expect* says (else equal).

    *also*: other new warnings allowed (the plausibility checks that caught the same guess); *check*:
    a further assertion on the engagement.
    """

    code: str
    says: tuple[str, ...] = ()
    expect: Expect | None = None
    also: tuple[str, ...] = ()
    check: Callable[[svcwork.Engagement], None] | None = None


@dataclass(frozen=True)
class Case:
    id: str
    change: Change
    outcome: Same | Error | Warned
    base: Change | None = None  # applied to both the reference and the case
    marks: tuple = ()


def says(*parts: str) -> tuple[str, ...]:
    """Text the warning must contain; ``{events}`` … are counted in the reference (see :func:`_facts`)."""
    return parts


def _facts(e: svcwork.Engagement) -> dict[str, int]:
    cases, satisfaction = e.cases, e.survey["satisfaction"]
    return {"events": len(cases), "multi": int((cases.groupby("case_id").size() > 1).sum()),
            "answered": int(satisfaction.notna().sum()), "unanswered": int(satisfaction.isna().sum())}


NOT_DATE = ("not_timestamp", "not_date")  # a value that is a date in the other order is that problem, not "not a date"

# =========================================================================== the corpus
C = Case
CORPUS = [
    # -- encodings (the reference has the same Hebrew / accented names in UTF-8)
    C("cp1255",                encode("cp1255"),                       Same(), base=hebrew),
    C("cp1255-stray-byte",     cp1255_with_stray_byte,                 Warned("encoding_replaced", says("1 bytes", "cp1255", f"lines {BAD_LINE}"), expect=replace_cases(_stray_byte_replaced)), base=hebrew),
    C("crlf-cp1255",           both(encode("cp1255"), crlf),           Same(), base=hebrew),
    C("cp1252-accents",        encode("cp1252"),                       Warned("encoding_guessed", says("Windows-1252")), base=accented),
    C("utf8-bom",              encode("utf-8-sig"),                    Same(), base=hebrew),
    C("utf16-bom",             encode("utf-16"),                       Same(), base=hebrew),
    C("utf16le-no-bom",        encode("utf-16-le"),                    Same(), base=hebrew),
    C("excel-unicode-text",    excel_unicode_text,                     Same(), base=hebrew),
    C("rtl-marks-in-names",    rtl_marked_names,                       Same(), base=hebrew),
    # -- delimiters and layout
    C("semicolons",            delimiter(";"),                         Same()),
    C("tabs",                  delimiter("\t"),                        Same()),
    C("survey-semicolons",     delimiter(";", "survey"),               Same()),
    C("european-training",     european_training,                      Same()),
    C("title-preamble",        preamble,                               Same()),
    C("blank-lines",           blank_lines,                            Same()),
    C("trailing-delimiter",    trailing_delimiter,                     Same()),
    C("title-case-headers",    headers(TITLE_HEADERS),                 Same()),
    C("hebrew-headers",        headers(HEBREW_HEADERS),                Same()),
    C("header-repeated",       repeated_header,                        Error("not_timestamp", "cases.csv")),
    # -- date formats: local wall-clock times, the order proven by days above 12
    C("us-ampm",               timestamps(US),                         Same(absent=("date_order_assumed",))),
    C("us-no-leading-zeros",   timestamps("%-m/%-d/%Y %-I:%M:%S %p"),  Same(absent=("date_order_assumed",))),
    C("day-first",             timestamps(DAY_FIRST),                  Same(absent=("date_order_assumed",))),
    C("day-first-2-digit-yy",  timestamps("%d/%m/%y %H:%M:%S"),        Same(absent=("date_order_assumed",))),
    C("day-first-dots",        timestamps("%d.%m.%Y %H:%M:%S"),        Same()),
    C("day-first-dashes",      timestamps("%d-%m-%Y %H:%M:%S"),        Same()),
    C("day-first-rtl-marks",   timestamps(DAY_FIRST, mark="\u200f"),   Same()),
    C("iso-ampm",              timestamps("%Y-%m-%d %I:%M:%S %p"),     Same()),
    C("iso-t-local",           timestamps("%Y-%m-%dT%H:%M:%S"),        Same()),
    C("iso-slashes",           timestamps("%Y/%m/%d %H:%M:%S"),        Same()),
    C("compact",               timestamps("%Y%m%d%H%M%S"),             Same()),
    C("us-every-date-column",  every_date_column(US, "%m/%d/%Y"),      Same(absent=("date_order_assumed",))),
    C("dmy-every-date-column", every_date_column(DAY_FIRST, "%d/%m/%Y"), Same(absent=("date_order_assumed",))),
    C("order-from-sibling",    every_date_column(DAY_FIRST, "%d/%m/%Y"), Same(absent=("date_order_assumed",)), base=early_deadlines),  # the times prove it for the deadlines
    # -- day and month could swap (no day above 12): assumed and said, declared, contradicted, mixed
    C("us-no-day-above-12",    timestamps(US),                         Warned("date_order_assumed", says("read as MDY", "{events} values")), base=first_12_days),
    C("dmy-no-day-above-12",   timestamps(DAY_FIRST),                  Warned("date_order_assumed", says("read as MDY"), expect=replace_cases(_day_month_swapped), also=("outside_period",)), base=first_12_days),
    C("us-declared-mdy",       both(setting("date_order", "MDY"), timestamps(US), survey_dates("%m/%d/%Y")), Same(absent=("date_order_assumed",)), base=first_12_days),
    C("declared-vs-survey",    setting("date_order", "MDY"),           Error("date_order_contradicted", "survey.csv", without=NOT_DATE)),  # the demo survey has 14/07/2025
    C("dmy-declared-us-data",  both(setting("date_order", "DMY"), timestamps(US)), Error("date_order_contradicted", "cases.csv", without=NOT_DATE)),
    C("declared-and-garbage",  both(setting("date_order", "DMY"), timestamps(US), set_times(one, ["soon"])), Error("not_timestamp", "cases.csv")),
    C("orders-mixed",          mixed_orders,                           Error("date_order_mixed", "cases.csv", without=NOT_DATE)),
    C("split-order-in-part-1", split_where_days_change(DAY_FIRST),     Warned("companion_parts"), base=short_cases_last),
    C("split-order-in-part-2", split_where_days_change(DAY_FIRST),     Warned("companion_parts"), base=short_cases_first),
    # -- local time across clock changes (Asia/Jerusalem on both sides)
    C("dst-back",              set_times(pair_and_three, DST_BACK),    Warned("dst_ambiguous", says("5 times", "Asia/Jerusalem", "1 were placed by the order", "4 as the first"), expect=times_are(pair_and_three, DST_BACK_UTC)), base=jerusalem),
    C("dst-back-straddle",     set_times(triple, DST_STRADDLE),        Warned("dst_ambiguous", says("3 times", "2 were placed by the order"), expect=times_are(triple, DST_STRADDLE_UTC)), base=jerusalem),
    C("dst-forward",           set_times(one, ["2026-03-27 02:30:00"]), Warned("dst_shifted", says("2026-03-27 02:30:00", "Asia/Jerusalem"), expect=times_are(one, ["2026-03-27 00:30:00"])), base=jerusalem),
    # -- plausibility: the period, the order of events, one row per case
    C("year-before-period",    year_earlier,                           Error("outside_period_most", "cases.csv")),
    C("survey-year-before",    survey_year_earlier,                    Error("outside_period_most", "survey.csv")),
    C("few-outside-period",    set_times(four, OUTSIDE),               Warned("outside_period", says("4 of {events}", "2024-01-15 10:00"), expect=times_are(four, OUTSIDE))),
    C("reverse-time-order",    edit(_reverse_within_cases),            Warned("backwards_cases", says("{multi} of {multi} cases"), expect=replace_cases(_reverse_within_cases))),
    C("us-reverse-time-order", both(timestamps(US), edit(_reverse_within_cases)), Warned("backwards_cases", says("(MDY)"), expect=replace_cases(_reverse_within_cases))),
    C("one-row-per-case",      edit(_first_event_only),                Warned("one_row_per_case", says(f"{N_CASES} cases"), expect=replace_cases(_first_event_only), check=_one_row_per_case)),
    # -- file names, kinds and parts
    C("csv-gz",                gzipped,                                Same()),
    C("tsv",                   both(delimiter("\t"), rename("cases.csv", "cases.tsv")), Same()),
    C("upper-case-name",       rename("cases.csv", "Cases.CSV"),       Same()),
    C("hebrew-file-name",      rename("cases.csv", "פניות.csv"),       Same()),
    C("browser-copy",          rename("cases.csv", "cases (1).csv"),   Warned("companion_copy", says("cases (1).csv"))),
    C("split-parts",           split(700),                             Warned("companion_parts", says("2 parts", "cases-1.csv, cases-2.csv"))),
    C("split-11-parts",        split(*range(130, 1400, 130)),          Warned("companion_parts", says("11 parts", "cases-9.csv, cases-10.csv, cases-11.csv"))),
    C("split-no-header",       split(700, header=False),               Error("companion_no_header", "cases-2.csv")),
    C("declared-file",         both(rename("cases.csv", "export.csv"), setting("cases_file", "export.csv")), Same()),
    C("declared-missing",      setting("cases_file", "export.csv"),    Error("companion_declared_missing", "intake.xlsx")),
    C("unused-file",           extra_file,                             Warned("file_unused", says("notes.csv"))),
    C("xes",                   xes(),                                  Same()),
    C("xes-gz",                xes(gz=True),                           Same()),
    C("xes-utc-millis",        xes(utc_millis=True),                   Same()),
    C("parquet-naive-local",   parquet(utc=False),                     Same()),
    C("parquet-utc",           parquet(utc=True),                      Same()),
    C("xlsx-date-cells",       xlsx("dates"),                          Same()),
    C("xlsx-serials",          xlsx("serials"),                        Same()),
    C("xlsx-1904-date-cells",  xlsx("dates", mac=True),                Same()),
    C("xlsx-1904-serials",     xlsx("serials", mac=True),              Same()),
    C("xlsx-merged-unit",      xlsx("dates", merged=True),             Warned("merged_cells", says("2 merged cell ranges"))),
    C("survey-xlsx",           survey_xlsx,                            Same()),
    # -- survey answers
    C("labels-english",        answers(labelled(EN_AGREE)),            Warned("labels_read", says("{answered} answers", "“Agree”"))),
    C("labels-hebrew",         answers(labelled(HE_SATISFIED)),        Warned("labels_read", says("{answered} answers", "מרוצה"))),
    C("client-labels",         both(scales_sheet(*(("survey", "satisfaction", None, lab, int(k)) for k, lab in CLIENT_LABELS.items())), answers(labelled(CLIENT_LABELS))), Warned("labels_read", says("{answered} answers", "“Good”"))),
    C("dont-know",             answers(lambda v: v or "Don't know"),   Warned("dont_know", says("{unanswered} answers"))),
    C("scale-1-10",            answers(labelled(ONE_TO_TEN)),          Warned("scale_assumed", says("1–10", "values 1–10"), expect=_on_five_from_ten)),
    C("scale-0-100",           answers(lambda v: f"{25 * (int(v) - 1)}" if v else v), Warned("scale_read", says("0–100", "evident from the values"))),
    C("declared-scale-1-10",   both(scales_sheet(("survey", "satisfaction", "1-10", None, None)), answers(labelled(ONE_TO_TEN))), Warned("scale_read", says("1–10", "declared in the Scales sheet"), expect=_on_five_from_ten)),
    C("unknown-label",         answers(lambda v: v or "Sort of"),      Error("unknown_label", "survey.csv")),
    C("no-survey-items",       no_items,                               Warned("no_survey_items", says("Q1"), expect=_items_blank)),
    # -- training scores keep their own scale
    C("training-percent",      scores(lambda x: f"{25 * (x - 1):g}%"), Warned("training_scale", says("0–100"), expect=training_on(lambda s: 25 * (s - 1)), check=_training_scale(Scale(0, 100)))),
    C("training-0-100",        scores(lambda x: f"{25 * (x - 1):g}"),  Warned("training_scale", says("0–100"), expect=training_on(lambda s: 25 * (s - 1)), check=_training_scale(Scale(0, 100)))),
    C("training-1-10",         scores(lambda x: f"{2 * x:g}"),         Warned("scale_assumed", says("1–10"), expect=training_on(lambda s: 2 * s), check=_training_scale(Scale(1, 10)))),
    C("training-dont-know",    edit(_dont_know, "training"),           Warned("dont_know", says("1 answers in column “pre_score”", "1 answers in column “post_score”"), expect=_dont_know_missing)),
]


# =========================================================================== the test
def _tables(e: svcwork.Engagement) -> Tables:
    return {k: getattr(e, k) for k in COMPANIONS}


def _comparable(frame: pd.DataFrame) -> pd.DataFrame:
    """Without the bookkeeping columns (``_row``, ``_file``); datetimes at one resolution (compared exactly)."""
    frame = frame.drop(columns=[c for c in frame.columns if c.startswith("_")]).reset_index(drop=True)
    for c in frame.columns:
        if isinstance(frame[c].dtype, pd.DatetimeTZDtype):
            frame[c] = frame[c].astype("datetime64[ns, UTC]")
        elif pd.api.types.is_datetime64_dtype(frame[c].dtype):
            frame[c] = frame[c].astype("datetime64[ns]")
    return frame


def _assert_same_tables(got: Tables, want: Tables) -> None:
    for k in COMPANIONS:
        assert (got[k] is None) == (want[k] is None), k
        if want[k] is not None:
            pdt.assert_frame_equal(_comparable(got[k]), _comparable(want[k]), check_dtype=False, obj=k)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=c.marks) for c in CORPUS])
def test_export(case: Case, clean: Path, reference, tmp_path: Path) -> None:
    ref = reference(case.base)
    folder = tmp_path / "northfield"
    shutil.copytree(clean, folder)
    if case.base is not None:
        case.base(folder)
    case.change(folder)
    before = sha256_tree(folder)

    result = svcwork.validate(folder)

    assert sha256_tree(folder) == before, "an input file was modified"
    problems, out = result.problems, case.outcome
    errors = [p for p in problems if p.is_error]
    if isinstance(out, Error):
        assert not result.ok and result.engagement is None
        assert any(p.code == out.code and p.file == out.file for p in errors), [(p.code, p.file) for p in problems]
        assert not any("Traceback" in p.message + (p.detail or "") for p in errors)
        wrong = [p.message for p in problems if p.code in out.without]
        assert not wrong, wrong[:3]
        return
    assert result.ok, [(p.code, p.file, p.row, p.message) for p in errors]
    new = {p.code for p in problems} - {p.code for p in ref.problems}
    expected = _tables(ref.engagement)
    if isinstance(out, Same):
        assert not new, [p.message for p in problems if p.code in new]
        assert not {p.code for p in problems} & set(out.absent)
    else:
        warned = " ".join(p.message for p in problems if p.code == out.code)
        assert warned, [p.message for p in problems]
        for part in out.says:
            assert part.format(**_facts(ref.engagement)) in warned, warned
        assert new <= {out.code, *out.also}, [p.message for p in problems if p.code in new]
        if out.expect is not None:
            expected = out.expect({k: (None if v is None else v.copy()) for k, v in expected.items()})
        if out.check is not None:
            out.check(result.engagement)
    _assert_same_tables(_tables(result.engagement), expected)


# =========================================================================== the language of the messages
def test_message_language_never_changes_what_is_read(clean: Path, tmp_path: Path) -> None:
    """``validate(lang="he")`` writes the messages in Hebrew; what is read stays the engagement's.

    The defaults where the data and the form are silent (time zone, day/month order) follow the
    engagement (its ``language`` setting), never the language the consultant reads messages in:
    otherwise the same folder would load different times when validated in Hebrew.
    """
    folder = tmp_path / "northfield"
    shutil.copytree(clean, folder)
    for change in (first_12_days, timestamps(US), setting("timezone", None)):
        change(folder)
    english, in_hebrew = svcwork.validate(folder), svcwork.validate(folder, lang="he")
    assert english.ok and in_hebrew.ok and (english.language, in_hebrew.language) == ("en", "he")
    _assert_same_tables(_tables(in_hebrew.engagement), _tables(english.engagement))
    assumed = [p.message for p in in_hebrew.problems if p.code == "date_order_assumed"]
    assert assumed and "חודש/יום/שנה" in assumed[0]  # the order named as the Hebrew form names it
