"""DATE probe (issue 21): date forms generated from GUIDELINES v1.1 and the corpus rulings.

Each case is a raw sentence prepared as ``pizhu import`` prepares it (normalization: t2s,
full-width digits, OCR spaces) and run through the rules (``model=False``); the DATE spans
must be the ones the guidelines call for. Forms are combined: year forms × month × day,
range connectors, and the context around a date (截至/于/从/自 before it, 以来/前/后/期间/起
after it, in 《》 or brackets, Traditional script, full-width digits, spaces inside). The
negatives are those the guidelines and rulings list: relative dates, festivals, weekdays,
clock times, durations, sessions, document serials, telephone and ID numbers, counts.
"""

from __future__ import annotations

import itertools

import pytest

from pizhu.extract.document import prepare
from pizhu.extract.pipeline import extract_spans


def dates(raw: str) -> list[str]:
    found = []
    for draft in prepare(raw):
        for s in extract_spans(draft.text, model=False):
            assert draft.text[s.start : s.end] == s.text
            if s.label == "DATE":
                found.append(s.text)
    return found


def as_read(written: str) -> str:
    """A date as normalization gives it (a full-width dash between digits reads as ASCII)."""
    return "".join(draft.text for draft in prepare(written))


# year as written → as normalized text holds it (full-width digits become ASCII)
YEARS = {
    "2023年": "2023年",
    "２０２３年": "2023年",
    "1998年": "1998年",
    "二〇二三年": "二〇二三年",
    "二○二三年": "二○二三年",
    "二零二三年": "二零二三年",
    "一九九八年": "一九九八年",
}
ARABIC_MONTHS = ("5月", "05月", "12月")
ARABIC_DAYS = ("", "3日", "12日", "12号")
CN_MONTHS = ("五月", "十二月")
CN_DAYS = ("", "三日", "十二日", "二十一日")


def _points() -> list[tuple[str, str]]:
    points = []
    for raw_year, year in YEARS.items():
        arabic = raw_year[0] in "12２"
        pairs = itertools.product(ARABIC_MONTHS, ARABIC_DAYS) if arabic else itertools.product(CN_MONTHS, CN_DAYS)
        points += [(raw_year + m + d, year + m + d) for m, d in pairs]
        points.append((raw_year, year))
    return points


# (before, after): the date stands between them, outside its span.
CONTEXTS = (
    ("会议于", "召开"),
    ("截至", "，共收到提案"),
    ("从", "起施行"),
    ("自", "以来"),
    ("须在", "前完成"),
    ("", "后，"),
    ("会议", "期间"),
    ("（", "）"),
    ("《", "工作要点》"),
    ("會議於", "舉行"),
)


@pytest.mark.parametrize(("raw", "span"), _points())
@pytest.mark.parametrize(("before", "after"), CONTEXTS)
def test_a_point_in_context(raw: str, span: str, before: str, after: str) -> None:
    assert dates(before + raw + after) == [span]


SEPARATORS = ("至", "到", "—", "–", "－", "-", "~", "～", "——", "﹣")
RANGES = (
    ("2021年4月6日", "9日"),
    ("2021年4月6日", "5月9日"),
    ("2019年9月", "12月"),
    ("2019年9月", "2020年1月"),
    ("2023年1月", "6月"),
    ("1980年", "1990年"),
    ("1949", "2019年"),
    ("1998", "2003年"),
    ("1月", "6月"),
    ("2月24日", "28日"),
    ("2月24", "28日"),
    ("1955年5月20", "22日"),
    ("二〇二一年四月六日", "九日"),
    ("二〇二一年四月六", "九日"),
    ("二〇二二年", "二〇二三年"),
    ("一九四九", "一九五六年"),
    ("四月六", "九日"),
    ("一", "六月份"),
)


@pytest.mark.parametrize("sep", SEPARATORS)
@pytest.mark.parametrize(("first", "second"), RANGES)
def test_a_range_is_one_date(first: str, second: str, sep: str) -> None:
    """A range of two points, or the first point's unit left out, is one DATE whatever the connector."""
    assert dates(f"会议于{first}{sep}{second}举行") == [as_read(f"{first}{sep}{second}")]


