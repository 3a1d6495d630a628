"""Find FIGUREs: measured amounts, a numeral with its unit or measure word, or a percentage.

The grammar (GUIDELINES.md, "FIGURE span and attributes"):

    [prefix qualifier] numeral [余|多] [scale] [余|多] unit [suffix qualifier]

with prefix 近 约 超 超过 逾 不到 …, scale 万 亿 …, bracketed units ``人(次)``, and two
figures glued together (``15批152人次``) coming out as two matches because each match
stops at its unit. Arabic numerals with a unit are nearly always counts; Chinese
numerals are also how fixed sets and slogans are written (八项规定, 两个确立, 三年行动),
so a Chinese-numeral candidate must pass context tests and gets a lower confidence.
Years and dates are left to :mod:`extract.dates`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import cache
from pathlib import Path

from pizhu.extract.models import Span
from pizhu.extract.numbers import (
    ARABIC_NUMERAL,
    CN_DIGITS,
    CN_NUMERAL,
    CN_NUMERAL_CHARS,
    REIGN_TITLES,
    SCALES,
    ascii_digits,
    join_broken_lines,
    parse_number,
    to_json_number,
)
from pizhu.extract.places import table as places_table
from pizhu.extract.prefilter import finditer_near, scanning

__all__ = ["find_figures", "measure_kinds", "time_words", "unit_at"]


def _read_measure_words() -> dict[str, tuple[str, str]]:
    """``extract/data/measure_words.tsv``: word -> (kind, what a Chinese numeral before it makes)."""
    table = {}
    path = Path(__file__).parent / "data" / "measure_words.tsv"
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            word, kind, cn, _source = line.split("\t")
            table[word] = (kind, cn)
    return table


_MEASURE_WORDS = _read_measure_words()


def counted_measures() -> frozenset[str]:
    """The measure words a Chinese numeral before them counts with (``cn`` count or cue: 三次, 两项; not 服 of 服务)."""
    return frozenset(w for w, (_kind, cn) in _MEASURE_WORDS.items() if cn != "no")


def measure_kinds() -> dict[str, str]:
    """Each measure word of ``measure_words.tsv`` with its kind (time, money, count…)."""
    return {word: kind for word, (kind, _cn) in _MEASURE_WORDS.items()}


# Longest first inside the alternation, so 人次 beats 人 and 个月 beats 个.
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(_MEASURE_WORDS, key=len, reverse=True))
# Units that count events or spans of time: a Chinese numeral before them is a count
# wherever it stands (两次刊发, 三场, 七十五载), unless it designates a meeting.
# 十面(鲜艳的)红旗, 八面彩旗: flags counted by 面; 两面旗帜 (爱国主义和社会主义两面旗帜) are banners of ideas, no count.
_FLAG_AFTER_RE = re.compile(r"[^，,。;；、:：\n]{0,5}?旗(?!帜)")
_CN_COUNT_UNITS = frozenset(w for w, (_kind, cn) in _MEASURE_WORDS.items() if cn == "count")
# Units a Chinese numeral takes only where the sentence counts (等四项制度, 举办两期…).
_CN_CUE_UNITS = frozenset(w for w, (_kind, cn) in _MEASURE_WORDS.items() if cn == "cue")

_UNIT_ALIASES = {"百分点": "个百分点"}
# 1个多月, 两个多小时: 多/余 inside a span of time counted with 个 (unit 个月, approx over).
_OVER_UNIT = "个[多余半](?:月|小时|星期|季度|工作日)"

_PREFIX_APPROX = {
    "超过": "over", "超": "over", "逾": "over", "多达": "over",
    "不到": "under", "不足": "under", "将近": "under", "接近": "under", "近": "under",
    "大约": "about", "约": "about",
}  # fmt: skip
_SUFFIX_APPROX = {"以上": "over", "之多": "over", "余": "over", "多": "over",
                  "以下": "under", "以内": "under", "左右": "about"}  # fmt: skip

# A Chinese numeral starts with a digit, 十, 廿 or 卅 (never with a bare 百/千/万: 千家万户,
# 万名委员), except a bare 百/千/万 before 余/多 (百余人).
_CN = rf"{CN_NUMERAL}|[百千万](?=[余多])"

# OCR left a space before a decimal point (``6 .4%``); after it the space is a list's (``3. 50名``).
# OCR read a leading 1 as l or I (``l56名``): the value reads what the page meant.
# Typeset yearbooks group digits by threes with a space (GB/T 15835: ``1 320人次``), thin or plain.
_GROUP_SPACES = " \u2009\u202f\u00a0"
_GROUP_SPACE_RE = re.compile(f"[{_GROUP_SPACES}]")
_ARABIC = (
    rf"[0-9]+ [.．][0-9]+|[lI](?=[0-9]{{2}})[0-9]+"
    rf"|[0-9]{{1,3}}(?:[{_GROUP_SPACES}][0-9]{{3}})+(?![0-9])|{ARABIC_NUMERAL}"
)

_FIGURE_RE = scanning(
    re.compile(
        rf"(?P<pre>超过|不到|不足|将近|大约|多达|约|近|超|逾)?"
        # 187****4577: the tail of a masked number (a phone or an account) is no quantity.
        rf"(?<![0-9０-９A-Za-z+\-—–~/*＊])(?<![0-9０-９][.,:．，])"
        rf"(?:(?P<ar>{_ARABIC})|(?P<cn>{_CN}))"
        rf"(?P<mid1>余|多)?(?P<scale>万亿|千万|百万|十万|万|亿|千)?(?P<mid2>余|多)?"
        # 10.5 %: normalization keeps a space before a sign (it removes one before a CJK unit only).
        # 1.07 MB: a forum's attachment line spaces a file size from its Latin unit.
        rf"(?:(?<=[0-9]) (?=[%‰]|[A-Z]B))?"
        rf"(?P<unit>{_OVER_UNIT}|{_UNIT_ALT})(?P<bracket>[(（](?:次|场次|条|件|篇|份|个|项|人|名|(?<=省[(（])区、?市)[)）])?"
        # 两天半, 一年半, 3个月半: a half after a span of time (not 一年半载, an idiom).
        rf"(?P<half>半(?![载年月天日]))?"
        # 两成多: 多 after 成 (tenths) as 以上 after any unit.
        # 增长1倍多: 多 after 倍 (a multiple) likewise.
        rf"(?P<post>以上|以下|以内|左右|之多|(?<=[成倍])多(?![少元种样项]))?"
    )
)
_SCALE_VALUES = {"万亿": Decimal(10**12), "千万": Decimal(10**7), "百万": Decimal(10**6),
                 "十万": Decimal(10**5), "千": Decimal(1000), **SCALES}  # fmt: skip
# A calendar year is written as four plain digits (2023年); 14.2年 or 1,200年 is a duration.
# The test is on the numeral's form, never on its length alone: "14.2" is four characters too.
_OCR_DIGITS_RE = re.compile("^[lI]")
_YEAR_FORM_RE = re.compile(r"[12][0-9]{3}")
_LEVEL_UNITS = frozenset("省市县区")
_YEAR_MONTH_DOT_RE = re.compile(r"(?:1[89]|20)[0-9]{2}\.(?:1[0-2]|0?[1-9])")
_SESSION_WORDS = ("两会", "政协", "人大", "党代会")

# Characters before a numeral that make it an ordinal, a relative span or a distributive.
_ORDINAL_BEFORE = frozenset("第首每这那该本此哪几")
# 届 before a Chinese numeral: 十三届三次常委(扩大)会议 designates a session.
_QUOTES_OPEN = frozenset('“‘"「『')
_QUOTES_CLOSE = frozenset('”’"」』')
_TIME_UNITS = frozenset(
    ("个月", "月", "年", "天", "日", "周", "小时", "个工作日", "工作日", "季度", "个年头", "个春秋")
)
_CN_BLOCK_BEFORE = _ORDINAL_BEFORE | frozenset('届前后上下各逐数“‘"「『〔【')
_CN_NUMERAL_SET = frozenset(CN_NUMERAL_CHARS)
_BOUNDARY_AFTER = frozenset("，。；、,.;:：!?！？)）」』”’\n》… ")
# What a clause starts after: a span of time there, then 中/间/里, is the stretch the text looks back over.
_CLAUSE_OPEN = frozenset("\n，。；,;：:！？!? \t")
# The calendars before 1949 that count years from an accession or from 1912: the Republic and the
# reign titles of the Ming and Qing emperors (numbers.REIGN_TITLES, a closed table, as the provinces are).
_ERA_BEFORE_RE = re.compile(f"(?:民国|{'|'.join(REIGN_TITLES)})$")
# Words before a time span that make it relative (GUIDELINES: 近两年 is nothing): 过去五年, 未来5年.
# After 的 a span of time is a period named by what precedes it (十二届省政协的五年, 过去的五年).
_RELATIVE_BEFORE = ("过去", "未来", "今后", "最近", "此后", "近", "这", "头", "前", "后", "每", "的")
# Words before a Chinese-numeral measure word that mark a count (等四项制度, 共三个, 举办两期).
_CN_COUNT_CUES = (
    "等", "共", "计", "达", "了", "有", "为", "举办", "举行", "开展", "组织", "召开", "出台", "制定",
    "印发", "形成", "提出", "收到", "征集", "编印", "出版", "建成", "新建", "新增", "培训", "接待",
    "走访", "撰写", "报送", "编辑", "完成", "办理", "成立", "占",
    # A length spent on something: 经两个月的筹备, 历经三年, 用了两天.
    "经", "历经", "历时", "耗时", "用了", "花了",
    # Units a body sets up: 设九个专门委员会, 下设三个工作组.
    "设", "设立", "设有",
    # The bodies a leader brings: 率领八个部门的负责人, 带领五个部门.
    "率领", "带领",
    # A party counted: 一行六人.
    "一行",
)  # fmt: skip
# 分三批, 分两个小组, 分成四个小组: a group divided into counted parts (not 部分, 充分, 十分 …).
_DIVIDED_RE = re.compile(r"(?<![部充十过百千万几之])分(?:成|为)?$")
# Heads after 个/项/大… that name a fixed formula rather than things counted.
_SET_HEADS = ("确立", "维护", "意识", "自信", "规定", "全覆盖", "务必", "必须", "一", "薄弱", "坚持",
              "重点", "不", "到", "代表", "有利于", "结合", "字", "文明",
              # The report laying out its own structure (RULINGS: 包括四个方面的内容, 三种情况).
              "方面", "情况", "部分", "层次", "阶段", "环节", "特点", "原则", "问题", "板块")  # fmt: skip
# 报告从…五个方面全面回顾了: a story telling how a report reviewed the year counts the aspects it names (RULINGS:
# 605, 747); the report's own `主要表现在四个方面:` stays its structure. The aspects are followed by a verb of
# reviewing or by the sentence's end, and `从` opens the same sentence before the count.
_REVIEWED_AFTER_RE = re.compile(
    r"方面(?:全面|系统|详细|简要|深入|认真)?地?(?:回顾|总结|阐述|介绍|汇报|报告|概括|梳理)|方面(?:$|[。\n])"
)
_REVIEW_FROM_WINDOW = 200


def _reviewed_from(text: str, start: int, end: int) -> bool:
    """`从…N个方面回顾`: the count of aspects a report is said to review from (a bounded look back)."""
    if _REVIEWED_AFTER_RE.match(text, end) is None:
        return False
    lo = max(0, start - _REVIEW_FROM_WINDOW)
    at = text.rfind("从", lo, start)
    return at >= 0 and "。" not in text[at:start] and "\n" not in text[at:start]


# Modifiers of weight that may stand between a count and its head (三个主要特点, 两个重要部分).
_WEIGHT_MODIFIERS = ("主要", "重要", "基本", "显著", "突出", "鲜明", "核心", "关键")
# After a measure word of people, 代表 names the people counted (六十名代表), not the formula 三个代表.
_PEOPLE_UNITS = frozenset(("名", "位"))
_PEOPLE_HEADS = ("代表",)
# A clause that counts (共召开7届26次全体会议): what follows its verb is a count, even of sessions.
_COUNTED_RE = scanning(re.compile(r"(?:(?<!中)共|共计|累计|总计|合计|先后)(?:召开|举行|举办)?[^，。；,;：:]*$"))
_SESSION_AFTER_TERM_RE = re.compile(r"第?[一二三四五六七八九十]{1,3}次|[一二三四五六七八九]中全会")
_MEETING_AFTER_RE = re.compile(r"(?:会议|全会|全体会议|常委会|大会|会|党代会)")
# A verb right before N次 + a meeting word makes it a count of meetings (召开4次常委会议,
# 主持召开五次主席会议); a plenary (全会) is still named by its ordinal (召开二次全会).
_COUNT_VERB_BEFORE_RE = re.compile(r"(?:召开|举行|举办|主持|组织|列席|出席|参加)了?$")
# The same verb governing a list whose later items are N次 + a noun a meeting word modifies
# (举办4次…集体学习、4次主席会议集体学习、4次常委会学习讲座): each item is a count.
_LISTED_COUNT_BEFORE_RE = re.compile(r"(?:召开|举行|举办|主持|组织|开展)了?[^，。；,;：:]*、$")
# A one-character unit whose character begins a word with what follows it is no unit there:
# 部门 (2部门), 部队 (a unit's code number: 61234部队), 成员/成立/成为/成果… (5成员),
# 回复/回应/回答/回顾/回访/回归 (a forum's 0回复), 服务/服装/服从 (a stray page number before 服务大局: 1服务).
_WORD_AFTER_UNIT = {
    "部": "门队", "成": "员立为果效本就功绩", "回": "复应答顾访归", "服": "务装从饰",
    "任": "务期职命免何意性教内上",  # 3任期, 5任职: a word, not terms of office
}  # fmt: skip


# 百分之九十五 / 百分之95 / 千分之五: a percentage (per mille) written out.
_CN_PERCENT_RE = scanning(
    re.compile(
        rf"(?P<pre>超过|不到|不足|近|约|超|逾)?(?P<per>[百千])分之"
        rf"(?P<num>[0-9]+(?:\.[0-9]+)?|{CN_NUMERAL}(?:点[〇○零一二三四五六七八九]+)?|百(?![0-9{CN_NUMERAL_CHARS}]))"
        rf"(?P<post>以上|以下|以内|左右)?"
    )
)


# 近百场, 逾千人次, 上万名, 数百人 (GUIDELINES v1.1): a bare 百/千/万 that a qualifier makes a count.
# 数十件 likewise (数十 is tens, as 数百 is hundreds).
# 逾百万港元, 近千万元: 百万 and 千万 are bare scales too.
# 近千四人, 千二人, 逾万五人: Cantonese shortens 一千四百 to 千四 (1400); with its measure word a count,
# qualified or not (百二幼儿, with no measure word, is none).
_BARE_SCALE_RE = scanning(
    re.compile(
        rf"(?P<pre>近|逾|上|数|超过|超|约)?(?P<num>百万|千万|[百千万]|(?<=数)十)"
        rf"(?P<tail>(?<=[百千万])[一二三四五六七八九](?![十百千万]))?(?P<unit>{_UNIT_ALT})"
        # 近万人(次): a bracketed unit stays in the span, as 320人(次) (GUIDELINES).
        rf"(?P<bracket>[(（](?:次|场次)[)）])?"
    )
)
_BARE_SCALE_VALUES = {
    "十": Decimal(10), "百": Decimal(100), "千": Decimal(1000), "万": Decimal(10000),
    "百万": Decimal(10**6), "千万": Decimal(10**7),
}  # fmt: skip
_BARE_SCALE_APPROX = {
    "近": "under", "逾": "over", "上": "over", "数": "about", "超过": "over", "超": "over", "约": "about",
}  # fmt: skip
# A body right after N届 is that term's (四届区政协, 五届全国政协, 十届市政协): an ordinal, whatever
# came before; 共召开六届委员会议 counts the committees' sessions.
_BODY_AFTER_TERM_RE = re.compile(r"(?:全国|自治区|省|市|县|区|州|旗)?(?:政协|人大|人民代表大会)|委员会(?!议)")
# 连任两届, 连续三届, 共举办三届: a count of terms or editions; 第三届 / 十三届三次会议 /
# 四届区政协 name one term.
_TERMS_RE = scanning(
    re.compile(
        r"(?<=连任|连续|历任|历经|经历|已历|担任|任职|举办|举行|已办|共办|办了|召开|并有|共有|运作|运行|走过|历过|任过)"
        r"(?P<num>[两二三四五六七八九十]|十[一二三四五六七八九]|[二三四五六七八九]十[一二三四五六七八九]?|[0-9]{1,2})届"
        r"|(?<=[共历已])(?P<num2>[两二三四五六七八九十]|[0-9]{1,2})届(?=[,，。;；、])"
        # 7届全体会议都在县城召开: the plenaries of several terms (one is 第7届, or 7届2次), counted.
        r"|(?<![第\d一二三四五六七八九十])(?P<num3>[0-9]{1,2})届(?=(?:委员会)?全体会议(?!第))"
    )
)


# 四分之一, 三分之二以上, 超过三分之一: a fraction (extract/data/RULINGS.md), value M/N and no unit.
_FRACTION_RE = scanning(
    re.compile(
        rf"(?P<pre>超过|不到|不足|近|约|超|逾)?(?<![百千])(?P<den>[0-9]+|{CN_NUMERAL})分之(?P<num>[0-9]+|{CN_NUMERAL})"
        rf"(?P<post>以上|以下|左右)?"
    )
)


# 一米四五, 1米8: a spoken length, the unit between the whole and the decimals.
_SPOKEN_RE = scanning(
    re.compile(
        r"(?<![〇零一二三四五六七八九十两0-9])(?P<whole>[一二两三0-9])米(?P<frac>[一二三四五六七八九]{1,2}|[0-9]{1,2})(?![0-9〇零一二三四五六七八九十百千万米])"
    )
)


# A line break cut a quantity where it follows a digit, a numeral, a qualifier or the head of a
# unit, and precedes a digit, a numeral or a unit's character (``93.35`` / ``万元``, ``近`` /
# ``200次``, ``二百四十`` / ``五件``, ``3.5个百分`` / ``点``): the finder reads across it.
_JOIN_LEFT = frozenset(
    "0123456789.点分之余多近约超逾过到足" + CN_NUMERAL_CHARS + "".join(w[:-1] for w in _MEASURE_WORDS)
)
_JOIN_RIGHT = frozenset(
    "0123456789%‰余多以左之分(（" + CN_NUMERAL_CHARS + "".join(_MEASURE_WORDS) + "".join(_UNIT_ALIASES)
)


def find_figures(text: str) -> list[Span]:
    """Every FIGURE in normalized ``text``, in order of position.

    A quantity a PDF line break cut in two is read across the break, and its span holds it
    (``numbers.join_broken_lines``).
    """
    view = join_broken_lines(text, _JOIN_LEFT, _JOIN_RIGHT)
    if view is None:
        return _find_figures(text)
    joined, positions = view
    spans = []
    for span in _find_figures(joined):
        start, end = positions[span.start], positions[span.end - 1] + 1
        spans.append(replace(span, start=start, end=end, text=text[start:end]))
    return spans


def _find_figures(text: str) -> list[Span]:
    spans: list[Span] = []
    for match in _FIGURE_RE.finditer(text):
        span = _figure(text, match)
        if span is not None:
            spans.append(span)
    extra = []
    if "分之" in text:
        extra += _written_percents(text) + _fractions(text)
    extra += _bare_scales(text)
    if "米" in text:
        # 1米8 is one length: it takes the place of the 1米 it starts with.
        spoken = _spoken_lengths(text)
        spans = [s for s in spans if not any(x.start <= s.start and s.end <= x.end for x in spoken)]
        extra += spoken
    if "届" in text:
        extra += _terms(text)
    if "半" in text:
        extra += _half_spans(text)
    if "日" in text:
        extra += _day_lengths(text)
    if extra:
        taken = [(s.start, s.end) for s in spans]
        spans += [x for x in extra if not any(a < x.end and x.start < b for a, b in taken)]
        spans.sort(key=lambda s: (s.start, -s.end))
    return spans


def _bare_scales(text: str) -> list[Span]:
    spans = []
    for m in _BARE_SCALE_RE.finditer(text):
        unit = m.group("unit")
        pre, tail = m.group("pre") or "", m.group("tail")
        if unit in _TIME_UNITS:
            continue  # 近百年, 数千年: a relative stretch of history, not a measurement
        if not pre and (not tail or (m.start() and text[m.start() - 1] in _CN_NUMERAL_SET)):
            continue  # 千万不要; 三千四人 is a numeral of its own (the Chinese-numeral rule reads it)
        if pre and pre in "上数" and m.start() and text[m.start() - 1] in _CN_NUMERAL_SET:
            continue
        scale = _BARE_SCALE_VALUES[m.group("num")]
        value = scale + (scale / 10 * CN_DIGITS[tail] if tail else 0)
        attrs = {
            "value": to_json_number(value),
            "unit": unit + "次" if m.group("bracket") and not unit.endswith("次") else unit,
            "approx": _BARE_SCALE_APPROX.get(pre, "exact"),
            "metric": _metric(text, m.start(), m.end()),
        }
        spans.append(Span(m.start(), m.end(), "FIGURE", m.group(), attrs, "figure.bare_scale", 0.6))
    return spans


# 历时半年, 为期半个月: half a span of time, after a word that gives a length.
_HALF_SPAN_RE = scanning(re.compile(r"(?<=历时|为期|长达|用了|经过|用时|耗时)半(?P<unit>个月|个小时|年|天|小时)"))


def _half_spans(text: str) -> list[Span]:
    spans = []
    for m in finditer_near(_HALF_SPAN_RE, text):
        if text.startswith(("来", "以来", "多来"), m.end()):
            continue
        attrs = {"value": 0.5, "unit": m.group("unit"), "approx": "exact", "metric": _metric(text, m.start(), m.end())}
        spans.append(Span(m.start(), m.end(), "FIGURE", m.group(), attrs, "figure.half", 0.5))
    return spans


# 为期六日, 会期三日, 连续三日: a number of days in Chinese numerals after a word that gives a length is a
# length (日 is no measure word elsewhere: 六日 alone is a day of the month, DATE).
_DAY_LENGTH_RE = re.compile(
    rf"(?<=历时|为期|长达|连续|一连|会期|歷時|為期|長達|連續|一連|會期)(?P<num>{CN_NUMERAL})日(?![元报电報電])"
)


def _day_lengths(text: str) -> list[Span]:
    spans = []
    for m in _DAY_LENGTH_RE.finditer(text):
        value = parse_number(m.group("num"))
        if value is None or text.startswith(("来", "以来"), m.end()):
            continue
        attrs = {
            "value": to_json_number(value),
            "unit": "日",
            "approx": "exact",
            "metric": _metric(text, m.start(), m.end()),
        }
        spans.append(Span(m.start(), m.end(), "FIGURE", m.group(), attrs, "figure.day_length", 0.5))
    return spans


def _terms(text: str) -> list[Span]:
    spans = []
    for m in _TERMS_RE.finditer(text):
        number = m.group("num") or m.group("num2") or m.group("num3")
        value = parse_number(number)
        if value is None or (not m.group("num3") and _MEETING_AFTER_RE.match(text, m.end())):
            continue
        if _SESSION_AFTER_TERM_RE.match(text, m.end()):
            continue  # 召开十九届二次全会: the term of a session, not a count of terms
        # 担任三届政协委员会主席 may name a term; after 连任/连续 a number of terms is counted
        # whatever follows (连任三届政协委员).
        # 并有五届委员会, 共召开六届委员会议 (annals): the committees or their sessions counted.
        cue = text[max(0, m.start() - 3) : m.start()]
        # 经历过两届, 担任过三届县政协委员: a verb of serving with 过 tells how many; 共召开十届政协委员会议:
        # a total counts the terms' sessions whatever body follows.
        repeated = m.group("num") is not None and (
            cue[-2:] in ("连任", "连续", "并有", "共有") or cue.endswith("过") or cue.startswith("共")
        )
        if not repeated and _BODY_AFTER_TERM_RE.match(text, m.end()):
            continue  # 担任三届政协委员会主席, 召开五届全国政协会议: the term of a body named next
        start = next(m.start(g) for g in ("num", "num2", "num3") if m.group(g))
        metric = _metric(text, start, m.end())
        attrs = {"value": to_json_number(value), "unit": "届", "approx": "exact", "metric": metric}
        spans.append(Span(start, m.end(), "FIGURE", text[start : m.end()], attrs, "figure.terms", 0.6))
    return spans


def _spoken_lengths(text: str) -> list[Span]:
    spans = []
    for m in finditer_near(_SPOKEN_RE, text):
        whole, frac = parse_number(m.group("whole")), parse_number(m.group("frac"))
        if whole is None or frac is None:
            continue
        digits = len(m.group("frac"))
        value = whole + frac / (10**digits)
        attrs = {
            "value": to_json_number(value),
            "unit": "米",
            "approx": "exact",
            "metric": _metric(text, m.start(), m.end()),
        }
        spans.append(Span(m.start(), m.end(), "FIGURE", m.group(), attrs, "figure.spoken_length", 0.5))
    return spans


def _fractions(text: str) -> list[Span]:
    spans = []
    for m in _FRACTION_RE.finditer(text):
        den, num = parse_number(m.group("den")), parse_number(m.group("num"))
        if den is None or num is None or not 0 < num < den:
            continue
        approx = "exact"
        if m.group("pre"):
            approx = _PREFIX_APPROX[m.group("pre")]
        if m.group("post"):
            approx = _SUFFIX_APPROX[m.group("post")]
        value = round(num / den, 4)
        attrs = {
            "value": to_json_number(value),
            "unit": "",
            "approx": approx,
            "metric": _metric(text, m.start(), m.end()),
        }
        spans.append(Span(m.start(), m.end(), "FIGURE", m.group(), attrs, "figure.fraction", 0.7))
    return spans


def _written_percents(text: str) -> list[Span]:
    spans = []
    for m in _CN_PERCENT_RE.finditer(text):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        attrs = {
            "value": to_json_number(value),
            "unit": "%" if m.group("per") == "百" else "‰",
            "approx": _SUFFIX_APPROX[m.group("post")]
            if m.group("post")
            else _PREFIX_APPROX[m.group("pre")]
            if m.group("pre")
            else "exact",
            "metric": _metric(text, m.start(), m.end()),
        }
        spans.append(Span(m.start(), m.end(), "FIGURE", m.group(), attrs, "figure.cn_percent", 0.8))
    return spans


_LINE_END_RE = re.compile(r"[ \t]*(?:\n|$)")


def _figure(text: str, m: re.Match[str]) -> Span | None:
    num_start = m.start("ar") if m.group("ar") is not None else m.start("cn")
    start, end = m.start(), m.end()
    unit_word = m.group("unit")
    inner_over = unit_word[:2] in ("个多", "个余")
    inner_half = unit_word[:2] == "个半"  # 一个半月: 1.5 months
    if inner_over or inner_half:
        unit_word = "个" + unit_word[2:]
    unit = _UNIT_ALIASES.get(unit_word, unit_word)
    # 320人(次) is counted in 人次; 122项(条) stays a count of 项.
    if m.group("bracket") and m.group("bracket")[1] == "次":
        unit += "次"
    elif m.group("bracket") and unit == "省" and "区" in m.group("bracket"):
        unit = "省区市"  # 16省(区、市): the provinces, autonomous regions and municipalities
    pre, post = m.group("pre"), m.group("post")
    mid = m.group("mid1") or m.group("mid2")
    before = text[num_start - 1] if num_start > 0 else ""
    after = text[end : end + 4]
    arabic = m.group("ar") is not None
    # 1 320 (grouped by a space) reads 1320; l56 (OCR's l for 1) reads 156.
    ungrouped = _GROUP_SPACE_RE.sub("", ascii_digits(m.group("ar"))) if arabic else ""
    number_text = _OCR_DIGITS_RE.sub("1", ungrouped) if arabic else m.group("cn")

    if (
        before in _ORDINAL_BEFORE
        # 这5000元, 该50万元资金: a sum of money after a demonstrative is still the amount given
        and not (before in "这那该此" and _MEASURE_WORDS.get(unit_word, ("", ""))[0] == "currency")
    ) or (pre is None and before == "近"):
        return None
    before_range = text[num_start - 2] if num_start >= 2 else ""
    if before in "～〜~至到" and before_range and (before_range.isdigit() or before_range in _CN_NUMERAL_SET):
        return None  # 5～8人, 3至5人: a range of counts, not a count of 8 (增长至500人 is one)
    if unit == "页" and (
        _PAGE_OF_BEFORE_RE.search(text, max(0, num_start - 8), num_start) or _PAGE_AFTER_RE.match(text, end)
    ):
        return None  # 第1页共1页, 共5页,第2页: a page's pagination labels the page, as 03版 does
    if (
        unit == "卷"
        and arabic
        and re.fullmatch(r"(?:1[89]|20)[0-9]{2}", number_text)
        and (num_start == 0 or text[num_start - 1] == "\n")
        and _LINE_END_RE.match(text, end)
    ):
        return None  # 2016卷 alone on its line: a yearbook's volume named by its year (a DATE), no count
    if unit == "字" and text.startswith("体", end):
        return None  # 浏览次数:845字体: a page's font-size switch (字体) follows its view count, no characters (wave7b)
    if _range_of_unit(text, m, num_start, end, unit_word):
        return None  # 3次至5次, 10%—20%, 17℃-21℃: a range whose ends both carry the unit, no count of either
    counted = _COUNTED_RE.search(text, max(0, num_start - 8), num_start) is not None or (
        (
            _COUNT_VERB_BEFORE_RE.search(text, max(0, num_start - 5), num_start) is not None
            or (arabic and _LISTED_COUNT_BEFORE_RE.search(text, max(0, num_start - 60), num_start) is not None)
        )
        and not text.startswith("全会", end)
    )
    meeting = _MEETING_AFTER_RE.match(text, end)
    # 2次大会发言: the speeches at plenaries are counted (after 届 a session still: 十三届二次大会发言).
    speeches = meeting is not None and text.startswith("发言", meeting.end()) and before != "届"
    if unit == "次" and (meeting or before == "届") and not counted and not speeches:
        return None  # 九届三次会议, 二次全会, 十三届3次常委(扩大)会议: a session designation
    if (
        unit == "期"
        and _PHASE_AFTER_RE.match(text, end)
        and not _DIVIDED_RE.search(text, max(0, num_start - 3), num_start)
    ):
        return None  # 二期扩建项目, 2期工程: a project's phase names which part (分三期建设 counts them)
    if unit == "次" and _PER_SPAN_BEFORE_RE.search(text, max(0, num_start - 6), num_start):
        return None  # 1年1次, 两年1次: a frequency, as 五年一次 is
    if unit == "个" and _NUMERAL_AFTER_RE.match(text, end) and _few(number_text):
        return None  # “3个1”, 10个一工程, “4个100%”: a numbered formula (十个一), not things counted
    if unit in ("分钟", "小时", "个小时") and _CIRCLE_AFTER_RE.match(text, end):
        return None  # 15分钟生活圈, 1小时交通圈: a programme named by a travel time
    if arabic and before in _QUOTES_OPEN and unit not in _TIME_UNITS and _QUOTED_NAME_AFTER_RE.match(text, end):
        return None  # “4个意识”, “5位一体”, “3张清单”: a numbered slogan's name (四个自信), not a count
    if (
        arabic
        and before == "个"
        and num_start >= 2
        and text[num_start - 2].isdigit()
        and _MEASURE_WORDS[unit_word][0] not in ("currency", "measure")
    ):
        return None  # “2个100年”: the second numeral of a numbered formula (两个一百年)
    if arabic and unit == "项" and text.startswith("规定", end):
        return None  # 中央8项规定: the 八项规定, a fixed set
    if unit == "条" and (before in ("委", "国") or text.startswith("实施意见", end)):
        return None  # 省委二十条, 国八条, …三十条实施意见: a policy package named by its count of articles, a set
    if pre is None and _COMPARED_BEFORE_RE.search(text, max(0, num_start - 12), num_start):
        return None  # 会期比去年多1天, 迟1天开幕, 比上届少3人: a difference, a comparison (会期多一天)
    if unit in ("栋", "幢", "层", "座") and (
        _ADDRESS_AFTER_RE.match(text, end)
        or (unit == "层" and _BUILDING_BEFORE_RE.search(text, max(0, num_start - 2), num_start))
    ):
        return None  # 3栋2单元, 大厦3层会议室, 18层1801室: an address labels a building or a floor
    if arabic and _YEAR_FORM_RE.fullmatch(number_text) and place_opens_at(text, m.start("unit")):
        return None  # 2023通州两会: a year before a place whose name opens with a measure word
    if arabic and unit == "款" and _YEAR_FORM_RE.fullmatch(number_text):
        return None  # 2025款车型: a model year
    if arabic and before == "、" and _neighbour_before(text, num_start, number_text):
        return None  # 5、6名, 1、2次: an estimate of neighbouring digits (三五个, 七八次)
    if not arabic and before == "、" and _cn_neighbour_before(text, num_start, number_text):
        return None  # 十二、三岁, 二十七、八人: the same estimate in Chinese numerals (twelve or thirteen)
    if unit == "部" and text.startswith("分", end):
        return None  # 两部分, 一部分, 3部分: 部分 is the word "part", 部 no measure word there
    if unit.isascii() and unit.isalpha() and text[end : end + 1].isascii() and text[end : end + 1].isalpha():
        return None  # 3kms, 12kgx: a Latin unit symbol is whole or it is none
    if (
        _MEASURE_WORDS[unit_word][0] == "noun"
        and unit not in ("人", "字")
        and not m.group("bracket")
        and _BODIES_AFTER_RE.match(text, end)
    ):
        return None  # 12县人大, 3县2区政协: the bodies of the places counted (5市委), no count
    if before == "%" or (unit == "%" and _HEX_PAIR_RE.match(text, end)):
        return None  # %E6%94%BF: a URL's percent-encoding, no percentage
    if before == "前" and _RANK_BEFORE_RE.search(text, max(0, num_start - 12), num_start):
        return None  # 排名全省前10位, 进入全国前100名: a rank, an ordinal
    if _calendar_constant(text, num_start, end, unit, m.group("ar") or m.group("cn")):
        return None  # 全年365天, 一天24小时, 7×24小时, 一周7天: the calendar's, not a measurement
    if unit == "副" and before == "正":
        return None  # 1正4副: a leadership's posts (one head, four deputies), not pairs counted
    if unit == "次" and re.search(r"每(?:年|月|周|季度?|届|天|日)$", text[max(0, num_start - 3) : num_start]):
        return None  # 每年两次, 每月1次: a frequency
    if unit == "周" and after.startswith(("年", "岁")):
        return None  # 75周年: an anniversary, an ordinal
    if unit == "年" and after[:1] in ("代", "度", "级", "华", "诞"):
        return None  # 80年代, 2023年度
    if after.startswith(("华诞", "诞辰")):
        return None
    if unit == "年" and _ERA_BEFORE_RE.search(text, max(0, num_start - 4), num_start):
        return None  # 清康熙14年, 民国38年, 光绪三十年: a year of a reign or of the Republic, not a length
    if unit in _TIME_UNITS:
        # 一年来, 两年多来, 30年来, 过去五年, 未来5年: relative spans, not measurements.
        tail = text[end : end + 3]
        if tail.startswith(("来", "多来", "以来")):
            return None
        if before == "个" and text[max(0, num_start - 2) : num_start - 1] in ("一", "下", "上", "又", "每", "这", "那"):
            return None  # 下一个5年, 第一个5年: a period named, not a length measured
        if pre == "近" and not text[max(0, start - 2) : start].endswith(_NEAR_LENGTH_CUES):
            return None  # 近两年: relative; 用近2个月的时间, 历时近3个月: a length
        if _LOOKED_BACK_RE.search(text, max(0, start - 3), start) or (
            (start == 0 or text[start - 1] in _CLAUSE_OPEN) and _TERM_WORK_AFTER_RE.match(text, end)
        ):
            return None  # 回顾五年的工作, 五年的实践证明: the term the report looks back over (五年来)
        if _ONCE_AFTER_RE.match(text, end):
            return None  # 五年一次的换届, 1年1次, 50年一遇: a frequency, not a measurement
        if pre is None and text[max(0, num_start - 2) : num_start].endswith(_RELATIVE_BEFORE):
            return None
        if text.startswith(("中", "间", "里"), end) and (start == 0 or text[start - 1] in _CLAUSE_OPEN):
            return None  # 五年中,…: a look back over the span that opens the clause, like 五年来
    if after[:1] and after[:1] in _WORD_AFTER_UNIT.get(unit, ""):
        return None  # 2部门, 5成员, 0回复: the unit's character begins a word
    if (
        arabic
        and not m.group("scale")
        and _CONTACT_NUMBER_RE.fullmatch(ungrouped)
        and (
            _CONTACT_WORD_BEFORE_RE.search(text, max(0, num_start - 8), num_start)
            or (
                _CONTACT_BEFORE_RE.search(text, max(0, num_start - 8), num_start)
                and text[end - 1 : end + 1] in _two_character_words()
            )
        )
    ):
        return None  # 办公室:85255578组织处: a phone or fax number after its label, the next office's name after it
    if _ends_quoted_name(text, num_start, end):
        return None  # “同心建功新三年”: the numeral ends a quoted campaign's name, no count
    if arabic:
        if re.match(r"0[0-9]", number_text):
            return None  # 05条, 03版: a leading zero is a label's or a broken number's, not a count
        if unit == "年" and not mid and _YEAR_FORM_RE.fullmatch(number_text):
            return None  # a calendar year: DATE
        if unit == "年" and after[:1] and after[:1] in "-—–~至":
            return None
        if len(unit) == 1 and _YEAR_FORM_RE.fullmatch(number_text) and text[end - 1 : end + 1] in time_words():
            return None  # 2024元宵节, 2019元旦: a year before a time word, not 2024元
        if unit == "起" and before and before in "从自于" and _YEAR_MONTH_DOT_RE.fullmatch(number_text):
            return None  # 从2019.10起: a year and month with a point, then "from": DATE, no count of cases
        if unit in _LEVEL_UNITS and _YEAR_FORM_RE.fullmatch(number_text) and text.startswith(_SESSION_WORDS, end):
            return None  # 2023省两会, 2019市政协: a year before a level's sessions or body, DATE (not 2023 provinces)
        if (
            _MEASURE_WORDS[unit_word][0] == "noun"
            and unit not in ("人", "字")
            and text[end - 1 : end + 1] in _words_of_places()
        ):
            return None  # 3县级, 5市委, 12345市民热线, 20国家: the place word begins another word
        rule, confidence = ("figure.percent", 0.97) if unit in ("%", "‰") else ("figure.arabic_unit", 0.93)
        if unit in _TIME_UNITS:
            rule, confidence = "figure.duration", 0.7
    else:
        verdict = _chinese_ok(text, m, unit, before, number_text)
        if verdict is None:
            return None
        rule, confidence = verdict
    value = parse_number(number_text)
    if value is None:
        return None
    scale = m.group("scale")
    if scale:
        value *= _SCALE_VALUES[scale]
    if inner_half:
        value += Decimal("0.5")
    if m.group("half"):
        if unit in _TIME_UNITS or unit in ("个小时", "小时", "周"):
            value += Decimal("0.5")
        else:
            return None  # 3人半: no half of a person
    # A trailing 多 after a time unit (3年多) qualifies the number too.
    if post is None and unit in _TIME_UNITS and text.startswith("多", end) and not text.startswith("多来", end):
        end += 1
        post = "多"
    approx = "exact"
    if pre:
        approx = _PREFIX_APPROX[pre]
    if mid or inner_over:
        approx = "over"
    if post:
        approx = _SUFFIX_APPROX[post]
    if pre and approx != _PREFIX_APPROX[pre]:
        # 折资约6000余元: qualifiers that disagree keep the one at the number's end (约 stays outside)
        start = num_start
    span_text = text[start:end]
    attrs = {
        "value": to_json_number(value),
        "unit": unit,
        "approx": approx,
        "metric": _metric(text, start, end),
    }
    return Span(start, end, "FIGURE", span_text, attrs, rule, confidence)


# What follows a phase of a project (二期扩建项目, 一期、二期工程): the works it is a part of.
_PHASE_AFTER_RE = re.compile(
    r"(?:[、,，和及与至到\-—~][0-9一二三四五六七八九十]+期)*"
    r"(?:工程|项目|扩建|建设|改造|厂房|厂区|用地|规划|开发|投资|工地|园区|厂)"
)
# The rest of a short quoted name after a numeral and its measure word (“4个意识”, “2个100年”).
_QUOTED_NAME_AFTER_RE = re.compile(r"[\u4e00-\u9fff0-9]{1,6}[”’」』\"]")
# A comparative adjective right before a numeral, not a bound (最多, 至少, 不少) nor a verb's (增多, 减少).
_COMPARED_BEFORE_RE = scanning(
    re.compile(
        r"(?:(?<![最至不很更增减缺稀较])[多少迟早晚](?:了|出)?|[比较][^，。；,;：:]{1,8}(?<![增延成生助缩])[长短]了?|相差|只差)$"
    )
)
# What follows a building's or a floor's label in an address (3栋2单元, 18层1801室, 3层会议室), and the
# building word before a floor (办公楼3层, 大厦3层, A座12层).
_ADDRESS_AFTER_RE = re.compile(r"[0-9A-Za-z一二三四五六七八九-]|单元|室|号|会议|办公|大厅|东|西|南|北")
_BUILDING_BEFORE_RE = re.compile(r"(?:楼|厦|座|号|区|馆|心|店|场)$")
# Words before 近 + a span of time that make it a length (用近2个月的时间, 历时近3个月, 经过近一年, 时隔近一年).
_NEAR_LENGTH_CUES = ("用", "用了", "历时", "经过", "经", "历经", "花了", "耗时", "为期", "长达", "时隔", "相隔", "阔别")
# A verb that looks back over the span after it (回顾五年的工作, 总结一年来), and the report's own work
# after a span opening its clause (五年的实践证明, 五年的履职实践): the term as a time frame.
_LOOKED_BACK_RE = re.compile(r"(?:回顾|回首|总结|盘点|回望)$")
_TERM_WORK_AFTER_RE = re.compile(r"的(?:工作|实践|履职|探索|努力|奋斗)")
_FORMULA_VERB = rf"(?:(?![{CN_NUMERAL_CHARS}])[\u4e00-\u9fff]){{1,2}}"
# A quoted formula listing numbered parts before this one (“一个目标、两个重点、三项任务”), each part perhaps led
# by a verb of one or two characters (“打好三大战役、守牢两条红线、办好十件实事”: watchwords, no counts).
_FORMULA_LIST_RE = re.compile(
    rf"[“‘「](?:(?:{_FORMULA_VERB})?(?:{CN_NUMERAL})[个项条大种件][\u4e00-\u9fff]{{1,6}}[、，,])+(?:{_FORMULA_VERB})?$"
)
# A span of time before N次 that makes it a frequency: 1年1次, 两年1次, 每2年1次 (not 2023年2次).
_PER_SPAN_BEFORE_RE = re.compile(
    r"(?<![0-9])(?:每|(?:每)?[0-9]{1,3}个?|[一二两三四五六七八九十半]个?)(?:年|月|周|星期|天|日|季度|小时)$"
)
# After a span of time: once per it (一次, 1次, 一届, 一换, 一轮, 一遇: 50年一遇).
_ONCE_AFTER_RE = re.compile(r"[1一](?:次|届|换|轮|遇)")
# A numeral right after N个 that names the formula's item (“3个1”, 10个一, “4个100%”), not an amount
# (5个100万元, 2个5G基站, 5个一等奖 stay counts).
_NUMERAL_AFTER_RE = re.compile(
    r"(?:[0-9]+%?|[一二三四五六七八九十百千]+)(?![0-9.０-９A-Za-z万亿千百元人名件个项次等级流线批类%])"
)


# A range mark between two quantities of one unit (3次至5次, 3万元至5万元, 17°C - 21°C), and what ends
# the range's first quantity before it: its numeral, its scale and its qualifier.
_RANGE_MARK = "[至到~～〜\\-—–－]"
_RANGE_ON_RE = re.compile(rf" ?{_RANGE_MARK} ?(?:[0-9]+(?:[.．][0-9]+)?|[{CN_NUMERAL_CHARS}]+)(?:万|亿|千)?(?:余|多)?")
_RANGE_NUMERAL = "0-9〇零一二两三四五六七八九十百千万亿余多"
_RANGE_BACK_RE = re.compile(rf"[{_RANGE_NUMERAL}](?P<unit>[^{_RANGE_NUMERAL} ]{{1,3}}) ?{_RANGE_MARK} ?$")

# A page's pagination: 第1页共1页, 共5页,第2页 (the page's label before or after the count of pages).
_PAGE_OF_BEFORE_RE = re.compile(r"第 ?[0-9]+ ?页 ?共 ?$")
_PAGE_AFTER_RE = re.compile(r" ?[,，]? ?第 ?[0-9]+ ?页")


def _range_of_unit(text: str, m: re.Match[str], num_start: int, end: int, unit: str) -> bool:
    """Whether the quantity is one end of a range whose other end carries the same unit."""
    after = _RANGE_ON_RE.match(text, end)
    if after is not None and text.startswith(unit, after.end()):
        return True
    back = _RANGE_BACK_RE.search(text, max(0, m.start() - 6), m.start())
    return back is not None and back.group("unit") == unit


def _few(number: str) -> bool:
    """Whether ``number`` counts a handful (at most ten), as a numbered formula's parts do (十个一, “3个1”).

    59个84消毒液 (a flattened list of goods: 59 thermometers, then 84 disinfectant) counts more than a
    formula ever names, so the numeral after it opens the next item.
    """
    value = parse_number(number)
    return value is not None and value <= 10


# 生活圈, 健康服务圈, 交通圈, 经济圈: a zone a programme names by the time it takes to cross it.
_CIRCLE_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,4}圈")
# A rank before 前N名/位: 排名全省前10位, 进入全国前100名, 名列前3名.
_RANK_BEFORE_RE = re.compile(r"(?:排名|排位|位列|名列|位居|进入|跻身|排在|挤进|入围)[^，。；、,;\n]{0,6}前$")


# The bodies after places counted (12县人大, 3县2区政协, 5市委 is read by the place-word rule).
_BODIES_AFTER_RE = re.compile(
    r"(?:[0-9]+[省市县区镇乡村旗州])*(?:政协|人大|政府|党委|党组|委员会|妇联|团委|工商联|统战部|法院|检察院)"
)


def _neighbour_before(text: str, start: int, number: str) -> bool:
    """Whether ``number`` (one digit) follows the digit one below it and a 、 (5、6名), a bare estimate."""
    return (
        len(number) == 1
        and start >= 2
        and text[start - 2].isdigit()
        and (start < 3 or (not text[start - 3].isdigit() and text[start - 3] not in ".．"))
        and int(number) - int(text[start - 2]) == 1
    )


_CN_DIGIT_VALUES = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}


def _cn_neighbour_before(text: str, start: int, number: str) -> bool:
    """Whether ``number`` (one Chinese digit) follows a numeral ending in the digit one below it and a 、
    (十二、三岁, 二十七、八人): an estimate of neighbouring numbers, no count of either."""
    if len(number) != 1 or number not in _CN_DIGIT_VALUES or start < 3:
        return False
    prev = text[start - 2]
    # the numeral before 、 has a tens place (十二、三): a list of one-digit items (一、二、三) is numbering
    return (
        prev in _CN_DIGIT_VALUES and text[start - 3] == "十" and _CN_DIGIT_VALUES[number] - _CN_DIGIT_VALUES[prev] == 1
    )


# Two hex digits after % (one a letter): a URL's percent-encoding (%E6%94%BF).
_HEX_PAIR_RE = re.compile(r"[0-9A-F][A-F]|[A-F][0-9A-F]")


def _calendar_constant(text: str, start: int, end: int, unit: str, number: str) -> bool:
    """A constant of the calendar: a day's 24 hours, a week's 7 days, a year's 365 days."""
    before = text[max(0, start - 2) : start]
    if unit in ("小时", "个小时") and number == "24":
        return before[-1:] in ("天", "日", "×", "x", "X", "*", "＊")
    if unit == "天" and number in ("7", "七"):
        return (
            before in ("一周", "每周", "全周", "星期") or before[-1:] == "周" or text.startswith(("24小时", "×24"), end)
        )
    if unit == "天" and number in ("365", "366"):
        return before[-1:] == "年"
    return False


