"""The reader: one section at a time, its spans highlighted, the current span in a panel.

Every decision goes to the store first (which commits before returning) and only then
to the screen, so what a reviewer sees as done survives ``kill -9``. After a decision
only the changed span is swapped into the loaded document and restyled; nothing is
re-read from the database but the span itself and its history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Footer, Static

from extract.models import LABELS
from store.db import StoreError
from store.display import visible_styled
from store.records import PENDING, SpanView
from tui import keys
from tui.model import LoadedDocument
from tui.screens.dialogs import AttributeForm, GoToSection, LabelPicker, SectionChoice, TextPrompt
from tui.widgets.section_view import SectionView, visible_text
from tui.widgets.span_panel import SpanPanel

if TYPE_CHECKING:
    from tui.app import PizhuApp

# From this width the span panel sits beside the text instead of below it.
WIDE = 110


class ReaderScreen(Screen[None]):
    BINDINGS = keys.bindings(keys.READER)

    def __init__(self, doc_id: int, span_id: int | None = None) -> None:
        super().__init__()
        self.start_doc = doc_id
        self.start_span = span_id
        self.doc: LoadedDocument | None = None
        self.section = 0
        self.current: int | None = None
        self.caret = 0
        self.show_skipped = False
        self.last_search = ""
        self.message = ""

    @property
    def pizhu(self) -> PizhuApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(id="status", markup=False)
        yield Static(id="heading", markup=False)
        with Container(id="body"):
            yield SectionView(id="text")
            yield SpanPanel(id="panel")
        yield Footer()

    def on_mount(self) -> None:
        self._layout_for(self.app.size.width)
        self.open_document(self.start_doc, self.start_span)
        self.query_one(SectionView).focus()

    def on_resize(self) -> None:
        self._layout_for(self.size.width)

    def _layout_for(self, width: int) -> None:
        wide = width >= WIDE
        self.set_class(wide, "wide")
        panel = self.query_one(SpanPanel)
        if panel.compact == wide:
            panel.compact = not wide
            self._show_panel()

    # --- what is on screen ------------------------------------------------------------

    @property
    def view(self) -> SectionView:
        return self.query_one(SectionView)

    def span(self) -> SpanView | None:
        return None if self.doc is None or self.current is None else self.doc.get(self.current)

    def open_document(self, doc_id: int, span_id: int | None = None) -> None:
        self.doc = LoadedDocument.load(self.pizhu.store, doc_id, self.pizhu.reviewer)
        span = self.doc.get(span_id) if span_id is not None else None
        if span is None:
            span = self.doc.first(pending=True, show_skipped=self.show_skipped) or self.doc.first(
                show_skipped=self.show_skipped
            )
        section = self.doc.section_of(span) if span else self.doc.first_readable_section()
        self.show_section(section, span)

    def show_section(self, index: int, span: SpanView | None) -> None:
        assert self.doc is not None
        self.section = index
        section = self.doc.sections[index]
        self.view.load(
            self.doc.text[section.start : section.end],
            section.start,
            self.doc.spans_in(index),
            skipped=self.doc.skipped(index),
            current=span.id if span else None,
        )
        heading = Text(visible_text(section.heading or self.doc.document.title or "(no heading)"), style="bold")
        if section.kind != "body":
            heading.append(f"  [{section.kind}: skipped by default]", style="italic")
        self.query_one("#heading", Static).update(heading)
        self.set_current(span)

    def set_current(self, span: SpanView | None) -> None:
        self.current = span.id if span else None
        if span is not None:
            self.caret = span.start
        self.view.set_current(self.current)
        self._show_panel()
        self._show_status()

    def move_to(self, span: SpanView | None, *, none_message: str = "") -> None:
        if span is None:
            if none_message:
                self.say(none_message)
            return
        assert self.doc is not None
        if self.view.selection_anchor is None:
            self.view.set_caret(None)
        section = self.doc.section_of(span)
        if section != self.section:
            self.show_section(section, span)
        else:
            self.set_current(span)

    def _show_panel(self) -> None:
        span = self.span()
        history = self.pizhu.store.history(span.id) if span else []
        self.query_one(SpanPanel).show(span, history)

    def _show_status(self) -> None:
        if self.doc is None:
            return
        document = self.doc.document
        ids = self.pizhu.document_ids()
        position = ids.index(document.id) + 1 if document.id in ids else 0
        status = Text(no_wrap=True, overflow="ellipsis")
        status.append(
            visible_text(f"{document.organisation or document.source} {document.year or ''}".strip()), style="bold"
        )
        status.append(f"  doc {position}/{len(ids)}  §{self.section + 1}/{len(self.doc.sections)}")
        status.append(f"  {self.doc.pending()} pending")
        if self.message:
            status.append("  · " + visible_text(self.message), style="italic")
        self.query_one("#status", Static).update(visible_styled(status), layout=False)

    def say(self, message: str) -> None:
        self.message = message
        self._show_status()

    # --- decisions --------------------------------------------------------------------

    def decide(self, action: str, **fields: Any) -> SpanView | None:
        span = self.span()
        if span is None:
            self.say("no span here")
            return None
        try:
            new = self.pizhu.store.decide(span.id, self.pizhu.reviewer, action, **fields)
        except StoreError as exc:
            self.say(str(exc))
            return None
        self.apply(new)
        return new

    def apply(self, span: SpanView) -> None:
        """Show a span's state that the store has just committed."""
        assert self.doc is not None
        self.doc.replace(span)
        self.view.update_spans([span])
        self.pizhu.progress_changed()

    def action_confirm(self) -> None:
        span = self.decide("confirm")
        if span is not None:
            self.message = f"confirmed {span.label} “{span.text}”"
            self.next_pending()

    def action_reject(self) -> None:
        span = self.decide("reject")
        if span is not None:
            self.message = f"rejected {span.label} “{span.text}”"
            self.next_pending()

    def action_skip(self) -> None:
        self.message = "skipped"
        self.next_pending()

    def next_pending(self) -> None:
        """The next pending span: on in this document, then the next documents, then from the top."""
        assert self.doc is not None
        span = self.doc.step(
            self.current, 1, offset=self.caret, pending=True, show_skipped=self.show_skipped, here=self.section
        )
        if span is not None:
            self.move_to(span)
            return
        ids = self.pizhu.document_ids()
        here = ids.index(self.doc.id) if self.doc.id in ids else 0
        for doc_id in ids[here + 1 :] + ids[:here]:
            if not self.pizhu.has_pending(doc_id):
                continue
            loaded = LoadedDocument.load(self.pizhu.store, doc_id, self.pizhu.reviewer)
            span = loaded.first(pending=True, show_skipped=self.show_skipped)
            if span is not None:
                self.doc = loaded
                self.message = "next document"
                self.show_section(loaded.section_of(span), span)
                return
        span = self.doc.first(pending=True, show_skipped=self.show_skipped)
        if span is not None:
            self.move_to(span)
        else:
            self.say("no pending spans left" + ("" if self.show_skipped else " (b: captions too)"))
            self._show_panel()

    # --- navigation -------------------------------------------------------------------

    def action_next_span(self) -> None:
        self._step(1)

    def action_previous_span(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        assert self.doc is not None
        offset = self.caret if self.current is None else 0
        if self.current is None and direction > 0:
            offset = self.doc.sections[self.section].start
        span = self.doc.step(self.current, direction, offset=offset, show_skipped=self.show_skipped, here=self.section)
        self.message = ""
        self.move_to(span, none_message="last span of the document" if direction > 0 else "first span")

    def action_next_section(self) -> None:
        self._section(1)

    def action_previous_section(self) -> None:
        self._section(-1)

    def _section(self, direction: int) -> None:
        assert self.doc is not None
        index = self.doc.next_section(self.section, direction, show_skipped=self.show_skipped)
        if index is None:
            self.say("last section" if direction > 0 else "first section")
            return
        self.message = ""
        self.go_to_section(index)

    def go_to_section(self, index: int) -> None:
        assert self.doc is not None
        span = self.doc.first(index, pending=True, show_skipped=True) or self.doc.first(index, show_skipped=True)
        self.show_section(index, span)
        if span is None:
            self.caret = self.doc.sections[index].start

    def action_next_document(self) -> None:
        self._document(1)

    def action_previous_document(self) -> None:
        self._document(-1)

    def _document(self, direction: int) -> None:
        assert self.doc is not None
        ids = self.pizhu.document_ids()
        index = ids.index(self.doc.id) + direction
        if not 0 <= index < len(ids):
            self.say("last document" if direction > 0 else "first document")
            return
        self.message = ""
        self.open_document(ids[index])

    def action_toggle_skipped(self) -> None:
        self.show_skipped = not self.show_skipped
        self.say("captions and boilerplate: " + ("shown" if self.show_skipped else "skipped"))

    def action_reload(self) -> None:
        assert self.doc is not None
        self.pizhu.forget_progress()
        self.message = "reloaded"
        self.open_document(self.doc.id, self.current)

    # --- corrections ------------------------------------------------------------------

    def action_set_label(self, index: int) -> None:
        span = self.span()
        if span is not None and span.label == LABELS[index] and span.status != PENDING:
            self.say(f"already {span.label}")
            return
        new = self.decide("label", label=LABELS[index])
        if new is not None:
            self.say(f"label {new.label}")

    def action_pick_label(self) -> None:
        span = self.span()
        if span is None:
            self.say("no span here")
            return

        def chosen(label: str | None) -> None:
            if label is not None:
                self.action_set_label(LABELS.index(label))

        self.app.push_screen(LabelPicker(span.label), chosen)

    def action_edit(self) -> None:
        span = self.span()
        if span is None:
            self.say("no span here")
            return

        def done(attrs: dict[str, Any] | None) -> None:
            if attrs is not None:
                new = self.decide("attrs", attrs=attrs)
                if new is not None:
                    self.say("attributes saved")

        self.app.push_screen(AttributeForm(dict(span.attrs), span.text), done)

    def action_tag(self) -> None:
        span = self.span()
        if span is None:
            self.say("no span here")
            return

        def done(tag: str | None) -> None:
            if tag:
                new = self.decide("tag", tag=tag)
                if new is not None:
                    self.say(f"tagged {tag}")

        self.app.push_screen(
            TextPrompt("Tag", suggestions=self.pizhu.store.tags(), hint="→: accept completion · enter: tag"), done
        )

    def action_move_start(self, delta: int) -> None:
        span = self.span()
        if span is None:
            return
        self._boundary(span, span.start + delta, span.end)

    def action_move_end(self, delta: int) -> None:
        span = self.span()
        if span is None:
            return
        self._boundary(span, span.start, span.end + delta)

    def _boundary(self, span: SpanView, start: int, end: int) -> None:
        assert self.doc is not None
        if end - start < 1:
            self.say("a span keeps at least one character")
            return
        if start < 0 or end > len(self.doc.text):
            self.say("the span cannot leave the document")
            return
        new = self.decide("boundary", start=start, end=end)
        if new is not None:
            self.say(f"now “{new.text}”")
            self.set_current(new)

    # --- adding a missed span ---------------------------------------------------------

    def action_select(self) -> None:
        if self.view.selection_anchor is not None:
            self.action_finish_selection()
            return
        caret = self.view.caret if self.view.caret is not None else self.caret
        self.view.set_caret(caret)
        self.view.set_anchor(caret)
        self.view.set_caret(caret)
        self.say("select: arrows · v/enter: label · esc")

    def action_caret(self, delta: int) -> None:
        caret = self.view.caret if self.view.caret is not None else self.caret
        self.view.set_caret(caret + delta)
        self.caret = self.view.caret or caret

    def action_caret_line(self, delta: int) -> None:
        caret = self.view.caret if self.view.caret is not None else self.caret
        self.view.set_caret(self.view.offset_on_line(caret, delta))
        self.caret = self.view.caret or caret

    def action_finish_selection(self) -> None:
        selection = self.view.selection()
        if selection is None:
            return
        start, end = selection

        def chosen(label: str | None) -> None:
            if label is None:
                return
            assert self.doc is not None
            try:
                new = self.pizhu.store.add_span(self.doc.id, self.pizhu.reviewer, start, end, label)
            except StoreError as exc:
                self.say(str(exc))
                return
            self._end_selection()
            self.apply(new)
            self.move_to(new)
            self.say(f"added {label} “{new.text}”")

        title = f"Label for “{visible_text(self.doc.text[start:end])}”" if self.doc else "Label"
        self.app.push_screen(LabelPicker(None, title=title), chosen)

    def _end_selection(self) -> None:
        self.view.set_anchor(None)
        self.view.set_caret(None)

    def action_cancel(self) -> None:
        if self.view.selection_anchor is not None or self.view.caret is not None:
            self._end_selection()
            self.view.set_match(None)
            self.say("cancelled")
            return
        self.app.pop_screen()

    @on(SectionView.SpanClicked)
    def clicked_span(self, event: SectionView.SpanClicked) -> None:
        assert self.doc is not None
        self.move_to(self.doc.get(event.span_id))

    @on(SectionView.CaretClicked)
    def clicked_text(self, event: SectionView.CaretClicked) -> None:
        self.view.set_caret(event.offset, scroll=False)
        self.caret = event.offset

    # --- undo, search, go to ----------------------------------------------------------

    def action_undo(self) -> None:
        self._undo_redo(self.pizhu.store.undo, "undone", "nothing to undo")

    def action_redo(self) -> None:
        self._undo_redo(self.pizhu.store.redo, "redone", "nothing to redo")

    def _undo_redo(self, call: Any, done: str, nothing: str) -> None:
        assert self.doc is not None
        try:
            span = call(self.pizhu.reviewer)
        except StoreError as exc:
            self.say(str(exc))
            return
        if span is None:
            self.say(nothing)
            return
        self.pizhu.progress_changed()
        if span.document_id != self.doc.id:
            self.open_document(span.document_id, span.id)
        else:
            self.apply(span)
            visible = self.doc.get(span.id)
            if visible is not None:
                self.move_to(visible)
            else:
                self._show_panel()
        self.say(f"{done}: {span.label} “{span.text}” is {span.status}")

    def action_search(self) -> None:
        def done(needle: str | None) -> None:
            if needle:
                self.last_search = needle
                self._find(self.caret)

        self.app.push_screen(TextPrompt("Search this document", self.last_search), done)

    def action_search_next(self) -> None:
        if self.last_search:
            self._find(self.caret + 1)

    def _find(self, offset: int) -> None:
        assert self.doc is not None
        found = self.doc.find(self.last_search, offset)
        if found is None:
            self.say(f"not found: {self.last_search}")
            return
        index = self.doc.section_index(found)
        inside = [s for s in self.doc.spans_in(index) if s.start <= found < s.end]
        span = min(inside, key=lambda s: s.end - s.start) if inside else None
        if index != self.section:
            self.show_section(index, span)
        elif span is not None:
            self.set_current(span)
        self.caret = found
        self.view.set_match((found, found + len(self.last_search)))
        total = self.doc.text.count(self.last_search)
        before = self.doc.text.count(self.last_search, 0, found)
        self.say(f"match {before + 1} of {total} · n: next")

    def action_goto(self) -> None:
        assert self.doc is not None
        doc = self.doc
        choices = [
            SectionChoice(i, visible_text(s.heading), s.kind, sum(1 for p in doc.spans_in(i) if p.status == PENDING))
            for i, s in enumerate(doc.sections)
        ]

        def done(index: int | None) -> None:
            if index is not None:
                self.message = ""
                self.go_to_section(index)

        self.app.push_screen(GoToSection(choices, self.section), done)
