"""Normalize a report's raw text into what a reviewer reads, keeping a map back to the raw text.

The steps follow GUIDELINES.md ("Normalization"):

1. line endings to ``\\n``, invisible characters (zero-width space, BOM) dropped;
2. pinyin glosses a converter left after characters dropped (``政協(xié)`` → ``政協``);
3. Traditional → Simplified with OpenCC ``t2s``;
4. full-width digits and ``％`` to ASCII (one character for one, so offsets stay put), and a
   full-width point, dash, slash or colon between two digits (``２０２６－０３－０５``);
5. OCR spacing removed between CJK characters and between a digit and a CJK character, and
   inside a number that CJK text encloses (``提案197 2件``),
   indentation and trailing blanks of lines dropped, Latin/number spacing kept; the single
   spaces of a list (three or more runs of 2–4 CJK characters, ``王强 李明 张伟``) are kept
   (a two-character name padded to three columns, ``韩  梅``, is one item and loses its padding)
   (GUIDELINES v1.1); in typed text (``keep_word_spaces``: a Word file, a web page, where
   no OCR ran) a space between two runs of two or more CJK characters is the author's and
   stays: it separates two names (``市发展和改革委员会 市财政局``); on a page OCR spaced at
   irregular places a list is a run of names (``_delete_ocr_spaces``), and spaced dates, times,
   ranges, glosses and spaces beside ASCII punctuation go; ``曰`` after a number reads ``日``;
6. paragraphs that a column break split over lines rejoined, never joining a heading,
   a caption or page furniture to its neighbour; in a hard-wrapped text (a PDF page or a
   narrow column exported as text, found from its lines' widths) every full line that does
   not end a sentence joins the next.

Every step only deletes characters or replaces one character by one, so each character
of the normalized text comes from exactly one raw character: ``raw_offsets[i]``.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

from pizhu.extract.layout import CELL_SEPARATOR
from pizhu.extract.models import Normalized
from pizhu.extract.prefilter import scanning

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_RE = re.compile(f"[{CJK}]")

_PINYIN_LETTERS = "a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿêÊａ-ｚＡ-Ｚ"
# The letters a gloss may start with: lower case, half- or full-width.
_PINYIN_FIRST = "a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿêａ-ｚ"
# A gloss is a bracketed pinyin syllable right after a CJK character; the bracket may be
# half- or full-width. A syllable cut off at the end of a line (``召開(k``) goes too.
# A gloss starts in lower case: "(A)" after 渔业 is a category's code, not pinyin.
_GLOSS_RE = scanning(
    re.compile(
        rf"(?<=[{CJK}])(?:[(（](?=[{_PINYIN_FIRST}])[{_PINYIN_LETTERS}]{{1,7}}[1-5]?[)）]"
        rf"|[(（](?=[{_PINYIN_FIRST}])[{_PINYIN_LETTERS}]{{1,6}}$)",
        re.MULTILINE,
    )
)
# A gloss that OCR spaced: single spaces inside the brackets (``(x ié )``, ``( huì)``, ``(n ón g)``),
# or one between the character and the bracket (``环 (huán)境``; that space goes with the OCR spaces).
_SPACED_GLOSS_RE = scanning(
    re.compile(
        rf"(?:(?<=[{CJK}])|(?<=[{CJK}] ))[(（] ?(?=[{_PINYIN_FIRST}])(?:[{_PINYIN_LETTERS}] ?){{1,7}}[1-5]? ?[)）]"
    )
)
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]|\r(?=\n)")
_LONE_CR_RE = re.compile("\r")

# Spaces (ASCII, no-break, ideographic, tab) inside a line.
_SPACE = " \t\u00a0\u3000\u2002\u2003\u2009"
_CJK_OR_PUNCT = f"{CJK}\u3000-\u303f\uff00-\uffef“”‘’—…·○"
# OCR spacing: between two CJK characters, or a digit and a CJK character (either order).
_OCR_SPACE_RE = scanning(
    re.compile(
        rf"(?<=[{_CJK_OR_PUNCT}])[{_SPACE}]+(?=[{_CJK_OR_PUNCT}0-9])"
        rf"|(?<=[0-9])[{_SPACE}]+(?=[{_CJK_OR_PUNCT}])"
        rf"|(?<=[{_CJK_OR_PUNCT}][,.;:!?])[{_SPACE}]+(?=[{_CJK_OR_PUNCT}0-9])"
        rf"|(?<=%)[{_SPACE}]+(?=[{_CJK_OR_PUNCT}])"
    )
)
# OCR spacing beside ASCII punctuation in CJK text: before a comma, semicolon, colon, mark or
# closing bracket that follows CJK text or ``%`` (``1612件 ,``, ``17.5% ;``, ``位置 :``, ``王明 )``),
# or a closing bracket after a number (``2005 )中卷``); after an opening bracket that follows CJK
# text (``今( 26)日``); between CJK text and a bracket on CJK text (``李斌 (女)``, ``(区) 建立``);
# between CJK text and a straight quote on CJK text (``争鸣" 的``, ``建设" 强富美高"``).
_PUNCT_SPACE_RE = scanning(
    re.compile(
        rf"(?<=[{_CJK_OR_PUNCT}%])[{_SPACE}]+(?=[,;:!?)])"
        rf"|(?<=[0-9])[{_SPACE}]+(?=[)\]][{_CJK_OR_PUNCT}])"
        rf"|(?<=[{_CJK_OR_PUNCT}]\()[{_SPACE}]+(?=[{_CJK_OR_PUNCT}0-9])"
        rf"|(?<=[{_CJK_OR_PUNCT}])[{_SPACE}]+(?=\([{_CJK_OR_PUNCT}0-9])"
        rf"|(?<=[{_CJK_OR_PUNCT}0-9]\))[{_SPACE}]+(?=[{_CJK_OR_PUNCT}])"
        rf"|(?<=[{_CJK_OR_PUNCT}][\"'])[{_SPACE}]+(?=[{_CJK_OR_PUNCT}])"
        rf"|(?<=[{_CJK_OR_PUNCT}])[{_SPACE}]+(?=[\"'][{_CJK_OR_PUNCT}])"
    )
)
# v1.1: three or more runs of 2–4 CJK characters separated by single spaces are a list
# (``王强 李明 张伟``); those spaces separate items and stay.
# A two-character name set in a three-character column is padded (``卓  航``): two or more spaces
# between two lone characters make one item of the list, and that padding goes.
_LIST_ITEM = rf"(?:[{CJK}]{{2,4}}|[{CJK}][{_SPACE}]{{2,}}[{CJK}])"
# A list follows neither a digit (``20 18年县 政协 工作``) nor a lone character spaced off
# (``」是 指目前香 港整体社 会稳定``), and no further CJK text is spaced on after it (``向大 会报
# 告县政协 十一 届一次会议``): those runs are OCR spacing inside a sentence. After a post
# (``主席团成员 王强 李明 张伟``) it is a list.
_LIST_STRETCH_RE = re.compile(
    rf"(?<![{CJK}0-9])(?<!(?<![{CJK}])[{CJK}][{_SPACE}])"
    rf"{_LIST_ITEM}(?:[{_SPACE}]{_LIST_ITEM}){{2,}}(?![{CJK}])(?![{_SPACE}][{CJK}])"
)
_PADDING_RE = re.compile(rf"(?:^|[^{CJK}])[{CJK}]([{_SPACE}]{{2,}})[{CJK}](?![{CJK}])")
_SPACE_RUN_RE = re.compile(" +")
_LINE_EDGE_SPACE_RE = scanning(re.compile(rf"^[{_SPACE}]+|[{_SPACE}]+$", re.MULTILINE))

_FULLWIDTH = str.maketrans("０１２３４５６７８９％", "0123456789%")
# A full-width point, dash, slash or colon between two digits is the number's, the date's or
# the time's own mark (``３．５``, ``２０２６－０３－０５``, ``０２／１８``, ``１１：５２``).
_FULLWIDTH_MARK_RE = re.compile("(?<=[0-9０-９])[．－／：](?=[0-9０-９])")
_FULLWIDTH_MARKS = {"．": ".", "－": "-", "／": "/", "：": ":"}

# OCR reads 日 as its look-alike 曰 ("to say"); after a number it is a day (``3月1曰`` → ``3月1日``).
_YUE_FOR_RI_RE = scanning(re.compile("(?<=[0-9〇零一二三四五六七八九十])曰"))

_SENTENCE_END = "。！？!?；;：:…”’\"'」』）)》】"


def normalize(raw: str, *, keep_word_spaces: bool = False) -> Normalized:
    """Normalize raw report text; see the module docstring for the steps.

    ``keep_word_spaces``: the text was typed (a Word file, a web page), not recognised
    from an image: a space between two runs of 2+ CJK characters separates words there.
    """
    text = raw
    offsets = array("i", range(len(raw) + 1))
    text, offsets = _delete(text, offsets, _INVISIBLE_RE)
    text, offsets = _replace(text, offsets, _LONE_CR_RE, lambda _m: "\n")
    text, offsets, wrapped = _join_hard_wrapped(text, offsets)
    text, offsets = _delete(text, offsets, _GLOSS_RE)
    text, offsets = _delete(text, offsets, _SPACED_GLOSS_RE)
    text, offsets = _to_simplified(text, offsets)
    text = text.translate(_FULLWIDTH)
    text, offsets = _replace(text, offsets, _FULLWIDTH_MARK_RE, lambda m: _FULLWIDTH_MARKS[m.group()])
    text, offsets = _replace(text, offsets, _YUE_FOR_RI_RE, lambda _m: "日")
    text, offsets = _delete(text, offsets, _LINE_EDGE_SPACE_RE)
    text, offsets = _unspace_letterspaced_lines(text, offsets)
    text, offsets = _join_spaced_dates(text, offsets)
    text, offsets = _delete(text, offsets, _PUNCT_SPACE_RE)
    text, offsets = _delete_ocr_spaces(text, offsets, keep_word_spaces)
    text, offsets = _join_spaced_numbers(text, offsets)
    if not wrapped:  # a hard-wrapped text's breaks were all weighed in _join_hard_wrapped
        text, offsets = _rejoin_paragraphs(text, offsets)
    return Normalized(text=text, raw_offsets=offsets)


def traditional_share(raw: str) -> float:
    """Share of CJK characters that t2s would change: about 0 for Simplified text."""
    cjk = _CJK_RE.findall(raw[:50000])
    if not cjk:
        return 0.0
    traditional = _traditional_chars()
    return sum(map(traditional.__contains__, cjk)) / len(cjk)  # True counts 1: the count, summed in C


# --- editing with an offset map -------------------------------------------------------


def _delete(text: str, offsets: array[int], pattern: re.Pattern[str]) -> tuple[str, array[int]]:
    return _replace(text, offsets, pattern, lambda _m: "")


def _replace(
    text: str, offsets: array[int], pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]
) -> tuple[str, array[int]]:
    """Apply ``pattern.sub(repl)`` while carrying the offset map along.

    A replacement must be empty or exactly as long as its match (one for one).
    """
    pieces: list[str] = []
    new_offsets = array("i")
    last = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        replacement = repl(match)
        if replacement and len(replacement) != end - start:
            raise ValueError("normalization steps replace one character by one")
        pieces.append(text[last:start])
        new_offsets.extend(offsets[last:start])
        if replacement:
            pieces.append(replacement)
            new_offsets.extend(offsets[start:end])
        last = end
    if last == 0:
        return text, offsets
    pieces.append(text[last:])
    new_offsets.extend(offsets[last:])
    return "".join(pieces), new_offsets


_CONVERTER = None
_TRADITIONAL: frozenset[str] | None = None


def _converter() -> Any:
    global _CONVERTER
    if _CONVERTER is None:
        from opencc import OpenCC

        from pizhu.extract.t2s import Converter

        _CONVERTER = Converter(OpenCC("t2s"))  # OpenCC's output, found faster (extract.t2s)
    return _CONVERTER


def _traditional_chars() -> frozenset[str]:
    """Every character that OpenCC's t2s dictionaries can change.

    A line with none of them converts to itself, so most Simplified text skips the
    (slow, pure-Python) converter altogether.
    """
    global _TRADITIONAL
    if _TRADITIONAL is None:
        import opencc

        folder = Path(opencc.__file__).parent / "dictionary"
        chars: set[str] = set()
        for name in ("TSCharacters.txt", "TSPhrases.txt"):
            for line in (folder / name).read_text("utf-8").splitlines():
                key, _, values = line.partition("\t")
                for value in values.split(" "):
                    if len(value) != len(key):
                        chars.update(key)
                    else:
                        chars.update(a for a, b in zip(key, value, strict=True) if a != b)
        _TRADITIONAL = frozenset(chars)
    return _TRADITIONAL


def _to_simplified(text: str, offsets: array[int]) -> tuple[str, array[int]]:
    """OpenCC t2s, line by line; a line whose phrase conversion changes length is done per character."""
    traditional = _traditional_chars()
    if traditional.isdisjoint(text):
        return text, offsets
    converter = _converter()
    out: list[str] = []
    for line in text.split("\n"):
        if traditional.isdisjoint(line):
            out.append(line)
            continue
        converted = converter.convert(line)
        if len(converted) != len(line):
            chars = [converter.convert(ch) for ch in line]
            converted = "".join(c if len(c) == 1 else ch for c, ch in zip(chars, line, strict=True))
        out.append(converted)
    return "\n".join(out), offsets


# --- rejoining column breaks ------------------------------------------------------------

# Lines that are never part of a running paragraph: headings of every numbered style,
# Markdown headings, photo captions and page furniture.
_STRUCTURAL_START_RE = re.compile(
    r"^(?:#|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、](?!\d)"
    r"|▲|△|图为|【|——|—{1,2}|\d{4}年\d{1,2}月\d{1,2}日)"
)
_MIN_BROKEN_LINE = 36
# A title line (``…——政协大洼区委员会2023年度工作综述``) is long and unpunctuated, yet whole.
_TITLE_END_RE = re.compile("(?:综述|綜述|工作报告|工作報告|纪实|紀實|侧记|側記)$")


def _rejoin_paragraphs(text: str, offsets: array[int]) -> tuple[str, array[int]]:
    """Delete the line breaks (and blank lines) inside a paragraph that a column break split."""
    lines = text.split("\n")
    # A Markdown report marks every heading with "#", so a short unfinished plain line there
    # is a broken paragraph, never a heading.
    markdown = sum(1 for line in lines if line.startswith("#")) >= 2
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    deletions: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        j = i + 1
        while j < len(lines) and not lines[j]:
            j += 1
        if j < len(lines) and _is_broken(line, lines[j], markdown):
            deletions.append((starts[i] + len(line), starts[j]))
        i = j
    return _cut(text, offsets, deletions)


# A hard-wrapped text (a PDF's or a narrow column's lines exported as text) has most of its
# lines as wide as the column, and none much wider. Widths are counted as a page sets them: a
# CJK or full-width character is two, a digit or Latin letter one; justification and a word
# kept whole leave a full line a little short of the column.
_MIN_WRAP_CHARS = 10
_FULL_SHARE = 0.85
_CAP_QUANTILE = 0.95
_WRAP_SHARE = 0.3
_WRAP_MIN_LINES = 4


def _display_width(line: str) -> int:
    return len(line) + sum(map(_WIDE_FROM.__le__, line))  # a character from U+2E80 on takes two columns


_WIDE_FROM = "\u2e80"


def _join_hard_wrapped(text: str, offsets: array[int]) -> tuple[str, array[int], bool]:
    """Delete the line breaks a hard wrap put inside a paragraph (step 6, done first).

    Done on the lines as they came, before glosses, OCR spaces and edge spaces go: their widths
    are the page's, a gloss cut by the wrap is whole again, and a space the wrap left at the end
    of a line (between two names of a list) stays between them. The column's width is the widest
    line but the widest 5%; the text is hard-wrapped when at least four lines and 30% of its lines
    of 10+ characters reach 85% of that width, and most of those do not end a sentence (a wrap
    cuts anywhere; a paragraph of a text that is not wrapped ends its line). A full line joins
    the next non-blank line (a page break may stand between) unless ``_is_wrapped`` says the
    paragraph ends there, that line is indented (a new paragraph), or a list of names ends there.
    Returns the text, its map and whether the text is hard-wrapped (then every break was weighed
    here, and ``_rejoin_paragraphs`` is not run).
    """
    if "\n" not in text:
        return text, offsets, False
    lines = text.split("\n")
    # Each line's width measured once: the column's width and the full lines below read the same figures.
    line_widths = [_display_width(line.strip(_SPACE)) for line in lines]
    # A link line (``Original URL: http://…``) is no line of the column: it does not set its width.
    widths = sorted(
        width
        for line, width in zip(lines, line_widths, strict=True)
        if len(line.strip()) >= _MIN_WRAP_CHARS
        and CELL_SEPARATOR not in line
        and not _LINK_END_RE.search(line.strip(_SPACE))
    )
    if len(widths) < _WRAP_MIN_LINES:
        return text, offsets, False
    column = widths[min(len(widths) - 1, int(_CAP_QUANTILE * len(widths)))]
    full = [i for i, width in enumerate(line_widths) if _FULL_SHARE * column <= width <= column]
    ends = {i: _GLOSS_RE.sub("", lines[i].rstrip(_SPACE)) for i in full}
    open_ended = [i for i in full if ends[i][-1:] not in _SENTENCE_END]
    if len(full) < _WRAP_MIN_LINES or len(full) < _WRAP_SHARE * len(widths) or len(open_ended) * 2 < len(full):
        return text, offsets, False
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    margin = _margin(lines)
    deletions = []
    for i in open_ended:
        j = i + 1
        while j < len(lines) and not lines[j].strip(_SPACE):
            j += 1
        if j >= len(lines):
            continue
        following = lines[j]
        if _indent(following) > margin:
            continue  # indented beyond the page's margin: a new paragraph
        if _LIST_GAP_RE.search(ends[i]) and not _LIST_GAP_RE.search(following) and len(following.strip()) > 4:
            continue  # a list of names ends where running text follows
        if _is_wrapped(ends[i], following.lstrip(_SPACE)):
            deletions.append((starts[i + 1] - 1, starts[j]))
    return (*_cut(text, offsets, deletions), True)


def _indent(line: str) -> int:
    """The width of a line's leading blanks (an ideographic space or a tab is two)."""
    stripped = line.lstrip(_SPACE)
    lead = line[: len(line) - len(stripped)]
    return len(lead) + sum(1 for ch in lead if ch in "\u3000\t")


