"""``report.pdf``: the self-contained ``report.html`` printed to A4 by headless Chromium.

The PDF is printed by Debian's Chromium (the browser the report is also checked in), driven
through Playwright's Python package with the browser given by path, so nothing is downloaded.
Chromium was measured against WeasyPrint on a report with 16 embedded charts
(``benchmarks/bench_pdf.py``): per report they are within a factor of 1.5 (Chromium ahead),
and Chromium is the engine the report is already checked in, so the PDF has the screen's
layout, Hebrew bidi and shaping, and a tagged (accessible) structure.

Every page is A4 with a footer holding the client's name and "Page N of M" ("עמוד N מתוך M",
from the message catalogue); the name is client text, so it is HTML-escaped (never markup),
and the footer is laid out right-to-left for Hebrew.
Charts are never split across pages (``report.css``: ``break-inside: avoid`` on figures,
and no chart taller than a page).  Printing is sealed off: JavaScript disabled, no network,
a fresh temporary browser profile per renderer and a fresh browser context per client's pages
(printed two tabs at a time, :data:`TABS`).
The file is written atomically (temporary file in the same folder, then renamed) and its
bytes do not depend on the time of printing (see :func:`_reproducible`).  The PDF is tagged
(structure for screen readers), and has bookmarks from the report's headings in both languages:
Chromium writes one per printed heading, pointing to it, and each is titled afterwards (pikepdf) with
its heading's text in logical order — Chromium titles them from the laid-out lines, which can
reverse the words of a Hebrew title and drops the space where a heading wraps
(:func:`outline_titled`).  Each picture's alternative is the PDF's own (``data-pdf-alt``: its data
table is in the appendix, not under the figure), and the footer, which Chromium draws outside the
tagged content, is marked as a pagination artifact (:func:`untagged_as_artifacts`, PDF/UA-1 7.1).

Use one :class:`PdfRenderer` for many reports (starting Chromium costs ~0.5 s)::

    with PdfRenderer() as pdf:
        for out in outputs:
            pdf.render(out / "report.html", out / "report.pdf", footer=organization, lang="he")
"""

from __future__ import annotations

import contextlib
import html
import io
import os
import re
import shutil
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Callable, Sequence

if TYPE_CHECKING:
    from concurrent.futures import Future

from .errors import SvcworkError
from .paths import atomic_write_bytes

__all__ = ["PdfError", "ChromiumMissingError", "KeptPdfRenderer", "CHROMIUM_ARGS", "PAGE_MARGINS", "FIXED_PDF_DATE", "TABS",
           "chromium_path", "footer_template", "outline_titled", "untagged_as_artifacts", "PdfRenderer",
           "render_pdf"]

#: Flags for Chromium running headless as root in a container without network.
CHROMIUM_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)

#: Page margins (the footer is drawn inside the bottom margin).
PAGE_MARGINS: dict[str, str] = {"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"}

#: Creation/modification date written into every PDF (reproducible bytes); ``D:`` digits.
FIXED_PDF_DATE = b"20260101000000"

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) ?\(D:)(\d{14})")
_NODE_ID = re.compile(rb"\(node(\d{8})\)")
_MISSING = "PDF needs Chromium: apt-get install chromium, or set SVCWORK_CHROMIUM"


class PdfError(SvcworkError):
    """The PDF could not be made (browser missing, failed to start, or failed to print)."""

    code = "pdf"


class ChromiumMissingError(PdfError):
    """No Chromium (or Playwright) is installed where svcwork looks for it."""

    code = "chromium_missing"


