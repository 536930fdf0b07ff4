"""Scenarios: saved into a copy of the intake (the client's file untouched), validated at intake,
applied by ``svcwork run --scenario``; and ``svcwork workshop``'s Voilà command line."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil

import openpyxl
import pytest

from conftest import ROOT
from svcwork import prioritize
from svcwork.cli import main
from svcwork.errors import UsageError
from svcwork.intake import validate
from svcwork.intake.scenarios import scenario_copy
from svcwork.workshop import apply_scenario, save_scenario
from svcwork.workshop import state as st
from svcwork.workshop.compute import evaluate
from svcwork.workshop.serve import launch

CLIENTS = ROOT / "data" / "clients"


@pytest.fixture
def client(tmp_path):
    folder = tmp_path / "northfield-licensing"
    shutil.copytree(CLIENTS / "northfield-licensing", folder)
    return folder


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _choices(base):
    state = st.with_weight(st.initial_state(base), "benefit", 0.6)
    state = st.with_wave(state, base, base.services[2], 1)
    return st.with_service(state, base, base.services[5], "visibility", 5)


def test_saving_a_scenario_leaves_the_intake_byte_identical_and_run_reads_it_back(client):
    intake = client / "intake.xlsx"
    before = _sha(intake)
    base = st.baseline(validate(client).engagement)
    state = _choices(base)
    when = dt.datetime(2026, 12, 1, 10, 30)
    copy = save_scenario(client, "Benefit first", st.changes(state, base), who="Dana", when=when)
    assert copy == scenario_copy(intake) == client / "intake.scenarios.xlsx"
    save_scenario(client, "Second", st.changes(st.with_quick_wins(state, 2), base), who="Avi", when=when)
    with pytest.raises(UsageError) as exists:  # the same name again: refused, never silently replaced
        save_scenario(client, "benefit FIRST", st.changes(st.with_quick_wins(state, 3), base), who="Avi", when=when)
    assert exists.value.code == "scenario_exists" and "Dana" in exists.value.message
    save_scenario(client, "Benefit first", st.changes(state, base), who="Dana", when=when, replace=True)  # asked for
    assert _sha(intake) == before
    sheet = openpyxl.load_workbook(copy)["Scenarios"]
    assert [c.value for c in sheet[1]] == ["scenario", "changes", "who", "when", "form"]
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == ["Benefit first", "Second"]
    result = validate(client)
    assert result.ok and not [p for p in result.problems if p.code == "file_unused"]
    eng = result.engagement
    assert [(s.name, s.who, s.when) for s in eng.scenarios] == [("Benefit first", "Dana", "2026-12-01 10:30"),
                                                                ("Second", "Avi", "2026-12-01 10:30")]
    applied = prioritize.analyse(apply_scenario(eng, "benefit FIRST"))
    live = evaluate(base, state).result
    assert applied.score.scores.equals(live.score.scores)
    assert applied.plan.wave.equals(live.plan.wave)
    assert applied.scenario.name == "Benefit first"
    methods = " ".join(applied.methods("en"))
    assert "“Benefit first” (Dana, 2026-12-01 10:30)" in methods and "locked to wave 1" in methods
    baseline_methods = " ".join(prioritize.analyse(eng).methods("en"))
    assert "Scenarios considered" in baseline_methods and "“Second”" in baseline_methods
    with pytest.raises(UsageError, match="Benefit first") as err:
        apply_scenario(eng, "Nothing like it")
    assert err.value.code == "scenario_unknown"


def test_a_scenario_is_never_written_over_the_clients_intake(client):
    base = st.baseline(validate(client).engagement)
    with pytest.raises(UsageError) as err:
        save_scenario(client, "x", st.changes(_choices(base), base), target=client / "intake.xlsx")
    assert err.value.code == "scenario_copy"
    with pytest.raises(UsageError):
        save_scenario(client, "  ", (), target=client / "elsewhere.xlsx")
    other = save_scenario(client, "Elsewhere", st.changes(_choices(base), base), target=client.parent / "shared.xlsx")
    assert other.is_file() and not scenario_copy(client / "intake.xlsx").exists()


def test_the_scenarios_sheet_is_validated_with_sheet_row_and_column(client):
    copy = scenario_copy(client / "intake.xlsx")
    book = openpyxl.load_workbook(client / "intake.xlsx")
    sheet = book.create_sheet("Scenarios")
    for row in (["scenario", "changes", "who", "when"],
                ["Good", "weight.benefit=0.5; wave.L02=2", "Dana", None],
                ["Bad service", "effort.NOPE=2", None, None],
                ["Bad item", "weight.benefit=0.5; colour.L01=3", None, None],
                ["Bad range", "effort.L01=7; wave.L02=9; capacity.4=10", None, None],
                ["good", "exclude.L01", None, None],
                [None, "quick_wins=1", None, None]):
        sheet.append(row)
    book.save(copy)
    result = validate(client)
    found = {(p.code, p.row, p.column, p.value) for p in result.problems if p.sheet == "Scenarios"}
    assert ("scenario.service", 3, "changes", "effort.NOPE=2") in found
    assert ("scenario.change", 4, "changes", "colour.L01=3") in found
    assert {("scenario.range", 5, "changes", "effort.L01=7"), ("scenario.wave", 5, "changes", "wave.L02=9"),
            ("scenario.wave", 5, "changes", "capacity.4=10")} <= found
    assert ("scenario.duplicate", 6, "scenario", "good") in found
    assert ("required_empty", 7, "scenario", None) in found
    assert all(p.file == copy.name for p in result.problems if p.sheet == "Scenarios")
    # what the scenario says by itself is an error; what depends on a form revised since, a warning
    severity = {p.code: p.is_error for p in result.problems if p.sheet == "Scenarios"}
    assert severity == {"scenario.service": False, "scenario.wave": False, "scenario.change": True,
                        "scenario.range": True, "scenario.duplicate": True, "required_empty": True}
    assert not result.ok
    message = next(p.message for p in result.problems if p.code == "scenario.change")
    assert "colour.L01=3" in message and "weight, effort" in message


def test_hebrew_scenario_problems_are_in_hebrew(tmp_path):
    folder = tmp_path / "neve-tamar"
    shutil.copytree(CLIENTS / "neve-tamar", folder)
    book = openpyxl.load_workbook(folder / "intake.xlsx")
    sheet = book.create_sheet("תרחישים")
    sheet.append(["שם התרחיש", "שינויים", "מי", "מתי"])
    sheet.append(["א", "effort.ZZ=2", None, None])
    book.save(scenario_copy(folder / "intake.xlsx"))
    problem = next(p for p in validate(folder).problems if p.code == "scenario.service")
    assert problem.sheet == "תרחישים" and problem.column == "שינויים" and "גיליון השירותים" in problem.message


def test_the_workshop_is_served_without_a_token_only_on_127_0_0_1(client):
    local = launch(client, port=8871)
    assert local.url == "http://127.0.0.1:8871/" and local.token is None
    assert "--Voila.ip=127.0.0.1" in local.command and "--Voila.token=" in local.command
    assert local.env["SVCWORK_WORKSHOP_CLIENT"] == str(client.resolve())
    assert local.command[3].endswith("notebooks/15_workshop.ipynb")
    shared = launch(client, port=8872, ip="0.0.0.0")
    assert shared.token and len(shared.token) >= 24 and shared.url.endswith(f"?token={shared.token}")
    assert f"--Voila.token={shared.token}" in shared.command
    with pytest.raises(UsageError):
        launch(client.parent / "nowhere")
    assert main(["workshop", str(client.parent / "nowhere")]) == 2


@pytest.mark.slow
def test_run_with_a_scenario_reports_the_scenario(client, tmp_path):
    base = st.baseline(validate(client).engagement)
    state = _choices(base)
    save_scenario(client, "Benefit first", st.changes(state, base), who="Dana",
                  when=dt.datetime(2026, 12, 1, 10, 30))
    out = tmp_path / "out"
    assert main(["run", str(client), "-o", str(out), "--scenario", "Benefit first", "--no-pdf"]) == 0
    prio = json.loads((out / client.name / "summary.json").read_text(encoding="utf-8"))  # the flat summary
    live = evaluate(base, state).result
    assert prio["method"] == "direct"
    assert prio["criteria_weights"]["benefit"] == pytest.approx(0.6, abs=1e-5)
    assert [p["service_id"] for p in prio["priorities"]] == [str(s) for s in live.order]
    assert prio["waves"]["locked"][str(base.services[2])] == 1
    report = (out / client.name / "report.html").read_text(encoding="utf-8")
    assert "Benefit first” (Dana, 2026-12-01 10:30)" in report and "locked to wave 1" in report
    assert main(["run", str(client), "-o", str(tmp_path / "o2"), "--scenario", "Nope", "--no-pdf"]) == 1
