"""Percentages typed on the other scale: proportion KPIs typed as percents, 0–100 shares typed as Excel fractions.

Known answers (the reviewer's variants, /tmp/review_intake/build_intake.py, rebuilt here by hand):

* v_kpi_target80 — K01 (kind proportion, direction higher), values 0.72 … ending 0.8127, target typed
  80: the scorecard must read 81% against 80% (target 0.8, met, green), never "0.8127 vs 80" (red);
* v_kpi_valmix — the first K01 value typed "72.3%" (read 72.3) among fractions: that value alone is
  0.723 and the last stays 0.8127 (never the whole series ÷ 100: 0.008127);
* v_pct_channels — service S01's shares 0.25 (25% typed in a %-formatted cell), 20, 0.4 (40%), 10, 5
  on counter, phone, web, app, kiosk: 25 + 20 + 40 + 10 + 5 = 100 only when 0.25 and 0.4 are ×100
  (as typed: 35.65), so web + app = 40 + 10 = 50% digital take-up (not 10.4%);
* v_pct_all — every share typed as a fraction (S01 0.25/0.2/0.4/0.1/0.05): digital take-up 0.5
  (50%), not 0.005.

Every reading that is not the form's own is a warning (intake, with sheet, row and column) or a
note of the scorecard (measures) naming the KPI — never silent.
"""

from __future__ import annotations


import numpy as np
import pandas as pd
import pytest

from conftest import english_sheets, write_xlsx
from svcwork.i18n import t
from svcwork.intake.percent import read_proportions, read_shares
from svcwork.journeys.parity import channel_parity
from svcwork.measures.kpis import kpi_scorecard

#: K01 of the demo client (base_he): the last three months and the level before, fractions of 1.
K01 = [0.7218, 0.6978, 0.7224, 0.7526, 0.7256, 0.7306, 0.7494, 0.7227, 0.6998, 0.8028, 0.8009, 0.7796, 0.7947,
       0.7935, 0.789, 0.8127]
PERIODS = [f"{2025 + (i + 5) // 12}-{(i + 5) % 12 + 1:02d}" for i in range(len(K01))]


def _kpi(target: float) -> pd.DataFrame:
    return pd.DataFrame({"kpi_id": ["K01"], "kpi_name": ["Calls answered within 60 s"], "direction": ["higher"],
                         "target": [target], "kind": ["proportion"]})


def _values(values) -> pd.DataFrame:
    return pd.DataFrame({"kpi_id": "K01", "period": PERIODS, "value": values, "n": 2400.0})


# ------------------------------------------------------------------------------------------ 1. KPI scorecard
def test_a_proportion_target_typed_as_a_percentage_reads_80_percent_and_is_noted():
    """v_kpi_target80: target 80 beside values 0.72 … 0.8127 → target 0.8, last 0.8127, met, green."""
    card = kpi_scorecard(_kpi(80), _values(K01))
    row = card.table.iloc[0]
    assert row["target"] == pytest.approx(0.8) and row["last"] == pytest.approx(0.8127)
    assert bool(row["met"]) and row["light"] == "green"
    assert [n.key for n in card.notes] == ["measures.note.kpi_target_percent"]
    words = t(card.notes[0].key, "en", **dict(card.notes[0].values))
    assert "K01" in words and "80" in words and "0.8" in words
    assert "K01" in t(card.notes[0].key, "he", **dict(card.notes[0].values))


def test_one_value_typed_as_a_percentage_is_divided_alone_not_the_series():
    """v_kpi_valmix: 72.3 ("72.3%") first among fractions → 0.723; last 0.8127, not 0.008127."""
    card = kpi_scorecard(_kpi(0.8), _values([72.3, *K01[1:]]))
    row = card.table.iloc[0]
    assert row["last"] == pytest.approx(0.8127) and bool(row["met"]) and row["light"] == "green"
    assert card.charts["K01"].values[0] == pytest.approx(0.723)
    assert [n.key for n in card.notes] == ["measures.note.kpi_percent"]
    assert dict(card.notes[0].values) == {"kpi": "K01", "periods": PERIODS[0]}


def test_a_proportion_on_percentages_throughout_is_read_on_0_1_and_noted():
    """Every value typed as a percent (72.18 …) with target 80: 0.8127 against 0.8, met."""
    card = kpi_scorecard(_kpi(80), _values([v * 100 for v in K01]))
    row = card.table.iloc[0]
    assert row["last"] == pytest.approx(0.8127) and row["target"] == pytest.approx(0.8) and bool(row["met"])
    assert {n.key for n in card.notes} == {"measures.note.kpi_percent", "measures.note.kpi_target_percent"}


