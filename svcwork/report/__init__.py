"""The per-client report: what notebooks show, what is recorded, and how it is assembled.

Inside a notebook, :func:`show_result` displays one analysis (heading, findings, tables,
figures) and — when the notebook runs with an ``output_dir`` — records the result's key
figures and tables under ``<output_dir>/sections/`` and saves every figure as PNG and SVG
under ``<output_dir>/figures/``.  After all notebooks ran, :func:`assemble` builds:

- ``report.html``: self-contained (figures embedded, CSS inline, no script, no network),
  right-to-left for Hebrew, built from the recorded sections only (findings, tables, figures,
  the skipped sentence; never from the notebooks' output or code), with an
  executive summary written from the analyses' key figures (:func:`executive_summary`: the
  services to fix first and why, the biggest journey pain, KPI signals, overdue actions) and
  data-quality and methods appendices.  It is a steering-committee document: each key table
  shows at most :data:`BODY_ROWS` rows, and detail tables (monthly breakdowns, group-by-item
  detail, long lists; see :func:`table_role`) are left to ``results.xlsx`` with a note naming
  their sheets;
- ``summary.json``: key figures from the analyses' result objects (not scraped from
  notebook output), the input files' SHA-256 and the svcwork version;
- ``results.xlsx``: every recorded table, on sheets named in the report's language (the
  table's title), after a contents sheet: RTL sheets for Hebrew, styled header, frozen
  header row, filters, real dates and number formats (shares as %), client text as text.

The package is cut along those steps: :mod:`.notebook` (what a notebook shows and records),
:mod:`.records` (the sections' records, written and read back), :mod:`.pieces` (the HTML pieces and
templates) and :mod:`.assembly` (the outputs built from the records).
"""

from __future__ import annotations

from ..common import json_ready
from ..executive import executive_summary
from ..results_book import sheet_name, write_results_workbook
from ..sections import BODY_ROWS, SECTIONS, Section, table_role
from .assembly import assemble, build_summary, client_commentary, write_unit_packs
from .notebook import SVG_ENV, IntakeReview, key_figures, problems_table, show_commentary, show_intake, show_result
from .pieces import commentary_html, table_html, typed_text
from .records import load_sections, load_tables, record, tables_by_role

__all__ = ["SECTIONS", "Section", "load_sections", "load_tables", "typed_text", "tables_by_role", "client_commentary", "commentary_html",
           "show_commentary", "show_result", "show_intake", "table_html", "record", "assemble",
           "build_summary", "write_results_workbook", "json_ready", "key_figures", "problems_table",
           "write_unit_packs", "executive_summary", "table_role", "sheet_name", "BODY_ROWS", "IntakeReview", "SVG_ENV"]
