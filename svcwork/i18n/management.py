"""The management messages of the catalogue (``management.*`` keys): English and Hebrew, see :mod:`svcwork.i18n`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {   # "management.*"
    # errors (bad analysis input); the English texts name the function argument or sheet as written in code
    "management.error.period": ("period: expected 'M' (months) or 'Q' (quarters), found {found}.",
                                "period: נדרש 'M' (חודשים) או 'Q' (רבעונים), נמצא {found}."),
    "management.error.min_size": ("min_size: expected a whole number of at least 1, found {found}.",
                                  "min_size: נדרש מספר שלם, 1 לפחות, נמצא {found}."),
    "management.error.alpha": ("alpha: expected a number between 0 and 1 (e.g. 0.05), found {found}.",
                               "alpha: נדרש מספר בין 0 ל־1 (למשל 0.05), נמצא {found}."),
    "management.error.engagement": ("{what}: expected an Engagement (svcwork.load), found {found}.",
                                    "{what}: נדרשת התקשרות טעונה (svcwork.load), נמצא {found}."),
    "management.error.date": ("{what}: expected a date, found {found}.", "{what}: נדרש תאריך, נמצא {found}."),
    "management.error.scores": ("Observations: expected whole scores from {lo} to {hi}, found {found}.",
                                "תצפיות (Observations): נדרשים ציונים שלמים מ־{lo} עד {hi}, נמצא {found}."),
    "management.error.by": ("by: expected some of unit, item, observer, employee_code; found {found}.",
                            "by: נדרשים חלק מ־unit, item, observer, employee_code; נמצא {found}."),
    "management.error.top": ("top: expected a whole number of at least 1, found {found}.",
                             "top: נדרש מספר שלם, 1 לפחות, נמצא {found}."),
    "management.error.weights": ("weights: expected 'quadratic', 'linear' or None, found {found}.",
                                 "weights: נדרש 'quadratic', 'linear' או None, נמצא {found}."),
    "management.error.kappa_length": ("weighted_kappa: expected two score lists of equal length, found {a} and {b}.",
                                      "weighted_kappa: נדרשות שתי רשימות ציונים באורך שווה, נמצאו {a} ו־{b}."),
    "management.error.kappa_scores": ("weighted_kappa: expected scores among {allowed}, found {found}.",
                                      "weighted_kappa: נדרשים ציונים מתוך {allowed}, נמצא {found}."),
    "management.error.raters_shape": ("icc_2_1: expected a targets × raters table with at least 2 raters, found shape "
                                      "{shape}.",
                                      "icc_2_1: נדרשת טבלה של נצפים × מדרגים עם 2 מדרגים לפחות, נמצא מבנה {shape}."),
    "management.error.ratings_shape": ("icc_1_1: expected a targets × ratings table with at least 2 ratings, found shape "
                                       "{shape}.",
                                       "icc_1_1: נדרשת טבלה של נצפים × דירוגים עם 2 דירוגים לפחות, נמצא מבנה {shape}."),
    "management.error.n_boot": ("n_boot: expected a whole number of at least 0, found {found}.",
                                "n_boot: נדרש מספר שלם, 0 לפחות, נמצא {found}."),
    "management.error.bootstrap_length": ("icc_1_1_cluster_bootstrap: expected a, b and clusters of equal length, found "
                                          "{a}, {b} and {clusters}.",
                                          "icc_1_1_cluster_bootstrap: נדרשים a, b ו־clusters באורך שווה, נמצאו {a}, "
                                          "{b} ו־{clusters}."),
    "management.error.status": ("Actions: expected status open, in progress, done or cancelled; found {found}.",
                                "פעולות (Actions): נדרש סטטוס פתוח, בביצוע, הושלם או בוטל; נמצא {found}."),
    "management.error.report_date": ("report_date: expected the report date (settings.period_end), found None.",
                                     "report_date: נדרש מועד הדוח (settings.period_end), נמצא None."),
    "management.error.action_by": ("by: expected owner, unit or source, found {found}.",
                                   "by: נדרש owner, unit או source, נמצא {found}."),
    "management.error.rounds": ("rounds: expected a mapping of round label to Actions frame, found {found}.",
                                "rounds: נדרש מיפוי משם סבב לטבלת פעולות (Actions), נמצא {found}."),
    "management.what.round_actions": ("Actions of round {round}", "פעולות (Actions) של סבב {round}"),
    "management.error.round_status": ("Actions of round {round}: expected status open, in progress, done or cancelled.",
                                      "פעולות (Actions) של סבב {round}: נדרש סטטוס פתוח, בביצוע, הושלם או בוטל."),
    "management.error.aliases": ("aliases: expected a mapping of finding to other names, found {found}.",
                                 "aliases: נדרש מיפוי מממצא לשמותיו האחרים, נמצא {found}."),
    "management.error.findings_list": ("{kind}s: expected a list of texts, found {found}.",
                                       "{kind}s: נדרשת רשימת טקסטים, נמצא {found}."),
    "management.error.finding_kind": ("Finding: expected a kind among {expected}, found {found}.",
                                      "Finding: נדרש סוג מתוך {expected}, נמצא {found}."),
    "management.error.vital_share": ("vital_share: expected a share between 0 and 1, found {found}.",
                                     "vital_share: נדרש שיעור בין 0 ל־1, נמצא {found}."),
    "management.error.paired_length": ("paired_change: expected pre and post lists of equal length, found {pre} and "
                                       "{post}.",
                                       "paired_change: נדרשות רשימות לפני ואחרי באורך שווה, נמצאו {pre} ו־{post}."),
    "management.error.signal_kind": ("signals: expected kind kpi or survey, found {found}.",
                                     "signals: נדרש סוג kpi או survey, נמצא {found}."),
    "management.error.signal_keys": ("signals: expected UnitSignal or a mapping with label (and value, target, low, "
                                     "high, signal, note, kind, n); found keys {keys}.",
                                     "signals: נדרש UnitSignal או מיפוי עם label (ו־value, target, low, high, "
                                     "signal, note, kind, n); נמצאו המפתחות {keys}."),
    "management.error.signal_type": ("signals: expected UnitSignal objects or mappings, found {found}.",
                                     "signals: נדרשים עצמי UnitSignal או מיפויים, נמצא {found}."),
    "management.error.signals": ("signals: expected a mapping of unit to signals, found {found}.",
                                 "signals: נדרש מיפוי מיחידה לאותות שלה, נמצא {found}."),
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
    "management.kind.lesson": ("Reviewed event", "אירוע שנבדק"),
    "management.kind.service": ("Service", "שירות"),
    "management.ref.step": ("{journey}, step {step}", "{journey}, צעד {step}"),
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
    "management.col.lesson_id": ("Lesson ID", "מזהה לקח"),
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
    "management.col.due_by_round": ("Due by the round end (the last: before the report date)",
                                    "פעולות שמועדן עד סוף הסבב (באחרון: לפני מועד הדוח)"),
    "management.col.not_done_now": ("Not yet done (at the report date)", "טרם הושלמו (נכון למועד הדוח)"),
    "management.col.round_end": ("Round end", "סוף הסבב"),
    "management.col.icc_estimate": ("ICC", "מקדם ICC"),
    "management.col.icc_method": ("ICC model", "מודל ICC"),
    "management.col.icc_interval": ("ICC interval", "שיטת רווח הסמך ל־ICC"),
    "management.col.pct_agree": ("% agree", "שיעור המסכימים (%)"),
    "management.col.responses": ("Responses", "מספר משיבים"),
    "management.col.survey_item": ("Survey item", "פריט בסקר"),
    "management.col.named_by": ("Named by (link column)", "מזהה (עמודת קישור)"),
    "management.col.suggested": ("Possible action, to confirm", "פעולה אפשרית, לאישור"),
    "management.icc.icc_1_1": ("ICC(1,1), one-way (all pairs)", "ICC(1,1) חד־כיווני (כל הצמדים)"),
    "management.icc.icc_2_1": ("ICC(2,1), two-way, absolute agreement", "ICC(2,1) דו־כיווני, הסכמה מוחלטת"),
    "management.icc_interval.f": ("F distribution", "התפלגות F"),
    "management.icc_interval.cluster_bootstrap": ("Bootstrap clustered by employee ({n_boot} replicates, seed {seed})",
                                                  "בוטסטרפ באשכולות לפי עובד ({n_boot} חזרות, זרע {seed})"),
    "management.fig.rounds_due": ("Actions due by each round end: done and not yet done at the report date",
                                  "פעולות שמועדן עד סוף כל סבב: הושלמו וטרם הושלמו נכון למועד הדוח"),
    "management.note.kpi_met": ("meets the target", "עומד ביעד"),
    "management.note.kpi_missed": ("misses the target", "אינו עומד ביעד"),
    "management.note.kpi_signals": ({"one": "a control-chart signal, in {period}",
                                     "other": "{count} control-chart signals, latest {period}"},
                                    {"one": "אות אחד בתרשים הבקרה, ב־{period}",
                                     "other": "{count} אותות בתרשים הבקרה, האחרון ב־{period}"}),
    "management.note.kpi_in_control": ("in statistical control", "בבקרה סטטיסטית"),
    "management.note.kpi_shifted_up": ("improved: shifted to a new level from {period}",
                                       "השתפר: עבר לרמה חדשה מ־{period}"),
    "management.note.kpi_bad_signals": ({"one": "a control-chart signal in the wrong direction, in {period}",
                                         "other": "{count} control-chart signals in the wrong direction, latest {period}"},
                                        {"one": "אות אחד בתרשים הבקרה בכיוון הלא רצוי, ב־{period}",
                                         "other": "{count} אותות בתרשים הבקרה בכיוון הלא רצוי, האחרון ב־{period}"}),
    "management.note.kpi_better_signals": ({"one": "improved: a control-chart signal in the good direction, in {period}",
                                            "other": "improved: {count} control-chart signals in the good direction, "
                                                     "latest {period}"},
                                           {"one": "השתפר: אות אחד בתרשים הבקרה בכיוון הרצוי, ב־{period}",
                                            "other": "השתפר: {count} אותות בתרשים הבקרה בכיוון הרצוי, האחרון ב־{period}"}),
    "management.note.kpi_improving": ("improving trend", "מגמת שיפור"),
    "management.note.kpi_worsening": ("worsening trend", "מגמת הרעה"),
    # simultaneous: the unit-against-the-rest intervals of one item hold together at 95% (Bonferroni over the units
    # compared, svcwork.measures.compare_groups)
    "management.note.survey_lower": ("{diff} points below the other units (95% CI of the difference, simultaneous over "
                                     "all the units compared: {low} to {high})",
                                     "נמוך ב־{diff} נקודות משאר היחידות (רווח סמך 95% להפרש, סימולטני על פני כל "
                                     "היחידות שהושוו: {low} עד {high})"),
    "management.note.survey_higher": ("{diff} points above the other units (95% CI of the difference, simultaneous over "
                                      "all the units compared: {low} to {high})",
                                      "גבוה ב־{diff} נקודות משאר היחידות (רווח סמך 95% להפרש, סימולטני על פני כל "
                                      "היחידות שהושוו: {low} עד {high})"),
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
    # key figures: name and definition (svcwork.management.figures)
    "management.figure.scale_max": ('Top of the observation scale', 'הציון הגבוה בסולם התצפית'),
    "management.figure.scale_max.def": ('Observation items are scored from 1 (poor) to this score (excellent).',
                                        'פריטי התצפית מדורגים מ־1 (חלש) עד ציון זה (מצוין).'),
    "management.figure.confidence": ('Confidence level', 'רמת הביטחון'),
    "management.figure.confidence.def": ('The confidence level of every interval in the section (1 − alpha).',
                                         'רמת הביטחון של כל רווחי הסמך בפרק (1 פחות אלפא).'),
    "management.figure.min_group_size": ('Smallest group shown', 'הקבוצה הקטנה ביותר שמוצגת'),
    "management.figure.min_group_size.def": ('Groups with fewer different employees than this are not shown (the '
                                             "engagement's min_group_size).",
                                             'קבוצות שבהן פחות עובדים שונים ממספר זה אינן מוצגות (גודל הקבוצה '
                                             'המינימלי של ההתקשרות).'),
    "management.figure.actions_total": ('Actions in the plan', 'פעולות בתוכנית'),
    "management.figure.actions_total.def": ('Rows of the Actions sheet, whatever their status.',
                                            'שורות גיליון תוכנית הפעולה, בכל סטטוס.'),
    "management.figure.actions_open": ('Actions not yet done', 'פעולות שטרם הושלמו'),
    "management.figure.actions_open.def": ('Actions whose status at the report date is open (not started) or in '
                                           'progress; base: all actions.',
                                           'פעולות שהסטטוס שלהן במועד הדוח הוא פתוח (טרם התחיל) או בביצוע; בסיס: כל '
                                           'הפעולות.'),
    "management.figure.actions_not_started": ('Actions not started', 'פעולות שטרם התחילו'),
    "management.figure.actions_not_started.def": ('Actions whose status is open (not started); base: all actions.',
                                                  'פעולות שהסטטוס שלהן פתוח (טרם התחילו); בסיס: כל הפעולות.'),
    "management.figure.actions_in_progress": ('Actions in progress', 'פעולות בביצוע'),
    "management.figure.actions_in_progress.def": ('Actions whose status is in progress; base: all actions.',
                                                  'פעולות שהסטטוס שלהן בביצוע; בסיס: כל הפעולות.'),
    "management.figure.actions_done": ('Actions done', 'פעולות שהושלמו'),
    "management.figure.actions_done.def": ('Actions whose status is done; base: all actions.',
                                           'פעולות שהסטטוס שלהן הושלם; בסיס: כל הפעולות.'),
    "management.figure.actions_cancelled": ('Actions cancelled', 'פעולות שבוטלו'),
    "management.figure.actions_cancelled.def": ('Actions whose status is cancelled; base: all actions.',
                                                'פעולות שהסטטוס שלהן בוטל; בסיס: כל הפעולות.'),
    "management.figure.actions_overdue": ('Overdue actions', 'פעולות באיחור'),
    "management.figure.actions_overdue.def": ('Actions still open or in progress whose due date is before the report '
                                              "date (the engagement's period end); base: all actions.",
                                              'פעולות שעדיין פתוחות או בביצוע ותאריך היעד שלהן קודם למועד הדוח (סוף '
                                              'תקופת ההתקשרות); בסיס: כל הפעולות.'),
    "management.figure.unit_open": ('Actions not yet done of {item}', 'פעולות שטרם הושלמו של {item}'),
    "management.figure.unit_open.def": ("Actions not yet done that belong to {item} (the action's own unit, else its "
                                        "owner's unit in the Owners sheet, else its service's unit), the unit with "
                                        'the most; base: all actions of {item}.',
                                        'פעולות שטרם הושלמו ושייכות ל־{item} (היחידה שצוינה לפעולה, ואם אין — יחידת '
                                        'האחראי בגיליון האחראים, ואם אין — יחידת השירות), היחידה שיש לה הכי הרבה; '
                                        'בסיס: כל הפעולות של {item}.'),
    "management.figure.planned_remaining": ('Actions left at the report date had all been on time',
                                            'פעולות שהיו נותרות אילו הכול הושלם במועד'),
    "management.figure.planned_remaining.def": ('Not cancelled actions due after the report date: what would remain '
                                                'if every action were done on time; base: not cancelled actions.',
                                                'פעולות שלא בוטלו ומועד היעד שלהן אחרי מועד הדוח: מה שהיה נותר אילו '
                                                'כל פעולה הושלמה במועדה; בסיס: הפעולות שלא בוטלו.'),
    "management.figure.actual_remaining": ('Actions left at the report date', 'פעולות שנותרו במועד הדוח'),
    "management.figure.actual_remaining.def": ('Not cancelled actions still open or in progress at the report date; '
                                               'base: not cancelled actions.',
                                               'פעולות שלא בוטלו ועדיין פתוחות או בביצוע במועד הדוח; בסיס: הפעולות '
                                               'שלא בוטלו.'),
    "management.figure.round_due": ("Actions due by the last round's end", 'פעולות שמועדן עד סוף הסבב האחרון'),
    "management.figure.round_due.def": ('Not cancelled actions whose due date is on or before the end of the last '
                                        'measurement round (the report date, when it falls before the end of that '
                                        'quarter or month); base: not cancelled actions.',
                                        'פעולות שלא בוטלו ומועד היעד שלהן עד סוף סבב המדידה האחרון (מועד הדוח, כשהוא '
                                        'חל לפני סוף הרבעון או החודש של הסבב); בסיס: הפעולות שלא בוטלו.'),
    "management.figure.round_done": ('Of those, done', 'מתוכן, הושלמו'),
    "management.figure.round_done.def": ("Actions due by the last round's end that are done at the report date; "
                                         'base: actions due by then.',
                                         'פעולות שמועדן עד סוף הסבב האחרון והושלמו במועד הדוח; בסיס: הפעולות שמועדן '
                                         'עד אז.'),
    "management.figure.round_remaining": ('Of those, not yet done', 'מתוכן, טרם הושלמו'),
    "management.figure.round_remaining.def": ("Actions due by the last round's end still open or in progress at the "
                                              'report date; base: actions due by then.',
                                              'פעולות שמועדן עד סוף הסבב האחרון ועדיין פתוחות או בביצוע במועד הדוח; '
                                              'בסיס: הפעולות שמועדן עד אז.'),
    "management.figure.findings_checked": ('Findings checked against the plan', 'ממצאים שנבדקו מול התוכנית'),
    "management.figure.findings_checked.def": ('Journey pain points, KPIs that miss their target or signal in their '
                                               "bad direction, survey items to concentrate on and each unit's first "
                                               '(or falling) coaching item — each once.',
                                               'נקודות כאב במסע הלקוח, מדדים שאינם עומדים ביעד או מראים אות בכיוון '
                                               'הלא רצוי, פריטי סקר שיש להתמקד בהם ופריט האימון הראשון (או היורד) של '
                                               'כל יחידה — כל אחד פעם אחת.'),
    "management.figure.findings_unanswered": ('Findings without an action', 'ממצאים ללא פעולה'),
    "management.figure.findings_unanswered.def": ('Findings that no action (not cancelled) names by id in the '
                                                  "Actions sheet's link columns (journey and step, KPI, survey item, "
                                                  'observation item, lesson, service); words of the finding or '
                                                  'action text do not count; base: findings checked.',
                                                  'ממצאים שאף פעולה (שלא בוטלה) אינה מפנה אליהם במזהה בעמודות הקישור '
                                                  'של תוכנית הפעולה (מסע וצעד, מדד, פריט בסקר, פריט תצפית, לקח, '
                                                  'שירות); מילים בנוסח הממצא או הפעולה אינן נספרות; בסיס: הממצאים '
                                                  'שנבדקו.'),
    "management.figure.findings_covered": ('Findings with an action', 'ממצאים שיש להם פעולה'),
    "management.figure.findings_covered.def": ('Findings that an action (not cancelled) names by id in its link '
                                               'columns; base: findings checked.',
                                               'ממצאים שפעולה (שלא בוטלה) מפנה אליהם במזהה בעמודות הקישור שלה; בסיס: '
                                               'הממצאים שנבדקו.'),
    "management.figure.findings_suggested": ('Findings without an action but with a possible match',
                                             'ממצאים ללא פעולה שיש להם התאמה אפשרית'),
    "management.figure.findings_suggested.def": ("Findings without an action whose wording an action's finding or "
                                                 'action text mentions, or shares most content words with (the '
                                                 'overlap threshold below): to confirm in the link column, never '
                                                 'counted; base: findings without an action.',
                                                 'ממצאים ללא פעולה שנוסח של פעולה מזכיר אותם או חולק איתם את רוב '
                                                 'מילות התוכן (סף החפיפה שלהלן): יש לאשר בעמודת הקישור, ולעולם אינם '
                                                 'נספרים; בסיס: הממצאים ללא פעולה.'),
    "management.figure.suggest_overlap": ('Word overlap that suggests a match', 'חפיפת מילים שמרמזת על התאמה'),
    "management.figure.suggest_overlap.def": ('Overlap coefficient of content words (shared words over the words of '
                                              "the shorter text) from which an action's wording is suggested as "
                                              'answering a finding.',
                                              'מקדם החפיפה של מילות התוכן (מילים משותפות חלקי מילות הטקסט הקצר) '
                                              'שממנו נוסח פעולה מוצע כעונה על ממצא.'),
    "management.figure.observations": ('Observation sessions', 'מפגשי תצפית'),
    "management.figure.observations.def": ('One employee observed by one observer on one day; a session scores '
                                           'several items.',
                                           'עובד אחד שנצפה בידי צופה אחד ביום אחד; בכל מפגש מדורגים כמה פריטים.'),
    "management.figure.scores": ('Scored items in the observations', 'פריטים מדורגים בתצפיות'),
    "management.figure.scores.def": ('Rows of the Observations sheet with a score: one item scored in one session, '
                                     'in every unit (also those too small to show).',
                                     'שורות גיליון התצפיות שיש בהן ציון: פריט אחד שדורג במפגש אחד, בכל היחידות (גם '
                                     'אלה שקטנות מכדי להציגן).'),
    "management.figure.scores_shown": ('Scored items in the results shown', 'פריטים מדורגים בתוצאות המוצגות'),
    "management.figure.scores_shown.def": ('Scores in the item and unit groups large enough to show (at least '
                                           'min_group_size different employees); base: all scored items.',
                                           'ציונים בקבוצות הפריט והיחידה שגדולות דיין להצגה (לפחות גודל הקבוצה '
                                           'המינימלי של עובדים שונים); בסיס: כל הפריטים המדורגים.'),
    "management.figure.item_mean": ('Mean observation score of “{item}”', 'ציון התצפית הממוצע של „{item}”'),
    "management.figure.item_mean.def": ('Mean of the scores of “{item}” (1 up to the top of the scale) over its '
                                        'scores in the groups shown — one score per session in which it was scored — '
                                        "with an interval clustered by employee (an employee's scores are not "
                                        'independent: cluster-robust CR1 variance, t with the employees less one '
                                        'degrees of freedom; Cameron & Miller 2015); base: those scores of “{item}”.',
                                        'ממוצע הציונים של „{item}” (מ־1 עד הציון הגבוה בסולם) על פני הציונים שלו '
                                        'בקבוצות המוצגות — ציון אחד לכל מפגש שבו דורג — עם רווח סמך באשכולות לפי '
                                        'עובד (ציוני אותו עובד אינם בלתי תלויים: שונות עמידה לאשכולות CR1, התפלגות '
                                        't עם מספר העובדים פחות אחד דרגות חופש; קמרון ומילר 2015); בסיס: ציוני '
                                        '„{item}” האלה.'),
    "management.figure.item_staff": ('Employees observed on “{item}”', 'עובדים שנצפו ב„{item}”'),
    "management.figure.item_staff.def": ('Different employees whose scores of “{item}” enter its mean (the groups '
                                         'shown); the interval of the mean is clustered by them, its degrees of '
                                         'freedom these employees less one.',
                                         'עובדים שונים שציוניהם ב„{item}” נכללים בממוצע שלו (בקבוצות המוצגות); '
                                         'רווח הסמך של הממוצע מחושב באשכולות לפי עובדים אלה, ודרגות החופש שלו הן '
                                         'מספר העובדים פחות אחד.'),
    "management.figure.lowest_cell": ('Lowest unit and item: {item}', 'היחידה והפריט הנמוכים ביותר: {item}'),
    "management.figure.lowest_cell.def": ('The lowest mean score of one item in one unit ({item}), among the groups '
                                          "shown; base: that cell's scores.",
                                          'ציון התצפית הממוצע הנמוך ביותר של פריט אחד ביחידה אחת ({item}), מבין '
                                          'הקבוצות המוצגות; בסיס: הציונים של תא זה.'),
    "management.figure.coaching_first": ('Units whose first coaching item is “{item}”',
                                         'יחידות שבראש רשימת האימון שלהן „{item}”'),
    "management.figure.coaching_first.def": ('Units whose coaching list ranks “{item}” first (falling items first, '
                                             'then the lowest mean); base: units with a coaching list.',
                                             'יחידות שרשימת האימון שלהן מדרגת את „{item}” ראשון (פריטים בירידה '
                                             'תחילה, ואחר כך הממוצע הנמוך); בסיס: היחידות שיש להן רשימת אימון.'),
    "management.figure.trend_change": ('Change of “{item}” from the first to the last period',
                                       'השינוי ב„{item}” מהתקופה הראשונה לאחרונה'),
    "management.figure.trend_change.def": ('Mean score of “{item}” in the last period minus the first (groups '
                                           'shown); base: the scores of those two periods.',
                                           'הציון הממוצע של „{item}” בתקופה האחרונה פחות הראשונה (הקבוצות המוצגות); '
                                           'בסיס: הציונים בשתי התקופות האלה.'),
    "management.figure.kappa": ('Agreement between observers', 'הסכמה בין צופים'),
    "management.figure.kappa.def": ("Quadratic-weighted Cohen's kappa of two observers' scores of the same employee "
                                    'and item on the same day (1: full agreement; 0: what chance gives), with its '
                                    'interval; strength by Landis & Koch (1977): up to 0.20 slight, up to 0.40 fair, '
                                    'up to 0.60 moderate, up to 0.80 substantial, above almost perfect; base: paired '
                                    'scores.',
                                    'קאפה משוקלל ריבועית של Cohen בין ציוני שני צופים לאותו עובד ופריט באותו יום (1: '
                                    'הסכמה מלאה; 0: כמו מקרי), עם רווח סמך; עוצמה לפי לנדיס וקוך (1977): עד 0.20 '
                                    'קלה, עד 0.40 סבירה, עד 0.60 בינונית, עד 0.80 ניכרת, מעל כך כמעט מלאה; בסיס: '
                                    'זוגות הציונים.'),
    "management.figure.n_boot": ('Bootstrap replicates', 'חזרות בוטסטרפ'),
    "management.figure.n_boot.def": ('Replicates of the employee-clustered bootstrap interval of the pooled ICC.',
                                     'מספר החזרות של רווח הבוטסטרפ באשכולות לפי עובד של ה־ICC המשותף.'),
    "management.figure.seed": ('Random seed', 'זרע אקראי'),
    "management.figure.seed.def": ("Seed of the bootstrap's random numbers (the same seed gives the same interval).",
                                   'הזרע של המספרים האקראיים בבוטסטרפ (אותו זרע נותן אותו רווח).'),
    "management.figure.training_staff": ('Employees in the training results', 'עובדים בתוצאות ההדרכה'),
    "management.figure.training_staff.def": ('Employees with before and after test scores in the training file, in '
                                             'groups large enough to show (the most in any one skill).',
                                             'עובדים שיש להם ציוני מבחן לפני ואחרי בקובץ ההדרכה, בקבוצות שגדולות '
                                             'דיין להצגה (המספר הגבוה ביותר במיומנות אחת).'),
    "management.figure.training_change": ('Change in the training test score: “{item}”',
                                          'השינוי בציון מבחן ההדרכה: „{item}”'),
    "management.figure.training_change.def": ('Mean over employees of the after-training minus the before-training '
                                              "test score in “{item}”, from the training file (the course's own "
                                              "assessments, on the file's scale), with a paired t interval; base: "
                                              'employees.',
                                              'הממוצע על פני העובדים של ציון המבחן אחרי ההדרכה פחות לפניה ב„{item}”, '
                                              'מקובץ ההדרכה (מבחני ההדרכה עצמה, בסולם של הקובץ), עם רווח סמך t '
                                              'מזווג; בסיס: העובדים.'),
    "management.figure.transfer_staff": ('Trained employees observed before and after',
                                         'עובדים שהודרכו ונצפו לפני ואחרי'),
    "management.figure.transfer_staff.def": ('Trained employees observed at work both before and after their '
                                             'training date (the most in any one skill).',
                                             'עובדים שהודרכו ונצפו בעבודה גם לפני מועד ההדרכה וגם אחריו (המספר הגבוה '
                                             'ביותר במיומנות אחת).'),
    "management.figure.transfer_change": ('Change in the observation score after training: “{item}”',
                                          'השינוי בציון התצפית אחרי ההדרכה: „{item}”'),
    "management.figure.transfer_change.def": ('Mean over trained employees of their observation score on “{item}” '
                                              'from the training date on minus before it (behaviour observed at '
                                              'work, on the observation scale), with a paired t interval; base: '
                                              'employees observed before and after.',
                                              'הממוצע על פני העובדים שהודרכו של ציון התצפית שלהם ב„{item}” ממועד '
                                              'ההדרכה ואילך פחות לפניו (התנהגות שנצפתה בעבודה, בסולם התצפית), עם '
                                              'רווח סמך t מזווג; בסיס: העובדים שנצפו לפני ואחרי.'),
    "management.figure.lessons_events": ('Reviewed events', 'אירועים שנבדקו'),
    "management.figure.lessons_events.def": ('Rows of the Lessons sheet with a category.',
                                             'שורות גיליון הפקת הלקחים שיש בהן קטגוריה.'),
    "management.figure.lessons_without_action": ('Events that led to no action', 'אירועים שלא הובילו לפעולה'),
    "management.figure.lessons_without_action.def": ('Events whose action_id names no action of the plan and whose '
                                                     'lesson_id no action names; base: reviewed events.',
                                                     'אירועים שמזהה הפעולה שלהם אינו מפנה לפעולה בתוכנית ואף פעולה '
                                                     'אינה מפנה למזהה הלקח שלהם; בסיס: האירועים שנבדקו.'),
    "management.figure.lessons_with_action": ('Events that led to an action', 'אירועים שהובילו לפעולה'),
    "management.figure.lessons_with_action.def": ('Events whose action_id names an action of the plan, or whose '
                                                  'lesson_id an action names; base: reviewed events.',
                                                  'אירועים שמזהה הפעולה שלהם מפנה לפעולה בתוכנית, או שפעולה מפנה '
                                                  'למזהה הלקח שלהם; בסיס: האירועים שנבדקו.'),
    "management.figure.lessons_top_share": ('Share of events in “{item}”', 'שיעור האירועים ב„{item}”'),
    "management.figure.lessons_top_share.def": ('Events of the most frequent category, “{item}”, over all reviewed '
                                                'events.',
                                                'אירועי הקטגוריה השכיחה ביותר, „{item}”, מתוך כל האירועים שנבדקו.'),
    "management.figure.lessons_categories": ('Event categories', 'קטגוריות של אירועים'),
    "management.figure.lessons_categories.def": ('Different categories of the reviewed events.',
                                                 'הקטגוריות השונות של האירועים שנבדקו.'),
    "management.figure.vital_share": ('Pareto line', 'קו פרטו'),
    "management.figure.vital_share.def": ('The share of events the vital few categories make up: categories are '
                                          'taken from the most frequent until this share is reached (Juran).',
                                          'שיעור האירועים שהמעטים החיוניים מרכזים: הקטגוריות נלקחות מהשכיחה ביותר עד '
                                          "שמגיעים לשיעור זה (ג'וראן)."),
    "management.figure.vital_few": ('Vital few categories', 'הקטגוריות המעטות החיוניות'),
    "management.figure.vital_few.def": ('Categories that together make up the events up to the Pareto line (the one '
                                        'crossing it included).',
                                        'הקטגוריות שיחד מרכזות את האירועים עד קו פרטו (כולל זו שחוצה אותו).'),
    "management.figure.vital_few_share": ('Share of events in the vital few', 'שיעור האירועים במעטים החיוניים'),
    "management.figure.vital_few_share.def": ('Events of the vital few categories over all reviewed events.',
                                              'אירועי הקטגוריות המעטות החיוניות מתוך כל האירועים שנבדקו.'),
    "management.figure.scale_min": ("Bottom of the observation scale", "הציון הנמוך בסולם התצפית"),
    "management.figure.scale_min.def": ("Observation items are scored from this score (poor) up to the top of the scale.",
                                        "פריטי התצפית מדורגים מציון זה (חלש) ועד הציון הגבוה בסולם."),
    "management.figure.training_scale_min": ("Bottom of the training file's scale", "הציון הנמוך בסולם קובץ ההדרכה"),
    "management.figure.training_scale_min.def": ("The lowest score of the scale the training file's test scores are on "
                                                 "(as its values show or the Scales sheet declares).",
                                                 "הציון הנמוך בסולם שבו ציוני המבחנים בקובץ ההדרכה (כפי שעולה מהערכים "
                                                 "או כפי שהוגדר בגיליון הסולמות)."),
    "management.figure.training_scale_max": ("Top of the training file's scale", "הציון הגבוה בסולם קובץ ההדרכה"),
    "management.figure.training_scale_max.def": ("The highest score of the scale the training file's test scores are "
                                                 "on; a change in training points is on this scale.",
                                                 "הציון הגבוה בסולם שבו ציוני המבחנים בקובץ ההדרכה; שינוי בנקודות "
                                                 "ההדרכה הוא בסולם זה."),
    # findings (every number a marked key figure, see management.figure.*)
    "management.finding.actions": ("Action plan as of {date}: {total}; {open}, {overdue}; {done}.",
                                   "תוכנית הפעולה נכון ל־{date}: {total}; {open}, {overdue}; {done}."),
    "management.finding.actions_cancelled": ("Action plan as of {date}: {total}; {open}, {overdue}; {done}; {cancelled}.",
                                             "תוכנית הפעולה נכון ל־{date}: {total}; {open}, {overdue}; {done}; "
                                             "{cancelled}."),
    "management.count.open": ({"one": "{count} not yet done", "other": "{count} not yet done"},
                             {"one": "אחת טרם הושלמה", "two": "שתיים טרם הושלמו", "other": "{count} טרם הושלמו"}),
    "management.count.overdue": ({"one": "{count} of them overdue", "other": "{count} of them overdue"},
                                {"one": "אחת מהן באיחור", "two": "שתיים מהן באיחור", "other": "{count} מהן באיחור"}),
    "management.count.none_overdue": ("none overdue", "אף אחת אינה באיחור"),
    "management.count.item_scores": ({"one": "its {count} score", "other": "its {count} scores"},
                                     {"one": "ציון אחד שלו", "two": "שני ציונים שלו", "other": "{count} הציונים שלו"}),
    "management.count.done": ({"one": "{count} done", "other": "{count} done"},
                             {"one": "אחת הושלמה", "two": "שתיים הושלמו", "other": "{count} הושלמו"}),
    "management.count.cancelled": ({"one": "{count} cancelled", "other": "{count} cancelled"},
                                  {"one": "אחת בוטלה", "two": "שתיים בוטלו", "other": "{count} בוטלו"}),
    "management.finding.coaching": ("Coaching: “{item}” is the lowest-scoring observed skill (mean {mean} of {top} over "
                                    "{base}).",
                                    "אימון: „{item}” הוא פריט התצפית בעל הציון הנמוך ביותר (ממוצע {mean} מתוך {top} על "
                                    "פני {base})."),
    "management.finding.coaching_units": ("Coaching: “{item}” is the lowest-scoring observed skill (mean {mean} of {top} "
                                          "over {base}) and tops the coaching list in {count} of {units}.",
                                          "אימון: „{item}” הוא פריט התצפית בעל הציון הנמוך ביותר (ממוצע {mean} מתוך "
                                          "{top} על פני {base}) והוא בראש רשימת האימון ב־{count} מתוך {units}."),
    "management.finding.agreement_weak": ("Treat this order as provisional: agreement between two observers scoring the "
                                          "same conversation is only {band} ({kappa} on {base}; {conf} interval {low} to "
                                          "{high}), so part of a difference may be the observer's, not the employee's.",
                                          "יש להתייחס לסדר זה כזמני: ההסכמה בין שני צופים שמדרגים אותה שיחה היא {band} "
                                          "בלבד ({kappa} על פני {base}; רווח {conf}: {low} עד {high}), ולכן חלק מההבדלים "
                                          "עשוי לנבוע מהצופה ולא מהעובד."),
    "management.finding.agreement": ("Agreement between two observers scoring the same conversation is {band} ({kappa} on "
                                     "{base}; {conf} interval {low} to {high}).",
                                     "ההסכמה בין שני צופים שמדרגים אותה שיחה היא {band} ({kappa} על פני {base}; רווח "
                                     "{conf}: {low} עד {high})."),
    "management.band.poor": ("poor", "חלשה"),
    "management.band.slight": ("slight", "קלה"),
    "management.band.fair": ("fair", "סבירה"),
    "management.band.moderate": ("moderate", "בינונית"),
    "management.band.substantial": ("substantial", "ניכרת"),
    "management.band.almost_perfect": ("almost perfect", "כמעט מלאה"),
    "management.finding.observations_suppressed": ("Observation results are not shown: no group has at least {min} "
                                                   "different employees observed.",
                                                   "תוצאות התצפיות אינן מוצגות: באף קבוצה לא נצפו לפחות {min} "
                                                   "עובדים שונים."),
    "management.finding.unanswered": ({"one": "Findings and actions: {count} of {checked} from the journeys, KPIs, survey "
                                              "and observations has no action that names it in the action plan's link "
                                              "columns.",
                                       "other": "Findings and actions: {count} of {checked} from the journeys, KPIs, "
                                                "survey and observations have no action that names them in the action "
                                                "plan's link columns."},
                                      {"one": "ממצאים ופעולות: לממצא אחד מתוך {checked} (ממסעות הלקוח, מהמדדים, מהסקר "
                                              "ומהתצפיות) אין פעולה שמפנה אליו בעמודות הקישור של תוכנית הפעולה.",
                                       "two": "ממצאים ופעולות: לשניים מתוך {checked} (ממסעות הלקוח, מהמדדים, מהסקר "
                                              "ומהתצפיות) אין פעולה שמפנה אליהם בעמודות הקישור של תוכנית הפעולה.",
                                       "other": "ממצאים ופעולות: ל־{count} מתוך {checked} (ממסעות הלקוח, מהמדדים, מהסקר "
                                                "ומהתצפיות) אין פעולה שמפנה אליהם בעמודות הקישור של תוכנית הפעולה."}),
    "management.finding.all_answered": ("Findings and actions: each of {checked} from the journeys, KPIs, survey and "
                                        "observations is named by an action of the plan.",
                                        "ממצאים ופעולות: לכל אחד מ־{checked} (ממסעות הלקוח, מהמדדים, מהסקר ומהתצפיות) "
                                        "יש פעולה בתוכנית שמפנה אליו."),
    "management.finding.suggested": ({"one": "For {count} of them an action's wording suggests a match: confirm it by "
                                             "filling in the action's link column.",
                                      "other": "For {count} of them an action's wording suggests a match: confirm it by "
                                               "filling in the action's link column."},
                                     {"one": "לאחד מהם נמצאה פעולה שנוסחה מרמז על קשר: יש לאשר זאת בעמודת הקישור של "
                                             "הפעולה.",
                                      "two": "לשניים מהם נמצאו פעולות שנוסחן מרמז על קשר: יש לאשר זאת בעמודת הקישור "
                                             "של הפעולה.",
                                      "other": "ל־{count} מהם נמצאו פעולות שנוסחן מרמז על קשר: יש לאשר זאת בעמודת הקישור "
                                               "של הפעולה."}),
    "management.finding.lessons": ("Lessons learned: “{category}” is the most frequent category ({share} of {events}); "
                                   "{without}.",
                                   "הפקת לקחים: „{category}” היא הקטגוריה השכיחה ביותר ({share} מתוך {events}); "
                                   "{without}."),
    "management.count.no_action": ({"one": "{count} event led to no action", "other": "{count} events led to no action"},
                                  {"one": "אירוע אחד לא הוביל לפעולה", "two": "שני אירועים לא הובילו לפעולה",
                                   "other": "{count} אירועים לא הובילו לפעולה"}),
    "management.scale": ("{lo}–{hi}", "{lo}–{hi}"),
    "management.finding.training": ("Training: in the training file's own before-and-after tests ({staff}) the change is "
                                    "highest in “{skill}” ({change} points on its {scale} scale; {conf} interval {low} "
                                    "to {high}).",
                                    "הדרכה: במבחני ההדרכה עצמה, לפני ואחרי ({staff}), השינוי הגבוה ביותר הוא ב„{skill}” "
                                    "({change} נקודות בסולם {scale} של הקובץ; רווח {conf}: {low} עד {high})."),
    "management.finding.training_two_sources": (
        "Training: in the training file's own before-and-after tests ({staff}) the change is highest in “{skill}” "
        "({change} points on its {scale} scale); in the observation scores of trained employees seen at work before "
        "and after their training ({observed}, on the {obs_scale} observation scale) it is highest in “{top}” "
        "({top_change}) and lowest in “{bottom}” ({bottom_change}). The two are different sources — test results in the course, "
        "behaviour observed on the job — so their order can differ.",
        "הדרכה: במבחני ההדרכה עצמה, לפני ואחרי ({staff}), השינוי הגבוה ביותר הוא ב„{skill}” ({change} נקודות בסולם "
        "{scale} של הקובץ); בציוני התצפית של עובדים שהודרכו ונצפו בעבודה לפני ההדרכה ואחריה ({observed}, בסולם "
        "התצפית {obs_scale}) השינוי הגבוה ביותר הוא ב„{top}” ({top_change}) והנמוך ביותר ב„{bottom}” "
        "({bottom_change}). אלה שני מקורות שונים — תוצאות מבחן בהדרכה והתנהגות שנצפתה בעבודה — ולכן הסדר ביניהם "
        "יכול להיות שונה."),
    # figure takeaways (one sentence under each chart)
    "management.takeaway.observation_heatmap": ("The lowest cell is “{unit}” on “{item}” (mean {mean} of {top} over "
                                                "{base}); across the units, “{lowest}” scores lowest ({lowest_mean}).",
                                                "התא הנמוך ביותר הוא „{unit}” ב„{item}” (ממוצע {mean} מתוך {top} על פני "
                                                "{base}); בכלל היחידות, „{lowest}” הוא הנמוך ביותר ({lowest_mean})."),
    "management.takeaway.observation_trend": ("From {first} to {last}, “{item}” moved most ({change} points, over {base}).",
                                              "מ{first} עד {last}, „{item}” השתנה יותר מכל פריט אחר ({change} נקודות, על "
                                              "פני {base})."),
    "management.takeaway.actions_status": ("“{unit}” holds the most actions not yet done: {count} of {base}; in the whole "
                                           "plan {open}, {overdue}.",
                                           "ל„{unit}” יש הכי הרבה פעולות שטרם הושלמו: {count} מתוך {base}; בכל התוכנית "
                                           "{open}, {overdue}."),
    "management.takeaway.actions_burndown": ("Still to do at {date}: {actual}; had every action been done on time: "
                                             "{planned}.",
                                             "נותרו לביצוע נכון ל־{date}: {actual}; אילו כל פעולה הושלמה במועדה: "
                                             "{planned}."),
    "management.takeaway.actions_rounds_to_date": ("Due before {date}, the report date (within {round}): {due}; done: "
                                                   "{done}; not yet done: {remaining}.",
                                                   "מועד היעד לפני {date}, מועד הדוח (בתוך {round}): {due}; הושלמו: "
                                                   "{done}; טרם הושלמו: {remaining}."),
    "management.takeaway.lessons_pareto": ({"one": "{count} of the {categories} categories holds {share} of {events}: "
                                                   "the vital few, up to the {line} line.",
                                            "other": "{count} of the {categories} categories hold {share} of {events}: "
                                                     "the vital few, up to the {line} line."},
                                           {"one": "קטגוריה אחת מתוך {categories} מרכזת {share} מתוך {events}: המעטים "
                                                   "החיוניים, עד קו ה־{line}.",
                                            "two": "שתי קטגוריות מתוך {categories} מרכזות {share} מתוך {events}: המעטים "
                                                   "החיוניים, עד קו ה־{line}.",
                                            "other": "{count} קטגוריות מתוך {categories} מרכזות {share} מתוך {events}: "
                                                     "המעטים החיוניים, עד קו ה־{line}."}),
    "management.takeaway.training_change": ("The training file's own test scores before and after ({staff}, on its "
                                            "{scale} scale): the change is highest in “{top}” ({top_change}) and lowest in "
                                            "“{bottom}” ({bottom_change}). Observation scores on the job are a different source "
                                            "(table “{table}”).",
                                            "ציוני המבחנים בהדרכה עצמה, לפני ואחרי ({staff}, בסולם {scale} של הקובץ): "
                                            "השינוי הגבוה ביותר ב„{top}” ({top_change}) והנמוך ביותר ב„{bottom}” "
                                            "({bottom_change}). ציוני התצפית בעבודה הם מקור אחר (טבלה „{table}”)."),
    # methods (the appendix, not the body)
    "management.method.observations": ("Observation scores: mean per item, unit, observer and period with a {conf} "
                                       "interval clustered by employee — an employee is observed in many sessions, "
                                       "several items in each, so the scores are not independent: cluster-robust CR1 "
                                       "variance with a t quantile on the employees less one degrees of freedom "
                                       "(Cameron & Miller 2015); the mean of one employee's scores with a Student-t "
                                       "interval; a group with fewer than {min} different employees is not shown; "
                                       "trends per period are ordinary least-squares slopes with intervals clustered "
                                       "by employee alike; the coaching list ranks a unit's items falling first, then "
                                       "by lowest mean.",
                                       "ציוני תצפית: ממוצע לכל פריט, יחידה, צופה ותקופה עם רווח סמך {conf} באשכולות "
                                       "לפי עובד — עובד נצפה במפגשים רבים ובכל מפגש בכמה פריטים, ולכן ציוניו אינם "
                                       "בלתי תלויים: שונות עמידה לאשכולות CR1 עם התפלגות t במספר העובדים פחות אחד "
                                       "דרגות חופש (קמרון ומילר 2015); ממוצע הציונים של עובד אחד עם רווח סמך לפי "
                                       "התפלגות t; קבוצה שבה פחות מ־{min} עובדים שונים אינה מוצגת; המגמה לתקופה היא "
                                       "שיפוע ריבועים פחותים עם רווח סמך באשכולות לפי עובד באותו אופן; רשימת האימון "
                                       "מדרגת את פריטי היחידה — תחילה פריטים בירידה, ואחר כך לפי הממוצע הנמוך."),
    "management.method.agreement": ("Observer agreement: quadratic-weighted Cohen's kappa (Cohen 1968) of two observers' "
                                    "scores of the same employee and item on the same day, with the asymptotic standard "
                                    "error of Fleiss, Cohen & Everitt (1969) (statsmodels); its strength in the bands of "
                                    "Landis & Koch (1977): slight, fair, moderate, substantial, almost perfect. Agreement "
                                    "that is fair or weaker is stated as a caveat beside the coaching priorities. The "
                                    "intraclass correlation ICC(2,1) per pair of observers (Shrout & Fleiss 1979) with its "
                                    "F interval; over all pairs ICC(1,1) with a bootstrap interval clustered by employee.",
                                    "הסכמה בין צופים: קאפה משוקלל ריבועית של Cohen (1968) בין ציוני שני צופים לאותו "
                                    "עובד ופריט באותו יום, עם שגיאת התקן האסימפטוטית של Fleiss, Cohen ו־Everitt (1969) "
                                    "(statsmodels); עוצמת ההסכמה לפי הדרגות של Landis ו־Koch (1977): קלה, סבירה, בינונית, "
                                    "ניכרת, כמעט מלאה. הסכמה סבירה או חלשה ממנה מוצגת כהסתייגות לצד סדרי העדיפויות "
                                    "לאימון. מקדם המתאם התוך־קבוצתי ICC(2,1) לכל זוג צופים (Shrout ו־Fleiss 1979) עם "
                                    "רווח סמך F; לכל הזוגות יחד ICC(1,1) עם רווח בוטסטרפ באשכולות לפי עובד."),
    "management.method.bootstrap": ("The bootstrap of the pooled ICC: {n_boot} replicates, random seed {seed}.",
                                    "הבוטסטרפ של ה־ICC המשותף: {n_boot} חזרות, זרע אקראי {seed}."),
    "management.method.training": ("Training: each employee's change (after − before) per skill, with the paired t test "
                                   "and its {conf} interval (scipy ttest_rel), the Wilcoxon signed-rank test (Wilcoxon "
                                   "1945) and Cohen's d_z, the mean change over the standard deviation of the changes "
                                   "(Lakens 2013). Two sources: the training file's before and after test scores, and "
                                   "the observation scores of trained employees before and after their training date "
                                   "(matched on the pseudonymised employee code).",
                                   "הדרכה: השינוי של כל עובד (אחרי − לפני) בכל מיומנות, עם מבחן t מזווג ורווח סמך "
                                   "{conf} (scipy ttest_rel), מבחן הדירוגים המסומנים של Wilcoxon (1945) ו־d_z של "
                                   "Cohen — השינוי הממוצע חלקי סטיית התקן של השינויים (Lakens 2013). שני מקורות: ציוני "
                                   "המבחנים בקובץ ההדרכה לפני ואחרי, וציוני התצפית של עובדים שהודרכו לפני מועד "
                                   "ההדרכה ואחריו (מותאמים לפי קוד העובד המוחלף בכינוי)."),
    "management.method.coverage": ("Findings and actions: an action answers a finding only when its link columns name "
                                   "the finding's journey step, KPI, survey item, observation item, lesson or service; "
                                   "the wording of an action only suggests a match — when it mentions the finding or "
                                   "shares at least {overlap} of its content words (overlap coefficient) — and is never "
                                   "counted.",
                                   "ממצאים ופעולות: פעולה עונה על ממצא רק כשעמודות הקישור שלה מפנות לצעד במסע, למדד, "
                                   "לפריט בסקר, לפריט תצפית, ללקח או לשירות של הממצא; נוסח הפעולה רק מרמז על קשר — "
                                   "כשהוא מזכיר את הממצא או חולק איתו לפחות {overlap} ממילות התוכן (מקדם חפיפה) — "
                                   "ולעולם אינו נספר."),
    "management.method.lessons": ("Lessons learned: events by category, most frequent first (Pareto); the vital few "
                                  "are the categories up to the {line} line of events (Juran); a lesson led to an "
                                  "action when its action_id names one, or an action names its lesson_id.",
                                  "הפקת לקחים: אירועים לפי קטגוריה, מהשכיחה ביותר (פרטו); המעטים החיוניים הם "
                                  "הקטגוריות עד קו ה־{line} מהאירועים (Juran); לקח הוביל לפעולה כשמזהה הפעולה שלו מפנה "
                                  "לפעולה או כשפעולה מפנה למזהה הלקח שלו."),
    "management.method.actions": ("Action plan: an action is overdue when it is open or in progress after its due date, "
                                  "as of the report date; it belongs to its own unit, else its owner's unit (Owners "
                                  "sheet), else its service's unit.",
                                  "תוכנית הפעולה: פעולה באיחור כשהיא פתוחה או בביצוע אחרי תאריך היעד, נכון למועד הדוח; "
                                  "היא שייכת ליחידה שצוינה לה, ואם אין — ליחידת האחראי (גיליון האחראים), ואם אין — "
                                  "ליחידת השירות."),
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
