"""svcwork.prioritize.figures: the key figures of a prioritisation and the display rules that decide
what a sentence may claim (issue #18).

References: the largest-remainder (Hamilton / Hare–Niemeyer) method is checked against the worked
example of Wikipedia's "Largest remainder method" article (Hare quota, 10 seats: 5-2-1-1-1-0) and
against a second method, the brute-force apportionment that minimises the squared deviations
(Hamilton's method does; Birkhoff 1976, *PNAS* 73:684–686); the sensitivity range against a direct
re-scoring of the services at the shown bounds; the rank correlation against scipy.stats.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from svcwork.i18n import CATALOGUE, fmt_percent, t
from svcwork.keyfigures import DIGITS, KeyFigure, show
from svcwork.prioritize import analyse
from svcwork.prioritize.figures import (DEFERRED_REASONS, inward_range, key_figures, rounded_parts, share_kind,
                                        wave_members)
from test_prioritize_analysis import engagement


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return analyse(engagement(tmp_path_factory.mktemp("prio-figures")), n_samples=2000, seed=5)


@pytest.fixture(scope="module")
def figs(result):
    return {f.key: f for f in key_figures(result)}


# =========================================================================== display rules
@pytest.mark.parametrize("value, kind, shown", [
    (0.7483, "share1", "74.8%"),   # issue #18: "at least 75%" while one value was 0.748
    (0.2515, "share", "25%"),      # rounds down: a whole percentage claims no more than the value
    (0.9989, "share1", "99.9%"),   # not every sample: never "100%"
    (0.0011, "share1", "0.1%"),    # not none: never "0%"
    (1.0, "share", "100%"),
    (0.0, "share", "0%"),
    (0.65, "share", "65%"),        # exactly a round figure
    (0.6536, "share", "65%"),
    (0.8315, "share", "83%"),
    (0.7461, "share1", "74.6%"),   # 75% would still overstate it
    (0.7361, "share", "74%"),      # rounded up, but not onto a round figure
])
def test_a_share_is_shown_so_that_its_rounding_never_overstates_it_onto_a_round_figure(value, kind, shown):
    assert share_kind(value) == kind
    assert show(value, share_kind(value), "en") == shown
    if kind == "share1":  # the plain whole percentage would have claimed a round figure the value does not reach
        assert fmt_percent(value) != shown
    assert abs(float(shown.rstrip("%")) - 100 * value) <= (0.05 if kind == "share1" else 0.5) + 1e-9


def test_the_largest_remainder_method_reproduces_the_published_worked_example():
    # Wikipedia, "Largest remainder method", Hare quota example: 100,000 votes, 10 seats
    votes = [47_000, 16_000, 15_800, 12_000, 6_100, 3_100]
    shares = [v / sum(votes) for v in votes]
    seats = [round(10 * x) for x in rounded_parts(shares, 1, total=1.0)]
    assert seats == [5, 2, 1, 1, 1, 0]
    assert [round(10 * x) for x in (round(s, 1) for s in shares)] == [5, 2, 2, 1, 1, 0]  # plain rounding: 11 seats


def _brute_force(parts, digits, total):
    """The apportionment nearest the exact parts (least squares) among the floor/ceiling choices."""
    scale = 10 ** digits
    exact = [p * scale for p in parts]
    target = round(round(total, digits) * scale)
    best, best_cost = None, math.inf
    for choice in itertools.product(*[(math.floor(x), math.floor(x) + 1) for x in exact]):
        if sum(choice) == target:
            cost = sum((c - x) ** 2 for c, x in zip(choice, exact))
            if cost < best_cost - 1e-12:
                best, best_cost = choice, cost
    return [b / scale for b in best]


@pytest.mark.parametrize("seed", range(25))
def test_the_shown_parts_add_up_to_the_shown_total_and_agree_with_a_second_method(seed):
    rng = np.random.default_rng(seed)
    w = rng.dirichlet(np.ones(rng.integers(2, 7)))
    parts = list(w * rng.uniform(0.2, 1.0, len(w)))
    total = sum(parts)
    shown = rounded_parts(parts, 2, total=total)
    assert round(sum(shown), 9) == round(total, 2)
    assert all(abs(s - p) < 0.01 for s, p in zip(shown, parts))  # no part moves a whole unit
    assert shown == pytest.approx(_brute_force(parts, 2, total), abs=1e-12)


def test_the_issue_example_adds_up_now():
    # northfield-licensing L01: 0.24 + 0.26 + 0.20 + 0.13 was shown for a score of 0.82
    parts = [0.2376, 0.2578, 0.1953, 0.1342]  # parts of that kind: each rounds as shown, their sum 0.8249
    assert [round(p, 2) for p in parts] == [0.24, 0.26, 0.20, 0.13] and round(sum(parts), 2) == 0.82
    shown = rounded_parts(parts, 2)
    assert round(sum(shown), 9) == 0.82 and shown == [0.24, 0.26, 0.19, 0.13]


def test_a_range_is_rounded_inwards_and_keeps_the_current_value():
    assert inward_range(0.1134, 0.5678, 0.17) == (0.12, 0.56)
    assert inward_range(0.0, 0.2651, 0.2335) == (0.0, 0.26)
    assert inward_range(0.23001, 0.6, 0.23005) == (0.23005, 0.6)  # never past the current weight


# =========================================================================== the registry
def test_every_figure_has_a_name_and_a_definition_in_both_languages(figs):
    assert figs
    for f in figs.values():
        assert isinstance(f, KeyFigure) and f.section == "prioritization" and f.kind in DIGITS
        for suffix in ("", ".def"):
            key = f"prioritize.figure.{f.name}{suffix}"
            assert key in CATALOGUE, key
            for lang in ("en", "he"):
                text = t(key, lang, item=f.item or "")
                assert text and "{" not in text
        if f.base is not None:
            assert f.base_of and f"figure.base.{f.base_of}" in CATALOGUE


def test_every_figure_names_a_table_the_section_shows(tmp_path, result, figs):
    inconsistent = analyse(engagement(tmp_path, pairwise=[["criterion_a", "criterion_b", "value"],
                                                          ["benefit", "visibility", 5], ["visibility", "effort", 5],
                                                          ["effort", "benefit", 5]]), n_samples=200)
    for res, registry_ in ((result, figs), (inconsistent, {f.key: f for f in key_figures(inconsistent)})):
        slugs = set(res.tables("en"))
        assert {f.table for f in registry_.values()} <= slugs
    assert "prioritize.judgement_given" in {f.key for f in key_figures(inconsistent)}


def test_the_figures_are_the_results_numbers(result, figs):
    n = len(result.order)
    for sid in result.order:
        # the score is the weighted sum of the normalised criteria (recomputed here)
        expected = float(result.score.normalised.loc[sid] @ result.weights.reindex(result.score.normalised.columns))
        assert figs[f"prioritize.score.{sid}"].value == pytest.approx(expected, abs=1e-12)
        p = figs[f"prioritize.p_top.{sid}"]
        assert p.value == pytest.approx(float(result.acceptability.acceptability.loc[sid, 1:result.top_n].sum()))
        assert p.base == 2000 and p.base_of == "samples" and p.kind == share_kind(p.value)
    assert sum(figs[f"prioritize.weight.{c}"].value for c in result.weights.index) == pytest.approx(1.0)
    assert figs["prioritize.services"].value == n and figs["prioritize.top_n"].value == result.top_n
    plan = result.plan
    assert figs["prioritize.planned"].value + figs["prioritize.deferred"].value == n
    assert sum(figs[f"prioritize.deferred_{c}"].value for c in DEFERRED_REASONS) == figs["prioritize.deferred"].value
    assert sum(figs[f"prioritize.wave_services.{w}"].value for w in range(1, plan.waves + 1)) == \
        figs["prioritize.planned"].value
    assert figs["prioritize.wave_services.1"].value == len(wave_members(result, 1))
    # the roadmap's value, recomputed from the waves and the discount
    disc = figs["prioritize.discount"].value
    value = sum(float(result.score.scores[s]) * disc ** (int(w) - 1) for s, w in plan.wave.items() if pd.notna(w))
    assert figs["prioritize.plan_value"].value == pytest.approx(value)
    assert figs["prioritize.gain"].value == pytest.approx((plan.value - plan.greedy_value) / plan.greedy_value)
    rho = stats.spearmanr(result.score.scores, result.topsis.closeness.reindex(result.score.scores.index)).statistic
    assert figs["prioritize.rank_correlation"].value == pytest.approx(rho)
    assert figs["prioritize.quick_wins"].value == sum(result.quadrant == "quick_win")


def test_the_sensitivity_range_holds_at_every_shown_weight(result, figs):
    # re-score the services with the weight moved (the others rescaled in proportion): the top N stays the same
    # at the shown bounds and between them — the sentence "stays the same while between x% and y%" holds
    r = result.score.normalised
    w0 = result.weights.reindex(r.columns)
    top = set(result.order[: result.top_n])
    for c in r.columns:
        f = figs[f"prioritize.weight.{c}"]
        lo, hi = f.low, f.high
        assert lo <= f.value <= hi
        for v in np.linspace(lo, hi, 41):
            w = w0 * (1 - v) / (1 - w0[c]) if w0[c] < 1 else w0 * 0
            w[c] = v
            scores = r @ w
            inside = min(scores[s] for s in top)
            outside = max(scores[s] for s in scores.index if s not in top)
            # no service outside the top N overtakes one inside (ties may touch)
            assert outside <= inside + 1e-12, (c, v)
