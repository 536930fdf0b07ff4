"""Checks across rows, sheets and files, once each sheet and companion file has been read.

Within a sheet: unique identifiers and unique rows.  Across sheets: references to services,
KPIs and actions that exist; the Actions sheet's link columns (a KPI, a journey and its step, an
observation item, a lesson, a survey item) and the Recommendations sheet's (a service, a KPI, a
journey and its step, an action) naming what exists in their sheet or in the survey, by one rule;
the Recommendations sheet's horizons (a term or a wave the roadmap has) and the recommendations no
action carries out (a warning); the Services sheet's locked waves (a wave the roadmap has);
service dependencies that name known services and form no cycle;
criteria named as the Services columns they weigh (English or Hebrew); service standards on
known measures and channels.  The criteria and standards checks return the sheets with the
names replaced by canonical keys.

Across the companion files (:func:`_plausible`, run only when nothing else is wrong): values
far outside the engagement period and case logs running backwards in time — the signs of a
date read in the wrong order — and a case log with one row per case.
"""

from __future__ import annotations

import re
from typing import Mapping

import numpy as np
import pandas as pd

from ..exports.dates import backwards_cases, outside_period
from ..i18n import CATALOGUE
from ..schema import (CRITERIA_COLUMNS, ENUMS, STANDARD_MEASURES, SURVEY_ITEMS, Sheet, companion, normalize_name,
                      sheet, skill_key)
from .engagement import Settings
from .problems import _Collector
from .sheets import _SheetRead


def _check_unique(read: _SheetRead, sheet_schema: Sheet, col: _Collector, *, file: str) -> None:
    frame = read.frame
    where = dict(file=file, sheet=sheet_schema.key, sheet_label=read.sheet_label)
    for c in sheet_schema.columns:
        if not c.unique or frame.empty:
            continue
        values = frame[c.key]
        keys = values.str.casefold() if c.kind in ("id", "text") else values
        dup = keys.duplicated(keep="first") & keys.notna()  # a cell that could not be read is NaN: never a duplicate
        if dup.any():
            first_row = frame.loc[~keys.duplicated(keep="first")].set_index(keys[~keys.duplicated(keep="first")])["_row"]
            for idx in np.flatnonzero(dup.to_numpy()):
                col.error("duplicate_id", **where, row=int(frame["_row"].iat[idx]), column=c.key,
                          column_label=read.labels.get(c.key), value=values.iat[idx],
                          other=int(first_row[keys.iat[idx]]))
    together = [k for k in sheet_schema.unique_together]
    if together and not frame.empty:
        key_frame = frame[together].astype("string").apply(lambda s: s.str.casefold()).fillna("")
        # a row with a cell that could not be read (reported already) has no known key: it is compared with none
        unread = frame["_row"].isin(sorted(set().union(*(read.failed.get(k, frozenset()) for k in together))))
        dup = pd.Series(False, index=key_frame.index)
        dup[~unread] = key_frame[~unread].duplicated(keep="first")
        if dup.any():
            known = ~dup & ~unread
            firsts = frame.loc[known, "_row"].to_numpy()
            first_keys = key_frame.loc[known].apply(tuple, axis=1).tolist()
            lookup = dict(zip(first_keys, firsts))
            names = ", ".join(read.labels.get(k, k) for k in together)
            for idx in np.flatnonzero(dup.to_numpy()):
                row_key = tuple(key_frame.iloc[idx])
                col.error("duplicate_row", **where, row=int(frame["_row"].iat[idx]), columns=names,
                          other=int(lookup[row_key]))


#: Problems after which a sheet's ids are not known: references to it are not checked (they would all be
#: reported "not listed", although the sheet may list them).
_UNREADABLE = frozenset({"sheet_missing", "column_missing", "header_missing", "corrupt"})


def _unreadable(col: _Collector) -> set[str]:
    """The sheets (keys) whose rows could not be read: missing, a required column or the header missing, broken."""
    return {r.sheet for r in col.items if r.code in _UNREADABLE and r.sheet is not None}


