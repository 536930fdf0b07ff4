"""Journey maps (svcwork.journeys.maps): every element of the service-blueprint layout is drawn."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from svcwork.i18n import t
from svcwork.journeys.maps import journey_map


@pytest.mark.parametrize("lang", ["en", "he"])
def test_journey_map_draws_every_element_the_method_names(lang):
    steps = pd.DataFrame({
        "step": [1, 2, 3, 4], "stage": ["Learn", "Apply", "Apply", "Receive"],
        "touchpoint": ["Reads the website", "Online form", "Waits for a decision", "Gets the permit"],
        "channel": ["web", "web", "phone", "counter"], "unit": ["Parking", "Parking", "Back office", "Parking"],
        "emotion": [1, 0, -2, 2], "pain_point": [None, "Form comes back", "Long wait", None],
        "moment_of_truth": ["no", "no", "yes", "yes"], "backstage": ["CMS", "Permit system", None, "Print shop"],
        "evidence": ["none", "partial", "data", None]})
    fig = journey_map(steps, lang=lang, callouts={3: "92 of 1,434 cases miss the deadline"})
    ax = fig.axes[0]
    texts = [tx.get_text() for tx in ax.texts]
    # the emotion curve: one line through the four steps at 5.35 + 0.55·emotion (the lane's scale)
    curve = [ln for ln in ax.lines if len(ln.get_xdata()) == 4]
    assert len(curve) == 1
    np.testing.assert_allclose(curve[0].get_ydata(), 5.35 + 0.55 * np.array([1, 0, -2, 2]))
    xs = list(curve[0].get_xdata())
    assert (xs == sorted(xs, reverse=True)) if lang == "he" else (xs == sorted(xs))  # time runs right to left in Hebrew
    # moments of truth: a star above steps 3 and 4 only
    stars = [ln for ln in ax.lines if ln.get_marker() == "*"]
    assert sorted(float(s.get_xdata()[0]) for s in stars) == sorted([xs[2], xs[3]])
    # evidence level of each step: empty, half, full circle (a blank evidence counts as no data)
    circles = [ln for ln in ax.lines if ln.get_marker() == "o" and ln.get_markersize() == 9]  # emotion dots: 8, badges: 13
    fills = sorted(ln.get_fillstyle() for ln in circles)
    half = "right" if lang == "he" else "left"
    assert fills == sorted(["none", half, "full", "none"])
    for ev in ("none", "partial", "data"):
        assert t(f"journeys.evidence.{ev}", lang) in texts
    # numbered pain-point callouts, the case-log number beside the pain it backs
    assert any("Long wait" in s and "92 of 1,434 cases miss the deadline" in s for s in texts)
    assert any("Form comes back" in s and "—" not in s for s in texts)
    assert {"1", "2"} <= set(texts)  # the badges
    # the line of visibility with the backstage units and systems beneath it
    assert t("journeys.lane.visibility", lang) in texts
    assert any("Print shop" in s for s in texts) and any("Back office" in s for s in texts)
    fig.clear()
