"""The consultant's own words: ``commentary.md`` beside the client's data.

A client folder may hold ``commentary.md`` (also ``commentary.he.md`` / ``commentary.en.md`` for
the report's language, or ``הערות.md``): Markdown, one ``##`` heading per report section — by
its key (``journeys``) or its title in either language ("Citizen journeys and processes",
"מסעות לקוח ותהליכים") — and an opening note for the executive summary under ``## summary`` (or
the summary's title in either language).  Text before the first ``##`` heading is the opening
note too.  Each part appears at the top of its section in every output, marked as the
consultant's text.

Client and consultant text is data: the Markdown is rendered by markdown-it-py (CommonMark plus
tables) with raw HTML off (shown as text), images off (a report links nothing external), and
links kept only for ``http``, ``https`` and ``mailto`` (others stay plain text).  An unknown
heading is a warning naming it; its text is not lost: it is listed with the warning.

The file is decoded as the package reads exports (:func:`svcwork.exports.text.decode`: UTF-8 with or
without a BOM, UTF-16, or Windows-1255 as Notepad in a Hebrew locale saves it), never guessed
wholesale; a file that none of them reads is refused with the lines that cannot be read, and
:func:`commentary_problems` says so (as a warning) wherever the client is validated.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Mapping, Sequence

from .i18n import t

if TYPE_CHECKING:  # pragma: no cover
    from .errors import Problem

__all__ = ["Commentary", "read_commentary", "commentary_problems", "commentary_file", "parse_commentary",
           "render_markdown", "markdown_parser", "markdown_paragraphs", "markdown_lines", "heading_levels",
           "COMMENTARY_FILES", "SAFE_SCHEMES", "OPENING"]

#: The file names a client folder may use, most specific first (``{lang}``: the report's language).
COMMENTARY_FILES = ("commentary.{lang}.md", "commentary.md", "הערות.md")

#: The link schemes kept as links; anything else is shown as text.
SAFE_SCHEMES = ("http", "https", "mailto")

#: The key of the executive summary's opening note.
OPENING = "summary"

#: A commentary file larger than this is refused (it is prose, not data).
MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class Commentary:
    """The consultant's text by report part (``summary`` or a section key), as Markdown source,
    and the headings that named no part (each with its text, so nothing is lost)."""

    parts: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    unknown: tuple[tuple[str, str], ...] = ()
    source: str | None = None

    def get(self, key: str) -> str | None:
        text = self.parts.get(key)
        return text if text and text.strip() else None

    def html(self, key: str, *, base: int = 3) -> str | None:
        """The part *key* as sanitised HTML, its first heading at ``h{base}`` (None when the
        consultant wrote nothing for it)."""
        text = self.get(key)
        return render_markdown(text, base=base) if text is not None else None

    def warnings(self, lang: str) -> list[str]:
        """One sentence per unknown heading, in *lang*."""
        return [t("report.commentary.unknown", lang, heading=heading, file=self.source or "commentary.md")
                for heading, _ in self.unknown]


def markdown_parser():
    """The one Markdown parser of svcwork: CommonMark and tables, no raw HTML, no images, safe links."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
    md.disable("image")

    def validate(url: str) -> bool:
        scheme = re.match(r"\s*([A-Za-z][A-Za-z0-9+.\-]*):", url)
        return scheme is not None and scheme.group(1).casefold() in SAFE_SCHEMES

    md.validateLink = validate
    return md


def heading_levels(levels: Sequence[int], base: int, *, deepest: int = 6) -> list[int]:
    """The outline levels of a commentary part's headings (their Markdown levels *levels*, in order)
    under the heading of the part they sit in: the first at *base*, and each one at most one level
    below the heading before it, so that no level is skipped (WCAG 2.1 SC 1.3.1, IS 5568) — ``###``
    straight under a section becomes *base*, not *base* + 2.  A heading as deep as an open one
    closes it (its level again); never deeper than *deepest*.  The one rule of report.html/pdf
    (:func:`render_markdown`) and report.docx (:mod:`svcwork.word.markdown`)."""
    out: list[int] = []
    open_levels: list[int] = []  # the Markdown levels of the headings this one may sit under
    for level in levels:
        while open_levels and open_levels[-1] >= level:
            open_levels.pop()
        out.append(min(deepest, base + len(open_levels)))
        open_levels.append(level)
    return out


def render_markdown(text: str, *, base: int = 3) -> str:
    """*text* (Markdown) as sanitised HTML; its headings nest under the part's heading
    (:func:`heading_levels`): the first at ``h{base}`` (a section's ``h2`` is above it), none
    skipping a level."""
    md = markdown_parser()
    tokens = md.parse(text)
    opens = [token for token in tokens if token.type == "heading_open"]
    shown = iter(heading_levels([int(token.tag[1]) for token in opens], base))
    level = base
    for token in tokens:
        if token.type == "heading_open":
            level = next(shown)
            token.tag = f"h{level}"
        elif token.type == "heading_close":
            token.tag = f"h{level}"
        for child in token.children or ():
            if child.type == "link_open":
                child.attrSet("rel", "noopener noreferrer")
    return md.renderer.render(tokens, md.options, {})


