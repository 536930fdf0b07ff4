"""The Word writer: styles, page set-up and the building blocks of report.docx (headings with
bookmarks for the contents, text with key-figure links, tables, pictures, the consultant's
commentary), and the finishing pass (contents field, right-to-left, properties, bytes)."""

from __future__ import annotations

import hashlib
import io
import itertools
import re
from typing import Any, Callable, Mapping, Sequence

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.shape import CT_Inline
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ..errors import SvcworkError
from ..i18n import LRM, is_signed, isolate_signs, t
from ..keyfigures import _MARK  # the report's figure markers (key, shown text): one definition
from ..keyfigures import KeyFigure
from ..workbook import FIXED_TIME, reproducible_zip
from . import oxml
from .oxml import OxmlElement, qn  # python-docx's, their tags' parsing remembered

__all__ = ["Writer", "WordError", "figure_bookmark", "PAGE", "MARGIN"]

#: A4 portrait (width, height) and the page margin on every side.
PAGE = (Mm(210), Mm(297))
MARGIN = Mm(20)

#: A figure's height at most, as a share of the page's text height: two portrait figures to a
#: page, a tall one up to most of a page; a landscape one leaves room for its caption.
_FIGURE_HEIGHT = {"portrait": 0.42, "tall": 0.78, "landscape": 0.82}

#: The dashboard's reading of a tile as a background colour (the words say it too).
_STATUS_FILL = {"good": "DDF1E6", "watch": "FFF1C7", "bad": "F8DCCD", "none": "ECEEF1"}
_COMMENTARY_FILL = "F4F6F8"
_NOTE_COLOR = "5A6270"
#: The left and right margin inside a table cell (twips; Word's default is 108).
_CELL_MARGIN = 72
_LINK_COLOR = "0563C1"

#: Text that reads as a number (as report.pieces._cell): aligned and kept left-to-right as one.
_NUMERIC = re.compile(r"^[\s−\-+]?[\d,.]+\s?%?$")
#: LEFT-TO-RIGHT MARK: put before a number in Hebrew text so that its sign and range stay in place.

Cell = tuple  # (str or callable(paragraph), numeric: bool[, the text a callable writes, for the widths])


class WordError(SvcworkError):
    """report.docx could not be made from what was recorded (e.g. a figure that is not an image)."""

    code = "word"


def figure_bookmark(key: str) -> str:
    """The (hidden) bookmark of a key figure's row in the key-figures appendix."""
    return "_kf" + hashlib.sha1(key.split("@", 1)[0].encode("utf-8")).hexdigest()[:16]


def table_size(ncols: int) -> float:
    """The font size (pt) of a table's cells: smaller for a wide table."""
    return 8.0 if ncols >= 8 else 9.0


#: The smallest size (pt) a table's cells are set at so that its words and numbers fit their columns whole.
_LEAST_SIZE = 7.0

#: Advance widths of Arial's characters (em) that numbers, dates and periods are made of; any other
#: character counts as :data:`_OTHER_EM` (wider than Arial's average letter, Hebrew or Latin).
_EM = {**dict.fromkeys("0123456789", 0.556), ".": 0.278, ",": 0.278, ":": 0.278, "/": 0.278, "%": 0.889,
       "-": 0.333, "+": 0.584, "−": 0.584, "–": 0.556, "—": 1.0, "(": 0.333, ")": 0.333, "[": 0.278, "]": 0.278,
       " ": 0.278, "\u00a0": 0.278, "\u200e": 0.0, "\u200f": 0.0, "\u2066": 0.0, "\u2069": 0.0}
_OTHER_EM = 0.62


def text_em(text: str, *, bold: bool = False) -> float:
    """How wide *text* is set in Arial, in em (bold a little wider)."""
    return sum(_EM.get(ch, _OTHER_EM) for ch in text) * (1.07 if bold else 1.0)


#: A hyphen inside a date, a period or a number range ("2026-03", "2026-03-31"): a line may not break there.
_DATE_HYPHEN = re.compile(r"(?<=\d)-(?=\d)")


