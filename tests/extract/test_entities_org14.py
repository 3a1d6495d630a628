"""Issue 21, org14: kinds of ORG (and a place chain) the unseen pages 562–573 showed (district CPPCCs of the
municipalities and provincial CPPCCs with the government departments they work with).

- a place chain jieba reads as one word (a municipality and its district: the whole chain one token) still gives
  both places, so the district's CPPCC after it is one ORG with the chain;
- a list of departments that a kind word closes may count them first (…、金融办等14个部门) and may give one item's
  other name in brackets (外办(港澳办)); two-character short names (外办, 侨办) are items like the rest;
- a department written bare after the text gave it with its level (区房管局 … 找房管局) is the same body;
- a level's office or bureau whose short name is a verb (治水办, 招商局) is still a body.

Every sentence is written for the test (invented bodies and people), so a rule passes only as a mechanism.
Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- GPE/ORG: a municipality's district chain read as one word ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("上海市浦东新区政协主席某某出席。", "上海市浦东新区政协"),
        ("在天津市滨海新区政协召开座谈会。", "天津市滨海新区政协"),
    ],
)
def test_a_district_chain_in_one_token_opens_its_cppcc(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_a_district_chain_in_one_token_is_one_place() -> None:
    assert "上海市浦东新区" in labelled("委员们在上海市浦东新区开展调研。", "GPE")


# --- ORG: departments listed before a kind word, counted or with a bracketed name --------------------------


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        (
            "委员们与区建委、市容和园林委、文化局、商贸旅游局、金融办等14个部门负责人交流。",
            ["区建委", "市容和园林委", "文化局", "商贸旅游局", "金融办"],
        ),
        ("调研组先后走访农业局、水务局、林业局等五个部门。", ["农业局", "水务局", "林业局"]),
        (
            "专委会先后与市教委、科技局、商务局、外办(港澳办)、文旅局等部门对接。",
            ["市教委", "科技局", "商务局", "外办", "港澳办", "文旅局"],
        ),
        ("联合县侨办、外办、台办等单位开展调研。", ["县侨办", "外办", "台办"]),
    ],
)
def test_listed_departments_before_a_kind_word(text: str, bodies: list[str]) -> None:
    found = labelled(text, "ORG")
    for body in bodies:
        assert body in found


@pytest.mark.parametrize(
    "text",
    [
        "围绕教育、文化、卫生等14个部门的工作开展视察。",
        "走访了三个乡镇、五个社区等10个单位。",
    ],
)
def test_fields_listed_before_a_counted_kind_word_are_no_bodies(text: str) -> None:
    assert labelled(text, "ORG") == []


# --- ORG: a department written bare after the text gave it with its level ----------------------------------


def test_a_department_repeated_without_its_level() -> None:
    text = "专委会与区房管局联合调研。区长批示:请房管局研究落实。"
    assert labelled(text, "ORG").count("房管局") == 1
    assert "区房管局" in labelled(text, "ORG")


def test_a_department_never_given_with_its_level_stays_bare() -> None:
    assert "房管局" not in labelled("请房管局研究落实。", "ORG")


def test_a_repeated_department_inside_a_word_is_no_body() -> None:
    assert labelled("市审计局开展审计。审计局长某某说明情况。", "ORG") == ["市审计局"]


# --- ORG: a level's office or bureau named by a verb ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("副主席一行赴省治水办走访调研。", "省治水办"),
        ("会同市招商局、县发改局开展调研。", "市招商局"),
    ],
)
def test_a_level_bureau_named_by_a_verb(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


@pytest.mark.parametrize("text", ["这件事由市里统一承办。", "全县上下齐抓共管，县开展专项行动。"])
def test_a_verb_after_a_level_is_no_bureau(text: str) -> None:
    assert labelled(text, "ORG") == []


def test_a_department_repeated_after_a_plural_is_no_body() -> None:
    text = "副主席赴省治水办调研。加强与各级治水办的联系。"
    assert labelled(text, "ORG") == ["省治水办"]


# --- GPE: a district's streets, and a count of them, are no named street --------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("普陀区街道(镇)委员工作站迅速行动。", "普陀区"),
        ("根据换届结果,普陀区十个街道(镇)政协委员联络组完成进组。", "普陀区"),
    ],
)
def test_a_districts_streets_are_no_street(text: str, place: str) -> None:
    assert labelled(text, "GPE") == [place]


def test_a_named_street_after_its_district_is_one_chain() -> None:
    assert labelled("委员们来到普陀区长风街道调研。", "GPE") == ["普陀区长风街道"]


# --- ORG: the causative 使 before a level's body ----------------------------------------------------------------


def test_a_level_body_after_the_causative() -> None:
    assert "区政府" in labelled("区长要求把意见反映上来,使区政府做好惠民工程。", "ORG")


# --- ORG: a CPPCC's liaison group or members' workroom written after the body ----------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("市政协地区政协联络指导组组长某某出席。", "市政协地区政协联络指导组"),
        ("县政协某某镇联络组开展视察。", "县政协某某镇联络组"),
        ("北京市政协港澳委员工作室揭牌。", "北京市政协港澳委员工作室"),
    ],
)
def test_a_cppccs_liaison_group_or_workroom_after_the_body(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_the_bodys_members_are_no_group() -> None:
    assert labelled("市政协委员组成调研组。", "ORG") == ["市政协"]


@pytest.mark.parametrize(
    ("text", "place"),
    [("持续推进黄河流域生态保护。", "黄河流域"), ("围绕长江流域禁渔开展监督。", "长江流域")],
)
def test_a_rivers_basin_read_as_one_word_is_a_place(text: str, place: str) -> None:
    assert labelled(text, "GPE") == [place]


def test_a_basin_of_no_named_river_is_none() -> None:
    assert labelled("加强全流域综合治理。", "GPE") == []


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("截至年底,市政协共有委员工作室12个。", "市政协"),
        ("在上海市浦东新区政协首批委员工作室揭牌仪式上", "上海市浦东新区政协"),
    ],
)
def test_a_count_or_verb_before_a_workroom_leaves_the_body(text: str, body: str) -> None:
    assert labelled(text, "ORG") == [body]


# --- ORG: a government's office by its short name -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [("同行的还有市政府重点办等单位相关人员。", "市政府重点办"), ("县政府应急办负责同志通报情况。", "县政府应急办")],
)
def test_a_governments_office_by_its_short_name(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_a_government_that_hosts_is_no_office() -> None:
    assert labelled("活动由市政府主办。", "ORG") == ["市政府"]


# --- PERSON: several names after a credit line's role, spaced apart ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("2019-03-04 10:08:39 某某环境报   作者: 朱智翔 晏利扬  ", ["朱智翔", "晏利扬"]),
        ("视频来源:看看新闻 剪辑:谷钦慧 刘子烨(02:01)", ["谷钦慧", "刘子烨"]),
        ("摄影:王小明 李华\n", ["王小明", "李华"]),
        ("某某环境报作者:朱智翔晏利扬\n\n浙江省政协", ["朱智翔", "晏利扬"]),
        ("剪辑:谷钦慧刘子烨(02:01)", ["谷钦慧", "刘子烨"]),
    ],
)
def test_names_spaced_after_a_credit_role(text: str, names: list[str]) -> None:
    found = labelled(text, "PERSON")
    for name in names:
        assert name in found


def test_words_spaced_after_a_credit_role_are_no_names() -> None:
    assert labelled("来源:政协联线 责任编辑\n", "PERSON") == []


def test_a_role_inside_a_word_gives_no_credit() -> None:
    assert labelled("致全市文艺工作者:王小明李华\n", "PERSON") == []


# --- GPE: two prefectures written together are two places ------------------------------------------------------


def test_two_prefectures_side_by_side_are_two_places() -> None:
    assert labelled("副主席带队赴济南泰安调研。", "GPE") == ["济南", "泰安"]


def test_a_prefecture_and_its_county_level_city_are_one_chain() -> None:
    assert labelled("委员们赴苏州昆山考察。", "GPE") == ["苏州昆山"]