# A phone, fax or postcode run: seven or more plain digits (a count that large carries 万 or a separator).
_CONTACT_NUMBER_RE = re.compile(r"[0-9]{7,}")
# Its label: a word for a contact number just before it, or a colon where the measure word then begins the
# next label's word (办公室:85255578组织处); 总投资:35000000元 is an amount. An area code may come between.
_CONTACT_WORD_BEFORE_RE = re.compile(r"(?:电话|传真|热线|手机|邮编|电邮)[:：]?\s*(?:0[0-9]{2,3}[-－—]?)?$")
_CONTACT_BEFORE_RE = re.compile(r"[:：]\s*(?:0[0-9]{2,3}[-－—]?)?$")
# The document or item of a list a count ends with: 三份提案之一 (one of three).
_ONE_OF_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,8}之一")


def _ends_quoted_name(text: str, num_start: int, end: int) -> bool:
    """Whether the figure text[num_start:end] ends a quoted name: a closing quote right after it and a word
    after that, and the quote opened one to ten CJK characters before the number (“同心建功新三年”主题).
    A quoted length alone (“三个月”) opens at its number and still counts."""
    if text[end : end + 1] not in _QUOTES_CLOSE or not "\u4e00" <= text[end + 1 : end + 2] <= "\u9fff":
        return False  # a name in quotes stands before what it names (“…新三年”主题活动); a quoted sentence ends
    opening = max(text.rfind(q, max(0, num_start - 11), num_start) for q in _QUOTES_OPEN)
    if opening < 0:
        return False
    inside = text[opening + 1 : num_start]
    return 1 <= len(inside) <= 10 and re.fullmatch(r"[\u4e00-\u9fff]+", inside) is not None


