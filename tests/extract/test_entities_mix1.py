"""Issue 21, mix1: a kind of ORG the unseen pages 590–601 showed (a report mix: reviews, 常委会 and 提案
reports, a party meeting, a Hong Kong paper, a spam mirror, a PDF document page).

- a CPPCC's committee named with its place and term (政协某某县第九届委员会, 中国人民政治协商会议某某省第十三届
  委员会) keeps a special committee written right after it in its name (GUIDELINES v1.1: the whole chain, place
  prefix + body + sub-unit): …委员会提案委员会, …委员会委员工作委员会; a numbered session or a meeting word after
  the term stays the MEETING's (…委员会第二次会议), and the committee's 全体委员会议 is no sub-unit.

Every sentence is written for the test (invented places and bodies), so a rule passes only as a mechanism.
Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "中国人民政治协商会议江安省第十三届委员会提案委员会关于提案审查情况的报告",
            "中国人民政治协商会议江安省第十三届委员会提案委员会",
        ),
        ("我受政协临平县第九届委员会委员工作委员会的委托,向常委会报告工作。", "政协临平县第九届委员会委员工作委员会"),
        ("政协青石县第十届委员会提案审查委员会主任某某作说明。", "政协青石县第十届委员会提案审查委员会"),
        ("政协江安省第八届委员会文史和学习委员会编印了资料。", "政协江安省第八届委员会文史和学习委员会"),
    ],
)
def test_a_termed_cppcc_committee_keeps_its_special_committee(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("政协青石县第十届委员会常务委员会向大会报告工作。", "政协青石县第十届委员会常务委员会"),
        ("政协青石县第十届委员会全体委员会议在县城召开。", None),
        ("政协江安省第十三届委员会委员出席会议。", "政协江安省第十三届委员会"),
    ],
)
def test_a_termed_cppcc_committee_takes_no_meeting_or_member(text: str, body: str | None) -> None:
    orgs = labelled(text, "ORG")
    if body is not None:
        assert body in orgs
    assert not any(o.endswith(("全体委员会", "委员会委员")) for o in orgs)


def test_a_session_after_the_term_stays_the_meeting() -> None:
    text = "政协江安省第十三届委员会第二次会议期间,委员们积极建言。"
    assert "第十三届委员会第二次会议" in labelled(text, "MEETING")


# --- ORG: a Hong Kong or Macau bureau that joins two portfolios with 及 --------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("特区政府由民政及青年事务局每季度举行一次交流会。", "民政及青年事务局"),
        ("会上,香港运输及物流局副局长介绍了情况。", "香港运输及物流局"),
        ("委员们与文化体育及旅游局座谈。", "文化体育及旅游局"),
    ],
)
def test_a_bureau_joining_two_portfolios_with_ji_is_one_body(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


@pytest.mark.parametrize(
    "text",
    [
        "委员们走访了有关部门及各区分局。",
        "加强与社区及街道的联系,推动局面好转。",
        "审议工作报告及其他事关全局的重要事项。",
        "围绕产业发展及服务大局建言。",
    ],
)
def test_a_list_joined_by_ji_is_no_bureau(text: str) -> None:
    assert not any("及" in o for o in labelled(text, "ORG"))


# --- GPE: a province's quarter by its one-character abbreviation and a direction ---------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("为实现聊城在鲁西大地率先崛起作出贡献。", "鲁西"),
        ("委员们赴桂北、粤西等地调研。", "粤西"),
        ("在苏北地区加快发展。", "苏北地区"),
    ],
)
def test_a_province_quarter_is_a_place(text: str, place: str) -> None:
    assert place in labelled(text, "GPE")


@pytest.mark.parametrize(
    "text",
    [
        "香港中联办负责人出席。",
        "他是新西兰华人。",
        "加强川西藏区生态保护。",
        "鲁西南片区的委员参加。",
    ],
)
def test_a_direction_inside_another_word_is_no_quarter(text: str) -> None:
    places = labelled(text, "GPE")
    assert not any(p in ("港中", "新西", "川西", "鲁西") for p in places)
