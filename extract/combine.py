"""Combine the rules' PERSON, ORG and GPE candidates with a statistical model's (``extract.lac``).

The genre rules know this kind of report better than a general model, so they decide
where they can (GUIDELINES v1.1):

- a model PERSON loses a title it swallowed (``李明代表`` → ``李明``), must look like a
  name (a surname, two to four characters) and yields to a rule's place or body there
  (``陈仓`` is a district, not a person);
- a model place (LOC) that ends like a body (``南宁市委会``), a street or an estate is
  dropped, and so is one that holds no known place and has no place's suffix (``半山``,
  ``敬亭``); one inside a rule's ORG, TITLE, MEETING or SLOGAN is dropped; one next to a
  rule place joins its chain (``湖北`` + ``宜昌``);
- a model ORG counts as support for a rule ORG it matches or lies inside
  (``岳阳市委`` in ``中共岳阳市委``); on its own it is kept only when it ends like a
  company, school, newspaper or association, because the model calls bare ``政协`` and
  ``人民政协`` (the institution in general, not ORG) a body.

Every span records who proposed it in ``Span.source`` (``rules``, ``lac`` or
``rules+lac``) and its confidence says how far to trust it: both sources agreeing is
high, one source alone lower, the model alone lowest, so a reviewer's queue (least
confident first) shows the doubtful ones first.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from pizhu.extract.entities import (
    in_channel_name,
    kind_of_area,
    looks_like_name,
    looks_like_place,
    name_stands_free,
    opens_venue_name,
    opens_way_name,
    village_committee_end,
)
from pizhu.extract.models import Span
from pizhu.extract.notplaces import in_breadcrumb_channel, in_credit_name, opens_long_body_name
from pizhu.extract.places import in_advert, in_one_country_formula, opens_body_name

__all__ = ["AGREED", "MODEL_ONLY", "combine"]

AGREED = 0.95
"""Confidence of a span both sources propose with the same label and bounds."""
MODEL_ONLY = 0.4
"""Confidence of a span only the model proposes."""
_RULE_ALONE_FACTOR = 0.8
"""A rule span the model read and did not propose keeps this share of its confidence."""

_LABELS = ("PERSON", "ORG", "GPE")
_TITLE_TAIL_RE = re.compile(
    r"(?:代表|委员|常委|主席|副主席|同志|书记|副书记|主任|副主任|校对|记者|先生|女士|老师|教授|院士|局长|部长|会长)$"
)
_ADDRESS_RE = re.compile(r"[\u4e00-\u9fff](?:总|老|董|主委|副主委|总理|省长|市长|县长|区长|旗长)")
_NOT_PLACE_TAIL_RE = re.compile(
    r"(?:委|会|党|政协|人大|部|办|院|局|厅|室|组|路|街|道|巷|苑|园|小区|广场|大厦|中心|公园|景区|工程|时代|新城|乡村|镇村|天地"
    r"|联盟|同盟|集团|公司|银行|医院|学校|大学)$"  # 民众建澳联盟: a body's name ends so, no place does
)
# 新农村, 美丽乡村: one character of praise or novelty before a generic place word (RULINGS: 农村, 乡村 are no GPE).
_GENERIC_AFTER_MODIFIER_RE = re.compile(r"(?:新|美丽|和谐|幸福|文明|数字|智慧)(?:农村|乡村|城市|城镇|社区)$")
# 古镇, 名镇, 古城, 古村, 水乡: a town, a city, a village or a region by its age, fame or kind, after its name.
_KIND_OF_TOWN_TAIL_RE = re.compile(r"(?:古镇|名镇|古城|古村|名村|水乡)$")
_NOT_PLACES = frozenset(
    # 自治州, 自治县 alone are no GPE (RULINGS), as 自治区 is.
    "全国 全省 全市 全县 全区 我国 我省 我市 我县 我区 本市 本县 自治区 自治州 自治县 自治旗 国家 祖国 各地 当地 "
    "基层 城乡 乡村 农村 社区 城市 省市 市县 县区 两岸 海内外 国内 国外 境外 中华 华夏 神州 长城".split()
)
_ORG_TAIL_RE = re.compile(
    r"(?:集团|公司|银行|医院|学校|小学|中学|大学|学院|研究院|研究所|协会|学会|商会|基金会|报社|日报|晚报|电视台"
    r"|出版社|合作社|联合会|工厂|厂"
    # Measured on dev (org10): a model ORG the rules lack ending in an association's or an agency's head was
    # right every time (中新社, 妇联总会, 中华海外联谊会); not a commune (人民公社).
    r"|总会|联谊会|..(?<!公)社"
    # 某村村委: a village's committee named by its village (the village found by either source, RULINGS).
    r"|..村委会?|..村民委员会|..居委会|..居民委员会)$"
)


def combine(text: str, rules: list[Span], model: list[Span], checked: list[tuple[int, int]]) -> list[Span]:
    """``rules`` (every label) with the model's PERSON/ORG/GPE merged in, sources and confidences set.

    ``checked`` are the (start, end) stretches the model read: only there does its silence
    about a rule span lower that span's confidence.
    """
    read = bytearray(len(text) + 1)
    for a, b in checked:
        read[a:b] = b"\1" * (b - a)
    blocked = bytearray(len(text) + 1)
    for span in rules:
        blocked[span.start : span.end] = b"\1" * (span.end - span.start)
    fixed = [f for f in (_fix(text, s) for s in model) if f is not None]
    # A model PERSON that the rules know as a place or body elsewhere in the text (陈仓 of 陈仓区).
    known = " ".join(s.text for s in rules if s.label in ("GPE", "ORG"))
    fixed = [f for f in fixed if f.label != "PERSON" or f.text not in known]
    by_bounds = {(s.start, s.end, s.label) for s in fixed}
    # The model's spans of each label by start, to find those inside a rule span without a scan.
    by_start: dict[str, list[Span]] = {}
    for s in sorted(fixed, key=lambda s: s.start):
        by_start.setdefault(s.label, []).append(s)
    starts = {label: [s.start for s in spans] for label, spans in by_start.items()}
    out: list[Span] = []
    supported: set[tuple[int, int, str]] = set()
    for span in rules:
        if span.label not in _LABELS:
            out.append(span)
            continue
        key = (span.start, span.end, span.label)
        if key in by_bounds:
            supported.add(key)
            out.append(replace(span, source="rules+lac", confidence=max(AGREED, span.confidence)))
            continue
        same = by_start.get(span.label, [])
        first = bisect_left(starts.get(span.label, []), span.start)
        last = bisect_right(starts.get(span.label, []), span.end, first)
        inner = [s for s in same[first:last] if s.end <= span.end]
        if inner:
            supported.update((s.start, s.end, s.label) for s in inner)
            out.append(replace(span, source="rules+lac", confidence=max(0.85, span.confidence)))
        elif read[span.start]:
            out.append(replace(span, confidence=round(span.confidence * _RULE_ALONE_FACTOR, 3)))
        else:
            out.append(span)
    for span in fixed:
        key = (span.start, span.end, span.label)
        if key in supported or any(blocked[span.start : span.end]):
            continue
        if span.label == "ORG" and not _ORG_TAIL_RE.search(span.text) and not _body_in_context(text, span, out):
            continue
        if span.label == "ORG" and _bare_department_after_post(text, span):
            continue
        if span.label == "PERSON" and text.count(span.text) < 2 and not _name_in_context(text, span, out):
            # Measured on the seeds and samples: a "name" only the model saw, once (史志, 明政, 莫道远,
            # 陈家窑), was wrong every time, unless its context says it is a name (a post or a
            # credit before it, a speech verb after it, a rule name beside it in a list); one it
            # sees twice is kept.
            continue
        blocked[span.start : span.end] = b"\1" * (span.end - span.start)
        out.append(replace(span, source="lac", confidence=MODEL_ONLY))
    return _names_again(text, _whole_names(text, _join_place_chains(text, out)))


_ITEM_END = frozenset("、，,；;。：:（()）\n ")
# After a name cut one short, a character that ends no name: a verb, a function word or a measure.
_NOT_NAME_END = frozenset(
    "的了在和与对为把向从到等及或是有说讲表指作致称于同并也都就还又将被让给带名位次件条项人摄其如"
)


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _whole_names(text: str, spans: list[Span]) -> list[Span]:
    """Names cut short made whole by their context (issue 21: minority names of four characters).

    - A name inside an item of a 、-list of names is the whole item, where the item is two to four
      Chinese characters and a neighbouring item is a name (布小林、那顺孟和 → 那顺孟和, not 孟和).
    - A three-character name after a post, followed by one more character and then an item's end or
      a speech verb, runs to that character (主任佟格日乐、, 副主席索朗巴珠主持).
    """
    persons = {(s.start, s.end) for s in spans if s.label == "PERSON"}
    taken = bytearray(len(text) + 1)
    for s in spans:
        taken[s.start : s.end] = b"\1" * (s.end - s.start)

    def item(start: int, end: int) -> tuple[int, int]:
        a, b = start, end
        while a > 0 and start - a < 6 and text[a - 1] not in _ITEM_END:
            a -= 1
        while b < len(text) and b - end < 6 and text[b] not in _ITEM_END:
            b += 1
        return a, b

    def names_beside(a: int, b: int) -> tuple[bool, bool]:
        left = a > 0 and text[a - 1] == "、" and any(e == a - 1 for _s, e in persons)
        right = b < len(text) and text[b] == "、" and any(s == b + 1 for s, _e in persons)
        return left, right

    out: list[Span] = []
    for span in spans:
        if span.label == "PERSON":
            a, b = item(span.start, span.end)
            whole = 2 <= b - a <= 4 and all(_cjk(ch) for ch in text[a:b])
            left, right = names_beside(a, b) if whole else (False, False)
            added = text[a : span.start] + text[span.end : b]
            if whole and (left or right) and added:
                if (
                    not any(taken[a : span.start] + taken[span.end : b])
                    and not set(added) & _NOT_NAME_END
                    and _VERB_AFTER_NAME_RE.match(text, span.end) is None  # 乌云出席: the verb is no part of it
                ):
                    span = replace(span, start=a, end=b, text=text[a:b])
            elif (
                span.end - span.start == 3
                and _POST_BEFORE_RE.search(text, max(0, span.start - 8), span.start)
                and span.end < len(text)
                and _cjk(text[span.end])
                and text[span.end] not in _NOT_NAME_END
                and not taken[span.end]
                and (
                    span.end + 1 >= len(text)
                    or text[span.end + 1] in _ITEM_END
                    or _SPEECH_AFTER_RE.match(text, span.end + 1) is not None
                )
            ):
                span = replace(span, end=span.end + 1, text=text[span.start : span.end + 1])
        out.append(span)
    return out


_VERB_AFTER_NAME_RE = re.compile("出席|列席|参加|主持|讲话|陪同|到会|发言|致辞")


def _names_again(text: str, spans: list[Span]) -> list[Span]:
    """A name of three or more characters found once is a name wherever else it stands free of spans.

    (杨邦杰 after 副主席 and again before 希望: a report names its people more than once, and the
    later mentions lack the post that announced them.)
    """
    names = {s.text: s for s in spans if s.label == "PERSON" and len(s.text) >= 3 and all(map(_cjk, s.text))}
    if not names:
        return spans
    taken = bytearray(len(text) + 1)
    for s in spans:
        taken[s.start : s.end] = b"\1" * (s.end - s.start)
    more: list[Span] = []
    for name, span in names.items():
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            # (编辑:某地旅游 |: a name opening the name a credit line gives is that outlet's, gpeprec)
            if (
                not any(taken[i:j])
                and name_stands_free(text, j, names.keys() - {name})
                and not in_credit_name(text, i, j)
            ):
                more.append(replace(span, start=i, end=j, text=name, rule="entity.person_again"))
                taken[i:j] = b"\1" * len(name)
            i = text.find(name, j)
    return sorted(spans + more, key=lambda s: (s.start, s.end)) if more else spans


_POST_BEFORE_RE = re.compile(
    r"(?:主席|书记|主任|秘书长|部长|局长|厅长|会长|主委|市长|县长|区长|州长|省长|镇长|乡长|院长|校长|理事长"
    r"|记者|通讯员|编辑|审核|审校|校对|责编|摄影|撰稿|监制|终审|初审)[ \u3000]?[:：]?[ \u3000]?$"
)
# 刘凤芹同志为秘书长, 张鑫摄 (a photo credit, its space removed): what follows calls it a name too.
_SPEECH_AFTER_RE = re.compile(
    r"(?:说|指出|强调|表示|要求|认为|主持|讲话|致辞|介绍|发言|建议|提出|希望|代表|同志|摄(?![影像制]))"
)
# 任命刘凤芹同志为秘书长, 选举王某为主席: a verb of appointment or election before it.
_APPOINTING_BEFORE_RE = re.compile(r"(?:任命|选举|推选|推举|增补|补选|聘任|聘请)$")
_POST_AFTER_RE = re.compile(r"(?:副?主席|副?主任|副?书记|秘书长|副?部长|副?局长|副?会长|副?主委|党组|委员|常委)")
_FUNCTION_CHARS = frozenset("同和与及在对向为由把被跟经从给将到赴")
_BARE_BODIES = frozenset(("政协", "人民政协", "中共", "党", "政府", "人大", "党委", "委员会", "常委会", "专委会"))


def _name_in_context(text: str, span: Span, kept: list[Span]) -> bool:
    """A name the model saw once stands where the text itself announces a name.

    A post or credit just before it (``副主席夏启宗``, ``审核:肖丽华``), a speech or action verb just
    after it (``李平说``), or a rule's name beside it in a list (``王强、李明``).
    """
    if _POST_BEFORE_RE.search(text, max(0, span.start - 8), span.start):
        return True
    if _SPEECH_AFTER_RE.match(text, span.end) or _APPOINTING_BEFORE_RE.search(text, max(0, span.start - 2), span.start):
        return True
    names = {(s.start, s.end) for s in kept if s.label == "PERSON"}
    before = span.start - 1
    after = span.end + 1
    if before > 0 and text[before] == "、" and any(e == before for _s, e in names):
        return True
    return after <= len(text) and text[span.end : after] == "、" and any(s == after for s, _e in names)


def _body_in_context(text: str, span: Span, kept: list[Span]) -> bool:
    """A body the model saw stands where a post or a numbered session follows it.

    ``医卫体育委员会主任姜怡``, ``市政协八届一次会议`` (the body before a MEETING is an ORG, v1.1).
    Bare words for the institution in general (``政协``, ``人民政协``) never do.
    """
    if span.text in _BARE_BODIES or len(span.text) < 3:
        return False
    if span.text[0] in _FUNCTION_CHARS and span.text[1:] in _BARE_BODIES:
        return False  # 同政协: a preposition before the institution in general
    if _POST_AFTER_RE.match(text, span.end):
        return True
    return any(s.label == "MEETING" and s.start == span.end for s in kept)


# The end of a post that closes a list item (市委常委、统战部部长X: the department is that body's).
_POST_ITEM_END_RE = re.compile(r"(?:常委|书记|委员|主任|主席|部长|局长|秘书长|主委|会长|市长|县长|区长)$")
_PREFIX_LEADS = ("中共", "中国", "中央", "全国", "国家", "共青团")


def _bare_department_after_post(text: str, span: Span) -> bool:
    """A department written bare right after a post and 、 (``市委常委、统战部部长``) belongs to the
    body named before the post; bare, it names none (tests/data/corpus/RULINGS.md)."""
    if span.start < 2 or text[span.start - 1] != "、":
        return False
    if not _POST_ITEM_END_RE.search(text, max(0, span.start - 8), span.start - 1):
        return False
    bare = not span.text.startswith(_PREFIX_LEADS) and span.text[0] not in "省市县区州镇乡村旗盟"
    return bare and len(span.text) <= 4


# 川渝同乡, 川籍同乡: the model runs a place on into a word for its natives (RULINGS: the place before such a word is
# the GPE, 川渝 of 川渝籍; a one-character clipping before it is none, 川 of 川籍).
_NATIVES_RE = re.compile("同乡|乡亲|籍")
# 川渝 + 同乡总会: a place before its natives' association opens that association's name (an ORG), no place.
_NATIVES_BODY_RE = re.compile("同乡(?:总会|联谊会|会)")
_AREA_END_RE = re.compile("(?:地区|[省市县区州])$")
# 川渝, 京津冀: provinces' one-character names written together name a group of provinces, which is no link of a
# chain running from a larger place to a smaller one (香港 + 川渝 of 香港川渝籍 is two places).
_PROVINCE_RUN_RE = re.compile("[港澳台京津冀沪渝川粤闽湘鄂皖赣浙鲁豫晋陕陇黔滇桂琼藏辽]{2,4}")


def _before_natives(text: str, start: int, end: int) -> int:
    """Where a model place ends that runs on into a word for its natives (``end`` where it does not)."""
    m = _NATIVES_RE.search(text, start + 2, end)
    if m is None:
        return end
    cut = m.start()
    if cut - start >= 3 and _AREA_END_RE.search(text, start, cut - 1):
        cut -= 1  # 香港地区 + 川籍同乡: the one-character clipping before 籍 is no place
    return cut


def _fix(text: str, span: Span) -> Span | None:
    """The model's span as the genre rules would bound it, or None when they reject it."""
    start, end = span.start, span.end
    committee = village_committee_end(text, end) if span.text.endswith(("村", "社区")) else None
    if committee is not None and span.label in ("GPE", "ORG"):
        # 某村 + 村委: the village (the model reads it as a place or a body) is inside its committee's name (RULINGS)
        return replace(span, end=committee, label="ORG", text=text[start:committee])
    if span.label == "PERSON":
        m = _TITLE_TAIL_RE.search(text, start, end)
        if m and m.start() - start >= 2:
            end = m.start()
        elif (m and m.start() - start == 1) or _ADDRESS_RE.fullmatch(text, start, end):
            return None  # 胡主席, 胡总, 蒋主委: a surname with a post is a form of address, no name
        if not looks_like_name(text[start:end]):
            return None
    elif span.label == "GPE":
        end = _before_natives(text, start, end)
        if end - start < 2 or _NATIVES_BODY_RE.match(text, end):
            return None
        name = text[start:end]
        if name in _NOT_PLACES or _NOT_PLACE_TAIL_RE.search(name) or len(name) < 2 or not looks_like_place(name):
            return None
        if _GENERIC_AFTER_MODIFIER_RE.fullmatch(name) or kind_of_area(name):
            return None  # 社会主义新农村, 城中村, 新城区: a kind of place, no name
        if len(name) >= 4 and _KIND_OF_TOWN_TAIL_RE.search(name):
            end -= 2  # 某某古镇, 某某古城: the town's kind after its name is none of it (GPE 某某)
        if text.endswith("爱国爱", 0, start):
            return None  # 爱国爱澳爱乡: the patriotic formula (a SLOGAN), no place in it
        if opens_way_name(text, end):
            return None  # 宜昌大道, 襄阳东站: the place opens a road's or a station's name
        if opens_venue_name(text, end):
            return None  # 某州会议中心, 山东会堂: the place opens a venue's own name (RULINGS: venues are no GPE)
        if in_channel_name(text, start, end):
            return None  # 某市发布, 今日某地: an outlet's channel or account named after the place
        if in_breadcrumb_channel(text, start, end) or in_credit_name(text, start, end):
            return None  # 某某网 >> 某地新闻, 来源:某地某某: a breadcrumb's channel, a credit's name (gpeprec)
        if opens_long_body_name(text, end):
            return None  # 某省名汇物资供应公司: the place opens a firm's longer name (gpeprec)
        if opens_body_name(text, start, end) or in_advert(text, end) or in_one_country_formula(text, start, end):
            return None  # 重庆出版集团: the place opens a company's or an outlet's name
    if (start, end) == (span.start, span.end):
        return span
    return replace(span, end=end, text=text[start:end])


