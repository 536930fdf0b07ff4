"""Crash safety: a batch killed (SIGKILL) at any point loses nothing and shows nothing half-written.

A batch of three small clients runs uninterrupted once (the reference).  Then the same batch
is started again and again in a subprocess and SIGKILLed after seeded random delays; after
every kill, whatever the output folder shows is checked: each client folder present is
complete and identical to the reference (never a half-written report), temporary folders are
hidden.  A final re-run completes the batch and must equal the reference (files byte for byte,
notebooks by their outputs, PDFs by their text).  A client whose previous report exists keeps
it, byte for byte, when a re-run is killed.  The dangerous instants of
:func:`svcwork.paths.atomic_dir` (between its two renames, while removing the old folder) are
hit exactly by killing a process from inside it.
"""

from __future__ import annotations

import html.parser
import json
import os
import pickle
import random
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import nbformat
import openpyxl
import pandas as pd
import pytest

from conftest import ROOT, english_sheets, hebrew_sheets, write_xlsx
from test_privacy import build_client

RUNNER = "import sys; from svcwork.cli import main; sys.exit(main(sys.argv[1:]))"
SEED = 20260807
HIDDEN_LEFTOVER = re.compile(r"^\.(?:svcwork\.lock|rounds|[\w.-]+\.(?:tmp|old)-\w+|(?:index\.html|batch\.json)\.\w+\.tmp)$")


# =========================================================================== processes
def _stat(pid: int) -> tuple[int, int, int] | None:
    """(parent pid, session id, start time) of a live process, None when gone or a zombie."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    if fields[0] in ("Z", "X"):
        return None
    return int(fields[1]), int(fields[3]), int(fields[19])


def _processes() -> dict[int, tuple[int, int, int]]:
    found = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit() and (st := _stat(int(d.name))) is not None:
            found[int(d.name)] = st
    return found


def _family(pid: int) -> dict[int, int]:
    """The processes *pid* started (children, grandchildren, its session): pid -> start time."""
    table = _processes()
    family = {pid}
    grew = True
    while grew:
        new = {p for p, (ppid, sid, _) in table.items() if p not in family and (ppid in family or sid == pid)}
        family |= new
        grew = bool(new)
    return {p: table[p][2] for p in family if p in table}


def _alive(procs: dict[int, int]) -> dict[int, int]:
    return {p: start for p, start in procs.items() if (st := _stat(p)) is not None and st[2] == start}


def _start(clients: Path, out: Path, log: Path, *extra: str) -> subprocess.Popen:
    with open(log, "ab") as fh:
        return subprocess.Popen([sys.executable, "-c", RUNNER, "batch", str(clients), "-o", str(out), *extra],
                                cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)


def _kill(proc: subprocess.Popen, *, reap: bool = True) -> bool:
    """SIGKILL the batch process (only it, as a crash would); True if it was still running.

    With *reap*, what it had started (kernels, workers, the PDF browser) is given time to notice
    and end, and anything still alive afterwards is ended here (by pid and start time), so no
    test leaves processes behind.
    """
    family = _family(proc.pid)
    family.pop(proc.pid, None)
    running = proc.poll() is None
    if running:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if not reap:
        return running
    family.update({p: st[2] for p, st in _processes().items() if st[1] == proc.pid})
    _reap(family)
    return running


def _reap(family: dict[int, int]) -> None:
    deadline = time.monotonic() + 15
    while _alive(family) and time.monotonic() < deadline:
        time.sleep(0.2)
    for p in _alive(family):
        os.kill(p, signal.SIGKILL)


def _run(clients: Path, out: Path, log: Path, *extra: str) -> int:
    proc = _start(clients, out, log, *extra)
    try:
        return proc.wait(timeout=600)
    finally:
        _kill(proc)


# =========================================================================== checking outputs
class _Html(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        self.tags.append("/" + tag)


def _valid_html(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.rstrip().endswith("</html>"), f"{path}: cut short"
    parser = _Html()
    parser.feed(text)
    parser.close()
    assert parser.tags[0] == "html" and "body" in parser.tags and parser.tags[-2:] == ["/body", "/html"], path


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def _pdf_text(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(str(path)).pages]


def _outputs(path: Path) -> list:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    return [(c.cell_type, c.source, c.get("outputs"), c.get("execution_count")) for c in nb.cells]


def _valid_client(folder: Path) -> None:
    """One client's output is whole: every file readable by its own reader."""
    _valid_html(folder / "report.html")
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert summary["svcwork_version"] and summary["sections"]
    assert openpyxl.load_workbook(folder / "results.xlsx", read_only=True).sheetnames
    with zipfile.ZipFile(folder / "slides.pptx") as z:
        assert z.testzip() is None
    json.loads((folder / ".svcwork-run.json").read_text(encoding="utf-8"))
    for nb in (folder / "notebooks").glob("*.ipynb"):
        _outputs(nb)
    for pdf in folder.rglob("*.pdf"):
        assert _pdf_text(pdf), pdf
    assert not [p for p in _files(folder) if p.endswith(".tmp") or ".tmp-" in p], folder


