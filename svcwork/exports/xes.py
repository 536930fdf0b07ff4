"""Read an XES event log into a flat table of strings.

XES (eXtensible Event Stream) is the process-mining exchange format standardised as
IEEE Std 1849-2016, "IEEE Standard for eXtensible Event Stream (XES) for Achieving
Interoperability in Event Logs and Event Streams". A ``<log>`` holds ``<trace>`` elements (cases),
each holding ``<event>`` elements; both carry typed attributes (``<string key=... value=...>``,
``<date>``, ``<int>``, ``<float>``, ``<boolean>``, ``<id>``). Trace attributes become columns
prefixed ``case:`` as pm4py names them (``case:concept:name`` is the case id).

The log is streamed with :func:`defusedxml.ElementTree.iterparse` and elements are dropped once
read, so a log of millions of events never exists as a whole tree; a DTD or entity declaration
is refused.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pandas as pd
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, XMLParser, iterparse

__all__ = ["read_xes", "XesError"]

#: The XES attribute elements read (nested ones, ``<list>`` and ``<container>`` are skipped).
_ATTRIBUTE_TYPES = frozenset({"string", "date", "int", "float", "boolean", "id"})
#: Distinct values shared between cells (bounds the memo when values are unique, e.g. timestamps).
_MEMO_MAX = 100_000


class XesError(Exception):
    """An XES log that cannot be read.

    ``reason`` is one of ``"xes_unsafe"`` (DTD or entity declaration), ``"xes_structure"`` (not
    well-formed XML), ``"xes_not_log"`` (root element is not ``log``) and ``"xes_no_events"``;
    ``detail`` is a short technical description; ``line`` the 1-based line, when known.
    """

    def __init__(self, reason: str, detail: str, line: int | None = None) -> None:
        super().__init__(f"{reason}: {detail}" + (f" (line {line})" if line else ""))
        self.reason = reason
        self.detail = detail[:120]
        self.line = line


def read_xes(raw: bytes) -> pd.DataFrame:
    """Read an XES event log (IEEE Std 1849-2016) into one row per event, all values as text.

    Parameters
    ----------
    raw : bytes
        The XML document, already decompressed (un-gzip ``.xes.gz`` before calling).

    Returns
    -------
    pandas.DataFrame
        One row per ``<event>`` inside a ``<trace>``, in file order; dtype ``object``. Columns:
        each top-level trace attribute as ``case:<key>`` (pm4py's naming, so the case id is
        ``case:concept:name``), then each top-level event attribute by its key, both in
        first-seen order. Values are the ``value`` text exactly as written (dates keep their ISO
        offsets); an attribute an event lacks is ``None``. When a key repeats within one
        element the last one wins; a trace attribute wins over an event attribute of the same
        column name. Nested attributes, ``<list>``, ``<container>``, ``<global>``,
        ``<extension>``, ``<classifier>``, log attributes, events outside a trace and empty
        traces contribute nothing.

    Raises
    ------
    XesError
        ``xes_unsafe``, ``xes_structure``, ``xes_not_log`` or ``xes_no_events``.

    References
    ----------
    IEEE Std 1849-2016, eXtensible Event Stream (XES), https://www.xes-standard.org/ ; column
    naming after pm4py's ``pm4py.read_xes`` / ``log_to_dataframe`` (``case:`` prefix).
    """
    parser = XMLParser(target=ET.TreeBuilder(), forbid_dtd=True)
    locals_: dict[str, str] = {}  # tag -> local name ("{ns}event" -> "event")
    memo: dict[str, str] = {}  # one str object per repeated value (activity, resource...)
    cols: dict[str, list[str | None]] = {}
    case_order: list[str] = []
    event_order: list[str] = []
    n_rows = 0
    depth = 0
    stack: list[ET.Element] = []
    trace: dict[str, str | None] | None = None  # prefixed trace attributes of the open trace
    events: list[dict[str, str | None]] = []  # events of the open trace
    event: dict[str, str | None] | None = None
    try:
        for kind, elem in iterparse(io.BytesIO(raw), events=("start", "end"), parser=parser):
            tag = elem.tag
            name = locals_.get(tag)
            if name is None:
                name = locals_[tag] = tag.rpartition("}")[2] if isinstance(tag, str) else ""
            if kind == "start":
                depth += 1
                stack.append(elem)
                if depth == 1:
                    if name != "log":
                        raise XesError("xes_not_log", f"root element is <{name[:40]}>, not <log>", None)
                elif depth == 2:
                    if name == "trace":
                        trace, events = {}, []
                elif trace is not None and name in _ATTRIBUTE_TYPES and (key := elem.get("key")) is not None:
                    value = elem.get("value")
                    if value is not None:
                        shared = memo.get(value)
                        if shared is not None:
                            value = shared
                        elif len(memo) < _MEMO_MAX:
                            memo[value] = value
                    if depth == 3:
                        trace["case:" + key] = value
                    elif depth == 4 and event is not None:
                        event[key] = value
                elif depth == 3 and trace is not None and name == "event":
                    event = {}
                continue
            depth -= 1
            stack.pop()
            if depth == 2 and event is not None and name == "event":
                events.append(event)
                event = None
            elif depth == 1 and trace is not None and name == "trace":
                for ev in events:
                    row = {**ev, **trace}
                    for key in row:
                        if key not in cols:
                            cols[key] = [None] * n_rows
                            (case_order if key in trace else event_order).append(key)
                    for key, values in cols.items():
                        values.append(row.get(key))
                    n_rows += 1
                trace, events = None, []
            if 1 <= depth <= 2:
                stack[-1].clear()  # drop the finished child (and its subtree) from its parent
    except DefusedXmlException as exc:
        expat = getattr(parser, "parser", None)
        line = expat.CurrentLineNumber if expat is not None else None
        raise XesError("xes_unsafe", f"DTD or entity declaration refused: {exc}", line) from None
    except ParseError as exc:
        raise XesError("xes_structure", f"not well-formed XML: {exc}", exc.position[0]) from None
    if n_rows == 0:
        raise XesError("xes_no_events", "the log contains no event inside a trace", None)
    return pd.DataFrame({key: cols[key] for key in case_order + event_order}, dtype=object)
