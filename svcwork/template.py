"""The intake template and the field reference, both generated from :mod:`svcwork.schema`.

``write_template(path, lang=...)`` writes the ready-to-fill intake workbook a client's clerk
fills in Excel: an instructions sheet (which doubles as the in-workbook field reference), one
sheet per schema sheet with styled headers, help in header comments and input messages,
drop-down lists for every enumeration, range checks for scores and numbers, a grey example
row the loader recognises and ignores (:func:`svcwork.intake` warning ``example_row``), RTL
sheets for Hebrew and A4 print setup.  ``write_reference(path)`` writes ``docs/intake.md``,
the Markdown reference of every sheet, setting, column, list and companion file.

Both outputs are deterministic: the same schema and catalogue give the same bytes
(:func:`svcwork.workbook.workbook_bytes` with the modified stamp pinned, atomic writes from
:mod:`svcwork.paths`).
Data validation follows the Office Open XML ``dataValidation`` element (ECMA-376 Part 1,
§18.3.1.32): prompts are limited to 255 characters and titles to 32.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .errors import UsageError
from .i18n import CATALOGUE, LANGUAGES, t, user_language
from .exports.files import COMPANION_FILE_NAMES, DATA_SUFFIXES
from .paths import COMPANION_SUFFIXES, atomic_write_bytes, atomic_write_text
from .schema import (COMPANIONS, CRITERIA_COLUMNS, ENUMS, FRONTLINE_SKILLS, SETTINGS, SHEETS, STANDARD_MEASURES,
                     SURVEY_ITEMS, Column, Sheet, companion, sheet)
from .workbook import FIXED_TIME, set_text, workbook_bytes

__all__ = ["build_template", "template_bytes", "write_template", "reference_markdown", "write_reference", "Choice", "choice_for"]

# --------------------------------------------------------------------------- look
FONT_NAME = "Arial"  # has Hebrew glyphs in every Excel; used for both languages
FONT_SIZE = 11
REQUIRED_FILL = "1F4E79"
OPTIONAL_FILL = "DDEBF7"
INPUT_FILL = "FFF8E1"
EXAMPLE_COLOR = "808080"
LAST_ROW = 1_048_576
A4 = 9  # OOXML paperSize code for A4 (ECMA-376 §18.3.1.63)

_BASE = Font(name=FONT_NAME, size=FONT_SIZE, family=2)
_TITLE = Font(name=FONT_NAME, size=16, bold=True, color=REQUIRED_FILL)
_BOLD = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
_REQUIRED_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True, color="FFFFFF")
_OPTIONAL_FONT = Font(name=FONT_NAME, size=FONT_SIZE, color="1F1F1F")
_EXAMPLE_FONT = Font(name=FONT_NAME, size=FONT_SIZE, italic=True, color=EXAMPLE_COLOR)
_REQUIRED_HEADER = PatternFill("solid", fgColor=REQUIRED_FILL)
_OPTIONAL_HEADER = PatternFill("solid", fgColor=OPTIONAL_FILL)
_INPUT = PatternFill("solid", fgColor=INPUT_FILL)
_THIN = Side(style="thin", color="9BB7D4")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_ALIGN = Alignment(vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)

#: Saaty's fundamental scale and its reciprocals (Saaty 1980, *The Analytic Hierarchy Process*, table 1.1).
SAATY_SCALE = tuple(f"1/{k}" for k in range(9, 1, -1)) + tuple(str(k) for k in range(1, 10))

_NUMBER_KINDS = ("int", "number", "score")


# --------------------------------------------------------------------------- lists offered per column
@dataclass(frozen=True)
class Choice:
    """A drop-down offered for a column: a named list on the hidden lists sheet.

    ``strict`` lists refuse other values (Excel "stop" style); the others only warn, because
    the loader accepts more (free observation items, a kpi_id as measure, ``0.333``).
    """

    name: str
    values: tuple[str, ...]
    strict: bool = True
    warning_key: str | None = None


def _labels(enum: str, lang: str) -> tuple[str, ...]:
    e = ENUMS[enum]
    return tuple(e.label(k, lang) for k in e.keys)


def choice_for(sheet_schema: Sheet, column: Column, lang: str) -> Choice | None:
    """The drop-down list for *column* of *sheet_schema* in *lang*, or None when it has none."""
    if column.kind == "enum":
        return Choice(f"list_{column.enum}", _labels(column.enum, lang))
    key = (sheet_schema.key, column.key)
    if key in (("Observations", "item"), ("Actions", "observation_item")):
        skills = tuple(he if lang == "he" else en for en, he in FRONTLINE_SKILLS)
        return Choice("list_skills", skills, strict=False, warning_key="template.item_warning")
    if key == ("Actions", "survey_item"):
        survey = companion("survey")
        return Choice("list_survey_items", tuple(survey.column(k).header(lang) for k in SURVEY_ITEMS), strict=False,
                      warning_key="template.survey_item_warning")
    if key in (("Criteria", "criterion"), ("Pairwise", "criterion_a"), ("Pairwise", "criterion_b")):
        services = sheet("Services")
        return Choice("list_criteria", tuple(services.column(k).header(lang) for k in CRITERIA_COLUMNS))
    if key == ("Recommendations", "horizon"):
        waves = next(c.default for c in SETTINGS if c.key == "waves")
        return Choice("list_horizons", (*_labels("horizon", lang),
                                       *(t("recommendations.horizon.wave", lang, wave=w) for w in range(1, waves + 1))),
                      strict=False, warning_key="template.horizon_warning")
    if key == ("Standards", "measure"):
        return Choice("list_measures", STANDARD_MEASURES, strict=False, warning_key="template.measure_warning")
    if key == ("Standards", "channel"):
        return Choice("list_channel_any", ("*", *_labels("channel", lang)))
    if column.kind == "judgement":
        return Choice("list_judgement", SAATY_SCALE, strict=False, warning_key="template.judgement_warning")
    return None


#: Free-text columns whose drop-down suggests the values of a list (which the loader reads as its keys).
_SUGGESTED_FROM = {("Recommendations", "horizon"): "horizon"}


# --------------------------------------------------------------------------- describing a column
def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.3g}"


def _range(column: Column) -> str:
    """The column's numeric range as text (``1–5``, ``≥ 0``), or ``""``."""
    if column.kind == "judgement":
        return "1/9–9"
    lo, hi = column.lo, column.hi
    if lo is not None and hi is not None:
        return f"{_fmt(lo)}–{_fmt(hi)}"
    if lo is not None:
        return f"≥ {_fmt(lo)}"
    if hi is not None:
        return f"≤ {_fmt(hi)}"
    return ""


