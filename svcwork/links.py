"""The links between the analyses, in one place that the analyses do not import.

What one analysis takes from another:

* :func:`benefit_signal` — the survey's benefit signal per service, for prioritisation
  (``prioritize.analyse(engagement, benefit_signal=...)``);
* :func:`weak_drivers` — the "concentrate here" survey items, for management's findings without an action;
* :func:`kpi_signals` — KPIs with a control-chart signal or a missed target, for management;
* :func:`linked_findings` — the findings of the journeys and measures analyses that the action
  plan should answer (journey pain points, KPI signals, weak survey drivers), each with the ids
  an action names to answer it, as the keywords of :func:`svcwork.management.analyse`;
* :func:`unit_signals` — each unit's KPI control-chart signals and survey shares (from the
  measures analysis) for its manager pack (:func:`svcwork.management.packs.unit_packs`).

The measures links read a full :class:`~svcwork.measures.MeasuresResult` when one is given
(``measures_result=``) and otherwise compute only what they need through the same code path as
:func:`svcwork.measures.analyse` (same preparation, suppression, quadrants and scorecard; no
bootstrap, no other tables): both give the same values.

Reuse within a run: :func:`remember` keeps a result on disk under ``<cache_dir>/.results/``
(the engagement cache that ``svcwork run`` passes to every notebook), keyed by the input files'
SHA-256, the svcwork version, the name and the options; :func:`measures_result` uses it, so the
notebooks that need the measures analysis (prioritisation, measures, management) run it once, and
:func:`journeys_result` keeps the journeys analysis for the run's round record (:func:`remembered`).

The analyses take these as plain series, lists and mappings; only this module imports the
analyses' results (no analysis package imports it).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .i18n import t
from .intake import Engagement
from .journeys import pain_points as _journey_pain_points
from .management import Finding, resolve_findings
from .management._base import _check_engagement
from .measures import analyse as _measures_analyse
from .measures import kpi_scorecard
from .measures._base import A11_ITEMS, error
from .measures.analysis import _drivers_ipa, _prepare_survey, _service_signal
from .measures.drivers import _focus_items
from .measures.survey import _items_present, item_table
from .runcache import RESULTS_DIR, remember, remembered, result_key  # noqa: F401 - re-exported

if TYPE_CHECKING:  # pragma: no cover
    from .journeys import JourneysResult
    from .measures import MeasuresResult

__all__ = ["remember", "remembered", "result_key", "RESULTS_DIR", "measures_result", "journeys_result",
           "benefit_signal", "weak_drivers", "kpi_signals", "linked_findings", "unit_signals"]


def measures_result(engagement: Engagement, *, cache_dir: str | os.PathLike | None = None,
                    **options: Any) -> MeasuresResult:
    """``svcwork.measures.analyse(engagement, **options)``, run once per run (:func:`remember`).

    With the *cache_dir* of ``svcwork run`` the first notebook that needs the measures
    analysis computes it and the others read it; without, it is computed.  Pass the result to
    :func:`benefit_signal`, :func:`weak_drivers`, :func:`kpi_signals`, :func:`linked_findings`
    and :func:`unit_signals` as ``measures_result=``.
    """
    return remember(cache_dir, engagement, "measures", _measures_analyse, **options)


def journeys_result(engagement: Engagement, *, cache_dir: str | os.PathLike | None = None,
                    **options: Any) -> "JourneysResult":
    """``svcwork.journeys.analyse(engagement, **options)``, kept for the rest of the run (:func:`remember`):
    the report's round record (:mod:`svcwork.since`) reads its analysed case log instead of analysing
    the log again."""
    from .journeys import analyse

    return remember(cache_dir, engagement, "journeys", analyse, **options)


# =========================================================================== from measures
def _check_outcome(outcome: str) -> None:
    if outcome not in A11_ITEMS:
        raise error("outcome", expected=", ".join(A11_ITEMS), found=repr(outcome))


def _survey_focus(engagement: Engagement, *, outcome: str, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(ipa, service_signal)`` as :func:`svcwork.measures.analyse` computes them, without the bootstrap
    or other tables.

    The same preparation, suppression (``min_group_size``), key driver point estimates and
    quadrants as :func:`svcwork.measures.analyse` (through :func:`_drivers_ipa` and
    :func:`_service_signal`); empty frames when the survey is absent or too small.
    """
    _check_outcome(outcome)
    empty = pd.DataFrame()
    if not engagement.has("survey"):
        return empty, empty
    min_size = int(engagement.settings.min_group_size)
    frame, _ = _prepare_survey(engagement.survey)
    if len(frame) < min_size:
        return empty, empty
    items = _items_present(frame, None)
    overall = item_table(frame, items=items, min_group_size=min_size)
    _, ipa, _ = _drivers_ipa(frame, items, overall, outcome=outcome, n_boot=0, seed=seed, confidence=0.95,
                             min_size=min_size)
    by_service = (item_table(frame, by=("service_id",), items=items, min_group_size=min_size)
                  if frame["service_id"].notna().any() else None)
    return ipa, _service_signal(ipa, by_service)


