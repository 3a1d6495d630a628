"""No module of pizhu binds one top-level name twice: the later binding silently wins.

Before: extract/entities.py bound ``_SPEECH_AFTER_RE`` twice after two rounds of rules were
merged (the second, ``说`` before punctuation, replaced the first, a list of speech verbs, for
every rule that read it), and extract/figures.py bound ``_TIME_UNITS`` twice. ruff and mypy
say nothing about a rebound constant.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(p for folder in ("extract", "store", "tui", "pizhu") for p in (ROOT / folder).rglob("*.py"))


def _bound(tree: ast.Module) -> Counter[str]:
    names: Counter[str] = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names[node.target.id] += 1
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            overload = any(isinstance(d, ast.Name) and d.id == "overload" for d in getattr(node, "decorator_list", []))
            if not overload:
                names[node.name] += 1
    return names


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_top_level_name_is_bound_twice(path: Path) -> None:
    twice = sorted(name for name, n in _bound(ast.parse(path.read_text("utf-8"))).items() if n > 1)
    assert twice == [], f"{path.relative_to(ROOT)} binds {', '.join(twice)} more than once"


def test_the_check_sees_a_rebound_constant() -> None:
    assert _bound(ast.parse("_A = 1\n_B = 2\n_A = 3\n"))["_A"] == 2
