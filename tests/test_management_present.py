"""Management, presentation: tables, figures and findings in both languages, nothing suppressed or
identifying leaves, no negative zero (:mod:`svcwork.management.present`)."""

from __future__ import annotations

import datetime as dt
import json
import re

import matplotlib.text
import numpy as np
import pandas as pd
from test_management_analysis import EMPLOYEES, engagement, result  # noqa: F401  (module fixtures)

from svcwork import charts
from svcwork.management import SkillChange, UnitPack, UnitSignal, analyse

HEBREW = re.compile(r"[\u0590-\u05ff]")


def _figure_texts(fig) -> list[str]:
    return [a.get_text() for a in fig.findobj(matplotlib.text.Text)]


def _all_output_text(result, lang: str) -> str:
    parts = [json.dumps(result.summary(), ensure_ascii=False)]
    for frame in result.tables(lang).values():
        parts.append(frame.to_csv(index=False))
    figs = result.figures(lang)
    for fig in figs.values():
        parts += _figure_texts(fig)
        charts.close(fig)
    parts += result.findings(lang)
    for pack in result.unit_packs():
        parts.append(json.dumps(pack.summary(), ensure_ascii=False))
        parts += pack.focus_points(lang)
        parts += [f.to_csv(index=False) for f in pack.tables(lang).values()]
    return "\n".join(parts)


def test_tables_and_figures_in_both_languages(result):
    en, he = result.tables("en"), result.tables("he")
    assert set(en) == set(he)
    for slug in ("observations_by_item", "observations_by_unit_item", "observation_trend", "coaching_focus",
                 "calibration", "actions_by_owner", "actions_by_unit", "actions_by_source", "actions_overdue",
                 "actions_burndown", "findings_without_action", "lessons_pareto", "lessons_without_action",
                 "training_effect", "training_transfer"):
        assert slug in en, slug
        assert all(HEBREW.search(str(c)) for c in he[slug].columns), slug
    assert "הקשבה" in set(he["observations_by_item"].iloc[:, 0])
    overdue = en["actions_overdue"]
    assert overdue.iloc[:, 0].tolist() == ["A1", "A2"]
    figs = result.figures("he")
    assert {"observation_heatmap", "observation_trend", "actions_status", "actions_burndown", "lessons_pareto",
            "training_change"} <= set(figs)
    assert any(HEBREW.search(t) for t in _figure_texts(figs["observation_heatmap"]))
    for fig in figs.values():
        charts.close(fig)
    assert 1 <= len(result.findings("he")) <= 5
    assert all(HEBREW.search(f) for f in result.findings("he"))


def test_suppressed_groups_never_leave(result):
    for lang in ("en", "he"):
        text = _all_output_text(result, lang)
        assert "greeting" not in text  # scored on two people per unit
        # the one-person team may appear only as a pack without scores
    for lang in ("en", "he"):
        for slug, frame in result.tables(lang).items():
            assert "Archive" not in frame.to_csv(index=False), slug
        for fig in result.figures(lang).values():
            assert not any("Archive" in t for t in _figure_texts(fig))
            charts.close(fig)
    archive = [p for p in result.unit_packs() if p.unit == "Archive"]
    assert archive and archive[0].items == () and archive[0].observation_mean is None
    assert archive[0].training == ()
    # organisation-wide item counts add up from the unit cells shown: no suppressed cell is
    # hidden inside a total
    en = result.tables("en")
    by_item = en["observations_by_item"].set_index("Item")["Count"]
    by_cell = en["observations_by_unit_item"].groupby("Item")["Count"].sum()
    pd.testing.assert_series_equal(by_item.sort_index(), by_cell.sort_index(), check_names=False,
                                   check_index_type=False)
    # nothing in the result's frames under min_group_size people
    mg = result.min_size
    for frame in (result.items, result.unit_items, result.observers, result.trend, result.unit_trend):
        assert (frame["employees"] >= mg).all()
    assert (result.training_by_unit["employees"] >= mg).all()
    assert (result.transfer["n"] >= mg).all()


def test_no_clear_employee_code_anywhere(result, engagement):
    codes = [c for emps in EMPLOYEES.values() for c in emps] + ["Z999"]
    for lang in ("en", "he"):
        text = _all_output_text(result, lang)
        for code in codes:
            assert not re.search(rf"\b{code}\b", text, flags=re.IGNORECASE), code
    # both files were pseudonymised with the same namespace, so trained employees were matched
    assert set(engagement.training["employee_code"]) & set(engagement.table("Observations")["employee_code"])
    assert len(result.transfer) == 2 and (result.transfer["n"] == 14).all()
    emp = result.tables("en")["observations_by_employee"]
    assert emp.iloc[:, 0].str.fullmatch(r"emp-[0-9a-f]{12}").all()
    assert len(result.tables("en")) == len(analyse(engagement).tables("en")) + 1  # off by default


