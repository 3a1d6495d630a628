"""The reader's editing math: where a key puts the cursor, a selection or a span's edge.

Plain Python on offsets (code points into the normalized text), no Textual: the reader
screen asks these functions and draws the answer. Words are ``tui.words.Words`` (jieba's
tokens, runs between punctuation, span edges).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from pizhu.extract.models import LABELS
from pizhu.store.records import REJECTED, Change, SpanView
from pizhu.tui.words import Words, is_punctuation

HINT_LETTERS = "asdfghjklqwertyuiopzxcvbnm"

# On an opening quote, v selects what the quotes enclose (quoted slogans are common).
QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "（": "）", "(": ")", '"': '"'}

# Keys that move a span's edge by jieba's words: they wait for them.
WORD_MOVES = frozenset({"start_left", "start_right", "end_left", "end_right"})
# Cursor keys that move by jieba's words: they wait for them.
WORD_MOTIONS = frozenset({"word_left", "word_right"})
# Cursor keys that move by the lines the text is drawn on (the view knows them).
LINE_MOTIONS = frozenset({"up", "down", "line_start", "line_end"})

CARET_MOTIONS = (
    "left",
    "right",
    "up",
    "down",
    "word_left",
    "word_right",
    "next_punctuation",
    "previous_punctuation",
    "line_start",
    "line_end",
    "span_edge_left",
    "span_edge_right",
)


def hint_labels(places: Sequence[int]) -> dict[int, str]:
    """Jump labels for places nearest first: one letter for the nearest, and when more than 26
    places, the last letters start two-letter labels for the furthest (prefix-free)."""
    prefixes = 0
    while (len(HINT_LETTERS) - prefixes) + prefixes * len(HINT_LETTERS) < len(places):
        prefixes += 1
    singles = HINT_LETTERS[: len(HINT_LETTERS) - prefixes]
    labels = list(singles) + [p + q for p in HINT_LETTERS[len(singles) :] for q in HINT_LETTERS]
    return dict(zip(places, labels, strict=False))


def uncrowded(places: Sequence[int], crowded: Callable[[dict[int, str]], set[int]]) -> dict[int, str]:
    """Jump labels (``hint_labels``) for ``places``, nearest first, leaving out the places whose
    label finds no room beside them (``crowded`` names those of a set of labels): fewer
    labels, shorter ones."""
    places = list(places)
    while True:
        hints = hint_labels(places)
        left_out = crowded(hints)
        if not left_out:
            return hints
        places = [at for at in places if at not in left_out]


def hint_places(text: str, words: Words, lo: int, hi: int, caret: int) -> list[int]:
    """The places a jump may go to between ``lo`` and ``hi``, nearest to ``caret`` first: word
    starts and opening quotes (v there selects what they enclose), not other punctuation (p
    goes there)."""
    places = [
        at
        for at in range(lo, hi)
        if words.is_boundary(at) and not text[at].isspace() and (text[at] in QUOTES or not is_punctuation(text[at]))
    ]
    places.sort(key=lambda at: (abs(at - caret), at))
    return places


def alternative(flag: str) -> tuple[str, int, int] | None:
    """(label, start, end) of a ``model: LABEL start-end`` flag, else None."""
    parts = flag.removeprefix("model: ").split() if flag.startswith("model: ") else []
    if len(parts) != 2 or parts[0] not in LABELS or "-" not in parts[1]:
        return None
    start, _, end = parts[1].partition("-")
    if not (start.isdigit() and end.isdigit()):
        return None
    return parts[0], int(start), int(end)


def alternative_change(span: SpanView, other: tuple[str, int, int]) -> Change:
    """The decision that takes another proposer's reading (label, start, end) of ``span``: a
    ``boundary`` when the bounds differ (with the label if it differs too), else a ``label``."""
    label, start, end = other
    fields: dict[str, Any] = {"label": label} if label != span.label else {}
    if (start, end) != (span.start, span.end):
        fields |= {"start": start, "end": end}
    return Change("boundary" if "start" in fields else "label", **fields)


def found_span(spans: Iterable[SpanView], found: int) -> SpanView | None:
    """The span a search match at ``found`` falls in (the shortest where several hold it), else None."""
    inside = [s for s in spans if s.start <= found < s.end]
    return min(inside, key=lambda s: s.end - s.start) if inside else None


def boundary_target(
    key_id: str, start: int, end: int, words: Words, section: tuple[int, int], length: int
) -> tuple[int, int] | None:
    """Where a boundary key puts a span ``start``-``end`` in a section (start, end) of a text
    ``length`` long, or None if it cannot move there. By a word (``start_left``, ``start_right``,
    ``end_left``, ``end_right``) or a character (the ``_char_`` keys); a span keeps one character."""
    lo, hi = min(section[0], start), max(section[1], end)
    if key_id == "start_left":
        start = words.previous(start, lo)
    elif key_id == "start_right":
        start = words.next(start, start, end - 1)
    elif key_id == "end_left":
        end = words.previous(end, start + 1)
    elif key_id == "end_right":
        end = words.next(end, end, hi)
    elif key_id == "start_char_left":
        start -= 1
    elif key_id == "start_char_right":
        start += 1
    elif key_id == "end_char_left":
        end -= 1
    elif key_id == "end_char_right":
        end += 1
    if end - start < 1 or start < 0 or end > length:
        return None
    return start, end


def span_edge(offset: int, edges: Iterable[int], lo: int, hi: int, direction: int) -> int:
    """The nearest span edge before (``direction`` < 0) or after ``offset`` between ``lo`` and
    ``hi``; ``lo`` or ``hi`` when there is none."""
    inside = sorted({e for e in edges if lo <= e <= hi})
    if direction < 0:
        index = bisect.bisect_left(inside, offset) - 1
        return inside[index] if index >= 0 else lo
    index = bisect.bisect_right(inside, offset)
    return inside[index] if index < len(inside) else hi


def caret_target(motion: str, offset: int, lo: int, hi: int, words: Words | None, edges: Iterable[int]) -> int:
    """Where a cursor key (not one of ``LINE_MOTIONS``) takes the cursor from ``offset`` inside
    ``lo``-``hi``; ``edges``: the span edges of the text. Without words a word key stays."""
    if motion == "left":
        return max(offset - 1, lo)
    if motion == "right":
        return min(offset + 1, hi)
    if motion in ("span_edge_left", "span_edge_right"):
        return span_edge(offset, edges, lo, hi, -1 if motion == "span_edge_left" else 1)
    if words is None:
        return offset
    if motion == "word_left":
        return words.previous(offset, lo)
    if motion == "word_right":
        return words.next(offset, offset, hi)
    if motion == "next_punctuation":
        return words.next_punctuation(offset, hi)
    if motion == "previous_punctuation":
        return words.previous_punctuation(offset, lo)
    raise ValueError(motion)


def selection_start(
    text: str, caret: int, end: int, words: Words, match: tuple[int, int] | None = None
) -> tuple[int, int]:
    """What ``v`` selects at the cursor, never past ``end``: the search match starting there;
    on an opening quote or bracket what it encloses; else the word."""
    if match is not None and match[0] == caret:
        return match
    close = QUOTES.get(text[caret : caret + 1])
    if close:
        closing = text.find(close, caret + 1, end)
        if closing > caret + 1:
            return caret + 1, closing
    return caret, max(words.word_end(caret, end), min(caret + 1, end))


def mark_again_target(
    text: str,
    section: tuple[int, int],
    reading: int,
    spans: Sequence[SpanView],
    words: Words,
    *,
    adding: Sequence[tuple[int, int, str]] = (),
    last_added: tuple[str, str] | None = None,
) -> tuple[int, int, str] | None:
    """The first place in a section from ``reading`` on where a text already labelled in the
    document (confirmed, corrected or added: ``last_added`` is (text, label)) occurs without
    that label; the longest text where several start there; whole words only. A place
    rejected once, or being added (``adding``), is not proposed again."""
    known: dict[str, str] = {}
    for span in spans:
        if span.is_gold and span.text.strip():
            known.setdefault(span.text, span.label)
    if last_added is not None:
        known[last_added[0]] = last_added[1]
    if not known:
        return None
    taken = {(s.start, s.end, s.label) for s in spans} | set(adding)
    # Spans do not nest (but a DATE or FIGURE in a TITLE): nothing is proposed inside a standing span.
    standing = [(s.start, s.end, s.label) for s in spans if s.status != REJECTED]
    standing += adding

    def overlaps(at: int, end: int, label: str) -> bool:
        return any(
            a < end and at < b and not (label in ("DATE", "FIGURE") and other == "TITLE") for a, b, other in standing
        )

    starts: dict[str, list[str]] = {}
    for needle in known:
        starts.setdefault(needle[0], []).append(needle)
    for needles in starts.values():
        needles.sort(key=len, reverse=True)
    first, last = section
    for at in range(max(reading, first), last):
        if not words.is_boundary(at):
            continue  # 区委 in 城区委员会 is not 区委: whole words only
        for needle in starts.get(text[at], ()):
            end = at + len(needle)
            if end <= last and text.startswith(needle, at) and words.is_boundary(end):
                label = known[needle]
                if (at, end, label) not in taken and not overlaps(at, end, label):
                    return at, end, label
    return None