def chromium_path() -> str | None:
    """The Chromium executable to print with, or ``None`` when there is none.

    ``SVCWORK_CHROMIUM`` when set (and executable), else ``/usr/bin/chromium``, else the first
    of ``chromium``, ``chromium-browser``, ``google-chrome`` on ``PATH``.
    """
    env = os.environ.get("SVCWORK_CHROMIUM")
    if env:
        found = shutil.which(env)
        return found
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def footer_template(footer: str, *, lang: str) -> str:
    """Chromium's footer template: *footer* (escaped client text) and "Page N of M" in *lang*.

    The page label comes from the message catalogue (``report.page_of``: "Page N of M",
    "עמוד N מתוך M"); Chromium fills the elements of class ``pageNumber`` and ``totalPages``.
    The footer has no access to the page's CSS, so it is styled inline (and needs an explicit
    font size).
    """
    from .i18n import t

    rtl = lang == "he"
    text = html.escape(" ".join(str(footer).split()), quote=True)
    # the catalogue text is escaped, then its two placeholders become Chromium's page-number elements
    label = html.escape(t("report.page_of", lang, page="\x00page\x00", pages="\x00pages\x00"), quote=True)
    label = (label.replace("\x00pages\x00", "<span class='totalPages'></span>")
             .replace("\x00page\x00", "<span class='pageNumber'></span>"))
    return (
        f"<div dir='{'rtl' if rtl else 'ltr'}' lang='{html.escape(lang, quote=True)}' style=\""
        "box-sizing:border-box;width:100%;padding:0 15mm;display:flex;justify-content:space-between;"
        "align-items:baseline;gap:8mm;font-family:'Noto Sans Hebrew','DejaVu Sans',Arial,sans-serif;"
        "font-size:8pt;color:#6a737d;\">"
        "<span style='overflow:hidden;white-space:nowrap;text-overflow:ellipsis;min-width:0;'>"
        f"{text}</span>"
        f"<span style='white-space:nowrap;unicode-bidi:isolate;'>{label}</span></div>"
    )


def _reproducible(data: bytes) -> bytes:
    """The PDF with what varies between two printings of the same report made constant.

    That is the creation and modification dates (set to :data:`FIXED_PDF_DATE`) and the
    structure-element IDs of the tagged PDF, which carry Chromium's DOM node counter: they are
    renumbered 1, 2, … in their original order (so the sorted ID name tree stays sorted).
    Every replacement has the original's length, so the cross-reference offsets stay valid.
    """
    data = _PDF_DATE.sub(lambda m: m.group(1) + FIXED_PDF_DATE, data)
    ids = sorted(set(_NODE_ID.findall(data)))
    if ids:
        rank = {old: b"%08d" % (i + 1) for i, old in enumerate(ids)}
        data = _NODE_ID.sub(lambda m: b"(node" + rank[m.group(1)] + b")", data)
    return data


#: Run in the page before printing (print media): each picture takes the PDF's alternative
#: (``data-pdf-alt``, svcwork.report.pieces) and the text of every printed heading is returned, in
#: document order — the order of Chromium's bookmarks.
_PREPARE = """() => {
  for (const img of document.querySelectorAll('img[data-pdf-alt]')) img.alt = img.dataset.pdfAlt;
  return Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
    .filter((h) => h.getClientRects().length > 0)
    .map((h) => h.innerText.replace(/\\s+/g, ' ').trim());
}"""

_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
_MIRRORED = str.maketrans(")]}>", "([{<")


def _title_key(text: str) -> str:
    """What a heading and its bookmark share whatever the order Chromium drew it in: its characters,
    sorted, without spaces and direction marks (a mirrored bracket as its pair)."""
    return "".join(sorted(ch for ch in str(text).translate(_BIDI_CONTROLS).translate(_MIRRORED) if not ch.isspace()))


def _rewritten(data: bytes, *steps: Callable[[Any], bool]) -> bytes:
    """The PDF *data* after *steps* (each changes the open pikepdf document and says whether it did);
    unchanged bytes when none did, else saved with bytes that depend only on the content."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        changed = [step(pdf) for step in steps]
        if not any(changed):
            return data
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


def _retitle(pdf: Any, headings: Sequence[str]) -> bool:
    """Title each bookmark of *pdf* by its heading's text (see :func:`outline_titled`); True if any changed."""
    changed = False
    with pdf.open_outline() as outline:
        items, stack = [], list(reversed(outline.root))
        while stack:  # depth first, in the bookmarks' order
            item = stack.pop()
            items.append(item)
            stack.extend(reversed(item.children))
        keys = [_title_key(h) for h in headings]
        nxt = 0
        for item in items:
            key = _title_key(item.title or "")
            found = next((j for j in range(nxt, len(keys)) if keys[j] == key), None)
            if found is None:
                continue
            nxt = found + 1
            if item.title != headings[found]:
                item.title = headings[found]
                changed = True
    return changed


