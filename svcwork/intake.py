"""Load and validate a client's engagement: intake workbook plus companion files.

``load(path)`` returns a frozen :class:`Engagement` (clean, typed pandas frames with
canonical English column names) or raises :class:`~svcwork.errors.IntakeError` listing
*every* problem at once.  ``validate(path)`` returns the problems without raising.

Validation happens here, once; the analysis modules take the clean frames.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import numpy as np
import pandas as pd

from .errors import ERROR, HEBREW, WARNING, IntakeError, Problem, problems_frame
from .i18n import t
from .exports.dates import (EXCEL_EPOCH, DatesRead, as_dates, backwards_cases, localize, outside_period,
                            read_datetimes)
from .exports.files import Found, data_suffix, discover
from .exports.scales import Scale, custom_labels, parse_scale, read_item, read_scores
from .exports.text import Unreadable, gunzip, read_csv, short, unique_names
from .exports.xes import XesError, read_xes
from .paths import client_slug, find_intake, sha256_file
from .privacy import pseudonymisation_key, pseudonymise
from .schema import (COMPANIONS, CRITERIA_COLUMNS, ENUMS, SETTINGS, SETTINGS_HEADER, SHEETS, STANDARD_MEASURES,
                     Column, Sheet, companion, normalize_name, sheet)

__all__ = ["Settings", "InputFile", "Engagement", "Validation", "load", "validate", "load_companion", "parse_column_map",
           "save_cache", "read_cache"]


@dataclass(frozen=True)
class Settings:
    """The Engagement sheet, typed, with the contract's defaults filled in."""

    organization: str
    language: str
    period_start: dt.date
    period_end: dt.date
    unit: str | None = None
    consultant: str | None = None
    logo: str | None = None
    service_vision: str | None = None
    service_values: tuple[str, ...] = ()
    accent_color: str | None = None
    sla_days: int = 14
    repeat_contact_days: int = 7
    min_group_size: int = 10
    waves: int = 3
    wave_capacity_days: float | None = None
    wave_capacities: tuple[float, ...] | None = None
    min_quick_wins: int | None = None
    timezone: str | None = None
    date_order: str | None = None
    cases_file: str | None = None
    survey_file: str | None = None
    training_file: str | None = None
    column_map: str | None = None


@dataclass(frozen=True)
class InputFile:
    """An input file as it was read: its role, name and SHA-256 (for summary.json and caching)."""

    role: str  # "intake", "cases", "survey", "training"
    path: Path
    sha256: str
    size: int


@dataclass(frozen=True)
class Engagement:
    """One client engagement, validated.

    ``tables`` maps canonical sheet keys (``"Services"``, ``"KPI values"`` …) to frames with
    canonical English column names plus ``_row`` (the Excel row the record came from).
    A sheet that was missing or empty maps to an empty frame with the schema's columns.
    Companion frames (``cases``, ``survey``, ``training``) are ``None`` when not supplied;
    identifier columns in them hold pseudonyms, never the client's values.
    """

    slug: str
    folder: Path | None
    settings: Settings
    tables: Mapping[str, pd.DataFrame]
    cases: pd.DataFrame | None = None
    survey: pd.DataFrame | None = None
    training: pd.DataFrame | None = None
    problems: tuple[Problem, ...] = ()
    inputs: tuple[InputFile, ...] = ()
    template_language: str = "en"
    scales: Mapping[str, object] = field(default_factory=dict)  # companion -> the Scale its scores are on

    @property
    def one_row_per_case(self) -> bool:
        """The case log has one row per case (no events): hand-offs, FCR and variants cannot be measured."""
        cases = self.cases
        return cases is not None and len(cases) >= 2 and not cases["case_id"].duplicated().any()

    @property
    def language(self) -> str:
        return self.settings.language

    def table(self, key: str) -> pd.DataFrame:
        """A copy of sheet *key*'s clean frame (empty with the schema's columns when absent)."""
        return self.tables[key].copy()

    def has(self, key: str) -> bool:
        """Whether sheet or companion *key* has at least one row."""
        if key in ("cases", "survey", "training"):
            frame = getattr(self, key)
            return frame is not None and len(frame) > 0
        return len(self.tables[key]) > 0

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    def problems_table(self) -> pd.DataFrame:
        return problems_frame(self.problems)


@dataclass(frozen=True)
class Validation:
    """The outcome of :func:`validate`: every problem found, and whether analysis may start."""

    path: Path
    problems: tuple[Problem, ...]
    language: str = "en"
    engagement: Engagement | None = None

    @property
    def n_errors(self) -> int:
        return sum(p.is_error for p in self.problems)

    @property
    def n_warnings(self) -> int:
        return sum(not p.is_error for p in self.problems)

    @property
    def ok(self) -> bool:
        return self.n_errors == 0

    def table(self) -> pd.DataFrame:
        return problems_frame(self.problems)




# =========================================================================== problem collection
_MAX_PER_COLUMN = 25  # problems listed one by one per (file, sheet, column, code); the rest are counted


@dataclass
class _Raw:
    severity: str
    code: str
    file: str
    sheet: str | None  # canonical key or None
    sheet_label: str | None  # the name as found in the workbook, if any
    row: int | None
    column: str | None  # canonical key or None
    column_label: str | None  # the header as found, if any
    value: object
    params: dict
    table: str | None = None  # companion schema key (cases/survey/training) for column names; sheets use ``sheet``


class _Collector:
    """Collects problems in a language-neutral form; rendered once the language is known."""

    def __init__(self) -> None:
        self.items: list[_Raw] = []
        self._counts: dict[tuple, int] = {}
        self._overflow: dict[tuple, _Raw] = {}

    def add(self, severity: str, code: str, *, file: str, sheet: str | None = None, sheet_label: str | None = None,
            row: int | None = None, column: str | None = None, column_label: str | None = None,
            value: object = None, table: str | None = None, **params: object) -> None:
        raw = _Raw(severity, code, file, sheet, sheet_label, row, column, column_label, value, dict(params), table)
        key = (file, sheet, column, code)
        n = self._counts.get(key, 0) + 1
        self._counts[key] = n
        if n <= _MAX_PER_COLUMN or column is None:
            self.items.append(raw)
        else:
            self._overflow[key] = raw

    def error(self, code: str, **kw) -> None:
        self.add(ERROR, code, **kw)

    def absorb(self, other: _Collector) -> None:
        """Add the problems collected in *other*, in order (those beyond the per-column limit counted)."""
        overflow = [r for key, r in other._overflow.items() for _ in range(other._counts[key] - _MAX_PER_COLUMN)]
        for r in other.items + overflow:
            self.add(r.severity, r.code, file=r.file, sheet=r.sheet, sheet_label=r.sheet_label, row=r.row,
                     column=r.column, column_label=r.column_label, value=r.value, table=r.table, **r.params)

    def warning(self, code: str, **kw) -> None:
        self.add(WARNING, code, **kw)

    @property
    def has_errors(self) -> bool:
        return any(r.severity == ERROR for r in self.items) or any(r.severity == ERROR for r in self._overflow.values())

    def render(self, lang: str) -> tuple[Problem, ...]:
        out = [_render(r, lang) for r in self.items]
        for key, raw in self._overflow.items():
            extra = self._counts[key] - _MAX_PER_COLUMN
            more = _Raw(raw.severity, raw.code, raw.file, raw.sheet, raw.sheet_label, None, raw.column,
                        raw.column_label, None, dict(raw.params), raw.table)  # its params: what was expected
            p = _render(more, lang)
            out.append(Problem(p.severity, p.code, p.file, p.sheet, None, p.column, None, p.expected,
                               t("intake.rows_with_problems", lang, count=extra)))
        return tuple(out)


def _render(raw: _Raw, lang: str) -> Problem:
    """One problem in *lang*: every name (sheet, column, file kind, list of columns) in that language.

    Parameters ending in ``_key``/``_keys`` are language-neutral and translated here; ``detail``
    (a reader's raw error text) never enters the message, it is kept in ``Problem.detail``.
    """
    params = dict(raw.params)
    schema_key = raw.sheet or raw.table
    detail = params.pop("detail", None)
    enum = params.pop("enum", None)
    if enum is not None:
        params["allowed"] = ", ".join(ENUMS[enum].label(k, lang) for k in ENUMS[enum].keys)
    allowed_headers = params.pop("allowed_headers", None)
    if allowed_headers is not None:
        params["allowed"] = _headers(*allowed_headers, lang)
    target = params.pop("target_key", None)
    if target is not None:
        params["target"] = t(f"intake.target.{target}", lang)
    ref = params.pop("ref_sheet_key", None)
    if ref is not None:
        params["ref_sheet"] = _sheet_title(ref, lang)
    for name in ("kind", "reason", "scale_source"):
        k = params.pop(f"{name}_key", None)
        if k is not None:
            params[name] = t(f"intake.{name}.{k}", lang)
    if params.get("file_name") in _COMPANION_KEYS:
        params["file_name"] = _sheet_title(params["file_name"], lang)
    for name in ("order", "other"):  # day/month orders (DMY …) as the date_order setting names them
        if params.get(name) in ENUMS["date_order"].keys:
            params[name] = _order_name(params[name], lang)
    he, en = params.pop("he", None), params.pop("en", None)
    if he is not None and en is not None:  # accepted names: the workbook's language first
        params["names"] = f"„{he}”" if lang == "he" else (f"“{en}” or “{he}”" if he != en else f"“{en}”")
    sheet = raw.sheet_label or (_sheet_title(raw.sheet, lang) if raw.sheet else None)
    column = raw.column_label or (_column_header(schema_key, raw.column, lang) if raw.column else None)
    if "column" not in params and column is not None:
        params["column"] = column
    if "sheet" not in params and sheet is not None:
        params["sheet"] = sheet
    params.setdefault("value", _show(raw.value))
    expected = params.pop("expected", None)
    expected_headers = params.pop("expected_headers", None)
    if expected_headers is not None:
        expected = _headers(*expected_headers, lang)
    if expected is None:
        expected = _expected(raw, params, lang)
    message = t(f"intake.{raw.code}", lang, **params, expected=expected or "")
    return Problem(raw.severity, raw.code, raw.file, sheet, raw.row, column,
                   None if raw.value is None else _show(raw.value), None if expected is None else str(expected), message,
                   None if detail is None else _show(detail, 200))


