"""Bench: does a character CRF add the ORG/GPE/PERSON spans the rules miss on pages they never saw? Forward-chained.

Issue 21, the CRF of ``bench_crf`` measured the way the rules are: pages labelled blind in
waves, each scored over the candidates of the extractor as it stood before the wave.

    pip install -e ".[crf]"       # python-crfsuite: not a run-time dependency of pizhu; the bench alone uses it
    nice python -m bench.bench_crf_forward --cache /tmp/crf_forward

Waves (dev texts by number) and the extractor that had not seen them: W1 430-501 at 60f8549
(0.3.38), W2 502-585 at 6a40771 (0.3.44), W3 590-637 at d533c79 (0.3.50). Fold k (k = 2, 3)
trains the CRF on the dev texts numbered below Wk (and the seeds), tags Wk and adds its spans
to the pre-Wk extractor's candidates under a policy. The policy's threshold t is chosen
inside the fold's training texts, by the same forward step one wave earlier: the CRF
trained below W(k-1), over W(k-1) and the extractor before W(k-1). Nothing of a fold's
test wave chooses anything.

Policies (each with a threshold t on the span's mean marginal of its own B-/I- tags):
``add`` CRF spans of ORG, GPE or PERSON overlapping no pipeline span of any label;
``add-ORG`` the same, ORG spans alone; ``grow`` ``add`` and, for a CRF span that strictly
contains pipeline spans of its own label (and overlaps no other), the CRF span in their place.

Variants: ``--features full`` (``bench_crf``'s, with the word cut and the place table) or
``cheap`` (characters alone: what an extractor could compute with array operations);
``--gate`` tags only windows before organ-head characters no candidate covers (and, with
crfsuite, around candidate ORGs); ``--array`` decodes the cheap model with ``ArrayCRF``
(numpy: the same tags and marginals as crfsuite ungated) and times today's ``extract_spans``
over the same texts, so the tagger's cost reads as a share of the extraction's.

The old extractors' candidates are computed by running each commit (``git archive``) over
the texts as they are prepared by that commit, and cached under ``--cache``. The test half
and the held-out batch are never read.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

import numpy as np
import pycrfsuite

from bench.bench_crf import (
    _HEAD_RE,
    _LEVEL,
    _PLACE_SUFFIX,
    LABELS,
    Candidate,
    _klass,
    bio,
    decoded,
    features,
    place,
    span_marginal,
)
from bench.bench_rerank import ROOT, _sets, _texts
from pizhu.extract.crf import viterbi
from pizhu.extract.evaluate import score

WAVES = {1: (430, 501, "60f8549"), 2: (502, 585, "6a40771"), 3: (590, 637, "d533c79")}
GRID = (0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
POLICIES = ("add", "add-ORG", "grow")

_RUNNER = """
import json, sys
from pathlib import Path
from pizhu.extract.document import prepare
from pizhu.extract.pipeline import extract_spans
from pizhu.store.sources import read_source
out = {}
for path in json.load(sys.stdin):
    source = read_source(Path(path).read_bytes())
    out[Path(path).name] = [
        [d.text, [[s.start, s.end, s.label, s.text] for s in extract_spans(d.text)]]
        for d in prepare(source.text, source.layout)
    ]
