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
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import itertools
import json
import math
import os
import pickle
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Protocol, Sequence

import numpy as np
import pandas as pd

from . import __version__
from .charts import close, figure_bytes, save_figure
from .errors import problems_frame
from .i18n import direction, fmt_date, t, unsigned_zero
from .paths import atomic_write_bytes, atomic_write_text, templates_dir
from .appendix import key_figures_html
from .commentary import OPENING, Commentary, markdown_paragraphs, read_commentary
from .errors import InputFileError
from .keyfigures import KeyFigure, from_records, plain, quote, quotes, registry, to_html
from .tables import column_kind
from .common import json_ready
from .executive import CONVENTIONS, dashboard, executive_summary
from .results_book import caption as _caption, sheet_name, write_results_workbook

from .sections import (BODY_ROWS, BODY_ROWS_OF, NOTEBOOK_ROWS, SECTIONS, SINCE, Section, ordered_sections,
                       report_order, table_anchor, table_role)
from .sections import recorded_sections as _recorded

__all__ = ["SECTIONS", "Section", "load_sections", "load_tables", "typed_text", "tables_by_role", "client_commentary", "commentary_html",
           "show_commentary", "show_result", "show_intake", "table_html", "record", "assemble",
           "build_summary", "write_results_workbook", "json_ready", "key_figures", "problems_table",
           "write_unit_packs", "executive_summary", "table_role", "sheet_name", "BODY_ROWS"]


#: How a figure of each layout is marked in the report (see :func:`_figure_layout`).
_FIGURE_CLASS = {"landscape": "landscape", "tall": "tall"}

#: A figure at least this wide (inches; slide-sized maps) is printed turned on a page of its own.
LANDSCAPE_MIN_WIDTH_IN = 12.0


class AnalysisResult(Protocol):  # what every analysis module's result offers
    available: bool

    def summary(self) -> dict: ...
    def tables(self, lang: str) -> Mapping[str, pd.DataFrame]: ...
    def figures(self, lang: str) -> Mapping[str, Any]: ...
    def findings(self, lang: str) -> list[str]: ...
    def skipped(self, lang: str) -> str: ...


# =========================================================================== HTML pieces
_NUM = re.compile(r"^[\s−\-+]?[\d,.]+\s?%?$")


#: How a typed column's numbers are written (svcwork.tables kinds): shares as percentages, percentages,
#: days and hours with one decimal, counts whole, p-values to three decimals ("<0.001" below).
def _typed_number(f: float, kind: str | None) -> str | None:
    if kind == "share" and -1.0 <= f <= 1.0:
        return unsigned_zero(f"{100 * f:.1f}%")
    if kind in ("percent", "days", "hours"):
        return unsigned_zero(f"{f:,.1f}")
    if kind == "count" and f.is_integer():
        return f"{int(f):,}"
    if kind == "p_value":
        return "<0.001" if 0 <= f < 0.001 else f"{f:.3f}"
    return None