def outline_titled(data: bytes, headings: Sequence[str]) -> bytes:
    """The PDF *data* with each bookmark titled by the text of its heading (*headings*: the printed
    headings' texts in logical and document order).

    Chromium's bookmarks follow the printed headings in document order and point to each, but are
    titled from the laid-out lines: a Hebrew title can come out in visual order (its words reversed)
    and a heading wrapped over two lines loses the space at the break.  Each bookmark, in order, is
    matched to the next heading with the same characters (:func:`_title_key`) and takes its text; a
    bookmark matching none keeps its title.  The file is unchanged when every title is already right.
    """
    return _rewritten(data, lambda pdf: _retitle(pdf, headings))


_TEXT_SHOWN = frozenset({"Tj", "TJ", "'", '"'})


_ARTIFACT_BEGIN = b"/Artifact <</Type /Pagination>> BDC"


_MARKS = frozenset({b"BDC", b"BMC", b"EMC", b"BT", b"ET"})


def _loose_text(ops: Sequence[tuple[str, bool]]) -> list[tuple[int, int]]:
    """The text objects drawn outside the tagged content, as (first, last) instruction: *ops* are the
    page's instructions as (operator, marks) — *marks* for ``BDC``/``BMC``: the sequence is tagged
    content (a marked-content id) or an artifact — each ``BT … ET`` in no such sequence that shows
    text, with the sequences begun inside it (Chromium: "BT /ReversedChars BMC … ET EMC")."""
    loose: list[tuple[int, int]] = []
    stack: list[bool] = []  # the open marked-content sequences: True for content that is tagged or an artifact
    start: int | None = None  # the BT of a text object outside tagged content
    depth = 0  # the sequences open at its BT
    text = inner = ended = False
    for i, (op, marks) in enumerate(ops):
        if op in ("BDC", "BMC"):
            stack.append(marks)
            inner = inner or marks
        elif op == "EMC":
            if stack:
                stack.pop()
            if start is not None and ended and len(stack) == depth:  # a sequence begun in the object ends
                loose.append((start, i))
                start = None
        elif op == "BT":
            start, depth, text, inner, ended = (None if any(stack) else i), len(stack), False, False, False
        elif op == "ET" and start is not None:
            if not text or inner:
                start = None
            elif len(stack) == depth:
                loose.append((start, i))
                start = None
            else:
                ended = True
        elif op in _TEXT_SHOWN:
            text = True
        elif ended and start is not None:  # anything else before its sequences end: left as it is
            start = None
    return loose


def _line_ops(content: bytes) -> tuple[list[bytes], list[tuple[str, bool]]] | None:
    """A Chromium page's content stream read line by line — Skia writes each marked-content and text-object
    operator on a line of its own, and text as hex strings (a literal string only in a property list,
    "/Span <</ActualText (\\)) >> BDC") — as its lines and their (operator, marks) (:func:`_loose_text`);
    None for a stream not written so (a literal string elsewhere, two such operators on a line), which
    is then parsed instruction by instruction."""
    lines = content.split(b"\n")
    ops: list[tuple[str, bool]] = []
    for line in lines:
        words = line.split()
        if not words:
            ops.append(("", False))
            continue
        op = words[-1]
        if b"(" in line and not op.endswith(b"BDC"):  # a literal string outside a property list
            return None
        if _MARKS.intersection(words[:-1]) or (op.endswith(b"BDC") and op != b"BDC" and not op.endswith(b">>BDC")):
            return None
        if op.endswith(b"BDC"):  # "/NonStruct <</MCID 3 >>BDC", "/Artifact <</Type /Pagination>> BDC"
            ops.append(("BDC", line.lstrip().startswith(b"/Artifact") or b"<<" not in line or b"/MCID" in line))
        elif op == b"BMC":
            ops.append(("BMC", line.lstrip().startswith(b"/Artifact")))
        else:
            ops.append((op.decode("latin-1"), False))
    return lines, ops


