"""report.pdf: A4, page numbers and the client's name on every page, Hebrew, no split charts, inert client text.

The report printed here is a real ``report.html`` from :func:`svcwork.report.assemble`, made from
notebooks whose outputs were displayed by :func:`svcwork.report.show_result` (no kernel: the
displays are captured), with hostile markup in the organisation's name and a service name.
The PDF is checked with pypdf (an independent reader).
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

import svcwork
from conftest import ROOT, english_sheets, hebrew_sheets, write_xlsx
from svcwork import charts, report
from svcwork.i18n import t

#: Client text that would run script if it ever reached the report as markup.
HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
TEST_OUTPUT = ROOT / "test-output"


# =========================================================================== chromium or a loud skip
def require_chromium() -> str:
    """The Chromium to test with; outside CI skip loudly when absent, in CI (CI=true) fail."""
    from svcwork.pdf import chromium_path

    problem = None
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        problem = "the Python package playwright is not installed (pip install playwright)"
    path = chromium_path()
    if problem is None and path is None:
        problem = "Chromium is not installed (apt-get install chromium, or set SVCWORK_CHROMIUM)"
    if problem is not None:
        _skip_or_fail(f"NOT TESTED — browser/PDF checks need Chromium: {problem}")
    return path


def _skip_or_fail(message: str) -> None:
    if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
        pytest.fail(f"{message}; CI must install it", pytrace=False)
    pytest.skip(message)


# =========================================================================== a real report, no kernel
@dataclass(frozen=True)
class FakeResult:
    """An analysis result (the report's protocol) with given tables, charts and findings."""

    table: object
    chart_titles: tuple[str, ...]
    labels: tuple[str, ...]
    finding: str
    tall: bool = False  # the first chart taller than a page (a long ranking), as a real analysis may draw
    available: bool = True

    def summary(self) -> dict:
        return {"fake": {"charts": len(self.chart_titles)}}

    def tables(self, lang: str) -> dict:
        return {"services": self.table}

    def figures(self, lang: str) -> dict:
        out = {}
        for i, title in enumerate(self.chart_titles):
            fig, ax = charts.new_figure(size=(6.0, 12.0) if self.tall and i == 0 else (8.0, 3.6 + 0.35 * (i % 4)))
            ax.bar(range(len(self.labels)), [3 + (i * 7 + k * 5) % 11 for k in range(len(self.labels))],
                   color=charts.PALETTE[i % len(charts.PALETTE)])
            ax.set_xticks(range(len(self.labels)), self.labels)
            charts.finish(ax, lang=lang, title=title)
            out[f"chart-{i}"] = fig
        return out

    def findings(self, lang: str) -> list[str]:
        return [self.finding]

    def skipped(self, lang: str) -> str:
        return ""


def _capture_displays(monkeypatch: pytest.MonkeyPatch) -> list:
    """Route IPython's display() into a list of notebook outputs (as a kernel would record them)."""
    import IPython.display
    from IPython.core.formatters import DisplayFormatter

    formatter = DisplayFormatter()
    outputs: list = []

    def display(*objs, **kwargs):
        for obj in objs:
            data, metadata = formatter.format(obj)
            data = {k: base64.b64encode(v).decode() if isinstance(v, bytes) else v for k, v in data.items()}
            outputs.append(nbformat.v4.new_output("display_data", data=data, metadata=metadata))

    monkeypatch.setattr(IPython.display, "display", display)
    return outputs


def build_report(folder: Path, monkeypatch: pytest.MonkeyPatch, *, lang: str, organization: str,
                 service: str, charts_per_section: int = 4) -> tuple[Path, object, int]:
    """A client with *organization* and a service called *service*, its report built by assemble().

    Returns (report.html, engagement, number of charts).
    """
    sheets = english_sheets() if lang == "en" else hebrew_sheets()
    settings = sheets["Engagement" if lang == "en" else "פרטי הארגון"]
    settings[1][1] = organization
    services = sheets["Services" if lang == "en" else "שירותים"]
    services[-1][1] = service
    client = folder / "client"
    write_xlsx(client / "intake.xlsx", sheets, rtl=lang == "he")
    eng = svcwork.load(client)
    out = folder / "out"
    outputs = _capture_displays(monkeypatch)
    names = [n[:18] for n in eng.table("Services")["service_name"]]
    table = eng.table("Services")[["service_id", "service_name"]].rename(
        columns={"service_id": t("field.code", lang), "service_name": t("report.col.data", lang)})
    notebooks = []
    n_charts = 0
    for s in report.SECTIONS:
        outputs.clear()
        if s.key == "intake":
            report.show_intake(eng, lang=lang, output_dir=out)
        else:
            titles = tuple(f"{s.title(lang)} — {i + 1}" for i in range(charts_per_section))
            n_charts += len(titles)
            result = FakeResult(table=table, chart_titles=titles, labels=tuple(names),
                                finding=f"{s.title(lang)}: {service}", tall=s.key == "journeys")
            report.show_result(result, section=s.key, lang=lang, output_dir=out)
        nb = nbformat.v4.new_notebook()
        nb.cells.append(nbformat.v4.new_code_cell("show()", outputs=list(outputs), execution_count=1))
        path = out / "notebooks" / s.notebook
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, path)
        notebooks.append(path)
    paths = report.assemble(out, eng, lang=lang, notebooks=notebooks)
    return paths["report"], eng, n_charts


