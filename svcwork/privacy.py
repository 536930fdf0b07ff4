"""Pseudonymisation of personal identifiers and suppression of small groups.

Pseudonyms are keyed hashes (HMAC-SHA-256, RFC 2104) so the same citizen gets the same
pseudonym within a project (repeat contacts can still be found) while the value cannot be
recovered without the key.  The key is looked up in this order (:func:`pseudonymisation_key`):

1. ``SVCWORK_KEY`` (hex or any text), if set;
2. the secret file named by ``SVCWORK_KEY_FILE``, if set (created on first use);
3. the per-project secret file: the nearest ``.svcwork/secret.key`` found walking up from the
   client folder (create one with :func:`init_project_key`);
4. the per-user secret file ``~/.config/svcwork/secret.key`` (``$XDG_CONFIG_HOME`` honoured),
   created on first use.

Key files are created with mode 0600 (their folder 0700).  The key is never written into any
output.
"""

from __future__ import annotations

import hmac
import math
import os
import secrets
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import SvcworkError
from .i18n import t, user_language

__all__ = ["pseudonymisation_key", "project_key_file", "init_project_key", "pseudonymise", "suppress", "shown",
           "SUPPRESSED"]

#: Marker used in place of a suppressed value in human-facing tables.
SUPPRESSED = "—"


#: Where a per-project key lives, relative to the project (or client) folder; git-ignored.
PROJECT_KEY = Path(".svcwork") / "secret.key"


def _user_key_file() -> Path:
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "svcwork" / "secret.key"


def project_key_file(start: str | os.PathLike) -> Path | None:
    """The nearest ``.svcwork/secret.key`` in *start* (a folder or a file's folder) or above it, if any."""
    here = Path(start).expanduser().absolute()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / PROJECT_KEY
        if candidate.is_file():
            return candidate
    return None


def _create_key(path: Path) -> bytes:
    """Write a new random key to *path* (mode 0600, parent folder 0700); the existing key if one appeared."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = secrets.token_hex(32).encode("ascii")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # created concurrently (parallel batch workers): use that one
        return path.read_bytes().strip()
    with os.fdopen(fd, "wb") as fh:
        fh.write(key)
    os.chmod(path, 0o600)  # whatever the umask
    return key


def _read_or_create(path: Path) -> bytes:
    try:
        try:
            key = path.read_bytes().strip()
        except FileNotFoundError:
            return _create_key(path)
    except OSError as exc:
        raise SvcworkError(t("cli.error.key_unreadable", user_language(), path=path, detail=exc.strerror or exc),
                           code="key_file") from None
    if not key:
        raise SvcworkError(t("cli.error.key_empty", user_language(), path=path), code="key_file")
    return key


def init_project_key(folder: str | os.PathLike) -> Path:
    """Create the per-project key ``<folder>/.svcwork/secret.key`` (mode 0600) unless it exists; its path."""
    path = Path(folder) / PROJECT_KEY
    if not path.is_file():
        _create_key(path)
    return path


def pseudonymisation_key(start: str | os.PathLike | None = None) -> bytes:
    """The project's secret key (order: see module docstring); created on first use.

    *start* is the client folder (or intake file) being loaded: the nearest
    ``.svcwork/secret.key`` at or above it is the project's key.  Without *start*, the
    current directory is the starting point.
    """
    env = os.environ.get("SVCWORK_KEY")
    if env:
        return env.encode("utf-8")
    named = os.environ.get("SVCWORK_KEY_FILE")
    if named:
        return _read_or_create(Path(named).expanduser())
    project = project_key_file(Path.cwd() if start is None else start)
    if project is not None:
        return _read_or_create(project)
    return _read_or_create(_user_key_file())


def pseudonymise(values: pd.Series, *, namespace: str, key: bytes | None = None, length: int = 12) -> pd.Series:
    """Replace identifiers by keyed-hash pseudonyms (``<namespace>-<hex>``); missing stays missing.

    The same value always maps to the same pseudonym for the same key and namespace
    (HMAC-SHA-256 per RFC 2104, truncated to *length* hex digits).  Leading/trailing spaces
    and case are ignored so ``" AB12 "`` and ``"ab12"`` are one person.
    """
    key = pseudonymisation_key() if key is None else key
    prefix = namespace.encode("utf-8") + b"\x00"
    head = f"{namespace[:3]}-"
    text = values.astype("string").str.strip().str.casefold()
    codes, uniques = pd.factorize(text)  # each distinct identifier hashed once; missing: code -1
    names = np.array([head + hmac.digest(key, prefix + u.encode("utf-8"), "sha256").hex()[:length] for u in uniques]
                     + [None], dtype=object)  # the last entry is what code -1 picks: missing stays missing
    return pd.Series(names[codes], index=values.index, dtype="string", name=values.name)


def suppress(frame: pd.DataFrame, *, count: str, min_size: int) -> pd.DataFrame:
    """Drop rows whose group count (column *count*) is below *min_size*.

    Used on every grouped table before it is shown, charted or written, so that no group
    smaller than the engagement's ``min_group_size`` ever leaves the analysis.
    """
    counts = pd.to_numeric(frame[count], errors="coerce")
    return frame.loc[np.asarray(counts >= min_size)].copy()


def shown(base: object, min_size: int):
    """Whether a figure computed over some base — a group of a table, the cases with a known citizen
    (repeat contact, first-contact resolution), the cases decided (deadline), the cases following one
    path — may be shown (in a table, chart, sentence or summary.json): only when that base holds at
    least ``min_size`` (the engagement's ``min_group_size``); else it is suppressed, as :func:`suppress`
    drops a row.  *base* a count, or counts (a Series or array: True/False for each)."""
    if isinstance(base, (pd.Series, np.ndarray)):
        return pd.to_numeric(base, errors="coerce") >= min_size if isinstance(base, pd.Series) else base >= min_size
    return base is not None and not (isinstance(base, float) and math.isnan(base)) and int(base) >= int(min_size)