def _margin(lines: list[str]) -> int:
    """The page's left margin: the most common indent of its non-blank lines."""
    counts: dict[int, int] = {}
    for line in lines:
        if line.strip(_SPACE):
            indent = _indent(line)
            counts[indent] = counts.get(indent, 0) + 1
    return max(counts, key=lambda n: (counts[n], -n)) if counts else 0


# Two items of a list: CJK, one space, CJK (``王立新 李春华``).
_LIST_GAP_RE = re.compile(f"[{CJK}] [{CJK}]")


# A line that ends in a link (``Original URL: http://…&run=13``) is a line of its own: the paragraph after it
# does not continue it, whatever its width (a link is no wrapped Chinese text).
_LINK_END_RE = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+$")


def _is_wrapped(line: str, following: str) -> bool:
    """Whether ``following`` continues ``line``, a full line of a hard-wrapped text: the wrap
    cut it wherever the width ran out (inside a heading, a name, a number), so only a sentence
    end, a table row, a link or a page-furniture line after it ends the paragraph."""
    if line[-1] in _SENTENCE_END or CELL_SEPARATOR in line or CELL_SEPARATOR in following:
        return False
    if _LINK_END_RE.search(line):
        return False
    if line.startswith("#") or _TITLE_END_RE.search(line):
        return False
    return not (_STRUCTURAL_START_RE.match(following) and not _DATE_START_RE.match(following))


