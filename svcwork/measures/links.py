"""What the other analyses take from measures: cheap signals computed as :func:`analyse` would.

* :func:`benefit_signal` — the survey's benefit signal per service, for prioritisation;
* :func:`weak_drivers` — the "concentrate here" items, for management's findings without an action;
* :func:`kpi_signals` — KPIs with a control-chart signal or a missed target, for management.

Each uses the same code path as :func:`~svcwork.measures.analyse` (same preparation, suppression,
quadrants and scorecard) without the parts it does not need (no bootstrap, no other tables).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..i18n import t
from ._base import A11_ITEMS, error
from .analysis import _drivers_ipa, _prepare_survey, _service_signal
from .drivers import _focus_items
from .kpis import kpi_scorecard
from .survey import _items_present, item_table

if TYPE_CHECKING:  # pragma: no cover
    from ..intake import Engagement

__all__ = ["benefit_signal", "weak_drivers", "kpi_signals"]


def _survey_focus(engagement: Engagement, *, outcome: str, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(ipa, service_signal)`` as :func:`analyse` computes them, without the bootstrap or other tables.

    The same preparation, suppression (``min_group_size``), key driver point estimates and
    quadrants as :func:`analyse` (through :func:`_drivers_ipa` and :func:`_service_signal`);
    empty frames when the survey is absent or too small.
    """
    if outcome not in A11_ITEMS:
        raise error("outcome", expected=", ".join(A11_ITEMS), found=repr(outcome))
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


def benefit_signal(engagement: Engagement, *, seed: int = 0, outcome: str = "satisfaction") -> pd.Series:
    """The survey's benefit signal for prioritisation, per service (index ``service_id``).

    The importance–performance analysis (Martilla & James 1977) names the "concentrate here"
    items: drivers of *outcome* (Shapley share of R², Lindeman, Merenda & Gold 1980) above the
    mean importance and below the mean % agree.  For each service the value is the share of
    its respondents *not* agreeing (1 − top-2-box) on those items, averaged over the items:
    0–1, higher = more to gain (0.40: 40% do not agree).  It is exactly the ``gap`` column of
    ``analyse(...).service_signal`` (same code path), computed without the bootstrap and the
    other survey tables, so it is cheap.  The quadrants use point estimates only, so *seed*
    does not change the result (it is accepted so calls can mirror :func:`analyse`).
    Services with fewer than ``min_group_size`` responses are left out (suppressed, as in every
    survey table).  Empty when there is no survey, too few responses for a key driver
    analysis, no "concentrate here" item or no ``service_id`` in the survey.  Sorted from the
    largest gap down.  Pass it to ``prioritize.analyse(engagement, benefit_signal=...)``.
    """
    _, sig = _survey_focus(engagement, outcome=outcome, seed=seed)
    index = pd.Index([], dtype=object, name="service_id")
    if sig.empty:
        return pd.Series([], index=index, dtype=float, name="survey_gap")
    return pd.Series(sig["gap"].to_numpy(dtype=float), index=pd.Index(sig["service_id"].astype(str).to_numpy(),
                                                                       dtype=object, name="service_id"),
                     name="survey_gap")


def weak_drivers(engagement: Engagement, *, seed: int = 0, outcome: str = "satisfaction",
                 lang: str | None = None) -> list[str]:
    """The survey items in the "concentrate here" quadrant, as labels an action plan can mention.

    Short item names (``measures.item_short.*``: "Ease", "קלות", …) in *lang* (default: the
    engagement's language), in driver-rank order: the findings that
    :func:`svcwork.management.findings_without_action` checks against the Actions sheet as
    ``drivers`` (it matches any name of the item, in either language, in an action's
    ``finding`` or ``action`` text).  Same quadrants as :func:`analyse` (point estimates, so
    *seed* does not change the result); ``[]`` when there is no key driver analysis.
    """
    ipa, _ = _survey_focus(engagement, outcome=outcome, seed=seed)
    lang = lang or engagement.language
    return [t(f"measures.item_short.{i}", lang) for i in _focus_items(ipa)]


def _kpi_signal_names(scorecard: pd.DataFrame) -> list[str]:
    if scorecard.empty:
        return []
    missed = scorecard["met"].map(lambda m: isinstance(m, (bool, np.bool_)) and not m).astype(bool)
    if "status" in scorecard.columns:  # a shift in the good direction is not a finding
        worse = scorecard["status"].isin(["deteriorated", "unstable"]).to_numpy(dtype=bool)
    else:
        worse = (scorecard["signals"].fillna(0).astype(int) > 0).to_numpy(dtype=bool)
    hit = pd.Series(worse, index=scorecard.index) | missed
    names = [n if isinstance(n, str) and n.strip() else str(k)
             for k, n in zip(scorecard.loc[hit, "kpi_id"], scorecard.loc[hit, "kpi_name"])]
    return list(dict.fromkeys(n.strip() for n in names))


def kpi_signals(engagement: Engagement, *, laney: bool | None = None, large_n: float = 1000) -> list[str]:
    """KPIs with a finding: a missed target, or control-chart signals in the wrong direction.

    A KPI whose chart shows only an improvement (a shift in its good direction, status
    ``improved``) is not a finding (Wheeler 2000, ch. 6: a signal says the process changed,
    its direction says whether for the better).

    The scorecard of :func:`analyse` (:func:`kpi_scorecard`, same options), without the survey
    and case-log parts.  Returns each such KPI's ``kpi_name`` (its ``kpi_id`` when unnamed), in
    the order of the KPIs sheet: the ``kpi_signals`` that
    :func:`svcwork.management.findings_without_action` checks against the Actions sheet.
    ``[]`` when the KPIs or KPI values sheet is empty.
    """
    if not (engagement.has("KPIs") and engagement.has("KPI values")):
        return []
    card = kpi_scorecard(engagement.table("KPIs"), engagement.table("KPI values"), laney=laney, large_n=large_n)
    return _kpi_signal_names(card.table)
