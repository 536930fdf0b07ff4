"""Injection, end to end: hostile client text in every free-text field ends up inert in every output.

Two small clients (English and Hebrew, built with ``test_privacy.build_client``) get HTML/JS
(``<script>``, ``<img onerror>``, ``<svg onload>``), Markdown (a ``javascript:`` link, ``**bold**``)
and spreadsheet formulas (``=HYPERLINK(...)``, ``+cmd|...``, ``-2+3``, ``@SUM(A1)``, a tab- and a
CR-prefixed formula) in every free-text column of the intake workbook (every column of kind
``text``/``list`` in :mod:`svcwork.schema`, except the few that are codes, see ``NOT_FREE_TEXT``)
and of the companion files.  One real ``svcwork batch`` (no PDF) and ``svcwork portfolio`` run on
both; then:

- every HTML page (index, reports, unit pages, portfolio) is opened in headless Chromium with
  JavaScript on: nothing ran (``window.__pwned`` undefined), no script carries the payload, no
  element has an ``on…`` handler or a ``javascript:`` URL, Markdown is not rendered, and the
  payloads are visible as text;
- the SVG figures carry no script or handler;
- in every workbook, a string that starts like a formula is stored as text (``t="s"``, never a
  formula) and no formula holds HYPERLINK/cmd;
- in slides.pptx the titles hold the payloads as plain text and there is no hyperlink at all;
- executed notebooks' text/html outputs carry the payloads escaped, never as markup.
"""

from __future__ import annotations

import contextlib
import csv
import html
import io
import json
import os
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from svcwork.schema import COMPANIONS, SETTINGS, SHEETS, normalize_name, sheet
from test_privacy import MIN_GROUP, build_client

# =========================================================================== the payloads
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'
SVG = '"><svg onload=window.__pwned=3>'
MD_LINK = "[click](javascript:alert(1))"
MD_BOLD = "**bold**"
#: Appended to a value (markup works anywhere in a text).
MARKUP = (SCRIPT, IMG, SVG, MD_LINK, MD_BOLD)

HYPERLINK = '=HYPERLINK("http://evil.example","x")'
CMD = "+cmd|' /C calc'!A0"
MINUS = "-2+3"
AT = "@SUM(A1)"
TAB = "\t=1+1"
CR = "\r=2+2"
#: Put in front of a value (a formula only works at the start of a cell).
FORMULAS = (HYPERLINK, CMD, MINUS, AT, TAB, CR)

PAYLOADS = (*MARKUP, *FORMULAS)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: The organisation's name carries every markup payload and a formula: it is on every page and slide.
ORGANIZATION = {"en": f"{HYPERLINK} Example Agency {SCRIPT}{IMG}{SVG} {MD_LINK} {MD_BOLD}",
                "he": f"{CMD} עיריית דוגמה {SCRIPT}{IMG}{SVG} {MD_LINK} {MD_BOLD}"}

#: Columns of kind text that are codes matched against fixed vocabularies, not free text: a payload
#: there only makes the row invalid (which the fuzz tests cover), so they keep their value.
NOT_FREE_TEXT = {
    "Engagement": {"language", "timezone", "column_map"},
    "Standards": {"measure", "channel"},
    "Criteria": {"criterion"},
    "Pairwise": {"criterion_a", "criterion_b"},
    "Columns": {"their_column", "our_column"},
}
TEXT_KINDS = ("text", "list")


