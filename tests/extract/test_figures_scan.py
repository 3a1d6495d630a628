"""FIGURE kinds found false by the precision scan (bench/bench_figures_scan.py) on unlabelled pages.

Each test names a form the guidelines rule out (an ordinal, a frequency, a numbered formula, a
programme's name, a rank, injected spam) and checks the true count beside it is kept.
"""

from __future__ import annotations

import pytest

from pizhu.extract.figures import find_figures
from pizhu.extract.pipeline import extract_spans
from pizhu.extract.spam import spam_lines


def texts(text: str) -> list[str]:
    return [s.text for s in find_figures(text)]


# A project's phase (一期工程, 二期扩建项目) names which part of it, an ordinal like 第二期.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("委员们视察了甲公司二期扩建项目、乙公司产业园项目。", []),
        ("一期、二期项目均已投产。", []),
        ("该园区2期工程年内开工。", []),
        ("三期建设项目推进顺利,投资5亿元。", ["5亿元"]),
        ("举办两期培训班、三期讲座。", ["两期", "三期"]),
        ("共举办3期培训班。", ["3期"]),
    ],
)
def test_a_project_phase_is_an_ordinal(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


# A frequency is no FIGURE (RULINGS: 五年一次的换届), in Arabic numerals too.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("理事会1年1次召开会议。", []),
        ("每届两年1次换届。", []),
        ("会员大会3年1届。", []),
        ("抵御50年一遇的洪水。", []),
        ("全年开展视察2次。", ["2次"]),
        ("为期3年的行动。", ["3年"]),
    ],
)
def test_a_frequency_in_arabic_numerals_is_no_figure(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


# A numbered formula (GUIDELINES: 十个一, 两个确立) written with Arabic numerals: N个 before a numeral.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("实施“3个1”工程。", []),
        ("推进10个一工程。", []),
        ("实现“4个100%”目标。", ["100%"]),
        ("设立5个100万元的基金。", ["5个", "100万元"]),
        ("建成12个服务站。", ["12个"]),
    ],
)
def test_a_numbered_formula_in_arabic_numerals_is_no_count(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


# The calendar's constants (a day's 24 hours, a week's 7 days, a year's 365 days) and round-the-clock
# service measure nothing the report did; a length spent is still a FIGURE.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("热线全年365天开通。", []),
        ("窗口一天24小时受理。", []),
        ("提供7×24小时服务。", []),
        ("一周7天不休。", []),
        ("为期7天的培训。", ["7天"]),
        ("连续24小时值守。", ["24小时"]),
    ],
)
def test_a_calendar_constant_is_no_figure(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


# A programme named by a travel time (15分钟生活圈, 1小时交通圈) is a name, like 三年行动.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("推进“15分钟健康服务圈”建设。", []),
        ("打造1小时交通圈。", []),
        ("车程约15分钟。", ["约15分钟"]),
    ],
)
def test_a_programme_named_by_a_travel_time_is_no_figure(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


# A rank (排名前10位, 进入全国前100名) is an ordinal; the first N people counted stay a count.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("综合考评排名全省前10位。", []),
        ("进入全国前100名。", []),
        ("名列前3名。", []),
        ("前10名报名者获赠书籍。", ["10名"]),
    ],
)
def test_a_rank_is_an_ordinal(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


# 余/多 makes a count of a word a Chinese numeral alone does not count (五十余席); so does a qualifier.
def test_a_qualified_chinese_numeral_counts_like_yu() -> None:
    assert texts("筵开逾六十五席。") == ["逾六十五席"]
    assert texts("两支队伍。") == []


REPORT = "2023年,市政协共组织视察调研12次,提交提案156件,办复率100%。\n"
QUESTIONS = (
    "感冒吃什么药好| 为什么会失眠| 36岁属什么生肖| 1990年属什么| 8月15日是什么节日| "
    "血压高怎么办| 手机多少钱| 哪里好玩|\n"
)


def test_a_line_of_search_questions_a_mirror_injected_gives_no_span() -> None:
    text = REPORT + QUESTIONS + REPORT
    lines = spam_lines(text)
    assert [text[a:b] for a, b in lines] == [QUESTIONS.rstrip("\n")]
    inside = [s.text for s in extract_spans(text, model=False) if any(a <= s.start < b for a, b in lines)]
    assert inside == []
    assert {"2023年", "12次", "156件", "100%"} <= {s.text for s in extract_spans(text, model=False)}


def test_a_table_row_joined_by_bars_is_no_spam() -> None:
    row = "界别 | 委员人数 | 占比 | 提案数 | 立案数 | 办复率\n"
    assert spam_lines(REPORT + row) == []


# A quoted formula listing its numbered parts (“一个目标、两个重点、三项任务”) counts nothing.
def test_a_quoted_numbered_formula_list_is_no_count() -> None:
    assert texts("围绕“一个目标、两个重点、三项任务”展开。") == []
    assert texts("设立了甲、乙、丙三个调研组。") == ["三个"]


# The span of the term a report looks back over (回顾五年的工作, 五年的实践证明) is a time frame, like
# 五年来; the length of a history stays a FIGURE (走过了75年的风雨历程).
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("回顾五年的工作,我们深切体会到:", []),
        ("五年的实践证明,只有坚持党的领导。", []),
        ("走过了75年的风雨历程。", ["75年"]),
        ("人民政协走过了七十五年的光辉历程。", ["七十五年"]),
    ],
)
def test_the_term_looked_back_over_is_a_time_frame(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


# 近 before a span of time is relative (近两年) except after a word that gives a length (用近2个月的时间).
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("常委会用近2个月的时间开展调研。", ["近2个月"]),
        ("历时近3个月。", ["近3个月"]),
        ("经过近一年的努力,", ["近一年"]),
        ("近两年,", []),
        ("近3年来,", []),
    ],
)
def test_a_length_with_jin_after_a_length_word_is_a_figure(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


# A table column whose header names an identifier, a page or a rank holds no amounts (the row-header
# rule's column twin: 唯一号 counts nothing, nor do 提案号, 联系电话, 邮编, 页码, 名次).
@pytest.mark.parametrize(
    ("table", "kept"),
    [
        (
            "序号 | 提案号 | 案由 | 提案人\n1 | 0012 | 关于养老服务的建议 | 张三\n2 | 15 | 关于交通的建议 | 李四\n",
            [],
        ),
        ("单位 | 联系电话 | 邮编\n市政协办公室 | 13812345678 | 100811\n县政协 | 66192752 | 361018\n", []),
        ("章节 | 页码\n第一章 总则 | 3\n第二章 委员 | 12\n", []),
        ("名次 | 单位 | 提案数\n1 | 市委办 | 12\n2 | 市政府办 | 9\n", ["12", "9"]),
        ("界别 | 委员人数 | 提案数\n经济界 | 25 | 31\n教育界 | 18 | 22\n", ["25", "31", "18", "22"]),
    ],
)
def test_an_identifier_page_or_rank_column_holds_no_figure(table: str, kept: list[str]) -> None:
    from pizhu.extract.pipeline import rule_spans

    assert [s.text for s in rule_spans(table) if s.label == "FIGURE"] == kept


# A numbered slogan written with Arabic numerals (GUIDELINES: 两个确立, 四个自信 are no FIGURE): the numeral
# opens a short quoted name (“4个意识”, “5位一体”, “3张清单”) or names the 八项规定 (中央8项规定); a quoted
# length of time stays a time limit, a quoted amount with no head stays an amount.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("增强“4个意识”、坚定“4个自信”、做到“2个维护”。", []),
        ("统筹推进“5位一体”总体布局。", []),
        ("形成“3张清单”。", []),
        ("实现“2个100年”奋斗目标。", []),
        ("落实中央8项规定精神。", []),
        ("限“3个月”内办结。", ["3个月"]),
        ("获得“5000元”奖励。", ["5000元"]),
        ("全年办理提案“128件”。", ["128件"]),
    ],
)
def test_a_numbered_slogan_in_arabic_numerals_is_no_figure(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


# Mandarin counts with 两 before a measure word; 二 alone before 次/轮/批/期 and a word is the ordinal
# "second" (二次创业, 二次供水, 二轮督查). Annals counting 二次 at a clause's end stay counts.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("推动二次创业。", []),
        ("解决二次供水问题。", []),
        ("进行二轮督查。", []),
        ("召开常委会议二次,", ["二次"]),
        ("开展两轮巡察。", ["两轮"]),
        ("选举产生副主席二人。", ["二人"]),
    ],
)
def test_er_before_a_count_word_and_a_noun_is_an_ordinal(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


# A labelled value ending a line of page chrome (联系QQ:2885784924, 点击数:5255) and a line opening with a
# year (2025年…) are no quantity a line break cut: the finder does not read across that break.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("网站大量收购独家精品文档,联系QQ:2885784924\n2025年提案审查情况报告\n", []),
        ("发布日期:2010-03-11   本页面被点击数:5255\n2024年工作回顾\n", []),
        ("全年各级政协组织围绕中心工作开展视察调研共计12\n5次,提出意见建议300余条。\n", ["125次", "300余条"]),
    ],
)
def test_a_labelled_value_or_a_year_line_is_not_joined_across_a_break(text: str, kept: list[str]) -> None:
    assert [t.replace("\n", "") for t in texts(text)] == kept


