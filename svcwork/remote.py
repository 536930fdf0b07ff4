"""Running a batch on a Dask distributed cluster that shares no disk with the coordinator.

The coordinator (the machine running ``svcwork batch --scheduler …``) keeps every file: for each
client it sends the client folder's files as bytes, what the run needs of ``OUT/<slug>``
(``summary.json``, ``history/``: the earlier round the report compares with, and the client's
private per-case records ``OUT/.rounds/<slug>/``, sent under the names ``.rounds/…``) and, when
``--since`` gives one, the earlier batch's ``summary.json`` and record of the client, plus the
project's pseudonymisation key (so pseudonyms match a local run).  These go to the cluster once per
client (:meth:`distributed.Client.scatter`).  The worker runs the client with
:func:`svcwork.batch.run_client` in a temporary folder of its own and returns the client's result
with its output folder as bytes; the coordinator writes them into ``OUT/<slug>`` atomically
(:func:`svcwork.paths.atomic_dir`).  Whether a client is unchanged (and skipped, with no task) is
decided on the coordinator, and the run stamp written names the coordinator's client folder, so a
later local batch finds the client unchanged too.

Before any client runs, every worker is asked for its svcwork version, the hash of svcwork's code,
notebooks and report templates, and svcwork's dependencies: a worker that differs or lacks one is
named in a clear error.  A scheduler without a live worker, or a cluster that loses all its workers,
ends the batch after a bounded wait (:func:`worker_wait`): never a hang.  A client whose worker dies
is run once more; if that worker dies too, the client fails (code ``worker_died``).  A client whose
files cannot be read on the coordinator fails as a local run does (``file_unreadable``, or the
intake's validation naming the file); one that cannot be sent to any worker for that same bounded
wait fails (code ``not_sent``).

What the coordinator decides as a local run would: the job carries whether the report already in
``OUT/<slug>`` has its PDF (a worker that cannot print it then keeps it, and the client fails
``pdf_failed``, as locally), whether SVG figures are asked for (``--svg``: the worker's kernel runs
with ``SVCWORK_SVG`` as the coordinator's, so the run stamp matches a local run's) and the language
of messages (``SVCWORK_LANG``).

On the worker, a client's files and the project key are unpacked in a private temporary folder
(``svcwork-worker-<pid>-…``, mode 0700) removed when the run ends; a worker killed outright leaves
it, so every run, and every batch at its start on every worker, removes those of processes that no
longer exist (:func:`sweep_worker_folders`).  The client's time limit counts from when its run
begins on the worker (one client at a time per worker process), not from when it was queued.

Size: a client's inputs, and its outputs, may be at most :func:`max_bytes` (``SVCWORK_REMOTE_MAX_MB``,
default 1024 MB) each; a client above it fails with code ``remote_too_large`` (Dask itself splits
large messages into frames, so the limit is only the memory of the coordinator and the worker).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from .errors import RemoteError, UsageError
from .i18n import t, user_language
from .paths import atomic_dir, client_slug

if TYPE_CHECKING:  # pragma: no cover
    from .batch import ClientResult

__all__ = ["ClientJob", "RemoteError", "pack_folder", "unpack", "payload_bytes", "max_bytes", "worker_wait",
           "worker_facts", "check_workers", "make_job", "run_job", "write_outputs", "run_on_dask",
           "sweep_worker_folders", "DEFAULT_MAX_MB", "MAX_WORKER_WAIT"]

#: Default limit of a client's inputs (and of its outputs) sent through the cluster, in MB.
DEFAULT_MAX_MB = 1024
#: The longest the batch waits for a live worker (seconds), whatever ``--timeout`` says.
MAX_WORKER_WAIT = 300.0
#: Runs of one client that may start on the cluster: the first and one retry after its worker died.
ATTEMPTS = 2
#: Times a client's task may be lost before it even began (its data lost with a worker) before it fails.
SUBMISSIONS = 5
#: The pseudonymisation key's place in a staged client folder (found by :mod:`svcwork.privacy`).
_KEY_FILE = Path(".svcwork") / "secret.key"
#: One client at a time per worker process: the warm kernel is the process's own.
_KERNEL_LOCK = threading.Lock()
#: The private temporary folder of one client's run on a worker: ``svcwork-worker-<pid>-<8 characters>``.
_WORKER_PREFIX = "svcwork-worker-"
#: A folder named as before the owner's pid was in the name (``svcwork-worker-<8 characters>``) is
#: removed once it is this old (seconds): no run lasts a day.
_LEGACY_AGE = 24 * 3600
#: The environment of svcwork's settings that a worker's run takes from the coordinator.
_SVG_ENV, _LANG_ENV = "SVCWORK_SVG", "SVCWORK_LANG"


@dataclass(frozen=True)
class ClientJob:
    """Everything a worker needs to run one client (files as ``relative/posix/path -> bytes``)."""

    name: str
    client: Mapping[str, bytes]
    output: Mapping[str, bytes]
    since: Mapping[str, bytes] | None
    key: bytes
    #: The report in the coordinator's ``OUT/<slug>`` has its PDF (never replaced by one without it).
    earlier_pdf: bool = False
    #: SVG figures asked for (``--svg``: ``SVCWORK_SVG`` on the coordinator).
    svg: bool = False
    #: The language of the messages (the coordinator's :func:`svcwork.i18n.user_language`).
    lang: str = "en"

    @property
    def slug(self) -> str:
        return client_slug(self.name)


# =========================================================================== files as bytes
def max_bytes() -> int:
    """The limit of a client's inputs or outputs sent through the cluster (``SVCWORK_REMOTE_MAX_MB``)."""
    try:
        mb = float(os.environ.get("SVCWORK_REMOTE_MAX_MB") or DEFAULT_MAX_MB)
    except ValueError:
        mb = DEFAULT_MAX_MB
    return int(max(mb, 1) * 1024 * 1024)


