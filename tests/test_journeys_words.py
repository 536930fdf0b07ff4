"""The journeys section's words (issue 18): every number of a finding or takeaway a key figure
(svcwork.journeys.figures), each figure defined; the deadline named exactly so it reads beside the service
standard; first-contact resolution defined, and a front line that passes every case on explained; cases
counted as cases, not events; counts agreeing with their nouns; method names in the appendix only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_journeys_analysis import client  # noqa: F401  (module fixture)

from conftest import english_sheets, write_xlsx
from svcwork import load
from svcwork.i18n import CATALOGUE, t
from svcwork.journeys.analysis import analyse
from svcwork.journeys.figures import wilson
from svcwork.journeys.present_words import quoted
from svcwork.keyfigures import base_text, plain, quotes

START = dt.datetime(2026, 3, 2, 9)


def _client(tmp_path: Path, name: str, lines: list[str], *, standards=None, sla_days: int = 15) -> Path:
    folder = tmp_path / name
    sheets = english_sheets()
    sheets["Engagement"] = sheets["Engagement"] + [["sla_days", sla_days]]
    if standards:
        sheets["Standards"] = [["service_id", "measure", "target", "channel"], *standards]
    write_xlsx(folder / "intake.xlsx", sheets)
    (folder / "cases.csv").write_text("\n".join(lines) + "\n")
    return folder


# --------------------------------------------------------------------------------------------- deadlines
def deadline_log() -> list[str]:
    """40 cases opened a day apart.  Cases 0–19 carry their own deadline, 30 days after opening, and close after
    20 days (within it, but past a 15-day standard).  Cases 20–39 have none (the 15-day default applies): 20–35
    close after 10 days, 36–39 after 20 (missed).  The log ends with the last closure."""
    lines = ["case_id,activity,timestamp,deadline,unit,citizen_id,service_id"]
    for i in range(40):
        start = START + dt.timedelta(days=i)
        own = (start + dt.timedelta(days=30)).strftime("%Y-%m-%d %H:%M") if i < 20 else ""
        days = 20 if i < 20 or i >= 36 else 10
        lines.append(f"D{i:02d},Received,{start:%Y-%m-%d %H:%M},{own},Desk,C{i},S1")
        lines.append(f"D{i:02d},Closed,{start + dt.timedelta(days=days):%Y-%m-%d %H:%M},,Desk,C{i},S1")
    return lines


def test_the_deadline_is_named_exactly_and_reads_beside_the_service_standard(tmp_path):
    res = analyse(load(_client(tmp_path, "deadlines", deadline_log(), standards=[["*", "resolution_days", 15, "*"]])))
    figs = {f.key: f for f in res.key_figures()}
    missed = figs["journeys.deadline_missed"]
    # own deadline where the log has one, else 15 days: only cases 36–39 miss -> 4 of 40
    assert (missed.value, missed.base, missed.base_of) == (pytest.approx(0.1), 40, "cases")
    assert (missed.low, missed.high) == pytest.approx(wilson(4, 40))
    assert figs["journeys.deadline_days"].value == 15 and figs["journeys.own_deadline_cases"].value == 20
    # the service standard of 15 days counts every case against 15 days: 0–19 and 36–39 miss -> 16 of 40 met
    standards = res.standards_checked
    row = standards.loc[(standards["service_id"] == "*") & (standards["measure"] == "resolution_days")
                        & (standards["channel"] == "*")].iloc[0]
    assert (row["n"], row["share"]) == (40, pytest.approx(16 / 40))
    # Wilson's score interval (JASA 22, 1927) by hand for 4 of 40, z = 1.96: centre (0.1 + z²/80) / (1 + z²/40)
    # = 0.14802 / 1.09604 = 0.13505; half-width z √(0.1·0.9/40 + z²/6400) / 1.09604 = 0.09547 -> 0.0396 to 0.2305
    assert wilson(4, 40) == pytest.approx((0.0396, 0.2305), abs=1e-4)
    for lang in ("en", "he"):
        first = res.findings(lang, marked=True)[0]
        # the deadline rule in words, with its own figures: 20 cases with their own deadline, else 15 days
        rule = t("journeys.rule.own_some", lang, own=t("figure.base.cases", lang, n=20, count="20"),
                 days=t("journeys.phrase.days", lang, n=15, count="15"))
        assert plain(rule) in plain(first)
        assert ("journeys.deadline_days", "value", "15") in quotes(first)
        assert ("journeys.own_deadline_cases", "value", "20") in quotes(first)
        assert ("journeys.deadline_missed", "value", "10%") in quotes(first)
        assert t("journeys.finding.not_standard", lang) in first  # read beside the service standard, not as it
        definition = missed.definition(lang)
        assert ("own" in definition and "default" in definition and "not the published service standard"
                in definition) if lang == "en" else "אינה אמת המידה לשירות שפורסמה" in definition


# --------------------------------------------------------------------------------------------- first contact
def front_line_log() -> list[str]:
    """Front desk receives cases 0–11 and hands each to the back office, which closes it; the back office receives
    cases 12–23 itself and closes them.  Every citizen once: no repeat contact."""
    lines = ["case_id,activity,timestamp,channel,unit,citizen_id,service_id"]
    for i in range(24):
        start = START + dt.timedelta(hours=6 * i)
        first = "Front desk" if i < 12 else "Back office"
        lines.append(f"F{i:02d},Received,{start:%Y-%m-%d %H:%M},counter,{first},P{i},S1")
        lines.append(f"F{i:02d},Decided,{start + dt.timedelta(days=1):%Y-%m-%d %H:%M},counter,Back office,P{i},S1")
        lines.append(f"F{i:02d},Closed,{start + dt.timedelta(days=2):%Y-%m-%d %H:%M},counter,Back office,P{i},S1")
    return lines


def test_first_contact_resolution_is_defined_and_a_front_line_that_passes_cases_on_is_explained(tmp_path):
    res = analyse(load(_client(tmp_path, "front-line", front_line_log())))
    figs = {f.key: f for f in res.key_figures()}
    # FCR: closed by the receiving unit (no hand-off) and no repeat contact: the back office's 12 of 24
    assert figs["journeys.fcr"].value == pytest.approx(0.5) and figs["journeys.fcr"].base == 24
    assert figs["journeys.unit_fcr.Front desk"].value == 0 and figs["journeys.unit_fcr.Back office"].value == 1
    assert (figs["journeys.pass_on_units"].value, figs["journeys.pass_on_cases"].value) == (1, 12)
    for lang in ("en", "he"):
        text = " ".join(res.findings(lang))
        why = t("journeys.finding.pass_on", lang, n=1, units=quoted("Front desk", lang),
                cases=t("figure.base.cases", lang, n=12, count="12"))
        assert why in text  # the zero explained: the front desk closes none of its cases itself
        assert plain(t("journeys.finding.fcr", lang, fcr="50%", days=t("journeys.phrase.days", lang, n=7, count="7"),
                       cases=t("figure.base.cases", lang, n=24, count="24"))) in text
        # the table's header says what it counts; the figure's definition says it precisely
        table = res.tables(lang)["kpis_by_unit"]
        header = t("journeys.col.fcr", lang)
        assert header in table.columns and header != t("journeys.measure.fcr", lang)
        assert ("receiving unit" in header and "repeat contact" in header) if lang == "en" else "ללא פנייה חוזרת" in header
    definition = figs["journeys.fcr"].definition("en")
    for words in ("closed by the unit that received them", "repeat window before or after", "still open",
                  "Base: cases with a citizen id"):
        assert words in definition


# --------------------------------------------------------------------------------------------- counts
def test_cases_are_counted_as_cases_not_events(client):
    res = analyse(load(client))
    figs = {f.key: f for f in res.key_figures()}
    # cases_csv: 53 cases, 3 events each, 2 more for 8 S1 transfers and 1 more for the 3 S3 cases
    assert figs["journeys.cases"].value == 53 and figs["journeys.events"].value == 3 * 53 + 2 * 8 + 3
    assert figs["journeys.median_case_days"].base == 53 and figs["journeys.median_case_days"].base_of == "cases"
    assert "not events" in figs["journeys.cases"].definition("en")
    # per service only for the groups the report shows: S1 30; never S3 (3 cases, under the minimum size 5), nor
    # S2 (20), hidden with it (secondary suppression: 53 - 30 - 20 would give S3's 3 cases back)
    assert figs["journeys.cases.S1"].value == 30 and "journeys.cases.S2" not in figs
    assert not any(k.endswith((".S3", ".S2")) or "Tiny unit" in k for k in figs)
    for key in ("journeys.median_case_days.S1", "journeys.deadline_missed.S1", "journeys.p90_case_days.S1"):
        assert figs[key].item == key.rsplit(".", 1)[1] and figs[key].base >= 5
    # S1: breaches at i = 12..19 (3 + i % 20 > 14 days): 8 of 30
    assert figs["journeys.deadline_missed.S1"].value == pytest.approx(8 / 30)


def test_every_figure_has_a_name_and_a_definition_in_both_languages(client):
    res = analyse(load(client))
    for f in res.key_figures():
        assert f"journeys.figure.{f.name}" in CATALOGUE and f"journeys.figure.{f.name}.def" in CATALOGUE, f.key
        for lang in ("en", "he"):
            assert f.label(lang).strip() and f.definition(lang).strip()
            if f.base is not None and f.base_of is not None:
                assert plain(base_text(f, lang))


def test_counts_agree_with_their_nouns_in_both_languages():
    # CLDR plural rules through the catalogue: Hebrew spells one and two ("פעם אחת", "פעמיים", "יומיים")
    assert t("journeys.phrase.times", "en", n=1, count="1") == "once"
    assert t("journeys.phrase.times", "he", n=2, count="2") == "פעמיים"
    assert t("journeys.phrase.days", "he", n=2, count="2") == "יומיים"
    assert t("journeys.phrase.days", "en", n=1, count="1") == "1 day"
    assert t("journeys.phrase.days", "he", n=7, count="7") == "7 ימים"
    one = t("journeys.finding.digital_gap", "en", n=1, count="1", frontal="6", services="L04")
    assert one.startswith("One of the 6 front-desk services has ")
    assert t("journeys.finding.digital_gap", "he", n=2, count="2", frontal="6", services="L04").startswith("לשניים ")
    assert t("journeys.dq.cases_note", "en", n=1, count="1") == "in 1 case"
    assert t("journeys.finding.pending", "he", n=1, count="1").startswith("פנייה אחת ")


def test_each_chart_has_one_takeaway_and_methods_stay_out_of_the_body(client):
    res = analyse(load(client))
    for lang in ("en", "he"):
        figs = res.figures(lang)
        takeaways = res.takeaways(lang)
        assert set(takeaways) <= set(figs)
        assert {"journey_map_1", "process_map", "capability", "variants", "handoff_matrix", "channel_parity"} <= \
            set(takeaways)
        for slug, text in takeaways.items():
            assert text.count(". ") <= 2 and text.rstrip().endswith("."), (slug, text)
        body = " ".join(res.findings(lang) + [plain(x) for x in takeaways.values()])
        for jargon in ("Kaplan", "Meier", "censor", "variant", "directly-follows", "SQM", "COPC", "statsmodels",
                       "Wilson", "pm4py", "seed", "p90", "percentile"):
            assert jargon not in body, (lang, jargon)
        methods = " ".join(res.methods(lang))
        assert "Kaplan" in methods and "van der Aalst" in methods and "COPC" in methods
        for f in figs.values():
            f.clear()
