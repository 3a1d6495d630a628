"""extract.layout on hand-made pages: columns, bands, paragraphs over column and page breaks, furniture."""

from __future__ import annotations

from pizhu.extract.layout import Char, Figure, Layout, Page, Table, TextLine, lines_from_chars, read_pages, rule_table

W, H = 600.0, 800.0
SIZE = 10.0


def line(text: str, x0: float, top: float, *, width: float | None = None, size: float = SIZE) -> TextLine:
    x1 = x0 + (width if width is not None else len(text) * size)
    return TextLine(text, x0, x1, top, top + size, size)


def blocks(layout: Layout) -> list[tuple[str, str, tuple[int, ...]]]:
    return [(b.kind, layout.text[b.start : b.end], b.pages) for b in layout.blocks]


def column_lines(x0: float, top: float, texts: list[str], *, indent_first: bool = True) -> list[TextLine]:
    """Full lines of a 10-character column at x0; the first indented, the last short if shorter."""
    out = []
    for index, text in enumerate(texts):
        indent = 2 * SIZE if index == 0 and indent_first else 0.0
        out.append(line(text, x0 + indent, top + index * 15))
    return out


def test_two_columns_read_left_then_right_and_quantity_rejoined() -> None:
    # Row order in the stream: left and right lines interleaved, as copy-paste gets them.
    left = column_lines(50, 100, ["全年开展调研", "活动共计调研12", "次。"])
    right = column_lines(300, 100, ["提出意见建议", "386条。"])
    page = Page(1, W, H, (left[0], right[0], left[1], right[1], left[2]))
    layout = read_pages([page])
    assert [text for _kind, text, _pages in blocks(layout)] == ["全年开展调研活动共计调研12次。", "提出意见建议386条。"]


def test_a_wide_title_cuts_the_page_into_bands() -> None:
    title = line("凝心聚力谋发展履职尽责显担当综述", 150, 60, width=300, size=18)
    upper_left = column_lines(50, 100, ["甲段文字一二", "三四五六。"])
    upper_right = column_lines(300, 100, ["乙段文字一二", "三四五六。"])
    wide = line("二、跨栏标题横跨两栏的长标题", 50, 300, width=450, size=12)
    lower_left = column_lines(50, 330, ["丙段文字一二", "三四五六。"])
    page = Page(1, W, H, (*lower_left, wide, *upper_right, title, *upper_left))
    layout = read_pages([page])
    assert [(kind, text) for kind, text, _ in blocks(layout)] == [
        ("heading", "凝心聚力谋发展履职尽责显担当综述"),
        ("body", "甲段文字一二三四五六。"),
        ("body", "乙段文字一二三四五六。"),
        ("heading", "二、跨栏标题横跨两栏的长标题"),
        ("body", "丙段文字一二三四五六。"),
    ]


def test_paragraph_over_a_page_break_stays_whole_before_the_furniture() -> None:
    pages = []
    for number in (1, 2, 3):
        lines = [line("鹿城年鉴2023", 50, 20), line(f"— {200 + number} —", 280, 770, width=40)]
        if number == 1:
            lines += column_lines(50, 100, ["第一页末段开头", "跨页的数字是12"])
        elif number == 2:
            lines += column_lines(50, 100, ["万元。后半句", "到此。"], indent_first=False)
            lines += column_lines(50, 200, ["新的一段。"])
        else:
            lines += column_lines(50, 100, ["最后一段。"])
        pages.append(Page(number, W, H, tuple(lines)))
    layout = read_pages(pages)
    assert blocks(layout) == [
        ("boilerplate", "鹿城年鉴2023", (1,)),
        ("body", "第一页末段开头跨页的数字是12万元。后半句到此。", (1, 2)),
        ("boilerplate", "— 201 —", (1,)),
        ("boilerplate", "鹿城年鉴2023", (2,)),
        ("body", "新的一段。", (2,)),
        ("boilerplate", "— 202 —", (2,)),
        ("boilerplate", "鹿城年鉴2023", (3,)),
        ("body", "最后一段。", (3,)),
        ("boilerplate", "— 203 —", (3,)),
    ]


