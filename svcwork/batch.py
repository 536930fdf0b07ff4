"""Running clients: one (``svcwork run``) or a whole folder of them (``svcwork batch``).

A client run validates the intake, executes every notebook with papermill (parameters
checked first with :func:`papermill.inspect_notebook`), and assembles the report.  Everything
is built in a temporary folder and swapped into ``OUT/<slug>/`` only when complete, so a run
that fails or is killed leaves the previous report intact.  A batch goes on past a failing
client and lists the failures at the end; a client whose inputs, notebooks and svcwork
version did not change is skipped unless ``force`` is given.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import json
import os
import shutil
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from glob import escape as glob_escape
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from . import __version__
from .errors import ERROR, HEBREW, WARNING, InputFileError, IntakeError, NotebookError, Problem, SvcworkError, UsageError
from .i18n import t, user_language
from .paths import (SPREADSHEET_SUFFIXES, STALE_BUILD, absolute, atomic_dir, atomic_write_text, client_slug,
                    intake_candidates, private_dir, sweep_stale_builds, templates_dir)
from .rerun import _STAMP, _client_unchanged, _holds_data, _unchanged, consultant_files, run_fingerprint, run_options

if TYPE_CHECKING:  # pragma: no cover
    from .intake import Validation

__all__ = ["NOTEBOOK_PARAMETERS", "ClientResult", "BatchResult", "WarmKernel", "KernelPool", "run_client", "run_batch", "find_clients",
           "check_notebook_parameters", "refresh_notebooks", "run_fingerprint", "validate_client", "folder_problems"]

@dataclass(frozen=True)
class ClientResult:
    """What happened to one client."""

    client: Path
    slug: str
    status: str  # "ok", "skipped", "failed"
    seconds: float = 0.0
    output: Path | None = None
    error: str | None = None
    code: str | None = None
    notebook: str | None = None
    cell: int | None = None
    problems: tuple[Problem, ...] = ()
    summary: dict = field(default_factory=dict)
    note: str | None = None
    #: Where the client's folder and its report are, as shown to the user when they are not the local
    #: *client* and *output* (a URL without credentials, :func:`svcwork.storage.redact`).
    source: str | None = None
    location: str | None = None
    #: What the run says of the client folder's own files though it succeeded (:func:`folder_problems`:
    #: another ``intake.*`` beside the one read, a commentary that cannot be read …).
    warnings: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    def describe(self, lang: str | None = None) -> str:
        """The client's line (and its problems) for the command line; its own words in *lang* (default: the
        user's, :func:`svcwork.i18n.user_language`)."""
        lang = lang or user_language()
        if self.status == "failed":
            lines = [f"✗ {self.slug}: {self.error}"]
            for p in [p for p in self.problems if p.is_error and p.message != self.error][:20]:
                lines.append(f"    [{p.code}] {p.location()}: {p.message}")
            return "\n".join(lines)
        word = t("cli.batch.skipped", lang) if self.status == "skipped" else t("cli.seconds", lang,
                                                                               seconds=f"{self.seconds:.1f}")
        note = f"\n    {self.note}" if self.note else ""
        where = f"{self.location}/report.html" if self.location else self.output / "report.html" if self.output else ""
        lines = [f"✓ {self.slug}: {where} ({word}){note}"]
        for p in self.warnings:
            lang = "he" if HEBREW.search(p.message) else "en"
            lines.append(f"    {t('severity.' + p.severity, lang)} [{p.code}] {p.location(lang)}: {p.message}")
        return "\n".join(lines)

    def manifest(self) -> dict:
        return {"client": self.slug, "folder": self.source or str(self.client), "status": self.status,
                "seconds": round(self.seconds, 2), "error": self.error, "code": self.code,
                "notebook": self.notebook, "cell": self.cell, "note": self.note,
                "errors": [p.as_dict() for p in self.problems if p.is_error][:200],
                "warnings": [p.as_dict() for p in self.warnings],
                "report": f"{self.slug}/report.html" if self.status != "failed" or self.output else None}


@dataclass(frozen=True)
class BatchResult:
    """Every client's result, in the order of the client folders."""

    output: Path
    clients: tuple[ClientResult, ...]
    seconds: float
    #: OUT as shown to the user when it is not the local *output* (a URL without credentials).
    location: str | None = None

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.clients)

    @property
    def failed(self) -> tuple[ClientResult, ...]:
        return tuple(c for c in self.clients if not c.ok)

    def describe(self, lang: str | None = None) -> str:
        """Every client's line, then the counts, in *lang* (default: the user's, :func:`svcwork.i18n.user_language`)."""
        lang = lang or user_language()
        lines = [c.describe(lang) for c in self.clients]
        n_ok = sum(c.status == "ok" for c in self.clients)
        n_skip = sum(c.status == "skipped" for c in self.clients)
        index = f"{self.location}/index.html" if self.location else self.output / "index.html"
        lines.append(t("cli.batch.summary", lang, clients=t("cli.count.clients", lang, n=len(self.clients)),
                       done=t("cli.count.done", lang, n=n_ok), unchanged=t("cli.count.unchanged", lang, n=n_skip),
                       failed=t("cli.count.failed", lang, n=len(self.failed)),
                       seconds=t("cli.seconds", lang, seconds=f"{self.seconds:.1f}"), index=index))
        if self.failed:
            lines.append(t("cli.batch.failed", lang, names=", ".join(c.slug for c in self.failed)))
        return "\n".join(lines)


