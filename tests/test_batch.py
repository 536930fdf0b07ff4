"""svcwork run / batch: the path from a client folder to a report, failures isolated, outputs atomic."""

from __future__ import annotations

import fcntl
import json
from pathlib import Path

import nbformat
import pytest

from conftest import english_sheets, hebrew_sheets, write_xlsx
from svcwork import batch
from svcwork.cli import main
from svcwork.errors import UsageError
from svcwork.i18n import t
from svcwork.paths import sha256_file


@pytest.fixture
def clients(tmp_path: Path) -> Path:
    root = tmp_path / "clients"
    write_xlsx(root / "good-en" / "intake.xlsx", english_sheets())
    write_xlsx(root / "good-he" / "intake.xlsx", hebrew_sheets(), rtl=True)
    bad = english_sheets()
    bad["Services"].append(["S1", "Duplicate id", "Parking", 9, 5, 5, 10, None])  # duplicate id, effort out of range
    write_xlsx(root / "broken" / "intake.xlsx", bad)
    return root


@pytest.mark.slow
def test_batch_goes_on_past_a_failing_client_and_reruns_incrementally(clients, tmp_path, capsys):
    out = tmp_path / "out"
    before = {p: sha256_file(p) for p in clients.rglob("*.xlsx")}

    assert main(["batch", str(clients), "-o", str(out)]) == 1
    text = capsys.readouterr().out
    assert "broken" in text.splitlines()[-1]  # the failures are listed at the end

    manifest = json.loads((out / "batch.json").read_text())
    status = {c["client"]: c for c in manifest["clients"]}
    assert status["good-en"]["status"] == "ok" and status["good-he"]["status"] == "ok"
    assert status["broken"]["status"] == "failed" and status["broken"]["code"] == "intake_invalid"
    assert {e["code"] for e in status["broken"]["errors"]} >= {"duplicate_id", "out_of_range"}
    assert all(e["sheet"] == "Services" and e["row"] for e in status["broken"]["errors"])

    for slug in ("good-en", "good-he"):
        folder = out / slug
        for name in ("report.html", "summary.json", "results.xlsx"):
            assert (folder / name).is_file(), (slug, name)
        assert len(list((folder / "notebooks").glob("*.ipynb"))) == len(batch.analysis_notebooks())
        summary = json.loads((folder / "summary.json").read_text())
        assert summary["svcwork_version"]
        assert summary["inputs"][0]["sha256"] == sha256_file(clients / slug / "intake.xlsx")
    assert not (out / "broken" / "report.html").exists()
    index = (out / "index.html").read_text()
    assert "good-he/report.html" in index and "broken" in index

    html_he = (out / "good-he" / "report.html").read_text()
    assert 'dir="rtl"' in html_he and 'lang="he"' in html_he
    assert "<script" not in html_he and "Traceback" not in html_he and "In [" not in html_he
    assert "http://" not in html_he and "https://" not in html_he  # self-contained

    # inputs never modified
    assert before == {p: sha256_file(p) for p in clients.rglob("*.xlsx")}

    # an unchanged re-run skips the good clients; --force reruns them
    result = batch.run_batch(clients, out)
    assert {c.slug: c.status for c in result.clients} == {"broken": "failed", "good-en": "skipped",
                                                          "good-he": "skipped"}
    result = batch.run_batch(clients, out, force=True)
    assert {c.slug: c.status for c in result.clients}["good-en"] == "ok"


@pytest.mark.slow
def test_a_failing_rerun_leaves_the_previous_report_intact(clients, tmp_path):
    out = tmp_path / "out"
    first = batch.run_client(clients / "good-en", out)
    assert first.ok, first.describe()
    report = (out / "good-en" / "report.html").read_bytes()
    sheets = english_sheets()
    sheets["Services"][1][3] = "lots"  # effort must be 1-5
    write_xlsx(clients / "good-en" / "intake.xlsx", sheets)
    second = batch.run_client(clients / "good-en", out)
    assert second.status == "failed" and any(p.code == "not_integer" or p.code == "not_number"
                                             for p in second.problems)
    assert (out / "good-en" / "report.html").read_bytes() == report
    assert not [p for p in out.iterdir() if p.name.startswith(".good-en.tmp")]


