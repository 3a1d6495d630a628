"""One document as the reader holds it in memory: text, sections and the reviewer's spans.

Plain Python, no Textual: the reader screen asks this where the next span or section
is, and swaps in the one span a decision changed instead of reloading the document.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from pizhu.store import review
from pizhu.store.db import Store
from pizhu.store.progress import Progress, progress_of
from pizhu.store.records import PENDING, REMOVED, Change, SpanView, StoredDocument, StoredSection

SKIPPED_KINDS = frozenset({"caption", "boilerplate"})


def skipped_note(kind: str) -> str:
    """What a section's heading adds for a caption or boilerplate (none for the body): its kind.
    Their spans are gold too: the reader takes them after the body, never "skipped"."""
    return f"  [{kind}]" if kind != "body" else ""


def page_note(pages: tuple[int, ...]) -> str:
    """What a section's heading adds for the pages of the file it stands on (none for a text file)."""
    if not pages:
        return ""
    return f"  p. {pages[0]}" if len(pages) == 1 else f"  pp. {pages[0]}–{pages[-1]}"


@dataclass(frozen=True)
class PreviewSection:
    """A section after the one on screen, as the reader previews it under a short section."""

    index: int
    heading: str  # as stored (markup and all): the view draws it
    kind: str
    base: int
    text: str  # the section's slice of the document text, starting at ``base``
    spans: list[SpanView]


def _order(span: SpanView) -> tuple[int, int, int]:
    # Outer span first where spans nest (a DATE inside a TITLE), so inner ones paint last.
    return (span.start, -span.end, span.id)


@dataclass
class LoadedDocument:
    document: StoredDocument
    sections: list[StoredSection]
    spans: list[SpanView] = field(default_factory=list)
    uncertain: list[tuple[int, int]] = field(default_factory=list)
    """(start, end) of the words OCR read with a confidence under ``LOW_CONFIDENCE``: shown dim."""

    @classmethod
    def load(cls, store: Store, doc_id: int, reviewer: str, labels: frozenset[str] | None = None) -> LoadedDocument:
        document = store.document(doc_id)
        sections = store.sections(doc_id)
        if not sections:
            # A report without headings still reads as one section.
            sections = [StoredSection(0, doc_id, 0, document.title, 0, len(document.text), "body")]
        loaded = cls(document, sections, labels=labels)
        loaded.set_spans(store.spans(doc_id, reviewer))
        if document.ocr:
            from pizhu.store.sources.ocr import LOW_CONFIDENCE

            low = [(start, end) for start, end, confidence in store.ocr_words(doc_id) if confidence < LOW_CONFIDENCE]
            loaded.uncertain = document.offset_map.from_raw_ranges(low)
        return loaded

    labels: frozenset[str] | None = None

    def __post_init__(self) -> None:
        self._section_starts = [s.start for s in self.sections]
        self._index: dict[int, int] = {}
        self._all: list[SpanView] = []

    @property
    def id(self) -> int:
        return self.document.id

    @property
    def text(self) -> str:
        return self.document.text

    def set_spans(self, spans: list[SpanView]) -> None:
        """The spans of the document; with a label filter only those labels are kept in view."""
        self._all = sorted((s for s in spans if s.status != REMOVED), key=_order)
        self.spans = [s for s in self._all if self.labels is None or s.label in self.labels]
        self._index = {s.id: i for i, s in enumerate(self.spans)}

    def set_labels(self, labels: frozenset[str] | None) -> None:
        self.labels = labels
        self.set_spans(self._all)

    def all_spans(self) -> list[SpanView]:
        """Every span, the label filter ignored (word edges, the next occurrence)."""
        return self._all

    def get(self, span_id: int) -> SpanView | None:
        index = self._index.get(span_id)
        return None if index is None else self.spans[index]

    def position(self, span_id: int) -> int:
        return self._index.get(span_id, -1)

    def replace(self, span: SpanView) -> None:
        """Swap in a span's new state; a changed boundary, a label the filter hides or a new span re-sorts."""
        index = self._index.get(span.id)
        if (
            index is not None
            and span.status != REMOVED
            and (self.spans[index].start, self.spans[index].end) == (span.start, span.end)
            and (self.labels is None or span.label in self.labels)
        ):
            self.spans[index] = span
            self._all = [span if s.id == span.id else s for s in self._all]
            return
        self.set_spans([s for s in self._all if s.id != span.id] + [span])

    def section_index(self, offset: int) -> int:
        return max(bisect.bisect_right(self._section_starts, offset) - 1, 0)

    def section_of(self, span: SpanView) -> int:
        return self.section_index(span.start)

    def spans_in(self, section_index: int) -> list[SpanView]:
        section = self.sections[section_index]
        lo = bisect.bisect_left(self.spans, section.start, key=lambda s: s.start)
        hi = bisect.bisect_left(self.spans, section.end, key=lambda s: s.start)
        if section_index == len(self.sections) - 1:
            hi = len(self.spans)
        return self.spans[lo:hi]

    def skipped(self, section_index: int) -> bool:
        return self.sections[section_index].kind in SKIPPED_KINDS

    def heading(self, section_index: int) -> str:
        """A section's heading as stored; a section without one reads as the report's title."""
        return self.sections[section_index].heading or self.document.title or "(no heading)"

    def following(self, section_index: int) -> Following:
        """The sections after this one in document order, read lazily (see ``Following``)."""
        return Following(self, section_index)

    def pending(self) -> int:
        return sum(1 for s in self.spans if s.status == PENDING)

    def progress(self) -> Progress:
        """How far the reviewer is with the whole report, the label filter ignored
        (``store.progress``: the one definition of a finished report)."""
        return progress_of(self._all)

    # --- navigation -------------------------------------------------------------------

    def _allowed(self, span: SpanView, show_skipped: bool, here: int | None) -> bool:
        index = self.section_of(span)
        return show_skipped or index == here or not self.skipped(index)

    def step(
        self,
        span_id: int | None,
        direction: int,
        *,
        offset: int = 0,
        pending: bool = False,
        show_skipped: bool = False,
        here: int | None = None,
    ) -> SpanView | None:
        """The next (1) or previous (-1) span after ``span_id`` in reading order, or None.

        Without a current span the walk starts at ``offset``. ``here`` is the section on
        screen: its spans are reachable even when its kind is skipped, so a reviewer who
        went to a caption on purpose can work in it.
        """
        position = self.position(span_id) if span_id is not None else -1
        if position < 0:
            first_after = bisect.bisect_left(self.spans, offset, key=lambda s: s.start)
            position = first_after - 1 if direction > 0 else first_after
        index = position + direction
        while 0 <= index < len(self.spans):
            span = self.spans[index]
            if (not pending or span.status == PENDING) and self._allowed(span, show_skipped, here):
                return span
            index += direction
        return None

    def first(
        self, section_index: int | None = None, *, pending: bool = False, show_skipped: bool = False
    ) -> SpanView | None:
        """The first (pending) span of a section, or of the document when None."""
        spans = self.spans if section_index is None else self.spans_in(section_index)
        here = section_index
        for span in spans:
            if (not pending or span.status == PENDING) and self._allowed(span, show_skipped, here):
                return span
        return None

    def next_section(self, index: int, direction: int, *, show_skipped: bool = False) -> int | None:
        index += direction
        while 0 <= index < len(self.sections):
            if show_skipped or not self.skipped(index):
                return index
            index += direction
        return None

    def first_readable_section(self) -> int:
        return next((i for i in range(len(self.sections)) if not self.skipped(i)), 0)

    def find(self, needle: str, offset: int) -> int | None:
        """Offset of the next match of ``needle`` at or after ``offset``, wrapping around."""
        if not needle:
            return None
        found = self.text.find(needle, offset)
        if found < 0:
            found = self.text.find(needle)
        return None if found < 0 else found


