"""The key figures of the measures section: every number its sentences quote, named and defined once.

:func:`key_figures` lists them (:class:`svcwork.keyfigures.KeyFigure`) from the result's data,
never from formatted text; :mod:`svcwork.measures.present` quotes them, the report records them
and the executive summary and dashboard read them by key.  The keys (``measures.<name>`` or
``measures.<name>.<item>``; names and definitions in :mod:`svcwork.i18n.measures` as
``measures.figure.<name>`` and ``….def``):

* survey — ``respondents``; ``item.<item>`` (share agreeing, Wilson interval, base responses);
  ``nps``, ``promoters``, ``detractors``; the whole period ``wave_first.<item>``,
  ``wave_last.<item>``, ``change.<item>`` (points, Newcombe interval) and ``change_mean.<item>``
  (0–100 mean, Welch interval); per service (groups of at least the minimum size with a stable
  estimate) ``satisfaction.<service_id>`` and ``nps.<service_id>``; ``driver.<item>``
  (share of the explained variance) and ``theme.<theme>`` (share of the comments);
* KPIs — ``kpis``, ``kpis_judged``, ``kpis_met``, ``kpis_attention`` (a missed target or signals
  in the bad direction only: :func:`attention`), ``kpi_last.<kpi_id>``, ``kpi_target.<kpi_id>``
  (a share for proportions) and ``kpi_new_level.<kpi_id>`` (the new level after a sustained shift);
* service standards — ``standard_met.<item>``, ``standard_days.<item>``,
  ``standard_pending.<item>`` (resolution) and ``response_met.<item>``, ``response_days.<item>``,
  ``response_pending.<item>`` (first response): without an item for the standard of every service and channel, else
  ``.<item>``, the service id (``all`` for every service) followed by ``.<channel>`` for a
  standard of one channel (:func:`standard_item`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Mapping

import pandas as pd

from ..i18n import t
from ..common import finite_or_none as _num
from ..keyfigures import KeyFigure, registry, show
from ..prioritize.figures import share_kind
from ._base import A11_ITEMS

if TYPE_CHECKING:  # pragma: no cover
    from .result import MeasuresResult

__all__ = ["SECTION", "key_figures", "figures_of", "attention", "attention_groups", "kpi_kind", "kpi_text",
           "standard_item",
           "standard_names",
           "standard_key", "weakest_items", "item_name", "BAD_STATUS"]

SECTION = "measures"

#: Control-chart readings that need attention (signals in the bad direction); an improvement does not.
BAD_STATUS = ("deteriorated", "unstable")

#: A finer kind for a figure whose rounding would hide its gap to another (a last value and its target).
_FINER = {"share": "share1", "count": "number", "number": "rate"}


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(float(value))


# =========================================================================== selections the sentences share
def attention_groups(scorecard: pd.DataFrame) -> dict[str, list[str]]:
    """The KPIs that need attention, by why: ``worse`` (control-chart signals in the bad direction),
    ``missed_stable`` (a missed target while the chart is stable: a system problem),
    ``missed_improved`` (a missed target although the chart shows an improvement) and ``missed``
    (a missed target with no chart reading).  An improvement alone needs no attention; a chart not
    read against the KPI's direction (no ``status``) counts as worse when it shows any signal.
    Each KPI is in one group at most, in scorecard order.
    """
    groups: dict[str, list[str]] = {"worse": [], "missed_stable": [], "missed_improved": [], "missed": []}
    for r in scorecard.to_dict("records") if not scorecard.empty else []:
        status = r.get("status") if isinstance(r.get("status"), str) else None
        met = r.get("met")
        missed = met is not None and not pd.isna(met) and not bool(met)
        if status in BAD_STATUS or (status is None and r.get("in_control") is False):
            groups["worse"].append(str(r["kpi_id"]))
        elif missed:
            groups[{"stable": "missed_stable", "improved": "missed_improved"}.get(status or "", "missed")].append(
                str(r["kpi_id"]))
    return groups


def attention(scorecard: pd.DataFrame) -> list[str]:
    """The KPIs that need attention — a missed target, or signals in the bad direction — in scorecard
    order (the union of :func:`attention_groups`, which :data:`measures.kpis_attention` counts)."""
    named = {k for group in attention_groups(scorecard).values() for k in group}
    return [str(k) for k in scorecard["kpi_id"] if str(k) in named] if named else []


def kpi_kind(kind: object, last: object = None, target: object = None, *, level: bool = False) -> str:
    """How a KPI's values are shown: a share for a proportion, whole numbers for a count, else one decimal.

    When the last value and the target would show alike although they differ (79.6% and 80%), both
    take the finer kind (a tenth of a percent), so a missed target never reads as met; the new
    level after a shift (*level*) is shown to a tenth of a percent, as the scorecard shows it.
    """
    base = "share" if kind == "proportion" else "count" if kind == "count" else "number"
    if level:
        return "share1" if base == "share" else base
    a, b = _num(last), _num(target)
    if a is not None and b is not None and a != b and show(a, base) == show(b, base):
        return _FINER[base]
    return base


def kpi_text(value: object, kind: object, last: object = None, target: object = None, lang: str = "en", *,
             level: bool = False) -> str:
    """One of a KPI's values (its last value, target, a point, centre line or limit of its control
    chart, its new level) as every output writes it: by :func:`kpi_kind` of the KPI (*kind*, its
    *last* value and *target*; *level* for the new level) — so a table, a chart's data and a unit
    page read exactly as the sentences quote the KPI's key figures.  '—' when *value* is missing."""
    v = _num(value)
    return "—" if v is None else show(v, kpi_kind(kind, last, target, level=level), lang)


