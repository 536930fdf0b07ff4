"""report.html checked in a real browser: headless Chromium (Debian's) driven by Playwright.

JavaScript is ON here (as in the client's browser), so injected markup would run if it reached
the page as markup: the organisation's name and a service name carry a ``<script>`` and an
``<img onerror>`` that set ``window.__pwned``.  Checked: no console or page errors, no request
leaving the file (self-contained), every image decoded, no code or traceback visible,
``dir=rtl`` for Hebrew, the hostile text shown as text and never executed.  A full-page
screenshot of each report is saved under ``test-output/`` (git-ignored).
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from conftest import english_sheets, hebrew_sheets, write_xlsx
from svcwork import batch, report
from svcwork.i18n import t
from svcwork.paths import notebooks_dir
from test_pdf import HOSTILE, TEST_OUTPUT, build_report, require_chromium

VISIBLE_CODE = ("Traceback", "In [", "def ", ">>>")
#: The analysis module each report section's notebook imports.
MODULES = {"prioritization": "prioritize", "journeys": "journeys", "measures": "measures",
           "management": "management"}


def check_in_browser(html_path: Path, *, lang: str, screenshot: str, min_images: int = 1) -> dict:
    """Open *html_path* in headless Chromium and assert the report is clean; returns what was seen."""
    from playwright.sync_api import sync_playwright

    from svcwork.pdf import CHROMIUM_ARGS

    executable = require_chromium()
    console: list[str] = []
    outside: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900},
                                          locale="he-IL" if lang == "he" else "en-GB")

            def leave(route):  # a self-contained report asks nothing of the network
                outside.append(route.request.url)
                route.abort()

            context.route(re.compile(r"^(?!file:|data:)"), leave)
            page = context.new_page()
            page.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}") if msg.type in
                    ("error", "warning") else None)
            page.on("pageerror", lambda exc: console.append(f"pageerror: {exc}"))
            page.on("requestfailed", lambda req: console.append(f"requestfailed: {req.url}"))
            page.goto(html_path.resolve().as_uri(), wait_until="load")
            seen = page.evaluate("""() => ({
                dir: document.documentElement.getAttribute('dir'),
                lang: document.documentElement.getAttribute('lang'),
                tableDirection: document.querySelector('table')
                    ? getComputedStyle(document.querySelector('table')).direction : null,
                images: document.images.length,
                broken: Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0)
                             .map(i => i.getAttribute('src').slice(0, 60)),
                scripts: document.querySelectorAll('script').length,
                handlers: Array.from(document.querySelectorAll('*')).filter(
                    e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
                pwned: typeof window.__pwned,
                text: document.body.innerText,
            })""")
            TEST_OUTPUT.mkdir(exist_ok=True)
            page.screenshot(path=str(TEST_OUTPUT / screenshot), full_page=True)
        finally:
            browser.close()
    assert console == [], console
    assert outside == [], outside
    assert seen["images"] >= min_images and seen["broken"] == [], seen["broken"]
    for marker in VISIBLE_CODE:
        assert marker not in seen["text"], marker
    expected = "rtl" if lang == "he" else "ltr"
    assert seen["dir"] == expected and seen["lang"] == lang and seen["tableDirection"] == expected
    assert seen["pwned"] == "undefined" and seen["scripts"] == 0 and seen["handlers"] == 0
    assert 'onerror="window.__pwned=1"' in seen["text"] and "<script>window.__pwned=1</script>" in seen["text"]
    return seen


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "he"])
def test_assembled_report_is_clean_in_a_real_browser(tmp_path, monkeypatch, lang):
    require_chromium()
    organization = ("Example Agency " if lang == "en" else "עיריית דוגמה ") + HOSTILE
    service = ("Welfare desk " if lang == "en" else "ארנונה ") + HOSTILE
    html_path, _, n_charts = build_report(tmp_path, monkeypatch, lang=lang, organization=organization,
                                          service=service, charts_per_section=2)
    seen = check_in_browser(html_path, lang=lang, screenshot=f"report-assembled-{lang}.png")
    assert seen["images"] == n_charts
    assert t("report.executive_summary", lang) in seen["text"]


def _runnable_notebooks() -> list[Path]:
    """The analysis notebooks whose analysis module exists (the intake notebook always)."""
    return [notebooks_dir() / s.notebook for s in report.SECTIONS
            if s.key not in MODULES or importlib.util.find_spec(f"svcwork.{MODULES[s.key]}") is not None]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["he", "en"])
def test_batch_report_is_clean_in_a_real_browser(tmp_path, monkeypatch, lang):
    require_chromium()
    # Only the sections whose analysis module is present run (all of them once the suite is complete).
    monkeypatch.setattr(batch, "analysis_notebooks", _runnable_notebooks)
    sheets = hebrew_sheets() if lang == "he" else english_sheets()
    settings, services = ("פרטי הארגון", "שירותים") if lang == "he" else ("Engagement", "Services")
    sheets[settings][1][1] = ("עיריית דוגמה " if lang == "he" else "Example Agency ") + HOSTILE
    sheets[services][-1][1] = ("ארנונה " if lang == "he" else "Welfare desk ") + HOSTILE
    write_xlsx(tmp_path / "clients" / "hostile" / "intake.xlsx", sheets, rtl=lang == "he")

    result = batch.run_client(tmp_path / "clients" / "hostile", tmp_path / "out")
    assert result.ok, result.describe()
    out = tmp_path / "out" / "hostile"
    charts = len(list((out / "figures").glob("*.png")))
    seen = check_in_browser(out / "report.html", lang=lang, screenshot=f"report-batch-{lang}.png",
                            min_images=1 if charts else 0)
    assert seen["images"] == charts  # every chart the notebooks drew is in the report
