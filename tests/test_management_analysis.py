"""Management, the whole engagement: :func:`svcwork.management.analyse` and ``summary()``
(:mod:`svcwork.management.analysis`, :mod:`svcwork.management.result`); options and errors."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import english_sheets, write_xlsx

import svcwork
from svcwork import charts
from svcwork.errors import AnalysisError
from svcwork.management import analyse

HEBREW = re.compile(r"[\u0590-\u05ff]")


EMPLOYEES = {"Parking": [f"E{i:03d}" for i in range(1, 8)], "Revenue": [f"R{i:03d}" for i in range(1, 8)]}


ITEMS = ["listening", "containing anger", "setting boundaries kindly", "complete solution", "closing"]


def _client(folder, *, small_team: bool = True):
    rng = np.random.default_rng(5)
    sheets = english_sheets()  # min_group_size 5, period 2026-01-01 .. 2026-06-30
    obs = [["date", "unit", "observer", "employee_code", "item", "score"]]
    for unit, emps in EMPLOYEES.items():
        for month in range(1, 7):
            for e in emps:
                for j, item in enumerate(ITEMS):
                    drift = -0.25 * (month - 1) if item == "closing" else 0.0
                    s = int(np.clip(round(4.2 - 0.3 * j + drift + rng.normal(0, 0.6)), 1, 5))
                    day = dt.date(2026, month, 10)
                    obs.append([day, unit, "Observer A", e, item, s])
                    if month % 2 == 0:
                        obs.append([day, unit, "Observer B", e, item, int(np.clip(s + rng.choice([-1, 0, 0, 1]), 1, 5))])
            # an item scored on only two people of the unit: suppressed everywhere
            obs += [[dt.date(2026, month, 11), unit, "Observer A", emps[k], "greeting", 1] for k in range(2)]
    if small_team:  # one person, many scores: the unit must never appear with a score
        obs += [[dt.date(2026, m, 12), "Archive", "Observer A", "Z999", item, 1] for m in range(1, 7) for item in ITEMS]
    sheets["Observations"] = obs
    sheets["Actions"] = [
        ["action_id", "action", "owner", "due_date", "status", "finding", "service_id", "source"],
        ["A1", "Publish checklist", "Head of parking", dt.date(2026, 3, 1), "open", "long queues", "S1", "journey"],
        ["A2", "Listening workshop", "Head of parking", dt.date(2026, 5, 1), "in progress", "listening", "S1", "observation"],
        ["A3", "New IVR menu", "Head of revenue", dt.date(2026, 2, 1), "done", "calls dropped", "S2", "kpi"],
        ["A4", "Boundaries training", "Head of revenue", dt.date(2026, 9, 1), "open", "setting boundaries", "S2",
         "observation"],
        ["A5", "Old idea", "COO", dt.date(2026, 1, 15), "cancelled", None, None, None],
    ]
    sheets["Lessons"] = [
        ["date", "unit", "event", "category", "lesson", "action_id"],
        [dt.date(2026, 1, 5), "Revenue", "System outage", "Systems", "Runbook", "A3"],
        [dt.date(2026, 3, 5), "Revenue", "Outage again", "Systems", None, None],
        [dt.date(2026, 4, 5), "Parking", "Angry citizen", "Conduct", None, None],
    ]
    write_xlsx(folder / "intake.xlsx", sheets)
    lines = ["employee_code,skill,pre_score,post_score,unit,date"]
    for unit, emps in EMPLOYEES.items():
        for e in emps:
            for skill in ("listening", "closing"):
                pre = round(float(rng.uniform(2, 3.5)), 1)
                lines.append(f"{e},{skill},{pre},{round(pre + float(rng.uniform(0.1, 0.9)), 1)},{unit},2026-03-20")
    lines += [f"Z999,listening,2.0,4.0,Archive,2026-03-20"]
    (folder / "training.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def engagement(tmp_path_factory):
    return svcwork.load(_client(tmp_path_factory.mktemp("mgmt") / "agency"))


@pytest.fixture(scope="module")
def result(engagement):
    return analyse(engagement, pain_points=["long queues", "no signage"], kpi_signals=["Answered within 60 s"],
                   employee_table=True)


def test_summary_keys_and_json(result):
    s = result.summary()
    json.dumps(s, allow_nan=False)
    # open = not done yet = not started + in progress; overdue is part of open
    assert s["actions"] == {"open": 3, "overdue": 2, "done": 1, "not_started": 2, "in_progress": 1, "cancelled": 1,
                            "total": 5}
    assert s["actions"]["open"] == s["actions"]["not_started"] + s["actions"]["in_progress"]
    assert s["observations"]["n"] > 0
    lowest = s["observations"]["lowest_items"]
    assert [x["item"] for x in lowest][0] == "closing"
    assert lowest == sorted(lowest, key=lambda x: x["mean"])
    assert set(s["training"]) == {"listening", "closing"}
    for v in s["training"].values():
        assert set(v) == {"mean_change", "low", "high", "n"}
        assert v["low"] < v["mean_change"] < v["high"] and v["n"] == 14  # the Archive trainee is not pooled
    cal = s["observations"]["calibration"]
    assert cal["n"] > 0 and cal["kappa_low"] < cal["kappa"] < cal["kappa_high"]
    # one pair of observers (A and B): its own row, ICC(2,1) with the F interval
    assert cal["icc_method"] == "icc_2_1" and cal["icc_interval"] == "f" and cal["seed"] is None
    assert cal["icc_low"] < cal["icc"] < cal["icc_high"]
    assert [r["round"] for r in s["action_rounds"]] == ["2026Q1", "2026Q2"]
    assert s["lessons"] == {"n": 3, "with_action": 1, "without_action": 2, "top_category": "Systems"}
    assert s["findings_without_action"] >= 2  # "no signage" and the KPI signal


def test_analyse_with_only_an_action_plan(english_client):
    eng = svcwork.load(english_client)
    res = analyse(eng)
    assert res.available and res.has_actions and not res.has_observations and not res.has_training
    assert "observations" in res.skipped("en") and HEBREW.search(res.skipped("he"))
    s = res.summary()
    json.dumps(s, allow_nan=False)
    assert s["actions"]["overdue"] == 1 and s["observations"] == {"n": 0, "sessions": 0, "lowest_items": [],
                                                                  "calibration": None}
    assert s["training"] == {}
    assert "actions_overdue" in res.tables("he") and "observations_by_item" not in res.tables("he")
    for fig in res.figures("en").values():
        charts.close(fig)
    assert res.findings("en")


def test_analyse_without_any_management_data(tmp_path):
    sheets = english_sheets()
    del sheets["Actions"]
    eng = svcwork.load(write_xlsx(tmp_path / "c" / "intake.xlsx", sheets).parent)
    res = analyse(eng)
    assert not res.available
    assert res.tables("en") == {} and res.figures("he") == {}
    assert res.findings("he") == [res.skipped("he")]
    assert HEBREW.search(res.skipped("he"))
    assert res.summary()["actions"]["total"] == 0
    assert res.unit_packs() == ()


def test_analyse_options_are_checked(engagement):
    with pytest.raises(AnalysisError, match="period"):
        analyse(engagement, period="W")
    with pytest.raises(AnalysisError, match="alpha"):
        analyse(engagement, alpha=5)
    with pytest.raises(AnalysisError, match="Engagement"):
        analyse(pd.DataFrame())


def test_inputs_are_not_mutated(engagement):
    before = {k: engagement.table(k) for k in ("Observations", "Actions", "Lessons")}
    training = engagement.training.copy()
    analyse(engagement, period="Q")
    for k, frame in before.items():
        pd.testing.assert_frame_equal(frame, engagement.table(k))
    pd.testing.assert_frame_equal(training, engagement.training)


def test_burn_down_across_measurement_rounds(engagement):
    earlier = engagement.table("Actions").assign(status="open")
    res = analyse(engagement, previous_actions={"2026Q1": earlier})
    rounds = res.tables("en")["actions_rounds"]
    assert rounds.iloc[:, 0].tolist() == ["Q1 2026", "2026-06-30"]  # named as the words name periods (i18n.fmt_period)
    assert rounds["Remaining"].tolist() == [5, 3]
    figs = res.figures("he")
    assert "actions_rounds" in figs
    for fig in figs.values():
        charts.close(fig)


# --------------------------------------------------------------------------- every message through the catalogue


PACKAGE = Path(svcwork.__file__).parent / "management"


def test_every_analysis_error_is_a_catalogue_message():
    from svcwork.i18n import CATALOGUE, placeholders
    keys = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and getattr(node.exc.func, "id", "") == "AnalysisError":
                msg = node.exc.args[0]
                assert isinstance(msg, ast.Call) and getattr(msg.func, "id", "") == "t", f"{path.name}:{node.lineno}"
                if isinstance(msg.args[0], ast.Constant):
                    key = msg.args[0].value
                    assert key in CATALOGUE, key
                    given = {k.arg for k in msg.keywords}
                    assert placeholders(CATALOGUE[key]["en"]) == given, (key, given)
                    keys.add(key)
    assert len(keys) >= 25
    # every error key of the catalogue is used
    errors = {k for k in CATALOGUE if k.startswith("management.error.")}
    assert errors - keys <= {"management.error.raters_shape", "management.error.ratings_shape"}  # passed as a variable


def test_error_messages_keep_their_english_wording_and_have_hebrew(engagement):
    with pytest.raises(AnalysisError) as err:
        analyse(engagement, period="W")
    assert str(err.value) == "period: expected 'M' (months) or 'Q' (quarters), found 'W'."
    with pytest.raises(AnalysisError) as err:
        analyse(engagement, alpha=5)
    assert str(err.value) == "alpha: expected a number between 0 and 1 (e.g. 0.05), found 5."
    with pytest.raises(AnalysisError) as err:
        analyse(pd.DataFrame())
    assert str(err.value) == "analyse: expected an Engagement (svcwork.load), found DataFrame."
    from svcwork.i18n import t
    assert HEBREW.search(t("management.error.period", "he", found="'W'"))
