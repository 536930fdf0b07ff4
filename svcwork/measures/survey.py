"""Grouped survey tables: items and NPS per group, with intervals, stability flags and suppression.

* :func:`item_table` — OMB Circular A-11 §280 post-transaction items (5-point agreement) and CES
  (1–7), per group (unit, channel, service, wave, month or any crossing): the share agreeing
  (top-2-box, 4–5; 5–7 on CES) with a Wilson interval, the mean on a 0–100 scale with a Student-t
  interval, the response count and an *unstable* flag (NCHS data presentation standards for
  proportions, Parker et al. 2017: effective n < 30 or an interval wider than 30 points).
  Everything is computed with one pass of :func:`numpy.bincount` per item: a million responses
  take well under a second.
* :func:`nps_table` — NPS per group (Rocks' adjusted-Wald interval, see :func:`~svcwork.measures.nps`).
* Groups below ``min_group_size`` are suppressed, with secondary suppression so a hidden group
  cannot be recovered by subtraction from a margin (Hundepool et al. 2012, *Statistical Disclosure
  Control*, §4.2; :func:`svcwork.privacy.hide`, imported here as ``_hide``).
* :func:`compare_groups` (each unit against all other units) and :func:`compare_waves` (each wave
  against the one before), both with Newcombe intervals; a difference is coloured only when the
  interval excludes zero.
* :func:`wave_change` — the change over the whole period: the last wave against the first (Newcombe
  interval for the share agreeing, Welch interval for the mean score) and the Cochran–Armitage
  trend test across all the waves, so a steady rise that no pair of adjacent waves shows alone is
  still found.
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np
import pandas as pd

from ..common import require_columns
from ..privacy import hide as _hide  # the house rule of secondary suppression (defined there)
from ._base import A11_ITEMS, ITEM_SCALES, _floats, _z, error, what
from .intervals import _mean_ci, _nps_from_counts, cochran_armitage, newcombe_interval, welch_interval, wilson_interval

__all__ = ["item_table", "nps_table", "compare_groups", "compare_waves", "wave_change"]


def _month(values: pd.Series) -> pd.Series:
    """First day of each date's month (NaT stays NaT), fast on millions of rows."""
    arr = pd.to_datetime(values, errors="coerce")
    if getattr(arr.dt, "tz", None) is not None:
        arr = arr.dt.tz_convert(None)
    months = arr.to_numpy(dtype="datetime64[ns]").astype("datetime64[M]").astype("datetime64[ns]")
    return pd.Series(months, index=values.index, name="month")


def _group_index(frame: pd.DataFrame, by: Sequence[str]) -> tuple[np.ndarray, pd.DataFrame]:
    """Group number of each row (−1 when a key is missing) and the groups' keys (sorted)."""
    n = len(frame)
    if not by:
        return np.zeros(n, np.int64), pd.DataFrame(index=pd.RangeIndex(1))
    codes, levels = [], []
    for col in by:
        c, u = pd.factorize(frame[col], sort=True, use_na_sentinel=True)
        codes.append(np.asarray(c, np.int64))
        levels.append(pd.Index(u))
    valid = np.logical_and.reduce([c >= 0 for c in codes])
    dims = tuple(max(len(u), 1) for u in levels)
    size = math.prod(dims)
    out = np.full(n, -1, np.int64)
    if size <= max(4 * n, 1_000_000):
        flat = np.ravel_multi_index(tuple(c[valid] for c in codes), dims) if valid.any() else np.zeros(0, np.int64)
        present = np.bincount(flat, minlength=size) > 0
        uniq = np.flatnonzero(present)
        remap = np.cumsum(present) - 1
        out[valid] = remap[flat]
    else:  # very many combinations: sort instead of a dense table
        flat = np.ravel_multi_index(tuple(c[valid] for c in codes), dims)
        uniq, inv = np.unique(flat, return_inverse=True)
        out[valid] = inv
    parts = np.unravel_index(uniq, dims)
    keys = pd.DataFrame({col: levels[i].take(parts[i]).to_numpy() for i, col in enumerate(by)})
    return out, keys


