"""Issue 21, org9: kinds of ORG miss named by the issue (army units, coordinations sharing one head,
long formal names cut by a line break, media after a place of the divisions table, a committee's
short form as the agent of its work).

Every sentence is written for the test (invented people, real places from the divisions table), so
a rule passes only as a mechanism. Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- ORG: army and armed-police units after their place -------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("出席会议的还有西宁警备区司令员张立新。", "西宁警备区"),
        ("天津警备区政委王海平讲话。", "天津警备区"),
        ("甘肃省军区副司令员刘志强出席。", "甘肃省军区"),
    ],
)
def test_a_garrison_or_military_region_after_its_place_is_one_org(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("河北陆军预备役步兵师师长钱永康出席。", "河北陆军预备役步兵师"),
        ("山西陆军预备役高射炮兵团团长孙光明出席。", "山西陆军预备役高射炮兵团"),
        ("四川预备役工兵旅旅长周国栋出席。", "四川预备役工兵旅"),
    ],
)
def test_a_reserve_division_brigade_or_regiment_after_its_place_is_one_org(text: str, body: str) -> None:
    assert labelled(text, "ORG") == [body]


def test_a_reserve_unit_needs_a_place_before_it() -> None:
    assert labelled("他曾在陆军预备役步兵师服役。", "ORG") == []


# --- ORG: a party's committees of two levels sharing one congress ----------------------------------


def test_the_party_and_the_first_place_of_a_coordination_before_a_congress_are_one_org() -> None:
    text = "会议学习贯彻中共河南省、郑州市第十次代表大会精神。"
    assert "中共河南省" in labelled(text, "ORG")
    assert "第十次代表大会" in labelled(text, "MEETING")


def test_a_coordination_of_places_without_a_congress_is_no_party_body() -> None:
    assert "中共河南省" not in labelled("中共河南省、郑州市领导出席。", "ORG")


# --- ORG: a long formal committee name cut by a line break --------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("政协成都市第十四届委员会\n常务委员会向大会报告工作。", "政协成都市第十四届委员会\n常务委员会"),
        ("受政协绵阳市第八届委员会\n常委会委托，作工作报告。", "政协绵阳市第八届委员会\n常委会"),
    ],
)
def test_a_standing_committee_on_the_next_line_joins_the_committee(text: str, body: str) -> None:
    assert labelled(text, "ORG") == [body]


def test_a_page_number_line_between_committee_and_standing_committee_is_inside_the_name() -> None:
    text = "政协成都市第十四届委员会\n- 12 -\n常务委员会向大会报告工作。"
    assert labelled(text, "ORG") == ["政协成都市第十四届委员会\n- 12 -\n常务委员会"]


def test_a_new_paragraph_about_the_standing_committee_stays_apart() -> None:
    text = "政协成都市第十四届委员会。\n常务委员会一年来做了大量工作。"
    assert "政协成都市第十四届委员会。\n常务委员会" not in labelled(text, "ORG")


# --- ORG: a place's newspaper or station, the place from the divisions table ------------------------


@pytest.mark.parametrize("body", ["酒泉日报", "酒泉晚报", "张掖电视台", "张掖广播电视台"])
def test_media_after_a_city_of_the_divisions_table_are_orgs(body: str) -> None:
    assert body in labelled(f"市政协邀请了{body}记者参加采访。", "ORG")


def test_media_after_a_function_word_still_find_their_place() -> None:
    assert "酒泉日报" in labelled("记者在酒泉日报发表文章。", "ORG")


def test_a_paper_after_no_place_is_no_body() -> None:
    assert labelled("他每天读晨间日报。", "ORG") == []


# --- ORG: the proposal committee's short form as the agent of its review ----------------------------


def test_the_proposal_committees_short_form_reviewing_proposals_is_an_org_without_a_cppcc_named() -> None:
    text = "全年共收到提案80件，经提案委审查立案75件。"
    assert labelled(text, "ORG") == ["提案委"]


# --- PERSON: a name after a military post ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("四川预备役工兵旅旅长周国栋出席。", "周国栋"),
        ("河北陆军预备役步兵师师长钱永康出席。", "钱永康"),
        ("军分区参谋长吴德胜出席。", "吴德胜"),
    ],
)
def test_a_name_after_a_military_post_is_a_person(text: str, name: str) -> None:
    assert labelled(text, "PERSON") == [name]


@pytest.mark.parametrize("body", ["酒泉日报社", "酒泉日报新闻网"])
def test_a_papers_press_house_or_site_is_one_name_with_it(body: str) -> None:
    assert body in labelled(f"本文来源：{body}。", "ORG")
