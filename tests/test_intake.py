"""The intake contract (shared/docs/intake-contract.md), case by case.

Every workbook here is hand-made in the test (openpyxl, no styling), not produced by the
template generator, so the loader is checked against what clerks really send.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EVENTLOGS, ROOT, SHARED, english_sheets, hebrew_sheets, write_xlsx
from svcwork import IntakeError, Problem, load, validate
from svcwork.cli import main
from svcwork.intake import load_companion
from svcwork.paths import sha256_file


def codes(result) -> list[str]:
    return [p.code for p in result.problems if p.is_error]


def only(result, code):
    found = [p for p in result.problems if p.code == code]
    assert found, f"expected a {code!r} problem, got {[(p.code, p.message) for p in result.problems]}"
    return found


def with_cached_formula(path: Path, cell: str, formula: str) -> None:
    """Turn a value cell into a formula cell keeping the value as Excel's cached result (and, as Excel does when it
    saves, without the writer's request to calculate every formula on opening, ``fullCalcOnLoad``)."""
    data = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(data) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            content = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                text = content.decode()
                text, n = re.subn(rf'(<c r="{cell}"[^>]*>)(<v>[^<]*</v>)', rf"\1<f>{formula}</f>\2", text)
                assert n == 1, text[:500]
                content = text.encode()
            elif item.filename == "xl/workbook.xml":
                content = content.replace(b' fullCalcOnLoad="1"', b"")
            zout.writestr(item, content)
    path.write_bytes(out.getvalue())


# --------------------------------------------------------------------------- what must be accepted
def test_valid_english_engagement_loads_typed_frames(english_client):
    eng = load(english_client)
    assert eng.settings.organization == "Example Agency"
    assert eng.settings.period_end == dt.date(2026, 6, 30)
    assert eng.settings.sla_days == 14 and eng.settings.min_group_size == 5  # default and given
    services = eng.table("Services")
    assert list(services["service_id"]) == ["S1", "S2", "S3"]
    assert services["effort"].dtype == "float64"
    assert services.loc[2, "depends_on"] == ("S1", "S2")
    assert list(services["_row"]) == [2, 3, 4]
    assert eng.table("KPI values")["period"].iloc[0] == pd.Timestamp("2026-01-01")
    assert eng.table("Journey").empty and "journey" in eng.table("Journey").columns
    assert not eng.has("Journey") and eng.has("Services")


def test_hebrew_engagement_with_title_rows_and_hebrew_values(hebrew_client):
    result = validate(hebrew_client)
    assert result.ok, result.table().to_string()
    eng = result.engagement
    assert eng.language == "he" and eng.template_language == "he"
    assert eng.settings.period_start == dt.date(2026, 1, 1)  # day-first string
    services = eng.table("Services")
    assert list(services["_row"]) == [4, 5]  # header moved down by a title row and a blank row
    assert list(services["mandatory"]) == ["yes", "no"]
    assert services["effort"].tolist() == [2.0, 4.0]  # "4" stored as text is a number
    assert list(eng.table("Channels")["available"]) == ["yes", "partial"]


def test_headers_match_ignoring_case_spaces_and_underscores(tmp_path):
    sheets = english_sheets()
    sheets["Services"][0] = ["Service ID ", "SERVICE name", "unit", "Effort", "benefit", " visibility", "annual volume",
                             "depends-on"]
    sheets["services  "] = sheets.pop("Services")
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    assert validate(tmp_path / "c").ok


def test_blank_rows_trailing_spaces_extra_columns_and_mixed_language_values(tmp_path):
    sheets = english_sheets()
    sheets["Services"][0].append("our own remark")
    sheets["Services"].insert(2, [])
    sheets["Services"].append(["  S9  ", "Recycling ", "Sanitation", "3", 3.0, "2", None, None, "kept"])
    sheets["Channels"].append(["S9", "אתר", "כן", "לא"])
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    eng = load(tmp_path / "c")
    services = eng.table("Services")
    assert "S9" in set(services["service_id"])
    assert services.loc[services["service_id"] == "S9", "service_name"].item() == "Recycling"
    assert services.loc[services["service_id"] == "S9", "our own remark"].item() == "kept"
    assert services.loc[services["service_id"] == "S9", "_row"].item() == 6
    ch = eng.table("Channels")
    assert ch.iloc[-1][["channel", "available", "end_to_end"]].tolist() == ["web", "yes", "no"]


def test_dates_in_every_accepted_form(tmp_path):
    sheets = english_sheets()
    sheets["Actions"] += [["A2", "x", "o", "2026-04-30", "done"], ["A3", "x", "o", "30/04/2026", "in progress"],
                          ["A4", "x", "o", dt.datetime(2026, 4, 30, 0, 0), "cancelled"], ["A5", "x", "o", 46142, "open"],
                          ["A6", "x", "o", "30.04.2026", "open"]]
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    actions = load(tmp_path / "c").table("Actions")
    assert set(actions["due_date"].iloc[1:]) == {pd.Timestamp("2026-04-30")}  # 46142 = Excel serial of 2026-04-30


def test_formula_cells_are_read_by_their_cached_values(tmp_path):
    path = write_xlsx(tmp_path / "c" / "intake.xlsx", english_sheets())
    with_cached_formula(path, "D2", "1+1")  # Services!D2 (effort of S1) = 2, cached
    assert "<f>1+1</f>" in zipfile.ZipFile(path).read("xl/worksheets/sheet2.xml").decode()
    assert load(tmp_path / "c").table("Services")["effort"].iloc[0] == 2.0


def test_template_example_row_is_ignored_with_a_warning(tmp_path):
    sheets = english_sheets()
    sheets["Actions"].insert(1, ["A01", "Publish a checklist", "Head of parking", "2026-05-31", "open"])
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    result = validate(tmp_path / "c")
    assert result.ok
    assert only(result, "example_row")[0].row == 2
    assert list(result.engagement.table("Actions")["action_id"]) == ["A1"]


# --------------------------------------------------------------------------- what must be refused, clearly
BAD_CELLS = [
    # (sheet, row index in the list, column index, value, expected code, expected column key)
    ("Services", 1, 3, 7, "out_of_range", "effort"),
    ("Services", 1, 4, "lots", "not_number", "benefit"),
    ("Services", 1, 5, 2.5, "not_integer", "visibility"),
    ("Services", 1, 6, -1, "below_min", "annual_volume"),
    ("Services", 2, 0, "S1", "duplicate_id", "service_id"),
    ("Services", 2, 7, "S8", "unknown_ref", "depends_on"),
    ("Services", 1, 1, None, "required_empty", "service_name"),
    ("Channels", 1, 1, "carrier pigeon", "not_in_enum", "channel"),
    ("Channels", 1, 0, "S77", "unknown_ref", "service_id"),
    ("KPI values", 1, 1, "someday", "not_date", "period"),
    ("KPI values", 1, 2, "#DIV/0!", "excel_error", "value"),
    ("KPI values", 1, 0, "K2", "unknown_ref", "kpi_id"),
    ("Actions", 1, 3, "31/02/2026", "not_date", "due_date"),
    ("Actions", 1, 4, "maybe later", "not_in_enum", "status"),
]


@pytest.mark.parametrize("sheet,row,column,value,code,key", BAD_CELLS, ids=[f"{c[0]}-{c[4]}" for c in BAD_CELLS])
def test_bad_cell_is_reported_with_sheet_row_and_column(tmp_path, sheet, row, column, value, code, key):
    sheets = english_sheets()
    sheets[sheet][row][column] = value
    path = write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    before = sha256_file(path)
    result = validate(tmp_path / "c")
    assert not result.ok
    problem = only(result, code)[0]
    assert (problem.sheet, problem.row, problem.column) == (sheet, row + 1, key)
    assert problem.file == "intake.xlsx" and problem.message
    if value is not None:
        assert problem.value == str(value) or problem.value.startswith(str(value)[:5])
    assert sha256_file(path) == before  # inputs are never modified
    with pytest.raises(IntakeError) as info:
        load(tmp_path / "c")
    assert any(p.code == code for p in info.value.problems)


