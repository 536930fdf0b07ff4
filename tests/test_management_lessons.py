"""Management, lessons learned: Pareto shares, vital few, recurrence, lessons with and without an action
(:mod:`svcwork.management.lessons`)."""

from __future__ import annotations

import pandas as pd
import pytest
from test_management_actions import _actions

from svcwork.management import lessons_pareto, lessons_without_action


def _lessons() -> pd.DataFrame:
    cats = ["Systems"] * 5 + ["Conduct"] * 3 + ["Process", "Signage"]
    months = [1, 2, 2, 3, 5, 4, 4, 4, 6, 6]
    return pd.DataFrame({
        "date": [pd.Timestamp(2026, m, 3) for m in months],
        "unit": ["Revenue", "Revenue", "Parking", "Revenue", "Revenue", "Parking", "Parking", "Parking", "Parking", "Parking"],
        "event": [f"event {i}" for i in range(10)],
        "category": [c.lower() if i == 4 else c for i, c in enumerate(cats)],  # "systems" is the same category
        "lesson": [None] * 10,
        "action_id": ["A4", None, None, "a3", None, None, "A5", None, "A1", None],
    })


def test_lessons_pareto_by_hand():
    p = lessons_pareto(_lessons(), actions=_actions()).set_index("category")
    assert list(p.index) == ["Systems", "Conduct", "Process", "Signage"]
    assert p["n"].tolist() == [5, 3, 1, 1]
    assert p["share"].tolist() == pytest.approx([0.5, 0.3, 0.1, 0.1])
    assert p["cumulative"].tolist() == pytest.approx([0.5, 0.8, 0.9, 1.0])
    assert p["vital_few"].tolist() == [True, True, False, False]  # the first 80 % of events
    assert p.loc["Systems", "recurring"] and p.loc["Systems", "periods"] == 4
    assert not p.loc["Conduct", "recurring"]  # three events, one month
    assert p.loc["Systems", "with_action"] == 2 and p.loc["Systems", "action_done"] == 1  # a3 -> A3 done
    assert p.loc["Conduct", "with_action"] == 0  # its A5 was cancelled: it answers nothing
    assert p["without_action"].sum() == 7
    q = lessons_pareto(_lessons(), actions=_actions(), period="Q").set_index("category")
    assert q.loc["Systems", "periods"] == 2
    unlinked = lessons_without_action(_lessons(), actions=_actions())
    assert len(unlinked) == 7 and list(unlinked["date"]) == sorted(unlinked["date"])


def test_a_lesson_is_linked_by_its_action_id_or_by_an_action_naming_its_lesson_id():
    les = _lessons().assign(lesson_id=[f"LL{i:02d}" for i in range(1, 11)])
    # A2 names LL02 (its action_id is empty) and LL01 (already linked to A4 from the Lessons side)
    acts = _actions().assign(lesson=[None, "ll02", None, None, None, "LL99"])
    p = lessons_pareto(les, actions=acts).set_index("category")
    assert p.loc["Systems", "with_action"] == 3  # A4, a3 and now A2 by LL02
    assert p["without_action"].sum() == 6  # LL07's A5 was cancelled
    unlinked = lessons_without_action(les, actions=acts)
    assert "LL02" not in set(unlinked["lesson_id"]) and len(unlinked) == 6
    # without the Actions' lesson column the old count stands
    assert lessons_pareto(les, actions=_actions())["without_action"].sum() == 7


def test_a_lesson_whose_only_action_was_cancelled_led_to_no_action():
    """A cancelled action answers nothing (as for the findings, management.coverage): a lesson linked only to
    cancelled actions counts as without an action; a live action naming the lesson wins over a cancelled one."""
    acts = pd.DataFrame({"action_id": ["A1", "A2", "A3"], "action": ["x", "y", "z"], "owner": ["o"] * 3,
                         "due_date": [pd.Timestamp("2026-03-31")] * 3,
                         "status": ["cancelled", "in progress", "בוטל"], "lesson": ["LL1", "LL2", None]})
    les = pd.DataFrame({"lesson_id": ["LL1", "LL2", "LL3"], "date": [pd.Timestamp("2026-01-10")] * 3,
                        "unit": ["U"] * 3, "event": ["e1", "e2", "e3"], "category": ["Systems"] * 3,
                        "action_id": [None, "A3", "A3"]})
    # LL1: only the cancelled A1 names it -> no action; LL2: its own A3 is cancelled, A2 (live) names it -> A2;
    # LL3: only the cancelled A3 -> no action
    p = lessons_pareto(les, actions=acts).set_index("category")
    assert (p.loc["Systems", "with_action"], p.loc["Systems", "without_action"]) == (1, 2)
    unlinked = lessons_without_action(les, actions=acts)
    assert sorted(unlinked["lesson_id"]) == ["LL1", "LL3"]
