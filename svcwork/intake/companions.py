"""Companion files (case log, survey, training): from a file to its raw table, and on to a clean frame.

:func:`_read_companion_table` reads one file as strings whatever it is — CSV/TSV/text (also
gzipped; encoding detected strictly, a replaced byte reported with its line), .xlsx (opened
safely, merged cells filled, title lines above the header skipped, the sheets that hold the data
chosen by :func:`_choose_sheets`, formulas never calculated noted), .xls, Parquet or an XES
event log — and :func:`_read_companion` reads a companion given as one file, as the parts of a
split export or as the sheets of one workbook (an order proven by one part holds for the others).  The table is then checked
and typed by :func:`svcwork.intake.columns._companion_frame`.

:func:`load_companion` does the same for one file on its own, outside an engagement.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

import pandas as pd

from ..errors import ERROR, IntakeError, Problem
from ..exports.dates import EXCEL_EPOCH
from ..exports.files import Found, data_suffix
from ..exports.scales import Scale
from ..exports.text import Unreadable, gunzip, read_csv, unique_names
from ..exports.text import short as _short
from ..exports.xes import XesError, read_xes
from ..i18n import t
from ..privacy import pseudonymisation_key
from ..schema import companion, normalize_name
from .cells import _as_text, _blank
from .checks import _check_case_log
from .columns import _companion_frame, _TableRead
from .options import ColumnMap, _default_order, _ReadOptions
from .problems import _Collector
from .sheets import _fill_merged as _fill_ranges
from .sheets import _find_header, _name_index, _shown
from .workbook import NoValue, _calamine_workbook, _check_file, _open_workbook, _unpacked_limit, _Workbook


class _Unreadable(Unreadable):
    """A companion file that cannot be read (see :class:`svcwork.exports.text.Unreadable`)."""


def _fill_merged(rows: list[list], ranges: list, col: _Collector, *, file: str) -> list[list]:
    """Merged cells filled from their top-left value (a warning lists the ranges)."""
    if not ranges:
        return rows
    out, names = _fill_ranges(rows, ranges)
    if names:
        col.warning("merged_cells", file=file, count=len(names), found=_shown(names))
    return out


@dataclass(frozen=True)
class _SheetLook:
    """One worksheet of a companion workbook as found: its rows, header row, the schema columns it names."""

    name: str
    rows: list
    header_i: int | None
    keys: frozenset[str]
    hidden: bool
    blank: bool
    no_value: tuple[tuple[int, int, str], ...] = ()  # cells holding a formula with no stored result
    notes: _Collector | None = None  # what reading it found (merged cells …): reported only if the sheet is read


def _look(wb: _Workbook, name: str, index: Mapping[str, str], *, file: str) -> _SheetLook:
    """A worksheet read once (merged cells filled), with the schema columns its header row names."""
    sheet_ = wb.book.get_sheet_by_name(name)
    notes = _Collector()
    rows = _fill_merged(wb.rows(name, sheet=sheet_), list(sheet_.merged_cell_ranges or []), notes, file=file)
    blank = not any(_filled(r) for r in rows)
    header_i = None if blank else _find_header(rows, index)
    keys = frozenset(index[n] for n in (normalize_name(v) for v in rows[header_i] if isinstance(v, str))
                     if n in index) if header_i is not None else frozenset()
    return _SheetLook(name, rows, header_i, keys, name in wb.hidden, blank, tuple(wb.no_value.get(name, ())), notes)


def _choose_sheets(looks: list[_SheetLook], required: frozenset[str], col: _Collector, *, file: str, name: str
                   ) -> list[_SheetLook] | None:
    """The sheets of a companion workbook that hold its data (see docs/intake.md, ``companion_sheets_*``).

    The data sheets are those whose header row names every required column: the visible ones (hidden ones only
    when none is visible).  Several data sheets are one export split by year, department or Excel's row limit:
    read one after another when they name the same columns (a warning lists them), else an error (None): which
    to read cannot be decided.  The other sheets that are not blank are named in a warning, never dropped
    silently; with no data sheet at all, the first visible sheet that is not blank is read (its missing columns
    are then reported).
    """
    data = [s for s in looks if not s.blank and required <= s.keys]
    shown = [s for s in data if not s.hidden]
    chosen = shown or data
    if not chosen:
        first = next((s for s in looks if not s.blank and not s.hidden), None) or \
            next((s for s in looks if not s.blank), None)
        chosen = [first] if first is not None else []
    if len({s.keys for s in chosen}) > 1:
        col.error("companion_sheets_differ", file=file, file_name=name,
                  found="; ".join(f"{s.name}: {', '.join(sorted(s.keys))}" for s in chosen))
        return None
    copies = [(a.name, b.name) for i, a in enumerate(chosen) for b in chosen[i + 1:] if _same_rows(a, b)]
    if copies:  # read together they would count every row twice
        col.error("companion_sheets_copy", file=file, file_name=name, found=", ".join(copies[0]))
        return None
    used = {s.name for s in chosen}
    hidden = [s.name for s in data if s.name not in used]
    if hidden:
        col.warning("companion_sheets_hidden", file=file, file_name=name, found=", ".join(hidden),
                    read=", ".join(s.name for s in chosen))
    elif any(s.hidden for s in chosen):
        col.warning("companion_sheets_hidden_read", file=file, file_name=name, found=", ".join(used))
    others = [s.name for s in looks if not s.blank and s.name not in used and s.name not in hidden and not s.hidden]
    if others:
        col.warning("companion_sheets_other", file=file, file_name=name, found=", ".join(others),
                    read=", ".join(s.name for s in chosen))
    if len(chosen) > 1:
        found = ", ".join(f"{s.name} ({_data_rows(s):,})" for s in chosen)
        col.warning("companion_sheets_joined", file=file, file_name=name, count=len(chosen), found=found)
    return chosen


def _same_rows(a: _SheetLook, b: _SheetLook) -> bool:
    """Two sheets holding the same rows under their headers (one a copy of the other)."""
    body_a, body_b = a.rows[(a.header_i or 0) + 1:], b.rows[(b.header_i or 0) + 1:]
    return len(body_a) == len(body_b) and len(body_a) > 0 and body_a == body_b


def _data_rows(look: _SheetLook) -> int:
    """Rows below the header that are not blank."""
    start = (look.header_i or 0) + 1
    return sum(1 for r in look.rows[start:] if _filled(r))


def _filled(row: list) -> bool:
    """A row with a value, or a formula with no stored result (which reads as empty but was meant to hold one)."""
    return any(not _blank(v) or isinstance(v, NoValue) for v in row)


def _sheet_tables(path: Path, col: _Collector, *, file: str, name: str, xls: bool,
                  index: Mapping[str, str]) -> list[_TableRead] | None:
    """The sheets of an .xlsx/.xls companion that hold its data, each from its header row (title lines above
    it skipped); None after an error (see :func:`_choose_sheets`).  Each sheet is parsed once."""
    import python_calamine as pcal

    if xls:
        wb = _calamine_workbook(pcal.CalamineWorkbook.from_path(str(path)), EXCEL_EPOCH)
    else:
        wb = _open_workbook(path, col, file=file)
        if wb is None:
            return None
    try:
        looks = [_look(wb, n, index, file=file) for n in wb.sheetnames]
    finally:
        wb.close()
    required = frozenset(c.key for c in companion(name).required_columns)
    chosen = _choose_sheets(looks, required, col, file=file, name=name)
    if chosen is None:
        return None
    if not chosen:
        return [_TableRead(pd.DataFrame(), 2, wb.epoch)]
    for s in chosen:
        col.absorb(s.notes)
    several = len(wb.sheetnames) > 1
    return [_sheet_frame(s, wb.epoch, sheet=s.name if several else None) for s in chosen]


def _sheet_frame(look: _SheetLook, epoch, *, sheet: str | None) -> _TableRead:  # noqa: ANN001 - datetime
    """One worksheet's raw table from its header row; the cells holding a formula with no stored result noted."""
    rows = look.rows
    header_i = look.header_i or 0
    header = unique_names([_as_text(v) if not _blank(v) else f"#{j + 1}" for j, v in enumerate(rows[header_i])])
    width = len(header)
    body = [tuple(r[:width]) + (None,) * (width - len(r)) for r in rows[header_i + 1:]]
    no_value: dict[str, list[tuple[int, str]]] = {}
    for r, j, formula in look.no_value:  # where the workbook's XML shows them: no pass over every cell
        if r > header_i and j < width:
            no_value.setdefault(header[j], []).append((r - header_i - 1, formula))
    return _TableRead(pd.DataFrame(body, columns=header, dtype="object"), header_i + 2, epoch, sheet=sheet,
                      no_value={k: tuple(v) for k, v in no_value.items()})


