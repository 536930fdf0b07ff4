"""The measures section in words: findings, chart takeaways and the methods appendix.

Every number a sentence shows is a key figure of :mod:`svcwork.measures.figures`, put in by
:func:`svcwork.keyfigures.quote` (a marker holding its key), never formatted or computed here;
counts agree with their nouns through the catalogue's plural forms (CLDR rules, Babel).  Besides
figures a sentence writes only identifiers (KPI and service ids), periods, the client's own names
in quotes and the confidence level.  Method names, parameters and seeds go to :func:`methods`
(the report's methods appendix), not to the findings.

* :func:`findings` — the section's sentences: satisfaction; the weakest items and the Net
  Promoter Score; the change over the whole period (last wave against the first, and the trend
  across all the waves); a KPI that reports a survey item set beside it, each with its
  definition; the KPIs needing attention, by why, and the improvements; the service standards,
  saying exactly what the standard is and which cases count; units and drivers.
* :func:`takeaways` — one sentence per chart of :func:`svcwork.measures.present.figures`.
* :func:`methods` — the methods behind the numbers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Mapping

import pandas as pd

from ..i18n import fmt_period, t
from ..keyfigures import KeyFigure, base_text, quote
from ..schema import ENUMS
from ._base import A11_ITEMS, _period_label
from .drivers import _focus_items
from .figures import attention, attention_groups, figures_of, standard_item, standard_key, weakest_items

if TYPE_CHECKING:  # pragma: no cover
    from .result import MeasuresResult

__all__ = ["findings", "takeaways", "methods"]

_SEP = ", "


# =========================================================================== small helpers
def _level(res: MeasuresResult) -> int:
    return int(round(res.confidence * 100))


def _item(item: str, lang: str, *, mid: bool = True) -> str:
    """A survey item's name; in English lower-cased at the start when it stands inside a sentence."""
    name = t(f"measures.item.{item}", lang)
    return name[:1].lower() + name[1:] if mid and lang == "en" and name[1:2].islower() else name


def _channel(value: object, lang: str) -> str:
    if isinstance(value, str) and value in ENUMS["channel"].keys:
        return ENUMS["channel"].label(value, lang)
    return t("measures.all_channels", lang) if value in ("*", None, "") else str(value)


def _period(value: object, lang: str) -> str:
    """A KPI period or survey wave as the reader says it ("October 2026", "Q3 2025")."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "—"
    if isinstance(value, str):
        return fmt_period(value, lang)
    try:
        return fmt_period(_period_label(value), lang)
    except (TypeError, ValueError):
        return str(value)


class _Quote:
    """Quotes the result's key figures into sentences (a missing figure reads "—")."""

    def __init__(self, figures: Mapping[str, KeyFigure], lang: str) -> None:
        self.figures, self.lang = figures, lang

    def get(self, key: str) -> KeyFigure | None:
        return self.figures.get(key)

    def __call__(self, key: str, attr: str = "value") -> str:
        fig = self.figures.get(key)
        return quote(fig, self.lang, attr) if fig is not None and getattr(fig, attr) is not None else "—"

    def base(self, key: str) -> str:
        fig = self.figures.get(key)
        return base_text(fig, self.lang) if fig is not None else "—"


def _kpi_rows(res: MeasuresResult) -> dict[str, dict]:
    return {str(r["kpi_id"]): r for r in res.scorecard.to_dict("records")} if not res.scorecard.empty else {}


def _kpi_value(kid: str, rows: Mapping[str, dict], q: _Quote, lang: str) -> str:
    """"N04 (76% in October 2026; target 80%)" — a KPI with its last value and target."""
    period = _period(rows.get(kid, {}).get("last_period"), lang)
    if q.get(f"measures.kpi_target.{kid}") is None:
        return t("measures.finding.kpi_value_only", lang, kpi=kid, last=q(f"measures.kpi_last.{kid}"), period=period)
    return t("measures.finding.kpi_value", lang, kpi=kid, last=q(f"measures.kpi_last.{kid}"), period=period,
             target=q(f"measures.kpi_target.{kid}"))


