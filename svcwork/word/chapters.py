"""report.docx, chapter by chapter, in the order of report.html (:func:`svcwork.report.assemble`):
cover, contents, dashboard, executive summary, recommendations, the analyses, then the
data-quality, methods and key-figures appendices."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd
from docx.shared import Pt

from ..charts import accent
from ..executive import CONVENTIONS
from ..i18n import fmt_date, t
from ..keyfigures import from_records, plain
from ..paths import atomic_write_bytes
from ..report import BODY_ROWS, SECTIONS, load_sections, load_tables, tables_by_role, typed_text
from ..tables import shown_kinds
from . import oxml
from .build import _NUMERIC, _STATUS_FILL, Writer, figure_bookmark
from .markdown import render_markdown

__all__ = ["write_report_docx", "report_docx_bytes", "REC_FIELDS"]

_SMALL = Pt(8)


def _get(obj: Any, name: str, default: Any = "") -> Any:
    """A field of a dashboard tile or recommendation, given as an object or a mapping."""
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _commentary(w: Writer, commentary: Any, key: str, *, level: int) -> None:
    """The consultant's text for *key* at the top of its part, in a labelled, shaded box."""
    text = commentary.get(key) if commentary is not None else None
    if not text or not str(text).strip():
        return
    cell = w.callout(t("report.commentary.label", w.lang))
    render_markdown(w, cell, str(text), level=level)


# ------------------------------------------------------------------------------------ front
def _cover(w: Writer, st: Any) -> None:
    """The title page: organisation, report title, unit, period, consultant, service vision and values."""
    lang = w.lang
    w.para(style="Title", text=st.organization, marked=False)
    w.para(style="Subtitle", text=t("report.title", lang), marked=False)
    unit, consultant, vision = (getattr(st, name, None) for name in ("unit", "consultant", "service_vision"))
    if unit:
        w.para(text=unit, marked=False, bold=True)
    period = f"{fmt_date(st.period_start, lang)} – {fmt_date(st.period_end, lang)}"
    w.para(text=f"{t('report.period', lang)}: {period}", marked=False)
    if consultant:
        w.para(text=f"{t('report.prepared_by', lang)}: {consultant}", marked=False)
    if vision:
        w.para(style="Quote", text=vision, marked=False)
    for value in getattr(st, "service_values", None) or ():
        w.para(style="List Bullet", text=str(value), marked=False)


def _dashboard(w: Writer, tiles: Sequence[Any]) -> None:
    lang = w.lang
    w.heading(t("report.dash.title", lang), 1, new_page=True, key="dashboard")
    rows = []
    for d in tiles:
        rows.append([(lambda p, d=d: w.run(p, _get(d, "title"), bold=True), False, str(_get(d, "title"))),
                     (lambda p, d=d: w.marked(p, _get(d, "value"), bold=True), True, plain(str(_get(d, "value")))),
                     (lambda p, d=d: w.marked(p, _get(d, "base")), False, plain(str(_get(d, "base")))),
                     (lambda p, d=d: w.marked(p, _get(d, "reading")), False, plain(str(_get(d, "reading"))))])
    table = w.grid(None, None, rows, size=Pt(10.5))
    if table is not None:
        for row, d in zip(table.rows, tiles):
            fill = _STATUS_FILL.get(str(_get(d, "status")), _STATUS_FILL["none"])
            oxml.shade(row.cells[1]._tc.get_or_add_tcPr(), oxml.TCPR, fill)
    w.note(t("report.dash.note", lang))


def _executive(w: Writer, blocks: Sequence[Mapping], commentary: Any, skipped: Sequence[str]) -> None:
    lang = w.lang
    w.heading(t("report.executive_summary", lang), 1, new_page=True, key="summary")
    _commentary(w, commentary, "summary", level=2)
    for b in blocks:
        w.heading(str(b.get("title") or ""), 2)
        for line in b.get("lead") or ():
            w.para(text=line)
        if b.get("items"):
            w.numbered(list(b["items"]))
        for line in b.get("lines") or ():
            w.para(text=line)
    if skipped:
        w.heading(t("report.not_analysed", lang), 2)
        for s in skipped:
            w.para(style="List Bullet", text=s, marked=False)


