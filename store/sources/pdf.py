"""Read a PDF's text layer, tables and images with pdfplumber and put them in reading order (``extract.layout``).

Why pdfplumber (on pdfminer.six): it gives every character with its box, size and font
(what the column pass and the line builder need) and finds ruled tables in the same
parse; both are MIT-licensed and pure Python. pdfminer.six's own text flow, pdfplumber's
and PyMuPDF's follow the stream or the rows and mix the columns (``bench/compare_pdf.py``);
pizhu builds its lines from the characters itself (``extract.layout.lines_from_chars``),
so a digit set in a Latin face stays in its Chinese sentence.

Tables: pdfplumber's ``find_tables`` (cells from the ruling lines), against PyMuPDF's
``find_tables`` and camelot's lattice on the real files of ``tests/realfiles/pdf.json``
(``python -m bench.bench_tables``): as many ruled tables found as camelot, at a fifth of
its time and of PyMuPDF's, without PyMuPDF's AGPL, which a product would have to buy out.
A table of one row or one column is a box around text, not a table: its text stays in the
flow. Each cell's text is read with the same line builder as the page's.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from pizhu.extract.layout import Char, Figure, Layout, Page, Table, TextLine, lines_from_chars, read_pages, rule_table

# pdfminer writes a glyph it cannot map to Unicode as "(cid:123)"; it stands for one character.
_CID_RE = re.compile(r"\(cid:\d+\)")
_UNMAPPED = "\ufffd"
# An image smaller than this share of the page (either way) is an ornament, a bullet or a
# rule, not a picture with content: it leaves no placeholder.
_FIGURE_SHARE = 0.08


class PdfError(ValueError):
    """The bytes are not a PDF pizhu can read text from."""


def read_pdf(data: bytes) -> Layout:
    """The text of a PDF in reading order; PdfError when it has no text layer or is broken."""
    pages = list(pdf_pages(data))
    if not pages:
        raise PdfError("a PDF with no pages")
    if not any(line.text.strip() for page in pages for line in page.lines) and not any(page.tables for page in pages):
        raise PdfError(f"a scanned PDF: its {len(pages)} page(s) have no text layer (pizhu does no OCR)")
    characters = sum(len(line.text) for page in pages for line in page.lines)
    unmapped = sum(line.text.count(_UNMAPPED) for page in pages for line in page.lines)
    if unmapped > 0.1 * characters:
        raise PdfError(f"a PDF whose fonts have no Unicode map: {unmapped} of {characters} characters cannot be read")
    return read_pages(pages)


def pdf_pages(data: bytes) -> Iterator[Page]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                yield _page(number, page)
                page.close()  # its parsed objects are no longer needed: flat memory over 300 pages
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise PdfError("an encrypted PDF (give the decrypted file)") from None
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise PdfError("an encrypted PDF (give the decrypted file)") from None
        raise PdfError(f"a damaged PDF ({type(cause).__name__})") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PdfError(f"a damaged PDF ({type(exc).__name__})") from None


def _page(number: int, page: Any) -> Page:
    width, height = float(page.width), float(page.height)
    # Text set at an angle (a watermark, a stamp, a picture of a page drawn turned) cannot
    # be read into lines: it leaves one placeholder for the page.
    chars = [_char(c) for c in page.chars if not _turned(c)]
    turned = [c for c in page.chars if _turned(c) and c["text"].strip()]
    tables = []
    boxes: list[tuple[float, float, float, float]] = []
    for found in page.find_tables():
        table = _table(found, chars)
        if table is not None:
            tables.append(table)
            boxes.append(found.bbox)
    flow = [c for c in chars if not any(_inside(c, box) for box in boxes)]
    figures = tuple(
        Figure(float(im["x0"]), float(im["x1"]), float(im["top"]), float(im["bottom"]))
        for im in page.images
        if float(im["x1"]) - float(im["x0"]) >= _FIGURE_SHARE * width
        and float(im["bottom"]) - float(im["top"]) >= _FIGURE_SHARE * height
    )
    lines: tuple[TextLine, ...] = lines_from_chars(flow)
    for region in _rule_regions(page, boxes, lines):
        x0, top, x1, bottom = region
        table = rule_table(list(lines), x0, x1, top, bottom, flow)
        if table is None or not _tabular(table):
            continue
        tables.append(table)
        lines = tuple(ln for ln in lines if not (x0 - 2 <= ln.x0 and ln.x1 <= x1 + 2 and top <= ln.top <= bottom))
    return Page(
        number=number,
        width=width,
        height=height,
        lines=lines,
        tables=tuple(tables),
        figures=figures,
        turned=len(turned),
    )


def _rules(page: Any) -> list[tuple[float, float, float, float]]:
    """Horizontal rules as (x0, x1, top, thickness): lines drawn, and thin filled boxes."""
    rules = [
        (float(ln["x0"]), float(ln["x1"]), float(ln["top"]), float(ln.get("linewidth") or 1.0))
        for ln in page.lines
        if abs(float(ln["bottom"]) - float(ln["top"])) < 1.0
    ]
    rules += [
        (float(r["x0"]), float(r["x1"]), float(r["top"]), float(r["bottom"]) - float(r["top"]))
        for r in page.rects
        if float(r["bottom"]) - float(r["top"]) <= 2.5
    ]
    return rules


def _rule_regions(
    page: Any, boxes: list[tuple[float, float, float, float]], lines: tuple[TextLine, ...]
) -> list[tuple[float, float, float, float]]:
    """Where horizontal rules of one width fence text with no vertical rules: 三线表 (booktabs).

    Rules of the same extent, one under the other, bound tables: a table runs from a rule
    to the next heavy one (the top and bottom rules are heavier than the rule under the
    header); where all weigh the same, a line between two rules as wide as most of the
    region (a caption, a paragraph) parts two tables. A region framed by vertical rules is
    a box (a code sample) and is left to the flow.
    """
    width, height = float(page.width), float(page.height)
    rules = [
        r
        for r in _rules(page)
        if r[1] - r[0] >= 0.15 * width
        and not any(b[0] - 2 <= r[0] and r[1] <= b[2] + 2 and b[1] - 2 <= r[2] <= b[3] + 2 for b in boxes)
    ]
    groups: list[list[tuple[float, float, float, float]]] = []
    for rule in sorted(rules, key=lambda r: r[2]):
        for group in groups:
            if abs(group[0][0] - rule[0]) <= 3 and abs(group[0][1] - rule[1]) <= 3:
                if rule[2] - group[-1][2] <= 1.5:  # one rule drawn as two edges, or twice
                    group[-1] = (*group[-1][:3], max(group[-1][3], rule[3]))
                else:
                    group.append(rule)
                break
        else:
            groups.append([rule])
    regions = []
    for group in groups:
        if len(group) < 2:
            continue
        x0 = min(r[0] for r in group)
        x1 = max(r[1] for r in group)
        lightest = min(r[3] for r in group)
        heavy = [r[3] >= 1.3 * lightest for r in group]
        index = 0
        while index < len(group) - 1:
            end = index + 1
            if any(heavy):
                while end < len(group) - 1 and not heavy[end]:
                    end += 1
            else:
                between = [ln for ln in lines if group[end - 1][2] < (ln.top + ln.bottom) / 2 < group[end][2]]
                if any(ln.x1 - ln.x0 >= 0.6 * (x1 - x0) for ln in between):
                    index = end
                    continue
                while end < len(group) - 1:
                    between = [ln for ln in lines if group[end][2] < (ln.top + ln.bottom) / 2 < group[end + 1][2]]
                    if any(ln.x1 - ln.x0 >= 0.6 * (x1 - x0) for ln in between):
                        break
                    end += 1
            regions.append((x0, group[index][2], x1, group[end][2]))
            index = end + 1 if any(heavy) else end
    verticals = page.vertical_edges
    out = []
    for x0, top, x1, bottom in regions:
        if bottom - top > 0.6 * height:
            continue
        framed = [
            v
            for v in verticals
            if float(v["bottom"]) - float(v["top"]) >= 0.5 * (bottom - top)
            and top - 2 <= float(v["top"])
            and float(v["bottom"]) <= bottom + 2
            and x0 - 2 <= float(v["x0"]) <= x1 + 2
        ]
        if len(framed) < 2:
            out.append((x0, top, x1, bottom))
    return out


def _tabular(table: Table) -> bool:
    """Whether rows read as a table: short cells (not two columns of running text), and rows
    with two cells or more, a third of them at least (not a code sample with a comment set
    apart; a row of marks drawn as pictures has its label alone)."""
    cells = [cell for row in table.rows for cell in row if cell]
    full = sum(1 for row in table.rows if sum(1 for cell in row if cell) >= 2)
    return bool(cells) and sum(len(cell) for cell in cells) / len(cells) <= 20 and full >= max(2, len(table.rows) / 3)


def _turned(c: dict[str, Any]) -> bool:
    """Whether a character is set at an angle: its matrix turns (pdfminer's ``upright``
    only tells a quarter turn)."""
    a, b, c_, d = (float(v) for v in c.get("matrix", (1, 0, 0, 1, 0, 0))[:4])
    return not c.get("upright", True) or abs(b) > 0.02 * abs(a) or abs(c_) > 0.02 * abs(d)


def _char(c: dict[str, Any]) -> Char:
    text = _CID_RE.sub(_UNMAPPED, c["text"])
    return Char(
        text, float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]), float(c["size"]), c["fontname"]
    )


def _inside(char: Char, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    cx, cy = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _cell_text(lines: tuple[TextLine, ...]) -> str:
    """A cell's lines as one text: pieces on one baseline apart by a space (names set apart,
    童文光  张科  杨舒), the lines of a wrapped cell joined as a paragraph's are."""
    rows: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        if rows and abs(line.top - rows[-1][0].top) < 0.5 * line.size:
            rows[-1].append(line)
        else:
            rows.append([line])
    texts = [" ".join(piece.text.strip() for piece in sorted(row, key=lambda p: p.x0)) for row in rows]
    out = ""
    for text in texts:
        latin = out[-1:].isascii() and out[-1:].isalnum() and text[:1].isascii() and text[:1].isalnum()
        out += (" " if latin else "") + text
    return out.strip()