def _read_companion_table(path: Path, col: _Collector, *, name: str, column_map: ColumnMap | None = None
                          ) -> list[_TableRead] | None:
    """The raw table(s) of one companion file (strings), or None after recording why it cannot be read.

    One table, except for a workbook whose data is on several sheets (one per sheet, see :func:`_choose_sheets`).
    """
    file = path.name
    suffix = data_suffix(path) or path.suffix.lower()
    if not _check_file(path, col, file=file):
        return None
    index = {**_name_index(companion(name)), **dict((column_map or {}).get(name, {}))}

    def hits(row: list[str]) -> int:
        return len({index[n] for n in (normalize_name(v) for v in row) if n in index})

    try:
        if suffix in (".xes", ".xes.gz"):
            raw = path.read_bytes()
            if suffix == ".xes.gz":
                raw = gunzip(raw, limit=_unpacked_limit())
            try:
                return [_TableRead(read_xes(raw), 2)]
            except XesError as exc:
                raise _Unreadable(exc.reason, exc.detail, exc.line) from None
        if suffix in (".csv", ".tsv", ".txt", ".gz", ".csv.gz", ".tsv.gz", ".txt.gz"):
            raw = path.read_bytes()
            if suffix.endswith(".gz"):
                raw = gunzip(raw, limit=_unpacked_limit())
            read = read_csv(raw, hits=hits)
            d = read.decoded
            if d.replaced:
                lines = ", ".join(map(str, d.bad_lines[:10])) + (" …" if len(d.bad_lines) > 10 else "")
                col.warning("encoding_replaced", file=file, file_name=name, count=d.replaced, encoding=d.encoding,
                            lines=lines, row=d.bad_lines[0] if d.bad_lines else None)
            if d.guessed:
                col.warning("encoding_guessed", file=file, file_name=name)
            return [_TableRead(read.frame, read.first_row)]
        if suffix == ".parquet":
            try:
                frame = pd.read_parquet(path)
            except Exception as exc:  # noqa: BLE001 - pyarrow's many error types
                raise _Unreadable("parquet", f"{type(exc).__name__}: {_short(exc)}") from None
            return [_TableRead(frame.astype("object").where(frame.notna(), None), 2)]
        if suffix in (".xlsx", ".xls"):
            return _sheet_tables(path, col, file=file, name=name, xls=suffix == ".xls", index=index)
    except Unreadable as exc:
        col.error("companion_unreadable", file=file, row=exc.line, file_name=name, reason_key=exc.reason,
                  detail=exc.detail)
        return None
    except Exception as exc:  # noqa: BLE001 - any reader failure is reported, never raised
        col.error("companion_unreadable", file=file, file_name=name, reason_key="unreadable",
                  detail=f"{type(exc).__name__}: {_short(exc)}")
        return None
    col.error("companion_unreadable", file=file, file_name=name, reason_key="file_type", value=suffix or path.name,
              detail=f"unsupported file type {suffix}")
    return None