def test_dependency_cycle_and_self_dependency(tmp_path):
    sheets = english_sheets()
    sheets["Services"][1][7] = "S3"  # S1 -> S3 -> S1 (S3 depends on S1, S2)
    sheets["Services"][2][7] = "S2"
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    result = validate(tmp_path / "c")
    cycle = only(result, "dependency_cycle")
    assert "S1" in cycle[0].message and "S3" in cycle[0].message
    assert only(result, "self_dependency")[0].row == 3


def test_settings_problems(tmp_path):
    sheets = english_sheets()
    sheets["Engagement"][1] = ["organization", None]
    sheets["Engagement"][4] = ["period_end", "2025-01-01"]
    sheets["Engagement"].append(["accent_color", "blue-ish"])
    sheets["Engagement"].append(["favourite_food", "falafel"])
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    result = validate(tmp_path / "c")
    assert only(result, "setting_missing")[0].column == "organization"
    assert only(result, "period_order")[0].row == 5
    assert only(result, "bad_color")[0].severity == "warning"
    assert only(result, "setting_unknown")[0].value == "favourite_food"


def test_all_problems_at_once_in_a_deliberately_broken_workbook(tmp_path):
    sheets = english_sheets()
    sheets["Services"].append(["S2", None, "X", 9, "abc", 3.5, -4, "S9"])
    sheets["Channels"].append(["S7", "pigeon", "maybe", None])
    sheets["KPI values"].append(["K9", "13/2026", "#REF!", 10])
    sheets["Actions"].append(["A1", "again", "o", "2026-13-01", "done"])
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    result = validate(tmp_path / "c")
    found = {(p.sheet, p.row, p.column, p.code) for p in result.problems if p.is_error}
    expected = {
        ("Services", 5, "service_id", "duplicate_id"), ("Services", 5, "service_name", "required_empty"),
        ("Services", 5, "effort", "out_of_range"), ("Services", 5, "benefit", "not_number"),
        ("Services", 5, "visibility", "not_integer"), ("Services", 5, "annual_volume", "below_min"),
        ("Services", 5, "depends_on", "unknown_ref"), ("Channels", 6, "service_id", "unknown_ref"),
        ("Channels", 6, "channel", "not_in_enum"), ("Channels", 6, "available", "not_in_enum"),
        ("KPI values", 4, "kpi_id", "unknown_ref"), ("KPI values", 4, "period", "not_date"),
        ("KPI values", 4, "value", "excel_error"), ("Actions", 3, "action_id", "duplicate_id"),
        ("Actions", 3, "due_date", "not_date"),
    }
    assert expected <= found, expected - found
    assert result.n_errors == len(found)


def test_messages_come_in_the_workbook_language(tmp_path):
    sheets = hebrew_sheets()
    sheets["שירותים"][3][3] = 8
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets, rtl=True)
    result = validate(tmp_path / "c")
    problem = only(result, "out_of_range")[0]
    assert (problem.sheet, problem.row, problem.column) == ("שירותים", 4, "מאמץ")
    assert "נדרש ערך בין 1 ל־5" in problem.message


def test_missing_paths(tmp_path):
    assert codes(validate(tmp_path / "nowhere")) == ["file_missing"]
    (tmp_path / "empty-folder").mkdir()
    assert codes(validate(tmp_path / "empty-folder")) == ["no_intake"]


# --------------------------------------------------------------------------- the contract's "What bad input gets", row by row
#
# One row per case of shared/docs/intake-contract.md § "What bad input gets": a small client folder
# built in the test, the code expected (None: tolerated quietly, no problem at all), its severity,
# and what the problem's ``expected`` field must say (the contract: every problem states what was
# expected).  Each row is its own test.

