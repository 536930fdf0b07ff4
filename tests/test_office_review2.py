"""The office deliverables after the second review (/work/notes/review2-office.md): report.docx carries
what report.html carries (flags, action, labels, data-quality notes), slides keep every commentary and
never run off a slide, numbers never break inside a Word table cell, commentary headings never skip a
level, results.xlsx holds numbers as numbers, whole days are whole."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import docx
import openpyxl
import pandas as pd
import pytest
from docx.oxml.ns import qn

from svcwork.commentary import parse_commentary, render_markdown
from svcwork.i18n import t
from svcwork.report import typed_text
from svcwork.results_book import write_results_workbook
from svcwork.sections import SECTIONS
from test_word import _engagement, _headings, _section_texts, build, make_run

SECTION_KEYS = [s.key for s in SECTIONS]


def _chapter(lang: str) -> dict:
    """A recommendations chapter as :func:`svcwork.recommendations.chapter` gives it."""
    sep = t("recommendations.meta.sep", lang)
    items = [{"rec_id": "R1", "recommendation": "Fix the permit journey", "rationale": "Longest wait",
              "owner": "Operations", "horizon": "wave 1", "priority": "high", "has_action": True,
              "meta": sep.join([t("recommendations.meta.priority", lang, value="high"),
                                t("recommendations.meta.action", lang, value="A02")]),
              "evidence": ["S01 is ranked first."]},
             {"rec_id": "R2", "recommendation": "Publish the standards", "rationale": None, "owner": "",
              "horizon": "", "priority": "", "has_action": False, "meta": "", "evidence": []}]
    return {"title": t("recommendations.title", lang), "items": items,
            "evidence_title": t("recommendations.evidence_title", lang),
            "rationale_title": t("recommendations.rationale_title", lang),
            "flag_title": t("recommendations.flag_title", lang),
            "flags": [t("recommendations.flag", lang, rec="R2", text="“Publish the standards”")]}


# ------------------------------------------------------------------------------------ 1. recommendations
@pytest.mark.parametrize("lang", ["en", "he"])
def test_docx_recommendations_carry_the_action_the_flags_and_the_html_labels(tmp_path, lang):
    chapter = _chapter(lang)
    path, _ = build(tmp_path, lang, recommendations=(), chapter=chapter)
    document = docx.Document(str(path))
    heads = _headings(document)
    sep = t("recommendations.meta.sep", lang)
    assert (1, chapter["title"]) in heads and (2, f"R1{sep}Fix the permit journey") in heads
    texts = _section_texts(document, f"R1{sep}Fix the permit journey")
    assert texts[0] == chapter["items"][0]["meta"]  # "Priority: high · Action: A02", as report.html
    assert f"{chapter['rationale_title']}: Longest wait" in texts and f"{chapter['evidence_title']}:" in texts
    assert heads[heads.index((2, chapter["flag_title"])) - 1] == (2, f"R2{sep}Publish the standards")
    assert _section_texts(document, chapter["flag_title"]) == chapter["flags"]


# ------------------------------------------------------------------------------------ 7. data-quality notes
def test_docx_data_quality_appendix_says_what_the_html_one_says(tmp_path):
    notes = parse_commentary("Opening.\n\n## No such part\nLost text.", sections=SECTION_KEYS)
    assert notes.unknown
    eng = _engagement("en", accent_color="#F5E050")  # too light for text: darkened, and said so
    path, _ = build(tmp_path, "en", engagement=eng, commentary=notes)
    texts = _section_texts(docx.Document(str(path)), t("report.data_quality", "en"))
    from svcwork.charts import accent_warning

    assert notes.warnings("en")[0] in texts
    assert accent_warning("#F5E050", "en") in texts


# ------------------------------------------------------------------------------------ 4. heading levels
def test_commentary_headings_nest_without_skipping_a_level_in_docx_and_html(tmp_path):
    from svcwork.commentary import heading_levels

    text = "Intro.\n\n### What we heard\n\nText.\n\n##### Detail\n\nMore.\n\n# Back up\n\nEnd."
    assert heading_levels([3, 5, 1], 3) == [3, 4, 3]
    page = render_markdown(text)
    assert re.findall(r"<h(\d)>", page) == ["3", "4", "3"]  # under a section's h2
    notes = parse_commentary(f"## prioritization\n{text}", sections=SECTION_KEYS)
    path, _ = build(tmp_path, "en", commentary=notes)
    heads = _headings(docx.Document(str(path)), cells=True)
    section = heads.index((1, t("report.section.prioritization", "en")))
    assert heads[section + 1:section + 4] == [(2, "What we heard"), (3, "Detail"), (2, "Back up")]
    levels = [lvl for lvl, _ in heads]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))  # never a skipped level


# ------------------------------------------------------------------------------------ 3. numbers in tables
def _needed_pt(text: str, size: float) -> float:
    """Arial's advance widths (em) of a number's characters, at *size* points."""
    em = {**dict.fromkeys("0123456789", 0.556), ".": 0.278, ",": 0.278, "%": 0.889, "-": 0.333}
    return sum(em.get(c, 0.6) for c in text) * size


def test_wide_docx_table_keeps_every_number_date_and_period_whole(tmp_path):
    cols = 18
    header = [(f"Column header {i}", False) for i in range(cols)]
    row = [("A long reading of the control chart that wraps over several lines of the cell", False)] * 4
    row += [("79.5%", True), ("2026-10", True), ("14.0", True), ("100.0%", True), ("300,423", True)] * 2
    row += [("Improving", False)] * (cols - len(row))
    from svcwork.word.build import Writer

    w = Writer(lang="en", accent="#1F6F8B", registry={})
    table = w.grid(None, header, [row, row])
    widths = [int(gc.get(qn("w:w"))) / 20 for gc in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    size = int(table.rows[1].cells[4]._tc.find(f".//{qn('w:sz')}").get(qn("w:val"))) / 2
    assert sum(widths) <= w.text_width() / 12700 + 1
    for ci, (text, numeric) in enumerate(row):
        if numeric:
            room = widths[ci] - 2 * 72 / 20  # the cell's left and right margins
            assert room >= _needed_pt(text, size), (ci, text, room)


def test_a_date_in_a_table_cell_never_breaks_at_its_hyphen(tmp_path):
    path, _ = build(tmp_path, "en")
    from svcwork.word.build import Writer

    w = Writer(lang="en", accent="#1F6F8B", registry={})
    table = w.grid(None, [("Note", False)], [[("Improved from 2026-03; recompute", False)]])
    cell = table.rows[1].cells[0]
    assert cell.text == "Improved from 2026-03; recompute"  # read back as the same text
    assert cell._tc.findall(f".//{qn('w:noBreakHyphen')}")


# ------------------------------------------------------------------------------------ 2, 5, 9. slides
def _since_run(tmp_path: Path) -> Path:
    out = make_run(tmp_path / "run", "en")
    record = {"section": "since", "title": t("report.section.since", "en"), "lang": "en", "available": True,
              "skipped": None, "summary": {}, "findings": ["Better."], "key_figures": [], "tables": [],
              "figures": [], "methods": []}
    (out / "sections" / "since.json").write_text(json.dumps(record), encoding="utf-8")
    return out


def test_slides_keep_the_since_commentary_and_place_each_note_before_its_charts(tmp_path):
    from pptx import Presentation

    from svcwork.report import load_sections
    from svcwork.report.assembly import _write_slides

    out = _since_run(tmp_path)
    notes = parse_commentary("Opening.\n\n## Since the last report\nSINCE-NOTE here.\n\n"
                             "## prioritization\nPRIO-NOTE here.", sections=SECTION_KEYS + ["since"])
    eng = SimpleNamespace(settings=SimpleNamespace(organization="Org", period_start=pd.Timestamp("2025-01-01").date(),
                                                   period_end=pd.Timestamp("2025-12-31").date(), accent_color=None,
                                                   sections=None, language="en"))
    path = _write_slides(out, load_sections(out), eng, lang="en", chapter={"items": []},
                         include={"since", "prioritization"}, notes=notes)
    slides = list(Presentation(str(path)).slides)
    titles = [s.shapes.title.text_frame.text for s in slides]
    bodies = ["\n".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame and sh != s.shapes.title)
              for s in slides]
    assert any("SINCE-NOTE" in b for b in bodies)
    label = t("report.commentary.label", "en")
    prio = titles.index(f"{label} · {t('report.section.prioritization', 'en')}")
    assert "PRIO-NOTE here." in bodies[prio] and "•" not in bodies[prio]  # prose, not a bullet
    assert titles[prio + 1].startswith(t("report.figure_label", "en", n=1))  # beside the section's charts


def test_long_commentary_continues_on_further_slides_never_cut(tmp_path):
    from pptx import Presentation

    from svcwork.slides import write_slides

    paragraphs = [f"Paragraph {i}: " + "the service standard was discussed at length with the staff " * 5
                  for i in range(12)]
    lines = [(p, False) for p in paragraphs] + [f"Item {i}" for i in range(20)]
    path = write_slides(tmp_path / "s.pptx", [], texts=[("The consultant's commentary", lines)], title="Org",
                        subtitle="Report", lang="en")
    prs = Presentation(str(path))
    slides = list(prs.slides)[1:]
    assert len(slides) >= 3
    assert [s.shapes.title.text_frame.text for s in slides][1] == t("report.slides.continued", "en",
                                                                     title="The consultant's commentary")
    text = " ".join(sh.text_frame.text for s in slides for sh in s.shapes if sh.name == "Evidence")
    for p in paragraphs:  # every word, in order
        assert " ".join(p.split()) in " ".join(text.split())
    assert all(f"• Item {i}" in text for i in range(20))
    for s in slides:  # each box within the slide, and its lines within the box by the measured rule
        box = [sh for sh in s.shapes if sh.name == "Evidence"][0]
        assert box.top + box.height <= prs.slide_height
        assert box.text_frame.auto_size is not None and int(box.text_frame.auto_size) == 0  # MSO_AUTO_SIZE.NONE


def test_markdown_lines_tell_list_items_from_prose():
    from svcwork.commentary import markdown_lines

    assert markdown_lines("Prose.\n\n- one\n- two\n\n# Head") == [("Prose.", False), ("one", True), ("two", True),
                                                                  ("Head", False)]


# ------------------------------------------------------------------------------------ 6. workbook
def test_workbook_writes_numbers_shown_as_text_as_typed_numbers(tmp_path):
    from svcwork.tables import with_keys

    frame = pd.DataFrame({"KPI": ["007", "N02", "N03"], "Rank": ["1", "10", "2"], "Target": ["85%", "10.0", "60"],
                          "New level": ["83.6%", "—", "4,996"], "Since": ["2026-03", "—", "2026-04"],
                          "Value": ["4.128", "Saaty (1980)", "0.90"]})
    frame = with_keys(frame, {"KPI": "measures.col.kpi_id", "Value": "prioritize.col.value"})
    ws = openpyxl.load_workbook(write_results_workbook(tmp_path / "r.xlsx", {"measures": {"x": frame}},
                                                       lang="en")).worksheets[1]
    col = {c.value: c.column for c in ws[1]}

    def cells(name):
        return [ws.cell(row=r, column=col[name]) for r in range(2, 5)]

    assert [c.value for c in cells("KPI")] == ["007", "N02", "N03"]  # an identifier stays text
    assert [c.value for c in cells("Rank")] == [1, 10, 2] and all(c.data_type == "n" for c in cells("Rank"))
    target = cells("Target")
    assert [c.value for c in target] == [0.85, 10.0, 60]
    assert [c.number_format for c in target] == ["0%", "#,##0.0", "#,##0"]
    level = cells("New level")
    assert level[0].value == pytest.approx(0.836) and level[0].number_format == "0.0%"
    assert level[1].value is None and level[2].value == 4996  # "—": an empty cell
    since = cells("Since")
    assert since[0].is_date and since[1].value is None
    assert [c.value for c in cells("Value")] == [4.128, "Saaty (1980)", 0.9]


# ------------------------------------------------------------------------------------ 8, 9
def test_whole_days_overdue_are_written_whole():
    assert typed_text(214, "en", "days") == "214"
    assert typed_text(1214, "he", "days") == "1,214"
    assert typed_text(25.94, "en", "days") == "25.9"  # a mean of days keeps its decimal


def test_html_intake_review_is_a_heading_under_the_data_quality_appendix(tmp_path):
    import itertools

    from svcwork.report import load_sections, load_tables
    from svcwork.report.assembly import _section_html

    out = make_run(tmp_path / "run", "en")
    body, *_ = _section_html(load_sections(out)["intake"], load_tables(out)["intake"], out, lang="en",
                             numbers=itertools.count(1), level=3)
    assert body[0].startswith("<h3")
