"""Errors and intake problems.

Every failure a user can cause is an :class:`SvcworkError` with a stable reason ``code``;
the command line turns it into a clear message and an exit status, never a traceback.
Intake problems are collected (all at once, like pandera's lazy validation) into
:class:`Problem` records and raised together as :class:`IntakeError`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "SvcworkError",
    "IntakeError",
    "InputFileError",
    "UsageError",
    "AnalysisError",
    "NotebookError",
    "RemoteError",
    "StorageError",
    "Problem",
    "problems_frame",
    "PROBLEM_FIELDS",
]

ERROR = "error"
WARNING = "warning"

#: A Hebrew letter: tells a Hebrew message, sheet name or activity from an English one.
HEBREW = re.compile(r"[\u0590-\u05ff]")

PROBLEM_FIELDS = ("severity", "code", "file", "sheet", "row", "column", "value", "expected", "message")


@dataclass(frozen=True)
class Problem:
    """One finding about the client's input.

    ``row`` is the row number as Excel (or a text editor, for CSV files) shows it;
    ``value`` is the offending value as text (shortened), never a citizen identifier.
    ``message`` is entirely in the workbook's language; ``detail`` optionally keeps the raw,
    untranslated text of a reader's error (e.g. pandas' or the zip library's) for support.
    """

    severity: str
    code: str
    file: str
    sheet: str | None
    row: int | None
    column: str | None
    value: str | None
    expected: str | None
    message: str
    detail: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def location(self, lang: str | None = None) -> str:
        """``file / sheet / row N / column`` in *lang* (default: the language the message is written in)."""
        parts = [self.file]
        if self.sheet:
            parts.append(self.sheet)
        if self.row is not None:
            if lang is None:
                lang = "he" if HEBREW.search(self.message or "") else "en"
            from .i18n import t

            parts.append(f"{t('field.row', lang)} {self.row}")
        if self.column:
            parts.append(str(self.column))
        return " / ".join(parts)


def problems_frame(problems: Iterable[Problem]) -> "pd.DataFrame":
    """The problems as one table (columns :data:`PROBLEM_FIELDS`), errors first."""
    rows = [p.as_dict() for p in problems]
    import pandas as pd  # only here: importing svcwork.errors stays light

    frame = pd.DataFrame(rows, columns=list(PROBLEM_FIELDS))
    if len(frame):
        frame = frame.assign(_o=(frame["severity"] != ERROR).astype(int)).sort_values(
            ["_o", "file", "sheet", "row"], kind="stable", na_position="first").drop(columns="_o")
        frame = frame.reset_index(drop=True)
    frame["row"] = frame["row"].astype("Int64")
    return frame


class SvcworkError(Exception):
    """Base of every error svcwork raises on purpose; ``code`` is a stable reason code."""

    code = "svcwork_error"
    exit_status = 1

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class UsageError(SvcworkError):
    """The command was called wrongly (missing path, unknown option value)."""

    code = "usage"
    exit_status = 2


class InputFileError(SvcworkError):
    """An input file cannot be read at all (not an xlsx, encrypted, corrupt, too large)."""

    code = "input_file"


class IntakeError(SvcworkError):
    """The engagement has errors: analysis cannot start. ``problems`` lists all of them."""

    code = "intake_invalid"

    def __init__(self, problems: list[Problem], message: str | None = None) -> None:
        self.problems = list(problems)
        n = sum(p.is_error for p in self.problems)
        super().__init__(message or f"the intake has {n} error(s); nothing was analysed")


class AnalysisError(SvcworkError):
    """An analysis was given data it cannot work with (e.g. a matrix that is not reciprocal)."""

    code = "analysis"


class RemoteError(SvcworkError):
    """The cluster cannot run the batch (no worker, a worker of another version …): :mod:`svcwork.remote`."""

    code = "cluster"


class StorageError(SvcworkError):
    """Remote storage (an fsspec URL) could not be read or written: :mod:`svcwork.storage`."""

    code = "storage"


class NotebookError(SvcworkError):
    """A notebook failed while running for a client; says which cell and why."""

    code = "notebook_failed"

    def __init__(self, message: str, *, notebook: str, cell: int | None = None, ename: str | None = None,
                 evalue: str | None = None, code: str | None = None) -> None:
        super().__init__(message, code=code)
        self.notebook = notebook
        self.cell = cell
        self.ename = ename
        self.evalue = evalue
