"""Management, three reviewed defects: an observer hidden from the table by observer recovered by
subtraction (secondary suppression, :func:`svcwork.management.observations.observer_scores`), a
coaching mean rounded twice (:func:`svcwork.management.present.tables`), and the last action round
named as a whole quarter although it is counted to the report date
(:func:`svcwork.management.present_text.takeaways`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil

import openpyxl
import pandas as pd
import pytest

import svcwork
from svcwork import links, management
from svcwork.keyfigures import plain
from svcwork.management.observations import _prepare_observations, publishable_observations
from svcwork.management.present import pack_tables, tables
from svcwork.paths import demo_clients_dir
from svcwork.report.pieces import typed_text
from svcwork.tables import column_kind

NORTHFIELD = "northfield-licensing"


@pytest.fixture(scope="module")
def northfield():
    eng = svcwork.load(demo_clients_dir() / NORTHFIELD)
    return eng, management.analyse(eng, **links.linked_findings(eng))


# --------------------------------------------------------------------------- A: observers, differencing
def _small_observer_client(tmp_path):
    """Northfield with a fourth observer, "Observer D", who scored only three employees (the
    reviewers' repro /tmp/review_privacy/f3_observer_differencing.py): Observer A's rows for the
    first three employees met are given to Observer D."""
    src, dst = demo_clients_dir() / NORTHFIELD, tmp_path / "small-observer"
    dst.mkdir()
    for name in ("intake.xlsx", "survey.csv", "training.csv"):
        if (src / name).exists():
            shutil.copy(src / name, dst / name)
    wb = openpyxl.load_workbook(dst / "intake.xlsx")
    moved: set = set()
    for row in wb["Observations"].iter_rows(min_row=2):
        emp, obs = row[3].value, row[2].value
        if obs == "Observer A" and (emp in moved or len(moved) < 3):
            moved.add(emp)
            row[2].value = "Observer D"
    wb.save(dst / "intake.xlsx")
    return svcwork.load(dst)


def _attack(t: dict[str, pd.DataFrame]) -> tuple[int, float]:
    """The reader's arithmetic on the shown tables only: the total count from the table by item,
    the overall mean from the "difference from overall mean" column, minus the shown observers."""
    by_obs, by_item = t["observations_by_observer"], t["observations_by_item"]
    co, ci = list(by_obs.columns), list(by_item.columns)
    n_o, mean_o, diff_o = by_obs[co[1]], by_obs[co[2]], by_obs[co[-1]]
    total = int(by_item[ci[1]].sum())
    overall = float((mean_o - diff_o).mean())
    n_hidden = total - int(n_o.sum())
    return n_hidden, (overall * total - float((n_o * mean_o).sum())) / n_hidden


def test_hidden_observer_cannot_be_recovered_by_subtraction(tmp_path):
    """Known answer (the reviewers' repro): Observer D scored 15 times on 3 employees (mean 3.27),
    below min_group_size 10; before the fix the attack returned n = 15, mean 3.26.  Now the next
    smallest observer (Observer A: 22 employees, 95 scores) is hidden too, so the subtraction gives
    the pooled A + D rows only: 110 scores on 25 employees."""
    eng = _small_observer_client(tmp_path)
    m = eng.settings.min_group_size
    r = management.analyse(eng)
    shown = set(r.observers["observer"])
    assert shown == {"Observer B", "Observer C"}
    n_hidden, _ = _attack(tables(r, "en"))
    base = publishable_observations(_prepare_observations(eng.table("Observations")), min_size=m)
    hidden = base[~base["observer"].isin(shown)]
    assert n_hidden == len(hidden) == 110 != int((base["observer"] == "Observer D").sum())
    assert hidden["employee_code"].nunique() >= m  # what subtraction recovers is a group of at least m people


def test_observer_table_unchanged_when_no_observer_is_hidden(northfield):
    """Northfield as delivered: every observer scored at least min_group_size employees (22, 27, 27),
    so the table by observer is plain observation_scores by observer, all three rows."""
    eng, r = northfield
    base = publishable_observations(_prepare_observations(eng.table("Observations")),
                                    min_size=eng.settings.min_group_size)
    plain_scores = management.observation_scores(base, by=["observer"], min_size=eng.settings.min_group_size)
    assert list(r.observers["observer"]) == ["Observer A", "Observer B", "Observer C"]
    pd.testing.assert_frame_equal(r.observers.drop(columns="difference"), plain_scores)


def test_observer_scores_secondary_suppression_by_hand():
    """Hand-made: observers P (6 employees), Q (7), R (2) and rows without an observer (1 employee),
    min_size 5.  R is hidden (2 < 5); R with the unnamed rows pool 3 employees < 5, so P (the
    smallest shown) is hidden too; with min_size 2 nothing but the unnamed row (1 employee) is
    out, and that forces R (2 employees, the smallest) out as well."""
    day = pd.Timestamp(2026, 1, 5)
    rows = ([(day, "U", "P", f"p{i}", "listening", 3) for i in range(6)]
            + [(day, "U", "Q", f"q{i}", "listening", 4) for i in range(7)]
            + [(day, "U", "R", f"r{i}", "listening", 2) for i in range(2)]
            + [(day, "U", None, "z0", "listening", 5)])
    frame = pd.DataFrame(rows, columns=["date", "unit", "observer", "employee_code", "item", "score"])
    assert list(management.observer_scores(frame, min_size=5)["observer"]) == ["Q"]
    assert list(management.observer_scores(frame, min_size=2)["observer"]) == ["P", "Q"]
    named = frame.dropna(subset=["observer"])
    assert list(management.observer_scores(named, min_size=2)["observer"]) == ["P", "Q", "R"]


# --------------------------------------------------------------------------- B: one rounding
def test_coaching_mean_reads_the_same_everywhere(northfield):
    """Known answer: Northfield's Customer Service Desk scored "containing anger" 22 times, sum 45,
    mean 45/22 = 2.04545…; rounded once to two decimals: 2.05 — in the coaching-focus table (it
    read 2.04 after rounding to 2.045 first), the unit × item table (results.xlsx) and the unit page."""
    eng, r = northfield
    unit, item = "Customer Service Desk", "containing anger"
    obs = eng.table("Observations")
    cell = obs[(obs["unit"] == unit) & (obs["item"] == item)]["score"]
    assert (len(cell), int(cell.sum())) == (22, 45)
    t = tables(r, "en")
    shown = []
    for slug in ("coaching_focus", "observations_by_unit_item"):
        f = t[slug]
        row = f[(f[f.columns[0]] == unit) & (f.eq("containing anger").any(axis=1))]
        mean_col = management.present._col("mean", "en")
        value = row[mean_col].iat[0]
        shown.append(typed_text(value, "en", column_kind(f, mean_col)))
        assert value == 2.05
    pack = next(p for p in r.unit_packs() if p.unit == unit)
    page = pack_tables(pack, "en")["observations"]
    value = page.loc[page[page.columns[0]] == "containing anger", management.present._col("mean", "en")].iat[0]
    shown.append(typed_text(value, "en", column_kind(page, management.present._col("mean", "en"))))
    assert shown == ["2.05", "2.05", "2.05"]
    # the slopes keep their three decimals
    cf = t["coaching_focus"]
    slope = cf.loc[(cf[cf.columns[0]] == unit) & cf.eq("containing anger").any(axis=1),
                   management.present._col("slope", "en")].iat[0]
    assert slope == round(float(r.coaching.set_index(["unit", "item"]).loc[(unit, item), "slope"]), 3)


# --------------------------------------------------------------------------- C: the last round's label
def test_last_round_sentence_names_what_was_counted(northfield):
    """Known answer from Northfield's Actions sheet: the report date is 2026-10-31, inside Q4 2026;
    11 not-cancelled actions are due before 2026-10-31 (A18 is due on the day: not late yet; 15 by
    2026-12-31).  The sentence counts what is due before the report date, as the overdue count does
    (so "not yet done" are the overdue actions), and says so in both languages."""
    eng, r = northfield
    acts = eng.table("Actions")
    live = acts[acts["status"] != "cancelled"]
    due = pd.to_datetime(live["due_date"])
    assert eng.settings.period_end.isoformat() == "2026-10-31"
    assert int((due < "2026-10-31").sum()) == 11 and int((due <= "2026-12-31").sum()) == 15
    en = plain(r.takeaways("en")["actions_rounds"])
    he = plain(r.takeaways("he")["actions_rounds"])
    assert en.startswith("Due before 2026-10-31, the report date (within Q4 2026): 11 actions;"), en
    assert en.endswith(f"not yet done: {r.summary()['actions']['overdue']}."), en
    assert "end of" not in en
    assert "31/10/2026" in he and "מועד הדוח" in he and "לפני" in he and "עד סוף" not in he, he


def test_last_round_sentence_at_a_period_end_counts_before_the_report_date(northfield):
    """When the report date is the round's last day the sentence still counts what is due before it, as the
    overdue count does: Northfield's rounds counted to 2026-12-31 (known answer from the Actions sheet: 15
    not-cancelled actions due before then, none on the day) read "Due before 2026-12-31 … 15 actions"."""
    eng, r = northfield
    rounds = management.burn_down_by_round(r.actions, report_date=dt.date(2026, 12, 31),
                                           start=eng.settings.period_start)
    assert rounds["date"].iloc[-1] == pd.Timestamp("2026-12-31") and int(rounds["due"].iloc[-1]) == 15
    text = plain(dataclasses.replace(r, rounds=rounds).takeaways("en")["actions_rounds"])
    assert text.startswith("Due before 2026-12-31, the report date (within Q4 2026): 15 actions;"), text
