"""The template messages of the catalogue (``template.*`` keys): English and Hebrew, see :mod:`svcwork.i18n`."""

from __future__ import annotations

# --------------------------------------------------------------------------- template
MESSAGES = {
    "template.instructions": ("Instructions", "הוראות"),
    "template.title": ("svcwork intake form", "טופס קליטה — svcwork"),
    "template.intro": ("Fill in one sheet per topic, one row per item. Required columns have dark headers, optional "
                       "columns light ones; point at a header to read its explanation. Grey italic rows are examples: "
                       "overwrite or delete them (a row left exactly as the example is ignored). Values in lists can be "
                       "chosen from the drop-down. Sheets other than Engagement and Services may be left empty; the "
                       "analyses that need them are then skipped. The table below describes every sheet and column.",
                       "יש למלא גיליון לכל נושא, שורה לכל פריט. לעמודות החובה כותרת כהה ולעמודות הרשות כותרת בהירה; "
                       "מעבר עם העכבר על כותרת מציג את ההסבר שלה. השורות האפורות והנטויות הן דוגמה: יש לכתוב עליהן או "
                       "למחוק אותן (שורה שנשארה בדיוק כמו הדוגמה אינה נקראת). ערכים מרשימה נבחרים מהרשימה הנפתחת. "
                       "אפשר להשאיר ריקים את כל הגיליונות מלבד פרטי הארגון ושירותים; הניתוחים שנזקקים להם לא יבוצעו. "
                       "הטבלה שלהלן מתארת כל גיליון וכל עמודה."),
    "template.col.sheet": ("Sheet", "גיליון"),
    "template.col.one_row": ("One row is", "כל שורה היא"),
    "template.col.column": ("Column", "עמודה"),
    "template.col.required": ("Required", "חובה"),
    "template.col.type": ("Type", "סוג"),
    "template.col.allowed": ("Allowed values", "ערכים מותרים"),
    "template.col.help": ("Help", "הסבר"),
    "template.yes": ("yes", "כן"),
    "template.no": ("no", "לא"),
    "template.field": ("field", "שדה"),
    "template.value": ("value", "ערך"),
    "template.error_title": ("Value not allowed", "ערך לא מותר"),
    "template.list_error": ("Choose a value from the list.", "יש לבחור ערך מהרשימה."),
    "template.range_error": ("Enter a whole number from {lo} to {hi}.", "יש להזין מספר שלם בין {lo} ל־{hi}."),
    "template.min_error": ("Enter a number of {lo} or more.", "יש להזין מספר {lo} ומעלה."),
    "template.kind.id": ("identifier", "מזהה"),
    "template.kind.text": ("text", "טקסט"),
    "template.kind.int": ("whole number", "מספר שלם"),
    "template.kind.number": ("number", "מספר"),
    "template.kind.score": ("score", "ציון"),
    "template.kind.date": ("date", "תאריך"),
    "template.kind.period": ("month or date", "חודש או תאריך"),
    "template.kind.enum": ("list", "רשימה"),
    "template.kind.ids": ("identifiers, comma-separated", "מזהים מופרדים בפסיקים"),
    "template.kind.judgement": ("1/9 … 9", "‎1/9 … 9‎"),
    "template.kind.timestamp": ("date and time", "תאריך ושעה"),
    "template.kind.list": ("values, comma-separated", "ערכים מופרדים בפסיקים"),
    "template.col.example": ("Example", "דוגמה"),
    "template.unique": ("unique", "ייחודי"),
    "template.legend": ("Legend", "מקרא"),
    "template.legend.required": ("Required column", "עמודת חובה"),
    "template.legend.optional": ("Optional column", "עמודת רשות"),
    "template.legend.example": ("Example row (ignored)", "שורת דוגמה (אינה נקראת)"),
    "template.companions": ("Companion files: separate files next to intake.xlsx (CSV, .xlsx or .parquet), each optional",
                            "קבצים נלווים: קבצים נפרדים לצד intake.xlsx ‏(CSV, ‎.xlsx‎ או ‎.parquet‎), כל אחד לפי הצורך"),
    "template.lists_sheet": ("lists", "רשימות"),
    "template.decimal_range_error": ("Enter a number from {lo} to {hi}.", "יש להזין מספר בין {lo} ל־{hi}."),
    "template.whole_min_error": ("Enter a whole number of {lo} or more.", "יש להזין מספר שלם {lo} ומעלה."),
    "template.suggest_title": ("Value not in the list", "ערך שאינו ברשימה"),
    "template.item_warning": ("This is not one of the method's frontline skills; other items are allowed too. Keep it?",
                              "זו אינה אחת ממיומנויות השירות של השיטה; מותר גם פריט אחר. להשאיר את הערך?"),
    "template.survey_item_warning": ("This is not the name of a survey item; the survey's other names of an item are "
                                     "allowed too. Keep it?",
                                     "זה אינו שם של פריט בסקר; גם שמות אחרים של פריט בסקר מותרים. להשאיר?"),
    "template.measure_warning": ("This is not a standard measure; a kpi_id from the KPIs sheet is allowed too. Keep it?",
                                 "זה אינו מדד תקני; מותר גם מזהה מדד מגיליון המדדים. להשאיר את הערך?"),
    "template.horizon_warning": ("This is not one of the suggested horizons; a wave of the roadmap (wave 4) or other "
                                 "wording is allowed too. Keep it?",
                                 "זה אינו אחד מטווחי הזמן המוצעים; מותר גם גל של מפת הדרכים (גל 4) או ניסוח אחר. "
                                 "להשאיר את הערך?"),
    "template.judgement_warning": ("Expected a judgement between 1/9 and 9 (e.g. 3 or 1/3). Keep it?",
                                   "נדרש שיפוט בין 1/9 ל־9 (למשל 3 או 1/3). להשאיר את הערך?"),
    "template.allowed.suggested": ("suggested: {values}; other values are allowed", "מוצע: {values}; מותרים גם ערכים אחרים"),
    "template.allowed.measure": ("{values}, or a kpi_id of the KPIs sheet", "{values}, או מזהה מדד מגיליון המדדים"),
    "template.ref.title": ("Intake field reference", "מדריך השדות של טופס הקליטה"),
    "template.ref.generated": ("Generated from `svcwork/schema.py` by `svcwork reference` (`make templates`); do not edit "
                               "by hand.",
                               "נוצר מתוך ‎`svcwork/schema.py`‎ בפקודה ‎`svcwork reference`‎ ‏(‎`make templates`‎); אין לערוך ידנית."),
    "template.ref.intro": ("A client hands in one folder: `intake.xlsx` (from `templates/intake_he.xlsx` or "
                           "`templates/intake_en.xlsx`) and optional companion files. Sheet names, headers and list "
                           "values are accepted in Hebrew or English; case, surrounding spaces and `_`/space differences "
                           "are ignored.",
                           "הלקוח מוסר תיקייה אחת: ‎`intake.xlsx`‎ (מתוך התבנית בעברית או באנגלית) וקבצים נלווים לפי הצורך. "
                           "שמות גיליונות, כותרות וערכי רשימות מתקבלים בעברית או באנגלית; אין הבדל בין אותיות גדולות "
                           "לקטנות, רווחים בקצוות וקו תחתון לעומת רווח."),
    "template.ref.sheets": ("Sheets of intake.xlsx", "הגיליונות של intake.xlsx"),
    "template.ref.enums": ("Lists of allowed values", "רשימות הערכים המותרים"),
    "template.ref.companions": ("Companion files", "קבצים נלווים"),
    "template.ref.files": ("Accepted file names: {names} (and the other suffixes above).",
                           "שמות קבצים מתקבלים: {names} (ובסיומות האחרות שלמעלה)."),
    "template.ref.exports": (
        "Real exports are read as meant, or the problem says what was guessed. File types: {suffixes}. A companion "
        "is found by its English or Hebrew name (cases/פניות, survey/סקר, training/הדרכה), by a browser's copy name "
        "(cases (1).csv, with a warning), as parts of a split export (cases-1.csv, cases-2.csv …, read in order), or "
        "by the Engagement settings cases_file, survey_file, training_file (a name, names separated by commas, or a "
        "pattern). Every other data file in the folder is named in a warning. Text files: UTF-8 (with or without "
        "BOM), UTF-16 or Windows-1255, detected strictly (bytes that fit no encoding are replaced and reported with "
        "their lines); any of , ; tab | as separator; title lines above the header are skipped. Sheets: the visible "
        "sheets whose header row names the file's required columns (several with the same columns are read one after "
        "another, with a warning; with different columns, or a copy of another, they are an error; a hidden sheet "
        "is read only when no visible one holds the data; other sheets are named in a warning); merged cells are "
        "filled from their top-left value; a formula Excel never calculated is an error naming its cell; EMPTY, "
        "NULL, N/A, #N/A or - in names, codes and times are read as missing, counted in a warning. XES: traces' concept:name is "
        "the case, events' concept:name, time:timestamp, org:resource, org:group are read, other attributes by name. "
        "Dates: ISO, day-first or month-first (with AM/PM), compact (20250501081653), Excel serials and date cells; "
        "where day and month could be swapped the order is proven from the data (a day above 12), else date_order "
        "decides, else the default (DMY for Hebrew, MDY for English) is used with a warning; an order the data "
        "contradicts is an error. Times without an offset are in the engagement's timezone; the repeated autumn hour "
        "is placed by the order of events in the case, a time in the skipped spring hour is read as standard time, "
        "both with a warning. Values far outside the engagement period, and cases whose events run backwards in "
        "time, are reported. An export with one row per case (opened/closed columns) is read; what needs events "
        "(hand-offs, first-contact resolution, variants) is marked not measurable.",
        "קבצים כפי שמערכות הלקוח מייצאות אותם נקראים כפי שהתכוונו, או שהבעיה מציינת מה הונח. סוגי קבצים: {suffixes}. "
        "קובץ נלווה נמצא לפי שמו בעברית או באנגלית (פניות/cases, סקר/survey, הדרכה/training), לפי שם של עותק "
        "שהדפדפן יצר (cases (1).csv, עם אזהרה), כחלקים של ייצוא מפוצל (cases-1.csv, cases-2.csv …, נקראים לפי "
        "הסדר), או לפי ההגדרות קובץ פניות, קובץ סקר, קובץ הדרכה בגיליון פרטי הארגון (שם, כמה שמות מופרדים בפסיקים "
        "או תבנית). כל קובץ נתונים אחר בתיקייה מצוין באזהרה. קובצי טקסט: UTF-8 (עם או בלי BOM), UTF-16 או "
        "Windows-1255, בזיהוי קפדני (בתים שאינם מתאימים לשום קידוד מוחלפים ומדווחים עם מספרי השורות); מפריד: פסיק, "
        "נקודה־פסיק, טאב או |; שורות כותרת מעל שורת הכותרות מדולגות. גיליונות: הגיליונות הגלויים ששורת הכותרות "
        "שלהם מציינת את העמודות הנדרשות של הקובץ (כמה גיליונות עם אותן עמודות נקראים זה אחר זה, עם אזהרה; עם עמודות "
        "שונות, או כשאחד הוא עותק של אחר, זו שגיאה; גיליון מוסתר נקרא רק כשאין גיליון גלוי עם הנתונים; גיליונות אחרים "
        "מצוינים באזהרה); תאים ממוזגים ממולאים מהערך שבפינתם; נוסחה שאקסל לא חישב היא שגיאה המציינת את התא; EMPTY, "
        "NULL, ‏N/A, ‏#N/A או - בשמות, בקודים ובמועדים נקראים כחסרים, ונספרים באזהרה. XES: concept:name של רצף הוא הפנייה; concept:name, time:timestamp, "
        "org:resource, org:group של אירוע נקראים, ושאר התכונות לפי שמן. תאריכים: ISO, יום־קודם או חודש־קודם (עם "
        "AM/PM), רצף ספרות (20250501081653), מספרים סידוריים של אקסל ותאי תאריך; כשאפשר להחליף בין יום לחודש, הסדר "
        "מוכח מהנתונים (יום גדול מ־12), אחרת קובע סדר התאריכים, ואחרת ברירת המחדל (יום/חודש/שנה לעברית, חודש/יום/שנה "
        "לאנגלית) עם אזהרה; סדר שהנתונים סותרים הוא שגיאה. מועדים ללא הפרש שעון הם באזור הזמן של הפרויקט; השעה "
        "שחוזרת בסתיו ממוקמת לפי סדר האירועים בפנייה, ומועד בשעה שדולגה באביב נקרא לפי שעון החורף, שניהם עם אזהרה. "
        "ערכים רחוקים מתקופת הפרויקט ופניות שהאירועים שלהן הולכים אחורה בזמן מדווחים. קובץ של שורה אחת לכל פנייה "
        "(עמודות פתיחה וסגירה) נקרא; מה שדורש אירועים (העברות, פתרון בפנייה ראשונה, גרסאות תהליך) מסומן כלא ניתן "
        "למדידה."),
    "template.ref.scales": ("Answer labels and scales", "תוויות תשובה וסולמות"),
    "template.ref.scales_text": (
        "Survey answers may be numbers or words. The labels below are read without a mapping (Hebrew gender forms "
        "such as מסכים/ה or מסכימה too, and a leading code such as “5 - Strongly agree”); don't-know answers are "
        "counted and left out. A client's own labels go in the Scales sheet (file, column or *, label, value). An "
        "item on another scale (1–7, 0–10, 1–10, 0–100) is declared there, or taken from the values when at least "
        "5 answers and 10% lie above 5 (percent strings prove 0–100), with a warning; it is placed on 1–5 in "
        "proportion (1 + 4·(x − lo)/(hi − lo)), which keeps the 0–100 mean exact and makes “agree” the top quarter "
        "of the scale (4–5 on 1–5, 6–7 on 1–7, 8–10 on 0–10 and 1–10, 75–100 on 0–100). Training scores stay on "
        "their own scale (1–5, 1–10, 0–100 or percent), one per file.",
        "תשובות סקר יכולות להיות מספרים או מילים. התוויות שלהלן נקראות ללא מיפוי (גם צורות כגון מסכים/ה או מסכימה, "
        "וגם קוד מוביל כגון „5 - מסכים מאוד”); תשובות „לא יודע/ת” נספרות ואינן נכללות. תוויות של הלקוח נכתבות "
        "בגיליון הסולמות (קובץ, עמודה או *, תווית, ערך). פריט בסולם אחר (1–7, 0–10, 1–10, 0–100) מוגדר שם, או "
        "נלקח מהערכים כשלפחות 5 תשובות ו־10% מהן גדולות מ־5 (ערכי אחוזים מוכיחים 0–100), עם אזהרה; הוא מומר ל־1–5 "
        "באופן יחסי (1 + 4·(x − lo)/(hi − lo)), כך שהממוצע בסולם 0–100 נשמר ו„מסכים” הוא הרבע העליון של הסולם "
        "(4–5 ב־1–5, 6–7 ב־1–7, 8–10 ב־0–10 וב־1–10, 75–100 ב־0–100). ציוני הדרכה נשארים בסולם שלהם (1–5, 1–10, "
        "0–100 או אחוזים), סולם אחד לקובץ."),
    "template.ref.value": ("Score", "ציון"),
    "template.ref.labels": ("Labels read as this score", "תוויות שנקראות כציון זה"),
    "template.ref.problems": ("Problem codes", "קודי בעיות"),
    "template.ref.problems_text": (
        "Every problem svcwork validate reports has a stable code; the message (in the workbook's language) says "
        "what was found, what was expected and how to fix it.",
        "לכל בעיה ש־svcwork validate מדווח קוד קבוע; ההודעה (בשפת החוברת) אומרת מה נמצא, מה נדרש ואיך לתקן."),
    "template.ref.code": ("Code", "קוד"),
    "template.ref.key": ("English key", "מפתח באנגלית"),
    "template.ref.hebrew": ("Hebrew name", "שם בעברית"),
    "template.ref.english": ("English name", "שם באנגלית"),
    "template.ref.range": ("Range", "טווח"),
    "template.ref.default": ("Default", "ברירת מחדל"),
    "template.ref.allowed_en": ("Allowed values (English)", "ערכים מותרים (אנגלית)"),
    "template.ref.allowed_he": ("Allowed values (Hebrew)", "ערכים מותרים (עברית)"),
    "template.ref.help_en": ("Help (English)", "הסבר (אנגלית)"),
    "template.ref.help_he": ("Help (Hebrew)", "הסבר (עברית)"),
    "template.ref.one_row_he": ("One row is (Hebrew)", "כל שורה היא (עברית)"),
    "template.ref.aliases": ("Also accepted", "שמות נוספים שמתקבלים"),
    "template.ref.required_sheet": ("Required sheet", "גיליון חובה"),
    "template.ref.unique_together": ("Unique together", "ייחודי בצירוף"),
    "template.ref.list": ("List", "רשימה"),
    "template.ref.used_by": ("Used by", "בשימוש ב"),
}
