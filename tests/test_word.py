"""report.docx (svcwork.word): headings, contents, page numbers, right-to-left Hebrew, tables with
repeating headers, pictures with alt text, the executive summary and findings exactly as in
report.html, the consultant's Markdown as harmless text, reproducible bytes."""

from __future__ import annotations

import datetime as dt
import io
import json
import pickle
import re
import zipfile
from pathlib import Path
from types import MappingProxyType, SimpleNamespace

import docx
import pandas as pd
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

import svcwork.i18n as i18n
from conftest import ROOT
from svcwork.commentary import parse_commentary
from svcwork.executive import Tile, dashboard, executive_summary
from svcwork.i18n import t
from svcwork.keyfigures import KeyFigure, plain, quote
from svcwork.report import BODY_ROWS, SECTIONS, load_tables, typed_text
from svcwork.tables import shown_kinds
from svcwork.word import report_docx_bytes, write_report_docx
from svcwork.workbook import FIXED_TIME

DEMO_HE = ROOT / "data" / "clients" / "neve-tamar"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LRM = "\u200e"
SECTION_KEYS = [s.key for s in SECTIONS]

#: Catalogue keys of the recommendations chapter (the title is the lead's to add; the labels come with
#: the Recommendations sheet); until they are in the catalogue the tests supply them.
_REC_KEYS = {"report.recommendations": ("Recommendations", "המלצות"),
             "recommendations.col.rationale": ("Rationale", "נימוק"), "recommendations.col.owner": ("Owner", "אחראי"),
             "recommendations.col.horizon": ("Horizon", "טווח זמן"),
             "recommendations.col.priority": ("Priority", "עדיפות"),
             "recommendations.col.evidence": ("Evidence from the data", "ראיות מהנתונים")}


@pytest.fixture(autouse=True)
def _recommendation_keys(monkeypatch):
    missing = {k: MappingProxyType({"en": en, "he": he}) for k, (en, he) in _REC_KEYS.items() if k not in i18n.CATALOGUE}
    if missing:
        monkeypatch.setattr(i18n, "CATALOGUE", MappingProxyType({**i18n.CATALOGUE, **missing}))


# ------------------------------------------------------------------------------------ a small run folder
def _png(width: int, height: int) -> bytes:
    from PIL import Image

    raw = io.BytesIO()
    Image.new("RGB", (width, height), (31, 111, 139)).save(raw, format="PNG")
    return raw.getvalue()


def _figures(lang: str) -> dict[str, KeyFigure]:
    return {f.key: f for f in (
        KeyFigure("intake.warnings", 3, "count", "intake", table="problems"),
        KeyFigure("measures.nps", -22.4, "nps", "measures", base=3888, base_of="respondents", low=-24.1, high=-19.0),
        KeyFigure("prioritize.top_n", 5, "count", "prioritization"),
    )}


def _engagement(lang: str, **settings) -> SimpleNamespace:
    base = dict(organization="עיריית בדיקה" if lang == "he" else "Testford Council", language=lang,
                period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 12, 31), unit="Service unit",
                consultant="A. Consultant", service_vision="One service, first time.", service_values=("Clear", "Kind"),
                accent_color="#7A1F5C")
    return SimpleNamespace(settings=SimpleNamespace(**{**base, **settings}))


