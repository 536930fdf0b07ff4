"""Typed tables (svcwork.tables): a column's format comes from its catalogue key, not its words."""

from __future__ import annotations

from types import MappingProxyType

import openpyxl
import pandas as pd
import pytest

from svcwork import i18n, tables
from svcwork.i18n import CATALOGUE
from svcwork.report import write_results_workbook


@pytest.mark.parametrize("key, kind", [
    ("measures.col.pct_agree", "percent"), ("journeys.col.sla_met", "share"), ("journeys.col.fcr", "share"),
    ("management.col.done_share", "share"), ("journeys.col.median_days", "days"), ("journeys.col.cases", "count"),
    ("measures.col.n", "count"), ("measures.col.low", "limit"), ("measures.col.high", "limit"),
    ("management.col.p_t", "p_value"), ("journeys.col.median_hours_lost", "hours"), ("journeys.col.activity", None),
    (None, None),
])
def test_kind_of_reads_the_key(key, kind):
    assert tables.kind_of(key) == kind


def _typed(lang: str) -> pd.DataFrame:
    frame = pd.DataFrame({"unit": ["A", "B"], "n": [120, 80], "pct": [0.61, 0.42], "low": [0.52, 0.31],
                          "high": [0.69, 0.53], "days": [3.25, 7.5]})
    return tables.translate(frame, {"unit": "measures.col.unit", "n": "measures.col.n", "pct": "journeys.col.sla_met",
                                    "low": "measures.col.low", "high": "measures.col.high",
                                    "days": "journeys.col.median_days"}, lang)


def _formats(path) -> dict[str, str]:
    ws = openpyxl.load_workbook(path).worksheets[1]
    return {ws.cell(row=1, column=j).value: ws.cell(row=2, column=j).number_format for j in range(1, ws.max_column + 1)}


@pytest.mark.parametrize("lang", ["en", "he"])
def test_renaming_a_translated_header_cannot_change_a_number_format(tmp_path, monkeypatch, lang):
    before = _formats(write_results_workbook(tmp_path / "a.xlsx", {"measures": {"t": _typed(lang)}}, lang=lang))
    # the share column's header reworded without any share word (and the limits' without low/high)
    reworded = dict(CATALOGUE)
    for key, text in (("journeys.col.sla_met", ("Within the deadline", "בתוך המועד")),
                      ("measures.col.low", ("From", "מ־")), ("measures.col.high", ("To", "עד"))):
        reworded[key] = {"en": text[0], "he": text[1]}
    monkeypatch.setattr(i18n, "CATALOGUE", MappingProxyType(reworded))
    after = _formats(write_results_workbook(tmp_path / "b.xlsx", {"measures": {"t": _typed(lang)}}, lang=lang))
    assert list(before.values()) == list(after.values())
    assert list(after.values())[1:] == ["#,##0", "0.0%", "0.0%", "0.0%", "#,##0.0"]
    assert list(before) != list(after)  # the headers did change


def test_translate_records_keys_and_keeps_the_input():
    frame = pd.DataFrame({"n": [1]})
    out = tables.translate(frame, {"n": "measures.col.n"}, "en")
    assert list(frame.columns) == ["n"] and not frame.attrs
    assert tables.column_key(out, out.columns[0]) == "measures.col.n"
    assert tables.column_kind(out.reset_index(drop=True), out.columns[0]) == "count"


@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_html_table_writes_typed_columns_by_their_kind(monkeypatch, lang):
    from svcwork.report import table_html

    def cells(html_text: str) -> list[str]:
        import re

        return re.findall(r"<td class='num'>([^<]*)</td>", html_text)

    before = cells(table_html(_typed(lang), lang=lang))
    assert before[:5] == ["120", "61.0%", "52.0%", "69.0%", "3.2"]  # count, share, its limits, days
    reworded = dict(CATALOGUE)
    reworded["journeys.col.sla_met"] = {"en": "Within the deadline", "he": "בתוך המועד"}
    monkeypatch.setattr(i18n, "CATALOGUE", MappingProxyType(reworded))
    assert cells(table_html(_typed(lang), lang=lang)) == before
    untyped = _typed(lang).copy()
    untyped.attrs = {}
    assert cells(table_html(untyped, lang=lang))[1] == "0.61"  # without kinds: plain numbers (tables.decimals)


@pytest.mark.parametrize(("values", "places"), [
    ([38.5, 36.9, 45.0], 1),   # the review of 2026-12-07: "38.50 / 36.90 / 45" in one column
    ([0.82, 0.78], 2),         # a score rounded to 0.82 by its analysis: never "0.820"
    ([66.0, 60.7], 1),         # "66" beside "60.70"
    ([1.4, 1.5, 0.5], 1),      # roadmap waves: "1.40 / 1.50 / 0.500"
    ([2.0455, 3.1], 2),        # unrounded means from 1 up: two decimals at most
    ([0.123456], 3), ([1234.5, 2000.25], 0), ([1500.0, 0.25], 2),  # a fraction among thousands is not 0
    ([3, 4, 5], None), ([3.0, 4.0], None), (["a", float("nan")], None), ([float("nan"), 0.5, "—"], 1)])
def test_a_column_of_plain_numbers_has_one_precision(values, places):
    """The fewest decimals that write every value as rounded to the column's precision (3 below 1, 2 from
    1, none from 1,000); worked by hand from the values above."""
    assert tables.decimals(values) == places


@pytest.mark.parametrize("lang", ["en", "he"])
def test_plain_numbers_read_alike_in_html_word_and_the_workbook(tmp_path, lang):
    """report.html's cells and results.xlsx's number formats of untyped columns come from one rule: the
    workbook's format, applied to each value by hand (Excel's "#,##0.0"), gives the HTML cell's text."""
    import re

    from svcwork.report import table_html, typed_text

    frame = pd.DataFrame({"signal": [38.5, 36.9, 45.0], "score": [0.82, 0.78, 0.5], "label": ["a", "b", "c"]})
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", table_html(frame, lang=lang))
    assert cells == ["38.5", "0.82", "a", "36.9", "0.78", "b", "45.0", "0.50", "c"]
    kinds = tables.shown_kinds(frame)
    assert [typed_text(v, lang, k) for v, k in zip(frame.iloc[2], kinds)] == ["45.0", "0.50", "c"]
    book = openpyxl.load_workbook(write_results_workbook(tmp_path / "r.xlsx", {"measures": {"x": frame}}, lang=lang))
    sheet = next(ws for ws in book.worksheets if ws.cell(row=1, column=1).value == "signal")
    formats = [sheet.cell(row=2, column=j).number_format for j in (1, 2)]
    assert formats == ["#,##0.0", "#,##0.00"]
    by_hand = [f"{sheet.cell(row=r, column=j).value:,.{len(fmt.split('.')[1])}f}"
               for r in (2, 3, 4) for j, fmt in ((1, formats[0]), (2, formats[1]))]
    assert by_hand == [c for i, c in enumerate(cells) if i % 3 != 2]
