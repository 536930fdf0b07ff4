"""Real-world input the intake read silently wrong (review of bad input, and review-journeys F5): companion
workbooks with several or hidden sheets, years typed in date cells, formulas never calculated, two sheets for one
intake sheet, unreadable cells compared as duplicates, percent text, and placeholders such as "EMPTY"."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from svcwork.intake import load_companion, validate

from conftest import EVENTLOGS, english_sheets, write_xlsx
from test_intake_review import _codes, _only

_CASES_HEADER = ["case_id", "activity", "timestamp", "channel", "unit"]


def _show(result) -> list[tuple]:
    return [(p.severity, p.code, p.sheet, p.row, p.column, p.message) for p in result.problems]


def _case_rows(first: int, n: int, month: int) -> list[list[object]]:
    return [[f"C{first + i}", step, f"2026-{month:02d}-{i % 27 + 1:02d} {9 + k}:00:00", "web", "Parking"]
            for i in range(n) for k, step in enumerate(("received", "closed"))]


def _book(path: Path, sheets: dict[str, list[list[object]]], *, hidden: tuple[str, ...] = ()) -> Path:
    """A workbook with the given sheets (rows as lists), some of them hidden."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
        if name in hidden:
            ws.sheet_state = "hidden"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _client(tmp: Path, sheets: dict | None = None) -> Path:
    folder = tmp / "client"
    write_xlsx(folder / "intake.xlsx", sheets if sheets is not None else english_sheets())
    return folder


# --------------------------------------------------------------------------- 1. companion workbooks with several sheets
def test_companion_sheets_with_the_same_columns_are_all_read_with_a_warning(tmp_path):
    folder = _client(tmp_path)
    _book(folder / "cases.xlsx", {"2025": [_CASES_HEADER] + _case_rows(0, 30, 2),
                                  "2026": [_CASES_HEADER] + _case_rows(100, 40, 3)})
    result = validate(folder)
    assert result.ok, _show(result)
    assert len(result.engagement.cases) == 2 * (30 + 40)  # before: only the first sheet (60 rows), no message
    w = _only(result, "companion_sheets_joined")
    assert w.severity == "warning" and w.file == "cases.xlsx"
    assert "2025 (60)" in w.message and "2026 (80)" in w.message


def test_companion_sheets_with_different_columns_are_an_error_naming_them(tmp_path):
    folder = _client(tmp_path)
    other = [["case_id", "activity", "timestamp", "resource"]] + [r[:3] + ["R1"] for r in _case_rows(100, 5, 3)]
    _book(folder / "cases.xlsx", {"2025": [_CASES_HEADER] + _case_rows(0, 5, 2), "2026": other})
    result = validate(folder)
    assert not result.ok
    e = _only(result, "companion_sheets_differ")
    assert e.severity == "error" and "2025" in e.message and "2026" in e.message


def test_a_sheet_copied_within_the_companion_is_an_error_not_counted_twice(tmp_path):
    folder = _client(tmp_path)
    rows = [_CASES_HEADER] + _case_rows(0, 10, 2)
    _book(folder / "cases.xlsx", {"export": rows, "export (2)": [list(r) for r in rows]})
    result = validate(folder)
    assert not result.ok
    e = _only(result, "companion_sheets_copy")
    assert "export, export (2)" in e.message


def test_a_hidden_first_sheet_is_not_read_instead_of_the_visible_data(tmp_path):
    folder = _client(tmp_path)
    _book(folder / "cases.xlsx", {"lists": [_CASES_HEADER, ["X1", "received", "2026-02-01 09:00", "web", "Parking"]],
                                  "export": [_CASES_HEADER] + _case_rows(0, 25, 2)}, hidden=("lists",))
    result = validate(folder)
    assert result.ok, _show(result)
    assert len(result.engagement.cases) == 50  # before: the hidden one-row sheet, 1 event
    w = _only(result, "companion_sheets_hidden")
    assert "lists" in w.message and "export" in w.message