def _in_a_name_before(text: str, start: int) -> bool:
    """Whether the numeral at ``start`` follows a name's characters (科技园二期) rather than a verb or a
    count cue: no count cue ends right before it."""
    return (
        start > 0
        and "\u4e00" <= text[start - 1] <= "\u9fff"
        and not text[max(0, start - 2) : start].endswith(_CN_COUNT_CUES)
    )


def _places_counted(text: str, m: re.Match[str], unit: str) -> bool:
    """辽宁、湖北两省, 滁州、马鞍山、芜湖三市: a 、-list of places, counted right after its last item by a
    place word. Not a numeral that opens an item itself (…、陆国明: a name after 、), nor a place word
    that begins another word (两地市级组织, like 3县级)."""
    start, end = m.start(), m.end()
    return (
        _MEASURE_WORDS.get(m.group("unit"), ("", ""))[0] == "noun"
        and start > 0
        and text[start - 1] not in "、，,；;：: \n"
        and text[end - 1 : end + 1] not in _words_of_places()
        and (_listed_before(text, start) or _province_run_before(text, start))
    )


# Provinces' and regions' one-character names (京 Beijing, 冀 Hebei, 沪 Shanghai, …): written together they name
# the provinces one by one (冀鲁豫, 苏浙沪, 甘青宁), a list without 、.
_PROVINCE_CHARACTERS = frozenset("京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀贵黔云滇陕甘陇青蒙桂藏宁新港澳台")


