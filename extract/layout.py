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
class Page:
    number: int
    """1-based index of the page in its file."""
    width: float
    height: float
    lines: tuple[TextLine, ...]


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


@dataclass(frozen=True)
class Layout:
    """The text a layout library extracted from a file, one paragraph a line, with its blocks."""

    text: str
    blocks: tuple[Block, ...]
    title: str = ""
    date: str = ""
    """Publication date the file states (``YYYY-MM-DD``), or ``""``."""
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
                "blocks": [[b.start, b.end, b.kind, list(b.pages)] for b in self.blocks],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str, data: str) -> Layout:
        """A stored layout back, for the raw ``text`` it was stored with."""
        value = json.loads(data)
        blocks = tuple(Block(start, end, kind, tuple(pages)) for start, end, kind, pages in value["blocks"])
        return cls(
            text, blocks, title=value.get("title", ""), date=value.get("date", ""), typed=value.get("typed", False)
        )

    @classmethod
    def from_paragraphs(
        cls,
        paragraphs: list[tuple[str, str, tuple[int, ...]]],
        *,
        title: str = "",
        date: str = "",
        typed: bool = False,
    ) -> Layout:
        """Build from (text, kind, pages) paragraphs; empty ones are left out, line breaks inside
        become spaces, and control characters (terminal escapes among them) are dropped: in
        extracted text they are never part of the report."""
        pieces: list[str] = []
        blocks: list[Block] = []
        pos = 0
        for text, kind, pages in paragraphs:
            text = _CONTROL_RE.sub("", text.replace("\t", " "))
            text = " ".join(part.strip() for part in text.splitlines() if part.strip())
            if not text:
                continue
            if pieces:
                pos += 1
            blocks.append(Block(pos, pos + len(text), kind, pages))
            pieces.append(text)
            pos += len(text)
        return cls("\n".join(pieces), tuple(blocks), title=title, date=date, typed=typed)


_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_PAGE_NUMBER_RE = re.compile(r"^[\s\-—–·•第(（]*\d{1,4}[\s\-—–·•页)）]*$")
_DIGITS_RE = re.compile(r"\d+")
# Outer share of the page height where running headers and footers stand.
_MARGIN_SHARE = 0.075
_LATIN_END_RE = re.compile(r"[A-Za-z0-9]$")
_LATIN_START_RE = re.compile(r"^[A-Za-z]")


def read_pages(pages: list[Page]) -> Layout:
    """The reading-order text of a document's pages, with boilerplate, captions and headings marked."""
    body_size = _body_size(pages)
    body_font = _body_font(pages)
    repeated = _repeated_lines(pages)
    paragraphs: list[tuple[str, str, tuple[int, ...]]] = []
    furniture: dict[int, tuple[list[str], list[str]]] = {}
    current: list[str] = []
    current_pages: list[int] = []
    current_kind = ""
    previous: tuple[TextLine, tuple[float, float], int] | None = None

    def close() -> None:
        nonlocal current, current_pages, current_kind
        if current:
            paragraphs.append((_join(current), current_kind, tuple(dict.fromkeys(current_pages))))
        current, current_pages, current_kind = [], [], ""

    pages = [Page(p.number, p.width, p.height, _merge_fragments(p.lines)) for p in pages]
    for page in pages:
        heads, feet, content = _furniture(page, repeated)
        furniture[page.number] = (heads, feet)
        paragraphs.append(("", f"page:{page.number}", ()))
        for line, column in _reading_order(page, content, body_size):
            kind = _kind(line, body_size, body_font)
            here = (line, column, page.number)
            if previous is None or not current or not _continues(previous, here, kind, current_kind):
                close()
                current_kind = kind
            current.append(line.text.strip())
            current_pages.append(page.number)
            previous = here
    close()
    return Layout.from_paragraphs(_place_furniture(paragraphs, furniture))


