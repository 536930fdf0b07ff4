"""Review 2 (robustness and privacy of run/batch): an unreadable folder or file, a PDF that fails, a stale
skip, what a killed run leaves, the per-case record in the deliverable, exit codes.

The runs here are fast: the notebooks are not executed (a copy is written) and the report is a stub; what
is tested is the batch's own logic around them.  "Unreadable" is simulated by raising ``PermissionError``
from the call that opens the file or folder (the tests run as root, for whom chmod 000 changes nothing).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import warnings
from concurrent.futures import Future
from pathlib import Path

import nbformat
import pytest

from conftest import english_sheets, write_xlsx
from svcwork import batch
from svcwork.cli import main
from svcwork.pdf import PdfError

UMASK = os.umask(0o022)
os.umask(UMASK)


# =========================================================================== fast runs
def _notebook(path: Path) -> Path:
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('client_dir = ""\noutput_dir = ""\nlang = ""\ncache_dir = ""',
                                  metadata={"tags": ["parameters"]})],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


class _Seen:
    """What the (fake) notebooks saw while they ran."""

    def __init__(self) -> None:
        self.build_mode: int | None = None
        self.cache: Path | None = None
        self.cache_mode: int | None = None
        self.cache_files: list[str] = []


@pytest.fixture
def fast(tmp_path, monkeypatch):
    """Runs without kernels: each notebook is copied, the report is a stub with a round record."""
    import svcwork.report
    from svcwork.since.cases import RoundRecord, write_record

    import pandas as pd

    nb = _notebook(tmp_path / "nbs" / "00_intake.ipynb")
    monkeypatch.setattr(batch, "analysis_notebooks", lambda: [nb])
    monkeypatch.setattr(batch, "_import_assembly", lambda: None)
    seen = _Seen()

    def execute(notebook, target, *, cwd, parameters, **_):
        cache = Path(cwd) / parameters["cache_dir"]
        seen.build_mode = stat.S_IMODE(os.stat(cwd).st_mode)
        seen.cache = cache.resolve()
        seen.cache_mode = stat.S_IMODE(os.stat(seen.cache).st_mode)
        seen.cache_files = sorted(p.name for p in cache.iterdir())
        shutil.copyfile(notebook, target)

    class NoKernel:
        def __init__(self, *a, **k) -> None:
            pass

        def warm(self) -> None:
            pass

        def run_all(self, runs, *, cwd, **_):
            for run in runs:
                execute(run.notebook, run.target, cwd=cwd, parameters=run.parameters)

        def close(self) -> None:
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            pass

    monkeypatch.setattr(batch, "_execute", execute)
    monkeypatch.setattr(batch, "KernelPool", NoKernel)
    monkeypatch.setattr(batch, "WarmKernel", NoKernel)

    def assemble(folder, engagement, *, lang, notebooks, on_html=None, **_):
        (folder / "report.html").write_text("<html><body>stub</body></html>\n", encoding="utf-8")
        (folder / "units").mkdir(exist_ok=True)
        (folder / "units" / "u1.html").write_text("<html>unit</html>", encoding="utf-8")
        (folder / "summary.json").write_text(json.dumps({
            "client": engagement.slug, "language": lang,
            "period": {"start": None, "end": engagement.settings.period_end.isoformat()}}), encoding="utf-8")
        write_record(folder / "round", RoundRecord(actions=pd.DataFrame({"action_id": ["A1"], "status": ["open"]})))
        if on_html is not None:
            on_html(folder)

    monkeypatch.setattr(svcwork.report, "assemble", assemble)
    monkeypatch.setattr("svcwork.pdf.chromium_path", lambda: "/usr/bin/chromium")
    return seen


class FakeRenderer:
    """A PDF renderer that prints (writes the PDFs) or fails as Chromium does when it is killed."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail

    def start_soon(self) -> Future:
        f: Future = Future()
        f.set_result(None)
        return f

    def render_all_soon(self, pairs, *, footer=None, lang="en") -> Future:
        f: Future = Future()
        if self.fail:
            f.set_exception(PdfError("printing report.html to PDF failed: Page.goto: Target page, context or "
                                     "browser has been closed"))
        else:
            for _, pdf in pairs:
                Path(pdf).write_bytes(b"%PDF-1.4 fake")
            f.set_result(None)
        return f

    def close(self) -> None:
        pass