_DATE_START_RE = re.compile(r"\d{4}年")


def _cut(text: str, offsets: array[int], deletions: list[tuple[int, int]]) -> tuple[str, array[int]]:
    """Delete the (start, end) ranges, in order and not overlapping, carrying the map along."""
    if not deletions:
        return text, offsets
    pieces: list[str] = []
    new_offsets = array("i")
    last = 0
    for start, end in deletions:
        pieces.append(text[last:start])
        new_offsets.extend(offsets[last:start])
        last = end
    pieces.append(text[last:])
    new_offsets.extend(offsets[last:])
    return "".join(pieces), new_offsets


# A space between two characters that are not Latin letters (digits, CJK, punctuation).
_INNER_SPACE_RE = re.compile(r"(?<=[^\sA-Za-z]) (?=[^\sA-Za-z])")


def _separates_words(text: str, start: int, end: int) -> bool:
    """Whether the space text[start:end] stands between two words: a run of 2+ CJK characters
    before it, a CJK character after it that no further space follows (``评价 第1部分``,
    ``记者 王明 摄``; in ``毕 竞`` and ``政 法 统 战`` the spaces letter-space one word)."""
    return (
        start >= 2
        and end < len(text)
        and all(_CJK_RE.match(ch) for ch in (text[start - 2], text[start - 1], text[end]))
        and (end + 1 == len(text) or text[end + 1] not in _SPACE)
    )


