"""svcwork.exports.text: encodings detected strictly, CSV delimiters and title lines, gzip within limits.

References are independent: Python's codecs decode the same bytes with the encoding the file
was written in; Python's ``csv`` module reads the same text with the delimiter it was written
with; ``gzip.decompress`` unpacks the same archive.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svcwork.exports.text import Unreadable, decode, gunzip, read_csv

HEBREW = "מספר פנייה,שירות,תאריך\nא-100,חניה,01/02/2025\nא-101,ארנונה,03/02/2025\nא-102,רווחה,17/02/2025\n"
ENGLISH = "case_id,service,opened\nC-100,parking,01/02/2025\nC-101,tax,03/02/2025\n"
# Western European text whose letters exist in Latin-1/Windows-1252 but read as Hebrew in Windows-1255
WESTERN = "nom,ville,remarque\nRené Müller,Zürich,très bien\nJosé Núñez,Genève,über\nFrançois,Köln,été\n"
WESTERN_NO_U = "nom,ville,remarque\nRené,Genève,très bien\nJosé,Saint-Étienne,été\nFrançois,Besançon,à voir\n"


# =========================================================================== decode
DECODE_CASES = [
    # id,                raw bytes,                                            encoding,     reference text
    ("utf-8", HEBREW.encode("utf-8"), "utf-8", HEBREW),
    ("utf-8-bom", codecs.BOM_UTF8 + HEBREW.encode("utf-8"), "utf-8-sig", HEBREW),
    ("utf-16-le-bom", codecs.BOM_UTF16_LE + HEBREW.encode("utf-16-le"), "utf-16", HEBREW),
    ("utf-16-be-bom", codecs.BOM_UTF16_BE + HEBREW.encode("utf-16-be"), "utf-16", HEBREW),
    ("utf-16-le-no-bom", HEBREW.encode("utf-16-le"), "utf-16-le", HEBREW),
    ("utf-16-be-no-bom", HEBREW.encode("utf-16-be"), "utf-16-be", HEBREW),
    ("utf-16-le-no-bom-english", ENGLISH.encode("utf-16-le"), "utf-16-le", ENGLISH),
    ("cp1255", HEBREW.encode("cp1255"), "cp1255", HEBREW),
    ("ascii", ENGLISH.encode("ascii"), "utf-8", ENGLISH),
    ("utf-8-western", WESTERN.encode("utf-8"), "utf-8", WESTERN),
]


@pytest.mark.parametrize(("raw", "encoding", "text"), [c[1:] for c in DECODE_CASES], ids=[c[0] for c in DECODE_CASES])
def test_decode_reads_every_byte(raw: bytes, encoding: str, text: str) -> None:
    """Each encoding clients' tools write is recognised and decoded exactly, nothing replaced."""
    d = decode(raw)
    assert (d.encoding, d.text, d.replaced, d.bad_lines, d.guessed) == (encoding, text, 0, (), False)
    assert d.text == raw.decode(encoding)  # the same as Python's codec for that encoding


def test_cp1255_with_one_undefined_byte() -> None:
    """A Windows-1255 file with one byte undefined there (0xFF): that byte replaced, its line named.

    The rest stays Hebrew: the text is what Python's cp1255 codec gives with ``errors="replace"``.
    """
    raw = HEBREW.encode("cp1255").replace("רווחה".encode("cp1255"), b"\xff" + "ווחה".encode("cp1255"))
    d = decode(raw)
    assert d.encoding == "cp1255"
    assert d.text == raw.decode("cp1255", errors="replace")
    assert (d.replaced, d.bad_lines) == (1, (4,))
    assert d.text.splitlines()[:3] == HEBREW.splitlines()[:3]
    assert d.text.splitlines()[3] == "א-102,\ufffdווחה,17/02/2025"


def test_replaced_bytes_on_several_lines() -> None:
    raw = "שורה\nשורה\nשורה\nשורה\n".encode("cp1255")
    raw = raw.replace(b"\n", b"\xff\n", 3).replace(b"\xff\n", b"\n", 1)  # bytes on lines 2 and 3
    d = decode(raw)
    assert d.encoding == "cp1255"
    assert (d.replaced, d.bad_lines) == (2, (2, 3))
    assert d.text == raw.decode("cp1255", errors="replace")


