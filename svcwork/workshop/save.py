""""Save as scenario": the workshop's choices written to the Scenarios sheet of the workshop's scenarios file.

The client's intake is never written.  By default the scenarios file sits beside it as
``<stem>.scenarios.xlsx`` (:func:`svcwork.intake.scenarios.scenario_copy`), where ``svcwork
validate`` and ``svcwork run CLIENT --scenario NAME`` find it; a path the user gives is used
instead (to hand it on; ``svcwork run`` reads the file beside the intake).

The file holds the Scenarios sheet only — never a copy of the form's data (employee codes,
observers' remarks): what a scenario needs is its name, its changes, who saved it, when, and the
fingerprint of the form's prioritisation inputs it was saved against
(:func:`~svcwork.intake.scenarios.form_fingerprint`, so that a later ``--scenario`` on a revised
form says so).  An older file (a full copy of the intake) is read for its Scenarios sheet and
rewritten with it only; the first save copies the scenarios of the intake's own Scenarios sheet,
if it has one, since the file beside it then supersedes it.

A save never breaks the client: the row is checked before anything is written (a name, at least one
change, client text stored as text — never a formula, :func:`svcwork.workbook.set_text`), the
bytes written are read back by the intake's own reader, and the file is replaced in one step
(:func:`svcwork.paths.atomic_write_bytes`) under an exclusive lock on ``.<file>.lock``, so two
pages saving at once both keep their scenario.  A name already saved is refused unless *replace*
is asked for.  Every failure is a :class:`~svcwork.errors.UsageError` in the user's language.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import io
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator, Sequence

from ..errors import UsageError
from ..i18n import t
from ..intake.scenarios import (SCENARIOS_SHEET, Change, format_changes, form_fingerprint, is_scenario_copy,
                                is_scenarios_sheet, scenario_copy)
from ..paths import atomic_write_bytes, find_intake

__all__ = ["save_scenario", "default_who"]

_COLUMNS = ("scenario", "changes", "who", "when", "form")
#: Seconds a save waits for another page's save of the same file to end.
LOCK_SECONDS = 30.0
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def default_who() -> str:
    """The name of the signed-in user (for the Scenarios sheet's ``who``), or an empty string."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in this environment
        return ""


def _clean(text: Any) -> str:
    """Client text for a cell: control characters removed, spaces trimmed."""
    return " ".join(_CONTROL.sub(" ", str(text or "")).split())


def save_scenario(client: str | os.PathLike, name: str, changes: Sequence[Change], *, lang: str = "en",
                  who: str | None = None, when: dt.datetime | None = None,
                  target: str | os.PathLike | None = None, replace: bool = False, engagement: Any = None) -> Path:
    """Write scenario *name* (its *changes*, *who*, *when*) to the Scenarios sheet of the workshop's scenarios file.

    *client* is the client folder or its intake workbook; the file is *target*, by default
    :func:`~svcwork.intake.scenarios.scenario_copy` beside the intake.  *engagement* is the loaded
    client (the workshop's), for the form's fingerprint; without it the client is validated here.
    Returns the file's path.  Raises :class:`UsageError` for an empty name, no change, a name
    already saved (unless *replace*), a target that is the intake, a folder, not ``.xlsx`` or
    another workbook, and any failure to read or write it (the file is then unchanged).
    """
    name = _clean(name)
    if not name:
        raise UsageError(t("workshop.error.no_name", lang), code="scenario_name")
    changes = tuple(changes)
    if not changes:
        raise UsageError(t("workshop.error.no_changes", lang), code="scenario_empty")
    who = _clean(who if who is not None else default_who())
    intake = find_intake(client)
    if intake.suffix.lower() != ".xlsx":
        raise UsageError(t("workshop.error.not_xlsx", lang, path=intake.name), code="scenario_copy")
    out = Path(target) if target else scenario_copy(intake)
    try:
        if out.exists() and out.resolve() == intake.resolve():
            raise UsageError(t("workshop.error.own_file", lang, path=str(out)), code="scenario_copy")
        if out.is_dir() or out.suffix.lower() != ".xlsx":
            raise UsageError(t("workshop.error.target_not_xlsx", lang, path=str(out)), code="scenario_copy")
        form = _fingerprint(client, engagement)
        when_text = (when or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
        row = {"scenario": name, "changes": format_changes(changes), "who": who, "when": when_text, "form": form}
        with _locked(out, lang):
            title, labels, rows, extras = _existing(out, intake, lang)
            at = next((i for i, r in enumerate(rows)
                       if _clean(r.get("scenario")).casefold() == name.casefold()), None)
            if at is not None and not replace:
                old = rows[at]
                raise UsageError(t("workshop.error.name_exists", lang, name=_clean(old.get("scenario")), path=str(out),
                                   who=_clean(old.get("who")) or "?", when=_clean(old.get("when")) or "?",
                                   replace=t("workshop.save.replace", lang)), code="scenario_exists")
            if at is None:
                rows.append(row)
                at = len(rows) - 1
            else:
                rows[at] = {**rows[at], **row}
            data = _workbook(title, labels, rows, extras, lang)
            _check_reads_back(data, out.name, at + 2, lang)
            return atomic_write_bytes(out, data)
    except OSError as exc:
        raise UsageError(t("workshop.error.cannot_write", lang, path=str(out), reason=exc.strerror or str(exc)),
                         code="scenario_write") from None


def _fingerprint(client: str | os.PathLike, engagement: Any) -> str | None:
    """The form's fingerprint (:func:`~svcwork.intake.scenarios.form_fingerprint`), or ``None`` when the client
    cannot be loaded (the scenario is then saved without one, as older files are)."""
    if engagement is None:
        from ..intake import validate

        engagement = validate(client).engagement
        if engagement is None:
            return None
    return form_fingerprint(engagement.tables, engagement.settings)


@contextlib.contextmanager
def _locked(out: Path, lang: str) -> Iterator[None]:
    """An exclusive lock on ``.<out name>.lock`` beside *out* (waits up to :data:`LOCK_SECONDS`)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - no fcntl (Windows): saves are not serialised
        yield
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out.with_name(f".{out.name}.lock"), "a+") as fh:
        deadline = time.monotonic() + LOCK_SECONDS
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise UsageError(t("workshop.error.busy", lang, path=str(out)), code="scenario_busy") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _existing(out: Path, intake: Path, lang: str) -> tuple[str, dict[str, str], list[dict], list[str]]:
    """The scenarios already saved: (sheet title, column key -> header, rows as key -> value, extra headers).

    From *out* when it exists (refused unless it is a workshop scenarios file), else from the intake's
    own Scenarios sheet (which the new file supersedes), else none.
    """
    import openpyxl

    title, labels = SCENARIOS_SHEET.title(lang), {}
    if out.is_file():
        try:
            book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))  # the bytes: the file is only read here
        except OSError:
            raise
        except Exception:  # noqa: BLE001 - not a workbook at all (a text file named .xlsx, a broken zip)
            raise UsageError(t("workshop.error.target_not_xlsx", lang, path=str(out)), code="scenario_copy") from None
        sheet = next((book[n] for n in book.sheetnames if is_scenarios_sheet(n)), None)
        others = [n for n in book.sheetnames if not is_scenarios_sheet(n)]
        if sheet is None or (others and not is_scenario_copy(out)):
            raise UsageError(t("workshop.error.target_not_copy", lang, path=str(out)), code="scenario_copy")
    else:
        sheet = None
        try:
            book = openpyxl.load_workbook(io.BytesIO(intake.read_bytes()), read_only=True, data_only=True)
            sheet = next((book[n] for n in book.sheetnames if is_scenarios_sheet(n)), None)
        except OSError:
            raise
        except Exception:  # noqa: BLE001 - the intake's own problems are validate's to report
            sheet = None
    if sheet is None:
        return title, labels, [], []
    from ..intake.sheets import _find_header, _name_index

    values = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    index = _name_index(SCENARIOS_SHEET)
    header_i = _find_header(values, index)
    if header_i is None:
        return sheet.title, labels, [], []
    from ..schema import normalize_name

    keys: list[str | None] = []
    extras: list[str] = []
    for v in values[header_i]:
        key = index.get(normalize_name(v)) if isinstance(v, str) else None
        if key is not None and key not in labels:
            labels[key] = str(v)
            keys.append(key)
        elif v is not None and str(v).strip():
            extras.append(str(v))
            keys.append(str(v))
        else:
            keys.append(None)
    rows = []
    for r in values[header_i + 1:]:
        cells = {k: v for k, v in zip(keys, r) if k is not None and v is not None and str(v).strip() != ""}
        if cells:
            rows.append(cells)
    return sheet.title, labels, rows, extras


def _workbook(title: str, labels: dict[str, str], rows: list[dict], extras: list[str], lang: str) -> bytes:
    """The scenarios file: one sheet, its header and *rows*; every text written as text (never a formula)."""
    import openpyxl

    from ..workbook import set_text, workbook_bytes

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    columns = [*_COLUMNS, *extras]
    he = lang == "he" or any(ord(ch) >= 0x0590 for ch in title)
    for j, key in enumerate(columns, start=1):
        header = labels.get(key) or (SCENARIOS_SHEET.column(key).header("he" if he else "en") if key in _COLUMNS
                                     else key)
        set_text(sheet.cell(row=1, column=j), header)
    for i, r in enumerate(rows, start=2):
        for j, key in enumerate(columns, start=1):
            value = r.get(key)
            if value is not None:
                set_text(sheet.cell(row=i, column=j), value)
    if he:
        sheet.sheet_view.rightToLeft = True
    for letter, width in zip("ABCDE", (28, 60, 16, 18, 50)):
        sheet.column_dimensions[letter].width = width
    return workbook_bytes(book)


def _check_reads_back(data: bytes, file: str, row: int, lang: str) -> None:
    """Read *data* as ``svcwork validate`` will; refuse the save when the scenario's *row* has an error."""
    from ..intake.problems import _Collector
    from ..intake.scenarios import check_scenarios, read_scenarios
    from ..intake.workbook import _open_workbook

    col = _Collector()
    with tempfile.TemporaryDirectory(prefix="svcwork-scenario-") as tmp:
        path = Path(tmp) / "check.xlsx"
        path.write_bytes(data)
        book = _open_workbook(path, col, file=file)
        if book is not None:
            try:
                read = read_scenarios(book, col, file=file)
            finally:
                book.close()
            check_scenarios(read, {}, None, col, file=file)
    bad = [p for p in col.render(lang) if p.is_error and p.row in (row, None)]
    if bad:
        raise UsageError(t("workshop.error.not_saved", lang, problems="; ".join(p.message for p in bad)),
                         code="scenario_write")
