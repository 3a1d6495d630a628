"""The reader's two top lines: where the reviewer is (the status) and what the last key did
(the message). One line each, never wrapped, so the text below never moves; report data in
them is shown through ``store.display.visible``, never as markup.

The status line is told where the reviewer is (``StatusLine.show_place``, after every key)
and finds the report's place among the reports itself: from the app's ids when known, else
asked of the app (``with_document_ids``: read in its worker), the line drawn again when they
arrive; a key never reads the database for it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import cast

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from pizhu.extract.models import LABELS
from pizhu.store.display import visible, visible_styled
from pizhu.store.records import StoredDocument
from pizhu.tui.host import Pizhu
from pizhu.tui.text import fit, fit_line
from pizhu.tui.writer import Job


def status_text(
    document: StoredDocument,
    place: tuple[int, int] | None,
    section: tuple[int, int],
    pending: int,
    labels: Iterable[str] | None,
    width: int,
) -> Text:
    """Where the reviewer is and what is left first (``place``: the report's position among
    ``n``, None while the reports are counted; ``section`` likewise); the report's name takes
    the rest (a report without organisation is named by its file, never its whole path)."""
    where = f"  doc {place[0]}/{place[1]}" if place is not None else "  doc …"
    where += f"  §{section[0]}/{section[1]}"
    where += f"  {pending} pending"
    if labels is not None:
        chosen = set(labels)
        where += " (" + " ".join(lb for lb in LABELS if lb in chosen) + ")"
    name = document.organisation or PurePath(document.source).name
    name = visible(f"{name} {document.when}".strip())
    status = Text(no_wrap=True, overflow="ellipsis")
    status.append(fit(name, max(width - cell_len(where), 4)), style="bold")
    status.append(fit(where, width - cell_len(status.plain)))
    return visible_styled(status)


@dataclass(frozen=True)
class Place:
    """Where the reviewer is, as the status line shows it: the report (``document`` None while
    report ``doc_id`` is read), the section (1-based) among ``sections``, its pending spans and
    the label filter."""

    doc_id: int
    document: StoredDocument | None = None
    section: tuple[int, int] = (0, 0)
    pending: int = 0
    labels: frozenset[str] | None = None


class StatusLine(Static):
    """The status: the report, its place among the reports, the section and what is pending."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._place: Place | None = None
        self._ids: list[int] | None = None  # the last ids known here, shown until fresh ones come

    @property
    def pizhu(self) -> Pizhu:
        return cast(Pizhu, self.app)

    def show_place(self, place: Place) -> None:
        """Draw the line at once; the reports' ids come from the app, now or, when it has
        forgotten them (``forget_progress``: a reload, a withdrawal, a pull), once read."""
        self._place = place
        ids = self.pizhu.document_ids()
        if ids is None:
            self.pizhu.with_document_ids(self, self.ids_read)
        else:
            self._ids = ids
        self._draw()

    def ids_read(self, ids: list[int]) -> None:
        self._ids = ids
        self._draw()

    def _draw(self) -> None:
        place, ids = self._place, self._ids
        if place is None:
            return
        where = None if ids is None else (ids.index(place.doc_id) + 1 if place.doc_id in ids else 0, len(ids))
        if place.document is None:
            shown = f"{where[0]}/{where[1]}" if where is not None else "…"
            self.update(Text(f"loading doc {shown}…", style="bold italic", no_wrap=True), layout=False)
            return
        width = max(self.screen.size.width - 2, 10)
        line = status_text(place.document, where, place.section, place.pending, place.labels, width)
        self.update(line, layout=False)


class MessageLine(Static):
    """The message: what the last key did, and "saving…" while the write it tells of is not
    written yet; a long span text in it is shortened in its middle, what it says stays."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    @property
    def pizhu(self) -> Pizhu:
        return cast(Pizhu, self.app)

    def show(self, message: str, job: Job | None = None) -> None:
        if job is not None and job in self.pizhu.writer.unsaved():
            message = f"{message} · saving…"
        line = fit_line(visible(message), max(self.screen.size.width - 2, 10))
        self.update(visible_styled(Text(line, style="italic", no_wrap=True, overflow="ellipsis")), layout=False)