def worker_wait(timeout: float | None) -> float:
    """Seconds the batch waits for a live worker: ``--timeout``, at most :data:`MAX_WORKER_WAIT`."""
    return MAX_WORKER_WAIT if not timeout or timeout <= 0 else min(float(timeout), MAX_WORKER_WAIT)


def payload_bytes(files: Mapping[str, bytes]) -> int:
    return sum(len(v) for v in files.values())


def _relative(name: str) -> str:
    from .storage import _safe_relative

    return _safe_relative(name)


def pack_folder(folder: Path, *, parts: Sequence[str] | None = None, hidden: bool = True) -> dict[str, bytes]:
    """The files of *folder* (recursively) as ``relative/posix/path -> bytes``.

    *parts*: only these files and folders (``"summary.json"``, ``"round/"``); *hidden*: whether
    names starting with a dot are included.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    files = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if not path.is_file() or (not hidden and any(p.startswith(".") for p in name.split("/"))):
            continue
        if parts is not None and not any(name.startswith(p) if p.endswith("/") else name == p for p in parts):
            continue
        try:
            files[name] = path.read_bytes()
        except FileNotFoundError:  # gone since it was listed (e.g. Excel's ~$ lock file): not part of the folder
            continue
    return files


def unpack(files: Mapping[str, bytes], target: Path) -> Path:
    """Write *files* (from :func:`pack_folder`) under *target*; names that would leave it are refused."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = target / _relative(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return target


# =========================================================================== the worker's facts
def _code_hash() -> str:
    """svcwork's version and the hash of its code, analysis notebooks and report templates."""
    from . import __version__
    from .batch import analysis_notebooks
    from .rerun import _tree_hash
    from .paths import PACKAGE_DIR, templates_dir

    h = hashlib.sha256(__version__.encode())
    h.update(_tree_hash(sorted(PACKAGE_DIR.rglob("*.py"))).encode())
    h.update(_tree_hash([p for p in analysis_notebooks() if p.is_file()]).encode())
    h.update(_tree_hash(sorted((templates_dir() / "report").glob("*"))).encode())
    return h.hexdigest()


def _requirements() -> list[str]:
    """The distribution names svcwork needs at run time (its metadata; extras left out)."""
    import importlib.metadata as md
    import re

    try:
        requires = md.requires("svcwork") or []
    except md.PackageNotFoundError:
        return []
    return sorted({re.split(r"[\s<>=!~;\[(]", r, maxsplit=1)[0] for r in requires if "extra ==" not in r})


