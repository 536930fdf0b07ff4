"""KPIs and the plan of two rounds: control charts, actions, priorities and recommendations.

* KPIs — the last value of each KPI against the previous report's.  Two points alone show no
  change: a change is called real only when the current control chart shows a run-rule signal
  (Western Electric rules 2–4, a run of points on one side of the centre line — not a single point
  beyond a limit) in a period after the previous report's last period; its direction (better or
  worse) is the signal's, read against the KPI's direction.  Without such a signal the verdict is
  ``two_points``.
* Actions — done, opened and overdue since the previous report: from the two Actions sheets' ids and
  status when both rounds kept them (:mod:`svcwork.since.cases`), else from the two summaries'
  counts (then "done since" is the change in the number done, "opened" the change in the total).
* Priorities — each service's rank and wave in both rounds; a service *moved* when either changed,
  with the inputs of the summary that changed (its survey signal, mandatory or deferred status, its
  quadrant, the criteria weights).
* The previous report's focus — its wave-1 services and its recommendations — and where each stands
  now, from the current Actions sheet: ``done`` (every linked action done), ``in_progress`` (some
  done or in progress), ``not_started`` (every linked action still open), ``no_action`` (none
  linked), ``cancelled``; ``unknown`` without the current sheet.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping, Sequence

import pandas as pd

from ..keyfigures import KeyFigure
from .rows import row

__all__ = ["kpi_rows", "action_changes", "action_rows", "priority_moves", "focus_status", "recommendation_status",
           "RUN_RULES"]

#: Western Electric rules that are runs (a sustained move), not a single point beyond a limit.
RUN_RULES = (2, 3, 4)
_OPEN = ("open", "in progress")
_SIGNAL_MOVE = 0.005  # a survey signal that moved less than this (on 0–1) did not move


# ----------------------------------------------------------------------------------------------- KPIs
def _kpis(summary: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {str(k["kpi_id"]): k for k in summary.get("kpis") or () if k.get("kpi_id") is not None}


def _run_signals(kpi: Mapping[str, Any], after: object) -> list[Mapping[str, Any]]:
    return [s for s in kpi.get("signals") or () if int(s.get("rule", 0)) in RUN_RULES
            and (after is None or str(s.get("period")) > str(after))]


def kpi_rows(cur_summary: Mapping[str, Any], prev_summary: Mapping[str, Any], cur: Mapping[str, KeyFigure]
             ) -> list[dict[str, Any]]:
    """Each KPI in both reports: last value now against the previous report's; the verdict from the
    current control chart's run-rule signals after the previous report's last period."""
    out = []
    prev_kpis = _kpis(prev_summary)
    for kid, k in _kpis(cur_summary).items():
        p = prev_kpis.get(kid)
        if p is None or k.get("last") is None or p.get("last") is None:
            continue
        fig = cur.get(f"measures.kpi_last.{kid}")
        kind = fig.kind if fig is not None else "number"
        runs = _run_signals(k, p.get("period"))
        directions = {s.get("direction") for s in runs}
        if not runs:
            verdict_, note = "two_points", None
        elif directions <= {"better"} or (None in directions and k.get("status") == "improved"):
            verdict_, note = "better", "run_signal"
        elif directions <= {"worse"} or (None in directions and k.get("status") == "deteriorated"):
            verdict_, note = "worse", "run_signal"
        else:
            verdict_, note = "no_change", "mixed_signals"
        # a run one way while the last value moved the other way since the previous report: the two
        # readings disagree, so no clear change is claimed (a report never says "better: 85% → 82%")
        moved = float(k["last"]) - float(p["last"])
        sign = {"higher": 1, "lower": -1}.get(str(k.get("direction")), 0)
        if verdict_ in ("better", "worse") and moved * sign * (1 if verdict_ == "better" else -1) < 0:
            verdict_, note = "no_change", "mixed_signals"
        shift = k.get("shift_period")
        if shift is not None and str(shift) > str(p.get("period")):
            note = f"shift:{shift}"
        changed = k.get("direction") is not None and p.get("direction") is not None \
            and k.get("direction") != p.get("direction")
        r = row(f"measures.kpi_last.{kid}", "kpi", kind=kind, direction=k.get("direction"), previous=p.get("last"),
                current=k.get("last"), item=kid, note=note, verdict_="not_comparable" if changed else verdict_)
        out.append({**r, "method": "control_chart"})
    return out


# -------------------------------------------------------------------------------------------- actions
def _overdue(frame: pd.DataFrame, on: dt.date | None) -> pd.Series:
    if on is None:
        return pd.Series(False, index=frame.index)
    due = pd.to_datetime(frame["due_date"])
    return (frame["status"].isin(_OPEN) & due.notna() & (due < pd.Timestamp(on))).astype(bool)


def _ids(frame: pd.DataFrame, mask: pd.Series) -> list[str]:
    return sorted(str(a) for a in frame.loc[mask, "action_id"].dropna())


def action_changes(cur: pd.DataFrame | None, prev: pd.DataFrame | None, cur_summary: Mapping[str, Any],
                   prev_summary: Mapping[str, Any], cur_date: dt.date | None, prev_date: dt.date | None
                   ) -> dict[str, Any]:
    """What happened to the action plan between the two reports.

    ``source`` is ``ids`` (both Actions sheets kept: ``done``, ``opened``, ``overdue``,
    ``newly_overdue``, ``cancelled`` are lists of action ids) or ``counts`` (from the summaries; the
    lists empty); ``n_*`` are the numbers; ``previous`` / ``current`` the two summaries' counts."""
    pc, cc = dict(prev_summary.get("actions") or {}), dict(cur_summary.get("actions") or {})
    out: dict[str, Any] = {"source": None, "previous": pc, "current": cc}
    if cur is not None and prev is not None and len(cur) and "action_id" in cur and "action_id" in prev:
        was = prev.set_index(prev["action_id"].astype(str))["status"].astype("string")
        was = was[~was.index.duplicated()]
        now_status = cur["status"].astype("string").fillna("")
        ids = cur["action_id"].astype(str)
        before = ids.map(was)
        done = (now_status == "done") & (before != "done").fillna(True)
        opened = ~ids.isin(was.index)
        over_now = _overdue(cur, cur_date)
        prev_over = set(_ids(prev, _overdue(prev, prev_date)))
        cancelled = (now_status == "cancelled") & (before != "cancelled").fillna(True)
        out.update(source="ids", done=_ids(cur, done), opened=_ids(cur, opened), overdue=_ids(cur, over_now),
                   newly_overdue=[a for a in _ids(cur, over_now) if a not in prev_over],
                   cancelled=_ids(cur, cancelled))
    elif pc and cc:
        out.update(source="counts", done=[], opened=[], overdue=[], newly_overdue=[], cancelled=[])
    else:
        return out
    if out["source"] == "ids":
        counts = {k: len(out[k]) for k in ("done", "opened", "overdue", "newly_overdue", "cancelled")}
    else:
        counts = {"done": max(int(cc.get("done", 0)) - int(pc.get("done", 0)), 0),
                  "opened": max(int(cc.get("total", 0)) - int(pc.get("total", 0)), 0),
                  "overdue": int(cc.get("overdue", 0)), "newly_overdue": None,
                  "cancelled": max(int(cc.get("cancelled", 0)) - int(pc.get("cancelled", 0)), 0)}
    out.update({f"n_{k}": v for k, v in counts.items()})
    return out


