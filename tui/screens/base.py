"""The screens' base: ``self.pizhu`` is the app as screens see it (``tui.host.Pizhu``); a
worker that fails with a StoreError is shown as a notice (``tui.workers``)."""

from __future__ import annotations

from typing import cast

from textual.screen import Screen
from textual.worker import Worker

from tui.host import Pizhu
from tui.workers import failed


class PizhuScreen(Screen[None]):
    @property
    def pizhu(self) -> Pizhu:
        return cast(Pizhu, self.app)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The worker rule (``tui.workers``): a failed worker's StoreError is a notice."""
        failed(self, event)