def _kpi_level(kid: str, rows: Mapping[str, dict], q: _Quote, lang: str) -> str:
    return t("measures.finding.kpi_level", lang, kpi=kid, level=q(f"measures.kpi_new_level.{kid}"),
             period=_period(rows.get(kid, {}).get("shift_period"), lang))


# =========================================================================== the survey
def _satisfaction(res: MeasuresResult, q: _Quote, lang: str) -> list[str]:
    key = "measures.item.satisfaction"
    if q.get(key) is None:
        return []
    return [t("measures.finding.csat", lang, pct=q(key), low=q(key, "low"), high=q(key, "high"), base=q.base(key),
              level=_level(res))]


def _weakest(res: MeasuresResult, q: _Quote, lang: str, *, takeaway: bool = False) -> str:
    weak = [i for i in weakest_items(res.items) if q.get(f"measures.item.{i}") is not None]
    if not weak:
        return ""
    named = [t("measures.finding.weak_item", lang, item=_item(i, lang), pct=q(f"measures.item.{i}"),
               low=q(f"measures.item.{i}", "low"), high=q(f"measures.item.{i}", "high"), level=_level(res))
             for i in weak]
    return t("measures.takeaway.weakest" if takeaway else "measures.finding.weakest", lang, n=len(named),
             items="; ".join(named))


def _weak_and_nps(res: MeasuresResult, q: _Quote, lang: str) -> list[str]:
    parts = [_weakest(res, q, lang)] if _weakest(res, q, lang) else []
    if q.get("measures.nps") is not None and q.get("measures.promoters") is not None:
        parts.append(t("measures.finding.nps", lang, nps=q("measures.nps"), low=q("measures.nps", "low"),
                       high=q("measures.nps", "high"), base=q.base("measures.nps"), level=_level(res),
                       detractors=q("measures.detractors"), promoters=q("measures.promoters")))
    return [" ".join(parts)] if parts else []


def _change_rows(res: MeasuresResult) -> pd.DataFrame:
    """The A-11 items' whole-period changes between the most common first and last waves."""
    wc = res.wave_change
    if wc.empty:
        return wc
    rows = wc[wc["item"].isin(A11_ITEMS)]
    if rows.empty:
        return rows
    first, last = rows.groupby(["wave_first", "wave_last"], sort=False, observed=True).size().idxmax()
    return rows[(rows["wave_first"] == first) & (rows["wave_last"] == last)]


def _change_item(item: str, q: _Quote, lang: str) -> str:
    return t("measures.finding.change_item", lang, item=_item(item, lang), before=q(f"measures.wave_first.{item}"),
             after=q(f"measures.wave_last.{item}"), change=q(f"measures.change.{item}"))


def _names(items, lang: str) -> str:
    return _SEP.join(_item(i, lang) for i in items)


def _change(res: MeasuresResult, q: _Quote, lang: str) -> list[str]:
    rows = _change_rows(res)
    if rows.empty:
        return []
    first, last = _period(rows["wave_first"].iloc[0], lang), _period(rows["wave_last"].iloc[0], lang)
    ups = rows[rows["status"] == "up"].sort_values("diff", ascending=False, kind="stable")
    downs = rows[rows["status"] == "down"].sort_values("diff", kind="stable")
    parts = []
    if len(ups) == len(rows) and len(rows) >= 3:
        small, large = ups.iloc[-1]["item"], ups.iloc[0]["item"]
        anchor = "satisfaction" if "satisfaction" in set(ups["item"]) else str(large)
        parts.append(t("measures.finding.change_all_up", lang, first=first, last=last,
                       smallest=q(f"measures.change.{small}"), smallest_item=_item(small, lang),
                       largest=q(f"measures.change.{large}"), largest_item=_item(large, lang),
                       item=_item(anchor, lang), before=q(f"measures.wave_first.{anchor}"),
                       after=q(f"measures.wave_last.{anchor}")))
    else:
        for key, part in (("measures.finding.change_up", ups), ("measures.finding.change_down", downs)):
            if len(part):
                parts.append(t(key, lang, first=first, last=last,
                               items="; ".join(_change_item(i, q, lang) for i in part["item"])))
        if ups.empty and downs.empty:
            parts.append(t("measures.finding.change_none", lang, first=first, last=last))
    several = rows[rows["waves"] >= 3]
    if len(several):  # the trend test across every wave, beyond the two ends
        changed = several[several["status"] != "same"]
        confirmed = changed[changed["trend"] == changed["status"]]
        if len(changed) and len(confirmed) == len(changed):
            parts.append(t("measures.finding.trend_all", lang, n=len(changed)))
        elif len(confirmed):
            parts.append(t("measures.finding.trend_some", lang, items=_names(confirmed["item"], lang)))
        elif len(changed):
            parts.append(t("measures.finding.trend_none", lang))
        steady = several[(several["status"] == "same") & (several["trend"] != "same")]
        for direction in ("up", "down"):
            also = steady[steady["trend"] == direction]
            if len(also):
                parts.append(t(f"measures.finding.trend_also_{direction}", lang, items=_names(also["item"], lang)))
    return [" ".join(parts)]