def benefit_signal(engagement: Engagement, *, seed: int = 0, outcome: str = "satisfaction",
                   measures_result: MeasuresResult | None = None) -> pd.Series:
    """The survey's benefit signal for prioritisation, per service (index ``service_id``).

    The importance–performance analysis (Martilla & James 1977) names the "concentrate here"
    items: drivers of *outcome* (Shapley share of R², Lindeman, Merenda & Gold 1980) above the
    mean importance and below the mean % agree.  For each service the value is the share of
    its respondents *not* agreeing (1 − top-2-box) on those items, averaged over the items:
    0–1, higher = more to gain (0.40: 40% do not agree).  It is exactly the ``gap`` column of
    ``analyse(...).service_signal`` (same code path), computed without the bootstrap and the
    other survey tables, so it is cheap.  The quadrants use point estimates only, so *seed*
    does not change the result (it is accepted so calls can mirror
    :func:`svcwork.measures.analyse`).
    Services with fewer than ``min_group_size`` responses are left out (suppressed, as in every
    survey table).  Empty when there is no survey, too few responses for a key driver
    analysis, no "concentrate here" item or no ``service_id`` in the survey.  Sorted from the
    largest gap down.  Pass it to ``prioritize.analyse(engagement, benefit_signal=...)``.

    With *measures_result* (``measures.analyse(engagement)``, e.g. :func:`measures_result`) its
    ``service_signal`` is read instead (the same values; *seed* and *outcome* are then the
    result's own).
    """
    if measures_result is not None:
        _check_outcome(outcome)
        sig = measures_result.service_signal
    else:
        _, sig = _survey_focus(engagement, outcome=outcome, seed=seed)
    index = pd.Index([], dtype=object, name="service_id")
    if sig.empty:
        return pd.Series([], index=index, dtype=float, name="survey_gap")
    return pd.Series(sig["gap"].to_numpy(dtype=float), index=pd.Index(sig["service_id"].astype(str).to_numpy(),
                                                                       dtype=object, name="service_id"),
                     name="survey_gap")


def weak_drivers(engagement: Engagement, *, seed: int = 0, outcome: str = "satisfaction",
                 lang: str | None = None, measures_result: MeasuresResult | None = None) -> list[str]:
    """The survey items in the "concentrate here" quadrant, as labels an action plan can mention.

    Short item names (``measures.item_short.*``: "Ease", "קלות", …) in *lang* (default: the
    engagement's language), in driver-rank order (:func:`linked_findings` gives the same items as
    findings named by their keys, which the Actions sheet's ``survey_item`` links to).  Same quadrants as :func:`svcwork.measures.analyse` (point
    estimates, so *seed* does not change the result); ``[]`` when there is no key driver
    analysis.  With *measures_result* its ``ipa`` table is read instead (the same items).
    """
    if measures_result is not None:
        _check_outcome(outcome)
        ipa = measures_result.ipa
    else:
        ipa, _ = _survey_focus(engagement, outcome=outcome, seed=seed)
    lang = lang or engagement.language
    return [t(f"measures.item_short.{i}", lang) for i in _focus_items(ipa)]