def _check_refs(reads: Mapping[str, _SheetRead], col: _Collector, *, file: str) -> None:
    unreadable = _unreadable(col)

    def ids(sheet_key: str, column: str) -> set[str]:
        r = reads.get(sheet_key)
        if r is None:
            return set()
        return {v.casefold() for v in r.frame[column].dropna()}

    service_ids = ids("Services", "service_id")
    kpi_ids = ids("KPIs", "kpi_id")
    action_ids = ids("Actions", "action_id")
    rules = (
        ("Channels", "service_id", service_ids, "service", "Services", ()),
        ("Standards", "service_id", service_ids, "service", "Services", ("*",)),
        ("KPIs", "service_id", service_ids, "service", "Services", ()),
        ("Actions", "service_id", service_ids, "service", "Services", ()),
        ("KPI values", "kpi_id", kpi_ids, "kpi", "KPIs", ()),
        ("Lessons", "action_id", action_ids, "action", "Actions", ()),
    )
    for sheet_key, column, known, target, ref_sheet, wildcards in rules:
        r = reads.get(sheet_key)
        if r is None or r.frame.empty or (sheet_key != "Lessons" and ref_sheet not in reads) or ref_sheet in unreadable:
            continue
        values = r.frame[column]
        for idx in np.flatnonzero(values.notna().to_numpy()):
            v = values.iat[idx]
            if v.casefold() not in known and v not in wildcards:
                col.error("unknown_ref", file=file, sheet=sheet_key, sheet_label=r.sheet_label,
                          row=int(r.frame["_row"].iat[idx]), column=column, column_label=r.labels.get(column), value=v,
                          target_key=target, ref_sheet_key=ref_sheet)
    # the link columns of the Actions and Recommendations sheets: an id that is not in its sheet is an error,
    # whether or not that sheet exists; a journey and its step by one rule (_check_journey_links)
    lesson_ids = ids("Lessons", "lesson_id")
    for sheet_key, column, known, target, ref_sheet in (
            ("Actions", "kpi_id", kpi_ids, "kpi", "KPIs"),
            ("Actions", "lesson", lesson_ids, "lesson", "Lessons"),
            ("Recommendations", "service_id", service_ids, "service", "Services"),
            ("Recommendations", "kpi_id", kpi_ids, "kpi", "KPIs"),
            ("Recommendations", "action_id", action_ids, "action", "Actions")):
        if ref_sheet not in unreadable:
            _unknown(reads.get(sheet_key), column, known, target, ref_sheet, col, file=file, sheet_key=sheet_key)
    if "Journey" not in unreadable:
        for sheet_key in JOURNEY_LINKED:
            _check_journey_links(reads, col, file=file, sheet_key=sheet_key)
    if "Observations" not in unreadable:
        _check_observation_links(reads, col, file=file)
    services = reads.get("Services")
    if services is not None and not services.frame.empty:
        _check_dependencies(services, service_ids, col, file=file)


def _unknown(read: _SheetRead | None, column: str, known: set[str], target: str, ref_sheet: str, col: _Collector, *,
             file: str, sheet_key: str = "Actions") -> None:
    """An error for each value of *column* of sheet *sheet_key* that is not among *known* (case-folded ids)."""
    if read is None or read.frame.empty or column not in read.frame.columns:
        return
    values = read.frame[column]
    for idx in np.flatnonzero(values.notna().to_numpy()):
        v = values.iat[idx]
        if str(v).casefold() not in known:
            col.error("unknown_ref", file=file, sheet=sheet_key, sheet_label=read.sheet_label,
                      row=int(read.frame["_row"].iat[idx]), column=column, column_label=read.labels.get(column),
                      value=v, target_key=target, ref_sheet_key=ref_sheet)


#: The sheets whose ``journey`` and ``journey_step`` columns name a journey of the Journey sheet and its step.
JOURNEY_LINKED = ("Actions", "Recommendations")