def test_a_visible_sheet_without_the_columns_is_named_not_dropped_silently(tmp_path):
    folder = _client(tmp_path)
    _book(folder / "cases.xlsx", {"notes": [["exported by", "ERP 7.2"]], "data": [_CASES_HEADER] + _case_rows(0, 5, 2)})
    result = validate(folder)
    assert result.ok, _show(result)
    assert len(result.engagement.cases) == 10
    w = _only(result, "companion_sheets_other")
    assert "notes" in w.message and "data" in w.message


def test_problems_of_a_sheet_name_the_sheet(tmp_path):
    folder = _client(tmp_path)
    bad = _case_rows(100, 3, 3)
    bad[1][2] = "not a time"
    _book(folder / "cases.xlsx", {"2025": [_CASES_HEADER] + _case_rows(0, 3, 2), "2026": [_CASES_HEADER] + bad})
    result = validate(folder)
    e = _only(result, "not_timestamp")
    assert e.sheet == "2026" and e.row == 3


# --------------------------------------------------------------------------- 2. a year in a date or period cell
def test_a_year_as_a_kpi_period_is_that_year_with_a_warning(tmp_path):
    sheets = english_sheets()
    sheets["KPI values"] = [["kpi_id", "period", "value", "n"], ["K1", 2025, 0.7, 1000], ["K1", "2026", 0.75, 1100]]
    result = validate(_client(tmp_path, sheets))
    assert result.ok, _show(result)
    periods = list(result.engagement.table("KPI values")["period"])
    assert periods == [pd.Timestamp("2025-01-01"), pd.Timestamp("2026-01-01")]  # before: 1905-07-17, 1905-07-18
    w = _only(result, "period_year")
    assert w.severity == "warning" and w.row == 2 and w.column == "period" and "2, 3" in w.message
    assert list(result.engagement.table("KPI values")["period_year"]) == [True, True]


def test_an_annual_kpi_is_shown_by_its_years_not_as_january(tmp_path):
    """A KPI whose every period was typed as a year was labelled 2025-01 / "January 2025" in the scorecard,
    its chart, summary.json and the unit pages; it is the year now.  A KPI typed by month keeps its months."""
    from svcwork import management, measures
    from svcwork.i18n import t
    from svcwork.measures.present import figures

    sheets = english_sheets()
    sheets["KPIs"].append(["K2", "Annual survey score", "higher", 0.8, "proportion"])
    sheets["KPI values"] += [["K2", year, share, 900] for year, share in ((2023, 0.70), (2024, 0.72), ("2025", 0.75))]
    result = validate(_client(tmp_path, sheets))
    assert result.ok, _show(result)
    res = measures.analyse(result.engagement)
    card = res.scorecard.set_index("kpi_id")
    assert str(card.loc["K2", "last_period"]) == "2025" and str(card.loc["K1", "last_period"]) == "2026-02-01 00:00:00"
    kpis = {k["kpi_id"]: k for k in res.summary()["kpis"]}
    assert kpis["K2"]["period"] == "2025" and kpis["K1"]["period"] == "2026-02"
    for lang in ("en", "he"):
        table = res.tables(lang)["kpi_scorecard"]
        shown = set(table[t("measures.col.last_period", lang)])
        assert {"2025", "2026-02"} <= shown and "2025-01" not in shown
    fig = figures(res, "en")["control_K2"]
    labels = {tick.get_text() for ax in fig.axes for tick in ax.get_xticklabels()}
    assert {"2023", "2024", "2025"} <= labels and not any(x.startswith("2025-01") for x in labels)
    fig.clear()
    snapshot = management.kpi_snapshot(result.engagement.table("KPIs"), result.engagement.table("KPI values"))
    assert str(snapshot.set_index("kpi_id").loc["K2", "period"]) == "2025"


@pytest.mark.parametrize("typed", [2026, "2026", dt.datetime(1905, 7, 18)])  # the last: 2026 in a date-formatted cell
def test_a_year_in_a_date_cell_is_reported_not_made_a_day_of_1905(tmp_path, typed):
    sheets = english_sheets()
    sheets["Actions"][1][3] = typed
    result = validate(_client(tmp_path, sheets))
    e = _only(result, "year_not_date")
    assert e.severity == "error" and e.sheet == "Actions" and e.row == 2 and e.column == "due_date"
    assert "2026" in e.message


