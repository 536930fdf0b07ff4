"""Saving scenarios safely, and scenarios that outlive a revision of the form (review 3 of the workshop).

A save never makes the client invalid (no empty change set, client text never a formula), never
replaces a scenario without being asked, never loses one when two pages save at once, and says
every failure in the page; the scenarios file holds the scenarios only.  A scenario the revised
form no longer fits is a warning (only its own report is refused); one saved against an earlier
form is applied with a warning.  The weight bands and shares read as the report's; ``svcwork
workshop`` on an invalid intake lists its problems.
"""

from __future__ import annotations

import datetime as dt
import html
import multiprocessing as mp
import re
import shutil

import numpy as np
import openpyxl
import pandas as pd
import pytest

from conftest import ROOT
from svcwork.errors import IntakeError, UsageError
from svcwork.intake import load, validate
from svcwork.intake.scenarios import Change, scenario_copy
from svcwork.keyfigures import show
from svcwork.prioritize.figures import share_kind
from svcwork.workshop import apply_scenario, save_scenario
from svcwork.workshop import state as st
from svcwork.workshop import views
from svcwork.workshop.compute import evaluate

CLIENTS = ROOT / "data" / "clients"
DEMOS = sorted(p.name for p in CLIENTS.iterdir() if (p / "intake.xlsx").is_file())
WHEN = dt.datetime(2026, 12, 1, 10, 30)


@pytest.fixture
def client(tmp_path):
    folder = tmp_path / "northfield-licensing"
    shutil.copytree(CLIENTS / "northfield-licensing", folder)
    return folder


@pytest.fixture(scope="module")
def engagements() -> dict:
    return {name: load(CLIENTS / name) for name in DEMOS}


def _service(folder) -> str:
    return str(validate(folder).engagement.table("Services")["service_id"].iloc[0])


def _set_setting(folder, key: str, value) -> None:
    """The intake's Engagement setting *key* set to *value* (as a consultant revises the form)."""
    book = openpyxl.load_workbook(folder / "intake.xlsx")
    sheet = book["Engagement"]
    for row in sheet.iter_rows():
        if row[0].value == key:
            sheet.cell(row=row[0].row, column=2).value = value
            break
    else:
        raise AssertionError(f"no setting {key}")
    book.save(folder / "intake.xlsx")


def _set_service_cell(folder, service: str, column: str, value) -> None:
    book = openpyxl.load_workbook(folder / "intake.xlsx")
    sheet = book["Services"]
    top = next(r for r in sheet.iter_rows() if r[0].value == "service_id")  # below the form's title rows
    j = [c.value for c in top].index(column) + 1
    for row in sheet.iter_rows(min_row=top[0].row + 1):
        if row[0].value == service:
            sheet.cell(row=row[0].row, column=j).value = value
            break
    else:
        raise AssertionError(f"no service {service}")
    book.save(folder / "intake.xlsx")


# ---------------------------------------------------------------------------------------------- 3: a save never breaks the client

def test_a_scenario_without_a_change_is_refused_and_the_client_stays_valid(client):
    with pytest.raises(UsageError) as err:
        save_scenario(client, "As the form", (), who="Dana", when=WHEN)
    assert err.value.code == "scenario_empty" and "no change" in err.value.message
    assert not scenario_copy(client / "intake.xlsx").exists()
    assert validate(client).ok
    with pytest.raises(UsageError, match="אין שינוי"):
        save_scenario(client, "כמו הטופס", (), lang="he")


def test_a_name_or_who_that_looks_like_a_formula_is_saved_as_text(client):
    sid = _service(client)
    payload = "=cmd|' /C calc'!A0"
    copy = save_scenario(client, "=2 waves only", [Change("exclude", sid)], who=payload, when=WHEN)
    sheet = openpyxl.load_workbook(copy).active
    assert [(c.value, c.data_type) for c in sheet[2]][:3] == [("=2 waves only", "s"), (f"exclude.{sid}", "s"),
                                                             (payload, "s")]
    result = validate(client)
    assert result.ok, [p.message for p in result.problems if p.is_error]
    scenario = result.engagement.scenarios[0]
    assert (scenario.name, scenario.who) == ("=2 waves only", payload)
    for text in ("+1 plan", "-x", "@sum"):
        save_scenario(client, text, [Change("exclude", sid)], who=text, when=WHEN)
    assert [s.name for s in validate(client).engagement.scenarios] == ["=2 waves only", "+1 plan", "-x", "@sum"]


