"""svcwork.prioritize.analysis: ``analyse(engagement)`` on real intake workbooks, and its summary.

The engagement builder and the shared ``result`` are used by :mod:`test_prioritize_present` too.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from scipy import stats

import svcwork
from conftest import english_sheets, hebrew_sheets, write_xlsx
from svcwork import AnalysisError
from svcwork.intake import Settings
from svcwork.prioritize import ahp_weights, analyse

HEBREW = re.compile(r"[\u0590-\u05ff]")


# =========================================================================== analyse(engagement)
SERVICES = [
    ["service_id", "service_name", "unit", "effort", "benefit", "visibility", "annual_volume", "resources_days",
     "citizen_reach", "mandatory", "depends_on"],
    ["S1", "Parking permit", "Parking", 2, 5, 5, 12000, 10, 8000, "no", None],
    ["S2", "Property tax", "Revenue", 4, 4, 3, 30000, 25, 20000, "yes", "S1"],
    ["S3", "Welfare desk", "Welfare", 3, 2, 2, 800, 15, 600, "no", "S1, S2"],
    ["S4", "Building permit", "Engineering", 1, 4, 4, 3000, 5, 2500, "no", None],
    ["S5", "Bulky waste", "Sanitation", 1, 2, 5, 9000, 4, 7000, "no", None],
    ["S6", "Dog licence", "Veterinary", 5, 2, 1, 400, 30, 300, "no", None],
    ["S7", "Business licence", "Licensing", 2, 3, 4, 5000, 12, None, "no", "S4"],
]
CRITERIA = [["criterion", "direction", "weight"], ["benefit", "benefit", 0.5], ["visibility", "benefit", 0.2],
            ["effort", "cost", 0.3]]
PAIRWISE = [["criterion_a", "criterion_b", "value", "rater"],
            ["benefit", "visibility", 3, "Dana"], ["benefit", "effort", 2, "Dana"], ["visibility", "effort", "1/2", "Dana"],
            ["benefit", "visibility", 5, "Omer"], ["benefit", "effort", 1, "Omer"], ["effort", "visibility", 3, "Omer"]]


def engagement(tmp_path: Path, *, criteria=CRITERIA, pairwise=PAIRWISE, services=SERVICES, capacity=30, settings=()):
    sheets = english_sheets()
    sheets["Engagement"] = sheets["Engagement"] + [["waves", 3]] + ([["wave_capacity_days", capacity]] if capacity else [])
    sheets["Engagement"] += [list(row) for row in settings]
    sheets["Services"] = services
    if criteria:
        sheets["Criteria"] = criteria
    if pairwise:
        sheets["Pairwise"] = pairwise
    folder = tmp_path / "client"
    write_xlsx(folder / "intake.xlsx", sheets)
    return svcwork.load(folder)


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return analyse(engagement(tmp_path_factory.mktemp("prio")), n_samples=2000, seed=5)


def test_analyse_uses_ahp_from_the_pairwise_sheet_when_it_covers_the_criteria(result):
    # independent AIJ: element-wise geometric mean of the two raters' matrices (scipy), then AHP
    names = ["benefit", "visibility", "effort"]
    dana = pd.DataFrame([[1, 3, 2], [1 / 3, 1, 1 / 2], [1 / 2, 2, 1]], index=names, columns=names)
    omer = pd.DataFrame([[1, 5, 1], [1 / 5, 1, 1 / 3], [1, 3, 1]], index=names, columns=names)
    aij = pd.DataFrame(stats.gmean(np.stack([dana, omer]), axis=0), index=names, columns=names)
    expected = ahp_weights(aij)
    s = result.summary()
    assert s["method"] == "ahp"
    assert s["criteria_weights"] == pytest.approx(expected.weights.to_dict(), abs=1e-6)
    assert s["consistency_ratio"] == pytest.approx(expected.consistency_ratio, abs=1e-6)
    assert any("instead of the Criteria sheet" in n for n in s["notes"])


def test_summary_is_json_with_one_priority_per_service(result):
    s = json.loads(json.dumps(result.summary(), allow_nan=False))
    assert {"priorities", "criteria_weights", "consistency_ratio", "method"} <= set(s)
    pr = s["priorities"]
    assert [p["service_id"] for p in pr] == sorted((p["service_id"] for p in pr), key=lambda x: -result.score.scores[x])
    assert len(pr) == 7 and sorted(p["rank"] for p in pr) == list(range(1, 8))
    for p in pr:
        assert set(p) >= {"service_id", "score", "rank", "quadrant", "wave"}
        assert p["quadrant"] in {"quick_win", "major_project", "fill_in", "thankless"}
        assert p["wave"] is None or 1 <= p["wave"] <= 3
        assert (p["wave"] is None) == (p["deferred_reason"] is not None)
    # the score is the weighted sum of the normalised criteria shown in the contributions table
    w = s["criteria_weights"]
    s1 = (w["benefit"] * (5 - 1) / 4 + w["visibility"] * (5 - 1) / 4 + w["effort"] * (1 - (2 - 1) / 4))
    assert pr[0]["service_id"] == "S1" and pr[0]["score"] == pytest.approx(s1, abs=1e-6)


def test_the_roadmap_respects_the_intake(result):
    plan = result.plan
    wave = {s: (None if pd.isna(w) else int(w)) for s, w in plan.wave.items()}
    days = result.services["resources_days"].to_dict()
    for w in (1, 2, 3):
        assert sum(days[s] for s, x in wave.items() if x == w) <= 30
    assert wave["S2"] is not None  # mandatory
    for s, deps in {"S2": ["S1"], "S3": ["S1", "S2"], "S7": ["S4"]}.items():
        if wave[s] is not None:
            assert all(wave[d] is not None and wave[d] <= wave[s] for d in deps)
    visible_quick = [s for s in wave if result.quadrant[s] == "quick_win" and result.visible[s]]
    assert any(wave[s] == 1 for s in visible_quick)
    assert plan.value >= plan.greedy_value - 1e-9


def test_analyse_without_criteria_uses_stated_defaults(english_client):
    res = analyse(svcwork.load(english_client), n_samples=500)
    s = res.summary()
    assert s["method"] == "default"
    assert s["criteria_weights"] == pytest.approx({"benefit": 1 / 3, "visibility": 1 / 3, "effort": 1 / 3})
    assert s["consistency_ratio"] is None
    assert res.plan_unit == "effort_points"
    assert any("effort score" in n for n in s["notes"])
    assert len(s["priorities"]) == 3


def test_analyse_a_hebrew_client(hebrew_client):
    res = analyse(svcwork.load(hebrew_client), n_samples=500)
    assert res.language == "he" and res.available
    assert all(HEBREW.search(x) for x in res.findings("he"))


def test_incomplete_pairwise_falls_back_to_direct_weights(tmp_path):
    eng = engagement(tmp_path, pairwise=PAIRWISE[:2])
    res = analyse(eng, n_samples=500)
    s = res.summary()
    assert s["method"] == "direct"
    assert s["criteria_weights"] == pytest.approx({"benefit": 0.5, "visibility": 0.2, "effort": 0.3})
    assert any("misses" in n for n in s["notes"])


def test_infeasible_roadmap_is_explained_not_raised(tmp_path):
    eng = engagement(tmp_path)
    res = analyse(eng, n_samples=500, locked={"S2": 1, "S1": 3})
    s = res.summary()
    assert s["waves"]["feasible"] is False and all(p["wave"] is None for p in s["priorities"])
    assert any("before its dependency" in c for c in s["waves"]["conflicts"])
    assert "plan_conflicts" in res.tables("he")
    assert any(HEBREW.search(x) and "S2" in x for x in res.findings("he"))
    assert isinstance(res.figures("en")["waves"], Figure)


def with_locks(locks: dict) -> list:
    """SERVICES with a locked_wave column (blank for the services not in *locks*)."""
    return [SERVICES[0] + ["locked_wave"]] + [row + [locks.get(row[0])] for row in SERVICES[1:]]


def test_a_service_locked_in_the_services_sheet_lands_in_its_wave(tmp_path, result):
    # without a lock S6 (high effort, low benefit) is deferred for low value; the lock puts it in wave 3
    assert pd.isna(result.plan.wave["S6"]) and result.summary()["waves"]["locked"] == {}
    assert not any("locked to a wave" in n for n in result.summary()["notes"])  # old workbooks: no column, no lock
    res = analyse(engagement(tmp_path, services=with_locks({"S6": 3})), n_samples=500, seed=5)
    assert res.plan.wave["S6"] == 3
    s = res.summary()
    assert s["waves"]["locked"] == {"S6": 3}
    assert next(p for p in s["priorities"] if p["service_id"] == "S6")["wave"] == 3
    assert any("Services sheet" in n and "S6 (3)" in n for n in s["notes"])
    reasoning = res.tables("en")["priorities"].set_index("Service ID")["Reasoning"]
    assert "wave 3 (locked by the consultant)" in reasoning["S6"]
    assert HEBREW.search(res.tables("he")["priorities"].iloc[0, -1])
    # the Python argument takes precedence over the sheet for the services it names
    res2 = analyse(engagement(tmp_path / "again", services=with_locks({"S6": 3})), n_samples=500, locked={"S6": 2})
    assert res2.plan.wave["S6"] == 2 and res2.summary()["waves"]["locked"] == {"S6": 2}


def test_a_lock_the_roadmap_cannot_honour_is_explained(tmp_path):
    # S2 depends on S1: locking S2 to wave 1 and S1 to wave 3 cannot hold
    res = analyse(engagement(tmp_path, services=with_locks({"S2": 1, "S1": 3})), n_samples=500)
    s = res.summary()
    assert s["waves"]["feasible"] is False and s["waves"]["locked"] == {"S2": 1, "S1": 3}
    assert any("S2 is locked to wave 1, before its dependency S1, which is locked to wave 3" in c
               for c in s["waves"]["conflicts"])
    assert any(HEBREW.search(x) and "S2" in x and "S1" in x for x in res.findings("he"))


def _locked_after_intake(eng, sid: str, wave: int):
    """*eng* with *sid* locked to *wave* after the intake checked it (as a Python caller may build it)."""
    services = eng.table("Services").copy()
    services["locked_wave"] = pd.array([wave if x == sid else pd.NA for x in services["service_id"]], dtype="Int64")
    return dataclasses.replace(eng, tables={**eng.tables, "Services": services})


def test_a_lock_beyond_the_engagements_waves_is_a_roadmap_conflict_naming_the_row(tmp_path, hebrew_client):
    # wave 4 is beyond this engagement's 3 waves: the intake refuses it (review 2, D2, test_prioritize_review2), and an
    # engagement that reaches analyse anyway gets a roadmap conflict, not an exception: the other analyses still run
    eng = _locked_after_intake(engagement(tmp_path), "S3", 4)
    res = analyse(eng, n_samples=100)
    s = res.summary()
    assert res.plan is None and s["waves"]["feasible"] is False and s["priorities"]
    assert s["waves"]["conflicts"] == ["Services sheet, row 4: service S3 is locked to wave 4 (locked_wave), but the "
                                       "roadmap has 3 waves (Engagement sheet: waves). Expected a wave from 1 to 3, or "
                                       "a blank cell."]
    assert "S3 is locked to wave 4 in the Services sheet (row 4), beyond the last wave" in res.findings("en")[0]
    # a Hebrew workbook: the Hebrew column name, the message in Hebrew
    sheets = {k: [list(r) for r in v] for k, v in hebrew_sheets().items()}
    write_xlsx(tmp_path / "he" / "intake.xlsx", sheets, rtl=True)
    he = analyse(_locked_after_intake(svcwork.load(tmp_path / "he"), "S2", 5), n_samples=100)
    text = he.tables("he")["plan_conflicts"].iloc[0, 0]
    assert "השירות S2 נקבע לגל 5" in text and "שורה 5" in text and "בין 1 ל־3" in text
    # above the largest number of waves the intake allows, the intake itself rejects the cell
    write_xlsx(tmp_path / "big" / "intake.xlsx", {**english_sheets(), "Services": with_locks({"S1": 13})})
    problems = svcwork.validate(tmp_path / "big").problems
    assert any(p.is_error and p.column == "locked_wave" and p.code == "out_of_range" for p in problems)


def test_the_engagement_sheets_quick_win_minimum_is_honoured(tmp_path):
    assert "min_quick_wins" in {f.name for f in dataclasses.fields(Settings)}, \
        "svcwork.intake.Settings needs a min_quick_wins field for the Engagement setting in svcwork/schema.py"
    # the visible quick wins (benefit > 3, effort < 3, visibility > 3) are S1 and S4
    base = analyse(engagement(tmp_path / "none"), n_samples=500)
    assert base.summary()["waves"]["min_quick_wins"] == 1  # blank: one, if one fits
    res = analyse(engagement(tmp_path / "two", settings=[["min_quick_wins", 2]]), n_samples=500)
    s = res.summary()
    assert s["waves"]["min_quick_wins"] == 2 and res.plan.wave["S1"] == 1 and res.plan.wave["S4"] == 1
    assert any("at least 2 visible quick wins" in n for n in s["notes"])
    # a hard minimum from the sheet is not quietly relaxed: three cannot be met and the clash is named
    res = analyse(engagement(tmp_path / "three", settings=[["min_quick_wins", 3]]), n_samples=500)
    s = res.summary()
    assert s["waves"]["feasible"] is False
    assert any("At least 3 visible quick wins are required in wave 1, but only 2 can go there" in c
               for c in s["waves"]["conflicts"])
    # 0 turns the minimum off; the argument overrides the sheet
    assert analyse(engagement(tmp_path / "zero", settings=[["min_quick_wins", 0]]),
                   n_samples=500).summary()["waves"]["min_quick_wins"] == 0
    assert analyse(engagement(tmp_path / "arg", settings=[["min_quick_wins", 3]]), n_samples=500,
                   min_quick_wins=2).summary()["waves"]["feasible"] is True


def test_the_geometric_method_reports_the_gci_beside_the_cr(tmp_path, result):
    res = analyse(engagement(tmp_path), n_samples=500, ahp_method="geometric")
    s = res.summary()
    expected = ahp_weights(res.pairwise.aggregate, method="geometric")
    assert s["geometric_consistency_index"] == pytest.approx(expected.geometric_consistency_index, abs=1e-6)
    assert s["gci_threshold"] == 0.31 and s["consistency_ratio"] is not None
    table = res.tables("en")["ahp_consistency"].set_index("Measure")["Value"]
    assert table["GCI threshold (Aguarón & Moreno-Jiménez 2003)"] == "0.31"
    assert float(table["Geometric consistency index GCI (row geometric mean)"]) == pytest.approx(
        expected.geometric_consistency_index, abs=1e-3)
    assert any("geometric consistency index" in f for f in res.findings("en"))
    assert result.summary()["geometric_consistency_index"] is None  # the eigenvector method: CR only


def test_no_services_means_skipped(tmp_path):
    eng = engagement(tmp_path)
    empty = dataclasses.replace(eng, tables={**eng.tables, "Services": eng.tables["Services"].iloc[0:0]})
    res = analyse(empty)
    assert not res.available and res.summary()["priorities"] == []
    assert HEBREW.search(res.skipped("he")) and res.tables("en") == {} and res.figures("en") == {}
    assert res.findings("en") == [res.skipped("en")]


def test_a_capacity_for_each_wave_from_the_engagement_sheet(tmp_path):
    res = analyse(engagement(tmp_path / "ok", capacity=None, settings=[["wave_capacities", "20, 80, 10"]]),
                  n_samples=300)
    plan = res.plan
    assert tuple(plan.capacity) == (20.0, 80.0, 10.0)
    days = res.services["resources_days"]
    for w, cap in enumerate((20, 80, 10), start=1):  # every wave within its own capacity
        assert days[[s for s, v in plan.wave.items() if pd.notna(v) and v == w]].sum() <= cap
    # S2 (25 days, mandatory) cannot go into the 20-day first wave, and S1 (10 days) must precede it
    assert plan.wave["S2"] == 2 and plan.wave["S1"] == 1
    assert res.summary()["waves"]["capacity"] == [20.0, 80.0, 10.0]
    # as many figures as waves, all numbers: else the intake says so, with its row
    for bad, found in (("20, 80", 2), ("20, lots, 10", 3)):
        folder = tmp_path / f"bad{found}"
        sheets = english_sheets()
        sheets["Engagement"] = sheets["Engagement"] + [["waves", 3], ["wave_capacities", bad]]
        write_xlsx(folder / "intake.xlsx", sheets)
        problems = [p for p in svcwork.validate(folder).problems if p.code == "wave_capacities"]
        assert len(problems) == 1 and problems[0].is_error and problems[0].row is not None
        assert f"({found} entries)" in problems[0].message and problems[0].expected.startswith("3 numbers")


# =========================================================================== survey evidence in the analysis
def test_benefit_signal_is_shown_beside_the_rank_and_never_changes_the_score(tmp_path, result):
    eng = engagement(tmp_path)
    signal = {"S3": 0.6, "S6": 0.5, "S1": 0.1, "S2": 0.2, "S4": 0.1}  # mean 0.3: S3 and S6 stand out
    res = analyse(eng, n_samples=2000, seed=5, benefit_signal=pd.Series(signal))
    # the score, ranks, acceptability and roadmap are those of the run without a signal
    pd.testing.assert_series_equal(res.score.scores, result.score.scores)
    pd.testing.assert_series_equal(res.score.rank, result.score.rank)
    pd.testing.assert_series_equal(res.plan.wave, result.plan.wave)
    assert res.acceptability.top.equals(result.acceptability.top)
    assert res.survey_focus == ("S3", "S6")
    s = json.loads(json.dumps(res.summary(), allow_nan=False))
    got = {p["service_id"]: p["survey_signal"] for p in s["priorities"]}
    assert got == {"S1": 0.1, "S2": 0.2, "S3": 0.6, "S4": 0.1, "S5": None, "S6": 0.5, "S7": None}
    assert s["survey_focus"] == ["S3", "S6"] and any("does not change the weighted score" in n for n in s["notes"])
    assert all(p["survey_signal"] is None for p in result.summary()["priorities"])  # not given: None
    pri = res.tables("en")["priorities"].set_index("Service ID")
    assert pri.loc["S3", "Survey: % not agreeing on the focus items"] == 60.0
    assert pd.isna(pri.loc["S5", "Survey: % not agreeing on the focus items"])
    assert "survey says concentrate here: 60%" in pri.loc["S3", "Reasoning"] and "mean 30%" in pri.loc["S3", "Reasoning"]
    assert "survey" not in pri.loc["S1", "Reasoning"]  # below the mean: no sentence
    assert "Survey: % not agreeing on the focus items" not in result.tables("en")["priorities"].columns
    later = [sid for sid in ("S3", "S6") if res.wave_of(sid) != 1]
    assert later  # S3 waits for S1 and S2; S6 is a thankless task
    for lang in ("en", "he"):
        found = res.findings(lang)
        assert 1 <= len(found) <= 5
        survey = [f for f in found if all(sid in f for sid in later)]
        assert len(survey) == 1 and ("wave 1" in survey[0] if lang == "en" else HEBREW.search(survey[0]))
    he = res.tables("he")["priorities"]
    assert all(HEBREW.search(str(c)) for c in he.columns)


def test_an_empty_survey_signal_adds_no_evidence(english_client):
    from svcwork import links
    eng = svcwork.load(english_client)  # no survey companion file
    res = analyse(eng, n_samples=500, benefit_signal=links.benefit_signal(eng))
    assert res.survey_focus == () and all(p["survey_signal"] is None for p in res.summary()["priorities"])
    assert any("no benefit signal" in n for n in res.summary()["notes"])
    with pytest.raises(AnalysisError, match="between 0 and 1"):
        analyse(eng, n_samples=500, benefit_signal={"S1": 40})  # a percentage, not a share
