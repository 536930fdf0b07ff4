"""svcwork.kernels: a client's notebooks side by side in a pool of warm kernels (issue 15).

Tiny notebooks with svcwork's parameters cell record which kernel process ran them and when, so
the tests see the notebooks overlap, the longest start first, and a failure end the run the way a
single kernel's does.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import nbformat
import pytest

from svcwork.errors import NotebookError
from svcwork.kernels import MAX_NOTEBOOK_KERNELS, NOTEBOOK_COST, KernelPool, NotebookRun, notebook_kernels

_TRACE = """import json, os, sys, time, pathlib
start = time.time()
preloaded = "svcwork.journeys" in sys.modules
time.sleep({sleep})
{extra}
pathlib.Path("trace-{name}.json").write_text(json.dumps({{"pid": os.getpid(), "start": start, "end": time.time(),
                                                          "preloaded": preloaded}}))
"""


def _notebook(folder: Path, name: str, *, sleep: float, extra: str = "") -> Path:
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('client_dir = ""\noutput_dir = ""\nlang = ""\ncache_dir = ""',
                                  metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(_TRACE.format(sleep=sleep, extra=extra, name=name)),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def _runs(tmp: Path, specs: dict[str, dict]) -> list[NotebookRun]:
    return [NotebookRun(_notebook(tmp / "nbs", name, **spec), tmp / "out" / "notebooks" / f"{name}.ipynb", {"lang": "en"})
            for name, spec in specs.items()]


def _trace(tmp: Path, name: str) -> dict:
    return json.loads((tmp / "out" / f"trace-{name}.json").read_text())


@pytest.mark.slow
def test_a_pool_runs_the_notebooks_side_by_side_longest_first(tmp_path):
    # in report order; the costs (NOTEBOOK_COST) put journeys first, then prioritization, intake last
    assert NOTEBOOK_COST["20_journeys"] > NOTEBOOK_COST["10_prioritization"] > NOTEBOOK_COST["00_intake"]
    runs = _runs(tmp_path, {"00_intake": {"sleep": 0.2}, "10_prioritization": {"sleep": 2.0},
                            "20_journeys": {"sleep": 2.0}})
    (tmp_path / "out" / "notebooks").mkdir(parents=True)
    with KernelPool(2) as pool:
        pool.run_all(runs, cwd=tmp_path / "out", deadline=None)
        assert len(pool.kernels) == 2
        # the same pool runs the next client's notebooks in the same two kernels
        pool.run_all(runs[:1], cwd=tmp_path / "out", deadline=None)
        assert len(pool.kernels) == 2
    journeys, prio, intake = (_trace(tmp_path, n) for n in ("20_journeys", "10_prioritization", "00_intake"))
    assert journeys["pid"] != prio["pid"]  # two kernel processes
    assert journeys["start"] < prio["end"] and prio["start"] < journeys["end"]  # they overlapped
    assert intake["start"] >= min(journeys["end"], prio["end"]) - 0.05  # the shortest waited for a free kernel
    for run in runs:
        executed = nbformat.read(run.target, as_version=4)
        assert executed.cells[1]["metadata"]["tags"] == ["injected-parameters"]  # papermill's injection, as one kernel


@pytest.mark.slow
def test_a_failing_notebook_ends_the_pools_run_like_one_kernels(tmp_path):
    runs = _runs(tmp_path, {"00_intake": {"sleep": 0},
                            "10_prioritization": {"sleep": 0.5, "extra": "raise ValueError('prioritisation broke')"},
                            "20_journeys": {"sleep": 1.5, "extra": "raise KeyError('journeys broke')"}})
    (tmp_path / "out" / "notebooks").mkdir(parents=True)
    with KernelPool(2) as pool, pytest.raises(NotebookError) as caught:
        pool.run_all(runs, cwd=tmp_path / "out", deadline=time.monotonic() + 120)
    # both running notebooks ended; the earliest failing notebook of the run is the one named,
    # and no notebook starts after a failure
    assert caught.value.notebook == "10_prioritization.ipynb" and caught.value.cell == 3
    assert "prioritisation broke" in caught.value.message
    assert not (tmp_path / "out" / "trace-00_intake.json").exists()


@pytest.mark.slow
def test_warm_kernels_start_and_import_the_analyses_in_the_background(tmp_path):
    runs = _runs(tmp_path, {"20_journeys": {"sleep": 0}, "30_measures": {"sleep": 0}})
    (tmp_path / "out" / "notebooks").mkdir(parents=True)
    with KernelPool(2) as pool:
        pool.warm()  # returns at once: the caller validates the client's files meanwhile
        pool.warm()  # twice is once
        assert pool.kernels == []
        pool.run_all(runs, cwd=tmp_path / "out", deadline=None)
        assert len(pool.kernels) == 2
    traces = [_trace(tmp_path, n) for n in ("20_journeys", "30_measures")]
    assert all(t["preloaded"] for t in traces) and traces[0]["pid"] != traces[1]["pid"]
    with KernelPool(1) as cold:  # without warm(): nothing imported before the notebook does
        cold.run_all(runs[:1], cwd=tmp_path / "out", deadline=None)
    assert not _trace(tmp_path, "20_journeys")["preloaded"]


@pytest.mark.slow
def test_a_kernels_client_is_kept_between_notebooks_and_renewed_after_a_failure(tmp_path):
    """Waiting for a new client to be ready costs 0.2 s per notebook: the kernel keeps its one client;
    after a failing notebook it takes a fresh one, and the next notebook's output is its own."""
    from svcwork.kernels import WarmKernel

    runs = _runs(tmp_path, {"a": {"sleep": 0, "extra": "print('from a')"},
                            "b": {"sleep": 0, "extra": "print('from b')"},
                            "bad": {"sleep": 0, "extra": "print('from bad'); raise ValueError('broke')"},
                            "c": {"sleep": 0, "extra": "print('from c')"}})
    out = tmp_path / "out"
    (out / "notebooks").mkdir(parents=True)
    with WarmKernel() as kernel:
        kernel.run(runs[0].notebook, runs[0].target, parameters={}, cwd=out, timeout=60)
        first = kernel._kc
        kernel.run(runs[1].notebook, runs[1].target, parameters={}, cwd=out, timeout=60)
        assert kernel._kc is first is not None  # kept
        with pytest.raises(NotebookError, match="broke"):
            kernel.run(runs[2].notebook, runs[2].target, parameters={}, cwd=out, timeout=60)
        assert kernel._kc is None  # dropped with whatever the failed notebook still had to say
        kernel.run(runs[3].notebook, runs[3].target, parameters={}, cwd=out, timeout=60)
        assert kernel._kc is not None and kernel._kc is not first
    for run, name in ((runs[0], "a"), (runs[1], "b"), (runs[3], "c")):
        outputs = [o["text"] for c in nbformat.read(run.target, as_version=4).cells for o in c.get("outputs", [])
                   if o.get("output_type") == "stream"]
        assert outputs == [f"from {name}\n"]


