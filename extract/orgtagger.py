"""ORG names the rules miss, from a character CRF read only where an organ's name could end.

Issue 21: a linear-chain CRF over characters (tags O and B-/I- of ORG, GPE, PERSON),
trained on the corpus' gold by ``python -m bench.train_orgtagger`` (python-crfsuite, a
training-time tool only), adds ORG names the rules do not find. It is decoded here with
array operations alone (numpy): the weights file ``data/orgtagger.npz`` holds, for each
feature kind, the sorted keys of its values and one row of weights per key, so a window's
emissions are a few array look-ups.

Features ("cheap": a function of the characters alone, no word cut, no place table): the
character and its neighbours within two, the four bigrams around it, its script class,
whether it is an organ-head character (:data:`ANCHORS`), whether one of the rules' organ
heads starts at it, and the level and place-suffix classes.

Where it reads: a window of :data:`BACK` characters left of (and :data:`AHEAD` right of)
the end of each organ head of the rules' own grammar (``_ORG_HEADS`` and the chain heads of
``extract.entities``) that no span covers, inside its sentence and its line; overlapping
windows merged. All windows are decoded at once (a batched Viterbi); marginals (batched
forward-backward) only for the windows holding an ORG the policy can use.

Policy (``grow``): a CRF ORG whose mean marginal of its own tags is at least
:data:`THRESHOLD` is added when it overlaps no span, and replaces the ORG spans it strictly
contains when it overlaps nothing else. It never crosses a line break and never starts or
ends on whitespace.

The weights load on first use, once.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from operator import attrgetter
from pathlib import Path
from typing import Any

import numpy as np

from pizhu.extract.entities import _CHAIN_HEADS, _ORG_HEADS, _alternation
from pizhu.extract.models import Span

__all__ = ["MODEL_PATH", "THRESHOLD", "Model", "apply", "grow", "load", "tag_windows", "windows"]

MODEL_PATH = Path(__file__).parent / "data" / "orgtagger.npz"
THRESHOLD = 0.95
"""The policy's threshold on a span's mean marginal (chosen by the forward step, see
``bench/bench_crf_forward_results.md``)."""
CONFIDENCE = 0.4
"""A tagger-only span's confidence: that of a statistical source alone (``extract.combine.MODEL_ONLY``)."""

BACK, AHEAD = 20, 4
ANCHORS = "会委部府社局联院办组司室处心馆团署厅所校站队报网"
"""An organ's head character: the last character of most ORG names (a feature)."""
LEVEL = "省市区县州旗盟"
PLACE_SUFFIX = "镇乡村街道社区"
CLASSES = ("NL", "SP", "HAN", "DIG", "LAT", "PUN")
UNIGRAMS = {"c-2": -2, "c-1": -1, "c0": 0, "c+1": 1, "c+2": 2}
BIGRAMS = {"b-2": -2, "b-1": -1, "b+1": 0, "b+2": 1}
"""A bigram feature at offset o is the characters at o and o + 1."""
FLAGS = ("bias", "anchor", "headstart", "level", "placesuffix")

# Tries (``_alternation``): the same matches as the heads' alternation longest first, found faster.
HEAD_START_RE = _alternation(_ORG_HEADS)
"""Where one of the rules' organ heads starts (the ``headstart`` feature)."""
_GATE_HEADS = sorted({*_ORG_HEADS, *_CHAIN_HEADS}, key=len, reverse=True)
GATE_RE = _alternation(_GATE_HEADS)
"""The organ heads the rules' grammar ends a name with: where a window ends."""
_PLANE = 0x10000
_CHAR_FLAGS = {"anchor": ANCHORS, "level": LEVEL, "placesuffix": PLACE_SUFFIX}
_STOPS = re.compile("[。！？；\n]")
_LINE_BREAK = "\n"


