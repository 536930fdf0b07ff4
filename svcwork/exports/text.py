"""Text exports: encodings detected strictly, delimiters sniffed, title lines above the header skipped.

A file is decoded as UTF-8 (with or without BOM), UTF-16 (BOM, or the NUL pattern of an
unmarked UTF-16 file) or Windows-1255, whichever reads every byte; when none does, the candidate
with the fewest undecodable bytes is used and those bytes become U+FFFD, reported with their
line numbers.  Nothing is ever read wholesale as Latin-1: Hebrew never comes out garbled silently.
A Windows-1255 reading that puts Hebrew letters inside Latin words (a Western European file) is
read as Windows-1252 instead, and said so.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zlib
from dataclasses import dataclass
from typing import Callable, Sequence

import pandas as pd

__all__ = ["Unreadable", "Decoded", "CsvRead", "decode", "gunzip", "read_csv", "unique_names"]

_UNNAMED = re.compile(r"^Unnamed: (\d+)(?:_level_\d+)?$")
_HEBREW_IN_LATIN = re.compile(r"[A-Za-z][\u05d0-\u05ea]|[\u05d0-\u05ea][A-Za-z]")
_SCAN = 30  # lines searched for the header row


class Unreadable(Exception):
    """A file that cannot be read: a reason key (``intake.reason.*``), the raw detail, maybe a line."""

    def __init__(self, reason: str, detail: str, line: int | None = None) -> None:
        super().__init__(detail)
        self.reason, self.detail, self.line = reason, detail, line


@dataclass(frozen=True)
class Decoded:
    """Decoded text: the encoding used, and the lines (1-based) where bytes had to be replaced."""

    text: str
    encoding: str
    bad_lines: tuple[int, ...] = ()
    replaced: int = 0
    guessed: bool = False  # cp1252 chosen over cp1255 from the letters, not from the bytes alone


@dataclass(frozen=True)
class CsvRead:
    """A CSV as strings, with how it was read: encoding, delimiter, title lines skipped."""

    frame: pd.DataFrame
    first_row: int  # the file line of the first data row
    decoded: Decoded
    delimiter: str
    skipped: int = 0  # title lines above the header


def short(exc: BaseException, limit: int = 120) -> str:
    """An exception as one short line for a message's technical detail."""
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def gunzip(raw: bytes, *, limit: int) -> bytes:
    """Decompress gzip bytes within *limit* unpacked bytes (a gzip bomb is refused, not unpacked)."""
    d = zlib.decompressobj(wbits=31)
    try:
        out = d.decompress(raw, limit + 1)
    except zlib.error as exc:
        raise Unreadable("gzip", short(exc)) from None
    if len(out) > limit or d.unconsumed_tail:
        raise Unreadable("gzip_large", f"unpacks to more than {limit / 1e6:,.0f} MB")
    return out


def _utf16_unmarked(raw: bytes) -> str | None:
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _lines_of(text: str, positions: Sequence[int]) -> tuple[int, ...]:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    import bisect

    return tuple(sorted({bisect.bisect_right(starts, p) for p in positions}))


def decode(raw: bytes) -> Decoded:
    """Decode an export strictly (see the module notes); never raises for bad bytes."""
    if raw.startswith(b"\xef\xbb\xbf"):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    elif (enc := _utf16_unmarked(raw)) is not None:
        candidates = (enc,)
    else:
        candidates = ("utf-8", "cp1255")
    for enc in candidates:
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "cp1255" and len(_HEBREW_IN_LATIN.findall(text)) > len(re.findall(r"[\u05d0-\u05ea]{2}", text)):
            return Decoded(raw.decode("cp1252", errors="replace"), "cp1252", guessed=True)
        return Decoded(text, enc)
    # no candidate reads every byte: the one with the fewest replacements, and where they are
    best: tuple[int, str, str] | None = None
    for enc in candidates:
        text = raw.decode(enc, errors="replace")
        n = text.count("\ufffd") - raw.decode(enc, errors="ignore").count("\ufffd")
        if best is None or n < best[0]:
            best = (n, enc, text)
    assert best is not None
    n, enc, text = best
    positions = [m.start() for m in re.finditer("\ufffd", text)]
    return Decoded(text, enc, _lines_of(text, positions), n)


