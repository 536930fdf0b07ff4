"""The report's view of a :class:`~svcwork.journeys.result.JourneysResult`: tables, figures, findings.

Everything here is presentation — headers and sentences from the catalogue in Hebrew or English,
numbers rounded for reading, charts mirrored for right-to-left — and nothing here computes a number
the result does not already hold.

* :func:`tables` — the report and workbook tables, **typed**: each canonical column is renamed to
  its header with :func:`svcwork.tables.translate`, which records the header's catalogue key in the
  frame's ``attrs`` so that results.xlsx formats the column by its kind (count, share, days …),
  never by the translated words;
* :func:`figures` — the journey maps and the process map (:mod:`~svcwork.journeys.maps`) and the
  charts of the result (:mod:`~svcwork.journeys.plots`);
* :func:`findings`, :func:`takeaways`, :func:`methods` — up to five sentences quoting the key figures
  of :mod:`~svcwork.journeys.figures` (marked), one sentence per chart, and the methods appendix
  (all written in :mod:`~svcwork.journeys.present_words`);
* :func:`skipped` — what was skipped and why, in a language;
* :func:`data_quality_table` — the data-quality checks of a log (:meth:`DataQuality.table`);
* the labels and numbers as every table, chart and sentence shows them: :func:`service_label`,
  :func:`channel_label`, :func:`measure_label`, :func:`hours_text`, :func:`target_text`,
  :func:`path_text`, :func:`wrap` and :func:`callout_text` (the case-log sentence backing a pain point).
"""

from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np
import pandas as pd

from ..errors import HEBREW
from ..i18n import fmt_number, fmt_percent, t
from ..privacy import shown, suppress
from ..tables import translate, with_keys
from ._base import CHANNELS, blank, channel_order, measure_scope
from .capability import KPI_COLUMNS, breakdown
from .parity import shown_volumes

if TYPE_CHECKING:
    from .quality import DataQuality
    from .result import JourneysResult

__all__ = ["tables", "figures", "findings", "takeaways", "methods", "skipped", "data_quality_table", "service_label",
           "channel_label", "measure_label", "hours_text", "target_text", "path_text", "wrap", "callout_text"]


# =========================================================================== labels and numbers as shown
#: How full the evidence circle of a journey step is drawn, by evidence level.
EVIDENCE_FILL = {"none": 0.0, "partial": 0.5, "data": 1.0}


def _service_names(res: JourneysResult) -> dict[str, str]:
    services = res.services
    if services.empty or "service_name" not in services:
        return {}
    return {str(s): str(n) for s, n in zip(services["service_id"], services["service_name"]) if not blank(n)}


def service_label(res: JourneysResult, sid: object) -> str:
    """``"S1 Parking permit"``: the service id with its name from the Services sheet (the id alone without one)."""
    names = _service_names(res)
    return f"{sid} {names[str(sid)]}" if str(sid) in names else str(sid)


def channel_label(ch: object, lang: str) -> str:
    """A channel key in *lang* (an unknown channel as written)."""
    return CHANNELS.label(ch, lang) if ch in CHANNELS.keys else str(ch)


def measure_label(measure: object, lang: str) -> str:
    """A Standards measure in *lang* (a KPI by its name)."""
    m = str(measure)
    return t(f"journeys.measure.{m}", lang) if measure_scope(m) != "kpi" else t("journeys.measure.kpi", lang, kpi=m)


def hours_text(hours: float, lang: str) -> str:
    """A duration given in hours, in minutes, hours or days as fits ("—" when unknown)."""
    if hours is None or (isinstance(hours, float) and math.isnan(hours)):
        return "—"
    if hours >= 48:
        return t("journeys.unit.days", lang, value=fmt_number(hours / 24, lang, digits=1))
    if hours >= 1:
        return t("journeys.unit.hours", lang, value=fmt_number(hours, lang, digits=1))
    return t("journeys.unit.minutes", lang, value=fmt_number(hours * 60, lang))


