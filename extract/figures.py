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
from decimal import Decimal

from extract.models import Span
from extract.numbers import SCALES, parse_number, to_json_number

__all__ = ["find_figures"]

# Unit words, longest first inside the alternation so 人次 beats 人 and 个月 beats 个.
# Bracketed forms are normalised in ``unit`` (320人(次) -> 人次).
_UNITS: tuple[str, ...] = (
    "个百分点", "百分点", "平方公里", "平方米", "个工作日", "个月",
    "人次", "批次", "场次", "户次", "家次", "件次", "篇次", "架次", "车次",
    "公里", "千米", "公顷", "小时", "分钟", "美元", "平米", "千瓦",
    "次", "件", "条", "篇", "名", "人", "个", "项", "场", "期", "批", "家", "户", "份", "副", "座",
    "所", "位", "元", "字", "年", "载", "天", "周", "岁", "倍", "吨", "亩", "米", "套", "台", "辆",
    "张", "本", "册", "部", "幅", "首", "处", "间", "组", "支", "队", "类", "种", "轮", "堂", "节",
    "课", "门", "株", "棵", "头", "只", "块", "栋", "盏", "笔", "例", "起", "宗", "对", "遍",
    "%", "‰",
)  # fmt: skip
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))

# Units a Chinese numeral may take at all; others (支 组 届 级 …) mostly name sets.
_CN_UNITS = frozenset(
    "次 场 场次 人次 座 项 件 条 篇 名 人 位 个 批 批次 家 户 份 期 载 年 天 元 所 处 部 本 轮 遍 "
    "个月 小时 首 幅 张 套 台 辆 倍".split()
)
# Units that count events or spans of time: a Chinese numeral before them is a count
# wherever it stands (两次刊发, 三场, 七十五载), unless it designates a meeting.
_CN_EVENT_UNITS = frozenset("次 场 场次 人次 轮 遍 载".split())
_TIME_UNITS = frozenset("年 载 天 周 个月 小时 分钟 个工作日".split())

_UNIT_ALIASES = {"百分点": "个百分点"}

_PREFIX_APPROX = {
    "超过": "over", "超": "over", "逾": "over", "多达": "over",
    "不到": "under", "不足": "under", "将近": "under", "接近": "under", "近": "under",
    "大约": "about", "约": "about",
}  # fmt: skip
_SUFFIX_APPROX = {"以上": "over", "之多": "over", "余": "over", "多": "over",
                  "以下": "under", "以内": "under", "左右": "about"}  # fmt: skip

_ARABIC = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A Chinese numeral starts with a digit or 十 (never with a bare 百/千/万: 千家万户, 万名委员).
_CN = r"[一二三四五六七八九十两][〇零一二三四五六七八九十两百千万亿]*|[百千万](?=[余多])"

_FIGURE_RE = re.compile(
    rf"(?P<pre>超过|不到|不足|将近|接近|大约|多达|约|近|超|逾)?"
    rf"(?<![\d０-９A-Za-z+\-—–~/])(?<!\d[.,:])"
    rf"(?:(?P<ar>{_ARABIC})|(?P<cn>{_CN}))"
    rf"(?P<mid1>余|多)?(?(ar)(?P<scale>万亿|千万|百万|十万|万|亿|千)?)(?P<mid2>余|多)?"
    rf"(?P<unit>{_UNIT_ALT})(?P<bracket>[(（](?:次|条|件|个|项|人|名)[)）])?"
    rf"(?P<post>以上|以下|以内|左右|之多)?"
)
# A calendar year is written as four plain digits (2023年); 14.2年 or 1,200年 is a duration.
# The test is on the numeral's form, never on its length alone: "14.2" is four characters too.
_YEAR_FORM_RE = re.compile(r"[12][0-9]{3}")
_SCALE_VALUES = {"万亿": Decimal(10**12), "千万": Decimal(10**7), "百万": Decimal(10**6),
                 "十万": Decimal(10**5), "千": Decimal(1000), **SCALES}  # fmt: skip

# Characters before a numeral that make it an ordinal, a relative span or a distributive.
_ORDINAL_BEFORE = frozenset("第首每这那该本此哪几届")
_CN_BLOCK_BEFORE = _ORDINAL_BEFORE | frozenset('前后上下头各逐数“‘"「『〔【')
_CN_NUMERAL_CHARS = frozenset("〇零一二三四五六七八九十两百千万亿")
_BOUNDARY_AFTER = frozenset("，。；、,.;:：!?！？)）」』”’\n》… ")
# Words before a Chinese-numeral measure word that mark a count (等四项制度, 共三个).
_CN_COUNT_CUES = ("等", "共", "计", "达", "了", "有")
# Heads after 个/项/大… that name a fixed formula rather than things counted.
_SET_HEADS = ("确立", "维护", "意识", "自信", "规定", "全覆盖", "务必", "必须", "一", "薄弱", "坚持",
              "重点", "不", "到", "代表", "有利于", "结合", "字")  # fmt: skip
