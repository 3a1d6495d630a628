"""Word files read as a person reads them (issue #22): each test is one break seen on real Word
files (national standards' drafts, their 编制说明, tables of agencies), rebuilt here with
python-docx and, where it has no API (equations, merged cells), the file's own XML.

- an equation or a picture leaves a visible placeholder, counted in the import summary;
- a nested table's cells are read where they stand, in reading order;
- a merged cell is read once, not on every row or column it spans; two cells that only
  happen to hold the same text are both read;
- table rows are table rows (section kind ``table``), not prose;
- two agency names a space separates in a cell or a line stay two names;
- the title is what the cover sets in its largest type, not a badge (``ICS 27.120.99``)
  or a table's label; the organisation is the body the file names as issuing it.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from pizhu.cli import main
from pizhu.extract.document import prepare
from pizhu.store.db import Store
from pizhu.store.importer import import_paths
from pizhu.store.sources import read_source

M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'


def saved(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def lines(data: bytes) -> list[str]:
    return read_source(data).text.split("\n")


def add_equation(paragraph, text: str = "x=2") -> None:
    """An Office Math (OMML) equation inline in a paragraph, as Word writes it."""
    paragraph._p.append(parse_xml(f"<m:oMath {M} {nsdecls('w')}><m:r><w:rPr/><m:t>{text}</m:t></m:r></m:oMath>"))


# --- equations and pictures ----------------------------------------------------------------------


def test_an_equation_leaves_a_placeholder_where_it_stands() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("办复率按公式")
    add_equation(paragraph, "R=a/b")
    paragraph.add_run("计算，全年达98%。")
    display = document.add_paragraph()
    display._p.append(parse_xml(f"<m:oMathPara {M}><m:oMath><m:r><m:t>y=kx</m:t></m:r></m:oMath></m:oMathPara>"))
    document.add_paragraph("其余照常。")
    got = lines(saved(document))
    assert got[0] == "办复率按公式[公式]计算，全年达98%。"
    assert got[1] == "[公式]"
    assert got[2] == "其余照常。"


def test_a_picture_leaves_a_placeholder(tmp_path: Path) -> None:
    from PIL import Image

    picture = tmp_path / "a.png"
    Image.new("RGB", (20, 20), "white").save(picture)
    document = docx.Document()
    document.add_paragraph("委员视察现场。")
    document.add_picture(str(picture))
    document.add_paragraph("视察结束。")
    assert lines(saved(document)) == ["委员视察现场。", "[图]", "视察结束。"]


def test_the_import_summary_counts_the_placeholders(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("办复率按公式")
    add_equation(paragraph)
    add_equation(document.add_paragraph("第二式"))
    document.add_paragraph("市政协全年共收到提案386件。")
    (tmp_path / "a.docx").write_bytes(saved(document))
    result = CliRunner().invoke(main, ["import", str(tmp_path / "a.docx"), "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 0, result.output
    assert "2 placeholder(s) in the text ([公式] an equation ×2)" in result.output


# --- tables ------------------------------------------------------------------------------------


def test_a_nested_table_is_read_where_it_stands() -> None:
    document = docx.Document()
    document.add_paragraph("各专委会工作：")
    outer = document.add_table(rows=2, cols=2)
    outer.cell(0, 0).text = "提案委"
    outer.cell(0, 1).text = "经济委"
    inner = outer.cell(1, 0).add_table(rows=2, cols=2)
    for r, row in enumerate((("调研", "12次"), ("建议", "86条"))):
        for c, value in enumerate(row):
            inner.cell(r, c).text = value
    outer.cell(1, 1).text = "视察8次"
    document.add_paragraph("以上。")
    text = read_source(saved(document)).text
    for cell in ("提案委", "经济委", "调研", "12次", "建议", "86条", "视察8次"):
        assert cell in text, cell
    # Reading order: the nested table's cells come inside the outer row that holds it,
    # before the cell to its right.
    assert text.index("12次") < text.index("86条") < text.index("视察8次")


def merged_table() -> docx.document.Document:
    """A table whose first column's cell spans two rows and whose header spans two columns."""
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "牵头单位"
    table.cell(0, 2).text = "数量"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "市政协提案委"
    table.cell(1, 1).text = "提案"
    table.cell(1, 2).text = "386件"
    table.cell(2, 1).text = "建议"
    table.cell(2, 2).text = "386件"
    return document


