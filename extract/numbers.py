"""Parse Arabic, Chinese and mixed numerals into exact ``Decimal`` values: the one owner of numerals.

Reports write amounts as ``12``, ``1,200``, ``93.35``, ``93.35万``, ``3.2亿``, full-width
``９３．３５`` (before normalization), and in Chinese numerals. The Chinese grammar:

    number  := [number 亿] [number‹亿 万] [section]      (each part smaller than the one before)
    section := [d 千] [零] [d 百] [零] [d 十 | 十] [零] [d]   (below 10,000)

- a digit ``d`` is 一…九, 两 (before a unit), or the financial 壹…玖; 十/百/千 may stand
  without a digit at the start of a number (``十五``, ``百余``); 廿/卅/卌 are 二十/三十/四十;
- 零, 〇 and the circle ○ that typesetting uses for 〇 mark a skipped place
  (``一千〇二十`` = 1020, ``一千○二十``, ``一百零五``);
- a last digit right after a unit without 零 counts in the next lower place, as people
  write round amounts (``一万二`` = 12000, ``三千五`` = 3500, ``一百五`` = 150);
- a run of digits alone is read place by place, as years are written (``二〇二三``, ``一九九八``);
- a decimal fraction follows 点 (``九十五点五``).

What the grammar refuses is not a numeral: ``三四百`` (an estimate), ``十十``, ``一亿万``.
Decimals keep ``93.35万`` exact (a float would make it 933499.99…); the figure finder turns
the result into an int or float only at the very end.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = [
    "ARABIC_NUMERAL",
    "CN_DIGITS",
    "CN_NUMERAL",
    "CN_NUMERAL_CHARS",
    "REIGN_TITLES",
    "SCALES",
    "ascii_digits",
    "join_broken_lines",
    "parse_number",
    "to_json_number",
]

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_ZEROS = frozenset("零〇○")
_CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_TENS = {"廿": "二十", "卅": "三十", "卌": "四十"}
SCALES: dict[str, Decimal] = {
    "万": Decimal(10_000),
    "萬": Decimal(10_000),
    "亿": Decimal(100_000_000),
    "億": Decimal(100_000_000),
}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(_CN_SMALL_UNITS) + "".join(_CN_TENS) + "万萬亿億"

# The calendars that count years from an emperor's accession, as a closed table (like the provinces'): the
# reign titles of the Ming and Qing emperors. A year of one is a DATE (万历十年) and no length (figures).
REIGN_TITLES = (
    *("洪武", "建文", "永乐", "洪熙", "宣德", "正统", "景泰", "天顺", "成化", "弘治", "正德", "嘉靖", "隆庆", "万历"),
    *("泰昌", "天启", "崇祯", "顺治", "康熙", "雍正", "乾隆", "嘉庆", "道光", "咸丰", "同治", "光绪", "宣统"),
)

# Regular-expression fragments for the finders (figures, dates): what a numeral looks like.
# Only the grammar above (``parse_number``) says whether a match is one.
ARABIC_NUMERAL = r"[0-9０-９]+(?:[,，][0-9０-９]{3})+(?:[.．][0-9０-９]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?"
_CN_FIRST = "一二三四五六七八九十两廿卅壹贰叁肆伍陆柒捌玖拾"
CN_NUMERAL = rf"[{_CN_FIRST}][{CN_NUMERAL_CHARS}]*"

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_ARABIC_RE = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|\.[0-9]+")
_ARABIC_WITH_SCALE_RE = re.compile(r"([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)([万萬亿億千百]*)")


def ascii_digits(text: str) -> str:
    """Full-width digits, point and comma as ASCII, one character for one."""
    return text.translate(_FULLWIDTH)


def parse_number(text: str) -> Decimal | None:
    """The value of a numeral, or None when ``text`` is not one.

    >>> parse_number("93.35万")
    Decimal('933500.00')
    >>> parse_number("一千〇二十")
    Decimal('1020')
    """
    s = ascii_digits(text.strip())
    if not s:
        return None
    if s[0] in "0123456789.":
        match = _ARABIC_WITH_SCALE_RE.fullmatch(s)
        if match is None:
            return _arabic(s) if _ARABIC_RE.fullmatch(s) else None
        value = _arabic(match.group(1))
        if value is None:
            return None
        for ch in match.group(2):
            value *= SCALES.get(ch) or Decimal(_CN_SMALL_UNITS[ch])
        return value
    return _chinese(s)


def _arabic(s: str) -> Decimal | None:
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def _chinese(s: str) -> Decimal | None:
    """A Chinese numeral by the grammar in the module docstring, or None."""
    for short, long in _CN_TENS.items():
        s = s.replace(short, long)
    whole, point, fraction = s.partition("点")
    if point:
        if not fraction or any(ch not in CN_DIGITS or ch == "两" for ch in fraction):
            return None
        value = _chinese(whole) if whole else None
        if value is None:
            return None
        return value + Decimal("0." + "".join(str(CN_DIGITS[ch]) for ch in fraction))
    if any(ch not in CN_DIGITS and ch not in _CN_SMALL_UNITS and ch not in SCALES for ch in s):
        return None
    if all(ch in CN_DIGITS for ch in s):
        if len(s) == 1:
            return Decimal(CN_DIGITS[s])
        # Place by place, as years are written (二〇二三); 两 is never a place digit.
        if "两" in s:
            return None
        return Decimal("".join(str(CN_DIGITS[ch]) for ch in s))
    whole_value = _part(s, 0, top=True)
    return None if whole_value is None else Decimal(whole_value)


# The scales, largest first: a numeral splits at its largest scale, and each side may use
# only the smaller ones (三万亿 and 一万二千亿 put 万 before 亿; 一亿万 is no numeral).
_BIG_SCALES: tuple[tuple[str, int], ...] = (("亿億", 100_000_000), ("万萬", 10_000))


def _part(s: str, level: int, *, top: bool = False) -> int | None:
    """A numeral using the scales ``_BIG_SCALES[level:]``; ``top``: a bare 万/百 may stand alone."""
    for index in range(level, len(_BIG_SCALES)):
        chars, scale = _BIG_SCALES[index]
        cut = next((i for i, ch in enumerate(s) if ch in chars), -1)
        if cut < 0:
            continue
        head, tail = s[:cut], s[cut + 1 :]
        if head:
            high = _part(head, index + 1)
            if not high:
                return None
        elif top:
            high = 1  # 万余人: a bare scale
        else:
            return None
        low = _tail(tail, scale, index + 1)
        return None if low is None else high * scale + low
    return _section(s, top=top)


def _tail(tail: str, scale: int, level: int) -> int | None:
    """What follows a scale: nothing, 零 + a smaller number, a smaller number, or one digit (一万二)."""
    if not tail:
        return 0
    if tail[0] in _ZEROS:
        tail = tail.lstrip("".join(_ZEROS))
        low = _part(tail, level) if tail else None
    elif len(tail) == 1 and tail in CN_DIGITS:
        return CN_DIGITS[tail] * scale // 10
    else:
        low = _part(tail, level)
    return low if low is not None and low < scale else None


def _section(s: str, *, top: bool) -> int | None:
    """A numeral below 10,000 with 千/百/十 (and their financial forms); None if ill-formed."""
    if not s:
        return None
    value = 0
    digit: int | None = None
    last_unit = 10_000
    after_zero = False
    for ch in s:
        if ch in _ZEROS:
            if digit is not None or last_unit == 10_000 or after_zero:
                return None  # 五零, a leading 零, 零零
            after_zero = True
        elif ch in CN_DIGITS:
            if digit is not None:
                return None  # 三四百: two digits in a row is an estimate, not a numeral
            digit = CN_DIGITS[ch]
        elif ch in _CN_SMALL_UNITS:
            unit = _CN_SMALL_UNITS[ch]
            if unit >= last_unit or (after_zero and digit is None):
                return None  # 十十, 百千, 零十
            if digit is None:
                # 十五 stands alone at the start; 百余/千余 only where a bare numeral may.
                if last_unit != 10_000 or not (unit == 10 or top):
                    return None
                digit = 1
            value += digit * unit
            digit = None
            last_unit = unit
            after_zero = False
        else:
            return None  # a scale where this part may have none (一亿万, 十亿亿)
    if after_zero and digit is None:
        return None  # a trailing 零
    if digit is not None:
        # 一百零五 → 5; 一百五 → 50 (the next lower place); 十五 → 5.
        value += digit if after_zero or last_unit == 10_000 else digit * last_unit // 10
    return value


# --- a quantity a PDF line break cut in two -------------------------------------------

_BREAK_RE = re.compile(r"[ \t]*\n[ \t]*")
# After the break, a numbered list item starts a line of its own (``2.``, ``三、``, ``(四)``).
_LIST_START_RE = re.compile(r"[0-9]{1,2}[.、．](?![0-9])|[一二三四五六七八九十]{1,3}、|[(（]")
# A running line of a PDF page: long, or as long as a line beside it (a narrow column, eight characters or more).
_RUNNING_LINE = 16
_COLUMN_LINE = 8
_COLUMN_WORDS = 4
_TABLE_CELL = " | "
_LINE_END_NUMERAL = "0123456789.,，" + CN_NUMERAL_CHARS


# A line that opens with a year (2025年提案审查情况报告): what ends the line before it is no part of it.
_YEAR_LINE_RE = re.compile(r"(?:1[89]|20)[0-9]{2}年")
# A value a label introduces at a line's end (QQ:2885784924, 点击数:5255), or a run of seven digits or
# more (a phone or an account): page chrome, not a quantity a break cut.
_LABELLED_VALUE_RE = re.compile(r"(?:[:：][ \t]*[0-9]+|(?<![0-9.,])[0-9]{7,})$")


def join_broken_lines(text: str, left: frozenset[str], right: frozenset[str]) -> tuple[str, list[int]] | None:
    """``text`` with the line breaks that cut a quantity or a date in two left out, and where
    each character of that view stands in ``text``; None where no break qualifies.

    A break qualifies where the character before it is in ``left`` (a digit, a numeral, a
    qualifier, the head of a unit), the one after it in ``right``, and it ends a running line
    of a page (GUIDELINES, normalization step 4: a PDF line or column ended inside the
    quantity): at least 16 characters before the numeral it ends in, or a line of at least 10 (6
    before the numeral) as long as the line before it, in a narrow column. A blank
    line, a short line (a list number, a table cell) and a numbered item after the break
    never join. The finders run on the view; a span across a joined break holds the break.
    """
    if "\n" not in text:
        return None
    cuts: list[tuple[int, int]] = []
    for m in _BREAK_RE.finditer(text):
        start, end = m.span()
        if start == 0 or end >= len(text) or text[start - 1] not in left or text[end] not in right:
            continue
        if text[start - 1] == "." and not (start > 1 and text[start - 2].isdigit()):
            continue
        if _LIST_START_RE.match(text, end) or not _running_line(text, start):
            continue
        if _YEAR_LINE_RE.match(text, end) or _LABELLED_VALUE_RE.search(text, max(0, start - 24), start):
            continue  # 2025年… opens a line; 联系QQ:2885784924, 点击数:5255 end one: no quantity cut
        cuts.append((start, end))
    if not cuts:
        return None
    pieces: list[str] = []
    positions: list[int] = []
    last = 0
    for start, end in cuts:
        pieces.append(text[last:start])
        positions.extend(range(last, start))
        last = end
    pieces.append(text[last:])
    positions.extend(range(last, len(text)))
    return "".join(pieces), positions


def _running_line(text: str, end: int) -> bool:
    """Whether the line ending at ``end`` is running text rather than a list, a cell or a heading."""
    start = text.rfind("\n", 0, end) + 1
    line = text[start:end].strip()
    if _TABLE_CELL in line:
        return False
    # What the line says before the numeral it ends in: a long number is no running text.
    words = len(line.rstrip(_LINE_END_NUMERAL))
    if words >= _RUNNING_LINE:
        return True
    if words < _COLUMN_WORDS or len(line) < _COLUMN_LINE:
        return False
    # A column's line runs as long as its neighbour: the line before it, or (a paragraph's first line) the one after.
    newline = text.find("\n", end)
    after = text[newline + 1 : (text.find("\n", newline + 1) + 1 or len(text) + 1) - 1].strip() if newline >= 0 else ""
    before = text[text.rfind("\n", 0, start - 1) + 1 : start - 1].strip() if start else ""
    neighbours = [n for n in (before, after) if n and _TABLE_CELL not in n]
    return any(abs(len(n) - len(line)) <= 2 for n in neighbours)


def to_json_number(value: Decimal) -> int | float:
    """An int when the value is integral, else a float: what the gold file stores."""
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    # A numeral too long for a float (a run of digits, not an amount) stays exact, as an int.
    return as_float if abs(as_float) != float("inf") else int(value)