#: What the line under a recommendation's heading says, in order, as report.html's (catalogue
#: ``recommendations.meta.<field>``, joined by ``recommendations.meta.sep``; :func:`svcwork.recommendations.meta`).
REC_FIELDS = ("priority", "horizon", "owner", "action")


def _rec_meta(rec: Mapping, lang: str) -> str:
    """The line of what the consultant set for *rec*, as report.html shows it: the chapter's own
    ``meta`` when given, else made from the fields by the same catalogue entries."""
    meta = _get(rec, "meta", None)
    if not _missing(meta):
        return str(meta)
    action = _get(rec, "action_id", None)
    if _missing(action) and _get(rec, "has_action", False):
        action = _get(rec, "action", None)
    values = {"priority": _get(rec, "priority", None), "horizon": _get(rec, "horizon", None),
              "owner": _get(rec, "owner", None), "action": action}
    parts = [t(f"recommendations.meta.{name}", lang,
               value=value if isinstance(value, str) else typed_text(value, lang))
             for name in REC_FIELDS if not _missing(value := values[name])]
    return t("recommendations.meta.sep", lang).join(parts)


def _recommendations(w: Writer, recommendations: Sequence[Mapping], chapter: Mapping | None = None) -> None:
    """The recommendations chapter as report.html writes it (one source: the chapter of
    :func:`svcwork.recommendations.chapter` and its catalogue labels): per recommendation its id
    and text as a heading, the line of priority, horizon, owner and action, the rationale, then
    the evidence the data gives for it (marked sentences, numbers linked); at the end the
    recommendations that no action of the action plan carries out."""
    if not recommendations:
        return
    lang = w.lang
    chapter = chapter or {}
    title = chapter.get("title") or t("recommendations.title", lang)
    why = chapter.get("rationale_title") or t("recommendations.rationale_title", lang)
    shows = chapter.get("evidence_title") or t("recommendations.evidence_title", lang)
    sep = t("recommendations.meta.sep", lang)
    w.heading(title, 1, new_page=True, key="recommendations")
    for rec in recommendations:
        rid = "" if _missing(_get(rec, "rec_id", None)) else str(_get(rec, "rec_id"))
        text = "" if _missing(_get(rec, "recommendation", None)) else plain(str(_get(rec, "recommendation")))
        w.heading(sep.join(x for x in (rid.strip(), text.strip()) if x) or "—", 2)
        meta = _rec_meta(rec, lang)
        if meta:
            w.para(text=meta, style="Note")
        rationale = _get(rec, "rationale", None)
        if not _missing(rationale):
            p = w.para()
            w.run(p, f"{why}: ", bold=True)
            w.marked(p, rationale if isinstance(rationale, str) else typed_text(rationale, lang))
        evidence = [e for e in (_get(rec, "evidence", None) or ()) if not _missing(e)]
        if evidence:
            p = w.para()
            p.paragraph_format.keep_with_next = True
            w.run(p, f"{shows}:", bold=True)
            w.bullets([str(e) for e in evidence])
    flags = [f for f in chapter.get("flags") or () if not _missing(f)]
    if flags:
        w.heading(chapter.get("flag_title") or t("recommendations.flag_title", lang), 2)
        for flag in flags:
            w.para(style="List Bullet", text=str(flag), marked=False)