# =========================================================================== PDF reading (pypdf)
def _pdf_pages(path: Path) -> list:
    try:
        import pypdf
    except ImportError:
        _skip_or_fail("NOT TESTED — reading the PDF needs the test dependency pypdf (pip install pypdf)")
    return list(pypdf.PdfReader(str(path)).pages)


def _image_placements(pages: list) -> list[int]:
    """How many image XObjects each page draws (a chart split over two pages is drawn on both)."""

    def count(resources, seen_depth: int = 0) -> int:
        n = 0
        xobjects = (resources or {}).get("/XObject") or {}
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                n += 1
            elif obj.get("/Subtype") == "/Form" and seen_depth < 5:
                n += count(obj.get("/Resources"), seen_depth + 1)
        return n

    return [count(page.get("/Resources")) for page in pages]


def _normal(text: str) -> str:
    return " ".join(text.split())


def _has_phrase(text: str, phrase: str) -> bool:
    """*phrase* in *text*, in logical or in visual (word-reversed) order: PDF readers differ for RTL lines."""
    return phrase in text or " ".join(reversed(phrase.split())) in text


# =========================================================================== tests without a browser
def test_footer_is_escaped_text_and_right_to_left_for_hebrew():
    from svcwork.pdf import footer_template

    he = footer_template(f"עיריית דוגמה {HOSTILE}", lang="he")
    assert "<img" not in he and "<script" not in he
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in he
    assert "dir='rtl'" in he and "class='pageNumber'" in he and "class='totalPages'" in he
    # "page N of M" from the catalogue (glossary: "עמוד N מתוך M")
    assert "עמוד <span class='pageNumber'></span> מתוך <span class='totalPages'></span>" in he
    en = footer_template("Example <b>Agency</b>\n", lang="en")
    assert "dir='ltr'" in en and "Example &lt;b&gt;Agency&lt;/b&gt;</span>" in en
    assert "Page <span class='pageNumber'></span> of <span class='totalPages'></span>" in en
    # client text cannot smuggle in Chromium's own placeholders either
    assert footer_template('<span class="pageNumber"></span>', lang="en").count("pageNumber") == 2


