"""``pizhu open --hub URL``: the app syncs with the team hub in the background.

A daemon thread of its own, on its own connections (a SQLite one to the same file, a
PostgreSQL one LISTENing on the hub's channel), so neither a slow hub nor a dead one ever
holds a key up. It syncs when the app opens, whenever the hub announces a commit (another
reviewer's decisions: LISTEN/NOTIFY), and every ``every`` seconds otherwise (which pushes
this reviewer's own decisions). A hub that cannot be reached is tried again every
``every`` seconds; the copy keeps working meanwhile, and the next sync sends what was
decided. What it knows is a ``HubStatus``, handed to the app's thread after every change;
``status_line`` is the header's wording.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from pizhu.store.db import Store
from pizhu.store.errors import StoreError
from pizhu.store.hub import HubError, SyncReport, last_synced, listen, redact, sync, wait_for_news

SYNCING, SYNCED, UNREACHABLE, CONNECTING = "syncing", "synced", "unreachable", "connecting"


@dataclass(frozen=True)
class HubStatus:
    hub: str
    """The hub as ``role@host:port/db`` (never its password)."""
    state: str = CONNECTING
    last_synced: float | None = None
    """``time.time()`` of the last sync that went through."""
    since: float | None = None
    """When the hub became unreachable."""
    error: str = ""
    pushed: int = 0
    pulled: int = 0
    """Rows moved by the last sync that moved any."""
    refused: int = 0


def _clock(when: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(when))


def _ago(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 60:
        return f"{seconds} s ago"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    return f"{seconds // 3600} h ago"


def short_reason(error: str) -> str:
    """What went wrong, in a few words: libpq's ``connection to server at … failed: Connection
    refused Is the server running…`` is ``Connection refused``."""
    reason = error.rsplit("failed: ", 1)[-1]
    for tail in (" Is the server", "\n"):
        reason = reason.split(tail, 1)[0]
    return reason.strip() or error


def status_line(status: HubStatus, now: float | None = None) -> str:
    """The header's line: when the copy last synced and whether the hub is reachable, first."""
    now = time.time() if now is None else now
    last = (
        f"last synced {_clock(status.last_synced)} ({_ago(now - status.last_synced)})"
        if status.last_synced is not None
        else "never synced"
    )
    if status.state == UNREACHABLE:
        # What a reviewer needs first fits 80 columns; the hub's name may run off the end.
        return f"hub unreachable: {short_reason(status.error)} · {last} · {status.hub}"
    if status.state == CONNECTING:
        return f"hub {status.hub} · connecting…"
    moved = f" · ↑{status.pushed} ↓{status.pulled}" if status.pushed or status.pulled else ""
    refused = f" · {status.refused} refused" if status.refused else ""
    if status.state == SYNCING:
        return f"hub {status.hub} · syncing… · {last}{moved}{refused}"
    synced = status.last_synced or now
    return f"hub {status.hub} · synced {_clock(synced)} ({_ago(now - synced)}){moved}{refused}"


class HubSync:
    """The background sync of one copy with one hub (see the module's doc)."""

    def __init__(
        self,
        path: str,
        url: str,
        changed: Callable[[HubStatus, SyncReport | None], None],
        *,
        every: float = 5.0,
    ) -> None:
        self.path = path
        self.url = url
        self.changed = changed
        self.every = every
        self.status = HubStatus(redact(url))
        self._stop = threading.Event()
        self._poke = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pizhu hub sync", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, wait: float = 2.0) -> None:
        self._stop.set()
        self._poke.set()
        if self._thread.is_alive():
            self._thread.join(wait)

    def poke(self) -> None:
        """Sync now (a decision was written)."""
        self._poke.set()

    def _set(self, report: SyncReport | None = None, **changes: Any) -> None:
        self.status = replace(self.status, **changes)
        self.changed(self.status, report)

    def _run(self) -> None:
        store: Store | None = None
        listener: Any = None
        try:
            store = Store(self.path)
            # When this copy last synced with this hub, from an earlier session.
            self._set(last_synced=last_synced(store, self.url))
            while not self._stop.is_set():
                if listener is None:
                    with contextlib.suppress(HubError):
                        listener = listen(self.url)
                self._sync_once(store)
                listener = self._wait(listener)
        except StoreError as exc:  # the local database itself: say so, stop syncing
            self._set(state=UNREACHABLE, since=time.time(), error=f"local database: {exc}")
        finally:
            if listener is not None:
                with contextlib.suppress(Exception):
                    listener.close()
            if store is not None:
                store.close()

    def _sync_once(self, store: Store) -> None:
        if self.status.state != UNREACHABLE:
            self._set(state=SYNCING)
        try:
            report = sync(store, self.url)
        except HubError as exc:
            error = str(exc).split(": ", 1)[-1]
            if self.status.state != UNREACHABLE or error != self.status.error:
                since = self.status.since if self.status.state == UNREACHABLE else time.time()
                self._set(state=UNREACHABLE, since=since, error=error)
            return
        moved = report.pushed.total() or report.pulled.total()
        self._set(
            report,
            state=SYNCED,
            last_synced=time.time(),
            since=None,
            error="",
            pushed=report.pushed.total() if moved else self.status.pushed,
            pulled=report.pulled.total() if moved else self.status.pulled,
            refused=len(report.refused),
        )

    def _wait(self, listener: Any) -> Any:
        """Until the hub announces something, a poke, or ``every`` seconds; the listener back
        (None once it broke: the hub went away)."""
        deadline = time.monotonic() + self.every
        while not self._stop.is_set() and time.monotonic() < deadline:
            if self._poke.is_set():
                self._poke.clear()
                return listener
            if listener is None:
                self._poke.wait(min(0.5, max(0.0, deadline - time.monotonic())))
                continue
            try:
                if wait_for_news(listener, min(0.5, max(0.01, deadline - time.monotonic()))):
                    # Our own pushes are announced too: take every note that came, then sync once.
                    while wait_for_news(listener, 0.05):
                        pass
                    return listener
            except Exception:
                with contextlib.suppress(Exception):
                    listener.close()
                return None
        return listener