def _delete_ocr_spaces(text: str, offsets: array[int], keep_word_spaces: bool = False) -> tuple[str, array[int]]:
    """Remove OCR spacing (step 5), keeping the spaces that separate the items of a list,
    and in typed text those between two words of CJK.

    On a page that OCR spaced (``_ocr_spaced``) a list is a run of names (``_name_lists``): runs
    of two to four characters that happen to fall between its spaces are no list, and a space
    OCR put inside a name of a list goes. Elsewhere a v1.1 stretch (``_LIST_STRETCH_RE``) is a
    list too, whatever its items.
    """
    spaced = _ocr_spaced(text)
    keep = _name_lists(text, split_names=spaced)
    if not spaced:
        for stretch in _LIST_STRETCH_RE.finditer(text):
            keep.update(_list_separators(text, *stretch.span()))
    if not keep and not keep_word_spaces:
        return _delete(text, offsets, _OCR_SPACE_RE)
    deletions: list[tuple[int, int]] = []
    for m in _OCR_SPACE_RE.finditer(text):
        if keep_word_spaces and _separates_words(text, *m.span()):
            continue
        if m.end() - m.start() == 1 and m.start() in keep:
            continue  # a space between two items stays; the padding inside one goes
        deletions.append(m.span())
    return _cut(text, offsets, deletions)