def worker_facts(requirements: Sequence[str] = ()) -> dict:
    """What this process has: svcwork's version and code hash, the Python and Dask versions, which of
    *requirements* are missing and whether the notebooks' Jupyter kernel is installed."""
    import importlib.metadata as md
    import platform

    from . import __version__

    missing = []
    for name in requirements:
        try:
            md.version(name)
        except md.PackageNotFoundError:
            missing.append(name)
    try:
        from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

        from .batch import KERNEL

        try:
            KernelSpecManager().get_kernel_spec(KERNEL)
        except NoSuchKernel:
            missing.append(f"Jupyter kernel '{KERNEL}'")
    except ImportError:
        pass
    try:
        code = _code_hash()
    except OSError as exc:
        code = f"unreadable ({type(exc).__name__})"
    versions = {}
    for name in ("dask", "distributed", "cloudpickle"):
        with contextlib.suppress(md.PackageNotFoundError):
            versions[name] = md.version(name)
    return {"svcwork": __version__, "code": code, "python": platform.python_version().rsplit(".", 1)[0],
            "packages": versions, "missing": sorted(missing), "host": platform.node()}


def _differences(mine: Mapping, theirs: Mapping, lang: str) -> list[str]:
    found = []
    if theirs.get("svcwork") != mine.get("svcwork"):
        found.append(t("remote.diff.version", lang, theirs=theirs.get("svcwork"), mine=mine.get("svcwork")))
    elif theirs.get("code") != mine.get("code"):
        found.append(t("remote.diff.code", lang, version=mine.get("svcwork"), theirs=str(theirs.get("code"))[:12],
                       mine=str(mine.get("code"))[:12]))
    if theirs.get("python") != mine.get("python"):
        found.append(t("remote.diff.package", lang, name="Python", theirs=theirs.get("python"), mine=mine.get("python")))
    for name, version in (mine.get("packages") or {}).items():
        other = (theirs.get("packages") or {}).get(name)
        if other != version:
            found.append(t("remote.diff.package", lang, name=name, theirs=other or "—", mine=version))
    if theirs.get("missing"):
        found.append(t("remote.diff.missing", lang, names=", ".join(theirs["missing"])))
    return found


def check_workers(client, mine: Mapping, requirements: Sequence[str]) -> None:  # noqa: ANN001 - a distributed.Client
    """Raise :class:`RemoteError` naming every worker that cannot run svcwork as this machine does."""
    lang = user_language()
    try:
        facts = client.run(worker_facts, list(requirements), on_error="return")
    except Exception as exc:  # noqa: BLE001 - e.g. no worker left between the wait and the question
        raise RemoteError(t("remote.error.workers_unreachable", lang, detail=f"{type(exc).__name__}: {exc}"),
                          code="worker_mismatch") from None
    problems = []
    for address, theirs in sorted(facts.items()):
        if isinstance(theirs, BaseException):  # svcwork cannot even be imported there
            problems.append(t("remote.error.worker_line", lang, worker=address,
                              differences=t("remote.diff.no_svcwork", lang,
                                            detail=f"{type(theirs).__name__}: {theirs}"[:300])))
            continue
        diffs = _differences(mine, theirs, lang)
        if diffs:
            problems.append(t("remote.error.worker_line", lang, worker=f"{address} ({theirs.get('host')})",
                              differences="; ".join(diffs)))
    if problems:
        raise RemoteError(t("remote.error.workers_differ", lang, version=mine.get("svcwork"),
                            workers="\n  ".join(problems)), code="worker_mismatch")


# =========================================================================== one client on a worker
def make_job(folder: Path, out: Path, *, since: Path | None) -> ClientJob:
    """The job of the client in *folder*: its files, what the run needs of ``out/<slug>``, the earlier
    round *since* and the project's pseudonymisation key (as the local run would find it)."""
    from .privacy import pseudonymisation_key
    from .storage import SINCE_PARTS

    slug = client_slug(folder)
    earlier = out / slug
    return ClientJob(name=folder.name, client=pack_folder(folder, hidden=False),
                     output=_with_records(pack_folder(earlier, parts=("summary.json", "round/", "history/")), earlier),
                     since=None if since is None else _with_records(pack_folder(since, parts=SINCE_PARTS), since,
                                                                    parts=("round/",)),
                     key=pseudonymisation_key(folder),
                     earlier_pdf=(earlier / "report.pdf").is_file() and (earlier / "report.html").is_file(),
                     svg=bool(os.environ.get(_SVG_ENV)), lang=user_language())


