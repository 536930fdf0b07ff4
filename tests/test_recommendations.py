"""The consultant's recommendations: the Recommendations sheet read and checked, and the evidence the
data gives for each (svcwork.recommendations).

Validation: a link to an id that does not exist is an error with sheet, row and column (the same
rule as the Actions sheet's links); a recommendation no action carries out is a warning and a flag,
never an error.  Evidence: every number a sentence writes is a key figure of the run's registry,
quoted with its marker and shown as the registry shows it; every other digit is an identifier, a
date, a period, a wave label or the client's own text (the rule of tests/test_consistency.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from conftest import ROOT, english_sheets, hebrew_sheets, write_xlsx
from svcwork import recommendations as rec
from svcwork.i18n import PLURALS, t
from svcwork.intake import validate
from svcwork.keyfigures import KeyFigure, from_records, plain, quotes, registry

CLIENTS = ROOT / "data" / "clients"


# --------------------------------------------------------------------------- hand-made engagements
def _sheets(recommendations: list[list] | None = None, *, waves: int | None = None) -> dict:
    """A valid English engagement with a journey, actions and a Recommendations sheet."""
    sheets = english_sheets()
    if waves is not None:
        sheets["Engagement"].append(["waves", waves])
    sheets["Journey"] = [["journey", "step", "stage", "touchpoint", "channel", "emotion", "pain_point", "moment_of_truth"],
                         ["Parking permit", 1, "Apply", "Counter", "counter", -1, "Long queues", "yes"],
                         ["Parking permit", 2, "Wait", "Letter", "mail", -2, "No news for weeks", "no"],
                         ["Parking permit", 3, "Receive", "Permit", "mail", 1, None, "yes"]]
    sheets["Actions"] = [["action_id", "action", "owner", "due_date", "status"],
                         ["A1", "Publish checklist", "Head of parking", dt.date(2026, 3, 1), "open"],
                         ["A2", "Status texts", "Head of digital", dt.date(2026, 9, 1), "in progress"],
                         ["A3", "Old idea", "Head of parking", dt.date(2026, 2, 1), "cancelled"]]
    sheets["Recommendations"] = [
        ["rec_id", "recommendation", "rationale", "owner", "horizon", "priority", "service_id", "kpi_id", "journey",
         "journey_step", "action_id"],
        *(recommendations if recommendations is not None else [
            ["R1", "One checklist for every permit", "People come back", "Head of parking", "wave 1", "high", "S1",
             "K1", "parking permit", 2, "a1"],
            ["R2", "Text citizens at every status change", None, None, "short term", "medium", None, None,
             "Parking permit", None, "A2"],
            ["R3", "Review the fees", None, None, None, None, "S2", None, None, None, None],
        ])]
    return sheets


def _client(tmp_path, sheets, name="c"):
    write_xlsx(tmp_path / name / "intake.xlsx", sheets)
    return tmp_path / name


def _problems(result, code):
    return [p for p in result.problems if p.code == code]


def test_the_sheet_is_read_with_its_links_horizons_and_priorities(tmp_path):
    result = validate(_client(tmp_path, _sheets()))
    assert result.ok, [(p.code, p.message) for p in result.problems if p.is_error]
    recs = rec.recommendations(result.engagement)
    assert [r.rec_id for r in recs] == ["R1", "R2", "R3"]  # the consultant's order
    r1, r2, r3 = recs
    assert (r1.horizon, r1.wave, r1.priority, r1.has_action) == ("wave 1", 1, "high", True)
    assert r1.links.service_name == "Parking permit" and r1.links.kpi_name == "Answered within 60 s"
    assert r1.links.journey == "Parking permit"  # as the Journey sheet names it (the row wrote it in lower case)
    assert r1.links.step.pain_point == "No news for weeks" and r1.links.step.emotion == -2
    assert r1.links.action.action_id == "A1" and r1.links.action.overdue  # open after its due date, at period end
    assert r2.links.pain_points == ("Long queues", "No news for weeks") and r2.links.step is None
    assert (r2.horizon, r2.wave) == ("short", None)
    assert not r3.has_action and r3.links.action is None and r3.priority is None


HORIZONS = [("wave 2", "wave 2"), ("Wave 3", "wave 3"), ("גל 1", "wave 1"), ("2", "wave 2"), ("short term", "short"),
            ("טווח ארוך", "long"), ("בטווח הבינוני", "medium"), ("by the summer", "by the summer")]


@pytest.mark.parametrize("written,kept", HORIZONS)
def test_a_horizon_is_a_term_a_wave_or_the_consultants_words(tmp_path, written, kept):
    sheets = _sheets([["R1", "Do it", None, None, written, "גבוהה", None, None, None, None, "A1"]])
    result = validate(_client(tmp_path, sheets))
    assert result.ok, [(p.code, p.message) for p in result.problems if p.is_error]
    (r,) = rec.recommendations(result.engagement)
    assert r.horizon == kept and r.priority == "high"
    assert rec.horizon_label(kept, "he") == {"wave 2": "גל 2", "wave 3": "גל 3", "wave 1": "גל 1", "short": "טווח קצר",
                                             "long": "טווח ארוך", "medium": "טווח בינוני"}.get(kept, kept)


def test_a_wave_the_roadmap_does_not_have_is_an_error(tmp_path):
    sheets = _sheets([["R1", "Do it", None, None, "wave 4", None, None, None, None, None, "A1"]], waves=3)
    result = validate(_client(tmp_path, sheets))
    (problem,) = _problems(result, "horizon_wave")
    assert problem.is_error and (problem.sheet, problem.row, problem.column) == ("Recommendations", 2, "horizon")
    assert "3 waves" in problem.message and problem.expected
    sheets = _sheets([["R1", "Do it", None, None, "wave 4", None, None, None, None, None, "A1"]], waves=1)
    (problem,) = _problems(validate(_client(tmp_path, sheets, "one"), lang="he"), "horizon_wave")
    assert "גל אחד" in problem.message  # the count agrees with its noun


REC_LINK_ERRORS = [
    ("service_id", "S9", "unknown_ref"),
    ("kpi_id", "K9", "unknown_ref"),
    ("action_id", "A9", "unknown_ref"),  # an action that does not exist: an error, not a flag
    ("journey", "Dog licence", "unknown_ref"),
    ("journey_step", 7, "unknown_step"),  # the journey has steps 1 to 3
]


@pytest.mark.parametrize("column,value,code", REC_LINK_ERRORS, ids=[c[0] for c in REC_LINK_ERRORS])
def test_a_link_to_nothing_is_an_error_with_sheet_row_and_column(tmp_path, column, value, code):
    sheets = _sheets()
    header = sheets["Recommendations"][0]
    sheets["Recommendations"][2][header.index(column)] = value
    result = validate(_client(tmp_path, sheets))
    assert not result.ok
    (problem,) = _problems(result, code)
    assert problem.is_error and (problem.sheet, problem.row, problem.column) == ("Recommendations", 3, column)
    assert problem.message and problem.expected
    # the Hebrew form: sheet and column as it names them, the message in Hebrew
    he = validate(_client(tmp_path, sheets, "he"), lang="he")
    assert re.search("[א-ת]", _problems(he, code)[0].message)


def test_a_step_needs_its_journey_as_in_the_actions_sheet(tmp_path):
    sheets = _sheets([["R1", "Do it", None, None, None, None, None, None, None, 2, "A1"]])
    (problem,) = _problems(validate(_client(tmp_path, sheets)), "step_without_journey")
    assert (problem.sheet, problem.row, problem.column) == ("Recommendations", 2, "journey_step")


def test_rec_ids_are_unique(tmp_path):
    sheets = _sheets([["R1", "Do it", None, None, None, None, None, None, None, None, "A1"],
                      ["r1", "Do that", None, None, None, None, None, None, None, None, "A2"]])
    (problem,) = _problems(validate(_client(tmp_path, sheets)), "duplicate_id")
    assert (problem.sheet, problem.row, problem.column) == ("Recommendations", 3, "rec_id")


def test_no_action_is_a_warning_and_a_flag_not_an_error(tmp_path):
    result = validate(_client(tmp_path, _sheets()))
    assert result.ok
    (problem,) = _problems(result, "recommendation_no_action")
    assert not problem.is_error and (problem.sheet, problem.row, problem.column) == ("Recommendations", 4, "action_id")
    assert "R3" in problem.message
    for lang in ("en", "he"):
        (flag,) = rec.flags(result.engagement, lang)
        assert flag.startswith("R3 ") and "Review the fees" in flag
    chapter = rec.chapter(result.engagement, {"key_figures": {}}, "he")
    assert chapter["title"] == t("recommendations.title", "he") and chapter["flags"] == rec.flags(result.engagement, "he")
    assert [i["rec_id"] for i in chapter["items"]] == ["R1", "R2", "R3"] and chapter["none"] is None
    assert chapter["items"][2]["evidence"] == [t("recommendations.evidence.no_action", "he")]


def test_a_recommendation_whose_action_is_cancelled_has_no_action(tmp_path):
    sheets = _sheets([["R1", "Drop the old idea's goal", None, None, "short term", "high", None, None, None, None, "A3"]])
    result = validate(_client(tmp_path, sheets))
    (r1,) = rec.recommendations(result.engagement)
    assert not r1.has_action and r1.links.action is not None and r1.links.action_id == "A3"
    for lang in ("en", "he"):
        (flag,) = rec.flags(result.engagement, lang)
        assert flag.startswith("R1 ")
        chapter = rec.chapter(result.engagement, {"report_date": "2026-10-31", "key_figures": {}}, lang)
        assert chapter["flags"] == [flag] and chapter["items"][0]["has_action"] is False
        assert "A3" not in chapter["items"][0]["meta"]  # the meta line names no action that carries it out
        assert "A3" in plain(chapter["items"][0]["evidence"][-1])  # the evidence still names the cancelled one
    assert rec.table([r1], "en").iloc[:, 6].isna().all()


def test_the_sheet_is_optional_and_quiet(tmp_path):
    result = validate(_client(tmp_path, english_sheets()))
    assert result.ok and not [p for p in result.problems if p.sheet in ("Recommendations", "המלצות")]
    assert rec.recommendations(result.engagement) == () and rec.flags(result.engagement, "en") == []
    assert rec.chapter(result.engagement, {}, "en")["none"] == t("recommendations.none", "en")


def test_a_hebrew_sheet_is_read(tmp_path):
    sheets = hebrew_sheets()
    sheets["המלצות"] = [["מזהה המלצה", "המלצה", "עדיפות", "טווח זמן", "מזהה שירות"],
                        ["ה1", "לפרסם רשימת מסמכים", "נמוכה", "גל 2", "S1"]]
    result = validate(_client(tmp_path, sheets))
    assert result.ok, [(p.code, p.message) for p in result.problems if p.is_error]
    (r,) = rec.recommendations(result.engagement)
    assert (r.rec_id, r.priority, r.horizon, r.links.service_name) == ("ה1", "low", "wave 2", "תו חניה")
    (problem,) = _problems(result, "recommendation_no_action")
    assert problem.sheet == "המלצות" and problem.column == "מזהה פעולה"


# --------------------------------------------------------------------------- evidence from a made-up run
def _fig(key, value, kind, **kw) -> KeyFigure:
    return KeyFigure(key, value, kind, key.split(".")[0], **kw)


def _run(*, rank=2, wave=1, status="deteriorated", met=False, pains=3, top=5, services=12):
    figures = registry([
        _fig("prioritize.score.S1", 0.81, "score", item="S1"), _fig("prioritize.services", services, "count"),
        _fig("prioritize.top_n", top, "count"),
        _fig("prioritize.p_top.S1", 0.97, "share", base=10000, base_of="samples", item="S1"),
        _fig("journeys.median_case_days.S1", 8.2, "days", base=502, base_of="cases", item="S1"),
        _fig("measures.satisfaction.S1", 0.61, "share", base=245, base_of="responses", item="S1"),
        _fig("measures.kpi_last.K1", 0.74, "share", item="K1"), _fig("measures.kpi_target.K1", 0.8, "share", item="K1"),
        _fig("measures.kpi_new_level.K1", 0.78, "share", item="K1"),
        _fig("journeys.journey_pains.1", pains, "count", item="Parking permit"),
    ])
    summary = {"priorities": [{"service_id": "S1", "rank": rank, "wave": wave,
                               "deferred_reason": None if wave else "capacity"}],
               "wave_1": ["S1"] if wave == 1 else [],
               "kpis": [{"kpi_id": "K1", "status": status, "met": met, "shift_period": "2026-03",
                         "signals": [{"period": "2026-02"}, {"period": "2026-06"}]}],
               "report_date": "2026-06-30", "key_figures": {k: f.as_record() for k, f in figures.items()}}
    return figures, summary


def _r1(tmp_path) -> rec.Recommendation:
    """R1 of the made-up engagement: a service, a KPI, a journey step and an (overdue) action."""
    return rec.recommendations(validate(_client(tmp_path, _sheets())).engagement)[0]


def test_evidence_follows_the_links_and_quotes_only_the_registry(tmp_path):
    r1 = _r1(tmp_path)
    figures, summary = _run(rank=2, wave=1)
    for lang in ("en", "he"):
        sentences = rec.evidence(r1, figures, summary, lang)
        text = " ".join(plain(s) for s in sentences)
        quoted = {key for s in sentences for key, _, _ in quotes(s)}
        assert quoted == set(figures) - {"measures.kpi_new_level.K1"}  # a new level only after an improvement
        for s in sentences:
            for key, attr, shown in quotes(s):
                assert shown == figures[key].shown(lang, attr)
        assert t("recommendations.ordinal.2", lang) in text
        assert ("wave 1" if lang == "en" else "בגל 1") in text
        assert ("June 2026" if lang == "en" else "יוני 2026") in text  # the latest signal
        assert "No news for weeks" in text and "Publish checklist" in text
        assert ("overdue" if lang == "en" else "באיחור") in text  # due 1 March, report date 30 June
    # the registry built from summary.json is the default
    assert rec.evidence(r1, None, summary, "en") == rec.evidence(r1, figures, summary, "en")


@pytest.mark.parametrize("lang", ["en", "he"])
def test_a_services_case_time_is_defined_as_the_journeys_table_and_the_exec_define_it(tmp_path, lang):
    r1 = _r1(tmp_path)
    figures, summary = _run()
    (days,) = [s for s in rec.evidence(r1, figures, summary, lang)
               if ("journeys.median_case_days.S1", "value", "8.2") in quotes(s)]
    open_cases = "counting cases still open" if lang == "en" else "כולל פניות שעדיין פתוחות"
    assert open_cases in t("report.exec.pain_service", lang, service="", days="", cases="", all_days="",
                           satisfied="", respondents="", all_satisfied="")
    assert open_cases in days and ("opening to closing" if lang == "en" else "ועד סגירה") not in days
    # every form keeps the marked number; the form follows the number as shown (0.96 and 1.04 both show 1.0)
    said = {}
    for value in (0.96, 1.0, 1.04, 2.0):
        f = _fig("journeys.median_case_days.S1", value, "days", base=502, base_of="cases", item="S1")
        figs = registry([*(g for k, g in figures.items() if k != f.key), f])
        (said[value],) = [s for s in rec.evidence(r1, figs, summary, lang) if f.key in {k for k, _, _ in quotes(s)}]
        assert (f.key, "value", f.shown(lang)) in quotes(said[value])
    assert plain(said[0.96]) == plain(said[1.0]) == plain(said[1.04])


def test_rank_words_and_the_roadmap(tmp_path):
    r1 = _r1(tmp_path)
    first = plain(rec.evidence(r1, *_run(rank=1), "en")[0])
    assert first.startswith("S1 Parking permit ranks first of 12 services")
    inside = plain(rec.evidence(r1, *_run(rank=4, wave=2), "en")[0])
    assert "is among the top 5 of 12 services" in inside
    below = rec.evidence(r1, *_run(rank=8, wave=None), "en")
    assert "ranks below the top 5" in plain(below[0]) and "stays among" not in " ".join(below)  # no robustness claim
    assert any("The roadmap defers it (capacity)" in s for s in below)
    # the recommendation names wave 1, the roadmap puts the service in wave 2: said
    differs = [plain(s) for s in rec.evidence(r1, *_run(rank=4, wave=2), "he")]
    assert "ההמלצה קובעת גל 1, ומפת הדרכים משבצת את השירות בגל 2." in differs
    # an exact rank is quoted when the registry holds one (prioritize.rank.<id>)
    figures, summary = _run(rank=7)
    figures = {**figures, "prioritize.rank.S1": _fig("prioritize.rank.S1", 7, "count", item="S1")}
    assert plain(rec.evidence(r1, figures, summary, "en")[0]).startswith("S1 Parking permit ranks 7 of 12 services")


@pytest.mark.parametrize("status,met,key", [
    ("improved", True, "kpi_improved_level"), ("deteriorated", False, "kpi_deteriorated"),
    ("unstable", False, "kpi_unstable"), ("stable", False, "kpi_stable_missed"), ("stable", True, "kpi_stable")])
def test_the_kpi_reading(tmp_path, status, met, key):
    r1 = _r1(tmp_path)
    figures, summary = _run(status=status, met=met)
    text = [plain(s) for s in rec.evidence(r1, figures, summary, "en")]
    target = "misses the target of 80%" if met is False else "meets the target of 80%"
    assert f"K1 Answered within 60 s: its last value, 74%, {target}." in text
    period = "March 2026" if key == "kpi_improved_level" else "June 2026"  # the shift, else the latest signal
    assert t(f"recommendations.evidence.{key}", "en", period=period, level="78%") in text


def test_what_a_run_did_not_measure_is_left_out(tmp_path):
    text = [plain(s) for s in rec.evidence(_r1(tmp_path), {}, {}, "en")]  # no section ran
    assert not [s for s in text if re.search("priority score|roadmap|last value|on its map|respondents", s)], text
    assert text[0].startswith("At the step “Letter” (stage Wait)") and text[-1].startswith("Action A1 ")


PLURAL_CASES = [("en", 1, "one pain point"), ("en", 4, "4 pain points"), ("he", 1, "נקודת כאב אחת"),
                ("he", 2, "שתי נקודות כאב"), ("he", 5, "5 נקודות כאב")]


@pytest.mark.parametrize("lang,n,words", PLURAL_CASES)
def test_counts_agree_with_their_nouns(tmp_path, lang, n, words):
    r1 = _r1(tmp_path)
    text = " ".join(plain(s) for s in rec.evidence(r1, *_run(pains=n), lang))
    assert words in text
    services = plain(rec.evidence(r1, *_run(rank=1, services=2), lang)[0])
    assert ("of 2 services" if lang == "en" else "מתוך שני שירותים") in services


def test_every_recommendations_count_message_has_plural_forms():
    counted = [k for k in PLURALS if k.startswith("recommendations.")]
    assert {"recommendations.evidence.journey_pains", "recommendations.evidence.service_days",
            "recommendations.evidence.service_ordinal"} <= set(counted)
    for key in counted:
        assert set(PLURALS[key]["he"]) == {"one", "two", "other"}, key


def test_table_and_meta(tmp_path):
    result = validate(_client(tmp_path, _sheets()))
    recs = rec.recommendations(result.engagement)
    assert rec.meta(recs[0], "en") == "Priority: high · Horizon: wave 1 · Owner: Head of parking · Action: A1"
    assert rec.meta(recs[2], "he") == ""
    frame = rec.table(recs, "he", summary=_run()[1])
    assert list(frame.columns) == [t(f"recommendations.col.{c}", "he") for c in
                                   ("rec_id", "recommendation", "rationale", "owner", "horizon", "priority",
                                    "action_id", "evidence")]
    assert frame.iloc[0, 4] == "גל 1" and "\ue000" not in "".join(frame.iloc[:, 7])  # evidence as plain text


# --------------------------------------------------------------------------- the demo clients
def _summary(client: str) -> tuple:
    """The demo client's engagement and summary.json, computed as a run computes them."""
    import svcwork
    from svcwork import journeys, links, management, measures, prioritize
    from svcwork.report import IntakeReview, build_summary, json_ready

    e = svcwork.load(CLIENTS / client)
    m = measures.analyse(e)
    results = {"intake": IntakeReview(e),
               "prioritization": prioritize.analyse(e, benefit_signal=links.benefit_signal(e, measures_result=m)),
               "journeys": journeys.analyse(e), "measures": m,
               "management": management.analyse(e, **links.linked_findings(e, measures_result=m))}
    sections = {k: {"summary": json_ready(r.summary()), "available": bool(r.available),
                    "key_figures": [f.as_record() for f in (r.key_figures() if r.available else ())]}
                for k, r in results.items()}
    return e, json.loads(json.dumps(build_summary(e, sections), ensure_ascii=False))