def _items_present(frame: pd.DataFrame, items: Sequence[str] | None) -> list[str]:
    if items is None:
        items = [*A11_ITEMS, "ces"]
    unknown = [i for i in items if i not in ITEM_SCALES]
    if unknown:
        raise error("items", unknown=", ".join(unknown), expected=", ".join(ITEM_SCALES))
    return [i for i in items if i in frame.columns and frame[i].notna().any()]


def _check_by(frame: pd.DataFrame, by: Sequence[str] | str) -> tuple[str, ...]:
    by = (by,) if isinstance(by, str) else tuple(by)
    require_columns(frame, by, what("survey_table"))
    return by


def _unstable(n_eff: np.ndarray, low: np.ndarray, high: np.ndarray, *, width: float, min_n: float) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return (n_eff < min_n) | ((high - low) >= width) | np.isnan(low)


def item_table(frame: pd.DataFrame, *, by: Sequence[str] | str = (), items: Sequence[str] | None = None,
               min_group_size: int = 1, confidence: float = 0.95, weights: Sequence[float] | np.ndarray | None = None,
               unstable_width: float = 0.30, unstable_min_n: float = 30) -> pd.DataFrame:
    """Per group and item: top-box share with a Wilson interval, 0–100 mean with a t interval.

    Long format: the *by* columns, ``item``, ``n`` (responses), ``agree``, ``pct_agree``, ``low``,
    ``high`` (shares 0–1), ``mean_100``, ``mean_low``, ``mean_high`` (0–100: the score's place
    between the scale's ends), ``n_eff`` and ``unstable``.  Agreement is 4–5 on the A-11 items
    (1–5) and 5–7 on CES (1–7).  With *weights*, shares and means are weighted and intervals use
    Kish's effective sample size ``(Σw)²/Σw²``; ``n`` stays the raw count used for suppression.
    Groups with fewer than *min_group_size* responses are suppressed (see :func:`_hide`).
    Unstable: effective n below *unstable_min_n* or an interval at least *unstable_width* wide
    (NCHS data presentation standards for proportions, Parker et al. 2017).
    """
    by = _check_by(frame, by)
    items = _items_present(frame, items)
    _z(confidence)
    codes, keys = _group_index(frame, by)
    g = len(keys)
    w_all = None
    if weights is not None:
        w_all = _floats(weights, "weights").ravel()
        if len(w_all) != len(frame):
            raise error("weights_length", n=len(frame), found=len(w_all))
    names = ("n", "agree", "pct_agree", "low", "high", "mean_100", "mean_low", "mean_high", "n_eff", "unstable")
    cols: dict[str, list[np.ndarray]] = {k: [] for k in names}
    for item in items:
        lo, hi, cut = ITEM_SCALES[item]
        x = frame[item].to_numpy(dtype=float, na_value=np.nan)
        if np.any((x < lo) | (x > hi)):
            raise error("item_range", item=item, lo=lo, hi=hi, found=float(x[(x < lo) | (x > hi)][0]))
        n, agree, n_eff, p, mean, var = _item_stats(codes, g, x, lo, hi, cut, w_all)
        wil = wilson_interval(np.nan_to_num(p * n_eff), n_eff, confidence)
        low, high = np.atleast_1d(wil.low), np.atleast_1d(wil.high)
        mlow, mhigh = _mean_ci(n_eff, mean, var, confidence)
        mlow, mhigh = np.clip(mlow, 0, 100), np.clip(mhigh, 0, 100)
        for k, v in zip(names, (n, agree, p, low, high, mean, mlow, mhigh, n_eff,
                                _unstable(n_eff, low, high, width=unstable_width, min_n=unstable_min_n)
                                | ((mhigh - mlow) >= 100 * unstable_width))):
            cols[k].append(np.asarray(v))
    columns = [*by, "item", *names]
    if not items:
        return pd.DataFrame(columns=columns)
    out = keys.take(np.tile(np.arange(g), len(items))).reset_index(drop=True)
    out["item"] = np.repeat(np.asarray(items, dtype=object), g)
    for k in names:
        out[k] = np.concatenate(cols[k])
    out["n"] = out["n"].astype(np.int64)
    out = out[out["n"] > 0]
    return _hide(out[columns], by, min_group_size)


