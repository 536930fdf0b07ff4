"""The demo engagements: reproducible, valid, as large as promised, and messy in the promised ways.

The committed files under ``data/clients/`` must be exactly what ``svcwork demo`` writes
(``make demo`` regenerates them).  The checks on the data are computed here from the files
or the loaded engagement, independently of the generator's own bookkeeping.

``rashut-hagimlaot`` is written as a real export (Hebrew file names, Windows-1255, day-first
local times, answer labels, percent scores); the other clients are clean exports.
"""

from __future__ import annotations

import functools
import itertools
import re
import subprocess
import sys

import numpy as np
import openpyxl
import pandas as pd
import pytest

from conftest import ROOT
from svcwork import demo
from svcwork.errors import UsageError
from svcwork.intake import validate
from svcwork.exports.scales import Scale
from svcwork.schema import FRONTLINE_SKILLS, SHEETS, companion

CLIENTS_DIR = ROOT / "data" / "clients"
BIG = "rashut-hagimlaot"
REAL = "rashut-hagimlaot"  # the client written as a real export
COMMENTARY = "commentary.md"  # the consultant's own text beside the data (svcwork.commentary)


def _style(slug: str) -> str:
    return demo.CLIENTS[slug]().export_style


def _names(slug: str) -> dict:
    """Companion -> its file name in the client's folder."""
    return demo.EXPORT_FILES[_style(slug)]


def _files(slug: str) -> tuple:
    """The files the generator writes for *slug*: the intake form, its companions, the consultant's commentary."""
    return ("intake.xlsx", *_names(slug).values(), COMMENTARY)