json.dump(out, sys.stdout, ensure_ascii=False)
"""

Drafts = list[tuple[str, list[Candidate]]]


def number(doc: str) -> int:
    return int(doc[:3]) if doc[:3].isdigit() else -1


def candidates(commit: str, paths: list[Path], cache: Path) -> dict[str, Drafts]:
    """Per report: its drafts as ``commit`` prepares them, with that commit's pipeline spans (cached)."""
    file = cache / f"{commit}-{number(paths[0].name)}-{number(paths[-1].name)}.json"
    if not file.exists():
        archive = subprocess.run(
            ["git", "archive", commit, "extract", "pizhu", "store"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        with tempfile.TemporaryDirectory() as folder:
            with tarfile.open(fileobj=BytesIO(archive)) as tar:
                tar.extractall(folder, filter="data")
            run = subprocess.run(
                [sys.executable, "-c", _RUNNER],
                input=json.dumps([str(p) for p in paths]),
                env={**os.environ, "PYTHONPATH": folder},
                cwd=folder,
                capture_output=True,
                text=True,
                check=True,
            )
        file.write_text(run.stdout, "utf-8")
    raw = json.loads(file.read_text("utf-8"))
    return {
        doc: [(t, [(s, e, lab, txt) for s, e, lab, txt in spans]) for t, spans in drafts] for doc, drafts in raw.items()
    }


def train(seqs: list[tuple[str, list[str]]], path: str, kind: str) -> float:
    began = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, tags in seqs:
        trainer.append(FEATURES[kind](text), tags)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True})
    trainer.train(path)
    return time.perf_counter() - began


Tagged = list[tuple[list[Candidate], dict[tuple[int, int, str], float]]]
"""Per draft: the CRF's spans, and the marginal of every span a policy may ask about."""


_ANCHOR = re.compile("[会委部府社局联院办组司室处心馆团署厅所校站队报网]")
"""An organ's head character (the last character of most ORG names): where a name the rules missed may end."""
_STOP = frozenset("。！？；\n")


def windows(text: str, cands: list[Candidate], around: bool = True) -> list[tuple[int, int]]:
    """Where the gated CRF looks: before each organ-head character no candidate covers, and around each
    candidate ORG (a longer name may hold it), within the sentence; overlapping windows merged."""
    covered = bytearray(len(text))
    for s, e, _lab, _t in cands:
        covered[s:e] = b"\x01" * (e - s)
    spots = [(m.start() - BACK, m.end() + AHEAD) for m in _ANCHOR.finditer(text) if not covered[m.start()]]
    if around:
        spots += [(s - AROUND, e + AHEAD) for s, e, lab, _t in cands if lab == "ORG"]
    out: list[tuple[int, int]] = []
    for a, b in sorted(spots):
        a, b = max(a, 0), min(b, len(text))
        stop = max((text.rfind(c, a, b - AHEAD) for c in _STOP), default=-1)
        a = max(a, stop + 1)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        elif a < b:
            out.append((a, b))
    return out


BACK, AHEAD, AROUND = 20, 4, 12


def cheap_features(text: str) -> list[list[str]]:
    """A restricted set, every feature a function of the characters alone (no word cut, no place table),
    so that an extractor could compute it with array operations: the character and its neighbours within
    two, the four bigrams around it, its script class, whether it is an organ-head character (of the
    gate's class) or starts one of the rules' organ heads, and the level and place-suffix classes."""
    padded = "^^" + text.replace("\x00", "\n") + "$$"
    heads = bytearray(len(text))
    for m in _HEAD_RE.finditer(text):
        heads[m.start()] = 1
    out = []
    for i, ch in enumerate(text):
        c = padded[i : i + 5]
        f = [
            "bias",
            "c0=" + c[2],
            "c-1=" + c[1],
            "c-2=" + c[0],
            "c+1=" + c[3],
            "c+2=" + c[4],
            "b-1=" + c[1:3],
            "b+1=" + c[2:4],
            "b-2=" + c[0:2],
            "b+2=" + c[3:5],
            "k0=" + _klass(ch),
        ]
        if _ANCHOR.match(ch):
            f.append("anchor")
        if heads[i]:
            f.append("headstart")
        if ch in _LEVEL:
            f.append("level")
        if ch in _PLACE_SUFFIX:
            f.append("placesuffix")
        out.append(f)
    return out


FEATURES = {"full": features, "cheap": cheap_features}

_UNIGRAMS = {"c-2": -2, "c-1": -1, "c0": 0, "c+1": 1, "c+2": 2}
_BIGRAMS = {"b-2": -2, "b-1": -1, "b+1": 0, "b+2": 1}
_FLAGS = ("bias", "anchor", "headstart", "level", "placesuffix")


