"""Assembling a client's outputs after the notebooks ran, from what they recorded (never from their
output): report.html, summary.json, results.xlsx, slides.pptx, report.docx, the comparison with the
last round and the unit managers' pages."""

from __future__ import annotations

import html
import itertools
import json
import os
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence

import pandas as pd

from .. import __version__
from ..appendix import key_figures_html
from ..commentary import OPENING, Commentary, markdown_lines, read_commentary
from ..errors import InputFileError
from ..executive import CONVENTIONS, dashboard, executive_summary
from ..common import json_ready
from ..i18n import direction, fmt_date, t
from ..keyfigures import from_records, plain, quotes, registry, to_html
from ..paths import atomic_write_text
from ..results_book import write_results_workbook
from ..sections import BODY_ROWS, SECTIONS, SINCE, report_order, table_anchor
from ..sections import recorded_sections as _recorded
from .pieces import _css, _figure_html, _render, commentary_html, figure_data_table, table_html
from .records import load_sections, load_tables, tables_by_role

__all__ = ["assemble", "build_summary", "client_commentary", "write_unit_packs"]


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


#: Section keys that mean something only inside their section (``sections.<key>.<name>``).
_SECTION_ONLY = frozenset({"available"})


def _section_html(record: Mapping, frames: Mapping[str, pd.DataFrame], out: Path, *,
                  lang: str, numbers: Iterator[int], level: int = 2) -> tuple[list[str], list[str], list[str], list[str]]:
    """A recorded section as HTML: the fragments of its body (heading ``h{level}``, skipped sentence
    or findings, key tables, figures numbered from *numbers*), those for the data-quality appendix,
    the sheet names of its detail tables left to results.xlsx, and its figures' data tables (for print)."""
    d = direction(lang)
    title = record.get("title") or t(f"report.section.{record['section']}", lang)
    body = [f"<h{level} dir='{d}'>{html.escape(title)}</h{level}>"]
    quality: list[str] = []
    detail: list[str] = []
    data: list[str] = []
    if not record["available"]:
        if record.get("skipped") is not None:
            body.append(f"<p class='skipped' dir='{d}'>{html.escape(record['skipped'])}</p>")
        return body, quality, detail, data
    if record.get("findings"):
        from ..alttext import abbr_html

        seen: set[str] = set()  # an abbreviation is expanded at its first use in the section (WCAG 2.1 SC 3.1.4)
        items = "".join(f"<li>{abbr_html(to_html(f, lang=lang), lang, seen)}</li>" for f in record["findings"])
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
    from ..runcache import remembered
    from ..since import RECORD_DIR, Round, record as round_record, write_record

    journeys = remembered(cache_dir, engagement, "journeys")
    rec = round_record(engagement, log=getattr(journeys, "log", None))
    write_record(out / RECORD_DIR, rec)
    current = Round.from_record(summary, rec)
    if rounds is None or rounds.previous is None:
        return current, None
    from ..since.section import write_section

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


def _intake_table(engagement: Any, key: str) -> pd.DataFrame | None:
    try:
        return engagement.table(key)
    except Exception:  # noqa: BLE001 - an engagement without that sheet
        return None


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
    from ..charts import accent
    from ..recommendations import chapter as recommendations_chapter
    from ..word import write_report_docx  # the DOCX writer reads this module's records

    from ..since.section import history_block

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
    intake_title = None
    numbers = itertools.count(1)
    quote = "„{}”" if lang == "he" else "“{}”"
    for s in report_order(engagement, sections):
        if s.key not in sections or (s is not SINCE and (s.key not in wanted or (ran is not None and s.notebook not in ran))):
            continue
        # the intake review opens the data-quality appendix: a heading under the appendix's (as in report.docx)
        level = 3 if s.key == "intake" else 2
        body, checks, detail, data = _section_html(sections[s.key], tables.get(s.key, {}), out, lang=lang,
                                                   numbers=numbers, level=level)
        figure_data.extend(data)
        if notes.get(s.key) is not None:  # the consultant's words open the section, marked as theirs
            body.insert(1, commentary_html(notes, s.key, lang, base=level + 1))
        if detail:  # detail tables: named here, in full in results.xlsx
            note = t("report.detail_tables", lang, sheets=", ".join(quote.format(d) for d in detail))
            body.append(f"<p class='note detail-tables'>{html.escape(note)}</p>")
        if s.key == "intake":  # a section of the appendix of its own, the target of its key figures' links
            quality[:0] = ["<section id='intake' class='intake-review'>", *body, "</section>"]
            intake_title = sections[s.key].get("title") or s.title(lang)
        else:
            blocks.append({"key": s.key, "title": s.title(lang), "html": "\n".join(body)})
        quality.extend(checks)
    from ..charts import accent_warning

    darkened = accent_warning(getattr(engagement.settings, "accent_color", None), lang)
    if darkened:  # the client's accent was too light for text: said where the data's caveats are
        quality.insert(0, f"<p class='note accent-warning'>{html.escape(darkened)}</p>")
    raw_executive = executive_summary(summary, lang=lang, services=_intake_table(engagement, "Services"),
                                      kpis=_intake_table(engagement, "KPIs"),
                                      overdue=tables.get("management", {}).get("actions_overdue"))
    if since is not None:  # what changed since the last report opens the executive summary
        from ..since.present import executive as since_executive

        raw_executive.insert(0, {"key": "since", "title": t("report.section.since", lang), "missing": False,
                                 **since_executive(since, lang)})
    raw_tiles = dashboard(summary, lang=lang)
    chapter = recommendations_chapter(engagement, summary, lang)
    chapter_html = {**chapter, "items": [{**item, "evidence": [to_html(e, lang=lang) for e in item["evidence"]]}
                                         for item in chapter["items"]]}
    executive = [{**b, **{part: [to_html(x, lang=lang) for x in b[part]] for part in ("lead", "items", "lines")}}
                 for b in raw_executive]
    tiles = [{"key": d.key, "title": d.title, "value": to_html(d.value, lang=lang), "base": to_html(d.base, lang=lang),
              "status": d.status, "reading": to_html(d.reading, lang=lang), "section": d.section} for d in raw_tiles]
    registry = from_records(summary["key_figures"])
    in_report = {b["key"]: b["title"] for b in blocks} | {"summary": t("report.executive_summary", lang)}
    if intake_title is not None:  # the intake review is in the report too (in its data-quality appendix)
        in_report["intake"] = str(intake_title)
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
        "results": write_results_workbook(out / "results.xlsx", tables, lang=lang,
                                          title=f"{st.organization} — {t('report.results_title', lang)}"),
        "slides": _write_slides(out, sections, engagement, lang=lang, chapter=chapter,
                                include={b["key"] for b in blocks}, notes=notes),
        "docx": write_report_docx(out / "report.docx", out, engagement, lang=lang, executive=raw_executive,
                                  tiles=raw_tiles, commentary=notes, chapter=chapter, problems=note_problems,
                                  include=["intake", *(b["key"] for b in blocks)]),
    }
    return paths


