"""Client folders and batch outputs behind fsspec URLs (``s3://bucket/clients``, ``file://…``).

``svcwork validate``, ``run``, ``batch`` and ``portfolio`` accept a URL wherever they take a client
folder, a folder of clients or an OUT folder.  Remote inputs are *staged*: copied to a private
temporary folder on this machine, where svcwork works as on any local folder; outputs are then
*published* back, one client's folder at a time and only when it is complete.

What "atomic" means on object storage.  S3 and its kin have no rename and no folder: a reader can
never see half of one object (an object is replaced whole), but a folder of objects cannot be
swapped in one step.  So a client's report is published only once it is complete on the local disk;
its old run stamp (``.svcwork-run.json``) is deleted first, the report's files uploaded, files of the
previous report that the new one does not have deleted, then ``summary.json`` and last the new stamp.
A batch killed while publishing leaves that client without a stamp (the next batch runs it again)
and never leaves the files of a failed run: a failing client's previous report stays as it was.
``index.html`` and ``batch.json`` are published after every client.  On a local disk (a plain path or
``file://``) the usual swap of the whole folder (:func:`svcwork.paths.atomic_dir`) is used.  A client's
private per-case records (``OUT/.rounds/<slug>/``, :func:`svcwork.since.history.rounds_folder`) are
fetched and published beside its folder, never inside it.

Credentials come from the protocol's standard environment and configuration (for S3: the
``AWS_*`` variables, ``~/.aws``, instance roles; ``AWS_ENDPOINT_URL`` or
``FSSPEC_S3_ENDPOINT_URL`` for an S3-compatible server).  A URL is shown and recorded only without
its user information, query string and fragment (:func:`redact`).
"""

from __future__ import annotations

import contextlib
import json
import posixpath
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping, Sequence
from urllib.parse import urlsplit

from .errors import StorageError, SvcworkError, UsageError
from .i18n import t, user_language
from .paths import atomic_dir, atomic_write_bytes, client_slug

if TYPE_CHECKING:  # pragma: no cover
    from .batch import BatchResult, ClientResult

__all__ = ["StorageError", "is_url", "is_remote", "redact", "join", "local_path", "location_arg", "staged_input", "StagedOutput",
           "rebase_stamp", "run_batch_at", "run_client_at", "staged_portfolio", "RUN_STAMP", "OUTPUT_PARTS"]

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
#: Protocols that name this machine's own disk.
_LOCAL = ("file", "local")
#: Protocols whose first path part is a bucket (container) that must exist before anything is written.
_BUCKETS = ("s3", "s3a", "gs", "gcs", "az", "abfs", "abfss")
#: The run stamp of a client's output (see :mod:`svcwork.batch`).
RUN_STAMP = ".svcwork-run.json"
#: What a run needs from a client's earlier output: the stamp, the report (history), its record and history
#: (the records: in ``OUT/.rounds/<slug>/``, or ``round/`` in the folder as written before).
OUTPUT_PARTS = (RUN_STAMP, "summary.json", "round/", "history/")
#: The private folder of an OUT folder that keeps the clients' records (:data:`svcwork.since.history.ROUNDS_DIR`).
_ROUNDS = ".rounds"
#: What a run needs from an explicit earlier round (``--since``).
SINCE_PARTS = ("summary.json", "round/")


# =========================================================================== URLs
def is_url(location: object) -> bool:
    """True for ``protocol://…`` text (an fsspec URL); paths and :class:`~pathlib.Path` are not URLs."""
    return isinstance(location, str) and bool(_URL.match(location))


def is_remote(location: object) -> bool:
    """True for a URL of another machine's storage (any protocol but ``file://`` and ``local://``)."""
    return is_url(location) and _protocol(str(location)) not in _LOCAL


def _protocol(url: str) -> str:
    return url.split("://", 1)[0].lower()


def redact(location: str | Path) -> str:
    """*location* as it may be shown or written: a URL without user, password, query and fragment."""
    if not is_url(location):
        return str(location)
    parts = urlsplit(str(location))
    host = parts.netloc.rsplit("@", 1)[-1]
    return f"{parts.scheme}://{host}{parts.path}"  # urlunsplit would fold memory:///x to memory:/x


