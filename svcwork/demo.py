"""Fictional demo engagements: three seeded clients under ``data/clients/``.

``generate(out_dir)`` writes one folder per client (``intake.xlsx`` with every sheet of the
schema filled, plus the case log, the survey and the training assessments):

``neve-tamar``
    עיריית נווה תמר — a Hebrew municipality (property tax, parking, business licensing,
    building permits, welfare desk, the 106 hotline …); the default client of notebooks and
    tests, kept moderate (~8,000 cases / ~45,000 events, ~4,000 survey responses).
``rashut-hagimlaot``
    הרשות הארצית לזכויות וגמלאות — a Hebrew national benefits agency whose claims are handled
    by six district offices; the largest (~50,000 cases / ~300,000 events, ~20,000 responses).
    Its companions are shaped like a real client export (see below).
``northfield-licensing``
    Northfield Licensing Agency — an English-language licensing agency (~5,000 cases).

Every name is invented; citizen identifiers are fake (Hebrew clients: 9-digit numbers that
start with ``000``, many with a valid Israeli check digit; the English client: ``C0`` and
seven digits).  Phone numbers and e-mail addresses planted in survey comments (for the
redaction step) use fictional ranges: ``050-000xxxx``, Ofcom's drama range ``07700 900xxx``
and the reserved ``example.com``/``example.org`` domains (RFC 2606).

The data carry the mess a real export has, all of which the loader tolerates (warnings,
never errors): a title row above a header, numbers stored as text, day-first date strings,
blank ``resource`` cells, mixed time-zone offsets (``+02:00``, ``+03:00``, ``Z`` and naive
local times), exact timestamp ties, duplicated events, rows out of order, single-event
cases, late cases, repeat contacts within a week, hand-offs between units (including
ping-pong A→B→A), rework (a repeated activity) and channel switching.  These clean exports
are ``cases.csv``, ``survey.csv`` and ``training.csv`` in UTF-8.

``rashut-hagimlaot`` writes the same kind of data as a *real* export (:func:`_as_real_export`):
``פניות.csv``, ``סקר.csv`` and ``הדרכה.csv`` in Windows-1255 with Hebrew headers, case times as
naive local day-first wall-clock times across the clock changes (a few fall in the hour repeated
on 26 October 2025 and 25 October 2026), survey answers as Hebrew labels with "don't know" answers, and training scores
as percentages.  ``generate(..., export_style="clean")`` writes it clean (the same data).

Generation is vectorised with :class:`numpy.random.Generator` (one independent stream per
client from :class:`numpy.random.SeedSequence`), so the same seed always gives the same
bytes: workbooks go through :func:`svcwork.workbook.save_workbook`, CSVs are written with
fixed formatting and ``\\n`` line endings, every file atomically.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .exports.scales import DONT_KNOW, HE_EXTENT, HE_SATISFACTION
from .paths import atomic_write_bytes
from .schema import ENUMS, FRONTLINE_SKILLS, SETTINGS, companion, sheet
from .workbook import save_workbook, set_text

__all__ = ["DEFAULT_SEED", "CLIENTS", "EXPORT_FILES", "generate", "main"]

#: Seed of the committed demo data (``svcwork demo`` without ``--seed``).
DEFAULT_SEED = 20261125

_HOURS_PER_DAY = 9.0  # working hours 08:00–17:00
_DAY_START = np.timedelta64(8 * 3600, "s")


# =========================================================================== client specifications
@dataclass(frozen=True)
class _Service:
    """A service row plus what the case generator needs to simulate its process."""

    sid: str
    name: str
    unit: str
    effort: int
    benefit: int
    visibility: int
    volume: int  # annual cases; 0 = an enabler with no cases of its own
    resources_days: int
    reach: int
    mandatory: bool = False
    depends: tuple[str, ...] = ()
    notes: str = ""
    #: channel -> (available yes/no/partial, share %, end to end yes/no)
    channels: dict = field(default_factory=dict)
    #: the ideal path: (activity, unit or "@home", median working hours since the previous event)
    path: tuple[tuple[str, str, float], ...] = ()
    check_at: int | None = None  # index of the step that may send the citizen back for documents (rework)
    optional: tuple[int, ...] = ()  # steps a fast-tracked case skips
    deadline_days: int | None = None  # statutory deadline (calendar days), written to the case's deadline
    pingpong: float = 1.0  # multiplier of the ping-pong variant's probability
    rework: float = 1.0  # multiplier of the rework variant's probability
    outcomes: tuple[tuple[str, float], ...] = ()
    season: tuple[float, ...] | None = None  # relative case volume per calendar month (Jan…Dec)
    own_desk: bool = False  # the unit receives its own walk-in citizens (not the central front desk)


@dataclass(frozen=True)
class _Kpi:
    kpi_id: str
    name: str
    direction: str
    target: float
    uom: str
    owner: str
    service_id: str | None
    kind: str
    base: float  # level at the start
    spread: float  # month-to-month noise (sd for means; ignored for proportions/counts)
    n: int = 0  # denominator for proportions
    pattern: str = "stable"  # stable | shift | spike | trend
    size: float = 0.0  # size of the pattern's effect
    units: tuple[str, ...] = ()  # per-unit values instead of one organisation-wide series


@dataclass(frozen=True)
class _Spec:
    slug: str
    lang: str
    organization: str
    settings: dict
    weekmask: str
    tz: str
    offset_units: frozenset  # units whose system exports timestamps with a UTC offset
    utc_channels: frozenset  # channels whose intake system stamps events in UTC ("Z")
    intake_units: dict  # channel -> unit that receives cases from that channel
    home_units: tuple[tuple[str, float], ...]  # the "@home" unit of a case (district offices) with weights
    ombud_unit: str | None
    services: tuple[_Service, ...]
    pool_sizes: dict  # unit -> number of employees (resources)
    slow_units: dict  # unit -> time multiplier
    n_cases: int
    case_prefix: str
    id_style: str  # "il" (9 digits, Israeli check digit) or "uk"
    close_label: str
    vocab: dict
    journeys: tuple[tuple, ...]
    standards: tuple[tuple, ...]
    criteria: tuple[tuple[str, str, float], ...]
    pairwise: tuple[tuple[str, str, object, str], ...]
    kpis: tuple[_Kpi, ...]
    observed_units: tuple[str, ...]
    observers: tuple[str, ...]
    n_sessions: int
    n_double: int
    survey_n: int
    survey_unit_effects: dict
    small_unit: tuple[str, int] | None  # a survey unit with very few responses (suppression)
    waves: tuple[tuple[str, str, str], ...]  # (label, first day, last day)
    trained_per_unit: int
    training_date: str
    actions: tuple[tuple, ...]
    lessons: tuple[tuple, ...]
    lesson_categories: tuple[tuple[str, float], ...]
    comments: dict
    obs_notes: tuple[str, ...]
    title: str
    csv_headers: dict = field(default_factory=lambda: {"cases": "en", "survey": "en", "training": "en"})
    #: how the companions are written: "clean" (cases.csv … in UTF-8, the mess listed in the module notes)
    #: or "real" (reshaped like a real client export by :func:`_as_real_export`)
    export_style: str = "clean"
    digital_first: frozenset = frozenset({"web", "app", "email"})
    #: an observed unit seen on only a few employees (below min_group_size: its cells are suppressed);
    #: never the first two observed units, which carry the rising and the falling trend
    obs_small: tuple[str, int] | None = None


_CHANNELS = ("counter", "phone", "web", "app", "email", "mail", "chat", "kiosk")


def _label(enum: str, key: str, lang: str) -> str:
    return ENUMS[enum].label(key, lang)


# --------------------------------------------------------------------------- neve-tamar (Hebrew municipality)
def _neve_tamar() -> _Spec:
    desk, moked, arnona, parking = "מרכז שירות לתושב", "מוקד 106", "ארנונה", "חניה"
    license_, build, welfare, pikuach = "רישוי עסקים", "הנדסה", "רווחה", "פיקוח"
    edu, sanit, legal, ombud, digital = "חינוך", "תברואה", "לשכה משפטית", "פניות הציבור", "מערכות מידע"
    close = "סגירת פנייה"
    reply = "מענה לפונה"
    recv = "פנייה התקבלה"
    y, n, p = "yes", "no", "partial"
    services = (
        _Service("S01", "תשלום ארנונה והסדרי תשלום", arnona, 2, 4, 5, 30000, 20, 24000,
                 channels={"counter": (y, 25, y), "phone": (y, 20, y), "web": (y, 40, y), "app": (y, 10, y),
                           "kiosk": (p, 5, n)},
                 path=((recv, arnona, 0), ("רישום ושיוך", arnona, 2), ("בדיקת חשבון", arnona, 6),
                       (reply, arnona, 6), (close, arnona, 1)), check_at=2, optional=(1,),
                 outcomes=(("טופל", 0.85), ("נדחה", 0.15))),
        _Service("S02", "הנחה בארנונה", arnona, 3, 5, 4, 6000, 35, 5500, depends=("S01", "S12"),
                 notes="עומס גבוה בתחילת השנה", season=(3, 2.5, 1.5, 1, 1, 1, 0.8, 0.8, 1, 1, 1, 1.2),
                 channels={"counter": (y, 55, y), "web": (p, 25, n), "email": (y, 15, n), "mail": (y, 5, n)},
                 path=((recv, arnona, 0), ("רישום ושיוך", arnona, 3), ("בדיקת מסמכים", arnona, 12),
                       ("בדיקת זכאות", welfare, 30), ("החלטה", arnona, 12), (reply, arnona, 4), (close, arnona, 1)),
                 check_at=2, deadline_days=30, pingpong=2.0, rework=1.6,
                 outcomes=(("אושר", 0.7), ("אושר חלקית", 0.1), ("נדחה", 0.2))),
        _Service("S03", "תו חניה לתושב", parking, 1, 4, 5, 9000, 8, 8500, depends=("S12",),
                 channels={"counter": (y, 30, y), "web": (y, 60, y), "app": (y, 10, y)},
                 path=((recv, parking, 0), ("בדיקת מסמכים", parking, 4), ("הנפקת תו חניה", parking, 6),
                       (close, parking, 1)), check_at=1, outcomes=(("אושר", 0.92), ("נדחה", 0.08))),
        _Service("S04", "ערעור על דוח חניה", parking, 3, 3, 4, 7000, 25, 6500,
                 channels={"counter": (y, 20, y), "web": (y, 50, y), "mail": (y, 20, n), "email": (p, 10, n)},
                 path=((recv, parking, 0), ("רישום ושיוך", parking, 3), ("בדיקת ערעור", parking, 20),
                       ("חוות דעת משפטית", legal, 30), ("החלטה", parking, 10), (reply, parking, 4),
                       (close, parking, 1)), check_at=2, optional=(3,), deadline_days=30,
                 outcomes=(("הערעור התקבל", 0.35), ("הערעור נדחה", 0.65))),
        _Service("S05", "רישיון עסק", license_, 5, 4, 3, 1200, 60, 1100, depends=("S06",),
                 notes="תלוי בחוות דעת של גורמים חיצוניים",
                 channels={"counter": (y, 70, y), "web": (p, 20, n), "email": (y, 10, n)},
                 own_desk=True,
                 path=((recv, license_, 0), ("בדיקת מסמכים", license_, 16), ("ביקורת פיקוח", pikuach, 60),
                       ("חוות דעת הנדסה", build, 50), ("החלטה", license_, 20), ("הנפקת רישיון", license_, 10),
                       (close, license_, 1)), check_at=1, deadline_days=90, rework=1.8, pingpong=1.5,
                 outcomes=(("אושר", 0.75), ("אושר בתנאים", 0.15), ("נדחה", 0.1))),
        _Service("S06", "היתר בנייה", build, 5, 3, 2, 800, 80, 700, mandatory=True,
                 channels={"counter": (y, 40, y), "web": (y, 60, y)},
                 own_desk=True, path=((recv, build, 0), ("בדיקת מסמכים", build, 30), ("בדיקת תוכניות", build, 100),
                       ("דיון בוועדה", build, 180), ("תשלום אגרות", arnona, 40), ("הפקת היתר", build, 30),
                       (close, build, 1)), check_at=1, deadline_days=90, rework=2.0,
                 outcomes=(("אושר", 0.8), ("נדחה", 0.2))),
        _Service("S07", "פנייה למחלקת רווחה", welfare, 4, 5, 2, 2500, 45, 2000, mandatory=True,
                 channels={"counter": (y, 70, y), "phone": (y, 30, n)},
                 own_desk=True, path=((recv, welfare, 0), ("שיחת קליטה", welfare, 16), ("הערכת צרכים", welfare, 40),
                       ("הפניה לשירות", welfare, 20), (reply, welfare, 6), (close, welfare, 1)), check_at=2,
                 outcomes=(("טופל", 0.9), ("הופנה לגורם אחר", 0.1))),
        _Service("S08", "מוקד 106 — מפגעים ותקלות", moked, 2, 4, 5, 25000, 15, 18000,
                 channels={"phone": (y, 60, y), "app": (y, 20, y), "web": (y, 10, y), "chat": (y, 10, y)},
                 path=((recv, moked, 0), ("שיוך ליחידה", moked, 1), ("טיפול בשטח", pikuach, 20),
                       ("דיווח ביצוע", pikuach, 4), ("עדכון הפונה", pikuach, 6), (close, pikuach, 1)),
                 optional=(4,), pingpong=2.5, rework=0.3, outcomes=(("טופל", 0.88), ("לא נמצא מפגע", 0.12))),
        _Service("S09", "אישור לטאבו", arnona, 2, 3, 3, 2500, 10, 2400, depends=("S01",),
                 channels={"counter": (y, 50, y), "web": (p, 40, n), "email": (y, 10, n)},
                 path=((recv, arnona, 0), ("בדיקת חובות", arnona, 8), ("אישור הנדסה", build, 24),
                       ("הפקת אישור", arnona, 6), (close, arnona, 1)), check_at=1, deadline_days=14,
                 outcomes=(("אושר", 0.9), ("נדחה", 0.1))),
        _Service("S10", "רישום לגני ילדים ולבתי ספר", edu, 3, 4, 5, 4000, 30, 3800, depends=("S12",),
                 season=(4, 4, 2.5, 0.8, 0.5, 0.6, 0.8, 1, 0.5, 0.3, 0.3, 1.5),
                 channels={"web": (y, 75, y), "counter": (y, 25, y)},
                 path=((recv, edu, 0), ("אימות כתובת", arnona, 10), ("בדיקת מסמכים", edu, 8),
                       ("שיבוץ", edu, 60), ("הודעת שיבוץ", edu, 4), (close, edu, 1)), check_at=2,
                 outcomes=(("שובץ", 0.9), ("בערעור", 0.1))),
        _Service("S11", "פינוי גזם ופסולת גושית", sanit, 1, 3, 4, 8000, 6, 6000,
                 channels={"phone": (y, 50, y), "app": (y, 30, y), "web": (y, 20, y)},
                 path=((recv, moked, 0), ("תיאום איסוף", sanit, 6), ("ביצוע פינוי", sanit, 24), (close, sanit, 1)),
                 pingpong=0.5, rework=0.0, outcomes=(("בוצע", 0.95), ("בוטל", 0.05))),
        _Service("S12", "אזור אישי באתר העירייה", digital, 4, 4, 3, 0, 70, 20000,
                 notes="תשתית: הזדהות, תשלומים ומעקב אחר פניות",
                 channels={"web": (y, 80, y), "app": (y, 20, y)}),
    )
    journeys = (
        ("בקשה להנחה בארנונה", (
            ("בירור", "חיפוש מידע על זכאות להנחה", "web", arnona, 0, "המידע באתר מפוזר ולא ברור מי זכאי", n,
             "מערכת תוכן האתר", "partial"),
            ("בירור", "שיחה למוקד לבירור הזכאות", "phone", moked, -1, "המתנה ארוכה למענה אנושי", n,
             "מערכת ניהול פניות", "data"),
            ("הגשה", "הגשת בקשה ומסמכים בדלפק", "counter", desk, -1,
             "נדרשים מסמכים שכבר נמצאים בידי העירייה", y, "סריקה ידנית למערכת הגבייה", "partial"),
            ("המתנה", "מכתב דרישה להשלמת מסמכים", "mail", arnona, -2,
             "הדרישה מגיעה בדואר אחרי שבועות, והבקשה חוזרת לתחילת התור", n, "בדיקת זכאות ברווחה", "data"),
            ("המתנה", "בירור מצב הבקשה", "phone", moked, -1, "אין מידע על מצב הטיפול",
             n, "העברת התיק בין ארנונה לרווחה", "data"),
            ("קבלה", "קבלת ההחלטה", "mail", arnona, 1, "", y, "מערכת הגבייה", "data"),
            ("קבלה", "עדכון החיוב באזור האישי", "web", arnona, 2, "", n, "", "none"),
        )),
        ("דיווח על מפגע במוקד 106", (
            ("דיווח", "דיווח באפליקציה עם תמונה ומיקום", "app", moked, 1, "", n, "מערכת המוקד", "data"),
            ("דיווח", "מסרון אישור קבלה", "app", moked, 1, "", n, "", "partial"),
            ("טיפול", "פקח מגיע לשטח", "counter", pikuach, 0, "הפנייה מועברת לפעמים ליחידה הלא נכונה", y,
             "שיוך ידני ליחידה", "data"),
            ("טיפול", "העברה בין פיקוח למוקד ובחזרה", "phone", moked, -2, "הפנייה עוברת הלוך ושוב בין יחידות",
             n, "תיאום בין המוקד לפיקוח", "data"),
            ("סגירה", "הודעה על סיום הטיפול", "app", moked, 1, "ההודעה נשלחת לפני שהמפגע תוקן בפועל", y,
             "דיווח ביצוע מהשטח", "partial"),
            ("משוב", "סקר שביעות רצון קצר", "app", moked, 0, "", n, "", "none"),
        )),
        ("רישיון עסק", (
            ("בירור", "בירור דרישות הרישוי", "web", license_, -1, "אין רשימה אחת של כל הדרישות", n, "", "none"),
            ("בירור", "פגישת ייעוץ מקדימה", "counter", license_, 1, "", y, "", "partial"),
            ("הגשה", "הגשת בקשה ותוכניות", "counter", license_, 0, "אין הגשה מקוונת מלאה", n,
             "סריקת תוכניות", "data"),
            ("המתנה", "דרישת מסמכים נוספים", "email", license_, -2, "מסמכים נדרשים בכמה סבבים", n,
             "בדיקת שלמות", "data"),
            ("המתנה", "ביקורת פיקוח בעסק", "counter", pikuach, -1, "תיאום הביקורת נעשה בטלפון בלבד", y,
             "חוות דעת הנדסה", "data"),
            ("המתנה", "בירור מצב הבקשה", "phone", license_, -2, "אין מעקב מקוון אחר הבקשה", n, "", "partial"),
            ("קבלה", "קבלת הרישיון", "counter", license_, 2, "", y, "הפקת רישיון", "data"),
            ("אחרי", "חידוש רישיון", "web", license_, 0, "אין תזכורת לפני פקיעת הרישיון", n, "", "none"),
        )),
    )
    standards = (
        ("*", "resolution_days", 14, "*", "כל פנייה תטופל בתוך 14 ימים."),
        ("*", "first_response_days", 3, "*", "מענה ראשון לכל פנייה בתוך 3 ימי עבודה."),
        ("S08", "answer_seconds", 60, "phone", "מענה אנושי במוקד 106 בתוך דקה."),
        ("S02", "resolution_days", 21, "counter", "החלטה בבקשה להנחה שהוגשה בדלפק בתוך 21 ימים."),
        ("S02", "resolution_days", 30, "web", "החלטה בבקשה להנחה שהוגשה באתר בתוך 30 ימים."),
        ("S03", "resolution_days", 3, "*", "תו חניה יונפק בתוך 3 ימי עבודה."),
        ("S06", "resolution_days", 90, "*", "החלטה בבקשה להיתר בתוך 90 ימים."),
        ("*", "K05", 0.75, "*", "שלושה מכל ארבעה תושבים מרוצים מהשירות."),
    )
    criteria = (("תועלת", "benefit", 0.35), ("נראות", "benefit", 0.25), ("מאמץ", "cost", 0.25),
                ("היקף פונים", "benefit", 0.15))
    r1, r2 = 'מנכ"ל העירייה', "מנהלת השירות לתושב"
    pairwise = (
        ("תועלת", "מאמץ", "2", r1), ("תועלת", "נראות", 2, r1), ("תועלת", "היקף פונים", 3, r1),
        ("מאמץ", "נראות", 1, r1), ("מאמץ", "היקף פונים", 2, r1), ("נראות", "היקף פונים", 1, r1),
        ("תועלת", "מאמץ", 2, r2), ("תועלת", "נראות", "1/2", r2), ("תועלת", "היקף פונים", 3, r2),
        ("מאמץ", "נראות", 1, r2), ("מאמץ", "היקף פונים", 2, r2), ("נראות", "היקף פונים", 1, r2),
    )
    kpis = (
        _Kpi("K01", "שיעור שיחות שנענו בתוך 60 שניות במוקד 106", "higher", 0.8, "שיעור", "מנהלת מוקד 106", "S08",
             "proportion", 0.72, 0, n=2400, pattern="shift", size=0.08),
        _Kpi("K02", "זמן טיפול ממוצע בבקשה להנחה בארנונה", "lower", 14, "ימים", "מנהל אגף הכנסות", "S02", "mean",
             16, 1.2, pattern="spike", size=6),
        _Kpi("K03", "מספר תלונות בפניות הציבור", "lower", 90, "תלונות", "ממונה פניות הציבור", None, "count",
             110, 0, pattern="stable"),
        _Kpi("K04", "שיעור פניות שנפתרו בפנייה ראשונה", "higher", 0.7, "שיעור", "מנהלת השירות לתושב", None,
             "proportion", 0.61, 0, n=3000, pattern="stable"),
        _Kpi("K05", "שיעור תושבים מרוצים (סקר)", "higher", 0.75, "שיעור", "מנהלת השירות לתושב", None,
             "proportion", 0.77, 0, n=220, pattern="stable"),
        _Kpi("K06", "זמן המתנה ממוצע בדלפק", "lower", 10, "דקות", "מנהל מרכז השירות", None, "mean",
             9, 0.8, pattern="trend", size=4),
        _Kpi("K07", "שיעור היתרים שהוחלטו בתוך 90 ימים", "higher", 0.85, "שיעור", "מהנדסת העיר", "S06",
             "proportion", 0.88, 0, n=60, pattern="stable"),
    )
    actions = (
        ("journey", "הדרישה להשלמת מסמכים בהנחה בארנונה מגיעה בדואר אחרי שבועות",
         "דרישת השלמה במסרון ובדוא\"ל ביום הבדיקה", "מנהל אגף הכנסות", "S02", "2025-10-31", "done"),
        ("journey", "נדרשים מסמכים שכבר נמצאים בידי העירייה", "שליפת מסמכים ממערכות העירייה במקום לבקש מהתושב",
         "מנהלת מערכות מידע", "S02", "2026-03-31", "in progress"),
        ("journey", "פניות במוקד 106 עוברות הלוך ושוב בין המוקד לפיקוח", "טבלת שיוך אחת למפגעים ובעל תהליך אחד",
         "מנהלת מוקד 106", "S08", "2026-01-31", "in progress"),
        ("kpi", "שיעור המענה בתוך 60 שניות במוקד נמוך מהיעד", "תגבור המוקד בשעות העומס", "מנהלת מוקד 106", "S08",
         "2025-09-30", "done"),
        ("survey", "שיעור המסכימים בפריט הקלות נמוך בבקשות להנחה", "פישוט הטופס המקוון ובדיקת שמישות עם תושבים",
         "מנהל אגף הכנסות", "S02", "2026-06-30", "open"),
        ("observation", "ציונים נמוכים בהכלת כעס במרכז השירות", "סדנת הכלת כעס לצוות הדלפק", "מנהל מרכז השירות",
         None, "2026-02-28", "done"),
        ("observation", "השיחות מסתיימות בלי לסכם את ההמשך", "תסריט סיום שיחה וכרטיס כיס לעובדים",
         "מנהלת מוקד 106", None, "2026-05-31", "in progress"),
        ("lesson", "תקלה חוזרת במערכת התורים", "הסכם רמת שירות עם ספק מערכת התורים", "מנהלת מערכות מידע", None,
         "2026-04-30", "open"),
        ("kpi", "זמן הטיפול בהנחה בארנונה חרג בינואר", "ניתוח שורש לחריגה ותור עדיפות לבקשות ותיקות",
         "מנהל אגף הכנסות", "S02", "2026-03-15", "done"),
        ("journey", "אין הגשה מקוונת מלאה לרישיון עסק", "טופס מקוון מקצה לקצה לרישיון עסק", "מנהל רישוי עסקים",
         "S05", "2026-09-30", "open"),
        ("journey", "תיאום ביקורת הפיקוח בעסק נעשה בטלפון בלבד", "זימון מקוון לביקורת פיקוח", "מנהל הפיקוח", "S05",
         "2026-07-31", "in progress"),
        ("survey", "תושבים מתלוננים שלא עודכנו במצב הפנייה", "מסרון אוטומטי בכל שינוי סטטוס", "מנהלת מערכות מידע",
         "S08", "2026-08-31", "open"),
        ("lesson", "בקשות לתו חניה נתקעו בגלל תקלה בממשק משרד הרישוי", "בדיקה יומית של הממשק והתראה אוטומטית",
         "מנהלת מחלקת חניה", "S03", "2025-12-31", "done"),
        ("kpi", "זמן ההמתנה בדלפק עולה בהדרגה", "זימון תורים מראש ופתיחת עמדה נוספת בימי עומס", "מנהל מרכז השירות",
         None, "2026-10-15", "in progress"),
        ("journey", "אין תזכורת לפני פקיעת רישיון עסק", "תזכורת אוטומטית 60 יום לפני פקיעה", "מנהל רישוי עסקים",
         "S05", "2027-01-31", "open"),
        ("survey", "שביעות רצון נמוכה ברווחה", "מפגש צוות לניתוח הערות המשיבים", "מנהלת מחלקת רווחה", "S07",
         "2026-04-30", "cancelled"),
        ("observation", "עובדים חדשים במוקד לא מכירים את נוהל ההעברה", "חניכה בזוגות בשבועיים הראשונים",
         "מנהלת מוקד 106", None, "2026-01-15", "done"),
        ("lesson", "תושבת קיבלה שתי החלטות סותרות בערעור חניה", "בדיקת כפילויות לפני שליחת החלטה",
         "מנהלת מחלקת חניה", "S04", "2026-06-30", "open"),
        ("journey", "רישום לגנים: אימות כתובת מול ארנונה מעכב את השיבוץ", "אימות כתובת אוטומטי מול מערכת הגבייה",
         "מנהלת מינהל החינוך", "S10", "2026-02-28", "done"),
        ("kpi", "שיעור הפתרון בפנייה ראשונה קבוע מתחת ליעד", "סמכות לעובדי הדלפק לסגור פניות פשוטות במקום",
         "מנהלת השירות לתושב", None, "2026-09-30", "open"),
        ("survey", "המידע באתר על זכאות להנחה לא ברור", "דף זכאות אחד בשפה פשוטה", "מנהלת מערכות מידע", "S02",
         "2025-11-30", "done"),
        ("lesson", "פינוי גזם בוצע בכתובת שגויה", "אישור כתובת בשיחה חוזרת לפני הפינוי", "מנהל התברואה", "S11",
         "2026-05-31", "in progress"),
        ("observation", "הצבת גבולות באופן שירותי חלשה בחניה", "אימון אישי לעובדי דלפק החניה", "מנהלת מחלקת חניה",
         None, "2026-08-31", "in progress"),
        ("journey", "אישור לטאבו דורש הגעה פיזית", "הגשה ותשלום מקוונים לאישור לטאבו", "מנהל אגף הכנסות", "S09",
         "2026-12-31", "open"),
        ("lesson", "תור ארוך בדלפק אחרי שליחת שוברי ארנונה", "פריסת שליחת השוברים על פני שבוע", "מנהל אגף הכנסות",
         "S01", "2026-01-31", "done"),
    )
    lesson_categories = (("מערכות מידע", 0.30), ("תקשורת עם הפונה", 0.24), ("תהליך עבודה", 0.18),
                         ("כוח אדם ועומסים", 0.13), ("נהלים והנחיות", 0.10), ("תשתיות ומבנה", 0.05))
    lessons = (
        ("מערכות מידע", "תקלה במערכת התורים השביתה את הדלפק לשעתיים", "יש להחזיק נוהל תורים ידני לגיבוי"),
        ("מערכות מידע", "הממשק למשרד הרישוי לא עדכן תווי חניה במשך יומיים", "ממשק קריטי צריך ניטור והתראה"),
        ("מערכות מידע", "האזור האישי לא היה זמין בסוף החודש", "יש לתכנן עומסים לפני מועדי תשלום"),
        ("תקשורת עם הפונה", "תושב לא קיבל עדכון על דחיית בקשתו", "כל החלטה נשלחת גם במסרון"),
        ("תקשורת עם הפונה", "מכתב ההחלטה נוסח בשפה משפטית שאינה מובנת", "מכתבים נכתבים בשפה פשוטה"),
        ("תקשורת עם הפונה", "הודעת סגירה נשלחה לפני שהמפגע תוקן", "סגירה רק אחרי אישור מהשטח"),
        ("תהליך עבודה", "בקשה עברה ארבע פעמים בין ארנונה לרווחה", "לכל תהליך בעל תהליך אחד"),
        ("תהליך עבודה", "נדרשו מאותו תושב אותם מסמכים פעמיים", "מסמך שהתקבל נשמר בתיק התושב"),
        ("כוח אדם ועומסים", "חופשות מרוכזות במוקד בשבוע עומס", "תכנון משמרות לפי תחזית פניות"),
        ("כוח אדם ועומסים", "עובד חדש נשאר לבד בדלפק בשבוע הראשון", "חניכה בזוגות לעובדים חדשים"),
        ("נהלים והנחיות", "נוהל ההנחות לא עודכן אחרי שינוי התקנות", "בעל נוהל ומועד בדיקה שנתי"),
        ("תשתיות ומבנה", "המזגן במרכז השירות התקלקל בגל חום", "תחזוקה מונעת לפני הקיץ"),
    )
    comments = _hebrew_comments()
    return _Spec(
        slug="neve-tamar", lang="he", organization="עיריית נווה תמר",
        settings={"unit": "מינהל השירות לתושב", "consultant": "svcwork — נתוני הדגמה (בדויים)",
                  "service_vision": "כל תושב בנווה תמר מקבל שירות אחד, זמין ומכבד — בכל ערוץ, כבר בפנייה הראשונה.",
                  "service_values": "זמינות, שקיפות, אדיבות, מקצועיות, אחריות", "accent_color": "#1F6F8B",
                  "sla_days": 14, "repeat_contact_days": 7, "min_group_size": 10, "waves": 3,
                  "wave_capacity_days": 120, "timezone": "Asia/Jerusalem",
                  "period_start": dt.date(2025, 5, 1), "period_end": dt.date(2026, 10, 31)},
        weekmask="1111001", tz="Asia/Jerusalem", offset_units=frozenset({build, license_, pikuach}),
        utc_channels=frozenset({"web", "app"}),
        intake_units={"counter": desk, "phone": moked, "chat": moked}, home_units=(), ombud_unit=ombud,
        services=services,
        pool_sizes={desk: 14, moked: 22, arnona: 16, parking: 12, license_: 6, build: 10, welfare: 12, pikuach: 18,
                    edu: 8, sanit: 12, legal: 4, ombud: 3, digital: 4},
        slow_units={build: 1.5, welfare: 1.3, legal: 1.4}, n_cases=8000, case_prefix="NT", id_style="il",
        close_label=close, vocab=_VOCAB_HE, journeys=journeys, standards=standards, criteria=criteria,
        pairwise=pairwise, kpis=kpis, observed_units=(desk, moked, arnona, parking, welfare),
        observers=("צופה א", "צופה ב", "צופה ג"), n_sessions=72, n_double=10, survey_n=4000,
        survey_unit_effects={welfare: -0.45, desk: 0.25, moked: -0.15, build: -0.3},
        small_unit=(ombud, 28), obs_small=(welfare, 6),
        waves=(("2025Q3", "2025-07-01", "2025-09-30"), ("2026Q1", "2026-01-01", "2026-03-31"),
               ("2026Q3", "2026-07-01", "2026-09-30")),
        trained_per_unit=12, training_date="2026-01-20", actions=actions, lessons=lessons,
        lesson_categories=lesson_categories, comments=comments, obs_notes=_OBS_NOTES_HE,
        title="טופס קליטה — שירותים (עיריית נווה תמר)",
        csv_headers={"cases": "he", "survey": "he", "training": "he"},
    )


_VOCAB_HE = {"request_docs": "בקשת השלמת מסמכים", "docs_received": "מסמכים התקבלו", "returned": "הוחזר להשלמה",
             "reopened": "פנייה נפתחה מחדש", "complaint": "התקבלה תלונה", "complaint_reply": "מענה לתלונה"}
_VOCAB_EN = {"request_docs": "Documents requested", "docs_received": "Documents received",
             "returned": "Returned for correction", "reopened": "Case reopened", "complaint": "Complaint received",
             "complaint_reply": "Complaint answered"}

_OBS_NOTES_HE = ("הקשיב עד הסוף לפני שענה", "קטע את הפונה פעמיים", "שמר על טון רגוע מול פונה כועס",
                 "הסביר בבירור מה יקרה בהמשך", "לא סיכם עם הפונה את הצעד הבא", "פתר את הבעיה במקום",
                 "הציב גבול בנימוס ובהסבר", "העביר את הפונה ליחידה אחרת בלי לבדוק", "חיוך ופנייה בשם",
                 "הבטיח לחזור ולא רשם תזכורת")
_OBS_NOTES_EN = ("Listened fully before answering", "Interrupted the caller twice", "Stayed calm with an angry caller",
                 "Explained clearly what happens next", "Did not agree the next step",
                 "Solved the problem there and then",
                 "Set a limit politely and explained why", "Transferred without checking", "Warm greeting",
                 "Promised a call back but made no note")


def _hebrew_comments() -> dict:
    return {
        "neg": ("חיכיתי יותר משעה בתור בדלפק", "אף אחד לא חזר אליי למרות שהבטיחו",
                "המוקד לא עונה, ניסיתי להתקשר כמה פעמים", "ביקשו ממני שוב את אותם מסמכים",
                "האתר לא עבד ונאלצתי להגיע פיזית", "העבירו אותי ממחלקה למחלקה", "לא הבנתי מה מצב הבקשה שלי",
                "הפקידה הייתה לא סבלנית", "לקח חודשיים לקבל תשובה", "התשובה במכתב לא הייתה מובנת"),
        "pos": ("שירות מהיר ואדיב, תודה רבה", "העובד הקשיב והסביר בסבלנות", "הטופס המקוון היה פשוט ונוח",
                "קיבלתי תשובה כבר למחרת", "הבעיה נפתרה בפנייה אחת", "יחס מכבד ומקצועי"),
        "mid": ("בסדר, אבל אפשר לקצר את זמני ההמתנה", "השירות השתפר לעומת השנה שעברה",
                "הטיפול היה טוב אבל המידע באתר חסר"),
        "phone": "אפשר לחזור אליי בטלפון {phone}", "email": "כתבתי גם למייל {email} ולא קיבלתי תשובה",
        "idn": "מספר תעודת הזהות שלי {idn}, נא לבדוק", "greet": "שלום, שמי {name}. {text}",
        "names": ("נועה", "אורי", "מיכל", "יובל", "דנה", "רוני"),
        "handles": ("toshav", "pniya", "resident", "demo.user"), "domain": "example.com",
    }


def _english_comments() -> dict:
    return {
        "neg": ("I waited over an hour at the desk", "Nobody called me back although they promised",
                "The phone line kept me on hold for ages", "They asked me for the same documents twice",
                "The website crashed and I had to come in person", "I was passed from one team to another",
                "I had no idea what was happening with my application", "The letter was impossible to understand",
                "It took two months to get an answer", "Staff were rude and rushed"),
        "pos": ("Quick and friendly service, thank you", "The officer listened and explained everything",
                "The online form was simple", "I had an answer the next day", "Sorted out in one call",
                "Helpful and professional"),
        "mid": ("Fine, but the waiting times could be shorter", "Better than last year",
                "Good service but the website lacks information"),
        "phone": "Please ring me on {phone}", "email": "I also wrote to {email} and got no reply",
        "idn": "My customer number is {idn}", "greet": "Hi, I'm {name}. {text}",
        "names": ("Sam", "Alex", "Jordan", "Robin", "Casey", "Morgan"),
        "handles": ("resident", "applicant", "demo.user", "customer"), "domain": "example.org",
    }


# --------------------------------------------------------------------------- rashut-hagimlaot (Hebrew national agency)
def _rashut() -> _Spec:
    districts = (("מחוז צפון", 0.14), ("מחוז חיפה", 0.12), ("מחוז מרכז", 0.22), ("מחוז תל אביב", 0.18),
                 ("מחוז ירושלים", 0.16), ("מחוז דרום", 0.18))
    moked, medical, payments, appeals = "מוקד ארצי", "ועדות רפואיות", "אגף תשלומים", "ועדות ערר"
    scanning, collection, ombud = "מרכז סריקה", "אגף גבייה", "פניות הציבור"
    H = "@home"
    close, recv, check, decide, notify = "סגירת תביעה", "תביעה התקבלה", "בדיקת מסמכים", "החלטה", "הודעה לפונה"
    pay = "העברה לתשלום"
    y, n, p = "yes", "no", "partial"
    approve = (("אושרה", 0.78), ("אושרה חלקית", 0.07), ("נדחתה", 0.15))
    services = (
        _Service("G01", "קצבת זקנה", "אגף קצבאות", 2, 4, 4, 60000, 30, 55000,
                 channels={"counter": (y, 30, y), "web": (y, 45, y), "mail": (y, 15, n), "phone": (p, 10, n)},
                 path=((recv, H, 0), (check, H, 14), ("בדיקת זכאות", H, 24), (decide, H, 10),
                       (pay, payments, 24), (close, payments, 2)), check_at=1, deadline_days=90, outcomes=approve),
        _Service("G02", "דמי אבטלה", "אגף אבטלה", 3, 5, 5, 90000, 45, 80000, depends=("G12",),
                 channels={"web": (y, 60, y), "app": (y, 15, y), "counter": (y, 20, y), "phone": (p, 5, n)},
                 path=((recv, H, 0), (check, H, 8), ("בירור מול מעסיק", H, 40), (decide, H, 8),
                       (pay, payments, 20), (close, payments, 1)), check_at=1, optional=(2,), deadline_days=30,
                 outcomes=approve),
        _Service("G03", "קצבת נכות כללית", "אגף נכות", 5, 5, 4, 40000, 90, 38000, mandatory=True,
                 channels={"counter": (y, 45, y), "web": (p, 35, n), "mail": (y, 20, n)},
                 path=((recv, H, 0), (check, H, 24), ("זימון לוועדה רפואית", medical, 60),
                       ("ועדה רפואית", medical, 200), ("קביעת דרגת נכות", H, 30), (decide, H, 12),
                       (pay, payments, 30), (close, payments, 2)), check_at=1, deadline_days=120, pingpong=2.2,
                 rework=1.5, outcomes=approve),
        _Service("G04", "דמי לידה", "אגף קצבאות", 2, 4, 4, 45000, 20, 44000, depends=("G12",),
                 channels={"web": (y, 70, y), "app": (y, 10, y), "counter": (y, 20, y)},
                 path=((recv, H, 0), ("בדיקת זכאות", H, 8), (decide, H, 6), (pay, payments, 16), (close, payments, 1)),
                 check_at=1, deadline_days=30, outcomes=approve),
        _Service("G05", "גמלת הבטחת הכנסה", "אגף הבטחת הכנסה", 4, 5, 2, 15000, 50, 12000, depends=("G10",),
                 channels={"counter": (y, 70, y), "mail": (y, 20, n), "phone": (y, 10, n)},
                 path=((recv, H, 0), (check, H, 16), ("ראיון זכאות", H, 40), ("בדיקת הכנסות", H, 30),
                       (decide, H, 12), (pay, payments, 20), (close, payments, 1)), check_at=1, deadline_days=60,
                 rework=1.8, outcomes=approve),
        _Service("G06", "קצבת שארים", "אגף קצבאות", 3, 4, 2, 8000, 25, 7500,
                 channels={"counter": (y, 60, y), "web": (p, 25, n), "mail": (y, 15, n)},
                 path=((recv, H, 0), (check, H, 20), (decide, H, 20), (pay, payments, 24), (close, payments, 1)),
                 check_at=1, deadline_days=60, outcomes=approve),
        _Service("G07", "דמי פגיעה בעבודה", "אגף נכות", 4, 4, 3, 30000, 55, 28000, depends=("G03",),
                 channels={"counter": (y, 40, y), "web": (y, 40, y), "mail": (y, 20, n)},
                 path=((recv, H, 0), (check, H, 20), ("חקירת נסיבות", H, 60), ("ועדה רפואית", medical, 150),
                       (decide, H, 16), (pay, payments, 24), (close, payments, 1)), check_at=1, optional=(2,),
                 deadline_days=90, pingpong=1.6, outcomes=approve),
        _Service("G08", "ערר על החלטה", appeals, 4, 3, 2, 6000, 40, 5800, mandatory=True,
                 channels={"mail": (y, 50, n), "counter": (y, 30, y), "email": (y, 20, n)},
                 path=((recv, appeals, 0), ("העברת תיק מהמחוז", H, 40), ("דיון בערר", appeals, 200),
                       ("החלטה בערר", appeals, 30), (close, appeals, 1)),
                 outcomes=(("הערר התקבל", 0.3), ("הערר נדחה", 0.7))),
        _Service("G09", "בירור חוב והסדר תשלומים", collection, 2, 3, 3, 20000, 15, 18000,
                 channels={"phone": (y, 50, y), "web": (y, 30, y), "counter": (y, 20, y)},
                 path=((recv, H, 0), ("בירור חוב", collection, 16), ("אישור הסדר", collection, 12),
                       (notify, collection, 4), (close, collection, 1)), check_at=1,
                 outcomes=(("הסדר אושר", 0.8), ("ללא הסדר", 0.2))),
        _Service("G10", "אישורים ועדכון פרטים", "אגף שירות", 1, 3, 5, 50000, 8, 45000, depends=("G12",),
                 channels={"web": (y, 55, y), "app": (y, 15, y), "counter": (y, 20, y), "phone": (y, 10, n)},
                 path=((recv, H, 0), ("הפקת אישור", H, 3), (close, H, 1)), pingpong=0.0, rework=0.3,
                 outcomes=(("בוצע", 1.0),)),
        _Service("G11", "החזר דמי ביטוח", collection, 2, 2, 2, 9000, 12, 8800, depends=("G09",),
                 channels={"web": (y, 40, y), "mail": (y, 40, n), "counter": (y, 20, y)},
                 path=((recv, H, 0), ("בדיקת זכאות להחזר", collection, 30), (pay, payments, 20), (close, payments, 1)),
                 outcomes=(("אושר", 0.85), ("נדחה", 0.15))),
        _Service("G12", "אזור אישי ותביעה מקוונת", "אגף דיגיטל", 5, 5, 5, 0, 120, 300000,
                 notes="תשתית משותפת לכל הגמלאות", channels={"web": (y, 80, y), "app": (y, 20, y)}),
    )
    journeys = (
        ("תביעה לקצבת נכות כללית", (
            ("בירור", "בירור זכאות באתר", "web", "מחוז מרכז", -1, "המידע ארוך ומשפטי", n, "", "none"),
            ("הגשה", "הגשת תביעה בסניף", "counter", "מחוז מרכז", 0, "אין הגשה מקוונת מלאה", y, "סריקה ידנית",
             "data"),
            ("הגשה", "דרישה להשלמת מסמכים רפואיים", "mail", "מחוז מרכז", -2, "המכתב מגיע אחרי שבועות", n,
             "בדיקת מסמכים", "data"),
            ("המתנה", "זימון לוועדה רפואית", "mail", medical, -1, "זמן המתנה ארוך לוועדה", n, "תיאום רופאים", "data"),
            ("המתנה", "ועדה רפואית", "counter", medical, -2, "התחושה שאיש לא קרא את התיק", y, "פרוטוקול הוועדה",
             "partial"),
            ("המתנה", "בירור מצב התביעה", "phone", moked, -2, "התיק עובר בין המחוז לוועדות בלי מידע לפונה", n,
             "העברות בין המחוז לוועדות", "data"),
            ("החלטה", "מכתב החלטה", "mail", "מחוז מרכז", 0, "ההחלטה לא מסבירה את הדרגה שנקבעה", y, "", "data"),
            ("תשלום", "תשלום ראשון", "web", payments, 2, "", n, "אגף תשלומים", "data"),
            ("אחרי", "ערר על ההחלטה", "mail", appeals, -1, "", n, "", "partial"),
        )),
        ("תביעה לדמי אבטלה", (
            ("בירור", "בדיקת זכאות במחשבון באתר", "web", "מחוז תל אביב", 1, "", n, "", "none"),
            ("הגשה", "הגשת תביעה מקוונת", "web", "מחוז תל אביב", 1, "", y, "מערכת התביעות", "data"),
            ("המתנה", "בירור מול המעסיק", "phone", "מחוז תל אביב", -1, "המעסיק לא שולח טופס ואין עדכון", n,
             "פנייה למעסיק", "data"),
            ("המתנה", "שיחה למוקד", "phone", moked, -2, "המתנה של עשרות דקות", n, "", "data"),
            ("החלטה", "הודעה על אישור", "app", "מחוז תל אביב", 1, "", y, "", "data"),
            ("תשלום", "תשלום חודשי", "web", payments, 2, "", n, "אגף תשלומים", "partial"),
            ("אחרי", "דיווח חודשי", "app", "מחוז תל אביב", 0, "דיווח כפול באתר ובלשכה", n, "", "none"),
        )),
        ("ערר על החלטה", (
            ("בירור", "הבנת מכתב ההחלטה", "mail", "מחוז דרום", -2, "לא ברור על מה אפשר לערער", n, "", "none"),
            ("הגשה", "הגשת כתב ערר", "mail", appeals, -1, "אין הגשה מקוונת", y, "סריקה", "partial"),
            ("המתנה", "העברת התיק מהמחוז לוועדה", "mail", "מחוז דרום", -1, "התיק מתעכב במעבר", n,
             "העברת תיק", "data"),
            ("המתנה", "זימון לדיון", "mail", appeals, -1, "", n, "", "partial"),
            ("דיון", "דיון בוועדת ערר", "counter", appeals, 0, "", y, "", "partial"),
            ("החלטה", "החלטה בערר", "mail", appeals, 1, "", y, "", "data"),
        )),
    )
    standards = (
        ("*", "resolution_days", 30, "*", "החלטה בכל תביעה בתוך 30 ימים מהגשת כל המסמכים."),
        ("*", "first_response_days", 5, "*", "אישור קבלה ומענה ראשון בתוך 5 ימי עבודה."),
        ("*", "answer_seconds", 180, "phone", "מענה אנושי במוקד הארצי בתוך 3 דקות."),
        ("G03", "resolution_days", 120, "*", "החלטה בתביעה לקצבת נכות בתוך 120 ימים."),
        ("G04", "resolution_days", 14, "web", "החלטה בתביעה מקוונת לדמי לידה בתוך 14 ימים."),
        ("G04", "resolution_days", 30, "counter", "החלטה בתביעה לדמי לידה שהוגשה בסניף בתוך 30 ימים."),
        ("G10", "resolution_days", 1, "*", "אישור יופק באותו יום."),
        ("*", "R05", 0.7, "*", "שבעה מכל עשרה פונים מרוצים."),
    )
    criteria = (("תועלת", "benefit", 0.3), ("מאמץ", "cost", 0.2), ("נראות", "benefit", 0.2),
                ("היקף פונים", "benefit", 0.15), ("היקף שנתי", "benefit", 0.15))
    r1, r2 = "סמנכ\"ל שירות", "ראש אגף תכנון"
    names = ("תועלת", "מאמץ", "נראות", "היקף פונים", "היקף שנתי")
    va = {(0, 1): 2, (0, 2): 2, (0, 3): 3, (0, 4): 3, (1, 2): 1, (1, 3): 2, (1, 4): 2, (2, 3): 1, (2, 4): 1,
          (3, 4): 1}
    vb = {(0, 1): 3, (0, 2): 2, (0, 3): 2, (0, 4): 4, (1, 2): "1/2", (1, 3): 3, (1, 4): 2, (2, 3): "1/2",
          (2, 4): 2, (3, 4): 1}
    pairwise = tuple((names[i], names[j], v, r1) for (i, j), v in va.items()) + \
        tuple((names[i], names[j], v, r2) for (i, j), v in vb.items())
    kpis = (
        _Kpi("R01", "שיעור שיחות שנענו בתוך 3 דקות במוקד הארצי", "higher", 0.8, "שיעור", "מנהל המוקד הארצי", None,
             "proportion", 0.66, 0, n=40000, pattern="shift", size=0.07),
        _Kpi("R02", "זמן ממוצע עד החלטה בתביעות נכות", "lower", 90, "ימים", "ראש אגף נכות", "G03", "mean",
             104, 5, pattern="trend", size=-18),
        _Kpi("R03", "מספר ערעורים שהוגשו", "lower", 450, "ערעורים", "ראש ועדות הערר", "G08", "count", 500, 0,
             pattern="spike", size=180),
        _Kpi("R04", "שיעור תביעות אבטלה שהוגשו מקוון", "higher", 0.75, "שיעור", "ראש אגף דיגיטל", "G02",
             "proportion", 0.71, 0, n=7500, pattern="trend", size=0.08),
        _Kpi("R05", "שיעור פונים מרוצים (סקר)", "higher", 0.7, "שיעור", "סמנכ\"ל שירות", None, "proportion", 0.66,
             0, n=1100, pattern="stable"),
        _Kpi("R06", "שיעור תביעות שהוחזרו להשלמת מסמכים", "lower", 0.15, "שיעור", "ראש אגף קצבאות", None,
             "proportion", 0.19, 0, n=9000, pattern="stable"),
        _Kpi("R07", "זמן המתנה ממוצע בסניף", "lower", 15, "דקות", "מנהלי המחוזות", None, "mean", 16, 2.0,
             pattern="stable", units=tuple(d for d, _ in districts)),
        _Kpi("R08", "מספר תלונות לפניות הציבור", "lower", 300, "תלונות", "ממונת פניות הציבור", None, "count",
             320, 0, pattern="shift", size=-60),
    )
    actions = (
        ("journey", "התיק עובר בין המחוז לוועדות הרפואיות בלי עדכון לפונה", "מעקב מקוון אחר שלבי התביעה לנכות",
         "ראש אגף נכות", "G03", "2026-06-30", "in progress"),
        ("journey", "דרישת מסמכים רפואיים נשלחת בדואר", "דרישת מסמכים במסרון ובאזור האישי", "ראש אגף נכות", "G03",
         "2025-12-31", "done"),
        ("kpi", "שיעור המענה במוקד הארצי נמוך מהיעד", "תגבור המוקד ושיחה חוזרת אוטומטית", "מנהל המוקד הארצי", None,
         "2026-02-28", "done"),
        ("kpi", "זינוק בערעורים בחודש שבו שונה נוסח המכתבים", "החזרת הנוסח הקודם ובדיקת מכתבים עם פונים",
         "ראש ועדות הערר", "G08", "2026-01-31", "done"),
        ("survey", "שביעות רצון נמוכה במחוז דרום", "ביקור צוות שירות במחוז ותוכנית שיפור מקומית",
         "מנהל מחוז דרום", None, "2026-03-31", "in progress"),
        ("survey", "פונים לא מבינים את מכתב ההחלטה", "שכתוב מכתבי ההחלטה בשפה פשוטה", "סמנכ\"ל שירות", None,
         "2026-05-31", "open"),
        ("observation", "הכלת כעס חלשה במוקד הארצי", "סדנת הכלת כעס ותסריטי שיחה קשה", "מנהל המוקד הארצי", None,
         "2026-04-30", "done"),
        ("observation", "סיום שיחה בלי סיכום במחוז ירושלים", "כרטיס סיכום שיחה לנציגים", "מנהלת מחוז ירושלים", None,
         "2026-06-30", "open"),
        ("lesson", "תקלה בממשק לרשות המסים עיכבה תשלומים", "ניטור יומי של הממשק והתראה", "ראש אגף תשלומים", None,
         "2025-11-30", "done"),
        ("journey", "אין הגשה מקוונת מלאה לקצבת נכות", "טופס תביעה מקוון מקצה לקצה לנכות", "ראש אגף דיגיטל", "G03",
         "2026-12-31", "open"),
        ("journey", "המעסיק לא שולח טופס ואין עדכון לפונה", "פנייה אוטומטית למעסיק ועדכון הפונה", "ראש אגף אבטלה",
         "G02", "2026-03-31", "in progress"),
        ("kpi", "שיעור ההחזרה להשלמת מסמכים קבוע מעל היעד", "רשימת מסמכים אחת לכל גמלה באתר", "ראש אגף קצבאות",
         None, "2026-09-30", "in progress"),
        ("lesson", "פונה קיבל שני מכתבים סותרים", "בדיקת כפילויות לפני שליחת מכתב", "ראש אגף קצבאות", "G01",
         "2026-07-31", "open"),
        ("survey", "הערות חוזרות על זמן המתנה בסניפים", "זימון תורים מקוון בכל הסניפים", "מנהלי המחוזות", None,
         "2026-08-31", "in progress"),
        ("journey", "ערר מוגש בדואר בלבד", "הגשת ערר מקוונת", "ראש ועדות הערר", "G08", "2027-03-31", "open"),
        ("observation", "הצבת גבולות חלשה במחוז מרכז", "אימון אישי לנציגי הקבלה", "מנהל מחוז מרכז", None,
         "2026-05-31", "in progress"),
        ("lesson", "קריסת האתר ביום התשלום", "בדיקת עומסים לפני מועדי תשלום", "ראש אגף דיגיטל", "G12",
         "2026-01-31", "done"),
        ("kpi", "זמן ההחלטה בנכות ארוך מהיעד", "ועדות רפואיות נוספות בערב", "ראש אגף נכות", "G03", "2026-04-30",
         "in progress"),
        ("survey", "אמון נמוך בקרב פונים לגמלת הבטחת הכנסה", "מפגשי שיתוף עם ארגוני פונים", "ראש אגף הבטחת הכנסה",
         "G05", "2026-06-30", "cancelled"),
        ("journey", "אישורים דורשים הגעה לסניף", "הפקת כל האישורים באזור האישי", "ראש אגף שירות", "G10",
         "2025-10-31", "done"),
        ("lesson", "מכתבים נשלחו לכתובת ישנה", "עדכון כתובת אוטומטי ממרשם האוכלוסין", "ראש אגף שירות", "G10",
         "2026-02-28", "done"),
        ("observation", "נציגים חדשים לא מכירים את נוהל ההעברה לוועדות", "חניכה בזוגות לנציגים חדשים",
         "ראש אגף נכות", None, "2026-01-31", "done"),
        ("kpi", "מספר התלונות יורד אחרי הקמת צוות פתרון מהיר", "הרחבת הצוות לכל המחוזות", "ממונת פניות הציבור",
         None, "2026-11-30", "open"),
        ("journey", "דיווח חודשי כפול באתר ובלשכה", "דיווח אחד משותף ללשכה ולרשות", "ראש אגף אבטלה", "G02",
         "2026-09-30", "open"),
        ("lesson", "עומס חריג אחרי שינוי חקיקה", "תוכנית היערכות לכל שינוי חקיקה", "סמנכ\"ל שירות", None,
         "2026-03-31", "open"),
    )
    lesson_categories = (("מערכות מידע", 0.28), ("תקשורת עם הפונה", 0.26), ("תהליך עבודה", 0.2),
                         ("כוח אדם ועומסים", 0.12), ("נהלים והנחיות", 0.1), ("ממשקים חיצוניים", 0.04))
    lessons = (
        ("מערכות מידע", "האתר קרס ביום התשלום", "בדיקות עומסים לפני מועדים ידועים"),
        ("מערכות מידע", "תקלה בממשק לרשות המסים עיכבה תשלומים", "ממשק קריטי צריך ניטור"),
        ("מערכות מידע", "תביעות מקוונות נשמרו בלי קבצים מצורפים", "בדיקת שלמות לפני אישור הגשה"),
        ("תקשורת עם הפונה", "פונה קיבל שני מכתבים סותרים", "מכתב אחד לכל החלטה, אחרי בדיקה"),
        ("תקשורת עם הפונה", "מכתב ההחלטה לא הסביר את הדרגה שנקבעה", "כל החלטה כוללת נימוק בשפה פשוטה"),
        ("תקשורת עם הפונה", "זימון לוועדה נשלח לכתובת ישנה", "זימון גם במסרון"),
        ("תהליך עבודה", "תיק עבר שלוש פעמים בין המחוז לוועדות", "בעל תיק אחד מקצה לקצה"),
        ("תהליך עבודה", "אותם מסמכים נדרשו פעמיים", "מסמך שהתקבל נשמר בתיק הפונה"),
        ("כוח אדם ועומסים", "עומס חריג אחרי שינוי חקיקה", "היערכות מראש לשינויי חקיקה"),
        ("כוח אדם ועומסים", "מחסור ברופאים לוועדות בקיץ", "תכנון שנתי של ועדות"),
        ("נהלים והנחיות", "נוהל ההעברה לוועדות לא היה מעודכן", "בעל נוהל ומועד בדיקה שנתי"),
        ("ממשקים חיצוניים", "מעסיקים לא שלחו טופס 100", "פנייה אוטומטית למעסיק"),
    )
    return _Spec(
        slug="rashut-hagimlaot", lang="he", organization="הרשות הארצית לזכויות וגמלאות",
        settings={"consultant": "svcwork — נתוני הדגמה (בדויים)",
                  "service_vision": "כל אדם מקבל את מלוא זכויותיו, בזמן, בלי לרדוף אחרינו.",
                  "service_values": "מיצוי זכויות, הגינות, זמינות, שקיפות, כבוד האדם", "accent_color": "#6A3D9A",
                  "sla_days": 30, "repeat_contact_days": 7, "min_group_size": 10, "waves": 3,
                  "wave_capacity_days": 160, "timezone": "Asia/Jerusalem", "period_start": dt.date(2025, 5, 1),
                  "period_end": dt.date(2026, 10, 31)},
        weekmask="1111001", tz="Asia/Jerusalem", offset_units=frozenset({medical, payments, appeals}),
        utc_channels=frozenset({"web", "app"}),
        intake_units={"phone": moked, "chat": moked, "mail": scanning}, home_units=districts, ombud_unit=ombud,
        services=services,
        pool_sizes={**{d: 60 for d, _ in districts}, moked: 70, medical: 40, payments: 25, appeals: 15,
                    scanning: 12, collection: 25, ombud: 8},
        slow_units={medical: 1.6, appeals: 1.3, "מחוז דרום": 1.35, "מחוז ירושלים": 1.15}, n_cases=50000,
        case_prefix="RG", id_style="il", close_label=close, vocab=_VOCAB_HE, journeys=journeys,
        standards=standards, criteria=criteria, pairwise=pairwise, kpis=kpis,
        observed_units=("מחוז צפון", "מחוז מרכז", "מחוז ירושלים", "מחוז דרום", moked),
        observers=("צופה א", "צופה ב", "צופה ג", "צופה ד"), n_sessions=72, n_double=12, survey_n=20000,
        survey_unit_effects={"מחוז דרום": -0.4, "מחוז חיפה": 0.2, moked: -0.25, medical: -0.35},
        small_unit=(ombud, 24), obs_small=(moked, 7),
        waves=(("2025Q3", "2025-07-01", "2025-09-30"), ("2026Q1", "2026-01-01", "2026-03-31"),
               ("2026Q3", "2026-07-01", "2026-09-30")),
        trained_per_unit=24, training_date="2026-02-10", actions=actions, lessons=lessons,
        lesson_categories=lesson_categories, comments=_hebrew_comments(), obs_notes=_OBS_NOTES_HE,
        title="טופס קליטה — שירותים (הרשות הארצית לזכויות וגמלאות)",
        csv_headers={"cases": "en", "survey": "he", "training": "en"}, export_style="real",
    )


# --------------------------------------------------------------------------- northfield-licensing (English agency)
def _northfield() -> _Spec:
    centre, desk, ops = "Contact Centre", "Customer Service Desk", "Licensing Operations"
    medical, compliance, finance = "Driver Medical Unit", "Compliance and Enforcement", "Finance"
    legal, complaints = "Legal Services", "Complaints Team"
    digital = "Digital Services"
    close, recv, reg, check, decide = "Case closed", "Application received", "Registered", "Document check", "Decision"
    reply = "Reply sent"
    y, n, p = "yes", "no", "partial"
    grant = (("Granted", 0.85), ("Refused", 0.1), ("Withdrawn", 0.05))
    services = (
        _Service("L01", "Driving licence renewal", ops, 2, 4, 5, 40000, 20, 38000, depends=("L11",),
                 channels={"web": (y, 65, y), "counter": (y, 20, y), "mail": (y, 15, n)},
                 path=((recv, ops, 0), (check, ops, 6), (decide, ops, 8), ("Licence issued", ops, 10),
                       (close, ops, 1)), check_at=1, deadline_days=21, outcomes=grant),
        _Service("L02", "Change of address", ops, 1, 3, 4, 20000, 6, 19000, depends=("L11",),
                 channels={"web": (y, 70, y), "phone": (y, 20, n), "mail": (y, 10, n)},
                 path=((recv, ops, 0), ("Record updated", ops, 4), (close, ops, 1)), rework=0.3, pingpong=0.0,
                 outcomes=(("Updated", 1.0),)),
        _Service("L03", "Vehicle registration certificate", ops, 2, 3, 3, 15000, 15, 14000,
                 channels={"web": (y, 50, y), "counter": (y, 30, y), "mail": (y, 20, n)},
                 path=((recv, ops, 0), (check, ops, 8), ("Certificate issued", ops, 12), (close, ops, 1)),
                 check_at=1, outcomes=grant),
        _Service("L04", "Taxi and private hire driver licence", ops, 4, 4, 3, 3000, 40, 2800, mandatory=True,
                 depends=("L08",),
                 channels={"counter": (y, 70, y), "web": (p, 20, n), "email": (y, 10, n)},
                 path=((recv, desk, 0), (reg, ops, 4), (check, ops, 16), ("Medical review", medical, 60),
                       ("Background check", compliance, 80), (decide, ops, 12), ("Licence issued", ops, 8),
                       (close, ops, 1)), check_at=2, deadline_days=60, pingpong=1.8, rework=1.5, outcomes=grant),
        _Service("L05", "Premises licence (alcohol)", ops, 5, 3, 2, 1500, 60, 1400, mandatory=True,
                 channels={"counter": (y, 50, y), "email": (y, 30, n), "mail": (y, 20, n)},
                 path=((recv, ops, 0), (reg, ops, 6), (check, ops, 20), ("Consultation period", ops, 120),
                       ("Legal review", legal, 40), ("Licensing hearing", legal, 80), (decide, ops, 16),
                       ("Licence issued", ops, 8), (close, ops, 1)), check_at=2, optional=(5,), deadline_days=90,
                 rework=1.6, pingpong=1.4, outcomes=grant),
        _Service("L06", "Temporary event notice", ops, 2, 3, 4, 2500, 10, 2400, depends=("L05",),
                 channels={"web": (y, 60, y), "email": (y, 30, n), "counter": (y, 10, y)},
                 path=((recv, ops, 0), (check, ops, 6), ("Notice acknowledged", ops, 4), (close, ops, 1)),
                 check_at=1, deadline_days=10, outcomes=(("Acknowledged", 0.9), ("Counter-notice", 0.1))),
        _Service("L07", "Street trading consent", compliance, 3, 2, 2, 800, 20, 700,
                 channels={"counter": (y, 60, y), "email": (y, 40, n)},
                 path=((recv, compliance, 0), (check, compliance, 16), ("Site visit", compliance, 40),
                       (decide, compliance, 12), (reply, compliance, 4), (close, compliance, 1)), check_at=1,
                 outcomes=grant),
        _Service("L08", "Medical assessment for a licence", medical, 5, 5, 3, 6000, 70, 5800,
                 channels={"mail": (y, 50, n), "web": (p, 30, n), "phone": (y, 20, n)},
                 path=((recv, medical, 0), ("Medical questionnaire sent", medical, 8),
                       ("Questionnaire returned", medical, 80), ("GP report requested", medical, 16),
                       ("Medical review", medical, 60), (decide, ops, 12), (reply, ops, 4), (close, ops, 1)),
                 optional=(3,), deadline_days=90, pingpong=2.0,
                 outcomes=(("Fit to drive", 0.8), ("Restricted licence", 0.12), ("Not fit", 0.08))),
        _Service("L09", "Licence fee refund", finance, 2, 2, 2, 3000, 10, 2900, depends=("L11",),
                 channels={"web": (y, 40, y), "phone": (y, 30, n), "mail": (y, 30, n)},
                 path=((recv, centre, 0), ("Refund check", finance, 20), ("Refund paid", finance, 16),
                       (close, finance, 1)), outcomes=(("Refunded", 0.85), ("Refused", 0.15))),
        _Service("L10", "Complaint about a licensed premises", compliance, 3, 4, 4, 2000, 25, 1800,
                 channels={"phone": (y, 50, y), "web": (y, 30, y), "email": (y, 20, y)},
                 path=((recv, centre, 0), ("Assigned to officer", compliance, 4), ("Site visit", compliance, 40),
                       ("Enforcement decision", compliance, 16), (reply, centre, 8), (close, centre, 1)),
                 pingpong=2.0, outcomes=(("Action taken", 0.6), ("No breach found", 0.4))),
        _Service("L11", "Online account and payments", digital, 4, 5, 4, 0, 80, 60000,
                 notes="Enabler: sign-in, payments and tracking for every service",
                 channels={"web": (y, 85, y), "app": (p, 15, n)}),
    )
    journeys = (
        ("Renewing a driving licence", (
            ("Find out", "Reminder letter arrives", "mail", ops, 0, "", n, "Reminder batch", "data"),
            ("Find out", "Checks requirements online", "web", ops, 1, "", n, "", "none"),
            ("Apply", "Fills in the online form", "web", ops, 1, "Photo upload fails on phones", y, "Payment gateway",
             "partial"),
            ("Wait", "Asked for a new photo", "email", ops, -2, "Request comes a week later and restarts the clock",
             n, "Document check", "data"),
            ("Wait", "Calls to ask about progress", "phone", centre, -1, "Long hold times", n, "", "data"),
            ("Receive", "New licence arrives", "mail", ops, 2, "", y, "Card production", "data"),
        )),
        ("Applying for a premises licence", (
            ("Find out", "Reads the guidance", "web", ops, -1, "Guidance is long and legalistic", n, "", "none"),
            ("Find out", "Pre-application advice", "counter", desk, 1, "", y, "", "partial"),
            ("Apply", "Sends the application by e-mail", "email", ops, 0, "No online form", n, "Manual registration",
             "data"),
            ("Wait", "Asked for missing plans", "email", ops, -2, "Documents requested in several rounds", n,
             "Document check", "data"),
            ("Wait", "Consultation period", "web", ops, -1, "No visibility of objections", n, "Consultation log",
             "partial"),
            ("Wait", "Legal review and back again", "email", legal, -2, "The file bounces between legal and licensing",
             n, "Legal review", "data"),
            ("Decide", "Licensing hearing", "counter", legal, -1, "", y, "Hearing panel", "partial"),
            ("Receive", "Licence granted", "email", ops, 2, "", y, "", "data"),
        )),
    )
    standards = (
        ("*", "resolution_days", 15, "*", "We decide every application within 15 working days of a complete file."),
        ("*", "first_response_days", 2, "*", "We acknowledge every application within 2 working days."),
        ("*", "answer_seconds", 120, "phone", "We answer calls within 2 minutes."),
        ("L01", "resolution_days", 10, "web", "Online renewals decided within 10 days."),
        ("L01", "resolution_days", 21, "mail", "Paper renewals decided within 21 days."),
        ("L05", "resolution_days", 90, "*", "Premises licences decided within 90 days."),
        ("*", "N04", 0.8, "*", "Four in five customers satisfied."),
    )
    criteria = (("benefit", "benefit", 0.3), ("visibility", "benefit", 0.2), ("effort", "cost", 0.3),
                ("resources_days", "cost", 0.2))
    r1, r2 = "Chief Executive", "Head of Customer Service"
    pairwise = (
        ("benefit", "visibility", 2, r1), ("benefit", "effort", 1, r1), ("benefit", "resources_days", 2, r1),
        ("visibility", "effort", "1/2", r1), ("visibility", "resources_days", 1, r1),
        ("effort", "resources_days", 2, r1),
        ("benefit", "visibility", "1/3", r2), ("benefit", "effort", 2, r2), ("benefit", "resources_days", 3, r2),
        ("visibility", "effort", 2, r2), ("visibility", "resources_days", 1, r2), ("effort", "resources_days", 2, r2),
    )
    kpis = (
        _Kpi("N01", "Calls answered within 2 minutes", "higher", 0.85, "share", "Contact Centre Manager", None,
             "proportion", 0.78, 0, n=5200, pattern="shift", size=0.06),
        _Kpi("N02", "Average days to decide a renewal", "lower", 10, "days", "Head of Licensing Operations", "L01",
             "mean", 11.5, 0.9, pattern="spike", size=5),
        _Kpi("N03", "Complaints received", "lower", 60, "complaints", "Complaints Manager", None, "count", 70, 0,
             pattern="trend", size=-25),
        _Kpi("N04", "Customers satisfied (survey)", "higher", 0.8, "share", "Head of Customer Service", None,
             "proportion", 0.74, 0, n=150, pattern="stable"),
        _Kpi("N05", "Applications completed online", "higher", 0.7, "share", "Head of Digital Services", None,
             "proportion", 0.62, 0, n=2600, pattern="trend", size=0.1),
        _Kpi("N06", "Medical assessments older than 90 days", "lower", 40, "cases", "Driver Medical Unit Manager",
             "L08", "count", 70, 0, pattern="stable"),
    )
    actions = (
        ("journey", "Photo upload fails on phones", "Fix the mobile photo upload and test with users",
         "Head of Digital Services",
         "L01", "2025-12-31", "done"),
        ("journey", "Photo request restarts the clock", "Check photos at submission, not a week later",
         "Head of Licensing Operations", "L01", "2026-03-31", "in progress"),
        ("kpi", "Call answering below target", "Callback option at peak hours", "Contact Centre Manager", None,
         "2025-11-30", "done"),
        ("kpi", "Spike in renewal decision times in March", "Root-cause review of the March backlog",
         "Head of Licensing Operations", "L01", "2026-05-31", "done"),
        ("survey", "Low ease scores for premises licences", "Plain-English guidance for premises licences",
         "Head of Licensing Operations", "L05", "2026-06-30", "open"),
        ("survey", "Customers not told about progress", "Automatic status e-mails", "Head of Digital Services", None,
         "2026-04-30", "in progress"),
        ("observation", "Weak anger containment at the desk", "De-escalation workshop for desk staff",
         "Customer Service Desk Manager", None, "2026-01-31", "done"),
        ("observation", "Calls end without agreeing next steps", "Call closing checklist", "Contact Centre Manager",
         None, "2026-07-31", "in progress"),
        ("lesson", "Payment gateway outage on renewal deadline day", "Load testing before known peaks",
         "Head of Digital Services", "L11", "2026-02-28", "done"),
        ("journey", "Premises files bounce between legal and licensing", "Single case owner for premises licences",
         "Head of Legal Services", "L05", "2026-08-31", "open"),
        ("journey", "No online form for premises licences", "Online premises licence application",
         "Head of Digital Services", "L05", "2027-02-28", "open"),
        ("kpi", "Medical backlog above target", "Extra GP report capacity", "Driver Medical Unit Manager", "L08",
         "2026-09-30", "in progress"),
        ("lesson", "Letters sent to an old address", "Check address against the account before posting",
         "Head of Licensing Operations", "L02", "2026-03-31", "open"),
        ("survey", "Long waits at the desk", "Appointments for complex cases", "Customer Service Desk Manager",
         None, "2026-05-31", "in progress"),
        ("observation", "New starters unsure about transfers", "Buddy scheme for new starters",
         "Contact Centre Manager", None, "2025-12-15", "done"),
        ("journey", "Taxi licence medical review delays", "Fast track for returning drivers",
         "Driver Medical Unit Manager",
         "L04", "2026-06-30", "open"),
        ("lesson", "Refunds paid twice", "Duplicate check before refunds", "Finance Manager", "L09", "2026-01-31",
         "done"),
        ("kpi", "Online completion rising but below target", "Promote online renewals in reminder letters",
         "Head of Digital Services", "L01", "2026-10-31", "in progress"),
        ("observation", "Boundary setting weak on the phones", "Coaching sessions on setting limits kindly",
         "Contact Centre Manager", None, "2026-09-15", "open"),
        ("survey", "Trust lower for enforcement complaints", "Publish enforcement outcomes monthly",
         "Head of Compliance", "L10", "2026-04-30", "cancelled"),
        ("journey", "Guidance long and legalistic", "Rewrite guidance pages with customers", "Head of Customer Service",
         None, "2026-02-28", "done"),
        ("lesson", "Hearing scheduled without notifying objectors", "Notification checklist for hearings",
         "Head of Legal Services", "L05", "2026-07-31", "open"),
    )
    lesson_categories = (("Systems", 0.3), ("Communication", 0.25), ("Process", 0.2), ("Staffing", 0.12),
                         ("Policy", 0.08), ("Suppliers", 0.05))
    lessons = (
        ("Systems", "Payment gateway outage on deadline day", "Known peaks need load testing"),
        ("Systems", "Photo upload failed for two days", "Critical functions need monitoring"),
        ("Systems", "Case system froze during month-end", "Plan maintenance outside peaks"),
        ("Communication", "Applicant not told about a refusal", "Every decision also goes by e-mail"),
        ("Communication", "Decision letter full of legal jargon", "Letters in plain English"),
        ("Communication", "Objectors not told about a hearing", "Notification checklist"),
        ("Process", "A file went three times between legal and licensing", "One case owner end to end"),
        ("Process", "Same documents requested twice", "Keep documents on the customer's file"),
        ("Staffing", "Leave clustered in peak week", "Rota by forecast demand"),
        ("Staffing", "New starter alone on the desk", "Buddy scheme"),
        ("Policy", "Fee guidance not updated after a change", "Named owner and yearly review for each policy"),
        ("Suppliers", "Card printer supplier missed deliveries", "Service credits in the contract"),
    )
    return _Spec(
        slug="northfield-licensing", lang="en", organization="Northfield Licensing Agency",
        settings={"unit": "Customer Service Directorate", "consultant": "svcwork demo data (fictional)",
                  "service_vision": "One service, easy to use and right first time, whichever way you reach us.",
                  "service_values": "Clear, Fair, Helpful, Accountable", "accent_color": "#2A7F62", "sla_days": 15,
                  "repeat_contact_days": 7, "min_group_size": 10, "waves": 3, "wave_capacity_days": 100,
                  "timezone": "Europe/London", "period_start": dt.date(2025, 5, 1),
                  "period_end": dt.date(2026, 10, 31)},
        weekmask="1111100", tz="Europe/London", offset_units=frozenset({medical, legal, finance}),
        utc_channels=frozenset({"web", "app"}),
        intake_units={"counter": desk, "phone": centre, "chat": centre}, home_units=(), ombud_unit=complaints,
        services=services,
        pool_sizes={centre: 20, desk: 14, ops: 24, medical: 8, compliance: 10, finance: 5, legal: 5, complaints: 4,
                    digital: 4},
        slow_units={medical: 1.5, legal: 1.3}, n_cases=5000, case_prefix="NF", id_style="uk", close_label=close,
        vocab=_VOCAB_EN, journeys=journeys, standards=standards, criteria=criteria, pairwise=pairwise,
        kpis=kpis, observed_units=(centre, desk, ops, compliance), observers=("Observer A", "Observer B", "Observer C"),
        n_sessions=70, n_double=10, survey_n=2500,
        survey_unit_effects={centre: -0.3, desk: 0.2, medical: -0.35}, small_unit=(complaints, 22),
        obs_small=(compliance, 7),
        waves=(("2025Q3", "2025-07-01", "2025-09-30"), ("2026Q1", "2026-01-01", "2026-03-31"),
               ("2026Q3", "2026-07-01", "2026-09-30")),
        trained_per_unit=10, training_date="2026-01-26", actions=actions, lessons=lessons,
        lesson_categories=lesson_categories, comments=_english_comments(), obs_notes=_OBS_NOTES_EN,
        title="Intake form — Services (Northfield Licensing Agency)",
    )


#: The demo clients, in the order they are generated: slug -> specification factory.
CLIENTS: dict[str, Callable[[], _Spec]] = {
    "neve-tamar": _neve_tamar,
    "rashut-hagimlaot": _rashut,
    "northfield-licensing": _northfield,
}


# =========================================================================== helpers
def _workdays(start: dt.date, end: dt.date, weekmask: str) -> np.ndarray:
    days = np.arange(np.datetime64(start, "D"), np.datetime64(end, "D") + 1, dtype="datetime64[D]")
    return days[np.is_busday(days, weekmask=weekmask)]


def _israeli_check_digit(first8: np.ndarray) -> np.ndarray:
    """Check digit making ``first8`` (8-digit integers) a valid Israeli ID (Luhn-like, weights 1,2,1,2…)."""
    digits = np.stack([(first8 // 10 ** (7 - k)) % 10 for k in range(8)], axis=1)
    weights = np.array([1, 2, 1, 2, 1, 2, 1, 2])
    prod = digits * weights
    total = (prod // 10 + prod % 10).sum(axis=1)
    return (10 - total % 10) % 10


def _citizen_ids(n: int, style: str, rng: np.random.Generator) -> np.ndarray:
    """*n* distinct fake citizen identifiers (see the module docstring)."""
    if style == "il":
        body = rng.choice(100_000, size=n, replace=False)  # "000" + 5 digits + check digit: visibly fake
        check = _israeli_check_digit(body)
        invalid = rng.random(n) < 0.25
        check = np.where(invalid, (check + rng.integers(1, 10, n)) % 10, check)
        return np.array([f"000{b:05d}{c}" for b, c in zip(body, check)], dtype=object)
    body = rng.choice(10_000_000, size=n, replace=False)
    return np.array([f"C0{b:07d}" for b in body], dtype=object)


def _channel_options(svc: _Service) -> tuple[list[str], np.ndarray]:
    keys = [c for c in _CHANNELS if c in svc.channels and svc.channels[c][0] != "no"]
    share = np.array([float(svc.channels[c][1]) for c in keys])
    return keys, share / share.sum()


def _variants(svc: _Service, spec: _Spec) -> list[tuple[list[tuple[str, str, float]], float]]:
    """The paths a case of *svc* may take, with probabilities (ideal, rework, ping-pong, …)."""
    path = list(svc.path)
    v = spec.vocab
    out: list[tuple[list, float]] = [(path, 0.52)]
    rework = None
    if svc.check_at is not None and svc.rework > 0:
        c = svc.check_at
        u = path[c][1]
        rework = path[: c + 1] + [(v["request_docs"], u, 4.0), (v["docs_received"], u, 55.0),
                                  (path[c][0], u, path[c][2] * 0.6)] + path[c + 1:]
        out.append((rework, 0.13 * svc.rework))
    hand = next((i for i in range(2, len(path)) if path[i][1] != path[i - 1][1]), None)
    if hand is not None and svc.pingpong > 0:
        a, b = path[hand - 1][1], path[hand][1]
        pp = path[: hand + 1] + [(v["returned"], a, 14.0), (path[hand][0], b, path[hand][2] * 0.5)] + path[hand + 1:]
        out.append((pp, 0.07 * svc.pingpong))
        if rework is not None:
            h2 = hand + 3 if hand > svc.check_at else hand
            both = (rework[: h2 + 1] + [(v["returned"], a, 14.0), (rework[h2][0], b, rework[h2][2] * 0.5)]
                    + rework[h2 + 1:])
            out.append((both, 0.03 * svc.pingpong * svc.rework))
    if svc.optional:
        out.append(([s for i, s in enumerate(path) if i not in svc.optional], 0.08))
    last_unit = path[-1][1]
    out.append((path + [(v["reopened"], last_unit, 70.0), (path[-2][0], path[-2][1], 10.0),
                        (path[-1][0], last_unit, 1.0)], 0.04))
    out.append((path[: max(2, len(path) - 2)], 0.05))  # stuck or withdrawn: never closed
    out.append((path[:1], 0.03))  # a single event
    if spec.ombud_unit is not None:
        out.append((path[:-1] + [(v["complaint"], spec.ombud_unit, 30.0), (v["complaint_reply"], spec.ombud_unit, 40.0),
                                 path[-1]], 0.05))
    total = sum(p for _, p in out)
    return [(steps, p / total) for steps, p in out]


def _fmt_ts(local: np.ndarray, fmt: np.ndarray, tz: str) -> np.ndarray:
    """Timestamps as text: 0 naive local, 1 local with its UTC offset, 2 UTC with ``Z``."""
    n = len(local)
    idx = pd.DatetimeIndex(local).tz_localize(tz, ambiguous=np.zeros(n, dtype=bool), nonexistent="shift_forward")
    wall = idx.tz_localize(None).to_numpy().astype("datetime64[s]")
    utc = idx.tz_convert("UTC").tz_localize(None).to_numpy().astype("datetime64[s]")
    minutes = ((wall - utc) // np.timedelta64(60, "s")).astype(np.int64)
    wall_s = np.char.replace(np.datetime_as_string(wall, unit="s"), "T", " ")
    out = wall_s.astype(object)
    m1 = fmt == 1
    if m1.any():
        off = minutes[m1]
        sign = np.where(off < 0, "-", "+")
        off_s = np.array([f"{s}{abs(o) // 60:02d}:{abs(o) % 60:02d}" for s, o in zip(sign, off)], dtype=object)
        out[m1] = wall_s[m1].astype(object) + off_s
    m2 = fmt == 2
    if m2.any():
        out[m2] = np.char.add(np.datetime_as_string(utc[m2], unit="s"), "Z").astype(object)
    return out


def _headers(schema_key: str, lang: str) -> dict[str, str]:
    return {c.key: c.header(lang) for c in companion(schema_key).columns}


def _csv_bytes(frame: pd.DataFrame, *, bom: bool = False, encoding: str = "utf-8") -> bytes:
    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\n")
    data = buf.getvalue().encode(encoding)  # strict: a character the encoding lacks is an error here
    return (b"\xef\xbb\xbf" + data) if bom else data


# =========================================================================== cases.csv
@dataclass(frozen=True)
class _Staff:
    """Employee codes per unit (shared by the case log, observations and training)."""

    units: tuple[str, ...]
    codes: dict

    def pool(self, unit: str) -> list[str]:
        return self.codes[unit]


def _staff(spec: _Spec) -> _Staff:
    units = tuple(spec.pool_sizes)
    codes = {u: [f"E{i + 1:02d}{k + 1:02d}" for k in range(size)]
             for i, (u, size) in enumerate(spec.pool_sizes.items())}
    return _Staff(units, codes)


def _cases(spec: _Spec, staff: _Staff, rng: np.random.Generator) -> pd.DataFrame:
    """The case log as text, one row per event, with the schema's column keys (the clean export's mess)."""
    s = spec.settings
    lang = spec.lang
    services = [x for x in spec.services if x.volume > 0 and x.path]
    unit_names = list(staff.units)
    unit_index = {u: i for i, u in enumerate(unit_names)}
    home_names = [h for h, _ in spec.home_units]
    home_codes = np.array([unit_index[h] for h in home_names], dtype=np.int64)

    # -- flatten every variant of every service into step arrays
    acts: list[str] = []
    act_index: dict[str, int] = {}
    step_act, step_unit, step_hours, var_off, var_len, var_probs = [], [], [], [], [], []
    for svc in services:
        probs = []
        for steps, p in _variants(svc, spec):
            var_off.append(len(step_act))
            var_len.append(len(steps))
            probs.append(p)
            for act, unit, hours in steps:
                step_act.append(act_index.setdefault(act, len(act_index)))
                if act not in acts:
                    acts.append(act)
                step_unit.append(-1 if unit == "@home" else unit_index[unit])
                step_hours.append(hours)
        var_probs.append(probs)
    step_act_a, step_unit_a, step_hours_a = np.array(step_act), np.array(step_unit), np.array(step_hours)
    first_var = np.cumsum([0] + [len(p) for p in var_probs])[:-1]
    var_off_a, var_len_a = np.array(var_off), np.array(var_len)

    # -- cases: service, start, citizen, channel, home unit; then repeat contacts
    n = spec.n_cases
    n_rep = int(round(n * 0.09))
    n_base = n - n_rep
    volume = np.array([x.volume for x in services], dtype=float)
    svc = rng.choice(len(services), size=n_base, p=volume / volume.sum())
    days = _workdays(s["period_start"], s["period_end"], spec.weekmask)
    month = days.astype("datetime64[M]").astype(np.int64) % 12
    growth = np.linspace(1.0, 1.2, len(days))
    day = np.zeros(n_base, dtype=np.int64)
    for k, x in enumerate(services):
        mask = svc == k
        w = growth * (np.asarray(x.season)[month] if x.season else 1.0)
        day[mask] = rng.choice(len(days), size=int(mask.sum()), p=w / w.sum())
    start = day * _HOURS_PER_DAY + rng.beta(1.6, 2.4, n_base) * _HOURS_PER_DAY
    pool = int(n_base * 0.8)
    ids = _citizen_ids(pool, spec.id_style, rng)
    citizen = rng.integers(0, pool, n_base)
    home = rng.choice(len(home_names), size=n_base, p=[w for _, w in spec.home_units]) if home_names else \
        np.zeros(n_base, dtype=np.int64)

    parent = rng.integers(0, n_base, n_rep)
    svc = np.concatenate([svc, svc[parent]])
    start = np.concatenate([start, start[parent] + rng.uniform(2.0, 45.0, n_rep)])
    citizen = np.concatenate([citizen, citizen[parent]])
    home = np.concatenate([home, home[parent]])

    ch_keys = list(_CHANNELS)
    channel = np.zeros(n, dtype=np.int64)
    for k, x in enumerate(services):
        keys, share = _channel_options(x)
        mask = svc == k
        channel[mask] = np.array([ch_keys.index(c) for c in keys])[rng.choice(len(keys), int(mask.sum()), p=share)]
    # a repeat contact often comes through another channel (channel switching)
    rep = np.arange(n_base, n)
    switch = rng.random(n_rep) < 0.5
    for k, x in enumerate(services):
        keys, share = _channel_options(x)
        if len(keys) < 2:
            continue
        sel = rep[switch & (svc[rep] == k)]
        codes = np.array([ch_keys.index(c) for c in keys])
        for i in sel:
            others = codes[codes != channel[parent[i - n_base]]]
            channel[i] = others[rng.integers(0, len(others))]

    variant = np.zeros(n, dtype=np.int64)
    for k in range(len(services)):
        mask = svc == k
        variant[mask] = first_var[k] + rng.choice(len(var_probs[k]), int(mask.sum()), p=var_probs[k])

    inside = start < len(days) * _HOURS_PER_DAY  # a repeat contact after the export date is not in the log
    order = np.flatnonzero(inside)[np.argsort(start[inside], kind="stable")]
    svc, start, citizen, home, channel, variant = (a[order] for a in (svc, start, citizen, home, channel, variant))
    n = len(order)

    # -- events
    lengths = var_len_a[variant]
    case_of = np.repeat(np.arange(n), lengths)
    first = np.cumsum(lengths) - lengths
    pos = np.arange(len(case_of)) - first[case_of]
    step = var_off_a[variant][case_of] + pos
    unit = step_unit_a[step]
    unit = np.where(unit < 0, home_codes[home[case_of]] if home_names else 0, unit)
    intake = np.array([unit_index.get(spec.intake_units.get(c, ""), -1) for c in ch_keys])
    u0 = intake[channel[case_of]]
    own = np.array([x.own_desk for x in services])[svc[case_of]] & (channel[case_of] == ch_keys.index("counter"))
    unit = np.where((pos == 0) & (u0 >= 0) & ~own, u0, unit)
    slow = np.array([spec.slow_units.get(u, 1.0) for u in unit_names])
    era = np.interp(start[case_of] / (len(days) * _HOURS_PER_DAY), [0, 0.35, 0.65, 1], [1.15, 1.05, 0.95, 0.9])
    hours = step_hours_a[step] * slow[unit] * era * rng.lognormal(0.0, 0.85, len(step))
    hours[pos == 0] = 0.0
    hours[(pos > 0) & (rng.random(len(step)) < 0.004)] = 0.0  # exact ties
    cum = np.cumsum(hours)
    wh = start[case_of] + cum - cum[first][case_of]

    ext = _workdays(s["period_start"], s["period_end"] + dt.timedelta(days=800), spec.weekmask)
    dayi = np.floor(wh / _HOURS_PER_DAY).astype(np.int64)
    secs = np.round((wh - dayi * _HOURS_PER_DAY) * 3600).astype(np.int64)
    local = ext[np.minimum(dayi, len(ext) - 1)].astype("datetime64[s]") + _DAY_START + secs.astype("timedelta64[s]")
    digital = np.array([c in spec.digital_first for c in ch_keys])[channel[case_of]] & (pos == 0)
    local[digital] -= rng.integers(0, 14 * 3600, int(digital.sum())).astype("timedelta64[s]")

    cutoff = np.datetime64(s["period_end"], "D").astype("datetime64[s]") + np.timedelta64(86399, "s")
    keep = local <= cutoff
    case_of, pos, step, unit, local, digital = (a[keep] for a in (case_of, pos, step, unit, local, digital))

    # -- formats: web/app intake stamps UTC; some units' systems export offsets; the rest naive local time
    utc_ch = np.array([c in spec.utc_channels for c in ch_keys])[channel[case_of]]
    offset_u = np.array([u in spec.offset_units for u in unit_names])[unit]
    fmt = np.where(digital, np.where(utc_ch, 2, 1), np.where(offset_u, 1, 0))
    ts = _fmt_ts(local, fmt, spec.tz)

    # -- resources: a case keeps its handler within a unit; some reassignment; system and blank entries
    sizes = np.array([len(staff.pool(u)) for u in unit_names])
    starts = np.cumsum(sizes) - sizes
    flat_codes = np.array([c for u in unit_names for c in staff.pool(u)], dtype=object)
    h = (case_of.astype(np.uint64) * np.uint64(2654435761) + unit.astype(np.uint64) * np.uint64(40503)) % np.uint64(
        2 ** 32)
    ridx = (h % sizes[unit].astype(np.uint64)).astype(np.int64)
    moved = rng.random(len(ridx)) < 0.08
    ridx[moved] = (rng.random(int(moved.sum())) * sizes[unit[moved]]).astype(np.int64)
    resource = flat_codes[starts[unit] + ridx]
    resource[digital | (rng.random(len(resource)) < 0.03)] = ""

    # -- case attributes
    svc_e = svc[case_of]
    deadline_days = np.array([x.deadline_days or 0 for x in services])
    case_day = local[np.searchsorted(case_of, np.arange(n))].astype("datetime64[D]")
    deadline_case = np.where(deadline_days[svc] > 0,
                             np.datetime_as_string(case_day + deadline_days[svc].astype("timedelta64[D]")), "")
    last = np.r_[case_of[1:] != case_of[:-1], True]
    closing = step_act_a[step] == act_index[spec.close_label]
    outcome = np.full(len(case_of), "", dtype=object)
    out_case = np.empty(n, dtype=object)
    for k, x in enumerate(services):
        mask = svc == k
        labels = [o for o, _ in x.outcomes]
        p = np.array([q for _, q in x.outcomes])
        out_case[mask] = np.array(labels, dtype=object)[rng.choice(len(labels), int(mask.sum()), p=p / p.sum())]
    outcome[last & closing] = out_case[case_of[last & closing]]

    ch_labels = np.array([_label("channel", c, lang) for c in ch_keys], dtype=object)
    cols = {
        "case_id": np.array([f"{spec.case_prefix}{100001 + i}" for i in range(n)], dtype=object)[case_of],
        "activity": np.array(acts, dtype=object)[step_act_a[step]],
        "timestamp": ts,
        "channel": ch_labels[channel[case_of]],
        "unit": np.array(unit_names, dtype=object)[unit],
        "resource": resource,
        "citizen_id": ids[citizen[case_of]],
        "service_id": np.array([x.sid for x in services], dtype=object)[svc_e],
        "deadline": deadline_case[case_of].astype(object),
        "outcome": outcome,
    }
    frame = pd.DataFrame(cols)
    # -- mess: duplicated events, a few rows out of order
    dup = rng.random(len(frame)) < 0.003
    frame = frame.iloc[np.repeat(np.arange(len(frame)), 1 + dup.astype(np.int64))].reset_index(drop=True)
    same_case = np.flatnonzero(frame["case_id"].to_numpy()[1:] == frame["case_id"].to_numpy()[:-1])
    swap = np.sort(rng.choice(same_case, size=max(2, len(frame) // 1500), replace=False))
    swap = swap[np.r_[True, np.diff(swap) > 1]]
    order = np.arange(len(frame))
    order[swap], order[swap + 1] = swap + 1, swap
    frame = frame.iloc[order].reset_index(drop=True)
    return frame


# =========================================================================== survey.csv
def _ordinal(z: np.ndarray, cuts: Sequence[float]) -> np.ndarray:
    return 1 + np.searchsorted(np.asarray(cuts), z)


def _fake_phone(spec: _Spec, rng: np.random.Generator) -> str:
    if spec.lang == "he":
        return f"050-000{rng.integers(0, 10000):04d}"
    return f"07700 900{rng.integers(0, 1000):03d}"


def _comment(spec: _Spec, mood: int, rng: np.random.Generator, kind: int | None = None) -> str:
    """A survey comment; about 6% carry a personal detail (*kind*: 0 phone, 1 e-mail, 2 id, 3 name)."""
    c = spec.comments
    pool = c["neg"] if mood < 0 else c["pos"] if mood > 0 else c["mid"]
    text = pool[rng.integers(0, len(pool))]
    if kind is None and rng.random() < 0.06:  # personal details the redaction step must remove
        kind = int(rng.integers(0, 4))
        if kind == 1 and mood >= 0:
            kind = 0
    if kind is not None:
        if kind == 0:
            text = f"{text}. " + c["phone"].format(phone=_fake_phone(spec, rng))
        elif kind == 1:
            handle = c["handles"][rng.integers(0, len(c["handles"]))]
            text = f"{text}. " + c["email"].format(email=f"{handle}{rng.integers(1, 100)}@{c['domain']}")
        elif kind == 2:
            ident = _citizen_ids(1, spec.id_style, rng)[0] if spec.id_style == "il" else \
                f"C0{rng.integers(0, 10_000_000):07d}"
            text = f"{text}. " + c["idn"].format(idn=ident)
        else:
            text = c["greet"].format(name=c["names"][rng.integers(0, len(c["names"]))], text=text)
    return text


_FRONT_SHARE = 0.5  # of the responses that came through the desk or the call centre: rated the front office
_MIN_CELL = 40  # responses at least in every unit × channel cell (small cells oversampled; raking corrects)


def _allocate(n: int, weights: np.ndarray, minimum: int) -> np.ndarray:
    """*n* split in proportion to *weights*, with at least *minimum* each (largest remainders)."""
    w = np.asarray(weights, dtype=float)
    fixed = np.zeros(len(w), dtype=bool)
    while True:
        free = n - minimum * int(fixed.sum())
        expected = np.where(fixed, float(minimum), free * w / w[~fixed].sum())
        grown = fixed | (expected < minimum)
        if (grown == fixed).all():
            break
        fixed = grown
    counts = np.floor(expected).astype(np.int64)
    rest = np.argsort(-(expected - counts), kind="stable")[: n - int(counts.sum())]
    counts[rest] += 1
    return counts


def _survey_cells(spec: _Spec, services: list[_Service]) -> tuple[list[tuple[str, str]], list[list[tuple[int, float]]]]:
    """The survey's unit × channel cells and, per cell, the services behind it with their volumes.

    A response's unit is the service's own unit (its district office when the service is run
    by "@home"); of those that came through the desk or the call centre, :data:`_FRONT_SHARE`
    rate the front office instead.  So every unit × channel cell with volume gets responses
    and the survey can be raked to the known volumes by unit and by channel.
    """
    cells: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for k, x in enumerate(services):
        keys, share = _channel_options(x)
        owner = x.unit if x.unit in spec.pool_sizes else x.path[1][1]
        for key, p in zip(keys, share):
            front = spec.intake_units.get(key) if key in ("phone", "chat") or (key == "counter" and not x.own_desk) \
                else None
            split = [(front, _FRONT_SHARE), (owner, 1 - _FRONT_SHARE)] if front and front != owner else [(owner, 1.0)]
            for u, f in split:
                for h, hw in (spec.home_units if u == "@home" else ((u, 1.0),)):
                    cells.setdefault((h, key), []).append((k, x.volume * p * f * hw))
    return list(cells), list(cells.values())


def _survey(spec: _Spec, rng: np.random.Generator) -> pd.DataFrame:
    """The survey responses as text (items "1"…"5", blank = unanswered), with the schema's column keys."""
    lang = spec.lang
    services = [x for x in spec.services if x.volume > 0 and x.path]
    small_name, small_n = spec.small_unit if spec.small_unit else ("", 0)
    n = spec.survey_n - small_n
    ch_keys = list(_CHANNELS)
    keys, members = _survey_cells(spec, services)
    counts = _allocate(n, np.array([sum(w for _, w in m) for m in members]), _MIN_CELL)
    svc_parts, channel_parts, unit_parts = [], [], []
    for (u, key), m, c in zip(keys, members, counts):
        w = np.array([v for _, v in m])
        per = rng.multinomial(c, w / w.sum())
        svc_parts.append(np.repeat(np.array([k for k, _ in m], dtype=np.int64), per))
        channel_parts.append(np.full(c, ch_keys.index(key), dtype=np.int64))
        unit_parts.append(np.full(c, u, dtype=object))
    svc, channel, unit = np.concatenate(svc_parts), np.concatenate(channel_parts), np.concatenate(unit_parts)
    if small_n:
        pick = rng.integers(0, len(services), small_n)
        svc = np.concatenate([svc, pick])
        channel = np.concatenate([channel, np.full(small_n, ch_keys.index("email"))])
        unit = np.concatenate([unit, np.full(small_n, small_name, dtype=object)])
    total = len(svc)
    wave = rng.choice(len(spec.waves), total, p=[0.3, 0.33, 0.37][: len(spec.waves)])
    first = np.array([np.datetime64(w[1]) for w in spec.waves])
    span = np.array([(np.datetime64(w[2]) - np.datetime64(w[1])).astype(int) + 1 for w in spec.waves])
    date = first[wave] + (rng.random(total) * span[wave]).astype("timedelta64[D]")

    unit_eff = np.array([spec.survey_unit_effects.get(u, 0.0) for u in unit])
    feel = {"web": 0.15, "app": 0.2, "phone": -0.2, "mail": -0.15}
    channel_eff = np.array([feel.get(c, 0.0) for c in ch_keys])[channel]
    wave_eff = np.array([0.0, 0.12, 0.3])[wave]
    latent = unit_eff + channel_eff + wave_eff + rng.normal(0, 1, total)
    cuts = (-1.75, -0.95, -0.1, 0.85)
    z = {k: 0.8 * latent + rng.normal(0, 0.6, total) for k in ("effectiveness", "ease", "efficiency", "equity",
                                                             "helpfulness")}
    z["ease"] = z["ease"] + 0.25 * channel_eff  # digital channels feel easier
    z["efficiency"] = z["efficiency"] - 0.35 * (unit_eff < -0.3)  # slow units
    sat = (0.38 * z["effectiveness"] + 0.24 * z["ease"] + 0.2 * z["helpfulness"] + 0.1 * z["efficiency"]
           + 0.05 * z["equity"] + rng.normal(0, 0.45, total))
    trust = 0.45 * sat + 0.35 * z["equity"] + rng.normal(0, 0.65, total)
    items = {"satisfaction": _ordinal(sat, cuts), "trust": _ordinal(trust, (-1.5, -0.7, 0.1, 1.0)),
             **{k: _ordinal(v, cuts) for k, v in z.items()}}
    nps = np.clip(np.round(6.6 + 2.1 * sat + rng.normal(0, 1.1, total)), 0, 10).astype(np.int64)
    ces = np.clip(np.round(4.8 + 1.3 * z["ease"] + rng.normal(0, 0.8, total)), 1, 7).astype(np.int64)

    cols: dict[str, object] = {}
    order = np.lexsort((rng.random(total), date))
    cols["response_id"] = np.array([f"R{200001 + i}" for i in range(total)], dtype=object)
    text_dates = np.datetime_as_string(date[order]).astype(object)
    dayfirst = rng.random(total) < 0.02  # a few day-first dates from a second survey tool
    text_dates[dayfirst] = [f"{d[8:10]}/{d[5:7]}/{d[0:4]}" for d in text_dates[dayfirst]]
    cols["date"] = text_dates
    cols["channel"] = np.array([_label("channel", c, lang) for c in ch_keys], dtype=object)[channel[order]]
    cols["unit"] = unit[order]
    cols["service_id"] = np.array([x.sid for x in services], dtype=object)[svc[order]]
    cols["wave"] = np.array([w[0] for w in spec.waves], dtype=object)[wave[order]]
    for key, values in {**items, "nps": nps, "ces": ces}.items():
        text = values[order].astype(str).astype(object)
        text[rng.random(total) < (0.1 if key == "ces" else 0.03)] = ""
        cols[key] = text
    mood = np.where(items["satisfaction"][order] <= 2, -1, np.where(items["satisfaction"][order] >= 4, 1, 0))
    has = rng.random(total) < 0.2
    comments = np.full(total, "", dtype=object)
    for i in np.flatnonzero(has):
        comments[i] = _comment(spec, int(mood[i]), rng)
    # every kind of personal detail at least once, whatever the draws (the redaction step must meet each)
    negative = np.flatnonzero(has & (mood < 0))
    for i, kind in zip(negative[::7], (0, 1, 2, 3, 1, 2, 2)):
        comments[i] = _comment(spec, int(mood[i]), rng, kind=kind)
    cols["comment"] = comments
    frame = pd.DataFrame(cols)
    return frame


