"""A service, channel or unit whose case count the report hides (secondary suppression,
:meth:`svcwork.journeys.JourneysResult.hidden_groups`) is left out whole everywhere else: key figures,
the "pass every case on" sentence, pain points, the service standards of both sections, unit pages and
the comparison with the previous round (review 2 "one story", defects 1–5 and 11).

The client is northfield-licensing with its case log changed as the reviewer changed it (nothing else):
L07 cut to 5 cases (so L05, 85 cases, is hidden to protect it), 4 web cases of L02 moved to ``app`` (so
``email`` is hidden), 4 cases of Licensing Operations moved to a "Tiny Unit" (so a larger unit is hidden);
in the second variant Compliance and Enforcement is merged into Licensing Operations, so the unit hidden
to protect Tiny Unit is Driver Medical Unit, one of the units that close none of their cases themselves.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import svcwork
from svcwork import journeys, measures

ROOT = Path(__file__).resolve().parents[1]
DIMS = ("service_id", "channel", "unit")


def _variant(folder: Path, *, merge_compliance: bool) -> Path:
    shutil.copytree(ROOT / "data" / "clients" / "northfield-licensing", folder)
    path = folder / "cases.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    first = df.groupby("case_id", sort=False).first()
    l07 = [c for c in first.index if first.loc[c, "service_id"] == "L07"]
    df.loc[df["case_id"].isin(l07[5:]), "service_id"] = "L06"  # L07: 5 cases
    web = [c for c in first.index if first.loc[c, "channel"] == "web" and first.loc[c, "service_id"] == "L02"][:4]
    df.loc[df["case_id"].isin(web), "channel"] = "app"  # app: 4 cases
    units = df.groupby("case_id")["unit"].agg(set)
    lo = [c for c in first.index if units[c] == {"Licensing Operations"} and c not in web][:4]
    df.loc[df["case_id"].isin(lo), "unit"] = "Tiny Unit"  # Tiny Unit: 4 cases
    if merge_compliance:
        df.loc[df["unit"] == "Compliance and Enforcement", "unit"] = "Licensing Operations"
    df.to_csv(path, index=False)
    return folder


@pytest.fixture(scope="module", params=["small", "unit"])
def client(request, tmp_path_factory):
    folder = _variant(tmp_path_factory.mktemp("hidden") / f"nf-{request.param}",
                      merge_compliance=request.param == "unit")
    eng = svcwork.load(folder)
    res = journeys.analyse(eng)
    hidden = {d: {str(g) for g in res.hidden_groups(d)} for d in DIMS}
    counts = {d: res.log.cases[d].dropna().astype(str).value_counts() for d in DIMS}
    m = res.min_group_size
    # the point of the client: in every dimension a group of at least the minimum is hidden (secondary)
    for d in DIMS:
        assert any(counts[d][g] >= m for g in hidden[d]), (d, hidden[d])
    assert "L05" in hidden["service_id"] and "email" in hidden["channel"]
    return request.param, eng, res, hidden, counts


def test_one_definition_of_the_hidden_groups(client):
    from svcwork.journeys.analysis import hidden_groups, hidden_groups_of_events

    _, eng, res, hidden, _ = client
    assert {d: set(v) for d, v in hidden_groups(res.log, res.min_group_size).items()} == hidden
    assert {d: set(v) for d, v in hidden_groups_of_events(eng.cases, res.min_group_size).items()} == hidden


def test_no_key_figure_of_a_hidden_group(client):
    _, _, res, hidden, _ = client
    figs = res.key_figures()
    groups = {f.key.rsplit(".", 1)[0] for f in figs if f.item and f.key.endswith("." + f.item)}
    assert "journeys.cases" in groups and "journeys.unit_cases" in groups  # the shown groups keep theirs
    for f in figs:
        for d in ("service_id", "unit"):
            assert f.item not in hidden[d], (f.key, f.value)
            assert not any(f.key.endswith("." + g) for g in hidden[d]), f.key
    # and so neither summary.json's key figures nor a recommendation's evidence can quote one
    from svcwork.journeys.figures import figures_of

    keys = set(figures_of(res))
    assert not {f"journeys.cases.{g}" for g in hidden["service_id"]} & keys
    assert not {f"journeys.median_case_days.{g}" for g in hidden["service_id"]} & keys
    assert not {f"journeys.unit_cases.{g}" for g in hidden["unit"]} & keys


def test_the_pass_on_sentence_names_no_hidden_unit(client):
    from svcwork.journeys.figures import figures_of, pass_on_units

    name, _, res, hidden, counts = client
    cases = res.log.cases.loc[res.log.cases["unit"].notna()]
    passing = set()
    for unit, g in cases.groupby("unit"):
        closed = g["closed"].fillna(False).astype(bool)
        if closed.any() and not (closed & (g["handoffs"].fillna(0) == 0)).any():
            passing.add(str(unit))
    if name == "unit":  # Driver Medical Unit passes every case on and is hidden to protect Tiny Unit
        assert "Driver Medical Unit" in passing & hidden["unit"]
    units = pass_on_units(res)
    assert units and not {u for u, _ in units} & hidden["unit"]
    f = figures_of(res)
    assert f["journeys.pass_on_cases"].value == sum(c for _, c in units)  # the total covers the units named only
    assert f["journeys.pass_on_units"].value == len(units)
    sentence = [s for s in res.findings("en") if "close none of the cases" in s or "closes none of the cases" in s]
    assert len(sentence) == 1
    for unit in hidden["unit"]:
        assert unit not in sentence[0]


def test_no_pain_point_quotes_a_hidden_service(client):
    from svcwork.journeys.pains import journey_cases

    _, eng, res, hidden, counts = client
    assert res.callouts  # the other journeys keep their numbers
    for (journey, _), (_, _, total) in res.callouts.items():
        jc = journey_cases(journey, res.services, res.log.cases)
        assert not set(jc["service_id"].dropna().astype(str)) & hidden["service_id"], journey
    # the premises-licence journey (L05's cases) keeps its pain points with their evidence, without a number
    table = res.tables("en")["pain_points"]
    rows = table.loc[table.iloc[:, 0] == "Applying for a premises licence"]
    assert len(rows) and (rows.iloc[:, -1] == "").all()
    hidden_n = {int(counts["service_id"][g]) for g in hidden["service_id"]}
    for text in table.iloc[:, -1]:
        assert not any(f"of {n:,} cases" in text for n in hidden_n if n not in
                       {int(v) for k, v in counts["service_id"].items() if k not in hidden["service_id"]}), text


def _standards_rows_clean(frame: pd.DataFrame, hidden: dict[str, set[str]], min_size: int) -> None:
    counted = frame.loc[frame["n"].notna()] if "checkable" in frame else frame
    services = {s.casefold() for s in hidden["service_id"]}
    assert not counted["service_id"].astype(str).str.casefold().isin(services).any()
    assert not counted["channel"].astype(str).isin(hidden["channel"]).any()
    # within a commitment, the all-channels row less the channels shown is never one channel's count alone
    for _, part in counted.groupby(["service_id", "measure", "target"]):
        star = part.loc[part["channel"] == "*"]
        if len(star) and (part["channel"] != "*").any():
            rest = float(star["n"].iloc[0]) - float(part.loc[part["channel"] != "*", "n"].sum())
            assert rest == 0 or rest >= min_size, part


def test_service_standards_of_both_sections_leave_hidden_groups_out(client):
    _, eng, res, hidden, _ = client
    checked = res.standards_checked
    assert len(checked) and (checked["service_id"] != "*").any()  # a service's own commitments are shown
    _standards_rows_clean(checked, hidden, res.min_group_size)
    m = measures.analyse(eng, n_boot=0)
    assert m.standards_available and len(m.standards)
    _standards_rows_clean(m.standards, hidden, res.min_group_size)
    standard = [f for f in m.key_figures() if f.table == "service_standards"]
    assert standard and not [f.key for f in standard if "L05" in f.key or "email" in f.key]
    # the same hidden groups passed or computed from the log: the same table
    got = measures.standards_share(eng.cases, eng.table("Standards"), default_resolution_days=eng.settings.sla_days,
                                   min_group_size=res.min_group_size,
                                   hidden={d: res.hidden_groups(d) for d in DIMS})
    pd.testing.assert_frame_equal(got, m.standards)


def test_unit_pages_give_no_hidden_units_count(client):
    from svcwork import management
    from svcwork.unit_signals import manager_packs, unit_cases

    _, eng, res, hidden, counts = client
    got = unit_cases(eng, journeys_result=res)
    assert got and not set(got) & hidden["unit"]
    assert unit_cases(eng) == got  # the same without the journeys result at hand
    # no subtraction gives a hidden unit's count back: the total less the pages' counts is no single unit's
    rest = res.log.n_cases - sum(c.cases for c in got.values())
    assert rest >= res.min_group_size
    assert rest not in {int(counts["unit"][u]) for u in hidden["unit"]}
    packs = manager_packs(eng, management.analyse(eng), lang="en", measures_result=measures.analyse(eng, n_boot=0),
                          journeys_result=res)
    for pack in packs:
        if pack.unit in hidden["unit"]:
            assert pack.cases is None and not pack.case_lines("en")
            assert pack.has_content  # the page is still made: its actions, KPIs and survey results
        for fig in pack.case_figures():
            assert fig.item not in hidden["unit"]


def test_the_comparison_with_the_previous_round_leaves_hidden_services_out(client):
    from svcwork.since import Round, compare
    from svcwork.since.cases import case_record

    _, eng, res, hidden, counts = client
    figures = {f.key: f.as_record() for f in res.key_figures()}
    rec = case_record(res.log)
    summary = {"period": {"start": "2025-04-01", "end": "2026-09-30"}, "report_date": "2026-09-30",
               "language": "en", "key_figures": figures}
    previous = {"period": {"start": "2024-04-01", "end": "2025-03-31"}, "report_date": "2025-03-31",
                "language": "en", "key_figures": figures}
    since = compare(Round(summary, rec), Round(previous, rec), top_services=20, n_boot=20)
    rows = since.rows.loc[since.rows["item"].notna()]
    assert len(rows)  # the shown services are compared
    # a service hidden to protect another has no row; one under the minimum is named with its numbers withheld
    large = {g for g in hidden["service_id"] if counts["service_id"][g] >= res.min_group_size}
    assert large and not set(rows["item"].astype(str)) & large
    assert not any(k.endswith("." + g) for k in since.rows["figure"] for g in large)
    small = rows.loc[rows["item"].astype(str).isin(hidden["service_id"])]
    assert (small["verdict"] == "suppressed").all()
    assert small[["previous", "current", "change", "low", "high", "base_previous", "base_current"]].isna().all().all()
