"""The worker rule (tui/workers.py): a worker's StoreError is a one-line notice, the app stays up."""

from __future__ import annotations

from typing import Any

import pytest

from pizhu.store.db import Store
from pizhu.store.errors import StoreError
from pizhu.tui.app import PizhuApp
from pizhu.tui.screens.queue import QueueScreen
from pizhu.tui.workers import notice
from tests.harness import SIZE, settled


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
