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
import os
from pathlib import Path
from typing import Sequence

from .charts import DEFAULT_ACCENT, accent
from .errors import SvcworkError
from .i18n import isolate_signs
from .paths import atomic_write_bytes
from .workbook import FIXED_TIME, reproducible_zip

__all__ = ["SlidesError", "SLIDE_WIDTH_IN", "SLIDE_HEIGHT_IN", "write_slides", "slides_bytes"]

SLIDE_WIDTH_IN, SLIDE_HEIGHT_IN = 13.333, 7.5  # 16:9, as charts.SLIDE_SIZE
_PNG = b"\x89PNG\r\n\x1a\n"
_MARGIN_IN = 0.5
_TITLE_TOP_IN, _TITLE_HEIGHT_IN = 0.3, 0.95
_LAYOUT_TITLE, _LAYOUT_TITLE_ONLY = 0, 5  # python-pptx's default template


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
                 accent_color: str | None = None, texts: Sequence[tuple[str, Sequence[str]]] = ()) -> bytes:
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

    # text slides (the recommendations): a title and its bullet lines
    area_top = _TITLE_TOP_IN + _TITLE_HEIGHT_IN + 0.25
    area_w, area_h = SLIDE_WIDTH_IN - 2 * _MARGIN_IN, SLIDE_HEIGHT_IN - area_top - 0.35
    for heading, bullets in texts:
        slide = prs.slides.add_slide(prs.slide_layouts[_LAYOUT_TITLE_ONLY])
        head = slide.shapes.title
        head.left, head.top = Inches(_MARGIN_IN), Inches(_TITLE_TOP_IN)
        head.width, head.height = Inches(SLIDE_WIDTH_IN - 2 * _MARGIN_IN), Inches(_TITLE_HEIGHT_IN)
        _set_text(head.text_frame, [_clean(heading)], lang=lang, size_pt=24, color=color, bold=True)
        _accent_bar(slide, top_in=_TITLE_TOP_IN + _TITLE_HEIGHT_IN + 0.05, color=color)
        if bullets:
            box = slide.shapes.add_textbox(Inches(_MARGIN_IN), Inches(area_top), Inches(area_w), Inches(area_h))
            box.name = "Evidence"
            _set_text(box.text_frame, [f"• {_clean(line)}" for line in bullets], lang=lang, size_pt=16,
                      color="#222222")

    # one chart per slide
    for index, entry in enumerate(slides, start=1):
        chart_title, png = entry[0], entry[1]
        takeaway = _clean(entry[2]) if len(entry) > 2 and entry[2] else ""
        alt = _clean(entry[3]) if len(entry) > 3 and entry[3] else ""  # the chart's data-derived alternative
        text = _clean(chart_title)
        px_w, px_h = _png_size(png, index, text)
        slide = prs.slides.add_slide(prs.slide_layouts[_LAYOUT_TITLE_ONLY])
        head = slide.shapes.title
        head.left, head.top = Inches(_MARGIN_IN), Inches(_TITLE_TOP_IN)
        head.width, head.height = Inches(SLIDE_WIDTH_IN - 2 * _MARGIN_IN), Inches(_TITLE_HEIGHT_IN)
        _set_text(head.text_frame, [text], lang=lang, size_pt=26, color=color, bold=True)
        _accent_bar(slide, top_in=_TITLE_TOP_IN + _TITLE_HEIGHT_IN + 0.05, color=color)
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
                 lang: str, accent_color: str | None = None, texts: Sequence[tuple[str, Sequence[str]]] = ()) -> Path:
    """Write ``slides.pptx``: a title slide, one text slide per ``(title, bullet lines)`` of *texts*
    (the recommendations with their evidence), then one slide per ``(chart title, PNG bytes)`` or
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
