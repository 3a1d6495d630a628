"""Read a PDF's text layer with pdfminer.six and put it in reading order (``extract.layout``).

Why pdfminer.six: on generated Chinese pages in two and three columns whose content stream
runs across the columns (``bench/compare_pdf.py``), it gives every character with its box
and font size, which is what the column pass needs, and it is MIT-licensed, pure Python and
well kept. Its own text flow, pdfplumber's and PyMuPDF's (AGPL) all follow the stream or
the rows and mix the columns: 13-33% of paragraphs whole and in order where the stream
runs across the columns (PyMuPDF's plain output is right only when the stream already is
in reading order), against 100% with the column pass, figures whole 29-42% against 100%.
PyMuPDF is 50x faster (about 1 ms a page against 50-70), which its licence outweighs.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from extract.layout import Layout, Page, TextLine, read_pages

# pdfminer writes a glyph it cannot map to Unicode as "(cid:123)"; it stands for one character.
_CID_RE = re.compile(r"\(cid:\d+\)")
_UNMAPPED = "\ufffd"


class PdfError(ValueError):
    """The bytes are not a PDF pizhu can read text from."""


def read_pdf(data: bytes) -> Layout:
    """The text of a PDF in reading order; PdfError when it has no text layer or is broken."""
    pages = list(pdf_pages(data))
    if not pages:
        raise PdfError("a PDF with no pages")
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise PdfError(f"a scanned PDF: its {len(pages)} page(s) have no text layer (pizhu does no OCR)")
    characters = sum(len(line.text) for page in pages for line in page.lines)
    unmapped = sum(line.text.count(_UNMAPPED) for page in pages for line in page.lines)
    if unmapped > 0.1 * characters:
        raise PdfError(f"a PDF whose fonts have no Unicode map: {unmapped} of {characters} characters cannot be read")
    return read_pages(pages)


def pdf_pages(data: bytes) -> Iterator[Page]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLineHorizontal
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    # char_margin is in multiples of the character width: a gutter of one character
    # separates two columns' lines, which the default (2.0) would run together.
    params = LAParams(char_margin=0.9, line_margin=0.3, word_margin=0.2, boxes_flow=None)
    try:
        for number, layout in enumerate(extract_pages(io.BytesIO(data), laparams=params), start=1):
            lines: list[TextLine] = []
            stack = list(layout)
            while stack:
                element = stack.pop()
                if isinstance(element, LTTextLineHorizontal):
                    chars = [c for c in element if isinstance(c, LTChar)]
                    if not chars:
                        continue
                    text = _CID_RE.sub(_UNMAPPED, element.get_text().replace("\n", ""))
                    size = sorted(c.size for c in chars)[len(chars) // 2]
                    fonts = {c.fontname for c in chars}
                    lines.append(
                        TextLine(
                            text=text,
                            x0=element.x0,
                            x1=element.x1,
                            top=layout.height - element.y1,
                            bottom=layout.height - element.y0,
                            size=round(size, 2),
                            font=fonts.pop() if len(fonts) == 1 else "",
                        )
                    )
                elif isinstance(element, LTTextContainer):
                    stack.extend(element)
            yield Page(number=number, width=layout.width, height=layout.height, lines=tuple(lines))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise PdfError("an encrypted PDF (give the decrypted file)") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PdfError(f"a damaged PDF ({type(exc).__name__})") from None
