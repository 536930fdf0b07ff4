"""The key figures of the journeys section: every number its sentences quote, named and defined once.

:func:`key_figures` lists them (:class:`svcwork.keyfigures.KeyFigure`) from the result's data, never
from formatted text; :mod:`svcwork.journeys.present` quotes them, the report records them, and the
executive summary and unit packs read them by key.  Names and definitions are the catalogue's
``journeys.figure.<name>`` and ``….def`` (:mod:`svcwork.i18n.journeys`).  The keys:

* the log — ``cases`` (cases, not events), ``events``, ``closed_cases``, ``open_cases``,
  ``open_share``; end-to-end time counting the cases still open (Kaplan–Meier,
  :mod:`~svcwork.journeys.survival`) ``median_case_days``, ``p90_case_days`` (base: the cases whose
  time the log tells — all of them, but for a single-event case of a log without closure, rule 5 of
  :mod:`svcwork.caselog`);
* deadlines — ``deadline_missed`` (share of the cases decided that finished after their deadline:
  the case's own deadline where the log records one, else ``deadline_days`` after opening),
  ``deadline_days`` (the engagement's default), ``own_deadline_cases`` (of the cases decided, those with a
  deadline of their own: the deadline sentence's base), ``pending_cases``;
* contact — ``repeat_contact``, ``repeat_window_days``, ``fcr`` (first-contact resolution: closed by
  the receiving unit without a hand-off, no repeat contact within the window before or after; each
  only when at least the minimum group size of cases has a known citizen, :func:`contact_bases`),
  ``channel_switching``, ``pass_on_units`` and ``pass_on_cases`` (receiving units that close no case
  themselves, and their cases: why their FCR is zero; never a hidden unit);
* paths and hand-offs — ``paths``, ``top_path_share`` (only when at least the minimum group size of
  cases follows the most common path), ``paths_for_goal`` and ``path_goal`` (how many
  of the most common paths cover that share), ``paths_shown``, ``paths_shown_share``,
  ``handoffs_per_case``, ``top_handoff`` (its count; item "from → to"), ``top_handoff_wait``;
* by month of opening — ``month_median_low``/``month_median_high`` (item: the month),
  ``months``, ``months_no_p90``, ``months_pending``;
* channels and commitments — ``frontal_services``, ``frontal_without_digital``,
  ``services_mixed_commitments``, ``digital_share.<service_id>``;
* journeys — ``journeys_mapped``, ``pain_points``, ``journey_pains.<n>`` (item: the journey's name);
* per service (``<service_id>``) and per receiving unit (``unit_….<unit>``), only for groups of at
  least the engagement's minimum group size that the case measures show — never a figure for a smaller
  group, nor for one hidden to protect it (:meth:`JourneysResult.hidden_groups`): ``cases``,
  ``median_case_days``, ``p90_case_days`` (base: its cases with a time, as the whole log's),
  ``deadline_missed`` (base: its decided cases, also at least the minimum) and ``unit_cases``,
  ``unit_median_days``, ``unit_deadline_missed``,
  ``unit_fcr``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import pandas as pd

from ..common import finite_or_none as _num
from ..keyfigures import KeyFigure, registry
from ..privacy import shown as _shown
from .capability import breakdown

if TYPE_CHECKING:  # pragma: no cover
    from .result import JourneysResult

__all__ = ["SECTION", "PATH_GOAL", "key_figures", "figures_of", "wilson", "pass_on_units", "month_range",
           "contact_bases", "top_path_shown", "timed_cases"]

SECTION = "journeys"
#: The share of cases that "the paths it takes to cover most cases" cover.
PATH_GOAL = 0.8


def wilson(count: int, n: int) -> tuple[float | None, float | None]:
    """The 95% Wilson score interval of ``count / n`` (statsmodels ``proportion_confint``; E. B. Wilson,
    JASA 22, 1927); (None, None) for no case."""
    if not n:
        return None, None
    from statsmodels.stats.proportion import proportion_confint

    low, high = proportion_confint(int(count), int(n), alpha=0.05, method="wilson")
    return float(low), float(high)


def _share(key: str, hits: int, n: int, *, table: str | None = None, item: str | None = None,
           base_of: str = "cases") -> KeyFigure:
    low, high = wilson(hits, n)
    return KeyFigure(key, hits / n if n else None, "share", SECTION, base=int(n), base_of=base_of, low=low,
                     high=high, table=table, item=item)


def timed_cases(cases: pd.DataFrame) -> int:
    """The cases whose end-to-end time the log tells (``time_days`` known; rule 5 of
    :mod:`svcwork.caselog`): the base of every median and 90th percentile of end-to-end time."""
    return int(cases["time_days"].notna().sum())


def contact_bases(res: JourneysResult) -> tuple[int, int]:
    """(cases with a known citizen — the base of the repeat-contact share —, cases whose FCR is known —
    the base of FCR) of the whole log; (0, 0) without one."""
    log = res.log
    if log is None:
        return 0, 0
    return int(log.repeats.linked_cases), int(log.cases["fcr"].notna().sum())


def top_path_shown(res: JourneysResult) -> bool:
    """Whether the most common path is followed by enough cases to be quoted (the section's rule,
    :func:`svcwork.privacy.shown`: at least ``min_group_size``)."""
    log = res.log
    if log is None or not len(log.variants.table):
        return False
    return _shown(int(log.variants.table["cases"].iloc[0]), res.min_group_size)


def pass_on_units(res: JourneysResult) -> list[tuple[str, int]]:
    """Receiving units of at least ``min_group_size`` cases that closed none of them without a
    hand-off — so none of their cases counts as resolved at first contact — with their case counts,
    largest first (ties by name).  The units whose case count the report hides
    (:meth:`JourneysResult.hidden_groups`) are never among them: the sentence would name one, and its
    total less the units shown would give its count.  Empty when FCR is not measurable."""
    log = res.log
    if log is None or log.fcr is None:
        return []
    cases = log.cases.loc[log.cases["unit"].notna()]
    hidden = {str(u) for u in res.hidden_groups("unit")}
    out = []
    for unit, g in cases.groupby("unit", sort=True):
        if len(g) < res.min_group_size or str(unit) in hidden:
            continue
        kept = g["closed"].fillna(False).astype(bool) & (g["handoffs"].fillna(0) == 0)
        if not kept.any() and g["closed"].fillna(False).astype(bool).any():
            out.append((str(unit), int(len(g))))
    return sorted(out, key=lambda x: (-x[1], x[0]))


def month_range(res: JourneysResult) -> tuple[pd.DataFrame, int, int]:
    """(months shown with a median, months without a 90th percentile yet, months without a deadline
    share yet) from :meth:`JourneysResult.monthly_capability`."""
    cap = res.monthly_capability()
    if cap.empty:
        return cap, 0, 0
    return cap.loc[cap["median_days"].notna()], int(cap["p90_days"].isna().sum()), int(cap["sla_met"].isna().sum())


def _log_figures(res: JourneysResult) -> Iterator[KeyFigure]:
    log = res.log
    assert log is not None
    cases = log.cases
    n = log.n_cases
    m = res.min_group_size
    yield KeyFigure("journeys.cases", n, "count", SECTION, table="data_quality")
    yield KeyFigure("journeys.events", log.n_events, "count", SECTION, table="data_quality")
    if log.closure_known:
        yield KeyFigure("journeys.closed_cases", log.n_closed, "count", SECTION, base=n, base_of="cases")
        yield KeyFigure("journeys.open_cases", log.n_open, "count", SECTION, base=n, base_of="cases")
        yield KeyFigure("journeys.open_share", log.n_open / n, "share", SECTION, base=n, base_of="cases")
    timed = timed_cases(cases)  # the base of end-to-end time (rule 5 of svcwork.caselog)
    yield KeyFigure("journeys.median_case_days", log.time_quantile(0.5), "days", SECTION, base=timed, base_of="cases",
                    table="kpis_by_service")
    yield KeyFigure("journeys.p90_case_days", log.time_quantile(0.9), "days", SECTION, base=timed, base_of="cases",
                    table="kpis_by_service")
    is_decided = cases["sla_breach"].notna()
    decided = cases["sla_breach"].dropna().astype(bool)
    if len(decided):
        yield _share("journeys.deadline_missed", int(decided.sum()), len(decided), table="kpis_by_service")
    yield KeyFigure("journeys.deadline_days", res.sla_days, "count", SECTION)
    # counted over the deadline sentence's base, the cases decided (not over all cases)
    yield KeyFigure("journeys.own_deadline_cases", int((cases["own_deadline"] & is_decided).sum()), "count", SECTION,
                    base=int(is_decided.sum()), base_of="cases")
    yield KeyFigure("journeys.pending_cases", int(cases["pending"].sum()), "count", SECTION, base=n, base_of="cases")
    r = log.repeats
    linked, fcr_base = contact_bases(res)
    if r.rate is not None and _shown(linked, m):
        yield _share("journeys.repeat_contact", int(cases["repeat"].dropna().astype(bool).sum()), r.linked_cases,
                     table="repeat_contact")
        yield KeyFigure("journeys.repeat_window_days", int(r.days), "count", SECTION, table="repeat_contact")
        if r.channel_switching is not None and _shown(r.citizens_with_repeat, m):
            yield KeyFigure("journeys.channel_switching", r.channel_switching, "share", SECTION, table="repeat_contact")
    known = cases["fcr"].dropna().astype(bool)
    if len(known) and _shown(fcr_base, m):
        yield _share("journeys.fcr", int(known.sum()), len(known), table="repeat_contact")
        units = pass_on_units(res)
        if units:
            yield KeyFigure("journeys.pass_on_units", len(units), "count", SECTION, table="kpis_by_unit")
            yield KeyFigure("journeys.pass_on_cases", sum(c for _, c in units), "count", SECTION, base=n,
                            base_of="cases", table="kpis_by_unit")
    if log.per_event:
        yield from _path_figures(res)
        if log.units_known:
            yield KeyFigure("journeys.handoffs_per_case", log.handoffs.per_case_mean, "rate", SECTION, base=n,
                            base_of="cases")
            top = res.top_handoffs(1)
            if top:
                pairs = log.handoffs.pairs
                row = pairs.loc[(pairs["from"].astype(str) == top[0]["from"]) & (pairs["to"].astype(str) == top[0]["to"])].iloc[0]
                item = f"{top[0]['from']} → {top[0]['to']}"
                yield KeyFigure("journeys.top_handoff", top[0]["count"], "count", SECTION, table="handoffs", item=item)
                hours = _num(row["median_hours_lost"])
                if hours is not None:
                    days = hours >= 48
                    yield KeyFigure("journeys.top_handoff_wait", hours / 24 if days else hours,
                                    "days" if days else "hours", SECTION, table="handoffs", item=item)
    yield from _month_figures(res)
    yield from _group_figures(res, "service_id", ("cases", "median_case_days", "p90_case_days", "deadline_missed"),
                              "kpis_by_service")
    if log.units_known:
        yield from _group_figures(res, "unit", ("unit_cases", "unit_median_days", None, "unit_deadline_missed"),
                                  "kpis_by_unit", fcr="unit_fcr")


def _path_figures(res: JourneysResult) -> Iterator[KeyFigure]:
    log = res.log
    assert log is not None
    table = log.variants.table
    n = log.n_cases
    if not len(table):
        return
    yield KeyFigure("journeys.paths", len(table), "count", SECTION, base=n, base_of="cases", table="variants")
    if top_path_shown(res):
        yield KeyFigure("journeys.top_path_share", float(table["share"].iloc[0]), "share", SECTION, base=n,
                        base_of="cases", table="variants")
    yield KeyFigure("journeys.paths_for_goal", log.variants.variants_for(PATH_GOAL), "count", SECTION,
                    table="ideal_path")
    yield KeyFigure("journeys.path_goal", PATH_GOAL, "share", SECTION, table="ideal_path")
    shown = table.loc[_shown(table["cases"], res.min_group_size)].head(max(res.top_k, 1))
    if len(shown):
        yield KeyFigure("journeys.paths_shown", len(shown), "count", SECTION, table="variants")
        yield KeyFigure("journeys.paths_shown_share", log.variants.coverage(len(shown)), "share", SECTION, base=n,
                        base_of="cases", table="variants")


def _month_figures(res: JourneysResult) -> Iterator[KeyFigure]:
    shown, no_p90, pending = month_range(res)
    cap = res.monthly_capability()
    if cap.empty:
        return
    yield KeyFigure("journeys.months", len(cap), "count", SECTION, table="capability")
    yield KeyFigure("journeys.months_no_p90", no_p90, "count", SECTION, base=len(cap), base_of="periods",
                    table="capability")
    yield KeyFigure("journeys.months_pending", pending, "count", SECTION, base=len(cap), base_of="periods",
                    table="capability")
    if len(shown) >= 2:
        low = shown.loc[shown["median_days"].idxmin()]
        high = shown.loc[shown["median_days"].idxmax()]
        for key, row in (("journeys.month_median_low", low), ("journeys.month_median_high", high)):
            yield KeyFigure(key, float(row["median_days"]), "days", SECTION, base=int(row["cases"]), base_of="cases",
                            table="capability", item=str(row["month"]))


def _group_figures(res: JourneysResult, dim: str, names: tuple[str | None, ...], table: str, *,
                   fcr: str | None = None) -> Iterator[KeyFigure]:
    """Per value of *dim* with at least ``min_group_size`` cases that the case measures by *dim* show
    (not one of :meth:`JourneysResult.hidden_groups`: a group hidden there has no figure at all): cases,
    median and p90 days, deadline missed (its decided cases at least the minimum too) and FCR (idem)."""
    log = res.log
    assert log is not None
    m = res.min_group_size
    cases = log.cases.loc[log.cases[dim].notna()]
    if cases.empty:
        return
    kpis = breakdown(cases, dim, min_size=m).set_index(dim)
    n_cases, n_median, n_p90, n_missed = names
    hidden = {str(v) for v in res.hidden_groups(dim)}
    for value, g in cases.groupby(dim, sort=True):
        if not _shown(len(g), m) or str(value) in hidden:
            continue
        item = str(value)
        yield KeyFigure(f"journeys.{n_cases}.{item}", len(g), "count", SECTION, table=table, item=item)
        row = kpis.loc[value]
        timed = timed_cases(g)
        yield KeyFigure(f"journeys.{n_median}.{item}", _num(row["median_days"]), "days", SECTION, base=timed,
                        base_of="cases", table=table, item=item)
        if n_p90:
            yield KeyFigure(f"journeys.{n_p90}.{item}", _num(row["p90_days"]), "days", SECTION, base=timed,
                            base_of="cases", table=table, item=item)
        decided = g["sla_breach"].dropna().astype(bool)
        if _shown(len(decided), m):
            yield _share(f"journeys.{n_missed}.{item}", int(decided.sum()), len(decided), table=table, item=item)
        if fcr:
            known = g["fcr"].dropna().astype(bool)
            if _shown(len(known), m):
                yield _share(f"journeys.{fcr}.{item}", int(known.sum()), len(known), table=table, item=item)


def _channel_figures(res: JourneysResult) -> Iterator[KeyFigure]:
    p = res.parity
    if p is not None and p.frontal:
        yield KeyFigure("journeys.frontal_services", len(p.frontal), "count", SECTION, table="channel_parity")
        yield KeyFigure("journeys.frontal_without_digital", len(p.without_digital), "count", SECTION,
                        base=len(p.frontal), base_of="services", table="channel_parity")
    take = res.takeup()
    for sid, share, n, source in zip(take.get("service_id", []), take.get("digital_share", []),
                                     take.get("cases", []), take.get("source", [])):
        value = _num(share)
        if value is None:
            continue
        logged = source == "log" and not pd.isna(n)
        yield KeyFigure(f"journeys.digital_share.{sid}", value, "share", SECTION,
                        base=int(n) if logged else None, base_of="cases" if logged else None,
                        table="digital_takeup", item=str(sid))
    c = res.consistency
    if c is not None and not c.services.empty:
        flagged = len(c.flagged) + (1 if c.all_services_flagged else 0)
        yield KeyFigure("journeys.services_mixed_commitments", flagged, "count", SECTION, table="standards_consistency")


def _journey_figures(res: JourneysResult) -> Iterator[KeyFigure]:
    if not res.journeys_available:
        return
    steps = res.journey_steps()
    j = res.journey
    pains = int(j["pain_point"].notna().sum()) if "pain_point" in j else 0
    yield KeyFigure("journeys.journeys_mapped", len(steps), "count", SECTION, table="pain_points")
    yield KeyFigure("journeys.pain_points", pains, "count", SECTION, table="pain_points")
    for i, (name, part) in enumerate(steps, start=1):
        count = int(part["pain_point"].notna().sum()) if "pain_point" in part else 0
        yield KeyFigure(f"journeys.journey_pains.{i}", count, "count", SECTION, table="pain_points", item=name)


def key_figures(res: JourneysResult) -> tuple[KeyFigure, ...]:
    """Every figure the section's words quote, from the result's data (pure; small groups never)."""
    figures: list[KeyFigure] = []
    if res.log is not None:
        figures += list(_log_figures(res))
    figures += list(_channel_figures(res))
    figures += list(_journey_figures(res))
    return tuple(registry(figures).values())


def figures_of(res: JourneysResult) -> dict[str, KeyFigure]:
    """``{key: figure}`` of :func:`key_figures` (what the sentences look figures up in)."""
    return registry(res.key_figures())  # computed once per result