def test_running_header_inside_the_margin_band_found_by_repetition() -> None:
    # Set lower than the outer 7.5 % of the page, so only its recurrence marks it.
    pages = [
        Page(n, W, H, (line(f"政协工作 {n}", 50, 90), *column_lines(50, 140, [f"第{n}页正文。"]))) for n in (1, 2, 3, 4)
    ]
    layout = read_pages(pages)
    kinds = [(kind, text) for kind, text, _ in blocks(layout)]
    assert ("boilerplate", "政协工作 1") in kinds and ("boilerplate", "政协工作 4") in kinds
    assert [text for kind, text in kinds if kind == "body"] == [f"第{n}页正文。" for n in (1, 2, 3, 4)]


def test_smaller_type_is_a_caption_and_latin_words_keep_their_space() -> None:
    page = Page(
        1,
        W,
        H,
        (
            line("政协展厅使用VR", 50, 100, width=130),
            line("technology展示。", 50, 115, width=130),
            line("▲委员视察", 50, 200, size=8),
        ),
    )
    layout = read_pages([page])
    assert blocks(layout) == [("body", "政协展厅使用VR technology展示。", (1,)), ("caption", "▲委员视察", (1,))]


def test_control_characters_never_reach_the_text() -> None:
    layout = Layout.from_paragraphs([("政协\x1b[31m委员\x07调研\x0c12次。", "body", ())])
    assert layout.text == "政协[31m委员调研12次。"


def test_a_short_line_in_another_face_is_a_heading_even_in_body_size() -> None:
    def face(text: str, top: float, font: str, width: float = 130) -> TextLine:
        return TextLine(text, 50, 50 + width, top, top + SIZE, SIZE, font)

    page = Page(
        1,
        W,
        H,
        (
            face("全年开展调研活动共计调", 100, "STSong"),
            face("研12次，形成报告多篇。", 115, "STSong", width=110),
            face("二、加强自身建设", 130, "SimHei", width=80),
            face("委员履职尽责积极建言", 145, "STSong"),
            face("献策。", 160, "STSong", width=30),
        ),
    )
    layout = read_pages([page])
    assert [(kind, text) for kind, text, _ in blocks(layout)] == [
        ("body", "全年开展调研活动共计调研12次，形成报告多篇。"),
        ("heading", "二、加强自身建设"),
        ("body", "委员履职尽责积极建言献策。"),
    ]


def test_justified_fragments_join_and_an_indented_block_stays_one_paragraph() -> None:
    page = Page(
        1,
        W,
        H,
        (
            # A full-width paragraph whose first line the library cut at a wide justified space.
            TextLine("Permission is", 50, 140, 100, 110, SIZE),
            TextLine("granted to copy", 146, 250, 100, 110, SIZE),
            TextLine("and modify this text.", 50, 160, 115, 125, SIZE),
            # A quotation indented whole, narrower than the column: its lines run on.
            TextLine("全文引用的一段话第一行", 90, 210, 140, 150, SIZE),
            TextLine("全文引用的一段话第二行", 90, 210, 155, 165, SIZE),
            TextLine("到此结束。", 90, 140, 170, 180, SIZE),
        ),
    )
    layout = read_pages([page])
    assert [text for _kind, text, _ in blocks(layout)] == [
        "Permission is granted to copy and modify this text.",
        "全文引用的一段话第一行全文引用的一段话第二行到此结束。",
    ]


# --- issue 22: real PDFs read as a person reads them ------------------------------------


def chars(text: str, x0: float, top: float, *, size: float = SIZE, font: str = "SimSun") -> list[Char]:
    """One character a box, ``size`` wide, as a layout library gives them."""
    return [Char(ch, x0 + i * size, x0 + (i + 1) * size, top, top + size, size, font) for i, ch in enumerate(text)]