def test_a_failing_notebook_names_the_notebook_and_cell(clients, tmp_path, monkeypatch):
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('client_dir = ""\noutput_dir = ""\nlang = ""\ncache_dir = ""', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("1 / 0"),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nbformat.write(nb, nbdir / "00_intake.ipynb")
    monkeypatch.setattr(batch, "analysis_notebooks", lambda: [nbdir / "00_intake.ipynb"])
    result = batch.run_client(clients / "good-en", tmp_path / "out")
    assert result.status == "failed" and result.notebook == "00_intake.ipynb"
    assert "ZeroDivisionError" in result.error and result.cell is not None
    assert not (tmp_path / "out" / "good-en").exists()


def test_notebook_parameters_are_checked_before_running(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('client = ""', metadata={"tags": ["parameters"]})],
                                  metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    path = tmp_path / "x.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(UsageError, match="client_dir"):
        batch.check_notebook_parameters(path)
    for committed in batch.analysis_notebooks():
        batch.check_notebook_parameters(committed)


def test_a_second_batch_on_the_same_output_is_refused(clients, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".svcwork.lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(UsageError, match="another svcwork batch"):
            batch.run_batch(clients, out)


def test_batch_usage_errors(tmp_path, capsys):
    assert main(["batch", str(tmp_path / "nowhere"), "-o", str(tmp_path / "o")]) == 2
    (tmp_path / "empty").mkdir()
    assert main(["batch", str(tmp_path / "empty"), "-o", str(tmp_path / "o")]) == 2
    assert "no client folders" in capsys.readouterr().err
    assert main(["batch", str(tmp_path), "-o", str(tmp_path / "o"), "--jobs", "0"]) == 2
    assert main(["batch", str(tmp_path), "-o", str(tmp_path / "o"), "--timeout", "-1"]) == 2
    assert "--timeout expects seconds" in capsys.readouterr().err


def test_committed_notebooks_are_thin_and_parameterised():
    for path in batch.analysis_notebooks():
        nb = nbformat.read(path, as_version=4)
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, path
        for line in tagged[0].source.splitlines():
            assert ":" in line.split("=")[0] and "#" in line, f"{path.name}: typed default with a comment: {line}"
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not any(l.startswith(("def ", "class ")) for l in cell.source.splitlines()), path
        assert any("NBVAL_CHECK_OUTPUT" in c.source for c in nb.cells if c.cell_type == "code"), path
        # committed executed, so nbval has outputs to compare against
        assert all(c.get("execution_count") for c in nb.cells if c.cell_type == "code"), f"{path.name} not executed"


def _cells(path: Path) -> list:
    nb = nbformat.read(path, as_version=4)
    return [(c.source, c.get("outputs"), c.get("execution_count")) for c in nb.cells]


@pytest.mark.slow
def test_a_warm_kernel_gives_the_same_outputs_as_fresh_kernels(clients, tmp_path):
    fresh = batch.run_client(clients / "good-he", tmp_path / "fresh")
    with batch.WarmKernel() as kernel:
        # another client first, so any state leaking between clients would show
        assert batch.run_client(clients / "good-en", tmp_path / "warm", kernel=kernel).ok
        warm = batch.run_client(clients / "good-he", tmp_path / "warm", kernel=kernel)
    assert fresh.ok and warm.ok, (fresh.describe(), warm.describe())
    for nb in batch.analysis_notebooks():
        assert _cells(tmp_path / "fresh" / "good-he" / "notebooks" / nb.name) == \
            _cells(tmp_path / "warm" / "good-he" / "notebooks" / nb.name), nb.name
    for name in ("report.html", "summary.json"):
        assert (tmp_path / "fresh" / "good-he" / name).read_bytes() == (tmp_path / "warm" / "good-he" / name).read_bytes()


@pytest.mark.slow
def test_batch_on_a_dask_cluster_gives_the_same_reports(clients, tmp_path):
    distributed = pytest.importorskip("distributed")
    local = batch.run_batch(clients, tmp_path / "local")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                                  processes=True) as cluster:
        remote = batch.run_batch(clients, tmp_path / "dask", scheduler=cluster.scheduler_address)
    assert [(c.slug, c.status) for c in remote.clients] == [(c.slug, c.status) for c in local.clients]
    for slug in ("good-en", "good-he"):
        assert (tmp_path / "dask" / slug / "summary.json").read_bytes() == \
            (tmp_path / "local" / slug / "summary.json").read_bytes()


def test_an_unreachable_scheduler_is_a_clear_usage_error(clients, tmp_path):
    pytest.importorskip("distributed")
    with pytest.raises(UsageError, match="Dask scheduler"):
        batch.run_batch(clients, tmp_path / "o", scheduler="tcp://127.0.0.1:9")


@pytest.mark.slow
def test_the_readme_papermill_command_works_unchanged(tmp_path):
    """README: one notebook with the plain papermill command line, parameters cell unchanged."""
    import subprocess
    import sys

    from conftest import ROOT

    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "papermill", "notebooks/00_intake.ipynb", str(tmp_path / "intake-run.ipynb"),
           "--cwd", "notebooks", "-p", "client_dir", "../data/clients/northfield-licensing", "-p", "output_dir",
           str(out), "-p", "lang", "he", "-k", "python3"]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    recorded = json.loads((out / "sections" / "intake.json").read_text(encoding="utf-8"))
    assert recorded["available"] and recorded["findings"]
    assert not list(out.rglob("*.pkl")) or all(p.name.endswith(".tables.pkl") for p in out.rglob("*.pkl"))


