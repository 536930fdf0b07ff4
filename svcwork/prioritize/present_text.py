"""The prioritisation's sentences: findings, chart takeaways and the methods appendix.

Every number a finding or takeaway shows is a key figure (:mod:`.figures`) put in by
:func:`svcwork.keyfigures.quote` — marked, so the report links it to its definition and the
consistency test traces it; counts agree with their nouns through the catalogue's plural forms.
The only other digits are service ids and wave numbers (labels).  The body speaks plainly; the
methods (AHP, SMAA-2 with its Dirichlet weights and seed, TOPSIS, the integer program and its
greedy baseline) are named, with their parameters and sources, in :func:`methods`.

The findings, in order: where the roadmap starts (wave 1) and, labelled as such, the best scores
if they differ; the roadmap as a whole, with the wave discount stated; the weights; how firm the
order is; what the survey points to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

import pandas as pd

from ..i18n import fmt_list, fmt_number, fmt_percent, t
from ..keyfigures import KeyFigure, base_text, quote, registry
from .figures import DEFERRED_REASONS, robust_services, top_by_score, wave_members, weighting
from .waves import fmt_amount

if TYPE_CHECKING:
    from .analysis import PrioritizationResult
    from .waves import Conflict

__all__ = ["findings", "takeaways", "methods", "WAVE_1_LISTED"]

#: At most this many services of wave 1 are named in a sentence; the waves table lists them all.
WAVE_1_LISTED = 8


# =========================================================================== small pieces
def _figs(res: PrioritizationResult) -> dict[str, KeyFigure]:
    return registry(res.key_figures())  # computed once per result


def _crit(c: str, lang: str) -> str:
    return t(f"prioritize.criterion.{c}", lang)


def _name(res: PrioritizationResult, sid: Any) -> str | None:
    name = res.services.loc[sid, "service_name"]
    return name.strip() if isinstance(name, str) and name.strip() else None


def _named(res: PrioritizationResult, sid: Any, lang: str) -> str:
    name = _name(res, sid)
    return t("prioritize.phrase.named", lang, id=sid, name=name) if name else str(sid)


def _scored(res: PrioritizationResult, figs: Mapping[str, KeyFigure], sid: Any, lang: str) -> str:
    score = quote(figs[f"prioritize.score.{sid}"], lang)
    name = _name(res, sid)
    return (t("prioritize.phrase.named_score", lang, id=sid, name=name, score=score) if name
            else t("prioritize.phrase.id_score", lang, id=sid, score=score))


def _count(key: str, fig: KeyFigure, lang: str, **values: Any) -> str:
    """A catalogue phrase agreeing with the count *fig* (CLDR plural forms), the count marked."""
    return t(key, lang, n=fig.value, count=quote(fig, lang), **values)


def _place(res: PrioritizationResult, sid: Any, lang: str, wave_key: str, deferred_key: str) -> str:
    """Where the roadmap puts *sid* ("L02 is in wave 2", "L06 is deferred (capacity)")."""
    w = res.wave_of(sid)
    if w is not None:
        return t(wave_key, lang, service=sid, wave=w)
    return t(deferred_key, lang, service=sid, reason=t(f"prioritize.reason_code.{res.plan.reasons[sid][0]}", lang))


def _clash(conflict: Conflict, lang: str) -> str:
    """A conflict of the roadmap's constraints in a phrase without figures (the table has them)."""
    params = dict(conflict.params)
    if conflict.code == "groups":
        params["groups"] = ", ".join(t(f"prioritize.group.{g}", lang) for g in params["groups"])
    return t(f"prioritize.clash.{conflict.code}", lang, **params)


def _planned_in_waves(figs: Mapping[str, KeyFigure], lang: str) -> tuple[str, str]:
    """("7 of 11 services", "in 3 waves"), counts marked and agreeing with their nouns."""
    planned = t("prioritize.phrase.planned_of", lang, n=figs["prioritize.services"].value,
                count=quote(figs["prioritize.services"], lang), planned=quote(figs["prioritize.planned"], lang))
    return planned, _count("prioritize.phrase.in_waves", figs["prioritize.waves"], lang)


