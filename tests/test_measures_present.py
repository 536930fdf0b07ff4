"""How a measures result is shown (svcwork.measures.present): typed tables, figures, findings, skipped parts."""

from __future__ import annotations

import numpy as np
import openpyxl
import pandas as pd
import pytest
from test_measures_analysis import full_client  # noqa: F401  (fixture)

from svcwork import load
from svcwork import measures as M
from svcwork.i18n import fmt_number, fmt_period, t
from svcwork.keyfigures import plain
from svcwork.measures import present
from svcwork.measures._base import Message
from svcwork.report import write_results_workbook
from svcwork.tables import column_key, column_kind


def test_tables_record_each_headers_catalogue_key(full_client):  # noqa: F811
    res = M.analyse(load(full_client), seed=1, n_boot=20)
    for lang in ("en", "he"):
        tables = present.tables(res, lang)
        assert {"survey_items", "drivers", "themes", "service_standards", "kpi_scorecard"} <= set(tables)
        for name, frame in tables.items():
            for header in frame.columns:
                key = column_key(frame, header)
                assert key and key.startswith("measures.col.") and t(key, lang) == header, (name, header)
        # a column's format follows its key's kind, never the header's words
        assert column_kind(tables["survey_items"], t("measures.col.pct_agree", lang)) == "percent"
        assert column_kind(tables["survey_items"], t("measures.col.n", lang)) == "count"
        assert column_kind(tables["survey_items"], t("measures.col.low", lang)) == "limit"
        for name in ("drivers", "themes", "service_standards"):  # shares shown in % (0–100), not 0–1
            assert column_kind(tables[name], t("measures.col.share_pct", lang)) == "percent", name
        assert column_kind(tables["service_standards"], t("measures.col.median_days", lang)) == "days"
    # the result's methods hand over to present
    pd.testing.assert_frame_equal(res.tables("he")["nps"], present.tables(res, "he")["nps"])
    # findings carry their key-figure markers; the result strips them unless asked to keep them
    assert res.findings("en", marked=True) == present.findings(res, "en")
    assert res.skipped("he") == present.skipped(res, "he")
    assert res.findings("en") == [plain(f) for f in present.findings(res, "en")]


def test_a_share_in_percent_keeps_one_decimal_in_the_workbook_even_when_small(tmp_path):
    # every theme under 1% of the comments: still percentages (0.4 = 0.4%), never shown as 40.0%
    themes = pd.DataFrame({"theme": ["waiting", "staff"], "en": ["Waiting", "Staff"], "he": ["המתנה", "יחס"],
                           "mentions": [2, 1], "comments": [500, 500], "share": [0.004, 0.002],
                           "low": [0.001, 0.0004], "high": [0.014, 0.011]})
    res = M.MeasuresResult(available=True, language="en", min_group_size=1, confidence=0.95, survey_available=True,
                           survey_shown=True, themes=themes)
    table = present.tables(res, "en")["themes"]
    assert list(table[t("measures.col.share_pct", "en")]) == [0.4, 0.2]
    ws = openpyxl.load_workbook(write_results_workbook(tmp_path / "r.xlsx", {"measures": {"themes": table}},
                                                       lang="en")).worksheets[1]
    header = [c.value for c in ws[1]]
    # every share of the workbook on one scale: the percentage 0.4 (and its limits) stored as 0.004, shown "0.4%"
    got = {col: ws.cell(row=2, column=header.index(t(f"measures.col.{col}", "en")) + 1) for col in ("share_pct", "low",
                                                                                                 "high")}
    assert all(c.number_format == "0.0%" for c in got.values()), got
    assert got["share_pct"].value == pytest.approx(0.004)
    assert got["low"].value == pytest.approx(float(table[t("measures.col.low", "en")].iloc[0]) / 100)


def test_tables_show_yes_no_and_a_dash_for_unknown():
    scorecard = pd.DataFrame({"kpi_id": ["K1", "K2"], "kpi_name": ["a", "b"], "direction": ["higher", "lower"],
                              "owner": ["o", None], "target": [0.8, float("nan")], "last": [0.9, 3.0],
                              "last_period": [pd.Timestamp("2026-03-01"), None], "met": [True, None],
                              "light": ["green", None], "trend": ["stable", "short"], "method": ["p", None],
                              "in_control": [False, None], "signals": [1, 0], "callout": ["met_out_of_control", None]})
    res = M.MeasuresResult(available=True, language="he", min_group_size=1, confidence=0.95, kpis_available=True,
                           scorecard=scorecard)
    for lang in ("en", "he"):
        card = present.tables(res, lang)["kpi_scorecard"]
        met, ok = card[t("measures.col.met", lang)], card[t("measures.col.in_control", lang)]
        assert list(met) == [t("template.yes", lang), "—"] and list(ok) == [t("template.no", lang), "—"]
        assert list(card[t("measures.col.last_period", lang)]) == ["2026-03", "—"]


