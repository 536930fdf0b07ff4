"""The links between the analyses (:mod:`svcwork.links`), checked by hand, and their reuse within a run.

What prioritisation and management take from measures (benefit signal, weak drivers, KPI signals);
the findings the action plan should answer and each unit's KPI and survey signals for its page;
:func:`svcwork.links.remember`, which keeps a result for the other notebooks of a run.
"""

from __future__ import annotations

import ast
import datetime as dt
import itertools
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from test_management_analysis import EMPLOYEES, _client
from test_measures_drivers import _r2

import svcwork
from conftest import DEMO_CLIENTS as ROOT_DEMO, english_sheets, write_xlsx
from svcwork import AnalysisError, links, load
from svcwork import measures as M
from svcwork.management import Finding, analyse
from svcwork.links import linked_findings, unit_signals

ROOT = Path(__file__).resolve().parents[1]


# =========================================================================== links to prioritisation and management
def _focus_survey(n: int = 400, seed: int = 11) -> pd.DataFrame:
    """Satisfaction driven by ease and efficiency (agreed by ~30%); equity and helpfulness
    irrelevant and agreed by ~90%: ease and efficiency are the "concentrate here" items."""
    rng = np.random.default_rng(seed)
    low, high = [0.2, 0.3, 0.2, 0.2, 0.1], [0.02, 0.03, 0.05, 0.4, 0.5]
    i = np.arange(n)
    # S3: 3 responses (suppressed); S4: 8 (hidden too, so S3 cannot be recovered from a margin)
    frame = pd.DataFrame({"response_id": i, "date": "2026-02-01",
                          "service_id": np.where(i < 3, "S3", np.where(i < 11, "S4", np.where(i % 2 == 0, "S1", "S2")))})
    for item, p in (("ease", low), ("efficiency", low), ("equity", high), ("helpfulness", high)):
        frame[item] = rng.choice(np.arange(1, 6), n, p=p)
    frame.loc[frame["service_id"] == "S2", "ease"] = np.clip(frame["ease"] + 1, 1, 5)  # S2 does better on ease
    frame["satisfaction"] = np.clip(np.round((frame["ease"] + frame["efficiency"]) / 2 + rng.normal(0, 0.5, n)), 1, 5)
    return frame


@pytest.fixture
def focus_client(tmp_path: Path) -> Path:
    folder = tmp_path / "focus"
    write_xlsx(folder / "intake.xlsx", english_sheets())  # min_group_size 5
    _focus_survey().to_csv(folder / "survey.csv", index=False)
    return folder


def test_benefit_signal_is_the_disagreement_on_the_concentrate_items_by_hand(focus_client):
    frame = _focus_survey()
    eng = load(focus_client)
    drivers = ["ease", "efficiency", "equity", "helpfulness"]
    # importance: LMG by brute force over all orderings with statsmodels' R² (Lindeman, Merenda & Gold 1980);
    # performance: % agreeing (4-5); quadrant cross-hairs at the means (Martilla & James 1977)
    lmg = dict.fromkeys(drivers, 0.0)
    orders = list(itertools.permutations(drivers))
    for order in orders:
        for k, d in enumerate(order):
            lmg[d] += (_r2(frame, "satisfaction", order[:k + 1]) - _r2(frame, "satisfaction", order[:k])) / len(orders)
    perf = {d: float((frame[d] >= 4).mean()) for d in drivers}
    focus = [d for d in drivers if lmg[d] >= np.mean(list(lmg.values())) and perf[d] < np.mean(list(perf.values()))]
    assert focus == ["ease", "efficiency"]  # as built
    got = links.benefit_signal(eng, seed=3)
    assert got.index.name == "service_id" and set(got.index) == {"S1", "S2"}  # S3 (3 < 5) and S4 suppressed
    for sid in ("S1", "S2"):
        rows = frame[frame["service_id"] == sid]
        assert got[sid] == pytest.approx(1 - np.mean([(rows[d] >= 4).mean() for d in focus]), abs=1e-12)
    assert list(got.index) == ["S1", "S2"] and got["S1"] > got["S2"]  # largest gap first
    assert sorted(links.weak_drivers(eng)) == ["Ease", "Efficiency"]
    assert sorted(links.weak_drivers(eng, lang="he")) == sorted(["קלות", "יעילות"])
    # the full analysis reaches the same signal and items through the same code path
    res = M.analyse(eng, n_boot=20, seed=3)
    assert res.service_signal.set_index("service_id")["gap"].to_dict() == pytest.approx(got.to_dict())
    assert sorted(res.summary()["survey"]["concentrate_here"]) == focus


