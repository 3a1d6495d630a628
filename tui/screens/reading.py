"""The reader's core: the report on screen, how it is read and drawn, and how a decision on
it is written.

A report is read in a worker (``load_document``) and shown when it arrives; its spans are
read again the same way after a change to many (``refresh_spans``). A decision key is bound
at once to the span on screen (``decide``): its id, the version shown and the action go to
the app's writer (``tui.writer``), which writes them in order off the key path; the screen
draws the span as the decision will leave it, says "saving…" until the write has committed,
and moves on. A key never waits for the database, so the next key is always for the span the
reviewer sees; what the screen shows as saved survives ``kill -9``. After a decision only the
changed span is swapped into the loaded document and restyled.

The keys are in ``tui.screens.reader`` (moving, deciding, searching), ``tui.screens.selecting``
(the cursor, a selection, adding a missed span) and ``tui.screens.correcting`` (labels,
attributes, tags, boundaries, bulk, split and merge).
"""

from __future__ import annotations

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

from pizhu.store import workspace
from pizhu.store.db import Store
from pizhu.store.display import visible
from pizhu.store.errors import StoreError, UnchangedError
from pizhu.store.records import PENDING, Change, SpanState, SpanView
from pizhu.tui.model import LoadedDocument, page_note, predicted, skipped_note
from pizhu.tui.screens.reviewing import ReviewScreen
from pizhu.tui.text import strip_markup_heading
from pizhu.tui.widgets.save_line import SaveLine
from pizhu.tui.widgets.section_view import SectionView
from pizhu.tui.widgets.span_panel import SpanPanel
from pizhu.tui.widgets.status_line import MessageLine, Place, StatusLine
from pizhu.tui.words import Words, jieba_boundaries
from pizhu.tui.writer import Job, Writer
from pizhu.tui.writes import bound, decide_write, described

# From this width the span panel sits beside the text instead of below it; below it the
# text keeps the whole width (at 120 columns a side panel left a 76-cell text column).
WIDE = 150

# What the keys may do while a document is read (see ReadingScreen.check_action).
WHILE_LOADING = frozenset({"next_document", "previous_document", "cancel"})


class ReadingScreen(ReviewScreen):
    """One report, one section at a time, its spans highlighted, the current span in a panel."""

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

    @dataclass
    class RefusedRead(Message):
        """The spans of a write the database refused, read again in a worker (None: gone)."""

        job: Job
        error: StoreError
        views: dict[int, SpanView | None]

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

    def span_here(self) -> SpanView | None:
        """The current span; None, and the message says so, when there is none."""
        span = self.span()
        if span is None:
            self.say("no span here")
        return span

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
        """The status and message lines (``tui.widgets.status_line``; the status line finds
        the report's place among the reports itself)."""
        status = self.query_one("#status", StatusLine)
        if self.loading_doc is not None:
            status.show_place(Place(self.loading_doc))
            return
        if self.doc is None:
            return
        section = (self.section + 1, len(self.doc.sections))
        status.show_place(Place(self.doc.id, self.doc.document, section, self.committed_pending(), self.doc.labels))
        self.query_one("#message", MessageLine).show(self.message, self._message_job)

    def say(self, message: str, job: Job | None = None) -> None:
        self.message = message
        self._message_job = job
        self._show_status()

    def tell(self, message: str, job: Job | None = None) -> None:
        if self.is_attached:
            self.say(message, job)

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

    def decide(self, change: Change, *, span_id: int | None = None) -> SpanView | None:
        """Bind a change to a span as shown now (the current one, or ``span_id``: the span a
        dialog was opened on) and hand it to the writer; the span is drawn as it will be.
        Returns that version, or None when the span cannot be decided now (said why)."""
        span = self.span() if span_id is None else self.doc.get(span_id) if self.doc else None
        if span is None or self.doc is None:
            self.say("no span here")
            return None
        if not self.can_decide([span]):
            return None
        reviewer = self.pizhu.reviewer
        new = predicted(span, change, self.doc.text)
        what = f"{change.action} {described(span)}"
        self._message_job = self.submit(what, [span], [new], decide_write(span.id, reviewer, change))
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
        nothing was written; its spans are read again in a worker (``refused_read``)."""
        if self.doc is None or not self.is_attached:
            self.app.notify(f"not saved: {job.what}: {error}", severity="error")
            return
        self.read_refused(job, error)

    @work(thread=True, group="refused", exit_on_error=False)
    def read_refused(self, job: Job, error: StoreError) -> None:
        store, reviewer = self.pizhu.reading_store(), self.pizhu.reviewer
        views = {i: store.span(i, reviewer) if store.has_span(i) else None for i in job.spans}
        self.post_message(self.RefusedRead(job, error, views))

    @on(RefusedRead)
    def refused_read(self, event: RefusedRead) -> None:
        """The spans of a refused write as the database has them: shown, and the message says
        why nothing was saved."""
        job, error = event.job, event.error
        if self.doc is None or not self.is_attached:
            self.app.notify(f"not saved: {job.what}: {error}", severity="error")
            return
        if any(view is None for view in event.views.values()):
            self.pizhu.forget_progress()
            self.open_document(self.doc.id, self.current)
            self.say("not saved: the candidates changed (extracted again elsewhere): document reloaded")
            return
        for span_id, view in event.views.items():
            if view is not None and not self.writer.in_flight(span_id):
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

    def go_to_section(self, index: int) -> None:
        """Show a section; the current span moves into it (its first pending one), or there is none."""
        assert self.doc is not None
        self._end_selection()
        span = self.doc.first(index, pending=True, show_skipped=True) or self.doc.first(index, show_skipped=True)
        self.caret = self.doc.sections[index].start
        self.show_section(index, span)

    def _end_selection(self) -> None:
        self.view.set_anchor(None)
