"""Text alternatives and data tables of the report's charts, from the values they plot.

Each domain's ``present`` module offers ``figure_data(result, lang)`` beside ``figures(result, lang)``:
for every chart (same slug) a :class:`ChartData` — a small frame of the values the chart plots
(headers in the client's language) and which column its text states.  From it:

* :func:`alt_text` writes the chart's text alternative from the numbers ("Quick wins, 3 values of
  Benefit. Highest: S01 5.0; S08 4.0 …"), each number shown by the rule of its kind
  (:func:`svcwork.keyfigures.show`, the rule the report's sentences and tables follow);
* :func:`data_record` keeps the frame in the section's record, and :func:`data_frame` /
  :func:`shown_frame` give it back for the data table under the figure (HTML ``<details>``, the
  DOCX and PDF appendix).

The alternative's last sentence says where those values are, as each output has them
(:data:`POINTERS`, :data:`FORMAT_POINTERS`): under the figure in report.html and the DOCX, in the
appendix "Data of the figures" in the PDF, and nowhere in the slides (no sentence there).

WCAG 2.1 SC 1.1.1 (non-text content: a text alternative that serves the same purpose) and
SC 1.3.1 (information and relationships: the chart's data as a table); IS 5568 adopts WCAG 2.0 AA.
"""

from __future__ import annotations

import html
import importlib
import re
import math
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping, Sequence

import pandas as pd

from .i18n import t
from .keyfigures import DIGITS, plain, show

__all__ = ["ChartData", "alt_text", "POINTERS", "FORMAT_POINTERS", "scale_kind", "grouped_notes", "abbr_html", "ABBREVIATIONS", "data_record", "data_frame", "shown_frame", "figure_data_of", "top_items"]

#: How many values an alternative names at each end of the ranking.
TOP = 3

#: Where the last sentence of an alternative says the chart's values are (its catalogue key): in the
#: table under the figure (report.html, report.docx) or in the appendix "Data of the figures" (the
#: PDF prints the tables there, not under the figures).
POINTERS: Mapping[str, str] = MappingProxyType({"figure": "access.alt.table", "appendix": "access.alt.table_appendix"})

#: The pointer of each output that has its own alternative (None: no sentence — the slides carry no
#: table, and the results workbook does not hold the plotted values).
FORMAT_POINTERS: Mapping[str, str | None] = MappingProxyType({"pdf": "appendix", "pptx": None})


@dataclass(frozen=True)
class ChartData:
    """What one chart plots: *frame* (one row per plotted mark, headers in the report's language;
    *label* names the mark, *value* is the column the text ranks), the kind of each numeric column
    (:data:`svcwork.keyfigures.DIGITS`), *series* when the rows run in time (the text also says
    where the series starts and ends), and *notes*: sentences the domain writes from the same
    data (which services are quick wins, which units are below the others …)."""

    frame: pd.DataFrame
    value: str
    kinds: Mapping[str, str]
    label: str | None = None
    series: bool = False
    notes: tuple[str, ...] = ()
    top: int = TOP
    ranked: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "frame", self.frame.reset_index(drop=True))  # rows by position (a copy)
        if self.value not in self.frame.columns:
            raise ValueError(f"value column {self.value!r} not in the frame")
        for col, kind in self.kinds.items():
            if kind not in DIGITS:
                raise ValueError(f"unknown kind {kind!r} of column {col!r}")

    @property
    def label_column(self) -> str:
        return self.label if self.label is not None else str(self.frame.columns[0])


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(float(value))