@pytest.mark.parametrize("after", ("间", "期间", "以来", "，"))
def test_a_year_range_before_a_time_word(after: str) -> None:
    """1998~2003年间: 间 after a year's 年 is the time between, not a measure word."""
    assert dates(f"在1998~2003年{after}共召开") == ["1998~2003年"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023年3月14、15日召开", ["2023年3月14、15日"]),
        ("7、8月份", ["7、8月份"]),
        ("上世纪80、90年代", ["上世纪80、90年代"]),
        ("2003年5、6月间", ["2003年5、6月"]),
        ("2003年5、6月份", ["2003年5、6月份"]),
        ("二〇二三年五、六月", ["二〇二三年五、六月"]),
        ("二〇〇三、二〇〇四年", ["二〇〇三、二〇〇四年"]),
        ("2023年5月、6月", ["2023年5月", "6月"]),
        ("3月12日、13日", ["3月12日", "13日"]),
        ("2019年、2020年连续两年", ["2019年", "2020年"]),
    ],
)
def test_neighbours_sharing_a_unit(raw: str, expected: list[str]) -> None:
    """Two neighbours sharing their unit (、) are one DATE; two whole dates are two."""
    assert dates(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("２０２３－０５－１２", ["2023-05-12"]),
        ("２０２３／０５／１２", ["2023/05/12"]),
        ("2023.5.12召开", ["2023.5.12"]),
        ("2023/5/12召开", ["2023/5/12"]),
        ("2023-05-12 10:30", ["2023-05-12"]),
        ("06/03/2026 09:34", ["06/03/2026"]),
        ("1956.3—1966.5", ["1956.3—1966.5"]),
        ("会议于 2023 年 5 月 12 日 召开", ["2023年5月12日"]),
        ("于２０２３年　５月　１２日召开", ["2023年5月12日"]),
        ("澳門日報 2023年5月12日訊", ["2023年5月12日"]),
        ("2023年5月12日（星期五）", ["2023年5月12日"]),
        ("本报北京3月3日电", ["3月3日"]),
        ("今(26)日", ["26"]),
        ("明天（4日）", ["4日"]),
    ],
)
def test_written_forms(raw: str, expected: list[str]) -> None:
    assert dates(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023年上半年", ["2023年"]),
        ("2023年下半年", ["2023年"]),
        ("2023年第三季度", ["2023年"]),
        ("2023年初", ["2023年"]),
        ("2023年底", ["2023年"]),
        ("2023年末", ["2023年"]),
        ("2023年5月初", ["2023年5月"]),
        ("2023年5月底", ["2023年5月"]),
        ("9月下旬至10月中旬", ["9月", "10月"]),
        ("2023年度", ["2023年度"]),
        ("2022—2023年度", ["2022—2023年度"]),
        ("3月份", ["3月份"]),
        ("十月份", ["十月份"]),
        ("上世纪80年代", ["上世纪80年代"]),
        ("上世纪五十年代", ["上世纪五十年代"]),
        ("二十世纪九十年代", ["二十世纪九十年代"]),
        ("上世纪50～60年代", ["上世纪50～60年代"]),
        ("公元1949年10月1日", ["1949年10月1日"]),
        ("民国三十八年九月", ["民国三十八年九月"]),
        ("2月24日(农历正月十五)", ["2月24日"]),
        ("2022年至今", ["2022年"]),
        ("同年十月", ["十月"]),
        ("今年5月12日", ["5月12日"]),
        ("本月12日", ["12日"]),
        ("〔2023〕5号文件", ["2023"]),
        ("徽发[1980]8号", ["1980"]),
    ],
)
def test_what_stays_outside(raw: str, expected: list[str]) -> None:
    """旬, 半年, 季度, 初/底/末, 公元, 至今, the relative word before a month and a document's serial
    stay outside the DATE; 年度, 份 and 民国 are inside."""
    assert dates(f"在{raw}，") == expected


@pytest.mark.parametrize(
    "month",
    ("一月", "三月", "十月", "十一月", "十二月"),
)
def test_a_chronicle_month_at_a_line_start(month: str) -> None:
    """A 大事记 gives the year as a heading, then a line per month: the month opening its line
    before a comma is a DATE (RULINGS: a month in Chinese numerals where it names when)."""
    text = f"1985年\n\n{month}，市政协召开常委会议。\n\n1986年\n\n{month}、市政协举行全体会议。"
    assert dates(text) == ["1985年", month, "1986年", month]