@pytest.mark.parametrize("text", [WESTERN, WESTERN_NO_U], ids=["with-ü", "é-à-only"])
def test_western_latin1_is_cp1252_not_garbled_hebrew(text: str) -> None:
    """A Latin-1 Western file is read as Windows-1252 (said to be guessed), never as Hebrew letters.

    With ``ü`` (0xFC, undefined in Windows-1255) and without it (every byte is then a Hebrew letter
    in Windows-1255, and only the letters give it away).
    """
    raw = text.encode("latin-1")
    d = decode(raw)
    assert (d.encoding, d.guessed, d.replaced) == ("cp1252", True, 0)
    assert d.text == raw.decode("latin-1") == text
    assert not any("\u05d0" <= ch <= "\u05ea" for ch in d.text)


def test_decode_does_not_raise_on_random_bytes() -> None:
    raw = bytes(range(256)) * 4
    d = decode(raw)
    assert isinstance(d.text, str)


@given(st.binary(max_size=300))
@settings(max_examples=300, deadline=None)
def test_property_decode_never_raises_and_replacements_are_counted(raw: bytes) -> None:
    """Property: any bytes decode; every U+FFFD not in the source is counted and its line named."""
    d = decode(raw)
    own = raw.decode(d.encoding, errors="replace").count("\ufffd") - raw.decode(d.encoding, errors="ignore").count("\ufffd")
    assert d.replaced == own
    assert bool(d.bad_lines) == bool(d.replaced)


# =========================================================================== read_csv
def _csv_rows(text: str, delimiter: str) -> list[list[str]]:
    """The reference reading: Python's csv module, told the delimiter."""
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter, skipinitialspace=True)]


def _frame_rows(frame: pd.DataFrame) -> list[list[str]]:
    return [list(frame.columns)] + [["" if pd.isna(v) else v for v in row] for row in frame.itertuples(index=False)]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"], ids=["comma", "semicolon", "tab", "pipe"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1255", "utf-16"])
def test_delimiters_and_encodings(delimiter: str, encoding: str) -> None:
    """Each delimiter in each encoding: the frame is what the csv module reads from the decoded text."""
    lines = [["מספר פנייה", "שירות", "נפתח", "הערה"],
             ["א-1", "חניה", "01/02/2025 08:00", "טופס מלא"],
             ["א-2", "ארנונה", "03/02/2025 09:30", ""],
             ["א-3", 'שירות "מהיר"', "17/02/2025", "הערה, עם פסיק" if delimiter != "," else "בלי"]]
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows(lines)
    text = buf.getvalue()
    r = read_csv(text.encode(encoding))
    assert r.delimiter == delimiter
    assert (r.first_row, r.skipped) == (2, 0)
    assert _frame_rows(r.frame) == _csv_rows(text, delimiter) == lines
    assert all(isinstance(v, str) for col in r.frame for v in r.frame[col] if not pd.isna(v))  # text, never numbers


def test_commas_inside_a_tab_separated_file() -> None:
    """The delimiter is the one every line agrees on, not the most frequent character of one line."""
    text = "case_id\tnote\tactivity\nC1\tHello, world, again, and more\topen\nC2\tx\ty\n"
    r = read_csv(text.encode())
    assert r.delimiter == "\t"
    assert _frame_rows(r.frame) == _csv_rows(text, "\t")


def test_decimal_commas_in_a_semicolon_file() -> None:
    text = "name;score;amount\nA;4,5;1.234,50\nB;3,0;12,00\n"
    r = read_csv(text.encode())
    assert r.delimiter == ";"
    assert _frame_rows(r.frame) == _csv_rows(text, ";")


KNOWN = {"case_id", "timestamp", "activity", "מספר פנייה", "תאריך", "פעולה"}


def _hits(row: list[str]) -> int:
    return sum(1 for cell in row if cell.strip() in KNOWN)


