"""A batch on a Dask cluster that shares no disk with the coordinator: the files travel as bytes.

The slow tests start a real scheduler and worker processes (``python -m distributed.cli.dask_*``).
The main one runs the worker as a throwaway user that cannot read the coordinator's folders (root
only: CI runs as root).
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import pytest

from conftest import english_sheets, write_xlsx
from svcwork import batch, remote
from svcwork.cli import main
from svcwork.paths import PACKAGE_DIR, demo_clients_dir

distributed = pytest.importorskip("distributed")

PYTHON = sys.executable


# =========================================================================== files as bytes
def test_a_folder_travels_as_bytes_and_comes_back_the_same(tmp_path):
    src = tmp_path / "src"
    (src / "round").mkdir(parents=True)
    (src / ".hidden").mkdir()
    (src / "intake.xlsx").write_bytes(b"\x00\x01xlsx")
    (src / "round" / "cases.parquet").write_bytes(b"pq")
    (src / ".hidden" / "secret.key").write_bytes(b"k")
    (src / "figures").mkdir()
    (src / "figures" / "f.png").write_bytes(b"png")
    everything = remote.pack_folder(src)
    assert sorted(everything) == [".hidden/secret.key", "figures/f.png", "intake.xlsx", "round/cases.parquet"]
    assert sorted(remote.pack_folder(src, hidden=False)) == ["figures/f.png", "intake.xlsx", "round/cases.parquet"]
    assert sorted(remote.pack_folder(src, parts=("intake.xlsx", "round/"))) == ["intake.xlsx", "round/cases.parquet"]
    assert remote.pack_folder(tmp_path / "absent") == {}
    back = remote.unpack(everything, tmp_path / "back")
    assert remote.pack_folder(back) == everything
    assert remote.payload_bytes(everything) == 12


@pytest.mark.parametrize("name", ["../escape", "/etc/passwd", "a/../../b", "", "a\\b"])
def test_a_name_that_leaves_the_folder_is_refused(tmp_path, name):
    with pytest.raises(ValueError, match="unsafe"):
        remote.unpack({name: b"x"}, tmp_path / "t")
    assert not (tmp_path / "escape").exists()


def test_the_job_carries_the_client_what_the_run_needs_of_out_and_the_key(tmp_path, monkeypatch):
    monkeypatch.setenv("SVCWORK_KEY", "the-project-key")
    client = tmp_path / "clients" / "c"
    client.mkdir(parents=True)
    (client / "intake.xlsx").write_bytes(b"x")
    out = tmp_path / "out" / "c"
    for name in ("summary.json", "round/r.json", "history/2025.json", "report.html", "figures/f.png",
                 ".svcwork-run.json"):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(name.encode())
    since = tmp_path / "before" / "c"
    (since / "round").mkdir(parents=True)
    (since / "summary.json").write_text("{}")
    (since / "round" / "r.json").write_text("{}")
    (since / "report.html").write_text("")
    job = remote.make_job(client, tmp_path / "out", since=since)
    assert job.name == "c" and job.slug == "c" and job.key == b"the-project-key"
    assert sorted(job.client) == ["intake.xlsx"]
    assert sorted(job.output) == ["history/2025.json", "round/r.json", "summary.json"]
    assert sorted(job.since) == ["round/r.json", "summary.json"]
    assert remote.make_job(client, tmp_path / "out", since=None).since is None


def test_outputs_are_written_whole_naming_the_coordinators_folder(tmp_path):
    folder = tmp_path / "clients" / "c"
    folder.mkdir(parents=True)
    ran_in = "/tmp/svcwork-worker-x1/clients/c"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(f"client_dir = {ran_in!r}")])
    stamp = {"fingerprint": "f", "inputs": [{"role": "intake", "path": f"{ran_in}/intake.xlsx"}],
             "notebooks": ["/opt/site-packages/notebooks/00_intake.ipynb"], "commentary": []}
    files = {"report.html": b"<html>", "notebooks/00_intake.ipynb": nbformat.writes(nb).encode(),
             ".svcwork-run.json": json.dumps(stamp).encode()}
    (tmp_path / "out" / "c").mkdir(parents=True)
    (tmp_path / "out" / "c" / "old.html").write_text("previous report")
    target = remote.write_outputs(folder, tmp_path / "out", files, ran_in=ran_in)
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()) == \
        [".svcwork-run.json", "notebooks/00_intake.ipynb", "report.html"]
    assert str(folder.resolve()) in (target / "notebooks" / "00_intake.ipynb").read_text()
    assert ran_in not in (target / "notebooks" / "00_intake.ipynb").read_text()
    written = json.loads((target / ".svcwork-run.json").read_text())
    assert written["inputs"][0]["path"] == str(folder.resolve() / "intake.xlsx")
    assert written["notebooks"] == [str(batch.analysis_notebooks()[0])]
    # nothing hidden but the private case records (OUT/.rounds/<client>/, svcwork.since.history)
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".") and p.name != ".rounds"]


def test_the_wait_for_a_worker_is_bounded(monkeypatch):
    assert remote.worker_wait(30) == 30
    assert remote.worker_wait(None) == remote.worker_wait(0) == remote.MAX_WORKER_WAIT
    assert remote.worker_wait(10_000) == remote.MAX_WORKER_WAIT
    monkeypatch.setenv("SVCWORK_REMOTE_MAX_MB", "2")
    assert remote.max_bytes() == 2 * 2**20
    monkeypatch.setenv("SVCWORK_REMOTE_MAX_MB", "lots")
    assert remote.max_bytes() == remote.DEFAULT_MAX_MB * 2**20


class _Cluster:
    """What :func:`remote.check_workers` asks of a distributed.Client: ``run`` on every worker."""

    def __init__(self, facts: dict) -> None:
        self.facts = facts

    def run(self, function, *args, on_error: str = "raise"):  # noqa: ANN001, ANN201
        assert function is remote.worker_facts and on_error == "return"
        return self.facts


def test_workers_of_another_version_or_missing_a_dependency_are_named():
    mine = remote.worker_facts(["pandas", "nbclient"])
    assert mine["missing"] == [] and mine["svcwork"] and len(mine["code"]) == 64
    remote.check_workers(_Cluster({"tcp://10.0.0.7:4000": dict(mine)}), mine, ["pandas"])  # the same: no error
    older = {**mine, "svcwork": "0.0.9"}
    lacking = {**mine, "missing": ["python-docx"], "packages": {**mine["packages"], "distributed": "2024.1.0"}}
    with pytest.raises(remote.RemoteError) as err:
        remote.check_workers(_Cluster({"tcp://10.0.0.7:4000": older, "tcp://10.0.0.8:4000": lacking,
                                       "tcp://10.0.0.9:4000": ModuleNotFoundError("No module named 'svcwork'")}),
                             mine, ["pandas"])
    message = err.value.message
    assert err.value.code == "worker_mismatch"
    assert f"tcp://10.0.0.7:4000 ({mine['host']}): svcwork 0.0.9 (here: {mine['svcwork']})" in message
    assert "tcp://10.0.0.8:4000" in message and "missing python-docx" in message
    assert f"distributed 2024.1.0 (here: {mine['packages']['distributed']})" in message
    assert "tcp://10.0.0.9:4000: svcwork cannot be imported (ModuleNotFoundError" in message


# =========================================================================== a real scheduler and workers
def _scheduler(tmp: Path) -> tuple[subprocess.Popen, str]:
    info = tmp / "scheduler.json"
    proc = subprocess.Popen([PYTHON, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                             "--no-dashboard", "--scheduler-file", str(info)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        if info.is_file():
            with_address = json.loads(info.read_text() or "{}").get("address")
            if with_address:
                return proc, with_address
        time.sleep(0.1)
    proc.kill()
    raise AssertionError("the scheduler did not start")


def _stop(*procs: subprocess.Popen) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _worker_env(home: Path, **extra: str) -> dict[str, str]:
    """A worker's environment: its own home, no SVCWORK_KEY (the key travels with the job)."""
    return {"PATH": f"{Path(PYTHON).parent}:/usr/local/bin:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1", **extra}


