"""svcwork — Jupyter workbooks for building a citizen-service culture in public organisations.

The curated public API is listed in ``__all__`` (pinned by ``tests/test_api.py``); the analysis
modules (``svcwork.prioritize``, ``journeys``, ``measures``, ``management``) hold the rest.
"""

from __future__ import annotations

__version__ = "0.1.0"

import importlib
from typing import TYPE_CHECKING, Any

from .errors import AnalysisError, IntakeError, InputFileError, Problem, SvcworkError, UsageError

#: Where each public name lives: imported on first use (PEP 562), so ``import svcwork`` — and every
#: ``svcwork`` command — does not pay for the analyses' libraries it does not need.
_LAZY = {
    **dict.fromkeys(("Engagement", "Settings", "load"), ".intake"),
    # what ``svcwork validate`` says of a client folder: the intake's problems and the folder's own warnings
    # (which of several intake files was read, an unreadable commentary)
    "validate": ".batch:validate_client",
    **dict.fromkeys(("case_durations", "directly_follows", "handoffs", "load_cases", "variants"), ".journeys"),
    **dict.fromkeys(("nps", "p_chart", "relative_weights", "shapley_r2", "wilson_interval", "xmr_limits"), ".measures"),
    **dict.fromkeys(("InfeasiblePlanError", "ahp_weights", "plan_waves", "rank_acceptability", "topsis"),
                    ".prioritize"),
    **dict.fromkeys(("run_batch", "run_client"), ".batch"),
}

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs
    from .batch import run_batch, run_client
    from .batch import validate_client as validate
    from .intake import Engagement, Settings, load
    from .journeys import case_durations, directly_follows, handoffs, load_cases, variants
    from .measures import nps, p_chart, relative_weights, shapley_r2, wilson_interval, xmr_limits
    from .prioritize import InfeasiblePlanError, ahp_weights, plan_waves, rank_acceptability, topsis


def __getattr__(name: str) -> Any:
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module 'svcwork' has no attribute {name!r}")
    module, _, attr = where.partition(":")
    return getattr(importlib.import_module(module, __name__), attr or name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


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
