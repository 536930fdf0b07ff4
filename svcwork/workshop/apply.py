"""A scenario's changes applied to a validated engagement: the form's values as the workshop left them.

:func:`apply_changes` returns a new :class:`~svcwork.intake.Engagement` (the input is never
changed) whose Criteria, Services and Engagement settings carry the changes, so that
:func:`svcwork.prioritize.analyse` — in the workshop and in ``svcwork run --scenario`` alike —
computes the scenario by the very code that computes the report:

* weights replace the Criteria sheet (criteria the scenario does not name keep the weight the
  analysis gave them, by AHP or directly) and the Pairwise sheet is set aside, since AHP would take
  precedence over direct weights;
* effort, benefit, visibility and resources overwrite the service's cells; a wave lock writes its
  ``locked_wave`` (``free`` clears it); an exclusion marks
  :data:`svcwork.prioritize.analysis.EXCLUDED_COLUMN` (the service keeps its rank, the roadmap
  leaves it — and what depends on it — out);
* wave capacities and the quick-win minimum become the Engagement settings ``wave_capacities``
  and ``min_quick_wins``.
"""

from __future__ import annotations

import dataclasses
from types import MappingProxyType
from typing import Sequence

import pandas as pd

from ..errors import AnalysisError, UsageError
from ..i18n import t
from ..intake.scenarios import SERVICE_FIELDS, Change
from ..prioritize.analysis import EXCLUDED_COLUMN, analyse, plan_inputs
from ..prioritize.scoring import DEFAULT_DIRECTIONS

__all__ = ["apply_changes", "apply_scenario", "baseline_weights", "baseline_capacity"]


def baseline_weights(engagement) -> tuple[dict[str, float], dict[str, str]]:
    """The criteria weights (summing to 1) and directions :func:`~svcwork.prioritize.analyse` uses for *engagement*."""
    res = analyse(engagement, n_samples=50)
    if not res.available:
        return {}, {}
    return {c: float(w) for c, w in res.weights.items()}, dict(res.directions)


def baseline_capacity(engagement) -> tuple[tuple[float, ...], str]:
    """The capacity of each wave the roadmap of *engagement* uses, and its unit (days or effort points)."""
    services = engagement.table("Services")
    waves = int(engagement.settings.waves)
    if services.empty:
        return tuple(0.0 for _ in range(waves)), "days"
    _, unit, capacity, _ = plan_inputs(services, engagement.settings)
    caps = capacity if isinstance(capacity, list) else [float(capacity)] * waves
    return tuple(float(c) for c in caps), unit


def apply_changes(engagement, changes: Sequence[Change], *, name: str | None = None,
                  weights: tuple[dict[str, float], dict[str, str]] | None = None):  # noqa: ANN201 - an Engagement
    """A copy of *engagement* with *changes* applied (see the module notes); *name* marks the scenario applied.

    *weights* is :func:`baseline_weights` of *engagement* when already known (the workshop computes
    it once).  Raises :class:`AnalysisError` when the weights would all be 0.
    """
    tables = dict(engagement.tables)
    settings = engagement.settings
    weight_changes = {c.target: float(c.value) for c in changes if c.kind == "weight"}
    if weight_changes:
        base, directions = weights if weights is not None else baseline_weights(engagement)
        merged = {**base, **weight_changes}
        if sum(merged.values()) <= 0:
            raise AnalysisError(t("workshop.error.weights_zero", engagement.language))
        rows = engagement.tables["Criteria"].set_index("criterion")["_row"].to_dict() \
            if len(engagement.tables["Criteria"]) else {}
        tables["Criteria"] = pd.DataFrame({
            "criterion": pd.Series(list(merged), dtype="string"),
            "direction": pd.Series([directions.get(c, DEFAULT_DIRECTIONS.get(c, "benefit")) for c in merged],
                                   dtype="string"),
            "weight": pd.Series([merged[c] for c in merged], dtype="float64"),
            "_row": pd.Series([rows.get(c) for c in merged], dtype="Int64")})
        tables["Pairwise"] = engagement.tables["Pairwise"].iloc[0:0].copy()
    service_changes = [c for c in changes if c.kind in (*SERVICE_FIELDS, "wave", "exclude")]
    if service_changes:
        services = engagement.tables["Services"].copy()
        where = {str(s).casefold(): i for i, s in zip(services.index, services["service_id"])}
        if EXCLUDED_COLUMN not in services.columns:
            services[EXCLUDED_COLUMN] = False
        for c in service_changes:
            i = where.get(str(c.target).casefold())
            if i is None:
                raise AnalysisError(t("intake.scenario.service", engagement.language, service=c.target))
            if c.kind in SERVICE_FIELDS:
                services.loc[i, SERVICE_FIELDS[c.kind][0]] = float(c.value) if c.kind == "resources" else int(c.value)
            elif c.kind == "wave":
                services.loc[i, "locked_wave"] = pd.NA if c.value is None else int(c.value)
            else:
                services.loc[i, EXCLUDED_COLUMN] = True
                services.loc[i, "locked_wave"] = pd.NA  # left out: a lock no longer applies
        tables["Services"] = services
    capacity = {int(c.target): float(c.value) for c in changes if c.kind == "capacity"}
    if capacity:
        caps, _ = baseline_capacity(engagement)
        settings = dataclasses.replace(settings, wave_capacities=tuple(capacity.get(w + 1, c)
                                                                       for w, c in enumerate(caps)))
    quick = [c for c in changes if c.kind == "quick_wins"]
    if quick:
        settings = dataclasses.replace(settings, min_quick_wins=int(quick[-1].value))
    return dataclasses.replace(engagement, tables=MappingProxyType(tables), settings=settings,
                               scenario=name if name is not None else engagement.scenario)


def apply_scenario(engagement, name: str):  # noqa: ANN201 - an Engagement
    """*engagement* with the changes of its scenario *name* (from the Scenarios sheet) applied.

    Raises :class:`UsageError` (code ``scenario_unknown``) naming the scenarios there are when
    the intake (or the workshop's scenarios file beside it) has no scenario of that name, and (code
    ``scenario_outdated``) naming what no longer applies when the form was revised since the
    scenario was saved so that some of its changes have no place in it (a service gone, a wave
    beyond the roadmap): a roadmap without some of the committee's choices is never reported as
    theirs.  A scenario saved against an earlier form that still applies is applied; validation
    warns about it (``scenario.stale``) and :attr:`~svcwork.intake.scenarios.Scenario.stale` names
    what changed.
    """
    found = next((s for s in engagement.scenarios if s.name.casefold() == str(name).strip().casefold()), None)
    lang = engagement.language
    if found is None:
        names = ", ".join(f"“{s.name}”" for s in engagement.scenarios) or t("workshop.scenario.none", lang)
        raise UsageError(t("workshop.error.unknown_scenario", lang, name=name, names=names), code="scenario_unknown")
    unusable = getattr(found, "unusable", ())
    if unusable:  # the form was revised since: some of its choices no longer have a place in it
        items = "; ".join(t(f"workshop.outdated.{reason}", lang, value=item, **params)
                          for item, reason, params in unusable)
        raise UsageError(t("workshop.error.outdated", lang, name=found.name, items=items), code="scenario_outdated")
    return apply_changes(engagement, found.changes, name=found.name)
