"""The app's one writer: every decision is written here, in the order it was made, off the key path.

A key never waits for SQLite's write lock. The screen binds the key at once to the span on
screen (its id, the version shown, the action), draws the span as it will be once written,
marked "saving…", and hands the write to this queue; one worker thread writes the queue in
order with a connection of its own. While another process holds the write lock (a
``sqlite3`` shell, a database browser, a ``pizhu merge`` suspended with Ctrl-Z) the worker
tries again every quarter second and the screens say so, naming the process that holds the
lock where the system tells (Linux's ``/proc/locks``; SQLite itself does not say).

What a write can meet:

* the lock (``BusyError``): tried again, in order, for as long as it takes;
* a decision that changes nothing ("already confirmed", ``UnchangedError``): nothing written,
  the screen says so, and a later job on that span is bound to the version it left;
* the span changed since it was shown, or a decision refused by the store (``ReviewError``):
  nothing written; the job is dropped, and the screen shows the span as it is and says
  "not saved" (a later job on that span, made on what this one would have left, goes too);
* anything else (a full disk, a read-only file): shown as not saved and kept, tried again
  in order every two seconds; nothing queued behind it is written before it.

A decision is shown as saved only once its transaction committed: ``kill -9`` loses at
most what the screen still showed as "saving…".

The live gold lexicon (``store.lexicon``) spreads a decision's gold to the other reports
after it, once nothing is queued: its scan of every text never delays the next decision,
and a decision queued meanwhile stops it between two strings (the rest is spread after).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from textual.message import Message

from pizhu.store.db import Store
from pizhu.store.errors import BusyError, ReviewError, StoreError, UnchangedError
from pizhu.store.records import SpanState, SpanView

RETRY_LOCKED = 0.25  # seconds between tries while another process holds the lock
LOCK_WAIT = 0.2  # how long one try waits for the lock before saying it is locked
RETRY_FAILED = 2.0  # seconds between tries after another failure (a full disk)
SLOW = 0.5  # a write in flight this long is shown on the screen's save line


class WriterApp(Protocol):
    """What the writer needs of the app: its store, a worker thread, and messages home."""

    store: Store

    def run_worker(
        self,
        work: Callable[[], Any],
        *,
        name: str = ...,
        group: str = ...,
        exit_on_error: bool = ...,
        thread: bool = ...,
    ) -> Any: ...

    def post_message(self, message: Message) -> bool: ...


@dataclass(eq=False)
class Job:
    """One write: ``write(store, seen)`` runs on the writer's thread and returns what the
    screen shows once it is committed; ``seen`` maps each span the job decides to the version
    the reviewer decided on (see ``Writer.submit``)."""

    what: str
    write: Callable[[Store, dict[int, SpanState]], Any]
    saved: Callable[[Job, Any], None] | None = None
    refused: Callable[[Job, StoreError], None] | None = None
    spans: dict[int, SpanState | None] = field(default_factory=dict)
    """Span id → the version shown when the key was pressed, or None: the version the job
    before it on that span leaves (keys pressed faster than the writes)."""
    shown: dict[int, SpanView] = field(default_factory=dict)
    """Span id → how the screen draws it until the job is written."""
    kind: str = "decision"
    """``decision``; ``undo`` (which spans it changes is known once written); ``place`` (the
    reader's position: not a decision, a newer one replaces a queued one)."""
    key: object = None
    submitted: float = field(default_factory=time.monotonic)
    error: str = ""
    result: Any = None


class Writer:
    """The queue of writes and its worker; lives on the app, shared by every screen."""

    @dataclass
    class Changed(Message):
        """Something about the queue changed (a job written, refused, waiting on the lock)."""

    @dataclass
    class Done(Message):
        job: Job
        result: Any

    @dataclass
    class Refused(Message):
        job: Job
        error: StoreError

    def __init__(self, app: WriterApp) -> None:
        self.app = app
        self.jobs: deque[Job] = deque()
        self._lock = threading.Lock()
        self._running = False
        self._stopping = False  # the app is closing: write what can be written, then stop
        self._store: Store | None = None
        self.locked_since: float | None = None
        self.holder = ""
        self.failure = ""
        # Span id → (the version last committed, the version shown) while jobs on it are queued.
        self.base: dict[int, SpanView] = {}
        self.shown: dict[int, SpanView] = {}
        self._last: dict[int, SpanState] = {}  # writer thread: span → version its last job left
        self._broken: set[int] = set()  # writer thread: spans whose last job was refused
        self._spread_due = False  # writer thread: a decision was written since the last spread

    # --- the app's side ------------------------------------------------------------------

    def submit(self, job: Job, base: Iterable[SpanView] = ()) -> Job:
        """Queue a write. ``base``: the spans as last committed (their versions before the
        job), for the screens' counts; the job's ``shown`` versions are drawn meanwhile."""
        for span in base:
            self.base.setdefault(span.id, span)
        self.shown.update(job.shown)
        with self._lock:
            if job.kind == "place":
                for queued in list(self.jobs)[1:]:
                    if queued.kind == "place" and queued.key == job.key:
                        self.jobs.remove(queued)
            self.jobs.append(job)
            start = not self._running
            self._running = True
        if self.app.store.path == ":memory:":
            # One connection, no other process: written at once on this thread.
            self._drain()
        elif start:
            self.app.run_worker(self._drain, thread=True, group="writer", name="writer", exit_on_error=False)
        return job

    def unsaved(self) -> list[Job]:
        """The decisions not written yet (the reader's position is not one)."""
        with self._lock:
            return [j for j in self.jobs if j.kind != "place"]

    def idle(self) -> bool:
        """Nothing queued and no write under way (what a test waits for after a key)."""
        with self._lock:
            return not self.jobs and not self._running

    def in_flight(self, span_id: int) -> bool:
        return span_id in self.shown

    def undoing(self) -> bool:
        """An undo or redo is queued: until it is written nobody knows which spans it changes."""
        return any(j.kind == "undo" for j in self.unsaved())

    def overlay(self, spans: Iterable[SpanView]) -> list[SpanView]:
        """Spans just read from the database, with the versions of queued jobs drawn over them."""
        out = []
        for span in spans:
            if span.id in self.shown:
                self.base[span.id] = span
                out.append(self.shown[span.id])
            else:
                out.append(span)
        return out

    def committed(self, span: SpanView) -> SpanView:
        """The version last committed of a span on screen (itself when nothing is queued on it)."""
        return self.base.get(span.id, span) if span.id in self.shown else span

    def slow(self) -> bool:
        """Whether the screens should say that writes wait: locked, failing, or just slow."""
        unsaved = self.unsaved()
        if not unsaved:
            return False
        return self.locked_since is not None or bool(self.failure) or time.monotonic() - unsaved[0].submitted > SLOW

    def status(self) -> str:
        """One line about the writes that wait, or "" when there are none."""
        unsaved = self.unsaved()
        if not unsaved:
            return ""
        count = f"{len(unsaved)} unsaved"
        if self.locked_since is not None:
            seconds = int(time.monotonic() - self.locked_since)
            who = self.holder or "another program (SQLite can't say which)"
            return f"{count} · database locked {seconds} s by {who}"
        if self.failure:
            return f"{count} · {self.failure} · trying again"
        return f"{count} · saving…"

    def on_message(self, message: Message) -> None:
        """The worker's messages, on the app's thread: finish the job on its screen."""
        if isinstance(message, Writer.Done):
            job = message.job
            self._forget(job)
            if job.saved is not None:
                job.saved(job, message.result)
        elif isinstance(message, Writer.Refused):
            job = message.job
            self._forget(job)
            if job.refused is not None:
                job.refused(job, message.error)

    def _forget(self, job: Job) -> None:
        """A job is off the queue: its spans are no longer drawn from it unless a later job has them."""
        later = {s for j in self.unsaved() for s in j.shown}
        for span_id in job.shown:
            if span_id not in later:
                self.shown.pop(span_id, None)
                self.base.pop(span_id, None)

    # --- the worker's side ---------------------------------------------------------------

    def _connection(self) -> Store:
        if self.app.store.path == ":memory:":
            return self.app.store
        if self._store is None:
            self._store = Store(self.app.store.path)
            self._store.lock_wait = LOCK_WAIT
            self._store.defer_lexicon = True  # spread once the queue is empty (``_spread``)
        return self._store

    def _post(self, message: Message) -> None:
        self.app.post_message(message)

    def _drain(self) -> None:
        store = self._connection()
        while True:
            with self._lock:
                spread = not self.jobs and self._spread_due and store.defer_lexicon and not self._stopping
                if not self.jobs and not spread:
                    self._running = False
                    if self._stopping:
                        self._close()
                    return
                job = self.jobs[0] if self.jobs else None
            if job is None:
                self._spread(store)
                continue
            seen: dict[int, SpanState] = {}
            try:
                seen = self._seen(job)
                result = job.write(store, seen)
            except BusyError:
                if self.locked_since is None:
                    self.locked_since = time.monotonic()
                self.holder = lock_holder(self.app.store.path)
                self._post(Writer.Changed())
                if self._stop_inline() or self._give_up():
                    return
                time.sleep(RETRY_LOCKED)
                continue
            except UnchangedError as exc:
                # Nothing to write ("already confirmed"): the spans stay the versions it was
                # bound to, and a key pressed after it on them is bound to those.
                self._done(job)
                for span_id, version in seen.items():
                    self._broken.discard(span_id)
                    self._last[span_id] = version
                self._post(Writer.Refused(job, exc))
                continue
            except ReviewError as exc:
                self._done(job)
                self._broken.update(job.spans)
                self._post(Writer.Refused(job, exc))
                continue
            except StoreError as exc:
                job.error = str(exc)
                self.failure = f"not saved: {exc}"
                self.locked_since = None
                self._post(Writer.Changed())
                if self._stop_inline() or self._give_up():
                    return
                time.sleep(RETRY_FAILED)
                continue
            self.locked_since = None
            self.failure = ""
            job.result = result
            for span_id in job.spans:
                self._broken.discard(span_id)
            for view in _views(result):
                if view.id in job.spans:
                    self._last[view.id] = view.state()
            self._done(job)
            self._spread_due = True
            self._post(Writer.Done(job, result))

    def _spread(self, store: Store) -> None:
        """The lexicon's spread of the decisions written (``Store.spread_lexicon``), stopped
        by the next decision queued; one that fails (the lock, a full disk) is the next one's."""
        self._spread_due = False
        try:
            changed = store.spread_lexicon(stop=lambda: bool(self.jobs) or self._stopping)
        except (StoreError, sqlite3.Error):
            return
        if changed:
            self._post(Writer.Changed())

    def _stop_inline(self) -> bool:
        """In memory the queue is written on the app's thread: a failed job waits for the next submit."""
        if self.app.store.path != ":memory:":
            return False
        with self._lock:
            self._running = False
        return True

    def _seen(self, job: Job) -> dict[int, SpanState]:
        """The version each span of the job was decided on: as shown at the key, or as the
        job before it on that span left it."""
        seen: dict[int, SpanState] = {}
        for span_id, version in job.spans.items():
            if version is None:
                if span_id in self._broken or span_id not in self._last:
                    raise ReviewError("a decision before it on this span was not saved")
                version = self._last[span_id]
            seen[span_id] = version
        return seen

    def _done(self, job: Job) -> None:
        # ``_last`` is kept after the job: a key pressed before the app has heard that it was
        # written is bound to what it left.
        with self._lock:
            if self.jobs and self.jobs[0] is job:
                self.jobs.popleft()

    def _give_up(self) -> bool:
        """Closing and the head job cannot be written: stop (the app asked before quitting)."""
        with self._lock:
            if not self._stopping:
                return False
            self._running = False
            self._close()
            return True

    def close(self) -> None:
        """The app is closing: the connection is closed once the writer is done with it (on its
        thread, if it is still writing: closing it under a write would crash SQLite)."""
        with self._lock:
            self._stopping = True
            if not self._running:
                self._close()

    def _close(self) -> None:
        if self._store is not None and self._store is not self.app.store:
            self._store.close()
        self._store = None


def _views(result: Any) -> list[SpanView]:
    if isinstance(result, SpanView):
        return [result]
    if isinstance(result, (list, tuple)):
        return [r for r in result if isinstance(r, SpanView)]
    return []


# --- who holds the lock ---------------------------------------------------------------------

WAL_WRITE_LOCK = 120  # the byte of the -shm file a writer locks in WAL mode (SQLite's wal.c)
RESERVED_BYTE = 0x40000001  # the byte of the database file a writer locks in rollback mode


def lock_holder(path: str) -> str:
    """The process holding the database's write lock, as ``pid N (name)``, where the system
    says (Linux: ``/proc/locks``); "" when it does not (another OS, a lock of this process)."""
    targets: dict[tuple[int, int], int] = {}
    for name, byte in ((path + "-shm", WAL_WRITE_LOCK), (path, RESERVED_BYTE)):
        try:
            info = os.stat(name)
        except OSError:
            continue
        targets[(info.st_dev, info.st_ino)] = byte
    try:
        lines = Path("/proc/locks").read_text("ascii", errors="replace").splitlines()
    except OSError:
        return ""
    for line in lines:
        parts = line.split()
        if len(parts) < 8 or "->" in parts or parts[3] != "WRITE":
            continue
        try:
            pid = int(parts[4])
            major, minor, inode = parts[5].split(":")
            device = os.makedev(int(major, 16), int(minor, 16))
            start = int(parts[6])
            end = int(parts[7]) if parts[7] != "EOF" else 2**63
        except ValueError:
            continue
        locked = targets.get((device, int(inode)))
        if locked is None or pid <= 0 or pid == os.getpid() or not start <= locked <= end:
            continue
        try:
            name = Path(f"/proc/{pid}/comm").read_text("utf-8", errors="replace").strip()
        except OSError:
            name = ""
        return f"pid {pid} ({name})" if name else f"pid {pid}"
    return ""