_MEETING_AFTER_RE = re.compile(r"(?:会议|全会|全体会议|常委会|大会|会|党代会)")


# 百分之九十五 / 百分之95: a percentage written out.
_CN_PERCENT_RE = re.compile(
    r"(?P<pre>超过|不到|不足|近|约|超|逾)?百分之(?P<num>\d+(?:\.\d+)?|[一二三四五六七八九十百零点]+)"
)


# 近百场, 逾千人次, 上万名, 数百人 (GUIDELINES v1.1): a bare 百/千/万 that a qualifier makes a count.
_BARE_SCALE_RE = re.compile(rf"(?P<pre>近|逾|上|数)(?P<num>[百千万])(?P<unit>{_UNIT_ALT})")
_BARE_SCALE_VALUES = {"百": Decimal(100), "千": Decimal(1000), "万": Decimal(10000)}
_BARE_SCALE_APPROX = {"近": "under", "逾": "over", "上": "over", "数": "about"}
# 连任两届, 连续三届: a count of terms; 第三届 / 十三届三次会议 / 四届区政协 name one term.
_TERMS_RE = re.compile(r"(?<=连任|连续|历任|担任|任职)(?P<num>[两二三四五六七八九十]|\d{1,2})届")


def find_figures(text: str) -> list[Span]:
    """Every FIGURE in normalized ``text``, in order of position."""
    spans: list[Span] = []
    for match in _FIGURE_RE.finditer(text):
        span = _figure(text, match)
        if span is not None:
            spans.append(span)
    extra = []
    if "百分之" in text:
        extra += _written_percents(text)
    extra += _bare_scales(text)
    if "届" in text:
        extra += _terms(text)
    if extra:
        taken = [(s.start, s.end) for s in spans]
        spans += [x for x in extra if not any(a < x.end and x.start < b for a, b in taken)]
        spans.sort(key=lambda s: (s.start, -s.end))
    return spans


def _bare_scales(text: str) -> list[Span]:
    spans = []
    for m in _BARE_SCALE_RE.finditer(text):
        unit = m.group("unit")
        pre = m.group("pre")
        if unit in _TIME_UNITS:
            continue  # 近百年, 数千年: a relative stretch of history, not a measurement
        if pre in "上数" and m.start() and text[m.start() - 1] in _CN_NUMERAL_CHARS:
            continue
        attrs = {
            "value": to_json_number(_BARE_SCALE_VALUES[m.group("num")]),
            "unit": unit,
            "approx": _BARE_SCALE_APPROX[pre],
            "metric": _metric(text, m.start(), m.end()),
        }
        spans.append(Span(m.start(), m.end(), "FIGURE", m.group(), attrs, "figure.bare_scale", 0.6))
    return spans


def _terms(text: str) -> list[Span]:
    spans = []
    for m in _TERMS_RE.finditer(text):
        value = parse_number(m.group("num"))
        if value is None or _MEETING_AFTER_RE.match(text, m.end()) or text.startswith("委员会", m.end()):
            continue
        metric = _metric(text, m.start(), m.end())
        attrs = {"value": to_json_number(value), "unit": "届", "approx": "exact", "metric": metric}
        spans.append(Span(m.start(), m.end(), "FIGURE", m.group(), attrs, "figure.terms", 0.6))
    return spans


def _written_percents(text: str) -> list[Span]:
    spans = []
    for m in _CN_PERCENT_RE.finditer(text):
        number = m.group("num")
        whole, _, frac = number.partition("点")
        value = parse_number(whole)
        if value is None or (frac and not all(ch in "零一二三四五六七八九" for ch in frac)):
            continue
        if frac:
            value += parse_number("0." + "".join(str("零一二三四五六七八九".index(ch)) for ch in frac)) or 0
        attrs = {
            "value": to_json_number(value),
            "unit": "%",
            "approx": _PREFIX_APPROX[m.group("pre")] if m.group("pre") else "exact",
            "metric": _metric(text, m.start(), m.end()),
        }
        spans.append(Span(m.start(), m.end(), "FIGURE", m.group(), attrs, "figure.cn_percent", 0.8))
    return spans


