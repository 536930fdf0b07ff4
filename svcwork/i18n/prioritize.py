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
