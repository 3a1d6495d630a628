"""Issue 21, GPE on unseen city and county write-ups (gpe11).

Every sentence is written for the test (invented visits; the cities, counties and towns are real ones from the
division table), so a rule passes only as a mechanism. Rules alone.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- a city's 市 before a county whose name opens with a direction (市北, 市南 are words of their own) ---------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("调研组赴宜宾市南溪区考察茶园。", "宜宾市南溪区"),
        ("委员们来到绵阳市北川县调研。", "绵阳市北川县"),
        ("3月5日,四川省绵阳市北川羌族自治县曲山镇石椅村茶园内一片繁忙。", "四川省绵阳市北川羌族自治县曲山镇石椅村"),
    ],
)
def test_a_city_suffix_before_a_county_stays_in_the_chain(text: str, place: str) -> None:
    assert place in labelled(text, "GPE")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("中山市民主党派联合开展调研。", "中山市"),
        ("陇南市情决定了发展路径。", "陇南"),
    ],
)
def test_a_suffix_a_common_word_eats_is_still_cut(text: str, place: str) -> None:
    assert labelled(text, "GPE") == [place]


# --- a verb of going and its object listed before 等地 is an activity, no place --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "一年来,市政协通过访区县、走企业、赴市外等地考察,提出建议。",
        "委员们进社区、下基层、赴省外等地学习,收集意见。",
    ],
)
def test_a_visit_listed_before_dengdi_is_no_place(text: str) -> None:
    assert labelled(text, "GPE") == []


def test_places_listed_before_dengdi_stay_places() -> None:
    found = labelled("调研组先后赴建德、云和、淳安等地考察。", "GPE")
    assert found == ["建德", "云和", "淳安"]


# --- a river's basin, and a stream named after its town ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("委员们围绕汾河流域生态保护开展调研。", "汾河流域"),
        ("报告聚焦淮河流域的防汛能力建设。", "淮河流域"),
        ("调研组沿湘江两岸察看排污口整治。", "湘江"),
        ("委员们建议加快清水河流域综合治理。", "清水河流域"),
    ],
)
def test_a_river_before_its_basin_or_banks_is_a_place(text: str, place: str) -> None:
    assert place in labelled(text, "GPE")


def test_a_stream_named_after_its_town_is_one_place() -> None:
    found = labelled("委员们来到汤口镇,察看汤口溪河道清淤情况,汤口溪淤积最重。", "GPE")
    assert found == ["汤口镇", "汤口溪", "汤口溪"]


@pytest.mark.parametrize("text", ["祖国山河两岸同胞血浓于水。", "江河流域面积广阔。", "推动内河航运发展。"])
def test_an_everyday_river_word_is_no_place(text: str) -> None:
    assert labelled(text, "GPE") == []


# --- an ethnic group's homeland by its one-character name and 乡 is an epithet, no named place ----------------------


@pytest.mark.parametrize("text", ["草长莺飞二月天,羌乡茶农采摘忙。", "打造水韵畲乡文旅品牌。", "苗乡处处是新景。"])
def test_an_ethnic_homeland_epithet_is_no_place(text: str) -> None:
    assert labelled(text, "GPE") == []


def test_an_ethnic_township_stays_a_place() -> None:
    assert "景宁畲族自治县鹤溪街道" in labelled("委员们来到景宁畲族自治县鹤溪街道调研。", "GPE")


def test_the_model_s_homeland_epithet_is_no_place() -> None:
    from pizhu.extract.entities import kind_of_area

    assert kind_of_area("水韵畲乡") and kind_of_area("羌乡")
    assert not kind_of_area("城南乡") and not kind_of_area("鸠坑乡")
