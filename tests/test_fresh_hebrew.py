"""Hebrew usage errors that say nothing was found read as Hebrew: with the negation ("לא נמצא דבר"), or as
its own message for an empty folder, never "נמצא כלום" ("anything was found") or "נמצאו אין"."""

from __future__ import annotations

import nbformat
import pytest

from svcwork.errors import UsageError
from svcwork.i18n import t

UNGRAMMATICAL = ("נמצא כלום", "נמצאו כלום", "נמצא אין", "נמצאו אין")


def _said(call) -> str:
    with pytest.raises(UsageError) as caught:
        call()
    message = caught.value.message
    assert not any(bad in message for bad in UNGRAMMATICAL), message
    return message


def _notebook(path, source: str):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source, metadata={"tags": ["parameters"]})],
                                  metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    nbformat.write(nb, path)
    return path


@pytest.fixture
def hebrew(monkeypatch):
    monkeypatch.setenv("SVCWORK_LANG", "he")


def test_a_batch_of_a_missing_or_file_path(hebrew, tmp_path):
    from svcwork.batch import find_clients

    assert "לא נמצא דבר" in _said(lambda: find_clients(tmp_path / "missing"))
    (tmp_path / "a-file").write_text("x")
    assert "נמצא קובץ" in _said(lambda: find_clients(tmp_path / "a-file"))


def test_a_client_folder_without_any_file(hebrew, tmp_path):
    from svcwork.batch import _no_intake

    (tmp_path / "empty").mkdir()
    said = _no_intake(tmp_path / "empty", "he")
    assert "אינה מכילה אף קובץ" in said and not any(bad in said for bad in UNGRAMMATICAL), said
    assert "rename" not in _no_intake(tmp_path / "empty", "en")  # nothing to rename


def test_a_portfolio_of_a_missing_or_file_path(hebrew, tmp_path):
    from svcwork.portfolio import read_summaries

    assert "לא נמצא דבר" in _said(lambda: read_summaries(tmp_path / "missing"))
    (tmp_path / "a-file").write_text("x")
    assert "נמצא קובץ" in _said(lambda: read_summaries(tmp_path / "a-file"))


def test_a_notebook_that_declares_no_parameters(hebrew, tmp_path):
    from svcwork.kernels import check_notebook_parameters

    said = _said(lambda: check_notebook_parameters(_notebook(tmp_path / "x.ipynb", "")))
    assert "לא נמצא אף אחד" in said and "client_dir" in said
    # some declared, some missing: the ones found are named
    said = _said(lambda: check_notebook_parameters(_notebook(tmp_path / "y.ipynb", 'client = ""')))
    assert "נמצאו client" in said


def test_english_says_the_same(monkeypatch, tmp_path):
    from svcwork.kernels import check_notebook_parameters
    from svcwork.portfolio import read_summaries

    monkeypatch.setenv("SVCWORK_LANG", "en")
    assert "found nothing at" in _said(lambda: read_summaries(tmp_path / "missing"))
    assert "found none" in _said(lambda: check_notebook_parameters(_notebook(tmp_path / "x.ipynb", "")))


@pytest.mark.parametrize("key", ["cli.error.not_clients_folder", "cli.error.no_clients_folder", "cli.no_intake_empty"])
def test_the_catalogue_renders_the_found_words_grammatically(key):
    text = t(key, "he", path="/x")
    assert not any(bad in text for bad in UNGRAMMATICAL), text


def test_a_pdf_without_a_browser_is_said_in_the_clients_language(monkeypatch):
    """The note of a report made without Chromium came in English whatever the report's language."""
    import svcwork.pdf
    from svcwork.batch import _Printing

    monkeypatch.setattr(svcwork.pdf, "chromium_path", lambda: None)
    he, en = _Printing(pdf=None, lang="he"), _Printing(pdf=None, lang="en")
    assert he.note.startswith("הקובץ report.pdf לא נוצר") and "Chromium" in he.reason
    assert en.note == "report.pdf not made: " + en.reason and en.reason.startswith("Chromium is not installed")
