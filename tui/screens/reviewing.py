"""What the reader and the queue share: the review keys that act the same on both screens.

``a`` and ``x`` decide the span the screen shows (``decide_key``); ``u`` and ``U`` take back
or make again the reviewer's last decision, a batch whole; a bulk action counted in every
report is asked about once, then handed to the screen (``bulk_everywhere``). The writes are
built by ``tui.review``; each screen says how it tells the reviewer (``tell``) and what it
shows once a write is done.
"""

from __future__ import annotations

from typing import Any

from textual import on

from pizhu.store.errors import StoreError
from pizhu.store.records import SpanView
from pizhu.tui.screens.base import PizhuScreen
from pizhu.tui.screens.dialogs import Confirm
from pizhu.tui.writer import Job
from pizhu.tui.writes import REDO, UNDO, Undo, described, undo_job


class ReviewScreen(PizhuScreen):
    """The base of the reader and the queue (``tui.screens.reader``, ``tui.screens.queue``)."""

    # --- what each screen says and does -------------------------------------------------

    def tell(self, message: str, job: Job | None = None) -> None:
        """Tell the reviewer what a key did (``job``: the write it tells of, if any)."""
        self.notify(message)

    def decide_key(self, action: str) -> None:
        """``a`` or ``x``: decide the span the screen shows."""
        raise NotImplementedError

    def bulk_everywhere(self, action: str, alike: list[SpanView], what: str) -> None:
        """Write a bulk action the reviewer has agreed to on ``alike`` (found in every report)."""
        raise NotImplementedError

    def undone(self, which: Undo, spans: list[SpanView]) -> None:
        """An undo or a redo was written: ``spans`` are what it took back (never empty)."""

    def undo_queued(self, which: Undo, job: Job) -> None:
        """An undo or a redo was handed to the writer."""

    def refused(self, job: Job, error: StoreError) -> None:
        """A write the database refused: nothing was written."""
        self.notify(f"not saved: {job.what}: {error}", severity="error")

    # --- the shared keys --------------------------------------------------------------

    def action_confirm(self) -> None:
        self.decide_key("confirm")

    def action_reject(self) -> None:
        self.decide_key("reject")

    def action_undo(self) -> None:
        self.take_back(UNDO)

    def action_redo(self) -> None:
        self.take_back(REDO)

    def take_back(self, which: Undo) -> None:
        """Your last decision (here or in another screen; a batch whole) taken back, or made
        again, as new log entries, written after every decision before it; until then
        decisions wait ("the undo is being saved")."""

        def saved(job: Job, spans: Any) -> None:
            if not spans:
                self.tell(which.nothing)
                return
            self.undone(which, spans)

        job = self.pizhu.writer.submit(undo_job(which, self.pizhu.reviewer, saved, self.refused))
        self.undo_queued(which, job)

    @on(PizhuScreen.AlikeCounted)
    def counted(self, event: PizhuScreen.AlikeCounted) -> None:
        """The candidates alike a span in every report are counted (``count_alike``): asked
        about, y/n, then written as one batch."""
        self.alike_counted()
        what = described(event.span)
        if not event.alike:
            self.tell(f"no pending {what} left to {event.action}")
            return

        def done(answer: str | None) -> None:
            if answer is not None:
                self.bulk_everywhere(event.action, event.alike, what)
            else:
                self.tell("nothing done")

        self.app.push_screen(Confirm(f"{event.action} {len(event.alike)} × {what} in all reports?"), done)

    def alike_counted(self) -> None:
        """The count behind a bulk action is here (before it is asked about)."""
