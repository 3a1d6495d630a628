"""DATE kinds found on the dates5 pages (大事记, plans, citations) and by probing the forms issue 21 names.

Each test names a form with made-up text: a year range whose first year has 年 and whose second has none, a
year whose range stays open (至今), decades of the 21st century and decades listed as four digits, and a
date a citation writes with slashes between its fields.
"""

from __future__ import annotations

import pytest

from pizhu.extract.dates import find_dates


def dates(text: str) -> list[str]:
    return [s.text for s in find_dates(text)]


# A year range whose first year keeps its 年 and whose second has none is one DATE, like 1998—2003年.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1998年—2003,县政协共召开常委会议十次。", ["1998年—2003"]),
        ("任期为1998年至2003,连任两届。", ["1998年至2003"]),
        ("1998年~2003这一时期", ["1998年~2003"]),
        ("顺序颠倒:2003年至1998", ["2003年"]),
        ("1998年至2003人参加", ["1998年"]),
    ],
)
def test_year_range_with_one_unit_first(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


# A year whose range a table leaves open (1993—至今, 2018—今, （2019—）) is a DATE: the year.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("任职时间:1993—至今", ["1993"]),
        ("主席:王某某(2018—今)", ["2018"]),
        ("电话0571-1988-3366", []),
        ("2019—2021", ["2019—2021"]),
    ],
)
def test_open_year_range(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


# Decades of this century (21世纪20年代, 本世纪20年代, 二十一世纪二十年代) keep their century like 上世纪80年代;
# decades written with four digits may be listed or joined like 80、90年代.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("进入21世纪20年代以来,", ["21世纪20年代"]),
        ("进入二十一世纪二十年代,", ["二十一世纪二十年代"]),
        ("本世纪20年代开始,", ["本世纪20年代"]),
        ("1980、1990年代的文史资料", ["1980、1990年代"]),
        ("1980—1990年代", ["1980—1990年代"]),
        ("1980年代", ["1980年代"]),
        ("1980—1990年", ["1980—1990年"]),
    ],
)
def test_decades_of_this_century_and_listed(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


# A citation that writes its date with slashes between the fields (人民政协报/2024年/2月/27日/第001版) gives one DATE,
# as 2024/2/27 does; a link's folders (/2017/09/19/) stay none.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("人民政协报/2024年/2月/27日/第001版", ["2024年/2月/27日"]),
        ("来源:某某日报/2023年/11月/5日", ["2023年/11月/5日"]),
        ("…/content/2017/09/19/6224992.html", []),
        ("2019年/2020年", ["2019年", "2020年"]),
    ],
)
def test_slashed_citation_date(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


# A page's timestamp whose clock time runs into the body's first date (2025-8-5 17:28:148月1日至3日): the seconds
# end before the month, which opens a date of its own, as after a timestamp's day (2005-11-1511月7日).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("日期:2025-8-5 17:28:148月1日至3日,委员来访。", ["2025-8-5", "8月1日至3日"]),
        ("发布:2025-12-06 09:30:2512月5日上午,会议召开。", ["2025-12-06", "12月5日"]),
        ("比分12:30:148人", []),
    ],
)
def test_clock_time_glued_to_the_first_date(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


# A bare year before a place whose name opens with 余 or 多 (2018余杭区…年会) names the year; 2018余人 is a count.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018余杭区旅港同乡会年会在深圳举行", ["2018"]),
        ("参加活动的共2018余人", []),
    ],
)
def test_bare_year_before_a_place_opening_with_a_qualifier(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


# A bare year after a comma that follows text (a mirror's doubled comma: 报告指出,,2024) is a year; after a digit
# and a comma it is a thousands group (1,2024人).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("报告指出,,2024", ["2024"]),
        ("报告指出,2024", ["2024"]),
        ("合计1,2024", []),
    ],
)
def test_bare_year_after_a_comma_after_text(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


# The day/month/year dateline of Hong Kong and Macau pages written without leading zeros (26/2/2026, 5/3/2026) is one
# DATE like 06/03/2026; a fraction or a score before a year (1/3 2026) stays none.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("更新時間:26/2/2026 09:34", ["26/2/2026"]),
        ("5/3/2026 星期四", ["5/3/2026"]),
        ("06/03/2026", ["06/03/2026"]),
        ("31/2/2026", []),
        ("比例1/3,2026年", ["2026年"]),
    ],
)
def test_day_month_year_without_leading_zeros(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


# A chronicle gives its year on a line of its own and each month in Chinese numerals opening an entry
# (三月，…); the bare days of that month's later entries (5日，…) are dated by it as by 3月.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1985年\n三月，市政协召开常委会。\n5日，召开主席会议。", ["1985年", "三月", "5日"]),
        ("1985年\n十一月，召开常委会。十五日，召开主席会议。", ["1985年", "十一月", "十五日"]),
        ("会期一月，5日开幕", []),
    ],
)
def test_bare_day_after_a_chronicles_month_line(text: str, expected: list[str]) -> None:
    assert dates(text) == expected
