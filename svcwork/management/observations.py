"""Observation scores: mean with its interval per item / unit / observer / employee, trends, coaching focus.

Scores are clustered: one employee is observed in many sessions, and several items are scored in
each session on the same employee, so scores of one employee are not independent.  A mean over
several employees' scores (per item, unit × item, observer, period) has the cluster-robust
interval, clusters = employees: intercept-only least squares with the CR1 variance and a t
quantile with G − 1 degrees of freedom, G the employees in the group (A. C. Cameron & D. L.
Miller, "A Practitioner's Guide to Cluster-Robust Inference", *Journal of Human Resources* 50(2),
2015; :func:`svcwork.management._base._cluster_interval`).  A mean of one employee's scores (the
table by employee) keeps the Student-t interval over those scores.

Groups with fewer different employees than ``min_size`` are dropped
(:func:`svcwork.privacy.suppress`) before anything else sees them; organisation-wide tables
use only the publishable observations (:func:`publishable_observations`).  Trends are ordinary
least-squares slopes per period with their cluster-robust (CR1, G − 1 degrees of freedom)
intervals, clusters = employees (:func:`svcwork.management._base._cluster_slope`).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from ..common import require_columns
from ..errors import AnalysisError
from ..i18n import fmt_number, t
from ..privacy import suppress
from ._base import (SCALE, _check_alpha, _check_min_size, _check_period, _cluster_codes, _cluster_interval,
                    _cluster_slope, _t_interval, _text)
from .items import _canonical_items

__all__ = ["observation_scores", "observer_scores", "publishable_observations", "observation_trend", "coaching_focus"]


def _prepare_observations(observations: pd.DataFrame) -> pd.DataFrame:
    """The observations as typed frames, the rows that cannot be used left out: no date, unit, item or score,
    or no employee code — a score of nobody known is neither one of a group's people (suppression counts
    them) nor in a cluster of the interval (the intake requires the code; this holds for the Python API)."""
    require_columns(observations, ("date", "unit", "observer", "employee_code", "item", "score"), "Observations")
    obs = pd.DataFrame({
        "date": pd.to_datetime(observations["date"], errors="coerce"),
        "unit": _text(observations["unit"]),
        "observer": _text(observations["observer"]),
        "employee_code": _text(observations["employee_code"]),
        "item": _canonical_items(observations["item"]),
        "score": pd.to_numeric(observations["score"], errors="coerce").astype("float64"),
    })
    if "_row" in observations.columns:
        obs["_row"] = observations["_row"].to_numpy()
    else:
        obs["_row"] = np.arange(len(obs))
    if len(obs) and obs["date"].dt.tz is not None:
        obs["date"] = obs["date"].dt.tz_localize(None)
    bad = obs["score"].notna() & ~obs["score"].isin(SCALE)
    if bad.any():
        found = ", ".join(sorted({fmt_number(v, digits=2) for v in obs.loc[bad, "score"]})[:5])
        raise AnalysisError(t("management.error.scores", "en", lo=SCALE[0], hi=SCALE[-1], found=found))
    return obs.dropna(subset=["date", "unit", "employee_code", "item", "score"]).reset_index(drop=True)


def observation_scores(observations: pd.DataFrame, *, by: Sequence[str], min_size: int,
                       alpha: float = 0.05) -> pd.DataFrame:
    """Mean observation score with its interval per group of *by* columns.

    *by* may name ``unit``, ``item``, ``observer`` and ``employee_code`` (pseudonymised by the
    loader).  Columns: the *by* columns, ``n`` (scores), ``employees``, ``mean``, ``sd``, ``low``,
    ``high``.  A group is the people in it: groups with fewer than *min_size* different employees
    are dropped (never returned); per employee, rows with fewer than *min_size* scores.

    The interval: clustered by employee (CR1, t with G − 1 degrees of freedom, G the employees in
    the group; Cameron & Miller 2015 — :func:`~svcwork.management._base._cluster_interval`), NaN
    where G < 2; where *by* names ``employee_code`` (one employee per group) the Student-t interval
    over the employee's scores, NaN where n < 2.
    """
    min_size, alpha = _check_min_size(min_size), _check_alpha(alpha)
    by = list(by)
    if not by or any(b not in ("unit", "item", "observer", "employee_code") for b in by):
        raise AnalysisError(t("management.error.by", "en", found=repr(by)))
    obs = _prepare_observations(observations)
    cols = [*by, "n", "employees", "mean", "sd", "low", "high"]
    obs = obs.dropna(subset=by)
    if obs.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in cols})
    g = obs.groupby(by, sort=True, observed=True)
    out = g["score"].agg(n="count", mean="mean", sd="std")
    out["employees"] = g["employee_code"].nunique()
    if "employee_code" in by:  # one employee: independent scores within the one cluster
        out["low"], out["high"] = _t_interval(out["mean"], out["sd"], out["n"], alpha)
    else:
        out[["low", "high"]] = _cluster_interval(obs, by, alpha)[["low", "high"]].reindex(out.index)
    out = out.reset_index()
    out = suppress(out, count="n" if "employee_code" in by else "employees", min_size=min_size)
    return out[cols].reset_index(drop=True)


def publishable_observations(observations: pd.DataFrame, *, min_size: int) -> pd.DataFrame:
    """The observations that may enter any aggregate: those in unit × item cells of at least
    *min_size* different employees.

    Organisation-wide tables (by item, by observer, trends) are computed from these rows only,
    so that no suppressed cell — a small team, or an item scored on few people — can be
    recovered by subtracting the shown cells from a total (primary suppression plus this
    restriction; remaining cells by period are suppressed on their own).  The table by observer
    adds secondary suppression (:func:`observer_scores`): its rows partition these rows, whose
    total the table by item shows.
    """
    min_size = _check_min_size(min_size)
    obs = _prepare_observations(observations)
    if obs.empty:
        return obs
    people = obs.groupby(["unit", "item"], observed=True)["employee_code"].transform("nunique")
    return obs[people >= min_size].reset_index(drop=True)


def observer_scores(observations: pd.DataFrame, *, min_size: int, alpha: float = 0.05) -> pd.DataFrame:
    """:func:`observation_scores` by observer, with secondary suppression (Hundepool et al. 2012, §4.2).

    Pass the publishable observations (:func:`publishable_observations`): their total (count and
    mean) is what the organisation-wide tables show, e.g. the table by item, so the observer rows
    not shown can be recovered by subtracting the shown rows from it.  Observers who scored fewer
    than *min_size* different employees are hidden (primary suppression), rows without an observer
    are never shown; then, while the hidden rows taken together were scored on more than 0 but
    fewer than *min_size* different employees, the smallest shown observer (fewest employees,
    then fewest scores, then name) is hidden too — the house rule of the survey tables
    (:func:`svcwork.measures.survey._hide`).  What can be recovered by subtraction is then the
    pooled hidden rows only, scored on at least *min_size* people (or nothing).  Columns as
    :func:`observation_scores` with ``by=["observer"]``.
    """
    min_size = _check_min_size(min_size)
    out = observation_scores(observations, by=["observer"], min_size=min_size, alpha=alpha)
    if not len(out):
        return out
    obs = _prepare_observations(observations)
    shown = set(out["observer"])
    while shown:
        hidden = obs[~obs["observer"].isin(shown) | obs["observer"].isna()]
        if hidden.empty or hidden["employee_code"].nunique() >= min_size:
            break
        rest = out[out["observer"].isin(shown)].sort_values(["employees", "n", "observer"])
        shown.discard(rest["observer"].iat[0])
    return out[out["observer"].isin(shown)].reset_index(drop=True)


def _period_index(dates: pd.Series, period: str) -> tuple[pd.Series, pd.Series]:
    """Period labels (``2026-03`` / ``2026Q1``) and integer ordinals (for slopes)."""
    per = dates.dt.to_period(period)
    return per.astype(str), pd.Series(per.array.asi8, index=dates.index, dtype="int64")


def observation_trend(observations: pd.DataFrame, *, period: str = "M", by: Sequence[str] = ("unit", "item"),
                      min_size: int, alpha: float = 0.05) -> pd.DataFrame:
    """Mean score per period (month ``M`` or quarter ``Q``) and group; small cells dropped.

    Columns: ``period``, the *by* columns, ``n``, ``employees``, ``mean``, ``low``, ``high``;
    cells with fewer than *min_size* different employees are dropped.  The interval of each cell is
    clustered by employee as in :func:`observation_scores` (CR1, t with G − 1 degrees of freedom;
    Cameron & Miller 2015); NaN where the cell holds fewer than 2 employees.
    """
    period, min_size, alpha = _check_period(period), _check_min_size(min_size), _check_alpha(alpha)
    by = list(by)
    obs = _prepare_observations(observations)
    cols = ["period", *by, "n", "employees", "mean", "low", "high"]
    if obs.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in cols})
    obs["period"], obs["_ord"] = _period_index(obs["date"], period)
    g = obs.groupby(["_ord", "period", *by], sort=True, observed=True)
    out = g["score"].agg(n="count", mean="mean", sd="std")
    out["employees"] = g["employee_code"].nunique()
    if "employee_code" in by:
        out["low"], out["high"] = _t_interval(out["mean"], out["sd"], out["n"], alpha)
    else:
        ci = _cluster_interval(obs, ["_ord", "period", *by], alpha)
        out[["low", "high"]] = ci[["low", "high"]].reindex(out.index)
    out = out.reset_index()
    out = suppress(out, count="employees", min_size=min_size)
    return out[cols].reset_index(drop=True)


def coaching_focus(observations: pd.DataFrame, *, period: str = "M", top: int = 3, min_size: int,
                   alpha: float = 0.05) -> pd.DataFrame:
    """The items each unit most needs to coach: lowest and falling.

    Per unit and item (scored on at least *min_size* different employees): mean score, the trend as an OLS slope
    in score points per period with its interval, and ``falling`` when the whole interval is
    below zero.  The interval is cluster-robust, clusters = employees (an employee's scores over
    the periods are not independent): CR1 with a t quantile on G − 1 degrees of freedom, G the
    employees scored on the item in the unit (Cameron & Miller 2015;
    :func:`~svcwork.management._base._cluster_slope`); None with fewer than 2 employees.
    Items are ranked within the unit: significantly falling items first, then by
    mean score (lowest first), then by slope; ``focus`` marks the first *top*.
    Columns: ``unit``, ``item``, ``n``, ``mean``, ``slope``, ``slope_low``, ``slope_high``,
    ``falling``, ``rank``, ``focus``.
    """
    period, min_size, alpha = _check_period(period), _check_min_size(min_size), _check_alpha(alpha)
    if not isinstance(top, (int, np.integer)) or top < 1:
        raise AnalysisError(t("management.error.top", "en", found=repr(top)))
    obs = _prepare_observations(observations)
    cols = ["unit", "item", "n", "mean", "slope", "slope_low", "slope_high", "falling", "rank", "focus"]
    if obs.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in cols})
    _, obs["_ord"] = _period_index(obs["date"], period)
    obs["_cluster"] = _cluster_codes(obs, "employee_code")
    rows = []
    for (unit, item), grp in obs.groupby(["unit", "item"], sort=True, observed=True):
        n = int(grp["score"].count())
        if grp["employee_code"].nunique() < min_size:
            continue
        slope, lo, hi = _cluster_slope(grp["_ord"].to_numpy(dtype=float), grp["score"].to_numpy(dtype=float),
                                       grp["_cluster"].to_numpy(), alpha)
        rows.append({"unit": unit, "item": item, "n": n, "mean": float(grp["score"].mean()), "slope": slope,
                     "slope_low": lo, "slope_high": hi, "falling": bool(hi is not None and hi < 0)})
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in cols})
    out = pd.DataFrame(rows)
    out["_sort_slope"] = out["slope"].astype("float64").fillna(0.0)
    out = out.sort_values(["unit", "falling", "mean", "_sort_slope", "item"], ascending=[True, False, True, True, True])
    out["rank"] = out.groupby("unit").cumcount() + 1
    out["focus"] = out["rank"] <= top
    return out[cols].reset_index(drop=True)