def _two_measures(res: MeasuresResult, q: _Quote, lang: str) -> list[str]:
    """A KPI that reports a survey item, set beside the survey's figure with both definitions."""
    out = []
    rows = _kpi_rows(res)
    change = res.wave_change.set_index("item") if not res.wave_change.empty else pd.DataFrame()
    for kid, item in res.survey_kpis.items():
        key = f"measures.item.{item}"
        if q.get(key) is None or q.get(f"measures.kpi_last.{kid}") is None or kid not in rows:
            continue
        row = rows[kid]
        ch = change.loc[item] if item in change.index else None
        wave = ("" if ch is None else
                t("measures.finding.two_measures_wave", lang, pct=q(f"measures.wave_last.{item}"),
                  wave=_period(ch["wave_last"], lang)))
        name = row.get("kpi_name") if isinstance(row.get("kpi_name"), str) else kid
        parts = [t("measures.finding.two_measures", lang, kpi=kid, name=name, item=_item(item, lang),
                   last=q(f"measures.kpi_last.{kid}"), period=_period(row.get("last_period"), lang),
                   target=q(f"measures.kpi_target.{kid}"), pct=q(key), base=q.base(key), wave=wave)]
        trend = row.get("trend") if isinstance(row.get("trend"), str) else "short"
        if ch is not None and trend != "short":
            status = str(ch["status"])
            agree = (status, trend) in (("up", "improving"), ("down", "worsening"), ("same", "stable"))
            survey = t(f"measures.finding.survey_change.{status}", lang, item=_item(item, lang),
                       before=q(f"measures.wave_first.{item}"), after=q(f"measures.wave_last.{item}"),
                       first=_period(ch["wave_first"], lang), last=_period(ch["wave_last"], lang),
                       change=q(f"measures.change.{item}"))
            parts.append(t("measures.finding.over_time_agree" if agree else "measures.finding.over_time_differ",
                           lang, kpi=t(f"measures.finding.kpi_trend.{trend}", lang, kpi=kid), survey=survey))
        out.append(" ".join(parts))
    return out


# =========================================================================== KPIs
def _kpi_head(q: _Quote, lang: str) -> str:
    met, judged = q.get("measures.kpis_met"), q.get("measures.kpis_judged")
    if met is None or judged is None or not judged.value:
        return t("measures.finding.kpis_none_judged", lang)
    if judged.value == 1:
        return t("measures.finding.kpi_one_met" if met.value else "measures.finding.kpi_one_missed", lang)
    return t("measures.finding.kpis_met", lang, n=met.value, met=q("measures.kpis_met"),
             base=q.base("measures.kpis_met"))


def _kpi_attention(res: MeasuresResult, q: _Quote, lang: str) -> str:
    """The KPI headline: how many meet their target, and how many need attention (named)."""
    head = _kpi_head(q, lang)
    count = q.get("measures.kpis_attention")
    named = attention(res.scorecard)
    if count is None or not named:
        return t("measures.finding.attention_none", lang, head=head)
    return t("measures.finding.attention", lang, n=count.value, head=head, count=q("measures.kpis_attention"),
             kpis=_SEP.join(named))


