"""Every user-facing string, in Hebrew and English.

Terms follow ``shared/docs/glossary.md``.  Use :func:`t` to look a message up::

    t("intake.out_of_range", "he", lo=1, hi=5, value=7)

A count agrees with its noun by the CLDR plural rules of the language (Babel): an entry whose text is
a mapping of plural categories (``{"one": …, "two": …, "other": …}``; Hebrew has a dual) picks its
form by the placeholder ``n``.  Numbers, percentages, dates and periods are formatted by Babel's
locale data (:func:`fmt_number`, :func:`fmt_percent`, :func:`fmt_period` …).

Keys are grouped by the module that uses them (``intake.*``, ``report.*``, ``measures.*`` …); each
group lives in a module of this package (:mod:`svcwork.i18n.intake` …) as ``MESSAGES``, a mapping of
key to ``(English, Hebrew)``.  A test checks that every key has both languages and the same
placeholders.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from types import MappingProxyType
from typing import Mapping, Sequence

from . import (analysis, cli, charts, intake, journeys, management, measures, packs, portfolio, prioritize,
               recommendations, report, since, template, workshop, access, remote)

__all__ = ["t", "user_language", "CATALOGUE", "PLURALS", "LANGUAGES", "fmt_number", "fmt_signed", "fmt_percent", "fmt_date",
           "fmt_period", "fmt_list", "direction", "unsigned_zero", "plural_category", "LRM", "is_signed",
           "isolate_signs"]

LANGUAGES = ("he", "en")

#: The Babel locale of each language (numbers, plural rules, month and quarter names).
LOCALES = MappingProxyType({"he": "he_IL", "en": "en_IL"})

_Text = "str | Mapping[str, str]"


def _merge(*parts: dict) -> tuple[Mapping[str, Mapping[str, str]], Mapping[str, Mapping[str, Mapping[str, str]]]]:
    out: dict[str, Mapping[str, str]] = {}
    plurals: dict[str, Mapping[str, Mapping[str, str]]] = {}
    for part in parts:
        for key, (en, he) in part.items():
            if key in out:
                raise ValueError(f"duplicate message key {key}")
            forms = {lang: text for lang, text in (("en", en), ("he", he)) if isinstance(text, Mapping)}
            if forms:
                if len(forms) != 2 or any("one" not in f or "other" not in f for f in forms.values()):
                    raise ValueError(f"plural message {key} needs 'one' and 'other' in both languages")
                plurals[key] = MappingProxyType({lang: MappingProxyType(dict(f)) for lang, f in forms.items()})
                en, he = forms["en"]["other"], forms["he"]["other"]
            out[key] = MappingProxyType({"en": en, "he": he})
    return MappingProxyType(out), MappingProxyType(plurals)


#: Every message: ``CATALOGUE[key][lang]`` (for a plural message, its "other" form).
#: ``PLURALS[key][lang][category]``: the forms of the messages that agree with a count ``n``.
CATALOGUE, PLURALS = _merge(*(m.MESSAGES for m in (
    analysis, intake, template, cli, report, prioritize, journeys, measures, management, packs, charts, portfolio,
    recommendations, since, workshop, access, remote)))


def plural_category(n: float, lang: str) -> str:
    """The CLDR plural category of *n* in *lang* ("one", "two", "other" …), by Babel's locale data."""
    from babel import Locale

    return Locale.parse(LOCALES.get(lang, "en_IL")).plural_form(abs(n))


def user_language() -> str:
    """The language of messages that belong to no engagement (command-line usage): ``SVCWORK_LANG``, else English."""
    import os

    return "he" if os.environ.get("SVCWORK_LANG", "").strip().casefold() in ("he", "iw", "heb", "hebrew") else "en"


def t(key: str, lang: str = "en", /, **values: object) -> str:
    """The message *key* in *lang* (``"he"`` or ``"en"``), with ``{placeholders}`` filled."""
    lang = "he" if lang == "he" else "en"
    forms = PLURALS.get(key)
    if forms is not None:
        if "n" not in values:
            raise KeyError(f"plural message {key} needs n")
        n = values["n"]
        count = n if isinstance(n, (int, float)) else float(str(n).replace(",", ""))
        chosen = forms[lang]
        text = chosen.get(plural_category(count, lang), chosen["other"])
        return text.format(**values)
    text = CATALOGUE[key][lang]
    return text.format(**values) if values else text