@pytest.mark.slow
def test_an_executed_notebook_carries_no_timestamps_of_an_earlier_execution(tmp_path):
    # the warm kernel records no cell timing: a notebook that came with some (from JupyterLab, an older
    # refresh) must not hand them on as this run's
    runs = _runs(tmp_path, {"a": {"sleep": 0}})
    nb = nbformat.read(runs[0].notebook, as_version=4)
    stale = {"iopub.execute_input": "2026-11-25T14:56:12.386495Z", "shell.execute_reply": "2026-11-25T14:56:15.4Z"}
    for cell in nb.cells:
        cell.metadata["execution"] = dict(stale)
    nbformat.write(nb, runs[0].notebook)
    out = tmp_path / "out"
    (out / "notebooks").mkdir(parents=True)
    from svcwork.kernels import WarmKernel

    with WarmKernel() as kernel:
        kernel.run(runs[0].notebook, runs[0].target, parameters={}, cwd=out, timeout=60)
    executed = nbformat.read(runs[0].target, as_version=4)
    assert _trace(tmp_path, "a")["pid"]  # it ran
    assert not [c for c in executed.cells if "execution" in c.metadata]
    assert nbformat.read(runs[0].notebook, as_version=4).cells[0].metadata["execution"] == stale  # input untouched


def test_the_committed_notebooks_carry_no_execution_timestamps():
    from svcwork.kernels import analysis_notebooks

    for path in analysis_notebooks():
        stamped = [c.get("id") for c in nbformat.read(path, as_version=4).cells if "execution" in c.get("metadata", {})]
        assert not stamped, f"{path.name}: cells {stamped} carry timestamps of an old execution (make notebooks)"


def test_one_kernel_per_core_at_most_three_unless_told(monkeypatch):
    monkeypatch.delenv("SVCWORK_KERNELS", raising=False)
    assert [notebook_kernels(c) for c in (1, 2, 3, 8)] == [1, 2, 3, MAX_NOTEBOOK_KERNELS]
    # a batch of several clients at once: each client's share of the cores
    assert [notebook_kernels(c, jobs=j) for c, j in ((2, 2), (4, 2), (8, 2), (8, 8), (2, 4))] == [1, 2, 3, 1, 1]
    monkeypatch.setenv("SVCWORK_KERNELS", "1")
    assert notebook_kernels(8) == 1
    monkeypatch.setenv("SVCWORK_KERNELS", "many")  # not a number: the cores decide
    assert notebook_kernels(2) == 2