def test_pack_tables_never_show_negative_zero(tmp_path, engagement):
    from svcwork import report
    pack = UnitPack(unit="Parking", min_size=5, report_date=dt.date(2026, 6, 30),
                    training=(SkillChange("listening", 6, -0.001, -0.3, 0.0004, -0.0001),),
                    signals=(UnitSignal("Wait", -0.0001, target=0.0),))
    values = pack.tables("en")["training"].select_dtypes("number").to_numpy(dtype=float).ravel()
    assert not np.signbit(values[values == 0]).any()
    page = report.write_unit_packs([pack], output_dir=tmp_path, engagement=engagement, lang="en")[0].read_text("utf-8")
    cells = re.findall(r"<td class='num'>([^<]*)</td>", page)
    assert cells and not any(re.fullmatch(r"[-−]0(\.0+)?", c) for c in cells), cells
    from svcwork.management import FocusPoint
    flat = FocusPoint("management.focus.training_flat", (("skill", "item", "listening"), ("change", "signed", -0.001)))
    assert "+0.0" in flat.text("en") and "-0.0" not in flat.text("he")
    # the result's tables too
    res_tables = analyse(engagement).tables("en")
    for frame in res_tables.values():
        for col in frame.select_dtypes("float").columns:
            assert not any(v == 0 and np.signbit(v) for v in frame[col].dropna()), col


# --------------------------------------------------------------------------- the package layout


def test_computation_modules_hold_no_presentation_and_do_not_import_the_links():
    import ast
    from pathlib import Path

    import svcwork.management as management
    package = Path(management.__file__).parent
    computation = [p for p in package.glob("*.py") if p.name not in ("__init__.py", "links.py")
                   and not p.stem.startswith("present")]
    assert {p.stem for p in computation} >= {"observations", "calibration", "actions", "lessons", "training", "kpis",
                                             "packs", "result", "analysis"}
    for path in computation:
        text = path.read_text(encoding="utf-8")
        for word in ("matplotlib", "management.col.", "management.fig.", "management.finding.", "<table", "<div"):
            assert word not in text, (path.name, word)
        imported = {(n.module or "") for n in ast.walk(ast.parse(text)) if isinstance(n, ast.ImportFrom)}
        imported |= {f"{n.module}.{a.name}" for n in ast.walk(ast.parse(text)) if isinstance(n, ast.ImportFrom)
                     for a in n.names}
        assert not any(m.endswith("links") or "journeys" in m for m in imported), (path.name, imported)
    assert "scipy" not in (package / "present.py").read_text(encoding="utf-8")  # presentation computes no statistic
    assert all(len(p.read_text(encoding="utf-8").splitlines()) <= 900 for p in package.rglob("*.py"))


def test_words_of_a_small_engagement_quote_only_its_key_figures(result):
    """The fixture's engagement (two units, five actions, one pair of observers): findings, takeaways and
    methods in both languages, every quoted number a key figure shown as the figure shows it."""
    from svcwork.keyfigures import quotes, registry

    figures = registry(result.key_figures())
    for lang in ("en", "he"):
        texts = result.findings(lang, marked=True) + list(result.takeaways(lang).values()) + result.methods(lang)
        assert 3 <= len(result.findings(lang)) <= 5
        for text in texts:
            for key, attr, shown in quotes(text):
                assert figures[key].shown(lang, attr) == shown, (key, attr)
        figs = result.figures(lang)
        assert set(result.takeaways(lang)) <= set(figs)
        for fig in figs.values():
            charts.close(fig)


def test_measurement_rounds_are_named_as_the_words_name_periods(result):
    """C2: a round is "Q4 2026" / "רבעון 4 2026" (i18n.fmt_period) in its table, its chart and the chart's
    alternative, as in the report's sentences — never "2026Q4"."""
    from svcwork.alttext import alt_text
    from svcwork.i18n import fmt_period
    from svcwork.management.present import figure_data

    raw = [str(v) for v in result.rounds["round"]]
    assert len(raw) >= 2 and all(re.fullmatch(r"\d{4}Q[1-4]", v) for v in raw), raw
    for lang in ("en", "he"):
        named = [fmt_period(v, lang) for v in raw]
        assert named != raw
        table = result.tables(lang)["actions_rounds"]
        assert table.iloc[:, 0].tolist() == named
        data = figure_data(result, lang)["actions_rounds"]
        assert data.frame.iloc[:, 0].tolist() == named
        alt = alt_text("x", data, lang)
        assert not any(v in alt for v in raw) and named[0] in alt and named[-1] in alt
        fig = result.figures(lang)["actions_rounds"]
        ticks = [x.get_text() for x in fig.axes[0].get_xticklabels()]
        charts.close(fig)
        assert ticks == named and not any(v in _figure_texts(fig) for v in raw)


def test_slanted_labels_of_a_hebrew_axis_mirror_the_english_ones(result):
    """C3: on the heatmap and the pareto chart a Hebrew label runs down to the right from its own tick
    (rotation -30, anchored), the mirror of the English label that runs up to the left (30, right)."""
    for lang, (rotation, ha, mode) in (("he", (330.0, "left", "anchor")), ("en", (30.0, "right", "default"))):
        figs = result.figures(lang)
        for slug in ("observation_heatmap", "lessons_pareto"):
            labels = [x for x in figs[slug].axes[0].get_xticklabels() if x.get_text()]
            assert labels, slug
            assert {(x.get_rotation(), x.get_horizontalalignment(), x.get_rotation_mode()) for x in labels} == \
                {(rotation, ha, mode)}, (lang, slug)
        for fig in figs.values():
            charts.close(fig)
