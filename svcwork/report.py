"""The per-client report: what notebooks show, what is recorded, and how it is assembled.

Inside a notebook, :func:`show_result` displays one analysis (heading, findings, tables,
figures) and — when the notebook runs with an ``output_dir`` — records the result's key
figures and tables under ``<output_dir>/sections/`` and saves every figure as PNG and SVG
under ``<output_dir>/figures/``.  After all notebooks ran, :func:`assemble` builds:

- ``report.html``: self-contained (figures embedded, CSS inline, no script, no network),
  right-to-left for Hebrew, made of the notebooks' displayed outputs (never code), with an
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
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import json
import math
import os
import pickle
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Protocol, Sequence

import numpy as np
import pandas as pd

from . import __version__
from .charts import close, figure_bytes, save_figure
from .errors import problems_frame
from .i18n import direction, fmt_date, fmt_number, fmt_percent, t, unsigned_zero
from .paths import atomic_write_bytes, atomic_write_text, templates_dir
from .tables import column_kind

__all__ = ["SECTIONS", "Section", "show_result", "show_intake", "table_html", "record", "assemble",
           "build_summary", "write_results_workbook", "json_ready", "key_figures", "problems_table",
           "write_unit_packs", "executive_summary", "table_role", "sheet_name", "BODY_ROWS"]


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


#: How many services the executive summary names as the ones to fix first.
EXECUTIVE_SERVICES = 3

#: How many KPIs needing attention the executive summary names (the rest are counted).
EXECUTIVE_KPIS = 3

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
    ("measures", "unit_vs_all"), ("measures", "kpi_signals"),
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
})

#: Tables that belong in the data-quality appendix (an analysis's own checks of its input).
QUALITY_TABLES = frozenset({("journeys", "data_quality")})

#: Long tables that stay in the body (first :data:`BODY_ROWS` rows): the citizens' own words
#: and the intake's data-quality findings.
KEY_TABLES = frozenset({("measures", "comments"), ("intake", "problems"), ("intake", "inventory")})

_DETAIL_SLUG = re.compile(r"(?:^|_)(?:by_month|monthly|by_group|burndown|by_unit_item)(?:$|_)")

#: A figure at least this wide (inches; slide-sized maps) is printed turned on a page of its own.
LANDSCAPE_MIN_WIDTH_IN = 12.0


class AnalysisResult(Protocol):  # what every analysis module's result offers
    available: bool

    def summary(self) -> dict: ...
    def tables(self, lang: str) -> Mapping[str, pd.DataFrame]: ...
    def figures(self, lang: str) -> Mapping[str, Any]: ...
    def findings(self, lang: str) -> list[str]: ...
    def skipped(self, lang: str) -> str: ...


# =========================================================================== JSON
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


# =========================================================================== HTML pieces
_NUM = re.compile(r"^[\s−\-+]?[\d,.]+\s?%?$")


def _cell(value: Any, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return "<td class='na'>—</td>"
    if isinstance(value, (bool, np.bool_)):
        return f"<td>{html.escape(t('template.yes' if value else 'template.no', lang))}</td>"
    if isinstance(value, (int, np.integer)):
        return f"<td class='num'>{int(value):,}</td>"
    if isinstance(value, (float, np.floating)):
        f = float(value)
        text = f"{f:,.0f}" if abs(f) >= 1000 or f.is_integer() else f"{f:,.2f}" if abs(f) >= 1 else f"{f:.3f}"
        return f"<td class='num'>{unsigned_zero(text)}</td>"
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
        return f"<td class='num'>{html.escape(fmt_date(value, lang))}</td>"
    text = str(value)
    cls = " class='num'" if _NUM.match(text) else " class='long'" if len(text) > 60 else ""  # reasons, comments
    return f"<td{cls}>{html.escape(text)}</td>"


def table_html(frame: pd.DataFrame, *, lang: str, caption: str | None = None, max_rows: int = 60,
               sheet: str | None = None, role: str | None = None, table_id: str | None = None) -> str:
    """A table as escaped HTML in the report's style (client text is data, never markup).

    At most *max_rows* rows are shown, with a note that the full table is in results.xlsx (on
    *sheet*, when given).  *role* (``"key"`` or ``"detail"``, see :func:`table_role`),
    *table_id* and *sheet* are written as ``data-`` attributes for the report assembler.
    """
    shown = frame.head(max_rows)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown.columns)
    body = "".join("<tr>" + "".join(_cell(v, lang) for v in row) + "</tr>"
                   for row in shown.itertuples(index=False, name=None))
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    more = ""
    if len(frame) > max_rows:
        note = (t("report.more_rows_sheet", lang, shown=max_rows, total=f"{len(frame):,}", sheet=sheet) if sheet
                else t("report.more_rows", lang, shown=max_rows, total=f"{len(frame):,}"))
        more = f"<p class='note'>{html.escape(note)}</p>"
    attrs = "".join(f" data-{name}='{html.escape(value, quote=True)}'"
                    for name, value in (("role", role), ("table", table_id), ("sheet", sheet)) if value)
    wide = " class='wide'" if len(frame.columns) >= 10 else ""
    return (f"<div class='svc-table' dir='{direction(lang)}'{attrs}><table{wide}>{cap}<thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>{more}</div>")


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


_SHEET_BAD = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def sheet_name(section: str, slug: str, index: int, lang: str) -> str:
    """The table's sheet name in results.xlsx: its title in *lang*, Excel-safe (≤ 31 characters,
    none of ``[]:*?/\\``); a table without a title gets the analysis's short name and its number."""
    title = _caption(section, slug, lang)
    if title is None:
        key = f"report.sheet_short.{section}"
        title = f"{t(key, lang) if _known(key) else section} {index + 1}"
    name = " ".join(_SHEET_BAD.sub("-", title).split()).strip("'")[:31].strip()
    return name or str(index + 1)


