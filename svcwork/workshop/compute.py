"""State in, results out: one position of the workshop's controls analysed as the report would analyse it.

:func:`evaluate` applies the state's changes to the engagement
(:func:`svcwork.workshop.apply.apply_changes`) and runs :func:`svcwork.prioritize.analyse` on it
— the same code, seed and parameters as the report, so a number the workshop shows is the number
the scenario's report will print.  The only difference is the roadmap's integer program: it gets
``time_limit`` seconds (default :data:`QUICK_SECONDS`) so the views follow the sliders; when HiGHS
has not proven the plan optimal by then, :attr:`WorkshopResult.pending` is set, the views show the
gap, and the widgets solve again without the short limit (:data:`EXACT_SECONDS`) in the background.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import pandas as pd

from ..errors import AnalysisError
from ..intake.scenarios import Change
from ..prioritize import analyse
from .apply import apply_changes
from .state import Baseline, WorkshopState, changes

__all__ = ["QUICK_SECONDS", "EXACT_SECONDS", "WorkshopResult", "evaluate"]

#: Seconds the roadmap's integer program gets while the sliders move.
QUICK_SECONDS = 0.5
#: Seconds it gets for the exact result (as in the report: :func:`svcwork.prioritize.plan_waves`' default).
EXACT_SECONDS = 60.0


@dataclass(frozen=True)
class WorkshopResult:
    """What one position of the controls gives: the analysis, and how it differs from the form's."""

    state: WorkshopState
    changes: tuple[Change, ...]
    result: object | None             # PrioritizationResult (None when the changes cannot apply, see error)
    rank: pd.Series | None            # service -> rank now (1 = best; ties share the better rank)
    baseline_rank: pd.Series          # service -> rank on the form's values
    seconds: float
    time_limit: float
    error: str | None = None          # why the changes could not be analysed, in the engagement's language
    mip_rel_gap: float = 0.001        # the gap the report's roadmap is solved to

    @property
    def moved(self) -> pd.Series:
        """Places each service gained (+) or lost (−) against the form's values."""
        if self.rank is None:
            return pd.Series(0, index=self.baseline_rank.index)
        return (self.baseline_rank - self.rank.reindex(self.baseline_rank.index)).astype(int)

    @property
    def timed_out(self) -> bool:
        """The integer program found no roadmap within the time limit."""
        return self.result is not None and any(c.code == "timeout" for c in self.result.conflicts)

    @property
    def pending(self) -> bool:
        """The roadmap is not proven optimal (or not found) within the short time limit: worth solving on."""
        if self.result is None:
            return False
        plan = self.result.plan
        gap = plan is not None and plan.gap > self.mip_rel_gap + 1e-9
        return self.timed_out or gap


def evaluate(base: Baseline, state: WorkshopState, *, time_limit: float = QUICK_SECONDS) -> WorkshopResult:
    """Analyse *state*: its changes applied to the engagement, :func:`~svcwork.prioritize.analyse` with the
    baseline's options and the roadmap's integer program limited to *time_limit* seconds."""
    started = time.perf_counter()
    items = changes(state, base)
    gap = float(base.options.get("mip_rel_gap", 0.001))
    baseline_rank = base.result.score.rank.copy()
    try:
        engagement = apply_changes(base.engagement, items, weights=(dict(base.weights), dict(base.directions)))
        result = analyse(engagement, **base.options, plan_time_limit=time_limit)
    except AnalysisError as exc:
        return WorkshopResult(state, items, None, None, baseline_rank, time.perf_counter() - started, time_limit,
                              error=exc.message, mip_rel_gap=gap)
    return WorkshopResult(state, items, result, result.score.rank.copy(), baseline_rank,
                          time.perf_counter() - started, time_limit, mip_rel_gap=gap)
