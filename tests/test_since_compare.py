"""Two rounds compared (svcwork.since.compare): planted improvements, a planted deterioration and pure
noise get the right verdicts; KPIs need a run on the control chart; the plan since; notes."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from svcwork.errors import AnalysisError
from svcwork.since import Round, RoundRecord, compare, write_record
from svcwork.since.cases import CASE_COLUMNS

#: The planted rounds are drawn once, with this seed.  Each pure-noise figure is called a change in about
#: one draw in twenty (the 95% level; test_since_stats checks that rate): this seed's draws are not among them.
SEED = 1


def kf(key, value, kind, *, base=None, base_of=None, low=None, high=None, item=None):
    return {"key": key, "value": value, "kind": kind, "section": key.split(".")[0], "base": base, "base_of": base_of,
            "low": low, "high": high, "table": None, "item": item}


def _share(key, hits, n, item=None, base_of="responses"):
    return kf(key, hits / n, "share", base=n, base_of=base_of, item=item)


def _mean_fig(key, x, item):
    from scipy import stats

    half = stats.t.ppf(0.975, len(x) - 1) * x.std(ddof=1) / math.sqrt(len(x))
    return kf(key, float(x.mean()), "mean", base=len(x), base_of="scores", low=float(x.mean() - half),
              high=float(x.mean() + half), item=item)


def _cases(rng, n, *, scale, missed, services=("S1", "S2"), weights=(0.6, 0.4)):
    days = scale * rng.lognormal(2.3, 0.7, n)
    age = np.where(rng.random(n) < 0.1, rng.uniform(0, 40, n), np.inf)
    out = pd.DataFrame({
        "service_id": rng.choice(services, n, p=weights), "channel": rng.choice(["web", "counter"], n),
        "unit": rng.choice(["Desk", "Back office"], n), "month": "2026-01", "days": np.minimum(days, age),
        "open": days > age, "deadline_missed": rng.random(n) < missed, "repeat": rng.random(n) < 0.10,
        "fcr": rng.random(n) < 0.45, "handoffs": rng.poisson(0.6, n)})
    return out.astype({"service_id": "string", "channel": "string", "unit": "string", "month": "string",
                       "deadline_missed": "boolean", "repeat": "boolean", "fcr": "boolean", "handoffs": "Int64"})


def _round(rng, *, start, end, satisfaction, ease, scale, missed, deadline_days=14, kpis=(), actions=None,
           priorities=(), wave_1=(), recs=None, summary_actions=None, observed=0.0):
    n = 900
    figures = [
        *(kf(f"measures.kpi_last.{k['kpi_id']}", k["last"], "share" if k["last"] <= 1 else "number",
             item=k["kpi_id"]) for k in kpis),
        _share("measures.item.satisfaction", int(rng.binomial(n, satisfaction)), n, "satisfaction"),
        _share("measures.item.trust", int(rng.binomial(n, 0.50)), n, "trust"),  # pure noise: the same share twice
        _share("measures.item.ease", int(rng.binomial(n, ease)), n, "ease"),
        kf("journeys.deadline_days", deadline_days, "count"),
        kf("management.min_group_size", 10, "count"),
        _mean_fig("management.item_mean.listening", rng.normal(3.6 + observed, 0.8, 70), "listening"),
    ]
    answers = rng.multinomial(800, [0.30, 0.40, 0.30])
    figures += [kf("measures.nps", 100 * (answers[0] - answers[1]) / 800, "nps", base=800, base_of="respondents"),
                _share("measures.promoters", answers[0], 800, base_of="respondents"),
                _share("measures.detractors", answers[1], 800, base_of="respondents")]
    summary = {"period": {"start": start, "end": end}, "report_date": end, "language": "en",
               "key_figures": {f["key"]: f for f in figures}, "kpis": list(kpis), "priorities": list(priorities),
               "wave_1": list(wave_1), "actions": summary_actions or {}}
    return Round(summary, _cases(rng, 1500, scale=scale, missed=missed), actions, recs)


def _action_frame(rows):
    frame = pd.DataFrame(rows, columns=["action_id", "status", "due_date", "service_id", "kpi_id"])
    frame["due_date"] = pd.to_datetime(frame["due_date"])
    return frame.astype({c: "string" for c in ("action_id", "status", "service_id", "kpi_id")})


def _pair(**current_options):
    rng = np.random.default_rng(SEED)
    previous = _round(rng, start="2025-07-01", end="2025-12-31", satisfaction=0.52, ease=0.64, scale=1.0, missed=0.20,
                      kpis=[{"kpi_id": "N01", "last": 0.70, "period": "2025-12", "signals": []},
                            {"kpi_id": "N02", "last": 11.0, "period": "2025-12", "signals": []},
                            {"kpi_id": "N03", "last": 40.0, "period": "2025-12", "signals": []},
                            {"kpi_id": "N04", "last": 0.80, "period": "2025-12", "signals": []}],
                      actions=_action_frame([("A1", "open", "2026-02-01", "S1", None),
                                             ("A2", "in progress", "2026-05-01", "S2", None),
                                             ("A3", "done", "2025-11-01", None, "N01")]),
                      priorities=[{"service_id": "S1", "rank": 1, "wave": 1, "survey_signal": 0.40, "score": 0.8},
                                  {"service_id": "S2", "rank": 2, "wave": 1, "survey_signal": 0.30, "score": 0.7},
                                  {"service_id": "S3", "rank": 3, "wave": 2, "survey_signal": 0.20, "score": 0.5}],
                      wave_1=["S1", "S2"],
                      recs=pd.DataFrame({"rec_id": ["R1", "R2", "R3", "R4"], "action_id": ["A1", "A2", None, "A9"],
                                         "service_id": ["S1", "S2", None, None], "priority": ["high"] * 4}),
                      summary_actions={"done": 1, "open": 2, "overdue": 0, "total": 3, "cancelled": 0})
    options = dict(
        start="2026-01-01", end="2026-06-30", satisfaction=0.64, ease=0.52, scale=0.75, missed=0.28,
        kpis=[{"kpi_id": "N01", "last": 0.78, "period": "2026-06", "status": "improved", "shift_period": "2026-03",
               "signals": [{"period": "2025-09", "rule": 1}, {"period": "2026-05", "rule": 4, "direction": "better"}]},
              {"kpi_id": "N02", "last": 10.0, "period": "2026-06", "status": "improved",
               "signals": [{"period": "2026-06", "rule": 1, "direction": "better"}]},
              {"kpi_id": "N03", "last": 35.0, "period": "2026-06", "status": "improved",
               "signals": [{"period": "2025-08", "rule": 2, "direction": "better"}]},
              {"kpi_id": "N04", "last": 0.70, "period": "2026-06", "status": "deteriorated",
               "signals": [{"period": "2026-04", "rule": 2}]}],
        actions=_action_frame([("A1", "done", "2026-02-01", "S1", None),
                               ("A2", "in progress", "2026-05-01", "S2", None),
                               ("A3", "done", "2025-11-01", None, "N01"), ("A4", "open", "2026-09-01", "S3", None)]),
        priorities=[{"service_id": "S2", "rank": 1, "wave": 1, "survey_signal": 0.45, "score": 0.8},
                    {"service_id": "S1", "rank": 2, "wave": 1, "survey_signal": 0.40, "score": 0.7},
                    {"service_id": "S3", "rank": 3, "wave": 1, "survey_signal": 0.20, "score": 0.5,
                     "deferred_reason": None}],
        summary_actions={"done": 3, "open": 2, "overdue": 1, "total": 4, "cancelled": 0})
    options.update(current_options)
    current = _round(rng, **options)
    return current, previous


@pytest.fixture(scope="module")
def since():
    current, previous = _pair()
    return compare(current, previous, top_services=2)


def _verdict(since, figure):
    r = since.row(figure)
    assert r is not None, figure
    return r["verdict"]


def test_planted_improvements_deterioration_and_noise_get_their_verdicts(since):
    assert _verdict(since, "measures.item.satisfaction") == "better"    # planted: 52% → 64%
    assert _verdict(since, "measures.item.ease") == "worse"             # planted: 64% → 52%
    assert _verdict(since, "measures.item.trust") == "no_change"        # pure noise: 50% both times
    assert _verdict(since, "measures.nps") == "no_change"               # pure noise
    assert _verdict(since, "journeys.median_case_days") == "better"     # planted: 25% faster
    assert _verdict(since, "journeys.median_case_days.S1") == "better"
    assert _verdict(since, "journeys.deadline_missed") == "worse"       # planted: 20% → 28%
    for noise in ("journeys.repeat_contact", "journeys.fcr", "journeys.handoffs_per_case",
                  "management.item_mean.listening"):
        assert _verdict(since, noise) == "no_change", noise


def test_each_row_states_its_interval_method_and_units(since):
    sat = since.row("measures.item.satisfaction")
    assert sat["method"] == "newcombe" and sat["change_kind"] == "points"
    assert sat["change"] == pytest.approx(100 * (sat["current"] - sat["previous"]))
    assert sat["low"] < sat["change"] < sat["high"] and sat["base_previous"] == sat["base_current"] == 900
    assert since.row("measures.nps")["method"] == "nps_trinomial"
    med = since.row("journeys.median_case_days")
    assert med["method"] == "bootstrap" and med["change_kind"] == "days" and med["high"] < 0
    assert since.row("journeys.handoffs_per_case")["method"] == "welch"
    assert since.row("management.item_mean.listening")["method"] == "welch"
    assert {r for r in since.rows["group"]} >= {"survey", "nps", "journey", "kpi", "observations", "actions"}


def test_a_kpi_change_is_real_only_with_a_run_after_the_previous_report(since):
    assert _verdict(since, "measures.kpi_last.N01") == "better"       # rule 4 run in 2026-05
    assert since.row("measures.kpi_last.N01")["note"] == "shift:2026-03"
    assert _verdict(since, "measures.kpi_last.N02") == "two_points"   # a single point beyond a limit is no run
    assert _verdict(since, "measures.kpi_last.N03") == "two_points"   # the run was before the previous report
    assert _verdict(since, "measures.kpi_last.N04") == "worse"        # a run, read by the chart's status
    assert since.row("measures.kpi_last.N01")["change"] == pytest.approx(8.0)  # a share: percentage points


def test_the_action_plan_since_the_previous_report(since):
    a = since.actions
    assert a["source"] == "ids"
    assert a["done"] == ["A1"] and a["opened"] == ["A4"] and a["overdue"] == ["A2"] and a["newly_overdue"] == ["A2"]
    done = since.row("management.actions_done")
    assert (done["previous"], done["current"]) == (1, 3)


def test_the_action_plan_from_counts_when_no_list_was_kept():
    current, previous = _pair()
    s = compare(Round(current.summary, current.cases), Round(previous.summary, previous.cases), top_services=1)
    assert s.actions["source"] == "counts" and s.actions["n_done"] == 2 and s.actions["n_opened"] == 1
    assert s.focus["status"].tolist() == ["unknown", "unknown"]


def test_priorities_recommendations_and_the_previous_focus(since):
    moved = since.moved.set_index("service_id")
    assert set(moved.index) == {"S1", "S2", "S3"}
    assert moved.loc["S2", "reasons"] == ("survey_signal",) and moved.loc["S1", "reasons"] == ()
    assert (moved.loc["S3", "wave_previous"], moved.loc["S3", "wave_current"]) == (2, 1)
    assert dict(zip(since.focus["service_id"], since.focus["status"])) == {"S1": "done", "S2": "in_progress"}
    assert dict(zip(since.recommendations["rec_id"], since.recommendations["status"])) == {
        "R1": "done", "R2": "in_progress", "R3": "no_action", "R4": "unknown"}


def test_no_overlap_no_note_and_the_summary_block_is_plain_json(since):
    assert not since.overlap and not [n for n in since.notes if n["code"] == "overlap"]
    block = json.loads(json.dumps(since.summary(), allow_nan=False))
    assert block["previous"]["period"] == {"start": "2025-07-01", "end": "2025-12-31"}
    assert block["bootstrap"] == {"resamples": 2000, "seed": since.seed}
    trust = next(f for f in block["figures"] if f["figure"] == "measures.item.trust")
    assert set(trust) >= {"previous", "current", "change", "low", "high", "verdict", "method", "base_previous"}
    assert block["counts"]["better"] >= 4 and block["counts"]["worse"] >= 3
    assert block["actions"]["done"] == ["A1"]


def test_key_figures_are_named_and_defined_in_both_languages(since):
    figs = since.key_figures()
    keys = [f.key for f in figs]
    assert len(keys) == len(set(keys))
    assert "since.change.measures.item.satisfaction" in keys and "since.n_boot" in keys
    change = next(f for f in figs if f.key == "since.change.journeys.median_case_days")
    assert change.kind == "days" and change.low is not None and change.high < 0
    for f in figs:
        for lang in ("en", "he"):
            assert f.label(lang) and f.definition(lang)
    assert "Satisfaction" in next(f for f in figs if f.key == "since.change.measures.item.satisfaction").label("en")


def test_overlapping_periods_are_noted():
    current, previous = _pair(start="2025-10-01")
    s = compare(current, previous, top_services=1, n_boot=200)
    assert s.overlap and s.notes[0] == {"code": "overlap", "previous_end": "2025-12-31", "current_start": "2025-10-01"}


def test_a_changed_definition_makes_its_figures_not_comparable():
    current, previous = _pair(deadline_days=10)
    s = compare(current, previous, top_services=1, n_boot=200)
    row = s.row("journeys.deadline_missed")
    assert row["verdict"] == "not_comparable" and row["note"] == "definition:deadline_days"
    assert {"code": "definition", "name": "deadline_days", "previous": 14, "current": 10} in s.notes
    assert s.row("measures.item.satisfaction")["verdict"] == "better"


def test_a_group_under_the_threshold_is_withheld():
    current, previous = _pair()
    small = previous.cases.copy()
    small["service_id"] = "S1"
    small.loc[small.index[-4:], "service_id"] = "S2"  # S2 has 4 cases in the previous round
    s = compare(current, Round(previous.summary, small, previous.actions, previous.recommendations), top_services=2,
                n_boot=200)
    rows = s.rows[s.rows["figure"].str.endswith(".S2")]
    assert len(rows) and (rows["verdict"] == "suppressed").all()
    assert rows[["previous", "current", "change", "low", "high"]].isna().all().all()
    assert any(n["code"] == "small_group" for n in s.notes)
    assert not any(f.key.startswith("since.") and ".journeys." in f.key and f.key.endswith(".S2")
                   for f in s.key_figures())


def test_without_case_records_times_are_compared_without_an_interval():
    current, previous = _pair()
    for r in (current, previous):
        r.summary["key_figures"]["journeys.median_case_days"] = kf("journeys.median_case_days", 9.0, "days",
                                                                   base=1500, base_of="cases")
        r.summary["key_figures"]["journeys.deadline_missed"] = _share("journeys.deadline_missed", 300, 1500,
                                                                      base_of="cases")
    s = compare(Round(current.summary), Round(previous.summary))
    assert s.row("journeys.median_case_days")["verdict"] == "not_tested"
    assert s.row("journeys.median_case_days")["note"] == "no_case_record"
    assert s.row("journeys.deadline_missed")["method"] == "newcombe"
    assert {"code": "no_case_record"} in s.notes


def test_a_previous_round_must_be_earlier():
    current, previous = _pair()
    with pytest.raises(AnalysisError):
        compare(previous, current)


def test_a_round_loads_from_a_run_folder_and_from_history(tmp_path):
    current, _ = _pair()
    run = tmp_path / "client"
    run.mkdir()
    (run / "summary.json").write_text(json.dumps(current.summary), encoding="utf-8")
    write_record(run / "round", RoundRecord(current.cases[list(CASE_COLUMNS)], current.actions))
    loaded = Round.load(run)
    assert loaded.summary == current.summary and len(loaded.cases) == len(current.cases)
    assert loaded.actions["action_id"].tolist() == ["A1", "A2", "A3", "A4"]
    history = tmp_path / "history"
    history.mkdir()
    (history / "2026-06-30.json").write_text(json.dumps(current.summary), encoding="utf-8")
    write_record(history / "2026-06-30", RoundRecord(current.cases))
    old = Round.load(history / "2026-06-30.json")
    assert old.cases is not None and old.actions is None and old.label == "2026-06-30"


def test_the_summary_block_follows_its_schema(since):
    jsonschema = pytest.importorskip("jsonschema")
    from svcwork.since.schema import SCHEMA

    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    current, previous = _pair()
    blocks = [since.summary(), compare(Round(current.summary), Round(previous.summary)).summary()]
    for block in blocks:
        jsonschema.validate(json.loads(json.dumps(block)), SCHEMA, cls=jsonschema.Draft202012Validator)


def test_a_run_against_the_two_points_is_no_clear_change():
    """A control-chart run toward better while the last value fell since the previous report: the two
    readings disagree, so the report claims no change either way."""
    kpis = [{"kpi_id": "N01", "direction": "higher", "last": 0.66, "period": "2026-06", "status": "improved",
             "signals": [{"period": "2026-02", "rule": 2, "direction": "better"}]}]
    current, previous = _pair(kpis=kpis)
    r = compare(current, previous, top_services=2).row("measures.kpi_last.N01")
    assert (r["previous"], r["current"]) == (0.70, 0.66)
    assert (r["verdict"], r["note"]) == ("no_change", "mixed_signals")


def test_the_end_to_end_time_rows_count_only_the_cases_with_a_time():
    """In a log without closure a single-event case has no time (rule 5 of svcwork.caselog): the median and 90th
    percentile rows of the comparison rest on the cases with a time, as the journeys section's own figures do."""
    from svcwork.since.rows import _case_group_rows

    def record(n: int, untimed: int, shift: float) -> pd.DataFrame:
        days = np.r_[np.linspace(1, 20, n - untimed) + shift, [np.nan] * untimed]
        return pd.DataFrame({"days": days, "open": False, "deadline_missed": pd.array([pd.NA] * n, dtype="boolean"),
                             "repeat": pd.array([pd.NA] * n, dtype="boolean"),
                             "fcr": pd.array([pd.NA] * n, dtype="boolean"), "handoffs": np.nan})

    rows = _case_group_rows("", record(60, 12, 0.0), record(50, 5, 2.0), min_size=10, confidence=0.95, n_boot=200,
                            seed=1, item=None)
    times = {r["figure"].split(".")[1]: r for r in rows if "case_days" in r["figure"]}
    assert set(times) == {"median_case_days", "p90_case_days"}
    for r in times.values():
        assert (r["base_current"], r["base_previous"]) == (48, 45)


