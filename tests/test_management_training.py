"""Management, training: paired change (t, Wilcoxon, Cohen's d_z), effect per skill and unit, transfer
to the observation scores (:mod:`svcwork.management.training`).

Every statistic is checked against an independent reference: a published worked example
(cited at the test), a closed-form identity, or a hand computation with numpy."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from conftest import english_sheets, write_xlsx
from scipy import stats
from test_management_observations import _obs

import svcwork
from svcwork.errors import AnalysisError
from svcwork.management import ALL, analyse, cohens_dz, paired_change, training_effect, training_transfer


# Student (1908), "The probable error of a mean", Biometrika 6:1-25 (Cushny & Peebles' hypnotics);
# R datasets::sleep.  R: t.test(extra[group == 2], extra[group == 1], paired = TRUE) gives
# t = 4.0621, df = 9, p-value = 0.002833, 95% CI 0.7001142 to 2.4598858, mean difference 1.58.
SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]


SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]


# Hollander & Wolfe (1973, 1999), Nonparametric Statistical Methods, Example 3.1 (Hamilton
# depression scale, first and second visit); R's wilcox.test example:
# wilcox.test(x, y, paired = TRUE, alternative = "greater") gives V = 40, p-value = 0.01953.
HW_X = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]


HW_Y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]


# --------------------------------------------------------------------------- paired change


def test_paired_change_matches_student_sleep_data():
    pc = paired_change(SLEEP_1, SLEEP_2)
    assert pc.n == 10
    assert pc.mean_change == pytest.approx(1.58)
    assert pc.t == pytest.approx(4.0621, abs=5e-5)
    assert pc.p_t == pytest.approx(0.002833, abs=5e-7)
    assert pc.low == pytest.approx(0.7001142, abs=1e-6)
    assert pc.high == pytest.approx(2.4598858, abs=1e-6)
    # R effectsize::cohens_d(Pair(extra[group == 1], extra[group == 2]) ~ 1, data = sleep) = -1.284558
    assert pc.dz == pytest.approx(1.284558, abs=1e-6)


def test_paired_change_against_hand_formulas():
    rng = np.random.default_rng(11)
    pre = rng.normal(3, 0.8, 25)
    post = pre + rng.normal(0.4, 0.5, 25)
    d = post - pre
    se = d.std(ddof=1) / np.sqrt(len(d))
    q = stats.t.ppf(0.975, len(d) - 1)
    pc = paired_change(pre, post)
    assert pc.t == pytest.approx(d.mean() / se)
    assert pc.low == pytest.approx(d.mean() - q * se)
    assert pc.high == pytest.approx(d.mean() + q * se)
    assert pc.p_t == pytest.approx(2 * stats.t.sf(abs(d.mean() / se), len(d) - 1))
    # d_z = mean difference / SD of differences = t / sqrt(n) (Lakens 2013, Front. Psychol. 4:863)
    assert pc.dz == pytest.approx(d.mean() / d.std(ddof=1))
    assert cohens_dz(pre, post) == pytest.approx(pc.t / np.sqrt(len(d)))
    # 90 % interval is narrower and uses the 95th percentile of t
    pc90 = paired_change(pre, post, alpha=0.10)
    assert pc90.high - pc90.low == pytest.approx(2 * stats.t.ppf(0.95, len(d) - 1) * se)


def test_wilcoxon_matches_hollander_wolfe_example():
    pc = paired_change(HW_X, HW_Y)  # change = second − first visit
    # two-sided exact p is twice R's one-sided 0.01953 (= 10/512); statistic min(T+, T−) = 45 − 40
    assert pc.p_wilcoxon == pytest.approx(2 * 10 / 512)
    assert pc.wilcoxon == pytest.approx(45 - 40)


def test_paired_change_degenerate_cases():
    same = paired_change([3, 3, 3], [4, 4, 4])
    assert same.mean_change == 1 and same.t is None and same.dz is None
    assert same.low == same.high == 1
    none = paired_change([3, 2], [3, 2])
    assert none.wilcoxon is None and none.p_wilcoxon is None
    empty = paired_change([], [])
    assert empty.n == 0 and empty.mean_change is None
    with pytest.raises(AnalysisError, match="equal length"):
        paired_change([1, 2, 3], [1, 2])


# --------------------------------------------------------------------------- training effect and transfer


def test_training_effect_and_suppression():
    rows = []
    for e in range(8):
        rows.append((f"p{e}", "listening", 2.0 + e % 3, 3.0 + e % 3 + (e % 2) * 0.5, "Parking"))
    for e in range(3):
        rows.append((f"r{e}", "listening", 3.0, 2.0, "Records"))  # a small team: never shown, not pooled
    tr = pd.DataFrame(rows, columns=["employee_code", "skill", "pre_score", "post_score", "unit"])
    eff = training_effect(tr, min_size=5)
    assert set(eff["unit"]) == {ALL, "Parking"}
    all_row = eff[eff["unit"] == ALL].iloc[0]
    parking = eff[eff["unit"] == "Parking"].iloc[0]
    assert all_row["n"] == 8 and all_row["change"] == pytest.approx(parking["change"])
    expected = paired_change(tr["pre_score"][:8], tr["post_score"][:8])
    assert all_row["change"] == pytest.approx(expected.mean_change)
    assert training_effect(tr, min_size=9).empty


def test_training_transfer_by_hand():
    tr = pd.DataFrame({"employee_code": [f"e{i}" for i in range(6)], "skill": "הקשבה", "pre_score": 2.0,
                       "post_score": 3.0, "date": pd.Timestamp(2026, 3, 15)})
    rows = []
    for i in range(6):
        rows.append((pd.Timestamp(2026, 2, 1), "U", "O", f"e{i}", "listening", 2 + i % 2))
        rows.append((pd.Timestamp(2026, 3, 15), "U", "O", f"e{i}", "listening", 3 + i % 2))  # on the date: after
        rows.append((pd.Timestamp(2026, 4, 1), "U", "O", f"e{i}", "closing", 1))  # other item: ignored
    tr_out = training_transfer(tr, _obs(rows), min_size=5).iloc[0]
    assert tr_out["skill"] == "listening" and tr_out["scope"] == "item"
    assert tr_out["n"] == 6 and tr_out["change"] == pytest.approx(1.0)
    assert training_transfer(tr, _obs(rows), min_size=7).empty


def _transfer_by_loop(tr: pd.DataFrame, obs: pd.DataFrame, *, min_size: int) -> pd.DataFrame:
    """The second method: employee by employee, each one's observation scores before and from the
    training date averaged with ``Series.mean`` (the way transfer was first computed)."""
    from svcwork.management.observations import _prepare_observations
    from svcwork.management.training import _prepare_training

    tr = _prepare_training(tr).dropna(subset=["employee_code", "date"])
    obs = _prepare_observations(obs).dropna(subset=["employee_code"])
    items, rows = set(obs["item"].dropna()), []
    for skill, grp in tr.groupby("skill", sort=True, observed=True):
        pool = obs[obs["item"] == skill] if skill in items else obs
        first = grp.sort_values("date").drop_duplicates("employee_code")
        before, after = [], []
        for emp, when in zip(first["employee_code"], first["date"]):
            mine = pool[pool["employee_code"] == emp]
            b, a = mine.loc[mine["date"] < when, "score"], mine.loc[mine["date"] >= when, "score"]
            if len(b) and len(a):
                before.append(b.mean())
                after.append(a.mean())
        if len(before) >= min_size:
            pc = paired_change(before, after)
            rows.append({"skill": skill, "n": pc.n, "change": pc.mean_change, "p_t": pc.p_t, "dz": pc.dz})
    return pd.DataFrame(rows, columns=["skill", "n", "change", "p_t", "dz"])


@pytest.mark.parametrize("seed", range(12))
def test_training_transfer_equals_the_employee_by_employee_loop(seed):
    """Random trainings and observations (dates missing, scores missing, people seen on one side
    only, several trainings per person): the grouped computation gives the loop's figures."""
    rng = np.random.default_rng(seed)
    people = [f"e{i}" for i in range(int(rng.integers(6, 30)))]
    days = pd.date_range("2026-01-01", periods=120, freq="D")
    n_tr = int(rng.integers(5, 60))
    tr = pd.DataFrame({"employee_code": rng.choice(people, n_tr), "skill": rng.choice(["listening", "empathy"], n_tr),
                       "pre_score": 2.0, "post_score": 3.0, "date": rng.choice(days, n_tr)})
    n_obs = int(rng.integers(20, 400))
    obs = _obs({"date": pd.Series(rng.choice(days, n_obs)).where(rng.random(n_obs) > 0.05),
                "unit": "U", "observer": "O", "employee_code": rng.choice(people, n_obs),
                "item": rng.choice(["listening", "closing"], n_obs),
                "score": pd.Series(rng.integers(1, 6, n_obs).astype(float)).where(rng.random(n_obs) > 0.1)})
    expected = _transfer_by_loop(tr, obs, min_size=3)
    assert len(expected) or seed % 4, "most draws must give transfer rows to compare"
    got = training_transfer(tr, obs, min_size=3)[expected.columns]
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected, check_dtype=False, rtol=1e-12)


