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

import contextlib
import hmac
import math
import os
import secrets
import time
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from .errors import SvcworkError
from .i18n import t, user_language

__all__ = ["pseudonymisation_key", "project_key_file", "init_project_key", "pseudonymise", "suppress", "shown",
           "hidden_cells", "hide", "SUPPRESSED"]

#: Marker used in place of a suppressed value in human-facing tables.
SUPPRESSED = "—"


#: Where a per-project key lives, relative to the project (or client) folder; git-ignored.
PROJECT_KEY = Path(".svcwork") / "secret.key"


def _user_key_file() -> Path:
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "svcwork" / "secret.key"


def project_key_file(start: str | os.PathLike) -> Path | None:
    """The nearest ``.svcwork/secret.key`` in *start* (a folder or a file's folder) or above it, if any.

    A key file another user owns, or one others may write, is refused with an error (``key_file``), never
    used: anyone who can plant one in a folder above the client's (a shared drive, ``/tmp`` where remote
    inputs are staged) would otherwise choose the key, and so be able to reverse every pseudonym."""
    here = Path(start).expanduser().absolute()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / PROJECT_KEY
        if candidate.is_file():
            _check_owned(candidate)
            return candidate
    return None


def _check_owned(path: Path) -> None:
    """Raise unless *path* belongs to this user and no one else may write it (POSIX; elsewhere nothing to do)."""
    if not hasattr(os, "getuid"):
        return
    st = path.stat()
    if st.st_uid != os.getuid() or st.st_mode & 0o022:
        raise SvcworkError(t("cli.error.key_not_owned", user_language(), path=path), code="key_file")


def _create_key(path: Path) -> bytes:
    """Write a new random key to *path* (mode 0600, parent folder 0700); the existing key if one appeared.

    The key is written whole to a private temporary file first and linked to *path* in one step, so a
    process starting at the same moment (parallel batch workers) finds no key or the whole key, never an
    empty file it would pseudonymise with (an empty key is public: every pseudonym reversible)."""
    import tempfile

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = secrets.token_hex(32).encode("ascii")
    fd, tmp = tempfile.mkstemp(prefix=".key-", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)  # fails if it exists: the first one linked wins, whole
        except FileExistsError:  # created concurrently: use that one
            return _existing_key(path)
        except OSError:  # a file system without hard links: create exclusively, the readers wait for the key
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                return _existing_key(path)
            with os.fdopen(fd, "wb") as fh:
                fh.write(key)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    os.chmod(path, 0o600)  # whatever the umask
    return key


def _existing_key(path: Path, *, wait: float = 2.0) -> bytes:
    """The key another process has just created at *path*; a moment's wait while it is still empty (a file
    system without hard links), then the empty key's error — never an empty key."""
    deadline = time.monotonic() + wait
    while True:
        key = path.read_bytes().strip()
        if key or time.monotonic() > deadline:
            break
        time.sleep(0.01)
    if not key:
        raise SvcworkError(t("cli.error.key_empty", user_language(), path=path), code="key_file")
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


