"""Issue 21, GPE on unseen place-dense pages from the provinces the corpus had least of (gpe13).

Every sentence is written for the test (invented visits; the provinces, cities, counties and rivers are real ones),
so a rule passes only as a mechanism. Rules alone.
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled

# --- a free-trade port or zone is named by its province: one place with it (RULINGS: 海南自贸港 is one GPE) --------


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("委员们围绕加快推进海南自贸港建设建言献策。", "海南自贸港"),
        ("助力海南自由贸易港封关运作。", "海南自由贸易港"),
        ("考察团参观了上海自贸区临港新片区。", "上海自贸区"),
        ("为广西自由贸易试验区建设献计出力。", "广西自由贸易试验区"),
    ],
)
def test_a_free_trade_zone_takes_its_province(text: str, zone: str) -> None:
    places = labelled(text, "GPE")
    assert zone in places and zone[:2] not in places, places


def test_a_free_trade_zone_of_a_kind_is_no_place() -> None:
    assert labelled("学习借鉴自贸区建设的经验做法。", "GPE") == []


# --- a landform's head after a named river or place names the landform: one place (GUIDELINES: natural places) ---


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("调研组来到位于怒江大峡谷高山上的村寨。", "怒江大峡谷"),
        ("委员们沿金沙江峡谷察看地质灾害隐患点。", "金沙江峡谷"),
        ("视察呼伦贝尔草原生态保护情况。", "呼伦贝尔草原"),
    ],
)
def test_a_landform_after_its_place_is_one_place(text: str, place: str) -> None:
    places = labelled(text, "GPE")
    assert place in places, places


@pytest.mark.parametrize("text", ["加强草原生态保护和湿地修复。", "我省峡谷地区地质灾害多发。"])
def test_a_landform_word_alone_is_no_place(text: str) -> None:
    assert labelled(text, "GPE") == []


# --- a village written by its committee inside a chain is the administrative village: the chain runs through it ---


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("调研组走访了琼中县营根镇加章村委会什统村,了解基层协商情况。", "琼中县营根镇加章村委会什统村"),
        ("委员们在红星水库、大坡村委会杨家湾村察看灌溉设施。", "大坡村委会杨家湾村"),
    ],
)
def test_a_village_written_by_its_committee_continues_the_chain(text: str, place: str) -> None:
    places = labelled(text, "GPE")
    assert place in places, places


def test_a_village_committee_alone_is_no_place() -> None:
    assert "村委会" not in "".join(labelled("村委会干部和村民代表参加了协商会。", "GPE"))
