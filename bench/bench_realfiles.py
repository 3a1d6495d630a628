"""Score pizhu's import of real files against other readers, a table per file.

    python -m bench.bench_realfiles [--kind pdf|web|docx] [--file NAME]

Each kind has a module ``bench.realfiles.<kind>`` exposing ``score(rf, path) ->
list[Row]``: one row per reader (pizhu, and the plain text of the other libraries), its
values the kind's measures (numbers glued or lost, lines cut mid-sentence, tables found,
metadata right, …). Files not in the cache (``python -m bench.realfiles fetch``) are listed
as missing.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from typing import Any

import bench.realfiles as realfiles
from bench.realfiles import Row


def table(rows: list[Row]) -> str:
    """Rows of one file as an aligned text table, a column per value (in first-seen order)."""
    columns: list[str] = []
    for row in rows:
        columns.extend(k for k in row.values if k not in columns)
    header = ["tool", *columns]
    body = [[row.tool, *(_cell(row.values.get(c, "")) for c in columns)] for row in rows]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)) for line in [header, *body]]
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_realfiles")
    parser.add_argument("--kind", choices=realfiles.KINDS)
    parser.add_argument("--file", help="only the file of this name")
    args = parser.parse_args(argv)
    missing = []
    for kind in (args.kind,) if args.kind else realfiles.KINDS:
        files = [rf for rf in realfiles.manifest(kind) if not args.file or rf.name == args.file]
        if not files:
            continue
        try:
            module = importlib.import_module(f"bench.realfiles.{kind}")
        except ModuleNotFoundError:
            print(f"{kind}: no scorer (bench/realfiles/{kind}.py)\n")
            continue
        for rf in files:
            file = realfiles.path(rf)
            if file is None:
                missing.append(rf)
                continue
            start = time.perf_counter()
            rows = module.score(rf, file)
            print(f"== {kind}/{rf.name} ({rf.note or rf.source}; {time.perf_counter() - start:.1f} s)")
            print(table(rows))
            print()
    for rf in missing:
        print(f"missing {rf.kind}/{rf.name}: {realfiles.skip_reason(rf)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