def test_latin_digits_in_another_font_stay_in_their_sentence() -> None:
    # 只用了 5 年时间: the digit is set in Times, its box lower and shorter than the Song
    # characters' (a layout library that groups by font or box height pulls it out).
    song = chars("只用了", 50, 100)
    digit = [Char("5", 80, 85, 102.5, 110.5, 9.0, "TimesNewRoman")]
    rest = chars("年时间。", 86, 100)
    lines = lines_from_chars([*rest, *digit, *song])
    assert [ln.text for ln in lines] == ["只用了5年时间。"]
    assert lines[0].font == "SimSun"  # the face most of its characters are set in


def test_fake_bold_doubled_characters_are_read_once() -> None:
    first = chars("二、工业", 50, 100)
    doubled = [Char(c.text, c.x0 + 0.4, c.x1 + 0.4, c.top, c.bottom, c.size, c.font) for c in first]
    assert [ln.text for ln in lines_from_chars([*first, *doubled])] == ["二、工业"]


def test_a_letter_spaced_heading_is_one_heading() -> None:
    # 一、综　　合: two pieces on one baseline, four characters apart, inside the column.
    body = [line("全年全市地区生产总值达到一千亿", 50, 150 + 15 * i) for i in range(4)]
    heading = (line("一、综", 120, 120, size=SIZE), line("合", 190, 120, size=SIZE))
    page = Page(1, W, H, (*heading, *body))
    kinds = [(kind, text) for kind, text, _ in blocks(read_pages([page]))]
    assert kinds[0] == ("body", "一、综合")  # the text rules then call it a heading
    assert len(kinds) == 2


def test_lines_near_the_page_edge_are_content_unless_they_recur() -> None:
    # A figure in the first line of the page (inside the outer 7.5 %) is not page furniture;
    # the running header that recurs on every page is, and so is the page number.
    pages = []
    for n, (metric, growth) in enumerate((("营业收入", "增长"), ("净利润", "下降"), ("总资产", "持平")), start=1):
        lines = (
            line("贵州茅台2020年年度报告", 50, 15),
            line(f"{metric}949.15亿元，", 50, 40, width=500),
            line(f"{growth}10.29%。", 50, 55),
            line(f"{n} / 3", 280, 780, width=40),
        )
        pages.append(Page(n, W, H, lines))
    kinds = [(kind, text) for kind, text, _ in blocks(read_pages(pages))]
    assert ("body", "营业收入949.15亿元，增长10.29%。") in kinds
    assert ("boilerplate", "贵州茅台2020年年度报告") in kinds
    assert ("boilerplate", "1 / 3") in kinds


def test_one_page_keeps_a_line_at_its_top_edge() -> None:
    page = Page(1, W, H, (line("表1 主要指标完成情况", 50, 10), *column_lines(50, 100, ["正文一段。"])))
    kinds = [(kind, text) for kind, text, _ in blocks(read_pages([page]))]
    assert ("boilerplate", "表1 主要指标完成情况") not in kinds
    assert any(text == "表1 主要指标完成情况" for _kind, text in kinds)


def test_a_table_is_kept_row_by_row_with_its_cells_apart() -> None:
    rows = (("指标", "年末数（万人）", "比重（%）"), ("城镇人口", "101.7", "60.3"), ("乡村人口", "101.3", "39.7"))
    table = Table(50, 220, 200, 260, rows, SIZE)  # as wide as the column it stands in
    before = column_lines(50, 100, ["全市人口情况如下表所示，单位为万人，", "比重为百分比。"], indent_first=False)
    after = column_lines(50, 300, ["表后的正文。"])
    page = Page(1, W, H, (*after, *before), tables=(table,))
    layout = read_pages([page])
    assert blocks(layout) == [
        ("body", "全市人口情况如下表所示，单位为万人，比重为百分比。", (1,)),
        ("table", "指标 | 年末数（万人） | 比重（%）", (1,)),
        ("table", "城镇人口 | 101.7 | 60.3", (1,)),
        ("table", "乡村人口 | 101.3 | 39.7", (1,)),
        ("body", "表后的正文。", (1,)),
    ]