def _client(root: Path, name: str = "north") -> Path:
    write_xlsx(root / name / "intake.xlsx", english_sheets())
    return root / name


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# =========================================================================== 1. an unreadable client folder
def _deny(monkeypatch, denied: set[Path]) -> None:
    """Listing a folder of *denied* (or opening a file of it) raises PermissionError, as for mode 000."""
    real_iterdir, real_scandir = Path.iterdir, os.scandir

    def iterdir(self):
        if Path(self) in denied:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    def scandir(path="."):
        if not isinstance(path, int) and Path(os.fspath(path)) in denied:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_client_folder_fails_by_name_and_the_batch_goes_on(fast, tmp_path, monkeypatch, capsys):
    root = tmp_path / "clients"
    _client(root, "a-good")
    bad = root / "e-unreadable"
    bad.mkdir()
    (bad / "intake.xlsx").write_bytes(b"x")
    _deny(monkeypatch, {bad})
    out = tmp_path / "out"
    assert main(["batch", str(root), "-o", str(out), "--no-pdf"]) == 1
    shown = capsys.readouterr()
    assert "internal error" not in shown.out + shown.err
    manifest = {c["client"]: c for c in json.loads((out / "batch.json").read_text())["clients"]}
    assert manifest["a-good"]["status"] == "ok"
    assert manifest["e-unreadable"]["status"] == "failed" and manifest["e-unreadable"]["code"] == "folder_unreadable"
    assert str(bad) in manifest["e-unreadable"]["error"]
    assert manifest["e-unreadable"]["errors"][0]["file"] == "e-unreadable"
    assert (out / "index.html").is_file()
    assert main(["validate", str(bad)]) == 1
    assert "[folder_unreadable]" in capsys.readouterr().out


# =========================================================================== 2. a PDF that fails
def test_a_failed_pdf_keeps_the_earlier_complete_report_and_fails_the_client(fast, tmp_path):
    client = _client(tmp_path / "clients")
    out = tmp_path / "out"
    first = batch.run_client(client, out, renderer=FakeRenderer())
    assert first.status == "ok" and (out / "north" / "report.pdf").is_file()
    before = _tree(out / "north")
    again = batch.run_client(client, out, renderer=FakeRenderer(fail=True))  # Chromium killed mid-run
    assert again.status == "failed" and again.code == "pdf_failed"
    assert "kept" in again.error and "Target page" in again.error
    assert _tree(out / "north") == before  # the complete report, its PDFs and stamp, untouched
    assert batch.ClientResult(**{**again.__dict__}).manifest()["status"] == "failed"


def test_a_failed_pdf_without_an_earlier_report_is_said_and_rerun_next_time(fast, tmp_path):
    client = _client(tmp_path / "clients")
    out = tmp_path / "out"
    got = batch.run_client(client, out, renderer=FakeRenderer(fail=True))
    assert got.status == "failed" and got.code == "pdf_failed"
    assert (out / "north" / "report.html").is_file() and not (out / "north" / "report.pdf").exists()
    stamp = json.loads((out / "north" / ".svcwork-run.json").read_text())
    assert stamp["made"]["pdf"] is False
    assert not batch._client_unchanged(client, out)  # the next batch runs it again
    again = batch.run_client(client, out, force=False, renderer=FakeRenderer())
    assert again.status == "ok" and (out / "north" / "report.pdf").is_file()
    assert batch._client_unchanged(client, out)


def test_no_chromium_never_replaces_a_report_that_has_a_pdf(fast, tmp_path, monkeypatch):
    client = _client(tmp_path / "clients")
    out = tmp_path / "out"
    assert batch.run_client(client, out, renderer=FakeRenderer()).status == "ok"
    before = _tree(out / "north")
    monkeypatch.setattr("svcwork.pdf.chromium_path", lambda: None)
    got = batch.run_client(client, out)
    assert got.status == "failed" and got.code == "pdf_failed" and "Chromium" in got.error
    assert _tree(out / "north") == before
    assert batch.run_client(client, out, pdf=False).status == "ok"  # asked for: replaced without a PDF
    assert not (out / "north" / "report.pdf").exists()


