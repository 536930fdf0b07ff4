"""The intake schema: the one place that says what a client's workbook and files contain.

The same definitions drive the template generator (:mod:`svcwork.template`), the
loader/validator (:mod:`svcwork.intake`) and the generated field reference
(``docs/intake.md``).  Source of truth for the floor: ``shared/docs/intake-contract.md``.

Column kinds
------------
``id``        text identifier (numbers stored as numbers are turned into ``"101"``)
``text``      free text
``int``       whole number
``number``    real number
``score``     whole number within ``[lo, hi]`` (1–5 agreement scores and the like)
``date``      Excel date, ISO date or day-first date string
``period``    a month (``2026-03``) or a date; stored as the first day of its month
``enum``      one of the values of ``Column.enum`` (Hebrew or English)
``ids``       comma-separated identifiers
``judgement`` an AHP judgement between 1/9 and 9 (``3``, ``1/3`` or ``0.333``)
``timestamp`` date and time, time-zone offsets normalised to UTC
``list``      comma-separated free values
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

__all__ = [
    "Column",
    "Sheet",
    "EnumValue",
    "Enumeration",
    "ENUMS",
    "SHEETS",
    "COMPANIONS",
    "SETTINGS",
    "REPORT_SECTIONS",
    "SECTION_ALIASES",
    "normalize_name",
    "sheet",
    "companion",
    "FRONTLINE_SKILLS",
    "FRONTLINE_ALIASES",
    "SURVEY_ITEMS",
    "skill_key",
]


def normalize_name(name: object) -> str:
    """Normalise a header/sheet/value name for matching.

    Case, surrounding spaces, repeated spaces, ``_``/``-``/space differences, Hebrew
    geresh/gershayim look-alikes and Unicode compatibility forms are ignored.
    """
    text = unicodedata.normalize("NFKC", str(name)).strip().casefold()
    text = text.replace("\u05f3", "'").replace("\u05f4", '"').replace("״", '"').replace("׳", "'")
    text = text.replace("\u2019", "'").replace("\u201d", '"').replace("\u200f", "").replace("\u200e", "")
    text = re.sub(r"[\s_\-]+", " ", text)
    return text.strip()


@dataclass(frozen=True)
class EnumValue:
    """One allowed value of an enumeration, with its names in both languages."""

    key: str
    he: str
    en: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Enumeration:
    """A closed list of values accepted in Hebrew or English."""

    name: str
    values: tuple[EnumValue, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(v.key for v in self.values)

    def label(self, key: str, lang: str) -> str:
        for v in self.values:
            if v.key == key:
                return v.he if lang == "he" else v.en
        raise KeyError(key)

    def lookup(self) -> dict[str, str]:
        """Map every accepted spelling (normalised) to the canonical key."""
        table: dict[str, str] = {}
        for v in self.values:
            for name in (v.key, v.he, v.en, *v.aliases):
                table[normalize_name(name)] = v.key
        return table


def _enum(name: str, *values: tuple) -> Enumeration:
    return Enumeration(name, tuple(EnumValue(*v) for v in values))


ENUMS: Mapping[str, Enumeration] = MappingProxyType(
    {
        e.name: e
        for e in (
            _enum("yesno", ("yes", "כן", "yes", ("y", "true", "1", "v", "✓")),
                  ("no", "לא", "no", ("n", "false", "0", "x"))),
            _enum("availability", ("yes", "כן", "yes", ("y", "true")), ("no", "לא", "no", ("n", "false")),
                  ("partial", "חלקי", "partial", ("partly", "partially", "חלקית"))),
            _enum("criterion_direction", ("benefit", "תועלת", "benefit", ("max", "maximise", "maximize")),
                  ("cost", "עלות", "cost", ("min", "minimise", "minimize"))),
            _enum("kpi_direction", ("higher", "עולה", "higher", ("up", "higher is better", "גבוה")),
                  ("lower", "יורד", "lower", ("down", "lower is better", "נמוך"))),
            _enum("status", ("open", "פתוח", "open", ("not started", "לא התחיל")),
                  ("in progress", "בביצוע", "in progress", ("in_progress", "ongoing", "בטיפול")),
                  ("done", "הושלם", "done", ("closed", "completed", "complete", "בוצע", "סגור")),
                  ("cancelled", "בוטל", "cancelled", ("canceled", "dropped"))),
            _enum("evidence", ("none", "אין", "none", ("no data", "אין נתונים")),
                  ("partial", "חלקי", "partial", ()), ("data", "מבוסס נתונים", "data", ("data-backed", "data backed"))),
            _enum("language", ("he", "עברית", "he", ("iw", "heb", "hebrew")), ("en", "אנגלית", "en", ("eng", "english"))),
            _enum("channel",
                  ("counter", "דלפק", "counter", ("front desk", "desk", "frontal", "קבלת קהל", "פרונטלי", "walk-in")),
                  ("phone", "טלפון", "phone", ("telephone", "call", "מוקד", "מוקד טלפוני")),
                  ("web", "אתר", "web", ("website", "internet", "online", "אינטרנט", "אתר אינטרנט")),
                  ("app", "אפליקציה", "app", ("mobile", "mobile app", "יישומון")),
                  ("email", 'דוא"ל', "email", ("e-mail", "mail box", "דואר אלקטרוני", "אימייל", "מייל")),
                  ("mail", "דואר", "mail", ("post", "letter", "דואר רגיל")),
                  ("chat", "צ'אט", "chat", ("whatsapp", "צאט", "וואטסאפ")),
                  ("kiosk", "עמדה", "kiosk", ("self-service", "עמדת שירות"))),
            _enum("kpi_kind", ("mean", "ממוצע", "mean", ("average",)), ("proportion", "שיעור", "proportion", ("rate", "share", "%")),
                  ("count", "ספירה", "count", ("number", "כמות"))),
            _enum("action_source", ("journey", "מסע", "journey", ("מסע לקוח",)), ("survey", "סקר", "survey", ()),
                  ("kpi", "מדד", "kpi", ()), ("observation", "תצפית", "observation", ()),
                  ("lesson", "לקח", "lesson", ("הפקת לקחים",))),
            _enum("date_order", ("DMY", "יום/חודש/שנה", "DMY", ("day first", "d/m/y", "dd/mm/yyyy", "יום חודש שנה")),
                  ("MDY", "חודש/יום/שנה", "MDY", ("month first", "m/d/y", "mm/dd/yyyy", "us", "חודש יום שנה")),
                  ("YMD", "שנה-חודש-יום", "YMD", ("year first", "iso", "yyyy-mm-dd", "שנה חודש יום"))),
            _enum("companion_file", ("cases", "פניות", "cases", ("case log", "cases file")),
                  ("survey", "סקר", "survey", ()), ("training", "הדרכה", "training", ())),
            _enum("priority", ("high", "גבוהה", "high", ("h", "1", "גבוה", "urgent", "דחוף", "דחופה")),
                  ("medium", "בינונית", "medium", ("m", "2", "med", "בינוני")),
                  ("low", "נמוכה", "low", ("l", "3", "נמוך"))),
            _enum("horizon", ("short", "טווח קצר", "short term", ("short", "short-term", "immediate", "קצר", "מיידי",
                                                                  "בטווח הקצר")),
                  ("medium", "טווח בינוני", "medium term", ("medium", "medium-term", "mid term", "בינוני",
                                                             "בטווח הבינוני")),
                  ("long", "טווח ארוך", "long term", ("long", "long-term", "ארוך", "בטווח הארוך"))),
        )
    }
)


@dataclass(frozen=True)
class Column:
    """One column of a sheet or companion file (or one setting of the Engagement sheet)."""

    key: str
    he: str
    kind: str = "text"
    required: bool = False
    help_en: str = ""
    help_he: str = ""
    enum: str | None = None
    lo: float | None = None
    hi: float | None = None
    unique: bool = False
    example: Any = None
    example_he: Any = None  # the example in Hebrew, where ``example`` is English prose
    default: Any = None
    identifier: bool = False  # a personal identifier: pseudonymised on load
    aliases: tuple[str, ...] = ()

    @property
    def en(self) -> str:
        return self.key

    def header(self, lang: str) -> str:
        return self.he if lang == "he" else self.en

    def help(self, lang: str) -> str:
        return self.help_he if lang == "he" else self.help_en

    def names(self) -> tuple[str, ...]:
        return (self.key, self.he, *self.aliases)

    def example_in(self, lang: str) -> Any:
        """The example as written in *lang*: ``example_he`` for Hebrew when there is one, else ``example``."""
        return self.example_he if lang == "he" and self.example_he is not None else self.example


@dataclass(frozen=True)
class Sheet:
    """A sheet of the intake workbook, or a companion file."""

    key: str
    he: str
    row_en: str
    row_he: str
    columns: tuple[Column, ...]
    required: bool = False
    settings: bool = False  # two-column field/value sheet
    unique_together: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def en(self) -> str:
        return self.key

    def title(self, lang: str) -> str:
        return self.he if lang == "he" else self.en

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    @property
    def required_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)

    def names(self) -> tuple[str, ...]:
        return (self.key, self.he, *self.aliases)


C = Column

# --------------------------------------------------------------------------- settings
SETTINGS: tuple[Column, ...] = (
    C("organization", "שם הארגון", "text", True, "Name of the client organisation, as it should appear on the report.",
      "שם הארגון כפי שיופיע בדוח.", example="Municipality of Example", example_he="עיריית דוגמה"),
    C("language", "שפה", "enum", True, "Report language: he (Hebrew, right-to-left) or en (English).",
      "שפת הדוח: עברית או אנגלית.", enum="language", example="he"),
    C("period_start", "תחילת תקופה", "date", True, "First day of the period the data covers.",
      "היום הראשון של התקופה שהנתונים מכסים.", example="2026-01-01"),
    C("period_end", "סוף תקופה", "date", True, "Last day of the period the data covers (also the report date for overdue actions).",
      "היום האחרון של התקופה (גם מועד הבדיקה לפעולות באיחור).", example="2026-06-30"),
    C("unit", "יחידה", "text", False, "The unit or division the engagement covers, if not the whole organisation.",
      "היחידה או האגף שבהם עוסק הפרויקט, אם לא כל הארגון."),
    C("consultant", "יועץ", "text", False, "Consultant or firm preparing the report.", "היועץ או המשרד שמכין את הדוח."),
    C("logo", "לוגו", "text", False, "File name of the client logo (PNG/SVG) in the client folder.",
      "שם קובץ הלוגו (PNG/SVG) בתיקיית הלקוח."),
    C("service_vision", "חזון השירות", "text", False, "The organisation's service vision in one or two sentences.",
      "חזון השירות של הארגון במשפט או שניים."),
    C("service_values", "ערכי השירות", "list", False, "Service values, comma-separated.", "ערכי השירות, מופרדים בפסיקים."),
    C("accent_color", "צבע מותג", "text", False, "Brand colour for charts and headings, as #RRGGBB.",
      "צבע המותג לתרשימים ולכותרות, בפורמט #RRGGBB.", example="#1f6f8b"),
    C("sla_days", "יעד טיפול (ימים)", "int", False, "Default time to resolve a case, in days, where a case has no deadline of its own.",
      "זמן הטיפול בימים, כשלפנייה אין מועד יעד משלה.", lo=1, hi=3650, default=14),
    C("repeat_contact_days", "חלון פנייה חוזרת (ימים)", "int", False,
      "A case is a repeat contact when the same citizen opened another case this many days before.",
      "פנייה נחשבת חוזרת אם אותו פונה פתח פנייה אחרת בתוך מספר ימים זה.", lo=1, hi=365, default=7),
    C("min_group_size", "גודל קבוצה מינימלי", "int", False, "Groups smaller than this are suppressed in every table and chart.",
      "קבוצות קטנות מזה אינן מוצגות בשום טבלה או תרשים.", lo=1, hi=1000, default=10),
    C("waves", "מספר גלים", "int", False, "Number of waves (stages) in the roadmap.", "מספר הגלים (השלבים) בתוכנית.",
      lo=1, hi=12, default=3),
    C("wave_capacity_days", "קיבולת לגל (ימי עבודה)", "number", False, "Person-days available in each wave.",
      "ימי העבודה הזמינים בכל גל.", lo=0),
    C("wave_capacities", "קיבולת לכל גל (ימי עבודה)", "list", False,
      "Person-days available in each wave, in order and comma-separated (e.g. 60, 120, 120): one figure per wave; "
      "overrides wave_capacity_days.",
      "ימי העבודה הזמינים בכל גל, לפי הסדר ומופרדים בפסיקים (למשל 60, 120, 120): מספר אחד לכל גל; "
      "גובר על קיבולת לגל."),
    C("min_quick_wins", "מינימום הישגים מהירים בגל 1", "int", False,
      "Least number of visible quick wins (low effort, high benefit, visibility above the midpoint) the roadmap must "
      "put in wave 1; 0 = no minimum; blank = one, if one fits.",
      "המספר המזערי של הישגים מהירים נראים (מאמץ נמוך, תועלת גבוהה, נראות מעל האמצע) שמפת הדרכים חייבת לשבץ "
      "בגל 1; 0 = ללא מינימום; ריק = הישג מהיר אחד, אם הוא נכנס.", lo=0),
    C("timezone", "אזור זמן", "text", False,
      "Time zone of timestamps that carry no offset (default Asia/Jerusalem for he, UTC for en).",
      "אזור הזמן של חותמות זמן ללא הפרש שעון (ברירת מחדל: Asia/Jerusalem לעברית, UTC לאנגלית).",
      example="Asia/Jerusalem"),
    C("date_order", "סדר תאריכים", "enum", False,
      "Order of day and month in the companion files' dates, and in the form's dates typed as text, where the "
      "data cannot prove it (no day above 12): "
      "DMY (31/12/2025), MDY (12/31/2025) or YMD; default DMY for Hebrew engagements, MDY for English. "
      "Dates that contradict it are errors.",
      "סדר היום והחודש בתאריכי הקבצים הנלווים, ובתאריכי הטופס שהוקלדו כטקסט, כשהנתונים אינם מוכיחים אותו "
      "(אין יום גדול מ־12): "
      "יום/חודש/שנה (31/12/2025), חודש/יום/שנה (12/31/2025) או שנה-חודש-יום; ברירת מחדל: יום/חודש/שנה לעברית, "
      "חודש/יום/שנה לאנגלית. תאריכים שסותרים אותו הם שגיאה.", enum="date_order", example="DMY"),
    C("cases_file", "קובץ פניות", "text", False,
      "The case-log file in the client folder when its name is not cases/פניות: a name, names separated by commas "
      "(parts of one export), or a pattern such as export-*.csv.",
      "קובץ הפניות בתיקיית הלקוח כששמו אינו cases/פניות: שם, כמה שמות מופרדים בפסיקים (חלקים של ייצוא אחד) "
      "או תבנית כגון export-*.csv.", example="export-2025.csv"),
    C("survey_file", "קובץ סקר", "text", False, "The survey file, when its name is not survey/סקר (as cases_file).",
      "קובץ הסקר, כששמו אינו survey/סקר (כמו קובץ פניות)."),
    C("training_file", "קובץ הדרכה", "text", False,
      "The training file, when its name is not training/הדרכה (as cases_file).",
      "קובץ ההדרכה, כששמו אינו training/הדרכה (כמו קובץ פניות)."),
    C("sections", "פרקים", "list", False,
      "The report sections to include, in the order the report shows them, comma-separated, each by its key or "
      "its title in either language: prioritization, journeys, measures, management (the intake review is "
      "always included); blank = all, in the usual order.",
      "פרקי הדוח שייכללו, בסדר שבו הדוח יציג אותם, מופרדים בפסיקים, כל אחד לפי המפתח שלו או לפי שמו בעברית "
      "או באנגלית: תעדוף, מסעות, מדידה, ניהול (סקירת נתוני הקליטה נכללת תמיד); ריק = כל הפרקים, בסדר הרגיל.",
      example="prioritization, journeys, measures", example_he="תעדוף, מסעות, מדידה"),
    C("column_map", "מיפוי עמודות", "text", False,
      "Map a companion file's own column names to ours: cases.Case ID=case_id; survey.Q1=satisfaction.",
      "מיפוי שמות העמודות בקובצי הנלווים לשמות שלנו: cases.Case ID=case_id; survey.Q1=satisfaction."),
)

SETTINGS_HEADER = {"field": ("field", "שדה", ("setting", "key")), "value": ("value", "ערך", ())}

_SCORE5 = dict(kind="score", lo=1, hi=5)
_CH = dict(kind="enum", enum="channel")

SHEETS: tuple[Sheet, ...] = (
    Sheet("Engagement", "פרטי הארגון", "a setting (field, value)", "הגדרה (שדה, ערך)", SETTINGS, required=True,
          settings=True, aliases=("settings", "engagement details")),
    Sheet("Services", "שירותים", "a service or process that could be improved", "שירות או תהליך שאפשר לשפר", (
        C("service_id", "מזהה שירות", "id", True, "Short unique code of the service.", "קוד קצר וייחודי לשירות.",
          unique=True, example="S01"),
        C("service_name", "שם השירות", "text", True, "Name of the service as citizens know it.", "שם השירות כפי שהפונים מכירים אותו.",
          example="Parking permit", example_he="תו חניה"),
        C("unit", "יחידה", "text", True, "Unit responsible for the service.", "היחידה האחראית לשירות.", example="Parking",
          example_he="מחלקת החניה"),
        C("effort", "מאמץ", required=True, help_en="Effort and resources to improve it: 1 (little) to 5 (a lot).",
          help_he="המאמץ והמשאבים הנדרשים לשיפור: 1 (מעט) עד 5 (הרבה).", example=2, **_SCORE5),
        C("benefit", "תועלת", required=True, help_en="Benefit to citizens and the organisation: 1 (little) to 5 (a lot).",
          help_he="התועלת לפונים ולארגון: 1 (מעטה) עד 5 (רבה).", example=4, **_SCORE5),
        C("visibility", "נראות", required=True, help_en="How visible an improvement would be: 1 (hardly) to 5 (very).",
          help_he="עד כמה השיפור ייראה: 1 (כמעט לא) עד 5 (מאוד).", example=5, **_SCORE5),
        C("annual_volume", "היקף שנתי", "number", False, "Cases or requests per year.", "מספר פניות או בקשות בשנה.", lo=0,
          example=12000),
        C("resources_days", "משאבים (ימי עבודה)", "number", False, "Person-days the improvement needs.",
          "ימי העבודה שהשיפור דורש.", lo=0, example=20),
        C("citizen_reach", "היקף פונים", "number", False, "Number of citizens the service reaches per year.",
          "מספר הפונים שהשירות מגיע אליהם בשנה.", lo=0, example=8000),
        C("mandatory", "חובה", "enum", False, "yes if the service must be in the plan (law, ministerial decision).",
          "כן אם השירות חייב להיכלל בתוכנית (חוק, החלטה).", enum="yesno", example="no"),
        C("depends_on", "תלוי ב", "ids", False, "service_ids that must be improved first, comma-separated.",
          "מזהי שירותים שיש לשפר קודם, מופרדים בפסיקים."),
        C("locked_wave", "גל קבוע", "int", False,
          "Wave the consultant fixes the service to, from 1 to the number of waves; blank = the optimiser decides.",
          "הגל שהיועץ קובע לשירות, מ־1 ועד מספר הגלים; ריק = האופטימיזציה מחליטה.", lo=1, hi=12),
        C("notes", "הערות", "text", False, "Anything else the consultant should know.", "כל דבר נוסף שהיועץ צריך לדעת."),
    ), required=True, aliases=("service",)),
    Sheet("Channels", "ערוצים", "a service offered in a channel", "שירות הניתן בערוץ", (
        C("service_id", "מזהה שירות", "id", True, "A service_id from the Services sheet.", "מזהה שירות מגיליון השירותים.",
          example="S01"),
        C("channel", "ערוץ", required=True, help_en="Channel: counter, phone, web, app, email, mail, chat or kiosk.",
          help_he="ערוץ: דלפק, טלפון, אתר, אפליקציה, דוא\"ל, דואר, צ'אט או עמדה.", example="web", **_CH),
        C("available", "זמין", "enum", True, "Is the service available in this channel: yes, no or partial.",
          "האם השירות זמין בערוץ: כן, לא או חלקי.", enum="availability", example="yes"),
        C("share_pct", "שיעור מהפניות (%)", "number", False, "Share of the service's requests that come through this channel.",
          "שיעור הפניות לשירות שמגיעות בערוץ זה.", lo=0, hi=100, example=35),
        C("end_to_end", "מקצה לקצה", "enum", False, "Can the citizen complete the whole service in this channel?",
          "האם אפשר להשלים את כל השירות בערוץ זה?", enum="yesno", example="yes"),
    ), unique_together=("service_id", "channel")),
    Sheet("Journey", "מסע לקוח", "a step of a citizen journey", "צעד במסע הלקוח", (
        C("journey", "מסע", "text", True, "Name of the journey.", "שם המסע.", example="Parking permit",
          example_he="תו חניה"),
        C("step", "צעד", "int", True, "Order of the step within the journey (1, 2, 3 …).", "מספר הצעד במסע (1, 2, 3 …).",
          lo=1, example=1),
        C("stage", "שלב", "text", True, "Stage of the journey (e.g. learn, apply, wait, receive).",
          "שלב המסע (למשל: בירור, הגשה, המתנה, קבלה).", example="Apply", example_he="הגשה"),
        C("touchpoint", "נקודת מגע", "text", True, "What the citizen does or meets at this step.",
          "מה הפונה עושה או פוגש בצעד זה.", example="Online form", example_he="טופס מקוון"),
        C("channel", "ערוץ", required=True, help_en="Channel of this step.", help_he="הערוץ של הצעד.", example="web", **_CH),
        C("unit", "יחידה", "text", False, "Unit that owns this step.", "היחידה האחראית לצעד."),
        C("emotion", "רגש", "int", False, "The citizen's feeling at this step, from -2 (very negative) to +2 (very positive).",
          "תחושת הפונה בצעד, מ־2- (שלילית מאוד) עד 2+ (חיובית מאוד).", lo=-2, hi=2, example=-1),
        C("pain_point", "נקודת כאב", "text", False, "What hurts at this step.", "מה כואב בצעד זה."),
        C("moment_of_truth", "רגע האמת", "enum", False, "yes if this step decides the experience.",
          "כן אם הצעד מכריע את החוויה.", enum="yesno", example="no"),
        C("backstage", "מאחורי הקלעים", "text", False, "Units or systems behind the step, out of the citizen's sight.",
          "יחידות או מערכות מאחורי הצעד, שהפונה אינו רואה."),
        C("evidence", "ביסוס", "enum", False, "Evidence for this step: none, partial or data.", "ביסוס הצעד: אין, חלקי או מבוסס נתונים.",
          enum="evidence", example="partial"),
    ), unique_together=("journey", "step")),
    Sheet("Standards", "אמות מידה לשירות", "a service commitment", "התחייבות שירות", (
        C("service_id", "מזהה שירות", "id", True, "A service_id, or * for all services.", "מזהה שירות, או * לכל השירותים.",
          example="*"),
        C("measure", "מדד", "text", True, "first_response_days, resolution_days, answer_seconds, or a kpi_id.",
          "first_response_days, resolution_days, answer_seconds או מזהה מדד.", example="resolution_days"),
        C("target", "יעד", "number", True, "The committed value.", "הערך שהארגון מתחייב אליו.", example=14),
        C("channel", "ערוץ", "text", False, "A channel, or * for all channels.", "ערוץ, או * לכל הערוצים.", example="*"),
        C("commitment_text", "נוסח ההתחייבות", "text", False, "The commitment as published to citizens.",
          "נוסח ההתחייבות כפי שפורסם לציבור."),
    ), unique_together=("service_id", "measure", "channel")),
    Sheet("Criteria", "קריטריונים", "a prioritisation criterion", "קריטריון לתעדוף", (
        C("criterion", "קריטריון", "text", True, "A numeric column of Services: effort, benefit, visibility, annual_volume, "
          "resources_days or citizen_reach.", "עמודה מספרית מגיליון השירותים: מאמץ, תועלת, נראות, היקף שנתי, משאבים או היקף פונים.",
          unique=True, example="benefit", example_he="תועלת"),
        C("direction", "כיוון", "enum", True, "benefit (more is better) or cost (less is better).",
          "תועלת (יותר עדיף) או עלות (פחות עדיף).", enum="criterion_direction", example="benefit"),
        C("weight", "משקל", "number", True, "Relative weight, 0 or more (normalised to sum to 1).",
          "משקל יחסי, 0 ומעלה (מנורמל לסכום 1).", lo=0, example=0.4),
    )),
    Sheet("Pairwise", "השוואות זוגיות", "one AHP judgement", "שיפוט זוגי אחד (AHP)", (
        C("criterion_a", "קריטריון א", "text", True, "First criterion.", "הקריטריון הראשון.", example="benefit",
          example_he="תועלת"),
        C("criterion_b", "קריטריון ב", "text", True, "Second criterion.", "הקריטריון השני.", example="effort",
          example_he="מאמץ"),
        C("value", "ערך", "judgement", True, "How much more important a is than b, 1/9 to 9 (e.g. 3 or 1/3).",
          "פי כמה א חשוב מ־ב, בין 1/9 ל־9 (למשל 3 או 1/3).", lo=1 / 9, hi=9, example="3"),
        C("rater", "מדרג", "text", False, "Who gave the judgement (for several raters).", "מי נתן את השיפוט (כשיש כמה מדרגים)."),
    ), unique_together=("criterion_a", "criterion_b", "rater")),
    Sheet("KPIs", "מדדים", "a service indicator", "מדד שירות", (
        C("kpi_id", "מזהה מדד", "id", True, "Short unique code of the KPI.", "קוד קצר וייחודי למדד.", unique=True, example="K01"),
        C("kpi_name", "שם המדד", "text", True, "Name of the KPI.", "שם המדד.", example="Calls answered within 60 s",
          example_he="שיחות שנענו תוך 60 שניות"),
        C("direction", "כיוון", "enum", True, "higher or lower is better.", "עולה (גבוה עדיף) או יורד (נמוך עדיף).",
          enum="kpi_direction", example="higher"),
        C("target", "יעד", "number", True, "Target value.", "ערך היעד.", example=0.8),
        C("unit_of_measure", "יחידת מידה", "text", False, "Unit of measure (%, days, seconds …).", "יחידת המידה (%, ימים, שניות …)."),
        C("owner", "אחראי", "text", False, "Who owns the KPI.", "האחראי למדד."),
        C("service_id", "מזהה שירות", "id", False, "The service the KPI measures, if one.", "השירות שהמדד מודד, אם יש."),
        C("kind", "סוג", "enum", False, "mean, proportion or count (chooses the control chart).",
          "ממוצע, שיעור או ספירה (קובע את סוג תרשים הבקרה).", enum="kpi_kind", example="proportion"),
        C("unit", "יחידה", "text", False,
          "Unit that owns the KPI (its manager's pack shows it); blank = the owner's unit from the Owners sheet, "
          "else the unit of its service.",
          "היחידה האחראית למדד (המדד יופיע בדף המנהל שלה); ריק = יחידת האחראי מגיליון האחראים, ואם אין — "
          "יחידת השירות.", example="Contact centre", example_he="המוקד העירוני"),
    )),
    Sheet("KPI values", "ערכי מדדים", "one measurement", "מדידה אחת", (
        C("kpi_id", "מזהה מדד", "id", True, "A kpi_id from the KPIs sheet.", "מזהה מדד מגיליון המדדים.", example="K01"),
        C("period", "תקופה", "period", True, "Month (2026-03) or date of the measurement; a year (2025) for an annual "
          "KPI (every value of the KPI typed as a year).", "חודש (2026-03) או תאריך המדידה; שנה (2025) למדד שנתי (כל "
          "ערכי המדד מוקלדים כשנה).",
          example="2026-03"),
        C("value", "ערך", "number", True, "Measured value.", "הערך שנמדד.", example=0.74),
        C("n", "מכנה", "number", False, "Denominator, for proportions.", "המכנה, למדדי שיעור.", lo=0, example=1250),
        C("unit", "יחידה", "text", False, "Unit the value belongs to, if not the whole organisation.", "היחידה שאליה שייך הערך."),
    ), unique_together=("kpi_id", "period", "unit"), aliases=("kpi_values", "kpivalues")),
    Sheet("Observations", "תצפיות", "one scored item of a service observation", "פריט אחד בתצפית שירות", (
        C("date", "תאריך", "date", True, "Date of the observation.", "תאריך התצפית.", example="2026-03-15"),
        C("unit", "יחידה", "text", True, "Observed unit.", "היחידה שנצפתה.", example="Front desk",
          example_he="קבלת קהל"),
        C("observer", "צופה", "text", True, "Who observed.", "מי צפה.", example="Observer A", example_he="צופה א'"),
        C("employee_code", "קוד עובד", "id", True, "Employee code (never a name).", "קוד העובד (לעולם לא שם).",
          identifier=True, example="E017"),
        C("item", "פריט", "text", True, "Observed item (listening, containing anger, setting boundaries kindly, "
          "complete solution, closing …).", "הפריט שנצפה (הקשבה, הכלת כעס, הצבת גבולות באופן שירותי, פתרון מלא, סיום …).",
          example="listening", example_he="הקשבה"),
        C("score", "ציון", required=True, help_en="Score 1 (poor) to 5 (excellent).", help_he="ציון 1 (חלש) עד 5 (מצוין).",
          example=4, **_SCORE5),
        C("note", "הערה", "text", False, "Feedback note.", "הערת משוב."),
    )),
    Sheet("Actions", "תוכנית פעולה", "one improvement action", "פעולת שיפור אחת", (
        C("action_id", "מזהה פעולה", "id", True, "Short unique code of the action.", "קוד קצר וייחודי לפעולה.", unique=True,
          example="A01"),
        C("action", "פעולה", "text", True, "What will be done.", "מה ייעשה.", example="Publish a checklist",
          example_he="פרסום רשימת המסמכים הנדרשים"),
        C("owner", "אחראי", "text", True, "Who is responsible.", "מי אחראי.", example="Head of parking",
          example_he="מנהל/ת מחלקת החניה"),
        C("due_date", "תאריך יעד", "date", True, "Date by which it should be done.", "המועד שעד אליו יש לבצע.",
          example="2026-05-31"),
        C("status", "סטטוס", "enum", True, "open, in progress, done or cancelled.", "פתוח, בביצוע, הושלם או בוטל.",
          enum="status", example="open"),
        C("finding", "ממצא", "text", False, "The finding the action answers, in words (for the reader; the link "
          "columns below say which finding it is).",
          "הממצא שהפעולה עונה עליו, במילים (לקורא; עמודות הקישור שלהלן קובעות לאיזה ממצא הכוונה)."),
        C("service_id", "מזהה שירות", "id", False, "The service concerned, if one.", "השירות הנוגע בדבר, אם יש."),
        C("source", "מקור", "enum", False, "Where the finding came from: journey, survey, kpi, observation or lesson.",
          "מקור הממצא: מסע, סקר, מדד, תצפית או לקח.", enum="action_source", example="journey"),
        C("kpi_id", "מזהה מדד", "id", False, "The KPI the action answers: a kpi_id from the KPIs sheet.",
          "המדד שהפעולה עונה עליו: מזהה מדד מגיליון המדדים.", example="K01"),
        C("journey", "מסע", "text", False, "The journey the action answers, named as in the Journey sheet.",
          "המסע שהפעולה עונה עליו, בשמו בגיליון מסע הלקוח.", example="Parking permit", example_he="תו חניה"),
        C("journey_step", "צעד במסע", "int", False,
          "The step of that journey (its number in the Journey sheet); blank = every step of the journey.",
          "הצעד באותו מסע (מספרו בגיליון מסע הלקוח); ריק = כל צעדי המסע.", lo=1, example=1),
        C("survey_item", "פריט בסקר", "text", False,
          "The survey item the action answers (satisfaction, trust, effectiveness, ease, efficiency, equity, "
          "helpfulness, nps, ces); it must be in the survey.",
          "פריט הסקר שהפעולה עונה עליו (שביעות רצון, אמון, אפקטיביות, קלות, יעילות, הוגנות, סיוע העובדים, "
          "נכונות להמליץ, מאמץ הפונה); עליו להופיע בסקר.", example="ease", example_he="קלות"),
        C("observation_item", "פריט תצפית", "text", False,
          "The observation item (frontline skill) the action answers, as written in the Observations sheet.",
          "פריט התצפית (מיומנות השירות) שהפעולה עונה עליו, כפי שנכתב בגיליון התצפיות.", example="listening",
          example_he="הקשבה"),
        C("lesson", "מזהה לקח", "id", False, "The reviewed event the action answers: a lesson_id from the Lessons sheet.",
          "האירוע שנבדק שהפעולה עונה עליו: מזהה לקח מגיליון הפקת הלקחים.", example="LL01"),
        C("unit", "יחידה", "text", False,
          "Unit that owns the action (its manager's pack shows it); blank = the owner's unit from the Owners sheet, "
          "else the unit of its service.",
          "היחידה האחראית לפעולה (הפעולה תופיע בדף המנהל שלה); ריק = יחידת האחראי מגיליון האחראים, ואם אין — "
          "יחידת השירות.", example="Parking", example_he="מחלקת החניה"),
    )),
    Sheet("Recommendations", "המלצות", "one recommendation of the consultant", "המלצה אחת של היועץ", (
        C("rec_id", "מזהה המלצה", "id", True, "Short unique code of the recommendation.", "קוד קצר וייחודי להמלצה.",
          unique=True, example="R01"),
        C("recommendation", "המלצה", "text", True, "What the organisation should do, in one sentence.",
          "מה הארגון צריך לעשות, במשפט אחד.", example="Publish one checklist of the documents each permit needs",
          example_he="פרסום רשימה אחת של המסמכים הנדרשים לכל היתר"),
        C("rationale", "נימוק", "text", False,
          "Why, in the consultant's words; the report adds the evidence the data gives through the link columns.",
          "מדוע, במילות היועץ; הדוח מוסיף את הראיות מהנתונים לפי עמודות הקישור.",
          example="Citizens come back with missing documents", example_he="פונים חוזרים עם מסמכים חסרים"),
        C("owner", "אחראי", "text", False, "Who should own it.", "מי צריך להיות אחראי לה.", example="Head of parking",
          example_he="מנהל/ת מחלקת החניה"),
        C("horizon", "טווח זמן", "text", False,
          "When: short term, medium term, long term, or a wave of the roadmap (wave 2, or just 2); other wording is "
          "kept as written.",
          "מתי: טווח קצר, טווח בינוני, טווח ארוך, או גל של מפת הדרכים (גל 2, או רק 2); כל ניסוח אחר נשמר כפי שנכתב.",
          example="short term", example_he="טווח קצר"),
        C("priority", "עדיפות", "enum", False, "high, medium or low.", "גבוהה, בינונית או נמוכה.", enum="priority",
          example="high"),
        C("service_id", "מזהה שירות", "id", False, "The service it concerns: a service_id from the Services sheet.",
          "השירות שבו היא עוסקת: מזהה שירות מגיליון השירותים.", example="S01"),
        C("kpi_id", "מזהה מדד", "id", False, "The KPI it should move: a kpi_id from the KPIs sheet.",
          "המדד שהיא אמורה לשפר: מזהה מדד מגיליון המדדים.", example="K01"),
        C("journey", "מסע", "text", False, "The journey it answers, named as in the Journey sheet.",
          "המסע שהיא עונה עליו, בשמו בגיליון מסע הלקוח.", example="Parking permit", example_he="תו חניה"),
        C("journey_step", "צעד במסע", "int", False,
          "The step of that journey (its number in the Journey sheet); blank = the whole journey.",
          "הצעד באותו מסע (מספרו בגיליון מסע הלקוח); ריק = המסע כולו.", lo=1, example=1),
        C("action_id", "מזהה פעולה", "id", False,
          "The action of the Actions sheet that carries it out; blank = no action yet (the report flags it).",
          "הפעולה מגיליון תוכנית הפעולה שמבצעת אותה; ריק = אין עדיין פעולה (הדוח מסמן זאת).", example="A01"),
    ), aliases=("recommendation", "consultant recommendations", "המלצות היועץ")),
    Sheet("Lessons", "הפקת לקחים", "one reviewed event", "אירוע שנבדק", (
        C("lesson_id", "מזהה לקח", "id", False, "Short unique code of the event, for the Actions sheet's lesson column.",
          "קוד קצר וייחודי לאירוע, לעמודת מזהה הלקח בגיליון תוכנית הפעולה.", unique=True, example="LL01"),
        C("date", "תאריך", "date", True, "Date of the event.", "תאריך האירוע.", example="2026-02-10"),
        C("unit", "יחידה", "text", True, "Unit where it happened.", "היחידה שבה קרה.", example="Call centre",
          example_he="המוקד העירוני"),
        C("event", "אירוע", "text", True, "What happened.", "מה קרה.", example="System outage",
          example_he="השבתת מערכת"),
        C("category", "קטגוריה", "text", True, "Category of the event.", "קטגוריית האירוע.", example="Systems",
          example_he="מערכות מידע"),
        C("lesson", "לקח", "text", False, "The lesson learned.", "הלקח שהופק."),
        C("action_id", "מזהה פעולה", "id", False, "The action it led to, if any.", "הפעולה שנבעה ממנו, אם יש."),
    )),
    Sheet("Owners", "אחראים", "an owner and the unit they belong to", "אחראי והיחידה שאליה הוא שייך", (
        C("owner", "אחראי", "text", True, "An owner as written in the KPIs and Actions sheets.",
          "אחראי כפי שנכתב בגיליונות המדדים ותוכנית הפעולה.", unique=True, example="Head of parking",
          example_he="מנהל/ת מחלקת החניה"),
        C("unit", "יחידה", "text", True, "The unit the owner belongs to: their KPIs and actions go to its manager's pack.",
          "היחידה שאליה האחראי שייך: המדדים והפעולות שלו יופיעו בדף המנהל שלה.", example="Parking",
          example_he="מחלקת החניה"),
    ), aliases=("owner units", "owner to unit")),
    Sheet("Scales", "סולמות", "a scale or an answer label of a companion column", "סולם או תווית תשובה בעמודה של קובץ נלווה", (
        C("file", "קובץ", "enum", True, "survey or training.", "סקר או הדרכה.", enum="companion_file", example="survey"),
        C("column", "עמודה", "text", True, "Our column name (satisfaction, nps, pre_score …), or * for every scored column "
          "of the file.", "שם העמודה אצלנו (שביעות רצון, ציון לפני …), או * לכל העמודות המדורגות בקובץ.",
          example="satisfaction", example_he="שביעות רצון"),
        C("scale", "סולם", "text", False, "The column's scale: 1-5, 1-7, 0-10, 1-10 or 0-100 (percent).",
          "סולם העמודה: 1-5, 1-7, 0-10, 1-10 או 0-100 (אחוזים).", example="1-5"),
        C("label", "תווית", "text", False, "An answer written as words in the export.", "תשובה שנכתבה במילים בקובץ.",
          example="Very good", example_he="טוב מאוד"),
        C("value", "ערך", "number", False, "The score the label stands for, on the column's scale; blank = "
          "don't know (counted, left out of the results).",
          "הציון שהתווית מייצגת, בסולם העמודה; ריק = לא יודע (נספר, אינו נכלל בתוצאות).", example=4),
    ), aliases=("scale", "labels", "תוויות")),
    Sheet("Columns", "מיפוי עמודות", "a column of a companion file mapped to ours", "עמודה בקובץ נלווה ומקבילתה אצלנו", (
        C("file", "קובץ", "enum", True, "cases, survey or training.", "פניות, סקר או הדרכה.", enum="companion_file",
          example="cases"),
        C("their_column", "העמודה אצלם", "text", True, "Column name in the client's export.", "שם העמודה בקובץ של הלקוח.",
          example="Ticket", example_he="מספר קריאה"),
        C("our_column", "העמודה אצלנו", "text", True, "Our column name (see the companion files below).",
          "שם העמודה אצלנו (ראו הקבצים הנלווים).", example="case_id", example_he="מזהה פנייה"),
    ), aliases=("column map",)),
)

# --------------------------------------------------------------------------- companion files
_XES = {  # names used by XES/pm4py exports, recognised without a column map
    "case_id": ("case:concept:name", "case concept name", "case", "ticket", "ticket id", "מספר פנייה"),
    "activity": ("concept:name", "activity name", "task", "פעילות"),
    "timestamp": ("time:timestamp", "time", "datetime", "זמן", "חותמת זמן", "opened", "opened at", "open date",
                  "תאריך פתיחה", "מועד פתיחה"),
    "unit": ("org:group", "group", "department", "מחלקה"),
    "resource": ("org:resource", "resource", "user", "agent", "עובד מטפל"),
    "channel": ("case:channel",),
    "deadline": ("case:deadline",),
}

COMPANIONS: tuple[Sheet, ...] = (
    Sheet("cases", "פניות", "one event of a case", "אירוע אחד בפנייה", (
        C("case_id", "מזהה פנייה", "id", True, "Case or inquiry number.", "מספר הפנייה.", aliases=_XES["case_id"]),
        C("activity", "פעילות", "text", True, "What happened (received, assigned, answered, closed …).",
          "מה קרה (התקבלה, הועברה, נענתה, נסגרה …).", aliases=_XES["activity"]),
        C("timestamp", "מועד", "timestamp", True, "When it happened (offsets such as +02:00 are normalised to UTC).",
          "מתי זה קרה (הפרשי שעון מנורמלים ל־UTC).", aliases=_XES["timestamp"]),
        C("channel", "ערוץ", "text", False, "Channel of the case.", "ערוץ הפנייה.", aliases=_XES["channel"]),
        C("unit", "יחידה", "text", False, "Unit handling the event.", "היחידה המטפלת.", aliases=_XES["unit"]),
        C("resource", "גורם מטפל", "text", False, "Employee or team handling the event.", "העובד או הצוות המטפל.",
          identifier=True, aliases=_XES["resource"]),
        C("citizen_id", "מזהה פונה", "id", False, "Citizen identifier (pseudonymised on load).", "מזהה הפונה (מוחלף בכינוי בטעינה).",
          identifier=True, aliases=("customer", "customer id", "applicant", "תעודת זהות", "ת.ז.")),
        C("end_timestamp", "מועד סיום", "timestamp", False,
          "When the event ended, if recorded; in an export of one row per case, when the case was closed.",
          "מתי האירוע הסתיים, אם נרשם; בקובץ של שורה אחת לכל פנייה: מתי הפנייה נסגרה.",
          aliases=("closed", "closed at", "close date", "תאריך סגירה", "מועד סגירה")),
        C("outcome", "תוצאה", "text", False, "Outcome of the case (e.g. resolved).", "תוצאת הפנייה (למשל: נפתרה)."),
        C("deadline", "מועד יעד", "timestamp", False, "The case's own deadline.", "מועד היעד של הפנייה.", aliases=_XES["deadline"]),
        C("service_id", "מזהה שירות", "id", False, "The service of the case.", "השירות של הפנייה."),
    )),
    Sheet("survey", "סקר", "one response", "תשובה אחת", (
        C("response_id", "מזהה תשובה", "id", True, "Response number.", "מספר התשובה.", unique=True),
        C("date", "תאריך", "date", True, "Date of the response.", "תאריך התשובה."),
        C("channel", "ערוץ", "text", False, "Channel the respondent used.", "הערוץ שבו השתמש המשיב."),
        C("unit", "יחידה", "text", False, "Unit that served the respondent.", "היחידה שנתנה את השירות."),
        C("service_id", "מזהה שירות", "id", False, "Service used.", "השירות שניתן."),
        C("wave", "גל", "text", False, "Measurement wave (e.g. 2026Q1).", "גל המדידה (למשל 2026Q1)."),
        *(C(k, h, required=False, help_en=f"{k.capitalize()} (1 strongly disagree … 5 strongly agree).",
            help_he=f"{h} (1 מתנגד מאוד … 5 מסכים מאוד).", **_SCORE5)
          for k, h in (("satisfaction", "שביעות רצון"), ("trust", "אמון"), ("effectiveness", "אפקטיביות"),
                       ("ease", "קלות"), ("efficiency", "יעילות"), ("equity", "הוגנות"), ("helpfulness", "סיוע העובדים"))),
        C("nps", "נכונות להמליץ", "score", False, "Likelihood to recommend, 0 to 10.", "נכונות להמליץ, 0 עד 10.", lo=0, hi=10),
        C("ces", "מאמץ הפונה", "score", False, "Customer effort score 2.0, 1 to 7.", "מדד מאמץ הפונה, 1 עד 7.", lo=1, hi=7),
        C("comment", "הערה", "text", False, "Free-text comment (personal details are redacted).", "הערה חופשית (פרטים אישיים מושמטים)."),
        C("citizen_id", "מזהה פונה", "id", False, "Respondent identifier (pseudonymised on load).", "מזהה המשיב (מוחלף בכינוי).",
          identifier=True),
    )),
    Sheet("training", "הדרכה", "one skill assessment", "הערכת מיומנות אחת", (
        C("employee_code", "קוד עובד", "id", True, "Employee code (pseudonymised on load).", "קוד העובד (מוחלף בכינוי).",
          identifier=True),
        C("skill", "מיומנות", "text", True, "Skill assessed.", "המיומנות שהוערכה."),
        C("pre_score", "ציון לפני", "number", True,
          "Score before the training, on one scale for the whole file: 1–5, 1–10, 0–100 or percent (85%); "
          "declare it in the Scales sheet if the values do not show it.",
          "ציון לפני ההדרכה, בסולם אחד לכל הקובץ: 1–5, 1–10, 0–100 או אחוזים (85%); אם הערכים אינם מראים אותו, "
          "יש להגדירו בגיליון הסולמות.", lo=1, hi=5),
        C("post_score", "ציון אחרי", "number", True, "Score after the training, on the same scale as pre_score.",
          "ציון אחרי ההדרכה, באותו סולם כמו הציון לפני.", lo=1, hi=5),
        C("unit", "יחידה", "text", False, "Unit of the employee.", "יחידת העובד."),
        C("date", "תאריך", "date", False, "Date of the post assessment.", "תאריך ההערכה שאחרי."),
    )),
)

#: Measures that a Standards row may name besides a kpi_id.
STANDARD_MEASURES = ("first_response_days", "resolution_days", "answer_seconds")

#: The report's sections in report order (``svcwork.report.SECTIONS`` has the same keys): what the
#: Engagement setting ``sections`` names, by key, by title (``report.section.<key>`` in either
#: language) or by one of the short names below.  The intake review is always in the report.
REPORT_SECTIONS = ("intake", "prioritization", "journeys", "measures", "management")
SECTION_ALIASES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "intake": ("intake review", "קליטה", "נתוני הקליטה"),
    "prioritization": ("prioritisation", "priorities", "prioritization and roadmap", "roadmap", "תעדוף",
                       "תעדוף שירותים", "מפת דרכים"),
    "journeys": ("journey", "citizen journeys", "processes", "מסעות", "מסעות לקוח", "תהליכים"),
    "measures": ("measurement", "measures and control", "survey and kpis", "מדידה", "מדידה ובקרה", "מדדים"),
    "management": ("service management", "moment of truth", "ניהול", "ניהול השירות", "רגע האמת"),
})

#: Numeric Services columns that may serve as prioritisation criteria.
CRITERIA_COLUMNS = ("effort", "benefit", "visibility", "annual_volume", "resources_days", "citizen_reach")

#: Frontline skills of the method, offered as observation items in the template.
FRONTLINE_SKILLS = (
    ("listening", "הקשבה"),
    ("containing anger", "הכלת כעס"),
    ("setting boundaries kindly", "הצבת גבולות באופן שירותי"),
    ("complete solution", "פתרון מלא (מניעת הישנות)"),
    ("closing", "סיום השיחה"),
)


#: Other names of the frontline skills (any language), read as the skill in Observations, training
#: and the Actions sheet's ``observation_item``.
FRONTLINE_ALIASES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "listening": ("active listening", "הקשבה פעילה"),
    "containing anger": ("anger", "handling anger", "הכלה", "הכלת כעס של פונה"),
    "setting boundaries kindly": ("setting boundaries", "boundaries", "הצבת גבולות"),
    "complete solution": ("complete solution (no recurrence)", "solving completely", "full solution", "פתרון מלא"),
    "closing": ("closing the conversation", "סיום", "סגירה", "סגירת השיחה"),
})


def skill_key(name: object) -> str | None:
    """The frontline skill (its English key) that *name* stands for, in either language; None for other items."""
    norm = normalize_name(name)
    for en, he in FRONTLINE_SKILLS:
        if norm in {normalize_name(n) for n in (en, he, *FRONTLINE_ALIASES.get(en, ()))}:
            return en
    return None


def sheet(key: str) -> Sheet:
    """The intake sheet with canonical key *key* (e.g. ``"Services"``)."""
    for s in SHEETS:
        if s.key == key:
            return s
    raise KeyError(key)


#: The survey's scored items (its 1–5, 0–10 and 1–7 columns): what the Actions sheet's ``survey_item`` may name.
SURVEY_ITEMS: tuple[str, ...] = tuple(c.key for c in COMPANIONS[1].columns if c.kind == "score")


def companion(key: str) -> Sheet:
    """The companion-file schema *key* (``cases``, ``survey`` or ``training``)."""
    for s in COMPANIONS:
        if s.key == key:
            return s
    raise KeyError(key)


def _check_schema() -> None:
    for group in (SHEETS, COMPANIONS):
        for s in group:
            seen: set[str] = set()
            for c in s.columns:
                assert c.key not in seen, (s.key, c.key)
                seen.add(c.key)
                assert c.enum is None or c.enum in ENUMS, (s.key, c.key, c.enum)
                assert c.example_he is None or (c.example is not None and c.kind not in ("enum", "id")
                                                and re.search("[\u05d0-\u05ea]", str(c.example_he))), (s.key, c.key)
                assert c.kind != "enum" or c.example is None or c.example in ENUMS[c.enum].keys, (s.key, c.key)
                assert c.kind in {"id", "text", "int", "number", "score", "date", "period", "enum", "ids", "judgement",
                                  "timestamp", "list"}, (s.key, c.key, c.kind)


_check_schema()
