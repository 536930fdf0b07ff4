"""The management analysis of one engagement: every section run on its sheets, into one
:class:`~svcwork.management.result.ManagementResult`.

Observations (scores, trends, coaching focus, observer calibration), the action plan (status,
overdue, burn-down, findings without an action), lessons learned, training effect and transfer,
and the KPI snapshot.  The findings of the other analyses come in as plain lists
(:func:`svcwork.links.linked_findings` derives them); nothing here imports another analysis.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

import pandas as pd

from ..intake import Engagement
from ._base import _check_alpha, _check_engagement, _check_min_size, _check_period, _frame
from .actions import (action_status, burn_down, burn_down_by_round, burn_down_rounds, overdue_actions,
                      prepare_actions)
from .coverage import Finding, findings_without_action, kpi_aliases, resolve_findings
from .calibration import observer_calibration
from .kpis import kpi_snapshot
from .lessons import _prepare_lessons, lessons_pareto, lessons_without_action
from .observations import (_prepare_observations, coaching_focus, observation_scores, observation_trend,
                           observer_scores, publishable_observations)
from .result import ManagementResult
from .training import _shown_trainees, training_effect, training_transfer

__all__ = ["analyse"]


def analyse(engagement: Engagement, *, period: str = "M", top_items: int = 3, alpha: float = 0.05,
            same_day_pairs: bool = True, pain_points: Sequence[Finding | str] = (),
            kpi_signals: Sequence[Finding | str] = (), drivers: Sequence[Finding | str] = (),
            previous_actions: Mapping[str, pd.DataFrame] | None = None, round_period: str = "Q",
            employee_table: bool = False, n_boot: int = 2000, seed: int = 0) -> ManagementResult:
    """Observations, action plan, lessons learned and training effectiveness for one engagement.

    Parameters
    ----------
    period : "M" or "Q"
        Periods for trends and recurrence (months or quarters).
    top_items : int
        Coaching-focus items per unit.
    alpha : float
        1 − confidence level of every interval.
    same_day_pairs : bool
        Calibration pairs must be the same employee, item and day (a joint observation).
    pain_points, kpi_signals, drivers : sequences of :class:`~svcwork.management.coverage.Finding` or str
        Findings of the journeys and measures analyses; flagged when no action answers them by
        id (:func:`svcwork.links.linked_findings` derives all three from the engagement, with
        their ids).  A plain text is given the ids the intake has for it (the Journey sheet's
        steps with that pain point, the KPI with that id or name, the survey item with that
        name).  Each unit's first coaching-focus item, and every significantly falling item,
        are checked as well.  An action answers a finding when it names one of its ids in the
        Actions sheet's link columns; text only suggests (:mod:`~svcwork.management.coverage`).
    previous_actions : mapping of round label to Actions frame, optional
        Earlier rounds' action plans (status snapshots), for the burn-down across
        re-measurement rounds (:func:`~svcwork.management.actions.burn_down_rounds`).  Without
        them the rounds are the quarters (*round_period*) of the engagement period, read from
        the due dates and the status at the report date
        (:func:`~svcwork.management.actions.burn_down_by_round`).
    round_period : "Q" or "M"
        Length of a re-measurement round when the rounds are read from due dates.
    employee_table : bool
        Include the per-employee table (pseudonyms only, employees with at least
        ``min_group_size`` scores in publishable cells).  Set False for reports that leave
        the consultant's hands.
    n_boot, seed : int
        Replicates and seed of the employee-clustered bootstrap of the pooled calibration ICC.
    """
    _check_engagement(engagement, "analyse")
    period, alpha, round_period = _check_period(period), _check_alpha(alpha), _check_period(round_period)
    s = engagement.settings
    min_size = _check_min_size(int(s.min_group_size))
    report = s.period_end
    kw: dict[str, Any] = dict(language=engagement.language, report_date=report, min_size=min_size, period=period,
                              alpha=alpha, accent=s.accent_color)
    services = _frame(engagement, "Services")
    obs = _frame(engagement, "Observations")
    base = None
    if obs is not None:
        clean = _prepare_observations(obs)
        base = publishable_observations(clean, min_size=min_size)
        kw["has_observations"] = len(clean) > 0
        kw["n_observations"] = int(len(clean))
        kw["n_sessions"] = int(clean[["date", "observer", "employee_code"]].drop_duplicates().shape[0])
        kw["items"] = observation_scores(base, by=["item"], min_size=min_size, alpha=alpha)
        # units: the number of scores always (a count says nothing about a person), the mean only
        # over the unit's publishable cells
        counts = clean.groupby("unit", observed=True)["score"].size().rename("n")
        means = base.groupby("unit", observed=True)["score"].mean().rename("mean")
        kw["unit_counts"] = pd.concat([counts, means], axis=1).reset_index().rename(columns={"index": "unit"})
        kw["unit_items"] = observation_scores(base, by=["unit", "item"], min_size=min_size, alpha=alpha)
        # secondary suppression: the hidden observers' rows, pooled, are the difference between the
        # table by item's total and the shown observers, so they must hold at least min_size people
        observers = observer_scores(base, min_size=min_size, alpha=alpha)
        observers["difference"] = (observers["mean"] - float(base["score"].mean())) if len(observers) else []
        kw["observers"] = observers
        if employee_table:
            emp = observation_scores(base, by=["employee_code"], min_size=min_size, alpha=alpha)
            if len(emp):
                per = base.groupby(["employee_code", "item"], observed=True)["score"].mean().reset_index()
                lowest = per.sort_values(["employee_code", "score", "item"]).drop_duplicates("employee_code")
                unit = base.groupby("employee_code", observed=True)["unit"].agg(lambda u: u.mode().iat[0])
                emp = emp.assign(unit=emp["employee_code"].map(unit),
                                 lowest_item=emp["employee_code"].map(lowest.set_index("employee_code")["item"]))
            kw["employees"] = emp
        kw["trend"] = observation_trend(base, period=period, by=["item"], min_size=min_size, alpha=alpha)
        kw["unit_trend"] = observation_trend(base, period=period, by=["unit", "item"], min_size=min_size, alpha=alpha)
        kw["coaching"] = coaching_focus(base, period=period, top=top_items, min_size=min_size, alpha=alpha)
        kw["calibration"] = observer_calibration(clean, min_size=min_size, same_day=same_day_pairs, alpha=alpha,
                                                 n_boot=n_boot, seed=seed)
    acts = _frame(engagement, "Actions")
    owners = _frame(engagement, "Owners")
    prepared = None
    if acts is not None:
        prepared = prepare_actions(acts, report_date=report, services=services, owners=owners)
        kw["has_actions"] = len(prepared) > 0
        kw["actions"] = prepared
        kw["by_owner"] = action_status(prepared, by="owner")
        kw["by_unit"] = action_status(prepared, by="unit")
        kw["by_source"] = action_status(prepared, by="source")
        kw["overdue"] = overdue_actions(prepared)
        kw["burndown"] = burn_down(prepared, report_date=report, start=min(s.period_start, report), freq=period)
        if previous_actions:  # status snapshots of earlier rounds: the actual position at each round
            kw["rounds"] = burn_down_rounds({**dict(previous_actions), report.isoformat(): acts})
        else:  # one sheet: the rounds of the engagement period read from due dates and today's status
            kw["rounds"] = burn_down_by_round(prepared, report_date=report, start=s.period_start, freq=round_period)
    coaching = kw.get("coaching")
    low_items: list[str] = []
    if coaching is not None and len(coaching):  # each unit's first coaching item, and every falling one
        flagged = coaching[(coaching["rank"] == 1) | coaching["falling"].astype(bool)]
        low_items = list(dict.fromkeys(flagged["item"].astype(str)))
    if acts is not None or pain_points or kpi_signals or drivers or low_items:
        plan = prepared if prepared is not None else pd.DataFrame({"action_id": pd.Series(dtype="string"),
                                                                   "action": pd.Series(dtype="string")})
        kpis, journey = _frame(engagement, "KPIs"), _frame(engagement, "Journey")
        kw["unanswered"] = findings_without_action(
            plan, pain_points=resolve_findings("pain_point", pain_points, journey=journey),
            kpi_signals=resolve_findings("kpi_signal", kpi_signals, kpis=kpis),
            low_items=resolve_findings("low_item", low_items), drivers=resolve_findings("driver", drivers),
            aliases=kpi_aliases(kpis))
    les = _frame(engagement, "Lessons")
    if les is not None:
        kw["has_lessons"] = True
        kw["lessons"] = _prepare_lessons(les, acts)
        kw["pareto"] = lessons_pareto(les, actions=acts, period=period)
        kw["lessons_unlinked"] = lessons_without_action(les, actions=acts)
    tr = _frame(engagement, "training")
    if tr is not None:
        kw["has_training"] = True
        kw["training_by_unit"] = training_effect(tr, min_size=min_size, alpha=alpha)
        scale = getattr(engagement, "scales", {}).get("training")
        if scale is not None:
            kw["training_scale"] = scale.name
        if obs is not None:
            # all observations (training_transfer shows a skill only when at least min_size trained
            # employees were observed before and after), but only the trainees the training
            # effect pools (unit groups of at least min_size), so both rows describe the same people
            kw["transfer"] = training_transfer(_shown_trainees(tr, min_size), clean, min_size=min_size, alpha=alpha)
    kpis, values = _frame(engagement, "KPIs"), _frame(engagement, "KPI values")
    if kpis is not None and values is not None:
        kw["kpis"] = kpi_snapshot(kpis, values, services=services, owners=owners)
    return ManagementResult(**kw)
