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
import shutil
import hashlib
import json
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

from . import __version__
from .errors import IntakeError, NotebookError, Problem, SvcworkError, UsageError
from .i18n import t
from .paths import PACKAGE_DIR, atomic_dir, atomic_write_text, client_slug, find_intake, notebooks_dir, templates_dir

__all__ = ["NOTEBOOK_PARAMETERS", "ClientResult", "BatchResult", "WarmKernel", "run_client", "run_batch", "find_clients",
           "check_notebook_parameters", "refresh_notebooks", "run_fingerprint"]

#: The parameters every analysis notebook declares in its ``parameters`` cell.
NOTEBOOK_PARAMETERS = ("client_dir", "output_dir", "lang", "cache_dir")
_STAMP = ".svcwork-run.json"
KERNEL = "python3"


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

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    def describe(self) -> str:
        if self.status == "failed":
            lines = [f"✗ {self.slug}: {self.error}"]
            for p in [p for p in self.problems if p.is_error][:20]:
                lines.append(f"    [{p.code}] {p.location()}: {p.message}")
            return "\n".join(lines)
        word = "unchanged, skipped" if self.status == "skipped" else f"{self.seconds:.1f} s"
        note = f"\n    {self.note}" if self.note else ""
        return f"✓ {self.slug}: {self.output / 'report.html' if self.output else ''} ({word}){note}"

    def manifest(self) -> dict:
        return {"client": self.slug, "folder": str(self.client), "status": self.status,
                "seconds": round(self.seconds, 2), "error": self.error, "code": self.code,
                "notebook": self.notebook, "cell": self.cell, "note": self.note,
                "errors": [p.as_dict() for p in self.problems if p.is_error][:200],
                "report": f"{self.slug}/report.html" if self.status != "failed" or self.output else None}


@dataclass(frozen=True)
class BatchResult:
    """Every client's result, in the order of the client folders."""

    output: Path
    clients: tuple[ClientResult, ...]
    seconds: float

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.clients)

    @property
    def failed(self) -> tuple[ClientResult, ...]:
        return tuple(c for c in self.clients if not c.ok)

    def describe(self) -> str:
        lines = [c.describe() for c in self.clients]
        n_ok = sum(c.status == "ok" for c in self.clients)
        n_skip = sum(c.status == "skipped" for c in self.clients)
        lines.append(f"{len(self.clients)} clients: {n_ok} done, {n_skip} unchanged, {len(self.failed)} failed "
                     f"({self.seconds:.1f} s) -> {self.output / 'index.html'}")
        if self.failed:
            lines.append("failed: " + ", ".join(c.slug for c in self.failed))
        return "\n".join(lines)


# =========================================================================== notebooks
def analysis_notebooks() -> list[Path]:
    """The analysis notebooks in report order."""
    from .report import SECTIONS

    return [notebooks_dir() / s.notebook for s in SECTIONS]


def check_notebook_parameters(path: Path) -> None:
    """Raise :class:`UsageError` unless *path* declares every parameter svcwork passes."""
    import papermill

    try:
        declared = papermill.inspect_notebook(str(path))
    except Exception as exc:  # noqa: BLE001 - papermill raises plain errors for unreadable notebooks
        raise UsageError(f"cannot read the parameters of notebook {path.name}: expected a notebook with a kernel "
                         f"and a cell tagged 'parameters' ({type(exc).__name__}: {_first_line(str(exc))})") from None
    missing = [p for p in NOTEBOOK_PARAMETERS if p not in declared]
    if missing:
        raise UsageError(f"notebook {path.name} does not declare the parameter(s) {', '.join(missing)} in its "
                         f"'parameters' cell; expected {', '.join(NOTEBOOK_PARAMETERS)}, found "
                         f"{', '.join(declared) or 'none'}")


