"""``analyse(engagement)``: every step run on a client's intake, and the result it returns.

:func:`analyse` chooses the weights (AHP from the Pairwise sheet, else the Criteria sheet's
direct weights, else equal weights), scores the services, cross-checks the ranking, measures
its robustness, plans the waves and adds the survey evidence; :class:`PrioritizationResult`
holds what it found, as data, with :meth:`~PrioritizationResult.summary` for ``summary.json``.
The report's tables, figures and findings are made in :mod:`.present`; the result's
``tables``/``figures``/``findings`` methods hand over to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

import pandas as pd

from ..common import Presented, is_blank, round_or_none
from ..errors import AnalysisError
from ..schema import CRITERIA_COLUMNS as CRITERIA_COLUMNS_ORDER
from . import present
from .ahp import GCI_REFERENCE, AhpResult, PairwiseJudgements, ahp_weights, pairwise_matrix
from .robustness import RankAcceptability, Sensitivity, rank_acceptability, sensitivity
from .scoring import (DEFAULT_DIRECTIONS, CriteriaWeights, MethodComparison, ScoreResult, TopsisResult,
                      compare_methods, direct_weights, quadrants, score_order, topsis, wsm)
from .survey import id_lookup, survey_focus
from .waves import Conflict, InfeasiblePlanError, PlanInputError, PlanTimeoutError, WavePlan, fmt_amount, plan_waves

__all__ = ["DEFAULT_CRITERIA", "EXCLUDED_COLUMN", "PrioritizationResult", "analyse", "plan_inputs"]


DEFAULT_CRITERIA = ("benefit", "visibility", "effort")

#: A Services column no intake sheet has: True for a service a workshop scenario leaves out of the roadmap
#: (set by :func:`svcwork.workshop.apply.apply_changes`; absent in an engagement read from the form).
EXCLUDED_COLUMN = "_excluded"


@dataclass(frozen=True)
class PrioritizationResult(Presented):
    """Everything :func:`analyse` found: the data of every step, and :meth:`summary` for ``summary.json``.

    ``tables``, ``figures``, ``findings`` and ``skipped`` render it for the report in Hebrew or
    English (see :mod:`svcwork.prioritize.present`).
    """

    _PRESENT = "svcwork.prioritize.present"  # the module that writes its tables, figures and findings

    available: bool
    language: str
    method: str | None = None                     # "ahp", "direct" or "default"
    weights: pd.Series | None = None
    directions: Mapping[str, str] = field(default_factory=dict)
    direct: CriteriaWeights | None = None
    ahp: AhpResult | None = None
    pairwise: PairwiseJudgements | None = None
    services: pd.DataFrame | None = None          # index service_id: name, unit, scores, reach, row …
    score: ScoreResult | None = None
    quadrant: pd.Series | None = None
    visible: pd.Series | None = None
    topsis: TopsisResult | None = None
    comparison: MethodComparison | None = None
    sensitivity: Sensitivity | None = None
    acceptability: RankAcceptability | None = None
    plan: WavePlan | None = None
    conflicts: tuple[Conflict, ...] = ()
    notes: tuple[tuple[str, Mapping[str, Any]], ...] = ()
    top_n: int = 5
    midpoint: float = 3.0
    seed: int = 0
    accent_color: str | None = None
    plan_unit: str = "days"
    size_column: str | None = None
    min_quick_wins: int = 0
    locked: Mapping[Any, int] = field(default_factory=dict)  # service -> wave the consultant fixed it to
    survey_signal: pd.Series | None = None        # service_id -> 0–1 benefit signal (None: not given)
    survey_focus: tuple = ()                      # services the survey says to concentrate on
    excluded: tuple = ()                          # services a scenario leaves out of the roadmap
    scenario: Any = None                          # the workshop scenario applied (svcwork.intake.scenarios.Scenario)
    scenarios: tuple = ()                         # every scenario the intake's Scenarios sheet holds

    # ------------------------------------------------------------------ data helpers
    @property
    def order(self) -> list:
        """Service ids from best to worst score (ties in intake order; scores compared as
        :func:`.scoring.score_order` compares them, the rule of the ranks too)."""
        s = self.score.scores
        return list(s.index[score_order(s)])

    def wave_of(self, sid: Any) -> int | None:
        """The wave the roadmap puts *sid* in; ``None`` when deferred or when there is no plan."""
        if self.plan is None:
            return None
        w = self.plan.wave.get(sid)
        return None if w is None or w is pd.NA else int(w)

    def survey_of(self, sid: Any) -> float | None:
        """The survey's benefit signal of *sid* (0–1); ``None`` when not given for it."""
        if self.survey_signal is None or sid not in self.survey_signal.index:
            return None
        return float(self.survey_signal[sid])

    # ------------------------------------------------------------------ summary.json
    def summary(self) -> dict:
        """The result for ``summary.json``.

        ``priorities`` lists every service by score (``rank``) with its roadmap ``wave`` (``None``:
        deferred, or no roadmap); ``wave_1`` lists the services of the roadmap's wave 1 — what the
        committee starts with — best score first (empty when no roadmap could be planned).  The
        best scores and wave 1 differ when capacity, dependencies or the quick-win minimum say so.
        """
        if not self.available:
            return {"available": False, "priorities": [], "wave_1": [], "criteria_weights": {},
                    "consistency_ratio": None, "method": None}
        p_top = self.acceptability.top
        priorities = []
        for sid in self.order:
            priorities.append({
                "service_id": str(sid),
                "score": round(float(self.score.scores[sid]), 6),
                "rank": int(self.score.rank[sid]),
                "quadrant": str(self.quadrant[sid]),
                "wave": self.wave_of(sid),
                "visible": bool(self.visible[sid]),
                "mandatory": bool(self.services.loc[sid, "mandatory"]),
                "p_top_n": round(float(p_top[sid]), 4),
                "topsis_rank": int(self.topsis.rank[sid]),
                "deferred_reason": (self.plan.reasons[sid][0] if self.plan is not None and sid in self.plan.reasons
                                    else None),
                "survey_signal": round_or_none(self.survey_of(sid), 4),
            })
        plan = self.plan
        return {
            "available": True,
            "method": self.method,
            "criteria_weights": {c: round(float(w), 6) for c, w in self.weights.items()},
            "criteria_directions": dict(self.directions),
            "consistency_ratio": None if self.ahp is None or self.ahp.consistency_ratio is None
            else round(self.ahp.consistency_ratio, 6),
            "random_index_table": None if self.ahp is None else self.ahp.random_index_table,
            "geometric_consistency_index": None if self.ahp is None
            else round_or_none(self.ahp.geometric_consistency_index, 6),
            "gci_threshold": None if self.ahp is None else self.ahp.gci_threshold,
            "gci_threshold_table": None if self.ahp is None or self.ahp.geometric_consistency_index is None
            else GCI_REFERENCE,
            "raters": None if self.pairwise is None else len(self.pairwise.raters),
            "top_n": self.top_n,
            "priorities": priorities,
            # what the committee starts with: the roadmap's wave 1, best score first (empty without a roadmap)
            "wave_1": [str(sid) for sid in self.order if self.wave_of(sid) == 1],
            "rank_correlation": {"spearman": round_or_none(self.comparison.spearman, 6),
                                 "kendall": round_or_none(self.comparison.kendall, 6)},
            "method_dependent": [str(s) for s in self.comparison.flagged],
            "acceptability": {"n_samples": self.acceptability.n_samples, "seed": self.acceptability.seed,
                              "concentration": self.acceptability.concentration},
            "waves": {
                "feasible": plan is not None,
                "n_waves": None if plan is None else plan.waves,
                "capacity": None if plan is None else list(plan.capacity),
                "unit": self.plan_unit,
                "discount": None if plan is None else plan.discount,
                "same_wave_dependencies": None if plan is None else plan.same_wave,
                "value": None if plan is None else round(plan.value, 6),
                "greedy_value": None if plan is None else round(plan.greedy_value, 6),
                "greedy_feasible": None if plan is None else plan.greedy_feasible,
                "gap": None if plan is None else round_or_none(plan.gap, 6),
                "planned": None if plan is None else int(plan.wave.notna().sum()),
                "deferred": None if plan is None else len(plan.deferred),
                "min_quick_wins": self.min_quick_wins,
                "locked": {str(k): int(v) for k, v in self.locked.items()},
                "conflicts": [c.text("en") for c in self.conflicts],
            },
            "survey_focus": [str(s) for s in self.survey_focus],
            "notes": [present.note_text(k, p, "en") for k, p in self.notes],
        }

    # ------------------------------------------------------------------ the report's views (made in .present)
    def skipped(self, lang: str) -> str:
        """Why the analysis was skipped, in *lang*."""
        return present.skipped(lang)

    def note_text(self, key: str, params: Mapping[str, Any], lang: str) -> str:
        """A method note in *lang* (criteria names and units translated)."""
        return present.note_text(key, params, lang)

