"""DATE kinds the dates6 pages (tests/data/corpus 688–699) showed: forms, not their strings."""

from __future__ import annotations

import pytest

from pizhu.extract.dates import find_dates


def texts(text: str) -> list[str]:
    return [s.text for s in find_dates(text)]


@pytest.mark.parametrize(
    "text",
    [
        "第五届1988 1016 (51.1) 243 101 (41.6)",
        "第七届2081 1249 (60.0) 280 186",
        "合计 2019 1350 86",
    ],
)
def test_a_year_like_number_in_a_row_of_counts_is_a_count(text: str) -> None:
    assert not any(t.startswith(("1988", "2081", "2019")) for t in texts(text)), texts(text)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("1978 1982 1994", ["1978", "1982", "1994"]),
        ("Copyright © 1996-2001 SINA", ["1996-2001"]),
        ("(1978年)第六届", ["1978年"]),
        ("鹿城年鉴2020 目录", ["2020"]),
    ],
)
def test_years_beside_years_or_words_stay(text: str, dates: list[str]) -> None:
    assert texts(text) == dates
