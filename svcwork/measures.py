"""Service measurement and control: surveys, key drivers, KPIs, control charts, service standards.

Every estimate carries its uncertainty, so a steering committee never acts on noise.

* **Proportions** — :func:`wilson_interval` (Wilson 1927 score interval); differences between
  two independent proportions by :func:`newcombe_interval` (Newcombe 1998, method 10: the
  hybrid score interval built from the two Wilson intervals).
* **Survey items** (US OMB Circular A-11 §280 post-transaction items, 5-point agreement):
  :func:`item_table` gives, per group (unit, channel, service, wave, month or any crossing),
  the share agreeing (top-2-box, 4–5) with a Wilson interval, the mean on a 0–100 scale with a
  Student-t interval, the response count and an *unstable* flag (NCHS data presentation
  standards for proportions, Parker et al. 2017: effective n < 30 or an interval wider than
  30 points).  Groups below ``min_group_size`` are suppressed, with secondary suppression so
  a hidden group cannot be recovered by subtraction from a margin (Hundepool et al. 2012,
  *Statistical Disclosure Control*, §4.2).  Everything is computed with one pass of
  :func:`numpy.bincount` per item: a million responses take well under a second.
* **NPS** — :func:`nps`: promoters (9–10) minus detractors (0–6), with the adjusted-Wald interval
  of Rocks (2016, *The American Statistician* 70(4)) — ¾ added to promoters and detractors, 3
  to n — whose standard error is that of a difference of two trinomial proportions,
  ``Var(p̂₊ − p̂₋) = [p₊ + p₋ − (p₊ − p₋)²] / n``.  **CES** — :func:`ces` (CES 2.0, 1–7).
* **Comparisons** — :func:`compare_groups` (each unit against all other units) and
  :func:`compare_waves` (each wave against the one before), both with Newcombe intervals; a
  difference is coloured only when the interval excludes zero.
* **Weighting** — :func:`rake`: iterative proportional fitting to known volumes (Deming &
  Stephan 1940); weighted estimates use Kish's (1965) effective sample size.
* **Comments** — :func:`redact` removes e-mail addresses, phone numbers, Israeli ID numbers with
  a valid check digit and names after a greeting (Hebrew and English); :func:`code_themes`
  codes comments against an extensible keyword :class:`CodeFrame`.
* **Key drivers** — :func:`relative_weights` (Johnson 2000) and :func:`shapley_r2` (the LMG /
  Shapley decomposition of R²; Lindeman, Merenda & Gold 1980; Lipovetsky & Conklin 2001),
  exact over all subsets; :func:`driver_importance` adds seeded bootstrap percentile
  intervals; :func:`importance_performance` names the four quadrants (Martilla & James 1977).
* **Control** — :func:`xmr_limits` (individuals and moving range chart, Wheeler & Chambers
  1992; d₂ = 1.128, D₄ = 3.267), :func:`p_chart` (limits for each sample size, and Laney's p′
  chart for very large samples, Laney 2002), :func:`western_electric` (rules 1–4, Western
  Electric *Statistical Quality Control Handbook* 1956), :func:`kpi_scorecard`.
* **Service standards** — :func:`standards_share`: the share of cases meeting the first-response
  and resolution standards of the Standards sheet, from the case log, timed by the case-log engine
  :mod:`svcwork.caselog` (the same closure, first response and resolution as the journeys section).

:func:`analyse` runs them on an :class:`~svcwork.intake.Engagement` and returns a
:class:`MeasuresResult` (summary, tables, figures, findings; Hebrew and English).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import stats

from .caselog import CLOSING_WORDS, case_times  # noqa: F401 - CLOSING_WORDS: kept importable from here
from .errors import AnalysisError
from .i18n import fmt_number, fmt_percent, t
from .privacy import suppress
from .schema import ENUMS, normalize_name

if TYPE_CHECKING:  # pragma: no cover
    from .intake import Engagement

__all__ = [
    "A11_ITEMS",
    "DRIVER_ITEMS",
    "Interval",
    "wilson_interval",
    "newcombe_interval",
    "nps",
    "ces",
    "item_table",
    "nps_table",
    "compare_groups",
    "compare_waves",
    "rake",
    "valid_israeli_id",
    "redact",
    "Theme",
    "CodeFrame",
    "DEFAULT_CODE_FRAME",
    "code_themes",
    "theme_table",
    "Importance",
    "relative_weights",
    "shapley_r2",
    "DriverAnalysis",
    "driver_importance",
    "importance_performance",
    "XmRLimits",
    "xmr_limits",
    "PChart",
    "p_chart",
    "western_electric",
    "ControlChart",
    "control_chart",
    "Scorecard",
    "kpi_scorecard",
    "standards_share",
    "MeasuresResult",
    "analyse",
    "benefit_signal",
    "kpi_signals",
    "weak_drivers",
]

#: The OMB A-11 §280 post-transaction items (5-point agreement), in report order.
A11_ITEMS = ("satisfaction", "trust", "effectiveness", "ease", "efficiency", "equity", "helpfulness")
#: Items used as drivers of the overall outcome (satisfaction or trust).
DRIVER_ITEMS = ("effectiveness", "ease", "efficiency", "equity", "helpfulness")
#: (lowest, highest, first "agree" score) of each scored item.
ITEM_SCALES: Mapping[str, tuple[int, int, int]] = MappingProxyType(
    {**{k: (1, 5, 4) for k in A11_ITEMS}, "ces": (1, 7, 5)})
#: The breakdowns of the survey tables, in report order.
DIMENSIONS = ("unit", "channel", "service_id", "wave", "month")

D2 = 1.128           # E(range of 2 normals) / sigma (Montgomery, Appendix VI)
D4 = 3.267           # upper limit factor of the moving-range chart for n = 2
E2 = 3 / D2          # 2.66: individuals-chart limit factor on the average moving range
MAX_EXACT_DRIVERS = 15
HE_LETTERS = "\u0590-\u05ff"


# =========================================================================== small helpers
def _z(confidence: float) -> float:
    if not isinstance(confidence, (int, float)) or isinstance(confidence, bool) or not 0 < confidence < 1:
        raise AnalysisError(f"confidence must be a number strictly between 0 and 1 (e.g. 0.95); found {confidence!r}")
    return float(stats.norm.ppf(0.5 + confidence / 2))


def _floats(values: object, name: str) -> np.ndarray:
    try:
        return np.asarray(values, dtype=float)
    except (TypeError, ValueError) as exc:
        raise AnalysisError(f"{name} must be numbers; found {values!r:.80}") from exc


def _out(a: np.ndarray) -> float | np.ndarray:
    return float(a) if np.ndim(a) == 0 else a


def _py(value: object) -> object:
    """A JSON-safe plain Python value (NaN and NA become None)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if not math.isfinite(value) else float(value)
    if isinstance(value, (pd.Timestamp, np.datetime64)):
        return _period_label(pd.Timestamp(value))
    return value


def _round(value: object, digits: int = 4) -> float | None:
    v = _py(value)
    return None if v is None else round(float(v), digits)


def _period_label(ts: pd.Timestamp) -> str:
    if pd.isna(ts):
        return "—"
    return ts.strftime("%Y-%m") if ts.day == 1 else ts.strftime("%Y-%m-%d")


def _check_columns(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise AnalysisError(f"{what}: expected a pandas DataFrame; found {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise AnalysisError(f"{what}: expected column(s) {', '.join(missing)}; "
                            f"found {', '.join(map(str, frame.columns))}")


# =========================================================================== intervals
@dataclass(frozen=True)
class Interval:
    """An estimate with its confidence interval (scalars, or arrays for vectorised input)."""

    value: float | np.ndarray
    low: float | np.ndarray
    high: float | np.ndarray
    n: float | np.ndarray

    def as_dict(self, digits: int = 4) -> dict[str, float | int | None]:
        """``{value, low, high, n}`` as plain JSON values (for a scalar interval)."""
        n = _py(self.n)
        return {"value": _round(self.value, digits), "low": _round(self.low, digits),
                "high": _round(self.high, digits), "n": None if n is None else int(round(float(n)))}


def wilson_interval(successes: float | Sequence[float] | np.ndarray, n: float | Sequence[float] | np.ndarray,
                    confidence: float = 0.95) -> Interval:
    """Wilson score interval for a binomial proportion (Wilson 1927, JASA 22:209–212).

    Vectorised: *successes* and *n* broadcast.  ``n == 0`` gives NaN.  Fractional counts
    (weighted data with an effective sample size) are accepted.
    """
    x, m = _floats(successes, "successes"), _floats(n, "n")
    try:
        x, m = np.broadcast_arrays(x, m)
    except ValueError as exc:
        raise AnalysisError(f"successes and n must have the same shape; found {np.shape(x)} and {np.shape(m)}") from exc
    bad = (m < 0) | (x < 0) | (x > m * (1 + 1e-9) + 1e-9)
    if np.any(bad):
        i = int(np.flatnonzero(np.ravel(bad))[0])
        raise AnalysisError(f"expected 0 ≤ successes ≤ n; found successes={np.ravel(x)[i]!r}, n={np.ravel(m)[i]!r}")
    z = _z(confidence)
    z2 = z * z
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(m > 0, np.minimum(x / m, 1.0), np.nan)
        denom = 1 + z2 / m
        centre = (p + z2 / (2 * m)) / denom
        half = z * np.sqrt(p * (1 - p) / m + z2 / (4 * m * m)) / denom
        # the score interval always contains p̂; min/max only guard against rounding at 0 and 1
        low = np.clip(np.minimum(centre - half, p), 0, 1)
        high = np.clip(np.maximum(centre + half, p), 0, 1)
    return Interval(_out(p), _out(low), _out(high), _out(m))


def newcombe_interval(successes1: float | np.ndarray, n1: float | np.ndarray, successes2: float | np.ndarray,
                      n2: float | np.ndarray, confidence: float = 0.95) -> Interval:
    """Interval for p₁ − p₂ of two independent proportions: Newcombe (1998, Stat Med 17:873–890), method 10.

    ``L = d − √((p₁ − l₁)² + (u₂ − p₂)²)``, ``U = d + √((u₁ − p₁)² + (p₂ − l₂)²)`` with the
    Wilson limits (l, u) of each proportion.  ``n`` of the result is ``n1 + n2``.
    """
    a = wilson_interval(successes1, n1, confidence)
    b = wilson_interval(successes2, n2, confidence)
    p1, l1, u1 = (np.asarray(v, float) for v in (a.value, a.low, a.high))
    p2, l2, u2 = (np.asarray(v, float) for v in (b.value, b.low, b.high))
    d = p1 - p2
    low = np.clip(d - np.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), -1, 1)
    high = np.clip(d + np.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2), -1, 1)
    return Interval(_out(d), _out(low), _out(high), _out(np.asarray(a.n) + np.asarray(b.n)))


def _nps_from_counts(promoters: np.ndarray, detractors: np.ndarray, n: np.ndarray, z: float
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(n > 0, (promoters - detractors) / n, np.nan)
        na = n + 3.0
        pp, pd_ = (promoters + 0.75) / na, (detractors + 0.75) / na
        adj = pp - pd_
        half = z * np.sqrt((pp + pd_ - adj ** 2) / na)
        low = np.where(n > 0, np.clip(adj - half, -1, 1), np.nan)
        high = np.where(n > 0, np.clip(adj + half, -1, 1), np.nan)
    # the adjusted interval is centred on the shrunken estimate; for n < 3 it may miss the
    # observed value, so it is widened to contain it
    return 100 * value, 100 * np.fmin(low, value), 100 * np.fmax(high, value)


def nps(scores: Sequence[float] | np.ndarray | pd.Series, confidence: float = 0.95) -> Interval:
    """Net Promoter Score (−100…100) with Rocks' (2016) adjusted-Wald interval.

    Scores are 0–10 (missing values ignored); promoters score 9–10, detractors 0–6
    (Reichheld 2003).  The standard error is that of the difference of two proportions of one
    trinomial sample, with ¾ added to promoters and detractors and 3 to n.
    """
    s = _floats(scores, "scores").ravel()
    s = s[~np.isnan(s)]
    if np.any((s < 0) | (s > 10)):
        raise AnalysisError(f"NPS scores must lie between 0 and 10; found {s[(s < 0) | (s > 10)][0]!r}")
    z = _z(confidence)
    n = np.asarray(float(len(s)))
    value, low, high = _nps_from_counts(np.asarray(float((s >= 9).sum())), np.asarray(float((s <= 6).sum())), n, z)
    return Interval(_out(value), _out(low), _out(high), float(len(s)))


def _mean_ci(n: np.ndarray, mean: np.ndarray, var: np.ndarray, confidence: float) -> tuple[np.ndarray, np.ndarray]:
    with np.errstate(divide="ignore", invalid="ignore"):
        df = np.where(n > 1, n - 1, np.nan)
        half = stats.t.ppf(0.5 + confidence / 2, df) * np.sqrt(np.clip(var, 0, None) / n)
    return mean - half, mean + half


def ces(scores: Sequence[float] | np.ndarray | pd.Series, confidence: float = 0.95) -> Interval:
    """Customer Effort Score 2.0: the mean of 1–7 agreement with a Student-t interval."""
    s = _floats(scores, "scores").ravel()
    s = s[~np.isnan(s)]
    if np.any((s < 1) | (s > 7)):
        raise AnalysisError(f"CES scores must lie between 1 and 7; found {s[(s < 1) | (s > 7)][0]!r}")
    _z(confidence)
    n = float(len(s))
    mean = float(s.mean()) if n else math.nan
    var = float(s.var(ddof=1)) if n > 1 else math.nan
    low, high = _mean_ci(np.asarray(n), np.asarray(mean), np.asarray(var), confidence)
    return Interval(mean, float(low), float(high), n)


# =========================================================================== grouped survey tables
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
        raise AnalysisError(f"unknown survey item(s) {', '.join(unknown)}; expected some of {', '.join(ITEM_SCALES)}")
    return [i for i in items if i in frame.columns and frame[i].notna().any()]


def _check_by(frame: pd.DataFrame, by: Sequence[str] | str) -> tuple[str, ...]:
    by = (by,) if isinstance(by, str) else tuple(by)
    _check_columns(frame, by, "survey table")
    return by


def _hide(table: pd.DataFrame, by: Sequence[str], min_size: int, *, count: str = "n",
          within: Sequence[str] = ("item",)) -> pd.DataFrame:
    """Primary and secondary suppression (Hundepool et al. 2012, §4.2).

    Rows with ``count < min_size`` are hidden; then, along every breakdown, while the hidden
    rows of a slice add up to more than 0 but fewer than *min_size* respondents, the smallest
    visible row of that slice is hidden too, so no small group can be recovered by
    subtracting the visible rows from a margin.  The result also passes through
    :func:`svcwork.privacy.suppress`.
    """
    if table.empty or min_size <= 1:
        return table.reset_index(drop=True)
    table = table.reset_index(drop=True)
    n = table[count].to_numpy(dtype=float)
    hidden = n < min_size
    within = [c for c in within if c in table.columns]
    for _ in range(len(table) + 1):
        changed = False
        for d in by:
            others = [c for c in by if c != d] + within
            grp = (table.groupby(others, sort=False, dropna=False).ngroup().to_numpy() if others
                   else np.zeros(len(table), np.int64))
            hidden_n = np.bincount(grp, weights=np.where(hidden, n, 0.0))
            need = (hidden_n > 0) & (hidden_n < min_size)
            cand = np.flatnonzero(~hidden & need[grp] & (n > 0))
            if cand.size:
                order = cand[np.lexsort((n[cand], grp[cand]))]
                _, first = np.unique(grp[order], return_index=True)
                hidden[order[first]] = True
                changed = True
        if not changed:
            break
    return suppress(table.loc[~hidden], count=count, min_size=min_size).reset_index(drop=True)


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
            raise AnalysisError(f"weights must have one value per response ({len(frame)}); found {len(w_all)}")
    names = ("n", "agree", "pct_agree", "low", "high", "mean_100", "mean_low", "mean_high", "n_eff", "unstable")
    cols: dict[str, list[np.ndarray]] = {k: [] for k in names}
    for item in items:
        lo, hi, cut = ITEM_SCALES[item]
        x = frame[item].to_numpy(dtype=float, na_value=np.nan)
        if np.any((x < lo) | (x > hi)):
            raise AnalysisError(f"{item} scores must lie between {lo} and {hi}; found {x[(x < lo) | (x > hi)][0]!r}")
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
        raise AnalysisError("NPS scores must lie between 0 and 10")
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
                   min_group_size: int = 1, confidence: float = 0.95) -> pd.DataFrame:
    """Each group against all the other groups together, per item (Newcombe 1998, method 10).

    Comparing with the *other* groups keeps the two samples independent.  ``status`` is
    ``higher`` or ``lower`` only when the interval of the difference excludes zero (the colour
    rule: a unit is coloured against the all-units figure only when the difference is real),
    else ``same``.  Groups, or their complements, with fewer than *min_group_size* responses
    are left out.
    """
    _check_columns(frame, [group], "group comparison")
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
        d = newcombe_interval(a[keep], n[keep], rest_a[keep], rest_n[keep], confidence)
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
        part["significant"] = (low > 0) | (high < 0)
        part["status"] = np.where(low > 0, "higher", np.where(high < 0, "lower", "same"))
        parts.append(part)
    columns = [group, "item", "n", "pct", "n_rest", "pct_rest", "pct_all", "diff", "low", "high", "significant",
               "status"]
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
    _check_columns(frame, [wave], "wave comparison")
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