def _intake_locks(services: pd.DataFrame, waves: int) -> tuple[dict[str, int], tuple[Conflict, ...]]:
    """The Services sheet's ``locked_wave`` column as service id -> wave (blank cells are free), and a
    ``locked_wave_sheet`` conflict (naming the intake row) for each lock outside 1…*waves*.

    The intake checks the column against this engagement's ``waves`` too
    (:mod:`svcwork.intake.checks`); an engagement built otherwise gets the same answer here, as a
    roadmap conflict rather than an exception, so the other analyses still run.
    """
    if "locked_wave" not in services.columns:  # an engagement cached before the column existed
        return {}, ()
    rows = services["_row"] if "_row" in services.columns else [None] * len(services)
    out: dict[str, int] = {}
    bad: list[Conflict] = []
    for sid, value, row in zip(services.index, services["locked_wave"], rows):
        if is_blank(value):
            continue
        wave = float(value)
        if not wave.is_integer() or not 1 <= wave <= waves:
            bad.append(Conflict("locked_wave_sheet", {"service": str(sid), "row": "—" if row is None else int(row),
                                                      "wave": fmt_amount(wave), "waves": waves, "n": waves}))
            continue
        out[str(sid)] = int(wave)
    return out, tuple(bad)


def plan_inputs(services: pd.DataFrame, settings) -> tuple[pd.Series, str, float | list[float], list]:
    """The roadmap's resources per service, their unit, the wave capacity and the notes saying what was assumed.

    Resources are ``resources_days`` (missing cells take the median; with no resources at all the
    effort score serves as a relative size, unit ``effort_points``); capacity is
    ``wave_capacities`` (one figure per wave), else ``wave_capacity_days`` for every wave, else the
    total divided evenly over the waves and at least the largest service (capacities in days are
    ignored when the unit is effort points).  Shared by :func:`analyse` and the workshop's controls.
    """
    notes: list[tuple[str, dict]] = []
    W = int(settings.waves)
    days = services["resources_days"].astype(float)
    unit = "days"
    if days.isna().all():
        days = services["effort"].astype(float)
        unit = "effort_points"
        notes.append(("no_resources", {}))
    elif days.isna().any():
        notes.append(("resources_imputed", {"count": int(days.isna().sum()),
                                            "median": fmt_amount(float(days.median()))}))
        days = days.fillna(days.median())
    per_wave = settings.wave_capacities
    if per_wave is not None and unit == "days":
        capacity: float | list[float] = [float(c) for c in per_wave]  # one per wave (validated at intake)
    elif settings.wave_capacity_days is not None and unit == "days":
        capacity = float(settings.wave_capacity_days)
    else:
        if settings.wave_capacity_days is not None or per_wave is not None:
            notes.append(("capacity_ignored", {}))
        capacity = max(float(days.sum()) / W, float(days.max()))
        notes.append(("capacity_assumed", {"capacity": fmt_amount(capacity), "waves": W, "unit": unit}))
    return days, unit, capacity, notes


