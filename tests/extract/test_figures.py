"""FIGURE finder: spans, attributes, and what must not be a figure."""

from __future__ import annotations

import pytest

from pizhu.extract.figures import find_figures


def texts(text: str) -> list[str]:
    return [s.text for s in find_figures(text)]


def only(text: str) -> dict:
    spans = find_figures(text)
    assert len(spans) == 1, [s.text for s in spans]
    span = spans[0]
    assert text[span.start : span.end] == span.text
    return {"text": span.text, **{k: span.attrs[k] for k in ("value", "unit", "approx")}}


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "approx"),
    [
        ("全年征集社情民意49条,", "49条", 49, "条", "exact"),
        ("捐款捐物累计93.35万元帮助灾区", "93.35万元", 933500, "元", "exact"),
        ("计划投资3.2亿元。", "3.2亿元", 320000000, "元", "exact"),
        ("线上交流发言320人(次),", "320人(次)", 320, "人次", "exact"),
        ("共89批（次）来调研", "89批（次）", 89, "批次", "exact"),
        ("累计捐款捐物84万余元,", "84万余元", 840000, "元", "over"),
        ("收获点赞量5万多条,", "5万多条", 50000, "条", "over"),
        ("筹集170余万元资助", "170余万元", 1700000, "元", "over"),
        ("开展活动10余次,", "10余次", 10, "次", "over"),
        ("近30条建议被吸纳", "近30条", 30, "条", "under"),
        ("满意率98%以上。", "98%以上", 98, "%", "over"),
        ("A类提案达到58.7%,", "58.7%", 58.7, "%", "exact"),
        ("参会约200人左右", "约200人左右", 200, "人", "about"),
        ("覆盖超过1,200户。", "超过1,200户", 1200, "户", "exact" if False else "over"),
        ("惠及逾5000人。", "逾5000人", 5000, "人", "over"),
        ("不到20%的村", "不到20%", 20, "%", "under"),
        ("全面梳理大洼政协30多年的发展历程", "30多年", 30, "年", "over"),
        ("七十五载春秋", "七十五载", 75, "载", "exact"),
        ("已连续23年获评", "23年", 23, "年", "exact"),
        ("连续三年获评先进单位", "三年", 3, "年", "exact"),
        ("《早闻政协》两次刊发区政协履职动态", "两次", 2, "次", "exact"),
        ("捐建价值的委员爱民亭两座。", "两座", 2, "座", "exact"),
        ("《委员履职考核评价办法》等四项履职管理制度", "四项", 4, "项", "exact"),
        ("举办读书会三场,", "三场", 3, "场", "exact"),
        ("走访企业二十三家。", "二十三家", 23, "家", "exact"),
        ("覆盖一百零五户。", "一百零五户", 105, "户", "exact"),
        ("提高2.5个百分点", "2.5个百分点", 2.5, "个百分点", "exact"),
        ("122项(条)履职成果转化", "122项(条)", 122, "项", "exact"),
        ("用时3个月,", "3个月", 3, "个月", "exact"),
        ("惠及群众百余人。", "百余人", 100, "人", "over"),
        ("走访企业千余家,", "千余家", 1000, "家", "over"),
        ("满意率达百分之九十五点五,", "百分之九十五点五", 95.5, "%", "exact"),
        ("提案二十余件,", "二十余件", 20, "件", "over"),
    ],
)
def test_figure_attributes(text: str, span: str, value: float, unit: str, approx: str) -> None:
    assert only(text) == {"text": span, "value": value, "unit": unit, "approx": approx}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("来灵考察15批152人次,", ["15批", "152人次"]),
        ("收录稿件44篇19万字,", ["44篇", "19万字"]),
        ("开展联系活动8期190余人次,", ["8期", "190余人次"]),
        ("活动52场次240人次。", ["52场次", "240人次"]),
        ("近两年的615件提案全部办结", ["615件"]),
        # A clause that counts: sessions and terms are counts there, not designations.
        ("至2006年1月,共召开7届26次全体会议。", ["7届", "26次"]),
        # A space after a point is a list's, not OCR inside a decimal.
        ("3. 50名委员参加", ["50名"]),
    ],
)
def test_glued_and_relative(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "编纂完成第38辑《城中文史资料》",
        "编纂了第37期政协文史资料",
        "灵武市政协十三届三次常委(扩大)会议召开",
        "四届一次会议以来",
        "人民政协成立75周年",
        "民建成立80周年",
        "两年多来共开展",
        "近两年的工作",
        "30年来的变化",
        "严格执行中央八项规定精神",
        "围绕一府两院工作报告",
        "全面振兴新突破三年行动首战告捷",
        "河西五市政协",
        "省市县三级联动",
        "紧扣团结民主两大主题",
        "形成三位一体办理模式",
        "深刻领会“两个确立”的决定性意义,增强“四个意识”",
        "做到两个维护",
        "开展“十个一”委员履职活动",
        "“五个一”活动",
        "千站千室万名委员",
        "政协“两支队伍”建设",
        "组织一批委员深入一线",
        "一年来,多次赴基层",
        "深入开展第二批主题教育",
        "当前版:03版",
        "“1+7”系列方案",
        "陇南“1234”工作法",
        "2023年,全区",
        "坚持每周一集中学习",
        "党的二十大二十届二中全会",
        "牢牢把握“加强党的领导”三个重点",
        "上半年全市经济",
        "全市首批“四优”模范机关",
        "走进千家万户",
        "走访百家企业",
    ],
)
def test_not_figures(text: str) -> None:
    assert texts(text) == []


