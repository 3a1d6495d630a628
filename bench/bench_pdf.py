"""Benchmark: PDF import speed in pages per second, on a generated yearbook or a real long PDF.

Stages, each timed on the same file: reading the text layer and tables (pdfplumber on
pdfminer.six), putting it in reading order (``extract.layout``), and the whole ``pizhu
import`` path (read, normalize, section, extract, store in a fresh SQLite file), with and
without extraction.

Usage: python -m bench.bench_pdf [--pages 100] [--columns 3]    (a generated three-column yearbook)
       python -m bench.bench_pdf --real [NAME]                   (a file of tests/realfiles/pdf.json,
                                                                  default the 429-page impatient-cn-cnbook.pdf)
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import bench.realfiles as realfiles
from bench.realfiles.pdf import failures
from bench.realfiles.pdf import read as read_real
from pizhu.store.db import Store
from pizhu.store.importer import import_paths
from pizhu.store.sources.pdf import pdf_pages, read_pdf
from tests.samples import report_pdf

TARGET_PAGES_PER_SECOND = 10.0
REAL_DEFAULT = "impatient-cn-cnbook.pdf"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--columns", type=int, default=3)
    parser.add_argument("--real", nargs="?", const=REAL_DEFAULT, help="a file of the real-files corpus")
    args = parser.parse_args()
    if args.real:
        rf = next((f for f in realfiles.manifest("pdf") if f.name == args.real), None)
        file = realfiles.path(rf) if rf is not None else None
        if file is None:
            raise SystemExit(f"{args.real}: not in the real-files cache ({realfiles.FETCH_HINT})")
        data, what = file.read_bytes(), args.real
    else:
        sample = report_pdf(args.columns, pages=args.pages)
        data, what = sample.data, f"generated {args.columns}-column"
    rows: list[tuple[str, float]] = []

    start = time.perf_counter()
    parsed = list(pdf_pages(data))
    rows.append(("pdf_pages: lines, tables of the text layer", time.perf_counter() - start))
    pages = len(parsed)
    start = time.perf_counter()
    layout = read_pdf(data)
    rows.append(("read_pdf: text layer + reading order", time.perf_counter() - start))
    if not args.real:
        assert all(p in layout.text for p in sample.paragraphs)
    else:
        # The file's hand-checked expectations, which the suite leaves to this bench for a
        # whole book (tests/store/test_sources_pdf_real.py): the same check as the suite's.
        missed = failures(rf, read_real(file)) if rf is not None and file is not None else []
        if missed:
            raise SystemExit(f"{args.real}: expectations not met: {'; '.join(missed)}")
        print(f"{args.real}: its hand-checked expectations are met")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "nianjian.pdf"
        path.write_bytes(data)
        for extract in (False, True):
            store = Store(Path(folder) / f"bench-{extract}.db")
            start = time.perf_counter()
            report = import_paths(store, [path], extract=extract)
            rows.append((f"pizhu import ({'with' if extract else 'no'} extraction)", time.perf_counter() - start))
            assert report.imported == 1 and not report.errors
            store.close()

    print(f"{pages}-page PDF ({what}), {len(data) // 1024} KB, {len(layout.text)} characters")
    print(f"{'stage':42} {'seconds':>8} {'pages/s':>8} {'target':>8}")
    for name, seconds in rows:
        rate = pages / seconds
        target = f">={TARGET_PAGES_PER_SECOND:g}" if name.startswith("pizhu import") else ""
        mark = "" if not target else (" ok" if rate >= TARGET_PAGES_PER_SECOND else " MISSED")
        print(f"{name:42} {seconds:>8.2f} {rate:>8.1f} {target:>8}{mark}")


if __name__ == "__main__":
    main()
