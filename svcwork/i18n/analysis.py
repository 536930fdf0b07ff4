"""Messages shared by every analysis (``analysis.*`` keys): English and Hebrew, see :mod:`svcwork.i18n`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "analysis.error.not_frame": ("{what}: expected a table (pandas DataFrame); found {found}.",
                                 "{what}: נדרשת טבלה (pandas DataFrame); נמצא {found}."),
    "analysis.error.columns": ("{what}: expected the column(s) {missing}; found {found}.",
                               "{what}: נדרשות העמודות {missing}; נמצאו {found}."),
}
