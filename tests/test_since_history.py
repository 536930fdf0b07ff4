"""A client's history in its output folder (svcwork.since.history): kept, never overwritten, the same
period replacing the report, not a round; ``--since`` checked before anything runs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from svcwork.errors import UsageError
from svcwork.since.history import HISTORY_DIR, prepare, round_name, rounds_in


def _run(folder, *, end, client="acme", start=None, value=0.5):
    """A run's output folder as the history reads it: summary.json (and a compact record folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    start = start or (dt.date.fromisoformat(end) - dt.timedelta(days=89)).isoformat()
    summary = {"client": client, "period": {"start": start, "end": end},
               "key_figures": {"measures.item.satisfaction": {
                   "key": "measures.item.satisfaction", "value": value, "kind": "share", "section": "measures",
                   "base": 400, "base_of": "responses", "low": None, "high": None, "table": None,
                   "item": "satisfaction"}}}
    (folder / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    (folder / "round").mkdir(exist_ok=True)
    (folder / "round" / "marker.txt").write_text(end, encoding="utf-8")
    return folder


def test_an_earlier_report_in_the_output_becomes_history_and_the_previous_round(tmp_path):
    existing = _run(tmp_path / "out" / "acme", end="2026-03-31")
    target = tmp_path / "building"
    rounds = prepare(existing, target, current_end=dt.date(2026, 6, 30), slug="acme")
    assert rounds.previous is not None and rounds.previous.label == "2026-03-31"
    kept = target / HISTORY_DIR / "2026-03-31.json"
    assert kept.read_bytes() == (existing / "summary.json").read_bytes()
    assert (target / HISTORY_DIR / "2026-03-31" / "marker.txt").read_text() == "2026-03-31"  # its record too
    assert [r.label for r in rounds.history] == ["2026-03-31"]
    assert not rounds.explicit


def test_history_accumulates_and_a_kept_round_is_never_overwritten(tmp_path):
    out = tmp_path / "out" / "acme"
    _run(out, end="2026-06-30", value=0.6)
    (out / HISTORY_DIR).mkdir()
    kept = _run(tmp_path / "old", end="2026-03-31", value=0.4)
    (out / HISTORY_DIR / "2026-03-31.json").write_bytes((kept / "summary.json").read_bytes())
    before = (out / HISTORY_DIR / "2026-03-31.json").read_bytes()
    target = tmp_path / "building"
    rounds = prepare(out, target, current_end=dt.date(2026, 9, 30), slug="acme")
    assert [r.label for r in rounds.history] == ["2026-03-31", "2026-06-30"]
    assert rounds.previous.label == "2026-06-30"
    assert (target / HISTORY_DIR / "2026-03-31.json").read_bytes() == before
    # a second report for a round already kept (a different file of the same period) does not replace it
    _run(out, end="2026-03-31", value=0.99)
    prepare(out, target, current_end=dt.date(2026, 9, 30), slug="acme")
    assert (target / HISTORY_DIR / "2026-03-31.json").read_bytes() == before


def test_the_same_period_again_replaces_the_report_not_a_round(tmp_path):
    existing = _run(tmp_path / "out" / "acme", end="2026-06-30")
    target = tmp_path / "building"
    rounds = prepare(existing, target, current_end=dt.date(2026, 6, 30), slug="acme")
    assert rounds.previous is None and rounds.history == ()
    assert not (target / HISTORY_DIR).exists()


def test_another_clients_report_in_the_folder_is_not_history(tmp_path):
    existing = _run(tmp_path / "out" / "acme", end="2026-03-31", client="someone-else")
    rounds = prepare(existing, tmp_path / "building", current_end=dt.date(2026, 6, 30), slug="acme")
    assert rounds.previous is None


def test_since_names_the_round_and_keeps_it(tmp_path):
    since = _run(tmp_path / "elsewhere" / "acme", end="2025-12-31")
    target = tmp_path / "building"
    rounds = prepare(tmp_path / "out" / "acme", target, current_end=dt.date(2026, 6, 30), slug="acme",
                     since=since / "summary.json")
    assert rounds.explicit and rounds.previous.label == "2025-12-31"
    assert (target / HISTORY_DIR / "2025-12-31.json").is_file()
    assert [r.label for r in rounds_in(target)] == ["2025-12-31"]


@pytest.mark.parametrize("case", ["missing", "other_client", "not_earlier"])
def test_a_wrong_since_is_a_clear_error(tmp_path, case):
    if case == "missing":
        since = tmp_path / "nowhere"
    else:
        since = _run(tmp_path / "s" / "x", end="2026-06-30" if case == "not_earlier" else "2025-12-31",
                     client="someone-else" if case == "other_client" else "acme")
    with pytest.raises(UsageError) as err:
        prepare(tmp_path / "out", tmp_path / "building", current_end=dt.date(2026, 6, 30), slug="acme", since=since)
    assert str(since) in err.value.message


def test_round_names_are_safe_file_names(tmp_path):
    rnd = prepare(_run(tmp_path / "o", end="2026-03-31"), tmp_path / "b", current_end=dt.date(2026, 6, 30),
                  slug="acme").previous
    assert round_name(rnd) == "2026-03-31"


def test_run_with_a_since_that_is_not_a_report_fails_the_client_with_a_message(tmp_path, capsys):
    """``svcwork run … --since X``: an X that is no earlier report fails the client with a clear
    message (exit 1, no traceback) before any notebook runs, and writes nothing into OUT."""
    from svcwork.cli import main

    client = Path(__file__).resolve().parents[1] / "data" / "clients" / "northfield-licensing"
    code = main(["run", str(client), "-o", str(tmp_path / "out"), "--no-pdf", "--since", str(tmp_path / "nowhere")])
    captured = capsys.readouterr()
    assert code == 1
    assert str(tmp_path / "nowhere") in captured.out + captured.err
    assert "Traceback" not in captured.out + captured.err
    assert not (tmp_path / "out" / "northfield-licensing").exists()
