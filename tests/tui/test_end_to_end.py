"""The real ``pizhu open`` in tmux at 80×24: a key press ends up in the database file.

Skipped where tmux is absent. The app is killed with SIGKILL after the decision shows on
screen, so the test also proves that what was shown as done had been committed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from pizhu.store.db import Store
from tests.harness import TMUX, start, wait_for
from tests.tui.conftest import REVIEWER

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def test_pizhu_open_in_tmux_records_the_decision(db_path: Path, tmp_path: Path) -> None:
    session = f"pizhu-test-{os.getpid()}"
    pid = start(db_path, REVIEWER, tmp_path, session)
    try:
        wait_for(session, "documents")
        subprocess.run([*TMUX, "send-keys", "-t", session, "Enter"], check=True)
        wait_for(session, "pending")
        wait_for(session, "a confirm")  # the footer fits at 80 columns
        first = Store(db_path).queue(REVIEWER, limit=10_000)
        subprocess.run([*TMUX, "send-keys", "-t", session, "a"], check=True)
        # Shown as confirmed and no longer "saving…": the write has been committed.
        wait_for(session, "confirmed", absent="saving")
        os.kill(pid, signal.SIGKILL)
    finally:
        subprocess.run([*TMUX, "kill-session", "-t", session], capture_output=True)
    check = Store(db_path)
    decisions = check.decisions(REVIEWER)
    assert [d.action for d in decisions] == ["confirm"]
    assert decisions[0].span_id in {s.id for s in first}
    assert check.span(decisions[0].span_id, REVIEWER).status == "confirmed"
    assert check.integrity_ok()