def _worker(address: str, home: Path, *, prefix: tuple[str, ...] = (), nanny: bool = True, log: Path | None = None,
            **env: str) -> subprocess.Popen:
    cmd = [*prefix, PYTHON, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1", "--no-dashboard",
           "--local-directory", str(home), "--nanny" if nanny else "--no-nanny"]
    return subprocess.Popen(cmd, env=_worker_env(home, **env), cwd=str(home), stdout=subprocess.DEVNULL,
                            stderr=open(log, "w") if log else subprocess.DEVNULL)  # noqa: SIM115 - closed at exit


def _home() -> Path:
    return Path(tempfile.mkdtemp(prefix="svcwork-worker-home-"))


def _other_user_prefix(user: pwd.struct_passwd) -> tuple[str, ...]:
    """The command prefix that runs a program as *user*; when this interpreter lies in a folder *user*
    cannot enter (e.g. a pyenv under /root), a private mount namespace shows the worker just that
    installation (the coordinator's folders stay unreadable)."""
    demote = ("setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "--")
    probe = subprocess.run([*demote, PYTHON, "-c", "import sys, svcwork; print(sys.base_prefix)"], capture_output=True,
                           text=True, env=_worker_env(Path("/")))
    if probe.returncode == 0 and probe.stdout.strip() == sys.base_prefix:  # not a stand-in found elsewhere
        return demote
    needed = sorted({os.path.realpath(p) for p in (sys.base_prefix, sys.prefix, str(PACKAGE_DIR.parent))})
    blocked: dict[str, list[str]] = {}
    for path in needed:
        for parent in reversed([*Path(path).parents][:-1]):
            if not os.stat(parent).st_mode & 0o001:
                blocked.setdefault(str(parent), []).append(path)
                break
    stash = f"{tempfile.gettempdir()}/.svcwork-stash-{os.getpid()}"
    inner = [p for paths in blocked.values() for p in paths]
    lines = ["set -e"]
    for i, path in enumerate(inner):
        lines += [f"mkdir -p '{stash}-{i}'", f"mount --bind '{path}' '{stash}-{i}'"]
    for folder in blocked:
        lines.append(f"mount -t tmpfs -o mode=755 tmpfs '{folder}'")
    for i, path in enumerate(inner):
        lines += [f"mkdir -p '{path}'", f"mount --bind '{stash}-{i}' '{path}'"]
    lines.append('exec "$@"')
    return ("unshare", "--mount", "--propagation", "private", "sh", "-c", "\n".join(lines), "sh", *demote)


@pytest.fixture
def throwaway_user():
    """A system user made for this test (root only); removed after."""
    if os.geteuid() != 0 or not shutil.which("useradd") or not shutil.which("setpriv"):
        why = "needs root with useradd and setpriv: the worker runs as a throwaway user"
        if os.environ.get("CI"):
            pytest.fail(why)
        print(f"\nSKIPPED LOUDLY: {why}", file=sys.stderr)
        pytest.skip(why)
    name = f"svcw{os.getpid()}"[-16:]
    subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name], check=True)
    try:
        yield pwd.getpwnam(name)
    finally:
        subprocess.run(["userdel", name], check=False)