def join(location: str | Path, *names: str) -> str | Path:
    """*location* / names, for a URL or a path."""
    if not is_url(location):
        return Path(location).joinpath(*names)
    return "/".join([str(location).rstrip("/"), *[n.strip("/") for n in names]])


def local_path(location: str | Path) -> Path:
    """A plain path or a ``file://`` URL as a :class:`~pathlib.Path`."""
    if is_url(location):
        if is_remote(location):
            raise ValueError(f"not a local location: {redact(location)}")
        return Path(urlsplit(str(location)).path)
    return Path(location)


def location_arg(text: str) -> str | Path:
    """argparse ``type``: a URL stays text (``Path`` would fold ``s3://`` to ``s3:/``), a path becomes a Path."""
    return text if is_url(text) else Path(text)


def _fs(location: str | Path):  # noqa: ANN202 - an fsspec filesystem and the path within it
    """The fsspec filesystem of *location* and the path in it; credentials from the protocol's own config."""
    import fsspec

    text = str(location)
    try:
        fs, root = fsspec.core.url_to_fs(text if is_url(text) else str(Path(text).absolute()))
    except (ImportError, ValueError) as exc:
        raise UsageError(t("remote.error.protocol", user_language(), url=redact(text),
                           detail=_detail(exc))) from None
    return fs, root.rstrip("/") or root


def _detail(exc: BaseException) -> str:
    """An exception in one line, without any URL it may quote (which could carry a key)."""
    text = re.sub(r"[A-Za-z][A-Za-z0-9+.-]*://\S+", "<url>", str(exc)).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:200]}" if text else type(exc).__name__


@contextlib.contextmanager
def _storage_errors(location: str | Path, action: str) -> Iterator[None]:
    """Turn the protocol's errors (network, permission, missing bucket) into a clear :class:`StorageError`."""
    try:
        yield
    except SvcworkError:
        raise
    except (OSError, ValueError, RuntimeError) as exc:
        raise StorageError(t(f"remote.error.{action}", user_language(), url=redact(location),
                             detail=_detail(exc))) from None


# =========================================================================== reading
def _files_under(fs, root: str) -> list[str]:  # noqa: ANN001
    """Every file below *root* (relative POSIX paths), listed afresh."""
    fs.invalidate_cache(root)
    if not fs.exists(root):
        return []
    found = fs.find(root, withdirs=False)
    prefix = root.rstrip("/") + "/"
    return sorted(p[len(prefix):] for p in found if p.startswith(prefix) and not p.endswith("/"))


def _safe_relative(name: str) -> str:
    """*name* if it is a plain relative POSIX path inside its folder; raises ValueError otherwise."""
    norm = posixpath.normpath(name)
    if not name or name.startswith("/") or norm.startswith("..") or norm == "." or "\\" in name or "\0" in name:
        raise ValueError(f"unsafe file name in a folder's listing: {name!r}")
    return norm


def _download(fs, root: str, names: Iterable[str], target: Path) -> None:  # noqa: ANN001
    for name in names:
        local = target / _safe_relative(name)
        local.parent.mkdir(parents=True, exist_ok=True)
        fs.get_file(f"{root}/{name}", str(local))


def _wanted(name: str, parts: Sequence[str]) -> bool:
    return any(name.startswith(p) if p.endswith("/") else name == p for p in parts)


@contextlib.contextmanager
def staged_input(location: str | Path) -> Iterator[Path]:
    """A local copy of the client folder, intake file or folder of clients at *location* (for a local
    location: the location itself).  The copy keeps the last name of the URL and is removed after."""
    if not is_remote(location):
        yield local_path(location)
        return
    fs, root = _fs(location)
    with tempfile.TemporaryDirectory(prefix="svcwork-input-") as tmp:
        target = Path(tmp) / (posixpath.basename(root) or "input")
        with _storage_errors(location, "read"):
            if fs.isfile(root):
                fs.get_file(root, str(target))
            else:
                names = _files_under(fs, root)
                if not names:
                    lang = user_language()
                    raise UsageError(t("remote.error.not_found", lang, url=redact(location)))
                target.mkdir()
                _download(fs, root, names, target)
        yield target


