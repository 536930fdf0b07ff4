"""Service management and the moment of truth: observations, action plan, lessons, training.

Pure functions (frames in, frames or small frozen objects out) for each method, and
:func:`analyse` which runs them on an :class:`~svcwork.intake.Engagement` and returns a
:class:`ManagementResult` (tables, figures, findings, ``summary()`` and one
:class:`UnitPack` per unit manager).

Methods and references
----------------------
* Observation scores: mean with a Student-t interval per item / unit / observer / employee
  (pseudonymised); trend per period as an ordinary least-squares slope (scipy ``linregress``)
  with its t interval.  Groups with fewer scores than ``min_group_size`` are dropped
  (:func:`svcwork.privacy.suppress`) before anything else sees them.
* Observer calibration: quadratic-weighted Cohen's kappa (Cohen 1968, *Psychol. Bull.* 70:213;
  asymptotic standard error of Fleiss, Cohen & Everitt 1969, via
  ``statsmodels.stats.inter_rater.cohens_kappa``) and the intraclass correlation ICC(2,1)
  (two-way random effects, absolute agreement, single rater) with its F-based interval
  (Shrout & Fleiss 1979, *Psychol. Bull.* 86:420; McGraw & Wong 1996, *Psychol. Methods* 1:30,
  case 2A) per pair of observers.  The pooled all-pairs row mixes pairs of different observers,
  so it uses ICC(1,1) (one-way random effects, Shrout & Fleiss Case 1) with a percentile
  bootstrap interval clustered by employee (one employee gives several pairs; seed recorded).
* Actions: status counts, overdue as of the report date (``settings.period_end``), a planned
  burn-down from the due dates and the burn-down across re-measurement rounds: per quarter of
  the engagement period, the actions due by its end that are done / still not done at the
  report date (the Actions sheet has due dates and the current status, no completion dates),
  or, when earlier rounds' Actions sheets are given, the actual remaining actions per round.
* Lessons learned: Pareto analysis of categories (Juran's "vital few": categories that make up
  the first 80 % of events), recurring categories, lessons with and without an action.
* Training: paired pre/post change with a t interval and paired t test (``scipy.stats.ttest_rel``),
  the Wilcoxon signed-rank test (Wilcoxon 1945; ``scipy.stats.wilcoxon``) and Cohen's d_z
  (mean difference / SD of differences; Cohen 1988; Lakens 2013, *Front. Psychol.* 4:863); transfer to the job as the
  same paired analysis of each trained employee's observation scores before and after the
  training date (matched on the pseudonymised employee code: the loader uses one namespace
  for ``Observations.employee_code`` and ``training.employee_code``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import warnings
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator
from scipy import stats

from . import charts
from .errors import AnalysisError
from .i18n import fmt_date, fmt_number, fmt_percent, fmt_signed, t
from .intake import Engagement
from .journeys import pain_points as _journey_pain_points
from .measures import A11_ITEMS as _SURVEY_ITEMS
from .measures import kpi_signals as _measures_kpi_signals
from .measures import weak_drivers as _measures_weak_drivers
from .privacy import SUPPRESSED, suppress
from .schema import ENUMS, FRONTLINE_SKILLS, normalize_name, sheet

__all__ = [
    "Agreement",
    "PairedChange",
    "UnitSignal",
    "ItemScore",
    "ActionItem",
    "SkillChange",
    "FocusPoint",
    "UnitPack",
    "ManagementResult",
    "item_label",
    "observation_scores",
    "publishable_observations",
    "observation_trend",
    "coaching_focus",
    "weighted_kappa",
    "icc_2_1",
    "icc_1_1",
    "icc_1_1_cluster_bootstrap",
    "observer_calibration",
    "prepare_actions",
    "action_status",
    "overdue_actions",
    "burn_down",
    "burn_down_rounds",
    "burn_down_by_round",
    "findings_without_action",
    "linked_findings",
    "lessons_pareto",
    "lessons_without_action",
    "paired_change",
    "cohens_dz",
    "training_effect",
    "training_transfer",
    "kpi_snapshot",
    "unit_signals",
    "unit_packs",
    "analyse",
]

_SCORE = sheet("Observations").column("score")
SCALE: tuple[int, ...] = tuple(range(int(_SCORE.lo), int(_SCORE.hi) + 1))
OPEN_STATUSES = ("open", "in progress")
STATUSES = ("open", "in progress", "done", "cancelled")
PERIODS = ("M", "Q")
#: A finding kind and the action source that answers it.
FINDING_KINDS = {"pain_point": "journey", "kpi_signal": "kpi", "low_item": "observation", "driver": "survey"}
ALL = "*"  # the "all units" / "all pairs" group in long tables

# --------------------------------------------------------------------------- small helpers


def _float(x: object) -> float | None:
    """A plain float, or None for missing / NaN / infinite values (JSON-safe)."""
    if x is None:
        return None
    try:
        v = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _round(x: object, digits: int = 2) -> float | None:
    """Rounded float (None when missing); a negative zero such as round(-0.001, 2) becomes 0.0."""
    v = _float(x)
    return None if v is None else round(v, digits) + 0.0


def _require(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise AnalysisError(f"{what}: expected a pandas DataFrame, found {type(frame).__name__}.")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise AnalysisError(f"{what}: expected columns {', '.join(missing)}; found {', '.join(map(str, frame.columns)) or '—'}.")


def _check_period(period: str) -> str:
    if period not in PERIODS:
        raise AnalysisError(f"period: expected 'M' (months) or 'Q' (quarters), found {period!r}.")
    return period


def _check_min_size(min_size: int) -> int:
    if not isinstance(min_size, (int, np.integer)) or isinstance(min_size, bool) or min_size < 1:
        raise AnalysisError(f"min_size: expected a whole number of at least 1, found {min_size!r}.")
    return int(min_size)


def _check_alpha(alpha: float) -> float:
    if not (isinstance(alpha, (int, float)) and 0 < alpha < 1):
        raise AnalysisError(f"alpha: expected a number between 0 and 1 (e.g. 0.05), found {alpha!r}.")
    return float(alpha)


def _text(series: pd.Series) -> pd.Series:
    """Trimmed text with empty strings as missing."""
    s = series.astype("string").str.strip()
    return s.mask(s == "")


def _as_timestamp(value: object, what: str) -> pd.Timestamp:
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError) as exc:
        raise AnalysisError(f"{what}: expected a date, found {value!r}.") from exc
    if pd.isna(ts):
        raise AnalysisError(f"{what}: expected a date, found {value!r}.")
    return ts.tz_localize(None) if ts.tzinfo is not None else ts


def _t_interval(mean: pd.Series, sd: pd.Series, n: pd.Series, alpha: float) -> tuple[pd.Series, pd.Series]:
    """Student-t interval for a mean (NaN where n < 2)."""
    n_ = n.astype("float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        q = stats.t.ppf(1 - alpha / 2, n_ - 1)
        half = pd.Series(q, index=n.index) * sd / np.sqrt(n_)
    half = half.where(n_ >= 2)
    return mean - half, mean + half


# --------------------------------------------------------------------------- observation items
_ITEM_EXTRA = {
    "listening": ("active listening", "הקשבה פעילה"),
    "containing anger": ("anger", "handling anger", "הכלה", "הכלת כעס של פונה"),
    "setting boundaries kindly": ("setting boundaries", "boundaries", "הצבת גבולות"),
    "complete solution": ("complete solution (no recurrence)", "solving completely", "full solution", "פתרון מלא"),
    "closing": ("closing the conversation", "סיום", "סגירה", "סגירת השיחה"),
}
_ITEM_INDEX: dict[str, str] = {}
for _en, _he in FRONTLINE_SKILLS:
    for _alias in (_en, _he, *_ITEM_EXTRA.get(_en, ())):
        _ITEM_INDEX.setdefault(normalize_name(_alias), _en)
_ITEM_HE = dict(FRONTLINE_SKILLS)
# survey items (key drivers): the key and the short and full names in both languages all name the item
_SURVEY_INDEX: dict[str, str] = {}
for _key in _SURVEY_ITEMS:
    for _alias in (_key, *(t(f"measures.{_k}.{_key}", _l) for _k in ("item_short", "item") for _l in ("en", "he"))):
        _SURVEY_INDEX.setdefault(normalize_name(_alias), _key)


def item_label(item: object, lang: str) -> str:
    """The display name of an observation item or skill.

    The frontline skills of the method (:data:`svcwork.schema.FRONTLINE_SKILLS`) are shown in the
    report language whatever language they were written in; other items as the client wrote them.
    """
    if item is None or (isinstance(item, float) and math.isnan(item)):
        return SUPPRESSED
    key = _ITEM_INDEX.get(normalize_name(item))
    if key is None:
        return str(item).strip()
    return _ITEM_HE[key] if lang == "he" else key


def _canonical_items(values: pd.Series) -> pd.Series:
    """One spelling per item: the English key for frontline skills, else the first spelling seen."""
    text = _text(values)
    norm = text.map(lambda v: normalize_name(v) if isinstance(v, str) else v)
    first: dict[str, str] = {}
    for n_, v in zip(norm, text):
        if isinstance(n_, str) and n_ not in first:
            first[n_] = _ITEM_INDEX.get(n_, v)
    return norm.map(lambda n_: first.get(n_) if isinstance(n_, str) else pd.NA).astype("string")


def _prepare_observations(observations: pd.DataFrame) -> pd.DataFrame:
    _require(observations, ("date", "unit", "observer", "employee_code", "item", "score"), "Observations")
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
        raise AnalysisError(f"Observations: expected whole scores from {SCALE[0]} to {SCALE[-1]}, found {found}.")
    return obs.dropna(subset=["date", "unit", "item", "score"]).reset_index(drop=True)


# --------------------------------------------------------------------------- observations: scores and trends


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
        raise AnalysisError(f"by: expected some of unit, item, observer, employee_code; found {by!r}.")
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
    restriction; remaining cells by period are suppressed on their own).
    """
    min_size = _check_min_size(min_size)
    obs = _prepare_observations(observations)
    if obs.empty:
        return obs
    people = obs.groupby(["unit", "item"], observed=True)["employee_code"].transform("nunique")
    return obs[people >= min_size].reset_index(drop=True)


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
        raise AnalysisError(f"top: expected a whole number of at least 1, found {top!r}.")
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


# --------------------------------------------------------------------------- observer calibration


@dataclass(frozen=True)
class Agreement:
    """An agreement statistic with its interval (None when undefined, e.g. no variation)."""

    method: str
    estimate: float | None
    low: float | None
    high: float | None
    n: int


def weighted_kappa(a: Sequence[float], b: Sequence[float], *, categories: Sequence[float] = SCALE,
                   weights: str | None = "quadratic", alpha: float = 0.05) -> Agreement:
    """Cohen's weighted kappa of two raters' scores, with its asymptotic interval.

    *weights* ``"quadratic"`` (Fleiss–Cohen), ``"linear"`` (Cicchetti–Allison) or None
    (unweighted kappa).  The contingency table is built over all *categories* so that unused
    scale points keep their spacing.  Estimate and standard error from
    ``statsmodels.stats.inter_rater.cohens_kappa`` (Cohen 1968; Fleiss, Cohen & Everitt 1969);
    the interval is estimate ± z·SE.
    """
    from statsmodels.stats.inter_rater import cohens_kappa

    alpha = _check_alpha(alpha)
    if weights not in ("quadratic", "linear", None):
        raise AnalysisError(f"weights: expected 'quadratic', 'linear' or None, found {weights!r}.")
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if x.shape != y.shape or x.ndim != 1:
        raise AnalysisError(f"weighted_kappa: expected two score lists of equal length, found {x.shape} and {y.shape}.")
    keep = ~(np.isnan(x) | np.isnan(y))
    x, y = x[keep], y[keep]
    cats = [float(c) for c in categories]
    index = {c: i for i, c in enumerate(cats)}
    unknown = sorted({v for v in np.concatenate([x, y]) if v not in index})
    if unknown:
        raise AnalysisError(f"weighted_kappa: expected scores among {', '.join(fmt_number(c, digits=0) for c in cats)}, "
                            f"found {', '.join(fmt_number(v, digits=2) for v in unknown[:5])}.")
    method = f"kappa_{weights or 'unweighted'}"
    n = int(len(x))
    if n < 2:
        return Agreement(method, None, None, None, n)
    table = np.zeros((len(cats), len(cats)))
    np.add.at(table, ([index[v] for v in x], [index[v] for v in y]), 1)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        res = cohens_kappa(table, wt=weights) if weights else cohens_kappa(table)
    est, se = _float(res["kappa"]), _float(res["std_kappa"])
    if est is None:
        return Agreement(method, None, None, None, n)
    if se is None:
        return Agreement(method, est, None, None, n)
    z = stats.norm.ppf(1 - alpha / 2)
    return Agreement(method, est, est - z * se, est + z * se, n)


def _complete_rows(ratings: np.ndarray | pd.DataFrame, name: str, columns: str) -> np.ndarray:
    """*ratings* as a float targets × {columns} array without the rows that miss a rating."""
    m = np.asarray(ratings, dtype=float)
    if m.ndim != 2 or m.shape[1] < 2:
        raise AnalysisError(f"{name}: expected a targets × {columns} table with at least 2 {columns}, found shape {m.shape}.")
    return m[~np.isnan(m).any(axis=1)]


def icc_2_1(ratings: np.ndarray | pd.DataFrame, *, alpha: float = 0.05) -> Agreement:
    """ICC(2,1): two-way random effects, absolute agreement, single rater, with its F-based interval.

    *ratings* is targets × raters (rows with a missing rating are dropped).  Mean squares from
    the two-way ANOVA without replication; estimate and interval as in Shrout & Fleiss (1979,
    Case 2) and McGraw & Wong (1996, ICC(A,1), case 2A).
    """
    alpha = _check_alpha(alpha)
    m = _complete_rows(ratings, "icc_2_1", "raters")
    n, k = m.shape
    if n < 2:
        return Agreement("icc_2_1", None, None, None, int(n))
    grand = m.mean()
    ss_rows = k * ((m.mean(axis=1) - grand) ** 2).sum()
    ss_cols = n * ((m.mean(axis=0) - grand) ** 2).sum()
    ss_err = ((m - grand) ** 2).sum() - ss_rows - ss_cols
    bms, jms, ems = ss_rows / (n - 1), ss_cols / (k - 1), ss_err / ((n - 1) * (k - 1))
    denom = bms + (k - 1) * ems + k * (jms - ems) / n
    if denom <= 0 or not math.isfinite(denom):
        return Agreement("icc_2_1", None, None, None, int(n))
    icc = (bms - ems) / denom
    low = high = None
    if ems > 0:
        fj = jms / ems
        a_ = k * icc / (n * (1 - icc)) if icc < 1 else math.inf
        b_ = 1 + k * icc * (n - 1) / (n * (1 - icc)) if icc < 1 else math.inf
        if math.isfinite(a_) and math.isfinite(b_):
            v = (a_ * fj + b_) ** 2 / ((a_ * fj) ** 2 / (k - 1) + b_ ** 2 / ((n - 1) * (k - 1)))
            f_lo = stats.f.ppf(1 - alpha / 2, n - 1, v)
            f_hi = stats.f.ppf(1 - alpha / 2, v, n - 1)
            low = n * (bms - f_lo * ems) / (f_lo * (k * jms + (k * n - k - n) * ems) + n * bms)
            high = n * (f_hi * bms - ems) / (k * jms + (k * n - k - n) * ems + n * f_hi * bms)
    return Agreement("icc_2_1", _float(icc), _float(low), _float(high), int(n))