def test_a_real_date_and_a_month_are_still_read(tmp_path):
    sheets = english_sheets()
    sheets["Actions"][1][3] = 46112  # an Excel serial of 2026-03-31 in a number cell
    result = validate(_client(tmp_path, sheets))
    assert result.ok, _show(result)
    assert result.engagement.table("Actions")["due_date"].iloc[0] == pd.Timestamp("2026-03-31")
    assert "year_not_date" not in _codes(result) and "period_year" not in _codes(result)


# --------------------------------------------------------------------------- 3. formulas with no stored value
def _set_cached(path: Path, formula: str, value: str, *, by_excel: bool = True) -> None:
    """Give one formula of an openpyxl-written workbook a stored result: as Excel would when it saves the file
    (*by_excel*: it also clears the workbook's request to calculate every formula on opening, ``fullCalcOnLoad``,
    which openpyxl sets), or as xlsxwriter writes it (a placeholder, the request kept)."""
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    for name, data in parts.items():
        if name.startswith("xl/worksheets/") and formula.encode() in data:
            parts[name] = data.replace(f"<f>{formula}</f><v></v>".encode(), f"<f>{formula}</f><v>{value}</v>".encode())
    assert b'fullCalcOnLoad="1"' in parts["xl/workbook.xml"]
    if by_excel:
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b' fullCalcOnLoad="1"', b"")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_formulas_without_a_stored_value_are_reported_in_the_intake(tmp_path):
    sheets = english_sheets()
    sheets["Services"][2][3] = "=1+1"  # effort (required), row 3
    sheets["Services"][3][6] = "=SUM(1000,2000)"  # annual_volume (optional), row 4
    sheets["Services"][1][6] = "=SUM(5,7)"  # calculated by Excel: read as its value
    folder = _client(tmp_path, sheets)
    _set_cached(folder / "intake.xlsx", "SUM(5,7)", "12")
    result = validate(folder)
    found = [(p.severity, p.sheet, p.row, p.column, p.value) for p in result.problems if p.code == "formula_no_value"]
    assert found == [("error", "Services", 3, "effort", "=1+1"), ("error", "Services", 4, "annual_volume",
                                                                     "=SUM(1000,2000)")]
    assert "required_empty" not in _codes(result)  # the cell is not empty
    message = next(p.message for p in result.problems if p.code == "formula_no_value")
    assert "open the file in excel and save it" in message.casefold()


def test_a_calculated_formula_is_read_as_its_value(tmp_path):
    sheets = english_sheets()
    sheets["Services"][1][6] = "=SUM(5,7)"
    folder = _client(tmp_path, sheets)
    _set_cached(folder / "intake.xlsx", "SUM(5,7)", "12")
    result = validate(folder)
    assert result.ok, _show(result)
    assert result.engagement.table("Services")["annual_volume"].iloc[0] == 12


def test_a_placeholder_result_left_for_excel_to_calculate_is_not_read_as_the_value(tmp_path):
    # xlsxwriter stores 0 as every formula's result and asks for a full calculation on opening (calcPr
    # fullCalcOnLoad="1", ECMA-376 Part 1 §18.2.2; Excel clears it when it saves): the 0 is not Excel's result
    sheets = english_sheets()
    sheets["Services"][1][6] = "=SUM(5,7)"  # annual_volume of S1, row 2
    sheets["Services"][2][3] = "=1+2"  # effort of S2, row 3
    folder = _client(tmp_path, sheets)
    _set_cached(folder / "intake.xlsx", "SUM(5,7)", "0", by_excel=False)
    _set_cached(folder / "intake.xlsx", "1+2", "3", by_excel=False)  # even a right-looking value is unproven
    result = validate(folder)
    found = [(p.severity, p.sheet, p.row, p.column, p.value) for p in result.problems if p.code == "formula_no_value"]
    assert found == [("error", "Services", 2, "annual_volume", "=SUM(5,7)"), ("error", "Services", 3, "effort",
                                                                            "=1+2")]
    assert "placeholder" in next(p.message for p in result.problems if p.code == "formula_no_value")


