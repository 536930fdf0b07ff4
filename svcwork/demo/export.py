"""How the companions are written: a clean export or one shaped like a real client's export.

:func:`_as_clean_export` writes ``cases.csv``, ``survey.csv`` and ``training.csv`` in UTF-8;
:func:`_as_real_export` writes the same data the way a Hebrew client's systems export them.
:data:`_EXPORT_STYLES` maps a style's name to its writer.
"""

from __future__ import annotations

import io
from typing import Callable, Sequence

import numpy as np
import pandas as pd

from ..exports.scales import DONT_KNOW, HE_EXTENT, HE_SATISFACTION
from ..schema import companion
from .spec import _Spec


#: The companion files of each export style (the loader finds both: :mod:`svcwork.exports.files`).
EXPORT_FILES: dict[str, dict[str, str]] = {
    "clean": {"cases": "cases.csv", "survey": "survey.csv", "training": "training.csv"},
    "real": {"cases": "פניות.csv", "survey": "סקר.csv", "training": "הדרכה.csv"},
}
_REAL_ENCODING = "cp1255"  # Windows-1255, what Hebrew Excel and older Israeli government systems export
_DAY_FIRST_TIME = "%d/%m/%Y %H:%M:%S"
_OFFSET_AT_END = r"(?:Z|[+-]\d{2}:\d{2})$"
_DONT_KNOW_EVERY = 3  # every third unanswered survey item is written "don't know" in the real export


def _headers(schema_key: str, lang: str) -> dict[str, str]:
    return {c.key: c.header(lang) for c in companion(schema_key).columns}


def _csv_bytes(frame: pd.DataFrame, *, bom: bool = False, encoding: str = "utf-8") -> bytes:
    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\n")
    data = buf.getvalue().encode(encoding)  # strict: a character the encoding lacks is an error here
    return (b"\xef\xbb\xbf" + data) if bom else data


def _as_clean_export(frames: dict[str, pd.DataFrame], spec: _Spec) -> dict[str, bytes]:
    """The companions as the clean demo writes them: UTF-8 CSVs, headers in ``spec.csv_headers``' language."""
    names = EXPORT_FILES["clean"]
    return {names[k]: _csv_bytes(f.rename(columns=_headers(k, spec.csv_headers[k])),
                                 bom=k == "survey" and spec.slug == "neve-tamar")
            for k, f in frames.items()}


def _as_real_export(frames: dict[str, pd.DataFrame], spec: _Spec) -> dict[str, bytes]:
    """The same companions reshaped the way a real Hebrew client exports them; the data do not change.

    * Hebrew file names (``פניות.csv``, ``סקר.csv``, ``הדרכה.csv``) and Hebrew headers, encoded
      Windows-1255 (cp1255).
    * Case timestamps as naive local wall-clock time in ``spec.tz``, day first
      (``26/10/2025 01:09:08``): the instants written with an offset or in UTC are converted, so
      the log crosses the clock changes with no offset to tell the repeated autumn hour apart.
      Deadlines and all other dates day first (``25/11/2025``).
    * Survey items (the A-11 questions) as Hebrew answer labels: satisfaction in the
      satisfaction wording, the others in the "to what extent" wording; every third unanswered
      item is written "don't know" (read back as missing, like the blank).  NPS and CES stay numbers.
    * Training scores as percent strings of each score's place on its 1–5 scale,
      ``100 * (x - 1) / 4`` (half points give exact multiples of 12.5: ``"62.5%"``).
    """
    cases, survey, training = frames["cases"], frames["survey"], frames["training"]
    cases = cases.assign(timestamp=_wall_clock(cases["timestamp"], spec.tz).dt.strftime(_DAY_FIRST_TIME),
                         deadline=_day_first(cases["deadline"]))
    items = [c.key for c in companion("survey").columns if c.kind == "score" and (c.lo, c.hi) == (1, 5)]
    survey = survey.assign(date=_day_first(survey["date"]), **{
        k: _answer_labels(survey[k], _first_label(HE_SATISFACTION if k == "satisfaction" else HE_EXTENT))
        for k in items})
    training = training.assign(pre_score=_percent_of_five(training["pre_score"]),
                               post_score=_percent_of_five(training["post_score"]),
                               date=_day_first(training["date"]))
    names = EXPORT_FILES["real"]
    return {names[k]: _csv_bytes(f.rename(columns=_headers(k, "he")), encoding=_REAL_ENCODING)
            for k, f in (("cases", cases), ("survey", survey), ("training", training))}


def _wall_clock(text: pd.Series, tz: str) -> pd.Series:
    """Timestamps written naive local, local with a UTC offset or in UTC (``Z``) as naive wall-clock times in *tz*."""
    aware = text.str.contains(_OFFSET_AT_END, regex=True)
    wall = pd.to_datetime(text.where(~aware), format="%Y-%m-%d %H:%M:%S")
    instants = pd.to_datetime(text[aware], format="ISO8601", utc=True)
    wall[aware] = instants.dt.tz_convert(tz).dt.tz_localize(None)
    return wall


def _day_first(text: pd.Series) -> pd.Series:
    """ISO dates (``2025-11-25``) day first (``25/11/2025``); blanks and day-first dates as they are."""
    return text.str.replace(r"^(\d{4})-(\d{2})-(\d{2})$", r"\3/\2/\1", regex=True)


def _first_label(labels: Sequence[tuple[str, float]]) -> dict[str, str]:
    """The first spelling of each scale point of a label set: ``{"1": …, …, "5": …}``."""
    out: dict[str, str] = {}
    for label, value in labels:
        out.setdefault(f"{value:g}", label)
    return out


def _answer_labels(text: pd.Series, labels: dict[str, str]) -> pd.Series:
    """Answers ``"1"``…``"5"`` as labels; every :data:`_DONT_KNOW_EVERY`-th blank as "don't know"."""
    out = text.map(lambda v: labels.get(v, v))
    blank = np.flatnonzero((text == "").to_numpy())
    out.iloc[blank[_DONT_KNOW_EVERY - 1::_DONT_KNOW_EVERY]] = DONT_KNOW[0][0]
    return out


def _percent_of_five(text: pd.Series) -> pd.Series:
    """Scores on 1–5 (``"3.5"``) as their place on the scale in percent (``"62.5%"``)."""
    return text.map(lambda v: f"{100 * (float(v) - 1) / 4:g}%")


_EXPORT_STYLES: dict[str, Callable[[dict[str, pd.DataFrame], _Spec], dict[str, bytes]]] = {
    "clean": _as_clean_export, "real": _as_real_export}
