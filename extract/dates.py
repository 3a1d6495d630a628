"""Find DATEs: absolute calendar dates, months, years, decades and ranges of them.

A date is a grammar over three fields, year > month > day (GUIDELINES.md, extract/data/RULINGS.md):

    point  := year [month [day]] | month [day] | day          (each field with its unit word)
    year   := 2023年 | 2023年度 | 二〇二三年 | 二0一九年 | 2023 (bare: 鹿城年鉴2020)
    month  := 7月 | 07月 | 3月份 | 元月 | 十月 (Chinese after a year, before a day or 份)
    day    := 6日 | 6号 | 一日 | 廿五日
    range  := point SEP point'      (point' starts at a field no larger than point's last:
                                     2021年4月6日至9日, 2019年9月至12月, 2019年9月—2020年1月)
            | the first point's unit left out: 2023-2025年, 1-6月, 2月24~28日, 1955年5月20—22日
            | two neighbours sharing the unit: 2023年3月14、15日, 7、8月份, 上世纪80、90年代
    SEP    := - — – ― ‒ ─ ~ ～ 〜 ∼ － —— 至 到, spaces and one line break around it allowed

plus ISO dates (2020-11-06, 2020/11/06, 2020.11.06), year.month (2019.10) and decades (上世纪80年代,
20世纪90年代, 八十年代). A chronicle's month in Chinese numerals opening its line
(``1985年`` / ``十一月，…``) is a date where a year was given before it. A day alone is a date
only where a month was given before it (v1.1: ``6日``, ``同月十五日``), or in the news form
今(26)日 / 昨(24日) / 周三（4日）. A PDF line break
anywhere inside a date is read across (``numbers.join_broken_lines``). Hong Kong and Macau's fiscal
and school years (2023/24年度) are year ranges; a two-digit year is a year with its month (98年6月).

Relative expressions (今年, 一年来, 近年来), festivals (七一, 三八, 春节), weekdays (每周一),
clock times (上午9时) and durations (30多年, 七十五载: FIGUREs) are not DATEs: every
pattern asks for a calendar anchor. After a word that gives a length or a span back from now, a
number of days, months or years is that span (会期三日, 近3月, 距今2000年), and after a count's
label a bare number is the count (阅读次数:2019). Day and month numbers are checked against the calendar
(2月30日 is no date).
"""

from __future__ import annotations

import calendar
import itertools
import re
from dataclasses import dataclass, replace

from pizhu.extract.models import Span
from pizhu.extract.numbers import REIGN_TITLES, join_broken_lines, parse_number
from pizhu.extract.prefilter import finditer_near

__all__ = ["find_dates"]

_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_BARE_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2})"  # without 年 only modern years: 1644 alone is a count
_MONTH = r"(?:1[0-2]|0?[1-9])"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"
_CN_DIGIT = "〇零○一二三四五六七八九"
# A year in Chinese numerals; typing and OCR write its zero as 0 or the letter O too (二0一九, 一九九O).
_CN_YEAR = r"[一二](?:[〇零○一二三四五六七八九]|[0OＯ](?=[〇零○0OＯ一二三四五六七八九]*年)){3}"
_ZERO_FORMS = str.maketrans("0OＯ", "〇〇〇")
# A year in two digits (98年6月, 九八年六月): only with its month (_point).
_MONTH_FREE_YEAR = r"[0-9]{2}"
_CN_SHORT_YEAR = r"[〇零○一二三四五六七八九]{2}"
_CN_MONTH = r"(?:十[一二]?|[一二三四五六七八九])"
_CN_DAY = r"(?:(?:三十|卅)一?|(?:二十|廿)[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
# Every dash typesetting uses: — – － and the bar ― (U+2015), the figure dash ‒ (U+2012), box-drawing ─,
# the small hyphen-minus ﹣ (U+FE63) of full-width typesetting.
_DASHES = "-—–~～〜－―‒─‐‑∼﹣"
_SEP = rf"[ \t]*(?:\n[ \t]*)?(?:——|──|[{_DASHES}至到])[ \t]*(?:\n[ \t]*)?"
# Two values sharing one unit (14、15日, 7、8月份, 80、90年代): one DATE like a range; _point
# checks that the second follows the first.
_AND = "、"

# A slash a citation writes between a date's fields (人民政协报/2024年/2月/27日/第001版), before the next field.
_CITE = r"(?:/(?=[0-9]{1,2}[月日号]))?"

# A line break between a month's day and its 日 (2021年4月6⏎日, a short line the layout ended): read across.
_BREAK = r"(?:[ \t]*\n[ \t]*)?"
# Not glued to a longer number (12023年), a decimal or a Latin code (A2020). A point is a decimal
# point or a code's only after a digit or a letter: after a sign or CJK text it ends a sentence
# (办复率达100%.2004年). A Latin word of four letters or more, its last two in lower case, is no code
# (Copyright2011-2017, a link line's .html run into the year after it).
_NB = r"(?:(?<![0-9０-９A-Za-z.．])|(?<=[^0-9０-９A-Za-z.．][.．])|(?<=[A-Za-z]{2}[a-z]{2}))"
# A list item's number with its point before the date the item opens with (1.3月13日, 12.2023年3月):
# at a line's start, one or two digits and the point.
_LIST_DOT = r"(?<=\n[0-9][.．])|(?<=\n[0-9]{2}[.．])|(?<=^[0-9][.．])|(?<=^[0-9]{2}[.．])"
# Before a month a Latin letter is no code: a link line normalization joined to the paragraph
# after it leaves ``a_4328250.html4月11日`` (numbers glued to the month are still refused).
# After a page's ISO timestamp glued on before it (2005-11-1511月7日) the month opens a date of its own.
_ISO_BEFORE = r"(?<=(?:19|20)[0-9]{2}[-/.][01][0-9][-/.][0-3][0-9])"
_ISO_BEFORE_RE = re.compile(r"(?:19|20)[0-9]{2}([-/.])[01][0-9]\1[0-3][0-9]$")
# After the clock time of a page's timestamp, its seconds glued on before it (2025-8-5 17:28:148月1日): a month too.
_CLOCK_BEFORE = r"(?<=[0-9][ \t][0-2][0-9]:[0-5][0-9]:[0-5][0-9])"
_CLOCK_BEFORE_RE = re.compile(r"[0-9][ \t][0-2][0-9]:[0-5][0-9]:[0-5][0-9]$")
_NB_MONTH = rf"(?:(?<![0-9０-９.．])|{_LIST_DOT}|{_ISO_BEFORE}|{_CLOCK_BEFORE})"
# After a day: 30日内 is a duration. After a month's day 前/后 stay outside the date like 以来
# (9月30日前完成 gives 9月30日); a bare day before them is none (15日前报送: _day below).
# 内 opening a place's name is no 内 of a duration (1月8日内蒙古…, 2月3日内江市…: the date, then the place).
_DAY_END = r"(?!内(?!蒙古|江[市县区])|以内|之内)"

