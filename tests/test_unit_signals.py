"""A unit's case figures and signals for its pack (:mod:`svcwork.unit_signals`), checked by hand, and
the unit packs of the demo clients (issue #18, "Unit packs").

Case figures: end-to-end time counting the cases still open is the product-limit estimate of
Kaplan & Meier (JASA 53, 1958), computed here by hand in exact fractions; its *p*-quantile is the
smallest observed time at which the share still open is at most 1 − *p* (Klein & Moeschberger,
*Survival Analysis*, 2nd ed., 2003, §4.5).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest
from test_packs import CASES, LANGS, _actions, build_client, case_log, check_marked

import svcwork
from svcwork import journeys, management, measures
from svcwork.management.packs import Ownership
from svcwork.unit_signals import manager_packs, unit_cases

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = sorted(p.name for p in (ROOT / "data" / "clients").iterdir() if (p / "intake.xlsx").is_file())


def km_quantile(times: list[float], closed: list[bool], p: float) -> float | None:
    """The *p*-quantile of a product-limit estimate, by hand: S(t) = Π (1 − d_i / n_i) over the closing
    times t_i ≤ t (d_i closed at t_i, n_i still open just before); the smallest t_i with S ≤ 1 − p."""
    s = Fraction(1)
    for t_i in sorted({t for t, c in zip(times, closed) if c}):
        at_risk = sum(1 for t in times if t >= t_i)
        d = sum(1 for t, c in zip(times, closed) if c and t == t_i)
        s *= 1 - Fraction(d, at_risk)
        if s <= 1 - Fraction(p).limit_denominator(100):
            return t_i
    return None


@pytest.fixture(scope="module")
def engagement(tmp_path_factory):
    return svcwork.load(build_client(tmp_path_factory.mktemp("signals") / "agency"))


@pytest.fixture(scope="module")
def without_tiny(engagement):
    """The agency without the unit Tiny's cases: the report then hides no unit (with them it hides all three:
    Tiny under the minimum, Archive so that Tiny is not the total less the others, and Parking for the months)."""
    cases = engagement.cases
    kept = cases.loc[cases["unit"].astype("string") != "Tiny"].reset_index(drop=True)
    return dataclasses.replace(engagement, cases=kept)


def test_case_figures_per_unit_by_hand(without_tiny):
    engagement = without_tiny
    _, truth = case_log()
    truth = {u: cs for u, cs in truth.items() if u != "Tiny"}
    sla = int(engagement.settings.sla_days)
    assert sla == 10 and int(engagement.settings.repeat_contact_days) == 7
    # the log's last event: a closed case ends with "Closed" after its days, an open one with "Handled" 2 h in
    as_of = max(c["start"] + (dt.timedelta(days=c["days"]) if c["days"] is not None else dt.timedelta(hours=2))
                for cs in truth.values() for c in cs)
    assert journeys.analyse(engagement).hidden_groups("unit") == set()
    got = unit_cases(engagement)
    assert set(got) == {"Parking", "Archive"}
    for unit, cases in truth.items():
        times = [c["days"] if c["days"] is not None else (as_of - c["start"]).total_seconds() / 86400 for c in cases]
        closed = [c["days"] is not None for c in cases]
        # the deadline: sla days after opening; decided when closed or when the deadline has passed
        decided = [cl or (as_of - c["start"]).total_seconds() / 86400 > sla for c, cl in zip(cases, closed)]
        missed = [(c["days"] > sla) if cl else d for c, cl, d in zip(cases, closed, decided)]
        u = got[unit]
        assert u.cases == len(cases) == len(CASES[unit][1]) + CASES[unit][2]
        assert u.median_days == pytest.approx(km_quantile(times, closed, 0.5))
        assert u.p90_days == pytest.approx(km_quantile(times, closed, 0.9))
        assert u.missed_base == sum(decided)
        assert u.missed == pytest.approx(sum(m for m, d in zip(missed, decided) if d) / sum(decided))
        assert u.repeat_base == len(cases) and u.repeat == pytest.approx(sum(c["repeat"] for c in cases) / len(cases))
    # the same numbers as the journeys section's table by unit (the report's own table)
    res = journeys.analyse(engagement)
    table = journeys.breakdown(res.log.cases, "unit").set_index("unit")
    for unit, u in got.items():
        assert u.median_days == table.loc[unit, "median_days"] and u.p90_days == table.loc[unit, "p90_days"]
        assert u.missed == pytest.approx(1 - table.loc[unit, "sla_met"])
    assert unit_cases(engagement, journeys_result=res) == got


def test_a_unit_the_report_hides_has_no_case_figures(engagement):
    # Tiny has 2 cases (< min_group_size 5): the journeys section hides it, and Archive and Parking with it
    # (else the total less the units shown gives Tiny's count), so no unit page shows a case figure
    res = journeys.analyse(engagement)
    hidden = res.hidden_groups("unit")
    assert {"Tiny", "Archive"} <= hidden
    got = unit_cases(engagement, journeys_result=res)
    assert not set(got) & hidden and got == unit_cases(engagement)
    packs = {p.unit: p for p in manager_packs(engagement, management.analyse(engagement), lang="en",
                                              journeys_result=res)}
    for unit in hidden & set(packs):
        assert packs[unit].cases is None and not packs[unit].case_lines("en")


def test_a_case_without_a_unit_belongs_to_its_services_unit(engagement):
    cases = engagement.cases.copy()
    cases["unit"] = cases["unit"].astype("string").mask(cases["unit"].astype("string") == "Archive")
    eng = dataclasses.replace(engagement, cases=cases)
    got = unit_cases(eng)  # Archive's cases have service S2, whose unit is Revenue
    assert "Archive" not in got and got["Revenue"].cases == 13


def test_no_case_log_no_case_figures(engagement):
    eng = dataclasses.replace(engagement, cases=None)
    assert unit_cases(eng) == {}
    packs = {p.unit: p for p in manager_packs(eng, management.analyse(eng), lang="en")}
    assert "Archive" not in packs and all(p.cases is None and not p.case_lines("en") for p in packs.values())


# =========================================================================== the demo clients
@pytest.fixture(scope="module", params=CLIENTS)
def demo(request):
    eng = svcwork.load(ROOT / "data" / "clients" / request.param)
    res = management.analyse(eng)
    m = measures.analyse(eng, n_boot=0)
    log = journeys.analyse(eng)
    packs = {lang: manager_packs(eng, res, lang=lang, measures_result=m, journeys_result=log) for lang in LANGS}
    return eng, res, m, log, packs


@pytest.mark.slow
def test_demo_packs_follow_the_rules(demo):
    eng, res, m, log, packs = demo
    own = Ownership.from_engagement(eng)
    minimum = int(eng.settings.min_group_size)
    by_unit = journeys.breakdown(log.log.cases, "unit")
    with_cases = set(by_unit.loc[by_unit["cases"] >= minimum, "unit"].astype(str))
    acts = eng.table("Actions")
    for lang in LANGS:
        units = {p.unit: p for p in packs[lang]}
        assert with_cases <= set(units)  # a pack for every unit with cases above the threshold
        for unit in with_cases:
            assert units[unit].cases is not None and units[unit].has_content
        for pack in units.values():
            # actions and KPIs in the unit that owns them, and nowhere else
            assert all(own.action_unit(a) == pack.unit for a in _actions(pack)), (pack.unit, _actions(pack))
            for s in pack.signals:
                if s.kind == "kpi":
                    assert own.kpi_unit(s.item) in (pack.unit, None), (pack.unit, s.item)
            # a flagged KPI misses its target; never a focus on a met KPI or an unstable survey item
            kpi = {s.item: s for s in pack.signals if s.kind == "kpi"}
            survey = {s.item: s for s in pack.signals if s.kind == "survey"}
            for f in pack.focus:
                for fig in f.key_figures():
                    thing = fig.item.rsplit(" — ", 1)[-1] if fig.item else None
                    if fig.name == "kpi_value":
                        assert kpi[thing].met is not True, (pack.unit, thing)
                    if fig.name == "survey_agree":
                        assert not survey[thing].unstable, (pack.unit, thing)
            assert not any(f.key in ("management.focus.signal",) for f in pack.focus)
            check_marked(pack, lang)
        # every open action that a unit owns is in that unit's pack
        for aid in acts.loc[acts["status"].isin(["open", "in progress"]), "action_id"]:
            unit = own.action_unit(aid)
            if unit is not None:
                assert aid in _actions(units[unit]), (aid, unit)


def test_a_kpi_note_says_what_its_chart_shows(demo):
    """Each KPI note of a unit page reads whole and as its chart (review of 2026-12-07: northfield's N03
    improved by a signal in the good direction, without a new level, read "shifted to a new level from ;"):
    a new level only with the period it began, signals counted in the right number ("a signal", never
    "1 signals"), no empty period."""
    import re

    eng, res, m, log, packs = demo
    card = m.scorecard.set_index(m.scorecard["kpi_id"].astype(str))
    notes = 0
    for lang in LANGS:
        for pack in packs[lang]:
            for s in (x for x in pack.signals if x.kind == "kpi"):
                row, note = card.loc[s.item], s.note
                notes += 1
                assert not re.search(r"(?:from|מ־|ב־)\s*(?:;|$)|;\s*;|\b1 control-chart signals", note), note
                shifted = row.get("shift_period")
                says_level = "new level" in note or "רמה חדשה" in note
                assert says_level == (row["status"] == "improved" and shifted is not None and not pd.isna(shifted)), \
                    (s.item, note)
    assert notes


@pytest.mark.slow
def test_demo_pack_with_an_owners_sheet_moves_actions_to_their_owners_unit(tmp_path):
    """northfield-licensing: A18 (owner Head of Digital Services, service L01 of Licensing Operations)
    and A10 (owner Head of Legal Services, service L05) sat in Licensing Operations' pack; with the
    Owners sheet they are in Digital Services' and Legal Services' packs."""
    eng = svcwork.load(ROOT / "data" / "clients" / "northfield-licensing")
    owners = pd.DataFrame({"owner": ["Head of Digital Services", "Head of Legal Services", "Head of Licensing Operations"],
                           "unit": ["Digital Services", "Legal Services", "Licensing Operations"]})
    eng = dataclasses.replace(eng, tables={**eng.tables, "Owners": owners})
    packs = {p.unit: p for p in manager_packs(eng, management.analyse(eng), lang="en")}
    assert {"A10", "A18"} <= _actions(packs["Legal Services"]) | _actions(packs["Digital Services"])
    assert "A18" in _actions(packs["Digital Services"]) and "A10" in _actions(packs["Legal Services"])
    assert not {"A10", "A18"} & _actions(packs["Licensing Operations"])
    assert "A13" in _actions(packs["Licensing Operations"])  # its own overdue action stays
    assert packs["Digital Services"].has_content and packs["Legal Services"].has_content


def test_a_unit_page_names_a_kpi_period_as_the_scorecard_does():
    """One rule for a KPI's period: the unit page said "2026-02" for a value measured on 15 February, which the
    report's scorecard shows as 2026-02-15, and "2025-01" for an annual KPI the scorecard shows as 2025."""
    from svcwork.unit_signals import _kpi_unit_signal

    kpis = pd.DataFrame({"kpi_id": ["D", "Y", "M"], "kpi_name": ["Daily", "Annual", "Monthly"],
                         "direction": "higher", "target": [0.5, 0.5, 0.5], "kind": "proportion"})
    values = pd.DataFrame({
        "kpi_id": ["D", "D", "Y", "Y", "M", "M"],
        "period": pd.to_datetime(["2026-01-15", "2026-02-15", "2024-01-01", "2025-01-01", "2026-01-01", "2026-02-01"]),
        "period_year": [False, False, True, True, False, False],
        "value": [0.6, 0.7, 0.6, 0.7, 0.6, 0.7], "n": [100.0] * 6, "unit": [None] * 6})
    card = measures.kpi_scorecard(kpis, values)
    rows, charts = card.table.set_index("kpi_id"), card.charts
    want = {"D": "2026-02-15", "Y": "2025", "M": "2026-02"}
    for kid, label in want.items():
        signal = _kpi_unit_signal({**rows.loc[kid].to_dict(), "kpi_id": kid}, charts.get(kid), "en")
        assert signal.period == label, (kid, signal.period)
