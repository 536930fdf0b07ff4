"""What a round keeps so that the next round can measure the change: a compact, privacy-safe record.

A report's ``summary.json`` holds each figure and its interval, but the interval of a *change* in a
median or 90th percentile of case time needs the cases themselves (a bootstrap resamples them).  A
round therefore keeps, beside its summary, one row per case with only what the comparison needs:

``service_id``, ``channel``, ``unit`` (the receiving unit), ``month`` (of opening, ``YYYY-MM``, in
the engagement's time zone: rule 9 of :mod:`svcwork.caselog`, the journeys section's month),
``days`` (to closure; for a case still open its age on the log's last date, right-censored; NaN for
a single-event case of a log without closure, which tells nothing of its time: rule 5),
``open`` (still open then: known to be open, so False for such an undetermined case),
``deadline_missed`` (True/False; NA while the deadline has not passed),
``repeat`` (a repeat contact; NA without a citizen id), ``fcr`` (resolved at first contact; NA when
unknown) and ``handoffs`` (between units; NA when the export cannot tell).

No case id, citizen id (not even its pseudonym), handler, activity, date or text leaves the case
log: the rows are built from the per-case table of the one case-log engine
(:func:`svcwork.journeys.analyse_log`, timing rules of :mod:`svcwork.caselog`), so every count and
Kaplan–Meier median taken from the record equals the journeys section's.  With it, optionally, the
Actions sheet's ids, status, due dates and links and the Recommendations sheet's ids and links
(the consultant's own words, no citizen data), so that the next report can say which actions were
done or opened since, and where each earlier recommendation stands.

:func:`record` builds a :class:`RoundRecord` from an engagement (or an already analysed log);
:func:`write_record` / :func:`read_record` keep it as parquet files in a folder (written
atomically; the settings that define the figures — deadline days, repeat-contact window, the log's
as-of time — in the parquet metadata).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

__all__ = ["CASE_COLUMNS", "ACTION_COLUMNS", "RECOMMENDATION_COLUMNS", "SCHEMA_VERSION", "FILES", "RoundRecord",
           "case_record", "actions_record", "recommendations_record", "record", "write_record", "read_record"]

#: The columns of the per-case record, in order.
CASE_COLUMNS = ("service_id", "channel", "unit", "month", "days", "open", "deadline_missed", "repeat", "fcr",
                "handoffs")
#: What a round keeps of the Actions and Recommendations sheets (ids, status, dates and links).
ACTION_COLUMNS = ("action_id", "status", "due_date", "service_id", "kpi_id")
RECOMMENDATION_COLUMNS = ("rec_id", "recommendation", "priority", "horizon", "service_id", "kpi_id", "action_id")
SCHEMA_VERSION = 1
#: The file of each part of a record in its folder.
FILES = {"cases": "cases.parquet", "actions": "actions.parquet", "recommendations": "recommendations.parquet"}
_META = b"svcwork.round"

_DTYPES = {"service_id": "string", "channel": "string", "unit": "string", "month": "string", "days": "float64",
           "open": "bool", "deadline_missed": "boolean", "repeat": "boolean", "fcr": "boolean", "handoffs": "Int64"}


@dataclass(frozen=True, eq=False)
class RoundRecord:
    """A round's compact record: ``cases`` (:data:`CASE_COLUMNS`, None without a case log),
    ``actions`` and ``recommendations`` (None without the sheet) and ``meta`` — the settings that
    define the case figures (``sla_days``, ``repeat_contact_days``, ``as_of``, ``per_event``,
    ``closure_known``, ``units_known``) and ``schema``."""

    cases: pd.DataFrame | None = None
    actions: pd.DataFrame | None = None
    recommendations: pd.DataFrame | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)


def case_record(log: Any) -> pd.DataFrame:
    """The per-case record of an analysed case log (:class:`svcwork.journeys.CaseLogAnalysis`):
    :data:`CASE_COLUMNS` only; ``frame.attrs`` holds the settings behind it (``sla_days``,
    ``repeat_contact_days``, ``as_of``, ``per_event``, ``closure_known``, ``units_known``)."""
    c = log.cases
    out = pd.DataFrame({
        "service_id": c["service_id"],
        "channel": c["channel"],
        "unit": c["unit"],
        "month": c["month"].astype("string"),
        "days": c["time_days"].astype("float64"),
        "open": ~c["finished"].astype(bool) & c["time_days"].notna(),  # undetermined (rule 5): not open
        "deadline_missed": c["sla_breach"],
        "repeat": c["repeat"],
        "fcr": c["fcr"],
        "handoffs": c["handoffs"],
    })
    out = _typed(out)
    out.attrs = {"sla_days": int(log.sla_days), "repeat_contact_days": _repeat_days(log),
                 "as_of": pd.Timestamp(log.as_of).isoformat(), "per_event": bool(log.per_event),
                 "closure_known": bool(log.closure_known), "units_known": bool(log.units_known)}
    return out


def _repeat_days(log: Any) -> int | None:
    days = getattr(log.repeats, "days", None)
    return None if days is None else int(days)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    for col, dtype in _DTYPES.items():
        if col in ("service_id", "channel", "unit", "month"):
            frame[col] = frame[col].astype("object").where(frame[col].notna(), None).astype("string")
        else:
            frame[col] = frame[col].astype(dtype)
    return frame[list(CASE_COLUMNS)]


def _sheet(engagement: Any, name: str, columns: tuple[str, ...]) -> pd.DataFrame | None:
    tables = getattr(engagement, "tables", {})
    if name not in tables:
        return None
    frame = engagement.table(name)
    if frame.empty:
        return None
    out = pd.DataFrame({c: frame[c] if c in frame.columns else pd.NA for c in columns})
    for c in columns:
        out[c] = pd.to_datetime(out[c]).astype("datetime64[ns]") if c == "due_date" else out[c].astype("string")
    return out.reset_index(drop=True)


def actions_record(engagement: Any) -> pd.DataFrame | None:
    """The Actions sheet's :data:`ACTION_COLUMNS` (status as the intake reads it: open, in progress,
    done, cancelled); None without the sheet."""
    return _sheet(engagement, "Actions", ACTION_COLUMNS)


def recommendations_record(engagement: Any) -> pd.DataFrame | None:
    """The Recommendations sheet's :data:`RECOMMENDATION_COLUMNS`; None without the sheet."""
    return _sheet(engagement, "Recommendations", RECOMMENDATION_COLUMNS)


