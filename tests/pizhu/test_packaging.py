"""The wheel holds everything the installed tool needs, and nothing of the test or bench trees.

A wheel is built from this checkout with pip (the way ``pip install .`` and pipx build it)
and its file list is compared with the source tree: every module of pizhu and of the three
floors it holds (``extract/``, ``store/``, ``tui/`` in the checkout, installed as
``pizhu.extract``, ``pizhu.store``, ``pizhu.tui``), the extractor's data and the app's
stylesheet must be in it, and nothing else top-level: ``tui``, ``store`` and ``extract`` are
other projects' names on PyPI. The wheel installed into a folder of its own is imported from
there, and the old top-level names are refused. The ``.ci/run`` script goes further: it
installs the wheel into a fresh venv and opens the app.
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
# The checkout's folders and where the wheel puts them.
PACKAGES = {"pizhu": "pizhu", "store": "pizhu/store", "extract": "pizhu/extract", "tui": "pizhu/tui"}
FLOORS = ("extract", "store", "tui")


def pip(*args: str) -> None:
    """This interpreter's pip, quietly, without dependencies (none is needed to look at pizhu)."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", *args, "--no-deps", "--quiet"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    pip("wheel", "--wheel-dir", str(out), str(ROOT))
    (built,) = out.glob("pizhu-*.whl")
    return built


def shipped_sources() -> set[str]:
    """What the installed tool needs from the checkout: modules, data files, stylesheets."""
    wanted = set()
    for package, installed in PACKAGES.items():
        for path in (ROOT / package).rglob("*"):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            relative = path.relative_to(ROOT / package)
            if relative.parts[0] in FLOORS and (ROOT / package / relative.parts[0]).is_symlink():
                continue  # pizhu/store etc.: the floor's own folder stands for it
            if path.suffix in (".py", ".tcss") or (package, *relative.parts[:1]) == ("extract", "data"):
                wanted.add(f"{installed}/{relative.as_posix()}")
    return wanted


def test_the_wheel_holds_every_subpackage_and_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = shipped_sources()
    # The ones that broke a non-editable install before: subpackages and data.
    assert {
        "pizhu/tui/screens/__init__.py",
        "pizhu/tui/widgets/__init__.py",
        "pizhu/tui/app.tcss",
        "pizhu/extract/data/userdict.txt",
    } <= wanted
    assert {"pizhu/__main__.py"} <= wanted
    missing = sorted(wanted - names)
    assert not missing, f"not in the wheel: {missing}"


def test_the_wheel_leaves_out_tests_bench_and_seeds(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top == {"pizhu"}


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


def test_the_installed_wheel_has_one_package_and_no_top_level_floors(wheel: Path, tmp_path: Path) -> None:
    """Installed, the floors are real folders inside pizhu (the links copied as files), imported
    as pizhu.store etc. from there; nothing named tui, store or extract is installed top-level."""
    target = tmp_path / "site"
    pip("install", "--target", str(target), str(wheel))
    # bin/ holds the pizhu command, *.dist-info the metadata.
    top = {p.name for p in target.iterdir() if not p.name.endswith(".dist-info") and p.name != "bin"}
    assert top == {"pizhu"}
    for floor in FLOORS:
        folder = target / "pizhu" / floor
        assert folder.is_dir() and not folder.is_symlink(), folder
        assert (folder / "__init__.py").is_file()
    code = (
        "import importlib.util, sys\n"
        f"sys.path.insert(0, {str(target)!r})\n"
        "import pizhu.store.db, pizhu.extract.pipeline, pizhu.tui.app\n"
        "print(pizhu.store.db.__file__, pizhu.extract.pipeline.__file__, pizhu.tui.app.__file__)\n"
        "print([name for name in ('tui', 'store', 'extract') if importlib.util.find_spec(name) is not None])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False
    )
    assert done.returncode == 0, done.stderr
    files, found = done.stdout.strip().splitlines()
    assert all(name.startswith(str(target / "pizhu")) for name in files.split()), files
    assert found == "[]"


@pytest.mark.parametrize("floor", FLOORS)
def test_a_floor_imported_by_its_folder_name_is_refused(floor: str) -> None:
    """From the checkout, ``import store`` would load store/ a second time beside pizhu.store
    (two of every class): each floor refuses a name other than its own, saying which."""
    done = subprocess.run(
        [sys.executable, "-c", f"import {floor}"], capture_output=True, text=True, timeout=60, cwd=ROOT, check=False
    )
    assert done.returncode != 0
    assert f"ImportError: {floor}: pizhu's {floor} is the package pizhu.{floor}; import pizhu.{floor}" in done.stderr
