"""Long version of the SIGKILL test: kill the real app mid-stream many times, count losses.

Every round starts ``pizhu open`` in tmux on the same database file, opens the first
document, sends a random burst of decision keys, reads the screen and kills the app with
SIGKILL at once; then it checks the database against the screen (see
``tests/tui/sigkill.py``). Prints one line of totals; the target for "lost" is 0.

Usage: python bench/bench_kill.py [--rounds 50] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "tui")]


def main() -> None:
    from seedspans import seed_store
    from sigkill import one_round

    from store.db import Store

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = work / "kill.db"
        seed_store(db).close()
        rounds = []
        for _ in range(args.rounds):
            rounds.append(one_round(db, "ann", work, rng))
        with Store(db) as store:
            decisions = len(store.decisions("ann"))
    shown = sum(1 for r in rounds if r.shown_decision)
    print(
        f"{'rounds':>7}{'keys sent':>11}{'decisions in log':>18}{'shown on kill':>15}"
        f"{'found':>7}{'lost':>6}{'integrity ok':>14}"
    )
    print(
        f"{len(rounds):>7}{sum(r.keys_sent for r in rounds):>11}{decisions:>18}{shown:>15}"
        f"{sum(1 for r in rounds if r.shown_decision and r.decision_found):>7}"
        f"{sum(r.lost for r in rounds):>6}{sum(r.integrity_ok for r in rounds):>14}"
    )


if __name__ == "__main__":
    main()
