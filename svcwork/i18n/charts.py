"""The charts messages of the catalogue (``charts.*`` keys): English and Hebrew, see :mod:`svcwork.i18n`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}       # "charts.*"
