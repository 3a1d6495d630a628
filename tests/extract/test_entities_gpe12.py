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
