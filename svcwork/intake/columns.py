"""One companion file's table, read as strings, checked column by column into a clean typed frame.

:func:`_companion_frame` maps the file's headers to the schema's columns (with the engagement's
column map), then reads each column by its kind: identifiers and text (identifiers
pseudonymised), numbers (a decimal comma recognised), survey answers on their scale or as
words (:func:`svcwork.exports.scales.read_item`), training scores on the scale the data shows,
dates and timestamps in the day/month order the data proves (:func:`_read_dates`; else the
engagement's setting, else the language's default, with a warning) and in the engagement's time
zone (clocks going back and forward placed and counted).  Placeholders for a missing value
("EMPTY", "NULL", "N/A", "-" …) in names, codes and times are read as missing, counted in a warning
per column; a cell holding a formula Excel never calculated is an error (``formula_no_value``), not
an empty cell.  Every value that cannot be read is recorded with its file row; the frame notes in
``attrs`` the offsets and orders it used.

The reading itself is in :mod:`svcwork.exports`; this module turns what it reports into problems.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Collection, Iterable, Mapping

import numpy as np
import pandas as pd

from ..exports.dates import EXCEL_EPOCH, DatesRead, as_dates, localize, read_datetimes
from ..exports.scales import Scale, read_item, read_scores
from ..exports.text import placeholders
from ..privacy import pseudonymise
from ..schema import Column, companion, normalize_name
from .cells import _DTYPES, _UTC, _fmt
from .options import _ReadOptions
from .problems import _Collector
from .sheets import _name_index


@dataclass(frozen=True)
class _TableRead:
    """A companion file as raw strings, with the file row of its first data row and the reader's notes."""

    frame: pd.DataFrame
    first_row: int
    epoch: dt.datetime = EXCEL_EPOCH
    sheet: str | None = None  # the worksheet, named in problems when the workbook has several
    #: header -> (frame position, formula) of the cells holding a formula with no stored result (read as empty)
    no_value: Mapping[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)


def _rows_text(rows: pd.Series, idx: tuple) -> str:
    return ", ".join(str(int(rows.loc[i])) for i in idx)


def _read_dates(texts: Mapping[str, pd.Series], columns: list[Column], *, opts: _ReadOptions,
                epoch: dt.datetime) -> dict[str, DatesRead]:
    """The date columns of one file read together: an order one column proves holds for those that could only assume.

    One export writes its dates one way; a deadline column with no day above 12 is read in the order
    the event times prove (as proven, no warning), never in the default.
    """
    reads = {c.key: read_datetimes(texts[c.key], order=opts.date_order, default_order=opts.default_order, epoch=epoch)
             for c in columns}
    proven = {r.order for r in reads.values() if r.order_source == "data"}
    if opts.date_order is None and len(proven) == 1:
        order = proven.pop()
        for k, r in reads.items():
            if r.order_source == "default" and r.order is not None:
                reads[k] = replace(read_datetimes(texts[k], order=order, default_order=order, epoch=epoch),
                                   order_source="data")
    return reads


