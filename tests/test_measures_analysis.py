"""The engagement analysis (svcwork.measures.analyse): summary, tables, figures and findings of whole clients."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from conftest import english_sheets, write_xlsx
from svcwork import AnalysisError, load
from svcwork import measures as M
from svcwork.i18n import t

HEBREW = re.compile(r"[\u0590-\u05ff]")


# =========================================================================== the engagement analysis
def _survey_file(n: int = 400, seed: int = 0, *, tiny_unit: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    latent = rng.normal(0, 1, n)
    units = rng.choice(["Parking", "Revenue"], n)
    units[:tiny_unit] = "Tiny"
    frame = pd.DataFrame({"response_id": np.arange(n), "unit": units,
                          "date": (pd.Timestamp("2026-01-05") + pd.to_timedelta(rng.integers(0, 170, n), unit="D"))
                          .strftime("%Y-%m-%d"),
                          "channel": rng.choice(["web", "דלפק"], n),
                          "service_id": np.where(units == "Revenue", "S2", "S1")})
    for item in M.A11_ITEMS:
        frame[item] = np.clip(np.round(3.2 + latent + rng.normal(0, 0.9, n) + 0.4 * (units == "Revenue")), 1, 5)
    frame["nps"] = np.clip(np.round(7 + 2 * latent), 0, 10)
    frame["ces"] = np.clip(np.round(4 + latent + rng.normal(0, 1, n)), 1, 7)
    comments = ["Waited too long, call me 054-7654321", "שלום רב, האתר לא עבד", "", "Hi Noa, thank you!"]
    frame["comment"] = [comments[i % 4] for i in range(n)]
    return frame


@pytest.fixture
def full_client(tmp_path: Path) -> Path:
    folder = tmp_path / "measured"
    sheets = english_sheets()
    sheets["Channels"] = [["service_id", "channel", "available", "share_pct"], ["S1", "counter", "yes", 50],
                          ["S1", "web", "yes", 50], ["S2", "counter", "yes", 80], ["S2", "web", "yes", 20]]
    kv = [["kpi_id", "period", "value", "n"]]
    for i in range(14):
        kv.append(["K1", f"{2025 + i // 12}-{i % 12 + 1:02d}", 0.7 + 0.01 * (i % 3), 1000])
    sheets["KPI values"] = kv
    sheets["Standards"] = [["service_id", "measure", "target", "channel"], ["*", "resolution_days", 3, "*"]]
    write_xlsx(folder / "intake.xlsx", sheets)
    _survey_file().to_csv(folder / "survey.csv", index=False)
    t0 = pd.Timestamp("2026-02-01T09:00:00Z")
    cases = [(f"C{i}", a, (t0 + pd.Timedelta(days=d * (1 + i % 5))).isoformat())
             for i in range(30) for a, d in (("received", 0), ("closed", 1))]
    pd.DataFrame(cases, columns=["case_id", "activity", "timestamp"]).to_csv(folder / "cases.csv", index=False)
    return folder


def test_analyse_full_engagement_summary_tables_figures_findings(full_client):
    eng = load(full_client)
    before = {k: v.copy() for k, v in eng.tables.items()}, eng.survey.copy(), eng.cases.copy()
    res = M.analyse(eng, seed=1, n_boot=60)
    for key, frame in before[0].items():  # inputs are never mutated
        pd.testing.assert_frame_equal(eng.tables[key], frame)
    pd.testing.assert_frame_equal(eng.survey, before[1])
    pd.testing.assert_frame_equal(eng.cases, before[2])
    summary = res.summary()
    json.dumps(summary, allow_nan=False)
    survey = summary["survey"]
    assert survey["n"] == 400 and set(survey["csat"]) == {"value", "low", "high", "n"}
    sat = eng.survey["satisfaction"]
    assert survey["csat"]["value"] == pytest.approx((sat >= 4).mean(), abs=1e-4)
    low, high = proportion_confint((sat >= 4).sum(), len(sat), method="wilson")
    assert (survey["csat"]["low"], survey["csat"]["high"]) == pytest.approx((low, high), abs=1e-4)
    assert survey["trust"]["n"] == 400 and -100 <= survey["nps"]["low"] <= survey["nps"]["value"] <= 100
    assert survey["weighted"] is not None  # Services volumes × Channels shares are known
    ref = stats.ttest_1samp(eng.survey["ces"].dropna(), 0).confidence_interval(0.95)  # scipy's t interval
    assert survey["ces"]["mean"] == pytest.approx(eng.survey["ces"].mean(), abs=1e-3)
    assert (survey["ces"]["mean_low"], survey["ces"]["mean_high"]) == pytest.approx((ref.low, ref.high), abs=1e-3)
    assert survey["ces"]["value"] == pytest.approx((eng.survey["ces"] >= 5).mean(), abs=1e-4)
    kpi = summary["kpis"][0]
    assert set(kpi) >= {"kpi_id", "last", "target", "met", "signals"} and kpi["met"] is False
    assert summary["standards"][0]["n"] == 30
    for lang in ("en", "he"):
        tables = res.tables(lang)
        assert {"survey_items", "survey_by_unit", "unit_vs_all", "nps", "drivers", "kpi_scorecard",
                "service_standards", "comments", "themes"} <= set(tables)
        for frame in tables.values():
            text = " ".join(map(str, frame.columns)) + " " + frame.astype(str).to_string()
            assert "Tiny" not in text  # 3 responses < min_group_size 5: never shown
            assert "054" not in text and "Noa" not in text  # redacted comments
        if lang == "he":
            assert all(HEBREW.search(c) or c in ("NPS",) for c in tables["survey_items"].columns)
        figures = res.figures(lang)
        assert {"survey_items", "unit_comparison", "drivers", "importance_performance", "scorecard",
                "control_K1", "nps", "service_standards"} <= set(figures)
        for name, fig in figures.items():
            labels = " ".join(tick.get_text() for ax in fig.axes for tick in ax.get_yticklabels() + ax.get_xticklabels())
            assert "Tiny" not in labels, name
            # uncertainty on every figure: interval segments, error bars or control-limit lines
            assert any(isinstance(c, LineCollection) for ax in fig.axes for c in ax.collections) or \
                any(len(ax.get_lines()) >= 3 for ax in fig.axes), name
        findings = res.findings(lang)
        assert 1 <= len(findings) <= 10 and all(isinstance(f, str) and f for f in findings)
        if lang == "he":
            assert all(HEBREW.search(f) for f in findings)


def test_analyse_without_survey_or_kpis_says_so(english_client, tmp_path):
    eng = load(english_client)  # KPIs but no survey and no case log
    res = M.analyse(eng)
    assert res.available and not res.survey_available
    s = res.summary()
    assert s["survey"]["n"] == 0 and s["survey"]["csat"] is None and s["kpis"][0]["kpi_id"] == "K1"
    assert "survey" in res.skipped("en") and HEBREW.search(res.skipped("he"))
    sheets = english_sheets()
    del sheets["KPIs"], sheets["KPI values"]
    write_xlsx(tmp_path / "bare" / "intake.xlsx", sheets)
    bare = M.analyse(load(tmp_path / "bare"))
    assert not bare.available and bare.tables("en") == {} and bare.figures("he") == {}
    assert bare.findings("he") == [bare.skipped("he")]
    json.dumps(bare.summary(), allow_nan=False)


def test_analyse_hides_a_survey_smaller_than_the_minimum_group(tmp_path):
    sheets = english_sheets()  # min_group_size 5
    write_xlsx(tmp_path / "c" / "intake.xlsx", sheets)
    _survey_file(4, tiny_unit=0).to_csv(tmp_path / "c" / "survey.csv", index=False)
    res = M.analyse(load(tmp_path / "c"))
    assert res.survey_available and res.summary()["survey"]["csat"] is None and res.summary()["survey"]["n"] == 4
    assert "survey_items" not in res.tables("en") and "survey_items" not in res.figures("en")
    assert "4" in res.skipped("en")


def test_analyse_rejects_bad_options(english_client):
    eng = load(english_client)
    with pytest.raises(AnalysisError, match="outcome"):
        M.analyse(eng, outcome="happiness")
    with pytest.raises(AnalysisError, match="confidence"):
        M.analyse(eng, confidence=1.5)


def test_analyse_hebrew_engagement_with_hebrew_survey_headers(hebrew_client):
    frame = _survey_file(120, seed=4, tiny_unit=0)
    frame["unit"] = np.where(frame["unit"] == "Parking", "חניה", "גבייה")
    names = {"response_id": "מזהה תשובה", "date": "תאריך", "unit": "יחידה", "channel": "ערוץ",
             "satisfaction": "שביעות רצון", "trust": "אמון", "ease": "קלות", "nps": "נכונות להמליץ", "comment": "הערה"}
    frame[list(names)].rename(columns=names).to_csv(hebrew_client / "survey.csv", index=False)
    eng = load(hebrew_client)
    assert eng.language == "he"
    res = M.analyse(eng, n_boot=0)
    assert res.summary()["survey"]["csat"]["n"] == 120
    tables = res.tables("he")
    by_unit = tables["survey_by_unit"]
    assert set(by_unit["יחידה"]) == {"חניה", "גבייה"} and "שיעור המסכימים (%)" in by_unit.columns
    channels = set(tables["survey_by_channel"]["ערוץ"])
    assert channels == {"אתר", "דלפק"}  # "web" and "דלפק" both shown as the Hebrew channel names
    assert "drivers" not in tables  # only one driver item: no key driver analysis
    figures = res.figures("he")
    assert figures["survey_items"].axes[0].xaxis_inverted()  # right-to-left
    assert all(HEBREW.search(f) for f in res.findings("he"))


def test_a_skipped_part_says_why_in_the_report_language(tmp_path):
    frame = _survey_file(200, tiny_unit=0)
    frame["efficiency"] = frame["ease"]  # two identical drivers: no key driver analysis (perfectly collinear)
    write_xlsx(tmp_path / "c" / "intake.xlsx", english_sheets())
    frame.to_csv(tmp_path / "c" / "survey.csv", index=False)
    res = M.analyse(load(tmp_path / "c"), n_boot=0)
    assert res.drivers is None and res.ipa.empty and "drivers" not in res.tables("en")
    for lang in ("en", "he"):
        assert t("measures.skipped.drivers_error", lang, reason=t("measures.error.collinear", lang)) in res.skipped(lang)