def test_a_chronicle_month_needs_its_year() -> None:
    """Without a year before it, a line opening with 一月 is not dated."""
    assert dates("十月，市政协召开常委会议。") == []


NEGATIVES = (
    "今年",
    "去年",
    "近年来",
    "三年来",
    "一年来",
    "五年来",
    "近两年",
    "两年多来",
    "全年",
    "上半年",
    "第一季度",
    "年底",
    "月底",
    "七一",
    "三八",
    "春节",
    "国庆节",
    "“一二·九”运动",
    "九一八事变",
    "十月革命",
    "“5·12”汶川地震",
    "每周一",
    "星期三",
    "每年3月",
    "上午9时",
    "19:30",
    "5年",
    "30多年",
    "任期5年",
    "75周年",
    "12个月",
    "30日内",
    "15日前报送",
    "有1300年历史",
    "第十三届",
    "十三届三次会议",
    "1号提案",
    "第2019号",
    "2023人",
    "共2023名",
    "2001件",
    "1990余人",
    "达2020万元",
    "电话：0571-88881234",
    "身份证330102198001011234",
    "80后青年委员",
    "21世纪",
    "为期一月",
    "于12日召开",
)


@pytest.mark.parametrize("raw", NEGATIVES)
def test_not_a_date(raw: str) -> None:
    assert dates(f"会议，{raw}，") == []


def test_a_date_after_a_link_its_line_break_was_joined_to() -> None:
    """A page's link line joined to the next paragraph leaves the date glued to ``.html``: a Latin
    letter before a month is no code there (A2020 stays one for a bare year)."""
    raw = "政协要闻速览\n2022/8/8 来源:不详 http://m.39.net/pf/a_4328250.html\n4月11日至15日,全国政协副主席率调研组赴江苏省开展专题调研。"
    assert dates(raw) == ["2022/8/8", "4月11日至15日"]


PDF_DATES = (
    "1986年3月3~7日",
    "2021年4月6日至9日",
    "1998年6月18日",
    "2023年12月",
    "二〇二三年十月一日",
    "5月3—8日",
    "1983年至1985年",
)
FILLER = "县政协各专门委员会围绕全县中心工作开展调查研究并提出建议意见和工作报告"


def _pdf_page(date: str, cut: int) -> str:
    """A page of 40-character lines (a PDF's text layer) whose second line ends ``cut`` characters
    into ``date``."""
    head = FILLER[:40] + "\n" + FILLER[: 40 - cut] + date[:cut]
    tail = date[cut:] + "召开全体会议," + FILLER * 2
    return head + "\n" + "\n".join(tail[i : i + 40] for i in range(0, len(tail), 40))


@pytest.mark.parametrize(("date", "cut"), [(d, k) for d in PDF_DATES for k in range(1, len(d))])
def test_a_date_a_pdf_line_break_cut_is_one_span(date: str, cut: int) -> None:
    """Wherever a PDF line break cuts a date, the date is one DATE across it (normalization may
    rejoin the lines, or the span holds the break)."""
    found = [d.replace("\n", "") for d in dates(_pdf_page(date, cut))]
    assert date in found


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("在2023/24年度财政预算中", ["2023/24年度"]),
        ("2023-24年度施政报告", ["2023-24年度"]),
        ("在2023/2024年度", ["2023/2024年度"]),
        ("2023/24学年", ["2023/24"]),
        ("2023－24財政年度", ["2023-24"]),
        ("2019/20年度", ["2019/20年度"]),
        ("1999/2000年度", ["1999/2000年度"]),
    ],
)
def test_a_fiscal_or_school_year(raw: str, expected: list[str]) -> None:
    """Hong Kong and Macau write a fiscal or school year as two consecutive years, the second often
    in two digits (2023/24年度): one DATE, like the year range 2023-2025年."""
    assert dates(raw) == expected


@pytest.mark.parametrize("raw", ["2023/25年度", "2023/2025年度", "共2023/24人", "比分2023/24", "第2023/24号"])
def test_not_a_fiscal_year(raw: str) -> None:
    """Not consecutive, or a count or serial: no fiscal year (2023/2025年度 keeps its 2025年度)."""
    assert all("/" not in d for d in dates(raw))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("98年6月18日抗洪", ["98年6月18日"]),
        ("自03年5月起", ["03年5月"]),
        ("九八年六月", ["九八年六月"]),
    ],
)
def test_a_two_digit_year_with_its_month(raw: str, expected: list[str]) -> None:
    """A year written in two digits is a calendar year where its month follows (98年6月);
    alone it stays ambiguous with a duration (工作了15年) and is no DATE."""
    assert dates(raw) == expected


