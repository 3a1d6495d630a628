"""The place and surname tables pizhu ships (``extract/data/places.tsv``, ``surnames.tsv``), read once.

Both are built by ``tools/build_lexicons.py`` from public PyPI wheels (JioNLP's
administrative divisions of the PRC with their short names, renamed divisions and
countries; Faker's and JioNLP's surname lists); see ``extract/data/README.md``.

Full names (岳阳市, 积石山保安族东乡族撒拉族自治县, 拓石镇) all end in an administrative
suffix, so :func:`admin_names` scans a text at its suffix characters only and looks the
name up by its length there: a dictionary probe per suffix character and length, no regex
over thirty thousand alternatives. Short names (岳阳, 积石山) have no suffix to anchor on;
:func:`table` hands them to the tokenizer, which finds them as words.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PlaceTable", "admin_names", "in_advert", "in_one_country_formula", "opens_body_name", "table"]

_DATA = Path(__file__).parent / "data"

# Kinds, in the order a name listed twice keeps (吉林 the province before 吉林 the city).
KINDS = ("province", "city", "county", "former", "country", "town")


@dataclass(frozen=True)
class PlaceTable:
    """Places by full name and by short name, and surnames with their frequency."""

    kind: dict[str, str]
    """Full name (岳阳市, 拓石镇, 日本) → its kind."""
    short: dict[str, str]
    """Short name (岳阳, 积石山, 宁夏), and a country's name (日本), → the kind of the place it names."""
    short_of: dict[str, str]
    """Full name (岳阳市) → its short name (岳阳), where the table gives one."""
    lengths: dict[str, tuple[int, ...]]
    """Last character of a full name → the lengths full names ending in it have, longest first."""
    surnames: dict[str, float]
    """Surname (王, 欧阳) → frequency in per cent (0.0 where the sources give none)."""
    plain_surnames: frozenset[str]
    """Surname characters that are rarely anything else (王, 欧阳; not 和, 文, 海)."""


_lock = threading.Lock()
_table: list[PlaceTable] = []


def table() -> PlaceTable:
    """The tables, read on first use (about 35,000 rows; a few tens of milliseconds)."""
    if _table:
        return _table[0]
    with _lock:
        if not _table:
            _table.append(_read())
    return _table[0]


def _rows(name: str) -> list[list[str]]:
    return [
        line.split("\t") for line in (_DATA / name).read_text("utf-8").splitlines() if line and not line.startswith("#")
    ]


def _read() -> PlaceTable:
    kind: dict[str, str] = {}
    short: dict[str, str] = {}
    short_of: dict[str, str] = {}
    for name, k, alias in _rows("places.tsv"):
        if k == "country":
            # 日本, 俄罗斯: no suffix to anchor on, found as words like short names.
            short.setdefault(name, k)
            continue
        kind.setdefault(name, k)
        if alias and alias != name and k != "town":
            if alias not in short or KINDS.index(k) < KINDS.index(short[alias]):
                short[alias] = k
            short_of.setdefault(name, alias)
        if k == "city" and len(name) >= 3 and name.endswith("盟"):
            # 锡林郭勒盟 → 锡盟, 阿拉善盟 → 阿盟: a league is also written by its first character and 盟 (锡盟政协,
            # 中共锡盟委); a name the table gives another place keeps it (西盟 is a county's).
            league = name[0] + "盟"
            if league not in kind and league not in short:
                short[league] = k
    by_end: dict[str, set[int]] = {}
    for name in kind:
        by_end.setdefault(name[-1], set()).add(len(name))
    surnames: dict[str, float] = {}
    plain = set()
    for name, freq, flags in _rows("surnames.tsv"):
        surnames[name] = float(freq) if freq else 0.0
        if "u" in flags:
            plain.add(name)
    return PlaceTable(
        kind=kind,
        short=short,
        short_of=short_of,
        lengths={end: tuple(sorted(ls, reverse=True)) for end, ls in by_end.items()},
        surnames=surnames,
        plain_surnames=frozenset(plain),
    )


_SUFFIX_RE = re.compile("[省市县区州旗盟镇乡道木]")


