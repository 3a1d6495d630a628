"""DATE kinds the grammar check (bench/bench_dates_grammar.py) found: forms, not their strings."""

from __future__ import annotations

import pytest

from pizhu.extract.dates import find_dates
from pizhu.extract.pipeline import rule_spans


def texts(text: str) -> list[str]:
    return [s.text for s in find_dates(text)]


@pytest.mark.parametrize("dash", ["——", "──", "—", "至"])
def test_a_day_range_written_with_hao_takes_any_range_mark(dash: str) -> None:
    text = f"会议于3月5号{dash}8号在市会议中心召开"
    assert texts(text) == [f"3月5号{dash}8号"]


@pytest.mark.parametrize(
    "date",
    ["元月五日", "元月二十一日", "元月廿五日", "二〇二三年元月五日", "元月三十一日"],
)
def test_yuanyue_takes_a_day_in_chinese_numerals(date: str) -> None:
    assert texts(f"会议于{date}在市会议中心召开") == [date]


@pytest.mark.parametrize("cue", ["从", "自", "于"])
@pytest.mark.parametrize("date", ["1949.10", "2019.10"])
def test_a_dotted_year_month_before_qi_after_from_is_a_date(cue: str, date: str) -> None:
    assert texts(f"{cue}{date}起，各专委会开展专题调研") == [date]


def test_a_count_of_qi_after_a_decimal_stays_no_date() -> None:
    assert texts("共发生安全事故2019.10起") == []


@pytest.mark.parametrize("level", ["省", "市", "县", "区"])
@pytest.mark.parametrize("year", ["2019", "2024"])
def test_a_year_before_a_levels_two_sessions_is_a_date_not_a_count(level: str, year: str) -> None:
    spans = [(s.label, s.text) for s in rule_spans(f"{year}{level}两会，委员们踊跃建言")]
    assert ("DATE", year) in spans
    assert not any(label == "FIGURE" for label, _ in spans)


def test_a_count_of_provinces_stays_a_figure() -> None:
    spans = [(s.label, s.text) for s in rule_spans("覆盖全国31省的委员")]
    assert ("FIGURE", "31省") in spans


@pytest.mark.parametrize("cue", ["从", "自"])
def test_a_dotted_year_month_before_qi_is_no_count_of_cases(cue: str) -> None:
    spans = [(s.label, s.text) for s in rule_spans(f"{cue}2019.10起，各专委会开展专题调研")]
    assert spans == [("DATE", "2019.10")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2019—2020年286名委员参加", "2019—2020年"),
        ("2018-2022年5年间共立案", "2018-2022年"),
        ("2023～2024年度3次视察", "2023～2024年度"),
    ],
)
def test_a_year_range_keeps_its_nian_before_a_count_glued_to_it(text: str, date: str) -> None:
    assert texts(text)[0] == date


@pytest.mark.parametrize("dash", ["—", "-", "～", "——", "至"])
@pytest.mark.parametrize("year", ["二〇二三年", "2023年"])
def test_a_range_of_chinese_months_takes_any_range_mark(year: str, dash: str) -> None:
    assert texts(f"{year}三月{dash}五月，委员们深入基层调研") == [f"{year}三月{dash}五月"]
