"""Service standards: the share of cases meeting the first-response and resolution standards.

Times per case come from the case-log engine :mod:`svcwork.caselog` (the same closure, first
response and resolution as the journeys section), each share with a Wilson interval.
"""

from __future__ import annotations

from typing import Collection, Mapping, Sequence

import numpy as np
import pandas as pd

from ..caselog import WAITING, case_times, channel_key, counting_open
from ..common import require_columns
from ..errors import AnalysisError
from ..privacy import hidden_cells
from ._base import what
from .intervals import wilson_interval

__all__ = ["CASE_MEASURES", "standards_share"]


#: The case measures a standard can set (from the case log).
CASE_MEASURES = ("first_response_days", "resolution_days")


def standards_share(cases: pd.DataFrame, standards: pd.DataFrame | None = None, *,
                    default_resolution_days: float | None = None, confidence: float = 0.95,
                    min_group_size: int = 1, end_activities: Sequence[str] | None = None,
                    response_activities: Sequence[str] | None = None,
                    hidden: Mapping[str, Collection[object]] | None = None) -> pd.DataFrame:
    """Share of cases meeting each first-response / resolution standard, with a Wilson interval.

    Per case, the times of the case-log engine (:mod:`svcwork.caselog`, the same as the journeys
    section): first-response days = from the first event to the first later response activity
    (*response_activities*; by default the second event: the first thing that happened after the
    citizen's contact); resolution days = from the first event to the end of the last one of a
    *closed* case (an activity named like "closed"/"נסגר" or in *end_activities*, or an
    ``outcome``; an ``end_timestamp`` is the end of an activity and closes a case only in a
    one-row-per-case export).  An open case still without a resolution — or without a first response —
    counts as not met once it is older than the target at the log's last timestamp; one still within
    the target is not decided yet and is left out (column ``pending``).  ``median_days`` is the median
    counting those still waiting (Kaplan–Meier, the journeys section's end-to-end median: a case still
    waiting is censored at its age; rules 4 and 8 of :mod:`svcwork.caselog`).  When the log shows no
    closure at all, every case with two events or more is taken as resolved at the end of its last
    event.  A closed case without a first response has none (left out).  A standard row applies to cases of its service and channel (``*`` = all).  When no
    resolution standard is given, *default_resolution_days* (the engagement's ``sla_days``) is used
    for all services.  Standards on other measures (seconds to answer, KPIs) cannot be checked from
    a case log and are skipped.  Rows with fewer than *min_group_size* cases are dropped, and with them,
    within a standard checked for all channels (``*``) and per channel, the smallest other channel when the
    channels dropped could be recovered from the ``*`` row (:func:`_hidden_rows`).

    The services and channels whose case counts the report hides (*hidden*: ``{"service_id": …,
    "channel": …}``, :meth:`svcwork.journeys.JourneysResult.hidden_groups`; by default computed from
    *cases*, :func:`svcwork.journeys.analysis.hidden_groups_of_events`) are left out whole: every row of a
    hidden service (its cases decided and still within the target add up to its case count, its median
    is the one the case measures hide) and every row of a hidden channel — each then taking another
    channel of its commitment with it, as a row under the minimum does.
    """
    require_columns(cases, ["case_id", "timestamp"], what("standards_cases"))
    if "activity" not in cases.columns:  # a log of case ids and times only: no activity can close a case
        cases = cases.assign(activity="")
    usable = cases[["case_id", "activity", "timestamp"]].notna().all(axis=1).any()
    times = (case_times(cases, end_activities=end_activities, response_activities=response_activities)
             if usable else pd.DataFrame(columns=["service_id", "channel", *CASE_MEASURES, *WAITING.values()]))
    st = (standards if standards is not None else pd.DataFrame(columns=["service_id", "measure", "target", "channel"]))
    require_columns(st, ["service_id", "measure", "target"], what("standards_sheet"))
    st = st.copy()
    if "channel" not in st.columns:
        st["channel"] = "*"
    st = st[st["measure"].isin(CASE_MEASURES)]
    if default_resolution_days is not None and not (st["measure"] == "resolution_days").any():
        st = pd.concat([st, pd.DataFrame([{"service_id": "*", "measure": "resolution_days",
                                           "target": float(default_resolution_days), "channel": "*",
                                           "default": True}])], ignore_index=True)
    rows = []
    for _, s in st.iterrows():
        sid = s["service_id"] if isinstance(s["service_id"], str) else "*"
        ch = s["channel"] if isinstance(s["channel"], str) and s["channel"] else "*"
        scope = pd.Series(True, index=times.index)
        if sid.strip() != "*":
            scope &= times["service_id"].astype("string").str.casefold() == sid.casefold()
        if ch != "*":
            scope &= times["channel"].astype("string") == ch
        target = float(s["target"])
        vals = times.loc[scope & times[s["measure"]].notna(), s["measure"]]
        age = times.loc[scope, WAITING[s["measure"]]].dropna()  # open cases not closed / not answered yet
        late_open, pending = int((age > target).sum()), int((age <= target).sum())
        median = _median_counting_open(times.loc[scope], s["measure"])
        met = int((vals <= target).sum())
        rows.append({"service_id": sid, "channel": ch, "measure": s["measure"], "target": target,
                     "n": int(len(vals)) + late_open, "met": met, "pending": pending,
                     "median_days": median, "default": bool(s.get("default", False) is True)})
    columns = ["service_id", "channel", "measure", "target", "n", "met", "share", "low", "high", "pending",
               "median_days", "default"]
    if not rows:
        return pd.DataFrame(columns=columns)
    out = pd.DataFrame(rows)
    ci = wilson_interval(out["met"].to_numpy(float), out["n"].to_numpy(float), confidence)
    out["share"], out["low"], out["high"] = np.atleast_1d(ci.value), np.atleast_1d(ci.low), np.atleast_1d(ci.high)
    out = out[out["n"] > 0][columns].reset_index(drop=True)
    if hidden is None:
        from ..journeys.analysis import hidden_groups_of_events  # the journeys section's rule (it imports us)

        try:
            hidden = (hidden_groups_of_events(cases, min_group_size, end_activities=end_activities)
                      if int(min_group_size) > 1 and usable else {})
        except AnalysisError:  # a log the journeys section cannot analyse: it shows no case count to protect
            hidden = {}
    return out.loc[~_hidden_rows(out, max(min_group_size, 1), _of_hidden_groups(out, hidden))].reset_index(drop=True)


