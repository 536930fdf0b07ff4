"""Channel parity and digital take-up (svcwork.journeys.parity)."""

from __future__ import annotations

import pandas as pd
import pytest

from svcwork.journeys.parity import channel_parity


def test_channel_parity_frontal_services_and_digital_match():
    # S1: counter + web end to end -> frontal, digital match
    # S2: counter + web partial (not end to end) -> frontal WITHOUT a digital match
    # S3: counter partial + app end to end -> frontal (partly at the counter), digital match
    # S4: web only -> not frontal
    channels = pd.DataFrame({
        "service_id": ["S1", "S1", "S2", "S2", "S3", "S3", "S4"],
        "channel": ["counter", "web", "דלפק", "website", "counter", "app", "web"],
        "available": ["yes", "yes", "yes", "partial", "partial", "yes", "yes"],
        "share_pct": [40, 60, 90, 10, None, None, None],
        "end_to_end": ["yes", "yes", None, "no", None, "yes", "yes"],
    })
    cases = pd.DataFrame({"service_id": ["S1"] * 3 + ["S4"], "channel": ["web", "web", "counter", "web"]})
    p = channel_parity(channels, cases=cases)
    assert p.frontal == ("S1", "S2", "S3") and p.without_digital == ("S2",)
    take = p.takeup.set_index("service_id")
    assert take.loc["S1", "digital_share"] == pytest.approx(2 / 3) and take.loc["S1", "source"] == "log"
    assert take.loc["S2", "digital_share"] == pytest.approx(0.10) and take.loc["S2", "source"] == "intake"
    assert list(p.availability.columns) == ["counter", "web", "app"]
