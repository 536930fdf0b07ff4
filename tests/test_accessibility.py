"""Accessible deliverables (issue #16; IS 5568, WCAG 2.1 AA), checked with the real engines.

* contrast: the WCAG 2.1 formula against its published examples; every chart colour of the suite
  at least 3:1 on white (SC 1.4.11), text colours and the demo clients' accents at least 4.5:1
  (SC 1.4.3), a too-light accent darkened with a warning;
* text alternatives: every figure of every demo report has an alternative written from its
  plotted values and the values themselves; the alternative names the top value, found here
  independently from the recorded data (SC 1.1.1, 1.3.1);
* axe-core in Chromium over report.html, a unit pack, index.html and portfolio.html of every demo
  client, in Hebrew and English: no violation of the WCAG 2.1 A/AA rules nor of the landmark and
  heading best-practice rules;
* the PDF: tagged (StructTreeRoot), its language set, every figure with /Alt (checked with pikepdf).
"""

from __future__ import annotations

import contextlib
import json
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from conftest import demo_input
from svcwork import charts
from svcwork.alttext import ChartData, abbr_html, alt_text, data_frame
from svcwork.contrast import GRAPHIC, TEXT, contrast_ratio, darken_to, relative_luminance
from svcwork.keyfigures import show

DEMO_ACCENTS = {"neve-tamar": "#1F6F8B", "northfield-licensing": "#2A7F62", "rashut-hagimlaot": "#6A3D9A"}
#: axe-core rule sets: WCAG 2.0/2.1 levels A and AA, plus the landmark and heading best practices.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}
BEST_PRACTICE = ["region", "landmark-one-main", "page-has-heading-one", "heading-order", "bypass",
                 "landmark-unique", "landmark-no-duplicate-main"]


# ------------------------------------------------------------------------------------------- contrast
@pytest.mark.parametrize(("fg", "bg", "ratio"), [
    ("#777777", "#ffffff", 4.48),   # WCAG's understanding document for SC 1.4.3: #777 on white fails 4.5:1
    ("#000000", "#ffffff", 21.0),   # the maximum
    ("#ffffff", "#ffffff", 1.0),    # the minimum
    ("#767676", "#ffffff", 4.54),   # the lightest grey that passes on white
    ("#0000ff", "#ffffff", 8.59),   # pure blue
])
def test_contrast_ratio_matches_wcag_examples(fg: str, bg: str, ratio: float) -> None:
    assert round(contrast_ratio(fg, bg), 2) == ratio
    assert contrast_ratio(fg, bg) == contrast_ratio(bg, fg)


def test_relative_luminance_ends_and_short_form() -> None:
    assert relative_luminance("#000") == 0.0
    assert relative_luminance("#fff") == pytest.approx(1.0)
    assert relative_luminance("#777") == relative_luminance("#777777")
    with pytest.raises(ValueError):
        relative_luminance("blue")


@pytest.mark.parametrize("color", ["#F0E442", "#E69F00", "#56B4E9", "#ffff00", "#777777", "#ffffff"])
def test_darken_to_reaches_the_ratio_and_stays_as_light_as_it_can(color: str) -> None:
    shade = darken_to(color, TEXT)
    assert contrast_ratio(shade) >= TEXT
    r, g, b = (int(shade[i:i + 2], 16) for i in (1, 3, 5))
    lighter = "#" + "".join(f"{min(255, c + 2):02x}" for c in (r, g, b))
    assert contrast_ratio(lighter) < TEXT + 0.2  # not needlessly dark
    assert darken_to("#1f6f8b", TEXT) == "#1f6f8b"  # a colour that passes is unchanged


def test_every_chart_colour_has_contrast_on_white() -> None:
    for c in charts.PALETTE:
        assert contrast_ratio(c) >= GRAPHIC, c
    for c in (charts.GREY, charts.GOOD, charts.BAD, charts.NEUTRAL, charts.DEFAULT_ACCENT):
        assert contrast_ratio(c) >= TEXT, c  # these also write text on charts
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", charts.ContrastWarning)  # a too-light accent: darkened (tested below)
        for accent in (*DEMO_ACCENTS.values(), "#F0E442", None):
            for c in charts.palette(accent):
                assert contrast_ratio(c) >= GRAPHIC, (accent, c)
    assert len(set(charts.PALETTE)) == len(charts.PALETTE)  # darkening kept them apart


