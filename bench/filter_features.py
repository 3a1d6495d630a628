"""A learned filter over the pipeline's PERSON, ORG, GPE and SLOGAN spans: features and inference (measured by
``bench/bench_filter.py``, not adopted: see ``bench/bench_filter_results.md``).

Each span the pipeline outputs is described by sparse features that name kinds, never the
span's whole string (which would memorize the reports it was trained on): its label's rule,
source and confidence, its length and shape in character classes, its first and last
characters and the characters either side (with their classes), where the extractor's jieba
words start and end against it, whether extract's place table knows it or its head, whether it
stands inside quotes or 《》, the spans beside it in a list, and how often its string occurs in
the text and among the other spans (as this label or another, inside a longer span's string or
holding a shorter one).

A logistic regression per label (``bench/train_filter.py`` trains it and writes its weights as JSON)
gives the probability that the span is right; a span of a label the weights hold whose probability is
under that label's threshold is dropped (``filter_spans``). Labels they do not hold pass untouched.
Inference is dict lookups and a sum: no dependency beyond the extractor's own.
"""

from __future__ import annotations

import json
import math
import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pizhu.extract.models import Span
from pizhu.extract.places import table as place_table

__all__ = [
    "FORMAT",
    "LABELS",
    "Weights",
    "features",
    "filter_spans",
    "load",
    "probability",
    "span_features",
    "word_bounds",
]

LABELS = ("PERSON", "ORG", "GPE", "SLOGAN")
"""The labels a filter may be trained for."""
FORMAT = 1
"""The weights file's format (``format`` in it)."""

_CN_DIGITS = frozenset("〇零一二三四五六七八九十百千万亿两")
_OPEN_QUOTES = frozenset('“‘"「『')
_CLOSE_QUOTES = frozenset('”’"」』')
_LIST_MARKS = frozenset("、，,和及与")
_REACH = 60
"""How far before and after a span 《 and 》 (or quotes) are looked for."""


def _char_class(ch: str) -> str:
    if not ch:
        return "^"
    if ch.isdigit():
        return "d"
    if ch in _CN_DIGITS:
        return "n"
    if ch in "《》（）()":
        return ch
    if ch == "\n":
        return "b"
    if "一" <= ch <= "鿿" or (ord(ch) > 0x3400 and ch.isalpha()):
        return "c"
    if ch.isascii() and ch.isalpha():
        return "a"
    if ch.isspace():
        return "s"
    return "p"


def _shape(text: str) -> str:
    out: list[str] = []
    for ch in text:
        c = _char_class(ch)
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[:6])


def _length(n: int) -> str:
    return str(n) if n <= 5 else "6-7" if n <= 7 else "8-11" if n <= 11 else "12+"


