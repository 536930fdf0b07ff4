"""The action plan: each action's owning unit, status, overdue actions, burn-down (planned and by
re-measurement round).  Which findings the plan answers: :mod:`svcwork.management.coverage`.

An action is overdue when it is still open or in progress after its due date, as of the report
date (``settings.period_end``).  The planned burn-down counts the actions due after each period
end; the burn-down across re-measurement rounds reads, per quarter of the engagement period, the
actions due by its end that are done / still not done at the report date (the Actions sheet has
due dates and the current status, no completion dates), or, when earlier rounds' Actions sheets
are given, the actual remaining actions per round.
"""

from __future__ import annotations

import datetime as dt
from typing import Mapping

import pandas as pd

from ..common import require_columns
from ..errors import AnalysisError
from ..i18n import t
from ..schema import ENUMS, normalize_name
from ._base import OPEN_STATUSES, STATUSES, _as_timestamp, _check_period, _owning_unit, _text

__all__ = ["prepare_actions", "action_status", "overdue_actions", "burn_down", "burn_down_rounds",
           "burn_down_by_round", "ROUND_COLUMNS"]


def prepare_actions(actions: pd.DataFrame, *, report_date: dt.date | pd.Timestamp,
                    services: pd.DataFrame | None = None, owners: pd.DataFrame | None = None) -> pd.DataFrame:
    """The action plan, clean, with each action's owning unit and overdue status.

    The unit that owns an action is its own ``unit`` column, else its owner's unit in the Owners
    sheet (*owners*), else the unit of its service (*services*); None when organisation-wide
    (``unit_from`` says which: ``sheet``, ``owner``, ``service``).  An action is overdue when it
    is still open or in progress and its due date is before the report date (the Engagement's
    ``period_end``); ``days_overdue`` counts calendar days.  Columns: ``action_id``, ``action``,
    ``owner``, ``due_date``, ``status``, ``source``, ``service_id``, ``finding``, the link
    columns (``kpi_id``, ``journey``, ``journey_step``, ``survey_item``, ``observation_item``,
    ``lesson``), ``unit``, ``unit_from``, ``overdue``, ``days_overdue``.
    """
    require_columns(actions, ("action_id", "action", "owner", "due_date", "status"), "Actions")
    report = _as_timestamp(report_date, "report_date")
    status = _text(actions["status"]).str.casefold()
    lookup = ENUMS["status"].lookup()
    status = status.map(lambda s: lookup.get(normalize_name(s)) if isinstance(s, str) else None)
    if status.isna().any():
        bad = _text(actions["status"])[status.isna()].fillna("(empty)").unique()[:5]
        raise AnalysisError(t("management.error.status", "en", found=", ".join(map(str, bad))))
    due = pd.to_datetime(actions["due_date"], errors="coerce")
    if len(due) and due.dt.tz is not None:
        due = due.dt.tz_localize(None)
    n = len(actions)

    def opt(col: str) -> pd.Series:
        return _text(actions[col]) if col in actions.columns else pd.Series([pd.NA] * n, index=actions.index, dtype="string")

    source = opt("source").map(lambda s: ENUMS["action_source"].lookup().get(normalize_name(s)) if isinstance(s, str) else None)
    unit, unit_from = _owning_unit(opt("unit"), opt("owner"), opt("service_id"), owners, services)
    step = (pd.to_numeric(actions["journey_step"], errors="coerce").astype("float64") if "journey_step" in actions.columns
            else pd.Series(float("nan"), index=actions.index, dtype="float64"))
    out = pd.DataFrame({
        "action_id": _text(actions["action_id"]),
        "action": _text(actions["action"]),
        "owner": _text(actions["owner"]),
        "due_date": due,
        "status": status.astype("string"),
        "source": source.astype("string"),
        "service_id": opt("service_id"),
        "finding": opt("finding"),
        **{c: opt(c) for c in ("kpi_id", "journey")},
        "journey_step": step.round().astype("Int64"),
        **{c: opt(c) for c in ("survey_item", "observation_item", "lesson")},
        "unit": unit,
        "unit_from": unit_from,
    })
    is_open = out["status"].isin(OPEN_STATUSES)
    out["overdue"] = (is_open & out["due_date"].notna() & (out["due_date"] < report)).astype(bool)
    days = (report - out["due_date"]).dt.days
    out["days_overdue"] = days.where(out["overdue"]).astype("Int64")
    return out.reset_index(drop=True)