def _province_run_before(text: str, start: int) -> bool:
    """冀鲁豫三省, 苏浙沪三省市: two to four provinces' one-character names right before the count (and not
    the tail of a longer run of them, nor of a word: 东北三省 counts no list)."""
    run = 0
    while run < 5 and start - run > 0 and text[start - run - 1] in _PROVINCE_CHARACTERS:
        run += 1
    return 2 <= run <= 4


def _listed_after_count(text: str, start: int, unit: str) -> bool:
    """Whether a count of the same unit ends the list item before (两次大会发言,十三次小组讨论,一次…;
    会议3次、主席会议一次): 一 there is one more count in the list, not the article."""
    item = r"[^，。；,;：:、\n]"
    listed = rf"(?P<n>[0-9]+|{CN_NUMERAL}){re.escape(unit)}{item}{{0,10}}[，、,]{item}{{0,6}}$"
    found = re.search(listed, text[max(0, start - 24) : start])
    # 由一名主席、一名副主席…: a run of 一 alone stays the article, as its first one is.
    return found is not None and found.group("n") not in ("一", "1")


def _chinese_ok(text: str, m: re.Match[str], unit: str, before: str, number: str) -> tuple[str, float] | None:
    """Context tests for a Chinese-numeral figure; (rule, confidence) or None to reject."""
    qualified = m.group("pre") or m.group("mid1") or m.group("mid2") or m.group("post")
    # 为期一周, 历时两周: a span of time after a word that gives a length is a length, 一 included.
    length = _MEASURE_WORDS.get(unit, ("", ""))[0] == "time" and text[max(0, m.start() - 2) : m.start()].endswith(
        _LENGTH_CUES
    )
    if (
        not length
        and number == "一"
        and not _listed_after_count(text, m.start(), unit)
        and not qualified
        and not m.group("half")
        and not m.group("unit").startswith("个半")
        # 主任一名: a post's holders counted by a measure word for people (与委员一起 is "together")
        and not (unit in ("名", "位", "人") and _POST_COUNTED_RE.search(text, max(0, m.start() - 12), m.start()))
    ):
        if not (unit in ("元", "角") and text.endswith("币", 0, m.start())):
            return None  # 一 is an article: 一批, 一线, 一次 (one-off); 约一小时 is a count
        # 旧币一万元折新币一元: an amount of a currency named just before it is counted, 一 included.
    if number.startswith("一") and len(number) > 1 and number[1] not in "十百千万亿":
        return None  # 一二, 一两: estimates or list numbering
    if (
        number == "二"
        and unit in ("次", "轮", "批", "期", "批次", "轮次")
        and (
            text[m.end() : m.end() + 1] not in _BOUNDARY_AFTER
            # 科技园二期,: a works' second phase named at a clause end (分二期 divides, 共…二期 counts)
            or (unit == "期" and _in_a_name_before(text, m.start()))
        )
        and not qualified
        and not _COUNTED_RE.search(text, max(0, m.start() - 8), m.start())
        and not _DIVIDED_RE.search(text, max(0, m.start() - 3), m.start())
    ):
        return None  # 二次创业, 二次供水, 二轮督查: "second" (a count reads 两次, 两轮)
    cn_start = m.start("cn")
    if number[0] in _CAPITAL_NUMERALS and cn_start and text[cn_start - 1 : cn_start + 1] in _two_character_words():
        return None  # 大陆台湾, 队伍三支: a capital numeral closing a word with the character before it
    if len(number) > 1 and all(ch in CN_DIGITS for ch in number):
        return None  # 三五个, 七八次: an estimate (the digits are not read place by place as in years)
    if length and parse_number(number) is not None:
        return "figure.cn_duration", 0.5
    if (
        unit not in _CN_COUNT_UNITS
        and unit not in _CN_CUE_UNITS
        and not (m.group("mid1") or m.group("mid2") or m.group("pre"))
        and not _places_counted(text, m, unit)
        # 十面(鲜艳的)红旗: 面 counts flags where a flag follows in its clause (wave7b); 四面八方, 两面 count nothing
        and not (unit == "面" and _FLAG_AFTER_RE.match(text, m.end()) is not None)
        # 分两组, 划分为三类: a group divided into counted parts (as 分三批, 分成四个小组)
        and not (
            _MEASURE_WORDS.get(m.group("unit"), ("", ""))[0] == "classifier"
            and _DIVIDED_RE.search(text, max(0, m.start() - 3), m.start()) is not None
        )
    ):
        # 两支队伍, 三方: a set; 十余支队伍, 五十余席, 逾六十五席: 余/多 or a qualifier makes a count;
        # 辽宁、湖北两省: places listed, then counted by their place word.
        return None
    quoted_length = before in _QUOTES_OPEN and unit in _TIME_UNITS and text[m.end() : m.end() + 1] in _QUOTES_CLOSE
    # “八年抗战”, 十年动乱: the years of a named period before its noun are its length (RULINGS), quoted or not.
    period = unit == "年" and text.startswith(_NAMED_PERIODS, m.end())
    quoted_length = quoted_length or period
    if (
        before in _CN_BLOCK_BEFORE and text[max(0, m.start() - 2) : m.start()] != "先后" and not quoted_length
    ) or before in _CN_NUMERAL_SET:
        # “三抓三促” is a formula; “三个月” alone in its quotes is a length of time (a time limit).
        return None
    if before == "个" and m.start() >= 2 and text[m.start() - 2] in _CN_NUMERAL_SET:
        return None  # 两个一百年, 十个一: a numbered formula's second numeral
    value = parse_number(number)
    if value is None or (_in_idiom(text, m.start("cn"), m.end()) and not period):  # 十年动乱: an idiom, and a length
        return None
    if unit == "字" and value < 1000 and not m.group("scale"):
        return None  # 八字方针, 十六字方针: a formula's length; a text's runs to 三十万字
    end = m.end()
    after = text[end : end + 3]
    if unit == "位" and after.startswith(("数", "一体")):
        return None  # 两位数增长 (digits), 五位一体 (a formula): no people counted
    if unit in _CN_COUNT_UNITS:
        return "figure.cn_numeral", 0.6
    if (
        unit in _TIME_UNITS
        and after.startswith(_LENGTH_AFTER)
        and not after.startswith(_GOING_AFTER)
        # 较五年前增长: the base of a comparison is a point in time, no length
        and not text.endswith(("较", "比", "同"), 0, m.start())
    ):
        # 二十年前, 三年后 (RULINGS: 30年前, 10年后 stay FIGUREs), 两年时间: a length of time
        return "figure.cn_duration", 0.45
    if unit in ("年", "天"):
        # 三年行动, 两年规划: a programme; a duration reads 七十五年的…, …两年。, 连续三年…
        if (
            text[max(0, m.start() - 2) : m.start()].endswith(_LENGTH_CUES)
            or m.group("half")
            or "半" in m.group("unit")
            or period
        ):
            return "figure.cn_duration", 0.5  # 连续三年, 一年半时间, 八年抗战: a length
        if after[:1] in _BOUNDARY_AFTER or after.startswith(("的", "间", "里", "中", "春秋", "行程")):
            return "figure.cn_duration", 0.45  # 三天行程: the length of a trip
        return None
    if _FORMULA_LIST_RE.search(text, max(0, m.start() - 40), m.start()):
        return None  # “一个目标、两个重点、三项任务”: a formula's numbered parts
    if unit == "个" and _reviewed_from(text, m.start(), end):
        return "figure.cn_numeral", 0.5  # 报告从…五个方面全面回顾了: the aspects a story says a report reviewed
    # 三个主要特点, 两个重要部分: a modifier of weight before the head leaves it the report's structure.
    head = text[end + 2 : end + 6] if text.startswith(_WEIGHT_MODIFIERS, end) else after
    if (
        head.startswith(_SET_HEADS)
        and not (unit in _PEOPLE_UNITS and after.startswith(_PEOPLE_HEADS))
        # 某局、某局五家重点提案承办单位: 家 counts the institutions listed before it, no formula's parts (org15)
        and not (unit == "家" and _listed_before(text, m.start()))
        and not _added_items_counted(text, m.start())
        and _COUNTED_HEAD_RE.match(text, end) is None  # 两件重点提案: 重点 modifies a paper counted
    ):
        return None
    cue = (
        text[max(0, m.start() - 2) : m.start()].endswith(_CN_COUNT_CUES)
        or _listed_before(text, m.start())
        or (_MEASURE_WORDS.get(m.group("unit"), ("", ""))[0] == "noun" and _province_run_before(text, m.start()))
        or _added_items_counted(text, m.start())
        or _continues_counts(text, m.start(), m.group("unit"))
        or _DIVIDED_RE.search(text, max(0, m.start() - 3), m.start()) is not None
        or _ONE_OF_AFTER_RE.match(text, end) is not None
        or (unit == "面" and _FLAG_AFTER_RE.match(text, end) is not None)  # 十面红旗 (wave7b)
        # 我们四人, 她们三位: a plural pronoun before people counted names who they are
        or (unit in ("人", *_PEOPLE_UNITS) and text.endswith(_PLURAL_PRONOUNS, 0, m.start()))
        # 两件重点提案, 两家公司, 十个街道: the head after the measure word is a thing a report counts
        or _COUNTED_HEAD_RE.match(text, end) is not None
        # 八章234页: two quantities written together (GUIDELINES: 15批152人次), the second in Arabic digits
        or _ARABIC_COUNT_AFTER_RE.match(text, end) is not None
    )
    if qualified or cue or after[:1] in _BOUNDARY_AFTER or not after:
        return "figure.cn_numeral", 0.5
    if before == "的" and unit in _PEOPLE_UNITS:
        return "figure.cn_numeral", 0.5  # 香港的十名常委: people counted after whose they are
    if after[:1] in "和及与" and _POST_COUNTED_RE.search(text, max(0, m.start() - 12), m.start()):
        return "figure.cn_numeral", 0.5  # 主任一名和副主任若干名: a post's holders, then the next post
    if value > 10 and len(number) > 1 and text[end - 1 : end + 1] not in _two_character_words():
        # 七百五十九个单位, 二十三位委员: fixed sets and formulas are numbered with one to ten
        # (二十四节气: the measure word begins a word).
        return "figure.cn_numeral", 0.45
    return None


