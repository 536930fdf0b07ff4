"""Where things live, and how outputs are written safely.

Outputs are written atomically: a file goes to a temporary name in the same folder and is
renamed into place (:func:`atomic_write_bytes`); a whole client's output is built in a
temporary folder and swapped in when complete (:func:`atomic_dir`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path
from typing import Iterator

__all__ = [
    "PACKAGE_DIR",
    "project_root",
    "notebooks_dir",
    "templates_dir",
    "demo_clients_dir",
    "client_slug",
    "find_intake",
    "intake_candidates",
    "absolute",
    "SPREADSHEET_SUFFIXES",
    "sha256_file",
    "atomic_write_bytes",
    "atomic_write_text",
    "atomic_dir",
    "COMPANION_SUFFIXES",
    "STALE_BUILD",
    "sweep_stale_builds",
    "private_dir",
]

PACKAGE_DIR = Path(__file__).resolve().parent
_UMASK = os.umask(0o022)
os.umask(_UMASK)
#: The companion file types a consultant is told about first (every type read: svcwork.exports.files).
COMPANION_SUFFIXES = (".csv", ".xlsx", ".parquet")
#: Spreadsheet suffixes, the intake's order of preference first: the workbooks svcwork reads (.xlsx,
#: .xlsm), then those it refuses with a clear message (an old .xls, .xlsb, an OpenDocument sheet).
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


def _checkout() -> Path | None:
    """The checkout svcwork runs from: ``SVCWORK_HOME`` if set, else the folder holding this package when
    it is a checkout (``pyproject.toml`` and ``notebooks/`` beside ``svcwork/``); None for an installed
    svcwork (``pip install .``, a wheel, a Dask worker)."""
    env = os.environ.get("SVCWORK_HOME")
    if env:
        return Path(env).resolve()
    root = PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").is_file() and (root / "notebooks").is_dir() else None


def _packaged(name: str) -> Path:
    """The copy of the checkout's folder *name* that an installed svcwork carries (``svcwork/_<name>/``,
    pyproject's package-dir)."""
    from importlib import resources

    return Path(os.fspath(resources.files(__package__ or "svcwork") / f"_{name}"))


def project_root() -> Path:
    """The checkout holding ``notebooks/``, ``templates/`` and ``data/`` (``SVCWORK_HOME`` overrides); for an
    installed svcwork without one, the current directory (where ``svcwork demo`` writes ``data/clients``)."""
    return _checkout() or Path.cwd()


def notebooks_dir() -> Path:
    """The analysis notebooks: the checkout's ``notebooks/``, else the copy installed with the package."""
    root = _checkout()
    return root / "notebooks" if root is not None else _packaged("notebooks")


def templates_dir() -> Path:
    """The report templates (``report/``): the checkout's ``templates/``, else the copy installed with the package."""
    root = _checkout()
    return root / "templates" if root is not None else _packaged("templates")


def demo_clients_dir() -> Path:
    return project_root() / "data" / "clients"


def client_slug(path: str | os.PathLike) -> str:
    """A file-system and URL safe name for a client folder (or intake file's folder)."""
    p = Path(path)
    name = p.parent.name if p.suffix.lower() in {".xlsx", ".xls", ".xlsm"} else p.name
    name = unicodedata.normalize("NFKC", name).strip()
    slug = re.sub(r"[^\w.-]+", "-", name, flags=re.UNICODE).strip("-.")
    return slug or "client"


def absolute(path: str | os.PathLike) -> Path:
    """*path* made absolute against the current directory, once, where a command or run begins:
    later steps (a kernel that changes its directory, a worker process) then mean the same place.
    Lexical (``..`` folded, symbolic links kept), so a client's folder keeps the name it was given."""
    return Path(os.path.abspath(os.fspath(path)))


def _intake_rank(path: Path) -> tuple[int, str]:
    suffix = path.suffix.casefold()
    rank = SPREADSHEET_SUFFIXES.index(suffix) if suffix in SPREADSHEET_SUFFIXES else len(SPREADSHEET_SUFFIXES)
    return rank, path.name


