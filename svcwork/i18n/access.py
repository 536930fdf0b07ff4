"""Messages of accessible output: text alternatives of charts, contrast warnings (English, Hebrew)."""

from __future__ import annotations

MESSAGES: dict = {
    # a chart's text alternative, written from its plotted values (svcwork.alttext)
    "access.alt.values": ({"one": "{title}: {count} value of {value}.", "other": "{title}: {count} values of {value}."},
                          {"one": "{title}: ערך {count} של {value}.", "two": "{title}: {count} ערכים של {value}.",
                           "other": "{title}: {count} ערכים של {value}."}),
    "access.alt.all": ("{items}.", "{items}."),
    "access.alt.highest": ("Highest: {items}.", "הגבוהים ביותר: {items}."),
    "access.alt.lowest": ("Lowest: {items}.", "הנמוכים ביותר: {items}."),
    "access.alt.series": ("From {first} ({first_label}) to {last} ({last_label}).",
                          "מ־{first} ({first_label}) עד {last} ({last_label})."),
    "access.alt.item": ("{label}: {value}", "{label}: {value}"),
    "access.alt.table": ("The values are in the data table under the figure.", "הערכים בטבלת הנתונים שמתחת לאיור."),
    # ... in the PDF, whose data tables are printed in the appendix (svcwork.alttext.POINTERS)
    "access.alt.table_appendix": ("The values are in the appendix “{appendix}” at the end of the report.",
                                  "הערכים בנספח „{appendix}” שבסוף הדוח."),
    "access.alt.empty": ("{title}: no values to show.", "{title}: אין ערכים להצגה."),
    "access.alt.group": ("{name}: {items}.", "{name}: {items}."),
    "access.data.summary": ("Data of figure {n} (table)", "נתוני איור {n} (טבלה)"),
    "access.data.caption": ("The values plotted in figure {n}: {title}", "הערכים המוצגים באיור {n}: {title}"),
    "access.data.appendix": ("Data of the figures", "נתוני האיורים"),
    "access.data.appendix_note": ("Each figure's plotted values, for readers who cannot see the charts.",
                                  "הערכים של כל איור, לקוראים שאינם יכולים לראות את התרשימים."),
    "access.col.label": ("Plotted item", "פריט באיור"),
    "access.col.value": ("Value", "ערך"),
    "access.col.series": ("Series", "סדרה"),
    "access.col.period": ("Period", "תקופה"),
    "access.col.from": ("From", "מ־"),
    "access.col.to": ("To", "אל"),
    "access.col.low": ("lower end", "קצה תחתון"),
    "access.col.high": ("upper end", "קצה עליון"),
    "access.col.interval_low": ("{level}% interval, low", "רווח סמך {level}%, תחתון"),
    "access.col.interval_high": ("{level}% interval, high", "רווח סמך {level}%, עליון"),
    "access.col.emotion": ("Emotion (−2 to +2)", "רגש (‎−2 עד ‎+2)"),
    "access.col.level": ("Level (0 = not offered, 3 = end to end)", "רמה (0 = לא מוצע, 3 = מקצה לקצה)"),
    "access.source.log": ("case log", "יומן הפניות"),
    "access.source.intake": ("intake form", "טופס הקליטה"),
    "access.light.green": ("on target (green)", "בהתאם ליעד (ירוק)"),
    "access.light.amber": ("near target (amber)", "קרוב ליעד (כתום)"),
    "access.light.red": ("off target (red)", "רחוק מהיעד (אדום)"),
    "access.col.status": ("Status", "מצב"),
    "access.col.group": ("Group", "קבוצה"),
    # page structure
    "access.skip": ("Skip to the content", "דילוג לתוכן"),
    "access.contents": ("Contents", "תוכן העניינים"),
    # the client's accent colour (WCAG 2.1 SC 1.4.3)
    "access.accent_darkened": ("The accent colour {color} is too light for text on white (contrast {ratio}:1, "
                               "4.5:1 needed); the report uses {shade} instead.",
                               "צבע ההדגשה {color} בהיר מדי לטקסט על רקע לבן (ניגודיות {ratio}:1, נדרש 4.5:1); "
                               "הדוח משתמש ב־{shade} במקומו."),
    # abbreviations, expanded at their first use (WCAG 2.1 SC 3.1.4, level AAA; IS 5568)
    "access.abbr.KPI": ("key performance indicator", "מדד ביצוע מרכזי"),
    "access.abbr.NPS": ("net promoter score", "מדד ממליצים נטו"),
    "access.abbr.SLA": ("service level agreement", "אמנת רמת שירות"),
    "access.abbr.FCR": ("first-contact resolution", "פתרון בפנייה ראשונה"),
    "access.abbr.AHP": ("analytic hierarchy process", "תהליך היררכי אנליטי"),
    "access.abbr.CR": ("consistency ratio", "יחס עקביות"),
    "access.abbr.CI": ("confidence interval", "רווח סמך"),
    "access.abbr.IPA": ("importance–performance analysis", "ניתוח חשיבות–ביצוע"),
}
