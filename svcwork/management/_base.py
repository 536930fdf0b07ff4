"""What every management module shares: the score scale, status names, option checks, small converters.

No presentation here: option errors are catalogue messages (``management.error.*``), raised in
English (the functions have no report language at hand).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Sequence

import numpy as np
import pandas as pd

from ..common import finite_or_none
from ..errors import AnalysisError
from ..i18n import t
from ..intake import Engagement
from ..schema import normalize_name, sheet

_SCORE = sheet("Observations").column("score")
SCALE: tuple[int, ...] = tuple(range(int(_SCORE.lo), int(_SCORE.hi) + 1))
OPEN_STATUSES = ("open", "in progress")
STATUSES = ("open", "in progress", "done", "cancelled")
PERIODS = ("M", "Q")
#: A finding kind and the action source it usually comes from (the Actions sheet's ``source``).
FINDING_KINDS = {"pain_point": "journey", "kpi_signal": "kpi", "low_item": "observation", "driver": "survey",
                 "lesson": "lesson"}
ALL = "*"  # the "all units" / "all pairs" group in long tables


_float = finite_or_none  # a plain float, or None for missing / NaN / infinite values (JSON-safe)


def _check_period(period: str) -> str:
    if period not in PERIODS:
        raise AnalysisError(t("management.error.period", "en", found=repr(period)))
    return period


def _check_min_size(min_size: int) -> int:
    if not isinstance(min_size, (int, np.integer)) or isinstance(min_size, bool) or min_size < 1:
        raise AnalysisError(t("management.error.min_size", "en", found=repr(min_size)))
    return int(min_size)


def _check_alpha(alpha: float) -> float:
    if not (isinstance(alpha, (int, float)) and 0 < alpha < 1):
        raise AnalysisError(t("management.error.alpha", "en", found=repr(alpha)))
    return float(alpha)


def _check_engagement(engagement: object, what: str, lang: str = "en") -> None:
    if not isinstance(engagement, Engagement):
        raise AnalysisError(t("management.error.engagement", lang, what=what, found=type(engagement).__name__))


def _text(series: pd.Series) -> pd.Series:
    """Trimmed text with empty strings as missing."""
    s = series.astype("string").str.strip()
    return s.mask(s == "")


def _as_timestamp(value: object, what: str) -> pd.Timestamp:
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError) as exc:
        raise AnalysisError(t("management.error.date", "en", what=what, found=repr(value))) from exc
    if pd.isna(ts):
        raise AnalysisError(t("management.error.date", "en", what=what, found=repr(value)))
    return ts.tz_localize(None) if ts.tzinfo is not None else ts


def _to_date(value: object) -> dt.date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(ts) else ts.date()


def _t_interval(mean: pd.Series, sd: pd.Series, n: pd.Series, alpha: float) -> tuple[pd.Series, pd.Series]:
    """Student-t interval for a mean of independent scores (NaN where n < 2): ``ȳ ± t₍ₙ₋₁₎ · s / √n``.

    For the scores of one employee (one cluster); a mean over several employees' scores takes
    :func:`_cluster_interval`.
    """
    from scipy import stats

    n_ = n.astype("float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        q = stats.t.ppf(1 - alpha / 2, n_ - 1)
        half = pd.Series(q, index=n.index) * sd / np.sqrt(n_)
    half = half.where(n_ >= 2)
    return mean - half, mean + half


def _cluster_codes(frame: pd.DataFrame, cluster: str) -> pd.Series:
    """The cluster of each row: its *cluster* column, a row without one a cluster of its own."""
    codes = frame[cluster].astype("string")
    missing = codes.isna()
    if missing.any():
        own = pd.Series([f"\0row{i}" for i in range(len(frame))], index=frame.index, dtype="string")
        codes = codes.mask(missing, own)
    return codes


def _cluster_interval(frame: pd.DataFrame, keys: Sequence[str], alpha: float, *, value: str = "score",
                      cluster: str = "employee_code") -> pd.DataFrame:
    """The mean of *value* per group of *keys* with its cluster-robust interval, clusters = *cluster*.

    Intercept-only least squares with the CR1 cluster-robust variance and a t quantile with G − 1
    degrees of freedom, G the clusters (employees) in the group (A. C. Cameron & D. L. Miller, "A
    Practitioner's Guide to Cluster-Robust Inference", *Journal of Human Resources* 50(2), 2015,
    §II–VI: CR1 scales by G/(G − 1) · (N − 1)/(N − K), here K = 1; T(G − 1) reference)::

        V = G/(G − 1) · Σ_g (Σ_{i∈g} (y_i − ȳ))² / N²,    ȳ ± t₍G₋₁₎ · √V

    — exactly statsmodels' ``OLS(y, ones).fit(cov_type="cluster", cov_kwds={"groups": codes},
    use_t=True).conf_int(alpha)``, computed for every group at once.  The scores of one employee
    are not independent (several sessions, several items in a session): a Student-t interval
    over the scores would be too narrow.  A row without a cluster code is a cluster of its own.
    Indexed by *keys* (as ``frame.groupby(keys, sort=True)``); columns ``clusters`` (G), ``low``,
    ``high``; NaN limits where G < 2.
    """
    from scipy import stats

    keys = list(keys)
    y = frame[value].astype("float64")
    groups = frame.groupby(keys, sort=True, observed=True)[value]
    n, mean = groups.count().astype("float64"), groups.mean()
    work = frame[keys].assign(_cluster=_cluster_codes(frame, cluster), _resid=y - groups.transform("mean"))
    work = work[y.notna()]
    per_cluster = work.groupby([*keys, "_cluster"], sort=True, observed=True)["_resid"].sum()
    level = keys if len(keys) > 1 else keys[0]
    scores = (per_cluster * per_cluster).groupby(level=level, sort=True).agg(["sum", "count"])
    scores = scores.reindex(n.index)
    g = scores["count"].astype("float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        var = g / (g - 1) * scores["sum"] / (n * n)
        q = pd.Series(stats.t.ppf(1 - alpha / 2, g - 1), index=n.index)
        half = (q * np.sqrt(var)).where(g >= 2)
    return pd.DataFrame({"clusters": g.fillna(0).astype("int64"), "low": mean - half, "high": mean + half},
                        index=n.index)


def _cluster_slope(x: np.ndarray, y: np.ndarray, clusters: np.ndarray, alpha: float
                   ) -> tuple[float | None, float | None, float | None]:
    """Least-squares slope of *y* on *x* with its cluster-robust interval (CR1, t with G − 1 degrees
    of freedom; Cameron & Miller 2015, as :func:`_cluster_interval`).

    The slope is ``Σ wᵢ yᵢ`` with ``wᵢ = (xᵢ − x̄) / Σ (xⱼ − x̄)²``; its CR1 variance
    ``G/(G − 1) · (N − 1)/(N − 2) · Σ_g (Σ_{i∈g} wᵢ eᵢ)²`` (eᵢ the residuals) — statsmodels'
    ``OLS(y, add_constant(x)).fit(cov_type="cluster", …, use_t=True)``.  None when the slope is
    undefined (fewer than 3 points or one x); limits None when fewer than 2 clusters.
    """
    from scipy import stats

    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = len(x)
    if n < 3 or len(np.unique(x)) < 2:
        return None, None, None
    dx = x - x.mean()
    sxx = float(dx @ dx)
    slope = float(dx @ (y - y.mean())) / sxx
    resid = y - y.mean() - slope * dx
    _, idx = np.unique(np.asarray(clusters, dtype=object).astype(str), return_inverse=True)
    g = int(idx.max()) + 1
    if g < 2:
        return _float(slope), None, None
    contrib = np.bincount(idx, weights=dx * resid / sxx, minlength=g)
    var = g / (g - 1) * (n - 1) / (n - 2) * float(contrib @ contrib)
    half = float(stats.t.ppf(1 - alpha / 2, g - 1)) * math.sqrt(var)
    if not math.isfinite(half):
        return _float(slope), None, None
    return _float(slope), _float(slope - half), _float(slope + half)


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})


def _service_units(services: pd.DataFrame | None) -> dict[str, str]:
    """Each service id (case-folded) and its unit, from the Services sheet."""
    if services is None or services.empty or "service_id" not in services or "unit" not in services:
        return {}
    ids, units = _text(services["service_id"]), _text(services["unit"])
    return {i.casefold(): u for i, u in zip(ids, units) if isinstance(i, str) and isinstance(u, str)}


def _owner_units(owners: pd.DataFrame | None) -> dict[str, str]:
    """Each owner (normalised name) and their unit, from the Owners sheet (the first row of an owner)."""
    if owners is None or owners.empty or "owner" not in owners or "unit" not in owners:
        return {}
    out: dict[str, str] = {}
    for o, u in zip(_text(owners["owner"]), _text(owners["unit"])):
        if isinstance(o, str) and isinstance(u, str):
            out.setdefault(normalize_name(o), u)
    return out


def _owning_unit(own: pd.Series, owner: pd.Series, service: pd.Series, owners: pd.DataFrame | None,
                 services: pd.DataFrame | None) -> tuple[pd.Series, pd.Series]:
    """The unit that owns each KPI or action, and where it came from (``unit_from``).

    Its own ``unit`` column (``"sheet"``), else its owner's unit in the Owners sheet (``"owner"``),
    else the unit of its service (``"service"``); None (organisation-wide) when none applies.
    """
    by_owner, by_service = _owner_units(owners), _service_units(services)
    found: list[tuple[str | None, str | None]] = []
    for u, o, s in zip(_text(own), _text(owner), _text(service)):
        if isinstance(u, str):
            found.append((u, "sheet"))
        elif isinstance(o, str) and normalize_name(o) in by_owner:
            found.append((by_owner[normalize_name(o)], "owner"))
        elif isinstance(s, str) and s.casefold() in by_service:
            found.append((by_service[s.casefold()], "service"))
        else:
            found.append((None, None))
    return (pd.Series([f[0] for f in found], index=own.index, dtype="string"),
            pd.Series([f[1] for f in found], index=own.index, dtype="string"))


def _frame(engagement: Engagement, key: str) -> pd.DataFrame | None:
    """A copy of an engagement's sheet or companion file; None when absent or empty."""
    if key in ("cases", "survey", "training"):
        f = getattr(engagement, key, None)
        return None if f is None or len(f) == 0 else f.copy()
    f = engagement.tables.get(key) if hasattr(engagement.tables, "get") else None
    return None if f is None or len(f) == 0 else f.copy()
