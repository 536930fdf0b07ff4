"""slides.pptx: a title slide then one titled chart per 16:9 slide; RTL for Hebrew; client text stays text.

The file is read back twice: with python-pptx, and as raw OOXML (zipfile + ElementTree), so
the RTL marks and text runs are checked independently of the library that wrote them.
"""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
import zipfile

import pptx  # python-pptx: a runtime dependency of svcwork.slides
import pptx.enum.shapes
import pytest
from PIL import Image

from svcwork import charts
from svcwork.slides import SlidesError, slides_bytes, write_slides
from svcwork.workbook import FIXED_TIME

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
FORMULA = '=HYPERLINK("http://evil.example","click") <script>alert(1)</script>'


def _png(title: str, *, lang: str, size=(8.0, 4.5)) -> bytes:
    fig, ax = charts.new_figure(size=size)
    ax.bar(["א", "ב", "ג"], [3, 5, 2])
    charts.finish(ax, lang=lang, title=title)
    return charts.figure_bytes(fig, "png")


@pytest.fixture(scope="module")
def he_slides() -> list[tuple[str, bytes]]:
    return [("תעדוף שירותים — ציון משוקלל", _png("ציון", lang="he")),
            ("זמני טיפול לפי ערוץ", _png("זמנים", lang="he", size=(6.0, 6.0))),
            (FORMULA, _png("x", lang="he", size=(10.0, 3.0)))]