def _execute(notebook: Path, target: Path, *, parameters: dict, cwd: Path, timeout: int | None) -> None:
    """Run one notebook with papermill in a fresh kernel (the plain way; see :class:`WarmKernel`)."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        papermill.execute_notebook(str(notebook), str(target), parameters=parameters, kernel_name=KERNEL,
                                   cwd=str(cwd), progress_bar=False, log_output=False,
                                   request_save_on_cell_execute=False, execution_timeout=timeout)
    except PapermillExecutionError as exc:
        raise _notebook_error(notebook.name, exc.exec_count, exc.ename, exc.evalue) from None


def _notebook_error(name: str, cell: int | None, ename: str, evalue: str) -> NotebookError:
    return NotebookError(t("batch.failed_cell", "en", notebook=name, cell=cell, error=f"{ename}: {_first_line(evalue)}"),
                         notebook=name, cell=cell, ename=ename, evalue=evalue)


_RESET = """
import os as _os
_os.chdir({cwd!r})
get_ipython().reset(new_session=True, aggressive=False)
import matplotlib as _mpl
_mpl.rcdefaults()
del _mpl
"""


class WarmKernel:
    """One long-lived Jupyter kernel that runs notebook after notebook, reset in between.

    Starting a kernel and importing pandas/matplotlib/scipy costs seconds; a warm kernel pays
    it once per worker.  Between notebooks the user namespace is cleared
    (``InteractiveShell.reset(new_session=True)``), the working folder set and matplotlib's
    settings restored, so no state leaks from one notebook or client to the next (a test
    compares its outputs with fresh-kernel runs).  A dead kernel is restarted and the notebook
    retried once.
    """

    def __init__(self, *, kernel_name: str = KERNEL) -> None:
        from jupyter_client.manager import KernelManager

        self.km = KernelManager(kernel_name=kernel_name)
        self.km.start_kernel(cwd=os.getcwd(), stderr=open(os.devnull, "w"))  # noqa: SIM115 - kernel warnings are noise

    def _reset(self, cwd: Path) -> None:
        kc = self.km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=60)
            reply = kc.execute_interactive(_RESET.format(cwd=str(cwd)), store_history=False, timeout=60,
                                           output_hook=lambda msg: None)
            if reply["content"].get("status") != "ok":
                raise RuntimeError(f"kernel reset failed: {reply['content'].get('evalue')}")
        finally:
            kc.stop_channels()

    def run(self, notebook: Path, target: Path, *, parameters: dict, cwd: Path, timeout: int | None) -> None:
        """Execute *notebook* with *parameters* (papermill's injection) and write it to *target*."""
        from nbclient.exceptions import DeadKernelError

        for attempt in (1, 2):
            try:
                self._run_once(notebook, target, parameters=parameters, cwd=cwd, timeout=timeout)
                return
            except DeadKernelError:
                self.km.restart_kernel(now=True)
                if attempt == 2:
                    raise

    def _run_once(self, notebook: Path, target: Path, *, parameters: dict, cwd: Path, timeout: int | None) -> None:
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError
        from papermill.iorw import load_notebook_node
        from papermill.parameterize import parameterize_notebook

        if not self.km.is_alive():
            self.km.restart_kernel(now=True)
        self._reset(cwd)
        nb = parameterize_notebook(load_notebook_node(str(notebook)), parameters, kernel_name=KERNEL, language="python")
        client = NotebookClient(nb, km=self.km, timeout=timeout, allow_errors=False, record_timing=False)
        try:
            client.execute()
        except CellExecutionError as exc:
            cell = next((c.get("execution_count") for c in nb.cells if c.cell_type == "code"
                         and any(o.get("output_type") == "error" for o in c.get("outputs", []))), None)
            raise _notebook_error(notebook.name, cell, exc.ename, exc.evalue) from None
        finally:
            if client.kc is not None:
                client.kc.stop_channels()
        atomic_write_text(target, nbformat.writes(nb) + "\n")

    def close(self) -> None:
        if self.km.has_kernel:
            self.km.shutdown_kernel(now=True)

    def __enter__(self) -> "WarmKernel":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_WORKER_KERNEL: WarmKernel | None = None


def _worker_kernel() -> WarmKernel:
    """The warm kernel of this worker process (started on first use, ended at exit)."""
    global _WORKER_KERNEL
    if _WORKER_KERNEL is None:
        import atexit

        _WORKER_KERNEL = WarmKernel()
        atexit.register(_WORKER_KERNEL.close)
    return _WORKER_KERNEL


def _end_with_batch(batch_pid: int) -> None:
    """Worker initializer: the worker ends when the batch process dies (Linux ``PR_SET_PDEATHSIG``).

    A forked worker shares the batch's lock (``OUT/.svcwork.lock``); without this, a killed
    batch would leave workers that hold the lock forever and refuse every later batch.
    """
    import signal
    import sys

    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(1, int(signal.SIGKILL))  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != batch_pid:  # the batch died before the line above
        os._exit(1)


def _run_in_worker(client: Path, output: Path, force: bool, timeout: int | None, pdf: bool | None = None) -> "ClientResult":
    return run_client(client, output, force=force, timeout=timeout, kernel=_worker_kernel(), pdf=pdf)


def _first_line(text: str, limit: int = 300) -> str:
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line[:limit]


def _tree_hash(paths: Sequence[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def run_fingerprint(engagement_inputs: Sequence, notebooks: Sequence[Path]) -> str:
    """What a client's report depends on: inputs, notebooks, report templates and svcwork's code."""
    h = hashlib.sha256(__version__.encode())
    for f in engagement_inputs:
        h.update(f"{f.role}:{f.sha256}".encode())
    h.update(_tree_hash(list(notebooks)).encode())
    h.update(_tree_hash(sorted(PACKAGE_DIR.glob("*.py"))).encode())
    h.update(_tree_hash(sorted((templates_dir() / "report").glob("*"))).encode())
    return h.hexdigest()


def _client_unchanged(client: Path, output: Path) -> bool:
    """Cheap pre-check: the client's previous run is recorded and its inputs' hashes still match."""
    from .paths import find_companion
    from .schema import COMPANIONS

    out = output / client_slug(client)
    try:
        stamp = json.loads((out / _STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not (out / "report.html").is_file() or not stamp.get("inputs"):
        return False
    present = {str(find_intake(client).resolve())} | {str(p.resolve()) for c in COMPANIONS
                                                      for p in find_companion(client, c.key)}
    if present != {i["path"] for i in stamp["inputs"]}:
        return False
    return stamp.get("fingerprint") == _stamp_fingerprint(stamp["inputs"])


def _stamp_fingerprint(inputs: Sequence[dict]) -> str | None:
    from types import SimpleNamespace

    try:
        files = [SimpleNamespace(role=i["role"], sha256=_sha(Path(i["path"]))) for i in inputs]
    except OSError:
        return None
    return run_fingerprint(files, analysis_notebooks())


def _sha(path: Path) -> str:
    from .paths import sha256_file

    return sha256_file(path)


def _unchanged(out: Path, fingerprint: str) -> bool:
    stamp = out / _STAMP
    if not (stamp.is_file() and (out / "report.html").is_file()):
        return False
    try:
        return json.loads(stamp.read_text(encoding="utf-8")).get("fingerprint") == fingerprint
    except (OSError, ValueError):
        return False


# =========================================================================== one client
def _render_pdf(folder: Path, engagement, *, lang: str, pdf: bool | None) -> str | None:
    """report.pdf next to report.html; returns a note when it was not made (``pdf=None``: when Chromium is here)."""
    from .pdf import PdfError, PdfRenderer, chromium_path

    if pdf is False:
        return None
    if pdf is None and chromium_path() is None:
        return "report.pdf not made: Chromium is not installed (apt-get install chromium, or set SVCWORK_CHROMIUM)"
    try:
        with PdfRenderer() as renderer:
            for page in [folder / "report.html", *sorted((folder / "units").glob("*.html"))]:
                renderer.render(page, page.with_suffix(".pdf"), footer=engagement.settings.organization, lang=lang)
    except PdfError as exc:
        if pdf:
            raise
        return f"report.pdf not made: {exc.message}"
    return None


def run_client(client: str | os.PathLike, output: str | os.PathLike, *, force: bool = True,
               timeout: int | None = 1800, lang: str | None = None, kernel: WarmKernel | None = None,
               pdf: bool | None = None) -> ClientResult:
    """Validate one client and write ``OUT/<slug>/`` (report.html, summary.json, results.xlsx, notebooks/, figures/).

    Never raises for a problem with the client's data or a failing notebook: the returned
    :class:`ClientResult` says what failed (with the notebook and cell).  With *kernel*, the
    notebooks run in that warm kernel; otherwise each runs with papermill in a fresh one.
    """
    from .intake import validate

    start = time.perf_counter()
    client = Path(client)
    slug = client_slug(client)
    out = Path(output) / slug
    try:
        if not force and _client_unchanged(client, Path(output)):
            return ClientResult(client, slug, "skipped", time.perf_counter() - start, output=out)
        result = validate(client)
        if not result.ok or result.engagement is None:
            return ClientResult(client, slug, "failed", time.perf_counter() - start,
                                error=t("intake.summary_bad", result.language, errors=result.n_errors,
                                        warnings=result.n_warnings),
                                code=IntakeError.code, problems=result.problems)
        eng = result.engagement
        notebooks = analysis_notebooks()
        for nb in notebooks:
            check_notebook_parameters(nb)
        fingerprint = run_fingerprint(eng.inputs, notebooks)
        if not force and _unchanged(out, fingerprint):
            return ClientResult(client, slug, "skipped", time.perf_counter() - start, output=out)
        language = lang or eng.language
        with atomic_dir(out) as tmp:
            from .intake import save_cache

            cache = save_cache(eng, tmp / ".cache")  # the notebooks load it instead of parsing the inputs again
            executed = []
            for nb in notebooks:
                target = tmp / "notebooks" / nb.name
                target.parent.mkdir(parents=True, exist_ok=True)
                params = {"client_dir": str(client.resolve()), "output_dir": ".", "lang": language,
                          "cache_dir": ".cache"}
                if kernel is None:
                    _execute(nb, target, cwd=tmp, timeout=timeout, parameters=params)
                else:
                    kernel.run(nb, target, cwd=tmp, timeout=timeout, parameters=params)
                executed.append(target)
            from .report import assemble

            assemble(tmp, eng, lang=language, notebooks=executed)
            shutil.rmtree(cache.parent)  # pseudonymised, but holds raw comments: never part of the output
            pdf_note = _render_pdf(tmp, eng, lang=language, pdf=pdf)
            summary = json.loads((tmp / "summary.json").read_text(encoding="utf-8"))
            atomic_write_text(tmp / _STAMP, json.dumps(
                {"fingerprint": fingerprint, "svcwork_version": __version__,
                 "inputs": [{"role": f.role, "path": str(f.path.resolve())} for f in eng.inputs]}, indent=1) + "\n")
        return ClientResult(client, slug, "ok", time.perf_counter() - start, output=out, summary=summary,
                            note=pdf_note)
    except NotebookError as exc:
        return ClientResult(client, slug, "failed", time.perf_counter() - start, error=exc.message, code=exc.code,
                            notebook=exc.notebook, cell=exc.cell)
    except SvcworkError as exc:
        return ClientResult(client, slug, "failed", time.perf_counter() - start, error=exc.message, code=exc.code)
    except Exception as exc:  # noqa: BLE001 - one client's crash must never stop the batch
        return ClientResult(client, slug, "failed", time.perf_counter() - start,
                            error=f"internal error: {type(exc).__name__}: {_first_line(str(exc))}", code="internal")


# =========================================================================== many clients
def find_clients(folder: str | os.PathLike) -> list[Path]:
    """Client folders under *folder*: every sub-folder holding an intake workbook."""
    root = Path(folder)
    if not root.is_dir():
        raise UsageError(f"expected a folder of client folders, found {'a file' if root.exists() else 'nothing'} "
                         f"at {root}")
    found = [p for p in sorted(root.iterdir()) if p.is_dir() and not p.name.startswith(".")
             and find_intake(p).is_file()]
    if not found:
        raise UsageError(f"no client folders (sub-folders with an intake.xlsx) in {root}")
    return found


@contextlib.contextmanager
def _batch_lock(out: Path) -> Iterator[None]:
    out.mkdir(parents=True, exist_ok=True)
    fh = open(out / ".svcwork.lock", "a+")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UsageError(f"another svcwork batch is writing to {out}; wait for it to finish or choose another "
                             f"output folder") from None
        yield
    finally:
        fh.close()


def run_batch(clients: str | os.PathLike, output: str | os.PathLike, *, jobs: int = 1, force: bool = False,
              timeout: int | None = 1800, scheduler: str | None = None, pdf: bool | None = None,
              progress: Callable[[ClientResult, int, int], None] | None = None) -> BatchResult:
    """Run every client folder under *clients* into *output*; goes on past failures.

    ``jobs`` local worker processes (each with a warm kernel), or the workers of the Dask
    distributed cluster at ``scheduler`` (``tcp://host:port``).  ``progress(result, done,
    total)`` is called as each client finishes.  Writes ``OUT/index.html`` (every client with
    status, key figures, links) and ``OUT/batch.json`` (the manifest).
    """
    start = time.perf_counter()
    folders = find_clients(clients)
    out = Path(output).resolve()
    with _batch_lock(out):
        for stale in [*out.glob(".index.html.*.tmp"), *out.glob(".batch.json.*.tmp")]:  # left by a killed batch
            stale.unlink(missing_ok=True)
        results: dict[Path, ClientResult] = {}

        def done(folder: Path, result: ClientResult) -> None:
            results[folder] = result
            if progress is not None:
                progress(result, len(results), len(folders))

        if scheduler:
            _run_on_dask(scheduler, folders, out, force=force, timeout=timeout, pdf=pdf, done=done)
        elif jobs <= 1:
            kernel = None
            try:
                for folder in folders:
                    if kernel is None and (force or not _client_unchanged(folder, out)):
                        kernel = WarmKernel()
                    done(folder, run_client(folder, out, force=force, timeout=timeout, kernel=kernel, pdf=pdf))
            finally:
                if kernel is not None:
                    kernel.close()
        else:
            with ProcessPoolExecutor(max_workers=jobs, initializer=_end_with_batch, initargs=(os.getpid(),)) as pool:
                futures = {pool.submit(_run_in_worker, folder, out, force, timeout, pdf): folder for folder in folders}
                for fut in as_completed(futures):
                    folder = futures[fut]
                    try:
                        done(folder, fut.result())
                    except Exception as exc:  # noqa: BLE001 - a dead worker fails its client only
                        done(folder, ClientResult(folder, client_slug(folder), "failed",
                                                  error=f"worker died: {type(exc).__name__}", code="worker"))
        ordered = tuple(results[f] for f in folders)
        batch = BatchResult(out, ordered, time.perf_counter() - start)
        _write_index(batch)
    return batch


def _run_on_dask(address: str, folders: Sequence[Path], out: Path, *, force: bool, timeout: int | None,
                 pdf: bool | None, done: Callable[[Path, ClientResult], None]) -> None:
    """Run the clients on an existing Dask distributed cluster (one task per client)."""
    try:
        from distributed import Client, as_completed as dask_completed
    except ImportError:  # pragma: no cover - distributed is a dependency
        raise UsageError("--scheduler needs the 'distributed' package (pip install distributed)") from None
    import socket
    from urllib.parse import urlsplit

    where = urlsplit(address if "://" in address else f"tcp://{address}")
    try:
        if where.hostname is None or where.port is None:
            raise ValueError(address)
        socket.create_connection((where.hostname, where.port), timeout=5).close()
        client = Client(address, timeout=30)
    except ValueError:
        raise UsageError(f"--scheduler expects an address such as tcp://host:8786, found {address!r}") from None
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: expected a running scheduler "
                         f"(tcp://host:port), found none ({type(exc).__name__})") from None
    with client:
        futures = {client.submit(_run_in_worker, folder, out, force, timeout, pdf, key=f"svcwork-{folder.name}-{i}",
                                 pure=False): folder for i, folder in enumerate(folders)}
        for fut in dask_completed(futures):
            folder = futures[fut]
            try:
                done(folder, fut.result())
            except Exception as exc:  # noqa: BLE001 - a lost worker fails its client only
                done(folder, ClientResult(folder, client_slug(folder), "failed",
                                          error=f"worker died: {type(exc).__name__}", code="worker"))


def _key_figures(summary: dict) -> list[tuple[str, str]]:
    out = []
    j = summary.get("journey") or {}
    if j.get("cases") is not None:
        out.append(("cases", f"{j['cases']:,}"))
    s = summary.get("survey") or {}
    csat = s.get("csat") or {}
    if csat.get("value") is not None:
        out.append(("CSAT", f"{100 * csat['value']:.0f}%"))
    a = summary.get("actions") or {}
    if a.get("overdue") is not None:
        out.append(("overdue actions", str(a["overdue"])))
    return out


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
                     "lang": summary.get("language", "en"), "figures": _key_figures(summary)})
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
        atomic_write_text(path, nbformat.writes(nb) + "\n")
        done.append(path)
    return done