def klass(ch: str) -> str:
    """A character's script class (a feature)."""
    if ch == "\n":
        return "NL"
    if ch.isspace():
        return "SP"
    if "\u4e00" <= ch <= "\u9fff":
        return "HAN"
    if ch.isdigit():
        return "DIG"
    if ch.isascii() and ch.isalpha():
        return "LAT"
    return "PUN"


def key(value: str) -> int:
    """The integer key of a unigram or bigram value (21 bits a character)."""
    out = 0
    for ch in value:
        out = (out << 21) | ord(ch)
    return out


class Model:
    """The weights: per feature kind, sorted keys and their rows (a zero row last, for misses)."""

    def __init__(self, path: Path) -> None:
        with np.load(path, allow_pickle=False) as data:
            self.labels = [str(x) for x in data["labels"]]
            self.transitions = data["transitions"].astype(np.float32)
            n = len(self.labels)
            self.tables: dict[str, tuple[Any, Any]] = {}
            for kind in (*UNIGRAMS, *BIGRAMS):
                rows = data[f"rows:{kind}"].astype(np.float32)
                self.tables[kind] = (data[f"keys:{kind}"], np.vstack([rows, np.zeros((1, n), np.float32)]))
            self.flags = {f: row.astype(np.float32) for f, row in zip(FLAGS, data["flags"], strict=True)}
            self.klass = {c: row.astype(np.float32) for c, row in zip(CLASSES, data["classes"], strict=True)}
        self.begin = self.labels.index("B-ORG")
        self.inside = self.labels.index("I-ORG")
        self._class_rows: dict[int, Any] = {}
        # The unigrams by direct indexing over the Basic Multilingual Plane (the rest: a miss).
        self._dense: dict[str, Any] = {}
        for kind in UNIGRAMS:
            keys = self.tables[kind][0]
            dense = np.full(_PLANE, len(keys), np.int32)
            inside = keys < _PLANE
            dense[keys[inside]] = np.flatnonzero(inside)
            self._dense[kind] = dense
        # Every bigram kind reads the same adjacent pairs, shifted: the pairs are looked up once, in the union of
        # the kinds' keys, and each kind maps a union index to its own row (its zero row where it lacks the key).
        self._pairs = np.unique(np.concatenate([self.tables[kind][0] for kind in BIGRAMS]))
        self._pair_rows: dict[str, Any] = {}
        for kind in BIGRAMS:
            keys = self.tables[kind][0]
            at = np.minimum(np.searchsorted(keys, self._pairs), max(len(keys) - 1, 0))
            held = keys[at] == self._pairs if len(keys) else np.zeros(len(self._pairs), bool)
            self._pair_rows[kind] = np.append(np.where(held, at, len(keys)), len(keys))
        # What a character alone adds (``_class_row``), kept by code point over the Basic Multilingual Plane.
        self._class_table = np.zeros((_PLANE, n), np.float32)
        self._class_known = np.zeros(_PLANE, bool)

    def emissions(self, text: str) -> Any:
        """(len(text), tags) float32: every character's emission scores."""
        n = len(text)
        cp = np.frombuffer(("\x5e\x5e" + text + "$$").encode("utf-32-le"), np.uint32).astype(np.int64)
        em = np.empty((n, len(self.labels)), np.float32)
        em[:] = self.flags["bias"]
        plane = np.minimum(cp, _PLANE - 1)
        beyond = cp >= _PLANE
        any_beyond = bool(beyond.any())
        for kind, o in UNIGRAMS.items():
            at = self._dense[kind][plane[2 + o : 2 + o + n]]
            if any_beyond:
                at[beyond[2 + o : 2 + o + n]] = len(self.tables[kind][0])
            em += self.tables[kind][1][at]
        # pair[i] is the bigram of cp[i] and cp[i + 1]: the kind at offset o reads pair[2 + o :], the same key
        # and so the same row as a look-up of its own keys (a key missing from the union is missing from each kind).
        pair = (cp[:-1] << 21) | cp[1:]
        if len(self._pairs):
            at = np.minimum(np.searchsorted(self._pairs, pair), len(self._pairs) - 1)
            found = np.where(self._pairs[at] == pair, at, len(self._pairs))
        else:
            found = np.zeros(len(pair), np.intp)
        for kind, o in BIGRAMS.items():
            em += self.tables[kind][1][self._pair_rows[kind][found[2 + o : 2 + o + n]]]
        mid = cp[2 : 2 + n]
        starts = [m.start() for m in HEAD_START_RE.finditer(text)]
        if starts:
            em[starts] += self.flags["headstart"]
        # Each code point's row is computed once (``_class_row``) and then read from a table: the same rows.
        codes = plane[2 : 2 + n]
        for code in np.unique(codes[~self._class_known[codes]]).tolist():
            self._class_table[code] = self._class_row(code)
            self._class_known[code] = True
        rows = self._class_table[codes]
        if any_beyond:
            far = np.flatnonzero(mid >= _PLANE)
            rows[far] = np.vstack([self._class_row(int(c)) for c in mid[far]])
        em += rows
        return em

    def _class_row(self, code: int) -> Any:
        """What a character alone adds: its class's row and its flags' (organ head, level, place suffix)."""
        row = self._class_rows.get(code)
        if row is None:
            ch = chr(code)
            row = self.klass.get(klass(ch), self.flags["bias"] * 0).copy()
            for name, chars in _CHAR_FLAGS.items():
                if ch in chars:
                    row += self.flags[name]
            self._class_rows[code] = row
        return row


