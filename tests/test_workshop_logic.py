"""The workshop's logic without a browser: state in, results out.

Known answers come from independent computations written here — the weighted sum by hand, the
proportional rescaling by hand, the top-N set on a fine grid of weights, SMAA counted draw by draw
— and from :func:`svcwork.prioritize.analyse` run on a form edited by hand (pandas, not the
workshop's :func:`apply_changes`), so the workshop's numbers are the report's numbers.
"""

from __future__ import annotations

import dataclasses
import html
from types import MappingProxyType

import numpy as np
import pandas as pd
import pytest

from conftest import ROOT
from svcwork import prioritize
from svcwork.intake import load
from svcwork.intake.scenarios import format_changes, parse_changes
from svcwork.workshop import state as st
from svcwork.workshop import views
from svcwork.workshop.compute import evaluate

CLIENTS = ROOT / "data" / "clients"
DEMOS = sorted(p.name for p in CLIENTS.iterdir() if (p / "intake.xlsx").is_file())


@pytest.fixture(scope="module")
def engagements() -> dict:
    return {name: load(CLIENTS / name) for name in DEMOS}


@pytest.fixture(scope="module")
def northfield(engagements):
    return st.baseline(engagements["northfield-licensing"])


def test_moving_one_weight_rescales_the_others_proportionally():
    out = st.rescale({"a": 0.5, "b": 0.3, "c": 0.2}, "a", 0.6)
    assert out == pytest.approx({"a": 0.6, "b": 0.24, "c": 0.16})  # 0.3 × 0.4/0.5, 0.2 × 0.4/0.5
    assert st.rescale({"a": 1.0, "b": 0.0, "c": 0.0}, "a", 0.4) == pytest.approx({"a": 0.4, "b": 0.3, "c": 0.3})
    assert sum(st.rescale({"a": 0.2, "b": 0.5, "c": 0.3}, "c", 1.7).values()) == pytest.approx(1.0)


def _hand_scores(services: pd.DataFrame, weights: dict, directions: dict) -> pd.Series:
    """The weighted sum written out: 1–5 scores on their scale, other columns min–max; costs reversed;
    missing cells the median of the normalised column."""
    total = pd.Series(0.0, index=services.index)
    wsum = sum(weights.values())
    for c, w in weights.items():
        x = services[c].astype(float)
        lo, hi = (1.0, 5.0) if c in ("effort", "benefit", "visibility") else (x.min(), x.max())
        r = ((x - lo) / (hi - lo)).clip(0, 1)
        if directions[c] == "cost":
            r = 1 - r
        total += w / wsum * r.fillna(r.median())
    return total


@pytest.mark.parametrize("name", DEMOS)
def test_scores_after_a_weight_move_are_the_hand_computed_weighted_sum(engagements, name):
    base = st.baseline(engagements[name])
    first = next(iter(base.weights))
    state = st.with_weight(st.initial_state(base), first, 0.55)
    wr = evaluate(base, state)
    services = engagements[name].table("Services").set_index("service_id")
    rounded = {c: round(w, 6) for c, w in state.weights.items()}  # a scenario keeps six decimals
    expected = _hand_scores(services, rounded, dict(base.directions))
    got = wr.result.score.scores
    assert got.to_dict() == pytest.approx(expected.reindex(got.index).to_dict(), abs=1e-9)
    ranks = (-expected).rank(method="min").astype(int)
    assert (wr.rank == ranks.reindex(wr.rank.index)).all()
    assert (wr.moved == base.result.score.rank - wr.rank).all()