_LIST_ITEM_RE = re.compile(_LIST_ITEM)


def _list_separators(text: str, start: int, end: int) -> set[int]:
    """The single spaces between the items of the list text[start:end] (not the padding inside one)."""
    items = [m.span() for m in _LIST_ITEM_RE.finditer(text, start, end)]
    return {a_end for (_a, a_end), (b_start, _b) in pairwise(items) if b_start == a_end + 1}


# OCR spaces a page at irregular places: between two runs of CJK, one of which is a lone character
# or five and more (``围绕中 心``, ``发挥政协 委员的主体作 用``). A page with three or more such spaces
# and at least ten in a thousand CJK characters was spaced by OCR (a PDF's joined column lines
# count too); a typed page has none or a few, in headings and lists.
_CJK_RUN_RE = re.compile(f"[{CJK}]+")
_SPACED_MIN = 3
_SPACED_PER_MILLE = 10


# A single space between two runs of CJK (the right one looked at, not taken: it may open the next).
_CJK_GAP_RE = re.compile(rf"(?<![{CJK}])([{CJK}]+)[{_SPACE}](?=([{CJK}]+))")
# Three or more runs of CJK with spaces between them: where a list may stand.
_SPACED_ROW_RE = re.compile(rf"(?<![{CJK}])[{CJK}]+(?:[{_SPACE}]+[{CJK}]+){{2,}}")


