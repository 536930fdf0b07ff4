"""What every measures module shares: the survey items and scales, option checks, small converters.

No presentation here.  Errors are catalogue messages (``measures.error.*``), raised in English (the
functions have no report language at hand); :func:`error` keeps the key and values on the
exception, so a skipped part's note can say the reason in the report's language.
"""

from __future__ import annotations

import math
from types import MappingProxyType
from typing import Any, Mapping, NamedTuple

import numpy as np
import pandas as pd

from ..errors import AnalysisError
from ..i18n import t

#: The OMB A-11 §280 post-transaction items (5-point agreement), in report order.
A11_ITEMS = ("satisfaction", "trust", "effectiveness", "ease", "efficiency", "equity", "helpfulness")
#: Items used as drivers of the overall outcome (satisfaction or trust).
DRIVER_ITEMS = ("effectiveness", "ease", "efficiency", "equity", "helpfulness")
#: (lowest, highest, first "agree" score) of each scored item.
ITEM_SCALES: Mapping[str, tuple[int, int, int]] = MappingProxyType(
    {**{k: (1, 5, 4) for k in A11_ITEMS}, "ces": (1, 7, 5)})
#: The breakdowns of the survey tables, in report order.
DIMENSIONS = ("unit", "channel", "service_id", "wave", "month")
HE_LETTERS = "\u0590-\u05ff"


class Message(NamedTuple):
    """A catalogue message not yet put into words: its key and values (``((name, value), …)``)."""

    key: str
    values: tuple[tuple[str, Any], ...] = ()


def error(key: str, **values: object) -> AnalysisError:
    """:class:`AnalysisError` with the message ``measures.error.<key>`` in English.

    The exception keeps ``message_key`` and ``message_values``: :func:`reason` turns it back into a
    :class:`Message`, which the result's notes keep and :mod:`~svcwork.measures.present` words in
    the report's language.
    """
    exc = AnalysisError(t(f"measures.error.{key}", "en", **values))
    exc.message_key = f"measures.error.{key}"  # type: ignore[attr-defined]
    exc.message_values = tuple(values.items())  # type: ignore[attr-defined]
    return exc


def what(key: str) -> str:
    """The name of a computation or sheet in an error message (``measures.what.<key>``, English)."""
    return t(f"measures.what.{key}", "en")


def reason(exc: Exception) -> Message | str:
    """Why a part was skipped: the catalogue message of *exc* when it has one, else its text."""
    key = getattr(exc, "message_key", None)
    return Message(key, getattr(exc, "message_values", ())) if key else str(exc)


def _z(confidence: float) -> float:
    from scipy import stats

    if not isinstance(confidence, (int, float)) or isinstance(confidence, bool) or not 0 < confidence < 1:
        raise error("confidence", found=repr(confidence))
    return float(stats.norm.ppf(0.5 + confidence / 2))


def _floats(values: object, name: str) -> np.ndarray:
    try:
        return np.asarray(values, dtype=float)
    except (TypeError, ValueError) as exc:
        raise error("numbers", name=name, found=f"{values!r:.80}") from exc


def _out(a: np.ndarray) -> float | np.ndarray:
    return float(a) if np.ndim(a) == 0 else a


def _period_label(value: object) -> str:
    """A KPI period as the report writes it: a year (an annual KPI's :class:`pandas.Period`) "2025", a month
    (a date on the 1st) "2026-03", else the date "2026-03-15"; "—" when unknown."""
    if value is None or (not isinstance(value, (str, pd.Period)) and pd.isna(value)):
        return "—"
    if isinstance(value, pd.Period):
        return str(value)  # "2025" for a year, "2026-03" for a month
    ts = pd.Timestamp(value)
    if pd.isna(ts):
        return "—"
    return ts.strftime("%Y-%m") if ts.day == 1 else ts.strftime("%Y-%m-%d")


def _when(period: object) -> str:
    """A period as the report shows it ("2026-03", "2025"); "—" when unknown."""
    try:
        return _period_label(period)
    except (TypeError, ValueError):
        return str(period)


def _py(value: object) -> object:
    """A JSON-safe plain Python value (NaN and NA become None; a timestamp its period label)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if not math.isfinite(value) else float(value)
    if isinstance(value, (pd.Timestamp, np.datetime64, pd.Period)):
        return _period_label(value)
    return value