def test_a_batch_with_a_failed_pdf_exits_1(fast, tmp_path, monkeypatch):
    root = tmp_path / "clients"
    _client(root)
    monkeypatch.setattr("svcwork.pdf.KeptPdfRenderer", lambda *a, **k: FakeRenderer(fail=True))
    assert main(["batch", str(root), "-o", str(tmp_path / "out")]) == 1
    manifest = json.loads((tmp_path / "out" / "batch.json").read_text())
    assert manifest["clients"][0]["code"] == "pdf_failed" and not manifest["ok"]


# =========================================================================== 3. the skip cache
def test_a_skip_needs_the_same_options_files_key_and_outputs(fast, tmp_path, monkeypatch):
    client = _client(tmp_path / "clients")
    out = tmp_path / "out"
    monkeypatch.delenv("SVCWORK_SVG", raising=False)
    assert batch.run_client(client, out, renderer=FakeRenderer()).status == "ok"
    assert batch._client_unchanged(client, out)
    stamp_text = (out / "north" / ".svcwork-run.json").read_text()
    assert os.environ["SVCWORK_KEY"] not in stamp_text  # a keyed hash stands for the key, never the key

    monkeypatch.setenv("SVCWORK_SVG", "1")  # --svg
    assert not batch._client_unchanged(client, out)
    monkeypatch.delenv("SVCWORK_SVG")
    assert batch._client_unchanged(client, out)

    monkeypatch.setenv("SVCWORK_KEY", "another-key-not-secret")  # other pseudonyms
    assert not batch._client_unchanged(client, out)
    monkeypatch.setenv("SVCWORK_KEY", "test-key-not-secret")

    (client / "cases (1).csv").write_text("case_id,activity,timestamp\n", encoding="utf-8")  # unused: warned
    assert not batch._client_unchanged(client, out)
    (client / "cases (1).csv").unlink()
    assert batch._client_unchanged(client, out)

    assert not batch._client_unchanged(client, out, scenario="Drop S01")  # a workshop scenario's report
    (out / "north" / "report.pdf").unlink()  # a report without its PDF
    assert not batch._client_unchanged(client, out)
    assert batch._client_unchanged(client, out, pdf=False)


def test_a_pdf_batch_after_a_no_pdf_batch_makes_the_pdf(fast, tmp_path):
    client = _client(tmp_path / "clients")
    out = tmp_path / "out"
    assert batch.run_client(client, out, pdf=False).status == "ok"
    assert batch._client_unchanged(client, out, pdf=False)
    assert not batch._client_unchanged(client, out)
    got = batch.run_client(client, out, force=False, renderer=FakeRenderer())
    assert got.status == "ok" and (out / "north" / "report.pdf").is_file()


def test_a_scenario_run_is_not_served_to_the_next_batch(fast, tmp_path, monkeypatch):
    client = _client(tmp_path / "clients")
    out = tmp_path / "out"
    monkeypatch.setattr("svcwork.workshop.apply.apply_scenario", lambda eng, name: eng)
    assert batch.run_client(client, out, pdf=False, scenario="Drop S01").status == "ok"
    assert json.loads((out / "north" / ".svcwork-run.json").read_text())["options"]["scenario"] == "Drop S01"
    assert batch.run_client(client, out, pdf=False, force=False).status == "ok"  # rerun, not "skipped"


# =========================================================================== 5. what a killed run leaves
def test_the_notebooks_cache_is_private_and_outside_out_and_the_build_is_private(fast, tmp_path):
    client = _client(tmp_path / "clients")
    out = tmp_path / "out"
    assert batch.run_client(client, out, pdf=False).status == "ok"
    assert fast.build_mode == 0o700  # the folder being built: only its owner may look in
    assert fast.cache_mode == 0o700 and out not in fast.cache.parents and ".engagement.pkl" in fast.cache_files
    assert not fast.cache.exists()  # removed with the run
    assert stat.S_IMODE((out / "north").stat().st_mode) == 0o777 & ~UMASK  # the usual mode once swapped in
    assert not list(out.rglob("*.pkl")) and not list(out.rglob(".cache"))