@pytest.mark.parametrize("raw", ["工作了15年3个月", "98年", "任期5年6个月", "历时10年", "15年6月余"])
def test_a_two_digit_number_of_years_is_not_a_date(raw: str) -> None:
    assert dates(raw) == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1985年1月召开常委会。三月,召开全委会。", ["1985年1月", "三月"]),
        ("1985年召开常委会;十月,召开全委会。", ["1985年", "十月"]),
        ("1985年1月召开常委会。三、四月间,开展视察。", ["1985年1月", "三、四月"]),
        ("1985年\n三月\n召开全委会。", ["1985年", "三月"]),
        ("1985年\n三月\u3000召开全委会。", ["1985年", "三月"]),
    ],
)
def test_a_chronicle_month_after_a_sentence(raw: str, expected: list[str]) -> None:
    """A chronicle written as a paragraph opens its months after a full stop as a list opens them
    on a line: the month before a comma, a space or a line break, or two neighbouring months with 间."""
    assert dates(raw) == expected


@pytest.mark.parametrize(
    "raw", ["阅读次数:2019", "浏览:1998", "点击量 2021", "访问量:2023", "字数:2019", "编号:2019", "ID:2021", "合计2020"]
)
def test_a_counter_or_code_is_not_a_year(raw: str) -> None:
    """A bare number after the label of a count or a code (page counters, word counts, serials) is
    that count, not a calendar year."""
    assert dates(f"政协要闻\n发布时间:2019-03-05 {raw}\n正文") == ["2019-03-05"]


@pytest.mark.parametrize("raw", ["《鹿城年鉴2020》", "【2019全国两会】", "中国城市发展指数2019", "Copyright © 2026"])
def test_a_bare_year_that_names_a_year(raw: str) -> None:
    assert len(dates(raw)) == 1


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("一图丨全国政协的存在感\n\n04.03.2015  18:05\n\n全国政协十二届三次会议开幕", ["04.03.2015"]),
        ("发布:06-03-2026 09:34", ["06-03-2026"]),
        ("版本1.2.2015", []),
        ("04.13.2015", []),
        ("31.02.2015", []),
    ],
)
def test_a_dotted_day_month_year_dateline(raw: str, expected: list[str]) -> None:
    """The day/month/year dateline (06/03/2026) written with points or hyphens is one DATE (the
    miss-finder's 04.03.2015); day and month two digits each and a real date, so codes stay none."""
    assert dates(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1985年一、二月召开全委会", ["1985年一、二月"]),
        ("1985年十一、十二月,召开常委会", ["1985年十一、十二月"]),
        ("2003年三至五月,开展视察", ["2003年三至五月"]),
        ("于三至五月召开", ["三至五月"]),
        ("今年三至五月份开展调研", ["三至五月份"]),
        ("2003年一、三月召开", ["2003年"]),
        ("为期三至五月", []),
    ],
)
def test_chinese_months_paired_or_ranged(raw: str, expected: list[str]) -> None:
    """Two neighbouring months sharing 月, or a range of them, in Chinese numerals after an Arabic year
    (1985年一、二月) are one DATE as 二〇二三年五、六月 is; a range of Chinese months (三至五月) is a
    date without 份 too, its range mark saying it names months; after a word that gives a length it is a span."""
    assert dates(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("连续1992、1993、1994年获评先进", ["1992、1993、1994年"]),
        ("2019、2020、2021、2022年度", ["2019、2020、2021、2022年度"]),
        ("2003、2004年", ["2003、2004年"]),
    ],
)
def test_three_or_more_years_sharing_nian(raw: str, expected: list[str]) -> None:
    """Years in a row sharing one 年 are one DATE however many they are, as two are (二〇〇三、二〇〇四年)."""
    assert dates(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023.12.20-21在京举行", ["2023.12.20-21"]),
        ("2023/12/20—21举行", ["2023/12/20—21"]),
        ("2023.12.20至22日", ["2023.12.20至22日"]),
        ("2023-12-20 21:30", ["2023-12-20"]),
        ("2023.12.21-20举行", ["2023.12.21"]),
        ("会议(1984.5.16—5.22)召开", ["1984.5.16—5.22"]),
        ("1984.5.16—6.2举行", ["1984.5.16—6.2"]),
        ("1984/5/16至5/22举行", ["1984/5/16至5/22"]),
        ("1984.5.16—5.12举行", ["1984.5.16"]),
    ],
)
def test_a_dotted_date_with_a_day_range(raw: str, expected: list[str]) -> None:
    """A day range is one DATE whatever the dash, after a dotted or slashed date too (2023.12.20-21); the
    second day comes after the first."""
    assert dates(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("發表2024至25年度財政預算案", ["2024至25年度"]),
        ("2023至2024年度", ["2023至2024年度"]),
        ("2024至26年度", []),
    ],
)
def test_a_fiscal_year_written_with_zhi(raw: str, expected: list[str]) -> None:
    """Hong Kong writes its fiscal year with 至 as often as with a dash (2024至25年度): one DATE, the two
    years consecutive as in 2024-25年度 (years that do not follow each other are none, as 2023/25年度)."""
    assert dates(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("大陆全国政协会议4日至11日举行", []),
        ("大会于26日-27日在华侨大厦召开", []),
        ("3月1日开幕,4日至11日举行小组会", ["3月1日", "4日至11日"]),
        ("本月4日至11日", ["4日至11日"]),
    ],
)
def test_a_range_of_bare_days_needs_its_month(raw: str, expected: list[str]) -> None:
    """A bare day whose month the text never gives is no DATE (v1.1), and a range of two such days
    neither (4日至11日 with no month before it)."""
    assert dates(raw) == expected


