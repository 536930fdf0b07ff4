"""The compact record a round keeps for the next (svcwork.since.cases): only what the comparison needs,
no identifiers, and the journeys section's own numbers back from it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from svcwork.caselog import local_timezone
from svcwork.journeys import analyse_log
from svcwork.journeys.survival import km_quantiles
from svcwork.since.cases import (ACTION_COLUMNS, CASE_COLUMNS, FILES, RoundRecord, case_record, read_record, record,
                                 write_record)

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = ROOT / "data" / "clients"


def _log() -> pd.DataFrame:
    t0 = pd.Timestamp("2026-01-05 09:00", tz="UTC")
    day = pd.Timedelta(days=1)
    rows = [
        # case, activity, days after t0, unit, citizen, service, channel
        ("C1", "received", 0, "Desk", "ID-111", "S1", "web"), ("C1", "closed", 2, "Desk", "ID-111", "S1", "web"),
        ("C2", "received", 1, "Desk", "ID-222", "S1", "counter"), ("C2", "review", 3, "Back office", "ID-222", "S1",
                                                                   "counter"),
        ("C2", "closed", 12, "Back office", "ID-222", "S1", "counter"),
        ("C3", "received", 4, "Desk", "ID-111", "S2", "phone"), ("C3", "closed", 5, "Desk", "ID-111", "S2", "phone"),
        ("C4", "received", 20, "Desk", "ID-333", "S2", "web"),
        ("C4", "review", 21, "Back office", "ID-333", "S2", "web"),
        ("C5", "received", 2, "Desk", "ID-444", "S1", "web"), ("C5", "review", 9, "Desk", "ID-444", "S1", "web"),
        ("C6", "received", 3, "Desk", None, "S2", "web"), ("C6", "closed", 4, "Desk", None, "S2", "web"),
        ("C7", "received", 22, "Desk", "ID-555", "S1", "web"), ("C7", "closed", 23, "Desk", "ID-555", "S1", "web"),
    ]
    frame = pd.DataFrame(rows, columns=["case_id", "activity", "d", "unit", "citizen_id", "service_id", "channel"])
    frame["timestamp"] = t0 + frame.pop("d") * day
    frame["resource"] = "clerk-" + frame["case_id"]
    return frame


def test_the_record_holds_only_what_the_comparison_needs():
    log = analyse_log(_log(), sla_days=5, repeat_contact_days=7)
    rec = case_record(log)
    assert tuple(rec.columns) == CASE_COLUMNS
    assert len(rec) == log.n_cases == 7
    text = rec.astype("string").to_csv()
    for secret in ("ID-111", "ID-222", "C1", "clerk", "2026-01-05", "received", "closed"):
        assert secret not in text, secret
    assert set(rec["month"].dropna()) == {"2026-01"}
    assert rec.attrs["sla_days"] == 5 and rec.attrs["repeat_contact_days"] == 7 and rec.attrs["per_event"]


def test_the_record_gives_back_the_journeys_numbers():
    log = analyse_log(_log(), sla_days=5, repeat_contact_days=7)
    rec = case_record(log)
    expected = [np.nan if v is None else v for v in (log.time_quantile(0.5), log.time_quantile(0.9))]
    assert np.array_equal(km_quantiles(rec["days"], ~rec["open"]), expected, equal_nan=True)
    assert np.isfinite(expected[0])
    assert rec["open"].sum() == log.n_open == 2  # C4, C5
    assert rec["deadline_missed"].dropna().mean() == pytest.approx(log.rate("sla_breach"))
    assert rec["repeat"].dropna().mean() == pytest.approx(log.repeats.rate)
    assert rec["fcr"].dropna().mean() == pytest.approx(log.fcr)
    assert rec["handoffs"].mean() == pytest.approx(log.handoffs.per_case_mean)
    assert rec["repeat"].isna().sum() == 1  # C6 has no citizen id: unknown, not "no"
    by_service = rec.groupby("service_id").size().to_dict()
    assert by_service == {"S1": 4, "S2": 3}


def test_the_record_survives_parquet_with_its_settings(tmp_path):
    log = analyse_log(_log(), sla_days=5, repeat_contact_days=7)
    actions = pd.DataFrame({"action_id": ["A1", "A2"], "status": ["done", "open"],
                            "due_date": pd.to_datetime(["2026-02-01", "2026-03-01"]), "service_id": ["S1", None],
                            "kpi_id": [None, "K1"]}).astype({c: "string" for c in ("action_id", "status", "service_id",
                                                                                    "kpi_id")})
    rec = RoundRecord(case_record(log), actions, None, {"schema": 1, **case_record(log).attrs})
    write_record(tmp_path, rec)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([FILES["cases"], FILES["actions"]])
    back = read_record(tmp_path)
    pd.testing.assert_frame_equal(back.cases, rec.cases)
    pd.testing.assert_frame_equal(back.actions, actions)
    assert back.recommendations is None
    assert back.cases.attrs["sla_days"] == 5 and back.meta["schema"] == 1
    # a part no longer present is removed when the record is written again
    write_record(tmp_path, RoundRecord(rec.cases, None, None, rec.meta))
    assert read_record(tmp_path).actions is None
    empty = read_record(tmp_path / "missing")
    assert (empty.cases, empty.actions, empty.recommendations, dict(empty.meta)) == (None, None, None, {})


def test_a_demo_engagement_keeps_its_record_and_its_median():
    import svcwork

    engagement = svcwork.load(CLIENTS / "northfield-licensing")
    rec = record(engagement)
    s = engagement.settings
    log = analyse_log(engagement.cases, sla_days=int(s.sla_days), repeat_contact_days=int(s.repeat_contact_days),
                      timezone=local_timezone(s))
    assert km_quantiles(rec.cases["days"], ~rec.cases["open"]) == (log.time_quantile(0.5), log.time_quantile(0.9))
    assert rec.cases["deadline_missed"].dropna().mean() == log.rate("sla_breach")
    assert tuple(rec.actions.columns) == ACTION_COLUMNS and rec.actions["status"].isin(
        ["open", "in progress", "done", "cancelled"]).all()
    assert {"rec_id", "action_id"} <= set(rec.recommendations.columns)
    assert rec.meta["sla_days"] == s.sla_days
    # no pseudonym of a citizen or handler reaches the record
    pseudonyms = set(engagement.cases["citizen_id"].dropna().astype(str)) | \
        set(engagement.cases.get("resource", pd.Series(dtype="string")).dropna().astype(str))
    stored = set(rec.cases.astype("string").stack().dropna().astype(str))
    assert not (pseudonyms & stored)
