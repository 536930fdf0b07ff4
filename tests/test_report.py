"""The per-client report: assembled from the notebooks, self-contained, fully Hebrew for Hebrew clients."""

from __future__ import annotations

import html
import json
import math
import re
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from conftest import ROOT
from svcwork import batch, load
from svcwork.paths import sha256_file
from svcwork.report import SECTIONS, json_ready, table_html, write_results_workbook

DEMO_HE = ROOT / "data" / "clients" / "neve-tamar"

#: Latin words a Hebrew report may carry: method names, standards and codes (not sentences).
ALLOWED_LATIN = {"AHP", "TOPSIS", "SMAA", "HiGHS", "CES", "NPS", "CSAT", "XmR", "ICC", "Shapley", "LMG", "Laney",
                 "Johnson", "Saaty", "Newcombe", "Wilson", "Cohen", "OMB", "A-", "Western", "Electric", "RFC",
                 "HMAC-SHA", "UTC", "svcwork", "CI", "CR", "RI", "dz", "p", "kappa", "csv", "xlsx", "parquet",
                 "cases", "survey", "training", "intake", "KPI", "SLA", "FCR", "Wilcoxon", "t",
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
    for ws in wb.worksheets:
        assert ws.sheet_view.rightToLeft
        assert ws.freeze_panes == "A2"


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
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert [c.data_type for c in ws["A"][1:]] == ["s", "s", "s"]
    with zipfile.ZipFile(path) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()
    assert not ws.sheet_view.rightToLeft