def test_each_xdist_worker_gives_its_runs_its_share_of_the_cores(monkeypatch):
    """tests/conftest.py: under pytest-xdist the runs a worker starts get ``notebook_kernels(jobs=workers)``
    kernels (one on 2 cores and 2 workers), like a batch's clients; outside xdist, or when the setting is
    given, nothing changes."""
    from conftest import _worker_kernels

    monkeypatch.delenv("SVCWORK_KERNELS", raising=False)
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    monkeypatch.setenv("PYTEST_XDIST_WORKER_COUNT", "2")
    _worker_kernels()
    assert os.environ["SVCWORK_KERNELS"] == str(notebook_kernels(jobs=2))
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(8)), raising=False)
    monkeypatch.delenv("SVCWORK_KERNELS")
    _worker_kernels()
    assert os.environ["SVCWORK_KERNELS"] == "3"  # 8 cores, 2 workers: 4 each, at most 3 kernels
    monkeypatch.setenv("SVCWORK_KERNELS", "2")
    _worker_kernels()
    assert os.environ["SVCWORK_KERNELS"] == "2"  # given: kept
    monkeypatch.delenv("SVCWORK_KERNELS")
    monkeypatch.delenv("PYTEST_XDIST_WORKER")
    _worker_kernels()
    assert "SVCWORK_KERNELS" not in os.environ  # a serial run: the cores decide, as for a consultant


# --------------------------------------------------------------------------- the eager IRI grammars
_IRI_PROBE = """
import json, sys
if sys.argv[1] == "deferred":
    from svcwork.kernels import defer_iri_grammars
    defer_iri_grammars()
import nbformat, jsonschema
loaded_at_import = "lark" in sys.modules
checker = jsonschema.FormatChecker()
answers = [checker.conforms(v, f) for f in ("iri", "iri-reference")
           for v in ("https://example.org/שירות?q=1", "http://[bad", "rel/path#x", "a b")]
print(json.dumps({"lark_at_import": loaded_at_import, "answers": answers, "lark_after": "lark" in sys.modules}))
"""


def test_the_iri_grammars_load_at_first_use_and_answer_as_the_real_module():
    """jsonschema's eager import of rfc3987_syntax (python-jsonschema/jsonschema#1428) is deferred:
    importing nbformat compiles no grammar, and the ``iri`` checks give the real module's answers
    (the reference: the same checks in a process without the stand-in)."""
    import subprocess
    import sys

    def probe(mode: str) -> dict:
        done = subprocess.run([sys.executable, "-c", _IRI_PROBE, mode], capture_output=True, text=True, check=True)
        return json.loads(done.stdout)

    real, deferred = probe("eager"), probe("deferred")
    assert real["lark_at_import"] is True, "rfc3987_syntax is no longer imported eagerly: the stand-in can go"
    assert deferred["lark_at_import"] is False
    assert deferred["answers"] == real["answers"] and True in real["answers"] and False in real["answers"]
    assert deferred["lark_after"] is True  # the real module answered


def test_the_runs_own_process_loads_no_statistics_or_figures_and_the_kernels_load_them_warm():
    """``svcwork run``'s own process validates and assembles: scipy.stats and matplotlib's figure classes
    (about 0.6 s of imports, issue 15) load only in the kernels, whose warm-up imports them before the
    first notebook (:data:`svcwork.kernels._PRELOAD`)."""
    import subprocess
    import sys

    from svcwork.kernels import _PRELOAD

    heavy = ("scipy.stats", "scipy.optimize", "matplotlib.figure", "matplotlib.pyplot")
    probe = "import json, sys; print(json.dumps([m for m in {heavy!r} if m in sys.modules]))".format(heavy=heavy)
    run = ("import svcwork.cli, svcwork.intake, svcwork.pdf, svcwork.batch as b; b._import_assembly(); "
           "import svcwork.since.history\n" + probe)
    loaded = subprocess.run([sys.executable, "-c", run], check=True, capture_output=True, text=True).stdout
    assert json.loads(loaded) == []
    warm = subprocess.run([sys.executable, "-c", _PRELOAD + "\n" + probe], check=True, capture_output=True,
                          text=True).stdout
    assert set(json.loads(warm)) >= {"scipy.stats", "scipy.optimize", "matplotlib.figure"}
