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

from conftest import EVENTLOGS, english_sheets, hebrew_sheets, write_xlsx
from svcwork import IntakeError, load, validate
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
    """Turn a value cell into a formula cell keeping the value as Excel's cached result."""
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


def test_missing_required_sheet_and_column(tmp_path):
    sheets = english_sheets()
    del sheets["Services"]
    sheets["Actions"][0][2] = "responsible person"
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    result = validate(tmp_path / "c")
    assert only(result, "sheet_missing")[0].sheet == "Services"
    missing = only(result, "column_missing")[0]
    assert (missing.sheet, missing.row, missing.column) == ("Actions", 1, "owner")
    assert "responsible person" in missing.message  # says what was found


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


def test_unreadable_files_get_clear_messages(tmp_path):
    cases = {
        "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "not_xlsx_xls"),
        "encrypted": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptionInfo".encode("utf-16-le"),
                      "encrypted"),
        "csv": ("service_id,service_name\nS1,Parking\n".encode(), "not_xlsx_text"),
        "empty": (b"", "corrupt"),
        "truncated": (None, "corrupt"),
        "zip-not-excel": (None, "not_xlsx_other"),
    }
    good = write_xlsx(tmp_path / "good.xlsx", english_sheets()).read_bytes()
    for name, (data, code) in cases.items():
        if name == "truncated":
            data = good[: len(good) // 2]
        if name == "zip-not-excel":
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w") as zf:
                zf.writestr("hello.txt", "hi")
            data = buf.getvalue()
        path = tmp_path / name / "intake.xlsx"
        path.parent.mkdir()
        path.write_bytes(data)
        result = validate(path.parent)
        assert codes(result) == [code], (name, result.problems)
        assert result.problems[0].message.endswith(".")
        assert path.read_bytes() == data


def test_file_size_limit(tmp_path, monkeypatch):
    write_xlsx(tmp_path / "c" / "intake.xlsx", english_sheets())
    monkeypatch.setenv("SVCWORK_MAX_MB", "0.001")
    assert codes(validate(tmp_path / "c")) == ["too_large"]


def test_missing_paths(tmp_path):
    assert codes(validate(tmp_path / "nowhere")) == ["file_missing"]
    (tmp_path / "empty-folder").mkdir()
    assert codes(validate(tmp_path / "empty-folder")) == ["no_intake"]


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
    assert set(out[0]) == {"severity", "code", "file", "sheet", "row", "column", "value", "expected", "message"}
    assert main(["validate"]) == 2
    assert main(["validate", str(english_client), "--format", "xml"]) == 2


# --------------------------------------------------------------------------- junk never causes a traceback
JUNK = st.one_of(st.none(), st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=40), st.integers(-10**12, 10**12),
                 st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                 st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31)),
                 st.sampled_from(["#REF!", "=1/0", "1/3", "0", "כן", "yes", "", "  ", "S1", "S1,S1", "30/02/2026"]))


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
