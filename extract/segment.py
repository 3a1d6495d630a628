"""jieba's accurate mode without its HMM, ``Tokenizer.cut(text, HMM=False)``: the same words, in one pass.

The extractor cuts every report into words once, and that cut was the largest single
cost of an import's rules. jieba builds a dict of every position's word ends (its DAG),
then a dict of best routes with a generator and a logarithm per candidate, then yields
through two generators. :class:`Segmenter` runs the same algorithm over the same
dictionary: the words that end at each position, scored by the same log-probabilities
(computed once, the same floating-point operations in the same order), the same
tie-break (the longer word of two equal routes), the same blocks and the same joining of
single Latin letters and digits; it walks each block once, backwards, and returns a
list. A test checks it gives jieba's words on every text of the corpus and on generated
text.

Build it after the tokenizer's last ``add_word``: it reads the dictionary once.
"""

from __future__ import annotations

import re
from math import log
from typing import Any

__all__ = ["Segmenter"]

# jieba's own patterns (jieba.re_han_default, re_skip_default, re_eng).
_HAN_RE = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP_RE = re.compile(r"(\r\n|\s)")
_ENG = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
"""jieba's re_eng, ``[a-zA-Z0-9]``, for one character."""
_MISSING = float("nan")
"""What the table gives for no prefix of any word (a float, so the table's type stays simple)."""


class Segmenter:
    """Words of a text as ``tokenizer.cut(text, HMM=False)`` gives them."""

    def __init__(self, tokenizer: Any) -> None:
        tokenizer.check_initialized()
        logtotal = log(tokenizer.total)
        # jieba scores a word log(freq) - log(total), and a character no word starts with log(1) - log(total).
        # One table for both questions a step asks: is this a prefix of a word (a key), and a word (a score)?
        self._logp: dict[str, float | None] = {
            word: log(freq) - logtotal if freq else None for word, freq in tokenizer.FREQ.items()
        }
        self._unknown = log(1) - logtotal

    def words(self, text: str) -> list[str]:
        out: list[str] = []
        # split() with the pattern's group gives what lies between matches at even places and the
        # matches (never empty) at odd ones; the same holds for the skip pattern's pieces.
        for i, block in enumerate(_HAN_RE.split(text)):
            if i % 2:
                self._block(block, out)
            elif block:
                for j, piece in enumerate(_SKIP_RE.split(block)):
                    if j % 2:
                        out.append(piece)
                    else:
                        out.extend(piece)
        return out

    def _block(self, block: str, out: list[str]) -> None:
        n = len(block)
        logp = self._logp
        missing = _MISSING
        score = [0.0] * (n + 1)
        end = [0] * (n + 1)
        for start in range(n - 1, -1, -1):
            best, best_end = 0.0, -1
            i = start
            frag = block[start]
            while (p := logp.get(frag, missing)) is not missing:
                if p is not None:
                    route = p + score[i + 1]
                    # max() over (score, end) in jieba: of equal scores the later end wins.
                    if best_end < 0 or route >= best:
                        best, best_end = route, i
                i += 1
                if i >= n:
                    break
                frag = block[start : i + 1]
            if best_end < 0:
                best, best_end = self._unknown + score[start + 1], start
            score[start] = best
            end[start] = best_end + 1
        x = 0
        letters = ""
        while x < n:
            y = end[x]
            word = block[x:y]
            if y - x == 1 and word in _ENG:
                letters += word
            else:
                if letters:
                    out.append(letters)
                    letters = ""
                out.append(word)
            x = y
        if letters:
            out.append(letters)