_COMPANION_KEYS = frozenset(c.key for c in COMPANIONS)

_EXPECTED_KIND = {"not_number": "number", "not_integer": "int", "not_date": "date", "not_timestamp": "timestamp",
                  "not_judgement": "judgement", "excel_error": "number"}

#: Codes whose "expected" is a fixed phrase of the catalogue (``intake.expected.<phrase>``).
_EXPECTED_PHRASE = {
    "required_empty": "value", "setting_missing": "value", "duplicate_id": "unique", "duplicate_row": "unique",
    "self_dependency": "no_cycle", "dependency_cycle": "no_cycle", "not_xlsx_xls": "xlsx", "not_xlsx_text": "xlsx",
    "not_xlsx_other": "xlsx", "corrupt": "xlsx", "unsafe_xml": "xlsx", "encrypted": "unprotected",
    "companion_unreadable": "companion", "companion_ambiguous": "one_file", "pairwise_self": "two_criteria",
    "weights_zero": "positive_weight", "bad_column_map": "column_map", "file_missing": "intake",
    "no_intake": "intake", "bad_color": "color",
}


def _expected(raw: _Raw, params: Mapping[str, object], lang: str) -> str | None:
    code = raw.code
    if "allowed" in params:
        return str(params["allowed"])
    if code == "out_of_range":
        return f"{params['lo']}–{params['hi']}"
    if code == "below_min":
        return f"≥ {params['lo']}"
    if code == "above_max":
        return f"≤ {params['hi']}"
    if code in _EXPECTED_KIND:
        return t(f"template.kind.{_EXPECTED_KIND[code]}", lang)
    if code in ("too_large", "zip_bomb"):
        return t("intake.expected.size", lang, limit=params["limit"])
    if code == "period_order":
        return f"≥ {params['start']}"
    if code == "wave_capacities":
        return t("intake.expected.wave_capacities", lang, waves=params["waves"])
    if code == "unknown_ref":
        return t("intake.expected.ref", lang, target=params["target"], ref_sheet=params["ref_sheet"])
    if code == "sheet_missing":
        return _sheet_title(raw.sheet, lang) if raw.sheet else None
    if code == "column_missing":
        return params.get("column")
    if code in _EXPECTED_PHRASE:
        return t(f"intake.expected.{_EXPECTED_PHRASE[code]}", lang)
    return None


def _headers(schema_key: str | None, keys: tuple[str, ...] | list[str], lang: str) -> str:
    """Column names of sheet/companion *schema_key* in *lang*, comma-separated."""
    return ", ".join(_column_header(schema_key, k, lang) for k in keys)


def _show(value: object, limit: int = 80) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, (dt.datetime, dt.date)):
        text = value.isoformat()
    else:
        text = str(value)
    text = text.replace("\n", " ").replace("\r", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sheet_title(key: str, lang: str) -> str:
    for group in (SHEETS, COMPANIONS):
        for s in group:
            if s.key == key:
                return s.title(lang)
    return key


def _column_header(sheet_key: str | None, column: str, lang: str) -> str:
    for group in (SHEETS, COMPANIONS):
        for s in group:
            if s.key == sheet_key:
                for c in s.columns:
                    if c.key == column:
                        return c.header(lang)
    return column


# =========================================================================== opening files safely
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


_short = short


@dataclass
class _Workbook:
    """An opened workbook: sheet names and rows, read with calamine (Rust; no XML entity expansion)."""

    book: object
    sheetnames: list[str]
    epoch: dt.datetime

    errors: Mapping[str, list[tuple[int, int, str]]] = field(default_factory=dict)

    def rows(self, name: str, *, max_rows: int = 1_100_000) -> list[list]:
        """All rows of sheet *name* as value lists (index 0 is Excel row 1; empty cells are "").

        Cells holding an Excel error (``#REF!`` …) keep the error text, so it can be reported.
        """
        sheet_ = self.book.get_sheet_by_name(name)
        rows = sheet_.to_python(skip_empty_area=False, nrows=max_rows)
        for r, c, text in self.errors.get(name, ()):
            while len(rows) <= r:
                rows.append([])
            row = rows[r]
            if len(row) <= c:
                row.extend([""] * (c + 1 - len(row)))
            row[c] = text
        return rows

    def close(self) -> None:
        self.book.close()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _safe_xml(data: bytes):
    """Parse an XML part with defusedxml (no DTD, no entities, no external references)."""
    from defusedxml.ElementTree import fromstring

    return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)


def _workbook_facts(zf: zipfile.ZipFile) -> tuple[bool, list[tuple[str, str]], dict[str, str]]:
    """From xl/workbook.xml and its relationships: the 1904 date system flag, (sheet name, r:id) pairs, r:id -> part."""
    root = _safe_xml(zf.read("xl/workbook.xml"))
    date1904 = False
    sheets: list[tuple[str, str]] = []
    for el in root.iter():
        name = _local(el.tag)
        if name == "workbookPr":
            date1904 = str(el.get("date1904", "")).strip().lower() in ("1", "true")
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
    return date1904, sheets, rels


_HAS_ERROR_CELL = re.compile(rb"""\bt\s*=\s*["']e["']""")


_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")  # A1, $B$7: column letters, row number


def _error_cells(zf: zipfile.ZipFile, sheets: list[tuple[str, str]], rels: Mapping[str, str]
                 ) -> dict[str, list[tuple[int, int, str]]]:
    """Cells holding Excel errors, per sheet name: (row index, column index, error text).

    calamine reads error cells as empty; the sheets that contain ``t="e"`` are parsed (defusedxml,
    streaming) to find them.
    """
    from defusedxml.ElementTree import iterparse
    from openpyxl.utils import column_index_from_string

    out: dict[str, list[tuple[int, int, str]]] = {}
    members = set(zf.namelist())
    for name, rid in sheets:
        target = rels.get(rid)
        if target is None or target not in members:
            continue
        data = zf.read(target)
        if not _HAS_ERROR_CELL.search(data):
            continue
        found: list[tuple[int, int, str]] = []
        for _, el in iterparse(io.BytesIO(data), events=("end",), forbid_dtd=True):
            tag = _local(el.tag)
            if tag == "c":
                m = _CELL_REF.fullmatch(el.get("r") or "") if el.get("t") == "e" else None
                if m:
                    value = next((child.text for child in el if _local(child.tag) == "v"), None)
                    if value:
                        found.append((int(m.group(2)) - 1, column_index_from_string(m.group(1).upper()) - 1, value))
            elif tag == "row":
                el.clear()
        if found:
            out[name] = found
    return out


def _open_workbook(path: Path, col: _Collector, *, file: str) -> _Workbook | None:
    """Open an .xlsx safely (size, type and zip-bomb checks first); None after recording a problem."""
    import python_calamine as pc

    if not _check_file(path, col, file=file) or not _sniff_workbook(path, col, file=file):
        return None
    try:
        with zipfile.ZipFile(path) as zf:
            date1904, sheets, rels = _workbook_facts(zf)
            epoch = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
            errors = _error_cells(zf, sheets, rels)
        book = pc.CalamineWorkbook.from_path(str(path))
        names = [m.name for m in book.sheets_metadata if m.typ == pc.SheetTypeEnum.WorkSheet]
        return _Workbook(book, names, epoch, errors)
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


# =========================================================================== cell coercion
_EXCEL_ERRORS = {"#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
                 "#GETTING_DATA"}
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f\u200e\u200f]+")
_FRACTION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)\s*$")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d", "%d/%m/%y", "%d.%m.%y")
_TIME_SUFFIXES = ("", " %H:%M", " %H:%M:%S", "T%H:%M", "T%H:%M:%S")
_MONTH_FORMATS = ("%Y-%m", "%m/%Y", "%Y/%m", "%m.%Y", "%m-%Y")
_SPLIT_IDS = re.compile(r"[,;\n]+")


