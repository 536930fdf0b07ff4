"""Pain points (svcwork.journeys.pains): the case-log numbers that back them, and the list of them."""

from __future__ import annotations

import pandas as pd
import pytest
from test_journeys_analysis import JOURNEY_HEADER, client, journey_rows  # noqa: F401  (module fixtures)

from conftest import english_sheets, write_xlsx
from svcwork import AnalysisError, load
from svcwork.i18n import t
from svcwork.journeys.analysis import analyse
from svcwork.journeys.pains import pain_points


def test_pain_point_callouts_quote_the_case_log(client):
    res = analyse(load(client))
    pains = res.tables("en")["pain_points"].set_index(t("journeys.col.step", "en"))
    quoted = pains[t("journeys.col.from_log", "en")]
    # the journey "Applying for a parking permit" is service S1 "Parking permit" (their names share both words)
    # S1 has 30 cases: breaches at i in 12..19 -> 8; hand-offs at i % 4 == 0 -> 8
    assert quoted[3] == "8 of 30 cases miss the deadline"
    assert quoted[4] == "8 of 30 cases are handed off between units"
    assert quoted[6] == ""  # a wait on the phone is a queue, not the case's deadline: not backed by it
    assert quoted[2] == ""  # "missing documents" is rework, but no S1 case repeats an activity: 0 < 5, no number


def test_pain_points_lists_each_journey_pain_once_in_reading_order(tmp_path):
    rows = journey_rows()
    other = "Renewing a licence"
    rows = [rows[0],
            [other, 2, "Apply", "Form", "web", "Licensing", -1, "No online payment", "no", None, None],
            *rows[1:],
            [other, 1, "Learn", "Website", "web", "Licensing", 0, "  long WAIT for a decision ", "no", None, None],
            [other, 3, "Wait", "Waits", "web", "Licensing", 0, "   ", "no", None, None]]
    folder = tmp_path / "pains"
    sheets = english_sheets()
    sheets["Journey"] = rows
    write_xlsx(folder / "intake.xlsx", sheets)
    # by hand: the licence journey first (its row comes first), steps 1, 2, 3 (blank); then the parking journey's
    # steps 2, 3 (a repeat of step 1 of the licence: case and spacing ignored, first spelling kept), 4, 6
    assert pain_points(load(folder)) == ["long WAIT for a decision", "No online payment",
                                           "Missing documents: the form comes back", "Passed between units",
                                           "Long wait on the phone line"]
    sheets["Journey"] = [JOURNEY_HEADER]
    write_xlsx(tmp_path / "none" / "intake.xlsx", sheets)
    assert pain_points(load(tmp_path / "none")) == []
    with pytest.raises(AnalysisError):
        pain_points(pd.DataFrame())
