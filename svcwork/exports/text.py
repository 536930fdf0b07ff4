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
from typing import Callable, Iterator, Sequence

import pandas as pd

__all__ = ["Unreadable", "Decoded", "CsvRead", "decode", "gunzip", "read_csv", "unique_names", "PLACEHOLDERS",
           "placeholders"]

_UNNAMED = re.compile(r"^Unnamed: (\d+)(?:_level_\d+)?$")
_HEBREW_IN_LATIN = re.compile(r"[A-Za-z][\u05d0-\u05ea]|[\u05d0-\u05ea][A-Za-z]")
_HEBREW_PAIR = re.compile(r"[\u05d0-\u05ea]{2}")
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


#: Texts that exports write where a value is missing (casefolded): pm4py's "EMPTY" for a missing org:group,
#: database NULLs, spreadsheet "#N/A", a dash.  In a column of names or codes (unit, resource, channel …) they
#: are read as missing, never as a unit called "EMPTY" (see :func:`placeholders`).
PLACEHOLDERS = frozenset({"empty", "(empty)", "<empty>", "null", "(null)", "<null>", "none", "(none)", "nil",
                          "n/a", "#n/a", "na", "n.a.", "nan", "(blank)", "-", "--", "---", "\u2013", "\u2014"})


def placeholders(text: pd.Series) -> pd.Series:
    """True where a text column holds a placeholder for a missing value (:data:`PLACEHOLDERS`, any case).

    Compared on the column's distinct values only, so a long case log costs one hashing pass per column.
    """
    values = pd.unique(text.dropna())
    found = [v for v in values if isinstance(v, str) and v.strip().casefold() in PLACEHOLDERS]
    if not found:
        return pd.Series(False, index=text.index)
    return text.isin(found).fillna(False).astype(bool)


def short(exc: BaseException, limit: int = 120) -> str:
    """An exception as one short line for a message's technical detail."""
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def gunzip(raw: bytes, *, limit: int) -> bytes:
    """Decompress gzip bytes within *limit* unpacked bytes (a gzip bomb is refused, not unpacked)."""
    parts: list[bytes] = []
    size = 0
    rest = raw
    while True:
        # one gzip member at a time: ``cat a.gz b.gz`` (and split writers) give several, all data
        d = zlib.decompressobj(wbits=31)
        try:
            out = d.decompress(rest, limit - size + 1)
        except zlib.error as exc:
            raise Unreadable("gzip", short(exc)) from None
        size += len(out)
        if size > limit or d.unconsumed_tail:
            raise Unreadable("gzip_large", f"unpacks to more than {limit / 1e6:,.0f} MB")
        if not d.eof:
            raise Unreadable("gzip", "compressed data ended before the end of the stream (a truncated file)")
        parts.append(out)
        rest = d.unused_data
        if not rest.startswith(b"\x1f\x8b"):  # no further member (trailing padding is ignored)
            return b"".join(parts)


def _utf16_unmarked(raw: bytes) -> str | None:
    """UTF-16 without a BOM, from its high bytes: NUL for ASCII, 0x05 for Hebrew letters.

    Neither byte occurs in UTF-8 or Windows-1255 text; the side of the NULs gives the byte order.
    """
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    even_nul, odd_nul = even.count(0), odd.count(0)
    even_high, odd_high = even_nul + even.count(5), odd_nul + odd.count(5)
    if odd_nul and odd_high > 0.3 * half and even_nul < 0.05 * half:
        return "utf-16-le"
    if even_nul and even_high > 0.3 * half and odd_nul < 0.05 * half:
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
        if enc == "cp1255" and _western(raw):
            return _replaced(raw, "cp1252", guessed=True)
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
    if enc == "cp1255" and _western(raw):
        # a Western file with a byte Windows-1255 leaves undefined (ü is 0xFC): still Western
        return _replaced(raw, "cp1252", guessed=True)
    positions = [m.start() for m in re.finditer("\ufffd", text)]
    return Decoded(text, enc, _lines_of(text, positions), n)


def _western(raw: bytes) -> bool:
    """Windows-1255's reading of *raw* puts Hebrew letters inside Latin words more often than beside Hebrew ones.

    The two counts are those of ``re.findall`` (non-overlapping, left to right) for
    :data:`_HEBREW_IN_LATIN` and :data:`_HEBREW_PAIR` over that reading, taken with numpy: a run of
    k Hebrew letters holds k // 2 pairs, a run of m adjacent Latin–Hebrew boundaries ceil(m / 2)
    mixed matches (the regex scan of a 26 MB export took seconds).  Counted on the bytes themselves:
    Windows-1255 gives one character a byte, its letters א–ת are the bytes 0xE0–0xFA and its Latin
    letters ASCII (a byte it leaves undefined is neither, as the replacement character is).  In slices
    cut at line ends (no match spans a line), so memory stays bounded.
    """
    mixed, pairs = _western_counts(raw)
    return mixed > pairs


_WESTERN_SLICE = 1 << 22  # bytes per slice of :func:`_western_counts`


def _western_counts(raw: bytes) -> tuple[int, int]:
    """``(len(_HEBREW_IN_LATIN.findall(text)), len(_HEBREW_PAIR.findall(text)))`` of *raw*'s Windows-1255
    reading (``text``), slice by slice."""
    mixed = pairs = 0
    start = 0
    while start < len(raw):
        end = raw.find(b"\n", start + _WESTERN_SLICE)
        end = len(raw) if end < 0 else end + 1
        m, p = _slice_counts(raw[start:end])
        mixed, pairs, start = mixed + m, pairs + p, end
    return mixed, pairs