class Taint:
    """Hostile versions of client values: the same value always gets the same payload (so units,
    journeys and skills still join across sheets and files), payloads handed out in turn."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    def __call__(self, value: object) -> object:
        if value is None or (isinstance(value, float) and pd.isna(value)):
            return value
        text = str(value)
        if not text.strip():
            return value
        if text not in self.seen:
            payload = PAYLOADS[len(self.seen) % len(PAYLOADS)]
            self.seen[text] = f"{payload} {text}" if payload in FORMULAS else f"{text} {payload}"
        return self.seen[text]


# =========================================================================== the clients
def _rows(lang: str) -> dict[str, list[dict[str, object]]]:
    """Sheets the privacy client lacks (or lacks columns of), by column key, in *lang*."""
    he = lang == "he"
    units = ["חניה", "גבייה", "רווחה"] if he else ["Parking", "Revenue", "Welfare"]
    journey = "תו חניה" if he else "Parking permit"
    stages = ["בירור", "הגשה", "המתנה", "קבלה"] if he else ["Learn", "Apply", "Wait", "Receive"]
    touch = ["אתר העירייה", "טופס מקוון", "שיחת מעקב", "מכתב"] if he else ["Website", "Online form", "Follow-up call",
                                                                             "Letter"]
    return {
        "Journey": [{"journey": journey, "step": i + 1, "stage": stages[i], "touchpoint": touch[i],
                     "channel": ("web", "web", "phone", "mail")[i], "unit": units[i % 2], "emotion": (0, -1, -2, 1)[i],
                     "pain_point": ("לא ברור אילו מסמכים" if he else "Unclear documents") if i in (1, 2) else None,
                     "moment_of_truth": "yes" if i == 2 else "no",
                     "backstage": "מערכת הגבייה" if he else "Billing system", "evidence": "partial"}
                    for i in range(4)],
        "Standards": [{"service_id": "*", "measure": "resolution_days", "target": 14, "channel": "*",
                       "commitment_text": "נענה לכל פנייה תוך 14 יום" if he else "We answer every case within 14 days"}],
        "Lessons": [{"date": "2026-02-10", "unit": units[0], "event": "השבתת מערכת" if he else "System outage",
                     "category": "מערכות מידע" if he else "Systems",
                     "lesson": "לגבות את השרת" if he else "Keep a backup server", "action_id": "A1"}],
        "KPIs": [{"kpi_id": "K1", "kpi_name": "שיחות שנענו תוך 60 שניות" if he else "Answered within 60 s",
                  "direction": "higher", "target": 0.8, "unit_of_measure": "%",
                  "owner": "מנהלת המוקד" if he else "Call centre manager", "kind": "proportion"}],
        "KPI values": [{"kpi_id": "K1", "period": f"2026-{m:02d}", "value": 0.6 + 0.03 * m, "n": 1000 + 10 * m,
                        "unit": units[0]} for m in range(1, 7)],
        "Actions": [{"action_id": "A1", "action": "פרסום רשימת מסמכים" if he else "Publish checklist",
                     "owner": "מנהל החניה" if he else "Head of parking", "due_date": "2026-03-01", "status": "open",
                     "finding": "פונים מגיעים בלי מסמכים" if he else "Citizens come without documents",
                     "service_id": "S1", "source": "journey"},
                    {"action_id": "A2", "action": "קיצור התור" if he else "Shorten the queue",
                     "owner": "מנהלת הגבייה" if he else "Head of revenue", "due_date": "2026-09-01",
                     "status": "in progress", "finding": "המתנה ארוכה" if he else "Long waits", "service_id": "S2",
                     "source": "survey"}],
        "Pairwise": [{"criterion_a": a, "criterion_b": b, "value": v, "rater": "צוות ההיגוי" if he else "Steering group"}
                     for a, b, v in (("benefit", "effort", "3"), ("benefit", "visibility", "5"),
                                     ("effort", "visibility", "2"))],
    }


SETTINGS_ADDED = {  # free-text settings the privacy client leaves empty
    "en": {"unit": "Citizen services", "consultant": "Example Consulting", "service_vision": "Service that is easy",
           "service_values": "respect, clarity", "logo": "logo.png", "accent_color": "#1f6f8b"},
    "he": {"unit": "שירות לתושב", "consultant": "ייעוץ לדוגמה", "service_vision": "שירות פשוט וזמין",
           "service_values": "כבוד, בהירות", "logo": "logo.png", "accent_color": "#1f6f8b"},
}
EXTRA_COLUMNS = {"Services": {"notes": ("Ask the desk first", "לשאול קודם בדלפק")}}


def _schema(title: str):
    wanted = normalize_name(title)
    return next((s for s in SHEETS if wanted in {normalize_name(n) for n in s.names()}), None)


def _header_row(ws, schema) -> tuple[int, dict[int, object]]:
    """The row holding *schema*'s headers (1-based) and {column index: Column}."""
    names = {normalize_name(n): c for c in schema.columns for n in c.names()}
    best = (0, {})
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=30, values_only=True), start=1):
        found = {j: names[normalize_name(v)] for j, v in enumerate(row, start=1)
                 if v is not None and normalize_name(v) in names}
        if len(found) > len(best[1]):
            best = (r, found)
    return best


