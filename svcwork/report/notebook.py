"""What a notebook shows: one analysis (heading, findings, tables, figures) displayed and, with an
``output_dir``, recorded for the report (:mod:`.records`) with its figures saved; the intake review;
the consultant's commentary; the key figures nbval compares."""

from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from ..charts import close, figure_bytes, save_figure
from ..commentary import OPENING
from ..common import json_ready
from ..errors import problems_frame
from ..i18n import direction, fmt_date, t
from ..keyfigures import KeyFigure, plain, quote, to_html
from ..paths import atomic_write_bytes
from ..results_book import caption as _caption
from ..sections import NOTEBOOK_ROWS
from .assembly import client_commentary
from .pieces import LANDSCAPE_MIN_WIDTH_IN, commentary_html, table_html
from .records import AnalysisResult, _marked_findings, _table_specs, _takeaways, record

__all__ = ["show_result", "show_intake", "show_commentary", "IntakeReview", "problems_table", "key_figures", "SVG_ENV"]


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
        items = "".join(f"<li>{to_html(f, link=False, lang=lang)}</li>" for f in findings)
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
            _display_html(f"<p class='takeaway' dir='{direction(lang)}'>{to_html(takeaways[slug], link=False, lang=lang)}</p>")
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
        from ..schema import COMPANIONS, SHEETS
        from ..tables import translate

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
    from ..i18n import t as tr

    frame = problems_frame(problems).drop(columns=["expected"])
    frame["severity"] = [tr(f"severity.{s}", lang) for s in frame["severity"]]
    return frame.rename(columns={c: tr(f"field.{c}", lang) for c in frame.columns})


def show_intake(engagement: Any, *, lang: str, output_dir: str | os.PathLike | None = None) -> IntakeReview:
    """Display the intake review (settings, inventory, warnings) and record it."""
    review = IntakeReview(engagement)
    show_result(review, section="intake", lang=lang, output_dir=output_dir)
    return review


#: Set (to any text) in the environment of the kernel, each figure is also saved as SVG.
SVG_ENV = "SVCWORK_SVG"


def show_commentary(engagement: Any, *, section: str, lang: str) -> None:
    """Display the consultant's commentary for *section* in a notebook (nothing when there is none);
    the intake notebook shows the opening note and any problem with the commentary file."""
    notes, problems = client_commentary(engagement, lang=lang)
    part = OPENING if section == "intake" else section  # the intake notebook opens with the opening note
    if notes.get(part) is not None:
        _display_html(commentary_html(notes, part, lang))
    for problem in problems if section == "intake" else ():
        _display_html(f"<p class='note' dir='{direction(lang)}'>{html.escape(problem)}</p>")


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