def test_a_companion_workbook_written_with_placeholder_results_is_reported(tmp_path):
    folder = _client(tmp_path)
    rows = [["response_id", "date", "satisfaction", "nps"]]
    rows += [[f"R{i}", "2026-02-10", 4, "=3+4"] for i in range(30)]
    path = _book(folder / "survey.xlsx", {"survey": rows})
    _set_cached(path, "3+4", "0", by_excel=False)
    result = validate(folder)
    errors = [p for p in result.problems if p.code == "formula_no_value"]
    assert errors and errors[0].file == "survey.xlsx" and errors[0].row == 2 and errors[0].column == "nps"
    _set_cached(path, "3+4", "0")  # the same file after Excel saved it (here Excel's result is taken as stored)
    assert not [p for p in validate(folder).problems if p.code == "formula_no_value"]


def test_formulas_without_a_value_in_a_companion_workbook_are_reported(tmp_path):
    folder = _client(tmp_path)
    rows = [["response_id", "date", "satisfaction", "nps"]]
    rows += [[f"R{i}", "2026-02-10", 4, f'=VALUE("{i % 10}")'] for i in range(30)]
    _book(folder / "survey.xlsx", {"survey": rows})
    result = validate(folder)
    assert not result.ok
    errors = [p for p in result.problems if p.code == "formula_no_value"]
    assert errors[0].file == "survey.xlsx" and errors[0].row == 2 and errors[0].column == "nps"
    assert errors[0].value == '=VALUE("0")'
    assert sum(1 for p in errors if p.row is not None) == 25 and "5" in errors[-1].message  # the rest counted


# --------------------------------------------------------------------------- 4. two sheets for one intake sheet
def test_two_visible_sheets_for_one_intake_sheet_are_an_error_naming_both(tmp_path):
    sheets = english_sheets()
    services = sheets.pop("Services")
    sheets = {"Service": services, **sheets, "שירותים": [list(r) for r in services]}
    result = validate(_client(tmp_path, sheets))
    assert not result.ok
    e = _only(result, "sheet_duplicate")
    assert "“Service”" in e.message and "“שירותים”" in e.message


def test_a_hidden_stale_copy_loses_to_the_visible_sheet(tmp_path):
    sheets = english_sheets()
    services = sheets.pop("Services")
    stale = [list(r) for r in services]
    stale[1][3] = 1  # effort of S1 in the old copy
    folder = tmp_path / "client"
    _book(folder / "intake.xlsx", {"Services": stale, **sheets, "שירותים": services}, hidden=("Services",))
    result = validate(folder)
    assert result.ok, _show(result)
    assert result.engagement.table("Services")["effort"].iloc[0] == 2  # the visible sheet's
    w = _only(result, "sheet_hidden_skipped")
    assert "Services" in w.message and "שירותים" in w.message


# --------------------------------------------------------------------------- 5. unreadable values are not duplicates
def test_two_unreadable_periods_are_not_reported_as_duplicates(tmp_path):
    sheets = english_sheets()
    sheets["KPI values"] += [["K1", "2025Q3", 0.7, 900], ["K1", "Sept 2025", 0.72, 950]]
    result = validate(_client(tmp_path, sheets))
    assert _codes(result).count("not_date") == 2
    assert "duplicate_row" not in _codes(result), _show(result)


def test_a_real_duplicate_row_is_still_reported(tmp_path):
    sheets = english_sheets()
    sheets["KPI values"] += [["K1", "2025Q3", 0.7, 900], ["K1", "2026-02", 0.72, 950]]
    result = validate(_client(tmp_path, sheets))
    e = _only(result, "duplicate_row")
    assert e.row == 5 and "row 3" in e.message


# --------------------------------------------------------------------------- 6. percent text
def test_a_weight_typed_as_percent_text_is_a_fraction(tmp_path):
    sheets = english_sheets()
    sheets["Criteria"] = [["criterion", "direction", "weight"], ["benefit", "benefit", "30%"],
                          ["effort", "cost", 0.2], ["visibility", "benefit", 0.5]]
    result = validate(_client(tmp_path, sheets))
    assert result.ok, _show(result)
    assert list(result.engagement.table("Criteria")["weight"]) == pytest.approx([0.3, 0.2, 0.5])  # before: 30
    w = _only(result, "percent_text")  # never silent: the reading is said
    assert w.severity == "warning" and w.row == 2 and w.column == "weight" and "“30%” → 0.3" in w.message