PREAMBLES = [
    # id,                     lines above the header (a report title, a date line, a blank line …)
    ("none", []),
    ("title", ["Case export — Municipality of Neve Tamar"]),
    ("title-with-commas", ["Case export, Municipality of Neve Tamar, Q1 2025"]),
    ("title-and-blank", ["דוח פניות", "הופק ב-05/04/2025", ""]),
    ("title-with-delimiters", ["Report;generated;by;the;system;at;night"]),
]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
@pytest.mark.parametrize("preamble", [p[1] for p in PREAMBLES], ids=[p[0] for p in PREAMBLES])
def test_title_lines_above_the_header_are_skipped(preamble: list[str], delimiter: str) -> None:
    """Title lines above the header (found with *hits*) are skipped; ``first_row`` is a file line.

    Blank lines among the data are kept as empty rows, so frame row i is file line first_row + i:
    checked against the file's own lines.
    """
    header = ["case_id", "timestamp", "activity"]
    data = [["C1", "2025-01-01 08:00", "open"], [], ["C2", "2025-01-02 09:00", "close"], ["C3", "", "open"]]
    body = [delimiter.join(row) for row in [header] + data]
    text = "\n".join(preamble + body) + "\n"
    calls: list[list[str]] = []

    def hits(row: list[str]) -> int:
        calls.append(list(row))
        return _hits(row)

    r = read_csv(text.encode("utf-8"), hits=hits)
    assert calls and all(isinstance(c, list) for c in calls)
    assert (r.delimiter, r.skipped, r.first_row) == (delimiter, len(preamble), len(preamble) + 2)
    assert list(r.frame.columns) == header
    file_lines = text.split("\n")
    for i, row in enumerate(r.frame.itertuples(index=False)):
        line = file_lines[r.first_row + i - 1]  # file lines are 1-based
        expected = line.split(delimiter) if line else [""] * len(header)
        assert ["" if pd.isna(v) else v for v in row] == expected
    assert len(r.frame) == len(data)
    assert r.frame.iloc[1].isna().all()  # the blank line, kept


def test_without_hits_nothing_is_skipped() -> None:
    r = read_csv("case_id,activity\nC1,open\n".encode(), hits=None)
    assert (r.skipped, r.first_row) == (0, 2)


# too many fields: (id, text, line of the offending row in the file)
TOO_MANY = [
    ("second-data-row", "case_id,timestamp,activity\nC1,2025-01-01,open\nC2,2025-01-02,close,extra\n", 3),
    ("two-extra", "case_id,timestamp,activity\nC1,2025-01-01,open\nC2,2025-01-02,close,x,y\n", 3),
    ("first-data-row", "case_id,timestamp,activity\nC1,2025-01-01,open,extra\nC2,2025-01-02,close\n", 2),
    ("after-title", "Case export\ncase_id,timestamp,activity\nC1,2025-01-01,open\nC2,2025-01-02,close,extra\n", 4),
    ("after-title-and-blanks", "Case export\n\ncase_id,timestamp,activity\nC1,2025-01-01,open\n\n"
                               "C2,2025-01-02,close,extra\n", 6),
    ("first-row-after-title", "Case export\n\ncase_id,timestamp,activity\nC1,2025-01-01,open,extra\n", 4),
    ("semicolon-after-title", "Export; Q1\ncase_id;timestamp;activity\nC1;2025-01-01;open\nC2;x;y;z;w\n", 4),
]


@pytest.mark.parametrize(("text", "line"), [c[1:] for c in TOO_MANY], ids=[c[0] for c in TOO_MANY])
def test_a_line_with_too_many_fields(text: str, line: int) -> None:
    """A row with more fields than the header is refused (never silently cut), with its file line."""
    with pytest.raises(Unreadable) as err:
        read_csv(text.encode(), hits=_hits)
    assert err.value.reason == "csv_fields"
    assert err.value.line == line
    # the reference: the file line the csv module finds longer than the header
    rows = text.split("\n")
    assert len(next(csv.reader([rows[line - 1]], delimiter=";" if ";" in rows[line - 1] else ","))) > 3


