"""Right-censoring (issue 18): figures by month of opening count the cases still open.

A log is built where every month's cases take the same time — four in ten 2 days, four in ten 10 days, two
in ten 40 days — and the log ends five days after the last month.  Read the old way (the 90th percentile of
each month's cases, an open case counted up to its last event; open cases within their deadline counted
as met) the last month looks like a breakthrough: its 90th percentile falls from 40 to 10 days and its
share within the deadline rises.  Counting the open cases (Kaplan–Meier) the complete months read 40 days,
and the last month has no estimate yet — a blank, never a fall; its deadline share waits until every case
is decided.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import english_sheets, write_xlsx
from svcwork import load
from svcwork.i18n import t
from svcwork.journeys.analysis import analyse
from svcwork.journeys.capability import capability_table
from svcwork.keyfigures import plain

AS_OF = dt.datetime(2026, 7, 5, 12)
MONTHS = (1, 2, 3, 4, 5, 6)
#: Duration (days) by case number k within its month: k % 10 in 0–3 -> 2, 4–7 -> 10, 8–9 -> 40.
DURATION = {**dict.fromkeys(range(4), 2), **dict.fromkeys(range(4, 8), 10), 8: 40, 9: 40}


def censored_cases(path: Path) -> None:
    """100 cases a month, January to June 2026, case k opened 0.27 k days into its month at 09:00; closed after
    its duration if that is before the log's end (5 July 12:00), else still open.  One case opened on 5 July
    fixes the log's end (alone in July, below the minimum group size)."""
    lines = ["case_id,activity,timestamp,channel,unit,citizen_id,service_id"]
    for month in MONTHS:
        for k in range(100):
            start = dt.datetime(2026, month, 1, 9) + dt.timedelta(days=0.27 * k)
            cid = f"M{month}-{k:03d}"
            row = f"web,Parking,P{month}{k:03d},S1"
            lines.append(f"{cid},Received,{start:%Y-%m-%d %H:%M},{row}")
            end = start + dt.timedelta(days=DURATION[k % 10])
            if end <= AS_OF:
                lines.append(f"{cid},Closed,{end:%Y-%m-%d %H:%M},{row}")
    lines.append(f"Z,Received,{AS_OF:%Y-%m-%d %H:%M},web,Parking,PZ,S1")
    path.write_text("\n".join(lines) + "\n")


@pytest.fixture
def censored(tmp_path: Path) -> Path:
    folder = tmp_path / "censored"
    sheets = english_sheets()
    sheets["Engagement"] = [r for r in sheets["Engagement"] if r[0] != "period_end"] + [
        ["period_end", dt.date(2026, 7, 31)], ["sla_days", 14]]
    write_xlsx(folder / "intake.xlsx", sheets)
    censored_cases(folder / "cases.csv")
    return folder


def _old_monthly(cases: pd.DataFrame) -> pd.DataFrame:
    """The monthly table as the report showed it before issue 18: numpy's p90 of each month's end-to-end days
    (an open case counted up to its last event), open cases within their deadline counted as met."""
    g = cases.groupby("month", observed=True)
    return pd.DataFrame({"p90": g["days"].quantile(0.9), "met": 1 - g["sla_breach"].apply(
        lambda s: s.fillna(False).astype(float).mean())})


