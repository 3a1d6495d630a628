"""Arbitrary report-like text and the check of an offset map, for the normalization
property tests and ``bench/bench_faults.py``: ``texts`` mixes arbitrary text with pieces
that exercise each normalization step; ``check_map`` holds a normalized text's offsets to
the raw text (valid, in order, each character traceable, the stored map equal).
"""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

import opencc
from hypothesis import strategies as st

from pizhu.store.records import OffsetMap

# Pieces that exercise each normalization step and the section finder, to mix with
# arbitrary text: glosses, Traditional phrases, OCR spacing, full-width figures,
# headings, captions, page furniture, invisible characters and line endings.
FRAGMENTS = (
    "政協(xié)",
    "會(huì)議(yì)",
    "召開(k",
    "（xiè）",
    "乾隆",
    "頭髮",
    "著作",
    "於是",
    "９３．３５％",
    "１２次",
    "93.35万元",
    "办复率100%",
    "近30条",
    "一、强化政治引领",
    "（二）聚焦中心",
    "1.深化协商",
    "# 标题",
    "【概况】",
    "▲2023年5月1日,政协委员调研。",
    "版面 / 张三 校对 / 李四",
    "——某某区政协2023年度工作综述",
    "委员 履职",
    "王强 李明 张伟",
    "\u3000王强\u3000李明\u3000张伟 赵磊\u3000",
    "3 次",
    "\u3000\u3000",
    "\u200b",
    "\ufeff",
    "\u00ad",
    "\r\n",
    "\r",
    "\n",
    "\n\n\n",
    "e\u0301",
    "\u0301\u0302",
    "👨‍👩‍👧",
    "🇨🇳",
    "\x00\x07\x1b[31m",
    "\x85\u2028\u2029",
    "Ａｂｃ",
    "ＡＢ１２",
    "أهلا",
    "שלום",
    "Привет",
    "。",
    "，",
)

texts = st.lists(
    st.one_of(st.text(max_size=8), st.sampled_from(FRAGMENTS)),
    max_size=40,
).map("".join)


_FULLWIDTH = {chr(0xFF10 + d): str(d) for d in range(10)} | {"％": "%", "．": "."}


@functools.cache
def _t2s_targets() -> dict[str, frozenset[str]]:
    """Every character OpenCC's t2s may turn a character into, alone or inside a phrase."""
    folder = Path(opencc.__file__).parent / "dictionary"
    targets: dict[str, set[str]] = {}
    for name in ("TSCharacters.txt", "TSPhrases.txt"):
        for line in (folder / name).read_text("utf-8").splitlines():
            key, _, values = line.partition("\t")
            for value in values.split(" "):
                if len(value) == len(key):
                    for a, b in zip(key, value, strict=True):
                        targets.setdefault(a, set()).add(b)
    return {k: frozenset(v) for k, v in targets.items()}


def comes_from(normalized_char: str, raw_char: str) -> bool:
    """Whether a normalization step may have turned ``raw_char`` into ``normalized_char``."""
    candidates = {raw_char} | _t2s_targets().get(raw_char, frozenset())
    if raw_char == "\r":
        candidates.add("\n")
    candidates |= {_FULLWIDTH[c] for c in candidates if c in _FULLWIDTH}
    return normalized_char in candidates


def check_map(raw: str, text: str, offsets: object, *, stored_end: bool) -> None:
    """Offsets valid and in order, characters traceable, the stored run-length map equal.

    ``normalize`` and ``prepare`` map the end of the text to the end of the raw text, as
    the stored map does; ``stored_end`` says to compare that last entry too.
    """
    offsets = list(offsets)  # type: ignore[call-overload]
    assert len(offsets) == len(text) + 1
    assert offsets[-1] <= len(raw)
    body = offsets[:-1]
    assert all(0 <= o < len(raw) for o in body)
    # One raw character gives at most one normalized character, in order.
    assert all(a < b for a, b in itertools.pairwise(body))
    assert not body or body[-1] < offsets[-1]
    for i, o in enumerate(body):
        assert comes_from(text[i], raw[o]), (i, text[i], raw[o])
    stored = OffsetMap.from_offsets(offsets, len(raw))
    compared = offsets if stored_end else body
    assert all(stored.to_raw(i) == o for i, o in enumerate(compared))
