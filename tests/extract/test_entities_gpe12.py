"""Issue 21, GPE on unseen place-dense visit and survey pages (gpe12).

Every sentence is written for the test (invented visits; the cities, counties and districts are real ones from the
division table), so a rule passes only as a mechanism. Rules alone.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- a division's area word (区域, 县域, 市域, 城区, 市区) is part of the place (RULINGS: 某某区域, like 地区) ---


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("湖州区域内河道纵横,水网密布。", "湖州区域"),
        ("推动长兴县域经济高质量发展。", "长兴县域"),
        ("委员们视察了衢州城区的老旧小区改造。", "衢州城区"),
        ("在位于宜宾市区北部的公园,调研组察看了湿地。", "宜宾市区"),
        ("加快推进安吉县域治理现代化。", "安吉县域"),
    ],
)
def test_a_division_takes_its_area_word(text: str, place: str) -> None:
    assert any(p.startswith(place) for p in labelled(text, "GPE")), labelled(text, "GPE")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("就长三角区域污染防治协作开展监督。", "长三角"),  # a region before 区域 stands alone (RULINGS, 320–329)
        ("宜宾市区两级政协联动开展调研。", "宜宾"),  # 市区两级: the city and its districts
    ],
)
def test_a_region_or_a_pair_of_levels_takes_no_area_word(text: str, place: str) -> None:
    places = labelled(text, "GPE")
    assert place in places and not any(p.endswith(("区域", "市区")) for p in places), places


# --- a designation after common words only is a kind of zone, no place (生态文明建设示范区, 旅游度假区) ------------


@pytest.mark.parametrize(
    "text",
    [
        "努力把全县建成国家生态文明建设示范区。",
        "加快创建省级旅游度假区,完善配套设施。",
        "考察团走访了白天鹅温泉度假区。",
    ],
)
def test_a_designation_after_common_words_is_no_place(text: str) -> None:
    assert labelled(text, "GPE") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("委员们视察了千岛湖旅游度假区建设情况。", "千岛湖旅游度假区"),
        ("调研组来到北湖风景区察看。", "北湖风景区"),
    ],
)
def test_a_resort_named_with_its_place_is_one_place(text: str, place: str) -> None:
    assert place in labelled(text, "GPE")


# --- a water's shore with its side, and a river's stretch named by a place on it, are one place (RULINGS) ---------


@pytest.mark.parametrize(
    ("text", "found", "place"),
    [
        ("视察了青龙河北岸绿化工程。", "青龙河", "青龙河北岸"),
        ("察看了白马湖东岸的步道。", "白马湖", "白马湖东岸"),
        ("视察大运河湖州段的水环境治理。", "大运河湖州", "大运河湖州段"),
    ],
)
def test_a_shore_or_a_stretch_joins_its_water(text: str, found: str, place: str) -> None:
    from pizhu.extract.combine import whole_places
    from pizhu.extract.models import Span

    start = text.index(found)
    span = Span(start, start + len(found), "GPE", found, source="lac")
    assert [s.text for s in whole_places(text, [span])] == [place]


def test_a_place_before_a_bank_word_of_prose_keeps_its_bounds() -> None:
    from pizhu.extract.combine import whole_places
    from pizhu.extract.models import Span

    text = "推动湖州段位提升。"  # 段位: no stretch of a river
    start = text.index("湖州")
    span = Span(start, start + 2, "GPE", "湖州", source="rules")
    assert [s.text for s in whole_places(text, [span])] == ["湖州"]
