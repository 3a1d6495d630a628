"""The library: every document with organisation, year, sections and review progress.

The cursor starts on the document this reviewer opened last (``store.workspace``).
Sortable (``s`` cycles the column, again on the same column reverses; clicking a
header sorts too) and filterable (``/`` then type; enter returns to the table, escape
clears the filter and returns to the table). The reviewer's assigned share comes first,
marked ●; ``d`` withdraws a wrongly imported report (y/n; ``u`` brings the last one
back), ``e`` corrects its title, organisation and year.
Sorting and filtering work on every document; the table then shows the first
``MAX_ROWS`` of the result, because a DataTable measures every cell it holds and a team's
10,000 reports would take seconds to lay out while nobody scrolls that far.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable, Footer, Input, Static

from pizhu.store import workspace
from pizhu.store.db import Store
from pizhu.store.display import visible, visible_styled
from pizhu.store.errors import BusyError, StoreError
from pizhu.store.records import DocumentSummary
from pizhu.tui import keys
from pizhu.tui.screens.base import PizhuScreen
from pizhu.tui.screens.dialogs import Confirm, DocumentForm
from pizhu.tui.text import fit
from pizhu.tui.widgets.row_table import RowTable, fill
from pizhu.tui.writer import Job

if TYPE_CHECKING:
    from pizhu.tui.importing import ImportStep

ASSIGNED = " ●"  # marks a row in this reviewer's assigned share
COLUMNS = ("id", "organisation", "year", "title", "sec", "reviewed")
MAX_ROWS = 500
SORT_KEYS = {
    "id": lambda d: d.id,
    "organisation": lambda d: d.organisation,
    "year": lambda d: (d.year or 0, d.date or ""),
    "title": lambda d: d.title,
    "sec": lambda d: d.sections,
    "reviewed": lambda d: d.reviewed / d.candidates if d.candidates else 1.0,
}


def progress(doc: DocumentSummary) -> Text:
    text = Text(f"{doc.reviewed}/{doc.candidates}")
    if doc.finished:  # store.progress: every candidate, captions and boilerplate too
        text.stylize("bold")
        text.append(" ✓")
    return text


class DocumentTable(RowTable):
    """The library's table; its enter is shown in the footer as "open"."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select_cursor", "open", id="open")]