def action_rows(changes: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The action plan's counts in both reports (done, not yet done, overdue, total): counts, not
    samples — no interval, no verdict."""
    pc, cc = changes.get("previous") or {}, changes.get("current") or {}
    out = []
    for name, field in (("actions_done", "done"), ("actions_open", "open"), ("actions_overdue", "overdue"),
                        ("actions_total", "total")):
        if field in pc and field in cc:
            out.append({**row(f"management.{name}", "actions", kind="count", direction=None, previous=pc[field],
                              current=cc[field], base_previous=pc.get("total"), base_current=cc.get("total"),
                              base_of="actions", verdict_="not_tested"), "method": "count"})
    return out


# ----------------------------------------------------------------------------------------- priorities
def _priorities(summary: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {str(p["service_id"]): p for p in summary.get("priorities") or () if p.get("service_id") is not None}


def priority_moves(cur_summary: Mapping[str, Any], prev_summary: Mapping[str, Any]) -> pd.DataFrame:
    """Each service in both reports: rank and wave then and now, ``moved`` and the ``reasons`` (inputs of
    the summary that changed: ``survey_signal``, ``mandatory``, ``deferred``, ``quadrant``,
    ``weights``), in the current rank order."""
    cols = ["service_id", "rank_previous", "rank_current", "wave_previous", "wave_current", "score_previous",
            "score_current", "moved", "reasons"]
    prev = _priorities(prev_summary)
    weights_changed = _weights(cur_summary) != _weights(prev_summary)
    rows = []
    for sid, c in _priorities(cur_summary).items():
        p = prev.get(sid)
        if p is None:
            continue
        reasons = []
        sc, sp = c.get("survey_signal"), p.get("survey_signal")
        if (sc is None) != (sp is None) or (sc is not None and abs(float(sc) - float(sp)) >= _SIGNAL_MOVE):
            reasons.append("survey_signal")
        for name, field in (("mandatory", "mandatory"), ("deferred", "deferred_reason"), ("quadrant", "quadrant")):
            if c.get(field) != p.get(field):
                reasons.append(name)
        if weights_changed:
            reasons.append("weights")
        moved = c.get("rank") != p.get("rank") or c.get("wave") != p.get("wave")
        rows.append([sid, p.get("rank"), c.get("rank"), p.get("wave"), c.get("wave"), p.get("score"), c.get("score"),
                     bool(moved), tuple(reasons) if moved else ()])
    frame = pd.DataFrame(rows, columns=cols)
    return frame.sort_values("rank_current", kind="stable", ignore_index=True) if len(frame) else frame


def _weights(summary: Mapping[str, Any]) -> dict[str, float]:
    w = summary.get("criteria_weights") or {}
    return {str(k): round(float(v), 3) for k, v in w.items()} if isinstance(w, Mapping) else {}


def _state(statuses: Sequence[str]) -> str:
    s = [x for x in statuses if x != "cancelled"]
    if not statuses:
        return "no_action"
    if not s:
        return "cancelled"
    if all(x == "done" for x in s):
        return "done"
    if any(x in ("done", "in progress") for x in s):
        return "in_progress"
    return "not_started"


def focus_status(prev_summary: Mapping[str, Any], cur_actions: pd.DataFrame | None,
                 cur_summary: Mapping[str, Any]) -> pd.DataFrame:
    """The previous report's wave-1 services and where each stands now (its actions' status), with its
    rank and wave now."""
    cols = ["service_id", "status", "rank_current", "wave_current"]
    now = _priorities(cur_summary)
    out = []
    for sid in [str(s) for s in prev_summary.get("wave_1") or ()]:
        if cur_actions is None or "service_id" not in cur_actions:
            state = "unknown"
        else:
            linked = cur_actions.loc[cur_actions["service_id"].astype("string") == sid, "status"]
            state = _state([str(s) for s in linked.dropna()])
        c = now.get(sid, {})
        out.append([sid, state, c.get("rank"), c.get("wave")])
    return pd.DataFrame(out, columns=cols)


def recommendation_status(prev_recs: pd.DataFrame | None, cur_actions: pd.DataFrame | None) -> pd.DataFrame:
    """The previous report's recommendations and where each stands now, by the current status of the
    action that carries it out."""
    cols = ["rec_id", "action_id", "service_id", "priority", "status"]
    if prev_recs is None or not len(prev_recs):
        return pd.DataFrame(columns=cols)
    status = {}
    if cur_actions is not None:
        status = {str(a).casefold(): str(s) for a, s in zip(cur_actions["action_id"], cur_actions["status"])
                  if not pd.isna(a)}
    out = []
    for rec in prev_recs.to_dict("records"):
        aid = rec.get("action_id")
        aid = None if aid is None or pd.isna(aid) else str(aid)
        if aid is None:
            state = "no_action"
        elif cur_actions is None or aid.casefold() not in status:
            state = "unknown"
        else:
            state = _state([status[aid.casefold()]])
        sid = rec.get("service_id")
        out.append([str(rec["rec_id"]), aid, None if sid is None or pd.isna(sid) else str(sid),
                    None if pd.isna(rec.get("priority")) else rec.get("priority"), state])
    return pd.DataFrame(out, columns=cols)