def _unreadable(folder: Path, out: Path, exc: OSError) -> "ClientResult":
    """The client whose files the coordinator cannot read (*exc*), failed as a local run fails it: the
    intake's validation when that names the file (``intake_invalid`` with a ``file_unreadable``
    problem), else the file itself (``file_unreadable``, or ``folder_unreadable``)."""
    from .batch import ClientResult, _located, _unreadable_folder, validate_client
    from .errors import IntakeError
    from .paths import absolute

    lang = user_language()
    folder, slug = absolute(folder), client_slug(folder)
    try:
        checked = validate_client(folder)
        if not checked.ok or checked.engagement is None:
            return ClientResult(folder, slug, "failed", error=checked.summary(), code=IntakeError.code,
                                problems=checked.problems)
    except Exception:  # noqa: BLE001, S110 - the file named below is what the client fails for
        pass
    located = _located(exc, folder, out, lang)
    if located is None and Path(str(exc.filename or "")) == folder:
        located = _unreadable_folder(folder, exc, lang)
    if located is not None:
        return ClientResult(folder, slug, "failed", error=located.message, code=located.code, problems=(located,))
    return _failed(folder, "internal", t("remote.error.internal", lang,  # as run_client says an OSError it cannot place
                                         detail=f"{type(exc).__name__}: {exc}"[:400]))


#: The names under which a job and a worker's result carry the client's private records
#: (``OUT/.rounds/<slug>/``: :func:`svcwork.since.history.rounds_folder`) beside its output folder's files.
_RECORDS = ".rounds/"


def _with_records(files: Mapping[str, bytes], folder: Path, *, parts: Sequence[str] | None = None) -> dict[str, bytes]:
    """*files* of the output folder *folder* (``OUT/<slug>``) and its private records, named ``.rounds/…``."""
    from .since.history import rounds_folder

    private = pack_folder(rounds_folder(Path(folder).parent, Path(folder).name), parts=parts)
    return {**files, **{_RECORDS + name: data for name, data in private.items()}}


def _split_records(files: Mapping[str, bytes]) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The output folder's files, and the private records' (names without their ``.rounds/``)."""
    public = {n: d for n, d in files.items() if not n.startswith(_RECORDS)}
    private = {n[len(_RECORDS):]: d for n, d in files.items() if n.startswith(_RECORDS)}
    return public, private


def _note_start(topic: str, slug: str) -> None:
    with contextlib.suppress(ImportError, ValueError, AttributeError):
        from distributed import get_worker

        get_worker().log_event(topic, {"slug": slug, "pid": os.getpid()})


def sweep_worker_folders() -> list[str]:
    """Remove the private folders of clients' runs (:data:`_WORKER_PREFIX`) that a worker killed
    outright (SIGKILL, out of memory, a lost node) left in this machine's temporary folder: those of a
    process that no longer exists, and those named without a pid once a day old.  Returns their names."""
    import re
    import shutil

    gone = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(tempfile.gettempdir()):
            if not entry.name.startswith(_WORKER_PREFIX) or not entry.is_dir(follow_symlinks=False):
                continue
            rest = entry.name[len(_WORKER_PREFIX):]
            m = re.fullmatch(r"(\d+)-[a-z0-9_]{8}", rest)
            if m:
                if int(m.group(1)) == os.getpid():
                    continue
                try:
                    os.kill(int(m.group(1)), 0)
                    continue  # its process is running
                except ProcessLookupError:
                    pass
                except OSError:  # a process of another user: running
                    continue
            elif not re.fullmatch(r"[a-z0-9_]{8}", rest):
                continue
            else:
                try:
                    if time.time() - entry.stat(follow_symlinks=False).st_mtime < _LEGACY_AGE:
                        continue
                except OSError:
                    continue
            shutil.rmtree(entry.path, ignore_errors=True)
            gone.append(entry.name)
    return gone


#: This process's private folders of runs in progress (removed at exit, when a run could not end).
_LIVE_FOLDERS: set[str] = set()
_AT_EXIT = False


def _remove_live_folders() -> None:
    import shutil

    for folder in list(_LIVE_FOLDERS):
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _private_folder():  # noqa: ANN202 - Iterator[Path]
    """A private (0700) temporary folder named with this process's pid, removed on the way out
    (and at exit; :func:`sweep_worker_folders` removes it after a SIGKILL)."""
    import atexit
    import shutil

    global _AT_EXIT
    if not _AT_EXIT:
        atexit.register(_remove_live_folders)
        _AT_EXIT = True
    root = tempfile.mkdtemp(prefix=f"{_WORKER_PREFIX}{os.getpid()}-")  # mode 0700
    _LIVE_FOLDERS.add(root)
    try:
        yield Path(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
        _LIVE_FOLDERS.discard(root)


@contextlib.contextmanager
def _environ(values: Mapping[str, str | None]):  # noqa: ANN202
    """This process's environment with *values* set (None: unset) for the duration; restored after."""
    def put(settings: Mapping[str, str | None]) -> None:
        for name, value in settings.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

    before = {name: os.environ.get(name) for name in values}
    try:
        put(values)
        yield
    finally:
        put(before)


