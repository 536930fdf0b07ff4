"""The intake workbook (``intake.xlsx``): every sheet of the schema filled from a client's spec.

With the mess a hand-filled form has: a title row above the Services header, numbers and a month
stored as text, day-first date strings.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..schema import ENUMS, SETTINGS, sheet
from ..workbook import set_text
from .people import _observations
from .spec import _CHANNELS, _Spec, _Staff, _label, _workdays


def _kpi_rows(spec: _Spec, rng: np.random.Generator) -> list[dict]:
    start = spec.settings["period_start"]
    months = [dt.date(start.year + (start.month - 1 + m) // 12, (start.month - 1 + m) % 12 + 1, 1) for m in range(18)]
    t = np.arange(18)
    rows = []
    for k in spec.kpis:
        pattern = {"shift": (t >= 10) * k.size, "spike": (t == 13) * k.size, "trend": t / 17 * k.size,
                   "stable": np.zeros(18)}[k.pattern]
        for unit in k.units or (None,):
            level = k.base + pattern + (rng.normal(0, k.spread * 1.5) if unit else 0.0)
            if k.kind == "mean":
                values = np.round(level + rng.normal(0, k.spread, 18), 2)
                ns = [None] * 18
            elif k.kind == "proportion":
                ns = np.round(k.n * rng.uniform(0.9, 1.1, 18)).astype(np.int64)
                p = np.clip(level + rng.normal(0, 0.012, 18), 0.01, 0.99)
                values = np.round(rng.binomial(ns, p) / ns, 4)
                ns = [int(x) for x in ns]
            else:
                values = rng.poisson(np.maximum(level, 1)).astype(float)
                ns = [None] * 18
            for m, (month, value, n_) in enumerate(zip(months, values, ns)):
                rows.append({"kpi_id": k.kpi_id, "period": month, "value": float(value), "n": n_, "unit": unit})
    # mess: a month typed as text, a value stored as text
    rows[3]["period"] = rows[3]["period"].strftime("%Y-%m")
    rows[20]["value"] = f"{rows[20]['value']}"
    return rows


def _action_rows(spec: _Spec) -> list[dict]:
    rows = []
    end = spec.settings["period_end"]
    for i, (source, finding, action, owner, sid, due, status) in enumerate(spec.actions):
        due_date = dt.date.fromisoformat(due)
        if status in ("open", "in progress") and due_date < end and i % 2:  # about half of the late ones still due
            due_date = end + dt.timedelta(days=15 * (i % 8 + 1))
        rows.append({"action_id": f"A{i + 1:02d}", "action": action, "owner": owner,
                     "due_date": due_date.strftime("%d/%m/%Y") if i in (4, 11) else due_date, "status": status,
                     "finding": finding, "service_id": sid, "source": source})
    return rows


def _link_actions(spec: _Spec, actions: list[dict], lessons: list[dict]) -> list[dict]:
    """The actions with their link columns (:attr:`_Spec.action_links`): the finding each answers by id.

    A lesson is named by its event text in the spec and written as the ``lesson_id`` of the first
    Lessons row with that event (none when no generated row has it).
    """
    first_event: dict[str, str] = {}
    for row in lessons:
        first_event.setdefault(row["event"], row["lesson_id"])
    out = []
    for row in actions:
        links = dict(spec.action_links.get(row["action_id"], {}))
        journey = links.pop("journey", None)
        event = links.pop("lesson", None)
        out.append({**row, **links, "journey": journey[0] if journey else None,
                    "journey_step": journey[1] if journey else None,
                    "lesson": first_event.get(event) if event else None})
    return out


def _lesson_rows(spec: _Spec, actions: list[dict], rng: np.random.Generator) -> list[dict]:
    s = spec.settings
    days = _workdays(s["period_start"], s["period_end"], spec.weekmask)
    cats = [c for c, _ in spec.lesson_categories]
    weights = np.array([w for _, w in spec.lesson_categories])
    units = list(spec.observed_units) + [x.unit for x in spec.services if x.volume > 0][:4]
    lesson_actions = [a["action_id"] for a in actions if a["source"] == "lesson"]
    other_actions = [a["action_id"] for a in actions if a["source"] != "lesson"]
    rows = []
    for d in np.sort(rng.choice(len(days), 30, replace=False)):
        cat = cats[rng.choice(len(cats), p=weights / weights.sum())]
        options = [x for x in spec.lessons if x[0] == cat]
        _, event, lesson = options[int(rng.integers(0, len(options)))]
        r = rng.random()
        action_id = (lesson_actions[int(rng.integers(0, len(lesson_actions)))] if r < 0.3 else
                     other_actions[int(rng.integers(0, len(other_actions)))] if r < 0.45 else None)
        rows.append({"lesson_id": f"LL{len(rows) + 1:02d}", "date": days[d].item(),
                     "unit": units[int(rng.integers(0, len(units)))], "event": event,
                     "category": cat, "lesson": lesson if rng.random() < 0.8 else None, "action_id": action_id})
    return rows


_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE6EE")


def _translate(column, value: object, lang: str) -> object:
    if column.enum and isinstance(value, str) and value in ENUMS[column.enum].keys:
        return _label(column.enum, value, lang)
    if isinstance(value, bool) and column.enum == "yesno":
        return _label("yesno", "yes" if value else "no", lang)
    return value


def _write_cell(ws, row: int, col: int, value: object) -> None:
    if value is None or value == "":
        return
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        set_text(cell, value)
    elif isinstance(value, (dt.date, dt.datetime)):
        cell.value = value
        cell.number_format = "yyyy-mm-dd"
    else:
        cell.value = value


def _table_sheet(wb: Workbook, key: str, records: list[dict], lang: str, *, title: str | None = None,
                 formats: dict | None = None) -> None:
    schema = sheet(key)
    ws = wb.create_sheet(schema.title(lang))
    ws.sheet_view.rightToLeft = lang == "he"
    top = 1
    if title:
        set_text(ws.cell(row=1, column=1), title)
        ws.cell(row=1, column=1).font = Font(bold=True, size=14)
        top = 3
    columns = schema.columns
    widths = []
    for j, c in enumerate(columns, start=1):
        cell = ws.cell(row=top, column=j)
        set_text(cell, c.header(lang))
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        widths.append(len(c.header(lang)))
    for i, rec in enumerate(records, start=top + 1):
        for j, c in enumerate(columns, start=1):
            value = _translate(c, rec.get(c.key), lang)
            _write_cell(ws, i, j, value)
            if formats and c.key in formats and isinstance(value, (dt.date, dt.datetime)):
                ws.cell(row=i, column=j).number_format = formats[c.key]
            if value is not None:
                widths[j - 1] = max(widths[j - 1], len(str(value)) if not isinstance(value, dt.date) else 10)
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = min(60, max(10, w + 2))
    ws.freeze_panes = ws.cell(row=top + 1, column=1)


def _intake(spec: _Spec, staff: _Staff, trained: dict[str, list[str]], rng: np.random.Generator) -> Workbook:
    lang = spec.lang
    wb = Workbook()
    wb.remove(wb.active)

    # Engagement: field / value
    ws = wb.create_sheet(sheet("Engagement").title(lang))
    ws.sheet_view.rightToLeft = lang == "he"
    for j, h in enumerate(("שדה", "ערך") if lang == "he" else ("field", "value"), start=1):
        set_text(ws.cell(row=1, column=j), h)
        ws.cell(row=1, column=j).font = _HEADER_FONT
        ws.cell(row=1, column=j).fill = _HEADER_FILL
    values = {"organization": spec.organization, "language": _label("language", lang, lang), **spec.settings}
    r = 2
    for c in SETTINGS:
        if c.key not in values:
            continue
        set_text(ws.cell(row=r, column=1), c.header(lang))
        v = values[c.key]
        _write_cell(ws, r, 2, str(v) if c.key == "min_group_size" else v)  # a number stored as text
        r += 1
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 70
    ws.freeze_panes = "A2"

    services = []
    for i, x in enumerate(spec.services):
        services.append({"service_id": x.sid, "service_name": x.name, "unit": x.unit,
                         "effort": str(x.effort) if i in (2, 7) else x.effort,  # numbers stored as text
                         "benefit": x.benefit, "visibility": x.visibility, "annual_volume": x.volume,
                         "resources_days": x.resources_days, "citizen_reach": x.reach,
                         "mandatory": "yes" if x.mandatory else "no", "depends_on": ", ".join(x.depends) or None,
                         "notes": x.notes or None})
    _table_sheet(wb, "Services", services, lang, title=spec.title)

    channels = [{"service_id": x.sid, "channel": c, "available": a, "share_pct": share, "end_to_end": e2e}
                for x in spec.services for c in _CHANNELS if c in x.channels for a, share, e2e in [x.channels[c]]]
    _table_sheet(wb, "Channels", channels, lang)

    journey = [{"journey": name, "step": k, "stage": st, "touchpoint": tp, "channel": ch, "unit": u, "emotion": emo,
                "pain_point": pain or None, "moment_of_truth": mot, "backstage": back or None, "evidence": ev}
               for name, steps in spec.journeys
               for k, (st, tp, ch, u, emo, pain, mot, back, ev) in enumerate(steps, start=1)]
    _table_sheet(wb, "Journey", journey, lang)

    standards = [{"service_id": sid, "measure": m, "target": target,
                  "channel": ch if ch == "*" else _label("channel", ch, lang), "commitment_text": text}
                 for sid, m, target, ch, text in spec.standards]
    _table_sheet(wb, "Standards", standards, lang)

    _table_sheet(wb, "Criteria", [{"criterion": c, "direction": d, "weight": w} for c, d, w in spec.criteria], lang)
    _table_sheet(wb, "Pairwise", [{"criterion_a": a, "criterion_b": b, "value": v, "rater": r_}
                                  for a, b, v, r_ in spec.pairwise], lang)
    kpis = [{"kpi_id": k.kpi_id, "kpi_name": k.name, "direction": k.direction, "target": k.target,
             "unit_of_measure": k.uom, "owner": k.owner, "service_id": k.service_id, "kind": k.kind,
             "unit": spec.kpi_units.get(k.kpi_id)}
            for k in spec.kpis]
    _table_sheet(wb, "KPIs", kpis, lang)
    _table_sheet(wb, "KPI values", _kpi_rows(spec, rng), lang, formats={"period": "yyyy-mm"})

    observations = _observations(spec, staff, trained, rng)
    for i in (5, 77, 203):  # scores typed as text, a day-first date string
        observations[i]["score"] = str(observations[i]["score"])
    observations[150]["date"] = observations[150]["date"].strftime("%d/%m/%Y")
    _table_sheet(wb, "Observations", observations, lang)

    actions = _action_rows(spec)
    lessons = _lesson_rows(spec, actions, rng)
    _table_sheet(wb, "Actions", _link_actions(spec, actions, lessons), lang)
    _table_sheet(wb, "Lessons", lessons, lang)
    if spec.owners:
        _table_sheet(wb, "Owners", [{"owner": o, "unit": u} for o, u in spec.owners.items()], lang)
    if spec.recommendations:  # the consultant's sheet, last (it draws on no random stream)
        _table_sheet(wb, "Recommendations", [dict(r) for r in spec.recommendations], lang)
    return wb
