"""The reader: one section at a time, its spans highlighted, the current span in a panel.

A decision key is bound at once to the span on screen: its id, the version shown and the
action go to the app's writer (``tui.writer``), which writes them in order off the key
path; the screen draws the span as the decision will leave it, says "saving…" until the
write has committed, and moves on. A key never waits for the database, so the next key is
always for the span the reviewer sees; what the screen shows as saved survives
``kill -9``. After a decision only the changed span is swapped into the loaded document
and restyled; nothing is re-read from the database but the span itself and its history.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Container
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Footer, Static

from pizhu.extract.models import LABELS
from pizhu.store import workspace
from pizhu.store.db import Store
from pizhu.store.display import visible
from pizhu.store.errors import StoreError, UnchangedError
from pizhu.store.records import PENDING, SpanState, SpanView
from pizhu.tui import keys
from pizhu.tui.editing import (
    LINE_MOTIONS,
    QUOTES,
    WORD_MOTIONS,
    WORD_MOVES,
    alternative,
    boundary_target,
    caret_target,
    hint_labels,
    hint_places,
    mark_again_target,
    selection_start,
)
from pizhu.tui.model import (
    LoadedDocument,
    alike_in,
    page_note,
    predicted,
    skipped_note,
)
from pizhu.tui.review import (
    REDO,
    UNDO,
    Undo,
    bound,
    bulk_done,
    bulk_write,
    decide_write,
    described,
    past,
    undo_job,
    undo_message,
)
from pizhu.tui.screens.base import PizhuScreen
from pizhu.tui.screens.dialogs import (
    AttributeForm,
    Choice,
    Confirm,
    GoToSection,
    HintPrompt,
    LabelFilter,
    LabelPicker,
    SectionChoice,
    TextPrompt,
)
from pizhu.tui.text import strip_markup_heading
from pizhu.tui.widgets.save_line import SaveLine
from pizhu.tui.widgets.section_view import SectionView
from pizhu.tui.widgets.span_panel import SpanPanel
from pizhu.tui.widgets.status_line import MessageLine, StatusLine, status_text
from pizhu.tui.words import Words, jieba_boundaries
from pizhu.tui.writer import Job, Writer

# From this width the span panel sits beside the text instead of below it; below it the
# text keeps the whole width (at 120 columns a side panel left a 76-cell text column).
WIDE = 150


# What the keys may do while a document is read (see ReaderScreen.check_action).
WHILE_LOADING = frozenset({"next_document", "previous_document", "cancel"})


class ReaderScreen(PizhuScreen):
    BINDINGS = keys.bindings(keys.READER)

    @dataclass
    class WordsReady(Message):
        """jieba's word edges for a document, computed in a worker."""

        doc_id: int
        boundaries: set[int]

    @dataclass
    class SpansRead(Message):
        """A document's spans read again in a worker (``spans`` None: not read, ``error`` says why)."""

        token: int
        doc_id: int
        spans: list[SpanView] | None
        prefer: int | None
        error: str
        version: int  # the app's progress_version when they were asked for
        tags: list[str] = field(default_factory=list)  # every tag in the library, for t

    @dataclass
    class DocumentLoaded(Message):
        """A document read in a worker (``document`` None: it could not be read, ``error`` says why)."""

        token: int
        doc_id: int
        document: LoadedDocument | None
        span_id: int | None
        error: str
        version: int = -1  # the app's progress_version when it was asked for
        tags: list[str] = field(default_factory=list)  # every tag in the library, for t

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
        self.words: Words | None = None
        self.words_ready = False
        self.last_added: tuple[str, str, int] | None = None  # text, label, end
        self._save_timer: Timer | None = None
        self.reading = 0  # where the last decision in this section ended: m looks on from there
        self.loading_doc: int | None = None  # the document being read in a worker
        self._then: Callable[[], None] | None = None  # what to do once the spans are read again
        self._load_token = 0
        self._message_job: Job | None = None  # the write the message line tells of ("saving…")
        self._frozen: set[int] = set()  # spans a split or merge being written takes away
        self._adding: list[tuple[int, int, str]] = []  # spans being added: m does not offer them again
        self._synced = -1  # the app's progress_version this document's spans were last read at
        self.tags: list[str] = []  # every tag in the library (read with the spans), offered by t

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield MessageLine(id="message")
        yield Static(id="heading", markup=False)
        with Container(id="body"):
            yield SectionView(id="text")
            yield SpanPanel(id="panel")
        yield SaveLine(id="saving")
        yield Footer()

    def on_mount(self) -> None:
        self._layout_for(self.app.size.width)
        self.open_document(self.start_doc, self.start_span)
        self.query_one(SectionView).focus()

    def on_resize(self) -> None:
        self._layout_for(self.size.width)

    def on_screen_resume(self) -> None:
        # Back from the queue (or statistics, adjudication) where decisions were made: this
        # report's spans are read again, so the panel, the history and the counts are not stale.
        if self.doc is not None and self.loading_doc is None and self._synced != self.pizhu.progress_version:
            self.refresh_spans(self.current)

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

    @property
    def writer(self) -> Writer:
        return self.pizhu.writer

    def span(self) -> SpanView | None:
        return None if self.doc is None or self.current is None else self.doc.get(self.current)

    def open_document(self, doc_id: int, span_id: int | None = None) -> None:
        """Show a document: read in a worker, shown when it arrives (``document_arrived``).

        At 10,000 reports the read takes a few milliseconds and now and then more than a
        frame, so it never runs on the key path. Until the document arrives the status line
        says it is loading and only moving between documents and leaving work (``check_action``);
        pressing ``}`` three times quickly loads the third document only.
        """
        if self.doc is not None and self.doc.id != doc_id:
            self.save_position()
        self._load_token += 1
        self._then = None
        self.loading_doc = doc_id
        self._show_status()
        self.load_document(self._load_token, doc_id, span_id, self.pizhu.label_filter, self.pizhu.progress_version)

    @work(thread=True, exclusive=True, group="document", exit_on_error=False)
    def load_document(
        self, token: int, doc_id: int, span_id: int | None, labels: frozenset[str] | None, version: int
    ) -> None:
        store = self.pizhu.reading_store()
        reviewer = self.pizhu.reviewer
        try:
            loaded = LoadedDocument.load(store, doc_id, reviewer, labels)
            if span_id is None:
                # Reopening keeps the place: the span this reviewer was last on here.
                span_id = workspace.last_span(store, reviewer, doc_id)
            tags = store.tags()
        except StoreError as exc:
            self.post_message(self.DocumentLoaded(token, doc_id, None, None, str(exc)))
            return
        self.post_message(self.DocumentLoaded(token, doc_id, loaded, span_id, "", version, tags))

    @on(DocumentLoaded)
    def document_arrived(self, event: DocumentLoaded) -> None:
        if event.token != self._load_token:
            return  # a later open superseded this one
        self.loading_doc = None
        if self.doc is None:
            # The footer was drawn before any document, its keys greyed: draw it again. Later
            # loads leave it alone (a flicker per report); keys are checked when pressed.
            self.refresh_bindings()
        if event.document is None:
            self.say(f"document {event.doc_id} not opened: {event.error}")
            if self.doc is None:
                self.app.pop_screen()
                self.app.notify(f"document {event.doc_id} not opened: {event.error}", severity="error", markup=False)
            return
        self.doc = event.document
        self._synced = event.version
        self.tags = event.tags
        # Decisions still being written are drawn as they will be, over what was read.
        self.doc.set_spans(self.writer.overlay(self.doc.all_spans()))
        self.panel.forget()
        self._start_words()
        span = self.doc.get(event.span_id) if event.span_id is not None else None
        if span is None:
            span = self.doc.first(pending=True, show_skipped=self.show_skipped) or self.doc.first(
                show_skipped=self.show_skipped
            )
        section = self.doc.section_of(span) if span else self.doc.first_readable_section()
        self._end_selection()
        self.show_section(section, span)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a document loads only moving between documents and leaving work: every other
        key would act on a document that is about to go, or on none."""
        if (self.doc is None or self.loading_doc is not None) and action not in WHILE_LOADING:
            return None
        return True

    def _start_words(self) -> None:
        """jieba's words for the report, asked for as it opens (the app loads the dictionary at
        start): a word key pressed before they arrive does nothing and says so (``words_needed``),
        never moving by punctuation and span edges instead, as it did when they loaded on the
        first word key (城中区政协 cut to 城, and saved)."""
        assert self.doc is not None
        self.words = Words(self.doc.text)
        self.words_ready = False
        self._span_edges()
        self.tokenize(self.doc.id, self.doc.text)

    def words_needed(self) -> bool:
        """Whether the words are there for a word key; if not, the key does nothing and says so."""
        if self.words_ready:
            return True
        self.say("loading words… (the key did nothing: press it again in a moment)")
        return False

    def _span_edges(self) -> None:
        if self.words is not None and self.doc is not None:
            self.words.with_spans(e for s in self.doc.all_spans() for e in (s.start, s.end))

    @work(thread=True, exclusive=True, group="words", exit_on_error=False)
    def tokenize(self, doc_id: int, text: str) -> None:
        # jieba loads its dictionary on first use (about a second): never on the key path.
        self.post_message(self.WordsReady(doc_id, jieba_boundaries(text)))

    @on(WordsReady)
    def words_arrived(self, event: WordsReady) -> None:
        if self.doc is not None and self.words is not None and event.doc_id == self.doc.id:
            self.words.add(event.boundaries)
            self.words_ready = True

    def show_section(self, index: int, span: SpanView | None) -> None:
        assert self.doc is not None
        self.section = index
        section = self.doc.sections[index]
        self.reading = section.start
        self.view.load(
            self.doc.text[section.start : section.end],
            section.start,
            self.doc.spans_in(index),
            skipped=self.doc.skipped(index),
            current=span.id if span else None,
            following=self.doc.following(index),
            uncertain=self.doc.uncertain,
        )
        heading = Text(visible(strip_markup_heading(self.doc.heading(index))), style="bold")
        heading.append(skipped_note(section.kind), style="italic")
        heading.append(page_note(section.pages), style="dim")
        self.query_one("#heading", Static).update(heading)
        self.set_current(span)

    def set_current(self, span: SpanView | None) -> None:
        """Make a span current; the cursor goes to its start (or the section's), visible at once."""
        self.current = span.id if span else None
        if self.view.selection_anchor is None:
            if span is not None:
                self.caret = span.start
            elif self.doc is not None and not self.view.base <= self.caret <= self.view.end:
                self.caret = self.view.base
            self.view.set_caret(self.caret, scroll=False)
        self.view.set_current(self.current)
        self._show_panel()
        self._show_status()
        # The place is saved once the reviewer stops moving for a moment, not on every key.
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(0.5, self.save_position)

    def save_position(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.doc is None:
            return
        reviewer, doc_id, current = self.pizhu.reviewer, self.doc.id, self.current

        def write(store: Store, seen: object) -> None:
            workspace.save_position(store, reviewer, doc_id, current)

        # Not a decision: written in turn, never waited for; a newer place replaces a queued one.
        self.writer.submit(Job("place", write, kind="place", key=(reviewer, doc_id)))

    def on_unmount(self) -> None:
        self.save_position()

    def move_to(self, span: SpanView | None, *, none_message: str = "") -> None:
        if span is None:
            if none_message:
                self.say(none_message)
            return
        assert self.doc is not None
        section = self.doc.section_of(span)
        if section != self.section:
            self._end_selection()
            self.show_section(section, span)
        else:
            self.set_current(span)

    @property
    def panel(self) -> SpanPanel:
        return self.query_one(SpanPanel)

    def _show_panel(self) -> None:
        """The current span in the panel (its history comes from the panel's worker)."""
        self.panel.show_span(self.span())

    def _show_status(self) -> None:
        """The status and message lines (``tui.widgets.status_line``)."""
        ids = self.pizhu.document_ids()
        status = self.query_one("#status", StatusLine)
        if self.loading_doc is not None:
            status.show_loading(ids.index(self.loading_doc) + 1 if self.loading_doc in ids else 0, len(ids))
            return
        if self.doc is None:
            return
        document = self.doc.document
        position = ids.index(document.id) + 1 if document.id in ids else 0
        width = max(self.size.width - 2, 10)
        section = (self.section + 1, len(self.doc.sections))
        pending = self.committed_pending()
        status.show(status_text(document, (position, len(ids)), section, pending, self.doc.labels, width))
        self.query_one("#message", MessageLine).show(self.message_line(), width)

    def message_line(self) -> str:
        """The message, and whether the write it tells of is saved yet."""
        job = self._message_job
        if job is not None and job in self.writer.unsaved():
            return f"{self.message} · saving…"
        return self.message

    def say(self, message: str, job: Job | None = None) -> None:
        self.message = message
        self._message_job = job
        self._show_status()

    def committed_pending(self) -> int:
        """Pending spans as the database has them: a decision still being written is not done yet."""
        assert self.doc is not None
        return sum(1 for s in self.doc.spans if self.writer.committed(s).status == PENDING)

    def writes_changed(self) -> None:
        """The writer wrote, refused or waits: the counts, the message and the save line."""
        if self.doc is not None and self.is_attached:
            self._show_status()
            self.query_one(SaveLine).show()
            if self.is_current:
                self.on_screen_resume()  # decisions of another screen written just now

    # --- decisions --------------------------------------------------------------------

    def decide(self, action: str, what: str = "", *, span_id: int | None = None, **fields: Any) -> SpanView | None:
        """Bind a decision to a span as shown now (the current one, or ``span_id``: the span a
        dialog was opened on) and hand it to the writer; the span is drawn as it will be.
        Returns that version, or None when the span cannot be decided now (said why)."""
        span = self.span() if span_id is None else self.doc.get(span_id) if self.doc else None
        if span is None or self.doc is None:
            self.say("no span here")
            return None
        if not self.can_decide([span]):
            return None
        reviewer = self.pizhu.reviewer
        new = predicted(span, action, self.doc.text, **fields)
        what = what or f"{action} {described(span)}"
        self._message_job = self.submit(what, [span], [new], decide_write(span.id, reviewer, action, **fields))
        return new

    def can_decide(self, spans: list[SpanView]) -> bool:
        """Whether spans may be decided now: not while an undo is being written (which spans
        it changes is known only then), nor a span a split or merge being written takes away."""
        if self.writer.undoing():
            self.say("wait: the undo is being saved")
            return False
        if any(s.id in self._frozen for s in spans):
            self.say("wait: this span is being split or merged")
            return False
        return True

    def submit(
        self,
        what: str,
        spans: list[SpanView],
        shown: list[SpanView],
        write: Callable[[Store, dict[int, SpanState]], Any],
        saved: Callable[[Job, Any], None] | None = None,
    ) -> Job:
        """Queue a write that decides ``spans`` (each bound to the version on screen, or to what
        the write before it on that span leaves) and draw ``shown`` until it is written."""
        writer = self.writer
        job = Job(
            what,
            write,
            saved=saved or self.saved,
            refused=self.refused,
            spans=bound(writer, spans),
            shown={s.id: s for s in shown},
        )
        writer.submit(job, base=[s for s in spans if not writer.in_flight(s.id)])
        for span in shown:
            self.show_span(span)
        return job

    def show_span(self, span: SpanView) -> None:
        """Draw a span's new version (being written, or just written): text, panel, word edges."""
        assert self.doc is not None
        if span.document_id != self.doc.id:
            return
        self.doc.replace(span)
        self.view.update_spans([span])
        self.panel.forget([span.id])
        if self.doc.section_of(span) == self.section:
            self.reading = span.end
        self._span_edges()
        if span.id == self.current:
            self._show_panel()

    def own_change(self) -> None:
        """A write of this screen's committed and is drawn: progress moves on, and this
        report's spans need no reading again for it (see ``on_screen_resume``)."""
        in_step = self._synced == self.pizhu.progress_version
        self.pizhu.progress_changed()
        if in_step:
            self._synced = self.pizhu.progress_version

    def saved(self, job: Job, result: Any) -> None:
        """A write committed: the spans it decided are shown as the database has them now
        (unless a later write on one is queued: that one's version stays drawn)."""
        self.own_change()
        views = [result] if isinstance(result, SpanView) else [v for v in result or () if isinstance(v, SpanView)]
        if self.doc is not None and self.is_attached:
            for view in views:
                if not self.writer.in_flight(view.id) and self.doc.get(view.id) is not None:
                    self.show_span(view)

    def refused(self, job: Job, error: StoreError) -> None:
        """A write the database refused (the span changed since it was shown, or was withdrawn):
        nothing was written; the spans are shown as the database has them and the message says so."""
        if self.doc is None or not self.is_attached:
            self.app.notify(f"not saved: {job.what}: {error}", severity="error")
            return
        store = self.pizhu.store
        if any(not store.has_span(span_id) for span_id in job.spans):
            self.pizhu.forget_progress()
            self.open_document(self.doc.id, self.current)
            self.say("not saved: the candidates changed (extracted again elsewhere): document reloaded")
            return
        for span_id in job.spans:
            if not self.writer.in_flight(span_id):
                view = store.span(span_id, self.pizhu.reviewer)
                if view.document_id == self.doc.id and (self.doc.get(span_id) is not None or view.visible):
                    self.show_span(view)
        if isinstance(error, UnchangedError):
            self.say(str(error))  # "already confirmed": nothing to save, the log stays as it is
            return
        self.say(f"not saved: {job.what}: {error}")

    def refresh_spans(self, prefer: int | None = None, *, then: Callable[[], None] | None = None) -> None:
        """Read this document's spans again after a change to many (a batch, its undo), in a
        worker like a document load; the current span is then ``prefer`` if shown, else the
        one before, else the section's first pending, and ``then`` runs."""
        assert self.doc is not None
        self._then = then
        self._load_token += 1
        self.loading_doc = self.doc.id
        self._show_status()
        self.read_spans(self._load_token, self.doc.id, prefer, self.pizhu.progress_version)

    @work(thread=True, exclusive=True, group="document", exit_on_error=False)
    def read_spans(self, token: int, doc_id: int, prefer: int | None, version: int) -> None:
        try:
            store = self.pizhu.reading_store()
            spans = store.spans(doc_id, self.pizhu.reviewer)
            tags = store.tags()
        except StoreError as exc:
            self.post_message(self.SpansRead(token, doc_id, None, prefer, str(exc), version))
            return
        self.post_message(self.SpansRead(token, doc_id, spans, prefer, "", version, tags))

    @on(SpansRead)
    def spans_arrived(self, event: SpansRead) -> None:
        if event.token != self._load_token or self.doc is None or self.doc.id != event.doc_id:
            return
        self.loading_doc = None
        if event.spans is None:
            self.say(f"spans not read again: {event.error} (R: reload)")
            return
        self._synced = event.version
        self.tags = event.tags
        self.show_spans(self.writer.overlay(event.spans), event.prefer)
        then, self._then = self._then, None
        if then is not None:
            then()

    def show_spans(self, spans: list[SpanView], prefer: int | None, *, changed: set[int] | None = None) -> None:
        """Show the document's spans after many changed: the section of ``prefer`` (else the
        current span, else this section's first pending span). ``changed``: the spans whose
        history is stale (None: any)."""
        assert self.doc is not None
        self.doc.set_spans(spans)
        self.panel.forget(changed)
        self._span_edges()
        span = next((self.doc.get(i) for i in (prefer, self.current) if i is not None and self.doc.get(i)), None)
        if span is None:
            span = self.doc.first(self.section, pending=True, show_skipped=True) or self.doc.first(
                self.section, show_skipped=True
            )
        self._end_selection()
        self.show_section(self.doc.section_of(span) if span else self.section, span)

    def action_confirm(self) -> None:
        self._decide_and_move("confirm")

    def action_reject(self) -> None:
        self._decide_and_move("reject")

    def _decide_and_move(self, action: str) -> None:
        span = self.decide(action)
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
        fields: dict[str, Any] = {"label": label} if label != span.label else {}
        if (start, end) != (span.start, span.end):
            fields |= {"start": start, "end": end}
        action = "boundary" if "start" in fields else "label"
        new = self.decide(action, **fields)
        if new is not None:
            self.message = f"took the other reading: {label} “{visible(self.doc.text[start:end] if self.doc else '')}”"
            self.next_pending()

    def action_skip(self) -> None:
        self.message = "skipped"
        self.next_pending()

    def next_pending(self) -> None:
        """The next pending span of this document (on, then from its top); never into another document.

        Captions and boilerplate come after the body (``b`` takes them in on the way): their
        spans are gold too, so when the body is done the reader walks into them, and the
        report is done only when they are (``store.progress``, the one definition of a
        finished report). Then the reviewer is told and stays: the next document is one key
        (``}``) away, and no span is decided unseen.
        """
        assert self.doc is not None
        doc = self.doc
        span = doc.step(
            self.current, 1, offset=self.caret, pending=True, show_skipped=self.show_skipped, here=self.section
        ) or doc.first(pending=True, show_skipped=self.show_skipped)
        if span is None and not self.show_skipped:
            span = doc.step(self.current, 1, offset=self.caret, pending=True, show_skipped=True) or doc.first(
                pending=True, show_skipped=True
            )
            if span is not None:
                kind = doc.sections[doc.section_of(span)].kind
                self.message = f"{self.message} · body done, now the {kind}s".lstrip(" ·")
        if span is not None:
            self.move_to(span)
            return
        done = doc.progress()  # store.progress: the whole report, every label and section
        if done.finished:
            self.say("document done · }: next document", self._message_job)
        elif done.undecided:
            self.say(
                f"not finished: {done.undecided} candidate(s) of other labels pending (f, 0: every label)",
                self._message_job,
            )
        else:
            self.say("nothing decided in this report, so it is not finished · }: next document", self._message_job)
        self._show_panel()

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
            self.count_alike(action, span, set(self.pizhu.document_ids()))
            return

        def done(where: str | None) -> None:
            if where == "here":
                self.bulk(action, here, what, where)
            elif where == "everywhere":
                self.say(f"counting pending {what} in every report…")
                self.count_alike(action, span, set(self.pizhu.document_ids()))

        question = f"{action} {len(here)} × {what} in this report?"
        hint = "y: yes · n: no · w: count them in every report"
        self.app.push_screen(Confirm(question, {"y": "here", "n": "", "w": "everywhere"}, hint), done)

    @on(PizhuScreen.AlikeCounted)
    def counted(self, event: PizhuScreen.AlikeCounted) -> None:
        what = described(event.span)
        if not event.alike:
            self.say(f"no pending {what} left to {event.action}")
            return

        def done(answer: str | None) -> None:
            if answer is not None:
                self.bulk(event.action, event.alike, what, "everywhere")
            else:
                self.say("nothing done")

        self.app.push_screen(Confirm(f"{event.action} {len(event.alike)} × {what} in all reports?"), done)

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

        shown = [predicted(s, action, self.doc.text) for s in spans if s.document_id == self.doc.id]
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
        span = self.span()
        if span is None:
            self.say("no span here")
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
        span = self.span()
        if span is None:
            self.say("no span here")
            return
        if not span.tags:
            self.say("this span has no tags (t adds one)")
            return

        def done(tag: str | None) -> None:
            if tag:
                new = self.decide("untag", span_id=span.id, tag=tag)
                if new is not None:
                    self.say(f"tag {visible(tag)} removed", self._message_job)

        self.app.push_screen(Choice(f"Remove a tag from “{visible(span.text)}”", list(span.tags)), done)

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

    def go_to_section(self, index: int) -> None:
        """Show a section; the current span moves into it (its first pending one), or there is none."""
        assert self.doc is not None
        self._end_selection()
        span = self.doc.first(index, pending=True, show_skipped=True) or self.doc.first(index, show_skipped=True)
        self.caret = self.doc.sections[index].start
        self.show_section(index, span)

    def action_next_document(self) -> None:
        self._document(1)

    def action_previous_document(self) -> None:
        self._document(-1)

    def _document(self, direction: int) -> None:
        # From the document being loaded, if any: } } } goes three documents on.
        here = self.loading_doc if self.loading_doc is not None else self.doc.id if self.doc is not None else None
        ids = self.pizhu.document_ids()
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
        new = self.decide("label", label=LABELS[index])
        if new is not None:
            self.say(f"label {new.label}", self._message_job)
            if self.doc is not None and self.doc.get(new.id) is None:
                self.say(f"label {new.label} (hidden by the label filter)", self._message_job)
                self.next_pending()

    def action_pick_label(self) -> None:
        span = self.span()
        if span is None:
            self.say("no span here")
            return

        def chosen(label: str | None) -> None:
            if label is not None and self.current == span.id:
                self.action_set_label(LABELS.index(label))

        self.app.push_screen(LabelPicker(span.label), chosen)

    def action_edit(self) -> None:
        span = self.span()
        if span is None:
            self.say("no span here")
            return

        def done(attrs: dict[str, Any] | None) -> None:
            if attrs is not None:
                new = self.decide("attrs", span_id=span.id, attrs=attrs)
                if new is not None:
                    self.say(f"attributes of “{visible(new.text)}”", self._message_job)

        # The dialog docks at the edge away from the span, so the sentence stays readable.
        line = self.view.line_of(span.start) - self.view.scroll_offset.y
        top = line >= max(self.view.size.height, 1) // 2
        self.app.push_screen(AttributeForm(dict(span.attrs), span.text, top=top), done)

    def action_tag(self) -> None:
        span = self.span()
        if span is None:
            self.say("no span here")
            return

        def done(tag: str | None) -> None:
            if tag:
                new = self.decide("tag", span_id=span.id, tag=tag)
                if new is not None:
                    if tag not in self.tags:
                        bisect.insort(self.tags, tag)  # as the tags table will list it
                    self.say(f"tagged {tag}", self._message_job)

        # The tags were read with the spans, in a worker: no database read on the key path.
        self.app.push_screen(
            TextPrompt("Tag", suggestions=list(self.tags), hint="→: accept completion · enter: tag"), done
        )

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
        span = self.span()
        if span is None:
            self.say("no span here")
            return
        if key_id in WORD_MOVES and not self.words_needed():
            return
        target = self.boundary_target(key_id, span.start, span.end)
        if target is None or target == (span.start, span.end):
            self.say("a span keeps at least one character, inside the document")
            return
        new = self.decide("boundary", start=target[0], end=target[1])
        if new is not None:
            self.say(f"now “{visible(new.text)}”", self._message_job)
            self.set_current(new)

    # --- the cursor and adding a missed span ------------------------------------------

    def caret_target(self, motion: str, offset: int) -> int:
        """Where a cursor key takes the cursor from ``offset``, inside this section."""
        view = self.view
        if motion in LINE_MOTIONS:
            if not view.lines:
                return offset
            if motion in ("up", "down"):
                return view.offset_on_line(offset, -1 if motion == "up" else 1)
            start, end = view.lines[view.line_of(offset)]
            return view.base + (start if motion == "line_start" else end)
        edges = (e for sp in self.doc.all_spans() for e in (sp.start, sp.end)) if self.doc is not None else ()
        return caret_target(motion, offset, view.base, view.end, self.words, edges)

    def hint_targets(self, caret: int) -> dict[int, str]:
        """Jump labels for the word starts on screen, the nearest to ``caret`` with one letter.

        Prefix-free: when more than 26 places are on screen, the last letters start two-letter
        labels, given to the places furthest from the cursor."""
        assert self.doc is not None
        words = self.words or Words(self.doc.text)
        lo, hi = self.view.visible_range()
        places = hint_places(self.doc.text, words, lo, hi, caret)
        while True:
            hints = hint_labels(places)
            crowded = self.view.crowded(hints)
            if not crowded:
                return hints
            # No room for their labels beside them: no label (fewer labels, shorter ones).
            places = [at for at in places if at not in crowded]

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
        anchor, end = self.selection_start(caret)
        self.view.set_match(None)
        self.view.set_anchor(anchor)
        self.view.set_caret(end)
        self.caret = end
        self.selection_hint()

    def action_select_clause(self) -> None:
        if self.view.selection_anchor is not None:
            self.action_finish_selection()
            return
        assert self.doc is not None
        words = self.words or Words(self.doc.text)
        caret = self.view.caret if self.view.caret is not None else self.caret
        end = words.next_punctuation(caret, self.view.end)
        self.view.set_match(None)
        self.view.set_anchor(caret)
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

    def _end_selection(self) -> None:
        self.view.set_anchor(None)

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

    # --- undo, search, go to ----------------------------------------------------------

    def action_undo(self) -> None:
        self._undo_redo(UNDO)

    def action_redo(self) -> None:
        self._undo_redo(REDO)

    def _undo_redo(self, which: Undo) -> None:
        """An undo can take back a whole batch (a bulk action, a split, a merge): the store gives
        every span it touched, and those in this report are swapped in, nothing read again. A
        batch only in another report opens that report on the span it took back. It is written
        after every decision before it; until then decisions wait ("the undo is being saved")."""
        assert self.doc is not None

        def saved(job: Job, spans: Any) -> None:
            if not spans:
                if self.is_attached:
                    self.say(which.nothing)
                return
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

        job = self.writer.submit(undo_job(which, self.pizhu.reviewer, saved, self.refused))
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
        inside = [s for s in self.doc.spans_in(index) if s.start <= found < s.end]
        span = min(inside, key=lambda s: s.end - s.start) if inside else None
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
