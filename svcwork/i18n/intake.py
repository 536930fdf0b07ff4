"""The intake messages of the catalogue (``intake.*`` keys): English and Hebrew, see :mod:`svcwork.i18n`."""

from __future__ import annotations

# --------------------------------------------------------------------------- intake / validation
MESSAGES = {
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
    "intake.companion_no_header": ("The file {file_name} has no header row svcwork recognises: its first row looks "
                                   "like data (a later part of a split export, without the header?), so it is not "
                                   "quoted here. Add the export's header row, or map the columns in the Columns sheet.",
                                   "בקובץ {file_name} אין שורת כותרות ש־svcwork מזהה: השורה הראשונה נראית כמו נתונים "
                                   "(חלק מאוחר של ייצוא מפוצל, בלי הכותרות?), ולכן אינה מצוטטת כאן. יש להוסיף את "
                                   "שורת הכותרות של הייצוא, או למפות את העמודות בגיליון מיפוי העמודות."),
    "intake.column_duplicate": ("Column “{column}” appears twice (columns {first} and {second}); only the first is read.",
                                "העמודה „{column}” מופיעה פעמיים (עמודות {first} ו־{second}); נקראת רק הראשונה."),
    "intake.required_empty": ("“{column}” is empty; a value is required.", "„{column}” ריק; נדרש ערך."),
    "intake.not_number": ("Expected a number, found “{value}”.", "נדרש מספר, נמצא „{value}”."),
    "intake.not_integer": ("Expected a whole number, found “{value}”.", "נדרש מספר שלם, נמצא „{value}”."),
    "intake.not_date": ("Expected a date (e.g. 2026-03-31), found “{value}”.",
                        "נדרש תאריך (למשל 2026-03-31), נמצא „{value}”."),
    "intake.not_timestamp": ("Expected a date and time (e.g. 2026-03-31 14:05), found “{value}”.",
                             "נדרשים תאריך ושעה (למשל 2026-03-31 14:05), נמצא „{value}”."),
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
    "intake.unknown_step": ("Journey “{journey}” has no step {value} in sheet “{ref_sheet}”.",
                            "למסע „{journey}” אין צעד {value} בגיליון „{ref_sheet}”."),
    "intake.step_without_journey": ("A journey step ({value}) needs its journey: fill in the journey in the same row.",
                                    "צעד במסע ({value}) דורש את שם המסע שלו: יש למלא את המסע באותה שורה."),
    "intake.section_unknown": ("“{value}” is not a section of the report; expected section keys or titles, "
                               "comma-separated: {allowed}.",
                               "„{value}” אינו פרק בדוח; נדרשים מפתחות או שמות של פרקים, מופרדים בפסיקים: {allowed}."),
    "intake.horizon_wave": ({"one": "The horizon “{value}” names a wave the roadmap does not have: it has one wave "
                                    "(the setting waves).",
                             "other": "The horizon “{value}” names a wave the roadmap does not have: it has {waves} "
                                      "waves (the setting waves)."},
                            {"one": "טווח הזמן „{value}” מציין גל שאין במפת הדרכים: יש בה גל אחד (ההגדרה מספר גלים).",
                             "two": "טווח הזמן „{value}” מציין גל שאין במפת הדרכים: יש בה שני גלים (ההגדרה מספר "
                                    "גלים).",
                             "other": "טווח הזמן „{value}” מציין גל שאין במפת הדרכים: יש בה {waves} גלים (ההגדרה "
                                      "מספר גלים)."}),
    "intake.locked_wave_range": ({"one": "Service locked to wave {value}, but the roadmap has one wave (the setting "
                                         "waves).",
                                  "other": "Service locked to wave {value}, but the roadmap has {waves} waves (the "
                                           "setting waves)."},
                                 {"one": "השירות נקבע לגל {value}, אך במפת הדרכים יש גל אחד (ההגדרה מספר גלים).",
                                  "two": "השירות נקבע לגל {value}, אך במפת הדרכים יש שני גלים (ההגדרה מספר גלים).",
                                  "other": "השירות נקבע לגל {value}, אך במפת הדרכים יש {waves} גלים (ההגדרה מספר "
                                           "גלים)."}),
    "intake.criterion_direction": ("Criterion “{criterion}” is marked “{given_label}”, the opposite of the usual "
                                   "direction for this column (“{usual_label}”): as entered, the score reverses what "
                                   "the column measures. Check that this is meant.",
                                   "הקריטריון „{criterion}” סומן „{given_label}”, הפוך מהכיוון הרגיל לעמודה הזאת "
                                   "(„{usual_label}”): כפי שהוזן, הציון הופך את מה שהעמודה מודדת. יש לוודא שזו "
                                   "הכוונה."),
    "intake.recommendation_no_action": ("Recommendation {value} has no action in the Actions sheet: name the action "
                                        "that carries it out in “{column}”, or the report flags it as without an "
                                        "action.",
                                        "להמלצה {value} אין פעולה בגיליון תוכנית הפעולה: יש לציין ב„{column}” את "
                                        "הפעולה שמבצעת אותה, אחרת הדוח יסמן אותה כהמלצה ללא פעולה."),
    "intake.recommendation_action_cancelled": ("Recommendation {value} is carried out by action {action}, which is "
                                               "cancelled in the Actions sheet: name another action in “{column}”, or "
                                               "the report flags the recommendation as without an action.",
                                               "את ההמלצה {value} מבצעת הפעולה {action}, שבוטלה בגיליון תוכנית "
                                               "הפעולה: יש לציין ב„{column}” פעולה אחרת, אחרת הדוח יסמן את ההמלצה "
                                               "כהמלצה ללא פעולה."),
    "intake.survey_item_unknown": ("“{value}” is not a survey item; expected one of: {allowed}.",
                                   "„{value}” אינו פריט בסקר; נדרש אחד מאלה: {allowed}."),
    "intake.survey_item_absent": ("“{value}” is not in the survey: “{file_name}” has no answers to it.",
                                  "„{value}” אינו בסקר: בקובץ „{file_name}” אין תשובות עליו."),
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
                               "time (e.g. row {first_row}); {cause}",
                               "ב־{count} מתוך {total} פניות ({share}) אירוע שמופיע מאוחר יותר בקובץ מוקדם יותר בזמן "
                               "(למשל שורה {first_row}); {cause}"),
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
    "intake.merged_header": ("Header cells {found} are merged: only the first column under a merge has a name, the "
                             "others are not read. Unmerge them and give each column its own header.",
                             "תאי כותרת {found} ממוזגים: רק לעמודה הראשונה שתחת המיזוג יש שם, והאחרות אינן נקראות. יש "
                             "לבטל את המיזוג ולתת לכל עמודה כותרת משלה."),
    "intake.date_text_assumed": ("Dates typed as text in the workbook could be day-first or month-first (no day above 12 "
                                 "in any of them); they were read as {order}, e.g. “{value}” = {example}. Cells: "
                                 "{cells}. If that is wrong, set date_order in the Engagement sheet, or type the dates "
                                 "year first (2026-03-31).",
                                 "תאריכים שהוקלדו כטקסט בחוברת יכולים להיות יום־קודם או חודש־קודם (אין בהם יום גדול "
                                 "מ־12); הם נקראו כ־{order}, למשל „{value}” = {example}. תאים: {cells}. אם זה שגוי, יש "
                                 "לקבוע סדר תאריכים בגיליון פרטי הארגון, או להקליד את התאריכים בסדר שנה־חודש־יום "
                                 "(2026-03-31)."),
    "intake.date_text_mixed": ("The workbook's text dates mix orders: “{value}” can only be read as {other}, but {proof} "
                               "can only be {order}. Correct the dates that are typed the other way (best: type them "
                               "year first, 2026-03-31).",
                               "התאריכים שהוקלדו כטקסט בחוברת מערבים סדרים: את „{value}” אפשר לקרוא רק כ־{other}, אך "
                               "את {proof} אפשר לקרוא רק כ־{order}. יש לתקן את התאריכים שהוקלדו בדרך האחרת (עדיף שנה־חודש־יום: "
                               "2026-03-31)."),
    "intake.cause.backwards_order": ("the dates in column “{column}” may have been read in the wrong order ({order}). "
                                     "Check date_order in the Engagement sheet.",
                                     "ייתכן שהתאריכים בעמודה „{column}” נקראו בסדר שגוי ({order}). יש לבדוק את סדר "
                                     "התאריכים בגיליון פרטי הארגון."),
    "intake.cause.backwards_proven": ("the times in column “{column}” were read in the order their days above 12 prove "
                                      "({order}), so the day/month order is not the cause: rows are listed out of time "
                                      "order, or repeated. Each case's events are ordered by their time; check that the "
                                      "export holds each event once.",
                                      "המועדים בעמודה „{column}” נקראו בסדר שימים גדולים מ־12 מוכיחים ({order}), ולכן "
                                      "סדר היום והחודש אינו הסיבה: שורות אינן מסודרות לפי זמן, או שהן חוזרות. אירועי כל "
                                      "פנייה מסודרים לפי זמנם; יש לוודא שכל אירוע מופיע בקובץ פעם אחת."),
    "intake.cause.backwards_unsorted": ("the times in column “{column}” can be read only one way, so their day/month "
                                        "order is not the cause: the file's rows are not in time order (the export is "
                                        "sorted another way). Each case's events are ordered by their time, so nothing "
                                        "is misread.",
                                        "את המועדים בעמודה „{column}” אפשר לקרוא רק בדרך אחת, ולכן סדר היום והחודש אינו "
                                        "הסיבה: שורות הקובץ אינן מסודרות לפי זמן (הקובץ ממוין אחרת). אירועי כל פנייה "
                                        "מסודרים לפי זמנם, כך ששום דבר לא נקרא שגוי."),
    "intake.cause.backwards_repeated": ("the times in column “{column}” can be read only one way, so their day/month "
                                        "order is not the cause: {repeated} rows repeat an earlier row exactly (e.g. "
                                        "row {dup_row} = row {other}), or rows are listed out of time order. Repeated "
                                        "rows are counted as separate events: check that the export holds each event "
                                        "once.",
                                        "את המועדים בעמודה „{column}” אפשר לקרוא רק בדרך אחת, ולכן סדר היום והחודש אינו "
                                        "הסיבה: {repeated} שורות חוזרות בדיוק על שורה קודמת (למשל שורה {dup_row} = שורה "
                                        "{other}), או ששורות אינן מסודרות לפי זמן. שורות חוזרות נספרות כאירועים נפרדים: "
                                        "יש לוודא שכל אירוע מופיע בקובץ פעם אחת."),
    "intake.case_id_reused": ("Case id “{value}” is used for {count} different cases: its rows differ in service or "
                              "citizen (first rows: {found}). They are analysed as one case, from {start} to {end}, "
                              "with the service of its earliest event, so the times and counts of these cases are "
                              "wrong. Check the export: the case id may have been reused.",
                              "מזהה הפנייה „{value}” משמש ל־{count} פניות שונות: השורות שלו שונות בשירות או בפונה "
                              "(שורות ראשונות: {found}). הן מנותחות כפנייה אחת, מ־{start} עד {end}, עם השירות של "
                              "האירוע המוקדם ביותר שלה, ולכן הזמנים והספירות של פניות אלה שגויים. יש לבדוק את הקובץ: "
                              "ייתכן שמזהה הפנייה שימש שוב."),
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
    "intake.scale_read": ("The answers in column “{column}” are on a {scale} scale ({scale_source}); for the results they "
                          "are placed on 1–5 in proportion (agree = the top quarter of the scale).",
                          "התשובות בעמודה „{column}” הן בסולם {scale} ({scale_source}); לצורך התוצאות הן מומרות ל־1–5 באופן "
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
    # {errors} and {warnings} are counts in their plural forms (cli.count.errors / cli.count.warnings)
    "intake.summary_ok": ("The intake can be analysed: {errors}, {warnings}.",
                          "אפשר לנתח את הקליטה: {errors}, {warnings}."),
    "intake.summary_bad": ("The intake has {errors} and {warnings}; fix the errors and validate again.",
                           "בקליטה {errors} ו־{warnings}; יש לתקן את השגיאות ולבדוק שוב."),
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
    "intake.target.journey": ("journey", "מסע"),
    "intake.target.lesson": ("lesson_id", "מזהה לקח"),
    "intake.target.observation_item": ("observation item", "פריט תצפית"),
    "intake.expected.step": ("a step of journey “{journey}”", "צעד במסע „{journey}”"),
    "intake.expected.journey": ("the journey of the step", "שם המסע של הצעד"),
    "intake.expected.locked_wave_range": ("a wave from 1 to {waves}, or a blank cell", "גל מ־1 עד {waves}, או תא ריק"),
    "intake.expected.horizon_wave": ("a wave from 1 to {waves}, or a term", "גל מ־1 עד {waves}, או טווח זמן"),
    "intake.expected.action": ("an action_id of the Actions sheet", "מזהה פעולה מגיליון תוכנית הפעולה"),
    "intake.expected.answered_item": ("a survey item the survey answers", "פריט שיש עליו תשובות בסקר"),
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
    "intake.figure.warnings": ("Data-quality warnings at intake", "אזהרות איכות נתונים בקליטה"),
    "intake.figure.warnings.def": ("Problems found when the intake form and the client's files were validated that do "
                                   "not stop the analysis (each is listed with its sheet, row and column in the "
                                   "data-quality appendix).",
                                   "בעיות שנמצאו בבדיקת טופס הקליטה וקובצי הלקוח שאינן עוצרות את הניתוח (כל אחת "
                                   "מפורטת עם הגיליון, השורה והעמודה בנספח איכות הנתונים)."),
    # percentages typed on the other scale (svcwork.intake.percent)
    "intake.share_pct_fractions": ("All {count} shares in column “{column}” are between 0 and 1 and add up to about 1 "
                                   "per service: they were typed as Excel percentages (fractions of 1) and were read "
                                   "×100 (e.g. {value} as {read}%). Check them, or type them 0–100.",
                                   "כל {count} השיעורים בעמודה „{column}” הם בין 0 ל־1 ומסתכמים בכ־1 בכל שירות: הם "
                                   "הוקלדו כאחוזים של Excel (שברים של 1) ונקראו כפול 100 (למשל {value} כ־{read}%). "
                                   "יש לבדוק אותם, או להקליד אותם בין 0 ל־100."),
    "intake.share_pct_fraction": ("Service {service}: the share {value} was read as a fraction of 1, {read}% — the "
                                  "service's shares add up to {read_total}% that way and to {typed_total}% as typed. "
                                  "Check it, or type it 0–100.",
                                  "שירות {service}: השיעור {value} נקרא כשבר של 1, {read}% — כך השיעורים של השירות "
                                  "מסתכמים ב־{read_total}%, וכפי שהוקלדו ב־{typed_total}%. יש לבדוק, או להקליד בין "
                                  "0 ל־100."),
    "intake.share_pct_ambiguous": ("Service {service}: the share {value} may be {value}% or a fraction of 1 ({read}%); "
                                   "its shares add up to {typed_total}% as typed and {read_total}% as fractions, so "
                                   "neither is proven. It was read as {value}%, as the form asks. Type it 0–100 to "
                                   "confirm.",
                                   "שירות {service}: השיעור {value} יכול להיות {value}% או שבר של 1 ({read}%); "
                                   "השיעורים של השירות מסתכמים ב־{typed_total}% כפי שהוקלדו וב־{read_total}% כשברים, "
                                   "כך שאף קריאה אינה מוכחת. הוא נקרא כ־{value}%, כפי שהטופס מבקש. יש להקליד אותו "
                                   "בין 0 ל־100 כדי לאשר."),
    "intake.kpi_percent": ("KPI {kpi} is a proportion (0–1), but {value} in column “{column}” can only be a "
                           "percentage: it was read as {read}.",
                           "המדד {kpi} הוא שיעור (0–1), אבל {value} בעמודה „{column}” יכול להיות רק אחוז: הוא "
                           "נקרא כ־{read}."),
    "intake.kpi_not_proportion": ("KPI {kpi} is a proportion: {value} in column “{column}” is neither a share "
                                  "(0–1) nor a percentage (0–100).",
                                  "המדד {kpi} הוא שיעור: {value} בעמודה „{column}” אינו שיעור (0–1) ואינו אחוז "
                                  "(0–100)."),
    # sheets chosen, formulas never calculated, years in date cells, placeholders (the review of real-world input)
    "intake.sheet_duplicate": ("Sheets “{first}” and “{second}” are both read as “{ref_sheet}” (an old copy, or "
                               "the template in the other language?); keep one of them: delete or rename the "
                               "other, so the current data is read.",
                               "הגיליונות „{first}” ו„{second}” נקראים שניהם כ„{ref_sheet}” (עותק ישן, או התבנית "
                               "בשפה האחרת?); יש להשאיר רק אחד מהם: למחוק את האחר או לשנות את שמו, כדי שייקראו "
                               "הנתונים העדכניים."),
    "intake.sheet_hidden_skipped": ("Sheet “{value}” is hidden and would also be read as “{ref_sheet}”; the "
                                    "visible sheet “{read}” was read and the hidden one ignored. Delete the hidden "
                                    "sheet if it is an old copy.",
                                    "הגיליון „{value}” מוסתר וגם הוא נקרא כ„{ref_sheet}”; נקרא הגיליון הגלוי "
                                    "„{read}”, והמוסתר לא נקרא. אם הגיליון המוסתר הוא עותק ישן, יש למחוק אותו."),
    "intake.sheet_hidden_read": ("Sheet “{sheet}” is hidden in Excel; it was read as “{ref_sheet}”, since no "
                                 "visible sheet holds it. Unhide it to check its data.",
                                 "הגיליון „{sheet}” מוסתר באקסל; הוא נקרא כ„{ref_sheet}”, כי אין גיליון גלוי "
                                 "במקומו. יש לבטל את ההסתרה כדי לבדוק את הנתונים שבו."),
    "intake.formula_no_value": ("The cell holds a formula ({value}) that Excel has not calculated: the file has no "
                                "value for it, or only a placeholder left for Excel to replace when the file is "
                                "opened (it was written by a program, not saved by Excel). Open the file in Excel "
                                "and save it, then validate again.",
                                "בתא נוסחה ({value}) שאקסל לא חישב: אין בקובץ ערך עבורה, או שיש בו רק ערך זמני "
                                "שאקסל אמור להחליף בפתיחת הקובץ (הקובץ נכתב בתוכנה ולא נשמר באקסל). יש לפתוח את "
                                "הקובץ באקסל ולשמור אותו, ואז לבדוק שוב."),
    "intake.year_not_date": ("“{value}” is the year {year} typed in a date cell, not a date (Excel would read it "
                             "as day {year} of its calendar, in 1905); expected a full date (e.g. {year}-03-31). "
                             "Type the day and month too.",
                             "„{value}” היא השנה {year} שהוקלדה בתא תאריך, ולא תאריך (אקסל היה קורא אותה כיום מספר "
                             "{year} בלוח שלו, בשנת 1905); נדרש תאריך מלא (למשל {year}-03-31). יש להקליד גם יום "
                             "וחודש."),
    "intake.period_year": ("Periods in column “{column}” typed as a year were read as that whole year, not as an "
                           "Excel day number (e.g. “{value}” → {year}; {count} cells, rows {rows}); a KPI whose every "
                           "value is typed as a year is shown by its years. Type a month (e.g. {year}-12) where a "
                           "value is not annual.",
                           "תקופות בעמודה „{column}” שהוקלדו כשנה נקראו כשנה שלמה, ולא כמספר יום של אקסל (למשל "
                           "„{value}” ← {year}; {count} תאים, שורות {rows}); מדד שכל ערכיו מוקלדים כשנה מוצג לפי "
                           "שנים. היכן שהערך אינו שנתי, יש להקליד חודש (למשל {year}-12)."),
    "intake.companion_sheets_joined": ("The {file_name} file has its data on {count} sheets with the same columns "
                                       "(an export split by year, department or Excel's row limit); they were read "
                                       "one after another as one export. Sheets (rows): {found}.",
                                       "הנתונים בקובץ ה{file_name} נמצאים ב־{count} גיליונות עם אותן עמודות (ייצוא "
                                       "שפוצל לפי שנה, מחלקה או מגבלת השורות של אקסל); הם נקראו זה אחר זה כייצוא "
                                       "אחד. גיליונות (שורות): {found}."),
    "intake.companion_sheets_differ": ("The {file_name} file has its data on several sheets whose columns differ "
                                       "({found}): several sheets are read together only when they have the same "
                                       "columns, and which one holds the data cannot be decided. Give them the "
                                       "same columns, or keep the data on one sheet.",
                                       "הנתונים בקובץ ה{file_name} נמצאים בכמה גיליונות שהעמודות שלהם שונות "
                                       "({found}): כמה גיליונות נקראים יחד רק כשיש להם אותן עמודות, ולא ניתן "
                                       "להחליט איזה מהם מכיל את הנתונים. יש לתת להם אותן עמודות, או להשאיר את "
                                       "הנתונים בגיליון אחד."),
    "intake.companion_sheets_hidden": ("Hidden sheets of the {file_name} file also hold its columns and were not read: "
                                       "{found} (the visible {read} was read). Unhide them if they belong to the export.",
                                       "גיליונות מוסתרים בקובץ ה{file_name} מכילים גם הם את עמודותיו ולא נקראו: "
                                       "{found} (נקרא הגיליון הגלוי {read}). אם הם חלק מהייצוא, יש לבטל את ההסתרה."),
    "intake.companion_sheets_hidden_read": ("The {file_name} file's data is on hidden sheets ({found}); they were read, "
                                            "since no visible sheet holds it.",
                                            "הנתונים בקובץ ה{file_name} נמצאים בגיליונות מוסתרים ({found}); הם נקראו, "
                                            "כי אין גיליון גלוי שמכיל אותם."),
    "intake.companion_sheets_other": ("Sheets {found} of the {file_name} file were not read: they do not have its "
                                      "columns (the data was read from {read}). If they hold data, give them the same "
                                      "header row.",
                                      "הגיליונות {found} בקובץ ה{file_name} לא נקראו: אין בהם את עמודות הקובץ "
                                      "(הנתונים נקראו מ־{read}). אם יש בהם נתונים, יש לתת להם אותה שורת כותרות."),
    "intake.placeholder_missing": ("{count} of {total} values in column “{column}” are placeholders for a missing "
                                   "value ({value}); they were read as missing, not as a value of their own.",
                                   "{count} מתוך {total} ערכים בעמודה „{column}” הם ממלאי מקום לערך חסר ({value}); "
                                   "הם נקראו כחסרים ולא כערך בפני עצמו."),
    "intake.percent_text": ("Values in column “{column}” typed as text with a percent sign were read as Excel stores a "
                            "typed percent, a fraction of 1 (e.g. “{value}” → {read}; {count} cells, rows {rows}). "
                            "Check that the column's other values are on the same scale.",
                            "ערכים בעמודה „{column}” שהוקלדו כטקסט עם סימן אחוז נקראו כפי שאקסל שומר אחוז שהוקלד, "
                            "כשבר של 1 (למשל „{value}” ← {read}; {count} תאים, שורות {rows}). יש לוודא ששאר הערכים "
                            "בעמודה באותו סולם."),
    "intake.companion_sheets_copy": ("Sheets {found} of the {file_name} file hold the same rows: one is a copy of the "
                                     "other, and read together every row would count twice. Delete the copy.",
                                     "הגיליונות {found} בקובץ ה{file_name} מכילים את אותן שורות: אחד מהם הוא עותק של "
                                     "השני, ובקריאה משותפת כל שורה הייתה נספרת פעמיים. יש למחוק את העותק."),
}
