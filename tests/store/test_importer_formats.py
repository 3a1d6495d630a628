"""Import of PDF (columns), saved HTML pages, DOCX and UTF-16 files, each made by the test itself.

The PDFs are written with reportlab's built-in CID font ``STSong-Light``, their text in row
order across the columns (as copy-paste gets it wrong); every figure must come back whole
with its unit, every paragraph whole and in reading order, the page furniture marked.
"""

from __future__ import annotations

import codecs
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.extract.document import prepare
from pizhu.extract.pipeline import extract_spans
from pizhu.store.db import Store
from pizhu.store.export import every_span
from pizhu.store.importer import import_paths
from pizhu.store.sources import SourceError, read_source
from tests.samples import SamplePdf, report_docx, report_html, report_pdf, scanned_pdf


def text_blocks(data: bytes) -> list[tuple[str, str]]:
    source = read_source(data)
    assert source.layout is not None
    return [(b.kind, source.text[b.start : b.end]) for b in source.layout.blocks]


@pytest.fixture(scope="module", params=[(2, "rows"), (3, "rows"), (3, "columns")], ids=lambda p: f"{p[0]}col-{p[1]}")
def sample(request: pytest.FixtureRequest) -> SamplePdf:
    columns, stream = request.param
    return report_pdf(columns, stream=stream)


def test_generated_pdf_splits_figures_across_lines(sample: SamplePdf) -> None:
    # The test is only worth something if the layout really cut quantities from their units.
    assert sample.split_figures
    assert sample.pages >= 2


def test_pdf_paragraphs_whole_and_in_reading_order(sample: SamplePdf) -> None:
    blocks = text_blocks(sample.data)
    content = [text for kind, text in blocks if kind != "boilerplate"]
    assert content == list(sample.paragraphs)


def test_pdf_every_figure_whole_with_its_unit_in_order(sample: SamplePdf) -> None:
    source = read_source(sample.data)
    (draft,) = prepare(source.text, source.layout)
    found = [s.text for s in extract_spans(draft.text) if s.label == "FIGURE"]
    for figure in sample.split_figures:
        assert figure in draft.text
    # Every generated figure is proposed as one FIGURE span, in reading order.
    expected = list(sample.figures)
    position = 0
    for figure in expected:
        assert figure in found[position:], figure
        position = found.index(figure, position) + 1


def test_pdf_header_footer_page_number_boilerplate_captions_marked(sample: SamplePdf) -> None:
    blocks = text_blocks(sample.data)
    boilerplate = [text for kind, text in blocks if kind == "boilerplate"]
    assert boilerplate == [line.strip() for line in sample.boilerplate]
    captions = [text for kind, text in blocks if kind == "caption"]
    assert captions == list(sample.captions)


def test_pdf_import_sections_carry_pages(tmp_path: Path, sample: SamplePdf) -> None:
    pdf = tmp_path / "nianjian.pdf"
    pdf.write_bytes(sample.data)
    store = Store(tmp_path / "a.db")
    report = import_paths(store, [tmp_path], extract=False)
    assert not report.errors and report.imported == 1
    (doc_id,) = store.document_ids()
    document = store.document(doc_id)
    sections = store.sections(doc_id)
    assert document.encoding == "pdf"
    assert document.raw == read_source(sample.data).text
    assert all(s.pages for s in sections)
    assert sections[0].pages == (1,)
    assert sections[-1].pages[-1] == sample.pages
    # Every page number printed in the footer is in a boilerplate section of its own page.
    for page in range(1, sample.pages + 1):
        number = f"—{page + 211}—"
        holders = [s for s in sections if number in document.text[s.start : s.end]]
        assert [s.kind for s in holders] == ["boilerplate"]
        assert page in holders[0].pages
    kinds = {s.kind for s in sections}
    assert kinds == {"body", "caption", "boilerplate"}
    assert document.title == "凝心聚力谋发展履职尽责显担当——鹿城市政协2023年工作综述"
    # The section pages are stored in the file, not only in memory.
    with sqlite3.connect(tmp_path / "a.db") as conn:
        stored = [json.loads(p) for (p,) in conn.execute("SELECT pages FROM sections ORDER BY ordinal")]
    assert stored == [list(s.pages) for s in sections]
    store.close()


def test_scanned_pdf_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    db = tmp_path / "a.db"
    result = CliRunner().invoke(main, ["import", str(path), "--db", str(db)])
    assert result.exit_code == 1
    refusal = [line for line in result.output.splitlines() if "refused" in line and "scan.pdf" in line]
    assert len(refusal) == 1
    assert "no text layer" in refusal[0] and "--ocr" in refusal[0]  # how to ask for OCR (test_sources_ocr)
    with Store(db) as store:
        assert store.document_ids() == []