class ArrayCRF:
    """The cheap-feature model decoded with array operations, as an extractor could afford: emissions by
    sorted-key lookups, Viterbi (``extract.crf.viterbi``) and forward-backward only over the stretches where
    some entity tag's emission comes within ``delta`` of O's (elsewhere the tag is O), each widened by
    ``pad`` characters."""

    def __init__(self, path: str, delta: float = 4.0, pad: int = 3) -> None:
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        self.labels = tagger.labels()
        with tempfile.TemporaryDirectory() as folder:
            tagger.dump(f"{folder}/dump.txt")
            dump = Path(f"{folder}/dump.txt").read_text("utf-8")
        tagger.close()
        index = {lab: i for i, lab in enumerate(self.labels)}
        n = len(self.labels)
        self.o = index["O"]
        self.transitions = np.zeros((n, n), np.float32)
        part = dump[dump.index("TRANSITIONS = {") : dump.index("STATE_FEATURES = {")]
        for a, b, w in re.findall(r"\(\d+\) (\S+) --> (\S+): (\S+)\n", part):
            self.transitions[index[a], index[b]] = float(w)
        tables: dict[str, dict[str, Any]] = {}
        part = dump[dump.index("STATE_FEATURES = {") :]
        for attr, lab, w in re.findall(r"\(\d+\) (.*?) --> (\S+): (\S+)\n", part, re.S):
            kind, _, value = attr.partition("=")
            tables.setdefault(kind, {}).setdefault(value, np.zeros(n, np.float32))[index[lab]] += float(w)
        self.keys: dict[str, tuple[Any, Any]] = {}
        for kind in (*_UNIGRAMS, *_BIGRAMS):
            items = [
                (sum(ord(c) << (21 * (len(v) - 1 - j)) for j, c in enumerate(v)), w)
                for v, w in tables.get(kind, {}).items()
                if len(v) == (1 if kind in _UNIGRAMS else 2)
            ]
            items.sort(key=lambda kw: kw[0])
            keys = np.array([k for k, _ in items], np.int64)
            rows = np.vstack([*(w for _, w in items), np.zeros(n, np.float32)])
            self.keys[kind] = (keys, rows)
        zero = np.zeros(n, np.float32)
        self.flags = {f: tables.get(f, {}).get("", zero) for f in _FLAGS}
        self.klass = tables.get("k0", {})
        self.anchor = np.array(sorted(ord(c) for c in "会委部府社局联院办组司室处心馆团署厅所校站队报网"))
        self.level = np.array(sorted(ord(c) for c in _LEVEL))
        self.suffix = np.array(sorted(ord(c) for c in _PLACE_SUFFIX))
        self.delta, self.pad = delta, pad

    def _lookup(self, kind: str, query: Any) -> Any:
        keys, rows = self.keys[kind]
        at = np.searchsorted(keys, query)
        at[at >= len(keys)] = len(keys) - 1 if len(keys) else 0
        hit = keys[at] == query if len(keys) else np.zeros(len(query), bool)
        return rows[np.where(hit, at, len(keys))]

    def emissions(self, text: str) -> Any:
        cp = np.frombuffer(("^^" + text.replace("\x00", "\n") + "$$").encode("utf-32-le"), np.uint32).astype(np.int64)
        n = len(text)
        em = np.zeros((n, len(self.labels)), np.float32) + self.flags["bias"]
        for kind, o in _UNIGRAMS.items():
            em += self._lookup(kind, cp[2 + o : 2 + o + n])
        for kind, o in _BIGRAMS.items():
            em += self._lookup(kind, (cp[2 + o : 2 + o + n] << 21) + cp[3 + o : 3 + o + n])
        mid = cp[2 : 2 + n]
        em += np.isin(mid, self.anchor)[:, None] * self.flags["anchor"]
        em += np.isin(mid, self.level)[:, None] * self.flags["level"]
        em += np.isin(mid, self.suffix)[:, None] * self.flags["placesuffix"]
        starts = [m.start() for m in _HEAD_RE.finditer(text)]
        if starts:
            em[starts] += self.flags["headstart"]
        chars, inverse = np.unique(mid, return_inverse=True)
        zero = np.zeros(len(self.labels), np.float32)
        em += np.vstack([self.klass.get(_klass(chr(c)), zero) for c in chars])[inverse]
        return em

    def gated(
        self, text: str, spots: list[tuple[int, int]], cands: list[Candidate] | None = None
    ) -> tuple[list[Candidate], dict[Any, float], int]:
        """ORG spans found in the windows ``spots`` of ``text`` alone (each decoded as its own sequence). With
        ``cands``, only the spans a policy can use (overlapping no candidate, or holding only candidate ORGs)
        get a marginal and are returned."""
        if not spots:
            return [], {}, 0
        joined = "\n\n".join(text[a:b] for a, b in spots)
        em = self.emissions(joined)
        offsets, pos = [], 0
        for a, b in spots:
            offsets.append(pos)
            pos += b - a + 2
        paths = _viterbi([em[o : o + b - a] for o, (a, b) in zip(offsets, spots, strict=True)], self.transitions)
        out: list[Candidate] = []
        margins: dict[tuple[int, int, str], float] = {}
        wanted: list[tuple[int, int, list[Candidate]]] = []
        for o, (a, b), path in zip(offsets, spots, paths, strict=True):
            found = [
                (s + a, e + a, lab, t)
                for s, e, lab, t in decoded(text[a:b], [self.labels[t] for t in path])
                if lab == "ORG"
            ]
            if cands is not None:
                found = [c for c in found if _usable(c, cands)]
            if found:
                wanted.append((o, a, found))
                out += found
        pieces = [em[o : o + _length(spots, a)] for o, a, _f in wanted]
        probs = _marginals(pieces, self.transitions)
        for (_o, a, found), p in zip(wanted, probs, strict=True):
            for s, e, lab, _t in found:
                own = [self.labels.index(("B-" if i == s else "I-") + lab) for i in range(s, e)]
                margins[(s, e, lab)] = float(np.mean(p[np.arange(s - a, e - a), own]))
        return out, margins, sum(b - a for a, b in spots)

    def spans(self, text: str) -> tuple[list[Candidate], dict[tuple[int, int, str], float], int]:
        """The CRF's spans in ``text``, their marginals, and how many characters were decoded."""
        if not text:
            return [], {}, 0
        em = self.emissions(text)
        other = np.delete(em, self.o, axis=1).max(axis=1)
        close = np.flatnonzero(other > em[:, self.o] - self.delta)
        stretches: list[tuple[int, int]] = []
        for i in close.tolist():
            a, b = max(i - self.pad, 0), min(i + self.pad + 1, len(text))
            if stretches and a <= stretches[-1][1]:
                stretches[-1] = (stretches[-1][0], b)
            else:
                stretches.append((a, b))
        if not stretches:
            return [], {}, 0
        paths = viterbi([em[a:b] for a, b in stretches], self.transitions)
        out: list[Candidate] = []
        margins: dict[tuple[int, int, str], float] = {}
        for (a, b), path in zip(stretches, paths, strict=True):
            found = decoded(text[a:b], [self.labels[t] for t in path])
            if not found:
                continue
            probs = _marginals([em[a:b]], self.transitions)[0]
            for s, e, lab, t in found:
                if lab not in LABELS:
                    continue
                own = [self.labels.index(("B-" if i == s else "I-") + lab) for i in range(s, e)]
                margins[(s + a, e + a, lab)] = float(np.mean(probs[np.arange(s, e), own]))
                out.append((s + a, e + a, lab, t))
        return out, margins, sum(b - a for a, b in stretches)


