"""WordprocessingML pieces python-docx has no API for: safe text, children in schema order,
fields, bookmarks, hyperlinks, shading, and the pass that makes a document right-to-left.

Everything here builds elements; no text is ever parsed as XML (client text goes into ``w:t``
through python-docx's run text, which escapes it).
"""

from __future__ import annotations

import functools
import re
from typing import Iterable, Sequence

from docx.oxml.ns import NamespacePrefixedTag
from docx.oxml.ns import qn as _docx_qn
from docx.oxml.parser import oxml_parser
from docx.oxml.simpletypes import ST_HpsMeasure
from lxml import etree

__all__ = ["OxmlElement", "clean", "child", "plain_run", "PPR", "RPR", "TBLPR", "TCPR", "SECTPR", "simple_field", "field_start", "field_end", "properties",
           "update_fields_on_open", "border",
           "bookmark", "hyperlink", "shade", "direction_pass", "style_pass", "COMPLEX_FONT", "FONT"]

#: The font of complex-script (Hebrew) text: ``w:rFonts/@w:cs`` on every run and style (as the slides).
COMPLEX_FONT = "Arial"
#: The font of Latin text (the report's sans-serif; the template's theme would give a serif body).
FONT = "Arial"

#: Characters XML 1.0 cannot hold (C0 controls but tab, newline and carriage return; lone
#: surrogates; U+FFFE and U+FFFF).  They are dropped from every text written.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: object) -> str:
    """*text* as a string Word can hold: characters illegal in XML dropped, line ends unified."""
    value = "" if text is None else str(text)
    return _ILLEGAL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


# The order of the children of the property elements (ECMA-376 Part 1, transitional), so that an
# added child lands where Word expects it.
PPR = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
       "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
       "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
       "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
       "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
RPR = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
       "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
       "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
       "lang", "eastAsianLayout", "specVanish", "oMath")
TBLPR = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
         "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
         "tblDescription")
TCPR = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
        "tcFitText", "vAlign", "hideMark")
SECTPR = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
          "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
          "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange")
#: The children of ``w:settings`` that follow ``w:updateFields``.
_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
                        "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


#: python-docx's ``qn`` ("w:tag" → Clark name), remembered: a document asks for the same few
#: hundred names hundreds of thousands of times (benchmarks/bench_run.py, report.docx).
qn = functools.lru_cache(maxsize=None)(_docx_qn)


@functools.lru_cache(maxsize=None)
def _tag(nsptag: str) -> tuple[str, dict[str, str]]:
    """The Clark name and the namespace declaration of ``prefix:tag`` (the dict is lxml's to copy, never changed)."""
    name = NamespacePrefixedTag(nsptag)
    return name.clark_name, name.nsmap


def OxmlElement(nsptag: str):  # noqa: N802, ANN201 - python-docx's name; returns its element class
    """python-docx's ``OxmlElement(nsptag)`` (a new element of its custom class, its prefix's namespace
    declared), with the tag's parsing remembered: a long report makes about 60,000 elements."""
    clark, nsmap = _tag(nsptag)
    return oxml_parser.makeelement(clark, nsmap=nsmap)


@functools.lru_cache(maxsize=None)
def _localname(tag: str) -> str:
    return etree.QName(tag).localname


def _local(el) -> str:
    return _localname(el.tag) if isinstance(el.tag, str) else ""


@functools.lru_cache(maxsize=None)
def _later(tag: str, order: tuple[str, ...]) -> frozenset[str]:
    """The children that come after ``w:<tag>`` in schema *order*."""
    return frozenset(order[order.index(tag) + 1:]) if tag in order else frozenset()


def child(parent, tag: str, order: Sequence[str], **attrs: str):
    """The child ``w:<tag>`` of *parent* (added in schema *order* when missing), with *attrs* set."""
    el = parent.find(qn(f"w:{tag}"))
    if el is None:
        el = OxmlElement(f"w:{tag}")
        later = _later(tag, tuple(order))
        for i, existing in enumerate(parent):
            if _local(existing) in later:
                parent.insert(i, el)
                break
        else:
            parent.append(el)
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    return el


def plain_run(p, text: str, size=None):  # noqa: ANN001, ANN201 - a CT_P, a docx Length; returns the CT_R
    """Append to the paragraph element *p* the run python-docx's ``add_run(text)`` then ``font.size = size``
    write (the same XML), for *text* without tabs or line breaks; built directly, as python-docx's
    generic child insertion costs most of a long table's time (benchmarks/bench_run.py)."""
    r = OxmlElement("w:r")
    if size is not None:
        rpr = OxmlElement("w:rPr")
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), ST_HpsMeasure.convert_to_xml(size))  # half-points, python-docx's own conversion
        rpr.append(sz)
        r.append(rpr)
    if text:
        t = OxmlElement("w:t")
        t.text = text
        if len(text.strip()) < len(text):
            t.set(qn("xml:space"), "preserve")
        r.append(t)
    p.append(r)
    return r


def properties(el, tag: str):
    """The properties element (``w:pPr``, ``w:rPr``, ``w:tblPr`` …) of *el*, added first when missing."""
    pr = el.find(qn(f"w:{tag}"))
    if pr is None:
        pr = OxmlElement(f"w:{tag}")
        el.insert(0, pr)
    return pr


