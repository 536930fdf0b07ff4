"""The comparison in words and as a table, in Hebrew or English.

:func:`findings` writes the "Since the last report" sentences: a headline (how many figures changed
for the better, for the worse, or show no clear change), the notes a reader needs first (overlapping
periods, changed definitions, withheld groups), one sentence per real change, the KPIs' control-chart
reading, what shows no clear change, the action plan, the services whose rank or wave moved, and
where the previous report's wave-1 services and recommendations stand now.  Every number is a key
figure of :meth:`~svcwork.since.Since.key_figures` quoted with its marker
(:func:`svcwork.keyfigures.quote`); the only other digits are ids, dates and wave labels.
:func:`table` is the report's table of every compared figure; :func:`methods` the methods appendix.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Mapping

import pandas as pd

from ..i18n import CATALOGUE, fmt_date, fmt_period, t
from ..keyfigures import KeyFigure, quote, registry, show
from ..tables import translate
from .figures import figure_label
from .rows import per_service, shown_change

if TYPE_CHECKING:  # pragma: no cover
    from .result import Since

__all__ = ["findings", "executive", "table", "methods", "name", "TABLE_COLUMNS"]

#: The columns of :func:`table` (catalogue keys of their headers).
TABLE_COLUMNS = {"figure": "since.col.figure", "previous": "since.col.previous", "current": "since.col.current",
                 "change": "since.col.change", "interval": "since.col.interval", "verdict": "since.col.verdict",
                 "note": "since.col.note"}
_UNIT = {"share": "pp", "share1": "pp", "nps": "points", "days": "days", "mean": "scale", "points": "scale",
         "rate": "per_case"}
_JUDGED = ("better", "worse", "up", "down")


def name(figure: str, lang: str, *, lower: bool = False) -> str:
    """A compared figure's name in a sentence (no digits: "nine cases in ten", never "90th")."""
    parts = figure.split(".", 2)
    domain, nm = parts[0], parts[1] if len(parts) > 1 else ""
    item = parts[2] if len(parts) > 2 else None
    if domain == "measures" and nm == "item":
        key = f"measures.item.{item}"
        text = t("since.name.survey_item", lang, item=t(key, lang) if key in CATALOGUE else item)
    elif figure == "measures.nps":
        text = t("since.name.nps", lang)
    elif domain == "journeys" and f"since.name.journeys.{nm}" in CATALOGUE:
        text = t(f"since.name.journeys.{nm}", lang)
        if item:
            text = t("since.name.for_service", lang, name=text, service=item)
    elif figure.startswith("measures.kpi_last."):
        text = t("since.name.kpi", lang, item=item)
    elif figure.startswith("management.item_mean."):
        text = t("since.name.observation", lang, item=item)
    elif figure.startswith("management.training_change."):
        text = t("since.name.training", lang, item=item)
    elif f"since.name.{nm}" in CATALOGUE:
        text = t(f"since.name.{nm}", lang)
    else:
        text = figure_label(figure, lang)
    if lower and lang == "en" and len(text) > 1 and text[1].islower():
        text = text[0].lower() + text[1:]
    return text


def _when(label: str, lang: str) -> str:
    try:
        return fmt_date(dt.date.fromisoformat(label[:10]), lang) if len(label) >= 10 else fmt_period(label, lang)
    except ValueError:
        return fmt_period(label, lang)


def _interval(fig: KeyFigure, lang: str) -> str | None:
    if fig.low is None and fig.high is None:
        return None
    if fig.low is None:
        return t("since.interval.below", lang, high=quote(fig, lang, "high"))
    if fig.high is None:
        return t("since.interval.above", lang, low=quote(fig, lang, "low"))
    return t("since.interval", lang, low=quote(fig, lang, "low"), high=quote(fig, lang, "high"))


def _count(key: str, fig: KeyFigure, lang: str, **values: Any) -> str:
    return t(key, lang, n=int(fig.value), count=quote(fig, lang), **values)


