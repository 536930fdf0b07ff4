"""Every user-facing string, in Hebrew and English.

Terms follow ``shared/docs/glossary.md``.  Use :func:`t` to look a message up::

    t("intake.out_of_range", "he", lo=1, hi=5, value=7)

Keys are grouped by the module that uses them (``intake.*``, ``report.*``, ``analysis.*``,
``cli.*``).  A test checks that every key has both languages and the same placeholders.
"""

from __future__ import annotations

import string
from types import MappingProxyType
from typing import Mapping

__all__ = ["t", "CATALOGUE", "LANGUAGES", "fmt_number", "fmt_percent", "fmt_date", "direction"]

LANGUAGES = ("he", "en")

# --------------------------------------------------------------------------- intake / validation
_INTAKE = {
    "intake.file_missing": ("File not found: {path}. Expected an intake workbook (intake.xlsx) or a client folder holding one.",
                            "הקובץ לא נמצא: {path}. נדרש קובץ קליטה (intake.xlsx) או תיקיית לקוח שמכילה אותו."),
    "intake.no_intake": ("No intake.xlsx in {path}. Expected a client folder with intake.xlsx (and optional cases, survey, "
                         "training files).",
                         "אין intake.xlsx בתיקייה {path}. נדרשת תיקיית לקוח עם intake.xlsx (וקובצי פניות, סקר והדרכה לפי הצורך)."),
    "intake.not_xlsx_xls": ("This is an old Excel 97–2003 (.xls) workbook; expected an .xlsx workbook. Open it in Excel and "
                            "save it as .xlsx.",
                            "זהו קובץ Excel ישן (‎.xls‎); נדרש קובץ ‎.xlsx‎. יש לפתוח אותו ב־Excel ולשמור בשם כ־‎.xlsx‎."),
    "intake.not_xlsx_text": ("This is a text (CSV) file, not an Excel workbook; expected an .xlsx workbook made from the "
                             "svcwork template.",
                             "זהו קובץ טקסט (CSV) ולא חוברת Excel; נדרש קובץ ‎.xlsx‎ שנבנה מתבנית svcwork."),
    "intake.not_xlsx_other": ("This file is not an Excel .xlsx workbook (found {kind}); expected an .xlsx workbook made "
                              "from the svcwork template.",
                              "הקובץ אינו חוברת Excel מסוג ‎.xlsx‎ (נמצא: {kind}); נדרש קובץ ‎.xlsx‎ שנבנה מתבנית svcwork."),
    "intake.encrypted": ("The workbook is password-protected; expected an unprotected workbook. Remove the password "
                         "(File › Info › Protect Workbook) and send it again.",
                         "החוברת מוגנת בסיסמה; נדרשת חוברת ללא סיסמה. יש להסיר את הסיסמה (קובץ › מידע › הגן על חוברת) "
                         "ולשלוח שוב."),
    "intake.corrupt": ("The workbook cannot be read ({detail}); expected a valid .xlsx file. Open it in Excel, check it, "
                       "and save it again.",
                       "לא ניתן לקרוא את החוברת ({detail}); נדרש קובץ ‎.xlsx‎ תקין. יש לפתוח ב־Excel, לבדוק ולשמור מחדש."),
    "intake.too_large": ("The file is {size} MB; the limit is {limit} MB. Split the export or raise SVCWORK_MAX_MB.",
                         "גודל הקובץ {size} MB; המגבלה היא {limit} MB. יש לפצל את הקובץ או להגדיל את SVCWORK_MAX_MB."),
    "intake.zip_bomb": ("The workbook expands to more than {limit} MB when unpacked (found {size} MB); refused as unsafe.",
                        "החוברת מתרחבת ליותר מ־{limit} MB בפריסה (נמצא {size} MB); נדחתה כלא בטוחה."),
    "intake.unsafe_xml": ("The workbook contains XML that is refused as unsafe ({detail}).",
                          "החוברת מכילה XML שנדחה כלא בטוח ({detail})."),
    "intake.sheet_missing": ("Required sheet “{sheet}” is missing; expected a sheet named “{he}” or “{en}”. Found sheets: "
                             "{found}.",
                             "הגיליון הנדרש „{sheet}” חסר; נדרש גיליון בשם „{he}” או „{en}”. גיליונות שנמצאו: {found}."),
    "intake.sheet_empty": ("Sheet “{sheet}” is missing or empty; the analyses that need it are skipped.",
                           "הגיליון „{sheet}” חסר או ריק; הניתוחים שנזקקים לו לא יבוצעו."),
    "intake.header_missing": ("No header row found in sheet “{sheet}”; expected a row with the column names, e.g. {expected}.",
                              "לא נמצאה שורת כותרות בגיליון „{sheet}”; נדרשת שורה עם שמות העמודות, למשל {expected}."),
    "intake.column_missing": ("Required column “{column}” is missing; expected a header “{he}” or “{en}”. Found: {found}.",
                              "העמודה הנדרשת „{column}” חסרה; נדרשת כותרת „{he}” או „{en}”. נמצאו: {found}."),
    "intake.column_duplicate": ("Column “{column}” appears twice (columns {first} and {second}); only the first is read.",
                                "העמודה „{column}” מופיעה פעמיים (עמודות {first} ו־{second}); נקראת רק הראשונה."),
    "intake.required_empty": ("“{column}” is empty; a value is required.", "„{column}” ריק; נדרש ערך."),
    "intake.not_number": ("Expected a number, found “{value}”.", "נדרש מספר, נמצא „{value}”."),
    "intake.not_integer": ("Expected a whole number, found “{value}”.", "נדרש מספר שלם, נמצא „{value}”."),
    "intake.not_date": ("Expected a date (e.g. 2026-03-31 or 31/03/2026), found “{value}”.",
                        "נדרש תאריך (למשל 31/03/2026 או 2026-03-31), נמצא „{value}”."),
    "intake.not_timestamp": ("Expected a date and time (e.g. 2026-03-31 14:05), found “{value}”.",
                             "נדרשים תאריך ושעה (למשל 31/03/2026 14:05), נמצא „{value}”."),
    "intake.not_judgement": ("Expected a judgement between 1/9 and 9 (e.g. 3 or 1/3), found “{value}”.",
                             "נדרש שיפוט בין 1/9 ל־9 (למשל 3 או 1/3), נמצא „{value}”."),
    "intake.out_of_range": ("Expected a value between {lo} and {hi}, found {value}.", "נדרש ערך בין {lo} ל־{hi}, נמצא {value}."),
    "intake.below_min": ("Expected {lo} or more, found {value}.", "נדרש ערך {lo} ומעלה, נמצא {value}."),
    "intake.above_max": ("Expected {hi} or less, found {value}.", "נדרש ערך {hi} לכל היותר, נמצא {value}."),
    "intake.not_in_enum": ("Expected one of: {allowed}; found “{value}”.", "נדרש אחד מהערכים: {allowed}; נמצא „{value}”."),
    "intake.duplicate_id": ("“{value}” appears more than once in “{column}” (first at row {other}); expected unique values.",
                            "„{value}” מופיע יותר מפעם אחת ב„{column}” (לראשונה בשורה {other}); נדרשים ערכים ייחודיים."),
    "intake.duplicate_row": ("This combination of {columns} already appears at row {other}; expected each once.",
                             "צירוף זה של {columns} כבר מופיע בשורה {other}; כל צירוף צריך להופיע פעם אחת."),
    "intake.unknown_ref": ("“{value}” is not a {target} listed in sheet “{ref_sheet}”.",
                           "„{value}” אינו {target} שמופיע בגיליון „{ref_sheet}”."),
    "intake.self_dependency": ("Service “{value}” depends on itself.", "השירות „{value}” תלוי בעצמו."),
    "intake.dependency_cycle": ("Services depend on each other in a cycle: {cycle}; expected dependencies without cycles.",
                                "השירותים תלויים זה בזה במעגל: {cycle}; התלויות צריכות להיות ללא מעגלים."),
    "intake.setting_missing": ("Required setting “{column}” is missing or empty in the Engagement sheet.",
                               "ההגדרה הנדרשת „{column}” חסרה או ריקה בגיליון פרטי הארגון."),
    "intake.setting_unknown": ("Unknown setting “{value}”; it is ignored.", "הגדרה לא מוכרת „{value}”; היא אינה נקראת."),
    "intake.period_order": ("The period ends ({end}) before it starts ({start}).", "התקופה מסתיימת ({end}) לפני שהיא מתחילה ({start})."),
    "intake.bad_color": ("Expected a colour as #RRGGBB, found “{value}”; the default colour is used.",
                         "נדרש צבע בפורמט ‎#RRGGBB‎, נמצא „{value}”; ייעשה שימוש בצבע ברירת המחדל."),
    "intake.bad_column_map": ("Column map entry “{value}” is not of the form file.their column=our_column.",
                              "רשומת מיפוי העמודות „{value}” אינה בתבנית file.their column=our_column."),
    "intake.map_unknown_column": ("“{value}” is not a column of the {file_name} file; expected one of: {allowed}.",
                                  "„{value}” אינו עמודה של קובץ {file_name}; נדרש אחד מ־{allowed}."),
    "intake.criterion_unknown": ("Criterion “{value}” is not a numeric column of Services; expected one of: {allowed}.",
                                 "הקריטריון „{value}” אינו עמודה מספרית בגיליון השירותים; נדרש אחד מ־{allowed}."),
    "intake.pairwise_self": ("A criterion is compared with itself (“{value}”).", "קריטריון מושווה לעצמו („{value}”)."),
    "intake.measure_unknown": ("Measure “{value}” is neither one of {allowed} nor a kpi_id of the KPIs sheet.",
                               "המדד „{value}” אינו אחד מ־{allowed} ואינו מזהה מדד מגיליון המדדים."),
    "intake.weights_zero": ("All criterion weights are zero; expected at least one positive weight.",
                            "כל משקלי הקריטריונים הם אפס; נדרש לפחות משקל חיובי אחד."),
    "intake.companion_unreadable": ("The {file_name} file cannot be read ({detail}); expected a CSV (UTF-8 or Windows-1255), "
                                    ".xlsx or .parquet file.",
                                    "לא ניתן לקרוא את קובץ {file_name} ({detail}); נדרש קובץ CSV ‏(UTF-8 או Windows-1255), ‎.xlsx‎ "
                                    "או ‎.parquet‎."),
    "intake.companion_ambiguous": ("Several {file_name} files found ({found}); expected one. Remove the others.",
                                   "נמצאו כמה קובצי {file_name} ({found}); נדרש אחד. יש להסיר את השאר."),
    "intake.companion_empty": ("The {file_name} file has no rows; the analyses that need it are skipped.",
                               "בקובץ {file_name} אין שורות; הניתוחים שנזקקים לו לא יבוצעו."),
    "intake.mixed_offsets": ("Timestamps carry {count} different time-zone offsets ({found}); they were normalised to UTC.",
                             "בחותמות הזמן {count} הפרשי שעון שונים ({found}); הם נורמלו ל־UTC."),
    "intake.example_row": ("This row is the template's grey example row; it was ignored. Delete it or overwrite it.",
                           "זו שורת הדוגמה האפורה של התבנית; היא לא נקראה. יש למחוק אותה או לכתוב עליה."),
    "intake.excel_error": ("The cell holds an Excel error ({value}); expected a value. Fix the formula or type the value.",
                           "בתא שגיאת Excel ‏({value}); נדרש ערך. יש לתקן את הנוסחה או להקליד את הערך."),
    "intake.rows_with_problems": ("{count} more rows have the same problem in this column (not listed one by one).",
                                  "ב־{count} שורות נוספות אותה בעיה בעמודה זו (לא פורטו אחת־אחת)."),
    "intake.summary_ok": ("The intake can be analysed: {errors} errors, {warnings} warnings.",
                          "אפשר לנתח את הקליטה: {errors} שגיאות, {warnings} אזהרות."),
    "intake.summary_bad": ("The intake has {errors} errors and {warnings} warnings; fix the errors and validate again.",
                           "בקליטה {errors} שגיאות ו־{warnings} אזהרות; יש לתקן את השגיאות ולבדוק שוב."),
    "intake.target.service": ("service_id", "מזהה שירות"),
    "intake.target.kpi": ("kpi_id", "מזהה מדד"),
    "intake.target.action": ("action_id", "מזהה פעולה"),
    "intake.target.criterion": ("criterion", "קריטריון"),
    "severity.error": ("error", "שגיאה"),
    "severity.warning": ("warning", "אזהרה"),
    "field.severity": ("severity", "חומרה"),
    "field.code": ("code", "קוד"),
    "field.file": ("file", "קובץ"),
    "field.sheet": ("sheet", "גיליון"),
    "field.row": ("row", "שורה"),
    "field.column": ("column", "עמודה"),
    "field.value": ("value", "ערך"),
    "field.expected": ("expected", "נדרש"),
    "field.message": ("message", "הודעה"),
}

