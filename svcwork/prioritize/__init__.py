"""Prioritization and the staged roadmap: which services first, and why.

The steps, each a pure function (frames/arrays in, small frozen results out), one module each:

* **Weights** (:mod:`.ahp`, :mod:`.scoring`) — :func:`direct_weights` from the Criteria sheet
  (weights divided by their sum), or :func:`ahp_weights` from pairwise judgements (Saaty's
  principal eigenvector, or the row geometric mean of Crawford & Williams), with λmax, the
  consistency index and ratio against Saaty's (1980) random-index table (for the geometric mean
  also the geometric consistency index, Aguarón & Moreno-Jiménez 2003) and — when CR > 0.10 —
  the judgements that depart most from the others.  :func:`pairwise_matrix` builds one matrix
  per rater from the Pairwise sheet, aggregates them by the element-wise geometric mean (AIJ;
  Forman & Peniwati 1998) and measures how far the raters disagree.
* **Score** (:mod:`.scoring`) — :func:`wsm`: the weighted sum of criteria normalised to 0–1
  (1 = best), every service's score split into per-criterion contributions; :func:`quadrants`:
  the effort/benefit 2×2 (quick wins, major projects, fill-ins, thankless tasks).
* **Cross-check** (:mod:`.scoring`) — :func:`topsis` (Hwang & Yoon 1981, vector normalisation)
  and :func:`compare_methods` (Spearman and Kendall rank correlation, top-N flags).
* **Robustness** (:mod:`.robustness`) — :func:`sensitivity` (exact one-weight crossover points,
  Triantaphyllou & Sánchez 1997) and :func:`rank_acceptability` (SMAA-2 rank acceptability
  indices, Lahdelma & Salminen 2001, with Dirichlet weights around the elicited ones).
* **Roadmap** (:mod:`.waves`) — :func:`plan_waves`: an integer program solved by HiGHS through
  :func:`scipy.optimize.milp`, with the greedy sort it replaces as a baseline.
* **Survey evidence** (:mod:`.survey`) — :func:`survey_focus`: the services the survey says to
  concentrate on (the benefit signal of :func:`svcwork.links.benefit_signal`), shown beside
  the rank; it never changes the weighted score.

:func:`analyse` (:mod:`.analysis`) runs them on an :class:`~svcwork.intake.Engagement` and
returns a :class:`PrioritizationResult`: the data, and ``summary()`` for ``summary.json`` (with
``wave_1``, the services the roadmap starts with).  Its key figures — every number its sentences
quote — are listed in :mod:`.figures`; its tables and charts are made in :mod:`.present`, its
findings, chart takeaways and methods appendix (Hebrew and English) in :mod:`.present_text`.
"""

from __future__ import annotations

from .ahp import (RANDOM_INDEX, RANDOM_INDEX_TABLE, AhpResult, Judgement, PairwiseJudgements, ahp_weights,
                  pairwise_matrix)
from .analysis import PrioritizationResult, analyse
from .robustness import (RankAcceptability, Reversal, Sensitivity, WeightRange, crossover_points, rank_acceptability,
                         sensitivity)
from .scoring import (DEFAULT_DIRECTIONS, CriteriaWeights, MethodComparison, ScoreResult, TopsisResult, compare_methods,
                      direct_weights, quadrants, topsis, wsm)
from .survey import SurveyEvidence, survey_focus
from .waves import Conflict, InfeasiblePlanError, WavePlan, plan_waves

# the other public names of the former single module stay reachable as svcwork.prioritize.<name>
from .ahp import GCI_REFERENCE, GCI_THRESHOLD_LARGE, GCI_THRESHOLDS, gci_threshold  # noqa: F401
from .analysis import DEFAULT_CRITERIA  # noqa: F401
from .scoring import QUADRANTS, SCORE_SCALES  # noqa: F401

__all__ = [
    "RANDOM_INDEX",
    "RANDOM_INDEX_TABLE",
    "DEFAULT_DIRECTIONS",
    "AhpResult",
    "Judgement",
    "ahp_weights",
    "PairwiseJudgements",
    "pairwise_matrix",
    "CriteriaWeights",
    "direct_weights",
    "ScoreResult",
    "wsm",
    "quadrants",
    "TopsisResult",
    "topsis",
    "MethodComparison",
    "compare_methods",
    "crossover_points",
    "WeightRange",
    "Reversal",
    "Sensitivity",
    "sensitivity",
    "RankAcceptability",
    "rank_acceptability",
    "Conflict",
    "InfeasiblePlanError",
    "WavePlan",
    "plan_waves",
    "SurveyEvidence",
    "survey_focus",
    "PrioritizationResult",
    "analyse",
]
