"""The per-client report: assembled from the notebooks, self-contained, fully Hebrew for Hebrew clients."""

from __future__ import annotations

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
from svcwork import batch, charts, load, report
from svcwork.i18n import CATALOGUE, t
from svcwork.paths import sha256_file
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
    page = re.sub(r"<img[^>]*>", " ", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.fixture(scope="module")
def hebrew_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = batch.run_client(DEMO_HE, out, pdf=False)
    assert result.ok, result.describe()
    return out / "neve-tamar"


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
def test_every_figure_is_saved_as_png_and_svg_and_on_a_slide(hebrew_run):
    figures = []
    for s in SECTIONS:
        sec = json.loads((hebrew_run / "sections" / f"{s.key}.json").read_text(encoding="utf-8"))
        figures += sec.get("figures", [])
    assert len(figures) >= 10
    for f in figures:
        png = hebrew_run / "figures" / f["file"]
        assert png.is_file() and png.with_suffix(".svg").is_file(), f
    with zipfile.ZipFile(hebrew_run / "slides.pptx") as z:
        slides = [n for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    assert len(slides) == len(figures) + 1  # a title slide, then one chart per slide


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
    assert monthly["A2"].is_date and monthly["A2"].number_format == "mm/yyyy"
    by_service = wb[t("report.caption.journeys.kpis_by_service", "he")]
    header = [c.value for c in by_service[1]]
    sla = by_service.cell(row=2, column=header.index(t("journeys.col.sla_met", "he")) + 1)
    assert isinstance(sla.value, float) and 0 <= sla.value <= 1 and sla.number_format == "0.0%"
    items = wb[t("report.caption.measures.survey_items", "he")]
    header = [c.value for c in items[1]]
    pct = items.cell(row=2, column=header.index(t("measures.col.pct_agree", "he")) + 1)
    assert pct.value > 1 and pct.number_format == "0.0"
    # every table of the analyses, in full (the report shows at most 15 rows of a table)
    detail = wb[t("report.caption.journeys.capability_by_group", "he")]
    assert detail.max_row > 100


@pytest.mark.slow
def test_report_body_keeps_key_tables_short_and_names_the_detail_sheets(hebrew_run):
    page = (hebrew_run / "report.html").read_text(encoding="utf-8")
    body = re.sub(r"<section id=\"(quality|methods)\".*?</section>", "", page, flags=re.S)
    tables = re.findall(r"<tbody>(.*?)</tbody>", body, flags=re.S)
    assert tables and max(t_.count("<tr>") for t_ in tables) <= report.BODY_ROWS
    assert "data-role='detail'" not in page  # detail tables are in results.xlsx only ...
    for caption in (t("report.caption.journeys.capability_by_group", "he"), t("report.caption.measures.survey_by_month", "he")):
        assert f"„{caption}”" in html.unescape(page)  # ... and named in their section
    assert html.unescape(page).count(t("report.more_rows_sheet", "he", shown=15, total="29",
                                       sheet=t("report.caption.journeys.handoffs", "he"))) == 1
    # the case-log data-quality checks sit in the data-quality appendix
    quality = re.search(r"<section id=\"quality\".*?</section>", page, flags=re.S).group(0)
    assert "data-table='journeys.data_quality'" in quality and "data-table='intake.problems'" in quality
    # slide-sized figures (process map, journey maps) print turned on a page of their own
    assert page.count("<figure class='landscape'>") >= 2


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
    monkeypatch.setattr(report, "_display_html", lambda markup: None)
    monkeypatch.setattr(report, "_display_png", lambda png, **kw: None)
    report.show_result(_Recorded(), section="journeys", lang="en", output_dir=tmp_path)
    report.show_result(_Recorded(available=False), section="measures", lang="en", output_dir=tmp_path)
    sec = json.loads((tmp_path / "sections" / "journeys.json").read_text(encoding="utf-8"))
    assert [(x["slug"], x["role"]) for x in sec["tables"]] == [
        ("priorities", "key"), ("capability_by_group", "detail"), ("data_quality", "quality")]
    assert sec["figures"] == [{"file": "journeys-map.png", "title": "<i>a map</i>", "alt": "<i>a map</i>",
                               "layout": "landscape", "takeaway": ""}]
    body, quality, detail = report._section_html(sec, pd.read_pickle(tmp_path / "sections" / "journeys.tables.pkl"),
                                                 tmp_path, lang="en", numbers=iter(range(7, 99)))
    page = "\n".join(body)
    assert body[0] == f"<h2 dir='ltr'>{html.escape(t('report.section.journeys', 'en'))}</h2>"
    assert "&lt;script&gt;x&lt;/script&gt; finding" in page and "<script>" not in page
    assert "data-table='journeys.priorities'" in page and page.count("<tr>") == report.BODY_ROWS + 1
    assert "capability_by_group" not in page and detail == [t("report.caption.journeys.capability_by_group", "en")]
    assert len(quality) == 1 and "data-table='journeys.data_quality'" in quality[0]
    assert "<figure id='figure-7' class='landscape'><img alt='&lt;i&gt;a map&lt;/i&gt;' src='data:image/png;base64," in page
    assert "<figcaption><span class='fig-no'>Figure 7.</span> &lt;i&gt;a map&lt;/i&gt;</figcaption>" in page
    skipped = json.loads((tmp_path / "sections" / "measures.json").read_text(encoding="utf-8"))
    body, quality, detail = report._section_html(skipped, {}, tmp_path, lang="en", numbers=iter(range(1, 9)))
    assert body[1] == "<p class='skipped' dir='ltr'>no case log &lt;here&gt;</p>" and not quality and not detail


@pytest.mark.slow
def test_executive_summary_opens_with_the_four_points_from_the_numbers(hebrew_run):
    page = html.unescape(_text((hebrew_run / "report.html").read_text(encoding="utf-8")))
    summary = json.loads((hebrew_run / "summary.json").read_text(encoding="utf-8"))
    start = page.index(t("report.executive_summary", "he"), page.index(t("report.contents", "he")) + 1)
    opening = page[start:start + 3000]
    for key in ("fix_first", "pain", "kpis", "actions"):
        assert t(f"report.exec.{key}", "he") in opening, key
    top = min(summary["priorities"], key=lambda p: p["rank"])
    assert top["service_id"] in opening and f"{top['score']:.2f}" in opening
    assert f"{round(100 * summary['journey']['sla_breach_rate'])}%" in opening
    met = sum(bool(k["met"]) for k in summary["kpis"] if k["met"] is not None)
    assert t("report.exec.kpis_met", "he", met=met, total=len(summary["kpis"])) in opening
    a = summary["actions"]
    assert f"{a['overdue']} מתוך {a['open']}" in opening


@pytest.mark.slow
def test_hebrew_pdf_is_a_short_steering_committee_document(hebrew_run, tmp_path):
    from test_pdf import require_chromium

    require_chromium()
    import pypdf

    from svcwork.pdf import render_pdf

    pdf = render_pdf(hebrew_run / "report.html", tmp_path / "report.pdf", footer="x", lang="he")
    pages = len(pypdf.PdfReader(str(pdf)).pages)
    assert pages <= 48, f"the Hebrew demo report runs to {pages} pages (it was 77 before body tables were capped)"


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
    assert wb.sheetnames == ["תוכן", "מדדי טיפול לפי יחידה", "זמן טיפול לפי חודש", "מסע לקוח 3", "הסקר לפי יחידה"]
    ws = wb["מדדי טיפול לפי יחידה"]
    assert ws.sheet_view.rightToLeft and ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:E4"
    assert ws["A2"].data_type == "s" and ws["A2"].value == "=SUM(A1)"  # client text, never a formula
    assert ws["B2"].value == 0.5 and ws["B2"].number_format == "0.0%" and ws["B4"].value is None
    assert ws["C2"].number_format == "0.0" and ws["D2"].number_format == "0.0"  # a percentage and its limit
    assert ws["E2"].value == 12000 and ws["E2"].number_format == "#,##0"
    ws = wb["זמן טיפול לפי חודש"]
    assert ws["A2"].is_date and ws["A2"].value == dt.datetime(2026, 1, 31) and ws["A2"].number_format == "dd/mm/yyyy"
    assert ws["A3"].value is None
    assert ws["B2"].is_date and ws["B2"].number_format == "dd/mm/yyyy"
    assert ws["C2"].is_date and ws["C2"].value == dt.datetime(2025, 5, 1) and ws["C2"].number_format == "mm/yyyy"
    assert ws["D2"].is_date and ws["D2"].value == dt.datetime(2026, 1, 2)
    assert ws["E2"].data_type == "s" and ws["E2"].value == "2026-13"  # not a date: left as text
    en = openpyxl.load_workbook(write_results_workbook(tmp_path / "e.xlsx", {"journeys": {"capability": dates}}, lang="en"))
    assert en.sheetnames == ["Contents", "End-to-end time by month"]
    assert en["End-to-end time by month"]["A2"].number_format == "yyyy-mm-dd"
    assert en["End-to-end time by month"]["C2"].number_format == "yyyy-mm"


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
SUMMARY = {
    "priorities": [
        {"rank": 2, "service_id": "S08", "score": 0.809, "quadrant": "quick_win", "wave": 1, "p_top_n": 1.0},
        {"rank": 1, "service_id": "S01", "score": 0.8487, "quadrant": "quick_win", "wave": 1, "p_top_n": 1.0},
        {"rank": 3, "service_id": "S03", "score": 0.805, "quadrant": "major_project", "wave": None, "p_top_n": 0.93},
        {"rank": 4, "service_id": "S04", "score": 0.5, "quadrant": "fill_in", "wave": 2, "p_top_n": 0.2}],
    "criteria_weights": {"benefit": 0.3718, "effort": 0.2335},
    "acceptability": {"n_samples": 10000}, "top_n": 5,
    "journey": {"cases": 7996, "sla_breach_rate": 0.2919, "repeat_contact_rate": 0.1024, "median_case_days": 6.977,
                "p90_case_days": 28.14, "fcr": 0.18, "handoffs_per_case": 1.2345,
                "top_handoffs": [{"from": "מוקד 106", "to": "פיקוח", "count": 2344}]},
    "kpis": [{"kpi_id": "K01", "met": True, "in_control": False, "last": 0.8127, "target": 0.8,
              "signals": [{"period": "2026-09", "rule": 3}, {"period": "2026-10", "rule": 4}]},
             {"kpi_id": "K02", "met": False, "in_control": True, "last": 16.34, "target": 14.0, "signals": []},
             {"kpi_id": "K03", "met": True, "in_control": True, "last": 3.0, "target": 5.0, "signals": []}],
    "actions": {"open": 15, "overdue": 5, "done": 9, "total": 25},
    "report_date": "2026-10-31",
}
SERVICES = pd.DataFrame({"service_id": ["S01", "S08", "S03"], "service_name": ["ארנונה", "מוקד", "חניה"]})
KPIS = pd.DataFrame({"kpi_id": ["K01", "K02"], "kpi_name": ["שיחות שנענו", "זמן טיפול"],
                     "unit_of_measure": ["שיעור", "ימים"], "kind": ["proportion", "mean"]})


@pytest.mark.parametrize("lang", ["he", "en"])
def test_executive_summary_names_the_four_points_with_their_numbers(lang):
    overdue = pd.DataFrame({t("management.col.action", lang): ["טבלת שיוך", "תסריט"],
                            t("management.col.owner", lang): ["מנהלת", "מנהל"],
                            t("management.col.days_overdue", lang): [153, 273]})
    blocks = executive_summary(SUMMARY, lang=lang, services=SERVICES, kpis=KPIS, overdue=overdue)
    assert [b["key"] for b in blocks] == ["fix_first", "pain", "kpis", "actions"]
    text = {b["key"]: " ".join([b["title"], *b["lead"], *b["items"], *b["lines"]]) for b in blocks}
    assert all(not b["missing"] for b in blocks)
    # the services to fix first, best first, and why (heaviest criterion, quick wins, robustness)
    fix = blocks[0]["items"]
    assert len(fix) == 3 and fix[0].startswith("S01 ארנונה") and "0.85" in fix[0] and fix[1].startswith("S08")
    assert t("prioritize.quadrant.quick_win", lang).lower() in fix[0].lower() and "1" in fix[0]
    assert fix[2] == t("report.exec.fix_first_item", lang, service="S04", score="0.50", wave=2,
                       quadrant=report._lower(t("prioritize.quadrant.fill_in", lang), lang))  # S03 is deferred
    assert "37%" in text["fix_first"] and "20%" in text["fix_first"] and "10,000" in text["fix_first"]
    # without a roadmap, the best-ranked services (a deferred one says so)
    unplanned = {**SUMMARY, "priorities": [{**p, "wave": None} for p in SUMMARY["priorities"]]}
    items = executive_summary(unplanned, lang=lang, services=SERVICES)[0]["items"]
    assert items[2] == t("report.exec.fix_first_deferred", lang, service="S03 חניה", score="0.81",
                         quadrant=report._lower(t("prioritize.quadrant.major_project", lang), lang))
    # the biggest journey pain with its figure
    assert "29%" in text["pain"] and "7.0" in text["pain"] and "28.1" in text["pain"] and "2,344" in text["pain"]
    # KPI signals: counted, then the ones needing attention with their numbers (this summary predates the
    # charts' reading against each KPI's direction: K01's signals are named without a direction)
    assert t("report.exec.kpis_met", lang, met=2, total=3) in text["kpis"]
    assert blocks[2]["items"][0].startswith("K02 זמן טיפול") and "16.3" in blocks[2]["items"][0]
    assert "81%" in blocks[2]["items"][1] and "2026-10" in blocks[2]["items"][1]
    # overdue actions, and the longest overdue one
    assert t("report.exec.actions_overdue", lang, overdue=5, open=15, done=9, total=25,
             date="31/10/2026" if lang == "he" else "2026-10-31") in text["actions"]
    assert "תסריט" in text["actions"] and "273" in text["actions"]


def _kpi(kpi_id, met, status, *, last=1.0, target=1.0, better=0, worse=0, level=None, since=None, periods=()):
    return {"kpi_id": kpi_id, "met": met, "in_control": status == "stable", "last": last, "target": target,
            "status": status, "signals_better": better, "signals_worse": worse, "new_level": level,
            "shift_period": since, "signals": [{"period": p, "rule": 3} for p in periods]}


# K01 improved by a sustained shift and meets its target (green); K02 worsened and misses it (red); K03 is quiet
READ_KPIS = [_kpi("K01", True, "improved", last=0.8127, target=0.8, better=15, level=0.7948, since="2026-03",
                  periods=["2025-08", "2026-10"]),
             _kpi("K02", False, "deteriorated", last=16.34, target=14.0, worse=1, periods=["2026-06"]),
             _kpi("K03", True, "stable", last=3.0, target=5.0)]


@pytest.mark.parametrize("lang", ["he", "en"])
def test_executive_kpi_lines_count_only_what_needs_attention(lang):
    block = executive_summary({"kpis": READ_KPIS}, lang=lang, kpis=KPIS)[2]
    assert block["lead"] == [t("report.exec.kpis_met", lang, met=2, total=3)]
    # only the red, worsening KPI needs attention, named with its numbers and the bad direction
    assert block["items"] == [t("report.exec.kpi_line", lang, kpi="K02 זמן טיפול",
                                target=t("report.exec.kpi_target_missed", lang, last="16.3 ימים", target="14 ימים"),
                                chart=t("report.exec.kpi_chart_worsened_one", lang, period="2026-06"))]
    # the green improved KPI is not counted: it reads as an improvement, with its new level
    assert block["lines"] == [t("report.exec.kpi_improved_one", lang, kpi="K01 שיחות שנענו",
                                level="79.5%", period="2026-03")]
    text = " ".join(block["items"] + block["lines"])
    assert "out of control" not in text and "אינו בבקרה" not in text
    assert t("report.exec.kpi_more", lang, count=1) not in text and t("report.exec.kpi_more_one", lang) not in text


@pytest.mark.parametrize("lang", ["he", "en"])
def test_executive_kpi_count_agrees_with_the_list(lang):
    red = [_kpi(f"R{i}", False, "stable") for i in range(4)]  # four need attention, three are named
    greens = [_kpi(f"G{i}", True, "improved", better=3, level=0.5, since="2026-01") for i in range(3)]
    block = executive_summary({"kpis": red + greens}, lang=lang)[2]
    assert len(block["items"]) == 3 and all(i.startswith("R") for i in block["items"])
    assert block["lines"][0] == t("report.exec.kpi_more_one", lang)  # one more, in the singular
    assert block["lines"][1] == t("report.exec.kpis_improved", lang, kpis="; ".join(
        t("report.exec.kpi_level", lang, kpi=f"G{i}", level="0.50", period="2026-01") for i in range(3)))
    five = executive_summary({"kpis": [*red, _kpi("W", True, "unstable", better=1, worse=2, periods=["2026-02"])]},
                             lang=lang)[2]
    assert five["lines"] == [t("report.exec.kpi_more", lang, count=2)]  # met but signalling both ways: counted
    quiet = executive_summary({"kpis": greens}, lang=lang)[2]
    assert quiet["items"] == [] and quiet["lines"][0] == t("report.exec.kpis_quiet", lang)
    one = executive_summary({"kpis": [_kpi("K", False, "stable")]}, lang=lang)[2]
    assert one["lead"] == [t("report.exec.kpi_one_missed", lang)]  # never "0 of 1 KPIs"


@pytest.mark.parametrize("lang", ["he", "en"])
def test_executive_summary_says_what_was_not_analysed(lang):
    blocks = executive_summary({"actions": {"open": 2, "overdue": 0, "done": 1, "total": 3}, "report_date": "2026-01-31"},
                               lang=lang)
    assert [b["missing"] for b in blocks] == [True, True, True, False]
    assert blocks[0]["lines"] == [t("report.exec.missing", lang)]
    assert blocks[3]["lines"] == [t("report.exec.actions_none", lang, open=2, done=1, total=3,
                                    date="31/01/2026" if lang == "he" else "2026-01-31")]


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