_lock = threading.Lock()
_model: list[Model] = []


def load() -> Model:
    """The weights, loaded once (on first use)."""
    if not _model:
        with _lock:
            if not _model:
                _model.append(Model(MODEL_PATH))
    return _model[0]


def windows(text: str, spans: list[Span], gate: re.Pattern[str] = GATE_RE) -> list[tuple[int, int]]:
    """Where the tagger reads: left of each organ head (``gate``) no span covers, within its sentence and line;
    overlapping windows merged."""
    covered = bytearray(len(text) + 1)
    for span in spans:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    heads = [m.span() for m in gate.finditer(text)]
    heads = [(s, e) for s, e in heads if not covered[s] and not covered[e - 1]]
    if not heads:
        return []
    stops = [m.start() for m in _STOPS.finditer(text)]
    out: list[tuple[int, int]] = []
    for s, e in heads:
        a = max(e - BACK, 0)
        i = bisect_left(stops, s) - 1
        if i >= 0 and stops[i] >= a:
            a = stops[i] + 1
        b = min(e + AHEAD, len(text))
        brk = text.find(_LINE_BREAK, e, b)
        if brk != -1:
            b = brk
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        elif a < b:
            out.append((a, b))
    return out


def _viterbi(em: Any, lengths: Any, transitions: Any) -> Any:
    """Best paths of the (steps, rows, tags) emissions, rows longest first (each of its own length):
    (rows, steps) tag ids. At each step only the rows still running (a prefix) are touched."""
    steps, rows, n = em.shape
    back = np.zeros((steps, rows, n), np.intp)
    score = em[0].copy()
    into = np.ascontiguousarray(transitions.T)[None]  # (to, from): argmax over the last axis
    running = np.searchsorted(-lengths, -np.arange(steps + 1), side="left").tolist()  # rows with length > t
    total = np.empty((rows, n, n), np.float32)
    flat_at = np.arange(rows * n) * n  # where each (row, to) block of ``total`` starts, flattened
    best = np.empty(rows * n, np.intp)
    for t in range(1, steps):
        k = running[t]
        s = score[:k]
        step = np.add(s[:, None, :], into, out=total[:k])
        came = step.argmax(axis=2, out=back[t, :k])
        # The maximum read at the argmax (the same float), not reduced again: a reduction over a last axis of a
        # few tags costs more than the gather.
        np.add(flat_at[: k * n], came.reshape(-1), out=best[: k * n])
        step.reshape(-1).take(best[: k * n], out=s.reshape(-1))
        s += em[t, :k]
    paths = np.zeros((rows, steps), np.int64)
    final = score.argmax(axis=1)
    row = np.arange(rows)
    for t in range(steps - 1, -1, -1):
        k, ending = running[t], running[t + 1]  # rows longest first: those ending at t are running[t + 1]:k
        paths[ending:k, t] = final[ending:k]
        if t:
            paths[:k, t - 1] = back[t, row[:k], paths[:k, t]]
    return paths


