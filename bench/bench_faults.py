"""Long versions of the fault and concurrency tests, with a table of what was tried and what was lost.

- ``writers``: rounds of eight reviewer processes writing at once (the worker of
  ``tests/concurrency.py``), every decision a worker was told is done checked
  against the log, ``PRAGMA integrity_check`` after each round;
- ``full-disk``: imports of generated reports with the database capped at a random
  number of pages, again and again; every report must be all there or not at all;
- ``props``: the normalization properties of ``tests/extract/test_normalize_props.py``
  with thousands of examples;
- ``big-file``: ``pizhu import`` of one ~50 MB file of generated reports in a real
  process, with its time and peak RSS.

Usage: python -m bench.bench_faults [--rounds 10] [--decisions 300] [--mb 50] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.generate import generate

ROOT = Path(__file__).resolve().parents[1]

Row = tuple[str, str, str]


def writers(rounds: int, decisions: int) -> Row:
    from tests import concurrency as tc

    total = logged_total = errors = 0
    started = time.perf_counter()
    for round_no in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            db = tc.seeded_db(Path(tmp) / "shared.db")
            reports = tc.run_workers(db, Path(tmp), reviewers=8, count=decisions)
            errors += sum(len(r["errors"]) for r in reports)
            told = sum(1 for r in reports for d in r["done"] if d["span"] is not None)
            tc.check_log(db, reports)  # raises on any loss or integrity failure
            with tc.Store(db) as store:
                logged = len(store.decisions())
            total += told
            logged_total += logged
            print(f"  round {round_no + 1}/{rounds}: {told} decisions told done, {logged} logged", flush=True)
    seconds = time.perf_counter() - started
    return (
        f"8 writer processes x {rounds} rounds x {decisions} actions",
        f"{total:,} told done, {logged_total:,} logged, {errors} errors, {seconds:.0f} s",
        f"lost {total - logged_total}",
    )


def full_disk(rounds: int) -> Row:
    from pizhu.extract.document import prepare
    from pizhu.extract.pipeline import extract_spans
    from pizhu.store.db import Store
    from pizhu.store.errors import StoreError
    from pizhu.store.importer import import_paths

    rng = random.Random(3)
    refused = stored = partial = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        db = Path(tmp) / "full.db"
        expected: dict[str, tuple[int, int]] = {}
        for round_no in range(rounds):
            batch = folder / f"batch{round_no}"
            batch.mkdir()
            for i in range(4):
                report = generate(round_no * 4 + i, seed=11)
                path = batch / f"r{i}.txt"
                path.write_bytes(report.to_bytes())
                draft = prepare(report.text)[0]
                expected[draft.text] = (len(draft.sections), len(extract_spans(draft.text)))
            with Store(db) as store:
                pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
                store.conn.execute(f"PRAGMA max_page_count = {pages + rng.randint(0, 40)}")
                try:
                    report = import_paths(store, [batch])
                except StoreError:
                    report = None
                refused += sum(1 for f in report.files if f.error) if report else 4
            with Store(db) as store:
                assert store.integrity_ok()
                stored = 0
                for doc_id in store.document_ids():
                    document = store.document(doc_id)
                    sections = len(store.sections(doc_id))
                    spans = len(store.spans(doc_id))
                    stored += 1
                    if (sections, spans) != expected[document.text]:
                        partial += 1
    return (
        f"imports onto a nearly full disk x {rounds}",
        f"{rounds * 4} reports tried, {stored} stored whole, {refused} refused 'disk is full'",
        f"partial {partial}",
    )


def props(examples: int) -> Row:
    from hypothesis import HealthCheck, given, settings

    from pizhu.extract.document import prepare
    from pizhu.extract.normalize import normalize
    from tests.offsets import check_map, texts

    cases = 0

    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(texts)
    def run(raw: str) -> None:
        nonlocal cases
        cases += 1
        normalized = normalize(raw)
        check_map(raw, normalized.text, normalized.raw_offsets, stored_end=False)
        for draft in prepare(raw):
            check_map(draft.raw, draft.text, draft.normalized.raw_offsets, stored_end=bool(draft.text))

    started = time.perf_counter()
    run()
    return (
        "normalize + prepare properties",
        f"{cases:,} texts, {time.perf_counter() - started:.0f} s",
        "failures 0",
    )


def big_file(megabytes: float) -> Row:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bundle.txt"
        target = int(megabytes * 1024 * 1024)
        count = 0
        with path.open("w", encoding="utf-8") as handle:
            size = 0
            while size < target:
                text = generate(count, seed=21).text + "\n\n"
                handle.write(text)
                size += len(text.encode("utf-8"))
                count += 1
        wrapper = (
            "import resource, subprocess, sys, time; t = time.perf_counter();"
            "p = subprocess.run([sys.executable, '-c', 'import sys; from pizhu.cli import main; sys.exit(main())']"
            " + sys.argv[1:], capture_output=True, text=True, timeout=1800);"
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode);"
            "sys.stderr.write(p.stderr[-2000:])"
        )
        done = subprocess.run(
            [sys.executable, "-c", wrapper, "import", str(path), "--db", str(Path(tmp) / "big.db")],
            capture_output=True,
            text=True,
            cwd=str(ROOT),
        )
        seconds, peak_kb, code = done.stdout.split()
        summary = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    return (
        f"pizhu import of one {megabytes:.0f} MB file ({count:,} reports)",
        f"{float(seconds):.0f} s, peak RSS {int(peak_kb) // 1024} MB, exit {code}: {summary}",
        "ends, exit 0",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--decisions", type=int, default=300)
    parser.add_argument("--examples", type=int, default=5000)
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--only", nargs="*", default=["writers", "full-disk", "props", "big-file"])
    args = parser.parse_args()
    runs: dict[str, Callable[[], Row]] = {
        "writers": lambda: writers(args.rounds, args.decisions),
        "full-disk": lambda: full_disk(args.rounds * 3),
        "props": lambda: props(args.examples),
        "big-file": lambda: big_file(args.mb),
    }
    rows = []
    for name in args.only:
        print(f"{name} ...", flush=True)
        rows.append(runs[name]())
        print("  " + " | ".join(rows[-1]), flush=True)
    print()
    print("| what | result | lost / target |")
    print("|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"\n(benchmark process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB)")


if __name__ == "__main__":
    main()
