"""Kill the real ``pizhu open`` with SIGKILL in the middle of a stream of key presses.

Shared by ``tests/tui/test_sigkill.py`` (a few rounds in CI) and ``bench/bench_kill.py``
(many rounds). One round: start the app in tmux at 80×24 on a database, open the first
document, send a burst of decision keys, read the screen, kill -9 the app at once, then
check the database against what the screen showed:

- the reader's header shows ``N pending`` for the open document: the database may have
  fewer pending spans for it (keys still in flight when the screen was read), never more,
  because the stream has no undo and a decision is committed before the screen changes;
- the status message names the last decision shown (``confirmed DATE “2023年”``): a
  decision with that action, label and text is in the log;
- ``PRAGMA integrity_check`` is ok, and the next round reopens the same file.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from store.db import Store
from store.records import PENDING

# Decision and movement keys; no undo, so what is decided stays decided.
KEYS = ("a", "a", "a", "x", "x", "Space", "Tab", "a", "x", "a")
_HEADER_RE = re.compile(r"doc (\d+)/(\d+).*?(\d+) pending(?:\s+·\s+(confirmed|rejected) (\w+) “(.*?)”)?")


@dataclass
class Round:
    keys_sent: int
    shown_pending: int
    db_pending: int
    shown_decision: tuple[str, str, str] | None
    decision_found: bool
    integrity_ok: bool

    @property
    def lost(self) -> int:
        """Decisions shown as done that the database does not have."""
        lost = max(self.db_pending - self.shown_pending, 0)
        if self.shown_decision and not self.decision_found:
            lost += 1
        return lost


def capture(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True, check=False
    ).stdout


def wait_for(session: str, needle: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = capture(session)
        if needle in screen:
            return screen
        time.sleep(0.05)
    raise AssertionError(f"{needle!r} never appeared; the screen was:\n{screen}")


def start(db: Path, reviewer: str, work: Path, session: str) -> int:
    """Start ``pizhu open`` in a tmux session; return the app's pid (the shell execs it)."""
    pidfile = work / f"{session}.pid"
    pidfile.unlink(missing_ok=True)
    pizhu = shutil.which("pizhu")
    command = f"{pizhu} open" if pizhu else f"{sys.executable} -m pizhu.cli open"
    script = work / f"{session}.sh"
    script.write_text(
        f"echo $$ > {pidfile}\nexport PIZHU_KEYS={work / 'none.toml'}\n"
        f"exec {command} --db {db} --reviewer {reviewer}\n",
        "utf-8",
    )
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "24", f"sh {script}"],
        check=True,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    deadline = time.monotonic() + 10
    while not pidfile.exists() or not pidfile.read_text().strip():
        if time.monotonic() > deadline:
            raise AssertionError("the app never started")
        time.sleep(0.02)
    return int(pidfile.read_text().strip())


def one_round(db: Path, reviewer: str, work: Path, rng: random.Random) -> Round:
    session = f"pizhu-kill-{os.getpid()}-{rng.randrange(10**9)}"
    pid = start(db, reviewer, work, session)
    try:
        wait_for(session, "documents")
        subprocess.run(["tmux", "send-keys", "-t", session, "Enter"], check=True)
        wait_for(session, "pending")
        sent = 0
        for _burst in range(rng.randint(1, 4)):
            keys = [rng.choice(KEYS) for _ in range(rng.randint(1, 8))]
            subprocess.run(["tmux", "send-keys", "-t", session, *keys], check=True)
            sent += len(keys)
            time.sleep(rng.uniform(0.0, 0.25))
        screen = capture(session)
        os.kill(pid, signal.SIGKILL)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, check=False)
    match = _HEADER_RE.search(screen)
    if match is None:
        raise AssertionError(f"no reader header on the screen:\n{screen}")
    position, shown_pending = int(match.group(1)), int(match.group(3))
    shown = (match.group(4), match.group(5), match.group(6)) if match.group(4) else None
    with Store(db) as store:
        doc_id = store.document_ids()[position - 1]
        db_pending = sum(1 for s in store.spans(doc_id, reviewer) if s.status == PENDING and s.origin == "machine")
        found = shown is None or any(
            d.action == ("confirm" if shown[0] == "confirmed" else "reject")
            and d.after.get("label") == shown[1]
            and d.after.get("text") == shown[2]
            for d in store.decisions(reviewer)
        )
        integrity = store.integrity_ok()
    return Round(sent, shown_pending, db_pending, shown, found, integrity)
