"""results.xlsx: a contents sheet, then one sheet per result table, formatted from its columns' kinds.

Sheet names are each table's title in the report's language (Excel-safe, unique); a typed column
(:mod:`svcwork.tables`) takes its number format from its kind, an untyped one from its values; dates
are real Excel dates, client text is always written as text.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd

from .common import json_ready
from .i18n import t
from .tables import SHARE_NAME, column_key, column_kind, decimals

__all__ = ["write_results_workbook", "sheet_name", "caption", "known"]


def known(key: str) -> bool:
    """Is *key* in the message catalogue?"""
    from .i18n import CATALOGUE

    return key in CATALOGUE


_SHEET_BAD = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def sheet_name(section: str, slug: str, index: int, lang: str) -> str:
    """The table's sheet name in results.xlsx: its title in *lang*, Excel-safe (≤ 31 characters,
    none of ``[]:*?/\\``); a table without a title gets the analysis's short name and its number."""
    title = caption(section, slug, lang)
    if title is None:
        key = f"report.sheet_short.{section}"
        title = f"{t(key, lang) if known(key) else section} {index + 1}"
    # "Cross-check: second scoring" -> "Cross-check - second scoring": a colon's space kept on both sides
    name = " ".join(_SHEET_BAD.sub("-", re.sub(r"\s*:\s+", " - ", title)).split()).strip("'")[:31].strip()
    return name or str(index + 1)


def caption(section: str, slug: str, lang: str) -> str | None:
    from .i18n import CATALOGUE

    key = f"report.caption.{section}.{slug}"
    return t(key, lang) if key in CATALOGUE else None


#: Tab colour of each analysis's sheets in results.xlsx (the charts' colour-blind-safe palette).
_TAB_COLOURS = {"intake": "8A8F98", "prioritization": "0072B2", "journeys": "E69F00", "measures": "009E73",
                "management": "CC79A7"}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_SHARE_WORD = re.compile(r"\b(share|rate|take-up|probability)\b|%|שיעור|הסתברות", re.I)
#: A confidence level in a header ("95% CI low") says nothing about the column's unit.
_LEVEL = re.compile(r"\d+(?:\.\d+)?\s?%")
#: A column of interval limits: it takes the format of the share or percentage it bounds.
_LIMIT_WORD = re.compile(r"\b(low|high|lower|upper|limit)\b|גבול|תחתון|עליון", re.I)
_HEADER_KEYS: dict[str, dict[str, list[str]]] = {}
#: The catalogue key of an identifier's column ("…col.action_id", "…col.kpi_id"): its cells stay text.
_ID_KEY = re.compile(r"(?:^|[._])(?:\w+_)?id$|(?:^|[._])code$")


def _header_keys(header: str, lang: str) -> list[str]:
    """The catalogue keys whose text in *lang* is *header* (how a column was named)."""
    if lang not in _HEADER_KEYS:
        from .i18n import CATALOGUE

        index: dict[str, list[str]] = {}
        for key, entry in CATALOGUE.items():
            index.setdefault(entry["he" if lang == "he" else "en"].casefold(), []).append(key)
        _HEADER_KEYS[lang] = index
    return _HEADER_KEYS[lang].get(str(header).casefold(), [])


def _date_formats(lang: str) -> tuple[str, str, str]:
    """Excel number formats for a date, a date and time, and a month (a month as the report writes it,
    "2026-10", in both languages)."""
    if lang == "he":
        return "dd/mm/yyyy", "dd/mm/yyyy hh:mm", "yyyy-mm"
    return "yyyy-mm-dd", "yyyy-mm-dd hh:mm", "yyyy-mm"


def _naive(value: Any) -> dt.datetime:
    ts = pd.Timestamp(value)
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts.to_pydatetime()


#: A number the analyses wrote as text ("85%", "14.0", "4,996", "-3", a rank "10"), and a missing
#: value written as a dash: the workbook holds the number (and an empty cell) instead.
_NUMBER_TEXT = re.compile(r"^[-−+]?(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.(\d+))?(%?)$")
_MISSING_TEXT = frozenset({"—", "–", "-", "", "…"})


