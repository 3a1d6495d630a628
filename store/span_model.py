"""A span classifier for ``pizhu check --model``: which label, if any, a stretch of text is.

Not the sequence tagger ``pizhu train`` builds (spaCy, minutes a training): a multinomial
logistic regression over one stretch at a time, in plain Python, trained in seconds. It
answers the question the check asks — is this gold span this label, another, or no
entity at all (``NONE``)? — with a probability for each, where a tagger that reads
nothing over a span says nothing about it.

Each stretch is described by sparse features (``span_features``): its characters (the
whole string, its first and last one to three, its length, its shape in character
classes), the characters either side, where jieba's words start and end against it and
their parts of speech, hits in extract's tables (a place's full or short name, a place at
its start, a surname at its start, a measure word at its end, 《》 around it), jieba's tag
and frequency of the whole string, and (``Elsewhere``) how often the other reports hold the
string unmarked and which labels they give it.

Training examples (``examples``): every gold span with its label; as ``NONE``, each gold
span's stretch moved by one or two characters at either end (a boundary cut or run over),
the rules' candidates the reviewers rejected, and jieba's words of two characters or more
that no gold touches (a sample, seeded by report, so ordinary words are known as none).
"""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pizhu.extract.figures import measure_kinds
from pizhu.extract.places import table as place_table

NONE = "O"
"""The class of a stretch that is no entity."""
SHIFTS = (1, 2)
"""How far a gold span's ends are moved for the ``NONE`` examples beside it."""
WORDS_PER_SPAN = 2
"""Ordinary words sampled as ``NONE`` per gold span of a report."""

_DATA = Path(str(resources.files("pizhu.extract") / "data"))
_CN_DIGITS = frozenset("〇零一二三四五六七八九十百千万亿两")
_PUNCT = frozenset("，。、；：？！,.;:?!“”‘’\"'（）()《》〈〉【】[]「」『』—…·-/ \n\t")


def _char_class(ch: str) -> str:
    if ch.isdigit():
        return "d"
    if ch in _CN_DIGITS:
        return "n"
    if ch in "《》":
        return ch
    if ch in _PUNCT:
        return "p"
    if "一" <= ch <= "鿿" or (ord(ch) > 0x3400 and ch.isalpha()):
        return "c"
    if ch.isascii() and ch.isalpha():
        return "a"
    return "o"


def _shape(text: str) -> str:
    out: list[str] = []
    for ch in text:
        c = _char_class(ch)
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[:8])


def _length(n: int) -> str:
    return str(n) if n <= 5 else "6-7" if n <= 7 else "8-11" if n <= 11 else "12+"


_lock = threading.Lock()
_state: dict[str, Any] = {}


def tables() -> dict[str, Any]:
    """jieba with extract's user dictionary (its parts of speech), the place and surname
    tables and the measure words; built once per process."""
    if _state:
        return _state
    with _lock:
        if not _state:
            import logging

            import jieba
            import jieba.posseg

            logging.getLogger("jieba").setLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.load_userdict(str(_DATA / "userdict.txt"))
            measure = measure_kinds()
            places = place_table()
            names = frozenset(n for n in (*places.kind, *places.short) if 2 <= len(n) <= 7)
            _state.update(
                posseg=jieba.posseg.POSTokenizer(tokenizer), places=places, place_names=names, measure=measure
            )
    return _state


NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "j"})
"""jieba's tags of names (people, places, bodies, other proper names, abbreviations)."""
COMMON = 200
"""A jieba dictionary word this frequent is a common word."""


def dictionary_word(word: str) -> tuple[str, int]:
    """jieba's tag and frequency of ``word`` (extract's user dictionary too), or ("", 0)."""
    posseg = tables()["posseg"]
    # jieba merges the user dictionary's tags on a first cut; merge them now, or a fresh process reads other tags.
    posseg.makesure_userdict_loaded()
    freq = posseg.tokenizer.FREQ.get(word) or 0
    return (posseg.word_tag_tab.get(word) or "x", freq) if freq else ("", 0)


