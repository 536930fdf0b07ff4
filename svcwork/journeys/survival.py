"""End-to-end time counting the cases still open: Kaplan–Meier quantiles, whole log and per group.

A case still open has not finished; its end-to-end time is only known to exceed its age.  Leaving
it out, or counting it up to its last event, makes recent months look faster than they are (the
cases that take long are the ones still open).  The product-limit estimate of E. L. Kaplan &
P. Meier ("Nonparametric estimation from incomplete observations", *JASA* 53, 1958) counts them:
each open case is at risk of closing until its age at the log's as-of time, then right-censored
(rule 8 of :mod:`svcwork.caselog`, :func:`~svcwork.caselog.closure_times`).

The survival curve is statsmodels' :class:`~statsmodels.duration.survfunc.SurvfuncRight` (a
maintained implementation).  The *p*-quantile is the smallest observed time at which the estimated
share still open, S(t), is at most 1 − *p* (J. P. Klein & M. L. Moeschberger, *Survival Analysis*,
2nd ed., 2003, §4.5; lifelines' ``qth_survival_time`` reads the curve the same way).  statsmodels'
own ``quantile`` asks for S(t) *strictly* below 1 − *p*, and its running product lands a hair
either side of an exact 0.5 (twelve cases closed on days 1 … 12: S(6) = 0.4999…), so the step
is read here with a tolerance of 1e-10 instead.  With no case open the quantile is the inverse
of the empirical distribution function (Hyndman & Fan 1996, definition 1; numpy's
``method="inverted_cdf"``).  When S(t) never falls that low — more than 1 − *p* of the cases are
still open at the longest time observed — the quantile is not estimable yet and is NaN: tables
leave it blank rather than show a number that will only grow.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

__all__ = ["km_quantiles", "km_by", "QUANTILES"]

#: The quantiles of end-to-end time every table and figure shows: the median and the 90th percentile.
QUANTILES = (0.5, 0.9)
#: How close to 1 − p the estimated share still open may be and count as reaching it (rounding of a running product).
_TOL = 1e-10


def km_quantiles(days: Sequence[float] | np.ndarray, finished: Sequence[bool] | np.ndarray,
                 probs: Sequence[float] = QUANTILES) -> tuple[float, ...]:
    """Kaplan–Meier quantiles of end-to-end *days* (``finished`` False: still open, censored there).

    Missing times are left out; NaN for a quantile not reached (more than ``1 - p`` still open at
    the longest time observed) and for no case at all.
    """
    from statsmodels.duration.survfunc import SurvfuncRight

    t = np.asarray(days, dtype=float)
    e = np.asarray(finished, dtype=bool)
    ok = np.isfinite(t)
    t, e = t[ok], e[ok]
    if not len(t) or not e.any():
        return tuple(float("nan") for _ in probs)
    sf = SurvfuncRight(t, e.astype(np.int64))
    times, surv = np.asarray(sf.surv_times, dtype=float), np.asarray(sf.surv_prob, dtype=float)
    out = []
    for p in probs:
        hit = np.flatnonzero(surv <= 1.0 - p + _TOL)
        out.append(float(times[hit[0]]) if len(hit) else float("nan"))
    return tuple(out)


def km_by(frame: pd.DataFrame, keys: str | Sequence[str], *, days: str = "time_days", finished: str = "finished",
          probs: Sequence[float] = QUANTILES, names: Sequence[str] = ("median_days", "p90_days")) -> pd.DataFrame:
    """:func:`km_quantiles` per group of *keys* (rows without a key left out): one row per group,
    indexed by *keys* as :meth:`pandas.DataFrame.groupby` (sorted, observed) indexes it, one column per
    quantile (*names*)."""
    keys = [keys] if isinstance(keys, str) else list(keys)
    by = keys if len(keys) > 1 else keys[0]
    g = frame.groupby(by, sort=True, observed=True)
    if frame.empty or not g.ngroups:
        return pd.DataFrame({n: pd.Series(dtype="float64") for n in names})
    # each group's rows, in the groups' order (sorted once; no per-group frame: pandas' apply cost 3x the estimates)
    code = g.ngroup().to_numpy(dtype=float)  # NaN for a row without a key: left out, as groupby leaves it
    keep = np.flatnonzero(~np.isnan(code))
    code = code[keep].astype(np.int64)
    order = keep[np.argsort(code, kind="stable")]
    bounds = np.cumsum(np.bincount(code, minlength=g.ngroups))[:-1]
    t = frame[days].iloc[order].to_numpy(dtype=float)  # only the rows with a key, as the groups hold them
    e = frame[finished].iloc[order].to_numpy(dtype=bool)
    rows = [km_quantiles(tg, eg, probs) for tg, eg in zip(np.split(t, bounds), np.split(e, bounds))]
    return pd.DataFrame(rows, index=g.size().index, columns=list(names), dtype="float64")