def _listing(folder) -> list:
    """The files of a folder, hidden files and Excel lock files left out (the loader ignores them too)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith((".", "~$")))


def _encoding(slug: str) -> str:
    return "cp1255" if _style(slug) == "real" else "utf-8-sig"


def _slugs(*, slow_big: bool = True) -> list:
    return [pytest.param(s, marks=pytest.mark.slow) if s == BIG and slow_big else s for s in demo.CLIENTS]


# promised sizes: (low, high) inclusive
SIZES = {
    "neve-tamar": {"cases": (7000, 9000), "events": (40000, 50000), "survey": (3500, 4500), "training": (250, 350)},
    "rashut-hagimlaot": {"cases": (45000, 55000), "events": (270000, 330000), "survey": (18000, 22000),
                         "training": (400, 800)},
    "northfield-licensing": {"cases": (4500, 5500), "events": (20000, 35000), "survey": (2000, 3000),
                             "training": (150, 300)},
}


@functools.lru_cache(maxsize=None)
def _validation(slug: str):
    return validate(CLIENTS_DIR / slug)


def _engagement(slug: str):
    result = _validation(slug)
    assert result.engagement is not None, [p.message for p in result.problems if p.is_error][:10]
    return result.engagement


@functools.lru_cache(maxsize=None)
def _raw(slug: str, name: str) -> pd.DataFrame:
    """A companion (``cases``, ``survey``, ``training``) exactly as written: every cell a string, blanks as ''."""
    return pd.read_csv(CLIENTS_DIR / slug / _names(slug)[name], dtype=str, keep_default_na=False,
                       encoding=_encoding(slug))


def _sorted_log(slug: str) -> pd.DataFrame:
    cases = _engagement(slug).cases
    return cases.sort_values(["case_id", "timestamp", "_row"], kind="stable").reset_index(drop=True)


def _has(values: pd.Series, pattern: re.Pattern) -> pd.Series:
    return values.map(lambda text: pattern.search(text) is not None)


# --------------------------------------------------------------------------- reproducible
@pytest.mark.parametrize("slug", _slugs())
def test_committed_files_are_reproduced_byte_for_byte(slug, tmp_path):
    written = demo.generate(tmp_path, clients=[slug])
    assert sorted(p.name for p in written) == sorted(_files(slug))
    assert _listing(CLIENTS_DIR / slug) == sorted(_files(slug)), "stray files: run `make demo`"
    for name in _files(slug):
        committed = CLIENTS_DIR / slug / name
        assert committed.is_file(), f"{committed} is missing: run `make demo`"
        assert (tmp_path / slug / name).read_bytes() == committed.read_bytes(), \
            f"{slug}/{name} differs from what the generator writes: run `make demo`"


def test_seed_changes_the_data(tmp_path):
    demo.generate(tmp_path / "a", clients=["neve-tamar"], seed=demo.DEFAULT_SEED + 1)
    other = (tmp_path / "a" / "neve-tamar" / "cases.csv").read_bytes()
    assert other != (CLIENTS_DIR / "neve-tamar" / "cases.csv").read_bytes()


def test_unknown_client_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no-such-client"):
        demo.generate(tmp_path, clients=["no-such-client"])
    with pytest.raises(UsageError, match="fancy"):
        demo.generate(tmp_path, clients=["northfield-licensing"], export_style="fancy")
    assert not any(tmp_path.iterdir())


def test_regenerating_in_another_style_leaves_one_set_of_companions(tmp_path):
    slug = "northfield-licensing"
    demo.generate(tmp_path, clients=[slug], export_style="real")
    real = ["intake.xlsx", *demo.EXPORT_FILES["real"].values(), COMMENTARY]
    assert _listing(tmp_path / slug) == sorted(real)
    demo.generate(tmp_path, clients=[slug])
    assert _listing(tmp_path / slug) == sorted(_files(slug))


def test_module_runs_as_a_script():
    done = subprocess.run([sys.executable, "-m", "svcwork.demo", "--help"], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "--seed" in done.stdout


# --------------------------------------------------------------------------- valid, full, sized
@pytest.mark.parametrize("slug", _slugs())
def test_client_validates_without_errors(slug):
    result = _validation(slug)
    errors = [(p.code, p.file, p.sheet, p.row, p.column, p.message) for p in result.problems if p.is_error]
    assert result.ok and not errors, errors[:10]
    codes = {p.code for p in result.problems}
    if _style(slug) == "real":  # what was read from the real export is said, as warnings
        assert {"labels_read", "dont_know", "training_scale", "dst_ambiguous"} <= codes, codes
        assert "mixed_offsets" not in codes, codes
    else:
        assert "mixed_offsets" in codes  # the mess is seen, as a warning
    assert not codes & {"sheet_empty", "example_row", "setting_unknown", "bad_color"}, codes


@pytest.mark.parametrize("slug", _slugs())
def test_sizes_are_as_promised(slug):
    eng = _engagement(slug)
    counts = {"cases": eng.cases["case_id"].nunique(), "events": len(eng.cases), "survey": len(eng.survey),
              "training": len(eng.training)}
    for key, (low, high) in SIZES[slug].items():
        assert low <= counts[key] <= high, (key, counts[key])


def test_the_national_agency_is_the_largest():
    sizes = {s: (CLIENTS_DIR / s / _names(s)["cases"]).stat().st_size for s in demo.CLIENTS}
    assert max(sizes, key=sizes.get) == BIG


@pytest.mark.parametrize("slug", _slugs())
def test_every_sheet_is_filled(slug):
    eng = _engagement(slug)
    lang = eng.language
    assert lang == ("en" if slug == "northfield-licensing" else "he")
    for s in SHEETS:
        if not s.settings and s.key not in ("Columns", "Scales"):  # optional declarations, quiet when absent
            # (the Owners sheet is optional and quiet, too, but every demo client fills it)
            assert len(eng.table(s.key)) > 0, s.key
    st = eng.settings
    assert st.min_group_size == 10 and st.waves == 3
    assert st.accent_color and st.sla_days and st.wave_capacity_days and st.service_vision and st.service_values

    services = eng.table("Services")
    assert 10 <= len(services) <= 14
    assert (services["mandatory"] == "yes").any()
    assert services["depends_on"].map(len).gt(0).any()

    journey = eng.table("Journey")
    steps = journey.groupby("journey").size()
    assert 2 <= len(steps) <= 3 and steps.between(6, 9).all(), steps
    assert journey["pain_point"].notna().any() and (journey["moment_of_truth"] == "yes").any()
    assert journey["backstage"].notna().any()

    channels = eng.table("Channels")
    frontal = set(channels.loc[(channels["channel"] == "counter") & (channels["available"] != "no"), "service_id"])
    digital = set(channels.loc[channels["channel"].isin(["web", "app"]) & (channels["end_to_end"] == "yes"),
                               "service_id"])
    assert frontal - digital, "some front-desk service should lack an end-to-end digital match"

    kpis = eng.table("KPIs")
    assert 6 <= len(kpis) <= 8 and set(kpis["kind"]) == {"mean", "proportion", "count"}
    values = eng.table("KPI values")
    per_series = values.groupby(["kpi_id", values["unit"].fillna("")]).size()
    assert (per_series == 18).all(), per_series
    assert values.loc[values["kpi_id"].isin(kpis.loc[kpis["kind"] == "proportion", "kpi_id"]), "n"].notna().all()

    observations = eng.table("Observations")
    assert 350 <= len(observations) <= 500
    assert set(observations["item"]) == {he if lang == "he" else en for en, he in FRONTLINE_SKILLS}
    twice = observations.groupby(["date", "employee_code", "item"])["observer"].nunique()
    assert (twice >= 2).sum() >= 20, "two observers should sometimes score the same employee and item"

    actions = eng.table("Actions")
    assert 20 <= len(actions) <= 30
    end = pd.Timestamp(st.period_end)
    assert ((actions["due_date"] < end) & actions["status"].isin(["open", "in progress"])).sum() >= 2
    assert (actions["status"] == "done").sum() >= 3
    lessons = eng.table("Lessons")
    assert 25 <= len(lessons) <= 35 and lessons["category"].nunique() >= 4
    assert lessons["action_id"].notna().any() and lessons["action_id"].isna().any()

    training = eng.training
    assert set(training["skill"]) == {he if lang == "he" else en for en, he in FRONTLINE_SKILLS}
    trained = set(training["employee_code"])
    assert trained & set(observations["employee_code"]), "trained employees should also be observed"

    survey = eng.survey
    assert survey["wave"].nunique() == 3
    assert survey["comment"].notna().mean() > 0.1


@pytest.mark.parametrize("slug", _slugs())
def test_actions_name_their_findings_by_id_and_every_owner_has_a_unit(slug):
    """The Actions sheet's link columns are filled as a consultant would: most actions name the journey
    step, KPI, survey item, observation item or lesson they answer, some none; every owner of a KPI or an
    action but a shared one is in the Owners sheet; KPIs name their owning unit, one leaves it to its owner."""
    eng = _engagement(slug)
    actions, kpis, owners = eng.table("Actions"), eng.table("KPIs"), eng.table("Owners")
    links = ["kpi_id", "journey", "survey_item", "observation_item", "lesson"]
    named = actions[links].notna()
    assert named.any().all(), named.sum()  # every kind of link is used
    assert 0.6 <= named.any(axis=1).mean() < 1.0  # most actions, not all
    assert actions.loc[actions["journey"].notna(), "journey_step"].notna().all()
    assert set(actions["survey_item"].dropna()) <= {"satisfaction", "trust", "effectiveness", "ease", "efficiency",
                                                    "equity", "helpfulness"}  # read as keys, even from Hebrew names
    assert set(actions["lesson"].dropna()) <= set(eng.table("Lessons")["lesson_id"])
    assert eng.table("Lessons")["lesson_id"].is_unique and eng.table("Lessons")["lesson_id"].notna().all()
    listed = set(owners["owner"])
    missing = (set(actions["owner"]) | set(kpis["owner"])) - listed
    assert len(missing) <= 1, missing
    assert owners["unit"].notna().all() and owners["owner"].is_unique
    assert kpis["unit"].notna().sum() >= len(kpis) - 2 and kpis["unit"].isna().any()
    assert actions["unit"].notna().any()  # an explicit owning unit where the owner's would mislead


@pytest.mark.parametrize("slug", _slugs())
def test_the_consultant_writes_recommendations_and_commentary_in_the_clients_language(slug):
    """4–6 recommendations linked to real ids (a service, a KPI, a journey step and an action each used), one
    deliberately without an action (a warning, never an error); commentary.md opens the summary and notes
    at least one section, by key or title, in the client's language, with no unknown heading."""
    from svcwork import recommendations
    from svcwork.commentary import read_commentary
    from svcwork.report import SECTIONS

    eng = _engagement(slug)
    lang = eng.language
    recs = recommendations.recommendations(eng)
    assert 4 <= len(recs) <= 6
    language = re.compile("[א-ת]" if lang == "he" else "[A-Za-z]{3}")
    assert all(language.search(r.recommendation) and r.rationale and r.owner and r.priority for r in recs)
    assert all(r.links.service_name for r in recs if r.links.service_id)  # names resolved: the ids exist
    assert all(r.links.kpi_name for r in recs if r.links.kpi_id)
    assert any(r.links.step is not None for r in recs) and any(r.wave for r in recs)
    assert [r.has_action for r in recs].count(False) == 1
    flagged = [p for p in _validation(slug).problems if p.code == "recommendation_no_action"]
    assert len(flagged) == 1 and not flagged[0].is_error
    assert len(recommendations.flags(eng, lang)) == 1
    notes = read_commentary(CLIENTS_DIR / slug, lang=lang, sections=[s.key for s in SECTIONS])
    assert notes.source == COMMENTARY and not notes.unknown
    assert notes.get("summary") and len([k for k in notes.parts if k != "summary"]) >= 1
    assert all(language.search(text) for text in notes.parts.values())
    assert not re.search(r"\d", "".join(notes.parts.values()))  # the consultant's words quote no figure of their own