def unique_names(names: list[str]) -> list[str]:
    """Header names made unique as pandas does for CSV (``a``, ``a.1`` …)."""
    seen: dict[str, int] = {}
    out = []
    for n in names:
        if n in seen:
            seen[n] += 1
            candidate = f"{n}.{seen[n]}"
            while candidate in seen:
                seen[n] += 1
                candidate = f"{n}.{seen[n]}"
            seen[candidate] = 0
            out.append(candidate)
        else:
            seen[n] = 0
            out.append(n)
    return out


def _first_long_line(text: str, delimiter: str, skip: int) -> int | None:
    """The line number of the first line with more (non-empty) fields than the header."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, skipinitialspace=True)
    try:
        width = None
        for row in reader:
            if reader.line_num <= skip:
                continue
            if width is None:
                if any(cell.strip() for cell in row):
                    width = len(row)
                continue
            if len(row) > width and any(cell.strip() for cell in row[width:]):
                return reader.line_num
    except csv.Error:
        return None
    return None


def _header_line(text: str, delimiter: str, hits: Callable[[list[str]], int]) -> int:
    """Lines above the header: 0, unless a later line among the first ones names more known columns."""
    best, best_hits = 0, 0
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, skipinitialspace=True)
    try:
        for i, row in enumerate(reader):
            if i >= _SCAN:
                break
            h = hits(row)
            if h > best_hits:
                best, best_hits = reader.line_num - 1, h
    except csv.Error:
        return 0
    return best


def read_csv(raw: bytes, *, hits: Callable[[list[str]], int] | None = None) -> CsvRead:
    """A CSV export as strings: any of , ; tab | as delimiter, encodings as :func:`decode`.

    *hits* counts the known column names in a row; with it, title lines above the header row are
    skipped (as for sheets).  Blank lines are kept (as all-empty rows, dropped later) so that row
    numbers stay the file's line numbers.  An empty file gives a frame without columns.
    """
    decoded = decode(raw)
    text = decoded.text.replace("\x00", "")
    if not text.strip():
        return CsvRead(pd.DataFrame(), 2, decoded, ",")
    lines = [line for line in text.splitlines()[:_SCAN] if line.strip()]
    delimiter = ","
    for sample in sorted(lines, key=lambda s: -max(s.count(d) for d in ",;\t|")) or [","]:
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
            break
        except csv.Error:
            continue
    skip = _header_line(text, delimiter, hits) if hits is not None else 0
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", pd.errors.ParserWarning)
            # index_col=False: a line with one field too many must not silently become the row's index
            frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False, na_values=[""],
                                skipinitialspace=True, engine="c", skip_blank_lines=False, index_col=False,
                                skiprows=skip)
        lost = [str(w.message) for w in caught if issubclass(w.category, pd.errors.ParserWarning)
                and "loss of data" in str(w.message)]
        if lost:
            raise Unreadable("csv_fields", short(Exception(lost[0])), _first_long_line(text, delimiter, skip))
    except pd.errors.EmptyDataError:
        return CsvRead(pd.DataFrame(), 2, decoded, delimiter, skip)
    except pd.errors.ParserError as exc:
        m = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        if m:
            raise Unreadable("csv_fields", short(exc), int(m.group(2)) + skip) from None
        m = re.search(r"line (\d+)", str(exc))
        raise Unreadable("csv_structure", short(exc), int(m.group(1)) + skip if m else None) from None
    frame.columns = [f"#{int(m.group(1)) + 1}" if (m := _UNNAMED.match(str(c))) else str(c) for c in frame.columns]
    return CsvRead(frame, skip + 2, decoded, delimiter, skip)