class LibraryScreen(PizhuScreen):
    BINDINGS = keys.bindings(keys.LIBRARY)

    @dataclass
    class DocumentsRead(Message):
        """Every document with this reviewer's progress, read in a worker at ``version``."""

        version: int
        documents: list[DocumentSummary]

    @dataclass
    class PlaceRead(Message):
        """The document this reviewer opened last (``store.workspace``), read in a worker."""

        doc_id: int | None

    def __init__(self) -> None:
        super().__init__()
        self.sort_column = "id"
        self.sort_reverse = False
        self.documents: list[DocumentSummary] = []
        self.shown_version = -1
        self.filled_width = -1
        self.matching = self.shown = 0
        self.reading = False  # progress is being read in a worker
        self.reading_version = -1
        self.withdrawn: list[tuple[int, str]] = []  # reports withdrawn here, last last (u brings one back)
        self.place: int | None = None  # the document opened last, once read (``place_read``)
        self.place_read = self.placed = False
        self.first_row: int | None = None  # the row under the cursor when the rows first showed

    def compose(self) -> ComposeResult:
        yield Static(id="library-title", markup=False)
        yield Input(placeholder="filter: organisation, title, year, file", id="filter")
        yield DocumentTable(id="documents", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.read_place()
        self.reload()
        self.query_one(DataTable).focus()

    @work(thread=True, exclusive=True, group="place", exit_on_error=False)
    def read_place(self) -> None:
        self.post_message(self.PlaceRead(workspace.last_library(self.pizhu.reading_store(), self.pizhu.reviewer)))

    @on(PlaceRead)
    def place_arrived(self, event: PlaceRead) -> None:
        self.place, self.place_read = event.doc_id, True
        if self.shown_version >= 0:
            self.place_cursor()

    def place_cursor(self) -> None:
        """Reopening keeps the place: the cursor on the document this reviewer opened last,
        once both the rows and the place are read. A cursor the reviewer moved meanwhile stays
        where they put it, as keys pressed while the reader loads a report act on what is shown."""
        if self.placed or not self.place_read:
            return
        self.placed = True
        table = self.query_one(DataTable)
        if self.place is None or not table.row_count or self.selected_id() != self.first_row:
            return
        try:
            table.move_cursor(row=table.get_row_index(str(self.place)))
        except Exception:  # not among the rows shown (filtered or past MAX_ROWS)
            pass

    def on_screen_resume(self) -> None:
        # Back from the reader or queue: progress has changed.
        if self.shown_version != self.pizhu.progress_version:
            self.reload()

    def on_resize(self) -> None:
        # Only the title column's width depends on the size; a height change needs nothing.
        if self.size.width != self.filled_width:
            self.fill()

    def reload(self) -> None:
        """Show the documents' progress: at once when nothing changed since it was read,
        else read in a worker (10,000 reports take a few hundred milliseconds), the rows
        shown meanwhile staying and the title saying that progress is being read."""
        cached = self.pizhu.current_summaries()
        if cached is not None:
            self.show_documents(self.pizhu.progress_version, cached)
            return
        if self.reading and self.reading_version == self.pizhu.progress_version:
            return  # already being read (the first mount and resume both ask)
        self.reading, self.reading_version = True, self.pizhu.progress_version
        self.fill_title()
        self.read_documents(self.pizhu.progress_version)

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def read_documents(self, version: int) -> None:
        documents = self.pizhu.reading_store().documents(self.pizhu.reviewer)
        self.post_message(self.DocumentsRead(version, documents))

    @on(DocumentsRead)
    def documents_read(self, event: DocumentsRead) -> None:
        self.pizhu.remember_summaries(event.version, event.documents)
        self.show_documents(event.version, event.documents)

    def show_documents(self, version: int, documents: list[DocumentSummary]) -> None:
        first = self.shown_version < 0
        self.reading = False
        self.documents = documents
        self.shown_version = version
        self.fill()
        if first:
            self.first_row = self.selected_id()
            self.place_cursor()

    def fill(self) -> None:
        table = self.query_one(DataTable)
        needle = self.query_one("#filter", Input).value.strip().lower()
        rows = [
            d
            for d in self.documents
            if not needle or needle in f"{d.organisation} {d.title} {d.year or ''} {d.source}".lower()
        ]
        rows.sort(key=SORT_KEYS[self.sort_column], reverse=self.sort_reverse)
        # The reviewer's assigned share first (a stable sort keeps the column order within each part).
        rows.sort(key=lambda d: not d.assigned)
        matching = len(rows)
        rows = rows[:MAX_ROWS]
        self.filled_width = self.size.width
        selected = None
        if table.row_count and table.cursor_row is not None:
            try:
                selected = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
            except Exception:  # an emptied table has no cursor cell
                selected = None
        # The title takes what the other columns leave, so nothing scrolls sideways at 80 columns.
        # A report whose file states its date shows the date where the year stands (6 more cells).
        dated = any(doc.date for doc in rows)
        title_cells = max(self.size.width - 52 - (6 if dated else 0), 16)
        cells: list[tuple[str | Text, ...]] = [
            (
                f"{doc.id}{ASSIGNED if doc.assigned else ''}",
                Text(fit(visible(doc.organisation), 16)),
                doc.when,
                Text(fit(visible(doc.title), title_cells)),
                str(doc.sections),
                progress(doc),
            )
            for doc in rows
        ]
        # Each column as wide as its label and cells, given at the fill (see widgets/row_table.py).
        arrow = " ▼" if self.sort_reverse else " ▲"
        columns = [(name, name + arrow if name == self.sort_column else name) for name in COLUMNS]
        fill(table, columns, cells, [str(doc.id) for doc in rows])
        if selected is not None and any(str(d.id) == selected for d in rows):
            table.move_cursor(row=table.get_row_index(selected))
        self.matching, self.shown = matching, len(rows)
        self.fill_title()

    def fill_title(self) -> None:
        needle = self.query_one("#filter", Input).value.strip().lower()
        total = sum(d.candidates for d in self.documents)
        done = sum(d.reviewed for d in self.documents)
        title = Text(f"pizhu 批注 · {self.pizhu.reviewer} · ", style="bold")
        if self.reading and self.shown_version < 0:
            title.append("reading the library…", style="italic")
            self.query_one("#library-title", Static).update(visible_styled(title))
            return
        title.append(f"{self.matching}/{len(self.documents)} documents · {done}/{total} candidates reviewed")
        mine = sum(1 for d in self.documents if d.assigned)
        if mine:
            title.append(f" · ● {mine} yours")
        if self.matching > self.shown:
            title.append(f" · first {self.shown} shown, / to filter", style="italic")
        if needle:
            title.append(f" · filter “{needle}”", style="italic")
        if self.reading:
            title.append(" · reading progress…", style="italic")
        step = self.pizhu.importing
        if step is not None and not step.finished:
            # Short enough for 80 columns: the count is what a reviewer waits on.
            title = Text(f"pizhu 批注 · {self.pizhu.reviewer} · ", style="bold")
            title.append(f"{self.matching}/{len(self.documents)} docs · {done}/{total} reviewed")
            title.append(f" · importing {step.done}/{step.total or '?'} files", style="italic")
        self.query_one("#library-title", Static).update(visible_styled(title))

    def import_changed(self, step: ImportStep) -> None:
        """A background import moved on: new rows when it read them, else the title only."""
        if step.summaries is not None:
            self.reload()
        else:
            self.fill_title()

    def selected_id(self) -> int | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return int(table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value or 0)

    def action_open(self) -> None:
        doc_id = self.selected_id()
        if doc_id is not None:
            self.open(doc_id)

    @on(DataTable.RowSelected, "#documents")
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        self.open(int(event.row_key.value or 0))

    def open(self, doc_id: int) -> None:
        reviewer = self.pizhu.reviewer

        def write(store: Store, seen: object) -> None:
            workspace.save_library(store, reviewer, doc_id)

        # The place is a write: the writer's, in turn, never waited for; a newer place replaces a queued one.
        self.pizhu.writer.submit(Job("place", write, kind="place", key=(reviewer, workspace.LIBRARY)))
        self.pizhu.open_reader(doc_id)

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        self.fill()

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        self.query_one(DataTable).focus()

    def key_escape(self) -> None:
        # Escape clears the filter (wherever the focus is) and gives the list the keys again.
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
            self.fill()
        self.query_one(DataTable).focus()

    def action_sort(self) -> None:
        index = COLUMNS.index(self.sort_column)
        if self.sort_reverse:
            self.sort_column, self.sort_reverse = COLUMNS[(index + 1) % len(COLUMNS)], False
        else:
            self.sort_reverse = True
        self.fill()

    @on(DataTable.HeaderSelected, "#documents")
    def header_clicked(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        self.sort_reverse = not self.sort_reverse if column == self.sort_column else False
        self.sort_column = column
        self.fill()

    def action_reload(self) -> None:
        self.pizhu.forget_progress()
        self.reload()

    def summary(self, doc_id: int) -> DocumentSummary | None:
        return next((d for d in self.documents if d.id == doc_id), None)

    def action_withdraw(self) -> None:
        doc = self.summary(self.selected_id() or 0)
        if doc is None:
            return
        name = visible(doc.title or doc.source)

        def done(answer: str | None) -> None:
            if answer is not None:
                self.withdraw(doc.id, name)

        question = f"withdraw report {doc.id} “{fit(name, 40)}” from the library? Its decisions stay in the log."
        self.app.push_screen(Confirm(question), done)

    def action_restore(self) -> None:
        """Bring back the report withdrawn last here (``pizhu withdraw N --restore`` for any)."""
        if not self.withdrawn:
            self.notify("nothing withdrawn here to bring back (pizhu withdraw N --restore: any report)")
            return
        doc_id, name = self.withdrawn.pop()
        self.withdraw(doc_id, name, restore=True)

    def withdraw(self, doc_id: int, name: str, *, restore: bool = False) -> None:
        """Withdraw a report (or bring it back): the app's writer writes it, in turn, off the
        key path; the library is read again once it is written."""
        reviewer = self.pizhu.reviewer

        def write(store: Store, seen: object) -> None:
            store.withdraw_document(doc_id, restore=restore, by=reviewer)

        def saved(job: Job, result: object) -> None:
            self.pizhu.forget_progress()
            if restore:
                self.notify(f"restored: {name}")
            else:
                self.withdrawn.append((doc_id, name))
                self.notify(f"withdrawn: {name} (its decisions stay in the log) · u: bring it back")
            if self.is_attached:
                self.reload()

        def refused(job: Job, error: StoreError) -> None:
            if restore:
                self.withdrawn.append((doc_id, name))  # still withdrawn: u may try again
            self.notify(str(error), severity="error")

        what = f"{'restore' if restore else 'withdraw'} report {doc_id}"
        self.pizhu.writer.submit(Job(what, write, saved, refused))

    def action_describe(self) -> None:
        doc = self.summary(self.selected_id() or 0)
        if doc is None:
            return

        reviewer = self.pizhu.reviewer

        def save(values: dict[str, Any], answered: Callable[[str | None], None]) -> None:
            # Written by the app's writer, off the key path; the store's refusal (a year out
            # of range) is the write's answer, shown in the form. A lock is waited out.
            def write(store: Store, seen: object) -> str | None:
                try:
                    store.describe_document(
                        doc.id,
                        title=values["title"],
                        organisation=values["organisation"],
                        year=values["year"],
                        by=reviewer,
                    )
                except BusyError:
                    raise
                except StoreError as exc:
                    return str(exc)
                return None

            def saved(job: Job, result: object) -> None:
                answered(result if isinstance(result, str) else None)

            def refused(job: Job, error: StoreError) -> None:
                answered(str(error))

            self.pizhu.writer.submit(Job(f"describe report {doc.id}", write, saved, refused))

        def done(values: dict[str, Any] | None) -> None:
            if values is not None:
                self.pizhu.forget_progress()
                self.reload()
                self.notify(f"report {doc.id} corrected")

        self.app.push_screen(DocumentForm(doc.title, doc.organisation, doc.year, save), done)