def standard_item(service_id: object, channel: object) -> str | None:
    """The item of a service standard's figures: None for every service and channel, else the service
    id (``all`` for ``*``) followed by ``.<channel>`` for a standard of one channel."""
    sid = str(service_id).strip() if isinstance(service_id, str) and service_id.strip() not in ("", "*") else "all"
    ch = str(channel).strip() if isinstance(channel, str) and channel.strip() not in ("", "*") else ""
    if sid == "all" and not ch:
        return None
    return f"{sid}.{ch}" if ch else sid


def standard_key(name: str, item: str | None) -> str:
    """The key of a standard's figure *name* (``standard_met`` …) for *item* (:func:`standard_item`)."""
    return f"measures.{name}" if item is None else f"measures.{name}.{item}"


#: The figure names of each case measure of a standard: (share met, days, open within the standard).
standard_names: Mapping[str, tuple[str, str, str | None]] = {
    "resolution_days": ("standard_met", "standard_days", "standard_pending"),
    "first_response_days": ("response_met", "response_days", "response_pending"),
}


#: The figure names whose item is a survey item, and the catalogue key of that item's name.
_ITEM_NAMES = {**{name: "measures.item.{}" for name in ("item", "wave_first", "wave_last", "change", "change_mean",
                                                       "driver")}, "theme": "measures.theme.{}"}


def item_name(figure: KeyFigure, lang: str) -> str:
    """The reader's name of *figure*'s item in *lang*: a survey item's or comment theme's name
    ("trust" → "Trust" / "אמון"), a standard's service and channel ("L01.web" → "L01 · Web");
    ids of services and KPIs as they are.  For the figure's label and definition (``{item}``)."""
    from ..i18n import CATALOGUE
    from ..schema import ENUMS

    item = figure.item or ""
    pattern = _ITEM_NAMES.get(figure.name)
    if pattern and pattern.format(item) in CATALOGUE:
        return t(pattern.format(item), lang)
    if figure.name in ("standard_met", "standard_days", "standard_pending", "response_met", "response_days",
                       "response_pending") and item:
        sid, _, channel = item.partition(".")
        service = t("measures.all_services", lang) if sid == "all" else sid
        if channel:
            label = ENUMS["channel"].label(channel, lang) if channel in ENUMS["channel"].keys else channel
            return f"{service} · {label}"
        return service
    return item