def test_missing_chromium_is_a_clear_svcwork_error(monkeypatch, tmp_path):
    from svcwork.errors import SvcworkError
    from svcwork.pdf import ChromiumMissingError, PdfRenderer, chromium_path

    monkeypatch.setenv("SVCWORK_CHROMIUM", str(tmp_path / "no-such-browser"))
    assert chromium_path() is None
    with pytest.raises(ChromiumMissingError) as info:
        with PdfRenderer():
            pass
    assert isinstance(info.value, SvcworkError)
    assert "apt-get install chromium" in str(info.value) and "SVCWORK_CHROMIUM" in str(info.value)
    monkeypatch.setenv("SVCWORK_CHROMIUM", sys.executable)
    assert chromium_path() == sys.executable


# =========================================================================== tests with Chromium
@pytest.mark.slow
def test_pdf_is_a4_with_footer_and_page_numbers_hebrew_text_and_whole_charts(tmp_path, monkeypatch):
    require_chromium()
    from svcwork.pdf import FIXED_PDF_DATE, PdfRenderer

    organization = f"עיריית דוגמה {HOSTILE}"
    html_path, eng, n_charts = build_report(tmp_path / "he", monkeypatch, lang="he", organization=organization,
                                            service=f"ארנונה {HOSTILE}", charts_per_section=4)
    pdf_path = html_path.with_name("report.pdf")
    pdf_path.write_bytes(b"previous report")
    # the same report without the print rules that keep a chart on one page (the tall chart
    # then runs over two pages): proves the split check below can fail
    loose = html_path.with_name("loose.html")
    loose.write_text(html_path.read_text(encoding="utf-8").replace(
        "</head>", "<style>@media print { figure { break-inside: auto !important; } "
                   "figure img { max-height: none !important; } }</style></head>"), encoding="utf-8")
    with PdfRenderer() as renderer:
        renderer.render(html_path, pdf_path, footer=eng.settings.organization, lang="he")
        again = renderer.pdf_bytes(html_path, footer=eng.settings.organization, lang="he")
        renderer.render(loose, tmp_path / "loose.pdf", footer=eng.settings.organization, lang="he")

    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF-") and data == again  # reproducible bytes (fixed dates)
    assert b"/CreationDate (D:" + FIXED_PDF_DATE in data
    assert not [p.name for p in pdf_path.parent.iterdir() if p.name.endswith(".tmp")]  # atomic, nothing left over
    TEST_OUTPUT.mkdir(exist_ok=True)
    shutil.copyfile(pdf_path, TEST_OUTPUT / "report-he.pdf")

    pages = _pdf_pages(pdf_path)
    n = len(pages)
    assert n >= 3
    for page in pages:  # A4 = 210 x 297 mm = 595.28 x 841.89 pt
        box = page.mediabox
        assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2
    texts = [_normal(page.extract_text()) for page in pages]
    for i, text in enumerate(texts, start=1):
        # "עמוד i מתוך n" on every page, in logical or visual order (readers differ for RTL lines)
        assert re.search(rf"עמוד\s*{i}\s*מתוך\s*{n}(?!\d)|(?<!\d){n}\s*מתוך\s*{i}\s*עמוד", text), (i, text[-200:])
        assert _has_phrase(text, "עיריית דוגמה"), i  # the client's name in the footer of every page
        assert "window.__pwned=1" in text, i  # ... as text: the hostile markup was escaped
    body = " ".join(texts)
    for phrase in (t("report.executive_summary", "he"), t("report.title", "he"), t("report.contents", "he")):
        assert _has_phrase(body, phrase), phrase  # Hebrew text extracted
    assert '<img src=x onerror="window.__pwned=1">' in body  # client text printed as text, never as markup

    # no chart split across pages: each chart is drawn on exactly one page
    placements = _image_placements(pages)
    assert sum(placements) == n_charts, placements
    assert sum(_image_placements(_pdf_pages(tmp_path / "loose.pdf"))) > n_charts  # the check can fail