def _is_free_text(sheet_key: str, column) -> bool:
    return column.kind in TEXT_KINDS and column.key not in NOT_FREE_TEXT.get(sheet_key, set())


def _taint_workbook(path: Path, lang: str, taint: Taint) -> None:
    wb = openpyxl.load_workbook(path)
    # the sheets and columns the privacy client lacks
    for key, rows in _rows(lang).items():
        s = sheet(key)
        title = s.title(lang)
        existing = next((ws for ws in wb.worksheets if _schema(ws.title) is s), None)
        if existing is not None:
            del wb[existing.title]
        ws = wb.create_sheet(title)
        ws.sheet_view.rightToLeft = lang == "he"
        cols = [c for c in s.columns if any(r.get(c.key) is not None for r in rows)]
        ws.append([c.header(lang) for c in cols])
        for r in rows:
            ws.append([r.get(c.key) for c in cols])
    for ws in wb.worksheets:
        s = _schema(ws.title)
        if s is None:
            continue
        if s.settings:
            present = {}
            for r in range(1, ws.max_row + 1):
                field = ws.cell(r, 1).value
                match = next((c for c in SETTINGS if field is not None
                              and normalize_name(field) in {normalize_name(n) for n in c.names()}), None)
                if match is not None:
                    present[match.key] = r
            for key, value in SETTINGS_ADDED[lang].items():
                if key not in present:
                    ws.append([SETTINGS[[c.key for c in SETTINGS].index(key)].header(lang), value])
                    present[key] = ws.max_row
            for c in SETTINGS:
                if c.key not in present or not _is_free_text("Engagement", c):
                    continue
                cell = ws.cell(present[c.key], 2)
                if c.key == "organization":
                    cell.value = ORGANIZATION[lang]
                elif c.key == "service_values":  # a list: each value hostile
                    cell.value = ", ".join(str(taint(v.strip())) for v in str(cell.value).split(","))
                else:
                    cell.value = taint(cell.value)
            continue
        header, columns = _header_row(ws, s)
        last = max(r for r in range(1, ws.max_row + 1) if any(c.value is not None for c in ws[r]))
        for key, (en, he) in EXTRA_COLUMNS.get(s.key, {}).items():
            if key not in {c.key for c in columns.values()}:
                j = ws.max_column + 1
                ws.cell(header, j, s.column(key).header(lang))
                for r in range(header + 1, last + 1):
                    ws.cell(r, j, he if lang == "he" else en)
                columns[j] = s.column(key)
        for j, column in columns.items():
            if _is_free_text(s.key, column):
                for r in range(header + 1, last + 1):
                    cell = ws.cell(r, j)
                    cell.value = taint(cell.value)
    # a string that starts with "=" is a formula to openpyxl: store the client's text as text
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    wb.save(path)


def _taint_companion(path: Path, key: str, lang: str, taint: Taint) -> None:
    schema = next(s for s in COMPANIONS if s.key == key)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for c in schema.columns:
        header = c.header(lang)
        if header in frame.columns and _is_free_text(key, c):
            frame[header] = frame[header].map(lambda v: taint(v) if v else v)
    # quoted, as Excel exports them: a CR inside a field is data, not the end of a row
    frame.to_csv(path, index=False, lineterminator="\n", quoting=csv.QUOTE_ALL)


def build_hostile_client(folder: Path, lang: str, *, seed: int) -> Path:
    """The privacy test's small client, with a payload in every free-text field."""
    build_client(folder, lang, seed=seed)
    taint = Taint()
    _taint_workbook(folder / "intake.xlsx", lang, taint)
    for key in ("cases", "survey", "training"):
        _taint_companion(folder / f"{key}.csv", key, lang, taint)
    (folder / "commentary.md").write_text(hostile_commentary(lang), encoding="utf-8")
    return folder


#: What the consultant's Markdown may carry: raw HTML blocks, script and event handlers, links with
#: unsafe schemes, a picture from outside, field-like text, bidi marks and a very long line.
MD_HOSTILE = ("<div onclick=\"window.__pwned=4\">raw block</div>", "[js](javascript:window.__pwned=5)",
              "[data](data:text/html;base64,PHNjcmlwdD4=)", "![pixel](https://evil.example/p.png)",
              "{ PAGE } «MERGEFIELD x»", "\u202eevil\u202c \u200f\u200e")


