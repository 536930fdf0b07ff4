"""Writing Excel workbooks: reproducible bytes, atomic replacement, client text kept inert.

Every workbook svcwork writes (intake templates, demo intakes, ``results.xlsx``) goes
through :func:`save_workbook`, so the same content always gives the same bytes (fixed
document properties and zip time stamps) and a reader never sees a half-written file.
Client text is written with :func:`set_text`, so a value such as ``=HYPERLINK(...)`` or
``+cmd|...`` is stored as a string and can never execute as a formula (OWASP "CSV/formula
injection").
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path

from openpyxl.cell.cell import Cell
from openpyxl.workbook import Workbook
from openpyxl.writer.excel import ExcelWriter

from .paths import atomic_write_bytes

__all__ = ["save_workbook", "workbook_bytes", "reproducible_zip", "set_text", "FIXED_TIME"]

#: Time stamp written into document properties and zip entries (reproducible output).
FIXED_TIME = dt.datetime(2026, 1, 1, 0, 0, 0)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def workbook_bytes(wb: Workbook) -> bytes:
    """The workbook as .xlsx bytes that depend only on its content."""
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "svcwork"
    wb.properties.lastModifiedBy = "svcwork"
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()  # Workbook.save would stamp the current time as "modified"
    return reproducible_zip(raw.getvalue())


def reproducible_zip(data: bytes) -> bytes:
    """The zip archive *data* with fixed time stamps and permissions (entries in their order).

    Office files (xlsx, pptx) are zips; rewritten this way, the same content gives the same bytes.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def save_workbook(wb: Workbook, path: str | os.PathLike) -> Path:
    """Write *wb* to *path* atomically, with reproducible bytes."""
    return atomic_write_bytes(path, workbook_bytes(wb))


def set_text(cell: Cell, value: object) -> Cell:
    """Store *value* in *cell*; strings are always stored as text, never as a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(_FORMULA_START):
            cell.quotePrefix = True
    return cell
