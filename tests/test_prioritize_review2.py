"""Review 2 of the service prioritisation (/work/notes/review2-prio.md, defects D1–D14): each test fails on the
code the review read and holds the fix.

Sources of the known answers:

* exact ties (D1) — hand arithmetic, and :class:`fractions.Fraction` for the sweep: with equal weights a service
  with effort 1, benefit 2, visibility 2 scores ((5 − 1)/4 + (2 − 1)/4 + (2 − 1)/4)/3 = (1 + ¼ + ¼)/3 = ½ — the
  review wrote the parts as (¼ + ¼ + 1)/3 — one with effort 1, benefit 1, visibility 3 scores (1 + 0 + ½)/3 = ½
  and one with 3, 3, 3 scores (½ + ½ + ½)/3 = ½: all three exactly ½, so all rank 1, listed in intake order;
* roadmaps (D3–D5) — small enough to solve by hand: with 10-day services, 10 days per wave and a discount of 0.8,
  a plan's value is Σ score · 0.8^(wave − 1); the alternatives are listed in each test;
* wording (D7–D11, D14) — the catalogue's own text and the glossary (/work/shared/docs/glossary.md: "rank
  acceptability | הסתברות לדירוג", "weight | משקל").
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

import svcwork
from conftest import english_sheets, write_xlsx
from svcwork import AnalysisError
from svcwork.i18n import t
from svcwork.prioritize import analyse, compare_methods, plan_waves, sensitivity, topsis, wsm
from svcwork.prioritize import scoring

HEADER = ["service_id", "service_name", "unit", "effort", "benefit", "visibility", "annual_volume", "resources_days",
          "citizen_reach", "mandatory", "depends_on"]
LANGS = ("en", "he")


def _service(sid, effort, benefit, visibility, days=10, mandatory="no", depends=None):
    return [sid, f"Service {sid}", "Unit", effort, benefit, visibility, 1000, days, 900, mandatory, depends]


def _engagement(folder, services, *, settings=(), criteria=None, header=HEADER):
    sheets = {k: [list(r) for r in v] for k, v in english_sheets().items()}
    for k in ("Criteria", "Pairwise", "Channels"):  # Channels names services of the example
        sheets.pop(k, None)
    sheets["Engagement"] = sheets["Engagement"] + [list(r) for r in settings]
    sheets["Services"] = [header] + [list(r) for r in services]
    if criteria:
        sheets["Criteria"] = criteria
    write_xlsx(folder / "intake.xlsx", sheets)
    return svcwork.load(folder)


# =========================================================================== D1: exact ties share their rank
TIED = [_service("S1", 1, 2, 2), _service("S2", 1, 1, 3), _service("S3", 3, 3, 3), _service("S4", 5, 1, 1)]


def test_scores_equal_but_for_floating_point_noise_rank_alike_in_intake_order():
    frame = pd.DataFrame([r[3:6] for r in TIED], index=[r[0] for r in TIED], columns=["effort", "benefit", "visibility"])
    res = wsm(frame, [1 / 3] * 3, ["cost", "benefit", "benefit"])
    assert res.scores[["S1", "S2", "S3"]].tolist() == [0.5, 0.5, 0.5]  # hand arithmetic (module docstring)
    assert res.rank.tolist() == [1, 1, 1, 4]
    assert scoring.score_order(res.scores).tolist() == [0, 1, 2, 3]
    # the cross-check and the comparison rank on the same rule
    noisy = pd.Series([0.49999999999999994, 0.5, 0.5, 0.0], index=res.scores.index)
    assert scoring.score_rank(noisy).tolist() == [1, 1, 1, 4]
    assert compare_methods(noisy, res.scores, top_n=1).flagged == ()
    # sensitivity's reversals follow the same order: S1 is first, ahead of S2
    sens = sensitivity(res.normalised, res.weights, top_n=2)
    assert (sens.reversals[0].ahead, sens.reversals[0].behind) == ("S1", "S2")


def test_the_analysis_ranks_exact_ties_alike_in_every_table_and_the_summary(tmp_path):
    res = analyse(_engagement(tmp_path, TIED, settings=[["waves", 2]]), n_samples=200)
    table = res.tables("en")["priorities"]
    assert table["Rank"].tolist() == [1, 1, 1, 4] and table["Service ID"].tolist() == ["S1", "S2", "S3", "S4"]
    assert [(p["service_id"], p["rank"], p["score"]) for p in res.summary()["priorities"]] == [
        ("S1", 1, 0.5), ("S2", 1, 0.5), ("S3", 1, 0.5), ("S4", 4, 0.0)]
    assert res.order == ["S1", "S2", "S3", "S4"]
    # ties in the roadmap in intake order too (D4): S1 and S2 first
    assert [res.wave_of(s) for s in ("S1", "S2", "S3")] == [1, 1, 2]


@pytest.mark.parametrize("weights", [(1, 1, 1), (5, 3, 2), (35, 25, 40)])
def test_every_exact_tie_of_the_1_to_5_scores_shares_its_rank(weights):
    # the review's sweep (t_floatties.py): every effort × benefit × visibility combination, exact scores by Fraction
    combos = list(itertools.product(range(1, 6), repeat=3))
    frame = pd.DataFrame(combos, columns=["effort", "benefit", "visibility"])
    total = sum(weights)
    exact = [sum(Fraction(w, total) * Fraction(x, 4) for w, x in zip(weights, (5 - e, b - 1, v - 1)))
             for e, b, v in combos]
    res = wsm(frame, [w / total for w in weights], ["cost", "benefit", "benefit"])
    expected = [1 + sum(other > mine for other in exact) for mine in exact]  # rank "min": 1 + how many score higher
    assert res.rank.tolist() == expected


def test_topsis_ranks_equal_closeness_alike():
    # two identical services have identical closeness whatever the arithmetic: one rank
    res = topsis(np.array([[1.0, 2.0], [1.0, 2.0], [2.0, 1.0]]), [0.5, 0.5], ["benefit", "benefit"])
    assert res.rank.iloc[0] == res.rank.iloc[1]
    assert scoring.score_key(pd.Series([0.1 + 0.2])).iloc[0] == scoring.score_key(pd.Series([0.3])).iloc[0]


# =========================================================================== D2: a lock beyond the last wave
@pytest.mark.parametrize("lang", LANGS)
def test_validate_refuses_a_locked_wave_beyond_the_engagements_waves(tmp_path, lang):
    folder = tmp_path / "locked"
    sheets = {k: [list(r) for r in v] for k, v in english_sheets().items()}
    sheets["Engagement"] = sheets["Engagement"] + [["waves", 3]]
    sheets["Services"] = [HEADER + ["locked_wave"], _service("S1", 2, 4, 5) + [4], _service("S2", 4, 4, 3) + [3]]
    write_xlsx(folder / "intake.xlsx", sheets)
    result = svcwork.validate(folder, lang=lang)
    found = [p for p in result.problems if p.code == "locked_wave_range"]
    assert len(found) == 1 and not result.ok  # wave 3 of 3 is fine, wave 4 is not
    (p,) = found
    assert p.is_error and p.row == 2 and p.column == "locked_wave" and p.value == "4"
    assert p.expected == t("intake.expected.locked_wave_range", lang, waves=3)
    assert p.message == t("intake.locked_wave_range", lang, value="4", waves=3, n=3)
    assert ("3 waves" in p.message) if lang == "en" else ("3 גלים" in p.message)
    with pytest.raises(svcwork.IntakeError):
        svcwork.load(folder)


def test_a_python_lock_beyond_the_last_wave_is_a_conflict_not_an_exception(tmp_path):
    eng = _engagement(tmp_path, TIED, settings=[["waves", 2]])
    res = analyse(eng, n_samples=100, locked={"S1": 3})
    assert res.plan is None and res.summary()["waves"]["conflicts"] == [
        "Service S1 is locked to wave 3, but the roadmap has 2 waves."]
    # the Services sheet's column, set after the intake (as a caller may): a conflict naming the row
    services = eng.table("Services").copy()
    services["locked_wave"] = pd.array([5, None, None, None], dtype="Int64")
    res = analyse(dataclasses.replace(eng, tables={**eng.tables, "Services": services}), n_samples=100)
    assert res.plan is None and "row 2: service S1 is locked to wave 5" in res.summary()["waves"]["conflicts"][0]
    assert res.tables("en")["priorities"]["Rank"].tolist() == [1, 1, 1, 4]  # the rest of the analysis runs


# =========================================================================== D3: the first finding is true to the plan
def test_the_first_finding_does_not_claim_a_departure_when_the_roadmap_follows_the_score(tmp_path):
    # the review's t_topdiffers.py: one 10-day service per 10-day wave; the score order S1, S2, S3 fills waves 1, 2, 3
    eng = _engagement(tmp_path, [_service("S1", 2, 4, 5), _service("S2", 4, 4, 3), _service("S3", 1, 2, 2)],
                      settings=[["waves", 3], ["wave_capacity_days", 10]],
                      criteria=[["criterion", "direction", "weight"], ["benefit", "benefit", 3],
                                ["visibility", "benefit", 2], ["effort", "cost", 1]])
    res = analyse(eng, n_samples=200)
    assert res.plan.wave.tolist() == res.plan.greedy_wave.tolist() == [1, 2, 3]
    en, he = res.findings("en")[0], res.findings("he")[0]
    assert "does not simply follow the score" not in en and "אינה הולכת אחרי הציון בלבד" not in he
    assert "where filling the waves simply in score order would: S2 is in wave 2." in en
    assert "כפי" not in he and "מילוי הגלים פשוט לפי סדר הציונים: S2 בגל 2." in he
    # with three services, "the highest" names two, never the lowest as well (D9)
    assert "S3 (" not in en.split("Ranked by score")[1]


def test_the_first_finding_names_the_services_the_roadmap_moves_from_the_score_order(tmp_path):
    # S1 scores (1/2 + 1 + 1)/3 = 5/6 and needs a whole 10-day wave; S2 and S3 score (1/2 + 3/4 + 3/4)/3 = 2/3 with
    # 5 days each.  Score order: S1 in wave 1, S2 and S3 in wave 2: 5/6 + 0.8 · 4/3 = 1.9; the roadmap: S2 and S3
    # first, S1 in wave 2: 4/3 + 0.8 · 5/6 = 2.0
    eng = _engagement(tmp_path, [_service("S1", 3, 5, 5, days=10), _service("S2", 3, 4, 4, days=5),
                                 _service("S3", 3, 4, 4, days=5)], settings=[["waves", 2], ["wave_capacity_days", 10]])
    res = analyse(eng, n_samples=200)
    assert res.plan.wave.tolist() == [2, 1, 1] and res.plan.greedy_wave.tolist() == [1, 2, 2]
    assert res.plan.value == pytest.approx(4 / 3 + 0.8 * 5 / 6) and res.plan.greedy_value == pytest.approx(
        5 / 6 + 0.8 * 4 / 3)
    assert "so it does not simply follow the score: S1 is in wave 2." in res.findings("en")[0]


# =========================================================================== D4: ties broken by score, then intake order
@pytest.mark.parametrize("reverse", [False, True])
def test_tied_services_fill_the_waves_in_intake_order_whatever_the_row_order(tmp_path, reverse):
    # the review's t_ties.py: six identical 10-day services, 20 days per wave: two per wave, any two alike
    rows = [_service(f"S{i}", 3, 4, 4) for i in range(1, 7)]
    rows = rows[::-1] if reverse else rows
    res = analyse(_engagement(tmp_path, rows, settings=[["waves", 3], ["wave_capacity_days", 20]]), n_samples=200)
    assert [res.wave_of(r[0]) for r in rows] == [1, 1, 2, 2, 3, 3]
    score = float(res.score.scores.iloc[0])
    assert res.plan.value == pytest.approx(2 * score * (1 + 0.8 + 0.64))  # the optimum, unchanged by the tie-break


def test_the_tie_break_puts_the_higher_score_first_among_services_the_constraints_treat_alike():
    values = pd.Series({"A": 0.5, "B": 0.9, "C": 0.5, "D": 0.9})
    plan = plan_waves(values, pd.Series(10.0, index=values.index), waves=2, capacity=20)
    assert plan.wave.to_dict() == {"A": 2, "B": 1, "C": 2, "D": 1}
    assert plan.value == pytest.approx(1.8 + 0.8 * 1.0)


# =========================================================================== D5, D6: an honest baseline, in the table
def test_the_score_order_fill_places_a_quick_win_with_what_it_depends_on():
    # Q (a visible quick win, the best score) depends on D; one quick win is required in wave 1 of 20 days
    values = pd.Series({"Q": 0.9, "X": 0.8, "D": 0.3})
    plan = plan_waves(values, pd.Series(10.0, index=values.index), waves=2, capacity=20, dependencies={"Q": ["D"]},
                      quick_wins=["Q"], min_quick_wins=1)
    assert plan.greedy_wave.to_dict() == {"Q": 1, "X": 2, "D": 1} and plan.greedy_feasible
    assert plan.greedy_value == pytest.approx(0.9 + 0.3 + 0.8 * 0.8)


def test_the_waves_table_shows_the_score_order_fill_the_findings_quote(tmp_path):
    eng = _engagement(tmp_path, [_service("S1", 3, 5, 5, days=10), _service("S2", 3, 4, 4, days=5),
                                 _service("S3", 3, 4, 4, days=5)], settings=[["waves", 2], ["wave_capacity_days", 10]])
    res = analyse(eng, n_samples=200)
    for lang in LANGS:
        waves = res.tables(lang)["waves"]
        value = waves[t("prioritize.col.wave_value", lang, discount="0.8")]
        simple = waves[t("prioritize.col.simple_value", lang, discount="0.8")]
        assert value.tolist() == [1.33, 0.67] and simple.tolist() == [0.83, 1.07]  # 4/3, 0.8·5/6; 5/6, 0.8·4/3
        assert waves[t("prioritize.col.simple_services", lang)].tolist() == ["S1", "S2, S3"]
        roadmap = res.findings(lang)[1]
        assert "2.00" in roadmap and "1.90" in roadmap and f"{simple.sum():.2f}" == "1.90"
    # D7: the value column says it is discounted, with the discount
    assert "Value (discounted, ×0.8 per wave)" in res.tables("en")["waves"].columns
    assert "ערך (מהוון, ×0.8 לכל גל)" in res.tables("he")["waves"].columns


def test_no_gain_is_quoted_over_a_baseline_that_breaks_a_constraint(tmp_path):
    # one wave of 20 days, one visible quick win required: the fill takes the best quick win Q1 (15 days) and has no
    # room left for the mandatory M (15 days); the roadmap takes Q2 (5 days) and M
    eng = _engagement(tmp_path, [_service("Q1", 1, 5, 5, days=15), _service("Q2", 2, 4, 4, days=5),
                                 _service("M", 5, 1, 1, days=15, mandatory="yes")],
                      settings=[["waves", 1], ["wave_capacity_days", 20]])
    res = analyse(eng, n_samples=100)
    assert res.plan.wave.isna().tolist() == [True, False, False]  # Q1 deferred; Q2 and M in wave 1
    assert not res.plan.greedy_feasible and res.plan.greedy_value > res.plan.value
    assert "prioritize.gain" not in {f.key for f in res.key_figures()}
    roadmap = res.findings("en")[1]
    assert "more)" not in roadmap and "That simple order would also break a constraint" in roadmap


# =========================================================================== D8–D11: wording
def test_headers_name_the_top_n_and_words_agree_with_their_counts(tmp_path):
    res = analyse(_engagement(tmp_path, TIED, settings=[["waves", 2]]), n_samples=200)
    assert "Share of weight samples in the top 4" in res.tables("en")["priorities"].columns
    assert "Top 4 holds from" in res.tables("en")["sensitivity"].columns
    assert "4 הראשונים נשמרים מ־" in res.tables("he")["sensitivity"].columns
    assert not [c for tables in (res.tables("en"), res.tables("he")) for tab in tables.values()
                for c in tab.columns if "{n}" in str(c) or "top N" in str(c)]


def test_a_single_service_is_not_called_the_highest(tmp_path):
    res = analyse(_engagement(tmp_path, [_service("S1", 2, 4, 5)], settings=[["waves", 3]]), n_samples=100)
    for lang in LANGS:
        text = " ".join(res.findings(lang)) + " ".join(res.takeaways(lang).values())
        assert "highest-scoring services" not in text and "are all in wave 1" not in text
        assert "of one service" not in text and "מתוך שירות אחד" not in text
    assert "1 of 1 service in 3 waves" in res.findings("en")[1]


def test_a_quick_win_minimum_of_zero_reads_as_no_minimum(tmp_path):
    res = analyse(_engagement(tmp_path, TIED, settings=[["waves", 2], ["min_quick_wins", 0]]), n_samples=100)
    notes = " ".join(res.summary()["notes"])
    assert "at least 0" not in notes and "sets no minimum of visible quick wins" in notes


def test_low_value_is_per_person_day_in_the_singular():
    text = {lang: t("prioritize.deferred.low_value", lang, value="0.10", unit=t("prioritize.unit.days", lang),
                    unit_one=t("prioritize.unit_one.days", lang)) for lang in LANGS}
    assert "per person-day than" in text["en"] and "לכל יום עבודה" in text["he"]


def test_hebrew_uses_the_glossarys_terms_for_rank_acceptability():
    assert "הסתברות לדירוג" in t("prioritize.methods.robustness", "he", samples="1", concentration="1", seed="1")
    assert "קבילות" not in t("prioritize.methods.robustness", "he", samples="1", concentration="1", seed="1")


# =========================================================================== D12: a direction against the column
def test_a_cost_marked_as_a_benefit_is_flagged_at_intake(tmp_path):
    eng = _engagement(tmp_path, TIED, criteria=[["criterion", "direction", "weight"], ["benefit", "benefit", 0.4],
                                                ["visibility", "benefit", 0.2], ["effort", "benefit", 0.4]])
    (p,) = [p for p in eng.problems if p.code == "criterion_direction"]
    assert p.severity == "warning" and p.row == 4 and p.column == "direction" and p.expected == "cost"
    assert "“effort”" in p.message and "“benefit”" in p.message


# =========================================================================== D13: the public API
def test_wsm_refuses_a_weight_that_is_not_a_number_in_the_catalogues_words():
    frame = pd.DataFrame({"benefit": [4, 2], "effort": [2, 3]})
    with pytest.raises(AnalysisError) as err:
        wsm(frame, {"benefit": "high", "effort": 0.5})
    assert str(err.value) == t("prioritize.error.weight_not_number", "en", name="benefit", value="high")
    with pytest.raises(AnalysisError):
        wsm(frame, ["high", 0.5])


def test_wsm_refuses_values_off_a_fixed_scale_rather_than_clip_them():
    with pytest.raises(AnalysisError, match=re.escape("on its scale from 1 to 5; found 8 for service 0")):
        wsm(pd.DataFrame({"benefit": [8, 2], "effort": [9, 2]}), [0.5, 0.5])


# =========================================================================== D14: messages
def test_plan_input_messages_read_well_in_both_languages(tmp_path):
    with pytest.raises(AnalysisError) as err:
        plan_waves(pd.Series({"A": 0.5, "C": 0.4}), pd.Series({"A": 1.0}), waves=1, capacity=5)
    assert str(err.value) == "Expected a resources figure for service C; none was given."
    res = analyse(_engagement(tmp_path, TIED, settings=[["waves", 2]]), n_samples=100, locked={"NOPE": 1})
    he = res.tables("he")["plan_conflicts"].iloc[0, 0]
    assert "NOPE" in he and not re.search(r"[A-Za-z]{4,}", he.replace("NOPE", ""))  # Hebrew throughout
    assert res.tables("en")["plan_conflicts"].iloc[0, 0] == (
        "The roadmap could not be planned: Service “NOPE” in the locked services is not among the services to plan.")