def _usable(c: Candidate, cands: list[Candidate]) -> bool:
    hit = [p for p in cands if p[0] < c[1] and c[0] < p[1]]
    return not hit or all(p[2] == c[2] and c[0] <= p[0] and p[1] <= c[1] and (p[0], p[1]) != (c[0], c[1]) for p in hit)


def _viterbi(emissions: list[Any], transitions: Any) -> list[list[int]]:
    """Plain batched Viterbi (the transitions here are too wide for ``extract.crf``'s pruning to pay)."""
    if not emissions:
        return []
    lengths = np.array([len(e) for e in emissions])
    steps, rows, n = int(lengths.max()), len(emissions), transitions.shape[0]
    em = np.zeros((steps, rows, n), np.float32)
    for r, e in enumerate(emissions):
        em[: len(e), r] = e
        em[len(e) :, r, :] = 0
    score = em[0].copy()
    back = np.zeros((steps, rows, n), np.int8)
    for t in range(1, steps):
        total = score[:, :, None] + transitions[None]
        back[t] = total.argmax(axis=1)
        new = total.max(axis=1) + em[t]
        running = (lengths > t)[:, None]
        score = np.where(running, new, score)
    paths = []
    for r in range(rows):
        length = int(lengths[r])
        tag = int(score[r].argmax())
        path = [tag]
        for t in range(length - 1, 0, -1):
            tag = int(back[t, r, tag])
            path.append(tag)
        paths.append(path[::-1])
    return paths


