"""FIGURE kinds found on the dates5 pages: provinces named by their one-character names, written together
(冀鲁豫, 苏浙沪), then counted by a place word, as 辽宁、湖北两省 is (RULINGS: places listed, then counted)."""

from __future__ import annotations

import pytest

from pizhu.extract.figures import find_figures


def figures(text: str) -> list[str]:
    return [s.text for s in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("莘县地处冀鲁豫三省交界处", ["三省"]),
        ("委员赴苏浙沪三省市考察", ["三省市"]),
        ("晋冀鲁豫四省", ["四省"]),
        ("辽宁、湖北两省", ["两省"]),
        ("东北三省", []),
        ("全国各地三省", []),
    ],
)
def test_provinces_written_together_then_counted(text: str, expected: list[str]) -> None:
    assert figures(text) == expected