# =========================================================================== isolation: timeouts, dead kernels, dead workers
def _notebook(path: Path, *sources: str) -> Path:
    """A small analysis notebook with svcwork's parameters cell, then *sources*."""
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('client_dir = ""\noutput_dir = ""\nlang = ""\ncache_dir = ""',
                                  metadata={"tags": ["parameters"]}),
        *[nbformat.v4.new_code_cell(s) for s in sources],
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def _fake_report(monkeypatch) -> None:
    """Notebooks run for real; the report assembled from them is a stub (the notebooks here write no sections)."""
    import svcwork.report

    def assemble(folder, engagement, *, lang, notebooks, **_):
        (folder / "report.html").write_text("<html><body>stub</body></html>\n", encoding="utf-8")
        (folder / "summary.json").write_text(json.dumps({"language": lang}), encoding="utf-8")

    monkeypatch.setattr(svcwork.report, "assemble", assemble)


def _english_clients(root: Path, *names: str) -> Path:
    for name in names:
        write_xlsx(root / name / "intake.xlsx", english_sheets())
    return root


@pytest.mark.slow
def test_a_cell_past_the_time_limit_fails_its_client_and_the_rest_go_on(tmp_path, monkeypatch, capsys):
    import time

    nb = _notebook(tmp_path / "nbs" / "00_intake.ipynb", "import pathlib, time\nx = 1",
                   "if pathlib.Path(client_dir).name == 'a-sleepy':\n    time.sleep(120)")
    monkeypatch.setattr(batch, "analysis_notebooks", lambda: [nb])
    _fake_report(monkeypatch)
    clients = _english_clients(tmp_path / "clients", "a-sleepy", "b-fine")
    out = tmp_path / "out"
    start = time.monotonic()
    assert main(["batch", str(clients), "-o", str(out), "--timeout", "4", "--no-pdf"]) == 1
    # the sleeping cell was cut at the limit, and the kernel restarted: b-fine did not wait for the sleep to end
    assert time.monotonic() - start < 60
    text = capsys.readouterr().out
    assert "a-sleepy" in text.splitlines()[-1]
    assert "00_intake.ipynb timed out at cell 4" in text and "--timeout" in text
    manifest = {c["client"]: c for c in json.loads((out / "batch.json").read_text())["clients"]}
    sleepy = manifest["a-sleepy"]
    assert sleepy["status"] == "failed" and sleepy["code"] == "notebook_timeout"
    assert sleepy["notebook"] == "00_intake.ipynb" and sleepy["cell"] == 4 and "timed out" in sleepy["error"]
    assert manifest["b-fine"]["status"] == "ok"
    assert not (out / "a-sleepy").exists()


