"""Service standards (svcwork.journeys.standards): the commitment in force per channel worked by hand, each
commitment set against the case log per channel, services whose channels promise different things."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from test_journeys_analysis import _cells, cases_csv, journey_rows

from conftest import english_sheets, write_xlsx
from svcwork import AnalysisError, load
from svcwork.i18n import t
from svcwork.journeys.analysis import analyse
from svcwork.journeys.present import channel_label
from svcwork.journeys.present_words import named_service
from svcwork.journeys.standards import standards_by_channel, standards_consistency


def test_standards_consistency_worked_by_hand():
    standards = pd.DataFrame([
        ("*", "resolution_days", 20, "*"),        # 1: every service, every channel
        ("*", "resolution_days", 10, "web"),      # 2: every service on the web: differs from 1
        ("A", "resolution_days", 15, "*"),        # 3: A's own, overrides 1 and 2 on all of A's channels
        ("A", "resolution_days", 15, "counter"),  # 4: the same at A's counter
        ("B", "first_response_days", 2, "*"),     # 5: B's own, one target for all channels
        ("C", "answer_seconds", 30, "phone"),     # 6: expected on live channels only: phone, chat (not web)
        ("*", "K9", 0.9, "phone"),                # 7: a KPI: only differing targets are flagged
        ("D", "K9", 0.7, "web"),                  # 8: D's web target differs from 7 on D's phone
    ], columns=["service_id", "measure", "target", "channel"])
    channels = {"A": ["counter", "web"], "B": ["counter", "website", "app"], "C": ["phone", "web", "chat"],
                "D": ["phone", "web"], "E": ["counter"]}
    c = standards_consistency(standards, channels=channels)
    rows = {(s, m): r for s, m, r in zip(c.services["service_id"], c.services["measure"], c.services.to_dict("records"))}
    cell = c.cells.set_index(["service_id", "measure", "channel"])
    # resolution_days.  All services ("*"), over every channel offered: web 10 (row 2), the others 20 (row 1)
    star = rows[("*", "resolution_days")]
    assert star["channels"] == ("counter", "phone", "web", "app", "chat") and star["targets"] == (10.0, 20.0)
    assert star["different"] and not star["consistent"] and c.all_services_flagged
    # A: its own 15 wins over the all-services web 10 -> consistent (listed because A has its own commitment)
    a = rows[("A", "resolution_days")]
    assert a["own"] and a["consistent"] and a["targets"] == (15.0,)
    assert cell.loc[("A", "resolution_days", "web"), "rule"] == "service"
    assert cell.loc[("A", "resolution_days", "counter"), "rule"] == "service+channel"
    # B, C, D inherit 20 here and 10 on the web -> different; E (counter only: 20) is consistent and not listed
    for s in ("B", "C", "D"):
        assert rows[(s, "resolution_days")]["different"], s
    assert ("E", "resolution_days") not in rows
    assert cell.loc[("B", "resolution_days", "web"), ["target", "rule"]].tolist() == [10.0, "all+channel"]
    # first_response_days: B's one target on counter, web (named "website") and app -> consistent
    assert rows[("B", "first_response_days")]["consistent"]
    assert rows[("B", "first_response_days")]["channels"] == ("counter", "web", "app")
    # answer_seconds: C promises 30 s on the phone, nothing on chat (live) -> flagged; web is not expected
    ans = rows[("C", "answer_seconds")]
    assert ans["missing"] == ("chat",) and not ans["different"] and not ans["consistent"]
    assert not cell.loc[("C", "answer_seconds", "web"), "expected"]
    # K9: on the phone only for all services -> no channel is flagged as missing; D: 0.9 phone vs 0.7 web
    assert rows[("*", "K9")]["consistent"] and rows[("*", "K9")]["missing"] == ()
    assert rows[("D", "K9")]["different"] and rows[("D", "K9")]["targets"] == (0.7, 0.9)
    assert c.flagged == ("B", "C", "D")
    with pytest.raises(AnalysisError):
        standards_consistency(standards.drop(columns="target"))


@pytest.fixture
def standards_client(tmp_path: Path) -> Path:
    # NB: a row *, resolution_days, 14, * equals the template's grey example row and is ignored by the loader
    folder = tmp_path / "standards-agency"
    sheets = english_sheets()
    sheets["Journey"] = journey_rows()
    sheets["Standards"] = [["service_id", "measure", "target", "channel", "commitment_text"],
                           ["*", "resolution_days", 10, "*", "Every request resolved within 10 days"],
                           ["S1", "first_response_days", 1, "web", None],
                           ["S2", "answer_seconds", 60, "phone", None],
                           ["*", "K1", 0.8, "*", None]]
    write_xlsx(folder / "intake.xlsx", sheets)
    cases_csv(folder / "cases.csv")
    return folder


def test_standards_are_set_against_the_case_log_per_channel(standards_client):
    from statsmodels.stats.proportion import proportion_confint

    eng = load(standards_client)
    res = analyse(eng)
    # resolution = 3 + i % 20 days <= 10  <=>  i % 20 <= 7.  All 53 cases: i in 0..7, 20..27, 40..47 -> 24.
    # web (S1, i < 30, i % 3 != 0): 1 2 4 5 7 20 22 23 25 26 -> 10 of 20; median: the 10th of 20 -> 7 + 3 = 10 days.
    # counter (S1 with i % 3 == 0, and S2): 0 3 6 21 24 27 and 40..47 -> 14 of 30; median: the 15th -> 8 + 3 = 11.
    # kiosk (S3): 3 cases, below min_group_size 5 -> not shown.  Pooled median: the 27th of 53 -> 8 + 3 = 11.
    # (every case is closed: the Kaplan–Meier median, as the journeys section's, is the inverse of the empirical
    # distribution function — Hyndman & Fan 1996, definition 1 — the lower of two middle values)
    # Shown: kiosk is hidden, and with it web, the smallest other channel (secondary suppression, review2 §4:
    # else 53 - 30 - 20 gives kiosk's 3 cases back from the all-channels row); the values, without suppression:
    checked = res.standards_checked
    first = checked.loc[checked["commitment"] == 1].set_index("channel")
    assert list(first.index) == ["*", "counter"]
    every = standards_by_channel(eng.cases, res.standards, min_group_size=1)
    every = every.loc[every["commitment"] == 1].set_index("channel")
    assert list(every.index) == ["*", "counter", "web", "kiosk"]
    assert every[["n", "met"]].astype(int).to_dict("index") == {"*": {"n": 53, "met": 24}, "counter": {"n": 30, "met": 14},
                                                                 "web": {"n": 20, "met": 10}, "kiosk": {"n": 3, "met": 0}}
    assert every["median_days"].tolist()[:3] == pytest.approx([11.0, 11.0, 10.0])
    assert first[["n", "met", "median_days"]].equals(every.loc[["*", "counter"], ["n", "met", "median_days"]])
    low, high = proportion_confint(24, 53, alpha=0.05, method="wilson")
    assert (first.loc["*", "low"], first.loc["*", "high"]) == pytest.approx((low, high))
    # S1's first response on the web: the second event comes 1 h after the first -> 20 of 20, median 1/24 day;
    # not shown: web is a channel the report hides (S1 web's 20 cases are web's whole count), so every row of it
    assert checked.loc[checked["commitment"] == 2].empty
    s1 = standards_by_channel(eng.cases, res.standards, min_group_size=1)
    s1 = s1.loc[s1["commitment"] == 2].iloc[0]
    assert (s1["channel"], int(s1["n"]), int(s1["met"]), s1["median_days"]) == ("web", 20, 20, pytest.approx(1 / 24))
    # answer time and the KPI are not in the case log's reach: listed, not dropped, and said so
    other = checked.loc[~checked["checkable"].astype(bool)]
    assert other["commitment"].tolist() == [3, 4] and other["n"].isna().all()
    for lang in ("en", "he"):
        table = res.tables(lang)["standards"]
        notes = table[t("journeys.col.note", lang)].tolist()
        assert notes[-2:] == [t("journeys.consistency.answer", lang), t("journeys.consistency.kpi", lang)]
        assert (pd.to_numeric(table[t("journeys.col.cases", lang)], errors="coerce").dropna() >= 5).all()
        assert t("journeys.all_channels", lang) in set(table[t("journeys.col.channel", lang)])
        assert not {"kiosk", "עמדה"} & set(table[t("journeys.col.channel", lang)])


def test_services_whose_channels_promise_different_things_are_flagged(standards_client):
    # S1 (counter and web): a first-response commitment on the web only -> flagged, the counter has none.
    # S2 (counter, web partly, and the phone named by its commitment): 60 s to answer on the phone, nothing at
    # the counter (a live channel) -> flagged; the web is not expected to answer in seconds.
    # All services: 10 days on every channel (counter and web; kiosk has 3 cases < 5 and does not count) and
    # the KPI K1 everywhere -> consistent.
    res = analyse(load(standards_client))
    assert res.consistency.flagged == ("S1", "S2") and not res.consistency.all_services_flagged
    for lang in ("en", "he"):
        table = res.tables(lang)["standards_consistency"]
        service, status = t("journeys.col.service", lang), t("journeys.col.status", lang)
        counter, phone, web = (channel_label(c, lang) for c in ("counter", "phone", "web"))
        assert list(table.columns[:2]) == [service, t("journeys.col.measure", lang)]
        assert [c for c in table.columns if c in (counter, phone, web)] == [counter, phone, web]
        rows = table.set_index([service, t("journeys.col.measure", lang)])
        s1 = rows.loc[("S1 Parking permit", t("journeys.measure.first_response_days", lang))]
        assert (s1[web], s1[counter], s1[phone]) == ("1", t("journeys.consistency.none", lang), "")
        assert s1[status] == t("journeys.consistency.missing", lang, channels=counter)
        s2 = rows.loc[("S2 Property tax", t("journeys.measure.answer_seconds", lang))]
        assert (s2[phone], s2[counter], s2[web]) == ("60", t("journeys.consistency.none", lang), "")
        assert s2[t("journeys.col.note", lang)] == t("journeys.consistency.answer", lang)
        every = rows.loc[(t("journeys.all_services", lang), t("journeys.measure.resolution_days", lang))]
        assert (every[counter], every[web], every[status]) == ("10", "10", t("journeys.consistency.ok", lang))
        assert table.index[table[service] == "S1 Parking permit"][0] == 0  # flagged rows first
        assert "Welfare" not in _cells({"x": table}) and "kiosk" not in _cells({"x": table})
        # the services named by id with their names in quotes; the count agrees with its noun (CLDR plural forms)
        sentence = t("journeys.finding.standards_mixed", lang, n=2, count="2",
                     services=", ".join(named_service(res, s, lang) for s in ("S1", "S2")))
        assert named_service(res, "S1", lang) == ("S1 “Parking permit”" if lang == "en" else "S1 „Parking permit”")
        assert any(sentence in f for f in res.findings(lang)) and len(res.findings(lang)) <= 5


def test_standards_without_a_case_log_are_still_checked_for_consistency(tmp_path):
    folder = tmp_path / "standards-only"
    sheets = english_sheets()
    sheets["Standards"] = [["service_id", "measure", "target", "channel"], ["S1", "resolution_days", 5, "counter"],
                           ["S1", "resolution_days", 7, "web"]]
    write_xlsx(folder / "intake.xlsx", sheets)
    res = analyse(load(folder))
    tables = res.tables("he")
    assert "standards" not in tables and "standards_consistency" in tables
    row = tables["standards_consistency"].iloc[0]
    assert row[t("journeys.col.status", "he")] == t("journeys.consistency.different", "he", targets="דלפק 5, אתר 7")
    assert res.consistency.flagged == ("S1",)
    one = t("journeys.finding.standards_mixed", "he", n=1, count="1", services=named_service(res, "S1", "he"))
    assert one.startswith("שירות אחד ") and "1" not in one.replace("S1", "")  # the Hebrew "one" form spells it
    assert any(one in f for f in res.findings("he"))
