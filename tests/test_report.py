"""The per-client report: assembled from the notebooks, self-contained, fully Hebrew for Hebrew clients."""

from __future__ import annotations

import base64
import datetime as dt
import html
import json
import math
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from conftest import ROOT
from svcwork import charts, load, report
from svcwork.i18n import CATALOGUE, t
from svcwork.paths import sha256_file
from svcwork.executive import biggest_pain, dashboard
from svcwork.keyfigures import KeyFigure, from_records, plain
from svcwork.report import SECTIONS, executive_summary, json_ready, table_html, write_results_workbook

DEMO_HE = ROOT / "data" / "clients" / "neve-tamar"

#: Latin words a Hebrew report may carry: method names, standards and codes (not sentences).
ALLOWED_LATIN = {"AHP", "TOPSIS", "SMAA", "HiGHS", "CES", "NPS", "CSAT", "XmR", "ICC", "Shapley", "LMG", "Laney",
                 "Johnson", "Saaty", "Newcombe", "Wilson", "Cohen", "OMB", "A-", "Western", "Electric", "RFC",
                 "HMAC-SHA", "UTC", "svcwork", "CI", "CR", "RI", "dz", "p", "kappa", "csv", "xlsx", "parquet",
                 "cases", "survey", "training", "intake", "KPI", "SLA", "FCR", "Wilcoxon", "t",
                 "results",  # the file name results.xlsx, in the notes on long and detail tables
                 "A", "B", "W", "Z"}  # A→B→A (ping-pong), Wilcoxon's W, Z (UTC designator in an offset list)