# 主席一名, 秘书长(兼)一人: the number of a post's holders, as a composition lists them.
_POST_COUNTED_RE = re.compile(
    r"(?:副?主席|副?秘书长|副?主任|常务?委员|常委|委员|副?会长|理事)"
    r"(?:[(（][\u4e00-\u9fff]{1,4}[)）])?$"
)


# Heads a count of things names right after its measure word (一份提案, 两家公司, 十个街道, 三部重要草案): the papers,
# bodies and works a report counts, never a formula's abstract head (两个维护, 四个意识: _SET_HEADS and the rest).
_COUNTED_HEAD_RE = re.compile(
    r"(?:重点|重要|主要|相关|有关|新)?(?:提案|议案|草案|文件|意见|建议|公司|企业|街道|乡镇|社区|桥梁|学校|医院)"
)
_ARABIC_COUNT_AFTER_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?[万亿]?[\u4e00-\u9fff]")
# Plural personal pronouns: people counted right after one are the people it names (我们四人).
_PLURAL_PRONOUNS = ("我们", "你们", "他们", "她们", "咱们")


# The nouns of named periods a count of years opens (八年抗战, 十四年抗战, 十年动乱, 十年浩劫).
_NAMED_PERIODS = ("抗战", "动乱", "浩劫", "内战")
# Words before a span of time that make it a length (连续三年, 一连五天, 为期两天, 历时三年), the words of
# an interval among them (时隔一年, 相隔三年, 间隔两年, 阔别十年: the time between two events).
_LENGTH_CUES = (
    "连续", "一连", "为期", "历时", "长达", "历经", "经过", "用了", "花了", "耗时",
    "时隔", "相隔", "间隔", "阔别", "隔了",
    # in Traditional script (一連四日, 為期三日, 時隔一年)
    "連續", "一連", "為期", "歷時", "長達", "歷經", "經過", "耗時", "時隔", "間隔", "闊別",
)  # fmt: skip
# Words after a span of time that make it a length: ago and later (二十年前, 三年后) and the time it took
# (两年时间). Not 内: a time limit (应在四个月内办理) and a plan's horizon (三年内建成, a time frame ahead like 未来5年)
# read alike, and the held-out batch scored the latter (tried and dropped).
_LENGTH_AFTER = ("前", "后", "时间")
# 前 opening a verb of going is no "ago": 一月五日前往福州, 三日前来.
_GOING_AFTER = ("前往", "前来", "前进", "前赴", "前去")


