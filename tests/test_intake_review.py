"""Intake review defects: text dates in the workbook read by the companion files' rule, case ids reused
for another case, and messages that say what is known (unsorted exports, unreadable sheets, merged cells)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from svcwork.intake import validate

from conftest import english_sheets, hebrew_sheets, write_xlsx


def _codes(result) -> list[str]:
    return [p.code for p in result.problems]


def _only(result, code):
    found = [p for p in result.problems if p.code == code]
    assert len(found) == 1, [(p.code, p.message) for p in result.problems]
    return found[0]


def _client(tmp: Path, sheets: dict, *, files: dict | None = None, rtl: bool = False) -> Path:
    folder = tmp / "client"
    write_xlsx(folder / "intake.xlsx", sheets, rtl=rtl)
    for name, text in (files or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- 1. text dates in the workbook
def test_english_ambiguous_text_date_is_read_month_first_with_a_warning(tmp_path):
    sheets = english_sheets()
    sheets["Engagement"][3][1] = "05/01/2025"  # period_start; nothing in the workbook decides the order
    result = validate(_client(tmp_path, sheets))
    assert result.ok, [(p.code, p.message) for p in result.problems]
    assert result.engagement.settings.period_start == dt.date(2025, 5, 1)  # English: month first, as the companions
    w = _only(result, "date_text_assumed")
    assert w.severity == "warning" and w.row == 4 and w.column == "period_start"
    assert "MDY" in w.message and "Engagement!B4" in w.message and "2025-05-01" in w.message


def test_a_month_first_date_elsewhere_in_the_workbook_proves_the_order(tmp_path):
    sheets = english_sheets()
    sheets["Engagement"][3][1] = "05/01/2025"
    sheets["Actions"][1][3] = "10/31/2026"  # only month first: proves MDY for the whole workbook
    result = validate(_client(tmp_path, sheets))
    assert result.ok, [(p.code, p.message) for p in result.problems]
    assert "date_text_assumed" not in _codes(result) and "not_date" not in _codes(result)
    assert result.engagement.settings.period_start == dt.date(2025, 5, 1)
    assert result.engagement.table("Actions")["due_date"].iloc[0] == pd.Timestamp("2026-10-31")


def test_a_day_first_date_proves_day_first_in_an_english_workbook(tmp_path):
    sheets = english_sheets()
    sheets["Engagement"][3][1] = "05/01/2026"
    sheets["Actions"][1][3] = "30/04/2026"
    result = validate(_client(tmp_path, sheets))
    assert result.ok and "date_text_assumed" not in _codes(result)
    assert result.engagement.settings.period_start == dt.date(2026, 1, 5)


def test_declared_date_order_decides_where_the_data_is_silent(tmp_path):
    sheets = english_sheets()
    sheets["Engagement"] += [["date_order", "DMY"]]
    sheets["Engagement"][3][1] = "05/01/2026"
    result = validate(_client(tmp_path, sheets))
    assert result.ok and "date_text_assumed" not in _codes(result)
    assert result.engagement.settings.period_start == dt.date(2026, 1, 5)
    sheets["Actions"][1][3] = "10/31/2026"  # the workbook's own dates prove month first: they decide
    result = validate(_client(tmp_path / "again", sheets))
    assert result.ok and "date_text_assumed" not in _codes(result)
    assert result.engagement.settings.period_start == dt.date(2026, 5, 1)


def test_mixed_orders_in_one_workbook_are_an_error_naming_the_proof(tmp_path):
    sheets = english_sheets()
    sheets["Engagement"][4][1] = "10/31/2026"
    sheets["Actions"][1][3] = "30/04/2026"
    result = validate(_client(tmp_path, sheets))
    e = _only(result, "date_text_mixed")
    assert e.sheet == "Actions" and e.row == 2 and "Engagement!B5" in e.message


def test_hebrew_workbook_keeps_day_first(tmp_path):
    sheets = hebrew_sheets()
    sheets["פרטי הארגון"][3][1] = "05/01/2026"
    sheets["פרטי הארגון"][4][1] = "05/06/2026"  # nothing decides: Hebrew's usual order, day first, with a warning
    result = validate(_client(tmp_path, sheets, rtl=True))
    assert result.ok, [(p.code, p.message) for p in result.problems]
    assert (result.engagement.settings.period_start, result.engagement.settings.period_end) == (
        dt.date(2026, 1, 5), dt.date(2026, 6, 5))
    w = _only(result, "date_text_assumed")
    assert "יום/חודש/שנה" in w.message
    sheets["פרטי הארגון"][4][1] = "30/06/2026"  # proves day first: no warning
    result = validate(_client(tmp_path / "again", sheets, rtl=True))
    assert result.ok and "date_text_assumed" not in _codes(result)
    assert result.engagement.settings.period_start == dt.date(2026, 1, 5)


def test_not_date_hint_shows_no_day_month_order(tmp_path):
    sheets = english_sheets()
    sheets["Actions"][1][3] = "someday"
    result = validate(_client(tmp_path, sheets))
    e = _only(result, "not_date")
    assert "31/03" not in e.message and "2026-03-31" in e.message


# --------------------------------------------------------------------------- 2. a case id reused for another case
_CASES_HEADER = "case_id,activity,timestamp,channel,citizen_id,service_id\n"


def _cases(extra: str = "") -> str:
    rows = "".join(f"C{i},received,2026-02-{i + 1:02d} 09:00:00,web,P{i},S1\nC{i},closed,2026-02-{i + 1:02d} 13:00:00,"
                   f"web,P{i},S1\n" for i in range(6))
    return _CASES_HEADER + rows + extra


def test_a_case_id_used_for_another_citizen_and_service_is_warned_about(tmp_path):
    extra = "C1,received,2026-05-02 09:00:00,counter,P99,S2\nC1,closed,2026-05-03 10:00:00,counter,P99,S2\n"
    result = validate(_client(tmp_path, english_sheets(), files={"cases.csv": _cases(extra)}))
    w = _only(result, "case_id_reused")
    assert w.severity == "warning" and w.file == "cases.csv" and w.value == "C1" and w.row == 4
    assert "14 (S2)" in w.message and "4 (S1)" in w.message and "2026-02-02" in w.message
    assert "2026-05-03" in w.message
    assert result.ok  # analysed (as one case), but never silently


def test_a_case_id_reused_by_another_citizen_only_is_warned_about_too(tmp_path):
    extra = "C2,received,2026-05-02 09:00:00,web,P77,S1\n"
    result = validate(_client(tmp_path, english_sheets(), files={"cases.csv": _cases(extra)}))
    assert _only(result, "case_id_reused").value == "C2"


def test_a_clean_case_log_has_no_case_id_warning(tmp_path):
    result = validate(_client(tmp_path, english_sheets(), files={"cases.csv": _cases()}))
    assert "case_id_reused" not in _codes(result)


# --------------------------------------------------------------------------- 3a. unsorted / doubled exports
def _backwards_log(*, doubled: bool) -> str:
    rows = [f"C{i},received,2026-02-{i + 1:02d}T09:00:00Z,web,P{i},S1\nC{i},closed,2026-02-{i + 1:02d}T13:00:00Z,"
            f"web,P{i},S1\n" for i in range(10)]
    if doubled:
        return _CASES_HEADER + "".join(rows) + "".join(rows[:6])
    shuffled = [r.split("\n")[1] + "\n" + r.split("\n")[0] + "\n" for r in rows]  # closed listed before received
    return _CASES_HEADER + "".join(shuffled)


def test_backwards_cases_with_unambiguous_times_do_not_blame_the_date_order(tmp_path):
    result = validate(_client(tmp_path, english_sheets(), files={"cases.csv": _backwards_log(doubled=False)}))
    w = _only(result, "backwards_cases")
    assert "not the cause" in w.message and "—" not in w.message and "date_order" not in w.message
    assert "out of time order" not in w.message and "sorted another way" in w.message


def test_backwards_cases_from_doubled_rows_say_rows_repeat(tmp_path):
    result = validate(_client(tmp_path, english_sheets(), files={"cases.csv": _backwards_log(doubled=True)}))
    w = _only(result, "backwards_cases")
    assert "12 rows repeat" in w.message and "row 22 = row 2" in w.message and "—" not in w.message


# --------------------------------------------------------------------------- 3b. unreadable sheets: no false references
@pytest.mark.parametrize(("damage", "code"), [
    (lambda sheets: sheets.pop("Services"), "sheet_missing"),
    (lambda sheets: sheets.update(Services=[r[:4] + r[5:] for r in sheets["Services"]]), "column_missing"),  # no benefit
])
def test_a_sheet_that_cannot_be_read_does_not_make_its_ids_unknown_elsewhere(tmp_path, damage, code):
    sheets = english_sheets()
    sheets["Recommendations"] = [["rec_id", "recommendation", "service_id", "horizon", "action_id"],
                                 ["R1", "Do it", "S2", "short", "A1"]]
    damage(sheets)
    result = validate(_client(tmp_path, sheets))
    assert code in _codes(result)
    assert "unknown_ref" not in _codes(result), [p.message for p in result.problems]


def test_a_really_unknown_reference_is_still_an_error(tmp_path):
    sheets = english_sheets()
    sheets["Recommendations"] = [["rec_id", "recommendation", "service_id", "horizon", "action_id"],
                                 ["R1", "Do it", "S7", "short", "A1"]]
    result = validate(_client(tmp_path, sheets))
    assert _only(result, "unknown_ref").value == "S7"


# --------------------------------------------------------------------------- 3c. merged cells in the intake
def _merge(path: Path, sheet: str, cells: str) -> None:
    wb = openpyxl.load_workbook(path)
    wb[sheet].merge_cells(cells)
    wb.save(path)


def test_merged_ids_in_the_intake_are_filled_down_with_a_warning(tmp_path):
    sheets = english_sheets()
    sheets["Channels"][2][0] = None  # S1 typed once, merged over the two S1 rows
    folder = _client(tmp_path, sheets)
    _merge(folder / "intake.xlsx", "Channels", "A2:A3")
    result = validate(folder)
    assert "required_empty" not in _codes(result)
    w = _only(result, "merged_cells")
    assert w.sheet == "Channels" and w.row == 2 and "A2:A3" in w.message
    assert result.engagement.table("Channels")["service_id"].tolist()[:2] == ["S1", "S1"]


def test_merged_header_cells_are_named(tmp_path):
    folder = _client(tmp_path, english_sheets())
    _merge(folder / "intake.xlsx", "Services", "D1:E1")  # effort merged over benefit
    result = validate(folder)
    w = _only(result, "merged_header")
    assert w.sheet == "Services" and "D1:E1" in w.message
    assert "column_missing" in _codes(result)


def test_a_reused_case_id_message_never_quotes_a_value_that_is_not_a_service(tmp_path):
    # a row shifted by a column puts a citizen's identifier in the service column: the message names its row only
    extra = "C1,received,2026-05-02 09:00:00,counter,S2,C07498899\n"
    result = validate(_client(tmp_path, english_sheets(), files={"cases.csv": _cases(extra)}))
    w = _only(result, "case_id_reused")
    assert "C07498899" not in w.message and "14" in w.message and "4 (S1)" in w.message