def _write_slides(out: Path, sections: Mapping[str, Mapping], engagement: Any, *, lang: str,
                  chapter: Mapping[str, Any] | None = None, include: set[str] | None = None,
                  notes: Commentary | None = None) -> Path:
    """slides.pptx: the consultant's opening note, the recommendations (one slide each, with their
    evidence), then each section of the report in its order (``Since the last report`` included):
    the consultant's note on it, then its charts, one per slide, numbered and titled as in the
    report (ready for the consultant's deck)."""
    from ..slides import Text, write_slides

    texts = [(f"{item['rec_id']} · {item['recommendation']}", [plain(e) for e in item["evidence"]])
             for item in (chapter or {}).get("items", [])]
    label = t("report.commentary.label", lang)
    if notes is not None and notes.get(OPENING) is not None:  # the consultant's opening note first
        texts.insert(0, (f"{label} · {t('report.executive_summary', lang)}", markdown_lines(notes.get(OPENING))))
    slides: list[Any] = []
    charts = 0
    for s in report_order(engagement, sections):
        if include is not None and s.key not in include:
            continue
        if notes is not None and notes.get(s.key) is not None:  # the consultant's note beside its section's charts
            slides.append(Text(f"{label} · {t(f'report.section.{s.key}', lang)}", markdown_lines(notes.get(s.key))))
        for fig in (sections.get(s.key) or {}).get("figures", []):
            png = out / "figures" / fig["file"]  # the report's own PNG, scaled to the slide
            if png.is_file():
                charts += 1  # the report's figure number (same order)
                slides.append((f"{t('report.figure_label', lang, n=charts)} {fig['title']}", png.read_bytes(),
                               plain(fig.get("takeaway") or ""),
                               (fig.get("alt_for") or {}).get("pptx") or fig.get("alt") or ""))  # no table in a deck
    st = engagement.settings
    return write_slides(out / "slides.pptx", slides, texts=texts, title=st.organization,
                        subtitle=f"{t('report.title', lang)} · {fmt_date(st.period_start, lang)} – "
                                 f"{fmt_date(st.period_end, lang)}", lang=lang, accent_color=st.accent_color)


def write_unit_packs(packs: Sequence[Any], *, output_dir: str | os.PathLike, engagement: Any, lang: str) -> list[Path]:
    """One short page per unit manager: ``<output_dir>/units/<unit>.html`` (focus points, KPIs and
    their control-chart signals, survey results with intervals, observation summary, open and
    overdue actions, training) — for a team meeting.

    Pass packs built by :func:`svcwork.unit_signals.manager_packs` (KPIs and actions placed by
    ownership, the unit's signals and case figures).  Every number of the focus points and case
    lines links to its definition on the page (the pack's key figures, also written beside the
    page as ``<unit>.figures.json``).  Numbers that round to zero are shown as 0, never "-0".
    """
    from ..charts import accent
    from ..paths import client_slug

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
                       focus=[to_html(f, lang=lang) for f in pack.focus_points(lang, marked=True)],
                       cases=[to_html(c, lang=lang) for c in pack.case_lines(lang, marked=True)] if hasattr(pack, "case_lines") else [],
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
