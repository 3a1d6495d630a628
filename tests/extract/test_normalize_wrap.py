"""Normalization of text a PDF or a narrow newspaper column hard-wrapped at a fixed width (issue 21).

A .txt export of a PDF page breaks every line at the column's width, inside words, names
and numbers; most lines of such a text are as wide as the column (a digit takes half a CJK
character's width), often narrower than the 36 characters a running line needs elsewhere.
Normalization rejoins them.
"""

from __future__ import annotations

import pytest

from pizhu.extract.normalize import normalize

PARAGRAPHS = [
    "一年来，县政协常务委员会在中共县委的坚强领导下，认真贯彻落实全国政协第十四届委员会第二次会议精神，"
    "围绕中心、服务大局，组织委员开展视察调研二十三次，提出意见建议一百余条。",
    "二、加强自身建设，提升履职能力",
    "全年共收到委员提案386件，经审查立案352件，截至2023年11月30日全部办复，办复率100%，"
    "其中《关于加快乡村振兴步伐的建议》等重点提案由县领导领衔督办，取得了明显成效。",
]


def _wrapped(paragraphs: list[str], width: int) -> str:
    """The paragraphs set in a column ``width`` full-width characters wide (a digit takes half)."""
    lines = []
    for paragraph in paragraphs:
        line, used = "", 0
        for ch in paragraph:
            take = 2 if ch >= "\u2e80" else 1
            if used + take > 2 * width:
                lines.append(line)
                line, used = "", 0
            line += ch
            used += take
        lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize("width", [14, 18, 25, 33])
def test_paragraphs_hard_wrapped_at_a_fixed_width_are_rejoined(width: int) -> None:
    raw = _wrapped(PARAGRAPHS, width)
    assert normalize(raw).text == "\n".join(PARAGRAPHS)


def test_a_wrapped_text_keeps_each_character_mapped_to_its_raw_one() -> None:
    raw = _wrapped(PARAGRAPHS, 18)
    normalized = normalize(raw)
    for i, ch in enumerate(normalized.text):
        assert raw[normalized.raw_offsets[i]] == ch


def test_lines_of_varied_length_are_no_wrapped_column() -> None:
    """Short unpunctuated lines of different lengths (a list of posts) stay apart."""
    posts = ["县政协副主席兼秘书长", "县政协党组成员", "县政协提案委员会主任", "县政协办公室副主任", "县工商联党组书记"]
    raw = "\n".join(posts)
    assert normalize(raw).text == raw


def test_a_list_of_lines_of_one_length_that_end_their_items_stays_apart() -> None:
    """Lines of one length that each end in a sentence end are whole lines, not a wrapped column."""
    raw = "\n".join(["第一项工作圆满完成。", "第二项工作正在推进。", "第三项工作已经启动。", "第四项工作尚在筹划。"])
    assert normalize(raw).text == raw


def test_a_wrap_at_the_space_between_two_names_of_a_list_keeps_them_apart() -> None:
    names = "常委：王立新 李春华 赵明远 陈菊芳 张洪波 曾志强 彭文杰 查贵林 姜晓晖 樊子云 徐冠中 欧阳兆平 孙立国 周海涛"
    raw = _wrapped([PARAGRAPHS[0], names, PARAGRAPHS[2]], 18)
    assert "陈菊芳 张洪波" in normalize(raw).text.replace("\n", "|")
    assert normalize(raw).text.split("\n")[1] == names


@pytest.mark.parametrize("width", [16, 17, 18, 19, 20])
def test_a_pinyin_gloss_cut_by_the_wrap_goes_whole(width: int) -> None:
    glossed = PARAGRAPHS[0].replace("协", "协(xié)").replace("会", "会(huì)")
    raw = _wrapped([glossed, PARAGRAPHS[2]], width)
    assert normalize(raw).text == "\n".join([PARAGRAPHS[0], PARAGRAPHS[2]])


def test_some_of_those_widths_cut_a_gloss() -> None:
    glossed = PARAGRAPHS[0].replace("协", "协(xié)").replace("会", "会(huì)")
    lines = [line for width in [16, 17, 18, 19, 20] for line in _wrapped([glossed], width).split("\n")]
    assert any(line.count("(") != line.count(")") for line in lines)


def test_an_indented_line_after_a_full_line_starts_a_new_paragraph() -> None:
    lines = _wrapped(PARAGRAPHS, 18).split("\n")
    full = next(i for i, line in enumerate(lines) if len(line) == 18 and line[-1] not in "。，、")
    raw = "\n".join([*lines[: full + 1], "\u3000\u3000" + lines[full + 1], *lines[full + 2 :]])
    assert lines[full] + "\n" in normalize(raw).text


def test_a_page_with_a_left_margin_is_rejoined_and_its_indented_lines_start_paragraphs() -> None:
    """A PDF's text export keeps the page's margin on every line, and a paragraph's indent beyond it."""
    lines = []
    for paragraph in _wrapped(PARAGRAPHS, 25).split("\n"):
        lines.append(" " * 16 + paragraph)
    raw = "\n".join(lines).replace(" " * 16 + "全年共收到", " " * 20 + "全年共收到")
    assert normalize(raw).text == "\n".join(PARAGRAPHS)