def _table(found: Any, chars: list[Char]) -> Table | None:
    """A found table as rows of cell texts, or None when it is a box around text (one row or column)."""
    chars = [c for c in chars if _inside(c, found.bbox)]
    rows = []
    for row in found.rows:
        cells = []
        # A merged cell reaches below its row: the characters of the row's tallest cell.
        top = min(cell[1] for cell in row.cells if cell is not None)
        bottom = max(cell[3] for cell in row.cells if cell is not None)
        across = [c for c in chars if top <= (c.top + c.bottom) / 2 <= bottom]
        for cell in row.cells:
            if cell is None:
                cells.append("")  # covered by a cell merged over it
                continue
            inside = [c for c in across if _inside(c, cell)]
            cells.append(_cell_text(lines_from_chars(inside)))
        rows.append(tuple(cells))
    rows = [row for row in rows if any(row)]
    width = max((len(row) for row in rows), default=0)
    if len(rows) < 2 or width < 2:
        return None
    # Columns empty in every row (a ruling line drawn twice) say nothing.
    keep = [j for j in range(width) if any(j < len(row) and row[j] for row in rows)]
    if len(keep) < 2:
        return None
    grid = tuple(tuple(row[j] if j < len(row) else "" for j in keep) for row in rows)
    sizes = sorted(c.size for c in chars)
    x0, top, x1, bottom = (float(v) for v in found.bbox)
    return Table(x0, x1, top, bottom, grid, sizes[len(sizes) // 2] if sizes else 0.0)
