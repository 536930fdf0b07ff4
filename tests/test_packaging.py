"""Set-up files stay in step: environment.yml lists exactly pyproject's dependencies."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# conda-forge names that differ from PyPI names: conda-forge's ``playwright`` is the Node.js tool (the Python
# library is ``playwright-python``); its ``matplotlib`` adds Qt, ``matplotlib-base`` is PyPI's matplotlib
CONDA_NAMES = {"playwright": "playwright-python", "matplotlib": "matplotlib-base"}
# dependencies conda-forge does not have, installed by pip from environment.yml's pip: section
NOT_ON_CONDA_FORGE = {"pm4py", "axe-playwright-python"}


def _name_spec(requirement: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    assert m, requirement
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def _conda_dependencies() -> dict[str, str]:
    deps: dict[str, str] = {}
    in_deps = False
    for line in (ROOT / "environment.yml").read_text().splitlines():
        if line.startswith("dependencies:"):
            in_deps = True
            continue
        m = re.match(r"^  - ([^#\s][^#]*)$", line)
        if in_deps and m and not m.group(1).startswith("pip"):
            name, spec = _name_spec(m.group(1))
            deps[name] = spec
        # the pip section: packages not on conda-forge (the editable install itself excluded)
        m = re.match(r"^      - ([A-Za-z][^#\s]*)\s*$", line)
        if in_deps and m:
            name, spec = _name_spec(m.group(1))
            deps[name] = spec
    return deps


def _pip_section() -> set[str]:
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    section = text[text.index("  - pip:\n"):]
    return {_name_spec(m)[0] for m in re.findall(r"^      - ([A-Za-z][^#\s]*)\s*$", section, re.M)}


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = dict(_name_spec(r) for r in project["dependencies"] + project["optional-dependencies"]["test"])
    wanted = {CONDA_NAMES.get(k, k): v for k, v in wanted.items()}
    conda = _conda_dependencies()
    conda.pop("python", None)
    assert conda == wanted, "environment.yml and pyproject.toml drifted apart"
    python = re.search(r"^  - python(.*)$", (ROOT / "environment.yml").read_text(), re.M).group(1).strip()
    assert python == project["requires-python"], "python version differs between environment.yml and pyproject"


def test_conda_forge_packages_by_their_conda_forge_names():
    """conda installs what pip would: the Python Playwright (``playwright-python``), not conda-forge's
    ``playwright`` (the Node.js tool, with nodejs); and pip installs what conda-forge lacks (pm4py), where
    ``conda env create`` would stop with PackagesNotFoundError."""
    conda = _conda_dependencies()
    pip = _pip_section()
    assert pip == NOT_ON_CONDA_FORGE, pip ^ NOT_ON_CONDA_FORGE
    for pypi, conda_name in CONDA_NAMES.items():
        assert conda_name in conda and pypi not in conda, (pypi, conda_name)
    # every line of the dependencies is read (a trailing comment once hid a line from the comparison)
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    listed = re.findall(r"^  - (\S+)", text[text.index("dependencies:"):], re.M)
    assert len(listed) == len(conda) - len(pip) + 2, listed  # + python and pip


def test_environment_installs_the_package_editable():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"- pip:\n(\s+(#.*|- \S.*)\n)*\s+- -e \.", text)
    assert "conda-forge" in text


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "make test" in ci.splitlines()[-1]
    assert "make test" in readme and "make reports" in readme


def test_the_copy_of_the_shared_material_equals_the_original():
    """tests/data/shared stands in for ../shared in a checkout without it: it must not drift."""
    from conftest import SHARED_COPY

    original = ROOT.parent / "shared"
    copied = sorted(p.relative_to(SHARED_COPY) for p in SHARED_COPY.rglob("*") if p.is_file() and p.name != "README.md")
    assert copied, "tests/data/shared is empty"
    if not (original / "data" / "eventlogs").is_dir():
        pytest.skip("no ../shared beside this checkout: the tests use the copy in tests/data/shared")
    for rel in copied:
        assert (SHARED_COPY / rel).read_bytes() == (original / rel).read_bytes(), f"{rel} differs from ../shared"


def test_every_subpackage_is_packaged():
    """A package missing from pyproject's list would be absent from a wheel (a consultant's ``pip install .``);
    beside svcwork/'s own, the list holds only the copies of the checkout's notebooks/ and templates/ that
    the package carries (its package-dir), each with package data covering every file a run reads."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "svcwork").rglob("__init__.py")}
    assets = {"svcwork._notebooks": "notebooks", "svcwork._templates": "templates",
              "svcwork._templates.report": "templates/report"}
    assert found | set(assets) == listed, (found | set(assets)) ^ listed
    assert setuptools["package-dir"] == {"svcwork._notebooks": "notebooks", "svcwork._templates": "templates"}
    data = setuptools["package-data"]
    shipped = {f for pkg, folder in assets.items() for pattern in data.get(pkg, ()) for f in (ROOT / folder).glob(pattern)}
    needed = set((ROOT / "notebooks").glob("*.ipynb")) | {p for p in (ROOT / "templates" / "report").iterdir()}
    assert needed <= shipped, needed - shipped