def _read_times(text: pd.Series, c: Column, label: str, rows: pd.Series, col: _Collector, where: dict, *,
                opts: _ReadOptions, epoch: dt.datetime, groups: pd.Series | None, r: DatesRead
                ) -> tuple[pd.Series, tuple[str, ...], str | None, bool]:
    """A date or timestamp column read as meant (see :mod:`svcwork.exports.dates`), its problems recorded.

    *r* is the column as :func:`_read_dates` read it.  Returns the values, the time-zone offsets seen,
    the day/month order used (None: no value could swap) and whether the data proved that order.
    """
    code = "not_timestamp" if c.kind == "timestamp" else "not_date"
    other = {"DMY": "MDY", "MDY": "DMY"}.get(r.order or "", "")
    if r.contradicting:
        first = r.contradicting[0]
        if r.mixed:
            col.error("date_order_mixed", **where, row=int(rows.loc[first]), column=c.key, column_label=label,
                      value=text.loc[first], order=r.order, other=other, proof=_rows_text(rows, r.proof),
                      rows=_rows_text(rows, r.contradicting))
        else:
            col.error("date_order_contradicted", **where, row=int(rows.loc[first]), column=c.key, column_label=label,
                      value=text.loc[first], order=r.order, other=other, rows=_rows_text(rows, r.contradicting))
        # values that are dates in the other order are that one problem, not "not a date" one by one
        _report_bad(col, r.bad & ~_swappable_bad(text, r, other, epoch), rows, text, code, where, c, label)
    else:
        _report_bad(col, r.bad, rows, text, code, where, c, label)
    if r.order_source == "default" and r.order is not None:
        swappable = (r.naive.notna() | r.aware.notna())
        i = swappable[swappable].index[0]
        value = r.naive.loc[i] if pd.notna(r.naive.loc[i]) else r.aware.loc[i]
        col.warning("date_order_assumed", **where, row=int(rows.loc[i]), column=c.key, column_label=label,
                    value=text.loc[i], order=r.order, count=int(swappable.sum()),
                    example=pd.Timestamp(value).strftime("%Y-%m-%d"))
    if c.kind == "date":
        return as_dates(r), (), r.order, r.order_source == "data"
    local = localize(r.naive, opts.tz, groups=groups)
    if local.ambiguous.any():
        n, by = int(local.ambiguous.sum()), int(local.by_order.sum())
        first_i = local.ambiguous[local.ambiguous].index[0]
        col.warning("dst_ambiguous", **where, row=int(rows.loc[first_i]), column=c.key, column_label=label,
                    value=text.loc[first_i], count=n, by_order=by, first=n - by, tz=opts.tz)
    if local.shifted.any():
        first_i = local.shifted[local.shifted].index[0]
        col.warning("dst_shifted", **where, row=int(rows.loc[first_i]), column=c.key, column_label=label,
                    value=text.loc[first_i], count=int(local.shifted.sum()), tz=opts.tz)
    values = r.aware.combine_first(local.utc).astype(_UTC)
    if len(r.offsets) > 1:
        col.warning("mixed_offsets", **where, column=c.key, column_label=label, count=len(r.offsets),
                    found=", ".join(sorted(r.offsets)))
    return values, tuple(sorted(r.offsets)), r.order, r.order_source == "data"


def _swappable_bad(text: pd.Series, r, other: str, epoch: dt.datetime) -> pd.Series:  # noqa: ANN001 - DatesRead
    """The values not read in the order used that read in the *other* order (all of them, not only those quoted)."""
    mask = pd.Series(False, index=text.index)
    mask.loc[list(r.contradicting)] = True
    if other and r.bad.any():
        again = read_datetimes(text[r.bad], order=other, default_order=other, epoch=epoch)
        mask.loc[again.bad.index[~again.bad.to_numpy()]] = True
    return mask


def _read_item(text: pd.Series, c: Column, label: str, rows: pd.Series, col: _Collector, where: dict, *,
               spec: tuple[Scale | None, Mapping[str, float]] | None, convert: bool) -> pd.Series:
    """A survey question read on its scale (labels, don't-know answers); on 1–5 when *convert*."""
    declared, labels = spec or (None, {})
    fixed = Scale(c.lo, c.hi) if not convert else None  # NPS 0–10 and CES 1–7 keep their own scales
    item = read_item(text, scale=declared or fixed, labels=labels)
    bad = item.unknown | item.out_of_scale
    scale_name = item.scale.name
    _report_bad(col, item.unknown, rows, text, "unknown_label", where, c, label, scale=scale_name)
    _report_bad(col, item.out_of_scale & ~item.unknown, rows, text, "out_of_range", where, c, label,
                lo=_fmt(item.scale.lo), hi=_fmt(item.scale.hi))
    if item.dont_know:
        col.warning("dont_know", **where, column=c.key, column_label=label, count=item.dont_know)
    if item.conflicts:
        col.warning("label_conflict", **where, column=c.key, column_label=label, count=item.conflicts)
    if item.labelled:
        first = text[item.values.notna() & ~text.str.fullmatch(r"[\d.,%\s]+").fillna(False)]
        col.warning("labels_read", **where, column=c.key, column_label=label, count=item.labelled,
                    value=first.iloc[0] if len(first) else None)
    values = item.values.mask(bad)
    if convert and (item.scale.lo, item.scale.hi) != (1, 5):
        if item.proven or item.scale_source == "declared":
            col.warning("scale_read", **where, column=c.key, column_label=label, scale=scale_name,
                        scale_source_key=item.scale_source)
        else:
            col.warning("scale_assumed", **where, column=c.key, column_label=label, scale=scale_name,
                        lo=_fmt(values.min()), hi=_fmt(values.max()))
        values = item.scale.to_five(values)
    return values.astype("float64")


