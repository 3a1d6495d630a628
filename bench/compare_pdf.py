"""Which PDF library reads Chinese pages in two and three columns right: a measurement.

Generated yearbook pages (``tests.samples.report_pdf``, reportlab's STSong-Light),
their text written across the columns row by row (``rows``) or column by column
(``columns``). For each library's own text output, and for pizhu's reader (pdfminer.six
characters through ``extract.layout``):

- paragraphs: share of the report's paragraphs found whole and in reading order (the
  output's white space removed, so a library is not blamed for where it breaks lines);
- figures: share of figures (``12次``) found whole, with no line break between number and unit;
- ms/page: extraction time.

pdfplumber and PyMuPDF are not pizhu dependencies: ``pip install pdfplumber pymupdf`` first.

Usage: python bench/compare_pdf.py
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable

from tests.samples import report_pdf


def pdfminer_text(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def pdfminer_boxes(data: bytes) -> str:
    # Its layout analysis tuned for CJK columns (no box flow heuristics).
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    return extract_text(io.BytesIO(data), laparams=LAParams(char_margin=0.9, line_margin=0.3, boxes_flow=1.0))


def pdfplumber_text(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pdfplumber_layout(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text(layout=True) or "" for page in pdf.pages)


def pymupdf_text(data: bytes) -> str:
    import pymupdf

    with pymupdf.open(stream=data) as pdf:
        return "\n".join(page.get_text() for page in pdf)


def pymupdf_sorted(data: bytes) -> str:
    import pymupdf

    with pymupdf.open(stream=data) as pdf:
        return "\n".join(page.get_text(sort=True) for page in pdf)


def pymupdf_blocks(data: bytes) -> str:
    import pymupdf

    with pymupdf.open(stream=data) as pdf:
        out = []
        for page in pdf:
            blocks = sorted(page.get_text("blocks"), key=lambda b: (b[0] // 150, b[1]))
            out.extend(b[4] for b in blocks)
        return "\n".join(out)


def pizhu_reader(data: bytes) -> str:
    from pizhu.store.sources.pdf import read_pdf

    return read_pdf(data).text


READERS: list[tuple[str, str, Callable[[bytes], str]]] = [
    ("pdfminer.six extract_text", "MIT", pdfminer_text),
    ("pdfminer.six tuned LAParams", "MIT", pdfminer_boxes),
    ("pdfplumber extract_text", "MIT", pdfplumber_text),
    ("pdfplumber layout=True", "MIT", pdfplumber_layout),
    ("PyMuPDF get_text", "AGPL", pymupdf_text),
    ("PyMuPDF sort=True", "AGPL", pymupdf_sorted),
    ("PyMuPDF blocks by column", "AGPL", pymupdf_blocks),
    ("pizhu: pdfminer chars + extract.layout", "MIT", pizhu_reader),
]


def in_order(paragraphs: tuple[str, ...], text: str) -> int:
    """How many paragraphs occur whole, each after the previous one found."""
    flat = re.sub(r"\s+", "", text)
    position = found = 0
    for paragraph in paragraphs:
        wanted = re.sub(r"\s+", "", paragraph)
        index = flat.find(wanted, position)
        if index >= 0:
            found += 1
            position = index + len(wanted)
    return found


def whole_figures(figures: tuple[str, ...], text: str) -> int:
    """Figures found whole, in order, not inside a longer number (``12次`` is not found in ``112次``)."""
    position = found = 0
    for figure in figures:
        match = re.compile(rf"(?<![\d.]){re.escape(figure)}").search(text, position)
        if match:
            found += 1
            position = match.end()
    return found


def main() -> None:
    samples = [(c, s, report_pdf(c, stream=s, paragraphs=30)) for c in (2, 3) for s in ("rows", "columns")]
    print(f"{'reader':40} {'licence':7} {'layout':12} {'paragraphs':>11} {'figures':>9} {'ms/page':>8}")
    for name, licence, reader in READERS:
        for columns, stream, sample in samples:
            start = time.perf_counter()
            text = reader(sample.data)
            elapsed = (time.perf_counter() - start) * 1000 / sample.pages
            paragraphs = in_order(sample.paragraphs, text) / len(sample.paragraphs)
            figures = whole_figures(sample.figures, text) / len(sample.figures)
            print(
                f"{name:40} {licence:7} {f'{columns}col/{stream}':12} {paragraphs:>10.0%} {figures:>9.0%}"
                f" {elapsed:>8.1f}"
            )


if __name__ == "__main__":
    main()