from .kernels import (KERNEL, NOTEBOOK_PARAMETERS, KernelPool, NotebookRun, WarmKernel, _deadline,  # noqa: F401
                      _end_with_batch, _execute, _first_line, _left, _worker_kernel, _worker_pdf, analysis_notebooks,
                      check_notebook_parameters, drop_cell_timing, notebook_kernels)

def _run_in_worker(client: Path, output: Path, force: bool, timeout: float | None, pdf: bool | None = None,
                   started: str | None = None, since: Path | None = None, kernels: int = 1) -> "ClientResult":
    """One client in a worker process, its notebooks in *kernels* warm kernels; *started* (a file) is
    created first, so the batch knows it began."""
    if started:
        Path(started).touch()
    return run_client(client, output, force=force, timeout=timeout, kernel=_worker_kernel(kernels), pdf=pdf,
                      since=since, renderer=_worker_pdf())


def since_for(folder: Path, since: str | os.PathLike | None) -> Path | None:
    """The earlier round of the client in *folder* within a previous batch's OUT folder *since*
    (``<since>/<slug>``, matched by client slug); None when that batch has no report of it."""
    if since is None:
        return None
    found = Path(since) / client_slug(folder)
    return found if (found / "summary.json").is_file() else None


def requested_notebooks(engagement) -> list[Path]:
    """The analysis notebooks of the sections the engagement asks for (its ``sections`` setting;
    every section when it names none)."""
    from .report import SECTIONS

    wanted = set(getattr(engagement.settings, "sections", ()) or (s.key for s in SECTIONS))
    by_name = {s.notebook: s.key for s in SECTIONS}
    return [nb for nb in analysis_notebooks() if by_name.get(nb.name, nb.stem) in wanted or nb.name not in by_name]


class _Printing:
    """report.pdf and the unit packs' PDFs of one run, printed while the office files are written.

    ``pdf=False``: nothing; ``pdf=None``: only when Chromium is here (else :attr:`note` says why).
    Chromium starts at once in the renderer's own thread (:class:`svcwork.pdf.KeptPdfRenderer`;
    the caller's *renderer*, kept between clients, or one for this run), so its start overlaps
    the notebooks; :meth:`begin` hands it the pages as soon as report.html is written and
    :meth:`finish` waits for them.  A PDF that cannot be made raises :class:`~svcwork.pdf.PdfError`
    (``pdf=True`` or ``None``: Chromium is here, so the PDF is asked for; :func:`run_client` decides
    whether the run fails or keeps the earlier report); only a missing Chromium with ``pdf=None``
    becomes the note.
    """

    def __init__(self, *, pdf: bool | None, renderer=None, lang: str = "en") -> None:  # noqa: ANN001 - a KeptPdfRenderer
        from .pdf import KeptPdfRenderer, chromium_path

        self.pdf, self.note, self.reason, self._pending, self._owned = pdf, None, None, [], None
        self.printer = None
        if pdf is False:
            return
        if pdf is None and chromium_path() is None:
            self.reason = t("cli.chromium_missing", lang)
            self.note = t("cli.pdf_not_made", lang, reason=self.reason)
            return
        if renderer is None:
            renderer = self._owned = KeptPdfRenderer()
        self.printer = renderer
        self._pending.append(renderer.start_soon())

    def begin(self, folder: Path, engagement, *, lang: str) -> None:  # noqa: ANN001
        """Queue report.html and the unit pages (``units/*.html``) for printing, next to each."""
        if self.printer is None:
            return
        pages = [folder / "report.html", *sorted((folder / "units").glob("*.html"))]
        self._pending.append(self.printer.render_all_soon([(page, page.with_suffix(".pdf")) for page in pages],
                                                          footer=engagement.settings.organization, lang=lang))

    @property
    def made(self) -> bool:
        """Whether the run prints its PDFs (:meth:`finish` then raises if they could not be made)."""
        return self.printer is not None

    def finish(self) -> str | None:
        """Wait for the pages; the note for the run's result (None when the PDFs were made or not asked);
        raises the first :class:`~svcwork.pdf.PdfError` when they could not be made."""
        from .pdf import PdfError

        pending, self._pending = self._pending, []
        failure = None
        for future in pending:
            try:
                future.result()
            except PdfError as exc:
                failure = failure or exc
        if failure is not None:
            raise failure
        return self.note

    def close(self) -> None:
        pending, self._pending = self._pending, []
        for future in pending:  # a run that failed before finish(): no more pages; the one printing ends
            future.cancel()
        for future in pending:
            with contextlib.suppress(BaseException):
                future.result()
        if self._owned is not None:
            self._owned.close()


