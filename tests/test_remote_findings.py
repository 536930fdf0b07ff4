"""A batch on a Dask cluster behaves as a local one where the review found it did not.

An unreadable file fails its client (never a loop); a worker that cannot print keeps the earlier
report with its PDF; the private folders of killed workers are swept; the time limit counts from the
client's turn on a worker; ``--svg`` reaches the workers and the run stamp matches a local run's;
messages are in the user's language.  Most tests run a cluster in this process (a worker's thread
sees this module's stand-in for the run); the SVG test starts a real worker process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import english_sheets, write_xlsx
from svcwork import batch, remote
from svcwork.paths import client_slug

distributed = pytest.importorskip("distributed")


def _fake_run(seconds: float = 0.0, calls: list | None = None, status: str = "ok", code: str | None = None):
    """A stand-in for :func:`svcwork.batch.run_client`: writes a small report after *seconds*."""

    def run_client(client, output, *, force=True, timeout=None, kernel=None, pdf=None, since=None, **_):  # noqa: ANN001, ANN202
        client, slug = Path(client), client_slug(client)
        if calls is not None:
            calls.append({"client": client, "svg": os.environ.get("SVCWORK_SVG"),
                          "lang": os.environ.get("SVCWORK_LANG"), "kernel": kernel,
                          "options": batch.run_options(client), "root": client.parent.parent,
                          "key": (client / ".svcwork" / "secret.key").read_bytes()})
        time.sleep(seconds)
        target = Path(output) / slug
        target.mkdir(parents=True, exist_ok=True)
        (target / "report.html").write_text("<html>new</html>")
        (target / "summary.json").write_text(json.dumps({"client": slug}))
        return batch.ClientResult(client, slug, status, seconds, output=target, code=code)

    return run_client


@pytest.fixture
def no_kernel(monkeypatch):
    """The worker's warm kernel left unstarted (the stand-in, or a run that stops before the notebooks)."""
    monkeypatch.setattr(remote, "_kernel_for", lambda svg: None, raising=False)
    monkeypatch.setattr(batch, "_worker_kernel", lambda *size: None)


@pytest.fixture(scope="module")
def cluster():
    """A scheduler and one worker of three threads (``dask worker``'s default is one per core), in this process."""
    with distributed.LocalCluster(n_workers=1, threads_per_worker=3, processes=False, protocol="tcp://",
                                  host="127.0.0.1", dashboard_address=None) as local:
        yield local.scheduler_address


def _clients(root: Path, *names: str) -> Path:
    for name in names:
        write_xlsx(root / name / "intake.xlsx", english_sheets())
    return root


