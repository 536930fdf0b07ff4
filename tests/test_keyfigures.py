"""Key figures (svcwork.keyfigures): one rounding rule per kind, markers that survive text and
HTML, and a registry that comes back from summary.json unchanged."""

from __future__ import annotations

import json

import pytest

from svcwork.keyfigures import (DIGITS, KeyFigure, base_text, figure_anchor, from_records, plain, quote, quotes,
                                registry, show, to_html)

MEDIAN = KeyFigure("journeys.median_case_days", 5.3504, "days", "journeys", base=4996, base_of="cases")
SAT = KeyFigure("measures.item.satisfaction", 0.5937, "share", "measures", base=2429, base_of="responses",
                low=0.574, high=0.613, item="satisfaction")


def test_each_kind_is_shown_by_one_rule():
    assert show(0.5937, "share") == "59%" and show(0.7449, "share1") == "74.5%"
    assert show(5.3504, "days") == "5.4" and show(0.824921, "score") == "0.82" and show(4996, "count") == "4,996"
    assert show(7.66, "points") == "+7.7" and show(-21.68, "nps") == "-22" and show(None, "share") == "—"
    assert set(DIGITS) >= {"count", "share", "days", "score", "points", "nps", "mean", "kappa"}


def test_a_quoted_figure_reads_as_its_number_and_traces_to_its_key():
    text = f"Half the cases within {quote(MEDIAN, 'en')} days ({base_text(MEDIAN, 'en')})."
    assert plain(text) == "Half the cases within 5.4 days (4,996 cases)."
    assert quotes(text) == [("journeys.median_case_days", "value", "5.4"), ("journeys.median_case_days", "base", "4,996")]
    markup = to_html(text)
    assert markup.count(f"href='#{figure_anchor(MEDIAN.key)}'") == 2 and ">5.4</a> days" in markup
    assert "\ue000" not in markup and "\ue000" not in plain(text)


def test_text_around_a_figure_is_escaped():
    text = "<b>" + quote(SAT, "en") + " & more"
    assert to_html(text).startswith("&lt;b&gt;<a class='kf'") and to_html(text).endswith(" &amp; more")
    assert to_html(text, link=False).count("<span class='kf'") == 1


def test_hebrew_bases_agree_with_their_count():
    one = KeyFigure("journeys.cases", 1, "count", "journeys", base=1, base_of="cases")
    two = KeyFigure("journeys.cases", 2, "count", "journeys", base=2, base_of="cases")
    assert plain(base_text(one, "he")) == "פנייה אחת" and plain(base_text(two, "he")) == "שתי פניות"
    assert plain(base_text(MEDIAN, "he")) == "4,996 פניות"


def test_the_registry_comes_back_from_summary_json_unchanged():
    reg = registry([MEDIAN, SAT])
    records = json.loads(json.dumps({k: f.as_record() for k, f in reg.items()}))
    assert from_records(records) == reg
    assert from_records(list(records.values())) == reg


def test_a_key_defined_twice_differently_is_refused():
    with pytest.raises(ValueError):
        registry([MEDIAN, KeyFigure("journeys.median_case_days", 6.0, "days", "journeys")])
    with pytest.raises(ValueError):
        KeyFigure("journeys.x", 1, "percentage", "journeys")


def test_summary_schema_knows_every_kind():
    from conftest import ROOT

    schema = json.loads((ROOT / "docs" / "summary.schema.json").read_text(encoding="utf-8"))
    entry = schema["properties"]["key_figures"]["additionalProperties"]
    assert set(entry["properties"]["kind"]["enum"]) == set(DIGITS)
    assert "key_figures" in schema["required"]


@pytest.mark.parametrize("lang", ["en", "he"])
def test_no_definition_leaves_an_empty_placeholder(lang):
    """Every key figure of a demo client's analyses is defined in whole sentences: a figure without an
    item (the NPS over every respondent) never reads "with a service id ()" (review of 2026-12-07)."""
    import re

    import svcwork
    from svcwork import measures

    eng = svcwork.load(svcwork.paths.project_root() / "data" / "clients" / "northfield-licensing")
    figures = measures.analyse(eng).key_figures()
    assert any(f.key == "measures.nps" and not f.item for f in figures)
    empty = re.compile(r"\(\s*\)|“\s*”|„\s*”")
    assert not [f.key for f in figures if empty.search(f.definition(lang)) or empty.search(f.label(lang))]
