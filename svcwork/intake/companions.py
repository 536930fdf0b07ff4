"""Companion files (case log, survey, training): from a file to its raw table, and on to a clean frame.

:func:`_read_companion_table` reads one file as strings whatever it is — CSV/TSV/text (also
gzipped; encoding detected strictly, a replaced byte reported with its line), .xlsx (opened
safely, merged cells filled, title lines above the header skipped), .xls, Parquet or an XES
event log — and :func:`_read_companion` reads a companion given as one file or as the parts of
a split export (an order proven by one part holds for the others).  The table is then checked
and typed by :func:`svcwork.intake.columns._companion_frame`.

:func:`load_companion` does the same for one file on its own, outside an engagement.
"""

from __future__ import annotations

import os
from dataclasses import replace
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
from .workbook import _check_file, _open_workbook, _unpacked_limit, _Workbook


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


def _sheet_table(path: Path, col: _Collector, *, file: str, name: str, xls: bool) -> _TableRead | None:
    """The first sheet of an .xlsx/.xls companion, from its header row (title lines above it skipped)."""
    import python_calamine as pcal

    if xls:
        book = pcal.CalamineWorkbook.from_path(str(path))
        wb = _Workbook(book, [m.name for m in book.sheets_metadata if m.typ == pcal.SheetTypeEnum.WorkSheet],
                       EXCEL_EPOCH)
    else:
        wb = _open_workbook(path, col, file=file)
        if wb is None:
            return None
    try:
        if not wb.sheetnames:
            return _TableRead(pd.DataFrame(), 2, wb.epoch)
        rows = wb.rows(wb.sheetnames[0])
        merged = wb.book.get_sheet_by_name(wb.sheetnames[0]).merged_cell_ranges or []
    finally:
        wb.close()
    rows = _fill_merged(rows, list(merged), col, file=file)
    if not any(any(not _blank(v) for v in r) for r in rows):
        return _TableRead(pd.DataFrame(), 2, wb.epoch)
    header_i = _find_header(rows, _name_index(companion(name))) or 0
    header = unique_names([_as_text(v) if not _blank(v) else f"#{j + 1}" for j, v in enumerate(rows[header_i])])
    width = len(header)
    body = [tuple(r[:width]) + (None,) * (width - len(r)) for r in rows[header_i + 1:]]
    return _TableRead(pd.DataFrame(body, columns=header, dtype="object"), header_i + 2, wb.epoch)


def _read_companion_table(path: Path, col: _Collector, *, name: str) -> _TableRead | None:
    """The raw table of one companion file (strings), or None after recording why it cannot be read."""
    file = path.name
    suffix = data_suffix(path) or path.suffix.lower()
    if not _check_file(path, col, file=file):
        return None
    index = _name_index(companion(name))

    def hits(row: list[str]) -> int:
        return len({index[n] for n in (normalize_name(v) for v in row) if n in index})

    try:
        if suffix in (".xes", ".xes.gz"):
            raw = path.read_bytes()
            if suffix == ".xes.gz":
                raw = gunzip(raw, limit=_unpacked_limit())
            try:
                return _TableRead(read_xes(raw), 2)
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
            return _TableRead(read.frame, read.first_row)
        if suffix == ".parquet":
            try:
                frame = pd.read_parquet(path)
            except Exception as exc:  # noqa: BLE001 - pyarrow's many error types
                raise _Unreadable("parquet", f"{type(exc).__name__}: {_short(exc)}") from None
            return _TableRead(frame.astype("object").where(frame.notna(), None), 2)
        if suffix in (".xlsx", ".xls"):
            return _sheet_table(path, col, file=file, name=name, xls=suffix == ".xls")
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
    """One companion from its file, or from the parts of a split export (concatenated in order)."""
    name = found.name
    if found.how == "copy":
        col.warning("companion_copy", file=found.paths[0].name, file_name=name, value=found.paths[0].name)
    if found.how == "parts":
        col.warning("companion_parts", file=found.paths[0].name, file_name=name, count=len(found.paths),
                    found=", ".join(p.name for p in found.paths))
    if len(found.paths) == 1:
        parts = [_read_part(found.paths[0], name, col, opts)]
    else:  # the parts are one export: an order proven by one part holds for the parts that could only assume one
        parts = [_read_part(p, name, _Collector(), opts) for p in found.paths]
        proven = {o for _, f, _, _ in parts if f is not None for o in f.attrs.get("orders_proven", {}).values()}
        if len(proven) == 1 and opts.date_order is None:
            order = proven.pop()
            parts = [_read_part(p, name, _Collector(), replace(opts, default_order=order))
                     if order != opts.default_order and any(r.code == "date_order_assumed" for r in c.items)
                     else (p, f, sc, c) for p, f, sc, c in parts]
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
        _check_case_log(result, col, file=found.paths[0].name)
    return result, scales


def _read_part(path: Path, name: str, col: _Collector, opts: _ReadOptions
               ) -> tuple[Path, pd.DataFrame | None, Mapping[str, Scale], _Collector]:
    """One file of a companion: (path, frame or None, scales, the collector its problems went to)."""
    table = _read_companion_table(path, col, name=name)
    if table is None:
        return path, None, {}, col
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
