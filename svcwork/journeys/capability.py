"""Grouped case measures: KPIs per service, channel or unit, and end-to-end time per month (capability).

Both read the per-case table of :func:`svcwork.journeys.analyse_log`; percentiles are numpy's linear
interpolation (Hyndman & Fan 1996, definition 7).  Small groups are not suppressed here: the result
and its presentation do that before anything is shown.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import AnalysisError
from ..i18n import t

__all__ = ["KPI_COLUMNS", "CAPABILITY_COLUMNS", "breakdown", "capability_table"]

#: The columns of :func:`breakdown` after the group column.
KPI_COLUMNS = ("cases", "median_days", "p90_days", "median_first_response_days", "sla_met", "closure_rate",
               "rework_rate", "handoffs_per_case", "repeat_contact_rate", "fcr")


def breakdown(cases: pd.DataFrame, by: str) -> pd.DataFrame:
    """Case KPIs per value of *by* (``service_id``, ``channel``, ``unit``, ``month`` …) from the per-case
    table of :func:`analyse_log`: cases, median and 90th-percentile end-to-end days, median first
    response, share within the deadline, closure, rework, hand-offs per case, repeat contact and FCR.
    Percentiles are numpy's linear interpolation (Hyndman & Fan 1996, definition 7).  Rows without a
    value of *by* are left out; small groups are NOT suppressed here (do it before showing).
    """
    if by not in cases.columns:
        raise AnalysisError(t("journeys.error.columns", "en", missing=by, found=", ".join(map(str, cases.columns))))
    frame = cases.loc[cases[by].notna()]
    if frame.empty:
        return pd.DataFrame(columns=[by, *KPI_COLUMNS])
    g = frame.groupby(by, sort=True, observed=True)
    out = pd.DataFrame({
        "cases": g.size(),
        "median_days": g["days"].median(),
        "p90_days": g["days"].quantile(0.9),
        "median_first_response_days": g["first_response_days"].median(),
        "sla_met": 1 - g["sla_breach"].mean(),
        "closure_rate": g["closed"].apply(lambda s: s.dropna().astype(float).mean() if s.notna().any() else np.nan),
        "rework_rate": g["rework"].mean(),
        "handoffs_per_case": g["handoffs"].mean(),
        "repeat_contact_rate": g["repeat"].apply(lambda s: s.dropna().astype(float).mean() if s.notna().any() else np.nan),
        "fcr": g["fcr"].apply(lambda s: s.dropna().astype(float).mean() if s.notna().any() else np.nan),
    })
    return out.reset_index().sort_values("cases", ascending=False, kind="stable", ignore_index=True)


#: The columns of :func:`capability_table` after the group column (if any).
CAPABILITY_COLUMNS = ("month", "cases", "median_days", "p90_days", "sla_met", "deadline_days")


def capability_table(cases: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """End-to-end time over time: per month of opening (and per value of *by*, e.g. ``service_id``,
    ``channel`` or ``unit``) the cases opened, the median and 90th percentile of their end-to-end days,
    the share within their deadline and the median deadline (days from opening to the case's deadline).

    Reads the per-case table of :func:`analyse_log`.  A capability chart drawn from percentiles, as
    for a non-normal quality characteristic (D. C. Montgomery, *Introduction to Statistical Quality
    Control*, 8th ed., 2019, §8.3.3); percentiles are numpy's linear interpolation (Hyndman & Fan
    1996, definition 7).  Rows without a value of *by* are left out; small groups are NOT suppressed
    here (do it before showing).
    """
    need = {"month", "days", "sla_breach", "start", "deadline"} | ({by} if by else set())
    if not need <= set(cases.columns):
        raise AnalysisError(t("journeys.error.columns", "en", missing=", ".join(sorted(need - set(cases.columns))),
                              found=", ".join(map(str, cases.columns))))
    keys = [by, "month"] if by else ["month"]
    frame = cases.loc[cases[by].notna()] if by else cases
    columns = [*([by] if by else []), *CAPABILITY_COLUMNS]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    frame = frame.assign(_deadline_days=(frame["deadline"] - frame["start"]) / pd.Timedelta(days=1))
    g = frame.groupby(keys, sort=True, observed=True)
    out = pd.DataFrame({
        "cases": g.size(),
        "median_days": g["days"].median(),
        "p90_days": g["days"].quantile(0.9),
        "sla_met": 1 - g["sla_breach"].mean(),
        "deadline_days": g["_deadline_days"].median(),
    }).reset_index()
    return out[columns]
