"""Small helpers every analysis shares: one rounding rule, one yes/no, one column check.

One definition each (the house rule: one home for small helpers), so a share is rounded the
same way in every table and in ``summary.json``, and a missing column is reported the same way
by every analysis, in the catalogue's words.
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
from pathlib import Path
from typing import Any, ClassVar, Iterable, Mapping

import numpy as np
import pandas as pd

from .errors import AnalysisError
from .i18n import t

__all__ = ["is_blank", "round_or_none", "yes_no", "require_columns", "json_ready", "Presented"]


def is_blank(value: Any) -> bool:
    """None, pandas' NA/NaT, or a float NaN."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return isinstance(value, float) and math.isnan(value)
    except TypeError:  # pragma: no cover - exotic scalars
        return False


def finite_or_none(value: Any) -> float | None:
    """*value* as a plain float; None when missing, not a number or not finite (JSON-safe)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def round_or_none(value: Any, digits: int = 4) -> float | None:
    """*value* rounded to *digits* decimals as a plain float; None when missing or not finite.

    Python's ``round`` (round half to even on the binary value); ``+ 0.0`` turns a negative zero
    such as ``round(-0.001, 2)`` into 0.0, so no table or summary shows "-0".
    """
    if is_blank(value):
        return None
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(v):
        return None
    return round(v, digits) + 0.0


def yes_no(value: Any, lang: str, *, blank: str = "—") -> str:
    """"yes"/"no" in *lang* (the intake's yes/no words); *blank* when the value is missing."""
    if is_blank(value):
        return blank
    return t("template.yes" if bool(value) else "template.no", lang)


def require_columns(frame: Any, columns: Iterable[str], what: str, lang: str = "en") -> None:
    """Raise :class:`AnalysisError` (in the catalogue's words) unless *frame* is a DataFrame with *columns*."""
    if not isinstance(frame, pd.DataFrame):
        raise AnalysisError(t("analysis.error.not_frame", lang, what=what, found=type(frame).__name__))
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise AnalysisError(t("analysis.error.columns", lang, what=what, missing=", ".join(missing),
                              found=", ".join(map(str, frame.columns)) or "—"))


def json_ready(value: Any) -> Any:
    """*value* with numpy/pandas scalars, dates and NaN turned into plain JSON values."""
    if isinstance(value, Mapping):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [json_ready(v) for v in value]
    if isinstance(value, np.ndarray):
        return [json_ready(v) for v in value.tolist()]
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        f = float(value)
        return None if math.isnan(f) or math.isinf(f) else f
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value


class Presented:
    """The report's views of an analysis result, written by its analysis's ``present`` module.

    A result holds data and ``summary()``; its tables, figures, findings and the sentence saying
    what was skipped come from ``present`` (the module named by ``_PRESENT``, imported on first
    use), as pingouin keeps plotting apart from its computations.
    """

    _PRESENT: ClassVar[str]

    def _present(self) -> Any:
        return importlib.import_module(self._PRESENT)

    def tables(self, lang: str) -> dict[str, pd.DataFrame]:
        """The report's and workbook's tables, headers in *lang*, small groups suppressed."""
        return self._present().tables(self, lang)

    def figures(self, lang: str) -> dict[str, Any]:
        """The report's charts, labels in *lang* (only those with data)."""
        return self._present().figures(self, lang)

    def findings(self, lang: str, *, marked: bool = False) -> list[str]:
        """The section's findings, a sentence each, from the numbers; with *marked*, each quoted key figure carries
        its marker (:func:`svcwork.keyfigures.quote`), as the report records them."""
        from .keyfigures import plain

        found = list(self._present().findings(self, lang))
        return found if marked else [plain(f) for f in found]

    def takeaways(self, lang: str) -> dict[str, str]:
        """One sentence per figure (by its slug): what the chart shows, from the numbers (marked)."""
        get = getattr(self._present(), "takeaways", None)
        return dict(get(self, lang)) if get is not None and getattr(self, "available", True) else {}

    def methods(self, lang: str) -> list[str]:
        """The methods behind the section's numbers (names, parameters, seeds), for the report's
        methods appendix rather than its body."""
        get = getattr(self._present(), "methods", None)
        return list(get(self, lang)) if get is not None and getattr(self, "available", True) else []

    def key_figures(self) -> tuple:
        """The figures the section's words quote (:class:`svcwork.keyfigures.KeyFigure`), from the
        domain's ``figures`` module (none when the domain has none).

        Computed once per result (the findings, takeaways, record and notebook all ask for them;
        the result is frozen and key figures are immutable, so the one tuple is handed out).
        """
        kept = self.__dict__.get("_key_figures_kept")
        if kept is None:
            try:
                module = importlib.import_module(self._PRESENT.rsplit(".", 1)[0] + ".figures")
            except ModuleNotFoundError:
                kept = ()
            else:
                kept = tuple(module.key_figures(self)) if getattr(self, "available", True) else ()
            object.__setattr__(self, "_key_figures_kept", kept)  # a frozen dataclass: its own memo only
        return kept

    def skipped(self, lang: str) -> str:
        """What was skipped and why, in *lang* (empty when nothing was)."""
        return self._present().skipped(self, lang)
