"""Rewrite imports of the old top-level packages ``extract``, ``store`` and ``tui`` as
``pizhu.extract``, ``pizhu.store`` and ``pizhu.tui`` (the wheel installs them under ``pizhu``).

    python tools/rename_packages.py           # rewrite every Python file of the checkout
    python tools/rename_packages.py --check   # list what is still old-style; exit 1 if anything is

Idempotent: a file already rewritten is left as it is. What it rewrites, in every ``.py``
file of the checkout (not the ``pizhu/extract``-style links, nor .venv, build or mutants):

* ``from store.db import Store`` → ``from pizhu.store.db import Store``; ``from store import
  review`` → ``from pizhu.store import review``;
* ``import store.db as store_db`` → ``import pizhu.store.db as store_db``; ``import extract``
  → ``from pizhu import extract``; ``import extract.pipeline`` (no alias) →
  ``import pizhu.extract.pipeline`` and, in that file, its uses ``extract.pipeline.x`` →
  ``pizhu.extract.pipeline.x``; lists (``import store.merge, store.review``) likewise;
* the same inside string literals that hold code or a module's dotted name
  (``"from store.db import Store\\n"``, ``monkeypatch.setattr("tui.screens.check.check", ...)``,
  ``importorskip("extract.pipeline")``, ``resources.files("extract")``).

Prose in comments and docstrings that names a folder (``store/review.py``) or a function
(``store.review.append``) is left alone: the folders stay where they are. The rewritten
files' imports are sorted again and formatted by ruff (``pizhu.store`` sorts after
``pizhu.cli``), where ruff is installed.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OLD = ("extract", "store", "tui")
_OLD = "|".join(OLD)
SKIP = {".venv", "venv", "build", "dist", "mutants", ".git", "__pycache__", "node_modules"}
HERE = Path(__file__).resolve()

# `from store.db import X` / `from store import X`, at the start of a line or of a string.
_FROM = re.compile(rf"(?P<lead>^[ \t]*|[\"'])from (?P<mod>(?:{_OLD})(?:\.\w+)*) import\b", re.M)
# `import a, b as c` at the start of a line or of a string; the names up to the end of the
# statement (a comment, a `;`, a quote or the end of the line).
_IMPORT = re.compile(r"(?P<lead>^[ \t]*|[\"'])import (?P<names>[\w. ,]+?)(?=[ \t]*(?:#|;|\\n|[\"']|$))", re.M)
# A module's dotted name as a whole string literal, or its start (`"tui.screens.check.check"`).
_DOTTED = re.compile(rf"(?P<quote>[\"'])(?P<mod>(?:{_OLD})\.\w+(?:\.\w+)*)(?P=quote)")
# resources.files("extract")
_RESOURCES = re.compile(rf"(?P<call>resources\.files\()(?P<quote>[\"'])(?P<mod>{_OLD})(?P=quote)")


# A file name is no module name: "store.db", "extract.json".
_FILE_ENDINGS = {"db", "json", "jsonl", "csv", "txt", "md", "py", "toml", "xml", "html", "pdf", "docx", "tcss", "log"}


def _dotted(m: re.Match[str]) -> str:
    if m["mod"].rsplit(".", 1)[-1] in _FILE_ENDINGS:
        return m.group(0)
    return f"{m['quote']}pizhu.{m['mod']}{m['quote']}"


def _old(name: str) -> bool:
    return name.split(".")[0] in OLD


def rewrite(text: str) -> str:
    """The file's text with every old-style import and module name rewritten."""
    dotted_imports: set[str] = set()

    def from_(m: re.Match[str]) -> str:
        return f"{m['lead']}from pizhu.{m['mod']} import"

    def import_(m: re.Match[str]) -> str:
        parts = [p.strip() for p in m["names"].split(",")]
        if not any(_old(p.split(" as ")[0].strip()) for p in parts):
            return m.group(0)
        if len(parts) == 1 and parts[0] in OLD:
            return f"{m['lead']}from pizhu import {parts[0]}"
        new = []
        for part in parts:
            name, _, alias = part.partition(" as ")
            name = name.strip()
            if _old(name):
                if name in OLD and not alias:
                    # `import store, x` cannot become `from pizhu import store, x`: keep it a name
                    alias = name
                elif not alias:
                    dotted_imports.add(name)
                name = "pizhu." + name
            new.append(f"{name} as {alias.strip()}" if alias else name)
        return f"{m['lead']}import {', '.join(new)}"

    text = _FROM.sub(from_, text)
    text = _IMPORT.sub(import_, text)
    text = _DOTTED.sub(_dotted, text)
    text = _RESOURCES.sub(lambda m: f"{m['call']}{m['quote']}pizhu.{m['mod']}{m['quote']}", text)
    # Uses of a module imported by its dotted name: `extract.pipeline.x` → `pizhu.extract.pipeline.x`.
    for name in sorted(dotted_imports, key=len, reverse=True):
        text = re.sub(rf"(?<![\w.]){re.escape(name)}\b(?=\.|\W|$)", "pizhu." + name, text)
        # The import line itself was rewritten already: undo a doubled prefix.
        text = text.replace("pizhu.pizhu." + name, "pizhu." + name)
    return text


def remaining(text: str) -> list[str]:
    """The old-style imports and module names still in ``text`` (what ``--check`` reports)."""
    found = [m.group(0).strip() for m in _FROM.finditer(text)]
    for m in _IMPORT.finditer(text):
        names = [p.split(" as ")[0].strip() for p in m["names"].split(",")]
        if any(_old(n) for n in names):
            found.append(m.group(0).strip())
    found += [m.group(0) for m in _DOTTED.finditer(text) if _dotted(m) != m.group(0)]
    found += [m.group(0) for m in _RESOURCES.finditer(text)]
    return found


def sources(root: Path) -> Iterator[Path]:
    """Every Python file of the checkout, once: the package links under pizhu/ are not walked."""
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if SKIP & set(relative.parts) or path.resolve() == HERE:
            continue
        if any((root / Path(*relative.parts[:i])).is_symlink() for i in range(1, len(relative.parts))):
            continue
        yield path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if an old-style import remains")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout (default: this one)")
    args = parser.parse_args(argv)
    changed: list[Path] = []
    left: list[str] = []
    for path in sources(args.root):
        text = path.read_text("utf-8")
        if args.check:
            left += [f"{path.relative_to(args.root)}: {hit}" for hit in remaining(text)]
            continue
        new = rewrite(text)
        if new != text:
            path.write_text(new, "utf-8")
            changed.append(path)
    if args.check:
        print("\n".join(left) if left else "rename_packages: no old-style import left")
        return 1 if left else 0
    ruff = shutil.which("ruff")
    if changed and ruff:
        names = [str(p) for p in changed]
        subprocess.run([ruff, "check", "--quiet", "--select", "I", "--fix", *names], cwd=args.root, check=False)
        subprocess.run([ruff, "format", "--quiet", *names], cwd=args.root, check=False)
    note = "" if ruff or not changed else " (ruff not found: sort their imports)"
    print(f"rename_packages: {len(changed)} files rewritten{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
