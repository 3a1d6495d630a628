"""Read a Word file as a person reads it: the body in document order, tables where they stand.

python-docx opens the package and resolves styles; the body's XML is walked here, because
what python-docx's ``Paragraph.text`` and ``Table.rows`` give leaves out or repeats what a
reader sees:

- an equation (Office Math, ``m:oMath``) and a picture (``w:drawing``, ``w:pict``) have no
  text: they stand in the text as ``[公式]`` and ``[图]``, and the import counts them
  (``Extracted.placeholders``). A text box's paragraphs are read; a picture Word saved
  twice (``mc:AlternateContent``) counts once;
- a table is read row by row, each row a line of ``table`` kind, its cells joined by
  `` | ``; a merged cell once: a cell spanning columns (``w:gridSpan``) is one ``w:tc``, a
  cell spanning rows (``w:vMerge``) is read where it starts and its continuations are
  skipped. Two cells that merely hold the same text are two cells;
- a table inside a cell is read where it stands: the row is cut there, the inner table's
  rows follow as lines of their own, then the rest of the row;
- a line break inside a paragraph (``w:br``) ends a line, as on the page.

A paragraph styled as a heading (``Heading 1``…, ``Title``, ``标题 1``…) is a heading; a
``Caption`` (题注) a caption; the page header and footer are boilerplate. The title is the
cover's largest type (``_cover_title``): a standard's name in 26 pt, not the ``ICS``
number above it in 10.5 pt. The text is typed, so a space between two names stays
(``Layout.typed``).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pizhu.extract.layout import Layout

_HEADING_STYLE_RE = re.compile(r"^(?:heading|title|subtitle|标题|副标题)", re.I)
_CAPTION_STYLE_RE = re.compile(r"^(?:caption|题注)", re.I)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
EQUATION = "[公式]"
PICTURE = "[图]"


class DocxError(ValueError):
    """A Word file pizhu cannot read."""


@dataclass
class _Line:
    text: str
    kind: str
    size: float = 0.0
    """The largest font size in the line, in points (0 where unknown)."""


@dataclass
class _Reader:
    document: Any
    lines: list[_Line] = field(default_factory=list)
    units: list[_Line] = field(default_factory=list)
    """Every paragraph's lines in order, a table cell's too: where the cover's title is looked for."""
    placeholders: Counter[str] = field(default_factory=Counter)
    sizes: dict[str, float] = field(default_factory=dict)
    default_size: float = 0.0

    # --- paragraphs ------------------------------------------------------------------

    def paragraph(self, p: Any, kind: str | None = None) -> None:
        """Add a ``w:p`` as one line per ``w:br``-separated stretch."""
        style = self.style_name(p)
        if kind is None:
            kind = (
                "heading" if _HEADING_STYLE_RE.match(style) else "caption" if _CAPTION_STYLE_RE.match(style) else "body"
            )
        style_size = self.style_size(p)
        pieces: list[str] = []
        size = 0.0
        for piece, run_size in self.inline(p):
            if piece == "\n":
                self.add(_Line("".join(pieces), kind, size or style_size))
                pieces, size = [], 0.0
                continue
            pieces.append(piece)
            if piece.strip():
                size = max(size, run_size or style_size)
        self.add(_Line("".join(pieces), kind, size or style_size))

    def add(self, line: _Line) -> None:
        self.lines.append(line)
        self.units.append(line)

    def inline(self, node: Any) -> Iterator[tuple[str, float]]:
        """The text of a paragraph's content in order, with each run's font size; equations
        and pictures as placeholders, text boxes as their paragraphs' text."""
        for child in node:
            tag = child.tag
            if tag == f"{W}r":
                size = self.run_size(child)
                for part in child:
                    if part.tag == f"{W}t":
                        yield part.text or "", size
                    elif part.tag in (f"{W}tab", f"{W}ptab"):
                        yield " ", size
                    elif (
                        part.tag == f"{W}br" and part.get(f"{W}type") in (None, "textWrapping")
                    ) or part.tag == f"{W}cr":
                        yield "\n", size
                    elif part.tag in (f"{W}drawing", f"{W}pict", f"{W}object"):
                        yield from self.picture(part, size)
                    elif part.tag == f"{MC}AlternateContent":
                        choice = part.find(f"{MC}Choice")
                        if choice is not None:
                            yield from self.inline_run_content(choice, size)
            elif tag in (f"{M}oMath", f"{M}oMathPara"):
                self.placeholders[EQUATION] += 1
                yield EQUATION, 0.0
            elif tag == f"{MC}AlternateContent":
                choice = child.find(f"{MC}Choice")
                if choice is not None:
                    yield from self.inline(choice)
            elif tag in (f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr"):
                continue  # deleted revisions and properties are not text
            elif len(child):
                # hyperlinks, inserted revisions, fields, content controls, smart tags
                yield from self.inline(child)

    def inline_run_content(self, node: Any, size: float) -> Iterator[tuple[str, float]]:
        for part in node:
            if part.tag in (f"{W}drawing", f"{W}pict", f"{W}object"):
                yield from self.picture(part, size)

    def picture(self, node: Any, size: float) -> Iterator[tuple[str, float]]:
        """A drawing: its text box's text where it has one, the placeholder where it shows a
        picture (a bitmap: ``a:blip``, ``v:imagedata``; a chart, a SmartArt diagram); a
        drawn line or frame is nothing."""
        boxes = list(node.iter(f"{W}txbxContent"))
        for box in boxes:
            for p in box.iter(f"{W}p"):
                text = "".join(t for t, _ in self.inline(p) if t != "\n")
                if text.strip():
                    yield text + " ", size
        if not boxes and any(_shows_picture(el) for el in node.iter()):
            self.placeholders[PICTURE] += 1
            yield PICTURE, 0.0

    # --- tables -------------------------------------------------------------------------

    def table(self, tbl: Any) -> None:
        """Add a ``w:tbl``: one ``table`` line per row, merged cells once, nested tables in place."""
        for tr in tbl.iter(f"{W}tr"):
            if tr.getparent() is None or _owner_table(tr) is not tbl:
                continue
            cells: list[str] = []
            size = 0.0
            for tc in _row_cells(tr):
                if _continues_merge(tc):
                    continue
                texts: list[str] = []
                for block in _cell_blocks(tc):
                    if block.tag == f"{W}tbl":
                        # The row is cut at the inner table: what came before, the inner rows, the rest.
                        if texts:
                            cells.append(" ".join(texts))
                            texts = []
                        self.row(cells, size)
                        cells, size = [], 0.0
                        self.table(block)
                        continue
                    mark = len(self.lines)
                    self.paragraph(block, "table")
                    for line in self.lines[mark:]:
                        if line.text.strip():
                            texts.append(line.text.strip())
                            size = max(size, line.size)
                    del self.lines[mark:]
                cells.append(" ".join(texts))
            self.row(cells, size)

    def row(self, cells: list[str], size: float) -> None:
        cells = [c for c in cells if c.strip()]
        if cells:
            self.lines.append(_Line(" | ".join(cells), "table", size))  # its paragraphs are units already

    # --- styles and sizes ------------------------------------------------------------------

    def style_name(self, p: Any) -> str:
        style_id = _style_id(p)
        if not style_id:
            return ""
        try:
            return str(self.document.styles.element.get_by_id(style_id).name_val or "")
        except AttributeError:
            return ""

    def style_size(self, p: Any) -> float:
        """The font size a paragraph's style gives its text (following ``basedOn``)."""
        style_id = _style_id(p) or "__default__"
        if style_id not in self.sizes:
            self.sizes[style_id] = self._style_chain_size(style_id) or self.default_size
        return self.sizes[style_id]

    def _style_chain_size(self, style_id: str) -> float:
        styles = self.document.styles.element
        seen: set[str] = set()
        style = styles.get_by_id(style_id) if style_id != "__default__" else styles.default_for("paragraph")
        while style is not None and style.styleId not in seen:
            seen.add(style.styleId)
            sz = style.find(f"{W}rPr/{W}sz")
            if sz is not None and (sz.get(f"{W}val") or "").isdigit():
                return int(sz.get(f"{W}val")) / 2
            based = style.find(f"{W}basedOn")
            style = styles.get_by_id(based.get(f"{W}val")) if based is not None else None
        return 0.0

    def run_size(self, r: Any) -> float:
        sz = r.find(f"{W}rPr/{W}sz")
        if sz is not None and (sz.get(f"{W}val") or "").isdigit():
            return int(sz.get(f"{W}val")) / 2
        return 0.0


def _shows_picture(element: Any) -> bool:
    tag = str(element.tag)
    if tag.endswith(("}blip", "}imagedata")):
        return True
    return tag.endswith("}graphicData") and any(kind in (element.get("uri") or "") for kind in ("/chart", "/diagram"))


def _style_id(p: Any) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    return str(style.get(f"{W}val")) if style is not None else ""


def _owner_table(node: Any) -> Any:
    parent = node.getparent()
    while parent is not None and parent.tag != f"{W}tbl":
        parent = parent.getparent()
    return parent


def _row_cells(tr: Any) -> Iterator[Any]:
    """A row's cells in order (inside content controls too)."""
    for child in tr:
        if child.tag == f"{W}tc":
            yield child
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _row_cells(content)


def _continues_merge(tc: Any) -> bool:
    """A cell that continues the one above it (``w:vMerge`` without ``restart``): read once, above."""
    merge = tc.find(f"{W}tcPr/{W}vMerge")
    return merge is not None and merge.get(f"{W}val") in (None, "continue")


def _cell_blocks(tc: Any) -> Iterator[Any]:
    """A cell's paragraphs and tables in order (inside content controls too)."""
    for child in tc:
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _cell_blocks(content)


def _default_size(document: Any) -> float:
    sz = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz")
    if sz is not None and (sz.get(f"{W}val") or "").isdigit():
        return int(sz.get(f"{W}val")) / 2
    return 10.0  # Word's own default when the file states none


@dataclass(frozen=True)
class Extracted:
    """A Word file's layout, and how many placeholders stand in its text for what it cannot show."""

    layout: Layout
    placeholders: dict[str, int]
    """``[公式]``, ``[图]`` → how many times the text holds it."""


def read_docx(data: bytes) -> Layout:
    return extract_docx(data).layout


MAX_UNZIPPED_BYTES = 64 * 1024 * 1024
"""A Word file whose parts unzip to more than this is refused before any is read (a
2 MB file of repeated bytes can unzip to gigabytes)."""
MAX_PARAGRAPHS = 50_000
"""Paragraphs in the body; a long report has a few thousand (300,000 empty ones took minutes)."""


def check_limits(data: bytes) -> None:
    """Refuse a Word file past the limits above, from its zip directory and its body's bytes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unzipped = sum(info.file_size for info in z.infolist())
            if unzipped > MAX_UNZIPPED_BYTES:
                raise DocxError(
                    f"a Word file that unzips to {unzipped // (1024 * 1024)} MB"
                    f" (the limit is {MAX_UNZIPPED_BYTES // (1024 * 1024)} MB)"
                )
            try:
                body = z.read("word/document.xml")
            except KeyError:
                return  # python-docx says what is missing
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise DocxError(f"a damaged Word file ({type(exc).__name__})") from None
    paragraphs = body.count(b"<w:p>") + body.count(b"<w:p ") + body.count(b"<w:p/>")
    if paragraphs > MAX_PARAGRAPHS:
        raise DocxError(f"a Word file of {paragraphs} paragraphs (the limit is {MAX_PARAGRAPHS})")


def extract_docx(data: bytes) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    check_limits(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise DocxError(f"a damaged Word file ({type(exc).__name__})") from None
    reader = _Reader(document, default_size=_default_size(document))
    section = document.sections[0] if document.sections else None
    head: list[tuple[str, str, tuple[int, ...]]] = []
    foot: list[tuple[str, str, tuple[int, ...]]] = []
    if section is not None and not section.header.is_linked_to_previous:
        head = [(p.text, "boilerplate", ()) for p in section.header.paragraphs]
    if section is not None and not section.footer.is_linked_to_previous:
        foot = [(p.text, "boilerplate", ()) for p in section.footer.paragraphs]
    body = document.element.body
    for block in _body_blocks(body):
        if block.tag == f"{W}p":
            reader.paragraph(block)
        else:
            reader.table(block)
    title, title_lines = _cover_title(reader.units)
    paragraphs = [
        *head,
        *(
            (line.text, "heading" if id(line) in title_lines and line.kind == "body" else line.kind, ())
            for line in reader.lines
        ),
        *foot,
    ]
    layout = Layout.from_paragraphs(paragraphs, title=title, typed=True)
    if not layout.text.strip():
        raise DocxError("a Word file with no text")
    return Extracted(layout, dict(reader.placeholders))


def _body_blocks(node: Any) -> Iterator[Any]:
    """The body's paragraphs and tables in order, inside content controls too."""
    for child in node:
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _body_blocks(content)


_CJK_RE = re.compile("[\u3400-\u9fff]")
_COVER_LINES = 40
# The title's type is well above the body's (a cover's name is 18-26 pt over 10.5-12 pt text).
_TITLE_SCALE = 1.3


def _cover_title(lines: list[_Line]) -> tuple[str, set[int]]:
    """The title as the cover sets it: the lines in the largest type near the start.

    Among the first lines, the largest type that is not a badge (a line of a code or a
    few letters: ``ICS 27.120.99``, ``NB``, ``NB/T XXXXX—XXXX``) is the title's; the lines
    next to it set well above the body's type (a standard's name and its part, a note's
    subject and ``编制说明``) join it. ``""`` where nothing stands above the body's type.
    Returns the title and the ids of its lines.
    """
    sized = [line for line in lines if line.text.strip() and line.size]
    if not sized:
        return "", set()
    chinese = sum(len(_CJK_RE.findall(line.text)) for line in sized) > 0.3 * sum(len(line.text) for line in sized)
    counts: Counter[float] = Counter()
    for line in sized:
        counts[line.size] += len(line.text)
    body = counts.most_common(1)[0][0]
    cover = [line for line in lines if line.text.strip()][:_COVER_LINES]

    def badge(line: _Line) -> bool:
        text = line.text.strip()
        return len(text) <= 2 or (chinese and len(_CJK_RE.findall(text)) < 2)

    big = [i for i, line in enumerate(cover) if line.size >= body * _TITLE_SCALE and not badge(line)]
    if not big:
        return "", set()
    top = max(big, key=lambda i: (cover[i].size, -i))
    first = last = top
    while first - 1 in big and cover[first - 1].kind == cover[top].kind:
        first -= 1
    while last + 1 in big and cover[last + 1].kind == cover[top].kind:
        last += 1
    chosen = cover[first : last + 1]
    return " ".join(line.text.strip() for line in chosen), {id(line) for line in chosen}