@pytest.mark.parametrize("slug", _slugs())
def test_observations_show_most_units_and_suppress_one(slug):
    """Every observed unit but one is scored on at least 12 different employees per item (shown);
    one small unit stays below min_group_size (suppressed); several months clear it too (a trend)."""
    eng = _engagement(slug)
    obs = eng.table("Observations")
    min_size = eng.settings.min_group_size
    people = obs.groupby(["unit", "item"])["employee_code"].nunique().groupby("unit").min()
    assert (people < min_size).sum() == 1, people.to_dict()
    assert (people >= 12).sum() == len(people) - 1, people.to_dict()
    shown = obs[obs["unit"].isin(people.index[people >= min_size])]
    per_month = shown.groupby([shown["date"].dt.to_period("M"), "item"])["employee_code"].nunique()
    assert per_month.groupby(level=0).min().ge(min_size).sum() >= 3, per_month.to_dict()
    trained = set(eng.training["employee_code"])
    seen = shown[shown["employee_code"].isin(trained)].groupby("employee_code")["date"].agg(["min", "max"])
    assert ((seen["max"] - seen["min"]).dt.days > 60).sum() >= min_size, "trained staff seen before and after"


@pytest.mark.parametrize("slug", _slugs())
def test_survey_covers_every_unit_and_channel_with_volume(slug):
    """Responses in every unit × channel cell that has a known volume (so raking can converge)."""
    eng = _engagement(slug)
    services, channels, survey = eng.table("Services"), eng.table("Channels"), eng.survey
    volume = channels.merge(services[["service_id", "unit", "annual_volume"]], on="service_id")
    volume = volume[(volume["annual_volume"] > 0) & (volume["share_pct"] > 0) & volume["unit"].isin(survey["unit"])]
    labels = {demo._label("channel", k, eng.language): k for k in demo._CHANNELS}
    counts = survey.groupby([survey["unit"], survey["channel"].map(lambda c: labels.get(c, c))]).size()
    cells = set(zip(volume["unit"], volume["channel"]))
    assert len(cells) >= 5
    low = {cell: int(counts.get(cell, 0)) for cell in cells if counts.get(cell, 0) < 30}
    assert not low, low


