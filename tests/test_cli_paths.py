"""Paths the command line takes: relative to the current directory throughout a run, and the intake
workbook found among other ``intake.*`` files (svcwork.paths, svcwork.cli)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import english_sheets, hebrew_sheets, write_xlsx
from svcwork.cli import main
from svcwork.i18n import t


@pytest.mark.slow
def test_run_with_a_relative_client_and_output_folder_writes_the_report(english_client, tmp_path, monkeypatch, capsys):
    """README's own example, ``svcwork run CLIENT -o out``: the kernels change their directory between
    notebooks, so the paths are made absolute once, as the command begins (one real run: ~30 s)."""
    # the same run shows the other fixes end to end: a printout beside the workbook (read: intake.xlsx, and
    # said), and Windows-1255 commentary (in the report)
    (english_client / "intake.pdf").write_bytes(b"%PDF-1.4 a printout of the form")
    (english_client / "commentary.md").write_bytes("## summary\nנקודת פתיחה טובה.\n".encode("cp1255"))
    monkeypatch.chdir(tmp_path)
    assert main(["run", english_client.name, "-o", "out", "--no-pdf"]) == 0, capsys.readouterr()
    report = tmp_path / "out" / english_client.name / "report.html"
    assert report.is_file() and (report.parent / "summary.json").is_file()
    out = capsys.readouterr().out
    assert str(report) in out  # the report is named where it is, whatever the directory
    assert "[intake_several]" in out and t("cli.intake_chosen", "en", used="intake.xlsx", others="intake.pdf") in out
    assert "נקודת פתיחה טובה." in report.read_text(encoding="utf-8")
    # nothing hidden but the private case records (OUT/.rounds/<client>/, svcwork.since.history)
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".") and p.name != ".rounds"]


def test_relative_paths_are_made_absolute_once_at_the_entry(tmp_path, monkeypatch):
    from svcwork.paths import absolute

    monkeypatch.chdir(tmp_path)
    assert absolute("out") == tmp_path / "out" and absolute(Path("a/../b")) == tmp_path / "b"
    assert absolute(tmp_path / "x") == tmp_path / "x"


def test_the_readable_workbook_wins_over_other_intake_files(tmp_path):
    from svcwork.paths import find_intake, intake_candidates

    folder = tmp_path / "client"
    folder.mkdir()
    assert find_intake(folder) == folder / "intake.xlsx"  # none: the expected name
    (folder / "intake.pdf").write_bytes(b"%PDF-1.4")
    assert find_intake(folder) == folder / "intake.pdf"  # the only one: refused by validation, with its reason
    for name in ("intake.bak", "intake.csv", "intake.xls", "intake.xlsm", "intake.xlsx"):
        (folder / name).write_bytes(b"x")
    assert [p.name for p in intake_candidates(folder)] == ["intake.xlsx", "intake.xlsm", "intake.xls", "intake.bak",
                                                           "intake.csv", "intake.pdf"]
    assert find_intake(folder) == folder / "intake.xlsx"
    assert find_intake(folder / "intake.xls") == folder / "intake.xls"  # a file given is the file


@pytest.mark.parametrize("lang, beside", [("en", "intake.pdf"), ("en", "intake.xls"), ("he", "intake.pdf")])
def test_validate_reads_intake_xlsx_beside_a_printout_or_old_copy_and_says_which(tmp_path, capsys, lang, beside):
    folder = tmp_path / "client"
    write_xlsx(folder / "intake.xlsx", english_sheets() if lang == "en" else hebrew_sheets(), rtl=lang == "he")
    (folder / beside).write_bytes(b"%PDF-1.4 a printout" if beside.endswith(".pdf") else
                                  b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr()
    assert "[intake_several]" in out.out and "not_xlsx" not in out.out
    assert t("cli.intake_chosen", lang, used="intake.xlsx", others=beside) in out.out
    assert "[file_unused]" not in out.out  # the other intake file is named once, not again as unused data
    assert out.err.startswith("✓")


def test_the_python_api_validate_says_what_the_command_says(tmp_path):
    """``svcwork.validate`` (the Python API) is ``svcwork validate``: the folder's own warnings too (which intake
    file was read, an unreadable commentary), not only the workbook's problems."""
    import svcwork
    from svcwork.batch import validate_client

    folder = tmp_path / "client"
    write_xlsx(folder / "intake.xlsx", english_sheets())
    (folder / "intake.pdf").write_bytes(b"%PDF-1.4 a printout")
    (folder / "commentary.md").write_bytes(b"\xff\xfe\x00\xd8 not text")
    codes = [p.code for p in svcwork.validate(folder).problems]
    assert "intake_several" in codes and any(c.startswith("commentary") for c in codes), codes
    assert codes == [p.code for p in validate_client(folder).problems]