def _folder(tmp: Path, sheets: dict | None = None, *, hebrew: bool = False, files: dict | None = None) -> Path:
    folder = tmp / "client"
    write_xlsx(folder / "intake.xlsx", sheets if sheets is not None else (hebrew_sheets() if hebrew else english_sheets()),
               rtl=hebrew)
    for name, data in (files or {}).items():
        (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return folder


def _edited(**edits) -> dict:
    """english_sheets() with cells replaced: ``Sheet=[(row, column, value), …]`` (sheet names with _ for spaces)."""
    sheets = english_sheets()
    for name, cells in edits.items():
        for r, c, v in cells:
            sheets[name.replace("_", " ")][r][c] = v
    return sheets


def _raw_intake(tmp: Path, data: bytes) -> Path:
    folder = tmp / "client"
    folder.mkdir()
    (folder / "intake.xlsx").write_bytes(data)
    return folder


def _title_rows(tmp, mp):
    sheets = english_sheets()
    sheets["Services"] = [["Services of the agency — filled in by the clerk"], [], *sheets["Services"]]
    return _folder(tmp, sheets)


def _blank_rows(tmp, mp):
    sheets = english_sheets()
    sheets["Services"].insert(2, [])
    sheets["Services"].insert(3, [None, "  ", None])
    sheets["Actions"].append([])
    return _folder(tmp, sheets, files={"survey.csv": "response_id,date,satisfaction\nR1,2026-01-05,4\n\n\nR2,2026-01-06,5\n"})


def _trailing_spaces(tmp, mp):
    sheets = _edited(Services=[(1, 0, "  S1  "), (1, 2, "Parking   ")])
    sheets["Services"][0][0] = "service_id   "
    return _folder(tmp, sheets)


def _numbers_as_text(tmp, mp):
    return _folder(tmp, _edited(Services=[(1, 3, "2"), (1, 6, "12,000"), (2, 4, " 4 ")]))


def _excel_dates(tmp, mp):
    return _folder(tmp, _edited(Actions=[(1, 3, 46142)]))  # the Excel serial of 2026-04-30


def _iso_dates(tmp, mp):
    return _folder(tmp, _edited(Actions=[(1, 3, "2026-04-30")]))


def _dayfirst_dates(tmp, mp):
    return _folder(tmp, _edited(Actions=[(1, 3, "30/04/2026")]))


def _formula_cells(tmp, mp):
    folder = _folder(tmp)
    with_cached_formula(folder / "intake.xlsx", "D2", "1+1")
    return folder


def _extra_columns(tmp, mp):
    sheets = english_sheets()
    for i, row in enumerate(sheets["Services"]):
        row.append("our own remark" if i == 0 else f"remark {i}")
    return _folder(tmp, sheets)


def _mixed_offsets(tmp, mp):
    return _folder(tmp, files={"cases.csv": "case_id,activity,timestamp\nC1,a,2026-03-01T10:00:00+02:00\n"
                                            "C1,b,2026-03-29T10:00:00+03:00\nC2,a,2026-03-02 09:00\n"})


def _warning_only(tmp, mp):
    sheets = english_sheets()
    sheets["Engagement"].append(["accent_color", "blue-ish"])
    return _folder(tmp, sheets)


def _good_xlsx_bytes(tmp: Path) -> bytes:
    return write_xlsx(tmp / "good" / "intake.xlsx", english_sheets()).read_bytes()


def _zip_not_excel() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    return buf.getvalue()


def _sheet_missing(tmp, mp):
    sheets = english_sheets()
    del sheets["Services"]
    return _folder(tmp, sheets)


def _column_missing(tmp, mp):
    sheets = english_sheets()
    sheets["Actions"][0][2] = "responsible person"
    return _folder(tmp, sheets)


def _too_large(tmp, mp):
    folder = _folder(tmp)
    mp.setenv("SVCWORK_MAX_MB", "0.001")
    return folder


def _companion_too_large(tmp, mp):
    rows = "".join(f"C{i},received,2026-03-01 10:{i % 60:02d}\n" for i in range(8000))
    folder = _folder(tmp, files={"cases.csv": "case_id,activity,timestamp\n" + rows})
    assert (folder / "intake.xlsx").stat().st_size < 50_000 < (folder / "cases.csv").stat().st_size
    mp.setenv("SVCWORK_MAX_MB", "0.05")
    return folder


CONTRACT = [
    # id, build(tmp, monkeypatch), code (None: tolerated quietly), severity, expected field, {field: value} of the problem
    ("every-field-reported", lambda t, m: _folder(t, _edited(Services=[(1, 3, 7)])), "out_of_range", "error", "1–5",
     {"file": "intake.xlsx", "sheet": "Services", "row": 2, "column": "effort", "value": "7"}),
    ("a-problem-the-run-can-live-with-is-a-warning", _warning_only, "bad_color", "warning", "#RRGGBB",
     {"sheet": "Engagement", "row": 7, "value": "blue-ish"}),
    # tolerated quietly
    ("title-rows-above-the-header", _title_rows, None, None, None, {}),
    ("blank-rows", _blank_rows, None, None, None, {}),
    ("trailing-spaces", _trailing_spaces, None, None, None, {}),
    ("numbers-stored-as-text", _numbers_as_text, None, None, None, {}),
    ("excel-date-serials", _excel_dates, None, None, None, {}),
    ("iso-date-strings", _iso_dates, None, None, None, {}),
    ("day-first-date-strings", _dayfirst_dates, None, None, None, {}),
    ("formula-cells-by-cached-value", _formula_cells, None, None, None, {}),
    ("extra-columns-kept", _extra_columns, None, None, None, {}),
    ("mixed-time-zone-offsets-normalised", _mixed_offsets, "mixed_offsets", "warning", None, {"file": "cases.csv"}),
    # refused with a clear message: not an xlsx
    ("xls-workbook", lambda t, m: _raw_intake(t, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600), "not_xlsx_xls",
     "error", "an .xlsx workbook", {"file": "intake.xlsx"}),
    ("csv-renamed-xlsx", lambda t, m: _raw_intake(t, b"service_id,service_name\nS1,Parking\n"), "not_xlsx_text", "error",
     "an .xlsx workbook", {}),
    ("password-protected", lambda t, m: _raw_intake(t, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
                                                    + "EncryptionInfo".encode("utf-16-le")),
     "encrypted", "error", "a workbook without a password", {}),
    ("corrupt-truncated", lambda t, m: _raw_intake(t, _good_xlsx_bytes(t)[:3000]), "corrupt", "error", "an .xlsx workbook",
     {}),
    ("corrupt-empty", lambda t, m: _raw_intake(t, b""), "corrupt", "error", "an .xlsx workbook", {}),
    ("zip-but-not-excel", lambda t, m: _raw_intake(t, _zip_not_excel()), "not_xlsx_other", "error", "an .xlsx workbook",
     {}),
    # refused: structure
    ("missing-required-sheet", _sheet_missing, "sheet_missing", "error", "Services", {"sheet": "Services", "row": None}),
    ("missing-required-column", _column_missing, "column_missing", "error", "owner",
     {"sheet": "Actions", "row": 1, "column": "owner"}),
    ("header-row-missing", lambda t, m: _folder(t, {**english_sheets(), "Actions": [["x", "y"], ["1", "2"]]}),
     "header_missing", "error", "action_id, action, owner, due_date, status", {"sheet": "Actions"}),
    # refused: values
    ("duplicate-ids", lambda t, m: _folder(t, _edited(Services=[(2, 0, "S1")])), "duplicate_id", "error", "a unique value",
     {"sheet": "Services", "row": 3, "column": "service_id", "value": "S1"}),
    ("value-out-of-range", lambda t, m: _folder(t, _edited(Services=[(2, 4, 0)])), "out_of_range", "error", "1–5",
     {"row": 3, "column": "benefit"}),
    ("value-below-minimum", lambda t, m: _folder(t, _edited(Services=[(1, 6, -5)])), "below_min", "error", "≥ 0",
     {"row": 2, "column": "annual_volume"}),
    ("value-not-in-the-list", lambda t, m: _folder(t, _edited(Channels=[(1, 2, "sometimes")])), "not_in_enum", "error",
     "yes, no, partial", {"sheet": "Channels", "row": 2, "column": "available"}),
    ("date-out-of-range-in-the-workbook", lambda t, m: _folder(t, _edited(Actions=[(1, 3, "0001-01-01")])), "not_date",
     "error", "date", {"sheet": "Actions", "row": 2, "column": "due_date", "value": "0001-01-01"}),
    ("reference-to-an-unknown-id", lambda t, m: _folder(t, _edited(Channels=[(1, 0, "S77")])), "unknown_ref", "error",
     "a service_id of sheet “Services”", {"sheet": "Channels", "row": 2, "column": "service_id"}),
    ("dependency-on-an-unknown-id", lambda t, m: _folder(t, _edited(Services=[(2, 7, "S8")])), "unknown_ref", "error",
     "a service_id of sheet “Services”", {"row": 3, "column": "depends_on", "value": "S8"}),
    ("dependencies-in-a-cycle", lambda t, m: _folder(t, _edited(Services=[(1, 7, "S3")])), "dependency_cycle", "error",
     "dependencies without cycles", {"column": "depends_on"}),
    ("workbook-too-large", _too_large, "too_large", "error", "≤ 0.001 MB", {"file": "intake.xlsx"}),
    # companion files
    ("companion-too-large", _companion_too_large, "too_large", "error", "≤ 0.05 MB", {"file": "cases.csv"}),
    ("companion-not-parquet", lambda t, m: _folder(t, files={"survey.parquet": b"PAR1 not really"}),
     "companion_unreadable", "error", ".csv, .xlsx or .parquet", {"file": "survey.parquet"}),
    ("companion-broken-csv", lambda t, m: _folder(t, files={"survey.csv": "response_id,date\nR1,2026-01-05\n"
                                                                          "R2,2026-01-06,surplus,more\n"}),
     "companion_unreadable", "error", ".csv, .xlsx or .parquet", {"file": "survey.csv", "row": 3}),
    ("companion-xls", lambda t, m: _folder(t, files={"training.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600}),
     "not_xlsx_xls", "error", "an .xlsx workbook", {"file": "training.xlsx"}),
    ("companion-csv-renamed-xlsx", lambda t, m: _folder(t, files={"cases.xlsx": "case_id,activity,timestamp\n"}),
     "not_xlsx_text", "error", "an .xlsx workbook", {"file": "cases.xlsx"}),
    ("companion-missing-column", lambda t, m: _folder(t, files={"cases.csv": "case_id,activity\nC1,a\n"}),
     "column_missing", "error", "timestamp", {"file": "cases.csv", "row": 1, "column": "timestamp"}),
    ("companion-duplicate-ids", lambda t, m: _folder(t, files={"survey.csv": "response_id,date\nR1,2026-01-05\n"
                                                                             "R1,2026-01-06\n"}),
     "duplicate_id", "error", "a unique value", {"file": "survey.csv", "row": 3, "column": "response_id"}),
    ("companion-value-out-of-range", lambda t, m: _folder(t, files={"survey.csv": "response_id,date,nps\nR1,2026-01-05,11\n"}),
     "out_of_range", "error", "0–10", {"file": "survey.csv", "row": 2, "column": "nps", "value": "11"}),
    ("companion-date-out-of-range", lambda t, m: _folder(t, files={"survey.csv": "response_id,date\nR1,0001-01-01\n"}),
     "not_date", "error", "date", {"file": "survey.csv", "row": 2, "column": "date", "value": "0001-01-01"}),
    ("companion-timestamp-out-of-range", lambda t, m: _folder(t, files={"cases.csv": "case_id,activity,timestamp\nC1,a,-1\n"}),
     "not_timestamp", "error", "date and time", {"file": "cases.csv", "row": 2, "column": "timestamp", "value": "-1"}),
    ("companion-two-files-of-one-kind", lambda t, m: _folder(t, files={"survey.csv": "response_id,date\n",
                                                                       "survey.parquet": b""}),
     "companion_ambiguous", "error", "one file", {}),
    # an optional companion that is empty is like a missing one: its analyses are skipped (a warning)
    ("companion-empty-file", lambda t, m: _folder(t, files={"training.csv": ""}), "companion_empty", "warning", None,
     {"file": "training.csv"}),
    ("companion-header-only", lambda t, m: _folder(t, files={"training.csv": "employee_code,skill,pre_score,post_score\n"}),
     "companion_empty", "warning", None, {"file": "training.csv"}),
    # citizen identifiers are pseudonymised on load; client text is data
    ("citizen-ids-pseudonymised", lambda t, m: _folder(t, files={"cases.csv": "case_id,activity,timestamp,citizen_id\n"
                                                                            "C1,a,2026-03-01 10:00,039337423\n"}),
     None, None, None, {}),
    ("formula-text-is-data", lambda t, m: _folder(t, _edited(Services=[(1, 1, "+cmd|' /C calc'!A0"),
                                                                        (1, 2, "<script>alert(1)</script>")])),
     None, None, None, {}),
]


@pytest.mark.parametrize("case,build,code,severity,expected,fields", CONTRACT, ids=[c[0] for c in CONTRACT])
def test_contract_what_bad_input_gets(tmp_path, monkeypatch, case, build, code, severity, expected, fields):
    folder = build(tmp_path, monkeypatch)
    inputs = {p: sha256_file(p) for p in folder.iterdir()}
    result = validate(folder)
    errors = [p for p in result.problems if p.is_error]
    if code is None:  # tolerated quietly: nothing to fix, nothing lost
        assert not errors, [(p.code, p.message) for p in errors]
        assert not [p for p in result.problems if p.code not in ("sheet_empty",)], result.problems
    else:
        problem = only(result, code)[0]
        assert problem.severity == severity
        assert problem.message and problem.message.endswith((".", ")")), problem.message
        if expected is not None:
            assert problem.expected == expected, problem
        for name, value in fields.items():
            assert getattr(problem, name) == value, (name, problem)
        assert result.ok == (severity == "warning" and not errors)
        assert (result.engagement is None) == bool(errors)  # an error stops the run before any analysis
    assert {p: sha256_file(p) for p in folder.iterdir()} == inputs  # inputs are never modified
    eng = result.engagement
    if case == "extra-columns-kept":
        assert list(eng.table("Services")["our own remark"]) == ["remark 1", "remark 2", "remark 3"]
    if case in ("excel-date-serials", "iso-date-strings", "day-first-date-strings"):
        assert eng.table("Actions")["due_date"].iloc[0] == pd.Timestamp("2026-04-30")
    if case in ("numbers-stored-as-text", "formula-cells-by-cached-value"):
        assert eng.table("Services")["effort"].iloc[0] == 2.0
    if case == "numbers-stored-as-text":
        assert eng.table("Services")["annual_volume"].iloc[0] == 12000
    if case == "title-rows-above-the-header":
        assert list(eng.table("Services")["_row"]) == [4, 5, 6]
    if case == "blank-rows":
        assert list(eng.table("Services")["_row"]) == [2, 5, 6] and list(eng.survey["_row"]) == [2, 5]
    if case == "trailing-spaces":
        assert eng.table("Services")["service_id"].iloc[0] == "S1"
    if case == "mixed-time-zone-offsets-normalised":
        assert eng.cases["timestamp"].iloc[1] == pd.Timestamp("2026-03-29T07:00:00Z")
    if case == "citizen-ids-pseudonymised":
        assert "039337423" not in eng.cases.to_string() and eng.cases["citizen_id"].str.startswith("cit-").all()
    if case == "formula-text-is-data":
        services = eng.table("Services")
        assert (services["service_name"].iloc[0], services["unit"].iloc[0]) == ("+cmd|' /C calc'!A0",
                                                                               "<script>alert(1)</script>")
    if case in ("companion-empty-file", "companion-header-only"):
        assert not eng.has("training")


def test_the_contract_table_covers_every_case_of_the_contract():
    """The contract's bullet list, phrase by phrase, against the table's rows."""
    text = (SHARED / "docs" / "intake-contract.md").read_text(encoding="utf-8")
    section = " ".join(text.split("## What bad input gets", 1)[1].split())
    for phrase in ("header rows moved down", "blank rows", "trailing spaces", "numbers stored as text", "Excel dates",
                   "ISO/day-first", "formula cells", "extra columns", "mixed time-zone offsets", ".xls", "CSV renamed",
                   "password-protected", "corrupt", "missing required sheet/column", "duplicate ids",
                   "values out", "unknown ids", "in a cycle", "too large", "pseudonymised", "never markup"):
        assert phrase in section, phrase  # the table below follows this text; a changed contract needs new rows
    ids = {c[0] for c in CONTRACT}
    assert {"title-rows-above-the-header", "blank-rows", "trailing-spaces", "numbers-stored-as-text",
            "excel-date-serials", "iso-date-strings", "day-first-date-strings", "formula-cells-by-cached-value",
            "extra-columns-kept", "mixed-time-zone-offsets-normalised", "xls-workbook", "csv-renamed-xlsx",
            "password-protected", "corrupt-truncated", "missing-required-sheet", "missing-required-column",
            "duplicate-ids", "value-out-of-range", "dependency-on-an-unknown-id", "dependencies-in-a-cycle",
            "workbook-too-large", "companion-too-large", "companion-not-parquet", "citizen-ids-pseudonymised",
            "formula-text-is-data"} <= ids


# --------------------------------------------------------------------------- messages entirely in the workbook's language
#: Latin words a Hebrew message may carry besides codes, file names and the client's own values: none.
LATIN_WORD = re.compile(r"(?<![\w.])[A-Za-z][A-Za-z\-]*(?![\w])")  # as tests/test_report.py: S01, kpi_id are codes


def _latin_words(text: str) -> set[str]:
    return set(LATIN_WORD.findall(text))


def _broken_hebrew_client(tmp: Path, variant: int) -> tuple[Path, set[str]]:
    """A Hebrew engagement with problems in every sheet and companion file; also the Latin words typed in it."""
    sheets = hebrew_sheets()
    sheets["פרטי הארגון"] += [["צבע מותג", "כחול"], ["מיפוי עמודות", "סקר.ש1=שביעות רצון; בלי נקודה; סקר.ש2=צבע"],
                              ["מאכל אהוב", "פלאפל"]]
    services = sheets["שירותים"]
    services[2].append("תלוי ב")
    services[3].append("S2")
    services[4].append("S1")  # S1 -> S2 -> S1
    services += [["S1", "כפול", "חניה", 0, 5, 5, "אולי", "S9"], ["S3", None, "חניה", 2.5, "הרבה", 5, "כן", "S3"]]
    sheets["ערוצים"].append(["S5", "יונת דואר", "כן"])
    sheets["קריטריונים"] = [["קריטריון", "כיוון", "משקל"], ["מאמץ", "עלות", 1], ["תועלת", "תועלת", 1], ["צבע", "תועלת", 1]]
    sheets["השוואות זוגיות"] = [["קריטריון א", "קריטריון ב", "ערך"], ["מאמץ", "מאמץ", 3], ["מאמץ", "תועלת", "12"]]
    sheets["מדדים"] = [["כלום בכלל"], ["משהו"]]
    sheets["אמות מידה לשירות"] = [["מזהה שירות", "מדד", "יעד"], ["S1", "זמן המתנה", 3]]
    sheets["ערכי מדדים"] = [["מזהה מדד", "תקופה", "ערך"], ["K1", "מחר", "#REF!"]]
    sheets["תוכנית פעולה"] = [["מזהה פעולה", "פעולה", "אחראי", "תאריך יעד"], ["A1", "פעולה", "אחראית", "0001-01-01"]]
    sheets["תצפיות"] = [["תאריך", "יחידה", "צופה", "קוד עובד", "פריט", "ציון"], ["-1", "חניה", "דנה", "E1", "הקשבה", 9]]
    folder = tmp / f"he-broken-{variant}"
    write_xlsx(folder / "intake.xlsx", sheets, rtl=True)
    if variant == 0:
        files = {"survey.csv": "מזהה תשובה,תאריך,שביעות רצון,נכונות להמליץ\nR1,0001-01-01,5,10\nR1,-1,9,11\n\nR3,מחר,x,\n",
                 "cases.csv": "מזהה פנייה,פעילות\nP1,התקבלה\n",
                 "training.csv": "קוד עובד,מיומנות,ציון לפני,ציון אחרי\nE1,הקשבה,2,4,עודף\n"}
    else:
        files = {"cases.parquet": b"PAR1 not really parquet", "survey.xlsx": "מזהה תשובה,תאריך\nR1,2026-01-01\n",
                 "training.csv": ""}
    typed: set[str] = set()
    for rows in sheets.values():
        for row in rows:
            typed |= _latin_words(" ".join(str(v) for v in row if v is not None))
    for name, data in files.items():
        (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        typed |= _latin_words(data.decode("latin-1") if isinstance(data, bytes) else data)
    return folder, typed


@pytest.mark.parametrize("variant", [0, 1])
def test_hebrew_validate_output_has_no_english(tmp_path, capsys, variant):
    folder, typed = _broken_hebrew_client(tmp_path, variant)
    assert main(["validate", str(folder)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    result = validate(folder)
    assert result.language == "he" and result.n_errors >= (20 if variant == 0 else 10)
    codes_found = {p.code for p in result.problems}
    wanted = ({"header_missing", "pairwise_self", "bad_column_map", "not_date", "column_missing", "companion_unreadable",
               "duplicate_id", "dependency_cycle", "criterion_unknown", "measure_unknown", "excel_error"} if variant == 0
              else {"companion_unreadable", "not_xlsx_text", "companion_empty"})
    assert wanted <= codes_found, wanted - codes_found
    files = {"intake.xlsx", "survey.csv", "cases.csv", "training.csv", "cases.parquet", "survey.xlsx"}
    leaks = set()
    for line in lines + [captured.err.replace(str(folder), " ")]:
        text = re.sub(r"\[[a-z_0-9]+\]", " ", line)  # the stable code
        for name in files:
            text = text.replace(name, " ")
        leaks |= _latin_words(text) - typed
    assert not leaks, f"English in Hebrew validate output: {sorted(leaks)}"
    for p in result.problems:  # the JSON fields meant for people are Hebrew too
        assert re.search(r"[\u0590-\u05ff]", p.message), p
        for field in (p.message, p.expected or "", p.location()):
            text = field
            for name in files:
                text = text.replace(name, " ")
            assert not (_latin_words(text) - typed), (p.code, field)
    # the things the auditor found, one by one
    by_code = {p.code: p for p in result.problems}
    assert all(" / row " not in line for line in lines) and any(" / שורה " in line for line in lines)
    if variant == 0:
        assert by_code["header_missing"].expected == "מזהה מדד, שם המדד, כיוון, יעד"
        assert by_code["pairwise_self"].value == "מאמץ" and "„מאמץ”" in by_code["pairwise_self"].message
        assert "קובץ.העמודה אצלכם=העמודה בטופס" in by_code["bad_column_map"].message
        unreadable = by_code["companion_unreadable"]
        assert unreadable.file == "training.csv" and "קובץ ההדרכה" in unreadable.message and unreadable.row == 2
        assert unreadable.detail and "length of data" in unreadable.detail  # pandas' own text, kept apart
        survey = [p for p in result.problems if p.file == "survey.csv"]
        assert {p.column for p in survey} <= {"תאריך", "שביעות רצון", "נכונות להמליץ", "מזהה תשובה"}
    else:
        assert "בקובץ ההדרכה אין שורות" in by_code["companion_empty"].message
        assert "קובץ הפניות" in by_code["companion_unreadable"].message


def test_problem_location_speaks_the_message_language():
    he = Problem("error", "x", "intake.xlsx", "שירותים", 6, "מאמץ", None, None, "נדרש מספר.")
    en = Problem("error", "x", "intake.xlsx", "Services", 6, "effort", None, None, "Expected a number.")
    assert he.location() == "intake.xlsx / שירותים / שורה 6 / מאמץ"
    assert en.location() == "intake.xlsx / Services / row 6 / effort"
    assert en.location("he") == "intake.xlsx / Services / שורה 6 / effort"


# --------------------------------------------------------------------------- usage errors and out-of-range dates
def test_cli_validate_on_a_path_that_does_not_exist_is_a_usage_error(tmp_path, capsys):
    for fmt in ("text", "json"):
        assert main(["validate", str(tmp_path / "no-such-client"), "--format", fmt]) == 2
        captured = capsys.readouterr()
        assert "no-such-client" in captured.err and "not found" in captured.err and "Traceback" not in captured.err
        assert captured.out == ""


@pytest.mark.parametrize("value", ["0001-01-01", "-1", -1, 0, "9999-12-31", "1899-12-31", 2958466, "1/1/1",
                                   "0001-01-01T00:00:00+02:00", "+275760-09-13"])
@pytest.mark.parametrize("where", ["setting", "table"])
def test_out_of_range_dates_in_workbook_cells_are_not_date(tmp_path, value, where):
    sheets = english_sheets()
    if where == "setting":
        sheets["Engagement"][3][1] = value  # period_start
        expected = ("Engagement", 4, "period_start")
    else:
        sheets["Actions"][1][3] = value  # due_date
        expected = ("Actions", 2, "due_date")
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    result = validate(tmp_path / "c")
    problem = only(result, "not_date")[0]
    assert (problem.sheet, problem.row, problem.column) == expected
    assert problem.expected == "date"


# --------------------------------------------------------------------------- companion files and privacy
def test_cases_companion_pseudonymised_and_offsets_normalised(english_client):
    (english_client / "cases.csv").write_text(
        "case_id,activity,timestamp,unit,citizen_id\n"
        "C1,received,2026-03-01T10:00:00+02:00,Front,039337423\n"
        "C1,closed,2026-03-29T10:00:00+03:00,Front,039337423\n"
        "C2,received,2026-03-02 09:00,Back, 039337423 \n", encoding="utf-8")
    result = validate(english_client)
    assert result.ok, result.table().to_string()
    assert only(result, "mixed_offsets")[0].severity == "warning"
    cases = result.engagement.cases
    assert str(cases["timestamp"].dtype) == "datetime64[ns, UTC]"
    assert cases["timestamp"].iloc[0] == pd.Timestamp("2026-03-01T08:00:00Z")
    assert cases["timestamp"].iloc[1] == pd.Timestamp("2026-03-29T07:00:00Z")
    assert "039337423" not in cases["citizen_id"].str.cat()
    assert cases["citizen_id"].nunique() == 1  # same person, same pseudonym
    assert cases["channel"].isna().all()  # optional column absent: present, empty


def test_pseudonyms_depend_on_the_key(english_client):
    (english_client / "cases.csv").write_text("case_id,activity,timestamp,citizen_id\nC1,a,2026-01-01,123\n")
    a = validate(english_client, key=b"one").engagement.cases["citizen_id"].iloc[0]
    b = validate(english_client, key=b"two").engagement.cases["citizen_id"].iloc[0]
    assert a != b and "123" not in a


def test_companion_problems_are_listed_with_their_rows(english_client):
    (english_client / "survey.csv").write_text(
        "response_id,date,satisfaction,nps\nR1,2026-01-05,5,10\nR2,05/01/2026,6,9\nR2,not a date,4,11\n")
    result = validate(english_client)
    found = {(p.file, p.row, p.column, p.code) for p in result.problems if p.is_error}
    assert found == {("survey.csv", 3, "satisfaction", "out_of_range"), ("survey.csv", 4, "date", "not_date"),
                     ("survey.csv", 4, "nps", "out_of_range"), ("survey.csv", 4, "response_id", "duplicate_id")}


def test_semicolon_csv_with_bom_and_windows_hebrew(english_client):
    text = "employee_code;skill;pre_score;post_score\nE1;הקשבה;2;4\nE2;הכלת כעס;3;3\n"
    (english_client / "training.csv").write_bytes(text.encode("cp1255"))
    training = load(english_client).training
    assert list(training["skill"]) == ["הקשבה", "הכלת כעס"]
    assert training["post_score"].tolist() == [4.0, 3.0]
    assert not training["employee_code"].str.startswith("E").any()


def test_column_map_setting_maps_client_columns(english_client, tmp_path):
    sheets = english_sheets()
    sheets["Engagement"].append(["column_map", "cases.Ticket=case_id; cases.Step=activity; cases.When=timestamp"])
    write_xlsx(english_client / "intake.xlsx", sheets)
    (english_client / "cases.csv").write_text("Ticket,Step,When\nT1,open,2026-01-01 10:00\n")
    assert load(english_client).cases["case_id"].tolist() == ["T1"]


def test_real_receipt_log_loads_with_its_xes_headers():
    log = load_companion("cases", EVENTLOGS / "receipt.csv", timezone="Europe/Amsterdam")
    assert log["case_id"].nunique() == 1434 and len(log) == 8577
    assert str(log["timestamp"].dtype) == "datetime64[ns, UTC]" and log["timestamp"].notna().all()
    raw = pd.read_csv(EVENTLOGS / "receipt.csv", dtype=str)
    expected = pd.to_datetime(raw["time:timestamp"], utc=True, format="ISO8601")
    assert (log["timestamp"].to_numpy() == expected.to_numpy()).all()
    assert log["resource"].str.startswith("res-").all()  # employees pseudonymised too


# --------------------------------------------------------------------------- command line
def test_cli_validate_exit_codes_and_json(english_client, tmp_path, capsys):
    assert main(["validate", str(english_client)]) == 0
    assert "warning" in capsys.readouterr().out
    sheets = english_sheets()
    sheets["Services"][1][3] = 0
    write_xlsx(tmp_path / "bad" / "intake.xlsx", sheets)
    assert main(["validate", str(tmp_path / "bad"), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert any(p["code"] == "out_of_range" and p["row"] == 2 and p["column"] == "effort" for p in out)
    assert set(out[0]) == {"severity", "code", "file", "sheet", "row", "column", "value", "expected", "message",
                           "detail"}
    assert main(["validate"]) == 2
    assert main(["validate", str(english_client), "--format", "xml"]) == 2


# --------------------------------------------------------------------------- junk never causes a traceback
JUNK = st.one_of(st.none(), st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=40), st.integers(-10**12, 10**12),
                 st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                 st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31)),
                 st.sampled_from(["#REF!", "=1/0", "1/3", "0", "כן", "yes", "", "  ", "S1", "S1,S1", "30/02/2026",
                                  "0001-01-01", "-1", "9999-12-31", "0001-01-01T00:00+02:00", "1/1/1", "2958466"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.tuples(st.sampled_from(["Engagement", "Services", "Channels", "KPI values", "Actions"]),
                                st.integers(0, 6), st.integers(0, 8), JUNK), min_size=1, max_size=12))
def test_random_junk_in_cells_never_raises(tmp_path_factory, cells):
    sheets = english_sheets()
    for sheet, r, c, value in cells:
        rows = sheets[sheet]
        while len(rows) <= r:
            rows.append([])
        while len(rows[r]) <= c:
            rows[r].append(None)
        if isinstance(value, str) and value.startswith("="):
            value = "'" + value  # openpyxl would store a formula without a cached value
        rows[r][c] = value
    folder = tmp_path_factory.mktemp("junk")
    write_xlsx(folder / "intake.xlsx", sheets)
    result = validate(folder)
    assert result.ok == (result.engagement is not None)
    for p in result.problems:
        assert p.message and p.code and p.severity in ("error", "warning")


def test_all_problems_at_once_in_a_broken_hebrew_workbook(tmp_path):
    sheets = hebrew_sheets()
    sheets["פרטי הארגון"][3] = ["תחילת תקופה", "אתמול"]
    sheets["שירותים"].append(["S1", "כפול", "חניה", 0, 5, 5, "אולי"])
    sheets["ערוצים"].append(["S5", "יונת דואר", "כן"])
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets, rtl=True)
    result = validate(tmp_path / "c")
    assert result.language == "he"
    found = {(p.sheet, p.row, p.column, p.code) for p in result.problems if p.is_error}
    assert found == {
        ("פרטי הארגון", 4, "תחילת תקופה", "not_date"),
        ("שירותים", 6, "מזהה שירות", "duplicate_id"),
        ("שירותים", 6, "מאמץ", "out_of_range"),
        ("שירותים", 6, "חובה", "not_in_enum"),
        ("ערוצים", 4, "מזהה שירות", "unknown_ref"),
        ("ערוצים", 4, "ערוץ", "not_in_enum"),
    }
    messages = " ".join(p.message for p in result.problems)
    assert "נדרש אחד מהערכים: כן, לא" in messages and "דלפק" in messages
    assert not re.search(r"\b(Expected|found|sheet)\b", messages)  # no English in a Hebrew workbook's messages


def test_cached_load_is_reused_only_while_the_inputs_are_unchanged(english_client, tmp_path):
    cache = tmp_path / "cache"
    first = load(english_client, cache_dir=cache)
    assert (cache / ".engagement.pkl").is_file()
    again = load(english_client, cache_dir=cache)
    assert again.settings == first.settings and again.inputs == first.inputs
    pd.testing.assert_frame_equal(again.table("Services"), first.table("Services"))
    # a changed input invalidates the cache
    sheets = english_sheets()
    sheets["Services"][1][1] = "Renamed service"
    write_xlsx(english_client / "intake.xlsx", sheets)
    fresh = load(english_client, cache_dir=cache)
    assert fresh.table("Services")["service_name"].iloc[0] == "Renamed service"
    # a companion file added later invalidates it too
    (english_client / "training.csv").write_text("employee_code,skill,pre_score,post_score\nE1,listening,2,4\n")
    assert load(english_client, cache_dir=cache).training is not None



def test_a_cache_saved_from_a_relative_path_is_reused_from_another_working_directory(english_client, tmp_path,
                                                                                    monkeypatch):
    """``svcwork run clients/x`` validates in the user's folder; the notebooks read the cache from the
    run's output folder: the cache must not depend on the working directory (it once did, and every
    notebook of a run given a relative path parsed the exports again)."""
    from svcwork.intake import save_cache, validate
    from svcwork.intake.cache import read_cache

    monkeypatch.chdir(english_client.parent)
    engagement = validate(Path(english_client.name)).engagement
    assert not engagement.inputs[0].path.is_absolute()  # as given: the case that broke
    save_cache(engagement, tmp_path / "run" / ".cache")
    monkeypatch.chdir(tmp_path / "run")
    cached = read_cache(".cache", english_client)
    assert cached is not None and cached.settings == engagement.settings
    assert [f.path for f in cached.inputs] == [english_client.resolve() / f.path.name for f in engagement.inputs]

def test_only_the_first_row_under_the_header_can_be_the_template_example(tmp_path):
    """A real row that happens to equal the example values is data when it is not the first row."""
    from svcwork.schema import sheet

    cols = [c for c in sheet("Channels").columns if c.example is not None]
    example = [c.example for c in cols]
    sheets = english_sheets()
    sheets["Channels"] = [[c.key for c in cols], ["S1", "counter", "yes", 10, "yes"], example]
    sheets["Services"].append([example[0], "Example service", "Unit", 1, 1, 1, 1, None])
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    eng = load(tmp_path / "c")
    assert len(eng.table("Channels")) == 2
    assert not any(p.code == "example_row" and p.sheet == "Channels" for p in eng.problems)


# --------------------------------------------------------------------------- where the pseudonymisation key comes from
@pytest.fixture
def no_env_key(tmp_path, monkeypatch):
    """No SVCWORK_KEY / SVCWORK_KEY_FILE; the user's config folder is a temporary one."""
    monkeypatch.delenv("SVCWORK_KEY", raising=False)
    monkeypatch.delenv("SVCWORK_KEY_FILE", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "config" / "svcwork" / "secret.key"


def _cases_client(folder: Path) -> Path:
    write_xlsx(folder / "intake.xlsx", english_sheets())
    (folder / "cases.csv").write_text("case_id,activity,timestamp,citizen_id\nC1,a,2026-01-01,039337423\n")
    return folder


def _pseudonym(key: bytes) -> str:
    from svcwork.privacy import pseudonymise

    return pseudonymise(pd.Series(["039337423"]), namespace="citizen", key=key).iloc[0]


def test_user_key_file_is_created_with_mode_0600(no_env_key):
    from svcwork.privacy import pseudonymisation_key

    user_file = no_env_key
    key = pseudonymisation_key(user_file.parent.parent)  # no project file anywhere up: the user's file
    assert user_file.is_file() and user_file.read_bytes().strip() == key and len(key) == 64
    assert user_file.stat().st_mode & 0o777 == 0o600
    assert user_file.parent.stat().st_mode & 0o077 == 0  # the folder is the user's alone
    assert pseudonymisation_key(user_file.parent.parent) == key  # the same key next time


def test_project_key_file_wins_over_the_user_file_and_the_environment_over_both(no_env_key, tmp_path, monkeypatch):
    from svcwork.privacy import init_project_key, project_key_file, pseudonymisation_key

    user_key = pseudonymisation_key(tmp_path)
    project = tmp_path / "engagements"
    client = _cases_client(project / "clients" / "example")
    path = init_project_key(project)
    assert path == project / ".svcwork" / "secret.key" and path.stat().st_mode & 0o777 == 0o600
    assert init_project_key(project) == path and project_key_file(client) == path  # found walking up
    project_key = path.read_bytes().strip()
    assert project_key != user_key
    assert pseudonymisation_key(client) == project_key
    assert pseudonymisation_key(client / "intake.xlsx") == project_key
    # validate() and load() use the client's project key
    cases = load(client).cases
    assert cases["citizen_id"].iloc[0] == _pseudonym(project_key) != _pseudonym(user_key)
    assert load_companion("cases", client / "cases.csv")["citizen_id"].iloc[0] == _pseudonym(project_key)
    # the nearest file wins: a client folder with its own key
    own = init_project_key(client).read_bytes().strip()
    assert pseudonymisation_key(client) == own != project_key
    # a named key file wins over project files, the environment over everything
    monkeypatch.setenv("SVCWORK_KEY_FILE", str(tmp_path / "named.key"))
    named = pseudonymisation_key(client)
    assert named not in (own, project_key, user_key) and (tmp_path / "named.key").stat().st_mode & 0o777 == 0o600
    monkeypatch.setenv("SVCWORK_KEY", "from-the-environment")
    assert pseudonymisation_key(client) == b"from-the-environment"
    assert load(client).cases["citizen_id"].iloc[0] == _pseudonym(b"from-the-environment")


def test_an_unreadable_or_empty_key_file_is_a_clear_error(no_env_key, tmp_path, capsys):
    from svcwork import SvcworkError
    from svcwork.privacy import init_project_key, pseudonymisation_key

    client = _cases_client(tmp_path / "c")
    init_project_key(client).write_bytes(b"")
    with pytest.raises(SvcworkError, match="empty"):
        pseudonymisation_key(client)
    assert main(["validate", str(client)]) == 1
    assert "empty" in capsys.readouterr().err


def test_the_project_key_is_in_no_validate_output_or_cache(no_env_key, tmp_path, capsys):
    from svcwork.privacy import init_project_key

    client = _cases_client(tmp_path / "c")
    key = init_project_key(client).read_bytes().strip()
    (client / "cases.csv").write_text("case_id,activity,timestamp,citizen_id\nC1,a,-1,039337423\nC1,a,2026-01-01,\n")
    assert main(["validate", str(client), "--format", "json"]) == 1
    out = capsys.readouterr()
    assert key.decode() not in out.out + out.err and "039337423" not in out.out + out.err
    (client / "cases.csv").write_text("case_id,activity,timestamp,citizen_id\nC1,a,2026-01-01,039337423\n")
    cache = tmp_path / "cache"
    load(client, cache_dir=cache)
    blob = (cache / ".engagement.pkl").read_bytes()
    assert key not in blob and b"039337423" not in blob


@pytest.mark.parametrize("value, expected", [("0", "1–5"), ("x", None)])
def test_more_problems_than_are_listed_are_counted_with_what_was_expected(english_client, capsys, value, expected):
    # 30 bad scores in one column: 25 listed one by one, the other 5 counted in one line that still
    # says what was expected (once crashed with "internal error: KeyError: 'lo'").  (A column of 9s
    # is no longer an error: it is read as a 1–10 scale with a warning; a 0 in a 1–5 column is.)
    lines = ["response_id,date,channel,unit,satisfaction"] + [f"R{i},2026-01-05,web,X,{value}" for i in range(30)]
    (english_client / "survey.csv").write_text("\n".join(lines) + "\n")
    assert main(["validate", str(english_client), "--format", "json"]) == 1
    found = [p for p in json.loads(capsys.readouterr().out) if p["column"] == "satisfaction"]
    assert len(found) == 26 and sum(p["row"] is None for p in found) == 1
    summary = next(p for p in found if p["row"] is None)
    assert "5" in summary["message"]
    if expected is not None:
        assert summary["expected"] == expected


def test_svcwork_key_creates_the_project_key_once_and_never_prints_it(tmp_path, capsys, monkeypatch):
    import os
    import stat

    from svcwork.privacy import pseudonymisation_key

    monkeypatch.delenv("SVCWORK_KEY", raising=False)
    monkeypatch.delenv("SVCWORK_KEY_FILE", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user-config"))
    project = tmp_path / "project"
    (project / "client-a").mkdir(parents=True)
    assert main(["key", str(project)]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == project / ".svcwork" / "secret.key"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    key = path.read_bytes()
    assert main(["key", str(project)]) == 0 and path.read_bytes() == key  # never replaced
    assert key.strip().decode(errors="ignore") not in capsys.readouterr().out
    # the client folder below the project uses it, not the user's file
    assert pseudonymisation_key(project / "client-a") == pseudonymisation_key(project)
    assert not (tmp_path / "user-config" / "svcwork" / "secret.key").exists()
    assert main(["key", str(tmp_path / "nowhere")]) == 2


def test_an_old_excel_xls_export_is_read_with_its_date_cells_and_title_line(tmp_path):
    """An Excel 97–2003 export (tests/data/xls/cases.xls, written once with xlwt 1.3.0: a title line,
    Hebrew headers, date cells) is read by calamine like an .xlsx: rows keep the sheet's row numbers,
    date cells are naive local times placed in the engagement's time zone."""
    path = ROOT / "tests" / "data" / "xls" / "cases.xls"
    before = sha256_file(path)
    log = load_companion("cases", path, timezone="Asia/Jerusalem", lang="he")
    assert len(log) == 12 and log["case_id"].nunique() == 4 and log["_row"].tolist()[:2] == [4, 5]
    first = pd.Timestamp("2025-05-13 08:16:53").tz_localize("Asia/Jerusalem").tz_convert("UTC")
    assert log["timestamp"].iloc[0] == first and log["timestamp"].iloc[-1] == first + pd.Timedelta(days=3, hours=6)
    assert log["activity"].iloc[0] == "פנייה התקבלה"
    assert sha256_file(path) == before
    folder = tmp_path / "client"
    write_xlsx(folder / "intake.xlsx", hebrew_sheets(), rtl=True)
    shutil.copy(path, folder / "פניות.xls")
    result = validate(folder)  # May 2025 is far outside the form's 2026 period: said, in local time
    assert [p.code for p in result.problems if p.is_error] == ["outside_period_most"]
    assert "08:16" in next(p.message for p in result.problems if p.code == "outside_period_most")
    sheets = hebrew_sheets()
    sheets["פרטי הארגון"][3:5] = [["תחילת תקופה", "01/05/2025"], ["סוף תקופה", "31/05/2025"]]
    write_xlsx(folder / "intake.xlsx", sheets, rtl=True)
    result = validate(folder)
    assert result.ok, [(p.code, p.message) for p in result.problems if p.is_error]
    assert len(result.engagement.cases) == 12


# --------------------------------------------------------------------------- the Actions sheet's link columns
def _linked_sheets():
    """A valid engagement whose actions name their findings by id, with an Owners sheet."""
    sheets = english_sheets()
    sheets["Journey"] = [["journey", "step", "stage", "touchpoint", "channel", "pain_point"],
                         ["Parking permit", 1, "Apply", "Counter", "counter", "Long queues"],
                         ["Parking permit", 2, "Wait", "Street", "counter", "No signage"]]
    sheets["Observations"] = [["date", "unit", "observer", "employee_code", "item", "score"],
                              [dt.date(2026, 2, 1), "Parking", "Observer A", "E1", "הקשבה", 4]]
    sheets["Lessons"] = [["lesson_id", "date", "unit", "event", "category", "action_id"],
                         ["LL1", dt.date(2026, 2, 3), "Parking", "Queue system down", "Systems", None]]
    sheets["Owners"] = [["owner", "unit"], ["Head of parking", "Parking and enforcement"]]
    sheets["Actions"] = [
        ["action_id", "action", "owner", "due_date", "status", "kpi_id", "journey", "journey_step", "survey_item",
         "observation_item", "lesson", "unit"],
        ["A1", "Publish checklist", "Head of parking", dt.date(2026, 3, 1), "open", "k1", "parking permit", 2, None,
         None, None, None],
        ["A2", "Listening workshop", "Head of parking", dt.date(2026, 4, 1), "open", None, None, None, "קלות",
         "listening", "ll1", "Parking"],
    ]
    return sheets


def test_link_columns_and_the_owners_sheet_are_read(tmp_path):
    write_xlsx(tmp_path / "c" / "intake.xlsx", _linked_sheets())
    result = validate(tmp_path / "c")
    assert result.n_errors == 0, [p.message for p in result.problems if p.is_error]
    eng = result.engagement
    acts = eng.table("Actions")
    assert acts["kpi_id"].tolist()[0] == "k1" and acts["journey_step"].tolist()[0] == 2
    assert acts["survey_item"].tolist()[1] == "ease"  # "קלות": read as the item's key
    assert eng.table("Owners")["unit"].tolist() == ["Parking and enforcement"]
    # an optional Owners sheet that is absent is not worth a warning
    sheets = english_sheets()
    write_xlsx(tmp_path / "d" / "intake.xlsx", sheets)
    assert not [p for p in validate(tmp_path / "d").problems if p.sheet in ("Owners", "אחראים")]


LINK_ERRORS = [
    ("kpi_id", "K9", "unknown_ref"),  # no such KPI
    ("lesson", "LL7", "unknown_ref"),  # no such lesson_id
    ("journey", "Dog licence", "unknown_ref"),  # no such journey
    ("journey_step", 5, "unknown_step"),  # the journey has steps 1 and 2
    ("observation_item", "juggling", "unknown_ref"),  # not an item of the Observations sheet
    ("survey_item", "happiness", "survey_item_unknown"),  # not a survey item at all
]


@pytest.mark.parametrize("column,value,code", LINK_ERRORS, ids=[c[0] for c in LINK_ERRORS])
def test_a_link_to_nothing_is_an_error_with_sheet_row_and_column(tmp_path, column, value, code):
    sheets = _linked_sheets()
    header = sheets["Actions"][0]
    sheets["Actions"][1][header.index(column)] = value
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    result = validate(tmp_path / "c")
    assert not result.ok
    problem = only(result, code)[0]
    assert (problem.sheet, problem.row, problem.column) == ("Actions", 2, column)
    assert problem.is_error and problem.message and problem.expected


def test_a_step_needs_its_journey_and_a_survey_item_must_be_in_the_survey(tmp_path):
    sheets = _linked_sheets()
    sheets["Actions"][1][sheets["Actions"][0].index("journey")] = None
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    (problem,) = only(validate(tmp_path / "c"), "step_without_journey")
    assert (problem.row, problem.column) == (2, "journey_step")
    # a survey that does not ask about ease: "קלות" is not in the survey
    write_xlsx(tmp_path / "s" / "intake.xlsx", _linked_sheets())
    (tmp_path / "s" / "survey.csv").write_text("response_id,date,satisfaction,trust\n1,2026-02-01,4,3\n"
                                                "2,2026-02-02,5,4\n", encoding="utf-8")
    (problem,) = only(validate(tmp_path / "s"), "survey_item_absent")
    assert (problem.sheet, problem.row, problem.column) == ("Actions", 3, "survey_item")
    assert not problem.is_error  # the link stands; the survey just cannot show that item
    assert "survey.csv" in problem.message
    # in Hebrew, sheet and column as the Hebrew form names them
    he = validate(tmp_path / "s", lang="he")
    assert any("אינו בסקר" in p.message for p in he.problems)
    # with the item answered, all is well
    (tmp_path / "s" / "survey.csv").write_text("response_id,date,satisfaction,ease\n1,2026-02-01,4,3\n"
                                                "2,2026-02-02,5,4\n", encoding="utf-8")
    assert validate(tmp_path / "s").n_errors == 0


# --------------------------------------------------------------------------- the sections setting
SECTION_SETTINGS = [
    ("journeys, Service measurement and control", ("intake", "journeys", "measures")),  # a key and an English title
    ("מסעות לקוח ותהליכים; תעדוף", ("intake", "journeys", "prioritization")),  # a Hebrew title and a short name
    ("management, prioritisation, Measures, management", ("intake", "management", "prioritization", "measures")),
    ("intake", ("intake",)),  # the consultant's order; a section named twice counts once
]


@pytest.mark.parametrize("value,sections", SECTION_SETTINGS)
def test_the_sections_setting_names_report_sections_in_either_language(tmp_path, value, sections):
    for name, sheets, field in (("en", english_sheets(), "sections"), ("he", hebrew_sheets(), "פרקים")):
        sheets[next(iter(sheets))].append([field, value])
        write_xlsx(tmp_path / name / "intake.xlsx", sheets)
        eng = load(tmp_path / name)
        assert eng.settings.sections == sections
        assert eng.settings.includes("intake") and eng.settings.includes(sections[-1])


@pytest.mark.slow
def test_the_report_follows_the_consultants_order_of_sections(tmp_path):
    """Sections named in the setting appear in that order in report.html, its contents and
    report.docx; the others are not run and summary.json says they were not requested."""
    import docx

    from svcwork import batch
    from svcwork.i18n import t

    sheets = english_sheets()
    sheets["Engagement"].append(["sections", "measures, prioritization"])
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    result = batch.run_client(tmp_path / "c", tmp_path / "out", pdf=False)
    assert result.ok, result.describe()
    out = tmp_path / "out" / "c"
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.index('<section id="measures"') < page.index('<section id="prioritization"')
    assert '<section id="journeys"' not in page and '<section id="management"' not in page
    toc = page[page.index("<nav"):page.index("</nav>")]
    assert toc.index("#measures") < toc.index("#prioritization") and "#journeys" not in toc
    heads = [p.text for p in docx.Document(str(out / "report.docx")).paragraphs if p.style.name == "Heading 1"]
    assert heads.index(t("report.section.measures", "en")) < heads.index(t("report.section.prioritization", "en"))
    assert t("report.section.journeys", "en") not in heads
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["not_requested"] == ["journeys", "management"]
    assert sorted(p.name for p in (out / "notebooks").glob("*.ipynb")) == ["00_intake.ipynb", "10_prioritization.ipynb",
                                                                           "30_measures.ipynb"]


def test_all_sections_by_default_and_the_keys_are_the_reports():
    from svcwork.intake import Settings
    from svcwork.report import SECTIONS
    from svcwork.schema import REPORT_SECTIONS

    assert REPORT_SECTIONS == tuple(s.key for s in SECTIONS)
    assert Settings("X", "en", dt.date(2026, 1, 1), dt.date(2026, 6, 30)).sections == REPORT_SECTIONS


def test_an_unknown_section_is_an_error_listing_the_valid_ones(tmp_path):
    sheets = english_sheets()
    sheets["Engagement"].append(["sections", "journeys, budget, slides"])
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    result = validate(tmp_path / "c")
    assert not result.ok and result.engagement is None
    found = only(result, "section_unknown")
    assert [p.value for p in found] == ["budget", "slides"]
    for p in found:
        assert p.is_error and (p.sheet, p.row, p.column) == ("Engagement", 7, "sections")
        assert "prioritization (Service prioritization and roadmap)" in p.expected and "management" in p.message
    he = only(validate(tmp_path / "c", lang="he"), "section_unknown")[0]
    assert "אינו פרק בדוח" in he.message and "תעדוף שירותים ומפת דרכים" in he.expected