def _slice_counts(raw: bytes) -> tuple[int, int]:
    """:func:`_western_counts` of one slice, with numpy."""
    import numpy as np

    codes = np.frombuffer(raw, dtype=np.uint8)  # one Windows-1255 character a byte
    hebrew = (codes >= 0xE0) & (codes <= 0xFA)  # א (U+05D0) … ת (U+05EA)
    folded = codes | 0x20  # A–Z onto a–z; nothing else lands in a–z
    latin = (folded >= 0x61) & (folded <= 0x7A)
    boundary = (latin[:-1] & hebrew[1:]) | (hebrew[:-1] & latin[1:])
    return int(((_run_lengths(boundary) + 1) // 2).sum()), int((_run_lengths(hebrew) // 2).sum())


def _run_lengths(mask):  # noqa: ANN001, ANN202 - numpy arrays
    """The lengths of the runs of True in a boolean array."""
    import numpy as np

    padded = np.zeros(len(mask) + 2, dtype=np.int8)
    padded[1:-1] = mask
    edges = np.diff(padded)
    return np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)


def _replaced(raw: bytes, enc: str, *, guessed: bool = False) -> Decoded:
    """*raw* decoded as *enc*, undecodable bytes replaced and counted with their lines."""
    text = raw.decode(enc, errors="replace")
    n = text.count("\ufffd") - raw.decode(enc, errors="ignore").count("\ufffd")
    positions = [m.start() for m in re.finditer("\ufffd", text)] if n else []
    return Decoded(text, enc, _lines_of(text, positions), n, guessed)


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
    reader = csv.reader(_lines(text), delimiter=delimiter, skipinitialspace=True)
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


def _lines(text: str) -> Iterator[str]:
    """The lines of *text* as ``io.StringIO(text)`` yields them (split after each line feed, kept), one
    at a time: reading the first rows of an export does not copy the whole text into a buffer."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def _header_line(text: str, delimiter: str, hits: Callable[[list[str]], int]) -> int:
    """Lines above the header: 0, unless a later line among the first ones names more known columns."""
    best, best_hits = 0, 0
    reader = csv.reader(_lines(text), delimiter=delimiter, skipinitialspace=True)
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


def _first_lines(text: str, n: int, *, chunk: int = 1 << 16) -> list[str]:
    """``text.splitlines()[:n]``, from as much of the start of *text* as holds them: an export of
    millions of lines is not split whole to read its first rows (0.06 s for the largest demo log).

    A prefix that splits into more than *n* + 1 lines has the first *n* lines complete (a cut
    inside a CR LF or a line touches only the prefix's last line); else a prefix four times as
    long, up to the whole text.
    """
    size = max(1, chunk)
    while True:
        lines = text[:size].splitlines()
        if len(lines) > n + 1 or size >= len(text):
            return lines[:n]
        size *= 4


def _delimiter(text: str) -> str:
    """The delimiter that splits the most of the first rows into one same number (2+) of fields.

    Judged over the rows together (a title line or a comma inside a tab-separated value does
    not decide it), quotes respected (a value may span lines); then the fewest rows of another
    width; ties go to the earlier of , ; tab |, and "," when none splits.
    """
    head = "\n".join(_first_lines(text, _SCAN))
    best, best_score = ",", (0, 0, 0)
    for d in ",;\t|":
        try:
            widths = [len(row) for row in csv.reader(io.StringIO(head), delimiter=d, skipinitialspace=True) if row]
        except csv.Error:
            continue
        if not any(w > 1 for w in widths):
            continue
        mode = max({w for w in widths if w > 1}, key=lambda w: (widths.count(w), w))
        score = (widths.count(mode), -(len(widths) - widths.count(mode)), mode)
        if score > best_score:
            best, best_score = d, score
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
    delimiter = _delimiter(text)
    skip = _header_line(text, delimiter, hits) if hits is not None else 0
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", pd.errors.ParserWarning)
            # index_col=False: a line with one field too many must not silently become the row's index.
            # UTF-8 bytes, not a StringIO: pandas re-encodes a non-ASCII StringIO chunk by chunk into a
            # growing buffer (quadratic; 4x slower on a 2M-event Hebrew log, see bench_load_dates)
            frame = pd.read_csv(io.BytesIO(text.encode("utf-8")), encoding="utf-8", sep=delimiter, dtype=str,
                                keep_default_na=False, na_values=[""], skipinitialspace=True, engine="c",
                                skip_blank_lines=False, index_col=False, skiprows=skip)
        lost = [str(w.message) for w in caught if issubclass(w.category, pd.errors.ParserWarning)
                and "loss of data" in str(w.message)]
        if lost:
            raise Unreadable("csv_fields", short(Exception(lost[0])), _first_long_line(text, delimiter, skip))
    except pd.errors.EmptyDataError:
        return CsvRead(pd.DataFrame(), 2, decoded, delimiter, skip)
    except pd.errors.ParserError as exc:
        m = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        if m:
            # pandas counts lines from the top of the file, title lines skipped included
            raise Unreadable("csv_fields", short(exc), int(m.group(2))) from None
        m = re.search(r"line (\d+)", str(exc))
        raise Unreadable("csv_structure", short(exc), int(m.group(1)) if m else None) from None
    frame.columns = [f"#{int(m.group(1)) + 1}" if (m := _UNNAMED.match(str(c))) else str(c) for c in frame.columns]
    return CsvRead(frame, skip + 2, decoded, delimiter, skip)
