"""``slides.pptx``: the report's key charts, one per 16:9 slide, ready to paste into a deck.

A title slide (report title and subtitle) is followed by one slide per chart: the chart's
title in the slide's title placeholder (so PowerPoint's outline, accessibility checker and
"reuse slides" see it) and the chart as a picture, scaled to fit and centred, with the title
as its alternative text.  For Hebrew every paragraph is right-aligned and marked right-to-left
(``<a:pPr algn="r" rtl="1">``) with Hebrew as the text language, the speaker's notes too; a signed number is kept left to right
in Hebrew text ("-28", never "28-": :func:`svcwork.i18n.isolate_signs`).

Client text (organisation, service names in titles) is written as plain text runs: a
presentation has no formulas or scripts, and text such as ``=HYPERLINK(...)`` or
``<script>`` stays literal.  The file is written atomically and its bytes depend only on the
content (fixed document properties and zip time stamps, as :mod:`svcwork.workbook` does).
Built with python-pptx.
"""

from __future__ import annotations

import io
import math
import os
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Sequence, Union

from .charts import DEFAULT_ACCENT, accent
from .errors import SvcworkError
from .i18n import isolate_signs, t
from .paths import atomic_write_bytes
from .workbook import FIXED_TIME, reproducible_zip

__all__ = ["SlidesError", "SLIDE_WIDTH_IN", "SLIDE_HEIGHT_IN", "write_slides", "slides_bytes", "Text",
           "text_pages"]

SLIDE_WIDTH_IN, SLIDE_HEIGHT_IN = 13.333, 7.5  # 16:9, as charts.SLIDE_SIZE
_PNG = b"\x89PNG\r\n\x1a\n"
_MARGIN_IN = 0.5
_TITLE_TOP_IN, _TITLE_HEIGHT_IN = 0.3, 0.95
_LAYOUT_TITLE, _LAYOUT_TITLE_ONLY = 0, 5  # python-pptx's default template


#: A line of a text slide: a string (a bullet) or ``(text, bullet)`` (prose when *bullet* is false).
Line = Union[str, tuple]

#: The text size of a text slide's body (pt), its line pitch (Office's single spacing of Arial) and
#: the space after each paragraph (pt); the text box's inner margins (inches, python-pptx's defaults).
_BODY_PT, _PITCH, _SPACE_PT = 16.0, 1.15, 6.0
_INSET_X_IN, _INSET_Y_IN = 0.1, 0.05


class Text(NamedTuple):
    """A text slide among the chart slides (the consultant's note on a section, before its charts):
    a title and its lines (see :data:`Line`)."""

    title: str
    lines: Sequence[Line]


class SlidesError(SvcworkError):
    """The slides could not be made from what was given (e.g. a chart that is not a PNG)."""

    code = "slides"


def _clean(text: object) -> str:
    return " ".join(str(text).split())


def _set_text(frame, lines: Sequence[str], *, lang: str, size_pt: float | None, color: str | None = None,
              bold: bool | None = None) -> None:
    """Replace *frame*'s text by *lines* (one paragraph each) as plain runs; RTL paragraphs for Hebrew,
    their signed numbers kept left to right; *size_pt* None keeps the placeholder's size."""
    from pptx.dml.color import RGBColor
    from pptx.enum.lang import MSO_LANGUAGE_ID
    from pptx.enum.text import PP_ALIGN
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    frame.clear()  # leaves one empty paragraph
    frame.word_wrap = True
    for i, line in enumerate(lines):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = p.add_run()
        run.text = isolate_signs(line, lang)  # a text run: never interpreted (python-pptx escapes control characters)
        if size_pt is not None:
            run.font.size = Pt(size_pt)
        if bold is not None:
            run.font.bold = bold
        if color:
            run.font.color.rgb = RGBColor.from_string(color.lstrip("#").upper())
        if lang == "he":
            p.alignment = PP_ALIGN.RIGHT
            p._p.get_or_add_pPr().set("rtl", "1")
            run.font.language_id = MSO_LANGUAGE_ID.HEBREW
            rpr = run._r.get_or_add_rPr()
            for tag in ("a:latin", "a:cs"):  # a font with Hebrew glyphs for the complex script
                el = rpr.find(qn(tag))
                if el is None:
                    el = rpr.makeelement(qn(tag), {})
                    rpr.append(el)
                el.set("typeface", "Arial")
        else:
            p.alignment = PP_ALIGN.LEFT


