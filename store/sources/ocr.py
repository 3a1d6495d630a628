"""Read scanned pages with OCR, only where the user asks for it (``pizhu import --ocr``).

Why tesseract through pytesseract: Debian ships tesseract 5 with its Simplified and
Traditional Chinese models (``tesseract-ocr-chi-sim``, ``-chi-tra``), so nothing is
downloaded at run time; pytesseract (Apache-2.0) runs that binary and returns its TSV,
which gives each word with its box and its confidence, the one thing a reviewer needs to
know which words to check. OCRmyPDF (MPL-2.0) runs the same tesseract but hands back a PDF
whose text layer carries no confidences (and reads back with OCR spacing, ``爱好者 ,我``):
on the page below it took 28.0 s against 16.4 s. Pages are rendered with pypdfium2
(Apache-2.0/BSD), which pdfplumber already brings, at 300 dpi.

Measured with ``python -m bench.bench_ocr`` on a real page (page 2 of Langchain-Chatchat's
knowledge-base sample ``1.pdf``, a novel, rasterised with pdftoppm into an image-only PDF):
``chi_sim`` 16.4 s, 649 words, mean confidence 89.6; ``chi_sim+chi_tra`` 21.9 s and it turns
Simplified characters Traditional in places. So ``chi_sim`` by default, ``--ocr-lang`` for
others.

What comes out is a ``Layout`` like any PDF's: a page that has a text layer is read as
``store.sources.pdf`` reads it, a page without one through tesseract, one paragraph per
paragraph tesseract found, and each recognised word's span in the raw text with its
confidence (``OcrText.words``), stored with the document (``ocr_words``) so that the
reader can dim the words under ``LOW_CONFIDENCE``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from typing import Any

from pizhu.extract.layout import Layout, Page, read_pages

DPI = 300
DEFAULT_LANG = "chi_sim"
LOW_CONFIDENCE = 70.0
"""Words tesseract is less sure of than this (0–100) are shown dimmed for the reviewer to check.
Chosen on the real page above: 33 of its 649 words (5.1%) score under 70, among them every
misreading found by eye (尽谷 for 辟谷: 4; 久秀, 泗, 相瑟, 修服: 0), few enough to check."""


class OcrError(ValueError):
    """OCR cannot run here, or the file cannot be read by it; the message is one line."""


@dataclass(frozen=True)
class OcrText:
    layout: Layout
    words: list[tuple[int, int, float]] = field(default_factory=list)
    """(start, end, confidence) of each recognised word in ``layout.text``."""
    pages: tuple[int, ...] = ()
    """The pages read by OCR (1-based)."""


def unavailable(lang: str = DEFAULT_LANG) -> str:
    """Why OCR cannot run here (``""`` when it can): tesseract or its language missing."""
    if shutil.which("tesseract") is None:
        return "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)"
    try:
        import pytesseract
    except ImportError:
        return "pytesseract is not installed (pip install pytesseract)"
    try:
        have = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractError, OSError, subprocess.SubprocessError) as exc:
        return f"tesseract does not run ({type(exc).__name__})"
    missing = [part for part in lang.split("+") if part not in have]
    if missing:
        package = " ".join(f"tesseract-ocr-{m.replace('_', '-')}" for m in missing)
        return f"tesseract has no {'+'.join(missing)} model (apt-get install {package})"
    return ""


def blank_pages(pages: list[Page]) -> list[int]:
    """The numbers of the pages that have no text layer."""
    return [page.number for page in pages if not any(line.text.strip() for line in page.lines) and not page.tables]


def read_pdf_ocr(data: bytes, lang: str = DEFAULT_LANG) -> OcrText:
    """A PDF whose pages without a text layer are read by tesseract; the others as ``read_pdf`` does."""
    from pizhu.store.sources.pdf import pdf_pages

    problem = unavailable(lang)
    if problem:
        raise OcrError(problem)
    pages = list(pdf_pages(data))
    blank = set(blank_pages(pages))
    paragraphs: list[tuple[str, str, tuple[int, ...], tuple[int, ...]]] = []
    words_of: dict[int, list[tuple[int, int, float]]] = {}  # paragraph index -> words in it
    title, placeholders = "", 0
    run: list[Page] = []

    def flush() -> None:
        nonlocal title, placeholders, run
        if not run:
            return
        layout = read_pages(run)
        title = title or layout.title
        placeholders += layout.placeholders
        paragraphs.extend((layout.text[b.start : b.end], b.kind, b.pages, b.breaks) for b in layout.blocks)
        run = []

    # Each stretch of pages with a text layer is laid out alone, so that a paragraph never
    # runs on across a scanned page between them.
    for page in pages:
        if page.number not in blank:
            run.append(page)
            continue
        flush()
        for text, words in _page_paragraphs(_render(data, page.number - 1), lang):
            words_of[len(paragraphs)] = words
            paragraphs.append((text, "body", (page.number,), ()))
    flush()
    layout = Layout.from_paragraphs(paragraphs, title=title, placeholders=placeholders)
    # from_paragraphs leaves a paragraph as it is (no tab, line break or control character
    # is in an OCR paragraph) and skips none of them (none is empty): block i is paragraph i.
    located: list[tuple[int, int, float]] = []
    for index, block in enumerate(layout.blocks):
        for start, end, confidence in words_of.get(index, ()):
            located.append((block.start + start, block.start + end, confidence))
    return OcrText(layout, located, tuple(sorted(blank)))


def read_image_ocr(data: bytes, lang: str = DEFAULT_LANG) -> OcrText:
    """A scanned page saved as an image (PNG, JPEG, TIFF), read by tesseract."""
    import io

    from PIL import Image, UnidentifiedImageError

    problem = unavailable(lang)
    if problem:
        raise OcrError(problem)
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError) as exc:
        raise OcrError(f"an image pizhu cannot open ({type(exc).__name__})") from None
    paragraphs: list[tuple[str, str, tuple[int, ...]]] = []
    words_of: dict[int, list[tuple[int, int, float]]] = {}
    for text, words in _page_paragraphs(image, lang):
        words_of[len(paragraphs)] = words
        paragraphs.append((text, "body", (1,)))
    if not paragraphs:
        raise OcrError("tesseract found no text in the image")
    layout = Layout.from_paragraphs(paragraphs)
    located = [
        (block.start + start, block.start + end, confidence)
        for index, block in enumerate(layout.blocks)
        for start, end, confidence in words_of[index]
    ]
    return OcrText(layout, located, (1,))


def _render(data: bytes, index: int) -> Any:
    """Page ``index`` (0-based) of a PDF as a PIL image at ``DPI``."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        page = pdf[index]
        return page.render(scale=DPI / 72).to_pil()
    finally:
        pdf.close()


