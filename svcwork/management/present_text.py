"""The management section's words: its findings, the takeaway under each chart, and its methods.

Every number a sentence shows is a key figure of :mod:`svcwork.management.figures`, quoted with
its marker (:func:`svcwork.keyfigures.quote`); counts agree with their nouns by the CLDR plural
forms of the catalogue; no sentence formats a number or does arithmetic itself.  Method names,
parameters and seeds go to :func:`methods` (the report's methods appendix), not to the findings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

from ..i18n import fmt_date, fmt_period, t
from ..keyfigures import KeyFigure, base_text, quote, registry
from .calibration import WEAK_BANDS, agreement_band
from .items import item_label

if TYPE_CHECKING:  # pragma: no cover
    from .result import ManagementResult

__all__ = ["findings", "takeaways", "methods"]


class _Figures:
    """The result's key figures by key, with the small helpers the sentences share."""

    def __init__(self, r: ManagementResult, lang: str) -> None:
        self.lang = lang
        self.by_key: Mapping[str, KeyFigure] = registry(r.key_figures())
        self.confidence = self.by_key["management.confidence"]
        self.min_size = self.by_key["management.min_group_size"]

    def get(self, name: str, item: str | None = None) -> KeyFigure | None:
        return self.by_key.get(f"management.{name}" + (f".{item}" if item is not None else ""))

    def items(self, name: str) -> list[KeyFigure]:
        prefix = f"management.{name}."
        return [f for k, f in self.by_key.items() if k.startswith(prefix) and f.value is not None]

    def q(self, fig: KeyFigure, attr: str = "value") -> str:
        return quote(fig, self.lang, attr)

    def count(self, key: str, fig: KeyFigure) -> str:
        """A plural-agreeing phrase of the catalogue for the count *fig*."""
        return t(key, self.lang, n=fig.value, count=self.q(fig))

    def base(self, fig: KeyFigure) -> str:
        return base_text(fig, self.lang)

    def _scale(self, lo: KeyFigure | None, hi: KeyFigure | None) -> str:
        return t("management.scale", self.lang, lo=self.q(lo), hi=self.q(hi)) if lo and hi else ""

    def training_scale(self) -> str:
        """The training file's own scale ("0–100"), its ends quoted."""
        return self._scale(self.get("training_scale_min"), self.get("training_scale_max"))

    def observation_scale(self) -> str:
        """The observation scale ("1–5"), its ends quoted."""
        return self._scale(self.get("scale_min"), self.get("scale_max"))


# --------------------------------------------------------------------------- findings
def findings(r: ManagementResult, lang: str) -> list[str]:
    """Up to five sentences, each number a marked key figure: the action plan, where coaching should
    start (with the observers' agreement as a caveat when it is weak), the findings no action names,
    the lessons learned, and the training's two sources."""
    from .present import skipped

    if not r.available:
        return [skipped(r, lang)]
    f = _Figures(r, lang)
    out = [s for s in (_actions(r, f), _coaching(r, f), _unanswered(f), _lessons(f), _training(f)) if s]
    return out[:5] or [skipped(r, lang) or t("management.skipped.all", lang)]


def _actions(r: ManagementResult, f: _Figures) -> str | None:
    total = f.get("actions_total")
    if total is None:
        return None
    over = f.get("actions_overdue")
    overdue = (f.count("management.count.overdue", over) if over.value
               else t("management.count.none_overdue", f.lang))
    parts = dict(date=fmt_date(r.report_date, f.lang), total=t("figure.base.actions", f.lang, n=total.value,
                                                               count=f.q(total)),
                 open=f.count("management.count.open", f.get("actions_open")), overdue=overdue,
                 done=f.count("management.count.done", f.get("actions_done")))
    cancelled = f.get("actions_cancelled")
    if cancelled.value:
        return t("management.finding.actions_cancelled", f.lang, **parts,
                 cancelled=f.count("management.count.cancelled", cancelled))
    return t("management.finding.actions", f.lang, **parts)


