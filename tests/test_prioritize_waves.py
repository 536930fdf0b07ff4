"""svcwork.prioritize.waves: the roadmap's integer program, checked against brute-force enumeration."""

from __future__ import annotations

import itertools
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from svcwork import AnalysisError
from svcwork.prioritize import InfeasiblePlanError, plan_waves

HEBREW = re.compile(r"[\u0590-\u05ff]")


# =========================================================================== waves
def violations(wave: dict, *, values, days, W, cap, deps, mandatory, locked, quick, min_quick, same_wave) -> list[str]:
    """An independent checker of every roadmap constraint (wave: service -> 1..W or None)."""
    out = []
    for w in range(1, W + 1):
        load = sum(days[s] for s, x in wave.items() if x == w)
        if load > cap[w - 1] + 1e-9:
            out.append(f"capacity {w}")
    for s, ds in deps.items():
        if wave[s] is None:
            continue
        for d in ds:
            if wave[d] is None or (wave[d] > wave[s] if same_wave else wave[d] >= wave[s]):
                out.append(f"dependency {s}->{d}")
    out += [f"mandatory {s}" for s in mandatory if wave[s] is None]
    out += [f"locked {s}" for s, w in locked.items() if wave[s] != w]
    if sum(1 for s in quick if wave[s] == 1) < min_quick:
        out.append("quick wins")
    return out


def brute_force(discount, **inst):
    ids = list(inst["values"])
    best, best_wave = None, None
    for combo in itertools.product(range(inst["W"] + 1), repeat=len(ids)):
        wave = {s: (w or None) for s, w in zip(ids, combo)}
        if violations(wave, **inst):
            continue
        value = sum(inst["values"][s] * discount ** (w - 1) for s, w in wave.items() if w)
        if best is None or value > best + 1e-12:
            best, best_wave = value, wave
    return best, best_wave


@st.composite
def roadmaps(draw):
    n = draw(st.integers(1, 6))
    W = draw(st.integers(1, 3))
    ids = [f"S{i}" for i in range(n)]
    values = {s: draw(st.integers(0, 20)) / 10 for s in ids}
    days = {s: float(draw(st.integers(0, 8))) for s in ids}
    if draw(st.booleans()):  # tight: the waves hold about half of the work, so the optimiser must choose
        cap = [float(max(1, int(sum(days.values()) / (2 * W)) + draw(st.integers(-1, 1)))) for _ in range(W)]
    else:
        cap = [float(draw(st.integers(0, 16))) for _ in range(W)]
    deps = {s: [ids[j] for j in range(i) if draw(st.integers(0, 3)) == 0] for i, s in enumerate(ids)}
    mandatory = [s for s in ids if draw(st.integers(0, 6)) == 0]
    locked = {s: draw(st.integers(1, W)) for s in ids if draw(st.integers(0, 8)) == 0}
    quick = [s for s in ids if draw(st.booleans())]
    min_quick = draw(st.sampled_from([0, 0, 0, 1, 1, 2]))
    return dict(values=values, days=days, W=W, cap=cap, deps=deps, mandatory=mandatory, locked=locked, quick=quick,
                min_quick=min_quick, same_wave=draw(st.booleans()), discount=draw(st.sampled_from([0.5, 0.8, 1.0])))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inst=roadmaps())
def test_plan_waves_equals_brute_force_and_respects_every_constraint(inst):
    best, _ = brute_force(**inst)
    call = dict(waves=inst["W"], capacity=inst["cap"], dependencies=inst["deps"], mandatory=inst["mandatory"],
                locked=inst["locked"], quick_wins=inst["quick"], min_quick_wins=inst["min_quick"],
                discount=inst["discount"], same_wave=inst["same_wave"], mip_rel_gap=0.0)
    if best is None:
        with pytest.raises(InfeasiblePlanError) as err:
            plan_waves(inst["values"], inst["days"], **call)
        assert err.value.conflicts
        event("infeasible: " + ",".join(sorted({c.code for c in err.value.conflicts})))
        for c in err.value.conflicts:
            assert c.text("en") and HEBREW.search(c.text("he"))
        return
    plan = plan_waves(inst["values"], inst["days"], **call)
    event(f"feasible, {int(plan.wave.isna().sum())} deferred")
    wave = {s: (None if pd.isna(w) else int(w)) for s, w in plan.wave.items()}
    checker = {k: v for k, v in inst.items() if k != "discount"}
    assert violations(wave, **checker) == []
    assert plan.value == pytest.approx(best, abs=1e-6)
    greedy = {s: (None if pd.isna(w) else int(w)) for s, w in plan.greedy_wave.items()}
    broken = violations(greedy, **checker)
    assert not [v for v in broken if v.startswith(("capacity", "dependency"))
                and not any(s in v for s in inst["locked"])]
    if plan.greedy_feasible:
        assert broken == [] and plan.greedy_value <= plan.value + 1e-9
    assert set(plan.reasons) == {s for s, w in wave.items() if w is None}