#: This worker process's warm kernels, one pool per SVG setting (a kernel keeps the environment it started in).
_KERNELS: dict[bool, object] = {}


def _kernel_for(svg: bool):  # noqa: ANN202 - a KernelPool
    """The warm kernel of this worker process for runs with or without SVG figures (started on first
    use, in the environment of that run: :func:`run_job` sets ``SVCWORK_SVG`` first; ended at exit)."""
    kernel = _KERNELS.get(svg)
    if kernel is None:
        import atexit

        from .kernels import KernelPool

        kernel = _KERNELS[svg] = KernelPool(1)
        atexit.register(kernel.close)
    return kernel


def _given_up(task: str) -> bool:
    """Whether this worker's task *task* was cancelled (the coordinator gave up the client, or the batch
    ended) while it waited for its turn: a thread cannot be stopped, but it need not begin the client."""
    if not task:
        return False
    try:
        from distributed import get_worker

        state = get_worker().state.tasks.get(task)
    except Exception:  # noqa: BLE001 - not on a worker, or its state not readable: run it
        return False
    return state is None or state.state in ("cancelled", "released", "forgotten")


def run_job(job: ClientJob, *, timeout: float | None, pdf: bool | None, expect: Mapping, topic: str = "",
            limit: int | None = None, task: str = "") -> tuple["ClientResult", dict[str, bytes], str]:
    """Run *job* on this worker; returns the result, the files of its output folder (none when the
    run wrote no new report) and the client folder it ran in (the coordinator puts its own in the
    paths recorded).

    *expect*: the coordinator's :func:`worker_facts`; a worker that joined after the batch began
    must have the same svcwork, Python and Dask versions (its code hash was compared, for the
    workers there at the start, by :func:`check_workers`: code edited in place while a batch runs
    does not fail it).  *limit*: the largest output sent back (bytes).  The key travels in the job
    (written to the private temporary client folder, mode 0600); ``SVCWORK_KEY`` set on the worker
    would win.  One client at a time runs in this process; the start the coordinator's time limit
    counts from is logged when its turn comes, unless its task (the key *task*) was cancelled meanwhile:
    it then ends at once, having run nothing.
    """
    from .batch import ClientResult, run_client

    lang = job.lang
    mine = worker_facts()
    diffs = _differences({**expect, "code": None}, {**mine, "code": None, "missing": []}, lang)
    if diffs:
        return (ClientResult(Path(job.name), job.slug, "failed", error=t("remote.error.worker_line", lang,
                worker=mine.get("host"), differences="; ".join(diffs)), code="worker_mismatch"), {}, "")
    with _KERNEL_LOCK:
        if _given_up(task):
            return (ClientResult(Path(job.name), job.slug, "failed", code="cancelled",
                                 error=t("remote.error.cancelled", lang)), {}, "")
        _note_start(topic, job.slug)
        start = time.perf_counter()
        sweep_worker_folders()
        with _private_folder() as root, _environ({_SVG_ENV: "1" if job.svg else None, _LANG_ENV: lang}):
            client = unpack(job.client, root / "clients" / job.name)
            key = client / _KEY_FILE
            key.parent.mkdir(mode=0o700)
            key.touch(mode=0o600)
            key.write_bytes(job.key)
            from .since.history import rounds_folder

            out = root / "out"
            public, private = _split_records(job.output)
            unpack(public, out / job.slug)
            unpack(private, rounds_folder(out, job.slug))
            if job.earlier_pdf:  # as the coordinator's OUT/<slug>: run_client keeps a report that has its PDF
                for name in ("report.html", "report.pdf"):
                    (out / job.slug / name).touch()
            since = None
            if job.since is not None:
                public, private = _split_records(job.since)
                since = unpack(public, root / "since" / job.slug)
                unpack(private, rounds_folder(root / "since", job.slug))
            result = run_client(client, out, force=True, timeout=timeout, kernel=_kernel_for(job.svg), pdf=pdf,
                                since=since)
            # a new report was written (a PDF that failed with no earlier one to keep, too), unless the earlier was kept
            wrote = result.output is not None and (result.status == "ok" or not job.earlier_pdf)
            files = _with_records(pack_folder(out / job.slug), out / job.slug) if wrote else {}
            if limit is not None and payload_bytes(files) > limit:
                result = ClientResult(result.client, job.slug, "failed", time.perf_counter() - start,
                                      code="remote_too_large",
                                      error=t("remote.error.outputs_too_large", lang,
                                              mb=f"{payload_bytes(files) / 2**20:.0f}", limit=f"{limit / 2**20:.0f}"))
                files = {}
            return result, files, str(client)