def _type_text(column: Column, lang: str) -> str:
    text = t(f"template.kind.{column.kind}", lang)
    return f"{text}, {t('template.unique', lang)}" if column.unique else text


def _allowed(sheet_schema: Sheet, column: Column, lang: str) -> str:
    """Allowed values in *lang*: the list, a suggestion, or the numeric range."""
    choice = choice_for(sheet_schema, column, lang)
    if choice is not None:
        values = ", ".join(choice.values)
        if choice.name in ("list_skills", "list_horizons"):
            return t("template.allowed.suggested", lang, values=values)
        if choice.name == "list_measures":
            return t("template.allowed.measure", lang, values=values)
        return values
    return _range(column)


def _example_cell_value(column: Column, lang: str) -> object:
    """The column's example in *lang* as the cell value the loader reads back as the example.

    Text examples come from ``Column.example_he`` for Hebrew (falling back to ``Column.example``),
    enumeration examples are written as the value's label in *lang*, ISO dates as dates
    (see ``intake.sheets._is_example_row``, which accepts either language).
    """
    value = column.example_in(lang)
    if value is None:
        return None
    if column.kind == "enum":
        return ENUMS[column.enum].label(column.example, lang)
    if column.kind == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


# --------------------------------------------------------------------------- workbook helpers
def _new_workbook() -> Workbook:
    wb = Workbook()
    # The default (Normal) font of the whole workbook: cells a clerk types into get it too.
    wb._fonts = IndexedList([_BASE])  # noqa: SLF001 - openpyxl has no public API for the default font
    wb._named_styles["Normal"].font = _BASE  # noqa: SLF001
    wb.remove(wb.active)
    return wb