def _ocr_spaced(text: str) -> bool:
    irregular = sum(1 for m in _CJK_GAP_RE.finditer(text) if any(len(run) == 1 or len(run) >= 5 for run in m.groups()))
    if irregular < _SPACED_MIN:
        return False
    return irregular * 1000 >= _SPACED_PER_MILLE * sum(map(len, _CJK_RUN_RE.findall(text)))


def _name_lists(text: str, split_names: bool) -> set[int]:
    """The spaces that separate the names of a list: three or more runs of CJK in a row, single
    spaces between them, each the shape of a name (a surname from the table first, two to four
    characters: ``looks_like_name``) but for one between two names now and then (a name the table
    does not vouch for); a post before them is no item (``常委 林国栋 赵振华 周立平``). A two-character
    name padded to three columns (``韩  梅``) is one item. With ``split_names`` (an OCR-spaced page)
    a lone character joins the run beside it where that makes a name (``赵 振华``, ``周立 平``):
    OCR put that space inside the name, and it goes."""
    keep: set[int] = set()
    for row in _SPACED_ROW_RE.finditer(text):
        keep.update(_rows(text, [m.span() for m in _CJK_RUN_RE.finditer(text, *row.span())], split_names))
    return keep


def _rows(text: str, runs: list[tuple[int, int]], split_names: bool) -> set[int]:
    """The separators to keep in ``runs``, CJK runs with spaces between them (see ``_name_lists``)."""
    from pizhu.extract.entities import looks_like_name

    keep: set[int] = set()
    i = 0
    while i < len(runs):
        # a row of runs with single spaces between them (or a padded two-character name)
        j = i + 1
        while j < len(runs):
            gap = text[runs[j - 1][1] : runs[j][0]]
            single = len(gap) == 1 and gap in _SPACE
            padded = len(gap) >= 2 and all(ch in _SPACE for ch in gap) and _lone(runs[j - 1]) and _lone(runs[j])
            if not (single or padded):
                break
            j += 1
        if j - i >= 3:
            before = text[runs[i][0] - 1] if runs[i][0] else "\n"
            after = text[runs[j - 1][1]] if runs[j - 1][1] < len(text) else "\n"
            whole = before in _ROW_OPEN and after in _ROW_CLOSE
            keep.update(_names_in_row(text, runs[i:j], split_names, looks_like_name, whole, before in _ROW_OPEN))
        i = j
    return keep


_BEYOND_BASIC_RE = re.compile("[^\u4e00-\u9fff]")


# What a list stands between: a line's edges, a colon (``关键词:``), brackets.
_ROW_OPEN = "\n:：(（[【"
_ROW_CLOSE = "\n)）]】"


def _lone(run: tuple[int, int]) -> bool:
    return run[1] - run[0] == 1


