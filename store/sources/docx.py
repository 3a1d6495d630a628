"""Read a Word file with python-docx: paragraphs, headings by their style, tables as text.

The body is read in document order, tables where they stand, each row a line with its
cells joined by `` | ``. A paragraph whose style is a heading (``Heading 1``…, ``Title``,
``标题 1``…) is a heading; a ``Caption`` (题注) is a caption; the text of the page header
and footer is page boilerplate, before and after the body.
"""

from __future__ import annotations

import io
import re

from extract.layout import Layout

_HEADING_STYLE_RE = re.compile(r"^(?:heading|title|subtitle|标题|副标题)", re.I)
_CAPTION_STYLE_RE = re.compile(r"^(?:caption|题注)", re.I)


class DocxError(ValueError):
    """A Word file pizhu cannot read."""


def read_docx(data: bytes) -> Layout:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise DocxError(f"a damaged Word file ({type(exc).__name__})") from None
    paragraphs: list[tuple[str, str, tuple[int, ...]]] = []
    section = document.sections[0] if document.sections else None
    if section is not None and not section.header.is_linked_to_previous:
        paragraphs.extend((p.text, "boilerplate", ()) for p in section.header.paragraphs)
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            style = block.style.name if block.style is not None else ""
            kind = (
                "heading" if _HEADING_STYLE_RE.match(style) else "caption" if _CAPTION_STYLE_RE.match(style) else "body"
            )
            paragraphs.append((block.text, kind, ()))
        elif isinstance(block, Table):
            for row in block.rows:
                cells = list(dict.fromkeys(cell.text.strip() for cell in row.cells))  # merged cells repeat
                paragraphs.append((" | ".join(cell for cell in cells if cell), "table", ()))
    if section is not None and not section.footer.is_linked_to_previous:
        paragraphs.extend((p.text, "boilerplate", ()) for p in section.footer.paragraphs)
    layout = Layout.from_paragraphs(paragraphs)
    if not layout.text.strip():
        raise DocxError("a Word file with no text")
    return layout