def _deterministic_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.suffix != ".ipynb" and p.name != ".svcwork-run.json"}


def _cell_outputs(path: Path) -> list:
    nb = nbformat.read(path, as_version=4)
    return [c.get("outputs") for c in nb.cells if c.cell_type == "code"]


@pytest.mark.slow
def test_a_worker_that_cannot_read_the_coordinators_folders_makes_the_same_report(tmp_path, throwaway_user):
    clients = tmp_path / "clients"
    shutil.copytree(demo_clients_dir() / "northfield-licensing", clients / "northfield-licensing")
    out = tmp_path / "out"
    out.mkdir()
    for folder in (tmp_path, clients, clients / "northfield-licensing", out):
        os.chown(folder, 0, 0)
        os.chmod(folder, 0o700)
    home = _home()
    os.chown(home, throwaway_user.pw_uid, throwaway_user.pw_gid)
    prefix = _other_user_prefix(throwaway_user)
    intake = clients / "northfield-licensing" / "intake.xlsx"
    cannot = subprocess.run([*prefix, PYTHON, "-c", f"open({str(intake)!r}, 'rb')"], env=_worker_env(home),
                            capture_output=True, text=True)
    assert cannot.returncode != 0 and "PermissionError" in cannot.stderr, cannot.stderr  # truly no shared folder

    scheduler, address = _scheduler(tmp_path)
    worker = _worker(address, home, prefix=prefix, log=home / "worker.log")
    try:
        got = batch.run_batch(clients, out, scheduler=address, pdf=False, timeout=900)
    finally:
        _stop(worker, scheduler)
        shutil.rmtree(home, ignore_errors=True)
        for stash in Path(tempfile.gettempdir()).glob(f".svcwork-stash-{os.getpid()}-*"):
            stash.rmdir()  # the empty mount points of the worker's namespace
    assert [(c.slug, c.status) for c in got.clients] == [("northfield-licensing", "ok")], got.describe()
    # a later local run without a PDF sees it unchanged (one asking for the PDF, by default, runs it to make one)
    assert batch._client_unchanged(clients / "northfield-licensing", out, pdf=False)

    local = batch.run_batch(clients, tmp_path / "local", pdf=False, force=True)
    assert local.ok, local.describe()
    mine, theirs = out / "northfield-licensing", tmp_path / "local" / "northfield-licensing"
    a, b = _deterministic_files(mine), _deterministic_files(theirs)
    assert sorted(a) == sorted(b)
    assert [n for n in a if a[n] != b[n]] == []  # summary.json, results.xlsx, report.html, figures … byte-identical
    for nb in sorted((theirs / "notebooks").glob("*.ipynb")):
        assert _cell_outputs(mine / "notebooks" / nb.name) == _cell_outputs(nb), nb.name
        assert str((clients / "northfield-licensing").resolve()) in (mine / "notebooks" / nb.name).read_text()
    stamps = [json.loads((f / ".svcwork-run.json").read_text()) for f in (mine, theirs)]
    assert stamps[0] == stamps[1]
    manifest = json.loads((out / "batch.json").read_text())
    assert manifest["clients"][0]["folder"] == str(clients / "northfield-licensing")