# =========================================================================== findings
def findings(res: PrioritizationResult, lang: str) -> list[str]:
    """Up to five sentences for the report in *lang*, each number a marked key figure: where the
    roadmap starts, the roadmap, the weights, how firm the order is, what the survey points to."""
    if not res.available:
        return [t("prioritize.skipped", lang)]
    figs = _figs(res)
    out = [_start(res, figs, lang)]
    if res.plan is not None:
        out.append(_roadmap(res, figs, lang))
    out.append(_weights(res, figs, lang))
    firm = _firmness(res, figs, lang)
    if firm:
        out.append(firm)
    if res.survey_focus:
        out.append(_survey(res, figs, lang))
    return out[:5]


def _start(res: PrioritizationResult, figs: Mapping[str, KeyFigure], lang: str) -> str:
    """Wave 1 of the roadmap — what the committee starts with — and, labelled, the best scores
    when they are not all in it (or, without a roadmap, why not and the best scores).

    The roadmap is said not to simply follow the score only when it does not: when one of the best
    scores is in another wave than filling the waves in score order (the baseline the next finding
    measures the roadmap against, :attr:`.waves.WavePlan.greedy_wave`) would put it; those of them
    outside wave 1 are named (or, when the only move is into wave 1, that one).  Otherwise the text says the roadmap places them as that fill would.  With a single
    service the text says it is the only one, and never calls it "the highest"."""
    top = top_by_score(res)
    scored = ", ".join(_scored(res, figs, s, lang) for s in top)
    n = len(top)
    only = len(res.order) == 1
    if res.plan is None:
        text = (t("prioritize.finding.only_service", lang, services=scored) if only
                else t("prioritize.finding.top_only", lang, n=n, services=scored))
        if res.conflicts:
            clash = "; ".join(_clash(c, lang) for c in res.conflicts)
            text = t("prioritize.finding.infeasible", lang, clash=clash) + " " + text
        return text
    first = wave_members(res, 1)
    if not first:
        return t("prioritize.finding.start_none", lang) + " " + (
            t("prioritize.finding.only_service", lang, services=scored) if only
            else t("prioritize.finding.top_only", lang, n=n, services=scored))
    listed = ", ".join(_named(res, s, lang) for s in first[:WAVE_1_LISTED])
    if len(first) > WAVE_1_LISTED:
        listed += ", " + t("prioritize.phrase.and_more", lang)
    text = _count("prioritize.finding.start", figs["prioritize.wave_services.1"], lang, services=listed)
    if only:  # "the roadmap starts with one service in wave 1: S1" says it all
        return text
    later = [s for s in top if s not in first]
    if not later:
        return text + " " + t("prioritize.finding.top_in_wave_1", lang, n=n, services=scored)
    departs = [s for s in top if _departs(res, s)]
    if not departs:
        placed = "; ".join(_place(res, s, lang, "prioritize.phrase.in_wave", "prioritize.phrase.deferred_for")
                           for s in later)
        return text + " " + t("prioritize.finding.top_follow", lang, n=n, services=scored, placed=placed)
    named = [s for s in departs if s in later] or departs  # those moved later; else the one moved into wave 1
    placed = "; ".join(_place(res, s, lang, "prioritize.phrase.in_wave", "prioritize.phrase.deferred_for")
                       for s in named)
    return text + " " + t("prioritize.finding.top_differs", lang, n=n, services=scored, placed=placed)


def _departs(res: PrioritizationResult, sid: Any) -> bool:
    """Whether the roadmap puts *sid* in another wave (or deferral) than filling the waves in score order."""
    fill = res.plan.greedy_wave.get(sid)
    fill = None if fill is None or fill is pd.NA else int(fill)
    return res.wave_of(sid) != fill