@pytest.mark.parametrize("slug", [s for s in demo.CLIENTS if s != BIG])
def test_survey_rakes_to_known_volumes(slug):
    from svcwork import measures

    result = measures.analyse(_engagement(slug), n_boot=20)
    assert result.summary()["survey"]["weighted"] is not None
    assert not [n for n in result.notes if n[0] == "measures.skipped.weighting"], result.notes


_RANDOM_INDEX = {3: 0.58, 4: 0.90, 5: 1.12}  # Saaty (1980), random consistency index


@pytest.mark.parametrize("slug", _slugs())
def test_one_rater_is_consistent_and_one_is_not(slug):
    pairwise = _engagement(slug).table("Pairwise")
    ratios = {}
    for rater, rows in pairwise.groupby("rater"):
        names = sorted(set(rows["criterion_a"]) | set(rows["criterion_b"]))
        n = len(names)
        assert len(rows) == n * (n - 1) // 2, rater
        matrix = np.ones((n, n))
        for a, b, v in zip(rows["criterion_a"], rows["criterion_b"], rows["value"]):
            matrix[names.index(a), names.index(b)] = v
            matrix[names.index(b), names.index(a)] = 1 / v
        lam = np.linalg.eigvals(matrix).real.max()
        ratios[rater] = (lam - n) / (n - 1) / _RANDOM_INDEX[n]
    assert len(ratios) == 2
    assert min(ratios.values()) < 0.10 < max(ratios.values()) < 0.30, ratios