def admin_names(text: str, kinds: frozenset[str] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every full place name in ``text``, the longest ending at each suffix.

    Overlapping names are all returned (宜昌市 and 昌市 do not both exist, but 吉林省吉林市 has
    two); the caller decides which bounds a word allows. ``kinds`` limits what is returned.
    """
    t = table()
    out = []
    for m in _SUFFIX_RE.finditer(text):
        end = m.end()
        for length in t.lengths.get(m.group(), ()):
            start = end - length
            if start < 0:
                continue
            k = t.kind.get(text[start:end])
            if k is not None and (kinds is None or k in kinds):
                out.append((start, end, k))
                break
    return out


# 重庆出版集团, 香港中通社, 岳阳晨光出版社, 中国政府网 图, (视觉中国/图): a place that opens a company's, a
# publisher's or a news agency's name, or closes a photo agency's credit, is part of that name (RULINGS: companies and
# media outlets are ORG, and the place inside such a name is no GPE). Up to four characters of trade
# name may stand between; none of them a function word or a mark, and the place must not follow a
# verb of going or being (赴重庆调研…集团 reads 重庆 on its own).
_BODY_AFTER_PLACE_RE = re.compile(
    r"(?:(?![的和与及在是对为从向到赴等])[\u4e00-\u9fff]){0,4}?"
    r"(?:出版集团|出版社|杂志社|通讯社|中通社|新闻社|报社|集团|公司"
    # 南丰纱厂: a mill or a works named after a place (not 厂长, 厂商, 厂区, 厂家, 厂房)
    r"|(?<![各全几每些两三四五六七八九十多])厂(?![长商区家房矿])"
    # 中国政府网 图, 岳阳新闻网讯: a news site's name before a photo credit or its lead
    r"|网(?=[ \u3000]*(?:图|讯|消息|\n)))"
    r"|[/／]图"
    # 亚洲地产控股(香港)有限公司: a company's registered place in brackets before its form
    r"|[)）](?:股份)?(?:有限责任公司|有限公司|公司|集团)"
    # 上海某某(苏州)律师事务所, 南京某某律师事务所: a firm's city opens its name or its branch's city is in brackets
    r"|[)）]?(?:律师|会计师)事务所"
)
_GOING_BEFORE = frozenset("赴到在去往至抵从来于")


# 香港商务及经济发展局, 澳门治安警察局, 香港旅发局: a Hong Kong or Macau bureau named after its place (RULINGS: Hong
# Kong bureaus are ORG); not 当局 (the authorities), nor across a function word or a mark.
_SAR_BUREAU_RE = re.compile(
    r"(?!当局)(?:(?![的和与在是对为从向到等、，。；：\s])[\u4e00-\u9fff]){0,9}?"
    # the common words that end in 局 or 署 (融入国家发展大局, 工作部署) name no bureau
    r"(?![大格布全结时政开僵新残变部的和与在是对为从向到等])[\u4e00-\u9fff][局署](?![长])"
)
_SARS = frozenset(("香港", "澳门", "香港特区", "澳门特区", "香港特别行政区", "澳门特别行政区"))


def opens_body_name(text: str, start: int, end: int) -> bool:
    """Whether the place at ``text[start:end]`` opens a company's, a media outlet's or a SAR bureau's name (or
    closes a photo credit)."""
    if start > 0 and text[start - 1] in _GOING_BEFORE:
        return False
    if text[start:end] in _SARS and _SAR_BUREAU_RE.match(text, end):
        return True
    return _BODY_AFTER_PLACE_RE.match(text, end) is not None


# 浙江治疗白癜风疗效最好医院, 岳阳治疗白癜风哪家医院好: a medical advertisement a spam mirror injects names a
# place before a treatment and a "best hospital" question; its place is no GPE (corpus RULINGS).
_ADVERT_AFTER_PLACE_RE = re.compile(
    r"[^\n，。；,;]{0,4}?(?:治疗|医治|看)[^\n，。；,;]{1,12}?(?:最好的?医院|哪家(?:医院)?(?:最)?好|哪里(?:最)?好|哪个医院(?:最)?好)"
)


def in_advert(text: str, end: int) -> bool:
    """Whether the place ending at ``end`` opens a medical advertisement's keyword line."""
    return _ADVERT_AFTER_PLACE_RE.match(text, end) is not None


# 坚持一个中国原则: a country right after 一个, before the formula's noun or a break, is the numbered formula
# (RULINGS: 一个中国原则 gives SLOGAN 一个中国 and no GPE); 一个中国人 (a person) keeps its place.
_FORMULA_AFTER_RE = re.compile(r"(?:原则|政策|框架|立场|共识|的|[^\u4e00-\u9fff]|$)")


def in_one_country_formula(text: str, start: int, end: int) -> bool:
    """Whether the country at ``text[start:end]`` is the one of the 一个X formula."""
    return (
        text.endswith("一个", 0, start)
        and table().short.get(text[start:end]) == "country"
        and _FORMULA_AFTER_RE.match(text, end) is not None
    )