#: Trimmed from both ends of every companion cell: white space and invisible direction marks (LRM, RLM,
#: embeddings, isolates, a stray BOM), which Hebrew exports put around dates and names.
_STRIP = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace()) + "\u200e\u200f\u202a\u202b\u202c\u202d\u202e" \
    "\u2066\u2067\u2068\u2069\ufeff"


def _companion_frame(table: _TableRead, name: str, col: _Collector, *, file: str,
                     opts: _ReadOptions) -> tuple[pd.DataFrame | None, Mapping[str, Scale]]:
    """A companion's raw table checked, typed and pseudonymised; the scales its scores are on."""
    raw, first_row = table.frame, table.first_row
    schema_ = companion(name)
    index = _name_index(schema_)
    mapping = dict((opts.column_map or {}).get(name, {}))
    rename: dict[str, str] = {}
    labels: dict[str, str] = {}
    for original in raw.columns:
        norm = normalize_name(original)
        key_ = mapping.get(norm) or index.get(norm)
        if key_ is not None and key_ not in labels:
            rename[original] = key_
            labels[key_] = str(original)
    where = dict(file=file, sheet=None, table=name, **({"sheet_label": table.sheet} if table.sheet else {}))
    if len(raw.columns) == 0:  # an empty file: like a missing one, the analyses that need it are skipped
        col.warning("companion_empty", **where, file_name=name)
        return None, {}
    if not labels or _looks_like_data(raw.columns):  # the first row is data (a split export's later part): its
        col.error("companion_no_header", **where, row=first_row - 1, file_name=name)  # cells are never quoted
        return None, {}
    found = ", ".join(map(str, raw.columns)) or "—"  # a header row (one of its names is the schema's): names only
    missing = [c for c in schema_.required_columns if c.key not in labels]
    for c in missing:
        col.error("column_missing", **where, row=first_row - 1, column=c.key, he=c.he, en=c.en, found=found)
    if missing:
        return None, {}
    if name == "survey" and not any(c.kind == "score" and c.key in labels for c in schema_.columns):
        col.warning("no_survey_items", **where, found=found)
    frame = raw[list(rename)].rename(columns=rename)
    rows = pd.Series(np.arange(first_row, first_row + len(frame)), index=frame.index, dtype="int64")
    uncalculated = _formulas_no_value(table, rename, labels, col, where,
                                      identifiers={c.key for c in schema_.columns if c.identifier})
    texts: dict[str, pd.Series] = {}
    for k in frame.columns:
        text = frame[k].astype("string").str.strip(_STRIP)
        texts[k] = text.mask(text == "")
    texts = _placeholders(texts, schema_, rows, labels, col, where)
    filled = pd.Series(False, index=frame.index)
    for text in texts.values():
        filled |= text.notna()
    others = [c for c in raw.columns if c not in rename]
    if others:
        filled |= (raw[others].notna() & (raw[others] != "")).any(axis=1).to_numpy()
    if not filled.all():  # blank lines / rows are tolerated quietly; the others keep their file row numbers
        keep = filled.to_numpy()
        frame, rows = frame.loc[keep], rows.loc[keep]
        texts = {k: v.loc[keep] for k, v in texts.items()}
    if len(frame) == 0:
        col.warning("companion_empty", **where, file_name=name)
    out: dict[str, pd.Series] = {}
    found_offsets: dict[str, tuple[str, ...]] = {}
    orders: dict[str, str | None] = {}
    orders_proven: dict[str, str] = {}
    scales: dict[str, Scale] = {}
    file_scales = opts.scales.get(name, {})
    groups = texts.get("case_id") if name == "cases" else None
    dates = _read_dates(texts, [c for c in schema_.columns if c.kind in ("date", "timestamp") and c.key in texts],
                        opts=opts, epoch=table.epoch)
    if name == "training" and "pre_score" in texts and "post_score" in texts:
        declared = (file_scales.get("pre_score") or file_scales.get("post_score") or file_scales.get("*")
                    or (None, {}))[0]
        scores = read_scores(texts["pre_score"], texts["post_score"], scale=declared)
        for k, values, unknown, outside in (("pre_score", scores.pre, scores.pre_unknown, scores.pre_out_of_scale),
                                            ("post_score", scores.post, scores.post_unknown,
                                             scores.post_out_of_scale)):
            c = schema_.column(k)
            present = texts[k].notna()
            for r in rows[~present].to_numpy():
                if int(r) not in uncalculated.get(k, ()):
                    col.error("required_empty", **where, row=int(r), column=k, column_label=labels[k])
            _report_bad(col, unknown, rows, texts[k], "not_number", where, c, labels[k])
            _report_bad(col, outside & ~unknown, rows, texts[k], "out_of_range", where, c, labels[k],
                        lo=_fmt(scores.scale.lo), hi=_fmt(scores.scale.hi))
            out[k] = values.mask(unknown | outside).astype("float64")
            dont_know = int((present & values.isna() & ~unknown & ~outside).sum())  # "N/A", "לא רלוונטי" …
            if dont_know:
                col.warning("dont_know", **where, column=k, column_label=labels[k], count=dont_know)
        scales["training"] = scores.scale
        if scores.scale_source != "declared" and (scores.scale.lo, scores.scale.hi) != (1, 5):
            both = pd.concat([out["pre_score"], out["post_score"]])
            if scores.proven:
                col.warning("training_scale", **where, column="pre_score", column_label=labels["pre_score"],
                            scale=scores.scale.name, scale_source_key=scores.scale_source)
            else:
                col.warning("scale_assumed", **where, column="pre_score", column_label=labels["pre_score"],
                            scale=scores.scale.name, lo=_fmt(both.min()), hi=_fmt(both.max()))
    for c in schema_.columns:
        if c.key in out:
            continue
        if c.key not in frame.columns:
            out[c.key] = pd.Series(pd.NA if c.kind not in ("timestamp", "date", "number", "score") else np.nan,
                                   index=frame.index, dtype=_DTYPES.get(c.kind, "object"))
            continue
        text = texts[c.key]
        present = text.notna()
        label = labels[c.key]
        if c.required:
            for r in rows[~present].to_numpy():
                if int(r) not in uncalculated.get(c.key, ()):  # already reported: a formula, not an empty cell
                    col.error("required_empty", **where, row=int(r), column=c.key, column_label=label)
        if c.kind in ("id", "text"):
            values = text.str.replace(r"\.0$", "", regex=True) if c.kind == "id" else text
        elif c.kind == "score":
            values = _read_item(text, c, label, rows, col, where, spec=file_scales.get(c.key) or file_scales.get("*"),
                                convert=(c.lo, c.hi) == (1, 5))
        elif c.kind == "number":
            values = pd.to_numeric(text.str.replace(",", ".", regex=False) if _comma_decimal(text) else text,
                                   errors="coerce").astype("float64")
            _report_bad(col, present & values.isna(), rows, text, "not_number", where, c, label)
            if c.lo is not None and c.hi is not None:
                out_of = values.notna() & ((values < c.lo) | (values > c.hi))
                _report_bad(col, out_of, rows, text, "out_of_range", where, c, label, lo=_fmt(c.lo), hi=_fmt(c.hi))
                values = values.mask(out_of)
        elif c.kind in ("date", "timestamp"):
            values, offsets, orders[c.key], proven = _read_times(text, c, label, rows, col, where, opts=opts,
                                                                 epoch=table.epoch, groups=groups, r=dates[c.key])
            if proven:
                orders_proven[c.key] = orders[c.key]
            if c.kind == "timestamp":
                found_offsets[c.key] = offsets
        else:  # pragma: no cover - companions use the kinds above only
            values = text
        if c.identifier:
            values = pseudonymise(values, namespace=_namespace(c.key), key=opts.key)
        out[c.key] = values
    result = pd.DataFrame({c.key: out[c.key] for c in schema_.columns}, index=frame.index)
    result["_row"] = rows
    for c in schema_.columns:
        if c.unique and c.key in labels:
            values = result[c.key]
            present = values.notna().to_numpy(dtype=bool)
            dup = values.duplicated(keep="first").to_numpy(dtype=bool) & present
            if dup.any():
                firsts = dict(zip(values[present & ~dup], rows[present & ~dup].to_numpy()))
                for r, v in zip(rows[dup].to_numpy(), values[dup]):
                    col.error("duplicate_id", **where, row=int(r), column=c.key, column_label=labels[c.key], value=v,
                              other=int(firsts[v]))
    result = result.reset_index(drop=True)
    result.attrs["offsets"] = found_offsets  # time-zone offsets seen per timestamp column (normalised to UTC)
    result.attrs["date_orders"] = orders  # the day/month order each date column was read in (None: no choice)
    result.attrs["orders_proven"] = orders_proven  # … of those, the orders the data proved
    return result, scales