@pytest.mark.parametrize("client", sorted(DEMO_ACCENTS))
def test_demo_accent_colours_pass_for_text(client: str) -> None:
    from svcwork.intake import load

    from conftest import DEMO_CLIENTS

    color = load(DEMO_CLIENTS / client).settings.accent_color
    assert color.casefold() == DEMO_ACCENTS[client].casefold()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert contrast_ratio(charts.accent(color)) >= TEXT


def test_a_too_light_accent_is_darkened_with_a_warning() -> None:
    with pytest.warns(charts.ContrastWarning):
        shade = charts.accent("#F0E442")
    assert contrast_ratio(shade) >= TEXT
    assert shade != "#F0E442"
    for lang in ("en", "he"):
        message = charts.accent_warning("#F0E442", lang)
        assert "#F0E442" in message and shade in message
    assert charts.accent_warning("#1F6F8B", "en") is None


# ----------------------------------------------------------------------------------- alternatives
def test_alt_text_states_the_top_values_by_the_kind_rule() -> None:
    frame = pd.DataFrame({"Service": ["S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08"],
                          "Share": [0.12, 0.655, 0.3, 0.05, 0.2, 0.41, 0.08, 0.9]})
    data = ChartData(frame, "Share", {"Share": "share"}, top=2)
    for lang in ("en", "he"):
        text = alt_text("Digital take-up", data, lang)
        assert text.startswith("Digital take-up")
        assert "S08" in text and show(0.9, "share", lang) in text and "S02" in text
        assert show(0.655, "share", lang) in text  # 66%: the report's rounding of a share
        assert "S04" in text  # the lowest too
        assert "S05" not in text  # the middle is in the table, not the sentence
    assert alt_text("A title", None, "en") == "A title"


def test_alt_text_of_a_series_says_where_it_starts_and_ends() -> None:
    frame = pd.DataFrame({"Month": ["2026-01", "2026-02", "2026-03"], "Days": [9.44, 12.0, 6.25]})
    text = alt_text("Capability", ChartData(frame, "Days", {"Days": "days"}, series=True), "en")
    assert "9.4 (2026-01)" in text and "6.2 (2026-03)" in text or "6.3 (2026-03)" in text


def test_each_output_says_where_its_figure_data_is() -> None:
    """H3: the alternative of report.html and the DOCX points to the table under the figure, the PDF's to
    the appendix by its name, the deck's to no table (a deck has none); the recorded figure keeps each,
    and report.html carries the PDF's for printing."""
    from svcwork.i18n import t
    from svcwork.report.pieces import _figure_html
    from svcwork.report.records import _figure_spec

    frame = pd.DataFrame({"Service": ["S01", "S02"], "Days": [4.0, 6.5]})
    data = ChartData(frame, "Days", {"Days": "days"})
    for lang in ("en", "he"):
        under, appendix = t("access.alt.table", lang), t("access.data.appendix", lang)
        spec = _figure_spec({"file": "x-y.png", "title": "Waiting"}, data, lang)
        assert spec["alt"].endswith(under)
        pdf, deck = spec["alt_for"]["pdf"], spec["alt_for"]["pptx"]
        assert pdf == spec["alt"][: -len(under)] + t("access.alt.table_appendix", lang, appendix=appendix)
        assert appendix in pdf and under not in pdf
        assert deck == spec["alt"][: -len(under)].rstrip() and appendix not in deck
        assert deck == alt_text("Waiting", data, lang, pointer=None)
        markup = _figure_html(spec, b"png", number=1, lang=lang)
        assert f"alt='{spec['alt']}'" in markup and f"data-pdf-alt='{pdf}'" in markup


def test_chart_data_rejects_an_unknown_kind() -> None:
    with pytest.raises(ValueError):
        ChartData(pd.DataFrame({"a": ["x"], "v": [1]}), "v", {"v": "furlongs"})


def test_abbreviations_expanded_at_first_use_outside_tags() -> None:
    seen: set[str] = set()
    out = abbr_html("<a href='#kf-NPS' data-x='KPI'>NPS</a> and NPS, KPI", "en", seen)
    assert out.count("<abbr") == 2 and "href='#kf-NPS'" in out and "data-x='KPI'" in out
    assert "net promoter score" in out and "key performance indicator" in out
    assert abbr_html("NPS again", "en", seen) == "NPS again"


def _figures(run: Path) -> list[dict]:
    found = []
    for path in sorted((run / "sections").glob("*.json")):
        found.extend(json.loads(path.read_text(encoding="utf-8")).get("figures") or [])
    return found


