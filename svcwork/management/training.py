"""Training effectiveness and transfer to the job.

Paired pre/post change with a t interval and paired t test (``scipy.stats.ttest_rel``), the
Wilcoxon signed-rank test (Wilcoxon 1945; ``scipy.stats.wilcoxon``) and Cohen's d_z (mean
difference / SD of differences; Cohen 1988; Lakens 2013, *Front. Psychol.* 4:863); transfer to
the job as the same paired analysis of each trained employee's observation scores before and
after the training date (matched on the pseudonymised employee code: the loader uses one
namespace for ``Observations.employee_code`` and ``training.employee_code``).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np
import pandas as pd

from ..common import require_columns
from ..errors import AnalysisError
from ..i18n import t
from ._base import ALL, _check_alpha, _check_min_size, _float, _text
from .items import _canonical_items
from .observations import _prepare_observations

__all__ = ["PairedChange", "cohens_dz", "paired_change", "training_effect", "training_transfer"]


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
    from scipy import stats

    alpha = _check_alpha(alpha)
    x, y = np.asarray(pre, dtype=float), np.asarray(post, dtype=float)
    if x.shape != y.shape or x.ndim != 1:
        raise AnalysisError(t("management.error.paired_length", "en", pre=x.shape, post=y.shape))
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
    require_columns(training, ("employee_code", "skill", "pre_score", "post_score"), "training")
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
        before, after = _before_after(pool, first["employee_code"], first["date"])
        if len(before) < min_size:
            continue
        pc = paired_change(before, after, alpha=alpha)
        rows.append({"skill": skill, "scope": scope, **_change_row(pc)})
    return pd.DataFrame(rows, columns=cols)


def _before_after(pool: pd.DataFrame, employees: pd.Series, dates: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Each employee's mean observation score before their training date and from it on, in the
    order of *employees*, for those observed on both sides.  An observation without a date
    counts on neither side; a side whose scores are all missing still counts (its mean missing),
    as ``Series.mean`` per employee gave it."""
    trained = pd.DataFrame({"employee_code": employees.to_numpy(), "trained": dates.to_numpy(),
                            "order": np.arange(len(employees))})
    seen = pool.loc[pool["date"].notna(), ["employee_code", "date", "score"]].merge(trained, on="employee_code")
    if seen.empty:
        return np.array([]), np.array([])
    seen["after"] = (seen["date"] >= seen["trained"]).to_numpy()
    sides = seen.groupby(["order", "after"])["score"].agg(["mean", "size"]).unstack("after")
    both = sides["size"].reindex(columns=[False, True]).notna().all(axis=1)
    means = sides["mean"].reindex(columns=[False, True])[both].sort_index()
    return means[False].to_numpy(dtype=float), means[True].to_numpy(dtype=float)