def record(engagement: Any, *, log: Any = None) -> RoundRecord:
    """The compact record of one round of *engagement*: the per-case record (from *log*, an analysed
    case log, when the run has one already; else the engagement's case log is analysed with its
    deadline and repeat-contact settings), its actions and its recommendations."""
    if log is None and getattr(engagement, "has", lambda _: False)("cases"):
        from ..caselog import local_timezone
        from ..journeys import analyse_log

        s = engagement.settings
        log = analyse_log(engagement.cases, sla_days=int(s.sla_days), repeat_contact_days=int(s.repeat_contact_days),
                          timezone=local_timezone(s), lang=engagement.language)
    cases = case_record(log) if log is not None else None
    meta = {"schema": SCHEMA_VERSION, **(cases.attrs if cases is not None else {})}
    return RoundRecord(cases, actions_record(engagement), recommendations_record(engagement), meta)


def write_record(folder: str | Path, rec: RoundRecord) -> Path:
    """Write *rec* into *folder* (one parquet file per part present, :data:`FILES`), each atomically;
    the metadata rides in each file's parquet schema.  Returns the folder."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..paths import atomic_write_bytes

    target = Path(folder)
    meta = json.dumps({"schema": SCHEMA_VERSION, **dict(rec.meta)}, sort_keys=True, default=str).encode("utf-8")
    for part, name in FILES.items():
        frame = getattr(rec, part)
        path = target / name
        if frame is None:
            path.unlink(missing_ok=True)
            continue
        table = pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False)
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), _META: meta})
        buf = io.BytesIO()
        pq.write_table(table, buf)
        atomic_write_bytes(path, buf.getvalue())
    return target


def read_record(folder: str | Path) -> RoundRecord:
    """The record :func:`write_record` wrote into *folder* (parts absent: None; no file: an empty record)."""
    import pyarrow.parquet as pq

    parts: dict[str, pd.DataFrame | None] = {}
    meta: dict[str, Any] = {}
    for part, name in FILES.items():
        path = Path(folder) / name
        if not path.is_file():
            parts[part] = None
            continue
        table = pq.read_table(path)
        raw = (table.schema.metadata or {}).get(_META)
        if raw:
            meta.update(json.loads(raw.decode("utf-8")))
        frame = table.to_pandas()
        parts[part] = _typed(frame) if part == "cases" else frame
    cases = parts["cases"]
    if cases is not None:
        cases.attrs = {k: v for k, v in meta.items() if k != "schema"}
    return RoundRecord(cases, parts["actions"], parts["recommendations"], meta)
