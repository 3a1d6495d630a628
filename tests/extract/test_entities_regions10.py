"""Issue 21, regions10: a province's quarter written without a division's suffix, the last unseen wave's GPE miss.

- a provincial-level division's one-character short name (the closed table of the 34) and a direction
  (东 南 西 北 中, or two of them: 西南) is a GPE where jieba reads it as a word of its own, whatever stands
  before or after it (`强化苏北五市区域合作`, `推进苏南国家自主创新示范区`); 地区 or 片区 after it joins it (as
  `苏北地区`).
- it does not fire inside a longer word: `江苏北京两地` (苏 ends 江苏), `新中国`, `川西藏区`, `中央`.

Every sentence is written for the test, so a rule passes only as a mechanism. Rules alone (``model=False``).
"""

from __future__ import annotations

import pytest

from tests.extract.spans import labelled


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("会议提出强化苏北五市区域合作。", "苏北"),
        ("推动皖南国际文化旅游示范区建设。", "皖南"),
        ("委员们深入陕北革命老区调研。", "陕北"),
        ("加快粤东西北地区振兴发展。", "粤东"),
        ("支持豫东承接产业转移。", "豫东"),
        ("鲁中片区的委员参加了座谈。", "鲁中片区"),
        ("助力赣南苏区振兴。", "赣南"),
    ],
)
def test_a_province_quarter_is_a_place_wherever_it_stands(text: str, place: str) -> None:
    assert place in labelled(text, "GPE")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("江苏北京两地委员交流。", "苏北"),
        ("新中国成立以来变化巨大。", "新中"),
        ("加强川西藏区生态保护。", "川西"),
        ("贯彻党中央决策部署。", "党中"),
    ],
)
def test_a_quarter_inside_a_longer_word_is_none(text: str, wrong: str) -> None:
    assert wrong not in labelled(text, "GPE")


@pytest.mark.parametrize(
    ("text", "place", "longer"),
    [
        ("民国七年批准设置于田县佐,后升格为县治。", "于田", "于田县"),
        ("本书为于田县志的续编。", "于田", "于田县"),
        ("清代设和田县丞一员。", "和田", "和田县"),
    ],
)
def test_a_county_before_its_annals_or_old_office_is_its_stem(text: str, place: str, longer: str) -> None:
    places = labelled(text, "GPE")
    assert place in places
    assert longer not in places


def test_a_county_before_other_words_keeps_its_suffix() -> None:
    assert "于田县" in labelled("于田县志愿者深入乡村服务。", "GPE")
