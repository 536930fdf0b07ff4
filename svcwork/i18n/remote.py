"""Messages of remote storage (fsspec URLs) and cluster batches (English, Hebrew)."""

from __future__ import annotations

MESSAGES: dict = {
}
