"""The command line speaks one language, chosen one way (``SVCWORK_LANG``, svcwork.i18n.user_language),
in every message of its own: usage errors of every command, the batch's summary, an interruption and an
internal error; and its help promises only what the command does."""

from __future__ import annotations

from pathlib import Path

import pytest

from svcwork import cli
from svcwork.batch import BatchResult, ClientResult
from svcwork.cli import main

HEBREW_LETTER = "\u05d0-\u05ea"


def _hebrew(text: str) -> bool:
    import re

    return re.search(f"[{HEBREW_LETTER}]", text) is not None


@pytest.mark.parametrize("value", ["he", "HE", "hebrew", "iw", "heb"])
def test_validate_of_a_missing_path_speaks_the_users_language(value, monkeypatch, capsys):
    """``validate`` once read SVCWORK_LANG itself (only "he" exactly), unlike every other command."""
    monkeypatch.setenv("SVCWORK_LANG", value)
    assert main(["validate", "/nonexistent/client"]) == 2
    err = capsys.readouterr().err
    assert _hebrew(err) and "/nonexistent/client" in err, err
    assert main(["run", "/nonexistent/client", "-o", "/tmp/x-never-made"]) == 2
    assert _hebrew(capsys.readouterr().err)


def _batch(*statuses: str) -> BatchResult:
    clients = tuple(ClientResult(client=Path(f"/c/{i}"), slug=f"c{i}", status=s, seconds=1.5,
                                 output=Path(f"/o/c{i}"), error="broken" if s == "failed" else None)
                    for i, s in enumerate(statuses))
    return BatchResult(output=Path("/o"), clients=clients, seconds=3.5)


def test_the_batch_summary_counts_one_client_in_the_singular():
    assert _batch("ok").describe("en").splitlines()[-1] == "1 client: 1 done, 0 unchanged, 0 failed (3.5 s) -> /o/index.html"
    assert _batch("ok", "skipped").describe("en").splitlines()[-1].startswith("2 clients: 1 done, 1 unchanged, 0 failed")


def test_the_batch_summary_speaks_hebrew():
    text = _batch("ok", "skipped", "failed").describe("he")
    lines = text.splitlines()
    assert lines[-2] == "3 לקוחות: אחד הורץ, 1 ללא שינוי, אחד נכשל (3.5 שניות) -> /o/index.html"
    assert lines[-1] == "נכשלו: c2"
    assert "c1: /o/c1/report.html (ללא שינוי, לא הורץ שוב)" in text and "c0: /o/c0/report.html (1.5 שניות)" in text
    assert "unchanged" not in text and "failed" not in text and "clients" not in text
    assert _batch("ok", "ok").describe("he").splitlines()[-1].startswith("שני לקוחות: 2 הורצו,")


def test_the_batch_summary_follows_svcwork_lang(monkeypatch):
    monkeypatch.setenv("SVCWORK_LANG", "hebrew")
    assert _batch("ok").describe().splitlines()[-1].startswith("לקוח אחד: אחד הורץ")
    monkeypatch.delenv("SVCWORK_LANG")
    assert _batch("ok").describe().splitlines()[-1].startswith("1 client: 1 done")


@pytest.mark.parametrize("lang, interrupted, internal", [
    ("en", "svcwork: interrupted", "svcwork template: internal error: RuntimeError: boom"),
    ("he", "svcwork: ההרצה הופסקה", "svcwork template: שגיאה פנימית: RuntimeError: boom")])
def test_an_interruption_and_an_internal_error_speak_the_users_language(lang, interrupted, internal, monkeypatch,
                                                                        capsys, tmp_path):
    monkeypatch.setenv("SVCWORK_LANG", lang)
    monkeypatch.delenv("SVCWORK_DEBUG", raising=False)

    def stopped(args):
        raise KeyboardInterrupt

    def broken(args):
        raise RuntimeError("boom")

    monkeypatch.setitem(cli._COMMANDS, "template", stopped)
    assert main(["template", "--lang", "en", "-o", str(tmp_path / "t.xlsx")]) == 130
    assert capsys.readouterr().err.strip() == interrupted
    monkeypatch.setitem(cli._COMMANDS, "template", broken)
    assert main(["template", "--lang", "en", "-o", str(tmp_path / "t.xlsx")]) == 3
    err = capsys.readouterr().err
    assert err.startswith(internal) and "SVCWORK_DEBUG=1" in err
    assert _hebrew(err) == (lang == "he")


def _help(command: str) -> str:
    parser = cli._parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sub.choices[command].format_help()


def test_run_help_promises_no_batch_json():
    """``svcwork run`` writes no batch.json: its --timeout help names only the output; batch's names both."""
    assert "--timeout" in _help("run") and "batch.json" not in _help("run")
    assert "batch.json" in " ".join(_help("batch").split())
