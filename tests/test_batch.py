"""svcwork run / batch: the path from a client folder to a report, failures isolated, outputs atomic."""

from __future__ import annotations

import fcntl
import json
import shutil
from pathlib import Path

import nbformat
import pytest

from conftest import english_sheets, hebrew_sheets, write_xlsx
from svcwork import batch
from svcwork.cli import main
from svcwork.errors import UsageError
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
