"""The queue: pending candidates across all documents, lowest confidence first.

A reviewer can triage here without reading whole reports: ``a``/``x`` decide the
highlighted candidate (committed, then the row goes), the context line shows the
sentence around it, ``f`` keeps one label only, ``enter`` opens it in the reader.

The rows are read in a worker (one label among 10,000 reports takes about half a
second): the title says "reading…" and the rows shown stay until the new ones arrive.
A decision made meanwhile is not undone by the arriving rows: its span is left out.
The count behind ``A``/``X`` (every report) is found in a worker too.

Decisions go to the app's writer (``tui.writer``) bound to the row highlighted when the key
was pressed: the row goes at once, the title says "saving…" until the write committed, the
save line at the foot says when the database is locked, and a refused write puts its row back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Footer, Static

from pizhu.store.display import visible, visible_styled
from pizhu.store.errors import StoreError
from pizhu.store.records import Change, SpanView
from pizhu.tui import keys
from pizhu.tui.model import predicted
from pizhu.tui.screens.dialogs import LabelPicker
from pizhu.tui.screens.reviewing import ReviewScreen
from pizhu.tui.text import fit
from pizhu.tui.widgets.row_table import RowTable, fill
from pizhu.tui.widgets.save_line import SaveLine
from pizhu.tui.widgets.span_panel import SHORT
from pizhu.tui.writer import Job
from pizhu.tui.writes import Undo, bound, bulk_done, bulk_write, decide_write, described, undo_message

COLUMNS = ("conf", "label", "doc", "value", "text")

CONTEXT = 30


def figure_value(span: SpanView) -> str:
    """A FIGURE's value and unit as the extractor read them (``12 次``, ``≈933500 元``); else empty."""
    if span.label != "FIGURE":
        return ""
    value, unit = span.attrs.get("value"), span.attrs.get("unit") or ""
    if value is None:
        return f"? {unit}".strip()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    mark = {"over": ">", "under": "<", "about": "≈"}.get(str(span.attrs.get("approx") or ""), "")
    return f"{mark}{value} {unit}".strip()


