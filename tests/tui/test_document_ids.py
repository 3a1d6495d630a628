"""The reports' ids, read for the reader's `}`/`{` and its status line: the app reads them in
one worker for everyone who asks (``PizhuApp.with_document_ids``), never on its own thread.

The read is held at a gate (``Store.document_ids``) so each test asks while it runs.
"""

from __future__ import annotations

from typing import Any

import pytest

from pizhu.store.db import Store
from pizhu.store.errors import StoreError
from pizhu.tui.app import PizhuApp
from pizhu.tui.screens.library import LibraryScreen
from tests.harness import SIZE, reader, settled
from tests.tui.test_document_loading import Gate, status


def notices(app: PizhuApp, text: str) -> int:
    return sum(text in str(n.message) for n in app._notifications)


async def test_the_status_line_and_a_key_waiting_for_the_ids_share_one_read(
    app: PizhuApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`r` forgets the ids (the status line asks for them), `}` `}` ask too while they are
    read: one read answers all three, the keys go two on in their order, the line shows where."""
    gate = Gate()
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        ids = app.document_ids()
        assert ids is not None and screen.doc is not None and screen.doc.id == ids[0]
        monkeypatch.setattr(Store, "document_ids", gate.hold(Store.document_ids))
        await pilot.press("r")
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await pilot.pause()
        assert app.document_ids() is None and screen.doc.id == ids[0]
        gate.open.set()
        await settled(app, pilot)
        assert len(gate.threads) == 1
        assert screen.doc.id == ids[2]
        assert f"doc 3/{len(ids)}" in status(screen)
        assert app.document_ids() == ids


async def test_a_reader_dismissed_while_the_ids_are_read_does_not_act_on_them(
    app: PizhuApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`}` waits for the ids, escape closes the reader before they come: the closed reader
    neither opens the next report nor draws its status line; the ids are kept."""
    gate = Gate()
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        ids = app.document_ids()
        assert ids is not None
        monkeypatch.setattr(Store, "document_ids", gate.hold(Store.document_ids))
        await pilot.press("r")  # the status line waits for the ids too
        await pilot.press("right_curly_bracket")
        opened: list[Any] = []
        monkeypatch.setattr(screen, "open_document", lambda *args, **kwargs: opened.append(args))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and screen not in app.screen_stack
        gate.open.set()
        await settled(app, pilot)
        assert opened == [] and isinstance(app.screen, LibraryScreen) and app.is_running
        assert app.document_ids() == ids


async def test_a_failed_read_drops_every_asker_once_and_the_next_ask_reads_again(
    app: PizhuApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The status line and `}` wait for one read that fails: one notice, the key is dropped
    (not run by the next read), and the next ask reads again."""
    gate = Gate()
    real = Store.document_ids

    def locked(self: Store, *args: Any, **kwargs: Any) -> list[int]:
        raise StoreError("database is locked")

    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        ids = app.document_ids()
        assert ids is not None and screen.doc is not None
        monkeypatch.setattr(Store, "document_ids", gate.hold(locked))
        await pilot.press("r")
        await pilot.press("right_curly_bracket")
        gate.open.set()
        await settled(app, pilot)
        assert screen.doc.id == ids[0]
        assert notices(app, "reports not counted: database is locked") == 1
        monkeypatch.setattr(Store, "document_ids", real)
        await pilot.press("tab")  # the next span: the status line asks again, read now
        await settled(app, pilot)
        assert app.document_ids() == ids and screen.doc.id == ids[0]
        assert f"doc 1/{len(ids)}" in status(screen)
