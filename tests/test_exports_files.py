"""svcwork.exports.files: which files of a client folder are the case log, the survey and the training export.

Each case is a folder made here with the named (empty) files and the answer written out in full:
what is found and how, what is ambiguous, what a declared name misses, and what is left unused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from svcwork.exports.files import data_suffix, discover


def _folder(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "client"
    folder.mkdir()
    for n in names:
        (folder / n).write_bytes(b"x")
    return folder


def _discover(folder: Path, **kw):
    """discover, checking that the folder is left exactly as it was (names and bytes)."""
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    out = discover(folder, **kw)
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    return out


def _summary(d) -> dict:
    return {
        "found": {k: (f.how, [p.name for p in f.paths]) for k, f in d.found.items()},
        "ambiguous": {k: [p.name for p in ps] for k, ps in d.ambiguous.items()},
        "missing": dict(d.missing),
        "unused": [p.name for p in d.unused],
    }


def _expect(found=None, ambiguous=None, missing=None, unused=None) -> dict:
    return {"found": found or {}, "ambiguous": ambiguous or {}, "missing": missing or {}, "unused": unused or []}


CASES = [
    # id, files in the folder (besides intake.xlsx), declared settings, expected discovery
    ("english-names", ["cases.csv", "survey.csv", "training.csv"], None,
     _expect(found={"cases": ("name", ["cases.csv"]), "survey": ("name", ["survey.csv"]),
                    "training": ("name", ["training.csv"])})),
    ("hebrew-names", ["פניות.csv", "סקר.xlsx", "הדרכה.csv"], None,
     _expect(found={"cases": ("name", ["פניות.csv"]), "survey": ("name", ["סקר.xlsx"]),
                    "training": ("name", ["הדרכה.csv"])})),
    ("hebrew-alias", ["יומן פניות.csv", "סקר שביעות רצון.xlsx"], None,
     _expect(found={"cases": ("name", ["יומן פניות.csv"]), "survey": ("name", ["סקר שביעות רצון.xlsx"])})),
    ("case-insensitive", ["Cases.CSV", "SURVEY.Xlsx"], None,
     _expect(found={"cases": ("name", ["Cases.CSV"]), "survey": ("name", ["SURVEY.Xlsx"])})),
    ("spaces-underscores", ["Case_Log.csv", "event-log.csv"], None,
     _expect(ambiguous={"cases": ["Case_Log.csv", "event-log.csv"]})),
    ("suffixes-1", ["cases.csv.gz", "survey.xls", "training.parquet"], None,
     _expect(found={"cases": ("name", ["cases.csv.gz"]), "survey": ("name", ["survey.xls"]),
                    "training": ("name", ["training.parquet"])})),
    ("suffixes-xes", ["cases.xes"], None, _expect(found={"cases": ("name", ["cases.xes"])})),
    ("suffixes-xes-gz", ["cases.xes.gz"], None, _expect(found={"cases": ("name", ["cases.xes.gz"])})),
    ("copy-name", ["cases (1).csv"], None, _expect(found={"cases": ("copy", ["cases (1).csv"])})),
    ("copy-word", ["cases copy.csv", "סקר עותק.csv"], None,
     _expect(found={"cases": ("copy", ["cases copy.csv"]), "survey": ("copy", ["סקר עותק.csv"])})),
    ("windows-copy", ["cases - Copy.csv"], None, _expect(found={"cases": ("copy", ["cases - Copy.csv"])})),
    ("name-beats-copy", ["cases.csv", "cases (1).csv"], None,
     _expect(found={"cases": ("name", ["cases.csv"])}, unused=["cases (1).csv"])),
    ("two-copies", ["cases (1).csv", "cases (2).csv"], None,
     _expect(ambiguous={"cases": ["cases (1).csv", "cases (2).csv"]})),
    ("parts-natural-order", ["cases-10.csv", "cases-2.csv", "cases-1.csv"], None,
     _expect(found={"cases": ("parts", ["cases-1.csv", "cases-2.csv", "cases-10.csv"])})),
    ("parts-underscore-word", ["cases_part_2.csv", "cases_part_1.csv"], None,
     _expect(found={"cases": ("parts", ["cases_part_1.csv", "cases_part_2.csv"])})),
    ("parts-hebrew", ["פניות-2.csv", "פניות-1.csv"], None,
     _expect(found={"cases": ("parts", ["פניות-1.csv", "פניות-2.csv"])})),
    ("parts-by-month", ["cases_2025-02.csv", "cases_2025-01.csv"], None,
     _expect(found={"cases": ("parts", ["cases_2025-01.csv", "cases_2025-02.csv"])})),
    ("name-beats-parts", ["cases.csv", "cases-1.csv"], None,
     _expect(found={"cases": ("name", ["cases.csv"])}, unused=["cases-1.csv"])),
    ("parts-of-two-types", ["survey-1.csv", "survey-2.xlsx"], None,
     _expect(ambiguous={"survey": ["survey-1.csv", "survey-2.xlsx"]})),
    ("copy-of-a-part-not-a-part", ["cases-1.csv", "cases-2.csv", "cases-2 (1).csv"], None,
     _expect(found={"cases": ("parts", ["cases-1.csv", "cases-2.csv"])}, unused=["cases-2 (1).csv"])),
    ("two-exact-names", ["cases.csv", "cases.xlsx"], None, _expect(ambiguous={"cases": ["cases.csv", "cases.xlsx"]})),
    ("english-and-hebrew", ["cases.csv", "פניות.csv"], None, _expect(ambiguous={"cases": ["cases.csv", "פניות.csv"]})),
    ("casesheet-not-a-part", ["casesheet.csv"], None, _expect(unused=["casesheet.csv"])),
    ("words-are-not-parts", ["cases-final.csv", "survey_questions.xlsx", "training plan.xlsx"], None,
     _expect(unused=["cases-final.csv", "survey_questions.xlsx", "training plan.xlsx"])),
    ("unused-and-ignored", ["cases.csv", "notes.csv", "export.xlsx", "logo.png", "commentary.md", ".DS_Store",
                            "~$intake.xlsx", "~$cases.xlsx", ".~lock.cases.csv#", "cases.csv.bak"], None,
     _expect(found={"cases": ("name", ["cases.csv"])}, unused=["export.xlsx", "notes.csv"])),
    ("declared-name", ["export.csv", "cases.csv"], {"cases": "export.csv"},
     _expect(found={"cases": ("declared", ["export.csv"])}, unused=["cases.csv"])),
    ("declared-any-case", ["Export.CSV"], {"cases": "export.csv"},
     _expect(found={"cases": ("declared", ["Export.CSV"])})),
    ("declared-list", ["jan.csv", "feb.csv", "mar.csv"], {"cases": "jan.csv, feb.csv;mar.csv"},
     _expect(found={"cases": ("declared", ["jan.csv", "feb.csv", "mar.csv"])})),
    ("declared-pattern", ["export-10.csv", "export-2.csv", "export-1.csv", "cases.csv"], {"cases": "EXPORT-*.csv"},
     _expect(found={"cases": ("declared", ["export-1.csv", "export-2.csv", "export-10.csv"])}, unused=["cases.csv"])),
    ("declared-missing", ["cases.csv"], {"cases": "export.csv"},
     _expect(missing={"cases": "export.csv"}, unused=["cases.csv"])),
    ("declared-list-one-missing", ["jan.csv"], {"cases": "jan.csv, feb.csv"},
     _expect(missing={"cases": "jan.csv, feb.csv"}, unused=["jan.csv"])),
    ("declared-pattern-matches-nothing", ["cases.csv"], {"cases": "export-*.csv"},
     _expect(missing={"cases": "export-*.csv"}, unused=["cases.csv"])),
    ("declared-path-out-of-the-folder", ["cases.csv"], {"cases": "../outside.csv"},
     _expect(missing={"cases": "../outside.csv"}, unused=["cases.csv"])),
    ("declared-absolute-path", ["cases.csv"], {"cases": "/etc/hostname"},
     _expect(missing={"cases": "/etc/hostname"}, unused=["cases.csv"])),
    ("declared-escaping-subpath", ["cases.csv"], {"cases": "sub/../../outside.csv"},
     _expect(missing={"cases": "sub/../../outside.csv"}, unused=["cases.csv"])),
    ("declared-blank-means-by-name", ["cases.csv"], {"cases": "", "survey": None},
     _expect(found={"cases": ("name", ["cases.csv"])})),
    ("nothing", [], None, _expect()),
]


@pytest.mark.parametrize(("files", "declared", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_discover(tmp_path: Path, files: list[str], declared: dict | None, expected: dict) -> None:
    """The client folder (with its intake.xlsx) and what discover makes of it, in full."""
    folder = _folder(tmp_path, ["intake.xlsx"] + files)
    (tmp_path / "outside.csv").write_bytes(b"x")  # beside the client folder, not in it
    got = _discover(folder, intake=folder / "intake.xlsx", declared=declared)
    assert _summary(got) == expected
    assert all(p.parent == folder for p in got.used + got.unused)


@pytest.mark.parametrize("intake", ["intake.xlsx", "Intake.XLSX", "טופס.xlsx"])
def test_intake_never_listed(tmp_path: Path, intake: str) -> None:
    """The intake form is neither a companion nor an unused file, given or found by its name."""
    folder = _folder(tmp_path, [intake, "cases.csv", "notes.csv"])
    expected = _expect(found={"cases": ("name", ["cases.csv"])}, unused=["notes.csv"])
    assert _summary(_discover(folder, intake=folder / intake)) == expected
    assert _summary(_discover(folder, intake=str(folder / intake))) == expected
    if Path(intake).stem.casefold() == "intake":  # found by its name when not given
        assert _summary(_discover(folder)) == expected


def test_intake_given_by_a_relative_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path, ["intake.xlsx", "cases.csv"])
    monkeypatch.chdir(tmp_path)
    got = _discover(Path("client"), intake="client/intake.xlsx")
    assert [p.name for p in got.unused] == [] and got.found["cases"].paths == (Path("client") / "cases.csv",)


def test_used_lists_every_path_of_every_companion(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ["intake.xlsx", "cases-1.csv", "cases-2.csv", "סקר.xlsx"])
    got = _discover(folder, intake=folder / "intake.xlsx")
    assert sorted(p.name for p in got.used) == sorted(["cases-1.csv", "cases-2.csv", "סקר.xlsx"])


def test_directories_are_not_files(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ["intake.xlsx"])
    (folder / "cases.csv").mkdir()
    (folder / "figures").mkdir()
    got = _discover(folder, intake=folder / "intake.xlsx")
    assert _summary(got) == _expect()


def test_not_a_folder(tmp_path: Path) -> None:
    got = discover(tmp_path / "no-such-folder")
    assert _summary(got) == _expect()


@pytest.mark.parametrize(("name", "suffix"), [
    ("cases.csv", ".csv"), ("cases.CSV.GZ", ".csv.gz"), ("a.tsv.gz", ".tsv.gz"), ("log.xes.gz", ".xes.gz"),
    ("log.xes", ".xes"), ("s.xlsx", ".xlsx"), ("s.xls", ".xls"), ("t.parquet", ".parquet"), ("x.gz", ".gz"),
    ("logo.png", None), ("notes.md", None), ("cases.csv.bak", None), ("cases", None),
])
def test_data_suffix(name: str, suffix: str | None) -> None:
    """The longest data suffix wins (``.csv.gz`` over ``.gz``), any case."""
    assert data_suffix(name) == suffix
    assert data_suffix(Path("folder") / name) == suffix


def test_declared_file_in_a_subfolder(tmp_path: Path) -> None:
    """A declared relative path inside the client folder is found (it is not listed by name discovery)."""
    folder = _folder(tmp_path, ["intake.xlsx"])
    (folder / "exports").mkdir()
    (folder / "exports" / "Cases.csv").write_bytes(b"x")
    got = _discover(folder, intake=folder / "intake.xlsx", declared={"cases": "exports/cases.csv"})
    assert got.found["cases"].paths == (folder / "exports" / "Cases.csv",) and got.found["cases"].how == "declared"
    assert not got.missing