# =========================================================================== stamps
def rebase_stamp(stamp: Mapping, *, frm: str, to: str) -> dict:
    """A copy of a run stamp whose input and commentary paths under folder *frm* are under *to* instead."""
    def move(path: str) -> str:
        if path == frm or path.startswith(frm.rstrip("/") + "/"):
            return to.rstrip("/") + path[len(frm.rstrip("/")):]
        return path

    out = dict(stamp)
    out["inputs"] = [{**i, "path": move(str(i.get("path", "")))} for i in stamp.get("inputs") or []]
    out["commentary"] = [move(str(p)) for p in stamp.get("commentary") or []]
    return out


def _rebased_stamp_bytes(folder: Path, *, frm: str, to: str) -> bytes | None:
    try:
        stamp = json.loads((folder / RUN_STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return (json.dumps(rebase_stamp(stamp, frm=frm, to=to), indent=1) + "\n").encode("utf-8")


# =========================================================================== an OUT folder elsewhere
@dataclass(frozen=True)
class StagedOutput:
    """A local stand-in for the OUT folder at *location*: what the runs read from it is copied into
    *local*, and each complete client folder is published back with :meth:`publish`.

    *clients* maps each client's slug to its local folder (as the runs see it) and the folder's own
    location: published stamps name the latter, so a later run from the same location finds the
    client unchanged.
    """

    location: str | Path
    local: Path
    clients: Mapping[str, tuple[str, str]]

    def fetch(self, slugs: Iterable[str], *, parts: Sequence[str] = OUTPUT_PARTS) -> None:
        """Copy what a run needs of ``OUT/<slug>`` (:data:`OUTPUT_PARTS`, and its private records) here; a
        report that exists is marked by an empty ``report.html`` (and ``report.pdf`` when it has one; this
        private copy is never published as it is)."""
        fs, root = _fs(self.location)
        with _storage_errors(self.location, "read"):
            for slug in slugs:
                names = _files_under(fs, f"{root}/{slug}")
                target = self.local / slug
                _download(fs, f"{root}/{slug}", [n for n in names if _wanted(n, parts)], target)
                records = [n for n in _files_under(fs, f"{root}/{_ROUNDS}/{slug}") if _wanted(n, parts)]
                if records:
                    _download(fs, f"{root}/{_ROUNDS}/{slug}", records, self._records(slug))
                for marker in ("report.html", "report.pdf"):  # what the earlier report has (unchanged, kept)
                    if marker in names and RUN_STAMP in parts:
                        target.mkdir(parents=True, exist_ok=True)
                        (target / marker).touch()
                if (target / RUN_STAMP).is_file() and slug in self.clients:
                    local, source = self.clients[slug]
                    data = _rebased_stamp_bytes(target, frm=source, to=local)
                    if data is not None:
                        (target / RUN_STAMP).write_bytes(data)

    def _records(self, slug: str) -> Path:
        from .paths import private_dir

        return private_dir(self.local / _ROUNDS) / slug

    def publish(self, slug: str) -> None:
        """Put the complete ``<local>/<slug>`` into ``OUT/<slug>`` (see the module's note on atomicity),
        and its private records into ``OUT/.rounds/<slug>``."""
        folder = self.local / slug
        records = self.local / _ROUNDS / slug
        stamp = None
        if slug in self.clients:
            local, source = self.clients[slug]
            stamp = _rebased_stamp_bytes(folder, frm=local, to=source)
        if not is_remote(self.location):
            from .paths import private_dir

            base = local_path(self.location)
            with contextlib.ExitStack() as stack:
                if records.is_dir() or (base / _ROUNDS / slug).exists():  # the report first, then its records
                    private_dir(base / _ROUNDS)
                    kept = stack.enter_context(atomic_dir(base / _ROUNDS / slug, private=True))
                    if records.is_dir():
                        shutil.copytree(records, kept, dirs_exist_ok=True)
                tmp = stack.enter_context(atomic_dir(base / slug))
                shutil.copytree(folder, tmp, dirs_exist_ok=True)
                if stamp is not None:
                    atomic_write_bytes(tmp / RUN_STAMP, stamp)
            return
        fs, root = _fs(self.location)
        names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
        kept = sorted(p.relative_to(records).as_posix() for p in records.rglob("*") if p.is_file()) \
            if records.is_dir() else []
        with _storage_errors(self.location, "write"):
            before = _files_under(fs, f"{root}/{_ROUNDS}/{slug}")  # the records first: each read only with its summary
            for name in kept:
                _upload(fs, records / name, f"{root}/{_ROUNDS}/{slug}/{name}")
            stale = [f"{root}/{_ROUNDS}/{slug}/{n}" for n in before if n not in kept]
            if stale:
                fs.rm(stale)
            before = _files_under(fs, f"{root}/{slug}")
            if RUN_STAMP in before:
                fs.rm_file(f"{root}/{slug}/{RUN_STAMP}")
            for name in [n for n in names if n not in ("summary.json", RUN_STAMP)]:
                _upload(fs, folder / name, f"{root}/{slug}/{name}")
            stale = [f"{root}/{slug}/{n}" for n in before if n not in names and n != RUN_STAMP]
            if stale:
                fs.rm(stale)
            if "summary.json" in names:
                _upload(fs, folder / "summary.json", f"{root}/{slug}/summary.json")
            if stamp is not None:
                fs.pipe_file(f"{root}/{slug}/{RUN_STAMP}", stamp)

    def publish_files(self, names: Iterable[str]) -> None:
        """Put the top-level files *names* (index.html, batch.json …) into OUT, each whole."""
        if not is_remote(self.location):
            for name in names:
                atomic_write_bytes(local_path(self.location) / name, (self.local / name).read_bytes())
            return
        fs, root = _fs(self.location)
        with _storage_errors(self.location, "write"):
            for name in names:
                _upload(fs, self.local / name, f"{root}/{name}")


def _upload(fs, local: Path, remote: str) -> None:  # noqa: ANN001
    parent = posixpath.dirname(remote)
    with contextlib.suppress(OSError, ValueError, NotImplementedError):  # object stores have no folders
        fs.makedirs(parent, exist_ok=True)
    fs.put_file(str(local), remote)


def _check_output_location(location: str | Path) -> None:
    """A remote OUT must be reachable (bucket exists, credentials work) before any client runs."""
    fs, root = _fs(location)
    with _storage_errors(location, "write"):
        fs.invalidate_cache(root)
        if fs.isfile(root):
            raise UsageError(t("remote.error.not_folder", user_language(), url=redact(location)))
        if _protocol(str(location)) in _BUCKETS and not fs.exists(root.split("/", 1)[0]):
            raise UsageError(t("remote.error.not_found", user_language(), url=redact(location)))


# =========================================================================== commands on URLs
def _relabel(result: "ClientResult", *, source: str, location: str | Path) -> "ClientResult":
    from dataclasses import replace

    return replace(result, source=redact(source), location=redact(join(location, result.slug)))


def run_batch_at(clients: str | Path, output: str | Path, *, since: str | Path | None = None,
                 progress: Callable[["ClientResult", int, int], None] | None = None,
                 **options: object) -> "BatchResult":
    """:func:`svcwork.batch.run_batch` where CLIENTS, OUT or *since* may be URLs.

    Remote clients (and the earlier batch *since*) are staged to a temporary folder; what the runs
    need of OUT is copied beside them; each client that completes is published to OUT as soon as
    it is done (a client whose publishing fails is reported failed, code ``storage``), then
    ``index.html`` and ``batch.json``.  A local OUT keeps its lock against a second batch; a
    remote OUT cannot be locked: do not point two batches at the same remote OUT at once.
    """
    from dataclasses import replace

    from .batch import BatchResult, _batch_lock, _write_index, find_clients, run_batch

    if not is_remote(output):
        _check_local_output(output)
    else:
        _check_output_location(output)
    with contextlib.ExitStack() as stack:
        if not is_remote(output):
            stack.enter_context(_batch_lock(local_path(output).resolve()))
        local_clients = stack.enter_context(staged_input(clients))
        try:
            folders = find_clients(local_clients)
        except UsageError:
            if not is_remote(clients):
                raise
            raise UsageError(t("cli.error.no_clients", user_language(), path=redact(clients))) from None
        sources = {client_slug(f): (str(f.resolve()), redact(join(clients, f.name)) if is_remote(clients)
                                    else str(f.resolve())) for f in folders}
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="svcwork-out-")))
        staged = StagedOutput(output, work / "out", sources)
        staged.local.mkdir()
        staged.fetch(client_slug(f) for f in folders)
        local_since = None
        if since is not None:
            local_since = work / "since"
            local_since.mkdir()
            if not _is_folder(since):
                raise UsageError(t("since.error.no_batch", user_language(), path=redact(since)))
            StagedOutput(since, local_since, sources).fetch((client_slug(f) for f in folders), parts=SINCE_PARTS)
        failures: dict[str, str] = {}

        def publish(result: "ClientResult", done: int, total: int) -> None:
            if result.status == "ok":
                try:
                    staged.publish(result.slug)
                except SvcworkError as exc:
                    failures[result.slug] = exc.message
            if progress is not None:
                progress(result, done, total)

        batch = run_batch(local_clients, staged.local, since=local_since, progress=publish, **options)
        results = []
        for r in batch.clients:
            r = _relabel(r, source=sources[r.slug][1], location=output)
            if r.slug in failures:
                r = replace(r, status="failed", code=StorageError.code, error=failures[r.slug])
            results.append(r)
        final = BatchResult(staged.local, tuple(results), batch.seconds, location=redact(output))
        _write_index(final)
        staged.publish_files(["index.html", "batch.json"])
        return final