def keep_hyphens(run_el) -> None:  # noqa: ANN001 - a CT_R
    """Write the hyphens of the dates and periods in the run element *run_el* as Word's
    non-breaking hyphen (``w:noBreakHyphen``, read back as "-"), so "2026-03" never breaks after
    its "-" when a table cell's text wraps."""
    for t_el in list(run_el.iter(qn("w:t"))):
        parts = _DATE_HYPHEN.split(t_el.text or "")
        if len(parts) < 2:
            continue
        at = run_el.index(t_el)
        run_el.remove(t_el)
        for i, part in enumerate(parts):
            if i:
                run_el.insert(at, OxmlElement("w:noBreakHyphen"))
                at += 1
            if part:
                el = OxmlElement("w:t")
                el.text = part
                if part != part.strip():
                    el.set(qn("xml:space"), "preserve")
                run_el.insert(at, el)
                at += 1


def unbroken(text: str) -> list[str]:
    """The parts of a cell's *text* that must never break across lines: each word holding a digit
    (a number, a percentage, a date, a period, a range such as "47%–50%")."""
    return [word for word in str(text).split() if any(ch.isdigit() for ch in word)]


def _hex(color: str) -> str:
    return color.lstrip("#").upper()


def _dark(color: str) -> bool:
    r, g, b = (int(_hex(color)[i:i + 2], 16) for i in (0, 2, 4))
    return 0.299 * r + 0.587 * g + 0.114 * b < 150