def _of_hidden_groups(out: pd.DataFrame, hidden: Mapping[str, Collection[object]]) -> np.ndarray:
    """The rows of a standards table that name a hidden service or channel (*hidden*, by dimension)."""
    services = {str(g).strip().casefold() for g in hidden.get("service_id", ())}
    channels = {channel_key(str(g)) for g in hidden.get("channel", ())}
    if out.empty or not (services or channels):
        return np.zeros(len(out), bool)
    sid = out["service_id"].astype(str).str.strip().str.casefold()
    ch = [str(c) for c in out["channel"]]
    return ((sid != "*") & sid.isin(services)).to_numpy(dtype=bool) | np.array(
        [c != "*" and channel_key(c) in channels for c in ch], dtype=bool)


def _hidden_rows(out: pd.DataFrame, min_size: int, hidden: np.ndarray | None = None) -> np.ndarray:
    """The rows of a standards table not to show: fewer than *min_size* cases decided (primary), and the
    house rule of secondary suppression (:func:`svcwork.privacy.hidden_cells`) within each commitment
    checked for all channels (``*``) and per channel: the ``*`` row is the channels' margin (cases
    decided, and cases within the target: its share × its cases), so when one channel is hidden the
    smallest other is hidden too, and a channel hidden is never the ``*`` row less the channels shown.
    A row is hidden whole (cases, share, interval, median).  A commitment without a ``*`` row has no
    margin in the table: primary suppression only.  *hidden*: rows hidden already (a hidden service's or
    channel's), each a hidden row of its commitment."""
    if out.empty:
        return np.zeros(0, bool)
    key = ["service_id", "measure", "target"]
    pooled = out.assign(_all=out["channel"].astype(str) == "*").groupby(key, sort=False, dropna=False)["_all"]
    has_margin = pooled.transform("any").to_numpy(dtype=bool)
    commitment = out.groupby(key, sort=False, dropna=False).ngroup().to_numpy()
    # one slice per commitment with a "*" row; every other row a slice of its own (nothing to subtract from)
    slices = pd.DataFrame({"channel": out["channel"].astype(str).to_numpy(), "n": out["n"].to_numpy(dtype=float),
                           "slice": np.where(has_margin, commitment, -1 - np.arange(len(out)))})
    return hidden_cells(slices, ("channel",), min_size, count="n", within=("slice",), hidden=hidden)


def _median_counting_open(times: pd.DataFrame, measure: str) -> float:
    """The median of *measure* (resolution or first-response days) counting the cases still open without
    it (Kaplan–Meier, as the journeys section's end-to-end times: :mod:`svcwork.journeys.survival`): a case
    at its time, an open case still waiting censored at its age (:func:`~svcwork.caselog.counting_open`, rules 4 and 8 of
    :mod:`svcwork.caselog`); NaN when more than half are still waiting at the longest time."""
    from ..journeys.survival import km_quantiles

    return km_quantiles(*counting_open(times, measure), (0.5,))[0]
