"""A share whose base is under the engagement's min_group_size is suppressed everywhere: the repeat-contact
share and first-contact resolution (base: cases with a known citizen) and the most common path's share
(base: the cases that follow it) — in the tables, the key figures, the sentences, summary.json and the
trend of the re-measurement.  Engagements built here (threshold 10) with the answers worked out."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from conftest import english_sheets, write_xlsx
from svcwork import load
from svcwork.i18n import t
from svcwork.journeys.analysis import analyse
from svcwork.journeys.present_words import findings, takeaways
from svcwork.keyfigures import plain, quotes, registry
from svcwork.since.plots import trend_data

M = 10  # the threshold of these engagements


def _client(folder: Path, *, linked: int, variants: int = 1, cases: int = 60) -> Path:
    """*cases* cases, case i opened 12 h after case i-1 and closed 3 + i % 20 days later by the unit that
    received it (no hand-off): S1 / unit Parking for i < 30, else S2 / Revenue; channel web for even i,
    counter for odd i.  Only the first *linked* cases have a citizen id: cases 2k and 2k+1 one citizen
    while 2k+1 < min(linked, 12) (so 2k+1 is a repeat contact), every later linked case its own citizen.
    Case i's path: Received, "Review <i % variants>", Closed."""
    sheets = english_sheets()
    sheets["Engagement"] = [[k, M if k == "min_group_size" else v] for k, v in sheets["Engagement"]]
    write_xlsx(folder / "intake.xlsx", sheets)
    lines = ["case_id,activity,timestamp,channel,unit,citizen_id,service_id"]
    paired = min(linked, 12) // 2 * 2
    for i in range(cases):
        sid, unit = ("S1", "Parking") if i < 30 else ("S2", "Revenue")
        channel = "web" if i % 2 == 0 else "counter"
        citizen = "" if i >= linked else f"ID-{300000000 + (i // 2 if i < paired else 1000 + i)}"
        start = dt.datetime(2026, 1, 1, 8) + dt.timedelta(hours=12 * i)
        for activity, when in (("Received", start), (f"Review {i % variants}", start + dt.timedelta(hours=1)),
                               ("Closed", start + dt.timedelta(days=3 + i % 20))):
            lines.append(f"C{i:03d},{activity},{when:%Y-%m-%d %H:%M},{channel},{unit},{citizen},{sid}")
    (folder / "cases.csv").write_text("\n".join(lines) + "\n")
    return folder


def _result(tmp_path: Path, **kw):
    eng = load(_client(tmp_path / "agency", **kw))
    assert eng.settings.min_group_size == M
    return analyse(eng)


def _quoted(res, lang: str) -> set[str]:
    text = " ".join([*findings(res, lang), *takeaways(res, lang).values()])  # marked: each figure quoted
    return {key for key, _, _ in quotes(text)}


def _column(table: pd.DataFrame, key: str, lang: str) -> pd.Series:
    return pd.to_numeric(table[t(f"journeys.col.{key}", lang)], errors="coerce")


# ------------------------------------------------------------------------ repeat contact and FCR
@pytest.mark.parametrize("linked", [4, 9])
def test_repeat_contact_and_fcr_of_too_few_known_citizens_are_never_shown(tmp_path, linked):
    # 4 (or 9) cases with a known citizen: 2 (4) repeat contacts — under the threshold of 10
    res = _result(tmp_path, linked=linked)
    assert res.log.repeats.linked_cases == linked and res.log.repeats.rate is not None  # computed, not shown
    figs = registry(res.key_figures())
    for key in ("journeys.repeat_contact", "journeys.fcr", "journeys.channel_switching",
                "journeys.repeat_window_days", "journeys.unit_fcr.Parking", "journeys.pass_on_units"):
        assert key not in figs, key
    s = res.summary()["journey"]
    assert s["repeat_contact_rate"] is None and s["fcr"] is None
    json.dumps(s, allow_nan=False)
    for lang in ("en", "he"):
        assert not {"journeys.repeat_contact", "journeys.fcr"} & _quoted(res, lang)
        words = plain(" ".join(res.findings(lang)))
        assert t("journeys.figure.repeat_contact", lang).lower() not in words.lower()
        tables = res.tables(lang)
        assert "repeat_contact" not in tables
        for name in ("kpis_by_service", "kpis_by_channel", "kpis_by_unit"):
            for col in ("repeat_contact_rate", "fcr"):
                assert _column(tables[name], col, lang).isna().all(), (lang, name, col)
            # the rest of the table is untouched: every case is closed, so all are decided
            assert _column(tables[name], "sla_met", lang).notna().all(), (lang, name)


