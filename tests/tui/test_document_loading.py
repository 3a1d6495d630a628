"""A document opens in a worker: the key that asks for it returns at once, the screen says
"loading", and keys that would act on a document wait for it (issue: never block the screen).

The load is held at a gate (a ``threading.Event``) so each test sees the in-between state
for as long as it needs, on the real app and a real SQLite file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from textual.widgets import Static

from pizhu.store import workspace
from pizhu.store.db import Store
from pizhu.tui import model
from pizhu.tui.app import PizhuApp
from pizhu.tui.screens.library import LibraryScreen
from pizhu.tui.screens.reader import ReaderScreen
from tests.harness import SIZE, settled
from tests.tui.conftest import REVIEWER


class Gate:
    """Holds the calls it wraps until opened; records the thread each call ran on."""

    def __init__(self) -> None:
        self.open = threading.Event()
        self.threads: list[str] = []

    def hold(self, call: Callable[..., Any], *, read_first: bool = False) -> Callable[..., Any]:
        """``call``, held at the gate; with ``read_first`` it runs first and its result is held,
        so what it read is from before anything the test does meanwhile."""

        def held(*args: Any, **kwargs: Any) -> Any:
            self.threads.append(threading.current_thread().name)
            if read_first:
                result = call(*args, **kwargs)
                assert self.open.wait(10), "the test never opened the gate"
                return result
            assert self.open.wait(10), "the test never opened the gate"
            return call(*args, **kwargs)

        return held


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    """Every document load held."""
    gate = Gate()
    real = model.LoadedDocument.load.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(model.LoadedDocument, "load", classmethod(gate.hold(real)))
    yield gate
    gate.open.set()


def status(screen: ReaderScreen) -> str:
    return str(screen.query_one("#status", Static).render())


async def test_a_document_is_read_off_the_app_thread_and_shown_when_it_arrives(app: PizhuApp, gate: Gate) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_reader(1)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        # The screen is up, the document is not: the status line says so.
        assert screen.doc is None and screen.loading_doc == 1
        assert "loading doc 1/" in status(screen)
        gate.open.set()
        await settled(app, pilot)
        assert screen.doc is not None and screen.doc.id == 1 and screen.loading_doc is None
        assert "pending" in status(screen) and "loading" not in status(screen)
        assert screen.current is not None
        assert gate.threads and threading.main_thread().name not in gate.threads


async def test_keys_that_act_on_a_document_wait_for_it(app: PizhuApp, gate: Gate, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_reader(1)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        # Confirm, reject, a label, tab, a section move: none of them acts, nothing crashes.
        await pilot.press("a", "x", "1", "tab", "right_square_bracket", "v", "ctrl+right")
        await pilot.pause()
        assert check.decisions(REVIEWER) == []
        gate.open.set()
        await settled(app, pilot)
        first = screen.current
        assert first is not None
        await pilot.press("a")
        assert check.span(first, REVIEWER).status == "confirmed"


async def test_moving_on_while_loading_opens_only_the_last_document(app: PizhuApp, gate: Gate) -> None:
    async with app.run_test(size=SIZE) as pilot:
        gate.open.set()
        await pilot.pause()
        app.open_reader(1)
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.doc is not None
        ids = app.document_ids()
        gate.open.clear()
        await pilot.press("right_curly_bracket", "right_curly_bracket", "right_curly_bracket")
        await pilot.pause()
        # Three documents on from the first; the first document stays until the third arrives.
        assert screen.loading_doc == ids[3] and screen.doc.id == ids[0]
        assert f"loading doc 4/{len(ids)}" in status(screen)
        gate.open.set()
        await settled(app, pilot)
        assert screen.doc.id == ids[3] and screen.loading_doc is None
        assert screen.doc.sections[screen.section].start <= (screen.span().start if screen.span() else 0)


async def test_a_document_that_cannot_be_read_says_so_and_goes_back(app: PizhuApp, gate: Gate) -> None:
    gate.open.set()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        library = app.screen
        app.open_reader(999_999)
        await settled(app, pilot)
        assert app.screen is library
        assert any("999999" in str(n.message) and "not opened" in str(n.message) for n in app._notifications)


@pytest.fixture
def held_progress(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    """Hold the library's progress read (``Store.documents``) until opened."""
    gate = Gate()
    monkeypatch.setattr(Store, "documents", gate.hold(Store.documents))
    yield gate
    gate.open.set()