@pytest.mark.parametrize("sep", [",", "、", "，"])
def test_a_list_of_bare_years_gives_each_year(sep: str) -> None:
    """Years listed without 年 (`五次修改:1978,1982,1994,2000,2004`) name calendar years, each a DATE,
    whether an ASCII comma, 、 or a full-width comma separates them (issue 21's date miss-finder)."""
    years = ["1978", "1982", "1994", "2000", "2004"]
    assert dates(f"后从1978年至今,历经五次正式修改:{sep.join(years)}。") == ["1978年", *years]


@pytest.mark.parametrize("raw", ["共3,1998人", "数字12,2019", "1,998名委员", "收到2019,2020件"])
def test_a_number_with_a_comma_is_no_list_of_years(raw: str) -> None:
    """A comma inside a number (thousands) or before a count is no list of years."""
    assert dates(raw) == []


@pytest.mark.parametrize("cue", ["会期", "为期", "历时", "连续", "长达", "共", "耗时", "前后"])
@pytest.mark.parametrize("days", ["三日", "5日", "10日"])
def test_a_length_in_days_is_not_a_date(cue: str, days: str) -> None:
    """After a word that gives a length (会期三日, 为期5日) a number of 日 is a duration (a FIGURE
    like 会期13天), not a day of the month given before."""
    assert dates(f"2023年3月1日开幕,{cue}{days}。") == ["2023年3月1日"]


@pytest.mark.parametrize(
    "raw",
    [
        "2023年3月1日通知,提前3日报送",
        "2023年3月1日,推迟3日召开",
        "2023年3月1日,至少3日",
        "近3月以来",
        "今年前3月",
        "近2000年来",
        "距今2000年",
        "历时2000年",
        "有2000年历史",
        "长达2000年",
        "约2000年前",
        "逾2000年",
    ],
)
def test_a_length_or_relative_span_is_not_a_date(raw: str) -> None:
    """After a word that gives a length or a span back from now (提前, 近, 前, 距今, 历时, 有 …), a number of
    days, months or years is that span, not a calendar date (only the full date in front stays)."""
    assert [d for d in dates(raw) if d != "2023年3月1日"] == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("目前3月份的数据", ["3月份"]), ("于2000年建成", ["2000年"]), ("从2000年起", ["2000年"]), ("至3月", ["3月"])],
)
def test_a_date_after_a_word_that_is_no_length(raw: str, expected: list[str]) -> None:
    assert dates(raw) == expected


