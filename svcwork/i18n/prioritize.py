"""The prioritize messages of the catalogue (``prioritize.*`` keys): English and Hebrew, see :mod:`svcwork.i18n`."""

from __future__ import annotations

# --------------------------------------------------------------------------- analyses: one section per module (key prefix)
MESSAGES: dict[str, tuple[str, str]] = {   # "prioritize.*"
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
    "prioritize.error.weight_not_number": ("Expected a number as the weight of “{name}”; found “{value}”.",
                                           "נדרש מספר כמשקל של „{name}”; נמצא „{value}”."),
    "prioritize.error.off_scale": ("Expected the values of “{name}” on its scale from {low} to {high}; found {value} "
                                   "for service {service}.",
                                   "נדרשים ערכי „{name}” בסולם שלו, מ־{low} עד {high}; נמצא {value} לשירות {service}."),
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
    "prioritize.error.plan_value": ("Expected {what} of 0 or more for service {service}; found {value}.",
                                    "נדרש {what} של 0 ומעלה לשירות {service}; נמצא {value}."),
    "prioritize.error.plan_missing": ("Expected {what} for service {service}; none was given.",
                                      "נדרש {what} לשירות {service}; לא ניתן."),
    "prioritize.error.waves": ("Expected a whole number of waves, 1 or more; found {value}.",
                               "נדרש מספר שלם של גלים, 1 ומעלה; נמצא {value}."),
    "prioritize.error.capacity": ("Expected one non-negative capacity, or one per wave ({waves}); found {value}.",
                                  "נדרשת קיבולת אחת לא שלילית, או אחת לכל גל ({waves}); נמצא {value}."),
    "prioritize.error.discount": ("Expected a discount between 0 (exclusive) and 1; found {value}.",
                                  "נדרש מקדם היוון גדול מ־0 ועד 1; נמצא {value}."),
    "prioritize.error.plan_unknown": ("Service “{service}” in {what} is not among the services to plan.",
                                      "השירות „{service}” שברשימת {what} אינו בין השירותים לתכנון."),
    # which input of the roadmap a message names (prioritize.error.plan_*)
    "prioritize.plan_input.value": ("a value", "ערך"),
    "prioritize.plan_input.resources": ("a resources figure", "היקף משאבים"),
    "prioritize.plan_input.dependencies": ("the dependencies", "התלויות"),
    "prioritize.plan_input.mandatory": ("the mandatory services", "שירותי החובה"),
    "prioritize.plan_input.locked": ("the locked services", "השירותים שנקבעו לגל"),
    "prioritize.plan_input.quick_wins": ("the quick wins", "ההישגים המהירים"),
    "prioritize.plan_input.excluded": ("the services left out", "השירותים שהוצאו"),
    "prioritize.error.cycle": ("The dependencies form a cycle ({cycle}); expected each service to depend only on "
                               "services that come before it.",
                               "התלויות יוצרות מעגל ({cycle}); כל שירות צריך להיות תלוי רק בשירותים שקודמים לו."),
    "prioritize.error.solver": ("The optimiser stopped without a plan ({message}).",
                                "האופטימיזציה נעצרה בלי תוכנית ({message})."),
    # -- infeasible roadmap: which constraints clash
    "prioritize.conflict.locked_wave_range": ("Service {service} is locked to wave {wave}, but the roadmap has {waves} "
                                              "waves.",
                                              "השירות {service} נקבע לגל {wave}, אך במפת הדרכים יש {waves} גלים."),
    "prioritize.conflict.locked_wave_sheet": ({"one": "Services sheet, row {row}: service {service} is locked to wave "
                                                      "{wave} (locked_wave), but the roadmap has one wave (Engagement "
                                                      "sheet: waves). Expected wave 1, or a blank cell.",
                                               "other": "Services sheet, row {row}: service {service} is locked to wave "
                                                        "{wave} (locked_wave), but the roadmap has {waves} waves "
                                                        "(Engagement sheet: waves). Expected a wave from 1 to {waves}, "
                                                        "or a blank cell."},
                                              {"one": "גיליון השירותים, שורה {row}: השירות {service} נקבע לגל {wave} "
                                                      "(גל קבוע), אך במפת הדרכים יש גל אחד (גיליון פרטי הארגון: מספר "
                                                      "גלים). נדרש גל 1, או תא ריק.",
                                               "two": "גיליון השירותים, שורה {row}: השירות {service} נקבע לגל {wave} "
                                                      "(גל קבוע), אך במפת הדרכים יש שני גלים (גיליון פרטי הארגון: "
                                                      "מספר גלים). נדרש גל בין 1 ל־{waves}, או תא ריק.",
                                               "other": "גיליון השירותים, שורה {row}: השירות {service} נקבע לגל {wave} "
                                                        "(גל קבוע), אך במפת הדרכים יש {waves} גלים (גיליון פרטי הארגון: "
                                                        "מספר גלים). נדרש גל בין 1 ל־{waves}, או תא ריק."}),
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
    "prioritize.unit_one.days": ("person-day", "יום עבודה"),
    "prioritize.unit_one.effort_points": ("effort point", "נקודת מאמץ"),
    "prioritize.yes": ("yes", "כן"),
    "prioritize.none": ("none", "אין"),
    "prioritize.deferred": ("deferred", "נדחה לשלב מאוחר"),
    # -- reasoning per service (Priorities sheet)
    "prioritize.reason.score": ("score {score} = {parts}", "ציון {score} = {parts}"),
    "prioritize.reason.imputed": ("missing {criteria} taken as the median", "ערך חסר ב{criteria} הושלם בחציון"),
    "prioritize.reason.visible": (", visible", ", נראה"),
    "prioritize.reason.acceptability": ("in the top {n} in {p} of weight samples",
                                        "בין {n} הראשונים ב־{p} מדגימות המשקלים"),
    "prioritize.reason.topsis_in": ("the cross-check by closeness to the ideal puts it in the top {n} (rank {rank})",
                                    "לפי הבקרה בקרבה לאידיאל הוא בין {n} הראשונים (דירוג {rank})"),
    "prioritize.reason.topsis_out": ("the cross-check by closeness to the ideal puts it outside the top {n} (rank {rank})",
                                     "לפי הבקרה בקרבה לאידיאל הוא מחוץ ל־{n} הראשונים (דירוג {rank})"),
    "prioritize.reason.mandatory": ("mandatory", "חובה"),
    "prioritize.reason.wave": ("wave {wave}", "גל {wave}"),
    "prioritize.reason.locked": ("wave {wave} (locked by the consultant)", "גל {wave} (נקבע על ידי היועץ)"),
    "prioritize.reason.survey": ("the survey says concentrate here: {pct} do not agree on the items that matter most "
                                 "(services' mean {mean}; evidence beside the rank, not part of the score)",
                                 "לפי הסקר יש להתמקד כאן: {pct} אינם מסכימים בפריטים החשובים ביותר (ממוצע השירותים "
                                 "{mean}; ראיה לצד הדירוג, לא חלק מהציון)"),
    "prioritize.reason_code.capacity": ("capacity", "קיבולת"),
    "prioritize.reason_code.dependency": ("dependency", "תלות"),
    "prioritize.reason_code.low_value": ("low value", "ערך נמוך"),
    "prioritize.deferred.capacity": ("deferred for capacity: needs {days} {unit}, at most {free} free in any wave it "
                                     "could join",
                                     "נדחה לשלב מאוחר בשל קיבולת: דורש {days} {unit}, ובכל גל שאליו יכול להיכנס נותרו "
                                     "לכל היותר {free}"),
    "prioritize.deferred.dependency": ("deferred for a dependency: waits for {dependency}",
                                       "נדחה לשלב מאוחר בשל תלות: ממתין ל־{dependency}"),
    "prioritize.deferred.low_value": ("deferred for low value: score {value}, less value per {unit_one} than every "
                                      "service the roadmap chose freely (not the mandatory or locked ones)",
                                      "נדחה לשלב מאוחר בשל ערך נמוך: ציון {value}, ערך נמוך יותר לכל {unit_one} "
                                      "מכל שירות שמפת הדרכים בחרה בחופשיות (לא החובה או הנעולים)"),
    # -- table columns
    "prioritize.col.rank": ("Rank", "דירוג"),
    "prioritize.col.service_id": ("Service ID", "מזהה שירות"),
    "prioritize.col.service_name": ("Service", "שם השירות"),
    "prioritize.col.unit": ("Unit", "יחידה"),
    "prioritize.col.score": ("Score", "ציון"),
    "prioritize.col.quadrant": ("Quadrant", "רביע"),
    "prioritize.col.visibility": ("Visibility", "נראות"),
    "prioritize.col.wave": ("Wave", "גל"),
    "prioritize.col.p_top": ("Share of weight samples in the top {n}", "שיעור דגימות המשקלים שבהן השירות בין {n} הראשונים"),
    "prioritize.col.p_first": ("Share of weight samples ranked first", "שיעור דגימות המשקלים בדירוג ראשון"),
    "prioritize.col.expected_rank": ("Expected rank", "דירוג צפוי"),
    "prioritize.col.topsis_rank": ("Rank by closeness to the ideal (cross-check)", "דירוג לפי קרבה לאידיאל (בקרה)"),
    "prioritize.col.closeness": ("Closeness to the ideal (cross-check)", "קרבה לאידיאל (בקרה)"),
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
    "prioritize.col.top_from": ("Top {n} holds from", "{n} הראשונים נשמרים מ־"),
    "prioritize.col.top_to": ("Top {n} holds to", "{n} הראשונים נשמרים עד"),
    "prioritize.col.enters_below": ("Enters below the range", "נכנס מתחת לטווח"),
    "prioritize.col.enters_above": ("Enters above the range", "נכנס מעל הטווח"),
    "prioritize.col.ahead": ("Ahead", "לפני"),
    "prioritize.col.behind": ("Behind", "אחרי"),
    "prioritize.col.new_weight": ("Weight that reverses them", "המשקל שהופך את הסדר"),
    "prioritize.col.change": ("Change", "שינוי"),
    "prioritize.col.capacity": ("Capacity", "קיבולת"),
    "prioritize.col.wave_value": ("Value (discounted, ×{discount} per wave)", "ערך (מהוון, ×{discount} לכל גל)"),
    "prioritize.col.simple_services": ("Services if filled in score order", "שירותים במילוי לפי סדר הציונים"),
    "prioritize.col.simple_value": ("Value if filled in score order (discounted, ×{discount} per wave)",
                                    "ערך במילוי לפי סדר הציונים (מהוון, ×{discount} לכל גל)"),
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
    "prioritize.note.quick_wins_setting": ({"one": "The Engagement sheet requires at least one visible quick win in "
                                                   "wave 1.",
                                            "other": "The Engagement sheet requires at least {count} visible quick wins "
                                                     "in wave 1."},
                                           {"one": "גיליון פרטי הארגון דורש לפחות הישג מהיר נראה אחד בגל 1.",
                                            "two": "גיליון פרטי הארגון דורש לפחות שני הישגים מהירים נראים בגל 1.",
                                            "other": "גיליון פרטי הארגון דורש לפחות {count} הישגים מהירים נראים בגל "
                                                     "1."}),
    "prioritize.note.quick_wins_none": ("The Engagement sheet sets no minimum of visible quick wins in wave 1 (0).",
                                        "גיליון פרטי הארגון אינו קובע מינימום של הישגים מהירים נראים בגל 1 (0)."),
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
    "prioritize.chart.acceptability_title": ("How often each service ranks high, over {samples} weight samples",
                                             "באיזו תדירות כל שירות מדורג גבוה, על פני {samples} דגימות משקלים"),
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
    "prioritize.chart.mandatory": ("mandatory (outlined)", "חובה (במסגרת)"),
    # -- key figures: name and definition (svcwork.prioritize.figures)
    "prioritize.figure.score": ("Priority score of {item}", "ציון העדיפות של {item}"),
    "prioritize.figure.score.def": ("The service's weighted score: each criterion put on a scale from 0 to 1 (1 = best; "
                                    "effort and resources reversed, as less is better), multiplied by its weight, and "
                                    "added up. Between 0 and 1.",
                                    "הציון המשוקלל של השירות: כל קריטריון מומר לסולם 0 עד 1 (1 = הטוב ביותר; מאמץ "
                                    "ומשאבים הפוכים, כי פחות עדיף), מוכפל במשקלו, והתוצאות מסוכמות. בין 0 ל־1."),
    "prioritize.figure.p_top": ("Share of weight samples with {item} in the top N",
                                "שיעור דגימות המשקלים שבהן {item} בצמרת"),
    "prioritize.figure.p_top.def": ("Of the weight samples (weights drawn at random around the agreed ones), the share "
                                    "in which the service ranks among the top N by score. Shown to a tenth of a percent "
                                    "where a whole percentage would round it up onto a round figure.",
                                    "מתוך דגימות המשקלים (משקלים שנדגמו באקראי סביב המשקלים שנקבעו), השיעור שבו השירות "
                                    "מדורג בצמרת לפי הציון. מוצג בדיוק של עשירית האחוז כשאחוז שלם היה מעגל "
                                    "אותו כלפי מעלה למספר עגול."),
    "prioritize.figure.p_first": ("Share of weight samples with {item} ranked first",
                                  "שיעור דגימות המשקלים שבהן {item} מדורג ראשון"),
    "prioritize.figure.p_first.def": ("Of the weight samples (weights drawn at random around the agreed ones), the share "
                                      "in which the service has the highest score.",
                                      "מתוך דגימות המשקלים (משקלים שנדגמו באקראי סביב המשקלים שנקבעו), השיעור שבו "
                                      "לשירות הציון הגבוה ביותר."),
    "prioritize.figure.survey_signal": ("Survey: share not agreeing on the focus items, {item}",
                                        "סקר: שיעור שאינם מסכימים בפריטי המיקוד, {item}"),
    "prioritize.figure.survey_signal.def": ("Of the service's survey respondents, the share who do not agree on the items "
                                            "that matter most (the \"concentrate here\" items of the key driver "
                                            "analysis). Evidence shown beside the score, not part of it.",
                                            "מתוך משיבי הסקר על השירות, שיעור מי שאינם מסכימים בפריטים החשובים ביותר "
                                            "(פריטי \"להתמקד כאן\" בניתוח גורמי המפתח). ראיה המוצגת לצד הציון ואינה "
                                            "חלק ממנו."),
    "prioritize.figure.survey_mean": ("Survey: mean share not agreeing on the focus items",
                                      "סקר: השיעור הממוצע של מי שאינם מסכימים בפריטי המיקוד"),
    "prioritize.figure.survey_mean.def": ("The mean, over the services with survey responses, of the share not agreeing "
                                          "on the focus items: the line above which the survey points to a service.",
                                          "הממוצע, על פני השירותים שיש עליהם תשובות בסקר, של שיעור מי שאינם מסכימים "
                                          "בפריטי המיקוד: הקו שמעליו הסקר מצביע על שירות."),
    "prioritize.figure.survey_focus": ("Services the survey points to", "שירותים שהסקר מצביע עליהם"),
    "prioritize.figure.survey_focus.def": ("Services whose share not agreeing on the focus items is above the mean over "
                                           "the services (the cross-hair of importance–performance analysis).",
                                           "שירותים ששיעור מי שאינם מסכימים בפריטי המיקוד בהם גבוה מהממוצע על פני "
                                           "השירותים (קו החציה של ניתוח חשיבות–ביצוע)."),
    "prioritize.figure.survey_focus_later": ("Services the survey points to that are not in wave 1",
                                             "שירותים שהסקר מצביע עליהם ואינם בגל 1"),
    "prioritize.figure.survey_focus_later.def": ("Of the services the survey points to, those the roadmap puts in a later "
                                                 "wave or defers.",
                                                 "מבין השירותים שהסקר מצביע עליהם, אלה שמפת הדרכים משבצת בגל מאוחר יותר "
                                                 "או דוחה."),
    "prioritize.figure.weight": ("Weight of the criterion {item}", "משקל הקריטריון {item}"),
    "prioritize.figure.weight.def": ("The criterion's share of the score (the weights add up to 100%). Its range (low to "
                                     "high) is where this weight can move, the others rescaled in proportion, without "
                                     "changing which services are in the top N; rounded inwards to whole percentages.",
                                     "חלקו של הקריטריון בציון (סכום המשקלים 100%). הטווח (מהנמוך עד הגבוה) הוא התחום "
                                     "שבו המשקל יכול לזוז, כששאר המשקלים מותאמים באופן יחסי, בלי לשנות אילו שירותים "
                                     "בצמרת; מעוגל פנימה לאחוזים שלמים."),
    "prioritize.figure.top_n": ("N, the size of the top group", "גודל הקבוצה שבראש הדירוג"),
    "prioritize.figure.top_n.def": ("How many of the best-scoring services the robustness figures follow (the top N).",
                                    "כמה מהשירותים בעלי הציון הגבוה ביותר נבדקים במדדי היציבות (הצמרת)."),
    "prioritize.figure.services": ("Services ranked", "שירותים שדורגו"),
    "prioritize.figure.services.def": ("The services of the Services sheet, every one scored and ranked.",
                                       "השירותים שבגיליון השירותים; כולם קיבלו ציון ודורגו."),
    "prioritize.figure.criteria": ("Criteria of the score", "קריטריונים בציון"),
    "prioritize.figure.criteria.def": ("The criteria the score weighs (the Criteria or Pairwise sheet, or the defaults).",
                                       "הקריטריונים שהציון משקלל (מגיליון הקריטריונים או ההשוואות הזוגיות, או ברירת "
                                       "המחדל)."),
    "prioritize.figure.quick_wins": ("Quick wins", "הישגים מהירים"),
    "prioritize.figure.quick_wins.def": ("Services with benefit above the middle of the scale and effort below it (the "
                                         "effort and benefit matrix).",
                                         "שירותים שהתועלת שלהם מעל אמצע הסולם והמאמץ מתחתיו (מטריצת המאמץ והתועלת)."),
    "prioritize.figure.rank_correlation": ("Agreement with the cross-check ranking", "התאמה לדירוג הבקרה"),
    "prioritize.figure.rank_correlation.def": ("Spearman's rank correlation between the ranking by score and the ranking "
                                               "by closeness to an ideal service (TOPSIS); 1 means the same order.",
                                               "מתאם הדירוג של ספירמן בין הדירוג לפי הציון לבין הדירוג לפי קרבה לשירות "
                                               "אידיאלי (TOPSIS); 1 פירושו אותו סדר."),
    "prioritize.figure.consistency_ratio": ("Consistency ratio of the pairwise comparisons",
                                            "יחס העקביות של ההשוואות הזוגיות"),
    "prioritize.figure.consistency_ratio.def": ("How far the pairwise judgements contradict one another (Saaty's "
                                                "consistency ratio, CI/RI); 0 means fully consistent.",
                                                "עד כמה השיפוטים הזוגיים סותרים זה את זה (יחס העקביות של Saaty, CI/RI); "
                                                "0 פירושו עקביות מלאה."),
    "prioritize.figure.cr_limit": ("Limit of the consistency ratio", "סף יחס העקביות"),
    "prioritize.figure.cr_limit.def": ("The consistency ratio above which the judgements should be asked again (Saaty "
                                       "1980).",
                                       "יחס העקביות שמעליו יש לשאול שוב את השיפוטים (Saaty 1980)."),
    "prioritize.figure.judgement_given": ("The judgement that departs most", "השיפוט החורג ביותר"),
    "prioritize.figure.judgement_given.def": ("The pairwise judgement (how many times more important the first criterion "
                                              "is than the second) that departs most from what the other judgements "
                                              "imply.",
                                              "השיפוט הזוגי (פי כמה הקריטריון הראשון חשוב מהשני) שחורג ביותר ממה "
                                              "ששאר השיפוטים מרמזים."),
    "prioritize.figure.judgement_consistent": ("The value that would agree with the other judgements",
                                               "הערך שהיה מתיישב עם שאר השיפוטים"),
    "prioritize.figure.judgement_consistent.def": ("The judgement the weights imply for that pair (the ratio of the two "
                                                   "weights).",
                                                   "השיפוט שהמשקלים מרמזים עבור הזוג הזה (היחס בין שני המשקלים)."),
    "prioritize.figure.gci": ("Geometric consistency index", "מדד העקביות הגאומטרי"),
    "prioritize.figure.gci.def": ("The consistency of the pairwise judgements for weights by the row geometric mean "
                                  "(Crawford & Williams 1985); 0 means fully consistent.",
                                  "עקביות השיפוטים הזוגיים כשהמשקלים מחושבים בממוצע הגאומטרי של השורות (קרופורד "
                                  "וויליאמס 1985); 0 פירושו עקביות מלאה."),
    "prioritize.figure.gci_limit": ("Limit of the geometric consistency index", "סף מדד העקביות הגאומטרי"),
    "prioritize.figure.gci_limit.def": ("The index above which the judgements should be asked again, for this number of "
                                        "criteria (Aguarón & Moreno-Jiménez 2003).",
                                        "המדד שמעליו יש לשאול שוב את השיפוטים, עבור מספר הקריטריונים הזה (אגוארון "
                                        "ומורנו־חימנס 2003)."),
    "prioritize.figure.planned": ("Services planned in the roadmap", "שירותים במפת הדרכים"),
    "prioritize.figure.planned.def": ("Services the roadmap places in one of its waves.",
                                      "שירותים שמפת הדרכים משבצת באחד מגליה."),
    "prioritize.figure.waves": ("Waves of the roadmap", "גלים במפת הדרכים"),
    "prioritize.figure.waves.def": ("The number of waves (Engagement sheet).", "מספר הגלים (גיליון פרטי הארגון)."),
    "prioritize.figure.wave_services": ("Services in wave {item}", "שירותים בגל {item}"),
    "prioritize.figure.wave_services.def": ("Services the roadmap places in wave {item}.",
                                            "שירותים שמפת הדרכים משבצת בגל {item}."),
    "prioritize.figure.deferred": ("Services deferred", "שירותים שנדחו לשלב מאוחר"),
    "prioritize.figure.deferred.def": ("Services the roadmap leaves out of every wave.",
                                       "שירותים שמפת הדרכים אינה משבצת באף גל."),
    "prioritize.figure.deferred_capacity": ("Services deferred for capacity", "שירותים שנדחו בשל קיבולת"),
    "prioritize.figure.deferred_capacity.def": ("Deferred services that fit no wave they could join.",
                                                "שירותים שנדחו משום שאינם נכנסים לאף גל שאליו יכלו להיכנס."),
    "prioritize.figure.deferred_dependency": ("Services deferred for a dependency", "שירותים שנדחו בשל תלות"),
    "prioritize.figure.deferred_dependency.def": ("Deferred services that wait for a service that is itself deferred.",
                                                  "שירותים שנדחו משום שהם ממתינים לשירות שנדחה בעצמו."),
    "prioritize.figure.deferred_low_value": ("Services deferred for low value", "שירותים שנדחו בשל ערך נמוך"),
    "prioritize.figure.deferred_low_value.def": ("Deferred services with less value per unit of work than every service "
                                                 "the roadmap chose freely (or a score of 0).",
                                                 "שירותים שנדחו משום שהערך שלהם לכל יחידת עבודה נמוך מזה של כל שירות "
                                                 "שמפת הדרכים בחרה בחופשיות (או שציונם 0)."),
    "prioritize.figure.deferred_excluded": ("Services left out in the workshop", "שירותים שהוצאו בסדנת התעדוף"),
    "prioritize.figure.deferred_excluded.def": ("Deferred services that the workshop left out of the roadmap.",
                                                "שירותים שנדחו משום שסדנת התעדוף הוציאה אותם ממפת הדרכים."),
    "prioritize.figure.discount": ("Worth of a wave against the one before", "שווי גל ביחס לגל שלפניו"),
    "prioritize.figure.discount.def": ("In the roadmap's value, a service planned one wave later counts for this share "
                                       "of its score: wave 2 this share, wave 3 this share of it again, and so on, so "
                                       "earlier waves are worth more.",
                                       "בערך של מפת הדרכים, שירות שמשובץ גל אחד מאוחר יותר נספר בשיעור הזה מציונו: גל "
                                       "2 בשיעור הזה, גל 3 בשיעור הזה ממנו שוב, וכן הלאה, כך שגלים מוקדמים שווים "
                                       "יותר."),
    "prioritize.figure.plan_value": ("Value of the roadmap", "ערך מפת הדרכים"),
    "prioritize.figure.plan_value.def": ("The planned services' scores added up, each counted at the worth of its wave.",
                                         "סכום הציונים של השירותים שבמפת הדרכים, כל אחד לפי שווי הגל שלו."),
    "prioritize.figure.simple_value": ("Value of filling the waves in score order", "ערך מילוי הגלים לפי סדר הציונים"),
    "prioritize.figure.simple_value.def": ("The same value for the plain alternative: services taken in score order, "
                                           "each into the earliest wave with room whose dependencies are already "
                                           "placed.",
                                           "אותו ערך עבור החלופה הפשוטה: השירותים נלקחים לפי סדר הציונים, כל אחד לגל "
                                           "המוקדם ביותר שיש בו מקום ושהשירותים שהוא תלוי בהם כבר שובצו."),
    "prioritize.figure.gain": ("Gain of the roadmap over the score order", "היתרון של מפת הדרכים על סדר הציונים"),
    "prioritize.figure.gain.def": ("The roadmap's value less the value of filling the waves in score order, divided by "
                                   "the latter.",
                                   "ערך מפת הדרכים פחות ערך מילוי הגלים לפי סדר הציונים, מחולק בערך האחרון."),
    # -- count phrases (CLDR plural forms by n)
    "prioritize.phrase.in_waves": ({"one": "in one wave", "other": "in {count} waves"},
                                   {"one": "בגל אחד", "two": "בשני גלים", "other": "ב־{count} גלים"}),
    "prioritize.phrase.planned_of": ({"one": "{planned} of {count} service", "other": "{planned} of {count} services"},
                                     {"one": "{planned} מתוך שירות יחיד", "two": "{planned} מתוך שני השירותים",
                                      "other": "{planned} מתוך {count} שירותים"}),
    "prioritize.phrase.deferred": ({"one": "one service is deferred", "other": "{count} services are deferred"},
                                   {"one": "שירות אחד נדחה לשלב מאוחר", "two": "שני שירותים נדחו לשלב מאוחר",
                                    "other": "{count} שירותים נדחו לשלב מאוחר"}),
    "prioritize.phrase.none_deferred": ("none is deferred", "אף שירות לא נדחה"),
    "prioritize.phrase.deferred_capacity": ({"one": "one for capacity", "other": "{count} for capacity"},
                                            {"one": "אחד בשל קיבולת", "two": "שניים בשל קיבולת",
                                             "other": "{count} בשל קיבולת"}),
    "prioritize.phrase.deferred_dependency": ({"one": "one for a dependency", "other": "{count} for a dependency"},
                                              {"one": "אחד בשל תלות", "two": "שניים בשל תלות",
                                               "other": "{count} בשל תלות"}),
    "prioritize.phrase.deferred_low_value": ({"one": "one for low value", "other": "{count} for low value"},
                                             {"one": "אחד בשל ערך נמוך", "two": "שניים בשל ערך נמוך",
                                              "other": "{count} בשל ערך נמוך"}),
    "prioritize.phrase.deferred_excluded": ({"one": "one left out in the workshop",
                                             "other": "{count} left out in the workshop"},
                                            {"one": "אחד הוצא בסדנת התעדוף", "two": "שניים הוצאו בסדנת התעדוף",
                                             "other": "{count} הוצאו בסדנת התעדוף"}),
    "prioritize.phrase.criteria": ({"one": "one criterion", "other": "{count} criteria"},
                                   {"one": "קריטריון אחד", "two": "שני קריטריונים", "other": "{count} קריטריונים"}),
    "prioritize.phrase.named": ("{id} ({name})", "{id} ({name})"),
    "prioritize.phrase.named_score": ("{id} ({name}, score {score})", "{id} ({name}, ציון {score})"),
    "prioritize.phrase.id_score": ("{id} (score {score})", "{id} (ציון {score})"),
    "prioritize.phrase.named_share": ("{id} ({name}, {share})", "{id} ({name}, {share})"),
    "prioritize.phrase.id_share": ("{id} ({share})", "{id} ({share})"),
    "prioritize.phrase.in_wave": ("{service} is in wave {wave}", "{service} בגל {wave}"),
    "prioritize.phrase.deferred_for": ("{service} is deferred ({reason})", "{service} נדחה לשלב מאוחר ({reason})"),
    "prioritize.phrase.and_more": ("and more in the waves table", "ועוד בטבלת הגלים"),
    "prioritize.source.ahp": ("the pairwise comparisons of the criteria (Pairwise sheet)",
                              "ההשוואות הזוגיות בין הקריטריונים (גיליון ההשוואות הזוגיות)"),
    "prioritize.source.direct": ("the weights entered in the Criteria sheet", "המשקלים שהוזנו בגיליון הקריטריונים"),
    # -- findings (every number a marked key figure; plain words, the methods in methods())
    "prioritize.finding.start": ({"one": "The roadmap starts with one service in wave 1: {services}.",
                                  "other": "The roadmap starts with {count} services in wave 1: {services}."},
                                 {"one": "מפת הדרכים מתחילה בשירות אחד בגל 1: {services}.",
                                  "two": "מפת הדרכים מתחילה בשני שירותים בגל 1: {services}.",
                                  "other": "מפת הדרכים מתחילה ב־{count} שירותים בגל 1: {services}."}),
    "prioritize.finding.start_none": ("The roadmap puts no service in wave 1.", "מפת הדרכים אינה משבצת אף שירות בגל 1."),
    "prioritize.finding.top_in_wave_1": ({"one": "The highest-scoring service, {services}, is in wave 1.",
                                          "other": "The highest-scoring services, {services}, are all in wave 1."},
                                         {"one": "השירות בעל הציון הגבוה ביותר, {services}, בגל 1.",
                                          "other": "השירותים בעלי הציון הגבוה ביותר, {services}, כולם בגל 1."}),
    "prioritize.finding.top_differs": ({"one": "Ranked by score alone (not the roadmap), the highest is {services}. "
                                               "The roadmap fits services into each wave's capacity, dependencies and "
                                               "required quick wins, so it does not simply follow the score: {placed}.",
                                        "other": "Ranked by score alone (not the roadmap), the highest are {services}. "
                                                 "The roadmap fits services into each wave's capacity, dependencies "
                                                 "and required quick wins, so it does not simply follow the score: "
                                                 "{placed}."},
                                       {"one": "לפי הציון בלבד (לא לפי מפת הדרכים), הגבוה ביותר הוא {services}. מפת "
                                               "הדרכים משבצת שירותים לפי הקיבולת של כל גל, התלויות וההישגים המהירים "
                                               "הנדרשים, ולכן אינה הולכת אחרי הציון בלבד: {placed}.",
                                        "other": "לפי הציון בלבד (לא לפי מפת הדרכים), הגבוהים ביותר הם {services}. "
                                                 "מפת הדרכים משבצת שירותים לפי הקיבולת של כל גל, התלויות וההישגים "
                                                 "המהירים הנדרשים, ולכן אינה הולכת אחרי הציון בלבד: {placed}."}),
    "prioritize.finding.top_follow": ({"one": "Ranked by score, the highest is {services}; the roadmap places it where "
                                              "filling the waves simply in score order would: {placed}.",
                                       "other": "Ranked by score, the highest are {services}; the roadmap places them "
                                                "where filling the waves simply in score order would: {placed}."},
                                      {"one": "לפי הציון, הגבוה ביותר הוא {services}; מפת הדרכים משבצת אותו היכן "
                                              "שהיה משבץ אותו מילוי הגלים פשוט לפי סדר הציונים: {placed}.",
                                       "other": "לפי הציון, הגבוהים ביותר הם {services}; מפת הדרכים משבצת אותם היכן "
                                                "שהיה משבץ אותם מילוי הגלים פשוט לפי סדר הציונים: {placed}."}),
    "prioritize.finding.top_only": ({"one": "Ranked by score, the highest is {services}.",
                                     "other": "Ranked by score, the highest are {services}."},
                                    {"one": "לפי הציון, הגבוה ביותר הוא {services}.",
                                     "other": "לפי הציון, הגבוהים ביותר הם {services}."}),
    "prioritize.finding.only_service": ("It is the engagement's only service: {services}.",
                                        "זה השירות היחיד של הארגון: {services}."),
    "prioritize.finding.infeasible": ("No roadmap satisfies every constraint: {clash}. The conflicts table gives the "
                                      "details.",
                                      "אין מפת דרכים שעומדת בכל האילוצים: {clash}. הפרטים בטבלת האילוצים הסותרים."),
    "prioritize.finding.plan": ("In all, the roadmap places {planned} {waves}; {deferred}.",
                                "בסך הכול מפת הדרכים משבצת {planned} {waves}; {deferred}."),
    "prioritize.finding.value": ("Its value adds up the planned services' scores, each wave counting for {discount} of "
                                 "the one before: {value}, against {simple} for filling the waves simply in score "
                                 "order{gain}.",
                                 "ערכה הוא סכום הציונים של השירותים שבה, כשכל גל נספר ב־{discount} מהגל שלפניו: "
                                 "{value}, לעומת {simple} במילוי הגלים פשוט לפי סדר הציונים{gain}."),
    "prioritize.finding.gain": (" ({gain} more)", " (יותר ב־{gain})"),
    "prioritize.finding.gain_none": (" (the same value)", " (אותו ערך)"),
    "prioritize.finding.simple_breaks": (" That simple order would also break a constraint (a mandatory service, a "
                                         "dependency or the quick wins required in wave 1).",
                                         " הסדר הפשוט הזה גם היה מפר אילוץ (שירות חובה, תלות או ההישגים המהירים "
                                         "הנדרשים בגל 1)."),
    "prioritize.finding.weights": ("The score weighs {criteria}, with weights from {source}; the heaviest is "
                                   "{criterion} ({weight}).",
                                   "הציון משקלל {criteria}, במשקלים שנקבעו לפי {source}; הכבד ביותר הוא {criterion} "
                                   "({weight})."),
    "prioritize.finding.weights_tied": ("The score weighs {criteria}, with weights from {source}; the heaviest are "
                                        "{criterion} ({weight} each).",
                                        "הציון משקלל {criteria}, במשקלים שנקבעו לפי {source}; הכבדים ביותר הם "
                                        "{criterion} ({weight} כל אחד)."),
    "prioritize.finding.weights_equal": ("The score weighs {criteria} equally.", "הציון משקלל {criteria} במשקל שווה."),
    "prioritize.finding.cr_ok": ("The comparisons are consistent enough (consistency ratio {cr}, within the usual limit "
                                 "of {limit}).",
                                 "ההשוואות עקביות דיין (יחס עקביות {cr}, בתוך הסף המקובל של {limit})."),
    "prioritize.finding.cr_bad": ("The comparisons contradict one another (consistency ratio {cr}, above the usual limit "
                                  "of {limit}): ask again about {a} versus {b} (answered {given}; about {consistent} "
                                  "would agree with the other answers).",
                                  "ההשוואות סותרות זו את זו (יחס עקביות {cr}, מעל הסף המקובל של {limit}): יש לשאול "
                                  "שוב על {a} מול {b} (התשובה הייתה {given}; ערך של כ־{consistent} היה מתיישב עם שאר "
                                  "התשובות)."),
    "prioritize.finding.gci_ok": ("The geometric consistency index is {gci}, within the limit of {limit} for {criteria}.",
                                  "מדד העקביות הגאומטרי הוא {gci}, בתוך הסף של {limit} עבור {criteria}."),
    "prioritize.finding.gci_bad": ("The geometric consistency index is {gci}, above the limit of {limit} for {criteria}.",
                                   "מדד העקביות הגאומטרי הוא {gci}, מעל הסף של {limit} עבור {criteria}."),
    "prioritize.finding.robust": ("With the weights varied at random around the agreed ones ({samples}), the top {top} "
                                  "by score ({services}) stay in the top {top} in between {low} and {high} of the "
                                  "samples.",
                                  "כשהמשקלים משתנים באקראי סביב המשקלים שנקבעו ({samples}), {top} הגבוהים בציון "
                                  "({services}) נשארים בין {top} הראשונים ב־{low} עד {high} מהדגימות."),
    "prioritize.finding.robust_same": ("With the weights varied at random around the agreed ones ({samples}), the top "
                                       "{top} by score ({services}) each stay in the top {top} in {p} of the samples.",
                                       "כשהמשקלים משתנים באקראי סביב המשקלים שנקבעו ({samples}), כל אחד מ־{top} "
                                       "הגבוהים בציון ({services}) נשאר בין {top} הראשונים ב־{p} מהדגימות."),
    "prioritize.finding.sensitive": ("The order is most sensitive to the weight of {criterion}: the top {top} stays the "
                                     "same while it is between {low} and {high} (now {weight}).",
                                     "הסדר רגיש ביותר למשקל של {criterion}: {top} הראשונים נשארים ללא שינוי כל עוד הוא "
                                     "בין {low} ל־{high} (כעת {weight})."),
    "prioritize.finding.insensitive": ("No single weight, moved on its own, changes the top {top}.",
                                       "שינוי של משקל יחיד לבדו אינו משנה את {top} הראשונים."),
    "prioritize.finding.crosscheck": ("A second way of scoring, by closeness to an ideal service, gives a ranking with a "
                                      "rank correlation of {rho} to this one; {flagged}.",
                                      "דרך ניקוד שנייה, לפי קרבה לשירות אידיאלי, נותנת דירוג עם מתאם דירוג של {rho} "
                                      "לדירוג הזה; {flagged}."),
    "prioritize.finding.flagged_none": ("no service's place in the top {top} depends on the way of scoring",
                                        "מקומו של אף שירות בין {top} הראשונים אינו תלוי בדרך הניקוד"),
    "prioritize.finding.flagged": ({"one": "whether {services} is in the top {top} depends on the way of scoring",
                                    "other": "whether {services} are in the top {top} depends on the way of scoring"},
                                   {"one": "השאלה אם {services} בין {top} הראשונים תלויה בדרך הניקוד",
                                    "other": "השאלה אם {services} בין {top} הראשונים תלויה בדרך הניקוד"}),
    "prioritize.finding.survey": ({"one": "The survey points to one service to concentrate on, where more respondents "
                                          "than on average across the services ({mean}) do not agree on the items that "
                                          "matter most: {services}.",
                                   "other": "The survey points to {count} services to concentrate on, where more "
                                            "respondents than on average across the services ({mean}) do not agree on "
                                            "the items that matter most: {services}."},
                                  {"one": "הסקר מצביע על שירות אחד שיש להתמקד בו, שבו יותר משיבים מהממוצע בשירותים "
                                          "({mean}) אינם מסכימים בפריטים החשובים ביותר: {services}.",
                                   "two": "הסקר מצביע על שני שירותים שיש להתמקד בהם, שבהם יותר משיבים מהממוצע "
                                          "בשירותים ({mean}) אינם מסכימים בפריטים החשובים ביותר: {services}.",
                                   "other": "הסקר מצביע על {count} שירותים שיש להתמקד בהם, שבהם יותר משיבים מהממוצע "
                                            "בשירותים ({mean}) אינם מסכימים בפריטים החשובים ביותר: {services}."}),
    "prioritize.finding.survey_later": ({"one": "The score does not include the survey, and one of them is not in wave "
                                                "1: {services}.",
                                         "other": "The score does not include the survey, and {count} of them are not in "
                                                  "wave 1: {services}."},
                                        {"one": "הציון אינו כולל את הסקר, ואחד מהם אינו בגל 1: {services}.",
                                         "two": "הציון אינו כולל את הסקר, ושניים מהם אינם בגל 1: {services}.",
                                         "other": "הציון אינו כולל את הסקר, ו־{count} מהם אינם בגל 1: {services}."}),
    "prioritize.finding.survey_none_first": ({"one": "The score does not include the survey, and that service is not in "
                                                     "wave 1: {services}.",
                                              "other": "The score does not include the survey, and none of them is in "
                                                       "wave 1: {services}."},
                                             {"one": "הציון אינו כולל את הסקר, והשירות הזה אינו בגל 1: {services}.",
                                              "other": "הציון אינו כולל את הסקר, ואף אחד מהם אינו בגל 1: {services}."}),
    "prioritize.finding.survey_first": ({"one": "The score does not include the survey, but that service is in wave 1.",
                                         "other": "The score does not include the survey, but all of them are in wave 1."},
                                        {"one": "הציון אינו כולל את הסקר, אך השירות הזה בגל 1.",
                                         "other": "הציון אינו כולל את הסקר, אך כולם בגל 1."}),
    "prioritize.finding.survey_no_plan": ("The score does not include the survey.", "הציון אינו כולל את הסקר."),
    "prioritize.finding.where_wave": ("{service}: wave {wave}", "{service}: גל {wave}"),
    "prioritize.finding.where_deferred": ("{service}: deferred ({reason})", "{service}: נדחה לשלב מאוחר ({reason})"),
    # -- why no roadmap, in a sentence (the conflicts table has the figures)
    "prioritize.clash.locked_wave_range": ("{service} is locked to wave {wave}, beyond the last wave",
                                           "{service} נקבע לגל {wave}, אחרי הגל האחרון"),
    "prioritize.clash.locked_wave_sheet": ("{service} is locked to wave {wave} in the Services sheet (row {row}), "
                                           "beyond the last wave",
                                           "{service} נקבע לגל {wave} בגיליון השירותים (שורה {row}), אחרי הגל האחרון"),
    "prioritize.clash.locked_before_dependency": ("{service} is locked to wave {wave}, before {dependency}, which it "
                                                  "depends on (wave {dependency_wave})",
                                                  "{service} נקבע לגל {wave}, לפני {dependency} שהוא תלוי בו (גל "
                                                  "{dependency_wave})"),
    "prioritize.clash.chain_too_long": ("{service} must be planned but ends a chain of dependencies longer than the waves "
                                        "left for it",
                                        "{service} חייב להיכלל בתוכנית אך הוא סוף שרשרת תלויות ארוכה מהגלים שנותרו לו"),
    "prioritize.clash.too_large": ("{service} must be planned but is larger than any wave",
                                   "{service} חייב להיכלל בתוכנית אך הוא גדול מכל גל"),
    "prioritize.clash.required_over_capacity": ("the mandatory and locked services need more than all waves hold",
                                                "שירותי החובה והשירותים שנקבעו לגל דורשים יותר מכל הגלים יחד"),
    "prioritize.clash.wave_overload": ("the services locked to wave {wave} need more than it holds",
                                       "השירותים שנקבעו לגל {wave} דורשים יותר ממה שיש בו"),
    "prioritize.clash.early_over_capacity": ("the services locked to wave {wave} or earlier need more than the waves up "
                                             "to then hold",
                                             "השירותים שנקבעו לגל {wave} או לפניו דורשים יותר ממה שיש בגלים עד אז"),
    "prioritize.clash.quick_wins_too_few": ("too few visible quick wins can go into wave 1",
                                            "מעט מדי הישגים מהירים נראים יכולים להיכנס לגל 1"),
    "prioritize.clash.quick_wins_capacity": ("the visible quick wins required in wave 1 do not fit into it",
                                             "ההישגים המהירים הנראים הנדרשים בגל 1 אינם נכנסים אליו"),
    "prioritize.clash.groups": ("these constraints cannot all hold together: {groups}",
                                "האילוצים האלה אינם יכולים להתקיים יחד: {groups}"),
    "prioritize.clash.input": ("the roadmap's input could not be used", "לא ניתן היה להשתמש בנתוני מפת הדרכים"),
    # -- takeaways: one sentence under each chart
    "prioritize.takeaway.matrix": ({"one": "One service is a quick win, high benefit for low effort: {services}.",
                                    "other": "{count} services are quick wins, high benefit for low effort: {services}."},
                                   {"one": "שירות אחד הוא הישג מהיר, תועלת גבוהה במאמץ נמוך: {services}.",
                                    "two": "שני שירותים הם הישגים מהירים, תועלת גבוהה במאמץ נמוך: {services}.",
                                    "other": "{count} שירותים הם הישגים מהירים, תועלת גבוהה במאמץ נמוך: {services}."}),
    "prioritize.takeaway.matrix_none": ("No service is a quick win (high benefit for low effort).",
                                        "אף שירות אינו הישג מהיר (תועלת גבוהה במאמץ נמוך)."),
    "prioritize.takeaway.acceptability": ("{service} ranks first in {p} of the {samples} drawn around the agreed weights; "
                                          "the bars show how often each service ranks in the top {top}.",
                                          "{service} מדורג ראשון ב־{p} מתוך {samples} שנדגמו סביב המשקלים שנקבעו; "
                                          "העמודות מראות באיזו תדירות כל שירות מדורג בין {top} הראשונים."),
    "prioritize.takeaway.waves": ("Wave 1 holds {services}; in all the roadmap places {planned} {waves}.",
                                  "בגל 1: {services}; בסך הכול מפת הדרכים משבצת {planned} {waves}."),
    "prioritize.takeaway.no_plan": ("No roadmap satisfies every constraint; the chart names the constraints that clash.",
                                    "אין מפת דרכים שעומדת בכל האילוצים; התרשים מציין את האילוצים הסותרים."),
    # -- methods appendix (method names, parameters, seeds, sources)
    "prioritize.methods.score": ("Score: the weighted sum of the criteria (simple additive weighting; Fishburn 1967). "
                                 "Each criterion is put on 0–1 with 1 = best: the 1–5 scores on their scale, other "
                                 "criteria from their lowest to their highest value; costs (effort, resources) are "
                                 "reversed; a missing value takes the criterion's median. A quick win has benefit above "
                                 "{midpoint} and effort below {midpoint}. Where a score is shown with its parts, the "
                                 "parts are rounded by the largest-remainder (Hamilton) method so that they add up to "
                                 "the rounded score (Balinski & Young, Fair Representation, 2001).",
                                 "ציון: סכום משוקלל של הקריטריונים (שקלול חיבורי פשוט; פישבורן 1967). כל קריטריון "
                                 "מומר לסולם 0-1 שבו 1 = הטוב ביותר: ציוני 1-5 לפי הסולם שלהם, קריטריונים אחרים מהערך "
                                 "הנמוך ביותר לגבוה ביותר; עלויות (מאמץ, משאבים) הפוכות; ערך חסר מקבל את חציון "
                                 "הקריטריון. הישג מהיר: תועלת מעל {midpoint} ומאמץ מתחת ל־{midpoint}. כשציון מוצג עם "
                                 "רכיביו, הרכיבים מעוגלים בשיטת השארית הגדולה ביותר (שיטת המילטון) כך שסכומם שווה "
                                 "לציון המעוגל (בלינסקי ויאנג, Fair Representation, 2001)."),
    "prioritize.methods.weights_ahp": ("Weights: the analytic hierarchy process (AHP; Saaty 1980), {how}; the raters' "
                                       "judgements combined by their element-wise geometric mean (Forman & Peniwati "
                                       "1998). Consistency ratio CR = CI/RI against the random index of {table}; the "
                                       "judgements count as consistent up to CR {limit}.",
                                       "משקלים: תהליך ההיררכיה האנליטית (AHP; Saaty 1980), {how}; שיפוטי המדרגים שולבו "
                                       "בממוצע גאומטרי לכל תא (פורמן ופניוואטי 1998). יחס עקביות CR = CI/RI מול המדד "
                                       "האקראי של {table}; השיפוטים נחשבים עקביים עד CR {limit}."),
    "prioritize.methods.ahp_eigen": ("the principal eigenvector of the comparison matrix",
                                     "הווקטור העצמי הראשי של מטריצת ההשוואות"),
    "prioritize.methods.ahp_geometric": ("the row geometric mean of the comparison matrix (Crawford & Williams 1985), with "
                                         "the geometric consistency index against the thresholds of Aguarón & "
                                         "Moreno-Jiménez (2003)",
                                         "הממוצע הגאומטרי של שורות מטריצת ההשוואות (קרופורד וויליאמס 1985), עם מדד "
                                         "העקביות הגאומטרי מול הספים של אגוארון ומורנו־חימנס (2003)"),
    "prioritize.methods.weights_direct": ("Weights: the Criteria sheet's weights divided by their sum.",
                                          "משקלים: המשקלים שבגיליון הקריטריונים מחולקים בסכומם."),
    "prioritize.methods.weights_default": ("Weights: equal, as neither the Criteria nor the Pairwise sheet gave usable "
                                           "weights.",
                                           "משקלים: שווים, כי גיליון הקריטריונים וגיליון ההשוואות הזוגיות לא נתנו "
                                           "משקלים שמישים."),
    "prioritize.methods.robustness": ("Robustness: SMAA-2 rank acceptability indices (Lahdelma & Salminen 2001) over "
                                      "{samples} weight vectors drawn from a Dirichlet distribution centred on the agreed "
                                      "weights with concentration {concentration} (the variance of a weight w is "
                                      "w(1 − w)/(concentration + 1)), random seed {seed}: the same seed gives the same "
                                      "shares. One-weight sensitivity: the exact crossover points of the score lines "
                                      "when one weight moves and the others are rescaled in proportion (Triantaphyllou "
                                      "& Sánchez 1997); the ranges in the text are rounded inwards.",
                                      "יציבות: הסתברות לדירוג SMAA-2 (להדלמה וסלמינן 2001) על פני {samples} "
                                      "וקטורי משקלים שנדגמו מהתפלגות דיריכלה שמרכזה במשקלים שנקבעו, בפרמטר ריכוז "
                                      "{concentration} (השונות של משקל w היא w(1 − w)/(concentration + 1)), זרע אקראי "
                                      "{seed}: אותו זרע נותן אותם שיעורים. רגישות למשקל יחיד: נקודות החיתוך המדויקות "
                                      "של קווי הציון כשמשקל אחד זז ושאר המשקלים מותאמים באופן יחסי (טריאנטפילו "
                                      "וסנצ'ס 1997); הטווחים בטקסט מעוגלים פנימה."),
    "prioritize.methods.crosscheck": ("Cross-check: TOPSIS (Hwang & Yoon 1981; vector normalisation, Euclidean "
                                      "distances to the ideal and anti-ideal services); agreement with the score "
                                      "ranking by Spearman's rho {rho} and Kendall's tau-b {tau} (scipy.stats).",
                                      "בקרה: TOPSIS (הוואנג ויון 1981; נרמול וקטורי, מרחקים אוקלידיים מהשירות האידיאלי "
                                      "ומהאנטי־אידיאלי); ההתאמה לדירוג הציונים לפי rho של ספירמן {rho} ו־tau-b של "
                                      "קנדל {tau} (scipy.stats)."),
    "prioritize.methods.roadmap": ("Roadmap: an integer program solved by HiGHS through scipy.optimize.milp (relative "
                                   "gap reached {gap}): maximise the planned services' scores, a wave counting "
                                   "{discount} of the one before (wave w weighted {discount}^(w − 1)), subject to each "
                                   "wave's capacity, the dependencies ({dependencies}), mandatory and locked services "
                                   "and {quick}. Among services of the same size and the same constraints, the "
                                   "higher score takes the earlier wave, and between equal scores the earlier intake "
                                   "row (a rule applied after the solve that never lowers the value). Baseline: the "
                                   "greedy sort and "
                                   "fill (services in score order, each into the earliest wave with room, with what "
                                   "it depends on){greedy}.",
                                   "מפת דרכים: תוכנית בשלמים שנפתרה ב־HiGHS דרך scipy.optimize.milp (פער יחסי שהושג "
                                   "{gap}): מיקסום סכום הציונים של השירותים שבתוכנית, כשכל גל נספר ב־{discount} מהגל "
                                   "שלפניו (גל w במשקל {discount}^(w − 1)), בכפוף לקיבולת כל גל, לתלויות "
                                   "({dependencies}), לשירותי החובה ולשירותים שנקבעו לגל, ול{quick}. "
                                   "בין שירותים באותו גודל ובאותם אילוצים, הציון הגבוה יותר מקבל את הגל המוקדם יותר, "
                                   "ובין ציונים שווים — השורה המוקדמת יותר בקובץ הקליטה (כלל שמוחל אחרי הפתרון ולעולם "
                                   "אינו מוריד את הערך). בסיס להשוואה: מיון חמדני ומילוי (השירותים לפי סדר הציונים, כל "
                                   "אחד לגל המוקדם ביותר שיש בו מקום, יחד עם מה שהוא תלוי בו){greedy}."),
    "prioritize.methods.quick": ({"one": "at least one visible quick win in wave 1",
                                  "other": "at least {count} visible quick wins in wave 1"},
                                 {"one": "הישג מהיר נראה אחד לפחות בגל 1", "two": "שני הישגים מהירים נראים לפחות בגל 1",
                                  "other": "{count} הישגים מהירים נראים לפחות בגל 1"}),
    "prioritize.methods.no_quick": ("no minimum of quick wins in wave 1", "ללא מינימום של הישגים מהירים בגל 1"),
    "prioritize.methods.same_wave": ("a service may share a wave with what it depends on",
                                     "שירות יכול להיות באותו גל עם מה שהוא תלוי בו"),
    "prioritize.methods.next_wave": ("a service comes at least one wave after what it depends on",
                                     "שירות בא לפחות גל אחד אחרי מה שהוא תלוי בו"),
    "prioritize.methods.greedy_infeasible": ("; here the greedy order breaks a constraint",
                                             "; כאן הסדר החמדני מפר אילוץ"),
    "prioritize.methods.survey": ("Survey evidence: the importance–performance cross-hair (Martilla & James 1977) "
                                  "applied to services: a service is pointed to when its share of respondents not "
                                  "agreeing on the \"concentrate here\" items is above the mean over the services. It "
                                  "is shown beside the rank and does not change the score, the ranks or the roadmap.",
                                  "ראיות מהסקר: קו החציה של ניתוח חשיבות–ביצוע (מרטילה וג'יימס 1977) על השירותים: "
                                  "הסקר מצביע על שירות כששיעור המשיבים שאינם מסכימים בפריטי \"להתמקד כאן\" גבוה "
                                  "מהממוצע על פני השירותים. הוא מוצג לצד הדירוג ואינו משנה את הציון, את הדירוג או את "
                                  "מפת הדרכים."),
}
