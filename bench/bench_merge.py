"""Benchmark: a long merge never holds up a reviewer working on the target.

The other file is the scale database (``bench/bench_scale.py``: 10,000 reports, over two
million spans, 120,000 decisions); the target is a new database with one seed report, on
which a reviewer thread decides a span every 20 ms for as long as the merge runs. Printed:
the merge's phases, how long each of its write transactions held the lock, and how long
each of the reviewer's decisions took (what the reviewer waits for).

Target (issue 15): no reviewer action waits more than 100 ms.

Usage: python -m bench.bench_merge [--other bench/out/scale.db]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path

from pizhu.store.db import Store
from pizhu.store.importer import import_paths
from pizhu.store.merge import merge
from pizhu.store.records import Change
from tests.harness import time_transactions

ROOT = Path(__file__).resolve().parents[1]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--other", type=Path, default=ROOT / "bench" / "out" / "scale.db")
    args = parser.parse_args()
    if not args.other.exists():
        raise SystemExit(f"{args.other}: build it first with python -m bench.bench_scale")
    target = Path(tempfile.mkdtemp(prefix="pizhu-merge-")) / "team.db"
    with Store(target) as store:
        import_paths(store, [sorted((ROOT / "seeds").glob("*.txt"))[0]])
    locks = time_transactions(main_thread_only=True)
    waits: list[float] = []
    done = threading.Event()

    def reviewer() -> None:
        with Store(target) as mine:
            spans = [s.id for s in mine.spans(mine.document_ids()[0], "wang")]
            n = 0
            while not done.is_set():
                started = time.perf_counter()
                # Each span rejected, then confirmed: every decision changes something (a repeat is refused).
                mine.decide(spans[(n // 2) % len(spans)], "wang", Change("confirm" if n % 2 else "reject"))
                waits.append(time.perf_counter() - started)
                n += 1
                time.sleep(0.02)

    worker = threading.Thread(target=reviewer)
    worker.start()
    started = time.perf_counter()
    with Store(target) as store:
        report = merge(store, args.other)
    seconds = time.perf_counter() - started
    done.set()
    worker.join()
    print(report.summary())
    print(f"merge: {seconds:.0f} s in all, {len(locks)} write transactions")
    print("| measurement | p50 | p99 | max | target |")
    print("|---|---|---|---|---|")
    print(
        f"| merge write transaction (lock held) | {statistics.median(locks) * 1000:.1f} ms"
        f" | {pct(locks, 0.99) * 1000:.1f} ms | {max(locks) * 1000:.1f} ms | |"
    )
    print(
        f"| reviewer decision during the merge ({len(waits)}) | {statistics.median(waits) * 1000:.1f} ms"
        f" | {pct(waits, 0.99) * 1000:.1f} ms | {max(waits) * 1000:.1f} ms | ≤ 100 ms |"
    )
    over = sum(1 for w in waits if w > 0.1)
    print(f"reviewer decisions over 100 ms: {over} of {len(waits)}")


if __name__ == "__main__":
    main()