def _names_in_row(
    text: str,
    runs: list[tuple[int, int]],
    split_names: bool,
    is_name: Callable[[str], bool],
    whole: bool,
    opened: bool,
) -> set[int]:
    """The separators to keep among ``runs`` (CJK runs spaced apart): see ``_name_lists``.

    ``whole``: the runs fill a line, or what a colon or a bracket opens up to the line's end or the
    closing bracket; then short runs with two names among them are a list (``记者 林国栋 通讯员
    赵振华``); without names they are a name OCR spaced (``中国 人民 政治协商 会议``).
    ``opened``: the runs follow a line's start, a colon or a bracket; a run of names that opens a
    row after other punctuation (``,林国栋 任主 任委员,``) is running text."""
    # Items as [start, end, joined text]; a padded name first, then names OCR split.
    items: list[tuple[int, int, str]] = []
    for start, end in runs:
        if items and _lone((items[-1][0], items[-1][1])) and end - start == 1 and start - items[-1][1] >= 2:
            items[-1] = (items[-1][0], end, items[-1][2] + text[start])
        else:
            items.append((start, end, text[start:end]))
    if split_names:
        merged: list[tuple[int, int, str]] = []
        k = 0
        while k < len(items):
            start, end, word = items[k]
            if len(word) == 1:
                right = items[k + 1] if k + 1 < len(items) else None
                if right is not None and len(right[2]) <= 3 and is_name(word + right[2]):
                    merged.append((start, right[1], word + right[2]))
                    k += 2
                    continue
                left = merged[-1] if merged else None
                if (
                    left is not None
                    and left[1] - left[0] == len(left[2])
                    and len(left[2]) <= 3
                    and is_name(left[2] + word)
                ):
                    merged[-1] = (left[0], end, left[2] + word)
                    k += 1
                    continue
            merged.append(items[k])
            k += 1
        items = merged
    # A character beyond the basic block (t2s gives some: 钱崇\U00028c52) is a given name's like any other.
    names = [2 <= len(word) <= 4 and is_name(word[0] + _BEYOND_BASIC_RE.sub("明", word[1:])) for _s, _e, word in items]
    if whole and sum(names) >= 2 and all(2 <= len(word) <= 4 for _s, _e, word in items):
        return {start_end[1] for start_end in items[:-1]}
    keep: set[int] = set()
    k = 0
    while k < len(items):
        if not names[k]:
            k += 1
            continue
        # a list: names, with now and then one other item of two to four characters between two names
        end = k + 1
        while end < len(items) and (
            names[end] or (end + 1 < len(items) and names[end + 1] and 2 <= len(items[end][2]) <= 4)
        ):
            end += 1
        count = sum(names[k:end])
        if count >= 3 and (end - k - count) * 3 <= count and (k > 0 or opened):
            keep.update(items[n][1] for n in range(k, end - 1))
            if end == len(items) - 1 and len(items[end][2]) == 1:
                keep.add(items[end - 1][1])  # a lone character closing the row stays apart (``周立平 等``)
        k = end
    return keep


# A number after CJK text or punctuation (not after a digit, a letter, a number's own mark or a
# space; after a colon only where CJK text precedes it: ``阅读:765 2次``) with single spaces inside
# it (``提案197 2件``, ``,2 019年``, ``11.5 %``, ``60. 3%``), perhaps a range (``28-2 9日``, ``1 2—3日``).
_NUMBER_START = rf"(?:(?<![0-9A-Za-z.\-/:%{_SPACE}])|(?<=[{CJK}]:))"
_RANGE_MARKS = "-~～—"
_SPACED_NUMBER_RE = scanning(
    re.compile(rf"{_NUMBER_START}[0-9][0-9.]*(?:(?: |[{_RANGE_MARKS}])[0-9.]+)+(?: ?%)?|{_NUMBER_START}[0-9][0-9.]* %")
)


def _join_spaced_numbers(text: str, offsets: array[int]) -> tuple[str, array[int]]:
    """Remove OCR spaces inside a number that CJK text encloses: it follows a CJK character,
    punctuation or the start of a line and runs into a CJK character (or into ``%``), with
    single spaces inside, and one range mark at most. Numbers that stand apart
    (``2020-11-06 1 1``, ``得票数12  15``) keep their spaces."""
    deletions: list[tuple[int, int]] = []
    for m in _SPACED_NUMBER_RE.finditer(text):
        if " " not in m.group() or sum(ch in _RANGE_MARKS for ch in m.group()) > 1:
            continue  # no space, or a date's marks (``2020-11-06 1 1``)
        if not m.group().endswith("%") and not (m.end() < len(text) and _CJK_RE.match(text[m.end()])):
            continue
        pieces = m.group().split(" ")
        if len(pieces) > 1 and all(_is_date_or_time(p.rstrip(".")) and "." in p for p in pieces):
            continue  # 2016.6―2021.5 2021.5至今: a space between two whole dates (a table cell's list) stays
        deletions.extend((m.start() + i, m.start() + i + 1) for i, ch in enumerate(m.group()) if ch == " ")
    return _cut(text, offsets, deletions)


# Digits and their marks with single spaces inside (``2 010-03-1 1``, ``12 :58: 04``, ``198 9—2005``,
# ``2 026``): perhaps a date, a time or a year that OCR spaced.
_SPACED_DATE_RE = scanning(re.compile(r"(?<![0-9A-Za-z])[0-9][0-9\-/.:—~～]*(?: [0-9\-/.:—~～]+)+"))
_DATE_RE = re.compile(r"(?:19|20)\d\d([-/.])(\d{1,2})(?:\1(\d{1,2}))?")
_DAY_MONTH_RE = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(?:19|20)\d\d)?")
_TIME_RE = re.compile(r"(\d{1,2}):(\d\d)(?::(\d\d))?")
_YEARS_RE = re.compile(r"((?:19|20)\d\d)(?:[-—~～]((?:19|20)\d\d))?")
_MAX_DATE_SPACES = 10