@pytest.mark.slow
def test_english_pdf_and_a_renderer_reused_for_many_reports(tmp_path, monkeypatch):
    require_chromium()
    from svcwork.pdf import PdfRenderer, render_pdf

    html_path, eng, n_charts = build_report(tmp_path / "en", monkeypatch, lang="en",
                                            organization="Example Agency & Sons", service="Welfare desk",
                                            charts_per_section=2)
    with PdfRenderer() as renderer:
        first = renderer.render(html_path, tmp_path / "a.pdf", footer=eng.settings.organization, lang="en")
        second = renderer.render(html_path, tmp_path / "b.pdf", footer="Other Client", lang="en")
    pages = _pdf_pages(first)
    texts = [_normal(p.extract_text()) for p in pages]
    assert all("Example Agency & Sons" in x and f"Page {i} of {len(pages)}" in x for i, x in enumerate(texts, 1))
    assert t("report.executive_summary", "en") in texts[0] + texts[1]
    assert sum(_image_placements(pages)) == n_charts
    assert all("Other Client" in _normal(p.extract_text()) for p in _pdf_pages(second))
    # the one-shot helper gives the same document
    assert render_pdf(html_path, tmp_path / "c.pdf", footer=eng.settings.organization,
                      lang="en").read_bytes() == first.read_bytes()


@pytest.mark.slow
def test_printing_a_missing_report_is_a_clear_error(tmp_path):
    require_chromium()
    from svcwork.pdf import PdfError, PdfRenderer

    with PdfRenderer() as renderer, pytest.raises(PdfError, match="expected a report.html"):
        renderer.render(tmp_path / "nothing.html", tmp_path / "x.pdf", footer="X", lang="en")
    assert not (tmp_path / "x.pdf").exists()


def test_a_kept_renderer_prints_beside_a_kernels_event_loop(tmp_path):
    """A batch keeps one Chromium for all its clients while a warm kernel runs its own event loop in the
    same thread between them: the kept renderer lives in its own thread (a plain one cannot print
    from inside a running loop: it runs Playwright's asyncio API on a loop of its own)."""
    import asyncio

    from svcwork.pdf import KeptPdfRenderer, PdfRenderer

    require_chromium()
    page = tmp_path / "a.html"
    page.write_text("<!DOCTYPE html><html lang='en'><body><h1>Report</h1></body></html>", encoding="utf-8")
    with KeptPdfRenderer() as printer:
        printer.render(page, tmp_path / "a.pdf", footer="x", lang="en")
        asyncio.new_event_loop().run_until_complete(asyncio.sleep(0))  # what the kernel does between clients
        printer.render(page, tmp_path / "b.pdf", footer="x", lang="en")
    assert (tmp_path / "a.pdf").read_bytes()[:5] == b"%PDF-"
    assert (tmp_path / "b.pdf").read_bytes() == (tmp_path / "a.pdf").read_bytes()  # reproducible too
    with PdfRenderer() as plain:  # the reason for the thread
        plain.render(page, tmp_path / "c.pdf", footer="x", lang="en")
        asyncio.new_event_loop().run_until_complete(asyncio.sleep(0))  # between calls, the thread is free

        async def inside_a_cell() -> None:
            plain.render(page, tmp_path / "d.pdf", footer="x", lang="en")

        with pytest.raises(RuntimeError, match="KeptPdfRenderer"):
            asyncio.new_event_loop().run_until_complete(inside_a_cell())
    assert (tmp_path / "c.pdf").read_bytes() == (tmp_path / "a.pdf").read_bytes() and not (tmp_path / "d.pdf").exists()


