"""The app as its screens and widgets see it: the store, the reviewer, the writer and the
shared progress. ``tui.app.PizhuApp`` is the one implementation (mypy holds it to this in
``tui.app.as_host``); a screen reaches it as ``self.pizhu`` (``tui.screens.base``), so no
screen imports the app, and the app imports its screens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from textual.widget import Widget

from pizhu.store.db import Store
from pizhu.store.records import DocumentSummary
from pizhu.tui.importing import ImportStep
from pizhu.tui.writer import Writer


class Pizhu(Protocol):
    store: Store
    reviewer: str
    writer: Writer
    label_filter: frozenset[str] | None
    """The labels the reader reviews (None: all)."""
    progress_version: int
    """Counts committed decisions: progress read at an older version is stale."""
    importing: ImportStep | None

    @property
    def sees_everyone(self) -> bool: ...

    def reading_store(self) -> Store: ...

    def current_summaries(self) -> list[DocumentSummary] | None: ...

    def remember_summaries(self, version: int, summaries: list[DocumentSummary]) -> list[DocumentSummary]: ...

    def document_ids(self) -> list[int] | None:
        """The reports' ids in library order, if known; None: ask ``with_document_ids``,
        which reads them in a worker, never here."""
        ...

    def with_document_ids(self, asker: Widget, then: Callable[[list[int]], None]) -> None:
        """``then(ids)`` now when the ids are known, else once the app's one worker has read
        them (in the order asked; not for an ``asker`` gone from the screens meanwhile; never
        when the read fails)."""
        ...

    def progress_changed(self) -> None: ...

    def forget_progress(self) -> None: ...

    def open_reader(self, doc_id: int, span_id: int | None = None) -> None: ...