class _Bad(Exception):
    """A cell value that does not fit its column: carries the problem code and parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not _SPACES.sub("", value)) or (
        isinstance(value, float) and math.isnan(value))


def _as_text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if (value.hour, value.minute, value.second) != (0, 0, 0) else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _as_number(value: object) -> float:
    if isinstance(value, bool):
        raise _Bad("not_number")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise _Bad("not_number")
        return float(value)
    if isinstance(value, str):
        text = _SPACES.sub("", value)
        if text.upper() in _EXCEL_ERRORS:
            raise _Bad("excel_error")
        if text.endswith("%"):
            text = text[:-1]
        if _THOUSANDS.match(text):
            text = text.replace(",", "")
        try:
            number = float(text)
        except ValueError:
            raise _Bad("not_number") from None
        if not math.isfinite(number):
            raise _Bad("not_number")
        return number
    raise _Bad("not_number")


def _from_serial(serial: float, epoch: dt.datetime) -> dt.datetime:
    if not 1 <= serial < 2_958_466:
        raise _Bad("not_date")
    return epoch + dt.timedelta(days=float(serial))


def _as_date(value: object, epoch: dt.datetime, *, month_ok: bool = False) -> dt.date:
    date = _parse_date(value, epoch, month_ok=month_ok)
    if not 1900 <= date.year <= 2200:
        raise _Bad("not_date")
    return date


def _parse_date(value: object, epoch: dt.datetime, *, month_ok: bool) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise _Bad("not_date")
    if isinstance(value, (int, float)):
        return _from_serial(float(value), epoch).date()
    if isinstance(value, str):
        text = " ".join(value.split())
        if text.upper() in _EXCEL_ERRORS:
            raise _Bad("excel_error")
        text = text.replace("Z", "")
        for fmt in _DATE_FORMATS:
            for suffix in _TIME_SUFFIXES:
                try:
                    return dt.datetime.strptime(text, fmt + suffix).date()
                except ValueError:
                    continue
        try:
            return dt.datetime.fromisoformat(text).date()
        except ValueError:
            pass
        if month_ok:
            for fmt in _MONTH_FORMATS:
                try:
                    return dt.datetime.strptime(text, fmt).date()
                except ValueError:
                    continue
        if re.fullmatch(r"\d+(\.\d+)?", text):
            return _from_serial(float(text), epoch).date()
    raise _Bad("not_date")


def _coerce(value: object, column: Column, epoch: dt.datetime, lookups: Mapping[str, Mapping[str, str]]) -> object:
    """Turn one raw cell into the column's clean value, or raise :class:`_Bad`."""
    kind = column.kind
    if isinstance(value, str) and value.strip().upper() in _EXCEL_ERRORS and kind not in ("text",):
        raise _Bad("excel_error")
    if kind in ("text", "id"):
        return _as_text(value)
    if kind in ("int", "number", "score"):
        number = _as_number(value)
        if kind in ("int", "score") and not number.is_integer():
            raise _Bad("not_integer")
        _check_range(number, column)
        return int(number) if kind == "int" else number
    if kind == "judgement":
        if isinstance(value, str) and (m := _FRACTION.match(value)):
            den = float(m.group(2))
            if den == 0:
                raise _Bad("not_judgement")
            number = float(m.group(1)) / den
        else:
            try:
                number = _as_number(value)
            except _Bad:
                raise _Bad("not_judgement") from None
        if not (1 / 9 * 0.98 <= number <= 9 * 1.0001):
            raise _Bad("not_judgement")
        return number
    if kind in ("date", "period"):
        return _as_date(value, epoch, month_ok=kind == "period")
    if kind == "enum":
        text = _as_text(value)
        if isinstance(value, bool):
            text = "yes" if value else "no"
        key = lookups[column.enum].get(normalize_name(text))
        if key is None:
            raise _Bad("not_in_enum", enum=column.enum)
        return key
    if kind in ("ids", "list"):
        return tuple(p.strip() for p in _SPLIT_IDS.split(_as_text(value)) if p.strip())
    if kind == "timestamp":
        ts = _to_utc(pd.Series([_as_text(value)], dtype="string"), format="ISO8601").iloc[0]
        if pd.isna(ts):
            raise _Bad("not_timestamp")
        return ts
    raise AssertionError(kind)  # pragma: no cover - schema is checked on import


def _check_range(number: float, column: Column) -> None:
    lo, hi = column.lo, column.hi
    if lo is not None and hi is not None and not lo <= number <= hi:
        raise _Bad("out_of_range", lo=_fmt(lo), hi=_fmt(hi))
    if lo is not None and hi is None and number < lo:
        raise _Bad("below_min", lo=_fmt(lo))
    if hi is not None and lo is None and number > hi:
        raise _Bad("above_max", hi=_fmt(hi))


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.3g}"


_DTYPES = {"id": "string", "text": "string", "enum": "string", "int": "Int64", "number": "float64",
           "score": "float64", "judgement": "float64", "date": "datetime64[ns]", "period": "datetime64[ns]",
           "timestamp": "datetime64[ns, UTC]"}


def _empty_frame(sheet_schema: Sheet) -> pd.DataFrame:
    data = {c.key: pd.Series([], dtype=_DTYPES.get(c.kind, "object")) for c in sheet_schema.columns}
    data["_row"] = pd.Series([], dtype="int64")
    return pd.DataFrame(data)


def _typed_column(values: list, kind: str) -> pd.Series:
    if kind in ("ids", "list"):
        return pd.Series([v if v is not None else () for v in values], dtype="object")
    if kind in ("date", "period"):
        return pd.to_datetime(pd.Series(values, dtype="object"), errors="coerce").astype("datetime64[ns]")
    return pd.Series(values, dtype=_DTYPES.get(kind, "object"))


# =========================================================================== reading one table sheet
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
class _SheetRead:
    frame: pd.DataFrame
    labels: Mapping[str, str]  # canonical column key -> header as found
    sheet_label: str


def _read_table(rows: list[tuple], sheet_schema: Sheet, sheet_label: str, col: _Collector, *, file: str,
                epoch: dt.datetime) -> _SheetRead | None:
    index = _name_index(sheet_schema)
    header_i = _find_header(rows, index)
    where = dict(file=file, sheet=sheet_schema.key, sheet_label=sheet_label)
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
    for i in range(header_i + 1, len(rows)):
        row = rows[i]
        cells = {k: (row[j] if j < len(row) else None) for k, j in positions.items()}
        if all(_blank(v) for v in cells.values()):
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
            if _blank(raw):
                if c.required:
                    col.error("required_empty", **where, row=excel_row, column=key, column_label=labels[key])
                clean[key] = None
                continue
            try:
                clean[key] = _coerce(raw, c, epoch, lookups)
            except _Bad as bad:
                col.error(bad.code, **where, row=excel_row, column=key, column_label=labels[key],
                          value=None if c.identifier else raw, **bad.params)
                clean[key] = None
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
    for name, values in extra_data.items():
        if name not in frame.columns:
            frame[name] = pd.Series(values, dtype="string")
    return _SheetRead(frame, labels, sheet_label)


