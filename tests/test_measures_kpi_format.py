"""One rule for a KPI's values (svcwork.measures.figures.kpi_kind / kpi_text): the scorecard table, the
control charts' data (values, centre line, limits, target note), the scorecard chart's data and notes
all write a KPI's values exactly as the sentences quote its key figures (kpi_last, kpi_target,
kpi_new_level) — a proportion as a percentage, a count whole, else one decimal; finer when the last
value and the target would read alike.

Known answers: the hand-made KPIs below (last values and targets set here); the percentages, whole
numbers and one-decimal numbers follow from the rule stated in kpi_kind's docstring (whole percent for a
proportion, a tenth of a percent when 79.6% and 80% would both read "80%"), rounded by hand.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from svcwork import measures as M
from svcwork.alttext import alt_text, data_record, shown_frame
from svcwork.i18n import t
from svcwork.keyfigures import plain
from svcwork.measures import present
from svcwork.measures.figures import figures_of, kpi_kind, kpi_text

LANGS = ("en", "he")


def _result() -> M.MeasuresResult:
    """SAT: a proportion ending at 0.759 against 0.80; NEAR: a proportion ending at 0.796 against 0.80;
    CNT: a count ending at 34 against 60; DAYS: a mean ending at 11.28 against 10."""
    noise = np.array([0.3, -0.2, 0.1, -0.3, 0.2, -0.1, 0.25, -0.15, 0.05, -0.25, 0.1, -0.05])
    periods = pd.date_range("2025-01-01", periods=12, freq="MS")
    series = {"SAT": np.r_[0.76 + noise[:11] / 100, 0.759], "NEAR": np.r_[0.79 + noise[:11] / 100, 0.796],
              "CNT": np.r_[np.round(40 + 5 * noise[:11]), 34.0], "DAYS": np.r_[11 + noise[:11], 11.28]}
    kpis = pd.DataFrame({"kpi_id": list(series), "kpi_name": ["Satisfied", "Near", "Complaints", "Days"],
                         "direction": ["higher", "higher", "lower", "lower"], "target": [0.80, 0.80, 60.0, 10.0],
                         "kind": ["proportion", "proportion", "count", "mean"]})
    values = pd.DataFrame({"kpi_id": np.repeat(list(series), 12), "period": np.tile(periods, 4),
                           "value": np.concatenate(list(series.values())),
                           "n": np.where(np.repeat(list(series), 12) == "SAT", 400.0,
                                         np.where(np.repeat(list(series), 12) == "NEAR", 400.0, np.nan))})
    card = M.kpi_scorecard(kpis, values)
    return M.MeasuresResult(available=True, language="en", min_group_size=1, confidence=0.95, kpis_available=True,
                            scorecard=card.table, charts=card.charts)


#: last value and target as the rule writes them (by hand: 0.759 → 76%, 0.80 → 80%; 0.796 and 0.80 both
#: read 80% in whole percent, so both take a tenth: 79.6%, 80.0%; a count whole; a mean to one decimal)
EXPECTED = {"SAT": ("76%", "80%"), "NEAR": ("79.6%", "80.0%"), "CNT": ("34", "60"), "DAYS": ("11.3", "10.0")}


@pytest.fixture(scope="module")
def res():
    return _result()


def test_the_rule_by_hand():
    """kpi_text follows kpi_kind's docstring (known answers by hand, see EXPECTED)."""
    assert kpi_kind("proportion", 0.759, 0.80) == "share" and kpi_kind("proportion", 0.796, 0.80) == "share1"
    for kid, kind, last, target in (("SAT", "proportion", 0.759, 0.80), ("NEAR", "proportion", 0.796, 0.80),
                                    ("CNT", "count", 34.0, 60.0), ("DAYS", "mean", 11.28, 10.0)):
        assert (kpi_text(last, kind, last, target), kpi_text(target, kind, last, target)) == EXPECTED[kid]
    assert kpi_text(0.836, "proportion", level=True) == "83.6%" and kpi_text(None, "count") == "—"


def test_scorecard_row_reads_as_the_sentences_quote_it(res):
    """The scorecard's target and last value are each KPI's key figures as shown (EXPECTED by hand), never
    0.759 / 0.800 beside 76% / 80%; the same cells in Hebrew are the Hebrew key figures."""
    figs = figures_of(res)
    for lang in LANGS:
        card = present.tables(res, lang)["kpi_scorecard"].set_index(t("measures.col.kpi_id", lang))
        for kid, (last, target) in EXPECTED.items():
            assert figs[f"measures.kpi_last.{kid}"].shown(lang) == card.loc[kid, t("measures.col.last", lang)]
            assert figs[f"measures.kpi_target.{kid}"].shown(lang) == card.loc[kid, t("measures.col.target", lang)]
            if lang == "en":
                assert (card.loc[kid, t("measures.col.last", lang)], card.loc[kid, t("measures.col.target", lang)]) \
                    == (last, target)