# ------------------------------------------------------------------------------------ sections
def frame_table(w: Writer, frame: pd.DataFrame, *, caption: str | None, max_rows: int, sheet: str | None,
                table_id: str | None = None) -> None:
    """A recorded table as a Word table, cells exactly as report.html writes them
    (:func:`svcwork.report.typed_text`), at most *max_rows* rows with the results.xlsx note."""
    if len(frame.columns) == 0:
        return
    lang = w.lang
    shown = frame.head(max_rows)
    kinds = shown_kinds(frame)  # as report.table_html
    header = [(str(c), False) for c in shown.columns]
    rows = []
    for values in shown.itertuples(index=False, name=None):
        row = []
        for value, kind in zip(values, kinds):
            text = typed_text(value, lang, kind)
            numeric = (not isinstance(value, (bool, str)) and not _missing(value)
                       and text != "—" and not isinstance(value, (list, dict))) or bool(_NUMERIC.match(text))
            row.append((text, numeric))
        rows.append(row)
    w.orientation(w.too_wide([header] + rows, header=True))  # a wide table on a landscape page
    if caption:
        p = w.para(style="Caption", text=caption, marked=False)
        p.paragraph_format.keep_with_next = True
        if table_id:
            name = "_tbl" + figure_bookmark(table_id)[3:]
            w.bookmark(p, name)
            w.anchors[table_id] = name
    w.grid(None, header, rows, caption=caption)
    if len(frame) > max_rows:
        note = (t("report.more_rows_sheet", lang, shown=max_rows, total=f"{len(frame):,}", sheet=sheet) if sheet
                else t("report.more_rows", lang, shown=max_rows, total=f"{len(frame):,}"))
        w.note(note)


def _figure(w: Writer, fig: Mapping, png: bytes, number: int) -> None:
    """A chart: the picture (alt text: its title and takeaway), "Figure N." and its caption
    (Caption style), then the takeaway."""
    lang = w.lang
    title = str(fig.get("title") or "")
    takeaway = str(fig.get("takeaway") or "")
    alt = str(fig.get("alt") or title)
    description = f"{alt}{'' if alt.endswith('.') else '.'} {plain(takeaway)}" if takeaway else alt
    w.picture(png, layout=str(fig.get("layout") or "portrait"), description=description,
              name=t("report.figure_label", lang, n=number))
    p = w.para(style="Caption")
    w.run(p, t("report.figure_label", lang, n=number) + " ")
    w.run(p, title)
    if takeaway:
        p.paragraph_format.keep_with_next = True
        w.para(text=takeaway)
    if fig.get("data"):  # the plotted values as a table under the figure (WCAG 2.1 SC 1.1.1, 1.3.1)
        from ..alttext import shown_frame

        data = shown_frame(fig["data"], lang)
        frame_table(w, data, caption=t("access.data.caption", lang, n=number, title=title), max_rows=len(data),
                    sheet=None)


def _section(w: Writer, key: str, record: Mapping, frames: Mapping[str, pd.DataFrame], out: Path, *,
             numbers: Mapping[str, int], commentary: Any, level: int) -> list[tuple[Mapping, pd.DataFrame]]:
    """One analysis: heading, the consultant's text, the skipped sentence or the findings, key
    tables, numbered figures and the note naming the detail tables; returns its data-quality tables."""
    lang = w.lang
    title = record.get("title") or t(f"report.section.{key}", lang)
    w.heading(str(title), level, new_page=level == 1, key=key)
    _commentary(w, commentary, key, level=level + 1)
    if not record.get("available"):
        if record.get("skipped") is not None:
            w.para(text=record["skipped"], marked=False)
        return []
    w.bullets(list(record.get("findings") or ()))
    shown, quality, detail = tables_by_role({**record, "section": key}, frames, lang)
    for spec, frame in shown:
        frame_table(w, frame, caption=spec.get("caption"), max_rows=spec.get("max_rows") or BODY_ROWS,
                    sheet=spec.get("sheet"), table_id=spec.get("id"))
    for fig in record.get("figures") or ():
        png = out / "figures" / Path(fig["file"]).name  # figures/ only
        if png.is_file():
            _figure(w, fig, png.read_bytes(), numbers[fig["file"]])
    w.orientation(False)
    if detail:
        quote = "„{}”" if lang == "he" else "“{}”"
        w.note(t("report.detail_tables", lang, sheets=", ".join(quote.format(d) for d in detail)))
    return quality