def test_the_license_is_an_spdx_expression_that_setuptools_reads():
    """PEP 639: ``license`` is an SPDX expression string; the TOML-table form is deprecated in setuptools
    and refused from 2027-02-18 (its build warning), which would break every install from a clean clone."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert isinstance(project["project"]["license"], str)
    assert re.fullmatch(r"LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9.+-]+", project["project"]["license"])
    requires = [r for r in project["build-system"]["requires"] if r.startswith("setuptools")]
    assert requires and int(re.search(r">=\s*(\d+)", requires[0])[1]) >= 77  # the first to read it


def _python_floor() -> str:
    """The lowest Python pyproject's ``requires-python`` accepts ("3.11" for ">=3.11")."""
    spec = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    m = re.fullmatch(r">=\s*(\d+\.\d+)", spec.strip())
    assert m, f"requires-python {spec!r}: expected a plain lower bound such as >=3.11"
    return m.group(1)


def test_the_readme_names_the_python_that_pyproject_requires():
    """README's "You need Python X.Y+" is requires-python's floor (it once said 3.10+ while every
    matplotlib 3.11 needs Python 3.11: set-up failed on Ubuntu 22.04's python3)."""
    said = re.findall(r"Python (\d+\.\d+)\+", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert said and set(said) == {_python_floor()}, said


@pytest.mark.parametrize("name", ["matplotlib", "numpy", "pandas", "scipy", "ipykernel"])
def test_the_python_floor_is_one_the_dependencies_support(name):
    """pyproject's lowest Python can install the dependencies pip picks for it: the floor is inside each
    installed distribution's own Requires-Python (matplotlib>=3.11, numpy 2.3+, pandas 3, scipy 1.16+
    and ipykernel 7 all need Python 3.11)."""
    from importlib.metadata import PackageNotFoundError, metadata

    from packaging.specifiers import SpecifierSet

    try:
        requires = metadata(name)["Requires-Python"]
    except PackageNotFoundError:
        pytest.skip(f"{name} is not installed here")
    floor = _python_floor()
    assert requires is None or SpecifierSet(requires).contains(floor), (
        f"requires-python >={floor}, but the installed {name} needs Python {requires}")


# The lowest version of a dependency that has what svcwork uses, found by installing the lowest versions
# pyproject allows (uv pip install --resolution lowest-direct) and running the tests.
NEEDED = {"python-calamine": ("0.4", "CalamineSheet.merged_cell_ranges, read by svcwork.intake.companions")}


@pytest.mark.parametrize("name", sorted(NEEDED))
def test_lower_bounds_admit_no_version_without_what_svcwork_uses(name):
    from packaging.version import Version

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = dict(_name_spec(r) for r in project["dependencies"] + project["optional-dependencies"]["test"])
    floor = re.fullmatch(r">=([\d.]+)", specs[name])
    needed, why = NEEDED[name]
    assert floor and Version(floor.group(1)) >= Version(needed), f"{name}{specs[name]}: {why} needs {needed}"
