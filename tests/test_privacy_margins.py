"""Complementary disclosure (notes/review2-batch.md, section 4): a table that hides small groups while the
deliverable shows its margin must hide enough that no hidden group is the margin less the rows shown.

The attacker's audit is by linear programming (Hundepool et al. 2012, *Statistical Disclosure Control*, §4.2,
the "interval" of a suppressed cell), as ``_feasible_ranges`` in test_journeys_review_fixes.py: each hidden
count's smallest and largest value consistent with every count shown and every margin published, each count
at least 0.  A hidden count must never be pinned to a point.  The expected values are the review's, worked
out with plain pandas in the comments, never read back from the package."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from disclosure import audit_ranges, sums

from svcwork import load
from svcwork.journeys.analysis import analyse
from svcwork.journeys.capability import breakdown, capability_table
from svcwork.measures import standards_share

NORTHFIELD = Path(__file__).resolve().parents[1] / "data" / "clients" / "northfield-licensing"


def feasible_ranges(values: dict, shown: set, margins: list[tuple[list, float]]) -> dict:
    """Each hidden entry's (min, max) consistent with the entries *shown* and the *margins* (a list of
    (entries, published total)), every entry at least 0 (:func:`disclosure.audit_ranges`)."""
    return audit_ranges(values, shown, [sums(entries, rhs=total) for entries, total in margins])


def pinned(ranges: dict) -> dict:
    return {k: r for k, r in ranges.items() if not r[1] > r[0]}


# ============================================================================ the rule itself
def test_a_total_hidden_elsewhere_is_never_the_sum_of_its_cells_shown():
    # month x group cells, with the group totals as entries "all months" (month -1) and the month totals as
    # entries "all groups" (group -1):
    #            2025-01  2025-02  total
    #   a          30       40       70
    #   b          25       35       60
    #   total      55       75      130 (published)
    # Every count is 10 or more: nothing hidden.  When a's total is hidden (as if by another table's rule), a's
    # cells shown would give it back (30 + 40): so a's smallest cell (30) goes, then b's cell of that month (25:
    # else 55 - 25 gives the 30), then b's other cell (35: else b's total 60 - 35 gives the 25), then a's other
    # (40: else 75 - 35 ...).  No hidden entry is pinned (the audit below).
    from svcwork.privacy import hidden_cells

    entries = pd.DataFrame({"month": [1, 2, 1, 2, -1, -1, 1, 2], "group": [0, 0, 1, 1, 0, 1, -1, -1],
                            "n": [30, 40, 25, 35, 70, 60, 55, 75]})
    assert not hidden_cells(entries, ("month", "group"), 10).any()
    pre = np.zeros(len(entries), bool)
    pre[4] = True
    hid = hidden_cells(entries, ("month", "group"), 10, hidden=pre)
    assert hid[4] and hid[0]  # a's total (given) and a's smallest month
    values = {i: float(v) for i, v in enumerate(entries["n"])}
    shown = {i for i in values if not hid[i]}
    # every relation among the entries: each row and column of cells against its total, the totals against 130
    relations = [sums([0, 1], 4), sums([2, 3], 5), sums([0, 2], 6), sums([1, 3], 7), sums([4, 5], rhs=130),
                 sums([6, 7], rhs=130)]
    ranges = audit_ranges(values, shown, relations)
    assert 4 in ranges and not pinned(ranges), ranges


def test_a_zero_is_no_hidden_row_of_its_slice():
    # the rule itself, on the service x channel shape of svcwork.journeys.parity (Hundepool et al. 2012, §4.2 and
    # §5; min size 10; one side, so a service's slice is its row):
    #            counter  mail  phone
    #   L05         36     20     0
    #   L01         40     30     0
    #   L02         50     40    25
    # Nothing is from 1 to 9.  The old rule hid the zeros (under 10) and counted them: L05's row held one hidden
    # cell (phone 0), so it hid L05 mail (20), and L01 mail (30) alike; then every row and column held two hidden
    # cells or none (with the zeros): done.  But the phone total (25) less L02 phone (25) leaves 0 for the hidden
    # phone cells, so both are 0, and L05 mail = 56 - 36 - 0 = 20 exactly (L01 mail = 70 - 40 = 30).  Now a zero
    # is no hidden row of its slice: nothing above 0 is small, nothing is hidden but the zeros (which protect
    # nothing and need nothing).
    from svcwork.privacy import hidden_cells

    long = pd.DataFrame({"service_id": ["L05"] * 3 + ["L01"] * 3 + ["L02"] * 3,
                         "channel": ["counter", "mail", "phone"] * 3, "n": [36, 20, 0, 40, 30, 0, 50, 40, 25]})
    hid = hidden_cells(long, ("service_id", "channel"), 10, count="n", loops=True)
    assert long.loc[hid, "n"].tolist() == [0, 0]
    # with L05 mail small (5) instead, its partners are cells above 0: L05 counter (its row) and L01 mail (the
    # smallest other mail), then L01 counter (L01's row): a rectangle, never a zero
    long.loc[1, "n"] = 5
    hid = hidden_cells(long, ("service_id", "channel"), 10, count="n", loops=True)
    assert sorted(map(tuple, long.loc[hid & (long["n"] > 0), ["service_id", "channel"]].to_numpy())) == [
        ("L01", "counter"), ("L01", "mail"), ("L05", "counter"), ("L05", "mail")]
    values = {(r.service_id, r.channel): float(r.n) for r in long.itertuples() if r.n > 0}  # zeros known
    shown = {k for k, h in zip(zip(long["service_id"], long["channel"]), hid) if not h}
    margins = [([k for k in values if k[0] == g], sum(v for k, v in values.items() if k[0] == g))
               for g in ("L05", "L01", "L02")]
    margins += [([k for k in values if k[1] == c], sum(v for k, v in values.items() if k[1] == c))
                for c in ("counter", "mail", "phone")]
    ranges = feasible_ranges(values, shown, margins)
    assert ("L05", "mail") in ranges and not pinned(ranges), ranges


def test_the_old_import_of_the_survey_rule_still_works():
    from svcwork.measures.survey import _hide
    from svcwork.privacy import hide

    assert _hide is hide


# ============================================================================ the constructed case: app = 3 cases
@pytest.fixture(scope="module")
def app3(tmp_path_factory):
    """Northfield with three L01 cases moved to a new channel ``app`` (the review's sdc/nf-app3): the
    engagement and its journeys result."""
    folder = tmp_path_factory.mktemp("app3") / "nf-app3"
    shutil.copytree(NORTHFIELD, folder)
    raw = pd.read_csv(folder / "cases.csv", dtype=str, keep_default_na=False)
    moved = sorted(raw.loc[raw["service_id"] == "L01", "case_id"].unique())[:3]
    raw.loc[raw["case_id"].isin(moved), "channel"] = "app"
    raw.to_csv(folder / "cases.csv", index=False)
    e = load(folder)
    return e, analyse(e)


def test_case_measures_by_channel_never_give_the_small_channel_by_subtraction(app3):
    from svcwork.journeys.present import channel_label

    _, res = app3
    cases = res.log.cases
    counts = cases["channel"].value_counts()
    # plain pandas on the changed cases.csv: app 3 (the three moved from L01), 4996 cases in all, none without
    # a channel; the other channels 129 (email) or more
    assert counts["app"] == 3 and int(counts.sum()) == len(cases) == 4996
    assert sorted(counts.drop("app"))[0] >= 120
    table = res.tables("en")["kpis_by_channel"]
    shown = {str(c): int(n) for c, n in zip(table.iloc[:, 0], table.iloc[:, 1])}
    label = {channel_label(c, "en"): c for c in counts.index}
    assert channel_label("app", "en") not in shown
    # primary suppression alone hid app only (4996 - 4993 = 3): now the smallest other channel goes too
    assert len(shown) == len(counts) - 2
    values = {lab: int(counts[c]) for lab, c in label.items()}
    ranges = feasible_ranges(values, set(shown), [(list(values), 4996)])  # the total cases: Data received
    assert channel_label("app", "en") in ranges and not pinned(ranges), ranges
    # the rows shown are the unsuppressed ones, unchanged (every column)
    full = breakdown(cases, "channel", min_size=res.min_group_size).set_index("channel")
    for lab, n in shown.items():
        assert n == int(full.loc[label[lab], "cases"])
        row = table.loc[table.iloc[:, 0] == lab].iloc[0]
        assert float(row.iloc[2]) == pytest.approx(float(full.loc[label[lab], "median_days"]))  # unrounded: the output layer rounds once


def test_service_commitments_per_channel_never_give_the_small_channel_from_the_all_channels_row(app3):
    # the review: all channels 4924 decided x 0.6671 within 15 days, less the five channels shown, gave
    # app: 3 decided cases, 2 within the target.  Each commitment is a slice, its "*" row the margin of its
    # channels' cases decided (n) and cases within the target (met = share x n)
    from svcwork.journeys.standards import standards_by_channel

    e, res = app3
    std = res.standards_checked
    std = std.loc[std["checkable"].astype(bool)]
    full = standards_by_channel(e.cases, res.standards, min_group_size=1)
    for k in (1, 2):  # the two commitments for all services, checked per channel
        rows = full.loc[full["commitment"] == k]
        margin = rows.loc[rows["channel"] == "*"].iloc[0]
        parts = rows.loc[rows["channel"] != "*"]
        assert int(parts.loc[parts["channel"] == "app", "n"].iloc[0]) < 10
        got = std.loc[std["commitment"] == k].set_index("channel")
        shown = set(got.index) - {"*"}
        assert "*" in got.index and "app" not in shown and len(shown) == len(parts) - 2
        for column in ("n", "met"):
            values = dict(zip(parts["channel"], parts[column].astype(float)))
            ranges = feasible_ranges(values, shown, [(list(values), float(margin[column]))])
            assert "app" in ranges and not pinned(ranges), (k, column, ranges)
        for ch in shown | {"*"}:  # the rows shown: as computed without suppression
            want = rows.set_index("channel").loc[ch]
            assert (int(got.loc[ch, "n"]), int(got.loc[ch, "met"])) == (int(want["n"]), int(want["met"]))
            assert float(got.loc[ch, "share"]) == pytest.approx(float(want["share"]))


def test_standards_share_hides_a_second_channel_only_beside_an_all_channels_row():
    # standards_share alone (the measures section): S1 resolution 5 days on "*", web and app; app has 3 cases
    # decided: hidden, and web (12) with it, else web + app = "*".  A channel-only commitment (S1 phone 5 days,
    # 3 cases) has no margin in the table: hidden alone.
    rows = []
    day = pd.Timestamp("2026-01-01")
    for i in range(15):
        ch = "app" if i < 3 else "web"
        rows += [(f"c{i}", "Received", day, ch), (f"c{i}", "Case closed", day + pd.Timedelta(days=2), ch)]
    for i in range(3):
        rows += [(f"p{i}", "Received", day, "phone"), (f"p{i}", "Case closed", day + pd.Timedelta(days=2), "phone")]
    log = pd.DataFrame(rows, columns=["case_id", "activity", "timestamp", "channel"]).assign(service_id="S1")
    st = pd.DataFrame({"service_id": ["S1"] * 4, "measure": ["resolution_days"] * 4, "target": [5.0] * 4,
                       "channel": ["*", "web", "app", "phone"]})
    assert standards_share(log, st).set_index("channel")["n"].to_dict() == {"*": 18, "web": 12, "app": 3, "phone": 3}
    got = standards_share(log, st, min_group_size=10)
    assert got["channel"].tolist() == ["*"]
    # the phone-only check beside no "*" row: web (12) is large enough, but the case measures by channel hide it
    # (app 3 and phone 3 hidden together are 6 cases, fewer than 10: the log's channel total would give them), and
    # a channel the report hides is hidden in every table (svcwork.journeys.analysis.hidden_groups)
    got = standards_share(log, st.iloc[[1, 3]], min_group_size=10)
    assert got["channel"].tolist() == []
    assert standards_share(log, st.iloc[[1, 3]], min_group_size=10, hidden={})["channel"].tolist() == ["web"]


# ============================================================================ the northfield demo: month x group
@pytest.fixture(scope="module")
def northfield():
    return analyse(load(NORTHFIELD))


def test_northfield_months_by_group_never_give_a_hidden_group_from_the_month_totals(northfield):
    from svcwork.journeys.present import channel_label, service_label

    # the review: "Time by month opened and group" against "Time by month of opening" gave the hidden email
    # group exactly in 14 months (e.g. 2025-11: email 3 cases, 0 still open).  The audit over each breakdown:
    # every month x group cell, every group total (case measures by it), every month total, the total cases
    res = northfield
    cases = res.log.cases
    months = capability_table(cases).set_index("month")["cases"]
    shown_months = set(res.monthly_capability()["month"])
    total = len(cases)
    for dim in ("service_id", "channel", "unit"):
        cells = capability_table(cases, by=dim)
        assert cells["cases"].sum() == total  # no case without a group on the demo
        shown_cells = res.capability_by(dim)
        table = res.tables("en")[f"kpis_by_{dim.replace('_id', '')}"]
        label = {"service_id": lambda g: service_label(res, g), "channel": lambda g: channel_label(g, "en"),
                 "unit": str}[dim]
        published = set(table.iloc[:, 0].astype(str))  # the groups whose total the case measures show
        values, shown = {}, set()
        for g, mo, n in zip(cells[dim], cells["month"], cells["cases"]):
            values[("cell", g, mo)] = float(n)
        for g, mo in zip(shown_cells[dim], shown_cells["month"]):
            shown.add(("cell", g, mo))
        totals = cases[dim].value_counts()
        for g, n in totals.items():
            values[("group", g)] = float(n)
            if label(g) in published:
                shown.add(("group", g))
        for mo, n in months.items():
            values[("month", mo)] = float(n)
            if mo in shown_months:
                shown.add(("month", mo))
        # relations: the cells of a month less its total = 0, the cells of a group less its total = 0, the
        # group totals and the month totals each add up to the total cases (published)
        relations = []
        for mo in months.index:
            relations.append(([k for k in values if k[0] == "cell" and k[2] == mo], ("month", mo)))
        for g in totals.index:
            relations.append(([k for k in values if k[0] == "cell" and k[1] == g], ("group", g)))
        ranges = _relation_ranges(values, shown, relations, total)
        assert not pinned(ranges), (dim, pinned(ranges))
        # the cells shown are the unsuppressed ones, unchanged
        merged = shown_cells.merge(cells, on=[dim, "month"], suffixes=("", "_all"))
        assert len(merged) == len(shown_cells)
        for c in ("cases", "open", "median_days", "p90_days", "sla_met"):
            a, b = merged[c].astype(float), merged[f"{c}_all"].astype(float)
            assert np.allclose(a, b, equal_nan=True), (dim, c)
    # the email channel, under 10 in most months, is never alone hidden in a month
    email = capability_table(cases, by="channel")
    small = email.loc[(email["channel"] == "email") & (email["cases"] < 10)]
    assert len(small) >= 14
    shown = res.capability_by("channel")
    for mo in small["month"]:
        listed = set(email.loc[email["month"] == mo, "channel"])
        assert len(listed - set(shown.loc[shown["month"] == mo, "channel"])) != 1, mo


def test_northfield_months_of_opening_never_give_the_small_month_from_the_total(northfield):
    # plain pandas: April 2025 has 3 cases (the log starts at its end), the smallest other month June 2025 237;
    # 4996 cases in all.  Hiding April alone gave it back: 4996 less the months shown.
    res = northfield
    months = capability_table(res.log.cases).set_index("month")["cases"]
    assert (int(months[pd.Period("2025-04", "M")]), int(months.drop(pd.Period("2025-04", "M")).min()),
            int(months.sum())) == (3, 237, 4996)
    cap = res.monthly_capability()
    shown = set(cap["month"])
    assert pd.Period("2025-04", "M") not in shown and len(shown) == len(months) - 2
    values = {mo: float(n) for mo, n in months.items()}
    ranges = feasible_ranges(values, shown, [(list(values), 4996)])
    assert not pinned(ranges), ranges
    full = capability_table(res.log.cases).set_index("month")
    for mo, n, o in zip(cap["month"], cap["cases"], cap["open"]):
        assert (n, o) == (full.loc[mo, "cases"], full.loc[mo, "open"])


def _relation_ranges(values: dict, shown: set, relations: list, total: float) -> dict:
    """feasible_ranges over entries and relations (cells - total = 0), and the group totals and the month
    totals each summing to *total* (:func:`disclosure.audit_ranges`)."""
    equations = [sums(cells, margin) for cells, margin in relations]
    equations += [sums([k for k in values if k[0] == kind], rhs=float(total)) for kind in ("group", "month")]
    return audit_ranges(values, shown, equations)