def test_pages_printed_in_two_tabs_are_the_pages_one_tab_prints(tmp_path):
    """render_all prints a client's pages two at a time: each PDF is its own page's, byte for byte the
    PDF one tab makes of it (a second method), whatever order the tabs finish in."""
    from pypdf import PdfReader

    from svcwork.pdf import PdfRenderer

    require_chromium()
    pages = []
    for i, (title, rows) in enumerate([("Report", 400), ("Parking", 3), ("Welfare", 1), ("Revenue", 30)]):
        page = tmp_path / f"p{i}.html"
        body = "".join(f"<p>{title} line {n}</p>" for n in range(rows))
        page.write_text(f"<!DOCTYPE html><html lang='en'><body><h1>{title}</h1>{body}</body></html>", encoding="utf-8")
        pages.append((title, page))
    with PdfRenderer(tabs=2) as two, PdfRenderer(tabs=1) as one:
        assert two.tabs == 2
        done = two.render_all([(page, tmp_path / f"{page.stem}-2.pdf") for _, page in pages], footer="x", lang="en")
        alone = one.render_all([(page, tmp_path / f"{page.stem}-1.pdf") for _, page in pages], footer="x", lang="en")
    assert done == [tmp_path / f"{page.stem}-2.pdf" for _, page in pages]
    for (title, page), a, b in zip(pages, done, alone):
        assert a.read_bytes() == b.read_bytes()
        assert PdfReader(a).pages[0].extract_text().startswith(title)


# =========================================================================== the PDF beside the office files (issue 15)
def _one_notebook(folder: Path) -> Path:
    """A tiny analysis notebook (svcwork's parameters, one unit page): the run's notebooks stay cheap."""
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('client_dir = ""\noutput_dir = ""\nlang = ""\ncache_dir = ""',
                                  metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import pathlib\npathlib.Path('units').mkdir(exist_ok=True)\n"
                                  "pathlib.Path('units/parking.html').write_text(\"<!DOCTYPE html><html lang='en'>"
                                  "<body><h1>Parking</h1></body></html>\")"),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / "00_intake.ipynb")
    return folder / "00_intake.ipynb"


@pytest.mark.slow
def test_the_pdfs_print_while_the_office_files_are_written(tmp_path, monkeypatch):
    """report.html goes to Chromium as soon as it is written; results.xlsx, slides and DOCX are
    written meanwhile; the run waits for the PDFs (report and unit pages) before it ends."""
    import time

    from svcwork import batch
    from svcwork.pdf import KeptPdfRenderer
    from svcwork.report import assembly

    require_chromium()
    monkeypatch.setattr(batch, "analysis_notebooks", lambda: [_one_notebook(tmp_path / "nbs")])
    calls = []
    queued = KeptPdfRenderer.render_all_soon
    monkeypatch.setattr(KeptPdfRenderer, "render_all_soon",
                        lambda self, pages, *a, **k: calls.extend(("pdf", Path(h).name, time.monotonic()) for h, _ in pages)
                        or queued(self, pages, *a, **k))
    workbook = assembly.write_results_workbook
    monkeypatch.setattr(assembly, "write_results_workbook",
                        lambda *a, **k: calls.append(("xlsx", "results.xlsx", time.monotonic())) or workbook(*a, **k))
    client = write_xlsx(tmp_path / "agency" / "intake.xlsx", english_sheets()).parent
    with batch.KernelPool(1) as kernel:
        result = batch.run_client(client, tmp_path / "out", kernel=kernel, pdf=True)
    assert result.ok, result.describe()
    assert [c[:2] for c in calls] == [("pdf", "report.html"), ("pdf", "parking.html"), ("xlsx", "results.xlsx")]
    out = tmp_path / "out" / "agency"
    for pdf in (out / "report.pdf", out / "units" / "parking.pdf"):
        assert pdf.read_bytes()[:5] == b"%PDF-", pdf