# =========================================================================== weighting
def rake(frame: pd.DataFrame, margins: Mapping[str, Mapping[object, float]], *, max_iter: int = 200,
         tol: float = 1e-9) -> pd.Series:
    """Raking weights: iterative proportional fitting to known totals (Deming & Stephan 1940).

    *margins* maps a column of *frame* to its known totals per category (e.g. annual volumes
    by channel).  Every row's category must have a positive total and every total a row; the
    totals of later margins are rescaled to the first margin's grand total.  The weights
    reproduce every margin to a relative error below *tol*; raises
    :class:`~svcwork.errors.AnalysisError` when they cannot (no convergence in *max_iter*).
    """
    if not margins:
        raise AnalysisError("raking needs at least one margin (column → known totals)")
    _check_columns(frame, list(margins), "raking")
    if len(frame) == 0:
        raise AnalysisError("raking needs at least one response; found none")
    codes, targets = [], []
    grand = None
    for col, totals in margins.items():
        tot = pd.Series(dict(totals), dtype=float)
        if (tot <= 0).any() or tot.isna().any():
            raise AnalysisError(f"raking totals for {col} must be positive numbers; "
                                f"found {tot[(tot <= 0) | tot.isna()].to_dict()}")
        values = frame[col]
        if values.isna().any():
            raise AnalysisError(f"raking: {int(values.isna().sum())} response(s) have no {col}; "
                                f"expected a value in every row")
        unknown = sorted(set(pd.unique(values)) - set(tot.index), key=str)
        if unknown:
            raise AnalysisError(f"raking: no known total for {col} = {', '.join(map(str, unknown[:5]))}")
        absent = sorted(set(tot.index) - set(pd.unique(values)), key=str)
        if absent:
            raise AnalysisError(f"raking: no response for {col} = {', '.join(map(str, absent[:5]))}; "
                                f"expected at least one response per category with a known total")
        grand = tot.sum() if grand is None else grand
        tot = tot * (grand / tot.sum())
        idx = pd.Index(tot.index)
        codes.append(idx.get_indexer(values))
        targets.append(tot.to_numpy())
    w = np.full(len(frame), grand / len(frame))
    for _ in range(max_iter):
        for c, target in zip(codes, targets):
            current = np.bincount(c, weights=w, minlength=len(target))
            w *= (target / current)[c]
        err = max(np.max(np.abs(np.bincount(c, weights=w, minlength=len(tg)) / tg - 1))
                  for c, tg in zip(codes, targets))
        if err < tol:
            return pd.Series(w, index=frame.index, name="weight")
    raise AnalysisError(f"raking did not converge in {max_iter} iterations (largest margin error {err:.2g}); "
                        f"the known totals may be inconsistent with the responses")


# =========================================================================== comments
def valid_israeli_id(number: str | int) -> bool:
    """Whether *number* is an Israeli ID number (up to 9 digits) with a valid check digit.

    The check digit makes the Luhn-style sum zero modulo 10: digits (left-padded to 9) are
    multiplied alternately by 1 and 2, two-digit products have their digits added.
    """
    digits = re.sub(r"[\s-]", "", str(number))
    if not digits.isdigit() or not 5 <= len(digits) <= 9 or int(digits) == 0:
        return False
    total = 0
    for i, ch in enumerate(digits.zfill(9)):
        v = int(ch) * (1 + i % 2)
        total += v - 9 if v > 9 else v
    return total % 10 == 0


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"(?:\+|00)972[\s.-]?\(?0?\)?(?:5\d|7\d|[2-489])[\s.-]?\d{3}[\s.-]?\d{4}"        # +972 5x-xxx-xxxx
    r"|0(?:5\d|7\d)[\s.-]?\d{3}[\s.-]?\d{4}"                                           # 05x / 07x
    r"|0[2-489][\s.-]?\d{3}[\s.-]?\d{4}"                                               # landlines 0x-xxx-xxxx
    r"|1[\s.-]?[78]00[\s.-]?\d{2,3}[\s.-]?\d{3,4}"                                     # 1-800 numbers
    r"|\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){1,3}"          # other international
    r"|\(\d{2,4}\)[\s.-]?\d{3,4}[\s.-]?\d{3,4}"                                        # (555) 123-4567
    r")(?!\d)")
_ID = re.compile(r"(?<![\d\w])(\d{4,8}[-\s]?\d)(?![\d\w])")
# any other long number or code (case numbers, customer numbers such as C05550199, ids with a wrong check
# digit): it may point at one citizen, so it is never shown either
_LONG_NUMBER = re.compile(r"(?<![\w])[A-Za-z]{0,3}[-/]?\d(?:[-\s/]?\d){5,}(?![\w])")
_GREET_EN = re.compile(
    r"(?i:\b(?:hi|hello|hey|dear|thanks|thank\s+you|thanks\s+to|thank\s+you\s+to|good\s+(?:morning|afternoon|evening)"
    r"|my\s+name\s+is|this\s+is|regards|sincerely|signed|attn)\b)[,:]?\s+"
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?"
    r"([A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+)?)")
_EN_NOT_NAMES = {"team", "all", "everyone", "everybody", "sir", "madam", "again", "so", "very", "for", "guys",
                 "there", "folks", "you", "the", "staff", "a", "i", "we", "it", "this", "that", "much", "lot",
                 "municipality", "ministry", "office", "service", "department", "clerk", "agent", "support"}
_GREET_HE = re.compile(
    rf"(?<![{HE_LETTERS}])(שלום|היי|הי|אהלן|לכבוד|בוקר טוב|ערב טוב|צהריים טובים|שמי|קוראים לי|בברכה|בכבוד רב"
    rf"|תודה רבה|תודה)(?![{HE_LETTERS}])([\s,:]+)"
    rf"((?:[{HE_LETTERS}][{HE_LETTERS}'\"׳״\-]*)(?:\s+[{HE_LETTERS}][{HE_LETTERS}'\"׳״\-]*)?)")
_HE_NOT_NAMES = {
    "רב", "רבה", "לכם", "לך", "לכולם", "וברכה", "על", "אני", "רציתי", "רוצה", "עם", "מאוד", "גם", "צוות", "לצוות",
    "נציג", "נציגה", "לנציג", "לנציגה", "הנציג", "הנציגה", "לנציגת", "פקיד", "פקידה", "לפקיד", "לפקידה", "הפקיד",
    "הפקידה", "עובד", "עובדת", "לעובד", "לעובדת", "העובד", "העובדת", "כולם", "המוקד", "מוקד", "למוקד", "העירייה",
    "עירייה", "לעירייה", "השירות", "שירות", "לשירות", "אתכם", "יש", "לא", "כן", "מה", "איך", "אם", "זה", "זו", "היום",
    "אתמול", "מחר", "הרבה", "על", "ועל", "לכל", "כל", "אבל", "כי", "רק", "שוב", "מראש", "ל", "ו", "הייתי", "היה",
    "הייתה", "הזה", "הזאת", "מחלקת", "למחלקת", "המחלקה", "אגף", "לאגף", "הנהלת", "ההנהלה", "מנהל", "מנהלת", "למנהל",
    "טוב", "טובה", "יפה", "רבות", "רבים", "ענק", "אדוני", "גברתי", "נכבד", "נכבדה", "נכבדים", "החברים", "חברים",
    "המשרד", "משרד", "למשרד", "אתה", "את", "אתם", "הוא", "היא", "הם", "שלכם", "שלך", "ביותר", "בקשר", "בנוגע",
    "ואני", "ואנחנו", "ורציתי", "וגם", "ולא", "ואז", "ויש", "והיא", "והוא", "ואתם", "שלי", "אליכם", "פונה", "פניתי",
}


def _redact_names_en(text: str, token: str) -> str:
    def repl(m: re.Match) -> str:
        words = m.group(1).split()
        if words[0].casefold() in _EN_NOT_NAMES:
            return m.group(0)
        keep = 1 if len(words) > 1 and words[1].casefold() in _EN_NOT_NAMES else len(words)
        name = " ".join(words[:keep])
        start = m.start(1) - m.start(0)
        return m.group(0)[:start] + token + m.group(0)[start + len(name):]
    return _GREET_EN.sub(repl, text)


def _redact_names_he(text: str, token: str) -> str:
    def strip_prefix(word: str, greeting: str) -> tuple[str, str]:
        # "תודה לרחל": the name carries the preposition ל
        if greeting.startswith("תודה") and word.startswith("ל") and len(word) > 2:
            return "ל", word[1:]
        return "", word

    def repl(m: re.Match) -> str:
        greeting, gap, rest = m.group(1), m.group(2), m.group(3)
        words = rest.split()
        prefix, first = strip_prefix(words[0], greeting)
        if words[0] in _HE_NOT_NAMES or first in _HE_NOT_NAMES or len(first) < 2:
            return m.group(0)
        if len(words) > 1 and words[1] not in _HE_NOT_NAMES and greeting not in ("תודה", "תודה רבה"):
            return f"{greeting}{gap}{prefix}{token}"
        tail = rest[len(words[0]):]
        return f"{greeting}{gap}{prefix}{token}{tail}"
    return _GREET_HE.sub(repl, text)


def redact(texts: Iterable[str | None] | pd.Series, *, lang: str = "en") -> pd.Series:
    """Remove personal details from free-text comments before anything is shown.

    Replaced, in this order, by a bracketed word in *lang*: e-mail addresses; phone numbers
    (Israeli mobile, landline, +972 and 1-800 forms, and international numbers); Israeli ID
    numbers whose check digit is valid (:func:`valid_israeli_id`); other numbers an ID could be
    (5–9 digits) and any number or code of six digits or more (case and customer numbers, ids
    with a wrong check digit — they may point at one citizen); names after a greeting or an introduction ("Hi Dana", "my name is
    …", "שלום משה", "תודה לרחל", "שמי …").  Names elsewhere in a sentence are not recognised.
    """
    series = texts.copy() if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype="object")
    tokens = {k: t(f"measures.redact.{k}", lang) for k in ("email", "phone", "id", "name", "number")}

    def one(text: object) -> object:
        if text is None or text is pd.NA or (isinstance(text, float) and math.isnan(text)):
            return text
        s = str(text)
        s = _EMAIL.sub(tokens["email"], s)
        s = _PHONE.sub(tokens["phone"], s)
        s = _ID.sub(lambda m: tokens["id"] if valid_israeli_id(m.group(1)) else tokens["number"], s)
        s = _LONG_NUMBER.sub(tokens["number"], s)
        s = _redact_names_en(s, tokens["name"])
        s = _redact_names_he(s, tokens["name"])
        return s
    return pd.Series([one(v) for v in series], index=series.index, dtype="object", name=series.name)


@dataclass(frozen=True)
class Theme:
    """One theme of the comment code frame: a key, its names and its keywords (Hebrew and English).

    Keywords match at the start of a word, so ``wait`` finds "waiting"; Hebrew keywords may
    carry up to two of the prefix letters ו ה ב ל מ ש כ ("בתור", "והמתנה").
    """

    key: str
    en: str
    he: str
    keywords: tuple[str, ...]

    def label(self, lang: str) -> str:
        return self.he if lang == "he" else self.en


@dataclass(frozen=True)
class CodeFrame:
    """A keyword code frame for comments; extend it with :meth:`extend` (new themes or keywords)."""

    themes: tuple[Theme, ...]

    def extend(self, *themes: Theme) -> CodeFrame:
        """A new frame: a theme with a new key is added; one with a known key adds its keywords."""
        out = list(self.themes)
        for th in themes:
            if not isinstance(th, Theme) or not th.keywords:
                raise AnalysisError(f"a code-frame theme needs a key, names and at least one keyword; found {th!r}")
            for i, old in enumerate(out):
                if old.key == th.key:
                    out[i] = Theme(old.key, old.en, old.he, tuple(dict.fromkeys(old.keywords + th.keywords)))
                    break
            else:
                out.append(th)
        return CodeFrame(tuple(out))

    def pattern(self, key: str) -> re.Pattern:
        for th in self.themes:
            if th.key == key:
                return _theme_regex(th.keywords)
        raise KeyError(key)


def _theme_regex(keywords: Sequence[str]) -> re.Pattern:
    he, en = [], []
    for kw in keywords:
        kw = kw.strip().casefold()
        if not kw:
            continue
        (he if re.search(f"[{HE_LETTERS}]", kw) else en).append(re.escape(kw).replace(r"\ ", r"\s+"))
    alts = []
    if en:
        alts.append(r"\b(?:" + "|".join(sorted(en, key=len, reverse=True)) + ")")
    if he:
        alts.append(rf"(?<![{HE_LETTERS}])[והבלמשכ]{{0,2}}(?:" + "|".join(sorted(he, key=len, reverse=True)) + ")")
    return re.compile("|".join(alts) if alts else r"(?!x)x")