def _is_date_or_time(token: str) -> bool:
    """Whether ``token`` is a whole date (``2010-03-11``, ``2010.3``, ``02/18``, ``06/03/2026``), a
    time (``12:58:04``), a year or a range of years (``2026``, ``1989—2005``), with a month, day,
    hour, minute and second that exist."""
    if m := _DATE_RE.fullmatch(token):
        return 1 <= int(m[2]) <= 12 and (m[3] is None or 1 <= int(m[3]) <= 31)
    if m := _DAY_MONTH_RE.fullmatch(token):
        first, second = int(m[1]), int(m[2])
        return 1 <= min(first, second) <= 12 and 1 <= max(first, second) <= 31
    if m := _TIME_RE.fullmatch(token):
        return int(m[1]) <= 24 and int(m[2]) <= 59 and (m[3] is None or int(m[3]) <= 59)
    if m := _YEARS_RE.fullmatch(token):
        return m[2] is None or int(m[1]) < int(m[2])
    return False


def _join_spaced_dates(text: str, offsets: array[int]) -> tuple[str, array[int]]:
    """Remove OCR spaces inside dates and times (``发布日期:2 010-03-1 1`` → ``2010-03-11``,
    ``2022-03-0 1 16 :16: 02`` → ``2022-03-01 16:16:02``). A stretch of digits and date marks
    with single spaces inside is read as the fewest spaces removed that leave every piece a whole
    date or time; where no choice does (``2020-11-06 1 1``, ``第3 -5页``), it stays as it is."""
    deletions: list[tuple[int, int]] = []
    for m in _SPACED_DATE_RE.finditer(text):
        found = m.group().rstrip("-/.:—~～ ")
        spaces = [i for i, ch in enumerate(found) if ch == " "]
        if not spaces or len(spaces) > _MAX_DATE_SPACES:
            continue
        best: tuple[int, ...] | None = None
        for mask in range(1 << len(spaces)):
            removed = tuple(p for bit, p in enumerate(spaces) if mask >> bit & 1)
            if best is not None and len(removed) >= len(best):
                continue
            pieces = "".join(ch for i, ch in enumerate(found) if i not in removed).split(" ")
            if all(_is_date_or_time(piece) for piece in pieces):
                best = removed
        if best:
            deletions.extend((m.start() + p, m.start() + p + 1) for p in best)
    return _cut(text, offsets, deletions)


def _unspace_letterspaced_lines(text: str, offsets: array[int]) -> tuple[str, array[int]]:
    """OCR of a letter-spaced line (``全 年 共 收 到 提 案 2 1 5 件``) puts a space after
    every character, digits included: in such a line every single space between
    non-Latin characters goes, so ``2 1 5`` becomes ``215``. Elsewhere digits keep
    their spaces (``2020-11-06 1 1``)."""
    deletions: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        solid = len(line) - line.count(" ")
        gaps = len(_SPACE_RUN_RE.findall(line))  # a run of spaces is one gap (padding: 韩  梅)
        if CELL_SEPARATOR not in line and solid >= 6 and gaps >= 0.6 * (solid - 1) and _CJK_RE.search(line):
            deletions.extend((pos + m.start(), pos + m.end()) for m in _INNER_SPACE_RE.finditer(line))
        pos += len(line) + 1
    return _cut(text, offsets, deletions)


def _is_broken(line: str, following: str, markdown: bool = False) -> bool:
    """Whether ``following`` continues the paragraph that ``line`` leaves unfinished."""
    if not line or line[-1] in _SENTENCE_END:
        return False
    if CELL_SEPARATOR in line or CELL_SEPARATOR in following:
        return False  # a table row is a line of its own, however it ends
    if _LINK_END_RE.search(line):
        return False
    if line.startswith("#") or _STRUCTURAL_START_RE.match(following):
        return False
    if _STRUCTURAL_START_RE.match(line) and "。" not in line:
        return False
    if _TITLE_END_RE.search(line):
        return False
    if len(line) < _MIN_BROKEN_LINE and line[-1] not in ",，、" and not markdown:
        return False
    first = following[0]
    if not (_CJK_RE.match(first) or first.isdigit() or first in "“‘\"'《(（,，、。"):
        return False
    # A short line with no sentence punctuation after the break is a heading, not the tail.
    tail_is_heading = len(following) <= 30 and not re.search("[。，,；;！？]", following)
    return not tail_is_heading
