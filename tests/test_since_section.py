"""The comparison as a section of the report (svcwork.since.section) and its charts (svcwork.since.plots):
tables, the changes chart's data, the trend over three rounds or more, summary.json's history."""

from __future__ import annotations

import json

import numpy as np
import pytest

from svcwork.since import Round, compare
from svcwork.since.history import Rounds
from svcwork.since.plots import MIN_TREND_ROUNDS, changes_data, trend_data
from svcwork.since.section import SinceSection, history_block, write_section
from test_since_compare import SEED, _pair, _round


@pytest.fixture(scope="module")
def pair():
    return _pair()


def test_the_tables_split_the_services_from_the_organisation(pair):
    current, previous = pair
    section = SinceSection(compare(current, previous, top_services=2))
    tables = section.tables("en")
    assert {"since", "since_services", "since_actions", "since_priorities", "since_focus",
            "since_recommendations"} <= set(tables)
    rows = section.since.rows
    per_service = rows["group"].eq("journey") & rows["item"].notna()
    assert len(tables["since"]) == int((~per_service).sum())
    assert len(tables["since_services"]) == int(per_service.sum())
    # every key figure names a table the section shows
    assert {f.table for f in section.key_figures()} <= set(tables)


@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_changes_chart_plots_each_judged_share_with_its_interval(pair, lang):
    since = compare(*pair, top_services=2)
    data = changes_data(since, lang)
    judged = [r for r in since.records() if r["kind"] in ("share", "share1", "nps") and r["group"] != "kpi"
              and r["verdict"] in ("better", "worse", "no_change") and not (r["group"] == "journey" and r["item"])]
    assert judged and all(r["low"] is not None and r["high"] is not None for r in judged)
    assert list(data["figure"]) == [r["figure"] for r in judged]
    for (_, d), r in zip(data.iterrows(), judged):
        assert (d["change"], d["low"], d["high"], d["verdict"]) == (r["change"], r["low"], r["high"], r["verdict"])


def _rounds(n):
    """*n* successive half-year rounds, satisfaction rising by five points a round."""
    rng = np.random.default_rng(SEED)
    out = []
    for i in range(n):
        start, end = f"{2024 + i // 2}-{'01' if i % 2 == 0 else '07'}-01", \
            f"{2024 + i // 2}-{'06-30' if i % 2 == 0 else '12-31'}"
        out.append(_round(rng, start=start, end=end, satisfaction=0.45 + 0.05 * i, ease=0.6, scale=1.0, missed=0.2))
    return out


def test_the_trend_has_every_round_of_each_figure():
    rounds = _rounds(4)
    data = trend_data(rounds)
    sat = data.loc[data["figure"] == "measures.item.satisfaction"]
    assert list(sat["round"]) == [r.label for r in rounds]
    assert list(sat["value"]) == [r.figures["measures.item.satisfaction"].value for r in rounds]


def test_the_section_draws_the_trend_from_three_rounds(tmp_path):
    rounds = _rounds(MIN_TREND_ROUNDS)
    current, history = rounds[-1], tuple(rounds[:-1])
    since = write_section(tmp_path, current, Rounds(history[-1], history), lang="en")
    record = json.loads((tmp_path / "sections" / "since.json").read_text(encoding="utf-8"))
    files = [f["file"] for f in record["figures"]]
    assert files == ["since-changes.png", "since-trend.png"]
    assert all((tmp_path / "figures" / f).is_file() for f in files)
    trend = next(f for f in record["figures"] if f["file"] == "since-trend.png")
    assert rounds[0].label in trend["alt"] and rounds[-1].label in trend["alt"]
    assert since.previous_label == history[-1].label
    # with two rounds only, the changes but no trend
    write_section(tmp_path / "two", current, Rounds(history[-1], history[-1:]), lang="en")
    record = json.loads((tmp_path / "two" / "sections" / "since.json").read_text(encoding="utf-8"))
    assert [f["file"] for f in record["figures"]] == ["since-changes.png"]


def test_history_lists_every_round_then_this_one():
    rounds = _rounds(3)
    block = history_block(Rounds(rounds[1], tuple(rounds[:2])), rounds[2])
    assert [b["label"] for b in block] == [r.label for r in rounds]
    assert [b["file"] for b in block] == [f"history/{rounds[0].label}.json", f"history/{rounds[1].label}.json", None]
    assert history_block(None, rounds[0]) == [{"label": rounds[0].label, "file": None,
                                               "period": {"start": "2024-01-01", "end": "2024-06-30"}}]


def test_a_round_without_an_earlier_one_compares_nothing():
    rounds = _rounds(1)
    assert isinstance(rounds[0], Round)
    assert Rounds(None, ()).previous is None