def test_the_cache_is_removed_when_the_run_fails(fast, tmp_path, monkeypatch):
    client = _client(tmp_path / "clients")

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr("svcwork.report.assemble", boom)
    with pytest.raises(KeyboardInterrupt):
        batch.run_client(client, tmp_path / "out", pdf=False)
    assert fast.cache is not None and not fast.cache.exists()
    assert not [p for p in (tmp_path / "out").iterdir() if ".tmp-" in p.name]


def test_sigterm_ends_a_command_as_ctrl_c_does_so_its_cleanup_runs(tmp_path):
    marker = tmp_path / "cleaned"
    code = f"""
import os, signal, sys, time
import svcwork.cli as cli

def run(args):
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)
        return 0
    finally:
        open({str(marker)!r}, "w").close()

cli._COMMANDS["run"] = run
sys.exit(cli.main(["run", "x", "-o", "y"]))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert done.returncode == 143 and "interrupted" in done.stderr
    assert marker.exists()


def test_a_batch_sweeps_what_killed_runs_left_in_out(fast, tmp_path):
    root = tmp_path / "clients"
    _client(root)
    out = tmp_path / "out"
    stale = [out / ".ghost.tmp-ab12cd_9", out / ".rounds" / ".ghost.tmp-zz99yy00"]
    kept = [out / ".notes", out / ".ghost.tmp-x", out / "ghost.tmp-ab12cd_9"]  # not svcwork's exact naming
    for folder in stale + kept:
        (folder / ".cache").mkdir(parents=True)
        (folder / ".cache" / ".engagement.pkl").write_bytes(b"raw comments")
    result = batch.run_batch(root, out, pdf=False)
    assert result.ok
    assert not any(p.exists() for p in stale) and all(p.exists() for p in kept)


# =========================================================================== 6. unreadable inputs, unwritable outputs
def _deny_open(monkeypatch, module, name: str) -> None:
    """``open`` in *module* raises PermissionError for a file called *name*."""
    import builtins

    def fake(file, *a, **k):
        if Path(os.fspath(file)).name == name:
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return builtins.open(file, *a, **k)

    monkeypatch.setattr(module, "open", fake, raising=False)


def test_an_unreadable_survey_is_a_located_error(tmp_path, monkeypatch, capsys):
    import svcwork.paths

    client = _client(tmp_path / "clients")
    (client / "survey.csv").write_text("respondent_id,date\nR1,2026-01-01\n", encoding="utf-8")
    _deny_open(monkeypatch, svcwork.paths, "survey.csv")
    assert main(["validate", str(client)]) == 1
    shown = capsys.readouterr()
    assert "[file_unreadable] survey.csv" in shown.out and "internal error" not in shown.err
    result = batch.validate_client(client)
    [p] = [p for p in result.problems if p.code == "file_unreadable"]
    assert p.file == "survey.csv" and p.is_error and "Permission denied" in p.message


def test_an_unreadable_intake_is_a_located_error(tmp_path, monkeypatch, capsys):
    import svcwork.intake.workbook

    client = _client(tmp_path / "clients")
    _deny_open(monkeypatch, svcwork.intake.workbook, "intake.xlsx")
    assert main(["validate", str(client)]) == 1
    shown = capsys.readouterr()
    assert "[file_unreadable] intake.xlsx" in shown.out and "internal error" not in shown.err


@pytest.fixture
def unreadable_commentary(tmp_path, monkeypatch) -> Path:
    """A client whose commentary.md cannot be read (no permission: root reads a mode-000 file, so patched)."""
    client = _client(tmp_path / "clients")
    (client / "commentary.md").write_text("## summary\nWords.\n", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "commentary.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return client


def test_an_unreadable_commentary_is_a_warning_of_validate(unreadable_commentary):
    result = batch.validate_client(unreadable_commentary)
    assert result.ok
    [p] = [p for p in result.problems if p.code == "commentary_unreadable"]
    assert p.severity == "warning" and p.file == "commentary.md"


def test_an_output_folder_that_cannot_be_written_is_a_usage_error_before_any_work(tmp_path, monkeypatch, capsys):
    import tempfile

    client = _client(tmp_path / "clients")
    (tmp_path / "afile").write_text("x")
    assert main(["run", str(client), "-o", str(tmp_path / "afile" / "x"), "--no-pdf"]) == 2
    assert "cannot write to the output folder" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "clients"), "-o", str(tmp_path / "afile" / "x"), "--no-pdf"]) == 2
    assert "cannot write to the output folder" in capsys.readouterr().err

    readonly = tmp_path / "ro"
    readonly.mkdir()
    real = tempfile.mkstemp

    def mkstemp(*a, dir=None, **k):  # noqa: A002 - tempfile's own name
        if dir is not None and Path(dir) == readonly:
            raise PermissionError(13, "Permission denied", str(Path(dir) / "x"))
        return real(*a, dir=dir, **k)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    started = []
    monkeypatch.setattr(batch, "validate_client", lambda *a, **k: started.append(a))
    assert main(["run", str(client), "-o", str(readonly), "--no-pdf"]) == 2
    assert main(["batch", str(tmp_path / "clients"), "-o", str(readonly), "--no-pdf"]) == 2
    err = capsys.readouterr().err
    assert err.count("cannot write to the output folder") == 2 and "internal error" not in err
    assert not started


# =========================================================================== 7. the per-case record
def test_the_round_record_is_kept_out_of_the_deliverable_and_found_by_since(fast, tmp_path):
    from svcwork.since import history

    client = _client(tmp_path / "clients")
    out = tmp_path / "out"
    assert batch.run_client(client, out, pdf=False).status == "ok"
    assert not (out / "north" / "round").exists()
    private = out / ".rounds" / "north"
    assert (private / "round" / "actions.parquet").is_file()
    assert stat.S_IMODE((out / ".rounds").stat().st_mode) == 0o700
    rnd = history.load_round(out / "north")  # as --since reads a previous OUT's client folder
    assert rnd.actions is not None and list(rnd.actions["action_id"]) == ["A1"]
    assert history.record_folder(out / "north" / "summary.json") == private / "round"
    # a summary that is not the record's (killed between the two swaps): the record is not read
    (out / "north" / "summary.json").write_text(json.dumps({"client": "north", "period": {"end": "2026-06-30"}}))
    assert history.load_round(out / "north").actions is None


def test_the_history_records_follow_into_the_private_folder_and_old_ones_are_still_read(tmp_path):
    from svcwork.since import history
    from svcwork.since.cases import RoundRecord, write_record

    import pandas as pd

    out = tmp_path / "out"
    existing = out / "north"
    existing.mkdir(parents=True)
    (existing / "summary.json").write_text(json.dumps({"client": "north", "period": {"end": "2025-12-31"}}))
    write_record(out / ".rounds" / "north" / "round", RoundRecord(actions=pd.DataFrame({"action_id": ["A0"]})))
    (out / ".rounds" / "north" / "round" / history.SUMMARY_SHA).write_text(
        history._sha(existing / "summary.json"))
    target = out / ".north.tmp-abcdefgh"
    target.mkdir()
    rounds = history.prepare(existing, target, current_end=dt.date(2026, 6, 30), slug="north")
    assert rounds.previous is not None and list(rounds.previous.actions["action_id"]) == ["A0"]
    private = out / ".rounds" / ".north.tmp-ijklmnop"
    private.mkdir()
    history.withdraw_records(target, private)
    assert [p.name for p in (target / "history").iterdir()] == ["2025-12-31.json"]  # no record in the deliverable
    assert (private / "history" / "2025-12-31" / "actions.parquet").is_file()

    old = tmp_path / "previous" / "north"  # written before (data/previous): round/ beside the summary
    old.mkdir(parents=True)
    (old / "summary.json").write_text(json.dumps({"client": "north", "period": {"end": "2025-06-30"}}))
    write_record(old / "round", RoundRecord(actions=pd.DataFrame({"action_id": ["B1"]})))
    assert list(history.load_round(old).actions["action_id"]) == ["B1"]


def _out_with_a_record(out: Path, name: str, text: str) -> Path:
    """An OUT folder with client ``c``'s file *name* and its private case record (``.rounds/c/round/``)."""
    (out / "c").mkdir(parents=True)
    (out / "c" / name).write_text(text)
    (out / ".rounds" / "c" / "round").mkdir(parents=True)
    (out / ".rounds" / "c" / "round" / "cases.parquet").write_bytes(b"pq")
    return out