def test_every_deferred_service_gets_its_reason():
    values = {"A": 0.9, "B": 0.8, "C": 0.5, "D": 0.1, "E": 0.0, "F": 0.2}
    days = {"A": 10, "B": 10, "C": 2, "D": 50, "E": 1, "F": 5}
    plan = plan_waves(values, days, waves=1, capacity=20, dependencies={"C": ["D"]}, mip_rel_gap=0.0)
    assert plan.wave.dropna().index.tolist() == ["A", "B"]
    assert {s: r[0] for s, r in plan.reasons.items()} == {"C": "dependency", "D": "capacity", "E": "low_value",
                                                          "F": "low_value"}
    assert plan.reasons["C"][1]["dependency"] == "D"


def test_locked_and_mandatory_services_and_earlier_waves_first():
    values = {"A": 0.9, "B": 0.2, "C": 0.5}
    plan = plan_waves(values, {"A": 5, "B": 5, "C": 5}, waves=3, capacity=5, mandatory=["B"], locked={"C": 3},
                      mip_rel_gap=0.0)
    assert plan.wave.to_dict() == {"A": 1, "B": 2, "C": 3}
    assert plan.value == pytest.approx(0.9 + 0.2 * 0.8 + 0.5 * 0.64)


def test_same_wave_dependencies_are_a_stated_choice():
    kw = dict(waves=2, capacity=10, dependencies={"B": ["A"]}, mip_rel_gap=0.0)
    assert plan_waves({"A": 1, "B": 1}, {"A": 1, "B": 1}, **kw).wave.to_dict() == {"A": 1, "B": 1}
    assert plan_waves({"A": 1, "B": 1}, {"A": 1, "B": 1}, same_wave=False, **kw).wave.to_dict() == {"A": 1, "B": 2}


def conflict_codes(**kw):
    with pytest.raises(InfeasiblePlanError) as err:
        plan_waves(**kw)
    assert "solver" not in str(err.value).lower() and "status" not in str(err.value).lower()
    return {c.code: c for c in err.value.conflicts}


def test_infeasible_plans_name_the_clashing_constraints():
    base = dict(values={"A": 1, "B": 1, "C": 1}, resources={"A": 8, "B": 8, "C": 8}, waves=2, capacity=10)
    codes = conflict_codes(**base, mandatory=["A", "B", "C"])
    assert codes["required_over_capacity"].params["days"] == "24"
    assert "24" in codes["required_over_capacity"].text("en") and "24" in codes["required_over_capacity"].text("he")
    codes = conflict_codes(**base, dependencies={"A": ["B"]}, locked={"A": 1, "B": 2})
    assert codes["locked_before_dependency"].params == {"service": "A", "wave": 1, "dependency": "B",
                                                         "dependency_wave": 2}
    codes = conflict_codes(**base, quick_wins=["A"], min_quick_wins=2)
    assert codes["quick_wins_too_few"].params == {"required": 2, "available": 1}
    codes = conflict_codes(**base, locked={"A": 3})
    assert "locked_wave_range" in codes
    codes = conflict_codes(values={"A": 1}, resources={"A": 12}, waves=2, capacity=10, mandatory=["A"])
    assert codes["too_large"].params == {"service": "A", "days": "12", "capacity": "10"}


def test_quick_wins_sharing_a_dependency_are_not_double_counted():
    # Q1 and Q2 both need D in wave 1: 8 + 1 + 1 = 10 days fit exactly (closures summed separately would be 18)
    plan = plan_waves({"Q1": 1, "Q2": 1, "D": 0.1}, {"Q1": 1, "Q2": 1, "D": 8}, waves=1, capacity=10,
                      dependencies={"Q1": ["D"], "Q2": ["D"]}, quick_wins=["Q1", "Q2"], min_quick_wins=2,
                      mip_rel_gap=0.0)
    assert plan.wave.to_dict() == {"Q1": 1, "Q2": 1, "D": 1}
    codes = conflict_codes(values={"Q1": 1, "Q2": 1}, resources={"Q1": 6, "Q2": 5}, waves=2, capacity=10,
                           quick_wins=["Q1", "Q2"], min_quick_wins=2)
    assert codes["quick_wins_capacity"].params == {"required": 2, "days": "11", "capacity": "10"}


def test_a_clash_the_prechecks_miss_is_named_by_constraint_group():
    # M (mandatory) needs D in an earlier wave; D fills most of wave 1, where a quick win Q is also required
    codes = conflict_codes(values={"M": 1, "D": 1, "Q": 1}, resources={"M": 1, "D": 8, "Q": 5}, waves=2,
                           capacity=10, dependencies={"M": ["D"]}, mandatory=["M"], quick_wins=["Q"],
                           min_quick_wins=1, same_wave=False)
    assert set(codes) == {"groups"}
    assert codes["groups"].params["groups"] == ["capacity", "dependencies", "mandatory", "quick_wins"]
    assert "quick wins in wave 1" in codes["groups"].text("en")


def test_plan_input_errors():
    with pytest.raises(AnalysisError, match="cycle"):
        plan_waves({"A": 1, "B": 1}, {"A": 1, "B": 1}, waves=1, capacity=5, dependencies={"A": ["B"], "B": ["A"]})
    with pytest.raises(AnalysisError, match="not among the services"):
        plan_waves({"A": 1}, {"A": 1}, waves=1, capacity=5, mandatory=["Z"])
    with pytest.raises(AnalysisError, match="0 or more"):
        plan_waves({"A": -1}, {"A": 1}, waves=1, capacity=5)
    with pytest.raises(AnalysisError, match="waves"):
        plan_waves({"A": 1}, {"A": 1}, waves=0, capacity=5)