def test_a_recent_month_whose_slow_cases_are_open_shows_a_blank_not_a_fall(censored):
    res = analyse(load(censored))
    cases = res.log.cases
    jun, may = pd.Period("2026-06", "M"), pd.Period("2026-05", "M")
    # the log would mislead read the old way: June's 90th percentile "falls" from 40 to 10 days, and its
    # share within the deadline "rises" (open cases still within 14 days counted as met)
    old = _old_monthly(cases)
    assert old.loc[pd.Period("2026-01", "M"), "p90"] == pytest.approx(40.0)
    assert old.loc[jun, "p90"] <= 10.0
    assert old.loc[jun, "met"] > old.loc[pd.Period("2026-01", "M"), "met"] + 0.05
    # counting the open cases: every complete month reads median 10 and p90 40 days, June has no p90 yet
    cap = res.monthly_capability().set_index("month")
    # July (1 case) suppressed, and with it one complete month of the same size (secondary suppression: July's
    # count would be the cases' total less the months shown); June, the month this test is about, stays
    hidden = {pd.Period(f"2026-{m:02d}", "M") for m in MONTHS} - set(cap.index)
    assert len(cap) == len(MONTHS) - 1 and len(hidden) == 1 and jun in cap.index
    assert pd.Period("2026-07", "M") not in cap.index
    first = cap.index[0]
    for month in cap.index[:-1]:
        assert cap.loc[month, ["median_days", "p90_days"]].tolist() == [10.0, 40.0], month
    assert cap.loc[jun, "median_days"] == 10.0 and np.isnan(cap.loc[jun, "p90_days"])
    shown = cap["p90_days"].dropna()
    assert (shown >= 40.0).all()  # no month shows a fall
    # June: its 40-day cases are all open (still waiting), and its 10-day cases opened after 25 June 00:00
    # (0.27 k > 24.125 days: k = 94–97): 24 open, counted as waiting up to their age
    still = [k for k in range(100) if dt.datetime(2026, 6, 1, 9) + dt.timedelta(days=0.27 * k + DURATION[k % 10]) > AS_OF]
    assert cap.loc[jun, "open"] == len(still) == 24 and cap.loc[first, "open"] == 0
    # the deadline share waits for every case of the month to be decided (closed, or open past its deadline):
    # complete months 80% (the 40-day cases miss 14 days), June blank — not a rise
    assert cap.loc[first, "sla_met"] == pytest.approx(0.8)
    assert cap.loc[may, "sla_met"] == pytest.approx(0.8)
    assert np.isnan(cap.loc[jun, "sla_met"])


def test_complete_months_agree_with_statsmodels(censored):
    # Kaplan–Meier of a complete month by statsmodels directly (S(2) = 0.6, S(10) = 0.2, S(40) = 0: no step lands
    # on 1/2 or 1/10 exactly, so its strict rule and ours agree); May has two 40-day cases (k = 98, 99) censored
    # at their ages, 38.7 and 38.4 days (65.125 days from 1 May 09:00 to the end, less 0.27 k)
    from statsmodels.duration.survfunc import SurvfuncRight

    res = analyse(load(censored))
    cases = res.log.cases
    table = capability_table(cases).set_index("month")
    for m in (1, 5, 6):
        month = pd.Period(f"2026-{m:02d}", "M")
        part = cases.loc[cases["month"] == month]
        time = np.where(part["closed"].astype(bool), part["days"], part["open_age_days"])
        sf = SurvfuncRight(time, part["closed"].astype(int).to_numpy())
        assert table.loc[month, "median_days"] == pytest.approx(sf.quantile(0.5))
        assert table.loc[month, "p90_days"] == pytest.approx(sf.quantile(0.9), nan_ok=True)
    may = cases.loc[cases["month"] == pd.Period("2026-05", "M")]
    assert int((~may["closed"].astype(bool)).sum()) == 2


def test_the_table_figure_and_words_say_open_cases_are_counted(censored):
    res = analyse(load(censored))
    for lang in ("en", "he"):
        table = res.tables(lang)["capability"]
        assert t("journeys.col.km_p90_days", lang) in table.columns  # "… (days, counting open cases)"
        assert t("journeys.col.open", lang) in table.columns
        assert table[t("journeys.col.km_p90_days", lang)].isna().sum() == 1  # June, blank
        fig = res.figures(lang)["capability"]
        p90_line = fig.axes[0].get_lines()[1]
        assert np.isnan(np.asarray(p90_line.get_ydata(), dtype=float)[-1])  # a gap, not a point at 10
        assert t("journeys.fig.capability_note", lang) in [x.get_text() for x in fig.texts]
        assert fig.axes[0].get_title(loc="right" if lang == "he" else "left") == t("journeys.fig.capability", lang)
        fig.clear()
        takeaway = plain(res.takeaways(lang)["capability"])
        assert takeaway.startswith(plain(t("journeys.takeaway.capability", lang, low="10.0", high="10.0",
                                           low_month="x", high_month="y")).split("10.0")[0])
        assert plain(t("journeys.takeaway.no_p90", lang, n=1, count="1")) in takeaway
        first = res.findings(lang)[0]
        open_now = int((~res.log.cases["closed"].astype(bool)).sum())
        assert first.startswith(t("journeys.finding.time_open", lang, open=t("journeys.phrase.open", lang, n=open_now,
                                  count=f"{open_now:,}"), median="10.0", cases="x").split("10.0")[0])
        assert any("Kaplan" in m for m in res.methods(lang))  # the method is named in the appendix only
        assert not any("Kaplan" in f for f in res.findings(lang))