# =========================================================================== people: observations and training
def _skills(lang: str) -> list[str]:
    return [he if lang == "he" else en for en, he in FRONTLINE_SKILLS]


def _trained(spec: _Spec, staff: _Staff, rng: np.random.Generator) -> dict[str, list[str]]:
    """Employees of each observed unit who took the frontline-skills training."""
    out = {}
    for u in spec.observed_units:
        pool = staff.pool(u)
        k = min(spec.trained_per_unit, len(pool))
        out[u] = sorted(rng.choice(pool, size=k, replace=False).tolist())
    return out


def _training(spec: _Spec, trained: dict[str, list[str]], rng: np.random.Generator) -> pd.DataFrame:
    """Training pre/post scores as text on 1–5 in half points, with the schema's column keys."""
    skills = _skills(spec.lang)
    effect = np.array([0.5, 0.7, 0.45, 0.05, 0.6])  # "complete solution" barely moves
    base = np.array([3.0, 2.6, 2.7, 2.9, 2.8])
    rows = []
    start = np.datetime64(spec.training_date)
    for u in spec.observed_units:
        for e in trained[u]:
            person = rng.normal(0, 0.35)
            day = start + np.timedelta64(int(rng.integers(0, 21)), "D")
            for k, skill in enumerate(skills):
                pre = np.clip(np.round((base[k] + person + rng.normal(0, 0.5)) * 2) / 2, 1, 5)
                post = np.clip(np.round((pre + effect[k] + rng.normal(0, 0.45)) * 2) / 2, 1, 5)
                rows.append((e, skill, f"{pre:.1f}", f"{post:.1f}", u, str(day)))
    frame = pd.DataFrame(rows, columns=["employee_code", "skill", "pre_score", "post_score", "unit", "date"])
    return frame