def _import_assembly() -> None:
    """Import what :func:`svcwork.report.assemble` writes with (Word, slides, workbook, the comparison
    with the last report and the journeys analysis whose kept result it reads): done beside the notebooks."""
    import importlib

    for name in ("svcwork.report", "svcwork.word", "svcwork.slides", "svcwork.results_book", "svcwork.journeys",
                 "svcwork.since.section"):
        with contextlib.suppress(Exception):  # an import that fails here fails again, in its place
            importlib.import_module(name)


#: Seconds the notebooks of one client may run in all (``--timeout``); ``None`` or 0: no limit.
DEFAULT_TIMEOUT = 1800


# =========================================================================== the client folder's own files
def _looks_like_client(folder: Path) -> bool:
    """*folder* holds an ``intake.*`` file, another spreadsheet (``intake (1).xlsx``, ``טופס קליטה.xlsx``)
    or a companion export (``cases.csv``, ``survey.csv`` …): a client's folder, run or failed by name.
    A batch's own OUT folder (``batch.json``, ``portfolio.xlsx``) inside the clients' folder is not."""
    from .exports.files import discover

    if intake_candidates(folder):
        return True
    if (folder / "batch.json").is_file() or (folder / ".svcwork.lock").exists():
        return False
    if any(p.suffix.casefold() in SPREADSHEET_SUFFIXES for p in _holds_data(folder)):
        return True
    return bool(discover(folder).found)


def _no_intake(folder: Path, lang: str) -> str:
    """Why *folder* cannot be run: it has no intake workbook; names what it holds instead."""
    from .i18n import fmt_list

    names = [p.name for p in _holds_data(folder)]
    if not names:
        return t("cli.no_intake_empty", lang, path=folder)
    shown = names[:8] + ([f"… (+{len(names) - 8})"] if len(names) > 8 else [])
    return t("cli.no_intake", lang, path=folder, found=fmt_list(shown, lang))


#: The codes of :func:`folder_problems`: a run that succeeds still shows them (:attr:`ClientResult.warnings`).
_FOLDER_CODES = ("intake_several", "commentary_unreadable", "commentary_too_large", "commentary_heading")


def folder_problems(client: str | os.PathLike, *, lang: str) -> tuple[Problem, ...]:
    """What svcwork says of a client folder's own files beyond the intake's validation, as warnings in
    *lang*: the ``intake.*`` file read when there are several, and a commentary that cannot be read
    or whose headings name no part of the report (:func:`svcwork.commentary.commentary_problems`)."""
    from .commentary import commentary_problems
    from .i18n import fmt_list
    from .report import SECTIONS

    given = Path(client)
    folder = given if given.is_dir() else given.parent
    found: list[Problem] = []
    candidates = intake_candidates(folder) if given.is_dir() else ()
    if len(candidates) > 1:
        used, others = candidates[0].name, [c.name for c in candidates[1:]]
        found.append(Problem(WARNING, "intake_several", used, None, None, None, fmt_list(others, lang), None,
                             t("cli.intake_chosen", lang, used=used, others=fmt_list(others, lang))))
    # a commentary that cannot be read at all is a warning, as documented (svcwork.commentary.read_commentary)
    found.extend(commentary_problems(folder, lang=lang, sections=[s.key for s in SECTIONS if s.key != "intake"]))
    return tuple(found)


def validate_client(client: str | os.PathLike, *, lang: str | None = None, key: bytes | None = None) -> "Validation":
    """:func:`svcwork.intake.validate`, and :func:`folder_problems` after its problems.

    A folder without any ``intake.*`` file is one error (``no_intake``) naming the workbooks and data
    files it holds (``intake (1).xlsx`` …), in *lang* or the user's language (no engagement says which).
    """
    from dataclasses import replace

    from .intake import Validation, validate

    given = Path(client)
    try:
        _readable_folder(given, lang)
    except InputFileError as exc:
        return Validation(given, (exc.problem,), lang or user_language())
    if given.is_dir() and not intake_candidates(given):
        language = lang or user_language()
        return Validation(given, (Problem(ERROR, "no_intake", "intake.xlsx", None, None, None, None,
                                          t("intake.expected.intake", language), _no_intake(given, language)),),
                          language)
    result = validate(given, lang=lang, key=key)
    extra = folder_problems(given, lang=result.language) if given.exists() else ()
    return replace(result, problems=result.problems + extra) if extra else result