def common_word(word: str) -> bool:
    """A word jieba's dictionary holds as common (``COMMON`` or more) and tags as no name nor
    numeral (m: 四个, 十五日 are figures and dates), and no place of extract's table (无为)."""
    tag, freq = dictionary_word(word)
    places = tables()["places"]
    return (
        freq >= COMMON and tag not in NAME_TAGS and tag != "m" and word not in places.short and word not in places.kind
    )


@dataclass(frozen=True)
class Words:
    """A text's jieba words: where each starts and ends, and each character's word's part of speech."""

    starts: frozenset[int]
    ends: frozenset[int]
    pos: tuple[str, ...]
    """Part of speech of the word each character is in."""
    words: tuple[tuple[int, int], ...]


def words_of(text: str) -> Words:
    posseg = tables()["posseg"]
    starts, ends, pos, words = set(), set(), [], []
    at = 0
    for pair in posseg.cut(text, HMM=False):
        word, flag = pair.word, pair.flag
        starts.add(at)
        ends.add(at + len(word))
        words.append((at, at + len(word)))
        pos += [flag] * len(word)
        at += len(word)
    return Words(frozenset(starts), frozenset(ends), tuple(pos), tuple(words))


def numeral_headed(string: str) -> bool:
    """Whether ``string`` starts with a numeral (Arabic or Chinese): a count, a date or an
    ordinal by its context, not by itself."""
    return _char_class(string[:1]) in ("d", "n") if string else False


LIST_MARKS = frozenset("、，,")
"""What separates the items of a list."""


class Elsewhere:
    """The other reports of the database: where a string stands in their text outside every
    gold span, and as which gold label."""

    def __init__(self, reports: Iterable[tuple[int, str, Iterable[tuple[int, int, str]]]]) -> None:
        self.texts: dict[int, str] = {}
        self.marked: dict[int, list[tuple[int, int]]] = {}
        self.gold: dict[str, dict[int, set[str]]] = {}
        self.ending: dict[tuple[int, int], str] = {}
        self.starting: dict[tuple[int, int], str] = {}
        for doc_id, text, spans in reports:
            self.texts[doc_id] = text
            self.marked[doc_id] = []
            for s, e, label in spans:
                self.marked[doc_id].append((s, e))
                self.ending[(doc_id, e)] = label
                self.starting[(doc_id, s)] = label
                self.gold.setdefault(text[s:e], {}).setdefault(doc_id, set()).add(label)
        self._cache: dict[str, frozenset[int]] = {}

    def unmarked_in(self, string: str) -> frozenset[int]:
        """The reports where ``string`` stands at least once outside every gold span."""
        found = self._cache.get(string)
        if found is None:
            docs = set()
            for d, text in self.texts.items():
                at = text.find(string)
                while at >= 0:
                    end = at + len(string)
                    if not any(s < end and at < e for s, e in self.marked[d]):
                        docs.add(d)
                        break
                    at = text.find(string, at + 1)
            found = self._cache[string] = frozenset(docs)
        return found

    def occurrences(self, doc_id: int, start: int, end: int) -> tuple[int, int]:
        """How often the string at ``start``-``end`` of report ``doc_id`` stands elsewhere in
        every report (its own too) outside every gold span, and how often it is gold elsewhere.
        A string headed by a numeral (四个, 六届) is a count or not by the word governing it
        (共召开六届委员会议 counts, 第六届 names a term): its unmarked places count only where
        the character before it is the same as here."""
        own = self.texts[doc_id]
        string = own[start:end]
        before = own[start - 1 : start] if numeral_headed(string) else None
        free = gold = 0
        for d, text in self.texts.items():
            at = text.find(string)
            while at >= 0:
                stop = at + len(string)
                if (
                    not (d == doc_id and at == start)
                    and not any(s < stop and at < e for s, e in self.marked[d])
                    and (before is None or text[at - 1 : at] == before)
                ):
                    free += 1
                at = text.find(string, at + 1)
        for d in self.gold.get(string, {}):
            gold += sum(1 for s, e in self.marked[d] if self.texts[d][s:e] == string and (d, s) != (doc_id, start))
        return free, gold

    def labels(self, doc_id: int, string: str) -> set[str]:
        """The labels ``string`` is gold as in the other reports."""
        return {label for d, labels in self.gold.get(string, {}).items() if d != doc_id for label in labels}

    def unmarked(self, doc_id: int, string: str) -> int:
        """How many other reports hold ``string`` outside every gold span."""
        return len(self.unmarked_in(string) - {doc_id})

    def listed(self, doc_id: int, start: int, end: int) -> list[str]:
        """The labels of the gold spans beside ``start``-``end`` in a list (九牧、管厝、水北街)."""
        text = self.texts.get(doc_id, "")
        f = []
        if start >= 1 and text[start - 1] in LIST_MARKS and (doc_id, start - 1) in self.ending:
            f.append("listed_after=" + self.ending[(doc_id, start - 1)])
        if end < len(text) and text[end] in LIST_MARKS and (doc_id, end + 1) in self.starting:
            f.append("listed_before=" + self.starting[(doc_id, end + 1)])
        return f

    def features(self, doc_id: int, string: str) -> list[str]:
        """How many other reports hold ``string`` unmarked, and the labels it is gold as in others."""
        n = self.unmarked(doc_id, string)
        f = ["unmarked=" + ("0" if not n else "1" if n == 1 else "2-3" if n <= 3 else "4+")]
        labels = self.labels(doc_id, string)
        f += sorted("gold_elsewhere=" + label for label in labels) or ["gold_elsewhere=none"]
        return f