def test_offsets_and_rules() -> None:
    text = "提出建议24条,组织委员两次。"
    spans = find_figures(text)
    assert [(s.start, s.end) for s in spans] == [(4, 7), (12, 14)]
    arabic, chinese = spans
    assert arabic.rule == "figure.arabic_unit"
    assert chinese.rule == "figure.cn_numeral"
    # Chinese numerals are riskier, so the review queue should see them first.
    assert chinese.confidence < arabic.confidence


def test_metric_from_clause() -> None:
    assert find_figures("全年征集社情民意49条,")[0].metric == "社情民意"
    assert find_figures("新成立委员工作室3个,")[0].metric == "委员工作室"
    assert find_figures("将93名党员委员编入")[0].metric == "党员委员"
    spans = find_figures("开展专题调研15次、协商活动31次,")
    assert [s.metric for s in spans] == ["专题调研", "协商活动"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # A four-character numeral before 年 that is no year (issue 22: a 统计公报 import stopped here).
        ("平均受教育年限达到14.2年,", "14.2年", 14.2),
        ("人均预期寿命达到78.5年。", "78.5年", 78.5),
        ("累计服务1,200年", "1,200年", 1200),
    ],
)
def test_four_character_numerals_before_nian_are_durations(text: str, span: str, value: float) -> None:
    spans = find_figures(text)
    assert [(s.text, s.value, s.unit) for s in spans] == [(span, value, "年")]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "approx"),
    [
        # 万字: a scale before the unit, after Arabic or Chinese numerals, with 余/多 between.
        ("全书约30万字,", "约30万字", 300000, "字", "about"),
        ("编印文史资料三十余万字。", "三十余万字", 300000, "字", "over"),
        ("汇编成册,共二十万字。", "二十万字", 200000, "字", "exact"),
        # Places counted without a classifier.
        ("来自全国12省市的代表", "12省市", 12, "省市", "exact"),
        ("覆盖31省区市", "31省区市", 31, "省区市", "exact"),
        ("辐射周边5县", "5县", 5, "县", "exact"),
        # Chinese numerals with 〇/○/零 inside, and with measure words from the table.
        ("收到提案一千〇二十件,", "一千〇二十件", 1020, "件", "exact"),
        ("收到提案一千○二十件,", "一千○二十件", 1020, "件", "exact"),
        ("立案一百零五件,", "一百零五件", 105, "件", "exact"),
        ("举办两期培训班", "两期", 2, "期", "exact"),
        ("共举办三届文化节", "三届", 3, "届", "exact"),
        ("全年编辑出版两本,", "两本", 2, "本", "exact"),
        ("先后三趟赴基层", "三趟", 3, "趟", "exact"),
        ("到会委员廿五人,", "廿五人", 25, "人", "exact"),
        # 一 with a qualifier is a count, not the article.
        ("会面历时约一小时。", "约一小时", 1, "小时", "about"),
        # A term's length after 每届: a duration, not an ordinal.
        ("前四届每届3年,", "3年", 3, "年", "exact"),
        # Measures and compound units from the table.
        ("新建道路12.5公里,", "12.5公里", 12.5, "公里", "exact"),
        ("接待来访群众300余人天,", "300余人天", 300, "人天", "over"),
        ("发放救助金5万港元,", "5万港元", 50000, "港元", "exact"),
        # Fractions, tenths, per mille, ages; OCR's space before a decimal point.
        ("其中四分之一涉及两岸关系", "四分之一", 0.25, "", "exact"),
        ("占比达到三分之二以上", "三分之二以上", 0.6667, "", "over"),
        ("新人比例超过七成。", "超过七成", 7, "成", "over"),
        ("不良率千分之五,", "千分之五", 5, "‰", "exact"),
        ("这头两岁的小象", "两岁", 2, "岁", "exact"),
        ("政法方面点6 .4%;", "6 .4%", 6.4, "%", "exact"),
        # A spoken length; OCR's l for a leading 1.
        ("如今已有一米四五高。", "一米四五", 1.45, "米", "exact"),
        ("身高1米8,", "1米8", 1.8, "米", "exact"),
        ("非中共委员l56名,占", "l56名", 156, "名", "exact"),
        # A 、-list before a Chinese numeral: the number counts the list.
        ("设经济、科教文史、三胞联谊四个专门委员会", "四个", 4, "个", "exact"),
    ],
)
def test_measure_words_and_numerals(text: str, span: str, value: float, unit: str, approx: str) -> None:
    assert only(text) == {"text": span, "value": value, "unit": unit, "approx": approx}


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        # A PDF line ended right after the number: one FIGURE across the break.
        ("一年来，县政协各参加单位和委员全年共收到委员提交的提案386\n件,立案352件。", "386\n件", 386, "件"),
        ("围绕中心工作深入调查研究，征集社情民意信息一百二十\n条,编报", "一百二十\n条", 120, "条"),
    ],
)
def test_a_unit_split_from_its_number_by_a_line_break(text: str, span: str, value: int, unit: str) -> None:
    first = find_figures(text)[0]
    assert (first.text, first.value, first.unit) == (span, value, unit)
    assert text[first.start : first.end] == first.text