def _roadmap(res: PrioritizationResult, figs: Mapping[str, KeyFigure], lang: str) -> str:
    """The roadmap as a whole: planned, waves, deferred by reason; its value with the wave
    discount stated, against filling the waves in score order."""
    plan = res.plan
    planned, waves = _planned_in_waves(figs, lang)
    deferred = figs["prioritize.deferred"]
    if not deferred.value:
        why = t("prioritize.phrase.none_deferred", lang)
    else:
        reasons = [_count(f"prioritize.phrase.deferred_{code}", figs[f"prioritize.deferred_{code}"], lang)
                   for code in DEFERRED_REASONS if figs[f"prioritize.deferred_{code}"].value]
        why = _count("prioritize.phrase.deferred", deferred, lang) + " (" + ", ".join(reasons) + ")"
    text = t("prioritize.finding.plan", lang, planned=planned, waves=waves, deferred=why)
    value, simple = figs["prioritize.plan_value"], figs["prioritize.simple_value"]
    gain = ""
    if value.shown(lang) == simple.shown(lang):
        gain = t("prioritize.finding.gain_none", lang)
    elif "prioritize.gain" in figs:  # a gain only over a baseline that keeps every constraint (figures.py)
        gain = t("prioritize.finding.gain", lang, gain=quote(figs["prioritize.gain"], lang))
    text += " " + t("prioritize.finding.value", lang, discount=quote(figs["prioritize.discount"], lang),
                    value=quote(value, lang), simple=quote(simple, lang), gain=gain)
    if not plan.greedy_feasible:
        text += t("prioritize.finding.simple_breaks", lang)
    return text


def _weights(res: PrioritizationResult, figs: Mapping[str, KeyFigure], lang: str) -> str:
    """Where the weights come from, the heaviest, and how consistent the comparisons are."""
    criteria = _count("prioritize.phrase.criteria", figs["prioritize.criteria"], lang)
    how, top = weighting(res.weights)  # one rule with the executive summary: ties named together, all tied "equally"
    if how == "equal":
        text = t("prioritize.finding.weights_equal", lang, criteria=criteria)
    else:
        text = t("prioritize.finding.weights" if how == "one" else "prioritize.finding.weights_tied", lang,
                 criteria=criteria, source=t(f"prioritize.source.{res.method}", lang),
                 criterion=fmt_list([_crit(c, lang) for c in top], lang),
                 weight=quote(figs[f"prioritize.weight.{top[0]}"], lang))
    if "prioritize.consistency_ratio" in figs:
        values = {"cr": quote(figs["prioritize.consistency_ratio"], lang),
                  "limit": quote(figs["prioritize.cr_limit"], lang)}
        if res.ahp.acceptable:
            text += " " + t("prioritize.finding.cr_ok", lang, **values)
        else:
            j = res.ahp.most_inconsistent[0]
            text += " " + t("prioritize.finding.cr_bad", lang, a=_crit(j.a, lang), b=_crit(j.b, lang),
                            given=quote(figs["prioritize.judgement_given"], lang),
                            consistent=quote(figs["prioritize.judgement_consistent"], lang), **values)
    if "prioritize.gci" in figs:
        text += " " + t("prioritize.finding.gci_ok" if res.ahp.gci_acceptable else "prioritize.finding.gci_bad", lang,
                        gci=quote(figs["prioritize.gci"], lang), limit=quote(figs["prioritize.gci_limit"], lang),
                        criteria=criteria)
    return text


def _robust(res: PrioritizationResult, figs: Mapping[str, KeyFigure], lang: str) -> str:
    """How often the top N by score stay in the top N under weights varied around the agreed
    ones: between the lowest and the highest share, each quoted (never "at least" a rounded
    figure)."""
    top = robust_services(res.order, res.top_n)  # one rule with the executive summary
    shares = [figs[f"prioritize.p_top.{s}"] for s in top]
    low = min(shares, key=lambda f: (f.value, f.key))
    high = max(shares, key=lambda f: (f.value, f.key))
    values = {"samples": base_text(low, lang), "top": quote(figs["prioritize.top_n"], lang),
              "services": ", ".join(map(str, top))}
    if low.shown(lang) == high.shown(lang):
        return t("prioritize.finding.robust_same", lang, p=quote(low, lang), **values)
    return t("prioritize.finding.robust", lang, low=quote(low, lang), high=quote(high, lang), **values)


