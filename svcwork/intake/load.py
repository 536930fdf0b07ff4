"""The whole engagement: the intake workbook, its sheets, its companion files, checked together.

:func:`_run` is the one pass :func:`validate` and :func:`load` share: open the workbook safely,
read every sheet, type the settings, run the checks across rows and sheets, find and read the
companion files in the client folder, run the plausibility checks, and — when no error was
found — build the :class:`~svcwork.intake.engagement.Engagement`.  The problems are collected
language-neutral all along and rendered once, in the engagement's language (or the one asked for).
"""

from __future__ import annotations

import os
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import pandas as pd

from ..caselog import local_timezone
from ..errors import ERROR, HEBREW, IntakeError, Problem
from ..exports.files import discover
from ..exports.scales import Scale
from ..exports.text import short as _short
from ..i18n import t
from ..paths import client_slug, find_intake, sha256_file
from ..privacy import pseudonymisation_key, pseudonymise
from ..schema import COMPANIONS, ENUMS, SHEETS, normalize_name
from .cache import read_cache, save_cache
from .cells import _empty_frame
from .checks import (_check_criteria, _check_recommendations, _check_refs, _check_standards, _check_survey_items,
                     _check_unique, _plausible)
from .columns import _namespace
from .companions import _read_companion
from .engagement import Engagement, InputFile, Validation
from .percent import _check_percents
from .options import _default_order, _ReadOptions, _scales_spec, parse_column_map
from .problems import _Collector
from .scenarios import check_scenarios, check_stale, is_scenario_copy, read_copy_scenarios, read_scenarios
from .cells import _DateRule
from .sheets import _DateCell, _read_settings, _read_table, _settings, _SheetRead, _workbook_date_rule
from .workbook import _open_workbook


#: Optional sheets whose absence is not worth a warning (most clients need none of them; the
#: Recommendations sheet is the consultant's, often filled after the first run).
_QUIET_SHEETS = ("Columns", "Scales", "Owners", "Recommendations")


def _match_sheets(names: list[str], hidden: frozenset[str] = frozenset(), col: _Collector | None = None, *,
                  file: str = "") -> dict[str, str]:
    """Canonical sheet key -> the workbook's sheet name it is read from.

    A visible sheet wins over a hidden one (a hidden stale copy is never read while the current one is shown;
    a warning names it); a hidden sheet is read only when no visible sheet matches (a warning says so).  Two
    visible sheets matching the same key (an old "Service" beside a new "שירותים") are an error naming both:
    which one holds the current data cannot be known, and reading either silently could use the stale one.
    """
    lookup = {normalize_name(n): s.key for s in SHEETS for n in s.names()}
    candidates: dict[str, list[str]] = {}
    for name in names:
        key = lookup.get(normalize_name(name))
        if key is not None:
            candidates.setdefault(key, []).append(name)
    out: dict[str, str] = {}
    for key, found in candidates.items():
        shown = [n for n in found if n not in hidden]
        chosen = (shown or found)[0]
        out[key] = chosen
        if col is None:
            continue
        if len(shown) > 1:
            col.error("sheet_duplicate", file=file, sheet=key, sheet_label=shown[1], first=shown[0], second=shown[1],
                      ref_sheet_key=key)
        elif not shown:
            col.warning("sheet_hidden_read", file=file, sheet=key, sheet_label=chosen, ref_sheet_key=key)
        for other in (n for n in found if n in hidden and n != chosen):
            col.warning("sheet_hidden_skipped", file=file, sheet=key, sheet_label=chosen, value=other, read=chosen,
                        ref_sheet_key=key)
    return out


def _template_language(names: list[str]) -> str:
    return "he" if any(HEBREW.search(n) for n in names) else "en"