def _kpi_findings(scorecard: pd.DataFrame) -> list[Finding]:
    """The KPIs that are findings: a missed target, or control-chart signals in the bad direction.

    A KPI that meets its target and whose chart shows no signal in its bad direction (status
    stable or improved) is not a finding; neither is one without a target that is stable or
    improved.
    """
    if scorecard.empty:
        return []
    missed = scorecard["met"].map(lambda m: isinstance(m, (bool, np.bool_)) and not m).astype(bool)
    if "status" in scorecard.columns:  # a shift in the good direction is not a finding
        worse = scorecard["status"].isin(["deteriorated", "unstable"]).to_numpy(dtype=bool)
    else:
        worse = (scorecard["signals"].fillna(0).astype(int) > 0).to_numpy(dtype=bool)
    hit = pd.Series(worse, index=scorecard.index) | missed
    out: dict[str, Finding] = {}
    for k, n in zip(scorecard.loc[hit, "kpi_id"], scorecard.loc[hit, "kpi_name"]):
        name = (n if isinstance(n, str) and n.strip() else str(k)).strip()
        out.setdefault(str(k), Finding.kpi(name, str(k)))
    return list(out.values())


def _kpi_signal_names(scorecard: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(f.text for f in _kpi_findings(scorecard)))


def kpi_signals(engagement: Engagement, *, laney: bool | None = None, large_n: float = 1000,
                measures_result: MeasuresResult | None = None) -> list[str]:
    """KPIs with a finding: a missed target, or control-chart signals in the wrong direction.

    A KPI whose chart shows only an improvement (a shift in its good direction, status
    ``improved``) is not a finding (Wheeler 2000, ch. 6: a signal says the process changed,
    its direction says whether for the better).

    The scorecard of :func:`svcwork.measures.analyse` (:func:`kpi_scorecard`, same options), without
    the survey and case-log parts.  Returns each such KPI's ``kpi_name`` (its ``kpi_id`` when unnamed), in
    the order of the KPIs sheet (:func:`linked_findings` gives the same KPIs as findings named by
    their ``kpi_id``, which the Actions sheet's ``kpi_id`` links to).  A KPI that meets its target
    with no signal in its bad direction is not listed.  ``[]`` when the KPIs or KPI values sheet is empty.  With *measures_result* its ``scorecard``
    is read instead (the same KPIs; *laney* and *large_n* are then the result's own).
    """
    if measures_result is not None:
        return _kpi_signal_names(measures_result.scorecard)
    if not (engagement.has("KPIs") and engagement.has("KPI values")):
        return []
    card = kpi_scorecard(engagement.table("KPIs"), engagement.table("KPI values"), laney=laney, large_n=large_n)
    return _kpi_signal_names(card.table)


# =========================================================================== for management
def linked_findings(engagement: Engagement, *, outcome: str = "satisfaction",
                    measures_result: MeasuresResult | None = None) -> dict[str, list[Finding]]:
    """The findings of the other analyses that the action plan should answer, with their ids.

    ``pain_points``: the Journey sheet's pain points (:func:`svcwork.journeys.pain_points`), each
    named by the journey steps where it hurts; ``kpi_signals``: the KPIs that miss their target or
    signal in their bad direction (not a shift for the better; a KPI on target without such a
    signal is no finding), each named by its ``kpi_id`` (the measures scorecard,
    :func:`kpi_signals`); ``drivers``: the survey items in the importance–performance
    "concentrate here" quadrant (key drivers of *outcome*), each named by its item key.  Each is a
    :class:`svcwork.management.Finding`: an action answers it when its link columns name one of
    those ids (text only suggests a link).  Only what these need is computed (no survey
    bootstrap, no case-log analysis).  The keys are the keywords of
    :func:`svcwork.management.analyse`: ``analyse(engagement, **linked_findings(engagement))``
    flags the ones no action answers (with each unit's coaching-focus observation items, which
    ``analyse`` adds).  With *measures_result* (:func:`measures_result`) the KPI signals and
    drivers are read from it (the same values, nothing computed again).
    """
    _check_engagement(engagement, "linked_findings")
    if measures_result is not None:
        _check_outcome(outcome)
        card, ipa = measures_result.scorecard, measures_result.ipa
    else:
        card = (kpi_scorecard(engagement.table("KPIs"), engagement.table("KPI values")).table
                if engagement.has("KPIs") and engagement.has("KPI values") else pd.DataFrame())
        ipa, _ = _survey_focus(engagement, outcome=outcome, seed=0)
    journey = engagement.table("Journey")
    return {"pain_points": resolve_findings("pain_point", _journey_pain_points(engagement), journey=journey),
            "kpi_signals": _kpi_findings(card),
            "drivers": [Finding.driver(i) for i in _focus_items(ipa)]}


from .unit_signals import unit_signals  # noqa: E402 - re-exported: a unit's signals for its pack