def _check_journey_links(reads: Mapping[str, _SheetRead], col: _Collector, *, file: str,
                         sheet_key: str = "Actions") -> None:
    """The ``journey`` of sheet *sheet_key* (Actions, Recommendations) names a journey of the Journey sheet
    and its ``journey_step`` one of that journey's steps; a step needs its journey."""
    actions = reads.get(sheet_key)
    if actions is None or actions.frame.empty or "journey" not in actions.frame.columns:
        return
    journey = reads.get("Journey")
    steps: dict[str, set[int]] = {}
    if journey is not None and not journey.frame.empty:
        for name, step in zip(journey.frame["journey"], journey.frame["step"]):
            if isinstance(name, str):
                steps.setdefault(normalize_name(name), set()).update(() if pd.isna(step) else {int(step)})
    frame = actions.frame
    where = dict(file=file, sheet=sheet_key, sheet_label=actions.sheet_label)
    for name, step, row in zip(frame["journey"], frame["journey_step"], frame["_row"]):
        has_name, has_step = isinstance(name, str) and name.strip() != "", not pd.isna(step)
        if has_name and normalize_name(name) not in steps:
            col.error("unknown_ref", **where, row=int(row), column="journey", column_label=actions.labels.get("journey"),
                      value=name, target_key="journey", ref_sheet_key="Journey")
        elif has_name and has_step and int(step) not in steps[normalize_name(name)]:
            col.error("unknown_step", **where, row=int(row), column="journey_step",
                      column_label=actions.labels.get("journey_step"), value=int(step), journey=name,
                      ref_sheet_key="Journey")
        elif has_step and not has_name:
            col.error("step_without_journey", **where, row=int(row), column="journey_step",
                      column_label=actions.labels.get("journey_step"), value=int(step))


def _check_observation_links(reads: Mapping[str, _SheetRead], col: _Collector, *, file: str) -> None:
    """Actions' ``observation_item`` names an item of the Observations sheet (a frontline skill by any of its names)."""
    actions = reads.get("Actions")
    if actions is None or actions.frame.empty or "observation_item" not in actions.frame.columns:
        return
    obs = reads.get("Observations")
    items = set(obs.frame["item"].dropna()) if obs is not None and not obs.frame.empty else set()
    known = {normalize_name(i) for i in items} | {skill_key(i) for i in items} - {None}
    values = actions.frame["observation_item"]
    for idx in np.flatnonzero(values.notna().to_numpy()):
        v = values.iat[idx]
        if normalize_name(v) not in known and skill_key(v) not in known:
            col.error("unknown_ref", file=file, sheet="Actions", sheet_label=actions.sheet_label,
                      row=int(actions.frame["_row"].iat[idx]), column="observation_item",
                      column_label=actions.labels.get("observation_item"), value=v, target_key="observation_item",
                      ref_sheet_key="Observations")


_WAVE = re.compile(r"^(?:wave|גל)?\s*(\d{1,2})$")


