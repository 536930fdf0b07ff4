"""Typed result tables: a column's catalogue key travels with the translated frame.

An analysis shows a table with translated headers; the output layer (results.xlsx, HTML) formats
each column by its *kind* — count, share (0–1), percent (0–100), days, hours, p-value, an
interval limit … — read from the header's catalogue key, never guessed from the translated text.
:func:`translate` renames canonical columns to their headers in a language and records, in the
frame's ``attrs``, which key each header came from; :func:`column_kind` reads it back.  Renaming
a header in the catalogue therefore cannot change a number format.
"""

from __future__ import annotations

import math
import re
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from .i18n import t

__all__ = ["KINDS", "SHARE_NAME", "kind_of", "translate", "with_keys", "keyed", "column_key", "column_kind", "decimals",
           "shown_kinds"]

KINDS = ("count", "share", "percent", "days", "hours", "score", "p_value", "limit", "number", "text", "date")
_ATTR = "column_keys"

#: The last part of a header's catalogue key, by kind ("journeys.col.sla_met" → share).
SHARE_NAME = re.compile(r"(?:^|_)(?:share|rate|sla_met|fcr|met|exact|within_one|cumulative|p_top|p_first|"
                        r"probability|takeup)(?:$|_)")
_PERCENT = re.compile(r"(?:^|_)(?:pct|percent)(?:$|_)|^pct_")
_COUNT = re.compile(r"^(?:n|n_\w+|cases|events|responses|employees|count|handoffs|sessions|actions|events_n|"
                    r"planned|done|due|remaining|open|overdue|total|rank|\w+_count|\w+_n)$")
_DAYS = re.compile(r"(?:^|_)days(?:$|_)")
_HOURS = re.compile(r"(?:^|_)hours(?:$|_)")
_P = re.compile(r"^p(?:_\w+)?$|^p_value$")
_LIMIT = re.compile(r"(?:^|_)(?:low|high|lower|upper)$")


def kind_of(key: str | None) -> str | None:
    """The kind of a column from its header's catalogue key (None: unknown, format per value)."""
    if not key:
        return None
    last = key.rsplit(".", 1)[-1]
    if _LIMIT.search(last):
        return "limit"
    if _P.match(last) and not SHARE_NAME.search(last):
        return "p_value"
    if _PERCENT.search(last):
        return "percent"
    if SHARE_NAME.search(last):
        return "share"
    if _DAYS.search(last):
        return "days"
    if _HOURS.search(last):
        return "hours"
    if _COUNT.match(last):
        return "count"
    return None


def translate(frame: pd.DataFrame, keys: Mapping[str, str], lang: str) -> pd.DataFrame:
    """*frame* with the columns named in *keys* renamed to ``t(key, lang)``, the keys recorded."""
    headers = {c: t(k, lang) for c, k in keys.items() if c in frame.columns}
    out = frame.rename(columns=headers)
    known = dict(out.attrs.get(_ATTR, {}))
    known.update({headers[c]: keys[c] for c in headers})
    out.attrs[_ATTR] = known
    return out


def with_keys(frame: pd.DataFrame, keys: Mapping[str, str]) -> pd.DataFrame:
    """*frame* (already translated) with the catalogue key of some headers recorded."""
    out = frame.copy()
    out.attrs[_ATTR] = {**out.attrs.get(_ATTR, {}), **{h: k for h, k in keys.items() if h in frame.columns}}
    return out


def keyed(frame: pd.DataFrame, prefixes: tuple[str, ...], lang: str) -> pd.DataFrame:
    """*frame*, translated just now with ``t(prefix + name, lang)`` headers, with those keys recorded.

    For tables built row by row with translated headers: each header is matched against the
    catalogue keys under *prefixes* in the same language at the same moment, so the record and the
    header come from one catalogue (rewording a header changes both).  Headers already recorded
    are kept; headers not found stay unrecorded (formatted per value).
    """
    from . import i18n

    known = dict(frame.attrs.get(_ATTR, {}))
    wanted = {str(h) for h in frame.columns} - set(known)
    if wanted:
        for key in i18n.CATALOGUE:
            if key.startswith(prefixes):
                text = t(key, lang)
                if text in wanted:
                    known.setdefault(text, key)
    out = frame.copy(deep=False)
    out.attrs[_ATTR] = known
    return out


def column_key(frame: pd.DataFrame, header: object) -> str | None:
    """The catalogue key a translated header came from, if the frame recorded it."""
    return frame.attrs.get(_ATTR, {}).get(str(header))


def column_kind(frame: pd.DataFrame, header: object) -> str | None:
    """The kind of a translated column, from its recorded catalogue key (None when not recorded)."""
    return kind_of(column_key(frame, header))


def decimals(values: Iterable[Any]) -> int | None:
    """The decimals a column of plain numbers (no kind from its header) is written with, one for the
    whole column: the fewest that write each of its values as rounded to the column's precision (three
    decimals below 1, two from 1, none from 1,000, by its largest value).  So a column reads alike —
    60.7 beside 66.0, never 60.70 beside 66 — and a value its analysis rounded keeps that rounding
    (0.82, never 0.820).  None when the column holds no fractional number (whole numbers, text)."""
    found = [float(v) for v in values if isinstance(v, (float, np.floating)) and math.isfinite(float(v))]
    if not found or all(v.is_integer() for v in found):
        return None
    largest = max(abs(v) for v in found)
    cap = 3 if largest < 1 else 2 if largest < 1000 else 0
    if cap == 0 and any(0 < abs(v) < 1 for v in found):
        cap = 2  # a fraction among thousands is not written as 0
    need = 0
    for v in found:
        target = round(v, cap)
        need = max(need, next(d for d in range(cap + 1) if abs(round(v, d) - target) < 0.5 * 10 ** -(cap + 1)))
    return need


def shown_kinds(frame: pd.DataFrame) -> list[str | None]:
    """How every output (report.html, report.docx, the unit pages) writes each column of *frame*: its
    kind (:func:`column_kind`); an interval's limits as the share or percentage column they follow; a
    column of plain numbers with one number of decimals for all its values (``"fixed0"`` to
    ``"fixed3"``, :func:`decimals`, over every row of the frame, also those a page cuts off)."""
    kinds: list[str | None] = []
    for j, c in enumerate(frame.columns):
        kind = column_kind(frame, c)
        if kind == "limit":
            kind = kinds[-1] if kinds and kinds[-1] in ("share", "percent") else None
        if kind is None:
            places = decimals(frame.iloc[:, j])
            kind = None if places is None else f"fixed{places}"
        kinds.append(kind)
    return kinds
