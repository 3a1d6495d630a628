"""MEETING, ORG and PERSON kinds found on the dates5 pages (agendas, set-up verbs, venues, offices, credits, posts)."""

from __future__ import annotations

import pytest

from pizhu.extract.entities import find_entities


def meetings(text: str) -> list[str]:
    return [s.text for s in find_entities(text) if s.label == "MEETING"]


# 区政协五届二十九次常委会议程: the session is 常委会 and 议程 (its agenda) follows; 常委会议程序 keeps 常委会议.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("审议了区政协五届二十九次常委会议程、日程(草案)", ["五届二十九次常委会"]),
        ("审议了五届二十九次全委会议程", ["五届二十九次全委会"]),
        ("按五届二十九次常委会议程序办理", ["五届二十九次常委会议"]),
        ("召开五届二十九次常委会议。", ["五届二十九次常委会议"]),
    ],
)
def test_session_before_its_agenda(text: str, expected: list[str]) -> None:
    assert meetings(text) == expected


# Verbs that set up a body (创设, 增设, 新设, 建立 …) start a clause after a body's name, as 设立 and 成立 do:
# 全国政协创设专家协商会 is ORG 全国政协, not one chain.
@pytest.mark.parametrize("verb", ["创设", "增设", "新设", "建立", "开设"])
def test_setup_verbs_end_a_body_chain(verb: str) -> None:
    orgs = [s.text for s in find_entities(f"十三届全国政协{verb}专家协商会,建立人才库。") if s.label == "ORG"]
    assert orgs and all(o == "全国政协" for o in orgs)


# 行政中心 and 市民中心 are a government's buildings, venues like 会展中心: no ORG (the address 常州市行政中心3号楼).
@pytest.mark.parametrize("text", ["会议在市行政中心3-A-6楼会议室召开", "地址:某某市行政中心3号楼", "在市民中心举行"])
def test_administrative_centre_is_a_venue(text: str) -> None:
    assert not [s.text for s in find_entities(text) if s.label == "ORG" and s.text.endswith("中心")]


# A 政协's office named by its function with 室 (人事联络室, 委员联络室, 宣传信息室) is a sub-unit like 研究室;
# a room (会议室, 委员工作室) is none.
@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("市政协人事联络室主任张三介绍", "市政协人事联络室"),
        ("县政协委员联络室主任张三", "县政协委员联络室"),
        ("区政协宣传信息室主任张三", "区政协宣传信息室"),
        ("市政协会议室召开", "市政协"),
        ("市政协委员工作室开展活动", "市政协"),
    ],
)
def test_function_office_of_a_cppcc(text: str, org: str) -> None:
    assert org in [s.text for s in find_entities(text) if s.label == "ORG"]
    assert not [s.text for s in find_entities(text) if s.label == "ORG" and s.text.endswith(("会议室", "工作室"))]


# A credit line's labels (设计, 文字, 排版, 美编, 策划, 统筹, 制作) introduce names like 审核 and 编辑 do.
@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("设计:赵庆庆\n审核:周佳佳", "赵庆庆"),
        ("排版:王晓明", "王晓明"),
        ("策划:李建国\n", "李建国"),
        ("统筹:张丽\n", "张丽"),
    ],
)
def test_credit_labels(text: str, person: str) -> None:
    assert person in [s.text for s in find_entities(text) if s.label == "PERSON"]


# A word ending in 委员 or 成员 (政协委员, 协会成员, 班子成员) is a post a name may follow, as 委员 is.
@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("雷州市政协委员陈美清捐赠口罩一万只", "陈美清"),
        ("协会成员吴劲松、李卫华等人积极响应", "吴劲松"),
        ("班子成员王建国参加活动", "王建国"),
    ],
)
def test_name_after_a_member_word(text: str, person: str) -> None:
    assert person in [s.text for s in find_entities(text) if s.label == "PERSON"]


# The Party Centre inside a conference's name (中央政协工作会议, 中央经济工作会议): ORG 中央, as 中央代表团 gives 中央
# (RULINGS: a body inside an event's name); 中共中央 keeps its own span.
@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("首次召开中央政协工作会议,", ["中央"]),
        ("中央经济工作会议召开", ["中央"]),
        ("中央统战工作会议精神", ["中央"]),
    ],
)
def test_centre_in_a_conference_name(text: str, orgs: list[str]) -> None:
    assert [s.text for s in find_entities(text) if s.label == "ORG"] == orgs


def test_centre_conference_inside_a_longer_body() -> None:
    # 中央统战部 is the body of 中央统战部工作会议: no second ORG 中央 inside it.
    assert "中央" not in [s.text for s in find_entities("召开中央统战部工作会议。") if s.label == "ORG"]