def _letter(j: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(j + 1)


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


# =========================================================================== the Engagement (settings) sheet
def _read_settings(rows: list[tuple], sheet_label: str, col: _Collector, *, file: str, epoch: dt.datetime,
                   lookups: Mapping[str, Mapping[str, str]]) -> tuple[dict[str, object], dict[str, int]]:
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
        if _blank(raw):
            continue
        try:
            values[setting.key] = _coerce(raw, setting, epoch, lookups)
        except _Bad as bad:
            col.error(bad.code, **where, row=i + 1, column=setting.key, column_label=_as_text(name), value=raw,
                      **bad.params)
    return values, where_rows


_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


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
    if not ok:
        return None
    kwargs = {c.key: values[c.key] for c in SETTINGS if values.get(c.key) is not None}
    if "service_values" in kwargs:
        kwargs["service_values"] = tuple(kwargs["service_values"])
    return Settings(**kwargs)


# =========================================================================== checks across rows and sheets
def _check_unique(read: _SheetRead, sheet_schema: Sheet, col: _Collector, *, file: str) -> None:
    frame = read.frame
    where = dict(file=file, sheet=sheet_schema.key, sheet_label=read.sheet_label)
    for c in sheet_schema.columns:
        if not c.unique or frame.empty:
            continue
        values = frame[c.key]
        keys = values.str.casefold() if c.kind in ("id", "text") else values
        dup = keys.duplicated(keep="first") & keys.notna()
        if dup.any():
            first_row = frame.loc[~keys.duplicated(keep="first")].set_index(keys[~keys.duplicated(keep="first")])["_row"]
            for idx in np.flatnonzero(dup.to_numpy()):
                col.error("duplicate_id", **where, row=int(frame["_row"].iat[idx]), column=c.key,
                          column_label=read.labels.get(c.key), value=values.iat[idx],
                          other=int(first_row[keys.iat[idx]]))
    together = [k for k in sheet_schema.unique_together]
    if together and not frame.empty:
        key_frame = frame[together].astype("string").apply(lambda s: s.str.casefold()).fillna("")
        dup = key_frame.duplicated(keep="first")
        if dup.any():
            firsts = frame.loc[~dup, "_row"].to_numpy()
            first_keys = key_frame.loc[~dup].apply(tuple, axis=1).tolist()
            lookup = dict(zip(first_keys, firsts))
            names = ", ".join(read.labels.get(k, k) for k in together)
            for idx in np.flatnonzero(dup.to_numpy()):
                row_key = tuple(key_frame.iloc[idx])
                col.error("duplicate_row", **where, row=int(frame["_row"].iat[idx]), columns=names,
                          other=int(lookup[row_key]))


def _check_refs(reads: Mapping[str, _SheetRead], col: _Collector, *, file: str) -> None:
    def ids(sheet_key: str, column: str) -> set[str]:
        r = reads.get(sheet_key)
        if r is None:
            return set()
        return {v.casefold() for v in r.frame[column].dropna()}

    service_ids = ids("Services", "service_id")
    kpi_ids = ids("KPIs", "kpi_id")
    action_ids = ids("Actions", "action_id")
    rules = (
        ("Channels", "service_id", service_ids, "service", "Services", ()),
        ("Standards", "service_id", service_ids, "service", "Services", ("*",)),
        ("KPIs", "service_id", service_ids, "service", "Services", ()),
        ("Actions", "service_id", service_ids, "service", "Services", ()),
        ("KPI values", "kpi_id", kpi_ids, "kpi", "KPIs", ()),
        ("Lessons", "action_id", action_ids, "action", "Actions", ()),
    )
    for sheet_key, column, known, target, ref_sheet, wildcards in rules:
        r = reads.get(sheet_key)
        if r is None or r.frame.empty or (sheet_key != "Lessons" and ref_sheet not in reads):
            continue
        values = r.frame[column]
        for idx in np.flatnonzero(values.notna().to_numpy()):
            v = values.iat[idx]
            if v.casefold() not in known and v not in wildcards:
                col.error("unknown_ref", file=file, sheet=sheet_key, sheet_label=r.sheet_label,
                          row=int(r.frame["_row"].iat[idx]), column=column, column_label=r.labels.get(column), value=v,
                          target_key=target, ref_sheet_key=ref_sheet)
    services = reads.get("Services")
    if services is not None and not services.frame.empty:
        _check_dependencies(services, service_ids, col, file=file)


def _check_dependencies(read: _SheetRead, known: set[str], col: _Collector, *, file: str) -> None:
    frame = read.frame
    where = dict(file=file, sheet="Services", sheet_label=read.sheet_label, column="depends_on",
                 column_label=read.labels.get("depends_on"))
    graph: dict[str, list[str]] = {}
    rows: dict[str, int] = {}
    for sid, deps, row in zip(frame["service_id"], frame["depends_on"], frame["_row"]):
        if sid is None or sid is pd.NA:
            continue
        me = sid.casefold()
        rows.setdefault(me, int(row))
        for d in deps:
            if d.casefold() == me:
                col.error("self_dependency", **where, row=int(row), value=sid)
            elif d.casefold() not in known:
                col.error("unknown_ref", **where, row=int(row), value=d, target_key="service", ref_sheet_key="Services")
            else:
                graph.setdefault(me, []).append(d.casefold())
    names = {sid.casefold(): sid for sid in frame["service_id"].dropna()}
    for cycle in _cycles(graph):
        text = " → ".join(names.get(n, n) for n in (*cycle, cycle[0]))
        col.error("dependency_cycle", **where, row=rows.get(cycle[0]), value=names.get(cycle[0], cycle[0]), cycle=text)


def _cycles(graph: Mapping[str, list[str]]) -> list[tuple[str, ...]]:
    """One representative cycle per strongly connected component with a cycle (Tarjan, 1972)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[tuple[str, ...]] = []
    counter = [0]

    def visit(root: str) -> None:
        work = [(root, iter(graph.get(root, ())))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on.add(child)
                    work.append((child, iter(graph.get(child, ()))))
                    advanced = True
                    break
                if child in on:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    component.append(w)
                    if w == node:
                        break
                if len(component) > 1:
                    found.append(tuple(sorted(component)))

    for n in sorted(graph):
        if n not in index:
            visit(n)
    return found


def _check_criteria(reads: Mapping[str, _SheetRead], col: _Collector, *, file: str) -> dict[str, pd.DataFrame]:
    """Map criterion names (English or Hebrew) to Services column keys; returns replaced frames."""
    services = sheet("Services")
    allowed = {normalize_name(n): c.key for c in services.columns if c.key in CRITERIA_COLUMNS for n in c.names()}
    out: dict[str, pd.DataFrame] = {}
    criteria = reads.get("Criteria")
    known: set[str] = set()
    if criteria is not None and not criteria.frame.empty:
        frame = criteria.frame
        keys = []
        for name, row in zip(frame["criterion"], frame["_row"]):
            key = allowed.get(normalize_name(name)) if name is not None and name is not pd.NA else None
            if key is None and name is not None and name is not pd.NA:
                col.error("criterion_unknown", file=file, sheet="Criteria", sheet_label=criteria.sheet_label,
                          row=int(row), column="criterion", column_label=criteria.labels.get("criterion"), value=name,
                          allowed_headers=("Services", CRITERIA_COLUMNS))
            keys.append(key)
            if key:
                known.add(key)
        out["Criteria"] = frame.assign(criterion=pd.Series(keys, dtype="string", index=frame.index))
        weights = frame["weight"].dropna()
        if len(weights) and (weights <= 0).all():
            col.error("weights_zero", file=file, sheet="Criteria", sheet_label=criteria.sheet_label, column="weight",
                      column_label=criteria.labels.get("weight"))
    pairwise = reads.get("Pairwise")
    if pairwise is not None and not pairwise.frame.empty:
        frame = pairwise.frame
        pool = known or set(CRITERIA_COLUMNS)
        mapped = {}
        for column in ("criterion_a", "criterion_b"):
            keys = []
            for name, row in zip(frame[column], frame["_row"]):
                key = allowed.get(normalize_name(name)) if name is not None and name is not pd.NA else None
                if name is not None and name is not pd.NA and (key is None or key not in pool):
                    col.error("criterion_unknown", file=file, sheet="Pairwise", sheet_label=pairwise.sheet_label,
                              row=int(row), column=column, column_label=pairwise.labels.get(column), value=name,
                              allowed_headers=("Services", tuple(k for k in CRITERIA_COLUMNS if k in pool)))
                keys.append(key)
            mapped[column] = pd.Series(keys, dtype="string", index=frame.index)
        same = (mapped["criterion_a"] == mapped["criterion_b"]).fillna(False)
        for idx in np.flatnonzero(same.to_numpy()):
            col.error("pairwise_self", file=file, sheet="Pairwise", sheet_label=pairwise.sheet_label,
                      row=int(frame["_row"].iat[idx]), column="criterion_b",
                      column_label=pairwise.labels.get("criterion_b"), value=frame["criterion_b"].iat[idx])
        out["Pairwise"] = frame.assign(**mapped)
    return out


def _check_standards(reads: Mapping[str, _SheetRead], col: _Collector, *, file: str) -> dict[str, pd.DataFrame]:
    standards = reads.get("Standards")
    if standards is None or standards.frame.empty:
        return {}
    frame = standards.frame
    kpis = {v.casefold() for v in reads["KPIs"].frame["kpi_id"].dropna()} if "KPIs" in reads else set()
    channel_lookup = ENUMS["channel"].lookup()
    where = dict(file=file, sheet="Standards", sheet_label=standards.sheet_label)
    channels = []
    for measure, channel, row in zip(frame["measure"], frame["channel"], frame["_row"]):
        if measure is not None and measure is not pd.NA:
            m = normalize_name(measure).replace(" ", "_")
            if m not in STANDARD_MEASURES and measure.casefold() not in kpis:
                col.error("measure_unknown", **where, row=int(row), column="measure",
                          column_label=standards.labels.get("measure"), value=measure,
                          allowed=", ".join(STANDARD_MEASURES))
        if channel is None or channel is pd.NA or channel.strip() in ("*", ""):
            channels.append("*")
            continue
        key = channel_lookup.get(normalize_name(channel))
        if key is None:
            col.error("not_in_enum", **where, row=int(row), column="channel", column_label=standards.labels.get("channel"),
                      value=channel, enum="channel")
        channels.append(key)
    measures = [normalize_name(m).replace(" ", "_") if normalize_name(m).replace(" ", "_") in STANDARD_MEASURES else m
                for m in frame["measure"].fillna("")]
    return {"Standards": frame.assign(channel=pd.Series(channels, dtype="string", index=frame.index),
                                      measure=pd.Series(measures, dtype="string", index=frame.index))}


# =========================================================================== companion files
ColumnMap = Mapping[str, Mapping[str, str]]  # file -> {normalised their column -> our column key}


def parse_column_map(text: str | None, rows: pd.DataFrame | None = None, *, col: _Collector | None = None,
                     file: str = "intake.xlsx") -> dict[str, dict[str, str]]:
    """Column maps from the Engagement ``column_map`` setting and the optional Columns sheet.

    The setting reads ``cases.Ticket=case_id; survey.Q1=satisfaction`` (``;`` or new lines between
    entries); the Columns sheet has one row per mapping (file, their_column, our_column).
    """
    out: dict[str, dict[str, str]] = {c.key: {} for c in COMPANIONS}
    file_lookup = ENUMS["companion_file"].lookup()
    entries: list[tuple[str | None, str, str, int | None, str]] = []
    for part in re.split(r"[;\n]+", text or ""):
        if not part.strip():
            continue
        m = re.match(r"^\s*([^.=]+)\.(.+?)=(.+)$", part)
        if not m:
            if col is not None:
                col.error("bad_column_map", file=file, sheet="Engagement", column="column_map", value=part.strip())
            continue
        entries.append((file_lookup.get(normalize_name(m.group(1))), m.group(2), m.group(3), None, "Engagement"))
    if rows is not None and not rows.empty:
        for f, their, our, row in zip(rows["file"], rows["their_column"], rows["our_column"], rows["_row"]):
            if f is pd.NA or their is pd.NA or our is pd.NA:
                continue
            entries.append((f, their, our, int(row), "Columns"))
    for f, their, our, row, sheet_key in entries:
        if f is None:
            if col is not None:
                col.error("bad_column_map", file=file, sheet=sheet_key, row=row, column="column_map", value=their)
            continue
        schema_ = companion(f)
        index = _name_index(schema_)
        key = index.get(normalize_name(our))
        if key is None:
            if col is not None:
                col.error("map_unknown_column", file=file, sheet=sheet_key, row=row, value=our, file_name=f,
                          allowed_headers=(f, tuple(c.key for c in schema_.columns)))
            continue
        out[f][normalize_name(their)] = key
    return out


class _Unreadable(Unreadable):
    """A companion file that cannot be read (see :class:`svcwork.exports.text.Unreadable`)."""


@dataclass(frozen=True)
class _ReadOptions:
    """How one engagement's companion exports are read: from the Engagement and Scales sheets."""

    tz: str = "UTC"
    date_order: str | None = None
    default_order: str = "DMY"
    column_map: ColumnMap | None = None
    scales: Mapping[str, Mapping[str, tuple[Scale | None, Mapping[str, float]]]] = field(default_factory=dict)
    key: bytes | None = None


@dataclass(frozen=True)
class _TableRead:
    """A companion file as raw strings, with the file row of its first data row and the reader's notes."""

    frame: pd.DataFrame
    first_row: int
    epoch: dt.datetime = EXCEL_EPOCH


def _unpacked_limit() -> int:
    return int(_limit_mb("SVCWORK_MAX_UNPACKED_MB", default_max_mb()) * 1e6)


def _fill_merged(rows: list[list], ranges: list, col: _Collector, *, file: str) -> list[list]:
    """Merged cells filled from their top-left value (a warning lists the ranges)."""
    if not ranges:
        return rows
    out = [list(r) for r in rows]
    names = []
    for (r0, c0), (r1, c1) in ranges:
        if r0 >= len(out):
            continue
        top = out[r0][c0] if c0 < len(out[r0]) else ""
        for r in range(r0, min(r1, len(out) - 1) + 1):
            row = out[r]
            if len(row) <= c1:
                row.extend([""] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                row[c] = top
        names.append(f"{_letter(c0)}{r0 + 1}:{_letter(c1)}{r1 + 1}")
    col.warning("merged_cells", file=file, count=len(names), found=", ".join(names[:5]) + (" …" if len(names) > 5 else ""))
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


def _rows_text(rows: pd.Series, idx: tuple) -> str:
    return ", ".join(str(int(rows.loc[i])) for i in idx)


def _order_name(order: str, lang: str = "en") -> str:
    return ENUMS["date_order"].label(order, lang)


def _read_dates(texts: Mapping[str, pd.Series], columns: list[Column], *, opts: _ReadOptions,
                epoch: dt.datetime) -> dict[str, DatesRead]:
    """The date columns of one file read together: an order one column proves holds for those that could only assume.

    One export writes its dates one way; a deadline column with no day above 12 is read in the order
    the event times prove (as proven, no warning), never in the default.
    """
    reads = {c.key: read_datetimes(texts[c.key], order=opts.date_order, default_order=opts.default_order, epoch=epoch)
             for c in columns}
    proven = {r.order for r in reads.values() if r.order_source == "data"}
    if opts.date_order is None and len(proven) == 1:
        order = proven.pop()
        for k, r in reads.items():
            if r.order_source == "default" and r.order is not None:
                reads[k] = replace(read_datetimes(texts[k], order=order, default_order=order, epoch=epoch),
                                   order_source="data")
    return reads


def _read_times(text: pd.Series, c: Column, label: str, rows: pd.Series, col: _Collector, where: dict, *,
                opts: _ReadOptions, epoch: dt.datetime, groups: pd.Series | None, r: DatesRead
                ) -> tuple[pd.Series, tuple[str, ...], str | None, bool]:
    """A date or timestamp column read as meant (see :mod:`svcwork.exports.dates`), its problems recorded.

    *r* is the column as :func:`_read_dates` read it.  Returns the values, the time-zone offsets seen,
    the day/month order used (None: no value could swap) and whether the data proved that order.
    """
    code = "not_timestamp" if c.kind == "timestamp" else "not_date"
    other = {"DMY": "MDY", "MDY": "DMY"}.get(r.order or "", "")
    if r.contradicting:
        first = r.contradicting[0]
        if r.mixed:
            col.error("date_order_mixed", **where, row=int(rows.loc[first]), column=c.key, column_label=label,
                      value=text.loc[first], order=r.order, other=other, proof=_rows_text(rows, r.proof),
                      rows=_rows_text(rows, r.contradicting))
        else:
            col.error("date_order_contradicted", **where, row=int(rows.loc[first]), column=c.key, column_label=label,
                      value=text.loc[first], order=r.order, other=other, rows=_rows_text(rows, r.contradicting))
        # values that are dates in the other order are that one problem, not "not a date" one by one
        _report_bad(col, r.bad & ~_swappable_bad(text, r, other, epoch), rows, text, code, where, c, label)
    else:
        _report_bad(col, r.bad, rows, text, code, where, c, label)
    if r.order_source == "default" and r.order is not None:
        swappable = (r.naive.notna() | r.aware.notna())
        i = swappable[swappable].index[0]
        value = r.naive.loc[i] if pd.notna(r.naive.loc[i]) else r.aware.loc[i]
        col.warning("date_order_assumed", **where, row=int(rows.loc[i]), column=c.key, column_label=label,
                    value=text.loc[i], order=r.order, count=int(swappable.sum()),
                    example=pd.Timestamp(value).strftime("%Y-%m-%d"))
    if c.kind == "date":
        return as_dates(r), (), r.order, r.order_source == "data"
    local = localize(r.naive, opts.tz, groups=groups)
    if local.ambiguous.any():
        n, by = int(local.ambiguous.sum()), int(local.by_order.sum())
        first_i = local.ambiguous[local.ambiguous].index[0]
        col.warning("dst_ambiguous", **where, row=int(rows.loc[first_i]), column=c.key, column_label=label,
                    value=text.loc[first_i], count=n, by_order=by, first=n - by, tz=opts.tz)
    if local.shifted.any():
        first_i = local.shifted[local.shifted].index[0]
        col.warning("dst_shifted", **where, row=int(rows.loc[first_i]), column=c.key, column_label=label,
                    value=text.loc[first_i], count=int(local.shifted.sum()), tz=opts.tz)
    values = r.aware.combine_first(local.utc).astype(_UTC)
    if len(r.offsets) > 1:
        col.warning("mixed_offsets", **where, column=c.key, column_label=label, count=len(r.offsets),
                    found=", ".join(sorted(r.offsets)))
    return values, tuple(sorted(r.offsets)), r.order, r.order_source == "data"


def _swappable_bad(text: pd.Series, r, other: str, epoch: dt.datetime) -> pd.Series:  # noqa: ANN001 - DatesRead
    """The values not read in the order used that read in the *other* order (all of them, not only those quoted)."""
    mask = pd.Series(False, index=text.index)
    mask.loc[list(r.contradicting)] = True
    if other and r.bad.any():
        again = read_datetimes(text[r.bad], order=other, default_order=other, epoch=epoch)
        mask.loc[again.bad.index[~again.bad.to_numpy()]] = True
    return mask


def _read_item(text: pd.Series, c: Column, label: str, rows: pd.Series, col: _Collector, where: dict, *,
               spec: tuple[Scale | None, Mapping[str, float]] | None, convert: bool) -> pd.Series:
    """A survey question read on its scale (labels, don't-know answers); on 1–5 when *convert*."""
    declared, labels = spec or (None, {})
    fixed = Scale(c.lo, c.hi) if not convert else None  # NPS 0–10 and CES 1–7 keep their own scales
    item = read_item(text, scale=declared or fixed, labels=labels)
    bad = item.unknown | item.out_of_scale
    scale_name = item.scale.name
    _report_bad(col, item.unknown, rows, text, "unknown_label", where, c, label, scale=scale_name)
    _report_bad(col, item.out_of_scale & ~item.unknown, rows, text, "out_of_range", where, c, label,
                lo=_fmt(item.scale.lo), hi=_fmt(item.scale.hi))
    if item.dont_know:
        col.warning("dont_know", **where, column=c.key, column_label=label, count=item.dont_know)
    if item.conflicts:
        col.warning("label_conflict", **where, column=c.key, column_label=label, count=item.conflicts)
    if item.labelled:
        first = text[item.values.notna() & ~text.str.fullmatch(r"[\d.,%\s]+").fillna(False)]
        col.warning("labels_read", **where, column=c.key, column_label=label, count=item.labelled,
                    value=first.iloc[0] if len(first) else None)
    values = item.values.mask(bad)
    if convert and (item.scale.lo, item.scale.hi) != (1, 5):
        if item.proven or item.scale_source == "declared":
            col.warning("scale_read", **where, column=c.key, column_label=label, scale=scale_name,
                        scale_source_key=item.scale_source)
        else:
            col.warning("scale_assumed", **where, column=c.key, column_label=label, scale=scale_name,
                        lo=_fmt(values.min()), hi=_fmt(values.max()))
        values = item.scale.to_five(values)
    return values.astype("float64")


#: Trimmed from both ends of every companion cell: white space and invisible direction marks (LRM, RLM,
#: embeddings, isolates, a stray BOM), which Hebrew exports put around dates and names.
_STRIP = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace()) + "\u200e\u200f\u202a\u202b\u202c\u202d\u202e" \
    "\u2066\u2067\u2068\u2069\ufeff"


def _companion_frame(table: _TableRead, name: str, col: _Collector, *, file: str,
                     opts: _ReadOptions) -> tuple[pd.DataFrame | None, Mapping[str, Scale]]:
    """A companion's raw table checked, typed and pseudonymised; the scales its scores are on."""
    raw, first_row = table.frame, table.first_row
    schema_ = companion(name)
    index = _name_index(schema_)
    mapping = dict((opts.column_map or {}).get(name, {}))
    rename: dict[str, str] = {}
    labels: dict[str, str] = {}
    for original in raw.columns:
        norm = normalize_name(original)
        key_ = mapping.get(norm) or index.get(norm)
        if key_ is not None and key_ not in labels:
            rename[original] = key_
            labels[key_] = str(original)
    where = dict(file=file, sheet=None, table=name)
    if len(raw.columns) == 0:  # an empty file: like a missing one, the analyses that need it are skipped
        col.warning("companion_empty", **where, file_name=name)
        return None, {}
    found = ", ".join(map(str, raw.columns)) or "—"
    missing = [c for c in schema_.required_columns if c.key not in labels]
    for c in missing:
        col.error("column_missing", **where, row=first_row - 1, column=c.key, he=c.he, en=c.en, found=found)
    if missing:
        return None, {}
    if name == "survey" and not any(c.kind == "score" and c.key in labels for c in schema_.columns):
        col.warning("no_survey_items", **where, found=found)
    frame = raw[list(rename)].rename(columns=rename)
    rows = pd.Series(np.arange(first_row, first_row + len(frame)), index=frame.index, dtype="int64")
    texts: dict[str, pd.Series] = {}
    for k in frame.columns:
        text = frame[k].astype("string").str.strip(_STRIP)
        texts[k] = text.mask(text == "")
    filled = pd.Series(False, index=frame.index)
    for text in texts.values():
        filled |= text.notna()
    others = [c for c in raw.columns if c not in rename]
    if others:
        filled |= (raw[others].notna() & (raw[others] != "")).any(axis=1).to_numpy()
    if not filled.all():  # blank lines / rows are tolerated quietly; the others keep their file row numbers
        keep = filled.to_numpy()
        frame, rows = frame.loc[keep], rows.loc[keep]
        texts = {k: v.loc[keep] for k, v in texts.items()}
    if len(frame) == 0:
        col.warning("companion_empty", **where, file_name=name)
    out: dict[str, pd.Series] = {}
    found_offsets: dict[str, tuple[str, ...]] = {}
    orders: dict[str, str | None] = {}
    orders_proven: dict[str, str] = {}
    scales: dict[str, Scale] = {}
    file_scales = opts.scales.get(name, {})
    groups = texts.get("case_id") if name == "cases" else None
    dates = _read_dates(texts, [c for c in schema_.columns if c.kind in ("date", "timestamp") and c.key in texts],
                        opts=opts, epoch=table.epoch)
    if name == "training" and "pre_score" in texts and "post_score" in texts:
        declared = (file_scales.get("pre_score") or file_scales.get("post_score") or file_scales.get("*")
                    or (None, {}))[0]
        scores = read_scores(texts["pre_score"], texts["post_score"], scale=declared)
        for k, values, unknown, outside in (("pre_score", scores.pre, scores.pre_unknown, scores.pre_out_of_scale),
                                            ("post_score", scores.post, scores.post_unknown,
                                             scores.post_out_of_scale)):
            c = schema_.column(k)
            present = texts[k].notna()
            for r in rows[~present].to_numpy():
                col.error("required_empty", **where, row=int(r), column=k, column_label=labels[k])
            _report_bad(col, unknown, rows, texts[k], "not_number", where, c, labels[k])
            _report_bad(col, outside & ~unknown, rows, texts[k], "out_of_range", where, c, labels[k],
                        lo=_fmt(scores.scale.lo), hi=_fmt(scores.scale.hi))
            out[k] = values.mask(unknown | outside).astype("float64")
            dont_know = int((present & values.isna() & ~unknown & ~outside).sum())  # "N/A", "לא רלוונטי" …
            if dont_know:
                col.warning("dont_know", **where, column=k, column_label=labels[k], count=dont_know)
        scales["training"] = scores.scale
        if scores.scale_source != "declared" and (scores.scale.lo, scores.scale.hi) != (1, 5):
            both = pd.concat([out["pre_score"], out["post_score"]])
            if scores.proven:
                col.warning("training_scale", **where, column="pre_score", column_label=labels["pre_score"],
                            scale=scores.scale.name, scale_source_key=scores.scale_source)
            else:
                col.warning("scale_assumed", **where, column="pre_score", column_label=labels["pre_score"],
                            scale=scores.scale.name, lo=_fmt(both.min()), hi=_fmt(both.max()))
    for c in schema_.columns:
        if c.key in out:
            continue
        if c.key not in frame.columns:
            out[c.key] = pd.Series(pd.NA if c.kind not in ("timestamp", "date", "number", "score") else np.nan,
                                   index=frame.index, dtype=_DTYPES.get(c.kind, "object"))
            continue
        text = texts[c.key]
        present = text.notna()
        label = labels[c.key]
        if c.required:
            for r in rows[~present].to_numpy():
                col.error("required_empty", **where, row=int(r), column=c.key, column_label=label)
        if c.kind in ("id", "text"):
            values = text.str.replace(r"\.0$", "", regex=True) if c.kind == "id" else text
        elif c.kind == "score":
            values = _read_item(text, c, label, rows, col, where, spec=file_scales.get(c.key) or file_scales.get("*"),
                                convert=(c.lo, c.hi) == (1, 5))
        elif c.kind == "number":
            values = pd.to_numeric(text.str.replace(",", ".", regex=False) if _comma_decimal(text) else text,
                                   errors="coerce").astype("float64")
            _report_bad(col, present & values.isna(), rows, text, "not_number", where, c, label)
            if c.lo is not None and c.hi is not None:
                out_of = values.notna() & ((values < c.lo) | (values > c.hi))
                _report_bad(col, out_of, rows, text, "out_of_range", where, c, label, lo=_fmt(c.lo), hi=_fmt(c.hi))
                values = values.mask(out_of)
        elif c.kind in ("date", "timestamp"):
            values, offsets, orders[c.key], proven = _read_times(text, c, label, rows, col, where, opts=opts,
                                                                 epoch=table.epoch, groups=groups, r=dates[c.key])
            if proven:
                orders_proven[c.key] = orders[c.key]
            if c.kind == "timestamp":
                found_offsets[c.key] = offsets
        else:  # pragma: no cover - companions use the kinds above only
            values = text
        if c.identifier:
            values = pseudonymise(values, namespace=_namespace(c.key), key=opts.key)
        out[c.key] = values
    result = pd.DataFrame({c.key: out[c.key] for c in schema_.columns}, index=frame.index)
    result["_row"] = rows
    for c in schema_.columns:
        if c.unique and c.key in labels:
            values = result[c.key]
            present = values.notna().to_numpy(dtype=bool)
            dup = values.duplicated(keep="first").to_numpy(dtype=bool) & present
            if dup.any():
                firsts = dict(zip(values[present & ~dup], rows[present & ~dup].to_numpy()))
                for r, v in zip(rows[dup].to_numpy(), values[dup]):
                    col.error("duplicate_id", **where, row=int(r), column=c.key, column_label=labels[c.key], value=v,
                              other=int(firsts[v]))
    result = result.reset_index(drop=True)
    result.attrs["offsets"] = found_offsets  # time-zone offsets seen per timestamp column (normalised to UTC)
    result.attrs["date_orders"] = orders  # the day/month order each date column was read in (None: no choice)
    result.attrs["orders_proven"] = orders_proven  # … of those, the orders the data proved
    return result, scales


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
    frames, scales, offsets, orders = [], {}, {}, {}
    for p, frame, sc, _ in parts:
        if frame is None:
            return None, {}
        frames.append(frame.assign(_file=p.name) if len(found.paths) > 1 else frame)
        scales.update(sc)
        for k, v in frame.attrs.get("offsets", {}).items():
            offsets[k] = tuple(sorted(set(offsets.get(k, ())) | set(v)))
        for k, v in frame.attrs.get("date_orders", {}).items():
            orders[k] = orders.get(k) or v
    result = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    result.attrs["offsets"] = offsets
    result.attrs["date_orders"] = orders
    return result, scales


def _read_part(path: Path, name: str, col: _Collector, opts: _ReadOptions
               ) -> tuple[Path, pd.DataFrame | None, Mapping[str, Scale], _Collector]:
    """One file of a companion: (path, frame or None, scales, the collector its problems went to)."""
    table = _read_companion_table(path, col, name=name)
    if table is None:
        return path, None, {}, col
    frame, sc = _companion_frame(table, name, col, file=path.name, opts=opts)
    return path, frame, sc, col



#: Values this many days outside the engagement period are reported; above the share, as an error.
PERIOD_MARGIN_DAYS = 92
PERIOD_ERROR_SHARE = 0.5
#: A warning when at least this share of multi-event cases (and 5 cases) go back in time in file order.
BACKWARDS_SHARE = 0.2


def _share(x: float) -> str:
    return f"{100 * x:.1f}%" if x < 0.995 else f"{100 * x:.0f}%"


def _plausible(companions: Mapping[str, pd.DataFrame | None], settings: Settings, col: _Collector,
               files: Mapping[str, str], dates_order: Mapping[str, str | None], tz: str = "UTC") -> None:
    """Checks that catch a wrong read: values far outside the period, cases running backwards, one row per case."""
    start, end = settings.period_start, settings.period_end
    for name, column in (("cases", "timestamp"), ("survey", "date"), ("training", "date")):
        frame = companions.get(name)
        if frame is None or column not in frame.columns or frame.empty:
            continue
        values = frame[column]
        total = int(values.notna().sum())
        outside = outside_period(values, start, end, margin_days=PERIOD_MARGIN_DAYS)
        n = int(outside.sum())
        if not n or not total:
            continue
        i = outside[outside].index[0]
        shown = values.loc[i]
        shown = shown.tz_convert(tz) if getattr(shown, "tzinfo", None) else shown  # as the client wrote it
        (col.error if n / total > PERIOD_ERROR_SHARE else col.warning)(
            "outside_period_most" if n / total > PERIOD_ERROR_SHARE else "outside_period", file=files[name],
            table=name, column=column, row=int(frame.loc[i, "_row"]), first_row=int(frame.loc[i, "_row"]),
            value=pd.Timestamp(shown).strftime("%Y-%m-%d %H:%M" if column == "timestamp" else "%Y-%m-%d"),
            count=n, total=total, share=_share(n / total), margin=PERIOD_MARGIN_DAYS, start=start.isoformat(),
            end=end.isoformat())
    cases = companions.get("cases")
    if cases is None or cases.empty:
        return
    back, multi, first_rows = backwards_cases(cases["case_id"], cases["timestamp"])
    if multi and back >= 5 and back / multi >= BACKWARDS_SHARE:
        order = dates_order.get("cases") or "—"
        col.warning("backwards_cases", file=files["cases"], table="cases", column="timestamp",
                    row=int(cases.loc[first_rows[0], "_row"]), first_row=int(cases.loc[first_rows[0], "_row"]),
                    count=back, total=multi, share=_share(back / multi), order=order)
    n_cases = int(cases["case_id"].nunique())
    if n_cases >= 2 and n_cases == int(cases["case_id"].notna().sum()):
        col.warning("one_row_per_case", file=files["cases"], table="cases", count=n_cases)


def _scales_spec(read: _SheetRead | None, col: _Collector, *, file: str
                 ) -> dict[str, dict[str, tuple[Scale | None, Mapping[str, float]]]]:
    """The Scales sheet: per companion file and column ('*' = all), the declared scale and the client's labels."""
    if read is None or read.frame.empty:
        return {}
    scales: dict[tuple[str, str], Scale | None] = {}
    rows_labels: dict[tuple[str, str], list[tuple[str, float | None]]] = {}
    index = {n: {normalize_name(x): c.key for c in companion(n).columns for x in c.names()} for n in ("survey", "training")}
    for rec in read.frame.to_dict("records"):
        f = rec.get("file")
        column = str(rec.get("column") or "").strip()
        key = "*" if column == "*" else index.get(f, {}).get(normalize_name(column), column)
        if rec.get("scale") is not None and not pd.isna(rec.get("scale")):
            sc = parse_scale(str(rec["scale"]))
            if sc is None:
                col.error("bad_scale", file=file, sheet="Scales", row=int(rec["_row"]), column="scale",
                          value=rec["scale"])
            scales[(f, key)] = sc
        if rec.get("label") is not None and not pd.isna(rec.get("label")):
            v = rec.get("value")
            rows_labels.setdefault((f, key), []).append((str(rec["label"]), None if v is None or pd.isna(v) else float(v)))
    out: dict[str, dict[str, tuple[Scale | None, Mapping[str, float]]]] = {}
    for f, key in set(scales) | set(rows_labels):
        out.setdefault(f, {})[key] = (scales.get((f, key)), custom_labels(rows_labels.get((f, key), ())))
    for f, cols in out.items():  # '*' labels apply to every column too
        star = cols.get("*")
        if star:
            for key, (sc, lab) in list(cols.items()):
                if key != "*":
                    cols[key] = (sc or star[0], {**star[1], **lab})
    return out


def _namespace(column: str) -> str:
    return {"citizen_id": "citizen", "resource": "resource", "employee_code": "employee"}.get(column, column)


def _comma_decimal(text: pd.Series) -> bool:
    sample = text.dropna().head(200)
    return bool(len(sample)) and sample.str.fullmatch(r"-?\d+,\d+").mean() > 0.5


def _report_bad(col: _Collector, mask: pd.Series, rows: pd.Series, text: pd.Series, code: str, where: dict,
                c: Column, label: str, **params: object) -> None:
    if not mask.any():
        return
    for r, v in zip(rows[mask].to_numpy(), text[mask].to_numpy()):
        col.error(code, **where, row=int(r), column=c.key, column_label=label, value=None if c.identifier else v,
                  **params)


#: Dates and timestamps outside these years are refused (as in the workbook: see ``_as_date``); pandas'
#: own range (1677–2262 at nanosecond resolution) is never reached, so no value can overflow it.
_FIRST_YEAR, _LAST_YEAR = 1900, 2200
_DT_LO = pd.Timestamp(f"{_FIRST_YEAR}-01-01", tz="UTC")
_DT_HI = pd.Timestamp(f"{_LAST_YEAR + 1}-01-01", tz="UTC")
_UTC = "datetime64[ns, UTC]"


def _to_utc(text: pd.Series, **kwargs: object) -> pd.Series:
    """``pd.to_datetime(text, utc=True, errors="coerce")`` that never raises.

    Values pandas cannot represent (year 1, ``-1``, 9999-12-31 …) or outside the accepted years
    become NaT, to be reported as ``not_date``/``not_timestamp``.  pandas raises for some of them
    even with ``errors="coerce"`` (OutOfBoundsDatetime, NotImplementedError …); the series is then
    split in halves until the offending values are isolated.
    """
    if len(text) == 0:
        return pd.Series([], index=text.index, dtype=_UTC)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = pd.to_datetime(text, errors="coerce", utc=True, **kwargs)
        parsed = pd.Series(parsed, index=text.index)
        if not isinstance(parsed.dtype, pd.DatetimeTZDtype):
            raise TypeError(f"unexpected dtype {parsed.dtype}")
        return parsed.where((parsed >= _DT_LO) & (parsed < _DT_HI)).astype(_UTC)
    except Exception:  # noqa: BLE001 - isolate the values pandas chokes on
        if len(text) == 1:
            return pd.Series(pd.NaT, index=text.index, dtype=_UTC)
        mid = len(text) // 2
        return pd.concat([_to_utc(text.iloc[:mid], **kwargs), _to_utc(text.iloc[mid:], **kwargs)])



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


def _default_order(lang: str) -> str:
    """Day/month order assumed where the data and the form say nothing: DMY for Hebrew, MDY for English."""
    return "DMY" if lang == "he" else "MDY"


# =========================================================================== the whole engagement
#: Optional sheets whose absence is not worth a warning (most clients need neither).
_QUIET_SHEETS = ("Columns", "Scales")


def _match_sheets(names: list[str]) -> dict[str, str]:
    """Canonical sheet key -> the workbook's sheet name (first match wins)."""
    lookup = {normalize_name(n): s.key for s in SHEETS for n in s.names()}
    out: dict[str, str] = {}
    for name in names:
        key = lookup.get(normalize_name(name))
        if key is not None and key not in out:
            out[key] = name
    return out


def _template_language(names: list[str]) -> str:
    return "he" if any(HEBREW.search(n) for n in names) else "en"


def _run(path: str | os.PathLike, *, lang: str | None, key: bytes | None) -> tuple[Validation, _Collector]:
    col = _Collector()
    given = Path(path)
    folder = given if given.is_dir() else given.parent
    intake = find_intake(given)
    fallback = lang or os.environ.get("SVCWORK_LANG", "en")
    if not given.exists():
        col.error("file_missing", file=given.name or str(given), path=str(given))
        return Validation(given, col.render(fallback), fallback), col
    if not intake.is_file():
        col.error("no_intake", file=intake.name, path=str(given))
        return Validation(given, col.render(fallback), fallback), col
    file = intake.name
    wb = _open_workbook(intake, col, file=file)
    if wb is None:
        return Validation(given, col.render(fallback), fallback), col
    inputs = [InputFile("intake", intake, sha256_file(intake), intake.stat().st_size)]
    try:
        names = list(wb.sheetnames)
        template_lang = _template_language(names)
        matched = _match_sheets(names)
        epoch = wb.epoch
        lookups = {n: e.lookup() for n, e in ENUMS.items()}
        reads: dict[str, _SheetRead] = {}
        settings_values: dict[str, object] = {}
        settings_rows: dict[str, int] = {}
        settings_read = False  # the Engagement sheet could be read (a corrupt one is one problem, not one per setting)
        for s in SHEETS:
            label = matched.get(s.key)
            if label is None:
                if s.required:
                    col.error("sheet_missing", file=file, sheet=s.key, he=s.he, en=s.en, found=", ".join(names) or "—")
                elif s.key not in _QUIET_SHEETS:
                    col.warning("sheet_empty", file=file, sheet=s.key)
                continue
            try:
                rows = wb.rows(label)
            except Exception as exc:  # noqa: BLE001 - a broken sheet is a corrupt file for the user
                col.error("corrupt", file=file, sheet=s.key, sheet_label=label, reason_key="broken_sheet",
                          detail=f"{type(exc).__name__}: {_short(exc)}")
                continue
            if s.settings:
                settings_values, settings_rows = _read_settings(rows, label, col, file=file, epoch=epoch, lookups=lookups)
                settings_read = True
                continue
            read = _read_table(rows, s, label, col, file=file, epoch=epoch)
            if read is None:
                if s.key not in _QUIET_SHEETS and not any(r.code in ("column_missing", "header_missing") and r.sheet == s.key
                                                  for r in col.items):
                    (col.error if s.required else col.warning)("sheet_empty", file=file, sheet=s.key, sheet_label=label)
                continue
            if read.frame.empty and s.key not in _QUIET_SHEETS:
                (col.error if s.required else col.warning)("sheet_empty", file=file, sheet=s.key, sheet_label=label)
            reads[s.key] = read
    finally:
        wb.close()

    language_value = settings_values.get("language")
    data_lang = language_value if isinstance(language_value, str) else template_lang  # the engagement's own
    lang_out = lang or data_lang
    settings = _settings(settings_values, settings_rows, matched.get("Engagement"), col, file=file) \
        if settings_read else None
    for s in SHEETS:
        if s.key in reads:
            _check_unique(reads[s.key], s, col, file=file)
    _check_refs(reads, col, file=file)
    replaced = {**_check_criteria(reads, col, file=file), **_check_standards(reads, col, file=file)}
    column_map = parse_column_map(settings.column_map if settings else None,
                                  reads["Columns"].frame if "Columns" in reads else None, col=col, file=file)

    if key is None:  # the project's key: SVCWORK_KEY, else the nearest .svcwork/secret.key, else the user's
        key = pseudonymisation_key(folder)
    companions: dict[str, pd.DataFrame | None] = {c.key: None for c in COMPANIONS}
    scales: dict[str, Scale] = {}
    # defaults where the data and the form are silent follow the engagement, never the message language
    tz = (settings.timezone if settings and settings.timezone else ("Asia/Jerusalem" if data_lang == "he" else "UTC"))
    opts = _ReadOptions(tz=tz, date_order=settings.date_order if settings else None,
                        default_order=_default_order(data_lang), column_map=column_map,
                        scales=_scales_spec(reads.get("Scales"), col, file=file), key=key)
    files: dict[str, str] = {}
    if given.is_dir() or intake.parent == folder:
        declared = {c.key: getattr(settings, f"{c.key}_file", None) if settings else None for c in COMPANIONS}
        disc = discover(folder, intake=intake, declared=declared)
        for name, spec in disc.missing.items():
            col.error("companion_declared_missing", file=file, sheet="Engagement", column=f"{name}_file",
                      row=settings_rows.get(f"{name}_file"), file_name=name, value=spec,
                      found=", ".join(p.name for p in disc.unused) or "—")
        for name, paths in disc.ambiguous.items():
            col.error("companion_ambiguous", file=paths[0].name, file_name=name, found=", ".join(p.name for p in paths))
        for p in disc.unused:
            col.warning("file_unused", file=p.name, value=p.name)
        for c in COMPANIONS:
            found = disc.found.get(c.key)
            if found is None:
                continue
            for p in found.paths:
                inputs.append(InputFile(c.key, p, sha256_file(p), p.stat().st_size))
            files[c.key] = found.paths[0].name
            companions[c.key], sc = _read_companion(found, col, opts=opts)
            scales.update(sc)
        if settings is not None and not col.has_errors:
            used = {k: f.attrs.get("date_orders", {}).get("timestamp" if k == "cases" else "date")
                    for k, f in companions.items() if f is not None}
            _plausible(companions, settings, col, files, {k: v or settings.date_order for k, v in used.items()},
                       tz=tz)

    engagement = None
    if not col.has_errors and settings is not None:
        tables = {}
        for s in SHEETS:
            if s.settings:
                continue
            frame = replaced.get(s.key, reads[s.key].frame if s.key in reads else _empty_frame(s))
            for c in s.columns:
                if c.identifier and c.key in frame.columns:
                    frame = frame.assign(**{c.key: pseudonymise(frame[c.key], namespace=_namespace(c.key), key=key)})
            tables[s.key] = frame
        engagement = Engagement(
            slug=client_slug(given), folder=folder.resolve(), settings=settings, tables=MappingProxyType(tables),
            cases=companions.get("cases"), survey=companions.get("survey"), training=companions.get("training"),
            problems=col.render(lang_out), inputs=tuple(inputs), template_language=template_lang,
            scales=MappingProxyType(scales))
    return Validation(given, col.render(lang_out), lang_out, engagement), col


def validate(path: str | os.PathLike, *, lang: str | None = None, key: bytes | None = None) -> Validation:
    """Check a client folder (or an intake workbook) and report every problem at once.

    Never raises for bad input: unreadable files, missing sheets and bad cells all become
    :class:`~svcwork.errors.Problem` records (severity, code, file, sheet, Excel row, column,
    value, expected, message in the workbook's language).  ``result.ok`` is True when the
    engagement can be analysed (warnings allowed); ``result.engagement`` is then loaded.
    """
    result, _ = _run(path, lang=lang, key=key)
    return result


def load(path: str | os.PathLike, *, key: bytes | None = None, cache_dir: str | os.PathLike | None = None) -> Engagement:
    """Load a validated engagement, or raise :class:`~svcwork.errors.IntakeError` with every problem.

    With *cache_dir*, an engagement saved there by :func:`save_cache` is reused when the
    input files' SHA-256 still match (``svcwork run`` loads once for all its notebooks).
    """
    if cache_dir:
        cached = read_cache(cache_dir, path)
        if cached is not None:
            return cached
    result = validate(path, key=key)
    if not result.ok or result.engagement is None:
        raise IntakeError(list(result.problems), t("intake.summary_bad", result.language, errors=result.n_errors,
                                                   warnings=result.n_warnings))
    if cache_dir:
        save_cache(result.engagement, cache_dir)
    return result.engagement


_CACHE_NAME = ".engagement.pkl"


def save_cache(engagement: Engagement, cache_dir: str | os.PathLike) -> Path:
    """Save a loaded engagement for :func:`load` (pseudonymised data only; never part of a report)."""
    import pickle

    from .paths import atomic_write_bytes

    state = {f.name: getattr(engagement, f.name) for f in fields(engagement)}
    state["tables"] = dict(engagement.tables)
    state["scales"] = dict(engagement.scales)
    return atomic_write_bytes(Path(cache_dir) / _CACHE_NAME, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))


def read_cache(cache_dir: str | os.PathLike, path: str | os.PathLike) -> Engagement | None:
    """The engagement cached in *cache_dir* for client *path*, if its inputs are unchanged."""
    import pickle

    file = Path(cache_dir) / _CACHE_NAME
    if not file.is_file():
        return None
    try:
        state = pickle.loads(file.read_bytes())
    except Exception:  # noqa: BLE001 - a stale or broken cache is simply not used
        return None
    given = Path(path)
    folder = (given if given.is_dir() else given.parent).resolve()
    inputs = state.get("inputs", ())
    if state.get("folder") != folder or not inputs:
        return None
    settings = state.get("settings")
    declared = {c.key: getattr(settings, f"{c.key}_file", None) for c in COMPANIONS}
    current = {find_intake(given).resolve()} | {p.resolve() for p in discover(folder, intake=find_intake(given),
                                                                              declared=declared).used}
    if {f.path.resolve() for f in inputs} != current:
        return None
    if any(not f.path.is_file() or sha256_file(f.path) != f.sha256 for f in inputs):
        return None
    state["tables"] = MappingProxyType(state["tables"])
    state["scales"] = MappingProxyType(state.get("scales", {}))
    return Engagement(**state)