def write_outputs(folder: Path, out: Path, files: Mapping[str, bytes], *, ran_in: str) -> Path:
    """Put a worker's output *files* of the client in *folder* into ``out/<slug>`` atomically, with
    the worker's client folder *ran_in* replaced by *folder* in the notebooks and the run stamp."""
    from .batch import analysis_notebooks
    from .paths import private_dir
    from .since.history import rounds_folder
    from .storage import RUN_STAMP, rebase_stamp

    here = str(Path(folder).resolve())
    theirs, ours = json.dumps(ran_in)[1:-1].encode(), json.dumps(here)[1:-1].encode()
    notebooks = {p.name: str(p) for p in analysis_notebooks()}
    target = out / client_slug(folder)
    files, records = _split_records(files)
    with contextlib.ExitStack() as stack:
        # the report's folder first, then its private records (a record is read only with its own summary)
        if records or rounds_folder(out, target.name).exists():
            private_dir(rounds_folder(out, target.name).parent)
            unpack(records, stack.enter_context(atomic_dir(rounds_folder(out, target.name), private=True)))
        tmp = stack.enter_context(atomic_dir(target))
        for name, data in files.items():
            if name.endswith(".ipynb") and ran_in:
                data = data.replace(theirs, ours)
            elif name == RUN_STAMP:
                stamp = rebase_stamp(json.loads(data.decode("utf-8")), frm=ran_in, to=here)
                stamp["notebooks"] = [notebooks.get(Path(p).name, p) for p in stamp.get("notebooks") or []]
                data = (json.dumps(stamp, indent=1) + "\n").encode("utf-8")
            path = tmp / _relative(name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)  # the folder is swapped in whole: no file needs its own swap
    return target


# =========================================================================== the coordinator
@dataclass
class _Client:
    """The coordinator's record of one client in flight (private, changed as attempts go)."""

    folder: Path
    data: object  # the scattered ClientJob (a distributed Future), None before it is sent
    submission: int = 1
    starts_before: int = 0  # the client's starts on workers when this submission was made
    started: float | None = None  # when this submission began on a worker (the coordinator's clock)
    unsent_since: float | None = None  # since when no worker took it (the coordinator's clock)


def _connect(address: str):  # noqa: ANN202 - a distributed.Client
    import socket
    from urllib.parse import urlsplit

    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - distributed is a dependency
        raise UsageError(t("cli.error.no_distributed", user_language())) from None
    where = urlsplit(address if "://" in address else f"tcp://{address}")
    try:
        if where.hostname is None or where.port is None:
            raise ValueError(address)
        socket.create_connection((where.hostname, where.port), timeout=5).close()
        return Client(address, timeout=30)
    except ValueError:
        raise UsageError(t("cli.error.scheduler_address", user_language(), value=repr(address))) from None
    except (OSError, TimeoutError) as exc:
        raise UsageError(t("cli.error.scheduler_down", user_language(), address=address,
                           detail=type(exc).__name__)) from None