def _kpis(res: MeasuresResult, q: _Quote, lang: str) -> list[str]:
    if not res.kpis_available or res.scorecard.empty or q.get("measures.kpis") is None:
        return []
    rows = _kpi_rows(res)
    parts = [_kpi_attention(res, q, lang)]
    for group, ids in attention_groups(res.scorecard).items():
        if ids:
            parts.append(t(f"measures.finding.{group}", lang, n=len(ids),
                           kpis="; ".join(_kpi_value(k, rows, q, lang) for k in ids)))
    out = [" ".join(parts)]
    shifted = [k for k, r in rows.items() if r.get("status") == "improved"
               and q.get(f"measures.kpi_new_level.{k}") is not None]
    if shifted:
        out.append(t("measures.finding.improved", lang, n=len(shifted),
                     kpis="; ".join(_kpi_level(k, rows, q, lang) for k in shifted)))
    return out


# =========================================================================== service standards
def _pick(rows: pd.DataFrame) -> pd.Series | None:
    """The standard a sentence reads: every service and channel's, else the one over the most cases."""
    if rows.empty:
        return None
    every = rows[(rows["service_id"] == "*") & (rows["channel"] == "*")]
    return (every if len(every) else rows).sort_values("n", ascending=False, kind="stable").iloc[0]


def _scope(row: pd.Series, lang: str) -> str:
    if standard_item(row["service_id"], row["channel"]) is None:
        return t("measures.finding.scope_all", lang)
    service = t("measures.all_services", lang) if row["service_id"] == "*" else str(row["service_id"])
    return t("measures.finding.scope", lang, service=service, channel=_channel(row["channel"], lang))


def _days(key: str, q: _Quote, lang: str) -> str:
    fig = q.get(key)
    return t("measures.finding.days", lang, n=fig.value, days=q(key)) if fig is not None else "—"


def _standard_parts(res: MeasuresResult, q: _Quote, lang: str, *, short: bool = False) -> list[str]:
    if not res.standards_available or res.standards.empty:
        return []
    parts = []
    row = _pick(res.standards[res.standards["measure"] == "resolution_days"])
    if row is not None:
        item = standard_item(row["service_id"], row["channel"])
        met, days = standard_key("standard_met", item), standard_key("standard_days", item)
        pending = q.get(standard_key("standard_pending", item))
        if short:
            parts.append(t("measures.takeaway.standards", lang, pct=q(met), days=_days(days, q, lang),
                           scope=_scope(row, lang), base=q.base(met)))
        else:
            waiting = (t("measures.finding.pending", lang, n=pending.value,
                         count=q(standard_key("standard_pending", item))) if pending is not None and pending.value
                       else "")
            parts.append(t("measures.finding.standard", lang, pct=q(met), days=_days(days, q, lang),
                           scope=_scope(row, lang), level=_level(res), low=q(met, "low"), high=q(met, "high"),
                           base=q.base(met), pending=waiting))
    row = _pick(res.standards[res.standards["measure"] == "first_response_days"])
    if row is not None and not (short and parts):
        item = standard_item(row["service_id"], row["channel"])
        met, days = standard_key("response_met", item), standard_key("response_days", item)
        pending = q.get(standard_key("response_pending", item))
        waiting = (t("measures.finding.pending", lang, n=pending.value, count=q(standard_key("response_pending", item)))
                   if not short and pending is not None and pending.value else "")
        parts.append(t("measures.takeaway.response" if short else "measures.finding.response", lang, pct=q(met),
                       days=_days(days, q, lang), scope=_scope(row, lang), base=q.base(met), pending=waiting))
    return parts


# =========================================================================== units and drivers
def _units(res: MeasuresResult, lang: str) -> list[str]:
    if not res.survey_shown or res.unit_vs_all.empty:
        return []
    item = "satisfaction" if (res.unit_vs_all["item"] == "satisfaction").any() else res.unit_vs_all["item"].iloc[0]
    u = res.unit_vs_all[res.unit_vs_all["item"] == item]
    hi = list(u.loc[u["status"] == "higher", "unit"].astype(str))
    lo = list(u.loc[u["status"] == "lower", "unit"].astype(str))
    if hi or lo:
        return [t("measures.finding.units_differ", lang, item=_item(item, lang), higher=_SEP.join(hi) or "—",
                  lower=_SEP.join(lo) or "—")]
    return [t("measures.finding.units_same", lang, item=_item(item, lang))]


