"""Issue 21, org15: kinds of ORG the unseen pages 626–637 showed (proposal-handling pages of city, district and
county CPPCCs: the units that handle proposals, the CPPCC's committees and sector groups).

- a level's body after the preposition 据 (据区政协介绍) is named by its level, as after 经 or 由;
- a CPPCC's sector group named by two fields (市政协城建交通组) is one ORG with its body, as 区政协城建组 is;
  an ad hoc group stays outside (市政协调研督查组);
- a CPPCC's committee by its short form in 专委会 (区政协提案专委会) is one ORG with its body; bare 专委会 names
  no body;
- a list of agencies that a counted kind word closes is ORG item by item also where the kind word carries a
  qualifier (等9个重点单位, 五家重点提案承办单位), where the count stands without 等, where an item is quoted
  (“某某办”) and where an item is a police brigade (交警某大队).

Every sentence is written for the test (invented bodies and people), so a rule passes only as a mechanism.
Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("据区政协介绍,今年共收到提案120件。", "区政协"),
        ("据县政协提案委主任某某介绍,办复率达100%。", "县政协提案委"),
        ("据市政府通报,提案已全部办复。", "市政府"),
    ],
)
def test_a_level_body_after_ju_is_named(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("市政协城建交通组的委员来自机关企事业单位。", "市政协城建交通组"),
        ("县政协科教卫体组开展视察活动。", "县政协科教卫体组"),
    ],
)
def test_a_sector_group_of_two_fields_is_one_org(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_an_ad_hoc_group_stays_outside() -> None:
    orgs = labelled("市政协调研督查组深入企业走访。", "ORG")
    assert "市政协调研督查组" not in orgs


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("区政协提案专委会在机关会议室召开协商会。", "区政协提案专委会"),
        ("市政协文史专委会组织委员编写文史资料。", "市政协文史专委会"),
    ],
)
def test_a_committee_by_its_zhuanweihui_short_form(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_bare_zhuanweihui_names_no_body() -> None:
    assert labelled("市政协各专委会积极开展调研。", "ORG") == ["市政协"]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "对区城管局、商务局、卫健局、交警三大队等4个重点单位的提案办理进行了督查。",
            ["区城管局", "商务局", "卫健局", "交警三大队"],
        ),
        (
            "县民政局、文旅局、“双拥办”、审计局五家重点提案承办单位负责人分别作了汇报。",
            ["县民政局", "文旅局", "双拥办", "审计局"],
        ),
    ],
)
def test_agencies_before_a_qualified_counted_kind_word(text: str, items: list[str]) -> None:
    orgs = labelled(text, "ORG")
    for item in items:
        assert item in orgs


def test_a_count_without_a_list_names_nothing() -> None:
    assert labelled("全年走访五家重点单位。", "ORG") == []


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("市政协党组理论学习中心组举行集体学习。", "市政协党组理论学习中心组"),
        ("县政协党组中心组召开学习会。", "县政协党组中心组"),
    ],
)
def test_a_party_groups_study_group_is_one_chain(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_a_party_group_alone_stays_the_group() -> None:
    assert "县政协党组" in labelled("县政协党组召开会议。", "ORG")


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("九三学社某某市委召开会议,社员表示将为九三组织贡献力量,弘扬九三精神。", 2),
        ("九三学社某某支社举办“九三论坛”。", 1),
    ],
)
def test_bare_jiusan_is_the_party_where_the_text_names_it(text: str, count: int) -> None:
    assert labelled(text, "ORG").count("九三") == count


@pytest.mark.parametrize(
    "text",
    [
        "社员们弘扬九三精神。",  # the party is never named in full: no cue
        "九三学社某某市委组织社员观看九三阅兵。",  # the 3 September parade
        "九三学社某某市委成立于一九三九年。",  # a year's digits
    ],
)
def test_bare_jiusan_without_the_cue_or_as_a_date_is_none(text: str) -> None:
    assert "九三" not in labelled(text, "ORG")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("政协第九届全国委员会提案委员会关于提案审查情况的报告", "政协第九届全国委员会提案委员会"),
        ("政协某某县第十届委员会提案审查委员会关于提案审查情况的报告", "政协某某县第十届委员会提案审查委员会"),
        (
            "中国人民政治协商会议\n某某市第八届委员会提案委员会\n关于八届四次会议提案审查情况的报告",
            "中国人民政治协商会议\n某某市第八届委员会提案委员会",
        ),
    ],
)
def test_a_terms_proposals_committee_is_one_chain_with_it(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_a_term_alone_keeps_its_chain() -> None:
    assert "政协某某县第十届委员会" in labelled("政协某某县第十届委员会常务委员会工作报告", "ORG") or (
        "政协某某县第十届委员会常务委员会" in labelled("政协某某县第十届委员会常务委员会工作报告", "ORG")
    )
