"""The floors hold: pizhu.extract imports nothing of pizhu.store, pizhu.tui or the pizhu
command, pizhu.store nothing of pizhu.tui or the command, and neither pulls in Textual or
Rich, even indirectly (checked in a fresh interpreter)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {"extract": {"store", "tui", "pizhu"}, "store": {"tui", "pizhu"}}


def floor(module: str) -> str:
    """The floor of a module's name: extract, store, tui, pizhu (the command) or another project."""
    parts = module.split(".")
    if parts[0] != "pizhu":
        return parts[0]
    return parts[1] if len(parts) > 1 and parts[1] in ("extract", "store", "tui") else "pizhu"


def modules(package: str) -> list[str]:
    return sorted(
        "pizhu." + ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in (ROOT / package).rglob("*.py")
    )


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_goes_up_a_floor(package: str) -> None:
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                assert floor(name) not in FORBIDDEN[package] | {"textual", "rich"}, f"{path}: imports {name}"


def test_core_modules_load_without_textual_or_rich() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {modules('extract') + modules('store')!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')"
        " or m.startswith('pizhu.') and m.split('.')[1] not in ('extract', 'store'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == ""


def test_the_command_loads_without_pandas_or_numpy_and_leaves_them_importable() -> None:
    """sqlite-utils imports pandas and numpy when they are installed; ``store.sqlitetools``
    hides them from it (half a second of ``pizhu stats``), and only while it is imported."""
    pytest.importorskip("pandas")
    code = (
        "import sys\n"
        "import pizhu.cli\n"
        "print(sorted(m for m in ('pandas', 'numpy') if m in sys.modules))\n"
        "import pandas, sqlite_utils\n"
        "print(pandas.DataFrame({'a': [1]}).shape)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split("\n")[:2] == ["[]", "(1, 1)"]