def _slide_xml(data: bytes) -> list[ET.Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = sorted((n for n in z.namelist() if n.startswith("ppt/slides/slide") and n.endswith(".xml")),
                       key=lambda n: int(n.rsplit("slide", 1)[1].split(".")[0]))
        return [ET.fromstring(z.read(n)) for n in names]


def _title_paragraphs(slide: ET.Element) -> list[ET.Element]:
    out = []
    for sp in slide.iter(f"{P}sp"):
        ph = sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
        if ph is not None and ph.get("type") in ("title", "ctrTitle"):
            out.extend(sp.iter(f"{A}p"))
    return out


def test_title_slide_then_one_titled_picture_per_chart(tmp_path, he_slides):
    path = write_slides(tmp_path / "slides.pptx", he_slides, title="עיריית דוגמה — דוח שירות לאזרח",
                        subtitle="תקופה: 01/01/2026 – 30/06/2026", lang="he", accent_color="#7a1f5c")
    prs = pptx.Presentation(str(path))
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.01
    slides = list(prs.slides)
    assert len(slides) == 1 + len(he_slides)
    assert slides[0].shapes.title.text == "עיריית דוגמה — דוח שירות לאזרח"
    assert "30/06/2026" in slides[0].placeholders[1].text
    for slide, (title, png) in zip(slides[1:], he_slides):
        assert slide.shapes.title.text == title
        pictures = [s for s in slide.shapes if s.shape_type == pptx.enum.shapes.MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        pic = pictures[0]
        assert pic.image.blob == png  # the chart itself, not re-encoded
        w_px, h_px = Image.open(io.BytesIO(png)).size
        assert abs(pic.width / pic.height - w_px / h_px) < 0.01  # not distorted
        assert 0 <= pic.left and pic.left + pic.width <= prs.slide_width  # on the slide, below the title
        assert slide.shapes.title.top + slide.shapes.title.height <= pic.top
        assert pic.top + pic.height <= prs.slide_height
        assert pic._element.nvPicPr.cNvPr.get("descr") == title  # alternative text


def test_hebrew_titles_are_right_aligned_and_rtl_english_not(he_slides):
    he = _slide_xml(slides_bytes(he_slides, title="דוח", subtitle="תקופה", lang="he"))
    for slide in he:
        paragraphs = _title_paragraphs(slide)
        assert paragraphs
        for p in paragraphs:
            ppr = p.find(f"{A}pPr")
            assert ppr is not None and ppr.get("rtl") == "1" and ppr.get("algn") == "r"
            assert all(r.get("lang") == "he-IL" for r in p.iter(f"{A}rPr"))
    en = _slide_xml(slides_bytes([("Waiting time by channel", _png("Waiting", lang="en"))], title="Report",
                                 subtitle="", lang="en"))
    for slide in en:
        for p in _title_paragraphs(slide):
            ppr = p.find(f"{A}pPr")
            assert ppr is None or (ppr.get("rtl") in (None, "0") and ppr.get("algn") in (None, "l"))


def test_client_text_stays_plain_text(he_slides):
    data = slides_bytes(he_slides, title=FORMULA, subtitle=FORMULA + "\n=1+1", lang="he")
    slides = _slide_xml(data)
    texts = ["".join(t.text or "" for t in slide.iter(f"{A}t")) for slide in slides]
    assert FORMULA in texts[0] and "=1+1" in texts[0] and texts[-1] == FORMULA
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        raw = b"".join(z.read(n) for n in z.namelist() if n.startswith("ppt/slides/") and n.endswith(".xml"))
    assert b"<script" not in raw and b"&lt;script&gt;" in raw
    assert b"<a:fld" not in raw and b"hlinkClick" not in raw  # no field, no hyperlink: only text runs
    prs = pptx.Presentation(io.BytesIO(data))
    assert prs.slides[0].shapes.title.text == FORMULA


def test_bytes_are_reproducible_and_written_atomically(tmp_path, he_slides):
    first = slides_bytes(he_slides, title="דוח", subtitle="תקופה", lang="he")
    assert slides_bytes(he_slides, title="דוח", subtitle="תקופה", lang="he") == first
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {dt.datetime(*i.date_time) for i in z.infolist()} == {FIXED_TIME}
    prs = pptx.Presentation(io.BytesIO(first))
    assert prs.core_properties.created == FIXED_TIME and prs.core_properties.author == "svcwork"
    target = tmp_path / "slides.pptx"
    target.write_bytes(b"old deck")
    write_slides(target, he_slides, title="דוח", subtitle="תקופה", lang="he")
    assert target.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["slides.pptx"]  # no temporary file left behind


def test_a_chart_that_is_not_png_is_a_clear_error(tmp_path):
    with pytest.raises(SlidesError, match=r"slide 2 .*expected the chart as PNG bytes"):
        write_slides(tmp_path / "s.pptx", [("ok", _png("ok", lang="en")), ("bad", b"<svg/>")], title="T",
                     subtitle="", lang="en")
    assert not (tmp_path / "s.pptx").exists()


def test_text_slides_carry_each_recommendation_and_keep_the_title_slide_subtitle(tmp_path):
    """A recommendation slide per entry of *texts*, with its evidence as bullets; long evidence never
    spills into the deck's properties (the subtitle stays the subject)."""
    from pptx import Presentation

    from svcwork.slides import write_slides

    long = ["evidence " * 60, "second line"]
    path = write_slides(tmp_path / "s.pptx", [], texts=[("R01 · Fix the renewal photo step", long)],
                        title="Org", subtitle="Report · 2026", lang="en")
    prs = Presentation(str(path))
    assert [s.shapes.title.text_frame.text for s in prs.slides] == ["Org", "R01 · Fix the renewal photo step"]
    body = [sh for sh in prs.slides[1].shapes if sh.name == "Evidence"][0].text_frame.text
    assert body.startswith("• evidence") and "• second line" in body
    assert prs.core_properties.subject == "Report · 2026"


def _notes_paragraphs(data: bytes) -> list[ET.Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [p for n in sorted(z.namelist()) if n.startswith("ppt/notesSlides/notesSlide") and n.endswith(".xml")
                for sp in ET.fromstring(z.read(n)).iter(f"{P}sp")
                if (ph := sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")) is not None and ph.get("type") == "body"
                for p in sp.iter(f"{A}p")]


def test_hebrew_speaker_notes_are_right_to_left_hebrew_with_signs_on_the_left():
    """H2: the notes of a Hebrew deck (takeaway and alternative) are RTL, right-aligned, tagged he-IL,
    and a signed number keeps its sign on the left (an LRM before it); English notes stay LTR."""
    png = _png("ציון", lang="he")
    takeaway = "מדד NPS הכולל עומד על -20 (רווח סמך 95%: -21 עד -19)"
    alt = "מדד לפי מחוז: 3 ערכים של NPS. מחוז חיפה: -8; מחוז צפון: +4."
    notes = _notes_paragraphs(slides_bytes([("מדד", png, takeaway, alt)], title="דוח", subtitle="", lang="he"))
    assert len(notes) == 2
    for p in notes:
        ppr = p.find(f"{A}pPr")
        assert ppr is not None and ppr.get("rtl") == "1" and ppr.get("algn") == "r"
        runs = list(p.iter(f"{A}rPr"))
        assert runs and all(r.get("lang") == "he-IL" for r in runs)
    text = ["".join(t.text or "" for t in p.iter(f"{A}t")) for p in notes]
    assert text == [takeaway.replace(" -", " \u200e-"), alt.replace(" -", " \u200e-").replace(" +", " \u200e+")]
    en = _notes_paragraphs(slides_bytes([("NPS", png, "Overall NPS is -20", "NPS by district. North: -8.")],
                                        title="Report", subtitle="", lang="en"))
    assert en and all((p.find(f"{A}pPr") is None or p.find(f"{A}pPr").get("rtl") in (None, "0")) for p in en)
    assert "\u200e" not in "".join(t.text or "" for p in en for t in p.iter(f"{A}t"))