def test_skipped_parts_give_their_reason_in_the_report_language():
    why = Message("measures.error.weighting_known", (("n", 3),))
    res = M.MeasuresResult(available=True, language="he", min_group_size=5, confidence=0.95,
                           notes=(("measures.skipped.weighting", (("reason", why),)), ("measures.skipped.kpis", ()),
                                  ("measures.skipped.drivers_error", (("reason", "a reason as text"),))))
    for lang in ("en", "he"):
        assert present.skipped(res, lang) == " ".join([
            t("measures.skipped.weighting", lang, reason=t("measures.error.weighting_known", lang, n=3)),
            t("measures.skipped.kpis", lang),
            t("measures.skipped.drivers_error", lang, reason="a reason as text")])
    empty = M.MeasuresResult(available=False, language="en", min_group_size=5, confidence=0.95)
    assert empty.skipped("he") == t("measures.skipped.all", "he")
    assert empty.findings("en") == [t("measures.skipped.all", "en")]


def test_importance_chart_survives_an_estimate_outside_its_bootstrap_interval(tmp_path):
    # seed 10 of the privacy client gives "equity" an importance (0.0003) below its percentile
    # bootstrap interval (0.002–0.6): the chart once failed with "'yerr' must not contain negative values"
    from test_privacy import build_client

    res = M.analyse(load(build_client(tmp_path / "c", "en", seed=10)))
    outside = res.ipa[res.ipa["importance"] < res.ipa["importance_low"]]
    assert len(outside)  # the case this test is about
    figs = res.figures("en")
    assert "importance_performance" in figs
    for f in figs.values():
        f.clear()


def _read_kpis() -> M.MeasuresResult:
    """Hand-made KPIs: UP improves by a step (green), WAIT worsens by the same step (red), CALLS is stable and
    misses its target, ONE has a single bad point (see test_measures_kpis for the charts)."""
    import numpy as np

    noise = np.array([0.3, -0.2, 0.1, -0.3, 0.2, -0.1, 0.25, -0.15, 0.05, -0.25])
    step = np.r_[10 + noise, 13 + noise[:8]]
    spike = np.r_[noise, noise[:8]] + 20
    spike[12] += 3
    periods = pd.date_range("2025-01-01", periods=18, freq="MS")
    kpis = pd.DataFrame({"kpi_id": ["UP", "WAIT", "CALLS", "ONE"], "kpi_name": ["Up", "Wait", "Calls", "One"],
                         "direction": ["higher", "lower", "higher", "lower"], "target": [12.0, 11.0, 50.0, 25.0],
                         "kind": ["mean"] * 4})
    values = pd.DataFrame({"kpi_id": np.repeat(kpis["kpi_id"], 18), "period": np.tile(periods, 4),
                           "value": np.r_[step, step, np.r_[noise, noise[:8]] + 40, spike]})
    card = M.kpi_scorecard(kpis, values)
    return M.MeasuresResult(available=True, language="he", min_group_size=1, confidence=0.95, kpis_available=True,
                            scorecard=card.table, charts=card.charts)


def test_an_improvement_reads_as_one_never_as_out_of_control():
    res = _read_kpis()
    for lang in ("en", "he"):
        card = present.tables(res, lang)["kpi_scorecard"].set_index(t("measures.col.kpi_id", lang))
        notes = card[t("measures.col.callout", lang)]
        assert notes["UP"] == t("measures.note.improved_shift", lang, level="13.0", period="2025-11")
        assert notes["WAIT"].startswith(t("measures.reading.deteriorated", lang)) and "13.0" in notes["WAIT"]
        assert notes["ONE"] == t("measures.note.worsened_one", lang, period="2026-01")
        assert notes["CALLS"] == t("measures.callout.missed_in_control", lang)
        assert t("measures.callout.met_out_of_control", lang) not in " ".join(notes)
        reading = card[t("measures.col.reading", lang)]
        assert reading["UP"] == t("measures.reading.improved", lang)
        assert reading["CALLS"] == t("measures.reading.stable", lang)
        assert card.loc["UP", t("measures.col.new_level", lang)] == "13.0"
        assert card.loc["UP", t("measures.col.shift_period", lang)] == "2025-11"
        better, worse = t("measures.col.better_count", lang), t("measures.col.worse_count", lang)
        assert card.loc["UP", worse] == 0 and card.loc["UP", better] == card.loc["UP", t("measures.col.signals", lang)]
        # the old level's points read low against the centre line of the whole series: said so, per signal
        signals = present.tables(res, lang)["kpi_signals"]
        up = signals[signals[t("measures.col.kpi_id", lang)] == "UP"]
        reads = set(up[t("measures.col.signal_direction", lang)])
        assert reads == {t("measures.signal.before_better", lang, period="2025-11"), t("measures.signal.better", lang)}
        figs = present.figures(res, lang)
        assert {"control_UP", "scorecard"} <= set(figs)
        legend = [x.get_text() for x in figs["control_UP"].axes[0].get_legend().get_texts()]
        assert t("measures.legend.signal_better", lang) in legend and t("measures.legend.phase_centre", lang) in legend
        assert t("measures.legend.signal_worse", lang) not in legend
        for f in figs.values():
            f.clear()