def target_text(x: float, lang: str) -> str:
    """A target as written: whole numbers without decimals, else up to two."""
    x = float(x)
    if x == round(x):
        return fmt_number(x, lang)
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def path_text(seq: Sequence[str]) -> str:
    """Activities joined by arrows that point the way the text runs (← when the names are Hebrew)."""
    names = [str(a) for a in seq]
    return (" ← " if any(HEBREW.search(a) for a in names) else " → ").join(names)


def wrap(text: object, width: int, lines: int) -> str:
    """*text* wrapped to *width* characters, at most *lines* lines (the last cut with "…")."""
    if text is None or (isinstance(text, float) and math.isnan(text)) or text is pd.NA:
        return ""
    out = textwrap.wrap(str(text), width=max(width, 6), break_long_words=True)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: max(width - 1, 1)] + "…"
    return "\n".join(out)


def callout_text(res: JourneysResult, journey: str, step: int, lang: str) -> str | None:
    """The case-log sentence backing the pain point of *journey*'s *step* ("8 of 30 cases …"), if any."""
    got = res.callouts.get((journey, step))
    if got is None:
        return None
    kind, count, total = got  # type: ignore[misc]
    return t(f"journeys.pain.{kind}", lang, count=fmt_number(count, lang), total=fmt_number(total, lang))


# =========================================================================== skipped
def skipped(res: JourneysResult, lang: str) -> str:
    """A sentence naming what was skipped and why (empty when nothing was)."""
    parts = []
    if not res.available:
        return t("journeys.skipped.all", lang)
    if res.log is None:
        parts.append(t("journeys.skipped.cases", lang))
    if not res.journeys_available:
        parts.append(t("journeys.skipped.journey", lang))
    if res.parity is None:
        parts.append(t("journeys.skipped.channels", lang))
    return " ".join(parts)


# =========================================================================== tables
def _keys(*names: str) -> dict[str, str]:
    """``{name: "journeys.col.<name>"}``: the catalogue key of each canonical column."""
    return {n: f"journeys.col.{n}" for n in names}


def data_quality_table(q: DataQuality, lang: str) -> pd.DataFrame:
    """One row per check of a log: what was checked, how many events/cases, their share, a note."""
    E, C = max(q.events, 1), max(q.cases, 1)
    absent = t("journeys.dq.column_absent", lang)
    rows = [
        ("events", q.events, None, ""),
        ("cases", q.cases, None, ""),
        ("dropped", q.dropped, q.dropped / max(q.events + q.dropped, 1),
         t("journeys.dq.dropped_note", lang, **q.dropped_detail)),
        ("no_unit", q.no_unit, q.no_unit / E, "" if q.unit_column else absent),
        ("no_resource", q.no_resource, q.no_resource / E, "" if q.resource_column else absent),
        ("offsets", len(q.offsets), None,
         t("journeys.dq.offsets_note", lang, found=", ".join(q.offsets)) if len(q.offsets) > 1 else ""),
        ("ties", q.tie_events, q.tie_events / E,
         t("journeys.dq.cases_note", lang, n=q.tie_cases, count=fmt_number(q.tie_cases, lang))),
        ("out_of_order", q.out_of_order_events, q.out_of_order_events / E,
         t("journeys.dq.cases_note", lang, n=q.out_of_order_cases, count=fmt_number(q.out_of_order_cases, lang))),
        ("duplicates", q.duplicate_events, q.duplicate_events / E, ""),
        ("single_event", q.single_event_cases, q.single_event_cases / C, ""),
    ]
    return translate(pd.DataFrame({
        "check": [t(f"journeys.dq.{k}", lang) for k, *_ in rows],
        "count": [int(v) for _, v, _, _ in rows],
        "share": [None if s is None else round(float(s), 4) for _, _, s, _ in rows],
        "note": [n for *_, n in rows],
    }), _keys("check", "count", "share", "note"), lang)