def _join_place_chains(text: str, spans: list[Span]) -> list[Span]:
    """Adjacent places from either source are one chain (湖北 + 宜昌 → 湖北宜昌, v1.1)."""
    places = sorted((s for s in spans if s.label == "GPE"), key=lambda s: s.start)
    if len(places) < 2:
        return spans
    joined: list[Span] = []
    for span in places:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.end == span.start
            and "lac" in (last.source + span.source)
            and not _PROVINCE_RUN_RE.fullmatch(last.text)
            and not _PROVINCE_RUN_RE.fullmatch(span.text)
        ):
            sources = sorted(set(last.source.split("+")) | set(span.source.split("+")), key=("rules", "lac").index)
            joined[-1] = Span(
                last.start,
                span.end,
                "GPE",
                text[last.start : span.end],
                {},
                last.rule or span.rule,
                min(last.confidence, span.confidence),
                "+".join(sources),
            )
        else:
            joined.append(span)
    return [s for s in spans if s.label != "GPE"] + joined


# The links a chain is cut into after a level's character: 雁栖镇下辛庄村 → 下辛庄村.
_LINK_LEVELS = "省市县区镇乡"


def whole_places(text: str, spans: list[Span]) -> list[Span]:
    """A place cut short (辛庄村 of 未来下辛庄村) made whole where the text names it whole elsewhere.

    A GPE span that is the end of a place (or of a chain's last links) the text names in full, with the
    missing characters written right before it, runs back over them: a village or town named once
    whole (下辛庄村, or the 下辛庄村 of 雁栖镇下辛庄村) is that name wherever its tail stands.
    """
    names: set[str] = set()
    for span in spans:
        if span.label != "GPE":
            continue
        names.add(span.text)
        names.update(
            span.text[i + 1 :]
            for i, ch in enumerate(span.text[:-1])
            if ch in _LINK_LEVELS and len(span.text) - i - 1 >= 3
        )
    if not names:
        return spans
    out: list[Span] = []
    # Sorted once (the set does not change below), then kept by last character: a name that ends with a span's
    # text ends with its last character, so each span reads only those, in the same order.
    ending_with: dict[str, list[str]] = {}
    for name in sorted(names, key=len):
        ending_with.setdefault(name[-1:], []).append(name)
    for span in spans:
        if span.label == "GPE" and len(span.text) >= 2:
            for name in ending_with.get(span.text[-1], ()):
                k = len(name) - len(span.text)
                if k > 0 and name.endswith(span.text) and text.endswith(name[:k], 0, span.start):
                    start = span.start - k
                    span = replace(span, start=start, text=text[start : span.end])
                    break
            end = _shore_or_stretch_end(text, span)
            if end != span.end:
                span = replace(span, end=end, text=text[span.start : end])
        out.append(span)
    return out


_WATER_CHARS = frozenset("河江湖溪渠浜泾")
_SHORE_RE = re.compile("[东南西北]岸")
# 段位, 段落, 段子: words opening with 段 that are no stretch of a river.
_STRETCH_RE = re.compile("段(?![位落子时])")


def _shore_or_stretch_end(text: str, span: Span) -> int:
    """Where a water's place ends with its shore or its stretch (RULINGS: a lake's shore with its side is one GPE,
    某某湖北岸; a river's stretch named by a place on it is one GPE with the river, 某某河某坪段)."""
    name, end = span.text, span.end
    if name[-1] in _WATER_CHARS and _SHORE_RE.match(text, end):
        return end + 2
    water = max((i for i, ch in enumerate(name[:-2]) if ch in _WATER_CHARS), default=-1)
    if water >= 1 and _STRETCH_RE.match(text, end):
        return end + 1  # 大运河 + 湖州 + 段: the river's stretch by the place it runs through
    return end
