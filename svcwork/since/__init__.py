"""Re-measurement: what changed since the last report, and whether the change is real.

Two rounds of one client — each a report's ``summary.json`` with, optionally, the compact record
its run kept (:mod:`~svcwork.since.cases`) — are set side by side by :func:`compare`, which
returns a :class:`Since`: every figure the two share, its change, the change's 95% interval and a
verdict (better / worse / no clear change) given only by whether the interval excludes zero and
which way is good for the figure.

* :mod:`~svcwork.since.stats` — the intervals of a change: Newcombe's hybrid score interval for two
  proportions (1998, method 10), the difference of two NPS (trinomial variance), Welch's interval
  for two means, a seeded bootstrap over cases for two medians or 90th percentiles counting open
  cases (Kaplan–Meier), and :func:`~svcwork.since.stats.verdict`;
* :mod:`~svcwork.since.cases` — the compact, privacy-safe record a round keeps (per case: service,
  channel, unit, month, days, open, deadline missed, repeat contact, FCR, hand-offs; the action
  plan's ids and status; the recommendations' links) and its parquet files;
* :mod:`~svcwork.since.rows` and :mod:`~svcwork.since.plan` — the comparison of the measured figures
  (survey, NPS, case figures overall and per service, observations, training) and of the KPIs,
  action plan, priorities and recommendations;
* :mod:`~svcwork.since.compare` — :class:`Round` and :func:`compare` (with the notes: overlapping
  periods, changed definitions, withheld small groups);
* :mod:`~svcwork.since.result` — :class:`Since`: ``rows``, ``key_figures()``, ``summary()``;
* :mod:`~svcwork.since.figures` — the ``since.*`` figures' names; :mod:`~svcwork.since.present` —
  :func:`findings` (marked sentences), :func:`table` and :func:`methods`, Hebrew and English.
"""

from __future__ import annotations

from .cases import RoundRecord, read_record, record, write_record
from .compare import RECORD_DIR, Round, compare
from .present import findings, methods, table
from .result import Since
from .stats import Difference, newcombe, nps_difference, quantile_difference, verdict, welch

__all__ = ["compare", "Round", "Since", "RoundRecord", "record", "write_record", "read_record", "RECORD_DIR",
           "findings", "table", "methods", "Difference", "newcombe", "nps_difference", "welch", "quantile_difference",
           "verdict"]