# A four-digit year and a comma before a bare year: the list 1978,1982,1994 (at the text's start too).
_YEAR_COMMA_BEFORE = r"(?<=[^0-9](?:1[89]|20)[0-9]{2},)|(?<=^(?:1[89]|20)[0-9]{2},)"

_YEAR_LIST_TAIL_RE = re.compile(r"(?:,[0-9]{4})+")
# A contact's label before a run of digits: a telephone or fax number, a post code (电话20831205).
_CONTACT_LABEL_RE = re.compile(r"(?:电话|电話|传真|傳真|手机|手機|热线|熱線|邮编|郵編|座机|号码|號碼)[:：]?[ \t]*$")
# A yearbook's volume heading: the year and 卷, alone on the line (某某年鉴 / 2016卷).
_VOLUME_LINE_RE = re.compile(r"卷[ \t]*(?:\n|$)")

# Every point starts with a digit, a numeral, 元 (元月), 上 (上世纪) or 本 (本世纪): a look-ahead on that first
# character lets the scan skip every other position at once.
_POINT_RE = re.compile(
    "(?=[0-9０-９〇零○一二三四五六七八九十廿卅元上民本])(?:"
    + "|".join(
        (
            # 2023/24年度, 2023-24学年, 2024至25年度, 1999/2000年度: Hong Kong and Macau's fiscal or school year, two
            # consecutive years (_point checks them) before the word that names it; 年度 is in the span.
            rf"(?P<fiscal>{_NB}(?<!第){_BARE_YEAR}(?:[/／]{_BARE_YEAR}|[{_DASHES}/／至][0-9]{{2}})(?![0-9])"
            r"(?=年度|学年|财政年度|财年)(?:年度)?)",
            # 98年6月18日, 九八年六月: a year in two digits, a calendar year only where its month follows.
            rf"(?P<shortymd>(?<![0-9０-９A-Za-z.．]){_MONTH_FREE_YEAR}年{_MONTH}月(?:{_DAY}[日号]{_DAY_END})?(?![0-9])"
            rf"|(?<![{_CN_DIGIT}十]){_CN_SHORT_YEAR}年{_CN_MONTH}月(?:{_CN_DAY}日)?)",
            # 1984-1986.12, 1986.12-1990, 2019.3-2019.10: a table of terms' range, its ends a year or a year
            # with its month after a point (at least one month; not before an amount: 1990.5万元).
            rf"(?P<ymrange>{_NB}{_BARE_YEAR}(?:\.{_MONTH}{_SEP}{_BARE_YEAR}(?:\.{_MONTH})?|{_SEP}{_BARE_YEAR}\.{_MONTH})"
            r"(?![0-9.%‰万亿千百元]))",
            # 2023-2025年, 1949—2019, 2019.10—2020.12: a year range whose first year has no unit.
            # Between two four-digit years OCR reads the dash as 一 too (1949一2019).
            # Years in a row joined by 、 share a 年 after the last (2003、2004年, 1992、1993、1994年); without
            # it they are a list of bare years (1978、1982、1994), each one a year of its own (bare, below).
            # Not before 年代: 1980、1990年代 and 1980—1990年代 are decades (below).
            # 1998年—2003: the first year keeps its 年 and the second has none (_point: a later year, no count).
            rf"(?P<yrange>{_NB}{_BARE_YEAR}(?:(?:{_SEP}|一){_BARE_YEAR}(?:年度|年(?!代))?|(?:{_AND}{_BARE_YEAR})+(?:年度|年(?!代))"
            rf"|年{_SEP}{_BARE_YEAR}(?=[^0-9年]|$)))"
            # 2019—2020年286名: after its 年 a count may follow glued; a bare range ends before any digit.
            r"(?:(?<=[年度])|(?![0-9]|年代))",
            # 20111125, at a paragraph's or clause's opening before its comma: a date typed without
            # separators (a valid month and day; never inside a code or before a unit).
            # 某某新闻20241218 on its own line: a programme's or a column's dated item, the date glued after
            # its name and closing the line (_point: not after an identifier's label, 编号20231205).
            r"(?P<compact>(?<![^\n \t　(（])(?:19|20)[0-9]{2}(?:1[0-2]|0[1-9])(?:3[01]|[12][0-9]|0[1-9])"
            r"(?=[,，、 　])"
            r"|(?<=[\u4e00-\u9fff])(?:19|20)[0-9]{2}(?:1[0-2]|0[1-9])(?:3[01]|[12][0-9]|0[1-9])(?=[ \t]*(?:\n|$)))",
            # 06/03/2026: the day/month/year dateline of Hong Kong and Macau pages; with points or
            # hyphens too (04.03.2015, 06-03-2026), the two separators the same.
            # With slashes the day and month may go without their leading zeros (26/2/2026, 5/3/2026).
            r"(?P<dmy>(?<![0-9/.\-])(?:(?:0[1-9]|[12][0-9]|3[01])(?P<dsep>[/.\-])(?:0[1-9]|1[0-2])(?P=dsep)"
            r"|(?:0?[1-9]|[12][0-9]|3[01])/(?:0?[1-9]|1[0-2])/)(?:19|20)[0-9]{2})"
            r"(?![0-9/]|[.\-][0-9])",
            # 民国三十八年九月, 民国38年: a year of the Republic's era, the era's name in the span.
            rf"(?P<minguo>民国(?:元|[1-9][0-9]{{0,2}}|一百(?:零?[一二三四五六七八九]|一?十[一二三四五六七八九]?)?"
            rf"|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])年"
            rf"(?:{_MONTH}月(?:{_DAY}日)?|{_CN_MONTH}月(?:{_CN_DAY}日)?)?)",
            # 2020-11-06, 2020/11/06, 2020.11.06; full-width typesetting's － ／ ． too (its digits
            # normalization made ASCII).
            # A page's timestamp may have its clock time glued on (2023-01-1811:40:26): a two-digit day
            # before an hour and its minutes ends there.
            # 2023.12.20-21: a dotted or slashed date may end in a day range (not after a hyphen: 2023-12-20-21),
            # the second day with its month written the same way (1984.5.16—5.22, 1984/5/16至5/22).
            rf"(?P<iso>{_NB}{_YEAR}(?P<sep>[-/.－／．]){_MONTH}(?P=sep){_DAY}"
            rf"(?:(?<![-－][0-9])(?<![-－][0-9]{{2}})[{_DASHES}至到](?:{_MONTH}(?P=sep))?{_DAY}(?![0-9.:/日号]))?)"
            # The timestamp run into the body's first date (2005-11-1511月7日): a two-digit day before a month.
            r"(?:(?![0-9.])|(?<=[0-9]{2})(?=(?:[01][0-9]|2[0-3]):[0-5][0-9]|(?:1[0-2]|[1-9])月))",
            # 1949.10, 2019.10—2020.12: year and month with a point (not 2019.5万元: _point).
            rf"(?P<ymdot>{_NB}{_BARE_YEAR}\.(?:1[0-2]|0?[1-9]))(?![0-9.%‰])",
            # 一九八〇—一九八四年: a year range in Chinese numerals, the first year without 年;
            # 二〇〇三、二〇〇四年: two years sharing 年.
            rf"(?P<cyrange>{_CN_YEAR}(?:{_SEP}|{_AND}){_CN_YEAR}年度?)",
            # 上世纪80年代, 20世纪90年代, 1980年代, 八十年代, 上世纪八九十年代
            # 上世纪50～60年代, 上世纪五、六十年代 (the pair or range sharing 年代).
            # 21世纪20年代, 二十一世纪二十年代, 本世纪20年代: this century's decades keep their century too;
            # 1980、1990年代, 1980—1990年代: four-digit decades listed or joined share 年代.
            r"(?P<decade>(?:(?:上个?世纪|本世纪|(?:19|20|21|十九|二十|二十一)世纪)(?:[ \t]*\n[ \t]*)?)?"
            rf"(?<![0-9一二三四五六七八九十、])(?:(?:(?:1[0-9]{{2}}0|20[0-9]0)(?:{_AND}|{_SEP}))?(?:1[0-9]{{2}}0|20[0-9]0)"
            rf"|(?:[1-9]0(?:{_AND}|{_SEP}))?[1-9]0"
            rf"|[二三四五六七八九](?:{_AND}[二三四五六七八九])?十|[二三四五六七八九]{{2}}十)年代)",
            # 2024年2月27日, 2023年度, 2022年, 2024年12月, 2023年1—6月, 1955年5月20—22日
            # 1956年三月十日: an Arabic year with the month and day in Chinese numerals.
            # 2003年5、6月: two neighbouring months sharing 月, like two days sharing 日.
            # 人民政协报/2024年/2月/27日/第001版: a citation's slashes between the fields (_CITE).
            rf"(?P<ymd>(?:{_NB}|{_LIST_DOT}){_YEAR}年{_CITE}(?:度|(?:{_MONTH}(?:{_SEP}|{_AND}))?{_MONTH}月{_CITE}(?:份|(?:{_DAY}(?:{_SEP}|{_AND}))?{_DAY}{_BREAK}[日号]{_DAY_END})?"
            rf"|(?:{_CN_MONTH}(?:{_SEP}|{_AND}))?{_CN_MONTH}月(?:份|{_CN_DAY}日)?|元月(?:份|{_DAY}[日号]{_DAY_END}|{_CN_DAY}日)?)?)",
            # 二〇二三年十月一日, 二〇二三年五、六月, 二〇二一年四月六至九日 (the first day leaving
            # its 日 to the second, as 2021年4月6—9日 does).
            rf"(?P<cn>{_CN_YEAR}年(?:度|(?:{_CN_MONTH}(?:{_SEP}|{_AND}))?{_CN_MONTH}月"
            rf"(?:份|{_CN_DAY}(?:[日号](?:{_SEP}{_CN_DAY}日)?|{_SEP}{_CN_DAY}日))?"
            rf"|(?:{_MONTH}|元)月(?:份|{_DAY}[日号]{_DAY_END}|(?<=元月){_CN_DAY}日)?)?)",
            # 1月11日, 7月, 3月份, 1-6月, 2月24~28日, 元月1日, 元月五日; 6月 in 2023年5月、6月 (after a
            # date's unit) and 一、3月13日 (after a heading's numeral); 1、3月份 is a list number and the month.
            # 于9月7在…开幕, 自3月1起施行: a month's day whose 日 the typist left out, before a preposition,
            # a verb of holding or a time of day (a range, 12月26至29日, keeps its 日 on the second day).
            rf"(?P<dayless>{_NB_MONTH}{_MONTH}月{_DAY}(?=在|于|起|召开|举行|举办|开幕|闭幕|上午|下午|晚上|中午))",
            rf"(?P<md>{_NB_MONTH}(?<![^月日号份一二三四五六七八九十]{_AND})(?:(?:{_MONTH}(?:{_SEP}|{_AND}))?{_MONTH}|元)月(?:份|(?:{_DAY}(?:{_SEP}|{_AND}))?{_DAY}{_BREAK}[日号]{_DAY_END}|(?<=元月){_CN_DAY}日)?)",
            # 浏览量:202512月27日, 09:154月26日, xQ724月5日: a month's day glued after digits that a page counter,
            # a clock time or a spam code left at a line's end (normalization joined the lines); _point asks
            # for that cue before the digits. The month is the last two digits where they make one (10–12).
            # After md: where md reads the month (a timestamp glued on before it), md's reading stands.
            rf"(?P<gluedmd>(?<=[0-9])(?:1[0-2]|[1-9])月{_DAY}[日号]{_DAY_END})",
            rf"(?P<cnmd>(?<![{_CN_DIGIT}十第初]){_CN_MONTH}月{_CN_DAY}(?:[日号](?:{_SEP}{_CN_DAY}日)?|{_SEP}{_CN_DAY}日))",
            # 三月份, 十二月份: a month in Chinese numerals is a month where 份 follows, or after
            # a year the text names by a word (同年十月, 是年三月, 今年五月).
            # 一、二月份: two neighbouring months sharing 份 (_follows checks them); 一至六月份 a range.
            # 三至五月: a range of Chinese months is months without 份 too (its mark says so; 三至五个月 is a length).
            rf"(?P<cnmonth>(?<![{_CN_DIGIT}十第初个每几、])(?:{_CN_MONTH}(?:{_AND}|{_SEP}))?{_CN_MONTH}月份"
            rf"|(?<![{_CN_DIGIT}十第初个每几、]){_CN_MONTH}{_SEP}{_CN_MONTH}月(?![份日号{_CN_DIGIT}十])"
            rf"|(?<=[同是当今去次翌明本]年){_CN_MONTH}月(?!份))",
            # 按一月召开的, 于十月召开: a month in Chinese numerals alone where the text names when
            # something happened (after 于/在/从/自/至/到/按 or a range mark after a Chinese month: 三月—五月,
            # or before 召开/举行/上旬 …), and only
            # once a month was given before it (checked like a bare day): 为期一月 is a length.
            rf"(?P<cnmonthctx>(?<![{_CN_DIGIT}十第初个每几数])(?:(?:(?<=[于在从自至到按])|(?<=[{_CN_DIGIT}十]月[{_DASHES}])|(?<=[{_CN_DIGIT}十]月——)){_CN_MONTH}月(?![份日号{_CN_DIGIT}十])"
            rf"|{_CN_MONTH}月(?=召开|举行|举办|上旬|中旬|下旬|初|底|末|起)))",
            # 1985年 / 十一月，市政协召开…: a chronicle's month opening its line before a comma or a
            # space, dated by the year given before it (_day_stands).
            # After a full stop too (a chronicle written as a paragraph); 三、四月间 two neighbours.
            rf"(?P<cnmonthline>(?<![^\n。；;])(?:{_CN_MONTH}{_AND})?{_CN_MONTH}月(?=[,，、 \t　\n]|间))",
            # 昨(24日): the news form with the day and its 日 in the brackets.
            # 周三（4日）, 星期二(5日): after a weekday too.
            # 今早（3日）, 昨晚（2日）: a time of day after 今/昨/明 before the bracket (wave9b).
            rf"(?:(?<=[今昨明前][(（])|(?<=[今昨明前][日天][(（])|(?<=[今昨明][早午晚晨][(（])"
            rf"|(?<=[周期][一二三四五六日天][(（]))"
            rf"(?P<bracketday>(?:{_DAY}|{_CN_DAY})日)(?=[)）])",
            # 6日, 20—22日, 本月6日: after its month was given; checked against the text before.
            # Never 号 alone: 1号提案, 8号文件 are numbers.
            rf"(?P<day>(?<![0-9０-９A-Za-z.第每个几数多初])(?<![0-9０-９每]月){_DAY}(?:(?:{_SEP}|{_AND}){_DAY})?日(?![内前后间]|以内|之内))",
            # 15号上午闭幕: a day written with 号 before a time of day (after its month, as a bare day).
            rf"(?P<haotime>(?<![0-9０-９A-Za-z.第每个几数多初])(?<![0-9０-９每]月){_DAY}号(?=上午|下午|晚上|中午|凌晨|早上|傍晚))",
            # 3月5号至8号: the second day of a range that the first wrote with 号; only as that range's end
            # (号 alone is a number: 8号文件, 第5号至8号提案).
            rf"(?P<haoday>(?:(?<=[0-9]号[{_DASHES}至到])|(?<=[0-9]号——)|(?<=[0-9]号──)){_DAY}号)",
            # 同月十五日, 二十日至二十五日: a day in Chinese numerals, likewise after its month
            # (一日 alone is "one day"; 一日电 is a dateline's, 【本报记者广州一日电】).
            # 本月三至六日: the first day of a range may leave its 日 to the second.
            rf"(?P<cnday>(?<![{_CN_DIGIT}十第每个几数初])(?!一日(?![电電])){_CN_DAY}(?:日(?:{_SEP}{_CN_DAY}日)?|{_SEP}{_CN_DAY}日)"
            r"(?![内前后间]|以内|之内))",
            # 02/18 in a page's dateline: month and day both written with two digits; 05-07 too
            # where its clock time follows (05-07 11:52), so no code or score reads as one.
            r"(?P<slash>(?<![0-9/.第-])(?:0[1-9]|1[0-2])(?:/(?:0[1-9]|[12][0-9]|3[01])(?![0-9/期版号卷])"
            r"|-(?:0[1-9]|[12][0-9]|3[01])(?=[ \t]+(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?![0-9]))))",
            # 今(26)日, 明天（4日）'s news form: the day in brackets after 今/昨/明.
            # 今（五）日: the day in Chinese numerals.
            rf"(?<=[今昨明前][(（])(?P<bracket>{_DAY}|{_CN_DAY})(?=[)）]日)",
            # “二零二三全民清洁迎新岁”: a bare year in Chinese numerals, like 鹿城年鉴2020 (19xx, 20xx).
            rf"(?P<cnbare>(?<![{_CN_DIGIT}十百千万])(?:一九|二[〇零○])[〇零○一二三四五六七八九]{{2}}"
            rf"(?![{_CN_DIGIT}十百千万亿年月日号届次]))",
            # 鹿城年鉴2020: a bare calendar year, not a count (2000人) nor part of a code.
            # Not the tail of a telephone number (0571-1988) nor a serial (第2019号).
            # In a list of years an ASCII comma stands between two four-digit years (修改:1978,1982,1994):
            # a group of four digits is no thousands group, so the comma is the list's.
            # After a comma that follows text (报告指出,,2024) a year; after a digit and a comma a thousands group.
            rf"(?P<bare>{_NB}(?:(?<![0-9])(?<![0-9],)|{_YEAR_COMMA_BEFORE})(?<![0-9][-—–])(?<!第){_BARE_YEAR}"
            # An e-mail's local part is no year (投稿邮箱:news2024@163.com).
            rf"(?![0-9０-９.%‰A-Za-z年月日号@＠])(?!,(?!{_BARE_YEAR}(?![0-9０-９.%‰A-Za-z]))))",
        )
    )
    + ")"
)
# After a bare year, a range left open (1993—至今, 2018—今, （2019—）): the year is a DATE.
_OPEN_END_RE = re.compile(rf"[{_DASHES}][ \t]*(?:至今|今|[)）])")
# A bare year followed by a unit or qualifier is a count, not a year: 2000名, 2020余人.
_COUNT_AFTER_RE = re.compile(r"[余多]|[万亿千百]|[个名人次件条篇项场期批家户份副座所位元字]")
# Before a bare number, the label of a count or a code makes it that count, not a year: a page's
# counters (阅读次数:2019, 浏览:1998, 访问量 2023), word counts, totals, serials and IDs (指数2019 names a year).
_COUNT_LABEL_RE = re.compile(r"(?:(?<!指)[数量]|阅读|浏览|点击|访问|编号|编码|代码|ID|id|合计|总计)[:：]?[ \t]*$")
# After a bare number, a space and a number of three or more digits that is no modern year: the
# bare number is a count in a row of a flattened table (第五届1988 1016 (51.1)), as 1978 1982 1994 are years.
_COUNT_ROW_AFTER_RE = re.compile(r"[ \t]+(?!(?:1[89]|20)[0-9]{2}(?![0-9]))[0-9]{3,}(?![0-9年月日号])")
# Before a year earlier than 1800, what makes it a year rather than a number of years.
_FROM_CUES = "从自于"
_EARLY_YEAR_CUE_RE = re.compile(r"(?:公元|于|在|自|从|至|[(（])$")
_MONTH_BEFORE_RE = re.compile(
    r"(?<![0-9个几第每])(?:1[0-2]|0?[1-9]|元)月|[0-9]{4}[-/.][01]?[0-9][-/.]|[0-3][0-9]/[01][0-9]/[0-9]{4}"
    # 二〇二三年三月, 三月份, 三月五日: a month in Chinese numerals with its year, 份 or day.
    r"|[〇零○一二三四五六七八九]年(?:十[一二]?|[一二三四五六七八九])月"
    r"|(?<![〇零○一二三四五六七八九十第每个几])(?:十[一二]?|[一二三四五六七八九])月(?:份|[一二三四五六七八九十]+日)"
    r"|年(?:十[一二]?|[一二三四五六七八九])月"
    # 本月十至十三日 … 十三日上午, 本月上旬召开,于12日闭幕: a day dated by the month word before it.
    r"|(?:本|上|下|同|次|当)月(?![刊度])"
    # 1985年 / 三月，…。/ 5日，…: a chronicle's month in Chinese numerals opening its entry dates the days after it.
    r"|(?<![^\n。；;])(?:十[一二]?|[一二三四五六七八九])月(?=[,，、 \t　\n])"
)
_RANGE_SEP_RE = re.compile(_SEP)
# A year given before a chronicle's month line (1985年, 一九八五年).
_YEAR_BEFORE_RE = re.compile(rf"{_NB}{_YEAR}年|{_CN_YEAR}年")
# Before a month or day, a word of the traditional calendar: its dates (农历正月十五, 大年初八,
# 甲辰年) name festivals and are no DATE (tests/data/corpus/RULINGS.md); the Gregorian date
# beside them is.
_LUNAR_BEFORE_RE = re.compile(r"(?:农历|阴历|旧历)的?$|[正腊冬]月$")
# Before a bare day, a word that gives a length makes it a number of days (会期三日, 为期5日, 历时3日):
# a duration, a FIGURE like 会期13天.
_LENGTH_WORDS = (
    r"会期|为期|历时|历经|连续|一连|长达|耗时|用时|用了|花了|前后|共|达|需|仅|提前|推迟|延期|延后|顺延|至少|不少于"
    r"|不超过|不足|超过|满|近|逾|约"
    # The same words in Traditional script, as Hong Kong and Macau pages write them (一連四日, 為期三日).
    r"|會期|為期|歷時|歷經|連續|一連|長達|耗時|用時|花了|順延|延後|至少|不少於|不超過|超過|逾"
)
_LENGTH_BEFORE_RE = re.compile(rf"(?:{_LENGTH_WORDS})$")
# The same before a month alone (近3月, 今年前3月: the first three months) and before a year alone (距今2000年,
# 有2000年历史): a span, not a calendar month or year. 目前/此前/之前 … end a word before a date.
_SPAN_BEFORE_MONTH_RE = re.compile(rf"(?:{_LENGTH_WORDS}|(?<![目当此之以日])前)$")
_SPAN_BEFORE_YEAR_RE = re.compile(r"(?:历时|历经|长达|距今|近|逾|约|超过|有|公元前)$")
# A word that names the month a bare day falls in: 本月廿五日, 上月20日, 同月十五日.
_MONTH_WORD_RE = re.compile(r"(?:本|上|下|同|次|当|该|是|这个|上个|下个)月$")
# Points that stand alone only where the text dated them before (_day_stands).
_DATED_BEFORE = frozenset({"day", "cnday", "md", "cnmonthctx", "cnmonthline", "haotime"})
# The fields a point starts and ends with: 0 year, 1 month, 2 day.
_FIELD_OF = {"年": 0, "度": 0, "月": 1, "份": 1, "日": 2, "号": 2}

