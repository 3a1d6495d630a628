"""A pattern scanned over a whole report, given the characters its matches can start with or must hold.

Python's ``re`` tries a pattern at every position of the text; where the pattern opens with a
lookbehind or an alternation of many branches (a meeting's ordinal, a post's name), every
position costs a walk through those branches. :func:`scanning` puts a lookahead of the
characters a match can start with, ``(?=[…])``, in front: ``re`` then skips the other positions
at once (a report's meeting pattern ran six times faster).

The matches stay the same: the set holds the first character of every string the pattern can
match (read from the pattern's own parse), so the lookahead holds wherever the pattern matches.
A pattern that can match the empty string, or holds something the reading does not follow (a
backreference, a case-insensitive flag, a negated class), is returned as it is.

Many of the rules' patterns open with a lookbehind and a run of any CJK character
(``(?<![一-鿿])[一-鿿]{2,6}及…局``), so no first character narrows them; but every match
holds, at a bounded distance from its start, one of a few characters (及). :func:`finditer_near`
finds those characters first and tries the pattern only at the starts that distance allows:
the same matches as ``finditer`` over the whole text, at a fraction of the positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

try:  # Python 3.11 and later
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre
    import sre_parse as _parse

__all__ = ["finditer_near", "scanning"]

_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
}
_REPEATS = tuple(
    getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, name)
)
_ZERO_WIDTH = (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT)


class _Unread(Exception):
    """A construct whose first characters are not read here."""


def _first(items: Any, out: list[str]) -> bool:
    """Add to ``out`` (class items) every character a match of ``items`` can start with; True if it
    can match the empty string."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the first character comes after it
        if op is _sre.LITERAL:
            out.append(re.escape(chr(av)))
            return False
        if op is _sre.IN:
            for kind, arg in av:
                if kind is _sre.LITERAL:
                    out.append(re.escape(chr(arg)))
                elif kind is _sre.RANGE:
                    out.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
                elif kind is _sre.CATEGORY and arg in _CATEGORIES:
                    out.append(_CATEGORIES[arg])
                else:
                    raise _Unread(kind)
            return False
        if op is _sre.SUBPATTERN:
            empty = _first(av[-1], out)
        elif op is _sre.BRANCH:
            empty = any([_first(branch, out) for branch in av[1]])  # a list: every branch is read
        elif op in _REPEATS:
            empty = _first(av[2], out) or av[0] == 0
        elif getattr(_sre, "ATOMIC_GROUP", None) is op:
            empty = _first(av, out)
        else:
            raise _Unread(op)
        if not empty:
            return False
    return True


def scanning(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a lookahead of the characters its matches start with, for ``finditer``/``search``
    over a long text: the same matches, found faster. Give ``.match`` at a known position the plain one."""
    if pattern.flags & re.IGNORECASE:
        return pattern
    first: list[str] = []
    try:
        if _first(_parse.parse(pattern.pattern, pattern.flags), first):
            return pattern  # may match nothing: no first character to ask for
    except (_Unread, re.error, RecursionError):
        return pattern
    try:
        return re.compile(f"(?=[{''.join(dict.fromkeys(first))}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # an inline flag must open the pattern: left as it is
        return pattern


_SMALL_CLASS = 40
"""The most characters a cue may be one of (a range of CJK is no cue)."""
_FAR = 40
"""The farthest a cue may stand from a match's start, in characters (else every start is near one)."""


def _chars(op: Any, av: Any) -> frozenset[str] | None:
    """The characters a match of the item (op, av) can start with, when it always consumes one and they are few."""
    if op is _sre.LITERAL:
        return frozenset(chr(av))
    if op is _sre.IN:
        out: set[str] = set()
        for kind, arg in av:
            if kind is _sre.LITERAL:
                out.add(chr(arg))
            elif kind is _sre.RANGE and arg[1] - arg[0] < _SMALL_CLASS:
                out.update(map(chr, range(arg[0], arg[1] + 1)))
            else:
                return None  # a negation, a category or a wide range
        return frozenset(out)
    if op is _sre.SUBPATTERN:
        return _sequence_chars(av[-1])
    if op is _sre.BRANCH:
        sets = [_sequence_chars(branch) for branch in av[1]]
        return None if any(s is None for s in sets) else frozenset().union(*sets)  # type: ignore[arg-type]
    if op in _REPEATS and av[0] >= 1:
        return _sequence_chars(av[2])
    return None


def _sequence_chars(items: Any) -> frozenset[str] | None:
    """_chars of a sequence: its first item that consumes anything (zero-width items say nothing of it)."""
    for op, av in items:
        if op not in _ZERO_WIDTH:
            return _chars(op, av)
    return None


def _cues(items: Any, lo: int, hi: int, out: list[tuple[frozenset[str], int, int]]) -> bool:
    """Add (characters, least and most characters before it) for each item of the sequence ``items`` every match
    goes through, starting ``lo``–``hi`` characters into the match; False once the distance is unbounded."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        chars = _chars(op, av)
        if chars is not None:
            out.append((chars, lo, hi))
        if op is _sre.SUBPATTERN and not _cues(av[-1], lo, hi, out):
            return False
        if op in _REPEATS and av[0] >= 1 and not _cues(av[2], lo, hi, out):  # the first time round
            return False
        least, most = _parse.SubPattern(items.state, [(op, av)]).getwidth()
        lo, hi = lo + least, hi + most
        if hi > _FAR:
            return False
    return True


@cache
def _cue(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], int, int] | None:
    """(a class of the characters, least and most characters before one) that fewest starts of ``pattern``'s matches
    are near: one of the characters stands that far into every match. None when no such item is read."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _parse.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):  # pragma: no cover - the pattern compiled
        return None
    found: list[tuple[frozenset[str], int, int]] = []
    _cues(parsed, 0, 0, found)
    found = [cue for cue in found if len(cue[0]) <= _SMALL_CLASS]
    if not found:
        return None
    chars, lo, hi = min(found, key=lambda cue: len(cue[0]) * (cue[2] - cue[1] + 1))
    return re.compile(f"[{''.join(map(re.escape, sorted(chars)))}]"), lo, hi


def finditer_near(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, tried only where a match can start: near a character every match holds.

    The same matches: a match starts ``lo``–``hi`` characters before one of the cue's characters
    (``_cue``), so no other start can match; the starts are tried in order with ``pattern.match``
    (which reads the text before the start, as a lookbehind in ``finditer`` does), and after a
    match the next try is at its end, as ``finditer`` goes on (a match holds a cue, so it is never empty).
    """
    cue = _cue(pattern)
    if cue is None:
        yield from pattern.finditer(text)
        return
    chars, lo, hi = cue
    match = pattern.match
    tried = 0  # every start before this one is decided: it failed, or lies inside a match
    for found in chars.finditer(text):
        start = max(tried, found.start() - hi)
        last = found.start() - lo
        while start <= last:
            m = match(text, start)
            if m:
                yield m
                start = m.end()
            else:
                start += 1
        tried = max(tried, start)