def _client_words(engagement) -> list[str]:
    """The client's own words holding a digit (names, pain points …): data, not the evidence's claims."""
    found = set()
    for frame in engagement.tables.values():
        for column in frame.columns:
            found.update(v.strip() for v in frame[column] if isinstance(v, str) and re.search(r"\d", v))
    return sorted(found, key=len, reverse=True)


def _unmarked_digits(sentence: str, client: list[str]) -> list[str]:
    from test_consistency import ALLOWED  # the one rule of what a sentence may write without a figure

    text = re.sub("\ue000[^\ue002]*\ue002", " ⟨figure⟩ ", sentence)
    for words in client:
        text = text.replace(words, " ")
    for rule in ALLOWED:
        text = rule.sub(" ", text)
    return [m.group(0) for m in re.finditer(r"\S*\d\S*", text)]


DEMO = [pytest.param(c, marks=pytest.mark.slow) if c == "rashut-hagimlaot" else c
        for c in ("neve-tamar", "northfield-licensing", "rashut-hagimlaot")]


@pytest.mark.parametrize("client", DEMO)
def test_demo_evidence_quotes_only_registry_figures(client):
    engagement, summary = _summary(client)
    figures = from_records(summary["key_figures"])
    client_words = _client_words(engagement)
    recs = rec.recommendations(engagement, summary)
    assert 4 <= len(recs) <= 6
    problems = []
    for lang in ("he", "en"):
        for r in recs:
            sentences = rec.evidence(r, figures, summary, lang)
            assert len(sentences) >= 2, (r.rec_id, sentences)
            for s in sentences:
                for key, attr, shown in quotes(s):
                    if key not in figures:
                        problems.append(f"{r.rec_id}: {key} is not in the registry")
                    elif shown != figures[key].shown(lang, attr):
                        problems.append(f"{r.rec_id}: {key} shows {shown}, the registry {figures[key].shown(lang, attr)}")
                problems += [f"{r.rec_id} ({lang}): unmarked {d!r} in {plain(s)}" for d in _unmarked_digits(s, client_words)]
    assert not problems, problems
    # every kind of evidence appears somewhere in the client's recommendations
    text = " ".join(plain(s) for r in recs for s in rec.evidence(r, figures, summary, "en"))
    for words in ("by priority score", "The roadmap", "last value", "control chart", "pain point", "Action A"):
        assert words in text, words
    (flag,) = rec.flags(engagement, engagement.language)
    assert flag.startswith(next(r.rec_id for r in recs if not r.has_action))


