"""Executing a client's notebooks: papermill in a fresh kernel, or a warm kernel kept by a worker.

:func:`check_notebook_parameters` checks a notebook declares what svcwork passes;
:class:`WarmKernel` runs notebook after notebook in one kernel (reset between clients), with a
per-client deadline for its cells and one retry when the kernel dies; :func:`_execute` runs one
notebook with papermill.  A worker process keeps one warm kernel and one PDF renderer for all its
clients (:func:`_worker_kernel`, :func:`_worker_pdf`).  Failures are :class:`~svcwork.errors.NotebookError`
naming the notebook and cell.  :class:`KernelPool` runs a client's notebooks side by side in
several warm kernels when the cores allow (``svcwork run``, a batch of one job at a time).
:mod:`svcwork.batch` runs clients with them.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, Sequence

from .errors import NotebookError, UsageError
from .i18n import t, user_language
from .paths import atomic_write_text, notebooks_dir

__all__ = ["NOTEBOOK_PARAMETERS", "KERNEL", "WarmKernel", "KernelPool", "NotebookRun", "analysis_notebooks",
           "check_notebook_parameters", "defer_iri_grammars", "notebook_kernels"]

#: The parameters every analysis notebook declares in its ``parameters`` cell.
NOTEBOOK_PARAMETERS = ("client_dir", "output_dir", "lang", "cache_dir")
KERNEL = "python3"


def analysis_notebooks() -> list[Path]:
    """The analysis notebooks in report order."""
    from .report import SECTIONS

    return [notebooks_dir() / s.notebook for s in SECTIONS]


def defer_iri_grammars() -> None:
    """Let ``rfc3987_syntax`` load at its first use instead of when nbformat imports jsonschema.

    jsonschema imports it eagerly for its ``iri`` format check, and it compiles 38 Lark grammars on
    import: about 0.8 s of every run's start, for a check nbformat never makes (a known upstream
    cost: python-jsonschema/jsonschema#1428).  A stand-in module takes its place in ``sys.modules``
    until ``is_valid_syntax`` is first called, which then imports the real module and answers as it
    would have; nothing changes when it is not installed or already loaded.
    """
    import importlib
    import importlib.util
    import sys
    import types

    name = "rfc3987_syntax"
    if name in sys.modules or importlib.util.find_spec(name) is None:
        return
    stand_in = types.ModuleType(name, "stand-in until first use: see svcwork.kernels.defer_iri_grammars")

    def is_valid_syntax(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - the real function's signature
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return importlib.import_module(name).is_valid_syntax(*args, **kwargs)

    stand_in.is_valid_syntax = is_valid_syntax
    sys.modules[name] = stand_in


def check_notebook_parameters(path: Path) -> None:
    """Raise :class:`UsageError` unless *path* declares every parameter svcwork passes."""
    defer_iri_grammars()
    import papermill

    try:
        declared = papermill.inspect_notebook(str(path))
    except Exception as exc:  # noqa: BLE001 - papermill raises plain errors for unreadable notebooks
        raise UsageError(t("cli.error.notebook_unreadable", user_language(), name=path.name,
                           detail=f"{type(exc).__name__}: {_first_line(str(exc))}")) from None
    missing = [p for p in NOTEBOOK_PARAMETERS if p not in declared]
    if missing:
        lang = user_language()
        if not declared:
            raise UsageError(t("cli.error.notebook_no_parameters", lang, name=path.name, missing=", ".join(missing),
                               expected=", ".join(NOTEBOOK_PARAMETERS)))
        raise UsageError(t("cli.error.notebook_parameters", lang, name=path.name, missing=", ".join(missing),
                           expected=", ".join(NOTEBOOK_PARAMETERS), found=", ".join(declared)))


def _execute(notebook: Path, target: Path, *, parameters: dict, cwd: Path, timeout: float | None,
             limit: float | None = None) -> None:
    """Run one notebook with papermill in a fresh kernel (the plain way; see :class:`WarmKernel`).

    *timeout*: seconds the notebook may still run (each cell gets what is left); *limit*: the
    client's whole limit, for the message.  A dead kernel is retried once in a new kernel.
    """
    defer_iri_grammars()
    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    deadline = _deadline(timeout)
    for attempt in (1, 2):
        counter = _CellCounter()
        try:
            papermill.execute_notebook(str(notebook), str(target), parameters=parameters, kernel_name=KERNEL,
                                       cwd=str(cwd), progress_bar=False, log_output=False,
                                       request_save_on_cell_execute=False, timeout_func=_cell_timeout(deadline),
                                       on_cell_execute=counter)
            return
        except PapermillExecutionError as exc:
            raise _notebook_error(notebook.name, exc.exec_count, exc.ename, exc.evalue) from None
        except CellTimeoutError:
            raise _timeout_error(notebook.name, counter.cell, limit or timeout) from None
        except DeadKernelError:
            if attempt == 2:
                raise _dead_kernel_error(notebook.name, counter.cell) from None


def drop_cell_timing(nb) -> None:  # noqa: ANN001 - a NotebookNode this module made or read
    """Remove the cells' ``execution`` timestamps from *nb* (the notebook node being executed or
    refreshed here, never a caller's).  The warm kernel runs with nbclient's timing off, so what the
    committed notebook carried would otherwise be handed on as if it were this run's."""
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)