def _marginals(em: Any, lengths: Any, transitions: Any) -> Any:
    """(steps, rows, tags) marginal probabilities, rows longest first: the forward-backward in probability
    space, each step's vector rescaled to sum 1 (the scale cancels in the marginals)."""
    steps, rows, n = em.shape
    em = em.astype(np.float64)
    em = np.exp(em - em.max(axis=2, keepdims=True))  # a per-character constant: cancels too
    step = np.exp(transitions.astype(np.float64))  # (from, to)
    running = np.searchsorted(-lengths, -np.arange(steps + 1), side="left")
    alpha = np.zeros((steps, rows, n))
    alpha[0] = em[0] / em[0].sum(axis=1, keepdims=True)
    for t in range(1, steps):
        k = running[t]
        a = (alpha[t - 1, :k] @ step) * em[t, :k]
        alpha[t, :k] = a / a.sum(axis=1, keepdims=True)
    beta = np.ones((steps, rows, n))
    for t in range(steps - 2, -1, -1):
        k = running[t + 1]  # rows that go on past t; the others keep beta = 1 at their last character
        b = (em[t + 1, :k] * beta[t + 1, :k]) @ step.T
        beta[t, :k] = b / b.sum(axis=1, keepdims=True)
    p = alpha * beta
    total = p.sum(axis=2, keepdims=True)
    total[total == 0] = 1  # past a row's end
    return p / total


def _batch(em: Any, spots: list[tuple[int, int]], offsets: list[int]) -> tuple[Any, Any, list[int]]:
    """The windows' emissions as one (steps, rows, tags) array, longest first; their lengths; each row's window."""
    order = sorted(range(len(spots)), key=lambda r: spots[r][0] - spots[r][1])
    lengths = np.array([spots[r][1] - spots[r][0] for r in order])
    step = np.arange(int(lengths[0]))[:, None]
    filled = step < lengths  # (steps, rows): the cells a window fills, the rest stay zero
    out = np.zeros((int(lengths[0]), len(spots), em.shape[1]), np.float32)
    # One gather: cell (t, i) is character offsets[order[i]] + t of ``em``, as the loop over windows copied.
    out[filled] = em[(np.array([offsets[r] for r in order]) + step)[filled]]
    return out, lengths, order


