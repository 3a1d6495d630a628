"""FIGURE round 4 (issue 21): counts with Chinese numerals the finder missed, and numbers it read as counts."""

from __future__ import annotations

import pytest

from pizhu.extract.figures import find_figures


def texts(text: str) -> list[str]:
    return [s.text for s in find_figures(text)]


def test_jiejin_stays_outside_like_a_verb() -> None:
    # RULINGS: 接近1000人 gives 近1000人 (approx under; 接 stays outside).
    spans = find_figures("协会成员已接近600人。")
    assert [(s.text, s.attrs["approx"], s.attrs["value"]) for s in spans] == [("近600人", "under", 600)]


@pytest.mark.parametrize(
    "text",
    [
        "秘书处:66123456组织部:66123457",
        "联系电话：0571-86123456 值班室：86123457组织科：86123458",
    ],
)
def test_a_phone_number_before_the_next_office_is_no_count(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "按照“携手奋进新五年”主题活动的要求,",
        "开展“建功立业再十年”行动。",
    ],
)
def test_a_numeral_that_ends_a_quoted_name_is_no_count(text: str) -> None:
    assert texts(text) == []


def test_a_quoted_length_alone_still_counts() -> None:
    assert texts("要求在“三个月”内完成整改。") == ["三个月"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # quoted items joined by 和, then counted
        ("聚焦“稳增长”和“惠民生”两个目标,推进合作。", "两个"),
        # places listed, then counted by a place word
        ("调研组赴江苏、浙江两省考察。", "两省"),
        # one of the N things: 之一 after the counted noun
        ("这是今年质量最好的三份提案之一。", "三份"),
    ],
)
def test_chinese_counts_of_things(text: str, span: str) -> None:
    found = texts(text)
    assert span in found, found


@pytest.mark.parametrize(
    "text",
    [
        "这两年,政协工作取得新进展。",  # a relative span of time
        "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",  # numbered formulas
        "这一年,委员们积极履职。",  # 一 as an article
        "由江苏、浙江两省政协联合主办。",  # the bodies of the places counted
        "大体有这三个方面的情况。",  # the report's own structure
        "出席的有张英、黄伟、陆国明等。",  # 陆 (six, in the banker's form) opening a name after 、
        "民建甲州、乙安两地市级组织交流经验。",  # the bodies of the places counted
        # RULINGS: a count that names a set just listed is none, after a demonstrative too
        "委员们察看了东村、西村和南村,对这三个村的人居环境整治给予肯定。",
        "会议听取了常委会工作报告、提案工作报告。委员们认为这两份报告主题鲜明。",
    ],
)
def test_still_no_count(text: str) -> None:
    assert texts(text) == []


def test_a_party_of_people_counted_is_no_idiom() -> None:
    # 一行六人: the party (一行) is counted, not the numeral idiom's template X甲Y乙 (三番五次)
    assert texts("副主委等一行五人专程到社区走访。") == ["五人"]
    assert texts("调研组一行七人,到企业调研。") == ["七人"]


def test_numeral_idioms_still_none() -> None:
    assert texts("他三番五次到现场,七上八下的心情平复了。") == []


def test_a_rank_list_is_no_party() -> None:
    # 分居二、三、四位: ranks listed, an estimate's template with 、, no people counted
    assert texts("在综合竞争力排名中分居二、三、四位。") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("总投资:35000000元,", "35000000元"),
        ("捐款：1500000元。", "1500000元"),
        ("参观人数:1200000人次", "1200000人次"),
    ],
)
def test_a_large_amount_after_a_colon_is_still_a_count(text: str, span: str) -> None:
    assert texts(text) == [span]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("他介绍说,“今年共办理提案120件”。", "120件"),
        ("大家记住了那句“已经走访了三个村”,", "三个"),
    ],
)
def test_a_count_that_ends_a_quoted_sentence_still_counts(text: str, span: str) -> None:
    assert span in texts(text)


def test_a_second_phase_named_at_a_clause_end_is_no_count() -> None:
    # 二期 after a works' name is its second phase (an ordinal); a count of phases reads 两期
    assert texts("在某某科技园二期,委员们察看了生产车间。") == []
    assert texts("项目分二期,首期已投产。") == ["二期"]
    assert texts("今年共举办培训班二期。") == ["二期"]


def test_the_reports_structure_with_a_modifier_before_its_head_is_no_count() -> None:
    # RULINGS: 大体有三种情况, 包括四个方面的内容 lay out the text; a modifier between changes nothing
    assert texts("人民政协具有三个主要特点,即广泛代表性、党派合作性和民主协商性。") == []
    assert texts("报告分为两个重要部分。") == []
    assert texts("全市共有34个界别小组。") == ["34个"]


def test_an_amount_after_a_demonstrative_is_still_an_amount() -> None:
    # 这5000元: the amount given is measured; a demonstrative makes an ordinal of no sum of money
    assert texts("家长说,这3000元是雪中送炭。") == ["3000元"]
    assert texts("该50万元资金已全部到位。") == ["50万元"]
    assert texts("这3个村都通了公交。") == []  # a count pointing back at places just named


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("委员们分两组前往乡镇视察。", "两组"),
        ("提案委员会将提案划分为三类,分别交办。", "三类"),
    ],
)
def test_a_group_divided_into_parts_counts_them(text: str, span: str) -> None:
    # 分三批, 分成四个小组 count the parts, as 分两组 and 划分为三类 do
    assert texts(text) == [span]


def test_a_set_named_by_a_classifier_still_none() -> None:
    assert texts("坚持两手抓、两手都要硬,做到四面八方有回应。") == []