@pytest.mark.parametrize("raw", [b"", b"\n\n", b"   \n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE],
                         ids=["empty", "blank-lines", "spaces", "bom-only", "utf16-bom-only"])
def test_empty_file(raw: bytes) -> None:
    r = read_csv(raw, hits=_hits)
    assert r.frame.empty and list(r.frame.columns) == []
    assert r.first_row == 2


def test_header_only() -> None:
    r = read_csv(b"case_id,activity\n", hits=_hits)
    assert list(r.frame.columns) == ["case_id", "activity"] and len(r.frame) == 0


def test_unnamed_columns_get_their_position() -> None:
    r = read_csv(b"case_id,,activity\nC1,x,open\n")
    assert list(r.frame.columns) == ["case_id", "#2", "activity"]


def test_values_stay_text() -> None:
    """Leading zeros, codes and numbers stay as written (strings), blanks are NA."""
    r = read_csv(b"id,code,n\n007,0012,1.50\n,NA,\n")
    assert r.frame.iloc[0].tolist() == ["007", "0012", "1.50"]
    assert r.frame.iloc[1, 1] == "NA" and pd.isna(r.frame.iloc[1, 0]) and pd.isna(r.frame.iloc[1, 2])


# =========================================================================== gunzip
def test_gunzip_as_gzip_decompress() -> None:
    raw = (HEBREW * 200).encode()
    packed = gzip.compress(raw)
    assert gunzip(packed, limit=len(raw)) == gzip.decompress(packed) == raw


def test_gunzip_limit_is_inclusive() -> None:
    packed = gzip.compress(b"x" * 1000)
    assert len(gunzip(packed, limit=1000)) == 1000
    with pytest.raises(Unreadable) as err:
        gunzip(packed, limit=999)
    assert err.value.reason == "gzip_large"


def test_gzip_bomb_refused_without_unpacking() -> None:
    """50 MB of zeros packed into ~50 kB: refused at the 1 MB limit, never unpacked whole."""
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    with pytest.raises(Unreadable) as err:
        gunzip(bomb, limit=1_000_000)
    assert err.value.reason == "gzip_large"


def test_gzip_bomb_in_a_later_member_refused() -> None:
    bomb = gzip.compress(b"a,b\n") + gzip.compress(b"\0" * 5_000_000)
    with pytest.raises(Unreadable) as err:
        gunzip(bomb, limit=1_000_000)
    assert err.value.reason == "gzip_large"


def test_concatenated_members_all_read() -> None:
    """``cat part1.gz part2.gz``: every member, as gzip.decompress reads it (no rows silently lost)."""
    packed = gzip.compress(b"case_id,activity\nC1,open\n") + gzip.compress(b"C2,close\n")
    assert gunzip(packed, limit=10_000) == gzip.decompress(packed) == b"case_id,activity\nC1,open\nC2,close\n"


@pytest.mark.parametrize("raw", [b"not gzip at all", gzip.compress(b"a,b\n1,2\n" * 100)[:-20],
                                 gzip.compress(b"a,b\n1,2\n" * 100)[:-4]], ids=["not-gzip", "truncated", "no-trailer"])
def test_broken_gzip_refused(raw: bytes) -> None:
    """Not gzip, or cut short: unreadable (as gzip.decompress refuses it), never a partial file."""
    with pytest.raises((OSError, EOFError)):
        gzip.decompress(raw)
    with pytest.raises(Unreadable) as err:
        gunzip(raw, limit=10_000)
    assert err.value.reason == "gzip"


def test_empty_gzip_refused() -> None:
    with pytest.raises(Unreadable) as err:
        gunzip(b"", limit=10_000)
    assert err.value.reason == "gzip"


# cells of words (Hebrew words of 4+ letters, as in real text: a Latin letter glued to a Hebrew one
# is what marks a Western file read as Windows-1255), delimiters, quotes and punctuation
CELL = st.lists(st.sampled_from(["abc", "Zoe", "שלום", "פנייה", "12", ",", ";", "|", "\t", '"', "'", ".", "-", "/",
                                 ":", " "]), max_size=6).map(lambda t: "".join(t).lstrip())


@given(st.sampled_from([",", ";", "\t", "|"]), st.integers(2, 5), st.data(),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1255"]))
@settings(max_examples=200, deadline=None)
def test_property_any_table_read_back(delimiter: str, width: int, data: st.DataObject, encoding: str) -> None:
    """Property: a table written by the csv module (quoting what needs it) is read back cell for cell."""
    header = [f"col{i}" for i in range(width)]
    rows = data.draw(st.lists(st.lists(CELL, min_size=width, max_size=width), min_size=1, max_size=8))
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows([header] + rows)
    r = read_csv(buf.getvalue().encode(encoding))
    assert r.delimiter == delimiter
    assert _frame_rows(r.frame) == [header] + rows


# the counts behind the Western-file guess, taken with numpy on the bytes in slices (issue 15), against
# re.findall over the Windows-1255 reading itself: ASCII letters and digits, the Hebrew letters' first and
# last bytes, a Hebrew point (0xD4), Latin-1 signs Windows-1255 has (0xA2, 0xAA), bytes it leaves
# undefined (0xCA, 0xFB, 0xFF: the replacement character) and 0xDF, 0xF4, 0xFA at the letters' edges
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list(b"aZbQz@[` \n1:") + [0xE0, 0xE1, 0xE9, 0xF4, 0xFA, 0xD4, 0xA2, 0xAA, 0xCA, 0xDF,
                                                          0xFB, 0xFF]), max_size=80).map(bytes),
       st.sampled_from([1, 5, 1 << 22]))