def hidden_cells(table: pd.DataFrame, by: Sequence[str], min_size: int, *, count: str = "n",
                 within: Sequence[str] = (), hidden: np.ndarray | Sequence[bool] | None = None,
                 loops: bool = False) -> np.ndarray:
    """Which rows of *table* to hide (a boolean array, in row order): the house rule of primary and
    secondary suppression (Hundepool et al. 2012, *Statistical Disclosure Control*, §4.2; §5 for tables
    of frequencies).

    Rows with ``count < min_size`` are hidden (and the rows already *hidden*, e.g. a margin suppressed
    in another table); then, along every breakdown — a slice is the rows that share every column of
    *by* but one, and every column of *within* — while the hidden rows of a slice add up to more than
    0 but fewer than *min_size*, or a slice holds exactly one hidden row (which its margin minus the
    visible rows gives exactly, and which then opens the other slices it is in), the smallest visible
    row of that slice is hidden too, so no small group can be recovered by subtracting the visible
    rows from a margin.  With one column in *by*, the slice is all the rows (of each *within*), against
    their total.  A margin may be a row of its own slice (e.g. the "all channels" row beside each
    channel; a table's totals as rows keyed "all"): then, hidden, it counts as one hidden row of its
    slice, so the slice's other rows cannot give it back.  With *loops*, in a two-way breakdown (a row ×
    column table of counts, its totals as entries), a hidden row is never the only link between two parts
    of the hidden pattern either (a bridge: the slices on one side of it give it exactly,
    :func:`_close_bridge`).  A row is hidden whole: every attribute shown for it (counts, and shares or
    medians of them) goes with it.

    Counts are never negative, so a row of count 0 protects nothing: it is left out (under *min_size*)
    but never counts as a hidden row of its slice, nor as a link of the hidden pattern — a slice whose
    other hidden rows add up to 0 gives each of them as 0, and a 0 takes no share of a margin, so a slice
    holding one hidden count and a hidden 0 gives the count exactly (the attacker's audit, by linear
    programming with every count at least 0, treats every 0 as known).  Whether a 0 is shown is the
    table's choice (e.g. :func:`svcwork.journeys.parity.shown_volumes` shows it).  Nor is a row that some
    margin gives whatever else is hidden ever hidden as a partner (:func:`_given`: the only row above 0 of
    a slice, or, with *loops*, a bridge of the rows above 0 themselves, which no loop can pass through):
    it would protect nothing; the smallest visible row that can be a partner is hidden instead.  A small
    row that is itself so given is the published margins' disclosure, not the table's: still hidden, its
    slices still take partners, and the audit reports it.
    """
    n = pd.to_numeric(table[count], errors="coerce").fillna(0).to_numpy(dtype=float)
    hide_ = n < min_size
    if hidden is not None:
        hide_ |= np.asarray(hidden, dtype=bool)
    if table.empty or min_size <= 1:
        return hide_
    frame = table.reset_index(drop=True)
    within = [c for c in within if c in frame.columns]
    slices = []
    for d in by:
        others = [c for c in by if c != d] + within
        slices.append(frame.groupby(others, sort=False, dropna=False).ngroup().to_numpy() if others
                      else np.zeros(len(frame), np.int64))
    positive = n > 0  # a count of 0 is pinned by non-negativity: it absorbs no share of a margin
    given = _given(slices, positive, two_way=loops and len(slices) == 2)
    for _ in range(len(frame) + 1):
        for _ in range(len(frame) + 1):
            changed = False
            for grp in slices:
                held = hide_ & positive
                hidden_n = np.bincount(grp, weights=np.where(held, n, 0.0))
                hidden_k = np.bincount(grp, weights=held.astype(float))
                need = ((hidden_n > 0) & (hidden_n < min_size)) | (hidden_k == 1)
                cand = np.flatnonzero(~hide_ & need[grp] & positive & ~given)
                if cand.size:
                    order = cand[np.lexsort((n[cand], grp[cand]))]
                    _, first = np.unique(grp[order], return_index=True)
                    hide_[order[first]] = True
                    changed = True
            if not changed:
                break
        if not loops or len(slices) != 2 or not _close_bridge(slices, hide_, n, given):
            break
    return hide_


def _given(slices: list[np.ndarray], positive: np.ndarray, *, two_way: bool) -> np.ndarray:
    """The rows some margin gives exactly whatever else is hidden (zeros being known): the only row above 0
    of a slice, and in a two-way breakdown every bridge of the graph of the rows above 0 (the slices on one
    side of it add up to it).  Hiding such a row protects no other."""
    out = np.zeros(len(positive), bool)
    for grp in slices:
        k = np.bincount(grp, weights=positive.astype(float))
        out |= positive & (k[grp] == 1)
    if two_way and positive.any():
        k0 = int(slices[0].max()) + 1
        ends = np.stack([slices[0], slices[1] + k0], axis=1)
        rows = np.flatnonzero(positive)
        out[rows[_bridges(ends[rows], k0 + int(slices[1].max()) + 1)]] = True
    return out