def title(app: PizhuApp) -> str:
    return str(app.screen.query_one("#library-title", Static).render())


async def test_the_library_reads_progress_in_a_worker(app: PizhuApp, held_progress: Gate) -> None:
    from pizhu.tui.screens.library import LibraryScreen

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        assert "reading the library" in title(app)
        held_progress.open.set()
        await settled(app, pilot)
        assert "documents" in title(app) and "reading" not in title(app)
        rows = library.query_one("DataTable").row_count  # type: ignore[attr-defined]
        assert rows == len(app.document_ids()) > 0
        # A decision in the reader, then back: the rows stay while the progress is read again.
        await pilot.press("enter")
        await settled(app, pilot)
        held_progress.open.clear()
        await pilot.press("a", "escape")
        await pilot.pause()
        assert app.screen is library
        assert "reading progress" in title(app)
        assert library.query_one("DataTable").row_count == rows  # type: ignore[attr-defined]
        held_progress.open.set()
        await settled(app, pilot)
        assert "reading" not in title(app) and "1/" in title(app).split("documents · ")[1]
        assert threading.main_thread().name not in held_progress.threads


async def test_the_queue_reads_its_rows_in_a_worker(
    app: PizhuApp, check: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pizhu.tui.screens.queue import QueueScreen

    gate = Gate()
    # Read first, then wait: the rows are those from before the reviewer's decision.
    monkeypatch.setattr(Store, "queue", gate.hold(Store.queue, read_first=True))
    gate.open.set()
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("w")
        await settled(app, pilot)
        queue = app.screen
        assert isinstance(queue, QueueScreen) and queue.items
        first = queue.items[0]
        # Read again (r) while the reviewer confirms the first row: it stays decided and gone.
        gate.open.clear()
        await pilot.press("r")
        await pilot.pause()
        assert "reading…" in str(queue.query_one("#queue-title", Static).render())
        await pilot.press("a")
        assert check.span(first.id, REVIEWER).status == "confirmed"
        gate.open.set()
        await settled(app, pilot)
        assert "reading" not in str(queue.query_one("#queue-title", Static).render())
        assert first.id not in [s.id for s in queue.items]
        assert threading.main_thread().name not in gate.threads


async def test_undo_swaps_in_what_it_took_back_without_reading_the_document(
    app: PizhuApp, check: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_reader(1)
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.doc is not None
        first = screen.current
        assert first is not None
        await pilot.press("a", "a", "a")
        second, third = [d.span_id for d in check.decisions(REVIEWER)][1:3]
        reads: list[int] = []
        real = Store.spans

        def counted(self, doc_id, *args, **kwargs):  # type: ignore[no-untyped-def]
            reads.append(doc_id)
            return real(self, doc_id, *args, **kwargs)

        monkeypatch.setattr(Store, "spans", counted)
        # Three undos and a redo in a row: none dropped, none waiting on a read.
        await pilot.press("u", "u", "u", "ctrl+r")
        assert [check.span(i, REVIEWER).status for i in (first, second, third)] == ["confirmed", "pending", "pending"]
        assert [screen.doc.get(i).status for i in (first, second, third)] == ["confirmed", "pending", "pending"]
        assert reads == [] and screen.loading_doc is None
        assert screen.current == first and "redone" in screen.message


async def test_the_queue_undoes_a_decision_and_lists_the_candidate_again(app: PizhuApp, check: Store) -> None:
    from pizhu.tui.screens.queue import QueueScreen

    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("w")
        await settled(app, pilot)
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        first = queue.items[0]
        await pilot.press("x")
        assert check.span(first.id, REVIEWER).status == "rejected"
        await pilot.press("u")
        await settled(app, pilot)
        assert check.span(first.id, REVIEWER).status == "pending"
        assert [d.action for d in check.history(first.id)] == ["reject", "undo"]
        assert first.id in [s.id for s in queue.items]
        await pilot.press("ctrl+r")
        await settled(app, pilot)
        assert check.span(first.id, REVIEWER).status == "rejected"
        assert first.id not in [s.id for s in queue.items]


async def test_the_library_and_the_queue_read_once_when_they_open(
    app: PizhuApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A screen's mount and its first resume both come on the first push: one read, not two
    (at 10,000 reports each read is a third of a second, and two at once share the CPU)."""
    reads: list[str] = []
    documents, queue = Store.documents, Store.queue

    def count_documents(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        reads.append("documents")
        return documents(self, *args, **kwargs)

    def count_queue(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        reads.append("queue")
        return queue(self, *args, **kwargs)

    monkeypatch.setattr(Store, "documents", count_documents)
    monkeypatch.setattr(Store, "queue", count_queue)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        assert reads == ["documents"]
        await pilot.press("w")
        await settled(app, pilot)
        assert reads == ["documents", "queue"]
        # Back and forth with nothing decided: nothing read again.
        await pilot.press("question_mark")
        await settled(app, pilot)
        await pilot.press("escape")
        await settled(app, pilot)
        assert reads == ["documents", "queue"]


async def test_the_history_line_and_the_adjudication_list_are_read_in_workers(
    app: PizhuApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pizhu.store import agree, roles
    from pizhu.tui.screens.adjudicate import AdjudicationScreen

    roles.grant(app.store, roles.login_name(), REVIEWER)  # J is for adjudicators
    gate = Gate()
    monkeypatch.setattr(Store, "history", gate.hold(Store.history))
    monkeypatch.setattr(agree, "disagreements", gate.hold(agree.disagreements))
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        app.open_reader(1)
        for _ in range(200):
            await pilot.pause()
            screen = app.screen
            if isinstance(screen, ReaderScreen) and screen.doc is not None:
                break
        assert isinstance(screen, ReaderScreen)
        assert "loading…" in str(screen.query_one("#panel").render())
        gate.open.set()
        await settled(app, pilot)
        assert "loading…" not in str(screen.query_one("#panel").render())
        gate.open.clear()
        await pilot.press("J")
        await pilot.pause()
        assert isinstance(app.screen, AdjudicationScreen)
        assert "loading…" in str(app.screen.query_one("#adjudicate-title", Static).render())
        gate.open.set()
        await settled(app, pilot)
        assert "loading…" not in str(app.screen.query_one("#adjudicate-title", Static).render())
        assert gate.threads and threading.main_thread().name not in gate.threads


@pytest.fixture
def held_place(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    """Hold the library's read of the report opened last (``workspace.last_library``)."""
    gate = Gate()
    monkeypatch.setattr(workspace, "last_library", gate.hold(workspace.last_library))
    yield gate
    gate.open.set()


def cursor_id(library: LibraryScreen) -> int | None:
    return library.selected_id()


async def test_the_library_reads_the_last_opened_report_off_the_app_thread(
    app: PizhuApp, check: Store, held_place: Gate
) -> None:
    ids = check.document_ids()
    workspace.save_library(check, REVIEWER, ids[2])
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(5):
            await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        # The rows are up; the place is still being read: the cursor waits on the first row.
        assert library.shown_version >= 0 and cursor_id(library) == ids[0]
        held_place.open.set()
        await settled(app, pilot)
        assert cursor_id(library) == ids[2]
        assert held_place.threads and threading.main_thread().name not in held_place.threads


async def test_a_cursor_moved_while_the_place_is_read_stays(app: PizhuApp, check: Store, held_place: Gate) -> None:
    ids = check.document_ids()
    workspace.save_library(check, REVIEWER, ids[2])
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(5):
            await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen) and library.shown_version >= 0
        await pilot.press("down")
        assert cursor_id(library) == ids[1]
        held_place.open.set()
        await settled(app, pilot)
        assert cursor_id(library) == ids[1]


async def test_enter_in_the_library_saves_the_place_off_the_app_thread(
    app: PizhuApp, check: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate()
    monkeypatch.setattr(workspace, "save_library", gate.hold(workspace.save_library))
    ids = check.document_ids()
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await pilot.press("down")
        # enter's handler, called as the key calls it (the app stays idle meanwhile, but the
        # test pilot's wait after a key would wait for the held write).
        library.action_open()
        await pilot.pause()
        # The reader opens while the place waits to be written.
        assert isinstance(app.screen, ReaderScreen)
        assert workspace.last_library(check, REVIEWER) != ids[1]
        gate.open.set()
        await settled(app, pilot)
        assert workspace.last_library(check, REVIEWER) == ids[1]
        assert gate.threads and threading.main_thread().name not in gate.threads