def analyse(engagement, *, top_n: int = 5, seed: int = 20260101, n_samples: int = 10_000,
            concentration: float = 50.0, midpoint: float = 3.0, ahp_method: str = "eigen", discount: float = 0.8,
            same_wave: bool = True, locked: Mapping[str, int] | None = None, min_quick_wins: int | None = None,
            mip_rel_gap: float = 0.001, benefit_signal: Mapping[str, float] | pd.Series | None = None,
            plan_time_limit: float = 60.0) -> PrioritizationResult:
    """Prioritise the engagement's services and plan the waves of the roadmap.

    Weights: AHP from the Pairwise sheet when its judgements (all raters together, AIJ) cover
    every pair of the criteria — it then takes precedence over the Criteria sheet's weights;
    otherwise the Criteria sheet's direct weights; with neither sheet, equal weights for
    benefit, visibility and effort (cost).  Criteria are the Criteria sheet's rows (or those the
    Pairwise sheet names); a criterion with no values in Services is dropped and said so.

    Roadmap: value = the weighted-sum score; resources = ``resources_days`` (missing cells take
    the median; with no resources at all the effort score serves as a relative size);
    capacity = ``wave_capacities`` (one figure per wave), else ``wave_capacity_days`` for every
    wave (when neither is set, the total divided evenly over the waves,
    and at least the largest service, so that every service fits some wave).
    Locks: the Services sheet's ``locked_wave`` (blank = free), with ``locked`` (service id ->
    wave) taking precedence for the services it names; a ``locked_wave`` outside 1…waves is a
    roadmap conflict (``locked_wave_sheet``, naming the service and its intake row): no roadmap,
    the other analyses still run.  Quick wins: the minimum of
    visible quick wins (quick win with visibility above the midpoint) in wave 1 is the argument
    ``min_quick_wins``, else the Engagement setting ``min_quick_wins``; when neither is given,
    one is asked for when one can be placed there, else none.  Infeasible constraints are
    reported (``conflicts``), never raised.

    Survey evidence: ``benefit_signal`` (service id -> 0–1, e.g.
    ``svcwork.links.benefit_signal(engagement)``: the share of respondents not agreeing on
    the "concentrate here" items) adds a column to the priorities table, a sentence to the
    reasoning of the services the survey says to concentrate on (:func:`survey_focus`), a
    ``survey_signal`` to each summary entry and a finding naming those wave 1 leaves out.  It
    is evidence shown beside the rank and does **not** change the weighted score, the ranks or
    the roadmap: the score stays traceable to the intake cells.  To let the survey count,
    raise the service's ``benefit`` in the Services sheet.

    Workshop scenarios: an engagement a scenario was applied to
    (:func:`svcwork.workshop.apply.apply_scenario`) carries it as ``engagement.scenario``; its
    services marked in :data:`EXCLUDED_COLUMN` are kept out of every wave, and the result names
    the scenario (and every scenario of the Scenarios sheet) for the methods appendix.  The MILP
    stops after ``plan_time_limit`` seconds (the plan's ``gap`` then shows how far from proven
    optimal it may be; with no roadmap found by then, a ``timeout`` conflict).
    """
    lang = engagement.language
    accent_color = engagement.settings.accent_color
    services = engagement.table("Services")
    if services.empty:
        return PrioritizationResult(False, lang, accent_color=accent_color)
    services = services.assign(service_id=services["service_id"].astype(str)).set_index("service_id", drop=False)
    services.index.name = None
    services["mandatory"] = (services["mandatory"] == "yes").fillna(False).astype(bool)
    evidence = None if benefit_signal is None else survey_focus(benefit_signal, list(services.index))  # checked early
    notes: list[tuple[str, dict]] = []
    criteria_frame = engagement.table("Criteria").dropna(subset=["criterion"])
    pair_frame = engagement.table("Pairwise").dropna(subset=["criterion_a", "criterion_b", "value"])
    direct = direct_weights(criteria_frame) if len(criteria_frame) else None
    if direct is not None:
        criteria = list(direct.weights.index)
        directions = dict(direct.directions)
    elif len(pair_frame):
        named = set(pair_frame["criterion_a"]) | set(pair_frame["criterion_b"])
        criteria = [c for c in CRITERIA_COLUMNS_ORDER if c in named]
        directions = {c: DEFAULT_DIRECTIONS[c] for c in criteria}
        notes.append(("default_directions", {"criteria": tuple(criteria)}))
    else:
        criteria = list(DEFAULT_CRITERIA)
        directions = {c: DEFAULT_DIRECTIONS[c] for c in criteria}
    empty = [c for c in criteria if services[c].isna().all()]
    if empty:
        notes.append(("criterion_empty", {"criteria": tuple(empty)}))
        criteria = [c for c in criteria if c not in empty]
    if not criteria:
        criteria = list(DEFAULT_CRITERIA)
        directions = {c: DEFAULT_DIRECTIONS[c] for c in criteria}
        direct = None
        notes.append(("fallback_default", {}))
    directions = {c: directions[c] for c in criteria}
    method, ahp, pairwise = "default", None, None
    weights = pd.Series(1.0 / len(criteria), index=criteria, name="weight")
    if len(pair_frame) and len(criteria) >= 2:
        rows = pair_frame[pair_frame["criterion_a"].isin(criteria) & pair_frame["criterion_b"].isin(criteria)]
        pj = pairwise_matrix(rows, criteria)
        if pj.complete:
            pairwise = pj
            ahp = ahp_weights(pj.aggregate, method=ahp_method)
            weights = ahp.weights.rename("weight")
            method = "ahp"
            if direct is not None:
                notes.append(("ahp_precedence", {}))
        else:
            notes.append(("pairwise_incomplete", {"pairs": tuple(pj.missing)}))
    if method != "ahp" and direct is not None:
        w = direct.raw.reindex(criteria).astype(float)
        if w.sum() > 0:
            weights = (w / w.sum()).rename("weight")
            method = "direct"
        else:
            notes.append(("weights_zero", {}))
    values = services[criteria].astype(float)
    score = wsm(values, weights, directions)
    for c in criteria:
        k = int(score.imputed[c].sum())
        if k:
            notes.append(("imputed", {"criteria": (c,), "count": k}))
    quad = quadrants(services["effort"], services["benefit"], midpoint=midpoint)
    visible = (services["visibility"].astype(float) > midpoint).rename("visible")
    filled = values.fillna(values.median())
    tops = topsis(filled, weights, directions)
    n_top = max(1, min(top_n, len(services)))
    comparison = compare_methods(score.scores, tops.closeness, top_n=n_top)
    sens = sensitivity(score.normalised, score.weights, top_n=n_top)
    acc = rank_acceptability(score.normalised, score.weights, concentration=concentration, n_samples=n_samples,
                             seed=seed, top_n=n_top)
    notes.append(("acceptability", {"samples": f"{acc.n_samples:,}", "concentration": f"{acc.concentration:g}",
                                    "seed": str(acc.seed)}))
    # ---- roadmap
    settings = engagement.settings
    W = int(settings.waves)
    days, unit, capacity, plan_notes = plan_inputs(services, settings)
    notes.extend(plan_notes)
    lookup = id_lookup(services.index)
    deps = {sid: [lookup[str(d).casefold()] for d in (ds or ()) if str(d).casefold() in lookup]
            for sid, ds in zip(services.index, services["depends_on"])}
    quick = [s for s in services.index if quad[s] == "quick_win" and visible[s]]
    excluded = ([s for s, x in zip(services.index, services[EXCLUDED_COLUMN]) if x is True or x == 1]
                if EXCLUDED_COLUMN in services.columns else [])
    intake_locks, lock_conflicts = _intake_locks(services, W)
    if intake_locks:
        notes.append(("locked_intake", {"services": ", ".join(f"{s} ({w})" for s, w in intake_locks.items()),
                                        "count": len(intake_locks)}))
    locked_ids = {**intake_locks, **{lookup.get(str(k).casefold(), k): v for k, v in (locked or {}).items()}}
    if min_quick_wins is None and settings.min_quick_wins is not None:
        min_quick_wins = int(settings.min_quick_wins)  # the Engagement sheet's setting: a hard minimum
        notes.append(("quick_wins_setting", {"count": min_quick_wins, "n": min_quick_wins}) if min_quick_wins
                     else ("quick_wins_none", {}))
    wanted = (1 if quick else 0) if min_quick_wins is None else int(min_quick_wins)
    plan, conflicts = None, ()
    kwargs = dict(waves=W, capacity=capacity, dependencies=deps, mandatory=list(services.index[services["mandatory"]]),
                  locked=locked_ids, quick_wins=quick, discount=discount, same_wave=same_wave, mip_rel_gap=mip_rel_gap,
                  time_limit=plan_time_limit, excluded=excluded)
    if lock_conflicts:  # a lock outside the roadmap: reported, never raised (the other analyses run)
        conflicts = lock_conflicts
    else:
        try:
            plan = plan_waves(score.scores, days, min_quick_wins=wanted, **kwargs)
        except InfeasiblePlanError as exc:
            if min_quick_wins is None and wanted > 0:
                try:
                    plan = plan_waves(score.scores, days, min_quick_wins=0, **kwargs)
                    wanted = 0
                    notes.append(("quick_win_unplaceable", {}))
                except InfeasiblePlanError as exc2:
                    conflicts = exc2.conflicts
                except PlanTimeoutError as exc2:
                    conflicts = (Conflict("timeout", {"seconds": f"{exc2.seconds:g}"}),)
            else:
                conflicts = exc.conflicts
        except PlanTimeoutError as exc:  # no roadmap within the time limit (the workshop's short one)
            conflicts = (Conflict("timeout", {"seconds": f"{exc.seconds:g}"}),)
        except PlanInputError as exc:  # e.g. a locked service that does not exist: its message in either language
            conflicts = (Conflict("input", {"key": exc.key, "params": dict(exc.params), "message": str(exc)}),)
        except AnalysisError as exc:
            conflicts = (Conflict("input", {"message": str(exc)}),)
    size_column = next((c for c in ("citizen_reach", "annual_volume") if services[c].notna().any()), None)
    if evidence is not None:
        notes.append(("survey_signal", {"count": len(evidence.signal), "focus": len(evidence.focus)})
                     if len(evidence.signal) else ("survey_signal_empty", {}))
        if evidence.unknown:
            notes.append(("survey_unknown", {"services": ", ".join(evidence.unknown)}))
    return PrioritizationResult(
        True, lang, method, weights, MappingProxyType(directions), direct, ahp, pairwise, services, score, quad, visible,
        tops, comparison, sens, acc, plan, tuple(conflicts), tuple((k, MappingProxyType(p)) for k, p in notes), n_top,
        float(midpoint), int(seed), accent_color, unit, size_column, wanted, MappingProxyType(dict(locked_ids)),
        survey_signal=None if evidence is None else evidence.signal,
        survey_focus=() if evidence is None else evidence.focus, excluded=tuple(excluded),
        scenario=_applied_scenario(engagement), scenarios=tuple(getattr(engagement, "scenarios", ()) or ()))


def _applied_scenario(engagement):  # noqa: ANN202 - a Scenario, or None
    """The scenario applied to *engagement* (its ``scenario`` name looked up in its ``scenarios``), or ``None``."""
    name = getattr(engagement, "scenario", None)
    if name is None:
        return None
    return next((s for s in getattr(engagement, "scenarios", ()) if s.name == name), None)