@pytest.mark.slow
def test_a_scheduler_without_workers_ends_the_batch_within_the_timeout(tmp_path, capsys):
    clients = tmp_path / "clients"
    write_xlsx(clients / "a" / "intake.xlsx", english_sheets())
    scheduler, address = _scheduler(tmp_path)
    try:
        began = time.monotonic()
        status = main(["batch", str(clients), "-o", str(tmp_path / "out"), "--scheduler", address, "--timeout", "4",
                       "--no-pdf"])
        took = time.monotonic() - began
    finally:
        _stop(scheduler)
    err = capsys.readouterr().err
    assert status == 1 and took < 30, took
    assert "has no live worker" in err and "4 s" in err and "[no_workers]" in err, err
    assert not (tmp_path / "out" / "a").exists()


@pytest.mark.slow
def test_a_worker_with_different_notebooks_is_named_before_any_client_runs(tmp_path, capsys):
    clients = tmp_path / "clients"
    write_xlsx(clients / "a" / "intake.xlsx", english_sheets())
    other = tmp_path / "other-install"
    shutil.copytree(PACKAGE_DIR.parent / "notebooks", other / "notebooks")
    shutil.copytree(PACKAGE_DIR.parent / "templates", other / "templates")
    (other / "templates" / "report" / "report.css").write_text("/* changed */", encoding="utf-8")
    scheduler, address = _scheduler(tmp_path)
    home = _home()
    worker = _worker(address, home, SVCWORK_HOME=str(other))
    try:
        status = main(["batch", str(clients), "-o", str(tmp_path / "out"), "--scheduler", address, "--timeout", "60",
                       "--no-pdf"])
    finally:
        _stop(worker, scheduler)
        shutil.rmtree(home, ignore_errors=True)
    err = capsys.readouterr().err
    assert status == 1, err
    assert "with different code, notebooks or report templates" in err and "[worker_mismatch]" in err, err
    assert "worker tcp://127.0.0.1:" in err
    assert not (tmp_path / "out" / "a").exists()


