"""svcwork.prioritize.present: the report's tables, figures and findings of a prioritization, in Hebrew and English."""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.figure import Figure

from svcwork.keyfigures import plain
from svcwork.prioritize import analyse, present
from test_prioritize_analysis import HEBREW, engagement


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return analyse(engagement(tmp_path_factory.mktemp("prio")), n_samples=2000, seed=5)


def test_tables_trace_every_score_back_to_the_intake_row(result):
    tables = result.tables("en")
    c = tables["contributions"]
    sums = c.groupby("Service ID")["Contribution"].sum()
    shown = tables["priorities"].set_index("Service ID")["Score"]
    for sid, score in result.score.scores.items():
        assert sums[sid] == pytest.approx(score, abs=0.005)  # the parts at two decimals, as the score is shown
        assert round(sums[sid], 9) == shown[sid]  # and they add up to the score the table shows
    assert c.loc[c["Service ID"] == "S1", "Intake row"].unique().tolist() == [2]
    pri = tables["priorities"]
    assert pri["Reasoning"].str.len().min() > 20
    assert {"priorities", "weights", "ahp_matrix", "ahp_consistency", "rater_disagreement", "sensitivity",
            "reversals", "acceptability", "methods", "waves"} <= set(tables)
    assert "Dana" not in tables["rater_disagreement"].to_string()  # raters are never named


def test_hebrew_tables_figures_and_findings(result):
    tables = result.tables("he")
    for name, frame in tables.items():
        assert all(HEBREW.search(str(col)) for col in frame.columns), name
    assert HEBREW.search(tables["priorities"].iloc[0, -1])
    figs = result.figures("he")
    assert set(figs) == {"matrix", "sensitivity", "acceptability", "waves"}
    for name, fig in figs.items():
        assert isinstance(fig, Figure)
        assert fig.axes[0].xaxis_inverted(), name  # right-to-left
    assert not result.figures("en")["matrix"].axes[0].xaxis_inverted()
    for lang in ("en", "he"):
        found = result.findings(lang)
        assert 1 <= len(found) <= 5 and all(isinstance(x, str) and x for x in found)
    assert all(HEBREW.search(x) for x in result.findings("he"))


def test_the_weight_samples_concentration_and_seed_are_in_the_methods_not_the_findings(result):
    # the body says it plainly ("weights varied at random around the agreed ones (2,000 weight samples)");
    # the method, its concentration and seed go to the methods appendix (issue #18: jargon out of the body)
    for lang in ("en", "he"):
        robust = next(f for f in result.findings(lang) if "2,000" in f)
        assert "20260101" not in robust and "Dirichlet" not in robust and "דיריכלה" not in robust
        methods = " ".join(result.methods(lang))
        assert "2,000" in methods and "50" in methods and "SMAA-2" in methods
        notes = result.tables(lang)["method_notes"].iloc[:, 0]
        assert not notes.str.contains("2,000").any()  # moved to the methods appendix
    assert "Dirichlet distribution centred on the agreed weights with concentration 50" in " ".join(result.methods("en"))
    assert "random seed 5:" in " ".join(result.methods("en"))
    assert any("concentration 50" in n and "random seed 5;" in n for n in result.summary()["notes"])


def test_the_results_views_are_those_of_the_present_module(result):
    # the result's tables/figures/findings/skipped hand over to present: the same output either way
    for lang in ("en", "he"):
        mine, theirs = result.tables(lang), present.tables(result, lang)
        assert mine.keys() == theirs.keys() and all(mine[k].equals(theirs[k]) for k in mine)
        assert result.findings(lang, marked=True) == present.findings(result, lang)
        assert result.findings(lang) == [plain(f) for f in present.findings(result, lang)]
        assert result.takeaways(lang) == present.takeaways(result, lang)
        assert result.methods(lang) == present.methods(result, lang)
        assert result.skipped(lang) == present.skipped(lang)
        assert [result.note_text(k, p, lang) for k, p in result.notes] == \
            [present.note_text(k, p, lang) for k, p in result.notes]
    assert set(present.figures(result, "en")) == set(result.figures("en"))


def test_computation_modules_hold_no_presentation():
    # the house rule of the analysis packages: numbers in the computation modules, words and charts in present;
    # every module a size a person reads in one sitting
    folder = Path(present.__file__).parent
    for module in ("ahp", "scoring", "robustness", "waves", "survey", "analysis"):
        source = (folder / f"{module}.py").read_text(encoding="utf-8")
        for marker in ("matplotlib", "charts import", "html", "prioritize.col.", "prioritize.chart.",
                       "prioritize.finding.", "prioritize.reason."):
            assert marker not in source, (module, marker)
    for path in folder.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 900, path.name