@pytest.mark.parametrize(
    "text",
    [
        "过去五年的工作",  # relative spans (GUIDELINES: 近两年)
        "正式展开未来5年的政协工作",
        "今后三年要做好",
        "三番五次上门",  # a numeral inside an idiom counts nothing
        "一年到头忙碌",
        "千方百计解决",
        "第一段。\n386\n件提案",  # a line of its own: a list number, not a broken line
        "界别名单：政协委员 3\n人大代表 5",  # a short line ending in a number: a table cell
        "两支队伍建设",  # 支 with a Chinese numeral names a set
        "提、督、办三方",
        "下午3点召开",  # clock time
        "河西5市委",
        "13届全国人大",
        "十二届省政协的五年,是发展进步的五年",  # a period named by what precedes 的
        "5成员单位",
        "适逢五年一次的换届",  # a frequency
        "每5年一次",
        "中共某市委12届3次全会",  # 中共 is the party, not 共 counting
        "坚持八字方针",  # 字 with a Chinese numeral counts words only in thousands (三十万字)
        "提出了十六字方针",
    ],
)
def test_not_figures_relative_idioms_sets(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "approx"),
    [
        # A PDF line break anywhere inside a quantity: between the digits, before the scale,
        # inside a unit, after a qualifier. The span holds the break; the value reads across it.
        ("本届以来，全县政协委员共提交大会提案二百四十\n五件，立案率很高。", "二百四十\n五件", 245, "件", "exact"),
        ("动员全县各界爱心企业和个人捐资捐物合计93.35\n万元，用于救灾。", "93.35\n万元", 933500, "元", "exact"),
        ("动员全县各界爱心企业和个人捐资捐物合计93.35万\n元，用于救灾。", "93.35万\n元", 933500, "元", "exact"),
        ("县政协全年共组织委员开展各类视察调研活动近\n200次，形成报告。", "近\n200次", 200, "次", "under"),
        ("举办各类培训班，全年参训的政协委员七百二十\n余人次，效果良好。", "七百二十\n余人次", 720, "人次", "over"),
        ("全县民主党派成员比上年增长了3.5个百分\n点，发展势头良好。", "3.5个百分\n点", 3.5, "个百分点", "exact"),
        ("全年共接待来信来访的群众和企业代表1\n286人次，办结率高。", "1\n286人次", 1286, "人次", "exact"),
    ],
)
def test_a_line_break_inside_a_quantity(text: str, span: str, value: float, unit: str, approx: str) -> None:
    assert only(text) == {"text": span, "value": value, "unit": unit, "approx": approx}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After a verb that counts, N次 + a meeting word is a count of meetings, not a session.
        ("全年召开了4次常委会学习讲座。", ["4次"]),
        ("一年来共召开3次常委会议、8次主席会议。", ["3次", "8次"]),
        ("主持召开五次常委会议", ["五次"]),
        # 百分之百 is 100%; 数十 a bare scale like 数百.
        ("提案办复率达到百分之百。", ["百分之百"]),
        ("委员们提交了数十件提案。", ["数十件"]),
        # Places counted without a classifier.
        ("活动辐射周边3省13市。", ["3省", "13市"]),
        # 连任 counts terms, whatever office follows.
        ("他已连任三届政协委员。", ["三届"]),
        ("县政协成立以来已历经三届。", ["三届"]),
    ],
)
def test_counts_near_meeting_words_and_sets(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "政协十三届三次会议",  # a session designation stays out
        "在三届一次会议上",
        "担任十三届政协委员",  # which term, not how many
        "召开十九届二次全会",
        "第三期培训班",
        "召开了二次全会",  # no count verb right before: a designation
        "全县政协委员名单如下\n3\n人大代表",  # a number on a line of its own
    ],
)
def test_not_counts(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A Chinese numeral above ten before a measure word counts: sets are numbered one to ten.
        ("除了首阶段的七百五十九个单位，其余申请者进入下一阶段", ["七百五十九个"]),
        ("会上，二十三位委员作了发言", ["二十三位"]),
        # 余/多 makes a count even of a measure word that otherwise names a set.
        ("联欢晚宴筵开五十余席", ["五十余席"]),
        ("组建了十余支志愿服务队", ["十余支"]),
        # A span of time after 一连/为期/历时 is a length.
        ("前往福州参与一连五天在福州召开的会议", ["五天"]),
    ],
)
def test_chinese_numerals_that_count(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize("text", ["建设两支队伍", "十个一工程", "开展三个方面的工作", "坚持四个自信"])
def test_chinese_numerals_that_name_sets(text: str) -> None:
    assert texts(text) == []


def test_a_year_before_a_time_word_is_no_amount() -> None:
    assert texts("2024元宵节将至") == []
    assert texts("奖励1000元。") == ["1000元"]


def test_a_written_percentage_keeps_its_qualifier() -> None:
    assert only("满意率达百分之九十五以上") == {"text": "百分之九十五以上", "value": 95, "unit": "%", "approx": "over"}


@pytest.mark.parametrize(
    "text",
    [
        "实施“两个一百年”奋斗目标",  # the second numeral of a numbered formula
        "全体会议每年两次",  # a frequency
        "二十四节气",  # the measure word begins a word
        "领导班子职数1正4副",  # posts: one head, four deputies
    ],
)
def test_not_figures_formulas_frequencies(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [("历时1个多月的调研", "1个多月", 1, "个月"), ("会议持续了两个多小时。", "两个多小时", 2, "个小时")],
)
def test_over_inside_a_span_of_time(text: str, span: str, value: int, unit: str) -> None:
    assert only(text) == {"text": span, "value": value, "unit": unit, "approx": "over"}


@pytest.mark.parametrize("text", ["每组5～8人", "每组3至5人", "邀请三五个委员", "开展七八次调研"])
def test_ranges_and_estimates_are_no_single_count(text: str) -> None:
    assert texts(text) == []


def test_a_count_reached_is_a_count() -> None:
    assert texts("委员人数增长至500人") == ["500人"]


def test_a_leading_zero_is_no_count() -> None:
    assert texts("信息05条") == []


def test_a_number_broken_in_a_narrow_column() -> None:
    text = "委员们积极反映社情民\n意，共报送信息1,2\n05条，被采用3条"
    assert [(s.text, s.value) for s in find_figures(text)] == [("1,2\n05条", 1205), ("3条", 3)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("会期两天半。", "两天半", 2.5),
        ("前后用了一年半时间", "一年半", 1.5),
        ("调研历时3年半。", "3年半", 3.5),
        ("调研历时两个半月。", "两个半月", 2.5),
    ],
)
def test_a_half_after_a_span_of_time(text: str, span: str, value: float) -> None:
    assert [(s.text, s.value) for s in find_figures(text)] == [(span, value)]