def _coaching(r: ManagementResult, f: _Figures) -> str | None:
    means = f.items("item_mean")
    if not means:
        return (t("management.finding.observations_suppressed", f.lang, min=f.q(f.min_size))
                if r.has_observations else None)
    low = min(means, key=lambda g: (g.value, g.item))
    values = dict(item=item_label(low.item, f.lang), mean=f.q(low), top=f.q(f.get("scale_max")),
                  base=t("management.count.item_scores", f.lang, n=low.base, count=f.q(low, "base")))
    first = f.get("coaching_first", low.item)
    text = (t("management.finding.coaching_units", f.lang, **values, count=f.q(first), units=f.base(first))
            if first is not None else t("management.finding.coaching", f.lang, **values))
    kappa = f.get("kappa")
    band = agreement_band(kappa.value) if kappa is not None else None
    if band is not None:
        key = "management.finding.agreement_weak" if band in WEAK_BANDS else "management.finding.agreement"
        text += " " + t(key, f.lang, band=t(f"management.band.{band}", f.lang), kappa=f.q(kappa), base=f.base(kappa),
                        conf=f.q(f.confidence), low=f.q(kappa, "low"), high=f.q(kappa, "high"))
    return text


def _unanswered(f: _Figures) -> str | None:
    un = f.get("findings_unanswered")
    if un is None:
        return None
    checked = f.base(un)
    if not un.value:
        return t("management.finding.all_answered", f.lang, checked=checked)
    text = t("management.finding.unanswered", f.lang, n=un.value, count=f.q(un), checked=checked)
    sug = f.get("findings_suggested")
    if sug is not None and sug.value:
        text += " " + f.count("management.finding.suggested", sug)
    return text


def _lessons(f: _Figures) -> str | None:
    share = f.items("lessons_top_share")
    if not share:
        return None
    top = share[0]
    return t("management.finding.lessons", f.lang, category=top.item, share=f.q(top), events=f.base(top),
             without=f.count("management.count.no_action", f.get("lessons_without_action")))


def _extremes(figs: list[KeyFigure]) -> tuple[KeyFigure, KeyFigure]:
    ordered = sorted(figs, key=lambda g: (-g.value, g.item))
    return ordered[0], ordered[-1]


def _training(f: _Figures) -> str | None:
    changes = f.items("training_change")
    if not changes:
        return None
    best, _ = _extremes(changes)
    staff, scale = f.base(best), f.training_scale()
    transfer = f.items("transfer_change")
    if len(transfer) >= 2:
        top, bottom = _extremes(transfer)
        return t("management.finding.training_two_sources", f.lang, staff=staff, skill=item_label(best.item, f.lang),
                 change=f.q(best), scale=scale, observed=f.base(top), obs_scale=f.observation_scale(),
                 top=item_label(top.item, f.lang), top_change=f.q(top), bottom=item_label(bottom.item, f.lang),
                 bottom_change=f.q(bottom))
    return t("management.finding.training", f.lang, staff=staff, skill=item_label(best.item, f.lang),
             change=f.q(best), scale=scale, conf=f.q(f.confidence), low=f.q(best, "low"), high=f.q(best, "high"))


# --------------------------------------------------------------------------- takeaways
def takeaways(r: ManagementResult, lang: str) -> dict[str, str]:
    """One marked sentence per chart (by its slug in :func:`~svcwork.management.present.figures`)."""
    f = _Figures(r, lang)
    out: dict[str, str] = {}
    for slug, write in (("observation_heatmap", _take_heatmap), ("observation_trend", _take_trend),
                        ("actions_status", _take_status), ("actions_burndown", _take_burndown),
                        ("actions_rounds", _take_rounds), ("lessons_pareto", _take_pareto),
                        ("training_change", _take_training)):
        text = write(r, f)
        if text:
            out[slug] = text
    return out


def _take_heatmap(r: ManagementResult, f: _Figures) -> str | None:
    cells, means = f.items("lowest_cell"), f.items("item_mean")
    if not cells or not means:
        return None
    cell = cells[0]
    unit, _, item = cell.item.partition(" · ")
    low = min(means, key=lambda g: (g.value, g.item))
    return t("management.takeaway.observation_heatmap", f.lang, unit=unit, item=item_label(item, f.lang),
             mean=f.q(cell), top=f.q(f.get("scale_max")),
             base=t("management.count.item_scores", f.lang, n=cell.base, count=f.q(cell, "base")),
             lowest=item_label(low.item, f.lang),
             lowest_mean=f.q(low))


