"""Shared test helpers: hand-made intake workbooks (not from the template generator)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Callable, Mapping, Sequence

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[1]
#: The project's shared material (../shared beside the checkout), else the copy in tests/data/shared.
SHARED_COPY = ROOT / "tests" / "data" / "shared"
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared" / "data" / "eventlogs").is_dir() else SHARED_COPY
EVENTLOGS = SHARED / "data" / "eventlogs"

# A fixed pseudonymisation key for tests, so nothing touches the user's secret file.
os.environ.setdefault("SVCWORK_KEY", "test-key-not-secret")


def _worker_kernels() -> None:
    """Under pytest-xdist each worker runs its clients beside the other workers', like a batch's
    ``--jobs``: a client's notebooks get the worker's share of the cores, by svcwork's own rule
    (:func:`svcwork.kernels.notebook_kernels` with ``jobs`` = the workers), through the
    ``SVCWORK_KERNELS`` setting every run started here inherits.  On 2 cores and 2 workers that is
    one kernel per run instead of two whose imports compete for the same cores (the tests of the
    pool itself ask for their sizes).  A value already set is kept."""
    workers = os.environ.get("PYTEST_XDIST_WORKER_COUNT", "")
    if os.environ.get("PYTEST_XDIST_WORKER") and workers.isdigit() and "SVCWORK_KERNELS" not in os.environ:
        from svcwork.kernels import notebook_kernels

        os.environ["SVCWORK_KERNELS"] = str(notebook_kernels(jobs=int(workers)))


_worker_kernels()


# ---------------------------------------------------------------------------------- pytest-xdist order
#: The test files that take longest, longest first.  Under pytest-xdist (``make test``: ``--dist
#: loadscope --no-loadscope-reorder``) each file goes whole to one worker (its module fixtures run
#: once; a notebook's cells stay in order in one kernel), in the order collected: these first, so the
#: long files start early and the short ones fill in at the end instead of one worker finishing a long
#: file alone.  The first one computes :func:`demo_reports` (once for every worker); the few after it
#: do not need it, so the other worker is not kept waiting for it.  A file not named keeps its place
#: after these; a name that no longer exists is ignored.  Serial runs keep pytest's own order.
SLOWEST_FIRST = (
    "test_accessibility.py",  # demo_reports, then axe in Chromium
    "test_crash.py", "test_batch.py", "test_remote.py", "test_report.py",
    "test_office.py",  # demo_reports printed by LibreOffice
    "test_fuzz.py", "test_privacy.py", "test_report_browser.py", "test_storage.py", "test_exports_corpus.py",
    "test_demo.py", "test_workshop_scenarios.py", "test_management_figures.py", "test_injection.py",
    "test_unit_signals.py", "test_pdf.py", "test_word.py", "test_links.py", "test_intake.py",
    "test_consistency.py", "test_measures_findings.py", "test_since_report.py",
)


def pytest_collection_modifyitems(config, items) -> None:
    """Under pytest-xdist, the :data:`SLOWEST_FIRST` files first (every worker collects alike, so they all
    agree on the order).  Here in tests/ the hook sees the notebooks' items too; they keep their order."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    rank = {name: i for i, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(Path(str(item.path)).name, len(rank)))  # stable: the rest as collected


