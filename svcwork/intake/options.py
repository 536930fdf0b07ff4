"""How an engagement's companion files are to be read, from its intake form.

* the column map: the client's column names for ours, from the Engagement setting
  ``column_map`` (``cases.Ticket=case_id; survey.Q1=satisfaction``) and the optional Columns sheet;
* the Scales sheet: per file and column, the scale the answers are on and the client's own labels;
* the day/month order assumed where neither the data nor the form says (by the engagement's language).

Together with the time zone and the pseudonymisation key they make :class:`_ReadOptions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

import pandas as pd

from ..exports.scales import Scale, custom_labels, parse_scale
from ..schema import COMPANIONS, ENUMS, companion, normalize_name
from .problems import _Collector
from .sheets import _SheetRead, _name_index


ColumnMap = Mapping[str, Mapping[str, str]]  # file -> {normalised their column -> our column key}


def parse_column_map(text: str | None, rows: pd.DataFrame | None = None, *, col: _Collector | None = None,
                     file: str = "intake.xlsx") -> dict[str, dict[str, str]]:
    """Column maps from the Engagement ``column_map`` setting and the optional Columns sheet.

    The setting reads ``cases.Ticket=case_id; survey.Q1=satisfaction`` (``;`` or new lines between
    entries); the Columns sheet has one row per mapping (file, their_column, our_column).
    """
    out: dict[str, dict[str, str]] = {c.key: {} for c in COMPANIONS}
    file_lookup = ENUMS["companion_file"].lookup()
    entries: list[tuple[str | None, str, str, int | None, str]] = []
    for part in re.split(r"[;\n]+", text or ""):
        if not part.strip():
            continue
        m = re.match(r"^\s*([^.=]+)\.(.+?)=(.+)$", part)
        if not m:
            if col is not None:
                col.error("bad_column_map", file=file, sheet="Engagement", column="column_map", value=part.strip())
            continue
        entries.append((file_lookup.get(normalize_name(m.group(1))), m.group(2), m.group(3), None, "Engagement"))
    if rows is not None and not rows.empty:
        for f, their, our, row in zip(rows["file"], rows["their_column"], rows["our_column"], rows["_row"]):
            if f is pd.NA or their is pd.NA or our is pd.NA:
                continue
            entries.append((f, their, our, int(row), "Columns"))
    for f, their, our, row, sheet_key in entries:
        if f is None:
            if col is not None:
                col.error("bad_column_map", file=file, sheet=sheet_key, row=row, column="column_map", value=their)
            continue
        schema_ = companion(f)
        index = _name_index(schema_)
        key = index.get(normalize_name(our))
        if key is None:
            if col is not None:
                col.error("map_unknown_column", file=file, sheet=sheet_key, row=row, value=our, file_name=f,
                          allowed_headers=(f, tuple(c.key for c in schema_.columns)))
            continue
        out[f][normalize_name(their)] = key
    return out


@dataclass(frozen=True)
class _ReadOptions:
    """How one engagement's companion exports are read: from the Engagement and Scales sheets."""

    tz: str = "UTC"
    date_order: str | None = None
    default_order: str = "DMY"
    column_map: ColumnMap | None = None
    scales: Mapping[str, Mapping[str, tuple[Scale | None, Mapping[str, float]]]] = field(default_factory=dict)
    key: bytes | None = None
    #: The Services sheet's ids: a value of a case log's service column is quoted in a message only when it is
    #: one of them (a row shifted by a column can put a citizen's identifier there).
    services: frozenset[str] = frozenset()


def _scales_spec(read: _SheetRead | None, col: _Collector, *, file: str
                 ) -> dict[str, dict[str, tuple[Scale | None, Mapping[str, float]]]]:
    """The Scales sheet: per companion file and column ('*' = all), the declared scale and the client's labels."""
    if read is None or read.frame.empty:
        return {}
    scales: dict[tuple[str, str], Scale | None] = {}
    rows_labels: dict[tuple[str, str], list[tuple[str, float | None]]] = {}
    index = {n: {normalize_name(x): c.key for c in companion(n).columns for x in c.names()} for n in ("survey", "training")}
    for rec in read.frame.to_dict("records"):
        f = rec.get("file")
        column = str(rec.get("column") or "").strip()
        key = "*" if column == "*" else index.get(f, {}).get(normalize_name(column), column)
        if rec.get("scale") is not None and not pd.isna(rec.get("scale")):
            sc = parse_scale(str(rec["scale"]))
            if sc is None:
                col.error("bad_scale", file=file, sheet="Scales", row=int(rec["_row"]), column="scale",
                          value=rec["scale"])
            scales[(f, key)] = sc
        if rec.get("label") is not None and not pd.isna(rec.get("label")):
            v = rec.get("value")
            rows_labels.setdefault((f, key), []).append((str(rec["label"]), None if v is None or pd.isna(v) else float(v)))
    out: dict[str, dict[str, tuple[Scale | None, Mapping[str, float]]]] = {}
    for f, key in set(scales) | set(rows_labels):
        out.setdefault(f, {})[key] = (scales.get((f, key)), custom_labels(rows_labels.get((f, key), ())))
    for f, cols in out.items():  # '*' labels apply to every column too
        star = cols.get("*")
        if star:
            for key, (sc, lab) in list(cols.items()):
                if key != "*":
                    cols[key] = (sc or star[0], {**star[1], **lab})
    return out


def _default_order(lang: str) -> str:
    """Day/month order assumed where the data and the form say nothing: DMY for Hebrew, MDY for English."""
    return "DMY" if lang == "he" else "MDY"