def run_client(client: str | os.PathLike, output: str | os.PathLike, *, force: bool = True,
               timeout: float | None = DEFAULT_TIMEOUT, lang: str | None = None,
               kernel: WarmKernel | KernelPool | None = None,
               pdf: bool | None = None, since: str | os.PathLike | None = None,
               scenario: str | None = None, renderer=None) -> ClientResult:  # noqa: ANN001 - a PdfRenderer
    """Validate one client and write ``OUT/<slug>/`` (report.html, summary.json, results.xlsx, notebooks/, figures/).

    Never raises for a problem with the client's data or a failing notebook: the returned
    :class:`ClientResult` says what failed (with the notebook and cell).  With *kernel*, the
    notebooks run in that warm kernel (a :class:`KernelPool`: side by side); otherwise each runs
    with papermill in a fresh one.

    *timeout* is per client: the client's notebooks together may run that many seconds (each
    cell gets what is left); the cell running when it is over fails the client with code
    ``notebook_timeout``.  A dead kernel is retried once in a fresh kernel (code ``kernel_died``
    after that).

    *pdf*: ``False`` makes no PDF; ``None`` (the default) prints report.pdf when Chromium is here
    (without it, a note says so, unless the earlier report had a PDF: that report is then kept and
    the client fails, code ``pdf_failed``); ``True`` requires it.  A PDF that is asked for and cannot
    be made fails the client (code ``pdf_failed``): an earlier report with its PDF is kept unchanged;
    without one, the new report is written without its PDF and stamped so the next batch runs the
    client again.  Nothing complete is ever replaced by something less.

    *since* (an earlier run's output folder or its summary.json) is the round the report compares
    with ("Since the last report"); without it, an earlier period's report already in ``OUT/<slug>``
    is kept in its ``history/`` and compared with (:mod:`svcwork.since.history`).  A run with
    *since* always runs (the comparison is an input the fingerprint does not cover).  The run's
    per-case record (``round/``, and those of the rounds in ``history/``) is kept out of the report's
    folder, in ``OUT/.rounds/<slug>/`` (:func:`svcwork.since.history.rounds_folder`, private).

    The engagement's cache (pseudonymised data, raw survey comments) lives in a private temporary
    folder outside OUT for the run's duration only.
    """
    start = time.perf_counter()
    # every path made absolute here, once: the kernels change their directory between notebooks
    client, output = absolute(client), absolute(output)
    since = None if since is None else absolute(since)
    slug = client_slug(client)
    out = output / slug
    cache_root: Path | None = None
    try:
        force = force or since is not None
        _sweep_own(output, slug)
        _readable_folder(client, lang)
        if client.is_dir() and not intake_candidates(client):  # e.g. "intake (1).xlsx": named, never skipped
            raise InputFileError(_no_intake(client, lang or user_language()), code="no_intake")
        if not force and _client_unchanged(client, output, pdf=pdf, scenario=scenario):  # its folder's warnings still said
            return ClientResult(client, slug, "skipped", time.perf_counter() - start, output=out,
                                warnings=folder_problems(client, lang=lang or user_language()))
        if kernel is not None:
            kernel.warm()  # a pool's kernels start and import the analyses while the files are validated
        result = validate_client(client)
        warnings = tuple(p for p in result.problems if p.code in _FOLDER_CODES)
        if not result.ok or result.engagement is None:
            return ClientResult(client, slug, "failed", time.perf_counter() - start,
                                error=result.summary(),
                                code=IntakeError.code, problems=result.problems)
        eng = result.engagement
        if scenario is not None:  # a workshop scenario: its changes applied before the notebooks read the cache
            from .workshop.apply import apply_scenario

            eng = apply_scenario(eng, scenario)
        notebooks = requested_notebooks(eng)
        for nb in notebooks:
            check_notebook_parameters(nb)
        options = run_options(client, pdf=pdf, scenario=scenario)
        fingerprint = run_fingerprint(eng.inputs, notebooks, commentary=consultant_files(client), options=options)
        if not force and _unchanged(out, fingerprint, pdf=pdf):
            return ClientResult(client, slug, "skipped", time.perf_counter() - start, output=out, warnings=warnings)
        language = lang or eng.language
        deadline = _deadline(timeout)
        earlier_pdf = (out / "report.pdf").is_file() and (out / "report.html").is_file()
        pdf_failure = None
        from .since import history

        rounds_target = history.rounds_folder(output, slug)
        private_dir(rounds_target.parent)
        # the report's folder is swapped in first, then its private record (a record that does not match
        # its summary is never read: svcwork.since.history)
        with atomic_dir(rounds_target, private=True) as rounds_tmp, atomic_dir(out) as tmp, \
                contextlib.closing(_Printing(pdf=pdf, renderer=renderer, lang=language)) as printing:
            from .intake import save_cache

            if printing.note is not None and earlier_pdf:  # no Chromium now: never replace a report that has a PDF
                raise _PdfFailed(printing.reason, kept=True)
            rounds = history.prepare(out, tmp, current_end=eng.settings.period_end, slug=slug, since=since,
                                     lang=language)
            # the notebooks' cache: raw comments, pseudonymised ids; private, outside OUT, removed below
            cache_root = Path(tempfile.mkdtemp(prefix=f"{_CACHE_PREFIX}{os.getpid()}-"))
            os.symlink(cache_root, tmp / ".cache", target_is_directory=True)
            save_cache(eng, tmp / ".cache")  # the notebooks load it instead of parsing the inputs again
            (tmp / "notebooks").mkdir(parents=True, exist_ok=True)
            params = {"client_dir": str(client.resolve()), "output_dir": ".", "lang": language, "cache_dir": ".cache"}
            runs = [NotebookRun(nb, tmp / "notebooks" / nb.name, params) for nb in notebooks]
            importing = threading.Thread(target=_import_assembly, name="svcwork-import", daemon=True)
            importing.start()  # the writers the assembly needs load while the notebooks run
            if kernel is None:
                for run in runs:
                    _execute(run.notebook, run.target, cwd=tmp, timeout=_left(deadline), limit=timeout,
                             parameters=dict(run.parameters))
            else:  # a warm kernel, or a pool of them running the notebooks side by side
                kernel.run_all(runs, cwd=tmp, deadline=deadline, limit=timeout)
            executed = [run.target for run in runs]
            importing.join()
            from .report import assemble

            # the PDFs print (in Chromium) while the office files are written
            assemble(tmp, eng, lang=language, notebooks=executed, rounds=rounds, cache_dir=tmp / ".cache",
                     on_html=lambda folder: printing.begin(folder, eng, lang=language))
            (tmp / ".cache").unlink()
            shutil.rmtree(cache_root, ignore_errors=True)  # pseudonymised, but holds raw comments: never part of the output
            from .pdf import PdfError

            try:
                pdf_note = printing.finish()
            except PdfError as exc:
                if earlier_pdf or pdf:  # the earlier, complete report stays; the failure is said
                    raise _PdfFailed(exc.message, kept=earlier_pdf,
                                     code="chromium_missing" if exc.code == "chromium_missing" else "pdf_failed") from None
                pdf_failure, pdf_note = exc.message, None  # nothing to lose: written, stamped without its PDF
            summary = json.loads((tmp / "summary.json").read_text(encoding="utf-8"))
            history.withdraw_records(tmp, rounds_tmp)
            atomic_write_text(tmp / _STAMP, json.dumps(
                {"fingerprint": fingerprint, "svcwork_version": __version__,
                 "inputs": [{"role": f.role, "path": str(f.path.resolve())} for f in eng.inputs],
                 "notebooks": [str(nb) for nb in notebooks],
                 "commentary": [str(p.resolve()) for p in consultant_files(client)],
                 "options": options, "made": {"pdf": printing.made and pdf_failure is None,
                                              "svg": options["svg"]}}, indent=1) + "\n")
        if pdf_failure is not None:
            return ClientResult(client, slug, "failed", time.perf_counter() - start, output=out, summary=summary,
                                error=t("cli.pdf_failed_new", language, reason=pdf_failure), code="pdf_failed",
                                warnings=warnings)
        return ClientResult(client, slug, "ok", time.perf_counter() - start, output=out, summary=summary,
                            note=pdf_note, warnings=warnings)
    except _PdfFailed as exc:
        key = "cli.pdf_failed_kept" if exc.kept else "cli.pdf_failed"
        return ClientResult(client, slug, "failed", time.perf_counter() - start, output=out if exc.kept else None,
                            error=t(key, lang or user_language(), reason=exc.reason), code=exc.code)
    except NotebookError as exc:
        return ClientResult(client, slug, "failed", time.perf_counter() - start, error=exc.message, code=exc.code,
                            notebook=exc.notebook, cell=exc.cell)
    except SvcworkError as exc:
        problems = (exc.problem,) if isinstance(getattr(exc, "problem", None), Problem) else ()
        return ClientResult(client, slug, "failed", time.perf_counter() - start, error=exc.message, code=exc.code,
                            problems=problems)
    except OSError as exc:  # a file or folder that cannot be read or written: said where, never "a bug"
        located = _located(exc, client, output, lang or user_language())
        if located is not None:
            return ClientResult(client, slug, "failed", time.perf_counter() - start, error=located.message,
                                code=located.code, problems=(located,))
        return ClientResult(client, slug, "failed", time.perf_counter() - start, code="internal",
                            error=t("remote.error.internal", lang or user_language(),
                                    detail=f"{type(exc).__name__}: {_first_line(str(exc))}"))
    except Exception as exc:  # noqa: BLE001 - one client's crash must never stop the batch
        return ClientResult(client, slug, "failed", time.perf_counter() - start, code="internal",
                            error=t("remote.error.internal", lang or user_language(),
                                    detail=f"{type(exc).__name__}: {_first_line(str(exc))}"))
    finally:
        if cache_root is not None:
            shutil.rmtree(cache_root, ignore_errors=True)