def _caption(section: str, slug: str, lang: str) -> str | None:
    from .i18n import CATALOGUE

    key = f"report.caption.{section}.{slug}"
    return t(key, lang) if key in CATALOGUE else None


def _display_html(markup: str) -> None:
    from IPython.display import HTML, display

    display(HTML(markup))


def _display_png(png: bytes, *, alt: str, layout: str = "portrait") -> None:
    from IPython.display import Image, display

    metadata = {"alt": alt} if layout == "portrait" else {"alt": alt, "svcwork_layout": layout}
    display(Image(data=png, format="png", metadata=metadata))


def _figure_layout(fig: Any) -> str:
    """How a figure is printed: ``"landscape"`` for a slide-sized figure (a map or small multiples:
    turned on a page of its own so that its labels stay legible), ``"tall"`` for one taller than
    wide (up to a page high), else ``"portrait"`` (two to a page)."""
    try:
        width, height = (float(v) for v in fig.get_size_inches())
    except Exception:  # noqa: BLE001 - not a matplotlib figure
        return "portrait"
    if width >= LANDSCAPE_MIN_WIDTH_IN and width >= 1.3 * height:
        return "landscape"
    return "tall" if height > width else "portrait"


# =========================================================================== recording
def _sections_dir(output_dir: str | os.PathLike) -> Path:
    return Path(output_dir) / "sections"


def record(result: AnalysisResult, *, section: str, output_dir: str | os.PathLike, lang: str,
           tables: Mapping[str, pd.DataFrame] | None = None, figures: Sequence[Mapping] = ()) -> Path:
    """Write the result's summary, findings and tables for the report assembler."""
    tables = dict(result.tables(lang) if tables is None else tables) if result.available else {}
    payload = {
        "section": section,
        "available": bool(result.available),
        "skipped": None if result.available else result.skipped(lang),
        "summary": json_ready(result.summary()),
        "findings": list(result.findings(lang)) if result.available else [],
        "figures": list(figures),
    }
    folder = _sections_dir(output_dir)
    atomic_write_text(folder / f"{section}.json", json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True))
    atomic_write_bytes(folder / f"{section}.tables.pkl", pickle.dumps(
        {slug: frame.reset_index(drop=True) for slug, frame in tables.items()}, protocol=4))
    return folder / f"{section}.json"


def show_result(result: AnalysisResult, *, section: str, lang: str, output_dir: str | os.PathLike | None = None) -> None:
    """Display one analysis in a notebook; record it and save its figures when *output_dir* is set."""
    _display_html(f"<h2 dir='{direction(lang)}'>{html.escape(t(f'report.section.{section}', lang))}</h2>")
    if not result.available:
        _display_html(f"<p class='skipped' dir='{direction(lang)}'>{html.escape(result.skipped(lang))}</p>")
        if output_dir:
            record(result, section=section, output_dir=output_dir, lang=lang)
        return
    findings = result.findings(lang)
    if findings:
        items = "".join(f"<li>{html.escape(f)}</li>" for f in findings)
        _display_html(f"<ul class='findings' dir='{direction(lang)}'>{items}</ul>")
    tables = result.tables(lang)
    for i, (slug, frame) in enumerate(tables.items()):
        role = table_role(section, slug, frame)
        _display_html(table_html(frame, lang=lang, caption=_caption(section, slug, lang),
                                 max_rows=NOTEBOOK_ROWS if role == "detail" else BODY_ROWS,
                                 sheet=sheet_name(section, slug, i, lang), role=role, table_id=f"{section}.{slug}"))
    figures = []
    for slug, fig in result.figures(lang).items():
        title = _caption(section, slug, lang) or _figure_title(fig) or t(f"report.section.{section}", lang)
        layout = _figure_layout(fig)
        png = figure_bytes(fig, "png")  # rendered once: shown here, embedded in the report, saved
        _display_png(png, alt=title, layout=layout)
        if output_dir:
            folder = Path(output_dir) / "figures"
            atomic_write_bytes(folder / f"{section}-{slug}.png", png)
            save_figure(fig, folder, f"{section}-{slug}", formats=("svg",))
            figures.append({"file": f"{section}-{slug}.png", "title": title, "layout": layout})
        close(fig)
    if output_dir:
        record(result, section=section, output_dir=output_dir, lang=lang, tables=tables, figures=figures)


def _figure_title(fig: Any) -> str | None:
    """The chart's own title (suptitle, else the first axes title), for slides and alt text."""
    sup = getattr(fig, "_suptitle", None)
    if sup is not None and sup.get_text().strip():
        return sup.get_text().strip()
    for ax in fig.axes:
        for loc in ("center", "left", "right"):
            text = ax.get_title(loc=loc).strip()
            if text:
                return text
    return None