def _is_folder(location: str | Path) -> bool:
    """Whether *location* is a folder (for object storage: a prefix with something under it)."""
    if not is_remote(location):
        return local_path(location).is_dir()
    fs, root = _fs(location)
    with _storage_errors(location, "read"):
        fs.invalidate_cache(root)
        return fs.isdir(root)


def _check_local_output(output: str | Path) -> None:
    path = local_path(output)
    if path.exists() and not path.is_dir():
        raise UsageError(t("remote.error.not_folder", user_language(), url=str(output)))


def run_client_at(client: str | Path, output: str | Path, *, since: str | Path | None = None,
                  run: Callable[..., "ClientResult"] | None = None, **options: object) -> "ClientResult":
    """:func:`svcwork.batch.run_client` where the client folder, OUT or *since* may be URLs (staged
    and published as in :func:`run_batch_at`); *run* is the function that runs the staged client."""
    from .batch import run_client

    run = run or run_client
    if is_remote(output):
        _check_output_location(output)
    with contextlib.ExitStack() as stack:
        local_client = stack.enter_context(staged_input(client))
        slug = client_slug(local_client)
        source = redact(client) if is_remote(client) else str(local_client.resolve())
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="svcwork-out-")))
        staged = StagedOutput(output, work / "out", {slug: (str(local_client.resolve()), source)})
        staged.local.mkdir()
        staged.fetch([slug])
        local_since = None
        if since is not None:
            local_since = stack.enter_context(staged_input(since))
        result = run(local_client, staged.local, since=local_since, **options)
        if result.status == "ok":
            staged.publish(slug)
        return _relabel(result, source=source, location=output)


@contextlib.contextmanager
def staged_portfolio(location: str | Path) -> Iterator[Path]:
    """A local copy of a batch's summaries (``*/summary.json``, ``batch.json``) at *location*; on leaving
    the block, ``portfolio.html`` and ``portfolio.xlsx`` made in it are published to *location*."""
    fs, root = _fs(location)
    with tempfile.TemporaryDirectory(prefix="svcwork-portfolio-") as tmp:
        local = Path(tmp) / "out"
        local.mkdir()
        with _storage_errors(location, "read"):
            names = _files_under(fs, root)
            if not names:
                raise UsageError(t("remote.error.not_found", user_language(), url=redact(location)))
            wanted = [n for n in names if n == "batch.json" or (n.count("/") == 1 and n.endswith("/summary.json")
                                                                and not n.startswith("."))]
            _download(fs, root, wanted, local)
        yield local
        StagedOutput(location, local, {}).publish_files(
            [n for n in ("portfolio.html", "portfolio.xlsx") if (local / n).is_file()])