def tables(res: JourneysResult, lang: str) -> dict[str, pd.DataFrame]:
    """Report/workbook tables, headers translated (typed), groups under ``min_group_size`` suppressed."""
    out: dict[str, pd.DataFrame] = {}
    m = res.min_group_size
    log = res.log
    if log is not None:
        out["data_quality"] = data_quality_table(log.quality, lang)
        for dim in ("service_id", "channel", "unit"):
            table = breakdown(log.cases, dim, min_size=m)  # groups hidden whole: primary and secondary suppression
            table = suppress(table.loc[~table[dim].isin(res.hidden_groups(dim))], count="cases", min_size=m)
            if len(table):
                if dim == "service_id":
                    table[dim] = [service_label(res, s) for s in table[dim]]
                elif dim == "channel":
                    table[dim] = [channel_label(c, lang) for c in table[dim]]
                out[f"kpis_by_{dim.replace('_id', '')}"] = _kpi_table(table, dim, lang)
        cap = res.monthly_capability()
        if len(cap):
            out["capability"] = _capability_months(res, cap, lang)
        groups = _capability_groups(res, lang)
        if len(groups):
            out["capability_by_group"] = groups
    if log is not None and log.per_event:
        out["variants"] = _variants_table(res, lang)
        out["ideal_path"] = _ideal_table(res, lang)
        dev = res.deviations()
        if len(dev):
            out["deviations"] = translate(dev, _keys("activity", "cases", "share"), lang)
        pairs = suppress(log.handoffs.pairs, count="count", min_size=m)
        out["handoffs"] = translate(pairs.assign(median_hours_lost=pairs["median_hours_lost"].astype(float)),
                                    {**_keys("from", "to", "median_hours_lost", "pingpong"),
                                     "count": "journeys.col.handoffs"}, lang)
        matrix = res.handoff_matrix()
        if len(matrix):
            source = t("journeys.col.from", lang)  # then one column per unit handed to, its hand-off counts
            out["handoff_matrix"] = with_keys(
                matrix.rename_axis(index=source, columns=t("journeys.col.to", lang)).reset_index(),
                {**{str(u): "journeys.col.handoffs" for u in matrix.columns}, source: "journeys.col.from"})
    if log is not None and not log.per_event:
        out["not_measurable"] = translate(pd.DataFrame({
            "measure": [t(f"journeys.measure.{k}", lang) for k in log.not_measurable],
            "reason": t("journeys.reason.per_case", lang)}), _keys("measure", "reason"), lang)
    if log is not None:
        contact = _contact_table(res, lang)
        if len(contact):
            out["repeat_contact"] = contact
        rework = log.rework_by_activity.loc[lambda s: s >= m]
        if len(rework) and log.per_event:
            out["rework"] = translate(pd.DataFrame({"activity": rework.index.astype(str),
                                                    "cases": rework.to_numpy(dtype=np.int64)}),
                                      _keys("activity", "cases"), lang)
        std = _standards_table(res, lang)
        if len(std):
            out["standards"] = std
    consistency = _consistency_table(res, lang)
    if len(consistency):
        out["standards_consistency"] = consistency
    if res.parity is not None:
        out["channel_parity"] = _parity_table(res, lang)
        take = res.takeup()
        if len(take):
            out["digital_takeup"] = translate(pd.DataFrame({
                "service": [service_label(res, s) for s in take["service_id"]],
                "cases": take["cases"].astype("Int64"),
                "digital_share": take["digital_share"].astype(float),
                "source": [t(f"journeys.source.{s}", lang) for s in take["source"]],
            }), _keys("service", "cases", "digital_share", "source"), lang)
    if res.journeys_available:
        out["pain_points"] = _pain_table(res, lang)
    return out


#: End-to-end time counting open cases (Kaplan–Meier): headers that say so.
_KM = {"median_days": "journeys.col.km_median_days", "p90_days": "journeys.col.km_p90_days"}


def _kpi_table(table: pd.DataFrame, dim: str, lang: str) -> pd.DataFrame:
    table = table.copy()
    for c in KPI_COLUMNS[1:]:  # unrounded: the output layer rounds once (a 4-decimal step printed 90.6% for 0.906542)
        table[c] = pd.to_numeric(table[c], errors="coerce").astype(float)
    head = {"service_id": "service", "channel": "channel", "unit": "unit"}[dim]
    return translate(table, {dim: f"journeys.col.{head}", **_keys(*KPI_COLUMNS), **_KM}, lang)