def _change_sentence(r: Mapping[str, Any], figs: Mapping[str, KeyFigure], lang: str) -> str | None:
    f = r["figure"]
    change = figs.get(f"since.change.{f}")
    interval = _interval(change, lang) if change is not None else None
    if change is None or interval is None:
        return None
    unit = _UNIT.get(r["kind"])
    return t("since.finding.change", lang, name=name(f, lang), previous=quote(figs[f"since.previous.{f}"], lang),
             current=quote(figs[f"since.current.{f}"], lang), change=quote(change, lang),
             unit=t(f"since.unit.{unit}", lang) if unit else "", interval=interval,
             says=t(f"since.says.{r['verdict']}", lang)).replace("  ", " ")


def _notes(since: Since, figs: Mapping[str, KeyFigure], lang: str) -> list[str]:
    out = []
    for n in since.notes:
        code = n["code"]
        if code == "overlap":
            out.append(t("since.finding.overlap", lang, previous_end=_when(n["previous_end"], lang),
                         current_start=_when(n["current_start"], lang)))
        elif code == "definition":
            key = f"since.definition.{n['name']}"
            what = t(key, lang) if key in CATALOGUE else t("since.definition.other", lang, name=n["name"])
            out.append(t("since.finding.definition", lang, definition=what))
        elif code == "small_group" and "since.suppressed" in figs:
            out.append(t("since.finding.small_group", lang,
                         count=_count("since.small.count", figs["since.suppressed"], lang),
                         min=quote(figs["since.min_group_size"], lang)))
        elif code == "no_case_record":
            out.append(t("since.finding.no_case_record", lang))
    return out


def _actions(since: Since, figs: Mapping[str, KeyFigure], lang: str) -> list[str]:
    a = since.actions
    if not a.get("source") or "since.actions_done" not in figs:
        return []
    parts = {"done": _count("since.actions.done", figs["since.actions_done"], lang),
             "opened": _count("since.actions.opened", figs["since.actions_opened"], lang),
             "overdue": _count("since.actions.overdue", figs["since.actions_overdue"], lang)}
    if a["source"] == "counts":
        return [t("since.finding.actions_counts", lang, **parts)]
    newly = figs.get("since.actions_newly_overdue")
    if newly is not None and newly.value and newly.value != figs["since.actions_overdue"].value:
        return [t("since.finding.actions_newly", lang, newly=_count("since.actions.newly", newly, lang), **parts)]
    return [t("since.finding.actions", lang, **parts)]


def _wave(w: Any, lang: str) -> str:
    return t("since.wave.none", lang) if w is None or pd.isna(w) else t("since.wave", lang, n=int(w))


def _moves(since: Since, figs: Mapping[str, KeyFigure], lang: str) -> list[str]:
    out = []
    for p in since.moved.to_dict("records"):
        sid = p["service_id"]
        before, now = _wave(p["wave_previous"], lang), _wave(p["wave_current"], lang)
        waves = t("since.waves.same", lang, wave=now) if before == now else \
            t("since.waves.moved", lang, previous=before, current=now)
        prev_rank = figs.get(f"since.previous.prioritize.rank.{sid}")
        cur_rank = figs.get(f"since.current.prioritize.rank.{sid}")
        if prev_rank is None or cur_rank is None:
            continue
        if prev_rank.value == cur_rank.value:
            out.append(t("since.finding.wave_moved", lang, service=sid, current=quote(cur_rank, lang), waves=waves))
            continue
        values = {"service": sid, "previous": quote(prev_rank, lang), "current": quote(cur_rank, lang), "waves": waves}
        if p["reasons"]:
            reasons = ", ".join(t(f"since.reason.{r}", lang) for r in p["reasons"])
            out.append(t("since.finding.moved", lang, reasons=reasons, **values))
        else:
            out.append(t("since.finding.moved_no_reason", lang, **values))
    return out