def _text(ws: Worksheet, row: int, col: int, value: object, *, font: Font | None = None,
          fill: PatternFill | None = None, align: Alignment | None = None) -> None:
    cell = ws.cell(row=row, column=col)
    set_text(cell, value)
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if align is not None:
        cell.alignment = align


def _header_style(required: bool) -> dict:
    return dict(font=_REQUIRED_FONT if required else _OPTIONAL_FONT,
                fill=_REQUIRED_HEADER if required else _OPTIONAL_HEADER, align=_HEADER_ALIGN)


def _width(*texts: object, lo: float = 10, hi: float = 45) -> float:
    longest = max((len(str(x)) for x in texts if x is not None), default=0)
    return round(min(hi, max(lo, 1.15 * longest + 3)), 1)


def _comment(text: str) -> Comment:
    lines = max(2, len(text) // 40 + 2)
    return Comment(text, "svcwork", width=300, height=18 * lines)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sheet_setup(ws: Worksheet, lang: str, *, title_rows: str | None, landscape: bool) -> None:
    ws.sheet_view.rightToLeft = lang == "he"
    ws.page_setup.paperSize = A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    ws.oddFooter.center.text = "&A — &P / &N"
    if title_rows:
        ws.print_title_rows = title_rows


def _validation(rng: str, *, prompt_title: str, prompt: str, lang: str, type_: str | None = None,
                formula1: str | None = None, formula2: str | None = None, operator: str | None = None,
                error: str | None = None, error_title: str | None = None, style: str = "stop") -> DataValidation:
    dv = DataValidation(type=type_, formula1=formula1, formula2=formula2, operator=operator, allow_blank=True,
                        showInputMessage=True, showErrorMessage=type_ is not None,
                        promptTitle=_clip(prompt_title, 32), prompt=_clip(prompt, 255))
    if type_ is not None:
        dv.errorStyle = style
        dv.errorTitle = _clip(error_title or t("template.error_title", lang), 32)
        dv.error = _clip(error or t("template.list_error", lang), 225)
    dv.add(rng)
    return dv


def _column_validation(sheet_schema: Sheet, column: Column, rng: str, lang: str) -> DataValidation:
    """The data validation of one column (or one setting's value cell): list, range or prompt only."""
    prompt_title = column.header(lang)
    prompt = column.help(lang)
    choice = choice_for(sheet_schema, column, lang)
    if choice is not None:
        if choice.strict:
            return _validation(rng, prompt_title=prompt_title, prompt=prompt, lang=lang, type_="list",
                               formula1=choice.name)
        return _validation(rng, prompt_title=prompt_title, prompt=prompt, lang=lang, type_="list",
                           formula1=choice.name, style="warning", error_title=t("template.suggest_title", lang),
                           error=t(choice.warning_key, lang))
    lo, hi = column.lo, column.hi
    if column.kind in _NUMBER_KINDS and lo is not None:
        whole = column.kind in ("int", "score")
        kind = "whole" if whole else "decimal"
        if hi is not None:
            key = "template.range_error" if whole else "template.decimal_range_error"
            return _validation(rng, prompt_title=prompt_title, prompt=prompt, lang=lang, type_=kind,
                               operator="between", formula1=_fmt(lo), formula2=_fmt(hi),
                               error=t(key, lang, lo=_fmt(lo), hi=_fmt(hi)))
        key = "template.whole_min_error" if whole else "template.min_error"
        return _validation(rng, prompt_title=prompt_title, prompt=prompt, lang=lang, type_=kind,
                           operator="greaterThanOrEqual", formula1=_fmt(lo), error=t(key, lang, lo=_fmt(lo)))
    return _validation(rng, prompt_title=prompt_title, prompt=prompt, lang=lang)


# --------------------------------------------------------------------------- the sheets
def _lists_sheet(wb: Workbook, lang: str) -> None:
    """Hidden sheet holding every drop-down list, each behind a workbook-level defined name."""
    ws = wb.create_sheet(t("template.lists_sheet", lang))
    ws.sheet_state = "hidden"
    ws.sheet_view.rightToLeft = lang == "he"
    choices: dict[str, Choice] = {}
    for s in SHEETS:
        for c in s.columns:
            ch = choice_for(s, c, lang)
            if ch is not None:
                choices.setdefault(ch.name, ch)
    for j, name in enumerate(sorted(choices), start=1):
        values = choices[name].values
        _text(ws, 1, j, name, font=_BOLD)
        for i, v in enumerate(values, start=2):
            _text(ws, i, j, v)
        letter = get_column_letter(j)
        ref = f"{quote_sheetname(ws.title)}!${letter}$2:${letter}${len(values) + 1}"
        wb.defined_names[name] = DefinedName(name, attr_text=ref)
        ws.column_dimensions[letter].width = _width(name, *values)


def _instructions(wb: Workbook, lang: str) -> None:
    ws = wb.create_sheet(t("template.instructions", lang))
    heads = ("template.col.sheet", "template.col.one_row", "template.col.column", "template.col.required",
             "template.col.type", "template.col.allowed", "template.col.help")
    widths = (20, 30, 24, 9, 20, 40, 60)
    ncol = len(heads)
    _text(ws, 1, 1, t("template.title", lang), font=_TITLE)
    ws.row_dimensions[1].height = 26
    _text(ws, 2, 1, t("template.intro", lang), align=_WRAP)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol)
    ws.row_dimensions[2].height = 66
    _text(ws, 4, 1, t("template.legend", lang), font=_BOLD)
    _text(ws, 4, 2, t("template.legend.required", lang), **_header_style(True))
    _text(ws, 4, 3, t("template.legend.optional", lang), **_header_style(False))
    _text(ws, 4, 5, t("template.legend.example", lang), font=_EXAMPLE_FONT)
    ws.merge_cells(start_row=4, start_column=5, end_row=4, end_column=6)
    header_row = 6
    for j, key in enumerate(heads, start=1):
        _text(ws, header_row, j, t(key, lang), **_header_style(True))
    row = header_row + 1
    yes, no = t("template.yes", lang), t("template.no", lang)

    def table(group: tuple[Sheet, ...], label) -> int:
        nonlocal row
        for s in group:
            first = True
            for c in s.columns:
                top = Border(top=Side(style="thin", color=REQUIRED_FILL)) if first else Border()
                one_row = (s.row_he if lang == "he" else s.row_en) if first else ""
                cells = (label(s), one_row, c.header(lang),
                         yes if c.required else no, _type_text(c, lang), _allowed(s, c, lang), c.help(lang))
                for j, v in enumerate(cells, start=1):
                    _text(ws, row, j, v, font=_BOLD if (j == 3 and c.required) or (j == 1 and first) else None,
                          align=_WRAP)
                    ws.cell(row=row, column=j).border = top
                first = False
                row += 1
        return row

    table(SHEETS, lambda s: s.title(lang))
    last_table_row = row - 1
    row += 1
    _text(ws, row, 1, t("template.companions", lang), font=_BOLD)
    row += 1
    table(COMPANIONS, lambda s: f"{s.title(lang)} ({s.key})")
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1).coordinate
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(ncol)}{last_table_row}"
    _sheet_setup(ws, lang, title_rows=f"{header_row}:{header_row}", landscape=True)
    ws.sheet_properties.tabColor = "808080"