@pytest.mark.parametrize("text", ["一年半载", "两年半来"])
def test_a_half_in_an_idiom_or_a_relative_span(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "approx"),
    [
        ("服务群众超万人次。", "超万人次", 10000, "人次", "over"),
        ("约千人参加。", "约千人", 1000, "人", "about"),
        ("开展活动150场(次)。", "150场(次)", 150, "场次", "exact"),
    ],
)
def test_bare_scales_and_bracketed_units(text: str, span: str, value: int, unit: str, approx: str) -> None:
    assert only(text) == {"text": span, "value": value, "unit": unit, "approx": approx}


@pytest.mark.parametrize(
    ("text", "span", "unit"), [("调研历时半年，形成报告。", "半年", "年"), ("为期半个月的视察", "半个月", "个月")]
)
def test_half_a_span_of_time(text: str, span: str, unit: str) -> None:
    assert only(text) == {"text": span, "value": 0.5, "unit": unit, "approx": "exact"}


@pytest.mark.parametrize("text", ["上半年", "近半年来", "半数以上"])
def test_no_half_span_without_a_length_word(text: str) -> None:
    assert texts(text) == []


# Issue 21, annals and PDF-layout round (corpus 083–097, tests/data/corpus/RULINGS.md).
@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "approx"),
    [
        ("从1983年开始编辑出版到现在,已27个年头了,", "27个年头", 27, "个年头", "exact"),
        ("已出版《张家口文史资料》35辑,", "35辑", 35, "辑", "exact"),
        ("在35辑史料中,绝大多数", "35辑", 35, "辑", "exact"),
        ("已刊出珍贵的历史照片、图表650余帧及题词", "650余帧", 650, "帧", "over"),
    ],
)
def test_years_volumes_and_pictures_counted(text: str, span: str, value: float, unit: str, approx: str) -> None:
    assert only(text) == {"text": span, "value": value, "unit": unit, "approx": approx}


