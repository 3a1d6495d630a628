"""Split normalized report text into reports and sections, and read its title, body and year.

Works on normalized text (see ``normalize``), one line a paragraph. A line is one of:
page furniture (boilerplate), a photo caption, a heading (Markdown ``#``, 一、, （一）, 1.,
【概况】, or a short standalone headline), or body text. Consecutive headline lines with no
body between them make one heading (``强化政治引领 / 把牢政治方向``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from pizhu.extract.layout import Block
from pizhu.extract.models import Section
from pizhu.extract.prefilter import scanning

_CN_NUM = "一二三四五六七八九十"

_BOILERPLATE_RE = scanning(
    re.compile(
        r"^(?:版面\s*/|通版阅读|当前版[:：]|本期发布|第\d+版|\d+版$|来源[:：]|责任编辑|编辑[:：/]"
        r"|上一篇|下一篇|返回目录|打印本页|关闭窗口|【字号|分享到)"
        r"|校对\s*/|本报记者|本报讯|记者\S{0,12}(?:报道|摄)$|文/图|图/文|\.html|-->|<!--|https?://"
        r"|^(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|[-./]\d{1,2}[-./]\d{1,2})$"
        r"|^(?:星期|周)[一二三四五六日天]$"
    )
)
_CAPTION_START_RE = re.compile(r"^(?:[▲△]|图为|[(（]图)")
_DATED_CAPTION_RE = re.compile(r"^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日[,，\s]")
_CAPTION_SUBJECT_RE = re.compile(r"政协|委员|主席|调研组|视察组|考察团")
_CAPTION_VERB_RE = re.compile(r"调研|视察|开展|举办|召开|带领|考察|参观|出席|座谈|慰问|开班|举行|交流活动|走访|观摩")
_MARKDOWN_RE = re.compile(r"^(#{1,6})\s*(.*)$")
_NUMBERED_RE = re.compile(
    rf"^(?:[{_CN_NUM}]{{1,3}}、|[(（][{_CN_NUM}]{{1,3}}[)）]|\d{{1,2}}[.、．](?!\d)|第[{_CN_NUM}]{{1,3}}[部章节])"
)
_BRACKET_HEAD_RE = re.compile(r"^【([^】]{1,12})】")
_SENTENCE_PUNCT_RE = re.compile(r"[。；;！？!?]")
_TITLE_WORD_RE = re.compile(r"综述|工作报告|报告|纪实|侧记|巡礼|回眸|答卷")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=年|-\d{4}年)")


@dataclass(frozen=True)
class Meta:
    title: str
    organisation: str
    year: int | None


def classify(line: str) -> str:
    """One of ``boilerplate``, ``caption``, ``heading``, ``body`` for a normalized line."""
    if _CAPTION_START_RE.match(line):
        # A photo caption keeps its credit (``▲…。记者 王明 摄``) and stays a caption.
        return "caption"
    if _BOILERPLATE_RE.search(line):
        return "boilerplate"
    if _DATED_CAPTION_RE.match(line) and len(line) <= 120 and line.count("。") <= 1:
        return "caption"
    if _MARKDOWN_RE.match(line) or _BRACKET_HEAD_RE.match(line):
        return "heading"
    if _NUMBERED_RE.match(line) and len(line) <= 60 and "。" not in line.rstrip("。"):
        return "heading"
    if _is_headline(line):
        if (
            len(line) <= 40
            and _CAPTION_SUBJECT_RE.search(line)
            and _CAPTION_VERB_RE.search(line)
            and not _TITLE_WORD_RE.search(line)
        ):
            return "caption"
        return "heading"
    return "body"


def _is_headline(line: str) -> bool:
    """A short standalone line with no sentence punctuation: a headline, not prose."""
    if not line or len(line) > 30 or _SENTENCE_PUNCT_RE.search(line):
        return False
    return line[-1] not in ":：,，、"


def heading_text(line: str) -> str:
    """The heading a line announces: Markdown marks and 【】 stripped."""
    markdown = _MARKDOWN_RE.match(line)
    if markdown:
        return markdown.group(2).strip()
    bracket = _BRACKET_HEAD_RE.match(line)
    if bracket:
        return bracket.group(1).strip()
    return line.strip()


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def split_reports(text: str) -> list[tuple[int, int]]:
    """Cut a file's normalized text into the reports it holds, as (start, end) ranges.

    A new report starts at a top-level Markdown heading (``# ``) or at a title line followed
    by a ``——…综述`` subtitle, provided body text stands between it and the previous start.
    """
    lines = [(pos, line) for pos, line in _lines(text) if line.strip()]
    cuts = [0]
    body_since_cut = False
    for index, (pos, line) in enumerate(lines):
        starts_report = False
        if re.match(r"^#\s", line):
            starts_report = True
        elif _is_headline(line) and not line.startswith("——"):
            following = lines[index + 1][1] if index + 1 < len(lines) else ""
            starts_report = (
                following.lstrip("#").strip().startswith("——") and _TITLE_WORD_RE.search(following) is not None
            )
        if starts_report and body_since_cut and pos > 0:
            cuts.append(pos)
            body_since_cut = False
        elif classify(line) == "body" and len(line) > 40:
            body_since_cut = True
    ranges = []
    for start, end in zip(cuts, [*cuts[1:], len(text)], strict=True):
        while end > start and text[end - 1] in "\n \t":
            end -= 1
        if end > start:
            ranges.append((start, end))
    return ranges or [(0, len(text))]


_KIND_HEADINGS = {"caption": "图片说明", "boilerplate": "版面信息"}


def find_sections(text: str, hints: Mapping[int, Block] | None = None) -> tuple[Section, ...]:
    """Sections of one report's normalized text; together they cover the whole text.

    ``hints`` maps the start of a line to what a file's layout said of it (a PDF's font
    size and position, an HTML or DOCX element): its kind, unless ``body``, overrides the
    text rules, and its pages become the section's provenance.
    """
    sections: list[Section] = []
    current_heading = ""
    # (start, kind, heading) of the section being built
    open_start, open_kind, open_heading = 0, "body", ""
    pages: dict[int, tuple[int, ...]] = {}
    headline_run = False
    for pos, line in _lines(text):
        if not line.strip():
            continue
        hint = hints.get(pos) if hints else None
        if hint is not None and hint.pages:
            pages[pos] = hint.pages
        if hint is not None and hint.kind != "body":
            kind = hint.kind
        else:
            kind = classify(line)
        if kind == "heading":
            head = heading_text(line)
            if headline_run and open_kind == "body" and not _MARKDOWN_RE.match(line) and not _NUMBERED_RE.match(line):
                # (A numbered heading, 一、…, opens a section of its own even right under the title.)
                open_heading = f"{open_heading} / {head}" if open_heading else head
                current_heading = open_heading
                continue
            if headline_run and _MARKDOWN_RE.match(line) and open_kind == "body":
                # A Markdown subtitle right under its heading belongs to it.
                open_heading = f"{open_heading} / {head}" if open_heading else head
                current_heading = open_heading
                continue
            _close(sections, text, open_start, pos, open_kind, open_heading)
            open_start, open_kind, open_heading = pos, "body", head
            current_heading = head
            headline_run = not _BRACKET_HEAD_RE.match(line)
            continue
        headline_run = False
        # A table row is a table, however short (never a heading by the text rules).
        section_kind = kind if kind in ("caption", "boilerplate", "table") else "body"
        if section_kind != open_kind:
            _close(sections, text, open_start, pos, open_kind, open_heading)
            heading = _KIND_HEADINGS.get(section_kind, current_heading)
            open_start, open_kind, open_heading = pos, section_kind, heading
    _close(sections, text, open_start, len(text), open_kind, open_heading)
    # Leading blank lines belong to the first section, so that sections cover the text.
    return tuple(
        Section(
            ordinal=i,
            heading=s.heading,
            start=0 if i == 0 else s.start,
            end=s.end,
            kind=s.kind,
            pages=_pages_between(pages, s.start, s.end),
        )
        for i, s in enumerate(sections)
    )


def _pages_between(pages: dict[int, tuple[int, ...]], start: int, end: int) -> tuple[int, ...]:
    """The pages of the lines starting in [start, end), in order, each once."""
    if not pages:
        return ()
    positions = list(pages)  # line starts, ascending: lines are visited in order
    found: set[int] = set()
    for index in range(bisect.bisect_left(positions, start), bisect.bisect_left(positions, end)):
        found.update(pages[positions[index]])
    return tuple(sorted(found))


def _close(sections: list[Section], text: str, start: int, end: int, kind: str, heading: str) -> None:
    if end <= start:
        return
    if not text[start:end].strip():
        if sections:
            last = sections[-1]
            sections[-1] = Section(last.ordinal, last.heading, last.start, end, last.kind)
        return
    sections.append(Section(len(sections), heading, start, end, kind))


def describe(text: str, sections: tuple[Section, ...], title: str | None = None) -> Meta:
    """Title, organisation and year of a report, where its text states them.

    ``title``: the one the file states (a web page's, a Word cover's, a PDF's largest type on
    page 1); the text rules' title stands when it begins with it (it has the subtitle too) or
    when none is given.
    """
    found = _title(text, sections)
    title = found if not title or found.startswith(title) else title
    body = "".join(text[s.start : s.end] for s in sections if s.kind == "body")
    furniture = "".join(text[s.start : s.end] for s in sections if s.kind == "boilerplate")
    return Meta(title=title, organisation=_organisation(title, body), year=_year(title, body, furniture))


_CJK_RE = re.compile("[\u3400-\u9fff]")


def _is_badge(line: str, chinese: bool) -> bool:
    """A code or a mark above a title, never the title: ``ICS 27.120.99``, ``F69``, ``NB``
    (in a Chinese text, a line with fewer than two Chinese characters)."""
    return len(line.strip()) <= 2 or (chinese and len(_CJK_RE.findall(line)) < 2)


def _title(text: str, sections: tuple[Section, ...] = ()) -> str:
    # Lines the layout marked as page furniture, captions or table rows (a table's label
    # row, 类别 | 数量) are never the title.
    furniture = [(s.start, s.end) for s in sections if s.kind in ("boilerplate", "caption", "table")]
    lines = [line for pos, line in _lines(text) if line.strip() and not any(a <= pos < b for a, b in furniture)]
    head = text[:2000]
    chinese = len(_CJK_RE.findall(head)) > 0.3 * len(head.replace(" ", "").replace("\n", ""))
    for index, line in enumerate(lines[:12]):
        kind = classify(line)
        if kind in ("boilerplate", "caption") or _is_badge(line, chinese):
            continue
        if kind == "body" and not (len(line) <= 100 and "。" not in line and _TITLE_WORD_RE.search(line)):
            return ""
        title = heading_text(line)
        for following in lines[index + 1 : index + 3]:
            sub = heading_text(following)
            if sub.startswith("——") or (
                _MARKDOWN_RE.match(following) and _TITLE_WORD_RE.search(sub) and len(sub) <= 40
            ):
                title = f"{title}{sub}" if sub.startswith("——") else f"{title} {sub}"
            else:
                break
        return title
    return ""


_PLACE_SUFFIX = "省市区县州旗盟"
_ORG_AFTER_RE = re.compile(rf"政协([\u4e00-\u9fff]{{2,9}}?[{_PLACE_SUFFIX}])委员会")
_ORG_BEFORE_RE = re.compile(rf"([\u4e00-\u9fff]{{1,8}}[{_PLACE_SUFFIX}])政协")
# Characters that end a place name when reading leftwards from 政协.
_NOT_IN_PLACE = set("年的和是在与及对由向把将为了从被让给到等其各全共同届月日后前来以家个")


def _organisation(title: str, body: str) -> str:
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for weight, source in ((5, title), (1, body[:20000])):
        for regex in (_ORG_AFTER_RE, _ORG_BEFORE_RE):
            for match in regex.finditer(source):
                place = _trim_place(match.group(1))
                if len(place) < 3:
                    continue
                name = f"{place}政协"
                counts[name] += weight
                first_seen.setdefault(name, match.start() + (0 if weight > 1 else 10**6))
    if counts:
        return max(counts, key=lambda name: (counts[name], -first_seen[name]))
    led = _led_by(body[:20000])
    if led:
        return led
    issuer = _issuer_stated(title, body) or _issuer(title, body)
    if issuer:
        return issuer
    head = re.split("[:：]", title, maxsplit=1)
    if len(head) == 2 and len(head[0]) <= 12 and re.search("政协|委|会", head[0]):
        return head[0]
    return ""


# What the name of a body that issues a report ends with: a company, a statistics bureau,
# a government, a committee, a bank.
_ISSUER_END = (
    r"(?:股份有限公司|有限责任公司|有限公司|集团|统计局|调查队|人民政府|办公厅|办公室|委员会|银行|研究院|协会|学会)"
)
_TITLE_ISSUER_RE = re.compile(rf"^([\u4e00-\u9fff（）()]{{2,30}}?{_ISSUER_END})(?=\d|[\u4e00-\u9fff])")
_SIGNATURE_RE = re.compile(rf"^[\u4e00-\u9fff（）()]{{2,30}}{_ISSUER_END}$")
_DATE_LINE_RE = re.compile(r"^(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?$")


def _issuer(title: str, body: str) -> str:
    """The body that issues a report which names no committee: the one its title starts with
    (贵州茅台酒股份有限公司2020年年度报告), else the one that signs it above the date at its
    end (黔东南州统计局 / 2024年4月10日); nothing otherwise."""
    named = _TITLE_ISSUER_RE.match(title)
    if named:
        return named.group(1)
    tail = [line.strip() for line in body[-2000:].split("\n") if line.strip()][-6:]
    while tail and _DATE_LINE_RE.match(tail[-1]):
        tail.pop()
    signed = [line for line in tail[-3:] if _SIGNATURE_RE.match(line)]
    return signed[0] if signed else ""


# Words a sentence puts right before a committee's name ("召开崆峒区政协…", "参加…"): not
# part of the place. Whole words only, and only while a place of 3+ characters is left, so
# 开封市 and 开州区 keep their names.
_VERBS_BEFORE_PLACE = (
    "召开",
    "参加",
    "出席",
    "组织",
    "邀请",
    "举办",
    "推动",
    "支持",
    "协助",
    "配合",
    "带领",
    "围绕",
    "聚焦",
    "按照",
    "经过",
    "通过",
    "作为",
    "成为",
    "代表",
    "联合",
    "依托",
    "面向",
    "走进",
    "深入",
    "指导",
    "感谢",
    "受邀",
    "主办",
    "承办",
    "协办",
    "牵头",
    "联系",
    "服务",
    "来到",
    "前往",
    "赴",
)


# A line naming the body that issues the file: ``国家能源局   发布`` on a standard's cover,
# ``市政协办公室印发``. Only a line of its own, so a sentence (…发布了…) never counts.
_ISSUER_RE = re.compile(r"^([\u4e00-\u9fff（）()]{2,30}?)\s*(?:发布|印发|制发|颁布)$")
_BODY_SUFFIX = r"(?:委员会|常务委员会|人民政府|政府|办公厅|办公室|办事处|政协|局|厅|委|办|部|院|署|中心)"
# An official document's title: issuing body + 关于 + matter + kind (全国人民代表大会常务委员会关于…的决议).
_ISSUED_TITLE_RE = re.compile(rf"^([\u4e00-\u9fff]{{2,30}}?{_BODY_SUFFIX})关于")
# A news item signed by the body that wrote it, in brackets at its very end: …（德清县发改局）.
_SIGNED_RE = re.compile(rf"[（(]([\u4e00-\u9fff]{{2,20}}?{_BODY_SUFFIX})[）)]\s*$")


def _issuer_stated(title: str, body: str) -> str:
    """The body a file names as issuing or writing it, where it names no committee."""
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    for line in (*lines[:60], *lines[-30:]):
        match = _ISSUER_RE.match(line)
        if match:
            return match.group(1)
    match = _ISSUED_TITLE_RE.match(title)
    if match:
        return match.group(1)
    match = _SIGNED_RE.search(lines[-1]) if lines else None
    return match.group(1) if match else ""


_BARE_RE = re.compile(rf"(?<![\u4e00-\u9fff])([{_PLACE_SUFFIX}])政协")
_PARTY_RE = re.compile(rf"中共([\u4e00-\u9fff]{{2,8}}?[{_PLACE_SUFFIX}])委(?!员)")


def _led_by(body: str) -> str:
    """A report that names its committee only as 市政协 (区政协, …): the place of the party
    committee that leads it, 中共岳阳市委, when the body names one of the same level."""
    levels = Counter(m.group(1) for m in _BARE_RE.finditer(body))
    if not levels:
        return ""
    level = max(levels, key=lambda k: levels[k])
    places = Counter(
        place
        for m in _PARTY_RE.finditer(body)
        if (place := _trim_place(m.group(1))).endswith(level) and len(place) >= 3
    )
    return f"{max(places, key=lambda k: places[k])}政协" if places else ""


def _trim_place(candidate: str) -> str:
    """Cut a regex's greedy left context down to the place name itself."""
    index = len(candidate) - 1
    while index > 0 and candidate[index - 1] not in _NOT_IN_PLACE:
        index -= 1
    place = candidate[index:]
    while verb := next((v for v in _VERBS_BEFORE_PLACE if place.startswith(v) and len(place) - len(v) >= 3), ""):
        place = place[len(verb) :]
    return place


def _year(title: str, body: str, furniture: str = "") -> int | None:
    """The year the title names, else the body's most named year, else the year of the
    page's dateline (a newspaper's "2020年11月06日"): when the report was published."""
    match = _YEAR_RE.search(title)
    if match:
        return int(match.group(1))
    for source in (body, furniture):
        years = Counter(int(y) for y in _YEAR_RE.findall(source) if 1990 <= int(y) <= 2099)
        if years:
            return max(years, key=lambda y: (years[y], y))
    return None