#: The private temporary folders of the notebooks' cache (:func:`run_client`): ``svcwork-cache-<pid>-…``.
_CACHE_PREFIX = "svcwork-cache-"


class _PdfFailed(Exception):
    """A PDF asked for could not be made (*reason*); *kept*: the earlier report, with its PDF, stays;
    *code*: the client's failure code (``chromium_missing`` when there is no browser, else ``pdf_failed``)."""

    def __init__(self, reason: str, *, kept: bool, code: str = "pdf_failed") -> None:
        super().__init__(reason)
        self.reason, self.kept, self.code = reason, kept, code


def _sweep_private_caches() -> None:
    """Remove the notebooks' caches that runs killed outright (SIGKILL) left in the temporary folder:
    only svcwork's (``svcwork-cache-<pid>-…``) of a process that no longer exists."""
    import re

    with contextlib.suppress(OSError):
        for entry in os.scandir(tempfile.gettempdir()):
            m = re.fullmatch(re.escape(_CACHE_PREFIX) + r"(\d+)-[a-z0-9_]{8}", entry.name)
            if not m or not entry.is_dir(follow_symlinks=False) or int(m.group(1)) == os.getpid():
                continue
            try:
                os.kill(int(m.group(1)), 0)
            except ProcessLookupError:
                shutil.rmtree(entry.path, ignore_errors=True)
            except OSError:
                continue