def test_a_merged_cell_is_read_once() -> None:
    text = read_source(saved(merged_table())).text
    assert text.count("市政协提案委") == 1
    assert text.count("牵头单位") == 1
    # Two cells that hold the same text are two cells: both stay.
    assert text.count("386件") == 2


def test_two_cells_of_one_row_with_the_same_text_are_two_cells() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for c, value in enumerate(("类别", "办复率", "满意率")):
        table.cell(0, c).text = value
    for c, value in enumerate(("提案", "100%", "100%")):
        table.cell(1, c).text = value
    assert lines(saved(document)) == ["类别 | 办复率 | 满意率", "提案 | 100% | 100%"]


def test_table_rows_are_table_blocks_in_reading_order() -> None:
    source = read_source(saved(merged_table()))
    assert source.layout is not None
    rows = [source.text[b.start : b.end] for b in source.layout.blocks if b.kind == "table"]
    assert rows == ["牵头单位 | 数量", "市政协提案委 | 提案 | 386件", "建议 | 386件"]


# --- spaces between names ------------------------------------------------------------------------


def test_two_agency_names_a_space_separates_stay_apart(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("关于加强提案办理工作的意见")
    document.add_paragraph("抄送：市发展和改革委员会 市财政局")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "承办单位"
    table.cell(0, 1).text = "市住房和城乡建设局 市自然资源和规划局"
    (tmp_path / "a.docx").write_bytes(saved(document))
    store = Store(tmp_path / "a.db")
    assert not import_paths(store, [tmp_path / "a.docx"], extract=False).errors
    text = store.document(store.document_ids()[0]).text
    assert "市发展和改革委员会 市财政局" in text
    assert "市住房和城乡建设局 市自然资源和规划局" in text
    store.close()


@pytest.mark.parametrize(
    ("raw", "typed", "ocr"),
    [
        ("市发展和改革委员会 市财政局", "市发展和改革委员会 市财政局", "市发展和改革委员会市财政局"),
        ("抄送：市委办公室 市人大办公室", "抄送：市委办公室 市人大办公室", "抄送：市委办公室市人大办公室"),
        ("政 法 统 战", "政法统战", "政法统战"),  # letter-spacing goes in typed text too
        ("共 386 件", "共386件", "共386件"),  # so do the spaces around a number
        ("本报记者 毕 竞", "本报记者毕竞", "本报记者毕竞"),  # a letter-spaced name is one word
        ("记者 王明 摄", "记者 王明 摄", "记者王明摄"),
        ("王强 李明 张伟", "王强 李明 张伟", "王强 李明 张伟"),
    ],
)
def test_typed_text_keeps_the_space_between_two_words(raw: str, typed: str, ocr: str) -> None:
    from pizhu.extract.normalize import normalize

    for keep, expected in ((True, typed), (False, ocr)):
        result = normalize(raw, keep_word_spaces=keep)
        assert result.text == expected
        assert all(raw[result.raw_offsets[i]] == ch for i, ch in enumerate(result.text))


# --- title and organisation ----------------------------------------------------------------------


def standard_cover() -> docx.document.Document:
    """The cover of a national standard's draft: badges in small type, the name in the largest."""
    document = docx.Document()

    def line(text: str, size: float) -> None:
        run = document.add_paragraph().add_run(text)
        run.font.size = Pt(size)

    line("ICS 27.120.99", 10.5)
    line("F69", 10.5)
    line("NB", 48)
    line("中华人民共和国能源行业标准", 24)
    line("NB/T XXXXX—XXXX", 14)
    line("核电厂定期安全评价", 26)
    line("第1部分：通用要求", 26)
    line("Preparation of periodic safety review for nuclear power plants", 14)
    line("国家能源局   发布", 14)
    for text in (
        "前  言",
        "本部分由能源行业核电标准化技术委员会提出。",
        "本部分起草单位：大亚湾核电运营管理有限责任公司。",
    ):
        line(text, 10.5)
    return document


def test_title_is_the_covers_largest_type_not_a_badge() -> None:
    source = read_source(saved(standard_cover()))
    (draft,) = prepare(source.text, source.layout)
    assert draft.title == "核电厂定期安全评价 第1部分：通用要求"


def test_title_is_not_a_tables_label() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for c, label in enumerate(("0-0", "0-1", "0-2")):
        table.cell(0, c).text = label
    document.add_paragraph("市政协全年共收到提案386件，办复率100%。")
    source = read_source(saved(document))
    (draft,) = prepare(source.text, source.layout)
    assert draft.title == ""


def test_the_title_in_the_cover_table_of_a_compilation_note() -> None:
    # 编制说明: the cover is a one-column table; its lines set at 16, 18 and 26 pt.
    document = docx.Document()
    cover = document.add_table(rows=4, cols=1)
    for row, (text, size) in enumerate(
        (("NB/T XXXX－20YY", 16), ("核电厂定期安全评价 第12部分：设计", 18), ("编制说明", 26), ("（2023年3月）", 14))
    ):
        run = cover.cell(row, 0).paragraphs[0].add_run(text)
        run.font.size = Pt(size)
    for text in ("任务来源及计划要求", "本标准来源于国家能源局2021年下达的能源行业核电标准制修订计划。"):
        document.add_paragraph().add_run(text).font.size = Pt(12)
    source = read_source(saved(document))
    (draft,) = prepare(source.text, source.layout)
    assert draft.title == "核电厂定期安全评价 第12部分：设计 编制说明"


def test_organisation_is_the_issuing_body_the_file_names() -> None:
    source = read_source(saved(standard_cover()))
    (draft,) = prepare(source.text, source.layout)
    assert draft.organisation == "国家能源局"


def test_a_committee_named_in_the_text_stays_the_organisation() -> None:
    document = standard_cover()
    document.add_paragraph("政协鹿城市委员会办公室2023年工作要点。鹿城市政协全年协商议政。")
    source = read_source(saved(document))
    (draft,) = prepare(source.text, source.layout)
    assert draft.organisation == "鹿城市政协"


@pytest.mark.parametrize("style", ["Title", "Heading 1"])
def test_a_title_by_its_style_still_wins(style: str) -> None:
    document = docx.Document()
    document.add_paragraph("政协鹿城市委员会2023年工作报告", style=style)
    document.add_paragraph("一年来，市政协全年共收到提案386件。")
    source = read_source(saved(document))
    (draft,) = prepare(source.text, source.layout)
    assert draft.title == "政协鹿城市委员会2023年工作报告"


def test_body_text_is_unchanged_by_styles_tables_and_placeholders() -> None:
    # Guard for the old contract: a plain document reads as its paragraphs, one a line.
    document = docx.Document()
    for text in ("政协委员调研12次。", "[bold]标记[/bold]照原样"):
        document.add_paragraph(text)
    assert read_source(saved(document)).text == "政协委员调研12次。\n[bold]标记[/bold]照原样"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An official document's title names its issuing body before 关于.
        (
            "全国人民代表大会常务委员会关于批准调整国债余额限额的决议\n会议决定：批准调整。",
            "全国人民代表大会常务委员会",
        ),
        # A news item signed at its end by the body that wrote it.
        ("1-10月德清县投资结构趋稳\n全县固定资产投资完成246.79亿元。（德清县发改局）", "德清县发改局"),
        # A committee named in the text still wins.
        ("市政协召开常委会议\n鹿城市政协全年协商议政12次。（鹿城市政协办公室）", "鹿城市政协"),
        ("关于做好提案办理工作的通知\n各单位要认真办理提案。", ""),
    ],
)
def test_organisation_from_the_issuing_body_in_a_title_or_a_signature(text: str, expected: str) -> None:
    (draft,) = prepare(text)
    assert draft.organisation == expected
