"""From positioned lines of text (a PDF page, as a layout library reads it) to reading order.

Pure functions over plain data: no file, no PDF library. ``store.sources.pdf`` reads a
PDF's lines with pdfminer.six and hands them here as ``TextLine``s.

A page is read as a typesetter set it: the running header, footer and page number are
marked as page boilerplate; the rest is cut into horizontal bands at lines that run
across the columns (a title, a wide heading), and inside a band the columns are read
left to right, each top to bottom. Lines are then joined into paragraphs: a column line
that runs to the column's right edge continues on the next line, in the next column, or
on the next page, so ``调研12`` at the end of a line and ``次。`` at the start of the next
become ``调研12次。``. A paragraph ends where the next line is indented, set in another
size, far below, or where the line stops short of the edge. Lines in a smaller size
than the body are captions; in a larger one, or a short line wholly in another face, headings.

The result is a ``Layout``: the raw text (one paragraph a line) and, for each paragraph,
its kind and the pages it came from.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass

BLOCK_KINDS = ("body", "heading", "caption", "boilerplate", "table")


@dataclass(frozen=True)
class TextLine:
    """One line of text on a page; coordinates in points from the page's top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str = ""
    """The font of all its characters; ``""`` when unknown or mixed."""


@dataclass(frozen=True)
class Char:
    """One character on a page, as a layout library gives it; coordinates as ``TextLine``'s."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str = ""


@dataclass(frozen=True)
class Table:
    """A table a layout library found on a page (ruled cells): its box and its rows of cell texts.

    A cell merged over several columns or rows is the text in its first one and ``""`` in
    the others, so every row has one text per column.
    """

    x0: float
    x1: float
    top: float
    bottom: float
    rows: tuple[tuple[str, ...], ...]
    size: float = 0.0
    """The type size its cells are set in (their median)."""


@dataclass(frozen=True)
class Figure:
    """An image on a page: nothing of it can be text, so it leaves a placeholder."""

    x0: float
    x1: float
    top: float
    bottom: float


CELL_SEPARATOR = " | "
"""Between the cells of a table row: visible in the reader, kept by normalization (no space
there is OCR spacing: ``|`` is neither CJK nor a digit), and what the HTML and Word readers
write too. A tab would be taken for OCR spacing and deleted, gluing the cells."""

PLACEHOLDER = "[图]"
"""What an image leaves in the text: visible, never taken for the report's words."""
TURNED_PLACEHOLDER = "[旋转文字]"
"""What text set at an angle (a watermark, a stamp) leaves, once per page."""


@dataclass(frozen=True)
class Page:
    number: int
    """1-based index of the page in its file."""
    width: float
    height: float
    lines: tuple[TextLine, ...]
    tables: tuple[Table, ...] = ()
    figures: tuple[Figure, ...] = ()
    turned: int = 0
    """Characters set at an angle: not read into lines; the page leaves ``TURNED_PLACEHOLDER``."""


@dataclass(frozen=True)
class Block:
    """A paragraph of a layout's text: ``text[start:end]``, what it is, the pages it came from.

    ``kind`` ``body`` leaves the decision to the text rules (``extract.sections.classify``);
    the other kinds are what the layout showed (a size, a position, a style); ``table`` is
    a table row, body text however short it is.
    """

    start: int
    end: int
    kind: str = "body"
    pages: tuple[int, ...] = ()
    breaks: tuple[int, ...] = ()
    """For a paragraph over a page break: where (from ``start``) each page after the first begins."""