def _read_sheets(sheet_rows, names: list[str], matched: Mapping[str, str], col: _Collector, *, file: str,
                 epoch, lookups, rule: _DateRule, seen: list[_DateCell] | None = None
                 ) -> tuple[dict[str, _SheetRead], dict[str, object], dict[str, int], bool]:
    """Every sheet of the form: (table sheets read, settings values, their rows, the Engagement sheet was read)."""
    reads: dict[str, _SheetRead] = {}
    settings_values: dict[str, object] = {}
    settings_rows: dict[str, int] = {}
    settings_read = False  # the Engagement sheet could be read (a corrupt one is one problem, not one per setting)
    for s in SHEETS:
        label = matched.get(s.key)
        if label is None:
            if s.required:
                col.error("sheet_missing", file=file, sheet=s.key, he=s.he, en=s.en, found=", ".join(names) or "—")
            elif s.key not in _QUIET_SHEETS:
                col.warning("sheet_empty", file=file, sheet=s.key)
            continue
        try:
            rows, merged = sheet_rows(label)
        except Exception as exc:  # noqa: BLE001 - a broken sheet is a corrupt file for the user
            col.error("corrupt", file=file, sheet=s.key, sheet_label=label, reason_key="broken_sheet",
                      detail=f"{type(exc).__name__}: {_short(exc)}")
            continue
        if s.settings:
            settings_values, settings_rows = _read_settings(rows, label, col, file=file, epoch=epoch, lookups=lookups,
                                                            rule=rule, seen=seen)
            settings_read = True
            continue
        read = _read_table(rows, s, label, col, file=file, epoch=epoch, merged=merged, rule=rule, seen=seen)
        if read is None:
            if s.key not in _QUIET_SHEETS and not any(r.code in ("column_missing", "header_missing") and r.sheet == s.key
                                              for r in col.items):
                (col.error if s.required else col.warning)("sheet_empty", file=file, sheet=s.key, sheet_label=label)
            continue
        if read.frame.empty and s.key not in _QUIET_SHEETS:
            (col.error if s.required else col.warning)("sheet_empty", file=file, sheet=s.key, sheet_label=label)
        reads[s.key] = read
    return reads, settings_values, settings_rows, settings_read


def _unreadable(path: Path, exc: OSError, lang: str) -> Problem:
    """An input file that cannot be opened (no permission, locked, a disk error): the error
    ``file_unreadable`` naming it, never an internal error.  (Message: the command line's catalogue.)"""
    detail = exc.strerror or type(exc).__name__
    return Problem(ERROR, "file_unreadable", path.name, None, None, None, None, t("cli.expected.readable", lang),
                   t("cli.error.file_unreadable", lang, file=path.name, detail=detail), type(exc).__name__)