_RULES = {
    "yrange": ("date.year_range", 0.95),
    "fiscal": ("date.year_range", 0.8),
    "shortymd": ("date.year_month_day", 0.7),
    "iso": ("date.iso", 0.95),
    "compact": ("date.compact", 0.7),
    "ymd": ("date.year_month_day", 0.97),
    "cn": ("date.cn_numeral", 0.8),
    "md": ("date.month_day", 0.85),
    "dayless": ("date.month_day", 0.6),
    "cnmd": ("date.cn_month_day", 0.7),
    "cnmonth": ("date.month", 0.8),
    "cnmonthctx": ("date.month", 0.6),
    "cnmonthline": ("date.month", 0.6),
    "day": ("date.bare_day", 0.7),
    "decade": ("date.decade", 0.7),
    "bare": ("date.bare_year", 0.6),
    "slash": ("date.month_day", 0.5),
    "bracket": ("date.bare_day", 0.7),
    "bracketday": ("date.bare_day", 0.7),
    "cnday": ("date.bare_day", 0.6),
    "ymdot": ("date.year_month", 0.8),
    "dmy": ("date.iso", 0.8),
    "minguo": ("date.year_month_day", 0.8),
    "cnbare": ("date.bare_year", 0.5),
    "cyrange": ("date.year_range", 0.8),
}