@dataclass(frozen=True)
class Following:
    """The sections after one, in document order, captions and boilerplate included.

    Iterable again and lazy: each pass reads the document as it is then (its spans after a
    bulk action), and a view that fills a few rows takes a few sections, not the report's hundreds.
    """

    document: LoadedDocument
    section_index: int

    def __iter__(self) -> Iterator[PreviewSection]:
        doc = self.document
        for index in range(self.section_index + 1, len(doc.sections)):
            section = doc.sections[index]
            yield PreviewSection(
                index,
                doc.heading(index),
                section.kind,
                section.start,
                doc.text[section.start : section.end],
                doc.spans_in(index),
            )


def predicted(span: SpanView, change: Change, text: str) -> SpanView:
    """The span as a change will leave it, drawn while the decision is being written.

    Worked out by ``store.review.fold`` (the store's own rule) from the version shown and the
    one change, so the screen and the database cannot disagree on what a key does;
    ``text`` is the document's (a boundary move takes its span text from it).
    """
    payload = change.edit(span.start, span.end, text)
    if change.tag:
        payload["tag"] = change.tag
    proposed = span.proposed or span.state()
    proposal = review.Proposal(
        span.origin, proposed["label"], proposed["start"], proposed["end"], proposed["text"], dict(proposed["attrs"])
    )
    shown = review.Entry("shown", span.reviewer, review.SNAPSHOT, cast(dict[str, Any], span.state()), "")
    state = review.fold(proposal, [shown, review.Entry("key", span.reviewer, change.action, payload, "")])
    assert state is not None
    return dataclasses.replace(
        span,
        status=state["status"],
        label=state["label"],
        start=state["start"],
        end=state["end"],
        text=state["text"],
        attrs=dict(state["attrs"]),
        tags=tuple(state["tags"]),
    )


# --- alike spans: what a bulk confirm or reject takes in ------------------------------

EVERYWHERE = 10**9  # the queue's limit when every pending candidate is wanted


def is_alike(span: SpanView, other: SpanView) -> bool:
    """A pending machine candidate with the same text and label as ``span``."""
    return (
        other.status == PENDING and other.origin == "machine" and (other.text, other.label) == (span.text, span.label)
    )


def alike_in(spans: list[SpanView], span: SpanView) -> list[SpanView]:
    """The pending candidates alike ``span`` among a document's spans (``span`` itself if pending)."""
    return [s for s in spans if is_alike(span, s)]


def alike_everywhere(store: Store, reviewer: str, span: SpanView, doc_ids: set[int]) -> list[SpanView]:
    """The reviewer's pending candidates alike ``span`` in every report of the library."""
    return [
        s for s in store.queue(reviewer, span.label, limit=EVERYWHERE) if s.document_id in doc_ids and is_alike(span, s)
    ]