def test_repeat_contact_and_fcr_at_the_threshold_are_shown_with_their_values(tmp_path):
    # 10 cases with a known citizen (all S1, Parking): five pairs -> 5 repeats of 10; every linked case is
    # in a pair -> FCR 0 of 10
    res = _result(tmp_path, linked=10)
    figs = registry(res.key_figures())
    assert figs["journeys.repeat_contact"].value == pytest.approx(0.5) and figs["journeys.repeat_contact"].base == 10
    assert figs["journeys.fcr"].value == 0.0 and figs["journeys.fcr"].base == 10
    assert figs["journeys.unit_fcr.Parking"].value == 0.0
    s = res.summary()["journey"]
    assert (s["repeat_contact_rate"], s["fcr"]) == (0.5, 0.0)
    for lang in ("en", "he"):
        assert {"journeys.repeat_contact", "journeys.fcr"} <= _quoted(res, lang)
        assert "repeat_contact" in res.tables(lang)


def test_the_tables_by_group_show_each_share_only_over_enough_known_citizens(tmp_path):
    # 14 linked cases, all S1 / Parking: 12 in six pairs (6 repeats), 2 alone (both FCR): repeat 6/14, FCR 2/14.
    # By channel: 7 linked web (even i), 7 counter — each under 10, suppressed; S2 / Revenue: none linked.
    res = _result(tmp_path, linked=14)
    s = res.summary()["journey"]
    assert s["repeat_contact_rate"] == round(6 / 14, 4) and s["fcr"] == round(2 / 14, 4)
    for lang in ("en", "he"):
        tables = res.tables(lang)
        for name, label, shown in (("kpis_by_unit", "journeys.col.unit", "Parking"),
                                   ("kpis_by_service", "journeys.col.service", "S1 Parking permit")):
            table = tables[name].set_index(t(label, lang))
            rate = _column(table, "repeat_contact_rate", lang)
            fcr = _column(table, "fcr", lang)
            assert rate[shown] == pytest.approx(6 / 14) and fcr[shown] == pytest.approx(2 / 14), (lang, name)  # unrounded
            assert rate.drop(shown).isna().all() and fcr.drop(shown).isna().all(), (lang, name)
        channel = tables["kpis_by_channel"]
        assert _column(channel, "repeat_contact_rate", lang).isna().all()
        assert _column(channel, "fcr", lang).isna().all()


# ------------------------------------------------------------------------ the most common path
@pytest.mark.filterwarnings("error::pandas.errors.Pandas4Warning")  # the paths table with no path shown: text columns
def test_the_most_common_path_of_too_few_cases_is_not_quoted(tmp_path):
    # 40 cases over 5 paths (i % 5): each path 8 cases, under 10
    res = _result(tmp_path, linked=0, variants=5, cases=40)
    assert int(res.log.variants.table["cases"].iloc[0]) == 8
    figs = registry(res.key_figures())
    assert "journeys.top_path_share" not in figs and "journeys.paths_shown" not in figs
    assert figs["journeys.paths"].value == 5 and figs["journeys.paths_for_goal"].value == 4  # 4 × 20% = 80%
    assert res.summary()["journey"]["top_variant_share"] is None
    for lang in ("en", "he"):
        assert "journeys.top_path_share" not in _quoted(res, lang)
        words = [plain(x) for x in res.findings(lang)]
        assert t("journeys.finding.paths_spread", lang, n=4, k="4", paths="5", goal="80%") in words
        assert res.takeaways(lang)["process_map"] == t("journeys.takeaway.process_map_spread", lang)
        variants = res.tables(lang)["variants"]
        assert list(variants[t("journeys.col.rank", lang)]) == ["…"]  # only the "other paths" row (40 cases)


