"""Adjudication: the spans reviewers disagree on, and a final version for each.

Only adjudicators get here (``store.roles``; the app refuses ``J`` to anyone else). The
table lists ``store.agree.disagreements`` (adjudicated ones too, marked ✓); below it
every reviewer's version of the highlighted span, numbered. ``1``..``9`` take reviewer
N's version as final, ``x`` rejects the span as final; each pick is one
``store.agree.adjudicate`` decision by ``adjudicator:<reviewer>``, which the exports then
use. A span adjudicated already is decided again only after a ``y``/``n`` question that
says who decided it and when. Only the document of the decided span is read again after
a pick.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Footer, Static

from pizhu.store import agree
from pizhu.store.display import visible, visible_styled
from pizhu.store.errors import StoreError
from pizhu.store.records import GOLD_STATUSES, REJECTED, SpanState, adjudicating_name
from pizhu.tui import keys
from pizhu.tui.screens.base import PizhuScreen
from pizhu.tui.screens.dialogs import Confirm
from pizhu.tui.text import fit
from pizhu.tui.widgets.row_table import fill
from pizhu.tui.widgets.span_panel import SHORT
from pizhu.tui.writer import Job

COLUMNS = ("done", "doc", "label", "text", "differs")


def describe(state: Mapping[str, Any] | None) -> Text:
    """One reviewer's version on one line: status, label, offsets, text, attributes."""
    if state is None:
        return Text("—", style="dim")
    status = state.get("status", "?")
    line = Text(f"{status:<10}", style="bold" if status in GOLD_STATUSES else "dim")
    if status in GOLD_STATUSES:
        line.append(f" {state.get('label', '?')} {state.get('start', '?')}-{state.get('end', '?')} ")
        line.append(visible(str(state.get("text", ""))), style="reverse")
        attrs = state.get("attrs") or {}
        if attrs:
            line.append(" " + ", ".join(f"{k}={visible(str(v))}" for k, v in sorted(attrs.items())), style="italic")
        tags = state.get("tags") or []
        if tags:
            line.append(" #" + " #".join(visible(str(t)) for t in tags), style="dim")
    return line


