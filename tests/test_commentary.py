"""The consultant's commentary (svcwork.commentary): parts by heading, sanitised Markdown, clear problems."""

from __future__ import annotations

import re

import pytest

from svcwork.commentary import Commentary, parse_commentary, read_commentary, render_markdown
from svcwork.errors import InputFileError
from svcwork.i18n import t

SECTIONS = ("prioritization", "journeys", "measures", "management")

TEXT = """Opening words before any heading.

## Citizen journeys and processes
The **hand-offs** hurt most.

## מדידה ובקרה של השירות
הסקר מראה שיפור.

## management
Owners agreed on the plan.

## Budget for next year
Not a part of the report.

## summary
And more for the summary.
"""


def test_parts_are_found_by_key_or_title_in_either_language():
    notes = parse_commentary(TEXT, sections=SECTIONS, source="commentary.md")
    assert set(notes.parts) == {"summary", "journeys", "measures", "management"}
    assert "And more for the summary." in notes.get("summary") and "Opening words" in notes.get("summary")
    assert "<strong>hand-offs</strong>" in notes.html("journeys")
    assert notes.get("prioritization") is None and notes.html("prioritization") is None
    assert t("report.section.measures", "he") == "מדידה ובקרה של השירות"


def test_an_unknown_heading_is_a_warning_naming_it_and_its_text_is_kept():
    notes = parse_commentary(TEXT, sections=SECTIONS, source="commentary.md")
    assert notes.unknown == (("Budget for next year", "Not a part of the report."),)
    (warning,) = notes.warnings("en")
    assert "Budget for next year" in warning and "commentary.md" in warning
    assert "Budget for next year" in notes.warnings("he")[0]


def test_headings_inside_code_blocks_are_text():
    notes = parse_commentary("## journeys\n```\n## measures\n```\n", sections=SECTIONS)
    assert set(notes.parts) == {"journeys"} and "## measures" in notes.get("journeys")


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD4=)",
    "![tracker](https://evil.example/pixel.png)",
    "<a href='https://x'>raw</a>",
    "\u202eevil\u202c and \u200f marks \u200e" + "x" * 20000,
])
def test_markdown_is_sanitised(hostile):
    out = render_markdown(hostile)
    assert "<script" not in out and "<img" not in out and "onerror=" not in out.replace("onerror=alert(1)&gt;", "")
    assert not re.search(r"href=\"(?!https?:|mailto:)", out)
    assert "<a href='https://x'>" not in out  # raw HTML is shown as text, never markup


def test_safe_links_stay_links_and_headings_sit_under_the_section():
    out = render_markdown("# Big\n\n[site](https://gov.example) and [mail](mailto:a@b.example)\n")
    assert '<a href="https://gov.example" rel="noopener noreferrer">site</a>' in out
    assert 'href="mailto:a@b.example"' in out and "<h3>Big</h3>" in out


def test_reading_the_file(tmp_path):
    assert read_commentary(tmp_path, lang="he", sections=SECTIONS) == Commentary()
    (tmp_path / "commentary.md").write_text("\ufeff## journeys\nשלום\n", encoding="utf-8")
    assert read_commentary(tmp_path, lang="he", sections=SECTIONS).get("journeys") == "שלום"
    (tmp_path / "commentary.he.md").write_bytes(b"## journeys\nok\n\x81\xff bytes of no encoding\n")
    with pytest.raises(InputFileError, match="commentary.he.md") as refused:
        read_commentary(tmp_path, lang="he", sections=SECTIONS)  # the language's own file wins, and is refused clearly
    assert refused.value.code == "commentary_unreadable"
    assert refused.value.message == t("report.commentary.undecodable", "he", file="commentary.he.md", lines="3")
    assert read_commentary(tmp_path, lang="en", sections=SECTIONS).get("journeys") == "שלום"


@pytest.mark.parametrize("encoding", ["cp1255", "utf-16", "utf-8-sig"])
def test_a_commentary_is_decoded_as_exports_are(tmp_path, encoding):
    """Notepad in a Hebrew locale saves Windows-1255: read as the exports are (svcwork.exports.text.decode)."""
    (tmp_path / "commentary.md").write_bytes("## summary\nנקודת פתיחה טובה.\n\n## journeys\nשלום\n".encode(encoding))
    notes = read_commentary(tmp_path, lang="he", sections=SECTIONS)
    assert notes.get("summary") == "נקודת פתיחה טובה." and notes.get("journeys") == "שלום"


def _client(tmp_path, lang):
    from conftest import english_sheets, hebrew_sheets, write_xlsx

    folder = tmp_path / f"client-{lang}"
    write_xlsx(folder / "intake.xlsx", english_sheets() if lang == "en" else hebrew_sheets(), rtl=lang == "he")
    return folder


def test_validate_reads_a_windows_1255_commentary_without_a_word(tmp_path, capsys):
    from svcwork.cli import main

    folder = _client(tmp_path, "he")
    (folder / "commentary.md").write_bytes("## summary\nנקודת פתיחה טובה.\n".encode("cp1255"))
    assert main(["validate", str(folder)]) == 0
    assert "commentary" not in capsys.readouterr().out


@pytest.mark.parametrize("lang", ["en", "he"])
def test_a_commentary_that_cannot_be_read_is_a_warning_of_validate_and_run(tmp_path, capsys, monkeypatch, lang):
    """Its text would be left out of the report: validate and run say so, in the engagement's language."""
    import json

    import svcwork.report
    from svcwork import batch
    from svcwork.cli import main

    folder = _client(tmp_path, lang)
    (folder / "commentary.md").write_bytes(b"## summary\n\x81\x8d\xff\n")
    said = t("report.commentary.undecodable", lang, file="commentary.md", lines="2")
    assert main(["validate", str(folder)]) == 0  # a warning: the report can still be made
    out = capsys.readouterr()
    assert "[commentary_unreadable] commentary.md" in out.out and said in out.out
    assert out.err.startswith("✓")

    # run: the notebooks and the report are stubs here (the real ones: test_report); the warning is the run's
    def assemble(folder, engagement, *, lang, **_):
        (folder / "report.html").write_text("<html></html>", encoding="utf-8")
        (folder / "summary.json").write_text(json.dumps({"language": lang}), encoding="utf-8")

    monkeypatch.setattr(batch, "requested_notebooks", lambda engagement: [])
    monkeypatch.setattr(svcwork.report, "assemble", assemble)
    result = batch.run_client(folder, tmp_path / "out", pdf=False)
    assert result.ok and [(w.code, w.message) for w in result.warnings] == [("commentary_unreadable", said)]
    assert said in result.describe() and t("severity.warning", lang) in result.describe()
    assert result.manifest()["warnings"][0]["code"] == "commentary_unreadable"


def test_markdown_as_plain_paragraphs_for_slides():
    from svcwork.commentary import markdown_paragraphs

    text = "# Head\n\nSome **bold** and [a link](https://x.example).\n\n- one\n- two <script>x</script>\n"
    assert markdown_paragraphs(text) == ["Head", "Some bold and a link.", "one", "two <script>x</script>"]
