"""Plain frozen dataclasses that cross the boundaries between extract/, store/ and tui/.

Offsets are always Unicode code points into a document's *normalized* text, end
exclusive, so ``text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pizhu.extract.layout import Layout

LABELS: tuple[str, ...] = ("FIGURE", "DATE", "PERSON", "ORG", "GPE", "TITLE", "MEETING", "SLOGAN")
APPROX: tuple[str, ...] = ("exact", "over", "under", "about")
SECTION_KINDS: tuple[str, ...] = ("body", "caption", "boilerplate", "table")


@dataclass(frozen=True)
class Normalized:
    """A normalized text and, for every code point of it, the raw code point it came from."""

    text: str
    raw_offsets: Sequence[int]
    """``raw_offsets[i]`` is the index in the raw text of the character behind ``text[i]``;
    one extra trailing entry maps the end of the text (``len(text)``) to ``len(raw)``."""

    def to_raw(self, offset: int) -> int:
        """Map a normalized offset (0..len(text)) back to an offset in the raw text."""
        return self.raw_offsets[offset]

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span to the raw span covering the same characters."""
        if end <= start:
            raw = self.raw_offsets[start]
            return raw, raw
        return self.raw_offsets[start], self.raw_offsets[end - 1] + 1


@dataclass(frozen=True)
class Section:
    """A stretch of a document under one heading."""

    ordinal: int
    heading: str
    start: int
    end: int
    kind: str = "body"
    pages: tuple[int, ...] = ()
    """Provenance: the pages of the source file the section's text stands on (PDF), else empty."""


@dataclass(frozen=True)
class Span:
    """A labelled stretch of normalized text, proposed by the machine or marked by a person."""

    start: int
    end: int
    label: str
    text: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)
    rule: str = ""
    confidence: float = 1.0
    source: str = "rules"
    """Which proposer made it: ``rules``, ``lac``, ``trained:NAME`` (several joined by ``+``), or ``human``."""
    alternative: str = field(default="", compare=False)
    """Another proposer's different reading of this stretch (``LABEL start-end``), which the
    store shows as a flag the reviewer can take with one key (``store.train.with_model``)."""

    @property
    def value(self) -> Any:
        return self.attrs.get("value")

    @property
    def unit(self) -> str | None:
        return self.attrs.get("unit")

    @property
    def approx(self) -> str | None:
        return self.attrs.get("approx")

    @property
    def metric(self) -> str | None:
        return self.attrs.get("metric")


@dataclass(frozen=True)
class DocumentDraft:
    """One report cut out of an imported file, normalized and sectioned, not yet stored."""

    raw: str
    normalized: Normalized
    sections: tuple[Section, ...]
    title: str = ""
    organisation: str = ""
    year: int | None = None
    script: str = "simplified"
    part: int = 0
    layout: Layout | None = None
    """What the file's layout said (PDF, HTML, DOCX): blocks in this report's raw offsets."""
    date: str = ""
    """``YYYY-MM-DD`` the file states for itself (a web page's publication date), or ``""``."""
    page_map: tuple[tuple[int, int], ...] = ()
    """(start, page): from ``start`` (a normalized offset) on, the text stands on ``page`` (a PDF's)."""

    @property
    def text(self) -> str:
        return self.normalized.text