@pytest.mark.parametrize(
    "text",
    [
        "这已经是第十一个年头。",  # which year: an ordinal
        "已经步入了第二十个年头。",
        "《张家口文史资料》第6辑出版。",  # which volume
        "为出版《文史》第十辑奠定了基础。",
        "五年中,市政协一直注重征编文史资料,",  # a look back, like 五年来
        "五年间，市政协先后开展调研",
        "进入21世纪，",  # a century alone is nothing
        "近半个世纪以来",  # relative
        "走过了半个世纪的不平凡历程。",  # 半 counts only after a length word; 世纪 is no unit
    ],
)
def test_ordinal_volumes_and_looks_back_are_no_figure(text: str) -> None:
    assert texts(text) == []


def test_a_count_continues_a_list_of_counts() -> None:
    # 举办了 governs both items: the second 两期 is counted like the first 四期.
    text = "学习委先后举办了四期市县(区)政协主席培训班,两期市县(区)政协学习干部培训班,共有262人参加学习。"
    assert [(s.text, s.value, s.unit) for s in find_figures(text)] == [
        ("四期", 4, "期"),
        ("两期", 2, "期"),
        ("262人", 262, "人"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "增强“四个意识”、坚定“四个自信”,两个维护要做到",  # formulas, not a list of counts
        "举办了四期培训班,两支队伍得到锻炼",  # another measure word: a set
    ],
)
def test_no_list_of_counts_without_the_same_counted_unit(text: str) -> None:
    assert [s.text for s in find_figures(text) if s.text.startswith("两")] == []


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("委员们分三批赴江苏、浙江学习考察。", "三批", 3, "批"),
        ("县政协分两个小组开展调研", "两个", 2, "个"),
        ("调研组分成四个小组,", "四个", 4, "个"),
    ],
)
def test_a_group_divided_into_counted_parts(text: str, span: str, value: int, unit: str) -> None:
    assert [(s.text, s.value, s.unit) for s in find_figures(text)] == [(span, value, unit)]


