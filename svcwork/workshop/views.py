"""The workshop's live views as HTML: ranking, effort/benefit matrix, roadmap, weight ranges, SMAA.

Pure functions of a :class:`~svcwork.workshop.compute.WorkshopResult` (and the
:class:`~svcwork.workshop.state.Baseline`) returning HTML text, right to left for Hebrew; every
value from the client's form is escaped (``html.escape``), every word comes from the catalogue
(``workshop.*``, ``prioritize.*``).  Plain HTML and inline SVG, no plotting library: a view is
drawn in milliseconds, so the sliders stay live (see ``benchmarks/bench_workshop.py``).
"""

from __future__ import annotations

import html
from typing import Any

import numpy as np

from ..i18n import fmt_number, fmt_percent, t
from ..keyfigures import show
from ..prioritize.figures import inward_range, share_kind
from .compute import WorkshopResult
from .state import EXCLUDE, Baseline

__all__ = ["ranking_html", "matrix_svg", "roadmap_html", "range_band_html", "acceptability_html", "status_html",
           "changes_html", "scenario_notes_html", "box", "share", "band_ends"]

#: Rows of the ranking shown (the rest are counted), so 500 services stay quick to draw.
MAX_ROWS = 40
_WAVE_COLOURS = ("#1f6f8b", "#e07a1f", "#5b8c3a", "#8b4f9e", "#b23a48", "#3a6fb2", "#8c7a3a", "#3a8c86",
                 "#6b6b6b", "#a05a2c", "#2c6ba0", "#7a2ca0")
_UP, _DOWN, _SAME = "#1b7f3b", "#b3261e", "#6b6b6b"


def _dir(lang: str) -> str:
    return "rtl" if lang == "he" else "ltr"


def box(inner: str, lang: str) -> str:
    """*inner* in a block of the language's direction."""
    return f'<div dir="{_dir(lang)}" lang="{lang}" class="svcwork-workshop-view">{inner}</div>'


def share(value: float, lang: str) -> str:
    """A probability as the report shows it (:func:`svcwork.prioritize.figures.share_kind`): a whole
    percentage, or a tenth of one where the whole would read as a round figure it is not (99.9 %, not 100 %)."""
    return show(float(value), share_kind(float(value)), lang)


#: The weight ranges under the sliders are shown as the sliders read: two decimals (``score``).
_BAND_KIND = "score"


def band_ends(lower: float, upper: float, current: float) -> tuple[float, float]:
    """A weight range's ends as shown under its slider: rounded *inwards* to the slider's 0.01 steps, as
    the report rounds its ranges (:func:`svcwork.prioritize.figures.inward_range`), so the slider set
    on a shown end is still inside the range."""
    return inward_range(lower, upper, current, _BAND_KIND)


def scenario_notes_html(base: Baseline) -> str:
    """The intake's warnings about its saved scenarios (no longer fitting the form, or saved against an
    earlier form), or nothing."""
    lang = base.lang
    notes = [p for p in getattr(base.engagement, "problems", ()) if str(p.code).startswith("scenario.")]
    if not notes:
        return ""
    items = "".join(f"<li>{html.escape(p.message)}</li>" for p in notes)
    return box(f"<p>{html.escape(t('workshop.scenarios.notes', lang))}</p><ul>{items}</ul>", lang)


def _name(base: Baseline, sid: Any) -> str:
    services = base.result.services
    name = services.loc[sid, "service_name"] if sid in services.index else None
    return html.escape(f"{sid} {name}" if name is not None and name is not np.nan else str(sid))


def status_html(wr: WorkshopResult, base: Baseline, *, solving: bool = False) -> str:
    """One line: how long the update took, the roadmap's optimality (gap) and any error."""
    lang = base.lang
    if wr.error is not None:
        return box(f'<p style="color:{_DOWN}">{html.escape(wr.error)}</p>', lang)
    bits = [t("workshop.status.updated", lang, seconds=fmt_number(wr.seconds, lang, digits=2))]
    plan = wr.result.plan
    if wr.timed_out:
        bits.append(t("workshop.status.no_plan_yet", lang, seconds=fmt_number(wr.time_limit, lang, digits=1)))
    elif plan is not None and wr.pending:
        bits.append(t("workshop.status.gap", lang, gap=fmt_percent(plan.gap, lang, digits=1),
                      seconds=fmt_number(wr.time_limit, lang, digits=1)))
    elif plan is not None:
        bits.append(t("workshop.status.optimal", lang))
    if solving:
        bits.append(t("workshop.status.solving", lang))
    return box("<p>" + html.escape(" · ".join(bits)) + "</p>", lang)


