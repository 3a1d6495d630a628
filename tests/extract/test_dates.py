"""DATE finder: absolute dates only, with exact spans."""

from __future__ import annotations

import pytest

from pizhu.extract.dates import find_dates


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Year ranges with every separator reports use, with or without 年 on the first year.
        ("1949—2019年", ["1949—2019年"]),
        ("1980–1990年", ["1980–1990年"]),
        ("规划(2010～2020年)", ["2010～2020年"]),
        ("2010〜2020年", ["2010〜2020年"]),
        ("2010－2020年", ["2010－2020年"]),
        ("2010至2020年", ["2010至2020年"]),
        ("2018年至2022年,", ["2018年至2022年"]),
        ("1998年-2002年", ["1998年-2002年"]),
        ("《图说陈仓(1949—2019)》", ["1949—2019"]),
        # Month and day ranges: one DATE; the first day may leave out its 日.
        ("2019年9月至12月", ["2019年9月至12月"]),
        ("2019年9月—2020年1月", ["2019年9月—2020年1月"]),
        ("10月—12月", ["10月—12月"]),
        ("1~6月", ["1~6月"]),
        ("1955年5月20—22日在原县委", ["1955年5月20—22日"]),
        ("于1998年2月24~28日召开", ["1998年2月24~28日"]),
        ("2019年10月28-29日,全国政协", ["2019年10月28-29日"]),
        ("2月27—28日", ["2月27—28日"]),
        ("2024年3月4日至11日全国两会", ["2024年3月4日至11日"]),
        # A range split over a line is still one DATE; the span holds the line break.
        ("2021年4月6日至\n9日,调研组", ["2021年4月6日至\n9日"]),
        ("2019年9月\n—2020年1月", ["2019年9月\n—2020年1月"]),
        # A bare day after the month was given, also in an ISO dateline; a bare day range.
        ("2026-03-03全国两会明天（4日）起", ["2026-03-03", "4日"]),
        ("3月2日出发,6—8日在外地", ["3月2日", "6—8日"]),
        # 月份, 元月.
        ("1-6月份,全市", ["1-6月份"]),
        ("决定自元月1日起施行", ["元月1日"]),
        # Decades (extract/data/RULINGS.md).
        ("上世纪80年代初", ["上世纪80年代"]),
        ("20世纪90年代", ["20世纪90年代"]),
        ("上世纪八九十年代", ["上世纪八九十年代"]),
        ("八十年代以来", ["八十年代"]),
        ("1980年代", ["1980年代"]),
        # The calendar: 2月29日 only in a leap year; 13月 is no month.
        ("2000年2月29日", ["2000年2月29日"]),
        ("2023年13月", ["2023年"]),
        ("二○一九年十二月", ["二○一九年十二月"]),
        ("始建于1644年", ["1644年"]),
        # A Ming reign year is a DATE like a Qing one (RULINGS, wenshi1); the dynasty stays outside.
        ("明洪武二年(1369年)", ["洪武二年", "1369年"]),
        # Every dash typesetting uses marks a range: ― (U+2015), ‒ (U+2012), ── (box drawing).
        ("他1949―2019年一直生活在这里", ["1949―2019年"]),
        ("文集收录1978‒2018年的文章", ["1978‒2018年"]),
        ("（1921──2021）", ["1921──2021"]),
        # A bare day after a month written in Chinese numerals; a month with 份 in Chinese.
        ("二〇二三年三月，县政协召开常委会，6日听取报告", ["二〇二三年三月", "6日"]),
        ("三月份，委员们视察了学校", ["三月份"]),
        ("十二月份召开全会", ["十二月份"]),
        # Two values sharing one unit are one DATE, like a range (extract/data/RULINGS.md).
        ("2023年3月14、15日，委员们分两组视察", ["2023年3月14、15日"]),
        ("7、8月份，委员们开展调研", ["7、8月份"]),
        ("上世纪80、90年代，这里是工业重镇", ["上世纪80、90年代"]),
        # A PDF line break inside a date (running text): one DATE holding the break.
        ("县政协组织部分委员和机关干部于1998年6月\n18日至20日赴省城学习", ["1998年6月\n18日至20日"]),
        ("县政协组织部分委员和机关干部于2019年1\n2月赴省城学习", ["2019年1\n2月"]),
        # Days in Chinese numerals: ranges, and a bare day after its month (同月十五日).
        ("一九五六年五月二十日至二十五日召开会议", ["一九五六年五月二十日至二十五日"]),
        ("五月二十日至二十五日召开会议", ["五月二十日至二十五日"]),
        ("县政协于一九八一年三月成立，同月十五日召开首次会议", ["一九八一年三月", "十五日"]),
        ("1956年5月，县政协成立；二十日召开首届一次会议", ["1956年5月", "二十日"]),
        ("一九八〇—一九八四年", ["一九八〇—一九八四年"]),
        # Decades and years in a range or a pair; year and month with a point.
        ("1980年代至1990年代", ["1980年代至1990年代"]),
        ("2022、2023年连续两年", ["2022、2023年"]),
        ("1949.10", ["1949.10"]),
        ("2019.10—2020.12在外地挂职", ["2019.10—2020.12"]),
        # A year before a time word; the news form 昨(24日); 本月 after a month was given.
        ("2024元宵节将至", ["2024"]),
        ("民众建澳联盟于昨(24日)在公园举办活动", ["24日"]),
        ("今年3月，县政协组织视察，本月6日结束", ["3月", "6日"]),
        # Chinese decades in a pair, decades in a range; OCR's 一 for a dash between two years.
        ("上世纪五、六十年代，这里是工业重镇", ["上世纪五、六十年代"]),
        ("上世纪50～60年代", ["上世纪50～60年代"]),
        ("1949一2019年", ["1949一2019年"]),
        ("1995∼2005年", ["1995∼2005年"]),
        # A month in Chinese numerals after a year: named by a word, or an Arabic year.
        ("同年十月，召开一届二次会议，12日闭幕", ["十月", "12日"]),
        ("1956年三月", ["1956年三月"]),
        # A Chinese year typed with 0 or O for its zero; with an Arabic month.
        ("二0一九年三月", ["二0一九年三月"]),
        ("一九九O年", ["一九九O年"]),
        ("二0二0年12月至二0二一年1月", ["二0二0年12月至二0二一年1月"]),
        # 廿/卅 days; the news form after 今日/昨天.
        ("今年3月，本月廿五日", ["3月", "廿五日"]),
        ("今日（4日）在北京举行", ["4日"]),
        ("香港代表团昨天(3日)出发", ["3日"]),
        ("会议将于本周三（4日）开幕", ["4日"]),
        # A bare year before a place word or a body is still a year.
        ("【2019国庆】阅兵", ["2019"]),
        ("2023省两会特别报道", ["2023"]),
    ],
)
def test_date_grammar(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2月30日",  # no such day
        "2023年2月29日",
        "每月15日前报送",
        "30日内办结",
        "2000-3000人参加",  # a range of counts
        "上世纪",  # relative on its own
        "列为年度1号提案,落实8号文件",  # 号 without a month: a number
        "有1300年历史",  # before 1800 a year needs its month or a cue (于, 公元, a bracket)
        "十年代",
        "一日之计在于晨",  # 一日 alone is "one day"
        "每年3月召开全会",  # a month that recurs
        "联系电话：0571-1988",  # the tail of a telephone number
        "十月革命",
        "海拔2000米",  # a bare number before a unit is a count
        "海拔1800-2000米",
        "每月十五日前报送",
        "增长2019.5万元",  # a decimal amount
        "2000人参加",
    ],
)
def test_not_date_grammar(text: str) -> None:
    assert texts(text) == []