def typed_text(value: Any, lang: str, kind: str | None = None) -> str:
    """A table cell's text as every output writes it (HTML, DOCX): typed columns by their kind,
    other numbers by their size, dates by the language, '—' for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return "—"
    if isinstance(value, (bool, np.bool_)):
        return t("template.yes" if value else "template.no", lang)
    if kind is not None and isinstance(value, (int, float, np.integer, np.floating)):
        typed = _typed_number(float(value), kind)
        if typed is not None:
            return typed
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    if isinstance(value, (float, np.floating)):
        f = float(value)
        return unsigned_zero(f"{f:,.0f}" if abs(f) >= 1000 or f.is_integer() else f"{f:,.2f}" if abs(f) >= 1 else f"{f:.3f}")
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
        return fmt_date(value, lang)
    return str(value)


def _cell(value: Any, lang: str, kind: str | None = None) -> str:
    text = typed_text(value, lang, kind)
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return "<td class='na'>—</td>"
    if isinstance(value, (bool, np.bool_)):
        return f"<td>{html.escape(text)}</td>"
    if isinstance(value, (int, float, np.integer, np.floating, pd.Timestamp, dt.datetime, dt.date)):
        return f"<td class='num'>{html.escape(text)}</td>"
    cls = " class='num'" if _NUM.match(text) else " class='long'" if len(text) > 60 else ""  # reasons, comments
    return f"<td{cls}>{html.escape(text)}</td>"


def table_html(frame: pd.DataFrame, *, lang: str, caption: str | None = None, max_rows: int = 60,
               sheet: str | None = None, role: str | None = None, table_id: str | None = None) -> str:
    """A table as escaped HTML in the report's style (client text is data, never markup).

    At most *max_rows* rows are shown, with a note that the full table is in results.xlsx (on
    *sheet*, when given).  *role* (``"key"`` or ``"detail"``, see :func:`table_role`),
    *table_id* and *sheet* are written as ``data-`` attributes for the report assembler.
    """
    from .alttext import abbr_html

    shown = frame.head(max_rows)
    # header cells name their column (WCAG 2.1 SC 1.3.1), abbreviations expanded (SC 3.1.4)
    head = "".join(f"<th scope='col'>{abbr_html(html.escape(str(c)), lang)}</th>" for c in shown.columns)
    kinds: list[str | None] = []
    for c in shown.columns:  # typed columns (svcwork.tables) are written by their kind; an interval's
        kind = column_kind(frame, c)  # limits as the share or percentage they bound
        kinds.append((kinds[-1] if kinds and kinds[-1] in ("share", "percent") else None) if kind == "limit" else kind)
    body = "".join("<tr>" + "".join(_cell(v, lang, k) for v, k in zip(row, kinds)) + "</tr>"
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
    if table_id:
        attrs += f" id='{html.escape(table_anchor(table_id), quote=True)}'"
    # a table wider than the page scrolls: its box takes the keyboard focus (WCAG 2.1 SC 2.1.1)
    return (f"<div class='svc-table' dir='{direction(lang)}' tabindex='0'{attrs}><table{wide}>{cap}<thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>{more}</div>")




def _display_html(markup: str) -> None:
    from IPython.display import HTML, display

    display(HTML(markup))


def _display_png(png: bytes, *, alt: str) -> None:
    from IPython.display import Image, display

    display(Image(data=png, format="png", metadata={"alt": alt}))


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


def _table_specs(section: str, tables: Mapping[str, pd.DataFrame], lang: str) -> list[dict]:
    """How each table of a section is shown, in order: its slug and id, caption, results.xlsx sheet,
    role (:func:`table_role`), rows and the rows shown in the report (:data:`BODY_ROWS`)."""
    specs = []
    for i, (slug, frame) in enumerate(tables.items()):
        role = table_role(section, slug, frame)
        specs.append({"slug": slug, "id": f"{section}.{slug}", "caption": _caption(section, slug, lang),
                      "sheet": sheet_name(section, slug, i, lang), "role": role, "rows": int(len(frame)),
                      "max_rows": None if role == "detail" else BODY_ROWS_OF.get((section, slug), BODY_ROWS)})
    return specs


def _figure_spec(figure: Mapping, data: Any = None, lang: str = "en") -> dict:
    """A recorded figure: its PNG file (under ``figures/``), title, alt text, layout and takeaway
    (one marked sentence saying what it shows); with *data* (the :class:`svcwork.alttext.ChartData`
    of what it plots) the alt text is written from the plotted values and the values are kept
    (``data``) for the data table under the figure (WCAG 2.1 SC 1.1.1, 1.3.1)."""
    from .alttext import ChartData, alt_text, data_record

    title = str(figure.get("title") or "")
    layout = figure.get("layout") or "portrait"
    if data is None and isinstance(figure.get("data"), ChartData):  # a caller may pass the chart's data itself
        data = figure["data"]
    alt = alt_text(title, data, lang) if data is not None else plain(str(figure.get("alt") or title))
    return {"file": str(figure["file"]), "title": title, "alt": alt,
            "layout": layout if layout in ("portrait", "landscape", "tall") else "portrait",
            "takeaway": str(figure.get("takeaway") or ""),
            **({"data": data_record(data)} if data is not None else {})}


def _takeaways(result: AnalysisResult, lang: str) -> dict[str, str]:
    get = getattr(result, "takeaways", None)
    return dict(get(lang)) if callable(get) and result.available else {}


def _methods(result: AnalysisResult, lang: str) -> list[str]:
    get = getattr(result, "methods", None)
    return [plain(m) for m in get(lang)] if callable(get) and result.available else []


def record(result: AnalysisResult, *, section: str, output_dir: str | os.PathLike, lang: str,
           tables: Mapping[str, pd.DataFrame] | None = None, figures: Sequence[Mapping] = (),
           findings: Sequence[str] | None = None) -> Path:
    """Write the section's record for the report assembler: ``sections/<section>.json`` (title,
    summary, findings, the skipped sentence, each table's caption, sheet and role, each figure's
    file, title, alt text and layout, in the order shown) and ``sections/<section>.tables.pkl``
    (the tables themselves, in the same order).  *tables* and *findings* (marked), when given, are
    the ones already shown (not made again)."""
    tables = dict(result.tables(lang) if tables is None else tables) if result.available else {}
    from .alttext import figure_data_of

    charts = figure_data_of(result, lang) if figures and result.available else {}  # what each chart plots
    payload = {
        "section": section,
        "title": t(f"report.section.{section}", lang),
        "lang": lang,
        "available": bool(result.available),
        "skipped": None if result.available else result.skipped(lang),
        "summary": json_ready(result.summary()),
        "findings": (list(_marked_findings(result, lang)) if findings is None else list(findings))
        if result.available else [],
        "key_figures": [f.as_record() for f in _key_figures(result)],
        "tables": _table_specs(section, tables, lang),
        "figures": [_figure_spec(f, charts.get(Path(str(f["file"])).stem.removeprefix(f"{section}-")), lang)
                    for f in figures] if result.available else [],
        "methods": _methods(result, lang),
    }
    folder = _sections_dir(output_dir)
    atomic_write_text(folder / f"{section}.json", json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True))
    atomic_write_bytes(folder / f"{section}.tables.pkl", pickle.dumps(
        {slug: frame.reset_index(drop=True) for slug, frame in tables.items()}, protocol=4))
    return folder / f"{section}.json"


def _marked_findings(result: AnalysisResult, lang: str) -> list[str]:
    """The findings with their key-figure markers (results without markers: as they are)."""
    try:
        return list(result.findings(lang, marked=True))  # type: ignore[call-arg]
    except TypeError:
        return list(result.findings(lang))


def _key_figures(result: AnalysisResult) -> tuple:
    get = getattr(result, "key_figures", None)
    return tuple(get()) if callable(get) and result.available else ()


def show_result(result: AnalysisResult, *, section: str, lang: str, output_dir: str | os.PathLike | None = None) -> None:
    """Display one analysis in a notebook; record it and save its figures when *output_dir* is set."""
    _display_html(f"<h2 dir='{direction(lang)}'>{html.escape(t(f'report.section.{section}', lang))}</h2>")
    if not result.available:
        _display_html(f"<p class='skipped' dir='{direction(lang)}'>{html.escape(result.skipped(lang))}</p>")
        if output_dir:
            record(result, section=section, output_dir=output_dir, lang=lang)
        return
    findings = _marked_findings(result, lang)
    if findings:
        items = "".join(f"<li>{to_html(f, link=False)}</li>" for f in findings)
        _display_html(f"<ul class='findings' dir='{direction(lang)}'>{items}</ul>")
    tables = result.tables(lang)
    for spec in _table_specs(section, tables, lang):
        _display_html(table_html(tables[spec["slug"]], lang=lang, caption=spec["caption"],
                                 max_rows=spec["max_rows"] or NOTEBOOK_ROWS, sheet=spec["sheet"],
                                 role=spec["role"], table_id=spec["id"]))
    figures = []
    takeaways = _takeaways(result, lang)
    for slug, fig in result.figures(lang).items():
        title = _caption(section, slug, lang) or _figure_title(fig) or t(f"report.section.{section}", lang)
        layout = _figure_layout(fig)
        png = figure_bytes(fig, "png")  # rendered once: shown here, embedded in the report, saved
        _display_png(png, alt=title)
        if takeaways.get(slug):
            _display_html(f"<p class='takeaway' dir='{direction(lang)}'>{to_html(takeaways[slug], link=False)}</p>")
        if output_dir:
            folder = Path(output_dir) / "figures"
            atomic_write_bytes(folder / f"{section}-{slug}.png", png)
            if os.environ.get(SVG_ENV):  # SVG only when asked (svcwork run/batch --svg): drawing it costs seconds
                save_figure(fig, folder, f"{section}-{slug}", formats=("svg",))
            figures.append({"file": f"{section}-{slug}.png", "title": title, "alt": title, "layout": layout,
                            "takeaway": takeaways.get(slug, "")})  # the same PNG on the page and the slide
        close(fig)
    if output_dir:
        record(result, section=section, output_dir=output_dir, lang=lang, tables=tables, figures=figures,
               findings=findings)


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
        from .tables import translate

        eng = self.engagement
        rows = []
        for s in SHEETS:
            if s.settings:
                continue
            rows.append((s.title(lang), s.row_he if lang == "he" else s.row_en, len(eng.tables[s.key]), None))
        for c in COMPANIONS:
            frame = getattr(eng, c.key)
            cases = (int(frame["case_id"].nunique()) if c.key == "cases" and frame is not None and "case_id" in frame.columns
                     else None)
            rows.append((c.title(lang), c.row_he if lang == "he" else c.row_en, None if frame is None else len(frame), cases))
        keys = {"data": "report.col.data", "row_is": "report.col.row_is", "rows": "report.col.rows",
                "cases": "report.col.cases"}
        inventory = pd.DataFrame(rows, columns=list(keys)).astype({"rows": "Int64", "cases": "Int64"})
        if inventory["cases"].isna().all():
            inventory = inventory.drop(columns="cases")
        inventory = translate(inventory, keys, lang)
        return {"inventory": inventory, "problems": problems_table(eng.problems, lang)}

    def figures(self, lang: str) -> dict:
        return {}

    def key_figures(self) -> tuple[KeyFigure, ...]:
        """The intake's figures the report quotes: its data-quality warnings."""
        return (KeyFigure("intake.warnings", len(self.engagement.warnings), "count", "intake", table="problems"),)

    def findings(self, lang: str, *, marked: bool = False) -> list[str]:
        eng = self.engagement
        warnings = self.key_figures()[0]
        text = t("report.finding.intake", lang, n=warnings.value, organization=eng.settings.organization,
                 start=fmt_date(eng.settings.period_start, lang), end=fmt_date(eng.settings.period_end, lang),
                 warnings=quote(warnings, lang))
        return [text if marked else plain(text)]

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
def load_sections(out: Path) -> dict[str, dict]:
    """The section records a run wrote under ``<out>/sections/`` (``{section key: record}``, report order)."""
    found = {}
    for s in _recorded():
        p = _sections_dir(out) / f"{s.key}.json"
        if p.is_file():
            found[s.key] = json.loads(p.read_text(encoding="utf-8"))
    return found