def test_observation_rows_read_each_rounds_clustered_degrees_of_freedom():
    """An item's mean observation score has an interval clustered by employee (CR1, t(G − 1)); the round's
    ``management.item_staff.<item>`` figure gives G, so the change's interval rests on each round's statsmodels
    standard error and G − 1 (Welch–Satterthwaite).  An earlier round without that figure had a Student-t
    interval over its scores: its n − 1."""
    import statsmodels.api as sm
    from scipy import stats

    from svcwork.keyfigures import from_records
    from svcwork.since.rows import observation_rows

    rng = np.random.default_rng(5)
    parts = []
    for employees, level in ((14, 3.7), (9, 3.3)):
        y, groups = [], []
        for e in range(employees):
            own, k = level + rng.normal(0, 0.6), int(rng.integers(1, 8))
            y += list(own + rng.normal(0, 0.5, k))
            groups += [e] * k
        y = np.asarray(y)
        fit = sm.OLS(y, np.ones(len(y))).fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
        low, high = fit.conf_int(0.05)[0]
        figs = [kf("management.item_mean.listening", float(y.mean()), "mean", base=len(y), base_of="scores",
                   low=float(low), high=float(high), item="listening"),
                kf("management.item_staff.listening", employees, "count", item="listening")]
        parts.append((figs, y, float(fit.bse[0]), employees - 1))
    (cur, y1, se1, df1), (prev, y2, se2, df2) = parts

    def expected(se2_, df2_):
        v = se1 ** 2 + se2_ ** 2
        half = stats.t.ppf(0.975, v ** 2 / (se1 ** 4 / df1 + se2_ ** 4 / df2_)) * math.sqrt(v)
        return y1.mean() - y2.mean() - half, y1.mean() - y2.mean() + half

    (r,) = observation_rows(from_records(cur), from_records(prev), min_size=5, confidence=0.95)
    assert r["method"] == "welch" and r["change"] == pytest.approx(y1.mean() - y2.mean())
    assert (r["low"], r["high"]) == pytest.approx(expected(se2, df2), rel=1e-9)
    # the earlier round from before the clustered interval: a Student-t interval over its n scores
    se_t = y2.std(ddof=1) / math.sqrt(len(y2))
    half = stats.t.ppf(0.975, len(y2) - 1) * se_t
    old = [kf("management.item_mean.listening", float(y2.mean()), "mean", base=len(y2), base_of="scores",
              low=float(y2.mean() - half), high=float(y2.mean() + half), item="listening")]
    (r,) = observation_rows(from_records(cur), from_records(old), min_size=5, confidence=0.95)
    assert (r["low"], r["high"]) == pytest.approx(expected(se_t, len(y2) - 1), rel=1e-9)