def _shown(value: Any, kind: str | None, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if kind is not None and _finite(value):
        return show(float(value), kind, lang)
    return str(value)


def top_items(data: ChartData, lang: str, *, lowest: bool = False) -> list[tuple[str, str]]:
    """The marks with the highest (or lowest) value: ``(label, shown value)``, at most ``data.top``;
    ties keep the frame's order."""
    frame = data.frame
    values = pd.to_numeric(frame[data.value], errors="coerce")
    order = values.dropna().sort_values(ascending=lowest, kind="stable").index[: data.top]
    kind = data.kinds.get(data.value)
    return [(str(frame.at[i, data.label_column]), _shown(float(values[i]), kind, lang)) for i in order]


def _items(pairs: Sequence[tuple[str, str]], lang: str) -> str:
    return "; ".join(t("access.alt.item", lang, label=label, value=value) for label, value in pairs)


def alt_text(title: str, data: ChartData | None, lang: str, *, pointer: str | None = "figure") -> str:
    """The chart's text alternative in *lang*: its title, how many values it plots, the highest and
    lowest (or all of them when few), where a series starts and ends, the domain's notes, and
    where its values are (*pointer*, :data:`POINTERS`: ``"figure"`` the table under the figure,
    ``"appendix"`` the appendix of the figures' data, None no such sentence).  Without data: the
    title alone."""
    if data is None:
        return title
    frame = data.frame
    values = pd.to_numeric(frame[data.value], errors="coerce")
    n = int(values.notna().sum())
    if n == 0:
        return plain(" ".join([t("access.alt.empty", lang, title=title), *data.notes]))
    parts = [t("access.alt.values", lang, title=title, n=n, count=f"{n:,}", value=data.value)]
    if data.ranked and n <= 2 * data.top:
        parts.append(t("access.alt.all", lang, items=_items(top_items(ChartData(
            frame, data.value, data.kinds, data.label, top=n), lang), lang)))
    elif data.ranked:
        parts.append(t("access.alt.highest", lang, items=_items(top_items(data, lang), lang)))
        parts.append(t("access.alt.lowest", lang, items=_items(top_items(data, lang, lowest=True), lang)))
    if data.series:
        known = frame.loc[values.notna()]
        kind = data.kinds.get(data.value)
        first, last = known.iloc[0], known.iloc[-1]
        parts.append(t("access.alt.series", lang, first=_shown(float(first[data.value]), kind, lang),
                       first_label=str(first[data.label_column]), last=_shown(float(last[data.value]), kind, lang),
                       last_label=str(last[data.label_column])))
    parts.extend(data.notes)
    if pointer is not None:
        parts.append(t(POINTERS[pointer], lang, appendix=t("access.data.appendix", lang)))
    return plain(" ".join(p for p in parts if p))  # a quoted figure as its number (no marker in an attribute)


def scale_kind(values: Any) -> str:
    """``"count"`` for whole numbers (ratings 1–5, counts), else ``"mean"`` (one decimal)."""
    numbers = pd.to_numeric(pd.Series(values), errors="coerce").dropna()
    return "count" if bool((numbers == numbers.round()).all()) else "mean"


def grouped_notes(frame: pd.DataFrame, by: str, label: str, lang: str, *, order: Sequence[Any] | None = None,
                  names: Mapping[Any, str] | None = None, detail: Any = None) -> tuple[str, ...]:
    """One sentence per group of *frame* (by column *by*, in *order* or first appearance): the group's
    name (*names*, else the value) and its members' labels, each with ``detail(row)`` when given
    ("Quick wins: S01 (effort 2, benefit 5); S08 (…)")."""
    groups = list(order) if order is not None else list(dict.fromkeys(frame[by]))
    out = []
    for g in groups:
        rows = frame.loc[frame[by] == g]
        if rows.empty:
            continue
        members = [str(r[label]) + (f" ({detail(r)})" if detail is not None else "") for _, r in rows.iterrows()]
        out.append(t("access.alt.group", lang, name=(names or {}).get(g, str(g)), items="; ".join(members)))
    return tuple(out)


def _plain(value: Any) -> Any:
    """A cell as JSON holds it: numbers as numbers (NaN as None), everything else as text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool):
        return str(value)
    if hasattr(value, "item") and not isinstance(value, str):
        try:
            value = value.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and math.isnan(value) else value
    if isinstance(value, pd.Period):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)


def data_record(data: ChartData) -> dict:
    """The chart's data as the section's record keeps it (JSON): columns, each one's kind, rows, and
    which columns are the label and the ranked value."""
    columns = [str(c) for c in data.frame.columns]
    return {"columns": columns, "kinds": [data.kinds.get(c) for c in columns],
            "rows": [[_plain(v) for v in row] for row in data.frame.itertuples(index=False, name=None)],
            "label": data.label_column, "value": data.value}


def data_frame(record: Mapping) -> pd.DataFrame:
    """The recorded data back as a frame (raw values)."""
    return pd.DataFrame(list(record.get("rows") or []), columns=list(record.get("columns") or []))


def shown_frame(record: Mapping, lang: str) -> pd.DataFrame:
    """The recorded data as its table shows it: each number by the rule of its column's kind."""
    frame = data_frame(record)
    out = {}
    for col, kind in zip(frame.columns, record.get("kinds") or [None] * len(frame.columns)):
        out[col] = [_shown(v, kind, lang) for v in frame[col]]
    return pd.DataFrame(out, columns=frame.columns)


def figure_data_of(result: Any, lang: str) -> dict[str, ChartData]:
    """``{slug: ChartData}`` of a result's charts, from its domain's ``present.figure_data`` (none
    when the domain has none or the result was skipped)."""
    if not getattr(result, "available", False):
        return {}
    name = getattr(result, "_PRESENT", None)
    if not name:
        return {}
    get = getattr(importlib.import_module(name), "figure_data", None)
    return dict(get(result, lang)) if get is not None else {}


#: Abbreviations the report's words and headers use, expanded where they appear (``access.abbr.<ABBR>``).
ABBREVIATIONS = ("KPI", "NPS", "SLA", "FCR", "AHP", "IPA")
_ABBR = re.compile(r"(?<![\w-])(" + "|".join(ABBREVIATIONS) + r")(?![\w-])")
_TAG = re.compile(r"(<[^>]*>)")


def abbr_html(markup: str, lang: str, seen: set[str] | None = None) -> str:
    """*markup* (escaped HTML) with each abbreviation of :data:`ABBREVIATIONS` in its text (never inside a
    tag) marked ``<abbr title="expansion">``; with *seen*, only the first use of each is marked and
    the abbreviations marked are added to it (WCAG 2.1 SC 3.1.4)."""
    def mark(m: re.Match) -> str:
        word = m[1]
        if seen is not None:
            if word in seen:
                return word
            seen.add(word)
        return f"<abbr title='{html.escape(t(f'access.abbr.{word}', lang), quote=True)}'>{word}</abbr>"

    parts = _TAG.split(markup)
    inside_abbr = False
    for i, part in enumerate(parts):
        if i % 2:
            inside_abbr = part.lower().startswith("<abbr") or (inside_abbr and not part.lower().startswith("</abbr"))
            continue
        if not inside_abbr:
            parts[i] = _ABBR.sub(mark, part)
    return "".join(parts)
