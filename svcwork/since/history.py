"""A client's rounds over time: the ``history/`` folder of its output, and which round a run compares with.

Each run of a client writes, beside its ``summary.json``, the compact record of the round
(``round/``, :mod:`svcwork.since.cases`).  When the output folder already holds a report of the same
client for an earlier period, the new run keeps that summary as ``history/<period>.json`` (and its
record as ``history/<period>/``) — never overwriting a round already kept — and compares with it,
so a client's history accumulates from quarter to quarter.  A run for the same period replaces the
report, not a round of history.  ``--since PREVIOUS`` names the round to compare with explicitly (an
earlier run's folder or its summary.json); it is kept in the history too.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..i18n import t
from .compare import RECORD_DIR, Round

__all__ = ["HISTORY_DIR", "Rounds", "prepare", "rounds_in", "round_name"]

#: The folder of a client's output that keeps its earlier rounds.
HISTORY_DIR = "history"


@dataclass(frozen=True, eq=False)
class Rounds:
    """What a run compares with: the *previous* round (None: no earlier round known) and every
    earlier round kept, oldest first (*history*, the previous one included)."""

    previous: Round | None
    history: tuple[Round, ...]
    explicit: bool = False


def round_name(rnd: Round) -> str:
    """A round's file name in ``history/``: its period's end date (or label), safe as a file name."""
    return re.sub(r"[^0-9A-Za-z._-]+", "-", rnd.label).strip("-") or "round"


def _load(path: Path, lang: str) -> Round:
    try:
        return Round.load(path)
    except (OSError, ValueError) as exc:
        raise UsageError(t("since.error.unreadable", lang, path=path, detail=type(exc).__name__)) from None


def rounds_in(folder: Path) -> list[Round]:
    """The rounds kept in ``folder/history`` (unreadable files skipped), oldest first."""
    found = []
    for p in sorted((Path(folder) / HISTORY_DIR).glob("*.json")):
        try:
            found.append(Round.load(p))
        except (OSError, ValueError):
            continue
    return sorted(found, key=lambda r: (r.period[1] is None, r.period[1] or 0))


def _keep(rnd: Round, source: Path, target: Path) -> None:
    """Keep *rnd* (read from *source*: a folder or a summary.json) in ``target/history`` unless a
    round of that name is kept already (never overwritten)."""
    name = round_name(rnd)
    folder = target / HISTORY_DIR
    if (folder / f"{name}.json").exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    summary = source / "summary.json" if source.is_dir() else source
    shutil.copyfile(summary, folder / f"{name}.json")
    record = summary.parent / RECORD_DIR if summary.name == "summary.json" else summary.with_suffix("")
    if record.is_dir():
        shutil.copytree(record, folder / name, dirs_exist_ok=False)


def prepare(existing: Path, target: Path, *, current_end, slug: str, since: Path | None = None,
            lang: str = "en") -> Rounds:
    """Carry the client's history from its *existing* output folder into *target* (the folder being
    built), keep the earlier report found there (or the *since* round) as a round of history, and
    return the round to compare with.

    *current_end* is the current round's period end: only rounds that end before it are earlier.
    Raises :class:`~svcwork.errors.UsageError` when *since* cannot be read, belongs to another
    client or is not earlier.
    """
    existing, target = Path(existing), Path(target)
    if (existing / HISTORY_DIR).is_dir():
        shutil.copytree(existing / HISTORY_DIR, target / HISTORY_DIR, dirs_exist_ok=True)
    previous: Round | None = None
    if since is not None:
        since = Path(since)
        previous = _load(since, lang)
        if previous.summary.get("client") not in (None, slug):
            raise UsageError(t("since.error.other_client", lang, path=since, found=previous.summary.get("client"),
                               client=slug))
        end = previous.period[1]
        if end is None or end >= current_end:
            raise UsageError(t("since.error.not_earlier", lang, path=since, previous=str(end),
                               current=current_end.isoformat()))
        _keep(previous, since, target)
    elif (existing / "summary.json").is_file():
        try:
            found = Round.load(existing)
        except (OSError, ValueError):
            found = None
        end = None if found is None else found.period[1]
        if found is not None and found.summary.get("client") in (None, slug) and end is not None and end < current_end:
            _keep(found, existing, target)
    history = [r for r in rounds_in(target) if r.period[1] is not None and r.period[1] < current_end]
    if previous is None and history:
        previous = history[-1]
    return Rounds(previous, tuple(history), explicit=since is not None)
