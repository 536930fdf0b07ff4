"""The report's sections and where each table goes: one home for both (every output reads them).

:data:`SECTIONS` are the analyses in report order, one notebook each; :data:`SINCE` is the comparison
with the previous report (:mod:`svcwork.since`), recorded by the report assembler when the client has
an earlier round.  :func:`ordered_sections` follows the engagement's ``sections`` setting and
:func:`report_order` puts "Since the last report" first.  :func:`table_role` decides whether a table
is shown in the body (``key``), in the data-quality appendix (``quality``) or left to results.xlsx
(``detail``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

import pandas as pd

from .i18n import t

__all__ = ["Section", "SECTIONS", "SINCE", "recorded_sections", "ordered_sections", "report_order", "table_role",
           "table_anchor", "BODY_ROWS", "BODY_ROWS_OF", "NOTEBOOK_ROWS", "DETAIL_MIN_ROWS", "DETAIL_TABLES",
           "QUALITY_TABLES", "KEY_TABLES"]


@dataclass(frozen=True)
class Section:
    """One analysis of the report: its key, notebook and message-catalogue prefix."""

    key: str
    notebook: str

    def title(self, lang: str) -> str:
        return t(f"report.section.{self.key}", lang)


#: The analyses in report order (one notebook each).
SECTIONS: tuple[Section, ...] = (
    Section("intake", "00_intake.ipynb"),
    Section("prioritization", "10_prioritization.ipynb"),
    Section("journeys", "20_journeys.ipynb"),
    Section("measures", "30_measures.ipynb"),
    Section("management", "40_management.ipynb"),
)

#: The comparison with the previous report (:mod:`svcwork.since`): no notebook of its own —
#: :func:`assemble` records it when the client has an earlier round — shown right after the
#: executive summary.
SINCE = Section("since", "")


def recorded_sections() -> tuple[Section, ...]:
    """Every section a run may record, in report order (the intake review first: it opens the
    data-quality appendix)."""
    return (SECTIONS[0], SINCE, *SECTIONS[1:])


#: Rows of a key table shown in the report body (results.xlsx has every row).
BODY_ROWS = 15

#: Rows of a detail table shown in the notebook itself (the report leaves it to results.xlsx).
NOTEBOOK_ROWS = 60

#: A table longer than this is detail (results.xlsx only), unless it is in :data:`KEY_TABLES`.
DETAIL_MIN_ROWS = 40

#: Detail tables by name, left to results.xlsx (they stay in the notebook): monthly and per-group
#: breakdowns, per-item-by-unit detail and long series; tables whose numbers a chart of the
#: section already shows; and the checks of a method (matrices, agreement, weighting).  The body
#: keeps what a steering committee decides on: priorities, roadmap, journey and case measures,
#: survey results, scorecard, actions.
DETAIL_TABLES = frozenset({
    # breakdowns and long series
    ("prioritization", "contributions"),
    ("journeys", "capability"), ("journeys", "capability_by_group"),
    ("measures", "survey_by_unit"), ("measures", "survey_by_channel"), ("measures", "survey_by_service"),
    ("measures", "survey_by_wave"), ("measures", "survey_by_month"), ("measures", "nps"),
    ("measures", "unit_vs_all"), ("measures", "kpi_signals"), ("measures", "wave_over_wave"),
    ("management", "observations_by_unit_item"), ("management", "actions_burndown"),
    ("management", "training_effect"),
    # what a chart of the section shows
    ("prioritization", "acceptability"), ("prioritization", "sensitivity"),
    ("journeys", "handoff_matrix"), ("journeys", "channel_parity"), ("journeys", "digital_takeup"),
    ("measures", "drivers"), ("measures", "importance_performance"), ("measures", "themes"),
    ("measures", "service_standards"),
    ("management", "lessons_pareto"), ("management", "actions_by_unit"),
    # checks of a method
    ("prioritization", "ahp_matrix"), ("prioritization", "rater_disagreement"), ("prioritization", "reversals"),
    ("prioritization", "methods"), ("measures", "weighting"),
    ("management", "observations_by_observer"), ("management", "calibration"),
    # process-mining detail (the process map draws the rework loops)
    ("journeys", "deviations"), ("journeys", "rework"),
    # tables that support rather than tell (#18): checks of a method, breakdowns a chart or the unit
    # packs show, and lists the findings already count
    ("prioritization", "ahp_consistency"), ("prioritization", "method_notes"),
    ("journeys", "kpis_by_channel"), ("journeys", "kpis_by_unit"), ("journeys", "ideal_path"),
    ("journeys", "handoffs"), ("journeys", "standards_consistency"),
    ("measures", "service_signal"),
    ("management", "actions_by_source"), ("management", "actions_rounds"), ("management", "lessons_without_action"),
})

#: Tables that belong in the data-quality appendix (an analysis's own checks of its input).
QUALITY_TABLES = frozenset({("journeys", "data_quality")})

#: Long tables that stay in the body (first :data:`BODY_ROWS` rows): the citizens' own words
#: and the intake's data-quality findings.
KEY_TABLES = frozenset({("measures", "comments"), ("intake", "problems"), ("intake", "inventory"),
                        ("since", "since"), ("since", "since_services")})

#: Key tables shown whole in the report body up to this many rows (instead of :data:`BODY_ROWS`): the
#: comparison with the previous report, every row of which the section's words may quote.
BODY_ROWS_OF = {("since", "since"): 80, ("since", "since_services"): 60}

_DETAIL_SLUG = re.compile(r"(?:^|_)(?:by_month|monthly|by_group|burndown|by_unit_item)(?:$|_)")


def table_anchor(table_id: str) -> str:
    """The id of a table of the report (``<section>.<slug>``), for links from the key figures."""
    return "table-" + re.sub(r"[^0-9A-Za-z_-]", "-", table_id)


def table_role(section: str, slug: str, frame: pd.DataFrame) -> str:
    """``"key"`` (shown in the report body, capped at :data:`BODY_ROWS` rows), ``"quality"`` (shown,
    capped, in the data-quality appendix) or ``"detail"`` (results.xlsx only).

    Detail tables are named in :data:`DETAIL_TABLES`, or have a monthly / per-group / burn-down
    name and more than :data:`BODY_ROWS` rows, or more than :data:`DETAIL_MIN_ROWS` rows (unless
    in :data:`KEY_TABLES`).  The report lists them by sheet; results.xlsx holds them in full.
    """
    if (section, slug) in QUALITY_TABLES:
        return "quality"
    if (section, slug) in KEY_TABLES:
        return "key"
    if (section, slug) in DETAIL_TABLES:
        return "detail"
    if _DETAIL_SLUG.search(slug) and len(frame) > BODY_ROWS:
        return "detail"
    return "detail" if len(frame) > DETAIL_MIN_ROWS else "key"


def ordered_sections(engagement: Any) -> list[Section]:
    """The report's sections in the order the engagement asks for (its ``sections`` setting), the
    ones it does not name left out; every section, in the usual order, when it names none."""
    by_key = {s.key: s for s in SECTIONS}
    asked = [k for k in getattr(engagement.settings, "sections", ()) or () if k in by_key]
    return [by_key[k] for k in asked] if asked else list(SECTIONS)


def report_order(engagement: Any, recorded: Mapping[str, Any]) -> list[Section]:
    """The sections as every output shows them: "Since the last report" first when it was recorded
    (:data:`SINCE`), then :func:`ordered_sections`."""
    return ([SINCE] if SINCE.key in recorded else []) + ordered_sections(engagement)
