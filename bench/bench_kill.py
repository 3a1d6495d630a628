"""Long version of the SIGKILL test: kill the real app mid-stream many times, count losses.

The seeds are imported once with ``pizhu import``; every round then starts ``pizhu open``
in tmux on that same file (so each start is a restart after a kill -9), opens the first
document, checks that the restart shows the database's pending count, sends a random
burst of keys, reads the screen and kills the app with SIGKILL at once, then checks the
database against the screen (see ``tests/tui/sigkill.py``). One round in three has
``u`` (undo) in its stream, which loosens the pending bound by the undos sent.

Prints a table; the target for "lost" is 0 and every restart must be consistent.

Usage: python -m bench.bench_kill [--rounds 50] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    from pizhu.store.db import Store
    from tests.harness import run_pizhu
    from tests.tui.sigkill import Round, one_round

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        sys.exit("bench_kill needs tmux")
    rng = random.Random(args.seed)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = work / "kill.db"
        done = run_pizhu("import", str(ROOT / "seeds"), "--db", str(db))
        if done.returncode:
            sys.exit(f"bench_kill: pizhu import failed: {done.stderr.strip()}")
        rounds: list[tuple[str, Round]] = []
        for n in range(args.rounds):
            undo = n % 3 == 2
            rounds.append(("undo" if undo else "decide", one_round(db, "ann", work, rng, undo=undo)))
        with Store(db) as store:
            logged = len(store.decisions("ann"))
            final_ok = store.integrity_ok()
    columns = (
        ("stream", 9),
        ("rounds", 7),
        ("keys sent", 10),
        ("shown done", 11),
        ("found in DB", 12),
        ("lost", 5),
        ("last shown/found", 17),
        ("restarts ok", 12),
        ("integrity ok", 13),
    )
    print("".join(f"{name:>{width}}" for name, width in columns))
    for kind in ("decide", "undo", "all"):
        chosen = [r for k, r in rounds if kind in ("all", k)]
        cells = (
            kind,
            len(chosen),
            sum(r.keys_sent for r in chosen),
            sum(r.shown_done for r in chosen),
            sum(r.found for r in chosen),
            sum(r.lost for r in chosen),
            f"{sum(1 for r in chosen if r.shown_decision)}/"
            f"{sum(1 for r in chosen if r.shown_decision and r.decision_found)}",
            sum(r.restart_consistent for r in chosen),
            sum(r.integrity_ok for r in chosen),
        )
        print("".join(f"{cell:>{width}}" for cell, (_, width) in zip(cells, columns, strict=True)))
    print(
        f"{logged} decisions in the log after {len(rounds)} kills; final integrity_check "
        f"{'ok' if final_ok else 'FAILED'}; {time.perf_counter() - started:.0f} s"
    )
    print("shown done: candidates − pending on the screen at the kill, summed over rounds (a document's")
    print("decisions from earlier rounds count again); found: of those, held by the database.")


if __name__ == "__main__":
    main()