def _capability_months(res: JourneysResult, cap: pd.DataFrame, lang: str) -> pd.DataFrame:
    """"Time by month of opening": the months shown; when a month is hidden (:meth:`JourneysResult.hidden_months`),
    a note beside the month shown after it (or before it, at the end) says which month is not shown there and
    why, so the sheet never jumps a month unsaid."""
    from ..i18n import fmt_period

    hidden = res.hidden_months()
    keys = {**_keys("month", "cases", "open", "sla_met"), **_KM}
    table = cap.assign(month=cap["month"].astype(str))
    if not hidden:
        return translate(table, keys, lang)
    size = fmt_number(res.min_group_size, lang)
    months = list(cap["month"])
    before: dict[int, list] = {}
    for mo in hidden:
        later = [i for i, m in enumerate(months) if m > mo]
        before.setdefault(later[0] if later else -(len(months)), []).append(mo)
    notes = [""] * len(months)
    for at, gap in before.items():
        names = ", ".join(fmt_period(m, lang) for m in gap)
        if at >= 0:
            notes[at] = t("journeys.capability.hidden_before", lang, n=len(gap), months=names, size=size)
        else:
            notes[-1] = t("journeys.capability.hidden_after", lang, n=len(gap), months=names, size=size)
    return translate(table.assign(note=notes), {**keys, **_keys("note")}, lang)


def _capability_groups(res: JourneysResult, lang: str) -> pd.DataFrame:
    """Monthly median/p90 end-to-end days per service, channel and unit: the month × group cells
    :meth:`JourneysResult.capability_by` may show (primary and secondary suppression against the month and
    group totals shown elsewhere)."""
    if res.log is None:
        return pd.DataFrame()
    parts = []
    for dim, head in (("service_id", "service"), ("channel", "channel"), ("unit", "unit")):
        tab = res.capability_by(dim)
        if tab.empty:
            continue
        label = ((lambda s: service_label(res, s)) if dim == "service_id" else
                 (lambda c: channel_label(c, lang)) if dim == "channel" else str)
        parts.append(pd.DataFrame({
            "breakdown": t(f"journeys.col.{head}", lang),
            "group": [label(v) for v in tab[dim]],
            "month": tab["month"].astype(str).to_numpy(),
            "cases": tab["cases"].astype(np.int64).to_numpy(),
            "open": pd.array(tab["open"], dtype="Int64"),
            "median_days": tab["median_days"].astype(float).to_numpy(),
            "p90_days": tab["p90_days"].astype(float).to_numpy(),
            "sla_met": tab["sla_met"].astype(float).to_numpy(),
        }))
    if not parts:
        return pd.DataFrame()
    return translate(pd.concat(parts, ignore_index=True),
                     {**_keys("breakdown", "group", "month", "cases", "open", "sla_met"), **_KM}, lang)


def _variants_table(res: JourneysResult, lang: str) -> pd.DataFrame:
    log = res.log
    assert log is not None
    table = log.variants.table
    m = res.min_group_size
    common = table.loc[shown(table["cases"], m)].head(max(res.top_k, 1))
    rest = table.drop(common.index)
    rows = pd.DataFrame({
        # text columns even when no path is shown (an empty list would be float, and refuse the "…" row)
        "rank": np.array([str(r) for r in common.index], dtype=object),
        "variant": np.array([path_text(v) for v in common["variant"]], dtype=object),
        "steps": pd.array(common["events"], dtype="Int64"),
        "cases": common["cases"].astype(np.int64),
        "share": common["share"].astype(float),
        "cumulative_share": common["cumulative_share"].astype(float),
        "median_days": common["median_days"].astype(float),
    }).reset_index(drop=True)
    if len(rest) and shown(int(rest["cases"].sum()), m):
        other = log.time_quantile(0.5, among=log.cases["variant"].isin(rest.index))
        rows.loc[len(rows)] = [
            "…", t("journeys.variants.other", lang, n=len(rest), count=fmt_number(len(rest), lang),
                   single=fmt_number(int((rest["cases"] == 1).sum()), lang)),
            None, int(rest["cases"].sum()), round(float(rest["cases"].sum() / log.n_cases), 4), 1.0,
            round(other, 2) if other is not None else np.nan]
    return translate(rows, _keys("rank", "variant", "steps", "cases", "share", "cumulative_share", "median_days"), lang)