def load_tables(out: Path) -> dict[str, dict[str, pd.DataFrame]]:
    """The recorded tables of each section (``{section key: {slug: frame}}``), in the order recorded."""
    found = {}
    for s in _recorded():
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
    # the registry of the figures the report's words quote (svcwork.keyfigures)
    out["key_figures"] = {**{f.key: f.as_record() for f in CONVENTIONS},
                          **{f["key"]: f for sec in sections.values() for f in sec.get("key_figures") or []}}
    return json_ready(out)


#: Set (to any text) in the environment of the kernel, each figure is also saved as SVG.
SVG_ENV = "SVCWORK_SVG"


#: Section keys that mean something only inside their section (``sections.<key>.<name>``).
_SECTION_ONLY = frozenset({"available"})


def tables_by_role(record: Mapping, frames: Mapping[str, pd.DataFrame], lang: str
                   ) -> tuple[list[tuple[dict, pd.DataFrame]], list[tuple[dict, pd.DataFrame]], list[str]]:
    """A recorded section's tables as every output places them (:func:`table_role`): the body's key
    tables and the data-quality appendix's tables, each ``(spec, frame)`` in recorded order, and the
    results.xlsx sheet names of its detail tables."""
    specs = record.get("tables")
    if specs is None:  # a record written before tables were described in it
        specs = _table_specs(record["section"], frames, lang)
    body, quality, detail = [], [], []
    for spec in specs:
        frame = frames.get(spec["slug"])
        if frame is None:
            continue
        if spec["role"] == "detail":
            detail.append(spec["sheet"])
        else:
            (quality if spec["role"] == "quality" else body).append((spec, frame))
    return body, quality, detail


