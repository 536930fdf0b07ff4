"""The recommendations messages of the catalogue (``recommendations.*`` keys): English and Hebrew, see
:mod:`svcwork.i18n`.

The evidence sentences (:func:`svcwork.recommendations.evidence`) quote every number as a key figure
(``{score}``, ``{last}`` … are markers); a count agrees with its noun by the plural forms.  Client
text (a service's or KPI's name, a journey, a pain point, an action) is quoted as written: “…” in
English, „…” in Hebrew.
"""

from __future__ import annotations

MESSAGES = {
    # ---------------------------------------------------------------- titles, labels (the report chapter)
    "recommendations.title": ("Recommendations", "המלצות"),
    "recommendations.flag_title": ("Recommendations without an action", "המלצות ללא פעולה בתוכנית הפעולה"),
    "recommendations.evidence_title": ("What the data shows", "מה הנתונים מראים"),
    "recommendations.rationale_title": ("Why", "נימוק"),
    "recommendations.none": ("No recommendation is written in the intake form's Recommendations sheet.",
                             "בגיליון ההמלצות של טופס הקליטה לא נכתבה אף המלצה."),
    "recommendations.col.rec_id": ("ID", "מזהה"),
    "recommendations.col.recommendation": ("Recommendation", "המלצה"),
    "recommendations.col.rationale": ("Rationale", "נימוק"),
    "recommendations.col.owner": ("Owner", "אחראי"),
    "recommendations.col.horizon": ("Horizon", "טווח זמן"),
    "recommendations.col.priority": ("Priority", "עדיפות"),
    "recommendations.col.action_id": ("Action", "פעולה"),
    "recommendations.col.evidence": ("Evidence from the data", "ראיות מהנתונים"),
    "recommendations.meta.priority": ("Priority: {value}", "עדיפות: {value}"),
    "recommendations.meta.horizon": ("Horizon: {value}", "טווח זמן: {value}"),
    "recommendations.meta.owner": ("Owner: {value}", "אחראי: {value}"),
    "recommendations.meta.action": ("Action: {value}", "פעולה: {value}"),
    "recommendations.meta.sep": (" · ", " · "),
    "recommendations.horizon.wave": ("wave {wave}", "גל {wave}"),
    "recommendations.quote": ("“{text}”", "„{text}”"),
    "recommendations.named": ("{id} {name}", "{id} {name}"),
    # ---------------------------------------------------------------- the service: rank, wave, time, survey
    "recommendations.ordinal.1": ("first", "ראשון"),
    "recommendations.ordinal.2": ("second", "שני"),
    "recommendations.ordinal.3": ("third", "שלישי"),
    "recommendations.evidence.service_ordinal": (
        {"one": "{service} ranks {ordinal} of {services} service by priority score ({score}).",
         "other": "{service} ranks {ordinal} of {services} services by priority score ({score})."},
        {"one": "{service} במקום ה{ordinal} מתוך שירות אחד לפי ציון התעדוף ({score}).",
         "two": "{service} במקום ה{ordinal} מתוך שני שירותים לפי ציון התעדוף ({score}).",
         "other": "{service} במקום ה{ordinal} מתוך {services} שירותים לפי ציון התעדוף ({score})."}),
    "recommendations.evidence.service_rank": (
        {"one": "{service} ranks {rank} of {services} service by priority score ({score}).",
         "other": "{service} ranks {rank} of {services} services by priority score ({score})."},
        {"one": "{service} במקום {rank} מתוך שירות אחד לפי ציון התעדוף ({score}).",
         "two": "{service} במקום {rank} מתוך שני שירותים לפי ציון התעדוף ({score}).",
         "other": "{service} במקום {rank} מתוך {services} שירותים לפי ציון התעדוף ({score})."}),
    "recommendations.evidence.service_top": (
        {"one": "{service} is among the top {top} of {services} service by priority score ({score}).",
         "other": "{service} is among the top {top} of {services} services by priority score ({score})."},
        {"one": "{service} בין {top} המובילים מתוך שירות אחד לפי ציון התעדוף ({score}).",
         "two": "{service} בין {top} המובילים מתוך שני שירותים לפי ציון התעדוף ({score}).",
         "other": "{service} בין {top} המובילים מתוך {services} שירותים לפי ציון התעדוף ({score})."}),
    "recommendations.evidence.service_below": (
        {"one": "{service} ranks below the top {top} of {services} service by priority score ({score}).",
         "other": "{service} ranks below the top {top} of {services} services by priority score ({score})."},
        {"one": "{service} מחוץ ל־{top} המובילים מתוך שירות אחד לפי ציון התעדוף ({score}).",
         "two": "{service} מחוץ ל־{top} המובילים מתוך שני שירותים לפי ציון התעדוף ({score}).",
         "other": "{service} מחוץ ל־{top} המובילים מתוך {services} שירותים לפי ציון התעדוף ({score})."}),
    "recommendations.evidence.service_unranked": ("{service} is not among the services the prioritisation ranks.",
                                                  "{service} אינו בין השירותים שהתעדוף מדרג."),
    "recommendations.evidence.service_robust": ("It stays among the top {top} in {share} of {samples}.",
                                                "הוא נשאר בין {top} המובילים ב־{share} מתוך {samples}."),
    "recommendations.evidence.service_wave": ("The roadmap puts it in wave {wave}.", "מפת הדרכים משבצת אותו בגל {wave}."),
    "recommendations.evidence.service_deferred": ("The roadmap defers it ({reason}).",
                                                  "מפת הדרכים דוחה אותו לשלב מאוחר ({reason})."),
    "recommendations.evidence.horizon_differs": ("The recommendation sets wave {horizon}; the roadmap puts the service "
                                                 "in wave {wave}.",
                                                 "ההמלצה קובעת גל {horizon}, ומפת הדרכים משבצת את השירות בגל {wave}."),
    "recommendations.evidence.service_days": (
        {"one": "Half its cases take {days} day or more end to end, counting cases still open ({cases}).",
         "other": "Half its cases take {days} days or more end to end, counting cases still open ({cases})."},
        {"one": "מחצית מהפניות בו נמשכות {days} יום או יותר מקצה לקצה, כולל פניות שעדיין פתוחות ({cases}).",
         "two": "מחצית מהפניות בו נמשכות {days} ימים או יותר מקצה לקצה, כולל פניות שעדיין פתוחות ({cases}).",
         "other": "מחצית מהפניות בו נמשכות {days} ימים או יותר מקצה לקצה, כולל פניות שעדיין פתוחות ({cases})."}),
    "recommendations.evidence.service_satisfied": ("{share} of its respondents are satisfied ({respondents}).",
                                                   "{share} מהמשיבים עליו מרוצים ({respondents})."),
    # ---------------------------------------------------------------- the KPI: target and control chart
    "recommendations.evidence.kpi_missed": ("{kpi}: its last value, {last}, misses the target of {target}.",
                                            "{kpi}: הערך האחרון, {last}, אינו עומד ביעד {target}."),
    "recommendations.evidence.kpi_met": ("{kpi}: its last value, {last}, meets the target of {target}.",
                                         "{kpi}: הערך האחרון, {last}, עומד ביעד {target}."),
    "recommendations.evidence.kpi_last": ("{kpi}: its last value is {last}.", "{kpi}: הערך האחרון הוא {last}."),
    "recommendations.evidence.kpi_no_values": ("{kpi} has no measured values yet.", "למדד {kpi} אין עדיין ערכים שנמדדו."),
    "recommendations.evidence.kpi_improved_level": ("The control chart shows a lasting improvement since {period}, to a "
                                                    "new level of {level}.",
                                                    "תרשים הבקרה מראה שיפור מתמשך מאז {period}, לרמה חדשה של {level}."),
    "recommendations.evidence.kpi_improved": ("The control chart shows an improvement (latest signal: {period}).",
                                              "תרשים הבקרה מראה שיפור (האות האחרון: {period})."),
    "recommendations.evidence.kpi_deteriorated": ("The control chart shows a deterioration (latest signal: {period}).",
                                                  "תרשים הבקרה מראה הידרדרות (האות האחרון: {period})."),
    "recommendations.evidence.kpi_unstable": ("The control chart shows it unstable (latest signal: {period}).",
                                              "תרשים הבקרה מראה שהמדד אינו יציב (האות האחרון: {period})."),
    "recommendations.evidence.kpi_stable_missed": ("The control chart shows no signal: the shortfall is the way the "
                                                   "system works, not a bad month, so the system has to change.",
                                                   "תרשים הבקרה אינו מראה אות: הפער נובע מאופן פעולת המערכת ולא "
                                                   "מחודש חריג, ולכן יש לשנות את המערכת."),
    "recommendations.evidence.kpi_stable": ("The control chart shows no signal: the process is stable.",
                                            "תרשים הבקרה אינו מראה אות: התהליך יציב."),
    # ---------------------------------------------------------------- the journey: its pain points
    "recommendations.evidence.journey_pains": (
        {"one": "The journey {journey} has one pain point on its map.",
         "other": "The journey {journey} has {pains} pain points on its map."},
        {"one": "במפת המסע {journey} נקודת כאב אחת.", "two": "במפת המסע {journey} שתי נקודות כאב.",
         "other": "במפת המסע {journey} {pains} נקודות כאב."}),
    "recommendations.evidence.journey_no_pains": ("The journey {journey} has no pain point written on its map.",
                                                  "במפת המסע {journey} לא נכתבה נקודת כאב."),
    "recommendations.evidence.journey_examples": ("The pain points written on its map include {pains}.",
                                                  "נקודות הכאב שנכתבו במפת המסע כוללות את {pains}."),
    "recommendations.evidence.step_pain": ("At the step {touchpoint} (stage {stage}) the pain point is {pain}.",
                                           "בצעד {touchpoint} (שלב {stage}) נקודת הכאב היא {pain}."),
    "recommendations.evidence.step_no_pain": ("At the step {touchpoint} (stage {stage}) no pain point is written.",
                                              "בצעד {touchpoint} (שלב {stage}) לא נכתבה נקודת כאב."),
    "recommendations.evidence.step_moment": ("It is a moment of truth of the journey.", "זהו רגע אמת במסע."),
    "recommendations.evidence.step_feeling_negative": ("The citizen's feeling there is negative.",
                                                       "תחושת הפונה בצעד זה שלילית."),
    "recommendations.evidence.step_feeling_very_negative": ("The citizen's feeling there is very negative.",
                                                            "תחושת הפונה בצעד זה שלילית מאוד."),
    # ---------------------------------------------------------------- the action that carries it out
    "recommendations.status.open": ("open", "פתוחה"),
    "recommendations.status.in_progress": ("in progress", "בביצוע"),
    "recommendations.status.done": ("done", "הושלמה"),
    "recommendations.status.cancelled": ("cancelled", "בוטלה"),
    "recommendations.evidence.action": ("Action {action} {text} ({owner}) is {status}, due {due}.",
                                        "הפעולה {action} {text} ({owner}) {status}, מועד היעד {due}."),
    "recommendations.evidence.action_overdue": ("Action {action} {text} ({owner}) is {status} and overdue: it was due "
                                                "{due}, and the report date is {date}.",
                                                "הפעולה {action} {text} ({owner}) {status} ובאיחור: מועד היעד היה "
                                                "{due}, ותאריך הדוח הוא {date}."),
    "recommendations.evidence.action_cancelled": ("Action {action} {text} ({owner}) was cancelled: nothing carries the "
                                                  "recommendation out now.",
                                                  "הפעולה {action} {text} ({owner}) בוטלה: כעת דבר אינו מבצע את "
                                                  "ההמלצה."),
    "recommendations.evidence.no_action": ("No action of the action plan carries it out yet.",
                                           "אין עדיין פעולה בתוכנית הפעולה שמבצעת אותה."),
    # ---------------------------------------------------------------- flags
    "recommendations.flag": ("{rec} {text}: no action of the action plan carries it out; add one to the Actions "
                             "sheet and name it in the recommendation's action_id.",
                             "{rec} {text}: אין פעולה בתוכנית הפעולה שמבצעת אותה; יש להוסיף פעולה לגיליון תוכנית "
                             "הפעולה ולציין אותה במזהה הפעולה של ההמלצה."),
}
