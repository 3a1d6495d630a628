"""Parse Arabic, Chinese and mixed numerals into exact ``Decimal`` values.

Reports write amounts as ``12``, ``1,200``, ``93.35``, ``93.35万``, ``3.2亿``, ``两``,
``二十三``, ``一百零五``, ``七十五``, ``十万`` and, after OCR, full-width ``９３．３５``.
Decimals keep ``93.35万`` exact (a float would make it 933499.99…), and the figure
finder turns the result into an int or float only at the very end.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = ["CN_DIGITS", "CN_NUMERAL_CHARS", "SCALES", "parse_number", "to_json_number"]

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
SCALES: dict[str, Decimal] = {
    "万": Decimal(10_000),
    "萬": Decimal(10_000),
    "亿": Decimal(100_000_000),
    "億": Decimal(100_000_000),
}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(_CN_SMALL_UNITS) + "万萬亿億"

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_ARABIC_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")
_ARABIC_WITH_SCALE_RE = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)([万萬亿億千百]*)")


def parse_number(text: str) -> Decimal | None:
    """The value of a numeral, or None when ``text`` is not one.

    >>> parse_number("93.35万")
    Decimal('933500.00')
    >>> parse_number("一百零五")
    Decimal('105')
    """
    s = text.strip().translate(_FULLWIDTH)
    if not s:
        return None
    if s[0].isdigit() or s[0] == ".":
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
    """Chinese numerals: positional (二〇二三) or with 十百千万亿 (一百零五, 两万三千)."""
    if any(ch not in CN_DIGITS and ch not in _CN_SMALL_UNITS and ch not in SCALES for ch in s):
        return None
    if all(ch in CN_DIGITS for ch in s):
        if len(s) == 1:
            return Decimal(CN_DIGITS[s])
        # Digit by digit, as years are written (二〇二三); 两 is never positional.
        if "两" in s:
            return None
        return Decimal("".join(str(CN_DIGITS[ch]) for ch in s))
    total = Decimal(0)  # everything already closed by 亿 or 万
    section = 0  # the part below the current 万/亿
    digit: int | None = None
    last_unit = 10**9
    for ch in s:
        if ch in CN_DIGITS:
            if digit is not None and CN_DIGITS[ch] != 0:
                return None  # two digits in a row (三四百) is an estimate, not a numeral
            digit = CN_DIGITS[ch] if CN_DIGITS[ch] != 0 else digit
        elif ch in _CN_SMALL_UNITS:
            unit = _CN_SMALL_UNITS[ch]
            if unit >= last_unit:
                return None
            section += (1 if digit is None else digit) * unit
            digit = None
            last_unit = unit
        else:
            scale = SCALES[ch]
            section += digit or 0
            digit = None
            if section == 0 and total == 0:
                section = 1
            total = (total + section) * scale if scale > 10_000 else total + section * scale
            section = 0
            last_unit = 10**9
    section += digit or 0
    return total + section


def to_json_number(value: Decimal) -> int | float:
    """An int when the value is integral, else a float: what the gold file stores."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