def _sensitive(res: PrioritizationResult, figs: Mapping[str, KeyFigure], lang: str) -> str:
    """The weight the top N is most sensitive to, with the range over which it holds (rounded inwards)."""
    crit = res.sensitivity.most_sensitive
    top = quote(figs["prioritize.top_n"], lang)
    if crit is None:
        return t("prioritize.finding.insensitive", lang, top=top)
    f = figs[f"prioritize.weight.{crit}"]
    return t("prioritize.finding.sensitive", lang, criterion=_crit(crit, lang), top=top, low=quote(f, lang, "low"),
             high=quote(f, lang, "high"), weight=quote(f, lang))


def _firmness(res: PrioritizationResult, figs: Mapping[str, KeyFigure], lang: str) -> str:
    """How firm the order is: weights varied at random, one weight moved, a second way of scoring."""
    parts = []
    if res.top_n < len(res.order):  # with every service in the top N there is nothing to test
        parts += [_robust(res, figs, lang), _sensitive(res, figs, lang)]
    cmp = res.comparison
    if "prioritize.rank_correlation" in figs:
        top = quote(figs["prioritize.top_n"], lang)
        flagged = (t("prioritize.finding.flagged", lang, n=len(cmp.flagged), services=", ".join(map(str, cmp.flagged)),
                     top=top) if cmp.flagged else t("prioritize.finding.flagged_none", lang, top=top))
        parts.append(t("prioritize.finding.crosscheck", lang, rho=quote(figs["prioritize.rank_correlation"], lang),
                       flagged=flagged))
    return " ".join(parts)


def _survey(res: PrioritizationResult, figs: Mapping[str, KeyFigure], lang: str) -> str:
    """The services the survey points to, each with its share, and where the roadmap puts them;
    said plainly that the score does not include the survey."""
    focus = list(res.survey_focus)
    named = []
    for s in focus:
        share = quote(figs[f"prioritize.survey_signal.{s}"], lang)
        name = _name(res, s)
        named.append(t("prioritize.phrase.named_share", lang, id=s, name=name, share=share) if name
                     else t("prioritize.phrase.id_share", lang, id=s, share=share))
    text = _count("prioritize.finding.survey", figs["prioritize.survey_focus"], lang,
                  mean=quote(figs["prioritize.survey_mean"], lang), services=", ".join(named))
    if res.plan is None:
        return text + " " + t("prioritize.finding.survey_no_plan", lang)
    later = [s for s in focus if res.wave_of(s) != 1]
    where = "; ".join(_place(res, s, lang, "prioritize.finding.where_wave", "prioritize.finding.where_deferred")
                      for s in later)
    if not later:
        return text + " " + t("prioritize.finding.survey_first", lang, n=len(focus))
    if len(later) == len(focus):
        return text + " " + t("prioritize.finding.survey_none_first", lang, n=len(focus), services=where)
    return text + " " + _count("prioritize.finding.survey_later", figs["prioritize.survey_focus_later"], lang,
                               services=where)


# =========================================================================== takeaways
def takeaways(res: PrioritizationResult, lang: str) -> dict[str, str]:
    """One marked sentence per chart of :func:`.present.figures`: what it shows."""
    if not res.available:
        return {}
    figs = _figs(res)
    out: dict[str, str] = {}
    quick = [str(s) for s in res.order if res.quadrant[s] == "quick_win"]
    out["matrix"] = (_count("prioritize.takeaway.matrix", figs["prioritize.quick_wins"], lang,
                            services=", ".join(quick)) if quick else t("prioritize.takeaway.matrix_none", lang))
    out["sensitivity"] = _sensitive(res, figs, lang)
    leader = res.order[0]
    first = figs[f"prioritize.p_first.{leader}"]
    out["acceptability"] = t("prioritize.takeaway.acceptability", lang, service=leader, p=quote(first, lang),
                             samples=base_text(first, lang), top=quote(figs["prioritize.top_n"], lang))
    if res.plan is None:
        out["waves"] = t("prioritize.takeaway.no_plan", lang)
    else:
        planned, waves = _planned_in_waves(figs, lang)
        members = [str(s) for s in wave_members(res, 1)]
        out["waves"] = (t("prioritize.takeaway.waves", lang, services=", ".join(members), planned=planned, waves=waves)
                        if members else t("prioritize.finding.start_none", lang))
    return out


