"""OpenCC's conversion (``opencc-python-reimplemented``), the same output, without its slow search.

``OpenCC.convert`` splits a line at punctuation and converts each piece with a group of
dictionaries (t2s: phrases, then characters): in a piece it finds the longest key of the
first dictionary anywhere (the leftmost of the longest), converts it, and does the same in
what stands left and right of it (keys no longer than the one found), each piece the first
dictionary could not touch going on to the next. To find that key it tries every length
from the dictionary's longest down, at every position, and builds a tree of nodes.

:class:`Converter` reads the same dictionaries out of an ``OpenCC`` object and makes the same
choices, but at each position tries only the lengths of the keys that start with that
character, and walks the pieces with a plain stack. The last dictionary of a group whose keys
are all one character long (t2s's characters) converts a piece character by character
(``str.translate``): its longest key is always one character, the leftmost first, so that is
what the search does too, one rescan of the rest of the piece per character. ``tests/extract/test_t2s.py``
checks it against ``OpenCC.convert`` on every report of the corpus and on generated text.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Converter"]

_Dictionary = tuple[dict[str, str], dict[str, tuple[int, ...]], dict[int, str] | None]
"""A dictionary's mapping, the lengths of its keys by their first character (longest first), and
when every key is one character, the mapping as a ``str.translate`` table."""


class Converter:
    """``OpenCC(conversion).convert`` for the conversion an ``OpenCC`` object was made for."""

    def __init__(self, opencc: Any) -> None:
        if not opencc._dict_init_done:
            opencc._init_dict()
        self._split = opencc.split_chars_re
        self._chain: list[list[_Dictionary]] = []
        for group in opencc._dict_chain_data:
            dictionaries = []
            for _max_len, _min_len, mapping in group:
                lengths: dict[str, set[int]] = {}
                for key in mapping:
                    lengths.setdefault(key[0], set()).add(len(key))
                # Of several values (開: 开 𫔭), OpenCC takes the first.
                first = {key: value.split(" ")[0] for key, value in mapping.items()}
                table = {ord(key): value for key, value in first.items()} if all(len(k) == 1 for k in first) else None
                dictionaries.append((first, {c: tuple(sorted(n, reverse=True)) for c, n in lengths.items()}, table))
            self._chain.append(dictionaries)

    def convert(self, text: str) -> str:
        out = []
        for i, piece in enumerate(self._split.split(text)):
            if i % 2 == 0:  # text between separators (the separators stand at odd places)
                for group in self._chain:
                    piece = _convert(piece, group)
            out.append(piece)
        return "".join(out)


def _convert(text: str, group: list[_Dictionary]) -> str:
    out: list[str] = []
    # (text, which dictionary of the group, the longest key it may still match) or a converted value.
    stack: list[tuple[str, int, int] | str] = [(text, 0, len(text))]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        piece, k, limit = item
        if not piece:
            continue
        if k == len(group):
            out.append(piece)
            continue
        mapping, lengths, table = group[k]
        if table is not None and k == len(group) - 1:
            out.append(piece.translate(table))  # one character at a time, as the search would go
            continue
        # No key starts with any of the piece's characters: nothing to search for.
        found = None if lengths.keys().isdisjoint(piece) else _longest(piece, mapping, lengths, limit)
        if found is None:
            stack.append((piece, k + 1, len(piece)))
            continue
        at, size = found
        stack.append((piece[at + size :], k, size))
        stack.append(mapping[piece[at : at + size]])
        stack.append((piece[:at], k, size))
    return "".join(out)


def _longest(
    text: str, mapping: dict[str, str], lengths: dict[str, tuple[int, ...]], limit: int
) -> tuple[int, int] | None:
    """(position, length) of the longest key in ``text`` no longer than ``limit``, the leftmost of those."""
    best: tuple[int, int] | None = None
    n = len(text)
    for at, ch in enumerate(text):
        for size in lengths.get(ch, ()):
            if size > limit or at + size > n or (best is not None and size <= best[1]):
                continue
            if text[at : at + size] in mapping:
                best = (at, size)
                break
    return best
