"""Each label's grammar of form (GUIDELINES.md's label table), read off the string alone with
extract's tables: evidence for ``pizhu check --model`` that needs no model to know the name.

- PERSON: a surname (extract's table, one or two characters) and a given name, two to four
  characters in all (or a name with ``·``); no organ head or division word at its end.
- ORG: a named body: it ends in an organ or organisation head (政协, 委员会, 局, 学院, 网 …),
  or is an abbreviation jieba's dictionary tags as a body (``nt``, ``j``) or a party's; and
  what comes before the head names it (相关部门, 各级党委: a generic modifier and a head are no name).
- GPE: a place: a chain of extract's place names (full or short), a region (走廊, 新区, 湾区 …),
  or a name of two to four characters that ends in a division level word (省, 市, 县, 区, 镇,
  村 …) or a natural feature (山, 河 …).
- DATE: an absolute date: a numeral with 年, 月, 日 or 号, or a bare year (2020, 二零二三).
- FIGURE: a numeral with its unit or measure word (extract's table), or a percentage; no
  ordinal (第…, 首…, an anniversary …周年).
- TITLE: a work in 《》, the 《》 included.
- MEETING: a numbered session: a term or session number and a meeting word (会议, 全会, 大会).
- SLOGAN: not a work in 《》.

``fits(label, text)`` is True where the string has the label's form, False where it has not,
and None where the grammar cannot tell (a label without one).
"""

from __future__ import annotations

import re

from pizhu.store.span_model import BODIES, dictionary_word, tables

LEVELS = ("自治区", "自治州", "自治县", "特别行政区", "街道", "社区", "苏木", "嘎查")
LEVEL_CHARS = frozenset("省市县区州旗盟镇乡村屯寨庄里湾坪")
"""A division level word a place's name ends in."""
REGIONS = (
    "走廊",
    "地区",
    "新区",
    "开发区",
    "示范区",
    "试验区",
    "合作区",
    "都会区",
    "湾区",
    "经济带",
    "流域",
    "半岛",
    "群岛",
)
REGION_CHARS = frozenset("江河湖山海岛峡湾岭洲")
ORG_HEADS = (
    "政协", "人大", "人大常委会", "政府", "委员会", "常委会", "中央", "党委", "党组", "支部", "总支", "工委",
    "协会", "学会", "商会", "联合会", "促进会", "研究会", "联谊会", "基金会", "总会", "分会",
    "中心", "集团", "公司", "银行", "医院", "学校", "中学", "小学", "大学", "学院", "学社",
    "报社", "日报", "晚报", "电视台", "网", "报", "社", "台", "站", "所", "馆", "院", "校", "园", "厂",
    "会", "委", "局", "厅", "办", "部", "处", "科", "室", "署", "司", "团", "队", "组", "联", "协", "盟", "党",
    "军", "营", "庭", "行", "店", "场", "队", "班", "屋", "家", "吧", "坊", "舍", "堂", "阁", "驿站", "基地",
)  # fmt: skip
GENERIC = frozenset(
    "相关 有关 各 各级 各类 各个 各大 全 全体 其他 其它 职能 主管 上级 下级 基层 地方 本 我 该 两 多 多个 "
    "一些 部分 这些 政府 党政 行政 业务 责任 牵头 成员 群团 民主 社会 企业 事业".split()
)
"""Modifiers that name no body: with a head alone (相关部门, 各级党委, 政府部门) they make a generic phrase."""
GENERIC_HEADS = ("部门", "单位", "机关", "机构", "组织", "党派", "团体", "系统")
_NUMERAL = "0-9０-９〇零一二三四五六七八九十百千万亿两"
_NUM_RE = re.compile(f"[{_NUMERAL}]")
_DATE_RE = re.compile(
    f"[{_NUMERAL}][{_NUMERAL}.\\-—至~]*[年月日号]|^(?:19|20)[0-9]{{2}}$|^[〇零一二三四五六七八九]{{4}}$|^[0-9]{{2,4}}[-/][0-9]{{1,2}}(?:[-/][0-9]{{1,2}})?$"
)
_ORDINAL_RE = re.compile("^(?:第|首)|(?:周年|华诞)$")
"""An ordinal: 第…, 首…, and an anniversary (75周年, 80华诞: the guidelines' ordinals, not FIGURE)."""
_MEETING_RE = re.compile(f"[{_NUMERAL}]+[届次].*(?:会议|全会|大会|会)$|[{_NUMERAL}]+大$")
_PARTIES = BODIES[1:]
_BODIES = ("政协", "中国", "中华", "全国", "中央", "九三")
_CJK_RE = re.compile(r"^[\u4e00-\u9fff·]+$")


def _surname(text: str) -> bool:
    surnames = tables()["places"].surnames
    return text[:1] in surnames or text[:2] in surnames


