"""Turn the bytes of a report file into text: UTF-8 (with or without BOM), UTF-16 with a BOM, GB18030 or Big5.

The encoding is detected from the bytes, never guessed from the file name. When more
than one legacy codec decodes the bytes cleanly, the reading with more common Chinese
characters wins: a Big5 file read as GB18030 decodes, but into rare characters.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

# The most frequent characters of report prose, in both scripts. A correct decoding of
# a Chinese report is dense in them; a wrong codec's reading almost never is.
_COMMON_SIMPLIFIED = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年"
    "动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高"
    "自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四"
    "日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此"
    "变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文"
    "总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农"
    "指几九区强放决西被干做必战先回则任取据处府研门张领协委议履职调视察商监督推进委员"
    "会议报告提案办理群众服务团结民主经济发展高质量领导思想习近平新时代特色社会主义"
)
_COMMON: frozenset[str] | None = None


class DecodeError(ValueError):
    """The bytes are not a text in any encoding pizhu reads."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _common_chars() -> frozenset[str]:
    global _COMMON
    if _COMMON is None:
        from opencc import OpenCC

        traditional = OpenCC("s2t").convert(_COMMON_SIMPLIFIED)
        _COMMON = frozenset(_COMMON_SIMPLIFIED) | frozenset(traditional)
    return _COMMON


def _plausibility(text: str) -> float:
    """Share of characters that are ASCII or common CJK: high for a correct decoding."""
    if not text:
        return 0.0
    sample = text[:20000]
    common = _common_chars()
    good = sum(1 for ch in sample if ch in common or (ch.isascii() and (ch.isprintable() or ch in "\r\n\t")))
    return good / len(sample)


def common_share(text: str) -> float:
    """Share of a text's CJK characters that are common ones: near 1 for Chinese read with the
    right codec, low for mojibake (a GB18030 page read as Big5). 0 without CJK characters."""
    common = _common_chars()
    cjk = [ch for ch in text[:200000] if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"]
    if not cjk:
        return 0.0
    return sum(1 for ch in cjk if ch in common) / len(cjk)


def decode(data: bytes) -> Decoded:
    """Decode report bytes, raising DecodeError with a one-line reason when they are not text."""
    if not data:
        raise DecodeError("empty file")
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        # UTF-16 is full of NUL bytes, so its BOM is looked at before the binary test.
        # (A UTF-32 LE BOM starts with the UTF-16 LE one; that file fails the NUL check below.)
        if data.startswith(bom) and not data.startswith(codecs.BOM_UTF32_LE):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid UTF-16 after a UTF-16 BOM at byte {exc.start}") from None
            return _checked(Decoded(text, codec))
    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes)")
    if data.startswith(codecs.BOM_UTF8):
        try:
            text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-8 after a UTF-8 BOM at byte {exc.start}") from None
        if not text:
            raise DecodeError("empty file (only a byte order mark)")
        return _checked(Decoded(text, "utf-8-sig"))
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    readings = []
    for codec in ("gb18030", "big5"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        readings.append((_plausibility(text), codec, text))
    if not readings:
        raise DecodeError("not UTF-8, GB18030 or Big5 text")
    score, codec, text = max(readings, key=lambda r: r[0])
    if score < 0.25:
        raise DecodeError("not UTF-8, GB18030 or Big5 text")
    return _checked(Decoded(text, codec))


def _checked(decoded: Decoded) -> Decoded:
    """Refuse text that is mostly control characters: binary data that happens to decode."""
    sample = decoded.text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\x0c\x1b")
    if sample and controls / len(sample) > 0.05:
        raise DecodeError("binary file (control characters)")
    if not decoded.text.strip():
        raise DecodeError("empty file (only white space)")
    return decoded