@pytest.mark.slow
def test_a_dead_kernel_is_retried_once_in_a_fresh_kernel(tmp_path, monkeypatch):
    # every attempt is counted in the client's folder; a-dies always ends its kernel, b-once only the first time
    nb = _notebook(tmp_path / "nbs" / "00_intake.ipynb", "import os, pathlib\nx = 1",
                   "here = pathlib.Path(client_dir)\n"
                   "with open(here / 'attempts', 'a') as fh:\n    fh.write('.')\n"
                   "if here.name == 'a-dies' or (here.name == 'b-once' and (here / 'attempts').read_text() == '.'):\n"
                   "    os._exit(1)",
                   "print('survived')")
    monkeypatch.setattr(batch, "analysis_notebooks", lambda: [nb])
    _fake_report(monkeypatch)
    clients = _english_clients(tmp_path / "clients", "a-dies", "b-once", "c-fine")
    result = batch.run_batch(clients, tmp_path / "out", pdf=False, timeout=120)
    status = {c.slug: c for c in result.clients}
    dies = status["a-dies"]
    assert dies.status == "failed" and dies.code == "kernel_died"
    assert dies.notebook == "00_intake.ipynb" and dies.cell == 4 and "kernel died at cell 4" in dies.error
    assert (clients / "a-dies" / "attempts").read_text() == ".."  # exactly one retry
    assert status["b-once"].status == "ok", status["b-once"].describe()
    assert (clients / "b-once" / "attempts").read_text() == ".."
    executed = nbformat.read(tmp_path / "out" / "b-once" / "notebooks" / "00_intake.ipynb", as_version=4)
    assert executed.cells[-1].outputs[0]["text"] == "survived\n"
    assert status["c-fine"].status == "ok" and (clients / "c-fine" / "attempts").read_text() == "."
    manifest = {c["client"]: c for c in json.loads((tmp_path / "out" / "batch.json").read_text())["clients"]}
    assert manifest["a-dies"]["code"] == "kernel_died" and manifest["a-dies"]["notebook"] == "00_intake.ipynb"


def _fake_client_runs(monkeypatch, crashes: dict[str, str]) -> None:
    """Workers without notebooks: run_client returns at once, or ends its worker process for the slugs in *crashes*
    ("always", or "once": only while the client's folder has no marker).  Forked workers inherit the patch."""
    import os
    import time

    def fake(client, output, **kw):
        client = Path(client)
        how = crashes.get(client.name)
        if how == "always" or (how == "once" and not (client / "crashed").exists()):
            (client / "crashed").touch()
            os._exit(1)
        time.sleep(0.3)
        return batch.ClientResult(client, client.name, "ok", 0.3, summary={"language": "en"})

    monkeypatch.setattr(batch, "run_client", fake)
    monkeypatch.setattr(batch, "_worker_kernel", lambda *size: None)


def _bare_clients(root: Path, *names: str) -> Path:
    for name in names:
        (root / name).mkdir(parents=True)
        (root / name / "intake.xlsx").touch()  # enough for find_clients; run_client is faked
    return root


def test_a_dead_worker_process_fails_only_its_client(tmp_path, monkeypatch):
    _fake_client_runs(monkeypatch, {"b-crash": "always", "d-once": "once"})
    clients = _bare_clients(tmp_path / "clients", "a", "b-crash", "c", "d-once", "e", "f")
    begun = []
    result = batch.run_batch(clients, tmp_path / "out", jobs=2, on_start=lambda folder: begun.append(folder.name))
    status = {c.slug: c for c in result.clients}
    assert status["b-crash"].status == "failed" and status["b-crash"].code == "worker_died"
    assert "worker process" in status["b-crash"].error and "on its own" in status["b-crash"].error
    assert {s: c.status for s, c in status.items() if s != "b-crash"} == dict.fromkeys("a c d-once e f".split(), "ok")
    assert set(begun) == set(status)
    manifest = json.loads((tmp_path / "out" / "batch.json").read_text())
    assert [c["client"] for c in manifest["clients"]] == ["a", "b-crash", "c", "d-once", "e", "f"]
    assert "b-crash" in (tmp_path / "out" / "index.html").read_text()