def update_fields_on_open(settings) -> None:
    """Ask Word to update the fields (the contents' page numbers) when the document is opened."""
    child(settings, "updateFields", ("updateFields", *_AFTER_UPDATE_FIELDS), val="true")


def _run(text: str | None = None):
    r = OxmlElement("w:r")
    if text is not None:
        t = OxmlElement("w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = clean(text)
        r.append(t)
    return r


def simple_field(p, instr: str, shown: str) -> None:
    """Append the field *instr* (``PAGE``, ``NUMPAGES``) to paragraph element *p*, showing *shown* until updated."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instr} ")
    fld.append(_run(shown))
    p.append(fld)


def field_start(instr: str) -> list:
    """The runs that open a complex field: begin, the instruction *instr*, separate (the field's
    shown result follows them, then :func:`field_end`)."""
    begin = _run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "begin")
    begin.append(char)
    code = _run()
    text = OxmlElement("w:instrText")
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text.text = f" {instr} "
    code.append(text)
    separate = _run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "separate")
    separate.append(char)
    return [begin, code, separate]


def field_end():
    """The run that closes a complex field."""
    end = _run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end.append(char)
    return end


def bookmark(p, name: str, ident: int) -> None:
    """Put the bookmark *name* around the whole content of paragraph element *p*."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    ppr = p.find(qn("w:pPr"))
    p.insert(0 if ppr is None else 1, start)
    p.append(end)


def hyperlink(p, *, anchor: str | None = None, rel_id: str | None = None):
    """A ``w:hyperlink`` appended to paragraph element *p*: to the bookmark *anchor*, or to the
    external target of relationship *rel_id*.  Runs go inside it."""
    link = OxmlElement("w:hyperlink")
    if anchor is not None:
        link.set(qn("w:anchor"), anchor)
    if rel_id is not None:
        link.set(qn("r:id"), rel_id)
    link.set(qn("w:history"), "1")
    p.append(link)
    return link


def shade(pr, order: Sequence[str], fill: str) -> None:
    """Solid background *fill* (``RRGGBB``) on a properties element (``w:tcPr``, ``w:pPr``)."""
    child(pr, "shd", order, val="clear", color="auto", fill=fill.lstrip("#").upper())


def border(pr, tag: str, order: Sequence[str], sides: Iterable[str], *, color: str, size: int = 4) -> None:
    """Single borders on *sides* of a ``w:pBdr``/``w:tcBorders``/``w:tblBorders`` child of *pr*."""
    box = child(pr, tag, order)
    for side in sides:
        el = box.find(qn(f"w:{side}"))
        if el is None:
            el = OxmlElement(f"w:{side}")
            box.append(el)
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(size))
        el.set(qn("w:space"), "1" if tag == "pBdr" else "0")
        el.set(qn("w:color"), color.lstrip("#").upper())


def _complex_script(rpr) -> None:
    """Give the complex-script twins of bold, italic and size their Latin values, and set the
    fonts: :data:`FONT` where a theme font was named (a theme font would override the explicit
    one), :data:`COMPLEX_FONT` for complex script (Hebrew) always."""
    fonts = child(rpr, "rFonts", RPR)
    for theme, explicit in (("asciiTheme", "ascii"), ("hAnsiTheme", "hAnsi"), ("cstheme", "cs")):
        if fonts.attrib.pop(qn(f"w:{theme}"), None) is not None or explicit == "cs":
            fonts.set(qn(f"w:{explicit}"), FONT if explicit != "cs" else COMPLEX_FONT)
    for latin, cs in (("b", "bCs"), ("i", "iCs"), ("sz", "szCs")):
        el = rpr.find(qn(f"w:{latin}"))
        if el is not None and rpr.find(qn(f"w:{cs}")) is None:
            twin = child(rpr, cs, RPR)
            for name, value in el.attrib.items():
                twin.set(name, value)


def direction_pass(root, *, rtl: bool) -> None:
    """Every paragraph, run and table under *root*: complex-script font and sizes on every run;
    for right-to-left, ``w:bidi`` on every paragraph, ``w:rtl`` on every run and
    ``w:bidiVisual`` on every table."""
    for r in root.iter(qn("w:r")):
        rpr = properties(r, "rPr")
        _complex_script(rpr)
        if rtl:
            child(rpr, "rtl", RPR)
    if not rtl:
        return
    for p in root.iter(qn("w:p")):
        child(properties(p, "pPr"), "bidi", PPR)
    for tbl in root.iter(qn("w:tbl")):
        child(properties(tbl, "tblPr"), "bidiVisual", TBLPR)


def style_pass(styles, *, rtl: bool, lang_tag: str) -> None:
    """The styles part: complex-script font and sizes in the defaults and every style; the
    document's languages; right-to-left paragraphs by default for Hebrew."""
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    child(rpr, "rFonts", RPR, ascii=FONT, hAnsi=FONT)
    _complex_script(rpr)
    child(rpr, "lang", RPR, val=lang_tag, eastAsia="en-US", bidi="he-IL")
    if rtl:
        ppr_default = defaults.find(qn("w:pPrDefault"))
        if ppr_default is None:
            ppr_default = OxmlElement("w:pPrDefault")
            defaults.append(ppr_default)
        child(properties(ppr_default, "pPr"), "bidi", PPR)
    for style in styles.iter(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        if rpr is not None:
            _complex_script(rpr)
