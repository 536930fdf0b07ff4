"""Service management and the moment of truth: observations, action plan, lessons, training.

Pure functions (frames in, frames or small frozen objects out) for each method, and
:func:`analyse` which runs them on an :class:`~svcwork.intake.Engagement` and returns a
:class:`ManagementResult` (its frames and ``summary()``; tables, figures and findings from
:mod:`~svcwork.management.present`) and one :class:`UnitPack` per unit manager.

The package, one module per section:

* :mod:`~svcwork.management.observations` — observation scores, trends, coaching focus;
* :mod:`~svcwork.management.calibration` — observer agreement (weighted kappa, ICC);
* :mod:`~svcwork.management.actions` — the action plan: owning unit, status, overdue, burn-down;
* :mod:`~svcwork.management.coverage` — which findings the plan answers, by the ids its link
  columns name (text only suggests a link);
* :mod:`~svcwork.management.lessons` — lessons learned (Pareto, recurrence);
* :mod:`~svcwork.management.training` — training effect and transfer to the job;
* :mod:`~svcwork.management.kpis` — the KPI snapshot (fallback pack signals);
* :mod:`~svcwork.management.packs` — one manager pack per unit, with focus points;
* :mod:`~svcwork.management.result` and :mod:`~svcwork.management.analysis` — the result and
  :func:`analyse`;
* :mod:`~svcwork.management.figures` — the key figures the section's sentences quote;
* :mod:`~svcwork.management.present` and :mod:`~svcwork.management.present_text` — tables,
  charts, findings, takeaways and methods in a language.

What comes from the journeys and measures analyses (the findings the action plan should answer,
each unit's KPI and survey signals) is derived in :mod:`svcwork.links`
(:func:`svcwork.links.linked_findings`, :func:`svcwork.links.unit_signals`), which no analysis imports.

Methods and references
----------------------
* Observation scores: mean per item / unit / observer / employee (pseudonymised) with its
  cluster-robust interval, the scores clustered by employee (CR1, t with G − 1 degrees of
  freedom; Cameron & Miller 2015, *J. Human Resources* 50:317) — a Student-t interval per
  employee; trend per period as an ordinary least-squares slope with the same clustered interval.  Groups with fewer scores than ``min_group_size`` are dropped
  (:func:`svcwork.privacy.suppress`) before anything else sees them.
* Observer calibration: quadratic-weighted Cohen's kappa (Cohen 1968, *Psychol. Bull.* 70:213;
  asymptotic standard error of Fleiss, Cohen & Everitt 1969, via
  ``statsmodels.stats.inter_rater.cohens_kappa``) and the intraclass correlation ICC(2,1)
  (two-way random effects, absolute agreement, single rater) with its F-based interval
  (Shrout & Fleiss 1979, *Psychol. Bull.* 86:420; McGraw & Wong 1996, *Psychol. Methods* 1:30,
  case 2A) per pair of observers.  The pooled all-pairs row mixes pairs of different observers,
  so it uses ICC(1,1) (one-way random effects, Shrout & Fleiss Case 1) with a percentile
  bootstrap interval clustered by employee (one employee gives several pairs; seed recorded).
* Findings and actions: an action answers a finding of the other analyses only when its link
  columns name the finding's id (journey step, KPI, survey item, observation item, lesson,
  service); its wording only suggests a match, by a mention or the overlap coefficient of the
  content words (:mod:`~svcwork.management.coverage`).  Each action and KPI belongs to its own
  unit, else its owner's unit (the Owners sheet), else its service's unit.
* Observer agreement is read in the bands of Landis & Koch (1977, *Biometrics* 33:159); fair or
  weaker agreement is stated as a caveat beside the coaching priorities.
* The words: every number a sentence quotes is a key figure (:mod:`~svcwork.management.figures`),
  written by :mod:`~svcwork.management.present_text`; method names go to ``methods()``.
* Actions: status counts, overdue as of the report date (``settings.period_end``), a planned
  burn-down from the due dates and the burn-down across re-measurement rounds: per quarter of
  the engagement period, the actions due by its end that are done / still not done at the
  report date (the Actions sheet has due dates and the current status, no completion dates),
  or, when earlier rounds' Actions sheets are given, the actual remaining actions per round.
* Lessons learned: Pareto analysis of categories (Juran's "vital few": categories that make up
  the first 80 % of events), recurring categories, lessons with and without an action.
* Training: paired pre/post change with a t interval and paired t test (``scipy.stats.ttest_rel``),
  the Wilcoxon signed-rank test (Wilcoxon 1945; ``scipy.stats.wilcoxon``) and Cohen's d_z
  (mean difference / SD of differences; Cohen 1988; Lakens 2013, *Front. Psychol.* 4:863); transfer to the job as the
  same paired analysis of each trained employee's observation scores before and after the
  training date (matched on the pseudonymised employee code: the loader uses one namespace
  for ``Observations.employee_code`` and ``training.employee_code``).
"""

from __future__ import annotations

from ._base import ALL, FINDING_KINDS, OPEN_STATUSES, PERIODS, SCALE, STATUSES
from .actions import (ROUND_COLUMNS, action_status, burn_down, burn_down_by_round, burn_down_rounds, overdue_actions,
                      prepare_actions)
from .coverage import LINK_COLUMNS, Finding, findings_without_action, resolve_findings
from .analysis import analyse
from .calibration import (CALIBRATION_COLUMNS, Agreement, icc_1_1, icc_1_1_cluster_bootstrap, icc_2_1,
                          observer_calibration, weighted_kappa)
from .items import item_label
from .kpis import kpi_snapshot, kpi_units
from .lessons import lessons_pareto, lessons_without_action
from .observations import (coaching_focus, observation_scores, observation_trend, observer_scores,
                           publishable_observations)
from .packs import SIGNAL_KINDS, ActionItem, FocusPoint, ItemScore, SkillChange, UnitPack, UnitSignal, unit_packs
from .result import ManagementResult
from .training import PairedChange, cohens_dz, paired_change, training_effect, training_transfer

__all__ = [
    "Finding",
    "LINK_COLUMNS",
    "resolve_findings",
    "Agreement",
    "PairedChange",
    "UnitSignal",
    "ItemScore",
    "ActionItem",
    "SkillChange",
    "FocusPoint",
    "UnitPack",
    "ManagementResult",
    "item_label",
    "observation_scores",
    "observer_scores",
    "publishable_observations",
    "observation_trend",
    "coaching_focus",
    "weighted_kappa",
    "icc_2_1",
    "icc_1_1",
    "icc_1_1_cluster_bootstrap",
    "observer_calibration",
    "prepare_actions",
    "action_status",
    "overdue_actions",
    "burn_down",
    "burn_down_rounds",
    "burn_down_by_round",
    "findings_without_action",
    "lessons_pareto",
    "lessons_without_action",
    "paired_change",
    "cohens_dz",
    "training_effect",
    "training_transfer",
    "kpi_snapshot",
    "kpi_units",
    "unit_packs",
    "analyse",
]