def _settings_sheet(wb: Workbook, s: Sheet, lang: str) -> None:
    """The Engagement sheet: one row per setting (field, value), with defaults filled in."""
    ws = wb.create_sheet(s.title(lang))
    heads = (t("template.field", lang), t("template.value", lang), t("template.col.required", lang),
             t("template.col.type", lang), t("template.col.help", lang), t("template.col.example", lang))
    for j, h in enumerate(heads, start=1):
        _text(ws, 1, j, h, **_header_style(j <= 2))
    yes, no = t("template.yes", lang), t("template.no", lang)
    widths = [len(h) for h in heads]
    for i, c in enumerate(s.columns, start=2):
        _text(ws, i, 1, c.header(lang), **_header_style(c.required))
        value = ws.cell(row=i, column=2)
        value.fill = _INPUT
        value.border = _BOX
        if c.default is not None:
            value.value = c.default
        if c.kind == "date":
            value.number_format = "yyyy-mm-dd"
        allowed = _allowed(s, c, lang)
        type_text = _type_text(c, lang) + (f": {allowed}" if allowed else "")
        example = _example_cell_value(c, lang)
        if isinstance(example, dt.date):
            example = example.isoformat()
        for j, v in ((3, yes if c.required else no), (4, type_text), (5, c.help(lang)), (6, example)):
            if v is not None:
                _text(ws, i, j, v, font=_EXAMPLE_FONT if j == 6 else None, align=_WRAP if j in (4, 5) else None)
        ws.cell(row=i, column=1).comment = _comment(c.help(lang))
        ws.add_data_validation(_column_validation(s, c, f"B{i}", lang))
        widths[0] = max(widths[0], len(c.header(lang)))
        widths[5] = max(widths[5], len(str(example or "")))
    for j, w in enumerate((_width("x" * widths[0]), 28, _width(heads[2]), 30, 60, _width("x" * widths[5])), start=1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = "A2"
    _sheet_setup(ws, lang, title_rows="1:1", landscape=True)
    ws.sheet_properties.tabColor = REQUIRED_FILL


def _table_sheet(wb: Workbook, s: Sheet, lang: str) -> None:
    """A data sheet: styled headers with help, drop-downs and range checks, one grey example row."""
    ws = wb.create_sheet(s.title(lang))
    total = 0.0
    for j, c in enumerate(s.columns, start=1):
        letter = get_column_letter(j)
        header = c.header(lang)
        _text(ws, 1, j, header, **_header_style(c.required))
        ws.cell(row=1, column=j).comment = _comment(c.help(lang))
        choice = choice_for(s, c, lang)
        example = _example_cell_value(c, lang)
        width = _width(header, example, *(choice.values if choice else ()))
        ws.column_dimensions[letter].width = width
        total += width
        if c.kind in ("date",):
            ws.column_dimensions[letter].number_format = "yyyy-mm-dd"
        elif c.kind in ("id", "judgement"):
            ws.column_dimensions[letter].number_format = "@"  # keeps "007" and "1/3" as typed
        if example is not None:
            cell = ws.cell(row=2, column=j)
            value = example
            set_text(cell, value)
            cell.font = _EXAMPLE_FONT
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            elif c.kind in ("id", "judgement"):
                cell.number_format = "@"
        ws.add_data_validation(_column_validation(s, c, f"{letter}2:{letter}{LAST_ROW}", lang))
    ws.row_dimensions[1].height = 32
    ws.freeze_panes = "A2"
    _sheet_setup(ws, lang, title_rows="1:1", landscape=total > 90)
    if s.required:
        ws.sheet_properties.tabColor = REQUIRED_FILL


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise UsageError(t("cli.error.template_lang", user_language(), expected=", ".join(LANGUAGES), value=repr(lang)))


def build_template(*, lang: str) -> Workbook:
    """The intake template for *lang* (``"he"`` or ``"en"``) as an openpyxl workbook (not saved)."""
    _check_lang(lang)
    wb = _new_workbook()
    _instructions(wb, lang)
    for s in SHEETS:
        (_settings_sheet if s.settings else _table_sheet)(wb, s, lang)
    _lists_sheet(wb, lang)
    wb.active = 0
    wb.properties.title = t("template.title", lang)
    wb.properties.language = "he-IL" if lang == "he" else "en-GB"
    return wb


def template_bytes(*, lang: str) -> bytes:
    """The intake template for *lang* as .xlsx bytes that depend only on the schema and catalogue."""
    return workbook_bytes(build_template(lang=lang))


def write_template(path: str | os.PathLike, *, lang: str) -> Path:
    """Write the ready-to-fill intake workbook for *lang* to *path* (atomic, reproducible bytes)."""
    return atomic_write_bytes(path, template_bytes(lang=lang))


# --------------------------------------------------------------------------- the Markdown reference
def _md(value: object) -> str:
    """A table-cell-safe Markdown rendering of *value* (pipes, asterisks and new lines escaped)."""
    if value is None:
        return ""
    text = str(value).replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("\n", " ")
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _code(value: str) -> str:
    return f"`{value}`"


def _both(key: str) -> str:
    return f"{t(key, 'en')} — {t(key, 'he')}"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(head), _row(["---"] * len(head)), *(_row(r) for r in rows)]


