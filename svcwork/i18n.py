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

__all__ = ["t", "CATALOGUE", "LANGUAGES", "fmt_number", "fmt_signed", "fmt_percent", "fmt_date", "direction",
           "unsigned_zero"]

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
                            "זהו קובץ אקסל ישן (‎.xls‎); נדרש קובץ ‎.xlsx‎. יש לפתוח אותו באקסל ולשמור בשם כ־‎.xlsx‎."),
    "intake.not_xlsx_text": ("This is a text (CSV) file, not an Excel workbook; expected an .xlsx workbook made from the "
                             "svcwork template.",
                             "זהו קובץ טקסט (‎.csv‎) ולא חוברת אקסל; נדרש קובץ ‎.xlsx‎ שנבנה מתבנית טופס הקליטה."),
    "intake.not_xlsx_other": ("This file is not an Excel .xlsx workbook (found {kind}); expected an .xlsx workbook made "
                              "from the svcwork template.",
                              "הקובץ אינו חוברת אקסל מסוג ‎.xlsx‎ (נמצא: {kind}); נדרש קובץ ‎.xlsx‎ שנבנה מתבנית טופס הקליטה."),
    "intake.encrypted": ("The workbook is password-protected; expected an unprotected workbook. Remove the password "
                         "(File › Info › Protect Workbook) and send it again.",
                         "החוברת מוגנת בסיסמה; נדרשת חוברת ללא סיסמה. יש להסיר את הסיסמה (קובץ › מידע › הגן על חוברת) "
                         "ולשלוח שוב."),
    "intake.corrupt": ("The workbook cannot be read ({reason}); expected a valid .xlsx file. Open it in Excel, check it, "
                       "and save it again.",
                       "לא ניתן לקרוא את החוברת ({reason}); נדרש קובץ ‎.xlsx‎ תקין. יש לפתוח באקסל, לבדוק ולשמור מחדש."),
    "intake.too_large": ("The file is {size} MB; the limit is {limit} MB. Split the export or raise SVCWORK_MAX_MB.",
                         "גודל הקובץ {size} מ\"ב; המגבלה היא {limit} מ\"ב. יש לפצל את הקובץ או להגדיל את SVCWORK_MAX_MB."),
    "intake.zip_bomb": ("The workbook expands to more than {limit} MB when unpacked (found {size} MB); refused as unsafe.",
                        "החוברת מתרחבת ליותר מ־{limit} מ\"ב בפריסה (נמצא {size} מ\"ב); נדחתה כלא בטוחה."),
    "intake.unsafe_xml": ("The workbook contains XML declarations (a DTD or entities) that are refused as unsafe; expected a "
                          "workbook saved by Excel. Open it in Excel and save it again.",
                          "החוברת מכילה הגדרות מבנה (הגדרת ישויות) שנדחו כלא בטוחות; נדרשת חוברת שנשמרה באקסל. יש לפתוח "
                          "אותה באקסל ולשמור מחדש."),
    "intake.sheet_missing": ("Required sheet “{sheet}” is missing; expected a sheet named {names}. Found sheets: {found}.",
                             "הגיליון הנדרש „{sheet}” חסר; נדרש גיליון בשם {names}. גיליונות שנמצאו: {found}."),
    "intake.sheet_empty": ("Sheet “{sheet}” is missing or empty; the analyses that need it are skipped.",
                           "הגיליון „{sheet}” חסר או ריק; הניתוחים שנזקקים לו לא יבוצעו."),
    "intake.header_missing": ("No header row found in sheet “{sheet}”; expected a row with the column names, e.g. {expected}.",
                              "לא נמצאה שורת כותרות בגיליון „{sheet}”; נדרשת שורה עם שמות העמודות, למשל {expected}."),
    "intake.column_missing": ("Required column “{column}” is missing; expected a header {names}. Found: {found}.",
                              "העמודה הנדרשת „{column}” חסרה; נדרשת כותרת {names}. נמצאו: {found}."),
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
    "intake.wave_capacities": ("Wave capacities must be {waves} numbers of person-days (one per wave), comma-separated; "
                               "found “{value}” ({found} entries).",
                               "קיבולת הגלים צריכה להיות {waves} מספרים של ימי עבודה (אחד לכל גל), מופרדים בפסיקים; "
                               "נמצא „{value}” ({found} ערכים)."),
    "intake.expected.wave_capacities": ("{waves} numbers ≥ 0, comma-separated", "{waves} מספרים ≥ 0, מופרדים בפסיקים"),
    "intake.period_order": ("The period ends ({end}) before it starts ({start}).", "התקופה מסתיימת ({end}) לפני שהיא מתחילה ({start})."),
    "intake.bad_color": ("Expected a colour as #RRGGBB, found “{value}”; the default colour is used.",
                         "נדרש צבע בקוד של שש ספרות הקסדצימליות (למשל ‎#1F6FEB‎), נמצא „{value}”; ייעשה שימוש בצבע "
                         "ברירת המחדל."),
    "intake.bad_column_map": ("Column map entry “{value}” is not of the form file.their column=our column "
                              "(e.g. cases.Ticket=case_id).",
                              "רשומת מיפוי העמודות „{value}” אינה בתבנית קובץ.העמודה אצלכם=העמודה בטופס "
                              "(למשל: פניות.מספר כרטיס=מזהה פנייה)."),
    "intake.map_unknown_column": ("“{value}” is not a column of the {file_name} file; expected one of: {allowed}.",
                                  "„{value}” אינו עמודה של קובץ ה{file_name}; נדרש אחד מ־{allowed}."),
    "intake.criterion_unknown": ("Criterion “{value}” is not a numeric column of Services; expected one of: {allowed}.",
                                 "הקריטריון „{value}” אינו עמודה מספרית בגיליון השירותים; נדרש אחד מ־{allowed}."),
    "intake.pairwise_self": ("A criterion is compared with itself (“{value}”).", "קריטריון מושווה לעצמו („{value}”)."),
    "intake.measure_unknown": ("Measure “{value}” is neither one of {allowed} nor a kpi_id of the KPIs sheet.",
                               "המדד „{value}” אינו אחד מ־{allowed} ואינו מזהה מדד מגיליון המדדים."),
    "intake.weights_zero": ("All criterion weights are zero; expected at least one positive weight.",
                            "כל משקלי הקריטריונים הם אפס; נדרש לפחות משקל חיובי אחד."),
    "intake.companion_unreadable": ("The {file_name} file cannot be read ({reason}); expected a CSV (UTF-8 or Windows-1255), "
                                    ".xlsx or .parquet file.",
                                    "לא ניתן לקרוא את קובץ ה{file_name} ({reason}); נדרש קובץ ‎.csv‎ (כפי שאקסל שומר אותו), "
                                    "‎.xlsx‎ או ‎.parquet‎."),
    "intake.companion_ambiguous": ("Several {file_name} files found ({found}); expected one. Remove the others.",
                                   "נמצאו כמה קובצי {file_name} ({found}); נדרש אחד. יש להסיר את השאר."),
    "intake.companion_empty": ("The {file_name} file has no rows; the analyses that need it are skipped.",
                               "בקובץ ה{file_name} אין שורות; הניתוחים שנזקקים לו לא יבוצעו."),
    "intake.mixed_offsets": ("Timestamps carry {count} different time-zone offsets ({found}); they were normalised to UTC.",
                             "בחותמות הזמן {count} הפרשי שעון שונים ({found}); כולן הומרו לזמן האוניברסלי המתואם."),
    # real exports: dates, local time, encodings, files, scales (svcwork.exports)
    "intake.date_order_assumed": ("The dates in column “{column}” could be day-first or month-first (no day above 12 in "
                                  "{count} values); they were read as {order}, e.g. “{value}” = {example}. If that is "
                                  "wrong, set date_order in the Engagement sheet.",
                                  "התאריכים בעמודה „{column}” יכולים להיות יום־קודם או חודש־קודם (אין יום גדול מ־12 "
                                  "ב־{count} ערכים); הם נקראו כ־{order}, למשל „{value}” = {example}. אם זה שגוי, יש "
                                  "לקבוע סדר תאריכים בגיליון פרטי הארגון."),
    "intake.date_order_contradicted": ("The dates in column “{column}” are not {order} as date_order says: rows {rows} "
                                       "can only be read as {other} (e.g. “{value}”). Correct date_order in the "
                                       "Engagement sheet, or the export.",
                                       "התאריכים בעמודה „{column}” אינם בסדר {order} שנקבע בסדר התאריכים: את השורות "
                                       "{rows} אפשר לקרוא רק כ־{other} (למשל „{value}”). יש לתקן את סדר התאריכים בגיליון "
                                       "פרטי הארגון, או את הקובץ."),
    "intake.date_order_mixed": ("Column “{column}” mixes date orders: rows {proof} can only be {order}, rows {rows} "
                                "only {other} (e.g. “{value}”). Export the dates in one format.",
                                "בעמודה „{column}” סדרי תאריכים מעורבים: את השורות {proof} אפשר לקרוא רק כ־{order}, "
                                "ואת השורות {rows} רק כ־{other} (למשל „{value}”). יש לייצא את התאריכים בתבנית אחת."),
    "intake.dst_ambiguous": ("{count} times in column “{column}” fall in the hour repeated when the clocks went back "
                             "({tz}); {by_order} were placed by the order of events in their case, {first} as the "
                             "first occurrence (summer time).",
                             "{count} מועדים בעמודה „{column}” חלים בשעה שחזרה על עצמה כשהשעון הוחזר לאחור ({tz}); "
                             "{by_order} מהם מוקמו לפי סדר האירועים בפנייה, ו־{first} כמופע הראשון (שעון קיץ)."),
    "intake.dst_shifted": ("{count} times in column “{column}” fall in the hour skipped when the clocks went forward "
                           "({tz}), e.g. “{value}”; they were read as standard time (one hour later on the clock).",
                           "{count} מועדים בעמודה „{column}” חלים בשעה שדולגה כשהשעון הוקדם ({tz}), למשל „{value}”; "
                           "הם נקראו לפי שעון החורף (שעה אחת מאוחר יותר בשעון)."),
    "intake.outside_period": ("{count} of {total} values ({share}) in column “{column}” lie more than {margin} days "
                              "outside the engagement period {start} – {end} (e.g. row {first_row}: “{value}”). Check "
                              "the export's dates and the period in the Engagement sheet.",
                              "{count} מתוך {total} ערכים ({share}) בעמודה „{column}” רחוקים ביותר מ־{margin} ימים "
                              "מתקופת הפרויקט {start} – {end} (למשל שורה {first_row}: „{value}”). יש לבדוק את "
                              "התאריכים בקובץ ואת התקופה בגיליון פרטי הארגון."),
    "intake.outside_period_most": ("{count} of {total} values ({share}) in column “{column}” lie more than {margin} days "
                                   "outside the engagement period {start} – {end} (e.g. row {first_row}: “{value}”): "
                                   "this is not the period's export, or its dates were misread. Check the file and "
                                   "the period.",
                                   "{count} מתוך {total} ערכים ({share}) בעמודה „{column}” רחוקים ביותר מ־{margin} "
                                   "ימים מתקופת הפרויקט {start} – {end} (למשל שורה {first_row}: „{value}”): זה אינו "
                                   "ייצוא של התקופה, או שהתאריכים נקראו שגוי. יש לבדוק את הקובץ ואת התקופה."),
    "intake.backwards_cases": ("In {count} of {total} cases ({share}) an event listed later in the file is earlier in "
                               "time (e.g. row {first_row}); the dates in column “{column}” may have been read in the "
                               "wrong order ({order}). Check date_order in the Engagement sheet.",
                               "ב־{count} מתוך {total} פניות ({share}) אירוע שמופיע מאוחר יותר בקובץ מוקדם יותר בזמן "
                               "(למשל שורה {first_row}); ייתכן שהתאריכים בעמודה „{column}” נקראו בסדר שגוי ({order}). "
                               "יש לבדוק את סדר התאריכים בגיליון פרטי הארגון."),
    "intake.encoding_replaced": ("{count} bytes of the {file_name} file fit no supported encoding (it was read as "
                                 "{encoding}); they were replaced by “\ufffd” on lines {lines}. Save the export as "
                                 "UTF-8 to keep them.",
                                 "{count} בתים בקובץ ה{file_name} אינם מתאימים לשום קידוד נתמך (הקובץ נקרא כ־{encoding}); "
                                 "הם הוחלפו ב־„\ufffd” בשורות {lines}. יש לשמור את הקובץ כ־UTF-8 כדי לשמור עליהם."),
    "intake.encoding_guessed": ("The {file_name} file was read as Western European text (Windows-1252): read as "
                                "Hebrew (Windows-1255) its letters do not form words. If it holds Hebrew, save it as "
                                "UTF-8.",
                                "קובץ ה{file_name} נקרא כטקסט מערב־אירופי (Windows-1252): בקריאה כעברית (Windows-1255) "
                                "האותיות אינן יוצרות מילים. אם יש בו עברית, יש לשמור אותו כ־UTF-8."),
    "intake.file_unused": ("The file {value} in the client folder is not used: its name is not one of cases, survey, "
                           "training (פניות, סקר, הדרכה). Rename it, or name it in the Engagement sheet (cases_file, "
                           "survey_file, training_file).",
                           "הקובץ {value} שבתיקיית הלקוח אינו בשימוש: שמו אינו פניות, סקר או הדרכה (cases, survey, "
                           "training). יש לשנות את שמו, או לציין אותו בגיליון פרטי הארגון (קובץ פניות, קובץ סקר, "
                           "קובץ הדרכה)."),
    "intake.companion_copy": ("{value} was read as the {file_name} file (its name looks like a copy or a part of one). "
                              "Rename it if that is wrong.",
                              "הקובץ {value} נקרא כקובץ ה{file_name} (שמו נראה כעותק או כחלק של קובץ כזה). אם זה שגוי, "
                              "יש לשנות את שמו."),
    "intake.companion_parts": ("The {file_name} file was read from {count} parts, in this order: {found}.",
                               "קובץ ה{file_name} נקרא מ־{count} חלקים, בסדר הזה: {found}."),
    "intake.companion_declared_missing": ("The Engagement sheet names “{value}” as the {file_name} file, but the client "
                                          "folder has no such file. Data files there: {found}.",
                                          "בגיליון פרטי הארגון צוין „{value}” כקובץ ה{file_name}, אך אין קובץ כזה "
                                          "בתיקיית הלקוח. קובצי הנתונים שם: {found}."),
    "intake.merged_cells": ("{count} merged cell ranges ({found}) were filled from their top-left value.",
                            "{count} טווחי תאים ממוזגים ({found}) מולאו מהערך שבפינתם הימנית־העליונה."),
    "intake.one_row_per_case": ("Every case in the case log has one row ({count} cases): this export has one row per "
                                "case, not per event. Hand-offs, first-contact resolution and process variants cannot "
                                "be measured from it and are marked so in the report.",
                                "לכל פנייה ביומן הפניות שורה אחת ({count} פניות): בקובץ שורה לכל פנייה ולא לכל אירוע. "
                                "העברות בין יחידות, פתרון בפנייה ראשונה וגרסאות תהליך אינם ניתנים למדידה ממנו, והדוח "
                                "מציין זאת."),
    "intake.scale_assumed": ("The answers in column “{column}” were read on a {scale} scale (values {lo}–{hi} found), "
                             "which the data does not prove; if the scale differs, declare it in the Scales sheet.",
                             "התשובות בעמודה „{column}” נקראו בסולם {scale} (נמצאו ערכים {lo}–{hi}), והנתונים אינם "
                             "מוכיחים זאת; אם הסולם שונה, יש להגדיר אותו בגיליון הסולמות."),
    "intake.scale_read": ("The answers in column “{column}” are on a {scale} scale ({source}); for the results they "
                          "are placed on 1–5 in proportion (agree = the top quarter of the scale).",
                          "התשובות בעמודה „{column}” הן בסולם {scale} ({source}); לצורך התוצאות הן מומרות ל־1–5 באופן "
                          "יחסי (מסכים = הרבע העליון של הסולם)."),
    "intake.training_scale": ("The training scores are on a {scale} scale ({scale_source}); they are shown on that "
                              "scale.",
                              "ציוני ההדרכה הם בסולם {scale} ({scale_source}); הם מוצגים בסולם זה."),
    "intake.scale_source.declared": ("declared in the Scales sheet", "כפי שהוגדר בגיליון הסולמות"),
    "intake.scale_source.evident": ("evident from the values", "כפי שעולה מהערכים"),
    "intake.scale_source.default": ("the default", "ברירת המחדל"),
    "intake.dont_know": ("{count} answers in column “{column}” were “don't know” or “not relevant”; they are counted "
                         "and left out of the results.",
                         "{count} תשובות בעמודה „{column}” היו „לא יודע/ת” או „לא רלוונטי”; הן נספרו ואינן נכללות "
                         "בתוצאות."),
    "intake.labels_read": ("{count} answers in column “{column}” were written as words and read with the answer "
                           "labels (e.g. “{value}”).",
                           "{count} תשובות בעמודה „{column}” נכתבו במילים ונקראו לפי תוויות התשובה (למשל „{value}”)."),
    "intake.unknown_label": ("Expected a score on the {scale} scale or a known answer label, found “{value}”. Add the "
                             "label to the Scales sheet, with its score.",
                             "נדרש ציון בסולם {scale} או תווית תשובה מוכרת, נמצא „{value}”. יש להוסיף את התווית, "
                             "עם הציון שלה, לגיליון הסולמות."),
    "intake.label_conflict": ("{count} answers in column “{column}” carry a number that disagrees with their label "
                              "(e.g. “{value}”); the label was used.",
                              "ב־{count} תשובות בעמודה „{column}” המספר אינו תואם את התווית (למשל „{value}”); נעשה "
                              "שימוש בתווית."),
    "intake.no_survey_items": ("No question column of the survey file was recognised (found: {found}); expected "
                               "columns such as satisfaction, trust, ease. Map them in the Columns sheet.",
                               "לא זוהתה אף עמודת שאלה בקובץ הסקר (נמצאו: {found}); נדרשות עמודות כגון שביעות רצון, "
                               "אמון, קלות. יש למפות אותן בגיליון מיפוי העמודות."),
    "intake.bad_scale": ("“{value}” is not a scale; expected one of 1-5, 1-7, 0-10, 1-10, 0-100.",
                         "„{value}” אינו סולם; נדרש אחד מ־1-5, 1-7, 0-10, 1-10, 0-100."),
    "intake.example_row": ("This row is the template's grey example row; it was ignored. Delete it or overwrite it.",
                           "זו שורת הדוגמה האפורה של התבנית; היא לא נקראה. יש למחוק אותה או לכתוב עליה."),
    "intake.excel_error": ("The cell holds an Excel error ({value}); expected a value. Fix the formula or type the value.",
                           "בתא שגיאת אקסל ‏({value}); נדרש ערך. יש לתקן את הנוסחה או להקליד את הערך."),
    "intake.rows_with_problems": ("{count} more rows have the same problem in this column (not listed one by one).",
                                  "ב־{count} שורות נוספות אותה בעיה בעמודה זו (לא פורטו אחת־אחת)."),
    "intake.summary_ok": ("The intake can be analysed: {errors} errors, {warnings} warnings.",
                          "אפשר לנתח את הקליטה: {errors} שגיאות, {warnings} אזהרות."),
    "intake.summary_bad": ("The intake has {errors} errors and {warnings} warnings; fix the errors and validate again.",
                           "בקליטה {errors} שגיאות ו־{warnings} אזהרות; יש לתקן את השגיאות ולבדוק שוב."),
    "intake.reason.empty": ("the file is empty", "הקובץ ריק"),
    "intake.reason.broken_zip": ("the file is damaged or incomplete", "הקובץ פגום או חלקי"),
    "intake.reason.broken_part": ("a part of the workbook is damaged", "חלק מהחוברת פגום"),
    "intake.reason.broken_sheet": ("this sheet is damaged", "הגיליון פגום"),
    "intake.reason.unreadable": ("the reader could not make sense of it", "תוכן הקובץ אינו קריא"),
    "intake.reason.csv_fields": ("a line has more fields than the header row", "בשורה יש יותר שדות מבשורת הכותרות"),
    "intake.reason.csv_structure": ("the text structure is broken, e.g. an unclosed quote",
                                    "מבנה הטקסט פגום, למשל מירכאות שלא נסגרו"),
    "intake.reason.parquet": ("not a valid Parquet file", "אינו קובץ ‎.parquet‎ תקין"),
    "intake.reason.gzip": ("the compressed file is damaged", "הקובץ הדחוס פגום"),
    "intake.reason.gzip_large": ("it unpacks to more than the size limit", "בפריסה הוא חורג ממגבלת הגודל"),
    "intake.reason.file_type": ("this file type is not supported", "סוג הקובץ אינו נתמך"),
    "intake.kind.binary": ("unknown binary data", "נתונים בינאריים לא מזוהים"),
    "intake.kind.ods": ("an OpenDocument spreadsheet, .ods", "גיליון אלקטרוני מסוג ‎.ods‎"),
    "intake.kind.word": ("a Word document", "מסמך וורד"),
    "intake.kind.zip": ("a zip archive", "ארכיון דחוס"),
    "intake.kind.xlsb": ("a binary Excel workbook, .xlsb", "חוברת אקסל בינארית ‎.xlsb‎"),
    "intake.expected.value": ("a value", "ערך"),
    "intake.expected.unique": ("a unique value", "ערך ייחודי"),
    "intake.expected.no_cycle": ("dependencies without cycles", "תלויות ללא מעגלים"),
    "intake.expected.xlsx": ("an .xlsx workbook", "חוברת ‎.xlsx‎ תקינה"),
    "intake.expected.unprotected": ("a workbook without a password", "חוברת ללא סיסמה"),
    "intake.expected.companion": (".csv, .xlsx or .parquet", "‎.csv‎, ‎.xlsx‎ או ‎.parquet‎"),
    "intake.expected.one_file": ("one file", "קובץ אחד"),
    "intake.expected.two_criteria": ("two different criteria", "שני קריטריונים שונים"),
    "intake.expected.positive_weight": ("a weight above zero", "משקל גדול מאפס"),
    "intake.expected.column_map": ("file.their column=our column", "קובץ.העמודה אצלכם=העמודה בטופס"),
    "intake.expected.intake": ("intake.xlsx", "intake.xlsx"),
    "intake.expected.color": ("#RRGGBB", "קוד צבע כמו ‎#1F6FEB‎"),
    "intake.expected.size": ("≤ {limit} MB", "עד {limit} מ\"ב"),
    "intake.expected.ref": ("a {target} of sheet “{ref_sheet}”", "{target} מגיליון „{ref_sheet}”"),
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
    "template.ref.files": ("Accepted file names: {names} (and the other suffixes above).",
                           "שמות קבצים מתקבלים: {names} (ובסיומות האחרות שלמעלה)."),
    "template.ref.exports": (
        "Real exports are read as meant, or the problem says what was guessed. File types: {suffixes}. A companion "
        "is found by its English or Hebrew name (cases/פניות, survey/סקר, training/הדרכה), by a browser's copy name "
        "(cases (1).csv, with a warning), as parts of a split export (cases-1.csv, cases-2.csv …, read in order), or "
        "by the Engagement settings cases_file, survey_file, training_file (a name, names separated by commas, or a "
        "pattern). Every other data file in the folder is named in a warning. Text files: UTF-8 (with or without "
        "BOM), UTF-16 or Windows-1255, detected strictly (bytes that fit no encoding are replaced and reported with "
        "their lines); any of , ; tab | as separator; title lines above the header are skipped. Sheets: the first "
        "sheet, from its header row; merged cells are filled from their top-left value. XES: traces' concept:name is "
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
        "נקודה־פסיק, טאב או |; שורות כותרת מעל שורת הכותרות מדולגות. גיליונות: הגיליון הראשון, משורת הכותרות; תאים "
        "ממוזגים ממולאים מהערך שבפינתם. XES: concept:name של רצף הוא הפנייה; concept:name, time:timestamp, "
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
    "report.data_quality": ("Data-quality appendix", "נספח איכות נתונים"),
    "report.methods": ("Methods appendix", "נספח שיטות"),
    "report.generated_by": ("generated by", "הופק באמצעות"),
    "report.more_rows": ("Showing the first {shown} of {total} rows; the full table is in results.xlsx.",
                         "מוצגות {shown} השורות הראשונות מתוך {total}; הטבלה המלאה בחוברת התוצאות results.xlsx‏."),
    "report.section.intake": ("Intake review", "סקירת נתוני הקליטה"),
    "report.section.prioritization": ("Service prioritization and roadmap", "תעדוף שירותים ומפת דרכים"),
    "report.section.journeys": ("Citizen journeys and processes", "מסעות לקוח ותהליכים"),
    "report.section.measures": ("Service measurement and control", "מדידה ובקרה של השירות"),
    "report.section.management": ("Service management and the moment of truth", "ניהול השירות ורגע האמת"),
    "report.col.data": ("Data", "נתונים"),
    "report.col.rows": ("Rows", "שורות"),
    "report.caption.intake.inventory": ("Data received", "הנתונים שהתקבלו"),
    "report.caption.intake.problems": ("Intake data-quality findings", "ממצאי איכות הנתונים בקליטה"),
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
                                      "משקלי הקריטריונים מגיליון הקריטריונים או מהשוואות זוגיות (AHP, Saaty 1980; יחס "
                                      "עקביות לפי המדד האקראי של Saaty); ציון משוקלל שנבדק מול TOPSIS (הוואנג ויון "
                                      "1981); ניתוח רגישות למשקל יחיד והסתברות לדירוג (SMAA, להדלמה ועמיתים 1998); "
                                      "תכנון הגלים בתכנון בשלמים (HiGHS)."),
    "report.methods.journeys": ("Journey maps from the Journey sheet; case-log analytics from the event log: variants, "
                                "directly-follows process map, end-to-end and first-response times (median, p90), "
                                "service-standard compliance, hand-offs between units, repeat contact and first "
                                "contact resolution; channel parity from the Channels sheet.",
                                "מפות מסע לקוח מגיליון מסע הלקוח; ניתוח יומן הפניות: מסלולים, מפת תהליך, זמני טיפול "
                                "מקצה לקצה ועד מענה ראשון (חציון, אחוזון 90), עמידה באמות המידה לשירות, העברות "
                                "בין יחידות, פניות חוזרות ופתרון בפנייה ראשונה; התאמת ערוצים מגיליון הערוצים."),
    "report.methods.measures": ("Survey items per OMB Circular A-11 §280 (top-2-box with Wilson intervals), NPS and "
                                "CES; differences tested with Newcombe's interval; key drivers by Johnson's relative "
                                "weights and Shapley (LMG) decomposition; KPIs on XmR and p-charts (Laney p′ for large "
                                "samples) with Western Electric rules.",
                                "פריטי הסקר לפי OMB A-11 §280 (שיעור המסכימים עם רווח סמך Wilson), NPS ו־CES; "
                                "הפרשים נבדקים ברווח הסמך של Newcombe; ניתוח גורמי מפתח במשקלים יחסיים של Johnson "
                                "ובפירוק Shapley ‏(LMG); מדדים בתרשימי בקרה XmR ו־p ‏(p′ של Laney למדגמים גדולים) "
                                "עם כללי Western Electric."),
    "report.methods.management": ("Observation scores by item, unit and period with observer calibration (weighted "
                                  "kappa / ICC); action plan status as of the period end; lessons learned by "
                                  "category (Pareto); training effectiveness by paired t and Wilcoxon tests with "
                                  "Cohen's dz.",
                                  "ציוני תצפיות לפי פריט, יחידה ותקופה עם הסכמה בין צופים (קאפה משוקלל / ICC); מצב "
                                  "תוכנית הפעולה לסוף התקופה; הפקת לקחים לפי קטגוריה (פרטו); אפקטיביות הדרכה "
                                  "במבחני t מזווג ו־Wilcoxon עם dz של Cohen."),
    "report.unit_pack": ("Manager pack", "דף מנהל"),
    "report.unit_focus": ("Three focus points for the team meeting", "שלוש נקודות מיקוד לישיבת הצוות"),
    "report.unit_table.signals": ("Indicators and signals", "מדדים ואותות"),
    "report.unit_table.survey": ("Survey results (% agree, 95% CI)", "תוצאות הסקר (שיעור המסכימים, רווח סמך 95%)"),
    "report.unit_table.observations": ("Service observations", "תצפיות שירות"),
    "report.unit_table.actions": ("Open and overdue actions", "פעולות פתוחות ובאיחור"),
    "report.unit_table.training": ("Training effectiveness", "אפקטיביות ההדרכה"),
    # -- report furniture: page numbers, long tables, results.xlsx
    "report.page_of": ("Page {page} of {pages}", "עמוד {page} מתוך {pages}"),
    "report.more_rows_sheet": ("Showing the first {shown} of {total} rows; the full table is in results.xlsx, sheet “{sheet}”.",
                               "מוצגות {shown} השורות הראשונות מתוך {total}; הטבלה המלאה בחוברת התוצאות results.xlsx‏, "
                               "בגיליון „{sheet}”."),
    "report.detail_tables": ("Detail tables of this analysis are in results.xlsx only: {sheets}.",
                             "טבלאות הפירוט של ניתוח זה נמצאות בחוברת התוצאות results.xlsx‏ בלבד: {sheets}."),
    "report.sheet.contents": ("Contents", "תוכן"),
    "report.col.analysis": ("Analysis", "ניתוח"),
    "report.col.table": ("Table (sheet)", "טבלה (גיליון)"),
    "report.sheet_short.intake": ("Intake", "קליטה"),
    "report.sheet_short.prioritization": ("Prioritization", "תעדוף"),
    "report.sheet_short.journeys": ("Journeys", "מסע לקוח"),
    "report.sheet_short.measures": ("Measures", "מדידה"),
    "report.sheet_short.management": ("Management", "ניהול"),
    # -- executive summary, written from the analyses' key figures
    "report.exec.fix_first": ("Services to fix first", "השירותים לטיפול ראשון"),
    "report.exec.fix_first_item": ("{service} — score {score}, {quadrant}, wave {wave}",
                                   "{service} — ציון {score}, {quadrant}, גל {wave}"),
    "report.exec.fix_first_deferred": ("{service} — score {score}, {quadrant}, deferred",
                                       "{service} — ציון {score}, {quadrant}, נדחה לשלב מאוחר"),
    "report.exec.fix_first_why": ("Why: they give the most benefit for the effort under the agreed criteria (the heaviest "
                                  "is {criterion}, {weight}%); {quick} of the {n} are quick wins.",
                                  "הסיבה: אלה השירותים שמניבים את התועלת הרבה ביותר ביחס למאמץ לפי הקריטריונים שנקבעו "
                                  "(הכבד ביותר: {criterion}, {weight}%); {quick} מתוך {n} הם הישגים מהירים."),
    "report.exec.fix_first_robust": ("Each stays in the top {top} in at least {p} of {samples} weight samples.",
                                     "כל אחד מהם נשאר בין {top} הראשונים לפחות ב־{p} מתוך {samples} דגימות משקלים."),
    "report.exec.fix_first_robust_all": ("Each stays in the top {top} in all {samples} weight samples.",
                                         "כל אחד מהם נשאר בין {top} הראשונים בכל {samples} דגימות המשקלים."),
    "report.exec.pain": ("Biggest journey pain", "נקודת הכאב הגדולה במסע הלקוח"),
    "report.exec.pain_sla": ("{share} of cases miss their deadline; half take more than {median} days end to end, and "
                             "one in ten more than {p90} days.",
                             "{share} מהפניות חורגות מהיעד; מחצית הפניות אורכות יותר מ־{median} ימים מקצה לקצה, ואחת "
                             "מכל עשר יותר מ־{p90} ימים."),
    "report.exec.pain_repeat": ("{share} of cases are repeat contacts; only {fcr} are resolved at first contact.",
                                "{share} מהפניות הן פניות חוזרות; רק {fcr} נפתרות בפנייה ראשונה."),
    "report.exec.pain_handoff": ("The most frequent hand-off is from {source} to {target} ({count} times); a case is "
                                 "handed off {per_case} times on average.",
                                 "ההעברה השכיחה ביותר היא מ־{source} אל {target} ({count} פעמים); פנייה עוברת בין "
                                 "יחידות {per_case} פעמים בממוצע."),
    "report.exec.kpis": ("KPI signals", "אותות במדדים"),
    "report.exec.kpis_met": ("{met} of {total} KPIs meet their target.", "{met} מתוך {total} מדדים עומדים ביעד."),
    "report.exec.kpi_met_out": ("{kpi}: meets the target ({last}; target {target}) but is out of control "
                                "(control-chart signals: {signals}, latest {period}) — find the special cause before "
                                "relying on it.",
                                "{kpi}: עומד ביעד ({last}; יעד {target}) אך אינו בבקרה (אותות בתרשים הבקרה: {signals}, "
                                "האחרון ב־{period}) — יש לאתר את הגורם המיוחד לפני שסומכים על הנתון."),
    "report.exec.kpi_missed_in": ("{kpi}: misses the target ({last}; target {target}) while in control — only a change "
                                  "to the system will close the gap.",
                                  "{kpi}: אינו עומד ביעד ({last}; יעד {target}) אף שהוא בבקרה — רק שינוי במערכת "
                                  "יסגור את הפער."),
    "report.exec.kpi_missed_out": ("{kpi}: misses the target ({last}; target {target}) and is out of control "
                                   "(control-chart signals: {signals}, latest {period}).",
                                   "{kpi}: אינו עומד ביעד ({last}; יעד {target}) ואינו בבקרה (אותות בתרשים הבקרה: "
                                   "{signals}, האחרון ב־{period})."),
    "report.exec.kpi_more": ("{count} more KPIs need attention: see the measurement section.",
                             "{count} מדדים נוספים דורשים תשומת לב: הפירוט בפרק המדידה."),
    "report.exec.kpis_quiet": ("Every KPI meets its target and is in control.", "כל המדדים עומדים ביעד ונמצאים בבקרה."),
    "report.exec.actions": ("Overdue actions", "פעולות באיחור"),
    "report.exec.actions_overdue": ("{overdue} of the {open} open actions are overdue as of {date}; {done} of {total} "
                                    "actions are done.",
                                    "{overdue} מתוך {open} הפעולות הפתוחות באיחור נכון ל־{date}; {done} מתוך {total} "
                                    "פעולות הושלמו."),
    "report.exec.actions_worst": ("Longest overdue: “{action}” ({owner}), {days} days late.",
                                  "הפעולה שבאיחור הגדול ביותר: „{action}” ({owner}), {days} ימי איחור."),
    "report.exec.actions_none": ("No action is overdue as of {date}; {open} are open and {done} of {total} are done.",
                                 "אין פעולות באיחור נכון ל־{date}; {open} פתוחות ו־{done} מתוך {total} הושלמו."),
    "report.exec.missing": ("Not analysed: the data for this part was not supplied.",
                            "לא נותח: הנתונים לחלק זה לא סופקו."),
    # -- table titles: caption in the report and sheet name in results.xlsx (at most 31 characters)
    "report.caption.prioritization.priorities": ("Priorities and reasons", "סדר העדיפויות והנימוקים"),
    "report.caption.prioritization.contributions": ("Score contributions", "תרומת הקריטריונים לציון"),
    "report.caption.prioritization.weights": ("Criteria weights", "משקלי הקריטריונים"),
    "report.caption.prioritization.ahp_matrix": ("Pairwise comparison matrix", "מטריצת ההשוואות הזוגיות"),
    "report.caption.prioritization.ahp_consistency": ("Consistency check (AHP)", "בדיקת עקביות (AHP)"),
    "report.caption.prioritization.rater_disagreement": ("Disagreement between raters", "פערים בין המדרגים"),
    "report.caption.prioritization.sensitivity": ("Sensitivity of the weights", "ניתוח רגישות למשקלים"),
    "report.caption.prioritization.reversals": ("Weights that reverse ranks", "משקלים שהופכים את הדירוג"),
    "report.caption.prioritization.acceptability": ("Rank acceptability", "הסתברות לדירוג"),
    "report.caption.prioritization.methods": ("Score and TOPSIS compared", "השוואה לשיטת TOPSIS"),
    "report.caption.prioritization.waves": ("Roadmap waves", "גלי מפת הדרכים"),
    "report.caption.prioritization.deferred": ("Deferred services", "שירותים שנדחו לשלב מאוחר"),
    "report.caption.prioritization.method_notes": ("Method notes", "הערות שיטה"),
    "report.caption.journeys.data_quality": ("Case-log data quality", "איכות נתוני יומן הפניות"),
    "report.caption.journeys.kpis_by_service": ("Case measures by service", "מדדי טיפול לפי שירות"),
    "report.caption.journeys.kpis_by_channel": ("Case measures by channel", "מדדי טיפול לפי ערוץ"),
    "report.caption.journeys.kpis_by_unit": ("Case measures by unit", "מדדי טיפול לפי יחידה"),
    "report.caption.journeys.capability": ("End-to-end time by month", "זמן טיפול לפי חודש"),
    "report.caption.journeys.capability_by_group": ("Time by month and group", "זמן טיפול לפי חודש ופילוח"),
    "report.caption.journeys.variants": ("Most common paths", "המסלולים הנפוצים"),
    "report.caption.journeys.ideal_path": ("Ideal path", "המסלול הרצוי"),
    "report.caption.journeys.deviations": ("Deviations from the ideal path", "סטיות מהמסלול הרצוי"),
    "report.caption.journeys.handoffs": ("Hand-offs between units", "העברות בין יחידות"),
    "report.caption.journeys.handoff_matrix": ("Hand-off matrix", "מטריצת העברות בין יחידות"),
    "report.caption.journeys.repeat_contact": ("Repeat contact", "פניות חוזרות"),
    "report.caption.journeys.not_measurable": ("Not measurable from this export", "לא ניתן למדידה מקובץ זה"),
    "report.caption.journeys.rework": ("Rework by activity", "עבודה חוזרת לפי פעילות"),
    "report.caption.journeys.standards": ("Service commitments met", "עמידה בהתחייבויות השירות"),
    "report.caption.journeys.standards_consistency": ("Commitments across channels", "התחייבויות בערוצים השונים"),
    "report.caption.journeys.channel_parity": ("Services by channel", "זמינות השירותים בערוצים"),
    "report.caption.journeys.digital_takeup": ("Digital take-up", "שיעור שימוש דיגיטלי"),
    "report.caption.journeys.pain_points": ("Journey pain points", "נקודות כאב במסע הלקוח"),
    "report.caption.measures.survey_items": ("Survey results by item", "תוצאות הסקר לפי פריט"),
    "report.caption.measures.survey_by_unit": ("Survey by unit", "הסקר לפי יחידה"),
    "report.caption.measures.survey_by_channel": ("Survey by channel", "הסקר לפי ערוץ"),
    "report.caption.measures.survey_by_service": ("Survey by service", "הסקר לפי שירות"),
    "report.caption.measures.survey_by_wave": ("Survey by wave", "הסקר לפי גל"),
    "report.caption.measures.survey_by_month": ("Survey by month", "הסקר לפי חודש"),
    "report.caption.measures.nps": ("NPS by group", "מדד NPS לפי פילוח"),
    "report.caption.measures.unit_vs_all": ("Each unit against the others", "כל יחידה מול שאר היחידות"),
    "report.caption.measures.wave_over_wave": ("Change between survey waves", "שינוי בין גלי הסקר"),
    "report.caption.measures.weighting": ("Weighted survey results", "תוצאות הסקר בשקלול"),
    "report.caption.measures.drivers": ("Key drivers of satisfaction", "גורמי מפתח לשביעות רצון"),
    "report.caption.measures.importance_performance": ("Importance–performance", "חשיבות–ביצוע"),
    "report.caption.measures.service_signal": ("Survey signal by service", "אות הסקר לפי שירות"),
    "report.caption.measures.themes": ("Comment themes", "נושאים בהערות המשיבים"),
    "report.caption.measures.comments": ("Comments", "הערות המשיבים"),
    "report.caption.measures.kpi_scorecard": ("KPI scorecard", "כרטיס מדדים"),
    "report.caption.measures.kpi_signals": ("Control-chart signals", "אותות בתרשימי הבקרה"),
    "report.caption.measures.service_standards": ("Service standards met", "עמידה באמות המידה לשירות"),
    "report.caption.management.observations_by_item": ("Observation scores by item", "ציוני תצפית לפי פריט"),
    "report.caption.management.observations_by_unit_item": ("Observations by unit and item", "תצפיות לפי יחידה ופריט"),
    "report.caption.management.observations_by_observer": ("Observation scores by observer", "ציוני תצפית לפי צופה"),
    "report.caption.management.coaching_focus": ("Coaching focus by unit", "מוקד לאימון לפי יחידה"),
    "report.caption.management.calibration": ("Observer agreement", "הסכמה בין צופים"),
    "report.caption.management.actions_by_owner": ("Actions by owner", "פעולות לפי אחראי"),
    "report.caption.management.actions_by_unit": ("Actions by unit", "פעולות לפי יחידה"),
    "report.caption.management.actions_by_source": ("Actions by source", "פעולות לפי מקור"),
    "report.caption.management.actions_overdue": ("Overdue actions", "פעולות באיחור"),
    "report.caption.management.actions_burndown": ("Action plan burn-down", "התקדמות תוכנית הפעולה"),
    "report.caption.management.actions_rounds": ("Actions by measurement round", "פעולות לפי סבב מדידה"),
    "report.caption.management.findings_without_action": ("Findings without an action", "ממצאים ללא פעולה"),
    "report.caption.management.lessons_pareto": ("Lessons learned by category", "הפקת לקחים לפי קטגוריה"),
    "report.caption.management.lessons_without_action": ("Lessons without an action", "לקחים ללא פעולה"),
    "report.caption.management.training_effect": ("Training effect by unit", "אפקטיביות ההדרכה לפי יחידה"),
    "report.caption.management.training_transfer": ("Training seen in observations", "ההדרכה בראי התצפיות"),
    "batch.title": ("Reports", "דוחות"),
    "batch.col.client": ("Client", "ארגון"),
    "batch.col.status": ("Status", "מצב"),
    "batch.col.report": ("Report", "דוח"),
    "batch.col.figures": ("Key figures", "נתונים עיקריים"),
    "batch.status.ok": ("done", "הושלם"),
    "batch.status.skipped": ("unchanged", "ללא שינוי"),
    "batch.status.failed": ("failed", "נכשל"),
    "batch.failed_cell": ("Notebook {notebook} failed at cell {cell}: {error}",
                          "המחברת {notebook} נכשלה בתא {cell}: {error}"),
    "batch.timeout_cell": ("Notebook {notebook} timed out at cell {cell}: the client's notebooks may run for "
                           "{seconds} s in all (--timeout); the kernel was restarted.",
                           "המחברת {notebook} חרגה מהזמן בתא {cell}: מחברות הלקוח רשאיות לרוץ {seconds} שניות בסך הכול "
                           "(‎--timeout‎); הקרנל הופעל מחדש."),
    "batch.kernel_died": ("Notebook {notebook}: the kernel died at cell {cell}, also when retried in a fresh kernel "
                          "(the code ended the process, crashed or ran out of memory).",
                          "המחברת {notebook}: הקרנל קרס בתא {cell}, גם בניסיון חוזר בקרנל חדש (הקוד סיים את התהליך, "
                          "קרס או שנגמר הזיכרון)."),
    "batch.worker_died": ("The worker process running this client died (killed, crashed or out of memory) {detail}; "
                          "the rest of the batch went on.",
                          "תהליך העבודה שהריץ את הלקוח הזה קרס (הופסק, התרסק או שנגמר הזיכרון) {detail}; שאר האצווה "
                          "המשיכה."),
    "batch.figure.cases": ("cases", "פניות"),
    "batch.figure.csat": ("satisfaction", "שביעות רצון"),
    "batch.figure.overdue": ("overdue actions", "פעולות באיחור"),
}