def _splits_entry(text: str, at: int, names: frozenset[str]) -> bool:
    """Whether one of ``names`` (two to seven characters) runs across ``at``: a character of it
    on either side (梅河|口市政协 splits 梅河口市)."""
    for a in range(max(0, at - 6), at):
        for b in range(at + 1, min(len(text), a + 7) + 1):
            if text[a:b] in names:
                return True
    return False


BODIES = ("政协", "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟", "中共", "共青团", "工商联")
"""Bodies whose local committee is named by the body and then its place (民盟临沂市委员会, 政协鱼台县)."""


def body_before(text: str, at: int) -> bool:
    """Whether a body of ``BODIES`` ends right before ``at`` and a place of extract's table
    starts there: the name 民盟|临沂市第六届委员会 runs across ``at``."""
    if not text[:at].endswith(BODIES):
        return False
    names = tables()["place_names"]
    return any(text[at : at + k] in names for k in range(2, 8))


def cuts_through(text: str, at: int, words: Words, start: bool) -> bool:
    """Whether a span's edge at ``at`` (its start, or else its end) cuts through a jieba word,
    a number (a digit on either side), a place of extract's table or a body's name before its
    place (``body_before``)."""
    if (at not in words.starts) if start else (at not in words.ends):
        return True
    if text[at - 1 : at].isdigit() and text[at : at + 1].isdigit():
        return True
    if start and body_before(text, at):
        return True
    return 0 < at < len(text) and _splits_entry(text, at, tables()["place_names"])


def edge_features(text: str, start: int, end: int, words: Words) -> list[str]:
    """What the stretch's two edges cut through: the classes of the characters either side of
    each edge together with whether a jieba word runs across it (``W``: 20|多人, 2023年01月1|1
    cut a number; 梅河|口市 a word), and whether a place of extract's table runs across it.
    A gold name's edge rarely cuts a word or a number; a reviewer's slip of the boundary does."""
    names = tables()["place_names"]
    f = []
    if start > 0:
        cross = "W" if start not in words.starts else "w"
        f.append("edge_s=" + _char_class(text[start - 1]) + _char_class(text[start]) + cross)
        if _splits_entry(text, start, names):
            f.append("edge_s_place")
    if end < len(text):
        cross = "W" if end not in words.ends else "w"
        f.append("edge_e=" + _char_class(text[end - 1]) + _char_class(text[end]) + cross)
        if _splits_entry(text, end, names):
            f.append("edge_e_place")
    return f