def _notebook_error(name: str, cell: int | None, ename: str, evalue: str) -> NotebookError:
    return NotebookError(t("batch.failed_cell", "en", notebook=name, cell=cell, error=f"{ename}: {_first_line(evalue)}"),
                         notebook=name, cell=cell, ename=ename, evalue=evalue)


def _timeout_error(name: str, cell: int | None, seconds: float | None) -> NotebookError:
    return NotebookError(t("batch.timeout_cell", "en", notebook=name, cell=cell if cell is not None else "?",
                           seconds=f"{seconds or 0:g}"),
                         notebook=name, cell=cell, ename="CellTimeoutError", evalue=f"time limit {seconds or 0:g} s",
                         code="notebook_timeout")


def _dead_kernel_error(name: str, cell: int | None) -> NotebookError:
    return NotebookError(t("batch.kernel_died", "en", notebook=name, cell=cell if cell is not None else "?"),
                         notebook=name, cell=cell, ename="DeadKernelError", evalue="the kernel died twice",
                         code="kernel_died")


def _deadline(timeout: float | None) -> float | None:
    return None if timeout is None or timeout <= 0 else time.monotonic() + timeout


def _left(deadline: float | None) -> float | None:
    """Seconds left before *deadline* (at least one: the next notebook still starts and fails on time)."""
    return None if deadline is None else max(1.0, deadline - time.monotonic())


@dataclass(frozen=True)
class NotebookRun:
    """One notebook of a client's run: executed with *parameters* and written to *target*."""

    notebook: Path
    target: Path
    parameters: Mapping[str, str] = field(default_factory=dict)


def _cell_timeout(deadline: float | None) -> Callable[[object], int | None]:
    """nbclient's ``timeout_func``: each cell may use what is left of the client's time."""
    def left(cell: object) -> int | None:
        return None if deadline is None else max(1, math.ceil(deadline - time.monotonic()))
    return left


class _CellCounter:
    """nbclient's ``on_cell_execute`` hook: the number of the code cell running (1 = the first)."""

    def __init__(self) -> None:
        self.cell: int | None = None

    def __call__(self, cell: object = None, cell_index: int | None = None, **_: object) -> None:
        self.cell = (self.cell or 0) + 1


def _quiet_log():  # noqa: ANN202
    """nbclient's logger: its "Kernel died" and "Timeout" lines would only repeat what the result says."""
    import logging

    log = logging.getLogger("svcwork.nbclient")
    if not log.handlers:
        log.addHandler(logging.NullHandler())
        log.propagate = False
    return log