def test_the_workshop_gives_analyse_numbers_on_a_form_edited_by_hand(engagements, northfield):
    base = northfield
    sid, other, third = base.services[0], base.services[4], base.services[6]
    state = st.with_weight(st.initial_state(base), "benefit", 0.5)
    state = st.with_service(state, base, other, "effort", 1)
    state = st.with_wave(state, base, other, 2)
    state = st.with_wave(state, base, third, st.EXCLUDE)
    state = st.with_capacity(state, 1, 70)
    wr = evaluate(base, state)
    # the same choices made on the form itself, with pandas
    eng = engagements["northfield-licensing"]
    criteria = pd.DataFrame({"criterion": list(state.weights), "direction": [base.directions[c] for c in state.weights],
                             "weight": [round(w, 6) for w in state.weights.values()]})
    services = eng.table("Services")
    services.loc[services["service_id"] == other, "effort"] = 1
    services.loc[services["service_id"] == other, "locked_wave"] = 2
    services[prioritize.analysis.EXCLUDED_COLUMN] = services["service_id"] == third
    caps = list(base.capacities)
    caps[0] = 70.0
    edited = dataclasses.replace(eng, tables=MappingProxyType({**eng.tables, "Criteria": criteria, "Services": services,
                                                               "Pairwise": eng.tables["Pairwise"].iloc[0:0]}),
                                 settings=dataclasses.replace(eng.settings, wave_capacities=tuple(caps)))
    ref = prioritize.analyse(edited)
    res = wr.result
    assert res.score.scores.to_dict() == pytest.approx(ref.score.scores.to_dict(), abs=1e-12)
    assert res.plan.wave.astype("Float64").fillna(-1).to_dict() == ref.plan.wave.astype("Float64").fillna(-1).to_dict()
    assert res.acceptability.acceptability.equals(ref.acceptability.acceptability)
    assert res.wave_of(other) == 2 and res.wave_of(third) is None
    assert res.plan.reasons[third][0] == "excluded"
    # capacity use is the sum of the planned services' person-days (from the form, by hand)
    days = services.set_index("service_id")["resources_days"].astype(float)
    days = days.fillna(days.median())
    for _, row in res.plan.load.iterrows():
        members = [s for s in res.order if res.wave_of(s) == row["wave"]]
        assert row["used"] == pytest.approx(float(days[members].sum()))
        assert row["used"] <= row["capacity"] + 1e-9
    assert res.plan.capacity[0] == 70.0
    assert sid in res.order


@pytest.mark.parametrize("name", DEMOS)
def test_weight_ranges_are_where_the_top_holds_on_a_fine_grid(engagements, name):
    base = st.baseline(engagements[name])
    wr = evaluate(base, st.initial_state(base))
    r = wr.result.score.normalised.to_numpy()
    weights = wr.result.score.weights
    n = wr.result.sensitivity.top_n

    def top_at(c: str, v: float) -> set:
        w = pd.Series(st.rescale(dict(weights), c, v))[weights.index].to_numpy()
        return set(np.argsort(-(r @ w), kind="stable")[:n])

    for rng in wr.result.sensitivity.ranges:
        now = top_at(rng.criterion, rng.weight)
        inside = np.linspace(rng.lower, rng.upper, 41)[1:-1]
        assert all(top_at(rng.criterion, v) == now for v in inside), rng
        if rng.upper < 1 - 1e-3:
            assert top_at(rng.criterion, min(1.0, rng.upper + 1e-4)) != now, rng
        if rng.lower > 1e-3:
            assert top_at(rng.criterion, max(0.0, rng.lower - 1e-4)) != now, rng
        band = views.range_band_html(wr, base, rng.criterion)
        assert f"left:{rng.lower * 100:.1f}%" in band


def test_smaa_at_the_current_weights_is_the_count_of_ranks_over_the_same_draws(engagements):
    base = st.baseline(engagements["neve-tamar"], n_samples=500)
    state = st.with_weight(st.initial_state(base), "visibility", 0.4)
    wr = evaluate(base, state)
    acc = wr.result.acceptability
    w = wr.result.score.weights.to_numpy()
    r = wr.result.score.normalised.to_numpy()[:, w > 0]
    draws = np.random.default_rng(acc.seed).dirichlet(acc.concentration * w[w > 0], size=500)
    counts = np.zeros((len(r), len(r)))
    for d in draws:
        for rank, i in enumerate(np.argsort(-(r @ d))):
            counts[i, rank] += 1
    assert np.allclose(acc.acceptability.to_numpy(), counts / 500)