def test_the_most_common_path_at_the_threshold_is_quoted(tmp_path):
    # 40 cases over 4 paths: each 10 cases, a quarter of the cases
    res = _result(tmp_path, linked=0, variants=4, cases=40)
    figs = registry(res.key_figures())
    assert figs["journeys.top_path_share"].value == pytest.approx(0.25)
    assert res.summary()["journey"]["top_variant_share"] == 0.25
    for lang in ("en", "he"):
        assert "journeys.top_path_share" in _quoted(res, lang)
        assert len(res.tables(lang)["variants"]) == 4


# ------------------------------------------------------------------------ the trend of the re-measurement
def _rounds(figures: dict, min_size: int = M) -> list[SimpleNamespace]:
    return [SimpleNamespace(label=f"R{i}", period=(None, dt.date(2024 + i, 6, 30)), figures=figures,
                            min_group_size=min_size) for i in range(3)]


def test_the_trend_never_plots_a_suppressed_share(tmp_path):
    few = registry(_result(tmp_path / "few", linked=4).key_figures())
    enough = registry(_result(tmp_path / "enough", linked=10).key_figures())
    assert not {"journeys.repeat_contact", "journeys.fcr"} & set(trend_data(_rounds(few))["figure"])
    data = trend_data(_rounds(enough))
    assert list(data.loc[data["figure"] == "journeys.repeat_contact", "value"]) == [0.5] * 3
    # a round recorded with a share over too few cases (a summary written before the rule) is not plotted
    assert "journeys.repeat_contact" not in set(trend_data(_rounds(enough, min_size=11))["figure"])


def test_a_digital_take_up_that_would_give_a_small_channel_is_not_shown(tmp_path):
    """The take-up share times the service's cases is the service's digital cases: 4 web cases of S1's 30
    (a group under the threshold, whose commitment row per channel is hidden) are not given by a 13% beside
    30 cases.  S2's 15 of 30, and a share of 0% (no group of its own), are shown."""
    sheets = english_sheets()
    sheets["Engagement"] = [[k, M if k == "min_group_size" else v] for k, v in sheets["Engagement"]]
    folder = tmp_path / "agency"
    write_xlsx(folder / "intake.xlsx", sheets)
    lines = ["case_id,activity,timestamp,channel,unit,service_id"]
    plan = [("S1", "web")] * 4 + [("S1", "counter")] * 26 + [("S2", "web"), ("S2", "counter")] * 15
    for i, (sid, channel) in enumerate(plan):
        start = dt.datetime(2026, 1, 1, 8) + dt.timedelta(hours=12 * i)
        for activity, when in (("Received", start), ("Closed", start + dt.timedelta(days=3 + i % 20))):
            lines.append(f"C{i:03d},{activity},{when:%Y-%m-%d %H:%M},{channel},Unit {sid},{sid}")
    (folder / "cases.csv").write_text("\n".join(lines) + "\n")
    res = analyse(load(folder))
    assert res.parity.takeup.set_index("service_id").loc["S1", "digital_cases"] == 4  # computed, then withheld
    take = res.takeup().set_index("service_id")
    assert "S1" not in take.index and take.loc["S2", "digital_share"] == pytest.approx(0.5)
    for lang in ("en", "he"):
        table = res.tables(lang).get("digital_takeup")
        assert table is not None and len(table) == 1
    figures = registry(res.key_figures())
    assert "journeys.digital_share.S2" in figures and "journeys.digital_share.S1" not in figures