def _run(path: str | os.PathLike, *, lang: str | None, key: bytes | None) -> tuple[Validation, _Collector]:
    col = _Collector()
    given = Path(path)
    folder = given if given.is_dir() else given.parent
    intake = find_intake(given)
    fallback = lang or os.environ.get("SVCWORK_LANG", "en")
    if not given.exists():
        col.error("file_missing", file=given.name or str(given), path=str(given))
        return Validation(given, col.render(fallback), fallback), col
    if not intake.is_file():
        col.error("no_intake", file=intake.name, path=str(given))
        return Validation(given, col.render(fallback), fallback), col
    file = intake.name
    try:
        wb = _open_workbook(intake, col, file=file)
        if wb is None:
            return Validation(given, col.render(fallback), fallback), col
        inputs = [InputFile("intake", intake, sha256_file(intake), intake.stat().st_size)]
    except OSError as exc:  # e.g. no permission to read it
        return Validation(given, col.render(fallback) + (_unreadable(intake, exc, fallback),), fallback), col
    unreadable: list[tuple[Path, OSError]] = []
    try:
        names = list(wb.sheetnames)
        template_lang = _template_language(names)
        matched = _match_sheets(names, wb.hidden, col, file=file)
        epoch = wb.epoch
        lookups = {n: e.lookup() for n, e in ENUMS.items()}
        cache: dict[str, object] = {}

        def sheet_rows(label: str) -> tuple[list[list], list]:
            if label not in cache:
                try:
                    cache[label] = (wb.rows(label), wb.merged(label))
                except Exception as exc:  # noqa: BLE001 - a broken sheet is a corrupt file for the user
                    cache[label] = exc
            got = cache[label]
            if isinstance(got, Exception):
                raise got
            return got  # type: ignore[return-value]

        # text dates whose day and month could be swapped are read by one rule for the whole workbook, as in
        # the companion files: the sheets are read once to find them, and again in the order they decide
        # (again only when that changes a reading: another order, or a cell the first order could not read)
        seen: list[_DateCell] = []
        sub = _Collector()
        first = _DateRule(_default_order(template_lang))
        got = _read_sheets(sheet_rows, names, matched, sub, file=file, epoch=epoch, lookups=lookups, rule=first,
                           seen=seen)
        if seen:
            language_value = got[1].get("language")
            dates = _Collector()
            rule = _workbook_date_rule(seen, declared=got[1].get("date_order"), col=dates, file=file,
                                       default=_default_order(language_value if isinstance(language_value, str)
                                                              else template_lang))
            if rule.order != first.order or any(p.code == "not_date" for p in sub.items):
                got = _read_sheets(sheet_rows, names, matched, dates, file=file, epoch=epoch, lookups=lookups,
                                   rule=rule)
            else:
                dates.absorb(sub)
            sub = dates
        col.absorb(sub)
        reads, settings_values, settings_rows, settings_read = got
        scenarios_read = read_scenarios(wb, col, file=file)  # the workshop's, optional
    finally:
        wb.close()

    language_value = settings_values.get("language")
    data_lang = language_value if isinstance(language_value, str) else template_lang  # the engagement's own
    lang_out = lang or data_lang
    settings = _settings(settings_values, settings_rows, matched.get("Engagement"), col, file=file) \
        if settings_read else None
    for s in SHEETS:
        if s.key in reads:
            _check_unique(reads[s.key], s, col, file=file)
    _check_refs(reads, col, file=file)
    replaced = {**_check_criteria(reads, col, file=file), **_check_standards(reads, col, file=file),
                **_check_recommendations(reads, settings, col, file=file)}
    replaced.update(_check_percents(reads, col, file=file))  # Channels' shares and proportion KPIs on their scales
    copy_read, copy_file = read_copy_scenarios(intake, col)  # the workshop's file beside the intake supersedes it
    scenario_read, scenario_file = (copy_read, copy_file) if copy_file is not None else (scenarios_read, file)
    scenarios = check_scenarios(scenario_read, reads, settings, col, file=scenario_file)
    column_map = parse_column_map(settings.column_map if settings else None,
                                  reads["Columns"].frame if "Columns" in reads else None, col=col, file=file)

    if key is None:  # the project's key: SVCWORK_KEY, else the nearest .svcwork/secret.key, else the user's
        key = pseudonymisation_key(folder)
    companions: dict[str, pd.DataFrame | None] = {c.key: None for c in COMPANIONS}
    scales: dict[str, Scale] = {}
    # defaults where the data and the form are silent follow the engagement, never the message language
    tz = local_timezone(settings, language=data_lang)  # the one rule (svcwork.caselog), the months read in it too
    opts = _ReadOptions(tz=tz, date_order=settings.date_order if settings else None,
                        default_order=_default_order(data_lang), column_map=column_map,
                        scales=_scales_spec(reads.get("Scales"), col, file=file), key=key,
                        services=_service_ids(reads.get("Services")))
    files: dict[str, str] = {}
    if given.is_dir() or intake.parent == folder:
        declared = {c.key: getattr(settings, f"{c.key}_file", None) if settings else None for c in COMPANIONS}
        disc = discover(folder, intake=intake, declared=declared)
        for name, spec in disc.missing.items():
            col.error("companion_declared_missing", file=file, sheet="Engagement", column=f"{name}_file",
                      row=settings_rows.get(f"{name}_file"), file_name=name, value=spec,
                      found=", ".join(p.name for p in disc.unused) or "—")
        for name, paths in disc.ambiguous.items():
            col.error("companion_ambiguous", file=paths[0].name, file_name=name, found=", ".join(p.name for p in paths))
        for p in disc.unused:
            if not is_scenario_copy(p):  # the workshop's copy of the intake is read for its scenarios only
                col.warning("file_unused", file=p.name, value=p.name)
        for c in COMPANIONS:
            found = disc.found.get(c.key)
            if found is None:
                continue
            try:
                for p in found.paths:
                    inputs.append(InputFile(c.key, p, sha256_file(p), p.stat().st_size))
                files[c.key] = found.paths[0].name
                companions[c.key], sc = _read_companion(found, col, opts=opts)
            except OSError as exc:  # e.g. no permission to read it: named, the others still checked
                failed = Path(exc.filename) if isinstance(exc.filename, str) else found.paths[0]
                unreadable.append((failed, exc))
                companions[c.key] = None
                continue
            if companions[c.key] is not None:  # the zone its naive times were read in (the frame is new)
                companions[c.key].attrs["timezone"] = tz
            scales.update(sc)
        if settings is not None and not col.has_errors:
            used = {k: f.attrs.get("date_orders", {}).get("timestamp" if k == "cases" else "date")
                    for k, f in companions.items() if f is not None}
            _plausible(companions, settings, col, files, {k: v or settings.date_order for k, v in used.items()},
                       tz=tz)

    replaced.update(_check_survey_items(reads, companions.get("survey"), col, file=file, survey_file=files.get("survey")))
    engagement = None
    if not col.has_errors and settings is not None and not unreadable:
        tables = {}
        for s in SHEETS:
            if s.settings:
                continue
            frame = replaced.get(s.key, reads[s.key].frame if s.key in reads else _empty_frame(s))
            for c in s.columns:
                if c.identifier and c.key in frame.columns:
                    frame = frame.assign(**{c.key: pseudonymise(frame[c.key], namespace=_namespace(c.key), key=key)})
            tables[s.key] = frame
        # a scenario saved against an earlier form: a warning naming what changed since (still applied)
        scenarios = check_stale(scenarios, tables, settings, col, file=scenario_file, read=scenario_read)
        engagement = Engagement(
            slug=client_slug(given), folder=folder.resolve(), settings=settings, tables=MappingProxyType(tables),
            cases=companions.get("cases"), survey=companions.get("survey"), training=companions.get("training"),
            problems=col.render(lang_out), inputs=tuple(inputs), template_language=template_lang,
            scales=MappingProxyType(scales), scenarios=scenarios)
    extra = tuple(_unreadable(p, exc, lang_out) for p, exc in unreadable)
    return Validation(given, col.render(lang_out) + extra, lang_out, engagement), col


