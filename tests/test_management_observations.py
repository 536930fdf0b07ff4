"""Management, observations: scores and trends suppressed by people, coaching focus, item names
(:mod:`svcwork.management.observations`, :mod:`svcwork.management.items`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from svcwork.errors import AnalysisError
from svcwork.management import (coaching_focus, item_label, observation_scores, observation_trend,
                                publishable_observations)


def _obs(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["date", "unit", "observer", "employee_code", "item", "score"])


def test_coaching_focus_ranks_falling_then_lowest():
    rows = []
    for m in range(1, 7):
        for e in range(6):
            day = pd.Timestamp(2026, m, 5)
            rows.append((day, "Desk", "O", f"e{e}", "closing", 5 if m <= 3 else 3))  # mean 4.0, falling
            rows.append((day, "Desk", "O", f"e{e}", "listening", 2))  # lowest, flat
            rows.append((day, "Desk", "O", f"e{e}", "complete solution", 3))
            rows.append((day, "Desk", "O", f"e{e}", "closing" if e == 0 else "greeting", 4))
    cf = coaching_focus(_obs(rows), top=2, min_size=5)
    desk = cf[cf["unit"] == "Desk"].set_index("item")
    assert desk.loc["closing", "falling"] and desk.loc["closing", "rank"] == 1
    assert desk.loc["listening", "rank"] == 2 and not desk.loc["listening", "falling"]
    assert desk.loc["complete solution", "rank"] == 3 and not desk.loc["complete solution", "focus"]
    assert desk.loc["listening", "slope"] == pytest.approx(0.0)
    # "greeting" was scored on 5 employees: shown with min_size 5, never with 6
    assert "greeting" in desk.index
    assert "greeting" not in set(coaching_focus(_obs(rows), min_size=6)["item"])


def test_observation_scores_and_trend_suppress_by_people():
    rows = [(pd.Timestamp(2026, 1 + i % 4, 1), "Big", "O", f"b{i % 6}", "listening", 1 + i % 5)
            for i in range(60)]
    rows += [(pd.Timestamp(2026, 1, 1), "Solo", "O", "s1", "listening", 1)] * 30  # many scores, one person
    frame = _obs(rows)
    by_unit = observation_scores(frame, by=["unit"], min_size=5)
    assert list(by_unit["unit"]) == ["Big"]
    assert by_unit.iloc[0]["mean"] == pytest.approx(np.mean([1 + i % 5 for i in range(60)]))
    trend = observation_trend(frame, period="Q", by=["unit"], min_size=5)
    # April (Q2) was scored on b1, b3 and b5 only: three people, suppressed
    assert set(trend["unit"]) == {"Big"} and set(trend["period"]) == {"2026Q1"}
    assert set(observation_trend(frame, period="Q", by=["unit"], min_size=3)["period"]) == {"2026Q1", "2026Q2"}
    # publishable rows exclude Solo, so the overall item mean is Big's
    base = publishable_observations(frame, min_size=5)
    assert set(base["unit"]) == {"Big"}
    with pytest.raises(AnalysisError, match="'M' \\(months\\) or 'Q'"):
        observation_trend(frame, period="W", min_size=5)
    with pytest.raises(AnalysisError, match="expected the column"):
        observation_scores(frame.drop(columns="score"), by=["unit"], min_size=5)
    with pytest.raises(AnalysisError, match="whole scores"):
        observation_scores(frame.assign(score=7), by=["unit"], min_size=5)


def test_item_labels_follow_the_report_language():
    assert item_label("listening", "he") == "הקשבה"
    assert item_label("הקשבה", "en") == "listening"
    assert item_label("Complete Solution", "he").startswith("פתרון מלא")
    assert item_label("greeting", "he") == "greeting"
