"""The shape of the package (issue: a structure a newcomer can change safely).

- no module over ~900 lines;
- no presentation (matplotlib, charts, HTML, translated headers or sentences) in the computation
  modules of an analysis package: it lives in ``present``;
- every user-facing error message through the catalogue (no string literal given to an error);
- one definition of the small helpers (rounding, yes/no, column checks) in ``svcwork.common``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "svcwork"
ANALYSES = ("prioritize", "journeys", "measures", "management")
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
#: Modules exempt from the size rule (none; the message catalogue under i18n/ is data, not code).
LONG_OK: set[str] = set()


def _rel(p: Path) -> str:
    return str(p.relative_to(ROOT))


@pytest.mark.parametrize("path", [p for p in MODULES if p.name not in LONG_OK and p.parent.name != "i18n"], ids=_rel)
def test_no_module_is_longer_than_a_sitting(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 900


#: Where an analysis package keeps its presentation (tables, figures, findings) and its links to others.
PRESENTING = ("present", "figures", "plots", "charts", "maps", "links", "__init__")


def _computation_modules() -> list[Path]:
    out = []
    for name in ANALYSES:
        folder = PACKAGE / name
        if folder.is_dir():
            out += [p for p in folder.rglob("*.py") if not p.stem.startswith(PRESENTING)
                    and not any(part.startswith("present") for part in p.relative_to(folder).parts[:-1])]
    return out


PRESENTATION = re.compile(r"^\s*(import matplotlib|from matplotlib|from \.\. import charts|from \.\.charts|"
                          r"import html\b)", re.M)
HEADER_KEY = re.compile(r"""["'](?:prioritize|journeys|measures|management)\.(?:col|fig|finding|caption)\.""")


@pytest.mark.parametrize("path", _computation_modules(), ids=_rel)
def test_computation_modules_hold_no_presentation(path):
    text = path.read_text(encoding="utf-8")
    assert not PRESENTATION.search(text), "matplotlib, charts or HTML belong in present.py"
    assert not HEADER_KEY.search(text), "translated headers, figure titles and findings belong in present.py"


def _error_literals(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            name = getattr(node.exc.func, "id", getattr(node.exc.func, "attr", ""))
            if name in ("AnalysisError", "UsageError", "SvcworkError") and node.exc.args:
                first = node.exc.args[0]
                if isinstance(first, (ast.JoinedStr, ast.Constant)) and not (
                        isinstance(first, ast.Constant) and not isinstance(first.value, str)):
                    bad.append(node.lineno)
    return bad


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_user_facing_errors_speak_through_the_catalogue(path):
    assert not _error_literals(path), f"error messages written in place at lines {_error_literals(path)}"


def test_small_helpers_have_one_home():
    pattern = re.compile(r"^def (_round|_yes_no|_require|_check_columns)\(", re.M)
    homes = [(_rel(p), m.group(1)) for p in MODULES for m in pattern.finditer(p.read_text(encoding="utf-8"))]
    assert not homes, f"use svcwork.common instead: {homes}"