def test_damaged_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(report_pdf(2).data[:1500])
    with pytest.raises(SourceError):
        read_source(path.read_bytes())


def test_reimport_of_pdf_html_docx_is_a_no_op(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(report_pdf(3).data)
    (tmp_path / "b.html").write_bytes(report_html().data)
    (tmp_path / "c.docx").write_bytes(report_docx().data)
    store = Store(tmp_path / "a.db")
    first = import_paths(store, [tmp_path])
    assert not first.errors and first.imported == 3
    counts = store.read("SELECT (SELECT count(*) FROM documents) d, (SELECT count(*) FROM spans) s")
    again = import_paths(store, [tmp_path])
    assert again.imported == 0 and again.skipped == 3
    assert store.read("SELECT (SELECT count(*) FROM documents) d, (SELECT count(*) FROM spans) s") == counts
    store.close()


def test_raw_offsets_map_into_the_extracted_text(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(report_pdf(3).data)
    (tmp_path / "b.html").write_bytes(report_html().data)
    (tmp_path / "c.docx").write_bytes(report_docx().data)
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(tmp_path), "--db", db]).exit_code == 0
    result = runner.invoke(main, ["export", "--all", "--raw-offsets", "--db", db, "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert len(records) == 3
    with Store(db) as store:
        raws = {store.document(i).raw for i in store.document_ids()}
    checked = 0
    for record in records:
        raw = record["text"]
        assert raw in raws  # with --raw-offsets the text is the extracted (raw) text
        for span in every_span(record):
            # The generated text is Simplified and unspaced inside figures: raw slice == span text.
            if span["label"] == "FIGURE":
                assert raw[span["start"] : span["end"]] == span["text"]
                checked += 1
    assert checked > 50


def test_html_article_found_navigation_and_footer_left_out(tmp_path: Path) -> None:
    page = report_html()
    path = tmp_path / "news.html"
    path.write_bytes(page.data)
    store = Store(tmp_path / "a.db")
    assert not import_paths(store, [path]).errors
    (doc_id,) = store.document_ids()
    document = store.document(doc_id)
    lines = document.text.split("\n")
    for outside in page.outside:
        # Nav words such as 专题 occur inside report sentences; no line holds the page's furniture.
        assert not any(line == outside or (len(outside) > 6 and outside in line) for line in lines), outside
    for item in page.items:
        assert item.text.replace(" ", "") in document.text.replace(" ", "")
    for figure in page.figures:
        assert figure in document.text
    # A web page is typed text: the space between the headline's two halves is the page's own
    # (normalization removes only OCR spacing; issue #22).
    assert document.title == "市政协：凝心聚力谋发展 履职尽责显担当"
    assert document.year == 2024
    # The page's date is the document's metadata, never a line of its text (issue #22).
    assert document.date == "2024-01-15"
    assert "2024-01-15" not in document.text
    by_kind: dict[str, list[str]] = {}
    for section in store.sections(doc_id):
        by_kind.setdefault(section.kind, []).append(document.text[section.start : section.end].strip())
    assert "责任编辑：李华" in by_kind["boilerplate"]
    assert by_kind["caption"] == ["▲市政协委员视察重点项目建设。记者 王明 摄"]  # typed: the page's spaces
    # The article's table is text, a row a line, in a table section.
    assert "类别 | 数量\n收到提案 | 386件\n办复率 | 100%" in by_kind["table"]
    # The page itself is kept as the document's source.
    assert store.original(doc_id) == ("text/html", page.data)
    assert document.encoding == "html/utf-8"
    store.close()


def test_html_in_gb18030_by_its_meta_charset_saved_by_a_browser() -> None:
    page = report_html(charset="gb2312")
    # "Save page as" puts the address in a comment before the doctype.
    source = read_source(b"<!-- saved from url=(0032)http://www.example.cn/a.html -->\r\n" + page.data)
    assert source.encoding == "html/gb18030"
    assert all(figure in source.text for figure in page.figures)


def test_html_without_an_article_is_refused() -> None:
    with pytest.raises(SourceError, match="no article text"):
        read_source(b"<!DOCTYPE html><html><head><title>x</title></head><body><nav>a</nav></body></html>")


def test_docx_headings_by_style_table_as_text_header_footer_boilerplate(tmp_path: Path) -> None:
    sample = report_docx()
    path = tmp_path / "report.docx"
    path.write_bytes(sample.data)
    blocks = text_blocks(sample.data)
    assert blocks[0] == ("boilerplate", sample.header)
    assert blocks[-1] == ("boilerplate", sample.footer)
    assert [(b.kind if b.kind != "table" else "body", b.text) for b in sample.items] == [
        (kind if kind != "table" else "body", text) for kind, text in blocks[1:-1]
    ]
    store = Store(tmp_path / "a.db")
    assert not import_paths(store, [path]).errors
    (doc_id,) = store.document_ids()
    document = store.document(doc_id)
    # The table is a section of its own under the heading it stands under.
    headings = [(s.kind, s.heading) for s in store.sections(doc_id) if s.kind in ("body", "table")]
    assert list(dict.fromkeys(h for _kind, h in headings)) == [
        "凝心聚力谋发展 履职尽责显担当 / ——鹿城市政协2023年工作综述",  # typed: the file's space
        "一、强化政治引领",
        "二、广泛凝聚共识",
    ]
    assert "table" in {kind for kind, _h in headings}
    for figure in sample.figures:
        assert figure in document.text
    assert "收到提案 | 386件" in document.text
    spans = {s.text for s in extract_spans(document.text) if s.label == "FIGURE"}
    assert {"386件", "352件", "100%"} <= spans
    store.close()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_imports(tmp_path: Path, codec: str) -> None:
    text = "政协鹿城市委员会2023年工作综述\n全年共开展专题调研12次，提出意见建议386条。\n"
    bom = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
    path = tmp_path / "report.txt"
    path.write_bytes(bom + text.encode(codec))
    store = Store(tmp_path / "a.db")
    report = import_paths(store, [tmp_path])
    assert not report.errors and report.imported == 1
    document = store.document(store.document_ids()[0])
    assert document.encoding == codec
    assert document.raw == text
    assert "12次" in document.text
    store.close()


def test_utf16_without_bom_still_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="binary"):
        read_source("政协委员调研12次。".encode("utf-16-le"))


def test_long_pdf_paragraphs_run_over_page_breaks_whole() -> None:
    sample = report_pdf(3, paragraphs=80)
    assert sample.pages >= 4
    source = read_source(sample.data)
    assert source.layout is not None
    content = [(b, source.text[b.start : b.end]) for b in source.layout.blocks if b.kind != "boilerplate"]
    assert [text for _b, text in content] == list(sample.paragraphs)
    # Some paragraph starts on one page and ends on the next, and comes back as one line.
    assert any(len(b.pages) == 2 for b, _text in content)
    boilerplate = [source.text[b.start : b.end] for b in source.layout.blocks if b.kind == "boilerplate"]
    assert boilerplate == [line.strip() for line in sample.boilerplate]


def test_old_word_doc_is_refused_in_one_line() -> None:
    with pytest.raises(SourceError, match=r"old Word \.doc"):
        read_source(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)


def test_markup_in_a_docx_is_kept_as_plain_data(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("政协委员调研12次。")
    document.add_paragraph("[bold]标记[/bold]照原样")
    path = tmp_path / "a.docx"
    document.save(str(path))
    source = read_source(path.read_bytes())
    assert source.text == "政协委员调研12次。\n[bold]标记[/bold]照原样"


def test_encrypted_pdf_is_refused_in_one_line() -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    from tests.samples import FONT, register_font

    register_font()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret"))
    pdf.setFont(FONT, 10)
    pdf.drawString(50, 700, "政协委员调研12次。")
    pdf.save()
    with pytest.raises(SourceError, match="encrypted PDF"):
        read_source(buffer.getvalue())


def test_layout_is_stored_so_renormalizing_keeps_boilerplate_captions_and_pages(tmp_path: Path) -> None:
    from pizhu.extract.document import renormalize

    (tmp_path / "a.pdf").write_bytes(report_pdf(3).data)
    (tmp_path / "b.docx").write_bytes(report_docx().data)
    store = Store(tmp_path / "a.db")
    assert not import_paths(store, [tmp_path], extract=False).errors
    for doc_id in store.document_ids():
        document = store.document(doc_id)
        layout = store.layout(doc_id)
        assert layout is not None and layout.text == document.raw
        again = renormalize(document.raw, layout)
        stored = [(s.heading, s.start, s.end, s.kind, s.pages) for s in store.sections(doc_id)]
        assert [(s.heading, s.start, s.end, s.kind, s.pages) for s in again.sections] == stored
        assert again.title == document.title
    store.close()
