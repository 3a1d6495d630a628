"""The reader's cursor and selection keys, and adding a missed span.

The cursor moves by characters, jieba's words, punctuation, lines and span edges; ``v``
selects the word (or the search match, or what quotes enclose) and the arrows extend it;
``1``-``8`` label the selection as a new span; ``m`` adds the next text already labelled in
the report; ``g`` puts jump labels on the words on screen. Where the keys go is worked out
by ``tui.editing`` (plain offsets, no Textual); this part asks it and draws the answer.
"""

from __future__ import annotations

from typing import Any

from textual import on

from pizhu.store.db import Store
from pizhu.store.display import visible
from pizhu.store.errors import StoreError
from pizhu.store.records import PENDING, SpanView
from pizhu.tui.editing import (
    LINE_MOTIONS,
    QUOTES,
    WORD_MOTIONS,
    caret_target,
    hint_places,
    mark_again_target,
    selection_start,
    uncrowded,
)
from pizhu.tui.screens.dialogs import HintPrompt, LabelPicker
from pizhu.tui.screens.reading import ReadingScreen
from pizhu.tui.widgets.section_view import SectionView
from pizhu.tui.words import Words
from pizhu.tui.writer import Job


class SelectingKeys(ReadingScreen):
    """The reader's keys for the cursor, a selection and a missed span (``tui.screens.reader``)."""

    # --- the cursor and adding a missed span ------------------------------------------

    def caret_target(self, motion: str, offset: int) -> int:
        """Where a cursor key takes the cursor from ``offset``, inside this section."""
        if motion in LINE_MOTIONS:
            return self.view.line_target(motion, offset)
        edges = (e for sp in self.doc.all_spans() for e in (sp.start, sp.end)) if self.doc is not None else ()
        return caret_target(motion, offset, self.view.base, self.view.end, self.words, edges)

    def hint_targets(self, caret: int) -> dict[int, str]:
        """Jump labels for the word starts on screen, the nearest to ``caret`` with one letter.

        Prefix-free: when more than 26 places are on screen, the last letters start two-letter
        labels, given to the places furthest from the cursor; a place with no room for its
        label beside it gets none."""
        assert self.doc is not None
        lo, hi = self.view.visible_range()
        places = hint_places(self.doc.text, self.words or Words(self.doc.text), lo, hi, caret)
        return uncrowded(places, self.view.crowded)

    def action_jump(self) -> None:
        if not self.words_needed():
            return
        caret = self.view.caret if self.view.caret is not None else self.caret
        hints = self.hint_targets(caret)
        if not hints:
            return
        self.view.set_hints(hints)
        by_label = {label: at for at, label in hints.items()}

        def narrowed(prefix: str) -> None:
            self.view.set_hints({at: label[len(prefix) :] for at, label in hints.items() if label.startswith(prefix)})

        def done(chosen: tuple[str, bool] | None) -> None:
            self.view.set_hints({})
            if chosen is not None:
                label, select = chosen
                self.caret = by_label[label]
                self.view.set_caret(self.caret)
                if select and self.view.selection_anchor is None:
                    self.action_select()

        self.app.push_screen(HintPrompt(set(by_label), narrowed), done)

    def action_caret(self, motion: str) -> None:
        if motion in WORD_MOTIONS and not self.words_needed():
            return
        caret = self.view.caret if self.view.caret is not None else self.caret
        self.caret = self.caret_target(motion, caret)
        self.view.set_caret(self.caret)
        if self.view.selection_anchor is not None:
            self.selection_hint()  # the hint says what is selected now, not what was at v

    def selection_hint(self) -> None:
        selection = self.view.selection()
        selected = self.doc.text[selection[0] : selection[1]] if self.doc and selection else ""
        self.say(f"“{visible(selected)}” · 1-8: label · arrows, ctrl+arrows, p: extend · esc")

    def selection_start(self, caret: int) -> tuple[int, int]:
        """What ``v`` selects at the cursor: the search match starting there, else the word."""
        assert self.doc is not None
        words = self.words or Words(self.doc.text)
        return selection_start(self.doc.text, caret, self.view.end, words, self.view.match)

    def action_select(self) -> None:
        if self.view.selection_anchor is not None:
            self.action_finish_selection()
            return
        caret = self.view.caret if self.view.caret is not None else self.caret
        on_match = self.view.match is not None and self.view.match[0] == caret
        quoted = self.doc is not None and self.doc.text[caret : caret + 1] in QUOTES
        if not (on_match or quoted or self.words_needed()):
            return
        self.select(*self.selection_start(caret))

    def action_select_clause(self) -> None:
        if self.view.selection_anchor is not None:
            self.action_finish_selection()
            return
        assert self.doc is not None
        words = self.words or Words(self.doc.text)
        caret = self.view.caret if self.view.caret is not None else self.caret
        self.select(caret, words.next_punctuation(caret, self.view.end))

    def select(self, anchor: int, end: int) -> None:
        """Select ``anchor``-``end`` (the cursor at ``end``, where the arrows extend it)."""
        self.view.set_match(None)
        self.view.set_anchor(anchor)
        self.view.set_caret(end)
        self.caret = end
        self.selection_hint()

    def action_finish_selection(self) -> None:
        if self.view.selection() is None:
            return
        selection = self.view.selection()
        assert selection is not None and self.doc is not None
        start, end = selection

        def chosen(label: str | None) -> None:
            if label is not None:
                self.add_selection(label)

        title = f"Label for “{visible(self.doc.text[start:end])}”"
        self.app.push_screen(LabelPicker(None, title=title), chosen)

    def add_selection(self, label: str) -> None:
        selection = self.view.selection()
        if selection is None:
            self.say("nothing selected")
            return
        self.add(selection[0], selection[1], label)

    def add(self, start: int, end: int, label: str) -> Job | None:
        """Add a missed span; the reviewer stays on the pending span they were reading. The new
        span is drawn once written (its id comes from the database): "adding…" until then."""
        assert self.doc is not None
        if self.writer.undoing():
            self.say("wait: the undo is being saved")
            return None
        doc_id, reviewer = self.doc.id, self.pizhu.reviewer
        text = self.doc.text[start:end].strip()
        place = (start, end, label)

        def write(store: Store, seen: object) -> SpanView:
            return store.add_span(doc_id, reviewer, start, end, label)

        def saved(job: Job, new: Any) -> None:
            self._adding.remove(place)
            self.own_change()
            if not self.is_attached or self.doc is None or self.doc.id != doc_id:
                return
            back = self.span()
            self.show_span(new)
            if back is None or back.status != PENDING or self.doc.get(back.id) is None:
                nxt = self.doc.step(new.id, 1, pending=True, show_skipped=True, here=self.section)
                self.set_current(nxt if nxt is not None and self.doc.section_of(nxt) == self.section else new)

        def refused(job: Job, error: StoreError) -> None:
            self._adding.remove(place)
            self.say(f"not added: {error}")

        self._adding.append(place)
        job = self.writer.submit(Job(f"add {label} “{visible(text)}”", write, saved, refused))
        self._end_selection()
        self.view.set_match(None)
        self.view.set_caret(self.caret)
        self.last_added = (text, label, end)
        self.say(f"added {label} “{visible(text)}” · m: label the next known text alike", job)
        return job

    def mark_again_target(self) -> tuple[int, int, str] | None:
        """Where ``m`` adds a span: a text already labelled in the document, unlabelled in this
        section after the reviewer's last decision (``tui.editing.mark_again_target``)."""
        if self.doc is None:
            return None
        section = self.doc.sections[self.section]
        last = self.last_added[:2] if self.last_added is not None else None
        return mark_again_target(
            self.doc.text,
            (section.start, section.end),
            self.reading,
            self.doc.all_spans(),
            self.words or Words(self.doc.text),
            adding=self._adding,
            last_added=last,
        )

    def action_mark_again(self) -> None:
        if not self.words_needed():
            return
        target = self.mark_again_target()
        if target is None:
            self.say("no text labelled in this document occurs unlabelled in this section")
            return
        if self.add(*target) is not None:
            self.view.scroll_to_offset(target[0], target[1])

    def action_cancel(self) -> None:
        if self.view.selection_anchor is not None or self.view.match is not None:
            self._end_selection()
            self.view.set_match(None)
            self.view.set_caret(self.caret)
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

    @on(SectionView.SectionClicked)
    def clicked_section(self, event: SectionView.SectionClicked) -> None:
        """A click on a following section in the preview: that section, the cursor where it was clicked."""
        self.message = ""
        self.go_to_section(event.section)
        self.caret = event.offset
        self.view.set_caret(event.offset)
