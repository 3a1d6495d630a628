"""Scanned pages read through OCR only where the user asks (issue #22).

Without ``--ocr`` a page without a text layer is refused with a line that says how to ask
for OCR; with it, tesseract reads the page, the document is marked as OCR'd and each
word's confidence is stored, so that the reader can dim the doubtful ones. The scanned
pages are made here: the generated yearbook page (``tests.samples.report_pdf``)
rendered at 300 dpi into an image-only PDF, as a scanner would give it. The tests that
run tesseract skip where it (or its Chinese model) is not installed.
"""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.extract.document import prepare
from pizhu.store.db import Store
from pizhu.store.records import StoredDocument
from pizhu.store.sources.ocr import LOW_CONFIDENCE, unavailable
from tests.samples import SamplePdf, report_pdf, scanned_pdf

needs_tesseract = pytest.mark.skipif(
    bool(unavailable()), reason=f"OCR not available here: {unavailable()} (.ci/run installs it)"
)


def rasterised(data: bytes, pages: list[int] | None = None) -> bytes:
    """The PDF with the given pages (0-based; all by default) turned into images: no text layer."""
    import pypdfium2
    from PIL import Image

    pdf = pypdfium2.PdfDocument(data)
    images: list[Image.Image] = []
    try:
        for index in range(len(pdf)):
            if pages is None or index in pages:
                images.append(pdf[index].render(scale=300 / 72).to_pil().convert("L"))
    finally:
        pdf.close()
    out = io.BytesIO()
    images[0].save(out, format="PDF", resolution=300, save_all=True, append_images=images[1:])
    return out.getvalue()


@pytest.fixture(scope="module")
def sample() -> SamplePdf:
    return report_pdf(2)