def _read_companion(found: Found, col: _Collector, *, opts: _ReadOptions) -> tuple[pd.DataFrame | None,
                                                                                   Mapping[str, Scale]]:
    """One companion from its file, or from the parts of a split export or the sheets of a workbook (concatenated
    in order).  Each file is read once; its table(s) are checked as parts of one export (an order proven by one
    part holds for the others)."""
    name = found.name
    if found.how == "copy":
        col.warning("companion_copy", file=found.paths[0].name, file_name=name, value=found.paths[0].name)
    if found.how == "parts":
        col.warning("companion_parts", file=found.paths[0].name, file_name=name, count=len(found.paths),
                    found=", ".join(p.name for p in found.paths))
    units: list[tuple[Path, _TableRead]] = []
    unreadable = False
    for p in found.paths:
        tables = _read_companion_table(p, col, name=name, column_map=opts.column_map)
        if tables is None:
            unreadable = True
            continue
        units.extend((p, table) for table in tables)
    if unreadable:
        return None, {}
    if len(units) == 1:
        parts = [_read_part(*units[0], name, col, opts)]
    else:  # the parts are one export: an order proven by one part holds for the parts that could only assume one
        parts = [_read_part(p, table, name, _Collector(), opts) for p, table in units]
        proven = {o for _, f, _, _ in parts if f is not None for o in f.attrs.get("orders_proven", {}).values()}
        if len(proven) == 1 and opts.date_order is None:
            order = proven.pop()
            parts = [_read_part(p, table, name, _Collector(), replace(opts, default_order=order))
                     if order != opts.default_order and any(r.code == "date_order_assumed" for r in c.items)
                     else (p, f, sc, c) for (p, table), (_, f, sc, c) in zip(units, parts)]
            for _, _, _, c in parts:
                c.items = [r for r in c.items if not (r.code == "date_order_assumed" and r.params.get("order") == order)]
        for _, _, _, c in parts:
            col.absorb(c)
    frames, scales, offsets, orders, proven_orders = [], {}, {}, {}, {}
    for p, frame, sc, _ in parts:
        if frame is None:
            return None, {}
        frames.append(frame.assign(_file=p.name) if len(found.paths) > 1 else frame)
        scales.update(sc)
        for k, v in frame.attrs.get("offsets", {}).items():
            offsets[k] = tuple(sorted(set(offsets.get(k, ())) | set(v)))
        for k, v in frame.attrs.get("date_orders", {}).items():
            orders[k] = orders.get(k) or v
        for k, v in frame.attrs.get("orders_proven", {}).items():
            proven_orders[k] = proven_orders.get(k) or v
    result = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    result.attrs["offsets"] = offsets
    result.attrs["date_orders"] = orders
    result.attrs["orders_proven"] = proven_orders
    if name == "cases":
        _check_case_log(result, col, file=found.paths[0].name, services=opts.services)
    return result, scales