RULE = "rule_"
"""The prefix of the features ``rule_features`` gives."""
Candidate = tuple[int, int, str, float]
"""A rule's candidate of a report (extract's, as stored): start, end, label, the rule's confidence."""


def _confidence(c: float) -> str:
    return "hi" if c >= 0.9 else "mid" if c >= 0.6 else "lo"


def rule_features(start: int, end: int, candidates: Sequence[Candidate]) -> list[str]:
    """What the rules proposed over the stretch: each overlapping candidate's label, whether its
    boundaries are the stretch's (or it runs wider, lies inside, crosses it; which end is shared)
    and its rule's confidence. The model learns from the other folds how far the gold follows
    the rules, so a reviewer's correction the other reports also make is no contradiction."""
    f = []
    for s, e, label, confidence in candidates:
        if s >= end or e <= start:
            continue
        if (s, e) == (start, end):
            where = "same"
        elif s <= start and e >= end:
            where = "wider"
        elif s >= start and e <= end:
            where = "inside"
        else:
            where = "cross"
        ends = ("S" if s == start else "s") + ("E" if e == end else "e")
        f += ["rule_" + where + "=" + label, "rule_ends=" + ends, "rule_conf=" + label + _confidence(confidence)]
    return f or ["rule_none"]


def span_features(
    text: str,
    start: int,
    end: int,
    words: Words,
    elsewhere: Elsewhere | None = None,
    doc_id: int = 0,
    candidates: Sequence[Candidate] | None = None,
) -> list[str]:
    """The features of the stretch ``text[start:end]`` (see the module's note)."""
    t = tables()
    places, measure = t["places"], t["measure"]
    span = text[start:end]
    n = len(span)
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    shape = _shape(span)
    bound = ("S" if start in words.starts else "s") + ("E" if end in words.ends else "e")
    f = [
        "bias",
        "len=" + _length(n),
        "shape=" + shape,
        "f1=" + span[:1],
        "f2=" + span[:2],
        "l1=" + span[-1:],
        "l2=" + span[-2:],
        "l3=" + span[-3:],
        "p1=" + before[-1:],
        "p2=" + before,
        "n1=" + after[:1],
        "n2=" + after,
        "p1c=" + (_char_class(before[-1]) if before else "^"),
        "n1c=" + (_char_class(after[0]) if after else "$"),
        "bound=" + bound,
        "bound_shape=" + bound + shape,
        "l1_shape=" + span[-1:] + shape,
        "f1_len=" + span[:1] + _length(n),
        "pos_first=" + words.pos[start],
        "pos_last=" + words.pos[end - 1],
        "pos_before=" + (words.pos[start - 1] if start else "^"),
        "pos_after=" + (words.pos[end] if end < len(text) else "$"),
    ]
    if n <= 12:
        f.append("w=" + span)
    tag, freq = dictionary_word(span)
    if tag:
        f.append("dict=" + tag + ("+" if freq >= COMMON else "-"))
    if bound == "SE":
        inside = sum(1 for s in words.starts if start <= s < end)
        f.append("words=" + str(min(inside, 4)))
        if inside == 1:
            f.append("word_pos=" + words.pos[start])
    if span in places.kind:
        f.append("place=" + places.kind[span])
    if span in places.short:
        f.append("short=" + places.short[span])
    for k in range(min(n - 1, 7), 1, -1):
        head = span[:k]
        if head in places.kind or head in places.short:
            f += ["place_head", "place_head_l1=" + span[-1:]]
            break
    if span[:1] in places.plain_surnames:
        f.append("surname_plain_len=" + _length(n))
    elif span[:1] in places.surnames:
        f.append("surname_len=" + _length(n))
    if span[:2] in places.surnames:
        f.append("surname2_len=" + _length(n))
    for k in (3, 2, 1):
        if n > k and span[-k:] in measure:
            f += ["measure=" + measure[span[-k:]], "measure_shape=" + shape]
            break
    if before[-1:] in '“‘"「『' and after[:1] in '”’"」』':
        f.append("quoted")
    f += edge_features(text, start, end, words)
    if elsewhere is not None:
        f += elsewhere.features(doc_id, span) + elsewhere.listed(doc_id, start, end)
    if candidates is not None:
        f += rule_features(start, end, candidates)
    return f


