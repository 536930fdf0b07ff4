"""Journeys presentation (svcwork.journeys.present, .plots): tables and figures in both languages, nothing
suppressed or identifying leaves, right-to-left charts in Hebrew, typed table headers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from test_journeys_analysis import _cells, cases_csv, client, journey_rows  # noqa: F401  (module fixtures)

from conftest import english_sheets, hebrew_sheets, write_xlsx
from svcwork import AnalysisError, load
from svcwork.charts import SLIDE_CHART_SIZE
from svcwork.i18n import t
from svcwork.keyfigures import plain
from svcwork.journeys import present
from svcwork.journeys.analysis import analyse
from svcwork.journeys.present import channel_label
from svcwork.tables import column_key, column_kind


def test_suppressed_groups_never_appear_in_tables(client):
    eng = load(client)
    m = eng.settings.min_group_size
    res = analyse(eng)
    for lang in ("en", "he"):
        tables = res.tables(lang)
        text = _cells(tables)
        # S3 ("Welfare desk", 3 cases), its unit "Tiny unit" (3 cases) and channel kiosk (3 cases) are all below 5
        for small in ("Welfare", "Tiny unit", "kiosk", "עמדה"):
            assert small not in text, (lang, small)
        for name, table in tables.items():
            for col in (t("journeys.col.cases", lang), t("journeys.col.handoffs", lang)):
                if col in table.columns and name != "data_quality":
                    values = pd.to_numeric(table[col], errors="coerce").dropna()
                    assert (values >= m).all(), (lang, name, col)
        matrix = tables["handoff_matrix"].drop(columns=t("journeys.col.from", lang))
        values = matrix.apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
        assert np.all(np.isnan(values) | (values >= m))


def test_no_citizen_identifier_appears_in_any_table_or_sentence(client):
    eng = load(client)
    res = analyse(eng)
    clear = {line.split(",")[5] for line in (client / "cases.csv").read_text().splitlines()[1:]}
    pseudonyms = set(eng.cases["citizen_id"].dropna())
    for lang in ("en", "he"):
        text = _cells(res.tables(lang)) + "\n".join(res.findings(lang)) + json.dumps(res.summary())
        assert not any(c in text for c in clear)
        assert not any(p in text for p in pseudonyms)
        assert "ID-3" not in text and "cit-" not in text


def test_figures_journey_map_is_a_slide_and_runs_right_to_left_in_hebrew(client):
    res = analyse(load(client))
    for lang in ("en", "he"):
        figs = res.figures(lang)
        assert {"journey_map_1", "process_map", "capability", "variants", "handoff_matrix", "channel_parity"} <= set(figs)
        fig = figs["journey_map_1"]
        assert tuple(fig.get_size_inches()) == pytest.approx(SLIDE_CHART_SIZE)
        ax = fig.axes[0]
        xs = {tx.get_text(): tx.get_position()[0] for tx in ax.texts}
        first, last = xs["Reads the website"], xs["Calls the centre"]
        assert (first > last) if lang == "he" else (first < last)
        assert any(tx.get_text() == t("journeys.lane.visibility", lang) for tx in ax.texts)
        assert ax.get_title(loc="right" if lang == "he" else "left") == t("journeys.fig.journey_map", lang,
                                                                           journey="Applying for a parking permit")
        for f in figs.values():
            f.clear()


def test_hebrew_engagement_tables_speak_hebrew(tmp_path):
    folder = tmp_path / "dugma"
    sheets = hebrew_sheets()
    sheets["מסע לקוח"] = [
        ["מסע", "צעד", "שלב", "נקודת מגע", "ערוץ", "רגש", "נקודת כאב", "רגע האמת", "ביסוס"],
        ["תו חניה", 1, "בירור", "קריאה באתר", "אתר", 1, None, "לא", "חלקי"],
        ["תו חניה", 2, "המתנה", "המתנה להחלטה", "טלפון", -2, "המתנה ארוכה להחלטה", "כן", "מבוסס נתונים"],
    ]
    write_xlsx(folder / "intake.xlsx", sheets, rtl=True)
    cases_csv(folder / "cases.csv")
    eng = load(folder)
    res = analyse(eng)
    tables = res.tables(eng.language)
    assert eng.language == "he"
    assert list(tables["data_quality"].columns)[0] == "בדיקה"
    assert t("journeys.col.sla_met", "he") in tables["kpis_by_service"].columns
    assert all(re.search(r"[\u0590-\u05ff]", f) for f in res.findings("he"))
    figs = res.figures("he")
    assert "journey_map_1" in figs
    for f in figs.values():
        f.clear()


def _panels(fig) -> dict[str, object]:
    """Visible panels by title, in reading order (top to bottom; left to right, or right to left when mirrored)."""
    axes = [ax for ax in fig.axes if ax.get_visible()]
    rtl = any(ax.xaxis_inverted() for ax in axes)
    axes.sort(key=lambda ax: (-round(ax.get_position().y0, 3), -ax.get_position().x0 if rtl else ax.get_position().x0))
    return {ax.get_title(loc="right") or ax.get_title(loc="left"): ax for ax in axes}


def _figure_text(fig) -> str:
    parts = [tx.get_text() for tx in fig.findobj(lambda o: hasattr(o, "get_text"))]
    for ax in fig.axes:
        parts += [ax.get_title(loc=w) for w in ("left", "center", "right")]
    return "\n".join(parts)


def test_capability_by_service_small_multiples_and_the_group_table(client):
    # cases_csv: S1 has 30 cases (i < 30), S2 20, S3 3 (below min_group_size 5), all opened in January 2026;
    # case i lasts 3 + i % 20 days, and every case is closed, so the end-to-end quantiles (Kaplan–Meier) are
    # the ceil(n p)-th smallest durations.  S1: i % 20 over i < 30 is 0..19 once and 0..9 again -> sorted
    # 0 0 1 1 … 9 9 10 11 … 19: median the 15th = 7 -> 10 days; p90 the 27th = 16 -> 19 days.
    # S2: i % 20 takes 0..19 once -> median the 10th = 9 -> 12 days; p90 the 18th = 17 -> 20.  Deadline 14 days.
    eng = load(client)
    res = analyse(eng)
    for lang in ("en", "he"):
        fig = res.figures(lang)["capability_by_service"]
        panels = _panels(fig)
        # S2 (20 cases) is hidden in the table below with S3 (secondary suppression): the chart draws what the
        # table shows, so S2 has no panel either (review2-story D7: a row is hidden whole)
        assert list(panels) == ["S1 Parking permit"]
        (s1,) = panels.values()
        assert [float(line.get_ydata()[0]) for line in s1.get_lines()[:2]] == pytest.approx([10.0, 19.0])
        assert list(s1.get_lines()[2].get_ydata()) == pytest.approx([14, 14])  # the deadline
        text = _figure_text(fig)
        assert "Welfare" not in text and "S3" not in text and "Property tax" not in text  # never drawn nor named
        assert " ".join(t("journeys.capability.small", lang, n=2, count="2", size="5").split()) in " ".join(text.split())
        if lang == "he":  # time runs right to left
            assert s1.xaxis_inverted()
            assert fig.get_suptitle() == t("journeys.fig.capability_by_service", "he")
        else:
            assert not s1.xaxis_inverted()
        fig.clear()
    # a cap of one panel: still S1 alone, nothing named as left out for the cap
    one = analyse(eng, service_panels=1).figures("en")["capability_by_service"]
    assert list(_panels(one)) == ["S1 Parking permit"]
    assert "Not drawn (fewer cases)" not in _figure_text(one)
    one.clear()
    with pytest.raises(AnalysisError):
        analyse(eng, service_panels=0)
    # the table: one row per group and month, small groups (S3, kiosk, Tiny unit: 3 cases) left out, and with
    # each the smallest other group of its breakdown (S2 20, web 20, Revenue 20: secondary suppression, review2
    # §4), else the total cases less the groups shown would give the small one (53 - 30 - 20 = 3).  The chart
    # above draws the same cells (S2 hidden whole).
    for lang in ("en", "he"):
        table = res.tables(lang)["capability_by_group"]
        col = {k: t(f"journeys.col.{k}", lang) for k in ("breakdown", "group", "cases", "sla_met")}
        col.update(median_days=t("journeys.col.km_median_days", lang), p90_days=t("journeys.col.km_p90_days", lang))
        rows = {(b, g): r for b, g, r in zip(table[col["breakdown"]], table[col["group"]], table.to_dict("records"))}
        service, channel, unit = (t(f"journeys.col.{k}", lang) for k in ("service", "channel", "unit"))
        assert set(rows) == {(service, "S1 Parking permit"), (channel, channel_label("counter", lang)),
                             (unit, "Parking")}
        s1 = rows[(service, "S1 Parking permit")]
        assert (s1[col["cases"]], s1[col["median_days"]], s1[col["p90_days"]]) == (30, 10.0, 19.0)
        assert s1[col["sla_met"]] == pytest.approx(22 / 30)  # unrounded (the output layer rounds once); breaches at i = 12..19: 8 of 30
        # counter: S1 cases with i % 3 == 0 (i % 20: 0 3 6 9 12 15 18 1 4 7) and S2 (0..19) -> 30, sorted
        # 0 0 1 1 2 3 3 4 4 5 6 6 7 7 8 9 9 10 11 12 12 13 14 15 15 16 17 18 18 19: median the 15th = 8 -> 11 days
        assert rows[(channel, channel_label("counter", lang))][col["median_days"]] == 11.0
        assert (table[col["cases"]] >= eng.settings.min_group_size).all()


def test_the_results_views_are_those_of_the_present_module(client):
    # the result's tables/figures/findings/skipped hand over to present: the same output either way
    res = analyse(load(client))
    for lang in ("en", "he"):
        mine, theirs = res.tables(lang), present.tables(res, lang)
        assert mine.keys() == theirs.keys()
        for name in mine:
            pd.testing.assert_frame_equal(mine[name], theirs[name])
            assert mine[name].attrs == theirs[name].attrs
        assert res.findings(lang) == [plain(x) for x in present.findings(res, lang)]  # Presented strips the markers
        assert res.findings(lang, marked=True) == present.findings(res, lang)
        assert res.takeaways(lang) == present.takeaways(res, lang) and res.methods(lang) == present.methods(res, lang)
        assert res.skipped(lang) == present.skipped(res, lang)
    figs, same = res.figures("en"), present.figures(res, "en")
    assert set(figs) == set(same)
    for f in [*figs.values(), *same.values()]:
        f.clear()


def test_tables_are_typed_by_the_catalogue_key_of_each_header(client):
    # results.xlsx formats a column by the kind of its header's catalogue key (svcwork.tables), never by the
    # translated words: every header from the catalogue records its key; only the columns named after a
    # channel (text cells) have none, and the hand-off matrix's columns named after units are hand-off counts.
    # A commitment on the counter too: the web one alone is not shown (web is a channel the report hides)
    sheets = english_sheets()
    sheets["Journey"] = journey_rows()
    sheets["Standards"] = [["service_id", "measure", "target", "channel"], ["*", "resolution_days", 14, "*"],
                           ["S1", "first_response_days", 1, "web"], ["S1", "first_response_days", 1, "counter"]]
    write_xlsx(client / "intake.xlsx", sheets)
    res = analyse(load(client))
    for lang in ("en", "he"):
        tables = res.tables(lang)
        for name, frame in tables.items():
            for header in frame.columns:
                key = column_key(frame, header)
                if key is None and name in ("standards_consistency", "channel_parity"):
                    assert header in {channel_label(c, lang) for c in ("counter", "phone", "web", "app", "email",
                                                                        "mail", "chat", "kiosk")}, (lang, name, header)
                    continue
                assert key is not None, (lang, name, header)
                if name == "handoff_matrix" and header != t("journeys.col.from", lang):
                    assert key == "journeys.col.handoffs" and column_kind(frame, header) == "count"
                    continue
                assert t(key, lang) == header, (lang, name, header, key)

        def kinds(name):
            return [column_kind(tables[name], h) for h in tables[name].columns]

        assert kinds("capability") == [None, "count", "count", "days", "days", "share"]  # month, cases, still open …
        assert kinds("capability_by_group") == [None, None, None, "count", "count", "days", "days", "share"]
        assert kinds("handoffs") == [None, None, "count", "hours", None]  # ping-pong: whole numbers, no kind needed
        assert kinds("standards")[5:10] == ["count", "share", "limit", "limit", None]
        assert kinds("variants")[3:] == ["count", "share", "share", "days"]
        kpi = dict(zip(tables["kpis_by_service"].columns, kinds("kpis_by_service")))
        assert kpi[t("journeys.col.sla_met", lang)] == "share" and kpi[t("journeys.col.fcr", lang)] == "share"
        assert kpi[t("journeys.col.km_median_days", lang)] == "days" and kpi[t("journeys.col.cases", lang)] == "count"


def test_key_figures_are_worked_out_once_per_result(client, monkeypatch):
    """The findings, takeaways, the record and the notebook all ask for the key figures: one
    computation per result, and the same figures a fresh result gives (each call of a new result
    computes them again: the memo is the result's own, never shared)."""
    from svcwork.journeys import figures as jfigures

    calls = []
    compute = jfigures.key_figures
    monkeypatch.setattr(jfigures, "key_figures", lambda res: calls.append(res) or compute(res))
    res = analyse(load(client))
    first = res.key_figures()
    res.findings("en"), res.findings("he", marked=True), res.takeaways("en"), res.key_figures()
    assert len(calls) == 1 and res.key_figures() is first and len(first) > 5
    other = analyse(load(client))
    assert other.key_figures() == first and len(calls) == 2


def test_case_measures_reach_the_output_layer_unrounded():
    """review3-change D2: "Case measures by unit" stored 0.9065 for a closure rate of 0.906542 and printed 90.6%
    (rounding twice); the table carries the breakdown's values as they are, and the output layer rounds once."""
    from svcwork.journeys.capability import breakdown
    from svcwork.tables import column_key

    res = analyse(load(Path(__file__).parents[1] / "data" / "clients" / "northfield-licensing"))
    ref = breakdown(res.log.cases, "unit", min_size=res.min_group_size).set_index("unit")
    table = res.tables("en")["kpis_by_unit"]
    by_key = {column_key(table, h): h for h in table.columns}
    unit, rate = by_key["journeys.col.unit"], by_key["journeys.col.closure_rate"]
    shown = dict(zip(table[unit], table[rate]))
    assert shown and all(shown[u] == ref.loc[u, "closure_rate"] for u in shown)
    assert any(round(v, 4) != v for v in shown.values())  # the values a 4-decimal step would have changed
