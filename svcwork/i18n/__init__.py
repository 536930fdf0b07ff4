"""Every user-facing string, in Hebrew and English.

Terms follow ``shared/docs/glossary.md``.  Use :func:`t` to look a message up::

    t("intake.out_of_range", "he", lo=1, hi=5, value=7)

Keys are grouped by the module that uses them (``intake.*``, ``report.*``, ``measures.*`` …); each
group lives in a module of this package (:mod:`svcwork.i18n.intake` …) as ``MESSAGES``, a mapping of
key to ``(English, Hebrew)``.  A test checks that every key has both languages and the same
placeholders.
"""

from __future__ import annotations

import string
from types import MappingProxyType
from typing import Mapping

from . import analysis, cli, charts, intake, journeys, management, measures, portfolio, prioritize, report, template

__all__ = ["t", "user_language", "CATALOGUE", "LANGUAGES", "fmt_number", "fmt_signed", "fmt_percent", "fmt_date", "direction",
           "unsigned_zero"]

LANGUAGES = ("he", "en")


def _merge(*parts: dict[str, tuple[str, str]]) -> Mapping[str, Mapping[str, str]]:
    out: dict[str, Mapping[str, str]] = {}
    for part in parts:
        for key, (en, he) in part.items():
            if key in out:
                raise ValueError(f"duplicate message key {key}")
            out[key] = MappingProxyType({"en": en, "he": he})
    return MappingProxyType(out)


CATALOGUE: Mapping[str, Mapping[str, str]] = _merge(*(m.MESSAGES for m in (
    analysis, intake, template, cli, report, prioritize, journeys, measures, management, charts, portfolio)))


def user_language() -> str:
    """The language of messages that belong to no engagement (command-line usage): ``SVCWORK_LANG``, else English."""
    import os

    return "he" if os.environ.get("SVCWORK_LANG", "").strip().casefold() in ("he", "iw", "heb", "hebrew") else "en"


def t(key: str, lang: str = "en", /, **values: object) -> str:
    """The message *key* in *lang* (``"he"`` or ``"en"``), with ``{placeholders}`` filled."""
    entry = CATALOGUE[key]
    text = entry["he" if lang == "he" else "en"]
    return text.format(**values) if values else text


def placeholders(text: str) -> set[str]:
    """The ``{names}`` used in a catalogue text (for the catalogue's consistency test)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def unsigned_zero(text: str) -> str:
    """*text* (a formatted number) without the sign when it shows only zeros: "-0.00" → "0.00"."""
    return text[1:] if text[:1] in "-+" and not any(ch in "123456789" for ch in text) else text


def fmt_number(value: float | int | None, lang: str = "en", *, digits: int = 0) -> str:
    """A number with thousands separators; '—' for a missing value; never "-0"."""
    if value is None or value != value:
        return "—"
    return unsigned_zero(f"{value:,.{digits}f}")


def fmt_signed(value: float | int | None, lang: str = "en", *, digits: int = 1) -> str:
    """A change with its sign ("+0.4", "-1.2"); '—' for a missing value; a zero reads "+0.0", never "-0.0"."""
    if value is None or value != value:
        return "—"
    text = f"{value:+.{digits}f}"
    bare = unsigned_zero(text)
    return text if bare == text else "+" + bare  # "-0.0" and "+0.0" both read "+0.0"


def fmt_percent(value: float | None, lang: str = "en", *, digits: int = 0) -> str:
    """A share (0–1) as a percentage."""
    if value is None or value != value:
        return "—"
    return f"{100 * value:.{digits}f}%"


def fmt_date(value, lang: str = "en") -> str:
    """A date as day/month/year (Hebrew and Israeli usage) or ISO for English."""
    if value is None or value != value:
        return "—"
    return value.strftime("%d/%m/%Y") if lang == "he" else value.strftime("%Y-%m-%d")


def direction(lang: str) -> str:
    """The HTML ``dir`` value for a language."""
    return "rtl" if lang == "he" else "ltr"
