"""The cli messages of the catalogue (``cli.*`` keys): English and Hebrew, see :mod:`svcwork.i18n`."""

from __future__ import annotations

# --------------------------------------------------------------------------- command line
MESSAGES = {
    "cli.validate.ok": ("✓ {path}: can be analysed ({errors}, {warnings}).", "✓ {path}: אפשר לנתח ({errors}, {warnings})."),
    "cli.validate.bad": ("✗ {path}: {errors}, {warnings} — fix the errors and validate again.",
                         "✗ {path}: {errors}, {warnings} — יש לתקן את השגיאות ולבדוק שוב."),
    "cli.count.errors": ({"one": "{n} error", "other": "{n} errors"},
                         {"one": "שגיאה אחת", "two": "שתי שגיאות", "other": "{n} שגיאות"}),
    "cli.count.warnings": ({"one": "{n} warning", "other": "{n} warnings"},
                           {"one": "אזהרה אחת", "two": "שתי אזהרות", "other": "{n} אזהרות"}),
    # the end of a run or batch, and how the command itself ended (svcwork.batch, svcwork.cli)
    "cli.count.clients": ({"one": "{n} client", "other": "{n} clients"},
                          {"one": "לקוח אחד", "two": "שני לקוחות", "other": "{n} לקוחות"}),
    "cli.count.done": ({"one": "{n} done", "other": "{n} done"}, {"one": "אחד הורץ", "other": "{n} הורצו"}),
    "cli.count.unchanged": ("{n} unchanged", "{n} ללא שינוי"),
    "cli.count.failed": ({"one": "{n} failed", "other": "{n} failed"}, {"one": "אחד נכשל", "other": "{n} נכשלו"}),
    "cli.batch.summary": ("{clients}: {done}, {unchanged}, {failed} ({seconds}) -> {index}",
                          "{clients}: {done}, {unchanged}, {failed} ({seconds}) -> {index}"),
    "cli.batch.failed": ("failed: {names}", "נכשלו: {names}"),
    "cli.batch.skipped": ("unchanged, skipped", "ללא שינוי, לא הורץ שוב"),
    "cli.seconds": ("{seconds} s", "{seconds} שניות"),
    "cli.progress.clients": ("clients", "לקוחות"),
    "cli.progress.running": ("{slug} running", "{slug} בהרצה"),
    "cli.interrupted": ("svcwork: interrupted", "svcwork: ההרצה הופסקה"),
    "cli.internal_error": ("svcwork {command}: internal error: {detail}\nThis is a bug in svcwork, not in your files. "
                           "Set SVCWORK_DEBUG=1 for details.",
                           "svcwork {command}: שגיאה פנימית: {detail}\nזו תקלה ב־svcwork ולא בקבצים שסופקו לה. "
                           "לפרטים יש להגדיר SVCWORK_DEBUG=1."),
    # usage errors of the commands (what was typed, or the folders given)
    "cli.error.notebook_unreadable": ("cannot read the parameters of notebook {name}: expected a notebook with a kernel "
                                      "and a cell tagged 'parameters' ({detail})",
                                      "לא ניתן לקרוא את הפרמטרים של המחברת {name}: נדרשת מחברת עם ליבה ותא מתויג "
                                      "'parameters' ({detail})"),
    "cli.error.notebook_parameters": ("notebook {name} does not declare the parameter(s) {missing} in its 'parameters' "
                                      "cell; expected {expected}, found {found}",
                                      "המחברת {name} אינה מגדירה את הפרמטרים {missing} בתא 'parameters'; נדרשים "
                                      "{expected}, נמצאו {found}"),
    # a cell that declares nothing: its own message ("found none" reads "נמצאו אין" in Hebrew)
    "cli.error.notebook_no_parameters": ("notebook {name} declares none of the parameters {missing} in its 'parameters' "
                                         "cell; expected {expected}, found none",
                                         "המחברת {name} אינה מגדירה אף אחד מהפרמטרים {missing} בתא 'parameters'; "
                                         "נדרשים {expected}, ולא נמצא אף אחד"),
    "cli.error.not_clients_folder": ("expected a folder of client folders, found a file at {path}",
                                     "נדרשת תיקייה של תיקיות לקוחות, ונמצא קובץ ב־{path}"),
    # nothing there: its own message ("נמצא כלום" reads "anything was found" in Hebrew)
    "cli.error.no_clients_folder": ("expected a folder of client folders, found nothing at {path}",
                                    "נדרשת תיקייה של תיקיות לקוחות, ולא נמצא דבר ב־{path}"),
    "cli.error.no_clients": ("no client folders (sub-folders with an intake.xlsx) in {path}",
                             "אין תיקיות לקוחות (תיקיות משנה עם intake.xlsx) ב־{path}"),
    # the client folder's own files, beside what the intake's validation says
    "cli.no_intake": ("No intake workbook in {path}: expected a file named intake.xlsx, found {found}. If one of "
                      "these is the intake form, rename it intake.xlsx.",
                      "אין טופס קליטה בתיקייה {path}: נדרש קובץ בשם intake.xlsx, נמצא: {found}. אם אחד מהם הוא "
                      "טופס הקליטה, יש לשנות את שמו ל־intake.xlsx."),
    "cli.no_intake_empty": ("No intake workbook in {path}: expected a file named intake.xlsx, and the folder holds no "
                            "file.",
                            "אין טופס קליטה בתיקייה {path}: נדרש קובץ בשם intake.xlsx, והתיקייה אינה מכילה אף קובץ."),
    "cli.intake_chosen": ("{used} was read as the intake workbook; {others} beside it was not read. If {used} is "
                          "not the right form, remove or rename it.",
                          "הקובץ {used} נקרא כטופס הקליטה; {others} שלצדו לא נקרא. אם {used} אינו הטופס הנכון, "
                          "יש להסיר אותו או לשנות את שמו."),
    # a folder, file or output that cannot be read or written: located, never "a bug"
    "cli.error.folder_unreadable": ("The client folder {path} cannot be read ({detail}); expected a folder svcwork may "
                                    "open. Give it read access, or move it out of the clients folder.",
                                    "לא ניתן לקרוא את תיקיית הלקוח {path} ‏({detail}); נדרשת תיקייה ש־svcwork רשאית "
                                    "לפתוח. יש לתת הרשאת קריאה לתיקייה, או להוציא אותה מתיקיית הלקוחות."),
    "cli.error.file_unreadable": ("The file {file} cannot be read ({detail}); expected a file svcwork may read. Give it "
                                  "read access (or close the program that locks it) and run again.",
                                  "לא ניתן לקרוא את הקובץ {file} ‏({detail}); נדרש קובץ ש־svcwork רשאית לקרוא. יש לתת "
                                  "הרשאת קריאה לקובץ (או לסגור את התוכנה שנועלת אותו) ולהריץ שוב."),
    "cli.expected.readable": ("a file or folder svcwork may read", "קובץ או תיקייה ש־svcwork רשאית לקרוא"),
    "cli.commentary_unreadable": ("{file} cannot be read ({detail}); the report is made without this commentary. Give "
                                  "it read access to include it.",
                                  "לא ניתן לקרוא את {file} ‏({detail}); הדוח יופק בלי ההערות שבו. יש לתת הרשאת קריאה "
                                  "לקובץ כדי לכלול אותן."),
    "cli.error.output_unwritable": ("cannot write to the output folder {path} ({detail}); expected a folder you may "
                                    "create and write to",
                                    "לא ניתן לכתוב לתיקיית הפלט {path} ‏({detail}); נדרשת תיקייה שמותר ליצור ולכתוב "
                                    "בה"),
    "cli.output_is_file": ("a file is in the way: the path or one of its parents is a file, not a folder",
                           "קובץ חוסם את הדרך: הנתיב או אחת מהתיקיות שמעליו הוא קובץ ולא תיקייה"),
    # a PDF asked for that could not be made: nothing complete is replaced by less
    "cli.pdf_not_made": ("report.pdf not made: {reason}", "הקובץ report.pdf לא נוצר: {reason}"),
    "cli.chromium_missing": ("Chromium is not installed (apt-get install chromium, or set SVCWORK_CHROMIUM)",
                             "Chromium אינו מותקן (apt-get install chromium, או להגדיר את SVCWORK_CHROMIUM)"),
    "cli.pdf_failed_kept": ("report.pdf could not be made ({reason}); the earlier report, with its PDF, was kept "
                            "unchanged. Run again (or use --no-pdf to replace it without a PDF).",
                            "לא ניתן היה להפיק את report.pdf ‏({reason}); הדוח הקודם, עם קובץ ה־PDF שלו, נשמר ללא "
                            "שינוי. יש להריץ שוב (או להשתמש ב־‎--no-pdf‎ כדי להחליפו בדוח ללא PDF)."),
    "cli.pdf_failed": ("report.pdf could not be made ({reason}); nothing was written. Run again, or use --no-pdf.",
                       "לא ניתן היה להפיק את report.pdf ‏({reason}); דבר לא נכתב. יש להריץ שוב, או להשתמש "
                       "ב־‎--no-pdf‎."),
    "cli.pdf_failed_new": ("report.html was written but report.pdf could not be made ({reason}); the next batch runs "
                           "this client again. Run again, or use --no-pdf.",
                           "report.html נכתב אך לא ניתן היה להפיק את report.pdf ‏({reason}); ההפקה הבאה תריץ את "
                           "הלקוח הזה שוב. יש להריץ שוב, או להשתמש ב־‎--no-pdf‎."),
    "cli.error.batch_busy": ("another svcwork batch is writing to {path}; wait for it to finish or choose another output "
                             "folder",
                             "הפקה אחרת של svcwork כותבת ל־{path}; יש להמתין לסיומה או לבחור תיקיית פלט אחרת"),
    "cli.error.no_distributed": ("--scheduler needs the 'distributed' package (pip install distributed)",
                                 "‎--scheduler‎ דורש את החבילה distributed ‏(pip install distributed)"),
    "cli.error.scheduler_address": ("--scheduler expects an address such as tcp://host:8786, found {value}",
                                    "‎--scheduler‎ מצפה לכתובת כגון tcp://host:8786, נמצא {value}"),
    "cli.error.scheduler_down": ("cannot reach the Dask scheduler at {address}: expected a running scheduler "
                                 "(tcp://host:port), found none ({detail})",
                                 "אין גישה למתזמן Dask בכתובת {address}: נדרש מתזמן פעיל (tcp://host:port), לא נמצא "
                                 "({detail})"),
    "cli.error.timeout": ("--timeout expects seconds (0 for no limit), found {value}",
                          "‎--timeout‎ מצפה למספר שניות (0 ללא מגבלה), נמצא {value}"),
    "cli.error.jobs": ("--jobs expects 1 or more, found {value}", "‎--jobs‎ מצפה ל־1 ומעלה, נמצא {value}"),
    "cli.error.no_project": ("expected an existing project folder, found no folder at {path}",
                             "נדרשת תיקיית פרויקט קיימת, לא נמצאה תיקייה ב־{path}"),
    "cli.error.demo_client": ("unknown demo client(s) {names}; expected one of {expected}",
                              "לקוחות הדגמה לא מוכרים: {names}; נדרש אחד מ־{expected}"),
    "cli.error.export_style": ("unknown export style {value}; expected one of {expected}",
                               "סגנון ייצוא לא מוכר: {value}; נדרש אחד מ־{expected}"),
    "cli.error.template_lang": ("template language: expected one of {expected}, found {value}",
                                "שפת התבנית: נדרש אחד מ־{expected}, נמצא {value}"),
    "cli.error.not_batch_folder": ("expected a batch output folder (made by `svcwork batch`), found a file at {path}",
                                   "נדרשת תיקיית פלט של הפקה (שנוצרה ב־`svcwork batch`), ונמצא קובץ ב־{path}"),
    "cli.error.no_batch_folder": ("expected a batch output folder (made by `svcwork batch`), found nothing at {path}",
                                  "נדרשת תיקיית פלט של הפקה (שנוצרה ב־`svcwork batch`), ולא נמצא דבר ב־{path}"),
    "cli.error.no_results": ("no client results (<client>/summary.json) in {path}; expected the output folder of "
                             "`svcwork batch`",
                             "אין תוצאות לקוחות (‎<client>/summary.json‎) ב־{path}; נדרשת תיקיית הפלט של "
                             "`svcwork batch`"),
    "cli.error.summary_unreadable": ("{path}: expected a summary.json written by svcwork; cannot read it ({detail})",
                                     "{path}: נדרש summary.json שנכתב על ידי svcwork; לא ניתן לקרוא אותו ({detail})"),
    "cli.error.key_unreadable": ("the pseudonymisation key file {path} cannot be read or created ({detail})",
                                 "לא ניתן לקרוא או ליצור את קובץ מפתח הכינויים {path} ‏({detail})"),
    "cli.error.key_not_owned": ("the pseudonymisation key file {path} belongs to another user or others may write "
                                "it, so it was not used: a key someone else chose could reverse every pseudonym; "
                                "remove it, or make it yours with mode 0600",
                                "קובץ מפתח הכינויים {path} שייך למשתמש אחר או שאחרים רשאים לכתוב בו, ולכן לא נעשה "
                                "בו שימוש: מפתח שמישהו אחר בחר יכול לחשוף כל כינוי; יש להסיר אותו, או להפוך אותו "
                                "לשלך עם הרשאות 0600"),
    "cli.error.key_empty": ("the pseudonymisation key file {path} is empty; delete it or restore the project's key",
                            "קובץ מפתח הכינויים {path} ריק; יש למחוק אותו או לשחזר את מפתח הפרויקט"),
    # what a portfolio reads from each client's summary.json
    "cli.error.portfolio_count": ("expected a number of clients ≥ 0; found {value}",
                                  "נדרש מספר ארגונים ≥ 0; נמצא {value}"),
    "cli.error.portfolio_number": ("{where}: expected a number or null; found {value}",
                                   "{where}: נדרש מספר או null; נמצא {value}"),
    "cli.error.portfolio_object": ("{where}: expected '{key}' to be an object; found {found}",
                                   "{where}: נדרש ש־'{key}' יהיה אובייקט; נמצא {found}"),
    "cli.error.portfolio_interval": ("{where}: expected '{key}' to be an object with value, low, high and n; found {value}",
                                     "{where}: נדרש ש־'{key}' יהיה אובייקט עם value, low, high ו־n; נמצא {value}"),
    "cli.error.portfolio_summary": ("{where}: expected a JSON object; found {found}",
                                    "{where}: נדרש אובייקט JSON; נמצא {found}"),
    "cli.error.portfolio_kpis": ("{where}: expected 'kpis' to be a list; found {found}",
                                 "{where}: נדרש ש־'kpis' תהיה רשימה; נמצא {found}"),
    "cli.error.portfolio_empty": ("expected the summaries of one or more clients (slug → summary.json content); "
                                  "found none",
                                  "נדרשים הסיכומים של ארגון אחד או יותר (תיקייה → תוכן summary.json); לא נמצאו"),
    "cli.error.portfolio_confidence": ("expected a confidence between 0 and 1; found {value}",
                                       "נדרשת רמת סמך בין 0 ל־1; נמצא {value}"),
}