@pytest.mark.parametrize("slug", _slugs())
def test_some_kpi_shows_a_signal(slug):
    """Individuals (XmR) limits, centre ± 2.66 × mean moving range (Wheeler), or a run of 8 on one side."""
    eng = _engagement(slug)
    values = eng.table("KPI values")
    signals = 0
    for _, rows in values.groupby(["kpi_id", values["unit"].fillna("")]):
        x = rows.sort_values("period")["value"].to_numpy()
        centre = x.mean()
        mr = np.abs(np.diff(x)).mean()
        beyond = np.abs(x - centre) > 2.66 * mr
        side = np.sign(x - centre)
        runs = max(len(list(g)) for _, g in itertools.groupby(side))
        signals += bool(beyond.any() or runs >= 8)
    assert signals >= 2


# --------------------------------------------------------------------------- the mess
_OFFSET = re.compile(r"(Z|[+-]\d{2}:\d{2})$")
_DAY_FIRST_DATE = r"\d{2}/\d{2}/\d{4}"
_DAY_FIRST_TIME = _DAY_FIRST_DATE + r" \d{2}:\d{2}:\d{2}"


@pytest.mark.parametrize("slug", _slugs())
def test_raw_case_log_has_mixed_offsets_blanks_duplicates_and_disorder(slug):
    raw = _raw(slug, "cases")
    columns = list(raw.columns)
    ts_col, res_col, case_col = columns[2], columns[5], columns[0]
    stamps = raw[ts_col]
    offsets = set(stamps.str.extract(_OFFSET, expand=False).dropna())
    if _style(slug) == "real":  # naive local day-first times only
        assert not offsets and stamps.str.fullmatch(_DAY_FIRST_TIME).all()
    else:
        assert len(offsets) >= 3 and "Z" in offsets, offsets
        assert (~_has(stamps, _OFFSET)).any(), "some timestamps should carry no offset at all"
    assert (raw[res_col] == "").any()
    assert raw.duplicated().any(), "some events should be exported twice"
    assert raw[case_col].is_monotonic_increasing  # one block of rows per case, as exports come
    log = _engagement(slug).cases.sort_values("_row")  # file order, offsets normalised by the loader
    same_case = log["case_id"].eq(log["case_id"].shift())
    assert (same_case & log["timestamp"].lt(log["timestamp"].shift())).any(), "some rows should be out of order"


