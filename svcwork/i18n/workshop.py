"""Messages of the prioritisation workshop (svcwork.workshop) (English, Hebrew).

Also the intake's Scenarios-sheet problems (``intake.scenario.*``, rendered by the intake's problem
machinery) and the roadmap's words for what a scenario adds to it (a service left out, a time limit).
"""

from __future__ import annotations

MESSAGES: dict = {
    # ---- the Scenarios sheet at intake (codes scenario.*)
    "intake.scenario.duplicate": ("The scenario “{value}” is named already at row {other}; expected each name once.",
                                  "התרחיש „{value}” כבר מופיע בשורה {other}; כל שם צריך להופיע פעם אחת."),
    "intake.scenario.change": ("“{value}” is not a change the workshop knows: {reason}.",
                               "„{value}” אינו שינוי שסדנת התעדוף מכירה: {reason}."),
    "intake.scenario.service": ("Scenario “{scenario}”: the change names service {service}, which is no longer in the "
                                "Services sheet. The form's own report is not affected; only the report of this "
                                "scenario (--scenario) is refused until it is saved again in the workshop.",
                                "תרחיש „{scenario}”: השינוי מתייחס לשירות {service}, שאינו מופיע עוד בגיליון "
                                "השירותים. הדוח של הטופס עצמו אינו מושפע; רק הדוח של תרחיש זה (‎--scenario) לא יופק "
                                "עד שיישמר מחדש בסדנה."),
    "intake.scenario.range": ("“{value}”: expected a value from {lo} to {hi} (whole numbers for 1–5 scores).",
                              "„{value}”: נדרש ערך בין {lo} ל־{hi} (מספר שלם בציוני 1–5)."),
    "intake.scenario.wave": ("Scenario “{scenario}”: “{value}”: the roadmap now has waves 1 to {waves}. The form's own "
                             "report is not affected; only the report of this scenario (--scenario) is refused until "
                             "it is saved again in the workshop.",
                             "תרחיש „{scenario}”: „{value}”: במפת הדרכים יש כעת גלים 1 עד {waves}. הדוח של הטופס "
                             "עצמו אינו מושפע; רק הדוח של תרחיש זה (‎--scenario) לא יופק עד שיישמר מחדש בסדנה."),
    "intake.scenario.stale": ("Scenario “{scenario}” was saved ({when}) against an earlier version of the form. Since "
                              "then the form has changed: {reason}. Its changes are applied to the form as it is now, "
                              "so its roadmap may differ from the one the workshop showed; open the workshop and save "
                              "it again to confirm it.",
                              "התרחיש „{scenario}” נשמר ({when}) על גרסה קודמת של הטופס. מאז הטופס השתנה: {reason}. "
                              "השינויים שבתרחיש מוחלים על הטופס כפי שהוא כעת, ולכן מפת הדרכים שלו עשויה להיות שונה "
                              "מזו שהוצגה בסדנה; יש לפתוח את הסדנה ולשמור אותו שוב כדי לאשר אותו."),
    "intake.reason.form_services": ("the Services sheet", "גיליון השירותים"),
    "intake.reason.form_weights": ("the criteria weights (the Criteria or Pairwise sheet)",
                                   "משקלי הקריטריונים (גיליון הקריטריונים או ההשוואות הזוגיות)"),
    "intake.reason.form_roadmap": ("the roadmap's settings (waves, capacities, quick wins)",
                                   "הגדרות מפת הדרכים (גלים, קיבולות, הישגים מהירים)"),
    "intake.scenario.copy_sheets": ("{value} holds other sheets besides Scenarios (an older workshop copy of the whole "
                                    "form, with its data). Only its Scenarios sheet is read: changes made to its other "
                                    "sheets are ignored — make them in the intake itself. Saving a scenario in the "
                                    "workshop rewrites the file with the Scenarios sheet only.",
                                    "בקובץ {value} יש גיליונות נוספים מלבד גיליון התרחישים (עותק ישן של כל הטופס "
                                    "שנוצר בסדנה, עם הנתונים שבו). נקרא רק גיליון התרחישים: שינויים בגיליונות "
                                    "האחרים אינם נלקחים בחשבון — יש לבצע אותם בטופס הקליטה עצמו. שמירת תרחיש בסדנה "
                                    "כותבת את הקובץ מחדש עם גיליון התרחישים בלבד."),
    "intake.scenario.unreadable": ("The workshop's scenarios file {value} cannot be read; its scenarios are left out "
                                   "(the form's own report is not affected).",
                                   "לא ניתן לקרוא את קובץ התרחישים של הסדנה {value}; התרחישים שבו אינם נכללים "
                                   "(הדוח של הטופס עצמו אינו מושפע)."),
    "intake.reason.scenario_kind": (
        "it should start with weight, effort, benefit, visibility, resources, wave, exclude, capacity or quick_wins",
        "שינוי מתחיל במילה weight, effort, benefit, visibility, resources, wave, exclude, capacity או quick_wins"),
    "intake.reason.scenario_target": ("the kind needs what it changes after a dot (weight.benefit, wave.S05, "
                                      "capacity.2), and quick_wins none",
                                      "אחרי סוג השינוי נדרשת נקודה ומה שמשתנה (weight.benefit, wave.S05, capacity.2), "
                                      "ואחרי quick_wins לא"),
    "intake.reason.scenario_value": ("expected “=” and a number of 0 or more (a whole number for waves and quick "
                                     "wins; “free” frees a wave lock)",
                                     "נדרש „=” ומספר 0 ומעלה (מספר שלם לגלים ולהישגים מהירים; free משחרר נעילה לגל)"),
    "intake.reason.scenario_criterion": ("a weight is for a numeric Services column: effort, benefit, visibility, "
                                         "annual_volume, resources_days or citizen_reach",
                                         "משקל ניתן לעמודה מספרית בגיליון השירותים: effort, benefit, visibility, "
                                         "annual_volume, resources_days או citizen_reach"),
    # ---- the roadmap: what scenarios add
    "prioritize.conflict.timeout": ("No roadmap was found within {seconds} s; it is being solved without the limit.",
                                    "לא נמצאה מפת דרכים בתוך {seconds} שניות; החישוב ממשיך ללא מגבלת זמן."),
    "prioritize.conflict.excluded_required": ("Service {service} is left out of the roadmap, but it is mandatory, "
                                              "locked to a wave, or a mandatory or locked service depends on it.",
                                              "השירות {service} הוצא ממפת הדרכים, אבל הוא שירות חובה, נקבע לגל, או "
                                              "ששירות חובה או שירות שנקבע לגל תלוי בו."),
    "prioritize.reason_code.excluded": ("left out", "הוצא"),
    "prioritize.deferred.excluded": ("left out of the roadmap in the workshop", "הוצא ממפת הדרכים בסדנת התעדוף"),
    # ---- scenario changes in words
    "workshop.change.weight": ("weight of {criterion}: {value}", "משקל {criterion}: {value}"),
    "workshop.change.effort": ("effort of {service}: {value}", "מאמץ של {service}: {value}"),
    "workshop.change.benefit": ("benefit of {service}: {value}", "תועלת של {service}: {value}"),
    "workshop.change.visibility": ("visibility of {service}: {value}", "נראות של {service}: {value}"),
    "workshop.change.resources": ("person-days of {service}: {value}", "ימי עבודה של {service}: {value}"),
    "workshop.change.wave": ("{service} locked to wave {wave}", "{service} נקבע לגל {wave}"),
    "workshop.change.free": ("{service} no longer locked to a wave", "{service} אינו קבוע עוד לגל"),
    "workshop.change.exclude": ("{service} left out of the roadmap", "{service} הוצא ממפת הדרכים"),
    "workshop.change.capacity": ("capacity of wave {wave}: {value}", "קיבולת גל {wave}: {value}"),
    "workshop.change.quick_wins": ({"one": "at least {count} visible quick win in wave 1",
                                    "other": "at least {count} visible quick wins in wave 1"},
                                   {"one": "לפחות הישג מהיר נראה אחד בגל 1",
                                    "two": "לפחות {count} הישגים מהירים נראים בגל 1",
                                    "other": "לפחות {count} הישגים מהירים נראים בגל 1"}),
    "workshop.change.none": ("No change against the intake form.", "אין שינוי לעומת טופס הקליטה."),
    "workshop.changes.title": ("Changes against the intake form:", "שינויים לעומת טופס הקליטה:"),
    "workshop.scenario.none": ("none", "אין"),
    # ---- the methods appendix
    "workshop.methods.scenario": ("This section shows the workshop scenario “{name}” ({who}, {when}), not the "
                                  "intake form's values: {changes}. Changed weights replace the form's (and its "
                                  "pairwise comparisons); the other numbers are computed as for the form.",
                                  "פרק זה מציג את תרחיש הסדנה „{name}” ({who}, {when}), ולא את ערכי טופס הקליטה: "
                                  "{changes}. משקלים שהשתנו מחליפים את משקלי הטופס (ואת ההשוואות הזוגיות); שאר "
                                  "המספרים מחושבים כמו לטופס."),
    "workshop.methods.stale": ("The scenario “{name}” was saved against an earlier form: {parts} changed since, so its "
                               "choices were made on other data; the numbers here are those of the form as it is now.",
                               "התרחיש „{name}” נשמר מול גרסה קודמת של הטופס (מה שהשתנה מאז: {parts}), ולכן הבחירות בו "
                               "נעשו על נתונים אחרים; המספרים כאן הם של הטופס כפי שהוא עכשיו."),
    "workshop.methods.scenarios": ("Scenarios considered in the prioritisation workshop (this report shows the "
                                   "intake form's values): {names}.",
                                   "תרחישים שנבחנו בסדנת התעדוף (דוח זה מציג את ערכי טופס הקליטה): {names}."),
    "workshop.methods.unknown": ("unknown", "לא ידוע"),
    # ---- errors
    "workshop.error.unknown_scenario": ("There is no scenario “{name}” in the intake's Scenarios sheet (or in the "
                                        "workshop's copy beside it). Scenarios: {names}.",
                                        "אין תרחיש בשם „{name}” בגיליון התרחישים של טופס הקליטה (או בעותק של הסדנה "
                                        "שלצדו). התרחישים: {names}."),
    "workshop.error.weights_zero": ("The weights of the criteria are all 0; give at least one a weight.",
                                    "משקלי כל הקריטריונים הם 0; יש לתת משקל לפחות לאחד מהם."),
    "workshop.error.no_services": ("The Services sheet has no services to prioritise.",
                                   "בגיליון השירותים אין שירותים לתעדוף."),
    "workshop.error.no_name": ("Give the scenario a name.", "יש לתת לתרחיש שם."),
    "workshop.error.not_xlsx": ("Scenarios are saved in a copy of an .xlsx intake; {path} is not one. Save the form "
                                "as .xlsx first.",
                                "תרחישים נשמרים בעותק של טופס קליטה מסוג ‎.xlsx; {path} אינו כזה. יש לשמור את הטופס "
                                "כ־‎.xlsx תחילה."),
    "workshop.error.own_file": ("{path} is the client's own intake; scenarios go to a copy, never to it.",
                                "{path} הוא טופס הקליטה של הלקוח עצמו; תרחישים נשמרים בעותק, לעולם לא בו."),
    "workshop.error.no_changes": ("The controls are on the form's values: there is no change to save as a scenario "
                                  "(the form's own report shows this roadmap). Change a weight, a service or a limit "
                                  "first.",
                                  "הבקרות מציגות את ערכי הטופס: אין שינוי לשמור כתרחיש (הדוח של הטופס עצמו מציג את "
                                  "מפת הדרכים הזו). יש לשנות תחילה משקל, שירות או מגבלה."),
    "workshop.error.name_exists": ("A scenario named “{name}” is already saved in {path} ({who}, {when}). Choose another "
                                   "name, or tick “{replace}” to replace it.",
                                   "תרחיש בשם „{name}” כבר שמור ב־{path} ({who}, {when}). יש לבחור שם אחר, או לסמן "
                                   "„{replace}” כדי להחליף אותו."),
    "workshop.error.cannot_write": ("The scenario could not be saved in {path}: {reason}. Nothing was changed; check "
                                    "that the folder can be written to and that the file is not open in Excel, or give "
                                    "another file.",
                                    "לא ניתן היה לשמור את התרחיש ב־{path}: {reason}. דבר לא שונה; יש לוודא שניתן לכתוב "
                                    "לתיקייה ושהקובץ אינו פתוח באקסל, או לבחור קובץ אחר."),
    "workshop.error.target_not_xlsx": ("{path} is not the name of an .xlsx file: scenarios are saved in an .xlsx "
                                       "workbook, e.g. intake.scenarios.xlsx.",
                                       "{path} אינו שם של קובץ ‎.xlsx: תרחישים נשמרים בחוברת ‎.xlsx, למשל "
                                       "intake.scenarios.xlsx."),
    "workshop.error.target_not_copy": ("{path} is not a scenarios file of the workshop (it has other sheets, or no "
                                       "Scenarios sheet); it was left unchanged. Give a new file name.",
                                       "{path} אינו קובץ תרחישים של הסדנה (יש בו גיליונות אחרים, או שאין בו גיליון "
                                       "תרחישים); הוא נשאר ללא שינוי. יש לבחור שם קובץ חדש."),
    "workshop.error.busy": ("{path} is being saved from another workshop page; try again in a moment.",
                            "הקובץ {path} נשמר כעת מדף אחר של הסדנה; יש לנסות שוב בעוד רגע."),
    "workshop.error.not_saved": ("The scenario was not saved: it would not read back correctly ({problems}).",
                                 "התרחיש לא נשמר: לא ניתן היה לקרוא אותו בחזרה כראוי ({problems})."),
    "workshop.error.save_failed": ("The scenario could not be saved ({reason}); nothing was changed.",
                                   "לא ניתן היה לשמור את התרחיש ({reason}); דבר לא שונה."),
    "workshop.error.outdated": ("The scenario “{name}” no longer fits the intake form, which changed after it was "
                                "saved: {items}. Its report is not made, since a roadmap without these choices is not "
                                "the one the committee chose. Open the workshop (svcwork workshop), set the choices "
                                "again and save them.",
                                "התרחיש „{name}” אינו מתאים עוד לטופס הקליטה, שהשתנה אחרי שהתרחיש נשמר: {items}. "
                                "הדוח שלו אינו מופק, כי מפת דרכים בלי הבחירות האלה אינה זו שהוועדה בחרה. יש לפתוח "
                                "את הסדנה (svcwork workshop), לקבוע את הבחירות מחדש ולשמור אותן."),
    "workshop.outdated.service": ("{value} (service {service} is no longer in the Services sheet)",
                                  "{value} (השירות {service} אינו מופיע עוד בגיליון השירותים)"),
    "workshop.outdated.wave": ("{value} (the roadmap now has waves 1 to {waves})",
                               "{value} (במפת הדרכים יש כעת גלים 1 עד {waves})"),
    "workshop.error.cannot_open": ("The workshop cannot open {path}: the intake has problems to fix first.",
                                   "לא ניתן לפתוח את הסדנה עבור {path}: יש לתקן תחילה בעיות בטופס הקליטה."),
    "workshop.error.no_client": ("No client folder or intake workbook at {path}.",
                                 "לא נמצאו תיקיית לקוח או טופס קליטה ב־{path}."),
    "workshop.error.port": ("--port expects a port number from 1 to 65535, not {port}.",
                            "‏‎--port‏ מצפה למספר פורט בין 1 ל־65535, לא {port}."),
    # ---- the widgets
    "workshop.title": ("Prioritisation workshop — {organization}", "סדנת תעדוף — {organization}"),
    "workshop.control.weights": ("Criteria weights (the others rescale to keep the sum)",
                                 "משקלי הקריטריונים (האחרים מתאימים את עצמם כך שהסכום נשמר)"),
    "workshop.control.services": ("One service", "שירות אחד"),
    "workshop.control.service": ("Service", "שירות"),
    "workshop.control.wave": ("Wave", "גל"),
    "workshop.control.roadmap": ("The roadmap's limits", "מגבלות מפת הדרכים"),
    "workshop.control.quick_wins": ("Quick wins in wave 1, at least", "הישגים מהירים בגל 1, לפחות"),
    "workshop.control.no_capacity": ("The services have no person-days: capacity is measured in effort points and "
                                     "set by the analysis.",
                                     "לשירותים אין ימי עבודה: הקיבולת נמדדת בנקודות מאמץ ונקבעת בניתוח."),
    "workshop.control.reset": ("Back to the form", "חזרה לטופס"),
    "workshop.wave.free": ("the optimiser decides", "האופטימיזציה מחליטה"),
    "workshop.wave.excluded": ("left out", "הוצא"),
    "workshop.wave.deferred": ("deferred", "נדחה"),
    "workshop.save.title": ("Save as scenario", "שמירה כתרחיש"),
    "workshop.save.name": ("Name", "שם"),
    "workshop.save.who": ("Saved by", "נשמר על ידי"),
    "workshop.save.target": ("Copy of the intake", "עותק של טופס הקליטה"),
    "workshop.save.button": ("Save as scenario", "שמירה כתרחיש"),
    "workshop.save.replace": ("Replace a saved scenario of the same name", "החלפת תרחיש שמור בעל אותו שם"),
    "workshop.scenarios.notes": ("Saved scenarios to check:", "תרחישים שמורים שיש לבדוק:"),
    "workshop.save.done": ("Scenario “{name}” saved in {path} (the client's intake is unchanged).",
                           "התרחיש „{name}” נשמר ב־{path} (טופס הקליטה של הלקוח לא השתנה)."),
    # ---- the views
    "workshop.status.updated": ("Updated in {seconds} s", "עודכן תוך {seconds} שניות"),
    "workshop.status.optimal": ("roadmap optimal", "מפת הדרכים מיטבית"),
    "workshop.status.gap": ("roadmap within {gap} of optimal after {seconds} s", "מפת הדרכים בטווח {gap} מהמיטבית אחרי {seconds} שניות"),
    "workshop.status.no_plan_yet": ("no roadmap yet after {seconds} s", "עדיין אין מפת דרכים אחרי {seconds} שניות"),
    "workshop.status.solving": ("solving the roadmap exactly…", "מחשבים את מפת הדרכים במדויק…"),
    "workshop.col.rank": ("Rank", "דירוג"),
    "workshop.col.change": ("Move", "שינוי"),
    "workshop.col.service": ("Service", "שירות"),
    "workshop.col.score": ("Score", "ציון"),
    "workshop.col.wave": ("Wave", "גל"),
    "workshop.col.p_top": ("In the top {n}", "ב־{n} הראשונים"),
    "workshop.col.p_first": ("First", "ראשון"),
    "workshop.col.expected_rank": ("Expected rank", "דירוג צפוי"),
    "workshop.rank.title": ({"one": "Ranking — {count} service moved against the form",
                             "other": "Ranking — {count} services moved against the form"},
                            {"one": "דירוג — שירות אחד זז לעומת הטופס",
                             "two": "דירוג — {count} שירותים זזו לעומת הטופס",
                             "other": "דירוג — {count} שירותים זזו לעומת הטופס"}),
    "workshop.rank.up": ({"one": "up {n} place", "other": "up {n} places"},
                         {"one": "עלה מקום אחד", "two": "עלה {n} מקומות", "other": "עלה {n} מקומות"}),
    "workshop.rank.down": ({"one": "down {n} place", "other": "down {n} places"},
                           {"one": "ירד מקום אחד", "two": "ירד {n} מקומות", "other": "ירד {n} מקומות"}),
    "workshop.rank.more": ("… and {count} more services.", "… ועוד {count} שירותים."),
    "workshop.matrix.title": ("Effort and benefit (colour: wave; ring: changed)",
                              "מאמץ ותועלת (צבע: גל; טבעת: שונה)"),
    "workshop.roadmap.title": ("Roadmap by wave", "מפת הדרכים לפי גלים"),
    "workshop.roadmap.use": ("{used} of {capacity} {unit}", "{used} מתוך {capacity} {unit}"),
    "workshop.roadmap.none": ("No roadmap satisfies these choices:", "אין מפת דרכים שעומדת בבחירות אלה:"),
    "workshop.roadmap.deferred": ("Not in any wave ({count}):", "לא בשום גל ({count}):"),
    "workshop.roadmap.gap": ("Not proven optimal after {seconds} s: at most {gap} below the best roadmap. The exact "
                             "roadmap replaces it when ready.",
                             "לא הוכחה כמיטבית אחרי {seconds} שניות: לכל היותר {gap} פחות מהמפה הטובה ביותר. המפה "
                             "המדויקת תחליף אותה כשתהיה מוכנה."),
    "workshop.range.text": ("Top {n} unchanged for weights {lo}–{hi}; first place for {first_lo}–{first_hi}.",
                            "{n} הראשונים לא משתנים במשקל {lo}–{hi}; המקום הראשון במשקל {first_lo}–{first_hi}."),
    "workshop.smaa.title": ("How firm the ranking is at these weights", "עד כמה הדירוג יציב במשקלים אלה"),
    "workshop.smaa.note": ("Share of {samples} weight samples around the current weights (concentration "
                           "{concentration}; SMAA-2).",
                           "שיעור מתוך {samples} דגימות משקלים סביב המשקלים הנוכחיים (ריכוז {concentration}; "
                           "SMAA-2)."),
    "workshop.describe.order": ("Top services: {services}", "השירותים המובילים: {services}"),
    "workshop.describe.wave": ("Wave {wave}: {services}", "גל {wave}: {services}"),
    "workshop.describe.changes": ({"one": "{count} change against the form", "other": "{count} changes against the form"},
                                  {"one": "שינוי אחד לעומת הטופס", "two": "{count} שינויים לעומת הטופס",
                                   "other": "{count} שינויים לעומת הטופס"}),
    # ---- the command line
    "workshop.serve.url": ("The workshop is at {url} (Ctrl+C stops it)", "הסדנה זמינה בכתובת {url} ‏(Ctrl+C עוצר אותה)"),
}