# A period named after 个 (下一个5年, 第一个5年) is no length measured. (30年前, 10年后 stay FIGUREs: the dev
# gold counts them as lengths, so the guidelines' relative frames stop at 来, 近 and the words before.)
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("迈向下一个5年。", []),
        ("30年前,这里还是一片荒地。", ["30年"]),
        ("3个月内办结。", ["3个月"]),
        ("任期5年。", ["5年"]),
    ],
)
def test_a_period_named_after_ge_is_no_length(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


# A difference stated with 多, 少, 迟, 早 or 晚 is a comparison, no FIGURE (RULINGS: 会期多一天, 人大会议则迟一天),
# in Arabic numerals too; 最多, 至少 bound an amount, and a change after a verb (增加了17名) is not ruled here.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("会期比去年多1天。", []),
        ("人大会议则迟1天开幕。", []),
        ("比上届少3人。", []),
        ("比去年早2天召开。", []),
        ("每人最多3件。", ["3件"]),
        ("至少5人参加。", ["5人"]),
        ("比上届增加了17名。", ["17名"]),
        ("会期多了1天。", []),
        ("较上届多出5名。", []),
        ("会期比上届长1天。", []),
        ("两次会议相差3天。", []),
        ("两地相距5公里。", ["5公里"]),
    ],
)
def test_a_difference_stated_with_a_comparative_is_no_figure(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


# An address labels a building, a floor or a room (3栋2单元, 大厦3层会议室, 18层1801室): an ordinal, no count;
# a building's floors counted (大楼共12层) stay. A model year (2025款) is a year.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("地址:幸福小区3栋2单元。", []),
        ("住在2栋302室。", []),
        ("会议在大厦3层会议室举行。", []),
        ("政协机关位于办公楼3层。", []),
        ("地址:金融大厦18层1801室。", []),
        ("大楼共12层。", ["12层"]),
        ("新建住宅楼3栋。", ["3栋"]),
        ("发布2025款车型。", []),
    ],
)
def test_an_address_label_is_no_count(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


# Neighbouring digits joined by 、 are an estimate (RULINGS: 三五个, 七八次), in Arabic numerals too.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("每组3、4个人。", []),
        ("邀请5、6名委员参加。", []),
        ("每月1、2次。", []),
        ("收到3、8件。", ["8件"]),
    ],
)
def test_neighbouring_digits_are_an_estimate(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


# Places counted before their bodies are the bodies (RULINGS: 地区12县政协负责…的同志, 5市委), whatever body.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("12县人大负责同志参加。", []),
        ("全市3县2区政协主席出席。", []),
        ("全省21市均已完成。", ["21市"]),
    ],
)
def test_places_before_their_bodies_are_no_count(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


# A URL's percent-encoding (%E6%94%BF) holds no percentage.
def test_a_percent_encoded_url_holds_no_percentage() -> None:
    assert texts("原文链接:http://example.com/xinwen/%E6%94%BF%E5%8D%8F%E5%A7%94/35478758/") == []
    assert texts("https://example.com/3207771/%E5%85%A9%E6%9C%832026%E5%B0%8F") == []
    assert texts("办复率98%,满意率100%。") == ["98%", "100%"]
