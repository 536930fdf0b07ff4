"""Management, manager packs: one page of data per unit, focus points in both languages
(:mod:`svcwork.management.packs`)."""

from __future__ import annotations

import json
import re

import pytest
from test_management_analysis import engagement, result  # noqa: F401  (module fixtures)

from svcwork.errors import AnalysisError
from svcwork.management import UnitSignal

HEBREW = re.compile(r"[\u0590-\u05ff]")


def test_unit_packs(result):
    packs = {p.unit: p for p in result.unit_packs(signals={
        "Parking": [UnitSignal("Satisfaction (% agree)", 0.62, target=0.7, low=0.55, high=0.69, signal=True)],
        "Revenue": [{"label": "Calls answered in 60 s", "value": 0.81, "target": 0.8}],
    })}
    assert set(packs) == {"Archive", "Parking", "Revenue"}
    parking = packs["Parking"]
    assert [a.action_id for a in parking.overdue_actions] == ["A1", "A2"]
    assert parking.overdue_actions[0].days_overdue == 121
    assert len(parking.coaching) == 3 and parking.coaching[0].item == "closing"
    assert parking.coaching[0].falling
    pts_en, pts_he = parking.focus_points("en"), parking.focus_points("he")
    assert len(pts_en) == len(pts_he) == 3
    assert "overdue" in pts_en[0] and "Satisfaction" in pts_en[1]
    assert all(HEBREW.search(p) for p in pts_he)
    assert "סיום השיחה" in " ".join(pts_he)  # the skill in Hebrew
    revenue = packs["Revenue"]
    assert not revenue.overdue_actions and [a.action_id for a in revenue.open_actions] == ["A4"]
    assert len(revenue.focus_points("he")) == 3
    json.dumps(parking.summary(), allow_nan=False)
    assert set(parking.tables("he")) == {"signals", "observations", "actions", "training"}
    with pytest.raises(AnalysisError, match="signals"):
        result.unit_packs(signals={"Parking": [{"name": "x"}]})
