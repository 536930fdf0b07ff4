"""What prioritisation and management take from measures (svcwork.measures.links), checked by hand."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from test_measures_drivers import _r2

from conftest import english_sheets, write_xlsx
from svcwork import AnalysisError, load
from svcwork import measures as M


# =========================================================================== links to prioritisation and management
def _focus_survey(n: int = 400, seed: int = 11) -> pd.DataFrame:
    """Satisfaction driven by ease and efficiency (agreed by ~30%); equity and helpfulness
    irrelevant and agreed by ~90%: ease and efficiency are the "concentrate here" items."""
    rng = np.random.default_rng(seed)
    low, high = [0.2, 0.3, 0.2, 0.2, 0.1], [0.02, 0.03, 0.05, 0.4, 0.5]
    i = np.arange(n)
    # S3: 3 responses (suppressed); S4: 8 (hidden too, so S3 cannot be recovered from a margin)
    frame = pd.DataFrame({"response_id": i, "date": "2026-02-01",
                          "service_id": np.where(i < 3, "S3", np.where(i < 11, "S4", np.where(i % 2 == 0, "S1", "S2")))})
    for item, p in (("ease", low), ("efficiency", low), ("equity", high), ("helpfulness", high)):
        frame[item] = rng.choice(np.arange(1, 6), n, p=p)
    frame.loc[frame["service_id"] == "S2", "ease"] = np.clip(frame["ease"] + 1, 1, 5)  # S2 does better on ease
    frame["satisfaction"] = np.clip(np.round((frame["ease"] + frame["efficiency"]) / 2 + rng.normal(0, 0.5, n)), 1, 5)
    return frame


@pytest.fixture
def focus_client(tmp_path: Path) -> Path:
    folder = tmp_path / "focus"
    write_xlsx(folder / "intake.xlsx", english_sheets())  # min_group_size 5
    _focus_survey().to_csv(folder / "survey.csv", index=False)
    return folder


def test_benefit_signal_is_the_disagreement_on_the_concentrate_items_by_hand(focus_client):
    frame = _focus_survey()
    eng = load(focus_client)
    drivers = ["ease", "efficiency", "equity", "helpfulness"]
    # importance: LMG by brute force over all orderings with statsmodels' R² (Lindeman, Merenda & Gold 1980);
    # performance: % agreeing (4-5); quadrant cross-hairs at the means (Martilla & James 1977)
    lmg = dict.fromkeys(drivers, 0.0)
    orders = list(itertools.permutations(drivers))
    for order in orders:
        for k, d in enumerate(order):
            lmg[d] += (_r2(frame, "satisfaction", order[:k + 1]) - _r2(frame, "satisfaction", order[:k])) / len(orders)
    perf = {d: float((frame[d] >= 4).mean()) for d in drivers}
    focus = [d for d in drivers if lmg[d] >= np.mean(list(lmg.values())) and perf[d] < np.mean(list(perf.values()))]
    assert focus == ["ease", "efficiency"]  # as built
    got = M.benefit_signal(eng, seed=3)
    assert got.index.name == "service_id" and set(got.index) == {"S1", "S2"}  # S3 (3 < 5) and S4 suppressed
    for sid in ("S1", "S2"):
        rows = frame[frame["service_id"] == sid]
        assert got[sid] == pytest.approx(1 - np.mean([(rows[d] >= 4).mean() for d in focus]), abs=1e-12)
    assert list(got.index) == ["S1", "S2"] and got["S1"] > got["S2"]  # largest gap first
    assert sorted(M.weak_drivers(eng)) == ["Ease", "Efficiency"]
    assert sorted(M.weak_drivers(eng, lang="he")) == sorted(["קלות", "יעילות"])
    # the full analysis reaches the same signal and items through the same code path
    res = M.analyse(eng, n_boot=20, seed=3)
    assert res.service_signal.set_index("service_id")["gap"].to_dict() == pytest.approx(got.to_dict())
    assert sorted(res.summary()["survey"]["concentrate_here"]) == focus


def test_links_are_empty_without_a_survey_or_kpis(english_client, tmp_path):
    eng = load(english_client)  # no survey
    got = M.benefit_signal(eng)
    assert got.empty and got.index.name == "service_id" and got.dtype == float
    assert M.weak_drivers(eng) == []
    with pytest.raises(AnalysisError, match="outcome"):
        M.benefit_signal(eng, outcome="happiness")
    sheets = english_sheets()
    del sheets["KPIs"], sheets["KPI values"]
    write_xlsx(tmp_path / "bare" / "intake.xlsx", sheets)
    assert M.kpi_signals(load(tmp_path / "bare")) == []


def test_kpi_signals_name_the_kpis_with_a_signal_or_a_missed_target(tmp_path):
    sheets = english_sheets()
    sheets["KPIs"] = [["kpi_id", "kpi_name", "direction", "target", "kind"],
                      ["K1", "Days to decide", "lower", 15, "mean"],      # met, one month far out: signal
                      ["K2", "Calls answered", "higher", 90, "mean"],     # stable below target: missed
                      ["K3", "Complaints", "lower", 30, "mean"],          # met and stable: no finding
                      ["K4", "Forms online", "higher", 50, "mean"]]       # missed
    values = [["kpi_id", "period", "value"]]
    for m in range(12):
        period = f"2025-{m + 1:02d}"
        values += [["K1", period, 40.0 if m == 6 else 10 + 0.1 * (m % 2)], ["K2", period, 80 + 0.3 * (m % 2)],
                   ["K3", period, 20 + 0.2 * (m % 2)], ["K4", period, 40 + 0.5 * (m % 2)]]
    sheets["KPI values"] = values
    write_xlsx(tmp_path / "k" / "intake.xlsx", sheets)
    # by hand (Wheeler & Chambers 1992): K1 centre 12.55, average moving range (2 x 30 + 9 x 0.1) / 11 = 5.54,
    # upper limit 12.55 + 2.66 x 5.54 = 27.3 < 40; the others move by less than one sigma
    assert M.kpi_signals(load(tmp_path / "k")) == ["Days to decide", "Calls answered", "Forms online"]
