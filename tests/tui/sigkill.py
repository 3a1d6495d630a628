"""Kill the real ``pizhu open`` with SIGKILL in the middle of a stream of key presses.

Shared by ``tests/tui/test_sigkill.py`` (a few rounds in CI) and ``bench/bench_kill.py``
(many rounds); the tmux helpers are ``tests.harness``'s. One round, on a database file that
earlier rounds may have killed apps on:

1. start ``pizhu open`` in tmux at 80×24 (the shell ``exec``\\s it, so the pane's pid is
   the app), open the first document and read its header: a restart must show exactly
   the database's pending count for it (the restart sees every earlier decision);
2. send bursts of keys (decide, skip, move, relabel; in "undo" rounds also ``u``) with
   random pauses, read the screen at a random moment and kill -9 the app at once; or, in a
   "settled" round, send ``Space a`` after them and read the screen once it names a
   decision as saved and the database holds one of this round (polled: a condition, not a
   pause, so the round holds under any load), then kill;
3. check the database against that screen. The reader's header shows
   ``doc N/M  §i/k  P pending`` and a message such as ``· confirmed DATE “2023年”``:

   - without undo every key can only decide spans, never undecide them, and a decision
     is counted done on the screen only once committed, so the database's pending count for the
     document may be lower than shown (keys still in flight when the screen was read)
     but never higher: ``candidates − shown pending`` decisions were shown as done and
     each one missing would raise it. With undo in the stream a ``u`` processed between
     the capture and the kill may set one span back, so the bound is loosened by the
     number of ``u`` keys sent (the check stays sound, only weaker);
   - the message names the last decision shown; a decision with that action, label and
     text was logged in this round (the log is append-only, undo included), unless the
     message still says "saving…" (written off the key path: not shown as done yet);
   - ``PRAGMA integrity_check`` is ok.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from pizhu.store.db import Store
from pizhu.store.records import PENDING
from tests.harness import TMUX, capture, start, wait_for

__all__ = ["Round", "capture", "one_round", "start", "wait_for"]

# Keys that can only decide (or leave alone) spans: confirm, reject, skip, next/previous
# span, next/previous section, and labels (a relabel of a pending span decides it).
DECIDING = ("a", "a", "a", "x", "x", "Space", "Tab", "BTab", "]", "[", "a", "x", "1", "3", "5")
UNDOING = (*DECIDING, "u", "u")
# The message (what was just done) is the line under the status line, when there is one.
_HEADER_RE = re.compile(r"doc (\d+)/(\d+)\s+§\d+/\d+\s+(\d+) pending[^\n]*\n(.*)")
_SHOWN_RE = re.compile(r"(confirmed|rejected) (\w+) “(.*?)”|label (\w+)$")


@dataclass
class Round:
    keys_sent: int
    undos_sent: int
    candidates: int  # spans of the document on screen at the kill (the reader's pending universe)
    shown_pending: int
    db_pending: int
    shown_decision: tuple[str, str, str] | None  # (action, label, text) named by the message
    decision_found: bool
    integrity_ok: bool
    restart_pending: tuple[int, int]  # (shown after the restart, in the database)

    @property
    def shown_done(self) -> int:
        """Decisions the screen showed as done for the document: candidates − pending shown."""
        return self.candidates - self.shown_pending

    @property
    def found(self) -> int:
        """Of those, how many the database holds (pending no higher than shown)."""
        return min(self.shown_done, self.candidates - self.db_pending + self.undos_sent)

    @property
    def lost(self) -> int:
        return self.shown_done - self.found + (1 if self.shown_decision and not self.decision_found else 0)

    @property
    def restart_consistent(self) -> bool:
        return self.restart_pending[0] == self.restart_pending[1]


def header(screen: str) -> re.Match[str]:
    match = _HEADER_RE.search(screen)
    if match is None:
        raise AssertionError(f"no reader header on the screen:\n{screen}")
    return match


def shown_decision(message: str | None) -> tuple[str, str, str] | None:
    """The decision the header's message names as saved, as (action, label, text); text "" for
    a relabel. A message that still says "saving…" names one not shown as done yet."""
    if "saving…" in (message or ""):
        return None
    found = _SHOWN_RE.match((message or "").strip())
    if found is None:
        return None
    if found.group(4):
        return ("label", found.group(4), "")
    return ("confirm" if found.group(1) == "confirmed" else "reject", found.group(2), found.group(3))


def pending_in(store: Store, position: int, reviewer: str) -> tuple[int, int]:
    """(spans, pending spans) of the document at 1-based ``position``, counted as the reader does."""
    doc_id = store.document_ids()[position - 1]
    spans = [s for s in store.spans(doc_id, reviewer) if s.visible]
    return len(spans), sum(1 for s in spans if s.status == PENDING)


def decided_since(db: Path, last_before: int) -> int:
    """Decisions committed to the database after the decision ``last_before``."""
    with Store(db) as store:
        return int(store.conn.execute("SELECT count(*) FROM decisions WHERE id > ?", (last_before,)).fetchone()[0])


def settle(db: Path, session: str, last_before: int, timeout: float = 60.0) -> str:
    """Skip to a pending span and confirm it (``Space a``), then wait until the screen names a
    decision as saved (not "saving…") and the database holds a decision of this round; the
    screen then. Keys are handled in order, so the bursts before are handled by then. If the
    confirm decided nothing ("already confirmed", "no span here", a refusal such as "not
    saved: …", the report done), once more, from the next report when this one has no
    pending span left."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        match = _HEADER_RE.search(capture(session))
        before = match.group(4) if match else ""
        keys = ["Space", "a"]
        if match and int(match.group(3)) == 0:
            keys = ["}", *keys]
        subprocess.run([*TMUX, "send-keys", "-t", session, *keys], check=True)
        sent = time.monotonic()
        while time.monotonic() < deadline:
            screen = capture(session)
            match = _HEADER_RE.search(screen)
            message = match.group(4) if match else ""
            if match and shown_decision(message) and decided_since(db, last_before):
                return screen
            # A message from before these keys is not their answer: wait a second for theirs.
            fresh = message != before or time.monotonic() - sent > 1.0
            if fresh and any(word in message for word in _NOTHING_DECIDED):
                break
            time.sleep(0.05)
    raise AssertionError(f"no decision was shown as saved within {timeout} s; the screen was:\n{screen}")


# What the reader says when a confirm decided nothing (see ``settle``).
_NOTHING_DECIDED = ("already", "no span here", "not saved", "document done", "not finished", "nothing decided")


def app_cmdline(pid: int, timeout: float = 10.0) -> bytes:
    """The command line of ``pid`` once the shell's ``exec`` of the app is through. In the
    middle of an exec the kernel reads the command line as empty (the new image has none yet),
    and a loaded machine can be caught there: wait until it names pizhu, the process ends, or
    the time runs out (the script's own name holds "pizhu" too, so the app is known by its
    arguments)."""
    proc = Path(f"/proc/{pid}/cmdline")
    if not Path("/proc").is_dir():
        return b"pizhu"
    deadline = time.monotonic() + timeout
    cmdline = b""
    while time.monotonic() < deadline:
        try:
            cmdline = proc.read_bytes()
        except OSError:
            return b""
        if b"--reviewer" in cmdline:  # the app's arguments, not the shell's script name
            break
        time.sleep(0.02)
    return cmdline


def one_round(
    db: Path, reviewer: str, work: Path, rng: random.Random, *, undo: bool = False, settled: bool = False
) -> Round:
    session = f"pizhu-kill-{os.getpid()}-{rng.randrange(10**9)}"
    with Store(db) as store:
        last_before = store.conn.execute("SELECT coalesce(max(id), 0) FROM decisions").fetchone()[0]
    pid = start(db, reviewer, work, session)
    try:
        cmdline = app_cmdline(pid)
        assert b"pizhu" in cmdline and b"--reviewer" in cmdline, f"pid {pid} is not the app: {cmdline!r}"
        wait_for(session, "documents")
        subprocess.run([*TMUX, "send-keys", "-t", session, "Enter"], check=True)
        opened = header(wait_for(session, "pending"))
        with Store(db) as store:
            restart = (int(opened.group(3)), pending_in(store, int(opened.group(1)), reviewer)[1])
        sent = undos = 0
        for _burst in range(rng.randint(1, 4)):
            keys = [rng.choice(UNDOING if undo else DECIDING) for _ in range(rng.randint(1, 8))]
            subprocess.run([*TMUX, "send-keys", "-t", session, *keys], check=True)
            sent += len(keys)
            undos += keys.count("u")
            time.sleep(rng.uniform(0.0, 0.25))
        screen = settle(db, session, last_before) if settled else capture(session)
        os.kill(pid, signal.SIGKILL)
    finally:
        subprocess.run([*TMUX, "kill-session", "-t", session], capture_output=True, check=False)
    match = header(screen)
    position, shown_pending = int(match.group(1)), int(match.group(3))
    shown = shown_decision(match.group(4))
    with Store(db) as store:
        candidates, db_pending = pending_in(store, position, reviewer)
        found = shown is None or any(
            d.action == shown[0]
            and d.after.get("label") == shown[1]
            and (shown[0] == "label" or d.after.get("text") == shown[2])
            for d in store.decisions(reviewer)
            if d.id > last_before
        )
        integrity = store.integrity_ok()
    return Round(sent, undos, candidates, shown_pending, db_pending, shown, found, integrity, restart)
