"""On every demo client, in both languages: every number in the journeys findings and takeaways is a key
figure (its marker names a registered figure and shows it as the registry does), and once the markers are
taken out no digit is left but an id (L04, S08), a year of a period label (August 2026) or client text in
quotes ("מוקד 106")."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from svcwork import load
from svcwork.journeys.analysis import analyse
from svcwork.keyfigures import quotes, registry

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = ("neve-tamar", "northfield-licensing", "rashut-hagimlaot")

_MARKER = re.compile("\ue000[^\ue001]*\ue001[^\ue002]*\ue002")
_QUOTED = re.compile(r"“[^”]*”|„[^”]*”")
_ID = re.compile(r"\b[A-Z]{1,3}\d+\b")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def unmarked_digits(text: str) -> str:
    """The digits *text* shows outside figure markers, quoted client text, ids and years (empty: none)."""
    rest = _MARKER.sub("", text)
    rest = _QUOTED.sub("", rest)
    rest = _ID.sub("", rest)
    rest = _YEAR.sub("", rest)
    return "".join(re.findall(r"\d", rest))


@pytest.fixture(scope="module", params=CLIENTS)
def demo(request):
    os.environ.setdefault("SVCWORK_KEY", "test-key-not-secret")
    return analyse(load(ROOT / "data" / "clients" / request.param))


def test_the_helper_finds_a_number_written_by_hand():
    assert unmarked_digits("22% of cases miss the deadline (the case's own, else 15 days).") == "2215"
    assert unmarked_digits("from „מוקד 106” to L04, August 2026") == ""


@pytest.mark.slow
def test_every_number_in_the_words_is_a_key_figure(demo):
    figures = registry(demo.key_figures())
    for lang in ("en", "he"):
        texts = demo.findings(lang, marked=True) + list(demo.takeaways(lang).values())
        assert texts
        for text in texts:
            for key, attr, shown in quotes(text):
                assert key in figures, (lang, key)
                assert figures[key].shown(lang, attr) == shown, (lang, key, attr, shown)
            assert unmarked_digits(text) == "", (lang, text)
        # a count never disagrees with its noun in English ("1 cases", "1 actions are")
        assert not re.search(r"(?<![\d.,])1\ue002? (cases|days|paths|services|months|units)\b", " ".join(texts))
