"""Normalization of OCR spacing that falls inside a number or a run of text (issue 21: OCR noise)."""

from __future__ import annotations

import pytest

from pizhu.extract.normalize import normalize
from pizhu.extract.pipeline import extract_spans


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("共收到提案197 2件，立案18 24件。", "共收到提案1972件，立案1824件。"),
        ("总结2 019年工作", "总结2019年工作"),
        ("增长11.5 %，占60. 3%。", "增长11.5%，占60.3%。"),
        ("他强调,2 019年,是关键之年", "他强调,2019年,是关键之年"),
        ("2 019年是关键之年", "2019年是关键之年"),
    ],
)
def test_a_single_space_inside_a_number_between_text_goes(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


@pytest.mark.parametrize("raw", ["2020-11-06 1 1", "得票数 12  15", "Windows 10 11"])
def test_spaces_between_numbers_that_stand_apart_stay(raw: str) -> None:
    assert normalize(raw).text.count(" ") >= 1


def test_ocr_spacing_inside_a_sentence_is_no_list() -> None:
    raw = (
        "「人和」是 指目前香 港整体社 会稳定，正拼经济谋发展。总结20 18年县 政协 工作，"
        "向大 会报 告县政协 十一 届一次会议以来"
    )
    expected = (
        "「人和」是指目前香港整体社会稳定，正拼经济谋发展。总结2018年县政协工作，向大会报告县政协十一届一次会议以来"
    )
    assert normalize(raw).text == expected


@pytest.mark.parametrize("raw", ["主席：王强 李明 张伟", "副主席 王强 李明 张伟 赵刚", "出席：王强 李明 张伟。"])
def test_a_list_of_names_keeps_its_spaces(raw: str) -> None:
    assert normalize(raw).text == raw


# --- an OCR-spaced page (issue 21, bench_robust ocrspace) ----------------------------------------
# A paragraph as OCR sets it: spaces at irregular places, runs of one character or of five and
# more between them. Invented text, written for the test.
SPACED = "会议 强调，要坚持 团结和民主 两大主题，围绕中 心、服务大局，切实 发挥政协 委员的主体作 用。\n"
UNSPACED = "会议强调，要坚持团结和民主两大主题，围绕中心、服务大局，切实发挥政协委员的主体作用。\n"


def normalized(raw: str) -> str:
    result = normalize(raw)
    for i, ch in enumerate(result.text):
        assert raw[result.raw_offsets[i]] == ch
    return result.text


def test_the_spaced_paragraph_reads_as_clean_text() -> None:
    assert normalized(SPACED) == UNSPACED


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # runs of two to four characters by chance, none of them a name: OCR spacing, no list
        (
            "责任到人，对每件 提案 办复办求 做到实事 求是，认真负责。",
            "责任到人，对每件提案办复办求做到实事求是，认真负责。",
        ),
        ("全县上下 贯彻 落实县委 十四 届六次全会精神", "全县上下贯彻落实县委十四届六次全会精神"),
        # a space inside a name, and the runs after it that look like a list
        ("大会上，林 国栋高票 当选 政协 主席，", "大会上，林国栋高票当选政协主席，"),
    ],
)
def test_ocr_spacing_on_a_spaced_page_is_no_list(line: str, expected: str) -> None:
    assert normalized(SPACED + line) == UNSPACED + expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("副主席：林国栋 赵振华 周立平 邵立新", "副主席：林国栋 赵振华 周立平 邵立新"),
        # the words before the names are no item
        ("出席会议的常委 林国栋 赵振华 周立平 邵立新。", "出席会议的常委林国栋 赵振华 周立平 邵立新。"),
        # a space OCR put inside a name of the list goes; the list's own spaces stay
        ("常委：林国栋 赵 振华 周立 平 邵立新 欧阳文华", "常委：林国栋 赵振华 周立平 邵立新 欧阳文华"),
    ],
)
def test_a_list_of_names_on_a_spaced_page_keeps_its_spaces(line: str, expected: str) -> None:
    assert normalized(SPACED + line) == UNSPACED + expected


