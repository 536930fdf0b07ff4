"""The measures messages of the catalogue (``measures.*`` keys): English and Hebrew, see :mod:`svcwork.i18n`."""

from __future__ import annotations

MESSAGES: dict[str, tuple] = {     # "measures.*"
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
    "measures.col.share_pct": ("Share (%)", "שיעור (%)"),
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
    "measures.col.reading": ("Control-chart reading", "קריאת תרשים הבקרה"),
    "measures.col.better_count": ("Signals: better", "אותות: שיפור"),
    "measures.col.worse_count": ("Signals: worse", "אותות: הרעה"),
    "measures.col.new_level": ("New level", "רמה חדשה"),
    "measures.col.shift_period": ("New level since", "הרמה החדשה החל מ־"),
    "measures.col.signal_direction": ("Reads as", "משמעות"),
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
    # how a KPI's control chart reads against its direction (svcwork.measures.kpis.control_chart)
    "measures.reading.stable": ("Stable: no signal", "יציב: אין אותות"),
    "measures.reading.improved": ("Improved", "השתפר"),
    "measures.reading.deteriorated": ("Worsened", "החמיר"),
    "measures.reading.unstable": ("Unstable: signals both ways", "לא יציב: אותות לשני הכיוונים"),
    "measures.signal.better": ("Better (the good direction)", "שיפור (בכיוון הרצוי)"),
    "measures.signal.worse": ("Worse (the bad direction)", "הרעה (בכיוון הלא רצוי)"),
    "measures.signal.before_better": ("Improvement: the level before the shift of {period}",
                                      "שיפור: הרמה שלפני השינוי ב־{period}"),
    "measures.signal.before_worse": ("Deterioration: the level before the shift of {period}",
                                     "הרעה: הרמה שלפני השינוי ב־{period}"),
    "measures.note.improved_shift": ("Improved: the process has shifted to a new level (≈ {level}) from {period}; "
                                     "recompute the limits from the new level.",
                                     "השתפר: התהליך עבר לרמה חדשה (≈ {level}) החל מ־{period}; יש לחשב מחדש את גבולות "
                                     "הבקרה מהרמה החדשה."),
    "measures.note.improved": ("Improved: {count} signals in the good direction, the latest in {period}: find what "
                               "went right and keep it.",
                               "השתפר: {count} אותות בכיוון הרצוי, האחרון ב־{period}: כדאי לברר מה הצליח ולשמר "
                               "אותו."),
    "measures.note.improved_one": ("Improved: a signal in the good direction in {period}: find what went right and "
                                   "keep it.",
                                   "השתפר: אות בכיוון הרצוי ב־{period}: כדאי לברר מה הצליח ולשמר אותו."),
    "measures.note.worsened_shift": ("Worsened: the process has shifted to a new level (≈ {level}) from {period}; find "
                                     "the cause and remove it, and recompute the limits only if the change is to stay.",
                                     "החמיר: התהליך עבר לרמה חדשה (≈ {level}) החל מ־{period}; יש לאתר את הגורם "
                                     "ולהסירו, ולחשב מחדש את הגבולות רק אם השינוי נשאר."),
    "measures.note.worsened": ("Worsened: {count} signals in the bad direction, the latest in {period}: find the "
                               "special cause.",
                               "החמיר: {count} אותות בכיוון הלא רצוי, האחרון ב־{period}: יש לאתר את הגורם המיוחד."),
    "measures.note.worsened_one": ("Worsened: a signal in the bad direction in {period}: find the special cause.",
                                   "החמיר: אות בכיוון הלא רצוי ב־{period}: יש לאתר את הגורם המיוחד."),
    "measures.note.unstable": ("Unstable: signals in both directions ({worse} worse, {better} better), the latest in "
                               "{period}: find the special causes before relying on the figure.",
                               "לא יציב: אותות לשני הכיוונים ({worse} להרעה, {better} לשיפור), האחרון ב־{period}: יש "
                               "לאתר את הגורמים המיוחדים לפני שסומכים על הנתון."),
    "measures.note.unstable_shift": ("Unstable: signals in both directions ({worse} worse, {better} better); the level "
                                     "has shifted to ≈ {level} from {period}: find the special causes before relying "
                                     "on the figure.",
                                     "לא יציב: אותות לשני הכיוונים ({worse} להרעה, {better} לשיפור); הרמה השתנתה "
                                     "ל־≈ {level} החל מ־{period}: יש לאתר את הגורמים המיוחדים לפני שסומכים על הנתון."),
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
    "measures.title.control": ("{kpi}: values, control limits and target", "{kpi}: ערכים, גבולות בקרה ויעד"),
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
    "measures.legend.signal": ("Signal", "אות"),
    "measures.legend.signal_better": ("Signal: better", "אות: שיפור"),
    "measures.legend.signal_worse": ("Signal: worse", "אות: הרעה"),
    "measures.legend.phase_centre": ("Centre line of each phase", "קו המרכז של כל שלב"),
    "measures.legend.interval": ("{level}% confidence interval", "רווח סמך {level}%"),
    "measures.legend.bootstrap": ("{level}% bootstrap interval (Shapley share)", "רווח סמך bootstrap ‏{level}% (חלק Shapley)"),
    "measures.legend.rw": ("Relative weight (Johnson)", "משקל יחסי (Johnson)"),
    "measures.legend.unstable": ("Unstable estimate (hollow)", "אומדן לא יציב (עיגול ריק)"),
    "measures.legend.all_units": ("All units", "כל היחידות"),
    # key figures (svcwork.measures.figures): each figure's name and definition
    "measures.figure.respondents": ("Survey respondents", "משיבים לסקר"),
    "measures.figure.respondents.def": ("Rows of the survey file: one per respondent, all waves together.",
                                        "שורות קובץ הסקר: שורה לכל משיב, כל הגלים יחד."),
    "measures.figure.item": ("Survey item {item}: share agreeing", "פריט הסקר {item}: שיעור המסכימים"),
    "measures.figure.item.def": ("Share of the respondents who answered survey item {item} and agree or strongly agree "
                                 "(the two highest answers of five; on customer effort, the three highest of seven), "
                                 "all waves together, with its confidence interval; base: the answers to the item.",
                                 "שיעור המשיבים על פריט הסקר {item} שהסכימו או הסכימו מאוד (שתי התשובות הגבוהות מתוך "
                                 "חמש; במאמץ הפונה — שלוש הגבוהות מתוך שבע), כל הגלים יחד, עם רווח הסמך; הבסיס: "
                                 "התשובות לפריט."),
    "measures.figure.nps": ("Net Promoter Score {item}", "מדד NPS {item}"),
    "measures.figure.nps.def": ("Share of promoters (9–10 on the 0–10 question whether they would recommend the "
                                "service) minus share of detractors (0–6), in points from −100 to 100, with its "
                                "confidence interval: over every respondent who answered it, or, for a service (its id in "
                                "the figure's name), over the respondents about that service — given only for a group of at "
                                "least the minimum size with a stable estimate.",
                                "שיעור הממליצים (9–10 בשאלה 0–10 אם היו ממליצים על השירות) פחות שיעור המבקרים (0–6), "
                                "בנקודות מ־‎−100 עד 100, עם רווח הסמך: על כל המשיבים לשאלה, או, לשירות (מזהה השירות "
                                "בשם המדד), על המשיבים על אותו שירות — מוצג רק לקבוצה בגודל המינימלי לפחות ועם אומדן "
                                "יציב."),
    "measures.figure.promoters": ("Promoters", "ממליצים"),
    "measures.figure.promoters.def": ("Share of the respondents to the recommendation question who answered 9 or 10.",
                                      "שיעור המשיבים לשאלת ההמלצה שענו 9 או 10."),
    "measures.figure.detractors": ("Detractors", "מבקרים"),
    "measures.figure.detractors.def": ("Share of the respondents to the recommendation question who answered 0 to 6.",
                                       "שיעור המשיבים לשאלת ההמלצה שענו 0 עד 6."),
    "measures.figure.wave_first": ("Survey item {item}: share agreeing in the first wave",
                                   "פריט הסקר {item}: שיעור המסכימים בגל הראשון"),
    "measures.figure.wave_first.def": ("Share agreeing or strongly agreeing on item {item} in the first survey wave "
                                       "shown; base: its answers in that wave.",
                                       "שיעור המסכימים או המסכימים מאוד בפריט {item} בגל הסקר הראשון המוצג; הבסיס: "
                                       "התשובות לפריט באותו גל."),
    "measures.figure.wave_last": ("Survey item {item}: share agreeing in the last wave",
                                  "פריט הסקר {item}: שיעור המסכימים בגל האחרון"),
    "measures.figure.wave_last.def": ("Share agreeing or strongly agreeing on item {item} in the last survey wave shown; "
                                      "base: its answers in that wave.",
                                      "שיעור המסכימים או המסכימים מאוד בפריט {item} בגל הסקר האחרון המוצג; הבסיס: "
                                      "התשובות לפריט באותו גל."),
    "measures.figure.change": ("Survey item {item}: change over the whole period (points)",
                               "פריט הסקר {item}: השינוי לאורך כל התקופה (נקודות אחוז)"),
    "measures.figure.change.def": ("Share agreeing on item {item} in the last wave minus the first, in percentage "
                                   "points, with the confidence interval of the difference of two independent shares; "
                                   "base: the answers of both waves.",
                                   "שיעור המסכימים בפריט {item} בגל האחרון פחות הגל הראשון, בנקודות אחוז, עם רווח הסמך "
                                   "של ההפרש בין שני שיעורים בלתי תלויים; הבסיס: התשובות בשני הגלים."),
    "measures.figure.change_mean": ("Survey item {item}: change of the mean score over the whole period",
                                    "פריט הסקר {item}: השינוי בציון הממוצע לאורך כל התקופה"),
    "measures.figure.change_mean.def": ("Mean score of item {item} on a 0–100 scale in the last wave minus the first, "
                                        "with the confidence interval of the difference of two means.",
                                        "הציון הממוצע בפריט {item} בסולם 0–100 בגל האחרון פחות הגל הראשון, עם רווח "
                                        "הסמך של ההפרש בין שני ממוצעים."),
    "measures.figure.satisfaction": ("Satisfaction, service {item}", "שביעות רצון, שירות {item}"),
    "measures.figure.satisfaction.def": ("Share of the respondents about service {item} who agree or strongly agree "
                                         "that they are satisfied, with its confidence interval; given only for a "
                                         "service with at least the minimum group size and a stable estimate.",
                                         "שיעור המשיבים על שירות {item} שהסכימו או הסכימו מאוד שהם מרוצים, עם רווח "
                                         "הסמך; מוצג רק לשירות שיש בו לפחות גודל הקבוצה המינימלי ואומדן יציב."),
    "measures.figure.driver": ("Driver {item}: share of the explained variance", "גורם {item}: חלק מהשונות המוסברת"),
    "measures.figure.driver.def": ("How much of what the drivers explain of the outcome item is due to item {item}, "
                                   "with its interval; base: the complete responses.",
                                   "כמה ממה שהגורמים מסבירים בפריט התוצאה נובע מהפריט {item}, עם רווח הסמך; הבסיס: "
                                   "התשובות המלאות."),
    "measures.figure.theme": ("Comment theme {item}: share of the comments", "נושא {item} בהערות: שיעור מההערות"),
    "measures.figure.theme.def": ("Share of the non-empty comments that mention theme {item} (keyword coding), with "
                                  "its confidence interval; base: the comments.",
                                  "שיעור ההערות (שאינן ריקות) שמזכירות את הנושא {item} (קידוד לפי מילות מפתח), עם רווח "
                                  "הסמך; הבסיס: ההערות."),
    "measures.figure.kpis": ("KPIs with values", "מדדים שיש להם ערכים"),
    "measures.figure.kpis.def": ("KPIs of the KPIs sheet with at least one value in the KPI values sheet.",
                                 "מדדים בגיליון המדדים שיש להם לפחות ערך אחד בגיליון ערכי המדדים."),
    "measures.figure.kpis_judged": ("KPIs judged against a target", "מדדים שנבחנו מול יעד"),
    "measures.figure.kpis_judged.def": ("KPIs with a target and a last value.", "מדדים שיש להם יעד וערך אחרון."),
    "measures.figure.kpis_met": ("KPIs meeting their target", "מדדים שעומדים ביעד"),
    "measures.figure.kpis_met.def": ("KPIs whose last value meets the target in the KPI's direction; base: the KPIs "
                                     "judged against a target.",
                                     "מדדים שערכם האחרון עומד ביעד בכיוון הרצוי של המדד; הבסיס: המדדים שנבחנו מול "
                                     "יעד."),
    "measures.figure.kpis_attention": ("KPIs needing attention", "מדדים שדורשים תשומת לב"),
    "measures.figure.kpis_attention.def": ("KPIs that miss their target or whose control chart shows signals in the "
                                           "bad direction; an improvement alone needs none; base: the KPIs with values.",
                                           "מדדים שאינם עומדים ביעד או שתרשים הבקרה שלהם מראה אותות בכיוון הלא רצוי; "
                                           "שיפור לבדו אינו דורש תשומת לב; הבסיס: המדדים שיש להם ערכים."),
    "measures.figure.kpi_last": ("KPI {item}: last value", "מדד {item}: ערך אחרון"),
    "measures.figure.kpi_last.def": ("The value of KPI {item} in its latest period, as the organisation reports it in "
                                     "the KPI values sheet (its own row, or its units combined); a share for a "
                                     "proportion.",
                                     "ערך המדד {item} בתקופה האחרונה, כפי שהארגון מדווח בגיליון ערכי המדדים (השורה של "
                                     "הארגון, או היחידות יחד); שיעור למדד מסוג שיעור."),
    "measures.figure.kpi_target": ("KPI {item}: target", "מדד {item}: יעד"),
    "measures.figure.kpi_target.def": ("The target of KPI {item} in the KPIs sheet.", "היעד של המדד {item} בגיליון המדדים."),
    "measures.figure.kpi_new_level": ("KPI {item}: new level", "מדד {item}: רמה חדשה"),
    "measures.figure.kpi_new_level.def": ("The centre line of KPI {item}'s control chart after a sustained shift: the mean "
                                      "(or overall proportion) of the periods since the shift, from which the limits "
                                      "are recomputed.",
                                      "קו המרכז של תרשים הבקרה של המדד {item} אחרי שינוי מתמשך: הממוצע (או השיעור "
                                      "הכולל) של התקופות מאז השינוי, שממנו מחשבים מחדש את הגבולות."),
    "measures.figure.standard_met": ("Cases within the resolution standard {item}",
                                     "פניות שטופלו בתוך אמת המידה לזמן הטיפול {item}"),
    "measures.figure.standard_met.def": ("Share of cases resolved within the resolution standard (of every service "
                                         "and channel, or of the service and channel named: {item}): closed cases, "
                                         "timed from the first event to closure, and open cases already older than the "
                                         "standard (not met); open cases still within it are not counted; with its "
                                         "confidence interval.",
                                         "שיעור הפניות שטופלו בתוך אמת המידה לזמן הטיפול (של כל השירותים והערוצים, "
                                         "או של השירות והערוץ שצוינו: {item}): פניות סגורות, מהאירוע הראשון ועד "
                                         "הסגירה, ופניות פתוחות שכבר עברו את אמת המידה (לא עמדו); פניות פתוחות שעדיין "
                                         "בתוכה אינן נספרות; עם רווח הסמך."),
    "measures.figure.standard_days": ("Days of the resolution standard {item}", "ימי אמת המידה לזמן הטיפול {item}"),
    "measures.figure.standard_days.def": ("The days of the resolution standard {item} in the Standards sheet (the "
                                          "engagement's default resolution time when the sheet sets none).",
                                          "מספר הימים באמת המידה לזמן הטיפול {item} בגיליון אמות המידה (זמן הטיפול "
                                          "שנקבע להתקשרות כברירת מחדל כשהגיליון אינו קובע)."),
    "measures.figure.standard_pending": ("Open cases still within the resolution standard {item}",
                                         "פניות פתוחות שעדיין בתוך אמת המידה לזמן הטיפול {item}"),
    "measures.figure.standard_pending.def": ("Open cases younger than the standard {item} at the log's last timestamp: "
                                             "not yet decided, so left out of the share.",
                                             "פניות פתוחות שגילן במועד האחרון ביומן קטן מאמת המידה {item}: עדיין לא "
                                             "הוכרעו, ולכן אינן נכללות בשיעור."),
    "measures.figure.response_met": ("Cases within the first-response standard {item}",
                                     "פניות שקיבלו מענה ראשון בתוך אמת המידה {item}"),
    "measures.figure.response_met.def": ("Share of cases whose first response (the next event after the citizen's "
                                         "contact) came within the first-response standard {item}, with its "
                                         "confidence interval; an open case still unanswered past the standard counts "
                                         "as not met, one still within it is not counted yet.",
                                         "שיעור הפניות שהמענה הראשון להן (האירוע הבא אחרי פניית התושב) ניתן בתוך אמת "
                                         "המידה למענה ראשון {item}, עם רווח הסמך; פנייה פתוחה שטרם קיבלה מענה אחרי "
                                         "אמת המידה נספרת כלא עומדת בה, ופנייה שעדיין בתוכה אינה נספרת עדיין."),
    "measures.figure.response_pending": ("Open cases still within the first-response standard {item}",
                                         "פניות פתוחות שעדיין בתוך אמת המידה למענה ראשון {item}"),
    "measures.figure.response_pending.def": ("Open cases not answered yet and younger than the first-response standard "
                                             "{item} at the log's last timestamp: not yet decided, so left out of the "
                                             "share.",
                                             "פניות פתוחות שטרם קיבלו מענה וגילן במועד האחרון ביומן קטן מאמת המידה "
                                             "למענה ראשון {item}: עדיין לא הוכרעו, ולכן אינן נכללות בשיעור."),
    "measures.figure.response_days": ("Days of the first-response standard {item}", "ימי אמת המידה למענה ראשון {item}"),
    "measures.figure.response_days.def": ("The days of the first-response standard {item} in the Standards sheet.",
                                          "מספר הימים באמת המידה למענה ראשון {item} בגיליון אמות המידה."),
    # findings and takeaways: every number a marked key figure (svcwork.keyfigures.quote)
    "measures.finding.csat": ("{pct} of respondents are satisfied: they agree or strongly agree ({level}% confidence "
                              "interval {low}–{high}; {base}, all waves together).",
                              "{pct} מהמשיבים מרוצים: מסכימים או מסכימים מאוד (רווח סמך {level}%: {low}–{high}; "
                              "{base}, כל הגלים יחד)."),
    "measures.finding.weak_item": ("{item}, {pct} agreeing ({level}% confidence interval {low}–{high})",
                                   "{item}, {pct} מסכימים (רווח סמך {level}%: {low}–{high})"),
    "measures.finding.weakest": ({"one": "The weakest item is {items}.", "other": "The weakest items are {items}."},
                                 {"one": "הפריט החלש ביותר: {items}.", "other": "הפריטים החלשים ביותר: {items}."}),
    "measures.finding.nps": ("The Net Promoter Score is {nps} ({level}% confidence interval {low} to {high}; {base}): "
                             "{detractors} would not recommend the service (six or less out of ten), {promoters} "
                             "would (nine or ten).",
                             "מדד NPS עומד על {nps} (רווח סמך {level}%: {low} עד {high}; {base}): {detractors} לא היו "
                             "ממליצים על השירות (שש ומטה מתוך עשר), {promoters} היו ממליצים (תשע או עשר)."),
    "measures.finding.change_item": ("{item} {before} → {after} ({change} points)",
                                     "{item} {before} ← {after} ({change} נקודות)"),
    "measures.finding.change_up": ("From {first} to {last} the share agreeing rose significantly on {items}.",
                                   "מ{first} עד {last} שיעור המסכימים עלה באופן מובהק ב{items}."),
    "measures.finding.change_down": ("From {first} to {last} the share agreeing fell significantly on {items}.",
                                     "מ{first} עד {last} שיעור המסכימים ירד באופן מובהק ב{items}."),
    "measures.finding.change_all_up": ("From {first} to {last} the share agreeing rose significantly on every item, by "
                                       "{smallest} points ({smallest_item}) to {largest} points ({largest_item}); "
                                       "{item}: {before} → {after}.",
                                       "מ{first} עד {last} שיעור המסכימים עלה באופן מובהק בכל הפריטים, מ־{smallest} "
                                       "נקודות ({smallest_item}) עד {largest} נקודות ({largest_item}); {item}: "
                                       "{before} ← {after}."),
    "measures.finding.change_none": ("From {first} to {last} no item changed significantly (the last wave against the "
                                     "first).",
                                     "מ{first} עד {last} אף פריט לא השתנה באופן מובהק (הגל האחרון מול הראשון)."),
    "measures.finding.trend_all": ({"one": "The trend across all the waves confirms the change.",
                                    "other": "The trend across all the waves confirms each change."},
                                   {"one": "המגמה לאורך כל הגלים מאשרת את השינוי.",
                                    "other": "המגמה לאורך כל הגלים מאשרת כל אחד מהשינויים."}),
    "measures.finding.trend_some": ("The trend across all the waves confirms the change only for {items}.",
                                    "המגמה לאורך כל הגלים מאשרת את השינוי רק ב{items}."),
    "measures.finding.trend_none": ("The trend across all the waves does not confirm it: the change may not be steady.",
                                    "המגמה לאורך כל הגלים אינה מאשרת זאת: ייתכן שהשינוי אינו עקבי."),
    "measures.finding.trend_also_up": ("A steady rise across all the waves also shows on {items}.",
                                       "עלייה עקבית לאורך כל הגלים ניכרת גם ב{items}."),
    "measures.finding.trend_also_down": ("A steady fall across all the waves also shows on {items}.",
                                         "ירידה עקבית לאורך כל הגלים ניכרת גם ב{items}."),
    "measures.finding.two_measures": ("KPI {kpi} “{name}” and the survey's {item} are two different measures: the KPI "
                                      "is the organisation's own figure, reported each period in its KPI values "
                                      "sheet — {last} in {period}, against a target of {target}; the survey figure is "
                                      "the share of respondents who agree or strongly agree — {pct} over all waves "
                                      "({base}){wave}. They are not comparable: read each against its own target or "
                                      "baseline.",
                                      "המדד {kpi} „{name}” ו{item} בסקר הם שני מדדים שונים: המדד הוא נתון של הארגון "
                                      "עצמו, המדווח בכל תקופה בגיליון ערכי המדדים — {last} ב{period}, מול יעד של "
                                      "{target}; נתון הסקר הוא שיעור המשיבים שהסכימו או הסכימו מאוד — {pct} בכל הגלים "
                                      "({base}){wave}. אין להשוות ביניהם: יש לקרוא כל אחד מול היעד או נקודת המוצא "
                                      "שלו."),
    "measures.finding.two_measures_wave": ("; {pct} in the latest wave, {wave}", "; {pct} בגל האחרון, {wave}"),
    "measures.finding.over_time_agree": ("Over time they agree: {kpi}; {survey}.", "לאורך זמן הם מתיישבים: {kpi}; {survey}."),
    "measures.finding.over_time_differ": ("Over time they read differently: {kpi}; {survey} — the survey compares "
                                          "whole waves of respondents, the KPI single periods of its own measurement.",
                                          "לאורך זמן הם נקראים אחרת: {kpi}; {survey} — הסקר משווה גלים שלמים של "
                                          "משיבים, והמדד תקופות בודדות של המדידה שלו."),
    "measures.finding.kpi_trend.improving": ("{kpi} is improving from period to period",
                                             "{kpi} משתפר מתקופה לתקופה"),
    "measures.finding.kpi_trend.worsening": ("{kpi} is worsening from period to period",
                                             "{kpi} מחמיר מתקופה לתקופה"),
    "measures.finding.kpi_trend.stable": ("{kpi} shows no clear trend from period to period",
                                          "ב־{kpi} אין מגמה ברורה מתקופה לתקופה"),
    "measures.finding.kpi_trend.short": ("{kpi} has too few periods for a trend", "ל־{kpi} מעט מדי תקופות למגמה"),
    "measures.finding.survey_change.up": ("the survey's {item} rose significantly from {before} in {first} to {after} "
                                          "in {last} ({change} points)",
                                          "{item} בסקר עלה באופן מובהק מ־{before} ב{first} ל־{after} ב{last} ({change} "
                                          "נקודות)"),
    "measures.finding.survey_change.down": ("the survey's {item} fell significantly from {before} in {first} to "
                                            "{after} in {last} ({change} points)",
                                            "{item} בסקר ירד באופן מובהק מ־{before} ב{first} ל־{after} ב{last} "
                                            "({change} נקודות)"),
    "measures.finding.survey_change.same": ("the survey's {item} did not change significantly from {first} to {last} "
                                            "({change} points)",
                                            "{item} בסקר לא השתנה באופן מובהק מ{first} עד {last} ({change} נקודות)"),
    "measures.finding.kpi_value": ("{kpi} ({last} in {period}; target {target})", "{kpi} ({last} ב{period}; יעד {target})"),
    "measures.finding.kpi_value_only": ("{kpi} ({last} in {period})", "{kpi} ({last} ב{period})"),
    "measures.finding.kpi_level": ("{kpi} (≈ {level} since {period})", "{kpi} (≈ {level} החל מ{period})"),
    "measures.finding.kpis_met": ({"one": "{met} of {base} meets its target", "other": "{met} of {base} meet their targets"},
                                  {"one": "אחד מתוך {base} עומד ביעד", "two": "שניים מתוך {base} עומדים ביעד",
                                   "other": "{met} מתוך {base} עומדים ביעד"}),
    "measures.finding.kpis_none_judged": ("No KPI has both a target and a value to judge it by",
                                          "לאף מדד אין גם יעד וגם ערך שלפיהם אפשר לבחון אותו"),
    "measures.finding.kpi_one_met": ("The only KPI with a target meets it", "המדד היחיד שיש לו יעד עומד בו"),
    "measures.finding.kpi_one_missed": ("The only KPI with a target misses it", "המדד היחיד שיש לו יעד אינו עומד בו"),
    "measures.finding.attention": ({"one": "{head}; {count} needs attention (a missed target or control-chart signals "
                                           "in the bad direction): {kpis}.",
                                    "other": "{head}; {count} need attention (a missed target or control-chart signals "
                                             "in the bad direction): {kpis}."},
                                   {"one": "{head}; אחד דורש תשומת לב (יעד שלא הושג או אותות בכיוון הלא רצוי "
                                           "בתרשים הבקרה): {kpis}.",
                                    "two": "{head}; שניים דורשים תשומת לב (יעד שלא הושג או אותות בכיוון הלא רצוי "
                                           "בתרשים הבקרה): {kpis}.",
                                    "other": "{head}; {count} דורשים תשומת לב (יעד שלא הושג או אותות בכיוון הלא רצוי "
                                             "בתרשים הבקרה): {kpis}."}),
    "measures.finding.attention_none": ("{head}; none needs attention: no target is missed and no control chart "
                                        "signals in the bad direction.",
                                        "{head}; אף מדד אינו דורש תשומת לב: כל היעדים הושגו ואין אותות בכיוון הלא רצוי "
                                        "בתרשימי הבקרה."),
    "measures.finding.worse": ({"one": "{kpis} shows control-chart signals in the bad direction: find the special "
                                       "cause before relying on the figure.",
                                "other": "{kpis} show control-chart signals in the bad direction: find the special "
                                         "causes before relying on the figures."},
                               {"one": "{kpis}: אותות בכיוון הלא רצוי בתרשים הבקרה — יש לאתר את הגורם המיוחד לפני "
                                       "שסומכים על הנתון.",
                                "other": "{kpis}: אותות בכיוון הלא רצוי בתרשימי הבקרה — יש לאתר את הגורמים "
                                         "המיוחדים לפני שסומכים על הנתונים."}),
    "measures.finding.missed_stable": ({"one": "{kpis} misses its target while stable: only a change to the system "
                                               "will close the gap.",
                                        "other": "{kpis} miss their targets while stable: only a change to the system "
                                                 "will close the gaps."},
                                       {"one": "{kpis} אינו עומד ביעד אף שהוא יציב: רק שינוי במערכת יסגור את הפער.",
                                        "other": "{kpis} אינם עומדים ביעד אף שהם יציבים: רק שינוי במערכת יסגור את "
                                                 "הפערים."}),
    "measures.finding.missed": ({"one": "{kpis} misses its target.", "other": "{kpis} miss their targets."},
                                {"one": "{kpis} אינו עומד ביעד.", "other": "{kpis} אינם עומדים ביעד."}),
    "measures.finding.missed_improved": ({"one": "{kpis} has improved but still misses its target.",
                                          "other": "{kpis} have improved but still miss their targets."},
                                         {"one": "{kpis} השתפר אך עדיין אינו עומד ביעד.",
                                          "other": "{kpis} השתפרו אך עדיין אינם עומדים ביעד."}),
    "measures.finding.improved": ({"one": "Improved: {kpis} — the process has shifted to a new level; recompute the "
                                          "control limits from the new level.",
                                   "other": "Improved: {kpis} — each process has shifted to a new level; recompute the "
                                            "control limits from the new levels."},
                                  {"one": "השתפר: {kpis} — התהליך עבר לרמה חדשה; יש לחשב מחדש את גבולות הבקרה מהרמה "
                                          "החדשה.",
                                   "other": "השתפרו: {kpis} — כל תהליך עבר לרמה חדשה; יש לחשב מחדש את גבולות הבקרה "
                                            "מהרמות החדשות."}),
    "measures.finding.scope_all": ("all services, all channels", "כל השירותים, כל הערוצים"),
    "measures.finding.scope": ("service {service}, {channel}", "שירות {service}, {channel}"),
    "measures.finding.days": ({"one": "{days} day", "other": "{days} days"},
                              {"one": "יום אחד", "two": "יומיים", "other": "{days} ימים"}),
    "measures.finding.standard": ("{pct} of cases were resolved within the standard of {days} ({scope}; {level}% "
                                  "confidence interval {low}–{high}; {base}): a case closed within {days} meets it, one "
                                  "closed later or still open past {days} does not{pending}.",
                                  "{pct} מהפניות טופלו בתוך אמת המידה של {days} ({scope}; רווח סמך {level}%: "
                                  "{low}–{high}; {base}): פנייה שנסגרה בתוך {days} עמדה בה, ופנייה שנסגרה מאוחר יותר "
                                  "או שעדיין פתוחה אחרי {days} — לא{pending}."),
    "measures.finding.pending": ({"one": "; one open case still within it is not counted yet",
                                  "other": "; {count} open cases still within it are not counted yet"},
                                 {"one": "; פנייה פתוחה אחת שעדיין בתוכה אינה נספרת עדיין",
                                  "two": "; שתי פניות פתוחות שעדיין בתוכה אינן נספרות עדיין",
                                  "other": "; {count} פניות פתוחות שעדיין בתוכה אינן נספרות עדיין"}),
    "measures.finding.response": ("{pct} had a first response — the next event after the citizen's contact — within "
                                  "{days} ({scope}; {base}): a case answered later or still unanswered past {days} "
                                  "has not{pending}.",
                                  "{pct} קיבלו מענה ראשון — האירוע הבא אחרי פניית התושב — בתוך {days} ({scope}; "
                                  "{base}); פנייה שנענתה מאוחר יותר או שטרם נענתה אחרי {days} — לא{pending}."),
    "measures.finding.units_differ": ("On {item}, units significantly higher than all the other units together: "
                                      "{higher}; significantly lower: {lower}.",
                                      "ב{item}, יחידות גבוהות באופן מובהק מכל שאר היחידות יחד: {higher}; נמוכות באופן "
                                      "מובהק: {lower}."),
    "measures.finding.units_same": ("On {item}, no unit differs significantly from all the other units: the differences "
                                    "seen are within the noise.",
                                    "ב{item} אין יחידה השונה באופן מובהק משאר היחידות: ההבדלים הנראים הם בתחום הרעש."),
    "measures.finding.concentrate": ({"one": "Concentrate here: {items} matters most to {outcome} and performs below "
                                             "average.",
                                      "other": "Concentrate here: {items} matter most to {outcome} and perform below "
                                               "average."},
                                     {"one": "להתמקד כאן: {items} — חשוב במיוחד ל{outcome} וביצועיו מתחת לממוצע.",
                                      "other": "להתמקד כאן: {items} — חשובים במיוחד ל{outcome} וביצועיהם מתחת "
                                               "לממוצע."}),
    "measures.finding.driver": ("The strongest driver of {outcome} is {driver} ({share} of what the drivers explain).",
                                "גורם המפתח החזק ביותר של {outcome} הוא {driver} ({share} ממה שהגורמים מסבירים)."),
    # takeaways: one sentence under each chart (by its slug)
    "measures.takeaway.survey_items": ("{item}: {pct} agree; {weakest}", "{item}: {pct} מסכימים; {weakest}"),
    "measures.takeaway.weakest": ({"one": "the weakest item is {items}.", "other": "the weakest items are {items}."},
                                  {"one": "הפריט החלש ביותר: {items}.", "other": "הפריטים החלשים ביותר: {items}."}),
    "measures.takeaway.wave_trend": ("{item} went from {before} in {first} to {after} in {last} ({change} points; "
                                     "{level}% confidence interval {low} to {high}).",
                                     "{item}: מ־{before} ב{first} ל־{after} ב{last} ({change} נקודות; רווח סמך "
                                     "{level}%: {low} עד {high})."),
    "measures.takeaway.nps": ("The Net Promoter Score is {nps} overall ({level}% confidence interval {low} to {high}); "
                              "the lowest group shown is {group}.",
                              "מדד NPS הכולל עומד על {nps} (רווח סמך {level}%: {low} עד {high}); הקבוצה הנמוכה ביותר "
                              "בתרשים: {group}."),
    "measures.takeaway.nps_all": ("The Net Promoter Score is {nps} overall ({level}% confidence interval {low} to "
                                  "{high}).",
                                  "מדד NPS הכולל עומד על {nps} (רווח סמך {level}%: {low} עד {high})."),
    "measures.takeaway.drivers": ("{driver} explains the largest share of {outcome}: {share} of what the drivers "
                                  "explain ({level}% interval {low}–{high}).",
                                  "{driver} מסביר את החלק הגדול ביותר של {outcome}: {share} ממה שהגורמים מסבירים "
                                  "(רווח {level}%: {low}–{high})."),
    "measures.takeaway.ipa": ({"one": "Concentrate here: {items} — important to {outcome} and below the average "
                                      "performance.",
                               "other": "Concentrate here: {items} — important to {outcome} and below the average "
                                        "performance."},
                              {"one": "להתמקד כאן: {items} — חשוב ל{outcome} וביצועיו מתחת לממוצע.",
                               "other": "להתמקד כאן: {items} — חשובים ל{outcome} וביצועיהם מתחת לממוצע."}),
    "measures.takeaway.ipa_none": ("No item is both important to {outcome} and below the average performance.",
                                   "אין פריט שהוא גם חשוב ל{outcome} וגם מתחת לממוצע הביצועים."),
    "measures.takeaway.themes": ("The most frequent theme is {theme}: {share} of the comments ({base}).",
                                 "הנושא השכיח ביותר: {theme} — {share} מההערות ({base})."),
    "measures.takeaway.control": ("{kpi}: {last} in {period}, against a target of {target}. {reading}",
                                  "{kpi}: {last} ב{period}, מול יעד של {target}. {reading}"),
    "measures.takeaway.control_no_target": ("{kpi}: {last} in {period}. {reading}", "{kpi}: {last} ב{period}. {reading}"),
    "measures.takeaway.reading.improved_shift": ("Improved: the process has shifted to a new level, ≈ {level} since "
                                                 "{period}; recompute the limits from the new level.",
                                                 "השתפר: התהליך עבר לרמה חדשה, ≈ {level} החל מ{period}; יש לחשב מחדש "
                                                 "את הגבולות מהרמה החדשה."),
    "measures.takeaway.reading.deteriorated_shift": ("Worsened: the process has shifted to a new level, ≈ {level} since "
                                                     "{period}; find the cause and remove it.",
                                                     "החמיר: התהליך עבר לרמה חדשה, ≈ {level} החל מ{period}; יש לאתר את "
                                                     "הגורם ולהסירו."),
    "measures.takeaway.reading.unstable_shift": ("Unstable: signals in both directions, and the level has shifted to "
                                                 "≈ {level} since {period}.",
                                                 "לא יציב: אותות לשני הכיוונים, והרמה השתנתה ל־≈ {level} החל "
                                                 "מ{period}."),
    "measures.takeaway.reading.improved": ("Improved: signals in the good direction only; find what went right and keep "
                                           "it.",
                                           "השתפר: אותות בכיוון הרצוי בלבד; כדאי לברר מה הצליח ולשמר אותו."),
    "measures.takeaway.reading.deteriorated": ("Worsened: signals in the bad direction; find the special cause.",
                                               "החמיר: אותות בכיוון הלא רצוי; יש לאתר את הגורם המיוחד."),
    "measures.takeaway.reading.unstable": ("Unstable: signals in both directions; find the special causes.",
                                           "לא יציב: אותות לשני הכיוונים; יש לאתר את הגורמים המיוחדים."),
    "measures.takeaway.reading.stable": ("Stable: no signal; the points vary within the control limits.",
                                         "יציב: אין אותות; הנקודות נעות בתוך גבולות הבקרה."),
    "measures.takeaway.reading.none": ("The chart is not read against a direction.", "התרשים לא נקרא מול כיוון רצוי."),
    "measures.takeaway.standards": ("{pct} of cases were resolved within the standard of {days} ({scope}; {base}).",
                                    "{pct} מהפניות טופלו בתוך אמת המידה של {days} ({scope}; {base})."),
    "measures.takeaway.response": ("{pct} of cases had a first response within {days} ({scope}; {base}).",
                                   "{pct} מהפניות קיבלו מענה ראשון בתוך {days} ({scope}; {base})."),
    # methods (the report's methods appendix, not its body)
    "measures.method_text.shares": ("Survey: the share agreeing counts the two highest answers of the 5-point items "
                                    "(4–5; 5–7 on the 7-point customer-effort item), with Wilson score intervals "
                                    "(Wilson 1927); means on a 0–100 scale with Student-t intervals; {level}% "
                                    "confidence throughout.  An estimate is flagged unstable when its effective sample "
                                    "is under 30 or its interval is 30 points wide or more (NCHS data presentation "
                                    "standards, Parker et al. 2017).  Groups under the minimum group size ({min}) are "
                                    "suppressed, with secondary suppression (Hundepool et al. 2012, §4.2).",
                                    "סקר: שיעור המסכימים סופר את שתי התשובות הגבוהות בפריטים בני 5 הדרגות (4–5; 5–7 "
                                    "בפריט מאמץ הפונה בן 7 הדרגות), עם רווחי סמך Wilson ‏(1927); ממוצעים בסולם 0–100 "
                                    "עם רווחי סמך t; רמת סמך {level}% בכל מקום.  אומדן מסומן כלא יציב כשהמדגם האפקטיבי "
                                    "קטן מ־30 או שרוחב רווח הסמך 30 נקודות או יותר (תקני הצגת הנתונים של המרכז הלאומי "
                                    "האמריקני לסטטיסטיקה של בריאות, פרקר ועמיתיו 2017).  קבוצות קטנות מגודל הקבוצה "
                                    "המינימלי ({min}) מוסתרות, עם הסתרה משנית (הונדפול ועמיתיו 2012, §4.2)."),
    "measures.method_text.differences": ("Differences between two independent shares (a unit against all the other "
                                         "units, a wave against the one before, the last wave against the first): "
                                         "Newcombe's hybrid score interval (Newcombe 1998, method 10); differences of "
                                         "mean scores: Welch's t interval (Welch 1947).  A difference is called "
                                         "significant only when its interval excludes zero.  The trend across all the "
                                         "waves: the Cochran–Armitage test for a linear trend in proportions (Cochran "
                                         "1954; Armitage 1955; waves scored 0, 1, 2 … in order), two-sided at the "
                                         "{level}% level.",
                                         "הפרשים בין שני שיעורים בלתי תלויים (יחידה מול שאר היחידות, גל מול הגל שלפניו, "
                                         "הגל האחרון מול הראשון): רווח הסמך ההיברידי של Newcombe ‏(1998, שיטה 10); "
                                         "הפרשים בין ציונים ממוצעים: רווח t של ולש (1947).  הפרש נחשב מובהק רק כשרווח "
                                         "הסמך שלו אינו כולל אפס.  המגמה לאורך כל הגלים: מבחן קוקרן–ארמיטג' למגמה "
                                         "ליניארית בשיעורים (קוקרן 1954; ארמיטג' 1955; הגלים מקבלים ציונים 0, 1, 2 … "
                                         "לפי הסדר), דו־צדדי ברמה {level}%."),
    "measures.method_text.unit_family": ("Each unit against all the other units: the units compared on one item are "
                                         "one family (as in the analysis of means: Nelson, Wludyka & Copeland 2005), "
                                         "so their intervals are simultaneous — each at the Bonferroni level (Dunn "
                                         "1961), with m units 1 − {alpha}%/m (e.g. {example}% for {m} units) — and the "
                                         "chance of calling any unit of an item different when none is stays under "
                                         "{alpha}%.  The limits in the table are those intervals' limits.",
                                         "כל יחידה מול שאר היחידות: היחידות המושוות באותו פריט הן משפחה אחת (כמו בניתוח "
                                         "ממוצעים: נלסון, וולודיקה וקופלנד 2005), ולכן רווחי הסמך שלהן סימולטניים — כל "
                                         "אחד ברמת בונפרוני (דאן 1961), עם m יחידות ‎1 − {alpha}%/m (למשל {example}% "
                                         "ל־{m} יחידות) — והסיכוי לקבוע שיחידה כלשהי שונה בפריט כשאף אחת אינה שונה "
                                         "נשאר מתחת ל־{alpha}%.  הגבולות בטבלה הם של רווחים אלה."),
    "measures.method_text.nps": ("Net Promoter Score: promoters (9–10) minus detractors (0–6), with Rocks' (2016) "
                                 "adjusted-Wald interval (¾ added to promoters and detractors, 3 to n).",
                                 "מדד NPS: ממליצים (9–10) פחות מבקרים (0–6), עם רווח ואלד המתוקן של רוקס (2016) "
                                 "(¾ נוספים לממליצים ולמבקרים, 3 לגודל המדגם)."),
    "measures.method_text.drivers": ("Key drivers of {outcome}: the Shapley decomposition of R² (LMG; Lindeman, Merenda "
                                     "& Gold 1980; Lipovetsky & Conklin 2001) and Johnson's (2000) relative weights, "
                                     "with percentile intervals from {n_boot} bootstrap resamples (random seed {seed}); "
                                     "importance–performance quadrants (Martilla & James 1977) from the point "
                                     "estimates.",
                                     "גורמי המפתח של {outcome}: פירוק Shapley של R² ‏(LMG; לינדמן, מרנדה וגולד 1980; "
                                     "ליפובצקי וקונקלין 2001) ומשקלים יחסיים של Johnson ‏(2000), עם רווחי אחוזונים "
                                     "מ־{n_boot} דגימות חוזרות (בוטסטרפ, זרע אקראי {seed}); רביעי חשיבות–ביצוע "
                                     "(מרטילה וג'יימס 1977) לפי האומדנים הנקודתיים."),
    "measures.method_text.weighting": ("Weighting: raking to the known volumes (Deming & Stephan 1940); weighted "
                                       "intervals use Kish's (1965) effective sample size.",
                                       "שקלול: התאמה איטרטיבית להיקפים הידועים (דמינג וסטפן 1940); רווחי סמך "
                                       "משוקללים לפי גודל המדגם האפקטיבי של קיש (1965)."),
    "measures.method_text.kpis": ("KPIs: XmR charts for means and counts (Wheeler & Chambers 1992; d₂ = 1.128), "
                                  "p-charts for proportions with a limit for each sample size, and Laney's p′ chart "
                                  "when the samples are very large (Laney 2002); Western Electric rules 1–4; each "
                                  "signal read against the KPI's direction, and a sustained shift split into phases "
                                  "with their own centre lines and limits (Wheeler 2000, ch. 6; Montgomery §5.3, "
                                  "§6.3); trend: the Theil–Sen slope (Sen 1968) when its 95% interval excludes zero; "
                                  "amber when a missed target is within 5% of it.  A KPI whose name names a survey "
                                  "item (such as “satisfied”) is set beside that item.",
                                  "מדדים: תרשימי XmR לממוצעים ולספירות (ווילר וצ'יימברס 1992; d₂ = 1.128), תרשימי p "
                                  "לשיעורים עם גבול לכל גודל מדגם, ותרשים p′ של Laney כשהמדגמים גדולים מאוד (2002); "
                                  "כללי Western Electric ‏1–4; כל אות נקרא מול הכיוון הרצוי של המדד, ושינוי מתמשך "
                                  "מחולק לשלבים עם קו מרכז וגבולות משלהם (ווילר 2000, פרק 6; מונטגומרי §5.3, §6.3); "
                                  "מגמה: שיפוע תייל–סן (סן 1968) כשרווח הסמך 95% שלו אינו כולל אפס; צהוב כשיעד שלא "
                                  "הושג קרוב אליו עד 5%.  מדד ששמו מזכיר פריט סקר (כגון „מרוצים”) מוצג לצד אותו "
                                  "פריט."),
    "measures.method_text.standards": ("Service standards: times per case from the case-log engine (the same closure, "
                                       "first response and resolution as the journeys section), each share with a "
                                       "Wilson interval; an open case still without a resolution (or, for a "
                                       "first-response standard, still unanswered) counts as not met once it is older "
                                       "than the standard, and is left out while still within it.  The medians count "
                                       "those cases still waiting as the journeys section does (Kaplan–Meier); a "
                                       "median is not estimated (—) while more than half are still waiting.",
                                       "אמות מידה לשירות: הזמנים של כל פנייה ממנוע יומן הפניות (אותה סגירה, אותו "
                                       "מענה ראשון ואותו זמן טיפול כמו בפרק מסע הלקוח), כל שיעור עם רווח סמך Wilson; "
                                       "פנייה פתוחה שטרם טופלה (או, באמת מידה למענה ראשון, שטרם נענתה) נספרת כלא "
                                       "עומדת כשגילה עובר את אמת המידה, ואינה נספרת כל עוד היא בתוכה.  החציונים "
                                       "כוללים את הפניות שעדיין ממתינות, כמו בפרק מסע הלקוח (קפלן–מאייר); אין אומדן "
                                       "לחציון (—) כל עוד יותר ממחצית הפניות עדיין ממתינות."),
    "measures.col.wave_first": ("First wave", "גל ראשון"),
    "measures.col.wave_last": ("Last wave", "גל אחרון"),
    "measures.col.pct_first": ("% agree (first)", "שיעור המסכימים (ראשון, %)"),
    "measures.col.pct_last": ("% agree (last)", "שיעור המסכימים (אחרון, %)"),
    "measures.col.mean_diff": ("Mean score (0–100): difference", "ציון ממוצע (0–100): הפרש"),
    "measures.col.trend": ("Trend across all waves", "מגמה לאורך כל הגלים"),
    "measures.col.p_trend": ("Trend: p-value", "מגמה: ערך p"),
    "measures.trend_wave.up": ("Rising", "עולה"),
    "measures.trend_wave.down": ("Falling", "יורדת"),
    "measures.trend_wave.same": ("No clear trend", "אין מגמה ברורה"),
    # errors (bad analysis input), raised in English (no report language at hand); a skipped part's reason is
    # worded in the report's language.  The English texts name the argument or sheet as written in code.
    "measures.error.confidence": ("confidence must be a number strictly between 0 and 1 (e.g. 0.95); found {found}",
                                  "confidence חייב להיות מספר הגדול מ־0 והקטן מ־1 (למשל 0.95); נמצא {found}"),
    "measures.error.numbers": ("{name} must be numbers; found {found}", "{name} חייבים להיות מספרים; נמצא {found}"),
    "measures.error.shape": ("successes and n must have the same shape; found {successes} and {n}",
                             "successes ו־n חייבים להיות באותו מבנה; נמצאו {successes} ו־{n}"),
    "measures.error.successes": ("expected 0 ≤ successes ≤ n; found successes={successes}, n={n}",
                                 "נדרש 0 ≤ successes ≤ n; נמצא successes={successes}, n={n}"),
    "measures.error.nps_range": ("NPS scores must lie between 0 and 10; found {found}",
                                 "ציוני NPS חייבים להיות בין 0 ל־10; נמצא {found}"),
    "measures.error.ces_range": ("CES scores must lie between 1 and 7; found {found}",
                                 "ציוני CES חייבים להיות בין 1 ל־7; נמצא {found}"),
    "measures.error.items": ("unknown survey item(s) {unknown}; expected some of {expected}",
                             "פריטי סקר לא מוכרים: {unknown}; נדרשים חלק מ־{expected}"),
    "measures.error.weights_length": ("weights must have one value per response ({n}); found {found}",
                                      "weights: נדרש ערך אחד לכל משיב ({n}); נמצאו {found}"),
    "measures.error.item_range": ("{item} scores must lie between {lo} and {hi}; found {found}",
                                  "ציוני {item} חייבים להיות בין {lo} ל־{hi}; נמצא {found}"),
    "measures.error.rake_margins": ("raking needs at least one margin (column → known totals)",
                                    "שקלול (raking) דורש לפחות התפלגות שולית אחת (עמודה ← סכומים ידועים)"),
    "measures.error.rake_empty": ("raking needs at least one response; found none",
                                  "שקלול (raking) דורש לפחות משיב אחד; לא נמצא אף משיב"),
    "measures.error.rake_totals": ("raking totals for {column} must be positive numbers; found {found}",
                                   "הסכומים הידועים של {column} לשקלול חייבים להיות מספרים חיוביים; נמצא {found}"),
    "measures.error.rake_missing": ("raking: {n} response(s) have no {column}; expected a value in every row",
                                    "שקלול: ל־{n} משיבים אין {column}; נדרש ערך בכל שורה"),
    "measures.error.rake_unknown": ("raking: no known total for {column} = {values}",
                                    "שקלול: אין סכום ידוע עבור {column} = {values}"),
    "measures.error.rake_absent": ("raking: no response for {column} = {values}; expected at least one response per "
                                   "category with a known total",
                                   "שקלול: אין משיבים עבור {column} = {values}; נדרש לפחות משיב אחד בכל קטגוריה שיש "
                                   "לה סכום ידוע"),
    "measures.error.rake_converge": ("raking did not converge in {max_iter} iterations (largest margin error {err}); "
                                     "the known totals may be inconsistent with the responses",
                                     "השקלול לא התכנס אחרי {max_iter} איטרציות (הסטייה הגדולה ביותר בשוליים: {err}); "
                                     "ייתכן שהסכומים הידועים אינם מתיישבים עם התשובות"),
    "measures.error.weighting_known": ("only {n} responses have a known volume", "רק ל־{n} משיבים יש היקף ידוע"),
    "measures.error.theme": ("a code-frame theme needs a key, names and at least one keyword; found {found}",
                             "נושא במסגרת הקידוד דורש מפתח, שמות ולפחות מילת מפתח אחת; נמצא {found}"),
    "measures.error.code_frame": ("code_frame must be a CodeFrame; found {found}",
                                  "code_frame חייב להיות CodeFrame; נמצא {found}"),
    "measures.error.no_driver": ("driver analysis needs at least one driver; found none",
                                 "ניתוח גורמי מפתח דורש לפחות גורם אחד; לא נמצא אף גורם"),
    "measures.error.drivers_distinct": ("drivers must be distinct and differ from the outcome {outcome}; found {found}",
                                        "הגורמים חייבים להיות שונים זה מזה ומהמדד המוסבר {outcome}; נמצא {found}"),
    "measures.error.drivers_max": ("the exact decomposition handles at most {max} drivers; found {found}",
                                   "הפירוק המדויק מטפל לכל היותר ב־{max} גורמים; נמצאו {found}"),
    "measures.error.drivers_numeric": ("driver analysis needs numeric columns; {reason}",
                                       "ניתוח גורמי מפתח דורש עמודות מספריות; {reason}"),
    "measures.error.drivers_complete": ("driver analysis needs at least {need} complete responses; found {found}",
                                        "ניתוח גורמי מפתח דורש לפחות {need} תשובות מלאות; נמצאו {found}"),
    "measures.error.drivers_constant": ("every answer to {columns} is the same; a driver analysis needs variation",
                                        "כל התשובות ל־{columns} זהות; ניתוח גורמי מפתח דורש שונות"),
    "measures.error.collinear": ("the drivers are perfectly collinear (one is a linear combination of the others); "
                                 "drop one of them",
                                 "הגורמים תלויים זה בזה לחלוטין (אחד מהם צירוף ליניארי של האחרים); יש להשמיט אחד "
                                 "מהם"),
    "measures.error.n_boot": ("n_boot must be a whole number ≥ 0; found {found}",
                              "n_boot חייב להיות מספר שלם ≥ 0; נמצא {found}"),
    "measures.error.ipa_series": ("importance and performance must be pandas Series indexed by item",
                                  "importance ו־performance חייבים להיות pandas Series שהאינדקס שלהם הוא הפריט"),
    "measures.error.ipa_common": ("importance and performance share no item; found {importance} and {performance}",
                                  "אין פריט משותף ל־importance ול־performance; נמצאו {importance} ו־{performance}"),
    "measures.error.xmr_short": ("an XmR chart needs at least 2 values; found {found}",
                                 "תרשים XmR דורש לפחות 2 ערכים; נמצאו {found}"),
    "measures.error.p_length": ("counts and sizes must have the same length; found {counts} and {sizes}",
                                "counts ו־sizes חייבים להיות באותו אורך; נמצאו {counts} ו־{sizes}"),
    "measures.error.p_missing": ("a p-chart needs a count and a sample size for every period; found missing values",
                                 "תרשים p דורש מונה וגודל מדגם לכל תקופה; נמצאו ערכים חסרים"),
    "measures.error.p_counts": ("a p-chart needs sample sizes > 0 and 0 ≤ count ≤ size in every period",
                                "תרשים p דורש בכל תקופה גודל מדגם > 0 ו־0 ≤ מונה ≤ גודל המדגם"),
    "measures.error.periods": ("periods must have one entry per value ({n}); found {found}",
                               "periods: נדרשת תקופה אחת לכל ערך ({n}); נמצאו {found}"),
    "measures.error.kind": ("kind must be mean, proportion or count; found {found}",
                            "kind חייב להיות mean‏, proportion או count; נמצא {found}"),
    "measures.error.direction": ("direction must be higher or lower; found {found}",
                                 "direction חייב להיות higher או lower; נמצא {found}"),
    "measures.error.proportions": ("proportions must lie between 0 and 1", "שיעורים חייבים להיות בין 0 ל־1"),
    "measures.error.outcome": ("outcome must be one of {expected}; found {found}",
                               "outcome חייב להיות אחד מאלה: {expected}; נמצא {found}"),
    # what a column check (svcwork.common.require_columns) names; English in errors
    "measures.what.survey_table": ("survey table", "טבלת סקר"),
    "measures.what.group_comparison": ("group comparison", "השוואת קבוצות"),
    "measures.what.wave_comparison": ("wave comparison", "השוואת גלים"),
    "measures.what.raking": ("raking", "שקלול (raking)"),
    "measures.what.driver_analysis": ("driver analysis", "ניתוח גורמי מפתח"),
    "measures.what.kpis_sheet": ("KPI scorecard (KPIs sheet)", "כרטיס מדדים (גיליון KPIs)"),
    "measures.what.kpi_values_sheet": ("KPI scorecard (KPI values sheet)", "כרטיס מדדים (גיליון KPI values)"),
    "measures.what.standards_cases": ("service standards (case log)", "אמות מידה לשירות (קובץ פניות)"),
    "measures.what.standards_sheet": ("service standards (Standards sheet)", "אמות מידה לשירות (גיליון Standards)"),
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
    # a proportion KPI's numbers typed as percentages (svcwork.measures.kpis._on_share_scale)
    "measures.note.kpi_percent": ("KPI {kpi} is a proportion (0–1), but its values for {periods} can only be "
                                  "percentages: they were divided by 100.",
                                  "המדד {kpi} הוא שיעור (0–1), אבל ערכיו עבור {periods} יכולים להיות רק אחוזים: הם "
                                  "חולקו ב־100."),
    "measures.note.kpi_not_proportion": ("KPI {kpi} is a proportion, but its values for {periods} are neither shares "
                                         "(0–1) nor percentages (0–100): they were left out.",
                                         "המדד {kpi} הוא שיעור, אבל ערכיו עבור {periods} אינם שיעורים (0–1) ואינם "
                                         "אחוזים (0–100): הם לא נכללו."),
    "measures.note.kpi_target_percent": ("KPI {kpi} is a proportion (0–1), but its target {value} can only be a "
                                         "percentage: it was read as {read}.",
                                         "המדד {kpi} הוא שיעור (0–1), אבל היעד שלו {value} יכול להיות רק אחוז: הוא "
                                         "נקרא כ־{read}."),
    "measures.note.kpi_target_not_proportion": ("KPI {kpi} is a proportion, but its target {value} is neither a share "
                                                "(0–1) nor a percentage (0–100): it was left out.",
                                                "המדד {kpi} הוא שיעור, אבל היעד שלו {value} אינו שיעור (0–1) ואינו "
                                                "אחוז (0–100): הוא לא נכלל."),
}
