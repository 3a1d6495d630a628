"""Benchmark: ``pizhu train`` on 300 reviewed reports, on this machine's CPU, under 10 minutes.

The gold is ``bench/generate.py``'s reports imported through the real pipeline with every
machine candidate confirmed by one reviewer (``bench.golddb.generated_gold_db``): a
stand-in for a reviewed corpus, with the extractor's real densities (about 240 spans a
report). The database is built once and cached in ``bench/out/``.

``pizhu train`` then runs as its own process, as a user would run it, with its default
options; the wall time and peak memory are printed against the target. ``--curve`` also
times ``pizhu train --curve`` (twelve trainings, no target).

Usage (from the repository root):

    python -m bench.bench_train [--reports 300] [--curve] [--rebuild]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.golddb import generated_gold_db

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
TARGET_SECONDS = 600.0


def build(reports: int, rebuild: bool) -> Path:
    path = OUT / f"train{reports}.db"
    if rebuild or not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        started = time.perf_counter()
        spans = generated_gold_db(path, reports)
        print(f"built {path}: {reports} reports, {spans} spans confirmed, {time.perf_counter() - started:.0f} s")
    return path


def run(args: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds, peak RSS (MB) and stdout of ``pizhu ARGS`` in a child process.

    CPU time is the fair figure on a shared machine: other work there slows the wall clock.
    """
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from pizhu.cli import main; sys.exit(main())", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = max(before, usage.ru_maxrss) // 1024
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    if done.returncode:
        raise SystemExit(f"pizhu {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return seconds, cpu, peak, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--curve", action="store_true", help="also time pizhu train --curve")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    db = build(args.reports, args.rebuild)
    print(f"cpus: {os.cpu_count()}")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        seconds, cpu, peak, stdout = run(["train", "--db", str(db), "--out", str(Path(folder) / "model"), "--json"])
        result = json.loads(stdout)
        ok = "yes" if seconds < TARGET_SECONDS else "NO"
        rows.append((f"pizhu train ({args.reports} reports)", f"{seconds:.0f} s", f"< {TARGET_SECONDS:.0f} s", ok))
        ok = "yes" if cpu < TARGET_SECONDS else "NO"
        rows.append(("  its CPU time (user + system)", f"{cpu:.0f} s", f"< {TARGET_SECONDS:.0f} s", ok))
        print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        print(
            f"trained on {len(result['train_documents'])} reports, scored on {len(result['held_out_documents'])};"
            f" {result['steps']} steps; tokens {result['tokenization']}; peak RSS {peak} MB"
        )
        for label, score in result["labels"].items():
            print(f"  {label:8} P {score['precision']:.3f}  R {score['recall']:.3f}  F1 {score['f1']:.3f}")
        print(f"  {'all':8} F1 {result['all']['f1']:.3f}")
    if args.curve:
        seconds, cpu, peak, stdout = run(["train", "--db", str(db), "--curve"])
        print(stdout)
        rows.append((f"pizhu train --curve ({args.reports} reports)", f"{seconds:.0f} s", "—", "—"))
        rows.append(("  its CPU time (user + system)", f"{cpu:.0f} s", "—", "—"))
    print()
    print(f"{'what':42} {'time':>8} {'target':>8} {'met':>4}")
    for what, took, target, met in rows:
        print(f"{what:42} {took:>8} {target:>8} {met:>4}")


if __name__ == "__main__":
    main()