def placeholders(text: str) -> set[str]:
    """The ``{names}`` used in a catalogue text (for the catalogue's consistency test)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def unsigned_zero(text: str) -> str:
    """*text* (a formatted number) without the sign when it shows only zeros: "-0.00" → "0.00"."""
    return text[1:] if text[:1] in "-+" and not any(ch in "123456789" for ch in text) else text


def fmt_number(value: float | int | None, lang: str = "en", *, digits: int = 0) -> str:
    """A number with the locale's thousands separators (Babel); '—' for a missing value; never "-0"."""
    from babel.numbers import format_decimal

    if value is None or value != value:
        return "—"
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    rounded = round(float(value), digits) if digits >= 0 else value
    return unsigned_zero(format_decimal(rounded, format=pattern, locale=LOCALES.get(lang, "en_IL"),
                                        decimal_quantization=True))


def fmt_signed(value: float | int | None, lang: str = "en", *, digits: int = 1) -> str:
    """A change with its sign ("+0.4", "-1.2"); '—' for a missing value; a zero reads "+0.0", never "-0.0"."""
    if value is None or value != value:
        return "—"
    text = f"{value:+.{digits}f}"
    bare = unsigned_zero(text)
    return text if bare == text else "+" + bare  # "-0.0" and "+0.0" both read "+0.0"


def fmt_percent(value: float | None, lang: str = "en", *, digits: int = 0) -> str:
    """A share (0–1) as a percentage."""
    from babel.numbers import format_percent

    if value is None or value != value:
        return "—"
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "") + "%"
    return unsigned_zero(format_percent(round(float(value), digits + 2), format=pattern,
                                        locale=LOCALES.get(lang, "en_IL")))


def fmt_date(value, lang: str = "en") -> str:
    """A date as day/month/year (Hebrew and Israeli usage) or ISO for English."""
    if value is None or value != value:
        return "—"
    return value.strftime("%d/%m/%Y") if lang == "he" else value.strftime("%Y-%m-%d")


def fmt_list(names: Sequence[str], lang: str = "en") -> str:
    """Names joined as the language lists them ("a, b and c" / "א, ב ו־ג", CLDR via Babel)."""
    from babel.lists import format_list

    return format_list(list(names), locale=LOCALES.get(lang, "en_IL"))


def fmt_period(value: object, lang: str = "en") -> str:
    """A period label as the reader says it (Babel): "2025Q3" → "Q3 2025" / "רבעון 3 2025",
    "2025-03" → "March 2025" / "מרץ 2025"; anything else unchanged."""
    import re

    from babel.dates import format_date

    text = str(value).strip()
    loc = LOCALES.get(lang, "en_IL")
    m = re.fullmatch(r"(\d{4})\s*-?\s*Q([1-4])", text, flags=re.IGNORECASE)
    if m:
        day = dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
        return format_date(day, "QQQQ y" if lang == "he" else "QQQ y", locale=loc)
    m = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if m and 1 <= int(m[2]) <= 12:
        return format_date(dt.date(int(m[1]), int(m[2]), 1), "LLLL y", locale=loc)
    return text


#: LEFT-TO-RIGHT MARK: a strong left-to-right character of no width.
LRM = "\u200e"

_SIGNS = "-\u2212+"
#: A sign starting a number: not after a letter or digit ("2025-03", "1-5"), nor after a mark already there.
_SIGNED = re.compile(r"(?<![\w\u200e])([-\u2212+])(?=\d)")


def is_signed(text: str) -> bool:
    """Whether *text* (a shown number) starts with its sign: "-28", "+9.0", "−2"."""
    return len(text) > 1 and text[0] in _SIGNS and text[1].isdigit()


def isolate_signs(text: str, lang: str) -> str:
    """*text* with a left-to-right mark (:data:`LRM`) before each signed number when *lang* is written
    right to left, so "-28" and "+9.0" are not drawn "28-" and "9.0+" (a sign is a neutral character
    of the Unicode bidirectional algorithm: in a Hebrew line it takes the line's direction); any other
    text, and every text in a left-to-right language, unchanged."""
    if lang != "he" or not text or not any(ch in text for ch in _SIGNS):
        return text
    return _SIGNED.sub(lambda m: LRM + m[1], text)


def direction(lang: str) -> str:
    """The HTML ``dir`` value for a language."""
    return "rtl" if lang == "he" else "ltr"