@pytest.mark.parametrize("slug", _slugs())
def test_case_log_has_the_realistic_mess(slug):
    eng = _engagement(slug)
    log = _sorted_log(slug)
    by_case = log.groupby("case_id", sort=False)
    sizes = by_case.size()
    assert (sizes == 1).sum() > 0, "single-event cases"
    assert log.duplicated(["case_id", "timestamp"]).sum() > len(log) * 0.001, "timestamp ties"

    start, end = by_case["timestamp"].min(), by_case["timestamp"].max()
    deadline = by_case["deadline"].first()
    days = (end - start).dt.total_seconds() / 86400
    late = np.where(deadline.notna(), end > deadline, days > eng.settings.sla_days)
    assert 0.03 < late.mean() < 0.4, late.mean()

    # rework: an activity repeated within a case
    assert log.duplicated(["case_id", "activity"]).groupby(log["case_id"]).any().mean() > 0.05

    # hand-offs and ping-pong A→B→A (consecutive events of one unit collapsed first)
    units, cases = log["unit"].to_numpy(dtype=object), log["case_id"].to_numpy(dtype=object)
    keep = np.r_[True, (units[1:] != units[:-1]) | (cases[1:] != cases[:-1])]
    u, c = units[keep], cases[keep]
    handoffs = (c[1:] == c[:-1]).sum()
    assert handoffs > len(sizes) * 0.3
    ping = (u[2:] == u[:-2]) & (c[2:] == c[1:-1]) & (c[1:-1] == c[:-2])
    assert ping.sum() > 50
    pong = (u[3:] == u[1:-2]) & (u[2:-1] == u[:-3]) & (c[3:] == c[:-3]) & (c[1:-2] == c[:-3])
    assert pong.any(), "some case should bounce A→B→A→B"

    # repeat contacts within the engagement's window, some through another channel
    first = pd.DataFrame({"citizen": by_case["citizen_id"].first(), "start": start,
                          "channel": by_case["channel"].first()}).sort_values(["citizen", "start"])
    gap = first.groupby("citizen")["start"].diff().dt.total_seconds() / 86400
    repeat = gap <= eng.settings.repeat_contact_days
    assert 0.03 < repeat.mean() < 0.25, repeat.mean()
    previous_channel = first.groupby("citizen")["channel"].shift()
    assert (first.loc[repeat, "channel"] != previous_channel[repeat]).mean() > 0.2, "channel switching"


@pytest.mark.parametrize("slug", _slugs(slow_big=False))
def test_intake_has_a_title_row_and_numbers_stored_as_text(slug):
    wb = openpyxl.load_workbook(CLIENTS_DIR / slug / "intake.xlsx")
    services = wb.worksheets[1]
    assert services.cell(1, 1).value and services.cell(2, 1).value is None
    assert services.cell(3, 1).value in ("service_id", "מזהה שירות")
    texts = [c.value for ws in wb.worksheets for row in ws.iter_rows(min_row=2) for c in row
             if isinstance(c.value, str) and re.fullmatch(r"\d+(\.\d+)?", c.value)]
    assert len(texts) >= 3
    assert (wb.worksheets[0].sheet_view.rightToLeft or False) == (slug != "northfield-licensing")


# --------------------------------------------------------------------------- the real export
_ITEMS = [c.key for c in companion("survey").columns if c.kind == "score" and (c.lo, c.hi) == (1, 5)]
_SATISFACTION = {"לא מרוצה בכלל", "לא מרוצה", "מרוצה במידה בינונית", "מרוצה", "מרוצה מאוד"}
_EXTENT = {"במידה מועטה מאוד", "במידה מועטה", "במידה בינונית", "במידה רבה", "במידה רבה מאוד"}
_DONT_KNOW = "לא יודע/ת"


