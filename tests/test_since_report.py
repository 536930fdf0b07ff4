"""The demo's re-measurement end to end: northfield's earlier round (data/previous, svcwork.demo.rounds)
run first, then the current one with ``since``; the report says what changed, with the planted
verdicts, in English and in Hebrew.

The planted truth (svcwork.demo.rounds): survey satisfaction, ease and NPS and the end-to-end median
are better now; trust is worse; the frontline observations are the same generator (pure noise)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup

from svcwork.i18n import t

ROOT = Path(__file__).resolve().parents[1]
NORTHFIELD = ("northfield-licensing", "northfield-licensing-he")

pytestmark = pytest.mark.slow


def _summary(folder: Path) -> dict:
    return json.loads((folder / "summary.json").read_text(encoding="utf-8"))


def _verdicts(summary: dict) -> dict[str, dict]:
    return {f["figure"]: f for f in summary["since"]["figures"]}


@pytest.mark.parametrize("slug", NORTHFIELD)
def test_the_planted_changes_get_their_verdicts(demo_reports, slug):
    figures = _verdicts(_summary(demo_reports[slug]))
    for better in ("measures.item.satisfaction", "measures.item.ease", "measures.nps", "journeys.median_case_days"):
        assert figures[better]["verdict"] == "better", better
    assert figures["measures.item.trust"]["verdict"] == "worse"
    noise = [f for k, f in figures.items() if k.startswith("management.item_mean.")]
    assert noise and all(f["verdict"] == "no_change" for f in noise)  # the same truth, other draws


@pytest.mark.parametrize("slug", NORTHFIELD)
def test_the_survey_changes_agree_with_statsmodels(demo_reports, slug):
    """Each survey item's change and interval equal statsmodels' Newcombe (method 10) on the two
    reports' own counts (an independent implementation)."""
    from statsmodels.stats.proportion import confint_proportions_2indep

    out = demo_reports[slug]
    current = _summary(out)
    previous = json.loads(next((out / "history").glob("*.json")).read_text(encoding="utf-8"))
    checked = 0
    for key, f in _verdicts(current).items():
        if not key.startswith("measures.item.") or f["verdict"] == "suppressed":
            continue
        c, p = current["key_figures"][key], previous["key_figures"][key]
        x1, x2 = round(c["value"] * c["base"]), round(p["value"] * p["base"])
        low, high = confint_proportions_2indep(x1, c["base"], x2, p["base"], method="newcomb", compare="diff")
        assert f["change"] == pytest.approx(100 * (x1 / c["base"] - x2 / p["base"]), abs=1e-3)
        assert (f["low"], f["high"]) == (pytest.approx(100 * low, abs=1e-3), pytest.approx(100 * high, abs=1e-3))
        checked += 1
    assert checked >= 5


def test_the_earlier_summary_is_kept_as_history(demo_reports):
    out = demo_reports["northfield-licensing"]
    summary = _summary(out)
    kept = out / summary["history"][0]["file"]
    earlier = out.parent.parent / next(p.name for p in out.parent.parent.iterdir()
                                       if p.name.startswith("demo-reports-previous"))
    assert kept.read_bytes() == (earlier / "northfield-licensing" / "summary.json").read_bytes()
    # its compact record too, kept privately beside the deliverable, never in it (per-case, unsuppressed)
    assert (out.parent / ".rounds" / out.name / "history" / kept.stem / "cases.parquet").is_file()
    assert not kept.with_suffix("").exists() and not (out / "round").exists()
    assert [h["period"]["end"] for h in summary["history"]] == ["2025-04-30", "2026-10-31"]
    assert summary["history"][-1]["file"] is None
    assert summary["since"]["previous"]["period"] == {"start": "2023-11-01", "end": "2025-04-30"}
    assert not summary["since"]["overlap"]


def test_clients_without_an_earlier_round_have_no_comparison(demo_reports):
    summary = _summary(demo_reports["neve-tamar"])
    assert summary["since"] is None and len(summary["history"]) == 1
    assert "since" not in summary["sections"]
    html = (demo_reports["neve-tamar"] / "report.html").read_text(encoding="utf-8")
    assert t("report.section.since", "he") not in html