def test_links_are_empty_without_a_survey_or_kpis(english_client, tmp_path):
    eng = load(english_client)  # no survey
    got = links.benefit_signal(eng)
    assert got.empty and got.index.name == "service_id" and got.dtype == float
    assert links.weak_drivers(eng) == []
    with pytest.raises(AnalysisError, match="outcome"):
        links.benefit_signal(eng, outcome="happiness")
    sheets = english_sheets()
    del sheets["KPIs"], sheets["KPI values"]
    write_xlsx(tmp_path / "bare" / "intake.xlsx", sheets)
    assert links.kpi_signals(load(tmp_path / "bare")) == []


def test_kpi_signals_name_the_kpis_with_a_signal_or_a_missed_target(tmp_path):
    sheets = english_sheets()
    sheets["KPIs"] = [["kpi_id", "kpi_name", "direction", "target", "kind"],
                      ["K1", "Days to decide", "lower", 15, "mean"],      # met, one month far out: signal
                      ["K2", "Calls answered", "higher", 90, "mean"],     # stable below target: missed
                      ["K3", "Complaints", "lower", 30, "mean"],          # met and stable: no finding
                      ["K4", "Forms online", "higher", 50, "mean"]]       # missed
    values = [["kpi_id", "period", "value"]]
    for m in range(12):
        period = f"2025-{m + 1:02d}"
        values += [["K1", period, 40.0 if m == 6 else 10 + 0.1 * (m % 2)], ["K2", period, 80 + 0.3 * (m % 2)],
                   ["K3", period, 20 + 0.2 * (m % 2)], ["K4", period, 40 + 0.5 * (m % 2)]]
    sheets["KPI values"] = values
    write_xlsx(tmp_path / "k" / "intake.xlsx", sheets)
    # by hand (Wheeler & Chambers 1992): K1 centre 12.55, average moving range (2 x 30 + 9 x 0.1) / 11 = 5.54,
    # upper limit 12.55 + 2.66 x 5.54 = 27.3 < 40; the others move by less than one sigma
    assert links.kpi_signals(load(tmp_path / "k")) == ["Days to decide", "Calls answered", "Forms online"]



