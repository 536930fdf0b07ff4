"""The message catalogue is complete in both languages (glossary: shared/docs/glossary.md)."""

from __future__ import annotations

import re

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
