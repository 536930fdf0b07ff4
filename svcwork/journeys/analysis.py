"""The journeys analysis of one engagement: :func:`analyse` runs every section on what the intake has.

Uses the Journey, Channels, Services and Standards sheets and the ``cases`` companion file; each
part is skipped (and says so in the result) when its data is absent.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

import numpy as np
import pandas as pd

from ..caselog import channel_key, local_timezone
from ..errors import AnalysisError
from ..i18n import t
from ..intake import Engagement
from ._base import blank
from .log import CaseLogAnalysis, analyse_log
from .pains import pain_callouts
from .parity import channel_parity
from .result import JourneysResult
from .standards import standards_by_channel, standards_consistency

__all__ = ["analyse", "GROUP_DIMS", "hidden_groups", "hidden_groups_of_events"]

#: The dimensions whose groups the report shows case counts of (case measures by service, channel, unit).
GROUP_DIMS = ("service_id", "channel", "unit")


def _bare_result(log: CaseLogAnalysis | None, min_group_size: int) -> JourneysResult:
    """A result of *log* alone (no sheets): what :meth:`JourneysResult.hidden_groups` reads."""
    return JourneysResult(language="en", min_group_size=int(min_group_size),
                          sla_days=int(getattr(log, "sla_days", 14) or 0), repeat_contact_days=0, accent=None,
                          journey=pd.DataFrame(), services=pd.DataFrame(), log=log, parity=None,
                          standards=pd.DataFrame())


def _hidden_of(res: JourneysResult) -> dict[str, frozenset[str]]:
    cases = res.log.cases if res.log is not None else None
    if cases is None or not any(d in cases.columns and cases[d].notna().any() for d in GROUP_DIMS):
        return {d: frozenset() for d in GROUP_DIMS}  # no group to hide (nor to compute the months' rule for)
    return {d: frozenset(str(g) for g in res.hidden_groups(d)) for d in GROUP_DIMS}


def hidden_groups(log: CaseLogAnalysis | None, min_group_size: int) -> dict[str, frozenset[str]]:
    """The groups whose case counts the report hides, per dimension (``service_id``, ``channel``,
    ``unit``; values as text): :meth:`JourneysResult.hidden_groups` of the journeys result of *log*,
    the one definition (groups under *min_group_size*, and those hidden so that none of them is the
    total less the groups shown).  Every other place that quotes a figure of one group — key figures,
    pain points, service standards, unit pages, the comparison with the previous round — leaves these
    out whole.  Empty sets without a log."""
    return _hidden_of(_bare_result(log, min_group_size))


def hidden_groups_of_events(events: pd.DataFrame, min_group_size: int, *, timezone: str | None = None,
                            end_activities: Sequence[str] | None = None) -> dict[str, frozenset[str]]:
    """:func:`hidden_groups` of a raw case log (events, as ``engagement.cases``), for an analysis that
    has not analysed the log itself (the service standards of :mod:`svcwork.measures`): the cases, their
    months of opening (in *timezone*, by default the zone the loader noted) and which are still open (by
    *end_activities*, as the journeys section is given them) are those of :func:`analyse_log`, which is
    all the groups hidden depend on.  Empty sets when *min_group_size* is 1 or less (nothing is hidden)."""
    if int(min_group_size) <= 1 or events is None or not len(events):
        return {d: frozenset() for d in GROUP_DIMS}
    return hidden_groups(analyse_log(events, timezone=timezone, end_activities=end_activities), min_group_size)


def analyse(engagement: Engagement, *, end_activities: Sequence[str] | None = None,
            response_activities: Sequence[str] | None = None,
            ideal_path: Sequence[str] | None = None, top_k: int = 10, edge_share: float = 0.05,
            service_panels: int = 12) -> JourneysResult:
    """Journeys and case-log analytics for one engagement.

    Uses the Journey, Channels, Services and Standards sheets and the ``cases`` companion file;
    each part is skipped (and says so) when its data is absent.  Options: ``end_activities`` (the
    activities that close a case; default: named like "closed"/"נסגר"), ``response_activities``
    (the activities that answer the citizen; default: the case's second event), ``ideal_path`` (the
    intended activity sequence; default: the most common path of closed cases), ``top_k``
    (variants listed), ``edge_share`` (process-map edges followed by fewer cases are hidden),
    ``service_panels`` (services drawn in the per-service capability chart, largest first; the rest
    are named under it).  The Standards sheet is set against the case log per channel
    (:func:`standards_by_channel`) and checked for channels that promise different things
    (:func:`standards_consistency`, with each service's channels from the Channels sheet and the log).
    """
    if not isinstance(engagement, Engagement):
        raise AnalysisError(t("journeys.error.not_engagement", "en", found=type(engagement).__name__))
    s = engagement.settings
    lang = engagement.language
    if not (isinstance(top_k, int) and top_k >= 1):
        raise AnalysisError(t("journeys.error.top_k", lang, value=top_k))
    if not (0 <= edge_share <= 1):
        raise AnalysisError(t("journeys.error.edge_share", lang, value=edge_share))
    if not (isinstance(service_panels, (int, np.integer)) and not isinstance(service_panels, bool) and service_panels >= 1):
        raise AnalysisError(t("journeys.error.panels", lang, value=service_panels))
    journey = engagement.table("Journey")
    services = engagement.table("Services")
    channels = engagement.table("Channels")
    standards = engagement.table("Standards")
    log = None
    if engagement.has("cases"):
        log = analyse_log(engagement.cases, sla_days=int(s.sla_days), repeat_contact_days=int(s.repeat_contact_days),
                          end_activities=end_activities,  # offsets: what the loader recorded (frame.attrs)
                          response_activities=response_activities, timezone=local_timezone(s), lang=lang)
    parity = None
    if len(channels):
        parity = channel_parity(channels, cases=log.cases if log is not None else None)
    res = JourneysResult(language=lang, min_group_size=int(s.min_group_size), sla_days=int(s.sla_days),
                         repeat_contact_days=int(s.repeat_contact_days), accent=s.accent_color, journey=journey,
                         services=services, log=log, parity=parity, standards=standards,
                         top_k=int(top_k), ideal_path=tuple(ideal_path) if ideal_path else None,
                         edge_share=float(edge_share), service_panels=int(service_panels))
    # the groups the case measures hide (the one definition): the pain points and the commitments leave them out
    hidden = _hidden_of(res)
    callouts = pain_callouts(journey, services, log.cases if log is not None else None,
                             min_size=int(s.min_group_size), hidden_services=hidden["service_id"])
    checked = pd.DataFrame()
    consistency = None
    if len(standards):
        m = int(s.min_group_size)
        if log is not None:
            checked = standards_by_channel(engagement.cases, standards, min_group_size=m,
                                           end_activities=end_activities, response_activities=response_activities,
                                           hidden=hidden)
        consistency = standards_consistency(standards, channels=_service_channels(channels, log, min_size=m))
    out = replace(res, callouts=callouts, standards_checked=checked, consistency=consistency)
    out._capability.update(res._capability)  # the same log: its capability tables and protection, computed once
    return out


def _service_channels(channels: pd.DataFrame, log: CaseLogAnalysis | None, *, min_size: int) -> dict[str, list[str]]:
    """The channels each service is offered on: the Channels sheet (available fully or partly) and the
    channels through which at least *min_size* of its cases came in the case log."""
    out: dict[str, list[str]] = {}
    if len(channels) and {"service_id", "channel"} <= set(channels.columns):
        avail = channels["available"].astype("string").str.lower() if "available" in channels else \
            pd.Series("yes", index=channels.index, dtype="string")
        for sid, ch, a in zip(channels["service_id"], channels["channel"], avail):
            if not blank(sid) and not blank(ch) and a in ("yes", "partial"):
                out.setdefault(str(sid), []).append(str(channel_key(ch)))
    if log is not None:
        known = log.cases.loc[log.cases["service_id"].notna() & log.cases["channel"].notna(), ["service_id", "channel"]]
        counts = known.astype(str).value_counts()
        for (sid, ch), n in counts.items():
            if n >= min_size:
                out.setdefault(sid, []).append(ch)
    return {k: list(dict.fromkeys(v)) for k, v in out.items()}