def _stamp(path: Path) -> dict:
    stamp = json.loads(path.read_text(encoding="utf-8"))
    assert len(stamp.pop("fingerprint")) == 64
    return stamp


def _same_client(got: Path, ref: Path) -> None:
    """*got* equals the uninterrupted run's *ref*: same files, same bytes (notebooks: outputs; PDFs: text)."""
    _valid_client(got)
    assert _files(got) == _files(ref), (got.name, _files(got) ^ _files(ref))
    for name in sorted(_files(ref)):
        a, b = got / name, ref / name
        if name.endswith(".ipynb"):
            assert _outputs(a) == _outputs(b), name  # execution timings differ from run to run
        elif name.endswith(".pdf"):
            assert _pdf_text(a) == _pdf_text(b), name
        elif name.endswith(".pkl"):  # pickle bytes depend on object identity, not only on values
            x, y = pickle.loads(a.read_bytes()), pickle.loads(b.read_bytes())
            assert list(x) == list(y), name
            for key in x:
                pd.testing.assert_frame_equal(x[key], y[key], obj=f"{name}:{key}")
        elif name == ".svcwork-run.json":  # the fingerprint covers svcwork's own code, which may change meanwhile
            assert _stamp(a) == _stamp(b)
        else:
            assert a.read_bytes() == b.read_bytes(), name


def _check_output(out: Path, ref: Path, *, complete: bool = False) -> list[str]:
    """What *out* shows after a kill: only whole reports equal to the reference; leftovers hidden.

    Returns the slugs of the clients shown.
    """
    if not out.exists():
        assert not complete
        return []
    slugs = sorted(p.name for p in ref.iterdir() if p.is_dir() and not p.name.startswith("."))
    shown = []
    for entry in sorted(out.iterdir()):
        if entry.name.startswith("."):
            assert HIDDEN_LEFTOVER.match(entry.name), f"unexpected hidden entry {entry.name}"
            continue
        if entry.is_dir():
            assert entry.name in slugs, entry.name
            _same_client(entry, ref / entry.name)
            shown.append(entry.name)
        else:
            assert entry.name in ("index.html", "batch.json"), entry.name
    if (out / "index.html").exists():
        _valid_html(out / "index.html")
    if (out / "batch.json").exists():
        manifest = json.loads((out / "batch.json").read_text(encoding="utf-8"))
        assert {c["client"] for c in manifest["clients"]} == set(slugs)
    if complete:
        assert shown == slugs
        manifest = json.loads((out / "batch.json").read_text(encoding="utf-8"))
        assert manifest["ok"] and all(c["status"] in ("ok", "skipped") for c in manifest["clients"])
        index = (out / "index.html").read_text(encoding="utf-8")
        assert all(f"{s}/report.html" in index for s in slugs)
    return shown