def test_changes_are_only_what_differs_and_read_back_as_the_same_state(northfield):
    base = northfield
    start = st.initial_state(base)
    assert st.changes(start, base) == ()
    sid = base.services[1]
    state = st.with_service(start, base, sid, "benefit", 5)
    state = st.with_service(state, base, sid, "benefit", base.values[(sid, "benefit")])  # moved back: no change
    assert st.changes(state, base) == ()
    state = st.with_weight(state, "effort", 0.1)
    state = st.with_wave(state, base, sid, 1)
    state = st.with_quick_wins(state, 2)
    items = st.changes(state, base)
    text = format_changes(items)
    parsed, bad = parse_changes(text)
    assert bad == () and parsed == items
    again = st.from_changes(base, parsed)
    assert st.changes(again, base) == items
    assert {c.kind for c in items} == {"weight", "wave", "quick_wins"}


def test_parse_changes_says_what_is_wrong_with_each_item():
    changes, bad = parse_changes("weight.benefit=0.4; colour.S1=3\nwave.S2=free; exclude.S3; capacity.x=3; "
                                 "quick_wins=1.5; weight.height=2; effort.S1")
    assert [c.token() for c in changes] == ["weight.benefit=0.4", "wave.S2=free", "exclude.S3"]
    assert dict(bad) == {"colour.S1=3": "kind", "capacity.x=3": "target", "quick_wins=1.5": "value",
                         "weight.height=2": "criterion", "effort.S1": "value"}


def test_views_escape_the_form_and_follow_the_language(engagements):
    eng = engagements["neve-tamar"]
    services = eng.table("Services")
    services.loc[0, "service_name"] = "<script>window.__pwned=1</script>"
    hostile = dataclasses.replace(eng, tables=MappingProxyType({**eng.tables, "Services": services}))
    base = st.baseline(hostile)
    wr = evaluate(base, st.with_weight(st.initial_state(base), "benefit", 0.9))
    for text in (views.ranking_html(wr, base), views.roadmap_html(wr, base), views.matrix_svg(wr, base),
                 views.acceptability_html(wr, base)):
        assert "<script>" not in text and 'dir="rtl"' in text
    assert html.escape("<script>") in views.ranking_html(wr, base)
    assert "▲" in views.ranking_html(wr, base) or "▼" in views.ranking_html(wr, base)
    english = st.baseline(hostile, lang="en")
    assert 'dir="ltr"' in views.ranking_html(evaluate(english, st.initial_state(english)), english)


def test_the_widgets_recompute_on_a_slider_move_without_a_browser(engagements, northfield, tmp_path):
    from svcwork.workshop.widgets import Workshop

    ui = Workshop(northfield, client=CLIENTS / "northfield-licensing")
    assert ui.current.changes == () and "svcwork-rtl" not in ui.view._dom_classes
    before = ui.ranking.value
    got = ui.set_weight("benefit", 0.8)
    expected = evaluate(northfield, st.with_weight(st.initial_state(northfield), "benefit", 0.8))
    assert got.result.score.scores.equals(expected.result.score.scores)
    assert sum(s.value for s in ui.weights.values()) == pytest.approx(1.0)
    assert ui.weights["effort"].value == pytest.approx(expected.state.weights["effort"])
    assert ui.ranking.value != before and ui.ranking.value == views.ranking_html(expected, northfield)
    ui.service.value = northfield.services[2]
    ui.wave.value = st.EXCLUDE
    assert ui.current.result.wave_of(northfield.services[2]) is None
    assert ("exclude", northfield.services[2]) in {(c.kind, c.target) for c in ui.current.changes}
    ui.reset.click()
    assert ui.current.changes == () and ui.weights["benefit"].value == pytest.approx(northfield.weights["benefit"])
    hebrew = Workshop(st.baseline(engagements["neve-tamar"]), client=CLIENTS / "neve-tamar")
    assert "svcwork-rtl" in hebrew.view._dom_classes and "גל 1" in hebrew.describe()
