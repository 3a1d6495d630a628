"""The page each span of a PDF stands on: stored with the document (migration 0007), carried
through re-normalization, exported with the span's provenance, shown in the reader's heading."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from pizhu.cli import main
from pizhu.extract.document import prepare
from pizhu.store.db import Store
from pizhu.store.export import every_span
from pizhu.store.maintenance import reextract
from pizhu.store.sources import read_source
from pizhu.tui.model import page_note
from tests.samples import report_pdf


def test_every_span_of_a_pdf_is_exported_with_the_page_it_stands_on(tmp_path: Path) -> None:
    sample = report_pdf(3, paragraphs=80)
    path = tmp_path / "long.pdf"
    path.write_bytes(sample.data)
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(path), "--db", db]).exit_code == 0
    out = tmp_path / "out.jsonl"
    assert runner.invoke(main, ["export", "--all", "--db", db, "-o", str(out)]).exit_code == 0
    (record,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    source = read_source(sample.data)
    assert source.layout is not None
    # Where the layout says each page starts, in the normalized text of the draft.
    (draft,) = prepare(source.text, source.layout)
    assert draft.page_map[0] == (0, 1) and [page for _start, page in draft.page_map][-1] == sample.pages
    spans = list(every_span(record))
    assert spans and all(isinstance(s["page"], int) for s in spans)
    # A span's page is the page of the text it stands in: the page where that text's line
    # was printed, as the layout said (the part of a paragraph after a page break is on
    # the next page).
    for span in spans:
        expected = max(page for start, page in draft.page_map if start <= span["start"])
        assert span["page"] == expected
    assert len({s["page"] for s in spans}) == sample.pages
    straddling = [b for b in source.layout.blocks if len(b.pages) == 2]
    assert straddling and all(b.breaks for b in straddling)
    # Sections carry their pages too, in the JSONL and the CSV's page column.
    assert all(section["pages"] for section in record["sections"])
    figures = tmp_path / "figures.csv"
    assert runner.invoke(main, ["export", "--format", "csv", "--all", "--db", db, "-o", str(figures)]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(figures.read_text("utf-8-sig"))))
    assert rows and all(row["page"].isdigit() for row in rows)


def test_the_page_map_survives_reextraction_and_text_files_have_none(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(report_pdf(2).data)
    (tmp_path / "b.txt").write_text("政协委员调研12次。\n", encoding="utf-8")
    runner = CliRunner()
    db = str(tmp_path / "a.db")
    assert runner.invoke(main, ["import", str(tmp_path), "--db", db]).exit_code == 0
    with Store(db) as store:
        docs = {Path(store.document(i).source).suffix: store.document(i) for i in store.document_ids()}
        before = docs[".pdf"].page_map
        assert before and docs[".txt"].page_map == ()
        assert docs[".txt"].page_at(3) is None
        reextract(store)
        assert store.document(docs[".pdf"].id).page_map == before
        assert docs[".pdf"].page_at(len(docs[".pdf"].text) - 1) == before[-1][1]


def test_the_readers_heading_names_the_pages() -> None:
    assert page_note(()) == ""
    assert page_note((12,)) == "  p. 12"
    assert page_note((12, 13)) == "  pp. 12–13"


def test_an_image_is_left_as_a_placeholder_and_counted_in_the_import_summary(tmp_path: Path) -> None:
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from tests.samples import register_font

    register_font()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 760, "全市地区生产总值增长情况见下图。")
    pdf.drawImage(ImageReader(Image.new("L", (200, 100), 128)), 72, 400, 400, 200)
    pdf.drawString(72, 360, "图后正文继续。")
    pdf.showPage()
    pdf.save()
    path = tmp_path / "chart.pdf"
    path.write_bytes(buffer.getvalue())
    db = str(tmp_path / "a.db")
    result = CliRunner().invoke(main, ["import", str(path), "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 placeholder(s) in the text ([图] an image" in result.output
    with Store(db) as store:
        (doc_id,) = store.document_ids()
        text = store.document(doc_id).text
    assert text.index("见下图。") < text.index("[图]") < text.index("图后正文继续。")