def _count(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2-3" if n <= 3 else "4+"


def word_bounds(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """Where the extractor's jieba words of ``text`` start and end (its own cut: no new work when the
    rules have just read the same text)."""
    from pizhu.extract import entities

    tokens = entities._tokens(text, entities._init())
    return entities._token_starts(tokens), entities._token_ends(tokens)


def _enclosed(text: str, start: int, end: int, opening: frozenset[str], closing: frozenset[str]) -> bool:
    """Whether an opening mark stands before ``start`` (nearer than any closing one) and a closing mark after ``end``
    (nearer than any opening one), within ``_REACH`` characters and on the same line."""
    for i in range(start - 1, max(-1, start - _REACH), -1):
        ch = text[i]
        if ch in opening:
            break
        if ch in closing or ch == "\n":
            return False
    else:
        return False
    for i in range(end, min(len(text), end + _REACH)):
        ch = text[i]
        if ch in closing:
            return True
        if ch in opening or ch == "\n":
            return False
    return False


class _Context:
    """What every span of one text is compared with: the spans' strings by label, their starts and ends."""

    def __init__(self, text: str, spans: Sequence[Span]) -> None:
        self.text = text
        self.as_label: dict[str, Counter[str]] = {}
        for s in spans:
            self.as_label.setdefault(s.text, Counter())[s.label] += 1
        self.ending = {s.end: s.label for s in spans}
        self.starting = {s.start: s.label for s in spans}
        self.labels_of: dict[str, set[str]] = {}
        for s in spans:
            if s.label in LABELS:
                self.labels_of.setdefault(s.text, set()).add(s.label)
        distinct: dict[str, list[str]] = {}
        for string, labels in self.labels_of.items():
            for label in labels:
                distinct.setdefault(label, []).append(string)
        # Each label's distinct strings in one text, apart: a string stands inside a longer one of the label
        # when it occurs there more often than as itself.
        self.joined = {label: "\0".join(strings) for label, strings in distinct.items()}
        self.occurrences: dict[str, int] = {}

    def occurs(self, string: str) -> int:
        n = self.occurrences.get(string)
        if n is None:
            n = self.occurrences[string] = self.text.count(string)
        return n


def features(span: Span, context: _Context, bounds: tuple[frozenset[int], frozenset[int]]) -> list[str]:
    """The features of ``span`` (one of the pipeline's spans over ``context``'s text)."""
    text, start, end, string = context.text, span.start, span.end, span.text
    n = len(string)
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    shape = _shape(string)
    starts, ends = bounds
    bound = ("S" if start in starts else "s") + ("E" if end in ends else "e")
    rule = span.rule or "-"
    confidence = "hi" if span.confidence >= 0.9 else "mid" if span.confidence >= 0.6 else "lo"
    f = [
        "bias",
        "src=" + span.source,
        "rule=" + rule,
        "src_rule=" + span.source + ":" + rule,
        "conf=" + confidence,
        "len=" + _length(n),
        "shape=" + shape,
        "f1=" + string[:1],
        "l1=" + string[-1:],
        "l2=" + string[-2:],
        "p1=" + before[-1:],
        "n1=" + after[:1],
        "p2=" + before,
        "n2=" + after,
        "p1c=" + _char_class(before[-1:]),
        "n1c=" + _char_class(after[:1]),
        "bound=" + bound,
        "bound_len=" + bound + _length(n),
        "l1_len=" + string[-1:] + _length(n),
    ]
    inside = sum(1 for i in range(start + 1, end) if i in starts)
    f.append("words=" + str(min(inside + 1, 4)) if bound == "SE" else "words=cut")
    places = place_table()
    if string in places.kind:
        f.append("place=" + places.kind[string])
    elif string in places.short:
        f.append("short=" + places.short[string])
    else:
        for k in range(min(n - 1, 7), 1, -1):
            head = string[:k]
            if head in places.kind or head in places.short:
                f += ["place_head", "place_head_rest=" + _length(n - k), "place_head_l1=" + string[-1:]]
                break
    if string[:1] in places.plain_surnames:
        f.append("surname_plain_len=" + _length(n))
    elif string[:1] in places.surnames:
        f.append("surname_len=" + _length(n))
    if _enclosed(text, start, end, frozenset("《"), frozenset("》")):
        f.append("in_book")
    if _enclosed(text, start, end, _OPEN_QUOTES, _CLOSE_QUOTES):
        f.append("in_quotes")
    if before[-1:] in _OPEN_QUOTES and after[:1] in _CLOSE_QUOTES:
        f.append("quoted")
    if start >= 1 and text[start - 1] in _LIST_MARKS and (start - 1) in context.ending:
        f.append("listed_after=" + context.ending[start - 1])
    if end < len(text) and text[end] in _LIST_MARKS and (end + 1) in context.starting:
        f.append("listed_before=" + context.starting[end + 1])
    if start in context.ending:
        f.append("touch_before=" + context.ending[start])
    if end in context.starting:
        f.append("touch_after=" + context.starting[end])
    labels = context.as_label.get(string, Counter())
    f.append("as_same=" + _count(labels[span.label] - 1))
    f += sorted("as_other=" + label for label in labels if label != span.label)
    f.append("occurs=" + _count(context.occurs(string)))
    f.append("occurs_free=" + _count(context.occurs(string) - sum(labels.values())))
    inside_of = sorted(
        label
        for label, joined in context.joined.items()
        if joined.count(string) > (label in context.labels_of.get(string, ()))
    )
    holds = sorted(
        {
            label
            for a in range(n)
            for b in range(a + 1, n + 1)
            if b - a < n
            for label in context.labels_of.get(string[a:b], ())
        }
    )
    f += ["inside_of=" + label for label in inside_of] or ["inside_of=none"]
    f += ["holds=" + label for label in holds]
    return [span.label + ":" + x for x in f]


Weights = dict[str, dict[str, Any]]
"""label → {"threshold": float, "weights": {feature: float}}."""

_lock = threading.Lock()
_loaded: dict[str, Weights] = {}


def load(path: Path) -> Weights:
    """A weights file's per-label weights and thresholds (read once); {} when absent."""
    key = str(path)
    cached = _loaded.get(key)
    if cached is not None:
        return cached
    with _lock:
        file = Path(key)
        data = json.loads(file.read_text("utf-8")) if file.exists() else {"format": FORMAT, "labels": {}}
        if data.get("format") != FORMAT:
            raise ValueError(f"{file}: format {data.get('format')!r}, expected {FORMAT}")
        _loaded[key] = data["labels"]
    return _loaded[key]


def probability(weights: dict[str, float], feats: Sequence[str]) -> float:
    """The logistic probability that a span with ``feats`` is right."""
    z = sum(weights.get(x, 0.0) for x in feats)
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def filter_spans(text: str, spans: list[Span], weights: Weights) -> list[Span]:
    """``spans`` without those of a filtered label whose probability of being right is under its threshold."""
    if not weights or not any(s.label in weights for s in spans):
        return spans
    context = _Context(text, spans)
    bounds = word_bounds(text)
    out = []
    for s in spans:
        model = weights.get(s.label)
        if model is None or probability(model["weights"], features(s, context, bounds)) >= model["threshold"]:
            out.append(s)
    return out


def span_features(text: str, spans: Sequence[Span], labels: Sequence[str] = LABELS) -> list[list[str]]:
    """The features of every span of ``labels`` among ``spans`` (the pipeline's output over ``text``), in order."""
    context = _Context(text, spans)
    bounds = word_bounds(text)
    return [features(s, context, bounds) for s in spans if s.label in labels]