def _within(seconds: float, fn):  # noqa: ANN001, ANN202
    """*fn()*'s value, or a failure when it has not returned within *seconds* (it runs on in the background)."""
    box: dict = {}

    def call() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - raised below
            box["error"] = exc

    thread = threading.Thread(target=call, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    if "error" in box:
        raise box["error"]
    return box["value"]


# =========================================================================== 1: an unreadable file, a job never sent
@pytest.mark.slow
def test_a_file_the_coordinator_cannot_read_fails_its_client_by_name_and_the_batch_ends(tmp_path, monkeypatch,
                                                                                          cluster, no_kernel):
    clients = _clients(tmp_path / "clients", "a-ok", "b-locked")
    monkeypatch.setattr(batch, "run_client", _fake_run())
    packing = remote.pack_folder

    def pack_folder(folder, **kw):  # noqa: ANN001, ANN202 - as when training.csv is mode 000
        if Path(folder).name == "b-locked":
            raise PermissionError(13, "Permission denied", str(Path(folder) / "training.csv"))
        return packing(folder, **kw)

    monkeypatch.setattr(remote, "pack_folder", pack_folder)
    out = tmp_path / "out"
    got = _within(60, lambda: batch.run_batch(clients, out, scheduler=cluster, pdf=False, timeout=30, force=True))
    status = {c.slug: c for c in got.clients}
    assert status["a-ok"].status == "ok", got.describe()
    locked = status["b-locked"]
    assert (locked.status, locked.code) == ("failed", "file_unreadable"), got.describe()
    assert "training.csv" in locked.error and "Permission denied" in locked.error
    assert [p.code for p in locked.problems] == ["file_unreadable"]
    assert json.loads((out / "batch.json").read_text())["clients"][1]["code"] == "file_unreadable"


@pytest.mark.slow
def test_a_client_no_worker_ever_takes_fails_within_the_wait_in_the_users_language(tmp_path, monkeypatch, cluster):
    clients = _clients(tmp_path / "clients", "a")

    def scatter(self, *args, **kwargs):  # noqa: ANN001, ANN202 - the cluster never takes the data
        raise OSError("no room for the data")

    monkeypatch.setattr(distributed.Client, "scatter", scatter)
    monkeypatch.setenv("SVCWORK_LANG", "he")
    began = time.monotonic()
    got = _within(60, lambda: batch.run_batch(clients, tmp_path / "out", scheduler=cluster, pdf=False, timeout=3,
                                              force=True))
    assert time.monotonic() - began < 30
    [a] = got.clients
    assert (a.status, a.code) == ("failed", "not_sent"), got.describe()
    assert "לא קיבל את קובצי הלקוח תוך 3 שניות" in a.error and "no room for the data" in a.error


def test_a_file_gone_between_listing_and_reading_is_not_part_of_the_folder(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "intake.xlsx").write_bytes(b"x")
    (folder / "~$intake.xlsx").write_bytes(b"lock")
    reading = Path.read_bytes

    def read_bytes(self):  # noqa: ANN001, ANN202 - Excel closed: its lock file went
        if self.name.startswith("~$"):
            raise FileNotFoundError(2, "No such file or directory", str(self))
        return reading(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert remote.pack_folder(folder) == {"intake.xlsx": b"x"}


# =========================================================================== 2: an earlier report with its PDF
@pytest.mark.slow
def test_a_worker_without_chromium_keeps_the_earlier_report_with_its_pdf(tmp_path, monkeypatch, cluster, no_kernel):
    clients = _clients(tmp_path / "clients", "a")
    out = tmp_path / "out"
    (out / "a").mkdir(parents=True)
    (out / "a" / "report.html").write_text("<html>earlier</html>")
    (out / "a" / "report.pdf").write_bytes(b"%PDF-1.7 the earlier report")
    monkeypatch.setenv("SVCWORK_CHROMIUM", str(tmp_path / "no-chromium-here"))  # the worker's (this process's)
    got = batch.run_batch(clients, out, scheduler=cluster, pdf=None, timeout=600, force=True)
    [a] = got.clients
    assert (a.status, a.code) == ("failed", "pdf_failed"), got.describe()
    assert "earlier report" in a.error
    assert (out / "a" / "report.pdf").read_bytes() == b"%PDF-1.7 the earlier report"
    assert (out / "a" / "report.html").read_text() == "<html>earlier</html>"
    assert not batch._client_unchanged(clients / "a", out, pdf=None)  # the next batch runs it again


def _job(tmp_path: Path, **changes) -> remote.ClientJob:
    folder = _clients(tmp_path / "clients", "c") / "c"
    job = remote.make_job(folder, tmp_path / "out", since=None)
    return replace(job, **changes)


def test_a_report_written_without_its_pdf_comes_back_unless_the_earlier_one_was_kept(tmp_path, monkeypatch,
                                                                                       no_kernel):
    monkeypatch.setattr(batch, "run_client", _fake_run(status="failed", code="pdf_failed"))
    facts = remote.worker_facts()
    _, files, _ = remote.run_job(_job(tmp_path / "new"), timeout=None, pdf=True, expect=facts)
    assert "report.html" in files  # written without its PDF, stamped to run again, as a local run writes it
    _, files, _ = remote.run_job(_job(tmp_path / "kept", earlier_pdf=True), timeout=None, pdf=True, expect=facts)
    assert files == {}


def test_the_job_says_whether_the_earlier_report_has_its_pdf(tmp_path):
    folder = _clients(tmp_path / "clients", "c") / "c"
    out = tmp_path / "out"
    (out / "c").mkdir(parents=True)
    (out / "c" / "report.pdf").write_bytes(b"%PDF")
    assert not remote.make_job(folder, out, since=None).earlier_pdf  # a PDF without its report: nothing complete
    (out / "c" / "report.html").write_text("<html>")
    job = remote.make_job(folder, out, since=None)
    assert job.earlier_pdf and "report.pdf" not in job.output  # a fact, not 5 MB sent to the worker


# =========================================================================== 9: the worker's private folders
def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_killed_workers_folder_with_the_raw_files_and_key_is_swept_and_a_run_leaves_none(tmp_path, monkeypatch,
                                                                                             no_kernel):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))

    def left(name: str, age: float = 0) -> Path:
        key = tmp / name / "clients" / "c" / ".svcwork" / "secret.key"
        key.parent.mkdir(parents=True)
        key.write_bytes(b"the-project-key")
        if age:
            os.utime(tmp / name, (time.time() - age, time.time() - age))
        return tmp / name

    dead = left(f"svcwork-worker-{_dead_pid()}-k1ll3d_x")
    alive = left("svcwork-worker-1-abcd1234")  # pid 1 runs
    old = left("svcwork-worker-orcbwl9s", age=2 * 86400)  # named as before, two days old
    recent = left("svcwork-worker-qwertyui")
    other = left("svcwork-worker-home-abc")  # not a run's folder
    calls: list = []
    monkeypatch.setattr(batch, "run_client", _fake_run(calls=calls))
    job = _job(tmp_path, key=b"the-project-key")
    result, files, _ = remote.run_job(job, timeout=None, pdf=False, expect=remote.worker_facts())
    assert result.status == "ok" and "report.html" in files
    assert not dead.exists() and not old.exists()
    assert alive.exists() and recent.exists() and other.exists()
    root = calls[0]["root"]
    assert root.parent == tmp and root.name.startswith(f"svcwork-worker-{os.getpid()}-")
    assert calls[0]["key"] == b"the-project-key"
    assert not root.exists()  # removed after the run

    def crash(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(oct(next(tmp.glob(f"svcwork-worker-{os.getpid()}-*")).stat().st_mode & 0o777))
        raise MemoryError("the run ends abnormally")

    monkeypatch.setattr(batch, "run_client", crash)
    with pytest.raises(MemoryError):
        remote.run_job(job, timeout=None, pdf=False, expect=remote.worker_facts())
    assert calls[-1] == "0o700"  # private while it runs
    assert not list(tmp.glob(f"svcwork-worker-{os.getpid()}-*"))  # and removed on this way out too


# =========================================================================== 10: queued clients and the time limit
@pytest.mark.slow
def test_clients_queued_on_a_worker_with_three_threads_are_not_timed_out_while_they_wait(tmp_path, monkeypatch,
                                                                                           cluster, no_kernel):
    clients = _clients(tmp_path / "clients", "a", "b", "c")
    limit = 6.0
    monkeypatch.setattr(batch, "run_client", _fake_run(0.8 * limit))  # one at a time: the third begins at 1.6 x
    got = batch.run_batch(clients, tmp_path / "out", scheduler=cluster, pdf=False, timeout=limit, force=True)
    assert [(c.slug, c.status) for c in got.clients] == [("a", "ok"), ("b", "ok"), ("c", "ok")], got.describe()


@pytest.mark.slow
def test_a_client_given_up_while_it_waits_for_its_turn_is_never_begun(tmp_path, monkeypatch, cluster, no_kernel):
    calls: list = []
    monkeypatch.setattr(batch, "run_client", _fake_run(3.0, calls=calls))
    facts = remote.worker_facts()
    with distributed.Client(cluster, timeout=30) as client:
        futures = []
        for name in ("a", "b"):
            job = client.scatter(_job(tmp_path / name), hash=False)
            key = f"svcwork-test-{name}-{time.monotonic_ns()}"
            futures.append(client.submit(remote.run_job, job, timeout=None, pdf=False, expect=facts, task=key,
                                         key=key, pure=False))
        time.sleep(1.5)  # both began on the worker's threads: one runs, one waits for its turn
        assert len(calls) == 1
        futures[1].cancel()
        result, files, _ = futures[0].result(timeout=30)
        time.sleep(1.5)  # its turn came
    assert result.status == "ok" and len(calls) == 1  # the one given up did not run a client nobody waits for


# =========================================================================== 12: --svg, and the run stamp
def test_the_job_carries_svg_and_the_worker_runs_with_the_coordinators_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("SVCWORK_SVG", "1")
    job = _job(tmp_path)
    assert job.svg
    monkeypatch.delenv("SVCWORK_SVG")  # the worker's own environment has none
    calls: list = []
    kernels: list = []
    monkeypatch.setattr(batch, "run_client", _fake_run(calls=calls))
    monkeypatch.setattr(batch, "_worker_kernel", lambda *size: None)
    monkeypatch.setattr(remote, "_kernel_for", lambda svg: kernels.append(svg) or f"kernel-svg-{svg}", raising=False)
    remote.run_job(job, timeout=None, pdf=False, expect=remote.worker_facts())
    assert calls[0]["svg"] == "1" and calls[0]["options"]["svg"] is True  # the kernel and the run stamp see it
    assert kernels == [True] and calls[0]["kernel"] == "kernel-svg-True"
    assert "SVCWORK_SVG" not in os.environ  # restored after the run
    monkeypatch.setenv("SVCWORK_SVG", "1")  # set where the worker started, but not asked by the coordinator
    remote.run_job(_job(tmp_path / "plain", svg=False), timeout=None, pdf=False, expect=remote.worker_facts())
    assert calls[1]["svg"] is None and calls[1]["options"]["svg"] is False and kernels == [True, False]
    assert os.environ["SVCWORK_SVG"] == "1"


@pytest.mark.slow
def test_svg_on_a_cluster_makes_the_svgs_and_the_next_batch_skips_the_client(tmp_path, monkeypatch):
    from test_remote import _home, _scheduler, _stop, _worker

    clients = _clients(tmp_path / "clients", "a")
    out = tmp_path / "out"
    scheduler, address = _scheduler(tmp_path)
    home = _home()
    worker = _worker(address, home)  # its environment has no SVCWORK_SVG
    monkeypatch.setenv("SVCWORK_SVG", "1")  # svcwork batch --svg
    try:
        got = batch.run_batch(clients, out, scheduler=address, pdf=False, timeout=900)
        assert [(c.slug, c.status) for c in got.clients] == [("a", "ok")], got.describe()
        assert list((out / "a" / "figures").glob("*.svg"))
        stamp = json.loads((out / "a" / ".svcwork-run.json").read_text())
        assert stamp["options"] == batch.run_options(clients / "a")  # as a local run with --svg records it
        assert batch._client_unchanged(clients / "a", out, pdf=False)  # a local batch skips it
        again = batch.run_batch(clients, out, scheduler=address, pdf=False, timeout=900)
        assert [(c.slug, c.status) for c in again.clients] == [("a", "skipped")], again.describe()
    finally:
        _stop(worker, scheduler)
        shutil.rmtree(home, ignore_errors=True)


# =========================================================================== 15: the user's language
def test_a_workers_refusal_is_in_the_language_of_the_coordinators_user(tmp_path, monkeypatch):
    monkeypatch.setenv("SVCWORK_LANG", "he")
    job = _job(tmp_path)
    monkeypatch.delenv("SVCWORK_LANG")  # the worker's environment says nothing
    result, files, _ = remote.run_job(job, timeout=None, pdf=False,
                                      expect={**remote.worker_facts(), "svcwork": "0.0.1"})
    assert (result.status, result.code, files) == ("failed", "worker_mismatch", {})
    assert "(כאן: 0.0.1)" in result.error