def _anchor(s: Sheet) -> str:
    return s.key.lower().replace(" ", "-")


def _example_md(column: Column) -> str:
    """The column's example for the reference: English, and the Hebrew one when it differs."""
    en, he = _example_cell_value(column, "en"), _example_cell_value(column, "he")
    if en is None:
        return ""
    return _md(en) if en == he else f"{_md(en)} — {_md(he)}"


def _column_table(s: Sheet, *, settings: bool = False, aliases: bool = False) -> list[str]:
    en = lambda k: t(k, "en")  # noqa: E731 - table headers of the (English-led) reference
    head = [en("template.ref.key"), en("template.ref.hebrew"), en("template.col.required"), en("template.col.type"),
            en("template.ref.range")]
    if settings:
        head.append(en("template.ref.default"))
    head += [en("template.ref.allowed_en"), en("template.ref.allowed_he"), en("template.ref.help_en"),
             en("template.ref.help_he")]
    examples = any(c.example is not None for c in s.columns)
    if examples:
        head.append(en("template.col.example"))
    if aliases:
        head.append(en("template.ref.aliases"))
    rows = []
    for c in s.columns:
        choice_en, choice_he = choice_for(s, c, "en"), choice_for(s, c, "he")
        allowed_en = _allowed(s, c, "en") if choice_en else ""
        allowed_he = _allowed(s, c, "he") if choice_he else ""
        req = t("template.yes" if c.required else "template.no", "en")
        cells = [_code(c.key), _md(c.he), req, _md(_type_text(c, "en")), _md(_range(c))]
        if settings:
            cells.append(_md(c.default))
        cells += [_md(allowed_en), _md(allowed_he), _md(c.help_en), _md(c.help_he)]
        if examples:
            cells.append(_example_md(c))
        if aliases:
            cells.append(", ".join(_code(a) for a in c.aliases))
        rows.append(cells)
    return _table(head, rows)


