"""Service standards: each commitment of the Standards sheet set against the case log (pooled and per
channel), and whether each service promises the same thing on all its channels.

The share meeting a target comes from :func:`svcwork.measures.standards_share`, so the report has one
definition of first-response and resolution time (the case-log engine :mod:`svcwork.caselog`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Collection, Mapping, Sequence

import numpy as np
import pandas as pd

from ..caselog import canonical, channel_key
from ..errors import AnalysisError
from ..i18n import t
from ..measures import standards_share
from ._base import CASE_MEASURE_KEYS, LIVE_CHANNELS, blank, channel_order, measure_scope

__all__ = ["StandardsConsistency", "standards_by_channel", "standards_consistency"]


def _std_rows(standards: pd.DataFrame, lang: str = "en") -> list[tuple[int, str, str, float, str]]:
    """(row number from 1, service_id or "*", measure, target, channel key or "*") of each usable commitment."""
    need = {"service_id", "measure", "target"}
    if not need <= set(standards.columns):
        raise AnalysisError(t("journeys.error.columns", lang, missing=", ".join(sorted(need - set(standards.columns))),
                              found=", ".join(map(str, standards.columns))))
    chans = standards["channel"] if "channel" in standards.columns else pd.Series([None] * len(standards))
    out = []
    for k, (sid, measure, target, ch) in enumerate(zip(standards["service_id"], standards["measure"],
                                                         standards["target"], chans), start=1):
        if blank(measure) or blank(target):
            continue
        try:
            value = float(target)
        except (TypeError, ValueError):
            raise AnalysisError(t("journeys.error.target", lang, value=target)) from None
        sid = "*" if blank(sid) or str(sid).strip() == "*" else str(sid).strip()
        chk = "*" if blank(ch) or str(ch).strip() == "*" else channel_key(str(ch).strip())
        out.append((k, sid, str(measure).strip(), value, str(chk)))
    return out


def standards_by_channel(events: pd.DataFrame, standards: pd.DataFrame, *, min_group_size: int = 1,
                         confidence: float = 0.95, end_activities: Sequence[str] | None = None,
                         response_activities: Sequence[str] | None = None,
                         hidden: Mapping[str, Collection[object]] | None = None) -> pd.DataFrame:
    """Each commitment of the Standards sheet set against the case log: as written, and per channel.

    A commitment for all channels (``*``) is checked on the pooled cases it covers and again on each
    channel the log shows for them; a channel-specific one on its channel.  The share meeting the
    target (with a Wilson interval at *confidence*) and the median come from
    :func:`svcwork.measures.standards_share`, so the report has one definition of first-response and
    resolution time (Standards section of the intake contract; *end_activities* and
    *response_activities* as in :func:`analyse_log`).  Commitments on ``answer_seconds``
    or on a KPI cannot be checked from a case log: they are listed with ``checkable`` False and no
    counts.  Rows with fewer than *min_group_size* cases are dropped, and every row of a service or
    channel whose case count the report hides (*hidden*, :meth:`JourneysResult.hidden_groups` by
    dimension; by default computed from *events*), with the partners that protect them (see
    :func:`svcwork.measures.standards_share`).

    Returns one row per check: ``commitment`` (row of the sheet, from 1), ``service_id``, ``channel``
    (``*`` = pooled), ``measure``, ``target``, ``scope`` (case_log / answer / kpi), ``checkable``,
    ``n``, ``met``, ``share``, ``low``, ``high``, ``median_days``.
    """
    rows = _std_rows(standards)
    columns = ["commitment", "service_id", "channel", "measure", "target", "scope", "checkable", "n", "met", "share",
               "low", "high", "median_days"]
    if not rows:
        return pd.DataFrame(columns=columns)
    checks: list[tuple[int, str, str, float, str]] = []
    ev = canonical(events, "en") if any(m in CASE_MEASURE_KEYS for _, _, m, _, _ in rows) else None
    if ev is not None:
        # the channels each commitment covers in the log (a superset is harmless: empty checks are dropped),
        # read from the distinct (service, channel) pairs so that a log of millions of events costs one pass
        if "channel" in ev.columns:
            cols = ["channel", *(["service_id"] if "service_id" in ev.columns else [])]
            pairs = ev[cols].dropna(subset=["channel"]).drop_duplicates()
            ch_key = pd.Series([channel_key(c) if isinstance(c, str) else None for c in pairs["channel"]],
                               index=pairs.index, dtype=object)
            sid_key = pairs["service_id"].astype("string").str.strip().str.casefold() if "service_id" in cols else None
        else:
            ch_key, sid_key = pd.Series([], dtype=object), None
        log_channels: dict[str, list[str]] = {}
        for k, sid, measure, target, ch in rows:
            if measure not in CASE_MEASURE_KEYS:
                continue
            checks.append((k, sid, measure, target, ch))
            if ch != "*":
                continue
            if sid not in log_channels:
                if sid == "*":
                    sel = ch_key
                elif sid_key is None or not len(ch_key):
                    sel = ch_key.iloc[0:0]
                else:
                    sel = ch_key[(sid_key == sid.casefold()).fillna(False).to_numpy(dtype=bool)]
                log_channels[sid] = channel_order(sel.dropna().unique())
            checks.extend((k, sid, measure, target, c) for c in log_channels[sid])
    out = pd.DataFrame(columns=columns)
    if checks:
        query = pd.DataFrame(checks, columns=["commitment", "service_id", "measure", "target", "channel"])
        got = standards_share(ev, query[["service_id", "measure", "target", "channel"]], confidence=confidence,
                              min_group_size=min_group_size, end_activities=end_activities,
                              response_activities=response_activities, hidden=hidden)
        got = got.drop(columns=["default"]).drop_duplicates(["service_id", "channel", "measure", "target"])
        got["service_id"] = got["service_id"].astype(str)
        got["channel"] = got["channel"].astype(str)
        out = query.merge(got, on=["service_id", "channel", "measure", "target"], how="inner", sort=False)
        out = out.assign(scope="case_log", checkable=True)
    other = pd.DataFrame([(k, sid, ch, m, target, measure_scope(m), False) for k, sid, m, target, ch in rows
                          if m not in CASE_MEASURE_KEYS],
                         columns=["commitment", "service_id", "channel", "measure", "target", "scope", "checkable"])
    parts = [p for p in (out, other) if len(p)]
    if not parts:
        return pd.DataFrame(columns=columns)
    both = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    both["_pooled"] = both["channel"] != "*"
    both = both.sort_values(["commitment", "_pooled"], kind="stable", ignore_index=True)
    return both.reindex(columns=columns)


@dataclass(frozen=True)
class StandardsConsistency:
    """Whether each service promises the same thing on all its channels (see :func:`standards_consistency`).

    ``services``: one row per (service, measure) with ``scope`` (case_log / answer / kpi), ``own`` (the
    service has a commitment of its own on the measure), ``channels`` (the channels compared),
    ``targets`` (the distinct targets in force), ``missing`` (channels without any commitment),
    ``different``, ``consistent``; the service ``*`` stands for the commitments made for all services.
    ``cells``: one row per (service, measure, channel) with the ``target`` in force (NaN: none),
    ``rule`` (which commitment applies: service+channel, service, all+channel, all) and ``expected``
    (whether a commitment is expected on that channel).
    """

    services: pd.DataFrame
    cells: pd.DataFrame

    @property
    def flagged(self) -> tuple[str, ...]:
        """Services (not ``*``) whose channels promise different things, in table order."""
        bad = self.services.loc[~self.services["consistent"].astype(bool) & (self.services["service_id"] != "*")]
        return tuple(dict.fromkeys(bad["service_id"].astype(str)))

    @property
    def all_services_flagged(self) -> bool:
        """The all-services (``*``) commitments themselves differ by channel or leave a channel out."""
        star = self.services.loc[self.services["service_id"] == "*"]
        return bool(len(star)) and not bool(star["consistent"].astype(bool).all())


def standards_consistency(standards: pd.DataFrame, *, channels: Mapping[str, Sequence[str]] | None = None
                          ) -> StandardsConsistency:
    """Flag services whose channels promise different things (the experience should be one, whatever
    the channel: intake contract, Standards; UK Government Service Standard point 3, "Provide a
    joined-up experience across all channels", 2019).

    For each service and measure, the commitment in force on a channel is the most specific row of
    the Standards sheet: (service, channel), else (service, ``*``), else (``*``, channel), else
    (``*``, ``*``).  A service is flagged when the targets in force differ between its channels, or
    when one of its channels has no commitment while another has one.  *channels* maps each service
    to the channels it is offered on (Channels sheet, case log); channels named by a commitment of
    the service count too.  ``answer_seconds`` is expected only on live channels (phone, chat,
    counter); for a KPI only differing targets are flagged (which channels a KPI covers is not known).
    The service ``*`` checks the all-services commitments over every channel known.
    """
    rows = _std_rows(standards)
    svc_cols = ["service_id", "measure", "scope", "own", "channels", "targets", "missing", "different", "consistent"]
    cell_cols = ["service_id", "measure", "channel", "target", "rule", "expected"]
    offered: dict[str, list[str]] = {}
    for sid, chans in (channels or {}).items():
        if blank(sid):
            continue
        offered[str(sid).strip()] = channel_order(channel_key(c) for c in chans if not blank(c))
    commit: dict[tuple[str, str, str], float] = {}
    for _, sid, measure, target, ch in rows:
        commit.setdefault((sid, measure, ch), target)
    measures = list(dict.fromkeys(m for _, _, m, _, _ in rows))
    every = channel_order(c for chans in offered.values() for c in chans)
    services = ["*", *dict.fromkeys([*offered, *(sid for _, sid, _, _, _ in rows if sid != "*")])]
    out_s, out_c = [], []
    for measure in measures:
        scope = measure_scope(measure)
        for sid in services:
            named = [c for (s, m, c) in commit if s == sid and m == measure and c != "*"]
            chans = channel_order([*(every if sid == "*" else offered.get(sid, [])), *named])
            own = any(s == sid and m == measure for (s, m, _) in commit) and sid != "*"
            # most specific first; for the all-services row only the all-services commitments apply
            chain = [(rule, s, by_channel) for rule, s, by_channel in
                     (("service+channel", sid, True), ("service", sid, False), ("all+channel", "*", True),
                      ("all", "*", False)) if sid != "*" or s == "*"]
            in_force: dict[str, tuple[float, str]] = {}
            for c in chans:
                for rule, s, by_channel in chain:
                    key = (s, measure, c if by_channel else "*")
                    if key in commit:
                        in_force[c] = (commit[key], rule)
                        break
            if not in_force:
                continue
            targets = tuple(sorted({round(v, 9) for v, _ in in_force.values()}))
            missing = tuple(c for c in chans if c not in in_force and scope != "kpi"
                            and (scope != "answer" or c in LIVE_CHANNELS))
            different = len(targets) > 1
            consistent = not different and not missing
            if not (sid == "*" or own or not consistent):
                continue
            out_s.append((sid, measure, scope, own, tuple(chans), targets, missing, different, consistent))
            out_c.extend((sid, measure, c, *in_force.get(c, (np.nan, "")),
                          scope != "answer" or c in LIVE_CHANNELS or c in in_force) for c in chans)
    services_frame = pd.DataFrame(out_s, columns=svc_cols)
    services_frame = services_frame.astype({"own": bool, "different": bool, "consistent": bool})
    return StandardsConsistency(services_frame, pd.DataFrame(out_c, columns=cell_cols))