@pytest.mark.slow
def test_every_figure_has_a_data_derived_alternative_and_its_values(demo_reports) -> None:
    """Each figure's alternative names the mark with the highest plotted value and that value as the
    report rounds it (found here from the recorded values, not from the alternative's code), or —
    for a chart whose marks are listed by group (roadmap waves, channel parity, scorecard) — names
    every mark; and the values are in a table under the figure in report.html."""
    import bs4

    for name, run in demo_reports.items():
        lang = json.loads((run / "summary.json").read_text(encoding="utf-8"))["language"]
        figures = _figures(run)
        assert figures, name
        page = bs4.BeautifulSoup((run / "report.html").read_text(encoding="utf-8"), "html.parser")
        for fig in figures:
            where = f"{name} {fig['file']}"
            assert "\ue000" not in fig["alt"], f"{where}: a figure marker left in the alternative"
            assert fig.get("data"), f"{where}: no plotted values recorded"
            alt = fig["alt"]
            assert alt.startswith(fig["title"]) and len(alt) > len(fig["title"]) + 10, where
            assert "\ue000" not in alt, f"{where}: a figure marker left in the alternative"
            frame = data_frame(fig["data"])
            values = pd.to_numeric(frame[fig["data"]["value"]], errors="coerce")
            assert len(frame) and values.notna().any(), where
            labels = frame[fig["data"]["label"]].astype(str)
            top = values.idxmax()
            kind = dict(zip(fig["data"]["columns"], fig["data"]["kinds"]))[fig["data"]["value"]]
            if f"{labels[top]}: " in alt:
                assert f"{labels[top]}: {show(float(values[top]), kind, lang)}" in alt, where
            else:  # listed by group: every mark named
                assert all(label in alt for label in labels), where
            img = page.find("img", attrs={"alt": alt})
            assert img is not None, f"{where}: the report's picture lacks the alternative"
            details = img.find_parent("figure").find_next_sibling("details")
            assert details is not None and details.find("table") is not None, where
            assert len(details.select("tbody tr")) == len(frame), where
            assert all(th.get("scope") == "col" for th in details.select("thead th")), where


@pytest.mark.slow
def test_the_results_workbook_has_a_title_and_named_header_rows(demo_reports) -> None:
    """results.xlsx of every demo run: a title naming the organisation, its language, and each sheet's header row
    named ColumnTitle for screen readers (WCAG 2.1 SC 1.3.1, 2.4.2)."""
    import openpyxl

    import svcwork

    for name, run in demo_reports.items():
        settings = svcwork.load(demo_input(run)).settings
        lang = "he" if name.endswith("-he") else settings.language
        wb = openpyxl.load_workbook(run / "results.xlsx", read_only=False)
        assert wb.properties.title.startswith(settings.organization), name
        assert wb.properties.language == ("he-IL" if lang == "he" else "en-GB"), name
        assert all("ColumnTitle" in ws.defined_names for ws in wb.worksheets), name


@pytest.mark.slow
def test_docx_carries_the_alternatives_and_data_tables(demo_reports) -> None:
    """Every DOCX picture has the figure's data-derived alternative, and a table of its values."""
    import docx

    run = demo_reports["northfield-licensing-he"]
    alts = {f["alt"] for f in _figures(run)}
    document = docx.Document(str(run / "report.docx"))
    descr = [el.get("descr") for el in document.element.body.iter()
             if el.tag.endswith("}docPr")]
    assert descr and all(descr), "every DOCX picture has alt text"
    assert sum(any(d.startswith(a) for a in alts) for d in descr) == len(alts)
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert len(document.tables) >= len(alts)  # each figure's data table
    assert captions


# ------------------------------------------------------------------------------------------- axe
@contextlib.contextmanager
def _chromium():
    """One headless Chromium (Debian's, as for the PDFs) for the pages of a test."""
    from playwright.sync_api import sync_playwright

    from svcwork.pdf import CHROMIUM_ARGS
    from test_pdf import require_chromium

    executable = require_chromium()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


def _axe(html_path: Path, *, lang: str, browser=None) -> list[str]:  # noqa: ANN001 - a playwright Browser
    """The axe-core violations of a page in headless Chromium (WCAG 2.1 A/AA rules and the
    landmark/heading best practices), as ``rule: target`` lines.  Each page is opened in a fresh
    browser context (nothing carried over from another page) of *browser*, else of its own Chromium."""
    from axe_playwright_python.sync_playwright import Axe

    if browser is None:
        with _chromium() as own:
            return _axe(html_path, lang=lang, browser=own)
    axe = Axe()
    found: list[str] = []
    context = browser.new_context(locale="he-IL" if lang == "he" else "en-GB")
    try:
        page = context.new_page()
        page.goto(html_path.resolve().as_uri(), wait_until="load")
        for options in (AXE_OPTIONS, {"runOnly": {"type": "rule", "values": BEST_PRACTICE},
                                      "resultTypes": ["violations"]}):
            result = axe.run(page, options=options)
            for v in result.response["violations"]:
                found.extend(f"{v['id']}: {n['target']} {n.get('failureSummary', '')[:160]}"
                             for n in v["nodes"][:5])
    finally:
        context.close()
    return found