def icc_1_1(ratings: np.ndarray | pd.DataFrame, *, alpha: float = 0.05) -> Agreement:
    """ICC(1,1): one-way random effects, single rater, with its F-based interval.

    *ratings* is targets × ratings (rows with a missing rating are dropped).  Each target may be
    rated by a different set of raters, so the rater effect is not separable and is part of the
    error: ``(BMS − WMS) / (BMS + (k − 1)·WMS)`` from the one-way ANOVA (between-targets and
    within-target mean squares); interval ``(F_L − 1) / (F_L + k − 1)`` to
    ``(F_U − 1) / (F_U + k − 1)`` with ``F_L = F₀ / F(1 − α/2; n − 1, n(k − 1))`` and
    ``F_U = F₀ · F(1 − α/2; n(k − 1), n − 1)`` (Shrout & Fleiss 1979, Case 1; McGraw & Wong
    1996, ICC(1)).  The F interval assumes independent targets.
    """
    alpha = _check_alpha(alpha)
    m = _complete_rows(ratings, "icc_1_1", "ratings")
    n, k = m.shape
    if n < 2:
        return Agreement("icc_1_1", None, None, None, int(n))
    bms = k * ((m.mean(axis=1) - m.mean()) ** 2).sum() / (n - 1)
    wms = ((m - m.mean(axis=1, keepdims=True)) ** 2).sum() / (n * (k - 1))
    denom = bms + (k - 1) * wms
    if denom <= 0 or not math.isfinite(denom):
        return Agreement("icc_1_1", None, None, None, int(n))
    icc = (bms - wms) / denom
    low = high = None
    if wms > 0:
        f0 = bms / wms
        f_l = f0 / stats.f.ppf(1 - alpha / 2, n - 1, n * (k - 1))
        f_u = f0 * stats.f.ppf(1 - alpha / 2, n * (k - 1), n - 1)
        low, high = (f_l - 1) / (f_l + k - 1), (f_u - 1) / (f_u + k - 1)
    return Agreement("icc_1_1", _float(icc), _float(low), _float(high), int(n))