def _sweep_own(output: Path, slug: str) -> None:
    """What a killed run of this client left: its folders being built in OUT (and in OUT's private
    ``.rounds/``), exactly as :func:`svcwork.paths.atomic_dir` names them, and dead runs' caches."""
    from .since.history import ROUNDS_DIR

    for folder in (output, output / ROUNDS_DIR):
        with contextlib.suppress(OSError):
            for stale in folder.glob(f".{glob_escape(slug)}.tmp-*"):
                m = STALE_BUILD.match(stale.name)
                if m and m.group("name") == slug and stale.is_dir() and not stale.is_symlink():
                    shutil.rmtree(stale, ignore_errors=True)
    _sweep_private_caches()


def _readable_folder(client: Path, lang: str | None) -> None:
    """Raise the located error ``folder_unreadable`` when the client folder cannot be listed."""
    if not client.is_dir():
        return
    try:
        with os.scandir(client) as entries:
            next(entries, None)
    except OSError as exc:
        problem = _unreadable_folder(client, exc, lang or user_language())
        error = InputFileError(problem.message, code=problem.code)
        error.problem = problem
        raise error from None


def _unreadable_folder(folder: Path, exc: OSError, lang: str) -> Problem:
    detail = exc.strerror or type(exc).__name__
    return Problem(ERROR, "folder_unreadable", folder.name, None, None, None, None, t("cli.expected.readable", lang),
                   t("cli.error.folder_unreadable", lang, path=folder, detail=detail), detail=f"{type(exc).__name__}")


def _located(exc: OSError, client: Path, output: Path, lang: str) -> Problem | None:
    """The OSError of a run as a located problem: a file of the client folder that cannot be read
    (``file_unreadable``), or the output folder that cannot be written (``output_unwritable``)."""
    name = exc.filename if isinstance(exc.filename, str) else None
    if name is None:
        return None
    path = Path(name)
    detail = exc.strerror or type(exc).__name__
    if path == client or client in path.parents:
        shown = path.relative_to(client).as_posix() if path != client else client.name
        return Problem(ERROR, "file_unreadable", shown, None, None, None, None, t("cli.expected.readable", lang),
                       t("cli.error.file_unreadable", lang, file=shown, detail=detail), detail=type(exc).__name__)
    if path == output or output in path.parents or path in output.parents:
        return Problem(ERROR, "output_unwritable", str(output), None, None, None, None, None,
                       t("cli.error.output_unwritable", lang, path=output, detail=detail), detail=type(exc).__name__)
    return None


def check_output_folder(output: str | os.PathLike) -> Path:
    """*output* created if need be and proven writable (a file created and removed there), before any
    work; a :class:`~svcwork.errors.UsageError` (exit 2) naming it otherwise."""
    out = Path(output)
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".svcwork-probe-", dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        detail = exc.strerror or type(exc).__name__
        if out.exists() and not out.is_dir() or isinstance(exc, (NotADirectoryError, FileExistsError)):
            detail = t("cli.output_is_file", user_language())
        raise UsageError(t("cli.error.output_unwritable", user_language(), path=out, detail=detail)) from None
    return out


# =========================================================================== many clients
def find_clients(folder: str | os.PathLike) -> list[Path]:
    """Client folders under *folder*: every sub-folder holding an intake workbook, or looking like a
    client's (a spreadsheet or data files) without one, so it fails by name (``no_intake``) instead
    of being left out unsaid."""
    root = Path(folder)
    if not root.is_dir():
        lang = user_language()
        raise UsageError(t("cli.error.not_clients_folder" if root.exists() else "cli.error.no_clients_folder", lang,
                           path=root))
    found = [p for p in sorted(root.iterdir()) if p.is_dir() and not p.name.startswith(".") and _client_or_unreadable(p)]
    if not found:
        raise UsageError(t("cli.error.no_clients", user_language(), path=root))
    return found


def _client_or_unreadable(folder: Path) -> bool:
    """:func:`_looks_like_client`, and True for a folder that cannot be read: it is run, and fails by
    name (``folder_unreadable``), while the others go on."""
    try:
        return _looks_like_client(folder)
    except OSError:
        return True


@contextlib.contextmanager
def _batch_lock(out: Path) -> Iterator[None]:
    out.mkdir(parents=True, exist_ok=True)
    fh = open(out / ".svcwork.lock", "a+")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UsageError(t("cli.error.batch_busy", user_language(), path=out)) from None
        yield
    finally:
        fh.close()