def _org_head(text: str) -> str | None:
    """The organ or organisation head ``text`` ends in, the longest."""
    for head in sorted(ORG_HEADS, key=len, reverse=True):
        if text.endswith(head):
            return head
    return None


def place_chain(text: str) -> bool:
    """Whether ``text`` is one place or a chain of places of extract's table (拓石镇小川村: a
    table name and then a name ending in a level word)."""
    places = tables()["places"]
    if not text:
        return False
    for k in range(min(len(text), 9), 1, -1):
        head = text[:k]
        if head in places.kind or head in places.short:
            rest = text[k:]
            if not rest or place_chain(rest) or (len(rest) <= 5 and _ends_in_level(rest)):
                return True
    return False


def _ends_in_level(text: str) -> bool:
    return len(text) >= 2 and (text.endswith(LEVELS) or text[-1] in LEVEL_CHARS)


def fits(label: str, text: str) -> bool | None:
    """Whether ``text`` has the form of ``label`` (None: the grammar cannot tell)."""
    if not text:
        return False
    if label == "TITLE":
        return text.startswith("《") and text.endswith("》")
    if label == "SLOGAN":
        return not text.startswith("《")
    if label == "DATE":
        return bool(_DATE_RE.search(text))
    if label == "FIGURE":
        if _ORDINAL_RE.search(text) or not _NUM_RE.search(text):
            return False
        if "分之" in text:
            return True  # 三分之一
        if re.fullmatch(f"[{_NUMERAL}]+届", text):
            return None  # a count (共召开六届) or an ordinal (十三届) by its context
        bare = re.sub("(?:以上|以下|左右|之多|有余|余|多|[(（][^)）]*[)）])$", "", text)
        if re.fullmatch(
            f"(?:(?:19|20)[0-9]{{2}}|[〇零一二三四五六七八九]{{4}})年(?:[{_NUMERAL}]{{1,2}}月)?(?:[{_NUMERAL}]{{1,3}}日)?",
            text,
        ):
            return False  # a date (a year of four digits, Arabic or Chinese: 一九八五年)
        measure = tables()["measure"]
        return bare.endswith(("%", "％", "‰")) or any(bare.endswith(w) for w in measure)  # not 超过20, 约两星
    if label == "MEETING":
        return bool(_MEETING_RE.search(text))
    if label == "PERSON":
        if "·" in text or "•" in text:
            return True
        head = _org_head(text)
        return bool(_CJK_RE.match(text)) and 2 <= len(text) <= 4 and _surname(text) and not (head and len(head) >= 2)
    if label == "GPE":
        places = tables()["places"]
        if text in places.kind or text in places.short or place_chain(text):
            return True
        if not _CJK_RE.match(text):
            return False
        if text.startswith(_PARTIES) or _org_head(text) in ("政协", "人大", "政府", "委员会", "党委"):
            return False
        if text.endswith(REGIONS):
            return True
        if len(text) >= 5:
            return False  # a long name is a chain of known places (东省惠州市 is none) or a region
        return _ends_in_level(text) or text[-1] in REGION_CHARS
    if label == "ORG":
        if text.startswith(_PARTIES) or text.startswith(_BODIES):
            return True  # 政协鱼台县, 中国民主同盟临沂市: a body with its place after it
        head = _org_head(text)
        if head is not None:
            name = text[: len(text) - len(head)]
            return bool(name) or len(head) >= 2  # 政协, 中央: a body by itself; 局 alone is none
        if text.endswith(GENERIC_HEADS):
            name = text[:-2]
            return bool(name) and name not in GENERIC
        tag, _freq = dictionary_word(text)
        return tag in ("nt", "j")
    return None


def sure_org(text: str) -> bool:
    """Whether ``text`` is a body by a surer form than a one-character head (场, 党 also end places and
    nicknames): a head of two characters or more (机关, 委员会), a body or party first (政协…, 民盟…), or
    jieba's dictionary tags it as a body (国民党: ``nt``)."""
    head = _org_head(text)
    if text == head or text in GENERIC_HEADS:
        return False  # 委员会, 部门 alone: a head names no body
    if text.startswith(_PARTIES) or text.startswith(_BODIES) or (head is not None and len(head) >= 2 and text != head):
        return True
    if text.endswith(GENERIC_HEADS) and text[:-2] and text[:-2] not in GENERIC:
        return True
    return dictionary_word(text)[0] in ("nt", "j")


def generic(label: str, text: str) -> bool:
    """Whether ``text`` is a generic phrase of ``label``'s kind with no name part: a body's
    head after a modifier that names none (相关部门, 各级党委), an ordinal (第十三届)."""
    if label == "ORG":
        for head in (*GENERIC_HEADS, *sorted(ORG_HEADS, key=len, reverse=True)):
            if text.endswith(head) and text[: -len(head)] in GENERIC:
                return True
        return text in GENERIC_HEADS
    if label in ("FIGURE", "DATE"):
        return bool(_ORDINAL_RE.search(text)) and not _DATE_RE.search(text)
    return False