def hostile_commentary(lang: str) -> str:
    """A commentary.md with every payload under the opening note and a section heading."""
    body = "\n\n".join((*MARKUP, *MD_HOSTILE, "x" * 5000))
    section = "מסעות לקוח ותהליכים" if lang == "he" else "journeys"
    return f"## summary\n\n{body}\n\n## {section}\n\n{SCRIPT} {MD_LINK}\n\n## {SCRIPT}\n\nunknown heading\n"


SLUGS = {"hostile-en": "en", "hostile-he": "he"}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """Both hostile clients through one ``svcwork batch --no-pdf`` and ``svcwork portfolio``."""
    from svcwork.cli import main

    root = tmp_path_factory.mktemp("injection")
    clients = root / "clients"
    for i, (slug, lang) in enumerate(SLUGS.items()):
        build_hostile_client(clients / slug, lang, seed=1 + i)  # the privacy test's seeds
    out = root / "out"
    log = io.StringIO()
    from unittest import mock

    with mock.patch.dict(os.environ), contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
        status = main(["batch", str(clients), "-o", str(out), "--force", "--no-pdf", "--jobs", "2", "--svg"])
        assert status == 0, log.getvalue()
        assert main(["portfolio", str(out)]) == 0, log.getvalue()
    return root


def _pages(out: Path) -> list[Path]:
    pages = [out / "index.html", out / "portfolio.html"]
    for slug in SLUGS:
        pages += [out / slug / "report.html", *sorted((out / slug / "units").glob("*.html"))]
    return pages


# =========================================================================== the inputs really are hostile
@pytest.mark.slow
def test_every_free_text_field_of_the_inputs_carries_a_payload(hostile_run):
    """Guard against a test that cannot fail: every free-text cell of the inputs is hostile."""
    from svcwork.intake import load

    for slug, lang in SLUGS.items():
        folder = hostile_run / "clients" / slug
        eng = load(folder)
        assert eng.settings.organization == ORGANIZATION[lang].strip()
        checked: set[str] = set()
        for s in (*SHEETS, *COMPANIONS):
            if s.settings or not eng.has(s.key):
                continue
            frame = getattr(eng, s.key) if s in COMPANIONS else eng.table(s.key)
            for c in s.columns:
                if not _is_free_text(s.key, c) or c.identifier or c.key not in frame.columns:
                    continue
                values = [v for v in frame[c.key].dropna().astype(str) if v.strip()]
                if not values:
                    continue
                checked.add(f"{s.key}.{c.key}")
                clean = [v for v in values if not any(p.strip() in v for p in PAYLOADS)]
                assert not clean, (slug, s.key, c.key, clean[:3])
        for must in ("Services.service_name", "Services.unit", "Services.notes", "Journey.touchpoint",
                     "Journey.pain_point", "Journey.backstage", "KPIs.kpi_name", "Actions.action", "Actions.owner",
                     "Lessons.lesson", "Observations.note", "Standards.commitment_text", "survey.comment",
                     "cases.activity", "cases.outcome", "training.skill"):
            assert must in checked, (slug, must, sorted(checked))
        for key in ("service_vision", "consultant", "unit"):
            assert any(p.strip() in str(getattr(eng.settings, key)) for p in PAYLOADS), (slug, key)
        # the workbook holds the formula-like text as strings, not formulas
        wb = openpyxl.load_workbook(folder / "intake.xlsx")
        texts = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        assert sum(c.value.startswith(FORMULA_START) for c in texts) >= 5, slug
        assert all(c.data_type == "s" for c in texts)
        # every payload is used in this client
        used = "\n".join([p.read_text(encoding="utf-8") for p in folder.glob("*.csv")] + [c.value for c in texts])
        for payload in PAYLOADS:
            assert payload in used, (slug, payload)