# ---------------------------------------------------------------------------------------------- 4: the form revised since

def test_a_scenario_the_revised_form_no_longer_fits_warns_and_only_its_report_is_refused(client):
    sid = _service(client)
    save_scenario(client, "Capacity later", [Change("capacity", "3", 200.0)], who="Dana", when=WHEN)
    save_scenario(client, "Leave one out", [Change("exclude", sid)], who="Dana", when=WHEN)
    _set_setting(client, "waves", 2)  # next quarter: two waves
    result = validate(client)
    assert result.ok, [p.message for p in result.problems if p.is_error]
    warning = next(p for p in result.problems if p.code == "scenario.wave")
    assert not warning.is_error and "Capacity later" in warning.message and "capacity.3=200" in warning.message
    assert "--scenario" in warning.message
    eng = result.engagement
    assert [s.name for s in eng.scenarios] == ["Capacity later", "Leave one out"]  # both listed
    with pytest.raises(UsageError) as err:
        apply_scenario(eng, "capacity LATER")
    assert err.value.code == "scenario_outdated"
    assert "Capacity later" in err.value.message and "capacity.3=200" in err.value.message
    assert "waves 1 to 2" in err.value.message
    assert apply_scenario(eng, "Leave one out").scenario == "Leave one out"  # what still fits applies
    base = st.baseline(eng)  # the workshop opens, and says which saved scenario no longer fits
    assert "Capacity later" in views.scenario_notes_html(base)


# ---------------------------------------------------------------------------------------------- 5: saved against an earlier form

def test_a_scenario_saved_before_the_form_changed_is_applied_with_a_warning(client):
    eng = validate(client).engagement
    sid = str(eng.table("Services")["service_id"].iloc[1])
    save_scenario(client, "Benefit first", [Change("benefit", sid, 5.0)], who="Dana", when=WHEN, engagement=eng)
    fresh = validate(client)
    assert not [p for p in fresh.problems if p.code == "scenario.stale"]
    assert fresh.engagement.scenarios[0].stale == ()
    other = str(eng.table("Services")["service_id"].iloc[0])
    _set_service_cell(client, other, "locked_wave", 3)  # the form revised after the workshop
    result = validate(client)
    assert result.ok
    stale = [p for p in result.problems if p.code == "scenario.stale"]
    assert len(stale) == 1 and not stale[0].is_error
    assert "Benefit first" in stale[0].message and "2026-12-01 10:30" in stale[0].message
    assert "Services sheet" in stale[0].message
    applied = apply_scenario(result.engagement, "Benefit first")
    assert next(s for s in applied.scenarios if s.name == applied.scenario).stale == ("services",)
    # the report made from it says so in its methods, in both languages
    from svcwork import prioritize
    from svcwork.prioritize.present_text import methods

    res = prioritize.analyse(applied)
    assert any("saved against an earlier form" in m and "the Services sheet" in m for m in methods(res, "en"))
    assert any("גרסה קודמת של הטופס" in m and "גיליון השירותים" in m for m in methods(res, "he"))


# ---------------------------------------------------------------------------------------------- 6: failures in the page

@pytest.fixture(scope="module")
def workshop_ui(engagements):
    pytest.importorskip("ipywidgets")
    from svcwork.workshop.widgets import Workshop

    def make(folder):
        return Workshop(st.baseline(engagements["northfield-licensing"]), client=folder)
    return make


def _saved_text(ui) -> str:
    return html.unescape(re.sub("<[^>]+>", "", ui.saved.value))


