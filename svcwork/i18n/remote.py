"""Messages of remote storage (fsspec URLs) and cluster batches (English, Hebrew)."""

from __future__ import annotations

MESSAGES: dict = {
    # storage: fsspec URLs for CLIENTS, OUT and --since (svcwork.storage)
    "remote.error.protocol": ("cannot open {url}: expected a path or a URL of an installed fsspec protocol "
                              "(s3://, gs://, file:// …) ({detail})",
                              "לא ניתן לפתוח את {url}: נדרש נתיב או כתובת של פרוטוקול fsspec מותקן "
                              "(s3://‏, gs://‏, file://‏ …) ({detail})"),
    "remote.error.read": ("cannot read {url}: check the address and the credentials of the protocol's usual "
                          "environment or configuration ({detail})",
                          "לא ניתן לקרוא את {url}: יש לבדוק את הכתובת ואת פרטי הגישה בסביבה או בהגדרות הרגילות "
                          "של הפרוטוקול ({detail})"),
    "remote.error.write": ("cannot write to {url}: check the address, the permissions and the credentials of the "
                           "protocol's usual environment or configuration ({detail})",
                           "לא ניתן לכתוב אל {url}: יש לבדוק את הכתובת, את ההרשאות ואת פרטי הגישה בסביבה או "
                           "בהגדרות הרגילות של הפרוטוקול ({detail})"),
    "remote.error.not_found": ("nothing found at {url}: expected a folder (or bucket) that exists",
                               "לא נמצא דבר ב־{url}: נדרשת תיקייה (או bucket) קיימת"),
    "remote.error.not_folder": ("expected a folder at {url}, found a file", "נדרשת תיקייה ב־{url}, נמצא קובץ"),
    # cluster: svcwork batch --scheduler (svcwork.remote)
    "remote.error.no_workers": ("the Dask scheduler at {address} has no live worker: none joined within {seconds} s "
                                "(start one with: dask worker {address})",
                                "למתזמן Dask בכתובת {address} אין worker פעיל: אף אחד לא הצטרף תוך {seconds} שניות "
                                "(הפעלה: dask worker {address})"),
    "remote.error.workers_lost": ("every worker of the cluster was lost and none came back within {seconds} s; "
                                  "the client was not run",
                                  "כל ה־workers של האשכול אבדו ואף אחד לא חזר תוך {seconds} שניות; הלקוח לא הורץ"),
    "remote.error.workers_unreachable": ("cannot ask the cluster's workers for their versions ({detail})",
                                         "לא ניתן לשאול את ה־workers של האשכול על הגרסאות שלהם ({detail})"),
    "remote.error.workers_differ": ("these workers cannot run svcwork {version} as this machine does; install the "
                                    "same svcwork and dependencies there, or stop them:\n  {workers}",
                                    "ה־workers האלה אינם יכולים להריץ את svcwork {version} כמו מחשב זה; יש להתקין "
                                    "בהם את אותה svcwork ואותן תלויות, או לעצור אותם:\n  {workers}"),
    "remote.error.worker_line": ("worker {worker}: {differences}", "worker {worker}: {differences}"),
    "remote.diff.version": ("svcwork {theirs} (here: {mine})", "svcwork {theirs} (כאן: {mine})"),
    "remote.diff.code": ("svcwork {version} with different code, notebooks or report templates ({theirs}, here: "
                         "{mine})",
                         "svcwork {version} עם קוד, מחברות או תבניות דוח שונים ({theirs}, כאן: {mine})"),
    "remote.diff.package": ("{name} {theirs} (here: {mine})", "{name} {theirs} (כאן: {mine})"),
    "remote.diff.missing": ("missing {names}", "חסרים: {names}"),
    "remote.diff.no_svcwork": ("svcwork cannot be imported ({detail})", "לא ניתן לייבא את svcwork ({detail})"),
    "remote.error.inputs_too_large": ("the client's inputs are {mb} MB, more than the {limit} MB sent to a cluster "
                                      "worker (SVCWORK_REMOTE_MAX_MB)",
                                      "קובצי הקלט של הלקוח הם {mb} MB, יותר מ־{limit} MB שנשלחים ל־worker באשכול "
                                      "(SVCWORK_REMOTE_MAX_MB)"),
    "remote.error.outputs_too_large": ("the client's report is {mb} MB, more than the {limit} MB sent back from a "
                                       "cluster worker (SVCWORK_REMOTE_MAX_MB)",
                                       "הדוח של הלקוח הוא {mb} MB, יותר מ־{limit} MB שנשלחים חזרה מ־worker באשכול "
                                       "(SVCWORK_REMOTE_MAX_MB)"),
    "remote.error.client_timeout": ("the client ran on the cluster far past its time limit of {seconds} s and was "
                                    "given up",
                                    "הלקוח רץ באשכול הרבה מעבר למגבלת הזמן של {seconds} שניות והופסק"),
    "remote.error.not_sent": ("no worker of the cluster took the client's files within {seconds} s ({detail}); the "
                              "client was not run",
                              "אף worker באשכול לא קיבל את קובצי הלקוח תוך {seconds} שניות ({detail}); הלקוח לא הורץ"),
    "remote.error.cancelled": ("the batch gave the client up before its turn on the worker came; it was not run",
                               "האצווה ויתרה על הלקוח לפני שהגיע תורו ב־worker; הלקוח לא הורץ"),
    "remote.error.internal": ("internal error: {detail}", "שגיאה פנימית: {detail}"),
    "remote.error.internal_worker": ("internal error in the worker: {detail}", "שגיאה פנימית ב־worker: {detail}"),
    # the {detail} of batch.worker_died ("The worker process running this client died (…) {detail}; …")
    "remote.detail.twice": ("twice ({detail})", "פעמיים ({detail})"),
    "remote.detail.twice_plain": ("twice", "פעמיים"),
    "remote.detail.not_begun": ("{n} times before the client could begin ({detail})",
                                "{n} פעמים לפני שהלקוח החל לרוץ ({detail})"),
}
