"""The portfolio benchmark: league table, ranks with ties, real differences, anonymity, Hebrew, escaping.

The batch output is made by hand (three ``OUT/<slug>/summary.json`` in the shape the
analyses write), so no kernel runs.  References: ranks against :func:`scipy.stats.rankdata`
(method "min"); the differences against :func:`svcwork.measures.newcombe_interval` computed
here from the raw counts (that function is itself checked against Newcombe's (1998) worked
examples in tests/test_measures.py).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from scipy.stats import rankdata

from svcwork.errors import AnalysisError, UsageError
from svcwork.measures import newcombe_interval, wilson_interval
from svcwork.portfolio import client_codes, competition_rank, compare_clients, portfolio, write_portfolio

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> & =HYPERLINK("http://evil.example","x")'

# (slug, organisation, csat agree/n, trust agree/n, nps, journey, kpis met flags, overdue)
CLIENTS = {
    "alpha-office": dict(org="Alpha Licensing Office", csat=(320, 400), trust=(220, 400), nps=(10.0, 4.1, 15.8, 390),
                         journey=dict(cases=900, median_case_days=4.0, p90_case_days=20.0, sla_breach_rate=0.10,
                                      fcr=0.60), kpis=[True, True, False], overdue=1),
    "beta-office": dict(org="Beta Permits Bureau", csat=(180, 300), trust=(165, 300), nps=None,
                        journey=None, kpis=[], overdue=None),
    "gamma-office": dict(org="Gamma Civic Centre", csat=(200, 500), trust=(150, 500), nps=(-20.0, -26.0, -13.9, 480),
                         journey=dict(cases=1500, median_case_days=6.0, p90_case_days=30.0, sla_breach_rate=0.30,
                                      fcr=0.40), kpis=[True, None], overdue=5),
}


def _item(agree_n):
    x, n = agree_n
    ci = wilson_interval(x, n)
    return {"value": round(x / n, 4), "low": round(float(ci.low), 4), "high": round(float(ci.high), 4), "n": n}


def make_summary(slug: str, spec: dict, *, organization: str | None = None) -> dict:
    journey = {k: None for k in ("cases", "events", "variants", "median_case_days", "p90_case_days",
                                 "sla_breach_rate", "fcr")}
    journey.update(spec["journey"] or {})
    nps = None if spec["nps"] is None else dict(zip(("value", "low", "high", "n"), spec["nps"]))
    return {
        "svcwork_version": "0.1.0", "client": slug, "organization": organization or spec["org"], "language": "en",
        "period": {"start": "2025-01-01", "end": "2025-12-31"},
        "survey": {"available": True, "n": 600, "csat": _item(spec["csat"]), "trust": _item(spec["trust"]),
                   "nps": nps, "items": {}},
        "journey": journey,
        "kpis": [{"kpi_id": f"K{i}", "met": met, "last": 1.0, "target": 1.0} for i, met in enumerate(spec["kpis"])],
        "actions": None if spec["overdue"] is None else {"open": 3, "overdue": spec["overdue"], "done": 2},
    }


@pytest.fixture
def batch_out(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    for slug, spec in CLIENTS.items():
        (out / slug).mkdir(parents=True)
        (out / slug / "summary.json").write_text(json.dumps(make_summary(slug, spec)), encoding="utf-8")
    (out / ".beta-office.tmp-x").mkdir()  # a half-built folder of a killed run is ignored
    manifest = {"clients": [{"client": s, "status": "ok"} for s in CLIENTS] +
                [{"client": "delta-office", "status": "failed"}]}
    (out / "batch.json").write_text(json.dumps(manifest), encoding="utf-8")
    return out


def _xlsx_text(path: Path) -> str:
    """Every XML part of the workbook (cells, shared strings, sheet names, properties) as one text."""
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8") for n in z.namelist())


def _row(res, slug):
    return res.clients[res.clients["slug"] == slug].iloc[0]


# --------------------------------------------------------------------------- ranks
def test_competition_ranks_match_scipy_min_method():
    values = [0.5, 0.7, 0.5, None, 0.9, 0.7]
    got = competition_rank(values, higher_is_better=True)
    present = [v for v in values if v is not None]
    ref = iter(rankdata([-v for v in present], method="min").astype(int))
    assert got == [None if v is None else next(ref) for v in values]
    low_first = competition_rank(values, higher_is_better=False)
    ref = iter(rankdata(present, method="min").astype(int))
    assert low_first == [None if v is None else next(ref) for v in values]


def test_league_table_ranks_ties_and_missing_values(batch_out):
    res = portfolio(batch_out)
    a, b, c = (_row(res, s) for s in CLIENTS)
    assert list(res.clients["slug"]) == ["alpha-office", "beta-office", "gamma-office"]  # best satisfaction first
    assert (a["csat_rank"], b["csat_rank"], c["csat_rank"]) == (1, 2, 3)
    assert (a["trust_rank"], b["trust_rank"], c["trust_rank"]) == (1, 1, 3)  # 55.0% and 55.0%: tied
    assert b["nps_rank"] is None and b["median_days_rank"] is None and b["overdue_rank"] is None  # not measured
    assert (a["median_days_rank"], c["median_days_rank"]) == (1, 2)  # fewer days is better
    # KPIs with a target: alpha 2 of 3, gamma 1 of 1 (the one without a verdict is not counted)
    assert (a["kpis_met"], a["kpis_total"], c["kpis_met"], c["kpis_total"]) == (2, 3, 1, 1)
    assert (c["kpis_share_rank"], a["kpis_share_rank"]) == (1, 2)
    assert (a["overdue_rank"], c["overdue_rank"]) == (1, 2)


def test_values_that_look_equal_share_a_rank():
    s1, s2 = make_summary("one", CLIENTS["alpha-office"]), make_summary("two", CLIENTS["gamma-office"])
    s1["survey"]["csat"]["value"], s2["survey"]["csat"]["value"] = 0.6012, 0.6014  # both shown as 60.1%
    res = compare_clients({"one": s1, "two": s2})
    assert set(res.clients["csat_rank"]) == {1}


# --------------------------------------------------------------------------- real differences
@pytest.mark.parametrize("adjust", [True, False])
def test_each_client_against_the_pooled_others_by_newcombe(batch_out, adjust):
    res = portfolio(batch_out, adjust=adjust)
    counts = {s: CLIENTS[s]["csat"] for s in CLIENTS}
    total_x, total_n = sum(x for x, _ in counts.values()), sum(n for _, n in counts.values())
    level = 1 - 0.05 / len(counts) if adjust else 0.95
    sat = res.comparisons[res.comparisons["measure"] == "csat"].set_index("slug")
    verdicts = {}
    for slug, (x, n) in counts.items():
        ref = newcombe_interval(x, n, total_x - x, total_n - n, confidence=level)
        got = sat.loc[slug]
        assert got["difference"] == pytest.approx(x / n - (total_x - x) / (total_n - n), abs=1e-12)
        assert (got["low"], got["high"]) == pytest.approx((float(ref.low), float(ref.high)), abs=1e-12)
        assert got["others_n"] == total_n - n and got["confidence"] == pytest.approx(level)
        expected = "higher" if ref.low > 0 else "lower" if ref.high < 0 else "similar"
        assert got["verdict"] == expected
        verdicts[slug] = expected
    # the data were built so that all three outcomes occur
    assert verdicts == {"alpha-office": "higher", "beta-office": "similar", "gamma-office": "lower"}
    assert dict(zip(res.clients["slug"], res.clients["csat_verdict"])) == verdicts
    findings = " ".join(res.findings("en"))
    assert "above the other clients: Alpha Licensing Office" in findings
    assert "below the other clients: Gamma Civic Centre" in findings


def test_adjustment_widens_the_interval(batch_out):
    adjusted, plain = portfolio(batch_out, adjust=True), portfolio(batch_out, adjust=False)
    w = lambda r: (r.comparisons["high"] - r.comparisons["low"]).to_numpy()  # noqa: E731
    assert np.all(w(adjusted) > w(plain))


def test_one_client_alone_has_nothing_to_compare_with(batch_out):
    res = compare_clients({"alpha-office": make_summary("alpha-office", CLIENTS["alpha-office"])})
    assert res.comparisons.empty and res.clients["csat_verdict"].iloc[0] is None


# --------------------------------------------------------------------------- output
def test_missing_values_show_a_dash(batch_out):
    res = portfolio(batch_out)
    survey = res.tables("en")["survey"]
    beta = survey[survey["Client"] == "Beta Permits Bureau"].iloc[0]
    assert beta["Period"] == "2025-01-01 – 2025-12-31"
    assert beta.iloc[11] is None and beta.iloc[12] is None  # NPS and its interval
    ops = res.tables("en")["operations"]
    assert ops[ops["Client"] == "Beta Permits Bureau"].iloc[0].iloc[2:].isna().all()
    html = write_portfolio(batch_out).read_text(encoding="utf-8")
    assert "<td class='na'>—</td>" in html


def test_html_and_workbook_are_written_self_contained(batch_out):
    path = write_portfolio(batch_out)
    html = path.read_text(encoding="utf-8")
    assert path == batch_out / "portfolio.html" and (batch_out / "portfolio.xlsx").is_file()
    assert 'dir="ltr"' in html and "<script" not in html and "<link" not in html and "src=\"http" not in html
    for name in ("Alpha Licensing Office", "Beta Permits Bureau", "Gamma Civic Centre", "delta-office"):
        assert name in html
    wb = openpyxl.load_workbook(batch_out / "portfolio.xlsx")
    league = wb["League table"]
    header = [c.value for c in league[1]]
    assert league.freeze_panes == "B2" and league.auto_filter.ref
    first = {h: c.value for h, c in zip(header, league[2])}
    assert first["Client"] == "Alpha Licensing Office" and first["Satisfaction (% agree)"] == pytest.approx(0.8)
    assert league.cell(row=2, column=header.index("Satisfaction (% agree)") + 1).number_format == "0.0%"


def test_anonymised_output_names_no_client(batch_out):
    res = portfolio(batch_out, anonymise=True)
    by_code = dict(zip(res.clients["code"], res.clients["csat"]))
    assert by_code == {"A": 0.8, "B": 0.6, "C": 0.4}  # letters in the order of the folder names
    assert res.clients["slug"].isna().all() and res.clients["organization"].isna().all()
    write_portfolio(batch_out, anonymise=True)
    html = (batch_out / "portfolio.html").read_text(encoding="utf-8")
    xlsx = _xlsx_text(batch_out / "portfolio.xlsx")
    summary = json.dumps(res.summary(), ensure_ascii=False)
    secrets = [spec["org"] for spec in CLIENTS.values()] + list(CLIENTS) + ["delta-office", "Licensing", "Permits",
                                                                           "Civic"]
    for text in (html, xlsx, summary):
        leaked = [s for s in secrets if s.casefold() in text.casefold()]
        assert not leaked, leaked
    assert "Client A" in html and "Client C" in xlsx
    wb = openpyxl.load_workbook(batch_out / "portfolio.xlsx")
    header = [c.value for c in wb["League table"][1]]
    assert "Folder" not in header


def test_client_codes_go_past_z():
    codes = client_codes(30)
    assert codes[:3] == ["A", "B", "C"] and codes[25:28] == ["Z", "AA", "AB"] and len(set(codes)) == 30


def test_hebrew_portfolio_is_right_to_left(batch_out):
    write_portfolio(batch_out, lang="he", anonymise=True)
    html = (batch_out / "portfolio.html").read_text(encoding="utf-8")
    assert '<html lang="he" dir="rtl">' in html and "השוואה בין ארגונים" in html
    assert "dir='rtl'" in html  # the tables too
    assert "ארגון A" in html and "Client A" not in html
    assert "\u2066[" in html  # intervals kept left-to-right inside the RTL table
    wb = openpyxl.load_workbook(batch_out / "portfolio.xlsx")
    assert wb.sheetnames == ["טבלת דירוג", "הבדלים"]
    assert all(ws.sheet_view.rightToLeft for ws in wb.worksheets)


def test_hostile_organisation_name_is_escaped_and_kept_as_text(batch_out):
    summary = json.loads((batch_out / "beta-office" / "summary.json").read_text(encoding="utf-8"))
    summary["organization"] = HOSTILE
    (batch_out / "beta-office" / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    html = write_portfolio(batch_out).read_text(encoding="utf-8")
    assert "<script" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    wb = openpyxl.load_workbook(batch_out / "portfolio.xlsx")
    cells = [c for row in wb["League table"].iter_rows() for c in row if c.value == HOSTILE]
    assert cells and all(c.data_type == "s" for c in cells)  # text, never a formula


# --------------------------------------------------------------------------- bad input
def test_a_folder_without_results_is_refused(tmp_path):
    with pytest.raises(UsageError, match="summary.json"):
        portfolio(tmp_path)
    with pytest.raises(UsageError, match="found nothing"):
        portfolio(tmp_path / "nowhere")


def test_a_malformed_summary_is_named(batch_out):
    summary = make_summary("beta-office", CLIENTS["beta-office"])
    summary["survey"]["csat"]["value"] = "high"
    (batch_out / "beta-office" / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    with pytest.raises(AnalysisError, match=r"beta-office.*csat\.value.*'high'"):
        portfolio(batch_out)
    (batch_out / "beta-office" / "summary.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(AnalysisError, match="summary.json"):
        portfolio(batch_out)


def test_no_best_or_worst_is_claimed_when_every_client_ties():
    same = {s: make_summary(s, CLIENTS["alpha-office"], organization=f"Office {s}") for s in ("one", "two")}
    res = compare_clients(same)
    findings = res.findings("en")
    assert not any(f.startswith(("Highest", "Fewest", "Overdue")) for f in findings), findings
    assert any("differs clearly" in f for f in findings)
    assert set(res.comparisons["verdict"]) == {"similar"}


def test_portfolio_command_line(tmp_path, capsys):
    from svcwork.cli import main

    assert main(["portfolio", str(tmp_path / "missing")]) == 2
    assert "portfolio" in capsys.readouterr().err


# --------------------------------------------------------------------------- the batch's index page
def test_index_rows_speak_each_clients_language_and_name_their_report(tmp_path):
    """H7: a Hebrew client's cells carry lang="he" dir="rtl", its name heads the row (th scope=row),
    each report link names whose report it is (not "report.html" three times), and a label whose
    item is empty has no space before its colon ("פניות:", not "פניות :")."""
    import bs4

    from svcwork import batch
    from svcwork.i18n import t
    from svcwork.keyfigures import KeyFigure

    figures = {f.key: f.as_record() for f in (KeyFigure("journeys.cases", 7996, "count", "journeys"),
                                              KeyFigure("management.actions_overdue", 5, "count", "management"))}
    clients = []
    for slug, lang, name in (("neve", "he", "עיריית נווה תמר"), ("north", "en", "Northfield Licensing Agency"),
                             ("rashut", "he", "הרשות הארצית")):
        (tmp_path / slug).mkdir()
        (tmp_path / slug / "report.html").write_text("<html></html>")
        clients.append(batch.ClientResult(tmp_path / slug, slug, "ok", summary={
            "language": lang, "organization": name, "key_figures": figures}))
    batch._write_index(batch.BatchResult(tmp_path, tuple(clients), 1.0))
    page = bs4.BeautifulSoup((tmp_path / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = page.select("tbody tr")
    assert len(rows) == 3
    links = []
    for row, client in zip(rows, clients):
        lang = client.summary["language"]
        head = row.find("th")
        assert head is not None and head.get("scope") == "row" and client.summary["organization"] in head.get_text()
        assert head.get("lang") == lang and head.get("dir") == ("rtl" if lang == "he" else "ltr")
        figures_cell = row.find_all("td")[1]
        assert figures_cell.get("lang") == lang and figures_cell.get("dir") == ("rtl" if lang == "he" else "ltr")
        items = [" ".join(li.get_text().split()) for li in figures_cell.select("li")]
        assert items[0] == f"{t('journeys.figure.cases', lang, item='').strip()}: 7,996", items
        assert not any(" :" in x for x in items), items
        link = row.find_all("td")[2].find("a")
        links.append(" ".join(link.get_text().split()))
        assert client.summary["organization"] in links[-1] and link.find("bdi").get("lang") == lang
    assert "report.html" not in links and len(set(links)) == 3


# --------------------------------------------------------------------------- periods and deadlines
def _stale(summary: dict) -> dict:
    return dict(summary, period={"start": "2023-11-01", "end": "2024-10-31"})


def test_a_failed_clients_earlier_report_is_shown_apart_not_ranked_or_compared(batch_out):
    # gamma's run failed this batch: its folder still holds last period's summary.json
    (batch_out / "gamma-office" / "summary.json").write_text(
        json.dumps(_stale(make_summary("gamma-office", CLIENTS["gamma-office"]))), encoding="utf-8")
    manifest = {"clients": [{"client": "alpha-office", "status": "ok"}, {"client": "beta-office", "status": "ok"},
                            {"client": "gamma-office", "status": "failed"}]}
    (batch_out / "batch.json").write_text(json.dumps(manifest), encoding="utf-8")
    for anonymise in (False, True):
        res = portfolio(batch_out, anonymise=anonymise)
        gamma = res.clients.iloc[-1]
        assert gamma["apart"] == "failed"
        assert all(gamma[f"{m}_rank"] is None for m in ("csat", "trust", "nps", "median_days", "overdue"))
        assert gamma["csat_verdict"] is None
        assert len(res.comparisons) and set(res.comparisons["code" if anonymise else "slug"]) == (
            {"A", "B"} if anonymise else {"alpha-office", "beta-office"})
        findings = " ".join(res.findings("en"))
        assert "2 clients compared" in findings and "run failed" in findings and "2023-11-01 – 2024-10-31" in findings
        assert "below the other clients: Gamma" not in findings and "below the other clients: Client C" not in findings
        survey = res.tables("en")["survey"]
        assert "2023-11-01 – 2024-10-31" in survey["Period"].iloc[-1] and "earlier report" in survey["Period"].iloc[-1]
    html = write_portfolio(batch_out).read_text(encoding="utf-8")
    assert "2023-11-01" in html and "2025-01-01" in html


def test_a_report_of_another_period_is_named_and_not_ranked():
    summaries = {s: make_summary(s, spec) for s, spec in CLIENTS.items()}
    summaries["gamma-office"] = _stale(summaries["gamma-office"])
    res = compare_clients(summaries)
    gamma = _row(res, "gamma-office")
    assert gamma["apart"] == "period" and gamma["csat_rank"] is None and gamma["csat_verdict"] is None
    assert "gamma-office" not in set(res.comparisons["slug"])
    for lang, words in (("en", "another period"), ("he", "תקופה שונה")):
        findings = " ".join(res.findings(lang))
        assert words in findings and "2023-11-01 – 2024-10-31" in findings


def _with_deadline(summary: dict, days: int, own: int, base: int) -> dict:
    return dict(summary, key_figures={
        "journeys.deadline_days": {"value": days, "base": None},
        "journeys.own_deadline_cases": {"value": own, "base": base},
        "journeys.deadline_missed": {"value": summary["journey"]["sla_breach_rate"], "base": base}})


def test_deadlines_missed_are_not_ranked_across_different_deadline_definitions():
    a = _with_deadline(make_summary("alpha-office", CLIENTS["alpha-office"]), 15, 500, 880)
    g = _with_deadline(make_summary("gamma-office", CLIENTS["gamma-office"]), 30, 1100, 1450)
    res = compare_clients({"alpha-office": a, "gamma-office": g})
    assert set(res.clients["sla_breach_rank"]) == {None}
    findings = " ".join(res.findings("en"))
    assert "Fewest deadlines missed" not in findings and "define the deadline differently" in findings
    ops = res.tables("en")["operations"].set_index("Client")["Deadline"]
    assert "else 15 days" in ops["Alpha Licensing Office"] and "else 30 days" in ops["Gamma Civic Centre"]
    assert "880" in ops["Alpha Licensing Office"]
    assert "deadline" in res.methods("en")


def test_fewest_deadlines_missed_is_said_only_when_the_difference_is_real():
    a = _with_deadline(make_summary("alpha-office", CLIENTS["alpha-office"]), 15, 500, 880)
    g = _with_deadline(make_summary("gamma-office", CLIENTS["gamma-office"]), 15, 1100, 1450)
    res = compare_clients({"alpha-office": a, "gamma-office": g})  # 10% against 30%: real
    assert (_row(res, "alpha-office")["sla_breach_rank"], _row(res, "gamma-office")["sla_breach_rank"]) == (1, 2)
    assert "Fewest deadlines missed: Alpha Licensing Office (10.0%)" in " ".join(res.findings("en"))
    g["journey"] = dict(g["journey"], sla_breach_rate=0.105)  # 10.0% against 10.5%: chance
    g["key_figures"]["journeys.deadline_missed"]["value"] = 0.105
    res = compare_clients({"alpha-office": a, "gamma-office": g})
    assert "Fewest deadlines missed" not in " ".join(res.findings("en"))