def test_every_failed_save_is_said_in_the_page_and_clears_an_earlier_saved(client, workshop_ui, monkeypatch):
    ui = workshop_ui(client)
    ui.set_weight("benefit", 0.5)
    ui.name.value = "Benefit first"
    ui._save()
    assert "” saved in" in _saved_text(ui)
    ui.name.value = "Second"
    notes = client.parent / "notes.txt"
    notes.write_text("not a workbook")
    other = client.parent / "other.xlsx"
    shutil.copy(CLIENTS / "neve-tamar" / "intake.xlsx", other)
    before = other.read_bytes()
    for target, words in ((client.parent, ".xlsx"), (notes, ".xlsx"), (other, "not a scenarios file"),
                          (client / "intake.xlsx" / "x.xlsx", "could not be saved")):
        ui.target.value = str(target)
        ui._save()  # raises nothing
        assert words in _saved_text(ui) and "” saved in" not in _saved_text(ui), (target, ui.saved.value)
    assert other.read_bytes() == before  # another workbook is never rewritten
    ui.target.value = ""

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr("svcwork.workshop.save.atomic_write_bytes", refuse)
    ui._save()
    assert "could not be saved" in _saved_text(ui) and "Permission denied" in _saved_text(ui)

    def broken(*args, **kwargs):
        raise RuntimeError("something unexpected")
    monkeypatch.setattr("svcwork.workshop.save.format_changes", broken)
    ui._save()
    assert "something unexpected" in _saved_text(ui)
    assert [s.name for s in validate(client).engagement.scenarios] == ["Benefit first"]


# ---------------------------------------------------------------------------------------------- 7: no scenario lost

def test_a_name_already_saved_is_refused_unless_replace_is_asked(client):
    sid = _service(client)
    save_scenario(client, "Committee plan", [Change("exclude", sid)], who="Dana", when=WHEN)
    with pytest.raises(UsageError) as err:
        save_scenario(client, "committee PLAN", [Change("effort", sid, 2.0)], who="Avi", when=WHEN)
    assert err.value.code == "scenario_exists" and "Dana" in err.value.message
    scenarios = validate(client).engagement.scenarios
    assert [(s.name, s.who) for s in scenarios] == [("Committee plan", "Dana")]
    save_scenario(client, "committee PLAN", [Change("effort", sid, 2.0)], who="Avi", when=WHEN, replace=True)
    assert [(s.name, s.who) for s in validate(client).engagement.scenarios] == [("committee PLAN", "Avi")]


def _save_at_once(folder, name, engagement, barrier) -> None:
    barrier.wait()
    sid = str(engagement.table("Services")["service_id"].iloc[0])
    save_scenario(folder, name, [Change("exclude", sid)], who=name, when=WHEN, engagement=engagement)


def test_pages_saving_at_the_same_time_keep_every_scenario(client):
    eng = validate(client).engagement
    names = [f"Tab {i}" for i in range(4)]
    ctx = mp.get_context("fork")
    for _ in range(2):
        copy = scenario_copy(client / "intake.xlsx")
        copy.unlink(missing_ok=True)
        barrier = ctx.Barrier(len(names))
        procs = [ctx.Process(target=_save_at_once, args=(client, n, eng, barrier)) for n in names]
        for p in procs:
            p.start()
        for p in procs:
            p.join(120)
        assert all(p.exitcode == 0 for p in procs)
        assert sorted(s.name for s in validate(client).engagement.scenarios) == names


# ---------------------------------------------------------------------------------------------- 11: the scenarios only

def test_the_scenarios_file_holds_the_scenarios_only_and_older_copies_still_read(client):
    sid = _service(client)
    copy = scenario_copy(client / "intake.xlsx")
    # an older file: a whole copy of the intake (every sheet, with its data) plus the Scenarios sheet
    book = openpyxl.load_workbook(client / "intake.xlsx")
    sheet = book.create_sheet("Scenarios")
    sheet.append(["scenario", "changes", "who", "when"])
    sheet.append(["Old plan", f"exclude.{sid}", "Dana", "2026-06-01 09:00"])
    book.save(copy)
    result = validate(client)
    assert result.ok and [s.name for s in result.engagement.scenarios] == ["Old plan"]
    note = next(p for p in result.problems if p.code == "scenario.copy_sheets")
    assert not note.is_error and "ignored" in note.message and copy.name in note.message
    save_scenario(client, "New plan", [Change("effort", sid, 2.0)], who="Avi", when=WHEN)
    assert openpyxl.load_workbook(copy).sheetnames == ["Scenarios"]
    result = validate(client)
    assert result.ok and not [p for p in result.problems if p.code == "scenario.copy_sheets"]
    assert [(s.name, s.who, s.when) for s in result.engagement.scenarios] == [
        ("Old plan", "Dana", "2026-06-01 09:00"), ("New plan", "Avi", "2026-12-01 10:30")]


