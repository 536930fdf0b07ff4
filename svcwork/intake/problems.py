"""Problems: collected language-neutral while reading, rendered in a language once it is known.

The readers and checks record each problem with :class:`_Collector` (a code, where it is —
file, sheet, Excel row, column — the value and the parameters of its message; sheet and column
as canonical keys).  Nothing is translated while collecting: the engagement's language is only
known once its Engagement sheet is read, and ``validate(lang=…)`` may ask for another.
:meth:`_Collector.render` then turns every record into a :class:`~svcwork.errors.Problem` with
its message from the catalogue (``intake.<code>`` in :mod:`svcwork.i18n.intake`), its
"expected" text, and sheet and column names as the workbook's language writes them.

Collection apart from formatting, as in pandera's lazy validation: the checks never build a
sentence, and the wording of a message never changes what is found.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Mapping

from ..errors import ERROR, WARNING, Problem
from ..i18n import t
from ..schema import COMPANIONS, ENUMS, SHEETS


_MAX_PER_COLUMN = 25  # problems listed one by one per (file, sheet, column, code); the rest are counted


@dataclass
class _Raw:
    severity: str
    code: str
    file: str
    sheet: str | None  # canonical key or None
    sheet_label: str | None  # the name as found in the workbook, if any
    row: int | None
    column: str | None  # canonical key or None
    column_label: str | None  # the header as found, if any
    value: object
    params: dict
    table: str | None = None  # companion schema key (cases/survey/training) for column names; sheets use ``sheet``


class _Collector:
    """Collects problems in a language-neutral form; rendered once the language is known."""

    def __init__(self) -> None:
        self.items: list[_Raw] = []
        self._counts: dict[tuple, int] = {}
        self._overflow: dict[tuple, _Raw] = {}

    def add(self, severity: str, code: str, *, file: str, sheet: str | None = None, sheet_label: str | None = None,
            row: int | None = None, column: str | None = None, column_label: str | None = None,
            value: object = None, table: str | None = None, **params: object) -> None:
        raw = _Raw(severity, code, file, sheet, sheet_label, row, column, column_label, value, dict(params), table)
        key = (file, sheet, column, code)
        n = self._counts.get(key, 0) + 1
        self._counts[key] = n
        if n <= _MAX_PER_COLUMN or column is None:
            self.items.append(raw)
        else:
            self._overflow[key] = raw

    def error(self, code: str, **kw) -> None:
        self.add(ERROR, code, **kw)

    def absorb(self, other: _Collector) -> None:
        """Add the problems collected in *other*, in order (those beyond the per-column limit counted)."""
        overflow = [r for key, r in other._overflow.items() for _ in range(other._counts[key] - _MAX_PER_COLUMN)]
        for r in other.items + overflow:
            self.add(r.severity, r.code, file=r.file, sheet=r.sheet, sheet_label=r.sheet_label, row=r.row,
                     column=r.column, column_label=r.column_label, value=r.value, table=r.table, **r.params)

    def warning(self, code: str, **kw) -> None:
        self.add(WARNING, code, **kw)

    @property
    def has_errors(self) -> bool:
        return any(r.severity == ERROR for r in self.items) or any(r.severity == ERROR for r in self._overflow.values())

    def render(self, lang: str) -> tuple[Problem, ...]:
        out = [_render(r, lang) for r in self.items]
        for key, raw in self._overflow.items():
            extra = self._counts[key] - _MAX_PER_COLUMN
            more = _Raw(raw.severity, raw.code, raw.file, raw.sheet, raw.sheet_label, None, raw.column,
                        raw.column_label, None, dict(raw.params), raw.table)  # its params: what was expected
            p = _render(more, lang)
            out.append(Problem(p.severity, p.code, p.file, p.sheet, None, p.column, None, p.expected,
                               t("intake.rows_with_problems", lang, count=extra)))
        return tuple(out)


def _render(raw: _Raw, lang: str) -> Problem:
    """One problem in *lang*: every name (sheet, column, file kind, list of columns) in that language.

    Parameters ending in ``_key``/``_keys`` are language-neutral and translated here; ``detail``
    (a reader's raw error text) never enters the message, it is kept in ``Problem.detail``.
    """
    params = dict(raw.params)
    schema_key = raw.sheet or raw.table
    detail = params.pop("detail", None)
    enum = params.pop("enum", None)
    if enum is not None:
        params["allowed"] = ", ".join(ENUMS[enum].label(k, lang) for k in ENUMS[enum].keys)
    allowed_headers = params.pop("allowed_headers", None)
    if allowed_headers is not None:
        params["allowed"] = _headers(*allowed_headers, lang)
    if params.pop("sections_allowed", None):
        params["allowed"] = _sections_allowed(lang)
    target = params.pop("target_key", None)
    if target is not None:
        params["target"] = t(f"intake.target.{target}", lang)
    ref = params.pop("ref_sheet_key", None)
    if ref is not None:
        params["ref_sheet"] = _sheet_title(ref, lang)
    for name in ("kind", "reason", "scale_source"):
        k = params.pop(f"{name}_key", None)
        if k is not None:
            params[name] = t(f"intake.{name}.{k}", lang)
    if params.get("file_name") in _COMPANION_KEYS:
        params["file_name"] = _sheet_title(params["file_name"], lang)
    for name in ("given", "usual"):  # a criterion's direction (criterion_direction): the form's word for it
        k = params.pop(f"{name}_key", None)
        if k is not None:
            params[name] = k
            params[f"{name}_label"] = ENUMS["criterion_direction"].label(k, lang)
    for name in ("order", "other"):  # day/month orders (DMY …) as the date_order setting names them
        if params.get(name) in ENUMS["date_order"].keys:
            params[name] = _order_name(params[name], lang)
    he, en = params.pop("he", None), params.pop("en", None)
    if he is not None and en is not None:  # accepted names: the workbook's language first
        params["names"] = f"„{he}”" if lang == "he" else (f"“{en}” or “{he}”" if he != en else f"“{en}”")
    sheet = raw.sheet_label or (_sheet_title(raw.sheet, lang) if raw.sheet else None)
    column = raw.column_label or (_column_header(schema_key, raw.column, lang) if raw.column else None)
    if "column" not in params and column is not None:
        params["column"] = column
    if "sheet" not in params and sheet is not None:
        params["sheet"] = sheet
    params.setdefault("value", _show(raw.value))
    expected = params.pop("expected", None)
    expected_headers = params.pop("expected_headers", None)
    if expected_headers is not None:
        expected = _headers(*expected_headers, lang)
    if expected is None:
        expected = _expected(raw, params, lang)
    cause = params.pop("cause_key", None)
    if cause is not None:  # a sentence of its own, with the problem's parameters
        params["cause"] = t(f"intake.cause.{cause}", lang, **params)
    message = t(f"intake.{raw.code}", lang, **params, expected=expected or "")
    return Problem(raw.severity, raw.code, raw.file, sheet, raw.row, column,
                   None if raw.value is None else _show(raw.value), None if expected is None else str(expected), message,
                   None if detail is None else _show(detail, 200))


_COMPANION_KEYS = frozenset(c.key for c in COMPANIONS)

_EXPECTED_KIND = {"not_number": "number", "not_integer": "int", "not_date": "date", "not_timestamp": "timestamp",
                  "not_judgement": "judgement", "excel_error": "number", "year_not_date": "date"}

#: Codes whose "expected" is a fixed phrase of the catalogue (``intake.expected.<phrase>``).
_EXPECTED_PHRASE = {
    "required_empty": "value", "setting_missing": "value", "duplicate_id": "unique", "duplicate_row": "unique",
    "self_dependency": "no_cycle", "dependency_cycle": "no_cycle", "not_xlsx_xls": "xlsx", "not_xlsx_text": "xlsx",
    "not_xlsx_other": "xlsx", "corrupt": "xlsx", "unsafe_xml": "xlsx", "encrypted": "unprotected",
    "companion_unreadable": "companion", "companion_ambiguous": "one_file", "pairwise_self": "two_criteria",
    "weights_zero": "positive_weight", "bad_column_map": "column_map", "file_missing": "intake",
    "no_intake": "intake", "bad_color": "color", "step_without_journey": "journey", "survey_item_absent": "answered_item",
    "recommendation_no_action": "action", "recommendation_action_cancelled": "action", "formula_no_value": "value",
}


def _expected(raw: _Raw, params: Mapping[str, object], lang: str) -> str | None:
    code = raw.code
    if "allowed" in params:
        return str(params["allowed"])
    if code == "out_of_range":
        return f"{params['lo']}–{params['hi']}"
    if code == "below_min":
        return f"≥ {params['lo']}"
    if code == "above_max":
        return f"≤ {params['hi']}"
    if code in _EXPECTED_KIND:
        return t(f"template.kind.{_EXPECTED_KIND[code]}", lang)
    if code in ("too_large", "zip_bomb"):
        return t("intake.expected.size", lang, limit=params["limit"])
    if code == "period_order":
        return f"≥ {params['start']}"
    if code == "wave_capacities":
        return t("intake.expected.wave_capacities", lang, waves=params["waves"])
    if code == "unknown_ref":
        return t("intake.expected.ref", lang, target=params["target"], ref_sheet=params["ref_sheet"])
    if code == "criterion_direction":  # the direction the column's meaning asks for
        return ENUMS["criterion_direction"].label(params["usual"], lang)
    if code in ("horizon_wave", "locked_wave_range"):  # a wave of the roadmap: 1 to the setting waves
        return t(f"intake.expected.{code}", lang, waves=params["waves"])
    if code == "unknown_step":
        return t("intake.expected.step", lang, journey=params["journey"])
    if code == "sheet_missing":
        return _sheet_title(raw.sheet, lang) if raw.sheet else None
    if code == "column_missing":
        return params.get("column")
    if code in _EXPECTED_PHRASE:
        return t(f"intake.expected.{_EXPECTED_PHRASE[code]}", lang)
    return None


def _headers(schema_key: str | None, keys: tuple[str, ...] | list[str], lang: str) -> str:
    """Column names of sheet/companion *schema_key* in *lang*, comma-separated."""
    return ", ".join(_column_header(schema_key, k, lang) for k in keys)


def _show(value: object, limit: int = 80) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, (dt.datetime, dt.date)):
        text = value.isoformat()
    else:
        text = str(value)
    text = text.replace("\n", " ").replace("\r", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sections_allowed(lang: str) -> str:
    """The report sections the ``sections`` setting may name, in *lang*: each key with its title."""
    from ..schema import REPORT_SECTIONS

    return ", ".join(f"{key} ({t(f'report.section.{key}', lang)})" for key in REPORT_SECTIONS if key != "intake")


def _sheet_title(key: str, lang: str) -> str:
    for group in (SHEETS, COMPANIONS):
        for s in group:
            if s.key == key:
                return s.title(lang)
    return key


def _column_header(sheet_key: str | None, column: str, lang: str) -> str:
    for group in (SHEETS, COMPANIONS):
        for s in group:
            if s.key == sheet_key:
                for c in s.columns:
                    if c.key == column:
                        return c.header(lang)
    return column


def _order_name(order: str, lang: str = "en") -> str:
    return ENUMS["date_order"].label(order, lang)
