"""What the README and the Makefile tell a consultant on a fresh machine holds: the plain papermill
command runs in a fresh checkout, the reports ``make reports`` writes are git-ignored, and the kernel
the README names is the one the notebooks run in."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def _bash_blocks() -> list[str]:
    return re.findall(r"```bash\n(.*?)```", README, re.S)


def test_the_readme_papermill_command_runs_in_a_fresh_checkout(tmp_path):
    """papermill refuses an output notebook whose folder does not exist ("output folder out doesn't exist"):
    the README's block must make it. Run here with a papermill that checks just that, as papermill does."""
    block = next(b for b in _bash_blocks() if re.search(r"^\s*(mkdir[^\n]*&&\s*)?papermill ", b, re.M))
    stub = tmp_path / "bin" / "papermill"
    stub.parent.mkdir()
    stub.write_text(f"#!{sys.executable}\n"
                    "import os, sys\n"
                    "out = sys.argv[2]\n"
                    "folder = os.path.dirname(out) or '.'\n"
                    "sys.exit(0 if os.path.isdir(folder) else f\"output folder {folder} doesn't exist.\")\n")
    stub.chmod(stub.stat().st_mode | stat.S_IXUSR)
    checkout = tmp_path / "checkout"  # a fresh clone: no out/ yet
    (checkout / "notebooks").mkdir(parents=True)
    env = dict(os.environ, PATH=f"{stub.parent}{os.pathsep}{os.environ['PATH']}")
    ran = subprocess.run(["bash", "-euo", "pipefail", "-c", block], cwd=checkout, env=env, capture_output=True,
                         text=True, timeout=60)
    assert ran.returncode == 0, ran.stderr


def _report_folders() -> list[str]:
    """The -o folders of the Makefile's reports recipe, for the default OUT and another one."""
    recipe = re.search(r"^reports:.*\n((?:\t.*\n)+)", MAKEFILE, re.M).group(1)
    folders = re.findall(r"-o\s+(\S+)", recipe)
    assert folders, recipe
    return [f.replace("$(OUT)", out) for f in folders for out in ("out", "out-q3")]


def test_every_folder_make_reports_writes_is_git_ignored():
    """make reports writes out/ and out-previous/, both with per-case records under .rounds/: a ``git add -A``
    after it must not commit them."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    for folder in _report_folders():
        for probe in (f"{folder}/x", f"{folder}/.rounds/client/round/cases.parquet"):
            ignored = subprocess.run(["git", "check-ignore", "-q", "--no-index", probe], cwd=ROOT)
            assert ignored.returncode == 0, f"{probe} is not git-ignored"


def test_the_readme_names_the_kernel_the_notebooks_run_in():
    """Every notebook names svcwork's kernel (svcwork.kernels.KERNEL, which run, batch and the Dask check use),
    the README's ``make lab`` line names that kernel's display name, and no other kernel is registered."""
    from jupyter_client.kernelspec import KernelSpecManager

    from svcwork.kernels import KERNEL

    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        assert json.loads(nb.read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"] == KERNEL, nb.name
    shown = KernelSpecManager().get_kernel_spec(KERNEL).display_name
    lab = [line for line in README.splitlines() if line.startswith("make lab")]
    assert lab and all(f'"{shown}"' in line for line in lab), (shown, lab)
    for name in re.findall(r"ipykernel install[^\n]*--name[ =](\S+)", MAKEFILE):
        assert name == KERNEL, f"the Makefile registers a kernel ({name}) that no notebook uses"