# =========================================================================== methods appendix
def methods(res: PrioritizationResult, lang: str) -> list[str]:
    """The methods behind the section's numbers — names, parameters, seed and sources — for the
    report's methods appendix (the body names none of them)."""
    if not res.available:
        return []
    out = [t("prioritize.methods.score", lang, midpoint=fmt_amount(res.midpoint))]
    if res.method == "ahp" and res.ahp is not None:
        how = t("prioritize.methods.ahp_geometric" if res.ahp.method == "geometric" else "prioritize.methods.ahp_eigen",
                lang)
        out.append(t("prioritize.methods.weights_ahp", lang, how=how, table=res.ahp.random_index_table,
                     limit=fmt_number(res.ahp.threshold, lang, digits=2)))
    else:
        out.append(t(f"prioritize.methods.weights_{'direct' if res.method == 'direct' else 'default'}", lang))
    acc = res.acceptability
    out.append(t("prioritize.methods.robustness", lang, samples=fmt_number(acc.n_samples, lang),
                 concentration=f"{acc.concentration:g}", seed=str(acc.seed)))
    cmp = res.comparison
    if cmp.spearman is not None:
        out.append(t("prioritize.methods.crosscheck", lang, rho=fmt_number(cmp.spearman, lang, digits=3),
                     tau=fmt_number(cmp.kendall, lang, digits=3)))
    plan = res.plan
    if plan is not None:
        out.append(t("prioritize.methods.roadmap", lang, gap=fmt_percent(plan.gap, lang, digits=2),
                     discount=f"{plan.discount:g}",
                     quick=(t("prioritize.methods.quick", lang, n=res.min_quick_wins, count=res.min_quick_wins)
                            if res.min_quick_wins else t("prioritize.methods.no_quick", lang)),
                     dependencies=t("prioritize.methods.same_wave" if plan.same_wave
                                    else "prioritize.methods.next_wave", lang),
                     greedy="" if plan.greedy_feasible else t("prioritize.methods.greedy_infeasible", lang)))
    if res.survey_signal is not None:
        out.append(t("prioritize.methods.survey", lang))
    out += _scenario_methods(res, lang)
    return out


def _scenario_methods(res: PrioritizationResult, lang: str) -> list[str]:
    """The workshop scenario this section shows, with its changes; or, for the form's values, the
    scenarios the Scenarios sheet holds (see :mod:`svcwork.workshop`)."""
    if res.scenario is not None:
        sc = res.scenario
        unknown = t("workshop.methods.unknown", lang)
        out = [t("workshop.methods.scenario", lang, name=sc.name, who=sc.who or unknown, when=sc.when or unknown,
                 changes=sc.text(lang))]
        stale = tuple(getattr(sc, "stale", ()) or ())  # older cached engagements have no such field
        if stale:  # saved against an earlier form: the committee chose it on other data (scenario.stale)
            out.append(t("workshop.methods.stale", lang, name=sc.name, parts=fmt_list(
                [t(f"intake.reason.form_{part}", lang) for part in stale], lang)))
        return out
    if res.scenarios:
        return [t("workshop.methods.scenarios", lang,
                  names="; ".join(f"„{s.name}” ({s.text(lang)})" if lang == "he" else f"“{s.name}” ({s.text(lang)})"
                                  for s in res.scenarios))]
    return []