# =========================================================================== the batch
def _clients(root: Path) -> Path:
    clients = root / "clients"
    write_xlsx(clients / "alpha-en" / "intake.xlsx", english_sheets())
    write_xlsx(clients / "beta-he" / "intake.xlsx", hebrew_sheets(), rtl=True)
    build_client(clients / "gamma-he", "he", seed=3)  # case log, survey, training, observations
    return clients


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The clients and their uninterrupted batch output, with the run's wall time."""
    root = tmp_path_factory.mktemp("crash")
    clients = _clients(root)
    start = time.monotonic()
    status = _run(clients, root / "ref", root / "ref.log")
    seconds = time.monotonic() - start
    assert status == 0, (root / "ref.log").read_text()
    _check_output(root / "ref", root / "ref", complete=True)
    return clients, root / "ref", seconds


@pytest.mark.slow
def test_a_batch_killed_at_random_points_completes_to_the_uninterrupted_result(reference, tmp_path):
    clients, ref, seconds = reference
    out, log = tmp_path / "out", tmp_path / "batch.log"
    rng = random.Random(SEED)
    kills, attempts, shown = 0, 0, []
    while kills < 3:
        attempts += 1
        assert attempts <= 10, "could not kill the batch while it was running"
        # once everything is done, --force gives the next run work to be killed in
        extra = ("--force",) if len(shown) == 3 else ()
        proc = _start(clients, out, log, *extra)
        time.sleep(rng.uniform(0.5, 0.45 * seconds))
        kills += _kill(proc)
        shown = _check_output(out, ref)
    assert _run(clients, out, log) == 0, log.read_text()
    _check_output(out, ref, complete=True)
    assert "another svcwork batch" not in log.read_text()  # each lock died with its process


@pytest.mark.slow
def test_a_killed_parallel_batch_leaves_no_worker_holding_the_lock(reference, tmp_path):
    """--jobs 2: forked workers share the batch's lock; they must die with the batch, not refuse the next one."""
    clients, ref, seconds = reference
    out, log = tmp_path / "out", tmp_path / "batch.log"
    proc = _start(clients, out, log, "--jobs", "2")
    time.sleep(random.Random(SEED + 2).uniform(4.0, max(5.0, 0.4 * seconds)))
    family = _family(proc.pid)
    try:
        assert len(family) >= 3, "expected the batch, its workers and their kernels to be running"
        assert _kill(proc, reap=False)
        status = _run(clients, out, log, "--jobs", "2")  # at once: nothing of the killed batch may be in the way
        assert "another svcwork batch" not in log.read_text()
        assert status == 0, log.read_text()
        _check_output(out, ref, complete=True)
        assert not _alive({p: st for p, st in family.items() if p != proc.pid}), "the killed batch's processes live on"
    finally:
        _reap(family)


