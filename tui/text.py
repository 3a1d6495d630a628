"""Text helpers of the terminal app: how text is cut and wrapped to terminal cells (a CJK
character takes two) and how a report's Markdown heading markers are drawn. Offsets are
code points; every helper keeps them (what is drawn has the text's length).

What a string from a file looks like on screen (control characters made visible) is
``store.display.visible``: one sanitizer for the app and the CLI.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, get_character_cell_size


def middle(text: str, cells: int) -> str:
    """``text`` in at most ``cells`` terminal cells (CJK counts two): its start and its end
    kept, an ellipsis between (a long TITLE still shows 《关于… and …的意见》)."""
    if cell_len(text) <= cells:
        return text
    if cells <= 1:
        return "…"[:cells]
    head_cells = cells // 2
    head = ""
    for char in text:
        if cell_len(head + char) > head_cells:
            break
        head += char
    tail = ""
    for char in reversed(text[len(head) :]):
        if cell_len(head + char + tail) + 1 > cells:
            break
        tail = char + tail
    return f"{head}…{tail}"


_QUOTED = re.compile(r"“([^”]*)”")


def fit_line(line: str, cells: int) -> str:
    """One line of at most ``cells`` cells: the longest quoted text (“…”) is shortened in its
    middle first, so that what the line says about it (confirmed, 1-8: label…) stays; only
    then is the end cut."""
    while cell_len(line) > cells:
        quoted = [m for m in _QUOTED.finditer(line) if cell_len(m.group(1)) > 3]
        if not quoted:
            break
        longest = max(quoted, key=lambda m: cell_len(m.group(1)))
        inner = longest.group(1)
        shorter = middle(inner, max(cell_len(inner) - (cell_len(line) - cells), 3))
        line = line[: longest.start(1)] + shorter + line[longest.end(1) :]
        if shorter == inner:
            break
    return fit(line, cells)


def fit(text: str, cells: int) -> str:
    """Cut text to a number of terminal cells (CJK counts two), with an ellipsis."""
    if cell_len(text) <= cells:
        return text
    out = ""
    for char in text:
        if cell_len(out + char) > cells - 1:
            break
        out += char
    return out + "…"


# A line may not start with these: the character before moves down with them.
_NO_LINE_START = set("，。、；：？！）》」』”’…%,.;:?!)")


_HEADING = re.compile(r"^(#{1,6})( +)", re.MULTILINE)


def hide_markup(text: str) -> str:
    """Markdown heading markers (``### ``) drawn as blanks: same length, so offsets stay."""
    return _HEADING.sub(lambda m: " " * (len(m.group(1)) + len(m.group(2))), text)


def strip_markup_heading(heading: str) -> str:
    return _HEADING.sub("", heading.strip()).strip() or heading


def cell_width(char: str) -> int:
    """The cells one character takes on a terminal (CJK: two)."""
    return get_character_cell_size(char)


def wrap(text: str, width: int, limit: int | None = None) -> list[tuple[int, int]]:
    """Visual lines of ``text`` as (start, end) code-point ranges for a width in cells.

    Breaks at newlines (blank lines are left out) and wherever the next character would not fit; CJK text breaks
    between any two characters except before closing punctuation, and a run of Latin
    letters or digits is moved to the next line whole when it fits there. With a
    ``limit`` (1 or more) only the first so many lines, and the text after them is not read:
    a preview needs the start of a section, not all of it.
    """
    width = max(width, 2)
    lines: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        start = position
        end = position + len(paragraph)
        if not paragraph.strip():
            # Blank lines between paragraphs cost rows a 24-line terminal cannot spare;
            # every paragraph already starts on a line of its own.
            position = end + 1
            continue
        line_start = start
        cells = 0
        index = start
        while index < end:
            char = text[index]
            size = cell_width(char)
            if cells + size > width and index > line_start:
                cut = index
                if char in _NO_LINE_START and cut - 1 > line_start:
                    cut -= 1
                elif char.isascii() and char.isalnum():
                    word = cut
                    while word > line_start and text[word - 1].isascii() and text[word - 1].isalnum():
                        word -= 1
                    if word > line_start:
                        cut = word
                lines.append((line_start, cut))
                if limit is not None and len(lines) >= limit:
                    return lines
                line_start = cut
                cells = sum(cell_width(c) for c in text[cut:index])
            cells += size
            index += 1
        lines.append((line_start, end))
        if limit is not None and len(lines) >= limit:
            return lines
        position = end + 1
    return lines or [(0, 0)]


def offset_at(text: str, start: int, end: int, column: int) -> int:
    """The position in ``text[start:end]`` drawn at a cell column (``end`` past its last cell)."""
    cells = 0
    for position in range(start, end):
        cells += cell_width(text[position])
        if cells > column:
            return position
    return end
