"""The intake's optional Scenarios sheet: what-if scenarios saved by the prioritisation workshop.

One row per scenario — ``scenario`` (its name, unique), ``changes``, ``who``, ``when`` and
``form`` (a fingerprint of the form's prioritisation inputs when it was saved) — written by
:func:`svcwork.workshop.save.save_scenario` into the workshop's scenarios file beside the intake
(``intake.scenarios.xlsx``: the Scenarios sheet only, never the client's file; older files are a
full copy of the intake, of which only the Scenarios sheet is read, with a warning) and read back
here, checked like every other sheet: each problem with its sheet, Excel row and column, through
the same :class:`~svcwork.intake.problems._Collector`.

What a scenario says by itself (an item that is not a change, a value out of its range, a name
used twice) is an error.  What depends on the form, which is revised after the scenario was saved
(a service no longer in the Services sheet, a wave beyond the roadmap's), is a *warning*: the
form's own report, the batch and the workshop go on, and only ``svcwork run --scenario NAME`` for
that scenario is refused, naming what no longer applies (:func:`svcwork.workshop.apply.apply_scenario`)
— a roadmap half of whose choices were dropped is not the one the committee chose.  A scenario
whose ``form`` fingerprint differs from the form's now is applied, with a warning naming what
changed (``scenario.stale``, :func:`check_stale`).

``changes`` is a list of items separated by ``;`` (or new lines), each ``kind.target=value``, in
language-neutral keys (as the ``column_map`` setting), so a Hebrew and an English workbook read
the same way:

=====================  ==========================================================================
``weight.benefit=0.4``  the weight of a criterion (a numeric Services column); weights are divided
                        by their sum, and criteria the scenario does not name keep their weight
``effort.S03=2``        a service's effort, benefit or visibility (1–5)
``resources.S03=30``    a service's person-days
``wave.S05=1``          lock a service to a wave (1 … waves); ``wave.S05=free`` frees a lock the
                        Services sheet sets
``exclude.S07``         leave a service out of the roadmap (it keeps its rank)
``capacity.2=120``      the person-days of one wave
``quick_wins=2``        the least number of visible quick wins in wave 1
=====================  ==========================================================================

The items are applied to a validated engagement by :func:`svcwork.workshop.apply.apply_scenario`.
Messages are the catalogue's ``intake.scenario.*`` and ``workshop.change.*`` (Hebrew and English).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd

from ..errors import WARNING
from ..i18n import fmt_number, t
from ..schema import CRITERIA_COLUMNS, Column, Sheet, normalize_name
from .problems import _Collector
from .sheets import _read_table, _SheetRead

__all__ = ["SCENARIOS_SHEET", "SERVICE_FIELDS", "COPY_SUFFIX", "FORM_PARTS", "Change", "Scenario", "parse_changes",
           "format_changes", "scenario_copy", "is_scenario_copy", "read_scenarios", "read_copy_scenarios",
           "check_scenarios", "form_fingerprint", "check_stale"]

#: The Scenarios sheet (not part of the blank form: the workshop adds it to a copy of the intake).
SCENARIOS_SHEET = Sheet("Scenarios", "תרחישים", "a what-if scenario of the workshop", "תרחיש של סדנת התעדוף", (
    Column("scenario", "שם התרחיש", "text", True, "Name of the scenario, unique.", "שם התרחיש, ייחודי.",
           unique=True, aliases=("name", "שם")),
    Column("changes", "שינויים", "text", True, "The changes against the form, e.g. weight.benefit=0.4; wave.S05=1.",
           "השינויים לעומת הטופס, למשל weight.benefit=0.4; wave.S05=1.", aliases=("change",)),
    Column("who", "מי", "text", False, "Who saved the scenario.", "מי שמר את התרחיש.", aliases=("by", "נשמר על ידי")),
    Column("when", "מתי", "text", False, "When it was saved (YYYY-MM-DD HH:MM).", "מתי נשמר (YYYY-MM-DD HH:MM).",
           aliases=("saved", "date", "תאריך")),
    Column("form", "טביעת הטופס", "text", False,
           "The form's prioritisation inputs when the scenario was saved, as a fingerprint (written by the workshop).",
           "טביעה של נתוני התעדוף בטופס בעת שמירת התרחיש (נכתבת בסדנה).", aliases=("fingerprint",)),
), aliases=("scenario", "what-if", "תרחיש"))

#: Service columns a scenario may override, and their (low, high) bounds (None: no upper bound).
SERVICE_FIELDS: Mapping[str, tuple[str, float, float | None]] = {
    "effort": ("effort", 1.0, 5.0), "benefit": ("benefit", 1.0, 5.0), "visibility": ("visibility", 1.0, 5.0),
    "resources": ("resources_days", 0.0, None)}

_KINDS = ("weight", *SERVICE_FIELDS, "wave", "exclude", "capacity", "quick_wins")
_SPLIT = re.compile(r"[;\n]+")
_FREE = "free"


@dataclass(frozen=True)
class Change:
    """One change of a scenario: ``kind`` (weight, effort, benefit, visibility, resources, wave,
    exclude, capacity, quick_wins), its ``target`` (criterion, service id or wave number) and ``value``
    (``None`` for exclude and for a freed lock)."""

    kind: str
    target: str | None = None
    value: float | None = None

    def token(self) -> str:
        """The change as written in the Scenarios sheet (``weight.benefit=0.4``)."""
        key = self.kind if self.target is None else f"{self.kind}.{self.target}"
        if self.kind == "exclude":
            return key
        if self.kind == "wave" and self.value is None:
            return f"{key}={_FREE}"
        return f"{key}={_num(self.value)}"

    def text(self, lang: str) -> str:
        """The change in words, in *lang* (for the methods appendix and the workshop)."""
        if self.kind == "weight":
            return t("workshop.change.weight", lang, criterion=t(f"prioritize.criterion.{self.target}", lang),
                     value=fmt_number(self.value, lang, digits=3))
        if self.kind in SERVICE_FIELDS:
            return t(f"workshop.change.{self.kind}", lang, service=self.target,
                     value=fmt_number(self.value, lang, digits=0 if float(self.value).is_integer() else 1))
        if self.kind == "wave":
            return (t("workshop.change.free", lang, service=self.target) if self.value is None
                    else t("workshop.change.wave", lang, service=self.target, wave=int(self.value)))
        if self.kind == "exclude":
            return t("workshop.change.exclude", lang, service=self.target)
        if self.kind == "capacity":
            return t("workshop.change.capacity", lang, wave=self.target, value=fmt_number(self.value, lang, digits=0))
        return t("workshop.change.quick_wins", lang, n=int(self.value), count=int(self.value))


@dataclass(frozen=True)
class Scenario:
    """A saved scenario: its name, its changes, who saved it and when (as written), and its Excel row.

    ``form``: the fingerprint of the form it was saved against (:func:`form_fingerprint`; ``None`` in
    older files).  ``unusable``: its changes the form no longer has room for, each ``(item, reason,
    params)`` with reason ``service`` or ``wave`` — such a scenario is listed but never applied.
    ``stale``: the parts of the form (:data:`FORM_PARTS`) changed since it was saved.
    """

    name: str
    changes: tuple[Change, ...]
    who: str | None = None
    when: str | None = None
    row: int | None = None
    form: str | None = None
    unusable: tuple = ()
    stale: tuple = ()

    def text(self, lang: str) -> str:
        """Its changes in words, in *lang*, separated by semicolons."""
        return "; ".join(c.text(lang) for c in self.changes) or t("workshop.change.none", lang)


def _num(x: float | None) -> str:
    if x is None:
        return ""
    x = float(x)
    return str(int(x)) if x.is_integer() else f"{x:.6g}"


def format_changes(changes: Sequence[Change]) -> str:
    """The ``changes`` cell for *changes*: their tokens joined by ``"; "``."""
    return "; ".join(c.token() for c in changes)


def parse_changes(text: str) -> tuple[tuple[Change, ...], tuple[tuple[str, str], ...]]:
    """Parse a ``changes`` cell: the changes understood, and ``(item, reason)`` for each item not.

    Only the grammar is checked here (kinds, numbers, criteria names); whether a service or a
    wave exists is checked against the engagement by :func:`check_scenarios`.  A later item for the
    same kind and target replaces an earlier one.
    """
    found: dict[tuple[str, str | None], Change] = {}
    bad: list[tuple[str, str]] = []
    for raw in _SPLIT.split(text or ""):
        item = raw.strip()
        if not item:
            continue
        key, eq, value_text = item.partition("=")
        kind, dot, target = key.strip().partition(".")
        kind, target, value_text = kind.strip().casefold(), target.strip() or None, value_text.strip()
        if kind not in _KINDS:
            bad.append((item, "kind"))
            continue
        needs_target = kind not in ("quick_wins",)
        if needs_target != (target is not None):
            bad.append((item, "target"))
            continue
        if kind == "exclude":
            if eq and value_text.casefold() not in ("yes", "true", "1", "כן"):
                bad.append((item, "value"))
                continue
            found[(kind, target)] = Change(kind, target)
            continue
        if not eq or not value_text:
            bad.append((item, "value"))
            continue
        if kind == "wave" and value_text.casefold() in (_FREE, "חופשי"):
            found[(kind, target)] = Change(kind, target, None)
            continue
        try:
            value = float(value_text.replace(",", ""))
        except ValueError:
            bad.append((item, "value"))
            continue
        if not math.isfinite(value) or value < 0:
            bad.append((item, "value"))
            continue
        if kind == "weight":
            norm = normalize_name(target)
            target = next((c for c in CRITERIA_COLUMNS if normalize_name(c) == norm), None)
            if target is None:
                bad.append((item, "criterion"))
                continue
        if kind in ("wave", "capacity", "quick_wins") and not value.is_integer() and kind != "capacity":
            bad.append((item, "value"))
            continue
        if kind == "capacity" and not (target.isdigit() and int(target) >= 1):
            bad.append((item, "target"))
            continue
        found[(kind, target)] = Change(kind, target, value)
    return tuple(found.values()), tuple(bad)


#: The suffix of the workshop's copy of the intake: ``intake.xlsx`` -> ``intake.scenarios.xlsx`` beside it.
COPY_SUFFIX = ".scenarios"


def scenario_copy(intake: str | os.PathLike) -> Path:
    """Where the workshop keeps its copy of *intake* (with the Scenarios sheet): beside it, ``<stem>.scenarios.xlsx``.

    ``svcwork validate``/``run`` on the client folder read that copy's Scenarios sheet (and nothing
    else of it); the client's own intake is never written.
    """
    path = Path(intake)
    return path.with_name(f"{path.stem}{COPY_SUFFIX}.xlsx")


def is_scenario_copy(path: str | os.PathLike) -> bool:
    """Whether *path* is a workshop copy of an intake (not a data file of the client)."""
    return Path(path).stem.casefold().endswith(COPY_SUFFIX)


def read_scenarios(book: Any, col: _Collector, *, file: str) -> _SheetRead | None:
    """Read the Scenarios sheet of an open workbook (header found in Hebrew or English); ``None`` without one."""
    label = next((n for n in book.sheetnames if is_scenarios_sheet(n)), None)
    if label is None:
        return None
    try:
        rows = book.rows(label)
    except Exception as exc:  # noqa: BLE001 - as every other sheet: a broken sheet is a corrupt file
        col.error("corrupt", file=file, sheet="Scenarios", sheet_label=label, reason_key="broken_sheet",
                  detail=f"{type(exc).__name__}: {str(exc)[:200]}")
        return None
    return _read_table(rows, SCENARIOS_SHEET, label, col, file=file, epoch=book.epoch)


def read_copy_scenarios(intake: Path, col: _Collector) -> tuple[_SheetRead | None, str | None]:
    """The Scenarios sheet of the workshop's scenarios file beside *intake* (and its file name), if there is one.

    A scenarios file that cannot be opened is a warning (its scenarios are left out; the form's report
    does not depend on it).  One that holds other sheets too (an older workshop copy of the whole form)
    is read for its Scenarios sheet only, with the warning ``scenario.copy_sheets``.
    """
    from .workbook import _open_workbook

    copy = scenario_copy(intake)
    if is_scenario_copy(intake) or not copy.is_file():
        return None, None
    opened = _Collector()
    try:
        book = _open_workbook(copy, opened, file=copy.name)
    except OSError as exc:  # e.g. no permission: a warning, the form's report goes on
        col.warning("scenario.unreadable", file=copy.name, detail=exc.strerror or type(exc).__name__)
        return None, copy.name
    for r in opened.items:
        col.add(WARNING, r.code, file=r.file, sheet=r.sheet, sheet_label=r.sheet_label, row=r.row, column=r.column,
                column_label=r.column_label, value=r.value, table=r.table, **r.params)
    if book is None:
        return None, copy.name
    try:
        others = [n for n in book.sheetnames if not is_scenarios_sheet(n)]
        if others:
            col.warning("scenario.copy_sheets", file=copy.name, value=copy.name, count=len(others))
        return read_scenarios(book, col, file=copy.name), copy.name
    finally:
        book.close()


def is_scenarios_sheet(name: str) -> bool:
    """Whether a workbook sheet named *name* is the Scenarios sheet (in either language)."""
    return normalize_name(name) in {normalize_name(n) for n in SCENARIOS_SHEET.names()}


def check_scenarios(read: _SheetRead | None, reads: Mapping[str, _SheetRead], settings: Any, col: _Collector, *,
                    file: str) -> tuple[Scenario, ...]:
    """The Scenarios sheet's scenarios, each checked against the engagement; problems go to *col*.

    Errors (sheet, Excel row, column ``changes`` or ``scenario``): a name used twice, an item that
    is not a change, a value outside its column's range.  Warnings: a service no longer in the
    Services sheet, a wave or a capacity beyond the number of waves — the scenario is kept (listed,
    with its :attr:`Scenario.unusable` items) but cannot be applied.
    """
    if read is None or read.frame.empty:
        return ()
    frame = read.frame
    where = dict(file=file, sheet="Scenarios", sheet_label=read.sheet_label)
    services = reads.get("Services")
    known = {} if services is None else {str(v).casefold(): str(v) for v in services.frame["service_id"].dropna()}
    waves = int(getattr(settings, "waves", 3) or 3)
    seen: dict[str, int] = {}
    out: list[Scenario] = []
    for _, r in frame.iterrows():
        row = int(r["_row"])
        name, text = r["scenario"], r["changes"]
        if name is None or name is pd.NA or text is None or text is pd.NA:
            continue  # required_empty was reported while reading
        name = str(name).strip()
        label = read.labels.get("changes")
        if name.casefold() in seen:
            col.error("scenario.duplicate", **where, row=row, column="scenario", column_label=read.labels.get("scenario"),
                      value=name, other=seen[name.casefold()])
            continue
        seen[name.casefold()] = row
        changes, bad = parse_changes(str(text))
        for item, reason in bad:
            col.error("scenario.change", **where, row=row, column="changes", column_label=label, value=item,
                      reason_key=f"scenario_{reason}")
        ok: list[Change] = []
        unusable: list[tuple[str, str, dict]] = []
        out_of_range = False
        for c in changes:
            problem = _check_change(c, known, waves)
            if problem is None:
                target = known.get(c.target.casefold(), c.target) if c.kind in (*SERVICE_FIELDS, "wave", "exclude") \
                    else c.target
                ok.append(Change(c.kind, target, c.value))
            elif problem[0] == "scenario.range":  # the scenario's own value: an error whatever the form
                out_of_range = True
                col.error(problem[0], **where, row=row, column="changes", column_label=label, value=c.token(),
                          **problem[1])
            else:  # the form no longer has room for it (revised since): a warning, the form's report goes on
                code, params = problem
                unusable.append((c.token(), code.split(".", 1)[1], dict(params)))
                col.warning(code, **where, row=row, column="changes", column_label=label, value=c.token(),
                            scenario=name, **params)
        if not bad and not out_of_range:
            who, when, form = r.get("who"), r.get("when"), r.get("form")
            out.append(Scenario(name, tuple(ok), _text_or_none(who), _text_or_none(when), row, _text_or_none(form),
                                tuple(unusable)))
    return tuple(out)


def _text_or_none(value: Any) -> str | None:
    return None if value is None or value is pd.NA else str(value)


def _check_change(c: Change, known: Mapping[str, str], waves: int) -> tuple[str, dict] | None:
    """Why change *c* cannot apply to this engagement, as (code, params), or ``None``."""
    if c.kind in SERVICE_FIELDS:
        _, lo, hi = SERVICE_FIELDS[c.kind]
        if c.value < lo or (hi is not None and c.value > hi) or (hi is not None and not float(c.value).is_integer()):
            return "scenario.range", {"lo": _num(lo), "hi": "∞" if hi is None else _num(hi)}
    if c.kind in (*SERVICE_FIELDS, "wave", "exclude") and c.target.casefold() not in known:
        return "scenario.service", {"service": c.target}
    if c.kind == "wave" and c.value is not None and not 1 <= c.value <= waves:
        return "scenario.wave", {"waves": waves}
    if c.kind == "capacity" and not 1 <= int(c.target) <= waves:
        return "scenario.wave", {"waves": waves}
    return None


# ---------------------------------------------------------------------------------------------- the form's fingerprint

#: The parts of the form a scenario's outcome depends on, each fingerprinted on its own: the Services
#: sheet (but its notes), the criteria weights (Criteria and Pairwise sheets) and the roadmap's settings.
FORM_PARTS = ("services", "weights", "roadmap")
_FORM_VERSION = "v1"
_ROADMAP_SETTINGS = ("waves", "wave_capacities", "wave_capacity_days", "min_quick_wins")
_NOT_COMPARED = ("notes",)


def _canon(value: Any) -> Any:
    """A cell as a plain JSON value (the same for 3, 3.0 and Int64 3; NaN and NA alike)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (bool,)) or type(value).__name__ == "bool_":
        return bool(value)
    if isinstance(value, (int, float)) or hasattr(value, "dtype"):
        try:
            x = float(value)
        except (TypeError, ValueError):
            return str(value)
        if math.isnan(x):
            return None
        return int(x) if x.is_integer() else round(x, 9)
    if isinstance(value, (tuple, list)):
        return [_canon(v) for v in value]
    return str(value)