def _figure_html(fig: Mapping, png: bytes, *, number: int, lang: str, data_table: str = "") -> str:
    """A chart of the report: the picture, then "Figure N. caption" and its one-line takeaway, and the
    values it plots (*data_table*, :func:`figure_data_table`) in a disclosure under it."""
    layout = _FIGURE_CLASS.get(fig.get("layout") or "")
    cls = f" class='{layout}'" if layout else ""
    alt = html.escape(fig.get("alt") or fig.get("title") or "")
    data = base64.b64encode(png).decode("ascii")
    label = html.escape(t("report.figure_label", lang, n=number))
    caption = f"<span class='fig-no'>{label}</span> {html.escape(fig.get('title') or '')}"
    if fig.get("takeaway"):
        caption += f"<span class='takeaway'>{to_html(fig['takeaway'])}</span>"
    table = ""
    if data_table:  # the plotted values, a table under the figure (WCAG 2.1 SC 1.1.1, 1.3.1)
        summary = html.escape(t("access.data.summary", lang, n=number))
        table = (f"<details class='figure-data' id='figure-{number}-data'><summary>{summary}</summary>"
                 + data_table + "</details>")
    # role=group: the tagged PDF has one Figure (the picture, with its alternative) inside a group with its caption
    return (f"<figure id='figure-{number}'{cls} role='group'><img alt='{alt}' src='data:image/png;base64,{data}'/>"
            f"<figcaption>{caption}</figcaption></figure>{table}")


