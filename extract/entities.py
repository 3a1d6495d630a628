"""Find PERSON, ORG, GPE, TITLE, MEETING and SLOGAN spans with rules over jieba tokens.

jieba segments (``HMM=False``: fast, and an unknown name falls apart into single
characters, which is itself a useful signal); what a token *is* comes from pizhu's own
lexicons, never from jieba's nr/ns guesses, which call 智慧 and 从严治党 names:

- ``extract/data/userdict.txt`` lines are ``word freq tag`` with pizhu's tags:
  ``nt`` body heads (政协, 人民检察院), ``tt`` titles that announce a name (主席, 本报记者),
  ``ns`` places written without an administrative suffix (河西走廊), ``sl`` slogans,
  ``nr`` leaders named inside fixed phrases (习近平);
- places: jieba's dictionary entries that end in an administrative suffix (四川省,
  南江县), and their stems (四川), read once; an unknown place is single-character tokens
  (or a dictionary name) glued to a suffix token: 拓/石/镇 → 拓石镇.

jieba is imported and initialised on the first call, never at import time: importing
``extract`` must not slow the app's first paint.
"""

from __future__ import annotations

import logging
import re
import threading
from bisect import bisect_right
from collections.abc import Iterable, Set
from dataclasses import replace
from functools import cache
from itertools import accumulate, chain, compress, count, repeat, takewhile
from operator import and_, is_not, itemgetter, methodcaller, not_, or_
from pathlib import Path
from typing import Any, cast

from pizhu.extract.figures import counted_measures, numeral_idioms
from pizhu.extract.models import Span
from pizhu.extract.notplaces import in_breadcrumb_channel, in_credit_name, opens_long_body_name
from pizhu.extract.places import PlaceTable, admin_names, in_advert, in_one_country_formula, opens_body_name
from pizhu.extract.places import table as place_table
from pizhu.extract.prefilter import finditer_near, scanning
from pizhu.extract.segment import Segmenter

__all__ = [
    "find_entities",
    "in_channel_name",
    "kind_of_area",
    "looks_like_name",
    "looks_like_place",
    "post_at",
    "unsettled_stretches",
]

_DATA = Path(__file__).parent / "data"
_USERDICT = _DATA / "userdict.txt"
_CJK = "\u4e00-\u9fff"


def _surname_rows() -> list[tuple[str, float]]:
    rows = [line.split("\t") for line in (_DATA / "surnames.tsv").read_text("utf-8").splitlines() if line[:1] != "#"]
    return [(r[0], float(r[1]) if r[1] else 0.0) for r in rows if len(r) == 3]


def _plain_surname_rows() -> frozenset[str]:
    rows = [line.split("\t") for line in (_DATA / "surnames.tsv").read_text("utf-8").splitlines() if line[:1] != "#"]
    return frozenset(r[0] for r in rows if len(r) == 3 and "u" in r[2])


# --- lazily built state -------------------------------------------------------------------

_lock = threading.Lock()
_state: dict[str, Any] = {}


def _init() -> dict[str, Any]:
    """The jieba tokenizer and the lexicons, built once per process on first use."""
    if _state:
        return _state
    with _lock:
        if _state:
            return _state
        import jieba

        logging.getLogger("jieba").setLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        tokenizer.load_userdict(str(_USERDICT))
        tags: dict[str, set[str]] = {}
        for line in _USERDICT.read_text("utf-8").splitlines():
            parts = line.split()
            if len(parts) == 3:
                tags.setdefault(parts[2], set()).add(parts[0])
        entries = _jieba_entries(Path(jieba.__file__).parent / "dict.txt")
        places, proper, rare = _jieba_places(entries)
        places |= tags.get("ns", set())
        places -= _GENERIC_PLACES
        table = place_table()
        # A place missing from jieba's dictionary (岳阳市, 岳阳, 积石山) would fall apart into
        # single characters; as a word it is found wherever it stands.
        for place in (*places, *table.kind, *table.short):
            if len(place) >= 2 and not tokenizer.FREQ.get(place):
                tokenizer.add_word(place, 200, "ns")
        short_names = frozenset(w for w, kind in table.short.items() if _short_name_stands(w, kind, entries.get(w)))
        # 市场, 市民, 县城, 区域: a word that takes the suffix of the place before it (陇南市情 is 陇南 + 市情).
        eaters = frozenset(
            w
            for w, (freq, _tag) in entries.items()
            if len(w) == 2
            and w[0] in "省市县区州旗镇乡"
            and freq >= 30
            and w[1] not in _BODY_AFTER_SUFFIX
            # 大湾区内各地, 某县内: a place keeps its suffix before 内 and 外, as a village keeps it before 里 (RULINGS)
            and w[1] not in "内外"
        ) | {level + "情" for level in "省市县区乡"}  # 陇南市情: the city's situation, 市 belongs to it
        # 中山乡彦, 家乡乡贤: the people of one's home place (乡 + 彦/贤/亲/邻/友/党), not a township.
        eaters |= {"乡" + ch for ch in "彦贤亲邻友党愁"}
        # 青藏, 川渝, 京津冀: jieba's abbreviations (j) made of provinces' one-character names.
        regions = frozenset(
            w
            for w, (_f, tag) in entries.items()
            if tag in ("j", "ns") and 2 <= len(w) <= 3 and all(ch in _ALL_ABBREVIATIONS for ch in w)
        )
        # Words that never stand inside a body's name (推动, 认真, 把, 这): they end the walk back
        # from a body's head to its place (see _org_chains).
        function_words = frozenset(w for w, (_f, tag) in entries.items() if tag in _FUNCTION_TAGS)
        # Names jieba tags as places (湟水, 秦岭): a natural place's stem before 河/江/湖/山.
        ns_words = frozenset(w for w, (_f, tag) in entries.items() if tag == "ns" and 2 <= len(w) <= 3)
        # Prepositions and conjunctions that are also surnames (于, 向, 和), by how often they are words.
        particles = frozenset(w for w, (f, tag) in entries.items() if len(w) == 1 and tag in "pcd" and f >= 30000)
        # 羌, 畲, 苗: ethnic groups' one-character names, as the table's autonomous divisions write them
        # (北川羌族自治县) and jieba tags the group (羌族 nz; not 民族, 各族).
        ethnic = frozenset(
            m.group(1)
            for name in table.kind
            for m in re.finditer(r"(.)族(?=自治|乡|镇|$)", name)
            if entries.get(m.group(1) + "族", (0, ""))[1] == "nz"
        )
        del entries
        slogans = sorted(tags.get("sl", set()), key=len, reverse=True)
        _state.update(
            tokenizer=tokenizer,
            segmenter=Segmenter(tokenizer),  # after the last add_word: it reads the dictionary once
            places=frozenset(places - _GENERIC_PLACES),
            short_names=short_names - _GENERIC_PLACES,
            country_re=_alternation(w for w in short_names if table.short[w] in ("province", "country", "city")),
            suffix_eaters=eaters,
            function_words=function_words,
            ns_words=ns_words,
            autonomous_re=_autonomous_short_forms(table),
            particles=particles,
            ethnic_groups=ethnic,
            region_words=regions | _REGION_RUN_WORDS,
            # 崖门 (崖门镇), 大良 (大良街道): towns' names without their suffix, where jieba knows no word of them.
            town_stems=frozenset(
                stem
                for stem in (n[:-2] if n.endswith("街道") else n[:-1] for n, k in table.kind.items() if k == "town")
                if 2 <= len(stem) <= 3 and tokenizer.FREQ.get(stem, 0) < _TOWN_STEM_FREQ
            ),
            proper=frozenset(proper),
            rare_proper=frozenset(rare),
            titles=frozenset(tags.get("tt", set())),
            title_lengths=sorted({len(w) for w in tags.get("tt", set())}),
            leaders=frozenset(tags.get("nr", set())),
            slogans=frozenset(slogans),
            slogan_re=re.compile("|".join(re.escape(s) for s in slogans)),
        )
    return _state


_ADMIN_SUFFIXES = ("自治区", "自治州", "自治县", "省", "市", "县", "区", "州", "旗", "盟")
_GENERIC_PLACES = frozenset(
    "城市 超市 都市 市区 城区 社区 地区 辖区 园区 景区 山区 街区 灾区 校区 片区 市县 县区 区县 城乡 乡村 农村 山村 "
    "村镇 乡镇 全省 本省 外省 我省 各省 全县 本县 全区 本区 我区 各区 该区 全市 本市 我市 该市 各市 全国 中区 新区 "
    "城中村 东区 西区 南区 北区 老区 郊区 牧区 矿区 林区 湖区 市州 省市 省区 各地 当地 外地 本地 两岸 "
    "街镇 镇街 城镇 集镇 自治区 自治州 自治县 苏木 嘎查 苏木镇 乡苏木 旗县 盟市 嘎查村 新农村 美丽乡村".split()
    # Place names that are also everyday words of report prose (新建 项目, 平原 地区, 商城, 长寿).
    + "平原 大都 商城 新建 太平 新城 朝阳 永安 山口 故城 中和 新河 海岛 长寿 兴隆 大关 东安 大城 桃园 龙门 河口 "
    "滨海 沙河 开平 长乐 南城 北安 清河 青龙 安西 龙井 德化 安宁 中阳 江山 列席 新区 高新 开发".split()
    # A kind of place praised or sized, no name (打造旅游强镇, 小城镇建设, 中心区城市).
    + "小城镇 强镇 名镇 重镇 古镇 小镇 大镇 强县 强市 强区 强村 名村 大村 中心区 中心镇 中心村".split()
    # A city by its size (建设现代化大都市, 超大城市治理): a kind of city, no name.
    + "大都市 大城市 特大城市 超大城市".split()
    # A village by its kind (推动一个自然村建设, 6个聚居村之一): no name (gpeprec).
    + "自然村 行政村 聚居村".split()
)


def _alternation(words: Any) -> re.Pattern[str]:
    """One regex matching any of ``words``, the longest first.

    The words share their prefixes (a trie: 阿尔及利亚 and 阿尔巴尼亚 one 阿尔 and a branch), so ``re`` tries
    each position's characters once instead of every word. It matches what the words sorted longest first
    would: at a position only one branch can follow the text's next character, and the greedy ``?`` at a
    word's end goes on first, so the match is the longest word there.
    """
    words = list(words)
    if "" in words:  # the empty word matches everywhere: the plain alternation keeps its place last
        return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return re.compile(_trie_pattern(trie))


def _trie_pattern(node: dict[str, Any]) -> str:
    """The regex of the words below ``node`` (its keys the next characters, "" where a word ends)."""
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in node.items() if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


def _jieba_entries(path: Path) -> dict[str, tuple[int, str]]:
    """jieba's dictionary: word → (frequency, tag)."""
    entries: dict[str, tuple[int, str]] = {}
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError:
        return entries
    for line in lines:
        parts = line.split()
        if len(parts) == 3 and parts[1].isdigit():
            entries[parts[0]] = (int(parts[1]), parts[2])
    return entries


def _jieba_places(entries: dict[str, tuple[int, str]]) -> tuple[set[str], set[str], set[str]]:
    """Places from jieba's dictionary: ns entries with an administrative suffix, and their stems.

    A bare ns tag is not trusted (一路平安 is ns there); a suffix is. The stem of 四川省 is
    a place because 四川省 is. Also returns the words jieba tags as proper names, used
    only to let a known name glue to a suffix (陈仓 + 区).
    """
    places: set[str] = set()
    proper: set[str] = set()
    rare: set[str] = set()
    for word, (_freq, tag) in entries.items():
        if tag in ("nr", "ns", "nrt", "nrfg"):
            proper.add(word)
            if _freq < 50 and tag in ("ns", "nr"):
                rare.add(word)
        if tag == "ns" and len(word) >= 3 and word[-1] in _NATURAL_SUFFIXES and not word.endswith(_REGION_NOUNS):
            places.add(word)  # 洞庭湖, 大别山, 松花江: named natural places are GPE (v1.1)
            continue
        if tag != "ns" or len(word) < 3 or not word.endswith(_ADMIN_SUFFIXES) or word.endswith(_REGION_NOUNS):
            continue
        if word[0] in "一二三四五六七八九十百千" and word[1:2] in "强佳大":
            continue  # 十强县, 百强市: a ranking jieba tags ns, no place
        places.add(word)
        for suffix in ("自治区", "省", "市", "县"):
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 2 and _stem_is_name(entries.get(stem)):
                places.add(stem)
    return places, proper, rare


# 宜居城市, 经济开发区: jieba tags them ns, but they are kinds of place, not names.
_REGION_NOUNS = ("城市", "新区", "开发区", "示范区", "先行区", "试验区", "保护区", "风景区", "地区", "社区", "城区",
                 "市区", "园区", "景区", "山区", "街区", "高新区", "功能区", "特区", "老区", "灾区")  # fmt: skip


# Two-character ones (江湖, 高山, 大海, 上山) are mostly everyday words, so only longer names count.
_NATURAL_SUFFIXES = frozenset("江河湖山海岛峡湾岭")


# After a suffix, these start a body or a post (市委, 县政府, 市长): the suffix stays with the place.
_BODY_AFTER_SUFFIX = frozenset("委政长府级直属立人党纪监法检团妇工文科侨")


def _autonomous_short_forms(table: Any) -> re.Pattern[str] | None:
    """门源县, 恩施州, 循化县: an autonomous county's, prefecture's or banner's short name written with
    its level. The text gives the level, so the short name needs no licence from the dictionary."""
    forms = set()
    for full, short in table.short_of.items():
        # 管城区 of 管城回族区: an ethnic district's short name with its level, as an autonomous county's.
        for suffix, level in (("自治县", "县"), ("自治州", "州"), ("自治旗", "旗"), ("族区", "区")):
            if full.endswith(suffix) and short and len(short) >= 2 and not short.endswith(level):
                forms.add(short + level)
    return _alternation(forms) if forms else None


_VENUE_CHARS = frozenset("苑馆楼厅堂阁轩")
_COUNT_CHARS = frozenset("一二两三四五六七八九十百千双")
_KIND_OF_PLACE_CHARS = frozenset("城县市镇乡区省村")
# A village's or a town's suffix and a locative that jieba reads as one word (村里, 镇上).
_LOCATIVE_AFTER_SUFFIX = frozenset(("村里", "村内", "村中", "镇里", "镇内", "镇上", "乡里"))
_PLACE_SUFFIX_WORDS = frozenset(("省", "市", "县", "区", "州", "镇", "乡", "村", "旗", "街道", "社区"))


def _counts_places(word: str) -> bool:
    """双城, 两县, 三镇: a count and a kind of place, which reads as a number of places."""
    return len(word) == 2 and word[0] in _COUNT_CHARS and word[1] in _KIND_OF_PLACE_CHARS


def _short_name_stands(name: str, kind: str, entry: tuple[int, str] | None) -> bool:
    """Whether a short name (岳阳, 积石山) or a country (日本) is a place wherever it stands, as a word.

    A province's short name always is; another is unless jieba knows it as a common word of
    another kind (大同, 城中, 和平, 安康): those count only where the text also gives the full
    name (see ``_gpes``).
    """
    if len(name) < 2:
        return False
    if _counts_places(name):
        return False  # 双城经济圈: a count of places (双城, 两县), a name only beside its full name (双城区)
    if kind in ("province", "country") or entry is None:
        return True
    freq, tag = entry
    if kind == "city":
        # 张家口, 石家庄: a city's name of three characters jieba tags as a person's is the city (no given name
        # of two characters is that common a word); a two-character one may be a name (桂林, 嘉兴).
        if len(name) >= 3 and tag in ("nr", "nrt"):
            return True
        return tag == "ns" or freq < 100 or (tag in ("nr", "nrt", "nz", "j") and freq < 200)
    # A county's short name is more often a word (惠民, 安宁, 新建): only a rare dictionary name.
    return tag in ("ns", "nr", "nrt") and freq < 50


def _stem_is_name(entry: tuple[int, str] | None) -> bool:
    """Whether the stem of a place (大兴 of 大兴区) is a name on its own, not a common word."""
    if entry is None:
        return True
    freq, tag = entry
    return tag == "ns" or freq < 20 or (tag in ("nr", "nrt") and freq < 100)


# --- patterns -----------------------------------------------------------------------------

# A 《title》 the layout broke over two lines is still one TITLE (the break stays in the span).
# A title holds no sentence end or semicolon: 《…。…》 on a PDF page whose two columns normalization runs together
# is the other column's sentence between two halves, not one work (RULINGS, mix5; wave8d).
_TITLE_RE = re.compile(
    r"《[^《》\n。；;]{1,80}》|《[^《》\n。；;！？]{1,60}(?:\n[^《》\n。；;！？]{1,60}){0,2}\n[^《》\n。；;]{1,60}》"
)

# 《经济通通讯社驻京记者黄燕明6日北京专电》: a dateline a page set in 《》 is no title (RULINGS, 099–118).
_DATELINE_RE = re.compile(r"《[^《》]*?(?:记者|社|台|网)[^《》]*?[0-9一二三四五六七八九十]{1,3}日[^《》]{0,8}?专?电》")
# 第一百零二次: ordinals past a hundred, then the usual one to three numerals.
_N = r"(?:[一二三四五六七八九]百(?:零?[一二三四五六七八九十]{1,3})?|[一二三四五六七八九十]{1,3}|\d{1,2})"
_TERM = rf"(?:第?{_N}|首)届"
# 二次、三次全会: sessions listed under one term share it and their kind (one MEETING);
# 全委（扩大）会议, 二十次扩大会议: an enlarged session.
_SESSION = (
    # 六届六次市委〈扩大〉会议: a party's committee in plenary, named by its level.
    # 五届三次执委会议, 二届四次理事会议: a federation's or an association's executive or council in session.
    # 六次全体委员(扩大)会议, 第一次全体代表会议: the plenary of the members (enlarged) or of the delegates.
    rf"第?{_N}次(?:[、和]第?{_N}次)*(?:常委会|常委|常务委员会|常务|全体(?:委员|代表)?|全委|主席|党组|主任|委员长|秘书长|[省市县区]委"
    r"|执委|常务理事|理事)?"
    r"(?:[(（〈]扩大[)）〉]|扩大)?"
    # 常委会议程: the session is 常委会 and its agenda (议程) follows (常委会议程序 keeps 常委会议).
    # 七届五次执委会: a chamber's executive committee in session.
    r"(?:全体会议|全委会议(?!程(?!序))|全委会|执委会议(?!程(?!序))|执委会|常委会议(?!程(?!序))|常委会|委员会议"
    r"|会议(?!程(?!序))|全会|(?:人民)?代表大会|人代会)"
)
_MEETING_RE = scanning(
    re.compile(
        rf"(?<![一二三四五六七八九十\d])(?:"
        # 第一届委员会全体会议第一次会议: the term's plenary named before its session, one designation.
        # (十五届人大常委会委员会第五次会议: a congress between term and session is a body of its own, no part of it.)
        # 第一届某某县(市)委员会第一次会议: a place with a bracketed level (a county become a city) in the term's name.
        rf"{_TERM}(?:(?:(?!人大|政协)[{_CJK}]){{0,10}}?(?:[(（][{_CJK}]{{1,2}}[)）])?委员会(?:全体会议)?)?{_SESSION}"
        # 政协第十届某某县二次会议: the committee's place written without 委员会.
        rf"|(?<=政协){_TERM}[{_CJK}]{{1,8}}?(?:自治县|自治州|[省市县区州旗]){_SESSION}"
        # 中国人民政治协商会议第一届全体会议: a term's plenary named by its ordinal term alone (首届全体会议,
        # without 第, is no designation: RULINGS).
        rf"|第{_N}届全体会议"
        # 第二次文史资料工作协作会议: a numbered working meeting of bodies (not 第一次参加…: the nth time one attends).
        rf"|第{_N}次(?!参加|出席|列席|召开|举行|主持|在|到|去|来|被|作)[{_CJK}]{{2,12}}?(?:工作|协作)会议"
        # 第三十一次双周协商座谈会, 第六次专题协商会: a numbered consultation meeting.
        rf"|第{_N}次(?!参加|出席|列席|召开|举行|主持|在|到|去|来|被|作)[{_CJK}]{{0,6}}?协商(?:座谈)?会(?:议)?"
        # 县政协三次会议第二次全体会议: a session without its term and the plenary held in it, one designation.
        rf"|{_N}次会议第{_N}次全体会议"
        # 十届一次的4.38%, 八届三次委员发言摘要: a termed session written without 会议, named before 的 or its members.
        rf"|{_N}届{_N}次(?=的|委员)"
        # 十二届四全会: a plenum by its ordinal and 全会, 中 left out.
        rf"|{_N}届[一二三四五六七八九十]全会"
        # 十八届三中、四中、五中、六中全会: plenums listed under one term are one MEETING.
        rf"|{_N}届{_N}中(?:[、和]{_N}中)*全会"
        # 第七次盟员(代表)大会: a party's congress of its members, or of their delegates (台盟, 九三学社).
        # 第四次⏎2⏎全体社员大会: a PDF page's number between the ordinal and its congress (RULINGS).
        rf"|第{_N}次(?:\n?\d{{1,3}}\n)?(?:全国代表大会|(?:全体)?(?:(?:社员|盟员|会员|党员)(?:[(（]?代表[)）]?)?|代表)大会|党代会)"
        # 省十一次党代会, 市十三次党代会: a level's numbered party congress, its 第 left out after the level.
        rf"|(?<=[省市县区州旗])[一二三四五六七八九十]{{1,3}}次党代会"
        # 区五届五次党代会: a level's party congress in session, by its term and session.
        rf"|(?<=[省市县区州旗])[一二三四五六七八九十]{{1,3}}届[一二三四五六七八九十]{{1,3}}次党代会"
        # (记者…)十九大擘画了…: a congress of the reform era opening a clause is the congress (十五大 to 二十三大).
        rf"|(?:(?<=^)|(?<=[)）】\n。！？]))(?:十[五六七八九]|二十[一二三]?)大(?=[{_CJK}])(?![类项件批型户家学])"
        # 第六届会员代表大会, 首届会员代表会, 第五届代表会议: an association's congress numbered by its term (a people's
        # congress so named is the body, an ORG: RULINGS); 第一届全委会: its term's first plenary.
        rf"|{_TERM}(?:(?:社员|盟员|会员)代表(?:大会|会议|会(?!议))|代表(?:会议|会(?!议))|全委会(?!议))"
        rf"|(?<=[的共、和及迎庆“「])(?:十[一二三四五六七八九]|二十[一二三]?)大(?=[精以报胜召提、和及二上后前”’」\"，。；,;]|会议|$)"
        # 解读十八大工作报告, 贯彻二十大精神: the congress by what is said of it, whatever stands before.
        # 学习十九大会议精神, 迎接二十大的胜利召开: the congress's meeting and its opening named after it.
        rf"|(?:十[一二三四五六七八九]|二十[一二三]?)大(?=(?:工作)?报告|(?:会议)?精神|以来|以后|之后|期间|(?:的)?(?:胜利)?召开)"
        # 党的二十大为主线, 中共十九大作出: after the party's name the numbered congress is the congress,
        # whatever follows.
        rf"|(?<=党的|中共)(?:十[一二三四五六七八九]|二十[一二三]?)大(?![会学家])"
        rf")"
    )
)
# 十四届全国人大四次会议: the body between the term and the session is an ORG of its own (v1.1),
# so the MEETING is the session alone.
_BODY_SESSION_RE = scanning(
    # 十九届中央纪委四次全会, 十四届市纪委五次全会: the discipline commission's plenary, its term before it too.
    re.compile(
        rf"(?<![一二三四五六七八九十\d]){_TERM}(?:全国人大|全国政协|人大|政协|[省市区县]委|中央纪委|中纪委|[省市区县]纪委)"
        rf"({_SESSION})"
    )
)
# 政治局第三十七次集体学习, 中心组第45次理论学习(扩大)会: a body's numbered study session, right after the body
# or with the year between (中心组2024年第5次集体学习会, as 市政协党组2023年第15次(扩大)会议).
_STUDY_SESSION_RE = re.compile(
    rf"(?<=[局组委会])(?:(?:19|20)\d\d年度?)?"
    rf"(第{_N}次(?:集体学习(?:会议|会)?|(?:理论|专题|集中)?学习(?:[(（]扩大[)）]|扩大)?(?:会议|会)))"
)
# 共召开7届26次全体会议: Arabic numerals after a total count terms and sessions, not one meeting.
_COUNT_BEFORE_RE = re.compile(r"(?:共|累计|先后|合计)(?:召开|举行)?了?$")

# 第二次会议 whose 届 stands earlier in the sentence or in the heading (GUIDELINES v1.1); 五中全会
# after 十六届四中全会 (the term written once for both).
_BARE_SESSION_RE = scanning(
    re.compile(
        # 本届第八次常委会议: a deictic term before the session, 本届 outside it (RULINGS: a deictic prefix).
        rf"(?:(?<![届\d一二三四五六七八九十])|(?<=本届))第{_N}次"
        rf"(?P<kind>常委会|常委|常务委员会|常务|全体(?:委员|代表)?|主席|党组|主任|委员长|秘书长)?(?:[(（]扩大[)）]|扩大)?"
        rf"(?:全体会议|委员会议|会议|全会)"
        rf"|(?<![届\d一二三四五六七八九十])[一二三四五六七八九]中全会"
        # 召开第七次常委会: the session named by its kind alone (not 第七次常委会主任会议, the body's office).
        rf"|(?<![届\d一二三四五六七八九十])第{_N}次(?P<short>常委会|全委会)(?!议|主任|办公|党组|机关|委员)"
    )
)
# 台盟十大, 民革十三大: a party's congress by its number, after the party's name.
_PARTY_CONGRESS_RE = scanning(
    re.compile(
        rf"(?<=民革|民盟|民建|民进|台盟|学社)(?:[一二三四五六七八九]|十[一二三四五六七八九]?)大(?![{_CJK}]{{0,1}}[会家学])"
        rf"|(?<=农工党|致公党)(?:[一二三四五六七八九]|十[一二三四五六七八九]?)大(?![{_CJK}]{{0,1}}[会家学])"
    )
)
_TERM_BEFORE_RE = re.compile(rf"{_N}届")
# 向大会报告二次会议以来的工作: the session since which a report counts, written without 第, its 届 before it.
_SINCE_SESSION_RE = scanning(
    re.compile(r"(?<![届\d一二三四五六七八九十第两几多])[一二三四五六七八九十]{1,3}次(?:全体)?会议(?=以来)")
)
# 停止工作11年后举行的第一次常委会议: which meeting after a pause or since a date, no designation (RULINGS).
_AFTER_A_PAUSE_RE = re.compile(r"(?:后|以后|之后|以来)(?:举行|召开)?的$")
# 某某委员会举行第十三次会议: a body that meets, then its numbered meeting (GUIDELINES v1.1).
_BODY_MEETS_RE = re.compile(r"(?:委员会|常委会|党组|主席团)(?:举行|召开)了?(?:(?:19|20)\d\d年度?)?$")
# 县政协常委会第二十次会议, 全国人民代表大会第五次会议: the body right before its numbered session, or with the
# year between (市政协党组2023年第15次(扩大)会议: the year's count of its sessions).
_BODY_BEFORE_RE = re.compile(r"(?:委员会|常委会|代表大会|人大|政协|党组|主席团)(?:(?:19|20)\d\d年度?)?$")

_CN_NUM = "一二三四五六七八九十两百千"
# The one-character measure words of measure_words.tsv a numeral counts with (个, 次, 年, 项, 张…): after a numeral,
# a count (not 服 of 三服务, a classifier no report counts with).
_ONE_CHAR_MEASURES = "".join(sorted(w for w in counted_measures() if len(w) == 1 and "\u4e00" <= w <= "\u9fff"))
# “两个确立”, “十个一”, “三抓三促”, “1+7”: a quoted numbered formula, not a free-text topic.
# Quotation marks in pairs (“…”, "…", ‘…’, '…', 「…」), so ``"…'双减'…"`` gives 双减.
# 「…『一国两制』…」: the inner corner brackets of Hong Kong and Macau pages are quotations of their own.
_INNER = "[^“”\"‘’'「」『』\n]{2,40}"
_QUOTED_RE = re.compile(rf"“({_INNER})”|\"({_INNER})\"|‘({_INNER})’|'({_INNER})'|「({_INNER})」|『({_INNER})』")
# “五好”评比, “三八”红旗手: a short quoted name before an award or contest is the activity's, not a formula.
_AWARD_AFTER = ("评比", "评选", "家庭", "标兵", "红旗手", "先进", "示范", "活动", "竞赛")
# Quoted, these watchwords of one clause are SLOGANs (GUIDELINES v1.1); unquoted they are prose.
_QUOTED_WATCHWORDS = frozenset(("有事好商量", "国之大者"))
# “有事来商量”, “某事好商量”, “民事多商量”: a place's or a body's variant of 有事好商量 naming its consultation brand is
# the watchword too (RULINGS, mix3 and wave7a): one character, 事, an adverb of manner, 商量, quoted alone.
_SHANG_LIANG_VARIANT_RE = re.compile(rf"[{_CJK}]事[好来多常共同]商量")
# “一个指引、两手硬”, “四提升、两拓展”: in a quoted list whose other item is a numbered formula, an item of a numeral
# and two characters is one too, where no measure word follows the numeral (a count is written with one: 两次会议).
_LISTED_FORMULA_RE = re.compile(rf"[{_CN_NUM.replace('一', '')}](?![{_ONE_CHAR_MEASURES}{_CN_NUM}])[{_CJK}]{{2}}")
# 主攻三大目标, 守住三条底线: a verb of one or two characters, then a numbered formula (a numeral, not 一, counted
# with 个, 大, 项, 条, 件, 场 or 支, then its noun): an item of a quoted list of the body's numbered tasks.
_VERB_LED_FORMULA_RE = re.compile(
    rf"(?:(?![{_CN_NUM}])[{_CJK}]){{1,2}}[二三四五六七八九十两](?:个|大|项|条|件|场|支)[{_CJK}]{{1,4}}"
)
_FORMULA_RE = re.compile(
    rf"(?:[{_CN_NUM}]个[{_CJK}]{{1,6}}"
    rf"|[{_CN_NUM}](?:大|型|项|条|种|支|抓|促|不|会|城|地|审|学|提|严|实|带|心|化|优|亲)[{_CJK}]{{1,4}}"
    # 五学, 六地, 三审, 四优 quoted on their own: a numeral and one character, not a count (三年, 两次).
    rf"|[{_CN_NUM}双](?![年月日天次个名人位件条项场期批家户份岁届{_CN_NUM}四五六])[{_CJK}]"
    # 三抓三促, 一五二三四: numbered halves or digits; not a number written with 十, 百, 千 (“二十八条”, a count).
    rf"|[{_CN_NUM}](?![十百千])[{_CJK}][{_CN_NUM}][{_CJK}]{{1,2}}(?:[{_CN_NUM}万][{_CJK}]{{1,4}})?"
    rf"|双[{_CJK}]{{1,5}}"
    # “六件事”, “两件大事”: a count of tasks quoted as one is the set of tasks a body is given.
    rf"|[{_CN_NUM}]件(?:大|实)?事"
    # “五度政协”, “四型政协”: a numbered kind of CPPCC a body means to be (RULINGS: as 五型政协, wave8a).
    rf"|[{_CN_NUM}][{_CJK}]政协"
    # “三链融合”, “三医联动”: a numeral, one character and a word of joining, N things worked together.
    rf"|[二三四五六七八九十两][{_CJK}](?:融合|联动|协同|并举|互动|共治)"
    # “千万工程”, “百千万工程”: a programme named by the scales it reaches (a thousand villages, ten thousand…).
    rf"|[百千万]{{2,3}}(?:工程|行动)"
    # 大三审+小三定, 严细深实勤俭廉+快: a formula joined with +.
    rf"|(?!互联网)[{_CJK}]{{1,8}}[+＋][{_CJK}]{{1,4}}"
    rf"|\d+(?:[+＋](?:\d+|[NnXx]))+|\d{{3,4}})"
)
# 三大攻坚战, 五大战略定位, 十大行动, 三大职能: a numbered programme with a programme's head is a
# watchword, quoted or not (RULINGS: numbered watchwords are SLOGAN quoted or not). 两件大事: the count of great
# tasks a body is given is one too, bare as quoted (wave8a; 一件大事 is an article and a noun).
_PROGRAMME_RE = scanning(
    re.compile(
        r"(?<![0-9一二三四五六七八九十两第])(?:[两二三四五六七八九]|十)"
        r"(?:大(?:攻坚战|战役|行动|工程|战略定位|战略|职能|定位)(?![一-龥]{0,1}[长员者])|件大事)"
    )
)
# 交给某地的五大任务, 赋予本区的四大任务: the great tasks a leader assigns a place are a numbered formula; N大任务
# without the assigning verb in its clause stays prose (为八十年代三大任务而奋斗, 分解为三大任务).
_ASSIGNED_TASKS_RE = scanning(
    re.compile(r"(?:交给|赋予)[^，。；,;、：:\n“”\"]{0,12}?的((?:[两二三四五六七八九]|十)大任务)")
)
# 树牢三个担当, 增强五个自觉: a numbered formula (N个 and a two-character noun) held to by a verb of allegiance
# is a watchword unquoted too (RULINGS: numbered watchwords are SLOGAN quoted or not), unless it counts aspects.
_HELD_FORMULA_RE = scanning(
    re.compile(
        rf"(?:增强|坚定|做到|树立|树牢|践行|牢记|领悟|强化|捍卫|拥护)(?:了|好)?([两三四五六七八九十]个[{_CJK}]{{2}})(?![{_CJK}])"
        # 为两个文明建设服务: the formula named with 建设 after it, as 四化建设 is (RULINGS).
        rf"|(?<=[为在和与抓])([两三四五六七八九十]个[{_CJK}]{{2}})(?=建设)"
    )
)
_COUNTED_ASPECTS = frozenset(
    ("方面", "问题", "重点", "环节", "阶段", "层面", "领域", "部分", "方向", "任务", "目标", "能力")
)
# 发挥好双重积极作用: the members' doubled role is a numbered watchword, quoted or not (RULINGS, issue 24).
# 服务国家和香港的双重积极作用: the full name is the watchword wherever it stands (RULINGS: every time).
_DOUBLED_ROLE_RE = re.compile(rf"发挥(?:好|出|了)?(双重[{_CJK}]{{0,2}}作用)|(双重积极作用)")
# 实现四化: a numbered formula of modernisations (N化), unquoted after the verb that pursues it.
# 在四化建设中: the drive named with 建设 after it, whatever stands before (RULINGS: 四化建设 either way).
_MODERNISATIONS_RE = scanning(
    re.compile(
        r"(?<=实现|推进|加速|加快|推动|建设)[两三四五六七八九十]化(?!肥|学|工|石|验)"
        r"|(?<![一二三四五六七八九十两百千\d第])[两三四五六七八九十]化(?=建设)"
    )
)
# “住有所居”, “老有所养”: the livelihood formulas (who has what provided), quoted one by one.
_LIVELIHOOD_RE = re.compile(rf"[{_CJK}]有所[{_CJK}]")
# 坚持一个中国原则: one polity named as a principle or a policy, unquoted.
_ONE_POLITY_RE = re.compile(rf"一个([{_CJK}]{{1,4}}?)(?=原则|政策|框架)")
# 建设“强富美高”新江苏: a quoted vision of a place, the quotation before 新 and the place's name.
_VISION_AFTER_RE = re.compile(rf"(?:现代化的?)?新([{_CJK}]{{2,4}})")
# 谱写(新时代)“X”新篇章: the quotation is a goal the text writes a new chapter of; a goal is two to eight characters.
_NEW_CHAPTER_BEFORE_RE = re.compile(rf"谱写[{_CJK}]{{0,8}}$")
_NEW_CHAPTER_AFTER_RE = re.compile(r"[”\"’'」』]?的?新(?:篇章|华章)")
_GOAL_RE = re.compile(rf"(?:(?![的了是])[{_CJK}]){{2,8}}")
# “生活品质之城”, “文化创意之都”: a city's brand, the kind of city it means to be.
_BRAND_RE = re.compile(rf"[{_CJK}]{{2,8}}之(?:城|都|乡|窗)")
_BRAND_VERBS = ("打造", "建设", "建成", "争创")
# 建设“宜游宜居生态县”: the kind of county or city a body means to build, quoted after the verb (a brand, as
# “生活品质之城”); a single level character at the end, not 城市 (“全国文明城市” is an honour's name).
_KIND_OF_PLACE_RE = re.compile(rf"[{_CJK}]{{3,7}}(?:(?<!城)[县市区镇]|城)")
# 1+5+N, 1+X: a chain of numbers with a free slot (N, X) is a formula, quoted or not.
_SLOT_FORMULA_RE = scanning(re.compile(r"(?<![0-9A-Za-z+＋.])\d+(?:[+＋]\d+)*[+＋][NnXx](?![0-9A-Za-z+＋])"))
# 十四五, 十五五: a numbered plan, quoted or named with its 规划/时期.
# 十四五收官之年, 十五五目标任务, 关键词:…十五五: a plan's number is the plan wherever it stands, unless a measure
# follows (十四五岁, 十四五个: fourteen or fifteen) or it is inside a longer number (二十一五); 十三·五 with its dot.
_PLAN_RE = scanning(
    re.compile(
        r"(?<![一二三四五六七八九十百千两第\d])十[一二三四五六七八九][·‧・]?五"
        r"(?![岁个人年天次名位件条项月日号时分秒万千百十余多元米斤吨亩户家所座\d.%])"
    )
)
# A standing watchword of parallel clauses the text quotes as one (懂政协、会协商、善议政; X为要、Y为魂).
_CLAUSE_RE = re.compile(rf"[{_CJK}]{{2,4}}")
_YEAR_LIKE_RE = re.compile(r"(?:19|20)\d\d")

# The surname table (extract/data/surnames.tsv): frequent ones (0.01 % of people or more) and
# those rarely anything else; a rarer surname character that is also a word (花, 能) is left out.
_SURNAMES = frozenset(
    name for name, share in _surname_rows() if len(name) == 1 and (share >= 0.01 or name in _plain_surname_rows())
)
_COMPOUND_SURNAMES = tuple(name for name, _share in _surname_rows() if len(name) == 2)
# Single-character tokens that end a name or never start one.
_STOP_CHARS = frozenset(
    "的了在和与对为把向从到赴中上下等及或是有这那个各全本我该每也都就还又并将被让给带率到去来说表示指出调介绍"
    "名位次件条项抓送走进看帮扶往回入出住驻管包央因作致即便再于同"
    '、，。；：,.;:!?！？（）()“”"《》 \n一二三四五六七八九十两市省县区镇乡村'
)
_BYLINE_RE = re.compile(rf"[（(]([{_CJK}]{{2,6}})[)）](?=\s*$)", re.MULTILINE)
# 本报讯(某某), 新华网讯（某某）: the writer's name in brackets right after the outlet's lead.
# 人民网银川12月26日电 (某某): a dateline's 电 after its day leads the same way.
_LEAD_BYLINE_RE = re.compile(rf"(?:讯|[0-9一二三四五六七八九十〇○零]日电)\s*[（(]([{_CJK}]{{2,3}})[)）]")
_ROOM_RE = re.compile(rf"([{_SURNAMES}][{_CJK}]{{1,2}}?)委员(?:会客室|工作室|之家)")

# ORG heads, longest first; 政协 only when not the start of a role or generic phrase.
_ORG_HEADS = (
    "人民检察院", "人民法院", "人民政府", "人大常委会", "纪委监委", "检察院", "法院", "政府", "文联", "工商联",
    "社科联",
    "统战部", "宣传部", "组织部", "总工会", "妇联", "团委", "侨联", "科协", "党委", "纪委", "政协", "市委", "区委",
    "县委", "省委", "州委", "旗委", "盟委", "行政公署", "行署", "纪检委", "卫计委", "卫健委", "发改委", "军分区",
    "人武部",
    # A government's commissions by their short forms (北京市国资委, 省经信委, 市民宗委).
    "国资委", "经信委", "工信委", "民宗委", "计生委", "教委", "科委", "建委", "农委", "侨委",
    "武装部", "预备役团", "支队",
    # A Republic-era level's assembly (县参议会, 省临时参议会), as an annals' chapter on the old regime names it.
    "临时参议会", "参议会",
    "委员会", "图书馆", "档案馆", "文史馆", "书画院", "学院", "大学", "日报", "电视台",
)  # fmt: skip
_ORG_HEAD_RE = _alternation(_ORG_HEADS)  # a trie: the longest head first, as a sorted alternation
# A head that needs a named prefix: without one, 学院/委员会/日报 are common nouns.
_NAMED_ONLY_HEADS = frozenset(("委员会", "学院", "大学", "日报", "电视台", "文史馆", "书画院", "支队"))
_LEVELS = "省市区县州旗盟"
_PARTIES = "民革|民盟|民建|民进|农工民主党|农工党|致公党|九三学社|台盟|中共"
# (省政协副主席某某作政协某某省委员会: the name holds one 政协 and no post; a second 政协 starts the name.)
_CPPCC_NAMED_RE = re.compile(rf"政协(?:(?!届|次|会议|政协|主席|书记)[{_CJK}]){{1,10}}?(?:自治区|[省市区县州旗])委员会")
_FIXED_ORGS = ("全国政协", "中共中央", "党中央", "国务院", "全国人大常委会", "全国人大", "中央统战部",
               "人民政协报", "中国共产党", "中国人民政治协商会议", "中央军委", "新华社", "人民日报", "人民网",
               "新华网", "中国网", "光明日报",
               # The parties and people's organisations by their full names (GUIDELINES v1.1: a named body).
               "中国国民党革命委员会", "中国民主同盟", "中国民主建国会", "中国民主促进会", "中国农工民主党",
               "中国致公党", "台湾民主自治同盟", "中华全国工商业联合会", "中国共产主义青年团", "中华全国总工会",
               "中华全国妇女联合会", "中华全国归国华侨联合会", "中国科学技术协会",
               # The State Council by its constitutional names (有中央政府的大力支持).
               "中央人民政府", "中央政府",
               # The other two people's organisations of the national committee's sectors, and the armed forces
               # by their full names (中国人民解放军建军纪念日).
               "中华全国青年联合会", "中华全国台湾同胞联谊会", "中国人民解放军", "中国人民武装警察部队",
               # The party's discipline commission (十九届中央纪委四次全会); after the slices above, as new names go.
               "中央纪委", "中纪委",
               # The Republic's national government, as an annals' chapter on the old regime names it.
               "国民政府")  # fmt: skip
# A party's centre or local committee, the party by its full or short name (中国致公党中央, 九三上海市委).
_PARTY_RE = re.compile(
    rf"(?:{'|'.join(_FIXED_ORGS[17:24])}|{_PARTIES}|九三)"
    # (民盟召开五届三次市委会议: a verb or a session's term and number is no part of the place before the organ.)
    # 民革某某市①委会: a note mark the page printed after the place stays inside the name.
    rf"(?:中央|(?:(?![和与及、委届次]|召开|举行)[{_CJK}]){{1,6}}?(?:自治区|[省市区县州旗])[①-⑳]?(?:委员会|委会|委))"
)
# National bodies whose local committees are written after them as one name:
# 中国人民政治协商会议安徽省寿县委员会, 中国国民党革命委员会威海市委员会.
_NATIONAL_BODIES = frozenset(("中国人民政治协商会议", "中国共产党", "中共", "政协", "共青团", *_FIXED_ORGS[17:]))
_FIXED_KIND = {"中共中央": "委", "党中央": "委", "国务院": "政府", "全国政协": "政协"}
# The state's organs by the constitution's names, and the State Council's commissions by their short
# forms after 国家 (国家发改委, 国家民委): each names one national body.
_CONSTITUTIONAL_ORGANS = ("最高人民法院", "最高人民检察院", "国家监察委员会")
_STATE_COMMISSIONS = ("发改委", "卫健委", "卫计委", "计生委", "民委", "监委")
# A national paper's site is its name with 网 for (日)报: 人民政协报 → 人民政协网, as 人民日报 → 人民网.
_PAPER_SITES = tuple(
    (o[:-2] if o.endswith("日报") else o[:-1]) + "网" for o in _FIXED_ORGS if o.endswith("报") and len(o) >= 4
)
_FIXED_ORG_RE = re.compile(
    "|".join(
        sorted(
            (*_FIXED_ORGS, *_CONSTITUTIONAL_ORGANS, *("国家" + c for c in _STATE_COMMISSIONS), *_PAPER_SITES),
            key=len,
            reverse=True,
        )
    )
)
# The eight parties and the federation by their short names (民革, 致公党): each names one body.
_BARE_PARTY_RE = re.compile(
    rf"(?:{_PARTIES.replace('|中共', '')})(?![{_CJK}]{{0,6}}?(?:中央|委员会|委会|[省市区县州]委))"
)
# 中央八项规定, 中央和自治区党委, 中央《关于…》: the Central Committee by its short name; 中共 before its congress.
# 统一到中央的决策部署上来, 中央的惠农政策, 响应中央号召, 中央惠港政策, 中央赋予…, 中央修改完善了…: the Centre as
# the actor of its policy, its call or its act (RULINGS: bare 中央 as the actor is ORG wherever it stands); not a
# place's middle (会场中央的大屏幕) nor a kind (中央空调).
_CENTRAL_RE = scanning(
    re.compile(
        r"(?<![党共团国])中央(?=八项规定|和|、|《|决策|部署|精神|要求|有关|政策|代表团|对|今次|领导"
        rf"|的[{_CJK}]{{0,4}}?(?:政策|决策|部署|精神|要求|方针|号召|指示)|号召|惠[港澳台农民]|赋予|修改|作出|出台"
        # 中央大政方针, 中央关于…的部署: what the Centre directs, after it (wave8d).
        r"|大政方针|方针|关于)"
        # 贯彻中央…, 落实中央…: a verb of carrying out before it takes the Centre as its object, unless a longer
        # name or an adjective's noun follows (中央企业, 中央财政, 中央电视台: no body by the short name).
        r"|(?<=贯彻|落实|执行|吃透|响应|遵照|服从)中央(?![企财预银电广军纪政人部委统组宣办巡和国])"
        # 中央高度重视, 中央制定的…, 中央及省市: the Centre as the actor of its regard or its rules, or beside the
        # levels below it (wave9b); not a place's middle (广场中央, 会场中央及两侧).
        r"|(?<![党共团国场厅台湖池园堂间])中央(?=(?:高度)?重视|制定|及(?:省|市|自治区|地方))"
        r"|中共(?=(?:十[一二三四五六七八九]|二十[一二三]?)大|第[一二三四五六七八九十]+次全国代表大会)"
    )
)
# 民建广西区十届五次全会: the party's committee named before its term and session.
# 民盟某某市第七次代表大会, 中国农工民主党长春市第八次代表大会: and before its numbered congress.
_PARTY_TERM_RE = re.compile(
    rf"(?:{'|'.join(_FIXED_ORGS[17:24])}|{_PARTIES.replace('|中共', '')}|中国人民政治协商会议)"
    rf"[{_CJK}]{{2,7}}?(?:自治区|[省市区县])"
    # 第七次盟员(代表)大会: the congress of the members' delegates; 北京市东城区: a district with its city.
    rf"(?=第?{_N}届|首届|第{_N}次(?:全体)?(?:代表|社员|盟员|会员|党员)(?:[(（]代表[)）])?大会"
    # 民革某某市主委: the party's committee of a place, named before its chair's post
    rf"|(?:专职|常务)?副?主委"
    # 民盟某某市直属基层组织: the party's organisation of a place, named before its own units
    rf"|直属|基层|所属)"
)
# 九三学社第十四届中央常务委员会, 台盟十届中央: a party's central committee by its term (not the
# 第十四届中央委员会 of a session: 中央委员会第六次全体会议 is the MEETING's).
_PARTY_CENTRAL_RE = re.compile(
    rf"(?:{'|'.join(_FIXED_ORGS[17:24])}|{_PARTIES.replace('|中共', '')})第?{_N}届中央"
    rf"(?:常务委员会|常委会|委员会|(?!委员会|常务|常委))(?!第)"
)
_LEAGUE_RE = re.compile(r"团[省市县区州旗]委(?!员)")
_BANK_BRANCH_RE = re.compile(
    rf"(?:[农工建中交]行|农发行|邮储银行|农商行)(?P<place>[{_CJK}]{{2,7}}?)(?:中心)?(?:分行|支行|营业部)"
)
_LEVEL_TERM_BODY_RE = re.compile(
    rf"(?P<level>自治区|[省市县区州])第?{_N}届"
    "(?:人大常委会|人大常务委员会|政协常委会|政协常务委员会|人民代表大会常务委员会|人民代表大会|政协|人大)"
)
_PARTY_BEFORE_SESSION_RE = re.compile(
    rf"(?:{'|'.join(_FIXED_ORGS[17:24])}|{_PARTIES.replace('|中共', '')})(?=第?{_N}届中央委员会第?{_N}次)"
)
_FEDERATION_RE = scanning(re.compile(rf"(?<=[、和及与])工商联|工商联(?=[、和及与](?:{_PARTIES}))"))
# 民革、民盟、工会联合会、民主妇女联合会: a people's organisation named by its sector, an item of a list
# that names parties (RULINGS, texts 170–181); the sectors listed beside it (农民, 文艺界) are none.
_LISTED_FEDERATION_RE = re.compile(
    rf"(?<=[、，,和及与])(?:(?![、，,和及与各])[{_CJK}]){{2,6}}?(?:联合会|总工会|妇联|科协|侨联|文联|青联|台联|残联)"
    r"(?=[、，,。；和及与等])"
)
# 政协岳阳市 before its term: the body of a MEETING (``政协岳阳市`` + ``第九届委员会第四次会议``), or
# with its term and standing committee one ORG (``政协岳阳市第九届委员会常务委员会``).
# The place between 政协 and its term holds no term or session of its own (县政协八届一次会议和县…
# is no chain).
# The place is a name: a run over a clause (政协主席的老领导及县九届政协) holds 的 or 及 and is none, and so is
# one that holds a post (政协主席某某代表省十届政协常委会: the post, its holder and a verb before the level's body).
# The place holds no second 政协 (it opens the nearer body) and no 委员 (政协委员 is the bare member): 某市政协委员
# 召开筹备政协某某市第五届委员会… gives 政协某某市, not one span across the verb (wave7a).
_CPPCC_PLACE = rf"(?:(?!届|次|会议|[的及]|主席|书记|秘书长|政协|委员)[{_CJK}]){{1,10}}?"
_CPPCC_TERM_RE = re.compile(
    rf"(?:政协|中国人民政治协商会议){_CPPCC_PLACE}(?:自治区|[省市区县州旗盟])"
    rf"(?:第?{_N}届委员会(?:常务委员会|常委会)?(?!第|议|[{_CJK}]{{0,3}}会议|(?:常务委员会|常委会)第)|(?=第?{_N}届))"
)
# 政协某某县第九届委员会 + 提案委员会, + 文史和学习委员会: a special committee written right after a termed CPPCC
# committee is its sub-unit (GUIDELINES v1.1: the whole chain). Its name holds no function word, level or
# term, and is no meeting (全体委员会议) nor a member (委员会委员).
_TERM_SPECIAL_COMMITTEE_RE = re.compile(
    rf"(?:(?![各专有全与及、的在对把将向为是了并也都就从到第届次])[{_CJK}]){{2,8}}?委员会(?!议)"
)


def _term_committee_end(text: str, m: re.Match[str]) -> int:
    """End of a termed CPPCC committee: its special committee written right after it is part of the name."""
    if not m.group().endswith("届委员会"):
        return m.end()
    sub = _TERM_SPECIAL_COMMITTEE_RE.match(text, m.end())
    if sub is None or _starts_with_verb(sub.group()) or sub.group().startswith(("常务", "常委")):
        return m.end()
    if "和" in sub.group() and sub.group().index("和") < 2:
        return m.end()  # …委员会和市委: 和 joins two bodies; inside a name it follows a field (文史和学习)
    return sub.end()


# A committee's short name led by the regions or the overseas Chinese it works with (港澳台侨外事委,
# 华侨外事民族宗教委): topic words up to its 委, none of them 委 (港澳委员会见市委 is no committee) nor 和 (a
# name its 和 joins is read whole by _LONG_SHORT_COMMITTEE_RE).
_REGION_COMMITTEE = rf"(?:港澳台侨|台港澳侨|港澳台|台港澳|港澳|华侨|侨务)(?:(?![委和与及])[{_CJK}]){{0,8}}?委(?![员会])"
# 、港澳台侨民族宗教委主任某某, “港澳台侨外事委”: such a committee standing alone, as a list item or quoted, before
# its chair's post, a list's mark or its closing quote (RULINGS, hkmo1: ORG however long).
_ALONE_REGION_COMMITTEE_RE = scanning(
    re.compile(
        rf"(?:(?<=[、，,“\"「\n：:])|^)({_REGION_COMMITTEE})(?=(?:常务)?副?主任|副?主委|[、，,”\"」])", re.MULTILINE
    )
)
# Words that open an ad hoc group (调研组, 督查组) or a members' one (委员组), no sector's standing group.
_AD_HOC_GROUP_WORDS = "调研|考察|视察|督查|督导|课题|工作|调查|专题|领导|检查|评审|起草|专项|协调|委员"
# Sub-units written after a body (GUIDELINES v1.1: 县政协提案委员会, 市委督查室, 市委办): one ORG.
_NOT_VERB_AFTER_BAN = "(?![理事好法实结成了公会复])"  # 提案办复率: 办复 (handled and answered) is a verb
# 承办, 督办, 交办, 主办: verbs in 办 (a body's proposals being handled), not an office of it (提案办 is); 民办, 公办:
# who runs a school, no office either.
_NOT_VERB_IN_BAN = "(?<![承督交协主举创转催领代查开兴接包帮民公官筹试合停申])"
_SUBUNITS = {
    "政协": re.compile(
        # 市政协党组理论学习中心组: the party group's theory-study group is one chain with it (RULINGS, slog4)
        rf"(?:党组(?:理论学习)?中心组|党组|机关(?:党组|党委|党支部|纪委)?|办公室|(?:(?:第?{_N}|首)届)?(?:常委会(?!议)|常务委员会)|秘书处|研究室"
        rf"|(?![各专有全]|其[他它])(?!(?:第?{_N}|首)届委员会第?{_N}次)[{_CJK}]{{2,8}}?委员会"
        # 提案委, 文史委: a committee's short name; one ending in a level's 委 (聚焦盟委, 紧扣旗委) is the verb and
        # that level's party committee, another body.
        rf"|(?![各专有全委])[{_CJK}]{{2,4}}(?<![省市区县州旗盟])委(?![员会])"
        # 区政协提案专委会: a committee's short form in 专委会 with its field (bare 各专委会 names none) (org15)
        rf"|(?![各专有全委]|其[他它])[{_CJK}]{{2,6}}?专委会"
        rf"|(?![各专有全])[{_CJK}]{{2,4}}{_NOT_VERB_IN_BAN}办{_NOT_VERB_AFTER_BAN}"
        # 县政协港澳台侨外事委: a committee for the regions or the overseas Chinese by its short name, however long
        rf"|{_REGION_COMMITTEE}"
        # 县政协办: the body's own office by its short name
        rf"|办{_NOT_VERB_AFTER_BAN}(?![{_CJK}]?[理事好法实结成了公会])(?!(?:法|理))"
        # 市政协人事联络室, 县政协宣传信息室: an office named by its function (not a room: 会议室, 工作室).
        rf"|(?![各专有全])[{_CJK}]{{0,4}}?(?:联络|信息|宣传|综合|人事|调研|秘书|文史)室"
        # 市政协某某活动组, 县政协第七界别联组: a standing group of the body's members.
        # (联组会 is the groups' joint meeting, no group: 全国政协委员联组会 names 全国政协 only)
        rf"|(?![各专有全])[{_CJK}]{{2,6}}?(?:活动组|联组(?!会))"
        # 市政协某某联络指导组, 县政协某某镇联络组, 县政协某某街道委员组: a standing group that keeps the body's liaison
        # with an area's members; 市政协港澳委员工作室: a workroom the body set up for its members (RULINGS, org14)
        # (市政协共有委员工作室, 某某政协首批委员工作室: a verb, a count or an ordinal before it is no name)
        rf"|(?:(?![共有首批第各全的了和与及在为是个])[{_CJK}]){{2,8}}?(?:联络指导组|联络小组|联络组|委员组|委员工作室)"
        # 区政协城建组, 市政协文卫组: a sector's standing group; not an ad hoc one (调研组) or a verb (组织).
        rf"|(?![各专有全]|{_AD_HOC_GROUP_WORDS})"
        # 市政协城建交通组: a sector's group named by two fields (org15), each no ad hoc word
        rf"[{_CJK}]{{2}}(?:(?!{_AD_HOC_GROUP_WORDS}|[各专有全])[{_CJK}]{{2}})?组(?![织成建长团队合])"
        rf")"
    ),
    "委": re.compile(
        rf"(?:办公室|常委会(?!议)|组织部|宣传部|统战部|政法委|政研室|研究室|督查室|党校|农办|网信办|台办|外办|编办"
        rf"|(?:改革|巡察|深改|政策)办|办{_NOT_VERB_AFTER_BAN})"
    ),
    # 市政府重点办, 县政府应急办: the government's office by its short name (not 市政府主办: a verb in 办)
    "政府": re.compile(
        rf"(?:办公室|研究室|督查室|办{_NOT_VERB_AFTER_BAN}"
        rf"|(?![各专有全将于])[{_CJK}]{{2}}{_NOT_VERB_IN_BAN}办{_NOT_VERB_AFTER_BAN})"
    ),
    # 县人大办, 县人大常委会办公室: a congress's office; 市人大华侨外事民族宗教委: a committee of it.
    "人大": re.compile(rf"(?:办公室|办{_NOT_VERB_AFTER_BAN}|{_REGION_COMMITTEE})"),
}
# 湖南日报, 宜昌电视台: a place's newspaper or station (the place read back from the head).
# Its press house or site written after it is one name with it (某某日报社, 某某日报新闻网).
_MEDIA_RE = re.compile("(?:广播电视台|融媒体中心|日报|晚报|电视台|新闻网)(?:社|新闻网|网(?![站友络民页购]))?")
# Army and armed-police units named by their place (GUIDELINES v1.1: a named body): 某某警备区,
# 某某省军区, 某某陆军预备役步兵师, 某某预备役工兵旅; the place read back from the head.
_ARMY_UNIT_RE = scanning(
    re.compile(
        rf"(?:(?:陆军|海军|空军)?预备役(?:(?![、，。；和及与的])[{_CJK}]){{1,8}}?(?:师|旅|团)(?!长)"
        r"|警备区|军区)"
    )
)
_DIVISION_KINDS = frozenset(("province", "city", "county"))
# Not before 工作报告: 政协常委会工作报告 names the report (the gold leaves the bare body inside it unlabelled).
_NATIONAL_CPPCC_RE = re.compile("全国政协|全国委员会")
_SHORT_BUREAU_RE = re.compile(
    rf"[省市县区州旗](?:((?:(?![的了和与及、在是对为局])[{_CJK}]){{2}})局(?![长面势部限])"
    # 市台办, 县扶贫办: an office by its short name (not a verb in 办: 承办, 主办)
    # (a level's character opens no abbreviation: 福州 + 市侨办 is searched from 市, not from 州)
    rf"|((?:(?![的了和与及、在是对为办省市县区州旗])[{_CJK}]){{1,2}}){_NOT_VERB_IN_BAN}办(?![公理事好法实结成了会])"
    # 区新城建管委, 县农业农村委: a commission by its field's short name (two to four characters; not a post of a
    # committee, 政协常委, 县委常委, 人大常委, 支部主委, nor a party's 纪委 or 党委) (org18)
    # and only before what a body's name stands before: its head, a list's mark, 等, 相关 or 党组)
    rf"|((?:(?![的了和与及、在是对为委政协人大常党纪主副省市县区州旗])[{_CJK}]){{2,4}})委"
    r"(?=负责|主任|副主任|[、，,。；;和及等]|相关|有关|党组|领导)"
    ")"
)
_BARE_CPPCC_STANDING_RE = re.compile(rf"政协(?:第?{_N}届)?(?:全国)?(?:常委会|常务委员会)(?!议|的?工作报告)")
# 中华人民共和国第十三届全国人民代表大会, 第一届全国人民代表大会: the NPC with its term (and the state) written
# before it is one ORG (RULINGS), unlike 十四届全国人大 (the short name leaves its term to the MEETING).
_NPC_TERM_BEFORE_RE = re.compile(rf"(?:中华人民共和国)?第?{_N}届\Z")
_BIG_DIVISIONS = frozenset(("province", "city"))
# 中共某某省、某某市第十次代表大会: the party's committees of two levels sharing one congress; the party and
# the first place are one ORG (the second place, without the party, is a GPE; the congress a MEETING).
_COORDINATED_PARTY_RE = re.compile(
    rf"(?:中国共产党|{'|'.join(_FIXED_ORGS[17:24])}|{_PARTIES})"
    rf"(?P<place>(?:(?![、，。；和及与])[{_CJK}]){{1,8}}?(?:自治区|[省市县区州旗]))"
    rf"(?=、(?:(?![、，。；和及与])[{_CJK}]){{1,8}}?(?:自治区|[省市县区州旗])第?{_N}次(?:党员|社员|盟员|会员)?代表大会)"
)
_FUNCTION_BEFORE = "全本我该的和与、在对向赴到经由将被把为给受是同跟及或并请了过着"


def find_entities(text: str) -> list[Span]:
    """PERSON, ORG, GPE, TITLE, MEETING and SLOGAN spans in normalized ``text`` (may overlap)."""
    if not text:
        return []
    # The whole text's words stay at hand for every rule and for the model's stretches
    # (``unsettled_stretches``, asked next), whatever shorter pieces are cut in between (the windows
    # read again round the line breaks).
    _last.whole = (text, _tokens(text, _init()))
    spans = _find_entities(text)
    spans = spans + _orgs_across_breaks(text, spans) if "\n" in text else spans
    spans = _villages_by_committee(text, spans) if "村委" in text else spans
    spans = _villages_in_lists(text, spans) if "、" in text else spans
    spans = _prepositions_off_names(text, spans)
    spans = _places_in_breadcrumbs(text, spans) if ">" in text or "»" in text else spans
    spans = _places_in_credits(text, spans) if "来源" in text or "编" in text or "出处" in text else spans
    spans = _places_opening_bodies(text, spans)
    spans = _region_runs_opening_ways(text, spans) if "桥" in text or "路" in text else spans
    spans = _regions_committees(text, spans) if "侨" in text else spans
    spans = _place_people_cppcc(text, spans) if "人民政协" in text else spans
    spans = _listed_names_of_places(text, spans) if "、" in text else spans
    return _term_proposal_committees(text, spans) if "提案" in text else spans


def _places_in_breadcrumbs(text: str, spans: list[Span]) -> list[Span]:
    """Places inside a breadcrumb's channel after a site (某某网 >> 某地新闻, ``extract.notplaces``): no GPE."""
    return [s for s in spans if s.label != "GPE" or not in_breadcrumb_channel(text, s.start, s.end)]


def _places_in_credits(text: str, spans: list[Span]) -> list[Span]:
    """Places opening the name a credit line gives (来源:某地某某, ``extract.notplaces``): no GPE, and no PERSON
    either where the post before read the place's name as one (编辑:某地旅游 |)."""
    short = place_table().short
    return [
        s
        for s in spans
        if not (s.label == "GPE" or (s.label == "PERSON" and s.text in short))
        or not in_credit_name(text, s.start, s.end)
    ]


def _places_opening_bodies(text: str, spans: list[Span]) -> list[Span]:
    """Places opening a firm's, a hospital's or a bank's longer name (某省名汇物资供应公司): no GPE."""
    return [s for s in spans if s.label != "GPE" or not opens_long_body_name(text, s.end)]


def _region_runs_opening_ways(text: str, spans: list[Span]) -> list[Span]:
    """港珠|澳大桥: a run of the regions' one-character names cut before one more of them that opens a bridge's or a
    road's name (港珠澳大桥) is inside that name, no GPE (RULINGS: a place opening a way's name is part of it)."""
    one_char = _PROVINCE_ABBREVIATIONS | frozenset(_CITY_ABBREVIATIONS)
    return [
        s
        for s in spans
        if not (
            s.label == "GPE"
            and s.end < len(text)
            and one_char.issuperset(s.text + text[s.end])
            and opens_way_name(text, s.end + 1)
        )
    ]


# 港澳台侨民族宗教委, “港澳台侨外事委”, 港澳台侨(外事)委员会: the committee for the regions and the overseas
# Chinese named on its own (no 政协 before it; after one, the subunit grammar reads it), by its short 委 or with
# its field in brackets; one ORG, and the regions inside it no GPE (v1.1: no place inside an ORG).
_REGIONS_COMMITTEE_RE = scanning(
    re.compile(
        rf"(?:港澳台侨|台港澳侨)(?:[(（][{_CJK}]{{1,4}}[)）])?(?:(?![委和与及的])[{_CJK}]){{0,8}}?委(?:员会)?(?![员会])"
    )
)


def _regions_committees(text: str, spans: list[Span]) -> list[Span]:
    orgs = [(s.start, s.end) for s in spans if s.label == "ORG"]
    found = [
        m.span()
        for m in _REGIONS_COMMITTEE_RE.finditer(text)
        if not any(a <= m.start() and m.end() <= b for a, b in orgs)
    ]
    return _bodies_over(text, spans, found, "entity.org_regions_committee")


def _bodies_over(text: str, spans: list[Span], bodies: list[tuple[int, int]], rule: str) -> list[Span]:
    """The spans with each body in ``bodies`` (start, end) as one ORG of ``rule`` in place of what it overlaps."""
    if not bodies:
        return spans
    out = [s for s in spans if not any(s.start < b and a < s.end for a, b in bodies)]
    out += [_span(text, a, b, "ORG", rule, 0.6) for a, b in bodies]
    return sorted(out, key=lambda o: o.start)


# 某某县人民政协坚守初心: a place right before 人民政协 names that place's CPPCC, one ORG as 某某县政协 is (RULINGS);
# 人民政协报 (the national paper) and its site 人民政协网 are another name; 某市人民政协事业 (the institution's cause
# there) keeps its place, as the gold has it.
_PEOPLE_CPPCC_RE = re.compile("人民政协(?![报网]|事业|工作|理论|制度)")


def _place_people_cppcc(text: str, spans: list[Span]) -> list[Span]:
    orgs = [(s.start, s.end) for s in spans if s.label == "ORG"]
    bodies: list[tuple[int, int]] = []
    for g in spans:
        if g.label != "GPE" or (m := _PEOPLE_CPPCC_RE.match(text, g.end)) is None:
            continue
        if not any(a <= g.start and g.end <= b for a, b in orgs):
            bodies.append((g.start, m.end()))
    return _bodies_over(text, spans, bodies, "entity.org_place_people_cppcc")


# 王某、刘某、余某、周宁等参加调研: a division's name of a name's shape (a surname, two or three characters) as
# an item of a 、-list whose item before is a name (and whose item after, if any, is one too) is a person's
# name, as its neighbours are (v1.1: the items of a list of names are PERSON).
_LISTED_NAME_END_RE = re.compile(r"[、等,，。;；]|$")


def _listed_names_of_places(text: str, spans: list[Span]) -> list[Span]:
    people = {s.end: s for s in spans if s.label == "PERSON"}
    starts = {s.start: s for s in spans if s.label == "PERSON"}
    surnames = place_table().surnames
    out = []
    for s in spans:
        if (
            s.label == "GPE"
            and 2 <= len(s.text) <= 3
            and s.text[0] in surnames
            and s.start >= 2
            and text[s.start - 1] == "、"
            and s.start - 1 in people
            and _LISTED_NAME_END_RE.match(text, s.end) is not None
            and (not text.startswith("、", s.end) or s.end + 1 in starts)
        ):
            s = _span(text, s.start, s.end, "PERSON", "entity.person_listed_place", 0.55)
        out.append(s)
    return out


def _prepositions_off_names(text: str, spans: list[Span]) -> list[Span]:
    """向|某某一行, 由|某某主持: a clause's preposition glued before a name the text names elsewhere stays outside it
    (party2; RULINGS: a name takes no preposition glued before it)."""
    names = {s.text for s in spans if s.label == "PERSON"}
    out = []
    for s in spans:
        if s.label == "PERSON" and len(s.text) >= 3 and s.text[0] in _CLAUSE_PREPOSITIONS and s.text[1:] in names:
            s = _span(text, s.start + 1, s.end, "PERSON", s.rule, s.confidence)
        out.append(s)
    return out


# 某镇某某社区、某某社区: the next item of a list after a village or a community, with the same suffix, is one too
# (party2); its name of two to four characters holds no mark, function word or verb (numerals may: 八里庄).
_LISTED_VILLAGE_RE = re.compile(
    rf"、((?:(?![的了在和与对为把向从到赴等及或是有这那个各全本我该每也都就还又并将被让给带去来说表作致即再于同"
    rf"市省县区镇乡村])[{_CJK}]){{2,4}}?(村|社区))(?![委民干长])"
)


def _villages_in_lists(text: str, spans: list[Span]) -> list[Span]:
    taken = [(s.start, s.end) for s in spans]
    out: list[Span] = []
    for g in [s for s in spans if s.label == "GPE" and s.text.endswith(("村", "社区"))]:
        at = g.end
        suffix = "社区" if g.text.endswith("社区") else "村"
        while (m := _LISTED_VILLAGE_RE.match(text, at)) is not None and m.group(2) == suffix:
            a, b = m.span(1)
            if _KIND_OF_VILLAGE_RE.fullmatch(m.group(1)) or any(s < b and a < e for s, e in taken):
                break
            out.append(_span(text, a, b, "GPE", "entity.gpe_listed_village", 0.6))
            taken.append((a, b))
            at = b
    return spans + out


# 某市某镇 + 某某村委会 + 某某村, 、某某村委会 + 某某屯村: Hainan and Yunnan write the administrative village by its
# committee, the natural village under it after (RULINGS, gpe13): one chain. The committee's village opens it after
# a town or a district found before, or after a mark or a verb of place that ends the words before it.
_COMMITTEE_OF_VILLAGE_RE = re.compile(rf"([{_CJK}]{{1,4}})村(?:委会?|民委员会)$")
_VILLAGE_CHAIN_LEAD = frozenset("、,，;；:：\n在到赴及和与")


def _villages_by_committee(text: str, spans: list[Span]) -> list[Span]:
    gpes = [s for s in spans if s.label == "GPE"]
    towns = {s.end: s for s in gpes if s.text.endswith(("镇", "乡", "街道", "区", "县", "市"))}
    chains: list[tuple[int, int]] = []
    for g in gpes:
        if g.text[-1] not in "村屯寨":
            continue
        m = _COMMITTEE_OF_VILLAGE_RE.search(text, max(0, g.start - 12), g.start)
        if m is None:
            continue
        stem_end = m.end(1)
        start = None
        for at in range(stem_end - 1, max(m.start(1), stem_end - 4) - 1, -1):
            if at in towns:
                start = towns[at].start  # 某市某镇 + 某某村委会: the town's chain goes on
                break
            if at <= stem_end - 2 and (at == 0 or text[at - 1] in _VILLAGE_CHAIN_LEAD):
                start = at  # 、某某村委会: the words before end at the mark
                break
        if start is not None:
            chains.append((start, g.end))
    if not chains:
        return spans
    out = [s for s in spans if not (s.label in ("GPE", "ORG") and any(a <= s.start and s.end <= b for a, b in chains))]
    out += [_span(text, a, b, "GPE", "entity.gpe_village_by_committee", 0.6) for a, b in chains]
    return sorted(out, key=lambda o: o.start)


# 政协某某县第十届委员会 + 提案审查委员会, 政协第九届全国委员会 + 提案委员会: the proposals committee of a CPPCC's term,
# written right after the term, is one chain with it (org15), as its standing committee is.
_TERM_COMMITTEE_END_RE = re.compile(rf"(?:第?{_N}届|全国)委员会\Z")
_PROPOSAL_COMMITTEE_RE = re.compile("提案(?:审查)?委员会")


def _term_proposal_committees(text: str, spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in spans:
        if s.label == "ORG" and s.text.endswith("委员会") and _TERM_COMMITTEE_END_RE.search(s.text):
            m = _PROPOSAL_COMMITTEE_RE.match(text, s.end)
            if m is not None:
                s = Span(s.start, m.end(), "ORG", text[s.start : m.end()], dict(s.attrs), s.rule, s.confidence)
        out.append(s)
    return out


# A line break between two CJK characters, where a PDF's layout may cut a body's name: 政协某某市第十四⏎
# 届委员会常务委员会, 共青团某某市⏎委员会.
_BREAK_RE = scanning(re.compile(rf"(?<=[{_CJK}])[ \t　]*\n[ \t　]*(?=[{_CJK}])"))
# Near a break, what a body's name holds (a lead, a head or a level's organ); elsewhere nothing is re-read.
_BODY_HINT_RE = re.compile(
    r"政协|政治协商|委员|人大|人民代表|政府|中共|共产党|共青团|团[省市县区]委|工会|联合会|[工商侨科文妇残]联"
    r"|学社|民盟|民革|民建|民进|农工|致公|台盟|协会|商会|警备|军区|军分区|武警|法院|检察院|[市县区省州旗]委"
)
_BREAK_REACH = 24


def _orgs_across_breaks(text: str, spans: list[Span]) -> list[Span]:
    """A body's name a line break cuts is one ORG across it (v1.1: the whole chain as written; the gold keeps
    the break inside the span). The text around each break is read again with the break taken out; an ORG
    found there that crosses the break is kept where the line before ends in no body of its own and the
    line after starts none (市政协 ⏎ 提案委员会, 某某日报 ⏎ 手机看新闻: the break ends a name), and it holds
    no MEETING or PERSON found in the text as it is."""
    orgs = [s for s in spans if s.label == "ORG"]
    ends = {s.end for s in orgs}
    starts = {s.start for s in spans if s.label in ("ORG", "PERSON")}
    held = [s for s in spans if s.label in ("MEETING", "PERSON")]
    out: list[Span] = []
    for m in _BREAK_RE.finditer(text):
        a, b = m.span()
        near = text[max(0, a - 12) : a] + text[b : b + 12]
        if a in ends or b in starts or not _BODY_HINT_RE.search(near):
            continue
        before = max(text.rfind(ch, 0, a) for ch in "。；;！？!?\n") + 1
        after = min((i for i in (text.find(ch, b) for ch in "。；;！？!?\n") if i >= 0), default=len(text))
        lo, hi = max(before, a - _BREAK_REACH), min(after, b + _BREAK_REACH)
        cut = a - lo
        for o in _find_entities(text[lo:a] + text[b:hi]):
            if o.label != "ORG" or not o.start < cut < o.end:
                continue
            start, end = lo + o.start, lo + o.end + (b - a)
            if any(s.start <= start and end <= s.end for s in orgs):
                continue  # already found whole (a name an earlier rule read across the break)
            if any(start <= s.start and s.end <= end for s in held):
                continue  # 政协某某区第四届委员会第一次会议 ⏎ 常务委员会: a MEETING inside is no part of a name
            out.append(_span(text, start, end, "ORG", "entity.org_across_break", o.confidence))
    return out


# 三次会议期间, (三次会议提案92件): a session written again without its term, after a clause's opening.
_SHORT_SESSION_RE = scanning(re.compile(r"(?<=[\n。；;，,、(（“的在于至])([一二三四五六七八九十]{1,3})次会议(?!室|厅)"))
# 十届三次会议, 第十届委员会第三次会议: a MEETING that names its term, and its session's number.
_TERMED_SESSION_RE = re.compile(r"届[^次]{0,8}?第?([一二三四五六七八九十]{1,3})次(?:全体)?会议$")


def _short_sessions(text: str, meetings: list[Span]) -> list[Span]:
    """三次会议期间 after 十届三次会议: the session the text named with its term, written again by its number alone
    (RULINGS, slogan3: 607's `三次会议提案`), never before that first mention nor with another number."""
    first: dict[str, int] = {}
    for s in meetings:
        m = _TERMED_SESSION_RE.search(s.text)
        if m:
            first[m.group(1)] = min(first.get(m.group(1), len(text)), s.end)
    if not first:
        return []
    taken = [(s.start, s.end) for s in meetings]
    return [
        _span(text, m.start(), m.end(), "MEETING", "entity.meeting_short", 0.6)
        for m in _SHORT_SESSION_RE.finditer(text)
        if first.get(m.group(1), len(text)) <= m.start() and not any(a <= m.start() < b for a, b in taken)
    ]


def _find_entities(text: str) -> list[Span]:
    st = _init()
    spans: list[Span] = []
    spans += [
        _span(text, m.start(), m.end(), "TITLE", "entity.title", 0.95)
        for m in _TITLE_RE.finditer(text)
        if not _DATELINE_RE.fullmatch(m.group())
    ]
    meetings = [
        _span(text, m.start(), m.end(), "MEETING", "entity.meeting", 0.9)
        for m in _MEETING_RE.finditer(text)
        if not (m.group()[0].isdigit() and _COUNT_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()))
    ]
    meetings += [
        _span(text, m.start(1), m.end(1), "MEETING", "entity.meeting", 0.85)
        for m in finditer_near(_BODY_SESSION_RE, text)
    ]
    studies = finditer_near(_STUDY_SESSION_RE, text)
    meetings += [_span(text, *m.span(1), "MEETING", "entity.meeting_study", 0.8) for m in studies]
    congresses = _PARTY_CONGRESS_RE.finditer(text)
    meetings += [_span(text, *m.span(), "MEETING", "entity.meeting_party", 0.8) for m in congresses]
    meetings += _meetings_across_breaks(text, meetings)
    meetings += _short_sessions(text, meetings)
    spans += _shared_terms(text, meetings + _bare_sessions(text, meetings))
    spans += _slogans(text, st)
    tokens = _tokens(text, st)
    places = _gpes(text, tokens, st)
    orgs = _orgs(text, places, _token_starts(tokens)) + _org_chains(text, tokens, places, st)
    orgs += [c for c in _centre_conferences(text) if not any(o.start == c.start and o.end > c.end for o in orgs)]
    orgs = _meeting_cut(text, _joined_bodies(text, orgs, places))
    orgs += _scope_associations(text, orgs)
    orgs = _school_units(text, _across_page_breaks(text, _term_councils(text, orgs)))
    orgs = _brands_and_units(text, [_npc_term(text, o) for o in orgs], places)
    orgs += _listed_committees(text, orgs)
    orgs += _committees_by_name(text, orgs)
    orgs += _own_committees(text, orgs)
    orgs += _proposal_committee(text, orgs)
    orgs += _stationed_bodies(text, orgs, places)
    orgs += _quoted_bodies(text)
    orgs += _bracketed_sar_associations(text, places)
    if "事务所" in text:
        orgs += _bracketed_firms(text)
        orgs += _firm_offices(text, orgs, places)
    if "委员工作室" in text:
        orgs += _named_studios(text, tokens, st)
    orgs += _sites_before_credits(text)
    orgs += _natives_associations(text, orgs, tokens, st)
    orgs += _works(text, orgs, places, tokens)
    orgs += _party_branches(text, orgs, places, tokens)
    orgs += _federation_second_name(text, orgs, tokens)
    orgs += [
        _span(text, *m.span(), "ORG", "entity.org_party_office", 0.6)
        for m in finditer_near(_PARTY_OFFICE_RE, text)
        if not any(ch in _NOT_IN_ASSOCIATION for ch in m.group(1))
    ]
    orgs += [_span(text, *m.span(), "ORG", "entity.org_old_ministry", 0.6) for m in _OLD_MINISTRY_RE.finditer(text)]
    if "部" in text:
        orgs += [
            _span(text, *m.span(), "ORG", "entity.org_ministry", 0.6)
            for m in _MINISTRY_RE.finditer(text)
            if not any(o.start <= m.start() and m.end() <= o.end for o in orgs)
        ]
    if "委" in text:
        orgs += [
            _span(text, *m.span(1), "ORG", "entity.org_region_committee", 0.6)
            for m in _ALONE_REGION_COMMITTEE_RE.finditer(text)
            if not any(o.start <= m.start(1) and m.end(1) <= o.end for o in orgs)
        ]
    if "司长" in text:
        orgs += [
            _span(text, *m.span(), "ORG", "entity.org_sar_secretariat", 0.6)
            for m in _SAR_SECRETARIAT_RE.finditer(text)
            if not any(o.start <= m.start() and m.end() <= o.end for o in orgs)
        ]
    committees = _session_committees(text, meetings)
    # 市委员会第二次会议资格审查委员会: a chain read back across the session is no body.
    orgs = [o for o in orgs if not any(o.start < c.start and o.end == c.end for c in committees)] + committees
    # 县第七届第一次人民代表大会: a chain read through a session to its 代表大会 is the session, no body.
    # (The latest start of a MEETING by its end: one ends where the chain does and starts inside it, or none does.)
    meeting_from: dict[int, int] = {}
    for m in spans:
        if m.label == "MEETING":
            meeting_from[m.end] = max(m.start, meeting_from.get(m.end, m.start))
    orgs = [o for o in orgs if not o.start <= meeting_from.get(o.end, -1)]
    if "某" in text:
        # 某市某科技有限公司: a firm named with a placeholder is no body (RULINGS, texts 502–513); its place stays.
        orgs = [o for o in orgs if not _PLACEHOLDER_FIRM_RE.search(o.text)]
    learned = _committee_abbreviations(text, orgs) + _association_initials(text, orgs, tokens, st)
    learned += _bracketed_short_names(text, orgs + learned, tokens)
    spans += orgs + learned + _company_brands(text, orgs + learned, places, tokens, st)
    spans += _party_before_session(text, spans)
    spans = [_with_party_branch(text, s) if s.label == "ORG" else s for s in spans]
    spans = [_without_acting(text, _with_china_before_party(text, s)) if s.label == "ORG" else s for s in spans]
    spans += _bare_congress(text, spans)
    spans += _resident_members_body(text, spans)
    places += _listed_before_a_count_of_places(text, places)
    spans += places
    spans += _persons(text, tokens, st)
    spans += _joined_byline(text, spans)
    spans = _household_and_credit_names(text, spans, st)
    spans = _credit_verb_names(text, spans, st)
    spans += _names_without_surname(text, spans, st)
    spans += _names_across_breaks(text, spans, st)
    spans += _names_between_commas(text, spans, st)
    spans += _run_together_names(text, spans, st)
    spans = _split_run_names(text, spans, st)
    spans = _names_run_together(text, spans, st)
    spans = [_without_word_before(text, s, st) for s in spans]
    spans = _stacked_heading(text, _party_short_forms(text, _names_not_places(text, spans, st), st))
    spans = _credits_and_bodies(text, _places_in_bodies(text, spans, st), st)
    spans += _names_after_bodies(text, spans, st)
    items: list[tuple[int, int]] = []
    listed = _listed_agencies(text, spans, tokens, items)
    # “双拥办” listed among agencies is the office, no numbered formula (org15)
    where = set(items)
    spans = [s for s in spans if not (s.label == "SLOGAN" and (s.start, s.end) in where)] + listed
    spans += _bare_departments(text, spans, tokens)
    spans = _level_once_lists(text, spans)
    spans += _bare_bureau_lists(text, spans, tokens)
    spans = _numbered_groups(text, spans)
    spans += _bare_jiusan(text, spans)
    spans += _committees_with_heads(text, spans)
    spans += _listed_departments(text, spans)
    spans = _society_stems(text, spans)
    spans = _government_bureaus(text, spans)
    spans += _party_organs(text, spans)
    spans = _placed_level_bodies(text, spans)
    spans = _person_halls(text, _through_name_dots(text, spans, st), tokens, st)
    spans += _courtesy_names_and_authors(text, spans)
    # 张某旗受…委托: a name a cue marks, read as an unknown place of a level (a name and 旗, 县 …) too, is the
    # name; a place the tables know keeps its reading.
    named = {(s.start, s.end) for s in spans if s.label == "PERSON" and s.rule != "entity.person_leader"}
    county_names = {(s.start, s.end) for s in spans if s.rule == "entity.person_county_name"}
    table = place_table()
    venues = [(s.start, s.end) for s in spans if s.label == "ORG" and _meeting_venue(text, s)]
    return [
        s
        for s in spans
        if not (s.label == "GPE" and (_opens_national_body(text, s, table) or _opens_account(text, s)))
        # 市政府系统, 市委系统: a body's whole system (every office under it) is no body (RULINGS: 全国政协系统).
        if not (s.label == "ORG" and (text.startswith("系统", s.end) or _COUNTED_LEVELS_RE.search(s.text)))
        # 各县(市)区政协, 区(市)县政府: levels listed with a bracketed alternative name every body of them, a plural.
        and not (s.label == "ORG" and _BRACKETED_LEVEL_BEFORE_RE.search(text, max(0, s.start - 4), s.start))
        # 在某某文化中心多功能厅开幕: where a meeting opens is a venue, no body and no place (RULINGS: 县文化艺术中心).
        and not (s.label in ("ORG", "GPE") and any(a <= s.start and s.end <= b for a, b in venues))
        # 某街道人大 + 代表联络站: the congress's contact station is a site, no body (RULINGS); its place stays the GPE.
        and not (s.label == "ORG" and s.text.endswith("人大") and text.startswith(_DEPUTIES_SITES, s.end))
        # 中国人民政治协商会议xx盟第十二届委员会, 政协XX市: a chain with a template's placeholder inside is no body
        # (RULINGS), neither the part before the placeholder nor the part after it.
        and not (s.label == "ORG" and (_PLACEHOLDER_AFTER_RE.match(text, s.end) or _placeholder_before(text, s.start)))
        and not (s.label == "GPE" and (s.start, s.end) in county_names)
        and not (
            s.label == "GPE"
            and (s.start, s.end) in named
            and s.text[-1] in "旗县市区州盟"
            and not any(w in table.kind or w in table.short or w in st["places"] for w in (s.text, s.text[:-1]))
            and s.text[0] in _COMMON_SURNAMES
        )
    ]


# 刑部侍郎, 礼部尚书, 户科给事中: a ministry (部) or office of scrutiny (科) of the old state's six (吏户礼兵刑工) in
# a post is a body in a post, an ORG (RULINGS, wenshi1); without a post (户部巷, a street) none.
_OLD_MINISTRY_RE = re.compile("[吏户礼兵刑工][部科](?=尚书|侍郎|主事|郎中|员外郎|给事中|都给事中)")

# 商务部, 生态环境部, 中宣部: the State Council's ministries and the Party centre's departments by their own names
# (a table: the State Council's constituent ministries since 1998, with their usual short forms; RULINGS, hkmo2).
# Not a field before another word (商务部门, 财政部署, 教育部位), nor a level's or a firm's office (市商务部,
# 企业文化部).
_MINISTRIES = (
    "外交部", "国防部", "教育部", "科学技术部", "科技部", "工业和信息化部", "工信部", "公安部", "国家安全部", "民政部",
    "司法部", "财政部", "人力资源和社会保障部", "人社部", "自然资源部", "生态环境部", "住房和城乡建设部", "住建部",
    "交通运输部", "水利部", "农业农村部", "商务部", "文化和旅游部", "文旅部", "退役军人事务部", "应急管理部",
    "国土资源部", "环境保护部", "农业部", "文化部", "卫生部", "铁道部", "监察部", "建设部", "人事部",
    "劳动和社会保障部", "信息产业部", "中宣部", "中组部", "中联部",
)  # fmt: skip
_MINISTRY_RE = scanning(
    re.compile(
        rf"(?<![省市县区州镇乡旗盟局厅委司企业公])(?:{'|'.join(sorted(_MINISTRIES, key=len, reverse=True))})"
        "(?![门署位分落件队长])"
    )
)

# 政务司司长, 行政法务司司长: the SAR governments' policy secretariats by their own names (a table: Hong Kong's three,
# Macau's five; RULINGS: named bodies of Hong Kong and Macau count), before their secretary's post; not a ministry's
# department (财政部财政司) nor a word run on (保安司法).
_SAR_SECRETARIATS = ("政务司", "财政司", "律政司", "行政法务司", "经济财政司", "保安司", "社会文化司", "运输工务司")
_SAR_SECRETARIAT_RE = scanning(
    re.compile(rf"(?<![部厅局委])(?:{'|'.join(sorted(_SAR_SECRETARIATS, key=len, reverse=True))})(?=副?司长)")
)


# 六图、铜江、星光、双溪等66个村: names listed before a count of villages, towns or communities are those places, each
# a GPE, though written without their suffix (as a list of names shares its 村).
_LISTED_BEFORE_PLACES_RE = re.compile(
    rf"(?:(?<![{_CJK}])|(?<=[和与及有]))((?:[{_CJK}]{{2,3}}、)+[{_CJK}]{{2,3}})等(?:[0-9]+|[一二三四五六七八九十百]+)个"
    r"(?:行政村|村|社区|乡镇|镇|乡|街道)"
)


def _listed_before_a_count_of_places(text: str, places: list[Span]) -> list[Span]:
    covered = _covered(text, places)
    found = []
    for m in finditer_near(_LISTED_BEFORE_PLACES_RE, text):
        at = m.start(1)
        for item in m.group(1).split("、"):
            if not any(covered[at : at + len(item)]):
                found.append(_span(text, at, at + len(item), "GPE", "entity.gpe_listed_before_count", 0.55))
            at += len(item) + 1
    return found


# 某某纪念馆, 某某故居纪念馆, 某某故居陈列馆: a memorial or exhibition hall named after a person (its former
# residence between) is a museum, an ORG (RULINGS: museums are ORG), and the name inside it no PERSON of its own.
# A residence or hall is a cue for the name before it, as a post is: 某某故居 gives the PERSON where no rule did
# (two or three characters from a common surname, starting a word, no place's name).
_PERSON_HALL_RE = re.compile("(?:故居|旧居)?(?:纪念馆|陈列馆|纪念堂)")
_RESIDENCE_OR_HALL_RE = re.compile("故居|旧居|纪念馆|陈列馆|纪念堂")
# 毛主席故居, 某帅故居, 某公祠: a surname with a title or an honorific names no one in the form of a name.
_HONORIFICS_BEFORE_HALL = ("主席", "总理", "元帅", "将军", "先生", "烈士", "公", "帅", "氏", "家", "总", "老")


def _person_halls(text: str, spans: list[Span], tokens: list[tuple[int, int, str]], st: dict[str, Any]) -> list[Span]:
    taken = {s.end for s in spans if s.label in ("PERSON", "ORG", "GPE")}
    starts = _token_starts(tokens)
    cued: list[Span] = []
    for m in _RESIDENCE_OR_HALL_RE.finditer(text):
        if m.start() in taken or (m.start() >= 2 and text[m.start() - 2 : m.start()] in ("故居", "旧居")):
            continue
        for k in (3, 2):
            name_start = m.start() - k
            name = text[name_start : m.start()]
            if (
                name_start >= 0
                and name[0] in _COMMON_SURNAMES
                and name_start in starts
                and _CJK_ONLY_RE.fullmatch(name)
                and name not in st["places"]
                and name[1:] not in st["particles"]
                and not name.endswith(_HONORIFICS_BEFORE_HALL)
            ):
                cued.append(_span(text, name_start, m.start(), "PERSON", "entity.person_hall_cue", 0.55))
                break
    spans = spans + cued
    org_ends = {s.end for s in spans if s.label == "ORG"}
    halls: list[Span] = []
    drop: set[int] = set()
    for s in spans:
        hall = _PERSON_HALL_RE.match(text, s.end) if s.label == "PERSON" else None
        if hall is None or hall.end() in org_ends:
            continue
        drop.add(id(s))
        halls.append(_span(text, s.start, hall.end(), "ORG", "entity.org_person_hall", 0.6))
    return [s for s in spans if id(s) not in drop] + halls if halls else spans


# 某某,字某某: a courtesy name after the name it belongs to is a PERSON (as a second name is). (某某撰): the author
# of a piece of an old gazetteer, in brackets after the piece's title, is a PERSON, as a byline's is.
_COURTESY_NAME_RE = re.compile(rf"[,，]字([{_CJK}]{{2}})(?=[,，。;；、)）])")
_OLD_AUTHOR_RE = re.compile(rf"[(（]([{_CJK}]{{2,3}})(?:撰|著|编)[)）]")
# 清献杜公(杜范), 先生(黄超然), 二程(程颐、程颢): an honorific (a surname with 公 or 子, 先生, a count of brothers)
# names the person in brackets after it; the names there are PERSONs, the honorific none (RULINGS, wenshi1).
_AFTER_HONORIFIC_RE = re.compile(
    rf"(?:(?P<surname>[{_CJK}])[公子]|先生|[二三](?P<brothers>[{_CJK}])(?:先生)?)[(（]([{_CJK}]{{2,3}}(?:、[{_CJK}]{{2,3}})*)[)）]"
)


def _courtesy_names_and_authors(text: str, spans: list[Span]) -> list[Span]:
    taken = {(s.start, s.end) for s in spans}
    found = []
    for m in finditer_near(_COURTESY_NAME_RE, text):
        # The name before it: three characters or two from a surname (明代进士王守仁,字…; :曹某,字…).
        name = next(
            (
                (m.start() - k, m.start())
                for k in (3, 2)
                if _CJK_ONLY_RE.fullmatch(text, max(0, m.start() - k), m.start()) and text[m.start() - k] in _SURNAMES
            ),
            None,
        )
        if name is None:
            continue
        if not any(a <= name[0] and name[1] <= b for a, b in taken):
            found.append(_span(text, *name, "PERSON", "entity.person_courtesy_name", 0.6))
        if m.span(1) not in taken:
            found.append(_span(text, *m.span(1), "PERSON", "entity.person_courtesy_name", 0.6))
    for m in _OLD_AUTHOR_RE.finditer(text):
        if m.group(1)[0] in _SURNAMES and m.span(1) not in taken:
            found.append(_span(text, *m.span(1), "PERSON", "entity.person_old_author", 0.6))
    for m in finditer_near(_AFTER_HONORIFIC_RE, text):
        if (m["surname"] or m["brothers"] or "张") not in _SURNAMES:
            continue  # 电子(…), 二期(…): no surname before the honorific's 子 or after its count
        at = m.start(3)
        for listed in m.group(3).split("、"):
            if listed[0] in _SURNAMES and (at, at + len(listed)) not in taken:
                found.append(_span(text, at, at + len(listed), "PERSON", "entity.person_after_honorific", 0.6))
            at += len(listed) + 1
    return found


# 民盟总部, 民革某某小组, 九三学社某某直属小组, 农工党某某省直属某某支部, 九三某某分社, 国民党某某区分部:
# a party's organ named by the party, the places it sits in (直属 between them) and a head of a party's
# organ, one ORG (RULINGS: the whole chain). Without a place only the headquarters (民盟小组 is the party's
# own group). 党部 and 分部 are the Kuomintang's district organs of a Republic-era annals.
def _placed_level_bodies(text: str, spans: list[Span]) -> list[Span]:
    """运城 + 县工商业联合会: a place the tables hold without its level, right before a body named by that level
    (县工商业联合会, 市政协), is that body's place prefix: one ORG (GUIDELINES v1.1: the whole chain as written)."""
    places = {s.end: s for s in spans if s.label == "GPE" and s.text[-1] not in _LEVELS}
    merged: list[Span] = []
    drop: set[int] = set()
    for o in spans:
        g = places.get(o.start)
        if o.label != "ORG" or g is None or o.text[0] not in "省市县区州旗":
            continue
        drop.update((id(o), id(g)))
        merged.append(_span(text, g.start, o.end, "ORG", "entity.org_placed_level", o.confidence))
    return [s for s in spans if id(s) not in drop] + merged if merged else spans


_PARTY_ORGAN_LEAD_RE = re.compile(
    "中国国民党革命委员会|中国民主同盟|中国民主建国会|中国民主促进会|中国农工民主党|中国致公党|台湾民主自治同盟"
    "|中国国民党|国民党|民革|民盟|民建|民进|农工党|农工|致公党|九三学社|九三|台盟"
)
_PARTY_ORGAN_HEAD_RE = re.compile("总部|直属小组|小组|分社|支社|总支|支部|筹委会|党部|分部")
_PARTY_ORGAN_STEPS = 4


def _party_organs(text: str, spans: list[Span]) -> list[Span]:
    places = {s.start: s.end for s in spans if s.label == "GPE"}
    table = place_table()
    out: list[Span] = []
    for m in _PARTY_ORGAN_LEAD_RE.finditer(text):
        pos, placed = m.end(), False
        for _ in range(_PARTY_ORGAN_STEPS):
            end = places.get(pos) or next(
                (pos + n for n in (4, 3, 2) if (w := text[pos : pos + n]) in table.kind or w in table.short), None
            )
            if end is not None:
                pos, placed = end, True
            elif text.startswith("直属", pos):
                pos += 2
            else:
                break
        # 某某区分部: the place's level the tokenizer read into 区分 stands between the place and its organ.
        head = _PARTY_ORGAN_HEAD_RE.match(text, pos) or (
            _PARTY_ORGAN_HEAD_RE.match(text, pos + 1) if placed and text[pos : pos + 1] in _LEVELS else None
        )
        if head is None or not (placed or head.group() == "总部"):
            continue
        if head.group() in ("党部", "分部") and not m.group().endswith("国民党"):
            continue
        out.append(_span(text, m.start(), head.end(), "ORG", "entity.party_organ", 0.75))
    # 区党部, 省党部, 定海县党部: the Kuomintang's organ of a level or a place, written without the party's name.
    place_ends = {s.end: s.start for s in spans if s.label == "GPE"}
    for m in _DANGBU_RE.finditer(text):
        start = place_ends.get(m.start())
        if start is None and text[m.start() - 1 : m.start()] in _LEVELS:
            start = m.start() - 1
        if start is not None:
            out.append(_span(text, start, m.end(), "ORG", "entity.party_organ", 0.7))
    return out


_DANGBU_RE = re.compile("党部")


# A template's placeholder for a place (xx盟, XX市, ××县, **区) or a term (XX届): Latin x, × or paired * runs, as 范文
# sites write them (a lone * is a word filter's mask inside a name: 区*协 keeps its span).
_PLACEHOLDER_AFTER_RE = re.compile(r"(?:[xX×]{1,4}|\*{2,4})(?=[省市区县州旗盟届第])")


def _placeholder_before(text: str, start: int) -> bool:
    if start >= 2 and text[start - 2 : start] == "**":
        return True
    if start == 0 or text[start - 1] not in "xX×":
        return False
    return start < 2 or not text[start - 2].isascii() or text[start - 2] in "xX×"  # not the end of a Latin word


# A national body's, party's, association's or paper's name a country's or province's name opens (中国某某同盟,
# 中国青年党, 某省某某学会; 某省某地商会, the natives of a place organised in a province): the gold holds the whole
# as ORG, and the place inside goes whether or not the ORG is found (RULINGS: 中国 is never a GPE inside a span
# that has a label). The words between carry no function character, so 中国特色社会主义 (no head) and
# 某省全面从严治党 (no party's name) keep the place.
_NATIONAL_BODY_HEAD_RE = re.compile(
    r"(?:同盟|协会|学会|联合会|委员会|促进会|研究会|基金会|联谊会|总会|商会|银行|日报|晚报|报社|通讯社|电视台|广播电台"
    r"|(?:青年|共产|国民|社会|民主|致公)党)"
)
_NATIONAL_BODY_REACH = 10


_HOLDING_VERB_RE = re.compile("召开|举行|举办")


def _opens_national_body(text: str, g: Span, table: Any) -> bool:
    kind = table.kind.get(g.text) or table.short.get(g.text)
    if kind is None:
        return False
    end = g.end
    while end < len(text) and end - g.end < _NATIONAL_BODY_REACH + 4 and _is_cjk(text[end]):
        if text[end] in _FUNCTION_CHARS:
            break
        end += 1
    m = _NATIONAL_BODY_HEAD_RE.search(text, g.end, end)
    if m is None or m.start() - g.end > _NATIONAL_BODY_REACH:
        return False
    if _HOLDING_VERB_RE.search(text, g.end, m.start()):
        return False  # 在某地召开第四届委员会第一次会议: the place where a session is held, no committee's name
    # A party is named by its country (中国青年党); a province before a party's name is where it acts (某省国民党当局).
    # A place of any level opens a committee's, society's, association's or chamber's name (某市年鉴编纂委员会).
    if kind not in ("country", "province") and not m.group().endswith(("委员会", "学会", "协会", "商会")):
        return False
    return kind == "country" or not m.group().endswith("党")


# A place opening an account's, a channel's or a site's name (某市发布, 某地之声, 某地头条, 某地在线): a closed class of
# media heads. 之声 and 头条 right after a place name the channel; 发布 and 在线 only where the name stands alone (a
# line's end, a timestamp, a closing quote, 消息/讯), since 某省发布2025年数据 is the place doing something.
# 某地频道 (a site's channel, 人民网-某地频道) is one name, as 某地之声 is (RULINGS gpe8).
_CHANNEL_HEAD_RE = re.compile(r"之声|头条|频道")
_ACCOUNT_HEAD_RE = re.compile(r"(?:发布|在线)(?=[ \t\u3000]*(?:\n|$|\d{4}-\d{1,2}-\d{1,2}|消息|讯)|[」』”》〉)\]])")


def _opens_account(text: str, g: Span) -> bool:
    return in_channel_name(text, g.start, g.end)


def in_channel_name(text: str, start: int, end: int) -> bool:
    """Whether the place text[start:end] is inside an outlet's channel or account name: 某地之声, 某地头条, 某市发布
    standing alone, and 今日某地 standing as a line of a site's menu or before 网 (RULINGS: 今日竹山网)."""
    if _CHANNEL_HEAD_RE.match(text, end) or _ACCOUNT_HEAD_RE.match(text, end):
        return True
    return (
        text.endswith("今日", 0, start)
        and (start == 2 or text[start - 3] == "\n")
        and (end == len(text) or text[end] in "\n网")
    )


_ROLE_LIST_RE = re.compile(
    rf"(?:成员|委员|常委|主席|主任|执行主席|代表|领导|同志|秘书长)(?:有|是|为)?[:：]"
    rf"((?:[{_CJK}]{{2,5}}|[{_CJK}]{{1,10}}[·•][{_CJK}·•]{{1,20}})(?:、(?:[{_CJK}]{{2,5}}|[{_CJK}]{{1,10}}[·•][{_CJK}·•]{{1,20}})){{2,}})"
    rf"(?=[。；;，,\n等]|$)"
)
_FUNCTION_CHARS = frozenset("的了在和与对为把向从到等及或是有这那个各全本我该每也都就还又并将被让给")
# (主席某某某代表政协常务委员会作报告: 代表, on behalf of, follows the name as a speech verb does.)
_NAME_AFTER_POST_RE = re.compile(
    rf"[{_CJK}]{{3,4}}?(?=[、，,。；;]|向|说|指出|介绍|主持|表示|强调|讲话|致辞|代表(?:政协|中共|大会))"
)


def _names_without_surname(text: str, spans: list[Span], st: dict[str, Any]) -> list[Span]:
    """Names the surname table cannot vouch for (Mongolian, Tibetan, Uyghur), where the text announces them.

    - Every item of a 、-list of three or more after a role and a colon (主席团成员:阿不都热依木·买买提、
      巴特尔、其其格), unless an item is a common word (then it is a list of things).
    - Three or four characters after a post and before an item's end or a speech verb (政协主席格日勒图。,
      副主席其其格向大会) in which the dictionary finds no word (so not 答疑解惑, nor 那日苏: 那日 is one).
    """
    taken = _covered(text, spans)
    freq = st["tokenizer"].FREQ
    out: list[Span] = []
    for m in _ROLE_LIST_RE.finditer(text):
        items, pos = [], m.start(1)
        for part in m.group(1).split("、"):
            items.append((pos, pos + len(part)))
            pos += len(part) + 1
        plain = [text[a:b] for a, b in items if "·" not in text[a:b] and "•" not in text[a:b]]
        if any(freq.get(w, 0) >= 50 or w in _COMMON_WORDS or set(w) & _FUNCTION_CHARS for w in plain):
            continue
        out += [_span(text, a, b, "PERSON", "entity.person_role_list", 0.6) for a, b in items if not any(taken[a:b])]
    for post in _POSTS_TUPLE:
        i = text.find(post)
        while i >= 0:
            a = i + len(post)
            after = _NAME_AFTER_POST_RE.match(text, a)
            if after and not any(taken[a : after.end()]):
                word = after.group()
                if word.endswith("说") and _has_surname(word[:-1]):
                    # 副市长黄菱说,: a two-character name, then the speech verb (a three-character name
                    # before 说 is read by the cue in the pattern).
                    out.append(_span(text, a, after.end() - 1, "PERSON", "entity.person_after_post", 0.55))
                    taken[a : after.end()] = b"\1" * (after.end() - a)
                    i = text.find(post, a)
                    continue
                # 刚布和, 孟和: 和 ends many Mongolian names, so only the characters before the last are checked.
                stops = set(word[:-1]) & _STOP_CHARS or (word[-1] != "和" and word[-1] in _STOP_CHARS)
                if not (stops or word in _COMMON_WORDS or freq.get(word)):
                    if not any(freq.get(w, 0) >= 20 for w in st["segmenter"].words(word) if len(w) >= 2):
                        out.append(_span(text, a, after.end(), "PERSON", "entity.person_after_post", 0.55))
                        taken[a : after.end()] = b"\1" * (after.end() - a)
            i = text.find(post, a)
    # 政协主席尼玛代表…: a county's short name (尼玛县 → 尼玛) right after a post and before what the person does is
    # a Tibetan or Mongolian name, as a county's name in a list of names is (乌兰); its GPE gives way.
    table = place_table()
    for m in _COUNTY_NAME_AFTER_POST_RE.finditer(text):
        a, b = m.span("name")
        if table.short.get(m.group("name")) == "county" and not any(
            s.start < b and a < s.end for s in spans if s.label != "GPE"
        ):
            out.append(_span(text, a, b, "PERSON", "entity.person_county_name", 0.55))
    return out


def _through_name_dots(text: str, spans: list[Span], st: dict[str, Any]) -> list[Span]:
    """州长阿合买提·吐尔洪江领衔督办: a name a rule read up to a middle dot runs through its dotted parts, each
    part ending before the first word the dictionary knows (领衔); the spans it runs over give way."""
    # (A name its frame closes, 记者某某摄, is whole: what follows the frame is another name.)
    cut = [
        s
        for s in spans
        if s.label == "PERSON"
        and "·" not in s.text
        and s.rule != "entity.person_household_or_credit"
        and _TO_NAME_DOT_RE.match(text, s.end)
    ]
    if not cut:
        return spans
    freq = st["tokenizer"].FREQ
    table = place_table()
    grown: dict[int, Span] = {}
    for s in cut:
        end = cast(re.Match[str], _TO_NAME_DOT_RE.match(text, s.end)).end()
        while text[end : end + 1] in ("·", "•"):
            run = _CJK_RUN_RE.match(text, end + 1)
            if run is None:
                break
            part_end = run.end()
            words = st["segmenter"].words(run.group())
            pos = run.start()
            for w in words:
                place = w in st["places"] or w in table.short or w in table.kind
                word = len(w) >= 2 and freq.get(w, 0) >= 50 and not place
                if pos - run.start() >= 2 and (word or (len(w) == 1 and w in _STOP_CHARS)):
                    part_end = pos
                    break
                pos += len(w)
            if part_end - run.start() < 2:
                break
            end = part_end
        if end > s.end:
            grown[id(s)] = _span(text, s.start, end, "PERSON", s.rule, s.confidence)
    if not grown:
        return spans
    new = [grown.get(id(s), s) for s in spans]
    wide = [g for g in grown.values()]
    return [s for s in new if s in wide or not any(g.start <= s.start and s.end <= g.end and s is not g for g in wide)]


_CJK_RUN_RE = re.compile(rf"[{_CJK}]{{2,8}}")
# 阿合买|提·: a name cut one to three characters before its dot (a title's reader takes three).
_TO_NAME_DOT_RE = re.compile(rf"[{_CJK}]{{0,3}}(?=[·•][{_CJK}])")
_AUTONOMOUS_LEVELS = ("自治区", "自治州", "自治县", "自治旗")
_AUTONOMOUS_ORGANS = frozenset(
    ("党委", "政府", "人民政府", "政协", "纪委", "纪委监委", "人大常委会", "人民法院", "人民检察院", "法院", "检察院")
)
_ON_BEHALF_OF_RE = re.compile("代表(?=政协|中共|中国|全体|本届|大会)")
_COUNTY_NAME_AFTER_POST_RE = re.compile(
    rf"(?:主席|书记|主任|县长|市长|州长|旗长|区长|秘书长)(?P<name>[{_CJK}]{{2}})"
    rf"(?=代表|说|主持|指出|介绍|表示|强调|讲话|致辞|向大会|作[了报工])"
)


# A report's title stacks the body's name over heading lines: 中国人民政治协商会议 / X自治州第十一届委员会 /
# 常务委员会工作报告. The name runs across the breaks, as a name a PDF break cut does (RULINGS).
# Over a session (中国人民政治协商会议 / X市第五届委员会第二次会议 / 关于提案审查情况的报告) the body is the CPPCC with
# its place, as 政协X市 + 第五届委员会第四次会议 on one line; the term and session are the MEETING's.
_STACKED_HEADING_RE = re.compile(
    rf"(?:中国人民政治协商会议|政协)[ \u3000]*\n\s*[{_CJK}]{{2,24}}?(?:自治区|[省市区县州旗])"
    # 第十五届某某市委员会常务委员会 on one line under 中国人民政治协商会议: the standing committee after its
    # committee, on its line or the next.
    rf"(?:(?=第?{_N}届委员会第?{_N}次)|(?:第?{_N}届)?委员会(?!第?{_N}次)(?:(?:[ \u3000]*\n\s*)?(?:常务委员会|常委会))?)"
)


def _stacked_heading(text: str, spans: list[Span]) -> list[Span]:
    heads = [m for m in _STACKED_HEADING_RE.finditer(text) if "\n" in m.group()]
    if not heads:
        return spans
    out = [s for s in spans if not any(m.start() <= s.start and s.end <= m.end() for m in heads)]
    out += [_span(text, m.start(), m.end(), "ORG", "entity.org_heading", 0.8) for m in heads]
    return out


_COMMON_SURNAMES = frozenset(name for name, share in _surname_rows() if len(name) == 1 and share >= 0.1)
_JOINED_BYLINE_RE = re.compile(rf"[（(]((?:[{_CJK}]{{3}}){{2,4}})(?:报道|摄影?|供稿|整理|文[/／]图|图[/／]文)[)）]")


def _joined_byline(text: str, spans: list[Span]) -> list[Span]:
    """(黄品优陈洪健黄彦凝报道): a byline whose spaces normalization dropped, three-character names run
    together. Each three characters is a name where every one of them has a name's shape."""
    out = []
    for m in _JOINED_BYLINE_RE.finditer(text):
        a, b = m.span(1)
        if any(s.start < b and a < s.end for s in spans):
            continue
        parts = [(i, i + 3) for i in range(a, b, 3)]
        # 王强李明张伟: names of two characters run together; a common surname ending a part tells.
        if all(looks_like_name(text[i:j]) and text[j - 1] not in _COMMON_SURNAMES for i, j in parts):
            out += [_span(text, i, j, "PERSON", "entity.person_byline", 0.7) for i, j in parts]
    for m in _AGENCY_PHOTO_RE.finditer(text):
        # (中评社兰忠伟摄): the photographer an agency's bracketed credit names, right before 摄.
        a, b = m.span(1)
        if looks_like_name(text[a:b]) and not any(s.start < b and a < s.end for s in spans):
            out.append(_span(text, a, b, "PERSON", "entity.person_byline", 0.65))
    return out


_AGENCY_PHOTO_RE = re.compile(
    rf"[（(](?:(?![本我该])[{_CJK}]{{1,4}}[社网]|[{_CJK}]{{2,4}}通讯社)[ 　]?(?:记者[ 　]?)?([{_CJK}]{{2,3}})摄[)）]"
)


# 列席人大会议, 代行人大职权, 人大在12日闭幕: the congress named bare as the body that sits (RULINGS, 313, 315);
# not in 人大代表, 人大常委会, 人大政协 (the deputies and members as people), nor after a level (市人大).
# 和人大七届八次会议: bare before its own term and session too (orgkinds), unless a level or 全国 stands before it.
_BARE_CONGRESS_RE = scanning(
    re.compile(
        r"(?<=列席|代行)人大|(?<![\u4e00-\u9fff])人大(?=会议|开幕|闭幕|职权|在\d)"
        r"|(?<![省市区县州旗盟乡镇国])人大(?=[一二三四五六七八九十]{1,3}届[一二三四五六七八九十]{1,3}次(?:全体)?会议)"
    )
)


def _bare_congress(text: str, spans: list[Span]) -> list[Span]:
    taken = _covered(text, (s for s in spans if s.label == "ORG"))
    return [
        _span(text, m.start(), m.end(), "ORG", "entity.org_bare_congress", 0.55)
        for m in finditer_near(_BARE_CONGRESS_RE, text)
        if not any(taken[m.start() : m.end()])
    ]


# 住某市政协委员, 住县省、市政协委员: members residing in a county who sit on a higher level's CPPCC; the body is
# the (nearer) level's CPPCC, as 省市政协 names 市政协 (RULINGS: 住桃省、市政协).
_RESIDENT_MEMBERS_RE = scanning(re.compile(r"住[\u4e00-\u9fff]{0,2}?(?:[省市州][、,，]?)?([省市州]政协)(?=委员)"))


def _resident_members_body(text: str, spans: list[Span]) -> list[Span]:
    """住棉市政协委员: the CPPCC the residing members sit on (orgkinds), where no ORG covers it yet."""
    taken = _covered(text, (s for s in spans if s.label == "ORG"))
    return [
        _span(text, m.start(1), m.end(1), "ORG", "entity.org_resident_members", 0.55)
        for m in _RESIDENT_MEMBERS_RE.finditer(text)
        if not any(taken[m.start(1) : m.end(1)])
    ]


# 走访牧户某某家, 农户某某家中: a household visited is named by its head between the household word and 家; 记者某某摄:
# a photographer is named between 记者 and the credit's 摄. The name is a transliterated one (syllables of no word) or
# a surname and one or two characters that make no word.
_HOUSEHOLD_NAME_RE = re.compile(
    rf"(?:牧户|农户|牧民|村民|脱贫户|贫困户|困难户|低保户|五保户)([{_CJK}]{{2,6}}?)家(?![庭族属长乡园门人])"
)
_PHOTO_CREDIT_NAME_RE = re.compile(rf"记者([{_CJK}]{{2,6}}?)摄(?![影像制])")


def _household_and_credit_names(text: str, spans: list[Span], st: dict[str, Any]) -> list[Span]:
    """``spans`` with the names its frames hold; a place or a shorter name inside one (贡嘎 of 贡嘎次仁) gives way."""
    if "家" not in text and "摄" not in text:
        return spans
    out: list[Span] = []
    dropped: set[int] = set()
    freq = st["tokenizer"].FREQ
    for rx in (_HOUSEHOLD_NAME_RE, _PHOTO_CREDIT_NAME_RE):
        for m in rx.finditer(text):
            a, b = m.span(1)
            name = m.group(1)
            inside = [k for k, s in enumerate(spans) if s.start < b and a < s.end]
            if any(
                not (spans[k].label in ("GPE", "PERSON") and a <= spans[k].start and spans[k].end <= b) for k in inside
            ):
                continue
            if _syllables_only(name, st) or (
                len(name) <= 3 and _has_surname(name) and (not freq.get(name) or name in st["proper"])
            ):
                out.append(_span(text, a, b, "PERSON", "entity.person_household_or_credit", 0.55))
                dropped.update(inside)
    return [s for k, s in enumerate(spans) if k not in dropped] + out


# 某某摄影报道 (a credit line), 记者甲、乙报道:, (某某县政协某某供稿): a story's closing credit runs its last name on
# into the credit's verb (RULINGS: a credit's names running on into 报道/摄影 are split). The name stands where a
# credit's name stands: at a line's start or after an opening bracket, after another name of the credit and its 、,
# or right after the body that sent the story; the verb closes the credit (摄影报道; 报道 before a colon, a closing
# bracket or the line's end; 供稿 before a closing bracket or the line's end).
_CREDIT_VERB_RE = scanning(re.compile(r"摄影报道|报道(?=[:：)）]|[ \t]*$)|供稿(?=[)）]|[ \t]*$)", re.MULTILINE))
_CREDIT_VERB_NAME_RE = re.compile(rf"[{_CJK}]{{2,3}}")


def _credit_verb_names(text: str, spans: list[Span], st: dict[str, Any]) -> list[Span]:
    """``spans`` with the names a credit runs on into its verb (柯雪摄影报道, 记者甲、柯雪报道:, 某某县政协柯雪供稿);
    a name read through the verb (柯雪报道) gives way."""
    if "报道" not in text and "供稿" not in text:
        return spans
    person_ends = {s.end for s in spans if s.label == "PERSON"}
    org_ends = {s.end for s in spans if s.label == "ORG"}
    freq = st["tokenizer"].FREQ
    out: list[Span] = []
    dropped: set[int] = set()
    for m in _CREDIT_VERB_RE.finditer(text):
        b = m.start()
        for a in (b - 3, b - 2):
            if a < 0 or not _CREDIT_VERB_NAME_RE.fullmatch(text, a, b):
                continue
            inside = [k for k, s in enumerate(spans) if s.start < b and a < s.end]
            if any(not (spans[k].label == "PERSON" and spans[k].start == a and b < spans[k].end) for k in inside):
                continue
            before = text[a - 1] if a else "\n"
            if not (before in "\n(（" or (before == "、" and a - 1 in person_ends) or a in org_ends):
                continue
            name = text[a:b]
            if _has_surname(name) and (not freq.get(name) or name in st["proper"]):
                out.append(_span(text, a, b, "PERSON", "entity.person_credit_verb", 0.55))
                dropped.update(inside)
                break
    return [s for k, s in enumerate(spans) if k not in dropped] + out


_CCP_RE = re.compile(r"中共|中国共产党")
# 中共地下党, 中共组织领导下: the Party's short name before its underground or its organisation, one body.
_CCP_AFTER = ("领导", "地下", "组织")
# 国民党反动派, 国民党政府, 国民党员, 中国国民党: the Kuomintang by its name is one body wherever it stands (RULINGS:
# a party before 员 is ORG), unless the Revolutionary Committee's name holds it (中国国民党革命委员会).
_KMT_RE = scanning(re.compile(r"(?:中国)?国民党(?!革命委员会|革命委员\n)"))


# 中央政协工作会议, 中央经济工作会议: the Party Centre convening a conference of a field, named in it (RULINGS: a body
# inside an event's name, as 中央代表团 gives 中央); not the tail of 中共中央 or 党中央.
# 中央经济工作会议, 中央新疆工作座谈会 (wave9b): the Centre inside an unnumbered work conference's or forum's name.
_CENTRE_CONFERENCE_RE = scanning(re.compile(rf"(?<![共党])中央(?=[{_CJK}]{{1,6}}?工作(?:会议|座谈会))"))


def _centre_conferences(text: str) -> list[Span]:
    return [
        _span(text, m.start(), m.end(), "ORG", "entity.org_centre", 0.75) for m in _CENTRE_CONFERENCE_RE.finditer(text)
    ]


def _party_before_session(text: str, spans: list[Span]) -> list[Span]:
    """中共 + 十一届三中全会, 中共领导的多党合作: the Communist Party's short name written bare is one body (v1.1:
    the body before a MEETING is an ORG of its own), unless a longer name holds it (中共中央, 中共X市委)."""
    covered = _covered(text, (s for s in spans if s.label != "MEETING"))
    meeting_starts = {s.start for s in spans if s.label == "MEETING"}
    out = []
    for m in _CCP_RE.finditer(text):
        if any(covered[m.start() : m.end()]):
            continue
        if m.end() in meeting_starts or text.startswith(_CCP_AFTER, m.end()):
            out.append(_span(text, m.start(), m.end(), "ORG", "entity.org_ccp", 0.8))
    out += [_span(text, *m.span(), "ORG", "entity.org_kmt", 0.75) for m in finditer_near(_KMT_RE, text)]
    return out


# Credits (作者:郑雅文, 后援:阎晓阳, 审核:肖丽华) and a news agency's dateline or credit
# (中评社北京3月3日电, （中评社报道组）, （中评社 徐梦溪摄）, 各界新闻网讯).
_CREDIT_LINE_RE = scanning(
    re.compile(
        rf"(?:(?<![{_CJK}])(?:作者|后援|审核|审校|终审|初审|监制|责编|责任编辑|编辑|校对|撰稿|摄影|供稿|(?:稿件|文章|信息)?来源"
        # 设计:某某, 排版:某某, 视频上传:某某: the other roles of a page's credit lines.
        r"|设计|文字|排版|美编|策划|统筹|制作|视频上传)"
        # 编辑:某某审核人:某某, (撰稿人:某某审稿人:某某): a checker's, writer's or chief editor's role, its own word
        # even glued to the name before it.
        r"|审核人|审稿人|撰稿人|编审)"
        # 来源:某某都市报 作者:某某 (normalization glues them: 来源:某某都市报作者:某某): the next role of the line
        # ends the name as the line's end does, and so does the page's counter (阅读次数:, 浏览次数:).
        rf"[ \u3000]*[:：][ \u3000]*([{_CJK}]{{2,16}})"
        rf"(?=[ \u3000\t]*(?:$|[)）|/／]|(?:作者|责任编辑|编辑|记者|通讯员|摄影|校对|审核人?|审稿人?|撰稿人|编审"
        r"|阅读次数|浏览次数|点击数)[ \u3000]*[:：]))",
        re.MULTILINE,
    )
)
_CREDIT_BODY_END_RE = re.compile(r"(?:委员会|委|办公室|部|厅|局|处|室|办|中心|社|报|网|台|新闻|在线)$")
# 作者: 某甲 某乙, 剪辑:某甲 某乙(02:01): two to four names a credit's role gives, spaced apart, to the line's end or a
# bracket; each is a name where it reads as one (RULINGS, org14).
_CREDIT_NAMES_RE = scanning(
    re.compile(
        # (the role may follow the outlet's name, which normalization glued to it: 某某报作者:; not 工作者:, 读者:)
        rf"(?<![工学读])(?:作者|剪辑|摄影|摄像|编辑|责编|文字|记者|通讯员|图片|视频)[ \u3000]*[:：][ \u3000]*"
        rf"([{_CJK}]{{2,4}}(?:[ \u3000]*[{_CJK}]{{2,4}}){{1,3}})(?=[ \u3000\t]*(?:$|[(（)）|/／]))",
        re.MULTILINE,
    )
)
_SPACED_RUN_RE = re.compile(rf"[{_CJK}]{{2,4}}")


def _credit_name_runs(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The names of a credit's run: its spaced parts, or (normalization joined them: 作者:某甲某乙) three-character
    names one after another, or a two- and a three-character name where only one order gives two surnames."""
    if any(ch in " \u3000" for ch in text[a:b]):
        return [r.span() for r in _SPACED_RUN_RE.finditer(text, a, b)]
    n = b - a
    if n % 3 == 0:
        return [(i, i + 3) for i in range(a, b, 3)]
    if n == 5:
        splits = [[(a, a + 2), (a + 2, b)], [(a, a + 3), (a + 3, b)]]
        good = [sp for sp in splits if all(text[x] in _SURNAMES for x, _y in sp)]
        return good[0] if len(good) == 1 else []
    return []


# 据滨江新闻报道, 转载自青川新闻网, 从光明网获悉: a news outlet named as the source of a report is ORG
# (RULINGS: media outlets are ORG); a generic source (有关新闻, 媒体) and a client app are not.
_OUTLET_SOURCE_RE = re.compile(
    rf"(?:据|转载自|转自|从)((?!有关|相关|媒体|多家|各|本|该|此|上述|网络|网上|境外|外国)[{_CJK}]{{2,6}}?"
    rf"(?:新闻网|新闻|网|日报|晚报|早报|都市报|时报|商报|晨报|电视台|卫视))(?=报道|消息|讯|获悉|了解到|[,，。；;\n]|$)"
)
_AGENCY_RE = re.compile(
    # (after a mirror's Latin tag too: sp20241125中新网北京2月26日电)
    rf"(?:^|(?<=[（(\s|。0-9A-Za-z]))((?![本我该])[{_CJK}]{{1,4}}[社网]|[{_CJK}]{{2,4}}通讯社)"
    rf"(?=[{_CJK}]{{2,4}}(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})月(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})日电"
    # 中新网记者王立摄 (a photo credit), 新华通讯社出品 (the producer's line)
    rf"|报道组|[ \u3000]?(?:记者[ \u3000]?)?[{_CJK}]{{2,4}}摄|出品)",
    re.MULTILINE,
)
# A site's or a paper's lead: 各界新闻网讯, 【香港商报讯】, 今日某县网消息 (not 本报讯: the paper's own).
# (据某某时报消息: 据, "according to", opens the line before the paper, no part of its name.)
_SITE_LEAD_RE = re.compile(rf"^[ \u3000]*[【\[]?((?![本我该据])[{_CJK}]{{2,8}}(?:网|报))(?:讯|首页|消息)", re.MULTILINE)
# 枞阳在线消息: a place's news site named 某某在线 opening a line before its lead (the stem must read as a place,
# so 委员们在线消息互通 is no site).
_ONLINE_SITE_RE = re.compile(
    rf"^[ \u3000]*((?![本我该])([{_CJK}]{{2,6}})在线)(?=[ \u3000]*(?:消息|讯)|[ \u3000]*$)", re.MULTILINE
)
# 红网张家界站5月7日讯, a line 红网张家界站: a site's local station, by the site, a place and 站, opening a line.
_SITE_STATION_RE = re.compile(
    rf"^[ \u3000]*((?![本我该])[{_CJK}]{{1,6}}网[{_CJK}]{{2,6}}?站)(?=[ \u3000]*$|(?:\d{{1,2}}月\d{{1,2}}日)?讯)",
    re.MULTILINE,
)
# There is no CPPCC of Hong Kong or Macau: 澳门政协委员 are Macau's members of another CPPCC.
# Nor a people's congress of its own: 港区人大 are Hong Kong's deputies to the national one.
_SAR_CPPCC_RE = re.compile(r"^(港澳地区|港澳|香港|澳门|港区|澳区)(?:政协|人大)$")
_REGION_CPPCC_RE = re.compile(rf"(([{_CJK}]{{2,4}}?)地区)政协")
_PLURAL_PARTIES_RE = re.compile(r"(?:各|[两二三四五六七八九]个)(?:民主)?党派$")


# A department written after its body (民进广东省委 + 组织处); a people's congress of a level before its
# members or officers (市人大 + 代表); a Hong Kong or Macau body after its place (香港 + 立法会); an organ
# written after a place without its 局 (内江 + 公安); the CPPCC's own office (政协办公室).
_DEPARTMENT_AFTER_RE = re.compile(
    r"(?:组织|宣传|秘书|联络|研究|参政议政|社会服务|办公|统战|调研|信息|人事|财务|提案|文史|协调|新闻|法律|台务|经济|党派|干部"
    r"|社联)"
    # not 组织部分委员 (组织, a verb, + 部分, part of); 统战部 + 党派科: a department's section (RULINGS, 490–501)
    r"(?:处|部|室|局|科)(?![长任分学技研])"
    # 中联办 + 港岛工作部, 市委 + 农村工作部: an area's or a field's working department (RULINGS, hkmo2); not 工作部署
    rf"|(?![的和与及在对])[{_CJK}]{{2}}工作部(?![长任分门署])"
)
_LEVEL_CONGRESS_RE = scanning(
    re.compile(
        rf"(?<![{_CJK}])([省市县区州]人大)(?=代表|主任|副主任|常委(?!会))|(?<=[、，,和与及])([省市县区州]人大)(?=代表|主任|副主任)"
    )
)
# Bodies of Hong Kong and Macau; the SAR government and the liaison office need no place before
# them (支持特区政府依法施政, 与中联办沟通): each names one body.
_SAR_BODY_RE = scanning(
    re.compile(
        r"(?:香港|澳门)(?:特区|特别行政区)?(?:立法会|行政会议|终审法院|中联办|特区政府|廉政公署)"
        r"|(?<![香港澳门区])(?:特区政府|中联办|立法会(?!议(?!员)))"
    )
)
# Hong Kong's parties by their standing short names (RULINGS, hkmo2): 民建联 is no 民建 (the mainland party) + 联.
_SAR_PARTY_RE = scanning(re.compile("民建联|经民联|新民党"))
_ORGAN_AFTER_PLACE_RE = re.compile(r"(?:公安|法院|检察院|海关|税务|消防|边检)(?![局厅处分])")
_OWN_OFFICE_RE = scanning(
    re.compile(rf"(?:(?<=[以由经向在的驻，,、])|(?<![{_CJK}]))政协办(?:公室|公厅|(?![公理事好法实结成了会文]))")
)


# 玉林市恒达建材有限公司: a place, a trade name and a company's form; 农业银行 + 玉林分行: a bank or a
# company before its branch.
_COMPANY_AFTER_PLACE_RE = re.compile(
    rf"(?:(?![的和与及在是对为从向])[{_CJK}]){{2,10}}?(?:股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司)"
)
_BRANCH_ENDS = ("分行", "支行", "分公司", "营业部")
_PARENT_BEFORE_RE = re.compile(
    rf"(?<![{_CJK}])[{_CJK}]{{2,8}}?(?:银行|公司|集团)$|(?<=[、，,和与及])[{_CJK}]{{2,8}}?(?:银行|公司|集团)$"
)


_UNIT = rf"(?:(?![、，。；和及])[{_CJK}]){{0,16}}?(?:委员会|工作组|办公室|研究室|支社|支部|工委)"
# 下设学习委员会、…; 内设办公室、老龄工作委员会和参政议政工作委员会; 成立科技支社 (RULINGS, 150–167).
_SET_UP_UNITS_RE = re.compile(
    rf"(?<=下设|设有|内设|成立|组建)了?((?:{_UNIT}[、和及])*{_UNIT})(?=[、，,。；;和及等]|$)", re.MULTILINE
)
# Not a named unit: a kind or a count of them (专门委员会, 各工作组, 九个专门委员会); the aspect marker after
# the verb opens no name (成立了四个专门委员会: a count, FIGURE 四个).
_BARE_UNITS = frozenset(("委员会", "工作组", "办公室", "研究室", "支社", "支部", "工委"))
_NOT_A_UNIT_START = ("专门", "各", "若干", "有关", "相关", *"一二两三四五六七八九十几0123456789")


# 走访了某某生态农业发展有限公司, 、某某电梯股份有限公司: a company's legal form closes its name, whatever words the
# trade name and the trade are; the name opens after a mark, a conjunction or a visit's verb and holds no function
# word (a placeholder, a plural or a deictic opening it names no firm).
_LEGAL_FORM_RE = scanning(re.compile("股份有限公司|有限责任公司|有限公司"))
_FIRM_NAME_AFTER = frozenset("、，,。；;：:“”\"'‘’（()）《》【】 \n\t和与及")
_FIRM_LEAD_RE = re.compile(
    r"(?:走访|来到|走进|深入|参观|考察|视察|调研|前往|进入|察看|看望|慰问|创办|创立|成立|兴办|介绍|是|到|在|赴|对|向|由)"
    r"(?:了|到)?"
)
_NOT_A_FIRMS_START = ("某", "各", "该", "本", "我", "全", "有关", "相关", "这", "那", "一家", "多家", "其")
_FIRM_NAME_MAX = 16


# 县人武部、消防大队和武警中队, 某某部队、消防大队、四中队、人武部: units a visit lists beside a unit the rules found
# are the same level's units, named bare (RULINGS, texts 664–675).
_UNIT_ITEM_RE = re.compile(rf"[{_CJK}0-9]{{1,8}}?(?:总队|支队|大队|中队|部队)|[{_CJK}]{{0,6}}?(?:人武部|武装部|派出所)")
_UNIT_ITEM_ENDS = ("总队", "支队", "大队", "中队", "人武部", "武装部", "派出所", "部队")
_LIST_JOINS = "、和及"
_NOT_A_UNIT_ITEM_START = ("各", "全", "该", "本", "我", "有关", "相关", "驻", "广大", "其")


def _units_listed_beside(text: str, spans: list[Span]) -> list[Span]:
    """Bare units (消防大队, 四中队, 人武部) listed with 、, 和 or 及 right beside a unit the rules found are ORG."""
    units = [s for s in spans if s.label == "ORG" and s.text.endswith(_UNIT_ITEM_ENDS)]
    if not units:
        return spans
    out = list(spans)
    taken = _covered(text, (s for s in out if s.label in ("ORG", "PERSON", "GPE")))
    todo = list(units)
    while todo:
        unit = todo.pop()
        for pos, forward in ((unit.end, True), (unit.start, False)):
            if forward:
                if text[pos : pos + 1] not in _LIST_JOINS:
                    continue
                m = _UNIT_ITEM_RE.match(text, pos + 1)
                if m is None or text[m.end() : m.end() + 1] not in _LIST_JOINS + "的等，,。；;":
                    continue
                a, b = m.span()
            else:
                if not pos or text[pos - 1] not in _LIST_JOINS:
                    continue
                head = pos - 1
                a = head
                while a > 0 and head - a < 10 and text[a - 1] not in _LIST_JOINS + "，,。；;：:“”\n 了到入往慰问":
                    a -= 1
                b = head
                m = _UNIT_ITEM_RE.fullmatch(text, a, b)
                if m is None:
                    continue
            if any(taken[a:b]) or text[a:b].startswith(_NOT_A_UNIT_ITEM_START):
                continue
            item = _span(text, a, b, "ORG", "entity.org_unit_listed", 0.55)
            out.append(item)
            todo.append(item)
            for i in range(a, b):
                taken[i] = 1
    return out


# 某某银行某某县支行 … 某某银行可以提供: the bank or company a branch was named under is that body where it stands
# free later (RULINGS: a short name after the full name was given).
_PARENT_IN_BRANCH_RE = re.compile(rf"^[{_CJK}]{{2,8}}?(?:银行|集团|公司)(?=[{_CJK}]{{2,}}(?:分行|支行|分公司|营业部)$)")


def _parents_again(text: str, spans: list[Span]) -> list[Span]:
    """The parent body of a branch the rules found, written bare elsewhere and free of spans, is ORG."""
    parents = {
        m.group()
        for s in spans
        if s.label == "ORG" and s.text.endswith(_BRANCH_ENDS) and (m := _PARENT_IN_BRANCH_RE.match(s.text))
    }
    if not parents:
        return spans
    taken = _covered(text, spans)
    out = list(spans)
    for name in parents:
        i = text.find(name)
        while i >= 0:
            j = i + len(name)
            if not any(taken[i:j]) and not (i and _is_cjk(text[i - 1]) and text[i - 1] not in _FUNCTION_BEFORE):
                out.append(_span(text, i, j, "ORG", "entity.org_parent_again", 0.55))
                taken[i:j] = b"\1" * len(name)
            i = text.find(name, j)
    return out


def _firms_by_form(text: str, spans: list[Span], st: dict[str, Any]) -> list[Span]:
    """Companies named by their legal form (有限公司, 股份有限公司, 有限责任公司) that no rule found whole: the
    name runs back from the form to a mark or a conjunction (at most sixteen characters), a visit's verb or a
    preposition in it ends the clause before the name, and no function word of two characters (or 的, 了) stands
    inside it. A name cut at a bracket (某某(天门)…有限公司) is left to the rules that read the bracket."""
    if "有限" not in text:
        return spans
    out = list(spans)
    for m in _LEGAL_FORM_RE.finditer(text):
        lo = max(0, m.start() - _FIRM_NAME_MAX)
        start = m.start()
        while start > lo and text[start - 1] not in _FIRM_NAME_AFTER:
            start -= 1
        if (start == lo and lo and text[lo - 1] not in _FIRM_NAME_AFTER) or (start and text[start - 1] in ")）"):
            continue  # no mark within reach (a clause, not a name), or a bracket inside the name
        for lead in _FIRM_LEAD_RE.finditer(text, start, m.start()):
            start = lead.end()  # 委员们来到 + 某某电梯股份有限公司: the last verb or preposition ends the clause
        name = text[start : m.start()]
        if len(name) < 2 or name.startswith(_NOT_A_FIRMS_START) or "某" in name or not _CJK_ONLY_RE.fullmatch(name):
            continue  # 淄博某科技有限公司: a placeholder anywhere in the name names no firm (its place stays a GPE)
        words = st["segmenter"].words(name)
        if any(w in st["function_words"] and (len(w) >= 2 or w in "的了") for w in words):
            continue
        if any(s.label == "ORG" and s.start < m.end() and m.start() < s.end and s.start <= start for s in out):
            continue  # a rule found the firm whole, or a longer body holds it
        out = [s for s in out if not (s.label in ("GPE", "ORG") and start <= s.start and s.end <= m.end())]
        out.append(_span(text, start, m.end(), "ORG", "entity.org_firm_form", 0.6))
    return out


def _more_bodies(text: str, spans: list[Span]) -> list[Span]:
    """The body forms above, over the spans found (a body replaces the place it starts with)."""
    out = list(spans)
    by_end = {s.end: s for s in out if s.label == "ORG"}
    for end, org in list(by_end.items()):
        m = _DEPARTMENT_AFTER_RE.match(text, end)
        # 中联办协调部, 国台办新闻局 too; 统战部党派科: a department's section
        if m and (text[end - 1] in "委会办" or (org.text.endswith("部") and m.group().endswith("科"))):
            out.remove(org)
            out.append(_span(text, org.start, m.end(), "ORG", org.rule, org.confidence))
    for span in [s for s in out if s.label == "GPE"]:
        m = _COMPANY_AFTER_PLACE_RE.match(text, span.end)
        if m and m.group().startswith("某"):
            continue  # 某市某科技有限公司: a firm named with a placeholder is no body; its place stays
        if m and not any(s.label == "ORG" and s.start < m.end() and span.start < s.end for s in out):
            out.remove(span)
            out.append(_span(text, span.start, m.end(), "ORG", "entity.org_company", 0.6))
    for span in [s for s in out if s.label == "ORG" and s.text.endswith(_BRANCH_ENDS)]:
        m = _PARENT_BEFORE_RE.search(text, max(0, span.start - 12), span.start)
        if m and not any(s.label == "ORG" and s.start < span.start and m.start() < s.end for s in out if s is not span):
            out.remove(span)
            out.append(_span(text, m.start(), span.end, "ORG", span.rule, span.confidence))
    for span in [s for s in out if s.label == "GPE"]:
        m = _ORGAN_AFTER_PLACE_RE.match(text, span.end)
        if m and not any(s.label == "ORG" and s.start <= span.start < s.end for s in out):
            out.remove(span)
            out.append(_span(text, span.start, m.end(), "ORG", "entity.org_place_organ", 0.6))
    parties = [m.span() for m in _SAR_PARTY_RE.finditer(text)]
    if parties:
        out = [s for s in out if not (s.label == "ORG" and any(a <= s.start and s.end < b for a, b in parties))]
    taken = _covered(text, (span for span in out if span.label == "ORG"))
    found = [(m.start(), m.end()) for m in (*_SAR_BODY_RE.finditer(text), *_OWN_OFFICE_RE.finditer(text))]
    found += parties
    found += [m.span(1) if m.group(1) else m.span(2) for m in _LEVEL_CONGRESS_RE.finditer(text)]
    for m in _SET_UP_UNITS_RE.finditer(text):
        # 第一届委员会下设学习委员会、协助…改造委员会: each committee a body sets up is named
        # (a bare 办公室 or 委员会 names a kind of unit, not one).
        pos = m.start(1)
        for item in re.split("[、和及]", m.group(1)):
            if not item.startswith(_NOT_A_UNIT_START) and item not in _BARE_UNITS:
                found.append((pos, pos + len(item)))
            pos += len(item) + 1
    for a, b in found:
        if any(taken[a:b]):
            continue
        dept = _DEPARTMENT_AFTER_RE.match(text, b)
        if dept and text[b - 1] == "办":
            b = dept.end()  # 中联办协调部: the office's department is one chain with it
        out = [s for s in out if not (s.label == "GPE" and a <= s.start < b)]
        out.append(_span(text, a, b, "ORG", "entity.org_more", 0.6))
    return out


def _across_line_break(text: str, span: Span, st: dict[str, Any]) -> Span:
    """副主席王⏎明华主持: a name a PDF line break cut after its surname is one span across the break.

    A name found at the start of a line takes in the surname that ends the line before, where that
    surname stands after a post or a separator and the whole reads as a name.
    """
    a = span.start
    if a < 2 or text[a - 1] != "\n" or len(span.text) > 3:
        return span
    surname = text[a - 2]
    joined = surname + span.text
    if not ("\u4e00" <= surname <= "\u9fff") or not _plausible_name(joined, 0, len(joined), st):
        return span
    if len(joined) > 3 and joined[:2] not in _COMPOUND_SURNAMES:
        return span
    before = a - 2
    if text[before - 1 : before] in _ITEM_BOUNDARY or text.endswith(_POSTS_TUPLE, 0, before):
        return _span(text, before, span.end, "PERSON", span.rule, span.confidence)
    return span


_ITEM_BOUNDARY = frozenset("，,、；;：:（(\n 　\t")


_POST_NEAR_RE = re.compile(r"(?:主席|主任|书记|部长|秘书长|委员|代表|记者|会长|长)[\u4e00-\u9fff]{1,3}$")


_CUE_NEAR_RE = re.compile(rf"[{_CJK}]{{0,2}}(?:主委|主席|委员|代表|书记|讲话|主持|同志|发言|致辞)")


def _names_across_breaks(text: str, spans: list[Span], st: dict[str, Any]) -> list[Span]:
    """副主席张⏎建华主持, 刘⏎君主委: a name a hard line break cuts after its post or before its post or verb, read
    as if the line went on."""
    # Only breaks a post stands right before (副主席张⏎建华) are read through.
    breaks = {
        m.start()
        for m in _INNER_BREAK_RE.finditer(text)
        if _POST_NEAR_RE.search(text, max(0, m.start() - 9), m.start())
    }
    out: list[Span] = []
    if breaks:
        keep, compact = _compacted(text, breaks)
        for s in _names_after_posts(compact, st):
            start, end = keep[s.start], keep[s.end - 1] + 1
            if "\n" in text[start:end] and not any(x.start < end and start < x.end for x in spans + out):
                out.append(_span(text, start, end, "PERSON", "entity.person_across_break", 0.55))
    # 刘⏎君主委代表…: a name cut before its post or verb, read with the break closed.
    before = {m.start() for m in _INNER_BREAK_RE.finditer(text) if _CUE_NEAR_RE.match(text, m.end() + 1)}
    if before:
        keep, compact = _compacted(text, before)
        for s in _names_before_cues(compact, st, _tokens(compact, st)):
            start, end = keep[s.start], keep[s.end - 1] + 1
            if "\n" in text[start:end] and not any(x.start < end and start < x.end for x in spans + out):
                out.append(_span(text, start, end, "PERSON", "entity.person_across_break", 0.55))
    return out


_LIST_SEPARATORS = "、，,"
_COMMA_ITEM_RE = re.compile(rf"[{_CJK}]{{2,3}}(?=[{_LIST_SEPARATORS}。；;\n]|$)")


def _names_between_commas(text: str, spans: list[Span], st: dict[str, Any]) -> list[Span]:
    """孙某、汤某、彭某,韦某,龙某、潘某: an item of a list of names that a comma, not a 、, sets off.

    An item of a name's shape (a common surname, two or three characters) is a name where a comma sets it off
    from a name before it and a separator from a name after it (or from a post and a name: ,老领导叶某). Found
    names count as neighbours in turn. The stretch's first item counts too where a boundary stands before it
    and a comma, then a 、-list of names, after it (蒋某,贾某、陈某).
    """
    names = {s.start: s.end for s in spans if s.label == "PERSON"}
    taken = [(s.start, s.end) for s in spans if s.label != "PERSON"]
    out: list[Span] = []
    changed = True
    while changed:
        changed = False
        for end in sorted(set(names.values())):
            start = end + 1
            if (
                end >= len(text)
                or text[end] not in ",，"
                or start in names
                or text[start : start + 1] not in _COMMON_SURNAMES
            ):
                continue
            m = _COMMA_ITEM_RE.match(text, start)
            if m is None or any(a < m.end() and start < b for a, b in taken):
                continue
            if _plausible_name(text, start, m.end(), st) and _name_follows(text, m.end(), names):
                names[start] = m.end()
                out.append(_span(text, start, m.end(), "PERSON", "entity.person_comma_list", 0.55))
                changed = True
    for start, stop in sorted(names.items()):
        if start < 2 or text[start - 1] not in ",，" or text[stop : stop + 1] != "、" or stop + 1 not in names:
            continue
        first = start - 1
        for n in (3, 2):
            a = first - n
            if a < 0 or (a > 0 and text[a - 1] not in "\n。；;：:") or a in names:
                continue
            if text[a] in _COMMON_SURNAMES and _plausible_name(text, a, first, st):
                if not any(x < first and a < y for x, y in taken):
                    out.append(_span(text, a, first, "PERSON", "entity.person_comma_list", 0.55))
                    names[a] = first
                break
    return out


def _name_follows(text: str, at: int, names: dict[int, int]) -> bool:
    """Whether a separator at ``at`` is followed by a name, straight or after a post of up to four characters."""
    if at >= len(text) or text[at] not in _LIST_SEPARATORS:
        return False
    return any(
        at + 1 + k in names and not any(ch in _NOT_IN_ITEM for ch in text[at + 1 : at + 1 + k]) for k in range(5)
    )


# 林某某陈某某等出席 (a headline): names run together before 等 and the attending verb, three characters each.
_RUN_TOGETHER_RE = re.compile(rf"(?:^|(?<=[\n。]))((?:[{_CJK}]{{3}}){{2,4}})等人?(?:出席|参加|到会|莅临|主礼)")


def _run_together_names(text: str, spans: list[Span], st: dict[str, Any]) -> list[Span]:
    """The names of a stretch of two to four three-character names run together before 等 and a verb of attending."""
    have = {(s.start, s.end) for s in spans if s.label == "PERSON"}
    out: list[Span] = []
    for m in finditer_near(_RUN_TOGETHER_RE, text):
        parts = [(a, a + 3) for a in range(m.start(1), m.end(1), 3)]
        if all(text[a] in _COMMON_SURNAMES and _plausible_name(text, a, b, st) for a, b in parts):
            out += [
                _span(text, a, b, "PERSON", "entity.person_run_together", 0.5) for a, b in parts if (a, b) not in have
            ]
    return out


# 副主席(9)李某某王某某张某, 、陈某某梁某某夏某某(女)、: names run together with no mark, as an encyclopedia's mirror
# gives a list whose links lost their separators: after a post that opens a line or a table cell (its count in
# brackets, a footnote mark) to the line's or the cell's end, or as an item of a 、 list closed by a bracketed note
# (an ethnic group, 女), a stretch of CJK that reads as names only, none holding a post (RULINGS, wave8b).
# (after a post: _RUN_AFTER_POST_RE, defined after the posts' pattern _POST_RE further down)
_RUN_IN_LIST_RE = re.compile(rf"、([{_CJK}]{{4,40}})(?=[(（])")
_RUN_PARTS_CAP = 4
# 文字:吕某刘某, 制作:农某某冯某, 记者文/图祁某某赵某), 本报讯(王某某祝某某): names run together in a credit, after
# its role word (its colon, its space), or in a lead's bracketed byline, to the credit's end (a line's end, a bracket,
# a cell's bar); not where a dateline's or a photo's verb ends it (记者傅某某电, 记者某某摄: one name, then the verb).
_RUN_IN_CREDIT_RE = scanning(
    re.compile(
        rf"(?:记者|通讯员|文[/／]图|图[/／]文|文字|制作|作者|编辑|摄影|撰稿人?|审稿人?|审核|责编|上传|(?<=[讯电])[(（])"
        rf"[ \t:：]*([{_CJK}]{{4,9}})(?<![电摄])(?=[ \t]*(?:[)）】|\n]|$))"
    )
)


def _name_partitions(text: str, start: int, end: int, st: dict[str, Any]) -> list[list[tuple[int, int]]]:
    """The ways ``text[start:end]`` reads as names of two or three characters, each a surname and a name's shape
    (at most a few: a stretch that reads many ways is no list)."""
    memo: dict[int, list[list[tuple[int, int]]]] = {}

    def read(at: int) -> list[list[tuple[int, int]]]:
        if at == end:
            return [[]]
        if at not in memo:
            found: list[list[tuple[int, int]]] = []
            for n in (3, 2):
                if (
                    at + n <= end
                    and text[at] in _SURNAMES
                    and _plausible_name(text, at, at + n, st)
                    and _POST_RE.search(text, at, at + n) is None  # 王某任团长: a post, no name
                ):
                    found += [[(at, at + n), *rest] for rest in read(at + n)]
            memo[at] = found[:_RUN_PARTS_CAP]
        return memo[at]

    return read(start)


def _names_run_together(text: str, spans: list[Span], st: dict[str, Any]) -> list[Span]:
    """The names of a stretch run together after a post or as one item of a 、 list; where the stretch reads
    more than one way, the names every reading holds."""
    runs = [m.span(1) for m in _RUN_AFTER_POST_RE.finditer(text)]
    runs += [m.span(1) for m in _RUN_IN_LIST_RE.finditer(text)]
    runs += [m.span(1) for m in _RUN_IN_CREDIT_RE.finditer(text)]
    if not runs:
        return spans
    out = spans
    for a, b in sorted(set(runs)):
        if any(s.label != "PERSON" and s.start < b and a < s.end for s in out):
            continue  # 副主席 + 市政协某某: a body or a place in the stretch, no run of names
        readings = _name_partitions(text, a, b, st)
        if not readings or len(readings) >= _RUN_PARTS_CAP or min(len(r) for r in readings) < 2:
            continue
        agreed = set(readings[0]).intersection(*readings[1:])
        if not agreed:
            continue
        out = [s for s in out if not (s.label == "PERSON" and s.start < b and a < s.end)]
        out += [_span(text, i, j, "PERSON", "entity.person_run_together", 0.55) for i, j in sorted(agreed)]
    return out


def _without_word_before(text: str, span: Span, st: dict[str, Any]) -> Span:
    """由骆某某、…: a four-character PERSON (no compound surname) whose first character is a preposition or
    function word and whose last three are a name is that name."""
    if span.label != "PERSON" or len(span.text) != 4 or span.text[:2] in _COMPOUND_SURNAMES:
        return span
    if span.text[0] not in st["particles"] and span.text[0] not in st["function_words"]:
        return span
    if span.text[0] in _SURNAMES and place_table().surnames.get(span.text[0], 0.0) >= _RARE_SURNAME_SHARE:
        return span
    if not _plausible_name(text, span.start + 1, span.end, st):
        return span
    return _span(text, span.start + 1, span.end, "PERSON", span.rule, span.confidence)


# What bounds an item of a list or a table cell: a list mark, a cell's bar, a space, a line's end.
_ITEM_BOUND = frozenset("、，,；;|｜ \t\n")


def _split_run_names(text: str, spans: list[Span], st: dict[str, Any]) -> list[Span]:
    """徐某某李某某 as one item of a 、 list or a table cell (the cell's rows run together once its line breaks
    are gone): a PERSON of six characters whose halves are each a surname and two characters, each a plausible
    name, is two names; one of four characters whose halves are the same name (a cell repeating a name row
    after row) is that name twice. A four-character name of two other halves (陈黄某某) stays whole."""
    out: list[Span] = []
    for s in spans:
        whole = s.label == "PERSON" and (s.start == 0 or text[s.start - 1] in _ITEM_BOUND)
        whole = whole and (s.end == len(text) or text[s.end] in _ITEM_BOUND)
        n = len(s.text)
        if whole and n == 6 and all(_plausible_name(text, a, a + 3, st) for a in (s.start, s.start + 3)):
            halves = [(s.start, s.start + 3), (s.start + 3, s.end)]
        elif whole and n == 4 and s.text[:2] == s.text[2:] and _plausible_name(text, s.start, s.start + 2, st):
            halves = [(s.start, s.start + 2), (s.start + 2, s.end)]
        else:
            out.append(s)
            continue
        out += [_span(text, a, b, "PERSON", "entity.person_run_split", s.confidence) for a, b in halves]
    return out


def _names_listed_before(text: str, spans: list[Span], st: dict[str, Any]) -> list[Span]:
    """朱少儿、符勇副主委 / 市委统战部何洁、胡俊亮列席: the names listed before a name the rules found.

    Each item before a 、 is a name where it has a name's shape and stands after a separator,
    a post or a body the rules found (市委统战部 | 何洁).
    """
    names = sorted((s for s in spans if s.label == "PERSON"), key=lambda s: s.start)
    ends = {s.end for s in spans if s.label in ("ORG", "GPE")}
    starts = {s.start for s in names}
    named_ends = {s.end for s in names}
    out: list[Span] = []
    for span in names:
        start = span.start
        while start >= 3 and text[start - 1] == "、":
            j = start - 1
            if j in named_ends:
                break  # the item before is a name already (尤某尤某 read as the same name twice): not re-cut
            item = next(
                (
                    j - n
                    for n in (3, 2)
                    if j - n >= 0
                    and (
                        text[j - n - 1 : j - n] in _ITEM_BOUNDARY
                        or j - n in ends
                        or text.endswith(_POSTS_TUPLE, 0, j - n)
                        or _boundary_before(text, j - n, st)
                    )
                    and _plausible_name(text, j - n, j, st)
                    and not _starts_inside_word(text, j - n, st)
                    and not _preposition_opens(text, j - n, j, st)
                ),
                None,
            )
            if item is None or item in starts:
                break
            starts.add(item)
            out.append(_span(text, item, j, "PERSON", "entity.person_listed_before", 0.6))
            start = item
    return out


_POST_QUALIFIERS = frozenset("原前副代常总执名老新首")


def _names_after_bodies(text: str, spans: list[Span], st: dict[str, Any]) -> list[Span]:
    """市政协林某秘书长, 县委王某书记: a name written between a body the rules found and its post is a PERSON."""
    taken = _covered(text, (s for s in spans if s.label != "ORG"))
    out = []
    for e in sorted({s.end for s in spans if s.label == "ORG"}):
        for n in (3, 2):
            if e + n > len(text) or any(taken[e : e + n]) or text[e] not in _SURNAMES:
                continue
            if any(ch in _POST_QUALIFIERS for ch in text[e : e + n]):
                continue  # 市政协原副主席: 原 and 副 qualify the post, no name
            if _POST_AFTER_NAME_RE.match(text, e + n) and _plausible_name(text, e, e + n, st):
                out.append(_span(text, e, e + n, "PERSON", "entity.person_after_body", 0.6))
                break
    return out


# Prepositions that open a clause before the people it is about (,向某某、某某表示祝贺; ,由某某、某某组成).
_CLAUSE_PREPOSITIONS = frozenset("向由对把将与同给为请经让")


def _preposition_opens(text: str, a: int, b: int, st: dict[str, Any]) -> bool:
    """,向程某、…: a three-character item at a clause's start whose first character is a preposition (also a
    surname) and whose last two read as a name is the preposition and a two-character name."""
    return (
        b - a == 3
        and text[a] in _CLAUSE_PREPOSITIONS
        and text[a - 1 : a] in ("，", ",", "；", ";", "。", "")
        and _plausible_name(text, a + 1, b, st)
    )


# 社市委, 社省委, 社中央 (九三学社), 盟省委 (台盟): a party's own one-character short form before its organ,
# where the text names the party (RULINGS, texts 150–167).
_SHORT_PARTY_NAMES = {"社": ("九三",), "盟": ("台盟", "台湾民主自治同盟")}
_SHORT_PARTY_ORGAN_RE = re.compile(rf"(?:[{_CJK}]{{1,6}}?[省市县区])?委会?|[省市县区]委会?|中央")


def _names_not_places(text: str, spans: list[Span], st: dict[str, Any]) -> list[Span]:
    """Names that a place's name was read in.

    - 王君、巴特尔、…、乌兰、李鹏新: an item of a list of names is a name, though a county bears it too.
    - 李君豪、林龙安则由…, 证书,林德兴既欣喜: a surname standing alone as an item's start, then a
      county's bare two-character name, then the item's end or a function word: a given name; a
      closing bracket ends such an item too (【编辑:孟宜君】).
    - 重庆出版集团, 香港中通社, (视觉中国/图): a place opening a company's or a media outlet's name is
      part of that name, no GPE (``places.opens_body_name``); so is one opening a medical advertisement
      (浙江治疗白癜风疗效最好医院, ``places.in_advert``), and the country of the 一个中国 formula.
    """
    listed = {(s.start, s.end) for s in spans if s.rule == "entity.person_list"}
    persons = {(s.start, s.end) for s in spans if s.label == "PERSON"}
    out = []
    for s in spans:
        if s.label == "GPE" and (
            (s.start, s.end) in listed
            or _LEVELS_PLURAL_RE.fullmatch(s.text)
            or _PARTY_BEFORE_PLACE_RE.search(text, max(0, s.start - 10), s.start) is not None
            or (text[s.start - 1 : s.start] in ("社", "盟") and _TERM_AFTER_PLACE_RE.match(text, s.end) is not None)
            or _CONGRESS_AFTER_PLACE_RE.match(text, s.end) is not None
            or opens_body_name(text, s.start, s.end)
            or in_advert(text, s.end)
            or in_one_country_formula(text, s.start, s.end)
            or _opens_unit_name(text, s.end, st)
            or _VILLAGE_COMMITTEE_AFTER_RE.match(text, s.end) is not None
            or _BODY_LEAD_BEFORE_PLACE_RE.search(text, max(0, s.start - 8), s.start) is not None
        ):
            continue
        if s.label == "GPE" and _name_read_as_place(text, s, st):
            if not any(a <= s.start and s.end <= b for a, b in persons):
                out.append(_span(text, s.start, s.end, "PERSON", "entity.person_suffix_name", 0.55))
            continue
        a = s.start - 1
        if (
            s.label == "GPE"
            and len(s.text) == 2
            and a >= 0
            and text[a] in _COMMON_SURNAMES
            and (
                a == 0
                or text[a - 1] in _ITEM_BOUNDARY
                or text[a - 1] in "。！？!?"
                or text.endswith(_POSTS_TUPLE, 0, a)
            )
            and (
                s.end == len(text)
                or text[s.end] in _ITEM_BOUNDARY
                or text[s.end] in _GIVEN_NAME_AFTER_PLACE
                or _SPEECH_AFTER_RE.match(text, s.end) is not None
            )
            and _plausible_name(text, a, s.end, st, rare=_RARE_AFTER_POST)
        ):
            if (a, s.end) not in persons:
                out.append(_span(text, a, s.end, "PERSON", "entity.person_place_given_name", 0.55))
            continue
        out.append(s)
    return out


# 九三学社舟山市第一届委员会, 民革北京市东城区…委员会: a place right after a party's name is its local
# organization's (RULINGS: one ORG with it).
_PARTY_BEFORE_PLACE_RE = re.compile("(?:民革|民盟|民建|民进|农工党|致公党|九三学社|台盟)$")
# 社成都市第十三届委员会: a party's one-character short form, its place, then its term.
_TERM_AFTER_PLACE_RE = re.compile(rf"{_TERM}")
# 中华人民共和国第十三届全国人民代表大会: a congress named with its place and term is one ORG (RULINGS).
_CONGRESS_AFTER_PLACE_RE = re.compile(rf"{_TERM}(?:全国)?人民代表大会(?!代表)")
# 各省市: a plural of levels names no place.
_LEVELS_PLURAL_RE = re.compile("各[省市县区州镇乡村]+")
# 主任廖京山讲解: a speech verb after a post's name.
_SPEECH_AFTER_RE = re.compile("讲|说|指出|介绍|主持|表示|强调|致辞|发言|宣读|通报|希望|要求|认为|充分肯定|肯定")
# After a name, a character that opens the rest of the clause: 林德兴既欣喜, 林龙安则由.
_GIVEN_NAME_AFTER = frozenset("。既则也还就都又便即等和与及")
# A place read in a given name ends where such a name can: also before a closing bracket (【编辑:孟宜君】).
_GIVEN_NAME_AFTER_PLACE = _GIVEN_NAME_AFTER | frozenset("】)）」』]")

# 兰州警备区, 甘肃陆军预备役高射炮师, 岳阳经济日报, 襄阳广播电台, 临沂市地震台, 舟山航海(水产)学校: a place
# opening the name of an army unit, a news outlet, a station, a school or a hospital is part of that name
# (RULINGS: such bodies are ORG; the place inside an ORG is no GPE), found by the head's kind even where no ORG
# rule names the body. Up to eight characters of the unit's own name may stand between, none of them a
# function word or a mark; a military unit's 师/旅/团 counts only after an arm of the forces (陆军, 预备役,
# 武警, 炮, 兵), so 宜昌教师 keeps its place.
_UNIT_AFTER_PLACE_RE = re.compile(
    rf"(?:(?![的和与及在是对为从向到赴等各全本该])[{_CJK}()（）]){{0,8}}?"
    r"(?:警备区|军分区|卫戍区|(?:陆军|海军|空军|预备役|武警|炮|兵)[\u4e00-\u9fff]{0,6}?(?:师|旅|团|总队|支队|大队)(?![长生])"
    r"|日报|晚报|早报|商报|报社|电视台|广播电台|电台|广播电视台|融媒体中心|地震台|气象台|水文站)"
    # 舟山航海(水产)学校, 太浮镇中心幼儿园: a school or a hospital named with its place and a name of its own
    # between (not 宜昌学校众多, 中小学, 大学生)
    rf"|(?:(?![的和与及在是对为从向到赴等各全本该])[{_CJK}()（）])(?:(?![的和与及在是对为从向到赴等各全本该])[{_CJK}()（）]){{0,7}}?"
    r"(?<![中小])(?:学校|中学|小学|幼儿园|医院|大学(?![生士])|学院(?![士]))"
)
# 新庄村委, 王家湾社区居委会: a village or a community right before its committee is inside that body's name.
_VILLAGE_COMMITTEE_AFTER_RE = re.compile("(?:村委会?|村民委员会|(?:社区)?居委会|(?:社区)?居民委员会)(?!员)")
# 政协兰州市十⏎一届委员会, 中共山西省、太原市第十次代表大会: a place right after the CPPCC's or the Party's name
# opens that body's local name (RULINGS: 政协岳阳市 is one ORG), though a break or a coordination keeps the rules
# from finding its end; not after a level's short name for its CPPCC (全国政协香港委员, 省政协港澳委员: the
# members' place).
_BODY_LEAD_BEFORE_PLACE_RE = re.compile("(?:(?<![国省市县区州旗盟])政协|中国人民政治协商会议|中共|中国共产党)$")
# 张兆旗受…委托, 刘建州代表主席团作…说明, 陈志区在会上讲话: what a person does, right after the name.
_PERSON_ACT_AFTER_RE = re.compile(
    rf"受[{_CJK}\n]{{2,40}}?委托|代表(?!团|大会|会议|委员|处)|(?:在[{_CJK}]{{1,6}}?)?(?:{_SPEECH_AFTER_RE.pattern})|作[{_CJK}]{{0,10}}?(?:报告|说明|发言)|当选"
)


def _opens_unit_name(text: str, end: int, st: dict[str, Any]) -> bool:
    """Whether the place ending at ``end`` opens a unit's, an outlet's, a station's or a school's name
    (``_UNIT_AFTER_PLACE_RE``): the words between it and the head are a name's, no verb or function word among
    them (宜昌组织记者走进电视台 keeps 宜昌)."""
    m = _UNIT_AFTER_PLACE_RE.match(text, end)
    if m is None:
        return False
    between = re.sub(r"[()（）]", "", text[end : m.end()])
    return not any(w in st["function_words"] for w in st["segmenter"].words(between)[:-1])


def _name_read_as_place(text: str, span: Span, st: dict[str, Any]) -> bool:
    """王德旗受…委托, 陈志区在会上讲话: a surname and a one- or two-character given name that ends in a place's
    suffix (旗, 州, 区…), no place the table knows, read as a place by its suffix alone, where the words after
    it tell what a person does."""
    name = span.text
    table = place_table()
    return (
        len(name) == 3
        and name[-1] in "省市县区州旗盟镇乡村"
        and name not in table.kind
        and name[:-1] not in table.short
        and name[:-1] not in st["places"]
        and name[0] in _COMMON_SURNAMES
        and _PERSON_ACT_AFTER_RE.match(text, span.end) is not None
        and _plausible_name(text, span.start, span.end, st, rare=_RARE_AFTER_POST)
    )


def _party_short_forms(text: str, spans: list[Span], st: dict[str, Any]) -> list[Span]:
    out = []
    for span in spans:
        start = span.start
        short = text[start - 1 : start] if start else ""
        if (
            span.label == "ORG"
            and short in _SHORT_PARTY_NAMES
            and _SHORT_PARTY_ORGAN_RE.fullmatch(span.text)
            and any(name in text for name in _SHORT_PARTY_NAMES[short])
            and not (start >= 2 and text[start - 2] in _PLURAL_BEFORE_LEVEL)
            and not text.endswith("兄弟", 0, start - 1)  # 兄弟社市委: the fellow committees, a plural
            and st["tokenizer"].FREQ.get(text[start - 2 : start], 0) == 0  # 公社, 报社: a word ends there
        ):
            span = _span(text, start - 1, span.end, "ORG", span.rule, span.confidence)
        out.append(span)
    return out


_SHORT_PARTY_UNIT_RE = re.compile("基层委员会|基层委|总支|支社|支部|委员会|委会|委(?!员)")
_ASSOCIATION_END_RE = re.compile("(?:联盟会|协会|商会|总会|联合会|联会|同乡会|促进会|联谊会)$")
_WORKING_UNIT_RE = re.compile(rf"[{_CJK}]{{0,4}}?(?:工作委员会|工委|委员会|分会|办事处|联络处)")
_OPEN_BRACKETS = frozenset("(（")
_CLOSE_BRACKETS = frozenset(")）")


def _places_in_bodies(text: str, spans: list[Span], st: dict[str, Any]) -> list[Span]:
    """Places that are part of a body's chain (RULINGS, 350–361), read as that body (ORG) and no GPE:

    - after a party's one-character short form, before its organ (社江都区基层委, as 社成都市 and 社市委);
    - between an association's name and its working committee (某商联盟会大湾区某商工委);
    - in brackets right after an association's name, its branch's seat (某省某商会(南宁)).
    """
    orgs = [s for s in spans if s.label == "ORG"]
    drop: set[int] = set()
    out: list[Span] = []
    for g in spans:
        if g.label != "GPE":
            continue
        body = _short_party_unit(text, g, st) or _association_unit(text, g, orgs)
        if body is not None:
            drop.add(id(g))
            out.append(body)
            continue
        before = text[g.start - 1] if g.start else ""
        if before in _OPEN_BRACKETS and text[g.end : g.end + 1] in _CLOSE_BRACKETS:
            o = next((o for o in orgs if o.end == g.start - 1 and _ASSOCIATION_END_RE.search(o.text)), None)
            if o is not None:
                drop.update((id(g), id(o)))
                out.append(_span(text, o.start, g.end + 1, "ORG", o.rule, o.confidence))
    return [s for s in spans if id(s) not in drop] + out


def _short_party_unit(text: str, g: Span, st: dict[str, Any]) -> Span | None:
    short = text[g.start - 1 : g.start] if g.start else ""
    if short not in _SHORT_PARTY_NAMES or not any(name in text for name in _SHORT_PARTY_NAMES[short]):
        return None
    if g.start >= 2 and (text[g.start - 2] in _PLURAL_BEFORE_LEVEL or text.endswith("兄弟", 0, g.start - 1)):
        return None
    if st["tokenizer"].FREQ.get(text[g.start - 2 : g.start], 0):
        return None  # 公社, 报社: a word ends there
    m = _SHORT_PARTY_UNIT_RE.match(text, g.end)
    return _span(text, g.start - 1, m.end(), "ORG", "entity.org_party_short", 0.8) if m else None


def _association_unit(text: str, g: Span, orgs: list[Span]) -> Span | None:
    unit = _WORKING_UNIT_RE.match(text, g.end)
    if unit is None:
        return None
    start = g.start
    while start > 0 and g.start - start < _MAX_BODY_CONTENT and _is_cjk(text[start - 1]):
        if text[start - 1] in _NOT_IN_ASSOCIATION:
            break
        start -= 1
    held = next((o for o in orgs if o.end == g.start), None)
    if held is not None:
        start = held.start
    name = text[start : g.start]
    m = _ASSOCIATION_END_RE.search(name)
    if m is None or m.start() < 1:
        return None
    return _span(text, start, unit.end(), "ORG", "entity.org_association_unit", 0.75)


def _starts_inside_word(text: str, start: int, st: dict[str, Any]) -> bool:
    """祝贺|程伟: the character before ``start`` and the one at it make a dictionary word (not a name)."""
    if start < 1 or start + 1 > len(text):
        return False
    freq: int = st["tokenizer"].FREQ.get(text[start - 1 : start + 1], 0)
    return freq >= 50


def _credits_and_bodies(text: str, spans: list[Span], st: dict[str, Any]) -> list[Span]:
    """The credit-line, agency and Hong Kong/Macau rulings (tests/data/corpus/RULINGS.md) over the spans found."""
    out: list[Span] = []
    for span in spans:
        if span.label == "ORG":
            sar = _SAR_CPPCC_RE.match(span.text)
            if sar:
                if not sar.group(1).endswith("区") or sar.group(1) == "港澳地区":
                    out.append(_span(text, span.start, span.start + len(sar.group(1)), "GPE", "entity.gpe_sar", 0.6))
                continue
            if _PLURAL_PARTIES_RE.search(text, max(0, span.start - 6), span.start):
                continue  # 各民主党派中央: every party's, no one body
            region = _REGION_CPPCC_RE.fullmatch(span.text)
            if region and region.group(1) not in place_table().kind and region.group(2) not in place_table().short:
                # 长三角地区政协: the CPPCCs of a region no division names are every CPPCC there, no one body
                # (喀什地区政协, a prefecture's, stays one).
                out.append(_span(text, span.start, span.start + len(region.group(1)), "GPE", "entity.gpe_region", 0.55))
                continue
        out.append(span)
    taken = _covered(text, (span for span in out if span.label in ("PERSON", "ORG")))
    out = _more_bodies(text, out)
    out = _firms_by_form(text, out, st)
    out = _units_listed_beside(text, out)
    out = _parents_again(text, out)
    out = [_across_line_break(text, span, st) if span.label == "PERSON" else span for span in out]
    out += _names_listed_before(text, out, st)
    for m in _CREDIT_LINE_RE.finditer(text):
        a, b = m.span(1)
        if any(taken[a:b]):
            continue
        if _CREDIT_BODY_END_RE.search(m.group(1)) and b - a >= 3:
            out.append(_span(text, a, b, "ORG", "entity.org_credit", 0.6))
        elif b - a <= 4 and _plausible_name(text, a, b, st, rare=_RARE_AFTER_POST):
            out.append(_span(text, a, b, "PERSON", "entity.person_credit", 0.65))
    for m in _CREDIT_NAMES_RE.finditer(text):
        runs = _credit_name_runs(text, *m.span(1))
        if not all(text[a] in _SURNAMES for a, _b in runs):
            continue
        for a, b in runs:
            if not any(taken[a:b]) and _plausible_name(text, a, b, st, rare=_RARE_AFTER_POST):
                out.append(_span(text, a, b, "PERSON", "entity.person_credit", 0.65))
    for m in (*_SITE_LEAD_RE.finditer(text), *_SITE_STATION_RE.finditer(text)):
        # 今日某县网消息: the lead names the site whole; a body read inside it (某县网) gives way.
        a, b = m.span(1)
        inside = [
            o for o in out if o.label in ("ORG", "GPE") and a <= o.start and o.end <= b and (o.start, o.end) != (a, b)
        ]
        if inside and not any(taken[a : inside[0].start]):
            out = [o for o in out if o not in inside]
            taken[a:b] = b"\0" * (b - a)
    for m in (
        *_AGENCY_RE.finditer(text),
        *_SITE_LEAD_RE.finditer(text),
        *_SITE_STATION_RE.finditer(text),
        *_OUTLET_SOURCE_RE.finditer(text),
        *(m for m in _ONLINE_SITE_RE.finditer(text) if looks_like_place(m.group(2))),
    ):
        a, b = m.span(1)
        if not any(taken[a:b]) and text[a:b] not in ("本社", "我社", "该社", "本网", "我网"):
            taken[a:b] = b"\1" * (b - a)
            out.append(_span(text, a, b, "ORG", "entity.org_agency", 0.6))
    return out


def _shared_terms(text: str, meetings: list[Span]) -> list[Span]:
    """十六届四中全会、五中全会: sessions listed after one term are one MEETING (the term is written once)."""
    by_start = {m.start: m for m in meetings}
    out = []
    skip = set()
    for m in sorted(meetings, key=lambda m: m.start):
        if id(m) in skip:
            continue
        end = m.end
        while end < len(text) and text[end] == "、" and _PLENUM_RE.match(text, end + 1) and end + 1 in by_start:
            nxt = by_start[end + 1]
            skip.add(id(nxt))
            end = nxt.end
        out.append(m if end == m.end else _span(text, m.start, end, "MEETING", "entity.meeting_list", m.confidence))
    return out


_PLENUM_RE = re.compile("[一二三四五六七八九]中全会")


_SESSION_NEAR_RE = re.compile("[届次会]")
# A line break inside a CJK run (the PDF's line ended there), not a blank line.
_INNER_BREAK_RE = scanning(re.compile(rf"(?<=[{_CJK}\d])\n(?=[{_CJK}\d])"))


def _meetings_across_breaks(text: str, meetings: list[Span]) -> list[Span]:
    """十三届⏎三次会议: a session a line break cuts, read as if the line went on; the span keeps the break."""
    # Only breaks with a session's numeral or word near them (届, 次, 会) are read through.
    breaks = {
        m.start()
        for m in _INNER_BREAK_RE.finditer(text)
        if _SESSION_NEAR_RE.search(text, max(0, m.start() - 8), m.end() + 8)
    }
    if not breaks:
        return []
    keep, compact = _compacted(text, breaks)
    found = [m.span() for m in _MEETING_RE.finditer(compact)]
    found += [m.span(1) for m in finditer_near(_BODY_SESSION_RE, compact)]
    found += [(s.start, s.end) for s in _bare_sessions(compact, [])]
    out: list[Span] = []
    for a, b in found:
        start, end = keep[a], keep[b - 1] + 1
        if "\n" not in text[start:end] or any(m.start < end and start < m.end for m in meetings + out):
            continue
        out.append(_span(text, start, end, "MEETING", "entity.meeting_across_break", 0.7))
    return out


def _bare_sessions(text: str, meetings: list[Span]) -> list[Span]:
    """第二次会议 where a 届 stands in the same or the previous lines (a heading): a MEETING."""
    taken = {(m.start, m.end) for m in meetings}
    out = []
    for m in _BARE_SESSION_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if _AFTER_A_PAUSE_RE.search(text, max(0, m.start() - 6), m.start()):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        # The heading or the sentence before: this line, or up to 300 characters back.
        context = text[max(0, min(line_start, m.start() - 300)) : m.start()]
        # A session of a named kind (第三十二次常委会议, 第四次全体会议) is numbered by itself (GUIDELINES:
        # a numbered session); a bare 第二次会议 needs its 届 nearby to be a CPPCC session.
        # 三中全会 written bare (学习党的二十大和三中全会精神): a party plenum is named by its ordinal alone.
        if (
            m.group("kind")
            or m.group("short")
            or m.group().endswith(("全体会议", "中全会"))
            or _TERM_BEFORE_RE.search(context)
            or _BODY_MEETS_RE.search(context)
            or _BODY_BEFORE_RE.search(context)
        ):
            out.append(_span(text, m.start(), m.end(), "MEETING", "entity.meeting_session", 0.75))
    for m in finditer_near(_SINCE_SESSION_RE, text):
        sentence = text[max(0, m.start() - 120) : m.start()]
        sentence = sentence[max(sentence.rfind(c) for c in "。！？\n") + 1 :]
        if not any(a <= m.start() < b for a, b in taken) and _TERM_BEFORE_RE.search(sentence):
            out.append(_span(text, m.start(), m.end(), "MEETING", "entity.meeting_session", 0.7))
    return out


def _compacted(text: str, dropped: Set[int]) -> tuple[list[int], str]:
    """``text`` without the characters at ``dropped``, and the old offset of each character kept.

    The walks over every character run in C (a report's text is long, and several rules close its breaks).
    """
    # The stretches between dropped characters, each a range and a slice: as many pieces as characters dropped
    # (a few), not one string per character kept.
    cuts = sorted(i for i in dropped if 0 <= i < len(text))
    bounds = list(zip([0, *(i + 1 for i in cuts)], [*cuts, len(text)], strict=True))
    keep = list(chain.from_iterable(range(a, b) for a, b in bounds))
    return keep, "".join(text[a:b] for a, b in bounds)


def _span(text: str, start: int, end: int, label: str, rule: str, confidence: float) -> Span:
    return Span(start, end, label, text[start:end], {}, rule, confidence)


def _covered(text: str, spans: Iterable[Span]) -> bytearray:
    """A mask of ``text`` (one byte past its end): 1 at every character one of ``spans`` covers, else 0."""
    mask = bytearray(len(text) + 1)
    for s in spans:
        mask[s.start : s.end] = b"\1" * (s.end - s.start)
    return mask


def _tokens(text: str, st: dict[str, Any]) -> list[tuple[int, int, str]]:
    for cached in (getattr(_last, "whole", None), getattr(_last, "tokens", None)):
        if cached is not None and cached[0] is text:
            return cast(list[tuple[int, int, str]], cached[1])
    words = st["segmenter"].words(text)
    ends = list(accumulate(map(len, words)))
    out = list(zip([0, *ends[:-1]], ends, words, strict=True))
    _last.tokens = (text, out)
    return out


def _token_starts(tokens: list[tuple[int, int, str]]) -> frozenset[int]:
    """Where ``tokens`` start: built once per list of tokens, which many rules ask (never changed once cut)."""
    cached = getattr(_last, "starts", None)
    if cached is not None and cached[0] is tokens:
        return cast(frozenset[int], cached[1])
    out = frozenset(map(itemgetter(0), tokens))
    _last.starts = (tokens, out)  # the list is held, so no other list can take its identity
    return out


def _token_ends(tokens: list[tuple[int, int, str]]) -> frozenset[int]:
    """Where ``tokens`` end (as _token_starts)."""
    cached = getattr(_last, "ends", None)
    if cached is not None and cached[0] is tokens:
        return cast(frozenset[int], cached[1])
    out = frozenset(map(itemgetter(1), tokens))
    _last.ends = (tokens, out)
    return out


def _token_words(tokens: list[tuple[int, int, str]]) -> dict[int, str]:
    """Each token's word by its start (as _token_starts; read, never changed, by the rules that ask)."""
    cached = getattr(_last, "words", None)
    if cached is not None and cached[0] is tokens:
        return cast(dict[int, str], cached[1])
    out = dict(zip(map(itemgetter(0), tokens), map(itemgetter(2), tokens), strict=True))
    _last.words = (tokens, out)
    return out


def _token_word_list(tokens: list[tuple[int, int, str]]) -> list[str]:
    """The tokens' words in order (as _token_starts; read, never changed, by the rules that ask)."""
    cached = getattr(_last, "word_list", None)
    if cached is not None and cached[0] is tokens:
        return cast(list[str], cached[1])
    out = list(map(itemgetter(2), tokens))
    _last.word_list = (tokens, out)
    return out


def _token_ending(tokens: list[tuple[int, int, str]]) -> dict[int, int]:
    """Each token's index by its end (as _token_starts; read, never changed, by the rules that ask)."""
    cached = getattr(_last, "ending", None)
    if cached is not None and cached[0] is tokens:
        return cast(dict[int, int], cached[1])
    out = dict(zip(map(itemgetter(1), tokens), count()))
    _last.ending = (tokens, out)
    return out


# The last text tokenized in this thread (``tokens``) and the last whole text find_entities was given
# (``whole``), so unsettled_stretches() need not cut it again.
_last = threading.local()
# The model reads a clause at a time: enough context for a name or a place, and a clause
# with nothing unsettled in it costs nothing.
_SENTENCE_END_RE = re.compile(r"[^。！？；，,;:：\n]+[。！？；，,;:：]?")


@cache
def _single_chars() -> frozenset[str]:
    """The CJK characters (U+4E00–U+9FFF) that are no function character (_STOP_CHARS)."""
    return frozenset(map(chr, range(0x4E00, 0xA000))) - frozenset(_STOP_CHARS)


def unsettled_stretches(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """Clauses (start, end) holding a word the rules could not settle, for a statistical source to read.

    jieba (``HMM=False``) splits a word its dictionary lacks into single characters, and
    marks dictionary names (nr/ns) as such: a run of two or more single CJK characters that
    are not function characters, or such a name, outside every span the rules proposed, is
    an unknown name or place the rules may have missed. A clause with none is settled.
    """
    if not text:
        return []
    st = _init()
    tokens = _tokens(text, st)
    covered = _covered(text, spans)
    proper = st["rare_proper"]
    flagged = bytearray(len(text) + 1)
    starts, words = list(map(itemgetter(0), tokens)), _token_word_list(tokens)
    # A token that is one CJK character, no function character, outside every span: 1, else 0 (read in C).
    single = bytes(map(and_, map(_single_chars().__contains__, words), map(not_, map(covered.__getitem__, starts))))
    for run in re.finditer(b"\1{2,}", single):
        flagged[starts[run.start()]] = 1  # two or more such tokens in a row: the run's first is flagged
    for i in compress(count(), map(proper.__contains__, words)):
        start, word = starts[i], words[i]
        if 2 <= len(word) <= 3 and not covered[start] and word not in _COMMON_WORDS:
            flagged[start] = 1
    freq = st["tokenizer"].FREQ
    for i in compress(count(), map(methodcaller("endswith", _VILLAGE_OR_WATER_ENDS), words)):
        start = _village_stem(words, starts, i, covered, freq)
        if start is not None:
            flagged[start] = 1
    clauses = [m.span() for m in _SENTENCE_END_RE.finditer(text)]
    out: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(clauses):
        if not any(flagged[start:end]) or not _CJK_RE.search(text, start, end):
            continue
        # The model reads the clause's stretch around what is unsettled, with _WINDOW characters
        # either side (measured: seeds and test F1 as with whole clauses, dev PERSON 0.001 lower; a fifth less read).
        first, last = flagged.find(1, start, end), flagged.rfind(1, start, end)
        window = max(start, first - _WINDOW), min(end, last + _UNSETTLED_REACH + _WINDOW)
        if window[1] - window[0] >= _MIN_CONTEXT:
            start, end = window
        # A short clause (来源:史志办…) reads with its neighbours in the same line: the model needs context.
        j, k = i, i
        while end - start < _MIN_CONTEXT and (j > 0 or k < len(clauses) - 1):
            if k < len(clauses) - 1 and "\n" not in text[end - 1 : clauses[k + 1][0] + 1]:
                k += 1
                end = clauses[k][1]
            elif j > 0 and "\n" not in text[clauses[j - 1][1] - 1 : start]:
                j -= 1
                start = clauses[j][0]
            else:
                break
        if out and out[-1][1] >= start:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


# 查 + 家村, 三官 + 村, 庄户 + 沟门 + 村, 阳坡 + 塔 + 社区: a village or a community the tokenizer cut into a
# short rare stem and its suffix is an unknown place the rules cannot settle; its clause goes to the model.
_VILLAGE_SUFFIXES = ("村", "社区", "嘎查")
# 凤凰 + 湖, 神童 + 浜, 一统 + 河: a lake, a river or a creek the tokenizer cut into a word and its natural suffix.
_WATER_SUFFIXES = frozenset("湖河江溪浜泾渠")
_VILLAGE_OR_WATER_ENDS = (*_VILLAGE_SUFFIXES, *_WATER_SUFFIXES)
# Kinds of village, not names: jieba's own words ending in 村, and stems that say which kind or whose.
_KINDS_OF_VILLAGE = frozenset(
    "乡村 农村 山村 渔村 全村 本村 该村 各村 每村 进村 驻村 入村 到村 在村 邻村 外村 村村 一村 两村 强村 名村 大村 "
    "古村 新村 城中村 行政村 自然村 贫困村 示范村 重点村 中心村 新农村 美丽乡村 嘎查村".split()
)
_VILLAGE_STEM_FREQ = 300
"""A stem before a village's suffix rarer than this in jieba's dictionary may be a name (三官 32, 沟门 4;
美丽 3036, 重点 12694 are kinds)."""
_WATER_STEM_FREQ = 3000
"""A lake is often named after a word (凤凰 1348): its stem may be commoner (生态 4260 is prose)."""
_CJK_WORD_RE = re.compile(f"[{_CJK}]+")


def _village_stem(words: list[str], starts: list[int], i: int, covered: bytearray, freq: dict[str, int]) -> int | None:
    """Where the unknown name of a village or a water ending at token ``i`` starts, or None when it names none."""
    word = words[i]
    if word in _KINDS_OF_VILLAGE or covered[starts[i]] or i == 0:
        return None
    stem = words[i - 1]
    shaped = (
        1 <= len(stem) <= 3
        and not covered[starts[i - 1]]
        and (
            stem in _single_chars()
            or (len(stem) > 1 and _CJK_WORD_RE.fullmatch(stem) and not set(stem) & _FUNCTION_CHARS)
        )
    )
    if word in _WATER_SUFFIXES:
        return starts[i - 1] if shaped and len(stem) == 2 and freq.get(stem, 0) < _WATER_STEM_FREQ else None
    rare = freq.get(stem, 0) < _VILLAGE_STEM_FREQ
    if word in _VILLAGE_SUFFIXES:
        return starts[i - 1] if shaped and rare and (len(stem) > 1 or i >= 2) else None
    if len(word) > 3 or freq.get(word, 0) >= _VILLAGE_STEM_FREQ:
        return None  # 家村, 马村: a piece of a name glued to the suffix; a longer word is jieba's own
    return starts[i - 1] if shaped and rare else starts[i]


_MIN_CONTEXT = 16
_WINDOW = 12
"""Characters of context the model reads either side of an unsettled word in a long clause."""
_UNSETTLED_REACH = 4
"""How far an unsettled word may run past the character that flags it (a name, a place)."""
_CJK_RE = re.compile(f"[{_CJK}]")


def _slogans(text: str, st: dict[str, Any]) -> list[Span]:
    spans = [
        _span(text, m.start(), m.end(), "SLOGAN", "entity.slogan_lexicon", 0.9) for m in st["slogan_re"].finditer(text)
    ]
    quoted: list[tuple[int, int, bool]] = []  # every quotation: (start, end, whether it gave a SLOGAN)
    for m in _QUOTED_RE.finditer(text):
        group = m.lastindex or 1
        start = m.start(group)
        content = m.group(group)
        if (
            content in _QUOTED_WATCHWORDS
            or content.startswith(tuple(w + "、" for w in _QUOTED_WATCHWORDS))
            # the variant before 活动 names the activity (“某事好商量”活动), as a short name before an award does
            or (_SHANG_LIANG_VARIANT_RE.fullmatch(content) and not text.startswith(_AWARD_AFTER, m.end()))
        ):
            # “有事好商量、众人的事情由众人商量”: a known watchword opening a list makes the quotation one.
            spans.append(_span(text, start, m.end(group), "SLOGAN", "entity.slogan_quoted", 0.7))
            quoted.append((start, m.end(group), True))
            continue
        parts = content.split("、")
        if len(parts) >= 2 and all(_VERB_LED_FORMULA_RE.fullmatch(part) for part in parts):
            # “主攻三大目标、打赢三大攻坚、…”: numbered formulas in one pair of quotes, each led by its verb, are one
            # SLOGAN each, the verb included (RULINGS, slogan3), as the samples' “一个目标、两大战略、…” are.
            for part in parts:
                spans.append(_span(text, start, start + len(part), "SLOGAN", "entity.slogan_verb_led", 0.6))
                start += len(part) + 1
            quoted.append((m.start(group), m.end(group), True))
            continue
        chapter = _NEW_CHAPTER_AFTER_RE.match(text, m.end()) and _NEW_CHAPTER_BEFORE_RE.search(
            text, max(0, m.start() - 12), m.start()
        )
        if chapter:
            if len(parts) <= 4 and all(_GOAL_RE.fullmatch(part) for part in parts):
                # 谱写“有为政协”新篇章, 谱写“四区融合、大美吉水”新篇章: the goals a body or a place writes a new
                # chapter of are its standing watchwords, one SLOGAN each (RULINGS, wave7a and 713).
                for part in parts:
                    spans.append(_span(text, start, start + len(part), "SLOGAN", "entity.slogan_chapter", 0.55))
                    start += len(part) + 1
                quoted.append((m.start(group), m.end(group), True))
                continue
        numbered = 0
        for part in parts:
            end = start + len(part)
            award = len(part) == 2 and text.startswith(_AWARD_AFTER, m.end())
            plan = _PLAN_RE.match(part)
            if plan and part[plan.end() :] in _PLAN_WORDS:
                # 「十五五规划」: the formula is the plan's number, 规划 the ordinary word after it.
                spans.append(_span(text, start, start + plan.end(), "SLOGAN", "entity.slogan_plan", 0.8))
                numbered += 1
            elif len(parts) == 1 and _LONG_DIGITS_RE.fullmatch(part) and _DIGITS_HEAD_RE.match(text, m.end()):
                # “1234551”的总体发展思路: a formula of more digits, where what follows names what it lays out
                # (not “12345”热线, a number).
                spans.append(_span(text, start, end, "SLOGAN", "entity.slogan_formula", 0.6))
                numbered += 1
            elif (
                (
                    _FORMULA_RE.fullmatch(part)
                    or (
                        _LISTED_FORMULA_RE.fullmatch(part)
                        and any(_FORMULA_RE.fullmatch(other) for other in parts if other != part)
                    )
                    # “六统一”模式: a model's name (GUIDELINES: names of models are no SLOGAN).
                    or (len(parts) == 1 and _lone_formula(part, st) and not _METHOD_AFTER_RE.match(text, m.end()))
                )
                and not _YEAR_LIKE_RE.fullmatch(part)
                and not award
                and not _QUOTED_SPAN_RE.fullmatch(part)
            ):
                # 两会 (the sessions' name), 一府两院 and 三位一体 (fixed sets, GUIDELINES), 双向 (a word);
                # a method named in quotes (“现场+视频” of two phrases, “一户一档” one thing per unit).
                if not (
                    _MEETING_NAME_RE.fullmatch(part)
                    or part in _FIXED_SETS
                    or _named_set_or_activity(part, st)
                    or _is_word_formula(part, st)
                    or _is_method_name(part, st)
                ):
                    spans.append(_span(text, start, end, "SLOGAN", "entity.slogan_formula", 0.7))
                    numbered += 1
            start = end + 1
        if not numbered and _watchword_in_context(text, m.start(), m.end(), content, st):
            spans.append(_span(text, m.start(group), m.end(group), "SLOGAN", "entity.slogan_watchword", 0.5))
            numbered += 1
        elif not numbered and _allegiance(content):
            # “爱国爱澳”, “爱国爱乡”: a watchword of allegiance to two polities, the verb said twice.
            spans.append(_span(text, m.start(group), m.end(group), "SLOGAN", "entity.slogan_allegiance", 0.5))
            numbered += 1
        elif (
            not numbered
            and (
                _BRAND_RE.fullmatch(content)
                or (_KIND_OF_PLACE_RE.fullmatch(content) and not _opens_with_place(content, st))
            )
            and text.endswith(_BRAND_VERBS, max(0, m.start() - 2), m.start())
        ):
            # 打造“生活品质之城”: a city's standing brand, quoted after the verb that builds it (RULINGS).
            spans.append(_span(text, m.start(group), m.end(group), "SLOGAN", "entity.slogan_brand", 0.5))
            numbered += 1
        elif not numbered and _brand_of_place(text, m.start(), m.end(), content, st):
            # 建设“公园某地、多彩某湾”: a place's brand of parallel clauses, one ending in its name (org17).
            spans.append(_span(text, m.start(group), m.end(group), "SLOGAN", "entity.slogan_brand", 0.5))
            numbered += 1
        elif (
            not numbered
            and (_LONG_CLAUSE_RE.fullmatch(content) or _SHORT_CLAUSES_RE.fullmatch(content))
            and _vision_of_place(text, m.end(), st)
        ):
            # 建设“强富美高”新江苏, “科创、人文、生态”现代化新某城: a place's vision before 新 and its name.
            spans.append(_span(text, m.start(group), m.end(group), "SLOGAN", "entity.slogan_vision", 0.5))
            numbered += 1
        elif (
            not numbered
            and _ONE_CLAUSE_RE.fullmatch(content)
            and _STANDING_HEAD_RE.match(text, m.end())
            and not st["tokenizer"].FREQ.get(content)
            and not _named_set_or_activity(content, st)
        ):
            # “同心同向同行”的要求, 以“争先进位”为总抓手: one clause (3-12) the text calls a standing demand or idea; a
            # dictionary word (“高标准”的要求, “创新”理念) is an ordinary word in quotes.
            spans.append(_span(text, m.start(group), m.end(group), "SLOGAN", "entity.slogan_standing", 0.5))
            numbered += 1
        elif not numbered and _POLICY_PACKAGE_RE.fullmatch(content):
            # “惠台31条”, “稳外贸十条”: a policy package named by what it favours and its count of articles.
            spans.append(_span(text, m.start(group), m.end(group), "SLOGAN", "entity.slogan_package", 0.5))
        elif not numbered and _LIVELIHOOD_RE.fullmatch(content):
            spans.append(_span(text, m.start(group), m.end(group), "SLOGAN", "entity.slogan_livelihood", 0.5))
            numbered += 1
        elif not numbered and _SELF_RULE_RE.fullmatch(content):
            # “港人治港”, “爱国者治港澳”: who governs a polity, the SARs' principle (RULINGS), whatever follows it.
            spans.append(_span(text, m.start(group), m.end(group), "SLOGAN", "entity.slogan_self_rule", 0.5))
            numbered += 1
        elif not numbered and _PRINCIPLE_AFTER_RE.match(text, m.end()) and _CLAUSE_OF_PRINCIPLE_RE.fullmatch(content):
            # “爱国者治澳”原则, “港人治港”方针: a standing principle the text names as one.
            spans.append(_span(text, m.start(group), m.end(group), "SLOGAN", "entity.slogan_principle", 0.5))
            numbered += 1
        quoted.append((m.start(group), m.end(group), numbered > 0))
    spans += _quoted_list_slogans(text, quoted)
    spans += [
        _span(text, m.start(), m.end(), "SLOGAN", "entity.slogan_plan", 0.8) for m in finditer_near(_PLAN_RE, text)
    ]
    inside = [(a, b) for a, b, _ in quoted]
    spans += [
        _span(text, m.start(), m.end(), "SLOGAN", "entity.slogan_programme", 0.6)
        for m in finditer_near(_PROGRAMME_RE, text)
        if not any(a <= m.start() < b for a, b in inside)
    ]
    spans += [
        _span(text, m.start(1), m.end(1), "SLOGAN", "entity.slogan_programme", 0.6)
        for m in _ASSIGNED_TASKS_RE.finditer(text)
        if not any(a <= m.start(1) < b for a, b in inside)
    ]
    spans += [
        _span(text, m.start(), m.end(), "SLOGAN", "entity.slogan_slot_formula", 0.6)
        for m in _SLOT_FORMULA_RE.finditer(text)
        if not any(a <= m.start() < b for a, b in inside)
    ]
    spans += [
        _span(text, m.start(m.lastindex or 1), m.end(m.lastindex or 1), "SLOGAN", "entity.slogan_role", 0.6)
        for m in finditer_near(_DOUBLED_ROLE_RE, text)
        if not any(a <= m.start(m.lastindex or 1) < b for a, b in inside)
    ]
    spans += [
        _span(text, m.start(m.lastindex or 1), m.end(m.lastindex or 1), "SLOGAN", "entity.slogan_held", 0.55)
        for m in _HELD_FORMULA_RE.finditer(text)
        if not any(a <= m.start(m.lastindex or 1) < b for a, b in inside)
        and m.group(m.lastindex or 1)[2:] not in _COUNTED_ASPECTS
    ]
    spans += [
        _span(text, m.start(), m.end(), "SLOGAN", "entity.slogan_modernisations", 0.6)
        for m in _MODERNISATIONS_RE.finditer(text)
        if not any(a <= m.start() < b for a, b in inside)
    ]
    spans += [
        _span(text, m.start(), m.end(1), "SLOGAN", "entity.slogan_polity", 0.6)
        for m in _ONE_POLITY_RE.finditer(text)
        if not any(a <= m.start() < b for a, b in inside) and _is_polity(m.group(1), st)
    ]
    spans += _licensed_formulas(text, spans)
    spans += _requoted(text, quoted, spans)
    return spans


def _requoted(text: str, quoted: list[tuple[int, int, bool]], found: list[Span]) -> list[Span]:
    """谱写“强省会”新篇章 … 助力‘强省会’: a watchword (three characters or more) the text quotes as a SLOGAN once is one
    wherever the text quotes it again, whatever stands around the later quotation."""
    names = {s.text for s in found if len(s.text) >= 3}
    taken = {(s.start, s.end) for s in found}
    return [
        _span(text, s, e, "SLOGAN", "entity.slogan_requoted", 0.5)
        for s, e, done in quoted
        if not done and (s, e) not in taken and text[s:e] in names
    ]


def _opens_with_place(content: str, st: dict[str, Any]) -> bool:
    """“美丽白水县”: a place's name (two to four characters) opening the quotation makes it a campaign of that place."""
    table = place_table()
    return any(
        content[:n] in st["places"] or content[:n] in table.short or content[:n] in table.kind for n in (2, 3, 4)
    )


def _is_polity(name: str, st: dict[str, Any]) -> bool:
    """中国, 国家: a country (a place the table or the dictionary knows, or a word in 国)."""
    return name.endswith("国") or name in st["places"] or name in place_table().short


def _brand_of_place(text: str, start: int, end: int, content: str, st: dict[str, Any]) -> bool:
    """“公园某地、多彩某湾”: two to four clauses of three to eight characters, one ending in a place's name from the
    divisions table, quoted after a verb of building (建设, 打造) or before 建设: the brand a place builds (as
    打造“某某之城”), no topic (围绕“…”) and no activity (开展“走进某地、…”活动)."""
    parts = content.split("、")
    if not 2 <= len(parts) <= 4 or not all(_BRAND_CLAUSE_RE.fullmatch(p) for p in parts):
        return False
    if not (text.endswith((*_BRAND_VERBS, "推动"), max(0, start - 2), start) or text.startswith(_BRAND_AFTER, end)):
        return False
    return _ends_in_place(parts, st)


_BRAND_CLAUSE_RE = re.compile(rf"[{_CJK}]{{3,8}}")
_BRAND_AFTER = ("建设",)


def _vision_of_place(text: str, end: int, st: dict[str, Any]) -> bool:
    """“强富美高”新江苏: 新 and a place's name (or its name with its suffix) right after the quotation."""
    m = _VISION_AFTER_RE.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    return any(_is_polity(word[:n], st) and len(word[:n]) >= 2 for n in range(len(word), 1, -1)) or any(
        word[:n] in place_table().kind for n in range(len(word), 1, -1)
    )


# “三个月” (a time limit quoted): a length of time, a FIGURE, not a numbered formula.
_QUOTED_SPAN_RE = re.compile(rf"[{_CN_NUM}]个(?:月|小时|工作日|季度|星期|礼拜|朝代|年代|时代|世纪)")
_PLAN_WORDS = frozenset(("", "规划", "时期", "期间", "规划纲要"))
# Named in the guidelines as fixed sets or programmes, which are neither FIGURE nor SLOGAN.
_FIXED_SETS = frozenset(("八项规定", "一府两院", "两高", "三年行动", "三级联动", "两大主题", "三位一体", "两大旗帜"))
# Before a quotation: it names an activity carried out (开展“…”, 开展了“…”).
_ACTIVITY_BEFORE = ("开展", "开展了")
# Before a quotation: it is the topic of a study or a consultation (围绕“稳经济、惠民生、保安全”).
_TOPIC_BEFORE = ("围绕", "聚焦", "针对", "就", "以", "关于", "题为", "主题为")
# After it: the quotation names an event or an activity (“经典诵读、同心筑梦”诗歌朗诵会), or a
# standing formula (“懂政协、会协商、善议政”的履职本领, “学思想、强党性…”总要求).
_EVENT_AFTER_RE = re.compile(
    r"(?:为主题|主题|等|系列|[^，。；\n]{0,6}?(?:活动|朗诵会|比赛|竞赛|评选|论坛|讲座|研讨会|座谈会|晚会|展览))"
)
# After it: the quotation names a way of working (“请进来、走出去”的方式, “小切口、深调研”工作法), a method's name.
_METHOD_AFTER_RE = re.compile(
    r"的?(?:工作|运行|协商|长效)?(?:方式|方法|形式|模式|机制|办法|做法|路子|工作法|平台|制度)"
)
_DISCOURSE_AFTER_RE = re.compile(r"等?(?:重要)?论述")
_LONG_DIGITS_RE = re.compile(r"\d{5,8}")
_DIGITS_HEAD_RE = re.compile(r"(?:的)?(?:总体)?(?:发展|工作)?(?:思路|战略|布局|格局|体系|工作法|目标|要求|举措|路径)")
_FORMULA_AFTER_RE = re.compile(
    r"(?:的)?(?:重要|总|工作|基本|履职|发展)?(?:要求|作用|重点|理念|方针|作风|本领|标准|定位|职能|思路)"
    r"|(?:的)?(?:发展|工作)?(?:战略|宗旨|主线)"
    # “加强社会建设、创新社会管理、建设和谐拱墅”的决策部署: a body's standing programme (RULINGS, 350–361)
    r"|的决策部署"
    r"|[两三四五六七八九十]个(?:重点|方面|作用|要求)"
    # “实干兴县、创新驱动强县”的口号, “南拓北延、东西两翼联动”总体布局: called a watchword or a standing layout.
    r"|(?:的)?口号|(?:的)?(?:总体|战略|发展|工作)?(?:布局|格局)"
    # “稳步推进,逐步提高”的建社方针: a policy named after what it is for is still a policy.
    rf"|(?:的)?[{_CJK}]{{1,2}}方针"
)
# What calls one quoted clause a standing demand or idea (“同心同向同行”的要求, 以“争先进位”为总抓手, “…”的理念).
_STANDING_HEAD_RE = re.compile(
    rf"(?:的|为)?(?:总|工作|基本|重要)?要求(?![{_CJK}])"
    r"|(?:的|为)?(?:发展|工作|服务|履职|核心)?理念"
    r"|为?总(?:抓手|基调|指引)"
    # “服务桑梓乡亲”的宗旨, “协商于决策之前和决策实施之中”的原则: a body's aim, a principle of any length.
    r"|(?:的|为)?(?:根本|基本|办会|工作)?宗旨|(?:的)?(?:基本|根本|重要)?(?:原则|方针)"
    # “以人民为中心”的发展思想: an idea of development named as one.
    r"|(?:的)?(?:发展|重要)思想"
    # “人民至上”的价值追求, “民生为大”的责任担当: a standing value a body pursues or takes on.
    r"|(?:的)?(?:价值(?:追求|取向)|责任担当)"
)
_ONE_CLAUSE_RE = re.compile(rf"[{_CJK}]{{3,12}}")


_COUNTED_FORMULA_RE = re.compile(rf"[{_CN_NUM}]个[{_CJK}]{{2,4}}$")


# 一户一档, 一校一策, 一事一议: one thing per unit (a household, a school, a matter), a working method's name.
_PER_UNIT_RE = re.compile("一([人户村企校事岗组县乡镇委家月周季年案题点])一[\u4e00-\u9fff]{1,2}")
_NUMERAL_CHARS = frozenset(_CN_NUM + "双0123456789")


# “四县一市”, “三市一区”: places counted by two levels or more, a set of places (GUIDELINES: 河西五市, a fixed
# set); “五区”建设 alone is the kind of district a body means to build (a programme).
_PLACE_SET_RE = re.compile(rf"(?:[{_CN_NUM}]+[省市县区州盟旗镇乡村]){{2,}}")
# “两委”, “两办”, “两院”: a count and a body's one-character head, a fixed set of bodies like 一府两院 (RULINGS).
_BODY_SET_RE = re.compile(rf"[{_CN_NUM}]+[委办院局]")
# “四个专项行动”, “四个升级计划”: actions or plans counted with 个 (a count of activities); a programme is named
# with 大 or 项 (“十大行动”, “十项行动”).
_COUNTED_ACTIONS_RE = re.compile(rf"[{_CN_NUM}]个[{_CJK}]{{0,4}}(?:行动|计划)")
# 双向, 双边, 双方: words of relation (two-way, bilateral, both sides), no count of a formula's parts.
_RELATION_WORDS = ("双向", "双边", "双方")


def _named_set_or_activity(part: str, st: dict[str, Any]) -> bool:
    """A quoted numbered name that is no formula: a set of places or of bodies, an activity's name (GUIDELINES:
    names of activities are no SLOGAN), a word of relation after 双, or an idiom of the dictionary (“四通八达”)
    the lexicon does not hold as a watchword."""
    if part in st["slogans"]:
        return False
    return bool(
        _PLACE_SET_RE.fullmatch(part)
        or _BODY_SET_RE.fullmatch(part)
        or part.endswith("活动")
        or _COUNTED_ACTIONS_RE.fullmatch(part)
        or part.startswith(_RELATION_WORDS)
        or part in numeral_idioms()
    )


# “三服务”, “两战赢”: a numeral (not 一) and two characters quoted alone, no measure word after the numeral.
# Not a group of people or an office (“三乡人”, “两委办”), nor a place's name (“三江源”).
_LONE_FORMULA_HEADS = frozenset("人办")


def _lone_formula(part: str, st: dict[str, Any]) -> bool:
    if not _LISTED_FORMULA_RE.fullmatch(part) or part[-1] in _LONE_FORMULA_HEADS:
        return False
    table = place_table()
    return part not in st["places"] and part not in table.short and part not in table.kind


def _is_method_name(part: str, st: dict[str, Any]) -> bool:
    """A quoted method, not a formula (GUIDELINES: names of mechanisms and models are no SLOGAN).

    Two ordinary phrases joined by + (现场会议+视频会议: every side ending in a word of two characters or more, no
    numeral), or one thing per unit (一户一档) that the lexicon does not hold as a set watchword (一老一小).
    """
    if part in st["slogans"]:
        return False
    if _PER_UNIT_RE.fullmatch(part):
        return True
    sides = re.split("[+＋]", part)
    if len(sides) < 2 or any(ch in _NUMERAL_CHARS for ch in part):
        return False
    cut = st["tokenizer"].lcut
    # Each side opens or ends in a word (委员|之家, 协商|驿站, 线下): a phrase; 严细深实勤俭廉+快 has a single virtue.
    return all(
        len(side) >= 2 and (len(cut(side, HMM=False)[-1]) >= 2 or len(cut(side, HMM=False)[0]) >= 2) for side in sides
    )


# 双向 (two-way), 双月/双周/双日 (every second month, week, day): 双 of a direction or a period, no count of things.
_TWO_WAY_OR_PERIOD_RE = re.compile("双[向月周日]")


def _is_word_formula(part: str, st: dict[str, Any]) -> bool:
    """双向选择, 一起: a phrase the dictionary lists as a word, not a numbered formula of this report; 双向发力,
    双月谈: 双 of a direction or a period opens a phrase, no numbered formula (party2)."""
    if _TWO_WAY_OR_PERIOD_RE.match(part) and sum(ch in _CN_NUM or ch == "双" for ch in part) == 1:
        return True
    if part in st["slogans"] or sum(ch in _CN_NUM or ch == "双" for ch in part) >= 2:
        return False  # 一国两制, 三抓三促: two numerals make a formula, whatever the dictionary says
    if _COUNTED_FORMULA_RE.match(part):
        return False  # “三个代表”: a quoted N个X is a numbered formula, the dictionary's knowing it is no word
    return bool(st["tokenizer"].FREQ.get(part, 0) >= (1 if len(part) >= 4 else 100))


def _watchword_in_context(text: str, start: int, end: int, content: str, st: dict[str, Any]) -> bool:
    """A quoted watchword of parallel clauses (v1.1): not a topic, an event, a method, an idiom or a sentence."""
    # “以学铸魂、以学增智…”等重要论述: a leader's discourse names the clauses a standing formula (等 lists its parts).
    discourse = _DISCOURSE_AFTER_RE.match(text, end) is not None
    formula_after = _FORMULA_AFTER_RE.match(text, end) is not None or discourse
    if (_EVENT_AFTER_RE.match(text, end) and not discourse) or _METHOD_AFTER_RE.match(text, end):
        return False
    # 推动开展“委员进乡镇、协商进基层”: clauses quoted after 开展 name the activity carried out (GUIDELINES: names of
    # activities are no SLOGAN); a numbered formula there (开展“三服务”) is found before this.
    if text.endswith(_ACTIVITY_BEFORE, max(0, start - 3), start):
        return False
    # 围绕“X立县、Y强县”战略: the topic is the strategy the formula names, not the quotation.
    if text.endswith(_TOPIC_BEFORE, max(0, start - 4), start) and not (
        formula_after or _WATCHWORD_HEAD_RE.match(text, end)
    ):
        return False
    parts = content.split("、")
    commas = re.split("[，,]", content)
    if len(parts) == 1 and len(commas) >= 3 and _is_watchword(commas):
        # “服务国家，服务香港，服务委员”: three or more clauses built alike, even between commas,
        # where all share a character at the same place, or a head names them (“懂政协,会协商,善议政”的政协委员队伍).
        return (
            any(len({c[i] for c in commas}) == 1 for i in range(len(commas[0])))
            or formula_after
            or _WATCHWORD_HEAD_RE.match(text, end) is not None
        )
    if _is_watchword(parts):
        # 天时、地利、人和: an idiom the dictionary knows is a saying, not a body's formula.
        if st["tokenizer"].FREQ.get("".join(parts)):
            return False
        # A standing formula, not a sentence of this report (v1.1): a head names it one (“…”的宗旨, 工作要求,
        # 精神, 功能, 为主线), or its clauses are built alike (件件有回音、事事有着落); clauses nothing names
        # describe a scene, a problem or a stance (“路通、灯亮”的新貌, 困于“运不出、卖不上”).
        return (
            formula_after
            or _STANDING_HEAD_RE.match(text, end) is not None
            or _PRINCIPLE_AFTER_RE.match(text, end) is not None
            or _WATCHWORD_HEAD_RE.match(text, end) is not None
            or _built_alike(parts)
            or text.endswith(_HELD_BEFORE, max(0, start - 2), start)
            or _ends_in_place(parts, st)
        )
    # Longer clauses (加强党的领导、发挥职能作用、深化自身建设) where what follows calls them a formula.
    clauses = re.split("[、，,]", content)
    return (
        len(clauses) >= 2
        and all(_LONG_CLAUSE_RE.fullmatch(c) for c in clauses)
        and _FORMULA_AFTER_RE.match(text, end) is not None
    )


# What names a quoted clause as a standing principle, and the shape of such a clause.
def _allegiance(content: str) -> bool:
    """AxAy with x and y polities (国, 党, 乡, a province's or region's one-character name): 爱国爱澳."""
    polities = _PROVINCE_ABBREVIATIONS | frozenset("国党乡")
    return len(content) == 4 and content[0] == content[2] and content[1] in polities and content[3] in polities


_PRINCIPLE_AFTER_RE = re.compile(r"(?:的)?(?:基本|根本|重要)?(?:原则|方针|政策)")
# 港人治港, 澳人治澳, 爱国者治澳, 爱国者治港澳: a polity's one-character name governed by its own people or by patriots.
_SELF_RULE_RE = re.compile(r"([港澳台])人治\1|爱国者治[港澳台]{1,2}")
_CLAUSE_OF_PRINCIPLE_RE = re.compile(rf"[{_CJK}]{{3,6}}")
# A policy package by what it favours and its count of articles or measures: 惠台31条, 稳外贸十条, 新十条.
# (no numeral in what it favours: “一校一策” is one thing per unit, a method)
_POLICY_PACKAGE_RE = re.compile(
    rf"(?:(?![一二三四五六七八九十0-9])[{_CJK}]){{1,5}}?(?:[0-9]{{1,3}}|[一二三四五六七八九十]{{1,3}})(?:条|项|策|招)(?:措施|举措)?"
)
_PARALLEL_CLAUSE_RE = re.compile(rf"[{_CJK}]{{5,7}}")
_LONG_CLAUSE_RE = re.compile(rf"[{_CJK}]{{2,8}}")
_SHORT_CLAUSES_RE = re.compile(rf"[{_CJK}]{{2,4}}(?:、[{_CJK}]{{2,4}}){{1,3}}")
# 两会, 两会时间: a quotation opening with the sessions' name is about them (RULINGS: 两会 is no SLOGAN);
# 两会一联系, another numeral after it, is a numbered formula.
_MEETING_NAME_RE = re.compile(rf"两会(?:(?![{_CN_NUM}双])[{_CJK}]){{0,4}}")
_QUOTE_MARKS = "“”\"‘’'「」『』"


_RUN_GAPS = ("、", "")
_TARGET_VERBS = (*_BRAND_VERBS, "争当", "当好")


def _quoted_list_slogans(text: str, quoted: list[tuple[int, int, bool]]) -> list[Span]:
    """“一国两制”、“澳人治澳”: a short quoted item listed (、) beside a quoted formula is one too."""
    spans = []
    # “落实下去”、“凝聚起来”两个方面: quoted items listed together, then called a numbered set of aims.
    k = 0
    while k < len(quoted):
        run = [quoted[k]]
        # “同心者治岛”“奋进者兴城”原则: items side by side, with no 、 between, share the head after the last.
        while (
            k + len(run) < len(quoted) and text[run[-1][1] : quoted[k + len(run)][0]].strip(_QUOTE_MARKS) in _RUN_GAPS
        ):
            run.append(quoted[k + len(run)])
        close = run[-1][1] + 1
        named = _FORMULA_AFTER_RE.match(text, close) or _PRINCIPLE_AFTER_RE.match(text, close)
        # 打造“示范区”“排头兵”“新高地”: targets listed after a verb of building, what a province means to become
        # (RULINGS: standing targets quoted one by one are a SLOGAN each).
        built = text.endswith(_TARGET_VERBS, max(0, run[0][0] - 3), run[0][0] - 1)
        if (
            len(run) >= 2
            and (named or built)
            and all(2 <= e - s <= 8 and _CJK_ONLY_RE.fullmatch(text, s, e) for s, e, _ in run)
        ):
            spans += [_span(text, s, e, "SLOGAN", "entity.slogan_listed", 0.5) for s, e, done in run if not done]
        k += len(run)
    spans += _framed_parts(text, quoted)
    for k, (start, end, is_slogan) in enumerate(quoted):
        if is_slogan or not 2 <= end - start <= 6 or not _CJK_ONLY_RE.fullmatch(text, start, end):
            continue
        for other in (quoted[k - 1] if k else None, quoted[k + 1] if k + 1 < len(quoted) else None):
            if other is None or not other[2]:
                continue
            gap = text[end : other[0]] if other[0] > start else text[other[1] : start]
            if gap.strip(_QUOTE_MARKS) == "、":
                spans.append(_span(text, start, end, "SLOGAN", "entity.slogan_listed", 0.5))
                break
    return spans


_FRAME_GAP = 24
_SENTENCE_ENDS = frozenset("。；;！!？?\n")


def _framed_parts(text: str, quoted: list[tuple[int, int, bool]]) -> list[Span]:
    """在“学懂”中…、在“弄通”中…、在“做实”中…: three or more short quotations (two to four characters) in one
    sentence, each in the same frame (the same character before its opening mark and after its closing mark, both
    words' characters, not 的 before), are the parts of one formula quoted one by one: a SLOGAN each (RULINGS:
    quoted parts of a fixed formula); 把好提案的“X关”, is a list of the text's own phrases."""

    def frame(s: int, e: int) -> tuple[str, str] | None:
        if not 2 <= e - s <= 4 or s < 2 or e + 1 >= len(text) or not _CJK_ONLY_RE.fullmatch(text, s, e):
            return None
        return text[s - 2], text[e + 1]

    spans: list[Span] = []
    k = 0
    while k < len(quoted):
        first = frame(quoted[k][0], quoted[k][1])
        run = [quoted[k]]
        while first is not None and k + len(run) < len(quoted):
            nxt = quoted[k + len(run)]
            gap = text[run[-1][1] : nxt[0]]
            if len(gap) > _FRAME_GAP or not _SENTENCE_ENDS.isdisjoint(gap) or frame(nxt[0], nxt[1]) != first:
                break
            run.append(nxt)
        if (
            first is not None
            and len(run) >= 3
            and first[0] != first[1]
            and _is_cjk(first[0])
            and _is_cjk(first[1])
            and first[0] != "的"
        ):
            spans += [_span(text, s, e, "SLOGAN", "entity.slogan_framed", 0.5) for s, e, done in run if not done]
        k += len(run)
    return spans


_LICENSING_RULES = frozenset(("entity.slogan_formula", "entity.slogan_self_rule"))


def _licensed_formulas(text: str, found: list[Span]) -> list[Span]:
    """A numbered formula the text quotes once (“两个维护”) is one where it stands unquoted too, and so is a polity's
    self-rule principle (“爱国者治港” … 爱国者治港是…)."""
    names = {s.text for s in found if s.rule in _LICENSING_RULES and len(s.text) >= 3}
    if not names:
        return []
    taken = {(s.start, s.end) for s in found}
    out = []
    for m in re.finditer("|".join(sorted(map(re.escape, names), key=len, reverse=True)), text):
        if (m.start(), m.end()) not in taken:
            out.append(_span(text, m.start(), m.end(), "SLOGAN", "entity.slogan_licensed", 0.55))
    return out


# What else names quoted clauses a standing formula: a spirit, a function, a value, the main line of work, the
# responsibility or mission a body takes on (“落实下去、凝聚起来”的政治责任), the members it forms to the formula
# (锻造“懂政协、会协商、善议政”的委员队伍).
_WATCHWORD_HEAD_RE = re.compile(
    rf"(?:的|为)?[{_CJK}]{{0,2}}?(?:精神|功能|价值|主线|责任|职责|使命|要求|目标|队伍)|的?政协委员队伍"
)


# Verbs that hold to a standing formula: 坚持“…”, 践行“…”, 秉持“…” (a body keeps to its formula, it does not
# describe a scene with one).
_HELD_BEFORE = ("坚持", "践行", "秉持", "秉承", "遵循", "恪守", "坚守", "牢记")


def _ends_in_place(parts: list[str], st: dict[str, Any]) -> bool:
    """热爱某州、建设某州、奉献某州: a clause ending in a place's name (the divisions table) makes the clauses
    that place's watchword, as a place's brand is (`_brand_of_place`)."""
    table = place_table()
    return any(p[-n:] in table.short or p[-n:] in st["places"] for p in parts for n in (2, 3, 4) if n < len(p))


def _built_alike(parts: list[str]) -> bool:
    """Longer clauses (5–7 characters) built alike: each opens with a doubled character, or all share a
    character at the same place after the first (件件有回音、事事有着落; 人人有事做、户户有收入)."""
    if len(parts) < 2 or not all(_PARALLEL_CLAUSE_RE.fullmatch(p) for p in parts) or len({len(p) for p in parts}) != 1:
        return False
    return all(p[0] == p[1] for p in parts) or any(len({p[i] for p in parts}) == 1 for i in range(1, len(parts[0])))


def _is_watchword(parts: list[str]) -> bool:
    """Parallel clauses: two or more, each 2–4 CJK characters, all as long (or all ``…为X``).

    Longer clauses (5–7 characters) are a watchword where they are built alike: each opens with a
    doubled character (件件有回音、事事有着落) or all share a character at the same place after the
    first (人人有事做、户户有收入).
    """
    if _built_alike(parts):
        return True
    if len(parts) < 2 or not all(_CLAUSE_RE.fullmatch(p) for p in parts):
        return False
    return len({len(p) for p in parts}) == 1 or all(len(p) >= 3 and p[-2] == "为" for p in parts)


# After a place's bare name, single characters that stand as words of their own (a demonym, a side, a
# suffix, a function word): 苏州人, 温州籍, 香港方面, 岳阳的.
_WORD_AFTER_PLACE = frozenset("人籍话港站段路街内外方侧地境界团队菜") | _NATURAL_SUFFIXES


def _opens_unknown_word(text: str, tokens: list[tuple[int, int, str]], i: int, table: Any) -> bool:
    """海康 + 威 + 视: a name only the tokenizer calls a place (the division table does not know it), left
    before two lone characters of no word of their own, opens a longer word it does not know (a brand),
    no place."""
    _start, end, word = tokens[i]
    if word in table.kind or word in table.short or len(word) != 2 or i + 2 >= len(tokens):
        return False
    pos = end
    for a, b, nxt in tokens[i + 1 : i + 3]:
        if not (
            a == pos
            and b - a == 1
            and _is_cjk(nxt)
            and nxt not in _STOP_CHARS
            and nxt not in _WORD_AFTER_PLACE
            and nxt not in _FUNCTION_BEFORE
            and nxt not in _PROVINCE_ABBREVIATIONS  # 横琴 + 粤 + 澳 + 深合区: a chain of places
        ):
            return False
        pos = b
    return True


def _inside_unknown_word(text: str, tokens: list[tuple[int, int, str]], i: int, table: Any) -> bool:
    """扎 + 西吉 + 措 + 寺: a county's two-character short name between two lone characters of no function, no
    place and no level is inside a name the tables do not know (a monastery's, a person's), no place. Before a
    word (新 + 垫江 + 贡献, 西屏 + 三都 + 组团) it stands."""
    start, end, word = tokens[i]
    if len(word) != 2 or table.short.get(word) != "county" or not i or end >= len(text):
        return False
    a, b, before = tokens[i - 1]
    return (
        b == start
        and b - a == 1
        and _is_cjk(before)
        and before not in _STOP_CHARS
        and before not in _FUNCTION_BEFORE
        and before not in _PROVINCE_ABBREVIATIONS
        and before not in _LEVEL_AND_PLACE_CHARS
        and before not in _COMMON_SURNAMES  # 林 + 龙安 + 则: a common surname and a county make a name, read as one
        and i + 1 < len(tokens)
        and tokens[i + 1][0] == end
        and tokens[i + 1][1] - end == 1
        and _is_cjk(text[end])
        and text[end] not in _STOP_CHARS
        and text[end] not in _FUNCTION_BEFORE
        and text[end] not in _LEVEL_AND_PLACE_CHARS
    )


_LEVEL_AND_PLACE_CHARS = frozenset("省市县区州旗盟镇乡村街道")


# How common (jieba's frequency) the two characters after a place's suffix must be to be a word of their
# own that keeps the suffix with the place (民主, 民族, 民营, 城市, 情况; not 民踊 of 西宁市民踊跃).
_WORD_AFTER_SUFFIX_FREQ = 100
# How rare (jieba's frequency) a town's name without its suffix must be to stand for the town bare (三乡 0, 神湾 3).
_TOWN_STEM_FREQ = 20
# World regions (RULINGS: 南亚, 东南亚 are GPE); not 南亚热带 (a climate zone).
_WORLD_REGION_RE = re.compile("(?:东南亚|东北亚|南亚|中亚|西亚|东亚|亚洲|欧洲|非洲|北非|美洲|大洋洲|拉美)(?!热带|洲)")
_WORLD_REGION_RUN_RE = scanning(re.compile(f"(?:{_WORLD_REGION_RE.pattern}){{2,}}"))
# China's partners by their one-character names, two or three after 中 (中俄, 中蒙俄, 中日韩).
_COUNTRY_RUN_RE = re.compile("中[美俄日韩朝蒙英法德欧非印巴越老柬缅泰哈吉塔乌]{1,3}")
_CORRIDOR_AFTER_RE = re.compile("经济走廊|关系|两国|三国|友好|峰会|建交|边境")
# A text on the Greater Bay Area's members: Hong Kong, Macau, Guangdong or one of its cities' short names.
_BAY_AREA_CUE_RE = re.compile("香港|澳门|广东|粤|大湾区|佛山|珠海|深圳|广州|中山|江门|东莞|惠州|肇庆")


def _gpe_words(st: dict[str, Any]) -> frozenset[str]:
    """Every word _gpes' token loop can read as a place or a place's end: names, short names, regions, suffixes."""
    words = st.get("gpe_words")
    if words is None:
        words = st["gpe_words"] = frozenset().union(
            st["places"],
            st["short_names"],
            st["region_words"],
            _NATURAL_SUFFIXES,
            _PLACE_SUFFIX_WORDS,
            _LOCATIVE_AFTER_SUFFIX,
            ("水库",),
        )
    return cast(frozenset[str], words)


# A verb of going to or being at a place, and a dateline's agency: a city's short name right after one is the
# city, though jieba knows the name as another word (拉萨, 桂林, 合肥, 银川 stand alone nowhere else).
_PLACE_VERBS = frozenset(
    "在 赴 到 抵 去 驻 抵达 前往 来到 途经 飞抵 回到 来自 奔赴 走进 深入 远赴 转赴 落户 位于 返回".split()
)
_DATELINE_DATE_RE = re.compile(r"[0-9一二三四五六七八九十]{1,3}月?[0-9一二三四五六七八九十]{0,3}日电")


def _cued_cities(st: dict[str, Any]) -> frozenset[str]:
    """Cities' short names that stand as places only after a verb of place (see _short_name_stands)."""
    cities = st.get("cued_cities")
    if cities is None:
        table = place_table()
        cities = st["cued_cities"] = frozenset(
            w
            for w, kind in table.short.items()
            if kind == "city" and len(w) >= 2 and w not in st["short_names"] and w not in st["places"]
        )
    return cast(frozenset[str], cities)


_CUED_COUNTY_FREQ = 1000
"""A county's short name jieba knows as a word this common (友谊 1499, 中方 1408) is no place from a verb alone."""


def _cued_counties(st: dict[str, Any]) -> frozenset[str]:
    """Counties' short names (of the division table, current or former) that stand as places only after a verb of
    place: 到昭觉, 赴屏边. jieba knows them as rare words or not at all (see _short_name_stands)."""
    counties = st.get("cued_counties")
    if counties is None:
        table, freq = place_table(), st["tokenizer"].FREQ
        counties = st["cued_counties"] = frozenset(
            w
            for w, kind in table.short.items()
            if kind in ("county", "former")
            and len(w) >= 2
            and w not in st["short_names"]
            and w not in st["places"]
            and freq.get(w, 0) < _CUED_COUNTY_FREQ
            and not _counts_places(w)
            and w[0] not in _DETERMINER_CHARS
        )
    return cast(frozenset[str], counties)


# 全州乃至全省: a determiner and a level's character make a word of scope, not a county.
_DETERMINER_CHARS = frozenset("全本各我该每此")
# 到昭觉实地调研, 赴屏边考察: what may follow a county cued by a verb; 在黄龙艺术剧院, 在同心向党 run on into a venue or
# a phrase.
_AFTER_CUED_COUNTY_CHARS = frozenset("考调视参开出学实察走召举的等和与及")


def _county_cued(text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether token ``i`` (a county's short name) follows a verb of place and ends a word: before punctuation, a
    particle or a verb of visiting, never before another word (a venue's name, a phrase)."""
    end = tokens[i][1]
    after = text[end : end + 1]
    if _is_cjk(after) and after not in _AFTER_CUED_COUNTY_CHARS:
        return False
    return _city_cued(text, tokens, i)


def _city_cued(text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether token ``i`` (a city's short name) follows a verb of place or a province's name, or stands in a
    dateline."""
    start, end, _word = tokens[i]
    if end < len(text) and _is_cjk(text[end]) and text[end] not in _STOP_CHARS and text[end] not in "考调视参工开出学":
        # 在大连续…: a word the name starts (连续) is read by jieba as the token after; a name that runs on into a
        # character of no verb stays unlabelled, but 在拉萨开幕, 赴桂林调研, 在合肥考察 stand.
        nxt = tokens[i + 1][2] if i + 1 < len(tokens) else ""
        if len(nxt) < 2:
            return False
    if not i or tokens[i - 1][1] != start:
        return False
    before = tokens[i - 1][2]
    if before in _PLACE_VERBS:
        return True
    table = place_table()
    if "province" in (table.short.get(before), table.kind.get(before)):
        return True  # 广西 + 桂林, 贵州 + 遵义: a province's name right before is the chain's head
    return before.endswith("社") and _DATELINE_DATE_RE.match(text, end) is not None


# 黑⏎龙江, 哈尔⏎滨市: a PDF's line ended inside a division's name. The name written across one line break (three
# characters or more: a division's full name, or a province's, a city's or a country's short name) is one place.
_BREAK_REACH_BEFORE = 4
_BREAK_REACH_AFTER = 6


def _break_names(st: dict[str, Any]) -> frozenset[str]:
    names = st.get("break_names")
    if names is None:
        table = place_table()
        full = (w for w, kind in table.kind.items() if kind != "town" and len(w) >= 3)
        short = (w for w, kind in table.short.items() if kind in ("province", "city", "country") and len(w) >= 3)
        names = st["break_names"] = frozenset((*full, *short))
    return cast(frozenset[str], names)


def _divisions_across_breaks(text: str, st: dict[str, Any]) -> list[tuple[int, int, float]]:
    names = _break_names(st)
    out = []
    at = text.find("\n")
    while at != -1:
        if 0 < at < len(text) - 1 and _is_cjk(text[at - 1]) and _is_cjk(text[at + 1]):
            best = None
            for k in range(1, _BREAK_REACH_BEFORE + 1):
                if at - k < 0 or not _is_cjk(text[at - k]):
                    break
                for m in range(1, _BREAK_REACH_AFTER + 1):
                    if at + 1 + m > len(text) or not _is_cjk(text[at + m]):
                        break
                    if text[at - k : at] + text[at + 1 : at + 1 + m] in names and (
                        best is None or k + m > best[1] - best[0] - 1
                    ):
                        best = (at - k, at + 1 + m)
            if best is not None:
                out.append((best[0], best[1], 0.6))
        at = text.find("\n", at + 1)
    return out


# China's named regions (GUIDELINES v1.1: a region is a GPE): the great areas by the compass (东北, 华东) and by the
# landmark they lie beyond (岭南, 江南). Each is a compass direction too: a place's name or a suffix before it (县西南,
# 市区东北部) or a word of direction after it (东北部, 西北方向) makes it one.
_CHINA_REGIONS = frozenset("东北 华北 华东 华南 华中 西北 西南 岭南 江南 塞北".split())
_DIRECTION_AFTER_REGION = frozenset("部方面侧角边向风隅端")
_DIRECTION_BEFORE_REGION = frozenset("省市县区州镇乡村城向往朝偏正")
# 东北抗日联军, 华东军区, 西南大学: a region opening a body's name (an army or a command of the region, a university)
# is inside that ORG, no place of its own, found as a body or not; a region has no CPPCC (华东地区政协文史办: the
# offices of the region's CPPCCs, no one body), so none opens a chain to one.
_BODY_AFTER_REGION_RE = re.compile(rf"[{_CJK}]{{0,4}}?(?:联军|军区|野战军|军政委员会|大学|学院|师范)|(?:地区)?政协")


def _china_regions(text: str, tokens: list[tuple[int, int, str]], freq: dict[str, int]) -> list[tuple[int, int, float]]:
    out = []
    for start, _token_end, word in tokens:
        if word[:2] not in _CHINA_REGIONS:
            continue
        end = start + 2
        rest = word[2:]
        # 岭南 + 文化, 西北 + 地区: jieba's one word for the region and a word after it (not 东北 + 部, a direction).
        if rest and not (len(rest) >= 2 and freq.get(rest, 0) > 0):
            continue
        if text[end : end + 1] in _DIRECTION_AFTER_REGION or text[start - 1 : start] in _DIRECTION_BEFORE_REGION:
            continue
        if _BODY_AFTER_REGION_RE.match(text, end):
            continue
        if text.startswith("地区", end):
            end += 2  # 西北地区: the region with its area word is one place (RULINGS: 威海地区)
        out.append((start, end, 0.55))
    return out


# 梅山 + 村, read by jieba as 梅 + 山村 (a hill village) or 梅 + 山村里: a village named after a hill. The character
# before 山村 is the name's where it stands alone (no stop, no count) and makes with 山 no common word (深山, 荒山:
# the hills, not a village's name).
_HILL_VILLAGE_WORDS = frozenset(("山村", "山村里"))
_HILL_WORD_FREQ = 100
_COMMON_CHAR_FREQ = 80000


def _hill_villages(text: str, tokens: list[tuple[int, int, str]], st: dict[str, Any]) -> list[tuple[int, int, float]]:
    freq = st["tokenizer"].FREQ
    out = []
    for i in range(1, len(tokens)):
        start, _end, word = tokens[i]
        if word not in _HILL_VILLAGE_WORDS:
            continue
        if not (
            _name_char_token(tokens[i - 1], start, freq) and freq.get(tokens[i - 1][2] + "山", 0) < _HILL_WORD_FREQ
        ):
            continue
        if i > 1 and _name_char_token(tokens[i - 2], tokens[i - 1][0], freq):
            continue  # 冷 + 家 + 山村, 齐 + 聚 + 福 + 山村: lone characters run on before; the village rules read those
        out.append((tokens[i - 1][0], start + 2, 0.55))
    return out


def _name_char_token(token: tuple[int, int, str], end: int, freq: dict[str, int]) -> bool:
    """Whether ``token`` is a lone character ending at ``end`` that may be part of a name (no stop or function)."""
    _start, token_end, word = token
    return (
        token_end == end
        and len(word) == 1
        and _is_cjk(word)
        and word not in _STOP_CHARS
        and word not in _FUNCTION_BEFORE
        and freq.get(word, 0) < _COMMON_CHAR_FREQ
    )


# 嘎查 (a village of Inner Mongolia) and 苏木 (a township), RULINGS 120–132: level words; the transliterated name
# before one is a village's or a township's (乌兰哈达嘎查, 额尔敦苏木). jieba cuts such names anywhere (迪嘎查,
# 查牧户), so the name is read back from the level word, token by token, while a token is a rare word or a
# character of no function (a common word ends it: 深入, 部分, 推动), up to six characters, never across
# punctuation or a level's suffix ending the chain before it (…镇, …苏木: the chain joins them after).
_MONGOLIAN_LEVEL_RE = re.compile("嘎查|苏木(?![镇乡])")
# 都 and 和 are no stop here: they write names (温都尔, 呼和).
_NOT_IN_MONGOLIAN_NAME = frozenset(
    "的了在与对为把向从到赴等及或是这那个各全本我该每也就还又并将被让给一二三四五六七八九十两"
)
_MONGOLIAN_NAME_WORD_FREQ = 300


def _mongolian_divisions(
    text: str, tokens: list[tuple[int, int, str]], st: dict[str, Any]
) -> list[tuple[int, int, float]]:
    if "嘎查" not in text and "苏木" not in text:
        return []
    freq = st["tokenizer"].FREQ
    starts = [t[0] for t in tokens]
    out = []
    for m in _MONGOLIAN_LEVEL_RE.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        if i < 0:
            continue
        j = m.start()
        if tokens[i][0] < j:
            if not _mongolian_name_part(text[tokens[i][0] : j], freq):
                continue
            j = tokens[i][0]  # 迪嘎查: the token holds the name's last characters
        i -= 1
        while (
            i >= 0 and tokens[i][1] == j and m.start() - tokens[i][0] <= 6 and _mongolian_name_part(tokens[i][2], freq)
        ):
            j = tokens[i][0]
            i -= 1
        if m.start() - j >= 2:
            out.append((j, m.end(), 0.55))
    return out


def _mongolian_name_part(word: str, freq: dict[str, int]) -> bool:
    """Whether ``word`` may stand in a transliterated name: CJK, no function character, a rare word or one character."""
    if not all(_is_cjk(ch) and ch not in _NOT_IN_MONGOLIAN_NAME for ch in word):
        return False
    if word.endswith(("省", "市", "县", "区", "州", "旗", "盟", "镇", "乡", "苏木", "嘎查", "街道")):
        return False
    return len(word) == 1 or freq.get(word, 0) < _MONGOLIAN_NAME_WORD_FREQ


def _gpes(text: str, tokens: list[tuple[int, int, str]], st: dict[str, Any]) -> list[Span]:
    """Places: full names from the place table, short names and countries as words, unknown names
    glued to a suffix, and chains (湖北宜昌, 拓石镇小川村, 中国·宜昌) joined into one span.

    A place is never cut shorter than the text writes it: 西宁市 gives 西宁市, not 西宁,
    unless the suffix belongs to the word after it (陇南市情 is 陇南 + 市情).
    """
    places, proper, short_names = st["places"], st["proper"], st["short_names"]
    token_starts, token_ends, word_at = _token_starts(tokens), _token_ends(tokens), _token_words(tokens)
    found: list[tuple[int, int, float]] = []
    table = place_table()
    admin = admin_names(text, _ADMIN_KINDS)
    admin_ends = {end for _s, end, _k in admin}
    admin_starts = {start for start, _e, _k in admin}
    for start, end, _kind in admin:
        before = text[start - 1] if start else ""
        if not (start in token_starts or not _is_cjk(before) or before in _FUNCTION_BEFORE or start in admin_ends):
            # 城中区 inside 老城中区: not a word of its own; 浦东新区 after 上海市 (jieba's one word for the chain)
            # is the chain's next link
            continue
        if end - start == 2 and start not in admin_ends and not _one_char_county_stands(text, start, end):
            continue  # 环县 after 庆阳市 is a chain; 市和县 is not 和县
        if (
            text[end - 1 : end + 1] in st["suffix_eaters"]
            and not (text[end - 1] in "镇乡" and _chain_tail(text, end))
            and end not in admin_starts
            and not _word_after_suffix(end, word_at)
        ):  # 散花镇 + 南畈村: a village after the town keeps the town's suffix (镇南 is no word there); 宜宾市 +
            # 南溪区, 绵阳市 + 北川县: a division of the table starting right after the suffix is the chain's next link
            stem = text[start : end - 1]
            if stem in table.short and len(stem) >= 2:
                found.append((start, end - 1, 0.7))
            continue
        found.append((start, end, 0.85))
    # A province's or a country's name at the start of a longer word jieba made of it (澳门特区,
    # 中国式现代化): the name is still there; other short names must be words of their own.
    for m in st["country_re"].finditer(text):
        # The name opens one word (澳门特区), not a word and half the next (新 + 乡贤 is no 新乡).
        if m.start() in token_starts and m.start() + len(word_at[m.start()]) > m.end():
            found.append((m.start(), m.end(), 0.75))
            # 贵州遵义, 新疆某某地区: the rest of the word is a division of the table (a city or county, or a
            # province after a country), so the word is the chain itself, written as one (v1.1: 湖北宜昌).
            end = m.start() + len(word_at[m.start()])
            if _division_rest(m.group(), text[m.end() : end], table):
                found.append((m.start(), end, 0.75))
    for m in _ABBREVIATION_RUN_RE.finditer(text):
        start, end = m.span()
        if start not in token_starts:
            continue
        if end not in token_ends:
            confidence = 0.6  # 港澳 of 港澳同胞
        elif _RELATION_AFTER_RE.match(text, end):
            confidence = 0.55  # 港鄂合作, 闽台交流: one-character tokens jieba left
        elif end - start >= 3 and len(word_at[start]) == 1 and text[start - 1 : start] not in _CLIPPING_VERBS:
            confidence = 0.55  # 沪 + 港澳青少年: a province's character jieba left before a region's run
        else:
            continue
        # 琼港琼澳: a pairing written again with its first name is a second place, not one run of four.
        found += [(s, e, confidence) for s, e in _unrepeated_runs(text, start, end)]
    for m in finditer_near(_COUNTED_RUN_RE, text):
        # 澳闽台蒙四地: one-character names (蒙 too) counted by as many places after them are one place.
        run = m.group("run")
        if _COUNTS.index(m.group("count")) + 2 == len(run) and sum(ch in _PROVINCE_ABBREVIATIONS for ch in run) >= 2:
            found.append((m.start(), m.start() + len(run), 0.6))
    for m in _CITY_REGION_RUN_RE.finditer(text):
        # 穗港澳, 佛澳两地, 港深: a city's one-character name beside Hong Kong, Macau or Taiwan's.
        if m.start() in token_starts and (m.end() in token_ends or _RELATION_AFTER_RE.match(text, m.end())):
            found.append((m.start(), m.end(), 0.55))
    for m in _WEAK_REGION_RUN_RE.finditer(text):
        # 贵澳两地, 云澳合作: a province's everyday character beside Macau's, only before the relation between them.
        if m.start() in token_starts and _RELATION_AFTER_RE.match(text, m.end()):
            found.append((m.start(), m.end(), 0.55))
    autonomous_shorts = set()
    if st["autonomous_re"] is not None:
        for m in st["autonomous_re"].finditer(text):
            before = text[m.start() - 1] if m.start() else ""
            if not _is_cjk(before or "，") or before in _FUNCTION_BEFORE or before in "省市州区县旗盟":
                found.append((m.start(), m.end(), 0.75))  # 青海省 + 门源县: after a place's suffix too
                autonomous_shorts.add(m.group()[:-1])
    # Short names licensed by their full name in the same text (城中 after 城中区, 大洼 after 大洼区), or by
    # the short name with its level (管城 after 管城区, of 管城回族区).
    licensed = {table.short_of.get(text[s:e]) for s, e, _c in found} | autonomous_shorts
    region_words, ns_words = st["region_words"], st["ns_words"]
    words = _gpe_words(st)
    # Each branch below that finds a place needs one of these: most tokens need no more asked of them. The
    # tokens that pass are picked by passes over the words in C, then read in their order.
    token_words = _token_word_list(tokens)
    asked = set(compress(count(), map(words.__contains__, token_words)))
    asked.update(compress(count(), map(licensed.__contains__, token_words)))
    abbreviated = compress(count(), map(_PROVINCE_ABBREVIATIONS.issuperset, token_words))
    asked.update(i for i in abbreviated if 2 <= len(token_words[i]) <= 3)
    # A city's name that is also another word (拉萨, 合肥) is asked only whether a verb of going cues it.
    cued_cities = _cued_cities(st)
    cued = set(compress(count(), map(cued_cities.__contains__, token_words))) - asked
    cued_counties = _cued_counties(st)
    counties = set(compress(count(), map(cued_counties.__contains__, token_words))) - asked
    cued |= {i for i in counties if _county_cued(text, tokens, i)}
    for i in sorted(asked | cued):
        start, end, word = tokens[i]
        if i in cued:
            if _city_cued(text, tokens, i):
                found.append((start, end, 0.55))  # 赴桂林, 抵达拉萨, 中新社银川3月2日电: a city by where one goes
            continue
        named = word in places or word in short_names
        if named and (_opens_unknown_word(text, tokens, i, table) or _inside_unknown_word(text, tokens, i, table)):
            continue
        if (
            named
            and word not in table.kind
            and table.short.get(word) not in ("province", "country")
            and text[end : end + 1] in _VENUE_CHARS
        ):
            continue  # 澳门 + 新竹苑: a short name opening a venue's own name is part of the venue
        # _counts_places(word), written out: it is asked of every token.
        if len(word) == 2 and word[0] in _COUNT_CHARS and word[1] in _KIND_OF_PLACE_CHARS and word not in licensed:
            continue  # 双城经济圈: a count of places, a name only beside its full name (双城区)
        if named:
            found.append((start, end, 0.8))
            continue
        if word in licensed:
            found.append((start, end, 0.7))  # 城中 where the text also says 城中区
            continue
        if word in region_words or (2 <= len(word) <= 3 and _PROVINCE_ABBREVIATIONS.issuperset(word)):
            found.append((start, end, 0.6))  # 港澳, 京津冀, 川渝: provinces by their one-character names
            continue
        if word in _NATURAL_SUFFIXES and i and tokens[i - 1][1] == start and tokens[i - 1][2] in ns_words:
            found.append((tokens[i - 1][0], end, 0.55))  # 湟水 + 河: a named river the suffix completes
            continue
        if word == "水库":
            # 柘林水库, 藻渡水库: a reservoir named by a proper name or characters of no word is a named water body,
            # like a lake (病险水库, 小型水库: a kind, its word before no name).
            stem_start = _stem_start(tokens, i, proper)
            if stem_start is not None and start - stem_start >= 2:
                found.append((stem_start, end, 0.55))
            continue
        if word in _LOCATIVE_AFTER_SUFFIX:
            # 石桥村 + 里: jieba reads 村里 (in the village) as one word; the village keeps its suffix.
            stem_start = _stem_start(tokens, i, proper)
            if stem_start is not None:
                found.append((stem_start, start + 1, 0.55))
            continue
        if word in _PLACE_SUFFIX_WORDS:
            stem_start = _stem_start(tokens, i, proper)
            if (
                word == "省"
                and stem_start is not None
                and table.short.get(text[stem_start:start]) != "province"
                and any(ch in _FUNCTION_BEFORE for ch in text[stem_start:start])
            ):
                continue  # 某某受省十届政协, 某某为省…: a name and a verb or preposition before 省 make no province
            if stem_start is None and _cued_rare_stem(tokens, i, st):
                found.append((tokens[i - 1][0], end, 0.55))
                continue
            if stem_start is not None and len(word) == 2 and table.short.get(text[stem_start:start]) in _BIG_KINDS:
                continue  # 袁家沟社区 (a name of single characters), not 澳门社区 (the community of a city)
            if stem_start is not None and len(word) == 2 and table.kind.get(text[stem_start:start]) == "county":
                continue  # 普陀区 + 街道: a district's streets, a kind (a named one: 某某区长风街道)
            if stem_start is not None:
                found.append((stem_start, end, 0.55))
    # 黄河流域, 长江流域: jieba's one word for a named river and its basin hides the river; the basin is the place
    # named, as a region after its place is (RULINGS, org14). No word ends in 流域 where the text holds none.
    for start, end, word in tokens if "流域" in text else ():
        if len(word) >= 4 and word.endswith("流域") and (word[:-2] in places or word[:-2] in short_names):
            found.append((start, end, 0.6))
    for m in _NATIVE_PLACE_RE.finditer(text):
        # 籍贯 + 台中: the word for one's native place is followed by a place, though the segmenter split it (台|中).
        pos = m.end()
        name = next((text[pos : pos + n] for n in (4, 3, 2) if text[pos : pos + n] in words), None)
        if name is not None:
            found.append((pos, pos + len(name), 0.6))
    found += _mongolian_divisions(text, tokens, st)
    found += _hill_villages(text, tokens, st) if "山村" in text else []
    # (a token opening with a region holds the region's two characters: no region in the text, no token to read)
    found += _china_regions(text, tokens, st["tokenizer"].FREQ) if any(r in text for r in _CHINA_REGIONS) else []
    found += _divisions_across_breaks(text, st) if "\n" in text else []
    found = [f for f in found if text[f[0] : f[1]] not in _GENERIC_PLACES]
    found += _listed_short_names(text, tokens, found)
    found += _bare_towns(text, tokens, found, st)
    # 新城区 (a district of 西安, and the common word for a city's new part: an everyday word before 城区), 化工园区
    # (a short name the division table derives): a kind of area names a place only after its city.
    found_ends = {e for _s, e, _c in found}
    found = [f for f in found if not (_kind_of_area(text[f[0] : f[1]], st) and f[0] not in found_ends)]
    for run in _WORLD_REGION_RUN_RE.finditer(text):
        # 面向南亚东南亚: world regions written together, which jieba runs into one another, are each a place.
        found += [(m.start(), m.end(), 0.6) for m in _WORLD_REGION_RE.finditer(text, run.start(), run.end())]
    for m in _COUNTRY_RUN_RE.finditer(text):
        # 中蒙俄经济走廊, 中俄经贸合作: China and its partners by one-character names, before a relation.
        after = _RELATION_AFTER_RE.match(text, m.end()) or _CORRIDOR_AFTER_RE.match(text, m.end())
        if m.start() in token_starts and after:
            found.append((m.start(), m.end(), 0.55))
    if _BAY_AREA_CUE_RE.search(text):
        # 参与湾区建设: in a text on Hong Kong, Macau or Guangdong, a bare 湾区 is the Greater Bay Area (RULINGS),
        # as 大湾区 is; where a place is glued before it (杭州湾区) the place's own chain holds it.
        found += [
            (s, e, 0.55)
            for s, e, w in tokens
            if w == "湾区" and not (s and _is_cjk(text[s - 1]) and s in {f[1] for f in found})
        ]
    # 庆阳市情: where the suffix starts the next word, the place is its short name; not where the
    # characters after the suffix are a word of their own (中山市民主党派 is 中山市 + 民主党派).
    freq = st["tokenizer"].FREQ
    # 宜宾市 + 南溪区, 绵阳市 + 北川县: a place found right after the suffix is the chain's next link, no word after it.
    found_starts = {s for s, _e, _c in found}
    found = [
        (s, e - 1, c)
        if e - s >= 3
        and text[e - 1 : e + 1] in st["suffix_eaters"]
        and (e + 2 > len(text) or freq.get(text[e : e + 2], 0) < _WORD_AFTER_SUFFIX_FREQ)
        and not (text[e - 1] in "镇乡" and _chain_tail(text, e))
        and e not in found_starts
        and not _word_after_suffix(e, word_at)
        else (s, e, c)
        for s, e, c in found
    ]
    # A name seen with its suffix (岳阳市, 陇南市政协) is a place where it stands bare (推动岳阳融入).
    stems = {text[s : e - 1] for s, e, _c in found if e - s >= 3 and text[e - 1] in "省市县"}
    # 陈仓区 → 陈仓, but 城中区 does not make 城中 a place: the stem must be a name of its own.
    stems |= {text[s : e - 1] for s, e, _c in found if e - s >= 3 and text[e - 1] == "区" and text[s : e - 1] in proper}
    # 神湾镇党委 … 支援神湾经济: a town the table knows, named with its suffix, is a place bare too, where its
    # stem is no everyday word (三乡, 神湾; not 城关 or 新城, which the text may use as words).
    stems |= {
        text[s : e - 1]
        for s, e, _c in found
        if e - s >= 3
        and text[e - 1] in "镇乡"
        and table.kind.get(text[s:e]) == "town"
        and freq.get(text[s : e - 1], 0) < _TOWN_STEM_FREQ
    }
    for m in _PLACE_IN_BODY_RE.finditer(text):
        # 陇南市政协: the stem must be a name (jieba's nr/ns, or no word at all), not 列席 of 列席市委.
        stem = m.group(1) or m.group(2) or m.group(3)
        if any(ch in _NOT_IN_PLACE_STEM for ch in stem):
            continue  # 政协系统省市县政协, 市政协和外省地市政协: no name there
        known = stem in proper or stem in places or stem in table.short
        if not known and m.group(1) and not freq.get(stem):
            # 政协将提请市委: a stem jieba reads as a verb phrase (将 + 提请) is no unknown name.
            if any(w in st["function_words"] for w in st["segmenter"].words(stem)):
                continue
        if known or (m.group(1) and not freq.get(stem)):
            stems.add(stem)
    stems = {x for x in stems if x and len(x) >= 2 and x not in _GENERIC_PLACES and _CJK_ONLY_RE.fullmatch(x)}
    if stems:
        taken = bytearray(len(text) + 1)
        for s, e, _c in found:
            taken[s:e] = b"\1" * (e - s)
        for m in re.finditer("|".join(sorted(map(re.escape, stems), key=len, reverse=True)), text):
            # A word of its own: 岳阳 in 推动岳阳融入, not 岳阳 inside a longer token.
            if not any(taken[m.start() : m.end()]) and m.start() in token_starts and m.end() in token_ends:
                found.append((m.start(), m.end(), 0.6))
    # The longest place wins where two overlap; then places written together are one chain
    # (v1.1): 湖北宜昌, 四川省南江县, 拓石镇小川村, and across a middle dot, 中国·宜昌.
    # Of two as long that overlap, the one the report also names in full wins: 新吴起 with 吴起县
    # elsewhere is 吴起, not 新吴. A place never starts inside a post (处长葛某: not 长葛).
    full = {text[s : e - 1] for s, e, _c in found if e - s >= 3 and text[e - 1] in "省市县区州旗"}
    found = [f for f in found if not (text[f[0]] == "长" and text[f[0] - 1 : f[0] + 1] in _POSTS_OF_UNITS)]
    if full:
        # How many places cover each character, and how many are exactly a stretch: another place
        # overlaps a stretch where more places cover one of its characters than are the stretch itself.
        cover = [0] * (len(text) + 1)
        exact: dict[tuple[int, int], int] = {}
        for s, e, _c in found:
            exact[s, e] = exact.get((s, e), 0) + 1
            for k in range(s, e):
                cover[k] += 1
        spans_at = [(s, e) for s, e, _c in found if s >= e]  # an empty one covers nothing: asked apart
        for m in re.finditer("|".join(sorted(map(re.escape, full), key=len, reverse=True)), text):
            if m.end() in token_ends and (
                max(cover[m.start() : m.end()], default=0) > exact.get(m.span(), 0)
                or any(s < m.end() and m.start() < e and (s, e) != m.span() for s, e in spans_at)
            ):
                found.append((m.start(), m.end(), 0.6))  # 新吴起: 吴起 where 新吴 would cut it
    found.sort(key=lambda f: (-(f[1] - f[0]), text[f[0] : f[1]] not in full, f[0]))
    kept: list[tuple[int, int, float]] = []
    occupied = bytearray(len(text) + 1)
    for s, e, c in found:
        if not any(occupied[s:e]):
            occupied[s:e] = b"\1" * (e - s)
            kept.append((s, e, c))
    # 香港会议展览中心, 山东会堂: the venue's own name holds its place (RULINGS: venues are no GPE).
    kept = sorted(k for k in kept if not _VENUE_AFTER_PLACE_RE.match(text, k[1]))
    # 蒙古族, 朝鲜族: a place's name opening an ethnic group's is no place of its own.
    kept = [k for k in kept if not (text[k[1] : k[1] + 1] == "族" and text[k[0] : k[1]] in table.short)]
    merged: list[tuple[int, int, float]] = []
    for start, end, conf in kept:
        # A chain runs from the larger place to the smaller: a country right after a town starts a
        # name of its own (朝阳镇 + 中国唐三彩文化园), except across a dot (中国·宜昌).
        country_after = merged and merged[-1][1] == start and table.short.get(text[start:end]) == "country"
        # 某某镇 + 和县: a county or a city right after a town or a village is no smaller link of its chain.
        larger_after = (
            merged
            and merged[-1][1] == start
            and text.endswith(_TOWN_SUFFIXES, merged[-1][0], start)
            and text[end - 1] in "省市县"
        )
        # 粤港澳大湾区 + 港澳青年, 长三角地区 + 沪苏浙皖: a run of the regions' one-character names after a region is
        # a place of its own, no smaller link of the region's chain.
        run_after_region = (
            merged
            and merged[-1][1] == start
            and text[start - 1] in "区带圈"
            and end - start >= 2
            and _PROVINCE_ABBREVIATIONS.issuperset(text[start:end])
        )
        if (
            country_after
            or larger_after
            or run_after_region
            or (merged and merged[-1][1] == start and _two_provinces(text[merged[-1][0] : start], text[start:end]))
        ):
            merged.append((start, end, conf))
            continue
        if merged and (merged[-1][1] == start or (merged[-1][1] == start - 1 and text[start - 1] in _DOTS)):
            merged[-1] = (merged[-1][0], end, min(conf, merged[-1][2]))
        else:
            merged.append((start, end, conf))
    out = []
    for s, e, c in merged:
        # 隆安县东信村: after a county or town, the next name with its 村/镇 suffix continues the chain.
        if e < len(text) and text[e] in "省市县区" and not text.startswith(_BODY_AFTER_LEVEL, e + 1):
            if text[e : e + 2] not in st["suffix_eaters"] and text[s:e] not in _SAR_NAMES:
                # (香港 + 区议会: a SAR takes no level suffix; its districts' councils are a plural, RULINGS hkmo2)
                e += 1  # 积石山 + 县: the suffix jieba left outside (积石山县委 is an ORG, found as such)
        if (
            text[s : e + 1] in places
            and text[e : e + 1] in _NATURAL_SUFFIXES
            # 中国 + 海军: the feature's character opens a common word of its own (not 中国海)
            and st["tokenizer"].FREQ.get(text[e : e + 2], 0) < _EVERYDAY_WORD_FREQ
        ):
            e += 1  # 青海 + 湖畔: the text writes 青海湖, and a place is never cut shorter than that
        # 蔡甸街道 + 姚家林村: a subdistrict (街道) continues the chain as a town does.
        tail = _chain_tail(text, e) if text[e - 1] in "省市县区镇乡旗" or text.endswith("街道", 0, e) else None
        before_tail, tail_end = e, -1
        if tail and (
            _KIND_OF_VILLAGE_RE.fullmatch(tail.group())
            or _KIND_OF_TOWN_END_RE.search(tail.group())
            or "个" in tail.group()
        ):
            # 某县 + 边境村, 贫困村, 历史名镇: a kind of village or town, no name continuing the chain;
            # 某区 + 十个街道: a count of them
            tail = None
        if tail and not _kind_closes(text, tail.end()):
            e = tail_end = tail.end()
        region = _REGION_TAIL_RE.match(text, e)
        prefecture = _PREFECTURE_TAIL_RE.match(text, e) if region is None else None
        if region:
            e = region.end()  # 澳门特区, 威海地区, 中国西部: the place's region is the place named
        elif prefecture and not _province_or_country(text[s:e], table):
            e = prefecture.end()  # 滕县专区, 济宁专(地)区: a prefecture of the 1950s–70s (四川专区 is a fair's counter)
        elif _is_division(text[s:e], table):
            area = _AREA_WORD_RE.match(text, e) or (
                _AREA_WORD_RE.match(text, e - 1) if text[e - 1] in "县区市" else None
            )
            if area:
                e = area.end()  # 某某区域, 某某县域, 某某城区, 某市区: a division's area word is the place named
                region = _REGION_TAIL_RE.match(text, e)
                e = region.end() if region else e  # 某市区东北部, as 中国西部
        seat = _COUNTY_SEAT_RE.match(text, e) or (_COUNTY_SEAT_RE.match(text, e - 1) if text[e - 1] == "县" else None)
        if seat and (text[s:e] in table.kind or text[s:e] + "县" in table.kind or text[s:e] in table.short):
            e = seat.end()  # 来安县城: a county's seat by the county's name (a bare 县城 is none)
        feature = _FEATURE_AFTER_RE.match(text, e)
        if (
            feature
            and (feature.group() in st["ns_words"] or not st["tokenizer"].FREQ.get(feature.group()))
            and table.short.get(feature.group()) not in ("province", "country", "city")
            # 大明湖 + 见湖: a natural place takes no feature of its own kind after it (见湖透绿 is a slogan's words)
            and not (text[e - 1] in _NATURAL_SUFFIXES and text[e - 1] == feature.group()[-1])
            # 中国 + 近代海 + 军: the feature's character opens the next word (海军), no feature
            and st["tokenizer"].FREQ.get(text[feature.end() - 1 : feature.end() + 1], 0) < _EVERYDAY_WORD_FREQ
            # 某市 + 建设海 + 绵城市: a verb of building opens the place's predicate, no feature's name
            and not feature.group().startswith(_BRAND_VERBS)
        ):
            # 杭州西湖, 西双版纳野象谷: a named natural place after its place is one chain (台湾 is no feature)
            e = feature.end()
        elif (landform := _LANDFORM_AFTER_RE.match(text, e)) is not None and not _province_or_country(text[s:e], table):
            e = landform.end()  # 怒江大峡谷, 呼伦贝尔草原: a landform's head after its river or place names it
        hamlet = _HAMLET_AFTER_RE.match(text, e) if text[e - 1] == "村" else None
        if hamlet and hamlet.group()[0] in _SURNAMES:
            e = hamlet.end()  # 闫河村 + 李家大湾: a hamlet named after its family continues the village's chain
        village = _VILLAGE_AFTER_RE.match(text, e)
        if village and _TOWN_IN_CHAIN_RE.search(text, s, e):
            if e == tail_end and _kind_closes(text, village.end()):
                e = before_tail  # 某镇 + 美丽乡 + 村: the tail and the suffix make a kind of village (乡村), no name
            else:
                e = village.end()  # 侏儒山街道薛山 + 村, 东湖街道王家湾 + 社区: the village's suffix ends the chain
        if opens_way_name(text, e):
            continue  # 宜昌大道, 某地长江大桥, 襄阳东站: the place opens a road's, a bridge's or a station's name
        out.append(_span(text, s, e, "GPE", "entity.gpe", c))
    out = _water_names(text, tokens, st, _development_zones(text, tokens, st, _zones(text, tokens, st, out)))
    if "乡" in text:
        # 羌乡茶农, 水韵畲乡: an ethnic group's one-character name and 乡 is the group's homeland, an epithet, no place.
        out = [o for o in out if not _homeland_epithet(o.text, st)]
    return _province_quarters(text, tokens, _stem_before_annals(text, tokens, out))


def _homeland_epithet(name: str, st: dict[str, Any]) -> bool:
    """羌乡, 水韵畲乡: an ethnic group's one-character name and 乡, the group's homeland, no division's name."""
    return len(name) >= 2 and name[-1] == "乡" and name[-2] in st["ethnic_groups"] and name not in place_table().kind


# 汾河流域, 湘江两岸: a two-character river's name (jieba's ns ending in 江 or 河) names the river before a word of a
# river's parts; alone it is too often an everyday word (山河, 江河, 内河) to count. 流域 joins the river (RULINGS:
# a river's basin is one GPE).
_RIVER_PART_RE = re.compile("流域|干流|支流|两岸|沿岸|上游|中游|下游|河段|水系|河道")
_RIVER_CHARS = frozenset("江河")
# 山河, 江河, 大河, 内河, 冰河, 银河, 运河, 渡江: a natural noun or a modifier before 江/河 makes an everyday word.
_RIVER_WORD_FIRST = frozenset("山江河湖海大小内外冰天星银运渡沿两")
_STREAM_WORD_FREQ = 50


def _water_names(text: str, tokens: list[tuple[int, int, str]], st: dict[str, Any], out: list[Span]) -> list[Span]:
    """Rivers before their basin or banks (汾河流域, 湘江两岸), basins after a found river (黄柏河流域), and a stream
    named after the town whose stem stands before 溪 (汤口镇 … 汤口溪)."""
    if "流域" not in text and "溪" not in text and _RIVER_PART_RE.search(text) is None:
        return out
    proper, freq = st["proper"], st["tokenizer"].FREQ
    table = place_table()
    # Only tokens of a river's shape are read on (a two-character word in 江/河, or one with 流域 after it).
    # (The text's distinct words are asked once, and the tokens holding a river's word picked in C.)
    shaped = {w for w in set(map(itemgetter(2), tokens)) if w[-1:] in _RIVER_CHARS or w.endswith("流域")}
    rivers = [
        (s, e, w, river)
        for s, e, w in compress(tokens, map(shaped.__contains__, map(itemgetter(2), tokens)))
        if (len(w) == 2 or len(w) == 4)
        and (river := w[:-2] if len(w) == 4 and w.endswith("流域") else w)[-1:] in _RIVER_CHARS
        and len(river) == 2
        and river in proper
        and river[0] not in _RIVER_WORD_FIRST
    ]
    covered = _covered(text, out if rivers else ())
    added = []
    for s, e, w, river in rivers:
        if covered[s] or covered[e - 1]:
            continue
        if river in table.short or river in table.kind or (s and text[s - 1] in _RIVER_CHARS):
            continue  # 九江, 内江 (cities: the table reads them), 江河 after a river's character
        if w != river:
            added.append(_span(text, s, e, "GPE", "entity.gpe_river", 0.55))
        elif (part := _RIVER_PART_RE.match(text, e)) is not None:
            end = part.end() if part.group() == "流域" else e
            added.append(_span(text, s, end, "GPE", "entity.gpe_river", 0.55))
    spans = []
    for o in sorted(out + added, key=lambda o: o.start):
        end = o.end
        if (
            text[end : end + 1] == "溪"
            and o.text[-1] not in _NATURAL_SUFFIXES
            and o.text[-1] not in _KIND_OF_PLACE_CHARS
            and freq.get(text[end : end + 2], 0) < _STREAM_WORD_FREQ
        ):
            end += 1  # 汤口 + 溪: a stream named after its town
        if text[end - 1] in _RIVER_CHARS | {"溪"} and text.startswith("流域", end):
            end += 2  # 黄柏河 + 流域
        spans.append(o if end == o.end else _span(text, o.start, end, "GPE", o.rule, o.confidence))
    return spans


# 策勒县志, 策勒县佐: a division's suffix that makes with the next character a word of the division's annals (县志,
# 市志) or of an old office of it (县佐, 县丞, 县令) belongs to that word; the place is its stem (RULINGS, regions10),
# as the name is written. Where jieba reads the next character into a longer word (县 + 志愿者) the suffix stays.
_ANNALS_AND_OLD_OFFICES = frozenset(("县志", "市志", "省志", "州志", "县佐", "县丞", "县令", "县尉"))


def _stem_before_annals(text: str, tokens: list[tuple[int, int, str]], out: list[Span]) -> list[Span]:
    if not any(text[o.end - 1 : o.end + 1] in _ANNALS_AND_OLD_OFFICES for o in out):
        return out
    words = _token_words(tokens)
    return [
        _span(text, o.start, o.end - 1, "GPE", o.rule, o.confidence)
        if o.end - o.start >= 3
        and text[o.end - 1 : o.end + 1] in _ANNALS_AND_OLD_OFFICES
        # 县志 read as a word, or 策勒县 + 佐 alone; not 县 + 志愿者
        and (words.get(o.end - 1) in _ANNALS_AND_OLD_OFFICES or words.get(o.end) == text[o.end])
        else o
        for o in out
    ]


# 鲁西, 桂北, 粤西, 苏北, 皖南, 鲁中, 鲁西南: a province's quarter by its one-character short name and a direction
# (GUIDELINES v1.1: a named region, as 港澳). The short names are the closed table of the provincial-level divisions,
# less 港 and 澳 (no quarters written so; 港中旅, 澳中 of Australia are other words). The quarter is a word of its own
# in jieba's cut, whatever stands around it: it starts and ends where tokens do (江苏 + 北京, 新中国, 党中央 give
# none) and its direction opens no place of the table (川西藏区, 苏北京: 西藏, 北京); 地区 or 片区 after it joins
# it (苏北地区, as 威海地区).
_PROVINCE_SHORTS = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼台"
_PROVINCE_QUARTER_RE = scanning(re.compile(f"[{_PROVINCE_SHORTS}](?:[东西][南北]|[东南西北中])"))
_QUARTER_AREA_WORDS = ("地区", "片区")


def _province_quarters(text: str, tokens: list[tuple[int, int, str]], out: list[Span]) -> list[Span]:
    found: list[Span] = []
    starts = ends = frozenset[int]()
    for m in finditer_near(_PROVINCE_QUARTER_RE, text):
        if not starts:
            starts, ends, table = _token_starts(tokens), _token_ends(tokens), place_table()
        s = m.start()
        if s not in starts:
            continue  # 江苏 + 北京: the short name ends another word
        e = next((e for e in dict.fromkeys((m.end(), s + 2)) if e in ends), None)
        if e is None or text[e - 1 : e + 1] in table.short:
            continue  # 新中国; 川西藏区, 苏北京: the direction opens another word or a place (西藏, 北京)
        if text.startswith(_QUARTER_AREA_WORDS, e) and e + 2 in ends:
            e += 2
        if not any(o.start < e and s < o.end for o in out):
            found.append(_span(text, s, e, "GPE", "entity.gpe_province_quarter", 0.55))
    return sorted(out + found, key=lambda o: o.start) if found else out


# 宜都市省级高新区, 桐乡经济技术开发区, 南川新城, 萧山城市新区: a development zone's head after its place, a level
# (省级, 国家级) and up to two sector words between, names the zone: one place with it, as the gold holds
# 扬中经开区, 汉寿县高新区, 翠亨新区 and 瓯北城市新区. 新城 before 市 or 区 is 新城市 or 新城区 (钱江新城市民中心).
_DEV_ZONE_HEAD_RE = re.compile(
    "自由贸易试验区|自由贸易港|自贸试验区|自贸港|自贸区|高新技术产业开发区|高新技术开发区|经济技术开发区|经济开发区|开发区|高新区|经开区|新区|示范区|先行区|试验区"
    "|工业园区|工业园|新城(?![市区])|小镇|旅游度假区|度假区|风景名胜区|风景区|旅游区"
)
# A road's, a bridge's or a station's name a place opens (宜昌大道, 京港澳高速, 襄阳东站); not the place's roads
# (宜昌公路建设, 宜昌路网) or its growth (高速发展). A single 路 only before what ends the road's name.
_WAY_AFTER_PLACE_RE = re.compile(
    r"大道|大街|大桥|隧道|高速(?!发展|增长|度|推进)|[东西南北]站|火车站|高铁站|汽车站|客运站|路(?=[口段、，。,;；\s与和])"
)


def opens_way_name(text: str, end: int) -> bool:
    """Whether a place ending at ``end`` opens a road's, a bridge's or a station's name (RULINGS: streets and
    stations are no GPE, and a place opening their name is part of it)."""
    return _WAY_AFTER_PLACE_RE.match(text, end) is not None


_DEV_ZONE_END_RE = re.compile(f"(?:{_DEV_ZONE_HEAD_RE.pattern})$")
_ZONE_LEVELS = frozenset(("省级", "国家级", "市级"))
# The last character of a body's word (政协, 市委, 工会, 公安局): the zone after it is that body's unit.
_ZONE_BODY_CHARS = frozenset("协委会局府院部办厅处所社党团联署")
# A sector word between the place and the head (城市, 产业, 生态, 设计): a word of the dictionary, seen this often.
_ZONE_WORD_FREQ = 100


def _development_zones(
    text: str, tokens: list[tuple[int, int, str]], st: dict[str, Any], out: list[Span]
) -> list[Span]:
    """A place (or a name jieba tags as one: 东湖, 北湖) + level + sector words + a zone's head is one GPE.

    A province or a country before the head stays alone (浙江高新区: where the zone is); the head alone or after
    common words only (特色小镇, 经开区) is a kind of zone, no name.
    """
    heads = list(_DEV_ZONE_HEAD_RE.finditer(text))
    if not heads:
        return out
    token_ending = _token_ending(tokens)
    token_starts = _token_starts(tokens)
    place_ending = {o.end: o for o in out}
    table = place_table()
    freq = st["tokenizer"].FREQ
    for m in heads:
        if any(o.start < m.start() and o.end >= m.end() for o in out):
            continue  # 横琴粤澳深度合作区: a zone already read whole
        at, words = m.start(), 0
        while at not in place_ending and at in token_ending:
            s, _e, w = tokens[token_ending[at]]
            sector = (
                words < 2
                and len(w) >= 2
                and freq.get(w, 0) >= _ZONE_WORD_FREQ
                and _CJK_ONLY_RE.fullmatch(w)
                and w not in st["function_words"]
                and not _names_a_place(w, st)
                and not _zone_stem(w, st)
                and w[-1] not in _ZONE_BODY_CHARS  # 扬中市政协经开区委员组: a body's word, not a sector's
                # 海南 + 建设 + 自贸港: a verb of building opens the place's predicate; the zone is what it builds
                and w not in _BRAND_VERBS
            )
            if not (w in _ZONE_LEVELS or sector):
                break
            words += w not in _ZONE_LEVELS
            at = s
        place = place_ending.get(at)
        if place is not None:
            if (
                table.short.get(place.text) in ("province", "country") or table.kind.get(place.text) == "province"
            ) and not m.group().startswith(_FREE_TRADE_HEADS):
                continue  # 浙江高新区: the province the zone lies in (海南自贸港: a free-trade zone is named by it)
            if table.short.get(place.text) == "country" or table.kind.get(place.text) == "country":
                continue  # 中国特色自贸港: the country's kind of port, no named zone (RULINGS, hkmo2)
            start = place.start
        else:
            stem = token_ending.get(at)
            if stem is not None and _zone_stem(tokens[stem][2], st):
                if m.group().endswith(_RESORT_HEADS) and freq.get(tokens[stem][2], 0) >= _COMMON_WORD_FREQ:
                    continue  # 温泉度假区: a resort after a word of prose names a kind of resort, no place
                start = tokens[stem][0]
            else:
                # 瓯北 + 城市新区: a town's stem the tokenizer split into characters, where a word starts at it.
                town = next(
                    (k for k in (3, 2) if text[at - k : at] in st["town_stems"] and at - k in token_starts), None
                )
                if town is None:
                    continue
                start = at - town
        out = [o for o in out if o.end <= start or o.start >= m.end()]
        out.append(_span(text, start, m.end(), "GPE", "entity.gpe_dev_zone", 0.6))
        place_ending = {o.end: o for o in out}
    return sorted(out, key=lambda o: o.start)


def _zone_stem(word: str, st: dict[str, Any]) -> bool:
    """东湖, 北湖, 恒口: a name jieba tags as a place or a proper name, or a town's bare stem, of two or three
    characters, that is no everyday word of report prose and no function word."""
    return (
        2 <= len(word) <= 3
        and (word in st["ns_words"] or word in st["town_stems"] or word in st["proper"])
        and word not in _GENERIC_PLACES
        and word not in st["function_words"]
        and st["tokenizer"].FREQ.get(word, 0) < _ZONE_STEM_FREQ  # 文明 of 生态文明建设示范区: an everyday word
        and _CJK_ONLY_RE.fullmatch(word) is not None
    )


_RESORT_HEADS = ("度假区", "风景名胜区", "风景区", "旅游区")
# 海南自贸港, 上海自贸区, 广西自由贸易试验区: a free-trade port or zone bears its province's name (RULINGS: 海南自贸港
# is one GPE, a named zone), so the province opens it rather than standing alone as before a kind of zone.
_FREE_TRADE_HEADS = ("自由贸易", "自贸")
_ZONE_STEM_FREQ = 2000
"""A name opening a zone is rarer than this in jieba's dictionary (东湖 1866, 南沙 132; 文明 6584 is prose)."""


def _zones(text: str, tokens: list[tuple[int, int, str]], st: dict[str, Any], out: list[Span]) -> list[Span]:
    """横琴粤澳深度合作区, 前海深港现代服务业合作区: a place, the regions that share it by their
    one-character names, and a cooperation zone's head are one place (RULINGS: the zone is GPE)."""
    matches = list(finditer_near(_ZONE_RE, text))
    if not matches:
        return out
    word_ending = {e: (s, w) for s, e, w in tokens}
    table = place_table()
    freq = st["tokenizer"].FREQ
    token_starts = {s for s, _e, _w in tokens}
    for m in matches:
        found_before: tuple[int | None, str] = word_ending.get(m.start(), (None, ""))
        start_before, word = found_before
        named = word in st["places"] or word in st["ns_words"] or word in table.short or word in st["proper"]
        before = (
            start_before is not None
            and len(word) >= 2
            and _CJK_ONLY_RE.fullmatch(word)
            and (named or freq.get(word, 0) <= 50)
            and word not in st["function_words"]
        )  # 推进粤港澳合作区: a verb before the regions names no zone
        if not before:
            if not (m.group().endswith("示范区") and (m.start() == 0 or m.start() in token_starts)):
                continue
            # 闽赣合作先行示范区, 湘南粤北合作示范区: a demonstration zone the provinces share is named by them alone.
            start_before = m.start()
        start = start_before if start_before is not None else m.start()
        out = [o for o in out if o.end <= start or o.start >= m.end()]
        out.append(_span(text, start, m.end(), "GPE", "entity.gpe_zone", 0.6))
    return sorted(out, key=lambda o: o.start)


# 来安县城: the seat after its county's name (县城乡一体化 is the county's town and country).
_COUNTY_SEAT_RE = re.compile("县城(?![乡区市镇])")


def _listed_short_names(
    text: str, tokens: list[tuple[int, int, str]], found: list[tuple[int, int, float]]
) -> list[tuple[int, int, float]]:
    """鼓楼、台江, 巢县、无为来宾: a short name the table holds but jieba reads as a word more often
    (鼓楼, 无为) is a place where a 、 or 和 joins it to a place the text names: a list is of one kind."""
    table = place_table()
    starts = {s for s, _e, _c in found}
    ends = {e for _s, e, _c in found}
    added: list[tuple[int, int, float]] = []
    # The tokens that may join a list: short names, not before a body's head (晋安和仓山工委: the body's).
    names = [
        (s, e)
        for s, e, word in compress(tokens, map(table.short.__contains__, map(itemgetter(2), tokens)))  # in C first
        if len(word) >= 2 and text[e : e + 1] not in _BODY_AFTER_SUFFIX
    ]
    for _round in range(3):  # 鼓楼、台江、晋安: the list's kind passes along it
        grown = False
        for s, e in names:
            if s in starts:
                continue
            after = text[e : e + 1] in ("、", "和") and e + 1 in starts
            before = s and text[s - 1] in "、和" and s - 1 in ends
            if after or before:
                added.append((s, e, 0.5))
                starts.add(s)
                ends.add(e)
                grown = True
        if not grown:
            break
    return added


def _bare_towns(
    text: str, tokens: list[tuple[int, int, str]], found: list[tuple[int, int, float]], st: dict[str, Any]
) -> list[tuple[int, int, float]]:
    """居澳崖门乡亲, 为澳门、崖门建设, 顺德大良: a town's name without its suffix (the table's towns, names jieba
    knows no word of) is a place where its natives are named after it (乡亲, 同乡), where a 、 or 和 joins it to a
    place found, or right after the county or district it lies in; never across a word jieba made."""
    stems = st["town_stems"]
    ends = _token_ends(tokens)
    place_ends = {e for _s, e, _c in found}
    taken = bytearray(len(text) + 1)
    for s, e, _c in found:
        taken[s:e] = b"\1" * (e - s)
    out: list[tuple[int, int, float]] = []
    heads = _town_stem_heads(st)
    # Every stem has two or three characters: where no stem's first two start, neither length need be asked.
    # The tokens' starts in order (they run one after another), and the two characters at each, read in C.
    firsts = list(map(itemgetter(0), tokens))
    pairs = map(text.__getitem__, map(slice, firsts, map((2).__add__, firsts)))
    for a in compress(firsts, map(heads.__contains__, pairs)):
        for n in (3, 2):
            b = a + n
            if b not in ends or (word := text[a:b]) not in stems or any(taken[a:b]) or word in _GENERIC_PLACES:
                continue
            natives = _NATIVES_AFTER_RE.match(text, b) is not None
            if text[b : b + 1] in _TOWN_STEM_NOT_BEFORE and not natives:
                continue  # 西昌市袁家 + 山, 仓山 + 工委: the name or a body's head goes on
            after_place = a in place_ends or (a >= 1 and text[a - 1] in "、和" and a - 1 in place_ends)
            # 芜湖三市: a count of places after a list of them, no town (三市镇), unless its natives are named
            counted = text[a] in "一二三四五六七八九十两百千"
            if (after_place and not counted) or natives:
                out.append((a, b, 0.5))
                taken[a:b] = b"\1" * n
                break
    return out


def _town_stem_heads(st: dict[str, Any]) -> frozenset[str]:
    """The first two characters of every town stem (``town_stems``), built once."""
    heads = st.get("town_stem_heads")
    if heads is None:
        heads = st["town_stem_heads"] = frozenset(stem[:2] for stem in st["town_stems"])
    return cast(frozenset[str], heads)


# A place's suffix, a natural feature's or a body's first character after a town's bare name: the name goes on.
_TOWN_STEM_NOT_BEFORE = _NATURAL_SUFFIXES | _BODY_AFTER_SUFFIX | frozenset("省市县区州旗镇乡村街社")
# 崖门乡亲, 崖门同乡: the people of a home town, named after it.
_NATIVES_AFTER_RE = re.compile("乡亲|同乡(?!会|联谊会|总会)")


def _division_rest(name: str, rest: str, table: PlaceTable) -> bool:
    """Whether ``rest``, the rest of a word a province's or a country's ``name`` opens, is a division of the
    place table that continues the chain: a city or a county by its full or short name, with a region's
    tail (某某地区) or not; a province only after a country (中国西藏). Two provinces, or a SAR before a
    city, are no chain (``_two_provinces``)."""
    region = _REGION_TAIL_RE.search(rest)
    stem = rest[: region.start()] if region and region.end() == len(rest) and region.start() >= 2 else rest
    if len(stem) < 2:
        return False
    kind = table.kind.get(stem) or table.short.get(stem)
    first = table.short.get(name) or table.kind.get(name)
    if kind == "province":
        return first == "country"
    return kind in ("city", "county") and first in ("country", "province") and not _two_provinces(name, stem)


def _two_provinces(first: str, second: str) -> bool:
    """香港澳门, 广东福建: two provinces side by side are two places, not a chain (湖北宜昌 is one); nor is a
    Hong Kong, Macau or Taiwan name before a province or a city (澳门中山各友好社团: the SAR holds no city; 香港观塘
    stays a chain, 观塘 a district of it)."""
    table = place_table()
    kinds = [table.short.get(w) or table.kind.get(w) for w in (first, second)]
    if kinds == ["province", "province"] or all(_WORLD_REGION_RE.fullmatch(w) for w in (first, second)):
        return True  # 广东福建, 南亚东南亚
    if all(table.short.get(w) == "city" for w in (first, second)):
        return (
            True  # 济南泰安: two prefectures by their short names (neither holds the other; 台北市梅州 stays a chain)
        )
    if len(first) <= 3 and _ALL_ABBREVIATIONS.issuperset(first + second) and first[0] in second:
        return True  # 琼港 + 琼澳: a pairing written again with its first name
    if second in _SAR_NAMES and first not in _SAR_NAMES and kinds[0] != "country":
        return True  # 神湾澳门交流: a mainland place before a SAR (中国香港 stays one)
    if second in _REGION_RUNS_AFTER_PLACE and kinds[0] in ("province", "city"):
        return True  # 海南省 + 港澳台企业: the regions by their one-character names are a second place (RULINGS, hkmo2)
    return first in _SAR_NAMES and kinds[1] in ("province", "city")


# 籍贯, 祖籍, 原籍 (one's native place), with a copula: a place's name follows.
_NATIVE_PLACE_RE = re.compile("(?:籍贯|祖籍|原籍)(?:是|为|系|在)?")
# A word at least this frequent in jieba's dictionary is an everyday word (海军, 海关, 山区).
_EVERYDAY_WORD_FREQ = 1000


_SAR_NAMES = frozenset(("香港", "澳门", "台湾", "香港特区", "澳门特区", "香港特别行政区", "澳门特别行政区", "台湾省"))
_REGION_RUNS_AFTER_PLACE = frozenset(("港澳", "港澳台", "港澳台侨"))


# 花都广场: a place right before 广场 names the square, as one before 会堂 names the hall.
_VENUE_AFTER_PLACE_RE = re.compile(r"(?:会议展览|会展|博览|世博|会议)中心|会堂|礼堂|宾馆|大酒店|体育馆|大剧院|广场")
_TOWN_SUFFIXES = ("镇", "乡", "街道", "村", "社区")


def opens_venue_name(text: str, end: int) -> bool:
    """Whether a venue's head follows a place right at ``end`` (某州会议中心, 香港会议展览中心, 山东会堂): the place
    opens the venue's own name, no GPE of its own (RULINGS: venues are no GPE)."""
    return _VENUE_AFTER_PLACE_RE.match(text, end) is not None


# 怒江大峡谷, 金沙江峡谷, 呼伦贝尔草原, 柴达木盆地: a landform's common head right after a river or a place (not a
# province or a country: 内蒙古草原 is where grassland lies) names that landform, one natural place (GUIDELINES v1.1).
_LANDFORM_AFTER_RE = re.compile("大峡谷|峡谷|大草原|草原|盆地")


_RARE_STEM_FREQ = 100
"""A word before a town's suffix rarer than this in jieba's dictionary (围屏 25, 画屏 9) may be its name; 特色,
重点, 中心 are kinds of town."""


def _cued_rare_stem(tokens: list[tuple[int, int, str]], i: int, st: dict[str, Any]) -> bool:
    """到 + 画屏 + 乡: a town or a village after a verb of place, named by a word jieba knows only as a rare one."""
    if i < 2 or tokens[i][2] not in ("镇", "乡", "村"):
        return False
    stem_start, stem_end, stem = tokens[i - 1]
    return (
        len(stem) == 2
        and stem_end == tokens[i][0]
        and tokens[i - 2][1] == stem_start
        and tokens[i - 2][2] in _PLACE_VERBS
        and _CJK_WORD_RE.fullmatch(stem) is not None
        and st["tokenizer"].FREQ.get(stem, 0) < _RARE_STEM_FREQ
        and stem not in _GENERIC_PLACES
    )


def _word_after_suffix(end: int, word_at: dict[int, str]) -> bool:
    """裕溪乡 + 民族片区, 长岭乡 + 民宿: where jieba starts a word of two characters or more right after the suffix, the
    suffix is the place's, not the first character of a word it eats (乡民, 市民); 陇南市 + 情 leaves it one."""
    return len(word_at.get(end, "")) >= 2


def _province_or_country(name: str, table: Any) -> bool:
    return table.short.get(name) in ("province", "country") or table.kind.get(name) in ("province", "country")


# A named natural place written right after a place: two or three characters ending in a feature's word.
# (芜湖就长江: a preposition opens no feature's name; gpeprec)
_FEATURE_AFTER_RE = re.compile(
    rf"(?:(?![的和与及在对等就到向从为把将被给省市县区州旗镇乡村])[{_CJK}]){{1,2}}[江河湖山海岛峡湾岭谷峰]"
)
_POSTS_OF_UNITS = frozenset(
    "处长 科长 部长 局长 厅长 院长 校长 会长 社长 组长 站长 所长 行长 馆长 团长 队长 股长 事长 书长".split()
)
_ADMIN_KINDS = frozenset(("province", "city", "county", "former", "town"))
_DOTS = frozenset("·•・‧")
# One-character names of provinces that rarely mean anything else when two or three stand together.
_PROVINCE_ABBREVIATIONS = frozenset("港澳台京津冀沪渝川粤闽湘鄂皖赣浙鲁豫晋陕陇黔滇桂琼藏辽")
# One-character names of provinces that are also everyday characters: part of a region only where
# jieba lists the whole as an abbreviation (青藏, 陕甘宁).
_WEAK_ABBREVIATIONS = frozenset("青甘宁新蒙黑吉贵云")
_ALL_ABBREVIATIONS = _PROVINCE_ABBREVIATIONS | _WEAK_ABBREVIATIONS
_ABBREVIATION_RUN_RE = re.compile(f"[{''.join(sorted(_PROVINCE_ABBREVIATIONS))}]{{2,4}}")
# After a run of one-character province names, the relation between them (港鄂合作, 闽台两地).
_RELATION_AFTER_RE = re.compile(r"(?:合作|交流|两地|三地|四地|交往|互动|联动|协作|协同|经贸|往来|之间)")
# Cities' one-character names that rarely stand for anything else beside 港, 澳 or 台 (穗 广州, 莞 东莞,
# 榕 福州, 蓉 成都, 甬 宁波, 邕 南宁, 佛 佛山, 珠 珠海, 深 深圳, 厦 厦门).
_CITY_ABBREVIATIONS = "穗莞榕蓉甬邕佛珠深厦"
_CITY_REGION_RUN_RE = scanning(
    re.compile(f"[{_CITY_ABBREVIATIONS}][港澳台]{{1,3}}|[港澳台]{{1,2}}[{_CITY_ABBREVIATIONS}]")
)
_WEAK_REGION_RUN_RE = re.compile(f"[{''.join(sorted(_WEAK_ABBREVIATIONS))}][港澳台]{{1,2}}")
# Verbs that take a one-character clipping of a place (在京, 赴沪, 来琼): the clipping opens no run after it.
_CLIPPING_VERBS = frozenset("在来赴进回离抵驻返访留旅")


def _unrepeated_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run of one-character names cut where a name comes again (琼港琼澳 → 琼港, 琼澳); whole otherwise."""
    runs: list[tuple[int, int]] = []
    seen: set[str] = set()
    begin = start
    for i in range(start, end):
        if text[i] in seen:
            runs.append((begin, i))
            seen, begin = set(), i
        seen.add(text[i])
    runs.append((begin, end))
    return [(s, e) for s, e in runs if e - s >= 2]


# 粤澳深度合作区, 深港现代服务业合作区: the regions sharing a zone, then its head (after a place's name).
_ZONE_RE = scanning(
    re.compile(
        rf"(?:[{''.join(sorted(_PROVINCE_ABBREVIATIONS))}]{{2,3}}|(?:[{''.join(sorted(_PROVINCE_ABBREVIATIONS))}][东西南北]){{2}}"
        rf"|[{_CITY_ABBREVIATIONS}][港澳台])(?:(?![的和与及、,，])[{_CJK}]){{0,6}}?合作(?:先行)?(?:示范)?区"
    )
)
# 穗政协, 甬政协: a city's one-character name before its CPPCC, opening a line or a clause.
_CPPCC_SHORT_RE = re.compile(rf"(?<![{_CJK}])[{_CITY_ABBREVIATIONS}]政协(?![委员])")
# 政制及内地事务局, 香港运输及物流局: a Hong Kong or Macau bureau joins its two portfolios with 及 (GUIDELINES v1.1:
# a named body; RULINGS: the regions' named bodies count). It opens after no word (or after a preposition) and its
# portfolios hold no function word, no plural and no punctuation (有关部门及各区分局 is a list), and its 局 is no
# word's (事关全局, 服务大局). A level after 及 opens a second body (县政府领导及县某局: two bodies, org18).
_PORTFOLIO = r"(?:(?![由与和向在对从同为的及各有相该等其])[\u4e00-\u9fff])"
_JI_BUREAU_RE = re.compile(
    rf"(?:(?<![{_CJK}])|(?<=[由与和向在对从同为]))(?!有关|相关){_PORTFOLIO}{{2,6}}及(?![省市县区州旗]){_PORTFOLIO}{{2,6}}?(?<![全大布格结开时当棋])局(?![长面势限部])"
)
_COUNTS = "两三四五六"
_COUNTED_RUN_RE = re.compile(
    rf"(?P<run>[{''.join(sorted(_PROVINCE_ABBREVIATIONS | _WEAK_ABBREVIATIONS))}]{{2,6}})(?P<count>[{_COUNTS}])地"
)
_REGION_RUN_WORDS = frozenset(("粤港澳", "港澳台", "京津冀", "川渝", "长株潭", "陕甘宁", "江浙沪"))


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _one_char_county_stands(text: str, start: int, end: int) -> bool:
    """礼县, 徽县: a listed county with a one-character name, where a list or a sentence bounds it.

    Not 和县 in 市和县 (the conjunction) nor 全县, which the table does not list anyway.
    """
    if text[start] in _STOP_CHARS or text.startswith("长", end):
        return False  # 代县长: 代 (acting) + the post 县长, not 代县 + 长
    before = text[start - 1] if start else ""
    return not before or not _is_cjk(before) or before in "、和及与在赴到"


_CJK_ONLY_RE = re.compile(f"[{_CJK}]+")
_BODY_AFTER_LEVEL = (
    "委",
    "政",
    "人",
    "党",
    "纪",
    "团",
    "妇",
    "工",
    "文",
    "检",
    "法",
    "长",
    "领",
    "直",
    "级",
    "区",
    "县",
    "市",
)
_NOT_IN_PLACE_STEM = frozenset("省市县区州和与及、的在对向系统各全本我该共")
_REGION_TAIL_RE = re.compile(
    r"(?:特别行政区|经济特区|特区|地区|流域|灌区|经济区|[东西南北中]部|[东西][南北]部)(?![\u4e00-\u9fff]{0,1}(?:大开发|地区))"
)


# A prefecture of the annals' years by its 专区, the later 地区 glossed inside it (济宁专(地)区).
_PREFECTURE_TAIL_RE = re.compile(r"专(?:[(（]地[)）])?区")
# A division's area word (RULINGS: 某某区域, 某某县域, like 地区); not where 市区 opens a pair of levels (市区两级,
# 市区县) or a body (市区政协).
_AREA_WORD_RE = re.compile("(?:区域|县域|市域|城区|市区)(?![两二三四级县政人委党])")


def _is_division(name: str, table: Any) -> bool:
    """Whether ``name`` is a division in the table, in full or by its short name (长三角 is a region, none)."""
    return name in table.kind or name in table.short or (len(name) >= 3 and name[:-1] in table.short)


def _kind_closes(text: str, end: int) -> bool:
    """某镇 + 新农村, 某镇 + 美丽乡村: what ends at ``end`` is a kind of town or village (农村, 乡村, 小镇) after one
    character or a common word, no name (龙坞小镇 is one: a rare word before; 花园社区 names a community)."""
    kind = text[end - 2 : end]
    if kind not in _GENERIC_PLACES or kind[-1] not in "镇村" or end < 4:
        return False
    return text[end - 4] in "省市县区州旗镇乡" or _init()["tokenizer"].FREQ.get(text[end - 4 : end - 2], 0) >= 1000


# A village's or a community's suffix right after a chain that holds a town or a subdistrict (not 村委, 村民).
_VILLAGE_AFTER_RE = re.compile("(?:村|社区)(?![委民干长])")
_TOWN_IN_CHAIN_RE = re.compile("街道|镇|乡")
# A natural hamlet named after a family and its landform (李家大湾, 王家岭, 张家坪), as villages write them.
_HAMLET_AFTER_RE = re.compile(rf"[{_CJK}]家[大小]?[湾塆岭坪沟冲垸畈岗嘴咀坳](?![{_CJK}]?[委民干长])")
# 边境村, 贫困村, 示范村, 中心镇: a village, town or community named by its kind (where it lies, what the state
# makes of it), not by a name of its own.
_KIND_OF_VILLAGE_RE = re.compile(
    r"(?:边境|边疆|贫困|脱贫|行政|自然|示范|重点|中心|试点|先进|文明|美丽|易地|移民|帮扶|联系|挂钩|包联|定点|搬迁|特色)"
    r"(?:村|镇|乡|社区)"
)
# 古镇, 名镇, 古村, 名村: a town or village by its age or fame (RULINGS: the kind words of line 157 are no name).
_KIND_OF_TOWN_END_RE = re.compile("(?:古|名|重|强|大|小)(?:镇|村)$")
_CHAIN_TAIL_RE = re.compile(rf"(?![全本各该我和与及或的在对内外])[{_CJK}]{{2,4}}?(?:村|镇|乡|街道|社区)(?![委民干长])")
# A name of four characters continues a chain only where none of them is a mark, a function word or a verb (numerals
# may stand in it: 南八里庄社区) (party2).
_LONG_TAIL_BREAKERS = _STOP_CHARS - frozenset("一二三四五六七八九十两")


def _chain_tail(text: str, at: int) -> re.Match[str] | None:
    """The village, town or community whose name continues a chain at ``at`` (a long name holds no breaker)."""
    m = _CHAIN_TAIL_RE.match(text, at)
    if m is None:
        return None
    name = re.sub("(?:村|镇|乡|街道|社区)$", "", m.group())
    return None if len(name) == 4 and any(ch in _LONG_TAIL_BREAKERS for ch in name) else m


# The place inside a body's name: 中共岳阳市委, 陇南市政协, 政协嘉峪关市委员会.
_PLACE_IN_BODY_RE = re.compile(
    rf"(?:中共|政协|民革|民盟|民建|民进|农工党|致公党|九三学社|台盟)([{_CJK}]{{2,4}}?)(?:市|县|省)(?:委|政协|委员会)"
    rf"|(?<![{_CJK}])([{_CJK}]{{2,3}}?)市(?:政协|委|政府|人大)"
)


_BIG_KINDS = frozenset(("province", "city", "country"))


def _known_place_name(name: str) -> bool:
    """Whether the tables know ``name`` as a place (a division, a short name, a dictionary place), not a guess
    the rules made of unknown characters before a suffix."""
    table = place_table()
    st = _init()
    return name in table.kind or name in table.short or name in st["places"] or name in st["short_names"]


def _stem_start(tokens: list[tuple[int, int, str]], i: int, proper: frozenset[str]) -> int | None:
    """Start of an unknown place name before suffix token ``i``: single characters or a known name."""
    j = i - 1
    length = 0
    start = None
    freq = _init()["tokenizer"].FREQ
    while j >= 0 and length < 4:
        s, _e, word = tokens[j]
        # 团结好澳区: a character as common as 好, 大, 中 on its own is a word, not part of a name.
        if (
            len(word) == 1
            and word not in _STOP_CHARS
            and word not in "一二三四五六七八九十百千万两"  # 十强县, 百强县: a ranking, not a name
            and "\u4e00" <= word <= "\u9fff"
            and freq.get(word, 0) < 80000
        ):
            start, length = s, length + 1
        elif len(word) in (2, 3) and word in proper and length == 0:
            start, length = s, 2
            j -= 1
            break
        else:
            break
        j -= 1
    if start is None or (length < 2 and tokens[i][2] not in "镇乡村"):
        return None  # 区/市/省 after one character: 我区, 城区, 全市
    return start


def _across_two_words(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] straddles two words of the dictionary: the character before it and its
    first make one (村民, 居民), and its last and the one after make another (进行, 建立): 村民进行
    holds no 民进 (where the segmenter starts no word at it either)."""
    freq = _state["tokenizer"].FREQ
    return start > 0 and freq.get(text[start - 1 : start + 1], 0) > 0 and freq.get(text[end - 1 : end + 1], 0) > 0


def _orgs(text: str, places: list[Span], token_starts: Set[int]) -> list[Span]:
    spans = [
        # 中共中央统战部, 国务院办公厅: a national body's department is part of its name; 中国全国政协:
        # the country written before a national body is part of it (RULINGS).
        _span(text, m.start() - 2 * _country_before(text, m), _fixed_end(text, m), "ORG", "entity.org_fixed", 0.9)
        for m in _FIXED_ORG_RE.finditer(text)
    ]
    spans += [
        _span(text, m.start(), _party_end(text, m), "ORG", "entity.org_party", 0.85) for m in _PARTY_RE.finditer(text)
    ]
    spans += [_span(text, m.start(), m.end(), "ORG", "entity.org_cppcc", 0.9) for m in _CPPCC_NAMED_RE.finditer(text)]
    spans += [
        _span(text, m.start(), _term_committee_end(text, m), "ORG", "entity.org_cppcc_term", 0.85)
        for m in _CPPCC_TERM_RE.finditer(text)
    ]
    spans += [_span(text, m.start(), m.end(), "ORG", "entity.org_central", 0.6) for m in _CENTRAL_RE.finditer(text)]
    spans += [
        _span(text, m.start(), m.end(), "ORG", "entity.org_ji_bureau", 0.7) for m in finditer_near(_JI_BUREAU_RE, text)
    ]
    # 穗政协, 甬政协: a city's one-character name before its CPPCC.
    spans += [
        _span(text, m.start(), m.end(), "ORG", "entity.org_cppcc_short", 0.6)
        for m in finditer_near(_CPPCC_SHORT_RE, text)
    ]
    spans += [
        _span(text, m.start(), m.end(), "ORG", "entity.org_party_term", 0.75) for m in _PARTY_TERM_RE.finditer(text)
    ]
    # 自治区十二届政协, 内蒙古自治区十二届政协: a level or a place, the term, then the body: one ORG.
    place_at_end = {p.end: p for p in places}
    for m in _LEVEL_TERM_BODY_RE.finditer(text):
        place = place_at_end.get(m.start("level") + len(m.group("level")))
        if place is not None and not _known_place_name(text[place.start : place.end]):
            place = None  # 某某受市五届政协常委会委托: a name and a verb the suffix made a place of, no place prefix
        if place is not None and place.start <= m.start("level"):
            spans.append(_span(text, place.start, m.end(), "ORG", "entity.org_term_body", 0.7))
        elif (
            m.group("level") == "自治区"
            or not _is_cjk(text[m.start() - 1 : m.start()] or "，")
            # 代表区十二届政协常委会作报告, 列席了县第五届人民代表大会: a verb or a function word before the level
            or text[m.start() - 1] in _FUNCTION_BEFORE
            or text.endswith(("代表", "列席", "出席", "召开"), 0, m.start())
        ):
            spans.append(_span(text, m.start(), m.end(), "ORG", "entity.org_term_body", 0.65))
    # 农行岷县支行, 工行定西分行: a bank by its short name, the place and the branch (one ORG).
    for m in _BANK_BRANCH_RE.finditer(text):
        where = m.group("place")
        if where in place_table().kind or where in place_table().short or where in _init()["places"]:
            spans.append(_span(text, m.start(), m.end(), "ORG", "entity.org_bank_branch", 0.7))
    # 团县委, 团市委: the Youth League's committee at a level, by its usual short name.
    spans += [
        _span(text, m.start(), m.end(), "ORG", "entity.org_league", 0.65)
        for m in _LEAGUE_RE.finditer(text)
        if not m.start() or not _is_cjk(text[m.start() - 1]) or text[m.start() - 1] in _FUNCTION_BEFORE
    ]
    spans += [
        _span(text, m.start(), m.end(), "ORG", "entity.org_party_central", 0.75)
        for m in _PARTY_CENTRAL_RE.finditer(text)
    ]
    # 民建 + 第十一届中央委员会第三次全体会议: the party is the body before its session (v1.1).
    spans += [
        _span(text, m.start(), m.end(), "ORG", "entity.org_party_short", 0.7)
        for m in _PARTY_BEFORE_SESSION_RE.finditer(text)
    ]
    place_before = {p.end: p for p in places}
    bare_parties = [
        m
        for m in _BARE_PARTY_RE.finditer(text)
        if m.start() in token_starts or not _across_two_words(text, m.start(), m.end())
    ]
    if "九三学社" in text:
        # 秀洲九三: a place before 九三 (the party's short name where the text names 九三学社) is its organization
        # there; not 九三阅兵, 九三学社 (read whole), a date's 九三.
        spans += [
            _span(text, place_before[m.start()].start, m.end(), "ORG", "entity.org_place_party", 0.65)
            for m in _JIUSAN_RE.finditer(text)
            if m.start() in place_before
        ]
    for m in bare_parties:
        # 广西民建: a place written before the party's short name is its branch there.
        place = place_before.get(m.start())
        # 某地区台盟组织: a region's organizations of the party, a plural; the place stays a place (RULINGS, 490–501).
        if place is not None and not text.startswith(("组织", "各级组织"), m.end()):
            spans.append(_span(text, place.start, m.end(), "ORG", "entity.org_place_party", 0.7))
        elif (
            place is None
            and m.start()
            and text[m.start() - 1] in _LEVELS
            and (m.start() < 2 or not _is_cjk(text[m.start() - 2]) or text[m.start() - 2] in _FUNCTION_BEFORE)
            and text[m.start() - 2 : m.start() - 1] not in _PLURAL_BEFORE_LEVEL
            and not text.startswith(("组织", "各级组织", "党员", "会员", "社员", "盟员"), m.end())
        ):
            # 与省民进, 市农工党组织委员: a level before the party's short name is its committee at that level, as a
            # place is its branch; not after a plural or a deictic (全市民建会员), nor the level's members.
            spans.append(_span(text, m.start() - 1, m.end(), "ORG", "entity.org_level_party", 0.7))
    spans += [_span(text, m.start(), m.end(), "ORG", "entity.org_party_short", 0.7) for m in bare_parties]
    spans += [
        _span(text, m.start(), m.end(), "ORG", "entity.org_federation", 0.6)
        for m in _FEDERATION_RE.finditer(text)
        # 民革、民盟、…、工商联: a sector list of named bodies; 各民主党派、工商联 is a generic list.
        if _BARE_PARTY_RE.search(text[max(0, m.start() - 30) : m.end() + 30])
    ]
    spans += [
        _span(text, m.start(), m.end(), "ORG", "entity.org_federation", 0.6)
        for m in finditer_near(_LISTED_FEDERATION_RE, text)
        if _BARE_PARTY_RE.search(text[max(0, m.start() - 60) : m.end() + 60])
    ]
    for m in _MEDIA_RE.finditer(text):
        start = _division_before(text, m.start())
        if start is not None:
            spans.append(_span(text, start, m.end(), "ORG", "entity.org_media", 0.6))
    # 政协常委会, 政协十一届常委会, 政协全国常委会: the national committee's standing committee named without a
    # place, in a report on the national committee (a place or level before it gives a longer name, which wins;
    # in a local report the bare name is the local body's, written with its level elsewhere).
    if _NATIONAL_CPPCC_RE.search(text):
        spans += [
            _span(text, m.start(), m.end(), "ORG", "entity.org_cppcc_standing", 0.55)
            for m in _BARE_CPPCC_STANDING_RE.finditer(text)
        ]
    spans += [
        _span(text, m.start(), m.end(), "ORG", "entity.org_coordinated_party", 0.7)
        for m in _COORDINATED_PARTY_RE.finditer(text)
        if place_table().kind.get(m.group("place")) in _DIVISION_KINDS
    ]
    level_places = {p.end: p for p in places}
    for m in _SHORT_BUREAU_RE.finditer(text):
        # 县发改局, 酒泉市住建局: a level (or a place with it) and two characters abbreviating the bureau's two
        # words; not after a plural (全县, 各区).
        level = m.start()
        # (a two-character stem may be a verb's word: 省治水办, 市审计局, 县招商局 are bodies; a one-character verb
        # before 办 is the verb's object, no office)
        stem = m.group(1) or m.group(2) or m.group(3)
        if len(stem) == 1 and stem in _state["function_words"]:
            continue
        place = level_places.get(level + 1)
        before = text[level - 1] if level else ""
        if place is not None and place.start < level:
            spans.append(_span(text, place.start, m.end(), "ORG", "entity.org_short_bureau", 0.6))
        elif (
            not before
            or not _is_cjk(before)
            or (before in _FUNCTION_BEFORE and before not in _PLURAL_BEFORE_LEVEL)
            # 走进县某局, 深入区某局, 到市某局: a verb of going before the level (org18)
            or before in _PLACE_VERBS
            or text[max(0, level - 2) : level] in _PLACE_VERBS
        ):
            spans.append(_span(text, level, m.end(), "ORG", "entity.org_short_bureau", 0.6))
    for m in _ARMY_UNIT_RE.finditer(text):
        start = _division_before(text, m.start())
        if start is not None:
            spans.append(_span(text, start, m.end(), "ORG", "entity.org_army_unit", 0.65))
    # 61234部队: the army names a unit by its code number (番号), four to six digits right before 部队.
    at = text.find("部队")
    while at >= 0:
        digits = len(text[max(0, at - 7) : at]) - len(text[max(0, at - 7) : at].rstrip("0123456789"))
        if 4 <= digits <= 6:
            spans.append(_span(text, at - digits, at + 2, "ORG", "entity.org_army_code", 0.7))
        at = text.find("部队", at + 2)
    place_end = {p.end: p for p in places}
    for m in _ORG_HEAD_RE.finditer(text):
        head_start, head_end = m.span()
        head = m.group()
        if head.endswith("委") and text.startswith("员", head_end):
            continue  # 社区委员工作室, 某市委员会: 委员 is no party committee
        if head.endswith("部") and text.startswith("分", head_end):
            continue  # 科教卫体委组织部分委员: 组织 (a verb) + 部分 (part of), no department
        if head == "政协" and text.startswith(
            ("委员", "主席", "副主席", "常委", "机关", "工作", "事业", "协商", "履职"), head_end
        ):
            # 市政协主席, 云南政协事业 still name the body; 政协委员 alone does not.
            if not (head_start and text[head_start - 1] in _LEVELS) and head_start not in place_end:
                continue
        start = None
        place = place_end.get(head_start)
        if place is None and head[0] in _LEVELS:
            # 灵武市 + 市委: the place keeps its suffix, which the head starts with.
            place = place_end.get(head_start + 1)
        if place is None and head_start and text[head_start - 1] in _LEVELS:
            # 楚雄 + 市政协: jieba may glue the level to the head, so the place ends one early.
            place = place_end.get(head_start - 1)
        if place is None and head == "政协":
            # 嘉兴政协, 桂林政协: a city's or province's short name from the divisions table opens its CPPCC's name
            # even where jieba reads the name as a word of another kind; it must start a word (王桂林政协委员 is
            # a person and his post).
            short = _big_division_short_before(text, head_start, token_starts)
            if short is not None:
                spans.append(
                    _span(text, short, _subunit_end(text, head, head_end), "ORG", "entity.org_place_head", 0.6)
                )
                continue
        if place is not None:
            start = place.start
            # 盘锦市大洼区政协: a chain of places is one prefix.
            while start in place_end:
                start = place_end[start].start
        elif head in ("市委", "区委", "县委", "省委", "州委", "旗委", "盟委", "行署"):
            # Bare 市委 names the body (v1.1) unless it ends a longer word or starts 委员会; so does 行署 (a
            # prefecture's or league's administrative office, short for 行政公署), one body as 市政府 is.
            before = text[head_start - 1] if head_start else ""
            if (
                before == "各"
                or text.startswith("员", head_end)
                or not (
                    head_start in token_starts or not ("\u4e00" <= before <= "\u9fff") or before in _FUNCTION_BEFORE
                )
            ):
                continue
            start = head_start
            if (
                head == "行署"
                and head_start
                and text[head_start - 1] in _LEVELS
                and text[head_start - 2 : head_start - 1] != "各"
            ):
                start = head_start - 1  # 盟行署, 地区行署 (区): the level before the office is part of its name
        elif head_start >= 2 and text[head_start - 2] == "各":
            continue  # 各市政协, 各县委: a plural
        elif head_start and text[head_start - 1] in _LEVELS and head not in _NAMED_ONLY_HEADS:
            # 区人民检察院 / 市政协: the level alone names the body, unless it ends a longer
            # word (城区政协 is not 区政协), which jieba's token boundaries tell.
            before = text[head_start - 2] if head_start >= 2 else ""
            if (
                # 我市政协, 本县人民政府, 该县政协: the deictic stays outside, the level names the body (RULINGS).
                (before in "我本该" and head in _DEICTIC_HEADS)
                # 港区 + 市政协委员: the Hong Kong members' delegation before the city's CPPCC they sit on.
                or text.endswith(("港区", "澳区"), 0, head_start - 1)
                # 省市政协, 市旗政协: the nearer of two levels written together names its CPPCC (orgkinds).
                or (head == "政协" and _nearer_of_two_levels(text, head_start))
            ):
                spans.append(
                    _span(text, head_start - 1, _subunit_end(text, head, head_end), "ORG", "entity.org_place_head", 0.6)
                )
                continue
            if before in _PLURAL_BEFORE_LEVEL:
                continue  # 全市政协委员, 兄弟区县政协, 外省地市政协: plural or generic
            if (
                before == "、"
                and head_start >= 3
                and text[head_start - 3] in _LEVELS
                and text[head_start - 1] in "县区"
            ):
                # 市、县政协, 各县、区政协: counties or districts listed after a level share one body, a plural
                # (RULINGS); 省、市政协 names the province's and the city's (the seeds' shared-prefix ruling).
                continue
            # (XX届市政协: a term before the level is no name.)
            # (从区政协, 自县政协: a preposition before the level is no name's end either.)
            # 2018年县政协, 2月25日县政府: a date's 年 or 日 ends a word, not a name; 伪县政府 (the puppet
            # government), 原县政府 (the former): a qualifier before the level, no part of a place.
            # 率市政协, 获市政协主席督办: a one-character verb of leading or receiving takes the body as its object;
            # so does the causative 使 (使区政府做好…).
            after_word = _FUNCTION_BEFORE + _PREPOSITIONS_BEFORE_LEVEL + "年日伪原率获使"
            glued = head_start - 2 in token_starts and before not in after_word + "届" and _is_cjk(before)
            if glued:
                continue  # 澳区政协: 区 ends a name jieba cut apart (澳 + 区), not a bare level
            if head_start - 1 in token_starts or not ("\u4e00" <= before <= "\u9fff") or before in after_word:
                start = head_start - 1
        if start is None and head_start >= 2 and text[head_start - 2 : head_start] == "全国":
            if head == "委员会" and _national_committee_as_kind(text, head_start - 2):
                continue  # 其全国委员会, 参照全国委员会: the kind, no body (orgkinds)
            start = head_start - 2
        if text.endswith(_AUTONOMOUS_LEVELS, 0, head_start) and head in _AUTONOMOUS_ORGANS:
            # 自治区政协, 自治州党委, 自治县人民政府: an autonomous division's level names its organs as 县 does
            # (县政协); a named place before it (某某自治县政协) gives the longer name.
            start = head_start - 3 if start is None or start > head_start - 3 else start
        if start is None and head == "政协" and (not head_start or text[head_start - 1] in _BARE_CPPCC_BEFORE):
            # 政协提案委员会, 政协文教工作组: bare 政协 with its committee, office or group is the one CPPCC the
            # text is about, as 县政协提案委员会 is; at a clause's start or after a function word only (人民政协…).
            end = _subunit_end(text, head, head_end)
            unit = text[head_end:end]
            if (
                unit.endswith(("委员会", "委", "组", "办公室"))
                and "届" not in unit
                and not unit.startswith(("党组", "机关"))  # 政协党组: the party group in it is another body
                and _CPPCC_TERM_RE.match(text, head_start) is None
            ):
                spans.append(_span(text, head_start, end, "ORG", "entity.org_bare_cppcc_unit", 0.55))
            continue
        if start is None:
            continue
        end = _subunit_end(text, head, head_end)
        if (
            head == "政协"
            and end == head_end
            and place is not None
            and (
                place.text.endswith(_TOWN_SUFFIXES)
                # 浦东新区 is a division with its CPPCC; a development zone the table does not hold has none
                # (天津市滨海新区: the chain's last link is the division the table holds)
                or (
                    _DEV_ZONE_END_RE.search(place.text) is not None
                    and not any(place.text[i:] in place_table().kind for i in range(len(place.text) - 2))
                )
            )
        ):
            continue  # 大墅镇政协委员, 某某高新区政协委员: a town or a zone has no CPPCC (镇政协联络组 is a body)
        spans.append(_span(text, start, end, "ORG", "entity.org_place_head", 0.7 if place else 0.6))
    return spans


# What may stand before a bare 政协 that opens a name: a clause's or line's edge, a mark, a function word.
_BARE_CPPCC_BEFORE = frozenset('\n ,,。;;:：、（(“"由的经是和与及在向对将把为从据')


def _big_division_short_before(text: str, end: int, token_starts: Any) -> int | None:
    """Start of a city's or province's short name (2–4 characters, the longest) that ends at ``end`` and starts a
    word: jieba's token starts there, or what stands before it is no CJK character."""
    short = place_table().short
    for k in (4, 3, 2):
        start = end - k
        if start < 0 or short.get(text[start:end]) not in _BIG_DIVISIONS:
            continue
        if start in token_starts or not start or not _is_cjk(text[start - 1]):
            return start
        return None
    return None


def _division_before(text: str, end: int) -> int | None:
    """Start of the place that ends at ``end`` (the longest of two to four characters): a province, city or
    county of the divisions table by its full or short name (酒泉, 甘肃省), or a place jieba lists."""
    table = place_table()
    for k in (4, 3, 2):
        if end < k:
            continue
        name = text[end - k : end]
        if (
            table.kind.get(name) in _DIVISION_KINDS
            or table.short.get(name) in _DIVISION_KINDS
            or (k <= 3 and name in _state["places"])
        ):
            return end - k
    return None


# Bodies a deictic level names (我市政协, 本县人民政府); 我市委 is left alone (我市委员 is members).
_DEICTIC_HEADS = frozenset(("政协", "人民政府", "政府", "人大常委会", "人民代表大会"))
# Prepositions of source that may stand before a level's body (记者从区政协获悉, 自县政协了解到).
_PREPOSITIONS_BEFORE_LEVEL = "从自据"  # 据区政协介绍: according to (org15)
# A committee a session sets up, named right after the session (县政协九届三次会议 + 提案审查委员会):
# its own name up to 委员会, no list, clause or plural inside (RULINGS, texts 170–181).
_SESSION_COMMITTEE_RE = re.compile(
    r"(?!关于|对|向|在|上|后|前|期间|以来|听取|审议|通过|讨论|批准|召开|举行|开幕|闭幕)"
    rf"(?:(?![、，。；,;：:和及与的各等])[{_CJK}]){{2,8}}?委员会(?!议)"
)


def _session_committees(text: str, meetings: list[Span]) -> list[Span]:
    """提案审查委员会, 资格审查委员会: a committee named right after the session it serves is one ORG."""
    spans = []
    for meeting in meetings:
        if not meeting.text.endswith("会议"):
            continue
        m = _SESSION_COMMITTEE_RE.match(text, meeting.end)
        if m and not m.group().startswith(("委员会", "常委会", "常务委员会")):
            spans.append(_span(text, m.start(), m.end(), "ORG", "entity.org_session_committee", 0.6))
    return spans


# jieba's tags for verbs, adverbs, prepositions, conjunctions, pronouns, particles, interjections.
_FUNCTION_TAGS = frozenset("v d p c r u y e o ad vg uj ul uz ud ug uv".split())

# The heads of a body's name, as the place-and-organ grammar reads them (GUIDELINES v1.1: ORG is
# the whole chain as written, place prefix + body + sub-unit). Those in _PROPER_HEADS may also
# follow a proper name with no place (瑞熙钛业有限公司, 河西学院); the others need a place, a
# level (市, 县) or a national lead (中共, 共青团, 全国, 国家) before them, or they name a kind
# of body, not one (教育局, 办公室).
# 全国政协委员会面交流: after a body's members, 会面 (meet) is the verb, no committee's 会 (not 面向, 面对, 面临 …).
_MEMBERS_MEET_RE = re.compile("面(?![向对前临积貌上的])")
_CHAIN_HEADS = (
    "人民政府", "人大常委会", "党工委", "管委会", "纪委监委", "人民法院", "人民检察院", "公安局", "局", "厅",
    # 某某林区中级法院, 某地海事法院, 某地铁路运输检察院: courts of a special jurisdiction, named after their place.
    "法院", "检察院",
    "委员会", "办公室", "领导小组", "总工会", "妇联", "妇女联合会", "科协", "科学技术协会", "侨联",
    "归国华侨联合会", "工商联", "工商业联合会", "文联", "文学艺术界联合会", "社科联", "残联", "残疾人联合会",
    "红十字会", "团委", "青联", "台联", "军分区", "人武部", "武装部", "支队", "总队", "大队", "中队", "融媒体中心",
    # A street's office, a community's residents' committee: 某某街道办事处, 某某社区居委会.
    "办事处", "居委会",
    "中心", "日报", "报社", "电视台", "广播电视台", "大学", "学院", "学校", "中学", "小学", "幼儿园", "党校", "医院",
    "卫生院", "银行", "分行", "支行", "公司", "集团", "合作社", "信用社", "图书馆", "档案馆", "博物馆",
    "纪念馆", "文化馆", "美术馆", "博物院", "妇幼保健院", "保健院",
    # 书院: an academy of the old schools, by its own name (白鹿洞书院) or its place's (某县某某书院).
    "书画院", "书院", "文史馆", "研究院", "研究会", "研究所", "协会", "学会", "商会",
    "人大", "支部", "总支", "联谊会", "促进会", "联合会", "总会", "分会", "基金会", "陈列馆", "老人院", "敬老院",
    # Associations of Hong Kong and Macau: 香港福建社团联会, 澳门江门同乡会, 港九工团联合总会.
    "联会", "同乡会", "协进会",
    "福利院", "农场", "林场", "园艺场", "办", "网", "社", "报", "分社", "分行", "支行", "分公司",
    # A body before it is constituted: 政协某某县筹备委员会, 某某县第一届委员会筹备处.
    "筹备委员会", "筹委会", "筹备处", "支社", "地委",
    # The CPPCC's offices in towns: 政协某某镇联络处, 某某镇政协联络组.
    "联络处", "联络小组", "联络组", "工作站",
    # A CPPCC's or a party's working committee in a town or a street, named by its place: 某某乡工委, 某某街道工委.
    "工委",
    # The people's congresses, and the 1949–54 conferences of all circles before them (县志 pages).
    "人民代表大会", "各界人民代表会议", "各界人民代表大会",
    # A level's revolutionary committee (1967–79: 县革委会), a bureau's branch (区公安分局).
    "革委会", "革命委员会", "分局",
    # A law or accounting firm (RULINGS, texts 502–513): 某某律师事务所, 上海某某(苏州)律师事务所.
    "律师事务所", "会计师事务所",
)  # fmt: skip
# Heads of a branch: written right after its parent body, the two are one name (中新社 + 内蒙古分社).
_BRANCH_HEADS = (
    "分社",
    "分会",
    "总会",
    "分行",
    "支行",
    "分公司",
    "支部",
    "总支",
    "分院",
    "支社",
    "支队",
    "大队",
    "中队",
)
_CHAIN_HEAD_RE = _alternation(_CHAIN_HEADS)  # a trie: the longest head first, faster than the scanned alternation
_PROPER_HEADS = frozenset(
    (
        *("大学", "学院", "书院", "中学", "小学", "医院", "银行", "公司", "集团", "日报", "电视台", "联谊会", "促进会"),
        "幼儿园",
        "基金会",
        # A firm by its trade name alone: 某某律师事务所, 某某会计师事务所.
        *("律师事务所", "会计师事务所"),
        # Media and offices by a short proper name: 中新社, 中新网, 文汇报, 国台办 (a word jieba does not know).
        *("网", "社", "报", "办"),
    )
)
# These one-character heads name a body only after a short proper name or a place (not 互联网, 合作社).
_SHORT_HEADS = frozenset(("网", "社", "报", "办"))
# National leads: a body named after them needs no place (中共中央办公厅, 共青团中央, 国家统计局).
_LEADS = ("中国共产党", "中共", "共青团", "全国", "国家", "中国", "中华", "武警", "中央")
# Before a level character these make it plural or generic (全市, 各县, 区县, 地市, 兄弟县).
_PLURAL_BEFORE_LEVEL = frozenset("全各外我本该每兄邻地省市县区州")
_MAX_BODY_CONTENT = 12
# Before a firm's form (律师事务所) these open a kind, not a trade name: 各律师事务所, 该事务所, 有关律师事务所.
_NOT_A_FIRMS_NAME = frozenset("全各外我本该每此其这那有相知大小多")
# A 中心 after these is a venue (RULINGS, texts 150–167), not a body: 会议展览中心, 世博中心, 体育中心; one named by
# what is staged or sold in it too (mix5): 文化艺术中心, 文体活动中心, 农产品展销中心.
_VENUE_BEFORE_CENTRE = (
    "展览",
    "会展",
    "世博",
    "博览",
    "体育",
    "会议",
    "演艺",
    "购物",
    "行政",
    "市民",
    "艺术",
    "文体活动",
    "展销",
)


# Verbs of focusing on a task (围绕中心, 紧扣中心; not 服务, of 政务服务中心): the 中心 after them is the central
# task, no centre.
_FOCUS_VERBS = ("围绕", "紧扣", "聚焦", "紧贴")


def _org_chains(text: str, tokens: list[tuple[int, int, str]], places: list[Span], st: dict[str, Any]) -> list[Span]:
    """Bodies as a grammar of place + organ: 岳阳市生态环境局, 县政协文史委员会, 共青团某某县委,
    某某军分区, 中国人民银行某某分行, 瑞熙钛业有限公司.

    From each head (局, 委员会, 银行 …) the walk goes back over the name's own words (nouns,
    and 和 inside a name: 发展和改革委员会) to the nearest place, level character or national
    lead; a verb, a function word or punctuation before one is found means the head names a
    kind of body, and nothing is proposed.
    """
    place_end = {p.end: p for p in places}
    place_start = {p.start for p in places}
    token_of = _token_index(tokens, len(text))
    spans: list[Span] = []
    for m in _CHAIN_HEAD_RE.finditer(text):
        head_start, head_end = m.span()
        head = m.group()
        if not _head_is_word(tokens, token_of, head_start, head_end) and not (
            # 加盟商|会: an association's head jieba cut across still ends where a word ends.
            head in _ASSOCIATION_HEADS and token_of[head_end - 1] >= 0 and tokens[token_of[head_end - 1]][1] == head_end
        ):
            continue
        if head == "委员会" and _SESSION_AFTER_RE.match(text, head_end):
            continue  # 十三届委员会第一次会议 is the MEETING's; the body before it is found on its own
        if head == "委员会" and _MEMBERS_MEET_RE.match(text, head_end) and text.endswith("政协", 0, head_start):
            continue  # 全国政协委员会面: 委员 (the members) + 会面 (meet); the body before them is found on its own
        start, content_start, proper = _body_prefix(text, tokens, token_of, head_start, place_end, st)
        content = head_start - content_start
        if (start is None or content) and _office_abbreviation(tokens, token_of, m, st):
            # 县扶贫办, 市人防办: an office's abbreviation is read whole, as one head (扶贫 is no verb in it).
            prefix_from = tokens[token_of[head_start]][0]
            whole = _body_prefix(text, tokens, token_of, prefix_from, place_end, st)
            if whole[0] is not None:
                start, content_start, proper = whole
                content = prefix_from - content_start
        joined_from = tokens[token_of[head_start]][0] if token_of[head_start] >= 0 else head_start
        if start is None and head in _KIND_JOINED_HEADS and joined_from < head_start:
            # 县 + 中医院, 某某县 + 专科医院: the head is one word with the kind before it; the place or level
            # opens the name before that word (a kind alone, 办好中医院, finds none and names no body).
            whole = _body_prefix(text, tokens, token_of, joined_from, place_end, st)
            if whole[0] is not None:
                start, content_start, proper = whole
                content = head_start - content_start  # the kind joined to the head is content (疾控 of 疾控中心)
        if start is None and head in _ASSOCIATION_HEADS:
            start = _association_place(text, head_start, places, token_of, tokens)
            if start is None:
                start = _association_level(text, head_start)  # 、县消费扶贫协会: a level alone opens it
            if start is not None:
                content_start, proper = start, True
        if start is None:
            # A company, school or hospital with a proper name and no place: 瑞熙钛业有限公司.
            limit = 3 if head in _SHORT_HEADS else 8
            # A firm's form is no kind of office: the words before it are its trade name, known words or not
            # (协力, 华信 + 律师事务所); a plural or a determiner before the form names the kind (各律师事务所).
            firm = head.endswith("事务所") and text[content_start] not in _NOT_A_FIRMS_NAME
            # 孙某院长代表医院: a name and a leader's post before the head are a person acting, no body's name.
            post = any(p in text[content_start:head_start] for p in _LEADERS_POSTS)
            if head in _PROPER_HEADS and (proper or firm) and 2 <= content <= limit and not post:
                start = content_start
            elif head == "书院" and (named := _academy_name_start(text, tokens, token_of, head_start, st)) is not None:
                start = named
            else:
                continue
        elif head in _SHORT_HEADS and not (proper or content == 0 or start in place_start):
            continue  # 市合作社, 县互联网: a kind of office or outlet, not a name (香港中联办 is)
        if text[start:head_start].endswith(("和", "与")):
            continue
        if head == "工委" and (
            re.search(r"[0-9一二两三四五六七八九十几]个$", text[start:head_start]) or "和" in text[start:head_start]
        ):
            continue  # 某某和某某四个工委: a count or a list of the places' committees, no one body's name
        if head == "书院":
            if _NAME_BREAKING_NUMERALS.intersection(text[start:head_start]) or _DYNASTY_RE.fullmatch(
                text[start:head_start]
            ):
                continue  # 四大书院, 南宋书院: a set of academies, the academies of an age
            inside = max(text.rfind(w, start, head_start) + len(w) for w in (*_LOCATIVES, "书院"))
            if start < inside < head_start:
                start = inside  # 某县境内李公书院, 甲书院又称乙书院: the name starts after where it lies, or another
            named = _academy_name_start(text, tokens, token_of, head_start, st)
            if start not in place_start and named is not None and named > start:
                start = named  # 故白龙洞书院, 又称公泉书院: a particle before the name is none of it
        if _ON_BEHALF_OF_RE.search(text, start, head_start):
            continue  # 主席某某代表政协常务委员会: 代表 (on behalf of) before a body's lead is the verb, no name's word
        joint = text.rfind("和", start, head_start)
        if joint > start and (
            (
                text[joint + 1 : joint + 2] in _LEVELS
                and (text.endswith(_CHAIN_HEADS, start, joint) or text.endswith(_TOWN_SUFFIXES, start, joint))
            )
            or (text.endswith(_BRANCH_HEADS, start, joint) and head_start - joint > 2)
        ):
            # 县自来水公司和县供电公司, 某某镇和县文广新局: 和 joins a body or a town to a level's body (jieba's 和县,
            # the county); 某某总支和某某支部: a branch to another branch by its own name (party2)
            start = joint + 1
        if start in place_start and _bare_level_before(text, start):
            start -= 1  # 、市台港澳事务局: the city's office for a region, its level written before the region
        if head == "中心" and (
            content == 0
            or text[start:head_start].endswith(_VENUE_BEFORE_CENTRE)
            or text.endswith(_FOCUS_VERBS, 0, head_start)  # 某委紧紧围绕中心: the central task, as 中心工作 is
            or text[head_start - 1] == "副"
            or text.startswith(("工作", "任务", "城市", "城区"), head_end)
        ):
            # 市中心 (a city's centre), 宜都副中心 (its secondary one), 香港会议展览中心: a place, a venue;
            # 州党委中心工作: the body's central task, no centre; 区域中心城市, 中心城区: a kind of city (wave7b).
            continue
        # 政协第十二届全国委员会: a term and a lead written before the body belong to it.
        while True:
            lead = _TERM_OR_LEAD_BEFORE_RE.search(text, max(0, start - 16), start)
            if lead is None:
                break
            start = lead.start()
        if _level_before_cppcc(text, start):
            start -= 1  # 作为省政协港澳委员联谊会会长: the level before the CPPCC the chain opens with (orgkinds)
        end = _subunit_end(text, head, head_end)
        if (
            _SESSION_AFTER_RE.match(text, end)
            and re.search(_TERM, text[start:end])
            and text.endswith("委员会", start, end)
        ):
            continue  # …第十三届全国委员会常务委员会 + 第二十次会议: term and committee are the MEETING's
        if any(verb in text[start:head_start] for verb in _CLAUSE_VERBS):
            continue  # 全国政协创设专家协商会: the body, a verb, then what it set up
        if text.endswith("地方", start, head_start) or "地方政协" in text[start:head_start]:
            continue  # 中国人民政治协商会议地方委员会, 全国地方政协某委员会: every place's, a kind (not 市地方税务局)
        if text.startswith("全国委员会", start):
            continue  # 其全国委员会, 参照全国委员会: no CPPCC or term before it, the kind (every term's), no body
        spans.append(_span(text, start, end, "ORG", "entity.org_chain", 0.65))
    return spans


# 凤鸣书院, 丽正书院: an academy is always named, often by characters jieba knows no word of (no numeral: 四大书院
# is a set of them, nor a dynasty: 南宋书院 are its academies).
_NAME_BREAKING_NUMERALS = frozenset("0123456789一二三四五六七八九十百千两几多诸各")
_CLASSICAL_PARTICLES = frozenset("故即又亦乃遂曾在于以和与及的之其称为并而由今原旧")
# Characters that open a function word of classical prose (又称, 即为, 遂改): never an academy's name.
_CLASSICAL_LEADS = frozenset("又亦即乃遂并而故")
_DYNASTY_RE = re.compile("[南北东西前后]?[夏商周秦汉晋隋唐宋辽金元明清](?:代|朝|初|末)?")
_LOCATIVES = ("境内", "城内", "城外", "城东", "城西", "城南", "城北", "县内", "市内")


def _academy_name_start(
    text: str, tokens: list[tuple[int, int, str]], token_of: _TokenIndex, head_start: int, st: dict[str, Any]
) -> int | None:
    """Where an academy's own name starts before 书院, read back over up to four characters to punctuation, a
    function word or a classical particle (故, 即); None where it is shorter than two."""
    i = token_of[head_start - 1] if head_start else -1
    start = head_start
    while i >= 0 and head_start - tokens[i][0] <= 4:
        word_start, _end, word = tokens[i]
        if not _CJK_ONLY_RE.fullmatch(word) or (len(word) == 1 and word in _CLASSICAL_PARTICLES):
            break
        if len(word) > 1 and (
            word in st["function_words"] or _DYNASTY_RE.fullmatch(word) or word[0] in _CLASSICAL_LEADS
        ):
            break  # 又称, 南宋: a function word's or an age's word ends the name
        start = word_start
        i -= 1
    return start if 2 <= head_start - start <= 4 else None


# Hospitals' and centres' heads the tokenizer joins to the kind before them (中医院, 专科医院, 疾控中心); not
# schools' (中小学 is schools in general: 宜昌中小学 keeps its place).
_KIND_JOINED_HEADS = frozenset(("医院", "卫生院", "中心"))
# An association's name may hold a verb (澳门知识产权保护商会, 澳门连锁加盟商会): after its place, it is read whole.
_ASSOCIATION_HEADS = frozenset(("协会", "商会", "总会", "联合会", "联会", "同乡会", "促进会", "协进会", "联谊会"))
_EVERY_LEVEL_MEMBERS_RE = re.compile("各级(?=政协委员|人大代表)")
_NOT_IN_ASSOCIATION = frozenset("的了在和与对为把向从到等及或是有这那个各也都就还又并将被让给我该本")


def _association_place(
    text: str, head_start: int, places: list[Span], token_of: _TokenIndex, tokens: list[tuple[int, int, str]]
) -> int | None:
    """Where a place opens an association's name before ``head_start`` (the nearest, twelve characters at most)."""
    for place in sorted(places, key=lambda p: -p.end):
        if place.end > head_start or head_start - place.end > _MAX_BODY_CONTENT:
            continue
        between = text[place.end : head_start]
        # 香港山东各级政协委员联谊总会: members of every level, inside the association's name.
        named = _EVERY_LEVEL_MEMBERS_RE.sub("", between)
        if not between or not _CJK_ONLY_RE.fullmatch(between) or any(ch in _NOT_IN_ASSOCIATION for ch in named):
            return None
        if token_of[place.start] < 0 or tokens[token_of[place.start]][0] != place.start:
            return None
        # 澳门 + 福州十邑社团总会: Hong Kong's or Macau's name before it is the association's too.
        sar = next((p for p in places if p.end == place.start and p.text in _SAR_NAMES), None)
        return sar.start if sar else place.start
    return None


def _association_level(text: str, head_start: int) -> int | None:
    """、县消费扶贫协会: a level character alone (after a mark or a function word) opens an association's name that
    holds a verb, as a place does (RULINGS, texts 502–513); the words between hold no function character."""
    for start in range(head_start - 2, max(-1, head_start - 1 - _MAX_BODY_CONTENT), -1):
        between = text[start + 1 : head_start]
        if not _CJK_ONLY_RE.fullmatch(text[start:head_start]) or any(ch in _NOT_IN_ASSOCIATION for ch in between):
            return None
        if "政协" in between or "委员" in between or any(p in between for p in _LEADERS_POSTS):
            return None  # 区政协委员某某担任联谊会…: a member and a post before it, no association's name
        plural = start > 0 and text[start - 1] in _PLURAL_BEFORE_LEVEL  # 全县, 各县: every county's, no one body
        if text[start] in "省市县区" and _bare_level_before(text, start + 1) and len(between) >= 2 and not plural:
            return start
    return None


# 政协全国委员会, 第十三届全国委员会, 中国人民政治协商会议全国委员会: what a national committee belongs to.
_NATIONAL_COMMITTEE_OWNER_RE = re.compile("(?:政协|协商会议|届|学社|同盟|党|[)）])$")


def _national_committee_as_kind(text: str, start: int) -> bool:
    """全国委员会 at ``start`` with no CPPCC, term or party written before it names the kind, no body."""
    return _NATIONAL_COMMITTEE_OWNER_RE.search(text, max(0, start - 6), start) is None


# 省市政协, 市旗政协: a level and the one below it that a report names as its own share one 政协 (RULINGS).
_TWO_LEVELS = frozenset(("省市", "市旗", "盟旗"))
_PLURAL_BEFORE_TWO_LEVELS = frozenset("全各外每兄邻")


def _nearer_of_two_levels(text: str, head_start: int) -> bool:
    """省市 + 政协 (at ``head_start``): the province's and the city's CPPCC, the nearer level's named (市政协); not
    after a plural's mark (各省市政协)."""
    if head_start < 2 or text[head_start - 2 : head_start] not in _TWO_LEVELS:
        return False
    return head_start == 2 or text[head_start - 3] not in _PLURAL_BEFORE_TWO_LEVELS


def _bare_level_before(text: str, start: int) -> bool:
    """A level character alone before ``start`` (after punctuation, a function word or the text's start):
    、市 + 港澳事务局, 由县 + 港澳事务局."""
    if start < 1 or text[start - 1] not in "省市县区州":
        return False
    return start == 1 or not _is_cjk(text[start - 2]) or text[start - 2] in _FUNCTION_BEFORE


def _office_abbreviation(
    tokens: list[tuple[int, int, str]], token_of: _TokenIndex, m: re.Match[str], st: dict[str, Any]
) -> bool:
    """人防办, 扶贫办, 信访办: a three-character word of the dictionary ending in 办 abbreviates an
    office (X办公室), one per level; not a verb (承办, 协办) nor a phrase with a negation or a question
    word (不好办, 怎么办)."""
    i = token_of[m.start()]
    if m.group() != "办" or i < 0:
        return False
    _start, end, word = tokens[i]
    return end == m.end() and len(word) == 3 and word not in st["function_words"] and word[0] not in "不没怎咋难"


_SESSION_AFTER_RE = re.compile(rf"第?{_N}次")
_TERM_OR_LEAD_BEFORE_RE = re.compile(rf"(?:中国人民政治协商会议|政协|中共|中国共产党)(?:(?:第?{_N}|首)届)?$")


_TERM_END_RE = re.compile(rf"(?:第?{_N}|首)届$")


def _names_a_place(word: str, st: dict[str, Any]) -> bool:
    return (
        word in st["places"]
        or word in st["short_names"]
        or word in _REGION_RUN_WORDS
        or (2 <= len(word) <= 4 and _PROVINCE_ABBREVIATIONS.issuperset(word))
    )


# Posts jieba writes into one word with the head before them (人大代表, 局局长, 政协委员).
_POSTS_GLUED_TO_HEAD = frozenset(
    ("代表", "委员", "常委", "局长", "主任", "主席", "书记", "部长", "厅长", "会长", "院长", "校长", "律师", "合伙人")
)


def _head_is_word(tokens: list[tuple[int, int, str]], token_of: _TokenIndex, start: int, end: int) -> bool:
    """Whether a head ends a word: 局 of 教育局, not of 大局; 中学 never across 集中|学习."""
    first, last = token_of[start], token_of[end - 1]
    if first < 0:
        return False
    if tokens[last][1] != end and tokens[last][2][end - tokens[last][0] :] not in _POSTS_GLUED_TO_HEAD:
        return False  # 人大|代表, 局|局长 (jieba's 人大代表, 局局长): a head may end where a post begins
    if tokens[first][0] == start:
        return True
    # The tail of one longer word: 教育局, 统计局 (three or more characters), not 大局, 展厅, nor a hall (展示厅),
    # nor a word's 局 at the end of a longer word (服务大局: the overall situation, no bureau).
    return (
        first == last
        and tokens[first][1] - tokens[first][0] >= 3
        and tokens[first][2] not in _HALL_WORDS
        and not (end - start == 1 and tokens[first][2][-1] == "局" and start > 0 and tokens[first][2][-2] in _WORD_JU)
    )


# 农产品展示厅, 宴会厅, 报告厅: a room or a hall that jieba reads as one word with 厅 is a venue, no department (厅).
_HALL_WORDS = frozenset("展示厅 展览厅 陈列厅 会议厅 音乐厅 宴会厅 报告厅 演播厅 营业厅 接待厅 多功能厅".split())


def _body_prefix(
    text: str,
    tokens: list[tuple[int, int, str]],
    token_of: _TokenIndex,
    head_start: int,
    place_end: dict[int, Span],
    st: dict[str, Any],
) -> tuple[int | None, int, bool]:
    """(start of the body's prefix or None, start of its content words, whether a word is a proper name)."""
    function_words = st["function_words"]
    i = token_of[head_start]
    words: list[tuple[int, str]] = []
    if i >= 0 and tokens[i][0] < head_start:
        # The head ends a longer token (教育局, 国家统计局): the words of the part before it.
        pos = tokens[i][0]
        for word in st["segmenter"].words(text[pos:head_start]):
            words.append((pos, word))
            pos += len(word)
        words.reverse()
        i -= 1
    else:
        i = token_of[head_start - 1] if head_start else -1
    content_start = head_start
    proper = False
    singles = 0  # single characters in a row: a name jieba does not know (瑞熙)
    # 某某种植专业合作社: a farmers' specialised cooperative is registered with its trade, a verb (种植, 养殖)
    # right before the form 专业合作社; that one word is part of the name, not the end of the walk.
    trade_end = head_start - 2 if text.startswith("专业合作社", head_start - 2) else -1
    while True:
        if words:
            w_start, word = words.pop(0)
        elif i >= 0:
            w_start, _e, word = tokens[i]
            i -= 1
        else:
            return None, content_start, proper
        place = place_end.get(w_start + len(word))
        if place is not None and place.end == content_start:
            start = place.start
            while start in place_end:  # 湖南省岳阳市: a chain of places is one prefix
                start = place_end[start].start
            return start, content_start, proper
        if w_start + len(word) == content_start and (
            _names_a_place(word, st) or place_table().short.get(word) in _BIG_DIVISIONS
        ):
            # 港澳办: a place inside the head's own word; 酒泉 + 农村商业银行: a province's or city's short
            # name from the divisions table opens the name though jieba reads it as a common word.
            return w_start, content_start, proper
        if w_start + len(word) == content_start and len(word) >= 3 and _names_a_place(word[:-1], st):
            return w_start, content_start, proper  # 港澳台侨 + 委员会: a place and its people in one word
        inner = next((place_end[w_start + k] for k in range(1, len(word)) if w_start + k in place_end), None)
        if inner is not None and inner.start < w_start and len(word) == 2:
            # 澳门中山石岐联谊会 cut 中|山石|岐: the place ends inside a word jieba made across it.
            start = inner.start
            while start in place_end:
                start = place_end[start].start
            return start, w_start + 1, True
        if (
            w_start + len(word) == content_start == head_start
            and text.startswith(_OFFICE_HEADS, head_start)
            and _BODY_IN_SUBUNIT_RE.fullmatch(word)
        ):
            # 会同 + 市政府 + 办公室: a level's body jieba reads as one word opens its office's name, as its level
            # alone does; the walk goes no further back over a clause to another body (org17).
            if w_start and text[w_start - 1] in _PLURAL_BEFORE_LEVEL:
                return None, content_start, proper
            start = w_start
            place = place_end.get(w_start + 1) or place_end.get(w_start)
            if place is not None and place.start < w_start:
                start = place.start  # 盘锦 + 市政府 + 办公室, 盘锦市 + 市委…: the place before the level is the name's
                while start in place_end:
                    start = place_end[start].start
            return start, content_start, proper
        if len(word) == 1 and word in _LEVELS:
            if w_start and text[w_start - 1] in _PLURAL_BEFORE_LEVEL:
                return None, content_start, proper
            if word == "区" and w_start and text[w_start - 1] in "港澳":
                start = w_start - 1  # 澳区…联谊会: the Macau members' region
                while start in place_end:  # 江苏省 + 澳区…联谊会
                    start = place_end[start].start
                return start, content_start, proper
            return w_start, content_start, proper
        if word in ("港区", "澳区"):
            start = w_start
            while start in place_end:  # 海南省 + 港区…联谊会: the province whose Hong Kong members they are
                start = place_end[start].start
            return start, content_start, proper
        if word in _AUTONOMOUS_LEVEL_WORDS and content_start < head_start:
            # 自治区 + 教育厅: an autonomous region's, prefecture's or county's level opens the name as 省 does
            return w_start, content_start, proper
        if word.startswith(_LEADS) and not word.startswith(("中国式", "中国特色", "国家级")):
            start = w_start
            while word.startswith("中华") and start in place_end:
                start = place_end[start].start  # 香港 + 中华总商会: 中华 leads no national body after a place
            if word.startswith("武警") and start:
                # 县武警中队, 某某市武警支队: a level or a place before the armed police's unit is the unit's own, as
                # before a fire or police brigade (县消防中队); not after a plural (全县武警中队).
                if start in place_end:
                    while start in place_end:
                        start = place_end[start].start
                elif text[start - 1] in _LEVELS and (start < 2 or text[start - 2] not in _PLURAL_BEFORE_LEVEL):
                    start -= 1
            return start, content_start, proper  # 国家统计局 may come as 国家统计 + 局
        term = _TERM_END_RE.search(text, max(0, content_start - 6), content_start)
        if term is not None and w_start >= term.start():
            # 省政协十二届委员会: a term inside the chain is part of it, numerals and all.
            words = []
            i = token_of[term.start() - 1] if term.start() else -1
            content_start = term.start()
            continue
        if not _CJK_ONLY_RE.fullmatch(word) or head_start - w_start > _MAX_BODY_CONTENT:
            return None, content_start, proper
        if word in ("和", "与"):
            # 发展和改革委员会: 和 inside one name; 市政协和河西学院: two bodies, the second named already;
            # 区委统战部和九三学社: what stands before 和 ends with a body's head, so it is a body of its own.
            if proper or content_start == head_start or _ENDS_WITH_HEAD_RE.search(text, max(0, w_start - 12), w_start):
                return None, content_start, proper
        elif (
            word in function_words
            and not (len(word) == 2 and w_start + 2 == trade_end)
            # 香港特别行政区 + 选举 + 委员会: a place's committee named by its task, the verb right before the head
            and not (
                w_start + len(word) == head_start and text.startswith("委员会", head_start) and w_start in place_end
            )
            and not _field_verb(word, content_start == head_start, words, tokens, i, function_words, place_end)
        ) or (len(word) == 1 and word in _STOP_CHARS):
            return None, content_start, proper
        singles = singles + 1 if len(word) == 1 else 0
        proper = proper or singles >= 2 or _proper_token(word, st)
        content_start = w_start


def _field_verb(
    word: str,
    before_head: bool,
    words: list[tuple[int, str]],
    tokens: list[tuple[int, int, str]],
    i: int,
    function_words: frozenset[str],
    place_end: dict[int, Span],
) -> bool:
    """县 + 乡村 + 振兴 + 局: a two-character verb right before the head, after a noun of two or more characters right
    after a level or a place, names the bureau's field."""
    if not before_head or len(word) != 2:
        return False
    seq = [(a, w) for a, w in words[:2]] + [(t[0], t[2]) for t in tokens[max(0, i - 1) : i + 1][::-1] if i >= 0]
    if len(seq) < 2:
        return False
    (p_start, prev), (o_start, opener) = seq[0], seq[1]
    if (
        len(prev) < 2
        or prev in function_words
        or _CJK_ONLY_RE.fullmatch(prev) is None
        or o_start + len(opener) != p_start
    ):
        return False
    if p_start + len(prev) in place_end:
        return False  # 南亚东南亚 + 辐射 + 中心: the field is no place
    return opener in _LEVELS or opener in _AUTONOMOUS_LEVEL_WORDS or p_start in place_end


_AUTONOMOUS_LEVEL_WORDS = frozenset(("自治区", "自治州", "自治县"))
_ENDS_WITH_HEAD_RE = re.compile(
    rf"(?:{'|'.join(sorted((*_ORG_HEADS, *_CHAIN_HEADS), key=len, reverse=True))}|[部局厅处室])$"
)


class _TokenIndex:
    """For each character position, the index of the token holding it, -1 past the last token: read as the list
    ``[i for i, (s, e, _w) in enumerate(tokens) for _ in range(s, e)] + [-1] * …`` (``n + 1`` long) would be,
    a negative position counting from its end. The rules ask it at a few heads, so the index is found by
    bisection over the tokens (they run one after another from 0) instead of building a list the text's length."""

    __slots__ = ("_size", "_tokens", "_total")

    def __init__(self, tokens: list[tuple[int, int, str]], n: int) -> None:
        self._tokens = tokens
        self._total = tokens[-1][1] if tokens else 0
        self._size = max(self._total, n + 1)

    def __getitem__(self, pos: int) -> int:
        if pos < 0:
            pos += self._size
        if not 0 <= pos < self._size:
            raise IndexError(pos)
        if pos >= self._total:
            return -1
        return bisect_right(self._tokens, pos, key=itemgetter(0)) - 1


def _token_index(tokens: list[tuple[int, int, str]], n: int) -> _TokenIndex:
    """For each character position, the index of the token holding it (see _TokenIndex)."""
    return _TokenIndex(tokens, n)


def _proper_token(word: str, st: dict[str, Any]) -> bool:
    """A word that makes a name proper: one jieba lacks (瑞熙), or a name it lists (华菱, 河西)."""
    if len(word) < 2:
        return False
    return not st["tokenizer"].FREQ.get(word) or word in st["proper"]


_LOCAL_COMMITTEE_RE = re.compile(
    rf"(?:中央|[{_CJK}]{{0,12}}?(?:自治区|[省市县区州旗]))?(?:第?{_N}届)?(?:委员会|委会|委)"
)
# \Z, not $: searched up to a span's start, $ would also match before a line break there (民革⏎民革西安市委会).
_LEAD_BEFORE_RE = re.compile(r"(?:中国共产党|中共|共青团|武警|政协)\Z")
# Party short names before their local committee: 农工党长春市第七届委员会, 民革市委.
_PARTY_SHORT = tuple(_PARTIES.split("|"))
_PARTY_BEFORE_RE = re.compile(rf"(?:{_PARTIES.replace('|中共', '')})\Z")


# What may stand before a committee's bare name for it to be that committee: not a body or place.
_BODY_PREFIX_END_RE = re.compile(r"(?:[省市县区州委府协会部]|专门|各|其他|该)$")
# 县政协文史和学习委员会: the committee's own name after its body's head.
# The place and term written between the body and the committee's own name are no part of that name
# (政协某某市 + 文史资料委员会 gives 文史委).
_COMMITTEE_NAME_RE = re.compile(
    rf"(?:政协|人大|委|政府)(?:[{_CJK}]{{1,8}}?(?:自治区|[省市县区州旗]))?(?:第?{_N}届)?([{_CJK}]{{2,10}}?)委员会$"
)
# A committee named bare (提案委员会, 提案审查委员会): its own name is the whole span before 委员会.
_BARE_COMMITTEE_RE = re.compile(rf"(?!常务|专门|委员会)([{_CJK}]{{2,8}}?)委员会")


# In a list of committee heads (县政协文史委员会主任张三、农业和农村委员会主任李四): a later
# item's committee, named without the prefix the first item gave, before its post.
_LISTED_COMMITTEE_RE = re.compile(rf"(?<=、)([{_CJK}]{{2,12}}?委员会)(?=(?:常务)?副?(?:主任|主席)[{_CJK}])")
# 中联办协调部部长张三、港岛工作部部长李四: a later item's department before its head's post (RULINGS, hkmo2).
_LISTED_DEPARTMENT_RE = re.compile(rf"(?<=、)([{_CJK}]{{2,8}}?部)(?=(?:常务)?副?部长[{_CJK}])")
_NOT_COMMITTEE_START = frozenset("各全本该我其他另每有等")


# An association's council of a term written after its name: 某某同乡会第三届理事会 (RULINGS, texts 190–201).
_ASSOCIATION_ENDS = (
    "联谊会", "同乡会", "联会", "商会", "协会", "总会", "促进会", "协进会", "学会", "研究会", "基金会", "工商联",
    "联合会",
)  # fmt: skip
# 某某市工商联第九届执行委员会: a chamber's executive committee of a term, as a council is (not its session).
# Its board written right after its name without a term is one body with it too (某某同乡会理监事会, 会董会).
_TERM_COUNCIL_RE = re.compile(
    rf"(?:第?{_N}届(?:理监事会|理事会|监事会|董事会|会董会|会董局|执行委员会|执委会)"
    rf"|(?:理监事会|理事会|监事会|董事会|会董会|会董局))(?!第|{_N}次|议)"
)


# A CPPCC's association of its members from a place: 某某市政协(各级)历届澳门委员联谊会 is one body.
_MEMBERS_ASSOCIATION_RE = re.compile(
    rf"(?:[（(][{_CJK}]{{1,4}}[)）])?(?:历届|各级|各届)+[{_CJK}]{{0,4}}?委员(?:联谊会|联合会|联会|协会)"
)


_GENERAL_OFFICE_RE = re.compile(r"办公厅(?:研究室|秘书局|信息局)?")


def _term_councils(text: str, orgs: list[Span]) -> list[Span]:
    """An association's name with the council of a term after it is one ORG (港区某某联谊会第七届理事会);
    a CPPCC with the association of its members after it too (某某市政协历届澳门委员联谊会)."""
    out = []
    for o in orgs:
        m = _TERM_COUNCIL_RE.match(text, o.end) if o.text.endswith(_ASSOCIATION_ENDS) else None
        if m is None and o.text.endswith("政协"):
            m = _MEMBERS_ASSOCIATION_RE.match(text, o.end)
        if m is None and o.text.endswith("全国委员会"):
            m = _GENERAL_OFFICE_RE.match(text, o.end)  # 政协全国委员会办公厅: the national committee's office
        out.append(replace(o, end=m.end(), text=text[o.start : m.end()]) if m else o)
    # What the longer body now holds is no body of its own (澳门委员联谊会 inside it).
    grown = [o for o, before in zip(out, orgs, strict=True) if o.end != before.end]
    return [
        o
        for o in out
        if not any(g.start <= o.start and o.end <= g.end and (g.start, g.end) != (o.start, o.end) for g in grown)
    ]


# A university's school, institute or hospital written after it (某某大学 + 材料科学与工程学院, + 第一医院).
_SCHOOL_UNIT_RE = re.compile(
    rf"(?:(?![、，。；,;：:的在对是了将把向从到等各])[{_CJK}]){{1,12}}?(?:学院|研究院|研究所|医院|附属中学|附属小学)"
)


# 成立了“某某县地方维持委员会”, 挂出“某某县地方维持会”牌子: a body's name quoted, its place first and a body's
# head last, nothing of a clause inside.
_QUOTED_BODY_RE = re.compile(rf"(?<=[“「])((?:(?![的了要是在把将向对为也都就又和与及])[{_CJK}]){{4,20}})(?=[”」])")
_QUOTED_BODY_HEAD_RE = re.compile(r"(?:委员会|会|局|处|所|社|院|部|署|厅|办|公司|中心|政府|大队|支队)$")


# 来源:“今日某地”公众号, 转自“某地发布”微信公众号: an account named in quotes before its kind is the outlet.
_QUOTED_ACCOUNT_RE = re.compile(
    rf"(?<=[“「])([{_CJK}A-Za-z0-9]{{2,12}})(?=[”」](?:微信)?(?:公众号|客户端|视频号|微博|抖音号|头条号))"
)


def _quoted_bodies(text: str) -> list[Span]:
    table = place_table()
    out = [_span(text, *m.span(1), "ORG", "entity.org_account", 0.6) for m in _QUOTED_ACCOUNT_RE.finditer(text)]
    for m in _QUOTED_BODY_RE.finditer(text):
        name = m.group(1)
        if not _QUOTED_BODY_HEAD_RE.search(name):
            continue
        place = next((k for k in (6, 5, 4, 3, 2) if table.kind.get(name[:k]) in _DIVISION_KINDS), None)
        if place is not None and len(name) - place >= 3:
            out.append(_span(text, m.start(1), m.end(1), "ORG", "entity.org_quoted", 0.6))
    return out


# A company's brand written before its place: 中国移动 + 甘肃公司, 国网 + 甘肃省电力公司, 中国石油 + 兰州石化公司.
_BRAND_BEFORE_RE = re.compile(rf"(?:中国[{_CJK}]{{2}}|国网|国家电网)\Z")
_COMPANY_ENDS = ("公司", "集团", "银行", "分行", "支行")
# A bureau's or a corps' brigade, detachment or station written after it: 县公安局 + 交警大队, 某某总队 + 某某支队.
_UNIT_TAIL_RE = re.compile(rf"(?:(?![的和与及、在是对为])[{_CJK}]){{1,6}}?(?:支队|大队|中队|派出所)(?![长])")


def _brands_and_units(text: str, orgs: list[Span], places: list[Span]) -> list[Span]:
    place_starts = {p.start for p in places}
    out = []
    for o in orgs:
        if o.text.endswith(_COMPANY_ENDS) and o.start in place_starts:
            brand = _BRAND_BEFORE_RE.search(text, max(0, o.start - 4), o.start)
            if brand is not None and (
                not brand.start() or not _is_cjk(text[brand.start() - 1]) or text[brand.start() - 1] in _FUNCTION_BEFORE
            ):
                o = replace(o, start=brand.start(), text=text[brand.start() : o.end], rule="entity.org_brand")
        if o.text.endswith(("局", "总队", "支队")):
            tail = _UNIT_TAIL_RE.match(text, o.end)
            if tail is not None:
                o = replace(o, end=tail.end(), text=text[o.start : tail.end()], rule="entity.org_unit_tail")
        out.append(o)
    return out


# An association's head that its short name takes the first character of (中华 + 总商会 gives 中总).
_INITIALS_HEADS = ("总商会", "总会", "联合会", "商会", "协会", "联会", "同乡会", "协进会")
_SAR_PLACES = ("澳门", "香港")


def _association_initials(
    text: str, orgs: list[Span], tokens: list[tuple[int, int, str]], st: dict[str, Any]
) -> list[Span]:
    """澳门中华总商会 … 中总: an association's short name, the first character of each word of its name after
    its place, is ORG after the full name was given, where it starts a word (not 集中总结). So is the name
    without the SAR it opens with (香港工联会 … 工联会), where more than the association's head is left."""
    table = place_table()
    first_seen: dict[str, int] = {}
    for o in orgs:
        if not o.text.endswith(_INITIALS_HEADS):
            continue
        name = o.text
        for k in (3, 2):
            if name[:k] in _SAR_PLACES or table.kind.get(name[:k]) in _DIVISION_KINDS or name[:k] in table.short:
                name = name[k:]
                break
        if o.text.startswith(_SAR_PLACES) and len(name) >= 3 and name not in _INITIALS_HEADS and name not in _ORG_HEADS:
            first_seen[name] = min(first_seen.get(name, o.end), o.end)
        words = st["segmenter"].words(name)
        if 2 <= len(words) <= 3 and all(len(w) >= 2 for w in words):
            short = "".join(w[0] for w in words)
            first_seen[short] = min(first_seen.get(short, o.end), o.end)
    return _learned_forms(text, tokens, orgs, first_seen, "entity.org_initials")


# A short name given right after a body's full name: (厂商会), (下称“中总”), (以下简称某某).
_SHORT_NAME_AFTER_RE = re.compile(r"[(（](?:以下简称|简称|下称|以下称)?[“\"「]?([\u4e00-\u9fff]{2,5})[”\"」]?[)）]")


def _is_abbreviation(short: str, full: str) -> bool:
    """Whether ``short`` takes its characters from ``full`` in order, the first from its opening words."""
    rest = iter(full)
    return short != full and all(ch in rest for ch in short)


def _bracketed_short_names(text: str, orgs: list[Span], tokens: list[tuple[int, int, str]]) -> list[Span]:
    """香港中华厂商联合会(厂商会) … 厂商会: a short name the text gives in brackets right after a body's full
    name, made of that name's characters in order, is ORG there and wherever a word starts with it after
    (a gloss that is no abbreviation, 协会(试行), is not learned)."""
    learned: dict[str, int] = {}
    for o in orgs:
        m = _SHORT_NAME_AFTER_RE.match(text, o.end)
        short = m.group(1) if m else ""
        # 中国人民政治协商会议(简称政协): a short name that is itself a kind of body (政协, 人大, 侨联) names the body
        # only after a level or a place, as the level rules read it; it is not learned bare.
        if m and _is_abbreviation(short, o.text) and short not in _ORG_HEADS and short not in _CHAIN_HEADS:
            learned.setdefault(short, m.start(1))
    return _learned_forms(text, tokens, orgs, learned, "entity.org_short_name", 0.6, given_at=True)


# 某某(香港)同乡会, 某某(澳门)商会: a mainland place's association in Hong Kong or Macau, the SAR in brackets.
_SAR_BRACKET_ASSOCIATION_RE = re.compile(
    rf"[(（](?:香港|澳门)[)）](?:(?![、，。；的和与及])[{_CJK}]){{0,6}}?"
    r"(?:同乡总会|同乡会|总商会|商会|联谊会|协会|总会|联合会|联会)"
)


def _bracketed_sar_associations(text: str, places: list[Span]) -> list[Span]:
    """汉阴(香港)同乡会: a place, Hong Kong's or Macau's name in brackets and an association's head are one ORG."""
    out = []
    for place in places:
        m = _SAR_BRACKET_ASSOCIATION_RE.match(text, place.end)
        if m:
            out.append(_span(text, place.start, m.end(), "ORG", "entity.org_sar_association", 0.6))
    return out


# 上海某某(大连)律师事务所: a firm's branch city in brackets before the form; the name before the bracket runs back
# to a function character or a mark (赴|上海某某), two to eight characters (RULINGS, texts 502–513).
_BRACKETED_FIRM_RE = re.compile(rf"[(（][{_CJK}]{{2,4}}[)）](?:律师|会计师)事务所")
_FIRM_NAME_BEFORE_RE = re.compile(rf"(?:(?![的和与及在是对为从向到赴等])[{_CJK}]){{2,8}}$")


def _bracketed_firms(text: str) -> list[Span]:
    """上海某某(大连)律师事务所: a firm, its branch's city in brackets and its form are one ORG."""
    out = []
    for m in _BRACKETED_FIRM_RE.finditer(text):
        name = _FIRM_NAME_BEFORE_RE.search(text, max(0, m.start() - 8), m.start())
        if name:
            out.append(_span(text, name.start(), m.end(), "ORG", "entity.org_bracketed_firm", 0.6))
    return out


# 某科技有限公司, 某某集团: the placeholder 某 opening a firm's trade name.
_PLACEHOLDER_FIRM_RE = re.compile("某+[^某]{0,8}(?:公司|集团|企业|厂)$")
# 某某网记者, 某某网讯: a news site before its reporter's credit or its lead is ORG whatever its name's words (大众网);
# the site's own `本网`, `我网`, `该网` names none (RULINGS, texts 502–513).
_SITE_CUE_RE = re.compile("网(?=记者|讯|消息)")
_MAX_SITE_NAME = 6


def _sites_before_credits(text: str) -> list[Span]:
    """大众网记者: the site's name runs back from 网 to a mark, a space or a line's start (two to six characters)."""
    out = []
    for m in _SITE_CUE_RE.finditer(text):
        start = m.start()
        while start > 0 and _CJK_ONLY_RE.fullmatch(text[start - 1]) and m.start() - start <= _MAX_SITE_NAME:
            start -= 1
        if 2 <= m.start() - start <= _MAX_SITE_NAME and text[start] not in "本我该":
            out.append(_span(text, start, m.end(), "ORG", "entity.org_site_credit", 0.6))
    return out


# A firm's form and the brackets of its branch's city: what stands before them after the firm's own city is its
# trade name, the first two characters of which name the firm's offices (上海中联(大连)律师事务所 … 中联大连办公室).
_FIRM_FORM_RE = re.compile(r"(?:[(（][^()（）]{1,6}[)）])?(?:律师事务所|会计师事务所)$")
_FIRM_OFFICE_HEADS = ("办公室", "分所")


def _firm_offices(text: str, orgs: list[Span], places: list[Span]) -> list[Span]:
    """中联大连办公室: a firm's short name, a city and its office are one ORG where the text names the firm."""
    place_at = {p.start: p for p in places}
    brands = set()
    for org in orgs:
        form = _FIRM_FORM_RE.search(org.text)
        if form is None:
            continue
        start = org.start
        while start in place_at and place_at[start].end < org.start + form.start():
            start = place_at[start].end  # 上海 + 中联: the firm's own city opens its name
        trade = text[start : org.start + form.start()]
        if len(trade) >= 2:
            brands.add(trade[:2])
    out = []
    for brand in brands:
        pos = text.find(brand)
        while pos >= 0:
            place = place_at.get(pos + 2)
            if place is not None and text.startswith(_FIRM_OFFICE_HEADS, place.end):
                end = place.end + next(len(h) for h in _FIRM_OFFICE_HEADS if text.startswith(h, place.end))
                out.append(_span(text, pos, end, "ORG", "entity.org_firm_office", 0.6))
            pos = text.find(brand, pos + 2)
    return out


# A member studio named by its own name (RULINGS, texts 502–513): 某某营商工商联界别政协委员工作室, 某某大厦委员工作室,
# 某某区政协金融会客厅·政协委员工作室. The name runs back over the words before 委员工作室 to a mark, a verb or a
# function word; a kind (界别, 乡镇, 社区) or a member's name (王明委员工作室: PERSON only, GUIDELINES) names none.
_STUDIO_KINDS = frozenset(
    (
        *("界别", "乡镇", "社区", "村", "街道", "个人", "基层", "行业", "专家", "界别群众"),
        # an award or a grade of studios: 优秀委员工作室, 示范委员工作室
        *("优秀", "先进", "示范", "星级", "特色", "品牌", "标准化", "规范化"),
    )
)
_STUDIO_DOTS = frozenset("·・")
_LEADERS_POSTS = ("主席", "书记", "主任", "部长", "局长", "会长", "院长", "校长", "厅长")
_MAX_STUDIO_NAME = 16
_STUDIO_COUNT_RE = re.compile(r"(?:首|第?[一二三四五六七八九十两\d]+)[批个家届期]|[一二三四五六七八九十两\d]+")


def _named_studios(text: str, tokens: list[tuple[int, int, str]], st: dict[str, Any]) -> list[Span]:
    """温暖营商工商联界别政协委员工作室: a member studio named by a theme, a sector or a building is one ORG."""
    out: list[Span] = []
    token_of = _token_index(tokens, len(text))
    function_words = st["function_words"]
    pos = text.find("委员工作室")
    while pos >= 0:
        end = pos + 5
        i = token_of[pos]
        start = tokens[i][0] if i >= 0 else pos
        i -= 1
        while i >= 0:
            w_start, _w_end, word = tokens[i]
            if pos - w_start > _MAX_STUDIO_NAME or not (word in _STUDIO_DOTS or _CJK_ONLY_RE.fullmatch(word)):
                break
            if (len(word) > 1 and word in function_words) or (len(word) == 1 and word in _STOP_CHARS):
                break  # 召开|某某大厦, 打造|某某会客厅; a theme's own one-character verb stays (助|企)
            if word in _PLACE_VERBS or word in _VISITING_VERBS:
                break  # 某某一行前往|某镇政协联络组委员工作室, 一行调研|某某委员工作室: the visit's verb (orgkinds)
            if _STUDIO_COUNT_RE.fullmatch(word):
                break  # 某区政协|首批|委员工作室: a count or a batch of studios names none of them
            if word.endswith(_LEADERS_POSTS):
                start = -1  # 县政协主席|寄语委员工作室: whoever holds the post acts on the studios, none named
                break
            start = w_start
            i -= 1
        if start < 0:
            pos = text.find("委员工作室", end)
            continue
        core = text[start:pos].removesuffix("政协")
        person = len(core) <= 3 and core[:1] in _SURNAMES
        # 某市政协王某委员工作室: a member's name after the body whose member he is (party2).
        member = core.rsplit("政协", 1)[-1] if "政协" in core else ""
        person = person or (2 <= len(member) <= 3 and _plausible_name(member, 0, len(member), st))
        # 建强委员工作室: a verb and its object (a one-character verb opening a two-character core)
        verb = len(core) == 2 and core[0] in function_words
        # 曹家岭社区委员工作室: a studio named by its place alone is no body; the place stays a GPE (as ruled before)
        verb = verb or core.endswith(("社区", "街道", "村", "镇", "乡", "县", "区", "市", "省"))
        if len(core) >= 2 and core not in _STUDIO_KINDS and not (person or verb) and core[0] not in _NOT_A_FIRMS_NAME:
            out.append(_span(text, start, end, "ORG", "entity.org_named_studio", 0.6))
        pos = text.find("委员工作室", end)
    return out


# 中国国民党某某县党部, 国民党县党部 (county annals): a party's office of a place or a level.
_PARTY_OFFICE_RE = scanning(re.compile(rf"(?:中国)?国民党([{_CJK}]{{0,8}}?[省市县区])(?:党部|区分部)"))
# 某某县女娲茶厂, 县木器厂: a works named after its place or level (not 厂长, 厂商, 厂区, 厂家, 厂房, 厂矿).
_WORKS_AFTER_RE = re.compile(rf"[{_CJK}]{{1,4}}?厂(?![长商区家房矿])")


_JIUSAN_RE = re.compile(r"九三(?![学阅抗胜纪年周节一二三四五六七八九十\d])")
# 市、区两级人大, 省市县三级政协, 各县市社法委: bodies of levels counted or of every level are a plural, no body
# (RULINGS, 490–501; not 各界人民代表会议, a body's name).
_COUNTED_LEVELS_RE = re.compile("[两二三四五]级|^各[省市县区乡镇村州旗]")
# 市委办公室党支部: a body's Party branch written after it is one chain with it.
_PARTY_BRANCH_AFTER_RE = re.compile("党支部|党总支|机关党委")
# A democratic party's branch (RULINGS, 490–501): the party named in the text, a branch's unit word.
_DEMOCRATIC_PARTY_RE = re.compile("民革|民盟|民建|民进|农工党|农工民主党|致公党|九三|台盟")
_BRANCH_UNIT = "(?:总支部|总支|支部|支社|基层委员会|基层委)"
# 第三支部, 第五支社: a unit's branch by its ordinal (not 第二党支部, the Party's; not 第二批).
_ORDINAL_BRANCH_RE = scanning(re.compile(r"(?<![\d第])第[一二三四五六七八九十]{1,3}(?:总支|支部|支社)"))
# 民进某某总支, 台盟某某省总支部: the party's short name, the branch's own name (no verb, mark or function
# word), its unit.
_PARTY_BRANCH_RE = re.compile(
    rf"(?:民革|民盟|民建|民进|农工党|致公党|九三学社|台盟)"
    rf"((?:(?![、，,。；;：:和与及的在为是对向各全本该召举组开成])[{_CJK}]){{2,8}}?{_BRANCH_UNIT})"
)
# 、某某总支副主委: a branch by its own name before its head's post, an item of a list of posts.
_BRANCH_BEFORE_POST_RE = re.compile(
    rf"(?:^|(?<=[、，,：:（(]))((?:(?![的和与及在为是对向各全本该我优先])[{_CJK}]){{2,4}}(?:总支|支部|支社))"
    r"(?=副?主委|副?主任)",
    re.MULTILINE,
)


# 中国农工党, 中国致公党: the parties' short names also written with 中国 before them.
_CHINA_BEFORE_PARTIES = ("农工党", "致公党")


def _with_china_before_party(text: str, org: Span) -> Span:
    """中国 + 农工党某某市委员会: 中国 written before a party's short name opens the party's name (orgkinds)."""
    if not org.text.startswith(_CHINA_BEFORE_PARTIES) or text[max(0, org.start - 2) : org.start] != "中国":
        return org
    return _span(text, org.start - 2, org.end, "ORG", org.rule, org.confidence)


# Verbs of visiting a body or a site: the visited name opens after them.
_VISITING_VERBS = frozenset("调研 视察 考察 走访 参观 察看 看望 慰问".split())
_DEPUTIES_SITES = ("代表联络站", "代表之家", "代表工作站")


def _level_before_cppcc(text: str, start: int) -> bool:
    """省 + 政协某某联谊会 (``start`` at 政协): a bare level before the CPPCC a chain opens with; not 全市."""
    return (
        text.startswith("政协", start)
        and _bare_level_before(text, start)
        and text[start - 2 : start - 1] not in ("全", "本", "我", "该", "各")
    )


def _without_acting(text: str, org: Span) -> Span:
    """署理 + 某某局 (局长): acting is the post's word (署理局长), no part of the bureau's name (orgkinds)."""
    if not org.text.startswith("署理") or len(org.text) <= 4:
        return org
    return _span(text, org.start + 2, org.end, "ORG", org.rule, org.confidence)


_VENUE_HEADS = ("中心", "图书馆", "大厦", "宾馆", "酒店", "礼堂", "会堂")
_MEETING_AT_VENUE_RE = re.compile(r"(?:[\u4e00-\u9fff]{0,6}?[厅室楼])?(?:隆重)?(?:开幕|召开|举行|闭幕)")


def _meeting_venue(text: str, org: Span) -> bool:
    """在 + 某某文化中心 + (多功能厅) 开幕: a centre, a hall or a hotel a meeting opens in is its venue (orgkinds)."""
    return (
        org.text.endswith(_VENUE_HEADS)
        and text[org.start - 1 : org.start] == "在"
        and _MEETING_AT_VENUE_RE.match(text, org.end) is not None
    )


# 县(市)区 + 政协: a level after a bracketed alternative level lists the levels (orgkinds).
_BRACKETED_LEVEL_BEFORE_RE = re.compile("[省市县区州旗][(（][省市县区州旗]{1,2}[)）]$")


def _with_party_branch(text: str, org: Span) -> Span:
    """市委办公室 + 党支部: a body's Party branch written right after it extends its chain (a bare 党支部 is none)."""
    m = _PARTY_BRANCH_AFTER_RE.match(text, org.end)
    if m is None or org.text.endswith(("党", "支部")):
        return org
    return _span(text, org.start, m.end(), "ORG", org.rule, org.confidence)


# 第九届委员会和监督委员会, 、内部监督委员会委员: a party committee's own supervisory committee, named bare.
_SUPERVISORY_RE = scanning(re.compile(r"(?:^|(?<=[、，,和及与：:\n]))(?:内部)?监督委员会(?!议)", re.MULTILINE))


def _party_branches(text: str, orgs: list[Span], places: list[Span], tokens: list[tuple[int, int, str]]) -> list[Span]:
    """A democratic party's branches in a text that names the party (RULINGS, 490–501): by ordinal (第三支部), by the
    party's short name, the branch's own name and its unit (民进某某总支, a place written before the party included,
    as 义乌民革 is), by its own name before its head's post (、某某总支副主委); the branch's name after the party's
    then recurs bare (某某总支)."""
    if not _DEMOCRATIC_PARTY_RE.search(text):
        return []
    inside = _covered(text, orgs)
    place_ends = {p.end: p for p in places}
    out: list[Span] = []
    learned: dict[str, int] = {}
    for m in _PARTY_BRANCH_RE.finditer(text):
        name = m.group(1)
        if len(re.sub(_BRANCH_UNIT + "$", "", name)) < 2:
            continue
        learned.setdefault(name, m.end())
        city = next((p for p in places if p.start == m.start(1) and p.end < m.end(1)), None)
        if city is not None and len(re.sub(_BRANCH_UNIT + "$", "", text[city.end : m.end(1)])) >= 2:
            # 民盟某市 + 某某支部(委员会): the branch's own name after its city recurs bare (party2).
            learned.setdefault(text[city.end : m.end(1)], m.end())
        start = place_ends[m.start()].start if m.start() in place_ends else m.start()
        if any(o.start <= start and m.end() <= o.end for o in orgs):
            continue  # already found whole
        out.append(_span(text, start, m.end(), "ORG", "entity.org_party_branch", 0.7))
    for o in orgs:
        held = _PARTY_BRANCH_RE.search(o.text)
        if held is not None and held.end() == len(o.text):
            learned.setdefault(held.group(1), o.end)
    for m in (
        *finditer_near(_ORDINAL_BRANCH_RE, text),
        *finditer_near(_BRANCH_BEFORE_POST_RE, text),
        *finditer_near(_SUPERVISORY_RE, text),
    ):
        a, b = m.span(m.lastindex or 0)
        if not any(inside[a:b]):
            out.append(_span(text, a, b, "ORG", "entity.org_party_branch", 0.6))
    found = orgs + out
    return out + _learned_forms(text, tokens, found, learned, "entity.org_party_branch", 0.6)


# 某某市工商联(总商会): the federation's second name, in brackets after its name (RULINGS, 490–501).
_SECOND_NAME_RE = re.compile(r"[(（](总商会)[)）]")


def _federation_second_name(text: str, orgs: list[Span], tokens: list[tuple[int, int, str]]) -> list[Span]:
    """总商会 in brackets right after a federation of industry and commerce (工商联, 工商业联合会) is that body's
    second name: ORG there, and where a word starts with it later."""
    ends = {o.end for o in orgs if o.text.endswith(("工商联", "工商业联合会"))}
    learned: dict[str, int] = {}
    out = []
    for m in finditer_near(_SECOND_NAME_RE, text):
        if m.start() in ends:
            out.append(_span(text, *m.span(1), "ORG", "entity.org_second_name", 0.7))
            learned.setdefault(m.group(1), m.end())
    return out + _learned_forms(text, tokens, orgs + out, learned, "entity.org_second_name", 0.6)


def _works(text: str, orgs: list[Span], places: list[Span], tokens: list[tuple[int, int, str]]) -> list[Span]:
    """A works after its place or a bare level, each a word: 某某县女娲茶厂, 县木器厂 (the place is inside it)."""
    token_at = _token_words(tokens)
    levels = compress(tokens, map(_LEVELS.__contains__, map(itemgetter(2), tokens)))  # the words in _LEVELS, in C
    starts = [(p.start, p.end) for p in places] + [(a, a + 1) for a, _b, _w in levels]
    out = []
    for start, end in starts:
        m = _WORKS_AFTER_RE.match(text, end)
        if m is None or end not in token_at or any(ch in _NOT_IN_ASSOCIATION for ch in m.group()):
            continue
        if any(o.start < m.end() and start < o.end for o in orgs):
            continue
        out.append(_span(text, start, m.end(), "ORG", "entity.org_works", 0.6))
    return out


_NATIVES_ASSOCIATION_RE = re.compile("同乡总会|同乡联谊会|同乡会")


def _natives_associations(
    text: str, orgs: list[Span], tokens: list[tuple[int, int, str]], st: dict[str, Any]
) -> list[Span]:
    """崖口同乡会: a natives' association is named by their place, whatever the tables know of it. The name is
    the shortest run of two to four characters before the head that starts a word (no function word in it, no
    everyday word: 支持同乡会); none where the rules read the association already or a plural stands before it
    (各地同乡会)."""
    token_starts = _token_starts(tokens)
    out = []
    for m in _NATIVES_ASSOCIATION_RE.finditer(text):
        if any(o.start < m.end() and m.start() < o.end for o in orgs):
            continue
        for k in (2, 3, 4):
            start = m.start() - k
            name = text[max(0, start) : m.start()]
            if start < 0 or not _CJK_ONLY_RE.fullmatch(name) or any(ch in _NOT_IN_ASSOCIATION for ch in name):
                break
            if start in token_starts:
                words = [w for a, _b, w in tokens if start <= a < m.start() and len(w) >= 2]
                if all(_place_like(w, st) for w in words):
                    out.append(_span(text, start, m.end(), "ORG", "entity.org_natives_association", 0.6))
                break
    return out


# A word of everyday prose (支持, 去年, 祝愿) is this frequent in jieba's dictionary; a place's name rarely is.
_EVERYDAY_FREQ = 100


def _place_like(word: str, st: dict[str, Any]) -> bool:
    """Whether a word may be a place's name: one the tables or jieba know as a place, or no everyday word."""
    known = word in st["places"] or word in st["ns_words"] or word in st["town_stems"] or word in st["short_names"]
    return known or st["tokenizer"].FREQ.get(word, 0) < _EVERYDAY_FREQ


_COMPANY_FORMS = ("有限责任公司", "股份有限公司", "有限公司", "集团")
# A brand jieba knows as a word is a rare one (国信, 金蚕); a trade word is an everyday one (投资, 制药).
_BRAND_FREQ = 100


def _company_brands(
    text: str, orgs: list[Span], places: list[Span], tokens: list[tuple[int, int, str]], st: dict[str, Any]
) -> list[Span]:
    """某某康尔佳制药股份有限公司 … 康尔佳: a company's brand, the name after its place that jieba does not know
    (single characters, or one rare word) before its trade words, is ORG where a word starts with it after the
    full name was given. A place is no brand (汉江投资开发有限公司 licenses no 汉江)."""
    place_at = {p.start: p for p in places}
    learned: dict[str, int] = {}
    for o in orgs:
        if not o.text.endswith(_COMPANY_FORMS):
            continue
        start = o.start
        while start in place_at and place_at[start].end < o.end:
            start = place_at[start].end
        words = st["segmenter"].words(text[start : o.end])
        singles = list(takewhile(lambda w: len(w) == 1, words))
        if 2 <= len(singles) <= 3 and len(words) > len(singles) and len(words[len(singles)]) >= 2:
            brand = "".join(singles)
        elif len(words) >= 2 and len(words[0]) == 2 and st["tokenizer"].FREQ.get(words[0], 0) < _BRAND_FREQ:
            brand = words[0]
        else:
            continue
        if _names_a_place(brand, st) or brand in st["function_words"]:
            continue
        learned.setdefault(brand, o.end)
    return _learned_forms(text, tokens, orgs, learned, "entity.org_brand")


def _learned_forms(
    text: str,
    tokens: list[tuple[int, int, str]],
    orgs: list[Span],
    learned: dict[str, int],
    rule: str,
    confidence: float = 0.55,
    *,
    given_at: bool = False,
) -> list[Span]:
    """ORGs for the short forms ``learned`` (form → where the text licenses it): each occurrence from there on
    that starts a word and stands outside every body already found (an association's initials, a company's
    brand, a short name given in brackets). ``given_at``: the form where the text gives it counts even where
    no word starts there (香港中华厂商联合会(厂商会))."""
    if not learned:
        return []
    token_starts = _token_starts(tokens)
    inside = _covered(text, orgs)
    return [
        _span(text, m.start(), m.end(), "ORG", rule, confidence)
        for m in _alternation(learned).finditer(text)
        if m.start() >= learned[m.group()]
        and (m.start() in token_starts or (given_at and m.start() == learned[m.group()]))
        and not any(inside[m.start() : m.end()])
    ]


def _npc_term(text: str, org: Span) -> Span:
    if org.text != "全国人民代表大会":
        return org
    m = _NPC_TERM_BEFORE_RE.search(text, max(0, org.start - 12), org.start)
    return replace(org, start=m.start(), text=text[m.start() : org.end]) if m else org


def _school_units(text: str, orgs: list[Span]) -> list[Span]:
    """某某大学材料科学与工程学院: a university's school is one name with it (v1.1: body + sub-unit). A 与 or 和
    inside joins two fields of one school, not two bodies: what follows it opens no place (山东大学与山东师范学院)."""
    st = _init()
    out = []
    for o in orgs:
        m = _SCHOOL_UNIT_RE.match(text, o.end) if o.text.endswith("大学") else None
        if m is not None:
            parts = re.split("[与和及]", m.group())
            joined = len(parts) > 1 and any(
                _names_a_place(p[:k], st) or place_table().short.get(p[:k]) or p[:k] in place_table().kind
                for p in parts[1:]
                for k in (2, 3)
            )
            # (山东大学与山东师范学院: two bodies; 某某大学社会工作学院: one school of one)
            if not joined and not (len(parts) > 1 and parts[0].endswith(("大学", "学院"))):
                o = replace(o, end=m.end(), text=text[o.start : m.end()], rule="entity.org_school_unit")
        out.append(o)
    return out


# A line a PDF's page break leaves between two parts of a name: a page number, alone or in dashes or 第…页.
_PAGE_LINE_RE = re.compile(r"[ \t　]*(?:[-—–－]\s*)?(?:第\s*)?[0-9０-９]{1,4}(?:\s*页)?(?:\s*[-—–－])?[ \t　]*\n")


def _across_page_breaks(text: str, orgs: list[Span]) -> list[Span]:
    """政协某某市第十四届委员会 ⏎ 常务委员会: a committee's standing committee written on the next line (after a
    page number a PDF's page break left, if any) is part of the committee's formal name (v1.1: the whole
    chain as written)."""
    out = []
    for o in orgs:
        if o.text.endswith("委员会") and text.startswith("\n", o.end):
            pos = o.end + 1
            page = _PAGE_LINE_RE.match(text, pos)
            pos = page.end() if page is not None else pos
            standing = _STANDING_RE.match(text, pos)
            if standing is not None and standing.group() != "协商委员会":
                o = replace(o, end=standing.end(), text=text[o.start : standing.end()], rule="entity.org_across_break")
        out.append(o)
    return out


_OWN_COMMITTEE = rf"((?:(?![、，。；的和与及第届各专])[{_CJK}]){{2,8}}?委员会)"
# 本会外事委员会和专业委员会: the committees an association names as its own (本会 stays outside, as 本县 does).
_OWN_COMMITTEES_RE = re.compile(rf"本会{_OWN_COMMITTEE}(?:[和及、]{_OWN_COMMITTEE})?")


def _own_committees(text: str, orgs: list[Span]) -> list[Span]:
    """本会外事委员会: a committee an association names as its own (本会 + name + 委员会) is ORG, and a second
    joined to it by 和 too."""
    out = []
    for m in _OWN_COMMITTEES_RE.finditer(text):
        for g in (1, 2):
            if m.group(g) and not any(s.start <= m.start(g) < s.end for s in orgs):
                out.append(_span(text, m.start(g), m.end(g), "ORG", "entity.org_own_committee", 0.6))
    return out


# 各支部、妇女工作委员会、社会服务委员会负责人: two or more committees listed side by side by their own names
# (RULINGS, 490–501); not the kinds (村民委员会和居民委员会, 专门委员会, 工作委员会).
_COMMITTEE_ITEM = rf"(?:(?![各全本该有其我])[{_CJK}]){{2,8}}?委员会"
_COMMITTEE_LIST_RE = re.compile(
    rf"(?:^|(?<=[、，,：:（(]))({_COMMITTEE_ITEM}(?:[、和及]{_COMMITTEE_ITEM})+)(?![{_CJK}]{{0,2}}(?:成员|委员))",
    re.MULTILINE,
)
_COMMITTEE_ITEM_RE = re.compile(_COMMITTEE_ITEM)
_COMMITTEE_KINDS = ("村民", "居民", "专门", "常务", "工作委员会", "筹备", "业主")
# 民族和宗教委员会召开…, 把文史和学习委员会的工作…: a CPPCC committee named bare by its two fields.
_TWO_FIELD_COMMITTEE_RE = re.compile(
    rf"(?:(?<![{_CJK}])|(?<=[把对在与为由向经将让]))((?![把对在与为由向经将让])[{_CJK}]{{2,4}}和[{_CJK}]{{2,4}}?委员会)(?![员议])"
)


# 港澳台侨(外事)委员会, 社会和法制(民族宗教)委员会: a CPPCC committee named with its second field in brackets (mix5).
_BRACKETED_COMMITTEE_RE = re.compile(
    rf"(?:(?<![{_CJK}])|(?<=[把对在与为由向经将让、]))"
    rf"((?![各全本该有其我把对在与为由向经将让])[{_CJK}]{{2,8}}?[(（][{_CJK}、]{{2,8}}[)）]委员会)(?![员议])"
)


def _committees_by_name(text: str, orgs: list[Span]) -> list[Span]:
    """Committees named bare: two or more listed side by side, and a CPPCC committee by its two fields
    (X和Y委员会) in a text that names the 政协 (RULINGS, 490–501)."""
    inside = _covered(text, orgs)
    out = []
    for m in finditer_near(_COMMITTEE_LIST_RE, text):
        pos, end = m.start(1), m.end(1)
        items: list[tuple[int, int]] = []
        while pos < end:
            if text[pos] in "、和及" and items:
                pos += 1
            item = _COMMITTEE_ITEM_RE.match(text, pos, end)
            if item is None:
                break
            items.append(item.span())
            pos = item.end()
        if len(items) < 2 or any(text[a:b].startswith(_COMMITTEE_KINDS) for a, b in items):
            continue
        out += [_span(text, a, b, "ORG", "entity.org_listed_committee", 0.6) for a, b in items if not any(inside[a:b])]
    if "政协" in text:
        out += [
            _span(text, *m.span(1), "ORG", "entity.org_listed_committee", 0.6)
            for m in finditer_near(_TWO_FIELD_COMMITTEE_RE, text)
            if not any(inside[m.start(1) : m.end(1)])
            and not text[m.start(1) : m.end(1)].startswith(_COMMITTEE_KINDS)
            and "常务" not in m.group(1)  # 听取和审议常务委员会: the standing committee after two verbs
        ]
        # Scanned only where a bracket closes right before 委员会: a substring test, no pass of the pattern elsewhere.
        bracketed = _BRACKETED_COMMITTEE_RE.finditer(text) if (")委员会" in text or "）委员会" in text) else ()
        out += [
            _span(text, *m.span(1), "ORG", "entity.org_listed_committee", 0.6)
            for m in bracketed
            if not any(inside[m.start(1) : m.end(1)]) and not m.group(1).startswith(_COMMITTEE_KINDS)
        ]
    return out


def _listed_departments(text: str, spans: list[Span]) -> list[Span]:
    """中联办协调部部长张三、港岛工作部部长李四: a department named bare in a list of heads after a department ORG of
    the same sentence, each item with its head's post (RULINGS, hkmo2), as committees are."""
    if "部长" not in text:
        return []
    ends = [s.end for s in spans if s.label == "ORG" and s.text.endswith("部")]
    if not ends:
        return []
    out: list[Span] = []
    for m in _LISTED_DEPARTMENT_RE.finditer(text):
        if m.group(1)[0] in _NOT_COMMITTEE_START or any(s.start < m.end(1) and m.start(1) < s.end for s in spans):
            continue
        if text.endswith(_POSTS_TUPLE, 0, m.start() - 1):
            continue  # 区委常委、统战部部长: one person's two posts, the second department bare (RULINGS, 066–077)
        sentence_start = max(text.rfind(ch, 0, m.start()) for ch in "。；\n")
        if any(sentence_start < end <= m.start() for end in ends):
            out.append(_span(text, m.start(1), m.end(1), "ORG", "entity.org_listed_department", 0.6))
            ends.append(m.end(1))
    return out


def _listed_committees(text: str, orgs: list[Span]) -> list[Span]:
    """A committee named in a list of heads after a committee ORG of the same sentence, with its post.

    Two or more committees each with its head's post in one sentence are a list of them, the first
    included (经济委员会主任某某、外事委员会主任某某); and committees each on its own line under a
    heading that announces them (各专门委员会) are bodies.
    """
    ends = [s.end for s in orgs if s.text.endswith("委员会")]
    out = []
    for m in _LISTED_COMMITTEE_RE.finditer(text):
        if m.group(1)[0] in _NOT_COMMITTEE_START or any(s.start <= m.start(1) < s.end for s in orgs):
            continue
        sentence_start = max(text.rfind(ch, 0, m.start()) for ch in "。；\n")
        if any(sentence_start < end <= m.start() for end in ends):
            out.append(_span(text, m.start(1), m.end(1), "ORG", "entity.org_listed_committee", 0.6))
    by_sentence: dict[int, list[re.Match[str]]] = {}
    for m in (*_HEADED_COMMITTEE_RE.finditer(text), *_HEADED_BODY_RE.finditer(text)):
        by_sentence.setdefault(max(text.rfind(ch, 0, m.start()) for ch in "。；\n"), []).append(m)
    for found in by_sentence.values():
        if len(found) >= 2:
            out += [
                _span(text, m.start(1), m.end(1), "ORG", "entity.org_listed_committee", 0.6)
                for m in found
                if m.group(1)[0] not in _NOT_COMMITTEE_START
                and not any(s.start <= m.start(1) < s.end for s in (*orgs, *out))
            ]
    for heading in _COMMITTEES_HEADING_RE.finditer(text):
        for m in _COMMITTEE_LINE_RE.finditer(text, heading.end()):
            if text[heading.end() : m.start()].strip():
                break  # the run of committee lines ends at the first other line
            if not any(s.start <= m.start(1) < s.end for s in orgs):
                out.append(_span(text, m.start(1), m.end(1), "ORG", "entity.org_listed_committee", 0.6))
            heading = m
    return out


def _proposal_committee(text: str, orgs: list[Span]) -> list[Span]:
    """经提案委员会审查: the CPPCC's proposal (or proposal review) committee by its own name, where the
    report names a 政协; its short form 提案委 only as the agent or the meeting (经提案委审查, 召开提案委会议)."""
    # 经提案委审查: the short form as the agent of the review names the committee in any report on proposals.
    # 提案法制委员会, 提案和学习委员会: the proposal committee joined with a second field is that committee (wave8a).
    pattern = (
        rf"提案(?:审查|[和与]?[{_CJK}]{{2}})?委员会|(?<=[经开])提案委(?!员)"
        if "政协" in text
        else "(?<=经)提案委(?=审)"
    )
    return [
        _span(text, m.start(), m.end(), "ORG", "entity.org_proposal_committee", 0.55)
        for m in re.finditer(pattern, text)
        if (m.start() == 0 or not _is_cjk(text[m.start() - 1]) or text[m.start() - 1] in _FUNCTION_BEFORE + "经开")
        and not any(s.start <= m.start() < s.end for s in orgs)
    ]


# 经济委员会主任某某、外事委员会副主任某某: a committee with its head's post, an item of a list of them.
_HEADED_COMMITTEE_RE = re.compile(
    rf"(?:^|(?<=[、,，：:]))([{_CJK}]{{2,12}}?委员会)(?=(?:常务)?副?(?:主任|主席)[{_CJK}])", re.MULTILINE
)
# 各专门委员会 / 提案委员会 / 经济委员会 …: a heading, then one committee a line.
_COMMITTEES_HEADING_RE = re.compile(r"^[ \t　]*各?专门委员会[ \t　]*$", re.MULTILINE)
_COMMITTEE_LINE_RE = re.compile(rf"^[ \t　]*([{_CJK}]{{2,12}}委员会)[ \t　]*$", re.MULTILINE)


# 中央人民政府驻香港特别行政区联络办公室, 驻港国安公署, 外交部驻香港特派员公署: a body stationed in a
# place, named by the place and its office (the body that sends it, written before 驻, included).
_STATIONED_RE = re.compile(rf"驻(?P<place>[{_CJK}]{{1,14}}?)(?:联络办公室|办事处|特派员公署|公署|联络处|代表处|部队)")


_SENDER_BEFORE_RE = re.compile(
    r"(?:中央人民政府|中央政府|(?:中国|中华人民共和国)?外交部|(?<![各全])(?:自治区|[省市县])人民政府)\Z"
)


def _stationed_bodies(text: str, orgs: list[Span], places: list[Span]) -> list[Span]:
    st = _init()
    ends = {o.end: o for o in orgs}
    # 某某市驻西安办事处, 某某县驻京联络处: a place's own office in another place, the sending place written first.
    place_ends = {p.end: p for p in places}
    out = []
    for m in _STATIONED_RE.finditer(text):
        place = m.group("place")  # the place, then what the office is for (国安, 特别行政区)
        if not any(_names_a_place(place[:k], st) or place[:k] in ("港", "澳", "京") for k in range(1, len(place) + 1)):
            continue
        sender = ends.get(m.start())
        if sender is None and m.start() and text[m.start() - 1] in "部府局院委":
            sender = next((o for o in orgs if o.end == m.start()), None)
        if sender is None and m.start() in place_ends:
            sender = place_ends[m.start()]
        start = sender.start if sender is not None else m.start()
        if sender is None:
            # 中央政府驻香港联络办公室, 中国外交部驻香港特派员公署: the sending government or ministry,
            # written before 驻, is part of the name though no rule read it as a body alone.
            lead = _SENDER_BEFORE_RE.search(text, max(0, start - 12), start)
            start = lead.start() if lead is not None else start
        out.append(_span(text, start, m.end(), "ORG", "entity.org_stationed", 0.65))
    return out


def _meeting_cut(text: str, orgs: list[Span]) -> list[Span]:
    """An ORG whose 委员会 is the start of 委员会议 (省政协常务委员会议) stops before that meeting's name."""
    out = []
    for span in orgs:
        if span.text.endswith("委员会") and text.startswith("议", span.end):
            cut = span.text[:-3]
            cut = cut[:-2] if cut.endswith("常务") else cut
            if len(cut) < 2:
                continue
            span = _span(text, span.start, span.start + len(cut), "ORG", span.rule, span.confidence)
        out.append(span)
    return out


# 州政协社法委, 县政协民宗委: a committee's short form (two to four characters and 委) right after its CPPCC.
_BODIED_SHORT_RE = re.compile(rf"政协([{_CJK}]{{2,4}}委)$")
_PLURAL_OR_BODY_BEFORE_RE = re.compile(r"(?:[各省市县区州乡镇村旗]|政协)$")


_SCOPE_NOT_NAME = frozenset(("全国", "地方"))


def _committee_abbreviations(text: str, orgs: list[Span]) -> list[Span]:
    """文史委 after 县政协文史和学习委员会: a committee's short name, licensed by its full name earlier.

    The short name takes the first character of each part of the full name (社会和法制 → 社法委)
    or its first two characters (文史资料 → 文史委). Without the full name earlier in the
    report, a bare 提案委 names no body (the seeds' ruling) and is left alone.
    """
    first_seen: dict[str, int] = {}
    bodied: set[str] = set()
    for span in orgs:
        held = _BODIED_SHORT_RE.search(span.text)
        if held is not None and not _COMMITTEE_NAME_RE.search(span.text):
            # 州政协社法委 … 社法委: the short form written with its body names that committee bare after it.
            first_seen[held.group(1)] = min(first_seen.get(held.group(1), span.end), span.end)
            bodied.add(held.group(1))
        m = _COMMITTEE_NAME_RE.search(span.text) or _BARE_COMMITTEE_RE.fullmatch(span.text)
        if m is None:
            continue
        name = m.group(1)
        parts = [p for p in re.split("[和与及、]", name) if p]
        shorts = {name[:2] + "委", "".join(p[0] for p in parts) + "委" if len(parts) > 1 else ""}
        if len(parts) == 1 and len(name) == 2:
            shorts.add(name[0] + "委会")  # 外事委员会 → 外委会, 妇女委员会 → 妇委会
        if len(parts) == 1 and len(name) == 4:
            shorts.add(name[0] + name[2] + "委")  # 青年工作委员会 → 青工委 (two words, one character each)
        # 常务委员会 → 常委会: the standing committee's short form is the generic word, no committee's own name
        # (GUIDELINES: generic units are no ORG; bare 常委会 names no body).
        shorts -= _GENERIC_COMMITTEES
        for short in shorts:
            if len(short) >= 3:
                first_seen[short] = min(first_seen.get(short, span.end), span.end)
        if len(name) >= 2 and name not in _SCOPE_NOT_NAME:
            # The committee's own name without the body before it (提案委员会 after 全国政协提案委员会);
            # not 全国委员会 after 政协全国委员会: the scope names the kind, no committee's own name (orgkinds).
            full = name + "委员会"
            first_seen[full] = min(first_seen.get(full, span.end), span.end)
    if not first_seen:
        return []
    inside = _covered(text, orgs)
    out = []
    for m in _alternation(first_seen).finditer(text):
        if m.group().endswith("委员会"):
            if (
                m.start() >= first_seen[m.group()]
                and not any(inside[m.start() : m.end()])
                and not _BODY_PREFIX_END_RE.search(text, 0, m.start())
            ):
                out.append(_span(text, m.start(), m.end(), "ORG", "entity.org_committee_short", 0.6))
            continue
        if m.group() in bodied and _PLURAL_OR_BODY_BEFORE_RE.search(text, max(0, m.start() - 2), m.start()):
            continue  # 各县市社法委, 县政协社法委: another level's committee, or one with its body
        if m.start() >= first_seen[m.group()] and not text.startswith(("员", "会"), m.end()):
            a = m.start()
            if text.endswith("政协", 0, a) and not any(inside[a - 2 : a]):
                # 政协提案委, 省政协提案委: the short form written with its CPPCC (and the level before it) is one
                # chain (RULINGS: a committee's short form after its full name, bare or with its body and place; org18)
                a -= 2
                if a and text[a - 1] in _LEVELS and not (a >= 2 and text[a - 2] in "全各"):
                    a -= 1
            out.append(_span(text, a, m.end(), "ORG", "entity.org_committee_short", 0.6))
    return out


_LOCAL_COMMITTEE_ENDS = ("委员会", "委会", "委", "常务委员会", "筹备处", "筹委会", "筹备委员会")
_STATE_ORGANS = frozenset(("国务院", "中共中央", "全国人大常委会", "中央军委"))
_DEPARTMENT_ENDS = ("办公室", "办公厅", "委员会", "部", "局", "署", "办")


def _joined_bodies(text: str, orgs: list[Span], places: list[Span]) -> list[Span]:
    """ORG spans with the chains a body's name is written in joined (v1.1: the whole chain as written).

    A national body or a party's short name followed by its local committee is one ORG
    (中国人民政治协商会议 + 安徽省寿县委员会, 农工党 + 长春市第七届委员会, 民革 + 市委); a lead written
    before a body (中共, 共青团, 武警, 政协) belongs to it (中共 + 威海市委统战部, 武警 + 岳阳支队).
    """
    by_start: dict[int, Span] = {}
    for span in orgs:
        if span.end > by_start.get(span.start, span).end or span.start not in by_start:
            by_start[span.start] = span
    out = list(orgs)
    place_starts = {p.start for p in places}
    place_ends = {p.end: p for p in places}
    for span in orgs:
        name = span.text
        nxt = by_start.get(span.end)
        if nxt is not None and nxt.text.endswith(_BRANCH_HEADS):
            # 中新社 + 内蒙古分社, 中国和平统一促进会 + 香港总会: a body and its branch are one name; a lead
            # before the first is the whole name's (武警 + 甘肃总队 + 兰州支队).
            lead = _LEAD_BEFORE_RE.search(text, max(0, span.start - 5), span.start)
            start = lead.start() if lead is not None and not name.startswith(("中共", "共青团", "政协")) else span.start
            out.append(replace(span, start=start, end=nxt.end, text=text[start : nxt.end], rule="entity.org_joined"))
            continue
        if nxt is not None and (name in _NATIONAL_BODIES or name in _PARTY_SHORT):
            if _LOCAL_COMMITTEE_RE.match(nxt.text) and nxt.text.endswith(_LOCAL_COMMITTEE_ENDS):
                out.append(replace(span, end=nxt.end, text=text[span.start : nxt.end], rule="entity.org_joined"))
                continue
            if nxt.start in place_starts:
                # 民盟 + 梅河口市支部委员会: a party or national body before a body named by its place.
                out.append(replace(span, end=nxt.end, text=text[span.start : nxt.end], rule="entity.org_joined"))
                continue
        if nxt is not None and name in _STATE_ORGANS and nxt.text.endswith(_DEPARTMENT_ENDS):
            # 国务院 + 港澳事务办公室: a state organ's department is written as one name with it.
            out.append(replace(span, end=nxt.end, text=text[span.start : nxt.end], rule="entity.org_joined"))
            continue
        if (
            text.endswith("中央", 0, span.start)
            and not text.endswith(("党中央", "共中央", "团中央"), 0, span.start)
            and name[0] not in _LEVELS
            and name.endswith(_DEPARTMENT_ENDS)
        ):
            # 中央 + 港澳工作办公室: the Central Committee's office, written with it.
            start = span.start - 2
            out.append(replace(span, start=start, text=text[start : span.end], rule="entity.org_joined"))
            continue
        party = _PARTY_BEFORE_RE.search(text, max(0, span.start - 5), span.start)
        if party is not None and (_LOCAL_COMMITTEE_RE.match(name) or span.start in place_starts):
            start = party.start()
            out.append(replace(span, start=start, text=text[start : span.end], rule="entity.org_joined"))
            continue
        if name.startswith(("政协", "中共", "共青团")) and span.start in place_ends:
            # 云南省 + 政协港澳委员联谊会: the place before a body named by its lead is part of it.
            start = place_ends[span.start].start
            out.append(replace(span, start=start, text=text[start : span.end], rule="entity.org_joined"))
            continue
        lead = _LEAD_BEFORE_RE.search(text, max(0, span.start - 5), span.start)
        if lead is not None and not name.startswith(("中共", "共青团", "政协")):
            out.append(replace(span, start=lead.start(), text=text[lead.start() : span.end], rule="entity.org_joined"))
    return out


def _party_end(text: str, m: re.Match[str]) -> int:
    """致公党中央 + 参政议政部, 民盟市委会 + 办公室, 民进某某省委 + 议政调研部: a department of a party's centre or
    committee is in its name."""
    end = m.end()
    if m.group().endswith("中央") and text.startswith("委员会", end):
        end += 3  # 民盟中央委员会: the centre's full name
    # 民进某某省委 + 议政调研部: a committee written 省委/市委 keeps its department too (party2).
    if m.group().endswith(("中央", "委员会", "委会", "委")):
        sub = _COMMITTEE_SUBUNIT_RE.match(text, end)
        if sub is not None and not _starts_with_verb(sub.group()):
            return sub.end()
    return end


def _country_before(text: str, m: re.Match[str]) -> bool:
    return m.group().startswith("全国") and text[max(0, m.start() - 2) : m.start()] == "中国"


def _fixed_end(text: str, m: re.Match[str]) -> int:
    return _subunit_end(text, _FIXED_KIND.get(m.group(), ""), m.end())


# Verbs that set up or convene bodies: after a body's name they start a clause (委员会下设办公室),
# never a sub-unit's name (提案 may: 提案委员会).
_SETUP_VERBS = (
    *("下设", "下辖", "设立", "设有", "内设", "成立", "组建", "召开", "举行", "主办", "承办", "牵头"),
    *("创设", "增设", "新设", "设置", "开设"),
)
# Of those, the ones no body's name holds (成立 may: 某某成立70周年筹备委员会; 筹建 too: 筹建办): one inside a chain
# between its place and its head means a clause, not a name (全国政协创设专家协商会).
_CLAUSE_VERBS = (
    *("下设", "内设", "设立", "组建", "召开", "举行", "创设", "增设", "新设", "开设"),
    # 在某市参观某某纪念馆: a visit's verb between the place and the head; the place is where, no name's part
    *("参观", "考察", "视察", "走访", "看望", "慰问"),
)


_STANDING_RE = re.compile("常务委员会|常委会(?!议)|协商委员会")
# 港澳台侨和外事委, 文史和学习委, 社会和法制委: each part two characters or more (a level's 委 or a 党委 never ends it).
_LONG_SHORT_COMMITTEE_RE = re.compile(rf"[{_CJK}]{{2,8}}和[{_CJK}]{{2,8}}?(?<![省市区县州旗盟党])委(?![员会])")


def _starts_with_verb(words: str) -> bool:
    return words.startswith(_SETUP_VERBS)


def _subunit_end(text: str, head: str, end: int) -> int:
    """End of the body chain: a sub-unit written right after the head extends it (市委 + 督查室).

    A term and committee that a numbered session follows are the MEETING's, not a sub-unit
    (省政协 + 十二届委员会常务委员会第五次会议)."""
    e = _subunit_end_raw(text, head, end)
    # 市政协八届常委会 + 第五次会议: a MEETING designation holds a term only with its 委员会.
    if (
        e > end
        and _SESSION_AFTER_RE.match(text, e)
        and re.search(_TERM, text[end:e])
        and text.endswith("委员会", end, e)
    ):
        return end
    return e


def _members_own_room(text: str, start: int, end: int) -> bool:
    """王某委员工作室 (between ``start`` and ``end``): a member's room named by the member's name, no body's unit."""
    m = _ROOM_RE.fullmatch(text, start, end)
    return m is not None and _plausible_name(text, m.start(1), m.end(1), _init())


def _subunit_end_raw(text: str, head: str, end: int) -> int:
    if head.endswith(("人民代表会议", "人民代表大会")):
        m = _STANDING_RE.match(text, end)  # 宣城各界人民代表会议 + 常务委员会
        return m.end() if m else end
    if head in ("委员会", "委会"):
        m = _committee_subunit(text, end)
        return m.end() if m else end
    kind = (
        "政协"
        if head == "政协"
        else "人大"
        if head == "人大"
        else "政府"
        if head.endswith("政府")
        else "委"
        if head.endswith("委")
        else ""
    )
    if not kind:
        # 某某市侨联党组, 县教育局党组: a body's Party group (not 党组织, a Party organisation).
        return end + 2 if text.startswith("党组", end) and not text.startswith("党组织", end) else end
    if kind == "委" and text.startswith("会", end) and (staff := _STAFF_OFFICE_RE.match(text, end + 1)) is not None:
        return staff.end()  # 民进市委会 + 机关: the committee's staff office is one ORG with it (RULINGS, orgkinds)
    if kind == "委" and text.startswith("会", end) and not text.startswith(_NOT_COMMITTEE_AFTER, end + 1):
        # 民革市委会, 省委会: a party's committee (not 市委会议, 省委会同); its own working committee or
        # department is in its name (民进市委会 + 参政议政工作委员会, as 民盟某某省委会 + 监督委员会).
        sub = _COMMITTEE_SUBUNIT_RE.match(text, end + 1)
        if sub is not None and not _starts_with_verb(sub.group()) and _NOT_IN_SUBUNIT.isdisjoint(sub.group()):
            return sub.end()
        return end + 1
    m = _SUBUNITS[kind].match(text, end)
    if m is not None and _starts_with_verb(m.group()):
        return end
    if kind == "政协" and m is not None and _members_own_room(text, end, m.end()):
        return end  # 市政协 + 王某委员工作室: the member's own room (GUIDELINES: PERSON only), no sub-unit (party2)
    if (
        kind == "政协"
        and m is not None
        and (
            (m.group().endswith("党委") and not m.group().startswith("机关"))
            or ("政协" in m.group() and _init()["segmenter"].words(m.group())[0] in _init()["function_words"])
        )
    ):
        # 县政协 + 助力党委, 市政协 + 组织 + 政协委员会: a party committee other than the body's own 机关党委, or 政协
        # again after a verb, is the verb's object, no sub-unit (市政协 + 地区政协联络指导组 is one) (org17).
        return end
    if kind == "政协":
        # 市政协港澳台外事侨务和民族宗教委: a committee's short name whose parts 和 joins, each three or
        # more characters of nouns (no verb or function word), is one sub-unit.
        long = _LONG_SHORT_COMMITTEE_RE.match(text, end)
        if (
            long is not None
            and (m is None or long.end() > m.end())
            and not any(ch in _NOT_IN_SUBUNIT for ch in long.group().replace("和", ""))
        ):
            words = _init()["segmenter"].words(long.group()[:-1])
            # 文史和学习委: a verb may name a committee's field after 和 (学习); a clause shows at its first word
            # (市政协积极和…), which must be no function word, and a part of two characters is one word.
            function_words = _init()["function_words"]
            first = words[0] if words else ""
            joint = long.group().index("和")
            if joint >= 3 and not any(len(w) >= 2 and w in function_words for w in words):
                return long.end()
            if joint == 2 and first == long.group()[:2] and first not in function_words:
                return long.end()
    if m is not None:
        # 市政协提案委召开全体委员会议: a verb inside ends the sub-unit before it (提案委).
        st = _init()
        pos = m.start()
        for word in st["segmenter"].words(m.group()):
            if pos > m.start() and word in st["function_words"] and len(word) >= 2:
                cut = _SUBUNITS[kind].fullmatch(text, end, pos)
                if cut is not None:
                    m = cut
                    break
            pos += len(word)
    # 文史和学习委员会: 和 inside a committee's own name; elsewhere it joins two things.
    allowed = "和与及" if m is not None and m.group().endswith("委员会") and m.group()[0] not in "和与及" else ""
    if m is None or any(ch in _NOT_IN_SUBUNIT and ch not in allowed for ch in m.group()):
        return end
    if "主席" in m.group() or "主任" in m.group():
        return end  # 市政协主席与各委, 区政协将在区委: a sentence, not a sub-unit
    if m.group().endswith("委员会"):
        more = _committee_subunit(text, m.end())  # 省政协十二届委员会 + 常务委员会
        return more.end() if more else m.end()
    return m.end()


# 市委会机关, 市委会机关党委: a party committee's staff office (and the office's own Party committee), as 县政协机关.
_STAFF_OFFICE_RE = re.compile("机关(?:党组|党委|党支部|纪委)?")
# 委员会常务委员会, 山东省委员会参政议政部: the standing committee or a department of a committee.
_COMMITTEE_SUBUNIT_RE = re.compile(
    # (联络部 + 部长: the department before its head's post; not 部门, 部署, 组织部长)
    rf"(?:常务委员会|常委会(?!议))|(?![各专有全])[{_CJK}]{{2,6}}?(?:部|处|办公室|研究室)(?![长门署]|(?!部|处)[{_CJK}][长门署])"
    # 民盟某某省委会 + 监督委员会, + 参政议政工作委员会: the committee's own supervisory or working committee
    rf"|监督委员会|(?:(?![各专有全与和及、的在对把将向为是了并也都就从到])[{_CJK}]){{2,6}}?工作委员会"
    # 民进中央研究室, 民盟中央办公厅: the centre's own office, named by itself
    rf"|(?:办公厅|研究室)(?![{_CJK}]{{0,1}}[长门署])"
)
_NOT_COMMITTEE_AFTER = tuple("议上同见商后前期场中谈务员")
_NOT_IN_SUBUNIT = frozenset("与和及、的各在对把将向为是了并也都就从到")
# A level's own body (县委, 市政府, 区政协, 县人大) inside what follows a committee starts another body, no sub-unit;
# as one word before an office's head (市政府 + 办公室) it opens that office's name.
_BODY_IN_SUBUNIT_RE = re.compile("[省市区县州旗盟](?:委|政府|政协|人大)")
# The heads of a body's own office that such a word opens (not 委员会, 中心, 工商联: 省政协专门委员会 is a kind).
_OFFICE_HEADS = ("办公室", "督查室", "研究室", "办公厅")


def _committee_subunit(text: str, end: int) -> re.Match[str] | None:
    """The standing committee, department or office written right after a committee (委员会 + 办公室), or None.

    委员会下设办公室: a verb of setting up before it makes the office a kind of body. 提案委员会将会同县委办公室,
    提案委员会会同市政府办公室: a function character or a level's own body inside is a clause joining two
    bodies, no sub-unit of the committee (org17)."""
    m = _COMMITTEE_SUBUNIT_RE.match(text, end)
    if m is None or _starts_with_verb(m.group()):
        return None
    if not _NOT_IN_SUBUNIT.isdisjoint(m.group()) or _BODY_IN_SUBUNIT_RE.search(m.group()):
        return None
    return m


def _common_noun(word: str, st: dict[str, Any]) -> bool:
    """A word jieba has seen often that it does not list as a name (管理员, 编辑部)."""
    return st["tokenizer"].FREQ.get(word, 0) >= 100 and word not in st["proper"]


def _leader_opening(word: str, leaders: frozenset[str], st: dict[str, Any]) -> str | None:
    """The leader of the table a word opens where the rest is a word of its own (邓小平 + 理论), else None."""
    if len(word) < 4:
        return None
    if word in _LEADER_OPENINGS:
        return _LEADER_OPENINGS[word]
    lead = next((word[:n] for n in (3, 2) if word[:n] in leaders), None)
    if lead is None or len(word) - len(lead) < 2 or st["tokenizer"].FREQ.get(word[len(lead) :], 0) < 100:
        lead = None
    if len(_LEADER_OPENINGS) >= _BEFORE_A_NAME_MAX:
        _LEADER_OPENINGS.clear()
    _LEADER_OPENINGS[word] = lead
    return lead


_LEADER_OPENINGS: dict[str, str | None] = {}
"""_leader_opening's answer by word of four or more characters (the tables it reads are built once; emptied
when it grows as large as _BEFORE_A_NAME may)."""


# A democratic party's member's word (its short name glued to 员: 农工党 + 员), read where the text names one.
_MEMBER_WORDS = frozenset(("党员", "盟员", "会员", "社员", "员"))
_NAMES_A_PARTY_RE = scanning(re.compile(_PARTIES.replace("|中共", "")))


def _persons(text: str, tokens: list[tuple[int, int, str]], st: dict[str, Any]) -> list[Span]:
    spans: list[Span] = []
    titles, leaders = st["titles"], st["leaders"]
    cached = _BEFORE_A_NAME.get  # _before_a_name's answer where it has one: a call per token saved
    # 农工党员某某, 会员某某: in a text that names a democratic party, its member's word is a role a name follows,
    # as 委员 is (RULINGS, wave8b).
    members = _MEMBER_WORDS if _NAMES_A_PARTY_RE.search(text) else frozenset()
    for i in _tokens_to_read(tokens, leaders, members):
        start, end, word = tokens[i]
        if (
            members
            and word in members
            and (word != "员" or (i and tokens[i - 1][2] in _PARTY_SHORT and tokens[i - 1][1] == start))
            and not _before_a_name(word, titles, st)  # 盟员 is a title already: read as titles are
        ):
            found = _name_after(tokens, i + 1, text)
            if found is None:
                # 农工党员 + 郑 + 黎明 + 被评为: a surname and a word jieba holds, closed by a list's end (被, 荣获 …)
                found = next(((end, end + n) for n in (3, 2) if _LIST_END_RE.match(text, end + n)), None)
            if found is not None and _plausible_name(text, found[0], found[1], st):
                spans.append(_span(text, found[0], found[1], "PERSON", "entity.person_after_member", 0.6))
            continue
        if word in leaders:
            spans.append(_span(text, start, end, "PERSON", "entity.person_leader", 0.95))
        elif len(word) >= 4 and (lead := _leader_opening(word, leaders, st)) is not None:  # (None if shorter)
            # 邓小平理论, 毛泽东思想: a leader of the table opening a fixed phrase jieba holds as one word.
            spans.append(_span(text, start, start + len(lead), "PERSON", "entity.person_leader", 0.9))
        elif (known := cached(word)) or (known is None and _before_a_name(word, titles, st)):
            found = _name_after(tokens, i + 1, text)
            if found is None and word in _CREDIT_ROLES:
                # 版面 / 素珍, 校对：寒倩: an editor's credit may give the name without its surname.
                m = _CREDIT_NAME_RE.match(text, end)
                found = m.span(1) if m else None
            if found is None:
                # 县领导赵卫东、…: a name jieba cut as 赵 + 卫东, bounded by what follows it.
                found = next(
                    (
                        (end, end + n)
                        for n in (3, 2)
                        if _LIST_END_RE.match(text, end + n)
                        and _plausible_name(text, end, end + n, st)
                        # 副县长陈某以《…》为题: 以 or 就 before a quoted title opens a phrase, no name's character
                        and _PREPOSITION_BEFORE_QUOTE_RE.match(text, end + n - 1) is None
                    ),
                    None,
                )
            if found is not None and text[found[0]] in _CONJUNCTIONS and word not in _CREDIT_ROLES:
                found = None  # 会长和苏香玫会长: the conjunction starts the next item, not a name
            if found is not None and word in _CREDIT_ROLES and _common_noun(text[found[0] : found[1]], st):
                found = None  # 责任编辑:管理员: a role in the credit, not a name
            if found is not None and (word in _CREDIT_ROLES or _plausible_name(text, found[0], found[1], st)):
                spans.append(_span(text, found[0], found[1], "PERSON", "entity.person_after_title", 0.7))
    for m in _ROOM_RE.finditer(text):
        # 市政协王某委员工作室: the member's room after the body whose member he is (party2).
        if m.start() == 0 or not ("\u4e00" <= text[m.start() - 1] <= "\u9fff") or text.endswith("政协", 0, m.start()):
            spans.append(_span(text, m.start(1), m.end(1), "PERSON", "entity.person_room", 0.75))
    spans += _name_lists(text, st, _token_starts(tokens))
    spans += _names_after_posts(text, st)
    spans += _names_before_listed_posts(text, st)
    spans += _own_line_names(text, st)
    for m in _BYLINE_RE.finditer(text):
        spans += [
            _span(text, s, e, "PERSON", "entity.person_byline", 0.6)
            for s, e in _split_names(m.group(1), m.start(1))
            if _plausible_name(text, s, e, st)
        ]
    spans += [
        _span(text, m.start(1), m.end(1), "PERSON", "entity.person_byline", 0.6)
        for m in _LEAD_BYLINE_RE.finditer(text)
        if _plausible_name(text, m.start(1), m.end(1), st)
    ]
    spans += _names_before_cues(text, st, tokens)
    spans += [
        _span(text, m.start(1), m.end(1), "PERSON", "entity.person_byline", 0.6)
        for m in finditer_near(_SLASH_CREDIT_RE, text)
        if _plausible_name(text, m.start(1), m.end(1), st)
    ]
    # (记者 张某李某某): names a credit gives one after another, their space removed, split at the
    # second surname; they replace any name read across them.
    credited = [
        _span(text, a, b, "PERSON", "entity.person_credit", 0.6)
        for m in _CREDIT_RUN_RE.finditer(text)
        for a, b in _credit_split(text, m.start(1), m.end(1), st)
    ]
    if credited:
        spans = [
            s
            for s in spans
            if not any(c.start < s.end and s.start < c.end and (c.start, c.end) != (s.start, s.end) for c in credited)
        ]
        spans += credited
    spans += _space_lists(text, st)
    spans += _list_tails(text, spans, st)
    spans += _names_reading_as_words(text, tokens, spans, st)
    spans += _elected_names(text, spans, st)
    spans = [_with_second_surname(text, _without_verb_after(text, s, st), st) for s in spans]
    spans += _repeated(text, spans, st)
    return [_without_conjunction_before_post(text, _without_photo_credit(text, s)) for s in spans]


# After a two-character name, a verb whose subject it is: 做了…发言 / 做题为, 任…顾问, 率…组 (a one-character
# verb a three-character reading swallows).
_VERB_AFTER_NAME_RE = re.compile(
    r"做(?:了|题为|《|[^，。；\n]{0,12}?(?:发言|报告|讲话|说明))"
    r"|任[^，。；\n、]{1,12}?(?:顾问|团长|组长|主任|主席|会长|委员|秘书长|书记)"
    r"|率(?:团|队|[^，。；\n]{1,8}?(?:组|团|队))"
    # 主席王某认为, 会长李某介绍: a verb of speech whose first character seldom closes a given name
    r"|认为|介绍|谈到"
)


_TWO_SURNAME_RULES = frozenset(("entity.person_after_title", "entity.person_after_post"))


def _with_second_surname(text: str, span: Span, st: dict[str, Any]) -> Span:
    """会长邓某某某, 行政长官林郑某某: a married woman's name (Hong Kong, Macao) holds her husband's surname and
    her own before a two-character given name. A three-character name after a post whose second character is a
    common surname, with one more name character after it and then a list mark, the end of a clause or a cue,
    is that four-character name."""
    if span.label != "PERSON" or span.rule not in _TWO_SURNAME_RULES or len(span.text) != 3:
        return span
    end = span.end
    if end + 1 > len(text) or span.text[1] not in _COMMON_SURNAMES:
        return span
    ch = text[end]
    if (
        not _NAME_CHAR_RE.match(ch)
        or ch in _NAME_BREAKERS
        or ch in _STOP_CHARS
        or ch in _VERB_AFTER_NAME_CHARS
        or ch in st["function_words"]
        or _NAME_CUE_RE.match(text, end)
        or st["tokenizer"].FREQ.get(text[end - 1 : end + 1], 0)
    ):
        return span
    if not (end + 1 == len(text) or text[end + 1] in "、，,。；;" or _NAME_CUE_RE.match(text, end + 1)):
        if text[end + 1] not in "在向于":
            return span
    return _span(text, span.start, end + 1, "PERSON", span.rule, span.confidence)


def _without_verb_after(text: str, span: Span, st: dict[str, Any]) -> Span:
    """副主委某某做题为…, 副主任某某任考察团顾问, 副主席某某率调研组: a three-character name whose last character
    opens its verb's phrase is the two-character name before it."""
    if (
        span.label != "PERSON"
        or len(span.text) != 3
        or _VERB_AFTER_NAME_RE.match(text, span.end - 1) is None
        or not _plausible_name(text, span.start, span.end - 1, st)
    ):
        return span
    return _span(text, span.start, span.end - 1, "PERSON", span.rule, span.confidence)


# 选举某某为主席, 推举某某为副主席, 增补某某为常委: an election names a person and the post it gives.
_ELECTION_RE = re.compile(
    rf"(?:选举|推举|推选|增补|补选|任命|聘任|决定)([{_CJK}]{{2,3}}?)为"
    rf"(?=[^，,。；;\n]{{0,16}}?(?:主席|主任|秘书长|常委|委员|书记|会长|主委|院长|部长|局长|[市县区省]长))"
)


def _elected_names(text: str, found: list[Span], st: dict[str, Any]) -> list[Span]:
    """The name between an election's verb and the post it is given (选举某某为县政协主席)."""
    taken = [(s.start, s.end) for s in found]
    out: list[Span] = []
    for m in _ELECTION_RE.finditer(text):
        # 选举某甲为常务委员,某乙为经济委员,某丙为宣传委员: the appointments that follow in the same sentence.
        stop = _SENTENCE_STOP_RE.search(text, m.end())
        chained = _CHAINED_APPOINTMENT_RE.finditer(text, m.end(), stop.start() if stop else len(text))
        for a, b in (m.span(1), *(c.span(1) for c in chained)):
            if any(s < b and a < e for s, e in taken):
                continue
            if _plausible_name(text, a, b, st, rare=_RARE_AFTER_POST, given_function=True):
                out.append(_span(text, a, b, "PERSON", "entity.person_elected", 0.6))
    # 以某某为首的迁京委员会: the one a group is headed by.
    for m in _LED_BY_RE.finditer(text):
        a, b = m.span(1)
        if not any(s < b and a < e for s, e in taken) and _plausible_name(
            text, a, b, st, rare=_RARE_AFTER_POST, given_function=True
        ):
            out.append(_span(text, a, b, "PERSON", "entity.person_elected", 0.6))
    return out


_LED_BY_RE = re.compile(rf"以([{_CJK}]{{2,3}}?)为首")
_SENTENCE_STOP_RE = re.compile(r"[。；;！？\n]")
_CHAINED_APPOINTMENT_RE = re.compile(
    rf"[,，]([{_CJK}]{{2,3}}?)为"
    rf"(?=[^，,。；;\n]{{0,16}}?(?:主席|主任|秘书长|常委|委员|书记|会长|主委|院长|部长|局长|[市县区省]长))"
)


# A verb of reporting after a spokesman's name (王某某介绍, 王某某通报): with _NAME_CUE_RE, what licenses a name
# that reads as a word.
_REPORTING_AFTER_RE = re.compile(r"介绍|通报|回答|说明|说[:：,，]|率领|带领")


def _names_reading_as_words(
    text: str, tokens: list[tuple[int, int, str]], found: list[Span], st: dict[str, Any]
) -> list[Span]:
    """发言人王某某向记者介绍…王某某表示: a three-character name whose surname and first given character make a
    common word (王国, 方便) fails _plausible_name. It is a name where a post stands right before it, the three
    characters are no word of their own, and at one of its occurrences in the text a verb of speaking or acting
    follows it (two cues, not one: 主任高度重视 has the post but no verb after 高度重)."""
    titles = st["titles"]
    freq = st["tokenizer"].FREQ
    taken = [(s.start, s.end) for s in found]
    out: list[Span] = []
    seen: set[int] = set()
    cached = _BEFORE_A_NAME.get  # _before_a_name's answer where it has one: a call per token saved
    for i in _tokens_to_read(tokens):
        _start, end, word = tokens[i]
        if end in seen or not ((known := cached(word)) or (known is None and _before_a_name(word, titles, st))):
            continue
        a, b = end, end + 3
        name = text[a:b]
        if len(name) < 3 or name[0] not in _COMMON_SURNAMES:
            continue
        if any(ch in _NAME_BREAKERS or not _NAME_CHAR_RE.match(ch) for ch in name[1:]):
            continue
        if freq.get(name, 0) > 0 or freq.get(name[:2], 0) == 0:
            continue  # the kind: the first two characters a word, the three none
        if any(s < b and a < e for s, e in taken) or _plausible_name(text, a, b, st):
            continue
        pos = text.find(name)
        while pos >= 0:
            if _NAME_CUE_RE.match(text, pos + 3) or _REPORTING_AFTER_RE.match(text, pos + 3):
                seen.add(a)
                out.append(_span(text, a, b, "PERSON", "entity.person_word_name", 0.55))
                break
            pos = text.find(name, pos + 1)
    return out


def _without_photo_credit(text: str, span: Span) -> Span:
    """记者燕雁摄: a photo credit's 摄 (its spaces removed) closes the credit, no part of the name."""
    if len(span.text) == 3 and span.text.endswith("摄") and (span.end == len(text) or text[span.end] in "\n。）)"):
        return replace(span, end=span.end - 1, text=span.text[:-1])
    return span


# Posts that stand before or after a name (主委周永尧, 陈小江书记, 胡春雨副主席, 监事长孙恩光).
_POSTS = (
    "主席|书记|主任|主委|秘书长|会长|理事长|监事长|董事长|总经理|经理|行长|院长|校长|所长|社长|台长|署长|站长"
    "|主编|总编|局长|厅长|部长|处长|科长|县长|市长|区长|省长|州长|旗长|镇长|乡长|村长|司令员|参谋长|政委|师长|旅长|军长|组长|队长|团长"
    "|调研员|巡视员|顾问|特首|行政长官|议员|总理"
    # The posts of Hong Kong's and Macau's government and of the ministry's commissioner (RULINGS, hkmo2).
    "|特派员|司长|专员"
    # 委员长王某, 二级主任科员徐某: the chair of a committee (县地方维持委员会), a civil servant's rank.
    "|委员长|科员"
    # 参议长林某, 副议长某某: the speaker of an assembly (a Republic-era county's 参议会); not 会议长达三小时.
    "|(?<!会)议长"
)
_POST_RE = re.compile(rf"(?:常务)?副?(?:{_POSTS})|[省市县区]委(?:{_POSTS})|统战部长")
# The run of names after a post that opens a line or a table cell (_names_run_together, wave8b).
_RUN_AFTER_POST_RE = scanning(
    re.compile(
        rf"(?<![^\n|])[ \t]*(?:{_POST_RE.pattern})(?:[(（]\d+[)）]|\[\d+\])?[ \t:：|]*([{_CJK}]{{4,40}})"
        rf"(?=[ \t]*(?:[\n|]|$))"
    )
)
# After a name that follows its body: the post (市政协林某秘书长, 县委王某书记) or a form of address.
_POST_AFTER_NAME_RE = re.compile(rf"(?:常务)?副?(?:{_POSTS})|同志|常委(?![会们])|委员(?![会长们])")
# 李某、王某和常委21人, 主席张某和副主席李某: the conjunction before the next post or role is no name's last character.
_POST_AFTER_CONJUNCTION_RE = re.compile(rf"(?:常务)?副?(?:{_POSTS})|常委(?![会们])|委员(?![会长们])")


def _without_conjunction_before_post(text: str, span: Span) -> Span:
    """A three-character name ending in 和/及/与 that a list's 、 or a post opens and a post or a role follows
    (…、黄某和常委21人, 主席魏某和副主席) is the two-character name and the conjunction: the text coordinates two
    people or groups there (李保和同志, a name with its form of address, keeps its third character)."""
    if (
        len(span.text) == 3
        and span.label == "PERSON"
        and span.text[-1] in "和及与"
        and _POST_AFTER_CONJUNCTION_RE.match(text, span.end)
        and (text[span.start - 1 : span.start] == "、" or _POST_RE.search(text, max(0, span.start - 5), span.start))
    ):
        return replace(span, end=span.end - 1, text=span.text[:-1])
    return span


# 警务处前副处长某某、大律师公会前主席某某: in a list of people each with a post, the body of the post.
_HEADED_BODY_RE = re.compile(
    rf"(?:^|(?<=[、,，：:有括]))((?:(?![、，,。；的和与及])[{_CJK}]){{1,10}}?"
    rf"(?:处|公会|协会|商会|总会|评议会|联会|局|署|集团|公司|学院|大学|中心|研究所|银行|电视台|报社))"
    rf"(?=(?:前|原)?(?:常务)?副?(?:{_POSTS})[{_CJK}]{{2,3}}(?:[、，,。；]|等))",
    re.MULTILINE,
)
# 歌唱家, 书法家, 作家: a profession in 家 announces a name as a post does; 国家, 大家, 老家 name none.
_NOT_PROFESSIONS = frozenset(
    (
        "国家",
        "大家",
        "人家",
        "全家",
        "自家",
        "本家",
        "老家",
        "娘家",
        "东家",
        "万家",
        "千家",
        "各家",
        "农家",
        "商家",
        "厂家",
        "买家",
        "卖家",
        "店家",
        "皇家",
        "公家",
        "婆家",
        "一家",
        "两家",
        "回家",
        "在家",
        "我家",
        "专家",
    )
)


def _tokens_to_read(
    tokens: list[tuple[int, int, str]], leaders: Set[str] | None = None, extra: Set[str] = frozenset()
) -> list[int]:
    """The indices, in order, of the tokens a loop over words before names must read: a word _before_a_name
    says True of or has not been asked about, a leader's name, a word of four or more characters (one may
    open with a leader's name), or a word of ``extra``. The others, words _before_a_name said False of, are
    passed over in C."""
    words = _token_word_list(tokens)
    read = map(is_not, map(_BEFORE_A_NAME.get, words), repeat(False))
    if leaders is not None:
        # One flag per token, or-ed in C: the indices come out in order and once each (no set to sort).
        read = map(or_, map(or_, read, map(leaders.__contains__, words)), map((3).__lt__, map(len, words)))
    if extra:
        read = map(or_, read, map(extra.__contains__, words))
    return list(compress(count(), read))


def _before_a_name(word: str, titles: frozenset[str], st: dict[str, Any]) -> bool:
    """A title, a post or a profession: a word a name may follow (cached per word, asked of every token)."""
    known = _BEFORE_A_NAME.get(word)
    if known is None:
        if len(_BEFORE_A_NAME) >= _BEFORE_A_NAME_MAX:
            _BEFORE_A_NAME.clear()
        known = _BEFORE_A_NAME[word] = bool(
            word in titles
            or _POST_RE.fullmatch(word)
            or (word.endswith(_POST_ENDS) and len(word) <= 6)
            or _profession(word, st)
        )
    return known


# Words asked about by _before_a_name (numbers are words too: emptied when it grows this large).
_BEFORE_A_NAME: dict[str, bool] = {}
_BEFORE_A_NAME_MAX = 200_000


def _profession(word: str, st: dict[str, Any]) -> bool:
    return (
        2 <= len(word) <= 4
        and word.endswith("家")
        and word not in _NOT_PROFESSIONS
        and bool(st["tokenizer"].FREQ.get(word))
    )


_POST_ENDS = (
    "主席",
    "书记",
    "主任",
    "记者",
    "主委",
    "秘书长",
    "部长",
    "局长",
    "县长",
    "市长",
    "区长",
    "会长",
    "委员",
    "成员",
    # Posts of the old civil service a ministry or a prefecture may open (刑部侍郎, 礼部尚书, 潮州知府).
    "侍郎",
    "尚书",
    "知府",
    "知县",
    "知州",
)
# What follows a name and marks it as one: a speech or attendance verb, a form of address,
# a title after the name (王强同志, 李明委员).
_NAME_CUE_RE = scanning(
    re.compile(
        # 某某作工作报告, 某某所作的常委会工作报告, 某某作政协某届常委会关于提案工作情况的报告: the report's speaker.
        r"讲话|主持|指出|强调|表示|致辞|讲授|宣读|带队|率队|一行|陪同|出席|到会|(?<!工)所?作[了的]?[^，。；,;\n]{0,24}?(?:报告|讲话|发言|说明)"
        r"|调研|视察|看望|慰问|会见|走访|督导|赴|率团|参加|同志|委员(?!会)|委员会客室|代表(?![团队性大])|主席(?!团|会议)|先生|女士|各位|等(?:同志|领导|委员|一行)"
        r"|(?:全票|高票|满票)当选|当选|作题为|作了?题为|作《|(?:常务)?副(?:主席|书记|主任|主委|会长|院长|县长|市长|区长|省长|部长|秘书长)"
        r"|书记(?!处)|主委|秘书长|教授|列席|受[^，。；\n]{0,30}?委托|提交的?《|领衔提出"
        # 李某总理, 郑某常委: a post written after the name.
        r"|(?:副)?总理|常委(?![会们])|总书记|国务委员"
        r"|经理|董事长|会长|院长|校长|局长|部长"
        # 某某律师陪同, 某某律师、: a lawyer addressed by the profession after the name (RULINGS, texts 502–513)
        r"|律师(?![事协行界团队们委代])"
        # 孙某发言, 李某介绍了, 丁某说: a verb of speech right after the name.
        r"|发言|介绍|说(?=[,，:：])|认为|建议|谈到"
        # 王某荣获优秀提案奖, 李某获三等奖: the recipient before the award or title it receives (wave8d).
        r"|(?:荣获|获得?)(?=[^，。；,;、\n]{0,16}?(?:奖|称号|表彰|荣誉))"
        r"|等\d+[名位人]|等[一二三四五六七八九十百]+[名位人]"
        # 会议现场。李某摄: a photo credit closing its line.
        r"|摄(?=[ \t\u3000]*(?:\n|$))"
    )
)
_NAME_BOUNDARY_BEFORE = frozenset("，。；：、,;:（(“”\"'‘’》\n 　\t!?！？由和与及同请对向将经暨如")
# After a name in a list: the next item, or what ends the list.
_LIST_END_RE = re.compile(
    r"[、，。；：,;:）)\s]|等|同志|和|与|及|分别|到会|出席|列席|参加|陪同|讲话|主持|委员|代表|在|也|还|一行"
    r"|[致作向对就为因说率受]|当选|介绍|表示|指出|强调|认为|带领|宣读|传达|提出|回顾|应邀|一同|获"
    # 盟员杜 + 富强 + 撰写的, 郑黎明被评为, 秦立梅荣获: the passive, an award's or a writer's verb after the name.
    r"|担任|就任|兼任|先后|一起|共同|被|荣获|撰写|摄(?![影像制])"
    # (通讯员某某文/图): a byline's text-and-photo mark glued to the name.
    r"|文[/／]图|图[/／]文"
    # 特派员某某接见, 署长某某会见: a leader receiving visitors (RULINGS, hkmo2)
    r"|接见|会见|会晤|看望|慰问|莅临"
)


def looks_like_place(name: str) -> bool:
    """Whether another source's place has a place's shape: it holds a known place (岳阳, 京港), or ends in a
    suffix of a division or a natural place after a stem of two or more characters (王家山村, 白龙江, 云岭)."""
    st = _init()
    if name[-2:] in st["suffix_eaters"]:
        return False  # 新乡贤, 家乡乡亲: the suffix starts the word that ends it (乡贤), no place ends so
    if any(_names_a_place(name[i:j], st) for i in range(len(name)) for j in range(i + 2, len(name) + 1)):
        return True
    if _generic_area(name, st):
        return False
    suffix = name[-1] in "省市县区州旗盟镇乡村江河湖山岭岛峡湾"
    return (len(name) >= 3 and suffix) or (len(name) == 2 and name[-1] in "县州")


# Area nouns a sector word makes a kind of place, not a name (工业园区, 经济开发区); not 社区, 地区, 新区 or 特区,
# which common words name (和平社区). 小镇 after common words is a kind of town (特色小镇, 文创小镇; gpeprec).
_GENERIC_AREA_NOUNS = ("园区", "开发区", "示范区", "先行区", "试验区", "保护区", "风景区", "功能区", "高新区", "城区",
                       "市区", "街区", "山区", "老区", "灾区", "经开区", "产业园", "工业园", "度假区",
                       "旅游区",
                       "小镇")  # fmt: skip
_COMMON_WORD_FREQ = 500


def village_committee_end(text: str, end: int) -> int | None:
    """Where a village's or a community's committee right after ``end`` ends (新庄村 + 村委), or None."""
    m = _VILLAGE_COMMITTEE_AFTER_RE.match(text, end)
    return m.end() if m else None


def kind_of_area(name: str) -> bool:
    """新城区, 城中村, 经开区, 化工园区: a kind of area (an everyday word before 城区, or an area noun after common
    words only), no place's name, whoever proposes it."""
    return _kind_of_area(name, _init())


def _kind_of_area(name: str, st: dict[str, Any]) -> bool:
    return (
        name in _GENERIC_PLACES
        or (name.endswith("城区") and name[:-1] in _GENERIC_PLACES)
        or _generic_area(name, st)
        or _homeland_epithet(name, st)
    )


def _generic_area(name: str, st: dict[str, Any]) -> bool:
    """乡镇工业园区, 现代农业园区: an area noun after common words of two characters or more only (no name in it)."""
    noun = next((n for n in _GENERIC_AREA_NOUNS if name.endswith(n)), None)
    if noun is None:
        return False
    stem = name[: -len(noun)]
    if not stem:
        return True
    freq = st["tokenizer"].FREQ

    def common(w: str) -> bool:  # 工业; 现代农业 as 现代 + 农业
        return freq.get(w, 0) >= _COMMON_WORD_FREQ or (len(w) == 4 and common(w[:2]) and common(w[2:]))

    return all(len(w) >= 2 and common(w) for w in st["tokenizer"].cut(stem, HMM=False))


def looks_like_name(name: str) -> bool:
    """Whether ``name`` has the shape of a person's name: a surname, 2–4 characters, no word-breaking character.

    Used on another source's proposals (the model has judged the context already), so unlike
    the rules' own test it does not reject dictionary words (高峰 is a name too).
    """
    if not (2 <= len(name) <= 3 or (len(name) == 4 and name[:2] in _COMPOUND_SURNAMES)):
        return False
    if name[:2] not in _COMPOUND_SURNAMES and name[0] not in _SURNAMES:
        return False
    if len(name) == 2 and name[0] == name[1]:
        return False  # 殷殷嘱托, 谆谆教诲: one character written twice is a reduplicated word, no surname and name
    given = name[1:]
    if len(name) == 3 and given[0] == "一" and given not in _ONE_WORDS:
        given = given[1:]  # 宓一鸣, 张一山: 一 opens many given names, unless it makes a word (一行, 一同)
    return name not in _COMMON_WORDS and not any(ch in _STOP_CHARS or not ("\u4e00" <= ch <= "\u9fff") for ch in given)


_ONE_WORDS = frozenset(
    "一行 一起 一同 一道 一致 一直 一定 一批 一线 一体 一样 一般 一切 一些 一次 "
    "一名 一位 一人 一再 一度 一律 一并 一向 一贯 一举 一生".split()
)


_BODY_HEAD_CHARS = frozenset("社局厅处部委办")
# Conjunctions that join two names or posts written together (林某和吕某).
_JOINING_CHARS = frozenset("和与及跟同")


def _plausible_name(
    text: str,
    start: int,
    end: int,
    st: dict[str, Any],
    rare: int = 0,
    any_surname: bool = False,
    given_function: bool = False,
) -> bool:
    """A surname, then CJK characters none of which breaks a name, and not a common word.

    ``rare``: where the context already announces a name (a post just before it), a dictionary
    word seen fewer than this many times in jieba's counts (夏启 of 夏启宗) does not bar it.
    ``any_surname``: where a post stands before it and its verb after it, a surname the table holds
    that is mostly another word (咸, 展, 檀) counts too.
    """
    name = text[start:end]
    if not (2 <= len(name) <= 3 or (len(name) == 4 and name[:2] in _COMPOUND_SURNAMES)):
        return False
    if (
        name[:2] not in _COMPOUND_SURNAMES
        and name[0] not in _SURNAMES
        and not (any_surname and name[0] in place_table().surnames)
    ):
        return False
    if len(name) == 2 and name[0] == name[1]:
        return False  # 殷殷嘱托, 谆谆教诲: one character written twice is a reduplicated word, no surname and name
    # ``given_function``: where a post announces a three-character name, a given name's character that is also a
    # function word (李向阳, 王为民) does not break it.
    allowed = _GIVEN_NAME_FUNCTION_CHARS if given_function and len(name) == 3 else ""
    if any((ch in _NAME_BREAKERS and ch not in allowed) or not _NAME_CHAR_RE.match(ch) for ch in name[1:]):
        return False
    if name[0] == "暨":
        return False  # 宣讲暨界别委员座谈会: the formal "and" of event names, almost never a surname
    if _OWN_LEVEL_RE.search(name):
        return False  # 来我县调研: the speaker's own county (我县, 我市) is no part of a name
    if (
        len(name) == 3
        and name[0] in _JOINING_CHARS
        and name[1] in _SURNAMES
        and start > 0
        and _NAME_CHAR_RE.match(text[start - 1])
    ):
        return False  # 潘某和吕虹一行, 委员和荣休委员: the conjunction joins, the name after it has two
    if name in _COMMON_WORDS or name[:2] in _COMMON_WORDS:
        return False
    if len(name) == 2 and name[-1] in _BODY_HEAD_CHARS:
        return False  # 支社, 分局: a body's unit, not a two-character name
    freq = st["tokenizer"].FREQ
    proper = st["proper"]
    # A dictionary word (农民, 全面, 高新区) is not a name unless jieba lists it as one.
    if any(freq.get(w, 0) > rare and w not in proper for w in (name, name[:2]) if len(w) >= 2):
        return False
    if len(name) == 2 and freq.get(name, 0) >= _FREQUENT_TWO_CHARACTER_NAME:
        return False  # 荣誉, 文明, 明白: jieba tags them names, but as words they are far more often met
    # 向大会, 于政协, 和常务: a surname that is also a preposition or conjunction, before a word.
    given = name[2:] if name[:2] in _COMPOUND_SURNAMES else name[1:]
    if name[0] in st["particles"] and len(given) >= 2 and freq.get(given, 0) >= 50:
        return False  # 向大会, 于政协, 和常务: a preposition or conjunction before a word
    if (
        not any_surname  # a post before and its verb after announce a name (会长檀文华表示)
        and len(given) >= 2
        and freq.get(given, 0) >= _COMMON_GIVEN_WORD
        and place_table().surnames.get(name[0], 0.0) < _RARE_SURNAME_SHARE
    ):
        return False  # 委员全覆盖, 组长原计划: a rare surname (全, 原) before a common word is the word's adverb
    if name[0] in st["function_words"] and len(given) < 2 and not any_surname:
        # 来洼 (来 + 洼): a rare surname that is mostly a verb needs a two-character given name.
        return place_table().surnames.get(name[0], 0.0) >= 0.05
    return True


# A rare surname (a share of the population below this, per cent: 全, 原, 都) before a two-character word jieba
# counts at least this often reads as the word (全覆盖, 原计划), not as a name.
_RARE_SURNAME_SHARE = 0.05
_OWN_LEVEL_RE = re.compile("我[省市县区州旗盟镇乡村]")
_COMMON_GIVEN_WORD = 400
# A two-character entry jieba tags as a name but counts this often is a word in a report (荣誉 2877, 文明 6584).
_FREQUENT_TWO_CHARACTER_NAME = 800


def _boundary_before(text: str, start: int, st: dict[str, Any]) -> bool:
    """Whether a name may start at ``start``: after punctuation, a title, or a function word (如, 暨, 宣布)."""
    if start == 0 or text[start - 1] in _NAME_BOUNDARY_BEFORE:
        return True
    titles = st["titles"]
    if any(text[start - k : start] in titles for k in st["title_lengths"] if k <= start):
        return True
    words = st["function_words"]
    if any(text.endswith(w, 0, start) and w in words for w in (text[start - 1 : start], text[start - 2 : start])):
        return True
    # 书法家韦明远, 教育家马某: a profession of three or more characters in 家 (not 国家, 大家).
    freq = st["tokenizer"].FREQ
    return text[start - 1 : start] == "家" and any(
        freq.get(text[start - n : start], 0) > 0 for n in (3, 4) if start >= n
    )


_HEADLINE_NAME_RE = re.compile(rf"^([{_CJK}]{{2,4}})[:：](?=\S)", re.MULTILINE)


def _names_before_cues(text: str, st: dict[str, Any], tokens: list[tuple[int, int, str]]) -> list[Span]:
    """李明讲话, 由王强主持, 张伟作工作报告, 黎作凤各位委员: a name right before its verb or address.

    A headline or a speaker's line that opens with a name and a colon (``李明：坚持…``) too.
    """
    spans = [
        _span(text, m.start(1), m.end(1), "PERSON", "entity.person_headline", 0.6)
        for m in _HEADLINE_NAME_RE.finditer(text)
        if _plausible_name(text, m.start(1), m.end(1), st)
    ]
    word_at = _token_words(tokens)
    cues = []
    for m in _NAME_CUE_RE.finditer(text):
        cues.append(m.start())
        if text.startswith("受", m.start()):
            # 受教育家某某委员委托: the cue 受…委托 holds the name and its own cue (委员).
            cues += [c.start() for c in _NAME_CUE_RE.finditer(text, m.start() + 1, m.end())]
    for cue in cues:
        for length in (3, 2, 4):
            start = cue - length
            # The name starts a word of its own (not 席 of 出席会议), and holds no verb (黎 + 兼任).
            if start < 0 or start not in word_at:
                continue
            inner = [word_at[k] for k in range(start, cue) if k in word_at]
            if sum(map(len, inner)) > cue - start or text.endswith(_POST_VERBS, start, cue):
                continue  # 黎 + 兼任 (秘书长): the verb before a post is no part of a name
            if any(len(c.group()) > 1 for c in _NAME_CUE_RE.finditer(text, start + 1, cue)):
                continue  # 应出席 + 委员: a cue of its own (出席) inside ends the name before it
            if _boundary_before(text, start, st) and _plausible_name(text, start, cue, st):
                spans.append(_span(text, start, cue, "PERSON", "entity.person_before_cue", 0.65))
                break
    # 宋某某为主任委员, 王某某任副主任委员, 以张某为组长: after a boundary, a name, then 为/任 and a post.
    for m in finditer_near(_APPOINTED_RE, text):
        for length in (3, 2, 4):
            start = m.start("verb") - length
            end = start + length
            if text[end - 1 : m.end("verb")] in _POST_VERBS:
                break  # 张某黎兼任: 兼任 is the verb, not 任 after a name ending in 兼
            if start >= m.start() and _boundary_before(text, start, st) and _plausible_name(text, start, end, st, 20):
                spans.append(_span(text, start, end, "PERSON", "entity.person_appointed", 0.6))
                if m.group("body") and m.group("body").endswith("委员会"):
                    # 李某为经济委员会主任: the committee of an appointment list is one body.
                    spans.append(_span(text, *m.span("body"), "ORG", "entity.org_appointed", 0.55))
                break
    # 选举杨鸿宾为宣城县政协主席: a name between an election verb and 为.
    for m in _ELECTED_RE.finditer(text):
        if _plausible_name(text, m.start(1), m.end(1), st):
            spans.append(_span(text, m.start(1), m.end(1), "PERSON", "entity.person_elected", 0.6))
    return spans


_APPOINTED_RE = re.compile(
    rf"[{_CJK}]{{2,4}}?(?P<verb>为|任|担任|当选为?)"
    # 李某为提案委员会主任: the body whose post it is may stand between the verb and the post.
    rf"(?P<body>(?![第首])(?:(?![为任届，。、])[{_CJK}]){{2,12}}?(?:委员会|局|厅|办公室|部))?"
    rf"(?P<post>代?(?:常务)?副?(?:主任委员|{_POSTS}))"
)
_POST_VERBS = ("兼任", "担任", "出任", "改任", "升任", "调任", "接任", "荣任", "当选", "任", "为", "是")
_ELECTED_RE = re.compile(rf"(?:选举|推选|推举|任命|增补|补选)([{_CJK}]{{2,3}}?)为")


# A given name may hold a character beyond the basic block (钱崇𨱒: t2s turns 鏉 into U+28C52),
# so a name's characters include the extension blocks.
_NAME_CJK = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
# An item: two to four characters, or a transliterated name with a dot (阿不都·热合曼).
_SPACE_ITEM = rf"(?:[{_NAME_CJK}]{{1,8}}·[{_NAME_CJK}]{{1,8}}|[{_NAME_CJK}]{{2,4}})"
_SPACE_LIST_RE = re.compile(rf"(?<![{_NAME_CJK}·]){_SPACE_ITEM}(?:[ \u3000]{_SPACE_ITEM}){{2,}}(?![{_NAME_CJK}·])")
_NAME_CHAR_RE = re.compile(f"[{_NAME_CJK}]")


def _space_lists(text: str, st: dict[str, Any]) -> list[Span]:
    """王强 李明 张伟: the items of a space-separated list (kept by normalization) that are names."""
    spans = []
    for m in _SPACE_LIST_RE.finditer(text):
        items = []
        pos = m.start()
        for item in re.split(r"[ \u3000]", m.group()):
            items.append((pos, pos + len(item)))
            pos += len(item) + 1
        # 记者 王强 李明 摄影报道: a credit's role words before and after its names are no items.
        while items and text[items[0][0] : items[0][1]] in _CREDIT_WORDS:
            items.pop(0)
        while items and text[items[-1][0] : items[-1][1]] in _CREDIT_WORDS:
            items.pop()
        names = [(s, e) for s, e in items if _plausible_name(text, s, e, st) or _dotted_name(text[s:e], st)]
        if items and len(names) * 3 >= len(items) * 2:
            spans += [_span(text, s, e, "PERSON", "entity.person_space_list", 0.6) for s, e in names]
            # 通山县政协张远杰 焦三华 …: the first name, glued to the body that credits the list.
            gap = m.start() - 1
            if gap > 0 and text[gap] in " \u3000" and "\u4e00" <= text[gap - 1] <= "\u9fff":
                for n in (3, 2):
                    a = gap - n
                    if (
                        a > 2
                        and (_GLUED_BODY_END_RE.search(text, 0, a) or text.endswith(_GLUED_LEAD_ENDS, 0, a))
                        and _plausible_name(text, a, gap, st)
                    ):
                        spans.append(_span(text, a, gap, "PERSON", "entity.person_space_list", 0.55))
                        break
    return spans


_GLUED_BODY_END_RE = re.compile(r"(?:政协|委员会|[省市县区]委|办公室|统战部|宣传部)$")
# 出席会议的有王某 李某 …: the lead of a list the first name is glued to.
_GLUED_LEAD_ENDS = ("的有", "的是", "名单如下", "成员", "领导")


def _dotted_name(item: str, st: dict[str, Any]) -> bool:
    """阿不都·热合曼: parts joined by a dot, each a run of syllables the dictionary knows no common word in."""
    parts = item.split("·")
    if len(parts) < 2 or any(not p for p in parts):
        return False
    freq = st["tokenizer"].FREQ
    return not any(len(w) >= 2 and freq.get(w, 0) >= 500 for p in parts for w in st["segmenter"].words(p))


# The roles a news credit names around its names (记者 … 摄影报道): never names, never list items.
_CREDIT_WORDS = frozenset(
    ("记者", "本报记者", "特约记者", "见习记者", "实习生", "通讯员", "摄影", "摄像", "报道", "摄影报道", "摄",
     "文", "图", "文图", "供图", "编辑", "责编", "责任编辑", "审核", "校对", "撰稿", "制图")
)  # fmt: skip


def _list_tails(text: str, found: list[Span], st: dict[str, Any]) -> list[Span]:
    """市领导李明、王强、张伟到会: the names listed after a name already found."""
    spans = []
    seen = {(s.start, s.end) for s in found}
    for span in sorted(found, key=lambda s: s.start):
        end = span.end
        while end < len(text) and text[end] == "、":
            start = end + 1
            for length in (3, 2):
                stop = start + length
                if _LIST_END_RE.match(text, stop) and _plausible_name(text, start, stop, st):
                    break
            else:
                break
            if (start, stop) not in seen:
                seen.add((start, stop))
                spans.append(_span(text, start, stop, "PERSON", "entity.person_list_tail", 0.6))
            end = stop
    return spans


def _repeated(text: str, found: list[Span], st: dict[str, Any]) -> list[Span]:
    """A name found once is a name wherever else it stands on its own (repeated without its title)."""
    # Only names repeat as names: a place a list rule read among them (某某合作社、… 等地) is none.
    names = {s.text for s in found if s.label == "PERSON" and len(s.text) >= 2}
    seen = {(s.start, s.end) for s in found}
    spans = []
    for name in names:
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            if (pos, end) not in seen and name_stands_free(text, end, names - {name}):
                spans.append(_span(text, pos, end, "PERSON", "entity.person_repeated", 0.6))
            pos = text.find(name, end)
    return spans


def name_stands_free(text: str, end: int, others: Iterable[str] = ()) -> bool:
    """Whether a known name ending at ``end`` ends there, rather than running on into a longer one.

    李明 inside 李明华 is part of another name; a following word (李明同志, 李明主持, 李明希望:
    a cue, a list mark or any common word of jieba's dictionary) is fine, and so is another
    known name run on (陈某某梁某某出席致辞: a heading may run two names together).
    """
    after = text[end : end + 1]
    if not after or not "\u4e00" <= after <= "\u9fff" or after in _STOP_CHARS:
        return True
    freq = _init()["tokenizer"].FREQ
    return (
        _LIST_END_RE.match(text, end) is not None
        or _NAME_CUE_RE.match(text, end) is not None
        or any(text.startswith(other, end) for other in others)
        or any(freq.get(text[end : end + n], 0) >= 100 for n in (2, 3))
        # 张某任中央人民政府副主席: a one-character verb whose subject the name is
        or (after in _VERB_AFTER_NAME_CHARS and _VERB_AFTER_NAME_RE.match(text, end) is not None)
    )


def _name_after(tokens: list[tuple[int, int, str]], i: int, text: str | None = None) -> tuple[int, int] | None:
    """(start, end) of a 2–3 character name at token ``i`` (a surname first), or None."""
    while i < len(tokens) and (tokens[i][2].isspace() or tokens[i][2] in ("/", "／", ":", "：")):
        i += 1
    if i >= len(tokens):
        return None
    start, end, word = tokens[i]
    if word[:2] in _COMPOUND_SURNAMES or word[:1] in _SURNAMES:
        if len(word) in (2, 3):
            # A dictionary word is a name only if jieba's dictionary lists it as one (杨斌), not 关切.
            known = word in _state.get("proper", ())
            if not known or word in _COMMON_WORDS:
                return None
            if len(word) == 2 and text is not None and (third := _third_given(tokens, i + 1, text)):
                return start, third  # 长官李家 + 超: a two-character name of jieba's with a given character after it
            return start, end
        if len(word) == 1:
            j = i + 1
            while j < len(tokens) and end - start < 3:
                w = tokens[j][2]
                if (
                    text is not None
                    and len(w) == 2
                    and end - start == 2
                    and _PREPOSITION_BEFORE_QUOTE_RE.match(text, tokens[j][0] + 1)
                    and _NAME_CHAR_RE.match(w[0])
                    and w[0] not in _NAME_BREAKERS
                    and w[0] not in _STOP_CHARS
                ):
                    end += 1  # 高 + 瑞 + 华以 + 《: jieba glued the name's last character to 以 before a title
                    break
                if len(w) != 1 or w in _STOP_CHARS or not ("\u4e00" <= w <= "\u9fff"):
                    break
                if text is not None and (
                    _NAME_CUE_RE.match(text, tokens[j][0])
                    or _CREDIT_RE.match(text, tokens[j][0])
                    or _VERB_OPENING_AFTER_NAME_RE.match(text, tokens[j][0])
                    # 陈 + 娟 + 以 + 《: 以 or 就 before a quoted title opens a phrase, no given name's character
                    or _PREPOSITION_BEFORE_QUOTE_RE.match(text, tokens[j][0])
                ):
                    break  # 李明作工作报告, 毕竞文/图, 林昶获邀: 作 or 获 starts the verb, 文/图 the credit
                end = tokens[j][1]
                j += 1
            if end - start >= 2:
                return start, end
    return None


# 以《…》为题, 就“…”作说明: a preposition before a quoted title or theme, after a speaker's name.
_PREPOSITION_BEFORE_QUOTE_RE = re.compile(r"[以就][《“\"]")
_CREDIT_RE = re.compile(r"[文图摄][/／][文图摄]")
# One-character verbs of speaking and moving that follow a name (李某说, 李某来到 …).
_VERB_AFTER_NAME_CHARS = frozenset("说讲称谈问答来去到回率任做作赴在是有")


def _third_given(tokens: list[tuple[int, int, str]], j: int, text: str) -> int | None:
    """The end of a third given character after a two-character name jieba knows (李家 + 超今早): a
    one-character token that is no breaker, stop, verb or function word, starts no cue, and is no word with
    what follows it."""
    if j >= len(tokens):
        return None
    a, b, w = tokens[j]
    st = _state
    if (
        len(w) != 1
        or not _NAME_CHAR_RE.match(w)
        or w in _NAME_BREAKERS
        or w in _STOP_CHARS
        or w in _VERB_AFTER_NAME_CHARS
        or w in st.get("function_words", ())
        or w in st.get("particles", ())
        or _NAME_CUE_RE.match(text, a)
        or st["tokenizer"].FREQ.get(text[a - 2 : b], 0)
    ):
        return None
    return b


_CONJUNCTIONS = frozenset("和与及同跟并")
# 记者王强 李明摄影报道: the credit's names may run on into what they did (报道, 摄影, 摄).
_CREDIT_RUN_RE = re.compile(
    rf"(?:记者|通讯员|编辑|摄影|撰稿|责编)[\s:：]*([{_CJK}]{{4,6}}?)(?=[\s)）]|$|(?:摄影?)?报道|摄影?(?:[\s)）。]|$))",
    re.MULTILINE,
)
# 文/张某 图/李某: a byline's roles, each before a slash and its name.
_SLASH_CREDIT_RE = scanning(
    re.compile(
        rf"(?:^|(?<=[\s（(]))(?:文字|图片|撰文|摄影|文|图|摄)\s*[/／]\s*([{_CJK}]{{2,4}}?)(?=[\s)）/／]|$)",
        re.MULTILINE,
    )
)
_CREDIT_ROLES = frozenset(("版面", "校对", "责编", "审校", "审稿", "编辑", "责任编辑", "摄影", "供稿"))
_CREDIT_NAME_RE = re.compile(rf"[\s/／:：]*([{_CJK}]{{2,3}})(?=[\s/／)）]|$)")

# Characters that never stand inside a name (a name may hold 全, 进, 和: 徐立全, 郭跃进, 罗富和).
_NAME_BREAKERS = frozenset(
    # 摄 closes a photo credit (记者燕雁摄): no name ends in it.
    "的了在与对为把向从到等及或是这那个各也都就还又并将被让给摄" + '、，。；：,.;:!?！？（）()“”"《》 \n'
)

# Words that start with a surname character but are not names (常委, 高度, 于是 …).
_COMMON_WORDS = frozenset(
    "常委 高度 于是 向来 全面 全体 党组 江山 安全 方面 方式 方向 文化 文史 和谐 和美 石油 宁夏 明确 成员 成立 成果 "
    "黄河 长江 白天 马上 周年 周边 关于 关心 关注 管理 时代 时间 程序 任务 任何 华夏 金融 王国 孙子 龙头 雷锋 江苏 "
    "严格 严肃 段落 易于 平安 毛泽东 农业 农村 林业 路径 卫生 卫健 柏油 应急 应当 吉祥 连续 简单 艾滋 米粮 车辆 "
    "左右 包括 包抓 单位 季度 裴回 陆续 温暖 康复 施工 牛羊 项目 向上 商贸 沙漠 明天 曲折 尚未 谷物 池塘 查看 "
    # 左起:某某,某某: a photo caption's lead, from the left (RULINGS, hkmo2)
    "左起 右起".split()
)


def _credit_split(text: str, start: int, end: int, st: dict[str, Any]) -> list[tuple[int, int]]:
    """庞力孙晓梅 → 庞力 + 孙晓梅: two names a credit glued, cut where both are names; of two such cuts,
    the one whose second name starts with the more frequent surname (覃海燕 + 邱阳, not 覃海 + 燕邱阳)."""
    n = end - start
    if n == 4 and text[start : start + 2] in _COMPOUND_SURNAMES:
        return []  # 欧阳明辉: one name
    shares = place_table().surnames
    cuts = [
        k
        for k in ((2, 3) if n == 5 else (n // 2,))
        if _plausible_name(text, start, start + k, st, 20) and _plausible_name(text, start + k, end, st, 20)
    ]
    if not cuts:
        return []
    k = max(cuts, key=lambda k: shares.get(text[start + k], 0.0))
    return [(start, start + k), (start + k, end)]


def _split_names(chunk: str, offset: int) -> list[tuple[int, int]]:
    """A byline in brackets: one name (黄炼) or two glued together (蒋予昕陆炳伶)."""
    n = len(chunk)
    if n in (2, 3) and chunk[0] in _SURNAMES:
        return [(offset, offset + n)]
    for first in (2, 3) if n == 5 else (n // 2,):
        if n in (4, 5, 6) and chunk[0] in _SURNAMES and chunk[first] in _SURNAMES:
            return [(offset, offset + first), (offset + first, offset + n)]
    return []


# A list item: two to four characters, or a name of several parts joined by a dot (帕巴拉·格列朗杰).
_ITEM_RE = re.compile(rf"[{_CJK}]{{2,4}}|[{_CJK}]{{1,8}}(?:[·.．•][{_CJK}]{{1,8}})+")
# Inside a list, a name may be longer (哈斯巴特尔): its neighbours bound it.
# 、委员张某、, 执行秘书郭某: a member's or a secretary's post opens an item as a head's does.
_ITEM_POST_RE = re.compile(
    rf"(?:荣誉|名誉|创会|永远)?(?:{_POST_RE.pattern})|委员(?![会长们])|常委(?![会们])|(?:执行|专职|驻会)?秘书(?![长处])"
)
_INNER_ITEM_RE = re.compile(rf"[{_CJK}]{{2,6}}|[{_CJK}]{{1,8}}(?:[·.．•][{_CJK}]{{1,8}})+")
_NOT_IN_ITEM = "\\s、，。；：,;:!?！？（）()“”\"'‘’《》「」【】"
# 冯彩银(女)、甘海疆(专职): a list item may carry a short note in brackets; the note is no part of the name.
# A term table's item carries its term there (某某(1977年12月-1981年4月), 某某(1998.1—至今)): a note too.
_ITEM_NOTE = rf"[（(](?:[{_CJK}]{{1,3}}|(?:19|20)[0-9]{{2}}[0-9年月日.．\-—–~至今一]{{0,16}})[)）]"
_ITEM_NOTE_RE = re.compile(rf"{_ITEM_NOTE}$")
# The lookbehind: a list starts where a run of item characters starts (the same matches; without it
# every character of a long run is tried as a start and fails, quadratic in the run).
_LIST_RE = re.compile(
    rf"(?<![^{_NOT_IN_ITEM}])[^{_NOT_IN_ITEM}]+(?:{_ITEM_NOTE})?(?:、[^{_NOT_IN_ITEM}]+(?:{_ITEM_NOTE})?)+"
)
# What may stand before the first name of a list (领导有：, 当选副主席的是, 主席团成员) and after its last.
_LIST_LEAD_END = ("是", "有", "为", "：", ":", "领导", "领导人", "同志", "成员", "委员", "常委", "代表")
_LIST_TAIL_RE = re.compile(
    r"(?:等|同志|委员|常委|代表|先生|女士|分别|到会|出席|参加|陪同|讲话|主持|(?:全票|高票|满票)?当选|担任|任|为|在|也|还|一行|作"
    r"|向|以及|$)"
)
# 九牧、管厝、忠信、石陂6个乡镇: a list that ends by counting places is a list of places.
# 赴云和、建德等县、市学习: a list closed by 等 and a kind of place (等地, 等县市, 等国家) is one too; not 等乡村…
# (the countryside: 产业发展、群众增收等乡村振兴工作 lists topics); nor 等地 where 地 opens a noun of the land's
# nature (海拔、降水、温度等地理优势, 等地形条件, 等地貌, 等地质灾害, 等地势: wave7a).
# 城关、华阳、赛口、长岭等10个集镇 (market towns), 安邑、解虞等四县 (a count without 个).
_PLACE_COUNT_RE = re.compile(
    r"(?!两地)[\d一二三四五六七八九十两]+个?(?:乡镇|集镇|镇|乡|街道|村|社区|县|区|县区|县市区|市|省|地)"
    r"|等(?:[\d一二三四五六七八九十两]+个?)?(?:集镇|县、?市|市、?县|省、?市|省区市|县市区|县区|乡镇|街道|地区|国家和地区|国家|县|市|省|地|区|乡(?!村)|镇|村)"
    # 财政、商务等县有关部门: a level before 有关 (its departments) is no head of the list before it.
    r"(?![委政人领长级直属党方位点图主场民况容理形貌质势]|有关)"
)


# What a list reads through: a mirror's doubled separator (林某,、曾某) and a line break inside a short item
# (、张⏎丽、: the PDF's line ended inside the name).
_DOUBLED_SEPARATOR_RE = scanning(
    re.compile(rf"[,，](?=、)|(?<=、[{_CJK}])\n(?=[{_CJK}]{{1,2}}[、，,])|(?<=、[{_CJK}]{{2}})\n(?=[{_CJK}][、，,])")
)


def _name_lists(text: str, st: dict[str, Any], token_starts: Set[int]) -> list[Span]:
    """The names of the 、-lists in ``text``, a mirror's doubled separators (`林某,、曾某,、`) read as one 、."""
    if _DOUBLED_SEPARATOR_RE.search(text) is None:
        return _names_of_lists(text, st, token_starts)
    # Every match is one character long, so finditer finds every position where one starts.
    dropped = {m.start() for m in _DOUBLED_SEPARATOR_RE.finditer(text)}
    keep, compact = _compacted(text, dropped)
    # The compact offsets whose old offset starts a token (the walk runs in C: a report's text is long).
    starts = set(compress(range(len(keep)), map(token_starts.__contains__, keep)))
    return [
        _span(text, keep[s.start], keep[s.end - 1] + 1, s.label, s.rule, s.confidence)
        for s in _names_of_lists(compact, st, starts)
    ]


def _names_of_lists(text: str, st: dict[str, Any], token_starts: Set[int]) -> list[Span]:
    """The names of a 、-list, each a PERSON (v1.1), whatever their length or origin, where most look like names.

    The first item is cut from what precedes it (副主席张柏青 → 张柏青) and the last from
    what follows (吴阿斌委员 → 吴阿斌); items in between are whole. A list most of whose
    items have a surname and are not words is a list of names: then every item of a name's
    shape counts (令计划, 帕巴拉·格列朗杰), context supporting what the surname test alone
    would refuse.
    """
    spans: list[Span] = []
    for m in _LIST_RE.finditer(text):
        group = m.group()
        etc = _ETC_PLACES_RE.search(group)
        if etc is not None and "、" in group[: etc.start()]:
            group = group[: etc.start()]  # 云和、建德等县、市: the list ends at 等 and the kind of place
        if "以及" in group and "、" in group[: group.index("以及")]:
            group = group[: group.index("以及")]  # 叶某、邓某、李某以及在京的委员、…: the names end at 以及
        chunks = group.split("、")
        pos = m.start()
        bounds = []
        for chunk in chunks:
            note = _ITEM_NOTE_RE.search(chunk)
            bounds.append((pos, pos + len(chunk) - (len(note.group()) if note else 0)))
            pos += len(chunk) + 1
        items: list[tuple[int, int] | None] = []
        for k, (a, b) in enumerate(bounds):
            if k == 0:
                items.append(_list_head_item(text, a, b, token_starts))
            elif k == len(bounds) - 1:
                post = _ITEM_POST_RE.match(text, a, b)
                if post and post.end() < b and text[post.end()] in _SURNAMES:
                    a = post.end()  # 、执行秘书郭某。: the post opening the last item, as an inner one's
                items.append(_list_last_item(text, a, b))
            else:
                post = _ITEM_POST_RE.match(text, a, b)
                if post and 2 <= b - post.end() <= 3:
                    a = post.end()  # 、荣誉会长梁某、: the post opening an item is no part of its name
                items.append((a, b) if _INNER_ITEM_RE.fullmatch(text, a, b) else None)
        counted = _PEOPLE_COUNT_RE.search(text, bounds[-1][0], bounds[-1][1] + 8)
        if counted and 2 <= counted.start() - bounds[-1][0] <= 6 and counted.start() < bounds[-1][1]:
            # 巴特尔、乌云其木格、那仁满都拉三位委员: a list closed by a count of people is one of names.
            last = (bounds[-1][0], counted.start())
            named = _counted_names(text, [*items[:-1], last if _INNER_ITEM_RE.fullmatch(text, *last) else None], st)
            if named:
                spans += named
                continue
        if _PLACE_COUNT_RE.match(text, bounds[-1][1]) or (
            items[-1] is not None and _PLACE_COUNT_RE.match(text, items[-1][1])
        ):
            if items[0] is None or _opens_with_function(text, items[0][0]):
                items[0] = _list_place_head(text, *bounds[0], token_starts)
            else:
                items[0] = _verb_off_list_head(text, *items[0])
            # 现状、产业结构调整、农民增收等方面与乌兰、新华两镇: an inner item of no list item's shape (a clause
            # ends in it) closes what went before; the counted places are those after it.
            broken = [k for k in range(1, len(items) - 1) if items[k] is None]
            if broken:
                items[: broken[-1] + 1] = [None] * (broken[-1] + 1)
            # 古城村村部、善文化广场、农村客运站等地: a site or a facility listed among the places is none; where
            # half the items or more are facilities (某某产业园、某某电器、某某展馆等地), the list is one of sites,
            # and an item that ends in no place's suffix (笔架山 does) is a firm or a site too.
            facilities = sum(text.endswith(_FACILITY_ENDS, a, b) for a, b in bounds)
            sites = len(bounds) >= 3 and 2 * facilities >= len(bounds)
            spans += [
                _span(text, a, b, "GPE", "entity.gpe_list", 0.55)
                for a, b in (i for i in items if i)
                if not text.endswith(_FACILITY_ENDS, a, b)
                and not (sites and text[b - 1] not in _NATURAL_SUFFIXES and text[b - 1] not in "村镇乡县市区")
                and not _visit_item(text, a, b, st, token_starts)
            ]
            continue
        spans += _names_of_list(text, items, st)
    return spans


def _opens_with_function(text: str, a: int) -> bool:
    """Whether a counted list's first item opens with a stop or a function character: 由上海、江苏…三省一市 (the
    preposition is no part of the first place)."""
    return text[a] in _STOP_CHARS or text[a] in _FUNCTION_BEFORE


# 访区县、走企业、赴市外等地, 进社区、下基层: a one-character verb of going and the common word it goes to.
_VISIT_VERBS = frozenset("访走赴到去进下入驻")


def _visit_item(text: str, a: int, b: int, st: dict[str, Any], token_starts: Set[int]) -> bool:
    """Whether a listed item is an activity, a verb of going and its object, no place: the verb a token of its own
    and the rest one everyday word that names no place (访仙镇, 下关区 stay places)."""
    if b - a < 3 or text[a] not in _VISIT_VERBS:
        return False
    rest = text[a + 1 : b]
    table = place_table()
    if rest in st["places"] or rest in table.short or rest in table.kind or text[a:b] in table.kind:
        return False
    freq = st["tokenizer"].FREQ
    # 下基层: jieba's one word for the verb and its object is the same activity.
    return freq.get(text[a:b], 0) >= _VISIT_OBJECT_FREQ or (
        a + 1 in token_starts and freq.get(rest, 0) >= _VISIT_OBJECT_FREQ
    )


_VISIT_OBJECT_FREQ = 1

# The heads of sites and facilities a visit lists beside places (广场, 客运站, 村部, 基地, 产业园).
_FACILITY_ENDS = (
    "广场",
    "站",
    "部",
    "馆",
    "中心",
    "基地",
    "园",
    "场",
    "厂",
    "院",
    "所",
    "室",
    "楼",
    "公司",
    "学校",
    "窗口",
    # a body's form closes a firm's or an association's name, never a place's (RULINGS, texts 502–513):
    # 某某蔬菜种植专业合作社、某某供销联社、某某集团、某某商会等地
    "社",
    "集团",
    "协会",
    "商会",
    # an office, a police unit or a project visited (某某局、县交警大队、某某产业园项目等地)
    "局",
    "队",
    "项目",
)
_PEOPLE_COUNT_RE = re.compile(r"[两二三四五六七八九十\d]+(?:位|名)(?:委员|代表|同志|常委|专家|嘉宾|老人|同学|老师)")


def _counted_names(text: str, items: list[tuple[int, int] | None], st: dict[str, Any]) -> list[Span]:
    """The items of a list its count of people closes: each a name unless a word, a place or a phrase."""
    present = [i for i in items if i is not None]
    if len(present) < 2 or len(present) != len(items):
        return []
    freq = st["tokenizer"].FREQ
    out = []
    for a, b in present:
        name = text[a:b]
        if (
            name in _COMMON_WORDS
            or any(ch in _NAME_BREAKERS and ch not in "都那" for ch in name)  # 那仁满都拉: syllables there
            or _names_a_place(name, st)
            or (freq.get(name, 0) >= _FREQUENT_TWO_CHARACTER_NAME and name not in st["proper"])
            or not (_plausible_name(text, a, b, st) or _transliterated(name, st) or freq.get(name, 0) < 300)
        ):
            return []  # one item no name: a list of sectors or topics, not of people
        out.append(_span(text, a, b, "PERSON", "entity.person_list", 0.6))
    return out


def _list_head_item(text: str, a: int, b: int, token_starts: Set[int]) -> tuple[int, int] | None:
    """The first item of a list: the chunk, or its tail after a post, a lead or a word (副主席张柏青, 又如张宪明)."""
    if (
        b - a == 4
        and text[a] in _FUNCTION_BEFORE
        and text[a : a + 2] not in _COMPOUND_SURNAMES
        and text[a + 1] in _COMMON_SURNAMES
    ):
        return a + 1, b  # 由王志英、…: the preposition, then a three-character name
    if _ITEM_RE.fullmatch(text, a, b):
        return a, b
    for n in (3, 2, 4):
        start = b - n
        if start <= a or not _ITEM_RE.fullmatch(text, start, b):
            continue
        if n == 4 and text[start : start + 2] not in _COMPOUND_SURNAMES:
            continue  # 领导人胡某某: four characters are a name only with a compound surname
        rest = text[a:start]
        if rest.endswith(_LIST_LEAD_END) or rest.endswith(_POSTS_TUPLE) or rest.endswith("秘书"):
            return start, b
    # Else where jieba starts a word: the name is single characters after the last word.
    for n in (3, 2):
        start = b - n
        if (
            start > a
            and start in token_starts
            and text[start] not in _STOP_CHARS
            and text[start] not in _FUNCTION_BEFORE  # 会议由马某: 由 is the preposition
            and not text[start:b].endswith(_POSTS_TUPLE)  # 梁某任团长、: the post taken, no name
            and _has_surname(text[start:b])
        ):
            return start, b
    return None


_POSTS_TUPLE = (*_POSTS.split("|"), "记者", "委员", "常委", "主席团成员")


_ETC_PLACES_RE = re.compile(rf"等(?:{_PLACE_COUNT_RE.pattern.split('|等(?:', 1)[1]}")


def _verb_off_list_head(text: str, a: int, b: int) -> tuple[int, int]:
    """深入广宁、四会等地: a common word (a verb of going) glued before the known place that ends the first item of
    a counted list is no part of it (gpeprec); a chain (湖北宜昌) keeps its head, no word of the dictionary."""
    st = _init()
    freq = st["tokenizer"].FREQ
    for n in (4, 3, 2):
        k = b - n
        if k - a >= 2 and _names_a_place(text[k:b], st):
            word = text[a:k]
            if not _names_a_place(word, st) and freq.get(word, 0) >= _COMMON_WORD_FREQ:
                return k, b
            break
    return a, b


def _list_place_head(text: str, a: int, b: int, token_starts: Set[int]) -> tuple[int, int] | None:
    """The first place of a counted list (将九牧、…): the word-start tail of its chunk, no function character."""
    st = _init()
    for n in (4, 3, 2):
        if b - n >= a and _names_a_place(text[b - n : b], st):
            return b - n, b  # 先后赴浙江: the known place, not 赴浙江
    for n in (3, 2):
        if text[b - n] in _FUNCTION_BEFORE:
            continue
        start = b - n
        if start > a and start in token_starts and text[start] not in _NAME_BREAKERS:
            return start, b
    return None


def _list_last_item(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The last item of a list: the whole chunk, or its head before what ends the list (吴阿斌委员)."""
    dotted = re.match(rf"[{_CJK}]{{1,8}}[·.．•][{_CJK}·.．•]{{1,16}}?(?={_LIST_TAIL_RE.pattern})", text[a:b])
    if dotted and dotted.end() < b - a:
        return a, a + dotted.end()  # 阿不都热依木·买买提出席: the verb after a dotted name, no part of it
    if _ITEM_RE.fullmatch(text, a, b):
        for n in (2, 3):
            if a + n < b and _LIST_TAIL_RE.fullmatch(text, a + n, b) and text[a + n : b] != "为":
                return a, a + n  # 孙某参加, 王某某等: the name, not the verb or 等 after it
        return a, b
    m = re.match(rf"[{_CJK}]{{1,8}}[·.．•][{_CJK}·.．•]{{1,16}}?(?={_LIST_TAIL_RE.pattern})", text[a:b])
    if m:
        return a, a + m.end()
    for n in (3, 2, 4, 5, 6):
        if a + n < b and _LIST_TAIL_RE.match(text, a + n) and _ITEM_RE.fullmatch(text, a, a + n):
            return a, a + n
        if n >= 5 and a + n < b and _LIST_TAIL_RE.match(text, a + n) and _transliterated(text[a : a + n], _init()):
            return a, a + n  # 阿不都克里木 + 主持
        if a + n < b and _PLACE_COUNT_RE.match(text, a + n) and _ITEM_RE.fullmatch(text, a, a + n):
            return a, a + n  # 石陂、永兴6个乡镇
    return None


# A word common enough (先后 10115, 报告 16715, 主持 5153) that a transliterated part's syllables do not
# make it by chance (热力 139, 克里 216, 尼亚 176 in 阿不都热力, 阿不都克里木, 买买提尼亚孜).
_DOTTED_PART_WORD_FREQ = 1000


def _dotted_name_end(text: str, a: int, b: int, st: dict[str, Any]) -> int:
    """阿不都·热合曼先后来我省视察: a dotted name's last part ends where, two characters in at least, the
    dictionary starts a word it knows well (先后, 报告); its single syllables (都 of 阿不都) stay whole."""
    dot = max(text.rfind(ch, a, b) for ch in "·.．•")
    part = text[dot + 1 : b]
    if len(part) <= 4:
        return b
    freq = st["tokenizer"].FREQ
    table = place_table()
    pos = 0
    for w in st["segmenter"].words(part):
        place = w in st["places"] or w in table.short or w in table.kind
        if pos >= 2 and len(w) >= 2 and freq.get(w, 0) >= _DOTTED_PART_WORD_FREQ and not place:
            return dot + 1 + pos
        pos += len(w)
    return b


def _place_and_word(name: str, st: dict[str, Any]) -> bool:
    """杭州制造: a place's name (two or three characters), then a word the dictionary knows."""
    freq = st["tokenizer"].FREQ
    return any(_names_a_place(name[:n], st) and freq.get(name[n:], 0) > 0 and len(name) - n >= 2 for n in (2, 3))


def _transliterated(name: str, st: dict[str, Any]) -> bool:
    # 都 of 阿不都 is a syllable of such names, not the adverb.
    if not 4 <= len(name) <= 6 or name in _COMMON_WORDS or any(ch in _NAME_BREAKERS and ch != "都" for ch in name):
        return False
    freq = st["tokenizer"].FREQ
    return not any(len(w) >= 2 and freq.get(w, 0) >= 500 for w in st["segmenter"].words(name))


# Characters that are function words alone but open many given names after a surname (为民, 为国, 向东, 向阳).
_MIDDLE_OF_GIVEN_NAME = frozenset("为向")
# Function characters that also serve in given names (张为, 黄关从, 李在, 张是某): read as such between names of a list.
_GIVEN_NAME_FUNCTION_CHARS = "为从与在向到将又是"


def _listed_name(text: str, a: int, b: int, st: dict[str, Any]) -> bool:
    """A list item of a name's shape; 刘向军, 李为民: after a common surname, 为 or 向 opens the given name."""
    if _plausible_name(text, a, b, st):
        return True
    return (
        b - a == 3
        and text[a] in _COMMON_SURNAMES
        and text[a + 1] in _MIDDLE_OF_GIVEN_NAME
        and _plausible_name(text, a, b, st, given_function=True)
    )


def _names_of_list(text: str, items: list[tuple[int, int] | None], st: dict[str, Any]) -> list[Span]:
    present = [i for i in items if i is not None]
    if len(present) < 2:
        return []
    named = [i for i in present if _has_surname(text[i[0] : i[1]]) and _listed_name(text, i[0], i[1], st)]
    dotted = [i for i in present if any(ch in "·.．•" for ch in text[i[0] : i[1]])]
    # 阿不都热依木, 古丽娜尔: a transliterated name, four to six characters jieba knows no word in.
    foreign = [i for i in present if i not in named and i not in dotted and _transliterated(text[i[0] : i[1]], st)]
    # Most items names by the surname test (two at least), or a list of three or more
    # where all but one are: a list of names, and each item of a name's shape is one.
    if len(named) + len(dotted) + (len(foreign) if len(named) >= 2 else 0) < max(2, 0.6 * len(present)):
        return []
    out = []
    inner = set(items[1:-1])
    for a, b in present:
        if (a, b) in dotted:
            b = _dotted_name_end(text, a, b, st)  # 阿不都·热合曼先后来…: the name, not the verb after it
        name = text[a:b]
        # 阿不都·热合曼: 都 a syllable (a dotted item trimmed above keeps its dot)
        allowed = ".．都" if (a, b) in foreign or (a, b) in dotted or "·" in name else ".．"
        if len(name) == 3 and name[0] in _COMMON_SURNAMES and name[1] in _MIDDLE_OF_GIVEN_NAME:
            name = name[0] + name[2]  # 刘为民, 叶向东: 为 and 向 open given names (为民, 向东) after a surname
        if (a, b) in inner and len(named) >= 3 and 2 <= b - a <= 3 and name[0] in _COMMON_SURNAMES:
            allowed += _GIVEN_NAME_FUNCTION_CHARS  # 、罗金从、田为、: between names, a given name's character
        if name in _COMMON_WORDS or any(ch in _NAME_BREAKERS and ch not in allowed for ch in name):
            continue
        if len(name) == 4 and place_table().short.get(name[:2]) == "province":
            continue  # 上海制造, 江苏文化: a province and its theme, where a list of names ran on into another
        if _place_and_word(name, st):
            continue  # 上海制造, 杭州购物: a place and a word after it, an item of topics
        out.append(_span(text, a, b, "PERSON", "entity.person_list", 0.7))
    return out


# The chief of a procuratorate (检察长), of a river's or a lake's stretch (区级河长, 某段河长) and of an
# industrial chain (产业链链长): posts a name follows; 河长 only after its level or stretch (黄河长江 holds none).
_CHIEF_POSTS = r"检察长|(?<=[级段])[河湖]长|(?<=链)链长"
_CHIEF_POST_RE = re.compile(rf"(?:{_CHIEF_POSTS})[ 　:：]?")
# A name right after a post may start with a rare dictionary word (夏启|宗): jieba counts below this.
_RARE_AFTER_POST = 20
_POST_BEFORE_NAME_RE = scanning(
    re.compile(
        rf"(?:{_POST_RE.pattern}|记者|通讯员|议员|委员(?![会长们])|常委(?![会们])|代表(?![团队们性大会])|助理|行政长官|特派员"
        rf"|召集人|总干事|主持人|人选|候选人|总督察|督察长|{_CHIEF_POSTS})[ 　:：]?"
    )
)


def post_at(text: str, at: int) -> bool:
    """Whether a post (a job title: 部长, 副处长, 常委, 委员, 代表 …, after 前 or 原 for a former one) starts
    at ``at``: what a body inside a job title stands right before (``[统战部]部长``, ``[县政协]委员``)."""
    if text.startswith(("前", "原"), at):
        at += 1
    return _POST_BEFORE_NAME_RE.match(text, at) is not None


# After a post, a three-character name whose first two characters are no word may still be a word of
# the dictionary, if a rare one (刘澜涛: jieba's noun, 45 times): below this count it does not bar it.
_RARE_NAME_AFTER_POST = 100


# 王某主任、李某副主任出席: names listed each before its post, the first opening its clause (RULINGS, 490–501).
_NAME_BEFORE_LISTED_POST_RE = re.compile(
    rf"(?:^|(?<=[，,。；;：:\n]))([{_CJK}]{{2,3}}?)(?=(?:常务)?副?(?:主任|主席|主委|会长|秘书长)、[{_CJK}]{{2,3}}?(?:常务)?副?(?:主任|主席|主委|会长|秘书长))",
    re.MULTILINE,
)


def _names_before_listed_posts(text: str, st: dict[str, Any]) -> list[Span]:
    """王某主任、李某副主任: the first of names listed each before its post (the later ones have their cue)."""
    return [
        _span(text, *m.span(1), "PERSON", "entity.person_before_post", 0.6)
        for m in _NAME_BEFORE_LISTED_POST_RE.finditer(text)
        if m.group(1)[0] in _SURNAMES and _plausible_name(text, m.start(1), m.end(1), st)
    ]


def _names_after_posts(text: str, st: dict[str, Any]) -> list[Span]:
    """监事长孙恩光, 署长董经纬, 记者 吕金平: a post read off the text (jieba may cut 监事|长), then a name."""
    spans = []
    for m in _POST_BEFORE_NAME_RE.finditer(text):
        end = m.end()
        if text.startswith("是", end) and text[end + 1 : end + 2] in _COMMON_SURNAMES:
            end += 1  # 六届政协主席是邓某(…): the post, its copula, then the name
        for n in (3, 2):
            # 副主席咸辉在讲话中: a surname that is mostly another word, between the post and its verb.
            if (
                text[end : end + 1] not in _SURNAMES
                and _RARE_SURNAME_CUE_RE.match(text, end + n)
                and _plausible_name(text, end, end + n, st, rare=_RARE_AFTER_POST, any_surname=True)
            ):
                spans.append(_span(text, end, end + n, "PERSON", "entity.person_after_post", 0.6))
                break
        else:
            found = _name_after_post(text, end, st)
            # 县委书记蹇某到会, 副主席次旦等: after a leader's post (no member's, no reporter's), a name no common
            # surname opens, then what closes it.
            # (the chief's post read in the text: its lookbehinds see the level or the chain before it)
            leader = _POST_RE.fullmatch(m.group().rstrip(" 　:：")) or _CHIEF_POST_RE.fullmatch(
                text, m.start(), m.end()
            )
            if not found and leader:
                found = _uncommon_name_after_post(text, end, st)
            elif not found and m.group().rstrip(" 　:：") in ("记者", "通讯员"):
                # 消息(记者利某某): in a reporter's bracketed byline, the bracket closes the name.
                found = [s for s in _uncommon_name_after_post(text, end, st) if text[s.end : s.end + 1] in ")）】"]
            spans += found
    return spans


# The verb that follows a name after its post: what lets a rare surname (咸, 展) open the name.
_RARE_SURNAME_CUE_RE = re.compile(r"在(?:讲话|会上|致辞)|表示|指出|强调|致辞|讲话|主持|说[,，:：]")


def _name_after_post(text: str, end: int, st: dict[str, Any]) -> list[Span]:
    """The name right after a post that ends at ``end`` (three characters, then two), if any."""
    for n in (3, 2):
        if n == 3 and text.startswith("说", end + 2):
            continue  # 副市长黄菱说,: a two-character name, then the speech verb
        if n == 3 and (_ZUO_OBJECT_RE.match(text, end + 2) or _VERB_OPENING_AFTER_NAME_RE.match(text, end + 2)):
            continue  # 部长邱远作说明, 常委李胥作为, 常委林昶获邀: a two-character name, then the verb
        # 副主任委员:某某 as the page's last words: the text's end closes the name too.
        follows = _LIST_END_RE.match(text, end + n) or text.startswith("的", end + n) or end + n == len(text)
        # 主席王某(1990年3月一1993年1月), 常委李某(女): a bracketed note after the name closes it too.
        follows = follows or text.startswith(("(", "（"), end + n)
        # 主席某某带队, 主委某某走进, 主席某某心系: what a leader does right after the name closes it too (not after a
        # function character: 主任孙某在通报情况时, the preposition opens the clause).
        # (nor where the name's last character and the act's first are a word: 某某出任顾问 holds 出任, not 任.)
        acts = (
            bool(_LEADER_ACT_RE.match(text, end + n))
            and text[end + n - 1] not in _NOT_IN_MONGOLIAN_NAME
            and not st["tokenizer"].FREQ.get(text[end + n - 1 : end + n + 1])
        )
        follows = follows or acts
        rare = _RARE_AFTER_POST
        if n == 3 and not st["tokenizer"].FREQ.get(text[end : end + 2]):
            rare = _RARE_NAME_AFTER_POST
        # 副主委索某某走进: the post before and the leader's act after announce a three-character name, whatever its
        # surname's share (two characters: 主席来陕考察, a verb and a place).
        if follows and _plausible_name(
            text, end, end + n, st, rare=rare, any_surname=acts and n == 3, given_function=True
        ):
            return [_span(text, end, end + n, "PERSON", "entity.person_after_post", 0.65)]
    # 委员扎西次仁提出: four characters of a transliterated name (no surname needed), then its verb.
    if _TRANSLITERATED_CUE_RE.match(text, end + 4) and _syllables_only(text[end : end + 4], st):
        return [_span(text, end, end + 4, "PERSON", "entity.person_after_post", 0.55)]
    return []


# What a leader does, right after the name a post announced: leads (带队, 率队), goes (走进, 前往, 深入), visits
# (看望, 慰问, 调研, 考察), cares (心系), organizes, briefs, reveals, sets out (组织, 通报, 透露, 出发); 以及 joins the
# next people as 和 does.
_LEADER_ACT_RE = re.compile(
    "带队|率队|走进|走访|前往|来到|深入|心系|组织|通报|透露|出发|看望|慰问|调研|考察|视察|会见|莅临|以及"
    # 主任某某任团长: takes a post of a delegation or a group.
    rf"|任[{_CJK}]{{0,6}}?(?:{_POSTS})"
)
# Verbs that open with a character a given name may hold, right after a name: 作为 (as), 获邀 (is invited), 获聘.
_VERB_OPENING_AFTER_NAME_RE = re.compile("作为|获(?:邀|聘|颁|选|评|授)")
_ZUO_OBJECT_RE = re.compile("作(?:了|出)?(?:说明|报告|讲话|发言|总结|部署|动员|点评|辅导|解读|交流)")
_TRANSLITERATED_CUE_RE = re.compile(rf"{_RARE_SURNAME_CUE_RE.pattern}|提出|建议|发言|介绍|认为")


# After a leader's post, a name no common surname opens (a rare surname: 蹇, 粘, 雒; a short transliterated name:
# 次旦, 其其格) is two or three characters: longer runs met there read a name and the words after it as one
# (measured: four to seven characters lost the test half a name).
_UNCOMMON_NAME_LONGEST = 3
# 主席某某所作的报告: the particle and its verb close the name too.
_SUO_ZUO_RE = re.compile("所作")


def _uncommon_name_after_post(text: str, end: int, st: dict[str, Any]) -> list[Span]:
    """The shortest run of two or three characters after a post that ends at ``end`` which a name's closer follows
    (出席, 等, 、, 所作; no space: 副主席 届次 is a table's header), no common surname opening it (those are
    ``_name_after_post``'s), every word jieba cuts in it a rare one or one character of no function, the run itself
    no word and no place; not where the post runs into a word (主席台) or a second post follows (副主任科员)."""
    freq = st["tokenizer"].FREQ
    if _POST_BEFORE_NAME_RE.match(text, end):
        return []  # 副主任科员某某: a second post, the name after it
    if any(freq.get(text[end - k : end + 1], 0) >= 50 for k in (2, 3) if k <= end):
        return []  # 主席台, 主席团: the post's characters and the next one are a word, no post then a name
    for n in range(2, _UNCOMMON_NAME_LONGEST + 1):
        name = text[end : end + n]
        if len(name) < n or not _is_cjk(name[-1]) or name[-1] in _NOT_IN_MONGOLIAN_NAME:
            return []
        closer = _LIST_END_RE.match(text, end + n) or _SUO_ZUO_RE.match(text, end + n)
        if not closer or text[end + n] in "和与及在也还" or text[end + n].isspace():
            continue
        if name[0] in _SURNAMES or name[:2] in _COMPOUND_SURNAMES:
            return []  # 主席夏某会面: a name a surname opens is _name_after_post's, the words after it no part
        words = st["tokenizer"].cut(name, HMM=False)
        if freq.get(name) or not all(_mongolian_name_part(w, freq) for w in words):
            return []
        if not _foreign_name(name, st) or not _syllables_only(name, st):
            return []
        return [_span(text, end, end + n, "PERSON", "entity.person_uncommon_after_post", 0.55)]
    return []


def _syllables_only(name: str, st: dict[str, Any]) -> bool:
    """扎西次仁, 格桑卓玛: no word as a whole, no common word inside, no function character or digit."""
    freq = st["tokenizer"].FREQ
    if freq.get(name) or any(ch in _FUNCTION_CHARS or not _CJK_RE.match(ch) for ch in name):
        return False
    return all(len(w) < 2 or freq.get(w, 0) < 50 for w in st["tokenizer"].cut(name, HMM=False))


def _has_surname(name: str) -> bool:
    surnames = place_table().surnames
    return name[:2] in surnames or name[:1] in surnames


_OWN_LINE_RE = re.compile(rf"^[ \t　]*([{_CJK}]{{2,4}}|[{_CJK}]{{2,8}}·[{_CJK}]{{2,8}})[ \t　]*$", re.MULTILINE)
# A name in several parts joined by a dot (努尔兰·阿不都满金), where the parts are no words.
_DOT_NAME_RE = re.compile(rf"([{_CJK}]{{2,6}})·([{_CJK}]{{2,8}})(?:·[{_CJK}]{{2,8}})*")


def _own_line_names(text: str, st: dict[str, Any]) -> list[Span]:
    """A speaker's or an author's name on a line of its own (李江, 努尔兰·阿不都满金) near a heading,
    and names in several parts joined by a dot (努尔兰·阿不都满金代表…)."""
    spans = []
    for m in _OWN_LINE_RE.finditer(text):
        a, b = m.span(1)
        if ("·" in m.group(1) and _foreign_name(m.group(1), st)) or (
            _plausible_name(text, a, b, st) and _has_surname(m.group(1))
        ):
            spans.append(_span(text, a, b, "PERSON", "entity.person_own_line", 0.55))
    for m in finditer_near(_DOT_NAME_RE, text):
        # The second part runs to what follows a name (努尔兰·阿不都满金 | 代表…), never into it.
        end = next(
            (
                e
                for e in range(m.start(2) + 2, m.end() + 1)
                if e < len(text)
                and (
                    _NAME_CUE_RE.match(text, e)
                    or _LIST_TAIL_RE.match(text, e)
                    or _SAYS_AFTER_RE.match(text, e)
                    or _RELIGIOUS_TITLE_RE.match(text, e)
                )
            ),
            m.end(),
        )
        # 政协委员马丽娅·买买提: the first part starts after a post read into it.
        start = m.start()
        # 主席哈力木拉提·…: a post begun before the match may end inside it, its last character read in (wave7b).
        posts = [
            p.end() for p in _DOT_POST_RE.finditer(text, max(0, m.start() - 4), m.start(2) - 1) if p.end() > m.start()
        ]
        if posts and m.start(2) - 1 - posts[-1] >= 2:
            start = posts[-1]
        credit = text.rfind("摄", start, m.start(2) - 3)
        if credit >= 0:
            start = credit + 1  # 记者某某摄 + 某某·某某: a photo credit's verb ends the photographer's name
        name = text[start:end]
        if _foreign_name(name, st) and not any(s.start == start for s in spans):
            # 努尔兰·阿不都满金报告工作: no cue read, the word after ends the name (a name already read, only shortened)
            end = _dotted_name_end(text, start, end, st)
            spans.append(_span(text, start, end, "PERSON", "entity.person_dotted", 0.55))
    return spans


# 副委员长阿沛·某某: the posts read into a dotted name's first part (委员长 too, which 委员 alone is not).
# A religious title after a name (活佛, 法师, 阿訇): a title, no part of the name (GUIDELINES: PERSON without title).
_RELIGIOUS_TITLE_RE = re.compile("活佛|法师|大师|喇嘛|阿訇|仁波切|堪布|格西|住持|方丈|主教|牧师|道长")
_DOT_POST_RE = re.compile(rf"{_POST_BEFORE_NAME_RE.pattern}|委员长")
# 某某·某某说,: the speech verb after a dotted name, no part of it.
_SAYS_AFTER_RE = re.compile(r"说[,，:：。]")


def _foreign_name(name: str, st: dict[str, Any]) -> bool:
    """A name transliterated in parts (阿不都满金): no part is a place, and jieba knows few of its words."""
    freq = st["tokenizer"].FREQ
    table = place_table()
    for part in name.split("·"):
        if part in table.kind or part in table.short or part in st["places"]:
            return False
        words = list(st["segmenter"].words(part))
        known = sum(len(w) for w in words if len(w) >= 2 and freq.get(w) and w not in st["proper"])
        if known * 2 >= len(part):
            return False
    return True


# --- org11: agencies in a list a kind word closes; committees listed with their heads ---
# …、公安局、工商局等部门: a list that a kind word for bodies closes names bodies; its items whose head is an
# agency's are ORG. Two such items at least (or one beside a body already found), so a single word before 等 is no list.
# 某局、某局等部门; 县某局、某局、某局负责人: what closes a list of agencies (their kind, or their heads who attend);
# (…、金融办等14个部门: the closer may count the bodies first)
# (org15: …、交警某大队等9个重点单位; …、审计局五家重点提案承办单位: a qualifier of the kind word, or a count
# without 等 right after an agency's head)
# (org18: 等区政府职能部门, the government's departments with their level)
_KIND_WORD = r"(?:重点|主要)?(?:提案)?(?:[省市县区州旗]政府)?(?:有关|相关|职能|政府|承办|新闻)?(?:部门|单位|机构|媒体)"
_KIND_CLOSER_RE = scanning(
    re.compile(
        rf"等(?:(?:\d{{1,3}}|[两三四五六七八九十]{{1,3}})(?:个|家))?{_KIND_WORD}"
        rf"|(?<=[局委办厅署队”])(?:\d{{1,3}}|[两三四五六七八九十]{{1,3}})(?:个|家){_KIND_WORD}"
        r"|(?<=[局委办厅署])(?:主要)?负责(?:人|同志)"
    )
)
_AGENCY_HEADS = ("委员会", "部", "局", "厅", "署", "委", "办", "院", "台", "社", "报", "网", "大队", "支队")
_LIST_SEP_RE = re.compile(r"[,，]?、[,，]?$")
_NOT_IN_AGENCY = frozenset("的了是在等着把被")


# 外办, 侨办, 教委: a two-character short name of an office or a commission (not a verb's 主办, 督办, nor 党委, 政委)
_TWO_CHAR_AGENCY_RE = re.compile(r"(?![党政主承督协举创转催领代查开兴接包帮申筹])[\u4e00-\u9fff][办委]")
# 外办(港澳办): an item's other name in brackets right after it
_BRACKETED_ALIAS_RE = re.compile(r"[(（]([\u4e00-\u9fff]{2,8})[)）]$")


def _agency_item(item: str) -> bool:
    # a bare organ that takes its place from the context (法院, 检察院) stays generic, as _ORGAN_AFTER_PLACE_RE reads it
    if len(item) == 2:
        return _TWO_CHAR_AGENCY_RE.fullmatch(item) is not None
    return (
        3 <= len(item) <= 12
        and item.endswith(_AGENCY_HEADS)
        and not any(ch in _NOT_IN_AGENCY for ch in item)
        and not _ORGAN_AFTER_PLACE_RE.fullmatch(item.removeprefix("人民"))
    )


def _listed_agencies(
    text: str, spans: list[Span], tokens: list[tuple[int, int, str]], heads_out: list[tuple[int, int]] | None = None
) -> list[Span]:
    """ORG for the agencies a list names before its kind word; ``heads_out`` gets every agency item's offsets."""
    orgs = [s for s in spans if s.label == "ORG"]
    token_ending = _token_ending(tokens)
    out: list[Span] = []
    for closer in _KIND_CLOSER_RE.finditer(text):
        items: list[tuple[int, int]] = []
        end = closer.start()
        while True:
            if end >= 2 and text[end - 1] == "”":
                # “双拥办”: a quoted item (org15) is the item inside its marks
                opening = text.rfind("“", max(0, end - 12), end - 1)
                if opening >= 0 and all(_is_cjk(ch) for ch in text[opening + 1 : end - 1]):
                    items.append((opening + 1, end - 1))
                    sep = _LIST_SEP_RE.search(text, max(0, opening - 3), opening)
                    if sep is None:
                        break
                    end = sep.start()
                    continue
            alias = _BRACKETED_ALIAS_RE.search(text, max(0, end - 10), end)
            if alias is not None:
                items.append(alias.span(1))
                end = alias.start()
            start = end
            while start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" and end - start < 12:
                start -= 1
            sep = _LIST_SEP_RE.search(text, max(0, start - 3), start)
            if sep is not None:
                items.append((start, end))
                end = sep.start()
                continue
            # the list's first item: a body found already, else the tokenizer's last word (担任|税务局)
            known = next((o for o in orgs if o.end == end and o.start >= start), None)
            if known is not None:
                items.append((known.start, end))
            elif end in token_ending:
                first = tokens[token_ending[end]][0]  # one word of the tokenizer's (担任|税务局), never a verb with it
                if first > 0 and text[first - 1] in _LEVELS and text[first - 2 : first - 1] not in _LEVELS:
                    first -= 1  # its level before it (到|市|经贸委)
                    if text.endswith("自治", 0, first):
                        first -= 2  # 邀请|自治区|民委: an autonomous area's level is written with 自治
                items.append((first, end))
            break
        heads = [(a, b) for a, b in items if _agency_item(text[a:b])]
        known_items = [(a, b) for a, b in items if any(o.start == a and o.end == b for o in orgs)]
        if len(items) < 2 or (len(heads) < 2 and not (heads and known_items)):
            continue
        if heads_out is not None:
            heads_out += heads
        for a, b in heads:
            if not any(o.start < b and a < o.end for o in (*orgs, *out)):
                out.append(_span(text, a, b, "ORG", "entity.org_listed_agency", 0.6))
    return out


# --- org18: the level written once for a list of departments ---
# 县某局、某局、某局; 县某局、某局和某局; 区某委、某委及某办: a level's department (or a place's) followed by bare
# departments joined by 、, 和 or 及 shares its level with them (RULINGS: a department the text gave with its level
# is the same body written bare; an office listed beside it is one too). Each item is a field's short name and an
# organ suffix, bounded by the suffix; a plural or a determiner (各局, 有关委办), a verb's 办 (承办, 主办), a word's 局
# (全局, 布局) and a 委 of 委员 are none; after 和 or 及 an item has three characters at least (及时办 is no office).
_LIST_ITEM_RE = re.compile(
    rf"(?P<sep>[、和及])(?P<item>(?:(?![、，,。；;和及与的了是在等各有相该其])[{_CJK}]){{1,6}}?"
    rf"(?:(?<![全大布格结开时当棋])局(?![长面势限部])|委(?![员会])|{_NOT_VERB_IN_BAN}办(?![公理事好法实结成了会])))"
)
_ORGAN_SUFFIXES = ("局", "委", "办")


def _level_once_lists(text: str, spans: list[Span]) -> list[Span]:
    """The spans with the bare items of a list whose first department carries the level (see above)."""
    orgs = [s for s in spans if s.label == "ORG"]
    starts = {s.start: s for s in orgs}
    out: list[Span] = []
    joined: set[int] = set()  # 某委及某办 read as one item of a list before it: split into its items
    for org in orgs:
        if not org.text.endswith(_ORGAN_SUFFIXES) or not any(ch in _LEVELS for ch in org.text[:-1]):
            continue
        end = org.end
        while (m := _LIST_ITEM_RE.match(text, end)) is not None:
            a, b = m.span("item")
            known = starts.get(a)
            item = m.group("item")
            if known is not None and text.startswith(("和", "及"), b) and known.text.startswith(item) and known.end > b:
                joined.add(id(known))  # 某委及某办 read as one: the items are read one by one
            elif known is not None:
                end = known.end  # an item found already (with its own level) carries the list on
                continue
            if (len(item) == 2 and not _TWO_CHAR_AGENCY_RE.fullmatch(item)) or (
                m.group("sep") != "、" and len(item) < 3
            ):
                break
            if any(o.start < b and a < o.end and id(o) not in joined for o in (*orgs, *out)):
                break
            out.append(_span(text, a, b, "ORG", "entity.org_level_once_list", 0.6))
            end = b
    return [s for s in spans if id(s) not in joined] + out


# --- org18: bare bureaus listed together ---
# 发改局、住建局的专项汇报; 人社局、医保局和民政局: two bureaus or more by their fields' short names, listed
# with no level and no kind word, are the bodies of the report's place (GUIDELINES v1.1: a body the context
# makes one specific body; RULINGS: departments listed are ORG each, however short). The first item is the
# tokenizer's word ending in 局 (or the stem before a 局 of its own); a word's 局 (全局, 格局, 大变局), a
# plural or a determiner (各局, 该局) is none.
_WORD_JU = frozenset("全大布格结开时当棋变僵残终出入破定赌战危乱困骗饭")
_PLURAL_OPENERS = frozenset("各全该本我有相其每")


def _bare_bureau_item(item: str) -> bool:
    return (
        3 <= len(item) <= 6
        and item.endswith("局")
        and item[-2] not in _WORD_JU
        and item[0] not in _PLURAL_OPENERS
        and all(_is_cjk(ch) and ch not in _NOT_IN_AGENCY for ch in item)
    )


def _bare_bureau_lists(text: str, spans: list[Span], tokens: list[tuple[int, int, str]]) -> list[Span]:
    at = text.find("局、")
    if at < 0:
        return []
    starts_by_end: dict[int, int] = {}
    for a, b, _w in tokens:
        starts_by_end.setdefault(b, a)
    stops = frozenset(_FUNCTION_BEFORE) | _NOT_IN_AGENCY
    taken = [(s.start, s.end) for s in spans if s.label == "ORG"]
    out: list[Span] = []
    while at >= 0:
        end = at + 1
        start = starts_by_end.get(end)
        if start is not None and end - start == 1:
            # 发|改|局, 农业|局: the stem before a 局 of its own is a word of two to four characters, or a run of
            # single characters the tokenizer did not know (up to four, not a function word's)
            start = starts_by_end.get(at)
            while (
                start is not None
                and at - start < 4
                and start - 1 >= 0
                and starts_by_end.get(start) == start - 1
                and _is_cjk(text[start - 1])
                and text[start - 1] not in stops
                and at - start + 1 <= 4
            ):
                start -= 1
            if start is not None and at - start == 1:
                start = None  # a one-character stem (全局, 该局) is no field
        items: list[tuple[int, int]] = []
        if start is not None and _bare_bureau_item(text[start:end]):
            items.append((start, end))
            pos = end
            while (m := _LIST_ITEM_RE.match(text, pos)) is not None and _bare_bureau_item(m.group("item")):
                items.append(m.span("item"))
                pos = m.end()
        if len(items) >= 2:
            for a, b in items:
                if not any(x < b and a < y for x, y in (*taken, *((o.start, o.end) for o in out))):
                    out.append(_span(text, a, b, "ORG", "entity.org_bare_bureau_list", 0.55))
        at = text.find("局、", (items[-1][1] if items else end))
    return out


# --- org18: a body's numbered guidance group ---
# 市委主题教育第十七巡回指导组, 中央第十一指导组, 市委巡察工作第三督导组: a body, the campaign's words and a numbered
# guidance, inspection or supervision group are one chain (RULINGS: 市委主题教育第十七巡回指导组 is one ORG).
# Without its number a group is ad hoc (市委督导组, 调研组: none).
_NUMBERED_GROUP_RE = re.compile(
    rf"(?:(?![的了和与及、，,。；;在是对为由])[{_CJK}]){{0,8}}?第[一二三四五六七八九十百0-9]{{1,4}}"
    r"(?:巡回)?(?:指导|督导|巡视|巡察|督查|联络指导)组"
)


def _numbered_groups(text: str, spans: list[Span]) -> list[Span]:
    """The spans with a body's numbered guidance group joined to the body (see above)."""
    if "组" not in text:
        return spans
    out: list[Span] = []
    bodies = [(s.start, s.end) for s in spans if s.label == "ORG"]
    at = text.find("中央第")
    while at >= 0:  # 中央第十一指导组: the centre named bare before its group
        if not any(a <= at < b for a, b in bodies):
            bodies.append((at, at + 2))
        at = text.find("中央第", at + 3)
    grown: dict[int, int] = {}
    for a, b in bodies:
        m = _NUMBERED_GROUP_RE.match(text, b)
        if m is not None:
            grown[a] = m.end()
    if not grown:
        return spans
    for s in spans:
        if s.label == "ORG" and s.start in grown:
            continue
        if s.label in ("ORG", "GPE") and any(a <= s.start < e for a, e in grown.items()):
            continue  # a place or a body inside the grown chain
        out.append(s)
    out += [_span(text, a, e, "ORG", "entity.org_numbered_group", 0.6) for a, e in grown.items()]
    return out


# --- org15: 九三 alone for the party, where the text names 九三学社 ---
# 为九三组织贡献力量, 弘扬九三精神, “九三论坛”: the party's short name before its own things is ORG (RULINGS:
# “九三论坛” gives 九三) where the text names the party in full; a numeral's digits (一九三九年) or the 3 September
# of the war's end (九三阅兵) are no party.
_NOT_AFTER_JIUSAN = ("学", "年", "阅兵", "胜利", "抗战", "纪念")
_JIUSAN_DIGITS = frozenset("〇零一二三四五六七八九十百千万两0123456789")


def _bare_jiusan(text: str, spans: list[Span]) -> list[Span]:
    if "九三学社" not in text:
        return []
    orgs = [(s.start, s.end) for s in spans if s.label == "ORG"]
    out: list[Span] = []
    at = text.find("九三")
    while at >= 0:
        end = at + 2
        if (
            not text.startswith(_NOT_AFTER_JIUSAN, end)
            and not (at and text[at - 1] in _JIUSAN_DIGITS)
            and not (end < len(text) and text[end] in _JIUSAN_DIGITS)
            and not any(a < end and at < b for a, b in orgs)
        ):
            out.append(_span(text, at, end, "ORG", "entity.org_jiusan_short", 0.6))
        at = text.find("九三", end)
    return out


# --- org14: a department written bare after the text gave it with its level ---
# 区房管局 … 请房管局研究: a level's bureau, office or commission (or a place's: 某某市住建局) named again without its
# level is the same body (RULINGS: a short name for one institution after its full name was given). The bare name opens
# a word of the tokenizer's, or follows a mark, and is no longer word's start (审计局长: the head's post).
_LEVEL_DEPARTMENT_RE = re.compile(r"(?<=[省市县区州旗盟])([\u4e00-\u9fff]{2,5}[局办委厅])$")
_NOT_AFTER_BARE_DEPARTMENT = frozenset("长面势部限属员会")


def _bare_departments(text: str, spans: list[Span], tokens: list[tuple[int, int, str]]) -> list[Span]:
    names: dict[str, int] = {}
    for s in spans:
        m = _LEVEL_DEPARTMENT_RE.search(s.text) if s.label == "ORG" else None
        if m is not None and not any(ch in _LEVELS for ch in m.group(1)):
            names.setdefault(m.group(1), s.end)
    if not names:
        return []
    starts = _token_starts(tokens)
    taken = sorted((s.start, s.end) for s in spans if s.label in ("ORG", "GPE", "PERSON"))
    out: list[Span] = []
    for name, after in names.items():
        at = text.find(name, after)
        while at >= 0:
            end = at + len(name)
            before = text[at - 1] if at else ""
            if (
                (at in starts or not _is_cjk(before))
                and before not in _LEVELS
                # 各级治水办, 各治水办: every such office, a plural
                and before != "各"
                and text[at - 2 : at] != "各级"
                and text[end : end + 1] not in _NOT_AFTER_BARE_DEPARTMENT
                and not any(a < end and at < b for a, b in taken)
            ):
                out.append(_span(text, at, end, "ORG", "entity.org_bare_department", 0.6))
            at = text.find(name, end)
    return out


# 提案委某某主任、社委会某某副主任: committees each followed by its head's name(s) and post, two or more in a
# sentence, are bodies (one such pair is no list: 专委会张某主任 stays generic). The names are persons.
# the generic words (GUIDELINES: 专委会 is no body)
_GENERIC_COMMITTEES = frozenset(("专委会", "委员会", "专门委员会", "常委会", "委会"))
_COMMITTEE_HEADS_RE = re.compile(
    rf"(?:^|(?<=[、，,;；：:。\n \t　]))([{_CJK}]{{1,9}}?(?:委员会|委会|委))"
    rf"((?:[{_CJK}]{{2,3}}、)*[{_CJK}]{{2,3}}?)(?=(?:常务副|副)?(?:主任|主委))"
)


def _committees_with_heads(text: str, spans: list[Span]) -> list[Span]:
    orgs = [s for s in spans if s.label == "ORG"]
    known = [s for s in spans if s.label in ("ORG", "PERSON")]
    units: dict[int, list[re.Match[str]]] = {}
    for m in _COMMITTEE_HEADS_RE.finditer(text):
        if m.group(1) not in _GENERIC_COMMITTEES and all(_has_surname(name) for name in m.group(2).split("、")):
            units.setdefault(max(text.rfind(ch, 0, m.start()) for ch in "。；\n"), []).append(m)
    out: list[Span] = []
    for found in units.values():
        if len(found) < 2:
            continue
        for m in found:
            if not any(o.start < m.end(1) and m.start(1) < o.end for o in orgs):
                out.append(_span(text, m.start(1), m.end(1), "ORG", "entity.org_committee_with_head", 0.6))
            at = m.start(2)
            for name in m.group(2).split("、"):
                if not any(k.start < at + len(name) and at < k.end for k in known):
                    out.append(_span(text, at, at + len(name), "PERSON", "entity.person_committee_head", 0.6))
                at += len(name) + 1
    return out


# 九三市委, 九三社员: a society named by its stem before 学社 (九三 for 九三学社) where the text gives the full name,
# before its organ (市委, 省委, 中央: one ORG with it) or its members (社员). Never inside a numeral (一九九三年).
_SOCIETY_NAME_RE = re.compile(r"([\u4e00-\u9fff]{2})学社")
_NUMERALS = "〇零一二三四五六七八九十百千两0123456789"


def _society_stems(text: str, spans: list[Span]) -> list[Span]:
    stems = {m.group(1) for m in finditer_near(_SOCIETY_NAME_RE, text) if m.group(0) in _PARTY_SHORT}
    if not stems:
        return spans
    added: list[Span] = []
    for stem in stems:
        # only before its organ or its own 社 words (九三社员); not before an abstract noun (九三精神, 九三智慧)
        for m in re.finditer(rf"{stem}(?:中央|[省市区县]委(?!员)|(?=社[员务]))", text):
            a, b = m.span()
            if (a > 0 and text[a - 1] in _NUMERALS) or (b < len(text) and text[b] in _NUMERALS + "年届次"):
                continue
            if any(s.start < b and a < s.end and not (a <= s.start and s.end <= b) for s in spans):
                continue  # inside a longer span (九三学社某市委 was read whole)
            added.append(_span(text, a, b, "ORG", "entity.org_society_stem", 0.6))
    if not added:
        return spans
    kept = [s for s in spans if not any(x.start <= s.start and s.end <= x.end for x in added)]
    return kept + added


# 全港各区工商联, 全澳各界妇女联合会: an association named by the whole area it covers (全 + a SAR, the country or a
# level, then 各区/各界 or not) before an association's head; the people of an area (全港各界人士) are none.
_SCOPE_ASSOCIATION_RE = re.compile(
    rf"全(?:港|澳|国|省|市|县|区)(?:各[区界])?([{_CJK}]{{0,8}})(?:工商联|联合会|总会|协会|商会|联谊会|同乡会)"
)


def _scope_associations(text: str, orgs: list[Span]) -> list[Span]:
    out = []
    for m in _SCOPE_ASSOCIATION_RE.finditer(text):
        a, b = m.span()
        if any(ch in _NOT_IN_ASSOCIATION for ch in m.group(1)) or any(o.start < b and a < o.end for o in orgs):
            continue
        if text[max(0, a - 2) : a] in ("中华", "中国"):
            a -= 2  # 中华全国台湾同胞联谊会: the nation's name before its scope
        out.append(_span(text, a, b, "ORG", "entity.org_scope_association", 0.6))
    return out


# 香港特区政府律政司司长, 某某政府民政事务局局长: a government's bureau whose head's post repeats its head word
# (司…司长, 局…局长, 署…署长, 处…处长) is one chain with the government (RULINGS: ORG is the whole chain as written).
_OWN_HEAD_BUREAU_RE = re.compile(rf"[{_CJK}]{{1,8}}?([司局署处])(?=副?\1长)")


def _government_bureaus(text: str, spans: list[Span]) -> list[Span]:
    out = []
    for s in spans:
        m = _OWN_HEAD_BUREAU_RE.match(text, s.end) if s.label == "ORG" and s.text.endswith("政府") else None
        if m is not None and not any(ch in _NOT_IN_ASSOCIATION for ch in m.group()):
            s = replace(s, end=m.end(), text=text[s.start : m.end()])
        out.append(s)
    return out