def changes_html(wr: WorkshopResult, base: Baseline) -> str:
    """The changes against the form, in words (or that there are none)."""
    lang = base.lang
    if not wr.changes:
        return box(f"<p>{html.escape(t('workshop.change.none', lang))}</p>", lang)
    items = "".join(f"<li>{html.escape(c.text(lang))}</li>" for c in wr.changes)
    return box(f"<p>{html.escape(t('workshop.changes.title', lang))}</p><ul>{items}</ul>", lang)


def _moved(n: int, lang: str) -> str:
    if n > 0:
        return f'<span style="color:{_UP}" title="{html.escape(t("workshop.rank.up", lang, n=n))}">▲{n}</span>'
    if n < 0:
        return f'<span style="color:{_DOWN}" title="{html.escape(t("workshop.rank.down", lang, n=-n))}">▼{-n}</span>'
    return f'<span style="color:{_SAME}">—</span>'


def _wave_text(res: Any, sid: Any, lang: str) -> str:
    if sid in res.excluded:
        return t("workshop.wave.excluded", lang)
    w = res.wave_of(sid)
    if res.plan is None:
        return "—"
    return t("workshop.wave.deferred", lang) if w is None else t("prioritize.reason.wave", lang, wave=w)


def ranking_html(wr: WorkshopResult, base: Baseline) -> str:
    """The services by score now, each with its move against the form's values (moved rows highlighted)."""
    lang = base.lang
    if wr.result is None:
        return box("", lang)
    res = wr.result
    moved = wr.moved
    p_top = res.acceptability.top
    head = "".join(f"<th>{html.escape(t(k, lang, n=res.top_n))}</th>" for k in (
        "workshop.col.rank", "workshop.col.change", "workshop.col.service", "workshop.col.score", "workshop.col.wave",
        "workshop.col.p_top"))
    rows = []
    order = res.order
    for sid in order[:MAX_ROWS]:
        m = int(moved.get(sid, 0))
        style = ' style="background:#fff3cd"' if m else ""
        rows.append(f"<tr{style}><td>{int(res.score.rank[sid])}</td><td>{_moved(m, lang)}</td>"
                    f"<td>{_name(base, sid)}</td><td>{fmt_number(float(res.score.scores[sid]), lang, digits=3)}</td>"
                    f"<td>{html.escape(_wave_text(res, sid, lang))}</td>"
                    f"<td>{share(p_top[sid], lang)}</td></tr>")
    more = ""
    if len(order) > MAX_ROWS:
        more = f"<p>{html.escape(t('workshop.rank.more', lang, count=len(order) - MAX_ROWS))}</p>"
    n_moved = int((moved != 0).sum())
    title = t("workshop.rank.title", lang, n=n_moved, count=n_moved)
    return box(f"<h4>{html.escape(title)}</h4><table class='svcwork-ranking'><thead><tr>{head}</tr></thead>"
               f"<tbody>{''.join(rows)}</tbody></table>{more}", lang)