# =========================================================================== HTML in a real browser
_DOM_CHECK = """() => {
    const all = Array.from(document.querySelectorAll('*'));
    const attrs = all.flatMap(e => Array.from(e.attributes).map(a => [e.tagName, a.name, a.value]));
    return {
        pwned: typeof window.__pwned,
        scripts: document.querySelectorAll('script').length,
        hostileScripts: Array.from(document.querySelectorAll('script'))
            .filter(s => /__pwned|alert\\(/.test(s.textContent + (s.src || ''))).length,
        handlers: attrs.filter(([t, n, v]) => n.toLowerCase().startsWith('on')).map(x => x.join(' ')),
        jsUrls: attrs.filter(([t, n, v]) => /^\\s*javascript:/i.test(v)).map(x => x.join(' ')),
        injected: all.filter(e => (e.tagName === 'IMG' && e.getAttribute('src') === 'x')
            || e.tagName.toLowerCase() === 'svg').length,
        // client data is never rendered as Markdown (the consultant's commentary is Markdown by design)
        markdown: all.filter(e => ['STRONG', 'B', 'EM', 'A'].includes(e.tagName) && !e.closest('aside.commentary')
            && ['bold', 'click'].includes(e.textContent.trim())).length,
        text: document.body ? document.body.innerText : '',
    };
}"""


def _browse(pages: list[Path]) -> dict[Path, dict]:
    from playwright.sync_api import sync_playwright

    from svcwork.pdf import CHROMIUM_ARGS
    from test_pdf import require_chromium

    executable = require_chromium()
    seen: dict[Path, dict] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        try:
            context = browser.new_context()
            context.route(re.compile(r"^(?!file:|data:)"), lambda route: route.abort())
            for path in pages:
                page = context.new_page()
                errors: list[str] = []
                dialogs: list[str] = []
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
                page.goto(path.resolve().as_uri(), wait_until="load")
                page.wait_for_timeout(150)  # an <img onerror> fires after the failed load
                seen[path] = {**page.evaluate(_DOM_CHECK), "errors": errors, "dialogs": dialogs,
                              "source": path.read_text(encoding="utf-8")}
                page.close()
        finally:
            browser.close()
    return seen


@pytest.fixture(scope="module")
def browsed(hostile_run):
    out = hostile_run / "out"
    pages = _pages(out)
    assert all(p.is_file() for p in pages), [p for p in pages if not p.is_file()]
    for slug in SLUGS:
        assert list((out / slug / "units").glob("*.html")), f"{slug}: no unit page to check"
    return _browse(pages)


@pytest.mark.slow
def test_nothing_runs_in_any_html_page(hostile_run, browsed):
    out = hostile_run / "out"
    bad = {}
    for path, seen in browsed.items():
        problems = []
        if seen["pwned"] != "undefined":
            problems.append(f"window.__pwned is {seen['pwned']}")
        if seen["hostileScripts"]:
            problems.append(f"{seen['hostileScripts']} <script> elements carry the payload")
        if seen["handlers"]:
            problems.append(f"event-handler attributes: {seen['handlers'][:5]}")
        if seen["jsUrls"]:
            problems.append(f"javascript: URLs: {seen['jsUrls'][:5]}")
        if seen["dialogs"] or seen["errors"]:
            problems.append(f"dialogs {seen['dialogs']} / page errors {seen['errors']}")
        if seen["injected"]:
            problems.append(f"{seen['injected']} injected <img src=x>/<svg> elements")
        if seen["markdown"]:
            problems.append("client Markdown rendered as markup (bold/link)")
        raw = re.sub(r"data:image/[a-z+]+;base64,[A-Za-z0-9+/=\s]+", "", seen["source"])
        for payload in (SCRIPT, IMG, "<svg onload", "onerror=\"window", "href=\"javascript:"):
            if payload in raw:
                problems.append(f"raw markup {payload!r} in the file")
        if problems:
            bad[str(path.relative_to(out))] = problems
    assert not bad, json.dumps(bad, ensure_ascii=False, indent=1)


@pytest.mark.slow
def test_the_report_has_no_script_of_its_own_and_the_payloads_show_as_text(hostile_run, browsed):
    out = hostile_run / "out"
    for path, seen in browsed.items():
        where = str(path.relative_to(out))
        # the report's pages are script-free by design (report.py: "no script"), so any script is foreign
        assert seen["scripts"] == 0, (where, seen["scripts"])
        # the organisation's name, with every markup payload, is shown on every page as text
        for payload in MARKUP:
            assert payload in seen["text"], (where, payload)
    for slug, lang in SLUGS.items():
        text = browsed[out / slug / "report.html"]["text"]
        shown = [p for p in PAYLOADS if p.strip() in text]
        assert len(shown) >= len(MARKUP) + 3, (slug, shown)  # formula-like text is shown too
        # each unit page names its hostile unit as text
        for page in sorted((out / slug / "units").glob("*.html")):
            h1 = re.search(r"<h1>(.*?)</h1>", browsed[page]["source"], re.S).group(1)
            assert html.unescape(h1).strip() in browsed[page]["text"], page.name
            assert any(p.strip() in html.unescape(h1) for p in PAYLOADS), (page.name, h1)


