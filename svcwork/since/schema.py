"""The JSON schema of the ``since`` block of summary.json (:meth:`svcwork.since.Since.summary`).

Self-contained (JSON Schema draft 2020-12), to sit under ``properties.since`` of
``docs/summary.schema.json``; a test validates every comparison's block against it.
"""

from __future__ import annotations

from typing import Any

from .result import STATES
from .stats import VERDICTS

__all__ = ["SCHEMA"]

_NUM = {"type": ["number", "null"]}
_INT = {"type": ["integer", "null"], "minimum": 0}
_TEXT = {"type": ["string", "null"]}
_DATE = {"type": ["string", "null"], "format": "date"}
_ROUND = {"type": "object", "required": ["label", "period"],
          "properties": {"label": {"type": "string", "description": "the round's name in history (its period's end, "
                                                                     "or the summary's period_label)"},
                         "period": {"type": "object", "required": ["start", "end"],
                                    "properties": {"start": _DATE, "end": _DATE}}}}
_IDS = {"type": "array", "items": {"type": "string"}}

SCHEMA: dict[str, Any] = {
    "description": "What changed since the previous report of the same client, and whether it is real: each figure "
                   "both reports share, current − previous with its 95% confidence interval (shares in percentage "
                   "points) and a verdict given only by whether the interval excludes zero and which way is good "
                   "for the figure. Absent when the run had no previous report.",
    "type": "object",
    "required": ["previous", "current", "overlap", "confidence", "counts", "figures", "notes"],
    "properties": {
        "previous": _ROUND,
        "current": _ROUND,
        "overlap": {"type": "boolean", "description": "the two periods share days: the rounds are not independent "
                                                      "and the intervals are conservative"},
        "confidence": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
        "bootstrap": {"type": ["object", "null"], "required": ["resamples", "seed"],
                      "description": "the bootstrap over cases behind the intervals of median and 90th-percentile "
                                     "case times (null when none was needed)",
                      "properties": {"resamples": {"type": "integer", "minimum": 1}, "seed": {"type": "integer"}}},
        "min_group_size": {"type": "integer", "minimum": 0},
        "counts": {"type": "object", "description": "how many figures got each judged verdict",
                   "properties": {k: {"type": "integer", "minimum": 0}
                                  for k in ("better", "worse", "no_change", "two_points")}},
        "figures": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["figure", "group", "previous", "current", "change", "low", "high", "method", "verdict"],
                "properties": {
                    "figure": {"type": "string", "description": "the compared key figure's key (key_figures)"},
                    "group": {"enum": ["survey", "nps", "journey", "kpi", "observations", "training", "actions"]},
                    "item": _TEXT, "kind": {"type": "string"},
                    "change_kind": {"type": "string", "description": "how the change is shown: points (percentage or "
                                                                     "scale points), days, rate, count, number"},
                    "direction": {"enum": ["higher", "lower", None]},
                    "previous": _NUM, "current": _NUM, "change": _NUM,
                    "low": _NUM, "high": _NUM,
                    "method": {"enum": ["newcombe", "nps_trinomial", "welch", "bootstrap", "control_chart", "count",
                                        "none"]},
                    "verdict": {"enum": list(VERDICTS)},
                    "base_previous": _INT, "base_current": _INT, "note": _TEXT,
                },
            },
        },
        "actions": {"type": "object", "description": "the action plan since the previous report: ids (source ids) or "
                                                     "only numbers (source counts)",
                    "properties": {"source": {"enum": ["ids", "counts", None]}, "done": _IDS, "opened": _IDS,
                                   "overdue": _IDS, "newly_overdue": _IDS, "cancelled": _IDS,
                                   **{f"n_{k}": _INT for k in ("done", "opened", "overdue", "newly_overdue",
                                                               "cancelled")}}},
        "priorities": {"type": "array", "items": {
            "type": "object", "required": ["service_id", "moved"],
            "properties": {"service_id": {"type": "string"}, "rank_previous": _INT, "rank_current": _INT,
                           "wave_previous": _INT, "wave_current": _INT, "score_previous": _NUM,
                           "score_current": _NUM, "moved": {"type": "boolean"},
                           "reasons": {"type": "array", "items": {"enum": ["survey_signal", "mandatory", "deferred",
                                                                            "quadrant", "weights"]}}}}},
        "previous_focus": {"type": "array", "items": {
            "type": "object", "required": ["service_id", "status"],
            "properties": {"service_id": {"type": "string"}, "status": {"enum": list(STATES)},
                           "rank_current": _INT, "wave_current": _INT}}},
        "recommendations": {"type": "array", "items": {
            "type": "object", "required": ["rec_id", "status"],
            "properties": {"rec_id": {"type": "string"}, "action_id": _TEXT, "service_id": _TEXT,
                           "priority": _TEXT, "status": {"enum": list(STATES)}}}},
        "notes": {"type": "array", "items": {
            "type": "object", "required": ["code"],
            "properties": {"code": {"enum": ["overlap", "definition", "small_group", "no_case_record"]}}}},
    },
}
