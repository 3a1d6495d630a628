"""Issue 21, GPE precision on unseen reports (gpe6): the false and missed places of texts 350–361, by kind.

Every sentence is written for the test (invented people and bodies, real places from the table), so a rule
passes only as a mechanism. Rules alone unless the kind is the model's (``model=True``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- a place inside an association's or a party's chain ------------------------------------------------


def test_a_place_after_a_partys_one_character_short_form_before_its_organ_is_the_partys_body() -> None:
    text = "九三学社江都区基层委员会召开全会。会上,社江都区基层委将继续做好参政议政工作。"
    assert "江都区" not in labelled(text, "GPE")
    assert "社江都区基层委" in labelled(text, "ORG")


def test_a_region_between_an_associations_name_and_its_working_committee_is_inside_that_body() -> None:
    text = "出席的还有闽商联盟会大湾区闽商工委副秘书长王某某。"
    assert "大湾区" not in labelled(text, "GPE")
    assert "闽商联盟会大湾区闽商工委" in labelled(text, "ORG")


def test_a_place_in_brackets_after_an_associations_name_is_part_of_that_name() -> None:
    text = "广西湖南商会(南宁)常务副会长王某某出席。"
    assert "南宁" not in labelled(text, "GPE")
    assert "广西湖南商会(南宁)" in labelled(text, "ORG")


def test_a_place_in_brackets_elsewhere_stays_a_place() -> None:
    assert "重庆" in labelled("第十九届中国西部(重庆)国际农产品交易会开幕。", "GPE")


# --- a proposal that runs on past its place -------------------------------------------------------------


def test_hong_kong_before_a_run_of_province_abbreviations_is_two_places() -> None:
    gpes = labelled("同乡会由香港川渝籍爱国人士发起成立。", "GPE", model=True)
    assert "香港川渝" not in gpes
    assert "香港" in gpes


def test_a_place_proposal_ends_before_a_word_for_its_natives() -> None:
    gpes = labelled("同乡会是香港地区川籍同乡社团的代表。", "GPE", model=True)
    assert all("同乡" not in g and "籍" not in g for g in gpes)
    assert "香港地区" in gpes


def test_a_place_opening_an_associations_name_after_its_natives_word_is_no_place() -> None:
    gpes = labelled("今年8月,川渝同乡总会加入四川社团总会的大家庭。", "GPE", model=True)
    assert "川渝" not in gpes


# --- an ethnic district's short name --------------------------------------------------------------------


def test_an_ethnic_districts_short_name_with_its_level_and_bare_is_a_place() -> None:
    text = "调研组到郑州管城区调研。委员们表示,要立足管城,服务管城。"
    gpes = labelled(text, "GPE")
    assert "郑州管城区" in gpes or "管城区" in gpes
    assert "郑州" not in gpes
    assert gpes.count("管城") == 2


# --- a place that names a venue or a factory ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("考察团在花都广场合影留念。", "花都"),
        ("下午参观了位于荃湾的南丰纱厂。", "南丰"),
    ],
)
def test_a_place_that_names_a_square_or_a_mill_is_no_place(text: str, place: str) -> None:
    assert place not in labelled(text, "GPE")


def test_a_city_before_a_venue_named_without_it_stays_a_place() -> None:
    assert "北京" in labelled("会议在北京人民大会堂举行。", "GPE")
    assert "荃湾" in labelled("下午参观了位于荃湾的南丰纱厂。", "GPE")


# --- a place at the end of a body's quoted programme --------------------------------------------------


def test_a_bodys_quoted_programme_of_clauses_before_its_decision_is_a_slogan_and_holds_no_place() -> None:
    text = "区委提出的“加强社会建设、创新社会管理、建设和谐江都”的决策部署符合实际。"
    assert labelled(text, "SLOGAN") == ["加强社会建设、创新社会管理、建设和谐江都"]
    assert labelled(text, "GPE") == []


def test_a_place_before_its_works_counted_or_all_of_them_stays_a_place() -> None:
    assert "江都区" in labelled("江都区各厂积极参与。", "GPE")