def test_real_export_files_are_shaped_like_a_real_export():
    """Hebrew names, Windows-1255, Hebrew headers, day-first local times, labels, percentages (raw files)."""
    folder = CLIENTS_DIR / REAL
    assert _listing(folder) == sorted(["intake.xlsx", "פניות.csv", "סקר.csv", "הדרכה.csv", COMMENTARY])
    for name, file in _names(REAL).items():
        raw = (folder / file).read_bytes()
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
        header = raw.decode("cp1255").split("\n", 1)[0].split(",")
        assert set(header) <= {c.he for c in companion(name).columns} and len(set(header)) == len(header), header

    cases = _raw(REAL, "cases")
    stamps = cases[cases.columns[2]]
    assert stamps.str.fullmatch(_DAY_FIRST_TIME).all()
    assert stamps.str[:2].astype(int).gt(12).any(), "the day-first order is proven by the data"
    repeated = stamps.str.match(r"26/10/2025 01:")  # the hour repeated when the clocks went back
    assert repeated.sum() >= 3, repeated.sum()
    deadline = cases["מועד יעד"]
    assert deadline[deadline != ""].str.fullmatch(_DAY_FIRST_DATE).all()

    survey = _raw(REAL, "survey")
    assert survey["תאריך"].str.fullmatch(_DAY_FIRST_DATE).all()
    headers = {c.key: c.he for c in companion("survey").columns}
    for key in _ITEMS:
        answers = set(survey[headers[key]]) - {"", _DONT_KNOW}
        assert answers == (_SATISFACTION if key == "satisfaction" else _EXTENT), (key, answers)
        blank, dont_know = (survey[headers[key]] == "").sum(), (survey[headers[key]] == _DONT_KNOW).sum()
        assert 0 < dont_know and abs(blank - 2 * dont_know) <= 2, (key, blank, dont_know)  # every third blank
    for key in ("nps", "ces"):
        assert survey[headers[key]].str.fullmatch(r"\d*").all()

    training = _raw(REAL, "training")
    for column in ("ציון לפני", "ציון אחרי"):
        pct = training[column].str.fullmatch(r"\d+(\.5)?%")
        assert pct.all(), training.loc[~pct, column].head()
        assert (training[column].str.rstrip("%").astype(float) % 12.5 == 0).all()
    assert training["תאריך"].str.fullmatch(_DAY_FIRST_DATE).all()

    wb = openpyxl.load_workbook(folder / "intake.xlsx", read_only=True)
    settings = {r[0]: r[1] for r in wb.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert "Asia/Jerusalem" in settings.values(), settings


@pytest.mark.slow
def test_real_export_reads_back_as_the_clean_data(tmp_path):
    """The real export of rashut-hagimlaot and its clean export load to the same tables.

    Case times are the same instants except in the repeated autumn hour: a naive local time there
    has two instants and the loader takes the first (daylight time) when the case's order does not
    decide, while the generator's instants are the second; those events differ by exactly one hour
    and are the ones the ``dst_ambiguous`` warning counts.
    """
    demo.generate(tmp_path / "real", clients=[REAL], export_style="real")
    demo.generate(tmp_path / "clean", clients=[REAL], export_style="clean")
    intake = [(tmp_path / style / REAL / "intake.xlsx").read_bytes() for style in ("real", "clean")]
    assert intake[0] == intake[1]
    real_v, clean_v = validate(tmp_path / "real" / REAL), validate(tmp_path / "clean" / REAL)
    errors = [(p.code, p.file, p.row, p.column, p.message) for p in real_v.problems if p.is_error]
    assert real_v.ok and clean_v.ok and not errors, errors[:10]
    real, clean = real_v.engagement, clean_v.engagement

    # what was read is said: labels, don't-know answers, the training scale, the repeated hour
    said = {}
    for p in real.warnings:
        said.setdefault(p.code, []).append(p)
    assert {p.file for p in said["labels_read"]} == {"סקר.csv"} and len(said["labels_read"]) == len(_ITEMS)
    assert len(said["dont_know"]) == len(_ITEMS)
    assert [p.file for p in said["training_scale"]] == ["הדרכה.csv"]
    assert [p.file for p in said["dst_ambiguous"]] == ["פניות.csv"]
    assert not {"mixed_offsets", "date_order_assumed", "encoding_guessed", "encoding_replaced"} & set(said), said.keys()

    def same(a: pd.Series, b: pd.Series) -> bool:
        return bool(((a == b) | (a.isna() & b.isna())).all())

    for name in ("cases", "survey", "training"):
        r, c = getattr(real, name).drop(columns="_row"), getattr(clean, name).drop(columns="_row")
        assert list(r.columns) == list(c.columns) and len(r) == len(c), name
        for column in r.columns:
            if name == "training" and column in ("pre_score", "post_score"):
                assert (r[column] == 100 * (c[column] - 1) / 4).all(), column  # exact: multiples of 12.5
            elif name == "cases" and column == "timestamp":
                assert not (r[column].isna() | c[column].isna()).any()
                moved = r[column] != c[column]
                assert (c[column][moved] - r[column][moved] == pd.Timedelta(hours=1)).all()
                wall = c[column].dt.tz_convert("Asia/Jerusalem").dt.tz_localize(None)
                repeated = (wall.dt.hour == 1) & wall.dt.normalize().isin(pd.to_datetime(["2025-10-26", "2026-10-25"]))
                assert moved.equals(repeated) and moved.sum() >= 3, (moved.sum(), repeated.sum())
                assert f"{moved.sum()} " in said["dst_ambiguous"][0].message
            else:
                assert same(r[column], c[column]), (name, column)
    assert real.scales["training"] == Scale(0, 100) and clean.scales["training"] == Scale(1, 5)
    assert real.survey[_ITEMS].isna().sum().sum() == clean.survey[_ITEMS].isna().sum().sum()


# --------------------------------------------------------------------------- privacy: only fake identifiers
_EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
_PHONE = re.compile(r"(?<![\d-])(0\d{1,2}-\d{7}|07\d{3} \d{6}|0\d{9}|\+\d[\d -]{7,})(?!\d)")
_NINE = re.compile(r"(?<!\d)\d{9}(?!\d)")


def _all_text(slug: str) -> str:
    parts = [(CLIENTS_DIR / slug / name).read_text(encoding="utf-8" if name == COMMENTARY else _encoding(slug))
             for name in _files(slug)[1:]]
    wb = openpyxl.load_workbook(CLIENTS_DIR / slug / "intake.xlsx")
    parts += [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    return "\n".join(parts)


def _valid_israeli_id(number: str) -> bool:
    total = 0
    for k, ch in enumerate(number.zfill(9)):
        d = int(ch) * (1 if k % 2 == 0 else 2)
        total += d // 10 + d % 10
    return total % 10 == 0


@pytest.mark.parametrize("slug", _slugs())
def test_no_real_looking_personal_data(slug):
    text = _all_text(slug)
    domains = set(_EMAIL.findall(text))
    assert domains <= {"example.com", "example.org"}, domains
    for phone in _PHONE.findall(text):
        assert re.fullmatch(r"050-000\d{4}|07700 900\d{3}", phone), phone
    assert all(n.startswith("000") for n in _NINE.findall(text)), "9-digit numbers must be the fake 000… ids"
    raw = _raw(slug, "cases")
    citizens = raw[raw.columns[6]]
    pattern = r"000\d{6}" if slug != "northfield-licensing" else r"C0\d{7}"
    assert citizens.str.fullmatch(pattern).all()
    assert raw[raw.columns[5]].str.fullmatch(r"(E\d{4})?").all()
    if slug != "northfield-licensing":
        valid = citizens.drop_duplicates().map(_valid_israeli_id)
        assert 0.5 < valid.mean() < 0.95, "many, not all, ids carry a valid check digit"


@pytest.mark.parametrize("slug", _slugs())
def test_survey_comments_hold_fake_details_to_redact(slug):
    raw = _raw(slug, "survey")
    comments = raw[raw.columns[-1]]
    assert _has(comments, _EMAIL).any()
    assert _has(comments, _PHONE).any()
    if slug != "northfield-licensing":
        ids = comments.str.findall(_NINE).explode().dropna()
        assert ids.map(_valid_israeli_id).any()