# ------------------------------------------------------------------------------------ appendices
def _key_figures(w: Writer, titles: Mapping[str, str]) -> None:
    """Every figure the document's words quote: name (the target of their links), value, base,
    interval, definition and where it is shown (a link to that table or section)."""
    lang = w.lang
    keys = sorted((k for k in w.quoted if k in w.registry), key=lambda k: (w.registry[k].section, k))
    if not keys:
        return
    w.heading(t("report.key_figures", lang), 1, new_page=True, key="key-figures")
    caption = t("report.kf.caption", lang)
    w.para(style="Caption", text=caption, marked=False).paragraph_format.keep_with_next = True
    header = [(t(f"report.kf.{c}", lang), False) for c in ("name", "value", "base", "interval", "definition", "section")]
    rows = []
    for key in keys:
        f = w.registry[key]

        def name(p, f=f, key=key):
            w.run(p, f.label(lang), size=_SMALL)
            w.bookmark(p, figure_bookmark(key))

        def where(p, f=f):
            title = titles.get(f.section)
            if title is None:
                return
            target = w.anchors.get(f"{f.section}.{f.table}") if f.table else None
            target = target or w.anchors.get(f.section)
            if target is None:
                w.run(p, title, size=_SMALL)
            else:
                w.run(p, title, parent=oxml.hyperlink(p._p, anchor=target), link=True, size=_SMALL)

        base = (t(f"figure.base.{f.base_of}", lang, n=f.base, count=f.shown(lang, "base"))
                if f.base is not None and f.base_of else "—")
        interval = (f"{f.shown(lang, 'low')} – {f.shown(lang, 'high')}" if f.low is not None and f.high is not None
                    else "—")
        rows.append([(name, False, f.label(lang)), (f.shown(lang), True), (base, False), (interval, True),
                     (f.definition(lang), False), (where, False, titles.get(f.section, ""))])
    w.grid(None, header, rows, caption=caption)


def _methods(w: Writer, sections: Mapping[str, Mapping], keys: Sequence[str]) -> None:
    lang = w.lang
    w.heading(t("report.methods", lang), 1, new_page=True, key="methods")
    for key in keys:
        w.heading(str(sections[key].get("title") or t(f"report.section.{key}", lang)), 2)
        for text in sections[key].get("methods") or [t(f"report.methods.{key}", lang)]:
            w.para(text=plain(str(text)), marked=False)


# ------------------------------------------------------------------------------------ the document
def _figure_numbers(out: Path, sections: Mapping[str, Mapping], keys: Iterable[str]) -> dict[str, int]:
    """Figure numbers as report.html gives them: in section order, every figure whose PNG exists."""
    numbers: dict[str, int] = {}
    for key in keys:
        record = sections[key]
        if not record.get("available"):
            continue
        for fig in record.get("figures") or ():
            if (out / "figures" / Path(fig["file"]).name).is_file():
                numbers[fig["file"]] = len(numbers) + 1
    return numbers


def _quality_notes(w: Writer, engagement: Any, commentary: Any, problems: Sequence[str] | None) -> None:
    """What report.html says first in its data-quality appendix: the commentary's problems (a
    heading that names no part, an unreadable file) and that the client's accent colour was darkened."""
    from ..charts import accent_warning

    if problems is None:
        problems = commentary.warnings(w.lang) if hasattr(commentary, "warnings") else []
    for problem in problems:
        w.para(style="List Bullet", text=str(problem), marked=False)
    darkened = accent_warning(getattr(engagement.settings, "accent_color", None), w.lang)
    if darkened:
        w.note(darkened)


