"""Table finders on the real PDFs: how many tables each finds and how many hand-checked rows it gets right.

    python -m bench.bench_tables

On the pages of the corpus (``tests/realfiles/pdf.json``) that hold a row of the
expectations' ``rows``: pdfplumber's ``find_tables`` (ruling lines), PyMuPDF's
``find_tables`` (AGPL; measured only, where installed), camelot's lattice (where installed)
and pizhu (pdfplumber's ruled tables plus its own tables between horizontal rules). A row
is right when one of the tool's rows has the same cells (spaces inside a cell ignored).
The time is per page, the tool's whole work on it (camelot renders the page to find lines).
"""

from __future__ import annotations

import re
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import bench.realfiles as realfiles
from bench.bench_realfiles import table
from bench.realfiles import Row

Grid = list[list[str]]


def _cells(row: list[str | None]) -> tuple[str, ...]:
    return tuple(re.sub(r"\s+", "", cell or "") for cell in row)


def _expected(row: str) -> tuple[str, ...]:
    # A row of the manifest is pizhu's text: cells apart by " | ", an empty first or last cell
    # leaving "| " or " |" at its end.
    line = f" {row} "
    return tuple(re.sub(r"\s+", "", cell) for cell in line.split(" | "))


def _pages(path: Path, rows: list[str]) -> list[int]:
    """The pages (0-based) whose plain text holds the longest cell of an expected row."""
    import pdfplumber

    keys = [max((c for c in row.split(" | ") if c.strip()), key=len).replace(" ", "") for row in rows]
    pages = []
    with pdfplumber.open(path) as pdf:
        if len(pdf.pages) <= 3:
            return list(range(len(pdf.pages)))
        for index, page in enumerate(pdf.pages):
            text = re.sub(r"\s+", "", page.extract_text() or "")
            if any(key in text for key in keys):
                pages.append(index)
            page.close()
    return pages


def _pdfplumber(path: Path, pages: list[int]) -> list[Grid]:
    import pdfplumber

    grids: list[Grid] = []
    with pdfplumber.open(path) as pdf:
        for index in pages:
            grids.extend(t.extract() for t in pdf.pages[index].find_tables())
    return grids


def _pymupdf(path: Path, pages: list[int]) -> list[Grid]:
    import pymupdf

    grids: list[Grid] = []
    with pymupdf.open(path) as doc:
        for index in pages:
            grids.extend(t.extract() for t in doc[index].find_tables().tables)
    return grids


def _camelot(path: Path, pages: list[int]) -> list[Grid]:
    import camelot

    grids: list[Grid] = []
    for index in pages:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = camelot.read_pdf(str(path), pages=str(index + 1), flavor="lattice")
        grids.extend(t.df.values.tolist() for t in found)
    return grids


def _pizhu(path: Path, pages: list[int]) -> list[Grid]:
    import pdfplumber

    from pizhu.store.sources.pdf import _page

    grids: list[Grid] = []
    with pdfplumber.open(path) as pdf:
        for index in pages:
            page = _page(index + 1, pdf.pages[index])
            grids.extend([list(row) for row in t.rows] for t in page.tables)
    return grids


TOOLS: dict[str, Callable[[Path, list[int]], list[Grid]]] = {
    "pizhu (pdfplumber + rules)": _pizhu,
    "pdfplumber find_tables": _pdfplumber,
    "PyMuPDF find_tables (AGPL)": _pymupdf,
    "camelot lattice": _camelot,
}


def main() -> None:
    totals: dict[str, list[float]] = {}
    for rf in realfiles.manifest("pdf"):
        rows = rf.expect.get("rows", [])
        path = realfiles.path(rf)
        if not rows or path is None:
            continue
        pages = _pages(path, rows)
        wanted = [_expected(r) for r in rows]
        out = []
        for tool, find in TOOLS.items():
            start = time.perf_counter()
            try:
                grids = find(path, pages)
            except ImportError:
                continue
            seconds = time.perf_counter() - start
            got = {_cells(row) for grid in grids for row in grid}
            right = sum(1 for w in wanted if w in got)
            out.append(
                Row(
                    rf.name,
                    tool,
                    {
                        "pages": len(pages),
                        "tables": len(grids),
                        "rows right": f"{right}/{len(wanted)}",
                        "s/page": f"{seconds / max(len(pages), 1):.3f}",
                    },
                )
            )
            total = totals.setdefault(tool, [0, 0, 0, 0.0, 0])
            total[0] += len(grids)
            total[1] += right
            total[2] += len(wanted)
            total[3] += seconds
            total[4] += len(pages)
        print(f"== {rf.name}")
        print(table(out))
        print()
    print("== all files")
    print(
        table(
            [
                Row(
                    "all",
                    tool,
                    {
                        "tables": int(t[0]),
                        "rows right": f"{int(t[1])}/{int(t[2])}",
                        "s/page": f"{t[3] / max(t[4], 1):.3f}",
                    },
                )
                for tool, t in totals.items()
            ]
        )
    )


if __name__ == "__main__":
    main()
