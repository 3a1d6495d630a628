"""What a report file holds, by its bytes: plain text, a PDF, a saved HTML page or a Word file.

``read_source`` looks at the bytes (never the file name) and hands them to the reader
for their format; each returns the text its layout library extracted, which becomes the
document's raw text, with a ``Layout`` saying what each paragraph is. Plain text goes
through ``extract.decode``.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from pizhu.extract.decode import DecodeError, decode
from pizhu.extract.layout import Layout


class SourceError(ValueError):
    """The file is not one pizhu can read; the message is one line saying why."""


@dataclass(frozen=True)
class Source:
    text: str
    """The raw text: the decoded file, or what the layout library extracted."""
    encoding: str
    """How the text was read: a codec (``utf-8``, ``gb18030``…) or ``pdf``, ``html/utf-8``, ``docx``."""
    layout: Layout | None = None
    original: tuple[str, bytes] | None = None
    """(media type, bytes) of a file to keep beside the text (a saved HTML page)."""
    placeholders: dict[str, int] = field(default_factory=dict)
    """What the text could not hold, left in it as a visible placeholder: ``[公式]`` → count."""
    ocr_words: list[tuple[int, int, float]] = field(default_factory=list)
    """For text read by OCR: (start, end, confidence 0–100) of each word in ``text``."""
    notice: str = ""
    """Something the user should know about the import that is no refusal (pages left as pictures)."""


PLACEHOLDER_NAMES = {"[图]": "an image", "[公式]": "an equation", "[旋转文字]": "text set at an angle"}
"""The placeholders a reader writes into a text, and what each stands for (for the summary)."""


_HTML_START_RE = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta)[\s>]", re.I | re.S
)


def sniff(data: bytes) -> str:
    """``pdf``, ``docx``, ``html``, ``zip``, ``ole``, ``image`` or ``text``, from the file's first bytes."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
        return "zip"
    if _HTML_START_RE.match(data[:4096]):
        return "html"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    return "text"


class NeedsOcr(SourceError):
    """Pages without a text layer that only OCR can read, which the user did not ask for."""

    def __init__(self, page: int, what: str = "page") -> None:
        self.page = page
        self.what = what
        super().__init__(f"{what} {page} has no text layer" if what == "page" else f"{what} has no text layer")

    def advice(self, path: str) -> str:
        """The one-line refusal, saying how to ask for OCR."""
        import shlex

        return f"{self}; pizhu import --ocr {shlex.quote(path)} reads it with tesseract"


def _counted(layout: Layout) -> dict[str, int]:
    """How many of each placeholder a PDF's text holds (its layout counts them all together)."""
    if not layout.placeholders:
        return {}
    counts = {mark: layout.text.count(mark) for mark in PLACEHOLDER_NAMES}
    return {mark: n for mark, n in counts.items() if n}


def image_only_pages(layout: Layout) -> list[int]:
    """Pages whose only content is pictures (their ``[图]`` placeholders): scanned pages, or
    photographs, among pages with text. A blank page has no block at all and is not one."""
    shown: dict[int, bool] = {}
    for block in layout.blocks:
        if block.kind == "boilerplate":
            continue
        text = layout.text[block.start : block.end].replace("[图]", "").strip()
        for page in block.pages:
            shown[page] = shown.get(page, False) or bool(text)
    return sorted(page for page, has_text in shown.items() if not has_text)


def read_source(data: bytes, *, ocr: bool = False, ocr_lang: str = "") -> Source:
    """Read a report file's bytes; SourceError (one line) when they are none of the formats.

    ``ocr``: pages without a text layer (and images) are read by tesseract
    (``store.sources.ocr``); without it such a file is refused with ``NeedsOcr``, or, where
    only some pages are pictures, imported with ``Source.notice`` saying so.
    """
    kind = sniff(data)
    if kind in ("pdf", "image") and ocr:
        from pizhu.store.sources.ocr import DEFAULT_LANG, OcrError, read_image_ocr, read_pdf_ocr
        from pizhu.store.sources.pdf import PdfError

        try:
            read = read_pdf_ocr if kind == "pdf" else read_image_ocr
            result = read(data, ocr_lang or DEFAULT_LANG)
        except (OcrError, PdfError) as exc:
            raise SourceError(str(exc)) from None
        layout = result.layout
        encoding = f"{kind}+ocr" if result.pages else kind
        return Source(
            layout.text,
            encoding,
            layout,
            placeholders=_counted(layout),
            ocr_words=result.words,
        )
    if kind == "image":
        raise NeedsOcr(1, "an image")
    if kind == "pdf":
        from pizhu.store.sources.pdf import PdfError, read_pdf

        try:
            layout = read_pdf(data)
        except PdfError as exc:
            if "no text layer" in str(exc):
                raise NeedsOcr(1) from None
            raise SourceError(str(exc)) from None
        pictures = image_only_pages(layout)
        notice = (
            f"page(s) {', '.join(map(str, pictures))} hold only pictures (no text layer); --ocr reads them"
            if pictures
            else ""
        )
        return Source(
            layout.text,
            "pdf",
            layout,
            placeholders=_counted(layout),
            notice=notice,
        )
    if kind == "docx":
        from pizhu.store.sources.docx import DocxError, extract_docx

        try:
            extracted = extract_docx(data)
        except DocxError as exc:
            raise SourceError(str(exc)) from None
        return Source(extracted.layout.text, "docx", extracted.layout, placeholders=extracted.placeholders)
    if kind == "ole":
        raise SourceError("an old Word .doc (or other OLE) file: save it as .docx first")
    if kind == "zip":
        raise SourceError("a ZIP archive that is not a Word (.docx) file")
    if kind == "html":
        from pizhu.store.sources.html import HtmlError, read_html

        try:
            layout, charset = read_html(data)
        except HtmlError as exc:
            raise SourceError(str(exc)) from None
        return Source(layout.text, f"html/{charset}", layout, original=("text/html", data))
    try:
        decoded = decode(data)
    except DecodeError as exc:
        raise SourceError(str(exc)) from None
    return Source(decoded.text, decoded.encoding)