@pytest.fixture(scope="module")
def demo_portfolios(demo_reports, tmp_path_factory) -> dict[str, Path]:
    """portfolio.html of the demo batch in English and in Hebrew (from copies of the summaries)."""
    from svcwork.portfolio import write_portfolio

    batch = next(iter(demo_reports.values())).parent
    pages = {}
    for lang in ("en", "he"):
        copy = tmp_path_factory.mktemp(f"portfolio-{lang}")
        for run in demo_reports.values():
            (copy / run.name).mkdir()
            shutil.copy(run / "summary.json", copy / run.name / "summary.json")
        if (batch / "batch.json").is_file():
            shutil.copy(batch / "batch.json", copy / "batch.json")
        pages[lang] = write_portfolio(copy, lang=lang)
    return pages


@pytest.mark.slow
def test_axe_finds_nothing_in_reports_unit_packs_and_index(demo_reports) -> None:
    problems: dict[str, list[str]] = {}
    batch = next(iter(demo_reports.values())).parent
    pages = [(batch / "index.html", "en")]
    for run in demo_reports.values():
        lang = json.loads((run / "summary.json").read_text(encoding="utf-8"))["language"]
        pages.append((run / "report.html", lang))
        units = sorted((run / "units").glob("*.html"))
        assert units, run.name
        pages.append((units[0], lang))
    assert {lang for _, lang in pages} == {"en", "he"}
    with _chromium() as browser:  # one browser, a fresh context for each page
        for path, lang in pages:
            found = _axe(path, lang=lang, browser=browser)
            if found:
                problems[str(path.relative_to(batch))] = found
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "he"])
def test_axe_finds_nothing_in_the_portfolio(demo_portfolios, lang: str) -> None:
    found = _axe(demo_portfolios[lang], lang=lang)
    assert not found, "\n".join(found)


# ------------------------------------------------------------------------------------------- PDF
@pytest.mark.slow
@pytest.mark.parametrize("name", ["northfield-licensing", "northfield-licensing-he"])
def test_pdf_is_tagged_with_language_and_figure_alternatives(demo_reports, tmp_path, name: str) -> None:
    import pikepdf

    from svcwork.pdf import render_pdf
    from test_pdf import require_chromium

    require_chromium()
    run = demo_reports[name]
    lang = json.loads((run / "summary.json").read_text(encoding="utf-8"))["language"]
    pdf_path = render_pdf(run / "report.html", tmp_path / "report.pdf", footer=name, lang=lang)
    with pikepdf.open(pdf_path) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root, "the PDF is not tagged"
        assert str(root.get("/Lang", "")).lower().startswith(lang), root.get("/Lang")
        assert bool(root.MarkInfo.Marked)
        figures = []
        stack = [root.StructTreeRoot]
        seen: set = set()
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack.extend(node)
                continue
            if not isinstance(node, pikepdf.Dictionary) or node.objgen in seen and node.objgen != (0, 0):
                continue
            seen.add(node.objgen)
            if node.get("/S") == "/Figure":
                figures.append(node)
            kids = node.get("/K")
            if kids is not None:
                stack.append(kids)
    alts = [str(f.get("/Alt", "")) for f in figures]
    expected = [(f.get("alt_for") or {}).get("pdf") or f["alt"] for f in _figures(run)]  # the PDF points to its appendix
    assert len(figures) >= len(expected), (len(figures), len(expected))
    assert all(alts), "a figure of the PDF has no /Alt"
    for text in expected:
        assert any(a.strip() == text.strip() for a in alts), text[:80]


