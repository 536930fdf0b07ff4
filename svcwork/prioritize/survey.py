"""Survey evidence: the services the citizen survey says to concentrate on.

:func:`survey_focus` matches the survey's benefit signal (:func:`svcwork.links.benefit_signal`)
to the services and applies the mean cross-hair of importance–performance analysis.  It is shown
beside the rank and never changes the weighted score.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

import pandas as pd

from ..errors import AnalysisError
from ..i18n import t

__all__ = ["SurveyEvidence", "survey_focus", "id_lookup"]


def id_lookup(ids: Sequence[str]) -> dict[str, str]:
    """Service ids by their case-folded form, to match ids written in another case."""
    return {str(s).casefold(): str(s) for s in ids}


@dataclass(frozen=True)
class SurveyEvidence:
    """The survey's benefit signal matched to the services (see :func:`survey_focus`)."""

    signal: pd.Series                 # service_id -> 0–1, services of the list only, largest first
    focus: tuple[str, ...]            # the services the survey says to concentrate on, largest signal first
    unknown: tuple[str, ...]          # ids the signal names that are not among the services

    @property
    def mean(self) -> float | None:
        """The cross-hair: the mean signal over the services that have one."""
        return float(self.signal.mean()) if len(self.signal) else None


def survey_focus(signal: Mapping[str, float] | pd.Series, services: Sequence[str]) -> SurveyEvidence:
    """Which services the survey says to concentrate on.

    *signal* maps service ids to the survey's benefit signal on 0–1: the share of a service's
    respondents not agreeing on the importance–performance "concentrate here" items
    (:func:`svcwork.links.benefit_signal`).  Ids are matched to *services* ignoring case;
    ids that are not services are listed in ``unknown``; missing values are ignored.  The focus
    set applies the data-centred cross-hair of importance–performance analysis (Martilla &
    James 1977) to services: a signal above the mean over the services with a signal (so at
    least two are needed; equal signals single out none).  Raises
    :class:`~svcwork.errors.AnalysisError` for a value that is not a number in [0, 1].
    """
    if isinstance(signal, pd.Series):
        pairs = list(signal.items())
    elif isinstance(signal, Mapping):
        pairs = list(signal.items())
    else:
        raise AnalysisError(t("prioritize.error.signal_type", "en", found=type(signal).__name__))
    lookup = id_lookup(services)
    values: dict[str, float] = {}
    unknown: list[str] = []
    for key, value in pairs:
        try:
            x = float(value)
        except (TypeError, ValueError):
            raise AnalysisError(t("prioritize.error.signal_value", "en", service=key, value=value)) from None
        if math.isnan(x):
            continue
        if not 0 <= x <= 1:
            raise AnalysisError(t("prioritize.error.signal_value", "en", service=key, value=value))
        sid = lookup.get(str(key).strip().casefold())
        if sid is None:
            unknown.append(str(key))
        else:
            values[sid] = x
    order = sorted(values, key=lambda k: -values[k])  # stable: ties keep the signal's order
    sig = pd.Series([values[k] for k in order], index=pd.Index(order, dtype=object), dtype=float, name="survey_signal")
    mean = float(sig.mean()) if len(sig) else math.nan
    focus = tuple(k for k in order if len(sig) >= 2 and values[k] > mean + 1e-12)
    return SurveyEvidence(sig, focus, tuple(dict.fromkeys(unknown)))
