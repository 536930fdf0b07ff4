"""The report's key-figures appendix: every figure its words quote, with its definition.

Each row has the id a quoted number links to (:func:`svcwork.keyfigures.figure_anchor`), so a
reader goes from any number of the executive summary, the dashboard or a section's findings to
what it counts, its base, its interval and the section that shows it, in one click.
"""

from __future__ import annotations

import html
from typing import Mapping

from .i18n import direction, t
from .keyfigures import KeyFigure, figure_anchor

__all__ = ["key_figures_html"]


def _section_link(figure: KeyFigure, lang: str, sections: Mapping[str, str], tables: Mapping[str, str]) -> str:
    """A link to the table that shows the figure when the report body has it, else to its section."""
    title = sections.get(figure.section)
    if title is None:
        return ""
    table = tables.get(f"{figure.section}.{figure.table}") if figure.table else None
    target = table or figure.section
    return f"<a href='#{html.escape(target, quote=True)}'>{html.escape(title)}</a>"


def key_figures_html(figures: Mapping[str, KeyFigure], *, lang: str, sections: Mapping[str, str],
                     tables: Mapping[str, str] | None = None, quoted: set[str] | None = None) -> str:
    """The appendix table: name, value, base, interval, definition and section of each figure.

    *sections* maps a section key to its title (the sections in the report: a figure of another
    section has no link); *tables* maps ``<section>.<slug>`` of the tables in the report body to
    their anchors (a figure whose table is there links to it); *quoted*, when given, limits the table to the figures the report's words
    quote (the rest stay in summary.json).
    """
    rows = []
    for key in sorted(figures, key=lambda k: (figures[k].section, k)):
        f = figures[key]
        if quoted is not None and key not in quoted:
            continue
        base = (t(f"figure.base.{f.base_of}", lang, n=f.base, count=f.shown(lang, "base"))
                if f.base is not None and f.base_of else "—")
        interval = (f"{f.shown(lang, 'low')} – {f.shown(lang, 'high')}" if f.low is not None and f.high is not None
                    else "—")
        rows.append(f"<tr id='{figure_anchor(key)}'><th scope='row'>{html.escape(f.label(lang))}</th>"
                    f"<td class='num'>{html.escape(f.shown(lang))}</td><td>{html.escape(base)}</td>"
                    f"<td class='num'>{html.escape(interval)}</td><td class='def'>{html.escape(f.definition(lang))}</td>"
                    f"<td>{_section_link(f, lang, sections, tables or {})}</td></tr>")
    if not rows:
        return ""
    head = "".join(f"<th scope='col'>{html.escape(t(f'report.kf.{c}', lang))}</th>"
                   for c in ("name", "value", "base", "interval", "definition", "section"))
    return (f"<div class='svc-table' dir='{direction(lang)}' tabindex='0'><table class='key-figures'>"
            f"<caption>{html.escape(t('report.kf.caption', lang))}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")
