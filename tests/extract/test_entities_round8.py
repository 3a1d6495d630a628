"""Issue 21, eighth round: kinds of GPE and ORG miss on the fresh batch 210–221 and the dev half.

Every sentence is written for the test (invented people, real places from the table), so a rule passes
only as a mechanism. Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- ORG: a national body named with its country before it (RULINGS: 中国全国政协 is one ORG) ----


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("中国全国政协发言人今天宣布,会议将于明日开幕。", "中国全国政协"),
        ("中国全国人大今天举行记者会。", "中国全国人大"),
    ],
)
def test_the_country_before_a_national_body_is_part_of_its_name(text: str, body: str) -> None:
    assert labelled(text, "ORG") == [body]
    assert labelled(text, "GPE") == []


def test_the_country_before_a_national_body_after_a_verb_still_joins() -> None:
    assert "中国全国政协" in labelled("他出席了中国全国政协的会议。", "ORG")


# --- ORG: the CPPCC's full name and its place before the committee's first term -------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("中国人民政治协商会议来安县首届委员会第一次全体会议在县城举行。", "中国人民政治协商会议来安县"),
        ("中国人民政治协商会议岳阳市第五届委员会第二次会议开幕。", "中国人民政治协商会议岳阳市"),
    ],
)
def test_the_cppcc_and_its_place_before_a_term_are_one_body(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")
    assert labelled(text, "GPE") == []


# --- GPE: a county's seat by its county's name ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("会议于5月28日在来安县城举行。", "来安县城"),
        ("代表们从各乡镇赶到寿县县城。", "寿县县城"),
    ],
)
def test_a_county_name_before_cheng_names_its_seat(text: str, place: str) -> None:
    assert labelled(text, "GPE") == [place]


def test_a_bare_county_seat_is_no_place() -> None:
    assert labelled("全体会议都在县城举行。", "GPE") == []


# --- GPE: a cooperation or economic zone named with its places --------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("走进湾区,横琴粤澳深度合作区,促进经济多元化。", "横琴粤澳深度合作区"),
        ("积极参与前海深港现代服务业合作区建设。", "前海深港现代服务业合作区"),
        ("推进南沙粤港澳全面合作示范区建设。", "南沙粤港澳全面合作示范区"),
    ],
)
def test_a_zone_named_with_its_places_is_one_place(text: str, place: str) -> None:
    # 走进湾区: a bare 湾区 beside Macau's zone is the Bay Area, a place of its own (RULINGS 190–201).
    assert [p for p in labelled(text, "GPE") if p != "湾区"] == [place]


def test_a_bare_cooperation_zone_is_no_place() -> None:
    assert labelled("合作区建设取得新进展。", "GPE") == []


# --- GPE: a place's name inside an ethnic group's name -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "常委:王立新、巴特尔(蒙古族)、李明。",
        "主席团成员达理札雅蒙古族、马明(回族)。",
    ],
)
def test_a_place_name_opening_an_ethnic_group_is_no_place(text: str) -> None:
    assert labelled(text, "GPE") == []


# --- GPE: places listed before 等 and their kind; a short name listed beside places -----------------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("敌机在石口、八里、荷塘等区上空盘旋。", ["石口", "八里", "荷塘"]),
        ("工作组走访了东坑、西湾等乡。", ["东坑", "西湾"]),
    ],
)
def test_names_listed_before_etc_and_a_level_are_places(text: str, places: list[str]) -> None:
    assert labelled(text, "GPE") == places


def test_etc_and_a_level_before_its_body_lists_no_places() -> None:
    assert labelled("王立新、李明等区委领导出席。", "GPE") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("列席会议的有关人士18人(包括来安县、无为来宾)。", "无为"),
        ("市委会共有鼓楼、台江、晋安和仓山四个工委。", "鼓楼"),
    ],
)
def test_a_short_name_listed_beside_places_is_a_place(text: str, place: str) -> None:
    assert place in labelled(text, "GPE")


def test_a_word_that_is_also_a_short_name_beside_no_place_stays_a_word() -> None:
    assert labelled("坚持和平、发展、合作。", "GPE") == []


def test_a_short_name_listed_before_a_bodys_head_is_no_place() -> None:
    assert "仓山" not in labelled("市委会共有鼓楼、台江、晋安和仓山工委四个工委。", "GPE")


# --- PERSON/GPE: a list of names running on into a list of a province's themes ----------------------


def test_a_province_opening_a_four_character_item_is_no_name() -> None:
    text = "王立新、李明华、张华、赵强、刘洋五位委员围绕江苏服务、江苏制造、江苏购物、江苏文化方面的提案建言。"
    persons = labelled(text, "PERSON")
    assert not [p for p in persons if p.startswith("江苏")]
    assert labelled(text, "GPE").count("江苏") == 4


# --- GPE: one-character names counted by the places after them ----------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("组织委员参加澳闽台蒙四地文化经贸交流活动。", "澳闽台蒙"),
        ("推动川渝黔三地协同发展。", "川渝黔"),
    ],
)
def test_a_run_of_one_character_names_before_as_many_places_is_one_place(text: str, place: str) -> None:
    assert labelled(text, "GPE") == [place]


def test_a_run_whose_count_differs_is_not_joined() -> None:
    assert "新蒙" not in labelled("推动新蒙两地合作。", "GPE")


# --- ORG: the state's organs, the proposal review committee, a level's revolutionary committee -------


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("代表团审议最高人民法院、最高人民检察院工作报告。", ["最高人民法院", "最高人民检察院"]),
        ("国家发改委副主任率领八个部门的负责人出席。", ["国家发改委"]),
        ("国家民委有关负责同志到会指导。", ["国家民委"]),
    ],
)
def test_the_states_organs_are_bodies(text: str, bodies: list[str]) -> None:
    assert labelled(text, "ORG") == bodies


def test_the_proposal_review_committee_by_its_own_name() -> None:
    text = "区政协六届一次会议闭幕后,提案审查委员会根据条例开展审查。"
    assert "提案审查委员会" in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("听取了县革委会主任所作的《政府工作报告》。", "县革委会"),
        ("市革命委员会召开扩大会议。", "市革命委员会"),
        ("有1件提案由区公安分局在会议期间解决。", "区公安分局"),
    ],
)
def test_a_level_before_a_revolutionary_committee_or_a_branch_bureau_is_a_body(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


# --- ORG: short forms of the CPPCC's committees; a city's one-character name before 政协 ----------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("全县政协共收到提案66件,经提案委审查立案61件。", "提案委"),
        ("县政协召开提案委会议,研究督办工作。", "提案委"),
    ],
)
def test_the_proposal_committee_by_its_short_form(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_a_proposal_committee_member_is_no_short_form() -> None:
    assert "提案委" not in labelled("市政协提案委员李明出席。", "ORG")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("合影\n\n榕政协会议开幕 澳区委员出席\n", "榕政协"),
        ("甬政协组织委员赴澳门考察。", "甬政协"),
    ],
)
def test_a_citys_one_character_name_before_its_cppcc(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_the_short_form_in_a_list_of_parties_is_left_alone() -> None:
    text = "县政协形成了办案者扎实办理、提案者认真关注、提案委协调服务的办理模式。"
    assert "提案委" not in labelled(text, "ORG")


# --- ORG: a site's local station opening a line (its place is no GPE of its own) ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "李明当选为民盟岳阳市委副主委\n红网岳阳站\n\n05-07 11:52",
        "红网岳阳站5月7日讯(通讯员 王立新) 5月7日上午,会议召开。",
    ],
)
def test_a_sites_local_station_is_one_body(text: str) -> None:
    assert "红网岳阳站" in labelled(text, "ORG")
    assert "岳阳" not in labelled(text, "GPE")