_ADDING_VERBS = ("增加", "新增", "增设", "设有", "设立", "下设", "成立", "组建")


def _added_items_counted(text: str, start: int) -> bool:
    """增加了“…”和“…”两个方面, 设有紫荆厅、莲花厅两个专厅: things a clause adds or sets up, listed
    (、 or quotes) and then counted, are a count even where the head names a part (RULINGS, 099–118)."""
    clause = re.split(r"[，。；,;：:！？!?\n]", text[max(0, start - 40) : start])[-1]
    listed = clause.endswith(("”", "’", "」")) or "、" in clause
    return listed and any(verb in clause for verb in _ADDING_VERBS)


def _listed_before(text: str, start: int) -> bool:
    """Whether the clause before ``start`` is a 、-list the number then counts (甲、乙、丙三个专门委员会)."""
    clause = re.split(r"[，。；,;：:！？\n]", text[max(0, start - 30) : start])[-1]
    if clause.endswith(("”", "’", "」")):
        # “一体化”和“高质量”两个关键: quoted items joined by 和/与/及 or 、, then counted.
        return re.search(r"[”’」](?:和|与|及|、)[“‘「][^“‘「”’」]{1,12}[”’」]$", clause) is not None
    return clause.count("、") >= 1


def _continues_counts(text: str, start: int, unit: str) -> bool:
    """Whether the numeral at ``start`` opens a clause that continues the clause before it, a count
    of the same measure word (举办了四期…培训班,两期…培训班): the verb of the first count governs both."""
    if start == 0 or text[start - 1] not in "，,、":
        return False
    opening = max(text.rfind(ch, 0, start - 1) for ch in "，,、。；;！？!?\n") + 1
    previous = text[opening : start - 1]
    for m in re.finditer(rf"(?:(?P<ar>[0-9]+)|{CN_NUMERAL}){re.escape(unit)}", previous):
        if m.group("ar") or previous[: m.start()].endswith(_CN_COUNT_CUES):
            return True
    return False


