"""Whether a client must run again: what its report depends on, recorded in the output folder.

A run writes ``.svcwork-run.json`` beside the report: the input files and their SHA-256, the
consultant's files (commentary, the workshop's copy of the intake), the notebooks, the run's options
(:func:`run_options`: scenario, SVG, the pseudonymisation key as a keyed hash, the folder's data
files) and their fingerprint (:func:`run_fingerprint`).  A batch skips a client whose stamp still
matches (:func:`_client_unchanged`, before loading; :func:`_unchanged`, after) and whose report has
every output asked for (:func:`_outputs_made`).  Used by :mod:`svcwork.batch` (which re-exports the
names its tests and callers use) and :mod:`svcwork.remote`.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Mapping, Sequence

from . import __version__
from .errors import SvcworkError
from .paths import PACKAGE_DIR, SPREADSHEET_SUFFIXES, client_slug, find_intake, templates_dir

__all__ = ["run_fingerprint", "run_options", "consultant_files"]

#: The run stamp beside a client's report.
_STAMP = ".svcwork-run.json"


def _looks_like_data(path: Path) -> bool:
    """A file a client folder is made of: a spreadsheet or a data export (not a hidden or lock file)."""
    from .exports.files import data_suffix

    if not path.is_file() or path.name.startswith((".", "~$")):
        return False
    return path.suffix.casefold() in SPREADSHEET_SUFFIXES or data_suffix(path) is not None


def _holds_data(folder: Path) -> list[Path]:
    """The spreadsheets and data files of *folder* (spreadsheets first), as :func:`svcwork.batch._no_intake` names them."""
    files = sorted(p for p in folder.iterdir() if _looks_like_data(p))
    return sorted(files, key=lambda p: p.suffix.casefold() not in SPREADSHEET_SUFFIXES)


def _tree_hash(paths: Sequence[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        try:
            h.update(p.read_bytes())
        except OSError as exc:  # an unreadable file (its reader says so): a state of its own, never a crash here
            h.update(f"\0unreadable:{exc.errno}".encode())
    return h.hexdigest()


def consultant_files(client: Path) -> list[Path]:
    """The consultant's own files in *client*: the commentary, and the workshop's copy of the intake
    with its Scenarios sheet (:func:`svcwork.intake.scenarios.scenario_copy`); they change the
    report as the inputs do."""
    from .commentary import COMMENTARY_FILES
    from .intake.scenarios import scenario_copy

    names = {n.format(lang=lang) for n in COMMENTARY_FILES for lang in ("he", "en")}
    names.add(scenario_copy(find_intake(client)).name)
    return sorted(p for p in Path(client).iterdir() if p.name in names and p.is_file())


#: The environment variable that asks the notebooks for SVG figures too (:data:`svcwork.report.SVG_ENV`;
#: named here so that the cheap check of an unchanged client does not import the report).
_SVG_ENV = "SVCWORK_SVG"


def _key_tag(client: Path) -> str | None:
    """A tag standing for the project's pseudonymisation key (never the key): a run with another key gives
    other pseudonyms, so another report.  The stamp lies in the folder a consultant hands over, so the tag is
    scrypt (RFC 7914; N = 2¹⁴, r = 8) of the key, not a fast hash: testing one guess of a key typed as text
    (``SVCWORK_KEY``) costs tens of milliseconds, not a microsecond.  The same on every machine, so a Dask
    worker's stamp matches the coordinator's (a generated key, 256 random bits, cannot be guessed at all)."""
    from .privacy import pseudonymisation_key

    try:
        key = pseudonymisation_key(client)
    except (OSError, ValueError, SvcworkError):
        return None
    return hashlib.scrypt(key, salt=b"svcwork run stamp", n=2 ** 14, r=8, p=1, dklen=16).hex()


def _folder_files(client: Path) -> list[str]:
    """The names of every spreadsheet and data file of the client folder, read or not: a new
    ``cases (1).csv`` beside ``cases.csv`` changes what the run says (``file_unused``)."""
    try:
        return [p.name for p in sorted(_holds_data(Path(client)))]
    except OSError:
        return []


def run_options(client: str | os.PathLike, *, pdf: bool | None = None, scenario: str | None = None) -> dict:
    """What else a client's report depends on beside its files: the workshop *scenario* shown, SVG
    figures, the pseudonymisation key (as :func:`_key_tag`) and the names of the folder's data files
    (:func:`_folder_files`).  Kept in the run stamp; a run with other options is never skipped as
    unchanged.  Whether a PDF is asked for is not one: a report that has the PDF serves a run that
    does not ask for it, one without it never serves a run that does (:func:`_outputs_made`)."""
    return {"scenario": scenario, "svg": bool(os.environ.get(_SVG_ENV)),
            "key": _key_tag(Path(client)), "files": _folder_files(Path(client))}


def run_fingerprint(engagement_inputs: Sequence, notebooks: Sequence[Path], *, commentary: Sequence[Path] = (),
                    options: Mapping | None = None) -> str:
    """What a client's report depends on: inputs, the consultant's commentary, notebooks, report
    templates, svcwork's code and the run's *options* (:func:`run_options`)."""
    h = hashlib.sha256(__version__.encode())
    for f in engagement_inputs:
        h.update(f"{f.role}:{f.sha256}".encode())
    h.update(json.dumps(dict(options or {}), sort_keys=True, default=str).encode())
    h.update(_tree_hash(list(commentary)).encode())
    h.update(_tree_hash(list(notebooks)).encode())
    h.update(_tree_hash(sorted(PACKAGE_DIR.rglob("*.py"))).encode())
    h.update(_tree_hash(sorted((templates_dir() / "report").glob("*"))).encode())
    return h.hexdigest()


def _client_unchanged(client: Path, output: Path, *, pdf: bool | None = None, scenario: str | None = None) -> bool:
    """Cheap pre-check: the client's previous run is recorded, with the same options (:func:`run_options`)
    and every output they ask for (:func:`_outputs_made`), and its inputs' hashes still match."""
    from .exports.files import discover

    out = output / client_slug(client)
    try:
        stamp = json.loads((out / _STAMP).read_text(encoding="utf-8"))
        if not (out / "report.html").is_file() or not stamp.get("inputs"):
            return False
        options = run_options(client, pdf=pdf, scenario=scenario)
        if stamp.get("options") != options or not _outputs_made(out, stamp, pdf=pdf):
            return False
        # files named by an Engagement setting are not known before loading: such a client simply reruns
        intake = find_intake(client)
        present = {str(intake.resolve())} | {str(p.resolve()) for p in discover(client, intake=intake).used}
        if present != {i["path"] for i in stamp["inputs"]}:
            return False
        if {str(p.resolve()) for p in consultant_files(client)} != set(stamp.get("commentary") or []):
            return False
    except (OSError, ValueError, TypeError, AttributeError):  # an unreadable folder or stamp: the client runs
        return False
    return stamp.get("fingerprint") == _stamp_fingerprint(stamp["inputs"], stamp, options)


