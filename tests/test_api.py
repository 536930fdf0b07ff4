"""The curated public API is pinned: changing it is a decision, not an accident."""

from __future__ import annotations

import svcwork

PUBLIC = {
    "__version__",
    "AnalysisError", "InfeasiblePlanError", "InputFileError", "IntakeError", "Problem", "SvcworkError", "UsageError",
    "Engagement", "Settings", "load", "validate",
    "ahp_weights", "plan_waves", "rank_acceptability", "topsis",
    "case_durations", "directly_follows", "handoffs", "load_cases", "variants",
    "nps", "p_chart", "relative_weights", "shapley_r2", "wilson_interval", "xmr_limits",
    "run_batch", "run_client",
}


def test_public_api_is_pinned():
    assert set(svcwork.__all__) == PUBLIC
    for name in svcwork.__all__:
        assert hasattr(svcwork, name), name
