"""Tables from a file's layout (PDF, HTML, DOCX rows of ``' | '``-separated cells) through
normalization, sectioning and extraction: one row a line, no cell glued to another, a
section of kind ``table`` reviewed like the body, figures in cells with their row's and
column's headers as metric and the column's unit."""

from __future__ import annotations

from pizhu.extract.document import prepare
from pizhu.extract.layout import Layout
from pizhu.extract.normalize import normalize
from pizhu.extract.pipeline import extract_spans
from pizhu.tui.model import SKIPPED_KINDS, skipped_note

ROWS = [
    ("指标 | 年末数（万人） | 比重（%）", "table"),
    ("城镇人口 | 101.7 | 60.3", "table"),
    ("乡村人口 | 101.3 | 39.7", "table"),
    ("合计 | 1 | 2 | 3", "table"),
]


def layout_of(paragraphs: list[tuple[str, str]]) -> Layout:
    return Layout.from_paragraphs([(text, kind, (1,)) for text, kind in paragraphs])


def test_normalization_keeps_every_row_and_its_separators() -> None:
    raw = "\n".join(text for text, _kind in ROWS)
    normalized = normalize(raw)
    assert normalized.text.split("\n") == [text for text, _kind in ROWS]
    # Offsets map back: the separator of a row is the raw one.
    index = normalized.text.index("101.7")
    assert raw[normalized.to_raw(index) : normalized.to_raw(index + 5)] == "101.7"


def test_a_long_unfinished_row_is_not_joined_to_the_next() -> None:
    long_row = "归属于上市公司股东的扣除非经常性损益的净利润 | 47,016,420,742.73 | 41,406,909,012.08 | 13.55"
    text = normalize(f"{long_row}\n经营活动产生的现金流量净额 | 51,669,068,693.03 | 45,210,612,632.56").text
    assert text.split("\n")[0] == long_row


def test_table_rows_make_a_table_section_between_the_body() -> None:
    paragraphs = [("全市人口情况如下。", "body"), *ROWS[:3], ("表后的正文继续写下去。", "body")]
    (draft,) = prepare(layout_of(paragraphs).text, layout_of(paragraphs))
    kinds = [(s.kind, draft.text[s.start : s.end].strip()) for s in draft.sections]
    assert [kind for kind, _ in kinds] == ["body", "table", "body"]
    assert kinds[1][1].split("\n") == [text for text, _kind in ROWS[:3]]
    # A table is read like the body (never skipped); its heading names its kind.
    assert "table" not in SKIPPED_KINDS and skipped_note("table").strip() == "[table]"


def test_figures_in_cells_take_row_and_column_headers_and_the_column_unit() -> None:
    paragraphs = [("全市人口情况如下。", "body"), *ROWS[:3]]
    (draft,) = prepare(layout_of(paragraphs).text, layout_of(paragraphs))
    figures = {s.text: s for s in extract_spans(draft.text) if s.label == "FIGURE"}
    town = figures["101.7"]
    assert draft.text[town.start : town.end] == "101.7"
    assert town.metric == "城镇人口 年末数"
    assert (town.value, town.unit) == (1017000, "人")
    share = figures["39.7"]
    assert share.metric == "乡村人口 比重"
    assert (share.value, share.unit) == (39.7, "%")


def test_a_header_row_inside_a_table_and_a_unit_in_the_row_header() -> None:
    # As 贵州茅台's 2020 report sets it (p. 5): a second header row for the year-end figures,
    # and per-share figures whose unit stands in the row header.
    rows = [
        "主要会计数据 | 2020年 | 2019年 | 本期比上年同期增减(%)",
        "营业收入 | 94,915,380,916.72 | 85,429,573,467.25 | 11.10",
        " | 2020年末 | 2019年末 | 本期末比上年同期末增减（%）",
        "总资产 | 213,395,810,527.46 | 183,042,372,042.50 | 16.58",
    ]
    second = ["主要财务指标 | 2020年 | 2019年 | 增减(%)", "基本每股收益（元／股） | 37.17 | 32.80 | 13.33"]
    paragraphs = [(row.strip(), "table") for row in rows]
    paragraphs += [("(二) 主要财务指标", "body"), *((row, "table") for row in second)]
    (draft,) = prepare(layout_of(paragraphs).text, layout_of(paragraphs))
    figures = {s.text: s for s in extract_spans(draft.text) if s.label == "FIGURE"}
    assert figures["94,915,380,916.72"].metric == "营业收入 2020年"
    assert figures["11.10"].metric == "营业收入 本期比上年同期增减"
    assert (figures["11.10"].value, figures["11.10"].unit) == (11.1, "%")
    assert figures["213,395,810,527.46"].metric == "总资产 2020年末"
    assert (figures["16.58"].value, figures["16.58"].unit) == (16.58, "%")
    assert figures["37.17"].metric == "基本每股收益 2020年"
    assert figures["37.17"].unit == "元"
    assert not any(s.text.startswith("2020年") for s in figures.values())  # the header is no figure


def test_a_unit_line_over_a_table_is_the_unit_of_its_bare_numbers() -> None:
    # 单位：元 (or 单位：万元) set over a table, as annual reports and 统计公报 do: a cell
    # whose row and column name no unit is in that unit; a column with its own (%) keeps it.
    paragraphs = [
        ("(一) 主要会计数据", "body"),
        ("单位：万元 币种：人民币", "body"),
        ("主要会计数据 | 2020年 | 本期比上年同期增减(%)", "table"),
        ("营业收入 | 9,491.5 | 11.10", "table"),
        ("基本每股收益（元／股） | 37.17 | 13.33", "table"),
        ("全年营业收入增长较快。", "body"),
        ("指标 | 2020年", "table"),
        ("总股本 | 1,256", "table"),
    ]
    (draft,) = prepare(layout_of(paragraphs).text, layout_of(paragraphs))
    figures = {s.text: s for s in extract_spans(draft.text) if s.label == "FIGURE"}
    assert (figures["9,491.5"].value, figures["9,491.5"].unit) == (94915000, "元")
    assert (figures["11.10"].value, figures["11.10"].unit) == (11.1, "%")
    assert figures["37.17"].unit == "元"
    assert figures["1,256"].unit is None  # a table with no unit line over it


def test_a_number_whose_row_names_an_identifier_is_no_figure() -> None:
    # An annals record set as a table (tests/data/corpus 212): the record's number is an identifier,
    # as 唯一号, 编号, 代码, 序号 or 邮编 name it; the counts beside it stay figures.
    text = "知识出处: | 《广昌县志》 |\n唯一号: | 140232020210000808 |\n编号 | 2019 |\n委员人数 | 24 |"
    figures = [s.text for s in extract_spans(text, model=False) if s.label == "FIGURE"]
    assert figures == ["24"]


def test_a_bracketed_capital_after_chinese_is_a_code_not_a_pinyin_gloss() -> None:
    # 证监会's category "农、林、牧、渔业(A)": pinyin glosses are lower case (政協(xié)).
    assert normalize("农、林、牧、渔业(A) | 01 | 农业").text == "农、林、牧、渔业(A) | 01 | 农业"
    assert normalize("政協(xié)委員(wěi)").text == "政协委员"