def test_remote_jobs_carry_the_private_records_and_write_them_back_privately(tmp_path):
    from svcwork import remote

    out = _out_with_a_record(tmp_path / "out", "summary.json", "{}")
    folder = tmp_path / "clients" / "c"
    folder.mkdir(parents=True)
    job = remote.make_job(folder, out, since=None)
    assert sorted(job.output) == [".rounds/round/cases.parquet", "summary.json"]
    files = {"report.html": b"<html>", ".rounds/round/cases.parquet": b"pq2"}
    target = remote.write_outputs(folder, tmp_path / "out2", files, ran_in="")
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()) == ["report.html"]
    assert (tmp_path / "out2" / ".rounds" / "c" / "round" / "cases.parquet").read_bytes() == b"pq2"


def test_publishing_to_a_local_out_puts_the_records_beside_the_client_folder(tmp_path):
    from svcwork.storage import StagedOutput

    local = _out_with_a_record(tmp_path / "staged", "report.html", "r")
    StagedOutput(tmp_path / "o", local, {}).publish("c")
    assert sorted(p.name for p in (tmp_path / "o" / "c").rglob("*")) == ["report.html"]
    assert (tmp_path / "o" / ".rounds" / "c" / "round" / "cases.parquet").read_bytes() == b"pq"
    fetched = tmp_path / "again"
    fetched.mkdir()
    StagedOutput(tmp_path / "o", fetched, {}).fetch(["c"])
    assert (fetched / ".rounds" / "c" / "round" / "cases.parquet").read_bytes() == b"pq"