def _take_trend(r: ManagementResult, f: _Figures) -> str | None:
    changes = f.items("trend_change")
    if not changes or not len(r.trend):
        return None
    most = max(changes, key=lambda g: (abs(g.value), g.item))
    periods = sorted(r.trend["period"].astype(str).unique())
    return t("management.takeaway.observation_trend", f.lang, first=fmt_period(periods[0], f.lang),
             last=fmt_period(periods[-1], f.lang), item=item_label(most.item, f.lang), change=f.q(most),
             base=f.base(most))


def _take_status(r: ManagementResult, f: _Figures) -> str | None:
    units = f.items("unit_open")
    if not units:
        return None
    u, over = units[0], f.get("actions_overdue")
    overdue = (f.count("management.count.overdue", over) if over.value
               else t("management.count.none_overdue", f.lang))
    return t("management.takeaway.actions_status", f.lang, unit=u.item, count=f.q(u), base=f.base(u),
             open=f.count("management.count.open", f.get("actions_open")), overdue=overdue)


def _take_burndown(r: ManagementResult, f: _Figures) -> str | None:
    actual, planned = f.get("actual_remaining"), f.get("planned_remaining")
    if actual is None or planned is None:
        return None
    return t("management.takeaway.actions_burndown", f.lang, date=fmt_date(r.report_date, f.lang),
             actual=t("figure.base.actions", f.lang, n=actual.value, count=f.q(actual)),
             planned=t("figure.base.actions", f.lang, n=planned.value, count=f.q(planned)))


def _take_rounds(r: ManagementResult, f: _Figures) -> str | None:
    due = f.get("round_due")
    if due is None or len(r.rounds) < 2:
        return None
    words = dict(due=t("figure.base.actions", f.lang, n=due.value, count=f.q(due)), done=f.q(f.get("round_done")),
                 remaining=f.q(f.get("round_remaining")))
    label, end = str(r.rounds["round"].iloc[-1]), r.rounds["date"].iloc[-1]
    # the last round counts the actions due before the report date, as the overdue count does
    # (management.actions.burn_down_by_round), whether or not the report date ends its period
    return t("management.takeaway.actions_rounds_to_date", f.lang, date=fmt_date(end, f.lang),
             round=fmt_period(label, f.lang), **words)


def _take_pareto(r: ManagementResult, f: _Figures) -> str | None:
    vital, share = f.get("vital_few"), f.get("vital_few_share")
    if vital is None or share is None or share.value is None:
        return None
    return t("management.takeaway.lessons_pareto", f.lang, n=vital.value, count=f.q(vital),
             categories=f.q(f.get("lessons_categories")), share=f.q(share), events=f.base(share),
             line=f.q(f.get("vital_share")))


def _take_training(r: ManagementResult, f: _Figures) -> str | None:
    changes = f.items("training_change")
    if len(changes) < 2:
        return None
    top, bottom = _extremes(changes)
    return t("management.takeaway.training_change", f.lang, staff=f.base(top), scale=f.training_scale(),
             top=item_label(top.item, f.lang),
             top_change=f.q(top), bottom=item_label(bottom.item, f.lang), bottom_change=f.q(bottom),
             table=t("report.caption.management.training_transfer", f.lang))


# --------------------------------------------------------------------------- methods
def methods(r: ManagementResult, lang: str) -> list[str]:
    """The methods behind the section's numbers (names, references, parameters, seeds), for the appendix."""
    f = _Figures(r, lang)
    out = []
    if r.has_observations:
        out.append(t("management.method.observations", lang, conf=f.q(f.confidence), min=f.q(f.min_size)))
        if f.get("kappa") is not None:
            out.append(t("management.method.agreement", lang))
            if f.get("n_boot") is not None:
                out.append(t("management.method.bootstrap", lang, n_boot=f.q(f.get("n_boot")), seed=f.q(f.get("seed"))))
    if r.has_actions:
        out.append(t("management.method.actions", lang))
    if f.get("suggest_overlap") is not None:
        out.append(t("management.method.coverage", lang, overlap=f.q(f.get("suggest_overlap"))))
    if f.get("vital_share") is not None:
        out.append(t("management.method.lessons", lang, line=f.q(f.get("vital_share"))))
    if r.has_training:
        out.append(t("management.method.training", lang, conf=f.q(f.confidence)))
    return out