def _figure(text: str, m: re.Match[str]) -> Span | None:
    num_start = m.start("ar") if m.group("ar") is not None else m.start("cn")
    start, end = m.start(), m.end()
    unit = _UNIT_ALIASES.get(m.group("unit"), m.group("unit"))
    # 320人(次) is counted in 人次; 122项(条) stays a count of 项.
    if m.group("bracket") and m.group("bracket")[1] == "次":
        unit += "次"
    pre, post = m.group("pre"), m.group("post")
    mid = m.group("mid1") or m.group("mid2")
    before = text[num_start - 1] if num_start > 0 else ""
    after = text[end : end + 4]
    arabic = m.group("ar") is not None

    if before in _ORDINAL_BEFORE or (pre is None and before == "近"):
        return None
    if unit == "次" and _MEETING_AFTER_RE.match(text, end):
        return None  # 九届三次会议, 二次全会: a session designation
    if unit == "周" and after.startswith(("年", "岁")):
        return None  # 75周年: an anniversary, an ordinal
    if unit == "年" and after[:1] in ("代", "度", "级", "华", "诞"):
        return None  # 80年代, 2023年度
    if after.startswith(("华诞", "诞辰")):
        return None
    if unit in _TIME_UNITS:
        # 一年来, 两年多来, 30年来: relative spans, not measurements.
        tail = text[end : end + 3]
        if tail.startswith(("来", "多来", "以来")) or (pre == "近"):
            return None
    if unit == "部" and after.startswith("门"):
        return None
    number_text = m.group("ar") or m.group("cn")
    if arabic:
        if unit == "年" and not mid and _YEAR_FORM_RE.fullmatch(number_text):
            return None  # a calendar year: DATE
        if unit == "年" and after[:1] and after[:1] in "-—–~至":
            return None
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
    # A trailing 多 after a time unit (3年多) qualifies the number too.
    if post is None and unit in _TIME_UNITS and text.startswith("多", end) and not text.startswith("多来", end):
        end += 1
        post = "多"
    approx = "exact"
    if pre:
        approx = _PREFIX_APPROX[pre]
    if mid:
        approx = "over"
    if post:
        approx = _SUFFIX_APPROX[post]
    span_text = text[start:end]
    attrs = {
        "value": to_json_number(value),
        "unit": unit,
        "approx": approx,
        "metric": _metric(text, start, end),
    }
    return Span(start, end, "FIGURE", span_text, attrs, rule, confidence)


def _chinese_ok(text: str, m: re.Match[str], unit: str, before: str, number: str) -> tuple[str, float] | None:
    """Context tests for a Chinese-numeral figure; (rule, confidence) or None to reject."""
    if number == "一" or (number[-1] == "一" and len(number) == 1):
        return None  # 一 is an article: 一批, 一线, 一次 (one-off)
    if number.startswith("一") and len(number) > 1 and number[1] not in "十百千万亿":
        return None  # 一二, 一两: estimates or list numbering
    if unit not in _CN_UNITS or before in _CN_BLOCK_BEFORE or before in _CN_NUMERAL_CHARS:
        return None
    if parse_number(number) is None:
        return None
    end = m.end()
    after = text[end : end + 3]
    if unit in _CN_EVENT_UNITS:
        return "figure.cn_numeral", 0.6
    if unit in ("年", "天"):
        # 三年行动, 两年规划: a programme; a duration reads 七十五年的…, …两年。, 连续三年…
        if text[max(0, m.start() - 2) : m.start()] == "连续":
            return "figure.cn_duration", 0.5
        if after[:1] in _BOUNDARY_AFTER or after.startswith(("的", "间", "里", "中", "春秋")):
            return "figure.cn_duration", 0.45
        return None
    if after.startswith(_SET_HEADS):
        return None
    counted = m.group("pre") or m.group("mid1") or m.group("mid2") or m.group("post")
    cue = text[max(0, m.start() - 2) : m.start()].endswith(_CN_COUNT_CUES)
    if counted or cue or after[:1] in _BOUNDARY_AFTER or not after:
        return "figure.cn_numeral", 0.5
    return None


# --- metric: the thing counted, from the same clause -------------------------------------

_CLAUSE_END = '，。；;,!?！？：:\n（）()“”"《》'
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
    left = start
    while left > 0 and text[left - 1] not in _CLAUSE_END and start - left < 40:
        left -= 1
    right = end
    while right < len(text) and text[right] not in _CLAUSE_END and right - end < 40:
        right += 1
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
