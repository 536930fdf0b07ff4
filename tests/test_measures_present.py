"""How a measures result is shown (svcwork.measures.present): typed tables, figures, findings, skipped parts."""

from __future__ import annotations

import openpyxl
import pandas as pd
from test_measures_analysis import full_client  # noqa: F401  (fixture)

from svcwork import load
from svcwork import measures as M
from svcwork.i18n import t
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
    assert res.findings("en") == present.findings(res, "en") and res.skipped("he") == present.skipped(res, "he")


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
    for col in ("share_pct", "low", "high"):
        assert ws.cell(row=2, column=header.index(t(f"measures.col.{col}", "en")) + 1).number_format == "0.0", col


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