def markdown_paragraphs(text: str) -> list[str]:
    """*text* (Markdown) as plain paragraphs (headings, paragraphs, list items, table cells) for
    outputs without markup such as slides: the words only (emphasis and link targets dropped, raw
    HTML kept as the text it is)."""
    out = []
    for token in markdown_parser().parse(text):
        if token.type != "inline":
            continue
        words = "".join(" " if c.type in ("softbreak", "hardbreak") else c.content
                        for c in token.children or () if c.type in ("text", "code_inline", "softbreak", "hardbreak"))
        if words.strip():
            out.append(words.strip())
    return out


def markdown_lines(text: str) -> list[tuple[str, bool]]:
    """:func:`markdown_paragraphs` with whether each is a list item (``True``: shown as a bullet on
    a slide; prose paragraphs, headings and table cells are not)."""
    out = []
    items = 0
    for token in markdown_parser().parse(text):
        if token.type == "list_item_open":
            items += 1
        elif token.type == "list_item_close":
            items -= 1
        if token.type != "inline":
            continue
        words = "".join(" " if c.type in ("softbreak", "hardbreak") else c.content
                        for c in token.children or () if c.type in ("text", "code_inline", "softbreak", "hardbreak"))
        if words.strip():
            out.append((words.strip(), items > 0))
    return out


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def _names(sections: Sequence[str]) -> dict[str, str]:
    """Every name a heading may use for a part: its key and its titles in both languages."""
    names = {_norm(OPENING): OPENING}
    for lang in ("he", "en"):
        names[_norm(t("report.executive_summary", lang))] = OPENING
    for key in sections:
        names[_norm(key)] = key
        for lang in ("he", "en"):
            names[_norm(t(f"report.section.{key}", lang))] = key
    return names


def parse_commentary(text: str, *, sections: Sequence[str], source: str | None = None) -> Commentary:
    """Split *text* at its ``##`` headings into the parts of the report (see the module)."""
    names = _names(sections)
    parts: dict[str, list[str]] = {}
    unknown: list[tuple[str, list[str]]] = []
    current: list[str] = parts.setdefault(OPENING, [])
    fence = False
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if re.match(r"\s{0,3}(```|~~~)", line):
            fence = not fence
        heading = None if fence else re.match(r"\s{0,3}##(?!#)\s*(.*?)\s*#*\s*$", line)
        if heading is not None:
            key = names.get(_norm(heading.group(1)))
            if key is None:
                unknown.append((heading.group(1), []))
                current = unknown[-1][1]
            else:
                current = parts.setdefault(key, [])
            continue
        current.append(line)
    return Commentary(MappingProxyType({k: "\n".join(v).strip() for k, v in parts.items() if "\n".join(v).strip()}),
                      tuple((h, "\n".join(v).strip()) for h, v in unknown), source)


def commentary_file(folder: str | Path, *, lang: str) -> Path | None:
    """The commentary file of the client in *folder* for a report in *lang* (:data:`COMMENTARY_FILES`,
    most specific first), or None when it has none."""
    folder = Path(folder)
    for name in COMMENTARY_FILES:
        path = folder / name.format(lang=lang)
        if path.is_file():
            return path
    return None


def read_commentary(folder: str | Path, *, lang: str, sections: Sequence[str]) -> Commentary:
    """The commentary of the client in *folder* (an empty one when it has none).  The file is decoded
    as exports are (:func:`svcwork.exports.text.decode`: UTF-8 with or without a BOM, UTF-16,
    Windows-1255); a file that cannot be read, that none of them reads whole, or larger than
    :data:`MAX_BYTES`, raises :class:`svcwork.errors.InputFileError` with the reason in *lang*."""
    from .errors import InputFileError
    from .exports.text import decode
    from .i18n import fmt_list

    path = commentary_file(folder, lang=lang)
    if path is None:
        return Commentary()
    try:
        raw = path.read_bytes()
    except OSError as exc:  # no permission, a folder of that name …: the report is made without it, and says so
        raise InputFileError(t("cli.commentary_unreadable", lang, file=path.name,
                               detail=exc.strerror or type(exc).__name__), code="commentary_unreadable") from None
    if len(raw) > MAX_BYTES:
        raise InputFileError(t("report.commentary.too_large", lang, file=path.name, limit=MAX_BYTES // 1000),
                             code="commentary_too_large")
    decoded = decode(raw)
    if decoded.replaced:
        lines = fmt_list([str(n) for n in decoded.bad_lines[:5]], lang)
        raise InputFileError(t("report.commentary.undecodable", lang, file=path.name, lines=lines),
                             code="commentary_unreadable")
    return parse_commentary(decoded.text, sections=sections, source=path.name)


def commentary_problems(folder: str | Path, *, lang: str, sections: Sequence[str]) -> tuple["Problem", ...]:
    """What validating the client in *folder* says about its commentary, as warnings in *lang*: a file
    that cannot be read (its text would be left out of the report) and headings that name no part."""
    from .errors import WARNING, InputFileError, Problem

    path = commentary_file(folder, lang=lang)
    if path is None:
        return ()
    try:
        notes = read_commentary(folder, lang=lang, sections=sections)
    except InputFileError as exc:
        return (Problem(WARNING, exc.code, path.name, None, None, None, None, None, exc.message),)
    return tuple(Problem(WARNING, "commentary_heading", path.name, None, None, None, heading, None, message)
                 for (heading, _), message in zip(notes.unknown, notes.warnings(lang)))