class QueueScreen(ReviewScreen):
    BINDINGS = keys.bindings(keys.QUEUE)

    @dataclass
    class Read(Message):
        """The queue's rows for ``label``, read in a worker (request ``token``)."""

        token: int
        label: str | None
        items: list[SpanView]

    def __init__(self, label: str | None = None) -> None:
        super().__init__()
        self.label = label
        self.items: list[SpanView] = []
        self.reading = False
        self.counting = False
        self._token = 0
        self._version = -1  # the app's progress_version when the rows were last asked for
        self._decided: set[int] = set()  # decided while the rows were being read

    def compose(self) -> ComposeResult:
        yield Static(id="queue-title", markup=False)
        yield RowTable(id="queue", cursor_type="row", zebra_stripes=True)
        yield Static(id="context", markup=False)
        yield SaveLine(id="saving")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        fill(table, COLUMNS, [])
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        # Back from the reader: read again if anything was decided since (this screen's own
        # decisions are already off the rows). Also sent on the first push, after on_mount.
        if self.query(DataTable) and self._version != self.pizhu.progress_version:
            self.reload()

    def reload(self) -> None:
        self._token += 1
        self._version = self.pizhu.progress_version
        self._decided.clear()
        self.reading = True
        self._show_title()
        self.read_rows(self._token, self.label)

    @work(thread=True, exclusive=True, group="queue", exit_on_error=False)
    def read_rows(self, token: int, label: str | None) -> None:
        self.post_message(self.Read(token, label, self.pizhu.reading_store().queue(self.pizhu.reviewer, label)))

    @on(Read)
    def rows_read(self, event: Read) -> None:
        if event.token != self._token:
            return  # a later reload (another label) superseded this one
        self.reading = False
        self.show_rows([s for s in event.items if s.id not in self._decided])

    def show_rows(self, items: list[SpanView]) -> None:
        self.items = items
        table = self.query_one(DataTable)
        row = table.cursor_row if table.row_count else 0
        text_cells = max(self.app.size.width - 48, 12)
        cells = [
            (
                f"{span.confidence:.2f}",
                Text(SHORT.get(span.label, span.label), style="bold"),
                str(span.document_id),
                Text(fit(visible(figure_value(span)), 14)),
                Text(fit(visible(span.text), text_cells)),
            )
            for span in self.items
        ]
        fill(table, COLUMNS, cells, [str(span.id) for span in self.items])
        if self.items:
            table.move_cursor(row=min(row, len(self.items) - 1))
        self._show_title()
        self._show_context()

    def _show_title(self) -> None:
        title = Text("Queue: pending candidates, least confident first", style="bold")
        title.append(f" · {len(self.items)}{'+' if len(self.items) >= 500 else ''} shown")
        title.append(f" · {self.label or 'all labels'}", style="italic")
        if self.reading:
            title.append(" · reading…", style="italic")
        if self.counting:
            title.append(" · counting alike…", style="italic")
        if self.pizhu.writer.unsaved():
            title.append(" · saving…", style="italic")
        self.query_one("#queue-title", Static).update(visible_styled(title))

    def selected(self) -> SpanView | None:
        table = self.query_one(DataTable)
        if not self.items or table.cursor_row is None or table.cursor_row >= len(self.items):
            return None
        return self.items[table.cursor_row]

    def _show_context(self) -> None:
        """The sentence around the highlighted candidate; its report's text is read in a
        worker the first time (the line names the candidate until it arrives)."""
        span = self.selected()
        context = self.query_one("#context", Static)
        if span is None:
            context.update(Text("Nothing pending here.", style="bold"))
            return
        text = self.report_text(span.document_id) or ""
        before = visible(text[max(span.start - CONTEXT, 0) : span.start]).replace("\n", " ")
        after = visible(text[span.end : span.end + CONTEXT]).replace("\n", " ")
        line = Text(f"{span.label} · rule {span.rule or '—'} · {span.source} · doc {span.document_id}\n", style="dim")
        line.append("…" + before)
        line.append(visible(span.text), style="reverse bold")
        line.append(after + "…")
        context.update(visible_styled(line))

    def text_arrived(self, doc_id: int) -> None:
        self._show_context()

    @on(DataTable.RowHighlighted, "#queue")
    def highlighted(self) -> None:
        self._show_context()

    def writes_changed(self) -> None:
        if self.is_attached:
            self._show_title()
            self.query_one(SaveLine).show()

    def decide_key(self, action: str) -> None:
        """The highlighted candidate, as shown, decided: its row goes now, the write follows."""
        span = self.selected()
        if span is None:
            return
        writer = self.pizhu.writer
        if writer.undoing():
            self.notify("wait: the undo is being saved")
            return

        def saved(job: Job, result: Any) -> None:
            self.pizhu.progress_changed()

        def refused(job: Job, error: StoreError) -> None:
            self.refused(job, error)
            self._decided.discard(span.id)
            if self.is_attached:
                self.reload()

        shown = predicted(span, Change(action), "")  # confirm, reject: no text needed
        job = Job(
            f"{action} {described(span)}",
            decide_write(span.id, self.pizhu.reviewer, Change(action)),
            saved,
            refused,
            spans=bound(writer, [span]),
            shown={span.id: shown},
        )
        writer.submit(job, base=[] if writer.in_flight(span.id) else [span])
        self._decided.add(span.id)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.remove_row(str(span.id))
        self.items.pop(row)
        if self.items:
            table.move_cursor(row=min(row, len(self.items) - 1))
        self._show_title()
        self._show_context()

    def action_bulk(self, action: str) -> None:
        """Every pending candidate alike the highlighted one (text and label), in every report: counted, y/n."""
        span = self.selected()
        if span is None:
            return
        self.counting = True
        self._show_title()
        self.count_alike(action, span, self.pizhu.document_ids())

    def alike_counted(self) -> None:
        self.counting = False
        self._show_title()

    def bulk_everywhere(self, action: str, alike: list[SpanView], what: str) -> None:
        ids = [s.id for s in alike]

        def saved(job: Job, result: Any) -> None:
            self.pizhu.progress_changed()
            self.notify(bulk_done(action, len(ids), what, "in all reports"))
            if self.is_attached:
                self.reload()

        writer = self.pizhu.writer
        job = Job(
            f"{action} {len(ids)} × {what}",
            bulk_write(ids, self.pizhu.reviewer, action),
            saved,
            self.refused,
            spans=bound(writer, alike),
        )
        writer.submit(job)
        self._decided.update(ids)
        self.show_rows([s for s in self.items if s.id not in self._decided])

    def undone(self, which: Undo, spans: list[SpanView]) -> None:
        """Undo, redo: the rows are read again, so a candidate back to pending is listed again."""
        self.pizhu.progress_changed()
        self.notify(undo_message(which.done, spans))
        if self.is_attached:
            self.reload()

    def action_open(self) -> None:
        span = self.selected()
        if span is not None:
            self.pizhu.open_reader(span.document_id, span.id)

    @on(DataTable.RowSelected, "#queue")
    def row_chosen(self) -> None:
        self.action_open()

    def action_filter(self) -> None:
        def chosen(label: str | None) -> None:
            if label is None:
                return
            # Choosing the label already filtered on shows all labels again.
            self.label = None if label == self.label else label
            self.reload()

        self.app.push_screen(LabelPicker(self.label, title="Show one label (same again: all)"), chosen)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_reload(self) -> None:
        self.reload()
