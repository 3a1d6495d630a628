"""Word and punctuation boundaries of a text, for the reader's word-wise cursor and span edges.

Plain Python, no Textual. Without jieba the words are runs between punctuation,
whitespace, changes of script (CJK, Latin letters, digits) and the edges of the spans
on the text; ``jieba_boundaries`` adds jieba's tokens, and is slow only on first use
(the dictionary loads: ``load_words``, which the app calls in a worker at start). The reader
asks for a report's words in a worker as it opens; its word keys wait for them.
"""

from __future__ import annotations

import bisect
import threading
import unicodedata
from collections.abc import Iterable

_lock = threading.Lock()
_tokenizer: object | None = None


def is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS" or char in "　"


def _kind(char: str) -> str:
    if char.isspace():
        return " "
    if is_punctuation(char):
        return "p"
    if char.isdigit():
        return "d"
    if char.isascii() and char.isalpha():
        return "a"
    return "c"


# A date's own characters: 2023年, 6月, 24日 read as one word with their digits.
_DATE_UNITS = frozenset("年月日")
# Between digits (or a date's unit and a digit) these join a range, a decimal, a time or a
# date into one word: 1949-1954, 2004年~2010年, 2.5, 10:30, 2023/5/1.
_JOINERS = frozenset("-~～–—/.:")


def joined(text: str) -> set[int]:
    """Offsets inside a date, a range, a decimal or a time: no word edge there, whatever the
    script changes or jieba say (one word key moves over 1949-1954, not three)."""
    inside: set[int] = set()
    for i in range(1, len(text)):
        before, char = text[i - 1], text[i]
        if before.isdigit() and char in _DATE_UNITS:
            inside.add(i)
        elif (
            char in _JOINERS
            and (before.isdigit() or before in _DATE_UNITS)
            and i + 1 < len(text)
            and text[i + 1].isdigit()
        ):
            inside.update((i, i + 1))
    return inside


def plain_boundaries(text: str) -> set[int]:
    """Offsets where a word starts or ends without a dictionary: script changes and punctuation."""
    found = {0, len(text)}
    for i in range(1, len(text)):
        a, b = _kind(text[i - 1]), _kind(text[i])
        if a != b or a == "p":
            found.add(i)
        # A date ends after its unit, even where jieba reads on (2010年|间, not 2010|年间).
        if i >= 2 and text[i - 1] in _DATE_UNITS and text[i - 2].isdigit():
            found.add(i)
    return found


def load_words() -> object:
    """jieba's tokenizer, its dictionary loaded once per process (about a second)."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import logging

            import jieba

            logging.getLogger("jieba").setLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            _tokenizer = tokenizer
        return _tokenizer


def jieba_boundaries(text: str) -> set[int]:
    """Token edges by jieba, with its HMM: an unknown name (素珍) stays one word for the cursor."""
    tokenizer = load_words()
    found = {0}
    position = 0
    for token in tokenizer.cut(text, HMM=True):  # type: ignore[attr-defined]
        position += len(token)
        found.add(position)
    return found


class Words:
    """Sorted boundaries of one document's text, spans' edges included."""

    def __init__(self, text: str, boundaries: Iterable[int] = ()) -> None:
        self.text = text
        self._joined = joined(text)
        self._base = (plain_boundaries(text) | set(boundaries)) - self._joined
        self._edges: set[int] = set()
        self._sorted = sorted(self._base)

    def with_spans(self, edges: Iterable[int]) -> None:
        # A span's edges are edges even inside a range (a candidate 1954 in 1949-1954).
        self._edges = set(edges)
        self._sorted = sorted(self._base | self._edges)

    def add(self, boundaries: Iterable[int]) -> None:
        self._base |= set(boundaries) - self._joined
        self._sorted = sorted(self._base | self._edges)

    def is_boundary(self, offset: int) -> bool:
        index = bisect.bisect_left(self._sorted, offset)
        return index < len(self._sorted) and self._sorted[index] == offset

    def next(self, offset: int, lo: int = 0, hi: int | None = None) -> int:
        """The first boundary after ``offset`` (not past ``hi``), skipping whitespace-only words."""
        hi = len(self.text) if hi is None else hi
        index = bisect.bisect_right(self._sorted, offset)
        while index < len(self._sorted) and self._sorted[index] <= hi:
            at = self._sorted[index]
            if not self.text[offset:at].isspace():
                return at
            index += 1
        return hi

    def previous(self, offset: int, lo: int = 0) -> int:
        index = bisect.bisect_left(self._sorted, offset) - 1
        while index >= 0 and self._sorted[index] >= lo:
            at = self._sorted[index]
            if not self.text[at:offset].isspace():
                return at
            index -= 1
        return lo

    def word_end(self, offset: int, hi: int | None = None) -> int:
        """The end of the word starting at ``offset``."""
        return self.next(offset, offset, hi)

    def next_punctuation(self, offset: int, hi: int | None = None) -> int:
        hi = len(self.text) if hi is None else hi
        for i in range(offset + 1, hi):
            if is_punctuation(self.text[i]) or self.text[i] == "\n":
                return i
        return hi

    def previous_punctuation(self, offset: int, lo: int = 0) -> int:
        """The start of the clause before ``offset``: just after the punctuation before it."""
        for i in range(offset - 2, lo - 1, -1):
            if is_punctuation(self.text[i]) or self.text[i] == "\n":
                return i + 1
        return lo
