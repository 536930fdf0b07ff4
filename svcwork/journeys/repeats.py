"""Repeat contact: the same citizen coming back within a window, and the channel they came back on.

Reference: first-contact-resolution practice of contact centres (SQM Group; COPC CX Standard for
Customer Experience Operations, 2020).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..caselog import DAY_NS, CaseLog, prepare
from ..errors import AnalysisError
from ..i18n import t

__all__ = ["RepeatContacts", "repeat_contacts"]


@dataclass(frozen=True)
class RepeatContacts:
    """Repeat contacts per case (cases without a citizen id are never linked).

    ``cases``: one row per case_id with ``repeat`` (the same citizen opened another case within
    ``days`` before it), ``followed_by_repeat`` (the citizen came back within ``days`` after it),
    ``channel_switch`` (a repeat whose channel differs from the previous case's); NA where the case
    has no citizen id.  ``rate``: repeats / cases with a citizen id; ``channel_switching``: the share
    of citizens with a repeat contact (channels known) whose repeat contacts moved channel.
    """

    cases: pd.DataFrame
    days: int
    linked_cases: int
    rate: float | None
    channel_switching: float | None
    citizens_with_repeat: int


def repeat_contacts(log: pd.DataFrame, *, days: int = 7) -> RepeatContacts:
    """Repeat contacts: a case is a repeat contact when the same (pseudonymised) citizen opened another
    case at most *days* days before it (cases opened at the same instant: the later in the file repeats).

    Reference: first-contact-resolution practice of contact centres (SQM Group; COPC CX Standard
    for Customer Experience Operations, 2020): a need is resolved at first contact when the customer
    does not contact again within the window.
    """
    if not isinstance(days, (int, np.integer)) or days < 0:
        raise AnalysisError(t("journeys.error.days", "en", value=days))
    return _repeats(prepare(log), int(days))


def _repeats(L: CaseLog, days: int) -> RepeatContacts:
    key = f"repeats:{days}"
    if key in L._cache:
        return L._cache[key]  # type: ignore[return-value]
    C = L.n_cases
    cz = L.codes("citizen_id")
    citizen = L.first_per_case(cz[0]) if cz is not None else np.full(C, -1, np.int64)
    chc = L.codes("channel")
    channel = L.first_per_case(chc[0]) if chc is not None else np.full(C, -1, np.int64)
    start = L.case_start
    known = citizen >= 0
    rep = np.zeros(C, bool)
    fol = np.zeros(C, bool)
    sw = np.zeros(C, bool)
    switching = None
    with_rep = 0
    idx = np.flatnonzero(known)
    if len(idx) > 1:
        o = idx[np.lexsort((idx, start[idx], citizen[idx]))]
        cit, st, ch = citizen[o], start[o], channel[o]
        near = (cit[1:] == cit[:-1]) & (st[1:] - st[:-1] <= days * DAY_NS)
        rep[o[1:][near]] = True
        fol[o[:-1][near]] = True
        comparable = near & (ch[1:] >= 0) & (ch[:-1] >= 0)
        moved = comparable & (ch[1:] != ch[:-1])
        sw[o[1:][moved]] = True
        with_rep = int(len(np.unique(cit[1:][near])))
        comp_citizens = np.unique(cit[1:][comparable])
        if len(comp_citizens):
            switching = float(len(np.unique(cit[1:][moved])) / len(comp_citizens))
    frame = pd.DataFrame({
        "repeat": pd.array(np.where(known, rep, False), dtype="boolean"),
        "followed_by_repeat": pd.array(np.where(known, fol, False), dtype="boolean"),
        "channel_switch": pd.array(np.where(known, sw, False), dtype="boolean"),
    }, index=L.case_ids)
    frame.loc[~known, :] = pd.NA
    linked = int(known.sum())
    result = RepeatContacts(frame, days, linked, float(rep[known].mean()) if linked else None, switching, with_rep)
    L._cache[key] = result
    return result
