"""svcwork — Jupyter workbooks for building a citizen-service culture in public organisations.

The curated public API is listed in ``__all__`` (pinned by ``tests/test_api.py``).
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import AnalysisError, IntakeError, InputFileError, Problem, SvcworkError, UsageError
from .intake import Engagement, Settings, load, validate

__all__ = [
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
]