# --------------------------------------------------------------------------- analyses: one section per module (key prefix)
_PRIORITIZE: dict[str, tuple[str, str]] = {   # "prioritize.*"
    "prioritize.skipped": ("Prioritization was skipped because the Services sheet is empty.",
                           "התעדוף לא בוצע משום שגיליון השירותים ריק."),
    # -- errors (bad analysis input)
    "prioritize.error.labels": ("Expected a judgement matrix whose rows and columns name the same criteria; found rows "
                                "{rows} and columns {columns}.",
                                "נדרשת מטריצת שיפוטים שבה השורות והעמודות הן אותם קריטריונים; נמצאו שורות {rows} "
                                "ועמודות {columns}."),
    "prioritize.error.not_numeric": ("Expected numbers only; found text or an infinite value.",
                                     "נדרשים מספרים בלבד; נמצא טקסט או ערך אינסופי."),
    "prioritize.error.not_square": ("Expected a square pairwise-comparison matrix; found shape {shape}.",
                                    "נדרשת מטריצת השוואות זוגיות ריבועית; נמצאו ממדים {shape}."),
    "prioritize.error.not_positive": ("Expected positive judgements (1/9 to 9); found {value} for {a} over {b}.",
                                      "נדרשים שיפוטים חיוביים (1/9 עד 9); נמצא {value} עבור {a} מול {b}."),
    "prioritize.error.diagonal": ("Expected 1 on the diagonal (a criterion compared with itself); found {value} for {a}.",
                                  "נדרש 1 באלכסון (קריטריון מול עצמו); נמצא {value} עבור {a}."),
    "prioritize.error.not_reciprocal": ("Expected a reciprocal matrix (a[j,i] = 1/a[i,j]); found {a} over {b} = {ab} "
                                        "and {b} over {a} = {ba} (product {product}, expected 1).",
                                        "נדרשת מטריצה הופכית (a[j,i] = 1/a[i,j]); נמצא {a} מול {b} = {ab} "
                                        "ו־{b} מול {a} = {ba} (מכפלה {product}, נדרש 1)."),
    "prioritize.error.signal_type": ("Expected the survey benefit signal as a mapping or pandas Series of service id "
                                     "to a share between 0 and 1; found {found}.",
                                     "נדרש אות התועלת מהסקר כמיפוי או כסדרת pandas ממזהה שירות לשיעור בין 0 ל־1; "
                                     "נמצא {found}."),
    "prioritize.error.signal_value": ("Expected the survey benefit signal of each service as a share between 0 and 1; "
                                      "found {value} for {service}.",
                                      "נדרש אות התועלת מהסקר לכל שירות כשיעור בין 0 ל־1; נמצא {value} עבור {service}."),
    "prioritize.error.method": ("Expected method \"eigen\" or \"geometric\"; found \"{method}\".",
                                "נדרשת שיטה \"eigen\" או \"geometric\"; נמצא \"{method}\"."),
    "prioritize.error.pairwise_column": ("Expected a Pairwise column “{column}”; found columns {found}.",
                                         "נדרשת בגיליון ההשוואות הזוגיות העמודה „{column}”; נמצאו {found}."),
    "prioritize.error.pairwise_unknown": ("A pairwise judgement names “{name}”, which is not among the criteria ({allowed}).",
                                          "שיפוט זוגי מזכיר את „{name}”, שאינו בין הקריטריונים ({allowed})."),
    "prioritize.error.pairwise_self": ("A pairwise judgement compares “{name}” with itself; expected two different criteria.",
                                       "שיפוט זוגי משווה את „{name}” לעצמו; נדרשים שני קריטריונים שונים."),
    "prioritize.error.criteria_column": ("Expected a Criteria column “{column}”; found columns {found}.",
                                         "נדרשת בגיליון הקריטריונים העמודה „{column}”; נמצאו {found}."),
    "prioritize.error.criteria_duplicate": ("Criterion “{name}” appears twice; expected each criterion once.",
                                            "הקריטריון „{name}” מופיע פעמיים; כל קריטריון צריך להופיע פעם אחת."),
    "prioritize.error.weight": ("Expected a weight of 0 or more for “{name}”; found {value}.",
                                "נדרש משקל 0 ומעלה עבור „{name}”; נמצא {value}."),
    "prioritize.error.weights_zero": ("All criteria weights are 0; expected at least one positive weight.",
                                      "כל משקלי הקריטריונים הם 0; נדרש לפחות משקל חיובי אחד."),
    "prioritize.error.direction": ("Expected direction benefit or cost for “{name}”; found “{value}”.",
                                   "נדרש כיוון תועלת או עלות עבור „{name}”; נמצא „{value}”."),
    "prioritize.error.weights_missing": ("No weight given for criteria {names}; expected one weight per criterion.",
                                         "לא ניתן משקל לקריטריונים {names}; נדרש משקל לכל קריטריון."),
    "prioritize.error.weights_length": ("Expected {expected} weights (one per criterion); found {found}.",
                                        "נדרשים {expected} משקלים (אחד לכל קריטריון); נמצאו {found}."),
    "prioritize.error.weights_invalid": ("Expected finite, non-negative weights with a positive sum; found {values}.",
                                         "נדרשים משקלים סופיים ולא שליליים שסכומם חיובי; נמצא {values}."),
    "prioritize.error.directions_length": ("Expected {expected} directions (one per criterion); found {found}.",
                                           "נדרשים {expected} כיווני העדפה (אחד לכל קריטריון); נמצאו {found}."),
    "prioritize.error.matrix_shape": ("Expected a table of services × criteria; found shape {shape}.",
                                      "נדרשת טבלת שירותים × קריטריונים; נמצאו ממדים {shape}."),
    "prioritize.error.criterion_empty": ("Criterion “{name}” has no values; expected at least one.",
                                         "לקריטריון „{name}” אין ערכים; נדרש לפחות ערך אחד."),
    "prioritize.error.negative": ("Expected values of 0 or more for “{name}”; found a negative value.",
                                  "נדרשים ערכים 0 ומעלה עבור „{name}”; נמצא ערך שלילי."),
    "prioritize.error.quadrant_missing": ("Expected an effort and a benefit score for every service; some are missing.",
                                          "נדרשים ציון מאמץ וציון תועלת לכל שירות; חלקם חסרים."),
    "prioritize.error.topsis_missing": ("Expected a value for every service in “{name}”; some are missing.",
                                        "נדרש ערך לכל שירות בקריטריון „{name}”; חלק מהערכים חסרים."),
    "prioritize.error.concentration": ("Expected a positive Dirichlet concentration; found {value}.",
                                       "נדרש פרמטר ריכוז חיובי להתפלגות דיריכלה; נמצא {value}."),
    "prioritize.error.samples": ("Expected at least one Monte Carlo sample; found {value}.",
                                 "נדרשת לפחות דגימת מונטה קרלו אחת; נמצא {value}."),
    "prioritize.error.infeasible": ("No roadmap satisfies every constraint: {reasons}",
                                    "אין מפת דרכים שעומדת בכל האילוצים: {reasons}"),
    "prioritize.error.plan_value": ("Expected a {what} of 0 or more for service {service}; found {value}.",
                                    "נדרש ערך {what} של 0 ומעלה לשירות {service}; נמצא {value}."),
    "prioritize.error.waves": ("Expected a whole number of waves, 1 or more; found {value}.",
                               "נדרש מספר שלם של גלים, 1 ומעלה; נמצא {value}."),
    "prioritize.error.capacity": ("Expected one non-negative capacity, or one per wave ({waves}); found {value}.",
                                  "נדרשת קיבולת אחת לא שלילית, או אחת לכל גל ({waves}); נמצא {value}."),
    "prioritize.error.discount": ("Expected a discount between 0 (exclusive) and 1; found {value}.",
                                  "נדרש מקדם היוון גדול מ־0 ועד 1; נמצא {value}."),
    "prioritize.error.plan_unknown": ("Service “{service}” in {what} is not among the services to plan.",
                                      "השירות „{service}” שב־{what} אינו בין השירותים לתכנון."),
    "prioritize.error.locked_wave": ("Services sheet, row {row}: service {service} is locked to wave {wave} "
                                     "(locked_wave), but the roadmap has {waves} waves (Engagement sheet: waves). "
                                     "Expected a wave from 1 to {waves}, or a blank cell.",
                                     "גיליון השירותים, שורה {row}: השירות {service} נקבע לגל {wave} (גל קבוע), אך "
                                     "במפת הדרכים יש {waves} גלים (גיליון פרטי הארגון: מספר גלים). נדרש גל בין 1 "
                                     "ל־{waves}, או תא ריק."),
    "prioritize.error.cycle": ("The dependencies form a cycle ({cycle}); expected each service to depend only on "
                               "services that come before it.",
                               "התלויות יוצרות מעגל ({cycle}); כל שירות צריך להיות תלוי רק בשירותים שקודמים לו."),
    "prioritize.error.solver": ("The optimiser stopped without a plan ({message}).",
                                "האופטימיזציה נעצרה בלי תוכנית ({message})."),
    # -- infeasible roadmap: which constraints clash
    "prioritize.conflict.locked_wave_range": ("Service {service} is locked to wave {wave}, but the roadmap has {waves} "
                                              "waves.",
                                              "השירות {service} נקבע לגל {wave}, אך במפת הדרכים יש {waves} גלים."),
    "prioritize.conflict.locked_before_dependency": ("Service {service} is locked to wave {wave}, before its dependency "
                                                     "{dependency}, which is locked to wave {dependency_wave}.",
                                                     "השירות {service} נקבע לגל {wave}, לפני {dependency} שהוא תלוי בו "
                                                     "ושנקבע לגל {dependency_wave}."),
    "prioritize.conflict.chain_too_long": ("Service {service} must be planned but ends a chain of {depth} services that "
                                           "depend on one another, and only {waves} waves are available for it.",
                                           "השירות {service} חייב להיכלל בתוכנית, אך הוא סוף שרשרת של {depth} שירותים "
                                           "התלויים זה בזה, ועומדים לרשותו רק {waves} גלים."),
    "prioritize.conflict.too_large": ("Service {service} must be planned but needs {days} person-days, more than any "
                                      "wave holds ({capacity}).",
                                      "השירות {service} חייב להיכלל בתוכנית, אך הוא דורש {days} ימי עבודה — יותר "
                                      "מהקיבולת של כל גל ({capacity})."),
    "prioritize.conflict.required_over_capacity": ("The mandatory and locked services and what they depend on ({count} "
                                                   "services) need {days} person-days; all waves together hold "
                                                   "{capacity}.",
                                                   "שירותי החובה, השירותים שנקבעו לגל ומה שהם תלויים בו ({count} "
                                                   "שירותים) דורשים {days} ימי עבודה; כל הגלים יחד מכילים {capacity}."),
    "prioritize.conflict.wave_overload": ("The services locked to wave {wave} need {days} person-days; the wave holds "
                                          "{capacity}.",
                                          "השירותים שנקבעו לגל {wave} דורשים {days} ימי עבודה; בגל יש {capacity}."),
    "prioritize.conflict.early_over_capacity": ("The services locked to wave {wave} or earlier, with what they depend "
                                                "on, need {days} person-days by the end of wave {wave}; the waves up to "
                                                "then hold {capacity}.",
                                                "השירותים שנקבעו לגל {wave} או לפניו, עם מה שהם תלויים בו, דורשים "
                                                "{days} ימי עבודה עד סוף גל {wave}; עד אז יש {capacity}."),
    "prioritize.conflict.quick_wins_too_few": ("At least {required} visible quick wins are required in wave 1, but only "
                                               "{available} can go there (a quick win locked to a later wave, or waiting "
                                               "for a service that cannot be in wave 1, cannot).",
                                               "נדרשים לפחות {required} הישגים מהירים נראים בגל 1, אך רק {available} "
                                               "יכולים להיכנס אליו (הישג מהיר שנקבע לגל מאוחר, או שממתין לשירות שאינו "
                                               "יכול להיות בגל 1, אינו יכול)."),
    "prioritize.conflict.quick_wins_capacity": ("Even the {required} smallest visible quick wins, with the services "
                                                "locked to wave 1, need {days} person-days; wave 1 holds {capacity}.",
                                                "אפילו {required} ההישגים המהירים הנראים הקטנים ביותר, יחד עם השירותים "
                                                "שנקבעו לגל 1, דורשים {days} ימי עבודה; בגל 1 יש {capacity}."),
    "prioritize.conflict.groups": ("These constraints cannot all hold together: {groups}. Relax one of them.",
                                   "האילוצים האלה אינם יכולים להתקיים יחד: {groups}. יש להקל באחד מהם."),
    "prioritize.conflict.input": ("The roadmap could not be planned: {message}", "לא ניתן לתכנן את מפת הדרכים: {message}"),
    "prioritize.group.capacity": ("wave capacity", "קיבולת הגלים"),
    "prioritize.group.dependencies": ("dependencies", "תלויות"),
    "prioritize.group.mandatory": ("mandatory services", "שירותי חובה"),
    "prioritize.group.locked": ("services locked to a wave", "שירותים שנקבעו לגל"),
    "prioritize.group.quick_wins": ("quick wins in wave 1", "הישגים מהירים בגל 1"),
    # -- vocabulary
    "prioritize.criterion.effort": ("Effort", "מאמץ"),
    "prioritize.criterion.benefit": ("Benefit", "תועלת"),
    "prioritize.criterion.visibility": ("Visibility", "נראות"),
    "prioritize.criterion.annual_volume": ("Annual volume", "היקף שנתי"),
    "prioritize.criterion.resources_days": ("Resources (person-days)", "משאבים (ימי עבודה)"),
    "prioritize.criterion.citizen_reach": ("Citizen reach", "היקף פונים"),
    "prioritize.direction.benefit": ("benefit (more is better)", "תועלת (יותר עדיף)"),
    "prioritize.direction.cost": ("cost (less is better)", "עלות (פחות עדיף)"),
    "prioritize.method.ahp": ("AHP pairwise comparisons", "השוואות זוגיות (AHP)"),
    "prioritize.method.direct": ("direct weights from the Criteria sheet", "משקלים ישירים מגיליון הקריטריונים"),
    "prioritize.method.default": ("equal default weights", "משקלים שווים כברירת מחדל"),
    "prioritize.quadrant.quick_win": ("Quick win", "הישג מהיר"),
    "prioritize.quadrant.major_project": ("Major project", "פרויקט מרכזי"),
    "prioritize.quadrant.fill_in": ("Fill-in", "משימה משלימה"),
    "prioritize.quadrant.thankless": ("Thankless task", "משימה כפוית טובה"),
    "prioritize.quadrants.quick_win": ("Quick wins", "הישגים מהירים"),
    "prioritize.quadrants.major_project": ("Major projects", "פרויקטים מרכזיים"),
    "prioritize.quadrants.fill_in": ("Fill-ins", "משימות משלימות"),
    "prioritize.quadrants.thankless": ("Thankless tasks", "משימות כפויות טובה"),
    "prioritize.unit.days": ("person-days", "ימי עבודה"),
    "prioritize.unit.effort_points": ("effort points", "נקודות מאמץ"),
    "prioritize.yes": ("yes", "כן"),
    "prioritize.none": ("none", "אין"),
    "prioritize.deferred": ("deferred", "נדחה לשלב מאוחר"),
    # -- reasoning per service (Priorities sheet)
    "prioritize.reason.score": ("score {score} = {parts}", "ציון {score} = {parts}"),
    "prioritize.reason.imputed": ("missing {criteria} taken as the median", "ערך חסר ב{criteria} הושלם בחציון"),
    "prioritize.reason.visible": (", visible", ", נראה"),
    "prioritize.reason.acceptability": ("in the top {n} in {p}% of weight samples",
                                        "בין {n} הראשונים ב־{p}% מדגימות המשקלים"),
    "prioritize.reason.topsis_in": ("TOPSIS puts it in the top {n} (rank {rank})",
                                    "לפי TOPSIS הוא בין {n} הראשונים (דירוג {rank})"),
    "prioritize.reason.topsis_out": ("TOPSIS puts it outside the top {n} (rank {rank})",
                                     "לפי TOPSIS הוא מחוץ ל־{n} הראשונים (דירוג {rank})"),
    "prioritize.reason.mandatory": ("mandatory", "חובה"),
    "prioritize.reason.wave": ("wave {wave}", "גל {wave}"),
    "prioritize.reason.locked": ("wave {wave} (locked by the consultant)", "גל {wave} (נקבע על ידי היועץ)"),
    "prioritize.reason.survey": ("the survey says concentrate here: {pct}% do not agree on the items that matter most "
                                 "(services' mean {mean}%; evidence beside the rank, not part of the score)",
                                 "לפי הסקר יש להתמקד כאן: {pct}% אינם מסכימים בפריטים החשובים ביותר (ממוצע השירותים "
                                 "{mean}%; ראיה לצד הדירוג, לא חלק מהציון)"),
    "prioritize.reason_code.capacity": ("capacity", "קיבולת"),
    "prioritize.reason_code.dependency": ("dependency", "תלות"),
    "prioritize.reason_code.low_value": ("low value", "ערך נמוך"),
    "prioritize.deferred.capacity": ("deferred for capacity: needs {days} {unit}, at most {free} free in any wave it "
                                     "could join",
                                     "נדחה לשלב מאוחר בשל קיבולת: דורש {days} {unit}, ובכל גל שאליו יכול להיכנס נותרו "
                                     "לכל היותר {free}"),
    "prioritize.deferred.dependency": ("deferred for a dependency: waits for {dependency}",
                                       "נדחה לשלב מאוחר בשל תלות: ממתין ל־{dependency}"),
    "prioritize.deferred.low_value": ("deferred for low value: score {value}, less value per {unit} than the planned "
                                      "services",
                                      "נדחה לשלב מאוחר בשל ערך נמוך: ציון {value}, ערך נמוך יותר לכל יחידת {unit} "
                                      "מהשירותים שבתוכנית"),
    # -- table columns
    "prioritize.col.rank": ("Rank", "דירוג"),
    "prioritize.col.service_id": ("Service ID", "מזהה שירות"),
    "prioritize.col.service_name": ("Service", "שם השירות"),
    "prioritize.col.unit": ("Unit", "יחידה"),
    "prioritize.col.score": ("Score", "ציון"),
    "prioritize.col.quadrant": ("Quadrant", "רביע"),
    "prioritize.col.visibility": ("Visibility", "נראות"),
    "prioritize.col.wave": ("Wave", "גל"),
    "prioritize.col.p_top": ("P(top N)", "הסתברות להיות בראש הדירוג"),
    "prioritize.col.p_first": ("P(rank 1)", "הסתברות לדירוג ראשון"),
    "prioritize.col.expected_rank": ("Expected rank", "דירוג צפוי"),
    "prioritize.col.topsis_rank": ("TOPSIS rank", "דירוג TOPSIS"),
    "prioritize.col.closeness": ("TOPSIS closeness", "מקדם קרבה (TOPSIS)"),
    "prioritize.col.method_dependent": ("Depends on method", "תלוי בשיטה"),
    "prioritize.col.reasoning": ("Reasoning", "נימוק"),
    "prioritize.col.survey_signal": ("Survey: % not agreeing on the focus items",
                                     "סקר: שיעור שאינם מסכימים בפריטי המיקוד (%)"),
    "prioritize.col.intake_row": ("Intake row", "שורה בקובץ הקליטה"),
    "prioritize.col.criterion": ("Criterion", "קריטריון"),
    "prioritize.col.value": ("Value", "ערך"),
    "prioritize.col.normalised": ("Normalised (0–1)", "ערך מנורמל (0-1)"),
    "prioritize.col.weight": ("Weight", "משקל"),
    "prioritize.col.contribution": ("Contribution", "תרומה לציון"),
    "prioritize.col.imputed": ("Imputed", "הושלם"),
    "prioritize.col.direction": ("Direction", "כיוון"),
    "prioritize.col.source": ("Source", "מקור"),
    "prioritize.col.input_weight": ("Weight as entered", "המשקל שהוזן"),
    "prioritize.col.scale": ("Normalised on", "טווח הנרמול"),
    "prioritize.col.measure": ("Measure", "מדד"),
    "prioritize.col.pair": ("Pair", "זוג"),
    "prioritize.col.given": ("Judgement given", "השיפוט שניתן"),
    "prioritize.col.consistent": ("Consistent with the others", "ערך עקבי עם שאר השיפוטים"),
    "prioritize.col.deviation": ("Deviation (e_ij)", "סטייה (e_ij)"),
    "prioritize.col.raters": ("Raters", "מדרגים"),
    "prioritize.col.geometric_mean": ("Geometric mean", "ממוצע גאומטרי"),
    "prioritize.col.min": ("Lowest", "הנמוך ביותר"),
    "prioritize.col.max": ("Highest", "הגבוה ביותר"),
    "prioritize.col.spread": ("Spread (×)", "פיזור (×)"),
    "prioritize.col.first_from": ("Rank 1 holds from", "הדירוג הראשון נשמר מ־"),
    "prioritize.col.first_to": ("Rank 1 holds to", "הדירוג הראשון נשמר עד"),
    "prioritize.col.top_from": ("Top N holds from", "ראש הדירוג נשמר מ־"),
    "prioritize.col.top_to": ("Top N holds to", "ראש הדירוג נשמר עד"),
    "prioritize.col.enters_below": ("Enters below the range", "נכנס מתחת לטווח"),
    "prioritize.col.enters_above": ("Enters above the range", "נכנס מעל הטווח"),
    "prioritize.col.ahead": ("Ahead", "לפני"),
    "prioritize.col.behind": ("Behind", "אחרי"),
    "prioritize.col.new_weight": ("Weight that reverses them", "המשקל שהופך את הסדר"),
    "prioritize.col.change": ("Change", "שינוי"),
    "prioritize.col.capacity": ("Capacity", "קיבולת"),
    "prioritize.col.used": ("Used", "בשימוש"),
    "prioritize.col.services": ("Services", "שירותים"),
    "prioritize.col.reason": ("Reason", "סיבה"),
    "prioritize.col.detail": ("Detail", "פירוט"),
    "prioritize.col.conflict": ("Conflicting constraints", "אילוצים סותרים"),
    "prioritize.col.note": ("Note", "הערה"),
    "prioritize.ahp.lambda_max": ("λmax (principal eigenvalue)", "λmax (הערך העצמי הראשי)"),
    "prioritize.ahp.ci": ("Consistency index CI = (λmax − n)/(n − 1)", "מדד עקביות (CI)"),
    "prioritize.ahp.ri": ("Random index RI", "מדד אקראי RI"),
    "prioritize.ahp.cr": ("Consistency ratio CR = CI/RI", "יחס עקביות (CR)"),
    "prioritize.ahp.table": ("Random-index table", "טבלת המדד האקראי"),
    "prioritize.ahp.verdict": ("Verdict (CR ≤ 0.10)", "הכרעה (סף: יחס עקביות 0.10)"),
    "prioritize.ahp.ok": ("consistent enough", "עקבי דיו"),
    "prioritize.ahp.not_ok": ("inconsistent: ask the flagged judgements again", "לא עקבי: יש לשאול שוב את השיפוטים המסומנים"),
    "prioritize.ahp.gci": ("Geometric consistency index GCI (row geometric mean)",
                           "מדד עקביות גאומטרי (ממוצע גאומטרי של השורות)"),
    "prioritize.ahp.gci_threshold": ("GCI threshold (Aguarón & Moreno-Jiménez 2003)",
                                     "סף מדד העקביות הגאומטרי (אגוארון ומורנו־חימנס 2003)"),
    "prioritize.ahp.gci_verdict": ("Verdict (GCI ≤ threshold)", "הכרעה (מדד עקביות גאומטרי עד הסף)"),
    # -- method notes
    "prioritize.note.default_directions": ("No Criteria sheet: directions taken as usual for {criteria} (effort and "
                                           "resources are costs).",
                                           "אין גיליון קריטריונים: הכיוונים נקבעו כמקובל עבור {criteria} (מאמץ "
                                           "ומשאבים הם עלות)."),
    "prioritize.note.criterion_empty": ("Left out for lack of data: {criteria} (no values in the Services sheet).",
                                        "הושמטו מחוסר נתונים: {criteria} (אין ערכים בגיליון השירותים)."),
    "prioritize.note.fallback_default": ("No usable criterion: equal weights for benefit, visibility and effort were used.",
                                         "אין קריטריון שמיש: נעשה שימוש במשקלים שווים לתועלת, לנראות ולמאמץ."),
    "prioritize.note.ahp_precedence": ("The Pairwise sheet covers every pair of criteria, so its AHP weights were used "
                                       "instead of the Criteria sheet's weights.",
                                       "גיליון ההשוואות הזוגיות מכסה כל זוג קריטריונים, ולכן נעשה שימוש במשקלי AHP "
                                       "במקום במשקלים שבגיליון הקריטריונים."),
    "prioritize.note.pairwise_incomplete": ("The Pairwise sheet misses {pairs}, so AHP was not used.",
                                            "בגיליון ההשוואות הזוגיות חסרים {pairs}, ולכן לא נעשה שימוש ב־AHP."),
    "prioritize.note.weights_zero": ("The remaining criteria all have weight 0: equal weights were used.",
                                     "לכל הקריטריונים שנותרו משקל 0: נעשה שימוש במשקלים שווים."),
    "prioritize.note.imputed": ("{criteria}: {count} missing values were taken as the median.",
                                "{criteria}: {count} ערכים חסרים הושלמו בחציון."),
    "prioritize.note.no_resources": ("No resources_days in the Services sheet: the effort score (1–5) serves as each "
                                     "service's relative size in the roadmap.",
                                     "אין נתוני משאבים בגיליון השירותים: ציון המאמץ (1-5) משמש כגודל היחסי של כל "
                                     "שירות במפת הדרכים."),
    "prioritize.note.resources_imputed": ("Services without resources_days: {count}; the median ({median}) was used.",
                                          "שירותים ללא נתוני משאבים: {count}; נעשה שימוש בחציון ({median})."),
    "prioritize.note.capacity_assumed": ("No usable wave capacity: each of the {waves} waves holds {capacity} {unit} "
                                         "(the total divided evenly, and at least the largest service).",
                                         "אין קיבולת לגל שאפשר להשתמש בה: כל אחד מ־{waves} הגלים מכיל {capacity} "
                                         "{unit} (הסך הכול מחולק שווה בשווה, ולפחות כגודל השירות הגדול ביותר)."),
    "prioritize.note.capacity_ignored": ("The wave capacity is given in person-days, but no service has resources_days, "
                                         "so it cannot be applied.",
                                         "קיבולת הגל ניתנה בימי עבודה, אך לאף שירות אין נתוני משאבים, ולכן אי אפשר "
                                         "להחיל אותה."),
    "prioritize.note.quick_win_unplaceable": ("No visible quick win fits into wave 1, so none was required there.",
                                              "אף הישג מהיר נראה אינו נכנס לגל 1, ולכן לא נדרש שם הישג מהיר."),
    "prioritize.note.survey_signal": ("The survey's benefit signal (the share of respondents not agreeing on the "
                                      "\"concentrate here\" items; {count} services, {focus} above the services' mean) is "
                                      "shown beside the rank as evidence: it does not change the weighted score, the "
                                      "ranks or the roadmap. To let it count, raise the service's benefit in the "
                                      "Services sheet.",
                                      "אות התועלת מהסקר (שיעור המשיבים שאינם מסכימים בפריטי \"להתמקד כאן\"; {count} "
                                      "שירותים, {focus} מהם מעל ממוצע השירותים) מוצג לצד הדירוג כראיה: הוא אינו משנה את "
                                      "הציון המשוקלל, את הדירוג או את מפת הדרכים. כדי שישפיע, יש להעלות את התועלת של "
                                      "השירות בגיליון השירותים."),
    "prioritize.note.survey_signal_empty": ("The survey gives no benefit signal for any service (no survey, too few "
                                            "responses for a key driver analysis, no \"concentrate here\" item or no "
                                            "service in the responses).",
                                            "הסקר אינו נותן אות תועלת לאף שירות (אין סקר, מעט מדי משיבים לניתוח גורמי "
                                            "מפתח, אין פריט \"להתמקד כאן\" או שהתשובות אינן מציינות שירות)."),
    "prioritize.note.survey_unknown": ("The survey signal names services that are not in the Services sheet, left out: "
                                       "{services}.",
                                       "אות הסקר מזכיר שירותים שאינם בגיליון השירותים, ולכן לא נכללו: {services}."),
    "prioritize.note.acceptability": ("Rank acceptability (SMAA-2): {samples} weight vectors drawn from a Dirichlet "
                                      "distribution centred on the elicited weights, concentration {concentration} (the "
                                      "larger it is, the closer the samples stay to those weights), random seed {seed}; "
                                      "the same seed gives the same probabilities.",
                                      "הסתברות לדירוג (SMAA-2): {samples} וקטורי משקלים נדגמו מהתפלגות דיריכלה שמרכזה "
                                      "במשקלים שנקבעו, בפרמטר ריכוז {concentration} (ככל שהוא גדול יותר, הדגימות "
                                      "קרובות יותר למשקלים אלה), זרע אקראי {seed}; אותו זרע נותן אותן הסתברויות."),
    "prioritize.note.locked_intake": ("Services locked to a wave in the Services sheet ({count}): {services}.",
                                      "שירותים שנקבעו לגל בגיליון השירותים ({count}): {services}."),
    "prioritize.note.quick_wins_setting": ("The Engagement sheet requires at least {count} visible quick wins in wave 1.",
                                           "גיליון פרטי הארגון דורש לפחות {count} הישגים מהירים נראים בגל 1."),
    # -- charts
    "prioritize.chart.matrix_title": ("Effort and benefit: where each service stands", "מאמץ ותועלת: היכן עומד כל שירות"),
    "prioritize.chart.effort": ("Effort (1 = little, 5 = a lot)", "מאמץ (1 = מעט, 5 = הרבה)"),
    "prioritize.chart.benefit": ("Benefit (1 = little, 5 = a lot)", "תועלת (1 = מעטה, 5 = רבה)"),
    "prioritize.chart.visibility": ("Visibility (1–5)", "נראות (1-5)"),
    "prioritize.chart.size_small": ("smaller", "קטן יותר"),
    "prioritize.chart.size_large": ("larger", "גדול יותר"),
    "prioritize.chart.sensitivity_title": ("How far each weight can move before the top {n} changes",
                                           "כמה יכול כל משקל לזוז לפני ש־{n} הראשונים משתנים"),
    "prioritize.chart.weight": ("Weight (the other weights rescaled)", "משקל (שאר המשקלים מותאמים באופן יחסי)"),
    "prioritize.chart.top_holds": ("top {n} unchanged", "{n} הראשונים ללא שינוי"),
    "prioritize.chart.first_holds": ("first place unchanged", "המקום הראשון ללא שינוי"),
    "prioritize.chart.current_weight": ("current weight", "המשקל הנוכחי"),
    "prioritize.chart.acceptability_title": ("Rank acceptability over {samples} weight samples",
                                             "הסתברות לדירוג על פני {samples} דגימות משקלים"),
    "prioritize.chart.probability": ("Share of weight samples", "שיעור מדגימות המשקלים"),
    "prioritize.chart.rank1": ("rank 1", "דירוג ראשון"),
    "prioritize.chart.rank_top": ("ranks 2–{n}", "דירוג 2-{n}"),
    "prioritize.chart.rank_rest": ("below rank {n}", "מתחת לדירוג {n}"),
    "prioritize.chart.waves_title": ("Roadmap: services by wave", "מפת דרכים: שירותים לפי גל"),
    "prioritize.chart.wave_n": ("Wave {wave}", "גל {wave}"),
    "prioritize.chart.wave_axis": ("Wave (used/capacity, {unit})", "גל (ניצול/קיבולת, {unit})"),
    "prioritize.chart.truncated": ("(the best-scoring {shown} of {total} planned services)",
                                   "({shown} השירותים בעלי הציון הגבוה ביותר מתוך {total} שבתוכנית)"),
    "prioritize.chart.no_plan": ("No roadmap could be planned.", "לא ניתן היה לתכנן מפת דרכים."),
    # -- findings
    "prioritize.finding.top": ("The top priorities are {services}, with value-for-effort scores from {high} down to {low}.",
                               "בראש סדר העדיפויות: {services}, עם ציוני תועלת־למאמץ מ־{high} עד {low}."),
    "prioritize.finding.weights": ("Weights come from {method}; the heaviest criterion is {criterion} ({weight}%).",
                                   "המשקלים נקבעו לפי {method}; הקריטריון הכבד ביותר הוא {criterion} ({weight}%)."),
    "prioritize.finding.cr_ok": ("The judgements are consistent enough (CR {cr} ≤ 0.10).",
                                 "השיפוטים עקביים דיים (יחס עקביות {cr} ≤ 0.10)."),
    "prioritize.finding.cr_bad": ("The judgements are inconsistent (CR {cr} > 0.10): ask again about {a} versus {b} "
                                  "(answered {given}; about {consistent} would agree with the other answers).",
                                  "השיפוטים אינם עקביים (יחס עקביות {cr} > 0.10): יש לשאול שוב על {a} מול {b} "
                                  "(התשובה הייתה {given}; ערך של כ־{consistent} היה מתיישב עם שאר התשובות)."),
    "prioritize.finding.robust": ("{service} stays in the top {n} in {p}% of {samples} weight samples around the "
                                  "elicited weights.",
                                  "{service} נשאר בין {n} הראשונים ב־{p}% מתוך {samples} דגימות משקלים סביב "
                                  "המשקלים שנקבעו."),
    "prioritize.finding.robust_method": ("The weights were drawn from a Dirichlet distribution with concentration "
                                         "{concentration}, random seed {seed}.",
                                         "המשקלים נדגמו מהתפלגות דיריכלה בפרמטר ריכוז {concentration}, זרע אקראי "
                                         "{seed}."),
    "prioritize.finding.gci_ok": ("The geometric consistency index is {gci}, within the threshold of {threshold} for {n} "
                                  "criteria (Aguarón & Moreno-Jiménez 2003).",
                                  "מדד העקביות הגאומטרי הוא {gci}, בתוך הסף {threshold} עבור {n} קריטריונים "
                                  "(אגוארון ומורנו־חימנס 2003)."),
    "prioritize.finding.gci_bad": ("The geometric consistency index is {gci}, above the threshold of {threshold} for {n} "
                                   "criteria (Aguarón & Moreno-Jiménez 2003).",
                                   "מדד העקביות הגאומטרי הוא {gci}, מעל הסף {threshold} עבור {n} קריטריונים "
                                   "(אגוארון ומורנו־חימנס 2003)."),
    "prioritize.finding.sensitive": ("The most sensitive weight is {criterion}: the top {n} holds while it stays "
                                     "between {low} and {high} (now {weight}).",
                                     "המשקל הרגיש ביותר הוא {criterion}: {n} הראשונים נשמרים כל עוד הוא בין {low} "
                                     "ל־{high} (כעת {weight})."),
    "prioritize.finding.gain": (" ({pct}% more than a greedy sort)", " ({pct}% יותר ממיון חמדני)"),
    "prioritize.finding.gain_none": (" (the greedy sort happens to reach the same value here)",
                                     " (כאן המיון החמדני מגיע במקרה לאותו ערך)"),
    "prioritize.chart.mandatory": ("mandatory (outlined)", "חובה (במסגרת)"),
    "prioritize.finding.plan": ("The roadmap places {planned} of {total} services in {waves} waves, delivering value "
                                "{value} against {greedy} for a greedy sort{gain}; {deferred} deferred ({capacity} for "
                                "capacity, {dependency} for a dependency, {low_value} for low value).",
                                "מפת הדרכים משבצת {planned} מתוך {total} שירותים ב־{waves} גלים, בערך כולל של {value} "
                                "לעומת {greedy} במיון חמדני{gain}; {deferred} נדחו לשלב מאוחר ({capacity} בשל קיבולת, "
                                "{dependency} בשל תלות, {low_value} בשל ערך נמוך)."),
    "prioritize.finding.survey_later": ("The survey says to concentrate on {total} services; {count} of them are not "
                                        "in wave 1: {services}.",
                                        "לפי הסקר יש להתמקד ב־{total} שירותים; {count} מהם אינם בגל 1: {services}."),
    "prioritize.finding.survey_first": ("Every service the survey says to concentrate on is in wave 1: {services}.",
                                        "כל השירותים שלפי הסקר יש להתמקד בהם נמצאים בגל 1: {services}."),
    "prioritize.finding.infeasible": ("No roadmap satisfies the constraints: {reasons}",
                                      "אין מפת דרכים שעומדת באילוצים: {reasons}"),
    "prioritize.finding.methods": ("TOPSIS agrees with the score ranking (Spearman {rho}); services whose top-{n} "
                                   "place depends on the method: {services}.",
                                   "שיטת TOPSIS מסכימה עם דירוג הציונים (ספירמן {rho}); שירותים שמקומם בין {n} "
                                   "הראשונים תלוי בשיטה: {services}."),
}

