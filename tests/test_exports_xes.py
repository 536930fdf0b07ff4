"""svcwork.exports.xes: an XES event log (IEEE Std 1849-2016) read into a flat table of strings.

Known answers come from an independent reader, pm4py (``pm4py.read_xes``, test-only dependency,
AGPL), on a real public help-desk log, and from a small hand-written log whose frame is written
out here in full.
"""

from __future__ import annotations

import gzip
import re
import time
import warnings
from typing import Callable

import numpy as np
import pandas as pd
import pytest
from conftest import EVENTLOGS

from svcwork.exports.xes import XesError, read_xes

HELPDESK = EVENTLOGS / "helpdesk.xes.gz"


# =========================================================================== against pm4py
def test_helpdesk_same_as_pm4py() -> None:
    """The real help-desk log (4,580 cases, 21,348 events) read as pm4py reads it.

    pm4py (``pm4py.read_xes``, its own lxml iterparse importer) is the independent reference: same
    events in the same order, same case id per event (pm4py's ``case:concept:name``), same
    activities, same timestamps as instants, and every other column pm4py gives equal as text.
    """
    pm4py = pytest.importorskip("pm4py")
    start = time.perf_counter()
    ours = read_xes(gzip.decompress(HELPDESK.read_bytes()))
    print(f"read_xes(helpdesk): {time.perf_counter() - start:.2f} s for {len(ours):,} events")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = pm4py.read_xes(str(HELPDESK), variant="iterparse", show_progress_bar=False)

    assert len(ours) == len(ref) == 21_348
    assert ours["case:concept:name"].nunique() == 4_580
    assert (ours.dtypes == object).all()
    assert set(ours.columns) == set(ref.columns)
    assert list(ours.columns[:4]) == ["case:concept:name", "concept:name", "org:resource", "time:timestamp"]
    assert ours["case:concept:name"].tolist() == ref["case:concept:name"].astype(str).tolist()
    assert ours["concept:name"].tolist() == ref["concept:name"].astype(str).tolist()

    ours_ts = pd.to_datetime(ours["time:timestamp"], utc=True, format="ISO8601")
    ref_ts = ref["time:timestamp"].dt.tz_convert("UTC")
    assert (ours_ts.to_numpy() == ref_ts.to_numpy()).all()

    for col in ref.columns.intersection(ours.columns):
        mine, theirs = ours[col], ref[col]
        if pd.api.types.is_datetime64_any_dtype(theirs):
            mine_ts = pd.to_datetime(mine, utc=True, format="ISO8601")
            assert (mine_ts.to_numpy() == theirs.dt.tz_convert("UTC").to_numpy()).all(), col
        elif pd.api.types.is_numeric_dtype(theirs) and not pd.api.types.is_bool_dtype(theirs):
            np.testing.assert_array_equal(pd.to_numeric(mine).to_numpy(float), theirs.to_numpy(float))
        else:
            expected = [None if pd.isna(v) else str(v) for v in theirs]
            assert mine.tolist() == expected, col


# =========================================================================== a hand-written log
LOG = """<?xml version="1.0" encoding="UTF-8"?>
<!-- written by hand after IEEE Std 1849-2016 -->
<log xes.version="1849-2016" xes.features="nested-attributes" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
  <global scope="trace"><string key="concept:name" value="__INVALID__"/></global>
  <global scope="event">
    <string key="concept:name" value="__INVALID__"/>
    <string key="org:resource" value="UNKNOWN"/>
  </global>
  <classifier name="Activity" keys="concept:name"/>
  <string key="concept:name" value="יומן פניות"/>
  <string key="log_only" value="ignored"/>
  <trace>
    <string key="concept:name" value="פנייה-1"/>
    <string key="channel" value="טלפון"/>
    <event>
      <string key="concept:name" value="קבלת פנייה"/>
      <string key="org:resource" value="דנה"/>
      <date key="time:timestamp" value="2012-10-09T14:50:17.000+02:00"/>
      <int key="priority" value="2"/>
      <string key="lifecycle:transition" value="complete"/>
    </event>
    <event>
      <string key="concept:name" value="מענה לאזרח"/>
      <date key="time:timestamp" value="2012-10-10T09:00:00.000+03:00"/>
      <boolean key="escalated" value="true"/>
      <string key="note" value="outer"><string key="inner" value="nested"/></string>
    </event>
  </trace>
  <trace>
    <string key="concept:name" value="פנייה-2"/>
    <event>
      <string key="concept:name" value="קבלת פנייה"/>
      <string key="org:resource" value="יוסי"/>
      <date key="time:timestamp" value="2012-10-11T08:00:00Z"/>
      <float key="priority" value="1.5"/>
      <list key="tags"><values><string key="tag" value="x"/></values></list>
      <container key="box"><string key="boxed" value="y"/></container>
    </event>
  </trace>
  <trace>
    <string key="concept:name" value="פנייה-ריקה"/>
    <string key="only_in_empty_trace" value="z"/>
  </trace>
  <event><string key="orphan" value="outside any trace"/></event>
</log>
"""