def _page_content(page: Any) -> bytes:
    contents = page.obj.get("/Contents")
    if contents is None:
        return b""
    # the parts of an array of streams are one stream: a line break keeps the last token of one apart
    # from the first of the next (PDF 32000-1 §7.8.2)
    return contents.read_bytes() if hasattr(contents, "read_bytes") else b"\n".join(c.read_bytes() for c in contents)


def _wrapped(items: Sequence[Any], spans: Sequence[tuple[int, int]], begin: Any, end: Any) -> list[Any]:
    """*items* (a content stream's lines or instructions) with *begin* before and *end* after each
    (first, last) span."""
    starts, ends = {b for b, _ in spans}, {e for _, e in spans}
    out: list[Any] = []
    for i, item in enumerate(items):
        if i in starts:
            out.append(begin)
        out.append(item)
        if i in ends:
            out.append(end)
    return out


def _mark_artifacts(pdf: Any) -> bool:
    """Mark as pagination artifacts the text Chromium draws outside the tagged content (the page's
    footer, from its header/footer template: :func:`_loose_text`); True if any page changed.  Every
    other instruction is left as it is.  A stream as Chromium writes it is read line by line
    (:func:`_line_ops`: a 70-page report in a tenth of the time of parsing every instruction);
    another is parsed by pikepdf."""
    import pikepdf

    changed = False
    for page in pdf.pages:
        content = _page_content(page)
        by_line = _line_ops(content)
        if by_line is not None:
            lines, ops = by_line
            loose = _loose_text(ops)
            if not loose:
                continue
            page.Contents = pdf.make_stream(b"\n".join(_wrapped(lines, loose, _ARTIFACT_BEGIN, b"EMC")))
            changed = True
            continue
        instructions = list(pikepdf.parse_content_stream(page))

        def marks(inst: Any) -> bool:
            op = str(inst.operator)
            props = inst.operands[1] if op == "BDC" and len(inst.operands) > 1 else None
            return inst.operands[0] == pikepdf.Name.Artifact or (
                op == "BDC" and not (isinstance(props, pikepdf.Dictionary) and "/MCID" not in props))

        loose = _loose_text([(str(inst.operator), str(inst.operator) in ("BDC", "BMC") and marks(inst))
                             for inst in instructions])
        if not loose:
            continue
        begin = pikepdf.ContentStreamInstruction(
            [pikepdf.Name.Artifact, pikepdf.Dictionary(Type=pikepdf.Name.Pagination)], pikepdf.Operator("BDC"))
        end = pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC"))
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(_wrapped(instructions, loose, begin, end)))
        changed = True
    return changed


def untagged_as_artifacts(data: bytes) -> bytes:
    """The PDF *data* with the text drawn outside its tagged content (Chromium's footer: the client's
    name and "Page N of M") marked ``/Artifact`` (PDF/UA-1 7.1: content is either tagged or an
    artifact); the file is unchanged when there is none."""
    return _rewritten(data, _mark_artifacts)


#: Tabs printing one client's pages side by side: a short page (a unit pack) costs Chromium more in
#: round trips than in work, so a second tab prints while the first waits.  Measured on the 2-core
#: reference machine (2026-12-07, the largest demo client): the report and its 16 unit pages 3.7 s in
#: two tabs against 4.5 s in one (3 tabs: 3.9 s); a cold ``svcwork run`` 18.3 s against 18.7 s.
TABS = 2


