"""Words the demo clients share: process vocabulary, observation notes and survey comments.

The two Hebrew clients (:mod:`.neve_tamar`, :mod:`.rashut`) use the Hebrew set, the English client
(:mod:`.northfield`) the English one.  Every phone number, e-mail domain and name is fictional
(see :mod:`svcwork.demo`).
"""

from __future__ import annotations


_VOCAB_HE = {"request_docs": "בקשת השלמת מסמכים", "docs_received": "מסמכים התקבלו", "returned": "הוחזר להשלמה",
             "reopened": "פנייה נפתחה מחדש", "complaint": "התקבלה תלונה", "complaint_reply": "מענה לתלונה"}
_VOCAB_EN = {"request_docs": "Documents requested", "docs_received": "Documents received",
             "returned": "Returned for correction", "reopened": "Case reopened", "complaint": "Complaint received",
             "complaint_reply": "Complaint answered"}

_OBS_NOTES_HE = ("הקשיב עד הסוף לפני שענה", "קטע את הפונה פעמיים", "שמר על טון רגוע מול פונה כועס",
                 "הסביר בבירור מה יקרה בהמשך", "לא סיכם עם הפונה את הצעד הבא", "פתר את הבעיה במקום",
                 "הציב גבול בנימוס ובהסבר", "העביר את הפונה ליחידה אחרת בלי לבדוק", "חיוך ופנייה בשם",
                 "הבטיח לחזור ולא רשם תזכורת")
_OBS_NOTES_EN = ("Listened fully before answering", "Interrupted the caller twice", "Stayed calm with an angry caller",
                 "Explained clearly what happens next", "Did not agree the next step",
                 "Solved the problem there and then",
                 "Set a limit politely and explained why", "Transferred without checking", "Warm greeting",
                 "Promised a call back but made no note")


def _hebrew_comments() -> dict:
    return {
        "neg": ("חיכיתי יותר משעה בתור בדלפק", "אף אחד לא חזר אליי למרות שהבטיחו",
                "המוקד לא עונה, ניסיתי להתקשר כמה פעמים", "ביקשו ממני שוב את אותם מסמכים",
                "האתר לא עבד ונאלצתי להגיע פיזית", "העבירו אותי ממחלקה למחלקה", "לא הבנתי מה מצב הבקשה שלי",
                "הפקידה הייתה לא סבלנית", "לקח חודשיים לקבל תשובה", "התשובה במכתב לא הייתה מובנת"),
        "pos": ("שירות מהיר ואדיב, תודה רבה", "העובד הקשיב והסביר בסבלנות", "הטופס המקוון היה פשוט ונוח",
                "קיבלתי תשובה כבר למחרת", "הבעיה נפתרה בפנייה אחת", "יחס מכבד ומקצועי"),
        "mid": ("בסדר, אבל אפשר לקצר את זמני ההמתנה", "השירות השתפר לעומת השנה שעברה",
                "הטיפול היה טוב אבל המידע באתר חסר"),
        "phone": "אפשר לחזור אליי בטלפון {phone}", "email": "כתבתי גם למייל {email} ולא קיבלתי תשובה",
        "idn": "מספר תעודת הזהות שלי {idn}, נא לבדוק", "greet": "שלום, שמי {name}. {text}",
        "names": ("נועה", "אורי", "מיכל", "יובל", "דנה", "רוני"),
        "handles": ("toshav", "pniya", "resident", "demo.user"), "domain": "example.com",
    }


def _english_comments() -> dict:
    return {
        "neg": ("I waited over an hour at the desk", "Nobody called me back although they promised",
                "The phone line kept me on hold for ages", "They asked me for the same documents twice",
                "The website crashed and I had to come in person", "I was passed from one team to another",
                "I had no idea what was happening with my application", "The letter was impossible to understand",
                "It took two months to get an answer", "Staff were rude and rushed"),
        "pos": ("Quick and friendly service, thank you", "The officer listened and explained everything",
                "The online form was simple", "I had an answer the next day", "Sorted out in one call",
                "Helpful and professional"),
        "mid": ("Fine, but the waiting times could be shorter", "Better than last year",
                "Good service but the website lacks information"),
        "phone": "Please ring me on {phone}", "email": "I also wrote to {email} and got no reply",
        "idn": "My customer number is {idn}", "greet": "Hi, I'm {name}. {text}",
        "names": ("Sam", "Alex", "Jordan", "Robin", "Casey", "Morgan"),
        "handles": ("resident", "applicant", "demo.user", "customer"), "domain": "example.org",
    }