def _failed(folder: Path, code: str, error: str) -> "ClientResult":
    from .batch import ClientResult

    return ClientResult(folder, client_slug(folder), "failed", code=code, error=error)


def run_on_dask(address: str, folders: Sequence[Path], out: Path, *, force: bool, timeout: float | None,
                pdf: bool | None, done: Callable[[Path, "ClientResult"], None],
                since_for: Callable[[Path], Path | None], unchanged: Callable[[Path], bool],
                poll: float = 1.0) -> None:
    """Run the clients on the Dask cluster at *address* (see the module's description).

    *since_for(folder)*: the client's earlier round, if any; *unchanged(folder)*: whether its report
    in *out* is up to date (skipped without a task unless *force*).  Raises :class:`RemoteError`
    (exit 1) when no worker is there within :func:`worker_wait` or a worker cannot run svcwork.
    """
    from concurrent.futures import CancelledError

    from distributed import KilledWorker, wait as dask_wait

    from .batch import ClientResult

    lang = user_language()
    bound = worker_wait(timeout)
    limit = max_bytes()
    with _connect(address) as client:
        try:
            client.wait_for_workers(1, timeout=bound)
        except (TimeoutError, OSError):
            raise RemoteError(t("remote.error.no_workers", lang, address=address, seconds=f"{bound:g}"),
                              code="no_workers") from None
        requirements = _requirements()
        mine = worker_facts(requirements)
        check_workers(client, mine, requirements)
        topic = f"svcwork-{uuid.uuid4().hex[:12]}"
        live: dict[object, _Client] = {}

        waiting: list[_Client] = []  # to be (re)submitted when a worker is there to take their data
        with contextlib.suppress(Exception):  # what killed workers left on the machines: best effort
            client.run(sweep_worker_folders, on_error="return")

        def submit(entry: _Client, starts: Mapping[str, int], now: float) -> bool:
            """Send *entry* to the cluster; False while it waits (no worker took it yet). A client whose
            files cannot be read, or that no worker took for the whole wait, is done (failed)."""
            folder = entry.folder
            try:
                if entry.data is None or entry.data.status != "finished":  # new, or its data went with a worker
                    try:
                        job = make_job(folder, out, since=since_for(folder))
                    except OSError as exc:
                        done(folder, _unreadable(folder, out, exc))
                        return True
                    entry.data = client.scatter(job, hash=False, timeout=bound)
                    del job
                key = f"{topic}-{client_slug(folder)}-{entry.submission}"
                fut = client.submit(run_job, entry.data, timeout=timeout, pdf=pdf, expect=mine, topic=topic,
                                    limit=limit, task=key, key=key, pure=False, retries=0)
            except (TimeoutError, OSError, CancelledError) as exc:  # no worker to take the data just now
                entry.unsent_since = entry.unsent_since or now
                if now - entry.unsent_since > bound:
                    done(folder, _failed(folder, "not_sent", t("remote.error.not_sent", lang, seconds=f"{bound:g}",
                                                               detail=f"{type(exc).__name__}: {exc}"[:300])))
                    return True
                return False
            except Exception as exc:  # noqa: BLE001 - e.g. data that cannot be serialised: this client only
                done(folder, _failed(folder, "internal", t("remote.error.internal", lang,
                                                           detail=f"{type(exc).__name__}: {exc}"[:400])))
                return True
            entry.unsent_since = None
            entry.starts_before = starts.get(client_slug(folder), 0)
            entry.started = None
            live[fut] = entry
            return True

        for folder in folders:
            if not force and since_for(folder) is None and unchanged(folder):
                done(folder, ClientResult(folder, client_slug(folder), "skipped", output=out / client_slug(folder)))
                continue
            try:
                size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
            except OSError:  # gone meanwhile, or unreadable: said by make_job's reading
                size = 0
            if size > limit:
                done(folder, _failed(folder, "remote_too_large", t("remote.error.inputs_too_large", lang,
                                     mb=f"{size / 2**20:.0f}", limit=f"{limit / 2**20:.0f}")))
                continue
            waiting.append(_Client(folder, None))
        no_worker_since: float | None = None
        idle = False  # the last pass sent nothing and nothing runs
        while live or waiting:
            if live:
                with contextlib.suppress(TimeoutError, CancelledError):  # a cancelled future is handled below
                    dask_wait(list(live), timeout=poll, return_when="FIRST_COMPLETED")
            elif idle:
                time.sleep(poll)  # only clients waiting for a worker: never a busy loop
            starts = _starts(client, topic)
            for fut in [f for f in live if f.done()]:
                entry = live.pop(fut)
                folder = entry.folder
                slug = client_slug(folder)
                if fut.status == "finished":
                    try:
                        result, files, ran_in = fut.result()
                        if files:
                            write_outputs(folder, out, files, ran_in=ran_in)
                        done(folder, replace(result, client=folder, output=out / slug if result.output else None))
                    except Exception as exc:  # noqa: BLE001 - one client's trouble must not stop the batch
                        done(folder, _failed(folder, "worker", t("remote.error.internal", lang,
                                                                 detail=f"{type(exc).__name__}: {exc}"[:400])))
                elif fut.status == "error" and not isinstance(_exception(fut), KilledWorker):  # the task itself failed
                    done(folder, _failed(folder, "worker", t("remote.error.internal_worker", lang,
                                                             detail=_fut_error(fut))))
                elif starts.get(slug, 0) < ATTEMPTS and entry.submission < SUBMISSIONS:  # lost with a worker: again
                    entry.submission += 1
                    waiting.append(entry)
                else:
                    detail = t("remote.detail.twice", lang, detail=_fut_error(fut)) \
                        if starts.get(slug, 0) >= ATTEMPTS else \
                        t("remote.detail.not_begun", lang, n=SUBMISSIONS, detail=_fut_error(fut))
                    done(folder, _failed(folder, "worker_died", t("batch.worker_died", lang, detail=detail)))
            now = time.monotonic()
            for fut, entry in list(live.items()):
                slug = client_slug(entry.folder)
                if starts.get(slug, 0) > ATTEMPTS:  # the scheduler itself ran it again after its worker died
                    live.pop(fut)
                    fut.cancel()
                    done(entry.folder, _failed(entry.folder, "worker_died", t(
                        "batch.worker_died", lang, detail=t("remote.detail.twice_plain", lang))))
                elif entry.started is None and starts.get(slug, 0) > entry.starts_before:
                    entry.started = now  # its turn came on the worker: the time limit counts from here
                elif timeout and entry.started is not None and now - entry.started > timeout + bound:
                    live.pop(fut)
                    fut.cancel()
                    done(entry.folder, _failed(entry.folder, "notebook_timeout",
                                               t("remote.error.client_timeout", lang, seconds=f"{timeout:g}")))
            idle = True
            if _n_workers(client):
                no_worker_since = None
                before = len(waiting)
                waiting = [entry for entry in waiting if not submit(entry, starts, now)]
                idle = len(waiting) == before
            elif live or waiting:
                no_worker_since = no_worker_since or now
                if now - no_worker_since > bound:
                    message = t("remote.error.workers_lost", lang, seconds=f"{bound:g}")
                    for fut, entry in list(live.items()):
                        fut.cancel()
                    for entry in [*live.values(), *waiting]:
                        done(entry.folder, _failed(entry.folder, "no_workers", message))
                    live.clear()
                    waiting.clear()


def _starts(client, topic: str) -> dict[str, int]:  # noqa: ANN001
    """How many times each client began on a worker (the workers' events)."""
    counts: dict[str, int] = {}
    with contextlib.suppress(Exception):  # the scheduler is asked again at the next poll
        for _, msg in client.get_events(topic):
            counts[msg["slug"]] = counts.get(msg["slug"], 0) + 1
    return counts


def _n_workers(client) -> int:  # noqa: ANN001
    try:
        return len(client.nthreads())
    except Exception:  # noqa: BLE001 - a scheduler that does not answer has no worker for us
        return 0


def _exception(fut) -> BaseException | None:  # noqa: ANN001
    """The error of a finished future (a cancelled one's cancellation)."""
    try:
        return fut.exception(timeout=1)
    except Exception as err:  # noqa: BLE001 - a cancelled future raises here
        return err


def _fut_error(fut) -> str:  # noqa: ANN001
    exc = _exception(fut)
    return f"{type(exc).__name__}: {str(exc)[:200]}" if exc is not None else fut.status