def figure_data_table(fig: Mapping, *, number: int, lang: str) -> str:
    """The values a recorded figure plots as a captioned table (every row): under the figure on screen
    and, in print, in the report's appendix of the figures' data."""
    from .alttext import shown_frame

    return table_html(shown_frame(fig["data"], lang), lang=lang, max_rows=len(fig["data"].get("rows") or []),
                      caption=t("access.data.caption", lang, n=number, title=fig.get("title") or ""))


def _section_html(record: Mapping, frames: Mapping[str, pd.DataFrame], out: Path, *,
                  lang: str, numbers: Iterator[int]) -> tuple[list[str], list[str], list[str], list[str]]:
    """A recorded section as HTML: the fragments of its body (heading, skipped sentence or findings,
    key tables, figures numbered from *numbers*), those for the data-quality appendix, the sheet
    names of its detail tables left to results.xlsx, and its figures' data tables (for print)."""
    d = direction(lang)
    title = record.get("title") or t(f"report.section.{record['section']}", lang)
    body = [f"<h2 dir='{d}'>{html.escape(title)}</h2>"]
    quality: list[str] = []
    detail: list[str] = []
    data: list[str] = []
    if not record["available"]:
        if record.get("skipped") is not None:
            body.append(f"<p class='skipped' dir='{d}'>{html.escape(record['skipped'])}</p>")
        return body, quality, detail, data
    if record.get("findings"):
        from .alttext import abbr_html

        seen: set[str] = set()  # an abbreviation is expanded at its first use in the section (WCAG 2.1 SC 3.1.4)
        items = "".join(f"<li>{abbr_html(to_html(f), lang, seen)}</li>" for f in record["findings"])
        body.append(f"<ul class='findings' dir='{d}'>{items}</ul>")
    shown, checks, detail = tables_by_role(record, frames, lang)
    for spec, frame in shown + checks:
        fragment = table_html(frame, lang=lang, caption=spec.get("caption"), max_rows=spec.get("max_rows") or BODY_ROWS,
                              sheet=spec.get("sheet"), role=spec["role"], table_id=spec.get("id"))
        (quality if spec["role"] == "quality" else body).append(fragment)
    for fig in record.get("figures", []):
        png = out / "figures" / Path(fig["file"]).name  # figures/ only
        if png.is_file():
            number = next(numbers)
            table = figure_data_table(fig, number=number, lang=lang) if fig.get("data") else ""
            body.append(_figure_html(fig, png.read_bytes(), number=number, lang=lang, data_table=table))
            if table:  # the printed report gathers the figures' data in an appendix: the same table
                data.append(table)
    return body, quality, detail, data




def _since(out: Path, engagement: Any, summary: Mapping[str, Any], rounds: Any, *, lang: str,
           cache_dir: str | os.PathLike | None = None) -> tuple[Any, Any]:
    """Keep this round's compact record (``round/``) and, when the client has an earlier round
    (*rounds*, :class:`svcwork.since.history.Rounds`), record the comparison as the section
    ``since``; returns this round and the :class:`~svcwork.since.Since` (or None).  The case log
    the journeys notebook analysed (kept in *cache_dir*) is not analysed again."""
    from .runcache import remembered
    from .since import RECORD_DIR, Round, record as round_record, write_record

    journeys = remembered(cache_dir, engagement, "journeys")
    rec = round_record(engagement, log=getattr(journeys, "log", None))
    write_record(out / RECORD_DIR, rec)
    current = Round.from_record(summary, rec)
    if rounds is None or rounds.previous is None:
        return current, None
    from .since.section import write_section

    return current, write_section(out, current, rounds, lang=lang,
                                  accent=getattr(engagement.settings, "accent_color", None))