def test_a_recommendation_carried_by_a_cancelled_action_is_flagged_at_intake(tmp_path):
    """review3-exec F6: the report counts a recommendation whose action is cancelled as without an action; the
    intake now says so as it does for one with no action named (a warning naming both, in both languages)."""
    sheets = _sheets([["R1", "One checklist for every permit", None, None, "wave 1", "high", "S1", None, None, None,
                       "a3"]])
    result = validate(_client(tmp_path, sheets))
    assert result.ok
    (problem,) = _problems(result, "recommendation_action_cancelled")
    assert not problem.is_error and (problem.sheet, problem.row, problem.column) == ("Recommendations", 2, "action_id")
    assert "R1" in problem.message and "a3" in problem.message and "cancelled" in problem.message
    assert not _problems(result, "recommendation_no_action")


def test_an_action_without_a_status_never_crashes_the_cancelled_check(tmp_path):
    """The fuzz corpus's case: a blank status (NA) compared with "cancelled" raised "boolean value of NA is
    ambiguous" (an internal error); it is the located required_empty error it always was."""
    sheets = _sheets([["R1", "One checklist for every permit", None, None, "wave 1", "high", "S1", None, None, None,
                       "a3"]])
    sheets["Actions"][3][4] = None
    result = validate(_client(tmp_path, sheets))
    assert not result.ok and any(p.code == "required_empty" and p.sheet == "Actions" for p in result.problems)
