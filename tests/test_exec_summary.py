"""The executive summary and the dashboard (svcwork.executive), on hand-made summary.json contents.

Each test builds only the key figures and section figures it reads, so no analysis runs.  What is
checked: the findings without an action are told with their base (the management section's
figure), a change that was never measured is not read as "no clear change", a share just below a
band's edge is never shown on it, the actions' parts add up to their total, every improved KPI the
exec leaves out of its named three is named as improved, and the pain service already in wave 1 is
not said to be weighed otherwise by the roadmap.
"""

from __future__ import annotations

import pytest

from svcwork.executive import STANDARD_BANDS, dashboard, executive_summary
from svcwork.i18n import t
from svcwork.keyfigures import plain, quotes


def fig(key: str, value, kind: str = "count", section: str = "measures", **kw) -> dict:
    return {"key": key, "value": value, "kind": kind, "section": section, **kw}


def summary(*figures: dict, **extra) -> dict:
    return {"report_date": "2026-10-31", "key_figures": {f["key"]: f for f in figures}, **extra}


def _block(s: dict, key: str, lang: str = "en") -> dict:
    return next(b for b in executive_summary(s, lang=lang) if b["key"] == key)


def _tile(s: dict, key: str, lang: str = "en"):
    return next(d for d in dashboard(s, lang=lang) if d.key == key)


ACTIONS = [fig("management.actions_total", 22, section="management"),
           fig("management.actions_done", 8, section="management", base=22, base_of="actions"),
           fig("management.actions_open", 13, section="management", base=22, base_of="actions"),
           fig("management.actions_cancelled", 1, section="management", base=22, base_of="actions"),
           fig("management.actions_overdue", 3, section="management", base=13, base_of="actions")]
UNANSWERED = fig("management.findings_unanswered", 4, section="management", base=14, base_of="findings",
                 table="findings_without_action")


# --------------------------------------------------------------------------- the action plan
@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_findings_without_an_action_are_told_with_their_base(lang):
    lines = _block(summary(*ACTIONS, UNANSWERED), "actions", lang)["lines"]
    said = [line for line in lines if ("management.findings_unanswered", "value", "4") in quotes(line)]
    assert len(said) == 1
    assert ("management.findings_unanswered", "base", "14") in quotes(said[0])
    none_left = _block(summary(*ACTIONS, dict(UNANSWERED, value=0)), "actions", lang)["lines"]
    assert t("report.exec.actions_all_covered", lang) in none_left


@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_action_counts_add_up_to_the_total(lang):
    status = plain(_block(summary(*ACTIONS), "actions", lang)["lines"][0])
    assert "22" in status and "8" in status and "13" in status and "1" in status.replace("31", "")
    shown = [int(v) for k, a, v in quotes(_block(summary(*ACTIONS), "actions", lang)["lines"][0])
             if k in ("management.actions_done", "management.actions_open", "management.actions_cancelled")]
    assert sum(shown) == 22
    no_cancelled = [f for f in ACTIONS if f["key"] != "management.actions_cancelled"]
    no_cancelled[0] = dict(no_cancelled[0], value=21)
    assert "cancel" not in plain(_block(summary(*no_cancelled), "actions", "en")["lines"][0])


# --------------------------------------------------------------------------- the dashboard
SAT = fig("measures.item.satisfaction", 0.59, "share", base=2429, base_of="respondents", item="satisfaction")


@pytest.mark.parametrize("lang", ["en", "he"])
def test_a_change_never_measured_is_not_read_as_no_clear_change(lang):
    tile = _tile(summary(SAT), "satisfaction", lang)
    assert tile.status == "none"
    assert t("report.dash.satisfaction.watch", lang) not in tile.reading
    assert t("report.dash.satisfaction.none", lang) in tile.reading
    measured = summary(SAT, fig("measures.change.satisfaction", 0.02, "points", low=-0.01, high=0.05))
    assert _tile(measured, "satisfaction", lang).status == "watch"


@pytest.mark.parametrize("value", [0.7496, 0.8996, 0.74, 0.95])
@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_standard_tile_never_shows_a_band_edge_it_does_not_reach(value, lang):
    tile = _tile(summary(fig("measures.standard_met", value, "share", base=3000, base_of="cases")), "standard", lang)
    shown = plain(tile.value)
    good, watch = (f"{round(100 * b)}%" for b in STANDARD_BANDS)
    if tile.status == "bad":
        assert shown != watch  # "fewer than 75%" beside "75%" would contradict itself
    if tile.status == "watch":
        assert shown != good
    assert tile.status == ("good" if value >= 0.9 else "watch" if value >= 0.75 else "bad")


# --------------------------------------------------------------------------- KPIs
def test_every_improved_kpi_the_exec_does_not_name_above_is_named_as_improved():
    kpis = [{"kpi_id": f"K{i}", "met": False, "status": "stable"} for i in range(1, 4)]
    kpis.append({"kpi_id": "K4", "met": False, "status": "improved", "shift_period": "2026-03"})  # 4th to attend
    kpis.append({"kpi_id": "K5", "met": True, "status": "improved", "shift_period": "2026-04"})
    figures = [fig("measures.kpis_met", 1, base=5, base_of="kpis"), fig("measures.kpis_judged", 5),
               fig("measures.kpis_attention", 4),
               fig("measures.kpi_new_level.K4", 0.836, "share1", item="K4"),
               fig("measures.kpi_new_level.K5", 0.706, "share1", item="K5")]
    block = _block(summary(*figures, kpis=kpis), "kpis")
    named = " ".join(plain(x) for x in block["items"])
    improved = " ".join(plain(x) for x in block["lines"] if plain(x).startswith("Improved"))
    assert "K4" not in named and "K4" in improved and "K5" in improved


# --------------------------------------------------------------------------- citizens' pain
@pytest.mark.parametrize("lang", ["en", "he"])
def test_a_pain_service_already_in_wave_1_is_not_said_to_be_weighed_otherwise(lang):
    figures = [fig("journeys.median_case_days.L08", 56.9, "days", "journeys", base=319, base_of="cases"),
               fig("measures.satisfaction.L08", 0.31, "share", base=120, base_of="respondents"),
               fig("journeys.median_case_days.L01", 5.0, "days", "journeys", base=900, base_of="cases"),
               fig("measures.satisfaction.L01", 0.71, "share", base=300, base_of="respondents")]
    lines = _block(summary(*figures, priorities=[{"service_id": "L08", "wave": 1, "rank": 3}]), "pain", lang)["lines"]
    assert t("report.exec.pain_wave_first", lang) in lines
    assert t("report.exec.pain_wave", lang, wave=1) not in lines
    later = _block(summary(*figures, priorities=[{"service_id": "L08", "wave": 2, "rank": 3}]), "pain", lang)["lines"]
    assert t("report.exec.pain_wave", lang, wave=2) in later