def _kill_while_running(address: str, slug: str, *, times: int, stop: threading.Event, killed: list) -> None:
    """Kill the worker processes (SIGKILL) each time *slug* has begun on one (the start event svcwork's
    task logs), *times* times; each pid killed is appended to *killed* (an exception, if one ends the watch)."""
    try:
        with distributed.Client(address, timeout=30) as client:
            seen = 0
            while len(killed) < times and not stop.is_set():
                time.sleep(0.3)
                try:
                    events = client.get_events()
                    begun = sum(1 for topic, log in events.items() if topic.startswith("svcwork-")
                                for _, msg in log if isinstance(msg, dict) and msg.get("slug") == slug)
                    pids = client.run(os.getpid) if begun > seen else {}
                except (OSError, TimeoutError, ValueError, KeyError):  # a worker leaving or coming back
                    continue
                for pid in pids.values():
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, 9)
                    killed.append(pid)
                seen = begun if pids else seen
    except Exception as exc:  # noqa: BLE001 - shown by the test's assertion
        killed.append(exc)


def _killer(address: str, slug: str, times: int) -> tuple[threading.Thread, threading.Event, list]:
    stop, killed = threading.Event(), []
    thread = threading.Thread(target=_kill_while_running, args=(address, slug),
                              kwargs={"times": times, "stop": stop, "killed": killed})
    thread.start()
    return thread, stop, killed


@pytest.mark.slow
@pytest.mark.parametrize("kills, expected", [(1, "ok"), (2, "failed")])
def test_a_worker_killed_mid_client_reruns_it_once_and_never_leaves_half_a_report(tmp_path, kills, expected):
    clients = tmp_path / "clients"
    write_xlsx(clients / "a-victim" / "intake.xlsx", english_sheets())
    write_xlsx(clients / "b-other" / "intake.xlsx", english_sheets())
    out = tmp_path / "out"
    scheduler, address = _scheduler(tmp_path)
    home = _home()
    worker = _worker(address, home)
    killer, stop, killed = _killer(address, "a-victim", kills)
    try:
        got = batch.run_batch(clients, out, scheduler=address, pdf=False, timeout=300)
    finally:
        stop.set()
        killer.join()
        _stop(worker, scheduler)
        shutil.rmtree(home, ignore_errors=True)
    assert len(killed) == kills and all(isinstance(k, int) for k in killed), (killed, got.describe())
    status = {c.slug: c for c in got.clients}
    assert status["b-other"].status == "ok", got.describe()
    assert status["a-victim"].status == expected, got.describe()
    if expected == "failed":
        assert status["a-victim"].code == "worker_died"
        assert not (out / "a-victim").exists()  # nothing half-written
    else:
        assert json.loads((out / "a-victim" / "summary.json").read_text())["client"] == "a-victim"
    assert not [p.name for p in out.iterdir() if p.name.startswith(".") and p.name not in (".svcwork.lock", ".rounds")]
    for folder in (p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")):
        assert {"report.html", "summary.json", ".svcwork-run.json"} <= {p.name for p in folder.iterdir()}


@pytest.mark.slow
def test_losing_every_worker_ends_the_batch_instead_of_waiting_for_ever(tmp_path):
    clients = tmp_path / "clients"
    write_xlsx(clients / "a" / "intake.xlsx", english_sheets())
    scheduler, address = _scheduler(tmp_path)
    home = _home()
    worker = _worker(address, home, nanny=False)  # nobody brings it back
    killer, stop, killed = _killer(address, "a", 1)
    try:
        began = time.monotonic()
        got = batch.run_batch(clients, tmp_path / "out", scheduler=address, pdf=False, timeout=8)
        took = time.monotonic() - began
    finally:
        stop.set()
        killer.join()
        _stop(worker, scheduler)
        shutil.rmtree(home, ignore_errors=True)
    assert len(killed) == 1 and isinstance(killed[0], int), killed
    assert [(c.slug, c.status, c.code) for c in got.clients] == [("a", "failed", "no_workers")], got.describe()
    assert "every worker of the cluster was lost" in got.clients[0].error
    assert took < 90, took
    assert not (tmp_path / "out" / "a").exists()