def _outputs_made(out: Path, stamp: Mapping, *, pdf: bool | None) -> bool:
    """Whether the report in *out* has every output asked for: report.pdf when a PDF is asked
    (``pdf=None``: only when Chromium is here now, as the run would then make it)."""
    if pdf is False:
        return True
    made = (stamp.get("made") or {}).get("pdf")
    if made and (out / "report.pdf").is_file():
        return True
    if pdf is None and not made:
        from .pdf import chromium_path

        return chromium_path() is None  # made without one before, and still none to make it with
    return False


def _stamp_fingerprint(inputs: Sequence[dict], notebooks_and_notes: Mapping[str, Sequence[str]],
                       options: Mapping | None = None) -> str | None:
    from types import SimpleNamespace

    try:
        files = [SimpleNamespace(role=i["role"], sha256=_sha(Path(i["path"]))) for i in inputs]
        commentary = [Path(p) for p in notebooks_and_notes.get("commentary", [])]
        return run_fingerprint(files, [Path(p) for p in notebooks_and_notes["notebooks"]], commentary=commentary,
                               options=options)
    except (OSError, KeyError, TypeError):
        return None


def _sha(path: Path) -> str:
    from .paths import sha256_file

    return sha256_file(path)


def _unchanged(out: Path, fingerprint: str, *, pdf: bool | None = None) -> bool:
    stamp = out / _STAMP
    if not (stamp.is_file() and (out / "report.html").is_file()):
        return False
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
        return recorded.get("fingerprint") == fingerprint and _outputs_made(out, recorded, pdf=pdf)
    except (OSError, ValueError, AttributeError):
        return False


# =========================================================================== one client