def client_commentary(engagement: Any, *, lang: str) -> tuple[Commentary, list[str]]:
    """The consultant's commentary beside the client's data (:mod:`svcwork.commentary`) and the
    problems to show with it (unknown headings, an unreadable file): never an error that stops
    the report, and nothing silently dropped."""
    folder = getattr(engagement, "folder", None)
    if folder is None:
        return Commentary(), []
    try:
        notes = read_commentary(folder, lang=lang, sections=[s.key for s in _recorded() if s.key != "intake"])
    except InputFileError as exc:
        return Commentary(), [str(exc)]
    return notes, notes.warnings(lang)


def commentary_html(notes: Commentary, key: str, lang: str) -> str:
    """One part of the commentary as the report shows it: labelled as the consultant's text."""
    label = html.escape(t("report.commentary.label", lang))
    return (f"<aside class='commentary' dir='{direction(lang)}' aria-label='{label}'>"
            f"<p class='commentary-label'>{label}</p>{notes.html(key) or ''}</aside>")


def show_commentary(engagement: Any, *, section: str, lang: str) -> None:
    """Display the consultant's commentary for *section* in a notebook (nothing when there is none);
    the intake notebook shows the opening note and any problem with the commentary file."""
    notes, problems = client_commentary(engagement, lang=lang)
    part = OPENING if section == "intake" else section  # the intake notebook opens with the opening note
    if notes.get(part) is not None:
        _display_html(commentary_html(notes, part, lang))
    for problem in problems if section == "intake" else ():
        _display_html(f"<p class='note' dir='{direction(lang)}'>{html.escape(problem)}</p>")


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


