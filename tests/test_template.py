"""The intake template and the field reference: generated from the schema, in step with the loader.

The templates are checked against the loader (:func:`svcwork.validate`), not against the
generator itself: a filled copy must validate, the grey example row must be recognised and
ignored, and every drop-down value must be a value the loader accepts.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest

from conftest import ROOT
from svcwork import UsageError, validate
from svcwork.cli import main
from svcwork.i18n import t
from svcwork.schema import (COMPANIONS, CRITERIA_COLUMNS, ENUMS, FRONTLINE_SKILLS, SETTINGS, SHEETS, STANDARD_MEASURES,
                            normalize_name, sheet)
from svcwork.template import write_template

LANGS = ("he", "en")
TABLE_SHEETS = [s for s in SHEETS if not s.settings]
EXAMPLE_SHEETS = [s for s in TABLE_SHEETS if sum(c.example is not None for c in s.columns) >= 2]
STALE = "is out of date with svcwork/schema.py and svcwork/i18n/: run `make templates` and commit the result"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("templates")
    return {lang: write_template(folder / f"intake_{lang}.xlsx", lang=lang) for lang in LANGS}


@pytest.fixture(scope="module")
def books(built) -> dict[str, openpyxl.Workbook]:
    return {lang: openpyxl.load_workbook(path) for lang, path in built.items()}


def list_values(wb: openpyxl.Workbook, name: str) -> list[str]:
    """The values behind a defined name (a drop-down's source range)."""
    dests = list(wb.defined_names[name].destinations)
    assert len(dests) == 1, (name, dests)
    title, ref = dests[0]
    return [row[0].value for row in wb[title][ref.replace("$", "")]]


def validation_at(ws, coordinate: str):
    found = [dv for dv in ws.data_validations.dataValidation if coordinate in dv.sqref]
    assert len(found) == 1, (ws.title, coordinate, found)
    return found[0]


def setting_row(ws, key: str, lang: str) -> int:
    header = next(c for c in SETTINGS if c.key == key).header(lang)
    rows = [cell.row for cell in ws["A"] if cell.value == header]
    assert len(rows) == 1, (key, rows)
    return rows[0]


def fill_copy(template: Path, lang: str, target: Path) -> Path:
    """What a clerk does: fill the required settings and one service; leave every example row in place."""
    wb = openpyxl.load_workbook(template)
    ws = wb[sheet("Engagement").title(lang)]
    values = {"organization": "עיריית דוגמה" if lang == "he" else "Example Agency",
              "language": ENUMS["language"].label(lang, lang),
              "period_start": dt.date(2026, 1, 1), "period_end": dt.date(2026, 6, 30)}
    for key, value in values.items():
        ws.cell(row=setting_row(ws, key, lang), column=2, value=value)
    services = wb[sheet("Services").title(lang)]
    row = {"service_id": "S1", "service_name": "תו חניה" if lang == "he" else "Resident parking", "unit": "Parking",
           "effort": 3, "benefit": 4, "visibility": 2, "mandatory": ENUMS["yesno"].label("yes", lang)}
    headers = [c.value for c in services[1]]
    for key, value in row.items():
        services.cell(row=3, column=headers.index(sheet("Services").column(key).header(lang)) + 1, value=value)
    target.parent.mkdir(parents=True, exist_ok=True)
    wb.save(target)
    return target


# --------------------------------------------------------------------------- committed artefacts are fresh
@pytest.mark.parametrize("lang", LANGS)
def test_committed_template_is_what_the_command_writes(lang, tmp_path, capsys):
    out = tmp_path / f"intake_{lang}.xlsx"
    assert main(["template", "--lang", lang, "-o", str(out)]) == 0
    committed = ROOT / "templates" / f"intake_{lang}.xlsx"
    assert committed.is_file(), f"templates/intake_{lang}.xlsx is missing: run `make templates`"
    assert committed.read_bytes() == out.read_bytes(), f"templates/intake_{lang}.xlsx {STALE}"


def test_committed_reference_is_what_the_command_writes(tmp_path, capsys):
    out = tmp_path / "intake.md"
    assert main(["reference", "-o", str(out)]) == 0
    committed = ROOT / "docs" / "intake.md"
    assert committed.is_file(), "docs/intake.md is missing: run `make templates`"
    assert committed.read_bytes() == out.read_bytes(), f"docs/intake.md {STALE}"


def test_unknown_language_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        write_template(tmp_path / "x.xlsx", lang="fr")
    assert not (tmp_path / "x.xlsx").exists()


# --------------------------------------------------------------------------- the template and the loader agree
@pytest.mark.parametrize("lang", LANGS)
def test_filled_template_validates_without_errors(lang, built, tmp_path):
    intake = fill_copy(built[lang], lang, tmp_path / "client" / "intake.xlsx")
    result = validate(intake.parent)
    errors = [(p.code, p.sheet, p.row, p.column, p.message) for p in result.problems if p.is_error]
    assert not errors, errors
    eng = result.engagement
    assert eng is not None and eng.language == lang
    assert eng.settings.organization in ("עיריית דוגמה", "Example Agency")
    assert (eng.settings.sla_days, eng.settings.repeat_contact_days, eng.settings.min_group_size, eng.settings.waves) \
        == tuple(next(c for c in SETTINGS if c.key == k).default
                 for k in ("sla_days", "repeat_contact_days", "min_group_size", "waves"))
    services = eng.table("Services")
    assert services["service_id"].tolist() == ["S1"]  # the example row (S01) is not data
    assert services["_row"].tolist() == [3]
    assert services["mandatory"].tolist() == ["yes"]
    for s in TABLE_SHEETS:
        if s.key != "Services":
            assert eng.table(s.key).empty, s.key


@pytest.mark.parametrize("lang", LANGS)
def test_untouched_example_rows_give_example_row_warnings_and_no_error(lang, built, tmp_path):
    intake = fill_copy(built[lang], lang, tmp_path / "client" / "intake.xlsx")
    result = validate(intake)
    assert result.ok and result.n_errors == 0
    flagged = {(p.sheet, p.row) for p in result.problems if p.code == "example_row"}
    assert all(not p.is_error for p in result.problems if p.code == "example_row")
    assert flagged == {(s.title(lang), 2) for s in EXAMPLE_SHEETS}


@pytest.mark.parametrize("lang", LANGS)
def test_an_edited_example_row_is_read_as_data(lang, built, tmp_path):
    path = fill_copy(built[lang], lang, tmp_path / "client" / "intake.xlsx")
    wb = openpyxl.load_workbook(path)
    wb[sheet("Services").title(lang)]["A2"] = "S09"
    wb.save(path)
    result = validate(path)
    assert result.ok, [p.message for p in result.problems if p.is_error]
    assert result.engagement.table("Services")["service_id"].tolist() == ["S09", "S1"]
    assert (sheet("Services").title(lang), 2) not in {(p.sheet, p.row) for p in result.problems
                                                     if p.code == "example_row"}


@pytest.mark.parametrize("lang", LANGS)
def test_every_drop_down_value_is_accepted_by_the_loader(lang, books):
    wb = books[lang]
    for name in ENUMS:
        if f"list_{name}" not in wb.defined_names:
            continue
        lookup = ENUMS[name].lookup()
        values = list_values(wb, f"list_{name}")
        assert [lookup.get(normalize_name(v)) for v in values] == list(ENUMS[name].keys), name
        assert values == [ENUMS[name].label(k, lang) for k in ENUMS[name].keys], name
    services = sheet("Services")
    criteria = {normalize_name(n): c.key for c in services.columns for n in c.names()}
    assert [criteria.get(normalize_name(v)) for v in list_values(wb, "list_criteria")] == list(CRITERIA_COLUMNS)
    channel = ENUMS["channel"].lookup()
    any_channel = list_values(wb, "list_channel_any")
    assert any_channel[0] == "*" and [channel[normalize_name(v)] for v in any_channel[1:]] == list(ENUMS["channel"].keys)
    assert list_values(wb, "list_measures") == list(STANDARD_MEASURES)
    assert list_values(wb, "list_skills") == [he if lang == "he" else en for en, he in FRONTLINE_SKILLS]


def test_drop_down_choices_fill_a_hebrew_workbook_that_loads(built, tmp_path):
    """Values picked from the Hebrew drop-downs (Channels, Actions) load as the canonical keys."""
    path = fill_copy(built["he"], "he", tmp_path / "client" / "intake.xlsx")
    wb = openpyxl.load_workbook(path)
    pick = {name: list_values(wb, name) for name in ("list_channel", "list_availability", "list_yesno", "list_status")}
    ch = wb[sheet("Channels").title("he")]
    for i, (channel, available) in enumerate(zip(pick["list_channel"], pick["list_availability"] * 3), start=3):
        for j, value in enumerate(("S1", channel, available, None, pick["list_yesno"][0]), start=1):
            ch.cell(row=i, column=j, value=value)
    wb.save(path)
    result = validate(path)
    assert result.ok, [p.message for p in result.problems if p.is_error]
    channels = result.engagement.table("Channels")
    assert channels["channel"].tolist() == list(ENUMS["channel"].keys)
    assert set(channels["available"]) == {"yes", "no", "partial"}


# --------------------------------------------------------------------------- what the clerk sees
@pytest.mark.parametrize("lang", LANGS)
def test_every_enum_column_has_a_list_with_messages_on(lang, books):
    wb = books[lang]
    for s in TABLE_SHEETS:
        ws = wb[s.title(lang)]
        for j, c in enumerate(s.columns, start=1):
            letter = openpyxl.utils.get_column_letter(j)
            dv = validation_at(ws, f"{letter}2")
            assert dv.showInputMessage and dv.prompt, (s.key, c.key)
            assert dv.promptTitle == c.header(lang)[:32]
            assert f"{letter}5000" in dv.sqref, (s.key, c.key)  # the whole column, not the example row only
            if c.kind == "enum":
                assert dv.type == "list" and dv.showErrorMessage and dv.errorStyle in (None, "stop"), (s.key, c.key)
                assert dv.errorTitle == t("template.error_title", lang)
                assert dv.error == t("template.list_error", lang)
                assert list_values(wb, dv.formula1) == [ENUMS[c.enum].label(k, lang) for k in ENUMS[c.enum].keys]
            elif c.kind == "score":
                assert (dv.type, dv.operator, dv.formula1, dv.formula2) == ("whole", "between", "1", "5"), (s.key, c.key)
                assert dv.showErrorMessage and dv.error == t("template.range_error", lang, lo=1, hi=5)
            elif c.kind == "number" and c.lo is not None and c.hi is None:
                assert (dv.type, dv.operator, float(dv.formula1)) == ("decimal", "greaterThanOrEqual", c.lo), (s.key, c.key)
                assert dv.showErrorMessage
    engagement = wb[sheet("Engagement").title(lang)]
    dv = validation_at(engagement, f"B{setting_row(engagement, 'language', lang)}")
    assert dv.type == "list" and dv.showErrorMessage and dv.showInputMessage
    assert list_values(wb, dv.formula1) == [ENUMS["language"].label(k, lang) for k in ENUMS["language"].keys]


@pytest.mark.parametrize("lang", LANGS)
def test_observation_items_offer_the_frontline_skills_but_allow_others(lang, books):
    ws = books[lang][sheet("Observations").title(lang)]
    col = [c.key for c in sheet("Observations").columns].index("item") + 1
    dv = validation_at(ws, f"{openpyxl.utils.get_column_letter(col)}3")
    assert dv.type == "list" and dv.errorStyle == "warning" and dv.showErrorMessage and dv.showInputMessage
    assert list_values(books[lang], dv.formula1) == [he if lang == "he" else en for en, he in FRONTLINE_SKILLS]


@pytest.mark.parametrize("lang", LANGS)
def test_recommendations_offer_priorities_and_suggest_horizons(lang, books):
    """The Recommendations sheet: a strict priority list; horizons suggested (terms and the waves), others allowed;
    the loader reads every suggestion as a term or a wave."""
    from svcwork.intake.checks import horizon_key

    wb = books[lang]
    recs = sheet("Recommendations")
    ws = wb[recs.title(lang)]
    assert ws.title == ("המלצות" if lang == "he" else "Recommendations")
    keys = [c.key for c in recs.columns]
    priority = validation_at(ws, f"{openpyxl.utils.get_column_letter(keys.index('priority') + 1)}3")
    assert priority.type == "list" and priority.errorStyle in (None, "stop")
    assert list_values(wb, priority.formula1) == [ENUMS["priority"].label(k, lang) for k in ("high", "medium", "low")]
    horizon = validation_at(ws, f"{openpyxl.utils.get_column_letter(keys.index('horizon') + 1)}3")
    assert horizon.type == "list" and horizon.errorStyle == "warning"
    assert horizon.error == t("template.horizon_warning", lang)
    assert [horizon_key(v) for v in list_values(wb, horizon.formula1)] == ["short", "medium", "long", "wave 1",
                                                                           "wave 2", "wave 3"]
    engagement = wb[sheet("Engagement").title(lang)]
    assert setting_row(engagement, "sections", lang)  # the sections setting is on the form


def test_reference_describes_recommendations_and_sections():
    text = (ROOT / "docs" / "intake.md").read_text(encoding="utf-8")
    assert "### Recommendations" in text and "Used by: `Recommendations.priority`." in text
    assert "Used by: `Recommendations.horizon`." in text and "| `sections` | פרקים |" in text
    for code in ("section_unknown", "horizon_wave", "recommendation_no_action"):
        assert f"| `{code}` |" in text


@pytest.mark.parametrize("lang", LANGS)
def test_sheets_headers_and_layout(lang, books):
    wb = books[lang]
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert visible == [t("template.instructions", lang)] + [s.title(lang) for s in SHEETS]
    assert [bool(ws.sheet_view.rightToLeft) for ws in wb.worksheets] == [lang == "he"] * len(wb.worksheets)
    for s in TABLE_SHEETS:
        ws = wb[s.title(lang)]
        assert [c.value for c in ws[1]] == [c.header(lang) for c in s.columns], s.key
        assert ws.freeze_panes == "A2"
        assert ws.print_title_rows.replace("$", "") == "1:1"
        assert ws.page_setup.paperSize == 9 and ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        for cell, c in zip(ws[1], s.columns):
            assert cell.comment is not None and cell.comment.text == c.help(lang)
            assert cell.font.name == "Arial"
            assert ws.column_dimensions[cell.column_letter].width >= min(len(c.header(lang)), 40)
        required = {bool(cell.font.b) for cell, c in zip(ws[1], s.columns) if c.required}
        optional = {bool(cell.font.b) for cell, c in zip(ws[1], s.columns) if not c.required}
        assert required == {True} and optional <= {False}, s.key
        for cell, c in zip(ws[2], s.columns):
            if c.example is not None:
                assert cell.font.i and cell.font.color.rgb.endswith("808080"), (s.key, c.key)
            else:
                assert cell.value is None, (s.key, c.key)
    engagement = wb[sheet("Engagement").title(lang)]
    assert [engagement.cell(row=1, column=j).value for j in (1, 2)] == [t("template.field", lang), t("template.value", lang)]
    for c in SETTINGS:
        value = engagement.cell(row=setting_row(engagement, c.key, lang), column=2).value
        assert value == c.default, c.key


@pytest.mark.parametrize("lang", LANGS)
def test_instructions_describe_every_sheet_and_column(lang, books):
    ws = books[lang].worksheets[0]
    assert ws.title == t("template.instructions", lang)
    assert ws["A1"].value == t("template.title", lang)
    assert ws["A2"].value == t("template.intro", lang)
    header = next(r for r in ws.iter_rows() if r[0].value == t("template.col.sheet", lang))
    assert [c.value for c in header] == [t(f"template.col.{k}", lang) for k in
                                         ("sheet", "one_row", "column", "required", "type", "allowed", "help")]
    rows = [tuple(c.value for c in r) for r in ws.iter_rows(min_row=header[0].row + 1)]
    described = {(r[0], r[2]) for r in rows}
    for s in SHEETS:
        for c in s.columns:
            assert (s.title(lang), c.header(lang)) in described, (s.key, c.key)
    for s in COMPANIONS:
        assert any(r[0] and r[0].startswith(s.title(lang)) for r in rows), s.key
    yes = t("template.yes", lang)
    by_column = {(r[0], r[2]): r for r in rows}
    channels = by_column[(sheet("Channels").title(lang), sheet("Channels").column("channel").header(lang))]
    assert channels[3] == yes and ENUMS["channel"].label("web", lang) in channels[5]


def test_reference_covers_the_whole_schema():
    text = (ROOT / "docs" / "intake.md").read_text(encoding="utf-8")
    sections = {part.split("\n", 1)[0]: part for part in re.split(r"^### ", text, flags=re.M)[1:]}
    for group in (SHEETS, COMPANIONS):
        for s in group:
            section = sections[s.key]
            assert s.he in section and s.row_en in section and s.row_he in section, s.key
            for c in s.columns:
                line = next((ln for ln in section.splitlines() if ln.startswith(f"| `{c.key}` | {c.he} |")), None)
                assert line is not None, (s.key, c.key)
                assert c.help_en.replace("*", "\\*") in line and c.help_he.replace("*", "\\*") in line, (s.key, c.key)
                assert ("| yes |" if c.required else "| no |") in line, (s.key, c.key)
                if c.enum:
                    for v in ENUMS[c.enum].values:
                        assert v.en in line and v.he in line, (s.key, c.key, v.key)
    for c in SETTINGS:
        if c.default is not None:
            assert re.search(rf"^\| `{c.key}` \|.*\| {c.default} \|", sections["Engagement"], re.M), c.key
    for name, e in ENUMS.items():
        for v in e.values:
            assert f"| `{v.key}` | {v.en} | {v.he} |" in sections[name], (name, v.key)


# --------------------------------------------------------------------------- the example row speaks the sheet's language
HEBREW = re.compile("[\u05d0-\u05ea]")
LATIN = re.compile("[A-Za-z]")
CODE = re.compile(r"^([a-z0-9_]+|#[0-9a-f]{6}|[A-Za-z]+/[A-Za-z_]+|[\w*-]+\.[a-z.]+)$")  # resolution_days, #1f6f8b,
#                                                           Asia/Jerusalem, export-2025.csv


def example_row_values(lang: str, s) -> list[object]:
    """What the template of *lang* writes in the grey row of *s*, taken from the schema, not the generator."""
    out = []
    for c in s.columns:
        if c.example is None:
            out.append(None)
        elif c.kind == "enum":
            out.append(ENUMS[c.enum].label(c.example, lang))
        elif c.kind == "date":
            out.append(dt.date.fromisoformat(c.example))
        elif lang == "he" and c.example_he is not None:
            out.append(c.example_he)
        else:
            out.append(c.example)
    return out


def test_every_english_prose_example_has_a_hebrew_one():
    for s in SHEETS:
        for c in s.columns:
            prose = (c.kind == "text" and isinstance(c.example, str) and LATIN.search(c.example)
                     and not CODE.match(c.example))
            if prose:
                assert c.example_he is not None, (s.key, c.key, c.example)
            if c.example_he is not None:
                assert HEBREW.search(c.example_he) and not LATIN.search(c.example_he), (s.key, c.key, c.example_he)


def test_hebrew_template_example_row_is_hebrew(books):
    wb = books["he"]
    seen = 0
    for s in TABLE_SHEETS:
        ws = wb[s.title("he")]
        for cell, c in zip(ws[2], s.columns):
            if c.example_he is not None:
                assert cell.value == c.example_he and HEBREW.search(cell.value), (s.key, c.key, cell.value)
                seen += 1
            elif c.kind == "enum" and c.example is not None:
                assert cell.value == ENUMS[c.enum].label(c.example, "he") and HEBREW.search(cell.value), (s.key, c.key)
                seen += 1
            elif isinstance(cell.value, str) and c.kind == "text":
                assert cell.value == c.example, (s.key, c.key)  # a code such as resolution_days stays as it is
    assert seen >= 20
    engagement = wb[sheet("Engagement").title("he")]
    org = next(c for c in SETTINGS if c.key == "organization")
    assert engagement.cell(row=setting_row(engagement, "organization", "he"), column=6).value == org.example_he
    lang_row = setting_row(engagement, "language", "he")
    assert engagement.cell(row=lang_row, column=6).value == ENUMS["language"].label("he", "he")


def test_english_template_example_row_stays_english(books):
    wb = books["en"]
    for s in TABLE_SHEETS:
        ws = wb[s.title("en")]
        for cell, c in zip(ws[2], s.columns):
            if isinstance(cell.value, str):
                assert not HEBREW.search(cell.value), (s.key, c.key, cell.value)


def test_hebrew_template_with_example_rows_left_validates_with_only_example_warnings(built, tmp_path):
    intake = fill_copy(built["he"], "he", tmp_path / "client" / "intake.xlsx")
    result = validate(intake)
    assert result.n_errors == 0, [p.message for p in result.problems if p.is_error]
    # besides the example rows, only sheet-level notes that a sheet holds no data
    assert {p.code for p in result.problems} <= {"example_row", "sheet_empty"}
    assert all(p.row is None for p in result.problems if p.code == "sheet_empty")
    flagged = {(p.sheet, p.row) for p in result.problems if p.code == "example_row"}
    assert flagged == {(s.title("he"), 2) for s in EXAMPLE_SHEETS}
    eng = result.engagement
    assert eng.table("Services")["service_id"].tolist() == ["S1"]
    for s in EXAMPLE_SHEETS:
        if s.key != "Services":
            assert eng.table(s.key).empty, s.key


def test_english_example_row_in_a_hebrew_workbook_is_recognised(built, tmp_path):
    """A clerk who pasted the English template's grey rows into the Hebrew workbook: still examples."""
    path = fill_copy(built["he"], "he", tmp_path / "client" / "intake.xlsx")
    wb = openpyxl.load_workbook(path)
    for s in EXAMPLE_SHEETS:
        ws = wb[s.title("he")]
        for j, value in enumerate(example_row_values("en", s), start=1):
            ws.cell(row=2, column=j, value=value)
    assert wb[sheet("Services").title("he")]["B2"].value == "Parking permit"
    assert wb[sheet("Services").title("he")]["J2"].value == "no"
    wb.save(path)
    result = validate(path)
    assert result.n_errors == 0, [p.message for p in result.problems if p.is_error]
    flagged = {(p.sheet, p.row) for p in result.problems if p.code == "example_row"}
    assert flagged == {(s.title("he"), 2) for s in EXAMPLE_SHEETS}
    assert result.engagement.table("Services")["service_id"].tolist() == ["S1"]


def test_example_row_mixing_languages_and_enum_spellings_is_recognised(built, tmp_path):
    path = fill_copy(built["he"], "he", tmp_path / "client" / "intake.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet("Services").title("he")]
    ws["B2"] = "Parking permit"  # English name, Hebrew unit
    ws["J2"] = "n"  # another accepted spelling of "no"
    wb.save(path)
    result = validate(path)
    assert (sheet("Services").title("he"), 2) in {(p.sheet, p.row) for p in result.problems if p.code == "example_row"}
    assert result.engagement.table("Services")["service_id"].tolist() == ["S1"]


#: One cell changed per sheet (to a value the loader accepts): the row is then data, not the example.
ONE_CELL = {"Services": ("service_name", "ארנונה"), "Journey": ("touchpoint", "מוקד טלפוני"),
            "Pairwise": ("value", "5"), "KPIs": ("kpi_name", "זמן המתנה בקבלת קהל"),
            "Observations": ("observer", "צופה ב'"), "Actions": ("owner", "מנהל/ת המוקד העירוני"),
            "Lessons": ("category", "תקשורת"), "Columns": ("their_column", "מס' תיק"),
            "Channels": ("available", "חלקי")}


@pytest.mark.parametrize("lang", LANGS)
def test_example_row_differing_in_one_cell_is_read_as_data(lang, built, tmp_path):
    path = fill_copy(built[lang], lang, tmp_path / "client" / "intake.xlsx")
    wb = openpyxl.load_workbook(path)
    for key, (column, value) in ONE_CELL.items():
        s = sheet(key)
        ws = wb[s.title(lang)]
        j = [c.key for c in s.columns].index(column) + 1
        before = ws.cell(row=2, column=j).value
        assert before is not None and before != value, (key, column)
        ws.cell(row=2, column=j, value=value)
    wb.save(path)
    result = validate(path)
    assert result.n_errors == 0, [p.message for p in result.problems if p.is_error]
    flagged = {p.sheet for p in result.problems if p.code == "example_row"}
    assert flagged == {s.title(lang) for s in EXAMPLE_SHEETS if s.key not in ONE_CELL}
    eng = result.engagement
    assert eng.table("Services")["_row"].tolist() == [2, 3]
    assert eng.table("Services")["service_name"].tolist()[0] == "ארנונה"
    for key in ONE_CELL:
        assert 2 in eng.table(key)["_row"].tolist(), key
    actions = eng.table("Actions")
    assert actions["owner"].tolist() == ["מנהל/ת המוקד העירוני"] and actions["status"].tolist() == ["open"]
    assert actions["source"].tolist() == ["journey"]