def run_batch(clients: str | os.PathLike, output: str | os.PathLike, *, jobs: int = 1, force: bool = False,
              timeout: float | None = DEFAULT_TIMEOUT, scheduler: str | None = None, pdf: bool | None = None,
              progress: Callable[[ClientResult, int, int], None] | None = None,
              on_start: Callable[[Path], None] | None = None, since: str | os.PathLike | None = None) -> BatchResult:
    """Run every client folder under *clients* into *output*; goes on past failures.

    ``jobs`` local worker processes (each with a warm kernel), or the workers of the Dask
    distributed cluster at ``scheduler`` (``tcp://host:port``).  ``timeout``: seconds per client
    (see :func:`run_client`).  ``on_start(folder)`` is called when a client begins (local runs
    only), ``progress(result, done, total)`` as each client finishes.  A worker process that
    dies (killed, out of memory) loses only its client: the pool is rebuilt, the clients that
    were running are run again one at a time and the others go on; a client whose worker dies
    again is reported failed (code ``worker_died``).  Writes ``OUT/index.html`` (every client
    with status, key figures, links) and ``OUT/batch.json`` (the manifest).

    *since*: a previous batch's OUT folder; each client is compared with its report there
    (:func:`since_for`), the others with the history in their own OUT folder, if any.

    *clients*, *output* and *since* may be fsspec URLs (``s3://bucket/clients``): see
    :mod:`svcwork.storage`.  On a cluster (*scheduler*), the workers need no shared disk: see
    :mod:`svcwork.remote`.
    """
    from .storage import is_url, run_batch_at

    if any(is_url(x) for x in (clients, output, since)):
        return run_batch_at(clients, output, jobs=jobs, force=force, timeout=timeout, scheduler=scheduler, pdf=pdf,
                            progress=progress, on_start=on_start, since=since)
    if since is not None and not Path(since).is_dir():
        raise UsageError(t("since.error.no_batch", user_language(), path=since))
    start = time.perf_counter()
    since = None if since is None else absolute(since)
    folders = find_clients(absolute(clients))
    out = check_output_folder(Path(output).resolve())
    with _batch_lock(out):
        for stale in [*out.glob(".index.html.*.tmp"), *out.glob(".batch.json.*.tmp")]:  # left by a killed batch
            stale.unlink(missing_ok=True)
        _sweep_stale(out)
        results: dict[Path, ClientResult] = {}

        def done(folder: Path, result: ClientResult) -> None:
            results[folder] = result
            if progress is not None:
                progress(result, len(results), len(folders))

        if scheduler:
            from .remote import run_on_dask

            run_on_dask(scheduler, folders, out, force=force, timeout=timeout, pdf=pdf, done=done,
                        since_for=lambda folder: since_for(folder, since),
                        unchanged=lambda folder: _client_unchanged(folder, out, pdf=pdf))
        elif jobs <= 1:
            from .pdf import KeptPdfRenderer

            kernel = None
            printer = KeptPdfRenderer()  # Chromium started at the first report printed, once for the batch
            try:
                for folder in folders:
                    if on_start is not None:
                        on_start(folder)
                    earlier = since_for(folder, since)
                    if kernel is None and _has_intake(folder) and (
                            force or earlier is not None or not _client_unchanged(folder, out, pdf=pdf)):
                        kernel = KernelPool()  # one client at a time: its notebooks side by side
                    done(folder, run_client(folder, out, force=force, timeout=timeout, kernel=kernel, pdf=pdf,
                                            renderer=printer, since=earlier))
            finally:
                printer.close()
                if kernel is not None:
                    kernel.close()
        else:
            _run_on_pool(folders, out, jobs=jobs, force=force, timeout=timeout, pdf=pdf, done=done, started=on_start,
                         since=since)
        ordered = tuple(results[f] for f in folders)
        batch = BatchResult(out, ordered, time.perf_counter() - start)
        _write_index(batch)
    return batch


def _has_intake(folder: Path) -> bool:
    try:
        return bool(intake_candidates(folder))
    except OSError:
        return False


def _sweep_stale(out: Path) -> None:
    """What killed runs left in OUT (under the batch's lock, so no run is building there now): the
    folders being built (``.<slug>.tmp-*``, in OUT and in its private ``.rounds/``) and the notebooks'
    private caches of processes that are gone."""
    from .since.history import ROUNDS_DIR

    sweep_stale_builds(out)
    sweep_stale_builds(out / ROUNDS_DIR)
    _sweep_private_caches()


#: Times a client may be lost with its worker process before it is reported failed.
_WORKER_LIVES = 3


