"""Messages of the unit packs (``packs.*``): focus points, case lines, the pack's key figures
(names and definitions) and the nouns their counts agree with."""

MESSAGES: dict[str, tuple] = {
    # ------------------------------------------------------------------ focus points
    "packs.focus.overdue": (
        {"one": "Clear the overdue action {action_id} “{action}”: it is {days} late — agree a new date or close it.",
         "other": "Clear the backlog: {count} actions are overdue; the longest, {action_id} “{action}”, is {days} "
                  "late — agree a new date or close it."},
        {"one": "לטפל בפעולה שבאיחור {action_id} „{action}”: היא באיחור של {days} — יש לקבוע מועד חדש או לסגור אותה.",
         "two": "לטפל בפיגורים: שתי פעולות באיחור; הוותיקה שבהן, {action_id} „{action}”, באיחור של {days} — יש לקבוע "
                "מועד חדש או לסגור אותה.",
         "other": "לטפל בפיגורים: {count} פעולות באיחור; הוותיקה שבהן, {action_id} „{action}”, באיחור של {days} — "
                  "יש לקבוע מועד חדש או לסגור אותה."}),
    "packs.focus.kpi": ("Bring {kpi} back to target: {value} against a target of {target}{when}.{more}",
                        "להחזיר ליעד את {kpi}: {value} לעומת יעד של {target}{when}.{more}"),
    "packs.focus.kpi_more": (
        {"one": "{count} of the unit's {base} misses its target.",
         "other": "{count} of the unit's {base} miss their target."},
        {"one": "מדד אחד מתוך {base} של היחידה אינו עומד ביעד.",
         "two": "שניים מתוך {base} של היחידה אינם עומדים ביעד.",
         "other": "{count} מתוך {base} של היחידה אינם עומדים ביעד."}),
    "packs.focus.survey": ("Survey item “{item}”: {share} of {base} agree, {gap} points below the other units "
                           "(95% CI, simultaneous over all the units compared: {low} to {high}) — ask the team what "
                           "lies behind it.{more}",
                           "פריט הסקר „{item}”: {share} מתוך {base} מסכימים, {gap} נקודות מתחת ליחידות האחרות "
                           "(רווח סמך 95%, סימולטני על פני כל היחידות שהושוו: {low} עד {high}) — כדאי לברר עם הצוות מה "
                           "עומד מאחורי זה.{more}"),
    "packs.focus.survey_noci": ("Survey item “{item}”: {share} of {base} agree, {gap} points below the other units "
                                "— ask the team what lies behind it.{more}",
                                "פריט הסקר „{item}”: {share} מתוך {base} מסכימים, {gap} נקודות מתחת ליחידות "
                                "האחרות — כדאי לברר עם הצוות מה עומד מאחורי זה.{more}"),
    "packs.focus.survey_more": (
        {"one": "The unit is below the other units on one survey item in all.",
         "other": "The unit is below the other units on {count} survey items in all."},
        {"one": "היחידה נמוכה מהיחידות האחרות בפריט סקר אחד בסך הכול.",
         "two": "היחידה נמוכה מהיחידות האחרות בשני פריטי סקר בסך הכול.",
         "other": "היחידה נמוכה מהיחידות האחרות ב־{count} פריטי סקר בסך הכול."}),
    "packs.focus.falling": ("Coach “{item}”: its observation score is falling (mean {mean} of {max} over {base}).",
                            "להתמקד באימון „{item}”: ציון התצפית בפריט בירידה (ממוצע {mean} מתוך {max} על פני "
                            "{base})."),
    "packs.focus.coach": ("Coach “{item}”: one of the unit's lowest observation items (mean {mean} of {max}, {base}).",
                          "להתמקד באימון „{item}”: אחד מפריטי התצפית הנמוכים ביותר ביחידה (ממוצע {mean} מתוך {max}, "
                          "{base})."),
    "packs.focus.recurring": ("Events of the category “{category}” keep recurring ({events} over {periods}): review "
                              "the lesson with the team and agree one preventive action.",
                              "אירועים מהקטגוריה „{category}” חוזרים על עצמם ({events} לאורך {periods}): יש לדון "
                              "בלקח עם הצוות ולקבוע פעולה מונעת אחת."),
    "packs.focus.training_flat": ("The training in “{skill}” has not yet shown a clear gain ({change} points, 95% CI "
                                  "{low} to {high}, {base}): follow up with practice and feedback on the job.",
                                  "ההדרכה ב„{skill}” עדיין לא הראתה שיפור ברור ({change} נקודות, רווח סמך 95%: {low} "
                                  "עד {high}, {base}): יש להמשיך בתרגול ובמשוב בעבודה."),
    "packs.focus.training_flat_noci": ("The training in “{skill}” has not yet shown a clear gain ({change} points, "
                                       "{base}): follow up with practice and feedback on the job.",
                                       "ההדרכה ב„{skill}” עדיין לא הראתה שיפור ברור ({change} נקודות, {base}): יש "
                                       "להמשיך בתרגול ובמשוב בעבודה."),
    "packs.focus.strength": ("Keep up the good work in “{item}” (mean {mean} of {max}, {base}): let the team share "
                             "what works.",
                             "לשמר את ההישג ב„{item}” (ממוצע {mean} מתוך {max}, {base}): כדאי שהצוות ישתף מה עובד."),
    "packs.focus.next_action": (
        {"one": "One action is open: {action_id} “{action}”, due on {due}.",
         "other": "{count} actions are open; next due is {action_id} “{action}” on {due}."},
        {"one": "פעולה אחת פתוחה: {action_id} „{action}”, עד {due}.",
         "two": "שתי פעולות פתוחות; הבאה בתור היא {action_id} „{action}” עד {due}.",
         "other": "{count} פעולות פתוחות; הבאה בתור היא {action_id} „{action}” עד {due}."}),
    "packs.focus.observe": ("Plan more observations: results can be shown for the unit once at least {min} different "
                            "employees have been observed on an item.",
                            "יש לתכנן תצפיות נוספות: אפשר יהיה להציג את תוצאות היחידה כשלפחות {min} עובדים שונים "
                            "ייצפו בפריט."),
    "packs.focus.plan": ("Agree with the team one improvement action, with an owner and a due date.",
                         "יש לקבוע עם הצוות פעולת שיפור אחת, עם אחראי ותאריך יעד."),
    "packs.focus.feedback": ("Hold a short feedback round after observations, starting with what went well.",
                             "יש לקיים סבב משוב קצר אחרי התצפיות, ולפתוח במה שהצליח."),
    "packs.kpi_label": ("KPI {kpi_id} “{name}”", "המדד {kpi_id} „{name}”"),
    "packs.kpi_label_noid": ("KPI “{name}”", "המדד „{name}”"),
    "packs.in_period": (" in {period}", " ב{period}"),
    # ------------------------------------------------------------------ nouns that agree with a count
    "packs.n.days": ({"one": "{count} day", "other": "{count} days"},
                     {"one": "יום אחד", "two": "יומיים", "other": "{count} ימים"}),
    "packs.n.events": ({"one": "{count} event", "other": "{count} events"},
                       {"one": "אירוע אחד", "two": "שני אירועים", "other": "{count} אירועים"}),
    # ------------------------------------------------------------------ case figures
    "packs.cases.title": ("Cases of the unit", "הפניות של היחידה"),
    "packs.cases.count": ("The unit received {cases} in the period.", "היחידה קיבלה {cases} בתקופה."),
    "packs.cases.time": ("End-to-end time: half of the cases are closed within {median} days, nine in ten within "
                         "{p90} days (cases still open included).",
                         "משך הטיפול מקצה לקצה: מחצית מהפניות נסגרות בתוך {median} ימים, ותשע מכל עשר בתוך {p90} "
                         "ימים (כולל הפניות שעדיין פתוחות)."),
    "packs.cases.time_median": ("End-to-end time: half of the cases are closed within {median} days (cases still "
                                "open included).",
                                "משך הטיפול מקצה לקצה: מחצית מהפניות נסגרות בתוך {median} ימים (כולל הפניות שעדיין "
                                "פתוחות)."),
    "packs.cases.missed": ("{missed} of {base} whose deadline has come missed it.",
                           "{missed} מתוך {base} שהמועד שלהן הגיע חרגו ממנו."),
    "packs.cases.repeat": ("{repeat} of the {base} with a known citizen were repeat contacts.",
                           "{repeat} מתוך {base} עם פונה מזוהה היו פניות חוזרות."),
    "packs.definitions": ("What the numbers mean", "מה המספרים אומרים"),
    # ------------------------------------------------------------------ the pack's key figures
    "packs.figure.cases": ("Cases ({item})", "פניות ({item})"),
    "packs.figure.cases.def": ("Cases in the case log that the unit received (the unit of the case's first event; "
                               "else the unit of its service in the Services sheet).",
                               "הפניות ביומן הפניות שהיחידה קיבלה (היחידה של האירוע הראשון בפנייה; ואם אין, היחידה "
                               "של השירות שלה בגיליון השירותים)."),
    "packs.figure.median_days": ("Median end-to-end days ({item})", "חציון ימי הטיפול מקצה לקצה ({item})"),
    "packs.figure.median_days.def": ("The end-to-end days (from a case's first event to the end of its last) within "
                                     "which half of the unit's cases are closed, estimated from all its cases with "
                                     "those still open counted by how long they have been open (Kaplan–Meier).",
                                     "מספר ימי הטיפול מקצה לקצה (מהאירוע הראשון בפנייה ועד סוף האחרון) שבתוכם נסגרות "
                                     "מחצית מהפניות של היחידה, באומדן מכל הפניות שלה שבו פנייה שעדיין פתוחה נספרת לפי "
                                     "משך הזמן שהיא פתוחה (קפלן–מאייר)."),
    "packs.figure.p90_days": ("90th percentile of end-to-end days ({item})",
                              "האחוזון ה־90 של ימי הטיפול מקצה לקצה ({item})"),
    "packs.figure.p90_days.def": ("The end-to-end days within which nine in ten of the unit's cases are closed, "
                                  "estimated the same way (Kaplan–Meier, cases still open included).",
                                  "מספר ימי הטיפול מקצה לקצה שבתוכם נסגרות תשע מכל עשר פניות של היחידה, באותו אומדן "
                                  "(קפלן–מאייר, כולל הפניות שעדיין פתוחות)."),
    "packs.figure.deadline_missed": ("Share of cases past their deadline ({item})",
                                     "שיעור הפניות שחרגו מהמועד ({item})"),
    "packs.figure.deadline_missed.def": ("The unit's cases past their deadline — the case's own deadline, else the "
                                         "engagement's standard number of days after opening — closed after it or "
                                         "still open after it at the end of the log, over its cases whose deadline "
                                         "has come (open cases still within it are not counted yet).",
                                         "הפניות של היחידה שחרגו מהמועד שלהן — המועד של הפנייה עצמה, ואם אין, מספר "
                                         "הימים התקני של ההתקשרות מפתיחתה — שנסגרו אחריו או שעדיין פתוחות אחריו בסוף "
                                         "היומן, מתוך הפניות שלה שהמועד שלהן הגיע (פניות פתוחות שעדיין בתוך המועד "
                                         "אינן נספרות עדיין)."),
    "packs.figure.repeat_share": ("Share of repeat contacts ({item})", "שיעור הפניות החוזרות ({item})"),
    "packs.figure.repeat_share.def": ("The unit's cases whose citizen had opened another case within the repeat-contact "
                                      "window (the engagement's setting) before, over the unit's cases with a known "
                                      "citizen.",
                                      "הפניות של היחידה שהפונה שלהן פתח פנייה אחרת בחלון הפנייה החוזרת (הגדרת "
                                      "ההתקשרות) שלפניהן, מתוך הפניות של היחידה עם פונה מזוהה."),
    "packs.figure.kpi_value": ("Latest value of the KPI ({item})", "הערך האחרון של המדד ({item})"),
    "packs.figure.kpi_value.def": ("The KPI's value in its latest period: the unit's own series when the KPI values "
                                   "sheet reports one for the unit, else the organisation's.",
                                   "ערך המדד בתקופה האחרונה שלו: הסדרה של היחידה כשגיליון ערכי המדדים מדווח סדרה "
                                   "ליחידה, ואחרת הסדרה של הארגון."),
    "packs.figure.kpi_target": ("Target of the KPI ({item})", "יעד המדד ({item})"),
    "packs.figure.kpi_target.def": ("The KPI's target from the KPIs sheet, to be reached in the KPI's direction.",
                                    "יעד המדד מגיליון המדדים, שיש להגיע אליו בכיוון הרצוי של המדד."),
    "packs.figure.kpis_missed": ("KPIs missing their target ({item})", "מדדים שאינם עומדים ביעד ({item})"),
    "packs.figure.kpis_missed.def": ("The unit's KPIs whose latest value misses the target, out of its KPIs with a "
                                     "value and a target.",
                                     "המדדים של היחידה שהערך האחרון שלהם אינו עומד ביעד, מתוך המדדים שלה שיש להם ערך "
                                     "ויעד."),
    "packs.figure.survey_agree": ("Share agreeing ({item})", "שיעור המסכימים ({item})"),
    "packs.figure.survey_agree.def": ("The unit's respondents who agree with the item (the top two answers), over "
                                      "those who answered it, with its 95% Wilson interval.",
                                      "המשיבים של היחידה שהסכימו עם הפריט (שתי התשובות העליונות), מתוך מי שענו עליו, "
                                      "עם רווח סמך Wilson של 95%."),
    "packs.figure.survey_gap": ("Points below the other units ({item})", "נקודות מתחת ליחידות האחרות ({item})"),
    "packs.figure.survey_gap.def": ("How many percentage points the unit's share agreeing lies below that of the "
                                    "respondents of all other units, with the 95% Newcombe interval of the difference.",
                                    "בכמה נקודות אחוז שיעור המסכימים ביחידה נמוך משיעורם בקרב המשיבים של כל היחידות "
                                    "האחרות, עם רווח סמך Newcombe של 95% להפרש."),
    "packs.figure.survey_lower": ("Survey items below the other units ({item})",
                                  "פריטי סקר שבהם היחידה נמוכה מהאחרות ({item})"),
    "packs.figure.survey_lower.def": ("Survey items on which the unit is significantly below the other units (the 95% "
                                      "interval of the difference excludes zero) and the estimate is not flagged "
                                      "unstable.",
                                      "פריטי הסקר שבהם היחידה נמוכה באופן מובהק מהיחידות האחרות (רווח הסמך של 95% "
                                      "להפרש אינו כולל אפס) והאומדן אינו מסומן כלא יציב."),
    "packs.figure.overdue": ("Overdue actions ({item})", "פעולות באיחור ({item})"),
    "packs.figure.overdue.def": ("The unit's actions still open or in progress after their due date at the report "
                                 "date, out of its open actions.",
                                 "הפעולות של היחידה שעדיין פתוחות או בביצוע אחרי תאריך היעד שלהן, נכון לתאריך הדוח, "
                                 "מתוך הפעולות הפתוחות שלה."),
    "packs.figure.overdue_days": ("Days overdue ({item})", "ימי איחור ({item})"),
    "packs.figure.overdue_days.def": ("Calendar days from the action's due date to the report date.",
                                      "ימים קלנדריים מתאריך היעד של הפעולה ועד תאריך הדוח."),
    "packs.figure.open_actions": ("Open actions ({item})", "פעולות פתוחות ({item})"),
    "packs.figure.open_actions.def": ("The unit's actions open or in progress at the report date.",
                                      "הפעולות של היחידה שפתוחות או בביצוע בתאריך הדוח."),
    "packs.figure.obs_mean": ("Mean observation score ({item})", "ציון תצפית ממוצע ({item})"),
    "packs.figure.obs_mean.def": ("The mean score of the item over the unit's observations, with its 95% interval "
                                  "(the scores of one employee counted together, not as independent); shown only "
                                  "when enough different employees were observed.",
                                  "הציון הממוצע של הפריט בתצפיות היחידה, עם רווח סמך של 95% (הציונים של עובד אחד "
                                  "נספרים יחד ולא כבלתי תלויים); מוצג רק כשנצפו די עובדים שונים."),
    "packs.figure.scale_max": ("Top of the observation scale", "ראש סולם התצפיות"),
    "packs.figure.scale_max.def": ("The highest score an observation item can get (Observations sheet).",
                                   "הציון הגבוה ביותר שפריט תצפית יכול לקבל (גיליון התצפיות)."),
    "packs.figure.lesson_events": ("Recurring events ({item})", "אירועים חוזרים ({item})"),
    "packs.figure.lesson_events.def": ("Events of the category the unit recorded in the Lessons sheet, and the "
                                       "periods (months or quarters) in which they occurred.",
                                       "אירועים מהקטגוריה שהיחידה תיעדה בגיליון הלקחים, והתקופות (חודשים או רבעונים) "
                                       "שבהן אירעו."),
    "packs.figure.training_change": ("Training change ({item})", "השינוי בעקבות ההדרכה ({item})"),
    "packs.figure.training_change.def": ("The mean change from the pre- to the post-training score of the unit's "
                                         "trained employees on the skill, with its 95% t interval.",
                                         "השינוי הממוצע מהציון שלפני ההדרכה לציון שאחריה אצל העובדים שהודרכו ביחידה "
                                         "במיומנות, עם רווח סמך t של 95%."),
    "packs.figure.min_group_size": ("Minimum group size", "גודל קבוצה מזערי"),
    "packs.figure.min_group_size.def": ("The engagement's minimum group size: no result is shown for fewer different "
                                        "people.",
                                        "גודל הקבוצה המזערי של ההתקשרות: לא מוצגת תוצאה לפחות אנשים שונים מזה."),
}
