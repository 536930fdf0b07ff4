"""Every demo client's key figures are the ones committed in tests/data/expected/ (a regression guard).

The expected figures were computed by the code before the structure change (one case-log engine,
analyses split into packages; commit dc67822~1) with the notebooks' calls; a run of today's code
must give the same summary of every analysis, value for value.  When a change is meant to move a
figure (a defect fixed), regenerate with ``python tests/test_expected_figures.py`` and say in the
commit which figures moved and why.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "tests" / "data" / "expected"
CLIENTS = ("neve-tamar", "northfield-licensing", "rashut-hagimlaot")


def key_figures(client: Path) -> dict:
    """The summary of every analysis on *client*, computed as the notebooks compute them."""
    import svcwork
    from svcwork import journeys, links, management, measures, prioritize
    from svcwork.report import json_ready

    e = svcwork.load(client)
    figures = {
        "prioritization": prioritize.analyse(e, benefit_signal=links.benefit_signal(e)).summary(),
        "journeys": journeys.analyse(e).summary(),
        "measures": measures.analyse(e).summary(),
        "management": management.analyse(e, **links.linked_findings(e)).summary(),
    }
    return json.loads(json.dumps(json_ready(figures), ensure_ascii=False, sort_keys=True))


@pytest.mark.slow
@pytest.mark.parametrize("client", CLIENTS)
def test_demo_client_figures_are_the_committed_ones(client):
    expected = json.loads((EXPECTED / f"{client}.json").read_text(encoding="utf-8"))
    got = key_figures(ROOT / "data" / "clients" / client)
    for section in expected:
        for name, value in expected[section].items():
            assert got[section].get(name) == value, (client, section, name)
    assert set(got) == set(expected)
    for section in got:
        assert set(got[section]) >= set(expected[section]), (client, section)


if __name__ == "__main__":  # regenerate (deliberately): python tests/test_expected_figures.py
    os.environ.setdefault("SVCWORK_KEY", "test-key-not-secret")
    for name in sys.argv[1:] or CLIENTS:
        text = json.dumps(key_figures(ROOT / "data" / "clients" / name), ensure_ascii=False, indent=1, sort_keys=True)
        (EXPECTED / f"{name}.json").write_text(text + "\n", encoding="utf-8")