def _standing(frame: pd.DataFrame, id_col: str, key: str, lang: str) -> list[str]:
    if frame is None or not len(frame):
        return []
    items = "; ".join(t("since.item_state", lang, item=str(r[id_col]), state=t(f"since.state.{r['status']}", lang))
                      for r in frame.to_dict("records"))
    return [t(key, lang, list=items)]


def _same_names(rows: list[dict[str, Any]], lang: str) -> list[str]:
    """The names of figures with no clear change, survey items, observed behaviours and trained skills
    each named together ("the share agreeing on Trust, Ease")."""
    grouped: dict[str, list[dict[str, Any]]] = {"survey": [], "observations": [], "training": []}
    order: list[Any] = []
    for r in rows:
        g = r["group"]
        if g in grouped:
            if not grouped[g]:
                order.append(g)
            grouped[g].append(r)
        else:
            order.append(r)
    out = []
    for entry in order:
        if isinstance(entry, dict):
            out.append(name(entry["figure"], lang, lower=True))
            continue
        members = grouped[entry]
        if len(members) == 1:
            out.append(name(members[0]["figure"], lang, lower=True))
            continue
        if entry == "survey":
            items = [t(f"measures.item.{r['item']}", lang) if f"measures.item.{r['item']}" in CATALOGUE else r["item"]
                     for r in members]
        else:
            items = [t("since.quoted", lang, item=r["item"]) for r in members]
        text = t(f"since.names.{entry}", lang, items=", ".join(items))
        out.append(text[0].lower() + text[1:] if lang == "en" else text)
    return out


def findings(since: Since, lang: str) -> list[str]:
    """The "Since the last report" sentences in *lang*, each number marked (:func:`svcwork.keyfigures.quote`)."""
    figs = registry(since.key_figures())
    rows = since.records()
    out: list[str] = []
    judged = [r for r in rows if r["verdict"] in (*_JUDGED, "no_change")]
    if judged:
        out.append(t("since.finding.headline", lang, previous=_when(since.previous_label, lang),
                     better=_count("since.count.better", figs["since.better"], lang),
                     worse=_count("since.count.worse", figs["since.worse"], lang),
                     same=_count("since.count.no_change", figs["since.no_change"], lang)))
    out += _notes(since, figs, lang)
    for r in rows:
        if r["verdict"] in _JUDGED and r["group"] != "kpi":
            sentence = _change_sentence(r, figs, lang)
            if sentence:
                out.append(sentence)
    for r in rows:
        if r["group"] == "kpi" and r["verdict"] in _JUDGED:
            f = r["figure"]
            out.append(t("since.finding.kpi_run", lang, name=name(f, lang), says=t(f"since.says.{r['verdict']}", lang),
                         previous=quote(figs[f"since.previous.{f}"], lang),
                         current=quote(figs[f"since.current.{f}"], lang)))
    two = [name(r["figure"], lang) for r in rows if r["verdict"] == "two_points"]
    if two:
        out.append(t("since.finding.kpi_two_points", lang, names=", ".join(two)))
    same = _same_names([r for r in rows if r["verdict"] == "no_change" and r["group"] != "kpi"
                        and not per_service(r)], lang)
    if same:
        out.append(t("since.finding.no_change", lang, names="; ".join(same)))
    out += _actions(since, figs, lang)
    out += _moves(since, figs, lang)
    out += _standing(since.focus, "service_id", "since.finding.focus", lang)
    out += _standing(since.recommendations, "rec_id", "since.finding.recommendations", lang)
    return out