def intake_candidates(folder: str | os.PathLike) -> tuple[Path, ...]:
    """Every file named ``intake.*`` in a client *folder*, the one :func:`find_intake` uses first: a
    workbook svcwork reads (.xlsx, then .xlsm), then other spreadsheets, then any other file (a
    printout ``intake.pdf``, a backup ``intake.bak``), each group by name."""
    p = Path(folder)
    if not p.is_dir():
        return ()
    found = [c for c in p.iterdir() if c.is_file() and c.stem.casefold() == "intake" and not c.name.startswith(".")]
    return tuple(sorted(found, key=_intake_rank))


def find_intake(path: str | os.PathLike) -> Path:
    """The intake workbook of a client folder, or *path* itself when it is a file.

    In a folder holding several ``intake.*`` files, the readable workbook wins
    (:func:`intake_candidates`): a printout or an old .xls beside ``intake.xlsx`` never hides it.
    Without any, ``<folder>/intake.xlsx`` (which does not exist)."""
    p = Path(path)
    if p.is_dir():
        candidates = intake_candidates(p)
        return candidates[0] if candidates else p / "intake.xlsx"
    return p


def sha256_file(path: str | os.PathLike, *, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file's bytes (hex)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write *data* to *path* so that readers see either the old file or the whole new one."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs get the user's usual permissions
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return target


def atomic_write_text(path: str | os.PathLike, text: str) -> Path:
    """Text variant of :func:`atomic_write_bytes` (UTF-8)."""
    return atomic_write_bytes(path, text.encode("utf-8"))


@contextlib.contextmanager
def atomic_dir(target: str | os.PathLike, *, private: bool = False) -> Iterator[Path]:
    """Build a folder in a temporary sibling and swap it into *target* when the block succeeds.

    If the block raises (or the process dies), *target* keeps its previous content and the
    temporary folder is removed (or left as ``.<name>.tmp-*``, cleaned on the next run or batch:
    :func:`sweep_stale_builds`).  A process killed between the two renames of the swap leaves the
    previous folder as ``.<name>.old-*``: the next run puts it back before anything else.  The
    temporary folder is private (mode 0700) until the swap, when it takes the user's usual mode —
    unless *private* (per-case records): then it stays 0700, its folders 0700 and its files 0600, so a
    copy of it alone (``cp -a``, a zip) is as closed as where it was made.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in sorted(target.parent.glob(f".{target.name}.old-*")):
        if not target.exists():  # killed after moving the previous folder aside: it is whole, restore it
            os.replace(stale, target)
        else:  # killed while removing the previous folder, after the new one was in place
            shutil.rmtree(stale, ignore_errors=True)
    for stale in target.parent.glob(f".{target.name}.tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))  # 0700 until the swap
    try:
        yield tmp
        if private:
            _close(tmp)
        else:
            os.chmod(tmp, 0o777 & ~_UMASK)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        os.replace(target, old)
    os.replace(tmp, target)
    shutil.rmtree(old, ignore_errors=True)


def _close(folder: Path) -> None:
    """*folder* and everything in it readable by its owner only (folders 0700, files 0600)."""
    os.chmod(folder, 0o700)
    for root, dirs, files in os.walk(folder):
        for d in dirs:
            os.chmod(os.path.join(root, d), 0o700)
        for f in files:
            os.chmod(os.path.join(root, f), 0o600)


#: The name :func:`atomic_dir` gives a folder being built (``.<name>.tmp-`` and :func:`tempfile.mkdtemp`'s
#: eight characters): only such folders are swept as stale.
STALE_BUILD = re.compile(r"^\.(?P<name>.+)\.tmp-[a-z0-9_]{8}$")


def sweep_stale_builds(folder: str | os.PathLike) -> list[Path]:
    """Remove the folders :func:`atomic_dir` was building in *folder* when a run was killed
    (``.<slug>.tmp-xxxxxxxx``, exactly that name; nothing else); returns those removed.  Call it only
    where no other run can be building in *folder* (a batch holds OUT's lock)."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if STALE_BUILD.match(entry.name) and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
                removed.append(Path(entry.path))
    return removed


def private_dir(path: str | os.PathLike) -> Path:
    """*path* as a folder only its owner can open (mode 0700), created if need be."""
    p = Path(path)
    p.mkdir(parents=True, exist_ok=True)
    os.chmod(p, 0o700)
    return p
