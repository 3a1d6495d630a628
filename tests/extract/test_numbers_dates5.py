"""Quantities and dates a narrow column cut in two (issue 21, dates5): an e-paper's column of eight or nine
characters a line, or a paragraph's first full line whose next line runs as long, is read across its break."""

from __future__ import annotations

import pytest

from pizhu.extract.dates import find_dates
from pizhu.extract.figures import find_figures

COLUMN = (
    "本次会议共收到委员\n提案二百三十一件,\n经审查立案一百九十\n"
    "八件,其中集体提案\n四十五件。会议于3\n月12日至15日召开。"
)


def test_a_column_of_nine_characters_is_read_across() -> None:
    assert [s.text for s in find_figures(COLUMN)] == ["二百三十一件", "一百九十\n八件", "四十五件"]
    assert [s.text for s in find_dates(COLUMN)] == ["3\n月12日至15日"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the paragraph's first line, as long as the line after it
        (
            "二、文史工作\n全年共编辑出版文史资料3辑共计4\n5万字,其中征集稿件一百二十篇,\n均已付印。",
            ["3辑", "45万字", "一百二十篇"],
        ),
        # a table's short cells stay apart
        ("委员人数\n231\n女委员\n45人", ["45人"]),
        ("序号\n提案数\n1\n23件", ["23件"]),
    ],
)
def test_first_line_of_a_paragraph_and_table_cells(text: str, expected: list[str]) -> None:
    assert [s.text.replace("\n", "") for s in find_figures(text)] == expected
