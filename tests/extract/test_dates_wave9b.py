"""Issue 21, round wave9b: the news form's day in brackets after 今/昨/明 with a time of day (今早（3日）)."""

from __future__ import annotations

import pytest

from pizhu.extract.dates import find_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("港区委员今早（3日）乘坐包机上京", ["3日"]),
        ("委员们昨晚（2日）抵达驻地", ["2日"]),
        ("会议今午(5日)在驻地举行", ["5日"]),
        ("代表团明晨（6日）启程", ["6日"]),
    ],
)
def test_a_day_in_brackets_after_a_relative_day_and_a_time_of_day(text: str, expected: list[str]) -> None:
    assert [s.text for s in find_dates(text)] == expected


def test_a_count_of_days_in_brackets_after_a_time_of_day_word_stays_none() -> None:
    # 早(3日): no 今/昨/明 before the time of day, no news form.
    assert [s.text for s in find_dates("提早(3日)完成")] == []