def horizon_key(value: object) -> str | None:
    """A Recommendations ``horizon`` as svcwork keeps it: ``short``/``medium``/``long`` for a term of the
    ``horizon`` list (either language), ``wave N`` for a wave of the roadmap (``wave 2``, ``גל 2`` or
    ``2``), else the text as written (None when blank)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)) or not str(value).strip():
        return None
    norm = normalize_name(value)
    key = ENUMS["horizon"].lookup().get(norm)
    if key is not None:
        return key
    m = _WAVE.match(norm)
    if m:
        return f"wave {int(m.group(1))}"
    return str(value).strip()


def _check_locked_waves(reads: Mapping[str, _SheetRead], settings: Settings | None, col: _Collector, *,
                        file: str) -> None:
    """Services' ``locked_wave`` names a wave the roadmap has: from 1 to the Engagement setting ``waves``
    (the schema bounds the column by the largest number of waves any engagement may have; this is the
    bound of this one).  An error, as for a Recommendations horizon beyond the last wave: the roadmap
    could not honour the lock."""
    read = reads.get("Services")
    waves = settings.waves if settings is not None else None
    if read is None or read.frame.empty or "locked_wave" not in read.frame.columns or waves is None:
        return
    frame = read.frame
    for value, row in zip(frame["locked_wave"], frame["_row"]):
        if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
            continue
        if float(value) > int(waves):
            col.error("locked_wave_range", file=file, sheet="Services", sheet_label=read.sheet_label, row=int(row),
                      column="locked_wave", column_label=read.labels.get("locked_wave"), value=value,
                      waves=int(waves), n=int(waves))


def _check_recommendations(reads: Mapping[str, _SheetRead], settings: Settings | None, col: _Collector, *,
                           file: str) -> dict[str, pd.DataFrame]:
    """The Recommendations sheet: each horizon read (:func:`horizon_key`; a wave beyond the roadmap's
    ``waves`` is an error), and a recommendation no action carries out flagged (a warning: no action named,
    or the one named cancelled).  The
    Services sheet's ``locked_wave`` is checked against ``waves`` here too (:func:`_check_locked_waves`).

    Its link columns are checked with the other references (:func:`_check_refs`).  Returns the sheet
    with its horizons as kept.
    """
    _check_locked_waves(reads, settings, col, file=file)  # the other wave reference checked against ``waves``
    read = reads.get("Recommendations")
    if read is None or read.frame.empty:
        return {}
    frame = read.frame
    where = dict(file=file, sheet="Recommendations", sheet_label=read.sheet_label)
    waves = settings.waves if settings is not None else None
    horizons = []
    for value, row in zip(frame["horizon"], frame["_row"]):
        key = horizon_key(value)
        m = re.fullmatch(r"wave (\d+)", key or "")
        if m and waves is not None and not 1 <= int(m.group(1)) <= waves:
            col.error("horizon_wave", **where, row=int(row), column="horizon", column_label=read.labels.get("horizon"),
                      value=value, waves=int(waves), n=int(waves))
        horizons.append(key)
    actions = reads.get("Actions")
    cancelled = set()
    if actions is not None and {"action_id", "status"} <= set(actions.frame.columns):
        a = actions.frame
        cancelled = {str(i).strip().casefold() for i, st in zip(a["action_id"], a["status"])
                     if isinstance(i, str) and isinstance(st, str) and st == "cancelled"}  # a blank status is NA
    for rec_id, action, row in zip(frame["rec_id"], frame["action_id"], frame["_row"]):
        if action is None or action is pd.NA or not str(action).strip():
            col.warning("recommendation_no_action", **where, row=int(row), column="action_id",
                        column_label=read.labels.get("action_id"), value=rec_id)
        elif str(action).strip().casefold() in cancelled:  # the report counts it as without an action
            col.warning("recommendation_action_cancelled", **where, row=int(row), column="action_id",
                        column_label=read.labels.get("action_id"), value=rec_id, action=str(action).strip())
    return {"Recommendations": frame.assign(horizon=pd.Series(horizons, dtype="string", index=frame.index))}


def survey_item_names() -> dict[str, str]:
    """Every name of a survey item (its column names in the survey file, the report's names in
    both languages), normalised, to the item's key (:data:`svcwork.schema.SURVEY_ITEMS`)."""
    out: dict[str, str] = {}
    survey = companion("survey")
    for key in SURVEY_ITEMS:
        names = [*survey.column(key).names()]
        names += [CATALOGUE[k][lang] for k in (f"measures.item_short.{key}", f"measures.item.{key}")
                  if k in CATALOGUE for lang in ("en", "he")]
        for n in names:
            out.setdefault(normalize_name(n), key)
    return out