@pytest.mark.parametrize("slug", NORTHFIELD)
def test_summary_json_with_since_follows_the_documented_schema(demo_reports, slug):
    schema = json.loads((ROOT / "docs" / "summary.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(_summary(demo_reports[slug]), schema)


@pytest.mark.parametrize("slug", NORTHFIELD)
def test_the_section_follows_the_executive_summary_and_opens_it(demo_reports, slug):
    out = demo_reports[slug]
    lang = "he" if slug.endswith("-he") else "en"
    soup = BeautifulSoup((out / "report.html").read_text(encoding="utf-8"), "html.parser")
    titles = [h.get_text(strip=True) for h in soup.find_all("h2")]
    since = t("report.section.since", lang)
    assert since in titles
    sections = [t(f"report.section.{k}", lang) for k in ("prioritization", "journeys", "measures", "management")]
    assert titles.index(since) < min(titles.index(s) for s in sections)
    assert titles[titles.index(t("report.executive_summary", lang)) + 1] == since  # right after it
    block = soup.select_one(".exec-since")  # the executive summary's first block
    assert block is not None and block.find_previous(class_="exec") is None
    text = block.get_text(" ", strip=True)
    trust = t("measures.item.trust", lang)
    assert trust in text and t("since.says.worse", lang).split()[0] in text


@pytest.mark.parametrize("slug", NORTHFIELD)
def test_the_section_is_in_every_output(demo_reports, slug):
    from docx import Document
    from openpyxl import load_workbook
    from pptx import Presentation

    out = demo_reports[slug]
    lang = "he" if slug.endswith("-he") else "en"
    title = t("report.section.since", lang)
    doc = Document(str(out / "report.docx"))
    assert any(p.text == title and p.style.name.startswith("Heading") for p in doc.paragraphs)
    sheets = load_workbook(out / "results.xlsx", read_only=True).sheetnames
    assert any(t("report.caption.since.since", lang)[:20] in s for s in sheets) or \
        any(s.startswith(t("report.caption.since.since", lang)[:20]) for s in sheets), sheets
    slides = Presentation(str(out / "slides.pptx"))
    texts = " ".join(sh.text_frame.text for s in slides.slides for sh in s.shapes if sh.has_text_frame)
    assert t("since.chart.changes", lang) in texts or t("report.caption.since.changes", lang) in texts
    assert (out / "figures" / "since-changes.png").is_file()


def test_the_changes_chart_plots_the_table_figures(demo_reports):
    """The chart's recorded values are the comparison's own (shares in points), verdict by verdict."""
    out = demo_reports["northfield-licensing"]
    record = json.loads((out / "sections" / "since.json").read_text(encoding="utf-8"))
    fig = next(f for f in record["figures"] if f["file"] == "since-changes.png")
    figures = _verdicts(_summary(out))
    trust = figures["measures.item.trust"]
    assert "Trust" in fig["alt"] and f"{t('since.verdict.worse', 'en')}: " in fig["alt"]
    from svcwork.alttext import data_frame

    plotted = data_frame(fig["data"])
    row = plotted.loc[plotted[t("since.data.figure", "en")].str.contains("Trust")].iloc[0]
    plotted_values = [row[t(f"since.data.{k}", "en")] for k in ("change", "low", "high")]
    assert plotted_values == pytest.approx([trust["change"], trust["low"], trust["high"]], abs=1e-4)  # json: 4 dp


def test_the_portfolio_shows_each_clients_change(demo_reports):
    """The batch's portfolio carries the change since each client's last report, with the figure, its
    interval and verdict exactly as the client's summary.json has them."""
    from svcwork.portfolio import CHANGES, portfolio

    out = demo_reports["northfield-licensing"].parent
    result = portfolio(out, lang="en")
    rows = {r["slug"]: r for r in result.clients.to_dict("records")}
    since = _verdicts(_summary(demo_reports["northfield-licensing"]))
    for key, figure in CHANGES.items():
        r = rows["northfield-licensing"]
        assert (r[f"{key}_change"], r[f"{key}_change_low"], r[f"{key}_change_high"], r[f"{key}_change_verdict"]) == (
            since[figure]["change"], since[figure]["low"], since[figure]["high"], since[figure]["verdict"])
    assert rows["neve-tamar"]["previous_end"] is None
    table = result.tables("en")["change"]
    assert len(table) == len(rows)
    assert any("Northfield" in f and "improved" in f for f in result.findings("en"))


def test_figures_are_png_only_unless_svg_is_asked(demo_reports):
    """SVG costs seconds per run: written only with ``--svg`` (tests/test_privacy.py's batch asks for it)."""
    figures = demo_reports["neve-tamar"] / "figures"
    assert list(figures.glob("*.png")) and not list(figures.glob("*.svg"))