def weakest_items(items: pd.DataFrame) -> list[str]:
    """The weakest survey items: the A-11 item with the lowest share agreeing, and every other item
    whose share lies inside that item's confidence interval (not distinguishable from it)."""
    if items.empty:
        return []
    a11 = items[items["item"].isin(A11_ITEMS)].dropna(subset=["pct_agree"])
    if a11.empty:
        return []
    low = a11.sort_values(["pct_agree", "item"], kind="stable").iloc[0]
    close = a11[(a11["pct_agree"] <= low["high"]) & (a11["pct_agree"] >= low["low"])]
    return [str(i) for i in close.sort_values(["pct_agree", "item"], kind="stable")["item"]]


# =========================================================================== the figures
def _fig(key: str, value: Any, kind: str, *, base: Any = None, low: Any = None, high: Any = None,
         **kw: Any) -> KeyFigure:
    """A figure of this section, its numbers as plain Python values (a count whole)."""
    v = _num(value)
    if v is not None and kind == "count" and v.is_integer():
        v = int(v)
    b = _num(base)
    return KeyFigure(key=key, value=v, kind=kind, section=SECTION, base=None if b is None else int(round(b)),
                     low=_num(low), high=_num(high), **kw)


def _survey(res: MeasuresResult) -> list[KeyFigure]:
    out = [_fig("measures.respondents", int(res.survey_n), "count", table="survey_items")]
    for r in res.items.to_dict("records") if not res.items.empty else []:
        out.append(_fig(f"measures.item.{r['item']}", r["pct_agree"], "share", base=r["n"], base_of="responses",
                        low=r["low"], high=r["high"], table="survey_items", item=str(r["item"])))
    if res.nps_overall is not None and not res.nps.empty:
        v = res.nps_overall
        out.append(_fig("measures.nps", v.value, "nps", base=v.n, base_of="respondents", low=v.low, high=v.high,
                        table="nps"))
        r = res.nps[res.nps["breakdown"] == "all"].iloc[0]
        for name, col in (("promoters", "promoters"), ("detractors", "detractors")):
            out.append(_fig(f"measures.{name}", float(r[col]) / float(r["n"]), "share", base=r["n"],
                            base_of="respondents", table="nps"))
    for r in res.wave_change.to_dict("records") if not res.wave_change.empty else []:
        item = str(r["item"])
        out += [_fig(f"measures.wave_first.{item}", r["pct_first"], "share", base=r["n_first"], base_of="responses",
                     table="survey_by_wave", item=item),
                _fig(f"measures.wave_last.{item}", r["pct_last"], "share", base=r["n_last"], base_of="responses",
                     table="survey_by_wave", item=item),
                _fig(f"measures.change.{item}", 100 * r["diff"], "points", base=r["n_first"] + r["n_last"],
                     base_of="responses", low=100 * r["low"], high=100 * r["high"], table="survey_change", item=item)]
        if _finite(r["mean_diff"]):
            out.append(_fig(f"measures.change_mean.{item}", r["mean_diff"], "points", base=r["n_first"] + r["n_last"],
                            base_of="responses", low=r["mean_low"], high=r["mean_high"], table="survey_change",
                            item=item))
    by_service = res.by.get("service_id")
    if by_service is not None and not by_service.empty:
        sat = by_service[(by_service["item"] == "satisfaction") & ~by_service["unstable"].astype(bool)]
        for r in sat.to_dict("records"):
            out.append(_fig(f"measures.satisfaction.{r['service_id']}", r["pct_agree"], "share", base=r["n"],
                            base_of="responses", low=r["low"], high=r["high"], table="survey_by_service",
                            item=str(r["service_id"])))
    if not res.nps.empty:
        per = res.nps[(res.nps["breakdown"] == "service_id") & ~res.nps["unstable"].astype(bool)]
        for r in per.to_dict("records"):
            out.append(_fig(f"measures.nps.{r['group']}", r["nps"], "nps", base=r["n"], base_of="respondents",
                            low=r["low"], high=r["high"], table="nps", item=str(r["group"])))
    if res.drivers is not None:
        for r in res.drivers.table.to_dict("records"):
            out.append(_fig(f"measures.driver.{r['driver']}", r["share"], "share", base=res.drivers.n,
                            base_of="respondents", low=r["share_low"], high=r["share_high"], table="drivers",
                            item=str(r["driver"])))
    for r in res.themes.to_dict("records") if not res.themes.empty else []:
        if r["mentions"] > 0:
            out.append(_fig(f"measures.theme.{r['theme']}", r["share"], "share", base=r["comments"],
                            base_of="responses", low=r["low"], high=r["high"], table="themes", item=str(r["theme"])))
    return out