def _item_stats(codes: np.ndarray, g: int, x: np.ndarray, lo: int, hi: int, cut: int, w: np.ndarray | None
                ) -> tuple[np.ndarray, ...]:
    """n, agree count, effective n, share agreeing, 0–100 mean and variance per group.

    Unweighted whole-number scores take one integer histogram of (group, score) — a single
    :func:`numpy.bincount` — from which every statistic follows; anything else is summed
    with weighted bincounts.
    """
    levels, step = hi - lo + 1, 100.0 / (hi - lo)
    nan = np.isnan(x)
    with np.errstate(divide="ignore", invalid="ignore"):
        if w is None and np.array_equal(x[~nan], np.floor(x[~nan])):
            idx = codes * levels + np.where(nan, 0, x - lo).astype(np.int64)
            idx[nan | (codes < 0)] = g * levels
            hist = np.bincount(idx, minlength=g * levels + 1)[: g * levels].reshape(g, levels).astype(float)
            vals = np.arange(levels) * step
            n = hist.sum(axis=1)
            agree = hist[:, cut - lo:].sum(axis=1)
            mean = (hist @ vals) / n
            var = (hist @ (vals * vals) - n * mean * mean) / (n - 1)
            return n, agree, n, agree / n, mean, var
        ok = (codes >= 0) & ~nan
        if w is not None:
            ok &= np.isfinite(w) & (w > 0)
        c, xv = codes[ok], x[ok]
        agree_i = (xv >= cut).astype(float)
        scaled = (xv - lo) * step
        n = np.bincount(c, minlength=g).astype(float)
        if w is None:
            agree = np.bincount(c, weights=agree_i, minlength=g)
            mean = np.bincount(c, weights=scaled, minlength=g) / n
            var = (np.bincount(c, weights=scaled * scaled, minlength=g) - n * mean * mean) / (n - 1)
            return n, agree, n, agree / n, mean, var
        wv = w[ok]
        sw = np.bincount(c, weights=wv, minlength=g)
        n_eff = sw * sw / np.bincount(c, weights=wv * wv, minlength=g)
        p = np.bincount(c, weights=wv * agree_i, minlength=g) / sw
        mean = np.bincount(c, weights=wv * scaled, minlength=g) / sw
        var = (np.bincount(c, weights=wv * scaled * scaled, minlength=g) / sw - mean * mean) * n_eff / (n_eff - 1)
        return n, np.round(p * n, 6), n_eff, p, mean, var