def _run_on_pool(folders: Sequence[Path], out: Path, *, jobs: int, force: bool, timeout: float | None,
                 pdf: bool | None, done: Callable[[Path, ClientResult], None],
                 started: Callable[[Path], None] | None, since: str | os.PathLike | None = None) -> None:
    """Run the clients on *jobs* local worker processes, surviving workers that die.

    When a worker dies, :class:`~concurrent.futures.ProcessPoolExecutor` ends the others and
    fails every pending client with ``BrokenProcessPool``.  Then the clients that had not begun
    are resubmitted to a new pool; those that were running (the one that killed its worker and
    the ones ended with it) are first run again one at a time, alone in a pool of one, so the
    client that kills its worker again is known for certain and reported failed.  Each worker
    creates a file in a private folder when it begins a client, which is how the batch knows
    which were running (and shows them as running).
    """
    import tempfile
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    todo, alone = list(folders), []
    lives = {f: _WORKER_LIVES for f in folders}  # for clients lost before they began (a worker that cannot start)

    def lost_for_good(folder: Path, detail: str) -> None:
        done(folder, ClientResult(folder, client_slug(folder), "failed", code="worker_died",
                                  error=t("batch.worker_died", user_language(), detail=detail)))

    with tempfile.TemporaryDirectory(prefix="svcwork-batch-") as marks:
        for round_no in itertools.count():
            if not (todo or alone):
                break
            solo = bool(alone)
            group, todo = ([alone.pop(0)], todo) if solo else (todo, [])
            flags = Path(marks) / str(round_no)
            flags.mkdir()
            index = {str(i): folder for i, folder in enumerate(group)}
            begun: set[Path] = set()
            finished: set[Path] = set()
            broken = False
            with ProcessPoolExecutor(max_workers=min(jobs, len(group)), initializer=_end_with_batch,
                                     initargs=(os.getpid(),)) as pool:
                kernels = notebook_kernels(jobs=min(jobs, len(group)))  # the cores the workers leave
                futures = {pool.submit(_run_in_worker, folder, out, force, timeout, pdf, str(flags / i),
                                       since_for(folder, since), kernels): folder
                           for i, folder in index.items()}
                pending = set(futures)
                while pending:
                    ready, pending = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
                    for name in sorted(os.listdir(flags), key=int):
                        if index[name] not in begun:
                            begun.add(index[name])
                            if started is not None:
                                started(index[name])
                    for fut in sorted(ready, key=lambda f: group.index(futures[f])):
                        folder = futures[fut]
                        try:
                            result = fut.result()
                        except BrokenProcessPool:
                            broken = True
                            continue
                        except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                            result = ClientResult(folder, client_slug(folder), "failed", code="worker",
                                                  error=t("remote.error.internal_worker", user_language(),
                                                          detail=f"{type(exc).__name__}: {_first_line(str(exc))}"))
                        finished.add(folder)
                        done(folder, result)
            if not broken:
                continue
            lost = [f for f in group if f not in finished]
            if solo:  # it ran alone: certainly the client that kills its worker
                for folder in lost:
                    lost_for_good(folder, "twice: also when the client was run again on its own")
                continue
            alone += [f for f in lost if f in begun]
            waiting = []
            for folder in (f for f in lost if f not in begun):
                lives[folder] -= 1
                if lives[folder] > 0:
                    waiting.append(folder)
                else:
                    lost_for_good(folder, f"{_WORKER_LIVES} times before it could begin the client")
            todo = waiting + todo


#: The key figures the batch index shows for each client (the report's registry, same definitions).
INDEX_FIGURES = ("journeys.cases", "measures.item.satisfaction", "management.actions_overdue")


def _key_figures(summary: dict, lang: str = "en") -> list[tuple[str, str, str]]:
    """The index page's key figures of one client from its report's registry (summary.json's
    ``key_figures``): its name in the client's language, its value as the report shows it, and
    the anchor of its definition in the report."""
    from .keyfigures import figure_anchor, from_records

    try:
        figures = from_records(summary.get("key_figures") or {})
    except (TypeError, ValueError):  # a summary written by another version
        return []
    return [(figures[k].label(lang), figures[k].shown(lang), figure_anchor(k)) for k in INDEX_FIGURES
            if k in figures and figures[k].value is not None]


def _write_index(batch: BatchResult) -> None:
    import jinja2

    rows = []
    for c in batch.clients:
        summary = c.summary
        if not summary and (batch.output / c.slug / "summary.json").is_file():
            with contextlib.suppress(OSError, ValueError):
                summary = json.loads((batch.output / c.slug / "summary.json").read_text(encoding="utf-8"))
        has_report = (batch.output / c.slug / "report.html").is_file()
        rows.append({"slug": c.slug, "organization": summary.get("organization", c.slug), "status": c.status,
                     "error": c.error, "report": f"{c.slug}/report.html" if has_report else None,
                     "lang": summary.get("language", "en"),
                     "figures": _key_figures(summary, summary.get("language", "en"))})
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir() / "report")),
                             autoescape=True, undefined=jinja2.StrictUndefined)
    page = env.get_template("index.html.j2").render(rows=rows, version=__version__,
                                                    t=lambda key, **kw: t(key, "en", **kw))
    atomic_write_text(batch.output / "index.html", page)
    manifest = {"svcwork_version": __version__, "seconds": round(batch.seconds, 2), "ok": batch.ok,
                "clients": [c.manifest() for c in batch.clients]}
    atomic_write_text(batch.output / "batch.json", json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")


# =========================================================================== committed notebooks
def refresh_notebooks(names: Sequence[str] | None = None) -> list[Path]:
    """Re-execute the committed notebooks in place on their default parameters (for nbval)."""
    import nbformat
    from nbclient import NotebookClient

    done = []
    for path in analysis_notebooks():
        if names and path.name not in names:
            continue
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, kernel_name=KERNEL, timeout=1800, record_timing=False,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        nb.metadata.pop("widgets", None)
        drop_cell_timing(nb)
        atomic_write_text(path, nbformat.writes(nb) + "\n")
        done.append(path)
    return done
