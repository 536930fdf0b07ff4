"""The comparison in words (svcwork.since.present): every number a marked key figure, both languages."""

from __future__ import annotations

import re

import pytest

from svcwork.keyfigures import plain, quotes, registry
from svcwork.since import Round, compare

from test_since_compare import _pair

HEBREW = re.compile(r"[\u0590-\u05ff]")


def _unmarked_digits(sentence: str) -> list[str]:
    from test_consistency import ALLOWED  # the one rule of what a sentence may write without a figure

    text = re.sub("\ue000[^\ue002]*\ue002", " ⟨figure⟩ ", sentence)
    for rule in ALLOWED:
        text = rule.sub(" ", text)
    return [m.group(0) for m in re.finditer(r"\S*\d\S*", text)]


def _variants():
    current, previous = _pair()
    yield "full", compare(current, previous, top_services=2)
    c, p = _pair(start="2025-10-01", deadline_days=10)
    small = p.cases.copy()
    small["service_id"] = "S1"
    small.loc[small.index[-4:], "service_id"] = "S2"
    yield "notes", compare(c, Round(p.summary, small, p.actions, p.recommendations), top_services=2, n_boot=300)
    yield "counts", compare(Round(current.summary), Round(previous.summary))


VARIANTS = dict(_variants())


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("lang", ["en", "he"])
def test_every_number_in_the_sentences_is_a_marked_key_figure(variant, lang):
    since = VARIANTS[variant]
    figures = registry(since.key_figures())
    sentences = since.findings(lang) + since.methods(lang)[1:]  # the first cites Newcombe's "1998, method 10"
    assert sentences
    problems = []
    for s in sentences:
        for key, attr, shown in quotes(s):
            if key not in figures:
                problems.append(f"{key} is not a key figure")
            elif shown != figures[key].shown(lang, attr):
                problems.append(f"{key}@{attr} shows {shown}, the registry {figures[key].shown(lang, attr)}")
        problems += [f"unmarked {d!r} in: {plain(s)}" for d in _unmarked_digits(s)]
        if lang == "he":
            assert HEBREW.search(s), s
    assert not problems, problems


def test_the_sentences_say_each_verdict():
    text = " ".join(plain(s) for s in VARIANTS["full"].findings("en"))
    assert "a real improvement" in text and "a real deterioration" in text
    assert "No clear change since the last report" in text and "trust" in text.lower()
    assert "two points, not a change" in text
    assert "1 action was completed and 1 new action was opened; 1 action is overdue now" in text
    assert "Service S2 moved from rank 2 to rank 1" in text
    assert "R1 done; R2 in progress; R3 no action linked; R4 status unknown" in text
    he = " ".join(plain(s) for s in VARIANTS["full"].findings("he"))
    assert "שיפור של ממש" in he and "הרעה של ממש" in he and "אין שינוי ברור" in he
    assert "בגל 1" in he


def test_the_notes_come_first_and_say_why():
    text = [plain(s) for s in VARIANTS["notes"].findings("en")]
    assert text[1].startswith("The two periods overlap") and "2025-12-31" in text[1] and "2025-10-01" in text[1]
    assert any(s.startswith("The deadline (days to close a case) changed") for s in text)
    assert any("not shown: a group falls under the minimum group size of 10" in s for s in text)
    he = [plain(s) for s in VARIANTS["notes"].findings("he")]
    assert he[1].startswith("שתי התקופות חופפות") and "31/12/2025" in he[1]
    counts = [plain(s) for s in VARIANTS["counts"].findings("en")]
    assert any(s.startswith("Counted from the two reports' totals") for s in counts)


def test_plural_forms_agree_with_their_counts():
    one, two = VARIANTS["full"], VARIANTS["counts"]
    assert "1 action is overdue now" in " ".join(plain(s) for s in one.findings("en"))
    assert "2 actions were completed" in " ".join(plain(s) for s in two.findings("en"))
    assert "פעולה אחת הושלמה" in " ".join(plain(s) for s in one.findings("he"))
    assert "שתי פעולות הושלמו" in " ".join(plain(s) for s in two.findings("he"))


