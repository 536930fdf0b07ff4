"""Channel parity: which channel offers which service, how completely, and how much goes digital.

Reference: the intake contract (Channels sheet); UK Government Service Standard point 3, "Provide a
joined-up experience across all channels" (2019).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..caselog import channel_key
from ..errors import AnalysisError
from ..i18n import t
from ..intake.percent import ShareRead, read_shares
from ..privacy import hidden_cells  # the house rule of secondary suppression, defined once
from ._base import CHANNELS, DIGITAL

__all__ = ["ChannelParity", "channel_parity", "shown_volumes"]


@dataclass(frozen=True)
class ChannelParity:
    """The Channels sheet read as parity: which channel offers which service, and how completely.

    ``availability``: service × channel with "yes"/"partial"/"no" (missing: not listed);
    ``end_to_end``: service × channel booleans; ``frontal``: services available at the counter;
    ``without_digital``: frontal services that neither web nor app offers end to end;
    ``takeup``: per service, the digital share of requests (``source`` "log" when the case log
    gives it, else "intake" from ``share_pct``); ``volumes``: service × channel case counts from the log;
    ``shares``: how ``share_pct`` was read (:class:`svcwork.intake.percent.ShareRead`: the values
    proven to be Excel fractions and read ×100, the ambiguous ones kept as typed), None without the column.
    """

    availability: pd.DataFrame
    end_to_end: pd.DataFrame
    frontal: tuple[str, ...]
    without_digital: tuple[str, ...]
    takeup: pd.DataFrame
    volumes: pd.DataFrame
    shares: ShareRead | None = None


def channel_parity(channels: pd.DataFrame, *, cases: pd.DataFrame | None = None) -> ChannelParity:
    """Channel parity from the Channels sheet, with channel volumes from a per-case table.

    A service is *frontal* when it is available (fully or partly) at the counter, and has a
    *digital match* when web or app offers it fully and end to end (intake contract; UK Government
    Service Standard point 3, "Provide a joined-up experience across all channels", 2019).
    ``cases``: one row per case with ``service_id`` and ``channel`` (e.g. ``CaseLogAnalysis.cases``).
    ``share_pct`` is 0–100; values a clerk typed as Excel percentages (0.25 for 25%) are read ×100
    when the service's shares prove it (:func:`svcwork.intake.percent.read_shares`; the intake warns
    of them with their rows), so the digital take-up reads 50%, not 0.5%.
    """
    need = {"service_id", "channel", "available"}
    if not need <= set(channels.columns):
        raise AnalysisError(t("journeys.error.columns", "en", missing=", ".join(sorted(need - set(channels.columns))),
                              found=", ".join(map(str, channels.columns))))
    ch = channels.loc[channels["service_id"].notna() & channels["channel"].notna()].copy()
    ch["channel"] = [channel_key(c) for c in ch["channel"]]
    shares = None
    if "share_pct" in ch:  # 0–100; cells typed as Excel percentages (25% stored 0.25) read ×100 when proven
        shares = read_shares(ch["share_pct"], ch["service_id"])
        ch["share_pct"] = shares.values
    ch["available"] = ch["available"].astype("string").str.lower()
    e2e_col = ch["end_to_end"].astype("string").str.lower() if "end_to_end" in ch else pd.Series(pd.NA, index=ch.index)
    ch["e2e"] = (e2e_col == "yes").fillna(False).astype(bool)
    order = [c for c in CHANNELS.keys if c in set(ch["channel"])] + sorted(
        {str(c) for c in ch["channel"]} - set(CHANNELS.keys))
    services = list(dict.fromkeys(ch["service_id"].astype(str)))
    avail = ch.pivot_table(index="service_id", columns="channel", values="available", aggfunc="first")
    avail = avail.reindex(index=services, columns=order)
    e2e = ch.pivot_table(index="service_id", columns="channel", values="e2e", aggfunc="max").reindex(
        index=services, columns=order).fillna(False).astype(bool)
    counter = ch.loc[(ch["channel"] == "counter") & ch["available"].isin(["yes", "partial"]), "service_id"]
    frontal = tuple(dict.fromkeys(counter.astype(str)))
    digital_ok = ch.loc[ch["channel"].isin(DIGITAL) & (ch["available"] == "yes") & ch["e2e"], "service_id"]
    without = tuple(s for s in frontal if s not in set(digital_ok.astype(str)))
    volumes = pd.DataFrame()
    take = []
    if cases is not None and {"service_id", "channel"} <= set(cases.columns):
        known = cases.loc[cases["service_id"].notna() & cases["channel"].notna(), ["service_id", "channel"]]
        if len(known):
            volumes = pd.crosstab(known["service_id"].astype(str), known["channel"].astype(str))
    for s in sorted(set(services) | set(volumes.index)):
        if s in volumes.index and volumes.loc[s].sum() > 0:
            row = volumes.loc[s]
            total = int(row.sum())
            digital = int(row[[c for c in row.index if c in DIGITAL]].sum())
            take.append((s, total, digital, digital / total, "log"))
        else:
            sub = ch.loc[ch["service_id"].astype(str) == s]
            pct = sub["share_pct"] if "share_pct" in sub else pd.Series(dtype=float)
            if pct.notna().any():
                dig = float(pct[sub["channel"].isin(DIGITAL)].fillna(0).sum())
                take.append((s, None, None, min(dig / 100.0, 1.0), "intake"))
    takeup = pd.DataFrame(take, columns=["service_id", "cases", "digital_cases", "digital_share", "source"])
    return ChannelParity(avail, e2e, frontal, without, takeup, volumes, shares)


def shown_volumes(volumes: pd.DataFrame, min_size: int, *, listed: pd.DataFrame | None = None) -> pd.DataFrame:
    """Which service × channel volumes may be shown (a boolean frame shaped as *volumes*).

    The deliverable also shows each service's total (digital take-up, case measures by service), each
    channel's total (case measures by channel) and each service's digital share of its total, i.e. its
    digital and its other cases.  A cell from 1 to *min_size* − 1 is hidden (primary suppression); then
    the house rule of secondary suppression (Hundepool et al., *Statistical Disclosure Control*, 2012,
    §4.2 and §5: :func:`svcwork.privacy.hidden_cells`, as the survey and observer tables) hides the
    smallest shown cell of any service's digital channels, any service's other channels, or any channel,
    whose hidden cells add up to more than 0 but fewer than *min_size* cases or hold a single hidden cell,
    and (``loops``) closes every loop of hidden cells a single hidden cell would leave open — so no hidden
    cell can be derived from the totals and the shown cells, the attacker's audit by linear programming
    (every count at least 0) giving each a range wider than a point.  The take-up share keeps every case
    of the service in its base: what it reveals (the digital cases, and so the other ones) is one of the
    totals protected.

    A cell of 0 cases is shown (no case, nobody's group; e.g. a channel the service offers but nobody
    used, or one it does not offer): counts are never negative, so a hidden 0 would protect nothing — a
    service's single small channel beside a hidden 0 is its total less the channels shown — and the rule
    never counts one as a partner.  (A small cell that is the only cell above 0 of its service's digital or
    other channels is that published total itself: hidden, but no table can protect it.)  *listed*: the
    cells the table has a place for (True where shown at all); the other cells are never shown, which only
    adds to what is hidden."""
    if volumes.empty:
        return pd.DataFrame(False, index=volumes.index, columns=volumes.columns)

    long = volumes.rename_axis(index="service_id", columns="channel").stack().rename("n").reset_index()
    long["side"] = long["channel"].isin(DIGITAL)
    n = pd.to_numeric(long["n"], errors="coerce").fillna(0).to_numpy(dtype=float)
    hid = hidden_cells(long, ("service_id", "channel"), int(min_size), count="n", within=("side",), loops=True)
    show = ~hid | (n == 0)
    out = pd.DataFrame(False, index=volumes.index, columns=volumes.columns)
    for sid, ch in zip(long.loc[show, "service_id"], long.loc[show, "channel"]):
        out.loc[sid, ch] = True
    if listed is not None:
        out &= listed.reindex(index=out.index, columns=out.columns, fill_value=False).astype(bool)
    return out