@pytest.mark.parametrize("text", ["报告分为三个部分:", "这部分三个委员", "充分两个维护"])
def test_no_count_after_a_word_ending_in_fen(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("培训委员1 320人次。", "1 320人次", 1320),  # digits grouped by a space, as typeset yearbooks do
        ("收到捐款12 500 000元", "12 500 000元", 12500000),
        ("参加人数达2\u2009150人", "2\u2009150人", 2150),  # a thin space
    ],
)
def test_digits_grouped_by_a_space(text: str, span: str, value: int) -> None:
    assert [(s.text, s.value) for s in find_figures(text)] == [(span, value)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019 320件", ["320件"]),  # a year's four digits are no group of three's head
        ("编号12 34件", ["34件"]),  # a group of two is no thousands group
    ],
)
def test_no_grouping_without_groups_of_three(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("来自16省(区、市)政协的委员参加。", "16省(区、市)", 16, "省区市"),  # like 320人(次): the bracket is the unit's
        ("覆盖12省（区、市）。", "12省（区、市）", 12, "省区市"),
        ("遍及全国31个省(区、市)", "31个", 31, "个"),  # counted with 个: the classifier is the unit
    ],
)
def test_provinces_with_their_bracketed_regions(text: str, span: str, value: int, unit: str) -> None:
    assert [(s.text, s.value, s.unit) for s in find_figures(text)] == [(span, value, unit)]


@pytest.mark.parametrize(
    "text", ["1675年(清康熙14年)清政府派兵驻牧", "民国38年,县政府迁往", "明洪武二年(1369年)", "光绪三十年,设学堂"]
)
def test_a_year_of_a_reign_or_the_republic_is_no_duration(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "approx"),
    [
        ("该会筹得善款逾百万港元,", "逾百万港元", 1000000, "港元", "over"),
        ("项目投资近千万元。", "近千万元", 10000000, "元", "under"),
        ("会上,五位委员先后发言。", "五位", 5, "位", "exact"),  # 位 counts people wherever it stands
    ],
)
def test_bare_compound_scales_and_people_counted_with_wei(
    text: str, span: str, value: int, unit: str, approx: str
) -> None:
    assert only(text) == {"text": span, "value": value, "unit": unit, "approx": approx}


@pytest.mark.parametrize(
    "text", ["统筹推进“五位一体”总体布局", "坚持三位一体", "第三位发言的委员", "一位委员说", "保持两位数增长"]
)
def test_wei_in_a_formula_an_ordinal_or_the_article(text: str) -> None:
    assert texts(text) == []


# Issue 21, annals and papers (tests/data/corpus 101, 102, 110): terms counted after 召开 and 有,
# a length in 星期.
@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "approx"),
    [
        ("委员会成立以后至1985年,共召开六届委员会议。", "六届", 6, "届", "exact"),
        ("自1960年成立,历时21年", "21年", 21, "年", "exact"),
        ("至1985年,并有五届委员会,", "五届", 5, "届", "exact"),
        ("两会会期压缩,由以往约两星期大减一半", "约两星期", 2, "星期", "about"),
    ],
)
def test_terms_held_and_weeks(text: str, span: str, value: int, unit: str, approx: str) -> None:
    assert only(text) == {"text": span, "value": value, "unit": unit, "approx": approx}