@dataclass(frozen=True)
class Example:
    features: list[str]
    label: str


def examples(
    text: str,
    gold: Sequence[tuple[int, int, str]],
    rejected: Iterable[tuple[int, int]] = (),
    seed: int = 0,
    words: Words | None = None,
    elsewhere: Elsewhere | None = None,
    doc_id: int = 0,
    candidates: Sequence[Candidate] | None = None,
) -> list[Example]:
    """The training examples of one report: its gold spans, and ``NONE`` stretches beside them,
    its ``rejected`` places and a sample of its words no gold touches."""
    words = words or words_of(text)
    places = {(s, e) for s, e, _label in gold}
    out = [
        Example(span_features(text, s, e, words, elsewhere, doc_id, candidates), label) for s, e, label in gold if e > s
    ]
    negatives: set[tuple[int, int]] = set()
    for s, e, _label in gold:
        for d in SHIFTS:
            for a, b in ((s + d, e), (s - d, e), (s, e - d), (s, e + d)):
                if 0 <= a < b <= len(text) and "\n" not in text[a:b]:
                    negatives.add((a, b))
    negatives |= {(a, b) for a, b in rejected if b > a}
    touched = [(s, e) for s, e in places]
    free = [
        (a, b)
        for a, b in words.words
        if b - a >= 2 and text[a].strip() and not any(s < b and a < e for s, e in touched)
    ]
    rng = random.Random(f"{seed}:{len(text)}:{text[:20]}")
    negatives |= set(rng.sample(free, min(len(free), WORDS_PER_SPAN * len(gold))))
    out += [
        Example(span_features(text, a, b, words, elsewhere, doc_id, candidates), NONE)
        for a, b in sorted(negatives - places)
    ]
    return out


class SpanModel:
    """Multinomial logistic regression over sparse features, trained by stochastic gradient descent."""

    def __init__(self, classes: Sequence[str]) -> None:
        self.classes = tuple(classes)
        self.index: dict[str, int] = {}
        self.weights: list[list[float]] = []

    def _ids(self, features: Iterable[str], grow: bool) -> list[int]:
        ids = []
        for name in features:
            i = self.index.get(name)
            if i is None:
                if not grow:
                    continue
                i = self.index[name] = len(self.weights)
                self.weights.append([0.0] * len(self.classes))
            ids.append(i)
        return ids

    def _probabilities(self, ids: list[int]) -> list[float]:
        if not ids:
            return [1.0 / len(self.classes)] * len(self.classes)
        scores = [sum(column) for column in zip(*(self.weights[i] for i in ids), strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def fit(
        self,
        data: Sequence[Example],
        epochs: int = 8,
        rate: float = 0.2,
        seed: int = 0,
        none_weight: float = 1.0,
        on_epoch: Callable[[int], None] | None = None,
    ) -> SpanModel:
        """Train on ``data``; a ``NONE`` example's step is ``none_weight`` times a label's."""
        rows = [
            (self._ids(x.features, grow=True), self.classes.index(x.label), none_weight if x.label == NONE else 1.0)
            for x in data
        ]
        rng = random.Random(seed)
        for epoch in range(1, epochs + 1):
            rng.shuffle(rows)
            step = rate / (1 + 0.5 * (epoch - 1))
            for ids, y, weight in rows:
                p = self._probabilities(ids)
                p[y] -= 1.0
                gradient = [step * weight * g for g in p]
                for i in ids:
                    self.weights[i] = [w - g for w, g in zip(self.weights[i], gradient, strict=True)]
            if on_epoch:
                on_epoch(epoch)
        return self

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """Each class's probability for a stretch with ``features``."""
        return dict(zip(self.classes, self._probabilities(self._ids(features, grow=False)), strict=True))
