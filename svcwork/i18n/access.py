"""Messages of accessible output: text alternatives of charts, contrast warnings (English, Hebrew)."""

from __future__ import annotations

MESSAGES: dict = {
}