_JOURNEYS: dict[str, tuple[str, str]] = {     # "journeys.*"
    # errors
    "journeys.error.not_frame": ("Expected a case log as a table (pandas DataFrame); found {found}.",
                                 "נדרש יומן פניות בטבלה (pandas DataFrame); נמצא {found}."),
    "journeys.error.not_engagement": ("Expected a loaded engagement (svcwork.load); found {found}.",
                                      "נדרש ארגון טעון (svcwork.load); נמצא {found}."),
    "journeys.error.columns": ("The case log lacks the column(s) {missing}; expected case_id, activity and timestamp "
                               "(or their XES names). Found: {found}.",
                               "ביומן הפניות חסרות העמודות {missing}; נדרשות case_id, activity ו־timestamp (או שמותיהן "
                               "ב־XES). נמצאו: {found}."),
    "journeys.error.column_map": ("Column map names “{column}”, which is not a cases column; expected one of: {allowed}.",
                                  "מיפוי העמודות מציין „{column}”, שאינה עמודה של קובץ הפניות; נדרשת אחת מאלה: {allowed}."),
    "journeys.error.timestamps": ("Column {column} holds values that are not dates and times ({detail}); expected "
                                  "timestamps such as 2026-03-01 09:30.",
                                  "בעמודה {column} יש ערכים שאינם תאריך ושעה ({detail}); נדרשות חותמות זמן כגון 2026-03-01 09:30."),
    "journeys.error.empty": ("The case log has no usable event (each needs a case id, an activity and a timestamp).",
                             "ביומן הפניות אין אף אירוע שמיש (לכל אירוע נדרשים מזהה פנייה, פעילות ומועד)."),
    "journeys.error.days": ("Expected a whole number of days, 0 or more; found {value}.",
                            "נדרש מספר שלם של ימים, 0 ומעלה; נמצא {value}."),
    "journeys.error.top_k": ("Expected top_k to be a whole number, 1 or more; found {value}.",
                             "נדרש ש־top_k יהיה מספר שלם, 1 ומעלה; נמצא {value}."),
    "journeys.error.edge_share": ("Expected edge_share between 0 and 1; found {value}.",
                                  "נדרש ש־edge_share יהיה בין 0 ל־1; נמצא {value}."),
    "journeys.error.response_activities": ("None of the response activities given ({given}) occurs in the case log; "
                                           "its activities include: {found}.",
                                           "אף אחת מפעילויות המענה שצוינו ({given}) אינה מופיעה ביומן הפניות; "
                                           "הפעילויות בו כוללות: {found}."),
    "journeys.error.end_activities": ("None of the end activities given ({given}) occurs in the case log; its "
                                      "activities include: {found}.",
                                      "אף אחת מפעילויות הסיום שצוינו ({given}) אינה מופיעה ביומן הפניות; הפעילויות בו "
                                      "כוללות: {found}."),
    "journeys.error.no_steps": ("The journey has no steps to draw.", "למסע אין צעדים לשרטוט."),
    "journeys.error.target": ("A service standard's target must be a number; found “{value}”.",
                              "יעד של אמת מידה לשירות חייב להיות מספר; נמצא „{value}”."),
    "journeys.error.panels": ("Expected service_panels to be a whole number, 1 or more; found {value}.",
                              "מספר הלוחות לשירותים (service_panels) חייב להיות מספר שלם, 1 ומעלה; נמצא {value}."),
    # skipped
    "journeys.skipped.all": ("This analysis was skipped because the intake has no Journey or Channels sheet and no "
                             "case log.",
                             "ניתוח זה לא בוצע משום שבקובץ הקליטה אין גיליון מסע לקוח או ערוצים ואין יומן פניות."),
    "journeys.skipped.cases": ("The case-log analysis was skipped because no cases file was supplied.",
                               "ניתוח יומן הפניות לא בוצע משום שלא צורף קובץ פניות."),
    "journeys.skipped.journey": ("No journey maps were drawn because the Journey sheet is missing or empty.",
                                 "לא שורטטו מפות מסע לקוח משום שגיליון מסע הלקוח חסר או ריק."),
    "journeys.skipped.channels": ("Channel parity was skipped because the Channels sheet is missing or empty.",
                                  "בדיקת האחידות בין הערוצים לא בוצעה משום שגיליון הערוצים חסר או ריק."),
    # data quality
    "journeys.dq.events": ("Events analysed", "אירועים שנותחו"),
    "journeys.dq.cases": ("Cases analysed", "פניות שנותחו"),
    "journeys.dq.dropped": ("Events left out (no case id, activity or timestamp)",
                            "אירועים שהושמטו (ללא מזהה פנייה, פעילות או מועד)"),
    "journeys.dq.dropped_note": ("{no_case} without case id, {no_activity} without activity, {no_timestamp} without "
                                 "timestamp",
                                 "{no_case} ללא מזהה פנייה, {no_activity} ללא פעילות, {no_timestamp} ללא מועד"),
    "journeys.dq.no_unit": ("Events without a unit", "אירועים ללא יחידה"),
    "journeys.dq.no_resource": ("Events without a handler", "אירועים ללא גורם מטפל"),
    "journeys.dq.column_absent": ("the column is not in the log", "העמודה אינה ביומן"),
    "journeys.dq.offsets": ("Time-zone offsets found", "הפרשי שעון שנמצאו"),
    "journeys.dq.offsets_note": ("mixed offsets ({found}), normalised to UTC", "הפרשי שעון מעורבים ({found}), נורמלו ל־UTC"),
    "journeys.dq.ties": ("Events sharing a timestamp with another event of the case",
                         "אירועים שמועדם זהה לאירוע אחר באותה פנייה"),
    "journeys.dq.cases_note": ("in {count} cases", "ב־{count} פניות"),
    "journeys.dq.out_of_order": ("Events listed out of time order", "אירועים שנרשמו שלא לפי סדר הזמן"),
    "journeys.dq.duplicates": ("Duplicate events (same case, activity and timestamp)",
                               "אירועים כפולים (אותה פנייה, פעילות ומועד)"),
    "journeys.dq.single_event": ("Cases with a single event", "פניות עם אירוע יחיד"),
    # columns
    "journeys.col.check": ("Check", "בדיקה"),
    "journeys.col.count": ("Count", "מספר"),
    "journeys.col.share": ("Share", "שיעור"),
    "journeys.col.note": ("Note", "הערה"),
    "journeys.col.service": ("Service", "שירות"),
    "journeys.col.service_id": ("Service", "שירות"),
    "journeys.col.channel": ("Channel", "ערוץ"),
    "journeys.col.unit": ("Unit", "יחידה"),
    "journeys.col.month": ("Month", "חודש"),
    "journeys.col.cases": ("Cases", "פניות"),
    "journeys.col.median_days": ("End-to-end time, median (days)", "זמן טיפול מקצה לקצה, חציון (ימים)"),
    "journeys.col.p90_days": ("End-to-end time, 90th percentile (days)", "זמן טיפול מקצה לקצה, אחוזון 90 (ימים)"),
    "journeys.col.median_first_response_days": ("First response time, median (days)", "זמן עד מענה ראשון, חציון (ימים)"),
    "journeys.col.sla_met": ("Within the deadline", "בתוך יעד הזמן"),
    "journeys.col.closure_rate": ("Closure rate", "שיעור סגירה"),
    "journeys.col.rework_rate": ("Rework rate", "שיעור עבודה חוזרת"),
    "journeys.col.handoffs_per_case": ("Hand-offs per case", "העברות בין יחידות לפנייה"),
    "journeys.col.repeat_contact_rate": ("Repeat contact rate", "שיעור פניות חוזרות"),
    "journeys.col.fcr": ("First contact resolution", "פתרון בפנייה ראשונה"),
    "journeys.col.rank": ("Rank", "דירוג"),
    "journeys.col.variant": ("Path", "מסלול"),
    "journeys.col.steps": ("Steps", "צעדים"),
    "journeys.col.cumulative_share": ("Cumulative share", "שיעור מצטבר"),
    "journeys.col.metric": ("Measure", "מדד"),
    "journeys.col.value": ("Value", "ערך"),
    "journeys.col.activity": ("Activity", "פעילות"),
    "journeys.col.from": ("From unit", "מיחידה"),
    "journeys.col.to": ("To unit", "ליחידה"),
    "journeys.col.handoffs": ("Hand-offs", "העברות"),
    "journeys.col.median_hours_lost": ("Time lost at the hand-off, median (hours)", "זמן שאבד בהעברה, חציון (שעות)"),
    "journeys.col.pingpong": ("Ping-pong (A→B→A)", "העברות הלוך ושוב (A→B→A)"),
    "journeys.col.end_to_end": ("end to end", "מקצה לקצה"),
    "journeys.col.frontal": ("Front desk", "קבלת קהל"),
    "journeys.col.digital_match": ("Digital match", "מענה דיגיטלי מקביל"),
    "journeys.col.digital_share": ("Digital take-up", "שיעור שימוש דיגיטלי"),
    "journeys.col.source": ("Source", "מקור"),
    "journeys.col.measure": ("Commitment", "התחייבות"),
    "journeys.col.target": ("Target", "יעד"),
    "journeys.col.median": ("Actual, median (days)", "בפועל, חציון (ימים)"),
    "journeys.col.met": ("Share meeting the target", "שיעור העומדים ביעד"),
    "journeys.col.journey": ("Journey", "מסע"),
    "journeys.col.step": ("Step", "צעד"),
    "journeys.col.stage": ("Stage", "שלב"),
    "journeys.col.pain_point": ("Pain point", "נקודת כאב"),
    "journeys.col.moment_of_truth": ("Moment of truth", "רגע האמת"),
    "journeys.col.evidence": ("Evidence level", "רמת ביסוס"),
    "journeys.col.from_log": ("From the case log", "מיומן הפניות"),
    "journeys.all": ("all", "הכול"),
    "journeys.available.yes": ("yes", "כן"),
    "journeys.available.no": ("no", "לא"),
    "journeys.available.partial": ("partial", "חלקי"),
    "journeys.source.log": ("case log", "יומן הפניות"),
    "journeys.source.intake": ("intake (share of requests)", "קובץ הקליטה (שיעור מהפניות)"),
    "journeys.measure.first_response_days": ("First response (days)", "זמן עד מענה ראשון (ימים)"),
    "journeys.measure.resolution_days": ("Resolution (days)", "זמן טיפול מקצה לקצה (ימים)"),
    "journeys.measure.answer_seconds": ("Answer time (seconds)", "זמן עד מענה (שניות)"),
    "journeys.measure.kpi": ("KPI {kpi}", "מדד {kpi}"),
    "journeys.all_services": ("all services (*)", "כל השירותים (*)"),
    "journeys.all_channels": ("all channels (*)", "כל הערוצים (*)"),
    "journeys.col.met_low": ("Share meeting the target, 95% interval: low", "שיעור העומדים ביעד, רווח סמך 95%: גבול תחתון"),
    "journeys.col.met_high": ("Share meeting the target, 95% interval: high", "שיעור העומדים ביעד, רווח סמך 95%: גבול עליון"),
    "journeys.col.commitment_no": ("Commitment no.", "מס' התחייבות"),
    "journeys.col.status": ("Status", "מצב"),
    "journeys.col.breakdown": ("Breakdown", "פילוח"),
    "journeys.col.group": ("Group", "קבוצה"),
    "journeys.consistency.none": ("no commitment", "אין התחייבות"),
    "journeys.consistency.ok": ("the same on every channel", "זהה בכל הערוצים"),
    "journeys.consistency.different": ("different targets by channel ({targets})", "יעדים שונים בערוצים השונים ({targets})"),
    "journeys.consistency.missing": ("no commitment on: {channels}", "אין התחייבות בערוצים: {channels}"),
    "journeys.consistency.case_log": ("set against the case log in the service standards table",
                                      "נבדקת מול יומן הפניות בטבלת אמות המידה לשירות"),
    "journeys.consistency.answer": ("not measurable from the case log: answer times come from the telephone or chat "
                                    "system (only phone, chat and counter are expected to carry it)",
                                    "לא ניתן למדידה מיומן הפניות: זמני מענה מגיעים ממערכת הטלפוניה או הצ'אט "
                                    "(ההתחייבות נדרשת רק בטלפון, בצ'אט ובקבלת קהל)"),
    "journeys.consistency.kpi": ("a KPI: measured in the KPI scorecard, not from the case log; a channel without it "
                                 "is not flagged",
                                 "מדד: נמדד בכרטיס המדדים ולא מיומן הפניות; ערוץ שאין לו התחייבות במדד זה אינו מסומן"),
    "journeys.variants.other": ("{count} other paths ({single} followed by a single case)",
                                "{count} מסלולים אחרים ({single} מהם של פנייה אחת)"),
    # ideal path
    "journeys.ideal.path": ("Ideal path", "המסלול הרצוי"),
    "journeys.ideal.given": ("The ideal path was given by the consultant.", "המסלול הרצוי נקבע על ידי היועץ."),
    "journeys.ideal.assumed": ("Assumed ideal path: the most common path of closed cases.",
                               "מסלול רצוי משוער: המסלול הנפוץ ביותר בפניות שנסגרו."),
    "journeys.ideal.exact": ("Cases that follow it exactly", "פניות שעברו בו בדיוק"),
    "journeys.ideal.days_ideal": ("Median days on the ideal path", "חציון ימים במסלול הרצוי"),
    "journeys.ideal.days_other": ("Median days on other paths", "חציון ימים במסלולים אחרים"),
    "journeys.ideal.extra_steps": ("Median extra steps on other paths", "חציון צעדים עודפים במסלולים אחרים"),
    "journeys.ideal.coverage": ("Cases covered by the {k} most common paths", "פניות שמכוסות ב־{k} המסלולים הנפוצים"),
    "journeys.ideal.k80": ("Paths needed to cover 80% of cases", "מספר המסלולים שמכסים 80% מהפניות"),
    "journeys.ideal.tail": ("Paths followed by a single case (long tail)", "מסלולים של פנייה אחת בלבד (הזנב הארוך)"),
    # pain-point numbers
    "journeys.pain.sla": ("{count} of {total} cases miss the deadline", "{count} מתוך {total} פניות חורגות מהיעד"),
    "journeys.pain.handoff": ("{count} of {total} cases are handed off between units",
                              "{count} מתוך {total} פניות מועברות בין יחידות"),
    "journeys.pain.rework": ("{count} of {total} cases repeat a step", "ב־{count} מתוך {total} פניות יש עבודה חוזרת"),
    "journeys.pain.repeat": ("{count} of {total} cases are repeat contacts", "{count} מתוך {total} פניות הן פניות חוזרות"),
    "journeys.pain.open": ("{count} of {total} cases are not closed", "{count} מתוך {total} פניות לא נסגרו"),
    # journey map
    "journeys.lane.stage": ("Stage", "שלב"),
    "journeys.lane.touchpoint": ("Touchpoint", "נקודת מגע"),
    "journeys.lane.channel": ("Channel", "ערוץ"),
    "journeys.lane.emotion": ("Emotion", "עקומת רגש"),
    "journeys.lane.visibility": ("Line of visibility", "קו הנראות"),
    "journeys.lane.backstage": ("Backstage", "מאחורי הקלעים"),
    "journeys.lane.evidence": ("Evidence", "רמת ביסוס"),
    "journeys.evidence.none": ("no data", "אין נתונים"),
    "journeys.evidence.partial": ("partial", "חלקי"),
    "journeys.evidence.data": ("data-backed", "מבוסס נתונים"),
    "journeys.map.legend": ("★ moment of truth   ● numbered: pain point (see below)   ○ ◐ ● evidence level",
                            "★ רגע האמת   ● ממוספר: נקודת כאב (ראו למטה)   ○ ◐ ● רמת ביסוס"),
    "journeys.map.hidden": ("Hidden: {edges} rarer transitions (taken fewer than {count} times) and {activities} less "
                            "frequent activities.",
                            "לא מוצגים: {edges} מעברים נדירים (פחות מ־{count} פעמים) ו־{activities} פעילויות נדירות."),
    "journeys.contact.linked": ("Cases with a citizen id (pseudonymised)", "פניות עם מזהה פונה (בכינוי)"),
    "journeys.contact.window": ("Repeat-contact window (days)", "חלון פנייה חוזרת (ימים)"),
    "journeys.contact.switching": ("Citizens who came back and switched channel", "פונים שחזרו ועברו לערוץ אחר"),
    "journeys.map.back": ("Orange arrows go back in the process (rework); each label: times taken · median wait.",
                          "חצים כתומים חוזרים אחורה בתהליך (עבודה חוזרת); בכל תווית: מספר מעברים · חציון ההמתנה."),
    "journeys.map.nothing": ("Not enough cases to draw the process map.", "אין די פניות לשרטוט מפת התהליך."),
    "journeys.unit.days": ("{value} days", "{value} ימים"),
    "journeys.unit.hours": ("{value} h", "{value} שעות"),
    "journeys.unit.minutes": ("{value} min", "{value} דקות"),
    # figures
    "journeys.fig.journey_map": ("Journey map: {journey}", "מפת מסע לקוח: {journey}"),
    "journeys.fig.process_map": ("Process map: the common paths and the waiting between steps",
                                 "מפת תהליך: המסלולים הנפוצים וההמתנה בין הצעדים"),
    "journeys.fig.capability": ("End-to-end time by month of opening", "זמן טיפול מקצה לקצה לפי חודש הפתיחה"),
    "journeys.fig.capability_by_service": ("End-to-end time by month of opening, per service",
                                           "זמן טיפול מקצה לקצה לפי חודש הפתיחה, לכל שירות"),
    "journeys.capability.rest": ("Not drawn (fewer cases): {services}.", "לא שורטטו (פחות פניות): {services}."),
    "journeys.capability.more": ("and {count} more", "ועוד {count}"),
    "journeys.capability.small": ("{count} services with no month of {size} or more cases are not drawn.",
                                  "{count} שירותים שאין להם אף חודש עם {size} פניות או יותר לא שורטטו."),
    "journeys.fig.variants": ("The {k} most common paths cover {share} of cases", "{k} המסלולים הנפוצים מכסים {share} מהפניות"),
    "journeys.fig.handoffs": ("Hand-offs between units (pairs with fewer than {size} are not shown)",
                              "העברות בין יחידות (צמדים עם פחות מ־{size} אינם מוצגים)"),
    "journeys.fig.parity": ("Which channel offers which service", "איזה ערוץ נותן איזה שירות"),
    "journeys.fig.takeup": ("Digital take-up by service", "שיעור שימוש דיגיטלי לפי שירות"),
    "journeys.axis.days": ("Days", "ימים"),
    "journeys.axis.share_cases": ("Share of cases", "שיעור מהפניות"),
    "journeys.legend.median": ("Median", "חציון"),
    "journeys.legend.p90": ("90th percentile", "אחוזון 90"),
    "journeys.legend.sla": ("Deadline ({days} days)", "יעד זמן טיפול ({days} ימים)"),
    "journeys.legend.deadline": ("Deadline (median of the cases' deadlines, in days)",
                                 "יעד זמן טיפול (חציון היעדים של הפניות, בימים)"),
    # findings
    "journeys.finding.time": ("Half of the cases are resolved end to end within {median}; one in ten takes more than "
                              "{p90}; {breach} miss the deadline (the case's own, else {days} days).",
                              "מחצית הפניות מטופלות מקצה לקצה בתוך {median}; אחת מכל עשר אורכת יותר מ־{p90}; "
                              "{breach} חורגות מהיעד (יעד הפנייה, ואם אין — {days} ימים)."),
    "journeys.finding.switching": ("{share} of the citizens who came back switched channel.",
                                   "{share} מהפונים שחזרו ופנו שוב עברו לערוץ אחר."),
    "journeys.finding.per_case": ("The case log has one row per case ({cases} cases), not one per event: hand-offs, "
                                  "first-contact resolution, process variants, rework and time to first response are "
                                  "not measurable from this export.",
                                  "ביומן הפניות שורה אחת לכל פנייה ({cases} פניות) ולא שורה לכל אירוע: העברות בין "
                                  "יחידות, פתרון בפנייה ראשונה, גרסאות תהליך, עבודה חוזרת וזמן מענה ראשון אינם ניתנים "
                                  "למדידה מקובץ זה."),
    "journeys.col.measure": ("Measure", "מדד"),
    "journeys.col.reason": ("Why not shown", "מדוע אינו מוצג"),
    "journeys.reason.per_case": ("not measurable from this export: it has one row per case, not one per event",
                                 "אינו ניתן למדידה מקובץ זה: יש בו שורה לכל פנייה ולא לכל אירוע"),
    "journeys.measure.variants": ("Process variants", "גרסאות תהליך"),
    "journeys.measure.handoffs": ("Hand-offs between units", "העברות בין יחידות"),
    "journeys.measure.fcr": ("First-contact resolution", "פתרון בפנייה ראשונה"),
    "journeys.measure.rework": ("Rework", "עבודה חוזרת"),
    "journeys.measure.first_response": ("Time to first response", "זמן מענה ראשון"),
    "journeys.finding.variants": ("The most common path covers {share} of cases; {k} of the {variants} paths cover 80%.",
                                  "המסלול הנפוץ ביותר מכסה {share} מהפניות; {k} מתוך {variants} המסלולים מכסים 80%."),
    "journeys.finding.handoffs": ("Cases pass between units {per_case} times on average; the busiest hand-off is "
                                  "from {source} to {target} ({count} times), losing a median {lost} each time.",
                                  "פנייה עוברת בין יחידות {per_case} פעמים בממוצע; ההעברה השכיחה ביותר היא "
                                  "מ־{source} אל {target} ({count} פעמים), ובכל העברה אובד זמן חציוני של {lost}."),
    "journeys.finding.repeat": ("{rate} of cases are repeat contacts (within {days} days); first contact resolution "
                                "is {fcr}.",
                                "{rate} מהפניות הן פניות חוזרות (בתוך {days} ימים); שיעור הפתרון בפנייה ראשונה "
                                "הוא {fcr}."),
    "journeys.finding.digital_gap": ("{count} of {frontal} front-desk services have no end-to-end digital match: "
                                     "{services}.",
                                     "ל־{count} מתוך {frontal} השירותים הניתנים בקבלת קהל אין מענה דיגיטלי מקביל "
                                     "מקצה לקצה: {services}."),
    "journeys.finding.digital_ok": ("All {frontal} front-desk services can also be completed end to end on the web or "
                                    "in the app.",
                                    "את כל {frontal} השירותים הניתנים בקבלת קהל אפשר להשלים מקצה לקצה גם באתר או "
                                    "באפליקציה."),
    "journeys.finding.standards_mixed": ("{count} services promise different things on different channels "
                                         "(different targets, or a channel without a commitment): {services}.",
                                         "{count} שירותים מתחייבים לדברים שונים בערוצים שונים (יעדים שונים, או ערוץ "
                                         "ללא התחייבות): {services}."),
    "journeys.finding.standards_same": ("The service commitments are the same on every channel of each service.",
                                        "אמות המידה לשירות זהות בכל הערוצים של כל שירות."),
    "journeys.finding.maps": ("{journeys} citizen journeys were mapped, with {pains} pain points.",
                              "מופו {journeys} מסעות לקוח, ובהם {pains} נקודות כאב."),
}