@pytest.mark.slow
def test_a_pdf_asked_for_that_cannot_be_made_fails_the_run_and_writes_nothing(tmp_path, monkeypatch):
    from svcwork import batch

    monkeypatch.setattr(batch, "analysis_notebooks", lambda: [_one_notebook(tmp_path / "nbs")])
    monkeypatch.setenv("SVCWORK_CHROMIUM", str(tmp_path / "no-such-browser"))
    client = write_xlsx(tmp_path / "agency" / "intake.xlsx", english_sheets()).parent
    with batch.KernelPool(1) as kernel:
        asked = batch.run_client(client, tmp_path / "out", kernel=kernel, pdf=True)
        assert asked.status == "failed" and asked.code == "chromium_missing", asked.describe()
        assert "apt-get install chromium" in asked.error and not (tmp_path / "out" / "agency").exists()
        # not asked for (the default): the report is made, and the result says why there is no PDF
        maybe = batch.run_client(client, tmp_path / "out", kernel=kernel)
    assert maybe.ok and "Chromium is not installed" in maybe.note
    assert (tmp_path / "out" / "agency" / "report.html").is_file() and not (tmp_path / "out" / "agency" / "report.pdf").exists()


# =========================================================================== bookmarks (H5) and the PDF's alternatives (H3)
def _outline(path: Path) -> list[tuple[int, str, int]]:
    """The PDF's bookmarks read by pypdf: (depth, title, page index), depth first."""
    import pypdf

    reader = pypdf.PdfReader(str(path))
    found: list[tuple[int, str, int]] = []

    def walk(items, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["he", "en"])
def test_bookmarks_are_the_headings_in_logical_order_each_on_its_page(tmp_path, monkeypatch, lang):
    """H5: Hebrew PDFs have bookmarks as English ones do, titled with the headings' own text (logical
    order, the space of a wrapped heading kept) and each pointing to the page that shows its heading."""
    require_chromium()
    import bs4

    from svcwork.pdf import PdfRenderer

    organization = "עיריית דוגמה" if lang == "he" else "Example Agency"
    html_path, eng, _ = build_report(tmp_path / lang, monkeypatch, lang=lang, organization=organization,
                                     service="ארנונה" if lang == "he" else "Welfare desk", charts_per_section=1)
    page = bs4.BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    headings = [_normal(h.get_text(" ")) for h in page.find_all(["h1", "h2", "h3"])]
    with PdfRenderer() as renderer:
        pdf_path = renderer.render(html_path, tmp_path / "report.pdf", footer=organization, lang=lang)
    outline = _outline(pdf_path)
    pages = [_normal(p.extract_text()) for p in _pdf_pages(pdf_path)]
    titles = [title for _, title, _ in outline]
    assert len(outline) >= 8, outline
    assert outline[0][:2] == (0, organization)  # the report's h1 holds the rest
    for wanted in (t("report.contents", lang), t("report.executive_summary", lang), t("report.section.measures", lang)):
        assert wanted in titles, (wanted, titles)
    assert all(title in headings for title in titles), [x for x in titles if x not in headings]
    assert [x for x in headings if x in titles] == titles  # the headings' order
    for _, title, index in outline:
        assert 0 <= index < len(pages) and _has_phrase(pages[index], title.split(" · ")[0][:30]), (title, index)


