"""DATE and FIGURE kinds behind the dev misses found by the dates4 pass.

Each test names a form (a page's timestamp glued to the body's first date, a date in a link's
path, a length in Chinese numerals after a word that gives a length) with made-up text.
"""

from __future__ import annotations

import pytest

from pizhu.extract.dates import find_dates
from pizhu.extract.figures import find_figures
from pizhu.extract.normalize import normalize


def dates(text: str) -> list[str]:
    return [s.text for s in find_dates(text)]


def figures(text: str) -> list[str]:
    return [s.text for s in find_figures(text)]


# A page's timestamp (2005-11-15) run into the body's first date (11月7日至13日) by the layout:
# the two-digit day ends before a month and its 月, and the month opens a date of its own.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("时间:2005-11-1511月7日至13日,调研组来到长沙。", ["2005-11-15", "11月7日至13日"]),
        ("发布:2019/03/083月5日,会议开幕。", ["2019/03/08", "3月5日"]),
        ("时间:2021-06-306月28日上午,委员视察。", ["2021-06-30", "6月28日"]),
        ("编号2005-11-1511号文件", []),
    ],
)
def test_timestamp_glued_to_the_first_date(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


# A date that is a folder of a link's path (/2017/09/19/) dates the page's address, not the report.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("原文:http://www.example.com/content/2017/09/19/6224992.html", []),
        ("http://news.example.cn/2020/0315/c1001.html 2020年3月15日", ["2020年3月15日"]),
        ("发布时间:2017/09/19 10:30", ["2017/09/19"]),
    ],
)
def test_no_date_in_a_link_path(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


# After 为期, 历时, 长达, 连续 a number of days or weeks in Chinese numerals is a length (一 included:
# 为期一周 is one week, not the article).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("视察团启程赴甘肃进行为期六日的参观视察。", ["六日"]),
        ("课题组来湘进行了为期一周的调研。", ["一周"]),
        ("历时两周的集中培训结束。", ["两周"]),
        ("每周一上午举行例会。", []),
        ("一周一次,形成制度。", []),
    ],
)
def test_chinese_length_after_a_length_word(text: str, expected: list[str]) -> None:
    assert figures(text) == expected


# A table of terms: a range whose ends mix a year and a year with its month (1984-1986.12, 1986.12-1990),
# one DATE like 2019.10—2020.12.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("任期 | 1982-1984 1984-1986.12 1986.12-1990 |", ["1982-1984", "1984-1986.12", "1986.12-1990"]),
        ("任期:1998.7-2001.7", ["1998.7-2001.7"]),
        ("任期:2006.9―2011.8", ["2006.9―2011.8"]),
        ("2019.3-2019.10期间", ["2019.3-2019.10"]),
    ],
)
def test_year_and_year_month_range(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


# 15号上午闭幕: a day written with 号 before a time of day is a day (after its month, as a bare day is);
# 8号文件, 1号提案 stay numbers.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会议将于3月3日下午开幕,15号上午闭幕。", ["3月3日", "15号"]),
        ("3月2日召开,按8号文件要求执行。", ["3月2日"]),
        ("15号上午闭幕。", []),
    ],
)
def test_hao_day_before_time_of_day(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


# A table cell's dates set apart by a space (2016.6―2021.5 2021.5至今): the space stands between two whole
# dates, no OCR spacing inside one number (提案197 2件 still joins).
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("任期 2016.6―2021.5 2021.5至今", "2016.6―2021.5 2021.5至今"),
        ("收到提案197 2件", "收到提案1972件"),
    ],
)
def test_space_between_two_dates_stays(raw: str, expected: str) -> None:
    assert normalize(raw).text.endswith(expected)


# 两次大会发言,十三次小组讨论,一次界别联组讨论: 一 in a list of counts of the same unit is a count, not the article.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本次大会将安排两次大会发言,十三次小组讨论,一次界别联组讨论,三场记者会。", ["两次", "十三次", "一次", "三场"]),
        ("召开常委会议3次、主席会议一次。", ["3次", "一次"]),
        ("举办讲座两场、一场座谈会。", ["两场", "一场"]),
        ("开展一次调研,形成一批成果。", []),
    ],
)
def test_one_in_a_list_of_counts(text: str, expected: list[str]) -> None:
    assert figures(text) == expected


def test_a_run_of_one_stays_the_article() -> None:
    assert figures("主席团由一名主席、一名副主席及一名秘书组成。") == []


# 会董会已成功运作两届: the terms a body has run through, counted like 历经十一届.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("同乡会会董会已成功运作两届,现有360多名会员。", ["两届", "360多名"]),
        ("联谊会平稳运行三届。", ["三届"]),
        ("运行十三届二次会议的议程。", []),
    ],
)
def test_terms_run_through(text: str, expected: list[str]) -> None:
    assert figures(text) == expected
