"""Service measurement and control: surveys, key drivers, KPIs, control charts, service standards.

Every estimate carries its uncertainty, so a steering committee never acts on noise.  Pure
functions (frames in, frames or small frozen objects out) for each method, and :func:`analyse`,
which runs them on an :class:`~svcwork.intake.Engagement` and returns a :class:`MeasuresResult`
(its frames and ``summary()``; tables, figures and findings in Hebrew and English from
:mod:`~svcwork.measures.present`).

The package, one module per section:

* :mod:`~svcwork.measures.intervals` — **proportions**: :func:`wilson_interval` (Wilson 1927 score
  interval); differences between two independent proportions by :func:`newcombe_interval`
  (Newcombe 1998, method 10: the hybrid score interval built from the two Wilson intervals).
  Differences of two means by :func:`welch_interval` (Welch 1947); a linear trend in proportions
  across ordered groups by :func:`cochran_armitage` (Cochran 1954; Armitage 1955).
  **NPS** — :func:`nps`: promoters (9–10) minus detractors (0–6), with the adjusted-Wald interval
  of Rocks (2016, *The American Statistician* 70(4)) — ¾ added to promoters and detractors, 3 to
  n — whose standard error is that of a difference of two trinomial proportions,
  ``Var(p̂₊ − p̂₋) = [p₊ + p₋ − (p₊ − p₋)²] / n``.  **CES** — :func:`ces` (CES 2.0, 1–7).
* :mod:`~svcwork.measures.survey` — **survey items** (US OMB Circular A-11 §280 post-transaction
  items, 5-point agreement): :func:`item_table` gives, per group (unit, channel, service, wave,
  month or any crossing), the share agreeing (top-2-box, 4–5) with a Wilson interval, the mean on
  a 0–100 scale with a Student-t interval, the response count and an *unstable* flag (NCHS data
  presentation standards for proportions, Parker et al. 2017: effective n < 30 or an interval
  wider than 30 points).  Groups below ``min_group_size`` are suppressed, with secondary
  suppression so a hidden group cannot be recovered by subtraction from a margin (Hundepool et al.
  2012, *Statistical Disclosure Control*, §4.2).  Everything is computed with one pass of
  :func:`numpy.bincount` per item: a million responses take well under a second.
  :func:`nps_table`; **comparisons** — :func:`compare_groups` (each unit against all other units)
  and :func:`compare_waves` (each wave against the one before), both with Newcombe intervals; a
  difference is coloured only when the interval excludes zero; :func:`wave_change` — the whole
  period: the last wave against the first (Newcombe; Welch for mean scores) and the
  Cochran–Armitage trend across all the waves.
* :mod:`~svcwork.measures.weighting` — :func:`rake`: iterative proportional fitting to known
  volumes (Deming & Stephan 1940); weighted estimates use Kish's (1965) effective sample size.
* :mod:`~svcwork.measures.comments` — :func:`redact` removes e-mail addresses, phone numbers,
  Israeli ID numbers with a valid check digit and names after a greeting (Hebrew and English);
  :func:`code_themes` codes comments against an extensible keyword :class:`CodeFrame`.
* :mod:`~svcwork.measures.drivers` — **key drivers**: :func:`relative_weights` (Johnson 2000) and
  :func:`shapley_r2` (the LMG / Shapley decomposition of R²; Lindeman, Merenda & Gold 1980;
  Lipovetsky & Conklin 2001), exact over all subsets; :func:`driver_importance` adds seeded
  bootstrap percentile intervals; :func:`importance_performance` names the four quadrants
  (Martilla & James 1977).
* :mod:`~svcwork.measures.kpis` — **control**: :func:`xmr_limits` (individuals and moving range
  chart, Wheeler & Chambers 1992; d₂ = 1.128, D₄ = 3.267), :func:`p_chart` (limits for each
  sample size, and Laney's p′ chart for very large samples, Laney 2002), :func:`western_electric`
  (rules 1–4, Western Electric *Statistical Quality Control Handbook* 1956), :func:`kpi_scorecard`;
  :func:`survey_kpis` finds a KPI that reports a survey item (a "customers satisfied" KPI), which
  the report sets beside the survey's own figure.
* :mod:`~svcwork.measures.standards` — **service standards**: :func:`standards_share`: the share
  of cases meeting the first-response and resolution standards of the Standards sheet, from the
  case log, timed by the case-log engine :mod:`svcwork.caselog` (the same closure, first response
  and resolution as the journeys section).
* :mod:`~svcwork.measures.result` and :mod:`~svcwork.measures.analysis` — the result (data and
  ``summary()``) and :func:`analyse`;
* :mod:`~svcwork.measures.figures` — the key figures the sentences quote (named, defined once);
* :mod:`~svcwork.measures.present` — tables and figures in a language, and
  :mod:`~svcwork.measures.present_text` — findings, chart takeaways and methods, every number a
  key figure.

What prioritisation and management take from here (the benefit signal, the weak drivers, the KPI
signals) is derived in :mod:`svcwork.links`, which no analysis imports: read from a
:class:`MeasuresResult`, or computed cheaply through the same code path as :func:`analyse`.

Errors are :class:`~svcwork.errors.AnalysisError` with catalogue messages (``measures.error.*``).
"""

from __future__ import annotations

from ..caselog import CLOSING_WORDS  # noqa: F401 - kept importable from here
from ._base import DIMENSIONS, HE_LETTERS, ITEM_SCALES  # noqa: F401 - constants importable from here
from ._base import A11_ITEMS, DRIVER_ITEMS
from .analysis import _prepare_survey  # noqa: F401 - used by benchmarks/bench_measures.py
from .analysis import analyse
from .comments import DEFAULT_CODE_FRAME, CodeFrame, Theme, code_themes, redact, theme_table, valid_israeli_id
from .drivers import MAX_EXACT_DRIVERS, QUADRANTS  # noqa: F401 - constants importable from here
from .drivers import DriverAnalysis, Importance, driver_importance, importance_performance, relative_weights, shapley_r2
from .intervals import Interval, Trend, ces, cochran_armitage, newcombe_interval, nps, welch_interval, wilson_interval
from .kpis import D2, D4, E2  # noqa: F401 - Wheeler's constants, importable from here
from .kpis import (ControlChart, PChart, Scorecard, XmRLimits, control_chart, kpi_scorecard, p_chart, survey_kpis,
                   western_electric, xmr_limits)
from .result import MeasuresResult
from .standards import CASE_MEASURES, standards_share  # noqa: F401 - CASE_MEASURES: used by svcwork.journeys
from .survey import compare_groups, compare_waves, item_table, nps_table, wave_change
from .weighting import rake

__all__ = [
    "A11_ITEMS",
    "DRIVER_ITEMS",
    "Interval",
    "wilson_interval",
    "newcombe_interval",
    "welch_interval",
    "Trend",
    "cochran_armitage",
    "nps",
    "ces",
    "item_table",
    "nps_table",
    "compare_groups",
    "compare_waves",
    "wave_change",
    "rake",
    "valid_israeli_id",
    "redact",
    "Theme",
    "CodeFrame",
    "DEFAULT_CODE_FRAME",
    "code_themes",
    "theme_table",
    "Importance",
    "relative_weights",
    "shapley_r2",
    "DriverAnalysis",
    "driver_importance",
    "importance_performance",
    "XmRLimits",
    "xmr_limits",
    "PChart",
    "p_chart",
    "western_electric",
    "ControlChart",
    "control_chart",
    "Scorecard",
    "kpi_scorecard",
    "survey_kpis",
    "standards_share",
    "MeasuresResult",
    "analyse",
]