def _place_furniture(
    paragraphs: list[tuple[str, str, tuple[int, ...]]], furniture: dict[int, tuple[list[str], list[str]]]
) -> list[tuple[str, str, tuple[int, ...]]]:
    """Replace the page markers by each page's header and the previous page's footer.

    A paragraph that runs over the page break stays whole and stands before both.
    """
    out: list[tuple[str, str, tuple[int, ...]]] = []
    feet: list[tuple[int, list[str]]] = []
    index = 0
    while index < len(paragraphs):
        text, kind, pages = paragraphs[index]
        index += 1
        if not kind.startswith("page:"):
            out.append((text, kind, pages))
            continue
        number = int(kind[5:])
        # The paragraph open at the page break is closed (and listed) after the marker.
        while index < len(paragraphs) and paragraphs[index][2] and paragraphs[index][2][0] < number:
            out.append(paragraphs[index])
            index += 1
        for page, lines in feet:
            out.extend((line, "boilerplate", (page,)) for line in lines)
        heads, page_feet = furniture[number]
        out.extend((line, "boilerplate", (number,)) for line in heads)
        feet = [(number, page_feet)]
    for page, lines in feet:
        out.extend((line, "boilerplate", (page,)) for line in lines)
    return out


def _merge_fragments(lines: tuple[TextLine, ...]) -> tuple[TextLine, ...]:
    """Join pieces of one printed line that a layout library cut at wide (justified) spaces.

    Pieces on the same baseline, in the same size, less than one em apart are one line; a
    column gutter is wider than that.
    """
    ordered = sorted(lines, key=lambda ln: (round(ln.top), ln.x0))
    merged: list[TextLine] = []
    for line in ordered:
        last = merged[-1] if merged else None
        if (
            last is not None
            and abs(line.top - last.top) < 0.3 * line.size
            and abs(line.size - last.size) <= 0.5
            and 0 <= line.x0 - last.x1 < 1.0 * line.size
        ):
            left, right = last.text.rstrip(), line.text.lstrip()
            space = " " if re.search(r"[A-Za-z0-9,.;:)]$", left) and re.match(r"[A-Za-z0-9(]", right) else ""
            merged[-1] = TextLine(
                left + space + right,
                last.x0,
                line.x1,
                min(last.top, line.top),
                max(last.bottom, line.bottom),
                last.size,
                last.font if last.font == line.font else "",
            )
        else:
            merged.append(line)
    return tuple(merged)


def _body_size(pages: list[Page]) -> float:
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _body_font(pages: list[Page]) -> str:
    fonts: Counter[str] = Counter()
    for page in pages:
        for line in page.lines:
            if line.font:
                fonts[line.font] += len(line.text)
    return fonts.most_common(1)[0][0] if fonts else ""