# --------------------------------------------------------------------------- template
_TEMPLATE = {
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
    "template.measure_warning": ("This is not a standard measure; a kpi_id from the KPIs sheet is allowed too. Keep it?",
                                 "זה אינו מדד תקני; מותר גם מזהה מדד מגיליון המדדים. להשאיר את הערך?"),
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
    "template.ref.files": ("Accepted file names: {names}.", "שמות קבצים מתקבלים: {names}."),
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

# --------------------------------------------------------------------------- command line
_CLI = {
    "cli.validate.ok": ("✓ {path}: can be analysed ({errors} errors, {warnings} warnings).",
                        "✓ {path}: אפשר לנתח ({errors} שגיאות, {warnings} אזהרות)."),
    "cli.validate.bad": ("✗ {path}: {errors} errors, {warnings} warnings — fix the errors and validate again.",
                         "✗ {path}: {errors} שגיאות, {warnings} אזהרות — יש לתקן את השגיאות ולבדוק שוב."),
}

# --------------------------------------------------------------------------- report and batch
_REPORT: dict[str, tuple[str, str]] = {
    "report.title": ("Citizen service report", "דוח שירות לאזרח"),
    "report.period": ("Period", "תקופה"),
    "report.prepared_by": ("Prepared by", "הוכן על ידי"),
    "report.contents": ("Contents", "תוכן העניינים"),
    "report.executive_summary": ("Executive summary", "תקציר מנהלים"),
    "report.no_findings": ("No findings could be drawn from the data supplied.", "לא ניתן היה להסיק ממצאים מהנתונים שסופקו."),
    "report.not_analysed": ("Not analysed", "לא נותח"),
    "report.data_quality": ("Appendix: data quality", "נספח: איכות הנתונים"),
    "report.methods": ("Appendix: methods and sources", "נספח: שיטות ומקורות"),
    "report.generated_by": ("generated by", "הופק באמצעות"),
    "report.more_rows": ("Showing {shown} of {total} rows; the results workbook has them all.",
                         "מוצגות {shown} מתוך {total} שורות; כולן מופיעות בחוברת התוצאות."),
    "report.section.intake": ("Intake review", "סקירת נתוני הקליטה"),
    "report.section.prioritization": ("Service prioritisation and roadmap", "תעדוף שירותים ומפת דרכים"),
    "report.section.journeys": ("Citizen journeys and processes", "מסעות לקוח ותהליכים"),
    "report.section.measures": ("Service measurement and control", "מדידה ובקרה של השירות"),
    "report.section.management": ("Service management and the moment of truth", "ניהול השירות ורגע האמת"),
    "report.col.data": ("Data", "נתונים"),
    "report.col.rows": ("Rows", "שורות"),
    "report.caption.intake.inventory": ("Data received", "הנתונים שהתקבלו"),
    "report.caption.intake.problems": ("Data-quality findings of the intake", "ממצאי איכות הנתונים בקליטה"),
    "report.finding.intake": ("{organization}: data for {start} – {end}, with {warnings} data-quality warnings.",
                              "{organization}: נתונים לתקופה {start} – {end}, עם {warnings} אזהרות איכות נתונים."),
    "report.methods.intake": ("Every sheet and companion file is validated once against the intake schema; problems are "
                              "listed with file, sheet, row and column. Citizen and employee identifiers are replaced "
                              "on load by keyed pseudonyms (HMAC-SHA-256, RFC 2104); groups smaller than the "
                              "engagement's minimum group size are suppressed in every table and chart.",
                              "כל גיליון וקובץ נלווה נבדקים פעם אחת מול סכמת הקליטה; הבעיות מפורטות לפי קובץ, "
                              "גיליון, שורה ועמודה. מזהי אזרחים ועובדים מוחלפים בטעינה בכינויים מוצפנים "
                              "(HMAC-SHA-256, RFC 2104); קבוצות קטנות מגודל הקבוצה המינימלי אינן מוצגות בשום טבלה "
                              "או תרשים."),
    "report.methods.prioritization": ("Criteria weights from the Criteria sheet or from pairwise comparisons (AHP, "
                                      "Saaty 1980; consistency ratio with Saaty's random index); weighted-sum score "
                                      "cross-checked with TOPSIS (Hwang & Yoon 1981); one-weight sensitivity and "
                                      "stochastic rank acceptability (SMAA, Lahdelma et al. 1998); waves planned by "
                                      "integer programming (HiGHS).",
                                      "משקלי הקריטריונים מגיליון הקריטריונים או מהשוואות זוגיות (AHP, סאטי 1980; יחס "
                                      "עקביות לפי המדד האקראי של סאטי); ציון משוקלל שנבדק מול TOPSIS (הוואנג ויון "
                                      "1981); ניתוח רגישות למשקל יחיד והסתברות לדירוג (SMAA, להדלמה ועמיתים 1998); "
                                      "תכנון הגלים בתכנון בשלמים (HiGHS)."),
    "report.methods.journeys": ("Journey maps from the Journey sheet; case-log analytics from the event log: variants, "
                                "directly-follows process map, end-to-end and first-response times (median, p90), "
                                "service-standard compliance, hand-offs between units, repeat contact and first "
                                "contact resolution; channel parity from the Channels sheet.",
                                "מפות מסע מגיליון מסע הלקוח; ניתוח יומן הפניות: מסלולים, מפת תהליך, זמני טיפול "
                                "מקצה לקצה ועד מענה ראשון (חציון, אחוזון 90), עמידה באמות המידה לשירות, העברות "
                                "בין יחידות, פניות חוזרות ופתרון בפנייה ראשונה; התאמת ערוצים מגיליון הערוצים."),
    "report.methods.measures": ("Survey items per OMB Circular A-11 §280 (top-2-box with Wilson intervals), NPS and "
                                "CES; differences tested with Newcombe's interval; key drivers by Johnson's relative "
                                "weights and Shapley (LMG) decomposition; KPIs on XmR and p-charts (Laney p′ for large "
                                "samples) with Western Electric rules.",
                                "פריטי הסקר לפי OMB A-11 §280 (שיעור מרוצים עם רווח סמך וילסון), NPS ו־CES; "
                                "הפרשים נבדקים ברווח הסמך של ניוקומב; ניתוח גורמים מניעים במשקלים יחסיים של ג'ונסון "
                                "ובפירוק שאפלי (LMG); מדדים בתרשימי בקרה XmR ו־p (p′ של לייני למדגמים גדולים) "
                                "עם כללי Western Electric."),
    "report.methods.management": ("Observation scores by item, unit and period with observer calibration (weighted "
                                  "kappa / ICC); action plan status as of the period end; lessons learned by "
                                  "category (Pareto); training effectiveness by paired t and Wilcoxon tests with "
                                  "Cohen's dz.",
                                  "ציוני תצפיות לפי פריט, יחידה ותקופה עם כיול צופים (קאפא משוקלל / ICC); מצב "
                                  "תוכנית הפעולה לסוף התקופה; הפקת לקחים לפי קטגוריה (פרטו); אפקטיביות הדרכה "
                                  "במבחני t מזווג ווילקוקסון עם dz של כהן."),
    "batch.title": ("Reports", "דוחות"),
    "batch.col.client": ("Client", "לקוח"),
    "batch.col.status": ("Status", "מצב"),
    "batch.col.report": ("Report", "דוח"),
    "batch.col.figures": ("Key figures", "נתונים עיקריים"),
    "batch.status.ok": ("done", "הושלם"),
    "batch.status.skipped": ("unchanged", "ללא שינוי"),
    "batch.status.failed": ("failed", "נכשל"),
    "batch.failed_cell": ("Notebook {notebook} failed at cell {cell}: {error}",
                          "המחברת {notebook} נכשלה בתא {cell}: {error}"),
}

# --------------------------------------------------------------------------- analyses: one section per module (key prefix)
_PRIORITIZE: dict[str, tuple[str, str]] = {}   # "prioritize.*"

_JOURNEYS: dict[str, tuple[str, str]] = {}     # "journeys.*"

_MEASURES: dict[str, tuple[str, str]] = {}     # "measures.*"

_MANAGEMENT: dict[str, tuple[str, str]] = {}   # "management.*"

_CHARTS: dict[str, tuple[str, str]] = {}       # "charts.*"


def _merge(*parts: dict[str, tuple[str, str]]) -> Mapping[str, Mapping[str, str]]:
    out: dict[str, Mapping[str, str]] = {}
    for part in parts:
        for key, (en, he) in part.items():
            if key in out:
                raise ValueError(f"duplicate message key {key}")
            out[key] = MappingProxyType({"en": en, "he": he})
    return MappingProxyType(out)


CATALOGUE: Mapping[str, Mapping[str, str]] = _merge(_INTAKE, _TEMPLATE, _CLI, _REPORT, _PRIORITIZE, _JOURNEYS, _MEASURES,
                                                   _MANAGEMENT, _CHARTS)


def t(key: str, lang: str = "en", /, **values: object) -> str:
    """The message *key* in *lang* (``"he"`` or ``"en"``), with ``{placeholders}`` filled."""
    entry = CATALOGUE[key]
    text = entry["he" if lang == "he" else "en"]
    return text.format(**values) if values else text


def placeholders(text: str) -> set[str]:
    """The ``{names}`` used in a catalogue text (for the catalogue's consistency test)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def fmt_number(value: float | int | None, lang: str = "en", *, digits: int = 0) -> str:
    """A number with thousands separators; '—' for a missing value."""
    if value is None or value != value:
        return "—"
    return f"{value:,.{digits}f}"


def fmt_percent(value: float | None, lang: str = "en", *, digits: int = 0) -> str:
    """A share (0–1) as a percentage."""
    if value is None or value != value:
        return "—"
    return f"{100 * value:.{digits}f}%"


def fmt_date(value, lang: str = "en") -> str:
    """A date as day/month/year (Hebrew and Israeli usage) or ISO for English."""
    if value is None or value != value:
        return "—"
    return value.strftime("%d/%m/%Y") if lang == "he" else value.strftime("%Y-%m-%d")


def direction(lang: str) -> str:
    """The HTML ``dir`` value for a language."""
    return "rtl" if lang == "he" else "ltr"
