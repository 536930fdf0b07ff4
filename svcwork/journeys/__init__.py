"""Journeys and case-log analytics: the citizen's view of every process.

Two sources feed this package:

* the intake's **Journey** sheet (one row per step of a citizen journey), drawn as a slide-ready
  journey map in the service-blueprint tradition (Shostack, "Designing services that deliver",
  HBR 1984; Bitner, Ostrom & Morgan, "Service Blueprinting", California Management Review 2008):
  stages, steps, channel lane, emotion curve, pain points, moments of truth, the line of
  visibility and the backstage beneath it;
* the **cases** companion file (one row per event of a case), analysed with the basic
  process-mining constructs of van der Aalst, *Process Mining: Data Science in Action* (2nd ed.,
  2016): variants (ch. 2 and 5), the directly-follows graph (ch. 6), case durations, and the
  hand-over-of-work view between units (van der Aalst, Reijers & Song, "Discovering social
  networks from event logs", CSCW 14, 2005).  The data-quality checks follow the event-log
  imperfection patterns of Suriadi et al., Information Systems 64 (2017).

Every case-log function takes a plain :class:`pandas.DataFrame` with the canonical columns of the
``cases`` companion schema (``case_id``, ``activity``, ``timestamp`` and optionally ``channel``,
``unit``, ``resource``, ``citizen_id``, ``end_timestamp``, ``outcome``, ``deadline``,
``service_id``); XES/pm4py names (``case:concept:name`` …) are recognised too, and timestamps
without a time zone are taken as UTC (the loader has already normalised offsets).  Events are ordered
by case, timestamp and then file order (a stable tie-break, as pm4py does), with numpy/pandas
vectorised operations only, so that a log of millions of events takes seconds.  The prepared log and
the timing of cases — order, closure, first response, resolution, age of open cases, deadlines — are
those of the case-log engine :mod:`svcwork.caselog`, which the service standards of
:mod:`svcwork.measures` use too: both sections of a report count the same cases as closed.

``analyse(engagement)`` runs everything for a client and returns a :class:`JourneysResult`.

The package, one module per section (computation: frames in, frames or small frozen objects out):

* :mod:`~svcwork.journeys.log` — :func:`load_cases`, :func:`case_durations` and :func:`analyse_log`
  (the whole metric set in one pass, :class:`CaseLogAnalysis`);
* :mod:`~svcwork.journeys.variants`, :mod:`~svcwork.journeys.dfg`, :mod:`~svcwork.journeys.handoffs`,
  :mod:`~svcwork.journeys.repeats`, :mod:`~svcwork.journeys.quality` — variants, the directly-follows
  graph, hand-offs and ping-pong, repeat contact, data quality;
* :mod:`~svcwork.journeys.survival` — end-to-end time counting the cases still open (Kaplan–Meier
  quantiles through statsmodels' ``SurvfuncRight``), so a recent month whose slow cases are still open
  shows a blank, never a spurious fall;
* :mod:`~svcwork.journeys.capability` — KPIs per group (:func:`breakdown`) and per month
  (:func:`capability_table`), times counting open cases;
* :mod:`~svcwork.journeys.standards` — the Standards sheet against the log per channel, and
  whether each service promises the same on every channel;
* :mod:`~svcwork.journeys.parity` — channel parity and digital take-up; which service × channel volumes
  may be shown (:func:`~svcwork.journeys.parity.shown_volumes`: primary and secondary suppression);
* :mod:`~svcwork.journeys.pains` — which number of the log backs a pain point; :func:`pain_points`;
* :mod:`~svcwork.journeys.result` and :mod:`~svcwork.journeys.analysis` — :class:`JourneysResult`
  (data and ``summary()``) and :func:`analyse`; :func:`~svcwork.journeys.analysis.hidden_groups` — the
  services, channels and units whose case counts the report hides (:meth:`JourneysResult.hidden_groups`),
  which every figure of one group (key figures, pain points, standards, unit pages, the comparison with
  the previous round) leaves out whole.

Presentation (words, tables with typed headers, matplotlib):

* :mod:`~svcwork.journeys.figures` — the key figures every sentence quotes (``journeys.cases``,
  ``journeys.median_case_days.<service_id>`` …), each defined in the catalogue;
* :mod:`~svcwork.journeys.present` — the result's tables, figures and skipped message, and the labels
  and numbers as they are shown; :mod:`~svcwork.journeys.present_words` — its findings, one takeaway
  per chart and the methods appendix, written from the key figures;
* :mod:`~svcwork.journeys.maps` — :func:`journey_map` and :func:`process_map`;
* :mod:`~svcwork.journeys.plots` — the result's charts.
"""

from __future__ import annotations

from .analysis import analyse
from .capability import breakdown, capability_table
from .dfg import DirectlyFollows, directly_follows
from .handoffs import Handoffs, handoffs
from .log import CaseLogAnalysis, analyse_log, case_durations, load_cases
from .maps import journey_map, process_map
from .pains import pain_points
from .parity import ChannelParity, channel_parity
from .quality import DataQuality, data_quality
from .repeats import RepeatContacts, repeat_contacts
from .result import JourneysResult
from .standards import StandardsConsistency, standards_by_channel, standards_consistency
from .variants import Variants, variants

__all__ = [
    "load_cases",
    "variants",
    "directly_follows",
    "case_durations",
    "handoffs",
    "data_quality",
    "repeat_contacts",
    "analyse_log",
    "breakdown",
    "capability_table",
    "standards_by_channel",
    "standards_consistency",
    "channel_parity",
    "journey_map",
    "process_map",
    "analyse",
    "Variants",
    "DirectlyFollows",
    "Handoffs",
    "DataQuality",
    "RepeatContacts",
    "CaseLogAnalysis",
    "ChannelParity",
    "StandardsConsistency",
    "JourneysResult",
    "pain_points",
]