def test_every_table_of_every_page_has_a_caption_and_scoped_headers(demo_reports) -> None:
    """WCAG 2.1 SC 1.3.1: every data table in report.html, the unit packs and index.html is captioned and
    its header cells say what they head; no table is used for layout (every table has a header row)."""
    import bs4

    pages = []
    for run in demo_reports.values():
        pages += [run / "report.html", *sorted((run / "units").glob("*.html"))]
    pages.append(next(iter(demo_reports.values())).parent / "index.html")
    for page in pages:
        soup = bs4.BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        tables = soup.find_all("table")
        assert tables, page
        for table in tables:
            where = f"{page.parent.name}/{page.name}"
            assert table.find("caption") and table.caption.get_text(strip=True), f"{where}: a table without caption"
            headers = table.select("thead th")
            assert headers, f"{where}: a table without a header row"
            assert all(th.get("scope") in ("col", "row") for th in table.find_all("th")), where


# ------------------------------------------------------------------------------- signed numbers (RTL)
def _signed_sentence_html() -> str:
    """A Hebrew sentence quoting a negative and a positive figure, with a signed number in its own
    words, and a unit-page table whose long text cell holds an interval of negative numbers."""
    from svcwork.keyfigures import KeyFigure, quote, to_html
    from svcwork.report.pieces import table_html

    nps = KeyFigure("measures.nps", -28, "nps", "measures")
    change = KeyFigure("measures.change.trust", 9.0, "points", "measures")
    sentence = f"מדד הממליצים נטו שלו {quote(nps, 'he')} (בכל השירותים: -20); שינוי לאורך התקופה: {quote(change, 'he')}"
    table = table_html(pd.DataFrame({"פריט": ["אמון"], "הערה": [
        "נמוך ב־11.3 נקודות משאר היחידות (רווח סמך 95% להפרש: -14.7 עד -7.9) ועוד מילים"]}), lang="he")
    return f"<p>{to_html(sentence, lang='he')}</p>{table}"


def test_signed_numbers_are_isolated_left_to_right_in_hebrew_html() -> None:
    """H1: a signed figure is its own left-to-right run (dir='ltr', its text unchanged for the
    consistency check) and a signed number in Hebrew words or a table's text cell gets an LRM."""
    from svcwork.i18n import LRM, isolate_signs
    from svcwork.keyfigures import KeyFigure, quote, to_html

    markup = _signed_sentence_html()
    assert "dir='ltr' href='#kf-measures.nps' data-figure='measures.nps'>-28</a>" in markup
    assert ">+9.0</a>" in markup and markup.count("<a class='kf' dir='ltr'") == 2
    assert f"{LRM}-20)" in markup and f"{LRM}-14.7 עד {LRM}-7.9" in markup
    # unsigned figures, English text and dates are left as they were
    count = KeyFigure("journeys.cases", 412, "count", "journeys")
    assert "dir=" not in to_html(f"x {quote(count, 'he')}", lang="he")
    assert isolate_signs("from -14.7 to -7.9", "en") == "from -14.7 to -7.9"
    assert isolate_signs("2025-03, 1-5, ‎-2", "he") == "2025-03, 1-5, ‎-2"


@pytest.mark.slow
def test_signed_numbers_keep_their_sign_on_the_left_in_a_hebrew_page(tmp_path) -> None:
    """H1 in Chromium: in a right-to-left page every sign is drawn left of its digits ("-28", not "28-")."""
    from playwright.sync_api import sync_playwright

    from svcwork.pdf import CHROMIUM_ARGS
    from test_pdf import require_chromium

    from svcwork.paths import templates_dir

    css = (templates_dir() / "report" / "report.css").read_text(encoding="utf-8")
    page_path = tmp_path / "signs.html"
    page_path.write_text(f"<!DOCTYPE html><html lang='he' dir='rtl'><head><meta charset='utf-8'><style>{css}</style>"
                         f"</head><body><main>{_signed_sentence_html()}</main></body></html>", encoding="utf-8")
    measure = r"""() => { const out = []; const re = /([-\u2212+])(\d[\d.,]*)/g;
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let node;
      while ((node = walk.nextNode())) { let m; re.lastIndex = 0;
        while ((m = re.exec(node.nodeValue))) { const r = document.createRange();
          r.setStart(node, m.index); r.setEnd(node, m.index + 1); const sign = r.getBoundingClientRect();
          r.setStart(node, m.index + 1); r.setEnd(node, m.index + 2); const digit = r.getBoundingClientRect();
          out.push([m[0], sign.left < digit.left]); } }
      return out; }"""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=require_chromium(), args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_page()
            page.goto(page_path.as_uri())
            seen = page.evaluate(measure)
        finally:
            browser.close()
    assert sorted(s for s, _ in seen) == ["+9.0", "-14.7", "-20", "-28", "-7.9"], seen
    assert all(left for _, left in seen), [s for s, left in seen if not left]