def _frame_rows(frame: Any) -> list:
    if frame is None:
        return []
    columns = sorted(c for c in frame.columns if not str(c).startswith("_") and c not in _NOT_COMPARED)
    return [columns] + [[_canon(v) for v in row] for row in frame[columns].itertuples(index=False, name=None)]


def _digest(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def form_fingerprint(tables: Mapping[str, Any], settings: Any) -> str:
    """A short fingerprint of what a scenario's outcome depends on, per part of :data:`FORM_PARTS`:
    ``v1 services=… weights=… roadmap=…`` (written in the Scenarios sheet's ``form`` column)."""
    parts = {
        "services": _digest(_frame_rows(tables.get("Services"))),
        "weights": _digest([_frame_rows(tables.get("Criteria")), _frame_rows(tables.get("Pairwise"))]),
        "roadmap": _digest({k: _canon(getattr(settings, k, None)) for k in _ROADMAP_SETTINGS}),
    }
    return " ".join([_FORM_VERSION, *(f"{k}={parts[k]}" for k in FORM_PARTS)])


def _fingerprint_parts(text: str | None) -> dict[str, str] | None:
    bits = str(text or "").split()
    if not bits or bits[0] != _FORM_VERSION:
        return None
    return dict(b.split("=", 1) for b in bits[1:] if "=" in b)


def check_stale(scenarios: Sequence[Scenario], tables: Mapping[str, Any], settings: Any, col: _Collector, *,
                file: str | None, read: _SheetRead | None) -> tuple[Scenario, ...]:
    """*scenarios*, each with :attr:`Scenario.stale` set to the parts of the form changed since it was
    saved; a warning ``scenario.stale`` for each (sheet, Excel row, column ``scenario``).  Scenarios
    without a fingerprint (written before it was kept), and those that cannot apply any more, are not
    compared."""
    if not scenarios:
        return tuple(scenarios)
    now = _fingerprint_parts(form_fingerprint(tables, settings)) or {}
    out = []
    for s in scenarios:
        then = _fingerprint_parts(s.form)
        if then is None or s.unusable:  # no fingerprint; or refused anyway (said by scenario.service/wave)
            out.append(s)
            continue
        changed = tuple(k for k in FORM_PARTS if then.get(k) != now.get(k))
        for part in changed:
            col.warning("scenario.stale", file=file or "", sheet="Scenarios",
                        sheet_label=read.sheet_label if read is not None else None, row=s.row, column="scenario",
                        column_label=read.labels.get("scenario") if read is not None else None, value=s.name,
                        scenario=s.name, when=s.when or "?", reason_key=f"form_{part}")
        out.append(replace(s, stale=changed) if changed else s)
    return tuple(out)
