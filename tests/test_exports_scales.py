"""Answer scales and labels of survey and training exports (svcwork.exports.scales)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svcwork.exports import scales as sc
from svcwork.exports.scales import FIVE, STANDARD_SCALES, Scale

S17, S010, S110, S0100 = Scale(1, 7), Scale(0, 10), Scale(1, 10), Scale(0, 100)


def text(*cells: object) -> pd.Series:
    return pd.Series(list(cells), dtype="string")


def one(cell: str, **kw) -> sc.ItemRead:
    return sc.read_item(text(cell), **kw)


# ------------------------------------------------------------------ labels
LABELS = [
    # Hebrew satisfaction
    ("לא מרוצה בכלל", 1), ("לא מרוצה", 2), ("מרוצה במידה בינונית", 3), ("בינוני", 3), ("ניטרלי", 3),
    ("מרוצה", 4), ("מרוצה מאוד", 5), ("  מרוצה   מאוד ", 5), ("מרוצה מאוד.", 5),
    # Hebrew agreement, every gender spelling
    *[(f"{neg}{form}{tail}", v) for form in ("מסכים/ה", "מסכים/מסכימה", "מסכים.ה", "מסכימה", "מסכים",
                                             "מסכים(ה)", "מסכים / ה", "מסכים\\ה")
      for neg, tail, v in (("לא ", " בכלל", 1), ("לא ", "", 2), ("", " במידה בינונית", 3), ("", "", 4),
                           ("", " מאוד", 5), ("", " בהחלט", 5))],
    ("מתנגד/ת מאוד", 1), ("מתנגדת מאוד", 1), ("מתנגד מאוד", 1),
    # Hebrew extent
    ("במידה מועטה מאוד", 1), ("בכלל לא", 1), ("במידה מועטה", 2), ("במידה בינונית", 3), ("במידה רבה", 4),
    ("במידה רבה מאוד", 5),
    # English
    ("Very dissatisfied", 1), ("Dissatisfied", 2), ("Neither satisfied nor dissatisfied", 3), ("Neutral", 3),
    ("Satisfied", 4), ("Very satisfied", 5), ("VERY SATISFIED", 5),
    ("Strongly disagree", 1), ("Disagree", 2), ("Neither agree nor disagree", 3), ("Agree", 4),
    ("Strongly agree", 5), ("strongly_agree", 5), ("Strongly-Agree", 5),
]


@pytest.mark.parametrize(("label", "value"), LABELS)
def test_builtin_label(label, value):
    r = one(label)
    assert r.values.iloc[0] == value
    assert (r.labelled, r.dont_know, r.conflicts, r.scale, r.scale_source) == (1, 0, 0, FIVE, "evident")
    assert not r.unknown.iloc[0] and not r.out_of_scale.iloc[0]


def test_every_constant_label_is_read():
    for rows in (sc.HE_SATISFACTION, sc.HE_AGREEMENT, sc.HE_EXTENT, sc.EN_SATISFACTION, sc.EN_AGREEMENT):
        r = sc.read_item(text(*[t for t, _ in rows]))
        assert r.values.tolist() == [float(v) for _, v in rows]
        assert 1 <= min(v for _, v in rows) and max(v for _, v in rows) <= 5


DONT_KNOW = ["לא יודע/ת", "לא יודעת", "לא יודע", "לא רלוונטי", "אין לי דעה", "לא ענה/תה", "לא ענתה", "מסרב/ת",
             "מסרבת", "Don't know", "Don\u2019t know", "Do not know", "DK", "dk", "N/A", "n/a", "NA",
             "Not applicable", "Prefer not to say", "Refused", "99 - Don't know"]


@pytest.mark.parametrize("label", DONT_KNOW)
def test_dont_know_is_missing_and_counted(label):
    r = sc.read_item(text(label, "4", label, None))
    assert r.dont_know == 2 and r.labelled == 0 and r.conflicts == 0
    assert np.isnan(r.values.iloc[0]) and r.values.iloc[1] == 4 and not r.unknown.any()


@pytest.mark.parametrize(("cell", "value", "conflict"), [
    ("5 - Strongly agree", 5, 0), ("5. מרוצה מאוד", 5, 0), ("(5) Agree", 4, 1), ("5) Agree", 4, 1),
    ("4 \u2013 Agree", 4, 0), ("1: Strongly disagree", 1, 0), ("3 במידה בינונית", 3, 0),
    ("Strongly agree (5)", 5, 0), ("מסכים/ה - 2", 4, 1), ("2 - מרוצה מאוד", 5, 1),
])
def test_numeric_code_prefix(cell, value, conflict):
    r = one(cell)
    assert r.values.iloc[0] == value and r.conflicts == conflict and r.labelled == 1


def test_unknown_label_and_code_with_unknown_label():
    r = sc.read_item(text("מצוין", "5 - Excellent", "4", None, "Agree"))
    assert r.unknown.tolist() == [True, True, False, False, False]
    assert r.values.isna().tolist() == [True, True, False, True, False]
    assert (r.labelled, r.conflicts) == (1, 0)


def test_custom_labels_override_builtins():
    custom = sc.custom_labels([("Agree", 5), ("מצוין", 5), ("  Pas Mal ", 3), ("לא רלוונטי", 3),
                               ("Skip", None), ("Whatever", float("nan"))])
    assert custom["agree"] == 5 and custom["pas mal"] == 3 and np.isnan(custom["skip"])
    r = sc.read_item(text("Agree", "מצוין", "pas mal", "Skip", "whatever", "Strongly agree", "לא רלוונטי"),
                     labels=custom)
    assert r.values.tolist()[:3] == [5, 5, 3] and r.values.iloc[5] == 5 and r.values.iloc[6] == 3
    assert (r.dont_know, r.labelled) == (2, 5)
    assert sc.read_item(text("Agree")).values.iloc[0] == 4  # built-ins untouched


def test_custom_numeric_dont_know_code():
    r = sc.read_item(text("99", "4", "5", "99"), labels=sc.custom_labels([("99", None)]))
    assert (r.dont_know, r.scale, r.proven) == (2, FIVE, True)  # 99 does not make the scale 0–100
    assert not r.out_of_scale.any() and r.values.tolist()[1:3] == [4, 5]


def test_builtin_sets_agree_where_they_share_a_label():
    seen: dict[str, float | None] = {}
    for rows in (sc.HE_SATISFACTION, sc.HE_AGREEMENT, sc.HE_EXTENT, sc.EN_SATISFACTION, sc.EN_AGREEMENT,
                 sc.DONT_KNOW):
        for label, value in rows:
            assert seen.setdefault(sc.label_key(label), value) == value, label
    with pytest.raises(TypeError):
        sc.BUILTIN_LABELS["agree"] = 1  # type: ignore[index]


def test_custom_label_outside_scale_is_flagged():
    r = sc.read_item(text("Superb", "4"), labels=sc.custom_labels([("Superb", 7)]))
    assert r.out_of_scale.tolist() == [True, False] and np.isnan(r.values.iloc[0])


# ------------------------------------------------------------------ scales
@pytest.mark.parametrize(("scale", "x", "five"), [
    (FIVE, 1, 1), (FIVE, 4, 4), (FIVE, 5, 5),
    (S17, 1, 1), (S17, 4, 3), (S17, 5.5, 4), (S17, 7, 5),
    (S010, 0, 1), (S010, 5, 3), (S010, 7.5, 4), (S010, 10, 5),
    (S110, 1, 1), (S110, 7.75, 4), (S110, 10, 5),
    (S0100, 0, 1), (S0100, 50, 3), (S0100, 75, 4), (S0100, 100, 5),
])
def test_to_five_known_answers(scale, x, five):
    assert scale.to_five(np.array([x]))[0] == pytest.approx(five)
    assert scale.agree_cut == pytest.approx(scale.lo + 0.75 * (scale.hi - scale.lo))


@pytest.mark.parametrize(("scale", "agree"), [(FIVE, {4, 5}), (S17, {6, 7}), (S010, {8, 9, 10}),
                                              (S110, {8, 9, 10}), (S0100, set(range(75, 101)))])
def test_documented_agree_ranges(scale, agree):
    grid = np.arange(scale.lo, scale.hi + 1)
    assert set(grid[scale.to_five(grid) >= 4].astype(int)) == agree


@pytest.mark.parametrize("scale", STANDARD_SCALES, ids=lambda s: s.name)
def test_to_five_against_direct_computation(scale):
    rng = np.random.default_rng(11)
    x = rng.integers(int(scale.lo), int(scale.hi) + 1, size=5000).astype(float)
    y = scale.to_five(x)
    assert np.mean(25 * (y - 1)) == pytest.approx(np.mean(100 * (x - scale.lo) / (scale.hi - scale.lo)))
    assert np.mean(y >= 4) == np.mean(x >= scale.lo + 0.75 * (scale.hi - scale.lo))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(STANDARD_SCALES), st.lists(st.floats(0, 1), min_size=1, max_size=50))
def test_to_five_keeps_place_on_scale(scale, places):
    p = np.array(places)
    x = scale.lo + p * (scale.hi - scale.lo)
    y = scale.to_five(x)
    assert np.allclose(25 * (y - 1), 100 * p, atol=1e-9)
    assert np.all((y >= 1 - 1e-12) & (y <= 5 + 1e-12))


def test_to_five_series_keeps_index_and_input():
    s = pd.Series([0.0, 50.0, np.nan], index=[7, 8, 9], name="trust")
    before = s.copy()
    out = S0100.to_five(s)
    assert isinstance(out, pd.Series) and out.index.tolist() == [7, 8, 9] and out.name == "trust"
    assert out.iloc[:2].tolist() == [1, 3] and np.isnan(out.iloc[2])
    pd.testing.assert_series_equal(s, before)


@pytest.mark.parametrize(("scale", "name"),
                         [(FIVE, "1–5"), (S17, "1–7"), (S0100, "0–100"), (Scale(0.5, 4.5), "0.5–4.5")])
def test_scale_name(scale, name):
    assert scale.name == name


@pytest.mark.parametrize(("spec", "scale"), [
    ("1-5", FIVE), ("1–7", S17), ("0-10", S010), ("1-10", S110), ("0 to 100", S0100), ("1..10", S110),
    ("1 - 5", FIVE), ("1 עד 5", FIVE), ("%", S0100), ("percent", S0100), ("Percent", S0100), ("אחוזים", S0100),
    ("0-100%", S0100), ("abc", None), ("", None), ("5-1", None), ("1-", None), ("high", None),
])
def test_parse_scale(spec, scale):
    assert sc.parse_scale(spec) == scale


def test_scale_needs_lo_below_hi():
    with pytest.raises(ValueError):
        Scale(5, 1)


@pytest.mark.parametrize(("numbers", "percent", "scale", "proven"), [
    ([85, 40], True, S0100, True), ([3, 4], True, S0100, True),
    ([12, 55, 100], False, S0100, True), ([0, 55], False, S0100, True),
    ([0, 3, 10], False, S010, True), ([0, 8], False, S010, True), ([1, 9, 10], False, S110, False),
    ([1, 6, 7], False, S17, False), ([2, 6], False, S17, False), ([0, 6], False, S010, False),
    ([1, 2, 5], False, FIVE, True), ([3, 4], False, FIVE, True), ([0, 3], False, S010, False),
    ([], False, FIVE, False), ([150, -2], False, FIVE, False), ([55, 150], False, S0100, False),
    ([3, np.nan, 4], False, FIVE, True),
])
def test_evident_scale(numbers, percent, scale, proven):
    assert sc.evident_scale(np.array(numbers, dtype=float), percent=percent) == (scale, proven)


# ------------------------------------------------------------------ read_item
def test_read_item_numbers_and_spellings():
    r = sc.read_item(text("4", "4.0", "4,5", " 3 ", None, "", "7", "6", "7", "6", "7"))
    assert r.scale == S17 and r.scale_source == "evident" and not r.proven
    assert r.values.tolist()[:4] == [4, 4, 4.5, 3] and r.values.iloc[6] == 7
    assert not r.unknown.any() and not r.out_of_scale.any() and r.labelled == 0


@pytest.mark.parametrize("answers", [("4", "5", "3", "9"), ("4", "5", "0", "3", "2"),
                                     ("1", "2", "3", "4", "5") * 20 + ("6", "7", "8", "9", "10")])
def test_a_stray_answer_does_not_rescale_a_five_point_column(answers):
    # fewer than 5 answers (or under 10%) above 5: the column stays on 1–5 and the strays are errors
    r = sc.read_item(text(*answers))
    assert r.scale == FIVE and r.out_of_scale.sum() == sum(float(a) > 5 or float(a) < 1 for a in answers)


def test_read_item_percent_strings():
    r = sc.read_item(text("85%", "40 %", "%100", "7"))
    assert (r.scale, r.scale_source, r.proven) == (S0100, "evident", True)
    assert r.values.tolist() == [85, 40, 100, 7]


def test_read_item_declared_scale_flags_out_of_scale():
    r = sc.read_item(text("0", "10", "11", "-1", "1,000", "5"), scale=S010)
    assert r.scale_source == "declared" and r.out_of_scale.tolist() == [False, False, True, True, True, False]
    assert r.values.isna().tolist() == [False, False, True, True, True, False]


def test_labels_mixed_with_other_scale_are_unknown():
    r = sc.read_item(text("Agree", "0", "10", "מרוצה", "9", "8", "10", "7"))
    assert r.scale == S010 and r.mixed_labels == 2 and r.labelled == 0
    assert r.unknown.tolist()[:4] == [True, False, False, True]
    assert r.values.isna().tolist()[:4] == [True, False, False, True]
    d = sc.read_item(text("Agree", "5"), scale=S0100)
    assert d.unknown.tolist() == [True, False] and d.mixed_labels == 1


def test_labels_prove_five_over_unproven_numbers():
    r = sc.read_item(text("Agree", "6", "3"))
    assert (r.scale, r.proven) == (FIVE, True)
    assert r.out_of_scale.tolist() == [False, True, False] and r.values.iloc[0] == 4


def test_read_item_all_blank_is_default():
    r = sc.read_item(pd.Series([None, None], dtype="string"))
    assert (r.scale, r.scale_source, r.proven, r.labelled, r.dont_know) == (FIVE, "default", False, 0, 0)
    assert r.values.isna().all() and r.values.dtype == "float64"
    assert sc.read_item(pd.Series([], dtype="string")).values.empty


def test_read_item_object_series_and_index_and_input_untouched():
    s = pd.Series(["מרוצה", None, "5", np.nan, "Don't know"], index=list("abcde"), name="satisfaction", dtype=object)
    before = s.copy()
    r = sc.read_item(s)
    pd.testing.assert_series_equal(s, before)
    for out in (r.values, r.unknown, r.out_of_scale):
        assert out.index.tolist() == list("abcde") and out.name == "satisfaction"
    assert r.values.tolist()[0] == 4 and r.values.iloc[2] == 5 and r.dont_know == 1


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["1", "2", "3", "4", "5", "מרוצה", "Agree", "DK", "x", None]), max_size=30))
def test_read_item_accounts_for_every_cell(cells):
    r = sc.read_item(pd.Series(cells, dtype="string"))
    filled = int(r.values.notna().sum())
    blank = sum(c is None for c in cells)
    assert filled + blank + r.dont_know + int(r.unknown.sum()) + int(r.out_of_scale.sum()) == len(cells)
    assert r.labelled == sum(c in ("מרוצה", "Agree") for c in cells)


# ------------------------------------------------------------------ read_scores
def test_read_scores_percent_strings():
    pre, post = text("60%", "72%", None), text("85%", "90", "N/A")
    before = (pre.copy(), post.copy())
    r = sc.read_scores(pre, post)
    assert (r.scale, r.scale_source, r.proven) == (S0100, "evident", True)
    assert r.pre.tolist()[:2] == [60, 72] and r.post.tolist()[:2] == [85, 90] and r.dont_know == 1
    pd.testing.assert_series_equal(pre, before[0])
    pd.testing.assert_series_equal(post, before[1])


def test_read_scores_one_to_ten_uses_both_columns():
    r = sc.read_scores(text("3", "4", "5", "6"), text("8", "9", "zz", "7", "10"))
    assert (r.scale, r.proven) == (S110, False)  # pre alone would look like 1–5
    assert r.post_unknown.tolist() == [False, False, True, False, False] and not r.pre_unknown.any()
    assert r.pre.tolist() == [3, 4, 5, 6]


def test_read_scores_declared_and_out_of_scale():
    r = sc.read_scores(text("0", "11"), text("10", "4,5"), scale=S110)
    assert r.scale_source == "declared"
    assert r.pre_out_of_scale.tolist() == [True, True] and not r.post_out_of_scale.any()
    assert r.pre.isna().all() and r.post.tolist() == [10, 4.5]


def test_read_scores_nothing_to_go_on():
    r = sc.read_scores(text(None), text("abc"))
    assert (r.scale, r.scale_source, r.proven) == (FIVE, "default", False) and r.post_unknown.tolist() == [True]