def _length(spots: list[tuple[int, int]], a: int) -> int:
    return next(e - s for s, e in spots if s == a)


def _marginals(emissions: list[Any], transitions: Any) -> list[Any]:
    """Each character's tag probabilities in each sequence (batched forward-backward in log space)."""
    if not emissions:
        return []
    lengths = np.array([len(e) for e in emissions])
    steps, rows, n = int(lengths.max()), len(emissions), transitions.shape[0]
    em = np.zeros((steps, rows, n))
    for r, e in enumerate(emissions):
        em[: len(e), r] = e
    tr = transitions.astype(np.float64)[None]
    alpha = np.zeros((steps, rows, n))
    alpha[0] = em[0]
    for t in range(1, steps):
        alpha[t] = em[t] + _logsumexp(alpha[t - 1][:, :, None] + tr, axis=1)
    beta = np.zeros((steps, rows, n))
    for t in range(steps - 2, -1, -1):
        nxt = (em[t + 1] + beta[t + 1])[:, None, :] + tr
        # A sequence that has ended by t + 1 keeps beta = 0 at its last character.
        beta[t] = np.where((lengths > t + 1)[:, None], _logsumexp(nxt, axis=2), 0.0)
    z = alpha + beta
    probs = np.exp(z - _logsumexp(z, axis=2)[:, :, None])
    return [probs[: lengths[r], r] for r in range(rows)]


def _logsumexp(x: Any, axis: int) -> Any:
    top = x.max(axis=axis, keepdims=True)
    return (top + np.log(np.exp(x - top).sum(axis=axis, keepdims=True))).squeeze(axis)


def tag_array(model: ArrayCRF, drafts: Drafts, clock: list[float], gate: bool = False) -> Tagged:
    out: Tagged = []
    for text, cands in drafts:
        began = time.perf_counter()
        if gate:
            spans, margins, decoded_chars = model.gated(text, windows(text, cands, around=False), cands)
        else:
            spans, margins, decoded_chars = model.spans(text)
        clock[0] += time.perf_counter() - began
        clock[1] += decoded_chars
        clock[2] += len(text)
        out.append((spans, margins))
    return out