def _ensure_prepared(actions: pd.DataFrame, report_date, services) -> pd.DataFrame:
    if "overdue" in actions.columns and "unit" in actions.columns and "days_overdue" in actions.columns:
        return actions
    if report_date is None:
        raise AnalysisError(t("management.error.report_date", "en"))
    return prepare_actions(actions, report_date=report_date, services=services)


def action_status(actions: pd.DataFrame, *, by: str, report_date: dt.date | None = None,
                  services: pd.DataFrame | None = None) -> pd.DataFrame:
    """Number of actions per status (and overdue) by ``owner``, ``unit`` or ``source``.

    Columns: the *by* column, ``open``, ``in progress``, ``done``, ``cancelled``, ``total``,
    ``overdue``, ``done_share`` (done / not cancelled).  Missing groups are None.
    """
    if by not in ("owner", "unit", "source"):
        raise AnalysisError(t("management.error.action_by", "en", found=repr(by)))
    a = _ensure_prepared(actions, report_date, services)
    cols = [by, *STATUSES, "total", "overdue", "done_share"]
    if a.empty:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in cols})
    key = a[by].astype("object").where(a[by].notna(), "")
    counts = pd.crosstab(key.rename(by), a["status"]).reindex(columns=list(STATUSES), fill_value=0)
    counts.index.name = by
    counts.columns.name = None
    counts["total"] = counts.sum(axis=1)
    counts["overdue"] = a.groupby(key)["overdue"].sum().reindex(counts.index).astype(int)
    active = counts["total"] - counts["cancelled"]
    counts["done_share"] = (counts["done"] / active).where(active > 0)
    out = counts.reset_index()
    out[by] = out[by].map(lambda v: None if v == "" else v)
    out = out.sort_values(["total", by], ascending=[False, True], key=None, na_position="last")
    return out[cols].reset_index(drop=True)


def overdue_actions(actions: pd.DataFrame, *, report_date: dt.date | None = None,
                    services: pd.DataFrame | None = None) -> pd.DataFrame:
    """Actions still open or in progress after their due date, most overdue first."""
    a = _ensure_prepared(actions, report_date, services)
    cols = ["action_id", "action", "owner", "unit", "due_date", "status", "days_overdue", "source"]
    out = a.loc[a["overdue"], cols].sort_values(["days_overdue", "action_id"], ascending=[False, True])
    return out.reset_index(drop=True)


def burn_down(actions: pd.DataFrame, *, report_date: dt.date, start: dt.date | None = None,
              freq: str = "M", services: pd.DataFrame | None = None) -> pd.DataFrame:
    """Planned burn-down of the action plan from its due dates, and the actual position at the report date.

    For *start* (default: the earliest due date) and each period end up to the last due date or the
    report date, ``planned`` is the number of (not cancelled) actions whose due date is after
    that day — what would remain if every action were done on time.  ``actual`` is given for the
    report date only: actions still open or in progress (the intake carries no completion
    dates).  Columns: ``date``, ``planned``, ``actual``.
    """
    freq = _check_period(freq)
    a = _ensure_prepared(actions, report_date, services)
    report = _as_timestamp(report_date, "report_date")
    a = a[a["status"] != "cancelled"]
    if a.empty or a["due_date"].isna().all():
        return pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"), "planned": pd.Series(dtype="int64"),
                             "actual": pd.Series(dtype="Int64")})
    due = a["due_date"].dropna()
    first = _as_timestamp(start, "start") if start is not None else due.min()
    last = max(due.max(), report)
    ends = pd.period_range(first.to_period(freq), last.to_period(freq), freq=freq).to_timestamp(how="end").normalize()
    dates = sorted({first.normalize(), *ends, report.normalize()})
    planned = [int(((a["due_date"] > d) | a["due_date"].isna()).sum()) for d in dates]
    actual = [int(a["status"].isin(OPEN_STATUSES).sum()) if d == report.normalize() else pd.NA for d in dates]
    return pd.DataFrame({"date": pd.to_datetime(dates), "planned": planned, "actual": pd.array(actual, dtype="Int64")})


