"""Management, links to the other analyses: findings the action plan should answer, and each unit's
KPI and survey signals for its page (:mod:`svcwork.management.links`)."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest
from conftest import english_sheets, write_xlsx
from test_management_analysis import EMPLOYEES, _client

import svcwork
from svcwork.errors import AnalysisError
from svcwork.management import analyse, linked_findings, unit_signals


def _linked_client(folder):
    sheets = english_sheets()  # K1 "Answered within 60 s": 0.75 against a target of 0.8 (missed)
    sheets["Journey"] = [
        ["journey", "step", "stage", "touchpoint", "channel", "pain_point"],
        ["Parking permit", 1, "Apply", "Counter", "counter", "Long queues at the counter"],
        ["Parking permit", 2, "Wait", "Street", "counter", "No parking signage"],
        ["Parking permit", 3, "Receive", "Counter", "counter", "long queues at  the counter"],  # the same pain
    ]
    sheets["Actions"] = [
        ["action_id", "action", "owner", "due_date", "status", "source", "finding"],
        ["A1", "Open a second counter", "Head of parking", dt.date(2026, 3, 1), "open", "journey",
         "Long queues at the counter"],
        ["A2", "Call-back at peak hours", "Contact centre", dt.date(2026, 4, 1), "open", "kpi", "K1 below target"],
        ["A3", "Shorter decision letters", "Head of revenue", dt.date(2026, 4, 1), "open", "survey",
         "Low agreement on efficiency"],
        ["A4", "Decrease the number of form steps", "Head of revenue", dt.date(2026, 5, 1), "open", "survey", None],
        ["A5", "Ease of use review", "COO", dt.date(2026, 5, 1), "cancelled", "survey", "ease"],
    ]
    write_xlsx(folder / "intake.xlsx", sheets)
    # satisfaction driven by ease and efficiency, which few agree with: the "concentrate here" items
    rng = np.random.default_rng(2)
    n = 300
    low, high = [0.2, 0.3, 0.2, 0.2, 0.1], [0.02, 0.03, 0.05, 0.4, 0.5]
    survey = pd.DataFrame({"response_id": np.arange(n), "date": "2026-02-01"})
    for item, p in (("ease", low), ("efficiency", low), ("equity", high), ("helpfulness", high)):
        survey[item] = rng.choice(np.arange(1, 6), n, p=p)
    survey["satisfaction"] = np.clip(np.round((survey["ease"] + survey["efficiency"]) / 2 + rng.normal(0, 0.5, n)), 1, 5)
    survey.to_csv(folder / "survey.csv", index=False)
    return folder


def test_linked_findings_flag_what_no_action_answers(tmp_path):
    eng = svcwork.load(_linked_client(tmp_path / "linked"))
    linked = linked_findings(eng)
    assert linked["pain_points"] == ["Long queues at the counter", "No parking signage"]
    assert linked["kpi_signals"] == ["Answered within 60 s"]
    assert sorted(linked["drivers"]) == ["Ease", "Efficiency"]
    res = analyse(eng, **linked)
    got = res.unanswered.set_index("finding")
    # a pain point with a matching action is answered, one without is flagged
    assert got.loc["Long queues at the counter", "covered"] and got.loc["Long queues at the counter", "action_ids"] == "A1"
    assert not got.loc["No parking signage", "covered"]
    assert got.loc["Answered within 60 s", "action_ids"] == "A2"  # the action quotes the KPI's id
    assert got.loc["Efficiency", "action_ids"] == "A3"
    # "decrease" does not mention "ease", and a cancelled action answers nothing
    assert not got.loc["Ease", "covered"]
    assert res.summary()["findings_without_action"] == 2
    he = res.tables("he")["findings_without_action"]
    assert set(he.iloc[:, 1]) == {"No parking signage", "קלות"}  # survey items in the report language
    from svcwork.i18n import t
    assert t("management.finding.unanswered", "en", count=2) in res.findings("en")
    # no Journey sheet and no survey: empty lists (the KPI still misses its target)
    bare = svcwork.load(_client(tmp_path / "bare"))
    assert linked_findings(bare) == {"pain_points": [], "kpi_signals": ["Answered within 60 s"], "drivers": []}
    with pytest.raises(AnalysisError, match="Engagement"):
        linked_findings(pd.DataFrame())


def _pack_client(folder):
    _client(folder)
    from openpyxl import load_workbook
    sheets = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in load_workbook(folder / "intake.xlsx")}
    sheets["KPIs"] = [["kpi_id", "kpi_name", "direction", "target", "kind", "service_id"],
                      ["K1", "Answered within 60 s", "higher", 0.8, "proportion", "S1"],
                      ["K2", "Average wait (minutes)", "lower", 6, "mean", None]]
    sheets["KPI values"] = [["kpi_id", "period", "value", "n", "unit"],
                            ["K1", "2026-01", 0.7, 1000, None], ["K1", "2026-02", 0.75, 1100, None],
                            *[["K2", f"2026-{m:02d}", v, None, "Revenue"]
                              for m, v in zip(range(1, 7), (5.0, 5.2, 4.9, 5.1, 5.0, 9.0))]]
    write_xlsx(folder / "intake.xlsx", sheets)
    rng = np.random.default_rng(4)
    parts = []
    for unit, n, p_agree in (("Parking", 60, 0.3), ("Revenue", 80, 0.8), ("Welfare", 20, 0.5), ("Tiny", 3, 0.5)):
        agree = rng.random((n, 3)) < p_agree
        parts.append(pd.DataFrame({"unit": unit, **{item: np.where(agree[:, j], 5, 2)
                                                    for j, item in enumerate(("satisfaction", "ease", "trust"))}}))
    survey = pd.concat(parts, ignore_index=True)
    survey.insert(0, "response_id", np.arange(len(survey)))
    survey.insert(1, "date", "2026-03-01")
    survey.to_csv(folder / "survey.csv", index=False)
    return folder


def test_unit_pages_show_survey_intervals_and_kpi_signals_without_leaks(tmp_path):
    from svcwork import measures, report
    eng = svcwork.load(_pack_client(tmp_path / "packs"))
    res = analyse(eng)
    sig = unit_signals(eng, lang="en")
    assert "Tiny" not in sig and "Welfare" not in sig  # 3 responses; Welfare hidden by secondary suppression
    by_unit = measures.analyse(eng, n_boot=0).by["unit"]
    parking = {s.label: s for s in sig["Parking"] if s.kind == "survey"}
    row = by_unit[(by_unit["unit"] == "Parking") & (by_unit["item"] == "ease")].iloc[0]
    ease = parking["Ease"]
    assert ease.value == pytest.approx(100 * row["pct_agree"]) and ease.n == row["n"] == 60
    lo, hi = measures.wilson_interval(row["agree"], row["n"]).low, measures.wilson_interval(row["agree"], row["n"]).high
    assert (ease.low, ease.high) == (pytest.approx(100 * lo), pytest.approx(100 * hi))
    assert ease.signal and "below the other units" in ease.note  # 30 % against 80 %: significantly lower
    kpi = {s.label: s for s in sig["Parking"] if s.kind == "kpi"}
    assert kpi["Answered within 60 s"].signal and "misses the target" in kpi["Answered within 60 s"].note
    wait = {s.label: s for s in sig["Revenue"] if s.kind == "kpi"}["Average wait (minutes)"]
    assert wait.signal and wait.value == 9.0 and "control-chart signal" in wait.note  # rule 1 in June
    assert not any(s.kind == "kpi" for s in sig.get("Welfare", ()))
    for lang in ("en", "he"):
        packs = res.unit_packs(signals=unit_signals(eng, lang=lang))  # notes and item names in the page's language
        assert "Tiny" not in {p.unit for p in packs}
        out = tmp_path / f"out-{lang}"
        paths = report.write_unit_packs(packs, output_dir=out, engagement=eng, lang=lang)
        names = {p.name.casefold() for p in paths}
        assert names == {"parking.html", "revenue.html"}, names  # no page for Archive (all suppressed), Tiny, Welfare
        page = next(p for p in paths if p.name.casefold() == "parking.html").read_text(encoding="utf-8")
        assert t_("report.unit_table.survey", lang) in page and t_("report.unit_table.signals", lang) in page
        assert t_("management.col.pct_agree", lang) in page and t_("management.col.low", lang) in page
        assert f"{100 * lo:.1f}" in page and f"{100 * hi:.1f}" in page  # the Wilson interval of "ease"
        assert t_("measures.item_short.ease", lang) in page or t_("measures.item.ease", lang) in page
        revenue = next(p for p in paths if p.name.casefold() == "revenue.html").read_text(encoding="utf-8")
        assert "Average wait (minutes)" in revenue
        text = "".join(p.read_text(encoding="utf-8") for p in paths)
        for leak in ("Tiny", "Welfare", "Archive", "greeting", "Z999"):
            assert leak not in text, leak
        for code in [c for emps in EMPLOYEES.values() for c in emps]:
            assert not re.search(rf"\b{code}\b", text), code
        assert not re.search(r"emp-[0-9a-f]{12}", text)  # no pseudonym either


def t_(key, lang):
    from svcwork.i18n import t
    return t(key, lang)
