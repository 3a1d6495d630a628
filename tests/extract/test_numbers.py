"""Numeral parsing: Arabic, Chinese, mixed, scaled and full-width numerals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pizhu.extract.numbers import join_broken_lines, parse_number, to_json_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", "12"),
        ("1,200", "1200"),
        ("93.35", "93.35"),
        ("两", "2"),
        ("二十三", "23"),
        ("一百零五", "105"),
        ("七十五", "75"),
        ("十", "10"),
        ("十五", "15"),
        ("1.5万", "15000"),
        ("3.2亿", "320000000"),
        ("5万", "50000"),
        ("93.35万", "933500"),
        ("十万", "100000"),
        ("两万三千", "23000"),
        ("三亿五千万", "350000000"),
        ("一千零一", "1001"),
        ("二〇二三", "2023"),
        ("９３．３５", "93.35"),
        ("１２", "12"),
        # 〇, the circle ○ typesetting uses for it, and 零 mark a skipped place.
        ("一千〇二十", "1020"),
        ("一千○二十", "1020"),
        ("一千零五十", "1050"),
        ("一万〇二百", "10200"),
        ("一亿零五百万", "105000000"),
        ("五〇〇", "500"),
        ("二○一九", "2019"),
        # 廿 and 卅 are 二十 and 三十.
        ("廿五", "25"),
        ("卅", "30"),
        # A last digit after a unit without 零 counts in the next lower place.
        ("一万二", "12000"),
        ("三千五", "3500"),
        ("一百五", "150"),
        ("两万五", "25000"),
        # Scales under scales: 万亿, and a 万 number before 亿.
        ("三万亿", "3000000000000"),
        ("一万二千亿", "1200000000000"),
        ("二十一万五千", "215000"),
        ("一千二百三十四万五千六百七十八", "12345678"),
        ("一十五", "15"),
        ("百", "100"),
        ("万", "10000"),
        ("零", "0"),
        ("九十五点五", "95.5"),
        ("壹仟贰佰", "1200"),
    ],
)
def test_parses(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text",
    "|abc|三四百|一两|十十|12a|万岁|一亿万|十亿亿|零十|一千零|两两|三点|点五|百千".split("|"),
)
def test_rejects_non_numerals(text: str) -> None:
    assert parse_number(text) is None


def test_scaled_decimal_is_exact() -> None:
    # A float would give 933499.99999…; the gold stores 933500.
    value = parse_number("93.35万")
    assert value is not None
    assert to_json_number(value) == 933500
    assert isinstance(to_json_number(value), int)


def test_json_number_keeps_fractions() -> None:
    assert to_json_number(Decimal("58.7")) == 58.7
    assert isinstance(to_json_number(Decimal("58.7")), float)


_LEFT = frozenset("0123456789")
_RIGHT = frozenset("件人")


def test_join_broken_lines_leaves_out_a_break_inside_a_quantity() -> None:
    text = "一年来，全县各参加单位和委员共提交提案386\n件，立案352件。"
    joined, positions = join_broken_lines(text, _LEFT, _RIGHT) or ("", [])
    assert joined == text.replace("\n", "")
    at = joined.index("件")
    assert text[positions[at]] == "件" and text[positions[at - 1]] == "6"


@pytest.mark.parametrize(
    "text",
    [
        "第一段。\n386\n件提案",  # a number on a line of its own: a list number
        "名单：政协委员 3\n人大代表",  # a short line: a table cell
        "提案总数 12,345,678,910\n件",  # a long number on a short line is no running text
        "一年来，全县各参加单位和委员共提交提案386\n\n件",  # a blank line ends the paragraph
        "一年来，全县各参加单位和委员共提交提案386\n2.件",  # a numbered item follows
        "一年来，全县各参加单位和委员共提交提案386\n会议",  # what follows is no unit
    ],
)
def test_join_broken_lines_keeps_other_breaks(text: str) -> None:
    assert join_broken_lines(text, _LEFT, _RIGHT) is None


def test_join_broken_lines_in_a_narrow_column() -> None:
    text = "县政协组织委员视察了全县各乡镇\n各乡镇政协委员共办理386\n件民生实事"
    joined, _positions = join_broken_lines(text, _LEFT, _RIGHT) or ("", [])
    assert joined == "县政协组织委员视察了全县各乡镇\n各乡镇政协委员共办理386件民生实事"


def test_join_broken_lines_in_a_column_of_short_lines() -> None:
    text = "委员们积极反映社情民\n意，共报送信息1,2\n05条，被采用3条"
    joined, _positions = join_broken_lines(text, _LEFT | {","}, _RIGHT | set("0123456789")) or ("", [])
    assert joined == "委员们积极反映社情民\n意，共报送信息1,205条，被采用3条"
