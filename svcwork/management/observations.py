"""Observation scores: mean with a Student-t interval per item / unit / observer / employee, trends, coaching focus.

Groups with fewer different employees than ``min_size`` are dropped
(:func:`svcwork.privacy.suppress`) before anything else sees them; organisation-wide tables
use only the publishable observations (:func:`publishable_observations`).  Trends are ordinary
least-squares slopes per period (scipy ``linregress``) with their t intervals.
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np
import pandas as pd

from ..common import require_columns
from ..errors import AnalysisError
from ..i18n import fmt_number, t
from ..privacy import suppress
from ._base import SCALE, _check_alpha, _check_min_size, _check_period, _float, _t_interval, _text
from .items import _canonical_items

__all__ = ["observation_scores", "observer_scores", "publishable_observations", "observation_trend", "coaching_focus"]


def _prepare_observations(observations: pd.DataFrame) -> pd.DataFrame:
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
    return obs.dropna(subset=["date", "unit", "item", "score"]).reset_index(drop=True)


def observation_scores(observations: pd.DataFrame, *, by: Sequence[str], min_size: int,
                       alpha: float = 0.05) -> pd.DataFrame:
    """Mean observation score with a Student-t interval per group of *by* columns.

    *by* may name ``unit``, ``item``, ``observer`` and ``employee_code`` (pseudonymised by the
    loader).  Columns: the *by* columns, ``n`` (scores), ``employees``, ``mean``, ``sd``, ``low``,
    ``high``.  A group is the people in it: groups with fewer than *min_size* different employees
    are dropped (never returned); per employee, rows with fewer than *min_size* scores.
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
    out = out.reset_index()
    out["low"], out["high"] = _t_interval(out["mean"], out["sd"], out["n"], alpha)
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
    cells with fewer than *min_size* different employees are dropped.
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
    out = out.reset_index()
    out["low"], out["high"] = _t_interval(out["mean"], out["sd"], out["n"], alpha)
    out = suppress(out, count="employees", min_size=min_size)
    return out[cols].reset_index(drop=True)


def _slope(x: np.ndarray, y: np.ndarray, alpha: float) -> tuple[float | None, float | None, float | None]:
    """OLS slope of *y* on *x* with its t interval (scipy ``linregress``); None when undefined."""
    from scipy import stats

    if len(np.unique(x)) < 2 or len(x) < 3:
        return None, None, None
    res = stats.linregress(x, y)
    q = stats.t.ppf(1 - alpha / 2, len(x) - 2)
    if not math.isfinite(res.stderr):
        return _float(res.slope), None, None
    return _float(res.slope), _float(res.slope - q * res.stderr), _float(res.slope + q * res.stderr)


def coaching_focus(observations: pd.DataFrame, *, period: str = "M", top: int = 3, min_size: int,
                   alpha: float = 0.05) -> pd.DataFrame:
    """The items each unit most needs to coach: lowest and falling.

    Per unit and item (scored on at least *min_size* different employees): mean score, the trend as an OLS slope
    in score points per period with its interval, and ``falling`` when the whole interval is
    below zero.  Items are ranked within the unit: significantly falling items first, then by
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
    rows = []
    for (unit, item), grp in obs.groupby(["unit", "item"], sort=True, observed=True):
        n = int(grp["score"].count())
        if grp["employee_code"].nunique() < min_size:
            continue
        slope, lo, hi = _slope(grp["_ord"].to_numpy(dtype=float), grp["score"].to_numpy(dtype=float), alpha)
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
