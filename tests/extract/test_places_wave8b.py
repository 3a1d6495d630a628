"""Issue 21, round wave8b: kinds of miss read on unseen annals and party pages. Sentences written for the test."""

from __future__ import annotations

from pizhu.extract.entities import find_entities


def places(text: str) -> list[str]:
    return [s.text for s in find_entities(text) if s.label == "GPE"]


def test_a_verb_of_building_after_a_place_opens_its_predicate_not_a_zone() -> None:
    # 某省建设自贸港: the province builds the port; the zone is no place named after it (RULINGS, wave8b).
    assert places("为海南建设自贸港作出贡献。") == ["海南"]
    assert places("支持宁波建设自贸区。") == ["宁波"]
    assert places("庄河市打造高新区,成效明显。") == ["庄河市"]


def test_a_verb_of_building_after_a_place_opens_no_natural_feature() -> None:
    # 某市建设海绵城市: 建设海 is no lake or sea of the city.
    assert places("这是庄河市建设海绵城市的亮点工程。") == ["庄河市"]
    assert places("大连市建设海绵城市。") == ["大连市"]


def test_zones_and_features_after_a_place_still_read_whole() -> None:
    assert places("他们考察了汉寿县高新区。") == ["汉寿县高新区"]
    assert places("游客来到杭州西湖。") == ["杭州西湖"]
    assert "海南自贸港" in places("海南自贸港建设提速。")
