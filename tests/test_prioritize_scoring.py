"""svcwork.prioritize.scoring: direct weights, the weighted-sum score, the 2×2, TOPSIS and the method comparison."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from svcwork import AnalysisError
from svcwork.prioritize import compare_methods, direct_weights, quadrants, topsis, wsm


# =========================================================================== direct weights, score, quadrants
def test_direct_weights_are_divided_by_their_sum():
    frame = pd.DataFrame({"criterion": ["benefit", "effort", "visibility"], "direction": ["benefit", "cost", "benefit"],
                          "weight": [4, 3, 0]})
    cw = direct_weights(frame)
    assert cw.weights.to_dict() == pytest.approx({"benefit": 4 / 7, "effort": 3 / 7, "visibility": 0.0})
    assert cw.directions["effort"] == "cost"
    with pytest.raises(AnalysisError, match="at least one positive"):
        direct_weights(frame.assign(weight=0))
    with pytest.raises(AnalysisError, match="0 or more"):
        direct_weights(frame.assign(weight=[1, -1, 1]))
    with pytest.raises(AnalysisError, match="twice"):
        direct_weights(frame.assign(criterion=["benefit", "benefit", "effort"]))


def test_wsm_normalises_on_the_stated_scales_and_is_traceable():
    values = pd.DataFrame({"benefit": [5, 1, 3], "effort": [1, 5, 3], "annual_volume": [100, 300, np.nan]},
                          index=["A", "B", "C"])
    res = wsm(values, {"benefit": 2, "effort": 1, "annual_volume": 1},
              {"benefit": "benefit", "effort": "cost", "annual_volume": "benefit"})
    n = res.normalised
    # 1–5 scores on their fixed scale (x − 1)/4, cost reversed; volume min–max; missing → median
    assert n["benefit"].tolist() == [1.0, 0.0, 0.5]
    assert n["effort"].tolist() == [1.0, 0.0, 0.5]
    assert n["annual_volume"].tolist() == [0.0, 1.0, 0.5]
    assert res.imputed["annual_volume"].tolist() == [False, False, True]
    assert res.weights.tolist() == [0.5, 0.25, 0.25]
    np.testing.assert_allclose(res.contributions.sum(axis=1), res.scores)
    assert res.scores.to_dict() == pytest.approx({"A": 0.75, "B": 0.25, "C": 0.5})
    assert res.rank.tolist() == [1, 3, 2]
    assert res.scales["annual_volume"] == (100.0, 300.0) and res.scales["benefit"] == (1.0, 5.0)


def test_wsm_errors():
    with pytest.raises(AnalysisError, match="no values"):
        wsm(pd.DataFrame({"benefit": [np.nan, np.nan]}), [1])
    with pytest.raises(AnalysisError, match="weights"):
        wsm(pd.DataFrame({"benefit": [1, 2]}), [1, 2])
    with pytest.raises(AnalysisError, match="benefit or cost"):
        wsm(pd.DataFrame({"benefit": [1, 2]}), [1], ["sideways"])


def test_quadrants_with_the_midpoint_counted_conservatively():
    effort = [1, 2, 4, 5, 2, 4, 3, 3, 2]
    benefit = [5, 4, 5, 4, 1, 2, 3, 4, 3]
    assert quadrants(effort, benefit).tolist() == [
        "quick_win", "quick_win", "major_project", "major_project", "fill_in", "thankless", "thankless",
        "major_project", "fill_in"]
    assert quadrants([2.5], [3.5], midpoint=2.0).tolist() == ["major_project"]


# =========================================================================== TOPSIS
def test_topsis_reproduces_tzeng_and_huang_worked_example():
    # Tzeng & Huang (2011) Multiple Attribute Decision Making: Methods and Applications, CRC Press
    # (TOPSIS example; also used by scikit-criteria's test-suite): C* = .5037 .6581 .7482 .3340.
    res = topsis([[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]], [0.3, 0.4, 0.3], ["benefit"] * 3)
    np.testing.assert_allclose(res.closeness.to_numpy(), [0.5037, 0.6581, 0.7482, 0.3340], atol=1e-4)
    assert res.rank.tolist() == [3, 2, 1, 4]


def test_topsis_cost_criteria_swap_ideal_and_anti_ideal():
    x = np.random.default_rng(5).random((6, 4)) + 0.1
    w = [0.1, 0.2, 0.3, 0.4]
    benefit = topsis(x, w, ["benefit"] * 4)
    cost = topsis(x, w, ["cost"] * 4)
    np.testing.assert_allclose(cost.closeness.to_numpy(), 1 - benefit.closeness.to_numpy(), atol=1e-12)
    np.testing.assert_allclose(cost.ideal.to_numpy(), benefit.anti_ideal.to_numpy())


def test_topsis_errors():
    with pytest.raises(AnalysisError, match="negative"):
        topsis([[1, -2], [2, 3]], [0.5, 0.5], ["benefit", "cost"])
    with pytest.raises(AnalysisError, match="missing"):
        topsis(pd.DataFrame({"a": [1, np.nan]}), [1], ["benefit"])


def test_method_comparison_flags_top_n_disagreement():
    a = pd.Series([0.9, 0.8, 0.7, 0.6, 0.5], index=list("ABCDE"))
    b = pd.Series([0.9, 0.5, 0.7, 0.8, 0.1], index=list("ABCDE"))
    cmp = compare_methods(a, b, top_n=2)
    assert cmp.flagged == ("B", "D")
    assert cmp.spearman == pytest.approx(stats.spearmanr(a, b).statistic)
    assert cmp.kendall == pytest.approx(stats.kendalltau(a, b).statistic)
    assert compare_methods(a, a, top_n=2).spearman == pytest.approx(1.0)
