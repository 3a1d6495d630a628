"""SIGKILL the real app in the middle of key presses: nothing shown as done is lost.

The seeds are imported once with ``pizhu import`` (the real extractor's candidates);
then a few rounds (see ``sigkill.py``) run on one copy of that file, each restarting the
app on the database the previous kill left. ``bench/bench_kill.py`` runs many more.
Skipped where tmux is absent.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from pizhu.store.db import Store
from tests.harness import run_pizhu
from tests.tui.sigkill import one_round

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def import_seeds(db: Path) -> None:
    done = run_pizhu("import", str(ROOT / "seeds"), "--db", str(db))
    assert done.returncode == 0, done.stderr


def test_sigkill_mid_stream_loses_no_shown_decision(tmp_path: Path) -> None:
    db = tmp_path / "kill.db"
    import_seeds(db)
    rng = random.Random(20261122)
    # The screen is read at a random moment of the stream, where it may show "skipped" or
    # "next document"; the second round waits instead (on the screen and the database, not on time)
    # until a decision is shown as saved, so some kill follows a decision however loaded
    # the machine is, and the rounds after it restart on what it left.
    rounds = [one_round(db, "ann", tmp_path, rng, undo=n == 3, settled=n == 1) for n in range(4)]
    assert all(r.integrity_ok for r in rounds)
    assert [r.lost for r in rounds] == [0] * len(rounds), rounds
    # Each restart showed the pending count the earlier kills left in the database.
    assert all(r.restart_consistent for r in rounds), [r.restart_pending for r in rounds]
    # The rounds did work: decisions were shown as done, and they are in the log.
    assert sum(r.shown_done for r in rounds) > 0
    assert any(r.shown_decision for r in rounds)
    with Store(db) as store:
        assert store.decisions("ann")
        assert store.integrity_ok()