def reference_markdown() -> str:
    """The Markdown field reference (``docs/intake.md``): every sheet, setting, column, list and companion file."""
    en = lambda k: t(k, "en")  # noqa: E731
    out = [f"# {_both('template.ref.title')}", "", f"<!-- {t('template.ref.generated', 'en')} -->", "",
           t("template.ref.intro", "en"), "", t("template.ref.intro", "he"), ""]
    out += [f"## {_both('template.ref.sheets')}", ""]
    rows = []
    for s in SHEETS:
        rows.append([f"[{s.key}](#{_anchor(s)})", _md(s.he), _md(s.row_en), _md(s.row_he),
                     t("template.yes" if s.required else "template.no", "en"),
                     ", ".join(_code(k) for k in s.unique_together)])
    out += _table([en("template.col.sheet"), en("template.ref.hebrew"), en("template.col.one_row"),
                   en("template.ref.one_row_he"), en("template.ref.required_sheet"), en("template.ref.unique_together")],
                  rows)
    out.append("")
    for s in SHEETS:
        out += [f"### {s.key}", "", f"**{_md(s.he)}** — {_md(s.row_en)} / {_md(s.row_he)}.", ""]
        names = [n for n in s.aliases]
        if names:
            out += [f"{en('template.ref.aliases')}: {', '.join(_code(n) for n in names)}.", ""]
        out += _column_table(s, settings=s.settings, aliases=any(c.aliases for c in s.columns))
        out.append("")
    out += [f"## {_both('template.ref.enums')}", ""]
    used: dict[str, list[str]] = {}
    for s in SHEETS:
        for c in s.columns:
            enum = c.enum or _SUGGESTED_FROM.get((s.key, c.key))
            if enum:
                used.setdefault(enum, []).append(f"{s.key}.{c.key}")
    for name in sorted(ENUMS):
        e = ENUMS[name]
        out += [f"### {name}", ""]
        if name in used:
            out += [f"{en('template.ref.used_by')}: {', '.join(_code(u) for u in used[name])}.", ""]
        out += _table([en("template.ref.key"), en("template.ref.english"), en("template.ref.hebrew"),
                       en("template.ref.aliases")],
                      [[_code(v.key), _md(v.en), _md(v.he), ", ".join(_code(a) for a in v.aliases)] for v in e.values])
        out.append("")
    out += [f"## {_both('template.ref.companions')}", ""]
    out += [t("template.ref.exports", "en", suffixes=", ".join(_code(x) for x in DATA_SUFFIXES if x != ".gz")), "",
            t("template.ref.exports", "he", suffixes=", ".join(_code(x) for x in DATA_SUFFIXES if x != ".gz")), ""]
    for s in COMPANIONS:
        files = ", ".join(_code(f"{n}{ext}") for n in COMPANION_FILE_NAMES[s.key][:2] for ext in COMPANION_SUFFIXES)
        out += [f"### {s.key}", "", f"**{_md(s.he)}** — {_md(s.row_en)} / {_md(s.row_he)}.", "",
                t("template.ref.files", "en", names=files), ""]
        out += _column_table(s, aliases=any(c.aliases for c in s.columns))
        out.append("")
    out += [f"## {_both('template.ref.scales')}", "", t("template.ref.scales_text", "en"), "",
            t("template.ref.scales_text", "he"), ""]
    out += _table([en("template.ref.value"), en("template.ref.labels")],
                  [[_fmt(v) if v is not None else "—", ", ".join(_md(x) for x in names)]
                   for v, names in _label_rows()])
    out.append("")
    out += [f"## {_both('template.ref.problems')}", "", t("template.ref.problems_text", "en"), "",
            t("template.ref.problems_text", "he"), ""]
    codes = [k for k in CATALOGUE if k.startswith("intake.") and k.count(".") == 1
             and k not in ("intake.rows_with_problems", "intake.summary_ok", "intake.summary_bad")]
    out += _table([en("template.ref.code"), en("template.ref.english"), en("template.ref.hebrew")],
                  [[_code(k.split(".", 1)[1]), _md(CATALOGUE[k]["en"]), _md(CATALOGUE[k]["he"])] for k in codes])
    return "\n".join(out).rstrip("\n") + "\n"


def _label_rows() -> list[tuple[float | None, list[str]]]:
    """The built-in answer labels, grouped by the score they stand for (don't-know last)."""
    from .exports.scales import DONT_KNOW, EN_AGREEMENT, EN_SATISFACTION, HE_AGREEMENT, HE_EXTENT, HE_SATISFACTION

    groups: dict[float | None, list[str]] = {}
    for label, value in (*HE_SATISFACTION, *HE_AGREEMENT, *HE_EXTENT, *EN_SATISFACTION, *EN_AGREEMENT, *DONT_KNOW):
        groups.setdefault(value, []).append(label)
    return sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))


def write_reference(path: str | os.PathLike) -> Path:
    """Write the Markdown field reference to *path* atomically (deterministic text)."""
    return atomic_write_text(path, reference_markdown())