@pytest.mark.slow
def test_the_pdf_gives_each_picture_its_own_alternative(tmp_path):
    """H3: in the PDF a picture's /Alt is its ``data-pdf-alt`` (the data tables are in the appendix there),
    while report.html keeps the one that points under the figure."""
    require_chromium()
    import pikepdf

    from svcwork.pdf import PdfRenderer

    png = charts.figure_bytes(charts.new_figure(size=(3.0, 2.0))[0], "png")
    src = tmp_path / "alt.html"
    src.write_text("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>x</title></head><body><main>"
                   "<h1>Alternatives</h1><figure role='group'><img alt='Under the figure.' data-pdf-alt='In the appendix.' "
                   f"src='data:image/png;base64,{base64.b64encode(png).decode()}'/><figcaption>Figure 1</figcaption>"
                   "</figure></main></body></html>", encoding="utf-8")
    with PdfRenderer() as renderer:
        path = renderer.render(src, tmp_path / "alt.pdf", footer="X", lang="en")
    with pikepdf.open(path) as pdf:
        alts, stack = [], [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack.extend(node)
            elif isinstance(node, pikepdf.Dictionary):
                if node.get("/S") == "/Figure":
                    alts.append(str(node.get("/Alt", "")))
                if node.get("/K") is not None:
                    stack.append(node.get("/K"))
    assert alts == ["In the appendix."]


def test_bookmarks_take_their_headings_text_in_logical_order():
    """H5 without a browser: a bookmark titled in visual order (words reversed, a bracket mirrored) or
    without the space of a line break takes its heading's text; one matching no heading keeps its title."""
    import io

    import pikepdf

    from svcwork.pdf import outline_titled

    pdf = pikepdf.new()
    for _ in range(2):
        pdf.add_blank_page()
    with pdf.open_outline() as outline:
        top = pikepdf.OutlineItem("עיריית דוגמה", 0)
        top.children.extend([pikepdf.OutlineItem("העניינים תוכן", 0), pikepdf.OutlineItem(")סקר( מרוצים משיבים", 1),
                             pikepdf.OutlineItem("פניות העומדותבאמנת השירות", 1), pikepdf.OutlineItem("לא כותרת", 1)])
        outline.root.append(top)
    raw = io.BytesIO()
    pdf.save(raw)
    headings = ["עיריית דוגמה", "תוכן העניינים", "במבט אחד", "משיבים מרוצים (סקר)", "פניות העומדות באמנת השירות"]
    fixed = outline_titled(raw.getvalue(), headings)
    with pikepdf.open(io.BytesIO(fixed)) as again, again.open_outline() as outline:
        top = outline.root[0]
        assert top.title == "עיריית דוגמה"
        assert [c.title for c in top.children] == ["תוכן העניינים", "משיבים מרוצים (סקר)",
                                                   "פניות העומדות באמנת השירות", "לא כותרת"]
    assert outline_titled(fixed, headings) == fixed  # nothing left to retitle: the same bytes
    assert outline_titled(raw.getvalue(), headings) == fixed  # reproducible


def _untagged_text(path: Path) -> list[int]:
    """The pages on which text is drawn outside both the tagged content (a marked-content id) and an artifact."""
    import pikepdf

    found = []
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            stack: list[str] = []
            for inst in pikepdf.parse_content_stream(page):
                op = str(inst.operator)
                if op in ("BDC", "BMC"):
                    props = inst.operands[1] if op == "BDC" else None
                    stack.append("artifact" if inst.operands[0] == pikepdf.Name.Artifact else
                                 "tagged" if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else "other")
                elif op == "EMC":
                    stack.pop()
                elif op in ("Tj", "TJ", "'", '"') and not {"artifact", "tagged"} & set(stack):
                    found.append(number)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["he", "en"])
def test_the_page_footer_is_an_artifact(tmp_path, lang):
    """C1 (PDF/UA-1 7.1): the footer Chromium draws (client's name, "Page N of M") is an /Artifact, so no
    text of the PDF is outside both the structure tree and the artifacts; the footer is still text."""
    require_chromium()
    from svcwork.pdf import PdfRenderer

    name = "עיריית דוגמה" if lang == "he" else "Example Agency"
    word = "טקסט " if lang == "he" else "Text "
    body = "".join(f"<h2>{t('report.executive_summary', lang)} {i}</h2><p>{word * 500}</p>" for i in range(2))
    src = tmp_path / "footer.html"
    src.write_text(f"<!DOCTYPE html><html lang='{lang}' dir='{'rtl' if lang == 'he' else 'ltr'}'><head><meta charset='utf-8'>"
                   f"<title>x</title></head><body><main><h1>{name}</h1>{body}</main></body></html>", encoding="utf-8")
    with PdfRenderer() as renderer:
        path = renderer.render(src, tmp_path / "footer.pdf", footer=name, lang=lang)
    pages = _pdf_pages(path)
    assert len(pages) >= 2
    assert _untagged_text(path) == []
    for i, page in enumerate(pages, start=1):
        text = _normal(page.extract_text())
        assert _has_phrase(text, name) and str(len(pages)) in text, (i, text[-120:])