_MEASURES: dict[str, tuple[str, str]] = {     # "measures.*"
    # survey items (OMB A-11 §280) and scales
    "measures.item.satisfaction": ("Satisfaction", "שביעות רצון"),
    "measures.item.trust": ("Trust", "אמון"),
    "measures.item.effectiveness": ("Effectiveness (need met)", "אפקטיביות (הצורך נענה)"),
    "measures.item.ease": ("Ease", "קלות"),
    "measures.item.efficiency": ("Efficiency", "יעילות"),
    "measures.item.equity": ("Equity / fair treatment", "הוגנות"),
    "measures.item.helpfulness": ("Employee helpfulness", "סיוע העובדים"),
    "measures.item.ces": ("Customer effort (CES, % easy)", "מאמץ הפונה (CES, שיעור ה'קל')"),
    # short item names: the survey findings an action plan mentions (management matches every name of an item)
    "measures.item_short.satisfaction": ("Satisfaction", "שביעות רצון"),
    "measures.item_short.trust": ("Trust", "אמון"),
    "measures.item_short.effectiveness": ("Effectiveness", "אפקטיביות"),
    "measures.item_short.ease": ("Ease", "קלות"),
    "measures.item_short.efficiency": ("Efficiency", "יעילות"),
    "measures.item_short.equity": ("Equity", "הוגנות"),
    "measures.item_short.helpfulness": ("Helpfulness", "סיוע העובדים"),
    # table headers
    "measures.col.unit": ("Unit", "יחידה"),
    "measures.col.channel": ("Channel", "ערוץ"),
    "measures.col.service_id": ("Service", "שירות"),
    "measures.col.wave": ("Wave", "גל"),
    "measures.col.month": ("Month", "חודש"),
    "measures.col.item": ("Item", "פריט"),
    "measures.col.n": ("Responses", "מספר משיבים"),
    "measures.col.pct_agree": ("% agree", "שיעור המסכימים (%)"),
    "measures.col.low": ("Lower limit", "גבול תחתון"),
    "measures.col.high": ("Upper limit", "גבול עליון"),
    "measures.col.mean_100": ("Mean (0–100)", "ממוצע (0–100)"),
    "measures.col.mean_low": ("Mean: lower limit", "ממוצע: גבול תחתון"),
    "measures.col.mean_high": ("Mean: upper limit", "ממוצע: גבול עליון"),
    "measures.col.unstable": ("Unstable estimate", "אומדן לא יציב"),
    "measures.col.breakdown": ("Breakdown", "פילוח"),
    "measures.col.group": ("Group", "קבוצה"),
    "measures.col.promoters": ("Promoters", "ממליצים"),
    "measures.col.detractors": ("Detractors", "מבקרים"),
    "measures.col.nps": ("NPS", "מדד NPS"),
    "measures.col.pct_rest": ("% agree, all other units", "שיעור המסכימים, שאר היחידות (%)"),
    "measures.col.pct_all": ("% agree, all units", "שיעור המסכימים, כל היחידות (%)"),
    "measures.col.diff": ("Difference (points)", "הפרש (נקודות אחוז)"),
    "measures.col.diff_low": ("Difference: lower limit", "הפרש: גבול תחתון"),
    "measures.col.diff_high": ("Difference: upper limit", "הפרש: גבול עליון"),
    "measures.col.status": ("Result", "תוצאה"),
    "measures.col.wave_from": ("From wave", "מגל"),
    "measures.col.wave_to": ("To wave", "לגל"),
    "measures.col.n_from": ("Responses (from)", "מספר משיבים (מגל)"),
    "measures.col.pct_from": ("% agree (from)", "שיעור המסכימים (מגל, %)"),
    "measures.col.n_to": ("Responses (to)", "מספר משיבים (לגל)"),
    "measures.col.pct_to": ("% agree (to)", "שיעור המסכימים (לגל, %)"),
    "measures.col.pct_unweighted": ("% agree, unweighted", "שיעור המסכימים, ללא שקלול (%)"),
    "measures.col.low_unweighted": ("Unweighted: lower limit", "ללא שקלול: גבול תחתון"),
    "measures.col.high_unweighted": ("Unweighted: upper limit", "ללא שקלול: גבול עליון"),
    "measures.col.pct_weighted": ("% agree, weighted", "שיעור המסכימים, משוקלל (%)"),
    "measures.col.low_weighted": ("Weighted: lower limit", "משוקלל: גבול תחתון"),
    "measures.col.high_weighted": ("Weighted: upper limit", "משוקלל: גבול עליון"),
    "measures.col.n_eff": ("Effective sample size", "גודל מדגם אפקטיבי"),
    "measures.col.weighted_by": ("Weighted to volumes by", "שקלול לפי היקפים של"),
    "measures.col.driver": ("Driver", "גורם"),
    "measures.col.rank": ("Rank", "דירוג"),
    "measures.col.share": ("Share (%)", "שיעור (%)"),
    "measures.col.share_low": ("Share: lower limit", "שיעור: גבול תחתון"),
    "measures.col.share_high": ("Share: upper limit", "שיעור: גבול עליון"),
    "measures.col.shapley": ("Shapley R² (LMG)", "פירוק Shapley של R² ‏(LMG)"),
    "measures.col.shapley_low": ("Shapley: lower limit", "Shapley: גבול תחתון"),
    "measures.col.shapley_high": ("Shapley: upper limit", "Shapley: גבול עליון"),
    "measures.col.relative_weight": ("Relative weight (Johnson)", "משקל יחסי (Johnson)"),
    "measures.col.relative_weight_low": ("Relative weight: lower limit", "משקל יחסי: גבול תחתון"),
    "measures.col.relative_weight_high": ("Relative weight: upper limit", "משקל יחסי: גבול עליון"),
    "measures.col.importance": ("Importance (% of explained variance)", "חשיבות (% מהשונות המוסברת)"),
    "measures.col.importance_low": ("Importance: lower limit", "חשיבות: גבול תחתון"),
    "measures.col.importance_high": ("Importance: upper limit", "חשיבות: גבול עליון"),
    "measures.col.performance": ("Performance (% agree)", "ביצוע (שיעור המסכימים, %)"),
    "measures.col.performance_low": ("Performance: lower limit", "ביצוע: גבול תחתון"),
    "measures.col.performance_high": ("Performance: upper limit", "ביצוע: גבול עליון"),
    "measures.col.quadrant": ("Quadrant", "רביע"),
    "measures.col.gap": ("% not agreeing on the focus items", "שיעור שאינם מסכימים בפריטי המיקוד (%)"),
    "measures.col.items": ("Focus items", "פריטי מיקוד"),
    "measures.col.theme": ("Theme", "נושא"),
    "measures.col.mentions": ("Comments mentioning it", "הערות שמזכירות אותו"),
    "measures.col.comments": ("Comments", "הערות"),
    "measures.col.comment_redacted": ("Comment (personal details removed)", "הערה (לאחר השמטת פרטים אישיים)"),
    "measures.col.themes": ("Themes", "נושאים"),
    "measures.col.kpi_id": ("KPI", "מדד"),
    "measures.col.kpi_name": ("Name", "שם המדד"),
    "measures.col.direction": ("Direction", "כיוון"),
    "measures.col.owner": ("Owner", "אחראי"),
    "measures.col.target": ("Target", "יעד"),
    "measures.col.last": ("Last value", "ערך אחרון"),
    "measures.col.last_period": ("Last period", "תקופה אחרונה"),
    "measures.col.met": ("Meets target", "עומד ביעד"),
    "measures.col.light": ("Status", "רמזור"),
    "measures.col.trend": ("Trend", "מגמה"),
    "measures.col.method": ("Control chart", "תרשים בקרה"),
    "measures.col.in_control": ("In control", "בבקרה"),
    "measures.col.signals": ("Signals", "אותות"),
    "measures.col.callout": ("Note", "הערה"),
    "measures.col.period": ("Period", "תקופה"),
    "measures.col.value": ("Value", "ערך"),
    "measures.col.rule": ("Rule", "כלל"),
    "measures.col.rule_text": ("Signal", "אות"),
    "measures.col.side": ("Side", "צד"),
    "measures.col.measure": ("Standard", "אמת מידה"),
    "measures.col.cases": ("Cases", "פניות"),
    "measures.col.met_count": ("Cases meeting it", "פניות שעמדו ביעד"),
    "measures.col.pending": ("Open, within target (not counted)", "פתוחות, בתוך היעד (לא נספרו)"),
    "measures.col.median_days": ("Median (days)", "חציון (ימים)"),
    # values
    "measures.all": ("All", "הכול"),
    "measures.all_services": ("All services", "כל השירותים"),
    "measures.all_channels": ("All channels", "כל הערוצים"),
    "measures.yes": ("yes", "כן"),
    "measures.no": ("no", "לא"),
    "measures.status.higher": ("Significantly higher", "גבוה באופן מובהק"),
    "measures.status.lower": ("Significantly lower", "נמוך באופן מובהק"),
    "measures.status.same": ("No significant difference", "אין הבדל מובהק"),
    "measures.status.up": ("Significant rise", "עלייה מובהקת"),
    "measures.status.down": ("Significant fall", "ירידה מובהקת"),
    "measures.quadrant.concentrate": ("Concentrate here", "להתמקד כאן"),
    "measures.quadrant.keep_up": ("Keep up the good work", "לשמר את ההישג"),
    "measures.quadrant.low_priority": ("Low priority", "עדיפות נמוכה"),
    "measures.quadrant.overkill": ("Possible overkill", "השקעת יתר אפשרית"),
    "measures.direction.higher": ("Higher is better", "גבוה עדיף"),
    "measures.direction.lower": ("Lower is better", "נמוך עדיף"),
    "measures.light.green": ("Green: target met", "ירוק: עומד ביעד"),
    "measures.light.amber": ("Amber: close to target", "צהוב: קרוב ליעד"),
    "measures.light.red": ("Red: target missed", "אדום: אינו עומד ביעד"),
    "measures.trend.improving": ("Improving", "משתפר"),
    "measures.trend.worsening": ("Worsening", "מחמיר"),
    "measures.trend.stable": ("No clear trend", "אין מגמה ברורה"),
    "measures.trend.short": ("Too few periods", "מעט מדי תקופות"),
    "measures.method.xmr": ("XmR (individuals)", "תרשים ערכים בודדים (XmR)"),
    "measures.method.p": ("p-chart", "תרשים p"),
    "measures.method.laney": ("Laney p′-chart", "תרשים p′ של Laney"),
    "measures.callout.met_out_of_control": ("Meets the target but is out of control: look for the special cause before "
                                            "relying on it.",
                                            "עומד ביעד אך אינו בבקרה: יש לאתר את הגורם המיוחד לפני שסומכים על התוצאה."),
    "measures.callout.missed_in_control": ("Misses the target while in control: a system problem, not a special cause.",
                                           "אינו עומד ביעד אף שהוא בבקרה: בעיה מערכתית ולא גורם מיוחד."),
    "measures.rule.1": ("One point beyond 3σ", "נקודה אחת מעבר ל־3σ"),
    "measures.rule.2": ("2 of 3 points beyond 2σ on one side", "2 מתוך 3 נקודות מעבר ל־2σ באותו צד"),
    "measures.rule.3": ("4 of 5 points beyond 1σ on one side", "4 מתוך 5 נקודות מעבר ל־1σ באותו צד"),
    "measures.rule.4": ("8 points in a row on one side of the centre line", "8 נקודות ברצף באותו צד של קו המרכז"),
    "measures.side.above": ("above", "מעל"),
    "measures.side.below": ("below", "מתחת"),
    "measures.measure.first_response_days": ("First response (days)", "זמן עד מענה ראשון (ימים)"),
    "measures.measure.resolution_days": ("Resolution (days)", "זמן טיפול מקצה לקצה (ימים)"),
    # redaction tokens
    "measures.redact.email": ("[e-mail]", "[דוא\"ל]"),
    "measures.redact.phone": ("[phone]", "[טלפון]"),
    "measures.redact.id": ("[ID number]", "[מספר זהות]"),
    "measures.redact.number": ("[number]", "[מספר]"),
    "measures.redact.name": ("[name]", "[שם]"),
    # comment themes (default code frame)
    "measures.theme.waiting": ("Waiting and delays", "המתנה ועיכובים"),
    "measures.theme.staff": ("Staff attitude", "יחס העובדים"),
    "measures.theme.digital": ("Website and app", "אתר ואפליקציה"),
    "measures.theme.phone": ("Phone and reachability", "טלפון וזמינות"),
    "measures.theme.information": ("Information and clarity", "מידע ובהירות"),
    "measures.theme.bureaucracy": ("Documents and bureaucracy", "מסמכים וביורוקרטיה"),
    "measures.theme.resolution": ("Whether the problem was solved", "פתרון הבעיה"),
    "measures.theme.cost": ("Fees and payments", "אגרות ותשלומים"),
    "measures.theme.access": ("Access and parking", "נגישות וחניה"),
    "measures.theme.praise": ("Thanks and praise", "תודות ושבחים"),
    # chart titles, axes, legends
    "measures.title.survey_items": ("Share agreeing per item, with {level}% confidence intervals",
                                    "שיעור המסכימים לפי פריט, עם רווחי סמך של {level}%"),
    "measures.title.unit_comparison": ("{item} by unit, against all other units (coloured only when significant)",
                                       "{item} לפי יחידה, לעומת שאר היחידות (צבע רק כשההבדל מובהק)"),
    "measures.title.wave_trend": ("Share agreeing by wave", "שיעור המסכימים לפי גל"),
    "measures.title.nps": ("Net Promoter Score by {dim}", "מדד NPS לפי {dim}"),
    "measures.title.drivers": ("Key drivers of {item} (R² = {r2})", "גורמי המפתח של {item} ‏(R² = {r2})"),
    "measures.title.ipa": ("Importance–performance ({level}% intervals)", "חשיבות–ביצוע (רווחי סמך של {level}%)"),
    "measures.title.themes": ("Comment themes ({n} comments)", "נושאים בהערות המשיבים ({n} הערות)"),
    "measures.title.control": ("{kpi}: {method}", "{kpi}: {method}"),
    "measures.title.scorecard": ("KPI scorecard: values, control limits and targets", "כרטיס מדדים: ערכים, גבולות בקרה ויעדים"),
    "measures.title.scorecard_panel": ("{kpi} — last {last}, target {target}", "{kpi} — ערך אחרון {last}, יעד {target}"),
    "measures.title.standards": ("Cases meeting the service standards", "פניות שעמדו באמות המידה לשירות"),
    "measures.axis.pct_agree": ("% agree", "שיעור המסכימים (%)"),
    "measures.axis.importance": ("Importance (% of explained variance)", "חשיבות (% מהשונות המוסברת)"),
    "measures.axis.performance": ("Performance (% agree)", "ביצוע (שיעור המסכימים, %)"),
    "measures.axis.period": ("Period", "תקופה"),
    "measures.axis.value": ("Value", "ערך"),
    "measures.axis.nps": ("NPS (−100 to 100)", "מדד NPS ‏(‎−100 עד 100‎)"),
    "measures.axis.share": ("Share of comments (%)", "שיעור מההערות (%)"),
    "measures.axis.share_met": ("Share of cases meeting the standard (%)", "שיעור הפניות שעמדו ביעד (%)"),
    "measures.legend.value": ("Value", "ערך"),
    "measures.legend.centre": ("Centre line", "קו מרכז"),
    "measures.legend.limits": ("Control limits", "גבולות בקרה"),
    "measures.legend.target": ("Target", "יעד"),
    "measures.legend.signal": ("Signal (out of control)", "חריגה מבקרה (אות)"),
    "measures.legend.interval": ("{level}% confidence interval", "רווח סמך {level}%"),
    "measures.legend.bootstrap": ("{level}% bootstrap interval (Shapley share)", "רווח סמך bootstrap ‏{level}% (חלק Shapley)"),
    "measures.legend.rw": ("Relative weight (Johnson)", "משקל יחסי (Johnson)"),
    "measures.legend.unstable": ("Unstable estimate (hollow)", "אומדן לא יציב (עיגול ריק)"),
    "measures.legend.all_units": ("All units", "כל היחידות"),
    # findings
    "measures.finding.csat": ("{pct} of respondents are satisfied ({level}% confidence interval {low}–{high}; "
                              "{n} responses).",
                              "{pct} מהמשיבים מרוצים (רווח סמך {level}%: {low}–{high}; {n} משיבים)."),
    "measures.finding.nps": ("The Net Promoter Score is {value} ({level}% confidence interval {low} to {high}).",
                             "מדד NPS עומד על {value} (רווח סמך {level}%: {low} עד {high})."),
    "measures.finding.units_differ": ("On {item}, {count} unit(s) differ significantly from all other units: "
                                      "higher — {higher}; lower — {lower}.",
                                      "ב{item}, {count} יחידות שונות באופן מובהק משאר היחידות: גבוהות — {higher}; "
                                      "נמוכות — {lower}."),
    "measures.finding.units_same": ("On {item}, no unit differs significantly from all other units: the differences "
                                    "seen are within the noise.",
                                    "ב{item} אין יחידה השונה באופן מובהק משאר היחידות: ההבדלים הנראים הם בתחום הרעש."),
    "measures.finding.concentrate": ("Concentrate here: {items} matter most to satisfaction and perform below "
                                     "average.",
                                     "להתמקד כאן: {items} — חשובים במיוחד לשביעות הרצון וביצועיהם מתחת לממוצע."),
    "measures.finding.driver": ("The strongest driver of {outcome} is {driver} ({share} of the explained variance).",
                                "גורם המפתח החזק ביותר של {outcome} הוא {driver} ({share} מהשונות המוסברת)."),
    "measures.finding.kpis_met": ("{met} of {total} KPIs meet their targets.", "{met} מתוך {total} מדדים עומדים ביעד."),
    "measures.finding.met_out": ("{kpis}: meet the target but are out of control — find the special cause before "
                                 "relying on the figure.",
                                 "{kpis}: עומדים ביעד אך אינם בבקרה — יש לאתר את הגורם המיוחד לפני שסומכים על הנתון."),
    "measures.finding.missed_in": ("{kpis}: miss the target while in control — only a change to the system will close "
                                   "the gap.",
                                   "{kpis}: אינם עומדים ביעד אף שהם בבקרה — רק שינוי במערכת יסגור את הפער."),
    "measures.finding.standards": ("{pct} of cases meet the standard “{measure} ≤ {target}” ({level}% confidence "
                                   "interval {low}–{high}).",
                                   "{pct} מהפניות עומדות באמת המידה „{measure} ≤ {target}” (רווח סמך {level}%: "
                                   "{low}–{high})."),
    "measures.finding.wave": ("Satisfaction changed significantly from {wave_from} to {wave_to}: {before} → {after}.",
                              "שביעות הרצון השתנתה באופן מובהק מגל {wave_from} לגל {wave_to}: {before} ← {after}."),
    # skipped parts and notes
    "measures.skipped.all": ("This analysis was skipped because there is no survey file, no KPI values and no case log.",
                             "ניתוח זה לא בוצע משום שאין קובץ סקר, אין ערכי מדדים ואין קובץ פניות."),
    "measures.skipped.survey": ("There is no survey file, so the survey measures were skipped.",
                                "אין קובץ סקר, ולכן מדדי הסקר לא חושבו."),
    "measures.skipped.kpis": ("The KPIs or KPI values sheet is empty, so the scorecard and control charts were skipped.",
                              "גיליון המדדים או ערכי המדדים ריק, ולכן כרטיס המדדים ותרשימי הבקרה לא הופקו."),
    "measures.skipped.standards": ("There is no case log, so the service standards were not checked against cases.",
                                   "אין קובץ פניות, ולכן העמידה באמות המידה לשירות לא נבדקה."),
    "measures.skipped.too_small": ("The survey has {n} responses, fewer than the minimum group size of {min}: its "
                                   "results are not shown.",
                                   "בסקר {n} משיבים, פחות מגודל הקבוצה המינימלי ({min}): תוצאותיו אינן מוצגות."),
    "measures.skipped.weighting": ("The survey was not weighted to known volumes: {reason}.",
                                   "הסקר לא שוקלל להיקפים הידועים: {reason}."),
    "measures.skipped.drivers": ("Too few complete responses for a key driver analysis (found {n}, need {need}).",
                                 "אין די תשובות מלאות לניתוח גורמי מפתח (נמצאו {n}, נדרשות {need})."),
    "measures.skipped.drivers_error": ("The key driver analysis was skipped: {reason}.",
                                       "ניתוח גורמי המפתח לא בוצע: {reason}."),
    "measures.note.quarters": ("The survey has no wave column; calendar quarters are used as waves.",
                               "בסקר אין עמודת גל; רבעונים קלנדריים משמשים כגלים."),
}

