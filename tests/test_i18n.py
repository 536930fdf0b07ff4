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
    assert "-0.000" not in cells and ">0.000<" in cells and ">-0.250<" in cells
