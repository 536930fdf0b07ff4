"""Raking (svcwork.measures.weighting): margins fitted, the sample's odds ratio kept (Deming & Stephan 1940)."""

from __future__ import annotations

import pandas as pd
import pytest
from scipy import optimize

from svcwork import AnalysisError
from svcwork import measures as M


# =========================================================================== raking
def test_raking_matches_margins_and_keeps_the_sample_odds_ratio():
    # IPF keeps the sample's interactions (cross-product ratios) while fitting the margins (Deming &
    # Stephan 1940; Bishop, Fienberg & Holland 1975 §3.6).  For a 2×2 table that pins the answer down:
    # the raked count of the first cell solves the odds-ratio equation, found here by root finding.
    cells = {("web", "A"): 40, ("web", "B"): 30, ("counter", "A"): 20, ("counter", "B"): 10}
    frame = pd.DataFrame([k for k, c in cells.items() for _ in range(c)], columns=["channel", "unit"])
    margins = {"channel": {"web": 500.0, "counter": 500.0}, "unit": {"A": 300.0, "B": 700.0}}
    w = M.rake(frame, margins)
    table = w.groupby([frame["channel"], frame["unit"]]).sum()
    assert w.groupby(frame["channel"]).sum().to_dict() == pytest.approx(margins["channel"])
    assert w.groupby(frame["unit"]).sum().to_dict() == pytest.approx(margins["unit"])
    odds = (40 * 10) / (30 * 20)
    m11 = optimize.brentq(lambda a: a * (1000 - 500 - 300 + a) / ((500 - a) * (300 - a)) - odds, 1e-9, 300 - 1e-9)
    assert table[("web", "A")] == pytest.approx(m11, rel=1e-7)


def test_raking_refuses_categories_without_a_total():
    frame = pd.DataFrame({"unit": ["A", "B", "Z"]})
    with pytest.raises(AnalysisError, match="no known total for unit = Z"):
        M.rake(frame, {"unit": {"A": 1.0, "B": 2.0}})
    with pytest.raises(AnalysisError, match="no response for unit = C"):
        M.rake(frame.iloc[:2], {"unit": {"A": 1.0, "B": 2.0, "C": 3.0}})
