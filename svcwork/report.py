"""The per-client report: what notebooks show, what is recorded, and how it is assembled.

Inside a notebook, :func:`show_result` displays one analysis (heading, findings, tables,
figures) and — when the notebook runs with an ``output_dir`` — records the result's key
figures and tables under ``<output_dir>/sections/`` and saves every figure as PNG and SVG
under ``<output_dir>/figures/``.  After all notebooks ran, :func:`assemble` builds:

- ``report.html``: self-contained (figures embedded, CSS inline, no script, no network),
  right-to-left for Hebrew, made of the notebooks' displayed outputs (never code), with an
  executive summary from the recorded findings and data-quality and methods appendices;
- ``summary.json``: key figures from the analyses' result objects (not scraped from
  notebook output), the input files' SHA-256 and the svcwork version;
- ``results.xlsx``: every recorded table (RTL sheets for Hebrew; client text as text).
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
from .i18n import direction, fmt_date, t
from .paths import atomic_write_bytes, atomic_write_text, templates_dir

__all__ = ["SECTIONS", "Section", "show_result", "show_intake", "table_html", "record", "assemble",
           "build_summary", "write_results_workbook", "json_ready", "key_figures", "problems_table",
           "write_unit_packs"]


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


#: How many leading findings of each analysis the executive summary carries.
EXECUTIVE_FINDINGS = 3


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
        return f"<td class='num'>{text}</td>"
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
        return f"<td class='num'>{html.escape(fmt_date(value, lang))}</td>"
    text = str(value)
    cls = " class='num'" if _NUM.match(text) else " class='long'" if len(text) > 60 else ""  # reasons, comments
    return f"<td{cls}>{html.escape(text)}</td>"


def table_html(frame: pd.DataFrame, *, lang: str, caption: str | None = None, max_rows: int = 60) -> str:
    """A table as escaped HTML in the report's style (client text is data, never markup)."""
    shown = frame.head(max_rows)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown.columns)
    body = "".join("<tr>" + "".join(_cell(v, lang) for v in row) + "</tr>"
                   for row in shown.itertuples(index=False, name=None))
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    more = ""
    if len(frame) > max_rows:
        more = f"<p class='note'>{html.escape(t('report.more_rows', lang, shown=max_rows, total=len(frame)))}</p>"
    return (f"<div class='svc-table' dir='{direction(lang)}'><table>{cap}<thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>{more}</div>")


def _caption(section: str, slug: str, lang: str) -> str | None:
    from .i18n import CATALOGUE

    key = f"report.caption.{section}.{slug}"
    return t(key, lang) if key in CATALOGUE else None


def _display_html(markup: str) -> None:
    from IPython.display import HTML, display

    display(HTML(markup))


def _display_png(png: bytes, *, alt: str) -> None:
    from IPython.display import Image, display

    display(Image(data=png, format="png", metadata={"alt": alt}))


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
    for slug, frame in tables.items():
        _display_html(table_html(frame, lang=lang, caption=_caption(section, slug, lang)))
    figures = []
    for slug, fig in result.figures(lang).items():
        title = _caption(section, slug, lang) or _figure_title(fig) or t(f"report.section.{section}", lang)
        png = figure_bytes(fig, "png")  # rendered once: shown here, embedded in the report, saved
        _display_png(png, alt=title)
        if output_dir:
            folder = Path(output_dir) / "figures"
            atomic_write_bytes(folder / f"{section}-{slug}.png", png)
            save_figure(fig, folder, f"{section}-{slug}", formats=("svg",))
            figures.append({"file": f"{section}-{slug}.png", "title": title})
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
        "sections": {k: {"available": v["available"]} for k, v in sections.items()},
    }
    for key, sec in sections.items():
        for name, value in (sec.get("summary") or {}).items():
            out[name] = value
    return json_ready(out)


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
                alt = html.escape(str(output.get("metadata", {}).get("image/png", {}).get("alt", "")
                                      or output.get("metadata", {}).get("alt", "")))
                parts.append(f"<figure><img alt='{alt}' src='data:image/png;base64,{data['image/png'].strip()}'/>"
                             f"</figure>")
            elif "text/html" in data:
                parts.append("".join(data["text/html"]) if isinstance(data["text/html"], list) else data["text/html"])
    return parts


def _render(template: str, **context: Any) -> str:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir() / "report")),
                             autoescape=jinja2.select_autoescape(["html", "j2"]), undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    return env.get_template(template).render(**context)


def _css() -> str:
    return (templates_dir() / "report" / "report.css").read_text(encoding="utf-8")


