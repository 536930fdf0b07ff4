"""The journeys analysis of one engagement (svcwork.journeys.analysis, .result): the summary, what is
skipped without cases, journeys or channels, and the package layout.  The engagement built here
(``client``: 53 cases, deterministic, answers worked out in the comments) is shared by the other
journeys tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import english_sheets, write_xlsx
from svcwork import load
from svcwork.i18n import t
from svcwork.journeys.analysis import analyse


JOURNEY_HEADER = ["journey", "step", "stage", "touchpoint", "channel", "unit", "emotion", "pain_point",
                  "moment_of_truth", "backstage", "evidence"]


def journey_rows() -> list[list[object]]:
    name = "Applying for a parking permit"
    return [
        JOURNEY_HEADER,
        [name, 1, "Learn", "Reads the website", "web", "Parking", 1, None, "no", "CMS", "partial"],
        [name, 2, "Apply", "Online form", "web", "Parking", 0, "Missing documents: the form comes back", "no",
         "Permit system", "partial"],
        [name, 3, "Wait", "Waits for a decision", "web", "Parking", -2, "Long wait for a decision", "yes",
         "Back office", "data"],
        [name, 4, "Wait", "Is sent to another department", "phone", "Revenue", -1, "Passed between units", "no",
         "Revenue", "data"],
        [name, 5, "Receive", "Gets the permit", "mail", "Parking", 2, None, "yes", "Print shop", None],
        [name, 6, "Receive", "Calls the centre", "phone", "Call centre", -1, "Long wait on the phone line", "no",
         None, "partial"],
    ]


def cases_csv(path: Path) -> None:
    """53 cases, deterministic.  S1 (i < 30, "Parking permit"), S2 (30 <= i < 50), S3 (i >= 50, only 3 cases:
    below min_group_size 5, as are its unit "Tiny unit" and its channel "kiosk").  Case i opens 12 h after
    case i-1, closes 3 + i % 20 days after opening (breach of the 14-day default when i % 20 >= 12).
    S1 cases with i % 4 == 0 are handed Parking → Revenue → Parking.  Citizens are clear ids, two cases
    each (the second case of each pair is a repeat contact)."""
    lines = ["case_id,activity,timestamp,channel,unit,citizen_id,service_id"]
    for i in range(53):
        sid = "S1" if i < 30 else "S2" if i < 50 else "S3"
        channel = "kiosk" if sid == "S3" else ("counter" if sid == "S2" or i % 3 == 0 else "web")
        unit = {"S1": "Parking", "S2": "Revenue", "S3": "Tiny unit"}[sid]
        citizen = f"ID-{300000000 + i // 2}"
        start = dt.datetime(2026, 1, 1, 8) + dt.timedelta(hours=12 * i)
        events = [("Received", start, unit), ("Handled", start + dt.timedelta(hours=1), unit)]
        if sid == "S1" and i % 4 == 0:
            events += [("Transferred", start + dt.timedelta(hours=2), "Revenue"),
                       ("Returned", start + dt.timedelta(days=1), "Parking")]
        if sid == "S3":
            events.append(("Transferred", start + dt.timedelta(hours=2), "Revenue"))
        events.append(("Closed", start + dt.timedelta(days=3 + i % 20), unit if sid != "S3" else "Revenue"))
        for activity, when, u in events:
            lines.append(f"C{i:03d},{activity},{when:%Y-%m-%d %H:%M},{channel},{u},{citizen},{sid}")
    path.write_text("\n".join(lines) + "\n")


@pytest.fixture
def client(tmp_path: Path) -> Path:
    folder = tmp_path / "example-agency"
    sheets = english_sheets()
    sheets["Journey"] = journey_rows()
    sheets["Standards"] = [["service_id", "measure", "target", "channel"], ["*", "resolution_days", 14, "*"],
                           ["S1", "first_response_days", 1, "web"]]
    write_xlsx(folder / "intake.xlsx", sheets)
    cases_csv(folder / "cases.csv")
    return folder


def _cells(tables: dict[str, pd.DataFrame]) -> str:
    parts = []
    for name, table in tables.items():
        parts.append(name)
        parts.extend(map(str, table.columns))
        parts.extend(map(str, table.index))
        parts.extend(str(v) for v in table.to_numpy().ravel())
    return "\n".join(parts)


def test_engagement_summary_is_plain_json_with_the_issue_keys(client):
    res = analyse(load(client))
    s = res.summary()
    json.dumps(s, allow_nan=False)
    assert set(s) == {"journey", "channels"}
    assert set(s["journey"]) == {"cases", "events", "closed_cases", "open_cases", "variants", "top_variant_share",
                                 "median_case_days", "p90_case_days", "sla_breach_rate", "handoffs_per_case",
                                 "repeat_contact_rate", "fcr", "top_handoffs", "not_measurable"}
    assert set(s["channels"]) == {"frontal_services", "frontal_without_digital"}
    j = s["journey"]
    assert j["cases"] == 53 and j["events"] == 3 * 53 + 2 * 8 + 3  # 8 S1 transfers (i % 4 == 0, i < 30), 3 in S3
    assert (j["closed_cases"], j["open_cases"]) == (53, 0)  # every case has its "Closed" event
    # breach: 3 + i % 20 > 14  <=>  i % 20 >= 12: i in 12..19, 32..39 and 52 -> 17 of 53
    assert j["sla_breach_rate"] == pytest.approx(round(17 / 53, 4))
    # repeat: the second case of each citizen's pair (odd i, opened 12 h later): 26 of 53
    assert j["repeat_contact_rate"] == pytest.approx(round(26 / 53, 4))
    # hand-offs: 8 S1 cases × 2 (Parking→Revenue→Parking) + 3 S3 cases × 1 = 19
    assert j["handoffs_per_case"] == pytest.approx(round(19 / 53, 4))
    assert j["top_handoffs"] == [{"from": "Parking", "to": "Revenue", "count": 8},
                                 {"from": "Revenue", "to": "Parking", "count": 8}]
    # FCR: closed, no hand-off, not part of a repeat pair — every case is in a pair except i = 52 (S3, handed off)
    assert j["fcr"] == 0.0
    assert s["channels"] == {"frontal_services": ["S1", "S2"], "frontal_without_digital": ["S2"]}
    assert res.findings("en") and all(isinstance(x, str) for x in res.findings("he"))
    assert 1 <= len(res.findings("en")) <= 5


def test_without_cases_journey_maps_and_channel_parity_still_work(tmp_path):
    folder = tmp_path / "no-cases"
    sheets = english_sheets()
    sheets["Journey"] = journey_rows()
    write_xlsx(folder / "intake.xlsx", sheets)
    res = analyse(load(folder))
    assert res.available and not res.cases_available
    assert set(res.figures("en")) == {"journey_map_1", "channel_parity"}
    assert set(res.tables("he")) == {"channel_parity", "pain_points"}
    s = res.summary()
    json.dumps(s, allow_nan=False)
    assert s["journey"]["cases"] is None and s["journey"]["top_handoffs"] == []
    assert s["channels"]["frontal_without_digital"] == ["S2"]
    assert t("journeys.skipped.cases", "he") in res.skipped("he")
    assert res.findings("en")


def test_with_an_empty_journey_sheet_and_no_channels(tmp_path):
    folder = tmp_path / "only-cases"
    sheets = english_sheets()
    sheets["Journey"] = [JOURNEY_HEADER]
    del sheets["Channels"]
    write_xlsx(folder / "intake.xlsx", sheets)
    cases_csv(folder / "cases.csv")
    res = analyse(load(folder))
    assert res.cases_available and not res.journeys_available and not res.channels_available
    figs = res.figures("en")
    assert not any(k.startswith("journey_map") for k in figs) and "channel_parity" not in figs
    assert "pain_points" not in res.tables("en")
    assert res.summary()["channels"] == {"frontal_services": [], "frontal_without_digital": []}
    assert t("journeys.skipped.journey", "en") in res.skipped("en")
    for f in figs.values():
        f.clear()


def test_nothing_to_analyse_says_so(tmp_path):
    folder = tmp_path / "bare"
    sheets = english_sheets()
    del sheets["Channels"]
    write_xlsx(folder / "intake.xlsx", sheets)
    res = analyse(load(folder))
    assert not res.available and res.skipped("he") == t("journeys.skipped.all", "he")
    assert res.tables("en") == {} and res.figures("en") == {} and res.findings("en") == []


def test_the_package_never_imports_pm4py():
    import subprocess
    import sys

    code = ("import sys, svcwork, svcwork.journeys as j; j.variants; "
            "assert not any(m == 'pm4py' or m.startswith('pm4py.') for m in sys.modules), 'pm4py imported'")
    subprocess.run([sys.executable, "-c", code], check=True)
    import svcwork.journeys as package

    for path in Path(package.__file__).parent.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import pm4py" not in source and "from pm4py" not in source, path.name


# =========================================================================== the package layout
SECTIONS = {"log": {"load_cases", "case_durations", "analyse_log", "CaseLogAnalysis"},
            "variants": {"variants", "Variants"}, "dfg": {"directly_follows", "DirectlyFollows"},
            "handoffs": {"handoffs", "Handoffs"}, "repeats": {"repeat_contacts", "RepeatContacts"},
            "quality": {"data_quality", "DataQuality"}, "capability": {"breakdown", "capability_table"},
            "standards": {"standards_by_channel", "standards_consistency", "StandardsConsistency"},
            "parity": {"channel_parity", "ChannelParity"}, "pains": {"pain_points"},
            "result": {"JourneysResult"}, "analysis": {"analyse"}, "maps": {"journey_map", "process_map"}}


def test_the_package_exports_each_name_from_its_section():
    import importlib

    import svcwork.journeys as package

    assert set(package.__all__) == set().union(*SECTIONS.values())
    for module, names in SECTIONS.items():
        section = importlib.import_module(f"svcwork.journeys.{module}")
        for name in names:
            assert getattr(package, name) is getattr(section, name), (module, name)


def test_computation_modules_hold_no_presentation():
    # the house rule of the analysis packages: numbers in the computation modules; words, tables and charts in
    # present, plots and maps; every module a size a person reads in one sitting
    import svcwork.journeys as package

    folder = Path(package.__file__).parent
    presentation = {"present", "present_words", "plots", "maps"}  # present_words: findings, takeaways, methods
    computation = [p for p in folder.glob("*.py") if p.stem not in presentation | {"__init__"}]
    assert {p.stem for p in computation} >= set(SECTIONS) - {"maps"}
    for path in computation:
        source = path.read_text(encoding="utf-8")
        for marker in ("matplotlib", "import charts", "charts.", "journeys.col.", "journeys.fig.", "journeys.finding.",
                       "journeys.pain.", "fmt_percent", "translate(", "<table"):
            assert marker not in source, (path.name, marker)
    for path in folder.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 900, path.name


def test_capability_tables_are_computed_once_and_handed_out_as_copies(client):
    from svcwork.journeys import capability_table
    from svcwork.privacy import suppress

    res = analyse(load(client))
    first = res.capability_by("service_id")
    # one month (January 2026): S3 (3 cases) hidden, and S2 (20) with it, else 53 - 30 - 20 gives S3 (review2 §4)
    full = capability_table(res.log.cases, by="service_id")
    reference = suppress(full.loc[full["service_id"] == "S1"], count="cases", min_size=res.min_group_size)
    pd.testing.assert_frame_equal(first, reference.reset_index(drop=True))
    first["cases"] = -1  # a caller changing its table changes nobody else's
    pd.testing.assert_frame_equal(res.capability_by("service_id"), reference.reset_index(drop=True))
    # each table computed once: by service, channel, unit, none (the months), and what is hidden of them
    assert "service_id" in res._capability
    assert set(res._capability) <= {"service_id", "channel", "unit", None, ("protected",)}
