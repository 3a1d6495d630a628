"""Issue 21, GPE precision on unseen reports (gpe5): places read where a name or a body stands.

Every sentence is written for the test (invented people, real places from the table), so a rule passes
only as a mechanism. Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- a person's name that ends in a place suffix, where the sentence reads a person -------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("随后,王德旗受政协某县第五届委员会常务委员会委托,作提案工作报告。", "王德旗"),
        ("会上,刘建州代表主席团作大会决议说明。", "刘建州"),
        ("最后,陈志区在会上讲话。", "陈志区"),
    ],
)
def test_a_surname_and_a_given_name_ending_in_a_suffix_before_a_persons_act_is_no_place(text: str, name: str) -> None:
    assert name not in labelled(text, "GPE")


def test_a_place_name_before_a_persons_act_stays_a_place() -> None:
    # 张家口市 is in the place table: a city, though 张 is a surname.
    assert "张家口市" in labelled("会上,张家口市代表团作了发言。", "GPE")


# --- a place at the head of a unit's, an army body's or an outlet's name ---------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("出席会议的还有:宜昌警备区司令员王某某。", "宜昌"),
        ("湖南陆军预备役步兵师师长李某某、政委张某某出席。", "湖南"),
        ("据岳阳经济日报报道,会议圆满闭幕。", "岳阳"),
        ("襄阳广播电台记者到会采访。", "襄阳"),
    ],
)
def test_a_place_opening_a_units_or_an_outlets_name_is_no_place(text: str, place: str) -> None:
    assert place not in labelled(text, "GPE")


def test_a_place_before_an_ordinary_noun_stays_a_place() -> None:
    assert "宜昌" in labelled("推动宜昌经济高质量发展。", "GPE")


# --- a place right after the CPPCC's or the Party's name is inside that body's name ----------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("报告首先回顾了政协岳阳市十\n一届委员会的工作。", "岳阳市"),
        ("会议学习贯彻中共湖南省、岳阳市第十次代表大会精神。", "湖南省"),
    ],
)
def test_a_place_right_after_the_cppcc_or_the_party_is_inside_its_body(text: str, place: str) -> None:
    assert place not in labelled(text, "GPE")


def test_the_second_place_of_a_party_coordination_stays_a_place() -> None:
    assert "岳阳市" in labelled("会议学习贯彻中共湖南省、岳阳市第十次代表大会精神。", "GPE")


def test_a_region_after_the_national_cppcc_stays_a_place() -> None:
    assert "香港" in labelled("全国政协香港委员到会。", "GPE")


def test_a_region_after_a_levels_cppcc_stays_a_place() -> None:
    assert "港澳" in labelled("协助市政府举办省政协港澳委员招商推介会。", "GPE")


# --- a village after a subdistrict (街道) is one chain with it -------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("调研组一行视察了蔡甸街道姚家林村。", "蔡甸街道姚家林村"),
        ("调研组来到侏儒山街道薛山村瓜蒿产业基地。", "侏儒山街道薛山村"),
        ("委员们到东湖街道王家湾社区走访。", "东湖街道王家湾社区"),
    ],
)
def test_a_village_after_a_subdistrict_is_one_chain(text: str, place: str) -> None:
    assert labelled(text, "GPE") == [place]


def test_a_village_committee_after_a_town_is_not_taken_into_the_chain() -> None:
    assert "东湖街道王家湾村" not in labelled("东湖街道王家湾村委会主任到会。", "GPE")