def _drivers(res: MeasuresResult, q: _Quote, lang: str) -> list[str]:
    if res.ipa.empty:
        return []
    outcome = _item(res.drivers.outcome, lang) if res.drivers is not None else _item("satisfaction", lang)
    focus = _focus_items(res.ipa)
    if focus:
        return [t("measures.finding.concentrate", lang, n=len(focus), items=_names(focus, lang), outcome=outcome)]
    if res.drivers is not None and len(res.drivers.table):
        top = str(res.drivers.table.iloc[0]["driver"])
        return [t("measures.finding.driver", lang, outcome=outcome, driver=_item(top, lang),
                  share=q(f"measures.driver.{top}"))]
    return []


# =========================================================================== the hooks
def findings(res: MeasuresResult, lang: str) -> list[str]:
    """The section's sentences, each number a marked key figure (see the module's list)."""
    if not res.available:
        return [t("measures.skipped.all", lang)]
    q = _Quote(figures_of(res), lang)
    out: list[str] = []
    if res.survey_shown and not res.items.empty:
        out += _satisfaction(res, q, lang) + _weak_and_nps(res, q, lang) + _change(res, q, lang)
    out += _two_measures(res, q, lang)
    out += _kpis(res, q, lang)
    standards = _standard_parts(res, q, lang)
    if standards:
        out.append(" ".join(standards))
    out += _units(res, lang) + _drivers(res, q, lang)
    if not out:
        out.append(res.skipped(lang) or t("measures.skipped.all", lang))
    return out


def _control_slug(kid: str) -> str:
    return f"control_{re.sub(r'[^0-9A-Za-z_-]+', '_', kid)}"


def _reading(kid: str, row: Mapping, q: _Quote, lang: str) -> str:
    status = row.get("status") if isinstance(row.get("status"), str) else None
    if status is None:
        return t("measures.takeaway.reading.none", lang)
    if status != "stable" and q.get(f"measures.kpi_new_level.{kid}") is not None:
        return t(f"measures.takeaway.reading.{status}_shift", lang, level=q(f"measures.kpi_new_level.{kid}"),
                 period=_period(row.get("shift_period"), lang))
    return t(f"measures.takeaway.reading.{status}", lang)