# =========================================================================== the intake section
@dataclass(frozen=True)
class IntakeReview:
    """The intake notebook's result: settings, data inventory and the data-quality findings."""

    engagement: Any
    available: bool = True

    def summary(self) -> dict:
        s = self.engagement.settings
        counts = {key: int(len(frame)) for key, frame in self.engagement.tables.items()}
        for key in ("cases", "survey", "training"):
            frame = getattr(self.engagement, key)
            counts[key] = None if frame is None else int(len(frame))
        return {"intake": {"organization": s.organization, "language": s.language,
                           "period_start": s.period_start.isoformat(), "period_end": s.period_end.isoformat(),
                           "rows": counts, "warnings": len(self.engagement.warnings)}}

    def tables(self, lang: str) -> dict[str, pd.DataFrame]:
        from .schema import COMPANIONS, SHEETS

        eng = self.engagement
        rows = []
        for s in SHEETS:
            if s.settings:
                continue
            rows.append((s.title(lang), len(eng.tables[s.key])))
        for c in COMPANIONS:
            frame = getattr(eng, c.key)
            rows.append((c.title(lang), None if frame is None else len(frame)))
        inventory = pd.DataFrame(rows, columns=[t("report.col.data", lang), t("report.col.rows", lang)])
        return {"inventory": inventory, "problems": problems_table(eng.problems, lang)}

    def figures(self, lang: str) -> dict:
        return {}

    def findings(self, lang: str) -> list[str]:
        eng = self.engagement
        return [t("report.finding.intake", lang, organization=eng.settings.organization,
                  start=fmt_date(eng.settings.period_start, lang), end=fmt_date(eng.settings.period_end, lang),
                  warnings=len(eng.warnings))]

    def skipped(self, lang: str) -> str:
        return ""


def problems_table(problems: Iterable, lang: str) -> pd.DataFrame:
    """The intake problems as a table with headers in *lang*."""
    from .i18n import t as tr

    frame = problems_frame(problems).drop(columns=["expected"])
    frame["severity"] = [tr(f"severity.{s}", lang) for s in frame["severity"]]
    return frame.rename(columns={c: tr(f"field.{c}", lang) for c in frame.columns})


def show_intake(engagement: Any, *, lang: str, output_dir: str | os.PathLike | None = None) -> IntakeReview:
    """Display the intake review (settings, inventory, warnings) and record it."""
    review = IntakeReview(engagement)
    show_result(review, section="intake", lang=lang, output_dir=output_dir)
    return review


# =========================================================================== assembly
def _load_sections(out: Path) -> dict[str, dict]:
    found = {}
    for s in SECTIONS:
        p = _sections_dir(out) / f"{s.key}.json"
        if p.is_file():
            found[s.key] = json.loads(p.read_text(encoding="utf-8"))
    return found


def _load_tables(out: Path) -> dict[str, dict[str, pd.DataFrame]]:
    found = {}
    for s in SECTIONS:
        p = _sections_dir(out) / f"{s.key}.tables.pkl"
        if p.is_file():
            found[s.key] = pickle.loads(p.read_bytes())
    return found


def build_summary(engagement: Any, sections: Mapping[str, Mapping]) -> dict:
    """summary.json: engagement, inputs (SHA-256), svcwork version and every section's key figures."""
    s = engagement.settings
    out: dict[str, Any] = {
        "svcwork_version": __version__,
        "client": engagement.slug,
        "organization": s.organization,
        "language": s.language,
        "period": {"start": s.period_start.isoformat(), "end": s.period_end.isoformat()},
        "inputs": [{"role": f.role, "file": f.path.name, "sha256": f.sha256, "size": f.size} for f in engagement.inputs],
        "problems": {"errors": sum(p.is_error for p in engagement.problems),
                     "warnings": sum(not p.is_error for p in engagement.problems)},
        "sections": {k: {**{n: v for n, v in (sec.get("summary") or {}).items() if n != "available"},
                         "available": bool(sec["available"])} for k, sec in sections.items()},
    }
    # the section figures also at the top level, under the names consumers have always read
    # (priorities, journey, survey, kpis, actions …); a name two sections give (or a reserved one)
    # stays under "sections" only, so no key overwrites another
    owners: dict[str, list[str]] = {}
    for key, sec in sections.items():
        for name in sec.get("summary") or {}:
            owners.setdefault(name, []).append(key)
    for name, keys in owners.items():
        if len(keys) == 1 and name not in out and name not in _SECTION_ONLY:
            out[name] = sections[keys[0]]["summary"][name]
    return json_ready(out)


#: Section keys that mean something only inside their section (``sections.<key>.<name>``).
_SECTION_ONLY = frozenset({"available"})


_OUTPUT_SKIP_TAGS = {"report-skip", "parameters", "injected-parameters"}


