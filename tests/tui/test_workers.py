"""The worker rule (tui/workers.py): a worker's StoreError is a one-line notice, the app stays up."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from pizhu.store.db import Store
from pizhu.store.errors import StoreError
from pizhu.store.records import Change
from pizhu.tui.app import PizhuApp, make_app
from pizhu.tui.screens.library import LibraryScreen
from pizhu.tui.screens.queue import QueueScreen
from pizhu.tui.screens.reader import ReaderScreen
from pizhu.tui.workers import notice
from tests.harness import SIZE, reader, settled
from tests.tui.conftest import REVIEWER


def test_notice_is_one_line() -> None:
    assert notice("queue", StoreError("database is locked\nretry later")) == (
        "queue not read: database is locked retry later"
    )


async def test_a_workers_store_error_is_a_notice_and_the_app_stays_up(
    app: PizhuApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(self: Store, *args: Any, **kwargs: Any) -> Any:
        raise StoreError("database is locked")

    shown: list[tuple[str, str]] = []
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        real = app.notify

        def notify(message: str, *args: Any, **kwargs: Any) -> None:
            shown.append((message, kwargs.get("severity", "information")))
            real(message, *args, **kwargs)

        monkeypatch.setattr(app, "notify", notify)
        monkeypatch.setattr(Store, "queue", locked)
        await pilot.press("w")  # the queue reads its rows in a worker
        await settled(app, pilot)
        assert ("queue not read: database is locked", "error") in shown
        assert isinstance(app.screen, QueueScreen) and app.is_running
        # The app still answers keys: back to the library.
        await pilot.press("escape")
        await settled(app, pilot)
        assert not isinstance(app.screen, QueueScreen)
    assert app.return_code in (None, 0)


async def test_no_key_reads_the_database_on_the_apps_thread(
    store: Store, check: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every statement SQLite runs is traced with the thread that runs it: while keys are
    pressed (moving, deciding, undo, reload, the next report after a reload, a write the
    database refuses, the queue and back, J; in the library withdraw, restore and correct a
    report), none runs on the app's thread; reads run in
    workers, writes on the writer's thread. Before: the status line read the reports' ids
    after a reload, a refused write read its spans and J read the role, all on the key; the library wrote on it.
    (About 4 s: one app, a dozen keys on three screens, each waited for as a reviewer would.)"""
    app_thread = threading.current_thread()  # run_test runs the app on this thread's loop
    watching = threading.Event()
    on_app_thread: list[str] = []

    def traced(store: Store) -> None:
        def trace(sql: str) -> None:
            if watching.is_set() and threading.current_thread() is app_thread:
                on_app_thread.append(sql)

        store.conn.set_trace_callback(trace)

    real_init = Store.__init__

    def init(self: Store, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **kwargs)
        traced(self)

    traced(store)
    monkeypatch.setattr(Store, "__init__", init)  # the workers' own connections too
    app = make_app(store, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        watching.set()
        for keys in (["a"], ["x"], ["space"], ["u"], ["r"], ["right_curly_bracket"], ["left_curly_bracket"]):
            await pilot.press(*keys)
            await settled(app, pilot)
        watching.clear()
        span = screen.span()
        assert span is not None
        check.decide(span.id, REVIEWER, Change("reject"))  # ann elsewhere: the span shown is stale
        watching.set()
        await pilot.press("a")  # bound to the version shown: refused, its span read again
        await settled(app, pilot)
        assert screen.message.startswith("not saved")
        for keys in (["w"], ["a"], ["escape"], ["J"]):
            await pilot.press(*keys)
            await settled(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        # The library: withdraw a report, bring it back, correct its organisation.
        for keys in (["escape"], ["d"], ["y"], ["u"], ["e"], ["enter"]):
            await pilot.press(*keys)
            await settled(app, pilot)
        watching.clear()
        assert isinstance(app.screen, LibraryScreen)
    assert on_app_thread == []


async def test_a_key_waiting_for_the_reports_ids_is_dropped_when_they_cannot_be_read(
    app: PizhuApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`}` after the ids were forgotten waits for a worker to read them; when that read fails
    the reviewer is told, and the key is not run later by the next read."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        ids = app.document_ids()
        assert ids is not None and screen.doc is not None and screen.doc.id == ids[0]
        real = Store.document_ids

        def locked(self: Store) -> list[int]:
            raise StoreError("database is locked")

        monkeypatch.setattr(Store, "document_ids", locked)
        app.forget_progress()
        await pilot.press("right_curly_bracket")
        await settled(app, pilot)
        assert screen.doc.id == ids[0]
        assert any("reports not counted: database is locked" in str(n.message) for n in app._notifications)
        monkeypatch.setattr(Store, "document_ids", real)
        await pilot.press("right_curly_bracket")
        await settled(app, pilot)
        assert screen.doc.id == ids[1]  # one on, not two