def icc_1_1_cluster_bootstrap(a: Sequence[float], b: Sequence[float], clusters: Sequence[object], *,
                              n_boot: int = 2000, seed: int = 0, alpha: float = 0.05) -> Agreement:
    """ICC(1,1) of paired scores (*a*, *b*) with a percentile interval from a bootstrap clustered by *clusters*.

    One employee contributes several pairs (one per item and joint observation), which are not
    independent; the F interval of :func:`icc_1_1` would be too narrow.  Each replicate draws
    employees with replacement (all their pairs together; Field & Welsh 2007, *J. R. Stat. Soc.
    B* 69:369) and recomputes ICC(1,1) from the one-way mean squares; the interval is the
    α/2 and 1 − α/2 percentiles of the *n_boot* replicates (NumPy ``default_rng(seed)``, so the
    interval is reproducible).  The estimate is :func:`icc_1_1` on all pairs.
    """
    alpha = _check_alpha(alpha)
    if not isinstance(n_boot, (int, np.integer)) or isinstance(n_boot, bool) or n_boot < 0:
        raise AnalysisError(f"n_boot: expected a whole number of at least 0, found {n_boot!r}.")
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    c = pd.Series(list(clusters), dtype="object")
    if not (x.shape == y.shape == (len(c),)):
        raise AnalysisError(f"icc_1_1_cluster_bootstrap: expected a, b and clusters of equal length, found "
                            f"{x.shape}, {y.shape} and {len(c)}.")
    keep = ~(np.isnan(x) | np.isnan(y)) & c.notna().to_numpy()
    x, y, c = x[keep], y[keep], c[keep]
    point = icc_1_1(np.column_stack([x, y]), alpha=alpha)
    if point.estimate is None or n_boot == 0:
        return Agreement("icc_1_1", point.estimate, None, None, point.n)
    codes, uniques = pd.factorize(c)
    g = len(uniques)
    if g < 2:
        return Agreement("icc_1_1", point.estimate, None, None, point.n)
    # per-cluster sufficient statistics of the one-way ANOVA with k = 2 ratings per target
    mean = (x + y) / 2
    cnt = np.bincount(codes, minlength=g).astype(float)
    s1 = np.bincount(codes, weights=mean, minlength=g)
    s2 = np.bincount(codes, weights=mean ** 2, minlength=g)
    sw = np.bincount(codes, weights=(x - y) ** 2 / 2, minlength=g)
    rng = np.random.default_rng(seed)
    w = rng.multinomial(g, np.full(g, 1.0 / g), size=int(n_boot)).astype(float)  # times each employee is drawn
    n = w @ cnt
    with np.errstate(invalid="ignore", divide="ignore"):
        bms = 2 * (w @ s2 - (w @ s1) ** 2 / n) / (n - 1)
        wms = (w @ sw) / n
        reps = (bms - wms) / (bms + wms)
    reps = reps[np.isfinite(reps)]
    if len(reps) < max(10, n_boot // 2):
        return Agreement("icc_1_1", point.estimate, None, None, point.n)
    low, high = np.quantile(reps, [alpha / 2, 1 - alpha / 2])
    return Agreement("icc_1_1", point.estimate, _float(low), _float(high), point.n)


def _calibration_pairs(obs: pd.DataFrame, *, same_day: bool) -> pd.DataFrame:
    """Scores of the same employee and item by two different observers (every pair of observers)."""
    keys = ["employee_code", "item", "date"] if same_day else ["employee_code", "item"]
    obs = obs.dropna(subset=["employee_code", "observer"]).sort_values("_row")
    first = obs.drop_duplicates(subset=[*keys, "observer"], keep="first")
    rows = []
    for _, grp in first.groupby(keys, sort=False, observed=True):
        if grp["observer"].nunique() < 2:
            continue
        scored = sorted(zip(grp["observer"], grp["score"]), key=lambda p: str(p[0]))
        for (oa, sa), (ob, sb) in itertools.combinations(scored, 2):
            rows.append({"observer_a": oa, "observer_b": ob, "score_a": float(sa), "score_b": float(sb),
                         "employee_code": grp["employee_code"].iat[0]})
    return pd.DataFrame(rows, columns=["observer_a", "observer_b", "score_a", "score_b", "employee_code"])


CALIBRATION_COLUMNS = ["observer_a", "observer_b", "n", "employees", "exact", "within_one", "kappa", "kappa_low",
                       "kappa_high", "icc", "icc_low", "icc_high", "icc_method", "icc_interval", "n_boot", "seed"]


def observer_calibration(observations: pd.DataFrame, *, min_size: int, same_day: bool = True,
                         alpha: float = 0.05, n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Observer agreement where two observers scored the same employee and item.

    A pair is two observers' scores of one employee (pseudonymised) on one item — on the same
    day when *same_day* (a joint observation), else at any time in the period.  Per pair of
    observers: number of paired scores, exact agreement, agreement within one point,
    quadratic-weighted kappa and ICC(2,1) (the same two raters throughout: two-way random,
    absolute agreement) with its F interval (``icc_method == "icc_2_1"``, ``icc_interval ==
    "f"``).  For all pairs together (``observer_a == "*"``, when there are several pairs of
    observers) the raters differ from target to target, so the ICC is ICC(1,1) (one-way random;
    Shrout & Fleiss 1979, Case 1) and, since one employee gives several pairs, its interval is a
    percentile bootstrap clustered by employee (:func:`icc_1_1_cluster_bootstrap`;
    ``icc_interval == "cluster_bootstrap"`` with its ``n_boot`` and ``seed``).  Rows whose
    pairs cover fewer than *min_size* different employees are dropped.
    """
    min_size, alpha = _check_min_size(min_size), _check_alpha(alpha)
    pairs = _calibration_pairs(_prepare_observations(observations), same_day=same_day)
    groups: list[tuple[str, str, pd.DataFrame]] = [
        (a, b, g) for (a, b), g in pairs.groupby(["observer_a", "observer_b"], sort=True)]
    if groups and len(groups) > 1:
        groups.append((ALL, ALL, pairs))
    elif groups:
        groups = [groups[0]]
    rows = []
    for a, b, g in groups:
        if g["employee_code"].nunique() < min_size:
            continue
        sa, sb = g["score_a"].to_numpy(), g["score_b"].to_numpy()
        kap = weighted_kappa(sa, sb, alpha=alpha)
        if a == ALL:
            icc = icc_1_1_cluster_bootstrap(sa, sb, g["employee_code"], n_boot=n_boot, seed=seed, alpha=alpha)
            how = {"icc_method": "icc_1_1", "icc_interval": "cluster_bootstrap", "n_boot": int(n_boot), "seed": int(seed)}
        else:
            icc = icc_2_1(np.column_stack([sa, sb]), alpha=alpha)
            how = {"icc_method": "icc_2_1", "icc_interval": "f", "n_boot": None, "seed": None}
        rows.append({"observer_a": a, "observer_b": b, "n": int(len(g)), "employees": int(g["employee_code"].nunique()),
                     "exact": float(np.mean(sa == sb)), "within_one": float(np.mean(np.abs(sa - sb) <= 1)),
                     "kappa": kap.estimate, "kappa_low": kap.low, "kappa_high": kap.high, "icc": icc.estimate,
                     "icc_low": icc.low, "icc_high": icc.high, **how})
    out = pd.DataFrame(rows, columns=CALIBRATION_COLUMNS)
    for col in ("n_boot", "seed"):
        out[col] = out[col].astype("Int64")
    return out


# --------------------------------------------------------------------------- actions


def _service_units(services: pd.DataFrame | None) -> dict[str, str]:
    if services is None or services.empty or "service_id" not in services or "unit" not in services:
        return {}
    ids, units = _text(services["service_id"]), _text(services["unit"])
    return {i.casefold(): u for i, u in zip(ids, units) if isinstance(i, str) and isinstance(u, str)}


def prepare_actions(actions: pd.DataFrame, *, report_date: dt.date | pd.Timestamp,
                    services: pd.DataFrame | None = None) -> pd.DataFrame:
    """The action plan, clean, with each action's unit (from its service) and overdue status.

    An action is overdue when it is still open or in progress and its due date is before the
    report date (the Engagement's ``period_end``); ``days_overdue`` counts calendar days.
    Columns: ``action_id``, ``action``, ``owner``, ``due_date``, ``status``, ``source``,
    ``service_id``, ``finding``, ``unit`` (None when organisation-wide), ``overdue``,
    ``days_overdue``.
    """
    _require(actions, ("action_id", "action", "owner", "due_date", "status"), "Actions")
    report = _as_timestamp(report_date, "report_date")
    status = _text(actions["status"]).str.casefold()
    lookup = ENUMS["status"].lookup()
    status = status.map(lambda s: lookup.get(normalize_name(s)) if isinstance(s, str) else None)
    if status.isna().any():
        bad = _text(actions["status"])[status.isna()].fillna("(empty)").unique()[:5]
        raise AnalysisError(f"Actions: expected status open, in progress, done or cancelled; found {', '.join(map(str, bad))}.")
    due = pd.to_datetime(actions["due_date"], errors="coerce")
    if len(due) and due.dt.tz is not None:
        due = due.dt.tz_localize(None)
    n = len(actions)

    def opt(col: str) -> pd.Series:
        return _text(actions[col]) if col in actions.columns else pd.Series([pd.NA] * n, index=actions.index, dtype="string")

    source = opt("source").map(lambda s: ENUMS["action_source"].lookup().get(normalize_name(s)) if isinstance(s, str) else None)
    service = opt("service_id")
    units = _service_units(services)
    out = pd.DataFrame({
        "action_id": _text(actions["action_id"]),
        "action": _text(actions["action"]),
        "owner": _text(actions["owner"]),
        "due_date": due,
        "status": status.astype("string"),
        "source": source.astype("string"),
        "service_id": service,
        "finding": opt("finding"),
        "unit": service.map(lambda s: units.get(s.casefold()) if isinstance(s, str) else None).astype("string"),
    })
    is_open = out["status"].isin(OPEN_STATUSES)
    out["overdue"] = (is_open & out["due_date"].notna() & (out["due_date"] < report)).astype(bool)
    days = (report - out["due_date"]).dt.days
    out["days_overdue"] = days.where(out["overdue"]).astype("Int64")
    return out.reset_index(drop=True)


def _ensure_prepared(actions: pd.DataFrame, report_date, services) -> pd.DataFrame:
    if "overdue" in actions.columns and "unit" in actions.columns and "days_overdue" in actions.columns:
        return actions
    if report_date is None:
        raise AnalysisError("report_date: expected the report date (settings.period_end), found None.")
    return prepare_actions(actions, report_date=report_date, services=services)


def action_status(actions: pd.DataFrame, *, by: str, report_date: dt.date | None = None,
                  services: pd.DataFrame | None = None) -> pd.DataFrame:
    """Number of actions per status (and overdue) by ``owner``, ``unit`` or ``source``.

    Columns: the *by* column, ``open``, ``in progress``, ``done``, ``cancelled``, ``total``,
    ``overdue``, ``done_share`` (done / not cancelled).  Missing groups are None.
    """
    if by not in ("owner", "unit", "source"):
        raise AnalysisError(f"by: expected owner, unit or source, found {by!r}.")
    a = _ensure_prepared(actions, report_date, services)
    cols = [by, *STATUSES, "total", "overdue", "done_share"]
    if a.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in cols})
    key = a[by].astype("object").where(a[by].notna(), "")
    counts = pd.crosstab(key.rename(by), a["status"]).reindex(columns=list(STATUSES), fill_value=0)
    counts.index.name = by
    counts.columns.name = None
    counts["total"] = counts.sum(axis=1)
    counts["overdue"] = a.groupby(key)["overdue"].sum().reindex(counts.index).astype(int)
    active = counts["total"] - counts["cancelled"]
    counts["done_share"] = (counts["done"] / active).where(active > 0)
    out = counts.reset_index()
    out[by] = out[by].map(lambda v: None if v == "" else v)
    out = out.sort_values(["total", by], ascending=[False, True], key=None, na_position="last")
    return out[cols].reset_index(drop=True)


def overdue_actions(actions: pd.DataFrame, *, report_date: dt.date | None = None,
                    services: pd.DataFrame | None = None) -> pd.DataFrame:
    """Actions still open or in progress after their due date, most overdue first."""
    a = _ensure_prepared(actions, report_date, services)
    cols = ["action_id", "action", "owner", "unit", "due_date", "status", "days_overdue", "source"]
    out = a.loc[a["overdue"], cols].sort_values(["days_overdue", "action_id"], ascending=[False, True])
    return out.reset_index(drop=True)


def burn_down(actions: pd.DataFrame, *, report_date: dt.date, start: dt.date | None = None,
              freq: str = "M", services: pd.DataFrame | None = None) -> pd.DataFrame:
    """Planned burn-down of the action plan from its due dates, and the actual position at the report date.

    For *start* (default: the earliest due date) and each period end up to the last due date or the
    report date, ``planned`` is the number of (not cancelled) actions whose due date is after
    that day — what would remain if every action were done on time.  ``actual`` is given for the
    report date only: actions still open or in progress (the intake carries no completion
    dates).  Columns: ``date``, ``planned``, ``actual``.
    """
    freq = _check_period(freq)
    a = _ensure_prepared(actions, report_date, services)
    report = _as_timestamp(report_date, "report_date")
    a = a[a["status"] != "cancelled"]
    if a.empty or a["due_date"].isna().all():
        return pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"), "planned": pd.Series(dtype="int64"),
                             "actual": pd.Series(dtype="Int64")})
    due = a["due_date"].dropna()
    first = _as_timestamp(start, "start") if start is not None else due.min()
    last = max(due.max(), report)
    ends = pd.period_range(first.to_period(freq), last.to_period(freq), freq=freq).to_timestamp(how="end").normalize()
    dates = sorted({first.normalize(), *ends, report.normalize()})
    planned = [int(((a["due_date"] > d) | a["due_date"].isna()).sum()) for d in dates]
    actual = [int(a["status"].isin(OPEN_STATUSES).sum()) if d == report.normalize() else pd.NA for d in dates]
    return pd.DataFrame({"date": pd.to_datetime(dates), "planned": planned, "actual": pd.array(actual, dtype="Int64")})


def burn_down_rounds(rounds: Mapping[object, pd.DataFrame]) -> pd.DataFrame:
    """Actions by status at each re-measurement round (one Actions sheet per round).

    *rounds* maps a round label (e.g. its date or ``"2026Q1"``) to that round's Actions frame,
    in order.  Columns: ``round``, ``open``, ``in progress``, ``done``, ``cancelled``,
    ``remaining`` (open + in progress), ``total``.
    """
    if not isinstance(rounds, Mapping):
        raise AnalysisError(f"rounds: expected a mapping of round label to Actions frame, found {type(rounds).__name__}.")
    rows = []
    lookup = ENUMS["status"].lookup()
    for label, frame in rounds.items():
        _require(frame, ("status",), f"Actions of round {label}")
        status = _text(frame["status"]).map(lambda s: lookup.get(normalize_name(s)) if isinstance(s, str) else None)
        if status.isna().any():
            raise AnalysisError(f"Actions of round {label}: expected status open, in progress, done or cancelled.")
        counts = {s: int((status == s).sum()) for s in STATUSES}
        rows.append({"round": str(label), **counts, "remaining": counts["open"] + counts["in progress"],
                     "total": int(len(frame))})
    return pd.DataFrame(rows, columns=["round", *STATUSES, "remaining", "total"])


ROUND_COLUMNS = ["round", "date", "due", "open", "in progress", "done", "remaining", "planned", "total"]


def burn_down_by_round(actions: pd.DataFrame, *, report_date: dt.date, start: dt.date, freq: str = "Q",
                       services: pd.DataFrame | None = None) -> pd.DataFrame:
    """The action plan at each re-measurement round of the engagement, from its due dates.

    Rounds are the quarters (``freq="Q"``) or months (``"M"``) from *start* (the engagement's
    ``period_start``) to the report date (``period_end``); a round ends at its period end, the
    last one at the report date.  The Actions sheet carries each action's due date and its status
    *at the report date*, but no completion dates, so each round is read as: of the (not
    cancelled) actions due by the round's end (``due``), how many are ``done`` now and how many
    are still ``open`` or ``in progress`` now (``remaining``: due by then and still not done —
    they were certainly still open at the round's end, too); ``planned`` is the number due after
    the round's end (what would remain if every action were done on time); ``total`` all not
    cancelled actions.  At the last round ``remaining`` equals the overdue actions.  With one
    Actions sheet per round (status snapshots) use :func:`burn_down_rounds` instead.
    Columns: ``round`` (``2026Q1``), ``date``, ``due``, ``open``, ``in progress``, ``done``,
    ``remaining``, ``planned``, ``total``.
    """
    freq = _check_period(freq)
    a = _ensure_prepared(actions, report_date, services)
    report = _as_timestamp(report_date, "report_date").normalize()
    first = min(_as_timestamp(start, "start").normalize(), report)
    a = a[a["status"] != "cancelled"]
    if a.empty or a["due_date"].isna().all():
        return pd.DataFrame({c: pd.Series(dtype="object" if c == "round" else "datetime64[ns]" if c == "date"
                                          else "int64") for c in ROUND_COLUMNS})
    rows = []
    for per in pd.period_range(first.to_period(freq), report.to_period(freq), freq=freq):
        end = min(per.to_timestamp(how="end").normalize(), report)
        due = a[a["due_date"].notna() & (a["due_date"] <= end)]
        counts = {st: int((due["status"] == st).sum()) for st in ("open", "in progress", "done")}
        rows.append({"round": str(per), "date": end, "due": int(len(due)), **counts,
                     "remaining": counts["open"] + counts["in progress"],
                     "planned": int(len(a) - len(due)), "total": int(len(a))})  # not due by the round's end
    out = pd.DataFrame(rows, columns=ROUND_COLUMNS)
    out["date"] = pd.to_datetime(out["date"])
    return out


def _finding_aliases(text: str, extra: Iterable[str] = ()) -> set[str]:
    """Every name that counts as mentioning a finding: the text itself, the other names of a
    frontline skill or survey item, and *extra* names (e.g. a KPI's id for its name)."""
    norm = normalize_name(text)
    out = {norm}
    for index in (_ITEM_INDEX, _SURVEY_INDEX):
        key = index.get(norm)
        if key is not None:
            out |= {a for a, k in index.items() if k == key}
    out |= {normalize_name(e) for e in extra if isinstance(e, str) and e.strip()}
    return out


def _mentions(alias: str, text: str) -> bool:
    """Whether *text* mentions *alias*: a substring that, when it begins with a Latin letter or
    digit, also begins a word ("ease" is not mentioned by "decrease"; Hebrew prefix letters such
    as ה־ or ב־ before a Hebrew name are allowed, and so are suffixes such as plurals)."""
    if not alias:
        return False
    latin = alias[0].isascii() and alias[0].isalnum()
    start = text.find(alias)
    while start >= 0:
        if not latin or start == 0 or not (text[start - 1].isascii() and text[start - 1].isalnum()):
            return True
        start = text.find(alias, start + 1)
    return False


def _finding_label(kind: object, finding: object, lang: str) -> str:
    """A finding as shown in the report: survey items and frontline skills in the report language."""
    if kind == "driver":
        key = _SURVEY_INDEX.get(normalize_name(finding))
        if key is not None:
            return t(f"measures.item_short.{key}", lang)
    return item_label(finding, lang)


def findings_without_action(actions: pd.DataFrame, *, pain_points: Sequence[str] = (), kpi_signals: Sequence[str] = (),
                            low_items: Sequence[str] = (), drivers: Sequence[str] = (),
                            aliases: Mapping[str, Sequence[str]] | None = None) -> pd.DataFrame:
    """Flag findings from other analyses that no action answers.

    Each finding is a short text (a journey pain point, a KPI name or id with a signal, a
    low-scoring observation item, a survey key driver).  It counts as answered when a
    not-cancelled action whose ``source`` fits the finding's kind (journey, kpi, observation,
    survey — or no source) mentions it in its ``finding`` or ``action`` text (case, spacing
    and the Hebrew/English names of the frontline skills and of the survey items ignored; a
    Latin name must begin a word, so "ease" is not found in "decrease").  *aliases* maps a
    finding to other names that count as mentioning it (e.g. a KPI's name to its id).
    Columns: ``kind``, ``finding``, ``covered``, ``action_ids``.
    """
    _require(actions, ("action_id", "action"), "Actions")
    if aliases is not None and not isinstance(aliases, Mapping):
        raise AnalysisError(f"aliases: expected a mapping of finding to other names, found {type(aliases).__name__}.")
    extra: dict[str, list[str]] = {}
    for k, v in (aliases or {}).items():
        names = [v] if isinstance(v, str) else list(v) if isinstance(v, Iterable) else []
        extra.setdefault(normalize_name(k), []).extend(n for n in names if isinstance(n, str))
    given = {"pain_point": pain_points, "kpi_signal": kpi_signals, "low_item": low_items, "driver": drivers}
    for kind, values in given.items():
        if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
            raise AnalysisError(f"{kind}s: expected a list of texts, found {type(values).__name__}.")
    def column(name: str) -> list[str | None]:
        if name not in actions.columns:
            return [None] * len(actions)
        return [v if isinstance(v, str) else None for v in _text(actions[name]).astype(object).tolist()]

    lookup, src_lookup = ENUMS["status"].lookup(), ENUMS["action_source"].lookup()
    live = [s is None or lookup.get(normalize_name(s)) != "cancelled" for s in column("status")]
    source = [src_lookup.get(normalize_name(s)) if s else None for s in column("source")]
    text = [normalize_name(f"{f or ''} \u2016 {a or ''}") for f, a in zip(column("finding"), column("action"))]
    ids = column("action_id")
    rows = []
    for kind, values in given.items():
        wanted = FINDING_KINDS[kind]
        seen: set[str] = set()
        for value in values:
            if value is None or not str(value).strip():
                continue
            finding = str(value).strip()
            if normalize_name(finding) in seen:
                continue
            seen.add(normalize_name(finding))
            names = _finding_aliases(finding, extra.get(normalize_name(finding), ()))
            hits = [i for i, tx, lv, src in zip(ids, text, live, source)
                    if lv and (src is None or src == wanted) and any(_mentions(al, tx) for al in names)]
            rows.append({"kind": kind, "finding": finding, "covered": bool(hits), "action_ids": ", ".join(map(str, hits))})
    return pd.DataFrame(rows, columns=["kind", "finding", "covered", "action_ids"])


# --------------------------------------------------------------------------- lessons learned


def _prepare_lessons(lessons: pd.DataFrame, actions: pd.DataFrame | None) -> pd.DataFrame:
    _require(lessons, ("date", "unit", "event", "category"), "Lessons")
    cat = _text(lessons["category"])
    norm = cat.map(lambda v: normalize_name(v) if isinstance(v, str) else v)
    first: dict[str, str] = {}
    for n_, v in zip(norm, cat):
        if isinstance(n_, str):
            first.setdefault(n_, v)
    out = pd.DataFrame({
        "date": pd.to_datetime(lessons["date"], errors="coerce"),
        "unit": _text(lessons["unit"]),
        "event": _text(lessons["event"]),
        "category": norm.map(lambda n_: first.get(n_) if isinstance(n_, str) else pd.NA).astype("string"),
        "lesson": _text(lessons["lesson"]) if "lesson" in lessons.columns else pd.Series(pd.NA, index=lessons.index, dtype="string"),
        "action_id": _text(lessons["action_id"]) if "action_id" in lessons.columns else pd.Series(pd.NA, index=lessons.index, dtype="string"),
    })
    if len(out) and out["date"].dt.tz is not None:
        out["date"] = out["date"].dt.tz_localize(None)
    status: dict[str, str] = {}
    if actions is not None and len(actions) and "action_id" in actions.columns:
        lookup = ENUMS["status"].lookup()
        st_col = _text(actions["status"]) if "status" in actions.columns else pd.Series(pd.NA, index=actions.index)
        for i, s in zip(_text(actions["action_id"]), st_col):
            if isinstance(i, str):
                status[i.casefold()] = lookup.get(normalize_name(s)) if isinstance(s, str) else None
    out["with_action"] = out["action_id"].map(lambda i: isinstance(i, str) and i.casefold() in status).astype(bool)
    out["action_status"] = out["action_id"].map(lambda i: status.get(i.casefold()) if isinstance(i, str) else None)
    return out.dropna(subset=["category"]).reset_index(drop=True)


def lessons_pareto(lessons: pd.DataFrame, *, actions: pd.DataFrame | None = None, period: str = "M",
                   recurring_periods: int = 2, vital_share: float = 0.8) -> pd.DataFrame:
    """Events by category, most frequent first, with shares (Pareto) and recurrence.

    ``vital_few`` marks the categories that together account for the first *vital_share* of
    events (the category that crosses the line is included).  A category is ``recurring`` when
    it occurred in at least *recurring_periods* different periods (months ``M`` / quarters ``Q``).
    ``with_action`` / ``without_action`` count lessons linked (or not) to an action of the plan;
    ``action_done`` those whose action is done.
    """
    period = _check_period(period)
    if not (0 < vital_share <= 1):
        raise AnalysisError(f"vital_share: expected a share between 0 and 1, found {vital_share!r}.")
    les = _prepare_lessons(lessons, actions)
    cols = ["category", "n", "share", "cumulative", "vital_few", "periods", "recurring", "units", "with_action",
            "without_action", "action_done"]
    if les.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in cols})
    les["_per"] = les["date"].dt.to_period(period)
    g = les.groupby("category", sort=False, observed=True)
    out = pd.DataFrame({
        "n": g.size(),
        "periods": g["_per"].nunique(),
        "units": g["unit"].nunique(),
        "with_action": g["with_action"].sum().astype(int),
        "action_done": g["action_status"].apply(lambda s: int((s == "done").sum())),
    }).reset_index()
    out["without_action"] = out["n"] - out["with_action"]
    out = out.sort_values(["n", "category"], ascending=[False, True]).reset_index(drop=True)
    total = out["n"].sum()
    out["share"] = out["n"] / total
    out["cumulative"] = out["share"].cumsum()
    before = out["cumulative"] - out["share"]
    out["vital_few"] = before < vital_share - 1e-12
    out["recurring"] = out["periods"] >= recurring_periods
    return out[cols]


def lessons_without_action(lessons: pd.DataFrame, *, actions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Reviewed events that led to no action of the plan (date, unit, category, event, lesson)."""
    les = _prepare_lessons(lessons, actions)
    out = les.loc[~les["with_action"], ["date", "unit", "category", "event", "lesson"]]
    return out.sort_values(["date", "unit"]).reset_index(drop=True)


# --------------------------------------------------------------------------- training


@dataclass(frozen=True)
class PairedChange:
    """A paired pre/post comparison: change with its interval, paired t, Wilcoxon, Cohen's d_z."""

    n: int
    mean_pre: float | None
    mean_post: float | None
    mean_change: float | None
    low: float | None
    high: float | None
    t: float | None
    p_t: float | None
    wilcoxon: float | None
    p_wilcoxon: float | None
    dz: float | None


def cohens_dz(pre: Sequence[float], post: Sequence[float]) -> float | None:
    """Cohen's d_z: mean of the paired differences (post − pre) over their standard deviation (n − 1).

    Cohen (1988); Lakens (2013, *Front. Psychol.* 4:863).  Equals t / sqrt(n) of the paired t test.
    None when undefined.
    """
    d = np.asarray(post, dtype=float) - np.asarray(pre, dtype=float)
    d = d[~np.isnan(d)]
    if len(d) < 2:
        return None
    sd = d.std(ddof=1)
    return _float(d.mean() / sd) if sd > 0 else None


def paired_change(pre: Sequence[float], post: Sequence[float], *, alpha: float = 0.05) -> PairedChange:
    """Paired change post − pre: mean with t interval and paired t test (``scipy.stats.ttest_rel``),
    Wilcoxon signed-rank test (``scipy.stats.wilcoxon``, Wilcoxon 1945; zero differences dropped)
    and Cohen's d_z.  Pairs with a missing value are dropped; statistics that are undefined
    (fewer than two pairs, no variation) are None.
    """
    alpha = _check_alpha(alpha)
    x, y = np.asarray(pre, dtype=float), np.asarray(post, dtype=float)
    if x.shape != y.shape or x.ndim != 1:
        raise AnalysisError(f"paired_change: expected pre and post lists of equal length, found {x.shape} and {y.shape}.")
    keep = ~(np.isnan(x) | np.isnan(y))
    x, y = x[keep], y[keep]
    n = int(len(x))
    if n == 0:
        return PairedChange(0, None, None, None, None, None, None, None, None, None, None)
    d = y - x
    mean_pre, mean_post, mean_change = _float(x.mean()), _float(y.mean()), _float(d.mean())
    t_ = p_t = low = high = w = p_w = None
    if n >= 2 and d.std(ddof=1) > 0:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = stats.ttest_rel(y, x)
            ci = res.confidence_interval(confidence_level=1 - alpha)
        t_, p_t, low, high = _float(res.statistic), _float(res.pvalue), _float(ci.low), _float(ci.high)
    elif n >= 2:  # every difference the same: no sampling variation in the change
        low = high = mean_change
    if np.any(d != 0):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nonzero = np.abs(d[d != 0])
            # exact distribution when it is defined (no ties, no zeros, n <= 50); otherwise the normal
            # approximation with tie correction (scipy's permutation fallback costs seconds per group)
            exact = len(nonzero) == len(d) and len(np.unique(nonzero)) == len(nonzero) and len(d) <= 50
            wres = stats.wilcoxon(y, x, method="exact" if exact else "approx")
        w, p_w = _float(wres.statistic), _float(wres.pvalue)
    return PairedChange(n, mean_pre, mean_post, mean_change, low, high, t_, p_t, w, p_w, cohens_dz(x, y))


def _change_row(pc: PairedChange) -> dict[str, Any]:
    return {"n": pc.n, "pre": pc.mean_pre, "post": pc.mean_post, "change": pc.mean_change, "low": pc.low,
            "high": pc.high, "t": pc.t, "p_t": pc.p_t, "wilcoxon": pc.wilcoxon, "p_wilcoxon": pc.p_wilcoxon,
            "dz": pc.dz}


_CHANGE_COLS = ["n", "pre", "post", "change", "low", "high", "t", "p_t", "wilcoxon", "p_wilcoxon", "dz"]


def _prepare_training(training: pd.DataFrame) -> pd.DataFrame:
    _require(training, ("employee_code", "skill", "pre_score", "post_score"), "training")
    out = pd.DataFrame({
        "employee_code": _text(training["employee_code"]),
        "skill": _canonical_items(training["skill"]),
        "pre_score": pd.to_numeric(training["pre_score"], errors="coerce").astype("float64"),
        "post_score": pd.to_numeric(training["post_score"], errors="coerce").astype("float64"),
        "unit": _text(training["unit"]) if "unit" in training.columns else pd.Series(pd.NA, index=training.index, dtype="string"),
        "date": (pd.to_datetime(training["date"], errors="coerce") if "date" in training.columns
                 else pd.Series(pd.NaT, index=training.index, dtype="datetime64[ns]")),
    })
    if len(out) and out["date"].dt.tz is not None:
        out["date"] = out["date"].dt.tz_localize(None)
    return out.dropna(subset=["skill", "pre_score", "post_score"]).reset_index(drop=True)


def _shown_trainees(training: pd.DataFrame, min_size: int) -> pd.DataFrame:
    """The training rows :func:`training_effect` pools: per skill, unit groups (rows without a unit
    as one group) of at least *min_size* different employees."""
    tr = _prepare_training(training)
    if tr.empty:
        return tr
    people = tr.groupby([tr["skill"], tr["unit"].fillna("")], observed=True)["employee_code"].transform("nunique")
    return tr[people.to_numpy() >= min_size].reset_index(drop=True)


def training_effect(training: pd.DataFrame, *, min_size: int, alpha: float = 0.05) -> pd.DataFrame:
    """Paired pre/post change per skill, for all units (``unit == "*"``) and per unit.

    Columns: ``skill``, ``unit``, ``n`` (pairs), ``employees``, ``pre``, ``post``, ``change``, ``low``,
    ``high``, ``t``, ``p_t``, ``wilcoxon``, ``p_wilcoxon``, ``dz``.  Groups of fewer than *min_size*
    different employees are dropped, and the all-units row pools only the unit groups that are
    shown (rows without a unit count as one group), so no small team can be recovered by
    subtraction.
    """
    min_size, alpha = _check_min_size(min_size), _check_alpha(alpha)
    tr = _prepare_training(training)
    rows = []
    for skill, grp in tr.groupby("skill", sort=True, observed=True):
        unit_key = grp["unit"].fillna("")
        people = grp.groupby(unit_key, observed=True)["employee_code"].transform("nunique")
        grp = grp[people.to_numpy() >= min_size]
        parts = [(ALL, grp)] + [(u, g) for u, g in grp.groupby("unit", sort=True, observed=True)]
        for unit, g in parts:
            if g["employee_code"].nunique() < min_size:
                continue
            pc = paired_change(g["pre_score"].to_numpy(), g["post_score"].to_numpy(), alpha=alpha)
            rows.append({"skill": skill, "unit": unit, **_change_row(pc), "employees": int(g["employee_code"].nunique())})
    return pd.DataFrame(rows, columns=["skill", "unit", *_CHANGE_COLS, "employees"])


def training_transfer(training: pd.DataFrame, observations: pd.DataFrame, *, min_size: int,
                      alpha: float = 0.05) -> pd.DataFrame:
    """Did the observation scores of trained employees move after the training?

    For every trained employee with a training ``date`` (the post assessment), the mean of their
    observation scores before that date and from that date on (same pseudonymised employee
    code).  When the skill is also an observation item (e.g. ``listening`` / ``הקשבה``) only
    that item is used (``scope == "item"``), else all items (``scope == "all"``).  Per skill,
    the paired change across employees (:func:`paired_change`); skills with fewer than
    *min_size* employees observed both before and after are dropped.
    """
    min_size, alpha = _check_min_size(min_size), _check_alpha(alpha)
    tr = _prepare_training(training).dropna(subset=["employee_code", "date"])
    obs = _prepare_observations(observations).dropna(subset=["employee_code"])
    cols = ["skill", "scope", *_CHANGE_COLS]
    if tr.empty or obs.empty:
        return pd.DataFrame(columns=cols)
    items = set(obs["item"].dropna())
    rows = []
    for skill, grp in tr.groupby("skill", sort=True, observed=True):
        scope = "item" if skill in items else "all"
        pool = obs[obs["item"] == skill] if scope == "item" else obs
        # one training date per employee and skill: the first post assessment
        first = grp.sort_values("date").drop_duplicates("employee_code")
        before, after = [], []
        for emp, when in zip(first["employee_code"], first["date"]):
            mine = pool[pool["employee_code"] == emp]
            b, a = mine.loc[mine["date"] < when, "score"], mine.loc[mine["date"] >= when, "score"]
            if len(b) and len(a):
                before.append(b.mean())
                after.append(a.mean())
        if len(before) < min_size:
            continue
        pc = paired_change(before, after, alpha=alpha)
        rows.append({"skill": skill, "scope": scope, **_change_row(pc)})
    return pd.DataFrame(rows, columns=cols)


# --------------------------------------------------------------------------- KPI snapshot (fallback signals)


def kpi_snapshot(kpis: pd.DataFrame, kpi_values: pd.DataFrame, *, services: pd.DataFrame | None = None) -> pd.DataFrame:
    """Latest value of each KPI per unit against its target (a fallback when no signals are passed in).

    The unit is the ``unit`` of the KPI value, else the unit of the KPI's service, else None
    (organisation-wide).  ``on_target`` follows the KPI's direction.  For control-chart signals
    use the measures analysis and pass its signals to :func:`unit_packs`.
    """
    cols = ["unit", "kpi_id", "kpi_name", "period", "value", "target", "direction", "on_target"]
    if kpis is None or kpi_values is None or kpis.empty or kpi_values.empty:
        return pd.DataFrame(columns=cols)
    _require(kpis, ("kpi_id", "kpi_name", "direction", "target"), "KPIs")
    _require(kpi_values, ("kpi_id", "period", "value"), "KPI values")
    units = _service_units(services)
    meta = {}
    for _, r in kpis.iterrows():
        kid = str(r["kpi_id"]).strip()
        svc = r.get("service_id")
        meta[kid.casefold()] = (kid, str(r["kpi_name"]).strip(), _float(r["target"]),
                                ENUMS["kpi_direction"].lookup().get(normalize_name(r["direction"]), "higher"),
                                units.get(str(svc).strip().casefold()) if isinstance(svc, str) else None)
    v = pd.DataFrame({"kpi": _text(kpi_values["kpi_id"]).str.casefold(),
                      "period": pd.to_datetime(kpi_values["period"], errors="coerce"),
                      "value": pd.to_numeric(kpi_values["value"], errors="coerce"),
                      "unit": _text(kpi_values["unit"]) if "unit" in kpi_values.columns
                      else pd.Series(pd.NA, index=kpi_values.index, dtype="string")})
    v = v.dropna(subset=["kpi", "period", "value"])
    v = v[v["kpi"].isin(list(meta))]
    rows = []
    for (kid, unit), g in v.groupby([v["kpi"], v["unit"].fillna("")], sort=True):
        last = g.sort_values("period").iloc[-1]
        key, name, target, direction, svc_unit = meta[kid]
        u = unit or svc_unit
        value = float(last["value"])
        on = None if target is None else (value >= target if direction == "higher" else value <= target)
        rows.append({"unit": u, "kpi_id": key, "kpi_name": name, "period": last["period"], "value": value,
                     "target": target, "direction": direction, "on_target": on})
    return pd.DataFrame(rows, columns=cols)


# --------------------------------------------------------------------------- manager packs


SIGNAL_KINDS = ("kpi", "survey")


@dataclass(frozen=True)
class UnitSignal:
    """A KPI or survey result for a unit's pack, passed in by the measures analysis (or the KPI sheet).

    ``kind`` is ``kpi`` (a KPI against its target, with its control-chart signals) or
    ``survey`` (an item's share agreeing, in %, with its Wilson interval and ``n`` responses).
    ``signal`` marks what needs the manager's attention (off target, out of control, below the
    other units).  ``low``/``high`` is the value's interval when there is one.
    """

    label: str
    value: float | None = None
    target: float | None = None
    low: float | None = None
    high: float | None = None
    signal: bool = False
    note: str = ""
    kind: str = "kpi"
    n: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in SIGNAL_KINDS:
            raise AnalysisError(f"signals: expected kind kpi or survey, found {self.kind!r}.")


@dataclass(frozen=True)
class ItemScore:
    """An observation item's mean score in a unit (groups below ``min_group_size`` never become one)."""

    item: str
    n: int
    mean: float
    low: float | None = None
    high: float | None = None
    slope: float | None = None
    falling: bool = False


@dataclass(frozen=True)
class ActionItem:
    """One action of the plan, as a manager sees it."""

    action_id: str
    action: str
    owner: str
    due_date: dt.date | None
    status: str
    days_overdue: int | None = None
    source: str | None = None


@dataclass(frozen=True)
class SkillChange:
    """A training skill's pre/post change in a unit."""

    skill: str
    n: int
    mean_change: float | None
    low: float | None
    high: float | None
    dz: float | None = None


@dataclass(frozen=True)
class FocusPoint:
    """A suggested focus point: an i18n template key and its values (rendered per language).

    ``values`` holds ``(name, kind, value)`` with kind ``text``, ``item``, ``int``, ``score``,
    ``signed`` or ``date`` so numbers and frontline-skill names follow the report language.
    """

    key: str
    values: tuple[tuple[str, str, object], ...] = ()

    def text(self, lang: str) -> str:
        filled: dict[str, str] = {}
        for name, kind, value in self.values:
            if kind == "item":
                filled[name] = item_label(value, lang)
            elif kind == "int":
                filled[name] = fmt_number(value, lang, digits=0)
            elif kind == "score":
                filled[name] = fmt_number(value, lang, digits=1)
            elif kind == "signed":
                v = _float(value)
                filled[name] = fmt_signed(v, lang, digits=1)
            elif kind == "date":
                filled[name] = fmt_date(value, lang)
            else:
                filled[name] = str(value)
        return t(self.key, lang, **filled)


@dataclass(frozen=True, eq=False)
class UnitPack:
    """One unit manager's page: signals, observations, actions, training and three focus points.

    Everything in a pack has already passed suppression (no group below ``min_group_size``)
    and holds no employee code, clear or pseudonymised.
    """

    unit: str
    min_size: int
    report_date: dt.date
    n_observations: int = 0
    observation_mean: float | None = None
    items: tuple[ItemScore, ...] = ()
    coaching: tuple[ItemScore, ...] = ()
    open_actions: tuple[ActionItem, ...] = ()
    overdue_actions: tuple[ActionItem, ...] = ()
    done_actions: int = 0
    signals: tuple[UnitSignal, ...] = ()
    training: tuple[SkillChange, ...] = ()
    recurring_lessons: tuple[str, ...] = ()
    lessons_without_action: int = 0
    focus: tuple[FocusPoint, ...] = ()

    def focus_points(self, lang: str) -> list[str]:
        """The (up to three) suggested focus points as sentences in *lang*."""
        return [f.text(lang) for f in self.focus]

    def tables(self, lang: str) -> dict[str, pd.DataFrame]:
        """The pack's small tables, headers translated (keys: signals (KPIs), survey, observations,
        actions, training — those with rows)."""
        c = lambda k: t(f"management.col.{k}", lang)  # noqa: E731
        out: dict[str, pd.DataFrame] = {}
        kpi = [s for s in self.signals if s.kind == "kpi"]
        survey = [s for s in self.signals if s.kind == "survey"]
        if kpi:
            f = pd.DataFrame([{c("indicator"): s.label, c("value"): _round(s.value, 3),
                               c("low"): _round(s.low, 3), c("high"): _round(s.high, 3),
                               c("target"): _round(s.target, 3),
                               c("signal"): _yes_no(s.signal, lang), c("note"): s.note} for s in kpi])
            if all(s.low is None and s.high is None for s in kpi):  # a KPI value has no interval: no empty columns
                f = f.drop(columns=[c("low"), c("high")])
            out["signals"] = f
        if survey:
            out["survey"] = pd.DataFrame([{c("survey_item"): s.label, c("responses"): s.n,
                                           c("pct_agree"): _round(s.value, 1), c("low"): _round(s.low, 1),
                                           c("high"): _round(s.high, 1), c("signal"): _yes_no(s.signal, lang),
                                           c("note"): s.note} for s in survey])
        if self.items:
            out["observations"] = pd.DataFrame([{c("item"): item_label(i.item, lang), c("n"): i.n,
                                                 c("mean"): _round(i.mean), c("low"): _round(i.low),
                                                 c("high"): _round(i.high), c("falling"): _yes_no(i.falling, lang),
                                                 c("coaching_focus"): _yes_no(any(x.item == i.item for x in self.coaching), lang)}
                                                for i in self.items])
        if self.open_actions:
            out["actions"] = pd.DataFrame([{c("action_id"): a.action_id, c("action"): a.action, c("owner"): a.owner,
                                            c("due_date"): a.due_date, c("status"): _status_label(a.status, lang),
                                            c("days_overdue"): a.days_overdue} for a in self.open_actions])
        if self.training:
            out["training"] = pd.DataFrame([{c("skill"): item_label(s.skill, lang), c("n"): s.n,
                                             c("change"): _round(s.mean_change), c("low"): _round(s.low),
                                             c("high"): _round(s.high), c("dz"): _round(s.dz)} for s in self.training])
        return out

    def summary(self) -> dict[str, Any]:
        """JSON-serialisable summary of the pack."""
        return {
            "unit": self.unit,
            "observations": {"n": int(self.n_observations), "mean": _round(self.observation_mean),
                             "coaching": [i.item for i in self.coaching]},
            "actions": {"open": len(self.open_actions), "overdue": len(self.overdue_actions),
                        "done": int(self.done_actions)},
            "signals": [{"kind": s.kind, "label": s.label, "value": _float(s.value), "low": _float(s.low),
                         "high": _float(s.high), "signal": bool(s.signal)} for s in self.signals],
            "training": {s.skill: {"mean_change": _float(s.mean_change), "low": _float(s.low), "high": _float(s.high),
                                   "n": int(s.n)} for s in self.training},
            "focus": [f.key for f in self.focus],
        }


def _yes_no(value: object, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    return ENUMS["yesno"].label("yes" if bool(value) else "no", lang)


def _status_label(status: object, lang: str) -> str:
    return ENUMS["status"].label(str(status), lang) if isinstance(status, str) and status in STATUSES else ""


def _source_label(source: object, lang: str) -> str:
    if isinstance(source, str) and source in ENUMS["action_source"].keys:
        return ENUMS["action_source"].label(source, lang)
    return ""


def _to_date(value: object) -> dt.date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(ts) else ts.date()


def _signal_from(value: object) -> UnitSignal:
    if isinstance(value, UnitSignal):
        return value
    if isinstance(value, Mapping):
        allowed = {"label", "value", "target", "low", "high", "signal", "note", "kind", "n"}
        extra = set(value) - allowed
        if extra or "label" not in value:
            raise AnalysisError(f"signals: expected UnitSignal or a mapping with label (and value, target, low, high, "
                                f"signal, note, kind, n); found keys {', '.join(map(str, value))}.")
        return UnitSignal(**{k: value[k] for k in allowed if k in value})
    raise AnalysisError(f"signals: expected UnitSignal objects or mappings, found {type(value).__name__}.")


def _action_item(row: pd.Series) -> ActionItem:
    d = row["days_overdue"]
    return ActionItem(str(row["action_id"]), str(row["action"]), str(row["owner"]), _to_date(row["due_date"]),
                      str(row["status"]), None if pd.isna(d) else int(d),
                      None if pd.isna(row["source"]) else str(row["source"]))


def _focus_for(*, items: Sequence[ItemScore], coaching: Sequence[ItemScore], overdue: Sequence[ActionItem],
               open_: Sequence[ActionItem], signals: Sequence[UnitSignal], training: Sequence[SkillChange],
               recurring: Sequence[str], min_size: int, limit: int = 3) -> tuple[FocusPoint, ...]:
    """Suggested focus points from the unit's data, most pressing first (at most *limit*)."""
    pts: list[FocusPoint] = []
    if overdue:
        worst = max(overdue, key=lambda a: (a.days_overdue or 0))
        pts.append(FocusPoint("management.focus.overdue", (("count", "int", len(overdue)), ("action", "text", worst.action),
                                                            ("days", "int", worst.days_overdue or 0))))
    flagged = [s for s in signals if s.signal]
    if flagged:
        s = flagged[0]
        pts.append(FocusPoint("management.focus.signal", (("indicator", "text", s.label),
                                                           ("count", "int", len(flagged)))))
    for c in coaching:
        if c.falling:
            pts.append(FocusPoint("management.focus.falling", (("item", "item", c.item), ("mean", "score", c.mean))))
            break
    lowest = next((c for c in coaching if not c.falling), None)
    if lowest is not None:
        pts.append(FocusPoint("management.focus.coach", (("item", "item", lowest.item), ("mean", "score", lowest.mean),
                                                          ("n", "int", lowest.n))))
    if recurring:
        pts.append(FocusPoint("management.focus.recurring", (("category", "text", recurring[0]),)))
    flat = [s for s in training if s.low is not None and s.low <= 0]
    if flat:
        pts.append(FocusPoint("management.focus.training_flat", (("skill", "item", flat[0].skill),
                                                                  ("change", "signed", flat[0].mean_change))))
    if items:
        best = max(items, key=lambda i: (i.mean, -len(i.item)))
        if not coaching or best.item not in {c.item for c in coaching}:
            pts.append(FocusPoint("management.focus.strength", (("item", "item", best.item), ("mean", "score", best.mean))))
    if open_ and not overdue:
        nxt = min(open_, key=lambda a: a.due_date or dt.date.max)
        pts.append(FocusPoint("management.focus.next_action", (("count", "int", len(open_)), ("action", "text", nxt.action),
                                                                ("due", "date", nxt.due_date))))
    if not items:
        pts.append(FocusPoint("management.focus.observe", (("min", "int", min_size),)))
    if not open_:
        pts.append(FocusPoint("management.focus.plan", ()))
    pts.append(FocusPoint("management.focus.feedback", ()))
    seen: set[str] = set()
    out = []
    for p in pts:
        if p.key not in seen:
            seen.add(p.key)
            out.append(p)
    return tuple(out[:limit])


def unit_packs(result: "ManagementResult", *, signals: Mapping[str, Sequence[UnitSignal | Mapping[str, Any]]] | None = None
               ) -> tuple[UnitPack, ...]:
    """One :class:`UnitPack` per unit found in any of the management data (or in *signals*).

    *signals* maps a unit name to its KPI and survey results (``UnitSignal`` or mappings with
    the same fields): :func:`unit_signals` builds them from the measures analysis (KPI
    control-chart signals, survey shares with Wilson intervals, suppressed).  Units missing
    from it fall back to the latest KPI values against their targets from the intake
    (:func:`kpi_snapshot`, no control-chart signals).
    """
    if signals is not None and not isinstance(signals, Mapping):
        raise AnalysisError(f"signals: expected a mapping of unit to signals, found {type(signals).__name__}.")
    given = {str(u): tuple(_signal_from(s) for s in v) for u, v in (signals or {}).items()}
    r = result
    units: set[str] = set()
    for frame, col in ((r.unit_items, "unit"), (r.actions, "unit"), (r.lessons, "unit"), (r.training_by_unit, "unit"),
                       (r.kpis, "unit"), (r.unit_counts, "unit")):
        if frame is not None and len(frame) and col in frame.columns:
            units.update(str(u) for u in frame[col].dropna() if str(u) and str(u) != ALL)
    units.update(given)
    packs = []
    for unit in sorted(units):
        n_obs = int(r.unit_counts.loc[r.unit_counts["unit"] == unit, "n"].sum()) if len(r.unit_counts) else 0
        mean = None
        if n_obs >= r.min_size:
            mean = _float(r.unit_counts.loc[r.unit_counts["unit"] == unit, "mean"].iloc[0])
        ui = r.unit_items[r.unit_items["unit"] == unit] if len(r.unit_items) else r.unit_items
        cf = r.coaching[r.coaching["unit"] == unit] if len(r.coaching) else r.coaching
        slopes = {row["item"]: (row["slope"], bool(row["falling"])) for _, row in cf.iterrows()}
        items = tuple(sorted((ItemScore(str(row["item"]), int(row["n"]), float(row["mean"]), _float(row["low"]),
                                        _float(row["high"]), _float(slopes.get(row["item"], (None, False))[0]),
                                        slopes.get(row["item"], (None, False))[1]) for _, row in ui.iterrows()),
                             key=lambda i: (i.mean, i.item)))
        focus_items = cf[cf["focus"]] if len(cf) else cf
        by_item = {i.item: i for i in items}
        coaching = tuple(by_item[str(row["item"])] for _, row in focus_items.iterrows() if str(row["item"]) in by_item)
        acts = r.actions[r.actions["unit"] == unit] if len(r.actions) else r.actions
        open_rows = acts[acts["status"].isin(OPEN_STATUSES)].sort_values(["due_date", "action_id"]) if len(acts) else acts
        open_ = tuple(_action_item(row) for _, row in open_rows.iterrows())
        overdue = tuple(a for a in open_ if a.days_overdue is not None)
        done = int((acts["status"] == "done").sum()) if len(acts) else 0
        sig = given.get(unit)
        if sig is None:
            k = r.kpis[r.kpis["unit"] == unit] if len(r.kpis) else r.kpis
            sig = tuple(UnitSignal(str(row["kpi_name"]), _float(row["value"]), _float(row["target"]),
                                   signal=row["on_target"] is False or row["on_target"] == False,  # noqa: E712
                                   note=str(row["period"].strftime("%Y-%m")) if not pd.isna(row["period"]) else "")
                        for _, row in k.iterrows())
        tr = r.training_by_unit[r.training_by_unit["unit"] == unit] if len(r.training_by_unit) else r.training_by_unit
        training = tuple(SkillChange(str(row["skill"]), int(row["n"]), _float(row["change"]), _float(row["low"]),
                                     _float(row["high"]), _float(row["dz"])) for _, row in tr.iterrows())
        les = r.lessons[r.lessons["unit"] == unit] if len(r.lessons) else r.lessons
        recurring: tuple[str, ...] = ()
        unlinked = 0
        if len(les):
            per = les.assign(_p=les["date"].dt.to_period(r.period))
            g = per.groupby("category")
            rec = g["_p"].nunique()
            recurring = tuple(sorted(rec[rec >= 2].index.astype(str), key=lambda c: (-int(g.size()[c]), c)))
            unlinked = int((~les["with_action"]).sum())
        focus = _focus_for(items=items, coaching=coaching, overdue=overdue, open_=open_, signals=sig,
                           training=training, recurring=recurring, min_size=r.min_size)
        packs.append(UnitPack(unit=unit, min_size=r.min_size, report_date=r.report_date, n_observations=n_obs,
                              observation_mean=mean, items=items, coaching=coaching, open_actions=open_,
                              overdue_actions=overdue, done_actions=done, signals=sig, training=training,
                              recurring_lessons=recurring, lessons_without_action=unlinked, focus=focus))
    return tuple(packs)


# --------------------------------------------------------------------------- the result


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})


@dataclass(frozen=True, eq=False)
class ManagementResult:
    """Observations, actions, lessons and training for one engagement (see :func:`analyse`).

    Every grouped frame here has already passed suppression; employee codes appear only as the
    loader's pseudonyms, and only in ``employees``.
    """

    language: str
    report_date: dt.date
    min_size: int
    period: str
    alpha: float
    accent: str
    has_observations: bool = False
    has_actions: bool = False
    has_lessons: bool = False
    has_training: bool = False
    n_observations: int = 0
    n_sessions: int = 0
    items: pd.DataFrame = field(default_factory=lambda: _empty(["item", "n", "mean"]))
    unit_counts: pd.DataFrame = field(default_factory=lambda: _empty(["unit", "n", "mean"]))
    unit_items: pd.DataFrame = field(default_factory=lambda: _empty(["unit", "item", "n", "mean"]))
    observers: pd.DataFrame = field(default_factory=lambda: _empty(["observer", "n", "mean"]))
    employees: pd.DataFrame = field(default_factory=lambda: _empty(["employee_code", "n", "mean"]))
    trend: pd.DataFrame = field(default_factory=lambda: _empty(["period", "item", "n", "mean"]))
    unit_trend: pd.DataFrame = field(default_factory=lambda: _empty(["period", "unit", "item", "n", "mean"]))
    coaching: pd.DataFrame = field(default_factory=lambda: _empty(["unit", "item", "focus"]))
    calibration: pd.DataFrame = field(default_factory=lambda: _empty(["observer_a", "observer_b", "n"]))
    actions: pd.DataFrame = field(default_factory=lambda: _empty(["action_id", "unit", "status", "overdue"]))
    by_owner: pd.DataFrame = field(default_factory=lambda: _empty(["owner"]))
    by_unit: pd.DataFrame = field(default_factory=lambda: _empty(["unit"]))
    by_source: pd.DataFrame = field(default_factory=lambda: _empty(["source"]))
    overdue: pd.DataFrame = field(default_factory=lambda: _empty(["action_id"]))
    burndown: pd.DataFrame = field(default_factory=lambda: _empty(["date", "planned", "actual"]))
    rounds: pd.DataFrame = field(default_factory=lambda: _empty(["round", "remaining"]))
    unanswered: pd.DataFrame = field(default_factory=lambda: _empty(["kind", "finding", "covered", "action_ids"]))
    lessons: pd.DataFrame = field(default_factory=lambda: _empty(["date", "unit", "category", "with_action"]))
    pareto: pd.DataFrame = field(default_factory=lambda: _empty(["category", "n"]))
    lessons_unlinked: pd.DataFrame = field(default_factory=lambda: _empty(["date", "unit", "category", "event"]))
    training_by_unit: pd.DataFrame = field(default_factory=lambda: _empty(["skill", "unit", "n"]))
    training_scale: str = "1–5"  # the scale the training file's scores are on (shown on their own scale)
    transfer: pd.DataFrame = field(default_factory=lambda: _empty(["skill", "scope", "n"]))
    kpis: pd.DataFrame = field(default_factory=lambda: _empty(["unit", "kpi_name", "value", "target", "on_target"]))

    # ------------------------------------------------------------------ state
    @property
    def available(self) -> bool:
        """Whether there was any management data (observations, actions, lessons or training)."""
        return self.has_observations or self.has_actions or self.has_lessons or self.has_training

    def skipped(self, lang: str) -> str:
        """Why (parts of) the analysis were skipped, as one sentence."""
        if not self.available:
            return t("management.skipped.all", lang)
        missing = [t(f"management.part.{p}", lang) for p, ok in (("observations", self.has_observations),
                                                                 ("actions", self.has_actions),
                                                                 ("lessons", self.has_lessons),
                                                                 ("training", self.has_training)) if not ok]
        if not missing:
            return ""
        return t("management.skipped.parts", lang, parts=", ".join(missing))

    @property
    def training(self) -> pd.DataFrame:
        """Training effect per skill over all units."""
        f = self.training_by_unit
        return f[f["unit"] == ALL].reset_index(drop=True) if len(f) else f

    def lowest_items(self, k: int = 3) -> pd.DataFrame:
        """The *k* observation items with the lowest mean score (organisation-wide, suppressed groups excluded)."""
        if not len(self.items):
            return self.items
        return self.items.sort_values(["mean", "item"]).head(k).reset_index(drop=True)

    def unit_packs(self, *, signals: Mapping[str, Sequence[UnitSignal | Mapping[str, Any]]] | None = None
                   ) -> tuple[UnitPack, ...]:
        """One manager pack per unit (see :func:`unit_packs`)."""
        return unit_packs(self, signals=signals)

    # ------------------------------------------------------------------ summary
    def summary(self) -> dict[str, Any]:
        """JSON-serialisable numbers for summary.json.

        ``actions``: ``open`` is every action not yet done — status *open* **plus** *in
        progress* (``open == not_started + in_progress``); ``not_started`` and ``in_progress``
        split it; ``overdue`` is the part of ``open`` whose due date is before the report date;
        ``done``, ``cancelled`` and ``total`` (all actions) as counted.  ``action_rounds``: per
        re-measurement round, the actions due by its end, done and not done (see
        :func:`burn_down_by_round`), or the status snapshot per round (:func:`burn_down_rounds`).
        """
        a = self.actions
        counts = {s: int((a["status"] == s).sum()) for s in STATUSES} if len(a) else dict.fromkeys(STATUSES, 0)
        cal = self.calibration
        overall = cal[cal["observer_a"] == ALL] if len(cal) and (cal["observer_a"] == ALL).any() else cal.head(1)
        calibration = None
        if len(overall):
            row = overall.iloc[0]
            calibration = {"n": int(row["n"]), "kappa": _round(row["kappa"], 3), "kappa_low": _round(row["kappa_low"], 3),
                           "kappa_high": _round(row["kappa_high"], 3), "icc": _round(row["icc"], 3),
                           "icc_low": _round(row["icc_low"], 3), "icc_high": _round(row["icc_high"], 3),
                           "icc_method": str(row["icc_method"]), "icc_interval": str(row["icc_interval"]),
                           "n_boot": None if pd.isna(row["n_boot"]) else int(row["n_boot"]),
                           "seed": None if pd.isna(row["seed"]) else int(row["seed"])}
        return {
            "available": bool(self.available),
            "report_date": self.report_date.isoformat(),
            "actions": {"open": counts["open"] + counts["in progress"], "overdue": int(a["overdue"].sum()) if len(a) else 0,
                        "done": counts["done"], "not_started": counts["open"], "in_progress": counts["in progress"],
                        "cancelled": counts["cancelled"], "total": int(len(a))},
            "action_rounds": [{k: (str(v) if k == "round" else v.date().isoformat() if k == "date" else int(v))
                               for k, v in row.items() if k in ("round", "date", "due", "done", "remaining", "planned")}
                              for row in self.rounds.to_dict("records")] if len(self.rounds) else [],
            "observations": {"n": int(self.n_observations), "sessions": int(self.n_sessions),
                             "lowest_items": [{"item": str(r_["item"]), "mean": _round(r_["mean"]), "n": int(r_["n"])}
                                              for _, r_ in self.lowest_items().iterrows()],
                             "calibration": calibration},
            "training": {str(r_["skill"]): {"mean_change": _round(r_["change"], 3), "low": _round(r_["low"], 3),
                                            "high": _round(r_["high"], 3), "n": int(r_["n"])}
                         for _, r_ in self.training.iterrows()},
            "lessons": {"n": int(len(self.lessons)),
                        "with_action": int(self.lessons["with_action"].sum()) if len(self.lessons) else 0,
                        "without_action": int((~self.lessons["with_action"].astype(bool)).sum()) if len(self.lessons) else 0,
                        "top_category": str(self.pareto["category"].iloc[0]) if len(self.pareto) else None},
            "findings_without_action": int((~self.unanswered["covered"].astype(bool)).sum()) if len(self.unanswered) else 0,
        }

    # ------------------------------------------------------------------ tables
    def tables(self, lang: str) -> dict[str, pd.DataFrame]:
        """Tables for the report and workbook (translated headers, suppressed, pseudonyms only)."""
        c = lambda k: t(f"management.col.{k}", lang)  # noqa: E731
        il = lambda s: s.map(lambda v: item_label(v, lang))  # noqa: E731
        out: dict[str, pd.DataFrame] = {}

        def fmt(frame: pd.DataFrame, columns: Mapping[str, str], *, digits: int = 2) -> pd.DataFrame:
            f = frame[list(columns)].copy()
            for col in f.columns:
                if pd.api.types.is_float_dtype(f[col]) and col not in ("p_t", "p_wilcoxon"):
                    f[col] = f[col].round(digits) + 0.0  # + 0.0: no negative zero ("-0") in tables
                elif col in ("p_t", "p_wilcoxon"):
                    f[col] = pd.to_numeric(f[col], errors="coerce").round(4)
            for col in f.columns:
                if not pd.api.types.is_numeric_dtype(f[col]) or isinstance(f[col].dtype, pd.api.extensions.ExtensionDtype):
                    f[col] = f[col].astype(object).where(f[col].notna(), None)
            return f.rename(columns={k: c(v) for k, v in columns.items()}).reset_index(drop=True)

        if self.has_observations:
            if len(self.items):
                f = self.items.assign(item=il(self.items["item"]))
                out["observations_by_item"] = fmt(f, {"item": "item", "n": "n", "employees": "employees", "mean": "mean",
                                                      "low": "low", "high": "high"})
            if len(self.unit_items):
                f = self.unit_items.assign(item=il(self.unit_items["item"]))
                out["observations_by_unit_item"] = fmt(f, {"unit": "unit", "item": "item", "n": "n", "mean": "mean",
                                                           "low": "low", "high": "high"})
            if len(self.observers):
                out["observations_by_observer"] = fmt(self.observers, {"observer": "observer", "n": "n", "mean": "mean",
                                                                       "low": "low", "high": "high",
                                                                       "difference": "difference"})
            if len(self.employees):
                f = self.employees.assign(lowest_item=il(self.employees["lowest_item"]))
                out["observations_by_employee"] = fmt(f, {"employee_code": "employee", "unit": "unit", "n": "n",
                                                          "mean": "mean", "lowest_item": "lowest_item"})
            if len(self.unit_trend):
                f = self.unit_trend.assign(item=il(self.unit_trend["item"]))
                out["observation_trend"] = fmt(f, {"period": "period", "unit": "unit", "item": "item", "n": "n",
                                                   "mean": "mean", "low": "low", "high": "high"})
            if len(self.coaching):
                f = self.coaching[self.coaching["focus"]]
                f = f.assign(item=il(f["item"]), falling=f["falling"].map(lambda v: _yes_no(v, lang)))
                out["coaching_focus"] = fmt(f, {"unit": "unit", "rank": "rank", "item": "item", "n": "n", "mean": "mean",
                                                "slope": "slope", "slope_low": "low", "slope_high": "high",
                                                "falling": "falling"}, digits=3)
            if len(self.calibration):
                f = self.calibration.assign(
                    observer_a=self.calibration["observer_a"].map(lambda v: t("management.all_pairs", lang) if v == ALL else v),
                    observer_b=self.calibration["observer_b"].map(lambda v: "" if v == ALL else v))
                f = f.assign(icc_method=f["icc_method"].map(lambda v: t(f"management.icc.{v}", lang)),
                             icc_interval=[t(f"management.icc_interval.{v}", lang, n_boot=nb, seed=sd)
                                           for v, nb, sd in zip(f["icc_interval"], f["n_boot"], f["seed"])])
                out["calibration"] = fmt(f, {"observer_a": "observer_a", "observer_b": "observer_b", "n": "n_pairs",
                                             "employees": "employees", "exact": "exact", "within_one": "within_one",
                                             "kappa": "kappa", "kappa_low": "kappa_low", "kappa_high": "kappa_high",
                                             "icc_method": "icc_method", "icc": "icc_estimate", "icc_low": "icc_low",
                                             "icc_high": "icc_high", "icc_interval": "icc_interval"})
        if self.has_actions:
            noun = t("management.organisation_wide", lang)
            for slug, frame, by in (("actions_by_owner", self.by_owner, "owner"), ("actions_by_unit", self.by_unit, "unit"),
                                    ("actions_by_source", self.by_source, "source")):
                if not len(frame):
                    continue
                f = frame.copy()
                if by == "source":
                    f[by] = f[by].map(lambda v: _source_label(v, lang) or t("management.no_source", lang))
                elif by == "unit":
                    f[by] = f[by].map(lambda v: v if isinstance(v, str) and v else noun)
                out[slug] = fmt(f, {by: by, "open": "status_open", "in progress": "status_in_progress",
                                    "done": "status_done", "cancelled": "status_cancelled", "total": "total",
                                    "overdue": "overdue", "done_share": "done_share"})
            if len(self.overdue):
                f = self.overdue.assign(
                    unit=self.overdue["unit"].map(lambda v: v if isinstance(v, str) and v else noun),
                    status=self.overdue["status"].map(lambda v: _status_label(v, lang)),
                    due_date=self.overdue["due_date"].map(_to_date))
                out["actions_overdue"] = fmt(f, {"action_id": "action_id", "action": "action", "owner": "owner",
                                                 "unit": "unit", "due_date": "due_date", "status": "status",
                                                 "days_overdue": "days_overdue"})
            if len(self.burndown):
                f = self.burndown.assign(date=self.burndown["date"].map(_to_date))
                out["actions_burndown"] = fmt(f, {"date": "date", "planned": "planned_remaining",
                                                  "actual": "actual_remaining"})
            if len(self.rounds) and "due" in self.rounds.columns:  # read from due dates (burn_down_by_round)
                f = self.rounds.assign(date=self.rounds["date"].map(_to_date))
                out["actions_rounds"] = fmt(f, {"round": "round", "date": "round_end", "due": "due_by_round",
                                                "done": "done_now", "remaining": "not_done_now",
                                                "planned": "planned_remaining"})
            elif len(self.rounds):  # status snapshots (burn_down_rounds)
                out["actions_rounds"] = fmt(self.rounds, {"round": "round", "open": "status_open",
                                                          "in progress": "status_in_progress", "done": "status_done",
                                                          "cancelled": "status_cancelled", "remaining": "remaining"})
        if len(self.unanswered):
            f = self.unanswered[~self.unanswered["covered"].astype(bool)]
            if len(f):
                f = f.assign(kind=f["kind"].map(lambda k: t(f"management.kind.{k}", lang)),
                             finding=f.apply(lambda r_: _finding_label(r_["kind"], r_["finding"], lang), axis=1))
                out["findings_without_action"] = fmt(f, {"kind": "kind", "finding": "finding"})
        if self.has_lessons:
            if len(self.pareto):
                f = self.pareto.assign(vital_few=self.pareto["vital_few"].map(lambda v: _yes_no(v, lang)),
                                       recurring=self.pareto["recurring"].map(lambda v: _yes_no(v, lang)))
                out["lessons_pareto"] = fmt(f, {"category": "category", "n": "events", "share": "share",
                                                "cumulative": "cumulative", "vital_few": "vital_few",
                                                "recurring": "recurring", "periods": "periods",
                                                "with_action": "with_action", "without_action": "without_action",
                                                "action_done": "action_done"}, digits=3)
            if len(self.lessons_unlinked):
                f = self.lessons_unlinked.assign(date=self.lessons_unlinked["date"].map(_to_date))
                out["lessons_without_action"] = fmt(f, {"date": "date", "unit": "unit", "category": "category",
                                                        "event": "event", "lesson": "lesson"})
        if self.has_training:
            if len(self.training_by_unit):
                f = self.training_by_unit.assign(
                    skill=il(self.training_by_unit["skill"]),
                    unit=self.training_by_unit["unit"].map(lambda v: t("management.all_units", lang) if v == ALL else v))
                out["training_effect"] = fmt(f, {"skill": "skill", "unit": "unit", "n": "n", "pre": "pre", "post": "post",
                                                 "change": "change", "low": "low", "high": "high", "t": "t",
                                                 "p_t": "p_t", "wilcoxon": "wilcoxon", "p_wilcoxon": "p_wilcoxon",
                                                 "dz": "dz"})
                out["training_effect"] = out["training_effect"].rename(columns={
                    t(f"management.col.{k}", lang): f"{t(f'management.col.{k}', lang)} ({self.training_scale})"
                    for k in ("pre", "post", "change")})
            if len(self.transfer):
                f = self.transfer.assign(skill=il(self.transfer["skill"]),
                                         scope=self.transfer.apply(
                                             lambda r_: item_label(r_["skill"], lang) if r_["scope"] == "item"
                                             else t("management.all_items", lang), axis=1))
                out["training_transfer"] = fmt(f, {"skill": "skill", "scope": "scope", "n": "employees",
                                                   "pre": "before", "post": "after", "change": "change", "low": "low",
                                                   "high": "high", "p_t": "p_t", "p_wilcoxon": "p_wilcoxon",
                                                   "dz": "dz"})
        return out

    # ------------------------------------------------------------------ findings
    def findings(self, lang: str) -> list[str]:
        """One to five sentences for the executive summary, written from the numbers."""
        out: list[str] = []
        if not self.available:
            return [self.skipped(lang)]
        if self.has_actions and len(self.actions):
            s = self.summary()["actions"]
            out.append(t("management.finding.actions", lang, open=s["open"], overdue=s["overdue"], done=s["done"],
                         date=fmt_date(self.report_date, lang)))
        low = self.lowest_items(1)
        if len(low):
            r_ = low.iloc[0]
            out.append(t("management.finding.lowest_item", lang, item=item_label(r_["item"], lang),
                         mean=fmt_number(r_["mean"], lang, digits=1), n=fmt_number(self.n_observations, lang)))
        elif self.has_observations:
            out.append(t("management.finding.observations_suppressed", lang, min=self.min_size))
        cal = self.summary()["observations"]["calibration"]
        if cal and cal["kappa"] is not None:
            out.append(t("management.finding.calibration", lang, kappa=fmt_number(cal["kappa"], lang, digits=2),
                         low=fmt_number(cal["kappa_low"], lang, digits=2), high=fmt_number(cal["kappa_high"], lang, digits=2),
                         n=fmt_number(cal["n"], lang)))
        n_un = int((~self.unanswered["covered"].astype(bool)).sum()) if len(self.unanswered) else 0
        if n_un:
            out.append(t("management.finding.unanswered", lang, count=n_un))
        if len(self.pareto):
            r_ = self.pareto.iloc[0]
            out.append(t("management.finding.lessons", lang, category=str(r_["category"]),
                         share=fmt_percent(r_["share"], lang), without=int(self.pareto["without_action"].sum())))
        tr = self.training
        if len(tr) and tr["change"].notna().any():
            r_ = tr.loc[tr["change"].astype(float).idxmax()]
            out.append(t("management.finding.training", lang, skill=item_label(r_["skill"], lang),
                         change=fmt_signed(float(r_["change"]), lang, digits=2), low=fmt_number(r_["low"], lang, digits=2),
                         high=fmt_number(r_["high"], lang, digits=2), n=int(r_["employees"])))
        return out[:5] or [self.skipped(lang) or t("management.skipped.all", lang)]

    # ------------------------------------------------------------------ figures
    def figures(self, lang: str) -> dict[str, Any]:
        """Charts via :mod:`svcwork.charts` (keys: observation_heatmap, observation_trend, actions_status,
        actions_burndown, lessons_pareto, training_change) — those with data only."""
        figs: dict[str, Any] = {}
        if len(self.unit_items):
            figs["observation_heatmap"] = self._fig_heatmap(lang)
        if len(self.trend) and self.trend["period"].nunique() >= 2:
            figs["observation_trend"] = self._fig_trend(lang)
        if len(self.by_unit):
            figs["actions_status"] = self._fig_status(lang)
        if len(self.burndown):
            figs["actions_burndown"] = self._fig_burndown(lang)
        if len(self.rounds) >= 2:
            figs["actions_rounds"] = self._fig_rounds(lang)
        if len(self.pareto):
            figs["lessons_pareto"] = self._fig_pareto(lang)
        if len(self.training) and self.training["change"].notna().any():
            figs["training_change"] = self._fig_training(lang)
        return figs

    def _fig_heatmap(self, lang: str):
        ui = self.unit_items
        units = sorted(ui["unit"].astype(str).unique())
        items = list(dict.fromkeys(self.items.sort_values("mean")["item"].astype(str))) if len(self.items) else []
        items += sorted(set(ui["item"].astype(str)) - set(items))
        grid = np.full((len(units), len(items)), np.nan)
        for _, r_ in ui.iterrows():
            grid[units.index(str(r_["unit"])), items.index(str(r_["item"]))] = r_["mean"]
        fig, ax = charts.new_figure(size=(max(6.0, 1.1 * len(items) + 3), max(3.0, 0.5 * len(units) + 2)))
        masked = np.ma.masked_invalid(grid)
        cmap = matplotlib.colormaps["RdBu"].with_extremes(bad="#f0f1f3")  # diverging, safe for colour-blind readers
        im = ax.imshow(masked, cmap=cmap, vmin=SCALE[0], vmax=SCALE[-1], aspect="auto")
        ax.set_xticks(range(len(items)), [item_label(i, lang) for i in items], rotation=30,
                      ha="left" if lang == "he" else "right")
        ax.set_yticks(range(len(units)), units)
        ax.grid(False)
        for (i, j), v in np.ndenumerate(grid):
            dark = not np.isnan(v) and abs(v - (SCALE[0] + SCALE[-1]) / 2) > 0.65 * (SCALE[-1] - SCALE[0]) / 2
            ax.text(j, i, SUPPRESSED if np.isnan(v) else f"{v:.1f}", ha="center", va="center", fontsize=9,
                    color="white" if dark else "#222222")  # readable on the map's dark ends
        fig.colorbar(im, ax=ax, label=t("management.fig.mean_score", lang), shrink=0.8)
        charts.finish(ax, lang=lang, title=t("management.fig.heatmap", lang))
        return fig

    def _fig_trend(self, lang: str):
        fig, ax = charts.new_figure()
        periods = sorted(self.trend["period"].astype(str).unique())
        for item, g in self.trend.groupby("item", sort=True):
            x = [periods.index(p) for p in g["period"].astype(str)]
            ax.plot(x, g["mean"], marker="o", label=item_label(item, lang))
        ax.set_xticks(range(len(periods)), periods)
        ax.set_ylim(SCALE[0] - 0.2, SCALE[-1] + 0.2)
        ax.legend(loc="best", fontsize=8)
        charts.finish(ax, lang=lang, title=t("management.fig.trend", lang), xlabel=t("management.col.period", lang),
                      ylabel=t("management.fig.mean_score", lang))
        return fig

    def _fig_status(self, lang: str):
        f = self.by_unit
        labels = [u if isinstance(u, str) and u else t("management.organisation_wide", lang) for u in f["unit"]]
        fig, ax = charts.new_figure(size=(8.0, max(3.0, 0.45 * len(labels) + 1.5)))
        left = np.zeros(len(f))
        colours = {"done": charts.GOOD, "in progress": charts.PALETTE[1], "open": charts.accent(self.accent),
                   "cancelled": charts.NEUTRAL}
        for s in ("done", "in progress", "open", "cancelled"):
            vals = f[s].to_numpy(dtype=float)
            ax.barh(range(len(f)), vals, left=left, color=colours[s], label=_status_label(s, lang))
            left += vals
        over = f["overdue"].to_numpy(dtype=float)
        for i, v in enumerate(over):
            if v:
                ax.text(left[i], i, "  " + t("management.fig.overdue_n", lang, count=int(v)), va="center",
                        ha="right" if lang == "he" else "left", color=charts.BAD, fontsize=8)
        ax.set_yticks(range(len(f)), labels)
        ax.invert_yaxis()
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=4, fontsize=8)
        charts.finish(ax, lang=lang, title=t("management.fig.status", lang), xlabel=t("management.fig.actions", lang))
        return fig

    def _fig_burndown(self, lang: str):
        b = self.burndown
        fig, ax = charts.new_figure()
        ax.step(b["date"], b["planned"], where="post", color=charts.NEUTRAL, label=t("management.col.planned_remaining", lang))
        act = b.dropna(subset=["actual"])
        ax.scatter(act["date"], act["actual"].astype(float), color=charts.accent(self.accent), zorder=3, s=50,
                   label=t("management.col.actual_remaining", lang))
        ax.axvline(pd.Timestamp(self.report_date), color=charts.BAD, linestyle=":", linewidth=1)
        ax.set_ylim(bottom=0)
        ax.legend(loc="best", fontsize=8)
        fig.autofmt_xdate()
        charts.finish(ax, lang=lang, title=t("management.fig.burndown", lang), ylabel=t("management.fig.actions", lang))
        return fig

    def _fig_rounds(self, lang: str):
        r_ = self.rounds
        by_dates = "due" in r_.columns
        fig, ax = charts.new_figure()
        x = np.arange(len(r_))
        ax.bar(x, r_["done"].astype(float), color=charts.GOOD,
               label=t("management.col.done_now", lang) if by_dates else _status_label("done", lang))
        ax.bar(x, r_["remaining"].astype(float), bottom=r_["done"].astype(float), color=charts.accent(self.accent),
               label=t("management.col.not_done_now", lang) if by_dates else t("management.col.remaining", lang))
        if by_dates:
            ax.plot(x, r_["planned"].astype(float), color=charts.NEUTRAL, marker="o", linestyle="--",
                    label=t("management.col.planned_remaining", lang))
        ax.set_xticks(x, r_["round"].astype(str))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(loc="best", fontsize=8)
        charts.finish(ax, lang=lang, title=t("management.fig.rounds_due" if by_dates else "management.fig.rounds", lang),
                      xlabel=t("management.col.round", lang), ylabel=t("management.fig.actions", lang))
        return fig

    def _fig_pareto(self, lang: str):
        p = self.pareto
        fig, ax = charts.new_figure()
        x = np.arange(len(p))
        colours = [charts.accent(self.accent) if v else charts.NEUTRAL for v in p["vital_few"]]
        ax.bar(x, p["n"], color=colours)
        ax.set_xticks(x, p["category"].astype(str), rotation=30, ha="left" if lang == "he" else "right")
        ax2 = ax.twinx()
        ax2.plot(x, 100 * p["cumulative"], color=charts.BAD, marker="o")
        ax2.set_ylim(0, 105)
        ax2.axhline(80, color=charts.NEUTRAL, linestyle=":", linewidth=1)
        ax2.set_ylabel(t("management.fig.cumulative_pct", lang))
        ax2.grid(False)
        if lang == "he":  # value axis of the bars moves right (finish); the cumulative axis goes left
            ax2.yaxis.tick_left()
            ax2.yaxis.set_label_position("left")
        charts.finish(ax, lang=lang, title=t("management.fig.pareto", lang), ylabel=t("management.col.events", lang))
        return fig

    def _fig_training(self, lang: str):
        tr = self.training.dropna(subset=["change"]).sort_values("change")
        fig, ax = charts.new_figure(size=(8.0, max(3.0, 0.5 * len(tr) + 1.5)))
        y = np.arange(len(tr))
        ch = tr["change"].astype(float).to_numpy()
        lo = (ch - tr["low"].astype(float).fillna(pd.Series(ch, index=tr.index)).to_numpy())
        hi = (tr["high"].astype(float).fillna(pd.Series(ch, index=tr.index)).to_numpy() - ch)
        ax.errorbar(ch, y, xerr=[lo, hi], fmt="o", color=charts.accent(self.accent), capsize=4)
        ax.axvline(0, color=charts.NEUTRAL, linewidth=1)
        ax.set_yticks(y, [f"{item_label(s, lang)} (n={n})" for s, n in zip(tr["skill"], tr["n"])])
        charts.finish(ax, lang=lang, title=t("management.fig.training", lang),
                      xlabel=f"{t('management.fig.change', lang)} ({self.training_scale})")
        return fig


# --------------------------------------------------------------------------- analyse


def _kpi_aliases(kpis: pd.DataFrame | None) -> dict[str, list[str]]:
    """A KPI's id and name name the same finding (an action may quote either)."""
    out: dict[str, list[str]] = {}
    if kpis is None or "kpi_id" not in kpis.columns:
        return out
    names = kpis["kpi_name"] if "kpi_name" in kpis.columns else pd.Series([None] * len(kpis), index=kpis.index)
    for kid, name in zip(kpis["kpi_id"], names):
        both = [str(x).strip() for x in (kid, name) if isinstance(x, str) and x.strip()]
        for x in both:
            out.setdefault(x, []).extend(y for y in both if y != x)
    return out


def linked_findings(engagement: Engagement, *, outcome: str = "satisfaction") -> dict[str, list[str]]:
    """The findings of the other analyses that the action plan should answer, derived cheaply.

    ``pain_points``: the Journey sheet's pain points (:func:`svcwork.journeys.pain_points`);
    ``kpi_signals``: KPIs whose control chart shows a Western Electric signal or which miss
    their target (:func:`svcwork.measures.kpi_signals`, the measures scorecard);
    ``drivers``: the survey items in the importance–performance "concentrate here" quadrant
    (:func:`svcwork.measures.weak_drivers`, key drivers of *outcome*).  Only what these need is
    computed (no survey bootstrap, no case-log analysis).  The keys are :func:`analyse`'s
    keywords: ``analyse(engagement, **linked_findings(engagement))`` flags the ones no action
    answers (with each unit's coaching-focus observation items, which :func:`analyse` adds).
    """
    if not isinstance(engagement, Engagement):
        raise AnalysisError(f"linked_findings: expected an Engagement (svcwork.load), found {type(engagement).__name__}.")
    return {"pain_points": _journey_pain_points(engagement),
            "kpi_signals": _measures_kpi_signals(engagement),
            "drivers": _measures_weak_drivers(engagement, outcome=outcome)}


def _period_text(value: object) -> str:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        return pd.Timestamp(value).strftime("%Y-%m")
    except (TypeError, ValueError):
        return str(value)


def _kpi_unit_signal(row: Mapping[str, Any], chart: Any, lang: str) -> UnitSignal:
    """One scorecard row (:func:`svcwork.measures.kpi_scorecard`) as a pack signal."""
    met = row.get("met")
    met = bool(met) if isinstance(met, (bool, np.bool_)) else None
    n_sig = int(row.get("signals") or 0)
    parts = [_period_text(row.get("last_period"))]
    if met is not None:
        parts.append(t("management.note.kpi_met" if met else "management.note.kpi_missed", lang))
    if n_sig and chart is not None and len(chart.signals):
        parts.append(t("management.note.kpi_signals", lang, count=n_sig,
                       period=_period_text(max(chart.signals["period"]))))
    elif isinstance(row.get("in_control"), (bool, np.bool_)) and bool(row["in_control"]):
        parts.append(t("management.note.kpi_in_control", lang))
    if row.get("trend") in ("improving", "worsening"):
        parts.append(t(f"management.note.kpi_{row['trend']}", lang))
    name = row.get("kpi_name")
    label = name.strip() if isinstance(name, str) and name.strip() else str(row.get("kpi_id"))
    return UnitSignal(label, _float(row.get("last")), _float(row.get("target")), signal=bool(n_sig > 0 or met is False),
                      note="; ".join(p for p in parts if p), kind="kpi")


def _survey_label(item: str, lang: str) -> str:
    from .i18n import CATALOGUE

    key = f"measures.item.{item}"
    return t(key, lang) if key in CATALOGUE else str(item)


def unit_signals(engagement: Engagement, *, lang: str | None = None,
                 measures_result: Any = None) -> dict[str, tuple[UnitSignal, ...]]:
    """Each unit's KPI and survey results for its manager pack, from the measures analysis.

    *measures_result* is ``svcwork.measures.analyse(engagement)``; when None it is computed
    here with ``n_boot=0`` (the packs need no key-driver bootstrap).  Nothing is re-estimated:

    * survey (``kind="survey"``): the unit's rows of the by-unit item table
      (:func:`svcwork.measures.item_table`: share agreeing, top-2-box, in % with its Wilson
      interval and the responses; units and items below ``min_group_size`` and the secondary
      suppressions are absent, so they never reach a pack).  ``signal`` when the unit is
      significantly below the other units (:func:`svcwork.measures.compare_groups`, Newcombe
      interval of the difference); the note gives the difference and marks unstable estimates;
    * KPIs (``kind="kpi"``): the unit's KPIs — those with values for the unit in the KPI values
      sheet (:func:`svcwork.measures.kpi_scorecard` on the unit's values) and those whose
      service belongs to the unit (the Services sheet; the engagement scorecard row) — with the
      latest value against the target; ``signal`` when the control chart shows a Western
      Electric signal or the target is missed.

    Returns a mapping of unit to signals (KPIs first), for :func:`unit_packs`.
    """
    from . import measures as _measures

    if not isinstance(engagement, Engagement):
        raise AnalysisError(f"unit_signals: expected an Engagement (svcwork.load), found {type(engagement).__name__}.")
    lang = lang or engagement.language
    m = measures_result if measures_result is not None else _measures.analyse(engagement, n_boot=0)
    out: dict[str, list[UnitSignal]] = {}
    # KPIs: per-unit series first, then the organisation's series of KPIs attached to a unit's service
    kpis, values = _frame(engagement, "KPIs"), _frame(engagement, "KPI values")
    card = m.scorecard
    if kpis is not None and values is not None:
        seen: set[tuple[str, str]] = set()
        if "unit" in values.columns:
            unit_text = _text(values["unit"])
            for unit in sorted(set(unit_text.dropna())):
                sub = _measures.kpi_scorecard(kpis, values[(unit_text == unit).fillna(False).to_numpy(dtype=bool)])
                for row in sub.table.to_dict("records"):
                    if not row.get("periods"):
                        continue
                    out.setdefault(unit, []).append(_kpi_unit_signal(row, sub.charts.get(str(row["kpi_id"])), lang))
                    seen.add((unit, str(row["kpi_id"]).casefold()))
        units = _service_units(_frame(engagement, "Services"))
        svc = {str(k).strip().casefold(): units.get(str(v).strip().casefold())
               for k, v in zip(kpis["kpi_id"], kpis["service_id"] if "service_id" in kpis.columns else [None] * len(kpis))
               if isinstance(k, str) and isinstance(v, str)}
        if len(card):
            for row in card.to_dict("records"):
                unit = svc.get(str(row["kpi_id"]).strip().casefold())
                if unit is None or (unit, str(row["kpi_id"]).casefold()) in seen or not row.get("periods"):
                    continue
                out.setdefault(unit, []).append(_kpi_unit_signal(row, m.charts.get(str(row["kpi_id"])), lang))
    # survey: the suppressed by-unit item table and the unit-against-the-rest comparison
    by_unit = m.by.get("unit")
    if by_unit is not None and len(by_unit):
        diffs: dict[tuple[str, str], Mapping[str, Any]] = {
            (str(r["unit"]), str(r["item"])): r for r in m.unit_vs_all.to_dict("records")}

        def pct(v: object) -> float | None:
            return None if _float(v) is None else 100 * float(v)

        for row in by_unit.to_dict("records"):
            unit, item = row.get("unit"), row.get("item")
            if not isinstance(unit, str) or not unit.strip() or _float(row.get("pct_agree")) is None:
                continue
            d = diffs.get((unit, str(item)))
            notes = []
            if d is not None and d.get("status") in ("lower", "higher"):
                notes.append(t(f"management.note.survey_{d['status']}", lang,
                               diff=fmt_number(abs(100 * float(d["diff"])), lang, digits=1),
                               low=fmt_number(100 * float(d["low"]), lang, digits=1),
                               high=fmt_number(100 * float(d["high"]), lang, digits=1)))
            if bool(row.get("unstable")):
                notes.append(t("management.note.survey_unstable", lang))
            out.setdefault(unit, []).append(UnitSignal(
                _survey_label(str(item), lang), pct(row["pct_agree"]), low=pct(row.get("low")), high=pct(row.get("high")),
                signal=bool(d is not None and d.get("status") == "lower"), note="; ".join(notes), kind="survey",
                n=int(row["n"])))
    return {u: tuple(v) for u, v in sorted(out.items())}


def _frame(engagement: Engagement, key: str) -> pd.DataFrame | None:
    if key in ("cases", "survey", "training"):
        f = getattr(engagement, key, None)
        return None if f is None or len(f) == 0 else f.copy()
    f = engagement.tables.get(key) if hasattr(engagement.tables, "get") else None
    return None if f is None or len(f) == 0 else f.copy()


def analyse(engagement: Engagement, *, period: str = "M", top_items: int = 3, alpha: float = 0.05,
            same_day_pairs: bool = True, pain_points: Sequence[str] = (), kpi_signals: Sequence[str] = (),
            drivers: Sequence[str] = (), previous_actions: Mapping[str, pd.DataFrame] | None = None,
            round_period: str = "Q", employee_table: bool = False, n_boot: int = 2000,
            seed: int = 0) -> ManagementResult:
    """Observations, action plan, lessons learned and training effectiveness for one engagement.

    Parameters
    ----------
    period : "M" or "Q"
        Periods for trends and recurrence (months or quarters).
    top_items : int
        Coaching-focus items per unit.
    alpha : float
        1 − confidence level of every interval.
    same_day_pairs : bool
        Calibration pairs must be the same employee, item and day (a joint observation).
    pain_points, kpi_signals, drivers : sequences of str
        Findings of the journeys and measures analyses; flagged when no action answers them
        (:func:`linked_findings` derives all three from the engagement).  Each unit's first
        coaching-focus item, and every significantly falling item, are checked as well.  A
        KPI's id and name count as the same finding (from the KPIs sheet).
    previous_actions : mapping of round label to Actions frame, optional
        Earlier rounds' action plans (status snapshots), for the burn-down across
        re-measurement rounds (:func:`burn_down_rounds`).  Without them the rounds are the
        quarters (*round_period*) of the engagement period, read from the due dates and the
        status at the report date (:func:`burn_down_by_round`).
    round_period : "Q" or "M"
        Length of a re-measurement round when the rounds are read from due dates.
    employee_table : bool
        Include the per-employee table (pseudonyms only, employees with at least
        ``min_group_size`` scores in publishable cells).  Set False for reports that leave
        the consultant's hands.
    n_boot, seed : int
        Replicates and seed of the employee-clustered bootstrap of the pooled calibration ICC.
    """
    if not isinstance(engagement, Engagement):
        raise AnalysisError(f"analyse: expected an Engagement (svcwork.load), found {type(engagement).__name__}.")
    period, alpha, round_period = _check_period(period), _check_alpha(alpha), _check_period(round_period)
    s = engagement.settings
    min_size = _check_min_size(int(s.min_group_size))
    report = s.period_end
    kw: dict[str, Any] = dict(language=engagement.language, report_date=report, min_size=min_size, period=period,
                              alpha=alpha, accent=charts.accent(s.accent_color))
    services = _frame(engagement, "Services")
    obs = _frame(engagement, "Observations")
    base = None
    if obs is not None:
        clean = _prepare_observations(obs)
        base = publishable_observations(clean, min_size=min_size)
        kw["has_observations"] = len(clean) > 0
        kw["n_observations"] = int(len(clean))
        kw["n_sessions"] = int(clean[["date", "observer", "employee_code"]].drop_duplicates().shape[0])
        kw["items"] = observation_scores(base, by=["item"], min_size=min_size, alpha=alpha)
        # units: the number of scores always (a count says nothing about a person), the mean only
        # over the unit's publishable cells
        counts = clean.groupby("unit", observed=True)["score"].size().rename("n")
        means = base.groupby("unit", observed=True)["score"].mean().rename("mean")
        kw["unit_counts"] = pd.concat([counts, means], axis=1).reset_index().rename(columns={"index": "unit"})
        kw["unit_items"] = observation_scores(base, by=["unit", "item"], min_size=min_size, alpha=alpha)
        observers = observation_scores(base, by=["observer"], min_size=min_size, alpha=alpha)
        observers["difference"] = (observers["mean"] - float(base["score"].mean())) if len(observers) else []
        kw["observers"] = observers
        if employee_table:
            emp = observation_scores(base, by=["employee_code"], min_size=min_size, alpha=alpha)
            if len(emp):
                per = base.groupby(["employee_code", "item"], observed=True)["score"].mean().reset_index()
                lowest = per.sort_values(["employee_code", "score", "item"]).drop_duplicates("employee_code")
                unit = base.groupby("employee_code", observed=True)["unit"].agg(lambda u: u.mode().iat[0])
                emp = emp.assign(unit=emp["employee_code"].map(unit),
                                 lowest_item=emp["employee_code"].map(lowest.set_index("employee_code")["item"]))
            kw["employees"] = emp
        kw["trend"] = observation_trend(base, period=period, by=["item"], min_size=min_size, alpha=alpha)
        kw["unit_trend"] = observation_trend(base, period=period, by=["unit", "item"], min_size=min_size, alpha=alpha)
        kw["coaching"] = coaching_focus(base, period=period, top=top_items, min_size=min_size, alpha=alpha)
        kw["calibration"] = observer_calibration(clean, min_size=min_size, same_day=same_day_pairs, alpha=alpha,
                                                 n_boot=n_boot, seed=seed)
    acts = _frame(engagement, "Actions")
    prepared = None
    if acts is not None:
        prepared = prepare_actions(acts, report_date=report, services=services)
        kw["has_actions"] = len(prepared) > 0
        kw["actions"] = prepared
        kw["by_owner"] = action_status(prepared, by="owner")
        kw["by_unit"] = action_status(prepared, by="unit")
        kw["by_source"] = action_status(prepared, by="source")
        kw["overdue"] = overdue_actions(prepared)
        kw["burndown"] = burn_down(prepared, report_date=report, start=min(s.period_start, report), freq=period)
        if previous_actions:  # status snapshots of earlier rounds: the actual position at each round
            kw["rounds"] = burn_down_rounds({**dict(previous_actions), report.isoformat(): acts})
        else:  # one sheet: the rounds of the engagement period read from due dates and today's status
            kw["rounds"] = burn_down_by_round(prepared, report_date=report, start=s.period_start, freq=round_period)
    coaching = kw.get("coaching")
    low_items: list[str] = []
    if coaching is not None and len(coaching):  # each unit's first coaching item, and every falling one
        flagged = coaching[(coaching["rank"] == 1) | coaching["falling"].astype(bool)]
        low_items = list(dict.fromkeys(flagged["item"].astype(str)))
    if acts is not None or pain_points or kpi_signals or drivers or low_items:
        plan = acts if acts is not None else pd.DataFrame({"action_id": pd.Series(dtype="string"),
                                                           "action": pd.Series(dtype="string")})
        kw["unanswered"] = findings_without_action(plan, pain_points=pain_points, kpi_signals=kpi_signals,
                                                   low_items=low_items, drivers=drivers,
                                                   aliases=_kpi_aliases(_frame(engagement, "KPIs")))
    les = _frame(engagement, "Lessons")
    if les is not None:
        kw["has_lessons"] = True
        kw["lessons"] = _prepare_lessons(les, acts)
        kw["pareto"] = lessons_pareto(les, actions=acts, period=period)
        kw["lessons_unlinked"] = lessons_without_action(les, actions=acts)
    tr = _frame(engagement, "training")
    if tr is not None:
        kw["has_training"] = True
        kw["training_by_unit"] = training_effect(tr, min_size=min_size, alpha=alpha)
        scale = getattr(engagement, "scales", {}).get("training")
        if scale is not None:
            kw["training_scale"] = scale.name
        if obs is not None:
            # all observations (training_transfer shows a skill only when at least min_size trained
            # employees were observed before and after), but only the trainees the training
            # effect pools (unit groups of at least min_size), so both rows describe the same people
            kw["transfer"] = training_transfer(_shown_trainees(tr, min_size), clean, min_size=min_size, alpha=alpha)
    kpis, values = _frame(engagement, "KPIs"), _frame(engagement, "KPI values")
    if kpis is not None and values is not None:
        kw["kpis"] = kpi_snapshot(kpis, values, services=services)
    return ManagementResult(**kw)
