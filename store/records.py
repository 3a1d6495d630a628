"""What the store hands out: frozen records of stored documents, spans and decisions."""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from typing import Any

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


@dataclass(frozen=True)
class DocumentSummary:
    """One row of the library: a document with its review progress for one reviewer."""

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
    finished: bool = False
    """Every candidate decided by this reviewer (``store.progress``: the one definition)."""


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

    def state(self) -> dict[str, Any]:
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