def _default_code_frame() -> CodeFrame:
    words = {
        "waiting": ("wait", "queue", "line up", "slow", "delay", "took long", "took ages", "weeks", "months", "late",
                    "המתנ", "חיכי", "מחכ", "תור", "איטי", "עיכוב", "התעכב", "זמן רב", "לקח זמן", "שבועות", "חודשים"),
        "staff": ("polite", "rude", "kind", "friendly", "courteous", "attitude", "patient", "respect", "helpful staff",
                  "clerk", "אדיב", "גס", "נחמד", "יחס", "סבלנות", "סבלני", "מכבד", "זלזול", "חביב", "פקיד", "נציג"),
        "digital": ("website", "site", "online", "app", "login", "log in", "password", "form", "digital", "portal",
                    "אתר", "אפליקציה", "אינטרנט", "מקוון", "התחבר", "סיסמ", "טופס", "דיגיטלי", "יישומון"),
        "phone": ("phone", "call", "hold", "answer", "hotline", "call centre", "call center", "hung up",
                  "טלפון", "שיחה", "מענה", "מוקד", "ענו", "ניתק", "המתנה על הקו"),
        "information": ("information", "unclear", "clear", "explain", "confusing", "instructions", "updates", "inform",
                        "מידע", "הסבר", "ברור", "מבלבל", "הנחיות", "עדכון", "עדכנו", "יידוע"),
        "bureaucracy": ("document", "paperwork", "bureaucra", "certificate", "approval", "signature", "again and again",
                        "מסמכ", "ביורוקרטי", "בירוקרטי", "אישור", "חתימ", "טפסים", "שוב ושוב"),
        "resolution": ("solved", "resolved", "not solved", "fixed", "no solution", "unresolved", "outcome",
                       "נפתר", "פתרון", "טופל", "לא טופל", "תוצאה", "הבעיה"),
        "cost": ("fee", "price", "cost", "pay", "charge", "fine", "expensive",
                 "תשלום", "אגרה", "אגרות", "מחיר", "עלות", "שילמ", "קנס", "יקר"),
        "access": ("access", "parking", "disab", "wheelchair", "opening hours", "location", "far",
                   "נגיש", "חניה", "נכה", "נכות", "כיסא גלגלים", "שעות פתיחה", "מיקום", "רחוק"),
        "praise": ("thank", "excellent", "great", "wonderful", "well done", "appreciate",
                   "תודה", "מצוין", "מעולה", "נהדר", "כל הכבוד", "מעריכ", "שירות טוב"),
    }
    return CodeFrame(tuple(Theme(k, t(f"measures.theme.{k}", "en"), t(f"measures.theme.{k}", "he"), v)
                           for k, v in words.items()))


#: The default code frame (ten themes, Hebrew and English keywords); extend with CodeFrame.extend.
DEFAULT_CODE_FRAME = _default_code_frame()


def code_themes(texts: Iterable[str | None] | pd.Series, code_frame: CodeFrame = DEFAULT_CODE_FRAME) -> pd.DataFrame:
    """Which themes each comment mentions: a boolean frame (one column per theme key)."""
    if not isinstance(code_frame, CodeFrame):
        raise AnalysisError(f"code_frame must be a CodeFrame; found {type(code_frame).__name__}")
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype="object")
    text = series.astype("string").str.casefold()
    out = {th.key: text.str.contains(_theme_regex(th.keywords), regex=True).fillna(False).astype(bool)
           for th in code_frame.themes}
    return pd.DataFrame(out, index=series.index)


def theme_table(texts: Iterable[str | None] | pd.Series, code_frame: CodeFrame = DEFAULT_CODE_FRAME, *,
                confidence: float = 0.95) -> pd.DataFrame:
    """Comments mentioning each theme: count and share of the non-empty comments with a Wilson interval."""
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype="object")
    s = series.astype("string").str.strip()
    s = s[s.notna() & (s != "")]
    coded = code_themes(s, code_frame)
    n = len(s)
    mentions = coded.sum().astype(float).to_numpy() if n else np.zeros(len(code_frame.themes))
    ci = wilson_interval(mentions, np.full(len(mentions), float(n)), confidence)
    out = pd.DataFrame({"theme": [th.key for th in code_frame.themes], "en": [th.en for th in code_frame.themes],
                        "he": [th.he for th in code_frame.themes], "mentions": mentions.astype(np.int64),
                        "comments": n, "share": np.atleast_1d(ci.value), "low": np.atleast_1d(ci.low),
                        "high": np.atleast_1d(ci.high)})
    return out.sort_values(["mentions", "theme"], ascending=[False, True], kind="stable").reset_index(drop=True)


# =========================================================================== key drivers
@dataclass(frozen=True)
class Importance:
    """Importance of each driver: ``weights`` add up to ``r2``; ``shares`` to 1."""

    method: str
    weights: pd.Series
    r2: float
    n: int

    @property
    def shares(self) -> pd.Series:
        return self.weights / self.r2 if self.r2 > 0 else self.weights * np.nan


def _complete(frame: pd.DataFrame, outcome: str, drivers: Sequence[str]) -> np.ndarray:
    if isinstance(drivers, str):
        drivers = [drivers]
    drivers = list(drivers)
    _check_columns(frame, [outcome, *drivers], "driver analysis")
    if not drivers:
        raise AnalysisError("driver analysis needs at least one driver; found none")
    if len(set(drivers)) != len(drivers) or outcome in drivers:
        raise AnalysisError(f"drivers must be distinct and differ from the outcome {outcome!r}; found {drivers}")
    if len(drivers) > MAX_EXACT_DRIVERS:
        raise AnalysisError(f"the exact decomposition handles at most {MAX_EXACT_DRIVERS} drivers; "
                            f"found {len(drivers)}")
    try:
        x = frame[[outcome, *drivers]].to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError) as exc:
        raise AnalysisError(f"driver analysis needs numeric columns; {exc}") from exc
    x = x[~np.isnan(x).any(axis=1)]
    if len(x) < len(drivers) + 2:
        raise AnalysisError(f"driver analysis needs at least {len(drivers) + 2} complete responses; found {len(x)}")
    sd = x.std(axis=0)
    if np.any(sd == 0):
        flat = [c for c, s in zip([outcome, *drivers], sd) if s == 0]
        raise AnalysisError(f"every answer to {', '.join(flat)} is the same; a driver analysis needs variation")
    return x


def _corr(x: np.ndarray) -> np.ndarray:
    r = np.corrcoef(x, rowvar=False)
    evals = np.linalg.eigvalsh(r[1:, 1:])
    if evals.min() < 1e-10:
        raise AnalysisError("the drivers are perfectly collinear (one is a linear combination of the others); "
                            "drop one of them")
    return r


def _rw_batch(rxx: np.ndarray, rxy: np.ndarray) -> np.ndarray:
    """Johnson's relative weights from correlation matrices; leading batch dimensions allowed."""
    evals, evecs = np.linalg.eigh(rxx)
    evals = np.clip(evals, 1e-12, None)
    lam = (evecs * np.sqrt(evals)[..., None, :]) @ np.swapaxes(evecs, -1, -2)  # Rxx^{1/2}
    beta = np.linalg.solve(lam, rxy[..., None])[..., 0]
    return np.einsum("...jk,...k->...j", lam ** 2, beta ** 2)


def _subset_r2(rxx: np.ndarray, rxy: np.ndarray) -> np.ndarray:
    """R² of every subset of drivers (index = bit mask), batched over leading dimensions."""
    p = rxx.shape[-1]
    batch = rxx.shape[:-2]
    out = np.zeros((*batch, 1 << p))
    masks = np.arange(1 << p)
    sizes = np.array([bin(m).count("1") for m in masks])
    bits = (masks[:, None] >> np.arange(p)) & 1
    for k in range(1, p + 1):
        sel = masks[sizes == k]
        members = np.nonzero(bits[sel])[1].reshape(len(sel), k)
        a = rxx[..., members[:, :, None], members[:, None, :]]
        b = rxy[..., members]
        try:
            sol = np.linalg.solve(a, b[..., None])[..., 0]
        except np.linalg.LinAlgError:
            sol = (np.linalg.pinv(a) @ b[..., None])[..., 0]
        out[..., sel] = np.sum(b * sol, axis=-1)
    return out


def _shapley_batch(rxx: np.ndarray, rxy: np.ndarray) -> np.ndarray:
    p = rxx.shape[-1]
    r2 = _subset_r2(rxx, rxy)
    masks = np.arange(1 << p)
    sizes = np.array([bin(m).count("1") for m in masks])
    weight = np.array([math.factorial(s) * math.factorial(p - s - 1) / math.factorial(p) if s < p else 0.0
                       for s in range(p + 1)])
    out = np.empty((*rxx.shape[:-2], p))
    for j in range(p):
        without = masks[(masks >> j) & 1 == 0]
        out[..., j] = np.sum(weight[sizes[without]] * (r2[..., without | (1 << j)] - r2[..., without]), axis=-1)
    return out


def relative_weights(frame: pd.DataFrame, outcome: str, drivers: Sequence[str]) -> Importance:
    """Johnson's (2000) relative weights (Multivariate Behavioral Research 35:1–19).

    The drivers are replaced by their closest orthonormal counterparts Z = X R⁻½ (Johnson
    1966); the outcome is regressed on Z and each squared coefficient is shared back to the
    drivers in proportion to the squared loadings of R½.  Weights add up to the R² of the full
    regression.  Complete responses only.
    """
    x = _complete(frame, outcome, drivers)
    r = _corr(x)
    w = _rw_batch(r[1:, 1:], r[1:, 0])
    r2 = float(r[1:, 0] @ np.linalg.solve(r[1:, 1:], r[1:, 0]))
    return Importance("relative_weights", pd.Series(w, index=list(drivers), name="relative_weight"), r2, len(x))


def shapley_r2(frame: pd.DataFrame, outcome: str, drivers: Sequence[str]) -> Importance:
    """The LMG / Shapley decomposition of R² (Lindeman, Merenda & Gold 1980; Lipovetsky & Conklin 2001).

    Each driver's share is its increase in R² averaged over all orderings of the drivers,
    computed exactly from the R² of all 2ᵖ subsets (p ≤ 15) with the Shapley weights
    ``|S|!(p−|S|−1)!/p!``.  Shares add up to the full R².  Complete responses only.
    """
    x = _complete(frame, outcome, drivers)
    r = _corr(x)
    w = _shapley_batch(r[1:, 1:], r[1:, 0])
    r2 = float(r[1:, 0] @ np.linalg.solve(r[1:, 1:], r[1:, 0]))
    return Importance("shapley_r2", pd.Series(w, index=list(drivers), name="shapley_r2"), r2, len(x))


@dataclass(frozen=True)
class DriverAnalysis:
    """Relative weights and Shapley R² with bootstrap percentile intervals (one row per driver)."""

    outcome: str
    table: pd.DataFrame
    r2: float
    n: int
    n_boot: int
    confidence: float
    seed: int