def test_training_transfer_through_analyse_uses_all_observations(tmp_path):
    sheets = english_sheets()  # min_group_size 5
    obs = [["date", "unit", "observer", "employee_code", "item", "score"]]
    tr = ["employee_code,skill,pre_score,post_score,unit,date"]
    for unit in ("Parking", "Revenue"):
        emps = [f"{unit[0]}{i:02d}" for i in range(6)]
        for i, e in enumerate(emps):
            # each unit × item cell has 3 people (< 5: never published), listening pooled has 6 per unit
            item = "listening" if i < 3 else "closing"
            obs.append([dt.date(2026, 2, 1), unit, "Observer A", e, item, 2])
            obs.append([dt.date(2026, 4, 1), unit, "Observer A", e, item, 4])
            for skill in ("listening", "closing"):
                tr.append(f"{e},{skill},2.0,3.0,{unit},2026-03-01")
    sheets["Observations"] = obs
    folder = tmp_path / "transfer"
    write_xlsx(folder / "intake.xlsx", sheets)
    (folder / "training.csv").write_text("\n".join(tr) + "\n", encoding="utf-8")
    res = analyse(svcwork.load(folder))
    assert res.items.empty and res.unit_items.empty  # no observation cell is publishable
    got = res.transfer.set_index("skill")
    assert set(got.index) == {"listening", "closing"}
    assert got.loc["listening", "n"] == 6 and got.loc["listening", "change"] == pytest.approx(2.0)
    assert got.loc["listening", "scope"] == "item"
    assert "training_transfer" in res.tables("he")