def test_index_shows_key_figures_in_the_clients_language(tmp_path):
    """The index quotes each client's registry figures (summary.json ``key_figures``), named in the
    client's language, each linked to its definition in that client's report."""
    from svcwork.keyfigures import KeyFigure, figure_anchor

    figures = {f.key: f.as_record() for f in (
        KeyFigure("journeys.cases", 1234, "count", "journeys"),
        KeyFigure("measures.item.satisfaction", 0.81, "share", "measures", item="satisfaction"),
        KeyFigure("management.actions_overdue", 3, "count", "management"))}
    for lang in ("he", "en"):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "report.html").write_text("<html></html>")
    he = batch.ClientResult(tmp_path / "he", "he", "ok", summary={"language": "he", "organization": "עיריית צפון",
                                                                   "key_figures": figures})
    en = batch.ClientResult(tmp_path / "en", "en", "ok", summary={"language": "en", "organization": "Northfield",
                                                                   "key_figures": figures})
    batch._write_index(batch.BatchResult(tmp_path, (he, en), 1.0))
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    for lang, slug in (("he", "he"), ("en", "en")):
        for key, shown in (("journeys.cases", "1,234"), ("measures.item.satisfaction", "81%"),
                           ("management.actions_overdue", "3")):
            label = KeyFigure(**figures[key]).label(lang)
            link = f'<a href="{slug}/report.html#{figure_anchor(key)}"><bdi>{shown}</bdi></a>'
            assert f"<li>{label}: {link}</li>" in index, (lang, key)
    assert "CSAT" not in index


