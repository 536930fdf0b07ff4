"""Free-text comments: redaction of personal details and coding against a keyword code frame.

* :func:`redact` removes e-mail addresses, phone numbers, Israeli ID numbers with a valid check
  digit (:func:`valid_israeli_id`), other long numbers and names after a greeting (Hebrew and
  English), each replaced by a bracketed word in the report's language.
* :func:`code_themes` codes comments against an extensible keyword :class:`CodeFrame`
  (:data:`DEFAULT_CODE_FRAME`: ten themes, Hebrew and English keywords); :func:`theme_table`
  counts them with Wilson intervals.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from ..i18n import t
from ._base import HE_LETTERS, error
from .intervals import wilson_interval

__all__ = ["valid_israeli_id", "redact", "Theme", "CodeFrame", "DEFAULT_CODE_FRAME", "code_themes", "theme_table"]


def valid_israeli_id(number: str | int) -> bool:
    """Whether *number* is an Israeli ID number (up to 9 digits) with a valid check digit.

    The check digit makes the Luhn-style sum zero modulo 10: digits (left-padded to 9) are
    multiplied alternately by 1 and 2, two-digit products have their digits added.
    """
    digits = re.sub(r"[\s-]", "", str(number))
    if not digits.isdigit() or not 5 <= len(digits) <= 9 or int(digits) == 0:
        return False
    total = 0
    for i, ch in enumerate(digits.zfill(9)):
        v = int(ch) * (1 + i % 2)
        total += v - 9 if v > 9 else v
    return total % 10 == 0


# an address, also written out to dodge spam filters: "dana(at)mail.com", "dana [at] mail [dot] com"
_EMAIL = re.compile(r"[\w.+-]+\s?(?:@|\(at\)|\[at\]|\{at\})\s?[\w-]+(?:\s?(?:\.|\(dot\)|\[dot\])\s?[\w-]+)+",
                    re.IGNORECASE)
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"(?:\+|00)972[\s.-]?\(?0?\)?(?:5\d|7\d|[2-489])[\s.-]?\d{3}[\s.-]?\d{4}"        # +972 5x-xxx-xxxx
    r"|0(?:5\d|7\d)[\s.-]?\d{3}[\s.-]?\d{4}"                                           # 05x / 07x
    r"|0[2-489][\s.-]?\d{3}[\s.-]?\d{4}"                                               # landlines 0x-xxx-xxxx
    r"|1[\s.-]?[78]00[\s.-]?\d{2,3}[\s.-]?\d{3,4}"                                     # 1-800 numbers
    r"|\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){1,3}"          # other international
    r"|\(\d{2,4}\)[\s.-]?\d{3,4}[\s.-]?\d{3,4}"                                        # (555) 123-4567
    r")(?!\d)")
_ID = re.compile(r"(?<![\d\w])(\d{4,8}[-\s]?\d)(?![\d\w])")
# any other long number or code (case numbers, customer numbers such as C05550199, ids with a wrong check
# digit): it may point at one citizen, so it is never shown either
_LONG_NUMBER = re.compile(r"(?<![\w])[A-Za-z]{0,3}[-/]?\d(?:[-\s/]?\d){5,}(?![\w])")
_GREET_EN = re.compile(
    r"(?i:\b(?:hi|hello|hey|dear|thanks|thank\s+you|thanks\s+to|thank\s+you\s+to|good\s+(?:morning|afternoon|evening)"
    r"|my\s+name\s+is|my\s+name's|name's|i'm|i\s+am|this\s+is|regards|sincerely|signed|attn)\b)[,:]?\s+"
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?"
    r"([A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+)?)")
_EN_NOT_NAMES = {"team", "all", "everyone", "everybody", "sir", "madam", "again", "so", "very", "for", "guys",
                 "there", "folks", "you", "the", "staff", "a", "i", "we", "it", "this", "that", "much", "lot",
                 "municipality", "ministry", "office", "service", "department", "clerk", "agent", "support"}
_GREET_HE = re.compile(
    rf"(?<![{HE_LETTERS}])(שלום|היי|הי|אהלן|לכבוד|בוקר טוב|ערב טוב|צהריים טובים|שמי הוא|שמי|קוראים לי|בברכה|בכבוד רב"
    rf"|נציג בשם|נציגה בשם|פקיד בשם|פקידה בשם|עובד בשם|עובדת בשם"
    rf"|תודה רבה|תודה)(?![{HE_LETTERS}])([\s,:]+)"
    rf"((?:[{HE_LETTERS}][{HE_LETTERS}'\"׳״\-]*)(?:\s+[{HE_LETTERS}][{HE_LETTERS}'\"׳״\-]*)?)")
_HE_NOT_NAMES = {
    "רב", "רבה", "לכם", "לך", "לכולם", "וברכה", "על", "אני", "רציתי", "רוצה", "עם", "מאוד", "גם", "צוות", "לצוות",
    "נציג", "נציגה", "לנציג", "לנציגה", "הנציג", "הנציגה", "לנציגת", "פקיד", "פקידה", "לפקיד", "לפקידה", "הפקיד",
    "הפקידה", "עובד", "עובדת", "לעובד", "לעובדת", "העובד", "העובדת", "כולם", "המוקד", "מוקד", "למוקד", "העירייה",
    "עירייה", "לעירייה", "השירות", "שירות", "לשירות", "אתכם", "יש", "לא", "כן", "מה", "איך", "אם", "זה", "זו", "היום",
    "אתמול", "מחר", "הרבה", "על", "ועל", "לכל", "כל", "אבל", "כי", "רק", "שוב", "מראש", "ל", "ו", "הייתי", "היה",
    "הייתה", "הזה", "הזאת", "מחלקת", "למחלקת", "המחלקה", "אגף", "לאגף", "הנהלת", "ההנהלה", "מנהל", "מנהלת", "למנהל",
    "טוב", "טובה", "יפה", "רבות", "רבים", "ענק", "אדוני", "גברתי", "נכבד", "נכבדה", "נכבדים", "החברים", "חברים",
    "המשרד", "משרד", "למשרד", "אתה", "את", "אתם", "הוא", "היא", "הם", "שלכם", "שלך", "ביותר", "בקשר", "בנוגע",
    "ואני", "ואנחנו", "ורציתי", "וגם", "ולא", "ואז", "ויש", "והיא", "והוא", "ואתם", "שלי", "אליכם", "פונה", "פניתי",
}


def _redact_names_en(text: str, token: str) -> str:
    def repl(m: re.Match) -> str:
        words = m.group(1).split()
        if words[0].casefold() in _EN_NOT_NAMES:
            return m.group(0)
        keep = 1 if len(words) > 1 and words[1].casefold() in _EN_NOT_NAMES else len(words)
        name = " ".join(words[:keep])
        start = m.start(1) - m.start(0)
        return m.group(0)[:start] + token + m.group(0)[start + len(name):]
    return _GREET_EN.sub(repl, text)


def _redact_names_he(text: str, token: str) -> str:
    def strip_prefix(word: str, greeting: str) -> tuple[str, str]:
        # "תודה לרחל": the name carries the preposition ל
        if greeting.startswith("תודה") and word.startswith("ל") and len(word) > 2:
            return "ל", word[1:]
        return "", word

    def repl(m: re.Match) -> str:
        greeting, gap, rest = m.group(1), m.group(2), m.group(3)
        words = rest.split()
        prefix, first = strip_prefix(words[0], greeting)
        if words[0] in _HE_NOT_NAMES or first in _HE_NOT_NAMES or len(first) < 2:
            return m.group(0)
        if len(words) > 1 and words[1] not in _HE_NOT_NAMES and greeting not in ("תודה", "תודה רבה"):
            return f"{greeting}{gap}{prefix}{token}"
        tail = rest[len(words[0]):]
        return f"{greeting}{gap}{prefix}{token}{tail}"
    return _GREET_HE.sub(repl, text)


def redact(texts: Iterable[str | None] | pd.Series, *, lang: str = "en") -> pd.Series:
    """Remove personal details from free-text comments before anything is shown.

    Replaced, in this order, by a bracketed word in *lang*: e-mail addresses; phone numbers
    (Israeli mobile, landline, +972 and 1-800 forms, and international numbers); Israeli ID
    numbers whose check digit is valid (:func:`valid_israeli_id`); other numbers an ID could be
    (5–9 digits) and any number or code of six digits or more (case and customer numbers, ids
    with a wrong check digit — they may point at one citizen); names after a greeting or an introduction ("Hi Dana", "my name is
    …", "שלום משה", "תודה לרחל", "שמי …").  Names elsewhere in a sentence are not recognised.
    """
    series = texts.copy() if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype="object")
    tokens = {k: t(f"measures.redact.{k}", lang) for k in ("email", "phone", "id", "name", "number")}

    def one(text: object) -> object:
        if text is None or text is pd.NA or (isinstance(text, float) and math.isnan(text)):
            return text
        s = str(text)
        s = _EMAIL.sub(tokens["email"], s)
        s = _PHONE.sub(tokens["phone"], s)
        s = _ID.sub(lambda m: tokens["id"] if valid_israeli_id(m.group(1)) else tokens["number"], s)
        s = _LONG_NUMBER.sub(tokens["number"], s)
        s = _redact_names_en(s, tokens["name"])
        s = _redact_names_he(s, tokens["name"])
        return s
    return pd.Series([one(v) for v in series], index=series.index, dtype="object", name=series.name)


@dataclass(frozen=True)
class Theme:
    """One theme of the comment code frame: a key, its names and its keywords (Hebrew and English).

    Keywords match at the start of a word, so ``wait`` finds "waiting"; Hebrew keywords may
    carry up to two of the prefix letters ו ה ב ל מ ש כ ("בתור", "והמתנה").
    """

    key: str
    en: str
    he: str
    keywords: tuple[str, ...]

    def label(self, lang: str) -> str:
        return self.he if lang == "he" else self.en


@dataclass(frozen=True)
class CodeFrame:
    """A keyword code frame for comments; extend it with :meth:`extend` (new themes or keywords)."""

    themes: tuple[Theme, ...]

    def extend(self, *themes: Theme) -> CodeFrame:
        """A new frame: a theme with a new key is added; one with a known key adds its keywords."""
        out = list(self.themes)
        for th in themes:
            if not isinstance(th, Theme) or not th.keywords:
                raise error("theme", found=repr(th))
            for i, old in enumerate(out):
                if old.key == th.key:
                    out[i] = Theme(old.key, old.en, old.he, tuple(dict.fromkeys(old.keywords + th.keywords)))
                    break
            else:
                out.append(th)
        return CodeFrame(tuple(out))

    def pattern(self, key: str) -> re.Pattern:
        for th in self.themes:
            if th.key == key:
                return _theme_regex(th.keywords)
        raise KeyError(key)


def _theme_regex(keywords: Sequence[str]) -> re.Pattern:
    he, en = [], []
    for kw in keywords:
        kw = kw.strip().casefold()
        if not kw:
            continue
        (he if re.search(f"[{HE_LETTERS}]", kw) else en).append(re.escape(kw).replace(r"\ ", r"\s+"))
    alts = []
    if en:
        alts.append(r"\b(?:" + "|".join(sorted(en, key=len, reverse=True)) + ")")
    if he:
        alts.append(rf"(?<![{HE_LETTERS}])[והבלמשכ]{{0,2}}(?:" + "|".join(sorted(he, key=len, reverse=True)) + ")")
    return re.compile("|".join(alts) if alts else r"(?!x)x")


def _default_code_frame() -> CodeFrame:
    words = {
        "waiting": ("wait", "queue", "line up", "slow", "delay", "took long", "took ages", "weeks", "months", "late",
                    "המתנ", "חיכי", "מחכ", "תור", "איטי", "עיכוב", "התעכב", "זמן רב", "לקח זמן", "שבועות", "חודשים"),
        "staff": ("polite", "rude", "kind", "friendly", "courteous", "attitude", "patient", "respect", "helpful staff",
                  "clerk", "אדיב", "גס", "נחמד", "יחס", "סבלנות", "סבלני", "מכבד", "זלזול", "חביב", "פקיד", "נציג"),
        "digital": ("website", "site", "online", "app", "login", "log in", "password", "form", "digital", "portal",
                    "אתר", "אפליקציה", "אינטרנט", "מקוון", "התחבר", "סיסמ", "טופס", "דיגיטלי", "יישומון"),
        "phone": ("phone", "call", "hold", "answer", "hotline", "call centre", "call center", "hung up",
                  "טלפון", "שיחה", "מענה", "מוקד", "ענו", "ניתק", "המתנה על הקו"),
        "information": ("information", "unclear", "clear", "explain", "confusing", "instructions", "updates", "inform",
                        "מידע", "הסבר", "ברור", "מבלבל", "הנחיות", "עדכון", "עדכנו", "יידוע"),
        "bureaucracy": ("document", "paperwork", "bureaucra", "certificate", "approval", "signature", "again and again",
                        "מסמכ", "ביורוקרטי", "בירוקרטי", "אישור", "חתימ", "טפסים", "שוב ושוב"),
        "resolution": ("solved", "resolved", "not solved", "fixed", "no solution", "unresolved", "outcome",
                       "נפתר", "פתרון", "טופל", "לא טופל", "תוצאה", "הבעיה"),
        "cost": ("fee", "price", "cost", "pay", "charge", "fine", "expensive",
                 "תשלום", "אגרה", "אגרות", "מחיר", "עלות", "שילמ", "קנס", "יקר"),
        "access": ("access", "parking", "disab", "wheelchair", "opening hours", "location", "far",
                   "נגיש", "חניה", "נכה", "נכות", "כיסא גלגלים", "שעות פתיחה", "מיקום", "רחוק"),
        "praise": ("thank", "excellent", "great", "wonderful", "well done", "appreciate",
                   "תודה", "מצוין", "מעולה", "נהדר", "כל הכבוד", "מעריכ", "שירות טוב"),
    }
    return CodeFrame(tuple(Theme(k, t(f"measures.theme.{k}", "en"), t(f"measures.theme.{k}", "he"), v)
                           for k, v in words.items()))


#: The default code frame (ten themes, Hebrew and English keywords); extend with CodeFrame.extend.
DEFAULT_CODE_FRAME = _default_code_frame()


def code_themes(texts: Iterable[str | None] | pd.Series, code_frame: CodeFrame = DEFAULT_CODE_FRAME) -> pd.DataFrame:
    """Which themes each comment mentions: a boolean frame (one column per theme key)."""
    if not isinstance(code_frame, CodeFrame):
        raise error("code_frame", found=type(code_frame).__name__)
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype="object")
    text = series.astype("string").str.casefold()
    out = {th.key: text.str.contains(_theme_regex(th.keywords), regex=True).fillna(False).astype(bool)
           for th in code_frame.themes}
    return pd.DataFrame(out, index=series.index)


def theme_table(texts: Iterable[str | None] | pd.Series, code_frame: CodeFrame = DEFAULT_CODE_FRAME, *,
                confidence: float = 0.95) -> pd.DataFrame:
    """Comments mentioning each theme: count and share of the non-empty comments with a Wilson interval."""
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype="object")
    s = series.astype("string").str.strip()
    s = s[s.notna() & (s != "")]
    coded = code_themes(s, code_frame)
    n = len(s)
    mentions = coded.sum().astype(float).to_numpy() if n else np.zeros(len(code_frame.themes))
    ci = wilson_interval(mentions, np.full(len(mentions), float(n)), confidence)
    out = pd.DataFrame({"theme": [th.key for th in code_frame.themes], "en": [th.en for th in code_frame.themes],
                        "he": [th.he for th in code_frame.themes], "mentions": mentions.astype(np.int64),
                        "comments": n, "share": np.atleast_1d(ci.value), "low": np.atleast_1d(ci.low),
                        "high": np.atleast_1d(ci.high)})
    return out.sort_values(["mentions", "theme"], ascending=[False, True], kind="stable").reset_index(drop=True)