def test_the_training_change_figure_names_the_base_its_interval_rests_on(tmp_path):
    """An employee with two rows for a skill gives two paired scores: the quoted base is the pairs the interval
    uses (the re-measurement recovers the standard error from it), not the employees."""
    from svcwork.keyfigures import registry

    sheets = english_sheets()  # min_group_size 5
    folder = tmp_path / "twice"
    write_xlsx(folder / "intake.xlsx", sheets)
    pre = [2.0, 3.0, 2.5, 3.5, 2.0, 3.0, 2.5, 4.0]
    post = [3.0, 3.5, 3.5, 4.0, 3.0, 4.5, 2.5, 4.5]
    codes = ["E1", "E2", "E3", "E4", "E5", "E6", "E1", "E2"]  # six employees, eight pairs
    lines = ["employee_code,skill,pre_score,post_score,unit"] + [
        f"{c},listening,{a},{b},Parking" for c, a, b in zip(codes, pre, post)]
    (folder / "training.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    fig = next(f for f in registry(analyse(svcwork.load(folder)).key_figures()).values()
               if f.key.startswith("management.training_change"))
    assert (fig.base, fig.base_of) == (8, "pairs")
    # the interval is Student's t over the eight differences (scipy), recovered from the base as since.stats does
    d = np.subtract(post, pre)
    se = d.std(ddof=1) / np.sqrt(len(d))
    assert (fig.high - fig.low) / 2 == pytest.approx(stats.t.ppf(0.975, fig.base - 1) * se)
    one_each = "\n".join(lines[:7]) + "\n"  # six employees, one pair each: the base is the staff
    (folder / "training.csv").write_text(one_each, encoding="utf-8")
    fig = next(f for f in registry(analyse(svcwork.load(folder)).key_figures()).values()
               if f.key.startswith("management.training_change"))
    assert (fig.base, fig.base_of) == (6, "staff")