def test_findings_name_worse_and_improved_kpis_apart():
    # UP improved (a new level) and meets its target; WAIT worsened; CALLS misses its target while stable; ONE
    # meets its target but has one signal in the bad direction: 2 of 4 meet, 3 need attention — never UP
    res = _read_kpis()
    for lang in ("en", "he"):
        last = {k: fmt_number(v, lang, digits=1) for k, v in zip(res.scorecard["kpi_id"], res.scorecard["last"])}
        findings = [plain(f) for f in present.findings(res, lang)]
        head = t("measures.finding.kpis_met", lang, n=2, met="2", base=t("figure.base.kpis", lang, n=4, count="4"))
        assert findings[0].startswith(t("measures.finding.attention", lang, n=3, head=head, count="3",
                                        kpis="WAIT, CALLS, ONE"))
        worse = t("measures.finding.worse", lang, n=2, kpis="; ".join([
            t("measures.finding.kpi_value", lang, kpi="WAIT", last=last["WAIT"], period=fmt_period("2026-06", lang),
              target="11.0"),
            t("measures.finding.kpi_value", lang, kpi="ONE", last=last["ONE"], period=fmt_period("2026-06", lang),
              target="25.0")]))
        stable = t("measures.finding.missed_stable", lang, n=1, kpis=t(
            "measures.finding.kpi_value", lang, kpi="CALLS", last=last["CALLS"], period=fmt_period("2026-06", lang),
            target="50.0"))
        assert worse in findings[0] and stable in findings[0] and "UP" not in findings[0]
        assert findings[1] == t("measures.finding.improved", lang, n=1, kpis=t(
            "measures.finding.kpi_level", lang, kpi="UP", level="13.0", period=fmt_period("2025-11", lang)))
    # a single KPI with a target: no "1 of 1 KPIs"
    one = M.MeasuresResult(available=True, language="en", min_group_size=1, confidence=0.95, kpis_available=True,
                           scorecard=res.scorecard.iloc[:1], charts={"UP": res.charts["UP"]})
    assert one.findings("en")[0] == t("measures.finding.attention_none", "en",
                                      head=t("measures.finding.kpi_one_met", "en"))


def test_signals_tell_better_from_worse_by_shape_and_the_scorecard_has_a_key():
    """WCAG 2.1 SC 1.4.1 (use of colour): an improvement and a deterioration differ in marker shape, not colour
    alone, on the control chart and the scorecard; the scorecard names its lights and signal marks in a key."""
    from matplotlib.collections import PathCollection
    from matplotlib.markers import MarkerStyle

    def marker_of(collection) -> np.ndarray:
        return collection.get_paths()[0].vertices

    res = _read_kpis()  # UP: signals read better; WAIT: the same step where lower is better — worse
    for lang in ("en", "he"):
        figs = present.figures(res, lang)
        up = [c for c in figs["control_UP"].axes[0].collections if c.get_label() == t("measures.legend.signal_better", lang)]
        wait = [c for c in figs["control_WAIT"].axes[0].collections
                if c.get_label() == t("measures.legend.signal_worse", lang)]
        assert len(up) == len(wait) == 1
        assert not np.array_equal(marker_of(up[0]), marker_of(wait[0]))
        diamond = MarkerStyle("D")
        assert np.allclose(marker_of(wait[0]), diamond.get_path().transformed(diamond.get_transform()).vertices)
        card = figs["scorecard"]
        titles = {ax: ax.get_title(loc="left") + ax.get_title(loc="right") for ax in card.axes}
        panels = {kid: next(ax for ax, text in titles.items() if f"{kid} · " in text) for kid in ("UP", "WAIT")}
        hollow = {kid: [marker_of(c) for c in ax.collections if isinstance(c, PathCollection)]
                  for kid, ax in panels.items()}
        assert len(hollow["UP"]) == len(hollow["WAIT"]) == 1
        assert not np.array_equal(hollow["UP"][0], hollow["WAIT"][0])
        key = [x.get_text() for x in card.legends[0].get_texts()]
        assert t("measures.legend.signal_better", lang) in key and t("measures.legend.signal_worse", lang) in key
        assert {t(f"measures.light.{light}", lang) for light in set(res.scorecard["light"].dropna())} <= set(key)
        for f in figs.values():
            f.clear()
