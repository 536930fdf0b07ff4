"""Reuse within a run: a value computed once by the first notebook that needs it, read by the others.

``svcwork run`` passes every notebook the same cache folder; :func:`remember` keeps a value there
(a pickle under ``<cache_dir>/.results/``) keyed by :func:`result_key` — the input files' SHA-256,
the svcwork version, the name and the options — and :func:`remembered` reads it back (the report's
assembly reads the journeys analysis the notebook kept).  Used by :mod:`svcwork.links`
(``measures_result``, ``journeys_result``); a module of its own so that what reads a kept value
does not import the analyses (the pickle imports what the value needs).
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import os
import pickle
import warnings
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from . import __version__
from .paths import atomic_write_bytes

if TYPE_CHECKING:  # pragma: no cover
    from .intake import Engagement

__all__ = ["remember", "remembered", "result_key", "RESULTS_DIR"]

T = TypeVar("T")

#: Where :func:`remember` keeps its results, inside the run's cache folder.
RESULTS_DIR = ".results"


def _mapping_proxy(items: dict) -> MappingProxyType:
    return MappingProxyType(items)


class _Pickler(pickle.Pickler):
    """A pickler that also keeps read-only mappings (the results' ``by``, ``charts`` …) as read-only mappings."""

    dispatch_table = copyreg.dispatch_table.copy()
    dispatch_table[MappingProxyType] = lambda proxy: (_mapping_proxy, (dict(proxy),))


def _dumps(value: object) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


def result_key(engagement: Engagement, name: str, **params: Any) -> str | None:
    """The key :func:`remember` stores *name* under for *engagement* and *params* (hex SHA-256).

    A digest of the input files' SHA-256 (``engagement.inputs``, with their roles), the svcwork
    version, *name* and the sorted *params* (by their ``repr``, so give plain values).  None
    when the engagement has no input files (built in memory): nothing identifies it, so
    nothing is remembered.
    """
    if not engagement.inputs:
        return None
    h = hashlib.sha256()
    for part in ([f"{f.role}:{f.sha256}" for f in engagement.inputs]
                 + [f"svcwork {__version__}", f"name {name}"]
                 + [f"{k}={v!r}" for k, v in sorted(params.items())]):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()


def remembered(cache_dir: str | os.PathLike | None, engagement: Engagement, name: str, **params: Any) -> Any:
    """The value :func:`remember` kept for *name* and *params* in this run, or None (not kept, unreadable)."""
    key = result_key(engagement, name, **params) if cache_dir else None
    file = None if key is None else Path(cache_dir) / RESULTS_DIR / f"{name}-{key}.pkl"
    if file is None or not file.is_file():
        return None
    try:
        return pickle.loads(file.read_bytes())
    except Exception:  # noqa: BLE001 - a broken or stale file: as if not kept
        return None


def remember(cache_dir: str | os.PathLike | None, engagement: Engagement, name: str,
             compute: Callable[..., T], **params: Any) -> T:
    """``compute(engagement, **params)``, computed once per run: kept on disk in *cache_dir*.

    The value is stored as a pickle under ``<cache_dir>/.results/`` (written atomically), under
    :func:`result_key` — the input files' SHA-256, the svcwork version, *name* and *params* — so
    a later notebook of the same run with the same inputs and options reads it instead of
    computing it again; changed inputs, options or svcwork give a new key.  *cache_dir* is the
    folder ``svcwork run`` passes to the notebooks (removed with the run's other temporary
    files; its pickles are pseudonymised data, never part of a report).  Without *cache_dir*
    (or for an engagement without input files) the value is simply computed.  A stored value
    that cannot be read is computed again; one that cannot be stored is returned with a warning.
    The value returned is always the kept one read back (the same for every notebook of the run).
    """
    key = result_key(engagement, name, **params) if cache_dir else None
    if key is None:
        return compute(engagement, **params)
    kept = remembered(cache_dir, engagement, name, **params)
    if kept is not None:  # a broken or stale file is computed again
        return kept
    file = Path(cache_dir) / RESULTS_DIR / f"{name}-{key}.pkl"
    value = compute(engagement, **params)
    try:
        data = _dumps(value)
        atomic_write_bytes(file, data)
    except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
        warnings.warn(f"svcwork: {name} not kept for reuse ({exc})", RuntimeWarning, stacklevel=2)
        return value
    # the kept value, as the other notebooks read it: whichever notebook computed it (they may run
    # side by side), every one works on the same object, down to its frames' memory layout
    return pickle.loads(data)