@pytest.mark.parametrize(
    "text", ["担任三届政协委员会主席", "四届区政协", "召开十九届二次全会", "每星期一集中学习", "星期三上午"]
)
def test_a_term_named_and_weekdays_are_no_figure(text: str) -> None:
    assert [t for t in texts(text) if "届" in t or "星期" in t] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count in a list the clause's verb governs, though a meeting word modifies its noun.
        ("举办4次党组理论学习中心组集体学习、4次主席会议集体学习、4次常委会学习讲座。", ["4次", "4次", "4次"]),
        ("限200字节", ["200字节"]),
    ],
)
def test_listed_counts_and_bytes(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "• 0回复\n",  # 回 begins the word 回复: a forum counter, no measure
        "十三届3次常委会开幕",  # a session designation
    ],
)
def test_reply_counters_and_sessions_stay_no_figures(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("2024-05-11\n999+\n32.44KB\n41页", "32.44KB", 32.44, "KB"),
        ("附件大小:1.5MB", "1.5MB", 1.5, "MB"),
    ],
)
def test_file_sizes(text: str, span: str, value: float, unit: str) -> None:
    spans = [s for s in find_figures(text) if s.text == span]
    assert len(spans) == 1
    assert (spans[0].attrs["value"], spans[0].attrs["unit"]) == (value, unit)


# Issue 21, the fresh date batch (tests/data/corpus 214, 218, 221).
@pytest.mark.parametrize(
    "text",
    ["并同时召开五届全国政协会议的建议", "召开第五届全国人大会议并同时召开五届全国人大会议", "召开十届市政协常委会议"],
)
def test_a_term_before_its_body_is_no_count_of_terms(text: str) -> None:
    """N届 right before a body (全国政协, 市政协, 全国人大) names which term, an ordinal like 四届区政协,
    also after 召开."""
    assert [t for t in texts(text) if "届" in t] == []


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("将举行开幕会、闭幕会及2次大会发言", "2次", 2, "次"),
        ("安排三次大会发言", "三次", 3, "次"),
        ("国家发改委副主任率领八个部门的负责人", "八个", 8, "个"),
        ("市长带领五个部门负责同志", "五个", 5, "个"),
    ],
)
def test_plenary_speeches_and_departments_led_are_counted(text: str, span: str, value: int, unit: str) -> None:
    """大会发言 (speeches at a plenary) is what N次 counts, not a session; a leader who 率领/带领 N个 bodies
    brings that many."""
    assert only(text) == {"text": span, "value": value, "unit": unit, "approx": "exact"}


@pytest.mark.parametrize("text", ["全国政协十三届二次大会发言", "九届三次会议发言", "他率领第八个代表团"])
def test_a_session_before_its_speeches_stays_a_session(text: str) -> None:
    assert texts(text) == []


def test_macau_visitor_arrivals_are_one_compound_unit() -> None:
    """Macau counts 旅客人次 (visitor arrivals): the travellers stand before 人次 (corpus 210)."""
    assert only("大除夕(2021年12月31日)录得42,341旅客人次访澳") == {
        "text": "42,341旅客人次",
        "value": 42341,
        "unit": "旅客人次",
        "approx": "exact",
    }


@pytest.mark.parametrize(
    ("text", "span", "value", "approx"),
    [
        ("工联托所抽签近千四人报名", "近千四人", 1400, "under"),
        ("逾万五人参与", "逾万五人", 15000, "over"),
        ("当日有千二人出席", "千二人", 1200, "exact"),
    ],
)
def test_cantonese_shortened_numerals(text: str, span: str, value: int, approx: str) -> None:
    """千四 is 1400 and 万五 15000 in Cantonese (corpus 136, RULINGS.md): with a measure word a FIGURE."""
    assert only(text) == {"text": span, "value": value, "unit": "人", "approx": approx}