#: Companion columns where a placeholder ("EMPTY", "NULL", "N/A", "-" …) is read as missing: names, codes and
#: times.  Free text keeps what was written; scores read "N/A" as "don't know" (:mod:`svcwork.exports.scales`).
_PLACEHOLDER_KINDS = ("id", "text", "date", "timestamp")
_FREE_TEXT = frozenset({"comment"})


def _placeholders(texts: Mapping[str, pd.Series], schema_, rows: pd.Series,  # noqa: ANN001 - a Sheet
                  labels: Mapping[str, str], col: _Collector, where: dict) -> dict[str, pd.Series]:
    """The columns' texts with placeholders for a missing value (:data:`svcwork.exports.text.PLACEHOLDERS`) made
    missing, and a warning per column counting them (new series; *texts* is left as it is)."""
    out = dict(texts)
    for c in schema_.columns:
        if c.key not in texts or c.kind not in _PLACEHOLDER_KINDS or c.key in _FREE_TEXT:
            continue
        mask = placeholders(texts[c.key])
        n = int(mask.sum())
        if not n:
            continue
        first = mask[mask].index[0]
        found = ", ".join(sorted({str(v) for v in texts[c.key][mask].unique()}))
        col.warning("placeholder_missing", **where, row=int(rows.loc[first]), column=c.key,
                    column_label=labels.get(c.key), value=found, count=n, total=int(texts[c.key].notna().sum()))
        out[c.key] = texts[c.key].mask(mask)
    return out


