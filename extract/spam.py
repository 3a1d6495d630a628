"""Lines a spam mirror injected into a report: they carry no span (corpus RULINGS, "Page and text").

Mirror sites copy CPPCC reports and inject lines of their own. Two kinds have a form of
their own, whatever they say:

- a **comment widget** pasted under the report: readers' lines with a masked phone number
  (``187****1816``), a location tag at the end (``…来自镇江``), vote lines after a date
  (``2025/11/07 推荐``), usernames and unrelated headlines between them. Three or more
  widget lines close together make a block, from the first to the last (and back to a
  ``评论`` heading just above it);
- an **SEO title line**: three or more keywords joined by ``-``, ``_`` or ``|``, two of them
  from the vocabulary of adult-video and gambling spam (``一区二区``, ``在线播放``, ``百家乐``),
  a vocabulary no report of this genre uses;
- a **line of search questions**: five or more short items joined by ``|``, most of them questions
  (``…是什么原因| 34岁属什么生肖| 6月22什么星座|``), the search terms a mirror pastes around the
  page it copies; a table row joined by bars asks nothing.

Page chrome (navigation, bylines, related-news lists, captions) is none of these and is
annotated like the report.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["spam_lines"]

_MASKED_ID_RE = re.compile(r"\d{3}\*{3,4}\d{4}")
_PLACE_TAG_RE = re.compile(r"来自[\u4e00-\u9fff]{2,4}[^\u4e00-\u9fff\w]*$")
_VOTE_RE = re.compile(r"^\s*\d{4}[/-]\d{1,2}[/-]\d{1,2}\s*不?推荐\s*$")
_COMMENT_HEADING_RE = re.compile(r"(?:网友|热门|最新|全部|精彩)?评论")
_WIDGET_GAP = 3
"""Lines that may stand between two widget lines of one block (usernames, headlines)."""
_WIDGET_MIN = 3
_USERNAME_RE = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]{2,12}")

# The vocabulary of adult-video and gambling SEO spam, as such title lines are built from it.
_SPAM_TERMS = (
    "一区二区",
    "二区三区",
    "在线播放",
    "在线观看",
    "免费观看",
    "高清无码",
    "无码",
    "有码",
    "毛片",
    "av",
    "人妻",
    "国产精品",
    "精品国产",
    "久久精品",
    "亚洲欧美",
    "日韩",
    "欧美",
    "成人",
    "视频",
    "百家乐",
    "博彩",
    "娱乐城",
    "赌场",
    "棋牌",
    "彩票",
    "投注",
    "时时彩",
    "六合彩",
    "真人",
)
_TITLE_SEPARATOR_RE = re.compile(r"\s*[-_|｜—]\s*")


def spam_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every injected line of ``text``, end before its line break, in order."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    spam = [_seo_title(line) or _question_list(line) for _s, _e, line in lines]
    widget = [i for i, (_s, _e, line) in enumerate(lines) if _widget_line(line)]
    for first, last in _blocks(widget):
        # Back over the block's own filler (a username, an emoji-tailed headline) to a 评论 heading.
        reach = first - _WIDGET_GAP
        while first > max(0, reach) and _filler(lines[first - 1][2]):
            first -= 1
        above = lines[first - 1][2].strip() if first else ""
        if above and len(above) <= 12 and _COMMENT_HEADING_RE.search(above):
            first -= 1
        for i in range(first, last + 1):
            spam[i] = True
    return [(s, e) for (s, e, line), bad in zip(lines, spam, strict=True) if bad and line.strip()]


def _widget_line(line: str) -> bool:
    if _MASKED_ID_RE.search(line) or _VOTE_RE.match(line):
        return True
    # A location tag the widget glues after the reader's line and its emoji (…就是他!🏏来自镇江),
    # not a sentence that ends in 来自各行各业.
    tag = _PLACE_TAG_RE.search(line.strip())
    return bool(tag and tag.start() and unicodedata.category(line.strip()[tag.start() - 1])[0] == "S")


def _blocks(widget: list[int]) -> list[tuple[int, int]]:
    """Runs of widget lines at most _WIDGET_GAP lines apart, _WIDGET_MIN of them or more."""
    out = []
    run: list[int] = []
    for i in widget:
        if run and i - run[-1] > _WIDGET_GAP + 1:
            if len(run) >= _WIDGET_MIN:
                out.append((run[0], run[-1]))
            run = []
        run.append(i)
    if len(run) >= _WIDGET_MIN:
        out.append((run[0], run[-1]))
    return out


def _filler(line: str) -> bool:
    """A widget's username (CJK with Latin letters or digits, no space) or a headline ending in a symbol."""
    line = line.strip()
    if not line:
        return False
    if _USERNAME_RE.fullmatch(line) and re.search(r"[0-9A-Za-z]", line):
        return True
    return unicodedata.category(line[-1]) == "So"


_BAR_RE = re.compile(r"\s*[|｜]\s*")
_QUESTION_RE = re.compile(r"什么|为什么|怎么|怎样|哪|多少|几[个岁天年月号]|吗$|呢$|\?$|？$")
_QUESTIONS_MIN = 5


def _question_list(line: str) -> bool:
    """Five or more items joined by bars, at least three in four of them questions, none long."""
    items = [p for p in _BAR_RE.split(line.strip()) if p]
    if len(items) < _QUESTIONS_MIN or any(len(p) > 20 for p in items):
        return False
    asked = sum(1 for p in items if _QUESTION_RE.search(p))
    return asked * 4 >= len(items) * 3


def _seo_title(line: str) -> bool:
    parts = [p for p in _TITLE_SEPARATOR_RE.split(line.strip()) if p]
    if len(parts) < 3:
        return False
    lowered = line.lower()
    return sum(1 for term in _SPAM_TERMS if term in lowered) >= 2
