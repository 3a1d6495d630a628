"""The reader's keys that change spans: attributes, tags, boundaries, many spans at once
(bulk, a whole section), split and merge.

Each binds its write to the spans as shown (``ReadingScreen.decide``, ``ReadingScreen.submit``)
and hands it to the writer; a split or a merge freezes its spans until it is written.
"""

from __future__ import annotations

import bisect
from typing import Any

from pizhu.store.db import Store
from pizhu.store.display import visible
from pizhu.store.errors import StoreError
from pizhu.store.records import PENDING, Change, SpanView
from pizhu.tui.editing import WORD_MOVES, boundary_target
from pizhu.tui.model import alike_in, predicted
from pizhu.tui.screens.dialogs import AttributeForm, Choice, Confirm, TextPrompt
from pizhu.tui.screens.reading import ReadingScreen
from pizhu.tui.words import Words
from pizhu.tui.writer import Job
from pizhu.tui.writes import bulk_done, bulk_write, described


class CorrectingKeys(ReadingScreen):
    """The reader's keys that change spans (``tui.screens.reader``)."""

    # --- many at once: bulk, split, merge; untag ------------------------------------

    def action_bulk(self, action: str) -> None:
        """Confirm or reject every pending candidate alike the current span (same text and label)
        in this report, or (w in the dialog) in every report: counted first, one undo. The count
        in every report reads the whole library, so a worker does it."""
        span = self.span()
        if span is None or self.doc is None:
            self.say("no span here")
            return
        here = alike_in(self.doc.all_spans(), span)
        what = described(span)
        if not here:
            self.say(f"counting pending {what} in every report…")
            self.count_alike(action, span, self.pizhu.document_ids())
            return

        def done(where: str | None) -> None:
            if where == "here":
                self.bulk(action, here, what, where)
            elif where == "everywhere":
                self.say(f"counting pending {what} in every report…")
                self.count_alike(action, span, self.pizhu.document_ids())

        question = f"{action} {len(here)} × {what} in this report?"
        hint = "y: yes · n: no · w: count them in every report"
        self.app.push_screen(Confirm(question, {"y": "here", "n": "", "w": "everywhere"}, hint), done)

    def bulk_everywhere(self, action: str, alike: list[SpanView], what: str) -> None:
        self.bulk(action, alike, what, "everywhere")

    def bulk(self, action: str, spans: list[SpanView], what: str, where: str) -> Job | None:
        """One action on many spans as one batch (one undo takes it back), each bound to the
        version shown (here: on screen; elsewhere: as counted); drawn decided at once."""
        assert self.doc is not None
        # The spans of this report as they are on screen now (the count may be older).
        spans = [self.doc.get(s.id) or s if s.document_id == self.doc.id else s for s in spans]
        if not self.can_decide(spans):
            return None
        write = bulk_write([s.id for s in spans], self.pizhu.reviewer, action)

        def saved(job: Job, result: Any) -> None:
            self.pizhu.forget_progress()
            self.saved(job, result)

        shown = [predicted(s, Change(action), self.doc.text) for s in spans if s.document_id == self.doc.id]
        place = {"here": "in this report", "section": "in this section"}.get(where, "in every report")
        job = self.submit(f"{action} {len(spans)} × {what} {place}", spans, shown, write, saved)
        self.say(bulk_done(action, len(spans), what, place), job)
        span = self.span()
        if span is None or span.status != PENDING:
            self.next_pending()
        return job

    def action_confirm_section(self) -> None:
        """Confirm every pending candidate of the section on screen, in view (the label filter
        applies), none outside it, as one batch that one ``u`` takes back. A section longer
        than the screen only once all of it has been shown (scrolled to its end): the key
        confirms what the reviewer has read, never more."""
        assert self.doc is not None
        spans = [s for s in self.doc.spans_in(self.section) if s.status == PENDING]
        if not spans:
            self.say("nothing pending in this section")
            return
        if not self.view.all_shown():
            self.say("not all of this section has been on screen: scroll to its end (↓, pgdn), then c")
            return
        self.bulk("confirm", spans, "candidates", "section")

    def action_split(self) -> None:
        span = self.span_here()
        if span is None:
            return
        at = self.view.caret if self.view.caret is not None else self.caret
        if not span.start < at < span.end:
            self.say("put the cursor inside the span where it splits (← →), then s")
            return
        if not self.can_decide([span]):
            return
        reviewer = self.pizhu.reviewer

        def write(store: Store, seen: object) -> tuple[SpanView, SpanView]:
            return store.split_span(span.id, reviewer, at)

        def saved(job: Job, result: Any) -> None:
            left, right = result
            self._frozen.discard(span.id)
            self.pizhu.progress_changed()
            if self.is_attached and self.doc is not None and self.doc.id == left.document_id:
                self.refresh_spans(left.id)
                self.say(f"split into “{visible(left.text)}” and “{visible(right.text)}” · u: undo")

        self._frozen.add(span.id)
        job = self.writer.submit(Job(f"split “{visible(span.text)}”", write, saved, self.unfreeze))
        self.say(f"splitting “{visible(span.text)}”", job)

    def action_merge(self) -> None:
        span = self.span()
        if span is None or self.doc is None:
            self.say("no span here")
            return
        after = self.doc.step(span.id, 1, show_skipped=True, here=self.section)
        if after is None or self.doc.section_of(after) != self.section:
            self.say("no next span in this section to merge with")
            return
        if not self.can_decide([span, after]):
            return
        reviewer = self.pizhu.reviewer

        def write(store: Store, seen: object) -> SpanView:
            return store.merge_spans(span.id, after.id, reviewer)

        def saved(job: Job, joined: Any) -> None:
            self._frozen.difference_update((span.id, after.id))
            self.pizhu.progress_changed()
            if self.is_attached and self.doc is not None and self.doc.id == joined.document_id:
                self.refresh_spans(joined.id)
                self.say(f"merged into {joined.label} “{visible(joined.text)}” · u: undo")

        self._frozen.update((span.id, after.id))
        job = self.writer.submit(Job(f"merge “{visible(span.text)}”", write, saved, self.unfreeze))
        self.say(f"merging “{visible(span.text)}” with “{visible(after.text)}”", job)

    def unfreeze(self, job: Job, error: StoreError) -> None:
        """A split or merge the database refused: its spans can be decided again."""
        self._frozen.clear()
        self.say(f"not saved: {job.what}: {error}")

    def action_untag(self) -> None:
        span = self.span_here()
        if span is None:
            return
        if not span.tags:
            self.say("this span has no tags (t adds one)")
            return

        def done(tag: str | None) -> None:
            if tag:
                new = self.decide(Change("untag", tag=tag), span_id=span.id)
                if new is not None:
                    self.say(f"tag {visible(tag)} removed", self._message_job)

        self.app.push_screen(Choice(f"Remove a tag from “{visible(span.text)}”", list(span.tags)), done)

    def action_edit(self) -> None:
        span = self.span_here()
        if span is None:
            return

        def done(attrs: dict[str, Any] | None) -> None:
            if attrs is not None:
                new = self.decide(Change("attrs", attrs=attrs), span_id=span.id)
                if new is not None:
                    self.say(f"attributes of “{visible(new.text)}”", self._message_job)

        # The dialog docks at the edge away from the span, so the sentence stays readable.
        line = self.view.line_of(span.start) - self.view.scroll_offset.y
        top = line >= max(self.view.size.height, 1) // 2
        self.app.push_screen(AttributeForm(dict(span.attrs), span.text, top=top), done)

    def action_tag(self) -> None:
        span = self.span_here()
        if span is None:
            return

        def done(tag: str | None) -> None:
            if tag:
                new = self.decide(Change("tag", tag=tag), span_id=span.id)
                if new is not None:
                    if tag not in self.tags:
                        bisect.insort(self.tags, tag)  # as the tags table will list it
                    self.say(f"tagged {tag}", self._message_job)

        # The tags were read with the spans, in a worker: no database read on the key path.
        self.app.push_screen(
            TextPrompt("Tag", suggestions=list(self.tags), hint="→: accept completion · enter: tag"), done
        )

    # Boundaries move by a word (< > at the start, , . at the end) or by a character
    # (( ) and - =); words are jieba tokens, runs between punctuation, and span edges.

    def boundary_target(self, key_id: str, start: int, end: int) -> tuple[int, int] | None:
        """Where a boundary key would put a span ``start``-``end``, or None if it cannot move."""
        assert self.doc is not None
        section = self.doc.sections[self.section]
        words = self.words or Words(self.doc.text)
        return boundary_target(key_id, start, end, words, (section.start, section.end), len(self.doc.text))

    def action_move_start(self, delta: int) -> None:
        self._move("start_left" if delta < 0 else "start_right")

    def action_move_end(self, delta: int) -> None:
        self._move("end_left" if delta < 0 else "end_right")

    def action_move_start_char(self, delta: int) -> None:
        self._move("start_char_left" if delta < 0 else "start_char_right")

    def action_move_end_char(self, delta: int) -> None:
        self._move("end_char_left" if delta < 0 else "end_char_right")

    def _move(self, key_id: str) -> None:
        span = self.span_here()
        if span is None:
            return
        if key_id in WORD_MOVES and not self.words_needed():
            return
        target = self.boundary_target(key_id, span.start, span.end)
        if target is None or target == (span.start, span.end):
            self.say("a span keeps at least one character, inside the document")
            return
        new = self.decide(Change("boundary", start=target[0], end=target[1]))
        if new is not None:
            self.say(f"now “{visible(new.text)}”", self._message_job)
            self.set_current(new)