def test_a_hebrew_scenarios_file_is_one_right_to_left_sheet(tmp_path):
    folder = tmp_path / "neve-tamar"
    shutil.copytree(CLIENTS / "neve-tamar", folder)
    sid = _service(folder)
    copy = save_scenario(folder, "תוכנית הוועדה", [Change("exclude", sid)], lang="he", who="דנה", when=WHEN)
    book = openpyxl.load_workbook(copy)
    assert book.sheetnames == ["תרחישים"] and book.active.sheet_view.rightToLeft
    assert [c.value for c in book.active[1]][:2] == ["שם התרחיש", "שינויים"]
    assert [s.name for s in validate(folder).engagement.scenarios] == ["תוכנית הוועדה"]


# ---------------------------------------------------------------------------------------------- 8 and 13: as the report reads

@pytest.mark.parametrize("name", DEMOS)
def test_the_slider_set_on_a_shown_end_of_its_band_keeps_the_top(engagements, name):
    base = st.baseline(engagements[name], lang="en")
    wr = evaluate(base, st.initial_state(base))
    r = wr.result.score.normalised.to_numpy()
    weights = wr.result.score.weights
    n = wr.result.sensitivity.top_n

    def order_at(c: str, v: float) -> np.ndarray:
        w = pd.Series(st.rescale(dict(weights), c, v))[weights.index].to_numpy()
        return np.argsort(-(r @ w), kind="stable")

    for rng in wr.result.sensitivity.ranges:
        c = rng.criterion
        text = html.unescape(re.sub("<[^>]+>", "", views.range_band_html(wr, base, c)))
        lo, hi, first_lo, first_hi = (float(x) for x in re.findall(r"\d+\.\d\d", text)[-4:])
        top = set(order_at(c, rng.weight)[:n])
        first = order_at(c, rng.weight)[0]
        # (a weight of 0 or 1 leaves only the other criteria, or this one: ties there are the range's limit)
        for v in (x for x in (lo, hi) if 0 < x < 1):
            assert set(order_at(c, v)[:n]) == top, (name, c, v, text)
        for v in (x for x in (first_lo, first_hi) if 0 < x < 1):
            assert order_at(c, v)[0] == first, (name, c, v, text)


@pytest.mark.parametrize("name", DEMOS)
def test_shares_are_shown_as_the_report_rounds_them(engagements, name):
    base = st.baseline(engagements[name], lang="en")
    wr = evaluate(base, st.initial_state(base))
    acc = wr.result.acceptability
    table = views.acceptability_html(wr, base)
    ranking = views.ranking_html(wr, base)
    for sid in wr.result.order[:10]:
        first, top = float(acc.first[sid]), float(acc.top[sid])
        assert f"<td>{show(first, share_kind(first), 'en')}</td><td>{show(top, share_kind(top), 'en')}</td>" in table
        assert f"<td>{show(top, share_kind(top), 'en')}</td></tr>" in ranking
    assert views.share(0.9989, "en") == "99.9%" and views.share(0.0035, "en") == "0.4%"


# ---------------------------------------------------------------------------------------------- 14: an invalid intake

def test_the_workshop_on_an_invalid_intake_lists_its_problems_before_starting_voila(client, monkeypatch, capsys):
    from svcwork.cli import main
    from svcwork.workshop import ProblemsPage
    from svcwork.workshop.serve import launch

    book = openpyxl.Workbook()
    book.active.title = "Scenarios"
    book.active.append(["scenario", "changes"])
    book.active.append(["Typo", "colour.L01=3"])
    book.save(scenario_copy(client / "intake.xlsx"))
    with pytest.raises(IntakeError) as err:
        launch(client, port=8873)
    assert "scenario.change" in {p.code for p in err.value.problems}

    def no_voila(*args, **kwargs):
        raise AssertionError("Voilà started on an invalid intake")
    monkeypatch.setattr("subprocess.Popen", no_voila)
    assert main(["workshop", str(client), "--port", "8874"]) == 1
    out = capsys.readouterr()
    assert "[scenario.change]" in out.out and "colour.L01=3" in out.out
    page = ProblemsPage(client, err.value)
    assert "colour.L01=3" in page.describe() and "scenario.change" in page.html()