def test_a_blank_line_ends_a_range() -> None:
    assert texts("2019年10月28日至\n\n29日") == ["2019年10月28日", "29日"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A page's dateline: the year on one line, month/day on the next (two digits each).
        ("头条新闻\n\n2026\n\n02/18\n\n10:16", ["2026", "02/18"]),
        # The news form 今(26)日: the day in brackets after 今/昨/明.
        ("行政长官今(26)日上午会见", ["26"]),
        ("2026-03-03全国两会明天（4日）起", ["2026-03-03", "4日"]),
    ],
)
def test_datelines(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize("text", ["1/3的委员", "02/30", "第01/02期", "2/18"])
def test_not_datelines(text: str) -> None:
    assert texts(text) == []


# A month in Chinese numerals alone, in a dated chronicle (corpus 096, tests/data/corpus/RULINGS.md).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1月30日 召开协作会议。3月中旬 第6辑出版。按一月召开的会议精神,", ["1月30日", "3月", "一月"]),
        ("1985年3月,县政协于十月召开常委会议。", ["1985年3月", "十月"]),
    ],
)
def test_a_chinese_month_alone_after_months_were_given(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "按一月召开的会议精神",  # no month given before: 一月 may be "one month"
        "1月30日开会。培训为期一月,",  # a length
        "1月30日开会。每一月召开一次",
        "1月30日开会。用了一月时间",
    ],
)
def test_a_chinese_month_alone_needs_months_and_a_date_context(text: str) -> None:
    assert [t for t in texts(text) if "一月" in t] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县政协一、二月份共走访委员58人。", ["一、二月份"]),  # two months sharing 份, like 7、8月份
        ("县政协十一、十二月份组织委员分组视察。", ["十一、十二月份"]),
        ("委员在三、五月份两次视察。", ["五月份"]),  # not neighbours: the first is no month of the pair
        ("一、二月份工作安排", ["二月份"]),  # a heading's list number, then the month
    ],
)
def test_chinese_months_sharing_fen(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2003年元月,县政协召开常委会议。", ["2003年元月"]),
        ("2003年元月15日召开。", ["2003年元月15日"]),
        ("二〇〇三年元月,召开全会。", ["二〇〇三年元月"]),
    ],
)
def test_yuanyue_after_its_year_is_one_date(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


# Issue 21, the DATE forms of Hong Kong and Macau papers and of annals (rulings in
# tests/data/corpus/RULINGS.md, "Added with the texts 099–118").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day dated by a month word (本月, 上月, 同月): the day is the DATE, the word relative.
        ("澳门环保建筑协会本月廿五日晚举行新春团拜", ["廿五日"]),
        ("出席本月三日开幕的政协会议。", ["三日"]),
        ("上月20日,县政协召开常委会议", ["20日"]),
        ("该会于上月二十三日举行会员大会", ["二十三日"]),
        ("同月十五日召开主席会议", ["十五日"]),
        # A range whose first day leaves its 日 to the second; a later bare day in the same month.
        ("行政长官亦会在本月三至六日访京", ["三至六日"]),
        ("会议于本月十至十三日举行。十三日上午,举行换届选举", ["十至十三日", "十三日"]),
        ("政协会议在本月上旬召开,于12日闭幕,13日上午举行记者会。", ["12日", "13日"]),
        # Years in Chinese numerals (〇, ○, 零), also bare in an activity's name.
        ("对二○二一年优秀提案予以通报表彰", ["二○二一年"]),
        ("一九八五年十月,县政协恢复活动", ["一九八五年十月"]),
        ("二零二三年十二月", ["二零二三年十二月"]),
        ("响应“二零二三全民清洁迎新岁”活动", ["二零二三"]),
        # The Republic's era: its name belongs to the year; 公元 stays outside.
        ("民国三十八年九月,政协成立", ["民国三十八年九月"]),
        ("民国38年", ["民国38年"]),  # (normalization has turned 民國 into 民国)
        ("民国七十二年六月", ["民国七十二年六月"]),
        ("民国一百一十二年", ["民国一百一十二年"]),
        ("公元1949年10月1日", ["1949年10月1日"]),
        # The day/month/year dateline of Hong Kong pages.
        ("政协委员今（五）日出席活动", ["五"]),  # like 今(26)日
        ("代表团昨天（二十四日）抵京", ["二十四日"]),
        ("06/03/2026 09:34", ["06/03/2026"]),
        ("06/03/2026 09:34\n\n《经济通通讯社驻京记者黄燕明6日北京专电》", ["06/03/2026", "6日"]),
        # 旬, 上半年 and 季度 stay outside; relative words give nothing.
        ("政协会议于9月下旬至10月中旬分片举行", ["9月", "10月"]),
        ("2023年上半年,县政协共收到提案", ["2023年"]),
        ("2023年第三季度,委员视察", ["2023年"]),
        ("去年12月底乔迁至新址", ["12月"]),
        ("2022—2023年度优秀提案", ["2022—2023年度"]),
        # A deadline: 前/后 stay outside a date with its month, like 以来.
        ("要求于9月30日前完成", ["9月30日"]),
        ("2023年3月5日后报送的提案", ["2023年3月5日"]),
        # The Gregorian date beside a date of the traditional calendar.
        ("定于2月24日(农历正月十五)傍晚六时半举办", ["2月24日"]),
        ("工联于农历春节大年初八(2月17日)举行活动", ["2月17日"]),
        # Ranges of every dash, and across a PDF line break.
        ("2018年3月 – 2023年3月, 主席", ["2018年3月 – 2023年3月"]),
        ("1949年11月~1955年2月,协商委员会时期", ["1949年11月~1955年2月"]),
        # A short line the layout ended inside a date: 上世纪⏎80年代, a day⏎日.
        ("创办于上世纪\n80年代", ["上世纪\n80年代"]),
        ("会议于2021年4月6\n日至9日举行", ["2021年4月6\n日至9日"]),
        ("4月\n6日 召开常委会议", ["4月", "6日"]),  # a chronicle's month heading, then its entry
        (
            "建主席和常委例会制度,成立学习委员会、文史资料研究委员会。1984年5月3~8\n日,召开政协第六届委员会。",
            ["1984年5月3~8\n日"],
        ),
    ],
)
def test_dates_of_papers_and_annals(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "正月是农历的元月,正月十五日是一年中第一个月圆之夜",
        "马有恒会长甲辰年春茗联欢",
        "春节前夕,县政协走访慰问困难委员",
        "今年上半年,县政协共收到提案",
        "第一季度召开常委会议,一季度共收到提案12件",
        "上午9:00召集人会议,13:30-14:30会议报到",
        "三日后再议",  # no month word before the day
        "共二零二三人",  # a count, not a year
        "31/02/2026",  # no such day
    ],
)
def test_not_dates_of_papers_and_annals(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A point after a sign or CJK text ends a sentence; only after a digit is it a decimal point.
        ("办复率达100%.2004年,共征集到提案68件", ["2004年"]),
        ("全部办复。2003年共征集提案", ["2003年"]),
        # A Latin word (not a code) run into a year range: a copyright line.
        ("Copyright2011-2017 All Rights Reserved", ["2011-2017"]),
        # A dateline's 一日 where the page gave the month above it.
        ("2015-02-02 00:00\n\n【本报记者广州一日电】广州市政协", ["2015-02-02", "一日"]),
        ("2015-02-02\n会期一日,共收到提案", ["2015-02-02"]),  # 一日 as one day
    ],
)
def test_years_after_a_full_stop_or_a_word_and_a_datelines_first_day(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "增长了3.2019个百分点",  # a decimal
        "编号A2019-2020",  # a code's letter
        "渝B2-20170014",  # a licence number
    ],
)
def test_decimals_codes_and_one_day_stay_no_dates(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A page's timestamp whose clock time the layout glued on: the date stands, the time stays out.
        ("为「特邀澳门人士」政协。2023-01-1811:40:26", ["2023-01-18"]),
        ("发布时间:2022-03-01 16:16:02", ["2022-03-01"]),
    ],
)
def test_iso_date_glued_to_its_clock_time(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_iso_date_before_more_digits_is_no_date() -> None:
    assert texts("编号2023-01-18112") == []
