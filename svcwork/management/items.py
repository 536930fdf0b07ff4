"""Observation items and survey items: one key per item, whatever name or language the client used.

The frontline skills of the method (:data:`svcwork.schema.FRONTLINE_SKILLS`) are known by their
English key, their Hebrew name and a few common variants; the survey items (key drivers) by
their key and their short and full names in both languages.  Findings are matched and items
grouped by these keys; :func:`item_label` gives a skill's name in the report language.
"""

from __future__ import annotations

import math
from typing import Iterable

import pandas as pd

from ..i18n import t
from ..measures import A11_ITEMS as _SURVEY_ITEMS
from ..privacy import SUPPRESSED
from ..schema import FRONTLINE_ALIASES, FRONTLINE_SKILLS, normalize_name
from ._base import _text

_ITEM_INDEX: dict[str, str] = {}
for _en, _he in FRONTLINE_SKILLS:
    for _alias in (_en, _he, *FRONTLINE_ALIASES.get(_en, ())):
        _ITEM_INDEX.setdefault(normalize_name(_alias), _en)
_ITEM_HE = dict(FRONTLINE_SKILLS)
# survey items (key drivers): the key and the short and full names in both languages all name the item
_SURVEY_INDEX: dict[str, str] = {}
for _key in _SURVEY_ITEMS:
    for _alias in (_key, *(t(f"measures.{_k}.{_key}", _l) for _k in ("item_short", "item") for _l in ("en", "he"))):
        _SURVEY_INDEX.setdefault(normalize_name(_alias), _key)


def item_label(item: object, lang: str) -> str:
    """The display name of an observation item or skill.

    The frontline skills of the method (:data:`svcwork.schema.FRONTLINE_SKILLS`) are shown in the
    report language whatever language they were written in; other items as the client wrote them.
    """
    if item is None or (isinstance(item, float) and math.isnan(item)):
        return SUPPRESSED
    key = _ITEM_INDEX.get(normalize_name(item))
    if key is None:
        return str(item).strip()
    return _ITEM_HE[key] if lang == "he" else key


def survey_item_key(name: object) -> str | None:
    """The survey item (key driver) a name stands for, or None."""
    return _SURVEY_INDEX.get(normalize_name(name))


def _canonical_items(values: pd.Series) -> pd.Series:
    """One spelling per item: the English key for frontline skills, else the first spelling seen."""
    text = _text(values)
    norm = text.map(lambda v: normalize_name(v) if isinstance(v, str) else v)
    first: dict[str, str] = {}
    for n_, v in zip(norm, text):
        if isinstance(n_, str) and n_ not in first:
            first[n_] = _ITEM_INDEX.get(n_, v)
    return norm.map(lambda n_: first.get(n_) if isinstance(n_, str) else pd.NA).astype("string")


def _finding_aliases(text: str, extra: Iterable[str] = ()) -> set[str]:
    """Every name that counts as mentioning a finding: the text itself, the other names of a
    frontline skill or survey item, and *extra* names (e.g. a KPI's id for its name)."""
    norm = normalize_name(text)
    out = {norm}
    for index in (_ITEM_INDEX, _SURVEY_INDEX):
        key = index.get(norm)
        if key is not None:
            out |= {a for a, k in index.items() if k == key}
    out |= {normalize_name(e) for e in extra if isinstance(e, str) and e.strip()}
    return out
