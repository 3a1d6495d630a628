"""Issue 21, sixth round: kinds of miss on the fresh texts 170–181 (scored before any rule changed).

Every sentence is written for the test (invented people and places' bodies only where the rule is
about them), so a rule passes only as a mechanism. Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- PERSON: a name glued to the post before it ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("某省代表团团长郑启航、副团长冯立新先后讲话。", "郑启航"),
        ("某省代表团团长郑启航、副团长冯立新先后讲话。", "冯立新"),
        ("全国政协常委钱立华先后传达了会议精神。", "钱立华"),
        ("会上,市人大代表严秋实介绍了有关情况。", "严秋实"),
    ],
)
def test_a_name_after_a_post_with_no_separator_is_a_person(text: str, name: str) -> None:
    persons = labelled(text, "PERSON")
    assert name in persons
    assert not any(p != name and name in p for p in persons)  # the post is no part of the name


def test_a_name_the_dictionary_lists_as_a_rare_word_is_a_name_after_a_post() -> None:
    # 刘澜涛: jieba lists it (as a noun, 45 times); after a post and before 和, it is a name.
    assert "刘澜涛" in labelled("副主席兼秘书长刘澜涛和副秘书长出席了会议。", "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "市政协常委会召开会议,常委们审议了报告。",
        "全国人大代表团分组审议政府工作报告。",
        "大会主席团举行第二次会议。",
        "市政协委员会客室正式启用。",
        "市人大代表高度关注民生问题。",
    ],
)
def test_a_post_before_an_ordinary_word_gives_no_name(text: str) -> None:
    assert labelled(text, "PERSON") == []


def test_a_name_before_the_proposal_it_submitted_is_a_person() -> None:
    text = "重点提案有《关于加强社区养老的建议》、孟德川提交的《关于改善城市交通的建议》等。"
    assert "孟德川" in labelled(text, "PERSON")


def test_a_body_before_submitted_is_no_person() -> None:
    assert labelled("重点提案有民建市委提交的《关于改善城市交通的建议》。", "PERSON") == []


# --- ORG: a session's committees, a body after a preposition ---------------------------------


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("县政协九届三次会议提案审查委员会按照有关规定审查了提案。", "提案审查委员会"),
        ("政协第八届某某市委员会第二次会议资格审查委员会关于委员资格的报告。", "资格审查委员会"),
    ],
)
def test_a_committee_named_after_its_session_is_an_org(text: str, org: str) -> None:
    assert org in labelled(text, "ORG")


def test_a_committee_after_a_session_keeps_the_session_a_meeting() -> None:
    text = "县政协九届三次会议提案审查委员会按照有关规定审查了提案。"
    assert "九届三次会议" in labelled(text, "MEETING")


def test_the_committee_of_a_session_stops_at_a_list_or_clause() -> None:
    orgs = labelled("大会期间召开了九届三次会议,常委会和各委员会分别讨论。", "ORG")
    assert not any(o.endswith("委员会") and "讨论" in o for o in orgs)
    assert "各委员会" not in orgs


@pytest.mark.parametrize("before", ["从", "自"])
def test_a_level_after_a_preposition_names_its_body(before: str) -> None:
    text = f"记者{before}区政协提案委获悉,今年共收到提案百余件。"
    assert "区政协提案委" in labelled(text, "ORG")


# --- ORG: people's organisations listed with the parties --------------------------------------


@pytest.mark.parametrize("org", ["青年联合会", "民主妇女联合会", "工商业联合会"])
def test_a_federation_listed_with_the_parties_is_an_org(org: str) -> None:
    text = "出席会议的有民革、民盟、青年联合会、民主妇女联合会、工商业联合会、文艺界等方面的代表。"
    assert org in labelled(text, "ORG")


def test_a_sector_listed_with_the_parties_is_no_org() -> None:
    orgs = labelled("出席会议的有民革、民盟、青年联合会、农民、文艺界等方面的代表。", "ORG")
    assert "农民" not in orgs and "文艺界" not in orgs


def test_a_federation_without_a_list_of_parties_needs_a_name() -> None:
    assert labelled("各级联合会、协会要发挥作用。", "ORG") == []


def test_what_a_session_resolves_about_a_committee_is_no_committee_of_it() -> None:
    text = "政协第五届全国委员会第四次会议关于常务委员会工作报告的决议"
    assert not any(o.startswith("关于") for o in labelled(text, "ORG"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会议听取并讨论李克强总理所作的政府工作报告", "李克强"),
        ("朱镕基总理作报告", "朱镕基"),
        ("王岐山副总理出席", "王岐山"),
    ],
)
def test_a_name_before_the_premier_post_is_a_person(text: str, name: str) -> None:
    """总理 and 副总理 are posts like 部长 or 主席: the name before them is a PERSON (李克强总理)."""
    assert name in labelled(text, "PERSON")


@pytest.mark.parametrize("text", ["县委副书记、代县长朱锡光", "县委书记、代县长出席"])
def test_an_acting_county_head_is_no_county(text: str) -> None:
    """代县长 is 代 (acting) + 县长, not the county 代县 + 长: a one-character county before 长 is the post."""
    assert "代县" not in labelled(text, "GPE")


def test_a_one_character_county_still_stands_in_a_list() -> None:
    assert "代县" in labelled("赴忻州市、代县调研", "GPE")