@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_table_shows_every_compared_figure(lang):
    since = VARIANTS["notes"]
    frame = since.table(lang)
    assert len(frame) == len(since.rows) and frame.shape[1] == 7
    assert list(frame.columns)[0] == ("Figure" if lang == "en" else "מדד")
    withheld = frame[frame.iloc[:, 5] == ("Not shown (small group)" if lang == "en" else "לא מוצג (קבוצה קטנה)")]
    assert len(withheld) and (withheld.iloc[:, 1:5] == "—").all().all()
    sat = frame.iloc[0]
    assert sat.iloc[1].endswith("%") and sat.iloc[3].startswith("+")


def test_methods_state_the_bootstrap_resamples_and_seed():
    since = VARIANTS["full"]
    methods = [plain(s) for s in since.methods("en")]
    assert any("2,000 resamples, random seed 20,260,101" in s for s in methods)
    assert any("Western Electric" in s for s in methods)


@pytest.mark.parametrize("lang", ["en", "he"])
def test_a_change_in_the_values_own_unit_is_the_difference_of_the_values_shown(lang):
    """The reader's subtraction agrees with the text (review of 2026-12-07: hand-offs 0.95 → 1.14 were
    "a change of 0.18").  Checked from the shown texts themselves, in decimal arithmetic: the table's
    previous and current of every row whose change is in their own unit and precision (days, rates,
    counts, numbers), and the key figures the sentences quote."""
    from decimal import Decimal

    from svcwork.keyfigures import DIGITS
    from svcwork.since.rows import row, shown_change

    def number(text: str) -> Decimal:
        return Decimal(text.replace(",", "").replace("\u2212", "-").replace("+", "").strip("\u200e\u200f "))

    # the known answer the review found: 0.954 → 1.136 (a change of 0.182 unrounded) reads 0.95, 1.14, 0.19
    r = row("journeys.handoffs_per_case", "journey", kind="rate", direction="lower", previous=0.954, current=1.136)
    assert r["change"] == pytest.approx(0.182) and shown_change(r) == pytest.approx(0.19)
    # a share's change stays in unrounded percentage points (finer than the whole percentages shown)
    share = row("journeys.fcr", "journey", kind="share", direction="higher", previous=0.374, current=0.451)
    assert shown_change(share) == share["change"] == pytest.approx(7.7)
    checked = 0
    for since in VARIANTS.values():
        figures = registry(since.key_figures())
        for r in since.records():
            if r["verdict"] == "suppressed" or r["change"] is None or r["kind"] not in ("days", "rate", "count", "number"):
                continue
            if DIGITS[r["change_kind"]] > DIGITS[r["kind"]]:
                continue
            f = r["figure"]
            previous, current = figures[f"since.previous.{f}"], figures[f"since.current.{f}"]
            change = figures[f"since.change.{f}"]
            assert number(change.shown(lang)) == number(current.shown(lang)) - number(previous.shown(lang)), f
            checked += 1
        table = since.table(lang)
        assert len(table) == len(since.records())
    assert checked >= 3


@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_exec_names_each_deterioration_or_says_the_section_lists_the_rest(lang):
    from svcwork.since.present import executive
    from svcwork.since.rows import per_service

    since = VARIANTS["full"]
    worse = [r for r in since.records() if r["verdict"] == "worse"]
    assert any(per_service(r) for r in worse)  # the data have deteriorations by service
    block = executive(since, lang, limit=10)
    named = {key for s in block["items"] for key, attr, _ in quotes(s) if attr == "value"}
    for r in worse:
        if r["group"] != "kpi":  # every deterioration of a measured figure, the whole organisation's or a service's
            assert any(key.endswith(r["figure"]) for key in named), r["figure"]
    # the KPI's deterioration is not among the items: a sentence says the section has it
    from svcwork.i18n import t
    assert t("since.exec.more_worse", lang) in block["lines"]
    few = executive(since, lang, limit=1)
    assert len(few["items"]) == 1 and t("since.exec.more_worse", lang) in few["lines"]