def _patterns(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct rows of *x* and their counts (survey answers repeat a lot: bootstrap on patterns)."""
    if x.shape[1] <= 10 and np.all(x == np.round(x)) and x.min() >= 0 and x.max() < 64:
        key = np.zeros(len(x), np.int64)
        for j in range(x.shape[1]):
            key = key * 64 + x[:, j].astype(np.int64)
        uniq, first, counts = np.unique(key, return_index=True, return_counts=True)
        return x[first], counts
    uniq, counts = np.unique(x, axis=0, return_counts=True)
    return uniq, counts


def _corr_from_moments(s1: np.ndarray, s2: np.ndarray, n: float, q: int) -> np.ndarray:
    iu = np.triu_indices(q)
    mean = s1 / n
    m2 = np.empty((len(s1), q, q))
    m2[:, iu[0], iu[1]] = s2 / n
    m2[:, iu[1], iu[0]] = s2 / n
    cov = m2 - mean[:, :, None] * mean[:, None, :]
    sd = np.sqrt(np.clip(np.diagonal(cov, axis1=1, axis2=2), 0, None))
    with np.errstate(divide="ignore", invalid="ignore"):
        return cov / (sd[:, :, None] * sd[:, None, :])


def driver_importance(frame: pd.DataFrame, outcome: str, drivers: Sequence[str], *, n_boot: int = 500,
                      seed: int = 0, confidence: float = 0.95) -> DriverAnalysis:
    """Key driver analysis: :func:`relative_weights` and :func:`shapley_r2` with bootstrap intervals.

    The nonparametric bootstrap (Efron & Tibshirani 1993) resamples responses *n_boot* times
    with a seeded generator (``numpy.random.default_rng(seed)``), drawn as multinomial counts
    over the distinct answer patterns, which is the same as resampling rows.  Intervals are
    percentile intervals; replicates where the drivers are collinear are dropped.  The table
    has ``driver``, ``relative_weight`` (+ ``_low``/``_high``), ``shapley`` (+ …), ``share``
    (the Shapley share of R², + …) and ``rank``.
    """
    if not isinstance(n_boot, int) or n_boot < 0:
        raise AnalysisError(f"n_boot must be a whole number ≥ 0; found {n_boot!r}")
    _z(confidence)
    drivers = [drivers] if isinstance(drivers, str) else list(drivers)
    rw = relative_weights(frame, outcome, drivers)
    sh = shapley_r2(frame, outcome, drivers)
    x = _complete(frame, outcome, drivers)
    n, q = x.shape
    table = pd.DataFrame({"driver": drivers, "relative_weight": rw.weights.to_numpy(),
                          "shapley": sh.weights.to_numpy(), "share": sh.shares.to_numpy()})
    if n_boot > 0:
        pats, counts = _patterns(x)
        iu = np.triu_indices(q)
        pair = pats[:, iu[0]] * pats[:, iu[1]]
        rng = np.random.default_rng(seed)
        p = q - 1
        chunk = max(1, min(n_boot, int(4_000_000 // max(1, len(pats)))))
        rws, shs, r2s = [], [], []
        done = 0
        while done < n_boot:
            b = min(chunk, n_boot - done)
            w = rng.multinomial(n, counts / counts.sum(), size=b).astype(float)
            corr = _corr_from_moments(w @ pats, w @ pair, float(n), q)
            rxx, rxy = corr[:, 1:, 1:], corr[:, 1:, 0]
            ok = np.isfinite(corr).all(axis=(1, 2))
            ok[ok] &= np.linalg.eigvalsh(rxx[ok]).min(axis=1) > 1e-10
            r_w = np.full((b, p), np.nan)
            s_w = np.full((b, p), np.nan)
            r_2 = np.full(b, np.nan)
            if ok.any():
                r_w[ok] = _rw_batch(rxx[ok], rxy[ok])
                s_w[ok] = _shapley_batch(rxx[ok], rxy[ok])
                r_2[ok] = np.einsum("bi,bi->b", rxy[ok], np.linalg.solve(rxx[ok], rxy[ok][..., None])[..., 0])
            rws.append(r_w)
            shs.append(s_w)
            r2s.append(r_2)
            done += b
        rwb, shb, r2b = np.vstack(rws), np.vstack(shs), np.concatenate(r2s)
        lo, hi = 50 * (1 - confidence), 100 - 50 * (1 - confidence)
        with np.errstate(invalid="ignore", divide="ignore"):
            share_b = shb / r2b[:, None]
        for name, arr in (("relative_weight", rwb), ("shapley", shb), ("share", share_b)):
            if np.isfinite(arr).any():
                q_lo, q_hi = np.nanpercentile(arr, [lo, hi], axis=0)
            else:
                q_lo = q_hi = np.full(p, np.nan)
            table[f"{name}_low"] = q_lo
            table[f"{name}_high"] = q_hi
    else:
        for name in ("relative_weight", "shapley", "share"):
            table[f"{name}_low"] = np.nan
            table[f"{name}_high"] = np.nan
    table["rank"] = table["shapley"].rank(ascending=False, method="min").astype(int)
    table = table[["driver", "relative_weight", "relative_weight_low", "relative_weight_high", "shapley",
                   "shapley_low", "shapley_high", "share", "share_low", "share_high", "rank"]]
    return DriverAnalysis(outcome, table.sort_values("rank", kind="stable").reset_index(drop=True), sh.r2, n, n_boot,
                          confidence, seed)


QUADRANTS = ("concentrate", "keep_up", "low_priority", "overkill")


def importance_performance(importance: pd.Series, performance: pd.Series) -> pd.DataFrame:
    """Importance–performance quadrants (Martilla & James 1977, J Marketing 41(1):77–79).

    The cross-hairs are the means of importance and of performance over the items (the
    data-centred variant).  ``concentrate`` = important and below-average performance ("concentrate
    here"), ``keep_up`` = important and above, ``low_priority`` = less important and below,
    ``overkill`` = less important and above ("possible overkill").
    """
    if not isinstance(importance, pd.Series) or not isinstance(performance, pd.Series):
        raise AnalysisError("importance and performance must be pandas Series indexed by item")
    common = [i for i in importance.index if i in performance.index]
    if not common:
        raise AnalysisError(f"importance and performance share no item; found {list(importance.index)} and "
                            f"{list(performance.index)}")
    imp = importance.loc[common].astype(float)
    perf = performance.loc[common].astype(float)
    hi_imp = imp >= imp.mean()
    hi_perf = perf >= perf.mean()
    quadrant = np.where(hi_imp & ~hi_perf, "concentrate", np.where(hi_imp & hi_perf, "keep_up",
                        np.where(~hi_imp & ~hi_perf, "low_priority", "overkill")))
    return pd.DataFrame({"item": common, "importance": imp.to_numpy(), "performance": perf.to_numpy(),
                         "quadrant": quadrant, "importance_mean": imp.mean(), "performance_mean": perf.mean()})


# =========================================================================== control charts
@dataclass(frozen=True)
class XmRLimits:
    """Individuals (X) and moving-range (mR) chart limits."""

    centre: float
    lower: float
    upper: float
    mr_bar: float
    mr_upper: float
    sigma: float
    n: int


def xmr_limits(values: Sequence[float] | np.ndarray | pd.Series) -> XmRLimits:
    """XmR chart limits (Wheeler & Chambers 1992; Montgomery, *Introduction to SQC*, §6.4).

    Centre = mean; σ̂ = mR̄/d₂ with d₂ = 1.128; natural process limits = mean ± 3σ̂ = mean ±
    2.66·mR̄; moving-range upper limit = D₄·mR̄ = 3.267·mR̄.  Missing values are skipped.
    """
    x = _floats(values, "values").ravel()
    x = x[~np.isnan(x)]
    if len(x) < 2:
        raise AnalysisError(f"an XmR chart needs at least 2 values; found {len(x)}")
    mr_bar = float(np.mean(np.abs(np.diff(x))))
    centre = float(np.mean(x))
    return XmRLimits(centre, centre - E2 * mr_bar, centre + E2 * mr_bar, mr_bar, D4 * mr_bar, mr_bar / D2, len(x))


@dataclass(frozen=True)
class PChart:
    """p-chart: proportions, centre line, and limits for each sample (Laney p′ when ``laney``)."""

    p: np.ndarray
    sizes: np.ndarray
    centre: float
    sigma: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    laney: bool
    sigma_z: float


def p_chart(counts: Sequence[float] | np.ndarray, sizes: Sequence[float] | np.ndarray, *, laney: bool | None = None,
            large_n: float = 1000) -> PChart:
    """p-chart with a limit for each sample size (Montgomery, *Introduction to SQC*, §7.2).

    ``p̄ = Σx/Σn``; limits ``p̄ ± 3√(p̄(1−p̄)/nᵢ)`` clipped to [0, 1].  With very large samples
    every point falls outside such limits (overdispersion); Laney's p′ chart (Laney 2002,
    *Quality Engineering* 14(4):531–537) widens them by σ_z, the moving-range σ of the
    z-scores ``(pᵢ − p̄)/σᵢ``.  ``laney=None`` uses p′ when the average sample is at least
    *large_n*.
    """
    x, n = _floats(counts, "counts").ravel(), _floats(sizes, "sizes").ravel()
    if len(x) != len(n):
        raise AnalysisError(f"counts and sizes must have the same length; found {len(x)} and {len(n)}")
    if len(x) == 0 or np.isnan(x).any() or np.isnan(n).any():
        raise AnalysisError("a p-chart needs a count and a sample size for every period; found missing values")
    if np.any(n <= 0) or np.any(x < 0) or np.any(x > n * (1 + 1e-9)):
        raise AnalysisError("a p-chart needs sample sizes > 0 and 0 ≤ count ≤ size in every period")
    pbar = float(x.sum() / n.sum())
    p = x / n
    sigma = np.sqrt(pbar * (1 - pbar) / n)
    use_laney = bool(np.mean(n) >= large_n) if laney is None else bool(laney)
    sigma_z = 1.0
    if use_laney and len(x) >= 2 and 0 < pbar < 1:
        zs = (p - pbar) / sigma
        sigma_z = float(np.mean(np.abs(np.diff(zs))) / D2)
        sigma = sigma * sigma_z
    else:
        use_laney = False
    return PChart(p, n, pbar, sigma, np.clip(pbar - 3 * sigma, 0, 1), np.clip(pbar + 3 * sigma, 0, 1), use_laney,
                  sigma_z)


def western_electric(values: Sequence[float] | np.ndarray, centre: float | np.ndarray, sigma: float | np.ndarray, *,
                     periods: Sequence[object] | None = None) -> pd.DataFrame:
    """Western Electric rules 1–4 (*Statistical Quality Control Handbook*, 1956; Montgomery §5.3.6).

    With ``z = (x − centre)/σ``: rule 1 — a point beyond 3σ; rule 2 — 2 of 3 successive points
    beyond 2σ on the same side; rule 3 — 4 of 5 beyond 1σ on the same side; rule 4 — 8
    successive points on the same side of the centre line.  A signal is listed at the point
    that completes the pattern (which must itself lie in the zone); at the start of a series a
    pattern may be completed by fewer points than the window (2 of the first 2 beyond 2σ).
    *centre* and *sigma* may vary by point (p-charts).  Returns ``position``, ``period``, ``rule``,
    ``side`` (+1/−1) and ``z``.
    """
    x = _floats(values, "values").ravel()
    c = np.broadcast_to(_floats(centre, "centre"), x.shape)
    s = np.broadcast_to(_floats(sigma, "sigma"), x.shape)
    if periods is not None and len(periods) != len(x):
        raise AnalysisError(f"periods must have one entry per value ({len(x)}); found {len(periods)}")
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(s > 0, (x - c) / s, np.nan)

    def window_count(flag: np.ndarray, w: int) -> np.ndarray:
        return np.convolve(flag.astype(int), np.ones(w, int), mode="full")[: len(flag)]

    hits: list[tuple[int, int, int]] = []
    with np.errstate(invalid="ignore"):
        for side in (1, -1):
            u = side * z
            for rule, (zone, w, k) in {1: (3, 1, 1), 2: (2, 3, 2), 3: (1, 5, 4), 4: (0, 8, 8)}.items():
                flag = u > zone
                fire = flag & (window_count(flag, w) >= k)
                hits.extend((int(i), rule, side) for i in np.flatnonzero(fire))
    hits.sort()
    frame = pd.DataFrame(hits, columns=["position", "rule", "side"])
    frame["z"] = z[frame["position"].to_numpy()] if len(frame) else pd.Series(dtype=float)
    frame.insert(1, "period", [periods[i] for i in frame["position"]] if periods is not None else frame["position"])
    return frame


@dataclass(frozen=True)
class ControlChart:
    """A control chart of one series: method, points, centre, limits and Western Electric signals."""

    method: str  # "xmr", "p" or "laney"
    periods: tuple
    values: np.ndarray
    centre: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    sigma: np.ndarray
    signals: pd.DataFrame

    @property
    def in_control(self) -> bool:
        return self.signals.empty


def control_chart(values: Sequence[float] | np.ndarray, *, kind: str = "mean", sizes: Sequence[float] | None = None,
                  periods: Sequence[object] | None = None, laney: bool | None = None,
                  large_n: float = 1000) -> ControlChart:
    """The chart for a KPI's kind: XmR for means and counts, p-chart (or Laney p′) for proportions.

    A proportion without a denominator for every period falls back to an XmR chart.
    """
    if kind not in ("mean", "count", "proportion"):
        raise AnalysisError(f"kind must be mean, proportion or count; found {kind!r}")
    x = _floats(values, "values").ravel()
    periods = tuple(periods) if periods is not None else tuple(range(len(x)))
    if len(periods) != len(x):
        raise AnalysisError(f"periods must have one entry per value ({len(x)}); found {len(periods)}")
    keep = ~np.isnan(x)
    x = x[keep]
    periods = tuple(p for p, k in zip(periods, keep) if k)
    n = None if sizes is None else _floats(sizes, "sizes").ravel()[keep]
    if kind == "proportion" and n is not None and np.all(np.isfinite(n)) and np.all(n > 0) and len(x) >= 2:
        if np.any((x < 0) | (x > 1)):
            raise AnalysisError("proportions must lie between 0 and 1")
        pc = p_chart(x * n, n, laney=laney, large_n=large_n)
        centre = np.full(len(x), pc.centre)
        sig = western_electric(x, centre, pc.sigma, periods=periods)
        return ControlChart("laney" if pc.laney else "p", periods, x, centre, pc.lower, pc.upper, pc.sigma, sig)
    lim = xmr_limits(x)
    centre = np.full(len(x), lim.centre)
    sigma = np.full(len(x), lim.sigma)
    lower, upper = np.full(len(x), lim.lower), np.full(len(x), lim.upper)
    if kind in ("count", "proportion"):
        lower = np.maximum(lower, 0)
    if kind == "proportion":
        upper = np.minimum(upper, 1)
    return ControlChart("xmr", periods, x, centre, lower, upper, sigma, western_electric(x, centre, sigma,
                                                                                       periods=periods))


@dataclass(frozen=True)
class Scorecard:
    """The KPI scorecard (one row per KPI) and each KPI's control chart."""

    table: pd.DataFrame
    charts: Mapping[str, ControlChart]


def _kpi_series(values: pd.DataFrame, kind: str) -> pd.DataFrame:
    """One value per period: the organisation's row, or the units' rows combined."""
    v = values.dropna(subset=["period", "value"])
    org = v[v["unit"].isna()]
    src = org if len(org) else v
    rows = []
    for period, g in src.groupby("period", sort=True):
        nn = g["n"].astype(float)
        if len(g) == 1:
            value, n = float(g["value"].iloc[0]), float(nn.iloc[0])
        elif kind == "count":
            value, n = float(g["value"].sum()), math.nan
        elif nn.notna().all() and nn.sum() > 0:
            value, n = float((g["value"] * nn).sum() / nn.sum()), float(nn.sum())
        else:
            value, n = float(g["value"].mean()), math.nan
        rows.append((period, value, n))
    return pd.DataFrame(rows, columns=["period", "value", "n"])


def _trend(values: np.ndarray, direction: str) -> str:
    if len(values) < 4:
        return "short"
    res = stats.theilslopes(values, np.arange(len(values)), alpha=0.95)
    lo, hi = float(res[2]), float(res[3])
    if lo > 0 or hi < 0:
        rising = lo > 0
        return "improving" if rising == (direction == "higher") else "worsening"
    return "stable"


def kpi_scorecard(kpis: pd.DataFrame, values: pd.DataFrame, *, laney: bool | None = None, large_n: float = 1000,
                  amber_band: float = 0.05) -> Scorecard:
    """Each KPI against its target, with its control chart and Western Electric signals.

    ``last`` is the latest period's value (the organisation's row, or the units combined —
    weighted by ``n`` for proportions and means, summed for counts); ``met`` compares it with the
    target in the KPI's direction; ``light`` is green when met, amber when missed by at most
    *amber_band* of the target, red otherwise; ``trend`` is the sign of the Theil–Sen slope (Sen
    1968) when its 95% interval excludes zero (four periods or more).  The chart follows the
    kind (missing kind: proportion when every value is in [0, 1] with a denominator, else mean);
    proportions given as percentages (values above 1) are divided by 100.  ``callout`` is
    ``met_out_of_control`` (meets the target but the process is not stable: the good figure may
    not last) or ``missed_in_control`` (misses it while stable: a system problem, not a special
    cause).
    """
    _check_columns(kpis, ["kpi_id", "direction", "target"], "KPI scorecard (KPIs sheet)")
    _check_columns(values, ["kpi_id", "period", "value"], "KPI scorecard (KPI values sheet)")
    values = values.copy()
    if "n" not in values.columns:
        values["n"] = np.nan
    if "unit" not in values.columns:
        values["unit"] = pd.NA
    rows, charts = [], {}
    for _, k in kpis.iterrows():
        kid = k["kpi_id"]
        if kid is None or kid is pd.NA:
            continue
        v = values[values["kpi_id"].astype("string").str.casefold() == str(kid).casefold()]
        kind = k.get("kind") if isinstance(k.get("kind"), str) else None
        if kind is None:
            vals = v["value"].dropna()
            kind = "proportion" if len(vals) and vals.between(0, 1).all() and v["n"].notna().all() else "mean"
        series = _kpi_series(v, kind)
        target = float(k["target"]) if pd.notna(k["target"]) else math.nan
        if kind == "proportion" and len(series) and series["value"].max() > 1:
            series["value"] = series["value"] / 100
            if target > 1:
                target /= 100
        direction = k["direction"] if k["direction"] in ("higher", "lower") else "higher"
        row: dict[str, Any] = {"kpi_id": kid, "kpi_name": k.get("kpi_name"), "direction": direction, "kind": kind,
                               "unit_of_measure": k.get("unit_of_measure"), "owner": k.get("owner"), "target": target,
                               "periods": len(series), "last": math.nan, "last_period": None, "met": None,
                               "light": None, "trend": "short", "method": None, "in_control": None, "signals": 0,
                               "callout": None}
        if len(series):
            last = float(series["value"].iloc[-1])
            row["last"], row["last_period"] = last, series["period"].iloc[-1]
            if math.isfinite(target):
                met = last >= target if direction == "higher" else last <= target
                gap = abs(last - target)
                row["met"] = bool(met)
                row["light"] = "green" if met else ("amber" if gap <= amber_band * abs(target) else "red")
            row["trend"] = _trend(series["value"].to_numpy(dtype=float), direction)
        if len(series) >= 2:
            chart = control_chart(series["value"].to_numpy(dtype=float), kind=kind,
                                  sizes=series["n"].to_numpy(dtype=float), periods=list(series["period"]),
                                  laney=laney, large_n=large_n)
            charts[str(kid)] = chart
            row["method"] = chart.method
            row["in_control"] = chart.in_control
            row["signals"] = len(chart.signals)
            if row["met"] is True and not chart.in_control:
                row["callout"] = "met_out_of_control"
            elif row["met"] is False and chart.in_control:
                row["callout"] = "missed_in_control"
        rows.append(row)
    columns = ["kpi_id", "kpi_name", "direction", "kind", "unit_of_measure", "owner", "target", "periods", "last",
               "last_period", "met", "light", "trend", "method", "in_control", "signals", "callout"]
    return Scorecard(pd.DataFrame(rows, columns=columns), MappingProxyType(charts))


# =========================================================================== service standards
CASE_MEASURES = ("first_response_days", "resolution_days")


def standards_share(cases: pd.DataFrame, standards: pd.DataFrame | None = None, *,
                    default_resolution_days: float | None = None, confidence: float = 0.95,
                    min_group_size: int = 1, end_activities: Sequence[str] | None = None,
                    response_activities: Sequence[str] | None = None) -> pd.DataFrame:
    """Share of cases meeting each first-response / resolution standard, with a Wilson interval.

    Per case, the times of the case-log engine (:mod:`svcwork.caselog`, the same as the journeys
    section): first-response days = from the first event to the first later response activity
    (*response_activities*; by default the second event: the first thing that happened after the
    citizen's contact); resolution days = from the first event to the end of the last one of a
    *closed* case (an activity named like "closed"/"נסגר" or in *end_activities*, or an
    ``outcome``; an ``end_timestamp`` is the end of an activity and closes a case only in a
    one-row-per-case export).  An open case counts as not met once it is older than the target at
    the log's last timestamp; an open case still within the target is not decided yet and is left
    out (column ``pending``).  When the log shows no closure at all, every case with two events or
    more is taken as resolved at the end of its last event.  A case with one event has no first
    response.  A standard row applies to cases of its service and channel (``*`` = all).  When no
    resolution standard is given, *default_resolution_days* (the engagement's ``sla_days``) is used
    for all services.  Standards on other measures (seconds to answer, KPIs) cannot be checked from
    a case log and are skipped.  Rows with fewer than *min_group_size* cases are dropped.
    """
    _check_columns(cases, ["case_id", "timestamp"], "service standards (case log)")
    if "activity" not in cases.columns:  # a log of case ids and times only: no activity can close a case
        cases = cases.assign(activity="")
    usable = cases[["case_id", "activity", "timestamp"]].notna().all(axis=1).any()
    times = (case_times(cases, end_activities=end_activities, response_activities=response_activities)
             if usable else pd.DataFrame(columns=["service_id", "channel", *CASE_MEASURES, "open_age_days"]))
    st = (standards if standards is not None else pd.DataFrame(columns=["service_id", "measure", "target", "channel"]))
    _check_columns(st, ["service_id", "measure", "target"], "service standards (Standards sheet)")
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
        late_open = pending = 0
        if s["measure"] == "resolution_days":
            age = times.loc[scope, "open_age_days"].dropna()
            late_open, pending = int((age > target).sum()), int((age <= target).sum())
        met = int((vals <= target).sum())
        rows.append({"service_id": sid, "channel": ch, "measure": s["measure"], "target": target,
                     "n": int(len(vals)) + late_open, "met": met, "pending": pending,
                     "median_days": float(vals.median()) if len(vals) else math.nan,
                     "default": bool(s.get("default", False) is True)})
    columns = ["service_id", "channel", "measure", "target", "n", "met", "share", "low", "high", "pending",
               "median_days", "default"]
    if not rows:
        return pd.DataFrame(columns=columns)
    out = pd.DataFrame(rows)
    ci = wilson_interval(out["met"].to_numpy(float), out["n"].to_numpy(float), confidence)
    out["share"], out["low"], out["high"] = np.atleast_1d(ci.value), np.atleast_1d(ci.low), np.atleast_1d(ci.high)
    return suppress(out[out["n"] > 0][columns], count="n", min_size=max(min_group_size, 1)).reset_index(drop=True)


# =========================================================================== the engagement-level analysis
@dataclass(frozen=True)
class MeasuresResult:
    """Service measurement and control for one engagement (see :func:`analyse`).

    Frames hold English keys and shares (0–1) and are already suppressed for small groups;
    :meth:`tables` translates and formats them.
    """

    available: bool
    language: str
    min_group_size: int
    confidence: float
    accent_color: str | None = None
    survey_available: bool = False
    survey_n: int = 0
    survey_shown: bool = False
    items: pd.DataFrame = field(default_factory=pd.DataFrame)
    by: Mapping[str, pd.DataFrame] = field(default_factory=dict)
    nps_overall: Interval | None = None
    nps: pd.DataFrame = field(default_factory=pd.DataFrame)
    unit_vs_all: pd.DataFrame = field(default_factory=pd.DataFrame)
    wave_over_wave: pd.DataFrame = field(default_factory=pd.DataFrame)
    weighting: pd.DataFrame = field(default_factory=pd.DataFrame)
    drivers: DriverAnalysis | None = None
    ipa: pd.DataFrame = field(default_factory=pd.DataFrame)
    service_signal: pd.DataFrame = field(default_factory=pd.DataFrame)
    themes: pd.DataFrame = field(default_factory=pd.DataFrame)
    comments: pd.DataFrame = field(default_factory=pd.DataFrame)
    kpis_available: bool = False
    scorecard: pd.DataFrame = field(default_factory=pd.DataFrame)
    charts: Mapping[str, ControlChart] = field(default_factory=dict)
    standards_available: bool = False
    standards: pd.DataFrame = field(default_factory=pd.DataFrame)
    service_names: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[tuple[str, tuple[tuple[str, object], ...]], ...] = ()

    # ----------------------------------------------------------------- summary
    def _item(self, item: str) -> dict | None:
        if self.items.empty or item not in set(self.items["item"]):
            return None
        r = self.items[self.items["item"] == item].iloc[0]
        return Interval(r["pct_agree"], r["low"], r["high"], r["n"]).as_dict()

    def summary(self) -> dict:
        """JSON-serialisable summary: ``survey`` (n, csat, trust, nps, …) and ``kpis`` (one entry each)."""
        survey: dict[str, Any] = {"available": self.survey_available, "n": int(self.survey_n),
                                  "csat": self._item("satisfaction"), "trust": self._item("trust"),
                                  "nps": (self.nps_overall.as_dict(2) if self.nps_overall is not None else None),
                                  "ces": None, "items": {}, "concentrate_here": [], "weighted": None,
                                  "drivers": []}
        for item in self.items["item"] if not self.items.empty else []:
            survey["items"][item] = self._item(item)
        if "ces" in survey["items"]:
            r = self.items[self.items["item"] == "ces"].iloc[0]
            # value: the share finding it easy (5–7, CES 2.0's "% agree"); mean: the 1–7 mean with its
            # t interval, back from the 0–100 scale (x − 1) / 6 · 100 — the two ways CES is reported
            to_7 = (lambda v: _round(1 + 6 * float(v) / 100, 3) if pd.notna(v) else None)
            survey["ces"] = {"value": _round(r["pct_agree"]), "low": _round(r["low"]), "high": _round(r["high"]),
                             "n": int(r["n"]), "mean_100": _round(r["mean_100"], 2), "mean": to_7(r["mean_100"]),
                             "mean_low": to_7(r["mean_low"]), "mean_high": to_7(r["mean_high"])}
        if not self.ipa.empty:
            survey["concentrate_here"] = _focus_items(self.ipa)
        if self.drivers is not None:
            survey["drivers"] = [{"item": r.driver, "share": _round(r.share), "low": _round(r.share_low),
                                  "high": _round(r.share_high)} for r in self.drivers.table.itertuples()]
        if not self.weighting.empty:
            sat = self.weighting[self.weighting["item"] == "satisfaction"]
            if len(sat):
                r = sat.iloc[0]
                survey["weighted"] = {"csat": {"value": _round(r["pct_weighted"]), "low": _round(r["low_weighted"]),
                                               "high": _round(r["high_weighted"]), "n": int(r["n"]),
                                               "n_eff": _round(r["n_eff"], 1)}}
        kpis = []
        for r in self.scorecard.itertuples() if not self.scorecard.empty else []:
            chart = self.charts.get(str(r.kpi_id))
            signals = ([{"period": _py(s.period), "rule": int(s.rule)} for s in chart.signals.itertuples()]
                       if chart is not None else [])
            kpis.append({"kpi_id": str(r.kpi_id), "last": _round(r.last), "target": _round(r.target),
                         "met": _py(r.met), "signals": signals, "in_control": _py(r.in_control),
                         "light": _py(r.light), "trend": _py(r.trend), "callout": _py(r.callout),
                         "period": _py(r.last_period)})
        standards = [{"service_id": r.service_id, "channel": r.channel, "measure": r.measure,
                      "target": _round(r.target),
                      "n": int(r.n), "share": _round(r.share), "low": _round(r.low), "high": _round(r.high)}
                     for r in self.standards.itertuples()] if not self.standards.empty else []
        return {"available": self.available, "survey": survey, "kpis": kpis, "standards": standards,
                "service_signal": [{"service_id": str(r.service_id), "gap": _round(r.gap), "n": int(r.n)}
                                   for r in self.service_signal.itertuples()] if not self.service_signal.empty else []}

    def skipped(self, lang: str) -> str:
        """Sentences saying which parts were skipped and why ('' when nothing was)."""
        if not self.available:
            return t("measures.skipped.all", lang)
        return " ".join(t(key, lang, **dict(params)) for key, params in self.notes)

    # ----------------------------------------------------------------- tables
    def tables(self, lang: str) -> dict[str, pd.DataFrame]:
        """The report's tables (translated headers, shares as % with one decimal, small groups suppressed)."""
        return _tables(self, lang)

    def figures(self, lang: str) -> dict[str, Any]:
        """The report's figures; every one shows its uncertainty (intervals, control limits)."""
        return _figures(self, lang)

    def findings(self, lang: str) -> list[str]:
        """One to five short sentences for the executive summary."""
        return _findings(self, lang)


def _categories(values: pd.Series, clean=None) -> pd.Series:
    """Trimmed labels as a categorical (sorted categories), cleaning each distinct value once."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    labels = [str(u).strip() for u in uniques]
    if clean is not None:
        labels = [clean(u) if u else u for u in labels]
    cats = pd.Index(sorted({u for u in labels if u}))
    remap = np.append(cats.get_indexer(pd.Index(labels, dtype=object)) if labels else np.zeros(0, np.int64), -1)
    return pd.Series(pd.Categorical.from_codes(remap[codes], categories=cats), index=values.index)


def _prepare_survey(survey: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    frame = pd.DataFrame(index=survey.index)
    lookup = ENUMS["channel"].lookup()
    for col in ("unit", "service_id", "wave", "channel"):
        if col not in survey.columns:
            frame[col] = pd.Series(pd.Categorical([None] * len(survey), categories=[]), index=survey.index)
            continue
        frame[col] = _categories(survey[col], (lambda u: lookup.get(normalize_name(u), u)) if col == "channel"
                                 else None)
    frame["comment"] = (survey["comment"].astype("string").str.strip().replace("", pd.NA)
                        if "comment" in survey.columns else pd.Series(pd.NA, index=survey.index, dtype="string"))
    frame["date"] = pd.to_datetime(survey["date"], errors="coerce") if "date" in survey.columns else pd.NaT
    frame["month"] = _month(frame["date"])
    for item in (*A11_ITEMS, "ces", "nps"):
        frame[item] = pd.to_numeric(survey[item], errors="coerce") if item in survey.columns else np.nan
    quarters = False
    if frame["wave"].isna().all() and frame["date"].notna().any():
        months = frame["month"].to_numpy().astype("datetime64[M]")
        valid = ~np.isnat(months)
        q = np.where(valid, months.astype(np.int64) // 3, -1)  # quarters since 1970
        quarters = len(np.unique(q[valid])) > 1
        if quarters:
            codes, uniques = pd.factorize(q, sort=True)
            names = pd.Index([f"{1970 + u // 4}Q{u % 4 + 1}" if u >= 0 else None for u in uniques])
            wave = names[codes].to_numpy(dtype=object)
            frame["wave"] = _categories(pd.Series(np.where(valid, wave, None), index=frame.index))
    return frame, quarters


def _margins(frame: pd.DataFrame, services: pd.DataFrame, channels: pd.DataFrame) -> dict[str, dict]:
    """Known volumes by unit (Services.annual_volume) and by channel (× Channels.share_pct)."""
    margins: dict[str, dict] = {}
    if services.empty or "annual_volume" not in services.columns or services["annual_volume"].isna().all():
        return margins
    vol = services.dropna(subset=["annual_volume"])
    if frame["unit"].notna().any():
        units = vol.groupby(vol["unit"].astype("string").str.strip().str.casefold())["annual_volume"].sum()
        seen = {str(u).casefold(): u for u in pd.unique(frame["unit"].dropna())}
        m = {seen[k]: float(v) for k, v in units.items() if k in seen and v > 0}
        if m:
            margins["unit"] = m
    if (frame["channel"].notna().any() and not channels.empty and "share_pct" in channels.columns
            and channels["share_pct"].notna().any()):
        ch = channels.dropna(subset=["share_pct"]).merge(vol[["service_id", "annual_volume"]], on="service_id")
        by_ch = (ch["annual_volume"] * ch["share_pct"] / 100).groupby(ch["channel"]).sum()
        seen = set(pd.unique(frame["channel"].dropna()))
        m = {k: float(v) for k, v in by_ch.items() if k in seen and v > 0}
        if m:
            margins["channel"] = m
    return margins


def _drivers_ipa(frame: pd.DataFrame, items: Sequence[str], overall: pd.DataFrame, *, outcome: str, n_boot: int,
                 seed: int, confidence: float, min_size: int
                 ) -> tuple[DriverAnalysis | None, pd.DataFrame, tuple | None]:
    """Key drivers of *outcome* (or trust) and the importance–performance table, or why not.

    One code path for :func:`analyse` and the cheap links :func:`benefit_signal` and
    :func:`weak_drivers`, so the "concentrate here" items are the same everywhere.  The
    quadrants use the point estimates only (Shapley share of R², % agree); the bootstrap
    (*n_boot*) adds intervals and never moves an item between quadrants.  Returns
    ``(drivers, ipa, note)``: *note* is the reason (an i18n key and its values) when the
    analysis was skipped, else None.
    """
    empty = pd.DataFrame()
    target = outcome if outcome in items else ("trust" if "trust" in items else None)
    drivers = [d for d in DRIVER_ITEMS if d in items and d != target]
    if target is None or len(drivers) < 2:
        return None, empty, None
    complete = int(frame[[target, *drivers]].notna().all(axis=1).sum())
    need = max(30, 5 * (len(drivers) + 1), min_size)
    if complete < need:
        return None, empty, ("measures.skipped.drivers", (("n", complete), ("need", need)))
    try:
        da = driver_importance(frame, target, drivers, n_boot=n_boot, seed=seed, confidence=confidence)
        perf = overall.set_index("item")
        tab = da.table.set_index("driver")
        common = [d for d in tab.index if d in perf.index]
        ipa = importance_performance(tab.loc[common, "share"], perf.loc[common, "pct_agree"])
        ipa["importance_low"] = tab.loc[common, "share_low"].to_numpy()
        ipa["importance_high"] = tab.loc[common, "share_high"].to_numpy()
        ipa["performance_low"] = perf.loc[common, "low"].to_numpy()
        ipa["performance_high"] = perf.loc[common, "high"].to_numpy()
    except AnalysisError as exc:
        return None, empty, ("measures.skipped.drivers_error", (("reason", str(exc)),))
    return da, ipa, None


def _focus_items(ipa: pd.DataFrame) -> list[str]:
    """The items of the "concentrate here" quadrant, in driver-rank order."""
    return [] if ipa.empty else [str(i) for i in ipa.loc[ipa["quadrant"] == "concentrate", "item"]]


def _service_signal(ipa: pd.DataFrame, by_service: pd.DataFrame | None) -> pd.DataFrame:
    """Benefit signal for prioritisation: per service, the share *not* agreeing on the focus items.

    ``gap`` = 1 − the mean, over the "concentrate here" items, of the service's share agreeing
    (top-2-box), on 0–1; ``n`` = the smallest response count among those items; ``items`` =
    the focus items.  Services hidden by suppression in the by-service table are absent.  An
    empty frame when there is no focus item or no service breakdown.
    """
    focus = _focus_items(ipa)
    if not focus or by_service is None or by_service.empty:
        return pd.DataFrame()
    s = by_service[by_service["item"].isin(focus)].dropna(subset=["service_id", "pct_agree"])
    if s.empty:
        return pd.DataFrame()
    sig = s.assign(service_id=s["service_id"].astype(str)).groupby("service_id", sort=True).agg(
        n=("n", "min"), agree=("pct_agree", "mean")).reset_index()
    sig["gap"] = 1 - sig["agree"]
    sig["items"] = ", ".join(focus)
    return sig[["service_id", "n", "gap", "items"]].sort_values("gap", ascending=False, kind="stable").reset_index(
        drop=True)


def _analyse_survey(eng: Engagement, out: dict, *, seed: int, confidence: float, n_boot: int, outcome: str,
                    weighting: bool,
                    code_frame: CodeFrame, unstable_width: float, unstable_min_n: float, notes: list) -> None:
    min_size = out["min_group_size"]
    frame, quarters = _prepare_survey(eng.survey)
    n_total = len(frame)
    out.update(survey_available=True, survey_n=n_total)
    if n_total < min_size:
        notes.append(("measures.skipped.too_small", (("min", min_size), ("n", n_total))))
        return
    out["survey_shown"] = True
    if quarters:
        notes.append(("measures.note.quarters", ()))
    kw = dict(min_group_size=min_size, confidence=confidence, unstable_width=unstable_width,
              unstable_min_n=unstable_min_n)
    items = _items_present(frame, None)
    overall = item_table(frame, items=items, **kw)
    out["items"] = overall
    by = {}
    for dim in DIMENSIONS:
        if frame[dim].notna().any():
            by[dim] = item_table(frame, by=(dim,), items=items, **kw)
    out["by"] = MappingProxyType(by)
    # NPS: overall and by each breakdown, one long table
    if frame["nps"].notna().any():
        parts = []
        for dim in ("", *DIMENSIONS):
            if dim and not frame[dim].notna().any():
                continue
            tab = nps_table(frame, by=(dim,) if dim else (), **kw)
            if tab.empty:
                continue
            tab.insert(0, "breakdown", dim or "all")
            tab.insert(1, "group", tab.pop(dim) if dim else "all")
            parts.append(tab)
        out["nps"] = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
        overall_nps = out["nps"][out["nps"]["breakdown"] == "all"] if parts else pd.DataFrame()
        if len(overall_nps):
            r = overall_nps.iloc[0]
            out["nps_overall"] = Interval(float(r["nps"]), float(r["low"]), float(r["high"]), float(r["n"]))
    a11 = [i for i in items if i in A11_ITEMS]
    # unit against all other units (only units shown in the by-unit table: no differencing)
    if "unit" in by and frame["unit"].nunique() >= 2 and a11:
        cmp_ = compare_groups(frame, group="unit", items=a11, min_group_size=min_size, confidence=confidence)
        shown = by["unit"][["unit", "item"]]
        out["unit_vs_all"] = cmp_.merge(shown, on=["unit", "item"], how="inner")
    if "wave" in by and frame["wave"].nunique() >= 2 and a11:
        cmp_ = compare_waves(frame, wave="wave", items=a11, min_group_size=min_size, confidence=confidence)
        shown = set(by["wave"]["wave"])
        out["wave_over_wave"] = cmp_[cmp_["wave_from"].isin(shown) & cmp_["wave_to"].isin(shown)].reset_index(drop=True)
    # weighting to known volumes
    if weighting:
        margins = _margins(frame, eng.table("Services"), eng.table("Channels"))
        if margins:
            rows = np.ones(len(frame), bool)
            for col, m in margins.items():
                rows &= frame[col].isin(list(m)).to_numpy()
            sub = frame.loc[rows]
            used = {c: {k: v for k, v in m.items() if k in set(sub[c])} for c, m in margins.items()}
            try:
                if len(sub) < min_size:
                    raise AnalysisError(f"only {len(sub)} responses have a known volume")
                w = rake(sub, used)
                weighted = item_table(sub, items=a11, weights=w.to_numpy(), **kw)
                unweighted = item_table(sub, items=a11, **kw)
                wt = unweighted[["item", "n", "pct_agree", "low", "high"]].merge(
                    weighted[["item", "pct_agree", "low", "high", "n_eff"]], on="item", suffixes=("", "_weighted"))
                wt = wt.rename(columns={"pct_agree": "pct_unweighted", "low": "low_unweighted",
                                        "high": "high_unweighted", "pct_agree_weighted": "pct_weighted"})
                wt["by"] = " × ".join(used)
                out["weighting"] = wt
            except AnalysisError as exc:
                notes.append(("measures.skipped.weighting", (("reason", str(exc)),)))
    # key drivers, importance–performance and the benefit signal for prioritisation
    da, ipa, note = _drivers_ipa(frame, items, overall, outcome=outcome, n_boot=n_boot, seed=seed,
                                 confidence=confidence, min_size=min_size)
    if note is not None:
        notes.append(note)
    if da is not None:
        out["drivers"], out["ipa"] = da, ipa
    out["service_signal"] = _service_signal(ipa, by.get("service_id"))
    # comments: theme counts over all of them; the latest 50 shown only after redaction
    comments = frame["comment"].dropna()
    if len(comments) >= min_size:
        out["themes"] = theme_table(comments, code_frame, confidence=confidence)
        order = frame.loc[comments.index, "date"].sort_values(ascending=False, kind="stable").index[:50]
        shown = redact(comments.loc[order], lang=out["language"])
        coded = code_themes(shown, code_frame)
        labels = {th.key: th for th in code_frame.themes}
        out["comments"] = pd.DataFrame({
            "comment": shown.to_numpy(),
            "themes": [", ".join(labels[k].label(out["language"]) for k in coded.columns if coded.at[i, k])
                       for i in shown.index]})


def analyse(engagement: Engagement, *, seed: int = 0, confidence: float = 0.95, n_boot: int = 500,
            outcome: str = "satisfaction", weighting: bool = True, code_frame: CodeFrame = DEFAULT_CODE_FRAME,
            unstable_width: float = 0.30, unstable_min_n: float = 30, laney: bool | None = None,
            large_n: float = 1000, amber_band: float = 0.05) -> MeasuresResult:
    """Service measurement and control for an engagement.

    Survey (companion file): item tables overall and by unit, channel, service, wave and month;
    NPS; CES; unit-vs-all and wave-over-wave comparisons; raking to known volumes (Services
    annual volumes by unit, × Channels share by channel) when *weighting*; key drivers of
    *outcome* with *n_boot* bootstrap replicates (*seed*); importance–performance; redacted
    comments and themes (*code_frame*).  KPIs: scorecard and control charts.  Case log: the
    share of cases meeting the Standards (or ``sla_days``).  Parts whose data are absent are
    skipped and said so (:meth:`MeasuresResult.skipped`); nothing raises for missing data.
    """
    _z(confidence)
    if outcome not in A11_ITEMS:
        raise AnalysisError(f"outcome must be one of {', '.join(A11_ITEMS)}; found {outcome!r}")
    settings = engagement.settings
    notes: list = []
    out: dict[str, Any] = dict(language=engagement.language, min_group_size=int(settings.min_group_size),
                               confidence=confidence, accent_color=settings.accent_color, by={},
                               **{k: pd.DataFrame() for k in ("items", "nps", "unit_vs_all", "wave_over_wave",
                                                              "weighting", "ipa", "service_signal", "themes",
                                                              "comments", "scorecard", "standards")})
    services = engagement.table("Services")
    out["service_names"] = MappingProxyType({str(k): str(v) for k, v in zip(services.get("service_id", []),
                                                                           services.get("service_name", []))
                                             if isinstance(k, str) and isinstance(v, str)})
    if engagement.has("survey"):
        _analyse_survey(engagement, out, seed=seed, confidence=confidence, n_boot=n_boot, outcome=outcome,
                        weighting=weighting, code_frame=code_frame, unstable_width=unstable_width,
                        unstable_min_n=unstable_min_n, notes=notes)
    else:
        notes.append(("measures.skipped.survey", ()))
    if engagement.has("KPIs") and engagement.has("KPI values"):
        card = kpi_scorecard(engagement.table("KPIs"), engagement.table("KPI values"), laney=laney, large_n=large_n,
                             amber_band=amber_band)
        out.update(kpis_available=True, scorecard=card.table, charts=card.charts)
    else:
        notes.append(("measures.skipped.kpis", ()))
    if engagement.has("cases"):
        std = standards_share(engagement.cases, engagement.table("Standards"),
                              default_resolution_days=settings.sla_days, confidence=confidence,
                              min_group_size=out["min_group_size"])
        out.update(standards_available=True, standards=std)
    else:
        notes.append(("measures.skipped.standards", ()))
    available = bool(out.get("survey_available") or out.get("kpis_available") or out.get("standards_available"))
    return MeasuresResult(available=available, notes=tuple(notes), **out)


# =========================================================================== links to the other analyses
def _survey_focus(engagement: Engagement, *, outcome: str, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(ipa, service_signal)`` as :func:`analyse` computes them, without the bootstrap or other tables.

    The same preparation, suppression (``min_group_size``), key driver point estimates and
    quadrants as :func:`analyse` (through :func:`_drivers_ipa` and :func:`_service_signal`);
    empty frames when the survey is absent or too small.
    """
    if outcome not in A11_ITEMS:
        raise AnalysisError(f"outcome must be one of {', '.join(A11_ITEMS)}; found {outcome!r}")
    empty = pd.DataFrame()
    if not engagement.has("survey"):
        return empty, empty
    min_size = int(engagement.settings.min_group_size)
    frame, _ = _prepare_survey(engagement.survey)
    if len(frame) < min_size:
        return empty, empty
    items = _items_present(frame, None)
    overall = item_table(frame, items=items, min_group_size=min_size)
    _, ipa, _ = _drivers_ipa(frame, items, overall, outcome=outcome, n_boot=0, seed=seed, confidence=0.95,
                             min_size=min_size)
    by_service = (item_table(frame, by=("service_id",), items=items, min_group_size=min_size)
                  if frame["service_id"].notna().any() else None)
    return ipa, _service_signal(ipa, by_service)


def benefit_signal(engagement: Engagement, *, seed: int = 0, outcome: str = "satisfaction") -> pd.Series:
    """The survey's benefit signal for prioritisation, per service (index ``service_id``).

    The importance–performance analysis (Martilla & James 1977) names the "concentrate here"
    items: drivers of *outcome* (Shapley share of R², Lindeman, Merenda & Gold 1980) above the
    mean importance and below the mean % agree.  For each service the value is the share of
    its respondents *not* agreeing (1 − top-2-box) on those items, averaged over the items:
    0–1, higher = more to gain (0.40: 40% do not agree).  It is exactly the ``gap`` column of
    ``analyse(...).service_signal`` (same code path), computed without the bootstrap and the
    other survey tables, so it is cheap.  The quadrants use point estimates only, so *seed*
    does not change the result (it is accepted so calls can mirror :func:`analyse`).
    Services with fewer than ``min_group_size`` responses are left out (suppressed, as in every
    survey table).  Empty when there is no survey, too few responses for a key driver
    analysis, no "concentrate here" item or no ``service_id`` in the survey.  Sorted from the
    largest gap down.  Pass it to ``prioritize.analyse(engagement, benefit_signal=...)``.
    """
    _, sig = _survey_focus(engagement, outcome=outcome, seed=seed)
    index = pd.Index([], dtype=object, name="service_id")
    if sig.empty:
        return pd.Series([], index=index, dtype=float, name="survey_gap")
    return pd.Series(sig["gap"].to_numpy(dtype=float), index=pd.Index(sig["service_id"].astype(str).to_numpy(),
                                                                       dtype=object, name="service_id"),
                     name="survey_gap")


def weak_drivers(engagement: Engagement, *, seed: int = 0, outcome: str = "satisfaction",
                 lang: str | None = None) -> list[str]:
    """The survey items in the "concentrate here" quadrant, as labels an action plan can mention.

    Short item names (``measures.item_short.*``: "Ease", "קלות", …) in *lang* (default: the
    engagement's language), in driver-rank order: the findings that
    :func:`svcwork.management.findings_without_action` checks against the Actions sheet as
    ``drivers`` (it matches any name of the item, in either language, in an action's
    ``finding`` or ``action`` text).  Same quadrants as :func:`analyse` (point estimates, so
    *seed* does not change the result); ``[]`` when there is no key driver analysis.
    """
    ipa, _ = _survey_focus(engagement, outcome=outcome, seed=seed)
    lang = lang or engagement.language
    return [t(f"measures.item_short.{i}", lang) for i in _focus_items(ipa)]


def _kpi_signal_names(scorecard: pd.DataFrame) -> list[str]:
    if scorecard.empty:
        return []
    missed = scorecard["met"].map(lambda m: isinstance(m, (bool, np.bool_)) and not m).astype(bool)
    hit = (scorecard["signals"].fillna(0).astype(int) > 0) | missed
    names = [n if isinstance(n, str) and n.strip() else str(k)
             for k, n in zip(scorecard.loc[hit, "kpi_id"], scorecard.loc[hit, "kpi_name"])]
    return list(dict.fromkeys(n.strip() for n in names))


def kpi_signals(engagement: Engagement, *, laney: bool | None = None, large_n: float = 1000) -> list[str]:
    """KPIs with a finding: a Western Electric signal on the control chart, or a missed target.

    The scorecard of :func:`analyse` (:func:`kpi_scorecard`, same options), without the survey
    and case-log parts.  Returns each such KPI's ``kpi_name`` (its ``kpi_id`` when unnamed), in
    the order of the KPIs sheet: the ``kpi_signals`` that
    :func:`svcwork.management.findings_without_action` checks against the Actions sheet.
    ``[]`` when the KPIs or KPI values sheet is empty.
    """
    if not (engagement.has("KPIs") and engagement.has("KPI values")):
        return []
    card = kpi_scorecard(engagement.table("KPIs"), engagement.table("KPI values"), laney=laney, large_n=large_n)
    return _kpi_signal_names(card.table)


# =========================================================================== presentation: tables
_PCT = 100.0


def _label_item(item: str, lang: str) -> str:
    return t(f"measures.item.{item}", lang)


def _label_channel(value: object, lang: str) -> object:
    if isinstance(value, str) and value in ENUMS["channel"].keys:
        return ENUMS["channel"].label(value, lang)
    if value == "*":
        return t("measures.all_channels", lang)
    return value


def _yes_no(value: object, lang: str) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return t("measures.yes", lang) if bool(value) else t("measures.no", lang)


def _headers(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return frame.rename(columns={c: t(f"measures.col.{c}", lang) for c in frame.columns})


def _fmt_group(frame: pd.DataFrame, col: str, lang: str, names: Mapping[str, str] | None = None) -> pd.Series:
    s = frame[col]
    if col == "month":
        return s.map(lambda v: _period_label(pd.Timestamp(v)) if pd.notna(v) else "—")
    if col == "channel":
        return s.map(lambda v: _label_channel(v, lang))
    if col == "service_id" and names:
        return s.map(lambda v: f"{v} · {names[v]}" if v in names else v)
    return s


def _survey_view(tab: pd.DataFrame, by: Sequence[str], lang: str, names: Mapping[str, str]) -> pd.DataFrame:
    if tab.empty:
        return _headers(pd.DataFrame(columns=[*by, "item", "n", "pct_agree", "low", "high", "mean_100", "mean_low",
                                              "mean_high", "unstable"]), lang)
    v = pd.DataFrame({c: _fmt_group(tab, c, lang, names) for c in by})
    v["item"] = tab["item"].map(lambda i: _label_item(i, lang))
    v["n"] = tab["n"].astype(int)
    for c in ("pct_agree", "low", "high"):
        v[c] = (tab[c] * _PCT).round(1)
    for c in ("mean_100", "mean_low", "mean_high"):
        v[c] = tab[c].round(1)
    v["unstable"] = tab["unstable"].map(lambda b: _yes_no(b, lang))
    return _headers(v, lang)


def _tables(res: MeasuresResult, lang: str) -> dict[str, pd.DataFrame]:
    out: dict[str, pd.DataFrame] = {}
    names = res.service_names
    if res.survey_shown:
        out["survey_items"] = _survey_view(res.items, (), lang, names)
        for dim, tab in res.by.items():
            slug = {"service_id": "service"}.get(dim, dim)
            out[f"survey_by_{slug}"] = _survey_view(tab, (dim,), lang, names)
        if not res.nps.empty:
            v = pd.DataFrame({
                "breakdown": res.nps["breakdown"].map(lambda d: t(f"measures.col.{d}", lang) if d != "all"
                                                       else t("measures.all", lang)),
                "group": [(_label_channel(g, lang) if d == "channel" else
                           _period_label(pd.Timestamp(g)) if d == "month" else
                           t("measures.all", lang) if d == "all" else g)
                          for d, g in zip(res.nps["breakdown"], res.nps["group"])],
                "n": res.nps["n"].astype(int), "promoters": res.nps["promoters"].astype(int),
                "detractors": res.nps["detractors"].astype(int), "nps": res.nps["nps"].round(1),
                "low": res.nps["low"].round(1), "high": res.nps["high"].round(1),
                "unstable": res.nps["unstable"].map(lambda b: _yes_no(b, lang))})
            out["nps"] = _headers(v, lang)
        if not res.unit_vs_all.empty:
            u = res.unit_vs_all
            v = pd.DataFrame({"unit": u["unit"], "item": u["item"].map(lambda i: _label_item(i, lang)),
                              "n": u["n"].astype(int), "pct_agree": (u["pct"] * _PCT).round(1),
                              "pct_rest": (u["pct_rest"] * _PCT).round(1), "pct_all": (u["pct_all"] * _PCT).round(1),
                              "diff": (u["diff"] * _PCT).round(1), "diff_low": (u["low"] * _PCT).round(1),
                              "diff_high": (u["high"] * _PCT).round(1),
                              "status": u["status"].map(lambda s: t(f"measures.status.{s}", lang))})
            out["unit_vs_all"] = _headers(v, lang)
        if not res.wave_over_wave.empty:
            w = res.wave_over_wave
            v = pd.DataFrame({"item": w["item"].map(lambda i: _label_item(i, lang)), "wave_from": w["wave_from"],
                              "wave_to": w["wave_to"], "n_from": w["n_from"].astype(int),
                              "pct_from": (w["pct_from"] * _PCT).round(1), "n_to": w["n_to"].astype(int),
                              "pct_to": (w["pct_to"] * _PCT).round(1), "diff": (w["diff"] * _PCT).round(1),
                              "diff_low": (w["low"] * _PCT).round(1), "diff_high": (w["high"] * _PCT).round(1),
                              "status": w["status"].map(lambda s: t(f"measures.status.{s}", lang))})
            out["wave_over_wave"] = _headers(v, lang)
        if not res.weighting.empty:
            w = res.weighting
            v = pd.DataFrame({"item": w["item"].map(lambda i: _label_item(i, lang)), "n": w["n"].astype(int),
                              "pct_unweighted": (w["pct_unweighted"] * _PCT).round(1),
                              "low_unweighted": (w["low_unweighted"] * _PCT).round(1),
                              "high_unweighted": (w["high_unweighted"] * _PCT).round(1),
                              "pct_weighted": (w["pct_weighted"] * _PCT).round(1),
                              "low_weighted": (w["low_weighted"] * _PCT).round(1),
                              "high_weighted": (w["high_weighted"] * _PCT).round(1),
                              "n_eff": w["n_eff"].round(0).astype(int),
                              "weighted_by": w["by"].map(lambda s: " × ".join(t(f"measures.col.{c}", lang)
                                                                              for c in s.split(" × ")))})
            out["weighting"] = _headers(v, lang)
        if res.drivers is not None:
            d = res.drivers.table
            v = pd.DataFrame({"driver": d["driver"].map(lambda i: _label_item(i, lang)), "rank": d["rank"]})
            for c in ("share", "share_low", "share_high"):
                v[c] = (d[c] * _PCT).round(1)
            for c in ("shapley", "shapley_low", "shapley_high", "relative_weight", "relative_weight_low",
                      "relative_weight_high"):
                v[c] = d[c].round(4)
            out["drivers"] = _headers(v, lang)
        if not res.ipa.empty:
            p = res.ipa
            v = pd.DataFrame({"item": p["item"].map(lambda i: _label_item(i, lang)),
                              "importance": (p["importance"] * _PCT).round(1),
                              "importance_low": (p["importance_low"] * _PCT).round(1),
                              "importance_high": (p["importance_high"] * _PCT).round(1),
                              "performance": (p["performance"] * _PCT).round(1),
                              "performance_low": (p["performance_low"] * _PCT).round(1),
                              "performance_high": (p["performance_high"] * _PCT).round(1),
                              "quadrant": p["quadrant"].map(lambda q: t(f"measures.quadrant.{q}", lang))})
            out["importance_performance"] = _headers(v, lang)
        if not res.service_signal.empty:
            s = res.service_signal
            v = pd.DataFrame({"service_id": _fmt_group(s, "service_id", lang, names), "n": s["n"].astype(int),
                              "gap": (s["gap"] * _PCT).round(1),
                              "items": s["items"].map(lambda x: ", ".join(_label_item(i, lang)
                                                                          for i in x.split(", ")))})
            out["service_signal"] = _headers(v, lang)
        if not res.themes.empty:
            th = res.themes
            v = pd.DataFrame({"theme": th["he" if lang == "he" else "en"], "mentions": th["mentions"].astype(int),
                              "comments": th["comments"].astype(int), "share": (th["share"] * _PCT).round(1),
                              "low": (th["low"] * _PCT).round(1), "high": (th["high"] * _PCT).round(1)})
            out["themes"] = _headers(v, lang)
        if not res.comments.empty:
            out["comments"] = _headers(res.comments.rename(columns={"comment": "comment_redacted"}), lang)
    if res.kpis_available and not res.scorecard.empty:
        s = res.scorecard
        v = pd.DataFrame({
            "kpi_id": s["kpi_id"], "kpi_name": s["kpi_name"],
            "direction": s["direction"].map(lambda d: t(f"measures.direction.{d}", lang)),
            "owner": s["owner"].map(lambda o: o if isinstance(o, str) else "—"),
            "target": s["target"], "last": s["last"],
            "last_period": s["last_period"].map(lambda p: _period_label(pd.Timestamp(p))
                                                if p is not None and pd.notna(p) else "—"),
            "met": s["met"].map(lambda b: _yes_no(b, lang)),
            "light": s["light"].map(lambda x: t(f"measures.light.{x}", lang) if isinstance(x, str) else "—"),
            "trend": s["trend"].map(lambda x: t(f"measures.trend.{x}", lang)),
            "method": s["method"].map(lambda x: t(f"measures.method.{x}", lang) if isinstance(x, str) else "—"),
            "in_control": s["in_control"].map(lambda b: _yes_no(b, lang)),
            "signals": s["signals"].astype(int),
            "callout": s["callout"].map(lambda x: t(f"measures.callout.{x}", lang) if isinstance(x, str) else "")})
        out["kpi_scorecard"] = _headers(v, lang)
        rows = []
        for kid, chart in res.charts.items():
            for sg in chart.signals.itertuples():
                rows.append({"kpi_id": kid, "period": _period_label(pd.Timestamp(sg.period)),
                             "value": float(chart.values[sg.position]), "rule": int(sg.rule),
                             "rule_text": t(f"measures.rule.{int(sg.rule)}", lang),
                             "side": t("measures.side.above" if sg.side > 0 else "measures.side.below", lang)})
        out["kpi_signals"] = _headers(pd.DataFrame(rows, columns=["kpi_id", "period", "value", "rule", "rule_text",
                                                                  "side"]), lang)
    if res.standards_available and not res.standards.empty:
        s = res.standards
        v = pd.DataFrame({
            "service_id": s["service_id"].map(lambda x: t("measures.all_services", lang) if x == "*"
                                              else (f"{x} · {names[x]}" if x in names else x)),
            "channel": s["channel"].map(lambda x: _label_channel(x, lang)),
            "measure": s["measure"].map(lambda m: t(f"measures.measure.{m}", lang)),
            "target": s["target"], "cases": s["n"].astype(int), "met_count": s["met"].astype(int),
            "share": (s["share"] * _PCT).round(1), "low": (s["low"] * _PCT).round(1),
            "high": (s["high"] * _PCT).round(1), "pending": s["pending"].astype(int),
            "median_days": s["median_days"].round(1)})
        out["service_standards"] = _headers(v, lang)
    return out


# =========================================================================== presentation: figures
def _fig_interval_dots(labels: Sequence[str], values: np.ndarray, lows: np.ndarray, highs: np.ndarray,
                       colors: Sequence[str], *, lang: str, title: str, xlabel: str, ref: float | None = None,
                       ref_label: str | None = None, hollow: Sequence[bool] | None = None, legend: Sequence = (),
                       xlim: tuple[float, float] | None = (0, 100)):
    from .charts import GREY, finish, new_figure

    fig, ax = new_figure(size=(8.0, max(2.6, 0.42 * len(labels) + 1.4)))
    y = np.arange(len(labels))
    ax.hlines(y, lows, highs, colors=list(colors), linewidth=2.2, zorder=2)
    hollow = list(hollow) if hollow is not None else [False] * len(labels)
    for yi, v, c, h in zip(y, values, colors, hollow):
        ax.plot([v], [yi], marker="o", markersize=7, color=c, markerfacecolor="white" if h else c, zorder=3,
                linestyle="none")
    if ref is not None and np.isfinite(ref):
        ax.axvline(ref, color=GREY, linestyle="--", linewidth=1, label=ref_label)
    ax.set_yticks(y, list(labels))
    ax.invert_yaxis()
    if xlim is not None:
        ax.set_xlim(*xlim)
    handles = [h for h in legend]
    if ref is not None and ref_label:
        handles.append(ax.get_lines()[-1])
    if handles:
        ax.legend(handles=handles, loc="best", fontsize=8)
    finish(ax, lang=lang, title=title, xlabel=xlabel, mirror_x=True, value_axis="y")
    ax.grid(axis="y", visible=False)
    return fig


def _legend_handles(entries: Sequence[tuple[str, str, bool]]) -> list:
    from matplotlib.lines import Line2D

    return [Line2D([0], [0], marker="o", color=c, markerfacecolor="white" if hollow else c, label=label,
                   linestyle="-") for label, c, hollow in entries]


def _control_figure(kid: str, name: str | None, chart: ControlChart, target: float | None, lang: str, color: str):
    from .charts import BAD, GREY, NEUTRAL, PALETTE, finish, new_figure

    fig, ax = new_figure(size=(8.0, 4.0))
    x = np.arange(len(chart.values))
    ax.plot(x, chart.values, marker="o", color=color, linewidth=1.5, label=t("measures.legend.value", lang), zorder=3)
    ax.plot(x, chart.centre, color=NEUTRAL, linewidth=1.2, label=t("measures.legend.centre", lang))
    step = "mid" if chart.method != "xmr" else None
    if step:
        ax.step(x, chart.upper, where="mid", color=GREY, linestyle="--", linewidth=1,
                label=t("measures.legend.limits", lang))
        ax.step(x, chart.lower, where="mid", color=GREY, linestyle="--", linewidth=1)
    else:
        ax.plot(x, chart.upper, color=GREY, linestyle="--", linewidth=1, label=t("measures.legend.limits", lang))
        ax.plot(x, chart.lower, color=GREY, linestyle="--", linewidth=1)
    if target is not None and math.isfinite(target):
        ax.axhline(target, color=PALETTE[1], linestyle=":", linewidth=1.5, label=t("measures.legend.target", lang))
    if not chart.signals.empty:
        pos = chart.signals["position"].to_numpy()
        ax.scatter(x[pos], chart.values[pos], s=140, facecolors="none", edgecolors=BAD, linewidths=2, zorder=4,
                   label=t("measures.legend.signal", lang))
        for p, grp in chart.signals.groupby("position"):
            ax.annotate(",".join(str(r) for r in sorted(set(grp["rule"]))), (x[p], chart.values[p]),
                        textcoords="offset points", xytext=(0, 10), ha="center", fontsize=8, color=BAD)
    labels = [_period_label(pd.Timestamp(p)) if not isinstance(p, (int, np.integer)) else str(p) for p in chart.periods]
    every = max(1, len(labels) // 12)
    ax.set_xticks(x[::every], labels[::every], rotation=45, ha="right")
    ax.legend(loc="best", fontsize=8)
    title = t("measures.title.control", lang, kpi=f"{kid} · {name}" if name else kid,
              method=t(f"measures.method.{chart.method}", lang))
    finish(ax, lang=lang, title=title, xlabel=t("measures.axis.period", lang), ylabel=t("measures.axis.value", lang))
    return fig


def _figures(res: MeasuresResult, lang: str) -> dict[str, Any]:
    from .charts import BAD, GOOD, GREY, NEUTRAL, PALETTE, accent, finish, new_figure

    figs: dict[str, Any] = {}
    acc = accent(res.accent_color)
    level = int(round(res.confidence * 100))
    ci_entry = (t("measures.legend.interval", lang, level=level), acc, False)
    unstable_entry = (t("measures.legend.unstable", lang), acc, True)
    if res.survey_shown and not res.items.empty:
        it = res.items
        figs["survey_items"] = _fig_interval_dots(
            [_label_item(i, lang) for i in it["item"]], it["pct_agree"].to_numpy() * 100, it["low"].to_numpy() * 100,
            it["high"].to_numpy() * 100, [acc] * len(it), lang=lang,
            title=t("measures.title.survey_items", lang, level=level), xlabel=t("measures.axis.pct_agree", lang),
            hollow=it["unstable"].tolist(), legend=_legend_handles([ci_entry, unstable_entry]))
    if res.survey_shown and not res.unit_vs_all.empty:
        item = "satisfaction" if (res.unit_vs_all["item"] == "satisfaction").any() else res.unit_vs_all["item"].iloc[0]
        u = res.unit_vs_all[res.unit_vs_all["item"] == item]
        by_unit = res.by["unit"].set_index(["unit", "item"])
        lows = [by_unit.loc[(g, item), "low"] * 100 for g in u["unit"]]
        highs = [by_unit.loc[(g, item), "high"] * 100 for g in u["unit"]]
        colours = [GOOD if s == "higher" else BAD if s == "lower" else NEUTRAL for s in u["status"]]
        figs["unit_comparison"] = _fig_interval_dots(
            list(u["unit"]), u["pct"].to_numpy() * 100, np.array(lows), np.array(highs), colours, lang=lang,
            title=t("measures.title.unit_comparison", lang, item=_label_item(item, lang)),
            xlabel=t("measures.axis.pct_agree", lang), ref=float(u["pct_all"].iloc[0]) * 100,
            ref_label=t("measures.legend.all_units", lang),
            legend=_legend_handles([(t("measures.status.higher", lang), GOOD, False),
                                    (t("measures.status.lower", lang), BAD, False),
                                    (t("measures.status.same", lang), NEUTRAL, False)]))
    if res.survey_shown and "wave" in res.by and res.by["wave"]["wave"].nunique() >= 2:
        wv = res.by["wave"]
        order = list(dict.fromkeys(list(res.wave_over_wave["wave_from"]) + list(res.wave_over_wave["wave_to"]))) \
            if not res.wave_over_wave.empty else sorted(wv["wave"].unique(), key=str)
        order = [w for w in order if w in set(wv["wave"])]
        fig, ax = new_figure(size=(8.0, 4.0))
        x = np.arange(len(order))
        for k, item in enumerate([i for i in ("satisfaction", "trust") if i in set(wv["item"])] or
                                 [wv["item"].iloc[0]]):
            s = wv[wv["item"] == item].set_index("wave").reindex(order)
            off = (k - 0.5) * 0.08
            col = acc if k == 0 else PALETTE[1]
            ax.errorbar(x + off, s["pct_agree"] * 100, yerr=[(s["pct_agree"] - s["low"]) * 100,
                                                             (s["high"] - s["pct_agree"]) * 100],
                        marker="o", capsize=4, color=col, label=_label_item(item, lang))
        ax.set_xticks(x, [str(w) for w in order])
        ax.set_ylim(0, 100)
        ax.legend(loc="lower left", fontsize=8, title=t("measures.legend.interval", lang, level=level),
                  title_fontsize=8)
        finish(ax, lang=lang, title=t("measures.title.wave_trend", lang), xlabel=t("measures.col.wave", lang),
               ylabel=t("measures.axis.pct_agree", lang))
        figs["wave_trend"] = fig
    if res.survey_shown and not res.nps.empty:
        dim = next((d for d in ("unit", "wave", "channel") if (res.nps["breakdown"] == d).sum() >= 2), "all")
        s = res.nps[res.nps["breakdown"].isin(["all", dim])]
        labels = [t("measures.all", lang) if b == "all" else (_label_channel(g, lang) if b == "channel" else str(g))
                  for b, g in zip(s["breakdown"], s["group"])]
        colours = [GREY if b == "all" else acc for b in s["breakdown"]]
        figs["nps"] = _fig_interval_dots(
            labels, s["nps"].to_numpy(), s["low"].to_numpy(), s["high"].to_numpy(), colours, lang=lang,
            title=t("measures.title.nps", lang, dim=t(f"measures.col.{dim}", lang) if dim != "all"
                    else t("measures.all", lang)),
            xlabel=t("measures.axis.nps", lang), xlim=(-100, 100), hollow=s["unstable"].tolist(),
            legend=_legend_handles([ci_entry, unstable_entry]), ref=0.0)
    if res.drivers is not None:
        from matplotlib.lines import Line2D

        d = res.drivers.table
        rw_handle = Line2D([0], [0], marker="D", linestyle="none", color=PALETTE[1], markersize=5,
                           label=t("measures.legend.rw", lang))
        fig = _fig_interval_dots(
            [_label_item(i, lang) for i in d["driver"]], d["share"].to_numpy() * 100, d["share_low"].to_numpy() * 100,
            d["share_high"].to_numpy() * 100, [acc] * len(d), lang=lang,
            title=t("measures.title.drivers", lang, item=_label_item(res.drivers.outcome, lang),
                    r2=f"{res.drivers.r2:.2f}"),
            xlabel=t("measures.axis.importance", lang), xlim=None,
            legend=[*_legend_handles([(t("measures.legend.bootstrap", lang, level=level), acc, False)]), rw_handle])
        ax = fig.axes[0]
        rw_share = d["relative_weight"].to_numpy() / res.drivers.r2 * 100
        ax.plot(rw_share, np.arange(len(d)), marker="D", linestyle="none", color=PALETTE[1], markersize=5, zorder=4)
        figs["drivers"] = fig
    if not res.ipa.empty:
        p = res.ipa
        fig, ax = new_figure(size=(7.5, 5.5))
        xs, ys = p["performance"].to_numpy() * 100, p["importance"].to_numpy() * 100
        colours = {"concentrate": BAD, "keep_up": GOOD, "low_priority": NEUTRAL, "overkill": PALETTE[1]}
        # a percentile bootstrap interval need not contain the point estimate (a skewed share near 0):
        # the bar then starts at the estimate, never at a negative length
        ax.errorbar(xs, ys, xerr=np.clip([xs - p["performance_low"] * 100, p["performance_high"] * 100 - xs], 0, None),
                    yerr=np.clip([ys - p["importance_low"].fillna(p["importance"]).to_numpy() * 100,
                                  p["importance_high"].fillna(p["importance"]).to_numpy() * 100 - ys], 0, None),
                    fmt="none", ecolor=GREY, elinewidth=1, capsize=3, zorder=2)
        for xi, yi, q, item in zip(xs, ys, p["quadrant"], p["item"]):
            ax.scatter([xi], [yi], color=colours[q], s=60, zorder=3)
            ax.annotate(_label_item(item, lang), (xi, yi), textcoords="offset points", fontsize=9,
                        xytext=(-6, 6) if lang == "he" else (6, 6), ha="right" if lang == "he" else "left")
        mx, my = float(p["performance_mean"].iloc[0]) * 100, float(p["importance_mean"].iloc[0]) * 100
        ax.axvline(mx, color=GREY, linestyle="--", linewidth=1)
        ax.axhline(my, color=GREY, linestyle="--", linewidth=1)
        corners = {"concentrate": (0.02, 0.97, "left", "top"), "keep_up": (0.98, 0.97, "right", "top"),
                   "low_priority": (0.02, 0.03, "left", "bottom"), "overkill": (0.98, 0.03, "right", "bottom")}
        for q, (cx, cy, ha, va) in corners.items():
            if lang == "he":
                cx, ha = 1 - cx, {"left": "right", "right": "left"}[ha]
            ax.text(cx, cy, t(f"measures.quadrant.{q}", lang), transform=ax.transAxes, ha=ha, va=va, fontsize=9,
                    color=colours[q], fontweight="bold")
        finish(ax, lang=lang, title=t("measures.title.ipa", lang, level=level),
               xlabel=t("measures.axis.performance", lang), ylabel=t("measures.axis.importance", lang))
        figs["importance_performance"] = fig
    if res.survey_shown and not res.themes.empty and res.themes["mentions"].sum() > 0:
        th = res.themes[res.themes["mentions"] > 0].head(10)
        figs["themes"] = _fig_interval_dots(
            list(th["he" if lang == "he" else "en"]), th["share"].to_numpy() * 100, th["low"].to_numpy() * 100,
            th["high"].to_numpy() * 100, [acc] * len(th), lang=lang,
            title=t("measures.title.themes", lang, n=int(th["comments"].iloc[0])),
            xlabel=t("measures.axis.share", lang),
            xlim=None, legend=_legend_handles([ci_entry]))
    if res.kpis_available and not res.scorecard.empty and res.charts:
        names = dict(zip(res.scorecard["kpi_id"].astype(str), res.scorecard["kpi_name"]))
        targets = dict(zip(res.scorecard["kpi_id"].astype(str), res.scorecard["target"]))
        lights = dict(zip(res.scorecard["kpi_id"].astype(str), res.scorecard["light"]))
        for kid, chart in res.charts.items():
            name = names.get(kid)
            figs[f"control_{re.sub(r'[^0-9A-Za-z_-]+', '_', kid)}"] = _control_figure(
                kid, name if isinstance(name, str) else None, chart, targets.get(kid), lang, acc)
        shown = list(res.charts.items())[:12]
        fig, axes = new_figure(size=(8.0, 1.7 * len(shown) + 0.8), nrows=len(shown), ncols=1, squeeze=False)
        light_colour = {"green": GOOD, "amber": PALETTE[1], "red": BAD}
        for ax, (kid, chart) in zip(axes[:, 0], shown):
            x = np.arange(len(chart.values))
            ax.fill_between(x, chart.lower, chart.upper, color=GREY, alpha=0.18, step="mid" if chart.method != "xmr"
                            else None, label=t("measures.legend.limits", lang))
            ax.plot(x, chart.values, color=acc, linewidth=1.4, marker="o", markersize=3)
            tg = targets.get(kid)
            if tg is not None and math.isfinite(tg):
                ax.axhline(tg, color=PALETTE[1], linestyle=":", linewidth=1.3)
            ax.plot([x[-1]], [chart.values[-1]], marker="o", markersize=10,
                    color=light_colour.get(lights.get(kid), NEUTRAL), zorder=4)
            if not chart.signals.empty:
                pos = chart.signals["position"].to_numpy()
                ax.scatter(x[pos], chart.values[pos], s=60, facecolors="none", edgecolors=BAD, linewidths=1.5,
                           zorder=5)
            ax.set_xticks([])
            name = names.get(kid)
            finish(ax, lang=lang, title=t("measures.title.scorecard_panel", lang,
                                          kpi=f"{kid} · {name}" if isinstance(name, str) else kid,
                                          last=fmt_number(float(chart.values[-1]), lang, digits=2),
                                          target=fmt_number(tg, lang, digits=2)))
            ax.title.set_fontsize(9)
        fig.suptitle(t("measures.title.scorecard", lang), fontweight="bold",
                     x=0.98 if lang == "he" else 0.02, ha="right" if lang == "he" else "left")
        figs["scorecard"] = fig
    if res.standards_available and not res.standards.empty:
        s = res.standards
        names = res.service_names
        labels = [f"{t(f'measures.measure.{m}', lang)} ≤ {fmt_number(tg, lang, digits=0)} · "
                  f"{t('measures.all_services', lang) if sid == '*' else names.get(sid, sid)} · "
                  f"{_label_channel(ch, lang)}" for m, tg, sid, ch in zip(s["measure"], s["target"], s["service_id"],
                                                                          s["channel"])]
        figs["service_standards"] = _fig_interval_dots(
            labels, s["share"].to_numpy() * 100, s["low"].to_numpy() * 100, s["high"].to_numpy() * 100,
            [acc] * len(s), lang=lang, title=t("measures.title.standards", lang),
            xlabel=t("measures.axis.share_met", lang), legend=_legend_handles([ci_entry]))
    return figs


# =========================================================================== presentation: findings
def _pct(v: float, lang: str) -> str:
    return fmt_percent(v, lang, digits=0)


def _findings(res: MeasuresResult, lang: str) -> list[str]:
    out: list[str] = []
    level = int(round(res.confidence * 100))
    sep = ", "
    if not res.available:
        return [t("measures.skipped.all", lang)]
    if res.survey_shown and not res.items.empty and (res.items["item"] == "satisfaction").any():
        r = res.items[res.items["item"] == "satisfaction"].iloc[0]
        out.append(t("measures.finding.csat", lang, pct=_pct(r["pct_agree"], lang), low=_pct(r["low"], lang),
                     high=_pct(r["high"], lang), n=fmt_number(r["n"], lang), level=level))
    if res.kpis_available and not res.scorecard.empty:
        s = res.scorecard
        with_target = s[s["met"].notna()]
        if len(with_target):
            out.append(t("measures.finding.kpis_met", lang, met=int((with_target["met"] == True).sum()),  # noqa: E712
                         total=len(with_target)))
        mo = list(s.loc[s["callout"] == "met_out_of_control", "kpi_id"].astype(str))
        mi = list(s.loc[s["callout"] == "missed_in_control", "kpi_id"].astype(str))
        if mo:
            out.append(t("measures.finding.met_out", lang, kpis=sep.join(mo)))
        if mi:
            out.append(t("measures.finding.missed_in", lang, kpis=sep.join(mi)))
    if res.survey_shown and not res.unit_vs_all.empty:
        item = "satisfaction" if (res.unit_vs_all["item"] == "satisfaction").any() else res.unit_vs_all["item"].iloc[0]
        u = res.unit_vs_all[res.unit_vs_all["item"] == item]
        hi = list(u.loc[u["status"] == "higher", "unit"].astype(str))
        lo = list(u.loc[u["status"] == "lower", "unit"].astype(str))
        if hi or lo:
            out.append(t("measures.finding.units_differ", lang, item=_label_item(item, lang), count=len(hi) + len(lo),
                         higher=sep.join(hi) or "—", lower=sep.join(lo) or "—"))
        else:
            out.append(t("measures.finding.units_same", lang, item=_label_item(item, lang)))
    if not res.ipa.empty:
        focus = _focus_items(res.ipa)
        if focus:
            out.append(t("measures.finding.concentrate", lang, items=sep.join(_label_item(i, lang) for i in focus)))
        elif res.drivers is not None:
            top = res.drivers.table.iloc[0]
            out.append(t("measures.finding.driver", lang, outcome=_label_item(res.drivers.outcome, lang),
                         driver=_label_item(top["driver"], lang), share=_pct(top["share"], lang)))
    if res.standards_available and not res.standards.empty:
        s = res.standards.sort_values("n", ascending=False, kind="stable").iloc[0]
        out.append(t("measures.finding.standards", lang, pct=_pct(s["share"], lang), low=_pct(s["low"], lang),
                     high=_pct(s["high"], lang), measure=t(f"measures.measure.{s['measure']}", lang),
                     target=fmt_number(s["target"], lang), level=level))
    if res.nps_overall is not None:
        v = res.nps_overall
        out.append(t("measures.finding.nps", lang, value=f"{v.value:+.0f}", low=f"{v.low:+.0f}", high=f"{v.high:+.0f}",
                     level=level))
    if not res.wave_over_wave.empty:
        w = res.wave_over_wave[(res.wave_over_wave["item"] == "satisfaction") & res.wave_over_wave["significant"]]
        if len(w):
            r = w.iloc[-1]
            out.append(t("measures.finding.wave", lang, wave_from=r["wave_from"], wave_to=r["wave_to"],
                         before=_pct(r["pct_from"], lang), after=_pct(r["pct_to"], lang)))
    if not out:
        out.append(res.skipped(lang) or t("measures.skipped.all", lang))
    return out[:5]