def _text(page: str) -> str:
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    # the methods appendix cites its sources as published (authors and titles in Latin letters)
    page = re.sub(r"<section id=\"methods\".*?</section>", " ", page, flags=re.S)
    page = re.sub(r"<img[^>]*>", " ", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.fixture(scope="module")
def hebrew_run(demo_reports) -> Path:
    """neve-tamar's run from the session's demo batch (no PDF; read it, never write into it).  The
    SVG figures of ``--svg`` are checked on tests/test_privacy.py's batch, which asks for them."""
    return demo_reports["neve-tamar"]


@pytest.mark.slow
def test_hebrew_report_is_rtl_and_speaks_hebrew(hebrew_run):
    page = (hebrew_run / "report.html").read_text(encoding="utf-8")
    assert '<html lang="he" dir="rtl">' in page
    text = _text(page)
    # whole Latin words only: codes such as S01, K03 or mixed_offsets are identifiers, not English
    latin = {w for w in re.findall(r"(?<![\w.])[A-Za-z][A-Za-z\-]*(?![\w])", text)} - ALLOWED_LATIN
    assert not latin, f"English leaks into the Hebrew report: {sorted(latin)[:30]}"
    assert len(re.findall(r"[\u0590-\u05ff]+", text)) > 1000
    for s in SECTIONS:
        assert f'id="{s.key if s.key != "intake" else "quality"}"' in page


@pytest.mark.slow
def test_report_is_self_contained_with_no_code(hebrew_run):
    page = (hebrew_run / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page and "Traceback" not in page and "In [" not in page
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page)
    assert not re.search(r"""<link[^>]+stylesheet""", page)
    assert page.count("data:image/png;base64,") >= 10
    assert "svcwork.load" not in page and "import " not in _text(page)


@pytest.mark.slow
def test_summary_json_has_every_analysis_and_the_input_hashes(hebrew_run):
    summary = json.loads((hebrew_run / "summary.json").read_text(encoding="utf-8"))
    for key in ("priorities", "criteria_weights", "journey", "channels", "survey", "kpis", "actions",
                "observations", "training", "svcwork_version", "inputs"):
        assert key in summary, key
    hashes = {i["file"]: i["sha256"] for i in summary["inputs"]}
    assert hashes["intake.xlsx"] == sha256_file(DEMO_HE / "intake.xlsx")
    assert hashes["cases.csv"] == sha256_file(DEMO_HE / "cases.csv")
    assert {p["service_id"] for p in summary["priorities"]} == set(load(DEMO_HE).table("Services")["service_id"])
    assert summary["journey"]["cases"] > 1000
    assert set(summary["actions"]) >= {"open", "overdue", "done"}


@pytest.mark.slow
def test_summary_json_follows_its_documented_schema_and_no_key_overwrites_another(hebrew_run):
    """docs/summary.schema.json describes summary.json; every section's figures are under its own key."""
    import jsonschema

    schema = json.loads((ROOT / "docs" / "summary.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    summary = json.loads((hebrew_run / "summary.json").read_text(encoding="utf-8"))
    jsonschema.validate(summary, schema)
    assert "available" not in summary  # once the last section's "available" overwrote the others'
    for key, section in summary["sections"].items():
        recorded = json.loads((hebrew_run / "sections" / f"{key}.json").read_text(encoding="utf-8"))
        assert section["available"] == recorded["available"]
        for name, value in recorded["summary"].items():
            if name != "available":
                assert section[name] == value, (key, name)
                if name in summary and name not in ("sections",):
                    assert summary[name] == value, (key, name)  # the top-level copy is that section's


def test_a_name_two_sections_give_stays_under_sections_only():
    from types import SimpleNamespace

    from svcwork.report import build_summary

    settings = SimpleNamespace(organization="X", language="en", period_start=dt.date(2026, 1, 1),
                               period_end=dt.date(2026, 6, 30))
    eng = SimpleNamespace(settings=settings, slug="x", inputs=(), problems=())
    sections = {"measures": {"available": True, "summary": {"available": True, "kpis": [1], "shared": 1}},
                "management": {"available": False, "summary": {"available": False, "shared": 2, "actions": {}}}}
    out = build_summary(eng, sections)
    assert out["kpis"] == [1] and out["actions"] == {} and "shared" not in out and "available" not in out
    assert out["sections"]["measures"]["shared"] == 1 and out["sections"]["management"]["shared"] == 2
    assert out["sections"]["management"]["available"] is False


@pytest.mark.slow
def test_every_figure_is_saved_as_png_and_on_a_slide(hebrew_run):
    figures = []
    for s in SECTIONS:
        sec = json.loads((hebrew_run / "sections" / f"{s.key}.json").read_text(encoding="utf-8"))
        figures += sec.get("figures", [])
    assert len(figures) >= 10
    for f in figures:
        assert (hebrew_run / "figures" / f["file"]).is_file(), f
    from pptx import Presentation

    from svcwork.commentary import read_commentary

    prs = Presentation(str(hebrew_run / "slides.pptx"))
    pictures = [s for s in prs.slides if any(sh.shape_type == 13 for sh in s.shapes)]  # MSO_SHAPE_TYPE.PICTURE
    assert len(pictures) == len(figures)  # one chart per slide, numbered as in the report
    # each figure drawn once (issue 15): the slide, the report page and the Word document carry the same PNG bytes
    pngs = {(hebrew_run / "figures" / f["file"]).read_bytes() for f in figures}
    blobs = [sh.image.blob for s in pictures for sh in s.shapes if sh.shape_type == 13]
    assert set(blobs) <= pngs and len(set(blobs)) == len(pngs)
    page = (hebrew_run / "report.html").read_text(encoding="utf-8")
    embedded = {base64.b64decode(b) for b in re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", page)}
    assert pngs <= embedded
    with zipfile.ZipFile(hebrew_run / "report.docx") as docx:
        media = {docx.read(n) for n in docx.namelist() if n.startswith("word/media/")}
    assert pngs <= media
    assert [s.shapes.title.text_frame.text.split(" ", 2)[:2] for s in pictures][:2] == [["איור", "1."], ["איור", "2."]]
    # the text slides: the consultant's notes and one per recommendation
    notes = read_commentary(DEMO_HE, lang="he", sections=[s.key for s in SECTIONS if s.key != "intake"])
    recs = load(DEMO_HE).table("Recommendations")
    assert len(prs.slides) == 1 + len(notes.parts) + len(recs) + len(figures)


@pytest.mark.slow
def test_results_workbook_is_rtl_and_complete(hebrew_run):
    wb = openpyxl.load_workbook(hebrew_run / "results.xlsx")
    assert len(wb.sheetnames) >= 15
    names = wb.sheetnames
    assert len({n.casefold() for n in names}) == len(names)
    for ws in wb.worksheets:
        assert ws.sheet_view.rightToLeft
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref
        assert len(ws.title) <= 31 and not re.search(r"[\[\]:*?/\\]", ws.title)
        assert re.search(r"[\u0590-\u05ff]", ws.title), f"sheet name not in Hebrew: {ws.title}"
        assert ws["A1"].font.bold and ws["A1"].fill.fgColor.rgb.endswith("1F4E79")
    # a contents sheet first, every table named and linked to its sheet
    contents = wb.worksheets[0]
    assert contents.title == t("report.sheet.contents", "he")
    linked = [c.hyperlink.location for c in contents["B"][1:]]
    assert len(linked) == len(names) - 1 and all(loc.endswith("!A1") for loc in linked)
    # dates are real dates with a date format; shares have a percent format, percentages one decimal
    overdue = wb[t("report.caption.management.actions_overdue", "he")]
    due = overdue.cell(row=2, column=[c.value for c in overdue[1]].index(t("management.col.due_date", "he")) + 1)
    assert due.is_date and due.number_format == "dd/mm/yyyy"
    monthly = wb[t("report.caption.journeys.capability", "he")]
    assert monthly["A2"].is_date and monthly["A2"].number_format == "yyyy-mm"  # as the report writes a month
    by_service = wb[t("report.caption.journeys.kpis_by_service", "he")]
    header = [c.value for c in by_service[1]]
    sla = by_service.cell(row=2, column=header.index(t("journeys.col.sla_met", "he")) + 1)
    assert isinstance(sla.value, float) and 0 <= sla.value <= 1 and sla.number_format == "0.0%"
    items = wb[t("report.caption.measures.survey_items", "he")]
    header = [c.value for c in items[1]]
    pct = items.cell(row=2, column=header.index(t("measures.col.pct_agree", "he")) + 1)
    assert 0 <= pct.value <= 1 and pct.number_format == "0.0%"  # a percentage stored as the share it is
    # every table of the analyses, in full (the report shows at most 15 rows of a table)
    detail = wb[t("report.caption.journeys.capability_by_group", "he")]
    assert detail.max_row > 100


def _section(page: str, name: str) -> str:
    """The whole ``<section id="name">`` of *page*, the sections nested in it included."""
    start = page.index(f'<section id="{name}"')
    depth, at = 0, start
    for m in re.finditer(r"<section\b|</section>", page[start:]):
        depth += 1 if m.group(0) != "</section>" else -1
        if depth == 0:
            at = start + m.end()
            break
    return page[start:at]


@pytest.mark.slow
def test_report_body_keeps_key_tables_short_and_names_the_detail_sheets(hebrew_run):
    page = (hebrew_run / "report.html").read_text(encoding="utf-8")
    body = page
    for name in ("quality", "methods", "figure-data"):
        body = body.replace(_section(body, name), "")
    body = re.sub(r"<details class='figure-data'.*?</details>", "", body, flags=re.S)  # a figure's values (#16)
    tables = re.findall(r"<tbody>(.*?)</tbody>", body, flags=re.S)
    assert tables and max(t_.count("<tr>") for t_ in tables) <= report.BODY_ROWS
    assert "data-role='detail'" not in page  # detail tables are in results.xlsx only ...
    for caption in (t("report.caption.journeys.capability_by_group", "he"), t("report.caption.measures.survey_by_month", "he")):
        assert f"„{caption}”" in html.unescape(page)  # ... and named in their section
    assert html.unescape(page).count(t("report.more_rows_sheet", "he", shown=15, total="29",
                                       sheet=t("report.caption.journeys.standards", "he"))) == 1
    # the case-log data-quality checks sit in the data-quality appendix
    quality = _section(page, "quality")
    assert "data-table='journeys.data_quality'" in quality and "data-table='intake.problems'" in quality
    # slide-sized figures (process map, journey maps) print turned on a page of their own
    assert len(re.findall(r"<figure id='figure-\d+' class='landscape' role='group'>", page)) >= 2


@pytest.mark.slow
def test_report_is_built_from_the_recorded_sections_not_the_notebooks(hebrew_run, tmp_path):
    """Every section records its findings, tables (caption, sheet, role) and figures (file, alt,
    layout); the assembler reads those records only: without the executed notebooks the report is the same."""
    import shutil

    for s in SECTIONS:
        sec = json.loads((hebrew_run / "sections" / f"{s.key}.json").read_text(encoding="utf-8"))
        assert sec["available"] and sec["title"] == s.title("he") and sec["tables"], s.key
        frames = pd.read_pickle(hebrew_run / "sections" / f"{s.key}.tables.pkl")
        assert [spec["slug"] for spec in sec["tables"]] == list(frames)
        for spec in sec["tables"]:
            assert spec["role"] == report.table_role(s.key, spec["slug"], frames[spec["slug"]])
            assert spec["sheet"] and spec["id"] == f"{s.key}.{spec['slug']}"
        for fig in sec["figures"]:
            assert fig["alt"] and fig["layout"] in ("portrait", "landscape", "tall")
    copy = tmp_path / "neve-tamar"
    shutil.copytree(hebrew_run, copy, ignore=shutil.ignore_patterns("notebooks"))
    report.assemble(copy, load(DEMO_HE), lang="he")
    assert (copy / "report.html").read_text(encoding="utf-8") == (hebrew_run / "report.html").read_text(encoding="utf-8")


@dataclass
class _Recorded:
    """An analysis result with a key, a detail and a quality table, one figure and a finding."""

    available: bool = True

    def summary(self) -> dict:
        return {"recorded": {"n": 1}}

    def tables(self, lang: str) -> dict:
        return {"priorities": pd.DataFrame({"service": [f"<b>s{i}</b>" for i in range(20)], "score": range(20)}),
                "capability_by_group": pd.DataFrame({"group": list(range(50))}),
                "data_quality": pd.DataFrame({"check": ["dates"], "rows": [3]})}

    def figures(self, lang: str) -> dict:
        fig, ax = charts.new_figure(size=(14.0, 8.0))
        ax.plot([0, 1], [1, 0])
        charts.finish(ax, lang=lang, title="<i>a map</i>")
        return {"map": fig}

    def findings(self, lang: str) -> list[str]:
        return ["<script>x</script> finding"] if self.available else []

    def skipped(self, lang: str) -> str:
        return "no case log <here>"


def test_assemble_builds_sections_from_their_records(tmp_path, monkeypatch):
    """Findings, key tables (capped), detail tables named, quality tables in the appendix, figures as
    data URIs with their alt text and layout, and the skipped sentence: all from sections/*.json."""
    monkeypatch.setattr(report.notebook, "_display_html", lambda markup: None)
    monkeypatch.setattr(report.notebook, "_display_png", lambda png, **kw: None)
    report.show_result(_Recorded(), section="journeys", lang="en", output_dir=tmp_path)
    report.show_result(_Recorded(available=False), section="measures", lang="en", output_dir=tmp_path)
    sec = json.loads((tmp_path / "sections" / "journeys.json").read_text(encoding="utf-8"))
    assert [(x["slug"], x["role"]) for x in sec["tables"]] == [
        ("priorities", "key"), ("capability_by_group", "detail"), ("data_quality", "quality")]
    assert sec["figures"] == [{"file": "journeys-map.png", "title": "<i>a map</i>", "alt": "<i>a map</i>",
                               "layout": "landscape", "takeaway": ""}]
    # a slide-sized figure is drawn once: the same PNG serves the page and the slide (issue 15)
    from svcwork.slides import _png_size

    assert sorted(p.name for p in (tmp_path / "figures").iterdir()) == ["journeys-map.png"]
    pw, ph = _png_size((tmp_path / "figures" / "journeys-map.png").read_bytes(), 1, "map")
    assert abs(pw / ph - 14 / 8) < 0.05  # the figure's own shape (tight bbox)
    body, quality, detail, data = report.assembly._section_html(sec, pd.read_pickle(tmp_path / "sections" / "journeys.tables.pkl"),
                                                       tmp_path, lang="en", numbers=iter(range(7, 99)))
    assert data == []  # this figure records no plotted values: nothing for the printed figures' data
    page = "\n".join(body)
    assert body[0] == f"<h2 dir='ltr'>{html.escape(t('report.section.journeys', 'en'))}</h2>"
    assert "&lt;script&gt;x&lt;/script&gt; finding" in page and "<script>" not in page
    assert "data-table='journeys.priorities'" in page and page.count("<tr>") == report.BODY_ROWS + 1
    assert "capability_by_group" not in page and detail == [t("report.caption.journeys.capability_by_group", "en")]
    assert len(quality) == 1 and "data-table='journeys.data_quality'" in quality[0]
    assert "<figure id='figure-7' class='landscape' role='group'><img alt='&lt;i&gt;a map&lt;/i&gt;' src='data:image/png;base64," in page
    assert "<figcaption><span class='fig-no'>Figure 7.</span> &lt;i&gt;a map&lt;/i&gt;</figcaption>" in page
    skipped = json.loads((tmp_path / "sections" / "measures.json").read_text(encoding="utf-8"))
    body, quality, detail, data = report.assembly._section_html(skipped, {}, tmp_path, lang="en", numbers=iter(range(1, 9)))
    assert body[1] == "<p class='skipped' dir='ltr'>no case log &lt;here&gt;</p>" and not quality and not detail
    assert not data


@pytest.mark.slow
def test_executive_summary_opens_with_the_four_points_from_the_numbers(hebrew_run):
    raw = (hebrew_run / "report.html").read_text(encoding="utf-8")
    summary = json.loads((hebrew_run / "summary.json").read_text(encoding="utf-8"))
    section = re.search(r"<section id=\"summary\".*?</section>", raw, flags=re.S).group(0)
    opening = " ".join(html.unescape(re.sub(r"<[^>]+>", "", section)).split())
    for key in ("fix_first", "pain", "kpis", "actions"):
        assert t(f"report.exec.{key}", "he") in opening, key
    figures = from_records(summary["key_figures"])
    first = summary["wave_1"][0]  # wave 1 of the roadmap, as the prioritisation section has it
    assert first in opening and figures[f"prioritize.score.{first}"].shown("he") in opening
    assert figures["journeys.deadline_missed"].shown("he") in opening
    met, judged = figures["measures.kpis_met"], figures["measures.kpis_judged"]
    assert plain(t("report.exec.kpis_met", "he", n=met.value, met=met.shown("he"), total=judged.shown("he"))) in opening
    assert figures["management.actions_overdue"].shown("he") in opening


@pytest.mark.slow
def test_hebrew_pdf_is_a_short_steering_committee_document(hebrew_run, tmp_path):
    from test_pdf import require_chromium

    require_chromium()
    import pypdf

    from svcwork.pdf import render_pdf

    pdf = render_pdf(hebrew_run / "report.html", tmp_path / "report.pdf", footer="x", lang="he")
    reader = pypdf.PdfReader(str(pdf))
    pages = len(reader.pages)
    # the body (cover to the last section) is what the committee reads; the appendices (data quality,
    # methods, the key figures' definitions) follow it
    body = next(i for i, page in enumerate(reader.pages)
                if page.extract_text().lstrip().startswith(t("report.data_quality", "he")))
    assert body <= 42, f"the Hebrew demo report's body runs to {body} pages (it was 77 before body tables were capped)"
    # the figures' plotted values close the printed report (on screen each is under its figure)
    data = next((i for i, page in enumerate(reader.pages)
                 if page.extract_text().lstrip().startswith(t("access.data.appendix", "he"))), pages)
    assert data < pages, "the printed report carries the figures' data"
    assert data <= 54, f"the Hebrew demo report runs to {data} pages with its appendices (the figures' data after)"


@pytest.mark.slow
def test_unit_manager_packs(hebrew_run):
    pages = sorted((hebrew_run / "units").glob("*.html"))
    assert len(pages) >= 3
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert 'dir="rtl"' in text and "<ol class=\"findings\">" in text


def test_table_html_escapes_client_text():
    frame = pd.DataFrame({"name": ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"],
                          "n": [np.int64(1200), np.nan]})
    out = table_html(frame, lang="he", caption="<b>x</b>")
    assert "<script>" not in out and "<img" not in out and "&lt;script&gt;" in out
    assert "1,200" in out and "—" in out and "dir='rtl'" in out


def test_json_ready_turns_numpy_and_nan_into_plain_json():
    value = {"a": np.float64(0.5), "b": np.int32(3), "c": float("nan"), "d": [np.bool_(True), pd.NaT],
             "e": pd.Timestamp("2026-01-02")}
    assert json.loads(json.dumps(json_ready(value), allow_nan=False)) == {
        "a": 0.5, "b": 3, "c": None, "d": [True, None], "e": "2026-01-02T00:00:00"}


def test_results_workbook_writes_client_text_as_text(tmp_path):
    frame = pd.DataFrame({"comment": ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(1)"],
                          "value": [1.5, math.pi, 2.0]})
    path = write_results_workbook(tmp_path / "r.xlsx", {"measures": {"comments": frame}}, lang="en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Contents", "Comments"]
    ws = wb["Comments"]
    assert [c.data_type for c in ws["A"][1:]] == ["s", "s", "s"]
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            if n.startswith("xl/worksheets/"):
                assert "<f>" not in z.read(n).decode()
    assert not ws.sheet_view.rightToLeft


def test_results_workbook_names_sheets_in_the_workbook_language_with_dates_and_shares(tmp_path):
    shares = pd.DataFrame({t("journeys.col.unit", "he"): ["=SUM(A1)", "ב", None],
                           t("journeys.col.sla_met", "he"): [0.5, 0.25, np.nan],
                           t("measures.col.pct_agree", "he"): [58.7, 61.0, 12.5],
                           t("measures.col.low", "he"): [55.0, 57.5, 10.0],
                           t("journeys.col.cases", "he"): [np.int64(12000), np.int64(3), np.int64(0)]})
    dates = pd.DataFrame({"תאריך": [pd.Timestamp("2026-01-31"), pd.NaT, pd.Timestamp("2026-03-01")],
                          "יום": [dt.date(2026, 2, 1), None, dt.date(2026, 2, 3)],
                          "חודש": ["2025-05", "2025-06", None], "מועד": ["2026-01-02", "2026-01-03", "2026-01-04"],
                          "קוד": ["2026-13", "S01", "x"]})
    unnamed = pd.DataFrame({"a": [1]})
    long_title = {"report.caption.measures.survey_items"}
    assert all(len(CATALOGUE[k]["he"]) <= 31 for k in long_title)
    path = write_results_workbook(tmp_path / "r.xlsx", {
        "journeys": {"kpis_by_unit": shares, "capability": dates, "not_a_known_table": unnamed},
        "measures": {"survey_by_unit": unnamed}}, lang="he")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["תוכן", "מדדי טיפול לפי יחידה", "זמן טיפול לפי חודש פתיחה", "מסע לקוח 3", "הסקר לפי יחידה"]
    ws = wb["מדדי טיפול לפי יחידה"]
    assert ws.sheet_view.rightToLeft and ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:E4"
    assert ws["A2"].data_type == "s" and ws["A2"].value == "=SUM(A1)"  # client text, never a formula
    assert ws["B2"].value == 0.5 and ws["B2"].number_format == "0.0%" and ws["B4"].value is None
    assert ws["C2"].number_format == "0.0" and ws["D2"].number_format == "0.0"  # a percentage and its limit
    assert ws["E2"].value == 12000 and ws["E2"].number_format == "#,##0"
    ws = wb["זמן טיפול לפי חודש פתיחה"]
    assert ws["A2"].is_date and ws["A2"].value == dt.datetime(2026, 1, 31) and ws["A2"].number_format == "dd/mm/yyyy"
    assert ws["A3"].value is None
    assert ws["B2"].is_date and ws["B2"].number_format == "dd/mm/yyyy"
    assert ws["C2"].is_date and ws["C2"].value == dt.datetime(2025, 5, 1) and ws["C2"].number_format == "yyyy-mm"
    assert ws["D2"].is_date and ws["D2"].value == dt.datetime(2026, 1, 2)
    assert ws["E2"].data_type == "s" and ws["E2"].value == "2026-13"  # not a date: left as text
    en = openpyxl.load_workbook(write_results_workbook(tmp_path / "e.xlsx", {"journeys": {"capability": dates}}, lang="en"))
    assert en.sheetnames == ["Contents", "Time by month of opening"]
    assert en["Time by month of opening"]["A2"].number_format == "yyyy-mm-dd"
    assert en["Time by month of opening"]["C2"].number_format == "yyyy-mm"


def test_sheet_names_are_excel_safe_and_table_titles_fit():
    for key, entry in CATALOGUE.items():
        if key.startswith("report.caption."):
            for lang in ("he", "en"):
                assert len(entry[lang]) <= 31, (key, lang)
    for lang in ("he", "en"):
        titles = [e[lang].casefold() for k, e in CATALOGUE.items() if k.startswith("report.caption.")]
        assert len(titles) == len(set(titles)), lang  # one sheet per table, no clashes
    assert report.sheet_name("journeys", "x", 4, "he") == "מסע לקוח 5"
    assert len(report.sheet_name("measures", "y", 0, "en")) <= 31


def test_table_roles_cap_key_tables_and_leave_detail_to_the_workbook():
    long = pd.DataFrame({"a": range(50)})
    assert report.table_role("journeys", "capability_by_group", long) == "detail"
    assert report.table_role("measures", "survey_by_month", long.head(20)) == "detail"
    assert report.table_role("journeys", "something_by_month", long.head(20)) == "detail"
    assert report.table_role("journeys", "something_by_month", long.head(10)) == "key"
    assert report.table_role("prioritization", "priorities", long.head(12)) == "key"
    assert report.table_role("journeys", "new_long_list", long) == "detail"
    assert report.table_role("measures", "comments", long) == "key"  # the citizens' words stay, capped
    assert report.table_role("journeys", "data_quality", long.head(10)) == "quality"
    out = table_html(long, lang="he", max_rows=15, sheet="גיליון", role="key", table_id="journeys.x")
    assert out.count("<tr>") == 16 and "data-role='key'" in out and "data-sheet='גיליון'" in out
    assert t("report.more_rows_sheet", "he", shown=15, total="50", sheet="גיליון") in html.unescape(out)


# =========================================================================== executive summary
def _f(key, value, kind, section, **kw):
    return KeyFigure(key, value, kind, section, **kw).as_record()


FIGURES = {f["key"]: f for f in [
    _f("prioritize.score.S01", 0.8487, "score", "prioritization"), _f("prioritize.score.S08", 0.809, "score", "prioritization"),
    _f("prioritize.score.S03", 0.805, "score", "prioritization"), _f("prioritize.score.S04", 0.5, "score", "prioritization"),
    _f("prioritize.p_top.S01", 1.0, "share", "prioritization", base=10000, base_of="samples"),
    _f("prioritize.p_top.S08", 0.748, "share1", "prioritization", base=10000, base_of="samples"),
    _f("prioritize.top_n", 5, "count", "prioritization"),
    _f("prioritize.weight.benefit", 0.3718, "share", "prioritization", item="benefit"),
    _f("prioritize.weight.effort", 0.2335, "share", "prioritization", item="effort"),
    _f("journeys.median_case_days", 6.977, "days", "journeys", base=7996, base_of="cases"),
    _f("journeys.median_case_days.S01", 3.2, "days", "journeys", base=900, base_of="cases", item="S01"),
    _f("journeys.median_case_days.S08", 12.4, "days", "journeys", base=2100, base_of="cases", item="S08"),
    _f("journeys.median_case_days.S04", 49.0, "days", "journeys", base=120, base_of="cases", item="S04"),
    _f("journeys.deadline_missed", 0.2919, "share", "journeys", base=7500, base_of="closed_cases"),
    _f("journeys.own_deadline_cases", 2811, "count", "journeys"), _f("journeys.deadline_days", 15, "count", "journeys"),
    _f("measures.item.satisfaction", 0.59, "share", "measures", base=2429, base_of="responses", low=0.57, high=0.61,
       item="satisfaction"),
    _f("measures.item.trust", 0.50, "share", "measures", base=2440, base_of="responses", item="trust"),
    _f("measures.satisfaction.S01", 0.71, "share", "measures", base=300, base_of="respondents", item="S01"),
    _f("measures.satisfaction.S08", 0.64, "share", "measures", base=400, base_of="respondents", item="S08"),
    _f("measures.satisfaction.S04", 0.31, "share", "measures", base=80, base_of="respondents", item="S04"),
    _f("measures.nps", -21.7, "nps", "measures", base=2422, base_of="respondents"),
    _f("measures.nps.S04", -50.2, "nps", "measures", base=80, base_of="respondents", item="S04"),
    _f("measures.standard_met", 0.667, "share", "measures", base=4924, base_of="cases"),
    _f("measures.standard_days", 15, "number", "measures"),
    _f("measures.change.satisfaction", 0.077, "points", "measures", low=0.03, high=0.12, item="satisfaction"),
    _f("measures.kpis_judged", 3, "count", "measures"), _f("measures.kpis_met", 2, "count", "measures"),
    _f("measures.kpis_attention", 1, "count", "measures"),
    _f("measures.kpi_last.K02", 16.34, "number", "measures", item="K02"),
    _f("measures.kpi_target.K02", 14.0, "number", "measures", item="K02"),
    _f("measures.kpi_new_level.K01", 0.7948, "share1", "measures", item="K01"),
    _f("management.actions_total", 25, "count", "management"), _f("management.actions_open", 15, "count", "management"),
    _f("management.actions_done", 9, "count", "management"), _f("management.actions_overdue", 5, "count", "management"),
    _f("management.findings_without_action", 2, "count", "management", base=11, base_of="findings"),
]}

SUMMARY = {
    "priorities": [
        {"rank": 2, "service_id": "S08", "score": 0.809, "quadrant": "quick_win", "wave": 1, "p_top_n": 0.748},
        {"rank": 1, "service_id": "S01", "score": 0.8487, "quadrant": "quick_win", "wave": 1, "p_top_n": 1.0},
        {"rank": 3, "service_id": "S03", "score": 0.805, "quadrant": "major_project", "wave": None, "p_top_n": 0.93},
        {"rank": 4, "service_id": "S04", "score": 0.5, "quadrant": "fill_in", "wave": 2, "p_top_n": 0.2}],
    "kpis": [{"kpi_id": "K01", "met": True, "status": "improved", "new_level": 0.7948, "shift_period": "2026-03",
              "signals": [{"period": "2026-09", "rule": 3}]},
             {"kpi_id": "K02", "met": False, "status": "stable", "signals": []},
             {"kpi_id": "K03", "met": True, "status": "stable", "signals": []}],
    "report_date": "2026-10-31",
    "key_figures": FIGURES,
}
SERVICES = pd.DataFrame({"service_id": ["S01", "S08", "S03", "S04"], "service_name": ["ארנונה", "מוקד", "חניה", "רישוי"]})
KPIS = pd.DataFrame({"kpi_id": ["K01", "K02"], "kpi_name": ["שיחות שנענו", "זמן טיפול"]})


def _every_number_quoted(text: str) -> bool:
    """No digit outside figure markers, ids and dates (the rule of tests/test_consistency.py)."""
    bare = re.sub("\ue000[^\ue002]*\ue002", " ", text)
    bare = re.sub(r"\b[A-Z]\d{2}\b|\d{2}/\d{2}/\d{4}|\d{4}-\d{2}(-\d{2})?|רבעון \d \d{4}|Q\d \d{4}|\b20\d\d\b|\b(?:[Ww]ave|ב?גל) \d\b", " ", bare)
    return not re.search(r"\d", bare)


@pytest.mark.parametrize("lang", ["he", "en"])
def test_executive_summary_tells_the_committee_what_matters_from_the_registry(lang):
    overdue = pd.DataFrame({t("management.col.action", lang): ["טבלת שיוך", "תסריט"],
                            t("management.col.owner", lang): ["מנהלת", "מנהל"],
                            t("management.col.days_overdue", lang): [153, 273],
                            t("management.col.due_date", lang): pd.to_datetime(["2026-05-31", "2026-01-31"])})
    blocks = executive_summary(SUMMARY, lang=lang, services=SERVICES, kpis=KPIS, overdue=overdue)
    assert [b["key"] for b in blocks] == ["fix_first", "pain", "kpis", "actions"] and not any(b["missing"] for b in blocks)
    every = [x for b in blocks for x in (*b["lead"], *b["items"], *b["lines"])]
    assert all(_every_number_quoted(x) for x in every), [plain(x) for x in every if not _every_number_quoted(x)]
    text = {b["key"]: plain(" ".join([*b["lead"], *b["items"], *b["lines"]])) for b in blocks}
    # where to start: wave 1 exactly as the roadmap has it (S03 ranks third but is not planned)
    items = [plain(i) for i in blocks[0]["items"]]
    assert [i.split()[0] for i in items] == ["S01", "S08"] and "0.85" in items[0] and "0.81" in items[1]
    assert "37%" in text["fix_first"]
    # robustness states the range, never "at least 75%" over a 74.8% value
    assert "74.8%" in text["fix_first"] and "100%" in text["fix_first"] and "10,000" in text["fix_first"]
    # the biggest pain: S04, worst on time and satisfaction together, though the score put it in wave 2
    assert "S04 רישוי" in text["pain"] and "49.0" in text["pain"] and "31%" in text["pain"] and "-50" in text["pain"]
    assert t("report.exec.pain_wave", lang, wave="2") in text["pain"]
    # the two time figures named side by side, each with its definition
    assert "29%" in text["pain"] and "67%" in text["pain"] and "15" in text["pain"] and "2,811" in text["pain"]
    # the weakest survey items, NPS and trust among the figures the text names
    assert "50%" in text["pain"]
    # under control: counts from the registry, the missed KPI named, the improvement with its level
    assert plain(blocks[2]["lead"][0]) == plain(t("report.exec.kpis_met", lang, n=2, met="2", total="3"))
    assert plain(blocks[2]["items"][0]).startswith("K02 זמן טיפול") and "16.3" in text["kpis"]
    assert "79.5%" in text["kpis"] and len(blocks[2]["items"]) == 1
    # the improved KPI's figure is its new control-chart level, and says so (never "now": its last value differs)
    assert ("K01 שיחות שנענו (רמה חדשה 79.5%)" if lang == "he" else "K01 שיחות שנענו (new level 79.5%)") in text["kpis"]
    # the deadline's base (the cases judged) follows its share, before the definition and the excluded cases
    pain = text["pain"]
    assert pain.index("29%") < pain.index("7,500") < pain.index("2,811")
    # the action plan: as of the report date, the longest overdue one, the findings without an action
    assert "25" in text["actions"] and "5" in text["actions"] and "תסריט" in text["actions"]
    assert ("31/01/2026" if lang == "he" else "2026-01-31") in text["actions"]


@pytest.mark.parametrize("lang", ["he", "en"])
def test_the_longest_overdue_names_every_action_tied_for_it(lang):
    """Three actions 214 days late (all due on the same date): the summary names the three, none picked over the
    others; the counts say "not yet done" as the management section does, never "open" beside the status Open."""
    overdue = pd.DataFrame({t("management.col.action", lang): ["A05 טבלה", "A11 תסריט", "A25 שילוט", "A02 הדרכה"],
                            t("management.col.owner", lang): ["מנהלת", "מנהל", None, "מנהלת"],
                            t("management.col.days_overdue", lang): [214, 214, 214, 46],
                            t("management.col.due_date", lang): pd.to_datetime(["2026-03-31"] * 3 + ["2026-09-15"])})
    actions = executive_summary(SUMMARY, lang=lang, services=SERVICES, kpis=KPIS, overdue=overdue)[3]
    text = plain(" ".join(actions["lines"]))
    assert all(a in text for a in ("A05 טבלה", "A11 תסריט", "A25 שילוט")) and "A02 הדרכה" not in text
    assert ("31/03/2026" if lang == "he" else "2026-03-31") in text
    assert "—" in text  # A25 has no owner
    assert all(_every_number_quoted(x) for x in actions["lines"])  # how many tie is no figure: not written
    assert ("טרם הושלמו" if lang == "he" else "not yet done") in text
    assert ("פתוחות" if lang == "he" else " open") not in text
    one = executive_summary(SUMMARY, lang=lang, services=SERVICES, kpis=KPIS, overdue=overdue.iloc[[3, 0]])[3]
    assert "A05 טבלה" in plain(" ".join(one["lines"])) and "A02 הדרכה" not in plain(" ".join(one["lines"]))


def test_biggest_pain_is_worst_on_time_and_satisfaction_together():
    figs = from_records(FIGURES)
    pain = biggest_pain(figs)
    assert pain.service_id == "S04" and pain.days.value == 49.0 and pain.nps.value == -50.2
    # S08 is slowest but well rated, S01 worst rated but fast: the mean of the two ranks decides (ties: slower)
    swapped = {**FIGURES, "journeys.median_case_days.S04": _f("journeys.median_case_days.S04", 2.0, "days", "journeys"),
               "measures.satisfaction.S01": _f("measures.satisfaction.S01", 0.2, "share", "measures")}
    # ranks by time (longest first): S08 0, S01 1, S04 2; by satisfaction (lowest first): S01 0, S04 1, S08 2
    # sums: S01 1, S08 2, S04 3 -> S01
    assert biggest_pain(from_records(swapped)).service_id == "S01"
    # a service without survey figures (a group below the minimum size) is never named
    assert biggest_pain({k: v for k, v in figs.items() if not k.startswith("measures.satisfaction.")}) is None


@pytest.mark.parametrize("lang", ["he", "en"])
def test_executive_kpi_lines_count_only_what_needs_attention(lang):
    block = executive_summary(SUMMARY, lang=lang, kpis=KPIS)[2]
    text = plain(" ".join(block["items"] + block["lines"]))
    assert "K01" not in plain(" ".join(block["items"]))  # improved and on target: not "needing attention"
    assert "out of control" not in text and "אינו בבקרה" not in text
    four = {**SUMMARY, "kpis": [{"kpi_id": f"R{i}", "met": False, "status": "stable"} for i in range(4)],
            "key_figures": {**FIGURES, "measures.kpis_attention": _f("measures.kpis_attention", 4, "count", "measures")}}
    block = executive_summary(four, lang=lang)[2]
    assert len(block["items"]) == 3
    assert plain(block["lines"][0]) == plain(t("report.exec.kpi_attention", lang, n=4, count="4", shown=3))
    quiet = executive_summary({**SUMMARY, "kpis": [{"kpi_id": "G", "met": True, "status": "stable"}]}, lang=lang)[2]
    assert quiet["items"] == [] and quiet["lines"][0] == t("report.exec.kpis_quiet", lang)


@pytest.mark.parametrize("lang", ["he", "en"])
def test_executive_summary_says_what_was_not_analysed(lang):
    only = {k: v for k, v in FIGURES.items() if k.startswith("management.")}
    blocks = executive_summary({"key_figures": only, "report_date": "2026-01-31"}, lang=lang)
    assert [b["missing"] for b in blocks] == [True, True, True, False]
    assert blocks[0]["lines"] == [t("report.exec.missing", lang)]


@pytest.mark.parametrize("lang", ["he", "en"])
def test_dashboard_reads_each_light_in_words(lang):
    tiles = {d.key: d for d in dashboard(SUMMARY, lang=lang)}
    assert set(tiles) == {"kpis", "satisfaction", "standard", "actions"}
    assert tiles["kpis"].status == "watch" and tiles["satisfaction"].status == "good"  # interval of change above 0
    assert tiles["standard"].status == "bad" and tiles["actions"].status == "bad"  # 67% < 75%; 5 of 15 overdue > 1/4
    for d in tiles.values():  # colour is never the only carrier: the reading starts with its words
        assert d.reading.startswith(t(f"report.dash.{d.status}", lang)) and _every_number_quoted(d.reading + d.value)
    assert plain(tiles["kpis"].value) == plain(t("report.dash.of", lang, part="2", whole="3"))


def test_glossary_terms_of_the_report_furniture():
    assert t("report.data_quality", "he") == "נספח איכות נתונים"
    assert t("report.methods", "he") == "נספח שיטות"
    assert t("report.unit_pack", "he") == "דף מנהל"
    assert t("report.page_of", "he", page=3, pages=40) == "עמוד 3 מתוך 40"
    assert t("report.page_of", "en", page=3, pages=40) == "Page 3 of 40"
    # method names on the Hebrew allow-list are written in Latin letters everywhere, never transliterated
    hebrew = " ".join(e["he"] for e in CATALOGUE.values())
    for transliterated in ("שאפלי", "לייני", "סאטי", "וילסון", "ניוקומב", "ג'ונסון", "וילקוקסון", "כהן"):
        assert transliterated not in hebrew, transliterated
    for term in ("גורמים מניעים", "כיול צופים", "לוח המדדים", "קאפא"):
        assert term not in hebrew, term


def test_charts_take_the_clients_accent():
    assert charts.palette(None) == charts.PALETTE
    pal = charts.palette("#6A3D9A")
    assert pal[0] == "#6A3D9A" and len(set(pal)) == len(pal) == len(charts.PALETTE)
    assert charts.palette("#E0A010")[1] == charts.PALETTE[0]  # an accent close to the orange replaces it
    fig, ax = charts.new_figure(accent_color="#6A3D9A")
    line, = ax.plot([1, 2])
    assert line.get_color().lower() == "#6a3d9a"
    assert charts.accent_cmap("#6A3D9A")(1.0)[:3] == pytest.approx((0x6A / 255, 0x3D / 255, 0x9A / 255))
    charts.close(fig)


@pytest.mark.slow
def test_every_analysis_draws_its_primary_series_in_the_clients_accent():
    """The roadmap, the hand-off matrix and the action status chart take the intake's accent colour."""
    import dataclasses

    from matplotlib.colors import to_rgb

    from svcwork import journeys, management, prioritize
    from svcwork.intake import load

    eng = load(ROOT / "data" / "clients" / "northfield-licensing")
    accent = "#6A3D9A"  # not the demo's own accent, nor a palette colour
    eng = dataclasses.replace(eng, settings=dataclasses.replace(eng.settings, accent_color=accent))
    want = to_rgb(accent)

    def colours(fig):
        found = set()
        for ax in fig.axes:
            for patch in ax.patches:
                found.add(tuple(round(c, 3) for c in patch.get_facecolor()[:3]))
            for im in ax.images:
                found.add(tuple(round(c, 3) for c in im.cmap(1.0)[:3]))
        return found

    target = tuple(round(c, 3) for c in want)
    figs = {**{f"prio:{k}": v for k, v in prioritize.analyse(eng).figures("en").items()},
            **{f"jour:{k}": v for k, v in journeys.analyse(eng).figures("en").items()},
            **{f"mgmt:{k}": v for k, v in management.analyse(eng).figures("en").items()}}
    for name in ("prio:waves", "jour:handoff_matrix", "mgmt:actions_status"):
        key = next((k for k in figs if k.startswith(name)), None)
        assert key is not None, f"{name} not drawn; figures: {sorted(figs)}"
        assert target in colours(figs[key]), f"{key} does not use the accent {accent}"
    for f in figs.values():
        f.clear()