def _metric_table(rows: list[tuple[str, str]], lang: str) -> pd.DataFrame:
    return translate(pd.DataFrame(rows, columns=["metric", "value"]), _keys("metric", "value"), lang)


def _days(value: float | None, lang: str) -> str:
    """A median of days to one decimal; "—" when not estimable yet (more than half still open)."""
    return "—" if value is None else fmt_number(value, lang, digits=1)


def _ideal_table(res: JourneysResult, lang: str) -> pd.DataFrame:
    log = res.log
    assert log is not None
    ideal = res.ideal()
    cases = log.cases
    table = log.variants.table
    match = [r for r, v in zip(table.index, table["variant"]) if tuple(v) == ideal]
    on = cases["variant"].isin(match)
    n_on = int(on.sum())
    off = cases.loc[~on]
    extra = (off["events"] - len(ideal or ())).clip(lower=0)
    m = res.min_group_size
    return _metric_table([
        (t("journeys.ideal.path", lang), path_text(ideal or ())),
        (t("journeys.ideal.given" if res.ideal_path else "journeys.ideal.assumed", lang), ""),
        (t("journeys.ideal.exact", lang), f"{fmt_number(n_on, lang)} ({fmt_percent(n_on / max(len(cases), 1), lang)})"
         if n_on >= m or n_on == 0 else "—"),
        (t("journeys.ideal.days_ideal", lang), _days(log.time_quantile(0.5, among=on), lang) if n_on >= m else "—"),
        (t("journeys.ideal.days_other", lang), _days(log.time_quantile(0.5, among=~on), lang) if len(off) >= m else "—"),
        (t("journeys.ideal.extra_steps", lang), fmt_number(extra.median(), lang, digits=1) if len(off) >= m else "—"),
        (t("journeys.ideal.coverage", lang, k=res.top_k), fmt_percent(log.variants.coverage(res.top_k), lang)),
        (t("journeys.ideal.k80", lang), fmt_number(log.variants.variants_for(0.8), lang)),
        (t("journeys.ideal.tail", lang), f"{fmt_number(log.variants.singletons, lang)} "
         f"({fmt_percent(log.variants.singletons / max(log.n_cases, 1), lang)})"),
    ], lang)


def _contact_table(res: JourneysResult, lang: str) -> pd.DataFrame:
    """Repeat contact, FCR and channel switching (only when at least ``min_group_size`` cases can be linked
    to citizens: :func:`~svcwork.journeys.figures.contact_bases`, the rule of
    :func:`~svcwork.privacy.shown`)."""
    from .figures import contact_bases

    log = res.log
    assert log is not None
    r = log.repeats
    m = res.min_group_size
    linked, fcr_base = contact_bases(res)
    if not shown(linked, m):
        return pd.DataFrame()
    big = shown(r.citizens_with_repeat, m)
    return _metric_table([
        (t("journeys.contact.linked", lang), fmt_number(r.linked_cases, lang)),
        (t("journeys.contact.window", lang), fmt_number(r.days, lang)),
        (t("journeys.col.repeat_contact_rate", lang), fmt_percent(r.rate, lang, digits=1)),
        (t("journeys.col.fcr", lang), fmt_percent(log.fcr, lang, digits=1) if shown(fcr_base, m) else "—"),
        (t("journeys.contact.switching", lang), fmt_percent(r.channel_switching, lang, digits=1) if big else "—"),
    ], lang)


