"""A client's rounds over time: the ``history/`` folder of its output, and which round a run compares with.

Each run of a client writes, beside its ``summary.json``, the compact record of the round
(``round/``, :mod:`svcwork.since.cases`).  When the output folder already holds a report of the same
client for an earlier period, the new run keeps that summary as ``history/<period>.json`` (and its
record as ``history/<period>/``) — never overwriting a round already kept — and compares with it,
so a client's history accumulates from quarter to quarter.  A run for the same period replaces the
report, not a round of history.  ``--since PREVIOUS`` names the round to compare with explicitly (an
earlier run's folder or its summary.json); it is kept in the history too.

The records are per-case microdata (unsuppressed: every group the report's tables hide), so they are
never part of the folder handed to the client: a run keeps them in ``OUT/.rounds/<slug>/``
(:func:`rounds_folder`, mode 0700): ``round/`` for the report in ``OUT/<slug>`` and ``history/<name>/``
for each round of its history, each with the SHA-256 of the summary it belongs to
(:data:`SUMMARY_SHA`; a record that does not match its summary is not read).  Rounds written before
(``<folder>/round/``, ``history/<name>/`` beside the summary, as in ``data/previous``) are still read.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..i18n import t
from .cases import read_record
from .compare import RECORD_DIR, Round

__all__ = ["HISTORY_DIR", "ROUNDS_DIR", "SUMMARY_SHA", "Rounds", "prepare", "rounds_in", "round_name", "rounds_folder",
           "record_folder", "load_round", "withdraw_records"]

#: The folder of a client's output that keeps its earlier rounds.
HISTORY_DIR = "history"
#: The private folder of an OUT folder that keeps each client's per-case records (``OUT/.rounds/<slug>/``).
ROUNDS_DIR = ".rounds"
#: The file, in a record's folder, naming the SHA-256 of the summary.json the record belongs to.
SUMMARY_SHA = "summary.sha256"


def rounds_folder(output: str | Path, slug: str) -> Path:
    """Where the run of client *slug* into the OUT folder *output* keeps its records (private)."""
    return Path(output) / ROUNDS_DIR / slug


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _matches(folder: Path, summary: Path) -> bool:
    """Whether the record in *folder* belongs to *summary* (a record without :data:`SUMMARY_SHA`, as
    written before, does)."""
    try:
        recorded = (folder / SUMMARY_SHA).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    try:
        return recorded == _sha(summary)
    except OSError:
        return False


def record_folder(path: str | Path) -> Path | None:
    """The folder of the record of the round at *path* (a run's output folder, its summary.json or a
    history ``<name>.json``): beside it as written before (``round/``, ``history/<name>/``), else in
    the OUT folder's private ``.rounds/<slug>/``; None when there is none (or none for this summary)."""
    p = Path(path)
    summary = p / "summary.json" if p.is_dir() else p
    if summary.name == "summary.json":
        beside = summary.parent / RECORD_DIR
        private = summary.parent.parent / ROUNDS_DIR / summary.parent.name / RECORD_DIR
    else:  # OUT/<slug>/history/<name>.json
        beside = summary.with_suffix("")
        client = summary.parent.parent
        private = client.parent / ROUNDS_DIR / client.name / HISTORY_DIR / summary.stem
    for folder in (beside, private):
        if folder.is_dir() and _matches(folder, summary):
            return folder
    return None


def load_round(path: str | Path) -> Round:
    """A round from a run's output folder (or its summary.json, or a history ``<name>.json``) with
    its record wherever it is kept (:func:`record_folder`)."""
    p = Path(path)
    summary_path = p / "summary.json" if p.is_dir() else p
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    folder = record_folder(summary_path)
    return Round.from_record(summary, read_record(folder) if folder is not None else None)


def withdraw_records(folder: Path, private: Path) -> None:
    """Move the records out of the report's *folder* being built (``round/`` and ``history/<name>/``)
    into *private* (the run's ``.rounds/<slug>/`` being built), the current one marked with its summary."""
    folder, private = Path(folder), Path(private)
    current = folder / RECORD_DIR
    if current.is_dir():
        if (folder / "summary.json").is_file():
            (current / SUMMARY_SHA).write_text(_sha(folder / "summary.json") + "\n", encoding="utf-8")
        shutil.move(str(current), str(private / RECORD_DIR))
    kept = folder / HISTORY_DIR
    if kept.is_dir():
        for record in sorted(p for p in kept.iterdir() if p.is_dir()):
            target = private / HISTORY_DIR / record.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(record), str(target))


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
        return load_round(path)
    except (OSError, ValueError) as exc:
        raise UsageError(t("since.error.unreadable", lang, path=path, detail=type(exc).__name__)) from None


def rounds_in(folder: Path) -> list[Round]:
    """The rounds kept in ``folder/history`` (unreadable files skipped), oldest first."""
    found = []
    for p in sorted((Path(folder) / HISTORY_DIR).glob("*.json")):
        try:
            found.append(load_round(p))
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
    record = record_folder(summary)
    if record is not None:
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
        for summary in sorted((existing / HISTORY_DIR).glob("*.json")):  # their records, kept privately
            record = record_folder(summary)
            if record is not None and not (target / HISTORY_DIR / summary.stem).exists():
                shutil.copytree(record, target / HISTORY_DIR / summary.stem)
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
            found = load_round(existing)
        except (OSError, ValueError):
            found = None
        end = None if found is None else found.period[1]
        if found is not None and found.summary.get("client") in (None, slug) and end is not None and end < current_end:
            _keep(found, existing, target)
    history = [r for r in rounds_in(target) if r.period[1] is not None and r.period[1] < current_end]
    if previous is None and history:
        previous = history[-1]
    return Rounds(previous, tuple(history), explicit=since is not None)