@pytest.mark.slow
def test_a_killed_rerun_leaves_the_previous_report_intact(tmp_path):
    clients = tmp_path / "clients"
    write_xlsx(clients / "beta-he" / "intake.xlsx", hebrew_sheets(), rtl=True)
    out, log = tmp_path / "out", tmp_path / "batch.log"
    start = time.monotonic()
    assert _run(clients, out, log) == 0, log.read_text()
    seconds = time.monotonic() - start
    before = {name: (out / "beta-he" / name).read_bytes() for name in _files(out / "beta-he")}
    _valid_client(out / "beta-he")

    names = ["עיריית דוגמה המחודשת", "עיריית דוגמה השנייה"]

    def rename(shown: str | None) -> str:  # the next run makes a report other than the one shown
        name = names[1] if shown == names[0] else names[0]
        sheets = hebrew_sheets()
        sheets["פרטי הארגון"][1] = ["שם הארגון", name]
        write_xlsx(clients / "beta-he" / "intake.xlsx", sheets, rtl=True)
        return name

    expected = rename(json.loads(before["summary.json"])["organization"])
    rng = random.Random(SEED + 1)
    kills, attempts, intact = 0, 0, 0
    while kills < 3:
        attempts += 1
        assert attempts <= 12, "could not kill the run while it was running"
        proc = _start(clients, out, log)
        wait = rng.uniform(0.5, 0.9 * seconds)
        time.sleep(wait)
        kills += _kill(proc)
        now = {name: (out / "beta-he" / name).read_bytes() for name in _files(out / "beta-he")}
        if now != before:  # the new report was swapped in whole before the kill: valid, and the new one
            _valid_client(out / "beta-he")
            assert set(now) == set(before)
            assert json.loads(now["summary.json"])["organization"] == expected
            # this run was quicker than the first (a busy machine then): aim earlier, from this report on
            seconds, before, expected = min(seconds, wait), now, rename(expected)
            continue
        intact += 1  # the previous report, byte for byte
        visible = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
        assert visible == ["batch.json", "beta-he", "index.html"], visible
        assert all(HIDDEN_LEFTOVER.match(p.name) for p in out.iterdir() if p.name.startswith("."))
    assert intact, "no kill came before the new report was swapped in"
    assert _run(clients, out, log) == 0, log.read_text()
    _valid_client(out / "beta-he")
    assert json.loads((out / "beta-he" / "summary.json").read_text())["organization"] == expected
    assert not [p.name for p in out.iterdir() if p.name.startswith(".beta-he.")]


# =========================================================================== the instants between two renames
_ATOMIC = r"""
import importlib.util, os, shutil, signal, sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("paths", sys.argv[4])  # just the module: no package imports
paths = importlib.util.module_from_spec(spec)
spec.loader.exec_module(paths)
atomic_dir = paths.atomic_dir

target, point, outcome = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
real_replace, real_rmtree = os.replace, shutil.rmtree

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def replace(src, dst):
    real_replace(src, dst)
    if point == "between-renames" and ".old-" in str(dst):
        die()

def rmtree(path, *args, **kwargs):
    if point == "removing-old" and ".old-" in str(path):
        os.unlink(sorted(Path(path).iterdir())[0])  # half removed
        die()
    return real_rmtree(path, *args, **kwargs)

os.replace, shutil.rmtree = replace, rmtree
with atomic_dir(target) as tmp:
    (tmp / "a.txt").write_text(outcome)
    if point == "building":
        die()
    (tmp / "b.txt").write_text(outcome)
    if point == "failing":
        raise SystemExit(1)
"""


def _atomic(target: Path, point: str, outcome: str) -> int:
    return subprocess.run([sys.executable, "-c", _ATOMIC, str(target), point, outcome,
                           str(ROOT / "svcwork" / "paths.py")], cwd=ROOT, timeout=120).returncode


def _content(target: Path) -> dict[str, str] | None:
    return {p.name: p.read_text() for p in target.iterdir()} if target.is_dir() else None


@pytest.mark.parametrize("point", ["building", "between-renames", "removing-old"])
def test_a_kill_at_any_instant_of_the_swap_loses_no_report(tmp_path, point):
    target = tmp_path / "client"
    assert _atomic(target, "none", "old") == 0
    old = {"a.txt": "old", "b.txt": "old"}
    assert _content(target) == old
    assert _atomic(target, point, "new") == -signal.SIGKILL
    assert _content(target) in (old, {"a.txt": "new", "b.txt": "new"}, None)
    # the next run puts things right even when it fails: a whole report is shown, the previous
    # one unless the new one had been swapped in whole
    assert _atomic(target, "failing", "newer") == 1
    expected = {"a.txt": "new", "b.txt": "new"} if point == "removing-old" else old
    assert _content(target) == expected, point
    # and a successful run leaves no hidden leftovers
    assert _atomic(target, "none", "newest") == 0
    assert _content(target) == {"a.txt": "newest", "b.txt": "newest"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["client"]
