"""Benchmark: import speed of a generated 100-page three-column yearbook PDF, in pages per second.

Stages, each timed on the same file: reading the text layer (pdfminer.six), putting it in
reading order (``extract.layout``), and the whole ``pizhu import`` path (read, normalize,
section, extract, store in a fresh SQLite file), with and without extraction.

Usage: python bench/bench_pdf.py [--pages 100] [--columns 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from store.db import Store
from store.importer import import_paths
from store.sources.pdf import pdf_pages, read_pdf
from store.sources.samples import report_pdf

TARGET_PAGES_PER_SECOND = 10.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--columns", type=int, default=3)
    args = parser.parse_args()
    sample = report_pdf(args.columns, pages=args.pages)
    pages = sample.pages
    rows: list[tuple[str, float]] = []

    start = time.perf_counter()
    parsed = list(pdf_pages(sample.data))
    rows.append(("pdfminer.six: lines of the text layer", time.perf_counter() - start))
    start = time.perf_counter()
    layout = read_pdf(sample.data)
    rows.append(("read_pdf: text layer + reading order", time.perf_counter() - start))
    assert len(parsed) == pages and all(p in layout.text for p in sample.paragraphs)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "nianjian.pdf"
        path.write_bytes(sample.data)
        for extract in (False, True):
            store = Store(Path(folder) / f"bench-{extract}.db")
            start = time.perf_counter()
            report = import_paths(store, [path], extract=extract)
            rows.append((f"pizhu import ({'with' if extract else 'no'} extraction)", time.perf_counter() - start))
            assert report.imported == 1 and not report.errors
            store.close()

    print(f"{pages}-page {args.columns}-column PDF, {len(sample.data) // 1024} KB, {len(layout.text)} characters")
    print(f"{'stage':42} {'seconds':>8} {'pages/s':>8} {'target':>8}")
    for name, seconds in rows:
        rate = pages / seconds
        target = f">={TARGET_PAGES_PER_SECOND:g}" if name.startswith("pizhu import") else ""
        mark = "" if not target else (" ok" if rate >= TARGET_PAGES_PER_SECOND else " MISSED")
        print(f"{name:42} {seconds:>8.2f} {rate:>8.1f} {target:>8}{mark}")


if __name__ == "__main__":
    main()