class PdfRenderer:
    """One headless Chromium printing any number of reports to PDF.

    A context manager: the browser starts on ``__enter__`` and stops on ``__exit__``.
    Not thread-safe (one renderer per worker process or thread).  It drives Chromium through
    Playwright's asyncio API on an event loop of its own, run for each call, so it cannot be
    called from inside a running event loop (a Jupyter kernel cell): :class:`KeptPdfRenderer`
    gives it a thread of its own.
    """

    def __init__(self, *, executable: str | None = None, timeout_s: float = 120.0, tabs: int = TABS) -> None:
        self.executable = executable or chromium_path()
        self.timeout_ms = timeout_s * 1000.0
        self.tabs = max(1, int(tabs))
        self._loop: Any = None
        self._playwright: Any = None
        self._browser: Any = None

    # ------------------------------------------------------------------ lifecycle
    def __enter__(self) -> "PdfRenderer":
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _run(self, coro):  # noqa: ANN001, ANN202
        import asyncio

        try:
            asyncio.get_running_loop()
        except RuntimeError:
            pass
        else:
            coro.close()
            raise RuntimeError("PdfRenderer cannot print inside a running event loop (a notebook cell): "
                               "use KeptPdfRenderer, which prints in a thread of its own")
        if self._loop is None or self._loop.is_closed():
            self._loop = asyncio.new_event_loop()
        return self._loop.run_until_complete(coro)

    def start(self) -> None:
        """Start Playwright and Chromium (done by ``with``)."""
        if self._browser is not None:
            return
        if self.executable is None or not os.access(self.executable, os.X_OK):
            raise ChromiumMissingError(_MISSING if self.executable is None
                                       else f"{_MISSING} (not executable: {self.executable})")
        try:
            from playwright.async_api import async_playwright
        except ImportError:
            raise ChromiumMissingError("PDF needs the Python package playwright: pip install playwright "
                                       "(never 'playwright install'; svcwork uses the system Chromium)") from None

        async def start() -> None:
            self._playwright = await async_playwright().start()
            await self._launch()

        try:
            self._run(start())
        except PdfError:
            self.close()
            raise
        except Exception as exc:  # noqa: BLE001 - Playwright raises its own Error types
            self.close()
            raise PdfError(f"Chromium at {self.executable} could not start: {_first_line(exc)}") from None

    async def _launch(self) -> None:
        # Playwright gives every launch a fresh temporary profile (--user-data-dir) and adds --headless.
        self._browser = await self._playwright.chromium.launch(executable_path=self.executable,
                                                               args=list(CHROMIUM_ARGS), headless=True,
                                                               timeout=self.timeout_ms)

    def close(self) -> None:
        """Stop Chromium and Playwright (idempotent)."""
        browser, playwright, loop = self._browser, self._playwright, self._loop
        self._browser = self._playwright = self._loop = None
        if loop is None or loop.is_closed():
            return

        async def stop() -> None:
            for owner, step in ((browser, "close"), (playwright, "stop")):
                if owner is not None:
                    with contextlib.suppress(Exception):  # already gone
                        await getattr(owner, step)()

        try:
            loop.run_until_complete(stop())
        finally:
            loop.close()

    # ------------------------------------------------------------------ printing
    def pdf_bytes(self, html_path: str | os.PathLike, *, footer: str, lang: str) -> bytes:
        """The report at *html_path* printed to PDF bytes (A4, footer, backgrounds, bookmarks)."""
        return self._printed([Path(html_path)], footer=footer, lang=lang, write=False)[0]

    def render(self, html_path: str | os.PathLike, pdf_path: str | os.PathLike, *, footer: str, lang: str) -> Path:
        """Print *html_path* to *pdf_path* (atomically); returns *pdf_path*.

        ``footer`` is the client's name (plain text, escaped here); ``lang`` ``"he"`` lays the
        footer out right to left.
        """
        return atomic_write_bytes(pdf_path, self.pdf_bytes(html_path, footer=footer, lang=lang))

    def render_all(self, pages: Sequence[tuple[str | os.PathLike, str | os.PathLike]], *, footer: str,
                   lang: str) -> list[Path]:
        """Print each ``(html_path, pdf_path)`` of one client, as :meth:`render` does, in one browser
        context (a context per page costs more than printing a short page), :attr:`tabs` pages at a
        time; the first page given starts first (the report: the longest)."""
        return self._printed([Path(h) for h, _ in pages], footer=footer, lang=lang, write=True,
                             targets=[Path(p) for _, p in pages])

    def _printed(self, sources: Sequence[Path], *, footer: str, lang: str, write: bool,
                 targets: Sequence[Path] = ()) -> list:
        for source in sources:
            if not source.is_file():
                raise PdfError(f"expected a report.html to print, found nothing at {source}")
        if self._browser is None:
            self.start()
        return self._run(self._print_all(sources, footer=footer, lang=lang, write=write, targets=targets))

    async def _print_all(self, sources: Sequence[Path], *, footer: str, lang: str, write: bool,
                         targets: Sequence[Path]) -> list:
        import asyncio

        if not self._browser.is_connected():  # Chromium died (e.g. killed): start it again, once
            await self._launch()
        out: list = [None] * len(sources)
        failures: dict[int, BaseException] = {}
        queue = list(range(len(sources)))
        context = await self._browser.new_context(java_script_enabled=False, offline=True, service_workers="block",
                                                  locale="he-IL" if lang == "he" else "en-GB")

        async def tab() -> None:
            page = await context.new_page()
            while queue and not failures:
                i = queue.pop(0)
                try:
                    await page.goto(sources[i].resolve().as_uri(), wait_until="load")
                    await page.emulate_media(media="print")
                    headings = await page.evaluate(_PREPARE)  # the page's own scripts stay off
                    printed = _reproducible(await page.pdf(
                        format="A4", print_background=True, display_header_footer=True,
                        header_template="<span></span>", footer_template=footer_template(footer, lang=lang),
                        margin=PAGE_MARGINS, prefer_css_page_size=False, tagged=True, outline=True))
                    # bookmarks titled by their headings; the footer an artifact (one pass of pikepdf)
                    data = _rewritten(printed, lambda pdf: _retitle(pdf, headings), _mark_artifacts)
                    out[i] = atomic_write_bytes(targets[i], data) if write else data
                except Exception as exc:  # noqa: BLE001 - raised below, for the first page that failed
                    failures[i] = exc

        try:
            context.set_default_timeout(self.timeout_ms)
            await context.route(re.compile(r"^(?!file:|data:)"), lambda route: route.abort())  # never any network
            await asyncio.gather(*(tab() for _ in range(min(self.tabs, len(sources)))))
        except Exception as exc:  # noqa: BLE001
            failures.setdefault(-1, exc)
        finally:
            try:
                await context.close()
            except Exception:  # noqa: BLE001
                pass
        if failures:
            first = min(failures)
            name = sources[first].name if first >= 0 else (sources[0].name if sources else "")
            raise PdfError(f"printing {name} to PDF failed: {_first_line(failures[first])}") from None
        return out


