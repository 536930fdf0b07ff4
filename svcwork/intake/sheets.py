"""Reading the intake form's sheets: each table sheet into a typed frame, the Engagement sheet into Settings.

A table sheet (:func:`_read_table`) is found by its header row — the row within the first 30
naming most of the schema's columns, in Hebrew or English — so title lines above it do not
matter; unknown columns are kept as text, a missing required column is a problem, and the
template's grey example row is skipped with a warning.  Every cell goes through
:func:`~svcwork.intake.cells._coerce`; a cell that does not fit is recorded with its sheet,
Excel row and column, and left empty so that the other cells are still checked.

The Engagement sheet (:func:`_read_settings`, :func:`_settings`) is a list of field/value rows;
it becomes :class:`~svcwork.intake.engagement.Settings` with the schema's defaults filled in.
Checks that need more than one row or sheet are in :mod:`svcwork.intake.checks`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Mapping

import pandas as pd

from ..schema import ENUMS, REPORT_SECTIONS, SECTION_ALIASES, SETTINGS, SETTINGS_HEADER, Sheet, normalize_name
from .cells import _Bad, _as_text, _blank, _coerce, _DateRule, _letter, _swappable, _typed_column, _year
from .engagement import Settings
from .percent import number_text, percent_column
from .problems import _Collector
from .workbook import NoValue


def _name_index(sheet_schema: Sheet) -> dict[str, str]:
    index: dict[str, str] = {}
    for c in sheet_schema.columns:
        for name in c.names():
            index.setdefault(normalize_name(name), c.key)
    return index


def _find_header(rows: list[tuple], index: Mapping[str, str], *, scan: int = 30) -> int | None:
    """Index of the header row: the first of the rows (within *scan*) naming most known columns."""
    best, best_hits = None, 0
    for i, row in enumerate(rows[:scan]):
        hits = len({index[n] for n in (normalize_name(v) for v in row if isinstance(v, str)) if n in index})
        if hits > best_hits:
            best, best_hits = i, hits
    return best


@dataclass(frozen=True)
class _DateCell:
    """A text date of the workbook whose day and month could be swapped, where it is (for the workbook's rule)."""

    sheet: str
    sheet_label: str
    row: int
    letter: str
    column: str
    column_label: str
    text: str

    @property
    def ref(self) -> str:
        return f"{self.sheet_label}!{self.letter}{self.row}"


def _fill_merged(rows: list[list], ranges: list, *, below: int = -1) -> tuple[list[list], list[str]]:
    """Merged cells whose top row is below row index *below* filled from their top-left value; (rows, ranges filled)."""
    out = rows
    names = []
    for (r0, c0), (r1, c1) in ranges:
        if r0 <= below or r0 >= len(rows):
            continue
        if out is rows:
            out = [list(r) for r in rows]
        top = out[r0][c0] if c0 < len(out[r0]) else ""
        for r in range(r0, min(r1, len(out) - 1) + 1):
            row = out[r]
            if len(row) <= c1:
                row.extend([""] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                row[c] = top
        names.append(f"{_letter(c0)}{r0 + 1}:{_letter(c1)}{r1 + 1}")
    return out, names


def _shown(names: list[str], limit: int = 5) -> str:
    return ", ".join(names[:limit]) + (" …" if len(names) > limit else "")


@dataclass(frozen=True)
class _SheetRead:
    frame: pd.DataFrame
    labels: Mapping[str, str]  # canonical column key -> header as found
    sheet_label: str
    #: column key -> Excel rows whose cell could not be read (reported; empty in the frame, but not a blank:
    #: never compared as equal to another cell)
    failed: Mapping[str, frozenset[int]] = field(default_factory=dict)


def _read_table(rows: list[tuple], sheet_schema: Sheet, sheet_label: str, col: _Collector, *, file: str,
                epoch: dt.datetime, merged: list | None = None, rule: _DateRule | None = None,
                seen: list[_DateCell] | None = None) -> _SheetRead | None:
    """One table sheet as a typed frame (None when it has no usable header).

    *merged*: the sheet's merged ranges (0-based ``((row, col), (row, col))``): those under the header are
    filled from their top-left value, those on the header row are reported (a warning each way).  Day/month
    text dates are read by *rule* and, when *seen* is given, listed there.
    """
    index = _name_index(sheet_schema)
    header_i = _find_header(rows, index)
    where = dict(file=file, sheet=sheet_schema.key, sheet_label=sheet_label)
    if merged and header_i is not None:
        on_header = [f"{_letter(c0)}{r0 + 1}:{_letter(c1)}{r1 + 1}" for (r0, c0), (r1, c1) in merged
                     if r0 <= header_i <= r1 and c1 > c0]
        if on_header:
            col.warning("merged_header", **where, row=header_i + 1, count=len(on_header), found=_shown(on_header))
        rows, filled = _fill_merged(rows, merged, below=header_i)
        if filled:
            first = min(r0 for (r0, _), _ in merged if r0 > header_i) + 1
            col.warning("merged_cells", **where, row=first, count=len(filled), found=_shown(filled))
    if header_i is None:
        if any(any(not _blank(v) for v in r) for r in rows):
            col.error("header_missing", **where, row=None,
                      expected_headers=(sheet_schema.key, tuple(c.key for c in sheet_schema.required_columns)))
        return None
    header = rows[header_i]
    positions: dict[str, int] = {}
    labels: dict[str, str] = {}
    extras: dict[str, int] = {}
    for j, name in enumerate(header):
        if _blank(name):
            continue
        key = index.get(normalize_name(name))
        if key is None:
            extras.setdefault(_as_text(name), j)
        elif key in positions:
            col.warning("column_duplicate", **where, row=header_i + 1, column=key, column_label=_as_text(name),
                        first=_letter(positions[key]), second=_letter(j))
        else:
            positions[key] = j
            labels[key] = _as_text(name)
    found = ", ".join(_as_text(v) for v in header if not _blank(v)) or "—"
    missing = [c for c in sheet_schema.required_columns if c.key not in positions]
    for c in missing:
        col.error("column_missing", **where, row=header_i + 1, column=c.key, he=c.he, en=c.en, found=found)
    if missing:
        return None

    lookups = {name: e.lookup() for name, e in ENUMS.items()}
    data: dict[str, list] = {k: [] for k in positions}
    extra_data: dict[str, list] = {k: [] for k in extras}
    excel_rows: list[int] = []
    examples = _example_values(sheet_schema)
    first_row = True  # the template's grey example row is the first row under the header; later rows are data
    failed: dict[str, set[int]] = {}
    years: dict[str, list[tuple[int, object, int]]] = {}  # period column -> (row, cell, year) read as whole years
    percents: dict[str, list[tuple[int, object, object]]] = {}  # column -> (row, text, number) of "30%" read as 0.3
    for i in range(header_i + 1, len(rows)):
        row = rows[i]
        cells = {k: (row[j] if j < len(row) else None) for k, j in positions.items()}
        if all(_blank(v) and not isinstance(v, NoValue) for v in cells.values()):
            continue
        excel_row = i + 1
        if first_row and _is_example_row(cells, examples):
            first_row = False
            col.warning("example_row", **where, row=excel_row)
            continue
        first_row = False
        clean: dict[str, object] = {}
        for key, raw in cells.items():
            c = sheet_schema.column(key)
            if isinstance(raw, NoValue):  # a formula never calculated: not empty, its value is unknown
                col.error("formula_no_value", **where, row=excel_row, column=key, column_label=labels[key],
                          value=None if c.identifier else raw.formula)  # an identifier's formula is the id
                clean[key] = None
                failed.setdefault(key, set()).add(excel_row)
                continue
            if _blank(raw):
                if c.required:
                    col.error("required_empty", **where, row=excel_row, column=key, column_label=labels[key])
                    failed.setdefault(key, set()).add(excel_row)
                clean[key] = None
                continue
            if seen is not None and c.kind in ("date", "period") and _swappable(raw):
                seen.append(_DateCell(sheet_schema.key, sheet_label, excel_row, _letter(positions[key]), key,
                                      labels[key], raw.strip()))
            year = _year(raw, epoch) if c.kind == "period" else None
            if year is not None:  # an annual period: the year, from its first day (never the serial 2025 = 1905)
                clean[key] = dt.date(year, 1, 1)
                years.setdefault(key, []).append((excel_row, raw, year))
                continue
            try:
                clean[key] = _coerce(raw, c, epoch, lookups, rule)
            except _Bad as bad:
                col.error(bad.code, **where, row=excel_row, column=key, column_label=labels[key],
                          value=None if c.identifier else raw, **bad.params)
                clean[key] = None
                failed.setdefault(key, set()).add(excel_row)
                continue
            if c.kind == "number" and isinstance(raw, str) and raw.strip().endswith("%") and not percent_column(c.lo, c.hi):
                percents.setdefault(key, []).append((excel_row, raw.strip(), clean[key]))
        for key in positions:
            data[key].append(clean[key])
        for name, j in extras.items():
            extra_data[name].append(_as_text(row[j]) if j < len(row) and not _blank(row[j]) else None)
        excel_rows.append(excel_row)

    columns: dict[str, pd.Series] = {}
    for c in sheet_schema.columns:
        values = data.get(c.key, [None] * len(excel_rows))
        columns[c.key] = _typed_column(values, c.kind)
    frame = pd.DataFrame(columns)
    frame["_row"] = pd.Series(excel_rows, dtype="int64")
    for c in sheet_schema.columns:  # a period typed as a year is that whole year: "<key>_year" says which were
        if c.kind == "period":
            annual = {r for r, _, _ in years.get(c.key, ())}
            frame[f"{c.key}_year"] = pd.Series([r in annual for r in excel_rows], dtype="bool")
    for name, values in extra_data.items():
        if name not in frame.columns:
            frame[name] = pd.Series(values, dtype="string")
    for key, cells in percents.items():  # read as Excel stores a typed percent (svcwork.intake.percent.typed_percent)
        r, raw, number = cells[0]
        col.warning("percent_text", **where, row=r, column=key, column_label=labels[key], value=raw,
                    read=number_text(float(number)), count=len(cells), rows=_shown([str(x) for x, _, _ in cells], 10))
    for key, cells in years.items():
        r, raw, year = cells[0]
        col.warning("period_year", **where, row=r, column=key, column_label=labels[key], value=raw, year=year,
                    count=len(cells), rows=_shown([str(x) for x, _, _ in cells], 10))
    return _SheetRead(frame, labels, sheet_label, {k: frozenset(v) for k, v in failed.items()})


def _workbook_date_rule(seen: list[_DateCell], *, declared: str | None, default: str, col: _Collector,
                        file: str) -> _DateRule:
    """The day/month order of the workbook's text dates, by the companion files' rule
    (:func:`svcwork.exports.dates.read_datetimes`): proven by the data (a day above 12 in either field,
    anywhere in the workbook; cells proving both orders are errors), else the declared ``date_order``, else
    the language's usual order — then a warning names the order assumed and the cells that could be read
    either way."""
    from ..exports.dates import read_datetimes

    texts = pd.Series([c.text for c in seen], dtype="string")
    r = read_datetimes(texts, default_order=default)
    if r.order is None:  # nothing reads as a date in either order: each is "not a date"
        return _DateRule(default, None)
    if r.order_source != "data" and declared in ("DMY", "MDY"):  # the data is silent: the form's setting decides
        return _DateRule(declared, "declared")
    proof = ", ".join(seen[i].ref for i in r.proof)
    if r.order_source == "default":
        read = r.naive.notna()
        cells = [c for c, ok in zip(seen, read.to_numpy()) if ok]
        first = cells[0]
        i = next(j for j, ok in enumerate(read.to_numpy()) if ok)
        col.warning("date_text_assumed", file=file, sheet=first.sheet, sheet_label=first.sheet_label, row=first.row,
                    column=first.column, column_label=first.column_label, value=first.text, order=r.order,
                    count=len(cells), cells=_shown([c.ref for c in cells], 10),
                    example=pd.Timestamp(r.naive.iloc[i]).strftime("%Y-%m-%d"))
    return _DateRule(r.order, r.order_source, proof)


def _example_values(sheet_schema: Sheet) -> dict[str, frozenset[str]]:
    """Per column with an example, the normalised values that read as the template's example.

    Either language's example is accepted (``Column.example`` and ``Column.example_he``), and for an
    enumeration any accepted spelling of the example's value (``"no"``, ``"לא"``, ``"n"`` …), so the
    grey row of a Hebrew or an English template is recognised whichever sheet it sits in.
    """
    out: dict[str, frozenset[str]] = {}
    for c in sheet_schema.columns:
        if c.example is None:
            continue
        accepted = {normalize_name(c.example)}
        if c.example_he is not None:
            accepted.add(normalize_name(c.example_he))
        if c.kind == "enum":
            lookup = ENUMS[c.enum].lookup()
            key = lookup.get(normalize_name(c.example))
            accepted |= {name for name, k in lookup.items() if k == key}
        out[c.key] = frozenset(accepted)
    return out


def _is_example_row(cells: Mapping[str, object], examples: Mapping[str, frozenset[str]]) -> bool:
    """True when every filled cell (at least two) holds an accepted value of its column's example."""
    filled = {k: v for k, v in cells.items() if not _blank(v)}
    if len(filled) < 2 or not examples:
        return False
    for k, v in filled.items():
        if k not in examples:
            return False
        text = _as_text(v)
        if isinstance(v, dt.datetime):
            text = v.date().isoformat()
        if normalize_name(text) not in examples[k]:
            return False
    return True


def _read_settings(rows: list[tuple], sheet_label: str, col: _Collector, *, file: str, epoch: dt.datetime,
                   lookups: Mapping[str, Mapping[str, str]], rule: _DateRule | None = None,
                   seen: list[_DateCell] | None = None) -> tuple[dict[str, object], dict[str, int]]:
    where = dict(file=file, sheet="Engagement", sheet_label=sheet_label)
    names = {normalize_name(n): c for c in SETTINGS for n in c.names()}
    header_names = {normalize_name(n) for pair in SETTINGS_HEADER.values() for n in (pair[0], pair[1], *pair[2])}
    field_j, value_j, start = 0, 1, 0
    for i, row in enumerate(rows[:30]):
        normalised = [normalize_name(v) if isinstance(v, str) else "" for v in row]
        hits = [j for j, n in enumerate(normalised) if n in header_names]
        if len(hits) >= 2:
            field_j, value_j, start = hits[0], hits[1], i + 1
            break
    values: dict[str, object] = {}
    where_rows: dict[str, int] = {}
    for i in range(start, len(rows)):
        row = rows[i]
        name = row[field_j] if field_j < len(row) else None
        raw = row[value_j] if value_j < len(row) else None
        if _blank(name):
            continue
        setting = names.get(normalize_name(name))
        if setting is None:
            if not _blank(raw) and start:
                col.warning("setting_unknown", **where, row=i + 1, value=_as_text(name))
            continue
        where_rows[setting.key] = i + 1
        if isinstance(raw, NoValue):
            col.error("formula_no_value", **where, row=i + 1, column=setting.key, column_label=_as_text(name),
                      value=raw.formula)
            continue
        if _blank(raw):
            continue
        if seen is not None and setting.kind in ("date", "period") and _swappable(raw):
            seen.append(_DateCell("Engagement", sheet_label, i + 1, _letter(value_j), setting.key, _as_text(name),
                                  raw.strip()))
        try:
            values[setting.key] = _coerce(raw, setting, epoch, lookups, rule)
        except _Bad as bad:
            col.error(bad.code, **where, row=i + 1, column=setting.key, column_label=_as_text(name), value=raw,
                      **bad.params)
    return values, where_rows


_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def section_names() -> dict[str, str]:
    """Every name the ``sections`` setting accepts for a report section (normalised) -> its key: the
    key, its title in either language (``report.section.<key>``) and its short names
    (:data:`svcwork.schema.SECTION_ALIASES`)."""
    from ..i18n import CATALOGUE

    out: dict[str, str] = {}
    for key in REPORT_SECTIONS:
        title = CATALOGUE.get(f"report.section.{key}", {})
        for name in (key, *title.values(), *SECTION_ALIASES.get(key, ())):
            out.setdefault(normalize_name(name), key)
    return out


def _sections(names: tuple[str, ...], col: _Collector, *, where: Mapping[str, object]) -> tuple[str, ...] | None:
    """The ``sections`` setting as section keys in the order the consultant listed them, the intake
    review first (a section named twice counts once); None (after an error naming each unknown entry
    and listing the valid ones) when an entry names no section."""
    lookup = section_names()
    wanted, bad = ["intake"], False
    for name in names:
        key = lookup.get(normalize_name(name))
        if key is None:
            bad = True
            col.error("section_unknown", **where, value=name, sections_allowed=True)
        elif key not in wanted:
            wanted.append(key)
    return None if bad else tuple(wanted)


def _settings(values: dict[str, object], rows: Mapping[str, int], sheet_label: str | None, col: _Collector, *,
              file: str) -> Settings | None:
    where = dict(file=file, sheet="Engagement", sheet_label=sheet_label)
    ok = True
    reported = {r.column for r in col.items if r.sheet == "Engagement"}
    for c in SETTINGS:
        if c.required and values.get(c.key) is None:
            ok = False
            if c.key not in reported:
                col.error("setting_missing", **where, row=rows.get(c.key), column=c.key)
    start, end = values.get("period_start"), values.get("period_end")
    if start is not None and end is not None and end < start:
        col.error("period_order", **where, row=rows.get("period_end"), column="period_end", start=start.isoformat(),
                  end=end.isoformat())
    caps = values.get("wave_capacities")
    if caps is not None:
        numbers = pd.to_numeric(pd.Series(list(caps), dtype="string"), errors="coerce").astype(float).tolist()
        waves = values.get("waves") or next(c.default for c in SETTINGS if c.key == "waves")
        if any(math.isnan(x) or x < 0 for x in numbers) or len(numbers) != int(waves):
            ok = False
            col.error("wave_capacities", **where, row=rows.get("wave_capacities"), column="wave_capacities",
                      value=", ".join(map(str, caps)), waves=int(waves), found=len(numbers))
        else:
            values = {**values, "wave_capacities": tuple(numbers)}
    color = values.get("accent_color")
    if color is not None and not _COLOR.match(str(color)):
        col.warning("bad_color", **where, row=rows.get("accent_color"), column="accent_color", value=color)
        values = {**values, "accent_color": None}
    if values.get("sections") is not None:
        sections = _sections(values["sections"], col, where=dict(**where, row=rows.get("sections"), column="sections"))
        if sections is None:
            ok = False
        else:
            values = {**values, "sections": sections}
    if not ok:
        return None
    kwargs = {c.key: values[c.key] for c in SETTINGS if values.get(c.key) is not None}
    if "service_values" in kwargs:
        kwargs["service_values"] = tuple(kwargs["service_values"])
    return Settings(**kwargs)