class _KernelDied(Exception):
    def __init__(self, cell: int | None) -> None:
        super().__init__(cell)
        self.cell = cell


class _KernelLoop(asyncio.SelectorEventLoop):
    """The warm kernel's event loop.  It refuses signal handlers: nbclient would otherwise take
    Ctrl-C and SIGTERM from the batch (and shut the kernel down instead of stopping the run)."""

    def add_signal_handler(self, sig, callback, *args):  # noqa: ANN001 - asyncio's signature
        raise RuntimeError("svcwork leaves signals to the batch process")

    def remove_signal_handler(self, sig) -> bool:  # noqa: ANN001
        return False


_RESET = """
import os as _os
_os.chdir({cwd!r})
get_ipython().reset(new_session=True, aggressive=False)
import matplotlib as _mpl
_mpl.rcdefaults()
del _mpl
"""


#: What a warm kernel imports before its first notebook (:meth:`WarmKernel.preload`): the analyses
#: and the report's recording, which every analysis notebook imports first, and what the analyses and
#: charts import where they first use it (``scipy.stats``, matplotlib's figures), so that the run's own
#: process, which only assembles, never loads them.
_PRELOAD = ("import svcwork, svcwork.report, svcwork.links, svcwork.prioritize, svcwork.journeys, svcwork.management, "
            "scipy.stats, matplotlib.figure")


