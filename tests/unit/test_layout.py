"""extract.layout on hand-made pages: columns, bands, paragraphs over column and page breaks, furniture."""

from __future__ import annotations

from extract.layout import Layout, Page, TextLine, read_pages

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