#: A header cell that is a number, a date or time, or holds a run of five digits: no export names a column so,
#: so a "header" row holding one is a row of data (a citizen's id, a date, a score).
_DATA_CELL = re.compile(r"[+-]?\d+(?:[.,]\d+)?|\d{4}-\d{1,2}-\d{1,2}(?:[ T].*)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?: .*)?"
                        r"|.*\d{5}.*")


def _looks_like_data(cells: Iterable[object]) -> bool:
    """Whether a row read as the header holds a cell no header is (:data:`_DATA_CELL`): then it is data."""
    return any(_DATA_CELL.fullmatch(str(c).strip()) for c in cells if not isinstance(c, str) or c.strip())


def _formulas_no_value(table: _TableRead, rename: Mapping[str, str], labels: Mapping[str, str], col: _Collector,
                       where: dict, *, identifiers: Collection[str] = ()) -> dict[str, frozenset[int]]:
    """Report the cells of the schema's columns that hold a formula with no stored result (``formula_no_value``,
    an error each: the value is in the file but was never calculated); returns column key -> their file rows.
    The formula of an identifier column (``="039337423"`` keeps a leading zero) is never quoted: it is the id."""
    out: dict[str, frozenset[int]] = {}
    for header, cells in table.no_value.items():
        key = rename.get(header)
        if key is None:  # a column the analyses do not use
            continue
        rows = []
        for i, formula in cells:
            rows.append(table.first_row + i)
            col.error("formula_no_value", **where, row=table.first_row + i, column=key, column_label=labels[key],
                      value=None if key in identifiers else formula)
        out[key] = frozenset(rows)
    return out


def _namespace(column: str) -> str:
    return {"citizen_id": "citizen", "resource": "resource", "employee_code": "employee"}.get(column, column)


def _comma_decimal(text: pd.Series) -> bool:
    sample = text.dropna().head(200)
    return bool(len(sample)) and sample.str.fullmatch(r"-?\d+,\d+").mean() > 0.5


def _report_bad(col: _Collector, mask: pd.Series, rows: pd.Series, text: pd.Series, code: str, where: dict,
                c: Column, label: str, **params: object) -> None:
    if not mask.any():
        return
    for r, v in zip(rows[mask].to_numpy(), text[mask].to_numpy()):
        col.error(code, **where, row=int(r), column=c.key, column_label=label, value=None if c.identifier else v,
                  **params)