def burn_down_rounds(rounds: Mapping[object, pd.DataFrame]) -> pd.DataFrame:
    """Actions by status at each re-measurement round (one Actions sheet per round).

    *rounds* maps a round label (e.g. its date or ``"2026Q1"``) to that round's Actions frame,
    in order.  Columns: ``round``, ``open``, ``in progress``, ``done``, ``cancelled``,
    ``remaining`` (open + in progress), ``total``.
    """
    if not isinstance(rounds, Mapping):
        raise AnalysisError(t("management.error.rounds", "en", found=type(rounds).__name__))
    rows = []
    lookup = ENUMS["status"].lookup()
    for label, frame in rounds.items():
        require_columns(frame, ("status",), t("management.what.round_actions", "en", round=label))
        status = _text(frame["status"]).map(lambda s: lookup.get(normalize_name(s)) if isinstance(s, str) else None)
        if status.isna().any():
            raise AnalysisError(t("management.error.round_status", "en", round=label))
        counts = {s: int((status == s).sum()) for s in STATUSES}
        rows.append({"round": str(label), **counts, "remaining": counts["open"] + counts["in progress"],
                     "total": int(len(frame))})
    return pd.DataFrame(rows, columns=["round", *STATUSES, "remaining", "total"])


ROUND_COLUMNS = ["round", "date", "due", "open", "in progress", "done", "remaining", "planned", "total"]


def burn_down_by_round(actions: pd.DataFrame, *, report_date: dt.date, start: dt.date, freq: str = "Q",
                       services: pd.DataFrame | None = None) -> pd.DataFrame:
    """The action plan at each re-measurement round of the engagement, from its due dates.

    Rounds are the quarters (``freq="Q"``) or months (``"M"``) from *start* (the engagement's
    ``period_start``) to the report date (``period_end``); a round ends at its period end, the
    last one at the report date.  The Actions sheet carries each action's due date and its status
    *at the report date*, but no completion dates, so each round is read as: of the (not
    cancelled) actions due by the round's end (``due``), how many are ``done`` now and how many
    are still ``open`` or ``in progress`` now (``remaining``: due by then and still not done —
    they were certainly still open at the round's end, too); ``planned`` is the number due after
    the round's end (what would remain if every action were done on time); ``total`` all not
    cancelled actions.  The last round counts the actions due *before* the report date, as
    :func:`prepare_actions` counts the overdue ones (an action due on the report date is not late
    yet), so its ``remaining`` equals the overdue actions.  With one
    Actions sheet per round (status snapshots) use :func:`burn_down_rounds` instead.
    Columns: ``round`` (``2026Q1``), ``date``, ``due``, ``open``, ``in progress``, ``done``,
    ``remaining``, ``planned``, ``total``.
    """
    freq = _check_period(freq)
    a = _ensure_prepared(actions, report_date, services)
    report = _as_timestamp(report_date, "report_date").normalize()
    first = min(_as_timestamp(start, "start").normalize(), report)
    a = a[a["status"] != "cancelled"]
    if a.empty or a["due_date"].isna().all():
        return pd.DataFrame({c: pd.Series(dtype="object" if c == "round" else "datetime64[ns]" if c == "date"
                                          else "int64") for c in ROUND_COLUMNS})
    rows = []
    for per in pd.period_range(first.to_period(freq), report.to_period(freq), freq=freq):
        end = min(per.to_timestamp(how="end").normalize(), report)
        # due by the round's last day; at the report date, due before it — an action due on the report date
        # is not overdue yet (prepare_actions: overdue = due before the report date, not done)
        cutoff = end + pd.Timedelta(days=1) if end < report else report
        due = a[a["due_date"].notna() & (a["due_date"] < cutoff)]
        counts = {st: int((due["status"] == st).sum()) for st in ("open", "in progress", "done")}
        rows.append({"round": str(per), "date": end, "due": int(len(due)), **counts,
                     "remaining": counts["open"] + counts["in progress"],
                     "planned": int(len(a) - len(due)), "total": int(len(a))})  # not due by the round's end
    out = pd.DataFrame(rows, columns=ROUND_COLUMNS)
    out["date"] = pd.to_datetime(out["date"])
    return out