# =========================================================================== progress display
def test_progress_is_quiet_when_not_on_a_terminal(tmp_path, monkeypatch, capsys):
    import io

    from svcwork import cli

    monkeypatch.setattr("sys.stderr", io.StringIO())
    with cli._progress(total=3) as progress:
        assert progress is None
    monkeypatch.undo()

    class NoKernel:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            pass

        def close(self):
            pass

    _fake_client_runs(monkeypatch, {})
    monkeypatch.setattr(batch, "WarmKernel", NoKernel)
    monkeypatch.setattr(batch, "KernelPool", NoKernel)
    clients = _bare_clients(tmp_path / "clients", "a", "b")
    assert main(["batch", str(clients), "-o", str(tmp_path / "out")]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "\x1b" not in captured.out
    assert captured.out.splitlines()[-1].startswith("2 clients: 2 done")


def test_progress_shows_running_clients_completions_elapsed_and_estimate():
    import io
    import re
    import time

    from rich.console import Console

    from svcwork import cli

    screen = io.StringIO()
    with cli._progress(Console(force_terminal=True, file=screen, width=120), total=3) as progress:
        progress.start(Path("clients/good-en"))
        progress.start(Path("clients/good-he"))
        time.sleep(0.2)
        progress.bar.refresh()
        shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
        assert "good-en running" in shown and "good-he running" in shown and "0/3" in shown
        progress(batch.ClientResult(Path("clients/good-en"), "good-en", "ok", 1.5), 1, 3)
        progress(batch.ClientResult(Path("clients/good-he"), "good-he", "failed", 2.5,
                                    error="Notebook 00_intake.ipynb timed out at cell 4"), 2, 3)
        progress.bar.refresh()
        assert not progress.running
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    assert "✓ good-en (1.5 s)" in shown
    assert "✗ good-he (2.5 s) — Notebook 00_intake.ipynb timed out at cell 4" in shown
    last = shown.rstrip().splitlines()[-1]
    assert "clients" in last and "2/3" in last
    assert re.search(r"\d:\d\d:\d\d \d:\d\d:\d\d", last)  # elapsed, then the estimate of the time left


def test_the_consultants_files_are_inputs_of_the_run(tmp_path):
    """The commentary and the workshop's scenarios copy of the intake change the report, so they are
    in the run's fingerprint (a batch reruns the client when one changes); other files are not."""
    from svcwork.batch import consultant_files, run_fingerprint

    client = tmp_path / "client"
    write_xlsx(client / "intake.xlsx", english_sheets())
    (client / "commentary.md").write_text("## summary\nFirst words.\n", encoding="utf-8")
    (client / "notes.txt").write_text("not an input", encoding="utf-8")
    assert [p.name for p in consultant_files(client)] == ["commentary.md"]
    (client / "intake.scenarios.xlsx").write_bytes((client / "intake.xlsx").read_bytes())
    files = consultant_files(client)
    assert [p.name for p in files] == ["commentary.md", "intake.scenarios.xlsx"]
    before = run_fingerprint([], [], commentary=files)
    write_xlsx(client / "intake.scenarios.xlsx", {**english_sheets(), "Scenarios": [["name", "changes"], ["A", "x"]]})
    assert run_fingerprint([], [], commentary=files) != before


def test_a_folder_without_a_recognisable_intake_fails_by_name(tmp_path, capsys, monkeypatch):
    """A client folder whose workbook is a browser's copy (``intake (1).xlsx``) or named in Hebrew is a
    failed client naming what it holds, never left out of the batch; the batch exits 1."""
    root = tmp_path / "clients"
    write_xlsx(root / "b-copy" / "intake (1).xlsx", english_sheets())
    (root / "b-copy" / "survey.csv").write_text("respondent_id,nps\n1,9\n", encoding="utf-8")
    write_xlsx(root / "c-heb" / "טופס קליטה.xlsx", hebrew_sheets(), rtl=True)
    (root / "d-cases").mkdir()
    (root / "d-cases" / "cases.csv").write_text("case_id,activity,timestamp\n", encoding="utf-8")
    (root / "docs").mkdir()  # no spreadsheet, no export: not a client
    (root / "docs" / "contract.pdf").write_bytes(b"%PDF-1.4")
    (root / "empty").mkdir()
    write_xlsx(root / "last-quarter" / "portfolio.xlsx", {"League": [["client"], ["x"]]})  # a batch's OUT, not a client
    (root / "last-quarter" / "batch.json").write_text("{}", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(root), "-o", str(out), "--no-pdf"]) == 1
    text = capsys.readouterr().out
    assert text.splitlines()[-1] == "failed: b-copy, c-heb, d-cases"
    manifest = {c["client"]: c for c in json.loads((out / "batch.json").read_text())["clients"]}
    assert set(manifest) == {"b-copy", "c-heb", "d-cases"}
    assert all(c["status"] == "failed" and c["code"] == "no_intake" for c in manifest.values())
    assert "intake (1).xlsx and survey.csv" in manifest["b-copy"]["error"] and "intake.xlsx" in manifest["b-copy"]["error"]
    assert "טופס קליטה.xlsx" in manifest["c-heb"]["error"] and "cases.csv" in manifest["d-cases"]["error"]
    assert manifest["b-copy"]["error"] in text

    monkeypatch.setenv("SVCWORK_LANG", "he")  # no engagement says the language: the user's
    result = batch.run_client(root / "c-heb", out)
    assert result.code == "no_intake" and result.error == t("cli.no_intake", "he", path=root / "c-heb",
                                                            found="טופס קליטה.xlsx")
    assert main(["validate", str(root / "c-heb")]) == 1  # one client alone: the same words
    shown = capsys.readouterr().out
    assert "[no_intake]" in shown and result.error in shown


def test_an_unchanged_client_skipped_on_a_rerun_still_says_its_folder_warnings(tmp_path, monkeypatch):
    """An old intake.xls beside intake.xlsx is a warning of every run, also one that skips the unchanged client."""
    from conftest import english_sheets, write_xlsx

    folder = tmp_path / "clients" / "north"
    write_xlsx(folder / "intake.xlsx", english_sheets())
    (folder / "intake.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    monkeypatch.setattr(batch, "_client_unchanged", lambda client, output, **_: True)  # a re-run, inputs unchanged
    got = batch.run_client(folder, tmp_path / "out", force=False)
    assert got.status == "skipped" and [p.code for p in got.warnings] == ["intake_several"]
    assert [w["code"] for w in got.manifest()["warnings"]] == ["intake_several"]
