"""Issue 21, bodies and places on PDF-layout pages (pdf2: flipbook page titles, yearbook and annals pages).

Every sentence is written for the test (invented meetings and visits; the cities are real ones from the
division table), so a rule passes only as a mechanism. Rules alone.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- a city's short name from the divisions table right before 政协 is the city's CPPCC ------------------------
# (jieba reads some of these names as words of another kind: 嘉兴 and 桂林 as given names, 石家庄 as a person)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("嘉兴政协召开常委会议。", "嘉兴政协"),
        ("会议由桂林政协主办。", "桂林政协"),
        ("石家庄政协组织委员视察。", "石家庄政协"),
        ("Page 12 - 张家口政协\nP. 12\n难忘的提案\n", "张家口政协"),
    ],
)
def test_a_city_short_name_before_its_cppcc_is_one_body(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


def test_a_person_whose_given_name_is_a_city_is_no_body() -> None:
    assert not any(o.endswith("桂林政协") for o in labelled("会上,王桂林政协委员作了发言。", "ORG"))


# --- a city's three-character short name jieba tags as a person's name is still a place ----------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("其实对于张家口如何融入首都经济圈,委员们一直在思考。", "张家口"),
        ("委员们认为石家庄的交通还有短板。", "石家庄"),
    ],
)
def test_a_three_character_city_short_name_is_a_place(text: str, place: str) -> None:
    assert place in labelled(text, "GPE")


# --- a heading that stacks 中国人民政治协商会议 over the place and its session ------------------------------------
# (the body is the CPPCC with its place, as 政协某某市 + 第五届委员会第四次会议 on one line; the session is a MEETING)


def test_a_stacked_heading_over_a_session_gives_the_body_and_the_meeting() -> None:
    text = "中国人民政治协商会议\n安康市第四届委员会第三次会议\n关于提案审查情况的报告\n(2019年1月10日通过)\n"
    assert "中国人民政治协商会议\n安康市" in labelled(text, "ORG")
    assert "第四届委员会第三次会议" in labelled(text, "MEETING")


def test_a_stacked_heading_over_a_standing_committee_stays_one_body() -> None:
    text = "中国人民政治协商会议\n安康市第四届委员会常务委员会\n工作报告\n"
    assert "中国人民政治协商会议\n安康市第四届委员会常务委员会" in labelled(text, "ORG")


# --- bare 政协 with its committee, office or group: the one CPPCC the text is about -------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("1985年2月,政协提案委员会分两组考察了提案办理情况。", "政协提案委员会"),
        ("会议纪要由政协办公室印发。", "政协办公室"),
        ("对未立案的,政协提案委要加强与委员的沟通联系。", "政协提案委"),
    ],
)
def test_bare_cppcc_with_a_committee_office_or_group_is_one_body(text: str, body: str) -> None:
    assert body in labelled(text, "ORG")


@pytest.mark.parametrize("text", ["政协委员组织开展调研。", "人民政协理论研究委员会成立。"])
def test_bare_cppcc_before_members_or_inside_a_word_is_no_body(text: str) -> None:
    assert not any(o.startswith("政协") for o in labelled(text, "ORG"))
