"""The cli messages of the catalogue (``cli.*`` keys): English and Hebrew, see :mod:`svcwork.i18n`."""

from __future__ import annotations

# --------------------------------------------------------------------------- command line
MESSAGES = {
    "cli.validate.ok": ("✓ {path}: can be analysed ({errors} errors, {warnings} warnings).",
                        "✓ {path}: אפשר לנתח ({errors} שגיאות, {warnings} אזהרות)."),
    "cli.validate.bad": ("✗ {path}: {errors} errors, {warnings} warnings — fix the errors and validate again.",
                         "✗ {path}: {errors} שגיאות, {warnings} אזהרות — יש לתקן את השגיאות ולבדוק שוב."),
}