def test_western_counts_are_the_regex_counts(sample, size):
    from svcwork.exports import text as text_module

    reading = sample.decode("cp1255", errors="replace")
    assert len(reading) == len(sample)  # one character a byte
    reference = (len(text_module._HEBREW_IN_LATIN.findall(reading)), len(text_module._HEBREW_PAIR.findall(reading)))
    original = text_module._WESTERN_SLICE
    text_module._WESTERN_SLICE = size  # slices cut at line ends: no match spans them
    try:
        assert text_module._western_counts(sample) == reference
    finally:
        text_module._WESTERN_SLICE = original


# --------------------------------------------------------------------------- the first lines, not all
_BREAKS = ["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.tuples(st.text(alphabet="ab,;ש", max_size=6), st.sampled_from(_BREAKS + [""])), max_size=40),
       n=st.integers(0, 12), chunk=st.integers(1, 9))
def test_first_lines_are_the_first_lines_of_the_whole_text(parts, n, chunk):
    """Against ``str.splitlines`` of the whole text (the reference): every kind of line break, a
    ``\\r\\n`` cut in two by the prefix, prefixes far shorter than a line."""
    from svcwork.exports.text import _first_lines

    text = "".join(a + b for a, b in parts)
    assert _first_lines(text, n, chunk=chunk) == text.splitlines()[:n]


def test_first_lines_do_not_split_the_whole_export(monkeypatch):
    """A 300,000-line export: the delimiter is judged from its first lines, split from a prefix (not the
    whole text split into every line)."""
    from svcwork.exports import text as module

    seen = []

    class Probe(str):
        def __getitem__(self, key):  # the prefixes asked for
            part = str.__getitem__(self, key)
            seen.append(len(part))
            return part

    whole = "a;b\n" + "1;2\n" * 300_000
    assert module._delimiter(Probe(whole)) == ";"
    assert seen and max(seen) < len(whole) // 10


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet='ab;,"\r\n ש', max_size=60), delimiter=st.sampled_from([",", ";"]))
def test_header_rows_are_read_line_by_line_as_from_a_whole_buffer(text, delimiter):
    """The rows the header search reads (one line at a time) are those csv reads from ``io.StringIO``
    of the whole text (the reference), quotes spanning lines and lone ``\\r`` included."""
    from svcwork.exports.text import _lines

    def rows(lines):
        reader = csv.reader(lines, delimiter=delimiter, skipinitialspace=True)
        try:
            return [(row, reader.line_num) for row in reader]
        except csv.Error as exc:
            return str(exc)

    assert rows(_lines(text)) == rows(io.StringIO(text))
