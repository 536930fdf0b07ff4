"""What intake hands on: the typed settings, the input files, the loaded engagement, the validation.

:class:`Engagement` is what every analysis takes (clean frames, canonical English column
names, identifiers pseudonymised); :class:`Validation` is what :func:`svcwork.intake.validate`
returns (every problem found, and the engagement when there is no error).  Nothing here reads
a file or checks a value: see :mod:`svcwork.intake` for the order the other modules run in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

import pandas as pd

from ..errors import Problem, problems_frame
from ..schema import REPORT_SECTIONS


@dataclass(frozen=True)
class Settings:
    """The Engagement sheet, typed, with the contract's defaults filled in."""

    organization: str
    language: str
    period_start: dt.date
    period_end: dt.date
    unit: str | None = None
    consultant: str | None = None
    logo: str | None = None
    service_vision: str | None = None
    service_values: tuple[str, ...] = ()
    accent_color: str | None = None
    sla_days: int = 14
    repeat_contact_days: int = 7
    min_group_size: int = 10
    waves: int = 3
    wave_capacity_days: float | None = None
    wave_capacities: tuple[float, ...] | None = None
    min_quick_wins: int | None = None
    timezone: str | None = None
    date_order: str | None = None
    cases_file: str | None = None
    survey_file: str | None = None
    training_file: str | None = None
    column_map: str | None = None
    #: The report sections to include, as keys in the order the report shows them (:data:`svcwork.schema.REPORT_SECTIONS`);
    #: always starts with ``"intake"``; all of them unless the setting ``sections`` names fewer.
    sections: tuple[str, ...] = REPORT_SECTIONS

    def includes(self, section: str) -> bool:
        """Whether the report includes *section* (a key of :data:`svcwork.schema.REPORT_SECTIONS`)."""
        return section in self.sections


@dataclass(frozen=True)
class InputFile:
    """An input file as it was read: its role, name and SHA-256 (for summary.json and caching)."""

    role: str  # "intake", "cases", "survey", "training"
    path: Path
    sha256: str
    size: int


@dataclass(frozen=True)
class Engagement:
    """One client engagement, validated.

    ``tables`` maps canonical sheet keys (``"Services"``, ``"KPI values"`` …) to frames with
    canonical English column names plus ``_row`` (the Excel row the record came from).
    A sheet that was missing or empty maps to an empty frame with the schema's columns.
    Companion frames (``cases``, ``survey``, ``training``) are ``None`` when not supplied;
    identifier columns in them hold pseudonyms, never the client's values.
    """

    slug: str
    folder: Path | None
    settings: Settings
    tables: Mapping[str, pd.DataFrame]
    cases: pd.DataFrame | None = None
    survey: pd.DataFrame | None = None
    training: pd.DataFrame | None = None
    problems: tuple[Problem, ...] = ()
    inputs: tuple[InputFile, ...] = ()
    template_language: str = "en"
    scales: Mapping[str, object] = field(default_factory=dict)  # companion -> the Scale its scores are on
    #: The workshop's scenarios saved in the intake's Scenarios sheet (:mod:`svcwork.intake.scenarios`).
    scenarios: tuple = ()
    #: The name of the scenario applied to this engagement (``svcwork run --scenario``); ``None``: the form's values.
    scenario: str | None = None

    @property
    def one_row_per_case(self) -> bool:
        """The case log has one row per case (no events): hand-offs, FCR and variants cannot be measured."""
        cases = self.cases
        return cases is not None and len(cases) >= 2 and not cases["case_id"].duplicated().any()

    @property
    def language(self) -> str:
        return self.settings.language

    def table(self, key: str) -> pd.DataFrame:
        """A copy of sheet *key*'s clean frame (empty with the schema's columns when absent)."""
        return self.tables[key].copy()

    def has(self, key: str) -> bool:
        """Whether sheet or companion *key* has at least one row."""
        if key in ("cases", "survey", "training"):
            frame = getattr(self, key)
            return frame is not None and len(frame) > 0
        return len(self.tables[key]) > 0

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    def problems_table(self) -> pd.DataFrame:
        return problems_frame(self.problems)


@dataclass(frozen=True)
class Validation:
    """The outcome of :func:`validate`: every problem found, and whether analysis may start."""

    path: Path
    problems: tuple[Problem, ...]
    language: str = "en"
    engagement: Engagement | None = None

    @property
    def n_errors(self) -> int:
        return sum(p.is_error for p in self.problems)

    @property
    def n_warnings(self) -> int:
        return sum(not p.is_error for p in self.problems)

    @property
    def ok(self) -> bool:
        return self.n_errors == 0

    def summary(self) -> str:
        """One sentence in the engagement's language: how many errors and warnings, and what to do
        ("The intake has 1 error and 2 warnings; …"), the counts in their plural forms."""
        from ..i18n import t

        key = "intake.summary_ok" if self.ok else "intake.summary_bad"
        return t(key, self.language, errors=t("cli.count.errors", self.language, n=self.n_errors),
                 warnings=t("cli.count.warnings", self.language, n=self.n_warnings))

    def table(self) -> pd.DataFrame:
        return problems_frame(self.problems)