class Writer:
    """One Word document being written in *lang* with the client's *accent* colour; *registry*
    holds the key figures its text may quote (each quoted one links to its appendix row)."""

    def __init__(self, *, lang: str, accent: str, registry: Mapping[str, KeyFigure]):
        self.doc = Document()
        self.lang = lang
        self.rtl = lang == "he"
        self.accent = _hex(accent)
        self.registry = registry
        self.quoted: set[str] = set()
        self.headings: list[tuple[int, str, str]] = []  # level, text, bookmark
        self.anchors: dict[str, str] = {}  # a section key or table id -> its bookmark
        self._ids = itertools.count(1)
        self._toc_names = itertools.count(1)
        self._shape_id: int | None = None  # the next picture's id (docPr), counted from the first
        self._style_ids: dict[str, str] = {}  # style name -> id, looked up once (python-docx scans every style per lookup)
        self.fresh_page = True
        self.landscape = False
        self._styles()
        self._page(self.doc.sections[0], landscape=False)

    # ------------------------------------------------------------------ set-up
    def _styles(self) -> None:
        styles = self.doc.styles
        accent = RGBColor.from_string(self.accent)
        normal = styles["Normal"]
        normal.font.size = Pt(10.5)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15
        for level, size in zip(range(1, 10), (16, 13, 11.5, 11, 10.5, 10.5, 10.5, 10.5, 10.5)):
            style = styles[f"Heading {level}"]
            style.font.color.rgb = accent
            style.font.size = Pt(size)
            style.font.bold = True
        styles["Heading 1"].paragraph_format.space_after = Pt(6)
        title = styles["Title"]
        title.font.color.rgb = accent
        title.font.size = Pt(26)
        for bottom in title.element.iter(qn("w:bottom")):  # the rule under the title in the accent colour
            bottom.set(qn("w:color"), self.accent)
            for name in ("w:themeColor", "w:themeShade", "w:themeTint"):
                bottom.attrib.pop(qn(name), None)
        subtitle = styles["Subtitle"]
        subtitle.font.color.rgb = RGBColor.from_string("3D4650")
        subtitle.font.italic = False
        caption = styles["Caption"]
        caption.font.color.rgb = RGBColor.from_string("3D4650")
        caption.font.size = Pt(9)
        caption.paragraph_format.space_after = Pt(4)
        styles["Footer"].font.size = Pt(8)
        note = styles.add_style("Note", WD_STYLE_TYPE.PARAGRAPH)
        note.base_style = normal
        note.font.size = Pt(9)
        note.font.color.rgb = RGBColor.from_string(_NOTE_COLOR)
        link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        link.font.color.rgb = RGBColor.from_string(_LINK_COLOR)
        link.font.underline = True
        figure = styles.add_style("Key Figure", WD_STYLE_TYPE.CHARACTER)
        figure.font.color.rgb = accent
        for level in (1, 2, 3):
            toc = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
            toc.base_style = normal
            toc.paragraph_format.left_indent = Mm(6 * (level - 1))  # the leading edge in a bidi paragraph
            toc.paragraph_format.space_after = Pt(3)
            toc.font.bold = level == 1

    def _page(self, section, *, landscape: bool) -> None:
        width, height = PAGE
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (height, width) if landscape else (width, height)
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = MARGIN
        section.header_distance = section.footer_distance = Mm(10)
        if self.rtl:
            oxml.child(section._sectPr, "bidi", oxml.SECTPR)
            oxml.child(section._sectPr, "rtlGutter", oxml.SECTPR)

    def footer(self) -> None:
        """Page numbers in the footer ("Page 3 of 40": PAGE and NUMPAGES fields)."""
        p = self.doc.sections[0].footer.paragraphs[0]
        p.style = self.doc.styles["Footer"]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        text = t("report.page_of", self.lang, page="\x00PAGE\x00", pages="\x00NUMPAGES\x00")
        for i, part in enumerate(text.split("\x00")):
            if i % 2:
                oxml.simple_field(p._p, part, "1")
            elif part:
                self.run(p, part)

    # ------------------------------------------------------------------ measures
    def text_width(self) -> int:
        """The width between the margins of the current section (EMU)."""
        section = self.doc.sections[-1]
        return int(section.page_width - section.left_margin - section.right_margin)

    def text_height(self) -> int:
        section = self.doc.sections[-1]
        return int(section.page_height - section.top_margin - section.bottom_margin)

    def orientation(self, landscape: bool) -> None:
        """Continue on a landscape (or again portrait) page: a new section when it changes."""
        if landscape == self.landscape:
            return
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        self._page(section, landscape=landscape)
        self.landscape = landscape
        self.fresh_page = True

    # ------------------------------------------------------------------ text
    def run(self, p: Paragraph, text: Any, *, parent=None, bold: bool = False, italic: bool = False,
            mono: bool = False, link: bool = False, size: Any = None, color: str | None = None,
            style: str | None = None) -> Run:
        """*text* as one text run of *p* (inside *parent*, a hyperlink, when given); never markup."""
        text = oxml.clean(text)
        if parent is None and not (style or link or bold or italic or mono or color) and "\t" not in text \
                and "\n" not in text:
            return Run(oxml.plain_run(p._p, text, size), p)  # most runs (table cells): python-docx's XML, built directly
        if parent is None:
            r = p.add_run(text)
        else:
            el = OxmlElement("w:r")
            parent.append(el)
            r = Run(el, p)
            r.text = text
        if style or link:
            r._r.style = self.style_id(style or "Hyperlink")
        if bold:
            r.bold = True
        if italic:
            r.italic = True
        if mono:
            r.font.name = "Courier New"
        if size is not None:
            r.font.size = size
        if color:
            r.font.color.rgb = RGBColor.from_string(_hex(color))
        return r

    def marked(self, p: Paragraph, text: str, **fmt: Any) -> None:
        """A sentence with key-figure markers: the numbers as they are shown, each a link to its
        definition in the key-figures appendix (when the registry has it)."""
        text = str(text or "")
        pos = 0
        for m in _MARK.finditer(text):
            if m.start() > pos:
                self.run(p, isolate_signs(text[pos:m.start()], self.lang), **fmt)
            key = m[1].split("@", 1)[0]
            shown = LRM + m[2] if self.rtl and is_signed(m[2]) else m[2]  # "-22", not "22-", in Hebrew
            if key in self.registry:
                self.quoted.add(key)
                link = oxml.hyperlink(p._p, anchor=figure_bookmark(key))
                self.run(p, shown, parent=link, style="Key Figure", **fmt)
            else:
                self.run(p, shown, **fmt)
            pos = m.end()
        if pos < len(text):
            self.run(p, isolate_signs(text[pos:], self.lang), **fmt)

    def external_link(self, p: Paragraph, url: str):
        """A hyperlink element to *url* (already checked safe) appended to *p*."""
        rel = self.doc.part.relate_to(oxml.clean(url), RT.HYPERLINK, is_external=True)
        return oxml.hyperlink(p._p, rel_id=rel)

    def para(self, container: Any = None, *, style: str | None = None, text: str | None = None,
             marked: bool = True, **fmt: Any) -> Paragraph:
        """A new paragraph at the end of *container* (the document or a table cell)."""
        p = (self.doc if container is None else container).add_paragraph()
        if style:
            p._p.style = self.style_id(style)
        if container is None:
            self.fresh_page = False
        if text:
            (self.marked if marked else self.run)(p, text, **fmt)
        return p

    def style_id(self, name: str) -> str:
        """The id of the style called *name* (what a paragraph or run refers to), looked up once."""
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
        return self._style_ids[name]

    def note(self, text: str, container: Any = None) -> Paragraph:
        return self.para(container, style="Note", text=text, marked=False)

    def bookmark(self, p: Paragraph, name: str) -> None:
        oxml.bookmark(p._p, name, next(self._ids))

    def heading(self, text: str, level: int, *, container: Any = None, new_page: bool = False,
                rich: Callable[[Paragraph], None] | None = None, key: str | None = None) -> str:
        """A Heading *level* paragraph (in the navigation pane and the contents), on a new page
        when asked; returns its bookmark (also kept under *key*, for links to it)."""
        level = max(1, min(9, level))
        if new_page and container is None:
            self.orientation(False)  # a chapter starts on a portrait page
        fresh = self.fresh_page
        p = self.para(container, style=f"Heading {level}")
        if new_page and not fresh:
            p.paragraph_format.page_break_before = True
        if rich is not None:
            rich(p)
        else:
            self.run(p, text)
        name = f"_Toc{next(self._toc_names):09d}"
        self.bookmark(p, name)
        self.headings.append((level, " ".join(oxml.clean(text).split()), name))
        if key is not None:
            self.anchors[key] = name
        return name

    def bullets(self, items: Sequence[str], *, container: Any = None) -> None:
        for item in items:
            self.para(container, style="List Bullet", text=item)

    def numbered(self, items: Sequence[str], *, container: Any = None) -> None:
        """A numbered list starting at 1 (each list its own numbering)."""
        num = self.restart_numbering("List Number", 1)
        for item in items:
            p = self.para(container, style="List Number", text=item)
            self.number(p, num)

    def restart_numbering(self, style: str, start: int) -> int:
        """A new numbering instance of list *style* that starts at *start*; its id."""
        num_id = self.doc.styles[style].element.pPr.numPr.numId.val
        numbering = self.doc.part.numbering_part.element
        num = numbering.add_num(numbering.num_having_numId(num_id).abstractNumId.val)
        num.add_lvlOverride(ilvl=0).add_startOverride(max(0, int(start)))
        return num.numId

    @staticmethod
    def number(p: Paragraph, num_id: int) -> None:
        numpr = p._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = 0
        numpr.get_or_add_numId().val = num_id

    def rule(self, container: Any = None) -> None:
        p = self.para(container)
        oxml.border(p._p.get_or_add_pPr(), "pBdr", oxml.PPR, ["bottom"], color="8A8F98", size=6)

    # ------------------------------------------------------------------ tables
    def grid(self, container: Any, header: Sequence[Cell] | None, rows: Sequence[Sequence[Cell]], *,
             numeric_right: bool = True, caption: str | None = None, width: int | None = None,
             size: Any = None):
        """A table: the optional *header* row (repeated on every page, in the accent colour), then
        *rows*.  A cell is ``(text or callable(paragraph), numeric)`` (a callable may add the text it
        writes, for the column widths); numbers are aligned to the end and kept left-to-right in a
        Hebrew table."""
        body = list(rows)
        ncols = max([len(header or ())] + [len(r) for r in body])
        if ncols == 0:
            return None
        target = self.doc if container is None else container
        self._after_table(container)
        table = target.add_table(rows=len(body) + (1 if header else 0), cols=ncols)
        table._tbl.tblStyle_val = self.style_id("Table Grid")  # as ``table.style =`` sets it, looked up once
        all_rows = ([list(header)] if header else []) + [list(r) for r in body]
        total = width or (self.text_width() if container is None else int(self.text_width() * 0.9))
        if size is None:  # a table whose words (numbers among them) do not fit whole at its size is set smaller
            size = Pt(table_size(ncols))
            if sum(self.columns(all_rows, ncols, size.pt, header=bool(header))[4]) > total:
                size = Pt(_LEAST_SIZE)
        widths = self._widths(*self.columns(all_rows, ncols, size.pt, header=bool(header)), total)
        tbl = table._tbl
        tblpr = tbl.tblPr
        oxml.child(tblpr, "tblW", oxml.TBLPR, w=str(sum(widths) // 635), type="dxa")
        oxml.child(tblpr, "tblLayout", oxml.TBLPR, type="fixed")
        margins = oxml.child(tblpr, "tblCellMar", oxml.TBLPR)
        for side in ("left", "right"):
            oxml.child(margins, side, ("top", "left", "start", "bottom", "right", "end"), w=str(_CELL_MARGIN), type="dxa")
        if caption:
            oxml.child(tblpr, "tblCaption", oxml.TBLPR, val=oxml.clean(caption)[:250])
        for col, w in zip(tbl.tblGrid.gridCol_lst, widths):
            col.w = Emu(w)
        fill = self.accent
        head_color = "FFFFFF" if _dark(fill) else "000000"
        for ri, (row, cells) in enumerate(zip(table.rows, all_rows)):
            trpr = row._tr.get_or_add_trPr()
            is_header = bool(header) and ri == 0
            oxml.child(trpr, "cantSplit", ())
            if is_header:
                oxml.child(trpr, "tblHeader", ())
            for ci, cell in enumerate(row.cells):
                content, numeric = (cells[ci] if ci < len(cells) else ("", False))[:2]
                tcpr = cell._tc.get_or_add_tcPr()
                oxml.child(tcpr, "tcW", oxml.TCPR, w=str(widths[ci] // 635), type="dxa")
                p = cell.paragraphs[0]
                if numeric and numeric_right and not self.rtl:
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT  # a bidi paragraph is right-aligned by default
                if callable(content):
                    content(p)
                else:
                    text = oxml.clean(content)
                    if numeric and self.rtl and text and text != "—":
                        text = LRM + text  # "-22", "47%–50%" read left to right inside a Hebrew cell
                    else:  # a signed number in a text cell ("(-14.7 to -7.9)"), as the HTML tables
                        text = isolate_signs(text, self.lang)
                    keep_hyphens(self.run(p, text, size=size)._r)
                if is_header:
                    oxml.shade(tcpr, oxml.TCPR, fill)
                    for r in cell._tc.iter(qn("w:r")):
                        rpr = oxml.properties(r, "rPr")
                        oxml.child(rpr, "b", oxml.RPR)
                        oxml.child(rpr, "color", oxml.RPR, val=head_color)
        if container is None:
            self.fresh_page = False
        return table

    def _after_table(self, container: Any) -> None:
        """A small empty paragraph when the last block is a table: two tables in a row would
        merge into one in Word."""
        parent = self.doc.element.body if container is None else container._tc
        blocks = (qn("w:p"), qn("w:tbl"))
        last = next((el for el in reversed(parent) if el.tag in blocks), None)  # from the end: a body is long
        if last is not None and last.tag == qn("w:tbl"):
            p = self.para(container)
            p.paragraph_format.space_after = Pt(0)

    @staticmethod
    def columns(rows: Sequence[Sequence[Cell]], ncols: int, size_pt: float, *,
                header: bool) -> tuple[list[int], list[int], list[int], list[int], list[int]]:
        """Each column's least width (its longest word unbroken, a short text whole), preferred
        width (its longest text on one line, within bounds), full width (that text unbounded), hard
        width (the widest of its numbers, dates and periods, :func:`unbroken`, measured in Arial:
        never less, so none breaks inside) and word width (its longest word whole), in EMU; a
        header counts by its words only."""
        char = int(0.5 * size_pt * 12700)  # Arial's average character, Hebrew or Latin, is about half an em
        em = size_pt * 12700
        pad = 2 * _CELL_MARGIN * 635 + 3 * 12700  # the cell margins and a little air
        least, pref, full, hard, words = [], [], [], [], []
        for ci in range(ncols):
            word = line = 0
            firm = 0.0
            for r, row in enumerate(rows):
                cell = row[ci] if ci < len(row) else ("", False)
                content = cell[2] if len(cell) > 2 else cell[0]  # a rich cell may say what text it holds
                if callable(content):
                    word, line = max(word, 8), max(line, 24)
                    continue
                text = oxml.clean(content)
                is_header = header and r == 0
                bold = 1 if is_header else 0  # a header is bold: a little wider
                word = max(word, max((len(x) + bold for x in text.split()), default=0))
                if not is_header:
                    line = max(line, len(text))
                    firm = max([firm] + [text_em(x) for x in unbroken(text)])
            word = min(max(word, 2), 18)  # a longer "word" (a URL, an id list) may break
            # a label may wrap to two lines; a column of sentences is at least 28 characters wide
            firm_w = int(pad + firm * em) if firm else 0
            hard.append(firm_w)
            words.append(max(firm_w, pad + char * word))
            least.append(max(firm_w, pad + char * max(word, min(line, 12) if line <= 60 else 28)))
            pref.append(max(firm_w, pad + char * min(max(line, word), 60)))
            full.append(max(firm_w, pad + char * max(line, word)))
        return least, pref, full, hard, words

    @staticmethod
    def _widths(least: Sequence[int], pref: Sequence[int], full: Sequence[int], hard: Sequence[int],
                words: Sequence[int], total: int) -> list[int]:
        """Column widths summing to *total*: the preferred ones, any room left going to the columns
        whose text still wraps; when they do not fit, every column's least width plus a share of
        the rest by how much of its text would wrap; else the text columns squeezed down to their
        longest word (more lines of text) and then, if need be, below it (a word breaks) — each
        column always keeping its hard width (its numbers whole); only when even those do not fit
        is every column squeezed alike."""
        if sum(pref) <= total:
            wrap = [f - p for f, p in zip(full, pref)]
            weights = wrap if sum(wrap) > 0 else list(pref)
            widths = [p + (total - sum(pref)) * w / sum(weights) for p, w in zip(pref, weights)]
        elif sum(least) <= total:  # the room left goes where most text would still wrap
            need = [f - lo for f, lo in zip(full, least)]
            extra = (total - sum(least)) / max(1, sum(need))
            widths = [lo + n * extra for lo, n in zip(least, need)]
        elif sum(words) <= total:  # text wraps onto more lines, every word whole
            soft = [lo - wd for lo, wd in zip(least, words)]
            share = (total - sum(words)) / max(1, sum(soft))
            widths = [wd + s * share for wd, s in zip(words, soft)]
        elif sum(hard) < total:  # what the text columns need beyond their numbers, squeezed alike
            soft = [wd - h for wd, h in zip(words, hard)]
            share = (total - sum(hard)) / max(1, sum(soft))
            widths = [h + s * share for h, s in zip(hard, soft)]
        else:
            widths = [lo * total / sum(least) for lo in least]
        return [int(w) // 635 * 635 for w in widths]  # whole twips

    def too_wide(self, rows: Sequence[Sequence[Cell]], *, header: bool) -> bool:
        """Whether a table needs a landscape page: its words do not fit across a portrait one."""
        ncols = max((len(r) for r in rows), default=0)
        least = self.columns(rows, ncols, table_size(ncols), header=header)[0]
        return sum(least) > PAGE[0] - 2 * MARGIN

    def callout(self, label: str, fill: str = _COMMENTARY_FILL):
        """A shaded, framed one-cell box opening with *label* (bold, accent colour); its cell."""
        self._after_table(None)
        table = self.doc.add_table(rows=1, cols=1)
        width = self.text_width()
        tbl = table._tbl
        oxml.child(tbl.tblPr, "tblW", oxml.TBLPR, w=str(width // 635), type="dxa")
        oxml.child(tbl.tblPr, "tblLayout", oxml.TBLPR, type="fixed")
        oxml.child(tbl.tblPr, "tblCaption", oxml.TBLPR, val=oxml.clean(label)[:250])
        tbl.tblGrid.gridCol_lst[0].w = Emu(width)
        cell = table.rows[0].cells[0]
        tcpr = cell._tc.get_or_add_tcPr()
        oxml.child(tcpr, "tcW", oxml.TCPR, w=str(width // 635), type="dxa")
        oxml.border(tcpr, "tcBorders", oxml.TCPR, ["top", "left", "bottom", "right"], color=self.accent, size=12)
        oxml.shade(tcpr, oxml.TCPR, fill)
        p = cell.paragraphs[0]
        p.paragraph_format.keep_with_next = True
        self.run(p, label, bold=True, color=self.accent)
        self.fresh_page = False
        return cell

    # ------------------------------------------------------------------ pictures
    def picture(self, png: bytes, *, layout: str, description: str, name: str) -> None:
        """*png* as an inline picture sized to the page (a landscape figure on a landscape page of
        its own), with *description* as its alternative text."""
        from docx.image.image import Image

        try:
            image = Image.from_blob(bytes(png))
            px_w, px_h = image.px_width, image.px_height
        except Exception as exc:  # noqa: BLE001 - python-docx raises several types for a bad image
            raise WordError(f"{name}: the figure cannot be read as an image ({exc})") from None
        landscape = layout == "landscape"
        break_before = landscape and self.landscape and not self.fresh_page  # one landscape figure a page
        self.orientation(landscape)
        box_w = self.text_width()
        box_h = int(self.text_height() * _FIGURE_HEIGHT.get(layout, _FIGURE_HEIGHT["portrait"]))
        scale = min(box_w / max(px_w, 1), box_h / max(px_h, 1))
        p = self.para()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        if break_before:
            p.paragraph_format.page_break_before = True
        # Run.add_picture's steps, with the shape ids counted here: python-docx finds the next id by
        # reading every id in the document again for each picture
        run = p.add_run()
        rid, image = run.part.get_or_add_image(io.BytesIO(bytes(png)))
        cx, cy = image.scaled_dimensions(Emu(int(px_w * scale)), Emu(int(px_h * scale)))
        if self._shape_id is None:
            self._shape_id = run.part.next_id
        inline = CT_Inline.new_pic_inline(self._shape_id, rid, image.filename, cx, cy)
        self._shape_id += 1
        run._r.add_drawing(inline)
        doc_pr = inline.docPr
        doc_pr.set("descr", oxml.clean(description))
        doc_pr.set("name", oxml.clean(name)[:250])

    # ------------------------------------------------------------------ finishing
    def contents(self, title: str) -> Paragraph:
        """The contents page's title; returns the place its entries go (filled by :meth:`finish`)."""
        p = self.para(style="TOC Heading", text=title, marked=False)
        if not self.fresh_page:
            p.paragraph_format.page_break_before = True
        self.note(t("report.contents.update", self.lang))  # the page numbers are the reader's to add (F9)
        return self.para()

    def _fill_contents(self, place: Paragraph) -> None:
        """The TOC field (``TOC \\o "1-3" \\h \\z \\u``) with an entry per heading already in it,
        each linked to its heading: Word adds the page numbers when it updates the field."""
        entries = [(level, text, name) for level, text, name in self.headings if level <= 3]
        paragraphs = []
        for level, text, name in entries:
            p = place.insert_paragraph_before()
            p._p.style = self.style_id(f"toc {level}")
            self.run(p, text, parent=oxml.hyperlink(p._p, anchor=name))
            paragraphs.append(p)
        first, last = (paragraphs[0], paragraphs[-1]) if paragraphs else (place, place)
        at = 1 if first._p.find(qn("w:pPr")) is not None else 0
        for k, run in enumerate(oxml.field_start('TOC \\o "1-3" \\h \\z \\u')):
            first._p.insert(at + k, run)
        last._p.append(oxml.field_end())
        if paragraphs:
            place._p.getparent().remove(place._p)

    def finish(self, contents: Paragraph, *, title: str, subject: str) -> bytes:
        """The document as .docx bytes that depend only on the content."""
        from .. import __version__

        self._fill_contents(contents)
        lang_tag = "he-IL" if self.rtl else "en-GB"
        oxml.style_pass(self.doc.styles.element, rtl=self.rtl, lang_tag=lang_tag)
        oxml.direction_pass(self.doc.element.body, rtl=self.rtl)
        oxml.direction_pass(self.doc.sections[0].footer._element, rtl=self.rtl)
        settings = self.doc.settings.element
        # no w:updateFields: Word would ask on every opening whether to update "fields that may refer to
        # other files"; the contents are written out already (linked entries), and the note under their
        # title says how to add the page numbers (update the field, F9)
        font_lang = settings.find(qn("w:themeFontLang"))
        if font_lang is not None:
            font_lang.set(qn("w:val"), lang_tag)
            font_lang.set(qn("w:bidi"), "he-IL")
        cp = self.doc.core_properties
        cp.title = oxml.clean(title)[:255]
        cp.subject = oxml.clean(subject)[:255]
        cp.author = cp.last_modified_by = "svcwork"
        cp.comments = f"svcwork {__version__}"
        cp.keywords = cp.category = ""
        cp.created = cp.modified = FIXED_TIME
        cp.revision = 1
        cp.language = lang_tag
        rels = self.doc.part.package.rels
        for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:  # the template's blank page
            rels.pop(rid)
        raw = io.BytesIO()
        self.doc.save(raw)
        return reproducible_zip(raw.getvalue())
