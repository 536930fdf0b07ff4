"""The journeys messages of the catalogue (``journeys.*`` keys): English and Hebrew, see :mod:`svcwork.i18n`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {     # "journeys.*"
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
    "journeys.dq.cases_note": ({"one": "in {count} case", "other": "in {count} cases"},
                               {"one": "בפנייה אחת", "two": "בשתי פניות", "other": "ב־{count} פניות"}),
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
    "journeys.col.sla_met": ("Within their deadline (cases decided)", "בתוך המועד שלהן (פניות שהוכרעו)"),
    "journeys.col.open": ("Still open", "עדיין פתוחות"),
    "journeys.col.km_median_days": ("End-to-end time, median (days, counting open cases)",
                                    "זמן טיפול מקצה לקצה, חציון (ימים, כולל פניות פתוחות)"),
    "journeys.col.km_p90_days": ("End-to-end time, 90th percentile (days, counting open cases)",
                                 "זמן טיפול מקצה לקצה, אחוזון 90 (ימים, כולל פניות פתוחות)"),
    "journeys.col.closure_rate": ("Closure rate", "שיעור סגירה"),
    "journeys.col.rework_rate": ("Rework rate", "שיעור עבודה חוזרת"),
    "journeys.col.handoffs_per_case": ("Hand-offs per case", "העברות בין יחידות לפנייה"),
    "journeys.col.repeat_contact_rate": ("Repeat contact rate", "שיעור פניות חוזרות"),
    "journeys.col.fcr": ("First-contact resolution (closed by the receiving unit, not reopened, no repeat contact)",
                         "פתרון בפנייה ראשונה (נסגרה ביחידה שקיבלה אותה, לא נפתחה מחדש, ללא פנייה חוזרת)"),
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
    "journeys.variants.other": ({"one": "{count} other path ({single} followed by a single case)",
                                 "other": "{count} other paths ({single} followed by a single case)"},
                                {"one": "מסלול אחר אחד ({single} מהם של פנייה אחת)",
                                 "other": "{count} מסלולים אחרים ({single} מהם של פנייה אחת)"}),
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
    "journeys.map.hidden": ("Hidden: {edges} (taken fewer than {count} times) and {activities}.",
                            "לא מוצגים: {edges} (פחות מ־{count} פעמים) ו{activities}."),
    "journeys.phrase.transitions": ({"one": "{count} rarer transition", "other": "{count} rarer transitions"},
                                    {"one": "מעבר נדיר אחד", "two": "שני מעברים נדירים", "other": "{count} מעברים נדירים"}),
    "journeys.phrase.activities": ({"one": "{count} less frequent activity", "other": "{count} less frequent activities"},
                                   {"one": "פעילות נדירה אחת", "two": "שתי פעילויות נדירות",
                                    "other": "־{count} פעילויות נדירות"}),
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
    "journeys.fig.capability": ("End-to-end time by month of opening, counting the cases still open",
                                "זמן טיפול מקצה לקצה לפי חודש הפתיחה, כולל הפניות שעדיין פתוחות"),
    "journeys.fig.capability_by_service": ("End-to-end time by month of opening, per service, counting the cases still open",
                                           "זמן טיפול מקצה לקצה לפי חודש הפתיחה, לכל שירות, כולל הפניות שעדיין פתוחות"),
    "journeys.fig.capability_note": ("A gap in a line: too many of the month's cases are still open to estimate it yet.",
                                     "רווח בקו: יותר מדי מהפניות של אותו חודש עדיין פתוחות, ואין עדיין אומדן."),
    "journeys.fig.hidden_months": ({"one": "Month not shown: {months} (fewer than {size} cases, or hidden so that a month of "
                                           "fewer cases cannot be worked out from the total).",
                                    "other": "Months not shown: {months} (fewer than {size} cases, or hidden so that a month "
                                             "of fewer cases cannot be worked out from the total)."},
                                   {"one": "חודש שאינו מוצג: {months} (פחות מ־{size} פניות, או הוסתר כדי שאי אפשר יהיה "
                                           "לחשב מהסך הכול חודש עם פחות פניות).",
                                    "other": "חודשים שאינם מוצגים: {months} (פחות מ־{size} פניות, או הוסתרו כדי שאי "
                                             "אפשר יהיה לחשב מהסך הכול חודש עם פחות פניות)."}),
    "journeys.capability.hidden_before": ({"one": "Not shown just before this month: {months} (fewer than {size} cases, or "
                                                  "hidden so that a month of fewer cases cannot be worked out from the "
                                                  "total).",
                                           "other": "Not shown just before this month: {months} (fewer than {size} "
                                                    "cases, or hidden so that a month of fewer cases cannot be worked out "
                                                    "from the total)."},
                                          {"one": "לא מוצג ממש לפני חודש זה: {months} (פחות מ־{size} פניות, או הוסתר כדי "
                                                  "שאי אפשר יהיה לחשב מהסך הכול חודש עם פחות פניות).",
                                           "other": "לא מוצגים ממש לפני חודש זה: {months} (פחות מ־{size} פניות, או "
                                                    "הוסתרו כדי שאי אפשר יהיה לחשב מהסך הכול חודש עם פחות פניות)."}),
    "journeys.capability.hidden_after": ({"one": "Not shown after this month: {months} (fewer than {size} cases, or hidden "
                                                 "so that a month of fewer cases cannot be worked out from the total).",
                                          "other": "Not shown after this month: {months} (fewer than {size} cases, or "
                                                   "hidden so that a month of fewer cases cannot be worked out from the "
                                                   "total)."},
                                         {"one": "לא מוצג אחרי חודש זה: {months} (פחות מ־{size} פניות, או הוסתר כדי שאי "
                                                 "אפשר יהיה לחשב מהסך הכול חודש עם פחות פניות).",
                                          "other": "לא מוצגים אחרי חודש זה: {months} (פחות מ־{size} פניות, או הוסתרו כדי "
                                                   "שאי אפשר יהיה לחשב מהסך הכול חודש עם פחות פניות)."}),
    "journeys.fig.hidden_cells": ("A gap in a line can also be a month the table by month and group does not show "
                                  "(fewer than {size} of the service's cases, or hidden so that a smaller group cannot be "
                                  "worked out from the totals).",
                                  "רווח בקו יכול להיות גם חודש שהטבלה לפי חודש וקבוצה אינה מציגה (פחות מ־{size} פניות "
                                  "של השירות, או הוסתר כדי שאי אפשר יהיה לחשב מהסכומים קבוצה קטנה יותר)."),
    "journeys.capability.rest": ("Not drawn (fewer cases): {services}.", "לא שורטטו (פחות פניות): {services}."),
    "journeys.capability.more": ("and {count} more", "ועוד {count}"),
    "journeys.capability.small": ({"one": "{count} service with no month shown in the table by month and group (fewer "
                                          "than {size} cases, or hidden so that a smaller group cannot be worked out) is "
                                          "not drawn.",
                                   "other": "{count} services with no month shown in the table by month and group (fewer "
                                            "than {size} cases, or hidden so that a smaller group cannot be worked out) "
                                            "are not drawn."},
                                  {"one": "שירות אחד שאף חודש שלו אינו מוצג בטבלה לפי חודש וקבוצה (פחות מ־{size} פניות, "
                                          "או הוסתר כדי שאי אפשר יהיה לחשב קבוצה קטנה יותר) לא שורטט.",
                                   "two": "שני שירותים שאף חודש שלהם אינו מוצג בטבלה לפי חודש וקבוצה (פחות מ־{size} "
                                          "פניות, או הוסתרו כדי שאי אפשר יהיה לחשב קבוצה קטנה יותר) לא שורטטו.",
                                   "other": "{count} שירותים שאף חודש שלהם אינו מוצג בטבלה לפי חודש וקבוצה (פחות "
                                            "מ־{size} פניות, או הוסתרו כדי שאי אפשר יהיה לחשב קבוצה קטנה יותר) לא "
                                            "שורטטו."}),
    "journeys.fig.variants": ("The {k} most common paths cover {share} of cases", "{k} המסלולים הנפוצים מכסים {share} מהפניות"),
    "journeys.fig.handoffs": ("Hand-offs between units (pairs with fewer than {size} are not shown)",
                              "העברות בין יחידות (צמדים עם פחות מ־{size} אינם מוצגים)"),
    "journeys.fig.parity": ("Which channel offers which service", "איזה ערוץ נותן איזה שירות"),
    "journeys.fig.takeup": ("Digital take-up by service", "שיעור שימוש דיגיטלי לפי שירות"),
    "journeys.axis.days": ("Days", "ימים"),
    "journeys.axis.share_cases": ("Share of cases", "שיעור מהפניות"),
    "journeys.legend.median": ("Median", "חציון"),
    "journeys.legend.p90": ("90th percentile", "אחוזון 90"),
    "journeys.legend.sla": ("Default deadline ({days} days)", "מועד ברירת המחדל ({days} ימים)"),
    "journeys.legend.deadline": ("Deadline (median of the cases' deadlines, in days)",
                                 "יעד זמן טיפול (חציון היעדים של הפניות, בימים)"),
    "journeys.col.measure": ("Measure", "מדד"),
    "journeys.col.reason": ("Why not shown", "מדוע אינו מוצג"),
    "journeys.reason.per_case": ("not measurable from this export: it has one row per case, not one per event",
                                 "אינו ניתן למדידה מקובץ זה: יש בו שורה לכל פנייה ולא לכל אירוע"),
    "journeys.measure.variants": ("Process variants", "גרסאות תהליך"),
    "journeys.measure.handoffs": ("Hand-offs between units", "העברות בין יחידות"),
    "journeys.measure.fcr": ("First-contact resolution", "פתרון בפנייה ראשונה"),
    "journeys.measure.rework": ("Rework", "עבודה חוזרת"),
    "journeys.measure.first_response": ("Time to first response", "זמן מענה ראשון"),
    # ---------------------------------------------------------------- key figures: name and definition
    "journeys.figure.cases": ("Cases {item}", "פניות {item}"),
    "journeys.figure.cases.def": ("Cases in the case log (all of the log, or those of the service named): distinct case "
                                  "ids with at least one event that has a case id, an activity and a timestamp. Counts "
                                  "cases, not events (rows).",
                                  "פניות ביומן הפניות (בכל היומן, או של השירות הנקוב): מזהי פנייה שונים שיש להם לפחות "
                                  "אירוע אחד עם מזהה פנייה, פעילות ומועד. סופר פניות, לא אירועים (שורות)."),
    "journeys.figure.events": ("Events in the case log", "אירועים ביומן הפניות"),
    "journeys.figure.events.def": ("Rows of the case log with a case id, an activity and a timestamp: one per step of a "
                                   "case.",
                                   "שורות ביומן הפניות שיש בהן מזהה פנייה, פעילות ומועד: אחת לכל צעד בפנייה."),
    "journeys.figure.closed_cases": ("Closed cases", "פניות שנסגרו"),
    "journeys.figure.closed_cases.def": ("Cases with a closing activity (named like “closed”, “resolved” … or given as an "
                                         "end activity) or a recorded outcome, not reopened after it (an activity named "
                                         "like “reopened”); base: all cases.",
                                         "פניות שיש בהן פעילות סגירה (בשם כמו „נסגר”, „טופל” … או שהוגדרה כפעילות סיום) "
                                         "או תוצאה רשומה, ושלא נפתחו מחדש אחריה (פעילות בשם כמו „נפתחה מחדש”); הבסיס: כל "
                                         "הפניות."),
    "journeys.figure.open_cases": ("Cases still open", "פניות שעדיין פתוחות"),
    "journeys.figure.open_cases.def": ("Cases not closed at the log's last date; base: all cases.",
                                       "פניות שלא נסגרו עד המועד האחרון ביומן; הבסיס: כל הפניות."),
    "journeys.figure.open_share": ("Share of cases still open", "שיעור הפניות שעדיין פתוחות"),
    "journeys.figure.open_share.def": ("Cases not closed at the log's last date, as a share of all cases.",
                                       "פניות שלא נסגרו עד המועד האחרון ביומן, כשיעור מכל הפניות."),
    "journeys.figure.median_case_days": ("End-to-end time, median (days) {item}", "זמן טיפול מקצה לקצה, חציון (ימים) {item}"),
    "journeys.figure.median_case_days.def": (
        "The time within which half of the cases (all, or those of the service named) are closed, from their first event "
        "to the end of their last, counting the cases still open: each open case is counted as waiting up to its age on "
        "the log's last date (Kaplan–Meier estimate). When the log records no closure, the time from first to last event "
        "of every case with two events or more (a single event tells nothing of a case's time). Base: the cases in scope "
        "whose time the log tells.",
        "הזמן שבתוכו נסגרת מחצית מהפניות (כולן, או של השירות הנקוב), מהאירוע הראשון עד סוף האחרון, כולל הפניות שעדיין "
        "פתוחות: כל פנייה פתוחה נספרת כממתינה עד גילה במועד האחרון ביומן (אומדן קפלן–מאייר). כשהיומן אינו מתעד סגירה: "
        "הזמן מהאירוע הראשון עד האחרון בכל פנייה בת שני אירועים או יותר (אירוע יחיד אינו מלמד דבר על משך הפנייה). "
        "הבסיס: הפניות הנכללות שהיומן מלמד על משך הטיפול בהן."),
    "journeys.figure.p90_case_days": ("End-to-end time, 90th percentile (days) {item}",
                                      "זמן טיפול מקצה לקצה, אחוזון 90 (ימים) {item}"),
    "journeys.figure.p90_case_days.def": (
        "The time within which nine in ten of the cases (all, or those of the service named) are closed, counted as the "
        "median is (open cases waiting up to their age; Kaplan–Meier). Not estimated (—) while more than one in ten are "
        "still open at the longest time observed. Base: the cases in scope whose time the log tells.",
        "הזמן שבתוכו נסגרות תשע מכל עשר פניות (כולן, או של השירות הנקוב), בספירה כמו בחציון (פניות פתוחות ממתינות עד "
        "גילן; קפלן–מאייר). אין אומדן (—) כל עוד יותר מאחת מכל עשר עדיין פתוחה בזמן הארוך ביותר שנצפה. הבסיס: "
        "הפניות הנכללות שהיומן מלמד על משך הטיפול בהן."),
    "journeys.figure.deadline_missed": ("Cases that missed their deadline {item}", "פניות שחרגו מהמועד שלהן {item}"),
    "journeys.figure.deadline_missed.def": (
        "Share of the cases (all, or those of the service named) that finished after their deadline. The deadline is the "
        "case's own, as recorded in the log's deadline column, where there is one (a date without a time: by the end of "
        "that day); else the engagement's default number "
        "of days from opening (figure “Default deadline”). A closed case is judged by the end of its last event; an open "
        "case counts as missed once the log's last date is past its deadline, and an open case still within its deadline "
        "is left out (not decided yet), as is a single-event case of a log that records no closure. Base: the cases "
        "decided. This is not the published service standard, which the "
        "service standards measure against their own target.",
        "שיעור הפניות (כולן, או של השירות הנקוב) שהסתיימו אחרי המועד שלהן. המועד הוא המועד של הפנייה עצמה, כפי שנרשם "
        "בעמודת המועד ביומן, אם יש (תאריך בלי שעה: עד סוף אותו יום); אחרת מספר הימים מהפתיחה שנקבע כברירת מחדל לארגון (המדד „מועד ברירת מחדל”). פנייה "
        "סגורה נבחנת לפי סוף האירוע האחרון שלה; פנייה פתוחה נחשבת חריגה כשהמועד האחרון ביומן עבר את המועד שלה, ופנייה "
        "פתוחה שעדיין בתוך המועד אינה נספרת (טרם הוכרעה), וכך גם פנייה בת אירוע יחיד ביומן שאינו מתעד סגירה. "
        "הבסיס: הפניות שהוכרעו. זו אינה אמת המידה לשירות שפורסמה, "
        "שנמדדת מול היעד שלה."),
    "journeys.figure.deadline_days": ("Default deadline (days)", "מועד ברירת מחדל (ימים)"),
    "journeys.figure.deadline_days.def": ("The engagement's default deadline (Engagement sheet, sla_days): the days from "
                                          "opening within which a case without its own deadline should finish.",
                                          "מועד ברירת המחדל של הארגון (גיליון הארגון, sla_days): מספר הימים מהפתיחה "
                                          "שבתוכם צריכה להסתיים פנייה שאין לה מועד משלה."),
    "journeys.figure.own_deadline_cases": ("Cases with their own deadline", "פניות עם מועד משלהן"),
    "journeys.figure.own_deadline_cases.def": ("Cases decided (the base of the share that missed the deadline) with a date in "
                                               "the log's deadline column; base: the cases decided.",
                                               "פניות שהוכרעו (הבסיס של שיעור החריגה מהמועד) שיש להן תאריך בעמודת המועד "
                                               "ביומן; הבסיס: הפניות שהוכרעו."),
    "journeys.figure.pending_cases": ("Cases not decided yet", "פניות שטרם הוכרעו"),
    "journeys.figure.pending_cases.def": ("Cases still open whose deadline has not passed at the log's last date: not "
                                          "counted in the share that missed the deadline; base: all cases.",
                                          "פניות שעדיין פתוחות ושהמועד שלהן טרם עבר במועד האחרון ביומן: אינן נספרות "
                                          "בשיעור החריגה מהמועד; הבסיס: כל הפניות."),
    "journeys.figure.repeat_contact": ("Repeat contacts", "פניות חוזרות"),
    "journeys.figure.repeat_contact.def": ("Share of the cases with a citizen id whose citizen had opened another case "
                                           "within the repeat window before it (figure “Repeat window”); base: cases with a "
                                           "citizen id.",
                                           "שיעור הפניות עם מזהה פונה שהפונה שלהן פתח פנייה אחרת בתוך חלון הפנייה החוזרת "
                                           "שלפניהן (המדד „חלון פנייה חוזרת”); הבסיס: פניות עם מזהה פונה."),
    "journeys.figure.repeat_window_days": ("Repeat window (days)", "חלון פנייה חוזרת (ימים)"),
    "journeys.figure.repeat_window_days.def": ("Days within which another case of the same citizen counts as a repeat "
                                               "contact (Engagement sheet, repeat_contact_days).",
                                               "מספר הימים שבתוכם פנייה נוספת של אותו פונה נחשבת פנייה חוזרת (גיליון "
                                               "הארגון, repeat_contact_days)."),
    "journeys.figure.channel_switching": ("Citizens who came back on another channel", "פונים שחזרו בערוץ אחר"),
    "journeys.figure.channel_switching.def": ("Of the citizens with a repeat contact (channels known), the share whose "
                                              "repeat contact came on a different channel from the case before.",
                                              "מבין הפונים שפנו שוב (והערוצים ידועים), השיעור שפנייתם החוזרת הגיעה בערוץ "
                                              "שונה מזה של הפנייה הקודמת."),
    "journeys.figure.fcr": ("First-contact resolution", "פתרון בפנייה ראשונה"),
    "journeys.figure.fcr.def": (
        "Share of the cases with a citizen id that were resolved at first contact: closed by the unit that received them "
        "(never passed to another unit) and never reopened, and their citizen opened no other case within the "
        "repeat window before or after them. A case still open is not resolved at first contact; a unit that passes "
        "every case on resolves none. Base: "
        "cases with a citizen id, when the log records closure and units.",
        "שיעור הפניות עם מזהה פונה שנפתרו בפנייה ראשונה: נסגרו ביחידה שקיבלה אותן (לא הועברו ליחידה אחרת) ולא נפתחו "
        "מחדש, והפונה לא "
        "פתח פנייה אחרת בתוך חלון הפנייה החוזרת לפניהן או אחריהן. פנייה שעדיין פתוחה אינה נפתרה בפנייה ראשונה; יחידה "
        "שמעבירה כל פנייה הלאה אינה פותרת אף אחת. הבסיס: פניות עם מזהה פונה, כשהיומן מתעד סגירה ויחידות."),
    "journeys.figure.pass_on_units": ("Receiving units that close no case themselves", "יחידות קולטות שאינן סוגרות פניות בעצמן"),
    "journeys.figure.pass_on_units.def": ("Units that received at least the minimum group size of cases and closed none of "
                                          "them without passing them to another unit (so their first-contact resolution "
                                          "is zero by definition).",
                                          "יחידות שקיבלו לפחות את גודל הקבוצה המזערי של פניות ולא סגרו אף אחת מהן בלי "
                                          "להעבירה ליחידה אחרת (ולכן שיעור הפתרון בפנייה ראשונה שלהן אפס מעצם ההגדרה)."),
    "journeys.figure.pass_on_cases": ("Cases received by units that close none themselves",
                                      "פניות שהתקבלו ביחידות שאינן סוגרות פניות בעצמן"),
    "journeys.figure.pass_on_cases.def": ("Cases whose first event was at one of the receiving units that close no case "
                                          "themselves; base: all cases.",
                                          "פניות שהאירוע הראשון שלהן היה באחת היחידות הקולטות שאינן סוגרות פניות בעצמן; "
                                          "הבסיס: כל הפניות."),
    "journeys.figure.handoffs_per_case": ("Hand-offs per case", "העברות בין יחידות לפנייה"),
    "journeys.figure.handoffs_per_case.def": ("Mean number of times a case passes from one unit to another (consecutive "
                                              "events at different units); base: all cases.",
                                              "מספר הפעמים הממוצע שפנייה עוברת מיחידה ליחידה (אירועים עוקבים ביחידות "
                                              "שונות); הבסיס: כל הפניות."),
    "journeys.figure.top_handoff": ("Busiest hand-off: {item}", "ההעברה השכיחה ביותר: {item}"),
    "journeys.figure.top_handoff.def": ("Times cases passed directly from the first unit to the second ({item}), the "
                                        "most of any pair of units.",
                                        "מספר הפעמים שפניות עברו ישירות מהיחידה הראשונה לשנייה ({item}), הרב ביותר מבין "
                                        "צמדי היחידות."),
    "journeys.figure.top_handoff_wait": ("Wait at the busiest hand-off: {item}", "המתנה בהעברה השכיחה ביותר: {item}"),
    "journeys.figure.top_handoff_wait.def": ("Median time from the end of the last event at the first unit to the first "
                                             "event at the second ({item}), in hours, or in days when 48 hours or more; "
                                             "base: the hand-offs.",
                                             "הזמן החציוני מסוף האירוע האחרון ביחידה הראשונה עד האירוע הראשון בשנייה "
                                             "({item}), בשעות, או בימים כשהוא 48 שעות ומעלה; הבסיס: ההעברות."),
    "journeys.figure.paths": ("Distinct paths", "מסלולים שונים"),
    "journeys.figure.paths.def": ("Distinct sequences of activities that cases follow from first to last event.",
                                  "רצפי פעילויות שונים שפניות עוברות מהאירוע הראשון עד האחרון."),
    "journeys.figure.top_path_share": ("Cases on the most common path", "פניות במסלול הנפוץ ביותר"),
    "journeys.figure.top_path_share.def": ("Share of all cases that follow the most common sequence of activities exactly.",
                                           "שיעור הפניות שעוברות בדיוק ברצף הפעילויות הנפוץ ביותר, מכל הפניות."),
    "journeys.figure.paths_for_goal": ("Paths covering most cases", "מסלולים שמכסים את רוב הפניות"),
    "journeys.figure.paths_for_goal.def": ("How many of the most common paths it takes to cover at least the share of "
                                           "cases of the figure “Share of cases covered”.",
                                           "כמה מהמסלולים הנפוצים ביותר נדרשים כדי לכסות לפחות את שיעור הפניות שבמדד "
                                           "„שיעור הפניות המכוסה”."),
    "journeys.figure.path_goal": ("Share of cases covered", "שיעור הפניות המכוסה"),
    "journeys.figure.path_goal.def": ("The share of cases that “Paths covering most cases” must cover: fixed at four in "
                                      "five.",
                                      "שיעור הפניות ש„מסלולים שמכסים את רוב הפניות” צריכים לכסות: קבוע, ארבע מכל חמש."),
    "journeys.figure.paths_shown": ("Paths shown", "מסלולים מוצגים"),
    "journeys.figure.paths_shown.def": ("The most common paths listed and drawn (at most the number asked for, each "
                                        "followed by at least the minimum group size of cases).",
                                        "המסלולים הנפוצים שמוצגים בטבלה ובתרשים (לכל היותר המספר שהתבקש, וכל אחד של "
                                        "לפחות גודל הקבוצה המזערי של פניות)."),
    "journeys.figure.paths_shown_share": ("Cases on the paths shown", "פניות במסלולים המוצגים"),
    "journeys.figure.paths_shown_share.def": ("Share of all cases that follow one of the paths shown exactly.",
                                              "שיעור הפניות שעוברות בדיוק באחד המסלולים המוצגים, מכל הפניות."),
    "journeys.figure.months": ("Months shown", "חודשים מוצגים"),
    "journeys.figure.months.def": ("Months of opening with at least the minimum group size of cases.",
                                   "חודשי פתיחה שיש בהם לפחות גודל הקבוצה המזערי של פניות."),
    "journeys.figure.months_no_p90": ("Months without a 90th percentile yet", "חודשים שעדיין אין להם אחוזון 90"),
    "journeys.figure.months_no_p90.def": ("Months of opening where more than one in ten cases are still open at the "
                                          "longest time observed, so the time within which nine in ten close cannot be "
                                          "estimated yet; base: the months shown.",
                                          "חודשי פתיחה שבהם יותר מאחת מכל עשר פניות עדיין פתוחה בזמן הארוך ביותר שנצפה, "
                                          "ולכן אין עדיין אומדן לזמן שבתוכו נסגרות תשע מכל עשר; הבסיס: החודשים המוצגים."),
    "journeys.figure.months_pending": ("Months not complete yet", "חודשים שטרם הושלמו"),
    "journeys.figure.months_pending.def": ("Months of opening with a case still open within its deadline: their share "
                                           "within the deadline is left blank; base: the months shown.",
                                           "חודשי פתיחה שיש בהם פנייה שעדיין פתוחה בתוך המועד שלה: שיעור העומדות במועד "
                                           "שלהם נשאר ריק; הבסיס: החודשים המוצגים."),
    "journeys.figure.month_median_low": ("Lowest monthly median end-to-end time (days): {item}",
                                         "החציון החודשי הנמוך ביותר של זמן הטיפול (ימים): {item}"),
    "journeys.figure.month_median_low.def": ("Of the months of opening shown, the lowest median end-to-end time counting "
                                             "the cases still open (Kaplan–Meier), in month {item}; base: its cases.",
                                             "מבין חודשי הפתיחה המוצגים, החציון הנמוך ביותר של זמן הטיפול מקצה לקצה כולל "
                                             "הפניות הפתוחות (קפלן–מאייר), בחודש {item}; הבסיס: הפניות שלו."),
    "journeys.figure.month_median_high": ("Highest monthly median end-to-end time (days): {item}",
                                          "החציון החודשי הגבוה ביותר של זמן הטיפול (ימים): {item}"),
    "journeys.figure.month_median_high.def": ("Of the months of opening shown, the highest median end-to-end time counting "
                                              "the cases still open (Kaplan–Meier), in month {item}; base: its cases.",
                                              "מבין חודשי הפתיחה המוצגים, החציון הגבוה ביותר של זמן הטיפול מקצה לקצה כולל "
                                              "הפניות הפתוחות (קפלן–מאייר), בחודש {item}; הבסיס: הפניות שלו."),
    "journeys.figure.unit_cases": ("Cases received by unit {item}", "פניות שהתקבלו ביחידה {item}"),
    "journeys.figure.unit_cases.def": ("Cases whose first event was at unit {item} (the receiving unit).",
                                       "פניות שהאירוע הראשון שלהן היה ביחידה {item} (היחידה הקולטת)."),
    "journeys.figure.unit_median_days": ("End-to-end time, median (days), unit {item}",
                                         "זמן טיפול מקצה לקצה, חציון (ימים), יחידה {item}"),
    "journeys.figure.unit_median_days.def": ("As “End-to-end time, median” (counting the cases still open), over the cases "
                                             "received by unit {item}.",
                                             "כמו „זמן טיפול מקצה לקצה, חציון” (כולל הפניות הפתוחות), על הפניות שהתקבלו "
                                             "ביחידה {item}."),
    "journeys.figure.unit_deadline_missed": ("Cases that missed their deadline, unit {item}",
                                             "פניות שחרגו מהמועד שלהן, יחידה {item}"),
    "journeys.figure.unit_deadline_missed.def": ("As “Cases that missed their deadline” (own deadline, else the default; "
                                                 "cases decided), over the cases received by unit {item}.",
                                                 "כמו „פניות שחרגו מהמועד שלהן” (המועד של הפנייה, אחרת ברירת המחדל; פניות "
                                                 "שהוכרעו), על הפניות שהתקבלו ביחידה {item}."),
    "journeys.figure.unit_fcr": ("First-contact resolution, unit {item}", "פתרון בפנייה ראשונה, יחידה {item}"),
    "journeys.figure.unit_fcr.def": ("As “First-contact resolution” (closed by the receiving unit, not reopened, no "
                                     "repeat contact), over the cases received by unit {item}.",
                                     "כמו „פתרון בפנייה ראשונה” (נסגרה ביחידה הקולטת, לא נפתחה מחדש, ללא פנייה חוזרת), על הפניות "
                                     "שהתקבלו ביחידה {item}."),
    "journeys.figure.frontal_services": ("Front-desk services", "שירותים בקבלת קהל"),
    "journeys.figure.frontal_services.def": ("Services available (fully or partly) at the counter in the Channels sheet.",
                                             "שירותים הזמינים (במלואם או בחלקם) בקבלת קהל לפי גיליון הערוצים."),
    "journeys.figure.frontal_without_digital": ("Front-desk services without a digital match",
                                                "שירותים בקבלת קהל ללא מענה דיגיטלי מקביל"),
    "journeys.figure.frontal_without_digital.def": ("Front-desk services that neither the web nor the app offers fully and "
                                                    "end to end; base: the front-desk services.",
                                                    "שירותים בקבלת קהל שלא האתר ולא האפליקציה נותנים במלואם ומקצה לקצה; "
                                                    "הבסיס: השירותים בקבלת קהל."),
    "journeys.figure.services_mixed_commitments": ("Services with different commitments by channel",
                                                   "שירותים עם התחייבויות שונות בערוצים"),
    "journeys.figure.services_mixed_commitments.def": ("Services (and the all-services row) whose Standards sheet promises a "
                                                       "different target on different channels, or no commitment on a "
                                                       "channel they are offered on.",
                                                       "שירותים (ושורת כל השירותים) שגיליון אמות המידה מבטיח להם יעד שונה "
                                                       "בערוצים שונים, או שאין להם התחייבות בערוץ שבו הם ניתנים."),
    "journeys.figure.digital_share": ("Digital take-up, service {item}", "שיעור שימוש דיגיטלי, שירות {item}"),
    "journeys.figure.digital_share.def": ("Share of the requests for service {item} made on the web or in the app: from "
                                          "the case log (base: its cases) when it has the service, else the Channels "
                                          "sheet's shares.",
                                          "שיעור הבקשות לשירות {item} שהוגשו באתר או באפליקציה: מיומן הפניות (הבסיס: "
                                          "הפניות שלו) כשהשירות מופיע בו, אחרת מהשיעורים בגיליון הערוצים."),
    "journeys.figure.journeys_mapped": ("Journeys mapped", "מסעות לקוח שמופו"),
    "journeys.figure.journeys_mapped.def": ("Distinct journeys in the Journey sheet.", "מסעות שונים בגיליון מסע הלקוח."),
    "journeys.figure.pain_points": ("Pain points", "נקודות כאב"),
    "journeys.figure.pain_points.def": ("Steps of the Journey sheet with a pain point written.",
                                        "צעדים בגיליון מסע הלקוח שנכתבה בהם נקודת כאב."),
    "journeys.figure.journey_pains": ("Pain points on the journey {item}", "נקודות כאב במסע {item}"),
    "journeys.figure.journey_pains.def": ("Steps of the journey {item} with a pain point written.",
                                          "צעדים במסע {item} שנכתבה בהם נקודת כאב."),
    # ---------------------------------------------------------------- phrases (a count agreeing with its noun)
    "journeys.phrase.days": ({"one": "{count} day", "other": "{count} days"},
                             {"one": "יום אחד", "two": "יומיים", "other": "{count} ימים"}),
    "journeys.phrase.times": ({"one": "once", "other": "{count} times"},
                              {"one": "פעם אחת", "two": "פעמיים", "other": "{count} פעמים"}),
    "journeys.phrase.open": ({"one": "the one case still open", "other": "the {count} cases still open"},
                             {"one": "הפנייה האחת שעדיין פתוחה", "two": "שתי הפניות שעדיין פתוחות",
                              "other": "{count} הפניות שעדיין פתוחות"}),
    "journeys.phrase.pains": ({"one": "one pain point", "other": "{count} pain points"},
                              {"one": "נקודת כאב אחת", "two": "שתי נקודות כאב", "other": "{count} נקודות כאב"}),
    "journeys.phrase.journeys": ({"one": "One citizen journey was mapped", "other": "{count} citizen journeys were mapped"},
                                 {"one": "מופה מסע לקוח אחד", "two": "מופו שני מסעות לקוח",
                                  "other": "מופו {count} מסעות לקוח"}),
    "journeys.phrase.named": ("{id} “{name}”", "{id} „{name}”"),
    "journeys.phrase.quoted": ("“{name}”", "„{name}”"),
    "journeys.phrase.others": ("and others (see the table)", "ועוד (ראו בטבלה)"),
    "journeys.phrase.wait_days": ("{value} days", "{value} ימים"),
    "journeys.phrase.wait_hours": ("{value} hours", "{value} שעות"),
    # ---------------------------------------------------------------- findings (every number a key figure)
    "journeys.finding.time": ("Counting {open}, half of the cases are closed within {median} days and nine in ten "
                              "within {p90} days ({cases}).",
                              "בספירת {open}, מחצית מהפניות נסגרות בתוך {median} ימים ותשע מכל עשר בתוך {p90} ימים "
                              "({cases})."),
    "journeys.finding.time_closed": ("Every case is closed: half within {median} days and nine in ten within {p90} days "
                                     "({cases}).",
                                     "כל הפניות נסגרו: מחציתן בתוך {median} ימים ותשע מכל עשר בתוך {p90} ימים ({cases})."),
    "journeys.finding.time_open": ("Counting {open}, half of the cases are closed within {median} days ({cases}); so many "
                                   "are still open that the time within which nine in ten close cannot be estimated yet.",
                                   "בספירת {open}, מחצית מהפניות נסגרות בתוך {median} ימים ({cases}); פניות רבות כל כך "
                                   "עדיין פתוחות שאין עדיין אומדן לזמן שבתוכו נסגרות תשע מכל עשר."),
    "journeys.finding.time_none": ("{share} of the cases are still open ({cases}): too many to estimate how long half of "
                                   "them take.",
                                   "{share} מהפניות עדיין פתוחות ({cases}): יותר מדי כדי לאמוד כמה זמן נמשכת מחציתן."),
    "journeys.finding.time_observed": ("The log records no closure: half of the cases run up to {median} days from first to "
                                       "last event, and one in ten more than {p90} days ({cases}).",
                                       "היומן אינו מתעד סגירה: מחצית מהפניות נמשכות עד {median} ימים מהאירוע הראשון עד "
                                       "האחרון, ואחת מכל עשר יותר מ־{p90} ימים ({cases})."),
    "journeys.finding.deadline": ("{missed} of the cases missed their deadline ({cases}): {rule}.",
                                  "{missed} מהפניות חרגו מהמועד שלהן ({cases}): {rule}."),
    "journeys.rule.own_some": ("the case's own deadline where the log records one ({own}), else {days} from opening",
                               "המועד של הפנייה עצמה כשהוא רשום ביומן ({own}), ואחרת {days} מהפתיחה"),
    "journeys.rule.own_none": ("{days} from opening, the engagement's default (the log records no deadline of a case's own)",
                               "{days} מהפתיחה, ברירת המחדל של הארגון (ביומן לא רשום מועד לפנייה)"),
    "journeys.rule.own_all": ("each case's own deadline, recorded in the log", "המועד של כל פנייה, כפי שנרשם ביומן"),
    "journeys.finding.pending": ({"one": "One case still open within its deadline is not counted yet.",
                                  "other": "{count} cases still open within their deadline are not counted yet."},
                                 {"one": "פנייה אחת שעדיין פתוחה בתוך המועד שלה אינה נספרת עדיין.",
                                  "two": "שתי פניות שעדיין פתוחות בתוך המועד שלהן אינן נספרות עדיין.",
                                  "other": "{count} פניות שעדיין פתוחות בתוך המועד שלהן אינן נספרות עדיין."}),
    "journeys.finding.not_standard": ("This is not the published service standard: the service commitments table measures "
                                      "every case against the commitment's own target.",
                                      "זו אינה אמת המידה לשירות שפורסמה: טבלת ההתחייבויות מודדת כל פנייה מול היעד של "
                                      "ההתחייבות עצמה."),
    "journeys.finding.per_case": ("The case log has one row per case ({cases}), not one per event: hand-offs, "
                                  "first-contact resolution, paths, rework and time to first response are not measurable "
                                  "from this export.",
                                  "ביומן הפניות שורה אחת לכל פנייה ({cases}) ולא שורה לכל אירוע: העברות בין יחידות, "
                                  "פתרון בפנייה ראשונה, מסלולים, עבודה חוזרת וזמן מענה ראשון אינם ניתנים למדידה מקובץ זה."),
    "journeys.finding.paths": ({"one": "The most common path covers {share} of the cases ({cases}); on its own it covers "
                                       "at least {goal}.",
                                "other": "The most common path covers {share} of the cases ({cases}); {k} of the {paths} "
                                         "paths together cover at least {goal}."},
                               {"one": "המסלול הנפוץ ביותר מכסה {share} מהפניות ({cases}); הוא לבדו מכסה לפחות {goal}.",
                                "two": "המסלול הנפוץ ביותר מכסה {share} מהפניות ({cases}); שניים מתוך {paths} המסלולים "
                                       "מכסים יחד לפחות {goal}.",
                                "other": "המסלול הנפוץ ביותר מכסה {share} מהפניות ({cases}); {k} מתוך {paths} המסלולים "
                                         "מכסים יחד לפחות {goal}."}),
    "journeys.finding.paths_spread": (
        {"one": "No path is followed by enough cases to be quoted on its own; the cases take {paths} paths, and the "
                "most common one covers at least {goal}.",
         "other": "No path is followed by enough cases to be quoted on its own; the cases take {paths} paths, and it "
                  "takes {k} of them together to cover at least {goal}."},
        {"one": "אף מסלול אינו משותף למספיק פניות כדי לצטט אותו בנפרד; הפניות עוברות ב־{paths} מסלולים, והנפוץ שבהם "
                "מכסה לפחות {goal}.",
         "two": "אף מסלול אינו משותף למספיק פניות כדי לצטט אותו בנפרד; הפניות עוברות ב־{paths} מסלולים, ושניים מהם "
                "מכסים יחד לפחות {goal}.",
         "other": "אף מסלול אינו משותף למספיק פניות כדי לצטט אותו בנפרד; הפניות עוברות ב־{paths} מסלולים, ו־{k} מהם "
                  "מכסים יחד לפחות {goal}."}),
    "journeys.finding.handoffs": ("Cases pass between units {per_case} times on average ({cases}); the busiest hand-off is "
                                  "from {source} to {target} ({times}), each time waiting {wait} (median).",
                                  "פנייה עוברת בין יחידות {per_case} פעמים בממוצע ({cases}); ההעברה השכיחה ביותר היא "
                                  "מ־{source} אל {target} ({times}), ובכל העברה ממתינים {wait} (חציון)."),
    "journeys.finding.repeat": ("{rate} of the cases with a known citizen are repeat contacts: the same citizen had opened "
                                "another case within the {days} before ({cases}).",
                                "{rate} מהפניות שהפונה בהן ידוע הן פניות חוזרות: אותו פונה פתח פנייה אחרת ב־{days} "
                                "שקדמו להן ({cases})."),
    "journeys.finding.fcr": ("{fcr} were resolved at first contact: closed by the unit that received them, without passing "
                             "to another unit, and with no repeat contact within {days} before or after ({cases}).",
                             "{fcr} נפתרו בפנייה ראשונה: נסגרו ביחידה שקיבלה אותן, בלי שהועברו ליחידה אחרת, וללא פנייה "
                             "חוזרת בתוך {days} לפניהן או אחריהן ({cases})."),
    "journeys.finding.switching": ("{share} of the citizens who came back switched channel.",
                                   "{share} מהפונים שחזרו ופנו שוב עברו לערוץ אחר."),
    "journeys.finding.pass_on": ({"one": "The unit {units} closes none of the cases it receives itself ({cases}): it passes "
                                         "them on, so none of them counts as resolved at first contact.",
                                  "other": "The units {units} close none of the cases they receive themselves ({cases}): "
                                           "they pass them on, so none of them counts as resolved at first contact."},
                                 {"one": "היחידה {units} אינה סוגרת בעצמה אף פנייה שהיא מקבלת ({cases}): היא מעבירה "
                                         "אותן הלאה, ולכן אף אחת מהן אינה נחשבת לפתרון בפנייה ראשונה.",
                                  "other": "היחידות {units} אינן סוגרות בעצמן אף פנייה שהן מקבלות ({cases}): הן מעבירות "
                                           "אותן הלאה, ולכן אף אחת מהן אינה נחשבת לפתרון בפנייה ראשונה."}),
    "journeys.finding.digital_gap": ({"one": "One of the {frontal} front-desk services has no end-to-end digital match: "
                                             "{services}.",
                                      "other": "{count} of the {frontal} front-desk services have no end-to-end digital "
                                               "match: {services}."},
                                     {"one": "לאחד מתוך {frontal} השירותים הניתנים בקבלת קהל אין מענה דיגיטלי מקביל "
                                             "מקצה לקצה: {services}.",
                                      "two": "לשניים מתוך {frontal} השירותים הניתנים בקבלת קהל אין מענה דיגיטלי מקביל "
                                             "מקצה לקצה: {services}.",
                                      "other": "ל־{count} מתוך {frontal} השירותים הניתנים בקבלת קהל אין מענה דיגיטלי "
                                               "מקביל מקצה לקצה: {services}."}),
    "journeys.finding.digital_none": ({"one": "The one front-desk service has no end-to-end digital match: {services}.",
                                       "other": "None of the {frontal} front-desk services has an end-to-end digital "
                                                "match: {services}."},
                                      {"one": "לשירות היחיד הניתן בקבלת קהל אין מענה דיגיטלי מקביל מקצה לקצה: {services}.",
                                       "two": "לשני השירותים הניתנים בקבלת קהל אין מענה דיגיטלי מקביל מקצה לקצה: "
                                              "{services}.",
                                       "other": "לאף אחד מ־{frontal} השירותים הניתנים בקבלת קהל אין מענה דיגיטלי מקביל "
                                                "מקצה לקצה: {services}."}),
    "journeys.finding.digital_ok": ({"one": "The one front-desk service can also be completed end to end on the web or in "
                                            "the app.",
                                     "other": "All {frontal} front-desk services can also be completed end to end on the "
                                              "web or in the app."},
                                    {"one": "את השירות היחיד הניתן בקבלת קהל אפשר להשלים מקצה לקצה גם באתר או "
                                            "באפליקציה.",
                                     "two": "את שני השירותים הניתנים בקבלת קהל אפשר להשלים מקצה לקצה גם באתר או "
                                            "באפליקציה.",
                                     "other": "את כל {frontal} השירותים הניתנים בקבלת קהל אפשר להשלים מקצה לקצה גם באתר "
                                              "או באפליקציה."}),
    "journeys.finding.standards_mixed": ({"one": "One service promises different things on different channels (different "
                                                 "targets, or a channel without a commitment): {services}.",
                                          "other": "{count} services promise different things on different channels "
                                                   "(different targets, or a channel without a commitment): {services}."},
                                         {"one": "שירות אחד מתחייב לדברים שונים בערוצים שונים (יעדים שונים, או ערוץ ללא "
                                                 "התחייבות): {services}.",
                                          "two": "שני שירותים מתחייבים לדברים שונים בערוצים שונים (יעדים שונים, או ערוץ "
                                                 "ללא התחייבות): {services}.",
                                          "other": "{count} שירותים מתחייבים לדברים שונים בערוצים שונים (יעדים שונים, או "
                                                   "ערוץ ללא התחייבות): {services}."}),
    "journeys.finding.standards_same": ("The service commitments are the same on every channel of each service.",
                                        "אמות המידה לשירות זהות בכל הערוצים של כל שירות."),
    "journeys.finding.maps": ("{journeys}, with {pains}.", "{journeys}, ובהם {pains}."),
    # ---------------------------------------------------------------- takeaways: what each chart shows
    "journeys.takeaway.journey_map": ("The journey {journey} has {pains}; the numbered markers show where, with the case "
                                      "log's figure where the log backs it.",
                                      "במסע {journey} יש {pains}; הסימונים הממוספרים מראים היכן, עם הנתון מיומן הפניות "
                                      "כשהיומן מבסס אותה."),
    "journeys.takeaway.journey_map_none": ("No pain point is recorded on the journey {journey}.",
                                           "לא נרשמה נקודת כאב במסע {journey}."),
    "journeys.takeaway.process_map": ("The most common path covers {share} of the cases ({cases}); transitions taken "
                                      "rarely are left off the map.",
                                      "המסלול הנפוץ ביותר מכסה {share} מהפניות ({cases}); מעברים נדירים אינם מוצגים "
                                      "במפה."),
    "journeys.takeaway.process_map_spread": ("No path is followed by enough cases to be quoted on its own; transitions "
                                             "taken rarely are left off the map.",
                                             "אף מסלול אינו משותף למספיק פניות כדי לצטט אותו בנפרד; מעברים נדירים "
                                             "אינם מוצגים במפה."),
    "journeys.takeaway.capability": ("Counting the cases still open, half of each month's cases closed within {low} days "
                                     "({low_month}) to {high} days ({high_month}).",
                                     "בספירת הפניות שעדיין פתוחות, מחצית מהפניות של כל חודש נסגרו בתוך {low} ימים "
                                     "({low_month}) עד {high} ימים ({high_month})."),
    "journeys.takeaway.capability_shown": ({"one": "Counting the cases still open, half of each month's cases closed "
                                                   "within {low} days ({low_month}) to {high} days ({high_month}), over "
                                                   "the {months} month shown.",
                                            "other": "Counting the cases still open, half of each month's cases closed "
                                                     "within {low} days ({low_month}) to {high} days ({high_month}), over "
                                                     "the {months} months shown."},
                                           {"one": "בספירת הפניות שעדיין פתוחות, מחצית מהפניות של כל חודש נסגרו בתוך "
                                                   "{low} ימים ({low_month}) עד {high} ימים ({high_month}), בחודש המוצג.",
                                            "two": "בספירת הפניות שעדיין פתוחות, מחצית מהפניות של כל חודש נסגרו בתוך "
                                                   "{low} ימים ({low_month}) עד {high} ימים ({high_month}), בשני החודשים "
                                                   "המוצגים.",
                                            "other": "בספירת הפניות שעדיין פתוחות, מחצית מהפניות של כל חודש נסגרו בתוך "
                                                     "{low} ימים ({low_month}) עד {high} ימים ({high_month}), ב־{months} "
                                                     "החודשים המוצגים."}),
    "journeys.takeaway.capability_one": ("Counting the cases still open, half of the cases closed within {median} days "
                                         "({cases}).",
                                         "בספירת הפניות שעדיין פתוחות, מחצית מהפניות נסגרו בתוך {median} ימים ({cases})."),
    "journeys.takeaway.no_p90": ({"one": "For one month, too many cases are still open to estimate the time within which "
                                         "nine in ten close (a gap in the upper line).",
                                  "other": "For {count} months, too many cases are still open to estimate the time within "
                                           "which nine in ten close (gaps in the upper line)."},
                                 {"one": "בחודש אחד עדיין פתוחות פניות רבות מדי כדי לאמוד את הזמן שבתוכו נסגרות תשע מכל "
                                         "עשר (רווח בקו העליון).",
                                  "two": "בחודשיים עדיין פתוחות פניות רבות מדי כדי לאמוד את הזמן שבתוכו נסגרות תשע מכל "
                                         "עשר (רווחים בקו העליון).",
                                  "other": "ב־{count} חודשים עדיין פתוחות פניות רבות מדי כדי לאמוד את הזמן שבתוכו נסגרות "
                                           "תשע מכל עשר (רווחים בקו העליון)."}),
    "journeys.takeaway.no_p90_shown": ({"one": "For one of the {months} months shown, too many cases are still open to "
                                               "estimate the time within which nine in ten close (a gap in the upper "
                                               "line).",
                                        "other": "For {count} of the {months} months shown, too many cases are still open "
                                                 "to estimate the time within which nine in ten close (gaps in the upper "
                                                 "line)."},
                                       {"one": "בחודש אחד מתוך {months} החודשים המוצגים עדיין פתוחות פניות רבות מדי כדי "
                                               "לאמוד את הזמן שבתוכו נסגרות תשע מכל עשר (רווח בקו העליון).",
                                        "two": "בשניים מתוך {months} החודשים המוצגים עדיין פתוחות פניות רבות מדי כדי "
                                               "לאמוד את הזמן שבתוכו נסגרות תשע מכל עשר (רווחים בקו העליון).",
                                        "other": "ב־{count} מתוך {months} החודשים המוצגים עדיין פתוחות פניות רבות מדי "
                                                 "כדי לאמוד את הזמן שבתוכו נסגרות תשע מכל עשר (רווחים בקו העליון)."}),
    "journeys.takeaway.capability_by_service_shown": ("Of the services shown, the slowest is {service}: half of its cases "
                                                      "take {days} days or more to close, counting those still open "
                                                      "({cases}).",
                                                      "מבין השירותים המוצגים, האיטי ביותר הוא {service}: מחצית מהפניות "
                                                      "בו נמשכות {days} ימים או יותר עד סגירתן, כולל אלה שעדיין פתוחות "
                                                      "({cases})."),
    "journeys.takeaway.capability_by_service_known": ("Of the services shown whose median can be estimated yet, the "
                                                      "slowest is {service}: half of its cases take {days} days or more "
                                                      "to close, counting those still open ({cases}).",
                                                      "מבין השירותים המוצגים שכבר אפשר לאמוד את החציון שלהם, האיטי ביותר "
                                                      "הוא {service}: מחצית מהפניות בו נמשכות {days} ימים או יותר עד "
                                                      "סגירתן, כולל אלה שעדיין פתוחות ({cases})."),
    "journeys.takeaway.not_drawn": ("It has no line in the chart: the table by month and group shows none of its months.",
                                    "אין לו קו בתרשים: הטבלה לפי חודש וקבוצה אינה מציגה אף חודש שלו."),
    "journeys.takeaway.capability_by_service": ("The slowest service is {service}: half of its cases take {days} days or "
                                                "more to close, counting those still open ({cases}).",
                                                "השירות האיטי ביותר הוא {service}: מחצית מהפניות בו נמשכות {days} ימים "
                                                "או יותר עד סגירתן, כולל אלה שעדיין פתוחות ({cases})."),
    "journeys.takeaway.variants": ({"one": "The most common path covers {share} of the cases ({cases}).",
                                    "other": "The {k} most common paths cover {share} of the cases ({cases})."},
                                   {"one": "המסלול הנפוץ ביותר מכסה {share} מהפניות ({cases}).",
                                    "two": "שני המסלולים הנפוצים ביותר מכסים {share} מהפניות ({cases}).",
                                    "other": "{k} המסלולים הנפוצים ביותר מכסים {share} מהפניות ({cases})."}),
    "journeys.takeaway.handoff_matrix": ("The busiest hand-off is from {source} to {target} ({times}); cases pass between "
                                         "units {per_case} times on average.",
                                         "ההעברה השכיחה ביותר היא מ־{source} אל {target} ({times}); פנייה עוברת בין "
                                         "יחידות {per_case} פעמים בממוצע."),
    "journeys.takeaway.digital_takeup": ("Digital take-up ranges from {low} ({low_service}) to {high} ({high_service}).",
                                         "שיעור השימוש הדיגיטלי נע בין {low} ({low_service}) ל־{high} ({high_service})."),
    # ---------------------------------------------------------------- methods (the appendix, not the body)
    "journeys.method.log": ("Case log: {events} events of {cases} cases, read as of {as_of}. Events are ordered by case, "
                            "time and file order (a stable sort, as pm4py does); a case runs from its first event to the "
                            "end of its last.",
                            "יומן הפניות: {events} אירועים של {cases} פניות, נכון ל־{as_of}. האירועים ממוינים לפי פנייה, "
                            "מועד וסדר בקובץ (מיון יציב, כמו ב־pm4py); פנייה נמשכת מהאירוע הראשון עד סוף האחרון."),
    "journeys.method.closure": ("A case is closed by one of the activities {activities} or a recorded outcome; a case "
                                "reopened after it (an activity named like \"reopened\") is open again until it is "
                                "closed again.",
                                "פנייה נסגרת באחת הפעילויות {activities} או בתוצאה רשומה; פנייה שנפתחה מחדש אחרי כן "
                                "(פעילות בשם כמו \"נפתחה מחדש\") פתוחה שוב עד שתיסגר שוב."),
    "journeys.method.closure_outcome": ("A case is closed when an outcome is recorded (no activity in the log is named as a "
                                        "closing one); a case reopened after it is open again until it is closed again.",
                                        "פנייה נסגרת כשנרשמת לה תוצאה (אף פעילות ביומן אינה בשם של סגירה); פנייה "
                                        "שנפתחה מחדש אחרי כן פתוחה שוב עד שתיסגר שוב."),
    "journeys.method.no_closure": ("The log records no closure (no closing activity, no outcome): end-to-end times are "
                                   "from first to last event, and first-contact resolution is not measured. A case with a "
                                   "single event tells nothing of its time: it is left out of the end-to-end times and of "
                                   "the share that missed the deadline, here as in the service commitments table.",
                                   "היומן אינו מתעד סגירה (אין פעילות סגירה ואין תוצאה): זמני הטיפול הם מהאירוע הראשון "
                                   "עד האחרון, ופתרון בפנייה ראשונה אינו נמדד. פנייה בת אירוע יחיד אינה מלמדת דבר על "
                                   "משך הטיפול בה: היא אינה נכללת בזמני הטיפול ובשיעור החריגה מהמועד, כאן כמו בטבלת "
                                   "התחייבויות השירות."),
    "journeys.method.km": ("End-to-end time counts the cases still open: Kaplan–Meier product-limit estimate (Kaplan & "
                           "Meier, JASA 1958; statsmodels SurvfuncRight), each open case right-censored at its age on "
                           "{as_of}. The median (90th percentile) is the first time at which the estimated share still "
                           "open is at most one half (one tenth) (Klein & Moeschberger, Survival Analysis, 2003, §4.5); "
                           "it is left blank while never reached. Tables by month of opening use each month's cases as a "
                           "cohort, so a recent month whose slow cases are still open shows a blank, not a fall.",
                           "זמן הטיפול מקצה לקצה כולל את הפניות שעדיין פתוחות: אומדן מכפלה של קפלן–מאייר (Kaplan & "
                           "Meier, JASA 1958; SurvfuncRight של statsmodels), וכל פנייה פתוחה מצונזרת מימין בגילה "
                           "ב־{as_of}. החציון (אחוזון 90) הוא הזמן הראשון שבו השיעור המשוער של הפניות שעדיין פתוחות "
                           "הוא לכל היותר חצי (עשירית) (Klein & Moeschberger, Survival Analysis, 2003, §4.5); הוא נשאר "
                           "ריק כל עוד לא הושג. בטבלאות לפי חודש הפתיחה כל חודש הוא קבוצה נפרדת, כך שחודש אחרון שפניותיו "
                           "האיטיות עדיין פתוחות מוצג ריק ולא כירידה."),
    "journeys.method.deadline": ("Deadline: the case's own (the log's deadline column) for {own} cases, else {days} days "
                                 "from opening (sla_days). A case still open within its deadline is not decided and is left "
                                 "out of the share that missed it ({pending} cases); a month of opening with such a case "
                                 "has no share yet.",
                                 "מועד: המועד של הפנייה עצמה (עמודת המועד ביומן) ב־{own} פניות, אחרת {days} ימים מהפתיחה "
                                 "(sla_days). פנייה שעדיין פתוחה בתוך המועד שלה טרם הוכרעה ואינה נכללת בשיעור החריגה "
                                 "({pending} פניות); לחודש פתיחה שיש בו פנייה כזו אין עדיין שיעור."),
    "journeys.method.contact": ("Repeat contact: the same pseudonymised citizen opened another case within {days} days "
                                "before. First-contact resolution: closed, never reopened, no hand-off between units, and no "
                                "repeat contact "
                                "within {days} days before or after (the contact-centre reading of SQM Group and the COPC "
                                "CX Standard, 2020, with the receiving unit as the first point of contact).",
                                "פנייה חוזרת: אותו פונה (בכינוי) פתח פנייה אחרת בתוך {days} ימים לפני כן. פתרון בפנייה "
                                "ראשונה: נסגרה, לא נפתחה מחדש, בלי העברה בין יחידות, וללא פנייה חוזרת בתוך {days} ימים לפניה "
                                "או אחריה "
                                "(ההגדרה של מוקדי שירות לפי SQM Group ותקן COPC CX, 2020, כשהיחידה הקולטת היא נקודת המגע "
                                "הראשונה)."),
    "journeys.method.paths": ("Paths are the process variants of van der Aalst, Process Mining (2nd ed., 2016, §2.3); "
                              "the process map is the directly-follows graph (ch. 6), transitions followed by fewer than "
                              "{share} of the cases or {size} cases hidden. {ideal}",
                              "מסלולים הם גרסאות התהליך (process variants) לפי van der Aalst, Process Mining (מהדורה 2, "
                              "2016, §2.3); מפת התהליך היא גרף העוקבים הישירים (פרק 6), ומעברים של פחות מ־{share} "
                              "מהפניות או מ־{size} פניות אינם מוצגים. {ideal}"),
    "journeys.method.handoffs": ("Hand-offs: consecutive events of a case at different units (the handover-of-work "
                                 "metric of van der Aalst, Reijers & Song, CSCW 2005); ping-pong: A→B→A; the wait at a "
                                 "hand-off runs from the end of the last event at the first unit to the first event at the "
                                 "next.",
                                 "העברות: אירועים עוקבים של פנייה ביחידות שונות (מדד העברת העבודה של van der Aalst, "
                                 "Reijers & Song, CSCW 2005); הלוך ושוב: A→B→A; ההמתנה בהעברה נמדדת מסוף האירוע האחרון "
                                 "ביחידה הראשונה עד האירוע הראשון ביחידה הבאה."),
    "journeys.method.response": ("First response: the first later event whose activity is one of {activities}.",
                                 "מענה ראשון: האירוע המאוחר הראשון שהפעילות שלו היא אחת מ־{activities}."),
    "journeys.method.response_proxy": ("First response: the case's second event, whatever it is (no response activity was "
                                       "named: a proxy that counts an internal step as the response).",
                                       "מענה ראשון: האירוע השני בפנייה, יהיה אשר יהיה (לא הוגדרה פעילות מענה: קירוב "
                                       "שסופר צעד פנימי כמענה)."),
    "journeys.method.intervals": ("Shares carry a 95% Wilson score interval (Wilson, JASA 1927; statsmodels "
                                  "proportion_confint).",
                                  "לשיעורים מצורף רווח סמך Wilson של 95% (Wilson, JASA 1927; proportion_confint של "
                                  "statsmodels)."),
    "journeys.method.privacy": ("Groups (services, channels, units, months, pairs of units) of fewer than {size} cases are "
                                "not shown. Where a hidden group could be worked out from a total the report shows — "
                                "the table of services by channel, the case measures by service, channel and unit, the "
                                "months of opening and the time by month and group — more groups are hidden where "
                                "needed, so that no hidden figure — its cases, or its cases still open — can be worked out from "
                                "a service's, a channel's or a month's total or from the digital take-up (secondary "
                                "suppression, Hundepool et al. 2012, §4.2); such a group may be large. A chart draws only "
                                "what its table shows.",
                                "קבוצות (שירותים, ערוצים, יחידות, חודשים, צמדי יחידות) של פחות מ־{size} פניות אינן "
                                "מוצגות. כשאפשר היה לחשב קבוצה מוסתרת מסך שמוצג בדוח — בטבלת השירותים לפי ערוץ, "
                                "במדדי הטיפול לפי שירות, ערוץ ויחידה, בחודשי הפתיחה ובזמן הטיפול לפי חודש וקבוצה — "
                                "מוסתרות קבוצות נוספות במידת הצורך, כך שאי אפשר לחשב נתון מוסתר — מספר הפניות או מספר "
                                "הפניות שעדיין פתוחות — מסך הפניות של שירות, של ערוץ או של חודש או משיעור השימוש "
                                "הדיגיטלי (הסתרה משנית, Hundepool et al. 2012, §4.2); קבוצה כזו יכולה להיות גדולה. "
                                "תרשים משרטט רק את מה שהטבלה שלו מציגה."),
}
