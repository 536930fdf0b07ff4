"""Comments (svcwork.measures.comments): ID check digits, redaction and theme coding in Hebrew and English."""

from __future__ import annotations

import pandas as pd
import pytest
from statsmodels.stats.proportion import proportion_confint

from svcwork import measures as M


# =========================================================================== comments
@pytest.mark.parametrize("number,valid", [("123456782", True), ("000000018", True), ("12345678-2", True),
                                          ("123456789", False), ("000000019", False), ("0", False),
                                          ("12a456782", False)])
def test_israeli_id_check_digit(number, valid):
    # Check digit: digits × 1,2,1,2,… with two-digit products summed, total ≡ 0 (mod 10);
    # 123456782 and 000000018 are the usual valid examples, changing the last digit breaks them.
    assert M.valid_israeli_id(number) is valid


def test_redaction_removes_personal_details_in_english_and_hebrew():
    texts = pd.Series([
        "Hi Dana, thanks! Call me on 050-123-4567 or mail dana.cohen@example.org",
        "My ID is 123456782 and my case is 123456789",
        "Dear Mr. Smith, the form is broken",
        "Hello team, great service",
        "שלום משה כהן, הטלפון שלי 03-1234567",
        "תודה לרחל מהמוקד ולנציגה שענתה",
        "הפקידה הייתה אדיבה מאוד",
        None,
    ])
    out = M.redact(texts, lang="en")
    assert out[0] == "Hi [name], thanks! Call me on [phone] or mail [e-mail]"
    # invalid check digit: not an Israeli ID, but a long number may still point at one citizen (a case number)
    assert out[1] == "My ID is [ID number] and my case is [number]"
    assert out[2] == "Dear Mr. [name], the form is broken"
    assert out[3] == texts[3]
    assert out[4] == "שלום [name], הטלפון שלי [phone]"
    assert out[5] == "תודה ל[name] מהמוקד ולנציגה שענתה"
    assert out[6] == texts[6]  # "הי" inside "הייתה" is not a greeting
    assert pd.isna(out[7])
    assert M.redact(["+972 52 123 4567"], lang="he")[0] == "[טלפון]"
    assert list(M.redact(["customer C05550199 here", "waited 45 minutes, 3 times", "room 12, 2026"], lang="en")) == [
        "customer [number] here", "waited 45 minutes, 3 times", "room 12, 2026"]
    assert texts[0].startswith("Hi Dana")  # input untouched


def test_theme_coding_hebrew_prefixes_english_stems_and_an_extended_frame():
    comments = pd.Series(["Waited two hours in the queue", "חיכיתי בתור שעתיים", "The website kept logging me out",
                          "האתר קרס", "Great and kind staff", "שירות טוב", "", None])
    coded = M.code_themes(comments)
    assert coded.loc[0, "waiting"] and coded.loc[1, "waiting"]
    assert coded.loc[2, "digital"] and coded.loc[3, "digital"]  # "האתר" = ה + אתר
    assert not coded.loc[6].any() and not coded.loc[7].any()
    frame = M.DEFAULT_CODE_FRAME.extend(M.Theme("parking", "Parking", "חניה", ("parking", "חנייה")),
                                        M.Theme("waiting", "", "", ("סבב",)))
    coded = M.code_themes(pd.Series(["no parking at all", "בלי חנייה", "עוד סבב"]), frame)
    assert coded["parking"].tolist() == [True, True, False] and coded.loc[2, "waiting"]
    tab = M.theme_table(comments).set_index("theme")
    assert tab.loc["waiting", "mentions"] == 2 and tab.loc["waiting", "comments"] == 6
    low, high = proportion_confint(2, 6, method="wilson")
    assert (tab.loc["waiting", "low"], tab.loc["waiting", "high"]) == pytest.approx((low, high))


def test_redaction_catches_introductions_staff_named_and_written_out_addresses():
    """review3-privacy F3: "I'm Dana", "my name's …", "שמי הוא …", "נציג בשם …" and "dana(at)mail.com" were shown
    verbatim in the report; ordinary words after "I am" are kept (not capitalised, or in the not-a-name list)."""
    texts = ["I'm Dana Levi and nobody called back", "my name's Yossi, case still open", "I am very upset",
             "שמי הוא אבי כהן ואף אחד לא חזר אליי", "נציג בשם משה עזר לי מאוד", "write to dana(at)mail [dot] com",
             "I am Happy with the outcome"]
    out = list(M.redact(texts, lang="en"))
    assert out[0] == "I'm [name] and nobody called back"
    assert out[1] == "my name's [name], case still open"
    assert out[2] == "I am very upset"
    assert out[3].startswith("שמי הוא [name]") and "אבי" not in out[3] and "כהן" not in out[3]
    assert out[4].startswith("נציג בשם [name]") and "משה" not in out[4]
    assert out[5] == "write to [e-mail]"
