"""Where a place's name in a report is no GPE: kinds of false place found on unseen pages (issue 21, gpeprec).

Each test names a kind of context, never a name: a channel in a site's breadcrumb (某某网 >> 某地新闻), the name
a credit line gives (来源:某地某某).
The rules (``extract.entities``) drop their own places there and the combiner (``extract.combine``) the
model's.
"""

from __future__ import annotations

import re

__all__ = ["in_breadcrumb_channel", "in_credit_name", "opens_long_body_name"]

# A breadcrumb's separator: >> or », or a lone > with a space (or the line's edge) on both sides (not an HTML tag).
_CRUMB_SEP_RE = re.compile(r"\s*(?:>>|»|(?:(?<=\s)|^)>(?=\s|$))\s*", re.MULTILINE)
_CHANNEL_MAX = 8  # a channel's name is short (甘肃新闻, 福州统一战线); a headline after the crumbs is longer
_CJK_RUN_RE = re.compile("[\u4e00-\u9fff]+")


def in_breadcrumb_channel(text: str, start: int, end: int) -> bool:
    """Whether the place ``text[start:end]`` is inside a channel's name in a site's breadcrumb, after the site
    (``当前位置:某某网 >> 某地新闻 >> 时政``, ``首页 > 走进某地 > 史海钩沉``): the channel carries no span (corpus
    RULINGS: a breadcrumb's channel after a site), unless it is the place's 两会 (a GPE there, as ruled)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if ">" not in text[line_start:line_end] and "»" not in text[line_start:line_end]:
        return False
    seps = [m.span() for m in _CRUMB_SEP_RE.finditer(text, line_start, line_end)]
    before = [b for a, b in seps if b <= start]
    if not before:
        return False  # the place opens the line: the site's own name, or no breadcrumb
    after = [a for a, b in seps if a >= end]
    seg_start, seg_end = before[-1], after[0] if after else line_end
    segment = text[seg_start:seg_end].strip()
    return (
        end - start < len(segment) <= _CHANNEL_MAX
        and _CJK_RUN_RE.fullmatch(segment) is not None
        and "两会" not in segment
    )


# 来源:中国某某, 编辑:某地旅游 |, 编辑:某地迁移 2019-12-03: a place opening the name a credit line gives, which runs on
# to the line's end, a separator or a timestamp, is the outlet's or the account's name (corpus RULINGS: a credit line
# names a person or a body; an account's place is no GPE).
_CREDIT_BEFORE_RE = re.compile(r"(?:来源|编辑|责编|责任编辑|供稿|出处)[:：]\s*\Z")
_CREDIT_RUN_RE = re.compile(r"[\u4e00-\u9fff]{1,6}(?=[ \t\u3000]*(?:$|\n|[|｜【\[]|\d{4}[-/年]))")


def in_credit_name(text: str, start: int, end: int) -> bool:
    """Whether the place ``text[start:end]`` opens the name a credit line gives (来源:某地某某), running on."""
    return (
        _CREDIT_BEFORE_RE.search(text, max(0, start - 8), start) is not None
        and _CREDIT_RUN_RE.match(text, end) is not None
    )


# 某省名汇物资供应公司, 某市前进民间特色专科医院, 某地农商行, 某市西区污水处理厂, 某地各界联合会, 某地基地管理处,
# 某地乡音记者组, 某院某地分院: a place opening a firm's, a hospital's, a bank's, an association's, a works' or an
# office's name of up to eight characters more
# (extract.places reads four) is inside that body's name, no GPE of its own (v1.1: no place inside an ORG);
# the words between hold no function character (某省的医院, 在某地召开了…协商会 are none) and no 某
# (某地某科技有限公司 names no firm).
# A kind of body after the place (某市三甲医院, 某省民营企业公司, 某地重点骨干企业) names no one body: the place stays.
_KIND_OF_BODY_RE = re.compile(
    "三甲|公立|民营|国有|私营|重点|大型|中小|骨干|龙头|相关|部分|所有|属地|市属|省属|县属|区属"
)
_LONG_BODY_AFTER_PLACE_RE = re.compile(
    rf"(?!{_KIND_OF_BODY_RE.pattern})"
    r"(?:(?![的了和与及在是对为从向到赴等全有某]|各(?!界))[\u4e00-\u9fff]){0,8}?"
    r"(?:有限公司|公司|专科医院|医院|农商行|农商银行|银行|协会|联合会|管理处|记者组|分院|(?<![各全几每些两三四五六七八九十多])厂(?![长商区家房矿]))"
)


def opens_long_body_name(text: str, end: int) -> bool:
    """Whether the place ending at ``end`` opens a firm's, a hospital's, a bank's or a works' longer name."""
    return _LONG_BODY_AFTER_PLACE_RE.match(text, end) is not None