def _number_from_text(text: str) -> tuple[float | int, str] | None:
    """The number *text* shows and the Excel format that shows it the same way ("85%" → 0.85 with
    ``0%``, "14.0" → 14.0 with ``#,##0.0``, "4,996" → 4996 with ``#,##0``); None when it is not one
    (an id with leading zeros such as "007" stays text)."""
    m = _NUMBER_TEXT.match(text.strip())
    if m is None:
        return None
    places = len(m.group(1) or "")
    number = float(text.strip().replace(",", "").replace("−", "-").rstrip("%"))
    digits = "0" if not places else "0." + "0" * places
    if m.group(2):
        return number / 100, digits + "%"
    return (int(number) if not places else number), ("#,##0" if not places else "#,##0." + "0" * places)


def _typed_text_column(values: Sequence[Any], *, mixed: bool = False) -> tuple[list[Any], list[str | None]] | None:
    """A column of numbers written as text (and dashes for missing values) as numbers with a format
    per cell showing each as report.html does; None when any cell is other text (client text stays
    text) — unless *mixed* (a column of the analysis's own figures and words, "Value"), whose words
    stay text and numbers become numbers."""
    cells: list[Any] = []
    formats: list[str | None] = []
    found = False
    for v in values:
        if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
            cells.append(None)
            formats.append(None)
            continue
        if not isinstance(v, str):
            if mixed:
                cells.append(v)
                formats.append(None)
                continue
            return None
        if v.strip() in _MISSING_TEXT and not (mixed and v.strip() == ""):
            cells.append(None)
            formats.append(None)
            continue
        parsed = _number_from_text(v)
        if parsed is None:
            if mixed:
                cells.append(v)
                formats.append(None)
                continue
            return None
        cells.append(parsed[0])
        formats.append(parsed[1])
        found = True
    return (cells, formats) if found else None