def write_xlsx(path: Path, sheets: Mapping[str, Sequence[Sequence[object]]], *, rtl: bool = False) -> Path:
    """Write a workbook with one sheet per entry (rows as lists), no styling: a clerk's hand-made file."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        ws.sheet_view.rightToLeft = rtl
        for row in rows:
            ws.append(list(row))
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def english_sheets() -> dict[str, list[list[object]]]:
    """A small, valid English engagement."""
    return {
        "Engagement": [
            ["field", "value"],
            ["organization", "Example Agency"],
            ["language", "en"],
            ["period_start", dt.date(2026, 1, 1)],
            ["period_end", dt.date(2026, 6, 30)],
            ["min_group_size", 5],
        ],
        "Services": [
            ["service_id", "service_name", "unit", "effort", "benefit", "visibility", "annual_volume", "depends_on"],
            ["S1", "Parking permit", "Parking", 2, 5, 5, 12000, None],
            ["S2", "Property tax", "Revenue", 4, 4, 3, 30000, "S1"],
            ["S3", "Welfare desk", "Welfare", 3, 2, 2, 800, "S1, S2"],
        ],
        "Channels": [
            ["service_id", "channel", "available", "end_to_end"],
            ["S1", "counter", "yes", "yes"],
            ["S1", "web", "yes", "yes"],
            ["S2", "counter", "yes", None],
            ["S2", "web", "partial", "no"],
        ],
        "KPIs": [
            ["kpi_id", "kpi_name", "direction", "target", "kind"],
            ["K1", "Answered within 60 s", "higher", 0.8, "proportion"],
        ],
        "KPI values": [
            ["kpi_id", "period", "value", "n"],
            ["K1", "2026-01", 0.7, 1000],
            ["K1", "2026-02", 0.75, 1100],
        ],
        "Actions": [
            ["action_id", "action", "owner", "due_date", "status"],
            ["A1", "Publish checklist", "Head of parking", dt.date(2026, 3, 1), "open"],
        ],
    }


def hebrew_sheets() -> dict[str, list[list[object]]]:
    """The same engagement, with Hebrew sheet names, headers and values (and a title row)."""
    return {
        "פרטי הארגון": [
            ["שדה", "ערך"],
            ["שם הארגון", "עיריית דוגמה"],
            ["שפה", "עברית"],
            ["תחילת תקופה", "01/01/2026"],
            ["סוף תקופה", "30/06/2026"],
        ],
        "שירותים": [
            ["טופס קליטה — שירותים"],
            [],
            ["מזהה שירות", "שם השירות", "יחידה", "מאמץ", "תועלת", "נראות", "חובה"],
            ["S1", "תו חניה", "חניה", 2, 5, 5, "כן"],
            ["S2", "ארנונה", "גבייה", "4", 4, 3, "לא"],
        ],
        "ערוצים": [
            ["מזהה שירות", "ערוץ", "זמין"],
            ["S1", "דלפק", "כן"],
            ["S1", "אתר", "חלקי"],
        ],
    }


@pytest.fixture
def english_client(tmp_path: Path) -> Path:
    folder = tmp_path / "example-agency"
    write_xlsx(folder / "intake.xlsx", english_sheets())
    return folder


@pytest.fixture
def hebrew_client(tmp_path: Path) -> Path:
    folder = tmp_path / "dugma"
    write_xlsx(folder / "intake.xlsx", hebrew_sheets(), rtl=True)
    return folder


# ---------------------------------------------------------------------------------------- demo reports
#: The demo clients (each in its own language) and the English client again in Hebrew, so every
#: report check runs on both languages.
DEMO_CLIENTS = ROOT / "data" / "clients"
#: The demo clients' earlier rounds (svcwork.demo.rounds): the demo reports compare with them.
DEMO_PREVIOUS = ROOT / "data" / "previous"


def _in_language(client: Path, folder: Path, lang: str) -> Path:
    """A copy of *client* whose Engagement sheet asks for a report in *lang* (the inputs untouched)."""
    import shutil

    copy = folder / f"{client.name}-{lang}"
    shutil.copytree(client, copy)
    wb = openpyxl.load_workbook(copy / "intake.xlsx")
    ws = wb[wb.sheetnames[0]]
    for row in ws.iter_rows(min_row=2):
        if str(row[0].value).strip() in ("language", "שפה"):
            row[1].value = lang
    wb.save(copy / "intake.xlsx")
    return copy


def once_per_session(tmp_path_factory, name: str, make: Callable[[Path], object]) -> object:
    """``make(folder)`` once per test session, however many pytest-xdist workers ask: its result
    (anything JSON can carry) for every caller.  *folder* is a new, empty folder that lives as long
    as the session.

    Without xdist it simply runs in ``tmp_path_factory.mktemp(name)``.  Under xdist the first worker
    to ask runs it, holding a file lock, in the session's shared temporary root (the parent of every
    worker's basetemp: pytest keeps it for the whole session and removes it only in a later one); the
    others wait for the lock and read the result that worker recorded in ``<root>/<name>.json`` (the
    pattern pytest-xdist documents for session fixtures that must run once).  A failure or skip is
    recorded too: the other workers fail or skip with its message instead of running it again.
    What *make* writes is shared by every worker: tests read it, never change it (copy it first).
    """
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return make(tmp_path_factory.mktemp(name))
    from filelock import FileLock

    root = tmp_path_factory.getbasetemp().parent
    record = root / f"{name}.json"
    with FileLock(str(root / f"{name}.lock")):
        if not record.is_file():
            folder = root / name
            if folder.exists():  # left half made by a worker that died making it (xdist replaced it)
                import shutil

                shutil.rmtree(folder)
            folder.mkdir()
            try:
                value = make(folder)
            except pytest.skip.Exception as exc:
                record.write_text(json.dumps({"skip": str(exc.msg)}))
                raise
            except (Exception, pytest.fail.Exception) as exc:
                record.write_text(json.dumps({"error": f"{type(exc).__name__}: {exc}"[-4000:]}))
                raise
            record.write_text(json.dumps({"value": value}))
            return value
        done = json.loads(record.read_text())
    if "skip" in done:
        pytest.skip(done["skip"])
    if "error" in done:
        pytest.fail(f"{name} failed in another xdist worker (see its error there):\n{done['error']}", pytrace=False)
    return done["value"]


@pytest.fixture(scope="session")
def demo_reports(tmp_path_factory) -> dict[str, Path]:
    """Every demo client's run output (no PDF), once per test session (:func:`once_per_session`: one
    run shared by every xdist worker, so read it, never write into it): ``{name: output folder}``
    for the demo clients and ``northfield-licensing-he`` (the English client reported in Hebrew);
    each client's input folder is ``<output>/../../demo-clients*/<name>`` (:func:`demo_input`).
    Northfield (both languages) is compared with its earlier round (``data/previous``), run first."""
    found = once_per_session(tmp_path_factory, "demo-reports", _demo_reports)
    return {slug: Path(path) for slug, path in found.items()}


def _demo_reports(root: Path) -> dict[str, str]:
    from svcwork import batch

    import shutil

    clients = root / "demo-clients"
    for client in sorted(p for p in DEMO_CLIENTS.iterdir() if p.is_dir()):
        shutil.copytree(client, clients / client.name)
    _in_language(DEMO_CLIENTS / "northfield-licensing", clients, "he")
    # the earlier rounds first (northfield, in both languages): the reports then say what changed since
    previous = root / "demo-clients-previous"
    for client in sorted(p for p in DEMO_PREVIOUS.iterdir() if p.is_dir()):
        shutil.copytree(client, previous / client.name)
    _in_language(DEMO_PREVIOUS / "northfield-licensing", previous, "he")
    earlier = root / "demo-reports-previous"
    earlier.mkdir()
    first = batch.run_batch(previous, earlier, jobs=2, pdf=False)
    assert all(c.ok for c in first.clients), [c.describe() for c in first.clients]
    out = root / "demo-reports"
    out.mkdir()
    result = batch.run_batch(clients, out, jobs=2, pdf=False, since=earlier)
    failed = [c.describe() for c in result.clients if not c.ok]
    assert not failed, failed
    (out / "inputs.json").write_text(json.dumps({c.slug: str(clients / c.slug) for c in result.clients}))
    return {c.slug: str(out / c.slug) for c in result.clients}


def demo_input(output: Path) -> Path:
    """The input folder of a :func:`demo_reports` run."""
    return Path(json.loads((output.parent / "inputs.json").read_text())[output.name])