def nps_table(frame: pd.DataFrame, *, by: Sequence[str] | str = (), column: str = "nps", min_group_size: int = 1,
              confidence: float = 0.95, unstable_width: float = 0.30, unstable_min_n: float = 30) -> pd.DataFrame:
    """NPS per group with Rocks' adjusted-Wald interval (see :func:`nps`); small groups suppressed.

    Columns: the *by* columns, ``n``, ``promoters``, ``detractors``, ``nps``, ``low``, ``high``
    (points, −100…100) and ``unstable`` (effective n below *unstable_min_n*, or an interval at
    least ``200 × unstable_width`` points wide — the same width on the −1…1 scale).
    """
    by = _check_by(frame, by)
    columns = [*by, "n", "promoters", "detractors", "nps", "low", "high", "unstable"]
    if column not in frame.columns or frame[column].notna().sum() == 0:
        return pd.DataFrame(columns=columns)
    z = _z(confidence)
    codes, keys = _group_index(frame, by)
    x = frame[column].to_numpy(dtype=float, na_value=np.nan)
    if np.any((x < 0) | (x > 10)):
        raise error("nps_range", found=float(x[(x < 0) | (x > 10)][0]))
    g = len(keys)
    nan = np.isnan(x)
    cat = np.where(nan, 1, np.where(x >= 9, 2, np.where(x <= 6, 0, 1)))  # detractor / passive / promoter
    idx = codes * 3 + cat
    idx[nan | (codes < 0)] = 3 * g
    hist = np.bincount(idx, minlength=3 * g + 1)[: 3 * g].reshape(g, 3).astype(float)
    det, pro, n = hist[:, 0], hist[:, 2], hist.sum(axis=1)
    value, low, high = _nps_from_counts(pro, det, n, z)
    out = keys.copy()
    out["n"] = n.astype(np.int64)
    out["promoters"] = pro
    out["detractors"] = det
    out["nps"] = value
    out["low"] = low
    out["high"] = high
    out["unstable"] = (n < unstable_min_n) | ((high - low) >= 200 * unstable_width)
    out = out[out["n"] > 0][columns]
    return _hide(out, by, min_group_size, within=())