def test_a_proportion_value_neither_share_nor_percentage_is_left_out_and_noted():
    """150 and −0.2 cannot be a proportion on either scale: left out (the chart keeps 14 points)."""
    card = kpi_scorecard(_kpi(0.8), _values([150.0, -0.2, *K01[2:]]))
    assert card.table.iloc[0]["periods"] == len(K01) - 2
    assert [n.key for n in card.notes] == ["measures.note.kpi_not_proportion"]
    assert dict(card.notes[0].values)["periods"] == f"{PERIODS[0]}, {PERIODS[1]}"


def test_read_proportions_one_by_one():
    r = read_proportions(pd.Series([0.72, 1.0, 80, "72.3", 100, 0, 101, -1, np.nan]))
    assert r.values.tolist()[:7] == pytest.approx([0.72, 1.0, 0.8, 0.723, 1.0, 0.0, np.nan], nan_ok=True)
    assert list(r.percent) == [2, 3, 4] and list(r.impossible) == [6, 7]


# ------------------------------------------------------------------------------------------ 2. channel shares
def _channels(shares: dict[str, list[tuple[str, object]]]) -> pd.DataFrame:
    rows = [(s, ch, "yes", v, "yes") for s, pairs in shares.items() for ch, v in pairs]
    return pd.DataFrame(rows, columns=["service_id", "channel", "available", "share_pct", "end_to_end"])


S01_MIXED = [("counter", 0.25), ("phone", 20), ("web", 0.4), ("app", 10), ("kiosk", 5)]
S01_FRACTIONS = [("counter", 0.25), ("phone", 0.2), ("web", 0.4), ("app", 0.1), ("kiosk", 0.05)]


def test_shares_proven_fractions_by_their_service_total():
    """v_pct_channels S01: 0.25, 20, 0.4, 10, 5 add to 100 only as 25, 20, 40, 10, 5."""
    ch = _channels({"S01": S01_MIXED, "S02": [("counter", 55), ("web", 25), ("email", 15), ("mail", 5)]})
    r = read_shares(ch["share_pct"], ch["service_id"])
    assert r.values.tolist() == pytest.approx([25, 20, 40, 10, 5, 55, 25, 15, 5])
    assert list(r.fractions) == [0, 2] and not r.whole_column and not len(r.ambiguous)
    assert r.totals["S01"] == pytest.approx((35.65, 100.0))
    take = channel_parity(ch).takeup.set_index("service_id")["digital_share"]
    assert take["S01"] == pytest.approx(0.50) and take["S02"] == pytest.approx(0.25)


def test_a_whole_column_of_fractions_is_read_x100_including_partial_services():
    """v_pct_all: every share ≤ 1, S01 adds to 1 → the column is fractions; S02 lists only 0.6 of it."""
    ch = _channels({"S01": S01_FRACTIONS, "S02": [("counter", 0.4), ("web", 0.2)]})
    r = read_shares(ch["share_pct"], ch["service_id"])
    assert r.whole_column and r.values.tolist() == pytest.approx([25, 20, 40, 10, 5, 40, 20])
    take = channel_parity(ch).takeup.set_index("service_id")["digital_share"]
    assert take["S01"] == pytest.approx(0.50) and take["S02"] == pytest.approx(0.20)


def test_unproven_small_shares_are_kept_as_typed_and_listed_ambiguous():
    """0.25 beside 20 and 40: 60.25 as typed, 85 as a fraction — neither is 100, so kept (and flagged);
    0.5 beside 59.5 and 40 adds to 100 as typed: 0.5% is meant, nothing flagged."""
    ch = _channels({"S1": [("counter", 0.25), ("web", 20), ("phone", 40)],
                    "S2": [("counter", 0.5), ("web", 59.5), ("phone", 40)]})
    r = read_shares(ch["share_pct"], ch["service_id"])
    assert r.values.tolist() == pytest.approx([0.25, 20, 40, 0.5, 59.5, 40])
    assert list(r.ambiguous) == [0] and not r.changed


def test_fractions_that_would_overflow_are_not_read_as_a_whole_column():
    """All ≤ 1, S1 adds to 1, but S2 (1, 1, 0.5) would be 250% as fractions: no whole-column reading."""
    ch = _channels({"S1": [("counter", 0.5), ("web", 0.5)], "S2": [("counter", 1), ("web", 1), ("phone", 0.5)]})
    r = read_shares(ch["share_pct"], ch["service_id"])
    assert not r.whole_column and list(r.fractions) == [0, 1] and list(r.ambiguous) == [2, 3, 4]