def executive(since: Since, lang: str, *, limit: int = 5) -> dict[str, list[str]]:
    """The executive summary's first block: the headline and the notes a reader needs first (``lead``),
    the real changes of the measured figures, the worse first — the whole organisation's, then a
    service's — (``items``, at most *limit*), and (``lines``) a word that the section has the real
    changes not listed (the KPIs', those beyond *limit*), then the action plan since — the same
    marked sentences as the section."""
    figs = registry(since.key_figures())
    rows = since.records()
    judged = [r for r in rows if r["verdict"] in (*_JUDGED, "no_change")]
    lead = [t("since.finding.headline", lang, previous=_when(since.previous_label, lang),
              better=_count("since.count.better", figs["since.better"], lang),
              worse=_count("since.count.worse", figs["since.worse"], lang),
              same=_count("since.count.no_change", figs["since.no_change"], lang))] if judged else []
    lead += _notes(since, figs, lang)
    # the worse first (the whole organisation's, then a service's), then the better: a headline's
    # "N for the worse" is never followed by fewer deteriorations without a word about the rest
    real = sorted((r for r in rows if r["verdict"] in ("worse", "better") and r["group"] != "kpi"),
                  key=lambda r: (r["verdict"] != "worse", per_service(r)))
    said = [(r, x) for r in real if (x := _change_sentence(r, figs, lang))]
    items = [x for _, x in said[:limit]]
    shown = {id(r) for r, _ in said[:limit]}
    left = [r for r in rows if r["verdict"] in _JUDGED and id(r) not in shown]
    more = [t("since.exec.more_worse" if any(r["verdict"] in ("worse", "down") for r in left) else "since.exec.more",
              lang)] if left and judged else []
    return {"lead": lead, "items": items, "lines": more + _actions(since, figs, lang)}


def methods(since: Since, lang: str) -> list[str]:
    """How the changes were judged (for the methods appendix): intervals, the bootstrap's resamples and
    seed (quoted figures), the KPIs' run rule."""
    figs = registry(since.key_figures())
    out = [t("since.method.intervals", lang)]
    if "since.tested" in figs:  # many figures, each at 95%: how many would change by chance alone (a yardstick)
        out.append(t("since.method.chance", lang, n=figs["since.tested"].value, tested=quote(figs["since.tested"], lang),
                     expected=quote(figs["since.by_chance"], lang), called=quote(figs["since.called"], lang)))
    if "since.n_boot" in figs:
        out.append(t("since.method.bootstrap", lang, n_boot=quote(figs["since.n_boot"], lang),
                     seed=quote(figs["since.seed"], lang)))
    if len(since.rows) and (since.rows["group"] == "kpi").any():
        out.append(t("since.method.kpis", lang))
    return out


def _note(code: Any, lang: str) -> str:
    if code is None or (not isinstance(code, str) and pd.isna(code)):
        return ""
    head, _, rest = str(code).partition(":")
    if head == "shift":
        return t("since.rownote.shift", lang, period=fmt_period(rest, lang))
    key = f"since.rownote.{head}"
    return t(key, lang) if key in CATALOGUE else ""


def table(since: Since, lang: str) -> pd.DataFrame:
    """Every compared figure: its name, both values, the change and its 95% interval as the text shows
    them, the verdict and a note; headers in *lang* (:data:`TABLE_COLUMNS`)."""
    out = []
    for r in since.records():
        low, high = r["low"], r["high"]
        if low is None and high is None:
            interval = "—"
        elif low is None:
            interval = t("since.interval.below", lang, high=show(high, r["change_kind"], lang))
        elif high is None:
            interval = t("since.interval.above", lang, low=show(low, r["change_kind"], lang))
        else:
            interval = t("since.interval", lang, low=show(low, r["change_kind"], lang),
                         high=show(high, r["change_kind"], lang))
        out.append({"figure": figure_label(r["figure"], lang), "previous": show(r["previous"], r["kind"], lang),
                    "current": show(r["current"], r["kind"], lang), "change": show(shown_change(r), r["change_kind"], lang),
                    "interval": interval, "verdict": t(f"since.verdict.{r['verdict']}", lang),
                    "note": _note(r["note"], lang)})
    frame = pd.DataFrame(out, columns=list(TABLE_COLUMNS))
    return translate(frame, TABLE_COLUMNS, lang)