@pytest.mark.slow
def test_svg_figures_carry_no_script_or_handler(hostile_run):
    """An SVG opened on its own runs script: client text must be text nodes, never elements or attributes."""
    import xml.etree.ElementTree as ET

    out = hostile_run / "out"
    svgs = [p for slug in SLUGS for p in (out / slug / "figures").glob("*.svg")]
    assert svgs
    bad, payload_seen = [], False
    for p in svgs:
        root = ET.fromstring(p.read_bytes())
        for el in root.iter():
            tag = el.tag.rsplit("}", 1)[-1].lower()
            if tag in ("script", "foreignobject", "iframe", "img", "a"):
                bad.append(f"{p.name}: <{tag}>")
            if tag == "svg" and el is not root:
                bad.append(f"{p.name}: nested <svg> {el.attrib}")
            for name, value in el.attrib.items():
                local = name.rsplit("}", 1)[-1].lower()
                if local.startswith("on") or re.match(r"\s*javascript:", value, re.I):
                    bad.append(f"{p.name}: {local}={value!r}")
            payload_seen = payload_seen or "__pwned" in (el.text or "")
    assert not bad, "\n".join(bad[:20])
    assert payload_seen, "no chart shows client text as SVG text: the check proves nothing"


# =========================================================================== workbooks
def _workbooks(out: Path) -> list[Path]:
    books = [out / slug / "results.xlsx" for slug in SLUGS] + [out / "portfolio.xlsx"]
    assert all(p.is_file() for p in books), books
    return books


@pytest.mark.slow
def test_formula_like_text_is_stored_as_text_in_every_workbook(hostile_run):
    out = hostile_run / "out"
    bad, formula_like = [], 0
    for book in _workbooks(out):
        wb = openpyxl.load_workbook(book)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    v = cell.value
                    if cell.data_type == "f" and re.search(r"HYPERLINK|cmd|SUM\(|__pwned", str(v), re.I):
                        bad.append(f"{book.name}!{ws.title}!{cell.coordinate}: formula {v!r}")
                    elif isinstance(v, str) and v.startswith(FORMULA_START):
                        formula_like += 1
                        if cell.data_type != "s":
                            bad.append(f"{book.name}!{ws.title}!{cell.coordinate}: {v!r} stored as {cell.data_type!r}")
        with zipfile.ZipFile(book) as z:
            for name in z.namelist():
                if name.endswith(".xml"):
                    for f in re.findall(r"<(?:\w+:)?f\b[^>]*>(.*?)</(?:\w+:)?f>", z.read(name).decode("utf-8"), re.S):
                        if re.search(r"HYPERLINK|cmd|SUM\(|evil", html.unescape(f), re.I):
                            bad.append(f"{book.name}/{name}: formula {f!r}")
                    if name.endswith(".rels") or "hyperlink" in name:
                        assert "evil.example" not in z.read(name).decode("utf-8"), (book.name, name)
    assert not bad, "\n".join(bad[:40])
    assert formula_like >= 10, f"only {formula_like} formula-like cells: the check proves little"


@pytest.mark.slow
def test_formula_like_text_is_also_quote_prefixed(hostile_run):
    """svcwork.workbook.set_text marks text that starts like a formula with a quote prefix, so editing
    the cell in Excel (F2, Enter) does not turn it into a live formula either."""
    out = hostile_run / "out"
    bad = []
    for book in _workbooks(out):
        wb = openpyxl.load_workbook(book)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START) and not cell.quotePrefix:
                        bad.append(f"{book.name}!{ws.title}!{cell.coordinate}: {cell.value!r}")
    assert not bad, "\n".join(bad[:40])