def compare_groups(frame: pd.DataFrame, *, group: str = "unit", items: Sequence[str] | None = None,
                   min_group_size: int = 1, confidence: float = 0.95, simultaneous: bool = True) -> pd.DataFrame:
    """Each group against all the other groups together, per item (Newcombe 1998, method 10).

    Comparing with the *other* groups keeps the two samples independent.  ``status`` is
    ``higher`` or ``lower`` only when the interval of the difference excludes zero (the colour
    rule: a unit is coloured against the all-units figure only when the difference is real),
    else ``same``.  Groups, or their complements, with fewer than *min_group_size* responses
    are left out.

    The *m* groups compared on one item are one family, as in the analysis of means (Nelson,
    Wludyka & Copeland 2005): with *simultaneous* (the default) each interval is at the
    Bonferroni level ``1 − (1 − confidence) / m`` (Dunn 1961, *JASA* 56:52–64; column
    ``confidence``), so that the chance of calling any group of the item different when none is
    stays under ``1 − confidence`` — without it, ten units at 95% each name one by chance in about
    four reports of ten.  ``m`` is column ``family``.
    """
    require_columns(frame, [group], what("group_comparison"))
    items = _items_present(frame, items)
    codes, keys = _group_index(frame, (group,))
    g = len(keys)
    parts = []
    for item in items:
        cut = ITEM_SCALES[item][2]
        x = frame[item].to_numpy(dtype=float, na_value=np.nan)
        ok = (codes >= 0) & ~np.isnan(x)
        n = np.bincount(codes[ok], minlength=g).astype(float)
        a = np.bincount(codes[ok], weights=(x[ok] >= cut).astype(float), minlength=g)
        total_n, total_a = n.sum(), a.sum()
        rest_n, rest_a = total_n - n, total_a - a
        keep = (n >= max(min_group_size, 1)) & (rest_n >= max(min_group_size, 1))
        if not keep.any():
            continue
        family = int(keep.sum())
        level = 1 - (1 - confidence) / family if simultaneous else confidence
        d = newcombe_interval(a[keep], n[keep], rest_a[keep], rest_n[keep], level)
        low, high = np.atleast_1d(d.low), np.atleast_1d(d.high)
        part = keys.loc[keep].reset_index(drop=True)
        part["item"] = item
        part["n"] = n[keep].astype(np.int64)
        part["pct"] = a[keep] / n[keep]
        part["n_rest"] = rest_n[keep].astype(np.int64)
        part["pct_rest"] = rest_a[keep] / rest_n[keep]
        part["pct_all"] = total_a / total_n
        part["diff"] = np.atleast_1d(d.value)
        part["low"] = low
        part["high"] = high
        part["confidence"] = level
        part["family"] = family
        part["significant"] = (low > 0) | (high < 0)
        part["status"] = np.where(low > 0, "higher", np.where(high < 0, "lower", "same"))
        parts.append(part)
    columns = [group, "item", "n", "pct", "n_rest", "pct_rest", "pct_all", "diff", "low", "high", "confidence",
               "family", "significant", "status"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


def _wave_order(frame: pd.DataFrame, wave: str) -> list:
    labels = frame[wave].dropna()
    if "date" in frame.columns and frame["date"].notna().any():
        med = frame.loc[labels.index].groupby(wave, sort=True)["date"].median()
        return [k for k, _ in sorted(med.items(), key=lambda kv: (pd.isna(kv[1]), kv[1], str(kv[0])))]
    return sorted(pd.unique(labels), key=str)


def compare_waves(frame: pd.DataFrame, *, wave: str = "wave", items: Sequence[str] | None = None,
                  order: Sequence[object] | None = None, min_group_size: int = 1, confidence: float = 0.95
                  ) -> pd.DataFrame:
    """Each wave against the wave before it, per item, with Newcombe intervals (method 10).

    Waves are ordered by *order*, else by their median response date, else by label.
    ``status`` is ``up``/``down`` only when the interval of the difference excludes zero.
    """
    require_columns(frame, [wave], what("wave_comparison"))
    items = _items_present(frame, items)
    order = list(order) if order is not None else _wave_order(frame, wave)
    rows = []
    for item in items:
        cut = ITEM_SCALES[item][2]
        sub = frame.loc[frame[item].notna() & frame[wave].notna(), [wave, item]]
        n = sub.groupby(wave, sort=False)[item].size()
        a = (sub[item] >= cut).groupby(sub[wave], sort=False).sum()
        waves = [w for w in order if n.get(w, 0) >= max(min_group_size, 1)]
        for before, after in zip(waves, waves[1:]):
            rows.append((item, before, after, int(n[before]), float(a[before]), int(n[after]), float(a[after])))
    columns = ["item", "wave_from", "wave_to", "n_from", "pct_from", "n_to", "pct_to", "diff", "low", "high",
               "significant", "status"]
    if not rows:
        return pd.DataFrame(columns=columns)
    r = pd.DataFrame(rows, columns=["item", "wave_from", "wave_to", "n_from", "a_from", "n_to", "a_to"])
    d = newcombe_interval(r["a_to"].to_numpy(), r["n_to"].to_numpy(), r["a_from"].to_numpy(), r["n_from"].to_numpy(),
                          confidence)
    r["pct_from"] = r["a_from"] / r["n_from"]
    r["pct_to"] = r["a_to"] / r["n_to"]
    r["diff"], r["low"], r["high"] = np.atleast_1d(d.value), np.atleast_1d(d.low), np.atleast_1d(d.high)
    r["significant"] = (r["low"] > 0) | (r["high"] < 0)
    r["status"] = np.where(r["low"] > 0, "up", np.where(r["high"] < 0, "down", "same"))
    return r[columns]



def wave_change(frame: pd.DataFrame, *, wave: str = "wave", items: Sequence[str] | None = None,
                order: Sequence[object] | None = None, min_group_size: int = 1, confidence: float = 0.95
                ) -> pd.DataFrame:
    """The change of each item over the whole period: the last wave against the first, and the trend.

    Waves are ordered by *order* (which may also leave waves out, e.g. those suppressed in the
    report), else as in :func:`compare_waves`; waves with fewer than *min_group_size* answers to
    an item are left out for that item.  Per
    item with at least two waves: ``wave_first``, ``wave_last``, ``waves`` (how many), the share
    agreeing in each (``n_first``, ``pct_first``, ``n_last``, ``pct_last``), their difference
    ``diff`` = last − first with the Newcombe (1998, method 10) interval ``low``–``high``,
    ``significant`` and ``status`` (``up``/``down`` when the interval excludes zero, else
    ``same``); the mean on the 0–100 scale in each (``mean_first``, ``mean_last``) and its
    difference ``mean_diff`` with Welch's interval ``mean_low``–``mean_high``; and the
    Cochran–Armitage test for a linear trend of the share agreeing across all the waves (scores
    0, 1, 2 … in wave order): ``trend_z``, ``trend_p``, ``trend_slope`` (change in the share per
    wave) and ``trend`` (``up``/``down`` when ``trend_p`` < 1 − *confidence*, else ``same``).
    """
    require_columns(frame, [wave], what("wave_comparison"))
    items = _items_present(frame, items)
    alpha = 1 - confidence
    _z(confidence)
    ranked = list(order) if order is not None else _wave_order(frame, wave)
    rows = []
    for item in items:
        lo, hi, cut = ITEM_SCALES[item]
        sub = frame.loc[frame[item].notna() & frame[wave].notna(), [wave, item]]
        scaled = (sub[item].astype(float) - lo) * (100.0 / (hi - lo))
        grouped = scaled.groupby(sub[wave], sort=False, observed=True)
        n = grouped.size()
        mean, var = grouped.mean(), grouped.var(ddof=1)
        agree = (sub[item] >= cut).groupby(sub[wave], sort=False, observed=True).sum()
        waves = [w for w in ranked if n.get(w, 0) >= max(min_group_size, 1)]
        if len(waves) < 2:
            continue
        first, last = waves[0], waves[-1]
        trend = cochran_armitage([float(agree[w]) for w in waves], [float(n[w]) for w in waves])
        rows.append({"item": item, "wave_first": first, "wave_last": last, "waves": len(waves),
                     "n_first": int(n[first]), "a_first": float(agree[first]), "n_last": int(n[last]),
                     "a_last": float(agree[last]), "mean_first": float(mean[first]), "var_first": float(var[first]),
                     "mean_last": float(mean[last]), "var_last": float(var[last]), "trend_z": trend.z,
                     "trend_p": trend.p, "trend_slope": trend.slope})
    columns = ["item", "wave_first", "wave_last", "waves", "n_first", "pct_first", "n_last", "pct_last", "diff", "low",
               "high", "significant", "status", "mean_first", "mean_last", "mean_diff", "mean_low", "mean_high",
               "trend_z", "trend_p", "trend_slope", "trend"]
    if not rows:
        return pd.DataFrame(columns=columns)
    r = pd.DataFrame(rows)
    d = newcombe_interval(r["a_last"].to_numpy(), r["n_last"].to_numpy(), r["a_first"].to_numpy(),
                          r["n_first"].to_numpy(), confidence)
    r["pct_first"], r["pct_last"] = r["a_first"] / r["n_first"], r["a_last"] / r["n_last"]
    r["diff"], r["low"], r["high"] = np.atleast_1d(d.value), np.atleast_1d(d.low), np.atleast_1d(d.high)
    r["significant"] = (r["low"] > 0) | (r["high"] < 0)
    r["status"] = np.where(r["low"] > 0, "up", np.where(r["high"] < 0, "down", "same"))
    w = welch_interval(r["mean_last"].to_numpy(), r["var_last"].to_numpy(), r["n_last"].to_numpy(),
                       r["mean_first"].to_numpy(), r["var_first"].to_numpy(), r["n_first"].to_numpy(), confidence)
    r["mean_diff"], r["mean_low"], r["mean_high"] = np.atleast_1d(w.value), np.atleast_1d(w.low), np.atleast_1d(w.high)
    sure = r["trend_p"].to_numpy(dtype=float) < alpha
    r["trend"] = np.where(sure & (r["trend_z"] > 0), "up", np.where(sure & (r["trend_z"] < 0), "down", "same"))
    return r[columns]
