"""SIGKILL the real app in the middle of key presses: nothing shown as done is lost.

A few rounds on one database file here; ``bench/bench_kill.py`` runs many more.
Skipped where tmux is absent.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from conftest import REVIEWER
from sigkill import one_round

from store.db import Store

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def test_sigkill_mid_stream_loses_no_shown_decision(db_path: Path, tmp_path: Path) -> None:
    rng = random.Random(20261122)
    rounds = [one_round(db_path, REVIEWER, tmp_path, rng) for _ in range(4)]
    assert all(r.integrity_ok for r in rounds)
    assert [r.lost for r in rounds] == [0, 0, 0, 0], rounds
    # The rounds did work: decisions were shown and stored, and each round reopened the file.
    assert any(r.shown_decision for r in rounds)
    with Store(db_path) as store:
        assert len(store.decisions(REVIEWER)) >= sum(1 for r in rounds if r.shown_decision)
