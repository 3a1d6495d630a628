"""Find DATEs: absolute calendar dates, months, years and year ranges.

Relative expressions (今年, 一年来, 近年来), festivals (七一, 三八, 春节), weekdays
(每周一) and clock times (上午9时) are not DATEs (GUIDELINES.md), and durations
(30多年, 七十五载) are FIGUREs, so every pattern here asks for a calendar anchor: a
four-digit year, a month 1–12 with 月, or an ISO-like y-m-d.
"""

from __future__ import annotations

import re

from extract.models import Span

__all__ = ["find_dates"]

_YEAR = r"(?:1[89]\d\d|20\d\d)"
_MONTH = r"(?:1[0-2]|0?[1-9])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_CN_DIGIT = "〇零○一二三四五六七八九"
_CN_MONTH = r"(?:十[一二]?|[一二三四五六七八九])"
_CN_DAY = r"(?:三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"

# 2021年4月6日至9日, 4月6日-5月2日: a day range is one DATE (GUIDELINES v1.1).
_DAY_RANGE = rf"(?:[-—–~至到](?:{_MONTH}月)?{_DAY}[日号](?![内前后间]))?"

# Left context: not glued to a longer number (12023年) or a Latin code.
_NB = r"(?<![\d０-９A-Za-z.])"
_DATE_RE = re.compile(
    "|".join(
        (
            # 2023-2025年, 2023—2025年, 2023至2025年: one span.
            rf"(?P<range>{_NB}{_YEAR}\s?[-—–~至到]\s?{_YEAR}年(?:度)?)",
            # 2020-11-06, 2020/11/06, 2020.11.06
            rf"(?P<iso>{_NB}{_YEAR}(?P<sep>[-/.]){_MONTH}(?P=sep){_DAY}(?![\d.]))",
            # 2024年2月27日, 2023年度, 2022年, 2024年12月
            rf"(?P<ymd>{_NB}{_YEAR}年(?:度|{_MONTH}(?:[-—–至]{_MONTH})?月(?:份|{_DAY}[日号]{_DAY_RANGE})?)?)",
            # 二〇二三年十月一日
            rf"(?P<cn>[{_CN_DIGIT}]{{4}}年(?:度|{_CN_MONTH}月(?:{_CN_DAY}[日号])?)?)",
            # 1月11日, 7月
            rf"(?P<md>{_NB}{_MONTH}(?:[-—–至]{_MONTH})?月(?:份|{_DAY}[日号]{_DAY_RANGE})?)",
            rf"(?P<cnmd>(?<![{_CN_DIGIT}十第初]){_CN_MONTH}月{_CN_DAY}[日号])",
            # 6日 after its month was given (…4月2日…，6日…): checked against the text before.
            rf"(?P<day>(?<![\d０-９A-Za-z.月第每个几数多初]){_DAY}日(?![内前后间]|以内|之内))",
            # 鹿城年鉴2020: a bare calendar year, not a count (2000人) nor part of a code.
            rf"(?P<bare>{_NB}(?<![\d,]){_YEAR}(?![\d０-９.,%‰A-Za-z年月日号]))",
        )
    )
)
# A bare year followed by a unit or qualifier is a count, not a year: 2000名, 2020余人.
_COUNT_AFTER_RE = re.compile(r"[余多]|[万亿千百]|[个名人次件条篇项场期批家户份副座所位元字]")


def find_dates(text: str) -> list[Span]:
    """Every DATE in normalized ``text``, in order of position."""
    spans: list[Span] = []
    for m in _DATE_RE.finditer(text):
        kind = m.lastgroup or 0
        start, end = m.span(kind)
        span_text = text[start:end]
        if kind == "md":
            if _not_month(text, start, end):
                continue
            rule, confidence = "date.month_day" if "日" in span_text or "号" in span_text else "date.month", 0.85
        elif kind == "bare":
            if _COUNT_AFTER_RE.match(text, end) or text.startswith(("-", "—", "–", "~"), end):
                continue
            rule, confidence = "date.bare_year", 0.6
        elif kind == "cn":
            if not all(ch in _CN_DIGIT for ch in span_text[:4]):
                continue
            rule, confidence = "date.cn_numeral", 0.8
        elif kind == "day":
            if not _MONTH_BEFORE_RE.search(text, max(0, start - 400), start):
                continue
            rule, confidence = "date.bare_day", 0.7
        elif kind == "cnmd":
            rule, confidence = "date.cn_month_day", 0.7
        elif kind == "range":
            rule, confidence = "date.year_range", 0.95
        elif kind == "iso":
            rule, confidence = "date.iso", 0.95
        else:
            rule, confidence = "date.year_month_day", 0.97
        spans.append(Span(start, end, "DATE", span_text, {}, rule, confidence))
    return spans


_MONTH_BEFORE_RE = re.compile(r"(?<![\d个几第每])(?:1[0-2]|0?[1-9])月")


def _not_month(text: str, start: int, end: int) -> bool:
    """Whether an ``N月`` match is not a month: 个月, 月份 counts, or glued to a number."""
    before = text[start - 1] if start else ""
    if before and (before in "个几第每" or before.isdigit()):
        return True
    after = text[end : end + 1]
    # 3月余 / 3月多: a duration written without 个.
    return after in ("余", "多") and "日" not in text[start:end]
