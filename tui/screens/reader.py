"""The reader: one section at a time, its spans highlighted, the current span in a panel.

The screen is put together from its parts: ``tui.screens.reading`` (the report on screen,
read in workers, and how a decision on it is written), ``tui.screens.selecting`` (the
cursor, a selection, adding a missed span), ``tui.screens.correcting`` (labels, attributes,
tags, boundaries, bulk, split, merge) and, shared with the queue, ``tui.screens.reviewing``
(``a``, ``x``, undo, redo, a bulk action in every report). This module holds the keys that
decide and move on: confirm, reject, skip, the next span, section or report, search, go to,
the label filter.
"""

from __future__ import annotations

from pizhu.extract.models import LABELS
from pizhu.store.display import visible
from pizhu.store.records import PENDING, Change, SpanView
from pizhu.tui import keys
from pizhu.tui.editing import alternative, alternative_change, found_span
from pizhu.tui.screens.correcting import CorrectingKeys
from pizhu.tui.screens.dialogs import GoToSection, LabelFilter, LabelPicker, SectionChoice, TextPrompt
from pizhu.tui.screens.selecting import SelectingKeys
from pizhu.tui.writer import Job
from pizhu.tui.writes import Undo, described, past, undo_message


class ReaderScreen(SelectingKeys, CorrectingKeys):
    """The reader screen: its bindings (``tui.keys.READER``) and the keys that decide and move on."""

    BINDINGS = keys.bindings(keys.READER)

    def decide_key(self, action: str) -> None:
        """``a``, ``x``: the current span decided, then on to the next pending one."""
        span = self.decide(Change(action))
        if span is not None:
            self.message = f"{past(action)} {described(span)}"
            self.next_pending()

    def action_take_alternative(self) -> None:
        """``o``: the label and bounds another proposer read for this span (its ``model:`` flag)."""
        span = self.span()
        other = alternative(span.flag if span is not None else "")
        if span is None or other is None:
            self.say("no other reading here")
            return
        label, start, end = other
        new = self.decide(alternative_change(span, other))
        if new is not None:
            self.message = f"took the other reading: {label} “{visible(self.doc.text[start:end] if self.doc else '')}”"
            self.next_pending()

    def action_skip(self) -> None:
        self.message = "skipped"
        self.next_pending()

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
        span = self.doc.step(
            self.current, direction, offset=offset, show_skipped=self.show_skipped, here=self.section
        ) or self.doc.step(self.current, direction, offset=offset, show_skipped=True, here=self.section)
        self.message = ""
        self.move_to(span, none_message="last span of the document" if direction > 0 else "first span")

    def action_next_section(self) -> None:
        self._section(1)

    def action_previous_section(self) -> None:
        self._section(-1)

    def _section(self, direction: int) -> None:
        assert self.doc is not None
        # Past the last body section the captions and boilerplate after it follow (and before
        # the first, those before it): they are reviewed too.
        index = self.doc.next_section(self.section, direction, show_skipped=self.show_skipped)
        if index is None:
            index = self.doc.next_section(self.section, direction, show_skipped=True)
        if index is None:
            self.say("last section" if direction > 0 else "first section")
            return
        self.message = ""
        self.go_to_section(index)

    def action_next_document(self) -> None:
        self._document(1)

    def action_previous_document(self) -> None:
        self._document(-1)

    def _document(self, direction: int) -> None:
        self.pizhu.with_document_ids(self, lambda ids: self._document_among(ids, direction))

    def _document_among(self, ids: list[int], direction: int) -> None:
        # From the document being loaded, if any: } } } goes three documents on.
        here = self.loading_doc if self.loading_doc is not None else self.doc.id if self.doc is not None else None
        if here not in ids:
            return
        index = ids.index(here) + direction
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
        if self.view.selection_anchor is not None:
            # While selecting, a label key labels the selection: select, extend, 1-8.
            self.add_selection(LABELS[index])
            return
        span = self.span()
        if span is not None and span.label == LABELS[index] and span.status != PENDING:
            self.say(f"already {span.label}")
            return
        new = self.decide(Change("label", label=LABELS[index]))
        if new is not None:
            self.say(f"label {new.label}", self._message_job)
            if self.doc is not None and self.doc.get(new.id) is None:
                self.say(f"label {new.label} (hidden by the label filter)", self._message_job)
                self.next_pending()

    def action_pick_label(self) -> None:
        span = self.span_here()
        if span is None:
            return

        def chosen(label: str | None) -> None:
            if label is not None and self.current == span.id:
                self.action_set_label(LABELS.index(label))

        self.app.push_screen(LabelPicker(span.label), chosen)

    def action_label_filter(self) -> None:
        def done(labels: frozenset[str] | None) -> None:
            if labels is None:
                return
            chosen = None if labels == frozenset(LABELS) or not labels else labels
            self.pizhu.label_filter = chosen
            assert self.doc is not None
            self.doc.set_labels(chosen)
            span = self.span()
            if span is None:
                span = self.doc.first(self.section, pending=True, show_skipped=True) or self.doc.step(
                    None, 1, offset=self.caret, pending=True, show_skipped=self.show_skipped, here=self.section
                )
            self.message = "labels: " + (" ".join(lb for lb in LABELS if chosen is None or lb in chosen))
            self.show_section(self.doc.section_of(span) if span else self.section, span)

        self.app.push_screen(LabelFilter(self.pizhu.label_filter), done)

    # --- undo, search, go to ----------------------------------------------------------

    def undone(self, which: Undo, spans: list[SpanView]) -> None:
        """An undo can take back a whole batch (a bulk action, a split, a merge): the store gives
        every span it touched, and those in this report are swapped in, nothing read again. A
        batch only in another report opens that report on the span it took back."""
        self.own_change()
        if not self.is_attached or self.doc is None:
            return
        first = spans[0]
        here = [s for s in spans if s.document_id == self.doc.id]
        self.message, self._message_job = undo_message(which.done, spans), None
        if not here:
            self.open_document(first.document_id, first.id)
            return
        touched = {s.id for s in here}
        prefer = first.id if first.document_id == self.doc.id else None
        others = [s for s in self.doc.all_spans() if s.id not in touched]
        self.show_spans(others + self.writer.overlay(here), prefer, changed=touched)

    def undo_queued(self, which: Undo, job: Job) -> None:
        self.say(f"{which.doing} your last decision", job)

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
        span = found_span(self.doc.spans_in(index), found)
        if index != self.section:
            self._end_selection()
            self.show_section(index, span)
        elif span is not None:
            self.set_current(span)
        self.caret = found
        self.view.set_caret(found, scroll=False)
        self.view.set_match((found, found + len(self.last_search)))
        total = self.doc.text.count(self.last_search)
        before = self.doc.text.count(self.last_search, 0, found)
        self.say(f"match {before + 1} of {total} · n: next · v: select it, then 1-8 to label it")

    def action_goto(self) -> None:
        assert self.doc is not None
        doc = self.doc
        choices = [
            SectionChoice(i, visible(s.heading), s.kind, sum(1 for p in doc.spans_in(i) if p.status == PENDING))
            for i, s in enumerate(doc.sections)
        ]

        def done(index: int | None) -> None:
            if index is not None:
                self.message = ""
                self.go_to_section(index)

        self.app.push_screen(GoToSection(choices, self.section), done)
