"""What the store hands out: frozen records of stored documents, spans and decisions."""

from __future__ import annotations

import bisect
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypedDict

# The states a span can be in for one reviewer, derived from the decision log.
PENDING, CONFIRMED, CORRECTED, REJECTED, ADDED, REMOVED = (
    "pending",
    "confirmed",
    "corrected",
    "rejected",
    "added",
    "removed",
)
DISPUTED = "disputed"
"""Gold view only: reviewers who decided the span gave different versions, and no adjudication yet."""
GOLD_STATUSES = frozenset({CONFIRMED, CORRECTED, ADDED})
ADJUDICATOR_PREFIX = "adjudicator:"
"""The name a verdict is recorded under: ``adjudicator:wang`` is wang adjudicating."""


def is_adjudicator(reviewer: str) -> bool:
    """Whether a name in the log is an adjudicator's (a verdict, not a reviewer's opinion).
    Whether a person may adjudicate is a role in the database (``store.roles.has_role``)."""
    return reviewer.startswith(ADJUDICATOR_PREFIX)


def machine_uid(document_key: str, start: int, end: int, label: str) -> str:
    """A machine candidate's identity: the same proposal in the same source document has the
    same id in every copy, however it got there."""
    return hashlib.sha1(f"{document_key}|{start}|{end}|{label}".encode()).hexdigest()


def adjudicating_name(reviewer: str) -> str:
    """The name ``reviewer``'s verdicts are recorded under."""
    return reviewer if is_adjudicator(reviewer) else f"{ADJUDICATOR_PREFIX}{reviewer}"


@dataclass(frozen=True)
class OffsetMap:
    """Run-length map from normalized offsets to raw offsets, as stored.

    ``runs`` holds ``(normalized_start, raw_start, length)`` triples: inside a run both
    texts advance together.
    """

    runs: tuple[tuple[int, int, int], ...]
    text_length: int
    raw_length: int

    @classmethod
    def from_offsets(cls, offsets: Any, raw_length: int) -> OffsetMap:
        runs: list[tuple[int, int, int]] = []
        n = len(offsets) - 1  # the last entry maps the end of the text
        i = 0
        while i < n:
            start_raw = offsets[i]
            j = i + 1
            while j < n and offsets[j] == start_raw + (j - i):
                j += 1
            runs.append((i, start_raw, j - i))
            i = j
        return cls(tuple(runs), n, raw_length)

    def to_json(self) -> str:
        return json.dumps({"runs": self.runs, "n": self.text_length, "raw": self.raw_length})

    @classmethod
    def from_json(cls, data: str) -> OffsetMap:
        loaded = json.loads(data)
        return cls(tuple(tuple(r) for r in loaded["runs"]), loaded["n"], loaded["raw"])

    def from_raw_ranges(self, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Normalized (start, end) of the characters whose raw offsets fall in each raw
        (start, end); ``ranges`` sorted by start. Characters normalization dropped (an OCR
        space) have no normalized offset; a range left with none is left out."""
        out: list[tuple[int, int]] = []
        for raw_start, raw_end in ranges:
            # Runs are in normalized order, their raw starts non-decreasing: bisect by raw.
            index = max(bisect.bisect_right(self.runs, raw_start, key=lambda run: run[1]) - 1, 0)
            start = end = -1
            while index < len(self.runs) and self.runs[index][1] < raw_end:
                norm, raw, length = self.runs[index]
                lo, hi = max(raw, raw_start), min(raw + length, raw_end)
                if lo < hi:
                    if start < 0:
                        start = norm + lo - raw
                    end = norm + hi - raw
                index += 1
            if start >= 0:
                out.append((start, end))
        return out

    def to_raw(self, offset: int) -> int:
        """Raw offset of the character at normalized ``offset``; ``text_length`` maps to the raw end."""
        if offset >= self.text_length:
            # The end of the text is the end of the raw text: what normalization dropped
            # at the very end (blank lines, a trailing gloss) still belongs to the last section.
            return self.raw_length
        index = bisect.bisect_right(self.runs, (offset, float("inf"), 0)) - 1
        norm, raw, _length = self.runs[index]
        return raw + (offset - norm)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1


@dataclass(frozen=True)
class StoredSection:
    id: int
    document_id: int
    ordinal: int
    heading: str
    start: int
    end: int
    kind: str
    pages: tuple[int, ...] = ()
    """Pages of the source file (a PDF) the section stands on; empty for text files."""


@dataclass(frozen=True)
class StoredDocument:
    id: int
    source: str
    part: int
    content_hash: str
    encoding: str
    script: str
    title: str
    organisation: str
    year: int | None
    text: str
    raw: str
    offset_map: OffsetMap
    imported_at: str
    source_hash: str = ""
    date: str | None = None
    """``YYYY-MM-DD`` the source file states for itself (a web page's date), or None."""
    ocr: bool = False
    """Whether the text was read by OCR (its words' confidences: ``Store.ocr_confidences``)."""

    @property
    def when(self) -> str:
        """The date where the file states one, else the year, else ``""``: what the app shows."""
        return self.date or (str(self.year) if self.year else "")

    page_map: tuple[tuple[int, int], ...] = ()
    """(start, page) entries: from ``start`` on, the text stands on ``page`` of the file (a PDF)."""

    def page_at(self, offset: int) -> int | None:
        """The page of the file the text at ``offset`` stands on; None for a file without pages."""
        index = bisect.bisect_right(self.page_map, (offset, float("inf"))) - 1
        return self.page_map[index][1] if index >= 0 else None


class DocumentSummary(NamedTuple):
    """One row of the library: a document with its review progress for one reviewer.

    A named tuple, frozen like the other records: the library builds one per report on
    every open (100,000 at scale), and a tuple is made several times faster than a frozen
    dataclass, which sets each field through ``object.__setattr__``."""

    id: int
    source: str
    title: str
    organisation: str
    year: int | None
    sections: int
    candidates: int
    reviewed: int
    assigned: bool = False
    """Whether the document is in this reviewer's share (``Store.assign``)."""
    date: str | None = None
    """``YYYY-MM-DD`` the source file states for itself, or None."""

    @property
    def when(self) -> str:
        """The date where the file states one, else the year, else ``""``: what the library shows."""
        return self.date or (str(self.year) if self.year else "")

    finished: bool = False
    """Every candidate decided by this reviewer (``store.progress``: the one definition)."""


class SpanState(TypedDict):
    """A span as one reviewer has it: what a decision records (``before`` / ``after``), what a
    write is bound to (the version the reviewer saw), and one reviewer's version in a dispute."""

    status: str
    label: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any]
    tags: list[str]


@dataclass(frozen=True)
class SpanView:
    """A span as one reviewer currently sees it: the machine proposal plus their decisions."""

    id: int
    document_id: int
    origin: str
    label: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any]
    tags: tuple[str, ...]
    status: str
    rule: str
    confidence: float
    extractor_version: str
    reviewer: str = ""
    decided_at: str = ""
    proposed: dict[str, Any] = field(default_factory=dict, compare=False)
    source: str = "rules"
    """Who proposed it: ``rules``, ``lac``, ``trained:NAME`` (joined by ``+`` when several agree), ``human``."""
    flag: str = ""
    """Why the span asks for another look (``text changed``, ``ruling changed``), or empty."""
    reviewers: tuple[str, ...] = ()
    """Gold view: the reviewers behind this version (who accepted it, or who disagree)."""
    differences: tuple[str, ...] = ()
    """Gold view: what the reviewers' versions differ on (accept, label, boundary, attrs, tags)."""
    guidelines: str = ""
    """The guidelines version the reviewer's latest decision was made under."""

    @property
    def is_gold(self) -> bool:
        return self.status in GOLD_STATUSES

    @property
    def visible(self) -> bool:
        return self.status != REMOVED

    @property
    def disputed(self) -> bool:
        return self.status == DISPUTED

    def state(self) -> SpanState:
        """The part of a span a decision records (``before`` / ``after``)."""
        return {
            "status": self.status,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "attrs": dict(self.attrs),
            "tags": list(self.tags),
        }