class KeptPdfRenderer:
    """A :class:`PdfRenderer` kept between clients in a thread of its own.

    A worker's warm kernel (:class:`svcwork.kernels.WarmKernel`) runs its own event loop in the
    worker's thread, and the PDFs print while that thread writes the office files: so a Chromium
    kept for the next client lives in its own thread, and each call is handed to it.  The
    same methods as :class:`PdfRenderer` (``start``, ``render``, ``close``; a context manager).
    """

    def __init__(self, **options: Any) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="svcwork-pdf")
        self._renderer = self._thread.submit(PdfRenderer, **options).result()

    def __enter__(self) -> "KeptPdfRenderer":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        self.start_soon().result()

    def start_soon(self) -> "Future[None]":
        """Start Chromium in the renderer's thread and return at once (e.g. while the notebooks run)."""
        return self._thread.submit(self._renderer.start)

    def render(self, html_path: str | os.PathLike, pdf_path: str | os.PathLike, *, footer: str, lang: str) -> Path:
        return self.render_all_soon([(html_path, pdf_path)], footer=footer, lang=lang).result()[0]

    def render_all_soon(self, pages: Sequence[tuple[str | os.PathLike, str | os.PathLike]], *, footer: str,
                        lang: str) -> "Future[list[Path]]":
        """:meth:`PdfRenderer.render_all` in the renderer's thread, returning at once: the pages print
        while the caller writes its other files; the future's result is the PDF paths or the
        :class:`PdfError`."""
        return self._thread.submit(self._renderer.render_all, list(pages), footer=footer, lang=lang)

    def close(self) -> None:
        """Stop Chromium and the thread (idempotent)."""
        try:
            self._thread.submit(self._renderer.close).result()
        except RuntimeError:  # the thread was shut down already
            return
        self._thread.shutdown(wait=True)


def render_pdf(html_path: str | os.PathLike, pdf_path: str | os.PathLike, *, footer: str, lang: str) -> Path:
    """Print one report (starts and stops its own Chromium; use :class:`PdfRenderer` for many)."""
    with PdfRenderer() as renderer:
        return renderer.render(html_path, pdf_path, footer=footer, lang=lang)


def _first_line(exc: BaseException, limit: int = 300) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:limit]
