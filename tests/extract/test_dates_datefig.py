"""Issue 21, round datefig: kinds of DATE the rules missed on pages they had not seen.

Sentences written for the test."""

from __future__ import annotations

from pizhu.extract.dates import find_dates


def dates(text: str) -> list[str]:
    return [s.text for s in find_dates(text)]


def test_a_date_glued_after_a_clock_time_opens_a_date_of_its_own() -> None:
    # A page's timestamp ends its line with hours and minutes; normalization joins the next line's date to it.
    assert "4月26日" in dates("发布时间:2024-03-05 09:154月26日上午,县政协召开常委会议。")


def test_a_date_glued_after_a_page_counter_opens_a_date_of_its_own() -> None:
    assert dates("编辑:某某 浏览量:31811月3日,市政协主席一行赴某县调研。") == ["11月3日"]
    assert dates("阅读:5612月8日下午,区政协召开主席会议。") == ["12月8日"]


def test_a_date_glued_after_a_spam_code_reads_the_month_the_code_left() -> None:
    assert dates("而是靠政治影响力xQ724月5日,全国政协新闻发布会举行。") == ["4月5日"]


def test_a_number_glued_to_a_month_without_such_a_cue_stays_refused() -> None:
    assert dates("共收到提案1052月3日前交办。") == []


def test_a_compact_date_glued_after_a_programme_name_on_its_own_line() -> None:
    assert dates("更多>>\n\n某某新闻20241218\n\n某某新闻20241217\n") == ["20241218", "20241217"]


def test_a_compact_number_after_an_identifier_label_is_no_date() -> None:
    assert dates("文件编号20231205\n") == []
    assert dates("某某新闻20241318\n") == []  # no month 13


def test_a_day_written_without_its_ri_before_a_preposition_or_a_time_of_day() -> None:
    assert dates("政协第十届委员会第一次会议于9月7在市党政综合楼开幕。") == ["9月7"]
    assert dates("本办法自3月1起施行。") == ["3月1"]
    assert dates("会议于12月26至29日在市区召开。") == ["12月26至29日"]


def test_days_in_chinese_numerals_after_a_word_of_length_are_a_length() -> None:
    assert dates("3月2日,代表团抵达福州,一连四日考察访问福州及武夷山。") == ["3月2日"]
    assert dates("3月2日抵达,为期三日。") == ["3月2日"]


def test_a_yearbooks_volume_heading_names_its_year() -> None:
    assert dates("某某年鉴\n2019卷\n\n【概况】全年召开常委会议4次。") == ["2019"]


def test_a_timestamp_glued_before_a_month_still_leaves_it_a_month() -> None:
    assert dates("发布时间:2021-03-043月2日,区政协召开主席会议。") == ["2021-03-04", "3月2日"]
    assert dates("2025-8-5 17:28:14\n\n8月1日至3日,香港某联会会长一行来访。")[-1] == "8月1日至3日"


def test_the_day_before_yesterday_with_its_day_in_brackets() -> None:
    # RULINGS: `前(16)日` is a DATE `16` as `今(26)日` and `昨(21)日` are.
    assert dates("3月14日电 某同乡会前(16)日下午举行传达会。")[-1] == "16"


def test_a_word_of_length_in_traditional_script_makes_days_a_length() -> None:
    assert dates("3月2日抵達。\n\n一連四日考察訪問福州及武夷山\n") == ["3月2日"]
    assert dates("3月2日抵達,為期三日。") == ["3月2日"]


def test_a_telephone_number_closing_its_line_is_no_compact_date() -> None:
    assert dates("联系电话20831205\n") == []
    assert dates("传真20230512\n") == []