def write_results_workbook(path: Path, tables: Mapping[str, Mapping[str, pd.DataFrame]], *, lang: str) -> Path:
    """results.xlsx: one sheet per table (RTL for Hebrew, styled header, frozen, filtered, text as text)."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from .workbook import save_workbook, set_text

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    header_fill = PatternFill("solid", fgColor="1F4E79")
    for section, frames in tables.items():
        for slug, frame in frames.items():
            base = re.sub(r"[\[\]:*?/\\]", "-", f"{section[:4]}-{slug}")[:31]
            name, i = base, 2
            while name.casefold() in used:
                name = f"{base[:28]}-{i}"
                i += 1
            used.add(name.casefold())
            ws = wb.create_sheet(name)
            ws.sheet_view.rightToLeft = lang == "he"
            for j, col in enumerate(frame.columns, start=1):
                c = set_text(ws.cell(row=1, column=j), str(col))
                c.font = Font(bold=True, color="FFFFFF")
                c.fill = header_fill
                c.alignment = Alignment(wrap_text=True, vertical="top")
                ws.column_dimensions[get_column_letter(j)].width = min(40, max(10, len(str(col)) + 2))
            for i_row, row in enumerate(frame.itertuples(index=False, name=None), start=2):
                for j, value in enumerate(row, start=1):
                    value = json_ready(value) if not isinstance(value, str) else value
                    if isinstance(value, (list, dict)):
                        value = json.dumps(value, ensure_ascii=False)
                    cell = set_text(ws.cell(row=i_row, column=j), value)
                    if isinstance(value, float):
                        cell.number_format = "#,##0.00" if abs(value) >= 1 else "0.000"
            ws.freeze_panes = "A2"
            if len(frame.columns):
                ws.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{max(1, len(frame) + 1)}"
    if not wb.sheetnames:
        wb.create_sheet("-")
    return save_workbook(wb, path)


def assemble(out: str | os.PathLike, engagement: Any, *, lang: str, notebooks: Sequence[Path]) -> dict[str, Path]:
    """Build report.html, summary.json and results.xlsx in *out* from the executed notebooks."""
    from .charts import accent

    out = Path(out)
    sections = _load_sections(out)
    summary = build_summary(engagement, sections)
    by_name = {p.name: p for p in notebooks}
    blocks = []
    for s in SECTIONS:
        p = by_name.get(s.notebook)
        if p is None or not p.is_file():
            continue
        blocks.append({"key": s.key, "title": s.title(lang), "html": "\n".join(_notebook_fragments(p))})
    # the executive summary: each analysis's leading findings (the full lists stand in their sections)
    findings = [f for key in ("prioritization", "journeys", "measures", "management")
                for f in (sections.get(key, {}).get("findings") or [])[:EXECUTIVE_FINDINGS]]
    skipped = [sections[k]["skipped"] for k in sections if not sections[k]["available"] and sections[k].get("skipped")]
    methods = [(s.title(lang), t(f"report.methods.{s.key}", lang)) for s in SECTIONS if s.key in sections]
    st = engagement.settings
    page = _render(
        "report.html.j2", lang=lang, dir=direction(lang), css=_css(), accent=accent(st.accent_color),
        t=lambda key, **kw: t(key, lang, **kw), organization=st.organization, unit=st.unit,
        consultant=st.consultant, vision=st.service_vision, values=list(st.service_values),
        period=f"{fmt_date(st.period_start, lang)} – {fmt_date(st.period_end, lang)}",
        findings=findings, skipped=skipped, methods=methods, version=__version__,
        blocks=[b for b in blocks if b["key"] != "intake"], quality=[b for b in blocks if b["key"] == "intake"])
    paths = {
        "report": atomic_write_text(out / "report.html", page),
        "summary": atomic_write_text(out / "summary.json", json.dumps(summary, ensure_ascii=False, indent=1,
                                                                      sort_keys=True) + "\n"),
        "results": write_results_workbook(out / "results.xlsx", _load_tables(out), lang=lang),
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
    never "-0".
    """
    from .charts import accent
    from .paths import client_slug

    def no_negative_zero(frame: pd.DataFrame) -> pd.DataFrame:
        f = frame.copy()
        for col in f.columns:
            if pd.api.types.is_float_dtype(f[col]):
                f[col] = f[col] + 0.0  # -0.0 + 0.0 == +0.0
            elif f[col].dtype == object:
                f[col] = f[col].map(lambda v: v + 0.0 if isinstance(v, (float, np.floating)) else v)
        return f

    st = engagement.settings
    written = []
    used: set[str] = set()
    for pack in packs:
        frames = pack.tables(lang)
        if not frames:  # nothing above the minimum group size to show: no page (it would only reveal the unit)
            continue
        tables = [(t(f"report.unit_table.{slug}", lang), table_html(no_negative_zero(frame), lang=lang))
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
