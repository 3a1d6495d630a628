"""Data fit for a terminal: the one place that says which characters may not reach it.

Every string that came from a file or from another database (report text, headings,
tags, reviewer names, file names, labels read from a gold file) is data. Sent to a
terminal as it is, a C0 or C1 control character can change the window title, clear the
screen or move the cursor (ESC starts a sequence, and so does the C1 CSI, U+009B), and a
bidirectional control can reorder what a line shows. ``visible`` turns every such
character into a visible stand-in, one code point for one, so offsets into the text
still line up with what is drawn:

- C0 controls (U+0000–001F) and DEL become their Unicode control pictures (ESC → ␛,
  TAB → ␉); the newline is kept unless ``newlines=False`` (an error line is one line);
- C1 controls (U+0080–009F) become U+FFFD (they have no pictures, and in report text
  they are decoding debris);
- bidirectional controls (U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C) and the
  invisible format characters (zero-width spaces and joiners, U+2028/2029, word joiner,
  BOM, soft hyphen) become a middle dot.

``json_for_terminal`` does the same for JSON text without changing its data: the
characters are written as ``\\uXXXX`` escapes, which any JSON reader turns back into
the same string.

Pure functions, no I/O: the CLI (``pizhu/``) and the app (``tui/``) both import them.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

MIDDLE_DOT = 0x00B7
REPLACEMENT = 0xFFFD

BIDI_CONTROLS = frozenset((*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C))
_INVISIBLE = frozenset((*range(0x200B, 0x200E), 0x2028, 0x2029, 0x2060, 0xFEFF, 0x00AD))

_TABLE: dict[int, int] = {c: 0x2400 + c for c in range(32) if c != 10}
_TABLE[0x7F] = 0x2421
_TABLE.update({c: REPLACEMENT for c in range(0x80, 0xA0)})
_TABLE.update({c: MIDDLE_DOT for c in BIDI_CONTROLS | _INVISIBLE})

_ONE_LINE = dict(_TABLE)
_ONE_LINE[10] = 0x2424  # ␤

# Everything the table replaces, as JSON escapes (the newline too: JSON escapes it anyway).
_JSON = {c: f"\\u{c:04x}" for c in (*_TABLE, 10)}


def is_unsafe(char: str) -> bool:
    """Whether ``char`` (one code point) may not be sent to a terminal as it is."""
    return ord(char) in _TABLE


def visible(text: str, *, newlines: bool = True) -> str:
    """``text`` as a terminal may show it: same length, every unsafe character made visible."""
    return text.translate(_TABLE if newlines else _ONE_LINE)


def one_line(text: str) -> str:
    """``visible`` with newlines shown as ␤: for an error line or a table cell."""
    return text.translate(_ONE_LINE)


def json_for_terminal(text: str) -> str:
    """JSON text with every unsafe character inside its strings written as a ``\\u`` escape.

    Outside strings JSON holds only structure and ASCII whitespace, so the result parses to
    exactly the same value; newlines between JSON lines (JSONL, ``indent=``) are kept.
    """
    if text.isascii() and text.isprintable():
        return text
    lines = text.split("\n")
    return "\n".join(line.translate(_JSON) for line in lines)


class _HasPlain(Protocol):
    plain: str


T = TypeVar("T", bound=_HasPlain)


def visible_styled(text: T) -> T:
    """A styled text (``rich.text.Text``, duck-typed: store/ never imports rich) made visible in place.

    ``visible`` keeps the length, so every style span still covers the same characters.
    """
    plain = text.plain
    shown = visible(plain)
    if shown != plain:
        text.plain = shown
    return text


# --- figures ---------------------------------------------------------------------------


def score(value: float | None) -> str:
    """A precision, recall, F1 or kappa to three places; "—" where it is undefined (nothing to
    score: no gold, nothing found), never a 0.000 that reads as a failure."""
    return "—" if value is None else f"{value:.3f}"


def share(value: float | None) -> str:
    """A share as a percentage to one place; "—" where it is undefined."""
    return "—" if value is None else f"{value:.1%}"