def assemble(out: str | os.PathLike, engagement: Any, *, lang: str,
             notebooks: Sequence[Path] | None = None, rounds: Any = None,
             on_html: Callable[[Path], Any] | None = None,
             cache_dir: str | os.PathLike | None = None) -> dict[str, Path]:
    """Build report.html, summary.json, results.xlsx, slides.pptx and report.docx (the editable Word
    document, :mod:`svcwork.word`) in *out* from the sections the notebooks recorded there
    (:func:`record`); the notebooks' output is never read.

    *notebooks*, when given, are the notebooks that ran: a section is in the report body when its
    notebook is among them and it was recorded.  *on_html* is called with *out* once report.html
    and summary.json are written, before the office files (``svcwork run`` starts printing the
    PDF there).  *cache_dir* is the run's cache (:func:`svcwork.links.remember`): what the notebooks
    kept there is not computed again.
    """
    from .charts import accent
    from .recommendations import chapter as recommendations_chapter
    from .word import write_report_docx  # the DOCX writer reads this module's records

    from .since.section import history_block

    out = Path(out)
    sections = load_sections(out)
    summary = build_summary(engagement, sections)
    current, since = _since(out, engagement, summary, rounds, lang=lang, cache_dir=cache_dir)
    if since is not None:  # its section is recorded now: its figures join the registry
        sections = load_sections(out)
        summary = build_summary(engagement, sections)
    tables = load_tables(out)
    summary["since"] = since.summary() if since is not None else None
    summary["history"] = history_block(rounds, current)
    notes, note_problems = client_commentary(engagement, lang=lang)
    summary["commentary"] = {"file": notes.source, "parts": sorted(notes.parts),
                             "unknown": [heading for heading, _ in notes.unknown]}
    ran = None if notebooks is None else {Path(p).name for p in notebooks}
    wanted = set(getattr(engagement.settings, "sections", ()) or (s.key for s in SECTIONS))
    summary["not_requested"] = [s.key for s in SECTIONS if s.key not in wanted]  # the Engagement's sections setting
    blocks, quality, figure_data = [], [], []
    numbers = itertools.count(1)
    quote = "„{}”" if lang == "he" else "“{}”"
    for s in report_order(engagement, sections):
        if s.key not in sections or (s is not SINCE and (s.key not in wanted or (ran is not None and s.notebook not in ran))):
            continue
        body, checks, detail, data = _section_html(sections[s.key], tables.get(s.key, {}), out, lang=lang,
                                                   numbers=numbers)
        figure_data.extend(data)
        if notes.get(s.key) is not None:  # the consultant's words open the section, marked as theirs
            body.insert(1, commentary_html(notes, s.key, lang))
        if detail:  # detail tables: named here, in full in results.xlsx
            note = t("report.detail_tables", lang, sheets=", ".join(quote.format(d) for d in detail))
            body.append(f"<p class='note detail-tables'>{html.escape(note)}</p>")
        if s.key == "intake":
            quality[:0] = body
        else:
            blocks.append({"key": s.key, "title": s.title(lang), "html": "\n".join(body)})
        quality.extend(checks)
    from .charts import accent_warning

    darkened = accent_warning(getattr(engagement.settings, "accent_color", None), lang)
    if darkened:  # the client's accent was too light for text: said where the data's caveats are
        quality.insert(0, f"<p class='note accent-warning'>{html.escape(darkened)}</p>")
    raw_executive = executive_summary(summary, lang=lang, services=_intake_table(engagement, "Services"),
                                      kpis=_intake_table(engagement, "KPIs"),
                                      overdue=tables.get("management", {}).get("actions_overdue"))
    if since is not None:  # what changed since the last report opens the executive summary
        from .since.present import executive as since_executive

        raw_executive.insert(0, {"key": "since", "title": t("report.section.since", lang), "missing": False,
                                 **since_executive(since, lang)})
    raw_tiles = dashboard(summary, lang=lang)
    chapter = recommendations_chapter(engagement, summary, lang)
    chapter_html = {**chapter, "items": [{**item, "evidence": [to_html(e) for e in item["evidence"]]}
                                         for item in chapter["items"]]}
    executive = [{**b, **{part: [to_html(x) for x in b[part]] for part in ("lead", "items", "lines")}}
                 for b in raw_executive]
    tiles = [{"key": d.key, "title": d.title, "value": to_html(d.value), "base": to_html(d.base), "status": d.status,
              "reading": to_html(d.reading), "section": d.section} for d in raw_tiles]
    registry = from_records(summary["key_figures"])
    in_report = {b["key"]: b["title"] for b in blocks} | {"summary": t("report.executive_summary", lang)}
    shown = {f"{k}.{spec['slug']}" for k, sec in sections.items() if k in in_report
             for spec in sec.get("tables") or [] if spec.get("role") == "key"}
    # the appendix defines what the report's words quote (summary.json keeps every figure)
    prose = [x for b in raw_executive for part in ("lead", "items", "lines") for x in b[part]]
    prose += [x for d in raw_tiles for x in (d.value, d.base, d.reading)]
    prose += [e for item in chapter["items"] for e in item["evidence"]]
    prose += [f for sec in sections.values() for f in sec.get("findings") or []]
    prose += [fig.get("takeaway") or "" for sec in sections.values() for fig in sec.get("figures") or []]
    quoted = {key for x in prose for key, _, _ in quotes(x)}
    figures_appendix = key_figures_html(registry, lang=lang, sections=in_report, quoted=quoted,
                                        tables={tid: table_anchor(tid) for tid in shown})
    skipped = [sections[k]["skipped"] for k in sections if not sections[k]["available"] and sections[k].get("skipped")]
    # each section's own account of its methods, else the general one
    methods = [(s.title(lang), sections[s.key].get("methods") or [t(f"report.methods.{s.key}", lang)])
               for s in _recorded() if s.key in sections]
    st = engagement.settings
    page = _render(
        "report.html.j2", lang=lang, dir=direction(lang), css=_css(), accent=accent(st.accent_color),
        t=lambda key, **kw: t(key, lang, **kw), organization=st.organization, unit=st.unit,
        consultant=st.consultant, vision=st.service_vision, values=list(st.service_values),
        period=f"{fmt_date(st.period_start, lang)} – {fmt_date(st.period_end, lang)}",
        executive=executive, tiles=tiles, key_figures=figures_appendix, skipped=skipped, methods=methods,
        opening=commentary_html(notes, OPENING, lang) if notes.get(OPENING) else "",
        recommendations=chapter_html,
        commentary_problems=note_problems,
        version=__version__,
        blocks=blocks, quality="\n".join(quality), figure_data="\n".join(figure_data))
    paths = {
        "report": atomic_write_text(out / "report.html", page),
        "summary": atomic_write_text(out / "summary.json", json.dumps(summary, ensure_ascii=False, indent=1,
                                                                      sort_keys=True) + "\n"),
    }
    if on_html is not None:
        on_html(out)
    paths |= {
        "results": write_results_workbook(out / "results.xlsx", tables, lang=lang),
        "slides": _write_slides(out, sections, engagement, lang=lang, chapter=chapter,
                                include={b["key"] for b in blocks}, notes=notes),
        "docx": write_report_docx(out / "report.docx", out, engagement, lang=lang, executive=raw_executive,
                                  tiles=raw_tiles, commentary=notes, recommendations=chapter["items"],
                                  include=["intake", *(b["key"] for b in blocks)]),
    }
    return paths


