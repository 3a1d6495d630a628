"""FIGURE kinds the dates6 pages (tests/data/corpus 688–699) showed: forms, not their strings."""

from __future__ import annotations

import pytest

from pizhu.extract.figures import find_figures


def texts(text: str) -> list[str]:
    return [s.text for s in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("开本:24cm\n页数:243页", "24cm", 24, "cm"),
        ("河道全长3.5km,", "3.5km", 3.5, "km"),
        ("捐赠物资重120kg。", "120kg", 120, "kg"),
        ("管径为600mm的管道", "600mm", 600, "mm"),
    ],
)
def test_the_statutory_units_international_symbols_are_units(text: str, span: str, value: float, unit: str) -> None:
    spans = [s for s in find_figures(text) if s.text == span]
    assert len(spans) == 1, texts(text)
    assert (spans[0].attrs["value"], spans[0].attrs["unit"]) == (value, unit)


@pytest.mark.parametrize("text", ["建成5G基站", "全长3kms的", "编号12kgx"])
def test_a_latin_unit_symbol_is_whole(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "人员构成主要有两部分,一部分是新闻出版界;另一部分就是文化界",
        "报告分成三部分:",
        "其中2部分内容",
    ],
)
def test_bu_before_fen_is_the_word_part_no_measure_word(text: str) -> None:
    assert texts(text) == []


def test_bu_still_counts_works() -> None:
    assert "两部" in texts("共出版两部。")


@pytest.mark.parametrize("text", ["那时的我只有十二、三岁,还是个孩童", "参加的有二十七、八人。", "来了十一、二位委员,"])
def test_neighbouring_chinese_numerals_joined_by_a_comma_are_an_estimate(text: str) -> None:
    assert texts(text) == []


def test_a_list_of_unrelated_chinese_counts_stays() -> None:
    assert "五人" in texts("分别有十二、五人。")


@pytest.mark.parametrize(
    ("text", "span"),
    [("见我们四人经常在一起", "四人"), ("我们四人中他最年长", "四人"), ("她们三位来了", "三位")],
)
def test_people_counted_after_a_plural_pronoun(text: str, span: str) -> None:
    assert span in texts(text)