_MANAGEMENT: dict[str, tuple[str, str]] = {   # "management.*"
    # parts and skipped
    "management.part.observations": ("observations", "תצפיות"),
    "management.part.actions": ("action plan", "תוכנית פעולה"),
    "management.part.lessons": ("lessons learned", "הפקת לקחים"),
    "management.part.training": ("training file", "קובץ ההדרכה"),
    "management.skipped.all": ("This analysis was skipped because the intake has no observations, action plan, lessons "
                               "learned or training file.",
                               "ניתוח זה לא בוצע משום שבקליטה אין תצפיות, תוכנית פעולה, הפקת לקחים או קובץ הדרכה."),
    "management.skipped.parts": ("Parts of this analysis were skipped because these data are missing: {parts}.",
                                 "חלקים מניתוח זה לא בוצעו משום שהנתונים הבאים חסרים: {parts}."),
    # groups and labels
    "management.all_pairs": ("All pairs", "כל הצמדים"),
    "management.all_units": ("All units", "כל היחידות"),
    "management.all_items": ("All items", "כל הפריטים"),
    "management.organisation_wide": ("Organisation-wide", "כלל הארגון"),
    "management.no_source": ("Not stated", "לא צוין"),
    "management.kind.pain_point": ("Journey pain point", "נקודת כאב במסע הלקוח"),
    "management.kind.kpi_signal": ("KPI signal", "אות במדד"),
    "management.kind.low_item": ("Low observation item", "פריט תצפית נמוך"),
    "management.kind.driver": ("Survey key driver", "גורם מפתח בסקר"),
    # table headers
    "management.col.action": ("Action", "פעולה"),
    "management.col.action_done": ("Action done", "הפעולה הושלמה"),
    "management.col.action_id": ("Action ID", "מזהה פעולה"),
    "management.col.actual_remaining": ("Actually remaining", "נותרו בפועל"),
    "management.col.after": ("After", "אחרי"),
    "management.col.before": ("Before", "לפני"),
    "management.col.category": ("Category", "קטגוריה"),
    "management.col.change": ("Change", "שינוי"),
    "management.col.coaching_focus": ("Coaching focus", "מוקד לאימון"),
    "management.col.cumulative": ("Cumulative share", "שיעור מצטבר"),
    "management.col.date": ("Date", "תאריך"),
    "management.col.days_overdue": ("Days overdue", "ימי איחור"),
    "management.col.difference": ("Difference from overall mean", "הפרש מהממוצע הכללי"),
    "management.col.done_share": ("Share done", "שיעור שהושלם"),
    "management.col.due_date": ("Due date", "תאריך יעד"),
    "management.col.dz": ("Cohen's dz", "dz של Cohen"),
    "management.col.employee": ("Employee (pseudonym)", "עובד (כינוי)"),
    "management.col.employees": ("Employees", "עובדים"),
    "management.col.event": ("Event", "אירוע"),
    "management.col.events": ("Events", "אירועים"),
    "management.col.exact": ("Exact agreement", "הסכמה מלאה"),
    "management.col.falling": ("Falling", "במגמת ירידה"),
    "management.col.finding": ("Finding", "ממצא"),
    "management.col.high": ("95% CI high", "רווח סמך 95% — עליון"),
    "management.col.icc": ("ICC(2,1)", "מקדם ICC(2,1)"),
    "management.col.icc_high": ("ICC high", "ICC — גבול עליון"),
    "management.col.icc_low": ("ICC low", "ICC — גבול תחתון"),
    "management.col.indicator": ("Indicator", "מדד"),
    "management.col.item": ("Item", "פריט"),
    "management.col.kappa": ("Weighted kappa", "קאפה משוקלל"),
    "management.col.kappa_high": ("Kappa high", "קאפה — גבול עליון"),
    "management.col.kappa_low": ("Kappa low", "קאפה — גבול תחתון"),
    "management.col.kind": ("Kind of finding", "סוג הממצא"),
    "management.col.lesson": ("Lesson", "לקח"),
    "management.col.low": ("95% CI low", "רווח סמך 95% — תחתון"),
    "management.col.lowest_item": ("Lowest item", "הפריט הנמוך ביותר"),
    "management.col.mean": ("Mean score", "ציון ממוצע"),
    "management.col.n": ("Count", "מספר"),
    "management.col.n_pairs": ("Paired scores", "ציונים מזווגים"),
    "management.col.note": ("Note", "הערה"),
    "management.col.observer": ("Observer", "צופה"),
    "management.col.observer_a": ("Observer A", "צופה א"),
    "management.col.observer_b": ("Observer B", "צופה ב"),
    "management.col.overdue": ("Overdue", "באיחור"),
    "management.col.owner": ("Owner", "אחראי"),
    "management.col.p_t": ("p (paired t)", "p (מבחן t מזווג)"),
    "management.col.p_wilcoxon": ("p (Wilcoxon)", "p של Wilcoxon"),
    "management.col.period": ("Period", "תקופה"),
    "management.col.periods": ("Periods with events", "תקופות עם אירועים"),
    "management.col.planned_remaining": ("Planned remaining", "נותרו לפי התכנון"),
    "management.col.post": ("After training", "אחרי ההדרכה"),
    "management.col.pre": ("Before training", "לפני ההדרכה"),
    "management.col.rank": ("Rank", "דירוג"),
    "management.col.recurring": ("Recurring", "חוזר"),
    "management.col.remaining": ("Remaining", "נותרו"),
    "management.col.round": ("Round", "סבב מדידה"),
    "management.col.scope": ("Observation items compared", "פריטי התצפית שהושוו"),
    "management.col.share": ("Share", "שיעור"),
    "management.col.signal": ("Signal", "אות"),
    "management.col.skill": ("Skill", "מיומנות"),
    "management.col.slope": ("Trend per period", "מגמה לתקופה"),
    "management.col.source": ("Source", "מקור"),
    "management.col.status": ("Status", "סטטוס"),
    "management.col.status_cancelled": ("Cancelled", "בוטל"),
    "management.col.status_done": ("Done", "הושלם"),
    "management.col.status_in_progress": ("In progress", "בביצוע"),
    "management.col.status_open": ("Open", "פתוח"),
    "management.col.t": ("t", "ערך t"),
    "management.col.target": ("Target", "יעד"),
    "management.col.total": ("Total", "סה\"כ"),
    "management.col.unit": ("Unit", "יחידה"),
    "management.col.value": ("Value", "ערך"),
    "management.col.vital_few": ("Vital few", "המעטים החיוניים"),
    "management.col.wilcoxon": ("Wilcoxon W", "W של Wilcoxon"),
    "management.col.with_action": ("Led to an action", "הובילו לפעולה"),
    "management.col.within_one": ("Within one point", "הפרש של נקודה לכל היותר"),
    "management.col.without_action": ("No action", "ללא פעולה"),
    "management.col.done_now": ("Done (at the report date)", "הושלמו (נכון למועד הדוח)"),
    "management.col.due_by_round": ("Due by the round end", "פעולות שמועדן עד סוף הסבב"),
    "management.col.not_done_now": ("Not yet done (at the report date)", "טרם הושלמו (נכון למועד הדוח)"),
    "management.col.round_end": ("Round end", "סוף הסבב"),
    "management.col.icc_estimate": ("ICC", "מקדם ICC"),
    "management.col.icc_method": ("ICC model", "מודל ICC"),
    "management.col.icc_interval": ("ICC interval", "שיטת רווח הסמך ל־ICC"),
    "management.col.pct_agree": ("% agree", "שיעור המסכימים (%)"),
    "management.col.responses": ("Responses", "מספר משיבים"),
    "management.col.survey_item": ("Survey item", "פריט בסקר"),
    "management.icc.icc_1_1": ("ICC(1,1), one-way (all pairs)", "ICC(1,1) חד־כיווני (כל הצמדים)"),
    "management.icc.icc_2_1": ("ICC(2,1), two-way, absolute agreement", "ICC(2,1) דו־כיווני, הסכמה מוחלטת"),
    "management.icc_interval.f": ("F distribution", "התפלגות F"),
    "management.icc_interval.cluster_bootstrap": ("Bootstrap clustered by employee ({n_boot} replicates, seed {seed})",
                                                  "בוטסטרפ באשכולות לפי עובד ({n_boot} חזרות, זרע {seed})"),
    "management.fig.rounds_due": ("Actions due by each round end: done and not yet done at the report date",
                                  "פעולות שמועדן עד סוף כל סבב: הושלמו וטרם הושלמו נכון למועד הדוח"),
    "management.note.kpi_met": ("meets the target", "עומד ביעד"),
    "management.note.kpi_missed": ("misses the target", "אינו עומד ביעד"),
    "management.note.kpi_signals": ("{count} control-chart signals, latest {period}",
                                    "{count} אותות בתרשים הבקרה, האחרון ב־{period}"),
    "management.note.kpi_in_control": ("in statistical control", "בבקרה סטטיסטית"),
    "management.note.kpi_improving": ("improving trend", "מגמת שיפור"),
    "management.note.kpi_worsening": ("worsening trend", "מגמת הרעה"),
    "management.note.survey_lower": ("{diff} points below the other units (95% CI of the difference {low} to {high})",
                                     "נמוך ב־{diff} נקודות משאר היחידות (רווח סמך 95% להפרש: {low} עד {high})"),
    "management.note.survey_higher": ("{diff} points above the other units (95% CI of the difference {low} to {high})",
                                      "גבוה ב־{diff} נקודות משאר היחידות (רווח סמך 95% להפרש: {low} עד {high})"),
    "management.note.survey_unstable": ("unstable estimate: few responses or a wide interval",
                                        "אומדן לא יציב: מעט משיבים או רווח סמך רחב"),
    # figures
    "management.fig.heatmap": ("Observation scores by unit and item", "ציוני תצפית לפי יחידה ופריט"),
    "management.fig.trend": ("Observation scores over time", "ציוני תצפית לאורך זמן"),
    "management.fig.mean_score": ("Mean score (1–5)", "ציון ממוצע (1–5)"),
    "management.fig.status": ("Action plan status by unit", "מצב תוכנית הפעולה לפי יחידה"),
    "management.fig.actions": ("Actions", "פעולות"),
    "management.fig.overdue_n": ("{count} overdue", "{count} באיחור"),
    "management.fig.burndown": ("Action plan burn-down", "התקדמות תוכנית הפעולה (פעולות שנותרו)"),
    "management.fig.rounds": ("Actions remaining by measurement round", "פעולות שנותרו לפי סבב מדידה"),
    "management.fig.pareto": ("Lessons learned: events by category (Pareto)", "הפקת לקחים: אירועים לפי קטגוריה (פרטו)"),
    "management.fig.cumulative_pct": ("Cumulative share (%)", "שיעור מצטבר (%)"),
    "management.fig.training": ("Training effectiveness: change in score with 95% CI",
                                "אפקטיביות ההדרכה: שינוי בציון עם רווח סמך 95%"),
    "management.fig.change": ("Change in score (after − before)", "שינוי בציון (אחרי − לפני)"),
    # findings
    "management.finding.actions": ("Action plan: {open} actions open, {overdue} of them overdue as of {date}; {done} done.",
                                   "תוכנית הפעולה: {open} פעולות פתוחות, מהן {overdue} באיחור נכון ל־{date}; {done} הושלמו."),
    "management.finding.lowest_item": ("The lowest-scoring observation item is “{item}” (mean {mean} of 5, from {n} "
                                       "scored items).",
                                       "פריט התצפית בעל הציון הנמוך ביותר הוא „{item}” (ממוצע {mean} מתוך 5, מתוך {n} "
                                       "ציונים)."),
    "management.finding.observations_suppressed": ("Observation results are not shown: no group has at least {min} "
                                                   "different employees observed.",
                                                   "תוצאות התצפיות אינן מוצגות: באף קבוצה לא נצפו לפחות {min} "
                                                   "עובדים שונים."),
    "management.finding.calibration": ("Observer agreement: weighted kappa {kappa} (95% CI {low} to {high}) on {n} "
                                       "paired scores.",
                                       "הסכמה בין צופים: קאפה משוקלל {kappa} (רווח סמך 95%: {low} עד {high}) על "
                                       "{n} ציונים מזווגים."),
    "management.finding.unanswered": ("{count} findings have no action planned.",
                                      "ל־{count} ממצאים לא תוכננה פעולה."),
    "management.finding.lessons": ("Lessons learned: “{category}” is the most frequent category ({share} of events); "
                                   "{without} events led to no action.",
                                   "הפקת לקחים: „{category}” היא הקטגוריה השכיחה ביותר ({share} מהאירועים); "
                                   "{without} אירועים לא הובילו לפעולה."),
    "management.finding.training": ("Training effectiveness: the largest gain is in “{skill}”, {change} points "
                                    "(95% CI {low} to {high}, {n} employees).",
                                    "אפקטיביות ההדרכה: השיפור הגדול ביותר הוא ב„{skill}”, {change} נקודות "
                                    "(רווח סמך 95%: {low} עד {high}, {n} עובדים)."),
    # manager-pack focus points
    "management.focus.overdue": ("Clear the backlog: {count} actions are overdue; the longest, “{action}”, is {days} "
                                 "days late — agree a new date or close it.",
                                 "לטפל בפיגורים: {count} פעולות באיחור; הוותיקה שבהן, „{action}”, מאחרת ב־{days} "
                                 "ימים — יש לקבוע מועד חדש או לסגור אותה."),
    "management.focus.signal": ("Look into “{indicator}”: it is off target or shows a signal ({count} indicators "
                                "need attention).",
                                "לבדוק את „{indicator}”: המדד אינו עומד ביעד או מראה אות ({count} מדדים דורשים "
                                "תשומת לב)."),
    "management.focus.falling": ("Coach “{item}”: its observation score is falling (mean {mean} of 5).",
                                 "להתמקד באימון „{item}”: ציון התצפית בפריט נמצא בירידה (ממוצע {mean} מתוך 5)."),
    "management.focus.coach": ("Coach “{item}”: one of the unit's lowest observation items (mean {mean} of 5, {n} "
                               "scores).",
                               "להתמקד באימון „{item}”: אחד מפריטי התצפית הנמוכים ביותר ביחידה (ממוצע {mean} מתוך 5, "
                               "{n} ציונים)."),
    "management.focus.recurring": ("Events of the category “{category}” keep recurring: review the lesson with the "
                                   "team and agree one preventive action.",
                                   "אירועים מהקטגוריה „{category}” חוזרים על עצמם: יש לדון בלקח עם הצוות ולקבוע "
                                   "פעולה מונעת אחת."),
    "management.focus.training_flat": ("The training in “{skill}” has not yet shown a clear gain ({change} points): "
                                       "follow up with practice and feedback on the job.",
                                       "ההדרכה ב„{skill}” עדיין לא הראתה שיפור ברור ({change} נקודות): יש להמשיך "
                                       "בתרגול ובמשוב בעבודה."),
    "management.focus.strength": ("Keep up the good work in “{item}” (mean {mean} of 5): let the team share what "
                                  "works.",
                                  "לשמר את ההישג ב„{item}” (ממוצע {mean} מתוך 5): כדאי שהצוות ישתף מה עובד."),
    "management.focus.next_action": ("{count} actions are open; next due is “{action}” on {due}.",
                                     "{count} פעולות פתוחות; הבאה בתור היא „{action}” עד {due}."),
    "management.focus.observe": ("Plan more observations: results can be shown for the unit once at least {min} "
                                 "different employees have been observed on an item.",
                                 "יש לתכנן תצפיות נוספות: אפשר יהיה להציג את תוצאות היחידה כשלפחות {min} עובדים "
                                 "שונים ייצפו בפריט."),
    "management.focus.plan": ("Agree with the team one improvement action, with an owner and a due date.",
                              "יש לקבוע עם הצוות פעולת שיפור אחת, עם אחראי ותאריך יעד."),
    "management.focus.feedback": ("Hold a short feedback round after observations, starting with what went well.",
                                  "יש לקיים סבב משוב קצר אחרי התצפיות, ולפתוח במה שהצליח."),
}