def _write_slides(out: Path, sections: Mapping[str, Mapping], engagement: Any, *, lang: str,
                  chapter: Mapping[str, Any] | None = None, include: set[str] | None = None,
                  notes: Commentary | None = None) -> Path:
    """slides.pptx: the consultant's opening note, the recommendations (one slide each, with their
    evidence), the consultant's notes on each section, then every chart of the report, one per
    slide, numbered and titled as in the report (ready for the consultant's deck)."""
    from .slides import write_slides

    texts = [(f"{item['rec_id']} · {item['recommendation']}", [plain(e) for e in item["evidence"]])
             for item in (chapter or {}).get("items", [])]
    if notes is not None:  # the consultant's commentary: the opening note first, then by section
        label = t("report.commentary.label", lang)
        for key in (OPENING, *(s.key for s in ordered_sections(engagement) if include is None or s.key in include)):
            if notes.get(key) is not None:
                where = t("report.executive_summary", lang) if key == OPENING else t(f"report.section.{key}", lang)
                texts.insert(0 if key == OPENING else len(texts), (f"{label} · {where}", markdown_paragraphs(notes.get(key))))
    slides = []
    for s in report_order(engagement, sections):
        if include is not None and s.key not in include:
            continue
        for fig in (sections.get(s.key) or {}).get("figures", []):
            png = out / "figures" / fig["file"]  # the report's own PNG, scaled to the slide
            if png.is_file():
                number = len(slides) + 1  # the report's figure number (same order)
                slides.append((f"{t('report.figure_label', lang, n=number)} {fig['title']}", png.read_bytes(),
                               plain(fig.get("takeaway") or ""), fig.get("alt") or ""))
    st = engagement.settings
    return write_slides(out / "slides.pptx", slides, texts=texts, title=st.organization,
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

    Pass packs built by :func:`svcwork.unit_signals.manager_packs` (KPIs and actions placed by
    ownership, the unit's signals and case figures).  Every number of the focus points and case
    lines links to its definition on the page (the pack's key figures, also written beside the
    page as ``<unit>.figures.json``).  Numbers that round to zero are shown as 0, never "-0".
    """
    from .charts import accent
    from .paths import client_slug

    st = engagement.settings
    written = []
    used: set[str] = set()
    for pack in packs:
        frames = pack.tables(lang)
        if not getattr(pack, "has_content", bool(frames)):  # nothing above the minimum group size: no page
            continue
        tables = [(t(f"report.unit_table.{slug}", lang),  # each table captioned as well as headed (WCAG 1.3.1)
                   table_html(frame, lang=lang, caption=f"{t(f'report.unit_table.{slug}', lang)} · {pack.unit}"))
                  for slug, frame in frames.items()]
        figures = registry(getattr(pack, "key_figures", tuple)())
        page = _render("unit.html.j2", lang=lang, dir=direction(lang), css=_css(), accent=accent(st.accent_color),
                       t=lambda key, **kw: t(key, lang, **kw), organization=st.organization, unit=pack.unit,
                       period=f"{fmt_date(st.period_start, lang)} – {fmt_date(st.period_end, lang)}",
                       focus=[to_html(f) for f in pack.focus_points(lang, marked=True)],
                       cases=[to_html(c) for c in pack.case_lines(lang, marked=True)] if hasattr(pack, "case_lines") else [],
                       tables=tables, version=__version__,
                       key_figures=key_figures_html(figures, lang=lang, sections={}))
        name = client_slug(pack.unit) or "unit"
        while name in used:
            name += "-"
        used.add(name)
        # the pack's own figures beside it (the consistency test traces its focus points to them)
        atomic_write_text(Path(output_dir) / "units" / f"{name}.figures.json",
                          json.dumps({k: f.as_record() for k, f in figures.items()}, ensure_ascii=False, indent=1))
        written.append(atomic_write_text(Path(output_dir) / "units" / f"{name}.html", page))
    return written
