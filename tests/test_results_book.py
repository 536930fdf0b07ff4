"""results.xlsx prints sanely: its page setup, as written (LibreOffice prints it in tests/test_office.py)."""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from svcwork.i18n import t
from svcwork.results_book import write_results_workbook


def _book(tmp_path, lang: str):
    narrow = pd.DataFrame({"service": ["S1", "S2"], "cases": [10, 20]})
    wide = pd.DataFrame({f"column {i}": [i, i + 1] for i in range(10)})
    long_header = pd.DataFrame({"end-to-end handling time, median (days, open cases counted)": [1.5],
                                "comment": ["a citizen's comment that runs on and on " * 4]})
    path = write_results_workbook(tmp_path / f"r-{lang}.xlsx",
                                  {"journeys": {"capability": narrow, "handoffs": wide, "pains": long_header}},
                                  lang=lang)
    return openpyxl.load_workbook(path)


@pytest.mark.parametrize("lang", ["he", "en"])
def test_every_sheet_prints_on_a4_one_page_wide_with_its_header_row_on_each_page(tmp_path, lang):
    wb = _book(tmp_path, lang)
    assert wb.worksheets[0].title == t("report.sheet.contents", lang)  # the contents sheet too
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == 9, ws.title  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 0), ws.title
        assert ws.print_title_rows in ("1:1", "$1:$1"), ws.title
        assert ws.sheet_view.rightToLeft == (lang == "he"), ws.title
        assert ws.oddHeader.center.text == ws.title  # the table's name on every page, as text
        assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
        assert ws.page_margins.left == ws.page_margins.right == 0.5
    orientation = {ws.max_column: ws.page_setup.orientation for ws in wb.worksheets[1:]}
    assert orientation == {2: "portrait", 10: "landscape"}
    assert wb.worksheets[0].page_setup.orientation == "portrait"


def test_wrapped_header_and_long_text_rows_are_tall_enough_to_print(tmp_path):
    """Neither Excel nor LibreOffice sizes a row of wrapped text when it opens a file: a long header
    or comment gets the height of its lines, a plain row is left alone."""
    ws = _book(tmp_path, "en").worksheets[3]
    assert ws.row_dimensions[1].height and ws.row_dimensions[1].height >= 30  # the long header, 2+ lines
    assert ws.row_dimensions[2].height and ws.row_dimensions[2].height >= 45  # a 160-character comment
    plain = _book(tmp_path, "he").worksheets[1]
    assert plain.row_dimensions[2].height is None


def test_hebrew_text_gets_a_wider_column_than_digits(tmp_path):
    frame = pd.DataFrame({"a": ["תשלום ארנונה והסדרי תשלומים"], "b": ["1234567890123456789012345"]})
    path = write_results_workbook(tmp_path / "w.xlsx", {"journeys": {"x": frame}}, lang="he")
    ws = openpyxl.load_workbook(path).worksheets[1]
    assert ws.column_dimensions["A"].width >= 1.2 * len(frame.iloc[0, 0])
    assert ws.column_dimensions["B"].width < ws.column_dimensions["A"].width


def test_an_ampersand_in_a_sheet_name_prints_as_itself(tmp_path):
    """& starts a code in an Excel page header (&P, &A …): a name's own & is doubled."""
    import svcwork.results_book as rb

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Q&A"
    rb._style_sheet(ws, pd.DataFrame({"x": [1]}), lang="en", header_fill=None, tab=None)
    assert ws.oddHeader.center.text == "Q&&A"


@pytest.mark.parametrize("lang", ["he", "en"])
def test_every_sheet_names_its_header_row_and_the_book_has_a_title(tmp_path, lang):
    """Screen readers announce a column's header with its cells where the sheet names the header row's first
    cell "ColumnTitle" (Indiana University, Excel structure guidelines; WCAG 2.1 SC 1.3.1); the book carries a
    title and its language (SC 2.4.2, 3.1.1)."""
    narrow = pd.DataFrame({"service": ["S1", "S2"], "cases": [10, 20]})
    path = write_results_workbook(tmp_path / "r.xlsx", {"journeys": {"capability": narrow, "o'clock": narrow}},
                                  lang=lang, title="Northfield — results")
    wb = openpyxl.load_workbook(path)
    assert wb.properties.title == "Northfield — results"
    assert wb.properties.language == ("he-IL" if lang == "he" else "en-GB")
    for ws in wb.worksheets:
        name = ws.defined_names["ColumnTitle"]
        assert [(sheet, ref) for sheet, ref in name.destinations] == [(ws.title, "$A$1")], ws.title


def test_a_colon_in_a_table_title_becomes_a_spaced_dash_in_its_sheet_name():
    """Excel refuses ":" in a sheet name; "Cross-check: second scoring" reads "Cross-check - second scoring"."""
    from svcwork.results_book import sheet_name

    assert sheet_name("prioritization", "methods", 0, "en") == "Cross-check - second scoring"
    assert sheet_name("prioritization", "methods", 0, "he") == "בדיקה צולבת - ניקוד שני"