# =========================================================================== slides
@pytest.mark.slow
@pytest.mark.parametrize("slug", list(SLUGS))
def test_slides_hold_the_payloads_as_plain_text_and_no_hyperlink(hostile_run, slug):
    from pptx import Presentation

    path = hostile_run / "out" / slug / "slides.pptx"
    lang = SLUGS[slug]
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name).decode("utf-8", errors="replace")
            if name.endswith(".xml"):
                assert not re.search(r"hlinkClick|hlinkHover|hlinkMouseOver", data), name
            if name.endswith(".rels"):
                assert "/hyperlink" not in data and 'TargetMode="External"' not in data, name
    prs = Presentation(str(path))
    titles = [s.shapes.title.text_frame.text for s in prs.slides if s.shapes.title is not None]
    assert titles, "no slide has a title"
    org = ORGANIZATION[lang].strip()
    assert any(org in title for title in titles), (org, titles[:3])
    every = "\n".join(sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame)
    for payload in MARKUP:
        assert payload in every, payload
    for s in prs.slides:
        for sh in s.shapes:
            if sh.has_text_frame:
                for para in sh.text_frame.paragraphs:
                    for run in para.runs:
                        assert run.hyperlink.address is None, (run.text, run.hyperlink.address)


# =========================================================================== notebooks
@pytest.mark.slow
def test_executed_notebooks_show_the_payloads_escaped(hostile_run):
    out = hostile_run / "out"
    escaped = html.escape(SCRIPT, quote=False)
    found, bad = 0, []
    for slug in SLUGS:
        notebooks = sorted((out / slug / "notebooks").glob("*.ipynb"))
        assert notebooks, slug
        for nb_path in notebooks:
            nb = json.loads(nb_path.read_text(encoding="utf-8"))
            for i, cell in enumerate(nb.get("cells", [])):
                for output in cell.get("outputs", []):
                    data = output.get("data", {})
                    for mime, value in data.items():
                        text = "".join(value) if isinstance(value, list) else str(value)
                        where = f"{slug}/{nb_path.name} cell {i} {mime}"
                        if mime in ("text/html", "image/svg+xml"):
                            for raw in (SCRIPT, IMG, "<svg onload", 'onerror="window'):
                                if raw in text:
                                    bad.append(f"{where}: raw {raw!r}")
                            found += escaped in text
                        elif mime in ("text/markdown", "application/javascript", "text/javascript"):
                            if "__pwned" in text or "javascript:" in text:
                                bad.append(f"{where}: client text in {mime}")
    assert not bad, "\n".join(bad[:20])
    assert found, "no text/html output shows the escaped payload: the check proves nothing"


# =========================================================================== the consultant's Markdown
@pytest.mark.slow
def test_the_commentary_markdown_is_harmless_in_every_output(hostile_run, browsed):
    """commentary.md's payloads show as text in report.html (where the browser runs nothing), and
    report.docx and slides carry no link but http(s)/mailto and no field from them."""
    out = hostile_run / "out"
    for slug, lang in SLUGS.items():
        page = browsed[out / slug / "report.html"]
        assert "<aside class='commentary'" in page["source"]
        assert "raw block" in page["text"]  # the raw HTML block is shown as text
        assert not re.search(r"href=[\"'](?!https?:|mailto:|#)", page["source"]), slug
        assert "evil.example/p.png" not in " ".join(re.findall(r"src=[\"']([^\"']+)", page["source"]))
        with zipfile.ZipFile(out / slug / "report.docx") as z:
            document = z.read("word/document.xml").decode("utf-8")
            rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
        # every outside target is a hyperlink with a safe scheme: a picture from outside is at most a link
        # to it, never embedded or fetched; javascript: and data: links are text
        external = re.findall(r'Type="[^"]*/(\w+)" Target="([^"]*)" TargetMode="External"', rels)
        assert all(kind == "hyperlink" and re.match(r"(https?|mailto):", target) for kind, target in external), external
        assert "MERGEFIELD x" in document and not re.search(r"instrText[^>]*>[^<]*MERGEFIELD", document)
        assert "raw block" in document and "<script>" not in document  # escaped as text: &lt;script&gt;
        summary = json.loads((out / slug / "summary.json").read_text(encoding="utf-8"))
        assert summary["commentary"]["unknown"] == [SCRIPT]  # an unknown heading is named, not dropped
