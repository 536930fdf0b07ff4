"""The curated public API is pinned: changing it is a decision, not an accident."""

from __future__ import annotations

import svcwork

PUBLIC = {
    "__version__",
    "AnalysisError",
    "Engagement",
    "InputFileError",
    "IntakeError",
    "Problem",
    "Settings",
    "SvcworkError",
    "UsageError",
    "load",
    "validate",
}


def test_public_api_is_pinned():
    assert set(svcwork.__all__) == PUBLIC
    for name in svcwork.__all__:
        assert hasattr(svcwork, name), name