# =========================================================================== 8. exit codes, kernels on Ctrl-C
def test_run_on_a_missing_client_is_a_usage_error_as_validate_says(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "-o", str(tmp_path / "x")]) == 2
    assert main(["validate", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].split(": ", 1)[1] == err[1].split(": ", 1)[1]  # the same words
    assert not (tmp_path / "x").exists()


def test_closing_a_kernel_whose_loop_is_busy_kills_it_without_an_unawaited_coroutine():
    import asyncio
    import gc

    from svcwork.kernels import WarmKernel, _KernelLoop

    loop = _KernelLoop()
    started, release = threading.Event(), threading.Event()

    async def busy() -> None:
        started.set()
        while not release.is_set():
            await asyncio.sleep(0.01)

    runner = threading.Thread(target=lambda: loop.run_until_complete(busy()), daemon=True)
    runner.start()
    started.wait(5)

    class Process:
        killed = False

        def kill(self) -> None:
            Process.killed = True

        def wait(self, timeout=None) -> int:
            return -9

    class Manager:
        has_kernel = True
        provisioner = type("P", (), {"process": Process()})()

        async def shutdown_kernel(self, now=False) -> None:
            pass

    kernel = object.__new__(WarmKernel)
    kernel._loop, kernel.km, kernel._kc, kernel._stderr = loop, Manager(), None, open(os.devnull, "w")
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            kernel.close()
            gc.collect()
        assert Process.killed
        assert not [w for w in caught if "never awaited" in str(w.message)]
    finally:
        release.set()
        runner.join(5)
        loop.close()
        kernel._stderr.close()


def test_an_unreadable_commentary_is_left_out_of_the_report_not_a_failure(unreadable_commentary):
    """README: a commentary that cannot be read is a warning; the report is made without it (the reader raises
    the catalogued InputFileError the report's assembly handles, never a bare PermissionError)."""
    from svcwork.commentary import read_commentary
    from svcwork.errors import InputFileError

    with pytest.raises(InputFileError) as raised:
        read_commentary(unreadable_commentary, lang="en", sections=["summary"])
    assert raised.value.code == "commentary_unreadable" and "commentary.md" in raised.value.message
    assert "Permission denied" in raised.value.message