def tag_windows(
    text: str, spots: list[tuple[int, int]], spans: list[Span], model: Model | None = None
) -> list[tuple[int, int, float]]:
    """The ORG spans the CRF finds in ``spots`` that the policy can use (overlapping no span, or holding only
    ORG spans strictly inside), each (start, end, mean marginal of its own tags)."""
    if not spots:
        return []
    model = model or load()
    joined = "\n\n".join(text[a:b] for a, b in spots)
    em = model.emissions(joined)
    offsets, pos = [], 0
    for a, b in spots:
        offsets.append(pos)
        pos += b - a + 2
    batch, lengths, order = _batch(em, spots, offsets)
    paths = _viterbi(batch, lengths, model.transitions)
    found: list[tuple[int, int, int]] = []  # row of the batch, start, end in the window
    is_org = (paths == model.begin) | (paths == model.inside)
    spans = sorted(spans, key=attrgetter("start"))
    starts = [p.start for p in spans]
    longest = max((p.end - p.start for p in spans), default=0)
    for i in np.flatnonzero(is_org.any(axis=1)).tolist():
        a, b = spots[order[i]]
        near = spans[bisect_left(starts, a - longest) : bisect_left(starts, b)]
        for s, e in _org_runs(paths[i, : b - a].tolist(), model.begin, model.inside):
            while s < e and text[a + s].isspace():
                s += 1
            while e > s and text[a + e - 1].isspace():
                e -= 1
            if s < e and _LINE_BREAK not in text[a + s : a + e] and _usable(a + s, a + e, near):
                found.append((i, s, e))
    if not found:
        return []
    rows = sorted({order[i] for i, _s, _e in found})
    sub, sub_lengths, sub_order = _batch(em, [spots[r] for r in rows], [offsets[r] for r in rows])
    probs = _marginals(sub, sub_lengths, model.transitions)
    where = {rows[j]: k for k, j in enumerate(sub_order)}
    out = []
    for i, s, e in found:
        r = order[i]
        p = probs[s:e, where[r]]
        own = np.full(e - s, model.inside)
        own[0] = model.begin
        out.append((spots[r][0] + s, spots[r][0] + e, float(p[np.arange(e - s), own].mean())))
    out.sort()
    return out


def _org_runs(path: list[int], begin: int, inside: int) -> list[tuple[int, int]]:
    """The ORG stretches of a tag path (a run opened by B-ORG, or by I-ORG after another tag)."""
    out, start = [], -1
    for i, t in enumerate([*path, -1]):
        if start >= 0 and t != inside:
            out.append((start, i))
            start = -1
        if t == begin or (t == inside and start < 0):
            start = i
    return out


def _usable(s: int, e: int, spans: list[Span]) -> bool:
    hit = [p for p in spans if p.start < e and s < p.end]  # spans: only those near (s, e), see tag_windows
    return not hit or all(p.label == "ORG" and s <= p.start and p.end <= e and (p.start, p.end) != (s, e) for p in hit)


# After a whole body these end it (an ORG span inside a CRF span, written right before one of them, is the whole
# body): a plural or a kind (某省委 + 各工作委员会, 某市委 + 全体委员; party2), or an adverbial's preposition
# (某市政协 + 在某党委的领导下; wave7b).
_BODY_ENDS_BEFORE = frozenset("各全在对向把被由")


def _over_a_body_end(text: str, spans: list[Span], s: int, e: int) -> bool:
    """Whether (s, e) would grow an ORG span inside it over a plural or a preposition written right after it."""
    return any(
        x.label == "ORG" and s <= x.start and x.end < e and text[x.end] in _BODY_ENDS_BEFORE
        for x in spans
        if x.start < e and s < x.end
    )


def grow(text: str, spans: list[Span], threshold: float = THRESHOLD) -> list[Span]:
    """``spans`` with the tagger's sure ORG names: added where they overlap nothing, or in place of the ORG
    spans they strictly contain."""
    if not text or not MODEL_PATH.exists():
        return spans
    return apply(text, spans, tag_windows(text, windows(text, spans), spans), threshold)


def apply(
    text: str, spans: list[Span], found: list[tuple[int, int, float]], threshold: float = THRESHOLD
) -> list[Span]:
    """The ``grow`` policy: each of ``found`` (from :func:`tag_windows`) at or above ``threshold`` added, in place
    of the spans it overlaps (all of them ORG spans it strictly contains)."""
    sure = [(s, e, p) for s, e, p in found if p >= threshold and not _over_a_body_end(text, spans, s, e)]
    if not sure:
        return spans
    out = list(spans)
    for s, e, _p in sure:
        out = [x for x in out if not (x.start < e and s < x.end)]
        out.append(Span(s, e, "ORG", text[s:e], rule="orgtagger", confidence=CONFIDENCE, source="crf"))
    out.sort(key=lambda x: (x.start, -x.end, x.label))
    return out
