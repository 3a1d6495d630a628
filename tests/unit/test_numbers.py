"""Numeral parsing: Arabic, Chinese, mixed, scaled and full-width numerals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.numbers import parse_number, to_json_number


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
    ],
)
def test_parses(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "三四百", "一两", "十十", "12a", "万岁"])
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