def test_control_chart_data_in_the_kpis_own_kind(res):
    """Each control chart's data table, alt text and target note write the KPI's values by its kind: SAT's
    last point 0.759 as 76%, its target as 80% (not 0.76 / 0.80); CNT's 34 and 60 whole (not 34.00 / 60.00)."""
    for lang in LANGS:
        data = present.figure_data(res, lang)
        for kid, (last, target) in EXPECTED.items():
            d = data[f"control_{kid}"]
            shown = shown_frame(data_record(d), lang)
            value = t("measures.legend.value", lang)
            assert shown[value].iloc[-1] == kpi_text(res.charts[kid].values[-1], *_kpi(res, kid), lang)
            assert d.notes == (t("access.alt.group", lang, name=t("measures.col.target", lang),
                                 items=kpi_text(_kpi(res, kid)[2], *_kpi(res, kid), lang)),)
            if lang == "en":
                assert shown[value].iloc[-1] == last and d.notes[0].endswith(f": {target}.")
                alt = alt_text("x", d, lang)
                assert f"to {last} (" in alt and "0.76 " not in alt and ".00" not in alt
            kind = kpi_kind(*_kpi(res, kid))
            for col in (t("measures.legend.centre", lang), t("measures.legend.limits", lang) + " ↓",
                        t("measures.legend.limits", lang) + " ↑"):
                assert d.kinds[col] == kind
        if lang == "en":
            assert all(v.endswith("%") for v in shown_frame(data_record(data["control_SAT"]), lang)["Value"])


def test_scorecard_chart_data_and_notes_read_as_the_table(res):
    """The scorecard chart's data table and its notes write last value and target as the scorecard table
    does (SAT 76% / 80%, CNT 34 / 60), and its text alternative still counts the KPIs."""
    for lang in LANGS:
        card = present.tables(res, lang)["kpi_scorecard"].set_index(t("measures.col.kpi_id", lang))
        d = present.figure_data(res, lang)["scorecard"]
        shown = shown_frame(data_record(d), lang)
        for i, kid in enumerate(res.charts):
            for col in ("last", "target"):
                assert shown[t(f"measures.col.{col}", lang)].iloc[i] == card.loc[kid, t(f"measures.col.{col}", lang)]
        notes = " ".join(d.notes)
        for kid in res.charts:
            assert f"({card.loc[kid, t('measures.col.last', lang)]})" in notes
        alt = alt_text("x", d, lang)
        assert alt.startswith(t("access.alt.values", lang, title="x", n=len(res.charts), count=str(len(res.charts)),
                                value=t("measures.col.signals", lang)))
    assert "(76%)" in " ".join(present.figure_data(res, "en")["scorecard"].notes)


def test_signals_table_writes_each_point_by_its_kpis_rule(res):
    """A signal's value in the signals table reads as its chart's data table shows that point."""
    for lang in LANGS:
        sig = present.tables(res, lang)["kpi_signals"]
        data = present.figure_data(res, lang)
        for _, row in sig.iterrows():
            kid = row[t("measures.col.kpi_id", lang)]
            chart = shown_frame(data_record(data[f"control_{kid}"]), lang).set_index(t("measures.col.period", lang))
            assert row[t("measures.col.value", lang)] == chart.loc[row[t("measures.col.period", lang)],
                                                                   t("measures.legend.value", lang)]


def _kpi(res, kid):
    r = res.scorecard.set_index(res.scorecard["kpi_id"].astype(str)).loc[kid]
    return r["kind"], r["last"], r["target"]


