"""What every measures module shares (svcwork.measures._base): catalogue errors and option checks."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from svcwork import AnalysisError
from svcwork import measures as M
from svcwork.i18n import CATALOGUE, t
from svcwork.measures._base import Message, reason


def test_errors_are_catalogue_messages_in_english_that_keep_their_key():
    with pytest.raises(AnalysisError) as info:
        M.rake(pd.DataFrame({"unit": ["A", "B"]}), {"unit": {"A": 1.0}})
    assert str(info.value) == t("measures.error.rake_unknown", "en", column="unit", values="B") \
        == "raking: no known total for unit = B"
    why = reason(info.value)
    assert why == Message("measures.error.rake_unknown", (("column", "unit"), ("values", "B")))
    assert t(why.key, "he", **dict(why.values)) == "שקלול: אין סכום ידוע עבור unit = B"
    assert reason(AnalysisError("plain text")) == "plain text"
    # a missing column: the shared message of svcwork.common.require_columns, naming measures' computation
    with pytest.raises(AnalysisError, match=r"^group comparison: expected the column\(s\) unit; found x"):
        M.compare_groups(pd.DataFrame({"x": [1.0]}))
    with pytest.raises(AnalysisError, match=r"^KPI scorecard \(KPIs sheet\): expected a table"):
        M.kpi_scorecard(None, pd.DataFrame())


def test_every_error_message_is_in_the_catalogue_and_no_f_string_is_left():
    root = Path(M.__file__).parent
    used: set[str] = set()
    for path in root.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"AnalysisError\(\s*f?[\"']", text), path.name
        used |= set(re.findall(r"\berror\(\"(\w+)\"", text))
    assert used == {k.split(".", 2)[2] for k in CATALOGUE if k.startswith("measures.error.")}


@pytest.mark.parametrize("bad", [0, 1, 95, "0.95", True, None])
def test_confidence_must_lie_strictly_between_0_and_1(bad):
    with pytest.raises(AnalysisError, match="strictly between 0 and 1"):
        M.wilson_interval(1, 3, confidence=bad)
