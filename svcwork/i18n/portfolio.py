"""The portfolio messages of the catalogue (``portfolio.*`` keys): English and Hebrew, see :mod:`svcwork.i18n`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {   # "portfolio.*"
    "portfolio.title": ("Portfolio benchmark", "השוואה בין ארגונים"),
    "portfolio.subtitle": ({"one": "{count} client of one batch.", "other": "{count} clients of one batch, compared on the "
                                                                             "same measures."},
                           {"one": "ארגון אחד מהפקה אחת.", "two": "שני ארגונים מאותה הפקה, בהשוואה על פני אותם מדדים.",
                            "other": "{count} ארגונים מאותה הפקה, בהשוואה על פני אותם מדדים."}),
    "portfolio.anonymised": ("Anonymised: client names are replaced by letters.",
                             "אנונימי: שמות הארגונים הוחלפו באותיות."),
    "portfolio.client_code": ("Client {code}", "ארגון {code}"),
    "portfolio.key_findings": ("Key findings", "ממצאים עיקריים"),
    "portfolio.section.survey": ("Survey scores", "ציוני הסקר"),
    "portfolio.section.operations": ("Journeys, indicators and actions", "מסע לקוח, מדדים ופעולות"),
    "portfolio.section.comparison": ("Which differences are real", "אילו הבדלים מובהקים סטטיסטית"),
    "portfolio.section.methods": ("Methods", "שיטות"),
    "portfolio.section.change": ("Since each client's last report", "מאז הדוח הקודם של כל לקוח"),
    "portfolio.caption.change": ("Change since each client's last report, with its 95% interval (shares in percentage "
                                 "points; median in days)",
                                 "השינוי מאז הדוח הקודם של כל לקוח, עם רווח סמך 95% (שיעורים בנקודות אחוז; חציון "
                                 "בימים)"),
    "portfolio.col.previous_report": ("Last report (period end)", "הדוח הקודם (סוף התקופה)"),
    "portfolio.col.change_csat": ("Satisfaction: change (pp)", "שביעות רצון: שינוי (נקודות אחוז)"),
    "portfolio.col.change_trust": ("Trust: change (pp)", "אמון: שינוי (נקודות אחוז)"),
    "portfolio.col.change_median_days": ("Median days: change", "חציון ימים: שינוי"),
    "portfolio.col.change_verdict": ("Verdict", "הערכה"),
    "portfolio.col.better": ("Figures better", "מדדים שהשתפרו"),
    "portfolio.col.worse": ("Figures worse", "מדדים שהורעו"),
    "portfolio.finding.improved": ("Satisfaction improved since the last report at: {clients}.",
                                   "שביעות הרצון השתפרה מאז הדוח הקודם אצל: {clients}."),
    "portfolio.finding.declined": ("Satisfaction declined since the last report at: {clients}.",
                                   "שביעות הרצון ירדה מאז הדוח הקודם אצל: {clients}."),
    "portfolio.caption.survey": ("Survey scores with {level}% confidence intervals, ranked (1 = best)",
                                 "ציוני הסקר עם רווח סמך {level}%, בדירוג (1 = הטוב ביותר)"),
    "portfolio.caption.operations": ("Journey figures, indicators met and overdue actions, ranked (1 = best)",
                                     "נתוני מסע הלקוח, מדדים שעמדו ביעד ופעולות באיחור, בדירוג (1 = הטוב ביותר)"),
    "portfolio.caption.comparison": ("Each client against the pooled other clients (difference in percentage points)",
                                     "כל ארגון מול שאר הארגונים יחד (הפרש בנקודות אחוז)"),
    "portfolio.missing_note": ("— : not available, or not shown (too few responses).",
                               "— : אין נתון, או שאינו מוצג (מעט מדי משיבים)."),
    "portfolio.col.client": ("Client", "ארגון"),
    "portfolio.col.slug": ("Folder", "תיקייה"),
    "portfolio.col.period_start": ("Period start", "תחילת התקופה"),
    "portfolio.col.period_end": ("Period end", "סוף התקופה"),
    "portfolio.col.csat": ("Satisfaction (% agree)", "שביעות רצון (שיעור המסכימים, %)"),
    "portfolio.col.trust": ("Trust (% agree)", "אמון (שיעור המסכימים, %)"),
    "portfolio.col.nps": ("NPS", "NPS (נטו ממליצים)"),
    "portfolio.col.ci": ("{level}% CI", "רווח סמך {level}%"),
    "portfolio.col.low": ("Lower limit", "גבול תחתון"),
    "portfolio.col.high": ("Upper limit", "גבול עליון"),
    "portfolio.col.n": ("Responses", "מספר משיבים"),
    "portfolio.col.rank": ("Rank", "דירוג"),
    "portfolio.col.vs_others": ("Satisfaction vs the others", "שביעות רצון מול שאר הארגונים"),
    "portfolio.col.cases": ("Cases", "פניות"),
    "portfolio.col.median_days": ("Median end-to-end days", "חציון זמן טיפול מקצה לקצה (ימים)"),
    "portfolio.col.p90_days": ("90th percentile days", "אחוזון 90 של זמן הטיפול (ימים)"),
    "portfolio.col.sla_breach": ("Deadlines missed", "חריגה מיעד"),
    "portfolio.col.period": ("Period", "תקופה"),
    "portfolio.col.apart": ("Not ranked or compared", "לא דורג ולא הושווה"),
    "portfolio.apart.failed": ("{period} (earlier report: this batch's run failed; not ranked or compared)",
                               "{period} (דוח קודם: ההרצה בהפקה זו נכשלה; לא דורג ולא הושווה)"),
    "portfolio.apart.period": ("{period} (another period than the others'; not ranked or compared)",
                               "{period} (תקופה שונה משל שאר הארגונים; לא דורג ולא הושווה)"),
    "portfolio.apart_reason.failed": ("Earlier report: this batch's run failed", "דוח קודם: ההרצה בהפקה זו נכשלה"),
    "portfolio.apart_reason.period": ("Another period than the others'", "תקופה שונה משל שאר הארגונים"),
    "portfolio.col.deadline": ("Deadline", "המועד"),
    "portfolio.col.deadline_days": ("Deadline by default (days)", "מועד ברירת המחדל (ימים)"),
    "portfolio.col.deadline_own": ("Cases with their own deadline", "פניות עם מועד משלהן"),
    "portfolio.col.base": ("Cases judged", "פניות שנבדקו"),
    "portfolio.deadline_days": ({"one": "{days} day from opening", "other": "{days} days from opening"},
                                {"one": "{days} יום מהפתיחה", "two": "{days} ימים מהפתיחה",
                                 "other": "{days} ימים מהפתיחה"}),
    "portfolio.deadline_definition": (
        {"one": "the case's own deadline ({own} of {base} cases), else {days} day from opening",
         "other": "the case's own deadline ({own} of {base} cases), else {days} days from opening"},
        {"one": "המועד של הפנייה עצמה ({own} מתוך {base} פניות), אחרת {days} יום מהפתיחה",
         "two": "המועד של הפנייה עצמה ({own} מתוך {base} פניות), אחרת {days} ימים מהפתיחה",
         "other": "המועד של הפנייה עצמה ({own} מתוך {base} פניות), אחרת {days} ימים מהפתיחה"}),
    "portfolio.finding.apart_failed": (
        {"one": "{count} client's run failed in this batch; its folder holds an earlier report, shown apart with "
                "its period and not ranked or compared: {clients}.",
         "other": "{count} clients' runs failed in this batch; their folders hold earlier reports, shown apart with "
                  "their periods and not ranked or compared: {clients}."},
        {"one": "ההרצה של ארגון אחד נכשלה בהפקה זו; בתיקייה שלו נמצא דוח קודם, המוצג בנפרד עם התקופה שלו ואינו "
                "מדורג ואינו מושווה: {clients}.",
         "two": "ההרצות של שני ארגונים נכשלו בהפקה זו; בתיקיות שלהם נמצאים דוחות קודמים, המוצגים בנפרד עם "
                "התקופות שלהם ואינם מדורגים ואינם מושווים: {clients}.",
         "other": "ההרצות של {count} ארגונים נכשלו בהפקה זו; בתיקיות שלהם נמצאים דוחות קודמים, המוצגים בנפרד עם "
                  "התקופות שלהם ואינם מדורגים ואינם מושווים: {clients}."}),
    "portfolio.finding.apart_period": (
        {"one": "{count} client's report covers another period than the others'; it is shown apart and not ranked "
                "or compared: {clients}.",
         "other": "{count} clients' reports cover another period than the others'; they are shown apart and not "
                  "ranked or compared: {clients}."},
        {"one": "הדוח של ארגון אחד מכסה תקופה שונה משל שאר הארגונים; הוא מוצג בנפרד ואינו מדורג ואינו מושווה: "
                "{clients}.",
         "two": "הדוחות של שני ארגונים מכסים תקופה שונה משל שאר הארגונים; הם מוצגים בנפרד ואינם מדורגים ואינם "
                "מושווים: {clients}.",
         "other": "הדוחות של {count} ארגונים מכסים תקופה שונה משל שאר הארגונים; הם מוצגים בנפרד ואינם מדורגים "
                  "ואינם מושווים: {clients}."}),
    "portfolio.finding.sla_unlike": ("Deadlines missed are not ranked: the clients define the deadline differently "
                                     "(see the Deadline column).",
                                     "החריגות מיעד אינן מדורגות: הארגונים מגדירים את המועד באופן שונה (ראו את "
                                     "עמודת המועד)."),
    "portfolio.methods.periods": (
        "Clients are ranked and compared only over the same period: a client whose report covers another "
        "period, or whose run failed in this batch (its folder keeps the earlier report), is shown apart.",
        "ארגונים מדורגים ומושווים רק על פני אותה תקופה: ארגון שהדוח שלו מכסה תקופה אחרת, או שההרצה שלו נכשלה "
        "בהפקה זו (בתיקייה שלו נשאר הדוח הקודם), מוצג בנפרד."),
    "portfolio.methods.deadlines": (
        "A case misses its deadline when it takes longer than its own deadline in the log, else the client's "
        "default; deadlines missed are ranked only when every client has the same default, and the fewest is "
        "named only when Newcombe's 95% interval for its difference from the next client excludes zero.",
        "פנייה חורגת מהמועד כשהטיפול בה נמשך יותר מהמועד שלה ביומן, ואחרת ממועד ברירת המחדל של הארגון; "
        "החריגות מיעד מדורגות רק כשלכל הארגונים אותו מועד ברירת מחדל, והמספר הנמוך ביותר מצוין רק כשרווח "
        "הסמך 95% של Newcombe להפרש מהארגון הבא אינו כולל אפס."),
    "portfolio.col.fcr": ("First contact resolution", "פתרון בפנייה ראשונה"),
    "portfolio.col.kpis_met": ("KPIs met", "מדדים שעמדו ביעד"),
    "portfolio.col.kpis_total": ("KPIs with a target", "מדדים עם יעד"),
    "portfolio.col.kpis_share": ("Share of KPIs met", "שיעור המדדים שעמדו ביעד"),
    "portfolio.col.overdue": ("Overdue actions", "פעולות באיחור"),
    "portfolio.col.measure": ("Measure", "מדד"),
    "portfolio.col.client_value": ("Client's value", "ערך הארגון"),
    "portfolio.col.others_value": ("Other clients' value", "ערך שאר הארגונים"),
    "portfolio.col.others_n": ("Other clients' responses", "מספר משיבים בשאר הארגונים"),
    "portfolio.col.difference": ("Difference (points)", "הפרש (נקודות אחוז)"),
    "portfolio.col.verdict": ("Verdict", "מסקנה"),
    "portfolio.col.confidence": ("Confidence level", "רמת סמך"),
    "portfolio.kpis_of": ("{met} of {total}", "{met} מתוך {total}"),
    "portfolio.verdict.higher": ("higher", "גבוה יותר"),
    "portfolio.verdict.lower": ("lower", "נמוך יותר"),
    "portfolio.verdict.similar": ("no clear difference", "אין הבדל מובהק"),
    "portfolio.measure.csat": ("Satisfaction", "שביעות רצון"),
    "portfolio.measure.trust": ("Trust", "אמון"),
    "portfolio.sheet.league": ("League table", "טבלת דירוג"),
    "portfolio.sheet.comparison": ("Differences", "הבדלים"),
    "portfolio.finding.count": ({"one": "{count} client compared.", "other": "{count} clients compared."},
                                {"one": "הושווה ארגון אחד.", "two": "הושוו שני ארגונים.", "other": "הושוו {count} ארגונים."}),
    "portfolio.finding.missing": ({"one": "{count} client of the batch has no results yet and is left out: {clients}.",
                                   "other": "{count} clients of the batch have no results yet and are left out: {clients}."},
                                  {"one": "לארגון אחד בהפקה אין עדיין תוצאות והוא אינו נכלל: {clients}.",
                                   "two": "לשני ארגונים בהפקה אין עדיין תוצאות והם אינם נכללים: {clients}.",
                                   "other": "ל־{count} ארגונים בהפקה אין עדיין תוצאות והם אינם נכללים: {clients}."}),
    "portfolio.finding.missing_anonymous": ({"one": "{count} client of the batch has no results yet and is left out.",
                                             "other": "{count} clients of the batch have no results yet and are left out."},
                                            {"one": "לארגון אחד בהפקה אין עדיין תוצאות והוא אינו נכלל.",
                                             "two": "לשני ארגונים בהפקה אין עדיין תוצאות והם אינם נכללים.",
                                             "other": "ל־{count} ארגונים בהפקה אין עדיין תוצאות והם אינם נכללים."}),
    "portfolio.finding.best": ("Highest satisfaction: {clients} ({value}).",
                               "שביעות הרצון הגבוהה ביותר: {clients} ({value})."),
    "portfolio.finding.higher": ("Satisfaction clearly above the other clients: {clients}.",
                                 "שביעות רצון גבוהה באופן מובהק משאר הארגונים: {clients}."),
    "portfolio.finding.lower": ("Satisfaction clearly below the other clients: {clients}.",
                                "שביעות רצון נמוכה באופן מובהק משאר הארגונים: {clients}."),
    "portfolio.finding.none_differ": ("No client's satisfaction differs clearly from the other clients'; the ranks "
                                      "may reflect chance.",
                                      "שביעות הרצון של אף ארגון אינה שונה באופן מובהק משאר הארגונים; ייתכן שהדירוג "
                                      "משקף מקריות."),
    "portfolio.finding.sla": ("Fewest deadlines missed: {clients} ({value}).",
                              "הכי מעט חריגות מיעד: {clients} ({value})."),
    "portfolio.finding.overdue": ("Overdue actions in all: {count}; the most ({most}): {clients}.",
                                  "סך הפעולות באיחור: {count}; המספר הגבוה ביותר ({most}): {clients}."),
    "portfolio.methods.text": (
        "Figures come from each client's summary.json of the same batch. Survey scores are the share agreeing "
        "(top-2-box) with Wilson intervals (Wilson 1927) and NPS with Rocks' adjusted-Wald interval, as in each "
        "client's report. Ranks are standard competition ranks (1224) on the values as shown, 1 = best; clients "
        "without a value are not ranked. Each client's satisfaction and trust are compared with the pooled other "
        "clients by Newcombe's interval for a difference of proportions (Newcombe 1998, method 10), at "
        "{level}% confidence{adjusted}; a difference is called real only when its interval excludes zero.",
        "הנתונים לקוחים מקובץ summary.json של כל ארגון באותה הפקה. ציוני הסקר הם שיעור המסכימים עם רווח סמך "
        "Wilson ‏(Wilson 1927), ו־NPS עם רווח הסמך המתוקן של רוקס, כמו בדוח של כל ארגון. הדירוג הוא דירוג "
        "תחרותי רגיל (1224) לפי הערכים המוצגים, 1 = הטוב ביותר; ארגון ללא ערך אינו מדורג. שביעות הרצון והאמון "
        "של כל ארגון מושווים לשאר הארגונים יחד ברווח הסמך של Newcombe להפרש פרופורציות (Newcombe 1998, שיטה 10), "
        "ברמת סמך {level}%{adjusted}; הפרש נחשב אמיתי רק כשרווח הסמך שלו אינו כולל אפס."),
    "portfolio.methods.bonferroni": (" per comparison, Bonferroni-adjusted for {count} comparisons (family-wise {family}%)",
                                     " לכל השוואה, בתיקון בונפרוני ל־{count} השוואות (ברמת המשפחה {family}%)"),
    "portfolio.generated_by": ("generated by", "הופק באמצעות"),
    # the batch's index page (templates/report/index.html.j2; its other batch.* messages are in i18n.report):
    # each client's link names the report it opens, "Report of <organisation>" (WCAG 2.1 SC 2.4.4)
    "batch.report_of": ("Report of", "הדוח של"),
}