def _in_idiom(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside a four-character idiom (三番五次, 一年到头, 千方百计).

    Two shapes: an idiom of jieba's dictionary, and the numeral idiom's template X甲Y乙 of
    one-character numerals (三番五次, 三天两头, 七上八下), which the dictionary tags as numerals.
    """
    if end - start == 2 and (_numeral_template(text, start - 2) or _numeral_template(text, start)):
        return True
    idioms = numeral_idioms()
    for left in range(max(0, end - 4), start + 1):
        if text[left : left + 4] in idioms:
            return True
    return False


def _numeral_template(text: str, left: int) -> bool:
    """Whether text[left:left + 4] is X甲Y乙 with one-character numerals X and Y alone."""
    if left < 0 or left + 4 > len(text):
        return False
    numeral = [ch in _CN_NUMERAL_SET for ch in text[left : left + 4]]
    outside = (left > 0 and text[left - 1] in _CN_NUMERAL_SET) or text[left + 4 : left + 5] in _CN_NUMERAL_SET
    # 一连五天: the first two characters are a word of their own (一连 "in a row"), not X甲.
    word = text[left : left + 2] in _two_character_words()
    # 一行六人: people counted after the party's word (a numeral idiom never ends in a count of people).
    people = (text[left + 3] in _PEOPLE_UNITS or text[left + 3] == "人") and "\u4e00" <= text[left + 1] <= "\u9fff"
    return numeral == [True, False, True, False] and not outside and not word and not people


@cache
def _words_of_places() -> frozenset[str]:
    """Two-character words that begin with a place word of the unit table (市民, 国家, 县级,
    省委, 村民): after a number, such a place word is no unit. From jieba's dictionary."""
    firsts = {w[-1] for w, (kind, _cn) in _MEASURE_WORDS.items() if kind == "noun"} - {"人", "字"}
    return frozenset(w for w, _tag in _jieba_dictionary() if len(w) == 2 and w[0] in firsts)


# The capital (financial) numerals that are also common characters of words: 陆 of 大陆, 伍 of 队伍.
_CAPITAL_NUMERALS = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟")


@cache
def _two_character_words() -> frozenset[str]:
    """jieba's two-character words that are no numerals alone (一连, 一心; not 三十)."""
    return frozenset(w for w, tag in _jieba_dictionary() if len(w) == 2 and tag != "m")


def unit_at(text: str, i: int) -> bool:
    """Whether a measure word or unit of the table starts at ``text[i]`` (2000米, 2022名); not a
    counted noun (2019国庆, 2023省两会, 2023人大: a year before a word) nor a span of time, nor the
    first character of a place's name (2023通州两会: see ``place_opens_at``)."""
    return _MEASURE_RE.match(text, i) is not None and not place_opens_at(text, i)


def place_opens_at(text: str, i: int) -> bool:
    """Whether a place's name of the divisions table (short or full, two characters or more) starts
    at ``text[i]`` and its first character is a measure word (通州, 台州, 株洲, 张家口): after a
    year-form number that character opens the name (2023通州两会), it counts nothing. 个 stays a
    measure word (个旧 would swallow 300个旧房)."""
    if text[i : i + 1] in ("", "个"):
        return False
    t = places_table()
    return any(text[i : i + n] in t.short or text[i : i + n] in t.kind for n in range(4, 1, -1))


_MEASURE_RE = re.compile(
    "|".join(
        re.escape(w)
        for w in sorted(_MEASURE_WORDS, key=len, reverse=True)
        if _MEASURE_WORDS[w][0] not in ("noun", "time")
    )
)


@cache
def time_words() -> frozenset[str]:
    """jieba's two-character time words (tag t: 元旦, 元宵, 次年): a year before one is a year."""
    return frozenset(w for w, tag in _jieba_dictionary() if len(w) == 2 and tag == "t")


@cache
def numeral_idioms() -> frozenset[str]:
    """The four-character idioms (成语, 习用语: jieba's tags i and l) that hold a Chinese numeral.

    A numeral in an idiom counts nothing.
    """
    return frozenset(
        w for w, tag in _jieba_dictionary() if len(w) == 4 and tag in ("i", "l") and not _CN_NUMERAL_SET.isdisjoint(w)
    )


@cache
def _jieba_dictionary() -> tuple[tuple[str, str], ...]:
    """(word, tag) for every entry of jieba's dictionary: the well-kept word list pizhu already
    ships with, read once on the first figure that needs it."""
    import jieba

    entries = []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as lines:
        for line in lines:
            word, _freq, tag = line.rstrip("\n").rsplit(" ", 2)
            entries.append((word, tag))
    return tuple(entries)


# --- metric: the thing counted, from the same clause -------------------------------------

_CLAUSE_END = '，。；;,!?！？：:\n（）()“”"《》'
_CLAUSE_END_RE = re.compile(f"[{''.join(map(re.escape, _CLAUSE_END))}]")
# Everything up to the last clause end (greedy: it backs off from the end to the last one).
_THROUGH_CLAUSE_END_RE = re.compile(f".*{_CLAUSE_END_RE.pattern}", re.DOTALL)
_LEADING_RE = re.compile(
    r"^(?:全年|年内|今年|去年|一年来|同时|其中|先后|共同|累计|共计|共|总计|合计|还|并|已|均|又|再|"
    r"全部|主动|积极|组织|开展|召开|举办|提出|征集|形成|收到|提交|反映|报送|撰写|收录|完成|接待|"
    r"走访|编纂|编辑|参加|参与|推出|印发|制定|出台|修订完善|修订|新成立|成立|建立|建成|设置|"
    r"实施|选派|邀请|促成|传递|发展|筹集|引入|办理|确立|达成|对接|主动对接|编入|分配到|"
    r"经审查合并|审查|合并|全体|广大|区|市|县)+"
)
_TRAILING_RE = re.compile(r"(?:累计|共计|总计|合计|共|计|达到|达|均为|均达到|均达|为|约|近|超过|逾|突破|已|等)+$")
_FOLLOW_STOP_RE = re.compile(
    r"(?:认真|全部|参与|参加|进行|开展|已经|成为|共同|编入|纳入|分配|下沉|深入|获得|得到|实现|完成|提出|"
    r"被|均|都|来|赴|到|为|对|在|与|和|从|用于|资助|帮助|支援)"
)


_LISTED_FIGURE_RE = re.compile(rf"\d(?:{_UNIT_ALT})[)）]?、")
_GLUED_AFTER_RE = re.compile(rf"^[近约超逾]?\d[\d.,]*[余多]?[万亿]?[余多]?(?:{_UNIT_ALT})")
_GLUED_BEFORE_RE = re.compile(rf"[近约超逾]?\d[\d.,]*[余多]?[万亿]?[余多]?(?:{_UNIT_ALT})$")


def _metric(text: str, start: int, end: int) -> str:
    """A short head phrase naming what the figure counts; "" when the clause names none."""
    # Back to the last clause end within 40 characters, on to the next: found by re, not a step per character.
    lo, hi = max(0, start - 40), min(len(text), end + 40)
    last = _THROUGH_CLAUSE_END_RE.match(text, lo, start)
    left = last.end() if last else lo
    next_end = _CLAUSE_END_RE.search(text, end, hi)
    right = next_end.start() if next_end else hi
    following = text[end:right]
    # Another figure glued after this one (15批152人次) shares the clause's metric.
    following = _GLUED_AFTER_RE.sub("", following)
    preceding = text[left:start]
    # 专题调研15次、协商活动31次: the metric starts after the previous figure in the list.
    listed = [m.end() for m in _LISTED_FIGURE_RE.finditer(preceding)]
    if listed:
        preceding = preceding[listed[-1] :]
    preceding = _GLUED_BEFORE_RE.sub("", preceding)
    if following and not following.startswith(("、", "的", "和", "，")) and not _FOLLOW_STOP_RE.match(following):
        head = _FOLLOW_STOP_RE.split(following, maxsplit=1)[0]
        head = head.split("的")[-1]
        head = head.split("、")[0] if "等" not in head else head
        if 1 < len(head) <= 16:
            return head
    preceding = preceding.rsplit("的", 1)[-1] if len(preceding) > 12 else preceding
    if "等" in preceding:
        # ……等事项12次: the verb phrase before the list is what the report counts.
        preceding = preceding.split("等")[-1] or preceding
    preceding = _TRAILING_RE.sub("", preceding)
    cleaned = _LEADING_RE.sub("", preceding)
    return cleaned[:20] if len(cleaned) > 1 else preceding[:20]