# =========================================================================== links to management
def _linked_client(folder, *, link_columns: bool = True):
    sheets = english_sheets()  # K1 "Answered within 60 s": 0.75 against a target of 0.8 (missed)
    sheets["Journey"] = [
        ["journey", "step", "stage", "touchpoint", "channel", "pain_point"],
        ["Parking permit", 1, "Apply", "Counter", "counter", "Long queues at the counter"],
        ["Parking permit", 2, "Wait", "Street", "counter", "No parking signage"],
        ["Parking permit", 3, "Receive", "Counter", "counter", "long queues at  the counter"],  # the same pain
    ]
    sheets["Actions"] = [
        ["action_id", "action", "owner", "due_date", "status", "source", "finding", "journey", "journey_step", "kpi_id",
         "survey_item"],
        ["A1", "Open a second counter", "Head of parking", dt.date(2026, 3, 1), "open", "journey",
         "Long queues at the counter", "Parking permit", 1, None, None],
        ["A2", "Call-back at peak hours", "Contact centre", dt.date(2026, 4, 1), "open", "kpi", "K1 below target",
         None, None, "K1", None],
        ["A3", "Shorter decision letters", "Head of revenue", dt.date(2026, 4, 1), "open", "survey",
         "Low agreement on efficiency", None, None, None, "יעילות"],  # the item by its Hebrew name
        ["A4", "Decrease the number of form steps", "Head of revenue", dt.date(2026, 5, 1), "open", "survey", None,
         None, None, None, None],
        ["A5", "Ease of use review", "COO", dt.date(2026, 5, 1), "cancelled", "survey", "ease", None, None, None, "ease"],
    ]
    if not link_columns:  # the same plan, its findings named only in words
        sheets["Actions"] = [row[:7] for row in sheets["Actions"]]
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
    # each finding with the ids that name it: a pain point by its journey steps (the same pain twice: both steps)
    assert [f.text for f in linked["pain_points"]] == ["Long queues at the counter", "No parking signage"]
    assert linked["pain_points"][0].ids == ["Parking permit · 1", "Parking permit · 3"]
    assert linked["kpi_signals"] == [Finding.kpi("Answered within 60 s", "K1")]
    assert sorted(f.text for f in linked["drivers"]) == ["ease", "efficiency"]
    res = analyse(eng, **linked)
    got = res.unanswered.set_index("finding")
    # covered only when an action names the finding's id in a link column
    assert got.loc["Long queues at the counter", "covered"] and got.loc["Long queues at the counter", "action_ids"] == "A1"
    assert not got.loc["No parking signage", "covered"]
    assert got.loc["Answered within 60 s", "action_ids"] == "A2"
    assert got.loc["efficiency", "action_ids"] == "A3"  # named "יעילות": the loader reads it as the item ease
    assert not got.loc["ease", "covered"]  # only a cancelled action names it
    assert res.summary()["findings_without_action"] == 2
    he = res.tables("he")["findings_without_action"]
    assert set(he.iloc[:, 1]) == {"No parking signage", "קלות"}  # survey items in the report language
    from svcwork.i18n import t
    from svcwork.keyfigures import plain
    assert plain(t("management.finding.unanswered", "en", n=2, count="2", checked="5 findings")) in res.findings("en")
    # no Journey sheet and no survey: empty lists (the KPI still misses its target)
    bare = svcwork.load(_client(tmp_path / "bare"))
    assert linked_findings(bare) == {"pain_points": [], "kpi_signals": [Finding.kpi("Answered within 60 s", "K1")],
                                     "drivers": []}
    with pytest.raises(AnalysisError, match="Engagement"):
        linked_findings(pd.DataFrame())


def test_a_plan_that_names_its_findings_only_in_words_covers_none(tmp_path):
    """Words only suggest: the plan of the test above without its link columns answers no finding, and
    the actions whose wording matches are listed as suggestions to confirm."""
    eng = svcwork.load(_linked_client(tmp_path / "words", link_columns=False))
    res = analyse(eng, **linked_findings(eng))
    got = res.unanswered.set_index("finding")
    assert not got["covered"].any() and res.summary()["findings_without_action"] == 5
    assert got.loc["Long queues at the counter", "suggested"] == "A1"  # its finding text quotes the pain
    assert got.loc["Answered within 60 s", "suggested"] == "A2"  # "K1 below target": the KPI's id
    assert got.loc["efficiency", "suggested"] == "A3"
    assert got.loc["ease", "suggested"] == ""  # "decrease" does not mention "ease"; A5 is cancelled
    figures = {f.key: f for f in res.key_figures()}
    assert figures["management.findings_suggested"].value == 3


def test_on_target_kpis_are_not_findings():
    """A KPI that meets its target with no signal in its bad direction is no finding; a missed target or a
    bad-direction signal (deteriorated, or unstable: both directions) is."""
    card = pd.DataFrame({"kpi_id": ["K1", "K2", "K3", "K4", "K5", "K6"], "kpi_name": list("abcdef"),
                         "met": [True, True, False, True, None, True],
                         "status": ["improved", "stable", "improved", "deteriorated", "stable", "unstable"],
                         "signals": [3, 0, 2, 1, 0, 2]})
    assert [f.ids[0] for f in links._kpi_findings(card)] == ["K3", "K4", "K6"]


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


# =========================================================================== reuse within a run
def _counting(calls: list):
    def compute(engagement, **params):
        calls.append(params)
        return {"slug": engagement.slug, "params": params, "n": len(calls)}
    return compute