def test_a_share_typed_as_percent_text_stays_on_its_0_100_scale(tmp_path):
    sheets = english_sheets()
    sheets["Channels"] = [["service_id", "channel", "available", "share_pct"], ["S1", "counter", "yes", "40%"],
                          ["S1", "web", "yes", 60]]
    result = validate(_client(tmp_path, sheets))
    assert result.ok, _show(result)
    assert list(result.engagement.table("Channels")["share_pct"]) == [40, 60]


# --------------------------------------------------------------------------- 7. placeholders for a missing value
def test_placeholders_in_a_companion_are_missing_with_a_count_per_column(tmp_path):
    folder = _client(tmp_path)
    units = ["Parking", "EMPTY", "NULL", "n/a", "#N/A", "-", "Parking", "N/A"]
    lines = ["case_id,activity,timestamp,channel,unit,resource"]
    lines += [f"C{i},step,2026-02-0{i % 8 + 1} 09:00,web,{u},{'EMPTY' if i == 0 else 'R1'}" for i, u in enumerate(units)]
    (folder / "cases.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = validate(folder)
    assert result.ok, _show(result)
    cases = result.engagement.cases
    assert int(cases["unit"].isna().sum()) == 6 and set(cases["unit"].dropna()) == {"Parking"}
    by_column = {p.column: p for p in result.problems if p.code == "placeholder_missing"}
    assert set(by_column) == {"unit", "resource"}
    assert by_column["unit"].severity == "warning" and by_column["unit"].row == 3
    assert re.search(r"\b6 of 8\b", by_column["unit"].message) and "EMPTY" in by_column["unit"].message


def test_empty_group_of_the_receipt_log_is_a_missing_unit():
    from svcwork.journeys.quality import data_quality

    log = load_companion("cases", EVENTLOGS / "receipt.csv", timezone="Europe/Amsterdam")
    assert not (log["unit"] == "EMPTY").any()
    assert int(log["unit"].isna().sum()) == 1936  # pm4py's "EMPTY" org:group, 1,936 of 8,577 events
    assert data_quality(log).no_unit == 1936  # "events without a unit" counts them (before: 0)


def test_no_problem_quotes_a_headerless_row_or_an_identifiers_formula(tmp_path):
    """review3-privacy F1: a companion file without a header row had its first data row quoted as the "found"
    headers (a citizen's id, an employee code, a comment with a phone number) in every column_missing message,
    and so in batch.json; an identifier typed as a formula (="039337423", a leading zero kept) was quoted as the
    formula.  Now: one located error saying the first row looks like data, and no identifier's formula quoted."""
    import json

    from svcwork.cli import main

    folder = _client(tmp_path)
    (folder / "cases.csv").write_text("C1,Received,2026-01-05 09:00,039337423,EMPQ-7301\n"
                                      "C1,Closed,2026-01-06 09:00,039337423,EMPQ-7301\n", encoding="utf-8")
    (folder / "survey.csv").write_text("R1,2026-01-05,5,call me on 050-1234567\n", encoding="utf-8")
    result = validate(folder)
    said = " ".join(p.message + " " + str(p.value) for p in result.problems)
    assert {p.file for p in result.problems if p.code == "companion_no_header"} == {"cases.csv", "survey.csv"}
    for needle in ("039337423", "EMPQ-7301", "050-1234567"):
        assert needle not in said, needle

    formulas = _client(tmp_path / "f")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["case_id", "activity", "timestamp", "citizen_id"])
    ws.append(["C1", "Received", "2026-01-05 09:00", '="039337423"'])
    ws.append(["C1", "Closed", "2026-01-06 09:00", '="039337423"'])
    wb.save(formulas / "cases.xlsx")
    result = validate(formulas)
    flagged = [p for p in result.problems if p.code == "formula_no_value" and p.column == "citizen_id"]
    assert flagged and all(p.value is None and "039337423" not in p.message for p in flagged)
    code = main(["validate", str(formulas), "--format", "json"])
    assert code == 1