def test_a_table_inside_a_paragraph_waits_for_the_paragraph_to_end() -> None:
    # A float set at the top of the next page, while the paragraph runs on over the break.
    first = Page(1, W, H, tuple(column_lines(50, 600, ["第一产业增加值二百亿元，第二产业增", "加值"][:1])))
    second = Page(
        2,
        W,
        H,
        tuple(column_lines(50, 200, ["加值五百亿元。"], indent_first=False)),
        tables=(Table(50, 450, 100, 160, (("甲", "乙"), ("1", "2")), SIZE),),
    )
    texts = [(kind, text) for kind, text, _ in blocks(read_pages([first, second]))]
    assert texts == [
        ("body", "第一产业增加值二百亿元，第二产业增加值五百亿元。"),
        ("table", "甲 | 乙"),
        ("table", "1 | 2"),
    ]


def test_an_image_leaves_a_placeholder_and_is_counted() -> None:
    page = Page(1, W, H, tuple(column_lines(50, 100, ["图表如下。"])), figures=(Figure(50, 450, 200, 400),))
    layout = read_pages([page])
    assert [(kind, text) for kind, text, _ in blocks(layout)] == [("body", "图表如下。"), ("caption", "[图]")]
    assert layout.placeholders == 1


def test_paragraph_lines_with_wide_leading_run_on() -> None:
    # 仿宋 set with a line gap larger than the type (a leading of 2.2 em): the lines of a
    # paragraph still run on; a new paragraph starts at its indent.
    full = "一二三四五六七八九十一二三四五六七八九十"
    texts = [full, full, "第一产业增", "加值。"]
    lines = [line(t, 50, 100 + 22 * i, width=200) for i, t in enumerate(texts[:2])]
    lines.append(line(texts[2], 50, 144, width=200))
    lines.append(line(texts[3], 50, 166, width=40))
    lines.append(line("新段落开头。", 70, 188, width=60))
    layout = read_pages([Page(1, W, H, tuple(lines))])
    assert [text for _kind, text, _ in blocks(layout)] == ["".join(texts), "新段落开头。"]


def test_a_title_over_two_lines_is_one_heading_and_the_layouts_title() -> None:
    page = Page(
        1,
        W,
        H,
        (
            line("内部", 500, 20, size=12),  # a badge in the corner: short, not the title
            line("黔东南苗族侗族自治州2023年国民经济", 100, 80, size=22),
            line("和社会发展统计公报", 180, 110, size=22),
            *column_lines(50, 200, ["2023年，全州地区生产总值增长", "百分之五，经济运行总体平稳。"]),
        ),
    )
    layout = read_pages([page])
    assert ("heading", "黔东南苗族侗族自治州2023年国民经济和社会发展统计公报") in [
        (kind, text) for kind, text, _ in blocks(layout)
    ]
    assert layout.title == "黔东南苗族侗族自治州2023年国民经济和社会发展统计公报"


def test_each_block_knows_where_each_of_its_pages_starts() -> None:
    first = Page(1, W, H, tuple(column_lines(50, 600, ["跨页的段落前半句到此为"])))
    second = Page(2, W, H, tuple(column_lines(50, 100, ["止，后半句。"], indent_first=False)))
    layout = read_pages([first, second])
    (block,) = layout.blocks
    assert block.pages == (1, 2)
    assert layout.text[block.start + block.breaks[0] :].startswith("止，")
    again = Layout.from_json(layout.text, layout.to_json())
    assert again.blocks == layout.blocks and again.placeholders == layout.placeholders


def test_a_three_line_table_is_read_by_its_columns() -> None:
    # 三线表: rules above, under the header and below; no vertical rules. Its cells are the
    # pieces of the lines between the rules, the columns where no row has ink.
    cells = [("指标", "绝对数", "比上年增长（%）"), ("粮食产量", "123.4", "2.1"), ("油料产量", "5.6", "-0.3")]
    pieces = []
    for row, texts in enumerate(cells):
        for x0, text in zip((60, 200, 320), texts, strict=True):
            pieces.append(line(text, x0, 110 + 20 * row))
    table = rule_table(pieces, 50, 480, 100, 170)
    assert table is not None and table.rows == tuple(cells)
    # One column of text between rules is no table (a rule above and below a quotation).
    assert rule_table([line("引文一段。", 60, 110), line("第二行。", 60, 130)], 50, 480, 100, 150) is None