def matrix_svg(wr: WorkshopResult, base: Baseline, *, width: int = 420, height: int = 340) -> str:
    """The effort/benefit 2×2 (1–5 each) with every service as a dot coloured by its wave; changed
    services ringed, services left out hollow."""
    lang = base.lang
    if wr.result is None:
        return box("", lang)
    res = wr.result
    services = res.services
    pad = 44
    def x_of(e: float) -> float:  # effort 1 (left) … 5 (right)
        return pad + (e - 1) / 4 * (width - 2 * pad)

    def y_of(b: float) -> float:  # benefit 1 (bottom) … 5 (top)
        return height - pad - (b - 1) / 4 * (height - 2 * pad)

    changed = {sid for (sid, _) in wr.state.values} | {s for s, w in wr.state.waves.items() if w is not None}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{html.escape(t("workshop.matrix.title", lang))}" '
             f'style="font-family:sans-serif;font-size:11px">',
             f'<rect x="{pad}" y="{pad}" width="{width - 2 * pad}" height="{height - 2 * pad}" fill="#fafafa" '
             f'stroke="#999"/>']
    mx, my = x_of(res.midpoint), y_of(res.midpoint)
    parts.append(f'<line x1="{mx:.1f}" y1="{pad}" x2="{mx:.1f}" y2="{height - pad}" stroke="#bbb" stroke-dasharray="4"/>')
    parts.append(f'<line x1="{pad}" y1="{my:.1f}" x2="{width - pad}" y2="{my:.1f}" stroke="#bbb" stroke-dasharray="4"/>')
    for key, qx, qy in (("quick_win", pad + 4, pad + 12), ("major_project", width - pad - 4, pad + 12),
                        ("fill_in", pad + 4, height - pad - 4), ("thankless", width - pad - 4, height - pad - 4)):
        anchor = "start" if qx < width / 2 else "end"
        parts.append(f'<text x="{qx}" y="{qy}" text-anchor="{anchor}" fill="#777">'
                     f'{html.escape(t(f"prioritize.quadrant.{key}", lang))}</text>')
    parts.append(f'<text x="{width / 2}" y="{height - 8}" text-anchor="middle">'
                 f'{html.escape(t("prioritize.criterion.effort", lang))} →</text>')
    parts.append(f'<text x="12" y="{height / 2}" text-anchor="middle" transform="rotate(-90 12 {height / 2})">'
                 f'{html.escape(t("prioritize.criterion.benefit", lang))} →</text>')
    seen: dict[tuple[float, float], int] = {}
    for sid in services.index:
        e, b = float(services.loc[sid, "effort"]), float(services.loc[sid, "benefit"])
        k = seen.get((e, b), 0)
        seen[(e, b)] = k + 1
        angle = k * 2.4
        dx, dy = (0.0, 0.0) if k == 0 else (9 * np.cos(angle) * (1 + k // 6), 9 * np.sin(angle) * (1 + k // 6))
        cx, cy = x_of(e) + dx, y_of(b) + dy
        w = res.wave_of(sid)
        colour = "#aaaaaa" if w is None else _WAVE_COLOURS[(w - 1) % len(_WAVE_COLOURS)]
        out = sid in res.excluded
        fill = "none" if out else colour
        ring = f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="9" fill="none" stroke="#e0a800" stroke-width="2"/>' \
            if str(sid) in changed else ""
        tip = html.escape(f"{sid} — {_wave_text(res, sid, lang)}")
        parts.append(f'<g><title>{tip}</title>{ring}<circle cx="{cx:.1f}" cy="{cy:.1f}" r="6" fill="{fill}" '
                     f'stroke="{colour}" stroke-width="1.5"/><text x="{cx + 8:.1f}" y="{cy - 7:.1f}">'
                     f'{html.escape(str(sid))}</text></g>')
    parts.append("</svg>")
    legend = " ".join(f'<span style="color:{_WAVE_COLOURS[w % len(_WAVE_COLOURS)]}">● '
                      f'{html.escape(t("prioritize.reason.wave", lang, wave=w + 1))}</span>'
                      for w in range(int(base.engagement.settings.waves)))
    legend += f' <span style="color:#aaaaaa">● {html.escape(t("workshop.wave.deferred", lang))}</span>'
    return box(f"<h4>{html.escape(t('workshop.matrix.title', lang))}</h4><div dir='ltr'>{''.join(parts)}</div>"
               f"<p>{legend}</p>", lang)


def roadmap_html(wr: WorkshopResult, base: Baseline) -> str:
    """The roadmap by wave: capacity used (a bar), its services; the deferred with their reasons;
    the gap when the plan is not proven optimal; the clash when there is no plan."""
    lang = base.lang
    if wr.result is None:
        return box("", lang)
    res = wr.result
    title = f"<h4>{html.escape(t('workshop.roadmap.title', lang))}</h4>"
    if res.plan is None:
        clash = "".join(f"<li>{html.escape(c.text(lang))}</li>" for c in res.conflicts)
        return box(f"{title}<p>{html.escape(t('workshop.roadmap.none', lang))}</p><ul>{clash}</ul>", lang)
    plan = res.plan
    unit = t(f"prioritize.unit.{res.plan_unit}", lang)
    blocks = []
    for _, row in plan.load.iterrows():
        w = int(row["wave"])
        cap, used = float(row["capacity"]), float(row["used"])
        share = 0.0 if cap <= 0 else min(used / cap, 1.0)
        colour = _WAVE_COLOURS[(w - 1) % len(_WAVE_COLOURS)]
        members = [s for s in res.order if res.wave_of(s) == w]
        names = ", ".join(_name(base, s) + (" 🔒" if s in res.locked else "") for s in members) or "—"
        blocks.append(
            f"<div style='margin:4px 0'><b>{html.escape(t('prioritize.reason.wave', lang, wave=w))}</b> "
            f"{html.escape(t('workshop.roadmap.use', lang, used=fmt_number(used, lang), capacity=fmt_number(cap, lang), unit=unit))}"
            f"<div style='background:#eee;height:10px;width:100%;border-radius:3px'>"
            f"<div style='background:{colour};height:10px;width:{share * 100:.1f}%;border-radius:3px'></div></div>"
            f"<div>{names}</div></div>")
    deferred = [s for s in res.order if res.wave_of(s) is None]
    rest = ""
    if deferred:
        items = "".join(f"<li>{_name(base, s)}: {html.escape(t(f'prioritize.reason_code.{plan.reasons[s][0]}', lang))}"
                        f"</li>" for s in deferred[:MAX_ROWS] if s in plan.reasons)
        rest = f"<p>{html.escape(t('workshop.roadmap.deferred', lang, count=len(deferred)))}</p><ul>{items}</ul>"
    gap = ""
    if wr.pending:
        gap = (f"<p style='color:{_DOWN}'>{html.escape(t('workshop.roadmap.gap', lang, gap=fmt_percent(plan.gap, lang, digits=1), seconds=fmt_number(wr.time_limit, lang, digits=1)))}</p>")
    return box(title + gap + "".join(blocks) + rest, lang)


def range_band_html(wr: WorkshopResult, base: Baseline, criterion: str) -> str:
    """Under a weight slider: the weights (0–1) over which the top services keep their places — the top N
    (light band) and the first place (dark band) — with the current weight marked."""
    lang = base.lang
    if wr.result is None or criterion not in wr.result.weights.index:
        return box("", lang)
    sens = wr.result.sensitivity
    top = next(r for r in sens.ranges if r.criterion == criterion)
    first = next(r for r in sens.first if r.criterion == criterion)
    now = float(wr.result.weights[criterion])
    lo, hi = band_ends(top.lower, top.upper, now)
    first_lo, first_hi = band_ends(first.lower, first.upper, now)
    text = t("workshop.range.text", lang, n=sens.top_n, lo=fmt_number(lo, lang, digits=2),
             hi=fmt_number(hi, lang, digits=2), first_lo=fmt_number(first_lo, lang, digits=2),
             first_hi=fmt_number(first_hi, lang, digits=2))
    bar = (f"<div dir='ltr' title='{html.escape(text)}' style='position:relative;height:8px;background:#eee;"
           f"border-radius:3px;margin:0 0 2px 0'>"
           f"<div style='position:absolute;left:{top.lower * 100:.1f}%;width:{(top.upper - top.lower) * 100:.1f}%;"
           f"height:8px;background:#b7d7e8'></div>"
           f"<div style='position:absolute;left:{first.lower * 100:.1f}%;width:{(first.upper - first.lower) * 100:.1f}%;"
           f"height:8px;background:#1f6f8b;opacity:.6'></div>"
           f"<div style='position:absolute;left:calc({now * 100:.1f}% - 1px);width:2px;height:12px;top:-2px;"
           f"background:#000'></div></div>")
    return box(f"{bar}<small>{html.escape(text)}</small>", lang)


def acceptability_html(wr: WorkshopResult, base: Baseline, *, rows: int = 10) -> str:
    """SMAA-2 at the current weights: for the best services, the share of weight samples around them
    that rank each first and in the top N, and the expected rank."""
    lang = base.lang
    if wr.result is None:
        return box("", lang)
    acc = wr.result.acceptability
    first, top, expected = acc.first, acc.top, acc.expected_rank
    head = "".join(f"<th>{html.escape(t(k, lang, n=acc.top_n))}</th>" for k in (
        "workshop.col.service", "workshop.col.p_first", "workshop.col.p_top", "workshop.col.expected_rank"))
    body = "".join(f"<tr><td>{_name(base, s)}</td><td>{share(first[s], lang)}</td>"
                   f"<td>{share(top[s], lang)}</td><td>{fmt_number(float(expected[s]), lang, digits=1)}</td>"
                   f"</tr>" for s in wr.result.order[:rows])
    note = t("workshop.smaa.note", lang, samples=fmt_number(acc.n_samples, lang), concentration=f"{acc.concentration:g}")
    return box(f"<h4>{html.escape(t('workshop.smaa.title', lang))}</h4><table><thead><tr>{head}</tr></thead>"
               f"<tbody>{body}</tbody></table><small>{html.escape(note)}</small>", lang)


def wave_label(value: Any, lang: str) -> str:
    """The wave control's label for a value: free, a wave, or left out."""
    if value is None:
        return t("workshop.wave.free", lang)
    if value == EXCLUDE:
        return t("workshop.wave.excluded", lang)
    return t("prioritize.reason.wave", lang, wave=int(value))
