"""DATE finder: absolute dates only, with exact spans."""

from __future__ import annotations

import pytest

from extract.dates import find_dates


def texts(text: str) -> list[str]:
    spans = find_dates(text)
    for s in spans:
        assert text[s.start : s.end] == s.text
        assert s.label == "DATE"
    return [s.text for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年2月27日", ["2024年2月27日"]),
        ("回望2022年,灵武市政协", ["2022年"]),
        ("1月11日召开", ["1月11日"]),
        ("实施方案(2023-2025年)》", ["2023-2025年"]),
        ("2023—2025年规划", ["2023—2025年"]),
        ("政协大洼区委员会2023年度工作综述", ["2023年度"]),
        ("全面梳理1991年以来大洼政协30多年的发展历程", ["1991年"]),
        ("2022年换届以来", ["2022年"]),
        ("《鹿城年鉴2020》", ["2020"]),
        ("截至7月,共收到", ["7月"]),
        ("2020-11-06 1 1沧州日报", ["2020-11-06"]),
        ("2020年11月06日", ["2020年11月06日"]),
        ("日期:2019-01-16 05:08", ["2019-01-16"]),
        ("二〇二三年十月一日", ["二〇二三年十月一日"]),
        ("二〇二三年", ["二〇二三年"]),
        ("3月20日，记者从全会获悉", ["3月20日"]),
        ("回望2024:初心如磐", ["2024"]),
        ("2018年是营商环境优化年", ["2018年"]),
        ("2024年12月", ["2024年12月"]),
        ("今年1-6月,全市", ["1-6月"]),
        ("2023年1—6月", ["2023年1—6月"]),
    ],
)
def test_dates(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "今年是人民政协成立75周年",
        "一年来,近年来,全年",
        "庆“七一”等活动",
        "学雷锋迎“三八”",
        "春节送温暖",
        "坚持每周一集中学习",
        "上午9时开会",
        "30多年的发展历程",
        "七十五载春秋",
        "2160多名政协委员",
        "2000人参加",
        "用时3个月",
        "省政协“1453”履职总要求",
        "第12月刊",
        "code A2020 and 12023",
    ],
)
def test_not_dates(text: str) -> None:
    assert texts(text) == []


def test_rules_and_confidence() -> None:
    full, bare = find_dates("2024年2月27日出版的鹿城年鉴2020")
    assert full.rule == "date.year_month_day"
    assert bare.rule == "date.bare_year"
    assert bare.confidence < full.confidence