@dataclass
class _Point:
    start: int
    end: int
    kind: str
    first: int  # the largest field it gives (0 year, 1 month, 2 day)
    last: int  # the smallest


# A line break cut a date where it follows a digit, a numeral or a field's unit and precedes
# a digit, a numeral or a unit (``1998年6月`` / ``18日``, ``2019年1`` / ``2月``).
_DIGITS = "0123456789〇零○一二三四五六七八九十"
_JOIN_LEFT = frozenset(_DIGITS + "年月元世纪" + _DASHES + "至到、")
_JOIN_RIGHT = frozenset(_DIGITS + "年月日号份度代世纪" + _DASHES + "至到、")


def find_dates(text: str) -> list[Span]:
    """Every DATE in normalized ``text``, in order of position.

    A date a PDF line break cut in two is read across the break, and its span holds it
    (``numbers.join_broken_lines``).
    """
    view = join_broken_lines(text, _JOIN_LEFT, _JOIN_RIGHT)
    if view is None:
        return _find_dates(text)
    joined, positions = view
    spans = []
    for span in _find_dates(joined):
        start, end = positions[span.start], positions[span.end - 1] + 1
        spans.append(replace(span, start=start, end=end, text=text[start:end]))
    return spans


# 29年临时县委成员分散活动, 35年秋: once an annals named the Republic's era (民国27年), it writes the era's
# later years bare, opening a clause; a length of years goes on into 间, 来, 后, 多 (10年间) or stands inside one.
_ERA_YEAR_RE = re.compile(r"(?<=[\n,，。;；])(?:3[0-8]|[12][0-9]|[1-9])年(?![间来后多余以内前的中里之半])")