_OBS_ROUNDS = (2, 6, 12, 16)  # observation rounds: months after the period start (two before training, two after)


def _observations(spec: _Spec, staff: _Staff, trained: dict[str, list[str]], rng: np.random.Generator) -> list[dict]:
    """Frontline-skills observations, in four monthly rounds (two before the training, two after).

    Every observed unit but one sees at least 12 different employees (its trained employees
    first, plus a few untrained ones), so its unit × item cells clear ``min_group_size``; some
    trained employees are observed once before and once after the training (the transfer
    check).  ``spec.obs_small`` is seen on a handful of employees only, so its cells stay
    suppressed.  ``spec.n_double`` sessions are scored by two observers (calibration).
    """
    s = spec.settings
    skills = _skills(spec.lang)
    days = _workdays(s["period_start"], s["period_end"], spec.weekmask)
    months = days.astype("datetime64[M]")
    first_month = np.datetime64(s["period_start"], "M")
    units = spec.observed_units
    small, small_k = spec.obs_small if spec.obs_small else ("", 0)
    assert small not in units[:2], "the rising and the falling trend belong to units that are shown"
    unit_eff = rng.normal(0, 0.25, len(units))
    item_eff = np.array([0.25, -0.35, -0.2, 0.0, -0.1])
    bias = np.linspace(-0.2, 0.25, len(spec.observers))
    train_day = np.datetime64(spec.training_date)
    rounds = [np.flatnonzero(months == first_month + np.timedelta64(m, "M")) for m in _OBS_ROUNDS]
    before = [r for r, d in enumerate(rounds) if days[d[-1]] < train_day]
    after = [r for r, d in enumerate(rounds) if days[d[0]] > train_day + np.timedelta64(21, "D")]
    assert before and after, "observation rounds on both sides of the training"

    # sessions per unit: the small unit a few, the others an equal share of the rest
    n_small = small_k + 2 if small in units else 0
    big = [u for u in units if u != small]
    share = np.full(len(big), (spec.n_sessions - n_small) // len(big))
    share[: (spec.n_sessions - n_small) % len(big)] += 1
    n_of = dict(zip(big, share.tolist())) | ({small: n_small} if n_small else {})
    plan = []  # (unit index, employee, round)
    for ui, u in enumerate(units):
        pool = staff.pool(u)
        mine = [c for c in trained[u] if c in pool]
        others = [c for c in pool if c not in mine]
        k = small_k if u == small else min(len(pool), n_of[u] - 3)
        take_t = min(len(mine), max(k - 3, k - len(others)))
        extra = rng.choice(others, size=k - take_t, replace=False).tolist() if k > take_t else []
        roster = mine[:take_t] + extra
        n_repeat = n_of[u] - len(roster)
        repeat = [roster[i] for i in rng.choice(take_t, size=min(n_repeat, take_t), replace=False)]
        once = [c for c in roster if c not in repeat]
        spread = rng.permutation(np.arange(len(once)) % len(rounds))
        plan += [(ui, c, int(r)) for c, r in zip(once, spread)]
        for c in repeat:  # a trained employee seen before and after the training
            plan += [(ui, c, int(rng.choice(before))), (ui, c, int(rng.choice(after)))]
    person = {c: rng.normal(0, 0.3) for _, c, _ in plan}
    day_of = np.array([rounds[r][int(rng.integers(0, len(rounds[r])))] for _, _, r in plan])
    order = np.argsort(day_of, kind="stable")
    doubles = set(rng.choice(len(plan), spec.n_double, replace=False).tolist())
    rows = []
    for k, i in enumerate(order):
        ui, emp, _ = plan[i]
        u = units[ui]
        d = int(day_of[i])
        date = days[d]
        t = d / len(days)
        obs = [int(rng.integers(0, len(spec.observers)))]
        if k in doubles:
            obs.append((obs[0] + 1 + int(rng.integers(0, len(spec.observers) - 1))) % len(spec.observers))
        trained_now = emp in trained[u] and date > train_day
        for j, item in enumerate(skills):
            trend = -1.7 * t if (ui == 1 and j == 1) else (0.6 * t if ui == 0 else 0.0)  # one falling, one rising
            latent = 3.35 + unit_eff[ui] + item_eff[j] + person[emp] + trend + 0.45 * trained_now
            for o in obs:
                score = int(np.clip(np.round(latent + bias[o] + rng.normal(0, 0.5)), 1, 5))
                note = spec.obs_notes[int(rng.integers(0, len(spec.obs_notes)))] if rng.random() < 0.2 else None
                rows.append({"date": date.item(), "unit": u, "observer": spec.observers[o], "employee_code": emp,
                             "item": item, "score": score, "note": note})
    return rows


# =========================================================================== intake.xlsx
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
        rows.append({"date": days[d].item(), "unit": units[int(rng.integers(0, len(units)))], "event": event,
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
             "unit_of_measure": k.uom, "owner": k.owner, "service_id": k.service_id, "kind": k.kind}
            for k in spec.kpis]
    _table_sheet(wb, "KPIs", kpis, lang)
    _table_sheet(wb, "KPI values", _kpi_rows(spec, rng), lang, formats={"period": "yyyy-mm"})

    observations = _observations(spec, staff, trained, rng)
    for i in (5, 77, 203):  # scores typed as text, a day-first date string
        observations[i]["score"] = str(observations[i]["score"])
    observations[150]["date"] = observations[150]["date"].strftime("%d/%m/%Y")
    _table_sheet(wb, "Observations", observations, lang)

    actions = _action_rows(spec)
    _table_sheet(wb, "Actions", actions, lang)
    _table_sheet(wb, "Lessons", _lesson_rows(spec, actions, rng), lang)
    return wb


# =========================================================================== export styles
#: The companion files of each export style (the loader finds both: :mod:`svcwork.exports.files`).
EXPORT_FILES: dict[str, dict[str, str]] = {
    "clean": {"cases": "cases.csv", "survey": "survey.csv", "training": "training.csv"},
    "real": {"cases": "פניות.csv", "survey": "סקר.csv", "training": "הדרכה.csv"},
}
_REAL_ENCODING = "cp1255"  # Windows-1255, what Hebrew Excel and older Israeli government systems export
_DAY_FIRST_TIME = "%d/%m/%Y %H:%M:%S"
_OFFSET_AT_END = r"(?:Z|[+-]\d{2}:\d{2})$"
_DONT_KNOW_EVERY = 3  # every third unanswered survey item is written "don't know" in the real export


def _as_clean_export(frames: dict[str, pd.DataFrame], spec: _Spec) -> dict[str, bytes]:
    """The companions as the clean demo writes them: UTF-8 CSVs, headers in ``spec.csv_headers``' language."""
    names = EXPORT_FILES["clean"]
    return {names[k]: _csv_bytes(f.rename(columns=_headers(k, spec.csv_headers[k])),
                                 bom=k == "survey" and spec.slug == "neve-tamar")
            for k, f in frames.items()}


def _as_real_export(frames: dict[str, pd.DataFrame], spec: _Spec) -> dict[str, bytes]:
    """The same companions reshaped the way a real Hebrew client exports them; the data do not change.

    * Hebrew file names (``פניות.csv``, ``סקר.csv``, ``הדרכה.csv``) and Hebrew headers, encoded
      Windows-1255 (cp1255).
    * Case timestamps as naive local wall-clock time in ``spec.tz``, day first
      (``26/10/2025 01:09:08``): the instants written with an offset or in UTC are converted, so
      the log crosses the clock changes with no offset to tell the repeated autumn hour apart.
      Deadlines and all other dates day first (``25/11/2025``).
    * Survey items (the A-11 questions) as Hebrew answer labels: satisfaction in the
      satisfaction wording, the others in the "to what extent" wording; every third unanswered
      item is written "don't know" (read back as missing, like the blank).  NPS and CES stay numbers.
    * Training scores as percent strings of each score's place on its 1–5 scale,
      ``100 * (x - 1) / 4`` (half points give exact multiples of 12.5: ``"62.5%"``).
    """
    cases, survey, training = frames["cases"], frames["survey"], frames["training"]
    cases = cases.assign(timestamp=_wall_clock(cases["timestamp"], spec.tz).dt.strftime(_DAY_FIRST_TIME),
                         deadline=_day_first(cases["deadline"]))
    items = [c.key for c in companion("survey").columns if c.kind == "score" and (c.lo, c.hi) == (1, 5)]
    survey = survey.assign(date=_day_first(survey["date"]), **{
        k: _answer_labels(survey[k], _first_label(HE_SATISFACTION if k == "satisfaction" else HE_EXTENT))
        for k in items})
    training = training.assign(pre_score=_percent_of_five(training["pre_score"]),
                               post_score=_percent_of_five(training["post_score"]),
                               date=_day_first(training["date"]))
    names = EXPORT_FILES["real"]
    return {names[k]: _csv_bytes(f.rename(columns=_headers(k, "he")), encoding=_REAL_ENCODING)
            for k, f in (("cases", cases), ("survey", survey), ("training", training))}


def _wall_clock(text: pd.Series, tz: str) -> pd.Series:
    """Timestamps written naive local, local with a UTC offset or in UTC (``Z``) as naive wall-clock times in *tz*."""
    aware = text.str.contains(_OFFSET_AT_END, regex=True)
    wall = pd.to_datetime(text.where(~aware), format="%Y-%m-%d %H:%M:%S")
    instants = pd.to_datetime(text[aware], format="ISO8601", utc=True)
    wall[aware] = instants.dt.tz_convert(tz).dt.tz_localize(None)
    return wall


def _day_first(text: pd.Series) -> pd.Series:
    """ISO dates (``2025-11-25``) day first (``25/11/2025``); blanks and day-first dates as they are."""
    return text.str.replace(r"^(\d{4})-(\d{2})-(\d{2})$", r"\3/\2/\1", regex=True)


def _first_label(labels: Sequence[tuple[str, float]]) -> dict[str, str]:
    """The first spelling of each scale point of a label set: ``{"1": …, …, "5": …}``."""
    out: dict[str, str] = {}
    for label, value in labels:
        out.setdefault(f"{value:g}", label)
    return out


def _answer_labels(text: pd.Series, labels: dict[str, str]) -> pd.Series:
    """Answers ``"1"``…``"5"`` as labels; every :data:`_DONT_KNOW_EVERY`-th blank as "don't know"."""
    out = text.map(lambda v: labels.get(v, v))
    blank = np.flatnonzero((text == "").to_numpy())
    out.iloc[blank[_DONT_KNOW_EVERY - 1::_DONT_KNOW_EVERY]] = DONT_KNOW[0][0]
    return out


def _percent_of_five(text: pd.Series) -> pd.Series:
    """Scores on 1–5 (``"3.5"``) as their place on the scale in percent (``"62.5%"``)."""
    return text.map(lambda v: f"{100 * (float(v) - 1) / 4:g}%")


# =========================================================================== entry points
_EXPORT_STYLES: dict[str, Callable[[dict[str, pd.DataFrame], _Spec], dict[str, bytes]]] = {
    "clean": _as_clean_export, "real": _as_real_export}


def _client_files(spec: _Spec, seed: int, index: int, export_style: str | None = None) -> dict[str, bytes | Workbook]:
    """A client's files by name: the intake workbook and its companions in *export_style* (default: the spec's)."""
    rng_cases, rng_survey, rng_people, rng_intake = (np.random.default_rng(s) for s in
                                                     np.random.SeedSequence([seed, index]).spawn(4))
    staff = _staff(spec)
    trained = _trained(spec, staff, rng_people)
    intake = _intake(spec, staff, trained, rng_intake)
    frames = {"cases": _cases(spec, staff, rng_cases), "survey": _survey(spec, rng_survey),
              "training": _training(spec, trained, rng_people)}
    return {"intake.xlsx": intake, **_EXPORT_STYLES[export_style or spec.export_style](frames, spec)}


def generate(out_dir: str | Path, *, seed: int = DEFAULT_SEED, clients: Sequence[str] | None = None,
             export_style: str | None = None) -> list[Path]:
    """Write the demo clients into ``out_dir/<slug>/``; return the files written.

    Parameters
    ----------
    out_dir
        The clients folder (``data/clients`` of the checkout for the committed demo).
    seed
        Seed of :class:`numpy.random.SeedSequence`; each client gets its own stream, so a
        client's files do not depend on which other clients are generated.
    clients
        Slugs to generate (default: all of :data:`CLIENTS`).
    export_style
        ``"clean"`` or ``"real"`` for every client generated, or None for each client's own
        (``rashut-hagimlaot`` is written as a real export, the others clean).  The data are the
        same either way; only the files' shape differs (see :func:`_as_real_export`).  Companion
        files of the other style left in a client's folder by an earlier run are removed, so the
        loader never finds two case logs.
    """
    from .errors import UsageError

    out = Path(out_dir)
    wanted = list(CLIENTS) if clients is None else list(clients)
    unknown = [c for c in wanted if c not in CLIENTS]
    if unknown:
        raise UsageError(f"unknown demo client(s) {', '.join(unknown)}; expected one of {', '.join(CLIENTS)}")
    if export_style is not None and export_style not in _EXPORT_STYLES:
        raise UsageError(f"unknown export style {export_style}; expected one of {', '.join(_EXPORT_STYLES)}")
    written: list[Path] = []
    for index, slug in enumerate(CLIENTS):
        if slug not in wanted:
            continue
        spec = CLIENTS[slug]()
        folder = out / slug
        files = _client_files(spec, seed, index, export_style)
        for name, content in files.items():
            target = folder / name
            if isinstance(content, Workbook):
                save_workbook(content, target)
            else:
                atomic_write_bytes(target, content)
            written.append(target)
        for name in {n for names in EXPORT_FILES.values() for n in names.values()} - set(files):
            (folder / name).unlink(missing_ok=True)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m svcwork.demo [-o DIR] [--seed N]``."""
    from .paths import demo_clients_dir

    parser = argparse.ArgumentParser(prog="python -m svcwork.demo", description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=None, help="default: data/clients of the checkout")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    for path in generate(args.output or demo_clients_dir(), seed=args.seed):
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
