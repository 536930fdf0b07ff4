""""Save as scenario": the workshop's choices written to the Scenarios sheet of a copy of the intake.

The client's intake is never written.  By default the copy sits beside it as
``<stem>.scenarios.xlsx`` (:func:`svcwork.intake.scenarios.scenario_copy`), where ``svcwork
validate`` and ``svcwork run CLIENT --scenario NAME`` find it; a path the user gives is used
instead (to hand the copy on; ``svcwork run`` reads the copy beside the intake).  The first save
copies the intake, later saves add to (or replace a scenario of the same name in) the copy.
The file is replaced in one step (:func:`svcwork.paths.atomic_write_bytes`).
"""

from __future__ import annotations

import datetime as dt
import getpass
import io
import os
from pathlib import Path
from typing import Sequence

from ..errors import UsageError
from ..i18n import t
from ..intake.scenarios import SCENARIOS_SHEET, Change, format_changes, is_scenarios_sheet, scenario_copy
from ..paths import atomic_write_bytes, find_intake

__all__ = ["save_scenario", "default_who"]

_COLUMNS = ("scenario", "changes", "who", "when")


def default_who() -> str:
    """The name of the signed-in user (for the Scenarios sheet's ``who``), or an empty string."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in this environment
        return ""


def save_scenario(client: str | os.PathLike, name: str, changes: Sequence[Change], *, lang: str = "en",
                  who: str | None = None, when: dt.datetime | None = None,
                  target: str | os.PathLike | None = None) -> Path:
    """Write scenario *name* (its *changes*, *who*, *when*) to the Scenarios sheet of a copy of the intake.

    *client* is the client folder or its intake workbook; the copy is *target*, by default
    :func:`~svcwork.intake.scenarios.scenario_copy` beside the intake.  Returns the copy's path.
    Raises :class:`UsageError` for an empty name, an intake that is not ``.xlsx``, or a target
    that is the client's intake itself.
    """
    import openpyxl

    name = (name or "").strip()
    if not name:
        raise UsageError(t("workshop.error.no_name", lang), code="scenario_name")
    intake = find_intake(client)
    if intake.suffix.lower() != ".xlsx":
        raise UsageError(t("workshop.error.not_xlsx", lang, path=intake.name), code="scenario_copy")
    out = Path(target) if target else scenario_copy(intake)
    if out.exists() and out.resolve() == intake.resolve():
        raise UsageError(t("workshop.error.own_file", lang, path=str(out)), code="scenario_copy")
    source = out if out.is_file() else intake
    book = openpyxl.load_workbook(io.BytesIO(source.read_bytes()))  # the bytes, so the source is only read
    sheet = next((book[n] for n in book.sheetnames if is_scenarios_sheet(n)), None)
    if sheet is None:
        sheet = book.create_sheet(SCENARIOS_SHEET.title(lang))
        sheet.append([SCENARIOS_SHEET.column(c).header(lang) for c in _COLUMNS])
        if lang == "he":
            sheet.sheet_view.rightToLeft = True
    when = when or dt.datetime.now()
    row = [name, format_changes(changes), who if who is not None else default_who(), when.strftime("%Y-%m-%d %H:%M")]
    for r in range(2, sheet.max_row + 1):  # the same name again: that scenario is replaced
        cell = sheet.cell(row=r, column=1).value
        if isinstance(cell, str) and cell.strip().casefold() == name.casefold():
            for j, value in enumerate(row, start=1):
                sheet.cell(row=r, column=j, value=value)
            break
    else:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    out.parent.mkdir(parents=True, exist_ok=True)
    return atomic_write_bytes(out, buffer.getvalue())