def _close_bridge(slices: list[np.ndarray], hide_: np.ndarray, n: np.ndarray,
                  given: np.ndarray | None = None) -> bool:
    """For a two-way breakdown: hide one more row when a hidden row is a bridge of the hidden pattern.

    Each row joins its two slices (a row × column table: its row and its column).  A hidden row that is the
    only link between two parts of the hidden pattern (a bridge of that graph) is given exactly by the
    slices on one side of it, although every slice holds two hidden rows or more (e.g. the row's other
    hidden cells are tied in a loop of their own).  The smallest shown row joining the two sides is hidden
    then (it closes a loop through the bridge).  Rows of count 0 are no links (counts are never negative);
    a bridge that some margin gives anyway (*given*: a bridge of the rows above 0 themselves) is left, no
    row can close it, and a row so given is never the one hidden (no loop passes through it).  True when a
    row was hidden."""
    positive = n > 0
    given = np.zeros(len(n), bool) if given is None else given
    rows = np.flatnonzero(hide_ & positive)
    if rows.size < 2:
        return False
    k0 = int(slices[0].max()) + 1
    size = k0 + int(slices[1].max()) + 1
    ends = np.stack([slices[0], slices[1] + k0], axis=1)  # vertices: the slices of each breakdown
    for bridge in _bridges(ends[rows], size):
        r = rows[bridge]
        if given[r]:
            continue
        keep = np.ones(rows.size, bool)
        keep[bridge] = False
        side = _component(ends[rows[keep]], int(ends[r, 0]), size)
        a, b = side[ends[:, 0]], side[ends[:, 1]]
        cand = np.flatnonzero(~hide_ & positive & ~given & (a != b))
        if cand.size:
            hide_[cand[np.argmin(n[cand])]] = True
            return True
    return False


def _component(edges: np.ndarray, start: int, size: int) -> np.ndarray:
    """Boolean over vertices: reachable from *start* along *edges* (pairs of vertices)."""
    adj: list[list[int]] = [[] for _ in range(size)]
    for u, v in edges:
        adj[u].append(v)
        adj[v].append(u)
    seen = np.zeros(size, bool)
    seen[start] = True
    stack = [start]
    while stack:
        for w in adj[stack.pop()]:
            if not seen[w]:
                seen[w] = True
                stack.append(w)
    return seen


def _bridges(edges: np.ndarray, size: int) -> list[int]:
    """The positions of the bridges among *edges* (pairs of vertices; parallel edges are no bridges):
    Tarjan's low-link, iteratively."""
    adj: list[list[tuple[int, int]]] = [[] for _ in range(size)]
    for i, (u, v) in enumerate(edges):
        adj[u].append((v, i))
        adj[v].append((u, i))
    order = np.full(size, -1)
    low = np.zeros(size, np.int64)
    out: list[int] = []
    clock = 0
    for root in range(size):
        if order[root] >= 0 or not adj[root]:
            continue
        order[root] = low[root] = clock
        clock += 1
        stack = [(root, -1, iter(adj[root]))]
        while stack:
            u, via, it = stack[-1]
            step = next(it, None)
            if step is None:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[u])
                    if low[u] > order[parent]:
                        out.append(via)
                continue
            w, e = step
            if e == via:
                continue
            if order[w] < 0:
                order[w] = low[w] = clock
                clock += 1
                stack.append((w, e, iter(adj[w])))
            else:
                low[u] = min(low[u], order[w])
    return sorted(out)


def hide(table: pd.DataFrame, by: Sequence[str], min_size: int, *, count: str = "n",
         within: Sequence[str] = ("item",)) -> pd.DataFrame:
    """The rows of *table* that may be shown (index reset): :func:`hidden_cells` (primary and secondary
    suppression, the house rule of every grouped table whose margin the deliverable also shows), then
    :func:`suppress`."""
    if table.empty or min_size <= 1:
        return table.reset_index(drop=True)
    table = table.reset_index(drop=True)
    keep = ~hidden_cells(table, by, min_size, count=count, within=within)
    return suppress(table.loc[keep], count=count, min_size=min_size).reset_index(drop=True)