def tag(path: str, drafts: Drafts, clock: list[float], gate: bool = False, kind: str = "full") -> Tagged:
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    out: Tagged = []
    for text, cands in drafts:
        began = time.perf_counter()
        spots = windows(text, cands) if gate else [(0, len(text))]
        spans: list[Candidate] = []
        margins: dict[tuple[int, int, str], float] = {}
        for a, b in spots:
            piece = text[a:b]
            found = [c for c in decoded(piece, tagger.tag(FEATURES[kind](piece))) if c[2] in LABELS]
            for s, e, lab, t in found:
                spans.append((s + a, e + a, lab, t))
                margins[(s + a, e + a, lab)] = span_marginal(tagger, s, e, lab)
            clock[1] += b - a
        clock[0] += time.perf_counter() - began
        clock[2] += len(text)
        out.append((spans, margins))
    tagger.close()
    return out


def apply(policy: str, t: float, cands: list[Candidate], crf: list[Candidate], m: dict[Any, float]) -> list[Candidate]:
    sure = [c for c in crf if m[(c[0], c[1], c[2])] >= t and (policy != "add-ORG" or c[2] == "ORG")]
    out = list(cands)
    for c in sure:
        hit = [p for p in cands if p[0] < c[1] and c[0] < p[1]]
        if not hit:
            out.append(c)
        elif (
            policy == "grow"
            and all(p[2] == c[2] and c[0] <= p[0] and p[1] <= c[1] for p in hit)
            and all((p[0], p[1]) != (c[0], c[1]) for p in hit)
        ):
            out = [p for p in out if p not in hit]
            out.append(c)
    return out


