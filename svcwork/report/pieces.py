"""The report's HTML pieces: table cells written by their column's kind, tables, figures with their
data, the consultant's commentary, and the templates they are rendered with (report.html, the unit
pages, the portfolio page)."""

from __future__ import annotations

import base64
import datetime as dt
import html
import math
import re
from typing import Any, Mapping

import numpy as np
import pandas as pd

from ..commentary import Commentary
from ..i18n import direction, fmt_date, isolate_signs, t, unsigned_zero
from ..keyfigures import to_html
from ..paths import templates_dir
from ..sections import table_anchor
from ..tables import shown_kinds

__all__ = ["typed_text", "table_html", "figure_data_table", "commentary_html", "LANDSCAPE_MIN_WIDTH_IN"]

#: How a figure of each layout is marked in the report (see :func:`_figure_layout`).
_FIGURE_CLASS = {"landscape": "landscape", "tall": "tall"}

#: A figure at least this wide (inches; slide-sized maps) is printed turned on a page of its own.
LANDSCAPE_MIN_WIDTH_IN = 12.0


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
    if kind is not None and kind.startswith("fixed"):  # plain numbers, one precision per column (tables.decimals)
        return unsigned_zero(f"{f:,.{int(kind[5:])}f}")
    return None


def typed_text(value: Any, lang: str, kind: str | None = None) -> str:
    """A table cell's text as every output writes it (HTML, DOCX): typed columns by their kind,
    other numbers by their size, dates by the language, '—' for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return "—"
    if isinstance(value, (bool, np.bool_)):
        return t("template.yes" if value else "template.no", lang)
    if kind in ("days", "hours") and isinstance(value, (int, np.integer)):
        return f"{int(value):,}"  # a count of whole days (days overdue) is whole, as results.xlsx shows it
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
    if _NUM.match(text):  # a number as text: the cell itself is isolated left to right (report.css)
        return f"<td class='num'>{html.escape(text)}</td>"
    cls = " class='long'" if len(text) > 60 else ""  # reasons, comments
    return f"<td{cls}>{html.escape(isolate_signs(text, lang))}</td>"  # "-7.9" in a Hebrew sentence, never "7.9-"


def table_html(frame: pd.DataFrame, *, lang: str, caption: str | None = None, max_rows: int = 60,
               sheet: str | None = None, role: str | None = None, table_id: str | None = None) -> str:
    """A table as escaped HTML in the report's style (client text is data, never markup).

    At most *max_rows* rows are shown, with a note that the full table is in results.xlsx (on
    *sheet*, when given).  *role* (``"key"`` or ``"detail"``, see :func:`table_role`),
    *table_id* and *sheet* are written as ``data-`` attributes for the report assembler.
    """
    from ..alttext import abbr_html

    shown = frame.head(max_rows)
    # header cells name their column (WCAG 2.1 SC 1.3.1), abbreviations expanded (SC 3.1.4)
    head = "".join(f"<th scope='col'>{abbr_html(html.escape(str(c)), lang)}</th>" for c in shown.columns)
    kinds = shown_kinds(frame)  # typed columns by their kind, plain numbers one precision per column
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


def _figure_html(fig: Mapping, png: bytes, *, number: int, lang: str, data_table: str = "") -> str:
    """A chart of the report: the picture, then "Figure N. caption" and its one-line takeaway, and the
    values it plots (*data_table*, :func:`figure_data_table`) in a disclosure under it."""
    layout = _FIGURE_CLASS.get(fig.get("layout") or "")
    cls = f" class='{layout}'" if layout else ""
    alt = html.escape(fig.get("alt") or fig.get("title") or "")
    # the PDF's alternative (its data tables are in the appendix), set on the picture when printing (svcwork.pdf)
    pdf_alt = (fig.get("alt_for") or {}).get("pdf")
    print_alt = f" data-pdf-alt='{html.escape(pdf_alt)}'" if pdf_alt else ""
    data = base64.b64encode(png).decode("ascii")
    label = html.escape(t("report.figure_label", lang, n=number))
    caption = f"<span class='fig-no'>{label}</span> {html.escape(fig.get('title') or '')}"
    if fig.get("takeaway"):
        caption += f"<span class='takeaway'>{to_html(fig['takeaway'], lang=lang)}</span>"
    table = ""
    if data_table:  # the plotted values, a table under the figure (WCAG 2.1 SC 1.1.1, 1.3.1)
        summary = html.escape(t("access.data.summary", lang, n=number))
        table = (f"<details class='figure-data' id='figure-{number}-data'><summary>{summary}</summary>"
                 + data_table + "</details>")
    # role=group: the tagged PDF has one Figure (the picture, with its alternative) inside a group with its caption
    return (f"<figure id='figure-{number}'{cls} role='group'><img alt='{alt}'{print_alt} src='data:image/png;base64,{data}'/>"
            f"<figcaption>{caption}</figcaption></figure>{table}")


def figure_data_table(fig: Mapping, *, number: int, lang: str) -> str:
    """The values a recorded figure plots as a captioned table (every row): under the figure on screen
    and, in print, in the report's appendix of the figures' data."""
    from ..alttext import shown_frame

    return table_html(shown_frame(fig["data"], lang), lang=lang, max_rows=len(fig["data"].get("rows") or []),
                      caption=t("access.data.caption", lang, n=number, title=fig.get("title") or ""))


def commentary_html(notes: Commentary, key: str, lang: str, *, base: int = 3) -> str:
    """One part of the commentary as the report shows it: labelled as the consultant's text, its
    headings nested from ``h{base}`` (one below the part's heading) without skipping a level."""
    label = html.escape(t("report.commentary.label", lang))
    return (f"<aside class='commentary' dir='{direction(lang)}' aria-label='{label}'>"
            f"<p class='commentary-label'>{label}</p>{notes.html(key, base=base) or ''}</aside>")


def _render(template: str, **context: Any) -> str:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_dir() / "report")),
                             autoescape=jinja2.select_autoescape(["html", "j2"]), undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    return env.get_template(template).render(**context)


def _css() -> str:
    return (templates_dir() / "report" / "report.css").read_text(encoding="utf-8")
