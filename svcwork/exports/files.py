"""Which files of a client folder are the case log, the survey and the training export.

A companion is found by its name in English or Hebrew (``cases``/``פניות``, ``survey``/``סקר``,
``training``/``הדרכה``) with any supported data suffix, by a browser's copy name
(``cases (1).csv``, said in a warning), as parts of a split export (``cases-1.csv``,
``cases-2.csv`` …, read in natural order and concatenated), or by the Engagement setting naming
it (``cases_file``: a file name, a comma-separated list, or a pattern such as ``export-*.csv``).
Every other data file in the folder is listed as unused, so the consultant is told, never left
with "not supplied" while a file is there.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from ..paths import find_intake, intake_candidates
from ..schema import normalize_name

__all__ = ["DATA_SUFFIXES", "COMPANION_FILE_NAMES", "Found", "Discovery", "data_suffix", "discover"]

#: Suffixes of files that hold data (longest first, so ``.csv.gz`` wins over ``.gz``).
DATA_SUFFIXES = (".csv.gz", ".tsv.gz", ".txt.gz", ".xes.gz", ".csv", ".tsv", ".txt", ".xlsx", ".xls", ".parquet",
                 ".xes", ".gz")
#: Names a companion file may carry (normalised as header names are).
COMPANION_FILE_NAMES: Mapping[str, tuple[str, ...]] = {
    "cases": ("cases", "פניות", "case log", "event log", "eventlog", "יומן פניות"),
    "survey": ("survey", "סקר", "survey responses", "סקר שביעות רצון"),
    "training": ("training", "הדרכה", "הדרכות"),
}
_COPY = re.compile(r"\s*(\(\d+\)|copy|עותק)$")
#: What follows the companion's name in a part of a split export (on the normalised stem): a part
#: number, or numbers such as a date ("cases-2", "cases part 3", "cases_2025-01"); not a word
#: ("cases-final", "survey_questions", "training plan" are other files) nor a copy of a part ("cases-2 (1)").
_PART = re.compile(r"^ (?:part ?)?\d+(?:[ .]\d+)*$", re.I)


@dataclass(frozen=True)
class Found:
    """The file(s) read as one companion: several are the parts of one split export."""

    name: str
    paths: tuple[Path, ...]
    how: str  # "name", "copy", "parts" or "declared"


@dataclass(frozen=True)
class Discovery:
    """What a client folder holds: companions found, ambiguous names, declared files missing, unused files."""

    found: Mapping[str, Found] = field(default_factory=dict)
    ambiguous: Mapping[str, tuple[Path, ...]] = field(default_factory=dict)
    missing: Mapping[str, str] = field(default_factory=dict)
    unused: tuple[Path, ...] = ()

    @property
    def used(self) -> tuple[Path, ...]:
        return tuple(p for f in self.found.values() for p in f.paths)


def data_suffix(path: str | os.PathLike) -> str | None:
    """The data suffix of a file name (``.csv.gz``, ``.xlsx`` …), or None."""
    name = Path(path).name.casefold()
    return next((s for s in DATA_SUFFIXES if name.endswith(s)), None)


def _stem(path: Path) -> str:
    suffix = data_suffix(path) or ""
    return path.name[: len(path.name) - len(suffix)]


def _natural(path: Path) -> list:
    return [int(t) if t.isdigit() else t.casefold() for t in re.split(r"(\d+)", path.name)]


def _match(stem: str, names: tuple[str, ...]) -> str | None:
    """How a file stem names a companion: "name", "copy", "part" or None."""
    norm = normalize_name(stem)
    for n in (normalize_name(x) for x in names):
        if norm == n:
            return "name"
        if _COPY.sub("", norm) == n:
            return "copy"
        if norm.startswith(n + " ") and _PART.match(norm[len(n):]):
            return "part"
    return None


def _data_files(folder: Path, intake: Path | None) -> list[Path]:
    """The data files of *folder* other than the intake; when the intake is one of the folder's
    ``intake.*`` files, the others too (an old ``intake.xls``): they are named once, as the intake
    files not read (:func:`svcwork.paths.intake_candidates`), never again as unused data."""
    skip = {intake.resolve()} if intake is not None else set()
    candidates = {c.resolve() for c in intake_candidates(folder)}
    if skip & candidates:
        skip |= candidates
    return [p for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.startswith((".", "~$")) and data_suffix(p) is not None
            and p.resolve() not in skip]


def _declared(folder: Path, spec: str, files: list[Path]) -> list[Path] | None:
    """Files named by a setting (names, comma-separated, or patterns); None when one is not there."""
    out: list[Path] = []
    for part in (s.strip() for s in re.split(r"[,;]", spec) if s.strip()):
        if any(ch in part for ch in "*?["):
            hits = sorted((p for p in files if fnmatch.fnmatch(p.name.casefold(), part.casefold())), key=_natural)
            if not hits:
                return None
            out.extend(hits)
        else:
            rel = Path(os.path.normpath(part))
            if rel.is_absolute() or rel.parts[:1] == ("..",):
                return None  # a declared name is a file of the client folder, never a path out of it
            p = folder / rel
            if not p.is_file():
                # as the folder would answer on Windows/macOS: the one file of that name in any case
                same = [q for q in p.parent.iterdir() if q.name.casefold() == p.name.casefold() and q.is_file()] \
                    if p.parent.is_dir() else []
                if len(same) != 1:
                    return None
                p = same[0]
            out.append(p)
    return out or None


def discover(folder: str | os.PathLike, *, intake: str | os.PathLike | None = None,
             declared: Mapping[str, str | None] | None = None) -> Discovery:
    """Find the companion files of a client *folder* (see the module notes)."""
    root = Path(folder)
    if not root.is_dir():
        return Discovery()
    # the intake form is never a companion nor "unused": without *intake*, the folder's own (intake.*)
    files = _data_files(root, Path(intake) if intake else find_intake(root))
    found: dict[str, Found] = {}
    ambiguous: dict[str, tuple[Path, ...]] = {}
    missing: dict[str, str] = {}
    for name, names in COMPANION_FILE_NAMES.items():
        spec = (declared or {}).get(name)
        if spec:
            paths = _declared(root, spec, files)
            if paths is None:
                missing[name] = spec
            else:
                found[name] = Found(name, tuple(paths), "declared")
            continue
        by_how: dict[str, list[Path]] = {}
        for p in files:
            how = _match(_stem(p), names)
            if how is not None:
                by_how.setdefault(how, []).append(p)
        if len(by_how.get("name", [])) > 1:
            ambiguous[name] = tuple(by_how["name"])
        elif by_how.get("name"):
            found[name] = Found(name, (by_how["name"][0],), "name")
        elif by_how.get("part"):
            parts = sorted(by_how["part"], key=_natural)
            if len({data_suffix(p) for p in parts}) > 1:
                ambiguous[name] = tuple(parts)
            else:
                found[name] = Found(name, tuple(parts), "parts" if len(parts) > 1 else "copy")
        elif len(by_how.get("copy", [])) == 1:
            found[name] = Found(name, (by_how["copy"][0],), "copy")
        elif by_how.get("copy"):
            ambiguous[name] = tuple(by_how["copy"])
    used = {p for f in found.values() for p in f.paths} | {p for ps in ambiguous.values() for p in ps}
    unused = tuple(p for p in files if p not in used)
    return Discovery(found, ambiguous, missing, unused)
