"""An installed svcwork (``pip install .``, a wheel, a Dask worker's install) runs without a checkout: the
notebooks and the report templates ship inside the package (pyproject's package-dir), and svcwork.paths
finds them there when no checkout is beside the package."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# what the installed package must carry: every analysis notebook and the templates a run reads
_PROBE = r"""
import json, sys
import svcwork
from svcwork import paths
from svcwork.kernels import analysis_notebooks, check_notebook_parameters
from svcwork.report.pieces import _css, _render

for nb in analysis_notebooks():
    check_notebook_parameters(nb)  # the notebook is there, with its parameters cell
templates = paths.templates_dir() / "report"
print(json.dumps({
    "package": svcwork.__file__,
    "notebooks_dir": str(paths.notebooks_dir()),
    "notebooks": sorted(p.name for p in paths.notebooks_dir().glob("*.ipynb")),
    "analysis": [str(p) for p in analysis_notebooks()],
    "templates": sorted(p.name for p in templates.iterdir()),
    "css": len(_css()),
}))
"""


@pytest.mark.slow
def test_a_non_editable_install_holds_the_notebooks_and_templates(tmp_path):
    """Built from the project's files as ``pip install .`` builds them, into a folder of its own (``--target``),
    and imported from there with the current directory outside any checkout (~15 s: pip builds the wheel)."""
    src = tmp_path / "src"
    keep = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")
    for name in ("svcwork", "notebooks", "templates"):
        shutil.copytree(ROOT / name, src / name, ignore=keep)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    target = tmp_path / "site"
    built = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-cache-dir",
                            "--disable-pip-version-check", "--target", str(target), str(src)],
                           capture_output=True, text=True, timeout=600)
    if built.returncode and "setuptools" in built.stderr and "No matching distribution" in built.stderr:
        pytest.skip("pip cannot fetch the build's setuptools here (no package index): " + built.stderr[-300:])
    assert built.returncode == 0, built.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("SVCWORK_HOME", "PYTHONPATH")}
    env["PYTHONPATH"] = str(target)
    probe = subprocess.run([sys.executable, "-c", _PROBE], cwd=elsewhere, env=env, capture_output=True, text=True,
                           timeout=300)
    assert probe.returncode == 0, probe.stderr
    got = json.loads(probe.stdout.splitlines()[-1])
    assert Path(got["package"]).is_relative_to(target)  # the installed copy, not this checkout
    assert Path(got["notebooks_dir"]).is_relative_to(target)
    assert got["notebooks"] == sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert all(Path(p).is_file() for p in got["analysis"])
    assert got["templates"] == sorted(p.name for p in (ROOT / "templates" / "report").iterdir())
    assert got["css"] > 0
    # the notebooks installed are the checkout's, byte for byte
    for name in got["notebooks"]:
        assert (Path(got["notebooks_dir"]) / name).read_bytes() == (ROOT / "notebooks" / name).read_bytes()


def test_a_checkout_reads_its_own_folders_first(monkeypatch, tmp_path):
    """In a checkout (and with SVCWORK_HOME) the top-level notebooks/ and templates/ are used, as before."""
    from svcwork import paths

    monkeypatch.delenv("SVCWORK_HOME", raising=False)
    assert paths.notebooks_dir() == ROOT / "notebooks" and paths.templates_dir() == ROOT / "templates"
    monkeypatch.setenv("SVCWORK_HOME", str(tmp_path))
    assert paths.notebooks_dir() == tmp_path / "notebooks" and paths.templates_dir() == tmp_path / "templates"
