"""Answer scales and answer labels in survey and training exports.

Clients export answers as labels (``"מרוצה מאוד"``, ``"Strongly agree"``, ``"לא יודע/ת"``) or as
numbers on scales other than 1–5 (1–7, 0–10, 1–10, 0–100, ``"85%"``).  This module reads such a
column into numbers on one scale and returns what it read, proved or could not read; it never
raises on data and returns no messages (:mod:`svcwork.intake` turns the records into problems).

* The survey's items are the US OMB Circular A-11 §280 post-transaction items (satisfaction,
  trust, effectiveness, ease, efficiency, equity, helpfulness) on a 5-point scale, where
  "agree" (top-2-box) is 4–5 and the 0–100 mean is ``25 * (x - 1)`` (see
  :mod:`svcwork.measures`).  :meth:`Scale.to_five` maps another scale onto 1–5 linearly, the
  usual rescaling of rating scales (Dawes 2008, *Int. J. Market Research* 50(1); IBM support
  note "Transforming different Likert scales to a common scale"), which keeps each answer's
  place between the scale's ends and therefore the 0–100 mean.
* Label sets are 5-point (Likert 1932, *Archives of Psychology* 140): satisfaction, agreement
  and the Hebrew "to what extent" wording of Israeli government questionnaires.  Hebrew
  gender-inclusive spellings (``מסכים/ה``, ``מסכים/מסכימה``, ``מסכים.ה``, ``מסכים(ה)``,
  ``מסכימה``) all match.  Don't-know, not-applicable and refused answers are item
  non-response: missing, never a scale point, and counted apart.
* Training pre/post scores (:func:`read_scores`) keep their own scale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Iterable, Literal, Mapping, TypeVar

import numpy as np
import pandas as pd

from svcwork.schema import normalize_name

__all__ = [
    "Scale", "STANDARD_SCALES", "FIVE", "parse_scale", "evident_scale",
    "HE_SATISFACTION", "HE_AGREEMENT", "HE_EXTENT", "EN_SATISFACTION", "EN_AGREEMENT", "DONT_KNOW",
    "BUILTIN_LABELS", "custom_labels", "label_key",
    "ItemRead", "read_item", "ScoresRead", "read_scores",
]

A = TypeVar("A", np.ndarray, pd.Series)
Source = Literal["declared", "evident", "default"]


@dataclass(frozen=True)
class Scale:
    """A numeric answer scale from ``lo`` to ``hi`` (inclusive)."""

    lo: float
    hi: float

    def __post_init__(self) -> None:
        if not (np.isfinite(self.lo) and np.isfinite(self.hi) and self.lo < self.hi):
            raise ValueError(f"a scale needs finite lo < hi, got {self.lo!r}, {self.hi!r}")

    @property
    def name(self) -> str:
        """``"1–5"``, ``"0–100"`` … (en dash)."""
        return f"{self.lo:g}\u2013{self.hi:g}"

    @property
    def agree_cut(self) -> float:
        """The value at three quarters of the range: ``to_five`` maps it to exactly 4."""
        return self.lo + 0.75 * (self.hi - self.lo)

    def to_five(self, values: A) -> A:
        """Map values on this scale linearly onto 1–5: ``1 + 4 * (x - lo) / (hi - lo)``.

        Parameters
        ----------
        values
            Numbers on this scale (NaN stays NaN).  Not modified.

        Returns
        -------
        numpy.ndarray or pandas.Series
            The same kind as *values*, float64; a Series keeps its index and name.

        Notes
        -----
        The documented conversion: the ends map to 1 and 5 and every answer keeps its place
        between them, so the A-11 0–100 mean ``25 * (y - 1)`` of the converted values equals the
        place-on-scale mean ``100 * (x - lo) / (hi - lo)`` of the originals.  Consequence: on
        the converted values "agree" (``y >= 4``) means at or above three quarters of the
        scale's range (:attr:`agree_cut`) — 4–5 on 1–5, 6–7 on 1–7 (cut 5.5), 8–10 on 0–10 (cut
        7.5) and on 1–10 (cut 7.75), 75–100 on 0–100.  (CES keeps its own 1–7 scale and cut 5
        in :mod:`svcwork.measures`.)

        References
        ----------
        Dawes, J. (2008). Do data characteristics change according to the number of scale points
        used? *International Journal of Market Research* 50(1), 61–77 (linear rescaling between
        5-, 7- and 10-point scales).  IBM Support, "Transforming different Likert scales to a
        common scale".
        """
        if isinstance(values, pd.Series):
            x = values.to_numpy(dtype="float64", na_value=np.nan)
            return pd.Series(self._five(x), index=values.index, name=values.name, dtype="float64")
        return self._five(np.asarray(values, dtype="float64"))

    def _five(self, x: np.ndarray) -> np.ndarray:
        return 1.0 + 4.0 * (x - self.lo) / (self.hi - self.lo)


FIVE = Scale(1, 5)
#: The scales clients use: 1–5, 1–7, 0–10, 1–10, 0–100.
STANDARD_SCALES: tuple[Scale, ...] = (FIVE, Scale(1, 7), Scale(0, 10), Scale(1, 10), Scale(0, 100))
_PERCENT = Scale(0, 100)
_PERCENT_WORDS = frozenset({"%", "percent", "percentage", "pct", "אחוז", "אחוזים", "0 100%", "0 100 %"})
_RANGE = re.compile(r"^(\d+(?:\.\d+)?)\s*(?:[-\u2013\u2014]|\.\.|to|עד)\s*(\d+(?:\.\d+)?)$")


def parse_scale(text: str) -> Scale | None:
    """Read a declared scale.

    Parameters
    ----------
    text
        ``"1-5"``, ``"1–7"``, ``"0-10"``, ``"0 to 100"``, ``"1..10"``, ``"1 עד 5"``; ``"%"``,
        ``"percent"``, ``"אחוזים"`` (and ``"0-100%"``) are 0–100.

    Returns
    -------
    Scale or None
        Any range ``lo < hi`` of non-negative numbers (compare with :data:`STANDARD_SCALES` to
        insist on a standard one); ``None`` for anything else.
    """
    raw = str(text).strip().casefold().replace("\u2013", "-").replace("\u2014", "-")
    if normalize_name(raw) in _PERCENT_WORDS or raw in _PERCENT_WORDS:
        return _PERCENT
    m = _RANGE.match(re.sub(r"\s+", " ", raw))
    if m is None:
        return None
    lo, hi = float(m.group(1)), float(m.group(2))
    return Scale(lo, hi) if lo < hi else None


def evident_scale(numbers: np.ndarray, *, percent: bool = False) -> tuple[Scale, bool]:
    """The scale the numbers of a column show, and whether they prove it.

    Parameters
    ----------
    numbers
        The column's numbers (NaN ignored).
    percent
        Whether any cell was a percent string (``"85%"``).

    Returns
    -------
    (Scale, bool)
        The scale and whether the numbers prove it.

    Notes
    -----
    Rule (on the finite numbers within 0–100; numbers outside 0–100 fit no standard scale and
    make the answer unproven — the caller flags them as out of scale):

    * percent strings anywhere (*percent*) → 0–100, proven;
    * no number within 0–100 → 1–5, unproven (the default);
    * a number above 10 → 0–100, proven;
    * largest in (7, 10] → 0–10 if a number below 1 (a 0) appears, proven; else 1–10, unproven
      (a 0–10 scale where nobody answered 0 looks the same);
    * largest in (5, 7] → 1–7, unproven (it may be 1–10 with no high answers); with a 0,
      0–10, unproven;
    * largest at most 5 → 1–5, proven (the A-11 scale is the default); with a 0, 0–10, unproven.
    """
    x = np.asarray(numbers, dtype="float64")
    x = x[np.isfinite(x)]
    inside = x[(x >= 0) & (x <= 100)]
    clean = inside.size == x.size
    if percent:
        return _PERCENT, True
    if inside.size == 0:
        return FIVE, False
    lo, hi = float(inside.min()), float(inside.max())
    zero = lo < 1
    if hi > 10:
        return _PERCENT, clean
    if hi > 7:
        return (Scale(0, 10), clean) if zero else (Scale(1, 10), False)
    if hi > 5 or zero:
        return (Scale(0, 10), False) if zero else (Scale(1, 7), False)
    return FIVE, clean


# ---------------------------------------------------------------------------- label sets
#: Hebrew satisfaction, 1–5.
HE_SATISFACTION: tuple[tuple[str, float], ...] = (
    ("לא מרוצה בכלל", 1), ("מאוד לא מרוצה", 1), ("לא מרוצה", 2), ("מרוצה במידה בינונית", 3),
    ("בינוני", 3), ("ניטרלי", 3), ("נייטרלי", 3), ("מרוצה", 4), ("מרוצה מאוד", 5), ("מאוד מרוצה", 5))
#: Hebrew agreement, 1–5 (gender forms are matched by :func:`label_key`).
HE_AGREEMENT: tuple[tuple[str, float], ...] = (
    ("לא מסכים/ה בכלל", 1), ("בכלל לא מסכים/ה", 1), ("מאוד לא מסכים/ה", 1), ("מתנגד/ת מאוד", 1),
    ("לא מסכים/ה", 2), ("מסכים/ה במידה בינונית", 3), ("מסכים/ה", 4), ("מסכים/ה מאוד", 5),
    ("מאוד מסכים/ה", 5), ("מסכים/ה בהחלט", 5))
#: Hebrew "to what extent" (בכלל לא … במידה רבה מאוד), 1–5.
HE_EXTENT: tuple[tuple[str, float], ...] = (
    ("במידה מועטה מאוד", 1), ("בכלל לא", 1), ("במידה מועטה", 2), ("במידה בינונית", 3),
    ("במידה רבה", 4), ("במידה רבה מאוד", 5))
#: English satisfaction, 1–5.
EN_SATISFACTION: tuple[tuple[str, float], ...] = (
    ("Very dissatisfied", 1), ("Dissatisfied", 2), ("Neither satisfied nor dissatisfied", 3),
    ("Neutral", 3), ("Satisfied", 4), ("Very satisfied", 5))
#: English agreement, 1–5.
EN_AGREEMENT: tuple[tuple[str, float], ...] = (
    ("Strongly disagree", 1), ("Disagree", 2), ("Neither agree nor disagree", 3), ("Agree", 4),
    ("Strongly agree", 5))
#: Don't know / not applicable / refused: missing, counted apart (value ``None``).
DONT_KNOW: tuple[tuple[str, None], ...] = tuple((t, None) for t in (
    "לא יודע/ת", "לא רלוונטי", "לא רלבנטי", "אין לי דעה", "אין דעה", "לא ענה/תה", "מסרב/ת",
    "מסרב/ת לענות", "Don't know", "Dont know", "Do not know", "DK", "N/A", "NA", "n.a.", "DK/NA",
    "Not applicable", "Prefer not to say", "Refused", "No opinion"))

_HE = "\u05d0-\u05ea"
_SUFFIX = r"(?:ה|ת|תה|ית|ות|ים)"
_SLASH_SUFFIX = re.compile(rf"([{_HE}]+)\s*(?:[/\\.]\s*{_SUFFIX}|\(\s*{_SUFFIX}\s*\))(?![{_HE}])")
_SLASH_WORD = re.compile(rf"([{_HE}]+)\s*[/\\]\s*([{_HE}]+)")
_FEMININE = {"מסכימה": "מסכים", "מתנגדת": "מתנגד", "יודעת": "יודע", "מסרבת": "מסרב", "ענתה": "ענה"}


def _one_form(m: re.Match[str]) -> str:
    first, second = m.group(1), m.group(2)
    return first if len(first) >= 3 and second[:3] == first[:3] else m.group(0)


def label_key(text: object) -> str:
    """The matching key of a label: :func:`~svcwork.schema.normalize_name`, then one gender form.

    ``מסכים/ה``, ``מסכים/מסכימה``, ``מסכים.ה``, ``מסכים(ה)`` and ``מסכימה`` all give ``מסכים``;
    surrounding punctuation (``.``, ``:``, ``!``, ``?``) is dropped.
    """
    key = normalize_name(text).strip(" .:;!?")
    key = _SLASH_WORD.sub(_one_form, _SLASH_SUFFIX.sub(r"\1", key))
    return " ".join(_FEMININE.get(w, w) for w in key.split())


def _table(*sets: Iterable[tuple[str, float | None]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for rows in sets:
        for label, value in rows:
            out[label_key(label)] = np.nan if value is None or pd.isna(value) else float(value)
    return out


#: Every built-in label (key by :func:`label_key`) to its 1–5 value; NaN is don't-know.
BUILTIN_LABELS: Mapping[str, float] = MappingProxyType(_table(
    HE_SATISFACTION, HE_AGREEMENT, HE_EXTENT, EN_SATISFACTION, EN_AGREEMENT, DONT_KNOW))


def custom_labels(rows: Iterable[tuple[str, float | None]]) -> dict[str, float]:
    """A client's own labels, keyed by :func:`label_key`.

    Parameters
    ----------
    rows
        ``(label, value)`` pairs; values are on 1–5 like the built-in ones, ``None``/NaN means
        don't know (missing, counted).  A label may be a number: ``("99", None)`` makes the
        code 99 a don't-know answer (a client label is looked up before a cell is read as a
        number).

    Returns
    -------
    dict
        Normalised label → value (NaN for don't know).  Pass it as ``labels=`` to
        :func:`read_item`: it is merged over the built-in labels and the client's labels win.
    """
    return _table(rows)


# ---------------------------------------------------------------------------- reading cells
_NUM, _LAB, _DK, _UNK, _BLANK = range(5)
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$")
_THOUSANDS = re.compile(r"^[1-9]\d{0,2}(?:,\d{3})+$")
_LEAD = re.compile(r"^\(?\s*(\d+(?:[.,]\d+)?)\s*\)?\s*[-\u2013\u2014.:)=]?\s*(\D.*)$")
_TRAIL = re.compile(r"^(.*?\D)\s*[-\u2013\u2014:=]?\s*\(?\s*(\d+(?:[.,]\d+)?)\s*\)?$")


def _number(s: str) -> tuple[float, bool] | None:
    """``"4"``, ``"4.0"``, ``"4,5"`` (comma decimal), ``"85%"``/``"%85"``; ``"1,000"`` is a thousand."""
    pct = s.endswith("%") or s.startswith("%")
    body = s.strip("%").strip() if pct else s
    if _THOUSANDS.match(body):
        return float(body.replace(",", "")), pct
    if _NUMBER.match(body):
        return float(body.replace(",", ".")), pct
    return None


def _cell(raw: object, table: Mapping[str, float]) -> tuple[int, float, bool, bool]:
    """(kind, value, percent, conflict) of one distinct cell."""
    if raw is None or (not isinstance(raw, str) and pd.isna(raw)):
        return _BLANK, np.nan, False, False
    s = str(raw).strip()
    if not s:
        return _BLANK, np.nan, False, False
    code, key = None, label_key(s)
    num = None if key in table else _number(s)
    if num is not None:
        return _NUM, num[0], num[1], False
    if key not in table:
        for pattern, rest, digits in ((_LEAD, 2, 1), (_TRAIL, 1, 2)):
            m = pattern.match(s)
            if m and label_key(m.group(rest)) in table:
                key, code = label_key(m.group(rest)), float(m.group(digits).replace(",", "."))
                break
        else:
            return _UNK, np.nan, False, False
    value = table[key]
    if np.isnan(value):
        return _DK, np.nan, False, False
    return _LAB, value, False, code is not None and code != value


def _parse(text: pd.Series, table: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per cell: kind, value, percent, conflict — each distinct text parsed once."""
    codes, uniques = pd.factorize(text.astype(object), use_na_sentinel=True)
    # one extra "blank" entry at the end: the NA code -1 indexes it
    rows = [_cell(u, table) for u in uniques] + [(_BLANK, np.nan, False, False)]
    kind, value, pct, conflict = (np.array(col) for col in zip(*rows))
    return kind[codes], value.astype("float64")[codes], pct.astype(bool)[codes], conflict.astype(bool)[codes]


#: Another scale than 1–5 is taken from the numbers only when at least this many answers, and this
#: share of them, lie above 5: a stray 9 or 0 in a 1–5 column is an error to fix, not a rescaling.
MIN_BEYOND_COUNT, MIN_BEYOND_SHARE = 5, 0.10


def _evident(numbers: np.ndarray, *, percent: bool) -> tuple[Scale, bool]:
    """:func:`evident_scale`, kept at 1–5 unless enough answers lie above 5 (or are percent strings)."""
    used, proven = evident_scale(numbers, percent=percent)
    if used != FIVE and not percent:
        beyond = int(np.count_nonzero(numbers > 5))
        if beyond < MIN_BEYOND_COUNT or beyond < MIN_BEYOND_SHARE * numbers.size:
            return FIVE, False
    return used, proven


@dataclass(frozen=True)
class ItemRead:
    """What :func:`read_item` read from one answer column (Series share the input's index).

    ``values`` are on ``scale`` (NaN for blank, don't-know, unknown and out-of-scale cells);
    ``scale_source`` is ``"declared"``, ``"evident"`` (from the numbers, or 1–5 from labels) or
    ``"default"`` (nothing to go on: 1–5); ``proven`` says whether the evidence proves it.
    ``unknown``: non-blank cells that are neither a number nor a known label, and label cells
    in a column whose numbers are on another scale than 1–5 (``mixed_labels`` counts those).
    ``out_of_scale``: numbers (or custom label values) outside ``scale``.  ``conflicts``: cells
    whose numeric code (``"5 - Agree"``) disagrees with its label's value (the label wins).
    """

    values: pd.Series
    scale: Scale
    scale_source: Source
    proven: bool
    labelled: int
    dont_know: int
    unknown: pd.Series
    out_of_scale: pd.Series
    conflicts: int
    mixed_labels: int


def read_item(text: pd.Series, *, scale: Scale | None = None,
              labels: Mapping[str, float | None] | None = None) -> ItemRead:
    """Read one survey item column of numbers and/or labels.

    Parameters
    ----------
    text
        The column as text (string or object dtype; blank = NA).  Not modified.  Numbers may be
        ``"4"``, ``"4.0"``, ``"4,5"`` (comma decimal; ``"1,000"`` is a thousand) or ``"85%"``
        (percent: the evident scale is 0–100).  Labels may carry a numeric code (``"5 - Agree"``,
        ``"5. מרוצה מאוד"``, ``"(5) Agree"``, ``"Agree (5)"``): the label decides, a disagreeing
        code is a conflict; a code with an unknown label is unknown.
    scale
        The declared scale, or None to use :func:`evident_scale` of the column's numbers.
    labels
        Client labels (see :func:`custom_labels`), merged over :data:`BUILTIN_LABELS`.

    Returns
    -------
    ItemRead

    Notes
    -----
    Labels give 1–5 values, so a labelled column is on 1–5: when labels are present and the
    numbers do not prove another scale, the scale is 1–5 (the labels prove it).  Labels mixed
    with numbers on another (declared or proven) scale are not converted: they are unknown and
    counted in ``mixed_labels``.
    """
    table = {**BUILTIN_LABELS, **_table((labels or {}).items())}
    kind, value, pct, conflict = _parse(text, table)
    num, lab = kind == _NUM, kind == _LAB
    source: Source
    if scale is not None:
        used, source, proven = scale, "declared", True
    elif num.any():
        used, proven = _evident(value[num], percent=bool(pct[num].any()))
        source = "evident"
        if lab.any() and not proven:
            used, proven = FIVE, True
    elif lab.any():
        used, source, proven = FIVE, "evident", True
    else:
        used, source, proven = FIVE, "default", False
    mixed = lab & (used != FIVE)
    with np.errstate(invalid="ignore"):
        out = (num | (lab & ~mixed)) & ((value < used.lo) | (value > used.hi))
    unknown = (kind == _UNK) | mixed
    values = np.where(out | unknown, np.nan, value)
    idx = text.index
    return ItemRead(
        values=pd.Series(values, index=idx, name=text.name, dtype="float64"), scale=used,
        scale_source=source, proven=proven, labelled=int((lab & ~mixed & ~out).sum()),
        dont_know=int((kind == _DK).sum()), unknown=pd.Series(unknown, index=idx, name=text.name),
        out_of_scale=pd.Series(out, index=idx, name=text.name), conflicts=int((conflict & lab).sum()),
        mixed_labels=int(mixed.sum()))


@dataclass(frozen=True)
class ScoresRead:
    """Training pre/post scores read on one scale (Series share their input's index).

    ``pre``/``post`` are on ``scale`` (NaN for blank, don't-know, unknown, out-of-scale);
    ``*_unknown``: non-blank cells that are not numbers; ``*_out_of_scale``: numbers outside
    ``scale``; ``dont_know``: don't-know/not-applicable cells in both columns.
    """

    pre: pd.Series
    post: pd.Series
    scale: Scale
    scale_source: Source
    proven: bool
    pre_unknown: pd.Series
    post_unknown: pd.Series
    pre_out_of_scale: pd.Series
    post_out_of_scale: pd.Series
    dont_know: int


def read_scores(pre: pd.Series, post: pd.Series, *, scale: Scale | None = None) -> ScoresRead:
    """Read pre and post training scores together on ONE scale, shown on their own scale.

    Parameters
    ----------
    pre, post
        The two columns as text (blank = NA); not modified.  Numbers as in :func:`read_item`;
        only don't-know labels are understood, other text is unknown.
    scale
        The declared scale, or None: :func:`evident_scale` of the numbers of both columns (a
        percent string in either makes it 0–100).

    Returns
    -------
    ScoresRead
    """
    dk = _table(DONT_KNOW)
    parsed = [_parse(s, dk) for s in (pre, post)]
    nums = [k == _NUM for k, *_ in parsed]
    numbers = np.concatenate([v[n] for (_, v, _, _), n in zip(parsed, nums)])
    percent = any(bool(p[n].any()) for (_, _, p, _), n in zip(parsed, nums))
    source: Source
    if scale is not None:
        used, source, proven = scale, "declared", True
    elif numbers.size:
        used, proven = _evident(numbers, percent=percent)
        source = "evident"
    else:
        used, source, proven = FIVE, "default", False
    out: list[pd.Series] = []
    for s, (kind, value, _, _), n in zip((pre, post), parsed, nums):
        with np.errstate(invalid="ignore"):
            bad = n & ((value < used.lo) | (value > used.hi))
        out += [pd.Series(np.where(bad, np.nan, value), index=s.index, name=s.name, dtype="float64"),
                pd.Series(kind == _UNK, index=s.index, name=s.name), pd.Series(bad, index=s.index, name=s.name)]
    return ScoresRead(pre=out[0], post=out[3], scale=used, scale_source=source, proven=proven,
                      pre_unknown=out[1], post_unknown=out[4], pre_out_of_scale=out[2], post_out_of_scale=out[5],
                      dont_know=int(sum((k == _DK).sum() for k, *_ in parsed)))
