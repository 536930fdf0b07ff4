"""What a notebook records for the report assembler (``<output_dir>/sections/``) and how the
assembler reads it back: each section's findings, key figures, tables (with caption, results.xlsx
sheet and role) and figures (file, title, alternative text, layout, takeaway)."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path
from typing import Any, Mapping, Protocol, Sequence

import pandas as pd

from ..common import json_ready
from ..i18n import t
from ..keyfigures import plain
from ..paths import atomic_write_bytes, atomic_write_text
from ..results_book import caption as _caption, sheet_name
from ..sections import BODY_ROWS, BODY_ROWS_OF, table_role
from ..sections import recorded_sections as _recorded

__all__ = ["AnalysisResult", "record", "load_sections", "load_tables", "tables_by_role"]


class AnalysisResult(Protocol):  # what every analysis module's result offers
    available: bool

    def summary(self) -> dict: ...
    def tables(self, lang: str) -> Mapping[str, pd.DataFrame]: ...
    def figures(self, lang: str) -> Mapping[str, Any]: ...
    def findings(self, lang: str) -> list[str]: ...
    def skipped(self, lang: str) -> str: ...


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
    (``data``) for the data table under the figure (WCAG 2.1 SC 1.1.1, 1.3.1).  ``alt`` says the
    values are under the figure (report.html, report.docx); ``alt_for`` holds the alternative of
    each output that shows them elsewhere (``pdf``: in the appendix; ``pptx``: no table at all,
    :data:`svcwork.alttext.FORMAT_POINTERS`)."""
    from ..alttext import FORMAT_POINTERS, ChartData, alt_text, data_record

    title = str(figure.get("title") or "")
    layout = figure.get("layout") or "portrait"
    if data is None and isinstance(figure.get("data"), ChartData):  # a caller may pass the chart's data itself
        data = figure["data"]
    alt = alt_text(title, data, lang) if data is not None else plain(str(figure.get("alt") or title))
    return {"file": str(figure["file"]), "title": title, "alt": alt,
            "layout": layout if layout in ("portrait", "landscape", "tall") else "portrait",
            "takeaway": str(figure.get("takeaway") or ""),
            **({"data": data_record(data),
                "alt_for": {fmt: alt_text(title, data, lang, pointer=where) for fmt, where in FORMAT_POINTERS.items()}}
               if data is not None else {})}


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
    from ..alttext import figure_data_of

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
