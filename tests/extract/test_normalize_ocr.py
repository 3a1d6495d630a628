"""Normalization of OCR spacing that falls inside a number or a run of text (issue 21: OCR noise)."""

from __future__ import annotations

import pytest

from pizhu.extract.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("共收到提案197 2件，立案18 24件。", "共收到提案1972件，立案1824件。"),
        ("总结2 019年工作", "总结2019年工作"),
        ("增长11.5 %，占60. 3%。", "增长11.5%，占60.3%。"),
        ("他强调,2 019年,是关键之年", "他强调,2019年,是关键之年"),
        ("2 019年是关键之年", "2019年是关键之年"),
    ],
)
def test_a_single_space_inside_a_number_between_text_goes(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


@pytest.mark.parametrize("raw", ["2020-11-06 1 1", "得票数 12  15", "Windows 10 11"])
def test_spaces_between_numbers_that_stand_apart_stay(raw: str) -> None:
    assert normalize(raw).text.count(" ") >= 1


def test_ocr_spacing_inside_a_sentence_is_no_list() -> None:
    raw = (
        "「人和」是 指目前香 港整体社 会稳定，正拼经济谋发展。总结20 18年县 政协 工作，"
        "向大 会报 告县政协 十一 届一次会议以来"
    )
    expected = (
        "「人和」是指目前香港整体社会稳定，正拼经济谋发展。总结2018年县政协工作，向大会报告县政协十一届一次会议以来"
    )
    assert normalize(raw).text == expected


@pytest.mark.parametrize("raw", ["主席：王强 李明 张伟", "副主席 王强 李明 张伟 赵刚", "出席：王强 李明 张伟。"])
def test_a_list_of_names_keeps_its_spaces(raw: str) -> None:
    assert normalize(raw).text == raw