def _check_survey_items(reads: Mapping[str, _SheetRead], survey: pd.DataFrame | None, col: _Collector, *, file: str,
                        survey_file: str | None) -> dict[str, pd.DataFrame]:
    """Actions' ``survey_item`` names a survey item that the survey file answers (when there is one).

    Returns the Actions sheet with each survey item replaced by its key (``ease`` for "קלות").
    """
    actions = reads.get("Actions")
    if actions is None or actions.frame.empty or "survey_item" not in actions.frame.columns:
        return {}
    names = survey_item_names()
    answered = None if survey is None else {k for k in SURVEY_ITEMS if k in survey.columns and survey[k].notna().any()}
    frame = actions.frame
    where = dict(file=file, sheet="Actions", sheet_label=actions.sheet_label, column="survey_item",
                 column_label=actions.labels.get("survey_item"))
    keys = []
    for value, row in zip(frame["survey_item"], frame["_row"]):
        if pd.isna(value):
            keys.append(None)
            continue
        key = names.get(normalize_name(value))
        if key is None:
            col.error("survey_item_unknown", **where, row=int(row), value=value,
                      allowed_headers=("survey", SURVEY_ITEMS))
        elif answered and key not in answered:  # a survey with no recognised item is warned about once, elsewhere
            col.warning("survey_item_absent", **where, row=int(row), value=value, file_name=survey_file or "survey")
        keys.append(key)
    return {"Actions": frame.assign(survey_item=pd.Series(keys, dtype="string", index=frame.index))}


def _check_dependencies(read: _SheetRead, known: set[str], col: _Collector, *, file: str) -> None:
    frame = read.frame
    where = dict(file=file, sheet="Services", sheet_label=read.sheet_label, column="depends_on",
                 column_label=read.labels.get("depends_on"))
    graph: dict[str, list[str]] = {}
    rows: dict[str, int] = {}
    for sid, deps, row in zip(frame["service_id"], frame["depends_on"], frame["_row"]):
        if sid is None or sid is pd.NA:
            continue
        me = sid.casefold()
        rows.setdefault(me, int(row))
        for d in deps:
            if d.casefold() == me:
                col.error("self_dependency", **where, row=int(row), value=sid)
            elif d.casefold() not in known:
                col.error("unknown_ref", **where, row=int(row), value=d, target_key="service", ref_sheet_key="Services")
            else:
                graph.setdefault(me, []).append(d.casefold())
    names = {sid.casefold(): sid for sid in frame["service_id"].dropna()}
    for cycle in _cycles(graph):
        text = " → ".join(names.get(n, n) for n in (*cycle, cycle[0]))
        col.error("dependency_cycle", **where, row=rows.get(cycle[0]), value=names.get(cycle[0], cycle[0]), cycle=text)


