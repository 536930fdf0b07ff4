"""Pseudonymisation of personal identifiers and suppression of small groups.

Pseudonyms are keyed hashes (HMAC-SHA-256, RFC 2104) so the same citizen gets the same
pseudonym within a project (repeat contacts can still be found) while the value cannot be
recovered without the key.  The key comes from ``SVCWORK_KEY`` (hex or any text), else from
the secret file ``SVCWORK_KEY_FILE`` (default ``~/.config/svcwork/secret.key``, created with
mode 0600 on first use).  The key is never written into any output.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["pseudonymisation_key", "pseudonymise", "suppress", "SUPPRESSED"]

#: Marker used in place of a suppressed value in human-facing tables.
SUPPRESSED = "—"


def _key_file() -> Path:
    env = os.environ.get("SVCWORK_KEY_FILE")
    if env:
        return Path(env).expanduser()
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "svcwork" / "secret.key"


def pseudonymisation_key() -> bytes:
    """The project's secret key (see module docstring); created on first use."""
    env = os.environ.get("SVCWORK_KEY")
    if env:
        return env.encode("utf-8")
    path = _key_file()
    try:
        return path.read_bytes().strip()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(32).encode("ascii")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
        return key


def pseudonymise(values: pd.Series, *, namespace: str, key: bytes | None = None, length: int = 12) -> pd.Series:
    """Replace identifiers by keyed-hash pseudonyms (``<namespace>-<hex>``); missing stays missing.

    The same value always maps to the same pseudonym for the same key and namespace
    (HMAC-SHA-256 per RFC 2104, truncated to *length* hex digits).  Leading/trailing spaces
    and case are ignored so ``" AB12 "`` and ``"ab12"`` are one person.
    """
    key = pseudonymisation_key() if key is None else key
    prefix = namespace.encode("utf-8") + b"\x00"
    text = values.astype("string").str.strip().str.casefold()
    uniques = pd.unique(text.dropna())
    mapping = {u: f"{namespace[:3]}-" + hmac.new(key, prefix + u.encode("utf-8"), hashlib.sha256).hexdigest()[:length]
               for u in uniques}
    out = text.map(mapping)
    return out.astype("string").rename(values.name)


def suppress(frame: pd.DataFrame, *, count: str, min_size: int) -> pd.DataFrame:
    """Drop rows whose group count (column *count*) is below *min_size*.

    Used on every grouped table before it is shown, charted or written, so that no group
    smaller than the engagement's ``min_group_size`` ever leaves the analysis.
    """
    counts = pd.to_numeric(frame[count], errors="coerce")
    return frame.loc[np.asarray(counts >= min_size)].copy()