def test_a_scanned_pdf_without_ocr_is_refused_with_how_to_ask(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    db = tmp_path / "a.db"
    result = CliRunner().invoke(main, ["import", str(path), "--db", str(db)])
    assert result.exit_code == 1
    assert f"pizhu: refused {path}: page 1 has no text layer; pizhu import --ocr {path} reads it with tesseract" in (
        result.output.splitlines()
    )
    with Store(db) as store:
        assert store.document_ids() == []


def test_an_image_without_ocr_is_refused_with_how_to_ask(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "page 1.png"
    Image.new("L", (40, 40), 255).save(path)
    result = CliRunner().invoke(main, ["import", str(path), "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 1
    assert f"an image has no text layer; pizhu import --ocr '{path}' reads it with tesseract" in result.output


def read_text_layer(data: bytes) -> str:
    from pizhu.store.sources import read_source

    return read_source(data).text


@dataclass(frozen=True)
class MixedImport:
    """The sample's page 1 typed and page 2 scanned, imported without and with ``--ocr``.

    One tesseract run serves every test below (a page takes tesseract about 20 s here).
    """

    sample: SamplePdf
    plain_output: str
    ocr: OcrRead | None
    """What the ``--ocr`` import stored (None where tesseract is missing)."""


@dataclass(frozen=True)
class OcrRead:
    """The one document the ``--ocr`` import stored: itself, its OCR'd words, its sections' pages."""

    document: StoredDocument
    words: list[tuple[int, int, float]]
    pages: set[int]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory, sample: SamplePdf) -> MixedImport:
    import pypdfium2

    folder = tmp_path_factory.mktemp("ocr")
    mixed_pdf = pypdfium2.PdfDocument.new()
    mixed_pdf.import_pages(pypdfium2.PdfDocument(sample.data), [0])
    mixed_pdf.import_pages(pypdfium2.PdfDocument(rasterised(sample.data, [1])), [0])
    out = io.BytesIO()
    mixed_pdf.save(out)
    path = folder / "mixed.pdf"
    path.write_bytes(out.getvalue())
    plain = CliRunner().invoke(main, ["import", str(path), "--db", str(folder / "a.db"), "--no-extract"])
    assert plain.exit_code == 0, plain.output
    if unavailable():
        return MixedImport(sample, plain.output, None)
    ocr = CliRunner().invoke(main, ["import", "--ocr", str(path), "--db", str(folder / "b.db"), "--no-extract"])
    assert ocr.exit_code == 0, ocr.output
    with Store(folder / "b.db") as store:
        (doc_id,) = store.document_ids()
        read = OcrRead(
            store.document(doc_id),
            list(store.ocr_words(doc_id)),
            {p for s in store.sections(doc_id) for p in s.pages},
        )
    return MixedImport(sample, plain.output, read)


def page_text(data: bytes, index: int) -> str:
    """The typed text of one page of the sample (0-based), normalized as the importer does."""
    import pypdfium2

    one = pypdfium2.PdfDocument.new()
    one.import_pages(pypdfium2.PdfDocument(data), [index])
    out = io.BytesIO()
    one.save(out)
    return prepare(read_text_layer(out.getvalue()))[0].text


@needs_tesseract
def test_ocr_reads_a_scanned_page_marks_it_and_keeps_each_words_confidence(mixed: MixedImport) -> None:
    assert mixed.ocr is not None
    document, words = mixed.ocr.document, mixed.ocr.words
    assert document.ocr and document.encoding == "pdf+ocr"
    # The scanned page's figures come back whole (OCR is not perfect: most, not all); only
    # figures that page 1 does not also hold count, since page 1 is read from its text layer.
    first, second = page_text(mixed.sample.data, 0), page_text(mixed.sample.data, 1)
    on_page = [f for f in mixed.sample.figures if f in second and f not in first]
    assert len(on_page) >= 5
    found = [f for f in on_page if f in document.text]
    assert len(found) >= 0.8 * len(on_page), (len(found), len(on_page))
    assert len(words) > 100
    assert all(0 <= confidence <= 100 for _s, _e, confidence in words)
    # Each word is a stretch of the raw text, none of it white space at its edges.
    for start, end, _confidence in words:
        piece = document.raw[start:end]
        assert piece and piece == piece.strip()
    assert sum(c for _s, _e, c in words) / len(words) > LOW_CONFIDENCE


def test_without_ocr_a_scanned_page_beside_a_typed_one_is_named(mixed: MixedImport) -> None:
    # Without --ocr: imported from its text layer, and told that page 2 is a picture.
    assert "page(s) 2 hold only pictures (no text layer); --ocr reads them" in mixed.plain_output


@needs_tesseract
def test_ocr_reads_the_scanned_page_of_a_pdf_whose_other_page_has_text(mixed: MixedImport) -> None:
    # Page 1 typed, page 2 scanned: the typed page read from its text layer, the other by OCR.
    assert mixed.ocr is not None
    document, words = mixed.ocr.document, mixed.ocr.words
    assert mixed.ocr.pages == {1, 2}
    # The OCR'd words all stand on page 2's text, after page 1's.
    first_page_text = read_text_layer(mixed.sample.data)
    assert words and min(start for start, _e, _c in words) > 0.3 * len(first_page_text)
    assert document.text.count("政协") > 5


def test_ocr_asked_where_tesseract_is_missing_is_a_one_line_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    result = CliRunner().invoke(main, ["import", "--ocr", str(path), "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 1
    assert "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)" in result.output


def test_open_with_ocr_imports_in_the_background_with_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``pizhu open --ocr FILE``: the app's background import runs ``pizhu import --ocr``."""
    import pizhu.tui.app
    from pizhu.tui.importing import _command

    made: dict[str, object] = {}

    class Stop(Exception):
        pass

    def fake_make_app(store: Store, reviewer: str, **kwargs: object) -> object:
        made.update(kwargs)
        raise Stop

    monkeypatch.setattr(pizhu.tui.app, "make_app", fake_make_app)
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    result = CliRunner().invoke(
        main, ["open", "--ocr", "--ocr-lang", "chi_tra", str(path), "--db", str(tmp_path / "a.db")]
    )
    assert isinstance(result.exception, Stop), result.output
    flags = made["import_flags"]
    assert isinstance(flags, tuple)
    command = _command(str(tmp_path / "a.db"), [str(path)], flags)
    assert command[-3:] == ["--ocr", "--ocr-lang", "chi_tra"] and str(path) in command
