"""Normalization of full-width forms (issue 21: pages set wholly in full-width characters)."""

from __future__ import annotations

import pytest

from pizhu.extract.normalize import normalize
from pizhu.extract.pipeline import rule_spans


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("发布时间：２０２６－０３－０５", "发布时间：2026-03-05"),
        ("１１：５２发布", "11:52发布"),
        ("日期：０２／１８", "日期：02/18"),
        ("增长３．５％", "增长3.5%"),
    ],
)
def test_full_width_marks_between_digits_read_as_ascii(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_a_full_width_dash_or_colon_elsewhere_stays() -> None:
    assert normalize("主题：团结－奋进").text == "主题：团结－奋进"


def test_a_full_width_numeric_date_is_a_date() -> None:
    spans = rule_spans(normalize("发布时间：２０２６－０３－０５").text)
    assert [(s.label, s.text) for s in spans if s.label == "DATE"] == [("DATE", "2026-03-05")]


def test_a_pinyin_gloss_in_full_width_letters_goes() -> None:
    assert normalize("政协（ｘｉé）常务（ｗù）委员会（ｈｕì）").text == "政协常务委员会"