def _excel_column(header: str, values: pd.Series, lang: str, *,
                  share_format: str | None = None, kind: str | None = None, percent_before: bool = False,
                  text: bool = False, mixed: bool = False) -> tuple[list[Any], Any]:
    """A column's cell values for Excel and its number format (``None``: per cell / text).

    Dates (date, datetime and ISO-text columns) become real dates; months (``2026-03``) the
    first of the month shown as a month; shares (0–1) get a percent format, and so do typed percentage
    columns (0–100 in the analyses: stored divided by 100, so every share of the workbook is on one
    scale), and the limits of their intervals (*share_format*: the format of the share column just
    before; *percent_before*: it was a typed percentage) the same; booleans are yes/no in *lang*; numbers the analyses wrote
    as text become numbers (a list of formats, one per cell: :func:`_typed_text_column`), a dash
    for a missing one an empty cell — unless *text* (an identifier's column); in a *mixed* column
    (the analysis's own figures and words, "Value") only its numbers.  Everything else is left as it is.
    """
    date_fmt, datetime_fmt, month_fmt = _date_formats(lang)

    def blank(v: Any) -> bool:
        return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))

    present = [v for v in values if not blank(v)]
    if not present:
        return [None] * len(values), None
    if pd.api.types.is_bool_dtype(values) or all(isinstance(v, (bool, np.bool_)) for v in present):
        return [None if blank(v) else t("template.yes" if v else "template.no", lang) for v in values], None
    if pd.api.types.is_datetime64_any_dtype(values) or all(isinstance(v, (pd.Timestamp, dt.datetime)) for v in present):
        cells = [None if blank(v) else _naive(v) for v in values]
        timed = any(c is not None and (c.hour or c.minute or c.second) for c in cells)
        return cells, datetime_fmt if timed else date_fmt
    if all(isinstance(v, dt.date) for v in present):
        return [None if blank(v) else v for v in values], date_fmt
    if all(isinstance(v, str) for v in present):
        if all(_ISO_DATE.match(v) for v in present):
            try:
                return [None if blank(v) else dt.date.fromisoformat(v) for v in values], date_fmt
            except ValueError:
                pass
        elif all(_ISO_MONTH.match(v) for v in present if v.strip() not in _MISSING_TEXT) and \
                any(_ISO_MONTH.match(v) for v in present):  # months, a dash where there is none
            return [None if blank(v) or v.strip() in _MISSING_TEXT else dt.date(int(v[:4]), int(v[5:7]), 1)
                    for v in values], month_fmt
        typed = None if text else _typed_text_column(list(values), mixed=mixed)
        if typed is not None:
            return typed[0], typed[1]
        return list(values), None
    numeric = all(isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_))
                  for v in present)
    if numeric:
        cells = [None if blank(v) else (int(v) if isinstance(v, (int, np.integer)) else float(v)) for v in values]
        if all(isinstance(v, (int, np.integer)) for v in present):
            return cells, "#,##0"
        if kind is not None:  # typed column (svcwork.tables): the kind decides, never the header's words
            if kind == "share":
                return cells, "0.0%" if all(-1.0 <= float(v) <= 1.0 for v in present) else "0.0"
            if kind == "percent":  # 0–100 in the analyses: stored as a share, as every share of the workbook
                return _hundredths(cells), "0.0%"
            if kind == "limit":
                if percent_before:  # the limits of a percentage, on its scale
                    return _hundredths(cells), "0.0%"
                fits = share_format == "0.0" or all(-1.0 <= float(v) <= 1.0 for v in present)
                return cells, share_format if share_format and fits else _fixed(present)
            if kind in ("days", "hours"):
                return cells, "#,##0.0"
            if kind == "p_value":
                return cells, '[<0.001]"<0.001";0.000'
            if kind == "count":
                return cells, "#,##0"
            return cells, _fixed(present)
        plain = _LEVEL.sub("", str(header))
        share = (any(SHARE_NAME.search(k.rsplit(".", 1)[-1]) for k in _header_keys(header, lang))
                 or bool(_SHARE_WORD.search(plain)))
        if share:
            fraction = "%" not in plain and all(-1.0 <= float(v) <= 1.0 for v in present)
            return cells, "0.0%" if fraction else "0.0"
        if share_format and _LIMIT_WORD.search(str(header)):
            fits = share_format == "0.0" or all(-1.0 <= float(v) <= 1.0 for v in present)
            return cells, share_format if fits else _fixed(present)
        return cells, _fixed(present)
    return list(values), None


def _hundredths(cells: list[Any]) -> list[Any]:
    """Percentages (0–100) as the shares Excel's percent format shows (72.5 → 0.725)."""
    return [None if c is None else float(c) / 100.0 for c in cells]


def _fixed(values: Sequence[Any]) -> str | None:
    """The number format of a column of plain numbers: the decimals report.html writes them with
    (:func:`svcwork.tables.decimals`, one precision for the column); None without fractions."""
    places = decimals(values)
    return None if places is None else "#,##0" + ("." + "0" * places if places else "")


def _text_width(value: Any) -> float:
    """How wide *value* prints, in Excel column-width units (a digit's width): letters are wider
    than digits, and Hebrew set in the fonts a spreadsheet falls back to wider still."""
    text = str(value)
    return len(text) * (1.2 if re.search(r"[^\W\d_]", text) else 1.0)


def _width(header: str, cells: Sequence[Any]) -> float:
    longest = max([_text_width(c) for c in cells[:200] if c is not None] + [0.0])
    return float(min(60, max(9, min(len(str(header)), 28) + 2, math.ceil(longest) + 2)))


#: Height of one line of 11-point text in a row (points), and Excel's highest row.
_LINE_HEIGHT = 15.0
_MAX_ROW_HEIGHT = 409.0


def _lines(text: str, width: float, *, bold: bool = False) -> int:
    """How many lines *text* takes wrapped in a column *width* characters wide (a generous estimate:
    words do not fill a line exactly, and bold letters are wider)."""
    per_line = max(1.0, (width - 1.5) / (1.2 if bold else 1.1))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n"))