def _repeated_lines(pages: list[Page]) -> set[str]:
    """Lines in the outer margins that recur on most pages once their digits are ignored."""
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        keys = {
            _DIGITS_RE.sub("#", line.text.strip())
            for line in page.lines
            if line.top < page.height * 0.15 or line.bottom > page.height * 0.85
        }
        seen.update(keys)
    return {key for key, count in seen.items() if count >= max(3, len(pages) // 2)}


def _furniture(page: Page, repeated: set[str]) -> tuple[list[str], list[str], list[TextLine]]:
    """Split a page's lines into header lines, footer lines and the rest."""
    heads: list[TextLine] = []
    feet: list[TextLine] = []
    content: list[TextLine] = []
    for line in page.lines:
        text = line.text.strip()
        if not text:
            continue
        middle = (line.top + line.bottom) / 2
        in_top = middle < page.height * _MARGIN_SHARE
        in_bottom = middle > page.height * (1 - _MARGIN_SHARE)
        outer = line.top < page.height * 0.15 or line.bottom > page.height * 0.85
        if (
            in_top
            or in_bottom
            or (outer and _DIGITS_RE.sub("#", text) in repeated)
            or (outer and _PAGE_NUMBER_RE.match(text))
        ):
            (heads if middle < page.height / 2 else feet).append(line)
        else:
            content.append(line)
    heads.sort(key=lambda ln: (ln.top, ln.x0))
    feet.sort(key=lambda ln: (ln.top, ln.x0))
    return [ln.text.strip() for ln in heads], [ln.text.strip() for ln in feet], content


def _columns(lines: list[TextLine]) -> list[tuple[float, float]]:
    """Column extents: the x ranges that many lines cover, cut where few do (the gutters).

    A title or a wide heading covers a gutter once; the lines of a column, many times.
    """
    if not lines:
        return []
    left = int(min(ln.x0 for ln in lines))
    right = int(max(ln.x1 for ln in lines)) + 1
    coverage = [0] * (right - left + 1)
    for line in lines:
        for x in range(int(line.x0) - left, int(line.x1) - left):
            coverage[x] += 1
    floor = 0.1 * max(coverage)
    columns: list[tuple[float, float]] = []
    start: int | None = None
    for x, count in enumerate([*coverage, 0]):
        if count > floor and start is None:
            start = x
        elif count <= floor and start is not None:
            columns.append((float(left + start), float(left + x)))
            start = None
    # Snap each column to the lines that stand inside it.
    snapped = []
    for a, b in columns:
        inside = [ln for ln in lines if ln.x0 >= a - 2 and ln.x1 <= b + 2]
        if inside:
            snapped.append((min(ln.x0 for ln in inside), max(ln.x1 for ln in inside)))
    return snapped or [(float(left), float(right))]


def _reading_order(page: Page, lines: list[TextLine], body_size: float) -> list[tuple[TextLine, tuple[float, float]]]:
    """The page's lines in reading order, each with the extent of the column it stands in.

    Columns are where the body type runs; titles and headings in larger type do not make one.
    """
    body = [ln for ln in lines if abs(ln.size - body_size) <= 0.5]
    columns = _columns(body or lines)
    if not columns:
        return []
    whole = (min(c[0] for c in columns), max(c[1] for c in columns))

    def column_of(line: TextLine) -> int | None:
        """The column a line stands in, or None for a line that sticks out of every column."""
        slack = 0.5 * line.size
        hits = [i for i, (a, b) in enumerate(columns) if line.x0 >= a - slack and line.x1 <= b + slack]
        return hits[0] if len(hits) == 1 else None

    spanning = sorted((ln for ln in lines if column_of(ln) is None), key=lambda ln: ln.top)
    cuts = [ln.top for ln in spanning]
    bands: list[list[tuple[TextLine, int]]] = [[] for _ in range(len(cuts) + 1)]
    for line in lines:
        index = column_of(line)
        if index is None:
            continue
        bands[sum(1 for cut in cuts if cut <= line.top)].append((line, index))
    ordered: list[tuple[TextLine, tuple[float, float]]] = []
    for band_index, band in enumerate(bands):
        if band_index > 0:
            ordered.append((spanning[band_index - 1], whole))
        band.sort(key=lambda item: (item[1], item[0].top, item[0].x0))
        ordered.extend((line, columns[index]) for line, index in band)
    return ordered


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
) -> bool:
    """Whether ``following`` goes on with the paragraph that ``previous`` belongs to."""
    (prev, prev_col, prev_page), (line, col, page) = previous, following
    if kind != open_kind or abs(line.size - prev.size) > 0.5:
        return False
    size = line.size
    same_column = page == prev_page and col == prev_col
    if prev.x1 < prev_col[1] - 1.5 * size and (not same_column or prev.x1 < line.x1 - 1.5 * size):
        # The previous line stops short of the column's edge and of the line after it (an
        # indented block is narrower than its column, all its lines alike): its paragraph ended.
        return False
    if line.x0 > (prev.x0 if same_column else col[0]) + 1.0 * size:
        return False  # an indented first line (a block indented whole is not)
    if same_column and line.top >= prev.top:
        gap = line.top - prev.bottom
        return gap < 0.9 * size
    # A new column or page: the line at its top carries on what the last one left unfinished.
    return not re.search(r"[。！？!?]$", prev.text.strip())


def _join(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        if _LATIN_END_RE.search(out) and _LATIN_START_RE.match(line):
            out += " "
        out += line
    return out
