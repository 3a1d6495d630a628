"""Issue 21, round hkmo2: lengths of history in 个春秋 (RULINGS, texts 748–759). Sentences written for the test."""

from __future__ import annotations

from pizhu.extract.figures import find_figures


def spans(text: str) -> dict[str, tuple[object, str]]:
    return {s.text: (s.attrs.get("value"), s.attrs.get("unit")) for s in find_figures(text)}


def test_springs_and_autumns_are_years() -> None:
    got = spans("新中国走过了75个春秋,综合实力大幅提高。")
    assert "75个春秋" in got and got["75个春秋"][1] == "个春秋" and "75个" not in got


def test_springs_and_autumns_in_chinese_numerals() -> None:
    assert "七十个春秋" in spans("协会风雨兼程七十个春秋。")
