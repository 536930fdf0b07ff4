"""Percentages typed on the other scale: channel shares typed as Excel fractions, KPI proportions typed as percents.

Two mistakes a clerk makes in the intake form, both silent in the numbers:

* **A 0–100 share typed as an Excel percentage.**  The Channels sheet's ``share_pct`` is 0–100
  (the form says so).  A clerk who types ``25%`` in a cell formatted as a percentage gets the
  number 0.25 stored — which reads as 0.25 %.  :func:`read_shares` proves the fractions from the
  data: the shares of one service add up to about 100 (:data:`SUM_TOLERANCE`) only when its
  values of at most 1 are read as fractions (×100), while as typed they do not.  A column whose
  every value lies within 0–1 is read as fractions as a whole when at least one service proves
  it that way and none contradicts it (services listing only some of their channels then follow
  the rest of the column).  A value of at most 1 that nothing proves is kept as typed (the form's
  scale) and flagged as ambiguous — never converted on a guess.
* **A 0–1 proportion typed as a percentage.**  A KPI of kind ``proportion`` is on 0–1 (target
  0.8, values 0.72 …).  A target or value typed ``80`` can only be a percentage (a text ``"72.3%"``
  is already 0.723, as Excel stores a typed percent: :func:`typed_percent`): :func:`read_proportions` puts each such value (above 1, at most 100) on 0–1 by
  itself, not the whole series by its largest value; a value below 0 or above 100 is neither a
  share nor a percentage.

Both functions are pure (no messages); :func:`_check_percents` records what they did as intake
problems (codes ``share_pct_fraction``, ``share_pct_fractions``, ``share_pct_ambiguous``,
``kpi_percent``, ``kpi_not_proportion``) and returns the replaced sheet frames, like the other
``_check_*`` steps of :mod:`svcwork.intake.checks`.  The analyses (:mod:`svcwork.measures.kpis`,
:mod:`svcwork.journeys.parity`, :mod:`svcwork.measures.analysis`) apply the same functions to the
frames they are given, so a frame that did not come through the intake is read the same way —
and on the intake's frames they change nothing (the readings are idempotent).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping

import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from .problems import _Collector
    from .sheets import _SheetRead

__all__ = ["SUM_TOLERANCE", "ShareRead", "read_shares", "ProportionRead", "read_proportions", "number_text",
           "typed_percent", "percent_column"]

#: How far (in percentage points) one service's channel shares may add up from 100 and still be
#: "all of its requests": shares typed as whole percents of five channels round to 98–102.
SUM_TOLERANCE = 3.0


def typed_percent(number: float, *, lo: float | None, hi: float | None) -> float:
    """A number typed as text with a percent sign (``"30%"`` → *number* 30) on its column's scale.

    The one rule for a typed percent: it is what Excel stores when ``30%`` is typed in a cell, the fraction 0.3
    — so a text ``"30%"`` and a percentage cell read the same, and the readings below (:func:`read_shares`,
    :func:`read_proportions`) treat both alike (a criterion weight ``"30%"`` beside 0.2 is 0.3, not 30).  Only a
    column that is itself on 0–100 percent (*lo* 0, *hi* 100: the Channels share) keeps the number typed, as
    its header asks (``"25%"`` there is 25).
    """
    return number if percent_column(lo, hi) else number / 100


def percent_column(lo: float | None, hi: float | None) -> bool:
    """A column on 0–100 percent (*lo* 0, *hi* 100), where a typed percent is the number typed."""
    return (lo, hi) == (0, 100)


def number_text(x: float) -> str:
    """A number as a message quotes it: 0.25, 25, 72.3 (at most four decimals, no trailing zeros)."""
    return f"{float(x):.4f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class ShareRead:
    """A 0–100 share column read: the values on 0–100 and what was done to which rows.

    ``values``: the shares on 0–100 (same index as the input); ``fractions``: index labels of the
    values read as fractions of 1 (×100) because their service's total proves it; ``whole_column``:
    every value of the column was within 0–1 and the column was read as fractions as a whole
    (then ``fractions`` holds every value above 0); ``ambiguous``: index labels of values within
    (0, 1] kept as typed because nothing proves either reading; ``totals``: per group, the total
    as typed and as read (for the messages).
    """

    values: pd.Series
    fractions: pd.Index
    ambiguous: pd.Index
    whole_column: bool
    totals: Mapping[str, tuple[float, float]]

    @property
    def changed(self) -> bool:
        return len(self.fractions) > 0


def _near(total: float, tol: float) -> bool:
    return abs(total - 100.0) <= tol


def read_shares(values: pd.Series, groups: pd.Series, *, tol: float = SUM_TOLERANCE) -> ShareRead:
    """Read a 0–100 share column whose cells may hold Excel fractions (25% stored as 0.25).

    Parameters
    ----------
    values
        The column's numbers (NaN ignored), meant on 0–100.
    groups
        The group of each value whose shares add up to 100 (the service), same index.
    tol
        :data:`SUM_TOLERANCE`, in percentage points.

    Returns
    -------
    ShareRead

    Notes
    -----
    A value above 1 is a percentage already, and 0 is 0 on either scale: only values in (0, 1]
    are in question.  For each group with such values:

    1. the group's total as typed is 100 ± *tol* → as typed (0.5 beside 59.5 and 40 is 0.5 %);
    2. else its total with those values ×100 is 100 ± *tol* → they are fractions (proven by the
       group's own total: 0.25, 20, 0.4, 10, 5 add to 100 only as 25, 20, 40, 10, 5);
    3. else, when every value of the column lies within 0–1, at least one group is proven by (2)
       and no group would exceed 100 + *tol* as fractions → the whole column is fractions;
    4. else the values stay as typed (the form's 0–100) and are listed as ambiguous.
    """
    x = pd.to_numeric(values, errors="coerce").astype("float64")
    g = groups.astype("string").reindex(x.index)
    known = x.notna() & g.notna()
    small = known & (x > 0) & (x <= 1)
    out = x.copy()
    fractions: list = []
    ambiguous: list = []
    totals: dict[str, tuple[float, float]] = {}
    proven_any, contradicted = False, False
    for key, idx in x[known].groupby(g[known], sort=False).groups.items():
        v = x.loc[idx]
        s = small.loc[idx]
        typed = float(v.sum())
        as_fractions = float(v.where(~s, v * 100).sum())
        if as_fractions > 100 + tol:
            contradicted = True
        if not s.any():
            continue
        if _near(typed, tol):
            continue
        if _near(as_fractions, tol):
            proven_any = True
            fractions.extend(v.index[s.to_numpy()])
            totals[str(key)] = (typed, as_fractions)
        else:
            ambiguous.extend(v.index[s.to_numpy()])
            totals[str(key)] = (typed, as_fractions)
    whole = bool(known.any() and x[known].between(0, 1).all() and proven_any and not contradicted)
    if whole:
        fractions = list(x.index[small.to_numpy()])
        ambiguous = []
    fr = pd.Index(fractions)
    out.loc[fr] = x.loc[fr] * 100
    return ShareRead(out, fr, pd.Index(ambiguous), whole, totals)


@dataclass(frozen=True)
class ProportionRead:
    """A proportion's numbers on 0–1: ``values``; ``percent`` — index labels read as percentages
    (above 1 and at most 100, divided by 100); ``impossible`` — labels of values below 0 or above
    100, neither a share nor a percentage (NaN in ``values``)."""

    values: pd.Series
    percent: pd.Index
    impossible: pd.Index


def read_proportions(values: pd.Series) -> ProportionRead:
    """Each number of a proportion on 0–1 by itself: 0–1 as is, above 1 and at most 100 ÷ 100.

    A proportion can never be above 1, so a number in (1, 100] can only be a percentage (``80``
    beside 0.72); it is converted alone — never the whole series
    because its largest value is above 1, which would turn the fractions beside it into
    hundredths.  A number below 0 or above 100 is neither and becomes NaN (listed in
    ``impossible``).  NaN stays NaN.
    """
    x = pd.to_numeric(values, errors="coerce").astype("float64")
    pct = x.notna() & (x > 1) & (x <= 100)
    bad = x.notna() & ((x < 0) | (x > 100))
    out = x.where(~pct, x / 100).mask(bad)
    return ProportionRead(out, x.index[pct.to_numpy()], x.index[bad.to_numpy()])


def _proportion_ids(kpis: pd.DataFrame) -> set[str]:
    """The casefolded kpi_id of the KPIs whose kind is ``proportion``."""
    if not {"kpi_id", "kind"} <= set(kpis.columns):
        return set()
    return {kid.casefold() for kid, kind in zip(kpis["kpi_id"], kpis["kind"])
            if isinstance(kid, str) and isinstance(kind, str) and kind == "proportion"}  # a blank kind is pd.NA


def _check_percents(reads: Mapping[str, _SheetRead], col: _Collector, *, file: str) -> dict[str, pd.DataFrame]:
    """Channels' share_pct and proportion KPIs read on their scales; returns the replaced frames.

    Warnings: ``share_pct_fractions`` (the whole column was Excel fractions, read ×100),
    ``share_pct_fraction`` (one value proven a fraction by its service's total),
    ``share_pct_ambiguous`` (a value of at most 1 kept as typed, unproven), ``kpi_percent`` (a
    proportion KPI's target or value typed as a percentage, read ÷100).  Error:
    ``kpi_not_proportion`` (a proportion KPI's target or value below 0 or above 100).
    """
    out: dict[str, pd.DataFrame] = {}
    ch = reads.get("Channels")
    if ch is not None and not ch.frame.empty and "share_pct" in ch.frame.columns:
        frame = ch.frame
        where = dict(file=file, sheet="Channels", sheet_label=ch.sheet_label, column="share_pct",
                     column_label=ch.labels.get("share_pct"))
        r = read_shares(frame["share_pct"], frame["service_id"])
        if r.whole_column:
            first = r.fractions[0]
            col.warning("share_pct_fractions", **where, count=len(r.fractions), value=float(frame.at[first, "share_pct"]),
                        read=number_text(r.values.at[first]))
        else:
            for i in r.fractions:
                sid = str(frame.at[i, "service_id"])
                typed, read = r.totals[sid]
                col.warning("share_pct_fraction", **where, row=int(frame.at[i, "_row"]), value=float(frame.at[i, "share_pct"]),
                            read=number_text(r.values.at[i]), service=sid, typed_total=number_text(typed),
                            read_total=number_text(read))
        for i in r.ambiguous:
            sid = str(frame.at[i, "service_id"])
            typed, read = r.totals[sid]
            col.warning("share_pct_ambiguous", **where, row=int(frame.at[i, "_row"]), value=float(frame.at[i, "share_pct"]),
                        read=number_text(frame.at[i, "share_pct"] * 100), service=sid, typed_total=number_text(typed),
                        read_total=number_text(read))
        if r.changed:
            out["Channels"] = frame.assign(share_pct=r.values)
    kpis = reads.get("KPIs")
    ids = _proportion_ids(kpis.frame) if kpis is not None and not kpis.frame.empty else set()
    for sheet, column in (("KPIs", "target"), ("KPI values", "value")):
        read = reads.get(sheet)
        if not ids or read is None or read.frame.empty or column not in read.frame.columns:
            continue
        frame = read.frame
        mask = frame["kpi_id"].astype("string").str.casefold().isin(list(ids)).fillna(False).to_numpy()
        r = read_proportions(frame.loc[mask, column])
        _report_kpi(col, r, frame, column, file=file, sheet=sheet, read=read)
        if len(r.percent) or len(r.impossible):
            out[sheet] = frame.assign(**{column: frame[column].astype("float64").where(
                ~mask, r.values.reindex(frame.index))})
    return out


def _report_kpi(col: _Collector, r: ProportionRead, frame: pd.DataFrame, column: str, *, file: str, sheet: str,
                read: _SheetRead) -> None:
    where = dict(file=file, sheet=sheet, sheet_label=read.sheet_label, column=column,
                 column_label=read.labels.get(column))
    for i in r.percent:
        col.warning("kpi_percent", **where, row=int(frame.at[i, "_row"]), value=float(frame.at[i, column]),
                    kpi=str(frame.at[i, "kpi_id"]), read=f"{number_text(r.values.at[i])} ({number_text(r.values.at[i] * 100)}%)")
    for i in r.impossible:
        col.error("kpi_not_proportion", **where, row=int(frame.at[i, "_row"]), value=float(frame.at[i, column]),
                  kpi=str(frame.at[i, "kpi_id"]))