_CHARTS: dict[str, tuple[str, str]] = {}       # "charts.*"


def _merge(*parts: dict[str, tuple[str, str]]) -> Mapping[str, Mapping[str, str]]:
    out: dict[str, Mapping[str, str]] = {}
    for part in parts:
        for key, (en, he) in part.items():
            if key in out:
                raise ValueError(f"duplicate message key {key}")
            out[key] = MappingProxyType({"en": en, "he": he})
    return MappingProxyType(out)


_PORTFOLIO: dict[str, tuple[str, str]] = {   # "portfolio.*"
    "portfolio.title": ("Portfolio benchmark", "השוואה בין ארגונים"),
    "portfolio.subtitle": ("{count} clients of one batch, compared on the same measures.",
                           "{count} ארגונים מאותה הפקה, בהשוואה על פני אותם מדדים."),
    "portfolio.anonymised": ("Anonymised: client names are replaced by letters.",
                             "אנונימי: שמות הארגונים הוחלפו באותיות."),
    "portfolio.client_code": ("Client {code}", "ארגון {code}"),
    "portfolio.key_findings": ("Key findings", "ממצאים עיקריים"),
    "portfolio.section.survey": ("Survey scores", "ציוני הסקר"),
    "portfolio.section.operations": ("Journeys, indicators and actions", "מסע לקוח, מדדים ופעולות"),
    "portfolio.section.comparison": ("Which differences are real", "אילו הבדלים מובהקים סטטיסטית"),
    "portfolio.section.methods": ("Methods", "שיטות"),
    "portfolio.caption.survey": ("Survey scores with {level}% confidence intervals, ranked (1 = best)",
                                 "ציוני הסקר עם רווח סמך {level}%, בדירוג (1 = הטוב ביותר)"),
    "portfolio.caption.operations": ("Journey figures, indicators met and overdue actions, ranked (1 = best)",
                                     "נתוני מסע הלקוח, מדדים שעמדו ביעד ופעולות באיחור, בדירוג (1 = הטוב ביותר)"),
    "portfolio.caption.comparison": ("Each client against the pooled other clients (difference in percentage points)",
                                     "כל ארגון מול שאר הארגונים יחד (הפרש בנקודות אחוז)"),
    "portfolio.missing_note": ("— : not available, or not shown (too few responses).",
                               "— : אין נתון, או שאינו מוצג (מעט מדי משיבים)."),
    "portfolio.col.client": ("Client", "ארגון"),
    "portfolio.col.slug": ("Folder", "תיקייה"),
    "portfolio.col.period_start": ("Period start", "תחילת התקופה"),
    "portfolio.col.period_end": ("Period end", "סוף התקופה"),
    "portfolio.col.csat": ("Satisfaction (% agree)", "שביעות רצון (שיעור המסכימים, %)"),
    "portfolio.col.trust": ("Trust (% agree)", "אמון (שיעור המסכימים, %)"),
    "portfolio.col.nps": ("NPS", "NPS (נטו ממליצים)"),
    "portfolio.col.ci": ("{level}% CI", "רווח סמך {level}%"),
    "portfolio.col.low": ("Lower limit", "גבול תחתון"),
    "portfolio.col.high": ("Upper limit", "גבול עליון"),
    "portfolio.col.n": ("Responses", "מספר משיבים"),
    "portfolio.col.rank": ("Rank", "דירוג"),
    "portfolio.col.vs_others": ("Satisfaction vs the others", "שביעות רצון מול שאר הארגונים"),
    "portfolio.col.cases": ("Cases", "פניות"),
    "portfolio.col.median_days": ("Median end-to-end days", "חציון זמן טיפול מקצה לקצה (ימים)"),
    "portfolio.col.p90_days": ("90th percentile days", "אחוזון 90 של זמן הטיפול (ימים)"),
    "portfolio.col.sla_breach": ("Deadlines missed", "חריגה מיעד"),
    "portfolio.col.fcr": ("First contact resolution", "פתרון בפנייה ראשונה"),
    "portfolio.col.kpis_met": ("KPIs met", "מדדים שעמדו ביעד"),
    "portfolio.col.kpis_total": ("KPIs with a target", "מדדים עם יעד"),
    "portfolio.col.kpis_share": ("Share of KPIs met", "שיעור המדדים שעמדו ביעד"),
    "portfolio.col.overdue": ("Overdue actions", "פעולות באיחור"),
    "portfolio.col.measure": ("Measure", "מדד"),
    "portfolio.col.client_value": ("Client's value", "ערך הארגון"),
    "portfolio.col.others_value": ("Other clients' value", "ערך שאר הארגונים"),
    "portfolio.col.others_n": ("Other clients' responses", "מספר משיבים בשאר הארגונים"),
    "portfolio.col.difference": ("Difference (points)", "הפרש (נקודות אחוז)"),
    "portfolio.col.verdict": ("Verdict", "מסקנה"),
    "portfolio.col.confidence": ("Confidence level", "רמת סמך"),
    "portfolio.kpis_of": ("{met} of {total}", "{met} מתוך {total}"),
    "portfolio.verdict.higher": ("higher", "גבוה יותר"),
    "portfolio.verdict.lower": ("lower", "נמוך יותר"),
    "portfolio.verdict.similar": ("no clear difference", "אין הבדל מובהק"),
    "portfolio.measure.csat": ("Satisfaction", "שביעות רצון"),
    "portfolio.measure.trust": ("Trust", "אמון"),
    "portfolio.sheet.league": ("League table", "טבלת דירוג"),
    "portfolio.sheet.comparison": ("Differences", "הבדלים"),
    "portfolio.finding.count": ("{count} clients compared.", "הושוו {count} ארגונים."),
    "portfolio.finding.missing": ("{count} clients of the batch have no results yet and are left out: {clients}.",
                                  "ל־{count} ארגונים בהפקה אין עדיין תוצאות והם אינם נכללים: {clients}."),
    "portfolio.finding.missing_anonymous": ("{count} clients of the batch have no results yet and are left out.",
                                            "ל־{count} ארגונים בהפקה אין עדיין תוצאות והם אינם נכללים."),
    "portfolio.finding.best": ("Highest satisfaction: {clients} ({value}).",
                               "שביעות הרצון הגבוהה ביותר: {clients} ({value})."),
    "portfolio.finding.higher": ("Satisfaction clearly above the other clients: {clients}.",
                                 "שביעות רצון גבוהה באופן מובהק משאר הארגונים: {clients}."),
    "portfolio.finding.lower": ("Satisfaction clearly below the other clients: {clients}.",
                                "שביעות רצון נמוכה באופן מובהק משאר הארגונים: {clients}."),
    "portfolio.finding.none_differ": ("No client's satisfaction differs clearly from the other clients'; the ranks "
                                      "may reflect chance.",
                                      "שביעות הרצון של אף ארגון אינה שונה באופן מובהק משאר הארגונים; ייתכן שהדירוג "
                                      "משקף מקריות."),
    "portfolio.finding.sla": ("Fewest deadlines missed: {clients} ({value}).",
                              "הכי מעט חריגות מיעד: {clients} ({value})."),
    "portfolio.finding.overdue": ("Overdue actions in all: {count}; the most ({most}): {clients}.",
                                  "סך הפעולות באיחור: {count}; המספר הגבוה ביותר ({most}): {clients}."),
    "portfolio.methods.text": (
        "Figures come from each client's summary.json of the same batch. Survey scores are the share agreeing "
        "(top-2-box) with Wilson intervals (Wilson 1927) and NPS with Rocks' adjusted-Wald interval, as in each "
        "client's report. Ranks are standard competition ranks (1224) on the values as shown, 1 = best; clients "
        "without a value are not ranked. Each client's satisfaction and trust are compared with the pooled other "
        "clients by Newcombe's interval for a difference of proportions (Newcombe 1998, method 10), at "
        "{level}% confidence{adjusted}; a difference is called real only when its interval excludes zero.",
        "הנתונים לקוחים מקובץ summary.json של כל ארגון באותה הפקה. ציוני הסקר הם שיעור המסכימים עם רווח סמך "
        "Wilson ‏(Wilson 1927), ו־NPS עם רווח הסמך המתוקן של רוקס, כמו בדוח של כל ארגון. הדירוג הוא דירוג "
        "תחרותי רגיל (1224) לפי הערכים המוצגים, 1 = הטוב ביותר; ארגון ללא ערך אינו מדורג. שביעות הרצון והאמון "
        "של כל ארגון מושווים לשאר הארגונים יחד ברווח הסמך של Newcombe להפרש פרופורציות (Newcombe 1998, שיטה 10), "
        "ברמת סמך {level}%{adjusted}; הפרש נחשב אמיתי רק כשרווח הסמך שלו אינו כולל אפס."),
    "portfolio.methods.bonferroni": (" per comparison, Bonferroni-adjusted for {count} comparisons (family-wise {family}%)",
                                     " לכל השוואה, בתיקון בונפרוני ל־{count} השוואות (ברמת המשפחה {family}%)"),
    "portfolio.generated_by": ("generated by", "הופק באמצעות"),
}