@pytest.mark.parametrize("text", ["善明托所抽签收百二幼儿", "千万不要", "三千四人"])
def test_shortened_numerals_need_their_measure_word(text: str) -> None:
    assert [t for t in texts(text) if t.startswith(("百", "千", "万"))] == []


@pytest.mark.parametrize(
    ("text", "span", "approx"), [("占两成多", "两成多", "over"), ("超两成多的委员", "超两成多", "over")]
)
def test_more_than_tenths(text: str, span: str, approx: str) -> None:
    """成 (tenths) takes 多 after it as 以上 is taken: 两成多 is over two tenths."""
    assert only(text) == {"text": span, "value": 2, "unit": "成", "approx": approx}


# Issue 21, the former held-out batch's misses (corpus 230–261) read as kinds.
@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("来自致公党地方组织的六十名代表出席今天的会议。", "六十名"),
        ("有二十位代表列席会议", "二十位"),
        ("共有三十名代表参加", "三十名"),
    ],
)
def test_people_counted_before_daibiao(text: str, span: str) -> None:
    """代表 after a measure word of people (名, 位) is the people counted, not the formula 三个代表."""
    assert texts(text) == [span]


def test_the_formula_sange_daibiao_stays_no_count() -> None:
    assert texts("践行“三个代表”重要思想") == []


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [("附件.png (1.07 MB, 下载次数: 1)", "1.07 MB", 1.07, "MB"), ("大小 320 KB", "320 KB", 320, "KB")],
)
def test_a_file_size_with_a_space_before_its_unit(text: str, span: str, value: float, unit: str) -> None:
    """A forum's attachment line puts a space between the size and its Latin unit (1.07 MB)."""
    spans = [s for s in find_figures(text) if s.text == span]
    assert len(spans) == 1
    assert (spans[0].attrs["value"], spans[0].attrs["unit"]) == (value, unit)


@pytest.mark.parametrize("text", ["首页 > 2023通州两会专题报道", "2024台州两会", "2023株洲两会专题", "2023张家口两会"])
def test_a_year_before_a_place_whose_name_opens_with_a_measure_word(text: str) -> None:
    """2023通州两会: 通, 台, 株, 张 begin a place's name of the divisions table there, no measure word."""
    assert texts(text) == []


def test_a_count_before_a_measure_word_that_opens_a_place_stays_where_no_year() -> None:
    assert texts("共收到来信300通") == ["300通"]


@pytest.mark.parametrize(
    ("text", "span"),
    [("每个委员会设有主任一名和副主任若干名。", "一名"), ("设主席一名、副主席三名", "一名")],
)
def test_the_holders_of_a_post_counted_before_a_conjunction(text: str, span: str) -> None:
    """主任一名和副主任若干名: the number of a post's holders is a count (RULINGS: 主席(兼职)一名) also where
    a conjunction or a list mark follows it."""
    assert span in texts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("来自河源市5县1区的100名贫困学生", ["5县", "1区", "100名"]),
        ("辖3县2区", ["3县", "2区"]),
        ("全县12乡3镇", ["12乡", "3镇"]),
        ("覆盖6个街道、3街道", ["6个", "3街道"]),
    ],
)
def test_districts_and_townships_counted_like_counties(text: str, expected: list[str]) -> None:
    """区, 乡 and 街道 are counted without a classifier like 县 and 镇 (5县1区, 12乡3镇)."""
    assert texts(text) == expected


@pytest.mark.parametrize("text", ["一区二区三区", "A2区", "第3区", "3区政协", "2区委", "5区人大"])
def test_a_district_named_or_its_body_is_no_count(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize("text", ["围绕中心, 1服务大局", "坚持2服务于民", "文史工作要为两个文明建设服务"])
def test_a_measure_word_opening_a_word_or_a_formula_head_is_no_count(text: str) -> None:
    """服 opens 服务 (a stray page number before it counts no doses); 两个文明 is a formula's head, as 四个意识 is."""
    assert texts(text) == []


def test_doses_still_count() -> None:
    assert texts("每日3服,共服药5服。") == ["3服", "5服"]