def test_a_line_that_recurs_at_the_top_but_runs_on_with_the_text_is_text() -> None:
    # A generated yearbook repeats its phrases: the same line opens several pages, set at the
    # paragraph's leading under the running header. It goes on with the paragraph.
    pages = []
    for n in range(1, 6):
        lines = (
            line("鹿城年鉴（2023）政协工作", 50, 20),
            line("增强了政协工作的针对性和实效性", 50, 70, width=150),
            line(f"，第{n}页收到委员提案。", 50, 85, width=110),
        )
        pages.append(Page(n, W, H, lines))
    kinds = [(kind, text) for kind, text, _ in blocks(read_pages(pages))]
    assert ("boilerplate", "鹿城年鉴（2023）政协工作") in kinds
    assert ("body", "增强了政协工作的针对性和实效性，第1页收到委员提案。") in kinds


def test_two_fields_far_apart_on_one_line_stay_apart() -> None:
    # 公司代码：600519 ... 公司简称：贵州茅台 on a cover: two fields twenty characters apart on
    # one baseline. Joined without a mark they read as a number in no file (600519公司简称).
    body = [line("全年全市地区生产总值达到一千亿" * 3, 50, 150 + 15 * i) for i in range(4)]
    left = line("公司代码：600519", 50, 120, width=100)
    right = line("公司简称：贵州茅台", 350, 120, width=90)
    page = Page(1, W, H, (left, right, *body))
    texts = [text for _kind, text, _ in blocks(read_pages([page]))]
    assert "公司代码：600519公司简称：贵州茅台" not in "".join(texts)
    assert any(text.split(" | ") == ["公司代码：600519", "公司简称：贵州茅台"] for text in texts), texts


def test_two_fields_set_apart_by_a_run_of_spaces_stay_apart() -> None:
    # The same cover as a real annual report sets it: one run of characters, the gap between
    # the fields filled with twenty space characters (not a gap in the ink). Read as one line
    # and normalized, the spaces went and 600519 ran into 公司简称.
    size = 10.0
    spaces = [Char(" ", 140 + i * size / 2, 140 + (i + 1) * size / 2, 120, 130, size, "SimSun") for i in range(20)]
    cover = [*chars("公司代码：600519", 40, 120, size=size), *spaces, *chars("公司简称：贵州茅台", 250, 120, size=size)]
    body = [chars("全年全市地区生产总值达到一千亿" * 3, 40, 150 + 15 * i, size=size) for i in range(4)]
    page = Page(1, W, H, lines_from_chars([*cover, *[c for line in body for c in line]]))
    texts = [text for _kind, text, _ in blocks(read_pages([page]))]
    assert any(text.split(" | ") == ["公司代码：600519", "公司简称：贵州茅台"] for text in texts), texts


def test_two_fields_on_a_cover_line_are_not_one_paragraph() -> None:
    # A real annual report's cover (its own coordinates): two fields on one baseline, nothing
    # else on the page as wide; read as two columns, the second field ran on the first.
    page = Page(
        1,
        595.0,
        842.0,
        (
            TextLine("2020年年度报告", 277.49, 343.01, 43.99, 53.0, 9.0),
            TextLine("公司代码：600519", 89.9, 174.02, 83.71, 94.3, 10.56),
            TextLine("公司简称：贵州茅台", 399.67, 494.26, 83.71, 94.3, 10.56),
            TextLine("贵州茅台酒股份有限公司", 189.29, 432.05, 214.08, 236.0, 21.96),
            TextLine("1 / 120", 297.77, 323.57, 772.15, 781.1, 9.0),
        ),
    )
    text = read_pages([page]).text
    assert "600519公司简称" not in text, text