def _cycles(graph: Mapping[str, list[str]]) -> list[tuple[str, ...]]:
    """One representative cycle per strongly connected component with a cycle (Tarjan, 1972)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[tuple[str, ...]] = []
    counter = [0]

    def visit(root: str) -> None:
        work = [(root, iter(graph.get(root, ())))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on.add(child)
                    work.append((child, iter(graph.get(child, ()))))
                    advanced = True
                    break
                if child in on:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    component.append(w)
                    if w == node:
                        break
                if len(component) > 1:
                    found.append(tuple(sorted(component)))

    for n in sorted(graph):
        if n not in index:
            visit(n)
    return found


#: What each Services criterion measures: a cost (less is better) or a benefit (more is better).
_USUAL_DIRECTION = {"effort": "cost", "resources_days": "cost", "benefit": "benefit", "visibility": "benefit",
                    "annual_volume": "benefit", "citizen_reach": "benefit"}


def _check_criteria(reads: Mapping[str, _SheetRead], col: _Collector, *, file: str) -> dict[str, pd.DataFrame]:
    """Map criterion names (English or Hebrew) to Services column keys; returns replaced frames.

    A criterion given the direction against what its column measures (effort or resources marked
    "benefit", benefit, visibility, volume or reach marked "cost") is flagged with a warning: the
    score would then favour more effort, or less benefit."""
    services = sheet("Services")
    allowed = {normalize_name(n): c.key for c in services.columns if c.key in CRITERIA_COLUMNS for n in c.names()}
    out: dict[str, pd.DataFrame] = {}
    criteria = reads.get("Criteria")
    known: set[str] = set()
    if criteria is not None and not criteria.frame.empty:
        frame = criteria.frame
        keys = []
        for name, row in zip(frame["criterion"], frame["_row"]):
            key = allowed.get(normalize_name(name)) if name is not None and name is not pd.NA else None
            if key is None and name is not None and name is not pd.NA:
                col.error("criterion_unknown", file=file, sheet="Criteria", sheet_label=criteria.sheet_label,
                          row=int(row), column="criterion", column_label=criteria.labels.get("criterion"), value=name,
                          allowed_headers=("Services", CRITERIA_COLUMNS))
            keys.append(key)
            if key:
                known.add(key)
        out["Criteria"] = frame.assign(criterion=pd.Series(keys, dtype="string", index=frame.index))
        # a direction against what the column measures (effort marked "benefit"): allowed, but flagged
        for key, name, direction, row in zip(keys, frame["criterion"], frame["direction"], frame["_row"]):
            usual = _USUAL_DIRECTION.get(key)
            if usual is not None and isinstance(direction, str) and direction in ("benefit", "cost") \
                    and direction != usual:
                col.warning("criterion_direction", file=file, sheet="Criteria", sheet_label=criteria.sheet_label,
                            row=int(row), column="direction", column_label=criteria.labels.get("direction"),
                            value=direction, criterion=name, given_key=direction, usual_key=usual)
        weights = frame["weight"].dropna()
        if len(weights) and (weights <= 0).all():
            col.error("weights_zero", file=file, sheet="Criteria", sheet_label=criteria.sheet_label, column="weight",
                      column_label=criteria.labels.get("weight"))
    pairwise = reads.get("Pairwise")
    if pairwise is not None and not pairwise.frame.empty:
        frame = pairwise.frame
        pool = known or set(CRITERIA_COLUMNS)
        mapped = {}
        for column in ("criterion_a", "criterion_b"):
            keys = []
            for name, row in zip(frame[column], frame["_row"]):
                key = allowed.get(normalize_name(name)) if name is not None and name is not pd.NA else None
                if name is not None and name is not pd.NA and (key is None or key not in pool):
                    col.error("criterion_unknown", file=file, sheet="Pairwise", sheet_label=pairwise.sheet_label,
                              row=int(row), column=column, column_label=pairwise.labels.get(column), value=name,
                              allowed_headers=("Services", tuple(k for k in CRITERIA_COLUMNS if k in pool)))
                keys.append(key)
            mapped[column] = pd.Series(keys, dtype="string", index=frame.index)
        same = (mapped["criterion_a"] == mapped["criterion_b"]).fillna(False)
        for idx in np.flatnonzero(same.to_numpy()):
            col.error("pairwise_self", file=file, sheet="Pairwise", sheet_label=pairwise.sheet_label,
                      row=int(frame["_row"].iat[idx]), column="criterion_b",
                      column_label=pairwise.labels.get("criterion_b"), value=frame["criterion_b"].iat[idx])
        out["Pairwise"] = frame.assign(**mapped)
    return out


def _check_standards(reads: Mapping[str, _SheetRead], col: _Collector, *, file: str) -> dict[str, pd.DataFrame]:
    standards = reads.get("Standards")
    if standards is None or standards.frame.empty:
        return {}
    frame = standards.frame
    kpis = {v.casefold() for v in reads["KPIs"].frame["kpi_id"].dropna()} if "KPIs" in reads else set()
    channel_lookup = ENUMS["channel"].lookup()
    where = dict(file=file, sheet="Standards", sheet_label=standards.sheet_label)
    channels = []
    for measure, channel, row in zip(frame["measure"], frame["channel"], frame["_row"]):
        if measure is not None and measure is not pd.NA:
            m = normalize_name(measure).replace(" ", "_")
            if m not in STANDARD_MEASURES and measure.casefold() not in kpis:
                col.error("measure_unknown", **where, row=int(row), column="measure",
                          column_label=standards.labels.get("measure"), value=measure,
                          allowed=", ".join(STANDARD_MEASURES))
        if channel is None or channel is pd.NA or channel.strip() in ("*", ""):
            channels.append("*")
            continue
        key = channel_lookup.get(normalize_name(channel))
        if key is None:
            col.error("not_in_enum", **where, row=int(row), column="channel", column_label=standards.labels.get("channel"),
                      value=channel, enum="channel")
        channels.append(key)
    measures = [normalize_name(m).replace(" ", "_") if normalize_name(m).replace(" ", "_") in STANDARD_MEASURES else m
                for m in frame["measure"].fillna("")]
    return {"Standards": frame.assign(channel=pd.Series(channels, dtype="string", index=frame.index),
                                      measure=pd.Series(measures, dtype="string", index=frame.index))}


#: Values this many days outside the engagement period are reported; above the share, as an error.
PERIOD_MARGIN_DAYS = 92
PERIOD_ERROR_SHARE = 0.5
#: A warning when at least this share of multi-event cases (and 5 cases) go back in time in file order.
BACKWARDS_SHARE = 0.2


def _share(x: float) -> str:
    return f"{100 * x:.1f}%" if x < 0.995 else f"{100 * x:.0f}%"


def _plausible(companions: Mapping[str, pd.DataFrame | None], settings: Settings, col: _Collector,
               files: Mapping[str, str], dates_order: Mapping[str, str | None], tz: str = "UTC") -> None:
    """Checks that catch a wrong read: values far outside the period, cases running backwards, one row per case."""
    start, end = settings.period_start, settings.period_end
    for name, column in (("cases", "timestamp"), ("survey", "date"), ("training", "date")):
        frame = companions.get(name)
        if frame is None or column not in frame.columns or frame.empty:
            continue
        values = frame[column]
        total = int(values.notna().sum())
        outside = outside_period(values, start, end, margin_days=PERIOD_MARGIN_DAYS)
        n = int(outside.sum())
        if not n or not total:
            continue
        i = outside[outside].index[0]
        shown = values.loc[i]
        shown = shown.tz_convert(tz) if getattr(shown, "tzinfo", None) else shown  # as the client wrote it
        (col.error if n / total > PERIOD_ERROR_SHARE else col.warning)(
            "outside_period_most" if n / total > PERIOD_ERROR_SHARE else "outside_period", file=files[name],
            table=name, column=column, row=int(frame.loc[i, "_row"]), first_row=int(frame.loc[i, "_row"]),
            value=pd.Timestamp(shown).strftime("%Y-%m-%d %H:%M" if column == "timestamp" else "%Y-%m-%d"),
            count=n, total=total, share=_share(n / total), margin=PERIOD_MARGIN_DAYS, start=start.isoformat(),
            end=end.isoformat())
    cases = companions.get("cases")
    if cases is None or cases.empty:
        return
    back, multi, first_rows = backwards_cases(cases["case_id"], cases["timestamp"])
    if multi and back >= 5 and back / multi >= BACKWARDS_SHARE:
        # the order the timestamps were read in: None when none could be read another way (ISO, year first …)
        order = cases.attrs.get("date_orders", {}).get("timestamp")
        proven = cases.attrs.get("orders_proven", {}).get("timestamp")
        where = dict(file=files["cases"], table="cases", column="timestamp", row=int(cases.loc[first_rows[0], "_row"]),
                     first_row=int(cases.loc[first_rows[0], "_row"]), count=back, total=multi, share=_share(back / multi))
        if proven:  # read in the order the data proves: the rows are out of order, or repeated
            col.warning("backwards_cases", **where, cause_key="backwards_proven", order=order)
        elif order is None:  # the times read only one way (year first …): the rows are out of order, or repeated
            repeated, dup_row, other = _repeated_rows(cases)
            if repeated:
                col.warning("backwards_cases", **where, cause_key="backwards_repeated", repeated=repeated,
                            dup_row=dup_row, other=other)
            else:
                col.warning("backwards_cases", **where, cause_key="backwards_unsorted")
        else:  # read in the declared or the assumed order, which may be wrong
            col.warning("backwards_cases", **where, cause_key="backwards_order", order=order)
    n_cases = int(cases["case_id"].nunique())
    if n_cases >= 2 and n_cases == int(cases["case_id"].notna().sum()):
        col.warning("one_row_per_case", file=files["cases"], table="cases", count=n_cases)


def _repeated_rows(cases: pd.DataFrame) -> tuple[int, int | None, int | None]:
    """Rows of a case log repeating an earlier row exactly: (how many, the first one's row, the row it repeats)."""
    keys = [c.key for c in companion("cases").columns if c.key in cases.columns and cases[c.key].notna().any()]
    keys += ["_file"] if "_file" in cases.columns else []
    if not keys:
        return 0, None, None
    hashes = pd.util.hash_pandas_object(cases[keys], index=False)
    dup = hashes.duplicated(keep="first").to_numpy()
    if not dup.any():
        return 0, None, None
    i = int(np.flatnonzero(dup)[0])
    j = int(np.flatnonzero((hashes == hashes.iat[i]).to_numpy())[0])
    return int(dup.sum()), int(cases["_row"].iat[i]), int(cases["_row"].iat[j])


def _check_case_log(cases: pd.DataFrame | None, col: _Collector, *, file: str,
                    services: frozenset[str] = frozenset()) -> None:
    """Case ids carrying more than one service or citizen (a warning each).

    A reused case id joins two cases into one (its times run from the first's start to the second's end,
    with the first's service); it is not split, since which rows belong together cannot be proven.  The
    warning names each part's first row, with its service when that is one of *services* (the Services
    sheet's ids): a row shifted by a column can put a citizen's identifier in the service column, and a
    message never quotes one.
    """
    if cases is None or cases.empty or "case_id" not in cases.columns:
        return
    files = cases["_file"] if "_file" in cases.columns else None
    differ = [k for k in ("service_id", "citizen_id") if k in cases.columns and cases[k].notna().any()]
    if not differ:
        return
    counts = cases.groupby("case_id", sort=False)[differ].nunique()
    reused = counts.index[(counts > 1).any(axis=1).to_numpy()]
    if not len(reused):
        return
    shown = 25  # the collector lists 25 problems per column; the rest are counted (no need to describe them)
    chosen = cases[cases["case_id"].isin(reused[:shown])]
    for case, group in chosen.groupby("case_id", sort=False):
        by = "service_id" if "service_id" in differ and counts.at[case, "service_id"] > 1 else "citizen_id"
        firsts = group.drop_duplicates(subset=[by]).dropna(subset=[by])
        given = group["service_id"] if "service_id" in group.columns else None
        found = ", ".join(f"{int(r)}" + (f" ({given.loc[i]})" if given is not None and given.loc[i] in services
                                          else "") for i, r in zip(firsts.index, firsts["_row"]))
        times = group["timestamp"].dropna() if "timestamp" in group.columns else pd.Series([], dtype="object")
        start, end = (times.min(), times.max()) if len(times) else (None, None)
        col.warning("case_id_reused", file=files.loc[firsts.index[0]] if files is not None else file, table="cases",
                    column="case_id", row=int(firsts["_row"].iat[0]), value=case, count=len(firsts), found=found,
                    start=_day(start), end=_day(end))
    for case in reused[shown:]:
        col.warning("case_id_reused", file=file, table="cases", column="case_id", value=case, count=2, found="",
                    start="?", end="?")


def _day(value: object) -> str:
    return "?" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")