def test_remember_returns_the_stored_value_without_computing_again(focus_client, tmp_path):
    eng = load(focus_client)
    calls: list = []
    compute = _counting(calls)
    cache = tmp_path / "cache"
    first = links.remember(cache, eng, "thing", compute, seed=1, n_boot=0)
    assert first == {"slug": eng.slug, "params": {"seed": 1, "n_boot": 0}, "n": 1}
    again = links.remember(cache, load(focus_client), "thing", compute, n_boot=0, seed=1)  # same inputs, any order
    assert again == first and len(calls) == 1
    [stored] = (cache / links.RESULTS_DIR).iterdir()
    assert stored.name == f"thing-{links.result_key(eng, 'thing', seed=1, n_boot=0)}.pkl"
    # other options, another name: computed (and kept) apart
    assert links.remember(cache, eng, "thing", compute, seed=2, n_boot=0)["n"] == 2
    assert links.remember(cache, eng, "other", compute, seed=1, n_boot=0)["n"] == 3
    assert len(list((cache / links.RESULTS_DIR).iterdir())) == 3
    # a file that cannot be read is computed again and replaced
    stored.write_bytes(b"not a pickle")
    assert links.remember(cache, eng, "thing", compute, seed=1, n_boot=0)["n"] == 4
    assert links.remember(cache, eng, "thing", compute, seed=1, n_boot=0)["n"] == 4
    # no cache folder: simply computed, nothing written
    assert links.remember(None, eng, "thing", compute, seed=1, n_boot=0)["n"] == 5
    assert links.remember("", eng, "thing", compute, seed=1, n_boot=0)["n"] == 6
    # an engagement without input files (built in memory) has no key: never remembered
    bare = eng.__class__(**{**{f: getattr(eng, f) for f in eng.__dataclass_fields__}, "inputs": ()})
    assert links.result_key(bare, "thing") is None
    assert links.remember(cache, bare, "thing", compute)["n"] == 7
    assert links.remember(cache, bare, "thing", compute)["n"] == 8


def test_the_key_changes_when_an_input_file_or_svcwork_changes(focus_client, tmp_path, monkeypatch):
    eng = load(focus_client)
    key = links.result_key(eng, "measures")
    assert key == links.result_key(load(focus_client), "measures")  # a reload of the same files
    assert key != links.result_key(eng, "measures", n_boot=0) != links.result_key(eng, "journeys")
    calls: list = []
    compute = _counting(calls)
    cache = tmp_path / "cache"
    links.remember(cache, eng, "measures", compute)
    survey = focus_client / "survey.csv"
    frame = pd.read_csv(survey)
    frame.loc[0, "ease"] = 6 - frame.loc[0, "ease"]  # one answer changed
    frame.to_csv(survey, index=False)
    changed = load(focus_client)
    assert links.result_key(changed, "measures") != key
    links.remember(cache, changed, "measures", compute)
    assert len(calls) == 2  # computed again for the new inputs
    intake = focus_client / "intake.xlsx"
    intake.write_bytes(intake.read_bytes())  # the same bytes: the same key
    assert links.result_key(load(focus_client), "measures") == links.result_key(changed, "measures")
    before = links.result_key(changed, "measures")
    import svcwork.runcache

    monkeypatch.setattr(svcwork.runcache, "__version__", "0.0.0-other")  # another svcwork: nothing stored is reused
    assert links.result_key(changed, "measures") != before
    links.remember(cache, changed, "measures", compute)
    assert len(calls) == 3


def test_the_computing_notebook_gets_the_kept_value_as_the_others_read_it(focus_client, tmp_path):
    """Notebooks run side by side, so any of them may compute a shared value: the one that computes it
    gets it back as kept (read from the pickle), so every notebook's tables pickle to the same bytes."""
    import pickle

    eng = load(focus_client)
    computed = []

    def compute(engagement):
        frame = pd.DataFrame({"a": [1, 2, 3]}).assign(b=lambda f: f["a"] * 0.5)  # a frame with two blocks
        computed.append(frame)
        return {"table": frame}

    first = links.remember(tmp_path, eng, "thing", compute)
    second = links.remember(tmp_path, eng, "thing", compute)
    assert len(computed) == 1 and first["table"] is not computed[0]
    pd.testing.assert_frame_equal(first["table"], computed[0])
    assert pickle.dumps(first) == pickle.dumps(second)


