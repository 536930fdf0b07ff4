"""The message catalogue is complete in both languages (glossary: shared/docs/glossary.md)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from svcwork.i18n import CATALOGUE, placeholders, t

HEBREW = re.compile(r"[\u0590-\u05ff]")


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_has_both_languages_with_the_same_placeholders(key):
    entry = CATALOGUE[key]
    assert entry["en"].strip() and entry["he"].strip()
    assert placeholders(entry["en"]) == placeholders(entry["he"]), key


def test_hebrew_messages_are_hebrew():
    # a Hebrew text without Hebrew letters may only be a code or a formula such as "1/9 … 9"
    not_hebrew = [k for k, e in CATALOGUE.items() if not HEBREW.search(e["he"])
                  and not re.fullmatch(r"[\W\d_a-z]*", e["he"])]
    assert not not_hebrew, not_hebrew


def test_lookup_fills_placeholders():
    assert t("intake.out_of_range", "he", lo=1, hi=5, value=7) == "נדרש ערך בין 1 ל־5, נמצא 7."
    assert t("intake.out_of_range", "en", lo=1, hi=5, value=7) == "Expected a value between 1 and 5, found 7."


def test_numbers_that_round_to_zero_never_show_a_minus_sign():
    from svcwork.i18n import fmt_number, fmt_signed
    from svcwork.report import table_html

    assert fmt_number(-0.001, digits=2) == "0.00" and fmt_number(-0.02, digits=2) == "-0.02"
    assert fmt_number(-1234.4) == "-1,234"
    assert [fmt_signed(v) for v in (-0.04, -0.0, 0.0, 0.36, -1.26)] == ["+0.0", "+0.0", "+0.0", "+0.4", "-1.3"]
    assert fmt_signed(None) == "—"
    cells = table_html(pd.DataFrame({"change": [-0.0004, -0.0, -0.25]}), lang="en")
    # one precision for the column (svcwork.tables.decimals): two decimals, as -0.25 needs
    assert "-0.00" not in cells and ">0.00<" in cells and ">-0.25<" in cells


# ---------------------------------------------------------------------------------------- plural forms
def test_plural_messages_have_the_forms_of_their_language_and_the_same_placeholders():
    """Every plural message has CLDR's "one" and "other" (Hebrew may add "two", the dual); every
    form uses only placeholders its "other" form has, and English and Hebrew the same ones."""
    from svcwork.i18n import PLURALS

    assert PLURALS, "the catalogue has plural messages"
    for key, forms in PLURALS.items():
        assert set(forms["en"]) <= {"one", "other"}, key
        assert set(forms["he"]) <= {"one", "two", "other"}, key  # CLDR 42+ Hebrew: one, two, other
        for lang in ("en", "he"):
            other = placeholders(forms[lang]["other"])
            assert all(placeholders(text) <= other for text in forms[lang].values()), (key, lang)
        assert placeholders(forms["en"]["other"]) == placeholders(forms["he"]["other"]), key


@pytest.mark.parametrize(("n", "en", "he"), [
    (1, "1 KPI", "מדד אחד"), (2, "2 KPIs", "שני מדדים"), (3, "3 KPIs", "3 מדדים"), (0, "0 KPIs", "0 מדדים"),
    (11, "11 KPIs", "11 מדדים"), (20, "20 KPIs", "20 מדדים"), (1.5, "1.5 KPIs", "1.5 מדדים")])
def test_counts_agree_with_their_nouns_by_cldr_rules(n, en, he):
    # CLDR plural rules (unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html):
    # English one: i = 1 and v = 0; Hebrew one: i = 1 and v = 0, two: i = 2 and v = 0, else other
    from svcwork.i18n import fmt_number

    shown = fmt_number(n, digits=1 if n % 1 else 0)
    assert t("figure.base.kpis", "en", n=n, count=shown) == en
    assert t("figure.base.kpis", "he", n=n, count=shown) == he


def test_a_plural_message_needs_its_count():
    with pytest.raises(KeyError):
        t("figure.base.kpis", "en", count="3")


def test_numbers_and_periods_follow_the_locale():
    from babel.dates import format_date
    import datetime as dt

    from svcwork.i18n import fmt_number, fmt_percent, fmt_period

    assert fmt_number(1234567.891, "he", digits=1) == "1,234,567.9" and fmt_percent(0.4567, "en", digits=1) == "45.7%"
    assert fmt_period("2025Q3", "he") == "רבעון 3 2025" and fmt_period("2025Q3", "en") == "Q3 2025"
    assert fmt_period("2026-03", "he") == format_date(dt.date(2026, 3, 1), "LLLL y", locale="he") == "מרץ 2026"
    assert fmt_period("wave A", "he") == "wave A"  # a client's own label stays as it is