class AdjudicationScreen(PizhuScreen):
    BINDINGS = keys.bindings(keys.ADJUDICATE)

    def __init__(self) -> None:
        super().__init__()
        self.items: list[agree.Disagreement] = []

    @property
    def adjudicator(self) -> str:
        return adjudicating_name(self.pizhu.reviewer)

    def compose(self) -> ComposeResult:
        yield Static(id="adjudicate-title", markup=False)
        yield DataTable(id="disagreements", cursor_type="row", zebra_stripes=True)
        yield Static(id="versions", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        fill(table, COLUMNS, [])
        self.reload()
        table.focus()

    @dataclass
    class Loaded(Message):
        """The disagreements, read in a worker."""

        items: list[agree.Disagreement]

    def reload(self) -> None:
        """Find the disagreements in a worker; the title says "loading" meanwhile."""
        self.query_one("#adjudicate-title", Static).update(Text("Adjudication · loading…", style="bold italic"))
        self.load_disagreements()

    @work(thread=True, exclusive=True, group="adjudicate", exit_on_error=False)
    def load_disagreements(self) -> None:
        self.post_message(self.Loaded(agree.disagreements(self.pizhu.reading_store())))

    @on(Loaded)
    def loaded(self, event: Loaded) -> None:
        self.items = event.items
        table = self.query_one(DataTable)
        row = table.cursor_row if table.row_count else 0
        fill(table, COLUMNS, [self._cells(item) for item in self.items], [str(item.span_id) for item in self.items])
        if self.items:
            table.move_cursor(row=min(row, len(self.items) - 1))
        self._show_title()
        self._show_versions()

    def _cells(self, item: agree.Disagreement) -> tuple[Text, ...]:
        label = item.proposed.get("label", "?")
        text_cells = max(self.app.size.width - 40, 12)
        return (
            Text("✓", style="bold") if item.resolved else Text(""),
            Text(str(item.document_id), justify="right"),
            Text(SHORT.get(label, label), style="bold"),
            Text(fit(visible(str(item.proposed.get("text", ""))).replace("\n", " "), text_cells)),
            Text(visible(", ".join(item.kinds))),
        )

    def _show_title(self) -> None:
        done = sum(1 for item in self.items if item.resolved)
        title = Text("Adjudication", style="bold")
        title.append(f" · {len(self.items)} disagreement(s) · {done} adjudicated")
        title.append(f" · as {self.adjudicator}", style="italic")
        self.query_one("#adjudicate-title", Static).update(visible_styled(title))

    def selected(self) -> agree.Disagreement | None:
        table = self.query_one(DataTable)
        if not self.items or table.cursor_row is None or table.cursor_row >= len(self.items):
            return None
        return self.items[table.cursor_row]

    def _show_versions(self) -> None:
        item = self.selected()
        panel = self.query_one("#versions", Static)
        if item is None:
            panel.update(Text("No disagreements: reviewers agree on every span they both decided.", style="bold"))
            return
        out = Text(f"span {item.span_id} · doc {item.document_id} · {item.origin} · differs: ", style="dim")
        out.append(", ".join(item.kinds) + "\n", style="dim")
        out.append_text(self._sentence(item))
        out.append("\n")
        for n, (name, state) in enumerate(item.versions.items(), start=1):
            out.append(f"{n} " if n <= 9 else "  ", style="bold")
            out.append(f"{fit(name, 12):<12} ")
            out.append_text(describe(state))
            out.append("\n")
        if item.adjudication is not None:
            out.append("✓ final    ", style="bold")
            out.append_text(describe(item.adjudication))
            out.append(f"  ({item.adjudicator}, {item.adjudicated_at[:16].replace('T', ' ')})", style="dim")
        else:
            out.append("1-9 take a version as final, x reject it", style="dim")
        panel.update(visible_styled(out))

    def _sentence(self, item: agree.Disagreement) -> Text:
        """The sentence around the span, the span itself reversed: what the reviewers read (the
        report's text is read in a worker the first time: the span alone until it arrives)."""
        text = self.report_text(item.document_id)
        if text is None:
            return Text(visible(str(item.proposed.get("text", ""))).replace("\n", " "), style="reverse bold")
        start, end = int(item.proposed["start"]), int(item.proposed["end"])
        left = max((text.rfind(c, 0, start) for c in "。！？\n"), default=-1) + 1
        ends = [i for i in (text.find(c, end) for c in "。！？\n") if i >= 0]
        right = min(ends) + 1 if ends else len(text)
        left, right = max(left, start - 60), min(right, end + 60)
        line = Text(visible(text[left:start]).replace("\n", " "))
        line.append(visible(text[start:end]).replace("\n", " "), style="reverse bold")
        line.append(visible(text[end:right]).replace("\n", " "))
        return line

    def text_arrived(self, doc_id: int) -> None:
        self._show_versions()

    @on(DataTable.RowHighlighted, "#disagreements")
    def highlighted(self) -> None:
        self._show_versions()

    def _adjudicate(self, chosen: dict[str, Any], what: str) -> None:
        item = self.selected()
        if item is None:
            return
        if item.adjudication is None:
            self._record(item, chosen, what, overrule=False)
            return
        # Never silently over an earlier verdict: say whose it is and when, and ask.
        when = item.adjudicated_at[:16].replace("T", " ")
        earlier = describe(item.adjudication).plain.split()
        question = (
            f"span {item.span_id} was adjudicated by {item.adjudicator} on {when} ({' '.join(earlier)}):"
            f" overrule it with {what}?"
        )

        def answered(answer: str | None) -> None:
            if answer:
                self._record(item, chosen, what, overrule=True)
            else:
                self.notify("kept the earlier verdict", timeout=3)

        self.app.push_screen(Confirm(question), answered)

    def _record(self, item: agree.Disagreement, chosen: dict[str, Any], what: str, *, overrule: bool) -> None:
        """Hand the verdict to the app's writer, bound to this span: the key never waits for
        SQLite's lock (another process may hold it), and the row is redrawn once it is written."""
        span_id, adjudicator = item.span_id, self.adjudicator

        doc_id = item.document_id

        def write(store: Any, _seen: dict[int, SpanState]) -> Any:
            view = agree.adjudicate(store, span_id, adjudicator, chosen, overrule=overrule)
            # Its row read again here, off the app's thread, once the verdict is written.
            try:
                fresh = next((d for d in agree.disagreements(store, doc_id) if d.span_id == span_id), None)
            except StoreError:
                fresh = None  # the verdict stands; the row is redrawn by the next reload
            return view, fresh

        def saved(_job: Job, result: Any) -> None:
            view, fresh = result
            self.pizhu.progress_changed()
            if not self.is_mounted:
                return
            current = next((i for i in self.items if i.span_id == span_id), None)
            if current is not None and fresh is not None:
                self._refresh_item(current, fresh)
            self.notify(f"span {span_id}: {what} → {view.status}", timeout=3)

        def refused(_job: Job, exc: StoreError) -> None:
            self.notify(f"span {span_id}: not saved: {exc}", severity="error")

        self.pizhu.writer.submit(Job(f"adjudicate span {span_id}: {what}", write, saved, refused))
        self.notify(f"span {span_id}: {what} · saving…", timeout=2)
        table = self.query_one(DataTable)
        row = self.items.index(self._item(span_id))
        if row + 1 < len(self.items):
            table.move_cursor(row=row + 1)  # on to the next disagreement

    def _refresh_item(self, item: agree.Disagreement, new: agree.Disagreement) -> None:
        """Redraw a row as read again once its verdict was written (now marked adjudicated)."""
        row = self.items.index(item)
        self.items[row] = new
        table = self.query_one(DataTable)
        for column, cell in zip(COLUMNS, self._cells(new), strict=True):
            table.update_cell(str(new.span_id), column, cell)
        self._show_title()
        self._show_versions()

    def action_pick(self, index: int) -> None:
        item = self.selected()
        if item is None:
            return
        names = list(item.versions)
        if index >= len(names):
            self.notify(f"Only {len(names)} reviewer version(s) here.", severity="warning", timeout=3)
            return
        self._adjudicate(dict(item.versions[names[index]]), f"{names[index]}'s version")

    def _item(self, span_id: int) -> agree.Disagreement:
        return next(i for i in self.items if i.span_id == span_id)

    def action_reject(self) -> None:
        self._adjudicate({"status": REJECTED}, "rejected")

    @on(DataTable.RowSelected, "#disagreements")
    def selected_row(self) -> None:
        self.action_open_span()

    def action_open_span(self) -> None:
        item = self.selected()
        if item is not None:
            self.pizhu.open_reader(item.document_id, item.span_id)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_reload(self) -> None:
        self.reload()