def test_the_measures_analysis_runs_once_per_run(focus_client, tmp_path, monkeypatch):
    """Notebooks 10, 30 and 40 of one run (same cache folder) share one measures analysis."""
    real, calls = links._measures_analyse, []

    def counted(engagement, **options):
        calls.append(options)
        return real(engagement, **options)

    monkeypatch.setattr(links, "_measures_analyse", counted)
    cache = tmp_path / ".cache"
    results = [links.measures_result(svcwork.load(focus_client, cache_dir=cache), cache_dir=cache) for _ in range(3)]
    assert len(calls) == 1
    assert results[1].summary() == results[2].summary() == results[0].summary()
    assert isinstance(results[1], M.MeasuresResult) and set(results[1].by) == set(results[0].by)
    links.measures_result(load(focus_client))  # no cache folder: computed
    assert len(calls) == 2


@pytest.mark.slow
@pytest.mark.parametrize("client", ["neve-tamar", "northfield-licensing"])
def test_a_full_measures_result_gives_the_same_links_as_the_cheap_functions(client, tmp_path):
    eng = load(ROOT / "data" / "clients" / client)
    cache = tmp_path / "cache"
    full = links.measures_result(eng, cache_dir=cache)
    stored = links.measures_result(eng, cache_dir=cache)  # read back from the pickle
    assert stored is not full and stored.summary() == full.summary()
    for res in (full, stored):
        cheap = links.benefit_signal(eng)
        assert not cheap.empty or client != "neve-tamar"
        pd.testing.assert_series_equal(links.benefit_signal(eng, measures_result=res), cheap, check_exact=True)
        for lang in ("en", "he"):
            assert links.weak_drivers(eng, lang=lang, measures_result=res) == links.weak_drivers(eng, lang=lang)
            assert links.unit_signals(eng, lang=lang, measures_result=res) == links.unit_signals(eng, lang=lang)
        assert links.kpi_signals(eng, measures_result=res) == links.kpi_signals(eng)
        assert links.linked_findings(eng, measures_result=res) == links.linked_findings(eng)
    assert links.weak_drivers(eng) or links.kpi_signals(eng)  # something to compare
    # the management and prioritisation results are the same either way
    from svcwork import management, prioritize
    assert (management.analyse(eng, **links.linked_findings(eng, measures_result=stored)).summary()
            == management.analyse(eng, **links.linked_findings(eng)).summary())
    assert (prioritize.analyse(eng, n_samples=500, benefit_signal=links.benefit_signal(eng, measures_result=stored))
            .summary() == prioritize.analyse(eng, n_samples=500, benefit_signal=links.benefit_signal(eng)).summary())


def test_no_analysis_imports_the_links():
    for path in (ROOT / "svcwork").rglob("*.py"):
        if path.name == "links.py" and path.parent.name == "svcwork":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [f"{node.module or ''}." + a.name for a in node.names] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[-1] == "links" or ".links." in f".{n}." for n in names), (path, names)
    assert not (ROOT / "svcwork" / "measures" / "links.py").exists()
    assert not (ROOT / "svcwork" / "management" / "links.py").exists()


def test_the_round_record_reads_the_case_log_the_journeys_notebook_kept(tmp_path, monkeypatch):
    """The run does not pay twice (issue 15): the journeys notebook keeps its analysis in the run's
    cache, and the round record written at assembly reads its case log instead of analysing the log
    again — the same record the analysis from scratch gives (the reference)."""
    import svcwork.journeys.log as journeys_log
    from svcwork import report
    from svcwork.since import read_record, record

    eng = load(ROOT_DEMO / "northfield-licensing")
    reference = record(eng)  # analyses the case log itself
    kept = links.journeys_result(eng, cache_dir=tmp_path / "cache")
    assert links.remembered(tmp_path / "cache", eng, "journeys").log.cases.equals(kept.log.cases)
    assert links.remembered(tmp_path / "cache", eng, "journeys", top_k=3) is None  # other options: not kept

    def no_second_analysis(*args, **kwargs):
        raise AssertionError("the case log was analysed again")

    monkeypatch.setattr(journeys_log, "analyse_log", no_second_analysis)
    monkeypatch.setattr("svcwork.journeys.analyse_log", no_second_analysis)
    current, since = report.assembly._since(tmp_path / "out", eng, {}, None, lang="en", cache_dir=tmp_path / "cache")
    assert since is None
    written = read_record(tmp_path / "out" / "round")
    pd.testing.assert_frame_equal(written.cases, reference.cases)
    assert current.cases.equals(written.cases)
