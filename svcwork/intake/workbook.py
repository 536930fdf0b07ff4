"""Opening input files safely: size limits, what the file really is, and the .xlsx workbook itself.

Before any reader sees an intake workbook it is checked here, cheapest first: its size
(:func:`_check_file`), its type from its first bytes (an old .xls, a password-protected file,
a CSV renamed .xlsx, an OpenDocument or Word file), the unpacked size its zip declares (a zip
bomb is refused before anything is unpacked) and the prolog of every XML part (a DTD or an
entity declaration anywhere before the root element is refused; parsed with defusedxml).
Only then is it opened with calamine (:func:`_open_workbook`), and the cells holding Excel
errors (``#REF!`` …) or a formula with no stored result (a file written by a script or an ERP and
never calculated), both of which calamine reads as empty, are found so they can be reported; the
sheets' visibility is noted (a hidden sheet never wins over a visible one).

Every refusal is one problem recorded on the collector, never an exception.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from ..exports.text import short as _short
from .problems import _Collector


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTION_MARK = "EncryptionInfo".encode("utf-16-le")


def _limit_mb(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


#: Reading a CSV export takes about nine times its size in memory (measured by
#: benchmarks/bench_load_dates.py: a 2M-event log of 190–200 MB peaks at 1.8–1.9 GB).
MEMORY_PER_FILE_MB = 10


def default_max_mb() -> float:
    """The largest data file read by default: a tenth of this machine's memory, 200 MB to 4 GB.

    A 2M-event case log (a normal municipal year, about 200 MB) needs about 2 GB; on a 16 GB laptop
    the limit is 1.6 GB.  ``SVCWORK_MAX_MB`` overrides it; a larger export may also be gzipped or
    split into parts (``cases-1.csv``, ``cases-2.csv`` …).
    """
    try:
        memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):  # pragma: no cover - not POSIX
        return 1000.0
    return float(min(4000, max(200, round(memory / 1e6 / MEMORY_PER_FILE_MB, -1))))


def _unpacked_limit() -> int:
    return int(_limit_mb("SVCWORK_MAX_UNPACKED_MB", default_max_mb()) * 1e6)


def _mb(x: float) -> str:
    """Megabytes for a message: whole numbers from 10 MB, else three significant digits (0.05, 2.5)."""
    return f"{x:,.0f}" if x >= 10 else f"{x:.3g}"


def _check_file(path: Path, col: _Collector, *, file: str) -> bool:
    """Size limit; returns False (after recording the problem) when the file must not be read."""
    size = path.stat().st_size
    limit = _limit_mb("SVCWORK_MAX_MB", default_max_mb())
    if size > limit * 1e6:
        col.error("too_large", file=file, size=_mb(size / 1e6), limit=_mb(limit))
        return False
    return True


def _sniff_workbook(path: Path, col: _Collector, *, file: str) -> bool:
    """Recognise what the file really is before handing it to the reader.

    Order matters: file type first, then the declared unpacked size (zip bomb) before anything is
    unpacked, then the prolog of every XML part (a DTD anywhere before the root element is refused).
    """
    with open(path, "rb") as fh:
        head = fh.read(8)
        if head.startswith(_OLE_MAGIC):
            fh.seek(0)
            data = fh.read(4 * 1024 * 1024)
            code = "encrypted" if _ENCRYPTION_MARK in data else "not_xlsx_xls"
            col.error(code, file=file)
            return False
    if not head:
        col.error("corrupt", file=file, reason_key="empty", detail="empty file")
        return False
    if not head.startswith(_ZIP_MAGIC):
        with open(path, "rb") as fh:
            sample = fh.read(4096)
        if b"\x00" not in sample and _decodes(sample):
            col.error("not_xlsx_text", file=file)
        else:
            col.error("not_xlsx_other", file=file, kind_key="binary")
        return False
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            unpacked = sum(i.file_size for i in infos)
            if "mimetype" in names and b"opendocument" in zf.read("mimetype")[:200]:
                col.error("not_xlsx_other", file=file, kind_key="ods")
                return False
            if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
                col.error("not_xlsx_other", file=file, kind_key="word" if "word/document.xml" in names else "zip")
                return False
            if "xl/workbook.bin" in names:
                col.error("not_xlsx_other", file=file, kind_key="xlsb")
                return False
            limit = _limit_mb("SVCWORK_MAX_UNPACKED_MB", 1000)
            if unpacked > limit * 1e6:
                col.error("zip_bomb", file=file, size=_mb(unpacked / 1e6), limit=_mb(limit))
                return False
            for info in infos:
                if info.is_dir():
                    continue
                verdict, why = _check_xml_part(zf, info)
                if verdict == "unsafe":
                    col.error("unsafe_xml", file=file, detail=f"{info.filename}: {why}")
                    return False
                if verdict == "corrupt":
                    col.error("corrupt", file=file, reason_key="broken_part", detail=f"{info.filename}: {why}")
                    return False
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError,
            zlib.error) as exc:
        col.error("corrupt", file=file, reason_key="broken_zip", detail=_short(exc))
        return False
    return True


_XML_PART_SUFFIXES = (".xml", ".rels", ".vml")
_PROLOG_LIMIT = 1 << 20  # Office prologs are a few hundred bytes; a longer one is refused, not read on and on


class _RootSeen(Exception):
    """Raised by :class:`_PrologTarget` at the root element: the prolog (where a DTD would be) is over."""


class _PrologTarget:
    def start(self, tag, attrib):  # noqa: ARG002 - ElementTree target protocol
        raise _RootSeen

    def end(self, tag):  # pragma: no cover - never reached before start
        pass

    def data(self, data):
        pass

    def close(self):
        return None


def _looks_like_xml(head: bytes) -> bool:
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
        return True
    return head.lstrip(b" \t\r\n").startswith(b"<")


def _check_xml_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[str, str]:
    """("ok"|"unsafe"|"corrupt", why) for one zip member, reading only its XML prolog.

    The prolog is parsed with defusedxml (expat; DTDs, entity declarations and external references
    forbidden) in whatever encoding the part declares, UTF-16 included, so a DOCTYPE cannot hide
    behind a long comment, a byte-order mark or another encoding.  Parts that are not XML (images,
    ``vbaProject.bin``) are skipped; calamine does not read them as XML.
    """
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import XMLParser

    named_xml = info.filename.lower().endswith(_XML_PART_SUFFIXES)
    with zf.open(info) as fh:
        chunk = fh.read(4096)
        if not named_xml and not _looks_like_xml(chunk):
            return "ok", ""
        parser = XMLParser(target=_PrologTarget(), forbid_dtd=True, forbid_entities=True, forbid_external=True)
        read = 0
        try:
            while chunk:
                read += len(chunk)
                parser.feed(chunk)
                if read > _PROLOG_LIMIT:
                    return "unsafe", f"no root element in the first {_PROLOG_LIMIT} bytes"
                chunk = fh.read(65536)
            parser.close()
        except _RootSeen:
            return "ok", ""
        except DefusedXmlException as exc:
            return "unsafe", type(exc).__name__
        except ParseError as exc:  # not well-formed: broken if it claims to be XML, else not XML after all
            return ("corrupt", _short(exc)) if named_xml else ("ok", "")
    return ("corrupt", "no root element") if named_xml else ("ok", "")


def _decodes(sample: bytes) -> bool:
    for enc in ("utf-8", "cp1255"):
        try:
            sample.decode(enc)
            return True
        except UnicodeDecodeError:
            continue
    return False


class NoValue(str):
    """A cell holding a formula Excel never calculated (no stored result): empty text wherever it is read as a
    value (as calamine reads it), recognised by its type where it must be reported; ``formula`` is its text."""

    formula: str

    def __new__(cls, formula: str = "") -> "NoValue":
        obj = super().__new__(cls, "")
        obj.formula = formula
        return obj


@dataclass
class _Workbook:
    """An opened workbook: sheet names and rows, read with calamine (Rust; no XML entity expansion).

    ``hidden``: the sheets hidden in Excel (hidden or very hidden); ``errors``: per sheet, the cells holding an
    Excel error; ``no_value``: per sheet, the cells holding a formula with no stored result (row, column, formula).
    """

    book: object
    sheetnames: list[str]
    epoch: dt.datetime

    errors: Mapping[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    no_value: Mapping[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    hidden: frozenset[str] = frozenset()

    def visible(self) -> list[str]:
        """The sheets shown in Excel, in workbook order."""
        return [n for n in self.sheetnames if n not in self.hidden]

    def rows(self, name: str, *, max_rows: int = 1_100_000, sheet: object = None) -> list[list]:
        """All rows of sheet *name* as value lists (index 0 is Excel row 1; empty cells are "").

        Cells holding an Excel error (``#REF!`` …) keep the error text, so it can be reported; cells holding a
        formula with no stored result are :class:`NoValue` (empty text).  *sheet*: the calamine sheet already
        opened (``self.book.get_sheet_by_name(name)``), so a sheet is parsed once.
        """
        sheet_ = sheet if sheet is not None else self.book.get_sheet_by_name(name)
        rows = sheet_.to_python(skip_empty_area=False, nrows=max_rows)
        marks = [(r, c, text) for r, c, text in self.errors.get(name, ()) if r < max_rows]
        marks += [(r, c, NoValue(f)) for r, c, f in self.no_value.get(name, ()) if r < max_rows]
        for r, c, value in marks:
            while len(rows) <= r:
                rows.append([])
            row = rows[r]
            if len(row) <= c:
                row.extend([""] * (c + 1 - len(row)))
            row[c] = value
        return rows

    def merged(self, name: str) -> list:
        """The merged cell ranges of sheet *name*: ``((first row, first col), (last row, last col))``, 0-based."""
        try:
            return list(self.book.get_sheet_by_name(name).merged_cell_ranges or [])
        except Exception:  # noqa: BLE001 - without them the cells read as they are (empty under a merge)
            return []

    def close(self) -> None:
        self.book.close()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _safe_xml(data: bytes):
    """Parse an XML part with defusedxml (no DTD, no entities, no external references)."""
    from defusedxml.ElementTree import fromstring

    return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)


@dataclass(frozen=True)
class _Facts:
    """What xl/workbook.xml and its relationships say: the 1904 date system flag; ``uncalculated``: the writer
    asked for every formula to be calculated when the file is opened (``calcPr fullCalcOnLoad``, ECMA-376 Part 1
    §18.2.2), so no stored formula result is Excel's (xlsxwriter stores 0; Excel clears the flag when it saves);
    (sheet name, r:id) pairs; r:id -> part."""

    date1904: bool
    uncalculated: bool
    sheets: list[tuple[str, str]]
    rels: dict[str, str]


def _workbook_facts(zf: zipfile.ZipFile) -> _Facts:
    """Read :class:`_Facts` from xl/workbook.xml and xl/_rels/workbook.xml.rels."""
    root = _safe_xml(zf.read("xl/workbook.xml"))
    date1904 = uncalculated = False
    sheets: list[tuple[str, str]] = []
    for el in root.iter():
        name = _local(el.tag)
        if name == "workbookPr":
            date1904 = str(el.get("date1904", "")).strip().lower() in ("1", "true")
        elif name == "calcPr":
            uncalculated = str(el.get("fullCalcOnLoad", "")).strip().lower() in ("1", "true")
        elif name == "sheet":
            rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), None)
            if el.get("name") is not None and rid is not None:
                sheets.append((el.get("name"), rid))
    rels: dict[str, str] = {}
    if "xl/_rels/workbook.xml.rels" in zf.namelist():
        for el in _safe_xml(zf.read("xl/_rels/workbook.xml.rels")).iter():
            if _local(el.tag) == "Relationship" and el.get("Id") and el.get("Target"):
                target = el.get("Target")
                rels[el.get("Id")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    return _Facts(date1904, uncalculated, sheets, rels)


_HAS_ERROR_CELL = re.compile(rb"""\bt\s*=\s*["']e["']""")
#: A formula with no stored result: ``<f>…</f>`` (or ``<f …/>``, a shared formula) followed by the cell's end or
#: an empty ``<v>`` (as openpyxl and many exporters write it).  Searched in the bytes first (two searches with a
#: literal start, fast; none at all in a sheet without formulas); only a sheet where it occurs is parsed.
_NO_VALUE_AFTER = rb"\s*(?:</(?:\w+:)?c>|<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</)"
_HAS_NO_VALUE = (re.compile(rb"f>" + _NO_VALUE_AFTER), re.compile(rb"/>" + _NO_VALUE_AFTER))


def _may_have_no_value(data: bytes) -> bool:
    """Whether a sheet's XML may hold a formula with no stored result (never False when it does)."""
    if b"<f" not in data and b":f" not in data:
        return False
    return any(r.search(data) for r in _HAS_NO_VALUE)


_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")  # A1, $B$7: column letters, row number


def _error_cells(zf: zipfile.ZipFile, facts: _Facts
                 ) -> tuple[dict[str, list[tuple[int, int, str]]], dict[str, list[tuple[int, int, str]]]]:
    """Cells calamine reads as empty (or as a stored placeholder) although Excel would show something else, per
    sheet name: (errors, formulas without a value).

    Each is a list of (row index, column index, text): the error text (``#REF!`` …), or the formula of a cell
    that holds one with no stored result — or, in a workbook whose writer left every formula to be calculated on
    opening (:attr:`_Facts.uncalculated`), any stored result.  Only the sheets whose bytes show such a cell
    (``t="e"``, a formula followed by no value; any formula when uncalculated) are parsed (defusedxml, streaming).
    """
    from defusedxml.ElementTree import iterparse
    from openpyxl.utils import column_index_from_string

    errors: dict[str, list[tuple[int, int, str]]] = {}
    no_value: dict[str, list[tuple[int, int, str]]] = {}
    members = set(zf.namelist())
    for name, rid in facts.sheets:
        target = facts.rels.get(rid)
        if target is None or target not in members:
            continue
        data = zf.read(target)
        formulas = (b"<f" in data or b":f" in data) if facts.uncalculated else _may_have_no_value(data)
        if not _HAS_ERROR_CELL.search(data) and not formulas:
            continue
        found: list[tuple[int, int, str]] = []
        missing: list[tuple[int, int, str]] = []
        for _, el in iterparse(io.BytesIO(data), events=("end",), forbid_dtd=True):
            tag = _local(el.tag)
            if tag == "c":
                children = {_local(child.tag): child for child in el}
                value = children["v"].text if "v" in children else None
                if el.get("t") == "e" and value:
                    m = _CELL_REF.fullmatch(el.get("r") or "")
                    if m:
                        found.append((int(m.group(2)) - 1, column_index_from_string(m.group(1).upper()) - 1, value))
                elif "f" in children and (facts.uncalculated or (
                        value is None and "v" not in children if el.get("t") == "str"
                        else not (value or "").strip())):
                    # (a text formula whose stored result is the empty text, ``<v></v>``, was calculated: =IF(…,"",…))
                    m = _CELL_REF.fullmatch(el.get("r") or "")
                    if m:
                        missing.append((int(m.group(2)) - 1, column_index_from_string(m.group(1).upper()) - 1,
                                        "=" + (children["f"].text or "…")))
            elif tag == "row":
                el.clear()
        if found:
            errors[name] = found
        if missing:
            no_value[name] = missing
    return errors, no_value


def _calamine_workbook(book, epoch: dt.datetime, errors: Mapping[str, list] | None = None,  # noqa: ANN001
                       no_value: Mapping[str, list] | None = None) -> _Workbook:
    """A calamine workbook with its worksheets' names and which of them are hidden."""
    import python_calamine as pc

    sheets = [m for m in book.sheets_metadata if m.typ == pc.SheetTypeEnum.WorkSheet]
    hidden = frozenset(m.name for m in sheets if m.visible != pc.SheetVisibleEnum.Visible)
    return _Workbook(book, [m.name for m in sheets], epoch, dict(errors or {}), dict(no_value or {}), hidden)


def _open_workbook(path: Path, col: _Collector, *, file: str) -> _Workbook | None:
    """Open an .xlsx safely (size, type and zip-bomb checks first); None after recording a problem."""
    import python_calamine as pc

    if not _check_file(path, col, file=file) or not _sniff_workbook(path, col, file=file):
        return None
    try:
        with zipfile.ZipFile(path) as zf:
            facts = _workbook_facts(zf)
            epoch = dt.datetime(1904, 1, 1) if facts.date1904 else dt.datetime(1899, 12, 30)
            errors, no_value = _error_cells(zf, facts)
        book = pc.CalamineWorkbook.from_path(str(path))
        return _calamine_workbook(book, epoch, errors, no_value)
    except Exception as exc:  # noqa: BLE001 - any parser failure is a corrupt/unsafe file for the user
        name = type(exc).__name__
        if name == "PasswordError":
            col.error("encrypted", file=file)
        elif name in ("DTDForbidden", "EntitiesForbidden", "ExternalReferenceForbidden") or (
                name == "XmlError" and re.search(r"entit|doctype|dtd", str(exc), re.I)):
            col.error("unsafe_xml", file=file, detail=_short(exc))
        else:
            col.error("corrupt", file=file, reason_key="unreadable", detail=f"{name}: {_short(exc)}")
        return None