@pytest.mark.parametrize("number", ["1.", "12.", "1．", "①", "⑴", "（1）", "1、", "一、", "1. "])
@pytest.mark.parametrize("date", ["3月13日", "2023年3月13日"])
def test_a_date_after_a_list_number(number: str, date: str) -> None:
    """A list's item number before the date it opens with (1.3月13日, ①3月13日, 一、3月13日) is no part of it."""
    raw = f"大事记\n{number}{date},会议闭幕。\n{number}{date},会议开幕。"
    assert dates(raw) == [date, date]


@pytest.mark.parametrize("raw", ["增长1.3月", "第1、2、3月"])
def test_a_decimal_or_list_run_before_a_month_is_no_month_start(raw: str) -> None:
    assert all(not d.startswith(("3月", "2、3月")) for d in dates(raw))


@pytest.mark.parametrize("cue", ["不少于", "不超过"])
def test_a_three_character_length_word(cue: str) -> None:
    assert dates(f"2023年3月1日起,{cue}3日。") == ["2023年3月1日"]


@pytest.mark.parametrize("raw", ["首页 > 2023通州两会专题报道", "2024台州两会", "2023张家口两会"])
def test_a_bare_year_before_a_place_whose_name_opens_with_a_measure_word(raw: str) -> None:
    """2023通州两会 names the year of 通州's sessions: 通 opens the place's name, no measure word."""
    assert dates(raw) == [raw.split(">")[-1].strip()[:4]]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("会期2022-11-20至2022-11-25", ["2022-11-20至2022-11-25"]),
        ("活动时间:2022/11/20—2022/12/05", ["2022/11/20—2022/12/05"]),
        ("2022.11.20~2023.01.05", ["2022.11.20~2023.01.05"]),
        ("2022-11-25至2022-11-20", ["2022-11-25", "2022-11-20"]),
        ("2022-11-20 2022-11-25", ["2022-11-20", "2022-11-25"]),
    ],
)
def test_a_range_of_two_iso_dates_is_one_date(raw: str, expected: list[str]) -> None:
    """Two ISO, slashed or dotted dates joined by a range mark are one DATE like 2021年4月6日至5月9日, the
    second after the first; two dates side by side stay two."""
    assert dates(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("會(huì)議於3月5號(hào)召開", ["3月5号"]),
        ("全國政協(xié)十二屆(jiè)四次會(huì)議於(yú)2016年3月3日開幕", ["2016年3月3日"]),
        ("2016年3月至4月間(jiān)", ["2016年3月至4月"]),
        ("從(cóng)2016年3月起", ["2016年3月"]),
    ],
)
def test_dates_in_traditional_script_with_pinyin_glosses(raw: str, expected: list[str]) -> None:
    """Mirrors in Traditional script gloss characters with pinyin (會(huì)): the glosses go, the dates stay whole."""
    assert dates(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("全体会议1984年1月至2006年底在县城召开", ["1984年1月至2006年"]),
        ("第一次会议于1984年1月10日至15日举行", ["1984年1月10日至15日"]),
        ("民国二十六年(1937年)七月", ["民国二十六年", "1937年"]),
        ("1937年(民国二十六年)", ["1937年", "民国二十六年"]),
        ("1988年1月增补委员6人", ["1988年1月"]),
        ("1951年以来6次回国", ["1951年"]),
        ("1984.1—2006.12", ["1984.1—2006.12"]),
        ("至1990年止", ["1990年"]),
        ("1998年2月换届产生,任期5年。至1998年底,有委员", ["1998年2月", "1998年"]),
    ],
)
def test_county_annals_forms(raw: str, expected: list[str]) -> None:
    """县志 and 大事记 forms: a range closed by 底 (底 outside), the Republic's year beside the Gregorian one,
    a dotted year-month range, 以来 and 止 outside."""
    assert dates(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("会议于3月5号至8号召开", ["3月5号至8号"]),
        ("2023年3月5号—8号", ["2023年3月5号—8号"]),
        ("3月5号，8号文件下发", ["3月5号"]),
        ("第5号至8号提案", []),
    ],
)
def test_a_day_range_written_with_hao(raw: str, expected: list[str]) -> None:
    """3月5号至8号 is one DATE like 3月5日至8日; 号 alone stays a number (8号文件), and a range of serials
    with no month before it is none."""
    assert dates(raw) == expected


def test_a_serial_range_with_hao_after_a_month_is_no_date() -> None:
    assert dates("3月1日召开会议，审议第5号至8号提案、5号至8号文件") == ["3月1日"]