EXPECTED = pd.DataFrame(
    {
        "case:concept:name": ["פנייה-1", "פנייה-1", "פנייה-2"],
        "case:channel": ["טלפון", "טלפון", None],
        "concept:name": ["קבלת פנייה", "מענה לאזרח", "קבלת פנייה"],
        "org:resource": ["דנה", None, "יוסי"],
        "time:timestamp": [
            "2012-10-09T14:50:17.000+02:00", "2012-10-10T09:00:00.000+03:00", "2012-10-11T08:00:00Z",
        ],
        "priority": ["2", None, "1.5"],
        "lifecycle:transition": ["complete", None, None],
        "escalated": [None, "true", None],
        "note": [None, "outer", None],
    },
    dtype=object,
)


def test_hand_written_log_exact_frame() -> None:
    got = read_xes(LOG.encode("utf-8"))
    pd.testing.assert_frame_equal(got, EXPECTED)
    assert (got.dtypes == object).all()
    assert got.iloc[1]["org:resource"] is None


def _no_namespace(text: str) -> str:
    return text.replace(' xmlns="http://www.xes-standard.org/"', "")


def _prefixed(text: str) -> str:
    return re.sub(r"<(/?)([a-z])", r"<\1xes:\2", text).replace(' xmlns="', ' xmlns:xes="')


def _utf16(text: str) -> str:
    return text.replace('encoding="UTF-8"', 'encoding="UTF-16"')


@pytest.mark.parametrize(
    ("rewrite", "encoding"),
    [(_no_namespace, "utf-8"), (_prefixed, "utf-8"), (_utf16, "utf-16")],
    ids=["no-namespace", "prefixed-namespace", "utf-16"],
)
def test_same_frame_without_namespace_or_in_utf16(rewrite: Callable[[str], str], encoding: str) -> None:
    text = rewrite(LOG)
    assert text != LOG
    pd.testing.assert_frame_equal(read_xes(text.encode(encoding)), EXPECTED)


# =========================================================================== errors
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE log [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<log><trace><event><string key="concept:name" value="&lol3;"/></event></trace></log>
"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE log SYSTEM "http://example.invalid/xes.dtd">
<log><trace><event><string key="concept:name" value="a"/></event></trace></log>
"""


@pytest.mark.parametrize("raw", [BILLION_LAUGHS, EXTERNAL], ids=["billion-laughs", "external-dtd"])
def test_dtd_and_entities_refused(raw: bytes) -> None:
    with pytest.raises(XesError) as info:
        read_xes(raw)
    assert info.value.reason == "xes_unsafe"
    assert info.value.line == 2
    assert 0 < len(info.value.detail) <= 120


def test_truncated_xml_is_structure_error_with_line() -> None:
    raw = LOG.encode("utf-8")
    cut = raw[: raw.index("מענה".encode())]
    with pytest.raises(XesError) as info:
        read_xes(cut)
    assert info.value.reason == "xes_structure"
    assert info.value.line == cut.count(b"\n") + 1
    assert len(info.value.detail) <= 120


def test_mismatched_tag_is_structure_error_with_line() -> None:
    raw = b'<log>\n<trace>\n<event>\n<string key="a" value="b"/>\n</trace>\n</log>\n'
    with pytest.raises(XesError) as info:
        read_xes(raw)
    assert (info.value.reason, info.value.line) == ("xes_structure", 5)


@pytest.mark.parametrize(
    "raw", [b"<foo/>", b'<?xml version="1.0"?>\n<html><body/></html>', b"<trace><event/></trace>"]
)
def test_root_not_log(raw: bytes) -> None:
    with pytest.raises(XesError) as info:
        read_xes(raw)
    assert info.value.reason == "xes_not_log"


@pytest.mark.parametrize(
    "raw",
    [
        b'<log xmlns="http://www.xes-standard.org/"><string key="concept:name" value="x"/></log>',
        b"<log><trace><string key='concept:name' value='empty'/></trace></log>",
        b"<log><event><string key='concept:name' value='orphan'/></event></log>",
    ],
    ids=["no-traces", "empty-trace", "orphan-event"],
)
def test_no_events(raw: bytes) -> None:
    with pytest.raises(XesError) as info:
        read_xes(raw)
    assert info.value.reason == "xes_no_events"
    assert info.value.line is None


def test_xes_error_is_exception_with_fields() -> None:
    err = XesError("xes_structure", "not well-formed XML", 3)
    assert isinstance(err, Exception)
    assert (err.reason, err.detail, err.line) == ("xes_structure", "not well-formed XML", 3)
