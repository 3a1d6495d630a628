"""Issue 21, round wave9b: bare 中央 as the actor (中央高度重视, 中央制定的), beside the levels (中央及省市), and
inside an unnumbered work forum's name (中央新疆工作座谈会), as RULINGS has it."""

from __future__ import annotations

import pytest

from pizhu.extract.entities import find_entities


def orgs(text: str) -> list[str]:
    return [s.text for s in find_entities(text) if s.label == "ORG"]


@pytest.mark.parametrize(
    "text",
    [
        "认为这体现了中央高度重视港澳工作",
        "积极主动学习中央制定的发展原则和精神",
        "传达学习中央及省市有关会议精神",
        "贯彻第三次中央西藏工作座谈会精神",
    ],
)
def test_the_centre_named_bare_is_a_body(text: str) -> None:
    assert "中央" in orgs(text)


@pytest.mark.parametrize("text", ["大屏幕挂在会场中央及两侧", "安装中央空调系统", "位于广场中央重视绿化"])
def test_the_middle_of_a_place_or_a_kind_is_no_body(text: str) -> None:
    assert "中央" not in orgs(text)
