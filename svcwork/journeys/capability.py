"""Grouped case measures: KPIs per service, channel or unit, and end-to-end time per month (capability).

Both read the per-case table of :func:`svcwork.journeys.analyse_log`.  End-to-end time counts the
cases still open: its median and 90th percentile are Kaplan–Meier estimates
(:mod:`svcwork.journeys.survival`), NaN where more than half (a tenth) of a group's cases are still
open at the longest time observed.  The share within the deadline leaves out the cases not decided
yet (open, deadline not passed: rule 7 of :mod:`svcwork.caselog`); by month of opening, a month
with such cases has no share yet (its cohort is not complete).  Small groups are not suppressed
here: the result and its presentation do that before anything is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..caselog import counting_open
from ..errors import AnalysisError
from ..i18n import t
from ..privacy import shown
from .survival import km_by

if TYPE_CHECKING:
    from pandas.core.groupby import DataFrameGroupBy

__all__ = ["KPI_COLUMNS", "CAPABILITY_COLUMNS", "breakdown", "capability_table"]

#: The columns of :func:`breakdown` after the group column.
KPI_COLUMNS = ("cases", "median_days", "p90_days", "median_first_response_days", "sla_met", "closure_rate",
               "rework_rate", "handoffs_per_case", "repeat_contact_rate", "fcr")


#: The per-case column each measure of :func:`breakdown` is computed from (its base: the group's cases
#: where that column is known); the end-to-end times count every case of the group whose time the log
#: tells (all of them, but for a single-event case of a log without closure: rule 5 of svcwork.caselog); the
#: first response counts the cases answered and those still waiting (``response_days``: rule 4).
MEASURE_SOURCE = {"median_days": "time_days", "p90_days": "time_days",
                  "median_first_response_days": "response_days", "sla_met": "sla_breach", "closure_rate": "closed",
                  "rework_rate": "rework", "handoffs_per_case": "handoffs", "repeat_contact_rate": "repeat",
                  "fcr": "fcr"}


def _known_mean(g: DataFrameGroupBy, column: str) -> pd.Series:
    """Per group, the mean of *column*'s known values (a share for True/False; NaN when none is known)."""
    return g[column].mean().astype("float64")


def _columns_needed(cases: pd.DataFrame, need: set[str]) -> None:
    if not need <= set(cases.columns):
        raise AnalysisError(t("journeys.error.columns", "en", missing=", ".join(sorted(need - set(cases.columns))),
                              found=", ".join(map(str, cases.columns))))


def breakdown(cases: pd.DataFrame, by: str, *, min_size: int | None = None) -> pd.DataFrame:
    """Case KPIs per value of *by* (``service_id``, ``channel``, ``unit``, ``month`` …) from the per-case
    table of :func:`analyse_log`: cases, median and 90th-percentile end-to-end days counting the cases
    still open (Kaplan–Meier, :func:`~svcwork.journeys.survival.km_quantiles`), median first response
    counting the cases still waiting for one (Kaplan–Meier too: rule 4 of :mod:`svcwork.caselog`),
    share within the deadline (cases decided: pending ones left out), closure, rework, hand-offs per
    case, repeat contact and FCR.  Rows without a value of *by* are left out; small groups are NOT
    suppressed here (do it before showing).  With *min_size*, each measure whose base — the group's
    cases where its column is known (:data:`MEASURE_SOURCE`: the repeat share and FCR count only the
    cases with a known citizen, the deadline share only the cases decided) — is under *min_size* is
    NaN (the section's rule, :func:`svcwork.privacy.shown`).
    """
    _columns_needed(cases, {by})
    frame = cases.loc[cases[by].notna()]
    if frame.empty:
        return pd.DataFrame(columns=[by, *KPI_COLUMNS])
    response_days, responded = counting_open(frame, "first_response_days")  # rule 4 of svcwork.caselog
    frame = frame.assign(response_days=response_days, responded=responded)
    g = frame.groupby(by, sort=True, observed=True)
    times = km_by(frame, by)
    responses = km_by(frame, by, days="response_days", finished="responded", probs=(0.5,), names=("median",))
    out = pd.DataFrame({
        "cases": g.size(),
        "median_days": times["median_days"],
        "p90_days": times["p90_days"],
        "median_first_response_days": responses["median"],
        "sla_met": 1 - _known_mean(g, "sla_breach"),
        "closure_rate": _known_mean(g, "closed"),
        "rework_rate": _known_mean(g, "rework"),
        "handoffs_per_case": g["handoffs"].mean(),
        "repeat_contact_rate": _known_mean(g, "repeat"),
        "fcr": _known_mean(g, "fcr"),
    })
    if min_size is not None:
        for column, source in MEASURE_SOURCE.items():
            out[column] = out[column].where(shown(g[source].count(), min_size))
    return out.reset_index().sort_values("cases", ascending=False, kind="stable", ignore_index=True)


#: The columns of :func:`capability_table` after the group column (if any).
CAPABILITY_COLUMNS = ("month", "cases", "open", "median_days", "p90_days", "sla_met", "deadline_days")


def capability_table(cases: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """End-to-end time over time: per month of opening (and per value of *by*, e.g. ``service_id``,
    ``channel`` or ``unit``) the cases opened, how many are still open, the median and 90th percentile
    of their end-to-end days counting the open ones (Kaplan–Meier; NaN while not estimable), the share
    within their deadline — only for a month whose every case is decided (closed, or open past its
    deadline), NaN while any is pending — and the median deadline (days from opening to the case's
    deadline).

    Reads the per-case table of :func:`analyse_log`.  Median and p90 are read from the cohort's
    Kaplan–Meier curve, so a recent month whose slow cases are still open shows a blank, never a
    spurious fall (a month's cases that have not finished are the slow ones).  A capability chart
    drawn from percentiles, as for a non-normal quality characteristic (D. C. Montgomery,
    *Introduction to Statistical Quality Control*, 8th ed., 2019, §8.3.3).  Rows without a value of
    *by* are left out; small groups are NOT suppressed here (do it before showing).
    """
    _columns_needed(cases, {"month", "time_days", "finished", "pending", "closed", "sla_breach", "start", "deadline"}
             | ({by} if by else set()))
    keys = [by, "month"] if by else ["month"]
    frame = cases.loc[cases[by].notna()] if by else cases
    columns = [*([by] if by else []), *CAPABILITY_COLUMNS]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    frame = frame.assign(_deadline_days=(frame["deadline"] - frame["start"]) / pd.Timedelta(days=1),
                         _open=frame["closed"].notna() & ~frame["closed"].fillna(True).astype(bool))
    g = frame.groupby(keys, sort=True, observed=True)
    met = 1 - _known_mean(g, "sla_breach")
    complete = ~g["pending"].any()
    times = km_by(frame, keys)
    still_open = pd.array(g["_open"].sum().to_numpy(dtype=np.int64), dtype="Int64")
    if not frame["closed"].notna().any():  # the log records no closure: which cases are open is unknown
        still_open[:] = pd.NA
    out = pd.DataFrame({
        "cases": g.size(),
        "open": pd.Series(still_open, index=met.index),
        "median_days": times["median_days"],
        "p90_days": times["p90_days"],
        "sla_met": met.where(complete),
        "deadline_days": g["_deadline_days"].median(),
    }).reset_index()
    return out[columns]