def _era_years(text: str, spans: list[Span]) -> list[Span]:
    era = text.find("民国")
    if era < 0:
        return []
    taken = [(s.start, s.end) for s in spans]
    return [
        Span(m.start(), m.end(), "DATE", m.group(), {}, "date.era_year", 0.7)
        for m in _ERA_YEAR_RE.finditer(text, era)
        if not any(a < m.end() and m.start() < b for a, b in taken)
    ]


# 中共中央(89) 14号文件, 省委〔85〕12号: a document number's year in two digits, bracketed after the issuing body.
_DOC_YEAR_RE = re.compile(r"(?<=[\u4e00-\u9fff][(（\[〔［])[4-9][0-9](?=[)）\]〕］][ \t]?[0-9]{1,4}号)")


# 清宣统二年, 明成化八年, 光绪三十一年: a year of a Ming or Qing reign keeps the reign's name, the dynasty stays
# outside (RULINGS).
_ERA_YEAR_NUMBER = r"(?:元|[一二三四五六七八九十]{1,3}|[1-6]?[0-9])年"
# 一年来, 一年多 after a name that ends like a reign (王建文一年来) is the past year, no reign year (wave7b).
_REIGN_YEAR_RE = re.compile(f"(?:{'|'.join(REIGN_TITLES)}){_ERA_YEAR_NUMBER}(?![来多余])")
# 开元六年(718), 宋景德二年(1005): a year of any era glossed with its year before the Republic. The era is two
# characters that are no numeral; the gloss (three or four digits, 年 or not) makes both DATEs. A length glossed
# with a modern year (成立十年(2014年)) is none. Once glossed, the era's other years are DATEs (开元十三年).
_GLOSSED_ERA_YEAR_RE = re.compile(
    rf"(?P<era>[\u4e00-\u9fff]{{2}})(?<![{_CN_DIGIT}十百千万年月日第])(?:元|[一二三四五六七八九十]{{1,3}})年"
    r"[(（](?P<year>[1-9][0-9]{2,3}年?)[)）]"
)
_FIRST_REPUBLIC_YEAR = 1912