#: Printable width of an A4 portrait page between the margins below, in Excel column-width units
#: (about 7.3 inches); a table wider than this, or with :data:`_WIDE_COLUMNS` columns or more, is
#: printed landscape.
_PORTRAIT_WIDTH = 95.0
_WIDE_COLUMNS = 8


def _print_setup(ws: Any, n_columns: int) -> None:
    """Print the sheet sanely: A4, every page one table wide (as many pages down as it needs), the
    header row repeated on each page, landscape when the table is wide, the sheet's name at the top
    of each page and "page / pages" at the bottom (a right-to-left sheet prints right to left)."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins

    total = sum(ws.column_dimensions[get_column_letter(j)].width or 9.0 for j in range(1, n_columns + 1))
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if n_columns >= _WIDE_COLUMNS or total > _PORTRAIT_WIDTH else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the table needs
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.75, bottom=0.75, header=0.3, footer=0.3)
    ws.print_options.gridLines = True
    ws.print_title_rows = "1:1"
    # the sheet's name (the table's title) as text: LibreOffice draws the &A field garbled when a
    # right-to-left name holds Latin letters ("בדיקת עקביות (AHP)"); & is Excel's code character
    ws.oddHeader.center.text = ws.title.replace("&", "&&")
    ws.oddHeader.center.size = 11
    ws.oddFooter.center.text = "&P / &N"


def _style_sheet(ws: Any, frame: pd.DataFrame, *, lang: str, header_fill: Any, tab: str | None) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.defined_name import DefinedName

    from .workbook import set_text

    ws.sheet_view.rightToLeft = lang == "he"
    if tab:
        ws.sheet_properties.tabColor = tab
    for j, col in enumerate(frame.columns, start=1):
        c = set_text(ws.cell(row=1, column=j), str(col))
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = header_fill
        c.alignment = Alignment(wrap_text=True, vertical="top")
    share_format, percent_before = None, False
    row_lines: dict[int, int] = {}
    for j, col in enumerate(frame.columns, start=1):
        key = column_key(frame, col) or ""
        kind = column_kind(frame, col)
        cells, number_format = _excel_column(str(col), frame.iloc[:, j - 1], lang, share_format=share_format,
                                             kind=kind, percent_before=percent_before,
                                             text=bool(_ID_KEY.search(key)), mixed=key.endswith(".col.value"))
        percent_before = kind == "percent" or (percent_before and kind == "limit")
        formats = number_format if isinstance(number_format, list) else None  # one format a cell
        number_format = None if formats is not None else number_format
        # an interval's limits follow their share or percentage column directly
        share_format = number_format if number_format in ("0.0%", "0.0") else None
        long_text = False
        mixed = None if number_format else _fixed(cells)
        wrapped: list[tuple[int, str]] = []
        for i_row, value in enumerate(cells, start=2):
            cell_format = formats[i_row - 2] if formats is not None else number_format
            if isinstance(value, (pd.Timestamp, dt.datetime)) and not number_format:  # a date in a mixed column
                value, cell_format = _naive(value), _date_formats(lang)[1]
            elif isinstance(value, float) and not math.isfinite(value):
                value = None
            elif not isinstance(value, (str, int, float, dt.date, type(None))) or isinstance(value, bool):
                value = json_ready(value)
                if isinstance(value, (list, dict)):
                    value = json.dumps(value, ensure_ascii=False)
            cell = set_text(ws.cell(row=i_row, column=j), value)
            if cell_format and value is not None:
                cell.number_format = cell_format
            elif isinstance(value, float):  # a number among text: the column's precision, as report.html
                cell.number_format = mixed or "#,##0"  # no precision: the column's numbers are whole
            if isinstance(value, str) and len(value) > 60:
                long_text = True
                wrapped.append((i_row, value))
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        width = 60.0 if long_text else _width(str(col), cells)
        if number_format and "yy" in number_format:  # dates print wider than their Python text
            width = max(width, 12.0 if "h" not in number_format else 17.0)
        ws.column_dimensions[get_column_letter(j)].width = width
        row_lines[1] = max(row_lines.get(1, 1), _lines(str(col), width, bold=True))
        for i_row, text in wrapped:
            row_lines[i_row] = max(row_lines.get(i_row, 1), _lines(text, width))
    # rows of wrapped text get the height of their lines (neither Excel nor LibreOffice sizes them on
    # opening a file, so a long header or comment would print cut off)
    for i_row, lines in row_lines.items():
        if lines > 1:
            ws.row_dimensions[i_row].height = min(_MAX_ROW_HEIGHT, lines * _LINE_HEIGHT)
    ws.freeze_panes = "A2"
    # the header row named for screen readers: a sheet's "ColumnTitle" name at its first header cell makes
    # JAWS (and NVDA's Excel support) announce each column's header with its cells (WCAG 2.1 SC 1.3.1; Indiana
    # University, "Excel structure guidelines: defining headers")
    quoted = ws.title.replace("'", "''")
    ws.defined_names["ColumnTitle"] = DefinedName("ColumnTitle", attr_text=f"'{quoted}'!$A$1")
    if len(frame.columns):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{max(1, len(frame) + 1)}"
    _print_setup(ws, len(frame.columns))


def write_results_workbook(path: Path, tables: Mapping[str, Mapping[str, pd.DataFrame]], *, lang: str,
                           title: str | None = None) -> Path:
    """results.xlsx: a contents sheet, then one sheet per table, named by its title in *lang*.

    Every sheet is right-to-left for Hebrew, with a styled, frozen header row and filters, and
    prints on A4 one page wide with its header row on every page (landscape when wide);
    dates are real Excel dates (day/month/year for Hebrew), shares have a percent format,
    numbers thousands separators; client text is always written as text (never a formula).
    Sheet names are at most 31 characters, without ``[]:*?/\\``, and unique (case-insensitive).
    For screen readers (WCAG 2.1 SC 1.3.1, 2.4.2) each sheet names its header row ``ColumnTitle`` and the
    document carries *title* and its language.
    """
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    from .workbook import save_workbook

    wb = openpyxl.Workbook()
    if title:
        wb.properties.title = title
    wb.properties.language = "he-IL" if lang == "he" else "en-GB"
    contents_ws = wb.active
    contents_ws.title = t("report.sheet.contents", lang)[:31]
    used: set[str] = {contents_ws.title.casefold()}
    header_fill = PatternFill("solid", fgColor="1F4E79")
    index_rows: list[tuple[str, str, int]] = []
    for section, frames in tables.items():
        for i, (slug, frame) in enumerate(frames.items()):
            base = sheet_name(section, slug, i, lang)
            name, n = base, 2
            while name.casefold() in used:
                suffix = f" ({n})"
                name = f"{base[:31 - len(suffix)].rstrip()}{suffix}"
                n += 1
            used.add(name.casefold())
            ws = wb.create_sheet(name)
            _style_sheet(ws, frame, lang=lang, header_fill=header_fill, tab=_TAB_COLOURS.get(section))
            title = t(f"report.section.{section}", lang) if known(f"report.section.{section}") else section
            index_rows.append((title, name, int(len(frame))))
    contents = pd.DataFrame(index_rows, columns=[t("report.col.analysis", lang), t("report.col.table", lang),
                                                 t("report.col.rows", lang)])
    _style_sheet(contents_ws, contents, lang=lang, header_fill=header_fill, tab="1F4E79")
    for r, (_, name, _) in enumerate(index_rows, start=2):  # each table's name links to its sheet
        cell = contents_ws.cell(row=r, column=2)  # its text is written by _style_sheet
        quoted = name.replace("'", "''")
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{quoted}'!A1", display=name)
        # a font with Hebrew and Latin letters: LibreOffice draws a link whose text mixes them
        # garbled when it has to borrow glyphs from another font ("מדד NPS לפי פילוח")
        cell.font = Font(name="Arial", color="0563C1", underline="single")
    return save_workbook(wb, path)
