"""A loaded engagement kept between the notebooks of one run (``svcwork run`` loads once for all).

The cache is a pickle of the :class:`~svcwork.intake.engagement.Engagement`'s fields (pseudonymised
data only, never part of a report), reused while the input files — the intake and the companion
files found today — are the same files with the same SHA-256.  A cache that cannot be unpickled
(an older svcwork, a moved class) is not used: the engagement is loaded afresh.
"""

from __future__ import annotations

import os
from dataclasses import fields, replace
from pathlib import Path
from types import MappingProxyType

from ..exports.files import discover
from ..paths import atomic_write_bytes, find_intake, sha256_file
from ..schema import COMPANIONS
from .engagement import Engagement


_CACHE_NAME = ".engagement.pkl"


def save_cache(engagement: Engagement, cache_dir: str | os.PathLike) -> Path:
    """Save a loaded engagement for :func:`load` (pseudonymised data only; never part of a report)."""
    import pickle

    state = {f.name: getattr(engagement, f.name) for f in fields(engagement)}
    # the notebooks read the cache from another working directory (the run's output folder)
    state["inputs"] = tuple(replace(f, path=f.path.resolve()) for f in engagement.inputs)
    state["tables"] = dict(engagement.tables)
    state["scales"] = dict(engagement.scales)
    return atomic_write_bytes(Path(cache_dir) / _CACHE_NAME, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))


def read_cache(cache_dir: str | os.PathLike, path: str | os.PathLike) -> Engagement | None:
    """The engagement cached in *cache_dir* for client *path*, if its inputs are unchanged."""
    import pickle

    file = Path(cache_dir) / _CACHE_NAME
    if not file.is_file():
        return None
    try:
        state = pickle.loads(file.read_bytes())
    except Exception:  # noqa: BLE001 - a stale or broken cache is simply not used
        return None
    given = Path(path)
    folder = (given if given.is_dir() else given.parent).resolve()
    inputs = state.get("inputs", ())
    if state.get("folder") != folder or not inputs:
        return None
    settings = state.get("settings")
    declared = {c.key: getattr(settings, f"{c.key}_file", None) for c in COMPANIONS}
    current = {find_intake(given).resolve()} | {p.resolve() for p in discover(folder, intake=find_intake(given),
                                                                              declared=declared).used}
    if {f.path.resolve() for f in inputs} != current:
        return None
    if any(not f.path.is_file() or sha256_file(f.path) != f.sha256 for f in inputs):
        return None
    state["tables"] = MappingProxyType(state["tables"])
    state["scales"] = MappingProxyType(state.get("scales", {}))
    return Engagement(**state)