@dataclass(frozen=True)
class Layout:
    """The text a layout library extracted from a file, one paragraph a line, with its blocks."""

    text: str
    blocks: tuple[Block, ...]
    title: str = ""
    date: str = ""
    """Publication date the file states (``YYYY-MM-DD``), or ``""``."""
    placeholders: int = 0
    """How many things the text could not hold, each left as a placeholder: an image as
    ``PLACEHOLDER``, a page's text set at an angle as ``TURNED_PLACEHOLDER``."""
    typed: bool = False
    """The text was typed (a Word file, a web page), not recognised from an image: a space
    between two words of CJK is the author's (``extract.normalize``'s ``keep_word_spaces``)."""

    def to_json(self) -> str:
        """The layout without its text (stored beside the document's raw text, which it is of)."""
        return json.dumps(
            {
                "title": self.title,
                "date": self.date,
                "typed": self.typed,
                "placeholders": self.placeholders,
                "blocks": [
                    [b.start, b.end, b.kind, list(b.pages), *([list(b.breaks)] if b.breaks else [])]
                    for b in self.blocks
                ],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str, data: str) -> Layout:
        """A stored layout back, for the raw ``text`` it was stored with."""
        value = json.loads(data)
        blocks = tuple(
            Block(item[0], item[1], item[2], tuple(item[3]), tuple(item[4]) if len(item) > 4 else ())
            for item in value["blocks"]
        )
        return cls(
            text,
            blocks,
            title=value.get("title", ""),
            date=value.get("date", ""),
            placeholders=value.get("placeholders", 0),
            typed=value.get("typed", False),
        )

    @classmethod
    def from_paragraphs(
        cls,
        paragraphs: list[tuple[str, str, tuple[int, ...]]] | list[Paragraph],
        *,
        title: str = "",
        date: str = "",
        placeholders: int = 0,
        typed: bool = False,
    ) -> Layout:
        """Build from (text, kind, pages[, breaks]) paragraphs; empty ones are left out, line
        breaks inside become spaces, and control characters (terminal escapes among them) are
        dropped: in extracted text they are never part of the report."""
        pieces: list[str] = []
        blocks: list[Block] = []
        pos = 0
        for paragraph in paragraphs:
            text, kind, pages = paragraph[0], paragraph[1], paragraph[2]
            breaks: tuple[int, ...] = paragraph[3] if len(paragraph) > 3 else ()
            text = _CONTROL_RE.sub("", text.replace("\t", " "))
            text = " ".join(part.strip() for part in text.splitlines() if part.strip())
            if not text:
                continue
            if pieces:
                pos += 1
            breaks = tuple(min(b, len(text)) for b in breaks)
            blocks.append(Block(pos, pos + len(text), kind, pages, breaks))
            pieces.append(text)
            pos += len(text)
        return cls("\n".join(pieces), tuple(blocks), title=title, date=date, placeholders=placeholders, typed=typed)


Paragraph = tuple[str, str, tuple[int, ...], tuple[int, ...]]
"""(text, kind, pages, breaks): a paragraph as ``read_pages`` builds it (see ``Block``)."""


_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A page number: "12", "— 12 —", "第 3 页", "1 / 120", "- 4 -", "iv" (a preface's).
_PAGE_NUMBER_RE = re.compile(
    r"^[\s\-—–·•第(（]*(?:\d{1,4}(?:\s*/\s*\d{1,4})?|[ivxlc]{1,7}|[IVXLC]{1,7})[\s\-—–·•页)）]*$"
)
_DIGITS_RE = re.compile(r"\d+")
# Outer share of the page height where running headers and footers may stand; what stands
# there is furniture only when it recurs on other pages (or is a page number), never by
# its place alone.
_OUTER_SHARE = 0.15
_EDGE_SHARE = 0.075
_LATIN_END_RE = re.compile(r"[A-Za-z0-9]$")
_LATIN_START_RE = re.compile(r"^[A-Za-z]")
_CJK_CHAR_RE = re.compile("[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_SENTENCE_FINAL = "。！？!?；;…"
# Dot leaders and a page number: a line of a table of contents.
_LEADER_RE = re.compile(r"(?:[.·…]\s?){4,}\s*\d{1,4}\s*$")
# Pieces of one printed line are never further apart than this (in ems): a gutter is.
_PIECE_GAP = 0.9


# --- characters to lines ----------------------------------------------------------------


def lines_from_chars(chars: list[Char]) -> tuple[TextLine, ...]:
    """Printed lines from a page's characters, each line's characters in order of position.

    Characters stand on one line when their boxes overlap by half the smaller height, so a
    digit set in a Latin face (a lower, shorter box) stays in its Chinese sentence; a line
    is cut into pieces where a gap is wider than ``_PIECE_GAP`` ems (a column gutter). A
    character drawn twice at nearly the same place (fake bold) is read once. A space is
    kept where the file has one, or where Latin words stand apart.
    """
    ordered = sorted((c for c in chars if c.text), key=lambda c: (c.top + c.bottom) / 2)
    rows: list[list[Char]] = []
    bands: list[tuple[float, float]] = []
    for char in ordered:
        height = max(char.bottom - char.top, 0.1)
        for index in range(len(rows) - 1, max(len(rows) - 3, -1), -1):
            top, bottom = bands[index]
            overlap = min(bottom, char.bottom) - max(top, char.top)
            if overlap >= 0.5 * min(height, bottom - top):
                # The band stays the first character's: grown by a tall symbol (a sum, a
                # fraction) it would swallow the next line and interleave the two.
                rows[index].append(char)
                break
        else:
            if char.text.strip():
                rows.append([char])
                bands.append((char.top, char.bottom))
    lines: list[TextLine] = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        piece: list[Char] = []
        spaced = 0  # space characters since the last ink one
        for char in row:
            if not char.text.strip():
                spaced += bool(piece)
                continue
            if piece:
                last = piece[-1]
                if char.text == last.text and abs(char.x0 - last.x0) < 0.3 * max(last.x1 - last.x0, 0.5):
                    continue  # drawn twice, a hair to the side (fake bold); "tt" stands a letter apart
                if char.x0 - last.x1 > _PIECE_GAP * max(char.size, last.size):
                    lines.append(_line(piece))
                    piece = []
                elif spaced or (
                    char.x0 - last.x1 > 0.2 * char.size
                    and not _CJK_CHAR_RE.match(last.text[-1])
                    and not _CJK_CHAR_RE.match(char.text[0])
                ):
                    piece.append(Char(" " * max(spaced, 1), last.x1, char.x0, char.top, char.bottom, 0.0))
            piece.append(char)
            spaced = 0
        if piece:
            lines.append(_line(piece))
    return tuple(lines)


def _line(chars: list[Char]) -> TextLine:
    ink = [c for c in chars if c.size]
    sizes = sorted(c.size for c in ink)
    # The face of a line is its Chinese characters' where it has some: "和TeXPage的内容" is
    # set in the body's Song with a Latin word, not a heading in another face.
    chinese = [c for c in ink if _CJK_CHAR_RE.match(c.text)]
    fonts = Counter(c.font for c in chinese or ink)
    return TextLine(
        text=_CONTROL_RE.sub("", "".join(c.text for c in chars)),
        x0=chars[0].x0,
        x1=max(c.x1 for c in chars),
        top=min(c.top for c in ink),
        bottom=max(c.bottom for c in ink),
        size=round(sizes[len(sizes) // 2], 2),
        font=fonts.most_common(1)[0][0],
    )


def rule_table(
    lines: list[TextLine], x0: float, x1: float, top: float, bottom: float, chars: list[Char] | None = None
) -> Table | None:
    """The table set between horizontal rules only (a 三线表, booktabs), read by its columns.

    ``lines`` are the pieces of printed lines inside the rules (``lines_from_chars`` cuts a
    line where a gap is a gutter). Rows are the pieces on one baseline; the columns are the
    stretches the body rows have ink in, apart where none has. A header piece set closer
    than a gutter over two columns is cut where the columns part (by its ``chars``). None
    when that gives fewer than two rows or two columns: the rules fence a quotation or a
    code sample, not a table.
    """
    inside = sorted(
        (ln for ln in lines if x0 - 2 <= ln.x0 and ln.x1 <= x1 + 2 and top <= (ln.top + ln.bottom) / 2 <= bottom),
        key=lambda ln: (ln.top, ln.x0),
    )
    rows: list[list[TextLine]] = []
    for piece in inside:
        if rows and abs(piece.top - rows[-1][0].top) < 0.5 * piece.size:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    if len(rows) < 2:
        return None
    columns = _ink_columns([p for row in rows[1:] for p in row] if len(rows) >= 3 else [p for r in rows for p in r])
    if len(columns) < 2:
        return None
    grid = []
    for row in rows:
        cells = [""] * len(columns)
        for piece in sorted(row, key=lambda p: p.x0):
            for index, text in _piece_cells(piece, columns, chars):
                cells[index] = f"{cells[index]} {text}".strip()
        grid.append(tuple(cells))
    sizes = sorted(p.size for row in rows for p in row)
    return Table(x0, x1, top, bottom, tuple(grid), sizes[len(sizes) // 2])


def _ink_columns(pieces: list[TextLine]) -> list[tuple[float, float]]:
    """The x stretches covered by ink, apart where no piece has any."""
    columns: list[list[float]] = []
    for a, b in sorted((p.x0, p.x1) for p in pieces):
        if columns and a <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], b)
        else:
            columns.append([a, b])
    return [(a, b) for a, b in columns]


def _piece_cells(
    piece: TextLine, columns: list[tuple[float, float]], chars: list[Char] | None
) -> list[tuple[int, str]]:
    """A piece's text by column: whole in the column it starts in, or cut at the gutters it crosses."""

    def column_of(x: float) -> int:
        return min(
            range(len(columns)),
            key=lambda i: (
                0 if columns[i][0] <= x <= columns[i][1] else min(abs(x - columns[i][0]), abs(x - columns[i][1]))
            ),
        )

    first, last = column_of(piece.x0), column_of(piece.x1 - 0.1)
    if first == last or chars is None:
        return [(first, piece.text.strip())]
    mine = [
        c
        for c in chars
        if c.text.strip()
        and piece.x0 - 0.5 <= c.x0
        and c.x1 <= piece.x1 + 0.5
        and piece.top - 1 <= (c.top + c.bottom) / 2 <= piece.bottom + 1
    ]
    mine.sort(key=lambda c: c.x0)
    # Cut at the widest gap between two characters near each gutter the piece crosses.
    cuts = []
    for gutter in range(first, last):
        left, right = columns[gutter][1], columns[gutter + 1][0]
        near = [
            k
            for k in range(1, len(mine))
            if left - 1.5 * piece.size <= mine[k].x0
            and mine[k - 1].x1 <= right + 1.5 * piece.size
            and mine[k].x0 - mine[k - 1].x1 > 0.2 * piece.size  # a gap, not two characters side by side
        ]
        if near:
            cuts.append(max(near, key=lambda k: mine[k].x0 - mine[k - 1].x1))
    out = []
    for start, end in zip([0, *cuts], [*cuts, len(mine)], strict=True):
        group = mine[start:end]
        if group:
            out.append((column_of((group[0].x0 + group[-1].x1) / 2), _line(group).text.strip()))
    return out


# --- pages to paragraphs ------------------------------------------------------------------

Item = TextLine | Table | Figure


def read_pages(pages: list[Page]) -> Layout:
    """The reading-order text of a document's pages, with boilerplate, captions, headings and tables marked."""
    body_size = _body_size(pages)
    body_font = _body_font(pages, body_size)
    repeated = _repeated_lines(pages)
    title, title_lines = _title_lines(pages, body_size, repeated)
    paragraphs: list[Paragraph] = []
    furniture: dict[int, tuple[list[str], list[str]]] = {}
    current: list[str] = []
    current_pages: list[int] = []
    current_kind = ""
    waiting: list[Paragraph] = []  # tables and images met inside a paragraph that runs on
    previous: tuple[TextLine, tuple[float, float], int] | None = None
    placeholders = 0

    def close() -> None:
        nonlocal current, current_pages, current_kind
        if current:
            text, breaks = _join(current, current_pages)
            paragraphs.append((text, current_kind, tuple(dict.fromkeys(current_pages)), breaks))
        paragraphs.extend(waiting)
        waiting.clear()
        current, current_pages, current_kind = [], [], ""

    for page in pages:
        # The leading is the page's own: a report's dense notes pages set their lines closer.
        pitch = _line_gap([page], body_size)
        heads, feet, content = _furniture(page, repeated, pitch, len(pages))
        furniture[page.number] = (heads, feet)
        paragraphs.append(("", f"page:{page.number}", (), ()))
        items: list[Item] = [*content, *page.tables, *page.figures]
        for item, column in _reading_order(page, items, body_size):
            if isinstance(item, TextLine):
                kind = "heading" if id(item) in title_lines else _kind(item, body_size, body_font)
                here = (item, column, page.number)
                if previous is None or not current or not _continues(previous, here, kind, current_kind, pitch):
                    close()
                    current_kind = kind
                current.append(item.text.strip())
                current_pages.append(page.number)
                previous = here
                continue
            if isinstance(item, Table):
                found: list[Paragraph] = [
                    (CELL_SEPARATOR.join(_cell(cell) for cell in row), "table", (page.number,), ()) for row in item.rows
                ]
            else:
                found = [(PLACEHOLDER, "caption", (page.number,), ())]
                placeholders += 1
            waiting.extend(found)
            if not (current and previous is not None and _runs_on(previous)):
                close()
                previous = None
        if page.turned:
            close()
            previous = None
            paragraphs.append((TURNED_PLACEHOLDER, "boilerplate", (page.number,), ()))
            placeholders += 1
    close()
    return Layout.from_paragraphs(_place_furniture(paragraphs, furniture), title=title, placeholders=placeholders)


def _cell(text: str) -> str:
    """A cell's text on one line: its lines joined as a paragraph's are."""
    parts = [part.strip() for part in text.splitlines() if part.strip()]
    return _join(parts, [0] * len(parts))[0] if parts else ""


def _runs_on(previous: tuple[TextLine, tuple[float, float], int]) -> bool:
    """Whether the paragraph of ``previous`` goes on after it (a full line, no sentence end)."""
    line, column, _page = previous
    return line.x1 >= column[1] - 1.5 * line.size and not line.text.strip().endswith(tuple(_SENTENCE_FINAL))


def _place_furniture(paragraphs: list[Paragraph], furniture: dict[int, tuple[list[str], list[str]]]) -> list[Paragraph]:
    """Replace the page markers by each page's header and the previous page's footer.

    A paragraph that runs over the page break stays whole and stands before both.
    """
    out: list[Paragraph] = []
    feet: list[tuple[int, list[str]]] = []
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        kind = paragraph[1]
        index += 1
        if not kind.startswith("page:"):
            out.append(paragraph)
            continue
        number = int(kind[5:])
        # The paragraph open at the page break is closed (and listed) after the marker.
        while index < len(paragraphs) and paragraphs[index][2] and paragraphs[index][2][0] < number:
            out.append(paragraphs[index])
            index += 1
        for page, lines in feet:
            out.extend((line, "boilerplate", (page,), ()) for line in lines)
        heads, page_feet = furniture[number]
        out.extend((line, "boilerplate", (number,), ()) for line in heads)
        feet = [(number, page_feet)]
    for page, lines in feet:
        out.extend((line, "boilerplate", (page,), ()) for line in lines)
    return out


def _body_size(pages: list[Page]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _body_font(pages: list[Page], body_size: float) -> str:
    """The face most of the body's Chinese is set in (dot leaders of a contents page, set in
    a Latin face, are many characters but no text)."""
    fonts: Counter[str] = Counter()
    for page in pages:
        for line in page.lines:
            if line.font and abs(line.size - body_size) <= 0.5:
                fonts[line.font] += len(_CJK_CHAR_RE.findall(line.text)) or 0
    fonts = +fonts
    return fonts.most_common(1)[0][0] if fonts else ""


def _line_gap(pages: list[Page], body_size: float) -> float:
    """The usual space between two lines of a paragraph in body type (its leading), in points:
    from each line to the next one under it that shares some of its width."""
    gaps: Counter[float] = Counter()
    for page in pages:
        body = sorted((ln for ln in page.lines if abs(ln.size - body_size) <= 0.5), key=lambda ln: ln.top)
        for index, upper in enumerate(body):
            for lower in body[index + 1 : index + 8]:
                if lower.top <= upper.top + 0.5 * body_size or lower.x1 <= upper.x0 or lower.x0 >= upper.x1:
                    continue
                gap = lower.top - upper.bottom
                if 0 <= gap < 2.5 * body_size:
                    gaps[round(gap, 1)] += 1
                break
    if not gaps:
        return 0.3 * body_size
    most = max(gaps.values())
    return min(gap for gap, count in gaps.items() if count == most)  # a tie: the closer


def _key(text: str) -> str:
    return _DIGITS_RE.sub("#", text.strip())


def _repeated_lines(pages: list[Page]) -> dict[str, int]:
    """For each line in the outer bands (its digits ignored), on how many pages it stands there."""
    if len(pages) < 2:
        return {}
    seen: Counter[str] = Counter()
    for page in pages:
        keys = {_key(line.text) for line in page.lines if _outer(line, page)}
        seen.update(keys)
    return {key: count for key, count in seen.items() if count >= 2 and key.strip("#")}


def _recurs(key: str, line: TextLine, page: Page, repeated: dict[str, int], pages: int) -> bool:
    """Whether a line recurs as running headers and footers do: at the very edge of the page
    on three pages (two of a two-page file); further in, on half the pages (a body line
    that happens to stand near the edge on a few pages is text)."""
    count = repeated.get(key, 0)
    edge = line.top < page.height * _EDGE_SHARE or line.bottom > page.height * (1 - _EDGE_SHARE)
    return count >= (min(3, pages) if edge else max(3, pages // 2))


def _outer(line: TextLine, page: Page) -> bool:
    return line.top < page.height * _OUTER_SHARE or line.bottom > page.height * (1 - _OUTER_SHARE)


def _furniture(
    page: Page, repeated: dict[str, int], pitch: float = 0.0, pages: int = 1
) -> tuple[list[str], list[str], list[TextLine]]:
    """Split a page's lines into header lines, footer lines and the rest.

    Furniture is what stands outermost on the page, in the outer bands, and recurs on other
    pages or reads as a page number: read from each edge inwards until the first line that
    is not. A recurring line set as close to the text as the lines of a paragraph
    (``pitch``, the page's leading) is text, the first line of a page that goes on with a
    paragraph, however often it recurs. Tables and images never are.
    """
    lines = sorted((ln for ln in page.lines if ln.text.strip()), key=lambda ln: (ln.top, ln.x0))
    boxes: list[Table | Figure] = [*page.tables, *page.figures]
    blocked_top = min((box.top for box in boxes), default=page.height)
    blocked_bottom = max((box.bottom for box in boxes), default=0.0)

    def furniture(index: int, step: int) -> bool:
        line = lines[index]
        if not _outer(line, page):
            return False
        text = line.text.strip()
        if _PAGE_NUMBER_RE.match(text):
            return True
        if not _recurs(_key(text), line, page, repeated, pages):
            return False
        inner = [
            other
            for other in (lines[index + step :] if step > 0 else lines[:index][::-1])
            if (other.top > line.bottom - 1 if step > 0 else other.bottom < line.top + 1)
        ]
        if not inner:
            return True
        gap = inner[0].top - line.bottom if step > 0 else line.top - inner[0].bottom
        return gap > max(0.5 * line.size, 1.5 * pitch)

    head = 0
    while head < len(lines) and lines[head].bottom <= blocked_top and furniture(head, 1):
        head += 1
    foot = len(lines)
    while foot > head and lines[foot - 1].top >= blocked_bottom and furniture(foot - 1, -1):
        foot -= 1
    heads, feet = lines[:head], lines[foot:]
    return [ln.text.strip() for ln in heads], [ln.text.strip() for ln in feet], lines[head:foot]


def _title_lines(pages: list[Page], body_size: float, repeated: dict[str, int]) -> tuple[str, set[int]]:
    """The document's title: the lines in the largest type in the upper part of page 1.

    Short lines (a badge, a stamp: three characters or fewer) and page furniture are never
    the title; lines in that size one under the other make one title. Returns the title and
    the ids of its lines (read as one heading).
    """
    if not pages:
        return "", set()
    page = pages[0]
    _heads, _feet, content = _furniture(page, repeated, _line_gap([page], body_size), len(pages))
    candidates = [
        ln for ln in content if ln.top < page.height * 0.6 and len(ln.text.strip()) > 3 and ln.size > body_size + 0.5
    ]
    if not candidates:
        return "", set()
    size = max(ln.size for ln in candidates)
    chosen = sorted((ln for ln in candidates if abs(ln.size - size) <= 0.5), key=lambda ln: (ln.top, ln.x0))
    run = [chosen[0]]
    for line in chosen[1:]:
        if line.top - run[-1].bottom > 2.0 * size:
            break
        run.append(line)
    text, _ = _join([ln.text.strip() for ln in run], [page.number] * len(run))
    return text, {id(ln) for ln in run}


def _columns(extents: list[tuple[float, float, int]]) -> list[tuple[float, float]]:
    """Column extents: the x ranges that many lines cover, cut where few do (the gutters).

    ``extents`` are (x0, x1, weight): a line weighs one, a table its rows. A title or a wide
    heading covers a gutter once; the lines of a column, many times.
    """
    if not extents:
        return []
    left = int(min(x0 for x0, _x1, _w in extents))
    right = int(max(x1 for _x0, x1, _w in extents)) + 1
    coverage = [0] * (right - left + 1)
    for x0, x1, weight in extents:
        for x in range(int(x0) - left, int(x1) - left):
            coverage[x] += weight
    floor = 0.1 * max(coverage)
    columns: list[tuple[float, float]] = []
    start: int | None = None
    for x, count in enumerate([*coverage, 0]):
        if count > floor and start is None:
            start = x
        elif count <= floor and start is not None:
            columns.append((float(left + start), float(left + x)))
            start = None
    # Snap each column to what stands inside it.
    snapped = []
    for a, b in columns:
        inside = [(x0, x1) for x0, x1, _w in extents if x0 >= a - 2 and x1 <= b + 2]
        if inside:
            snapped.append((min(x0 for x0, _x1 in inside), max(x1 for _x0, x1 in inside)))
    # A strip less than half as wide as the widest column is no column (a unit line set flush
    # right above each table, 单位：元): its lines stand outside and cut the page into bands.
    widest = max((b - a for a, b in snapped), default=0.0)
    snapped = [(a, b) for a, b in snapped if b - a >= 0.5 * widest]
    return snapped or [(float(left), float(right))]


def _reading_order(page: Page, items: list[Item], body_size: float) -> list[tuple[Item, tuple[float, float]]]:
    """The page's lines, tables and images in reading order, each with the extent of its column.

    Columns are where the body type runs; titles and headings in larger type do not make one.
    Pieces of one printed line inside one column (a letter-spaced heading, 一、综　合) are
    joined first.
    """
    lines = [item for item in items if isinstance(item, TextLine)]
    body = [ln for ln in lines if abs(ln.size - body_size) <= 0.5] or lines
    # Tables stand in the columns too: on a page of tables, the few lines between them do
    # not tell the column's width.
    columns = _columns(
        [(ln.x0, ln.x1, 1) for ln in body] + [(t.x0, t.x1, len(t.rows)) for t in items if isinstance(t, Table)]
    )
    if not columns:
        if not items:
            return []
        columns = [(min(i.x0 for i in items), max(i.x1 for i in items))]
    whole = (min(c[0] for c in columns), max(c[1] for c in columns))

    def column_of(item: Item) -> int | None:
        """The column an item stands in; None for one across a gutter or centred over a
        column (a title), -1 for one in the margin, outside every column."""
        size = item.size if isinstance(item, TextLine | Table) and item.size else body_size
        slack = 0.5 * size
        hits = [i for i, (a, b) in enumerate(columns) if item.x0 < b - slack and item.x1 > a + slack]
        if len(hits) > 1:
            return None
        if not hits:
            return -1
        a, b = columns[hits[0]]
        left, right = a - item.x0, item.x1 - b
        if (left > slack and right > slack) or max(left, right) >= 3 * size:
            return None
        # A line out of its column on one side by a little (hanging punctuation, a justified
        # line run long) is of that column: taken for one across the page it would cut the
        # columns into bands read out of order.
        return hits[0]

    placed = [(item, column_of(item)) for item in items]
    margin = sorted((item for item, index in placed if index == -1), key=lambda it: (it.top, it.x0))
    spanning = sorted((item for item, index in placed if index is None), key=lambda it: it.top)
    cuts = [item.top for item in spanning]
    bands: list[list[tuple[Item, int]]] = [[] for _ in range(len(cuts) + 1)]
    for item, index in placed:
        if index is None or index == -1:
            continue
        bands[sum(1 for cut in cuts if cut <= item.top)].append((item, index))
    ordered: list[tuple[Item, tuple[float, float]]] = []
    for band_index, band in enumerate(bands):
        if band_index > 0:
            ordered.append((spanning[band_index - 1], whole))
        band.sort(key=lambda entry: (entry[1], entry[0].top, entry[0].x0))
        ordered.extend((item, columns[index]) for item, index in _merge_pieces(band))
    # What stands in the margin (a note, a seal line's characters) is read after the page.
    ordered.extend((item, (item.x0, item.x1)) for item in margin)
    return ordered


def _merge_pieces(band: list[tuple[Item, int]]) -> list[tuple[Item, int]]:
    """Join lines of one column that stand on one baseline in one size: pieces of one printed line."""
    out: list[tuple[Item, int]] = []
    for item, index in band:
        last = out[-1] if out else None
        if (
            last is not None
            and isinstance(item, TextLine)
            and isinstance(last[0], TextLine)
            and last[1] == index
            and abs(item.top - last[0].top) < 0.3 * item.size
            and abs(item.size - last[0].size) <= 0.5
            and (item.x0 >= last[0].x1 - 0.5 * item.size or item.x1 <= last[0].x0 + 0.5 * item.size)
        ):
            # Side by side, whichever came first by its top ("3.3" in Latin type sits a
            # hair lower than "其它" after it): joined left to right.
            prior, item = (last[0], item) if item.x0 >= last[0].x0 else (item, last[0])
            left, right = prior.text.rstrip(), item.text.lstrip()
            space = " " if re.search(r"[A-Za-z0-9,.;:)]$", left) and re.match(r"[A-Za-z0-9(]", right) else ""
            if _fields_apart(prior, item, left, right):
                space = CELL_SEPARATOR
            merged = TextLine(
                left + space + right,
                prior.x0,
                item.x1,
                min(prior.top, item.top),
                max(prior.bottom, item.bottom),
                prior.size,
                prior.font if prior.font == item.font else (prior.font if len(left) >= len(right) else item.font),
            )
            out[-1] = (merged, index)
        else:
            out.append((item, index))
    return out


_FIELD_GAP = 3.0
"""Ems between two pieces of one printed line beyond which they are two fields (公司代码：600519
… 公司简称：贵州茅台 on a cover), kept apart by ``CELL_SEPARATOR`` so no number is glued to
the next label; a letter-spaced heading (一、综　　合) has one character a piece and joins."""


def _fields_apart(prior: TextLine, item: TextLine, left: str, right: str) -> bool:
    """Two pieces of a line far apart, each more than one character: two fields, not a heading."""
    return (
        item.x0 - prior.x1 > _FIELD_GAP * max(prior.size, item.size)
        and len(left.replace(" ", "")) > 1
        and len(right.replace(" ", "")) > 1
    )


def _kind(line: TextLine, body_size: float, body_font: str = "") -> str:
    if line.size < body_size - 0.5:
        return "caption"
    if line.size > body_size + 0.5:
        return "heading"
    if body_font and line.font and line.font != body_font and len(line.text.strip()) <= 40:
        return "heading"  # a short line wholly in another face (黑体 headings in 宋体 text)
    return "body"


def _continues(
    previous: tuple[TextLine, tuple[float, float], int],
    following: tuple[TextLine, tuple[float, float], int],
    kind: str,
    open_kind: str,
    pitch: float,
) -> bool:
    """Whether ``following`` goes on with the paragraph that ``previous`` belongs to.

    ``pitch`` is the document's usual gap between two lines of a paragraph.
    """
    (prev, prev_col, prev_page), (line, col, page) = previous, following
    if kind != open_kind or abs(line.size - prev.size) > 0.5:
        return False
    size = line.size
    same_column = page == prev_page and col == prev_col
    if kind == "heading":
        # A heading set over two lines: the second right under the first, the first unfinished.
        return (
            same_column
            and 0 <= line.top - prev.bottom < max(1.0 * size, 1.5 * pitch)
            and not prev.text.strip().endswith(tuple(_SENTENCE_FINAL))
            and prev.x1 >= line.x0
        )
    wide = prev.x1 - prev.x0 >= 0.6 * (prev_col[1] - prev_col[0])
    if not wide or (prev.x1 < prev_col[1] - 1.5 * size and (not same_column or prev.x1 < line.x1 - 1.5 * size)):
        # The previous line is short (a heading, a unit line set flush right), or stops short
        # of the column's edge and of the line after it (an indented block is narrower than
        # its column, all its lines alike): its paragraph ended.
        return False
    if _LEADER_RE.search(prev.text):
        return False  # a line of a table of contents: its page number ends it
    if line.x0 > (prev.x0 if same_column else col[0]) + 1.0 * size:
        # An indented first line (a block indented whole is not), unless the line before
        # runs to the edge unfinished: then it is a hanging indent (一、… / 完整性，…).
        hanging = (
            same_column
            and prev.x1 >= prev_col[1] - 1.5 * size
            and not prev.text.strip().endswith(tuple(_SENTENCE_FINAL + "：:"))
            and line.x0 <= prev.x0 + 5.0 * size
        )
        if not hanging:
            return False
    if not same_column and page == prev_page and abs(line.top - prev.top) < 0.3 * size:
        # Side by side on one baseline in two columns (公司代码：600519 … 公司简称：… on a
        # cover): two fields, not a paragraph running on into the next column.
        return False
    if same_column and line.top >= prev.top:
        gap = line.top - prev.bottom
        return gap < max(1.0 * size, 1.5 * pitch)
    # A new column or page: the line at its top carries on what the last one left unfinished.
    return not re.search(r"[。！？!?]$", prev.text.strip())


def _join(lines: list[str], pages: list[int]) -> tuple[str, tuple[int, ...]]:
    """A paragraph's lines as one text, and where in it each page after the first begins."""
    out = lines[0]
    breaks: list[int] = []
    for line, page, prior in zip(lines[1:], pages[1:], pages, strict=False):
        if _LATIN_END_RE.search(out) and _LATIN_START_RE.match(line):
            out += " "
        if page != prior:
            breaks.append(len(out))
        out += line
    return out, tuple(breaks)