class WarmKernel:
    """One long-lived Jupyter kernel that runs notebook after notebook, reset in between.

    Starting a kernel and importing pandas/matplotlib/scipy costs seconds; a warm kernel pays
    it once per worker.  Between notebooks the user namespace is cleared
    (``InteractiveShell.reset(new_session=True)``), the working folder set and matplotlib's
    settings restored, so no state leaks from one notebook or client to the next (a test
    compares its outputs with fresh-kernel runs).

    The kernel is driven the way nbclient and papermill drive theirs: an
    :class:`~jupyter_client.manager.AsyncKernelManager` on an event loop of its own, so
    nbclient's timeout and its check that the kernel is alive keep running while a cell runs.
    A cell still running at the time limit fails the notebook (:class:`NotebookError` with code
    ``notebook_timeout``, naming the cell) and the kernel is restarted for the next one; a kernel
    that dies (``os._exit``, a segfault, out of memory) is restarted and the notebook retried
    once in the fresh kernel, then fails with code ``kernel_died``.
    """

    def __init__(self, *, kernel_name: str = KERNEL) -> None:
        from jupyter_client.manager import AsyncKernelManager

        self._loop = _KernelLoop()
        self._stderr = open(os.devnull, "w")  # noqa: SIM115 - kernel warnings are noise; closed in close()
        self.km = AsyncKernelManager(kernel_name=kernel_name)
        self._kc = None  # the kernel's one client, ready (see _client)
        try:
            self._call(self.km.start_kernel(cwd=os.getcwd(), stderr=self._stderr))
        except BaseException:
            self._loop.close()
            self._stderr.close()
            raise

    def _call(self, coro):  # noqa: ANN001, ANN202
        return self._loop.run_until_complete(coro)

    def run(self, notebook: Path, target: Path, *, parameters: dict, cwd: Path, timeout: float | None,
            limit: float | None = None) -> None:
        """Execute *notebook* with *parameters* (papermill's injection) and write it to *target*.

        *timeout*: seconds this notebook may run in all (each cell gets what is left; ``None``
        or 0: no limit); *limit* is only named in the message (default *timeout*).
        """
        deadline = _deadline(timeout)
        for attempt in (1, 2):
            try:
                self._call(self._run_once(notebook, target, parameters=parameters, cwd=cwd, deadline=deadline,
                                          limit=limit or timeout))
                return
            except _KernelDied as died:
                self._call(self._restart())
                if attempt == 2:
                    raise _dead_kernel_error(notebook.name, died.cell) from None

    def warm(self) -> None:
        """Nothing to do: the kernel started with the object (:meth:`KernelPool.warm` starts its own)."""

    def preload(self) -> None:
        """Import the analyses in the kernel now (:data:`_PRELOAD`): a notebook run next finds them
        imported (the reset between notebooks clears names, not modules)."""
        async def load() -> None:
            kc = await self._client()
            await kc.execute_interactive(_PRELOAD, store_history=False, timeout=120, output_hook=lambda msg: None)

        self._call(load())

    def run_all(self, runs: Sequence[NotebookRun], *, cwd: Path, deadline: float | None,
                limit: float | None = None) -> None:
        """Execute *runs* one after the other (the first failure ends the run: :class:`NotebookError`);
        *deadline* (``time.monotonic()``) is the client's, shared by its notebooks."""
        for run in runs:
            self.run(run.notebook, run.target, parameters=dict(run.parameters), cwd=cwd, timeout=_left(deadline),
                     limit=limit)

    async def _client(self):  # noqa: ANN202 - an AsyncKernelClient
        """The kernel's client, its channels started and the kernel answering, kept for every notebook
        it runs: waiting for a new client to be ready costs 0.2 s each time (jupyter_client drains
        IOPub until 0.2 s pass without a message), five times per client.  Dropped when the kernel is
        restarted or a run ends abnormally (:meth:`_drop_client`)."""
        if self._kc is None:
            kc = self.km.client()
            kc.allow_stdin = False
            kc.start_channels()
            try:
                await kc.wait_for_ready(timeout=60)
            except BaseException:
                kc.stop_channels()
                raise
            self._kc = kc
        return self._kc

    def _drop_client(self) -> None:
        kc, self._kc = self._kc, None
        if kc is not None:
            with contextlib.suppress(Exception):
                kc.stop_channels()

    async def _restart(self) -> None:
        self._drop_client()
        try:
            await self.km.restart_kernel(now=True)
        except Exception:  # noqa: BLE001 - a kernel that cannot be restarted is started anew
            with contextlib.suppress(Exception):
                await self.km.shutdown_kernel(now=True)
            await self.km.start_kernel(cwd=os.getcwd(), stderr=self._stderr)

    async def _reset(self, kc, cwd: Path) -> None:  # noqa: ANN001
        try:
            reply = await kc.execute_interactive(_RESET.format(cwd=str(cwd)), store_history=False, timeout=60,
                                                 output_hook=lambda msg: None)
        except (RuntimeError, TimeoutError):
            if not await self.km.is_alive():
                raise _KernelDied(None) from None
            raise
        if reply["content"].get("status") != "ok":
            raise RuntimeError(f"kernel reset failed: {reply['content'].get('evalue')}")

    async def _run_once(self, notebook: Path, target: Path, *, parameters: dict, cwd: Path,
                        deadline: float | None, limit: float | None) -> None:
        defer_iri_grammars()
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
        from papermill.iorw import load_notebook_node
        from papermill.parameterize import parameterize_notebook

        if not await self.km.is_alive():
            await self._restart()
        nb = parameterize_notebook(load_notebook_node(str(notebook)), parameters, kernel_name=KERNEL, language="python")
        drop_cell_timing(nb)  # no timing is recorded here: none of the committed notebook's either
        counter = _CellCounter()
        kc = await self._client()
        ended = False
        try:
            await self._reset(kc, cwd)
            client = NotebookClient(nb, km=self.km, timeout=60, timeout_func=_cell_timeout(deadline),
                                    interrupt_on_timeout=False, allow_errors=False, record_timing=False,
                                    on_cell_execute=counter, log=_quiet_log())
            client.kc = kc  # ready and reset: nbclient uses it and leaves the kernel running
            try:
                await client.async_execute()
            except CellExecutionError as exc:
                cell = next((c.get("execution_count") for c in nb.cells if c.cell_type == "code"
                             and any(o.get("output_type") == "error" for o in c.get("outputs", []))), None)
                raise _notebook_error(notebook.name, cell, exc.ename, exc.evalue) from None
            except CellTimeoutError:
                await self._restart()  # the cell is still running: the next notebook needs a new kernel
                raise _timeout_error(notebook.name, counter.cell, limit) from None
            except DeadKernelError:
                raise _KernelDied(counter.cell) from None
            ended = True
        finally:
            # nbclient leaves its output-polling task behind after a timeout; end it before the channels close
            for task in asyncio.all_tasks():
                if task is not asyncio.current_task():
                    task.cancel()
                    with contextlib.suppress(BaseException):
                        await task
            if not ended:  # whatever the kernel still sends for this notebook must not reach the next one
                self._drop_client()
        atomic_write_text(target, nbformat.writes(nb) + "\n")

    def close(self) -> None:
        if self._loop.is_closed():
            return
        if self._loop.is_running():  # a notebook is running in another thread (Ctrl-C reached the caller)
            self._kill()
            return
        self._drop_client()
        try:
            if self.km.has_kernel:
                self._call(self.km.shutdown_kernel(now=True))
        finally:
            self._loop.close()
            self._stderr.close()

    def _kill(self) -> None:
        """End the kernel's process now, from any thread: its event loop is busy in the thread running a
        notebook (which then fails, its kernel dead), so no shutdown can be awaited on it from here."""
        process = getattr(getattr(self.km, "provisioner", None), "process", None)
        if process is not None:
            with contextlib.suppress(Exception):
                process.kill()
                process.wait(timeout=5)

    def __enter__(self) -> "WarmKernel":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


