"""svcwork — Jupyter workbooks for building a citizen-service culture in public organisations.

The curated public API is listed in ``__all__`` (pinned by ``tests/test_api.py``); the analysis
modules (``svcwork.prioritize``, ``journeys``, ``measures``, ``management``) hold the rest.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import AnalysisError, IntakeError, InputFileError, Problem, SvcworkError, UsageError
from .intake import Engagement, Settings, load, validate
from .journeys import case_durations, directly_follows, handoffs, load_cases, variants
from .measures import nps, p_chart, relative_weights, shapley_r2, wilson_interval, xmr_limits
from .prioritize import InfeasiblePlanError, ahp_weights, plan_waves, rank_acceptability, topsis
from .batch import run_batch, run_client

__all__ = [
    "__version__",
    # errors
    "AnalysisError",
    "InfeasiblePlanError",
    "InputFileError",
    "IntakeError",
    "Problem",
    "SvcworkError",
    "UsageError",
    # intake
    "Engagement",
    "Settings",
    "load",
    "validate",
    # prioritisation
    "ahp_weights",
    "plan_waves",
    "rank_acceptability",
    "topsis",
    # journeys and case logs
    "case_durations",
    "directly_follows",
    "handoffs",
    "load_cases",
    "variants",
    # measurement and control
    "nps",
    "p_chart",
    "relative_weights",
    "shapley_r2",
    "wilson_interval",
    "xmr_limits",
    # running
    "run_batch",
    "run_client",
]
