"""Benchmark: import of the seeds repeated to ~10 MB of text, in characters per second, with peak memory.

Each copy of a seed gets a distinct first and last line, so that the content hash sees a new
report and the whole pipeline runs every time. Each measurement runs in a fresh
process so that its peak RSS is its own.

Usage: python -m bench.bench_import [--mb 10] [--no-extract]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_corpus(folder: Path, megabytes: float) -> tuple[int, int]:
    seeds = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    target = int(megabytes * 1024 * 1024)
    written_bytes = written_chars = 0
    index = 0
    while written_bytes < target:
        # A marker at both ends, so that both reports of a two-report seed are new too.
        text = f"第{index}份样本\n" + seeds[index % len(seeds)] + f"\n第{index}份样本完\n"
        data = text.encode("utf-8")
        (folder / f"copy_{index:06d}.txt").write_bytes(data)
        written_bytes += len(data)
        written_chars += len(text)
        index += 1
    return written_bytes, written_chars


def child(folder: str, db: str, extract: bool) -> None:
    from pizhu.store.db import Store
    from pizhu.store.importer import import_paths

    store = Store(db)
    if extract:
        import pizhu.extract.pipeline as pipeline

        pipeline.extract_spans("预热2023年12次")  # jieba's start-up is not part of the rate
    started = time.perf_counter()
    report = import_paths(store, [folder], extract=extract)
    elapsed = time.perf_counter() - started
    spans = store.conn.execute("SELECT count(*) FROM spans").fetchone()[0]
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": elapsed, "documents": report.imported, "spans": spans, "peak_mb": peak_kb / 1024}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--no-extract", action="store_true")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.child[2] == "1")
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        size, chars = make_corpus(folder, args.mb)
        modes = [False] if args.no_extract else [False, True]
        print(f"corpus: {size / 1024 / 1024:.1f} MB, {chars:,} characters, {len(list(folder.iterdir()))} files")
        print(f"{'mode':<24}{'seconds':>10}{'chars/s':>14}{'docs':>8}{'spans':>10}{'peak RSS MB':>14}")
        for extract in modes:
            db = Path(tmp) / f"bench_{int(extract)}.db"
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(folder), str(db), "1" if extract else "0"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            result = json.loads(out.strip().splitlines()[-1])
            mode = "import + extract" if extract else "import (no extraction)"
            rate = chars / result["seconds"]
            print(
                f"{mode:<24}{result['seconds']:>10.1f}{rate:>14,.0f}{result['documents']:>8}"
                f"{result['spans']:>10}{result['peak_mb']:>14.0f}"
            )


if __name__ == "__main__":
    main()