def _standards_table(res: JourneysResult, lang: str) -> pd.DataFrame:
    """Each commitment against the case log, as written and per channel (computed in :func:`analyse` by
    :func:`standards_by_channel`, i.e. by ``measures.standards_share``); already suppressed there."""
    std = res.standards_checked
    if std is None or std.empty:
        return pd.DataFrame()
    std = std.loc[~std["checkable"].astype(bool) | (pd.to_numeric(std["n"], errors="coerce") >= res.min_group_size)]
    if std.empty:
        return pd.DataFrame()
    notes = {"case_log": "", "answer": t("journeys.consistency.answer", lang), "kpi": t("journeys.consistency.kpi", lang)}

    def num(col: str) -> list[object]:  # unrounded: the output layer rounds once, as every other table's figures
        return [None if v is None or v != v else float(v) for v in std[col]]

    return translate(pd.DataFrame({
        "commitment_no": std["commitment"].astype(np.int64).to_numpy(),
        "service": [t("journeys.all_services", lang) if s == "*" else service_label(res, s) for s in std["service_id"]],
        "channel": [t("journeys.all_channels", lang) if c == "*" else channel_label(c, lang) for c in std["channel"]],
        "measure": [measure_label(m, lang) for m in std["measure"]],
        "target": [float(v) for v in std["target"]],
        "cases": pd.array([None if v != v else int(v) for v in pd.to_numeric(std["n"], errors="coerce")], dtype="Int64"),
        "met": num("share"),
        "met_low": num("low"),
        "met_high": num("high"),
        "median": num("median_days"),
        "note": [notes[v] for v in std["scope"]],
    }), _keys("commitment_no", "service", "channel", "measure", "target", "cases", "met", "met_low", "met_high",
              "median", "note"), lang)


def _consistency_table(res: JourneysResult, lang: str) -> pd.DataFrame:
    """Per service and measure: the target in force on each channel, and whether the channels agree.

    One column per channel (its label: no catalogue key, text cells); the others are typed."""
    c = res.consistency
    if c is None or c.services.empty:
        return pd.DataFrame()
    cells = c.cells.set_index(["service_id", "measure", "channel"])
    order = channel_order(c.cells["channel"])
    head = {k: t(f"journeys.col.{k}", lang) for k in ("service", "measure", "status", "note")}
    rows = []
    for sid, measure, scope, _own, chans, targets, missing, different, consistent in c.services.itertuples(index=False):
        row = {head["service"]: t("journeys.all_services", lang) if sid == "*" else service_label(res, sid),
               head["measure"]: measure_label(measure, lang)}
        shown = []
        for ch in order:
            label = channel_label(ch, lang)
            if ch not in chans:
                row[label] = ""
                continue
            target, expected = cells.loc[(sid, measure, ch), ["target", "expected"]]
            if target == target:
                row[label] = target_text(target, lang)
                shown.append(f"{label} {target_text(target, lang)}")
            else:
                row[label] = t("journeys.consistency.none", lang) if expected else ""
        status = []
        if different:
            status.append(t("journeys.consistency.different", lang, targets=", ".join(shown)))
        if missing:
            status.append(t("journeys.consistency.missing", lang,
                            channels=", ".join(channel_label(x, lang) for x in missing)))
        row[head["status"]] = "; ".join(status) if status else t("journeys.consistency.ok", lang)
        row[head["note"]] = t(f"journeys.consistency.{scope}", lang)
        rows.append((not consistent, row))
    ordered = [r for bad, r in rows if bad] + [r for bad, r in rows if not bad]
    return with_keys(pd.DataFrame(ordered), {h: f"journeys.col.{k}" for k, h in head.items()})


def _parity_table(res: JourneysResult, lang: str) -> pd.DataFrame:
    """Services × channels (one column per channel label, text cells), front desk and digital match; a
    volume is shown only where :func:`~svcwork.journeys.parity.shown_volumes` allows (primary and
    secondary suppression: no hidden volume can be derived from the totals in the same deliverable)."""
    p = res.parity
    assert p is not None
    show = shown_volumes(p.volumes, res.min_group_size, listed=p.availability.notna())
    head = {k: t(f"journeys.col.{k}", lang) for k in ("service", "frontal", "digital_match")}
    table = pd.DataFrame({head["service"]: [service_label(res, s) for s in p.availability.index]})
    for ch in p.availability.columns:
        vals = []
        for s in p.availability.index:
            a = p.availability.loc[s, ch]
            if blank(a):
                vals.append("")
                continue
            text = t(f"journeys.available.{a}", lang) if a in ("yes", "no", "partial") else str(a)
            if bool(p.end_to_end.loc[s, ch]):
                text += " · " + t("journeys.col.end_to_end", lang)
            if not p.volumes.empty and s in p.volumes.index and ch in p.volumes.columns:
                if bool(show.loc[s, ch]):
                    text += f" · {fmt_number(int(p.volumes.loc[s, ch]), lang)}"
            vals.append(text)
        table[channel_label(ch, lang)] = vals
    table[head["frontal"]] = [t("journeys.available.yes" if s in p.frontal else "journeys.available.no", lang)
                              for s in p.availability.index]
    table[head["digital_match"]] = [
        "" if s not in p.frontal else t("journeys.available.no" if s in p.without_digital else "journeys.available.yes", lang)
        for s in p.availability.index]
    return with_keys(table, {h: f"journeys.col.{k}" for k, h in head.items()})


