"""svcwork.prioritize.survey: which services the survey says to concentrate on."""

from __future__ import annotations

import pandas as pd
import pytest

from svcwork import AnalysisError
from svcwork.prioritize.survey import survey_focus


def test_survey_focus_uses_the_mean_cross_hair_by_hand():
    got = survey_focus({"s1": 0.5, "S2": 0.2, "S3": 0.3, "X9": 0.9, "S4": float("nan")}, ["S1", "S2", "S3", "S4"])
    # matched ignoring case; X9 is no service; NaN ignored; mean (0.5 + 0.2 + 0.3) / 3 = 1/3: only S1 above it
    assert got.signal.to_dict() == {"S1": 0.5, "S3": 0.3, "S2": 0.2}
    assert got.mean == pytest.approx(1 / 3) and got.focus == ("S1",) and got.unknown == ("X9",)
    assert survey_focus(pd.Series({"S1": 0.4}), ["S1"]).focus == ()  # one service: no cross-hair
    assert survey_focus({"S1": 0.4, "S2": 0.4}, ["S1", "S2"]).focus == ()  # equal: none stands out
    for bad in ({"S1": 1.5}, {"S1": "high"}):
        with pytest.raises(AnalysisError, match="between 0 and 1"):
            survey_focus(bad, ["S1"])
    with pytest.raises(AnalysisError, match="mapping"):
        survey_focus([0.1, 0.2], ["S1", "S2"])