def _glossed_era_years(text: str, spans: list[Span]) -> list[Span]:
    taken = {(s.start, s.end) for s in spans}
    found: list[Span] = []
    eras: set[str] = set()
    for m in finditer_near(_GLOSSED_ERA_YEAR_RE, text):
        if int(m.group("year").rstrip("年")) >= _FIRST_REPUBLIC_YEAR or m.group("era") in ("民国", "公元"):
            continue
        eras.add(m.group("era"))
        for start, end in ((m.start("era"), m.start("year") - 1), m.span("year")):
            if (start, end) not in taken:
                found.append(Span(start, end, "DATE", text[start:end], {}, "date.glossed_era_year", 0.75))
                taken.add((start, end))
    if eras:
        later = re.compile(f"(?:{'|'.join(sorted(eras))}){_ERA_YEAR_NUMBER}")
        for m in later.finditer(text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                found.append(Span(*m.span(), "DATE", m.group(), {}, "date.glossed_era_year", 0.7))
    return found


def _find_dates(text: str) -> list[Span]:
    spans = _dates(text)
    spans += [Span(*m.span(), "DATE", m.group(), {}, "date.doc_year", 0.7) for m in _DOC_YEAR_RE.finditer(text)]
    spans += [Span(*m.span(), "DATE", m.group(), {}, "date.reign_year", 0.8) for m in _REIGN_YEAR_RE.finditer(text)]
    spans += _glossed_era_years(text, spans)
    return sorted(spans + _era_years(text, spans), key=lambda s: s.start)


def _dates(text: str) -> list[Span]:
    points = [p for m in _POINT_RE.finditer(text) if (p := _point(text, m)) is not None]
    spans: list[Span] = []
    i = 0
    while i < len(points):
        point = points[i]
        start, end, kind = point.start, point.end, point.kind
        # 2021年4月6日至9日, 2019年9月—2020年1月: a range of two points is one DATE.
        while i + 1 < len(points) and _joins(text, points[i], points[i + 1]):
            i += 1
            end = points[i].end
            kind = "range" if points[i].kind != "day" or kind != "day" else "day"
        i += 1
        if point.kind == "haoday":
            continue  # 第5号至8号提案: 8号 ends no range of dates, a number
        # A range of bare days (4日至11日) needs its month before it as one bare day does.
        dated = (kind in _DATED_BEFORE and end == point.end) or point.kind in ("day", "cnday")
        if dated and not _day_stands(text, point):
            continue
        rule, confidence = _RULES.get(kind, ("date.range", 0.9))
        if kind == "md" and not any(ch in text[start:end] for ch in "日号"):
            rule = "date.month"
        spans.append(Span(start, end, "DATE", text[start:end], {}, rule, confidence))
    return spans


def _point(text: str, m: re.Match[str]) -> _Point | None:
    """The match as a point with its fields, or None where it is no calendar date."""
    kind = m.lastgroup or ""
    start, end = m.span(kind)
    body = text[start:end]
    if kind == "gluedmd":
        if not _glued_after_cue(text, start):
            return None  # 提案1052月3日: a number glued to a month with nothing saying where it ends
        kind = "md"
    if kind == "dayless":
        month, day = (int(n) for n in body.split("月"))
        return _Point(start, end, kind, 1, 2) if day <= calendar.monthrange(2000, month)[1] else None
    if kind == "compact" and (
        _COUNT_LABEL_RE.search(text, max(0, start - 6), start)
        or _CONTACT_LABEL_RE.search(text, max(0, start - 6), start)
    ):
        return None  # 文件编号20231205, 电话20831205: an identifier, a telephone number
    if text[start - 1 : start] == "/" and text[end : end + 1] == "/" and "年" not in body:
        return None  # …/content/2017/09/19/6224992.html: a folder of a link's path dates the address
    # 一、二月份 at a line's start is a heading's list number, then the month.
    heading = kind == "cnmonth" and (start == 0 or text[start - 1] == "\n")
    if _AND in body and (heading or not _follows(body, kind)):
        if kind == "ymd" and _AND not in body[: body.index("年")]:
            end = start + body.index("年") + 1  # 2003年一、三月: two months apart, the year stands alone
        elif kind in ("ymd", "yrange"):
            return None
        else:
            start += body.index(_AND) + 1  # 1、3月份: a list item's number, then the month
        body = text[start:end]
    if kind in ("bare", "cnbare"):
        # 1978,1982,1994: a year in a comma list is counted where the list's last number is (2019,2020件).
        if kind == "bare" and _VOLUME_LINE_RE.match(text, end) and (start == 0 or text[start - 1] == "\n"):
            return _Point(start, end, kind, 0, 0)  # 2016卷 alone on its line: a yearbook's volume, named by its year
        listed = _YEAR_LIST_TAIL_RE.match(text, end)
        if _counted(text, listed.end() if listed else end):
            return None
        if text.startswith(tuple(_DASHES), end) and not _OPEN_END_RE.match(text, end):
            return None  # 1993—: a range's first year, the second cut off or a number's (0571-1988-3366)
        if _COUNT_LABEL_RE.search(text, max(0, start - 6), start):
            return None
        if kind == "bare" and _COUNT_ROW_AFTER_RE.match(text, end):
            return None  # 第五届1988 1016 (51.1): a table's row of counts, the next one no year
        return _Point(start, end, kind, 0, 0)
    if kind == "fiscal":
        first, second = (int(n) for n in re.findall(r"[0-9]+", body)[:2])
        if second < 100:
            second += first // 100 * 100 + (100 if second < first % 100 else 0)
        return _Point(start, end, kind, 0, 0) if second == first + 1 else None
    if kind == "shortymd" and text.startswith(("余", "多"), end) and "日" not in body:
        return None  # 15年6月余: a duration written without 个
    if kind == "dmy":
        day, month, year = (int(n) for n in re.split(r"[/.\-]", body))
        return _Point(start, end, kind, 0, 2) if day <= calendar.monthrange(year, month)[1] else None
    if _LUNAR_BEFORE_RE.search(text, max(0, start - 3), start):
        return None  # 农历的元月, 正月十五日: the traditional calendar's days name festivals
    if kind == "ymdot":
        # 从1949.10起: after a word that gives a start, 起 says "from", no count of cases (2019.10起 alone is).
        started = text[start - 1 : start] in _FROM_CUES and text.startswith("起", end)
        return None if _counted(text, end) and not started else _Point(start, end, kind, 0, 1)
    if kind == "yrange":
        first, second = (int(y) for y in re.findall(r"[0-9]{4}", body)[:2])
        # 1998~2003年间: after its 年 a range is years whatever follows (间 is no measure word there).
        if second <= first or (not body.endswith(("年", "度")) and _counted(text, end)):
            if body[4:5] == "年":
                return _Point(start, start + 5, "ymd", 0, 0)  # 2003年至1998, 1998年至2003人: the year alone
            return None
        return _Point(start, end, kind, 0, 0)
    if kind == "ymrange":
        dotted = body.split(re.findall(r"[^0-9.]+", body)[0])
        opening = (int(dotted[0].split(".")[0]), int(dotted[0].split(".")[1]) if "." in dotted[0] else 0)
        closing = (int(dotted[1].split(".")[0]), int(dotted[1].split(".")[1]) if "." in dotted[1] else 13)
        return _Point(start, end, kind, 0, 1 if "." in dotted[1] else 0) if closing > opening else None
    if kind == "decade":
        return _Point(start, end, kind, 0, 0)
    if kind == "slash":
        month, day = (int(n) for n in re.split("[/-]", body))
        return _Point(start, end, kind, 1, 2) if day <= calendar.monthrange(2000, month)[1] else None
    if kind in ("bracket", "bracketday"):
        return _Point(start, end, kind, 2, 2)
    if kind == "md" and _not_month(text, start, end):
        return None
    if (
        kind in ("md", "cnmonth")
        and not any(ch in body for ch in ("日号" if kind == "md" else "日号份"))
        and _SPAN_BEFORE_MONTH_RE.search(text, max(0, start - 3), start)
    ):
        return None  # 近3月, 今年前3月: a span of months
    if kind == "ymd" and body.endswith("年") and _SPAN_BEFORE_YEAR_RE.search(text, max(0, start - 3), start):
        return None  # 距今2000年, 有2000年历史: a number of years
    if kind == "cnmd" and text.startswith("年", end):
        return None
    if not _valid(body):
        return None
    if (
        kind == "ymd"
        and body[:2] < "18"
        and "月" not in body
        and not _EARLY_YEAR_CUE_RE.search(text, max(0, start - 3), start)
    ):
        return None  # 有1300年历史: a duration; 建于1368年, 1368年5月 name the year
    if kind == "iso":
        whole = re.match(r"[0-9]+[^0-9][0-9]+[^0-9][0-9]+", body)
        fields = [int(n) for n in re.findall(r"[0-9]+", body)]
        until: tuple[int, ...] | None = (
            tuple(fields[3:]) if len(fields) == 5 else (fields[1], fields[3]) if len(fields) == 4 else None
        )
        if whole and until is not None and until <= (fields[1], fields[2]):
            end = start + whole.end()  # 2023.12.21-20, 1984.5.16—5.12: no range, the date alone
        return _Point(start, end, kind, 0, 2)
    if kind == "compact":
        year, month, day = int(body[:4]), int(body[4:6]), int(body[6:])
        return _Point(start, end, kind, 0, 2) if day <= calendar.monthrange(year, month)[1] else None
    fields = [_FIELD_OF[ch] for ch in body if ch in _FIELD_OF]
    if not fields:
        return None
    return _Point(start, end, kind, fields[0], fields[-1])


def _follows(body: str, kind: str) -> bool:
    """Whether the second of two values joined by 、 follows the first: the next day or month
    (14、15日, 7、8月份), the next decade (80、90年代); after a year, any later day."""
    if kind == "yrange":
        # 1992、1993、1994年: years sharing 年, each later than the one before; an annals lists years apart
        # (1980、1985、1987、1989年,先后建立…), a calendar year each.
        years = [int(y) for y in re.findall(r"[0-9]{4}", body)]
        return all(a < b and 1800 <= a and b < 2100 for a, b in itertools.pairwise(years))
    pair = re.search(r"([0-9]+)、([0-9]+)", body)
    if pair is None and kind in ("cnmonth", "cnmonthline", "ymd"):
        # 一、二月份; after an Arabic year 1985年十一、十二月
        months = re.search(r"(?:^|年)([^年、]+)、([^、]+?)月", body)
        first_month, second_month = (parse_number(months[1]), parse_number(months[2])) if months else (None, None)
        return first_month is not None and second_month is not None and second_month - first_month == 1
    if pair is None:
        return True  # 五、六十年代: Chinese tens, next to each other by their form
    first, second = int(pair[1]), int(pair[2])
    if kind == "ymd":
        return second > first
    return second - first == (10 if kind == "decade" else 1)


def _counted(text: str, end: int) -> bool:
    """Whether a unit or qualifier after a bare number makes it a count (2000名, 2020余人, 海拔2000米),
    not where that character begins a time word (2024元宵节, 2019元旦)."""
    from pizhu.extract.figures import place_opens_at, time_words, unit_at

    if not (_COUNT_AFTER_RE.match(text, end) or unit_at(text, end)):
        return False
    if text[end : end + 1] in "余多" and place_opens_at(text, end):
        return False  # 2018余杭区旅港同乡会年会: 余 opens a place's name, no qualifier
    return text[end : end + 2] not in time_words()


# The cues before a run of digits glued to a month (gluedmd): a page counter's label, a clock time's hour
# (the run its minutes), a spam code's Latin letter.
_GLUED_CLOCK_RE = re.compile(r"(?<![0-9])(?:[01]?[0-9]|2[0-3]):$")


def _glued_after_cue(text: str, start: int) -> bool:
    """Whether the digits glued before the month at ``start`` end a page counter, a clock time or a code."""
    run = start
    while run > 0 and text[run - 1].isdigit():
        run -= 1
    if start - run > 8:
        return False
    if _COUNT_LABEL_RE.search(text, max(0, run - 8), run):
        return True
    if start - run == 2 and _GLUED_CLOCK_RE.search(text, max(0, run - 3), run):
        return True
    return run > 0 and text[run - 1].isascii() and text[run - 1].isalpha()


def _joins(text: str, left: _Point, right: _Point) -> bool:
    """Whether two points separated by a range mark are one range (the right one no larger)."""
    if left.kind == right.kind == "iso":
        # 2022-11-20至2022-11-25: two whole dates joined by a range mark, the second after the first
        later = [int(n) for n in re.findall(r"[0-9]+", text[right.start : right.end])[:3]] > [
            int(n) for n in re.findall(r"[0-9]+", text[left.start : left.end])[:3]
        ]
        return later and _RANGE_SEP_RE.fullmatch(text, left.end, right.start) is not None
    if left.kind == right.kind == "decade":
        return _RANGE_SEP_RE.fullmatch(text, left.end, right.start) is not None  # 80年代至90年代
    if left.kind in ("bare", "cnbare", "dmy", "decade", "yrange", "slash", "bracket") or right.kind in (
        "bare",
        "cnbare",
        "dmy",
        "decade",
        "yrange",
        "iso",
        "slash",
        "bracket",
    ):
        return False
    between = _RANGE_SEP_RE.fullmatch(text, left.end, right.start)
    if between is None and _yi_dash(text, left, right):
        return True
    return between is not None and right.first <= left.last and right.first >= left.first


def _yi_dash(text: str, left: _Point, right: _Point) -> bool:
    """1983年6月一1988年3月, 1991年3月9日一3月12日: a term table's range whose dash the page (or its OCR) wrote
    as 一, as 1949一2019 is read: between a date with its year and month and an Arabic date no larger in its
    first field (a year no earlier); 一 before a count or a quarter (一名, 一季度) is the numeral."""
    if right.start != left.end + 1 or text[left.end] != "一" or not text[right.start].isdigit():
        return False
    if left.first != 0 or left.last < 1 or not right.first <= left.last:
        return False
    if right.first == 0:
        return int(text[right.start : right.start + 4]) >= int(text[left.start : left.start + 4])
    return True


def _day_stands(text: str, point: _Point) -> bool:
    """A bare day (6日), or a Chinese month alone (按一月召开的), is a date where a month was given
    before it; an Arabic month alone always is."""
    if point.kind == "md":
        return True
    opens = point.start == 0 or text[point.start - 1] in "\n。；;"
    if point.kind == "cnmonthline" or (
        point.kind == "cnmonthctx" and opens and _MONTH_BEFORE_RE.search(text, 0, point.start) is None
    ):
        # a chronicle's month opening its line or sentence (三月召开…): dated by its year
        return _YEAR_BEFORE_RE.search(text, 0, point.start) is not None
    if point.kind in ("day", "cnday") and _LENGTH_BEFORE_RE.search(text, max(0, point.start - 3), point.start):
        return False
    if point.kind in ("day", "cnday") and _MONTH_WORD_RE.search(text, max(0, point.start - 3), point.start):
        return True
    return _MONTH_BEFORE_RE.search(text, 0, point.start) is not None


def _valid(body: str) -> bool:
    """Month 1–12 and a day that month has (2月30日 is none; 2月29日 only in a leap year)."""
    iso = re.match(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?![0-9])", body)
    fields = [(iso[1], "年"), (iso[2], "月"), (iso[3], "日")] if iso else _FIELDS_RE.findall(body)
    year = month = None
    for number, unit in fields:
        if unit == "年" and not number.isdigit():
            number = number.translate(_ZERO_FORMS)
        value = 1 if number == "元" else parse_number(number)
        if value is None:
            return False
        if unit == "年":
            year = int(value)
        elif unit == "月":
            if not 1 <= value <= 12:
                return False
            month = int(value)
        elif not 1 <= value <= 31 or (month and value > calendar.monthrange(year or 2000, month)[1]):
            return False  # (2000: a leap year, where the text gives none)
    return True


_FIELDS_RE = re.compile(r"([0-9〇零○OＯ一二三四五六七八九十廿卅元]+)([年月日号])")


def _not_month(text: str, start: int, end: int) -> bool:
    """Whether an ``N月`` match is not a month: 个月, 月份 counts, or glued to a number."""
    before = text[start - 1] if start else ""
    if before and (before in "个几第每" or before.isdecimal()):  # ①3月: a list's number, no digit
        # 2005-11-1511月7日: a page's timestamp glued on before the month leaves it a month.
        glued = (
            _ISO_BEFORE_RE.search(text, max(0, start - 10), start)
            or _CLOCK_BEFORE_RE.search(text, max(0, start - 10), start)
            or (text.endswith(("日", "号"), 0, end) and _glued_after_cue(text, start))
        )
        return not glued
    if text[max(0, start - 2) : start] in ("每年", "每月"):
        return True  # 每年3月: a month that recurs, like 每周一
    after = text[end : end + 1]
    # 3月余 / 3月多: a duration written without 个.
    return after in ("余", "多") and "日" not in text[start:end]