def _pain_table(res: JourneysResult, lang: str) -> pd.DataFrame:
    j = res.journey.sort_values(["journey", "step"], kind="stable")
    j = j.loc[j["pain_point"].notna()] if "pain_point" in j else j.iloc[0:0]
    return translate(pd.DataFrame({
        "journey": j["journey"].astype(str).tolist(),
        "step": j["step"].astype("Int64").tolist(),
        "stage": j["stage"].astype(str).tolist(),
        "pain_point": j["pain_point"].astype(str).tolist(),
        "moment_of_truth": [t("journeys.available.yes", lang) if v == "yes" else ""
                            for v in j.get("moment_of_truth", pd.Series([None] * len(j)))],
        "evidence": [t(f"journeys.evidence.{v if v in EVIDENCE_FILL else 'none'}", lang)
                     for v in j.get("evidence", pd.Series([None] * len(j)))],
        "from_log": [callout_text(res, str(a), int(s), lang) or "" for a, s in zip(j["journey"], j["step"])],
    }), _keys("journey", "step", "stage", "pain_point", "moment_of_truth", "evidence", "from_log"), lang)


# =========================================================================== figures
def figures(res: JourneysResult, lang: str) -> dict[str, Any]:
    """Journey maps (``journey_map_1`` …), process map, hand-off matrix, capability (whole log and
    ``capability_by_service``), variants, channel parity and digital take-up (each only when its data
    is there)."""
    from . import plots
    from .maps import journey_map, process_map

    figs: dict[str, Any] = {}
    if res.journeys_available:
        for i, (name, steps) in enumerate(res.journey_steps(), start=1):
            callouts = {s: callout_text(res, name, s, lang) for s in steps["step"].astype(int)}
            figs[f"journey_map_{i}"] = journey_map(
                steps, lang=lang, title=t("journeys.fig.journey_map", lang, journey=name),
                callouts={k: v for k, v in callouts.items() if v}, accent=res.accent)
    if res.log is not None and res.log.per_event:
        figs["process_map"] = process_map(res.log.dfg, lang=lang, min_share=res.edge_share,
                                          min_count=res.min_group_size, title=t("journeys.fig.process_map", lang),
                                          accent=res.accent)
    if res.log is not None:
        fig = plots.capability_chart(res, lang)
        if fig is not None:
            figs["capability"] = fig
        fig = plots.capability_by_service_chart(res, lang)
        if fig is not None:
            figs["capability_by_service"] = fig
        if res.log.per_event:
            figs["variants"] = plots.variants_chart(res, lang)
            fig = plots.handoff_chart(res, lang)
            if fig is not None:
                figs["handoff_matrix"] = fig
    if res.parity is not None and len(res.parity.availability):
        figs["channel_parity"] = plots.parity_chart(res, lang)
        fig = plots.takeup_chart(res, lang)
        if fig is not None:
            figs["digital_takeup"] = fig
    return figs


# =========================================================================== findings, takeaways, methods
# written from the key figures in present_words (every number quoted, never formatted here)
from .present_words import findings, methods, takeaways  # noqa: E402


def figure_data(res: JourneysResult, lang: str) -> dict[str, Any]:
    """What each chart of :func:`figures` plots, for its text alternative and data table
    (:func:`svcwork.journeys.plots.figure_data`)."""
    from .plots import figure_data as data

    return data(res, lang)
