"""Messages of the prioritisation workshop (svcwork.workshop) (English, Hebrew)."""

from __future__ import annotations

MESSAGES: dict = {
}