def report_docx_bytes(out: str | os.PathLike, engagement: Any, *, lang: str, executive: Sequence[Mapping],
                      tiles: Sequence[Any], commentary: Any = None, recommendations: Sequence[Mapping] = (),
                      include: Iterable[str] | None = None, chapter: Mapping | None = None,
                      problems: Sequence[str] | None = None) -> bytes:
    """report.docx as bytes (see :func:`write_report_docx`)."""
    out = Path(out)
    sections = load_sections(out)
    tables = load_tables(out)
    # the sections in the order *include* gives (the report's order), else the usual order
    keys = ([k for k in dict.fromkeys(include) if k in sections] if include is not None
            else [s.key for s in SECTIONS if s.key in sections])
    records = {**{f.key: f.as_record() for f in CONVENTIONS},
               **{r["key"]: r for sec in sections.values() for r in sec.get("key_figures") or []}}
    st = engagement.settings
    w = Writer(lang=lang, accent=accent(getattr(st, "accent_color", None)), registry=from_records(records))
    w.footer()
    _cover(w, st)
    contents = w.contents(t("report.contents", lang))
    if tiles:
        _dashboard(w, tiles)
    skipped = [sections[k]["skipped"] for k in keys if not sections[k].get("available") and sections[k].get("skipped")]
    _executive(w, executive or (), commentary, skipped)
    numbers = _figure_numbers(out, sections, keys)
    quality: list[tuple[Mapping, pd.DataFrame]] = []
    if "since" in keys:  # "Since the last report" right after the executive summary, as in report.html
        quality += _section(w, "since", sections["since"], tables.get("since", {}), out, numbers=numbers,
                            commentary=commentary, level=1)
    if chapter is not None and not recommendations:
        recommendations = chapter.get("items") or ()
    _recommendations(w, list(recommendations or ()), chapter)
    for key in keys:
        if key not in ("intake", "since"):
            quality += _section(w, key, sections[key], tables.get(key, {}), out, numbers=numbers,
                                commentary=commentary, level=1)
    w.heading(t("report.data_quality", lang), 1, new_page=True, key="quality")
    _quality_notes(w, engagement, commentary, problems)
    if "intake" in keys:  # the intake review opens the data-quality appendix, as in report.html
        quality[:0] = _section(w, "intake", sections["intake"], tables.get("intake", {}), out, numbers=numbers,
                               commentary=commentary, level=2)
    for spec, frame in quality:
        frame_table(w, frame, caption=spec.get("caption"), max_rows=spec.get("max_rows") or BODY_ROWS,
                    sheet=spec.get("sheet"), table_id=spec.get("id"))
    _methods(w, sections, keys)
    titles = {k: str(sections[k].get("title") or t(f"report.section.{k}", lang)) for k in keys}
    titles["summary"] = t("report.executive_summary", lang)
    _key_figures(w, titles)
    return w.finish(contents, title=f"{st.organization} — {t('report.title', lang)}", subject=t("report.title", lang))


def write_report_docx(path: str | os.PathLike, out: str | os.PathLike, engagement: Any, *, lang: str,
                      executive: Sequence[Mapping], tiles: Sequence[Any], commentary: Any = None,
                      recommendations: Sequence[Mapping] = (), include: Iterable[str] | None = None,
                      chapter: Mapping | None = None, problems: Sequence[str] | None = None) -> Path:
    """Write report.docx, the editable Word report, from the run folder *out* (its recorded
    sections, tables and figures) and return *path*.

    *executive* is :func:`svcwork.executive.executive_summary`'s blocks and *tiles*
    :func:`svcwork.executive.dashboard`'s tiles, both with their key-figure markers (not HTML);
    *commentary* is the consultant's text (:class:`svcwork.commentary.Commentary`, or None);
    *chapter* is :func:`svcwork.recommendations.chapter` (its items, labels and the recommendations
    without an action, as report.html shows them); *recommendations*, when given, are its items (or
    mappings with ``rec_id, recommendation, rationale, owner, horizon, priority, action_id, evidence``;
    evidence: marked sentences); *include* the section keys to show (None: every recorded section);
    *problems* the commentary's problems report.html lists in its data-quality appendix (None: the
    commentary's unknown headings).  Written atomically, with bytes that depend only on the content.
    """
    return atomic_write_bytes(path, report_docx_bytes(out, engagement, lang=lang, executive=executive, tiles=tiles,
                                                      commentary=commentary, recommendations=recommendations,
                                                      include=include, chapter=chapter, problems=problems))