def make_run(out: Path, lang: str) -> Path:
    """A run folder as the notebooks record it: three sections (one skipped), tables, figures."""
    figs = _figures(lang)
    sections = out / "sections"
    (out / "figures").mkdir(parents=True)
    sections.mkdir()
    (out / "figures" / "prioritization-matrix.png").write_bytes(_png(600, 400))
    (out / "figures" / "prioritization-map.png").write_bytes(_png(1800, 700))
    long = pd.DataFrame({"Service": [f"S{i:02d} <b>&amp;</b> =1+1" for i in range(40)],
                         "Score": [0.5 + i / 100 for i in range(40)],
                         "Share": [i / 40 for i in range(40)], "Cases": list(range(1000, 1040))})
    records = {
        "intake": {"section": "intake", "title": t("report.section.intake", lang), "lang": lang, "available": True,
                   "skipped": None, "summary": {},
                   "findings": [f"Data with {quote(figs['intake.warnings'], lang)} warnings."],
                   "key_figures": [figs["intake.warnings"].as_record()],
                   "tables": [{"slug": "problems", "id": "intake.problems", "caption": "Problems", "sheet": "Problems",
                               "role": "key", "rows": 2, "max_rows": BODY_ROWS}],
                   "figures": [], "methods": ["Validated once."]},
        "prioritization": {
            "section": "prioritization", "title": t("report.section.prioritization", lang), "lang": lang,
            "available": True, "skipped": None, "summary": {},
            "findings": [f"The top {quote(figs['prioritize.top_n'], lang)} services lead.", "A plain finding."],
            "key_figures": [figs["prioritize.top_n"].as_record()],
            "tables": [{"slug": "priorities", "id": "prioritization.priorities", "caption": "Priorities",
                        "sheet": "Priorities", "role": "key", "rows": 40, "max_rows": BODY_ROWS},
                       {"slug": "detail", "id": "prioritization.detail", "caption": "Detail", "sheet": "Detail sheet",
                        "role": "detail", "rows": 2, "max_rows": None},
                       {"slug": "checks", "id": "prioritization.checks", "caption": "Checks", "sheet": "Checks",
                        "role": "quality", "rows": 1, "max_rows": BODY_ROWS}],
            "figures": [{"file": "prioritization-matrix.png", "title": "The matrix", "alt": "The matrix",
                         "layout": "portrait", "takeaway": f"NPS is {quote(figs['measures.nps'], lang)}."},
                        {"file": "prioritization-map.png", "title": "The map", "alt": "The map", "layout": "landscape",
                         "takeaway": ""},
                        {"file": "prioritization-missing.png", "title": "Not drawn", "alt": "", "layout": "portrait",
                         "takeaway": ""}],
            "methods": []},
        "measures": {"section": "measures", "title": t("report.section.measures", lang), "lang": lang,
                     "available": False, "skipped": "No survey was supplied.", "summary": {}, "findings": [],
                     "key_figures": [figs["measures.nps"].as_record()], "tables": [], "figures": [], "methods": []},
    }
    frames = {"intake": {"problems": pd.DataFrame({"Severity": ["warning", "error"], "Row": [3, 7]})},
              "prioritization": {"priorities": long, "detail": long.head(2), "checks": pd.DataFrame({"Check": ["ok"]})},
              "measures": {}}
    for key, record in records.items():
        (sections / f"{key}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        (sections / f"{key}.tables.pkl").write_bytes(pickle.dumps(frames[key], protocol=4))
    return out


def _executive(lang: str) -> list[dict]:
    figs = _figures(lang)
    return [{"key": "fix_first", "title": "Where to start", "missing": False,
             "lead": [f"Start with the top {quote(figs['prioritize.top_n'], lang)}."],
             "items": ["S01 first", "S02 second"], "lines": [f"NPS {quote(figs['measures.nps'], lang)} overall."]},
            {"key": "pain", "title": "The pain", "missing": True, "lead": [], "items": [], "lines": ["Missing."]}]


def _tiles(lang: str) -> list[Tile]:
    figs = _figures(lang)
    return [Tile("kpis", "KPIs", quote(figs["prioritize.top_n"], lang), "of 7", "bad", "Needs attention", "measures")]


RECS = [{"rec_id": "R1", "recommendation": "Fix the permit journey", "rationale": "Longest wait", "owner": "Operations",
         "horizon": "Wave 1", "priority": 1.0, "evidence": ["S01 is ranked first.", "Median 25.9 days."]},
        {"rec_id": "R2", "recommendation": "Train the desk", "rationale": None, "owner": "", "horizon": float("nan"),
         "priority": "high", "evidence": []}]


def build(tmp_path: Path, lang: str = "en", *, engagement=None, **kw) -> tuple[Path, Path]:
    """report.docx of the small run folder (made once per *tmp_path* and language)."""
    out = tmp_path / f"run-{lang}"
    if not out.exists():
        make_run(out, lang)
    args = {"lang": lang, "executive": _executive(lang), "tiles": _tiles(lang), "recommendations": RECS, **kw}
    path = write_report_docx(tmp_path / f"report-{lang}.docx", out, engagement or _engagement(lang), **args)
    return path, out


def _xml(path: Path, part: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


def _parts(path: Path, prefix: str) -> list[etree._Element]:
    with zipfile.ZipFile(path) as z:
        return [etree.fromstring(z.read(n)) for n in z.namelist() if n.startswith(prefix) and n.endswith(".xml")]


def _all_paragraphs(document) -> list[Paragraph]:
    """Every paragraph of the body in order, those in table cells (the commentary boxes) included."""
    return [Paragraph(p, document._body) for p in document.element.body.iter(qn("w:p"))]


def _headings(document, *, cells: bool = False) -> list[tuple[int, str]]:
    paragraphs = _all_paragraphs(document) if cells else document.paragraphs
    return [(int(p.style.name.split()[-1]), p.text) for p in paragraphs
            if p.style is not None and p.style.name.startswith("Heading")]


def _section_texts(document, title: str) -> list[str]:
    """The paragraphs after the heading *title* up to the next heading of the same or a higher level."""
    texts, inside, level = [], False, 0
    for p in document.paragraphs:
        name = p.style.name if p.style is not None else ""
        if name.startswith("Heading"):
            lvl = int(name.split()[-1])
            if inside and lvl <= level:
                break
            if p.text == title and not inside:
                inside, level = True, lvl
                continue
        if inside:
            texts.append(p.text)
    return texts


# ------------------------------------------------------------------------------------ structure
def test_headings_are_word_headings_in_report_order(tmp_path):
    path, _ = build(tmp_path, "en")
    got = _headings(docx.Document(str(path)))
    expected = [(1, t("report.dash.title", "en")), (1, t("report.executive_summary", "en")), (2, "Where to start"),
                (2, "The pain"), (2, t("report.not_analysed", "en")), (1, "Recommendations"),
                (2, "R1 · Fix the permit journey"), (2, "R2 · Train the desk"),
                (1, t("report.section.prioritization", "en")), (1, t("report.section.measures", "en")),
                (1, t("report.data_quality", "en")), (2, t("report.section.intake", "en")),
                (1, t("report.methods", "en")), (2, t("report.section.intake", "en")),
                (2, t("report.section.prioritization", "en")), (2, t("report.section.measures", "en")),
                (1, t("report.key_figures", "en"))]
    assert got == expected


def test_contents_is_a_toc_field_listing_the_headings_with_links(tmp_path):
    path, _ = build(tmp_path, "en")
    root = _xml(path)
    instr = [el.text for el in root.iter(f"{W}instrText")]
    assert any(re.fullmatch(r'\s*TOC \\o "1-3" \\h \\z \\u\s*', x or "") for x in instr)
    kinds = [el.get(f"{W}fldCharType") for el in root.iter(f"{W}fldChar")]
    assert kinds[:2] == ["begin", "separate"] and "end" in kinds
    bookmarks = {b.get(f"{W}name") for b in root.iter(f"{W}bookmarkStart")}
    toc = [p for p in root.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle") is not None
           and re.fullmatch(r"(?i)toc\d", p.find(f"{W}pPr/{W}pStyle").get(f"{W}val", ""))]
    entries = ["".join(x.text or "" for x in p.iter(f"{W}t")) for p in toc]
    assert entries[:2] == [t("report.dash.title", "en"), t("report.executive_summary", "en")]
    assert t("report.key_figures", "en") in entries
    for p in toc:  # every entry links to its heading
        for link in p.iter(f"{W}hyperlink"):
            assert link.get(f"{W}anchor") in bookmarks
    settings = _xml(path, "word/settings.xml")  # no prompt on every opening: the note says how to add page numbers
    assert settings.find(f"{W}updateFields") is None
    notes = [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Note"]
    assert t("report.contents.update", "en") in notes


def test_footer_numbers_the_pages(tmp_path):
    path, _ = build(tmp_path, "he")
    footers = _parts(path, "word/footer")
    fields = [f.get(f"{W}instr").strip() for root in footers for f in root.iter(f"{W}fldSimple")]
    assert fields == ["PAGE", "NUMPAGES"]
    document = docx.Document(str(path))
    for section in document.sections:  # every section shows the footer (linked to the first)
        assert section.footer.paragraphs[0].text.strip()


def test_page_is_a4_portrait_with_margins_and_the_accent_colour(tmp_path):
    path, _ = build(tmp_path, "en")
    document = docx.Document(str(path))
    first = document.sections[0]
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)
    assert all(round(m.mm) == 20 for m in (first.left_margin, first.right_margin, first.top_margin, first.bottom_margin))
    assert str(document.styles["Heading 1"].font.color.rgb) == "7A1F5C"
    fills = {shd.get(f"{W}fill") for tr in _xml(path).iter(f"{W}tr") if tr.find(f"{W}trPr/{W}tblHeader") is not None
             for shd in tr.iter(f"{W}shd")}
    assert fills == {"7A1F5C"}
    # the landscape figure sits on a landscape page of its own section, the rest is portrait
    orients = [(s.orientation, round(s.page_width.mm)) for s in document.sections]
    assert (1, 297) in orients and orients[-1] == (0, 210)


def test_properties_language_and_reproducible_bytes(tmp_path):
    path, out = build(tmp_path, "he")
    again = report_docx_bytes(out, _engagement("he"), lang="he", executive=_executive("he"), tiles=_tiles("he"),
                              recommendations=RECS)
    assert path.read_bytes() == again
    props = docx.Document(str(path)).core_properties
    assert props.author == "svcwork" and props.language == "he-IL"
    assert props.created.replace(tzinfo=None) == props.modified.replace(tzinfo=None) == FIXED_TIME
    assert props.title.startswith("עיריית בדיקה")
    styles = _xml(path, "word/styles.xml")
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "he-IL" and lang.get(f"{W}bidi") == "he-IL"
    with zipfile.ZipFile(path) as z:
        assert {i.date_time for i in z.infolist()} == {FIXED_TIME.timetuple()[:6]}
        assert not any("thumbnail" in n for n in z.namelist())
    assert not list(path.parent.glob(".report-he.docx.*"))  # written atomically: no temporary file left


# ------------------------------------------------------------------------------------ right to left
def _all_roots(path: Path) -> list[etree._Element]:
    return [_xml(path)] + _parts(path, "word/footer")


def test_hebrew_is_right_to_left_on_every_paragraph_run_table_and_section(tmp_path):
    com = parse_commentary("## summary\nפסקה **מודגשת** עם [קישור](https://example.org)\n\n| א | ב |\n|---|---|\n| 1 | 2 |",
                           sections=SECTION_KEYS)
    path, _ = build(tmp_path, "he", commentary=com)
    for root in _all_roots(path):
        paragraphs = list(root.iter(f"{W}p"))
        runs = list(root.iter(f"{W}r"))
        assert paragraphs and runs
        assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs)
        assert all(r.find(f"{W}rPr/{W}rtl") is not None for r in runs)
        assert all(r.find(f"{W}rPr/{W}rFonts").get(f"{W}cs") for r in runs)
        # complex-script size and bold follow the Latin ones
        for r in runs:
            rpr = r.find(f"{W}rPr")
            if rpr.find(f"{W}sz") is not None:
                assert rpr.find(f"{W}szCs").get(f"{W}val") == rpr.find(f"{W}sz").get(f"{W}val")
            if rpr.find(f"{W}b") is not None:
                assert rpr.find(f"{W}bCs") is not None
        # right-aligned by the paragraph direction alone (a "right" jc would mean left in a bidi paragraph)
        assert not [p for p in paragraphs if p.find(f"{W}pPr/{W}jc") is not None
                    and p.find(f"{W}pPr/{W}jc").get(f"{W}val") in ("left", "right", "start", "end")]
    body = _xml(path)
    tables = list(body.iter(f"{W}tbl"))
    assert len(tables) >= 5 and all(tb.find(f"{W}tblPr/{W}bidiVisual") is not None for tb in tables)
    sects = list(body.iter(f"{W}sectPr"))
    assert len(sects) >= 3 and all(s.find(f"{W}bidi") is not None for s in sects)
    # a signed number reads "-22", not "22-", inside a Hebrew sentence
    assert f"{LRM}-22" in "".join(x.text or "" for x in body.iter(f"{W}t"))


def test_english_is_left_to_right(tmp_path):
    path, _ = build(tmp_path, "en")
    body = _xml(path)
    assert body.find(f".//{W}bidi") is None and body.find(f".//{W}rtl") is None
    assert body.find(f".//{W}bidiVisual") is None
    assert docx.Document(str(path)).core_properties.language == "en-GB"


# ------------------------------------------------------------------------------------ content
def test_tables_repeat_their_header_and_write_cells_as_the_html_report(tmp_path):
    for lang in ("en", "he"):
        path, out = build(tmp_path, lang)
        document = docx.Document(str(path))
        frame = load_tables(out)["prioritization"]["priorities"]
        table = next(tb for tb in document.tables if tb.rows[0].cells[0].text == "Service")
        assert table._tbl.tr_lst[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        assert [c.text for c in table.rows[0].cells] == list(frame.columns)
        assert len(table.rows) == 1 + BODY_ROWS
        kinds = shown_kinds(frame)  # the one rule report.html writes its cells by
        for row, values in zip(table.rows[1:], frame.head(BODY_ROWS).itertuples(index=False, name=None)):
            assert [c.text.lstrip(LRM) for c in row.cells] == [typed_text(v, lang, k) for v, k in zip(values, kinds)]
        texts = [p.text for p in document.paragraphs]
        assert t("report.more_rows_sheet", lang, shown=BODY_ROWS, total="40", sheet="Priorities") in texts
        quote_marks = "„{}”" if lang == "he" else "“{}”"
        assert t("report.detail_tables", lang, sheets=quote_marks.format("Detail sheet")) in texts
        # the quality table is in the data-quality appendix, the detail table nowhere
        assert "Check" in [tb.rows[0].cells[0].text for tb in document.tables]
        assert "Detail" not in texts
        for tb in document.tables:  # every data table's header repeats (the dashboard and boxes have none)
            first = tb._tbl.tr_lst[0]
            shaded = {s.get(qn("w:fill")) for s in first.iter(qn("w:shd"))}
            assert (first.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None) == ("7A1F5C" in shaded)


def test_figures_are_pictures_with_alt_text_and_numbered_captions(tmp_path):
    path, _ = build(tmp_path, "en")
    document = docx.Document(str(path))
    descr = [d.get("descr") for d in _xml(path).iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    assert descr == ["The matrix. NPS is -22.", "The map"]
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert "Figure 1. The matrix" in captions and "Figure 2. The map" in captions
    assert not any("Not drawn" in c for c in captions)  # a figure whose file is missing is left out, as in HTML
    assert "NPS is -22." in [p.text for p in document.paragraphs]
    assert len(document.inline_shapes) == 2
    widths = [s.width for s in document.inline_shapes]
    assert max(widths) > 240 * 36000  # the landscape map spans a landscape page (> 24 cm)


def test_executive_summary_and_dashboard_as_given(tmp_path):
    path, _ = build(tmp_path, "he")
    document = docx.Document(str(path))
    blocks = _executive("he")
    texts = [x.replace(LRM, "") for x in _section_texts(document, "Where to start")]
    expected = [plain(x) for part in ("lead", "items", "lines") for x in blocks[0][part]]
    assert texts == expected
    items = [p for p in document.paragraphs if p.text in blocks[0]["items"]]
    assert {p.style.name for p in items} == {"List Number"}
    dash = document.tables[0]
    assert [c.text.replace(LRM, "") for c in dash.rows[0].cells] == ["KPIs", "5", "of 7", "Needs attention"]


def test_numbers_link_to_the_key_figures_appendix(tmp_path):
    path, _ = build(tmp_path, "en")
    body = _xml(path)
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    anchors = [h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink") if h.get(f"{W}anchor")]
    assert anchors and set(anchors) <= bookmarks
    document = docx.Document(str(path))
    appendix = document.tables[-1]
    names = [r.cells[0].text for r in appendix.rows[1:]]
    figs = _figures("en")  # each quoted somewhere (findings, a takeaway, the summary); by section
    assert names == [figs[k].label("en") for k in ("intake.warnings", "measures.nps", "prioritize.top_n")]
    assert appendix.rows[2].cells[1].text == "-22" and appendix.rows[2].cells[3].text == "-24 – -19"
    assert [c.text for c in appendix.rows[0].cells] == [t(f"report.kf.{c}", "en") for c in
                                                         ("name", "value", "base", "interval", "definition", "section")]


def test_recommendations_follow_the_executive_summary_with_their_evidence(tmp_path):
    path, _ = build(tmp_path, "en")
    document = docx.Document(str(path))
    heads = [h for _, h in _headings(document)]
    assert heads.index("Recommendations") == heads.index(t("report.not_analysed", "en")) + 1
    # labelled as report.html labels them (the catalogue's recommendations chapter), its meta line as one
    why, shows = t("recommendations.rationale_title", "en"), t("recommendations.evidence_title", "en")
    meta = t("recommendations.meta.sep", "en").join([t("recommendations.meta.priority", "en", value="1"),
                                                     t("recommendations.meta.horizon", "en", value="Wave 1"),
                                                     t("recommendations.meta.owner", "en", value="Operations")])
    texts = _section_texts(document, "R1 · Fix the permit journey")
    assert texts == [meta, f"{why}: Longest wait", f"{shows}:", "S01 is ranked first.", "Median 25.9 days."]
    assert _section_texts(document, "R2 · Train the desk") == [t("recommendations.meta.priority", "en", value="high")]
    path, _ = build(tmp_path / "none", "en", recommendations=())
    assert "Recommendations" not in [h for _, h in _headings(docx.Document(str(path)))]


def test_include_leaves_out_the_sections_not_requested(tmp_path):
    path, _ = build(tmp_path, "en", include=["intake", "measures"])
    document = docx.Document(str(path))
    heads = [h for _, h in _headings(document)]
    assert t("report.section.prioritization", "en") not in heads
    assert t("report.section.measures", "en") in heads and t("report.section.intake", "en") in heads
    assert not document.inline_shapes
    assert "Service" not in [tb.rows[0].cells[0].text for tb in document.tables]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "lead." not in text.split(t("report.section.measures", "en"))[-1]


# ------------------------------------------------------------------------------------ client text is data
HOSTILE = (
    "# Heading <script>alert(1)</script>\n\n"
    "Raw <b onclick='x()'>html</b> and <img src=x onerror=alert(1)> and <!-- c --> stay text.\n\n"
    "[click](javascript:alert(1)) [data](data:text/html,<script>x</script>) [vb](vbscript:msgbox) "
    "[ok](https://example.org/a?b=1&c=<2>) [mail](mailto:a@example.org)\n\n"
    "<div>block html</div>\n\n"
    "Field-looking text { PAGE } {\\field} <w:fldSimple w:instr=\"DDE\"/> ]]> &amp; &#x0;\n\n"
    "Marks: \u200f\u202eevil\u202c \u2066iso\u2069 \u200e end; controls \x00\x01\x08\x0b\x0c\x1b dropped.\n\n"
    + "long" * 30000 + "\n\n"
    "1. one\n2. two\n   - nested **bold** _it_ `code`\n\n> a quote\n\n---\n\n"
    "| h1 | h2 |\n|---|--:|\n| <script> | [x](javascript:void(0)) |\n"
)


@pytest.mark.parametrize("lang", ["he", "en"])
def test_commentary_markdown_is_rendered_as_harmless_text(tmp_path, lang):
    com = parse_commentary(f"{HOSTILE}\n## prioritization\n{HOSTILE}\n## intake\nIntake note.", sections=SECTION_KEYS)
    assert com.get("summary") and com.get("prioritization") and com.get("intake") == "Intake note."
    path, _ = build(tmp_path, lang, commentary=com)
    document = docx.Document(str(path))  # it opens
    text = "\n".join(x.text or "" for x in _xml(path).iter(f"{W}t"))
    label = t("report.commentary.label", lang)
    assert text.count(label) == 3  # summary, prioritization, intake: each marked as the consultant's
    assert "<script>alert(1)</script>" in text and "<b onclick='x()'>html</b>" in text
    assert "[click](javascript:alert(1))" in text  # an unsafe link stays its text
    assert "<w:fldSimple w:instr=\"DDE\"/>" in text and "{ PAGE }" in text
    assert "long" * 30000 in text
    assert "\u200f\u202eevil\u202c" in text and "\x00" not in text and "\x1b" not in text
    with zipfile.ZipFile(path) as z:
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
    targets = re.findall(r'Target="([^"]+)"', rels)
    external = [x for x in targets if ":" in x]
    assert external and all(x.startswith(("https:", "mailto:")) for x in external)
    assert not re.search(r"javascript|vbscript|data:", rels)
    root = _xml(path)
    instr = [f.get(f"{W}instr") for f in root.iter(f"{W}fldSimple")] + [x.text for x in root.iter(f"{W}instrText")]
    assert [x.strip().split()[0] for x in instr] == ["TOC"]  # no field but the contents (page numbers: footer)
    heads = _headings(document, cells=True)
    # a "#" heading one level under its part: the summary's and the prioritization section's at 2
    assert heads.count((2, "Heading <script>alert(1)</script>")) == 2
    paragraphs = _all_paragraphs(document)
    lists = {p.style.name for p in paragraphs if p.text in ("one", "two", "nested bold it code")}
    assert lists == {"List Number", "List Bullet 2"}
    assert any(p.style.name == "Quote" and p.text == "a quote" for p in paragraphs)
    boxes = [tb for tb in document.tables if tb.rows[0].cells[0].paragraphs[0].text == label]
    assert len(boxes) == 3  # summary, prioritization, intake (its box holds "Intake note.")
    assert [c.text for c in boxes[0].rows[0].cells[0].tables[0].rows[0].cells] == ["h1", "h2"]


def test_client_text_with_illegal_characters_is_cleaned(tmp_path):
    eng = _engagement("en", organization="Org\x00\x07 <x/> & \ufffe", unit="U\x1bnit", service_values=("A\x0cB",))
    path, _ = build(tmp_path, "en", engagement=eng)
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == "Org <x/> & "
    assert "Unit" in [p.text for p in document.paragraphs] and "AB" in [p.text for p in document.paragraphs]
    assert document.core_properties.title.startswith("Org <x/> &")


# ------------------------------------------------------------------------------------ the demo client
@pytest.fixture(scope="module")
def hebrew_demo(demo_reports, tmp_path_factory):
    """The Hebrew demo client's run (neve-tamar, no PDF) from the session's demo batch
    (:func:`conftest.demo_reports`; no earlier round, so nothing compared), copied here: the shared run
    is never written to, and report.docx is written again into the copy."""
    import shutil

    run = tmp_path_factory.mktemp("word") / "neve-tamar"
    shutil.copytree(demo_reports["neve-tamar"], run)
    from svcwork.intake import load

    eng = load(DEMO_HE)
    summary = json.loads((run / "summary.json").read_text(encoding="utf-8"))
    tables = load_tables(run)

    def table(key):
        try:
            return eng.table(key)
        except Exception:  # noqa: BLE001 - an engagement without that sheet
            return None

    executive = executive_summary(summary, lang="he", services=table("Services"), kpis=table("KPIs"),
                                  overdue=tables.get("management", {}).get("actions_overdue"))
    tiles = dashboard(summary, lang="he")
    path = write_report_docx(run / "report.docx", run, eng, lang="he", executive=executive, tiles=tiles)
    return SimpleNamespace(run=run, path=path, executive=executive, tiles=tiles, engagement=eng)


def _norm(text: str) -> str:
    return " ".join(text.replace(LRM, "").split())


@pytest.mark.slow
def test_demo_findings_and_numbers_equal_the_html_report(hebrew_demo):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((hebrew_demo.run / "report.html").read_text(encoding="utf-8"), "html.parser")
    document = docx.Document(str(hebrew_demo.path))
    bullets = [_norm(p.text) for p in document.paragraphs if p.style.name == "List Bullet"]
    html_findings = [_norm(li.get_text()) for ul in page.select("ul.findings") for li in ul.select("li")]
    assert html_findings
    # every finding of report.html, word for word and number for number, in the same order (both put
    # the intake's findings in the data-quality appendix)
    assert [b for b in bullets if b in html_findings] == html_findings
    number = re.compile(r"[-+]?\d[\d,.]*%?")
    assert [number.findall(f) for f in html_findings] == [number.findall(b) for b in bullets if b in html_findings]
    captions = [_norm(c.get_text(" ")) for c in page.select("figcaption .fig-no")]
    docx_captions = [_norm(p.text) for p in document.paragraphs if p.style.name == "Caption" and re.match(r"איור \d+\.", p.text)]
    assert [c.split()[1] for c in docx_captions] == [c.split()[1] for c in captions]
    assert len(document.inline_shapes) == len(page.select("figure img"))


@pytest.mark.slow
def test_demo_executive_summary_is_executive_summarys_plain_text(hebrew_demo):
    document = docx.Document(str(hebrew_demo.path))
    for block in hebrew_demo.executive:
        texts = [_norm(x) for x in _section_texts(document, block["title"])]
        assert texts == [_norm(plain(x)) for part in ("lead", "items", "lines") for x in block[part]]


@pytest.mark.slow
def test_demo_docx_is_hebrew_rtl_with_headings_tables_and_pictures(hebrew_demo):
    path = hebrew_demo.path
    document = docx.Document(str(path))
    heads = [h for lvl, h in _headings(document) if lvl == 1]
    expected = [t("report.dash.title", "he"), t("report.executive_summary", "he")]
    expected += [t(f"report.section.{s.key}", "he") for s in SECTIONS if s.key != "intake"]
    expected += [t("report.data_quality", "he"), t("report.methods", "he"), t("report.key_figures", "he")]
    assert heads == expected
    body = _xml(path)
    assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in body.iter(f"{W}p"))
    assert all(r.find(f"{W}rPr/{W}rtl") is not None for r in body.iter(f"{W}r"))
    assert all(tb.find(f"{W}tblPr/{W}bidiVisual") is not None for tb in body.iter(f"{W}tbl"))
    data_tables = [tb for tb in document.tables[1:]]  # after the dashboard
    assert len(data_tables) >= 10
    assert all(tb._tbl.tr_lst[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None for tb in data_tables)
    descr = [d.get("descr") for d in body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    assert len(descr) >= 10 and all(d and "\ue000" not in d for d in descr)
    assert any(s.orientation == 1 for s in document.sections)  # the journey maps on landscape pages


def test_properties_are_written_in_schema_order(tmp_path):
    """Word refuses a document whose property elements are out of the schema's order."""
    from svcwork.word import oxml

    com = parse_commentary("## summary\n# H\n**b** _i_ `c` [l](https://e.org)\n\n1. a\n\n| x |\n|---|\n| 1 |",
                           sections=SECTION_KEYS)
    for lang in ("he", "en"):
        path, _ = build(tmp_path, lang, commentary=com)
        roots = _all_roots(path) + [_xml(path, "word/styles.xml")]
        for root in roots:
            for tag, order in (("pPr", oxml.PPR), ("rPr", oxml.RPR), ("tblPr", oxml.TBLPR), ("tcPr", oxml.TCPR),
                               ("sectPr", oxml.SECTPR)):
                for el in root.iter(f"{W}{tag}"):
                    names = [etree.QName(c).localname for c in el]
                    known = [n for n in names if n in order]
                    assert known == sorted(known, key=order.index), (tag, names)


@pytest.mark.parametrize("text", ["47%", " leading and trailing ", "שירות דיגיטלי", "", "a  b", "—"])
@pytest.mark.parametrize("size", [None, 8, 9.5])
def test_a_plain_run_is_the_xml_python_docx_writes(text, size):
    """The table cells' runs are built directly (svcwork.word.oxml.plain_run): the same XML as
    python-docx's ``add_run(text)`` and ``font.size`` (the reference), byte for byte."""
    from docx.shared import Pt

    from svcwork.word.oxml import plain_run

    size = None if size is None else Pt(size)
    reference, ours = docx.Document(), docx.Document()
    r = reference.add_paragraph("x").add_run(text)
    if size is not None:
        r.font.size = size
    plain_run(ours.add_paragraph("x")._p, text, size)
    assert etree.tostring(ours.paragraphs[-1]._p) == etree.tostring(reference.paragraphs[-1]._p)


def test_pictures_are_the_xml_python_docxs_add_picture_writes():
    """Writer.picture counts the shape ids itself (python-docx reads every id of the document again
    for each picture): each picture's run equals the one python-docx's ``Run.add_picture`` makes (the
    reference) at the same size, byte for byte (ids, relationship, size), and two identical pictures
    share one image part as there."""
    from docx.shared import Emu

    from svcwork.word.build import Writer

    pngs = [_png(300, 200), _png(120, 240), _png(300, 200)]
    ours = Writer(lang="en", accent="#1F6F8B", registry={})
    reference = Writer(lang="en", accent="#1F6F8B", registry={})
    for i, png in enumerate(pngs):
        ours.picture(png, layout="portrait", description=f"d{i}", name=f"n{i}")
        mine = ours.doc.element.body.findall(qn("w:p"))[-1].find(qn("w:r"))
        extent = mine.find(".//" + qn("wp:extent"))
        theirs = reference.para().add_run().add_picture(io.BytesIO(png), width=Emu(int(extent.get("cx"))),
                                                         height=Emu(int(extent.get("cy"))))._inline
        theirs.docPr.set("descr", f"d{i}")
        theirs.docPr.set("name", f"n{i}")
        assert etree.tostring(mine) == etree.tostring(theirs.getparent().getparent())
    assert [d.get("id") for d in ours.doc.element.body.iter(qn("wp:docPr"))] == ["1", "2", "3"]
    media = {p.partname for p in ours.doc.part.package.iter_parts() if p.partname.startswith("/word/media/")}
    assert len(ours.doc.inline_shapes) == 3 and len(media) == 2


@pytest.mark.parametrize("tag", ["w:r", "w:rPr", "w:tblPr", "wp:docPr", "a:blip", "w:hyperlink"])
def test_oxml_element_is_python_docxs(tag):
    """svcwork.word.oxml.OxmlElement remembers each tag's parsing: the element is python-docx's
    ``OxmlElement`` (the reference): the same class, tag and namespace declarations."""
    from docx.oxml import OxmlElement as reference

    from svcwork.word.oxml import OxmlElement

    ours, theirs = OxmlElement(tag), reference(tag)
    assert type(ours) is type(theirs) and etree.tostring(ours) == etree.tostring(theirs)
    assert OxmlElement(tag) is not ours  # a new element each time


def test_signed_numbers_in_hebrew_words_and_text_cells_read_left_to_right():
    """A signed number in the words around a figure, or in a text cell ("(-14.7 to -7.9)"), gets the same
    left-to-right mark as a figure (i18n.isolate_signs, the HTML's helper): never drawn "14.7-" in Hebrew."""
    from svcwork.word.build import Writer

    w = Writer(lang="he", accent="#1F4E79", registry={})
    p = w.para()
    w.marked(p, "הפער: -3.5 נקודות")
    w.grid(None, [("פריט", False), ("רווח", False)], [[("שינוי", False), ("(-14.7 עד -7.9)", False)]])
    texts = "".join(x.text or "" for x in w.doc.element.body.iter(f"{W}t"))
    assert f"{LRM}-3.5" in texts and f"({LRM}-14.7 עד {LRM}-7.9)" in texts
    en = Writer(lang="en", accent="#1F4E79", registry={})
    en.marked(en.para(), "gap: -3.5 points")
    assert LRM not in "".join(x.text or "" for x in en.doc.element.body.iter(f"{W}t"))
