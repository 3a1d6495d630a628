"""The screens' base: ``self.pizhu`` is the app as screens see it (``tui.host.Pizhu``); a
worker that fails with a StoreError is shown as a notice (``tui.workers``); a report's text
(``report_text``) and the candidates alike a span (``count_alike``) are read in workers, never
on a key (the reports' ids are the app's: ``self.pizhu.with_document_ids``)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, cast

from textual import on, work
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker

from pizhu.store.records import SpanView
from pizhu.tui.host import Pizhu
from pizhu.tui.model import alike_everywhere
from pizhu.tui.workers import failed


class PizhuScreen(Screen[None]):
    @dataclass
    class TextRead(Message):
        """A report's text, read in a worker (``report_text``)."""

        doc_id: int
        text: str

    @dataclass
    class AlikeCounted(Message):
        """The pending candidates alike a span in every report (``count_alike``), for a bulk
        confirm or reject (``tui.writes``)."""

        action: str
        span: SpanView
        alike: list[SpanView]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._report_texts: dict[int, str] = {}

    @property
    def pizhu(self) -> Pizhu:
        return cast(Pizhu, self.app)

    def on_mount(self) -> None:
        # With a team hub (pizhu open --hub), its line heads every screen.
        if getattr(self.app, "hub_url", ""):
            from pizhu.tui.widgets.hub_line import HubLine

            self.mount(HubLine())

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The worker rule (``tui.workers``): a failed worker's StoreError is a notice."""
        failed(self, event)

    def report_text(self, doc_id: int) -> str | None:
        """A report's text once read; else None, and it is read in a worker: ``text_arrived``
        is called when it is here."""
        text = self._report_texts.get(doc_id)
        if text is None:
            self.read_text(doc_id)
        return text

    @work(thread=True, exclusive=True, group="bulk", exit_on_error=False)
    def count_alike(self, action: str, span: SpanView, doc_ids: Collection[int] | None) -> None:
        """Count the candidates alike ``span`` in every report (``doc_ids``: the reports, None:
        read here): the library is read, so in a worker; the answer comes as ``AlikeCounted``."""
        store = self.pizhu.reading_store()
        ids = set(doc_ids) if doc_ids is not None else set(store.document_ids())
        alike = alike_everywhere(store, self.pizhu.reviewer, span, ids)
        self.post_message(self.AlikeCounted(action, span, alike))

    @work(thread=True, exclusive=True, group="context", exit_on_error=False)
    def read_text(self, doc_id: int) -> None:
        self.post_message(self.TextRead(doc_id, self.pizhu.reading_store().document_text(doc_id)))

    @on(TextRead)
    def _text_read(self, event: TextRead) -> None:
        self._report_texts[event.doc_id] = event.text
        self.text_arrived(event.doc_id)

    def text_arrived(self, doc_id: int) -> None:
        """A report's text asked for by ``report_text`` is here: draw what needs it."""
