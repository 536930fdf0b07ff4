"""The re-measurement messages of the catalogue (``since.*`` keys): English and Hebrew, see :mod:`svcwork.i18n`."""

from __future__ import annotations

MESSAGES: dict[str, tuple] = {     # "since.*"
    # errors
    "since.error.order": ("The previous report's period ends on {previous}, not before this one's ({current}): compare a "
                          "report with an earlier one.",
                          "תקופת הדוח הקודם מסתיימת ב־{previous}, לא לפני תקופת דוח זה ({current}): יש להשוות דוח "
                          "לדוח מוקדם ממנו."),
    "since.error.unreadable": ("The earlier report {path} cannot be read ({detail}): give an earlier run's output "
                               "folder or its summary.json.",
                               "לא ניתן לקרוא את הדוח הקודם {path} ({detail}): יש לציין את תיקיית הפלט של הרצה "
                               "קודמת או את קובץ summary.json שלה."),
    "since.error.other_client": ("The earlier report {path} is of another client ({found}), not {client}.",
                                 "הדוח הקודם {path} שייך ללקוח אחר ({found}), לא ל־{client}."),
    "since.error.not_earlier": ("The earlier report {path} ends on {previous}, not before this report's period "
                                "({current}).",
                                "תקופת הדוח הקודם {path} מסתיימת ב־{previous}, לא לפני תקופת דוח זה ({current})."),
    "since.error.no_batch": ("--since: {path} is not the output folder of an earlier batch.",
                             "‎--since: {path} אינה תיקיית פלט של הרצה קודמת."),
    # key figures: names and definitions
    "since.figure.previous": ("At the last report: {item}", "בדוח הקודם: {item}"),
    "since.figure.previous.def": ("The value of “{item}” in the previous report, with its base there.",
                                  "הערך של „{item}” בדוח הקודם, עם הבסיס שלו שם."),
    "since.figure.current": ("At this report: {item}", "בדוח זה: {item}"),
    "since.figure.current.def": ("The value of “{item}” in this report, with its base.",
                                 "הערך של „{item}” בדוח זה, עם הבסיס שלו."),
    "since.figure.change": ("Change since the last report: {item}", "השינוי מאז הדוח הקודם: {item}"),
    "since.figure.change.def": (
        "This report's value of “{item}” minus the previous report's (shares in percentage points), with the 95% "
        "confidence interval of a difference between two independent rounds: Newcombe's hybrid score interval for "
        "shares, the variance of two trinomial estimates for NPS, Welch's interval for means, a bootstrap over the "
        "cases of both rounds for medians and nine-in-ten times. It is called better or worse only when the interval "
        "excludes zero.",
        "הערך של „{item}” בדוח זה פחות הערך בדוח הקודם (שיעורים בנקודות אחוז), עם רווח סמך 95% להפרש בין שני סבבים "
        "בלתי תלויים: רווח הסמך ההיברידי של ניוקום לשיעורים, השונות של שני אומדנים טרינומיים למדד NPS, רווח הסמך של "
        "וולש לממוצעים, ודגימה חוזרת של הפניות בשני הסבבים לחציונים ולזמן שבו נסגרות תשע מכל עשר פניות. "
        "השינוי מוגדר שיפור או הרעה רק כאשר רווח הסמך אינו כולל את האפס."),
    "since.figure.better": ("Figures that changed for the better", "מדדים שהשתנו לטובה"),
    "since.figure.better.def": ("Figures compared with the previous report whose 95% interval of the change lies wholly "
                                "on the good side of zero.",
                                "מדדים שהושוו לדוח הקודם ורווח הסמך 95% של השינוי בהם כולו בצד הטוב של האפס."),
    "since.figure.worse": ("Figures that changed for the worse", "מדדים שהשתנו לרעה"),
    "since.figure.worse.def": ("Figures compared with the previous report whose 95% interval of the change lies wholly "
                               "on the bad side of zero.",
                               "מדדים שהושוו לדוח הקודם ורווח הסמך 95% של השינוי בהם כולו בצד הרע של האפס."),
    "since.figure.no_change": ("Figures with no clear change", "מדדים ללא שינוי ברור"),
    "since.figure.no_change.def": ("Figures compared with the previous report whose 95% interval of the change holds "
                                   "zero: the change may be noise.",
                                   "מדדים שהושוו לדוח הקודם ורווח הסמך 95% של השינוי בהם כולל את האפס: ייתכן שהשינוי "
                                   "הוא רעש."),
    "since.figure.two_points": ("KPIs with two points only", "מדדים עם שתי נקודות בלבד"),
    "since.figure.two_points.def": ("KPIs whose control chart shows no run of points on one side of its centre line "
                                    "since the previous report: their last value against the previous one is two "
                                    "points, not evidence of a change.",
                                    "מדדים שבתרשים הבקרה שלהם אין רצף נקודות בצד אחד של קו המרכז מאז הדוח הקודם: "
                                    "הערך האחרון מול הקודם הוא שתי נקודות, לא עדות לשינוי."),
    "since.figure.tested": ("Figures compared with an interval", "מדדים שהושוו עם רווח סמך"),
    "since.figure.tested.def": ("The figures whose change was judged by its confidence interval (every figure compared "
                                "but the KPIs, which their control charts judge).",
                                "המדדים שהשינוי בהם הוערך לפי רווח הסמך שלו (כל המדדים שהושוו, מלבד אלה שתרשים הבקרה "
                                "שלהם מעריך אותם)."),
    "since.figure.called": ("Figures called a change", "מדדים שהוגדר בהם שינוי"),
    "since.figure.called.def": ("Of the figures compared with an interval, those whose interval excludes zero (better, "
                                "worse, up or down).",
                                "מתוך המדדים שהושוו עם רווח סמך, אלה שרווח הסמך שלהם אינו כולל אפס (שיפור, הרעה, עלייה "
                                "או ירידה)."),
    "since.figure.by_chance": ("Changes expected by chance alone", "שינויים הצפויים במקרה בלבד"),
    "since.figure.by_chance.def": ("How many of the figures compared with an interval would be called a change if nothing "
                                   "had changed: 5% of them (each interval at 95%).",
                                   "כמה מהמדדים שהושוו עם רווח סמך היו מוגדרים שינוי אילו דבר לא השתנה: 5% מהם (כל רווח "
                                   "סמך ברמה 95%)."),
    "since.figure.n_boot": ("Bootstrap resamples (change in case times)", "דגימות חוזרות (השינוי בזמני הטיפול)"),
    "since.figure.n_boot.def": ("How many times the cases of each round were resampled with replacement to set the "
                                "interval of a change in a median or nine-in-ten time.",
                                "מספר הפעמים שהפניות של כל סבב נדגמו מחדש עם החזרה כדי לקבוע את רווח הסמך של שינוי "
                                "בחציון או בזמן שבו נסגרות תשע מכל עשר פניות."),
    "since.figure.seed": ("Random seed of the bootstrap", "זרע האקראיות של הדגימה החוזרת"),
    "since.figure.seed.def": ("The seed of the random resampling: the same seed gives the same intervals.",
                              "הזרע של הדגימה האקראית: אותו זרע נותן את אותם רווחי סמך."),
    "since.figure.suppressed": ("Figures withheld (small groups)", "מדדים שלא הוצגו (קבוצות קטנות)"),
    "since.figure.suppressed.def": ("Compared figures not shown because a group falls under the minimum group size in "
                                    "one of the two rounds.",
                                    "מדדים שהושוו ולא הוצגו משום שקבוצה קטנה מגודל הקבוצה המזערי באחד משני הסבבים."),
    "since.figure.min_group_size": ("Minimum group size (comparison)", "גודל קבוצה מזערי (השוואה)"),
    "since.figure.min_group_size.def": ("The larger of the two rounds' minimum group sizes: a smaller group is not "
                                        "compared.",
                                        "הגדול מבין גודלי הקבוצה המזעריים של שני הסבבים: קבוצה קטנה ממנו אינה מושווית."),
    "since.figure.actions_done": ("Actions completed since the last report", "פעולות שהושלמו מאז הדוח הקודם"),
    "since.figure.actions_done.def": ("Actions done now that were not done at the previous report (by action id; "
                                      "without both action lists, the change in the number done).",
                                      "פעולות שהושלמו כעת ולא היו מושלמות בדוח הקודם (לפי מזהה הפעולה; בלי שתי רשימות "
                                      "הפעולות, השינוי במספר הפעולות שהושלמו)."),
    "since.figure.actions_opened": ("Actions opened since the last report", "פעולות שנפתחו מאז הדוח הקודם"),
    "since.figure.actions_opened.def": ("Actions in the plan now that were not in it at the previous report (by action "
                                        "id; without both action lists, the change in the plan's total).",
                                        "פעולות שבתוכנית כעת ולא היו בה בדוח הקודם (לפי מזהה הפעולה; בלי שתי רשימות "
                                        "הפעולות, השינוי במספר הפעולות בתוכנית)."),
    "since.figure.actions_overdue": ("Actions overdue now", "פעולות באיחור כעת"),
    "since.figure.actions_overdue.def": ("Actions still open or in progress after their due date, on this report's date.",
                                         "פעולות שעדיין פתוחות או בביצוע אחרי תאריך היעד שלהן, במועד דוח זה."),
    "since.figure.actions_newly_overdue": ("Actions overdue since the last report", "פעולות שנכנסו לאיחור מאז הדוח הקודם"),
    "since.figure.actions_newly_overdue.def": ("Actions overdue on this report's date that were not overdue on the "
                                               "previous report's date.",
                                               "פעולות באיחור במועד דוח זה שלא היו באיחור במועד הדוח הקודם."),
    "since.figure.actions_cancelled": ("Actions cancelled since the last report", "פעולות שבוטלו מאז הדוח הקודם"),
    "since.figure.actions_cancelled.def": ("Actions cancelled now that were not cancelled at the previous report.",
                                           "פעולות שבוטלו כעת ולא היו מבוטלות בדוח הקודם."),
    "since.figure.recs": ("Recommendations of the last report", "המלצות הדוח הקודם"),
    "since.figure.recs.def": ("The recommendations of the previous report's Recommendations sheet.",
                              "ההמלצות בגיליון ההמלצות של הדוח הקודם."),
    **{f"since.figure.recs_{state}{suffix}": texts for state, (en, he) in {
        "done": ("done", "הושלמו"), "in_progress": ("in progress", "בביצוע"),
        "not_started": ("not started", "טרם התחילו"), "cancelled": ("cancelled", "בוטלו"),
        "no_action": ("with no action", "ללא פעולה"), "unknown": ("status unknown", "במצב לא ידוע"),
    }.items() for suffix, texts in (
        ("", (f"Recommendations of the last report: {en}", f"המלצות הדוח הקודם: {he}")),
        (".def", (f"Recommendations of the previous report whose action is now {en} (the current status of the action "
                  "that carries each out).",
                  f"המלצות הדוח הקודם שהפעולה שלהן כעת: {he} (המצב הנוכחי של הפעולה שמבצעת כל המלצה).")))},
    "since.of.prioritize.rank": ("Priority rank of {item}", "דירוג העדיפות של {item}"),
    "since.label.with_item": ("{label} — {item}", "{label} — {item}"),
    # names of the compared figures in sentences (no digits: "nine in ten", not "90th")
    "since.name.survey_item": ("The share agreeing on {item}", "שיעור המסכימים בפריט {item}"),
    "since.name.nps": ("The Net Promoter Score", "מדד NPS"),
    "since.name.journeys.median_case_days": ("The median end-to-end time in days", "החציון של זמן הטיפול מקצה לקצה בימים"),
    "since.name.journeys.p90_case_days": ("The time in days within which nine cases in ten close",
                                          "הזמן בימים שבו נסגרות תשע מכל עשר פניות"),
    "since.name.journeys.deadline_missed": ("The share of cases that missed their deadline",
                                            "שיעור הפניות שחרגו מהיעד"),
    "since.name.journeys.repeat_contact": ("The share of repeat contacts", "שיעור הפניות החוזרות"),
    "since.name.journeys.fcr": ("First-contact resolution", "פתרון בפנייה ראשונה"),
    "since.name.journeys.handoffs_per_case": ("Hand-offs per case", "העברות בין יחידות לפנייה"),
    "since.name.for_service": ("{name}, service {service}", "{name}, שירות {service}"),
    "since.name.kpi": ("KPI {item}", "מדד {item}"),
    "since.name.observation": ("The mean observation score of “{item}”", "ציון התצפית הממוצע של „{item}”"),
    "since.name.training": ("The training effect on “{item}”", "אפקט ההדרכה על „{item}”"),
    "since.names.survey": ("The share agreeing on {items}", "שיעור המסכימים בפריטים {items}"),
    "since.names.observations": ("The mean observation scores of {items}", "ציוני התצפית הממוצעים של {items}"),
    "since.names.training": ("The training effects on {items}", "אפקטי ההדרכה על {items}"),
    "since.quoted": ("“{item}”", "„{item}”"),
    "since.name.actions_done": ("Actions done", "פעולות שהושלמו"),
    "since.name.actions_open": ("Actions not yet done", "פעולות שטרם הושלמו"),
    "since.name.actions_overdue": ("Overdue actions", "פעולות באיחור"),
    "since.name.actions_total": ("Actions in the plan", "פעולות בתוכנית"),
    # units of a change
    "since.unit.pp": ("percentage points", "נקודות אחוז"),
    "since.unit.points": ("points", "נקודות"),
    "since.unit.days": ("days", "ימים"),
    "since.unit.scale": ("points on the scale", "נקודות בסולם"),
    "since.unit.per_case": ("per case", "לפנייה"),
    # verdicts: in the table, and as a sentence ends
    "since.verdict.better": ("Better", "שיפור"),
    "since.verdict.worse": ("Worse", "הרעה"),
    "since.verdict.no_change": ("No clear change", "אין שינוי ברור"),
    "since.verdict.up": ("Higher", "עלייה"),
    "since.verdict.down": ("Lower", "ירידה"),
    "since.verdict.two_points": ("Two points only", "שתי נקודות בלבד"),
    "since.verdict.not_tested": ("Not tested", "לא נבדק"),
    "since.verdict.not_comparable": ("Not comparable", "לא בר השוואה"),
    "since.verdict.suppressed": ("Not shown (small group)", "לא מוצג (קבוצה קטנה)"),
    "since.says.better": ("a real improvement", "שיפור של ממש"),
    "since.says.worse": ("a real deterioration", "הרעה של ממש"),
    "since.says.up": ("a real rise", "עלייה של ממש"),
    "since.says.down": ("a real fall", "ירידה של ממש"),
    # notes of a row (table)
    "since.rownote.small_group": ("a group under the minimum size", "קבוצה קטנה מהגודל המזערי"),
    "since.rownote.no_case_record": ("no case record: no interval", "אין רשומת פניות: אין רווח סמך"),
    "since.rownote.not_estimable": ("too many cases still open to estimate", "יותר מדי פניות פתוחות לאומדן"),
    "since.rownote.unbounded": ("too many cases still open to bound the change", "יותר מדי פניות פתוחות כדי לתחום את השינוי"),
    "since.rownote.run_signal": ("a run on the control chart", "רצף בתרשים הבקרה"),
    "since.rownote.mixed_signals": ("runs both ways on the control chart", "רצפים לשני הכיוונים בתרשים הבקרה"),
    "since.rownote.shift": ("level shift from {period}", "שינוי רמה מ־{period}"),
    "since.rownote.definition": ("definition changed", "ההגדרה השתנתה"),
    # the report's table
    # the section's tables and charts
    "since.action_row.done": ("Completed", "הושלמו"),
    "since.action_row.opened": ("Opened", "נפתחו"),
    "since.action_row.overdue": ("Overdue now", "בחריגה ממועד כעת"),
    "since.action_row.newly_overdue": ("Newly overdue", "שחרגו מהמועד מאז"),
    "since.action_row.cancelled": ("Cancelled", "בוטלו"),
    "since.col.actions": ("Action plan since the last report", "תוכנית הפעולה מאז הדוח הקודם"),
    "since.col.count": ("Actions (count)", "פעולות (מספר)"),
    "since.col.service_id": ("Service", "שירות"),
    "since.col.rank_previous": ("Rank, last report", "דירוג בדוח הקודם"),
    "since.col.rank_current": ("Rank now", "דירוג כעת"),
    "since.col.wave_previous": ("Wave, last report", "גל בדוח הקודם"),
    "since.col.wave_current": ("Wave now", "גל כעת"),
    "since.col.reasons": ("Inputs that changed", "נתונים שהשתנו"),
    "since.col.rec_id": ("Recommendation", "המלצה"),
    "since.col.status": ("Where it stands now", "מצב כעת"),
    "since.chart.changes": ("Change since the last report, with its 95% interval",
                            "השינוי מאז הדוח הקודם, עם רווח סמך 95%"),
    "since.chart.changes.x": ("Change (percentage points)", "שינוי (נקודות אחוז)"),
    "since.chart.trend": ("Key figures in every round, with their 95% intervals", "מדדי מפתח בכל סבב, עם רווחי סמך 95%"),
    "since.chart.data": ("The values plotted", "הערכים שבתרשים"),
    "since.alt.verdicts": ("{verdict}: {names}.", "{verdict}: {names}."),
    "since.alt.trend": ("{name}: {first} in {first_round}, {last} in {last_round}.",
                        "{name}: {first} ב־{first_round}, {last} ב־{last_round}."),
    "since.data.figure": ("Figure", "מדד"),
    "since.data.change": ("Change (percentage points)", "שינוי (נקודות אחוז)"),
    "since.data.low": ("95% interval from", "רווח סמך 95% מ־"),
    "since.data.high": ("95% interval to", "רווח סמך 95% עד"),
    "since.data.verdict": ("Verdict", "הערכה"),
    "since.data.round": ("Round", "סבב"),
    "since.data.value": ("Value (%, days or per case)", "ערך (%, ימים או לפנייה)"),
    "since.col.figure": ("Figure", "מדד"),
    "since.col.previous": ("Last report", "הדוח הקודם"),
    "since.col.current": ("This report", "דוח זה"),
    "since.col.change": ("Change", "שינוי"),
    "since.col.interval": ("95% interval of the change", "רווח סמך 95% לשינוי"),
    "since.col.verdict": ("Verdict", "הערכה"),
    "since.col.note": ("Note", "הערה"),
    "since.interval": ("{low} to {high}", "{low} עד {high}"),
    "since.interval.above": ("above {low}", "מעל {low}"),
    "since.interval.below": ("below {high}", "מתחת ל־{high}"),
    # findings
    "since.count.better": ({"one": "{count} figure changed for the better", "other": "{count} figures changed for the better"},
                           {"one": "מדד אחד השתנה לטובה", "two": "שני מדדים השתנו לטובה",
                            "other": "{count} מדדים השתנו לטובה"}),
    "since.count.worse": ({"one": "{count} for the worse", "other": "{count} for the worse"},
                          {"one": "מדד אחד השתנה לרעה", "two": "שני מדדים השתנו לרעה", "other": "{count} מדדים השתנו לרעה"}),
    "since.count.no_change": ({"one": "{count} figure shows no clear change", "other": "{count} figures show no clear change"},
                              {"one": "במדד אחד אין שינוי ברור", "two": "בשני מדדים אין שינוי ברור",
                               "other": "ב־{count} מדדים אין שינוי ברור"}),
    "since.exec.more_worse": ("The section “Since the last report” lists every change, including the changes for "
                              "the worse not named here (by KPI, or beyond those shown).",
                              "הפרק „מאז הדוח הקודם” מפרט את כל השינויים, כולל שינויים לרעה שלא פורטו כאן (לפי "
                              "מדד, או מעבר לאלה שהוצגו)."),
    "since.exec.more": ("The section “Since the last report” lists every change, including the changes for the "
                        "better not named here (by KPI, or beyond those shown).",
                        "הפרק „מאז הדוח הקודם” מפרט את כל השינויים, כולל שינויים לטובה שלא פורטו כאן (לפי מדד, "
                        "או מעבר לאלה שהוצגו)."),
    "since.finding.headline": ("Since the last report ({previous}), {better} and {worse}; {same} (each change judged by "
                               "its 95% confidence interval).",
                               "מאז הדוח הקודם ({previous}): {better}; {worse}; {same} (כל שינוי נבחן לפי רווח הסמך "
                               "95% שלו)."),
    "since.finding.change": ("{name}: {previous} at the last report, {current} now, a change of {change} {unit} (95% "
                             "interval {interval}) — {says}.",
                             "{name}: {previous} בדוח הקודם, {current} כעת, שינוי של {change} {unit} (רווח סמך 95%: "
                             "{interval}) — {says}."),
    "since.finding.no_change": ("No clear change since the last report, each interval holding zero: {names}.",
                                "אין שינוי ברור מאז הדוח הקודם, וכל רווח סמך כולל את האפס: {names}."),
    "since.finding.kpi_run": ("{name}: {previous} at the last report, {current} now; its control chart shows a run of "
                              "points on one side of the centre line since the last report — {says}.",
                              "{name}: {previous} בדוח הקודם, {current} כעת; בתרשים הבקרה שלו יש רצף נקודות בצד אחד של "
                              "קו המרכז מאז הדוח הקודם — {says}."),
    "since.finding.kpi_two_points": ("For {names}, the control chart shows no run of points since the last report: the "
                                     "last value against the previous one is two points, not a change.",
                                     "עבור {names}, בתרשים הבקרה אין רצף נקודות מאז הדוח הקודם: הערך האחרון מול הקודם "
                                     "הוא שתי נקודות, לא שינוי."),
    "since.actions.done": ({"one": "{count} action was completed", "other": "{count} actions were completed"},
                           {"one": "פעולה אחת הושלמה", "two": "שתי פעולות הושלמו", "other": "{count} פעולות הושלמו"}),
    "since.actions.opened": ({"one": "{count} new action was opened", "other": "{count} new actions were opened"},
                             {"one": "נפתחה פעולה חדשה אחת", "two": "נפתחו שתי פעולות חדשות",
                              "other": "נפתחו {count} פעולות חדשות"}),
    "since.actions.overdue": ({"one": "{count} action is overdue now", "other": "{count} actions are overdue now"},
                              {"one": "פעולה אחת באיחור כעת", "two": "שתי פעולות באיחור כעת",
                               "other": "{count} פעולות באיחור כעת"}),
    "since.actions.newly": ({"one": "{count} of them newly", "other": "{count} of them newly"},
                            {"one": "אחת מהן לראשונה", "two": "שתיים מהן לראשונה", "other": "{count} מהן לראשונה"}),
    "since.finding.actions": ("Since the last report, {done} and {opened}; {overdue}.",
                              "מאז הדוח הקודם: {done}; {opened}; {overdue}."),
    "since.finding.actions_newly": ("Since the last report, {done} and {opened}; {overdue} ({newly}).",
                                    "מאז הדוח הקודם: {done}; {opened}; {overdue} ({newly})."),
    "since.finding.actions_counts": ("Counted from the two reports' totals (the earlier report kept no list of its "
                                     "actions), {done} and {opened}; {overdue}.",
                                     "לפי הסיכומים של שני הדוחות (הדוח הקודם לא שמר את רשימת הפעולות שלו): {done}; "
                                     "{opened}; {overdue}."),
    "since.wave": ("in wave {n}", "בגל {n}"),
    "since.wave.none": ("in no wave", "מחוץ לגלים"),
    "since.waves.moved": ("{previous} before, {current} now", "{previous} קודם, {current} כעת"),
    "since.waves.same": ("still {wave}", "עדיין {wave}"),
    "since.finding.moved": ("Service {service} moved from rank {previous} to rank {current} ({waves}); what changed in "
                            "its inputs: {reasons}.",
                            "השירות {service} עבר מדירוג {previous} לדירוג {current} ({waves}); מה שהשתנה בנתונים שלו: "
                            "{reasons}."),
    "since.finding.moved_no_reason": ("Service {service} moved from rank {previous} to rank {current} ({waves}), though "
                                      "none of its own recorded inputs changed: other services moved around it.",
                                      "השירות {service} עבר מדירוג {previous} לדירוג {current} ({waves}), אף שאף אחד "
                                      "מהנתונים שנרשמו לו לא השתנה: שירותים אחרים זזו סביבו."),
    "since.finding.wave_moved": ("Service {service} kept its rank {current} but moved: {waves}.",
                                 "השירות {service} שמר על דירוג {current} אך עבר: {waves}."),
    "since.reason.survey_signal": ("its survey signal", "אות הסקר שלו"),
    "since.reason.mandatory": ("whether it is mandatory", "היותו חובה"),
    "since.reason.deferred": ("its deferral", "דחייתו לשלב מאוחר"),
    "since.reason.quadrant": ("its quadrant", "הרביע שלו"),
    "since.reason.weights": ("the criteria weights", "משקלי הקריטריונים"),
    "since.state.done": ("done", "הושלם"),
    "since.state.in_progress": ("in progress", "בביצוע"),
    "since.state.not_started": ("not started", "טרם התחיל"),
    "since.state.cancelled": ("cancelled", "בוטל"),
    "since.state.no_action": ("no action linked", "אין פעולה מקושרת"),
    "since.state.unknown": ("status unknown", "מצב לא ידוע"),
    "since.finding.focus": ("Where the last report's wave 1 services stand now: {list}.",
                            "היכן עומדים כעת השירותים בגל 1 של הדוח הקודם: {list}."),
    "since.finding.recommendations": ("Where the last report's recommendations stand now: {list}.",
                                      "היכן עומדות כעת המלצות הדוח הקודם: {list}."),
    "since.item_state": ("{item} {state}", "{item} — {state}"),
    "since.finding.overlap": ("The two periods overlap: the last report ran to {previous_end} and this one starts on "
                              "{current_start}. They share cases and answers, so the intervals, which treat the rounds "
                              "as independent, are wider than they need be; a change they call real still is.",
                              "שתי התקופות חופפות: הדוח הקודם נמשך עד {previous_end} ודוח זה מתחיל ב־{current_start}. "
                              "יש להן פניות ותשובות משותפות, ולכן רווחי הסמך, שמניחים סבבים בלתי תלויים, רחבים מהנדרש; "
                              "שינוי שהם מראים כממשי הוא עדיין ממשי."),
    "since.finding.definition": ("{definition} changed since the last report: the figures it defines are marked not "
                                 "comparable.",
                                 "{definition} השתנה מאז הדוח הקודם: המדדים שהוא מגדיר מסומנים כלא ברי השוואה."),
    "since.definition.deadline_days": ("The deadline (days to close a case)", "המועד לטיפול בפנייה (בימים)"),
    "since.definition.repeat_window_days": ("The repeat-contact window", "חלון הזמן לפנייה חוזרת"),
    "since.definition.observation_scale": ("The observation score scale", "סולם ציוני התצפית"),
    "since.definition.training_scale": ("The training test scale", "סולם מבחן ההדרכה"),
    "since.definition.survey_scale": ("The survey's answer scale", "סולם התשובות בסקר"),
    "since.definition.other": ("A definition ({name})", "הגדרה ({name})"),
    "since.small.count": ({"one": "{count} compared figure is not shown", "other": "{count} compared figures are not shown"},
                          {"one": "מדד אחד שהושווה אינו מוצג", "two": "שני מדדים שהושוו אינם מוצגים",
                           "other": "{count} מדדים שהושוו אינם מוצגים"}),
    "since.finding.small_group": ("{count}: a group falls under the minimum group size of {min} in one of the two rounds.",
                                  "{count}: קבוצה קטנה מגודל הקבוצה המזערי, {min}, באחד משני הסבבים."),
    "since.finding.no_case_record": ("One of the two reports kept no case record, so case times are compared without an "
                                     "interval and get no verdict.",
                                     "אחד משני הדוחות לא שמר רשומת פניות, ולכן זמני הטיפול מושווים ללא רווח סמך וללא "
                                     "הערכה."),
    "since.method.intervals": ("Each change is this report's value minus the last report's, with a 95% confidence "
                               "interval for two independent rounds: Newcombe's hybrid score interval for shares "
                               "(Newcombe 1998, method 10), the variance of two trinomial estimates for the Net "
                               "Promoter Score, Welch's interval for mean scores. A change is called better or worse "
                               "only when its interval excludes zero.",
                               "כל שינוי הוא הערך בדוח זה פחות הערך בדוח הקודם, עם רווח סמך 95% לשני סבבים בלתי "
                               "תלויים: רווח הסמך ההיברידי של ניוקום לשיעורים (Newcombe 1998, שיטה 10), השונות של "
                               "שני אומדנים טרינומיים למדד NPS, ורווח הסמך של וולש לציונים ממוצעים. שינוי מוגדר שיפור "
                               "או הרעה רק כאשר רווח הסמך שלו אינו כולל את האפס."),
    "since.method.chance": ({"one": "One figure was compared with an interval.",
                             "other": "{tested} figures were compared with an interval, each at 95%: even if nothing "
                                      "had changed, about {expected} of them would be called better or worse by chance "
                                      "alone; {called} were. Read a single change among many with that in mind, and "
                                      "weigh it with the next round's."},
                            {"one": "מדד אחד הושווה עם רווח סמך.",
                             "other": "{tested} מדדים הושוו עם רווח סמך, כל אחד ברמה 95%: גם אילו דבר לא השתנה, "
                                      "כ־{expected} מהם היו מוגדרים שיפור או הרעה במקרה בלבד; בפועל הוגדרו כך {called}. "
                                      "יש לקרוא שינוי בודד מתוך רבים בהתאם, ולשקול אותו יחד עם הסבב הבא."}),
    "since.method.bootstrap": ("Changes in the median and nine-in-ten case times count the cases still open "
                               "(Kaplan–Meier) and take their interval from a bootstrap over the cases of both rounds: "
                               "{n_boot} resamples, random seed {seed}; the same seed gives the same intervals.",
                               "השינויים בחציון ובזמן שבו נסגרות תשע מכל עשר פניות סופרים גם פניות פתוחות (קפלן–מאייר), "
                               "ורווח הסמך שלהם נקבע בדגימה חוזרת של הפניות בשני הסבבים: {n_boot} דגימות, זרע אקראיות "
                               "{seed}; אותו זרע נותן את אותם רווחי סמך."),
    "since.method.kpis": ("A KPI's last value against the previous report's is two points; a change is called real only "
                          "when its control chart shows a run of points on one side of the centre line (a run rule of "
                          "Western Electric, not a single point beyond a limit) after the previous report's last "
                          "period.",
                          "הערך האחרון של מדד מול הערך בדוח הקודם הם שתי נקודות; שינוי מוגדר ממשי רק כאשר בתרשים הבקרה "
                          "יש רצף נקודות בצד אחד של קו המרכז (כלל רצף של Western Electric, לא נקודה בודדת מעבר לגבול) "
                          "אחרי התקופה האחרונה של הדוח הקודם."),
}