def _read_part(path: Path, table: _TableRead, name: str, col: _Collector, opts: _ReadOptions
               ) -> tuple[Path, pd.DataFrame | None, Mapping[str, Scale], _Collector]:
    """One table of a companion (a file, or a sheet of one): (path, frame or None, scales, the collector its
    problems went to)."""
    frame, sc = _companion_frame(table, name, col, file=path.name, opts=opts)
    return path, frame, sc, col


def load_companion(name: str, path: str | os.PathLike, *, column_map: ColumnMap | None = None,
                   timezone: str = "UTC", lang: str = "en", key: bytes | None = None,
                   date_order: str | None = None) -> pd.DataFrame:
    """Read, check and clean one companion file (``cases``, ``survey`` or ``training``).

    Identifier columns are pseudonymised (:func:`svcwork.privacy.pseudonymise`).  Raises
    :class:`IntakeError` with every problem when the file has errors.
    """
    col = _Collector()
    p = Path(path)
    if not p.is_file():
        raise IntakeError([Problem(ERROR, "file_missing", p.name, None, None, None, None,
                                   t("intake.expected.intake", lang), t("intake.file_missing", lang, path=p))])
    if key is None:
        key = pseudonymisation_key(p.parent)
    opts = _ReadOptions(tz=timezone, date_order=date_order, default_order=_default_order(lang),
                        column_map=column_map, key=key)
    frame, _ = _read_companion(Found(name, (p,), "name"), col, opts=opts)
    problems = col.render(lang)
    if frame is None or any(pr.is_error for pr in problems):
        raise IntakeError(list(problems))
    return frame