def test_the_headline_median_counts_the_open_cases(censored):
    from statsmodels.duration.survfunc import SurvfuncRight

    res = analyse(load(censored))
    cases = res.log.cases
    figs = {f.key: f for f in res.key_figures()}
    median = figs["journeys.median_case_days"]
    time = np.where(cases["closed"].astype(bool), cases["days"], cases["open_age_days"])
    sf = SurvfuncRight(time, cases["closed"].astype(int).to_numpy())
    assert median.value == pytest.approx(sf.quantile(0.5)) and median.base == len(cases) == 601
    assert median.base_of == "cases" and res.summary()["journey"]["median_case_days"] == pytest.approx(median.value)
    assert figs["journeys.open_cases"].value == int((~cases["closed"].astype(bool)).sum())
    assert figs["journeys.p90_case_days"].value == pytest.approx(sf.quantile(0.9)) == 40.0


def test_a_path_median_counts_its_open_cases():
    """A path's median end-to-end time in the paths table is Kaplan–Meier like every other median of the
    section: the five cases of test_measures_standards' log follow one path, three closed (1, 2, 5 days), two
    open (3 and 10 days old) — median 5 days by hand, where the span of every case (0.5 … 10) gives 2."""
    from test_measures_standards import HALF_OPEN_MEDIAN, _half_open_log

    from svcwork.journeys import analyse_log

    log = analyse_log(_half_open_log())
    assert len(log.variants.table) == 1
    assert log.variants.table["median_days"].iloc[0] == HALF_OPEN_MEDIAN
    assert log.time_quantile(0.5, among=log.cases["case_id"] != "E") == 2.0  # A, B, C closed; D open at 3: S(2) = 0.5


def test_paths_of_open_cases_have_no_median_yet(censored):
    """The censored log's open cases follow the one-event path "Received": its median is not estimated (it was
    0 days: first to last event of a case with one event); the ideal path's and other paths' medians count the
    open cases the same way."""
    res = analyse(load(censored))
    cases, table = res.log.cases, res.log.variants.table
    received = table.index[[v == ("Received",) for v in table["variant"]]][0]
    assert not cases.loc[cases["variant"] == received, "closed"].astype(bool).any()
    assert np.isnan(table.loc[received, "median_days"])
    closed = table.index[[v == ("Received", "Closed") for v in table["variant"]]][0]
    done = cases.loc[cases["variant"] == closed, "days"]
    assert table.loc[closed, "median_days"] == pytest.approx(np.quantile(done, 0.5, method="inverted_cdf"))
    for lang in ("en", "he"):
        ideal = res.tables(lang)["ideal_path"]
        values = dict(zip(ideal.iloc[:, 0], ideal.iloc[:, 1]))
        assert values[t("journeys.ideal.days_other", lang)] == "—"
        paths = res.tables(lang)["variants"]
        row = paths.loc[paths[t("journeys.col.rank", lang)] == str(received)]
        assert row[t("journeys.col.median_days", lang)].isna().all()


def test_a_log_without_services_channels_or_units_has_its_months(tmp_path):
    """A case log of ids, activities and times only (as receipt.csv): the months of opening are protected by their
    own rule; there are no groups whose open cases need protecting (once, a KeyError 'open')."""
    folder = tmp_path / "bare"
    write_xlsx(folder / "intake.xlsx", english_sheets())
    lines, start = ["case_id,activity,timestamp"], dt.datetime(2026, 1, 5, 9)
    for i in range(60):
        opened = start + dt.timedelta(days=2 * i)
        lines.append(f"C{i},Received,{opened:%Y-%m-%d %H:%M}")
        if i % 4:
            lines.append(f"C{i},Closed,{opened + dt.timedelta(days=3):%Y-%m-%d %H:%M}")
    (folder / "cases.csv").write_text("\n".join(lines) + "\n")
    res = analyse(load(folder))
    cap = res.monthly_capability()
    # January to April 14, 14, 15, 15 cases; May 2 (under 5): hidden, and with it the smallest other month, or
    # May would be the 60 cases less the months shown
    assert [str(p) for p in cap["month"]] == ["2026-02", "2026-03", "2026-04"]
    assert int(cap["cases"].sum()) == 44 and {str(p) for p in res.hidden_months()} == {"2026-01", "2026-05"}
    assert "capability" in res.tables("en")