#: Rough seconds each analysis notebook takes on the largest demo client (benchmarks/bench_run.py).
#: Only an order: side-by-side kernels start the longest first, so they end close together (the
#: longest-processing-time-first rule: Graham, "Bounds on multiprocessing timing anomalies", SIAM
#: J. Appl. Math. 17, 1969); measures before the notebooks that reuse its result (svcwork.links).
NOTEBOOK_COST = {"20_journeys": 5.2, "30_measures": 5.1, "40_management": 2.4, "10_prioritization": 1.0,
                 "00_intake": 0.3}
#: At most this many kernels for one client: the five notebooks fill three (memory grows with each).
MAX_NOTEBOOK_KERNELS = 3


def notebook_kernels(cores: int | None = None, *, jobs: int = 1) -> int:
    """How many kernels one client's notebooks use side by side when *jobs* clients run at once:
    one per core of the client's share, at most :data:`MAX_NOTEBOOK_KERNELS` (``SVCWORK_KERNELS``
    overrides, e.g. 1 on a small laptop)."""
    wanted = os.environ.get("SVCWORK_KERNELS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    cores = cores if cores is not None else len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else (os.cpu_count() or 1)
    return max(1, min(MAX_NOTEBOOK_KERNELS, cores // max(1, jobs)))


class KernelPool:
    """Warm kernels that run one client's notebooks side by side (the notebooks only share the run's
    cache, which each reads or writes atomically: :func:`svcwork.links.remember`).

    Each kernel is driven from a thread of its own (its event loop with it); the notebooks are
    handed out longest first (:data:`NOTEBOOK_COST`).  A failing notebook lets the running ones
    end, starts no other, and the failure of the earliest notebook in *runs* is raised — the same
    :class:`NotebookError` a single :class:`WarmKernel` raises.  With one kernel it is a
    :class:`WarmKernel`.
    """

    def __init__(self, size: int | None = None, *, kernel_name: str = KERNEL) -> None:
        self.size = notebook_kernels() if size is None else max(1, int(size))
        self._kernel_name = kernel_name
        self.kernels: list[WarmKernel] = []  # started when a client's notebooks first need them (or warm())
        self._starting: list[tuple[threading.Thread, list[WarmKernel]]] = []  # warm(): each thread and its kernel

    def warm(self) -> None:
        """Start the kernels and import the analyses in them now, in the background (e.g. while the
        client's files are validated); the next :meth:`run_all` waits for them.  A kernel that cannot
        start here is started (and its error raised) by :meth:`run_all`."""
        if self._starting or len(self.kernels) >= self.size:
            return

        def start(slot: list[WarmKernel]) -> None:
            with contextlib.suppress(Exception):
                kernel = WarmKernel(kernel_name=self._kernel_name)
                slot.append(kernel)
                kernel.preload()

        for _ in range(self.size - len(self.kernels)):
            slot: list[WarmKernel] = []
            thread = threading.Thread(target=start, args=(slot,), name="svcwork-kernel-warm", daemon=True)
            thread.start()
            self._starting.append((thread, slot))

    def _warmed(self) -> None:
        """Wait for the kernels :meth:`warm` is starting and take them in."""
        starting, self._starting = self._starting, []
        for thread, slot in starting:
            thread.join()
            self.kernels.extend(slot)

    def _grow(self, wanted: int) -> list[WarmKernel]:
        self._warmed()
        wanted = max(1, min(wanted, self.size))
        while len(self.kernels) < wanted:
            self.kernels.append(WarmKernel(kernel_name=self._kernel_name))
        return self.kernels[:wanted]

    def run_all(self, runs: Sequence[NotebookRun], *, cwd: Path, deadline: float | None,
                limit: float | None = None) -> None:
        """Execute *runs*, longest first, each kernel taking the next notebook when it is free."""
        kernels = self._grow(len(runs))
        if len(kernels) == 1:
            kernels[0].run_all(runs, cwd=cwd, deadline=deadline, limit=limit)
            return
        queue = sorted(range(len(runs)), key=lambda i: -NOTEBOOK_COST.get(Path(runs[i].notebook).stem, 1.0))
        failures: dict[int, BaseException] = {}
        lock = threading.Lock()

        def work(kernel: WarmKernel) -> None:
            while True:
                with lock:
                    if failures or not queue:
                        return
                    index = queue.pop(0)
                run = runs[index]
                try:
                    kernel.run(run.notebook, run.target, parameters=dict(run.parameters), cwd=cwd,
                               timeout=_left(deadline), limit=limit)
                except BaseException as exc:  # noqa: BLE001 - raised below, in the caller's thread
                    with lock:
                        failures[index] = exc

        threads = [threading.Thread(target=work, args=(k,), name=f"svcwork-kernel-{i}", daemon=True)
                   for i, k in enumerate(kernels)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if failures:
            raise failures[min(failures)]

    def close(self) -> None:
        self._warmed()  # kernels still starting: wait for them, to end them too
        for kernel in self.kernels:
            with contextlib.suppress(Exception):  # a kernel whose loop a killed run left busy: its process ends with ours
                kernel.close()

    def __enter__(self) -> "KernelPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_WORKER_KERNEL: KernelPool | None = None


def _worker_kernel(size: int = 1) -> KernelPool:
    """The warm kernels of this worker process (*size* of them, side by side; started on first use,
    ended at exit)."""
    global _WORKER_KERNEL
    if _WORKER_KERNEL is None:
        import atexit

        _WORKER_KERNEL = KernelPool(size)
        atexit.register(_WORKER_KERNEL.close)
    return _WORKER_KERNEL


_WORKER_PDF = None  # this worker process's PdfRenderer (svcwork.pdf), like its kernel


def _worker_pdf():  # noqa: ANN202 - a PdfRenderer, imported lazily
    """The PDF renderer of this worker process: Chromium started once for all its clients (on first
    use), ended at exit."""
    global _WORKER_PDF
    if _WORKER_PDF is None:
        import atexit

        from .pdf import KeptPdfRenderer

        _WORKER_PDF = KeptPdfRenderer()
        atexit.register(_WORKER_PDF.close)
    return _WORKER_PDF


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


def _first_line(text: str, limit: int = 300) -> str:
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line[:limit]