# A CJK character or full-width punctuation: no space is written between two of them.
_WIDE_RE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…·]")


def _page_paragraphs(image: Any, lang: str) -> list[tuple[str, list[tuple[int, int, float]]]]:
    """tesseract's paragraphs of one page: each paragraph's text (its lines run on, as
    a paragraph of a text layer is) and the (start, end, confidence) of its words in it."""
    import pytesseract

    try:
        data = pytesseract.image_to_data(image, lang=lang, config="--psm 3", output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError as exc:
        raise OcrError(f"tesseract failed ({exc.message.strip()[:80] if exc.message else exc.status})") from None
    out: list[tuple[str, list[tuple[int, int, float]]]] = []
    key: tuple[int, int] | None = None
    text = ""
    words: list[tuple[int, int, float]] = []
    for i, word in enumerate(data["text"]):
        word = re.sub(r"\s+", "", word or "")
        if not word:
            continue
        confidence = float(data["conf"][i])
        here = (data["block_num"][i], data["par_num"][i])
        if here != key and text:
            out.append((text, words))
            text, words = "", []
        key = here
        # Words of Chinese run on; Latin words and numbers keep a space between them.
        if text and not (_WIDE_RE.match(text[-1]) or _WIDE_RE.match(word[0])):
            text += " "
        words.append((len(text), len(text) + len(word), max(confidence, 0.0)))
        text += word
    if text:
        out.append((text, words))
    return out
