"""What the README and the command line's docstring state about exit codes, the run's output folder,
what re-runs a client and the size of the test suite matches the code."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from svcwork import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _exit_codes_of_main() -> set[int]:
    source = inspect.getsource(cli._main)  # "return 3", "return 143 if … else 130"
    return {int(code) for code in re.findall(r"(?:\breturn|\belse) (\d+)\b", source)}


def test_the_docstring_names_every_exit_code_main_returns():
    """cli.py's docstring once said 130 for SIGTERM (it is 143) and left out 3 (an internal error)."""
    codes = _exit_codes_of_main()
    assert {3, 130, 143} <= codes, codes
    doc = " ".join(cli.__doc__.split())
    assert re.search(r"\b3 an internal error", doc), doc
    assert re.search(r"130 interrupted by Ctrl-C and 143 by SIGTERM", doc), doc
    for code in (0, 1, 2):
        assert re.search(rf"\b{code} ", doc)


def test_the_readme_names_the_exit_codes():
    text = " ".join(README.split())
    assert "exit 130 / 143" in text and "Exit 3 is an internal error" in text


def test_the_readme_gives_the_test_count_as_an_approximation():
    """A precise count rots with every test added ("its 4,600 tests" while 5,026 were collected)."""
    text = " ".join(README.split())
    exact = [m.group(0) for m in re.finditer(r"(?<!about )\b\d[\d,]* tests\b", text)]
    assert not exact, exact
    assert re.search(r"tests \(about [\d,]+\)|about [\d,]+ tests", text)


def test_the_readme_says_since_reruns_the_clients_it_matches():
    """``--since`` always reruns the clients it matches (batch.run_client: the comparison is an input the
    run's fingerprint does not cover): the list of what reruns a client says so."""
    block = README[README.index("svcwork batch data/clients -o out --jobs 2"):]
    block = block[:block.index("\n```")]
    assert "--since" in block, block


def _readme_run_outputs() -> set[str]:
    lines = README.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("svcwork run data/clients/neve-tamar -o out "))
    comment = [lines[start].split("#", 1)[1]]
    for line in lines[start + 1:]:
        if not re.match(r"^\s+#", line):
            break
        comment.append(line.split("#", 1)[1])
    text = " ".join(comment).split(":", 1)[1]
    depth, flat = 0, ""
    for ch in text:  # drop the parenthesised remarks
        depth += ch == "("
        flat += ch if depth == 0 else ""
        depth -= ch == ")"
    return {item.strip() for item in flat.split(",") if item.strip()}


def test_the_readme_run_output_list_parses():
    listed = _readme_run_outputs()
    assert {"report.html", "summary.json", "units/", "figures/", "sections/"} <= listed, listed


@pytest.mark.slow
def test_the_readme_lists_everything_a_run_writes(demo_reports):
    """Every file and folder of a client's output is in the README's list (report.pdf too: the demo runs
    are made without it; history/ is the quarter section's)."""
    listed = _readme_run_outputs()
    output = demo_reports["neve-tamar"]
    written = {p.name + ("/" if p.is_dir() else "") for p in output.iterdir() if not p.name.startswith(".")}
    assert written - {"history/"} <= listed, (written - listed)