def _notebook_fragments(path: Path) -> list[str]:
    """The displayed outputs of an executed notebook, as HTML fragments (no code, no streams)."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    parts: list[str] = []
    for cell in nb.cells:
        if cell.cell_type != "code" or _OUTPUT_SKIP_TAGS & set(cell.metadata.get("tags", [])):
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") not in ("display_data", "execute_result"):
                continue
            data = output.get("data", {})
            if "image/png" in data:
                meta = output.get("metadata", {}) or {}
                png_meta = meta.get("image/png", {}) or {}
                alt = html.escape(str(png_meta.get("alt", "") or meta.get("alt", "")))
                layout = png_meta.get("svcwork_layout")
                cls = f" class='{layout}'" if layout in ("landscape", "tall") else ""
                parts.append(f"<figure{cls}><img alt='{alt}' src='data:image/png;base64,{data['image/png'].strip()}'/>"
                             f"</figure>")
            elif "text/html" in data:
                parts.append("".join(data["text/html"]) if isinstance(data["text/html"], list) else data["text/html"])
    return parts


_TABLE_DIV = re.compile(r"<div class='svc-table'[^>]*\sdata-role='(detail|quality)'[^>]*>")
_DATA_SHEET = re.compile(r"\sdata-sheet='([^']*)'")


def _sort_fragments(fragments: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """The fragments for the report body, those for the data-quality appendix, and the sheet
    names of the detail tables left to results.xlsx."""
    body, quality, detail = [], [], []
    for fragment in fragments:
        m = _TABLE_DIV.match(fragment.lstrip())
        if m is None:
            body.append(fragment)
        elif m.group(1) == "quality":
            quality.append(fragment)
        else:
            sheet = _DATA_SHEET.search(m.group(0))
            if sheet:
                detail.append(html.unescape(sheet.group(1)))
    return body, quality, detail


def _intake_table(engagement: Any, key: str) -> pd.DataFrame | None:
    try:
        return engagement.table(key)
    except Exception:  # noqa: BLE001 - an engagement without that sheet
        return None


def _render(template: str, **context: Any) -> str:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir() / "report")),
                             autoescape=jinja2.select_autoescape(["html", "j2"]), undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    return env.get_template(template).render(**context)


def _css() -> str:
    return (templates_dir() / "report" / "report.css").read_text(encoding="utf-8")


#: Tab colour of each analysis's sheets in results.xlsx (the charts' colour-blind-safe palette).
_TAB_COLOURS = {"intake": "8A8F98", "prioritization": "0072B2", "journeys": "E69F00", "measures": "009E73",
                "management": "CC79A7"}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
#: The last part of the catalogue key of a column header that holds shares (0–1) — or
#: percentages, when the values exceed 1 ("journeys.col.sla_met", "management.col.done_share").
_SHARE_KEY = re.compile(r"(?:^|_)(?:share|rate|sla_met|fcr|met|exact|within_one|cumulative|p_top|p_first|"
                        r"probability|takeup)(?:$|_)")
_SHARE_WORD = re.compile(r"\b(share|rate|take-up|probability)\b|%|שיעור|הסתברות", re.I)
#: A confidence level in a header ("95% CI low") says nothing about the column's unit.
_LEVEL = re.compile(r"\d+(?:\.\d+)?\s?%")
#: A column of interval limits: it takes the format of the share or percentage it bounds.
_LIMIT_WORD = re.compile(r"\b(low|high|lower|upper|limit)\b|גבול|תחתון|עליון", re.I)
_HEADER_KEYS: dict[str, dict[str, list[str]]] = {}


def _header_keys(header: str, lang: str) -> list[str]:
    """The catalogue keys whose text in *lang* is *header* (how a column was named)."""
    if lang not in _HEADER_KEYS:
        from .i18n import CATALOGUE

        index: dict[str, list[str]] = {}
        for key, entry in CATALOGUE.items():
            index.setdefault(entry["he" if lang == "he" else "en"].casefold(), []).append(key)
        _HEADER_KEYS[lang] = index
    return _HEADER_KEYS[lang].get(str(header).casefold(), [])


def _date_formats(lang: str) -> tuple[str, str, str]:
    """Excel number formats for a date, a date and time, and a month."""
    if lang == "he":
        return "dd/mm/yyyy", "dd/mm/yyyy hh:mm", "mm/yyyy"
    return "yyyy-mm-dd", "yyyy-mm-dd hh:mm", "yyyy-mm"


def _naive(value: Any) -> dt.datetime:
    ts = pd.Timestamp(value)
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts.to_pydatetime()


def _excel_column(header: str, values: pd.Series, lang: str, *,
                  share_format: str | None = None, kind: str | None = None) -> tuple[list[Any], str | None]:
    """A column's cell values for Excel and its number format (``None``: per cell / text).

    Dates (date, datetime and ISO-text columns) become real dates; months (``2026-03``) the
    first of the month shown as a month; shares (0–1) get a percent format, percentage columns
    (0–100) one decimal, and the limits of their intervals (*share_format*: the format of the
    share column just before) the same; booleans are yes/no in *lang*.  Everything else is left as it is.
    """
    date_fmt, datetime_fmt, month_fmt = _date_formats(lang)

    def blank(v: Any) -> bool:
        return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))

    present = [v for v in values if not blank(v)]
    if not present:
        return [None] * len(values), None
    if pd.api.types.is_bool_dtype(values) or all(isinstance(v, (bool, np.bool_)) for v in present):
        return [None if blank(v) else t("template.yes" if v else "template.no", lang) for v in values], None
    if pd.api.types.is_datetime64_any_dtype(values) or all(isinstance(v, (pd.Timestamp, dt.datetime)) for v in present):
        cells = [None if blank(v) else _naive(v) for v in values]
        timed = any(c is not None and (c.hour or c.minute or c.second) for c in cells)
        return cells, datetime_fmt if timed else date_fmt
    if all(isinstance(v, dt.date) for v in present):
        return [None if blank(v) else v for v in values], date_fmt
    if all(isinstance(v, str) for v in present):
        if all(_ISO_DATE.match(v) for v in present):
            try:
                return [None if blank(v) else dt.date.fromisoformat(v) for v in values], date_fmt
            except ValueError:
                pass
        elif all(_ISO_MONTH.match(v) for v in present):
            return [None if blank(v) else dt.date(int(v[:4]), int(v[5:7]), 1) for v in values], month_fmt
        return list(values), None
    numeric = all(isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_))
                  for v in present)
    if numeric:
        cells = [None if blank(v) else (int(v) if isinstance(v, (int, np.integer)) else float(v)) for v in values]
        if all(isinstance(v, (int, np.integer)) for v in present):
            return cells, "#,##0"
        if kind is not None:  # typed column (svcwork.tables): the kind decides, never the header's words
            if kind == "share":
                return cells, "0.0%" if all(-1.0 <= float(v) <= 1.0 for v in present) else "0.0"
            if kind == "percent":
                return cells, "0.0"
            if kind == "limit":
                fits = share_format == "0.0" or all(-1.0 <= float(v) <= 1.0 for v in present)
                return cells, share_format if share_format and fits else None
            if kind in ("days", "hours"):
                return cells, "#,##0.0"
            if kind == "p_value":
                return cells, "0.0000"
            if kind == "count":
                return cells, "#,##0"
            return cells, None
        plain = _LEVEL.sub("", str(header))
        share = (any(_SHARE_KEY.search(k.rsplit(".", 1)[-1]) for k in _header_keys(header, lang))
                 or bool(_SHARE_WORD.search(plain)))
        if share:
            fraction = "%" not in plain and all(-1.0 <= float(v) <= 1.0 for v in present)
            return cells, "0.0%" if fraction else "0.0"
        if share_format and _LIMIT_WORD.search(str(header)):
            fits = share_format == "0.0" or all(-1.0 <= float(v) <= 1.0 for v in present)
            return cells, share_format if fits else None
        return cells, None
    return list(values), None


def _width(header: str, cells: Sequence[Any]) -> float:
    longest = max([len(str(c)) for c in cells[:200] if c is not None] + [0])
    return float(min(60, max(9, min(len(str(header)), 28) + 2, longest + 2)))


def _style_sheet(ws: Any, frame: pd.DataFrame, *, lang: str, header_fill: Any, tab: str | None) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from .workbook import set_text

    ws.sheet_view.rightToLeft = lang == "he"
    if tab:
        ws.sheet_properties.tabColor = tab
    for j, col in enumerate(frame.columns, start=1):
        c = set_text(ws.cell(row=1, column=j), str(col))
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = header_fill
        c.alignment = Alignment(wrap_text=True, vertical="top")
    share_format = None
    for j, col in enumerate(frame.columns, start=1):
        cells, number_format = _excel_column(str(col), frame.iloc[:, j - 1], lang, share_format=share_format,
                                             kind=column_kind(frame, col))
        # an interval's limits follow their share or percentage column directly
        share_format = number_format if number_format in ("0.0%", "0.0") else None
        long_text = False
        for i_row, value in enumerate(cells, start=2):
            cell_format = number_format
            if isinstance(value, (pd.Timestamp, dt.datetime)) and not number_format:  # a date in a mixed column
                value, cell_format = _naive(value), _date_formats(lang)[1]
            elif isinstance(value, float) and not math.isfinite(value):
                value = None
            elif not isinstance(value, (str, int, float, dt.date, type(None))) or isinstance(value, bool):
                value = json_ready(value)
                if isinstance(value, (list, dict)):
                    value = json.dumps(value, ensure_ascii=False)
            cell = set_text(ws.cell(row=i_row, column=j), value)
            if cell_format and value is not None:
                cell.number_format = cell_format
            elif isinstance(value, float):
                cell.number_format = "#,##0.00" if abs(value) >= 1 else "0.000"
            if isinstance(value, str) and len(value) > 60:
                long_text = True
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        width = 60.0 if long_text else _width(str(col), cells)
        if number_format and "yy" in number_format:  # dates print wider than their Python text
            width = max(width, 12.0 if "h" not in number_format else 17.0)
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = "A2"
    if len(frame.columns):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{max(1, len(frame) + 1)}"


def write_results_workbook(path: Path, tables: Mapping[str, Mapping[str, pd.DataFrame]], *, lang: str) -> Path:
    """results.xlsx: a contents sheet, then one sheet per table, named by its title in *lang*.

    Every sheet is right-to-left for Hebrew, with a styled, frozen header row and filters;
    dates are real Excel dates (day/month/year for Hebrew), shares have a percent format,
    numbers thousands separators; client text is always written as text (never a formula).
    Sheet names are at most 31 characters, without ``[]:*?/\\``, and unique (case-insensitive).
    """
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    from .workbook import save_workbook

    wb = openpyxl.Workbook()
    contents_ws = wb.active
    contents_ws.title = t("report.sheet.contents", lang)[:31]
    used: set[str] = {contents_ws.title.casefold()}
    header_fill = PatternFill("solid", fgColor="1F4E79")
    index_rows: list[tuple[str, str, int]] = []
    for section, frames in tables.items():
        for i, (slug, frame) in enumerate(frames.items()):
            base = sheet_name(section, slug, i, lang)
            name, n = base, 2
            while name.casefold() in used:
                suffix = f" ({n})"
                name = f"{base[:31 - len(suffix)].rstrip()}{suffix}"
                n += 1
            used.add(name.casefold())
            ws = wb.create_sheet(name)
            _style_sheet(ws, frame, lang=lang, header_fill=header_fill, tab=_TAB_COLOURS.get(section))
            title = t(f"report.section.{section}", lang) if _known(f"report.section.{section}") else section
            index_rows.append((title, name, int(len(frame))))
    contents = pd.DataFrame(index_rows, columns=[t("report.col.analysis", lang), t("report.col.table", lang),
                                                 t("report.col.rows", lang)])
    _style_sheet(contents_ws, contents, lang=lang, header_fill=header_fill, tab="1F4E79")
    for r, (_, name, _) in enumerate(index_rows, start=2):  # each table's name links to its sheet
        cell = contents_ws.cell(row=r, column=2)  # its text is written by _style_sheet
        quoted = name.replace("'", "''")
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{quoted}'!A1", display=name)
        cell.font = Font(color="0563C1", underline="single")
    return save_workbook(wb, path)


# =========================================================================== executive summary
def _known(key: str) -> bool:
    from .i18n import CATALOGUE

    return key in CATALOGUE


def _names(frame: pd.DataFrame | None, key: str, name: str) -> dict[str, str]:
    """``{id: name}`` from an intake table (empty when the table or its columns are missing)."""
    if frame is None or key not in getattr(frame, "columns", ()) or name not in frame.columns:
        return {}
    return {str(k): str(v) for k, v in zip(frame[key], frame[name])
            if isinstance(k, str) and isinstance(v, str) and v.strip()}


def _label(code: str, names: Mapping[str, str]) -> str:
    name = names.get(str(code))
    return f"{code} {name}" if name else str(code)


def _num(value: Any, digits: int = 1) -> str:
    return fmt_number(value, digits=digits) if isinstance(value, (int, float)) else "—"


def _share(value: Any) -> str:
    return fmt_percent(value) if isinstance(value, (int, float)) else "—"


def _fix_first(summary: Mapping[str, Any], lang: str, services: Mapping[str, str]) -> dict | None:
    ranked = sorted((p for p in summary.get("priorities") or [] if isinstance(p, Mapping) and p.get("rank")),
                    key=lambda p: p["rank"])
    planned = [p for p in ranked if p.get("wave") is not None]  # deferred by the roadmap: not "first"
    top = (planned or ranked)[:EXECUTIVE_SERVICES]
    if not top:
        return None
    items = []
    for p in top:
        q = p.get("quadrant")
        quadrant = _lower(t(f"prioritize.quadrant.{q}", lang), lang) if q and _known(f"prioritize.quadrant.{q}") else "—"
        values = {"service": _label(p["service_id"], services), "score": _num(p.get("score"), 2), "quadrant": quadrant}
        items.append(t("report.exec.fix_first_item", lang, wave=p["wave"], **values) if p.get("wave") is not None
                     else t("report.exec.fix_first_deferred", lang, **values))
    lines = []
    weights = {k: v for k, v in (summary.get("criteria_weights") or {}).items() if isinstance(v, (int, float))}
    if weights:
        heaviest = max(weights, key=lambda k: (weights[k], k))
        criterion = (_lower(t(f"prioritize.criterion.{heaviest}", lang), lang) if _known(f"prioritize.criterion.{heaviest}")
                     else heaviest)
        lines.append(t("report.exec.fix_first_why", lang, criterion=criterion, weight=round(100 * weights[heaviest]),
                       quick=sum(p.get("quadrant") == "quick_win" for p in top), n=len(top)))
    p_top = [p.get("p_top_n") for p in top]
    samples = (summary.get("acceptability") or {}).get("n_samples")
    if p_top and all(isinstance(v, (int, float)) for v in p_top) and summary.get("top_n") and samples:
        lowest = min(p_top)
        if lowest >= 0.9995:
            lines.append(t("report.exec.fix_first_robust_all", lang, top=summary["top_n"], samples=fmt_number(samples)))
        else:
            lines.append(t("report.exec.fix_first_robust", lang, top=summary["top_n"],
                           p=fmt_percent(lowest, digits=0 if lowest < 0.99 else 1), samples=fmt_number(samples)))
    return {"items": items, "lines": lines}


def _lower(text: str, lang: str) -> str:
    """A label inside an English sentence starts in lower case ("Quick win" → "quick win")."""
    return text[:1].lower() + text[1:] if lang != "he" and text[1:2].islower() else text


def _journey_pain(summary: Mapping[str, Any], lang: str) -> dict | None:
    j = summary.get("journey")
    if not isinstance(j, Mapping) or not j.get("cases"):
        return None
    lines = []
    sla, repeat = j.get("sla_breach_rate"), j.get("repeat_contact_rate")
    if isinstance(sla, (int, float)) and (not isinstance(repeat, (int, float)) or sla >= repeat):
        lines.append(t("report.exec.pain_sla", lang, share=_share(sla), median=_num(j.get("median_case_days")),
                       p90=_num(j.get("p90_case_days"))))
    elif isinstance(repeat, (int, float)):
        lines.append(t("report.exec.pain_repeat", lang, share=_share(repeat), fcr=_share(j.get("fcr"))))
    handoffs = [h for h in j.get("top_handoffs") or [] if isinstance(h, Mapping) and h.get("count")]
    if handoffs:
        h = handoffs[0]
        lines.append(t("report.exec.pain_handoff", lang, source=h.get("from"), target=h.get("to"),
                       count=fmt_number(h["count"]), per_case=_num(j.get("handoffs_per_case"))))
    return {"items": [], "lines": lines} if lines else None


def _kpi_value(value: Any, info: Mapping[str, Any]) -> str:
    """A KPI value as the client reads it: a percentage for a proportion, else the number and its unit."""
    if not isinstance(value, (int, float)):
        return "—"
    kind = str(info.get("kind") or "").casefold()
    unit = info.get("unit_of_measure")
    unit = unit.strip() if isinstance(unit, str) else ""
    if kind == "proportion" or "%" in unit:
        return fmt_percent(value if abs(value) <= 1 else value / 100)
    number = fmt_number(value, digits=0 if float(value).is_integer() else 2 if abs(value) < 10 else 1)
    return f"{number} {unit}" if unit else number


def _kpi_signals(summary: Mapping[str, Any], lang: str, kpis: pd.DataFrame | None) -> dict | None:
    rows = [k for k in summary.get("kpis") or [] if isinstance(k, Mapping) and k.get("kpi_id")]
    if not rows:
        return None
    names = _names(kpis, "kpi_id", "kpi_name")
    info: dict[str, dict] = {}
    if kpis is not None and "kpi_id" in getattr(kpis, "columns", ()):
        for rec in kpis.to_dict("records"):
            info[str(rec.get("kpi_id"))] = rec
    judged = [k for k in rows if k.get("met") is not None]
    lead = [t("report.exec.kpis_met", lang, met=sum(bool(k["met"]) for k in judged), total=len(judged))] if judged else []
    lines = []
    attention = []
    for k in rows:
        met, in_control = k.get("met"), k.get("in_control")
        if met is False:
            attention.append((0 if in_control is False else 1, k))
        elif in_control is False:
            attention.append((2, k))
    attention.sort(key=lambda x: (x[0], -len(x[1].get("signals") or []), str(x[1]["kpi_id"])))
    items = []
    for order, k in attention[:EXECUTIVE_KPIS]:
        i = info.get(str(k["kpi_id"]), {})
        signals = [s for s in k.get("signals") or [] if isinstance(s, Mapping)]
        latest = max((str(s.get("period")) for s in signals if s.get("period") is not None), default="—")
        key = ("report.exec.kpi_missed_out", "report.exec.kpi_missed_in", "report.exec.kpi_met_out")[order]
        values = {"kpi": _label(k["kpi_id"], names), "last": _kpi_value(k.get("last"), i),
                  "target": _kpi_value(k.get("target"), i)}
        if order != 1:
            values.update(signals=len(signals), period=latest)
        items.append(t(key, lang, **values))
    if len(attention) > EXECUTIVE_KPIS:
        lines.append(t("report.exec.kpi_more", lang, count=len(attention) - EXECUTIVE_KPIS))
    if not attention:
        lines.append(t("report.exec.kpis_quiet", lang))
    return {"lead": lead, "items": items, "lines": lines}


def _overdue_actions(summary: Mapping[str, Any], lang: str, overdue: pd.DataFrame | None) -> dict | None:
    a = summary.get("actions")
    if not isinstance(a, Mapping) or not a.get("total"):
        return None
    try:
        date = fmt_date(dt.date.fromisoformat(str(summary.get("report_date"))), lang)
    except ValueError:
        date = "—"
    values = {"open": a.get("open", 0), "done": a.get("done", 0), "total": a.get("total", 0), "date": date}
    if not a.get("overdue"):
        return {"items": [], "lines": [t("report.exec.actions_none", lang, **values)]}
    lines = [t("report.exec.actions_overdue", lang, overdue=a["overdue"], **values)]
    # the longest overdue action, from the management section's own (suppressed) table
    cols = {c: t(f"management.col.{c}", lang) for c in ("action", "owner", "days_overdue")}
    if overdue is not None and len(overdue) and set(cols.values()) <= set(overdue.columns):
        worst = overdue.sort_values(cols["days_overdue"], ascending=False, kind="stable").iloc[0]
        if pd.notna(worst[cols["days_overdue"]]) and pd.notna(worst[cols["action"]]):
            owner = worst[cols["owner"]] if pd.notna(worst[cols["owner"]]) else "—"
            lines.append(t("report.exec.actions_worst", lang, action=worst[cols["action"]], owner=owner,
                           days=int(worst[cols["days_overdue"]])))
    return {"items": [], "lines": lines}


def executive_summary(summary: Mapping[str, Any], *, lang: str, services: pd.DataFrame | None = None,
                      kpis: pd.DataFrame | None = None, overdue: pd.DataFrame | None = None) -> list[dict]:
    """The executive summary, written from the analyses' key figures (``summary.json``'s keys).

    Four blocks, in this order, each ``{"key", "title", "lead", "items", "lines", "missing"}`` in
    *lang* (sentences before the list of items, the items, sentences after):

    - ``fix_first``: the :data:`EXECUTIVE_SERVICES` best-ranked services the roadmap plans
      (``priorities``; all ranked services when there is no roadmap) with score, quadrant and
      wave, and why (the heaviest criterion of ``criteria_weights``, the
      quick wins, and how robust the ranks are over the ``acceptability`` weight samples);
    - ``pain``: the biggest journey pain (``journey``): the share of cases missing their deadline
      or, when larger, the share of repeat contacts; and the most frequent hand-off;
    - ``kpis``: KPIs meeting their target, then those needing attention (``kpis``): missed and
      out of control, missed while in control (a system problem), met but out of control;
    - ``actions``: open and overdue actions as of the report date (``actions``), and the longest
      overdue one (from the management section's *overdue* table).

    A block whose analysis is missing says so.  *services* and *kpis* (the intake's Services and
    KPIs sheets) give names to the codes.
    """
    blocks = []
    for key, block in (("fix_first", _fix_first(summary, lang, _names(services, "service_id", "service_name"))),
                       ("pain", _journey_pain(summary, lang)),
                       ("kpis", _kpi_signals(summary, lang, kpis)),
                       ("actions", _overdue_actions(summary, lang, overdue))):
        block = block or {"lines": [t("report.exec.missing", lang)], "missing": True}
        blocks.append({"key": key, "title": t(f"report.exec.{key}", lang), "missing": False, "lead": [], "items": [],
                       "lines": [], **block})
    return blocks


def assemble(out: str | os.PathLike, engagement: Any, *, lang: str, notebooks: Sequence[Path]) -> dict[str, Path]:
    """Build report.html, summary.json and results.xlsx in *out* from the executed notebooks."""
    from .charts import accent

    out = Path(out)
    sections = _load_sections(out)
    tables = _load_tables(out)
    summary = build_summary(engagement, sections)
    by_name = {p.name: p for p in notebooks}
    blocks, quality = [], []
    quote = "„{}”" if lang == "he" else "“{}”"
    for s in SECTIONS:
        p = by_name.get(s.notebook)
        if p is None or not p.is_file():
            continue
        body, checks, detail = _sort_fragments(_notebook_fragments(p))
        if detail:  # detail tables: named here, in full in results.xlsx
            note = t("report.detail_tables", lang, sheets=", ".join(quote.format(d) for d in detail))
            body.append(f"<p class='note detail-tables'>{html.escape(note)}</p>")
        if s.key == "intake":
            quality[:0] = body
        else:
            blocks.append({"key": s.key, "title": s.title(lang), "html": "\n".join(body)})
        quality.extend(checks)
    executive = executive_summary(summary, lang=lang, services=_intake_table(engagement, "Services"),
                                  kpis=_intake_table(engagement, "KPIs"),
                                  overdue=tables.get("management", {}).get("actions_overdue"))
    skipped = [sections[k]["skipped"] for k in sections if not sections[k]["available"] and sections[k].get("skipped")]
    methods = [(s.title(lang), t(f"report.methods.{s.key}", lang)) for s in SECTIONS if s.key in sections]
    st = engagement.settings
    page = _render(
        "report.html.j2", lang=lang, dir=direction(lang), css=_css(), accent=accent(st.accent_color),
        t=lambda key, **kw: t(key, lang, **kw), organization=st.organization, unit=st.unit,
        consultant=st.consultant, vision=st.service_vision, values=list(st.service_values),
        period=f"{fmt_date(st.period_start, lang)} – {fmt_date(st.period_end, lang)}",
        executive=executive, skipped=skipped, methods=methods, version=__version__,
        blocks=blocks, quality="\n".join(quality))
    paths = {
        "report": atomic_write_text(out / "report.html", page),
        "summary": atomic_write_text(out / "summary.json", json.dumps(summary, ensure_ascii=False, indent=1,
                                                                      sort_keys=True) + "\n"),
        "results": write_results_workbook(out / "results.xlsx", tables, lang=lang),
        "slides": _write_slides(out, sections, engagement, lang=lang),
    }
    return paths


def _write_slides(out: Path, sections: Mapping[str, Mapping], engagement: Any, *, lang: str) -> Path:
    """slides.pptx: every chart of the report, one per slide, titled (ready for the consultant's deck)."""
    from .slides import write_slides

    slides = []
    for s in SECTIONS:
        for fig in (sections.get(s.key) or {}).get("figures", []):
            png = out / "figures" / fig["file"]
            if png.is_file():
                slides.append((fig["title"], png.read_bytes()))
    st = engagement.settings
    return write_slides(out / "slides.pptx", slides, title=st.organization,
                        subtitle=f"{t('report.title', lang)} · {fmt_date(st.period_start, lang)} – "
                                 f"{fmt_date(st.period_end, lang)}", lang=lang, accent_color=st.accent_color)


def key_figures(result: AnalysisResult, *, digits: int = 4) -> str:
    """The result's summary as stable, rounded JSON text (what nbval compares in the notebooks)."""

    def rounded(v: Any) -> Any:
        if isinstance(v, float):
            return round(v, digits)
        if isinstance(v, dict):
            return {k: rounded(x) for k, x in v.items()}
        if isinstance(v, list):
            return [rounded(x) for x in v]
        return v

    return json.dumps(rounded(json_ready(result.summary())), ensure_ascii=False, indent=1, sort_keys=True)


def write_unit_packs(packs: Sequence[Any], *, output_dir: str | os.PathLike, engagement: Any, lang: str) -> list[Path]:
    """One short page per unit manager: ``<output_dir>/units/<unit>.html`` (focus points, KPIs and
    their control-chart signals, survey results with intervals, observation summary, open and
    overdue actions, training) — for a team meeting.

    Pass packs built with the unit's signals (``result.unit_packs(signals=management.unit_signals(
    engagement))``) for the KPI and survey tables.  Numbers that round to zero are shown as 0,
    never "-0" (:func:`table_html` formats every cell so).
    """
    from .charts import accent
    from .paths import client_slug

    st = engagement.settings
    written = []
    used: set[str] = set()
    for pack in packs:
        frames = pack.tables(lang)
        if not frames:  # nothing above the minimum group size to show: no page (it would only reveal the unit)
            continue
        tables = [(t(f"report.unit_table.{slug}", lang), table_html(frame, lang=lang))
                  for slug, frame in frames.items()]
        page = _render("unit.html.j2", lang=lang, dir=direction(lang), css=_css(), accent=accent(st.accent_color),
                       t=lambda key, **kw: t(key, lang, **kw), organization=st.organization, unit=pack.unit,
                       period=f"{fmt_date(st.period_start, lang)} – {fmt_date(st.period_end, lang)}",
                       focus=pack.focus_points(lang), tables=tables, version=__version__)
        name = client_slug(pack.unit) or "unit"
        while name in used:
            name += "-"
        used.add(name)
        written.append(atomic_write_text(Path(output_dir) / "units" / f"{name}.html", page))
    return written