def takeaways(res: MeasuresResult, lang: str) -> dict[str, str]:
    """One marked sentence per chart of :func:`svcwork.measures.present.figures`, by its slug."""
    q = _Quote(figures_of(res), lang)
    out: dict[str, str] = {}
    level = _level(res)
    if res.survey_shown and not res.items.empty:
        item = "satisfaction" if q.get("measures.item.satisfaction") is not None else str(res.items["item"].iloc[0])
        out["survey_items"] = t("measures.takeaway.survey_items", lang, item=_item(item, lang, mid=False),
                                pct=q(f"measures.item.{item}"), weakest=_weakest(res, q, lang, takeaway=True))
    units = _units(res, lang)
    if units:
        out["unit_comparison"] = units[0]
    if res.survey_shown and "wave" in res.by and res.by["wave"]["wave"].nunique() >= 2 and not res.wave_change.empty:
        wc = res.wave_change.set_index("item")
        item = "satisfaction" if "satisfaction" in wc.index else str(wc.index[0])
        key = f"measures.change.{item}"
        out["wave_trend"] = t("measures.takeaway.wave_trend", lang, item=_item(item, lang, mid=False),
                              before=q(f"measures.wave_first.{item}"), after=q(f"measures.wave_last.{item}"),
                              first=_period(wc.loc[item, "wave_first"], lang),
                              last=_period(wc.loc[item, "wave_last"], lang), change=q(key), low=q(key, "low"),
                              high=q(key, "high"), level=level)
    if res.survey_shown and not res.nps.empty and q.get("measures.nps") is not None:
        dim = next((d for d in ("unit", "wave", "channel") if (res.nps["breakdown"] == d).sum() >= 2), "all")
        values = dict(nps=q("measures.nps"), low=q("measures.nps", "low"), high=q("measures.nps", "high"), level=level)
        groups = res.nps[res.nps["breakdown"] == dim]
        if dim != "all" and len(groups):
            g = groups.sort_values("nps", kind="stable").iloc[0]["group"]
            name = _channel(g, lang) if dim == "channel" else _period(g, lang) if dim == "wave" else str(g)
            out["nps"] = t("measures.takeaway.nps", lang, group=name, **values)
        else:
            out["nps"] = t("measures.takeaway.nps_all", lang, **values)
    if res.drivers is not None and len(res.drivers.table):
        top = str(res.drivers.table.iloc[0]["driver"])
        key = f"measures.driver.{top}"
        out["drivers"] = t("measures.takeaway.drivers", lang, driver=_item(top, lang, mid=False),
                           outcome=_item(res.drivers.outcome, lang), share=q(key), low=q(key, "low"),
                           high=q(key, "high"), level=level)
    if not res.ipa.empty:
        focus = _focus_items(res.ipa)
        outcome = _item(res.drivers.outcome if res.drivers is not None else "satisfaction", lang)
        out["importance_performance"] = (t("measures.takeaway.ipa", lang, n=len(focus), items=_names(focus, lang),
                                           outcome=outcome)
                                         if focus else t("measures.takeaway.ipa_none", lang, outcome=outcome))
    if res.survey_shown and not res.themes.empty and res.themes["mentions"].sum() > 0:
        top = res.themes[res.themes["mentions"] > 0].iloc[0]
        key = f"measures.theme.{top['theme']}"
        out["themes"] = t("measures.takeaway.themes", lang, theme=str(top["he" if lang == "he" else "en"]),
                          share=q(key), base=q.base(key))
    if res.kpis_available and not res.scorecard.empty and res.charts:
        rows = _kpi_rows(res)
        for kid in res.charts:
            if kid in rows and q.get(f"measures.kpi_last.{kid}") is not None:
                values = dict(kpi=kid, last=q(f"measures.kpi_last.{kid}"),
                              period=_period(rows[kid].get("last_period"), lang),
                              reading=_reading(kid, rows[kid], q, lang))
                out[_control_slug(kid)] = (t("measures.takeaway.control", lang, target=q(f"measures.kpi_target.{kid}"),
                                             **values) if q.get(f"measures.kpi_target.{kid}") is not None
                                           else t("measures.takeaway.control_no_target", lang, **values))
        out["scorecard"] = _kpi_attention(res, q, lang)
    standards = _standard_parts(res, q, lang, short=True)
    if standards:
        out["service_standards"] = standards[0]
    return out


def methods(res: MeasuresResult, lang: str) -> list[str]:
    """The methods behind the section's numbers (names, parameters, seeds), for the methods appendix."""
    out = []
    level = _level(res)
    if res.survey_shown:
        out.append(t("measures.method_text.shares", lang, level=level, min=res.min_group_size))
        if not res.unit_vs_all.empty or not res.wave_over_wave.empty or not res.wave_change.empty:
            out.append(t("measures.method_text.differences", lang, level=level))
        if not res.unit_vs_all.empty and "family" in res.unit_vs_all.columns:
            family = res.unit_vs_all.sort_values("family", kind="stable").iloc[-1]
            alpha = 100 - level
            out.append(t("measures.method_text.unit_family", lang, alpha=f"{alpha:g}", m=int(family["family"]),
                         example=f"{float(family['confidence']) * 100:.2f}".rstrip("0").rstrip(".")))
        if not res.nps.empty:
            out.append(t("measures.method_text.nps", lang))
        if res.drivers is not None:
            d = res.drivers
            out.append(t("measures.method_text.drivers", lang, outcome=_item(d.outcome, lang), n_boot=d.n_boot,
                         seed=d.seed))
        if not res.weighting.empty:
            out.append(t("measures.method_text.weighting", lang))
    if res.kpis_available and not res.scorecard.empty:
        out.append(t("measures.method_text.kpis", lang))
    if res.standards_available and not res.standards.empty:
        out.append(t("measures.method_text.standards", lang))
    return out