def test_demo_client_new_level_and_sentences(tmp_path):
    """northfield-licensing (data/clients, intake.xlsx): N04 a proportion ending at 0.7586 against 0.80
    reads 76% / 80% in the table, its chart's data and the sentences; N03 a count, 34 against 60; N01's new
    level (the scorecard's new_level) as the key figure kpi_new_level writes it, a tenth of a percent."""
    from pathlib import Path

    import svcwork

    root = Path(__file__).resolve().parents[1] / "data" / "clients" / "northfield-licensing"
    res = M.analyse(svcwork.load(root), n_boot=0)
    figs = figures_of(res)
    card = present.tables(res, "en")["kpi_scorecard"].set_index("KPI")
    assert (card.loc["N04", "Last value"], card.loc["N04", "Target"]) == ("76%", "80%")
    assert (card.loc["N03", "Last value"], card.loc["N03", "Target"]) == ("34", "60")
    assert card.loc["N01", t("measures.col.new_level", "en")] == figs["measures.kpi_new_level.N01"].shown("en")
    assert card.loc["N01", t("measures.col.new_level", "en")].endswith("%")
    data = present.figure_data(res, "en")
    assert data["control_N04"].notes == ("Target: 80%.",) or data["control_N04"].notes[0].endswith(": 80%.")
    assert data["control_N03"].notes[0].endswith(": 60.")
    words = " ".join(plain(f) for f in present.findings(res, "en"))
    for kid in ("N04", "N03"):
        if f"measures.kpi_last.{kid}" in figs and kid in words:
            assert figs[f"measures.kpi_last.{kid}"].shown("en") == card.loc[kid, "Last value"]


def test_unit_pages_write_each_kpi_as_the_report_does():
    """The unit managers' pages (review of 2026-12-07: "0.759 | 0.800" beside "76% against 80%"): every
    KPI row of every northfield-licensing pack reads its value and target as the report's rule
    (kpi_text) writes the unit's own values, and the page's focus sentence quotes the same text."""
    from pathlib import Path

    import svcwork
    from svcwork import management
    from svcwork.keyfigures import quotes
    from svcwork.measures.figures import kpi_text
    from svcwork.unit_signals import manager_packs

    root = Path(__file__).resolve().parents[1] / "data" / "clients" / "northfield-licensing"
    eng = svcwork.load(root)
    packs = manager_packs(eng, management.analyse(eng), lang="en", measures_result=M.analyse(eng, n_boot=0))
    rows, texts = 0, []
    for pack in packs:
        kpis = [s for s in pack.signals if s.kind == "kpi"]
        table = pack.tables("en").get("signals")
        if not kpis or table is None:
            continue
        for s, (_, row) in zip(kpis, table.iterrows()):
            assert row[t("management.col.value", "en")] == kpi_text(s.value, s.kpi_kind, s.value, s.target, "en")
            assert row[t("management.col.target", "en")] == kpi_text(s.target, s.kpi_kind, s.value, s.target, "en")
            rows += 1
            texts.append(row[t("management.col.value", "en")])
        figures = {f.key: f for f in pack.key_figures()}
        for point in pack.focus_points("en", marked=True):
            for key, attr, shown in quotes(point):
                if ".kpi_value" in key or ".kpi_target" in key:
                    thing = figures[key].item.split(" — ", 1)[1]  # the pack's item: "<unit> — <KPI>"
                    s = next(x for x in kpis if (x.item or x.label) == thing)
                    assert shown == kpi_text(figures[key].value, s.kpi_kind, s.value, s.target, "en"), point
    assert rows >= 3 and any(x.endswith("%") for x in texts), texts  # a proportion KPI as a percentage


@pytest.mark.parametrize("lang", ["en", "he"])
def test_scorecard_figure_panels_read_as_the_table(lang):
    """The scorecard figure's panel titles ("N04 · … — last 76%, target 80%") write each KPI's last value
    and target as the scorecard table does (review of 2026-12-07: "last 0.82, target 0.85" beside 82%)."""
    from pathlib import Path

    import svcwork
    from svcwork import charts

    root = Path(__file__).resolve().parents[1] / "data" / "clients" / "northfield-licensing"
    res = M.analyse(svcwork.load(root), n_boot=0)
    card = present.tables(res, lang)["kpi_scorecard"]
    card = card.set_index(card.columns[0])
    last, target = t("measures.col.last", lang), t("measures.col.target", lang)
    fig = present.figures(res, lang)["scorecard"]
    titles = [ax.get_title(loc="right" if lang == "he" else "left") for ax in fig.axes if ax.get_visible()]
    for kid in card.index:
        title = next((x for x in titles if x.startswith(f"{kid} ")), None)
        if title is None:
            continue
        expected = t("measures.title.scorecard_panel", lang, kpi="", last=card.loc[kid, last],
                     target=card.loc[kid, target])
        assert title.endswith(expected), (title, expected)
    assert any(x.endswith("%") for x in titles), titles
    charts.close(fig)