def _service_ids(read) -> frozenset[str]:  # noqa: ANN001 - a _SheetRead or None
    """The Services sheet's ids as read (none when the sheet is missing or has no id column)."""
    frame = getattr(read, "frame", None)
    if frame is None or "service_id" not in frame.columns:
        return frozenset()
    return frozenset(str(v) for v in frame["service_id"].dropna())


def validate(path: str | os.PathLike, *, lang: str | None = None, key: bytes | None = None) -> Validation:
    """Check a client folder (or an intake workbook) and report every problem at once.

    Never raises for bad input: unreadable files, missing sheets and bad cells all become
    :class:`~svcwork.errors.Problem` records (severity, code, file, sheet, Excel row, column,
    value, expected, message in the workbook's language).  ``result.ok`` is True when the
    engagement can be analysed (warnings allowed); ``result.engagement`` is then loaded.
    """
    result, _ = _run(path, lang=lang, key=key)
    return result


def load(path: str | os.PathLike, *, key: bytes | None = None, cache_dir: str | os.PathLike | None = None) -> Engagement:
    """Load a validated engagement, or raise :class:`~svcwork.errors.IntakeError` with every problem.

    With *cache_dir*, an engagement saved there by :func:`save_cache` is reused when the
    input files' SHA-256 still match (``svcwork run`` loads once for all its notebooks).
    """
    if cache_dir:
        cached = read_cache(cache_dir, path)
        if cached is not None:
            return cached
    result = validate(path, key=key)
    if not result.ok or result.engagement is None:
        raise IntakeError(list(result.problems), result.summary())
    if cache_dir:
        save_cache(result.engagement, cache_dir)
    return result.engagement