def f1s(gold: list[dict[str, Any]], docs: dict[str, Drafts], make: Callable[[str, int], list[Candidate]]) -> dict:
    rows = [
        {"doc": doc, "label": c[2], "text": c[3]}
        for doc, drafts in docs.items()
        for n in range(len(drafts))
        for c in make(doc, n)
        if c[2] in LABELS
    ]
    return score([r for r in gold if r["doc"] in docs and r["label"] in LABELS], rows)["labels"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "pizhu-crf-forward")
    parser.add_argument("--features", choices=sorted(FEATURES), default="full")
    parser.add_argument(
        "--array", action="store_true", help="decode with ArrayCRF (implies --features cheap); time the pipeline too"
    )
    parser.add_argument("--gate", action="store_true", help="tag only the windows of windows()")
    args = parser.parse_args()
    if args.array:
        args.features = "cheap"
    args.cache.mkdir(parents=True, exist_ok=True)
    sets = _sets()
    dev_files, gold = sets["dev"]
    seed_rows = sets["seeds"][1]
    train_seqs: list[tuple[int, str, list[str]]] = []  # text number, draft, gold tags
    for name, rows_all in (("seeds", seed_rows), ("dev", gold)):
        for doc, drafts in _texts(sets[name][0]):
            rows = [r for r in rows_all if r["doc"] == doc]
            placed, lost = place(drafts, rows)
            if lost:
                placed, lost = place(drafts, [r for r in rows if r["label"] not in ("DATE", "FIGURE")])
            key = number(doc) if name == "dev" else -1
            train_seqs += [(key, t, bio(len(t), s)) for t, s in zip(drafts, placed, strict=True)]
    waves: dict[int, dict[str, Drafts]] = {}
    for k, (lo, hi, commit) in WAVES.items():
        paths = sorted(p for doc, p in dev_files.items() if lo <= number(doc) <= hi)
        waves[k] = candidates(commit, paths, args.cache)
    models: dict[int, str] = {}
    clock = [0.0, 0, 0]
    tagged: dict[int, dict[str, Tagged]] = {}
    for k in WAVES:
        lo = WAVES[k][0]
        path = str(args.cache / f"below{lo}{'' if args.features == 'full' else '-' + args.features}.crfsuite")
        seqs = [(t, y) for n, t, y in train_seqs if n < lo]
        if not os.path.exists(path):
            took = train(seqs, path, args.features)
            print(f"trained below {lo}: {sum(len(t) for t, _ in seqs):,} characters, {took:.0f} s", flush=True)
        models[k] = path
        if args.array:
            model = ArrayCRF(path)
            tagged[k] = {doc: tag_array(model, drafts, clock, args.gate) for doc, drafts in waves[k].items()}
        else:
            tagged[k] = {doc: tag(path, drafts, clock, args.gate, args.features) for doc, drafts in waves[k].items()}
    if args.array:
        from pizhu.extract.pipeline import extract_spans

        began = time.perf_counter()
        for k in WAVES:
            for drafts in waves[k].values():
                for text, _c in drafts:
                    extract_spans(text)
        took = time.perf_counter() - began
        print(f"today's extract_spans over the same texts: {took:.2f} s; the tagger adds {clock[0] / took:.1%}")
    print(
        f"tagged {clock[1]:,} of {clock[2]:,} characters ({clock[1] / clock[2]:.1%}); windows, features, tagging"
        f" and marginals: {clock[0]:.2f} s, {clock[2] / clock[0]:,.0f} characters of text a second"
    )

    def result(k: int, policy: str | None, t: float) -> dict:
        if policy is None:
            return f1s(gold, waves[k], lambda doc, n: waves[k][doc][n][1])
        return f1s(gold, waves[k], lambda doc, n: apply(policy, t, waves[k][doc][n][1], *tagged[k][doc][n]))

    print("\nCRF alone on each wave (trained below it)")
    for k in WAVES:
        r = f1s(gold, waves[k], lambda doc, n, k=k: tagged[k][doc][n][0])
        print(f"  W{k} " + "  ".join(f"{lab} {_prf(r[lab])}" for lab in LABELS))
    print("\nthreshold choice (the wave before the fold's, by the sum of dF1 over ORG, GPE, PERSON)")
    chosen: dict[tuple[int, str], float] = {}
    for k in (2, 3):
        base = result(k - 1, None, 0)
        for policy in POLICIES:
            gains = {t: sum(result(k - 1, policy, t)[lab]["f1"] - base[lab]["f1"] for lab in LABELS) for t in GRID}
            chosen[(k, policy)] = max(GRID, key=lambda t: (gains[t], t))
            print(f"  fold {k} {policy:8} on W{k - 1}: " + " ".join(f"{t}:{g:+.3f}" for t, g in gains.items()))
    print("\nforward folds: F1 of the pre-wave pipeline, then each policy's change (t chosen above)")
    print(f"{'fold':>6} {'policy':>10} {'t':>5} " + " ".join(f"{lab + ' P/R/F1':>21} {'dF1':>7}" for lab in LABELS))
    pooled: dict[str | None, tuple[list, list]] = {}
    for k in (2, 3):
        base = result(k, None, 0)
        for policy in (None, *POLICIES):
            t = chosen.get((k, policy), 0) if policy else 0
            r = result(k, policy, t)
            cells = [f"{_prf(r[lab])} {r[lab]['f1'] - base[lab]['f1']:+7.3f}" for lab in LABELS]
            print(f"{'W' + str(k):>6} {policy or 'pipeline':>10} {t:>5} " + " ".join(f"{c:>29}" for c in cells))
            pooled.setdefault(policy, ([], []))[0].append(r)
            pooled[policy][1].append(base)
    print("\npooled W2+W3 (tp/fp/fn summed): F1 and the change")
    for policy, (rs, _bases) in pooled.items():
        line = []
        for lab in LABELS:
            tp, fp, fn = (sum(r[lab][x] for r in rs) for x in ("tp", "fp", "fn"))
            btp, bfp, bfn = (sum(r[lab][x] for r in pooled[None][0]) for x in ("tp", "fp", "fn"))
            f = 2 * tp / (2 * tp + fp + fn)
            b = 2 * btp / (2 * btp + bfp + bfn)
            line.append(f"{lab} {f:.3f} {f - b:+.3f}")
        print(f"  {policy or 'pipeline':>10}  " + "  ".join(line))


def _prf(r: dict[str, Any]) -> str:
    return "/".join(f"{r[x] or 0:.3f}" for x in ("precision", "recall", "f1"))


if __name__ == "__main__":
    main()
