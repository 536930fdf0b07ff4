"""Weighting to known volumes: raking (iterative proportional fitting, Deming & Stephan 1940).

Weighted estimates (:func:`~svcwork.measures.item_table` with ``weights``) use Kish's (1965)
effective sample size ``(Σw)²/Σw²``.
"""

from __future__ import annotations

from typing import Mapping

import numpy as np
import pandas as pd

from ..common import require_columns
from ._base import error, what

__all__ = ["rake"]


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
        raise error("rake_margins")
    require_columns(frame, list(margins), what("raking"))
    if len(frame) == 0:
        raise error("rake_empty")
    codes, targets = [], []
    grand = None
    for col, totals in margins.items():
        tot = pd.Series(dict(totals), dtype=float)
        if (tot <= 0).any() or tot.isna().any():
            raise error("rake_totals", column=col, found=str(tot[(tot <= 0) | tot.isna()].to_dict()))
        values = frame[col]
        if values.isna().any():
            raise error("rake_missing", n=int(values.isna().sum()), column=col)
        unknown = sorted(set(pd.unique(values)) - set(tot.index), key=str)
        if unknown:
            raise error("rake_unknown", column=col, values=", ".join(map(str, unknown[:5])))
        absent = sorted(set(tot.index) - set(pd.unique(values)), key=str)
        if absent:
            raise error("rake_absent", column=col, values=", ".join(map(str, absent[:5])))
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
    raise error("rake_converge", max_iter=max_iter, err=f"{err:.2g}")