@dataclass(frozen=True)
class Change:
    """One change a reviewer asks for on a span, as a key or a command requests it and before
    the store checks it (``store.review.operation``): the action (confirm, reject, label,
    boundary, attrs, tag, untag, reset, adjudicate) and what it needs. ``Store.decide``,
    ``store.review.decide`` and ``operation`` take it whole, and the reader draws it ahead of
    the write (``tui.model.predicted``), so the fields are listed here only."""

    action: str
    label: str | None = None
    start: int | None = None
    end: int | None = None
    attrs: dict[str, Any] | None = None
    tag: str | None = None

    def moves(self) -> bool:
        """Whether it moves a boundary."""
        return self.start is not None or self.end is not None

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """The span's bounds after it, from its bounds ``start``-``end`` now."""
        return (start if self.start is None else self.start), (end if self.end is None else self.end)

    def edit(self, start: int, end: int, text: str) -> dict[str, Any]:
        """What an edit (label, boundary, attrs) records, on a span at ``start``-``end`` now in a
        document ``text``: the new label, the new bounds with their text, the attributes kept
        (an empty value, and a status, are no attribute)."""
        payload: dict[str, Any] = {}
        if self.label is not None:
            payload["label"] = self.label
        if self.moves():
            new_start, new_end = self.bounds(start, end)
            payload.update(start=new_start, end=new_end, text=text[new_start:new_end])
        if self.attrs is not None:
            payload["attrs"] = {k: v for k, v in self.attrs.items() if v is not None and v != "" and k != "status"}
        return payload


@dataclass(frozen=True)
class Decision:
    """One row of the append-only decision log."""

    id: int
    span_id: int
    document_id: int
    reviewer: str
    action: str
    before: dict[str, Any]
    after: dict[str, Any]
    ref: int | None
    at: str
    uid: str = ""
    origin: str = ""
    """The database copy the decision was made on."""
    ref_uid: str | None = None
    """For undo and redo: the decision taken back or brought back."""
    batch: str | None = None
    guidelines: str = ""
