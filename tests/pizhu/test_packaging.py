"""The wheel holds everything the installed tool needs, and nothing of the test or bench trees.

A wheel is built from this checkout with pip (the way ``pip install .`` and pipx build it)
and its file list is compared with the source tree: every module of the four packages and
their subpackages, the extractor's data and the app's stylesheet must be in it. The
``.ci/run`` script goes further: it installs the wheel into a fresh venv and opens the app.
"""

from __future__ import annotations

import configparser
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("pizhu", "store", "extract", "tui")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    (built,) = out.glob("pizhu-*.whl")
    return built


def shipped_sources() -> set[str]:
    """What the installed tool needs from the checkout: modules, data files, stylesheets."""
    wanted = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*"):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            relative = path.relative_to(ROOT)
            if path.suffix in (".py", ".tcss") or relative.parts[:2] == ("extract", "data"):
                wanted.add(relative.as_posix())
    return wanted


def test_the_wheel_holds_every_subpackage_and_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = shipped_sources()
    # The ones that broke a non-editable install before: subpackages and data.
    assert {"tui/screens/__init__.py", "tui/widgets/__init__.py", "tui/app.tcss", "extract/data/userdict.txt"} <= wanted
    assert {"pizhu/__main__.py"} <= wanted
    missing = sorted(wanted - names)
    assert not missing, f"not in the wheel: {missing}"


def test_the_wheel_leaves_out_tests_bench_and_seeds(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top == set(PACKAGES)


def test_the_wheel_declares_the_pizhu_command(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    (entry_points,) = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
    parser = configparser.ConfigParser()
    parser.read_string(archive.read(entry_points).decode("utf-8"))
    assert parser["console_scripts"]["pizhu"] == "pizhu.cli:main"
    (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    requires = [
        line for line in archive.read(metadata).decode("utf-8").splitlines() if line.startswith("Requires-Dist")
    ]
    # pizhu serve works from a plain install: textual-serve is a dependency, not an extra.
    assert any("textual-serve" in line and "extra" not in line for line in requires)


def test_python_dash_m_pizhu_runs_the_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pizhu", "--help"], capture_output=True, text=True, timeout=60, cwd=ROOT.parent
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: pizhu ")
    assert "serve" in result.stdout


def test_no_shipped_module_needs_a_test_extra() -> None:
    """Test-only code (the generated sample files, which need reportlab) lives under tests/."""
    needing = [
        name
        for name in sorted(shipped_sources())
        if name.endswith(".py") and re.search(r"^\s*(from|import) reportlab\b", (ROOT / name).read_text("utf-8"), re.M)
    ]
    assert needing == []