CATALOGUE: Mapping[str, Mapping[str, str]] = _merge(_INTAKE, _TEMPLATE, _CLI, _REPORT, _PRIORITIZE, _JOURNEYS, _MEASURES,
                                                   _MANAGEMENT, _CHARTS, _PORTFOLIO)


def t(key: str, lang: str = "en", /, **values: object) -> str:
    """The message *key* in *lang* (``"he"`` or ``"en"``), with ``{placeholders}`` filled."""
    entry = CATALOGUE[key]
    text = entry["he" if lang == "he" else "en"]
    return text.format(**values) if values else text


def placeholders(text: str) -> set[str]:
    """The ``{names}`` used in a catalogue text (for the catalogue's consistency test)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def unsigned_zero(text: str) -> str:
    """*text* (a formatted number) without the sign when it shows only zeros: "-0.00" → "0.00"."""
    return text[1:] if text[:1] in "-+" and not any(ch in "123456789" for ch in text) else text


def fmt_number(value: float | int | None, lang: str = "en", *, digits: int = 0) -> str:
    """A number with thousands separators; '—' for a missing value; never "-0"."""
    if value is None or value != value:
        return "—"
    return unsigned_zero(f"{value:,.{digits}f}")


def fmt_signed(value: float | int | None, lang: str = "en", *, digits: int = 1) -> str:
    """A change with its sign ("+0.4", "-1.2"); '—' for a missing value; a zero reads "+0.0", never "-0.0"."""
    if value is None or value != value:
        return "—"
    text = f"{value:+.{digits}f}"
    bare = unsigned_zero(text)
    return text if bare == text else "+" + bare  # "-0.0" and "+0.0" both read "+0.0"


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