@pytest.mark.parametrize("page", ["", SPACED])
def test_a_list_of_names_closed_by_deng_keeps_its_spaces(page: str) -> None:
    text = normalized(page + "出席：林国栋 赵振华 周立平 等\n")
    assert "出席：林国栋 赵振华 周立平 等" in text
    assert [s.text for s in extract_spans(text, model=False) if s.label == "PERSON"] == ["林国栋", "赵振华", "周立平"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("发布日期:2 010-03-1 1点击数:5255", "发布日期:2010-03-11点击数:5255"),
        ("时间:2022-03-0 1 16 :16: 02", "时间:2022-03-01 16:16:02"),
        ("更新时间：17 :42 20 26-03-05 HKT", "更新时间：17:42 2026-03-05 HKT"),
        ("发表日期:201 0-01 -27 12 :58: 04", "发表日期:2010-01-27 12:58:04"),
        ("date 202 6-03-05", "date 2026-03-05"),
        ("发表时间:20 09-1-31", "发表时间:2009-1-31"),
    ],
)
def test_a_spaced_date_or_time_is_joined(raw: str, expected: str) -> None:
    assert normalized(raw) == expected


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("2020-11-06 1 1 沧州日报", "2020-11-06 1 1"),
        ("2022-03-01 16:16:02", "2022-03-01 16:16:02"),
        ("第3 -5页", "3 -5"),
    ],
)
def test_numbers_beside_a_date_keep_their_spaces(raw: str, kept: str) -> None:
    assert kept in normalized(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("委员提案1612件 ,集体提案212件 ;占17.5% ,", "委员提案1612件,集体提案212件;占17.5%,"),
        ("办复率达92% 。今年", "办复率达92%。今年"),
        ("行政长官今( 26)日上午(记者 王明 )", "行政长官今(26)日上午(记者王明)"),
        ("您的位置 : 文汇首页", "您的位置:文汇首页"),
        ("《文史资料选辑》, 自1960年创刊", "《文史资料选辑》,自1960年创刊"),
    ],
)
def test_ocr_spaces_beside_ascii_punctuation_go(raw: str, expected: str) -> None:
    assert normalized(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("发(fā )布日期", "发布日期"),
        ("政协(x ié )信息", "政协信息"),
        ("生态(t ài)环 (huán)境", "生态环境"),
        ("合作联(li án)谊,农(n ón g)户", "合作联谊,农户"),
        ("县政协( xié)党组", "县政协党组"),
    ],
)
def test_a_pinyin_gloss_that_ocr_spaced_goes(raw: str, expected: str) -> None:
    assert normalized(raw) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a line (or a bracket) of short runs with names among them is a list (a credit)
        ("记者 林国 栋 通讯员 赵振华", "记者 林国栋 通讯员 赵振华"),
        ("(记者 林国栋 通讯员 赵振华)", "(记者 林国栋 通讯员 赵振华)"),
        # one without names is a name OCR spaced
        ("中国 人民 政治协商 会议\n", "中国人民政治协商会议\n"),
        ("作者:港澳台 侨和 民族宗教 委员会", "作者:港澳台侨和民族宗教委员会"),
        # names after a comma, in running text, are a verb's objects or OCR spacing: no list
        ("会议成立,林国栋 任主 任委员,有盟员51人。", "会议成立,林国栋任主任委员,有盟员51人。"),
    ],
)
def test_a_line_of_short_runs_on_a_spaced_page(line: str, expected: str) -> None:
    assert normalized(SPACED + line) == UNSPACED + expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("10月28-2 9日", "10月28-29日"),
        ("12月1 2—3日", "12月12—3日"),
        ("舟山市志(198 9—2005 )中卷", "舟山市志(1989—2005)中卷"),
        ("规划(2021—2 02 5", "规划(2021—2025"),
        ("阅读:765 2次", "阅读:7652次"),
        ("发布时间:2 02 0年05月", "发布时间:2020年05月"),
        ("新闻\n2 026\n0 2/18\n10:16", "新闻\n2026\n02/18\n10:16"),
        ("徽发[1 980]8号", "徽发[1980]8号"),
        ("06/03/202 6 09:34", "06/03/2026 09:34"),
        ("二 ○○七年", "二○○七年"),
    ],
)
def test_spaced_ranges_years_and_day_months_are_joined(raw: str, expected: str) -> None:
    assert normalized(raw) == expected


@pytest.mark.parametrize("raw", ["Windows 10 11", "第 12  15 页", "© 2018 2019"])
def test_numbers_that_make_no_date_keep_their_spaces(raw: str) -> None:
    assert raw.split(" ", 1)[1].strip(" 页") in normalized(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('和"百花齐放,百家争鸣" 的方针', '和"百花齐放,百家争鸣"的方针'),
        ('加快建设" 强富美高"新江苏', '加快建设"强富美高"新江苏'),
        ("主席(兼职) 一名,市县(区) 建立", "主席(兼职)一名,市县(区)建立"),
        ("杨传堂李斌 (女)、日程 (草案)", "杨传堂李斌(女)、日程(草案)"),
    ],
)
def test_ocr_spaces_beside_ascii_quotes_and_brackets_go(raw: str, expected: str) -> None:
    assert normalized(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2019年3月1曰召开", "2019年3月1日召开"), ("三月二十曰", "三月二十日"), ("子曰学而时习之", "子曰学而时习之")],
)
def test_yue_that_ocr_read_for_ri_after_a_number_reads_ri(raw: str, expected: str) -> None:
    result = normalize(raw)  # one character for one: the map stays put
    assert result.text == expected
    assert list(result.raw_offsets) == list(range(len(raw) + 1))