# ------------------------------------------------------------------------------------------ 3. intake warnings
def _client(tmp_path, channels, kpis, values):
    sheets = english_sheets()
    sheets["Channels"] = [["service_id", "channel", "available", "share_pct", "end_to_end"], *channels]
    sheets["KPIs"] = [["kpi_id", "kpi_name", "direction", "target", "kind"], *kpis]
    sheets["KPI values"] = [["kpi_id", "period", "value", "n"], *values]
    return write_xlsx(tmp_path / "client" / "intake.xlsx", sheets).parent


def test_intake_reads_and_warns_with_sheet_row_and_column(tmp_path):
    from svcwork.intake import validate

    folder = _client(tmp_path,
                     [["S1", "counter", "yes", 0.25, "yes"], ["S1", "phone", "yes", 20, "no"],
                      ["S1", "web", "yes", 0.4, "yes"], ["S1", "app", "yes", 10, "yes"], ["S1", "kiosk", "yes", 5, "no"],
                      ["S2", "counter", "yes", 0.3, "yes"], ["S2", "web", "yes", 20, "yes"]],
                     [["K1", "Answered within 60 s", "higher", 80, "proportion"]],
                     [["K1", "2026-01", "72.3%", 1000], ["K1", "2026-02", 0.75, 1100], ["K1", "2026-03", 0.81, 1000]])
    res = validate(folder)
    assert res.ok
    got = {(p.code, p.sheet, p.row, p.column, p.value) for p in res.problems if p.code in (
        "share_pct_fraction", "share_pct_ambiguous", "kpi_percent", "percent_text")}
    assert got == {("share_pct_fraction", "Channels", 2, "share_pct", "0.25"),
                   ("share_pct_fraction", "Channels", 4, "share_pct", "0.4"),
                   ("share_pct_ambiguous", "Channels", 7, "share_pct", "0.3"),
                   ("kpi_percent", "KPIs", 2, "target", "80"),
                   # percent text is read by the one percent rule (intake.percent.typed_percent), said so
                   ("percent_text", "KPI values", 2, "value", "72.3%")}
    assert all(not p.is_error for p in res.problems if p.code.startswith(("share_pct", "kpi_percent")))
    eng = res.engagement
    assert eng.tables["Channels"]["share_pct"].tolist() == pytest.approx([25, 20, 40, 10, 5, 0.3, 20])
    assert eng.tables["KPIs"]["target"].tolist() == pytest.approx([0.8])
    assert eng.tables["KPI values"]["value"].tolist() == pytest.approx([0.723, 0.75, 0.81])
    card = kpi_scorecard(eng.tables["KPIs"], eng.tables["KPI values"])
    assert bool(card.table.iloc[0]["met"]) and not card.notes  # read once, at intake: no second note
    he = validate(folder, lang="he")
    msg = next(p.message for p in he.problems if p.code == "kpi_percent" and p.sheet)
    assert "K1" in msg and "80" in msg


def test_intake_whole_column_warning_and_impossible_proportion_error(tmp_path):
    from svcwork.intake import validate

    folder = _client(tmp_path,
                     [["S1", "counter", "yes", 0.5, "yes"], ["S1", "web", "yes", 0.5, "yes"],
                      ["S2", "counter", "yes", 0.4, "yes"]],
                     [["K1", "Answered within 60 s", "higher", 0.8, "proportion"]],
                     [["K1", "2026-01", 150, 1000], ["K1", "2026-02", 0.75, 1100]])
    res = validate(folder)
    whole = [p for p in res.problems if p.code == "share_pct_fractions"]
    assert len(whole) == 1 and whole[0].column == "share_pct" and not whole[0].is_error
    bad = [p for p in res.problems if p.code == "kpi_not_proportion"]
    assert [(p.sheet, p.row, p.column, p.value, p.is_error) for p in bad] == [("KPI values", 2, "value", "150", True)]
    assert not res.ok


def test_a_kpi_without_a_kind_is_left_as_typed(tmp_path):
    """A KPI whose kind is left blank (read as missing) beside a proportion KPI: only the proportion's
    percentage is read on the 0–1 scale; the blank one is neither converted nor an internal error
    (the fuzz corpus's many_blank_rows case of 2026-12-07 stopped validation with "boolean value of NA")."""
    from svcwork.intake import validate

    folder = _client(tmp_path, [["S1", "counter", "yes", 60, "yes"], ["S1", "web", "yes", 40, "yes"]],
                     [["K1", "Answered within 60 s", "higher", 80, "proportion"], ["K2", "Calls", "higher", 120, None]],
                     [["K1", "2026-01", 0.75, 1000], ["K2", "2026-01", 130, None]])
    res = validate(folder)
    assert res.ok, [p.message for p in res.problems if p.is_error]
    assert res.engagement.tables["KPIs"]["target"].tolist() == pytest.approx([0.8, 120])
    assert [p.row for p in res.problems if p.code == "kpi_percent"] == [2]