@lru_cache(maxsize=1)
def _measure_font():
    """A font to measure text with (DejaVu Sans, shipped with matplotlib: wider than Arial, so a
    measured line is never shorter than the one PowerPoint sets); None when it cannot be loaded."""
    try:
        from matplotlib import font_manager
        from PIL import ImageFont

        return ImageFont.truetype(font_manager.findfont("DejaVu Sans", fallback_to_default=True), 100)
    except Exception:  # noqa: BLE001 - no font: the estimate below
        return None


def _text_pt(text: str, size_pt: float) -> float:
    """How wide *text* is set at *size_pt* (points), measured with :func:`_measure_font` (else at
    0.6 em a character, more than Arial's average)."""
    font = _measure_font()
    if font is None:
        return len(text) * 0.6 * size_pt
    return font.getlength(text) / 100 * size_pt


def _wrap(text: str, width_pt: float, size_pt: float) -> list[str]:
    """*text* broken at spaces into lines no wider than *width_pt* (a word wider than a line is a
    line of its own)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and _text_pt(candidate, size_pt) > width_pt:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


def _line(entry: Line) -> tuple[str, bool]:
    if isinstance(entry, tuple):
        return _clean(entry[0]), bool(entry[1]) if len(entry) > 1 else True
    return _clean(entry), True


def text_pages(lines: Sequence[Line], *, width_in: float, height_in: float,
               size_pt: float = _BODY_PT) -> list[list[tuple[str, bool]]]:
    """*lines* shared over as many text boxes of *width_in* × *height_in* inches as they need, each
    ``(text, bullet)``: every paragraph is measured (:func:`_text_pt`) and wrapped as it will be set,
    and a box takes the paragraphs whose wrapped lines fit its height (a paragraph that would fit a
    box of its own is not split; a longer one is split between words, its rest going on without a
    bullet).  Nothing is cut or shrunk: what does not fit goes on the next box."""
    width_pt = (width_in - 2 * _INSET_X_IN) * 72
    height_pt = (height_in - 2 * _INSET_Y_IN) * 72
    pitch = size_pt * _PITCH
    capacity = max(1, math.floor(height_pt / pitch))  # the lines a box holds
    pages: list[list[tuple[str, bool]]] = [[]]
    used = 0.0  # the height the box's paragraphs take so far (pt)
    for entry in lines:
        text, bullet = _line(entry)
        wrapped = _wrap(f"• {text}" if bullet else text, width_pt, size_pt)
        first = True
        while wrapped:
            room = math.floor((height_pt - used) / pitch)
            if pages[-1] and (room < 1 or (len(wrapped) > room and len(wrapped) <= capacity)):
                pages.append([])  # the paragraph starts the next box
                used = 0.0
                continue
            take, wrapped = wrapped[:max(1, room)], wrapped[max(1, room):]
            part = " ".join(take)
            if first and bullet:
                part = part[2:]  # the bullet is the paragraph's own ("• " measured above)
            pages[-1].append((part, bullet and first))
            used += len(take) * pitch + _SPACE_PT
            first = False
    return [page for page in pages if page]


def _png_size(data: bytes, index: int, title: str) -> tuple[int, int]:
    if not isinstance(data, (bytes, bytearray)) or not bytes(data[:8]) == _PNG:
        found = (f"bytes starting {bytes(data[:8])!r}" if isinstance(data, (bytes, bytearray))
                 else type(data).__name__)
        raise SlidesError(f"slide {index} ({title!r}): expected the chart as PNG bytes, found {found}")
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            return im.size
    except Exception as exc:  # noqa: BLE001 - Pillow raises many types for broken images
        raise SlidesError(f"slide {index} ({title!r}): the PNG cannot be read ({exc})") from None


def _widen_layouts(prs, factor: float) -> None:
    """Stretch the default (4:3) master and layouts horizontally to the 16:9 slide."""
    shapes = list(prs.slide_master.shapes)
    for layout in prs.slide_layouts:
        shapes.extend(layout.shapes)
    for shape in shapes:
        if shape.left is not None and shape.width is not None:
            shape.left, shape.width = round(shape.left * factor), round(shape.width * factor)


def _accent_bar(slide, *, top_in: float, color: str) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches, Pt

    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(_MARGIN_IN), Inches(top_in),
                                 Inches(SLIDE_WIDTH_IN - 2 * _MARGIN_IN), Pt(3))
    bar.fill.solid()
    bar.fill.fore_color.rgb = RGBColor.from_string(color.lstrip("#").upper())
    bar.line.fill.background()
    bar.shadow.inherit = False
    bar.name = "Accent bar"


def slides_bytes(slides: Sequence[tuple], *, title: str, subtitle: str, lang: str,
                 accent_color: str | None = None, texts: Sequence[tuple[str, Sequence[Line]]] = ()) -> bytes:
    """The presentation as .pptx bytes that depend only on the content (see :func:`write_slides`)."""
    from pptx import Presentation
    from pptx.util import Inches

    color = accent(accent_color) if accent_color else DEFAULT_ACCENT
    prs = Presentation()
    factor = SLIDE_WIDTH_IN * 914400 / prs.slide_width
    prs.slide_width, prs.slide_height = Inches(SLIDE_WIDTH_IN), Inches(SLIDE_HEIGHT_IN)
    _widen_layouts(prs, factor)

    # the title slide
    first = prs.slides.add_slide(prs.slide_layouts[_LAYOUT_TITLE])
    _set_text(first.shapes.title.text_frame, [_clean(title)], lang=lang, size_pt=36, color=color, bold=True)
    sub = first.placeholders[1]
    lines = [_clean(line) for line in str(subtitle).splitlines() if line.strip()]
    if lines:
        _set_text(sub.text_frame, lines, lang=lang, size_pt=20, color="#3D4650")
    else:
        sub._element.getparent().remove(sub._element)  # no empty "click to add subtitle" box
    _accent_bar(first, top_in=first.shapes.title.top / 914400 + first.shapes.title.height / 914400 + 0.1, color=color)

    # text slides (the recommendations): a title and its lines, on as many slides as they need
    area_top = _TITLE_TOP_IN + _TITLE_HEIGHT_IN + 0.25
    area_w, area_h = SLIDE_WIDTH_IN - 2 * _MARGIN_IN, SLIDE_HEIGHT_IN - area_top - 0.35

    def titled(heading: str, size_pt: float):
        slide = prs.slides.add_slide(prs.slide_layouts[_LAYOUT_TITLE_ONLY])
        head = slide.shapes.title
        head.left, head.top = Inches(_MARGIN_IN), Inches(_TITLE_TOP_IN)
        head.width, head.height = Inches(SLIDE_WIDTH_IN - 2 * _MARGIN_IN), Inches(_TITLE_HEIGHT_IN)
        _set_text(head.text_frame, [heading], lang=lang, size_pt=size_pt, color=color, bold=True)
        _accent_bar(slide, top_in=_TITLE_TOP_IN + _TITLE_HEIGHT_IN + 0.05, color=color)
        return slide

    def text_slides(heading: str, lines: Sequence[Line]) -> None:
        from pptx.enum.text import MSO_AUTO_SIZE
        from pptx.util import Pt

        pages = text_pages(lines, width_in=area_w, height_in=area_h) if lines else [[]]
        for n, page in enumerate(pages):
            shown = _clean(heading) if n == 0 else t("report.slides.continued", lang, title=_clean(heading))
            slide = titled(shown, 24)
            if not page:
                continue
            box = slide.shapes.add_textbox(Inches(_MARGIN_IN), Inches(area_top), Inches(area_w), Inches(area_h))
            box.name = "Evidence"
            frame = box.text_frame
            _set_text(frame, [f"• {text}" if bullet else text for text, bullet in page], lang=lang, size_pt=_BODY_PT,
                      color="#222222")
            frame.auto_size = MSO_AUTO_SIZE.NONE  # the pages were measured to fit: the box keeps its size
            for p in frame.paragraphs:
                p.space_after = Pt(_SPACE_PT)

    for heading, bullets in texts:
        text_slides(heading, list(bullets))

    # one chart per slide (a text slide among them where it is given)
    index = 0
    for entry in slides:
        if isinstance(entry, Text):
            text_slides(entry.title, list(entry.lines))
            continue
        index += 1
        chart_title, png = entry[0], entry[1]
        takeaway = _clean(entry[2]) if len(entry) > 2 and entry[2] else ""
        alt = _clean(entry[3]) if len(entry) > 3 and entry[3] else ""  # the chart's data-derived alternative
        text = _clean(chart_title)
        px_w, px_h = _png_size(png, index, text)
        slide = titled(text, 26)
        scale = min(area_w / px_w, area_h / px_h)
        w, h = px_w * scale, px_h * scale
        pic = slide.shapes.add_picture(io.BytesIO(bytes(png)), Inches(_MARGIN_IN + (area_w - w) / 2),
                                       Inches(area_top + (area_h - h) / 2), Inches(w), Inches(h))
        pic.name = f"Chart {index}"
        # for screen readers (WCAG 2.1 SC 1.1.1): the alternative written from the plotted values, else title and takeaway
        pic._element.nvPicPr.cNvPr.set("descr", alt or (f"{text}. {takeaway}" if takeaway else text))
        if takeaway or alt:  # what the chart shows, and its values, in the speaker's notes (RTL in Hebrew)
            _set_text(slide.notes_slide.notes_text_frame, [x for x in (takeaway, alt) if x], lang=lang, size_pt=None)

    cp = prs.core_properties
    cp.title = _clean(title)
    cp.subject = " ".join(lines)
    cp.author = cp.last_modified_by = "svcwork"
    cp.created = cp.modified = FIXED_TIME
    cp.revision = 1
    cp.language = "he-IL" if lang == "he" else "en-GB"
    raw = io.BytesIO()
    prs.save(raw)
    return reproducible_zip(raw.getvalue())


def write_slides(path: str | os.PathLike, slides: Sequence[tuple], *, title: str, subtitle: str,
                 lang: str, accent_color: str | None = None, texts: Sequence[tuple[str, Sequence[Line]]] = ()) -> Path:
    """Write ``slides.pptx``: a title slide, one text slide per ``(title, lines)`` of *texts*
    (the recommendations with their evidence; a line is a bullet, or ``(text, False)`` a paragraph
    of prose), continued on further slides ("… (cont.)") when its lines do not fit one
    (:func:`text_pages`: never cut or shrunk), then one slide per entry of *slides*: a :class:`Text`
    (a text slide in its place, e.g. a section's commentary before its charts), ``(chart title, PNG bytes)`` or
    ``(chart title, PNG bytes, takeaway)`` or ``(chart title, PNG bytes, takeaway, alt text)`` (the takeaway
    and the alt text go to the speaker's notes; the alt text, else title and takeaway, is the picture's
    alternative text).

    16:9; titles right-aligned and right-to-left for ``lang="he"``; client text as plain
    text; *accent_color* (the intake's ``#RRGGBB``) colours titles and the rule under them.
    Written atomically, with bytes that depend only on the content.  Raises
    :class:`SlidesError` when a chart is not PNG bytes.
    """
    return atomic_write_bytes(path, slides_bytes(slides, title=title, subtitle=subtitle, lang=lang,
                                                 accent_color=accent_color, texts=texts))
