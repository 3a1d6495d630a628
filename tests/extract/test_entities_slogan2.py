"""Issue 21, slogan2: the kinds of SLOGAN misses and false alarms that recur over the dev half.

Every sentence is written for the test (invented bodies, places and formulas), so a rule passes only as a
mechanism. Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- Quoted parallel clauses are a watchword only where the text names them one --------------------------
# (GUIDELINES v1.1: a body's standing formula, not a sentence of this report: a head such as 方针, 宗旨,
# 思路, 要求, 精神, 功能 names it; a description of a scene, a problem or a stance stays unlabelled.)


@pytest.mark.parametrize(
    "text",
    [
        "努力实现“路通、灯亮、水净、林茂”的山村新貌。",
        "果农一度困于“运不出、卖不上”,后来建起了冷链仓库。",
        "把“摸底排查、集中整改、回头复查”三个阶段的任务落到实处。",
        "站在“心系群众、心系发展”的高度,推进提案办理。",
        "继承“敢说真话、善办实事”的优良传统。",
    ],
)
def test_quoted_clauses_nothing_names_a_formula_stay_unlabelled(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


@pytest.mark.parametrize(
    ("text", "slogan"),
    [
        ("坚持“团结桑梓、服务乡亲”的宗旨。", "团结桑梓、服务乡亲"),
        ("落实“讲团结、重实干、求实效”的工作要求。", "讲团结、重实干、求实效"),
        ("发扬“爱党、爱国、爱社”的某某精神。", "爱党、爱国、爱社"),
        ("发挥“存史、育才、团结”功能。", "存史、育才、团结"),
        ("以“强产业、美城乡”为主线,推进各项工作。", "强产业、美城乡"),
        ("承担起“带头学习、带头实干”的政治责任。", "带头学习、带头实干"),
        ("建设“讲政治、懂业务、善协商”的委员队伍。", "讲政治、懂业务、善协商"),
        ("诠释“热爱宜昌、建设宜昌、奉献宜昌”的情怀。", "热爱宜昌、建设宜昌、奉献宜昌"),  # a place's watchword
        ("做到“件件有着落、事事有回音”,群众满意。", "件件有着落、事事有回音"),
    ],
)
def test_quoted_clauses_a_head_names_are_one_slogan(text: str, slogan: str) -> None:
    assert labelled(text, "SLOGAN") == [slogan]


# --- A quoted numeral and two characters, no measure word, is a numbered formula -------------------------


@pytest.mark.parametrize(
    ("text", "slogan"),
    [
        ("深化“四服务”,助力乡村发展。", "四服务"),
        ("各部门落实“两对接”,狠抓落实。", "两对接"),
        ("紧紧围绕区委“六区”建设发展目标。", "六区"),  # one level counted: the kinds of district to build
    ],
)
def test_a_quoted_numeral_and_two_characters_is_a_formula(text: str, slogan: str) -> None:
    assert labelled(text, "SLOGAN") == [slogan]


@pytest.mark.parametrize(
    "text",
    [
        "会同新区“两委办”督查处召开会议。",  # an office of two bodies
        "组织“三乡人”代表参加座谈。",  # a group of people
        "承办单位应在“三个月”内办结。",  # a count (a measure word after the numeral)
        "推行“五统一”模式,降低成本。",  # a model's name
    ],
)
def test_a_quoted_numbered_office_group_or_count_is_no_formula(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


# --- Quoted numbered names that are no formula ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "“四县一市”政协联席会议在某地召开。",  # a set of places, each a numbered level
        "镇党委、村“两委”要发挥作用。",  # a fixed set of bodies, like 一府两院
        "县委、县政府“两办”印发了通知。",
        "开展“五项活动”,走访企业。",  # an activity (GUIDELINES: names of activities are no SLOGAN)
        "要紧扣“五项活动”要求,谋划明年工作。",
        "扎实开展“三个专项行动”。",  # actions counted with 个, no programme's name (十大行动)
        "纳入“五个提升计划”中。",
        "建立“双向反馈”机制,推动落实。",  # 双向: two-way, a word of relation, no count of parts
        "社区交通“四通八达”,出行便利。",  # an idiom of the dictionary
    ],
)
def test_quoted_sets_of_places_or_bodies_activities_relations_and_idioms_are_no_slogan(text: str) -> None:
    assert labelled(text, "SLOGAN") == []


# --- A province's quoted targets, side by side after a verb of building ---------------------------------


def test_quoted_targets_side_by_side_after_a_verb_of_building_are_one_slogan_each() -> None:
    text = "为我省打造“先行区”“领跑者”“增长极”贡献力量。"
    assert labelled(text, "SLOGAN") == ["先行区", "领跑者", "增长极"]


# --- 四化 pursued by 建设 before it -----------------------------------------------------------------------


def test_modernisations_after_the_verb_that_builds_them() -> None:
    assert labelled("为建设四化、振兴某县做了大量工作。", "SLOGAN") == ["四化"]


# --- Short quotations in one repeated frame are the parts of one formula ------------------------------------


def test_short_quotations_in_one_frame_are_one_slogan_each() -> None:
    text = "推动委员在“读透”中明方向、在“悟深”中强本领、在“践行”中见成效。"
    assert labelled(text, "SLOGAN") == ["读透", "悟深", "践行"]


def test_two_quotations_in_a_frame_or_frames_that_differ_stay_unlabelled() -> None:
    assert labelled("委员在“读透”中明方向、在“悟深”中强本领。", "SLOGAN") == []
    assert labelled("开展“送医”下乡、组织“送药”上门、推动“送书”进村。", "SLOGAN") == []
    assert labelled("把好提案的“选题关”,做好提案的“修改关”,探索提案的“答复关”。", "SLOGAN") == []


# --- A quoted standing value a body pursues -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slogan"),
    [
        ("坚定践行“群众第一”的价值追求。", "群众第一"),
        ("充分彰显“服务为先”的责任担当。", "服务为先"),
    ],
)
def test_a_quoted_value_pursued_is_a_slogan(text: str, slogan: str) -> None:
    assert labelled(text, "SLOGAN") == [slogan]


# --- A quoted programme named by the scales it reaches ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slogan"), [("持续深化“千百工程”。", "千百工程"), ("实施“百千万工程”。", "百千万工程")]
)
def test_a_quoted_programme_named_by_scales_is_a_slogan(text: str, slogan: str) -> None:
    assert labelled(text, "SLOGAN") == [slogan]