def _kpis(res: MeasuresResult) -> list[KeyFigure]:
    s = res.scorecard
    if s.empty:
        return []
    rows = s.to_dict("records")
    valued = [r for r in rows if _finite(r.get("last"))]
    judged = [r for r in valued if r.get("met") is not None]
    met = sum(bool(r["met"]) for r in judged)
    out = [_fig("measures.kpis", len(valued), "count", table="kpi_scorecard"),
           _fig("measures.kpis_judged", len(judged), "count", table="kpi_scorecard"),
           _fig("measures.kpis_met", met, "count", base=len(judged), base_of="kpis", table="kpi_scorecard"),
           _fig("measures.kpis_attention", len(attention(s)), "count", base=len(valued), base_of="kpis",
                table="kpi_scorecard")]
    for r in valued:
        kid = str(r["kpi_id"])
        kind = kpi_kind(r.get("kind"), r.get("last"), r.get("target"))
        out.append(_fig(f"measures.kpi_last.{kid}", r["last"], kind, table="kpi_scorecard", item=kid))
        if _finite(r.get("target")):
            out.append(_fig(f"measures.kpi_target.{kid}", r["target"], kind, table="kpi_scorecard", item=kid))
        if _finite(r.get("new_level")):
            out.append(_fig(f"measures.kpi_new_level.{kid}", r["new_level"], kpi_kind(r.get("kind"), level=True),
                            table="kpi_scorecard", item=kid))
    return out


def _standards(res: MeasuresResult) -> list[KeyFigure]:
    out: list[KeyFigure] = []
    seen: set[str] = set()
    for r in res.standards.to_dict("records") if not res.standards.empty else []:
        names = standard_names.get(r["measure"])
        item = standard_item(r["service_id"], r["channel"])
        if names is None or standard_key(names[0], item) in seen:
            continue
        seen.add(standard_key(names[0], item))
        met, days, pending = names
        out += [_fig(standard_key(met, item), r["share"], share_kind(_num(r["share"])), base=r["n"],
                     base_of="cases", low=r["low"], high=r["high"], table="service_standards", item=item),
                _fig(standard_key(days, item), r["target"], "count" if float(r["target"]).is_integer() else "days",
                     table="service_standards", item=item)]
        if pending is not None:
            out.append(_fig(standard_key(pending, item), int(r["pending"]), "count", table="service_standards",
                            item=item))
    return out


def key_figures(res: MeasuresResult) -> tuple[KeyFigure, ...]:
    """Every figure the measures section's sentences quote (see the module's list of keys)."""
    if not res.available:
        return ()
    out: list[KeyFigure] = []
    if res.survey_shown:
        out += _survey(res)
    if res.kpis_available:
        out += _kpis(res)
    if res.standards_available:
        out += _standards(res)
    return tuple(registry(out).values())


def figures_of(res: MeasuresResult) -> dict[str, KeyFigure]:
    """``{key: figure}`` of :func:`key_figures` (what the sentences look figures up in)."""
    return registry(res.key_figures())  # computed once per result
