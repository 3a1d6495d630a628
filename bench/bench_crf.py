"""Bench: does a character-level CRF trained on the corpus' gold help the rules find ORG, GPE and PERSON?

Issue 21's second experiment (the first, a filter over the rules' candidates, is
``bench_rerank``), by cross-validation grouped by report over the development half (the
test half and the held-out batches are never read here):

    python -m bench.bench_crf [--old cad15ff] [--folds 5]

A linear-chain CRF (python-crfsuite) tags each character B-/I-ORG, GPE, PERSON or O. Gold
rows carry no offsets: each is placed at its first occurrence after the previous one in
the report's prepared text, as ``tests/data/corpus/check_gold.py`` places them. Features:
the character, its neighbours within two and the bigrams across it, the jieba word it is
in (the extractor's fast cut) with its position in it (B/M/E/S) and the words either side,
whether that word is a name in the packaged place table (and of which kind), the suffix
classes the rules name (an organ's head over the character, a level character, a place
suffix, a natural feature's suffix), the script/punctuation class and the line breaks
either side.

Each fold trains on four fifths of the dev reports plus the seeds and scores the fifth.
Tables: the CRF alone, then four policies with the pipeline (``extract_spans``): (a) the
pipeline; (b) the pipeline plus CRF spans that overlap no pipeline span of any label; (c)
the pipeline minus its GPE/ORG spans whose CRF marginal (the mean over the span's
characters of the probability of its own B-/I- tags) is under a threshold; (d) both; and
(b>t) policy (b) keeping only the added CRF spans whose own marginal is at least t.
``--old COMMIT`` scores the same policies over that commit's extractor (rules written
before the corpus existed, so its errors are those of text the rules never saw).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import tempfile
import time
from collections.abc import Iterable, Sequence
from typing import Any

import pycrfsuite

from bench.bench_rerank import _sets, _texts, current, old, run_commit
from pizhu.extract.entities import _ORG_HEADS, _init
from pizhu.extract.evaluate import score
from pizhu.extract.orgtagger import klass as _klass  # the shipped tagger's script classes, one definition
from pizhu.extract.places import table

LABELS = ("ORG", "GPE", "PERSON")
JOIN = "\n\x00\n"
THRESHOLDS = (0.05, 0.1, 0.2, 0.3, 0.5)
ADD_THRESHOLDS = (0.5, 0.7, 0.8, 0.9)
_HEAD_RE = re.compile("|".join(sorted(_ORG_HEADS, key=len, reverse=True)))
_LEVEL = frozenset("省市区县州旗盟")
_PLACE_SUFFIX = frozenset("镇乡村街道社区")
_NATURAL = frozenset("江河湖山海岛峡湾岭")

Candidate = tuple[int, int, str, str]
# A commit with today's layout (extract/ imported as pizhu.extract): only its extractor is run.
_PACKAGED_RUNNER = """
import json, sys
from pizhu.extract.pipeline import extract_spans
texts = json.load(sys.stdin)
out = [[[s.start, s.end, s.label, s.text] for s in extract_spans(t)] for t in texts]
json.dump(out, sys.stdout)
"""
"""start, end, label, text."""


def features(text: str) -> list[list[str]]:
    """One feature list per character of ``text``."""
    st = _init()
    places = table()
    words = st["segmenter"].words(text)
    word_at: list[int] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for n, w in enumerate(words):
        spans.append((pos, pos + len(w)))
        word_at += [n] * len(w)
        pos += len(w)
    head = [""] * len(text)
    for m in _HEAD_RE.finditer(text):
        for i in range(m.start(), m.end()):
            head[i] = "B" if i == m.start() else "E" if i == m.end() - 1 else "I"
    padded = "^^" + text.replace("\x00", "\n") + "$$"
    out = []
    for i, ch in enumerate(text):
        c = padded[i : i + 5]  # c[2] is the character
        n = word_at[i]
        w = words[n]
        a, b = spans[n]
        wpos = "S" if b - a == 1 else "B" if i == a else "E" if i == b - 1 else "M"
        kind = places.kind.get(w) or places.short.get(w) or "-"
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
            "w=" + (w if len(w) <= 6 else "LONG"),
            "wp=" + wpos,
            "wl=" + str(min(b - a, 5)),
            "wwp=" + wpos + c[2],
            "w-1=" + (words[n - 1] if n > 0 else "^"),
            "w+1=" + (words[n + 1] if n + 1 < len(words) else "$"),
            "place=" + kind,
            "placewp=" + kind + wpos,
            "k0=" + _klass(ch),
            "k-1=" + _klass(padded[i + 1]) if i > 0 else "k-1=^",
            "k+1=" + _klass(padded[i + 3]) if i + 1 < len(text) else "k+1=$",
            "head=" + (head[i] or "-"),
            "headnext=" + (head[i + 1] if i + 1 < len(text) and head[i + 1] else "-"),
        ]
        if ch in _LEVEL:
            f.append("level")
        if ch in _PLACE_SUFFIX:
            f.append("placesuffix")
        if ch in _NATURAL:
            f.append("natural")
        if i + 1 < len(text) and text[i + 1] in _LEVEL:
            f.append("levelnext")
        if i > 0 and text[i - 1] == "\n":
            f.append("afterbreak")
        if i + 1 < len(text) and text[i + 1] == "\n":
            f.append("beforebreak")
        out.append(f)
    return out


def place(drafts: list[str], rows: list[dict[str, Any]]) -> tuple[list[list[Candidate]], int]:
    """The gold ``rows`` of one report placed in its drafts (check_gold's order rule); and how many failed."""
    text = JOIN.join(drafts)
    starts, pos = [], 0
    for d in drafts:
        starts.append(pos)
        pos += len(d) + len(JOIN)
    placed: list[list[Candidate]] = [[] for _ in drafts]
    cursor, title, lost = 0, None, 0
    for row in rows:
        span, label = row["text"], row["label"]
        start = -1
        if label in ("DATE", "FIGURE") and title is not None:
            t_end, inner = title
            found = text.find(span, inner)
            if found != -1 and found + len(span) <= t_end:
                start = found
                title = (t_end, found + len(span))
        if start == -1:
            start = text.find(span, cursor)
            if start == -1:
                lost += 1
                continue
            cursor = start + len(span)
            title = (cursor, start) if label == "TITLE" else None
        if label in LABELS:
            k = max(j for j, s in enumerate(starts) if s <= start)
            placed[k].append((start - starts[k], start - starts[k] + len(span), label, span))
    return placed, lost


def bio(n: int, spans: Iterable[Candidate]) -> list[str]:
    tags = ["O"] * n
    for s, e, label, _t in spans:
        tags[s] = "B-" + label
        for i in range(s + 1, e):
            tags[i] = "I-" + label
    return tags


def decoded(text: str, tags: Sequence[str]) -> list[Candidate]:
    out, start, label = [], -1, ""
    for i, t in enumerate([*tags, "O"]):
        if start >= 0 and (t == "O" or t.startswith("B-") or t[2:] != label):
            s, e = start, i
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                out.append((s, e, label, text[s:e]))
            start = -1
        if t.startswith("B-") or (t.startswith("I-") and start < 0):
            start, label = i, t[2:]
    return out


Sequence_ = tuple[str, str, list[list[str]], list[str]]
"""doc, draft text, features, gold tags."""


def train(seqs: Iterable[Sequence_], path: str) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for _doc, _text, x, y in seqs:
        trainer.append(x, y)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True})
    trainer.train(path)


def span_marginal(tagger: pycrfsuite.Tagger, s: int, e: int, label: str) -> float:
    ps = [tagger.marginal(("B-" if i == s else "I-") + label, i) for i in range(s, e)]
    return sum(ps) / len(ps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", help="an earlier commit whose extractor (top-level extract/) also proposes")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--unseen",
        help="COMMIT:LO-HI, the extractor of a commit whose rules had not seen dev texts LO..HI (by number), "
        "scored on those texts alone",
    )
    args = parser.parse_args()
    sets = _sets()
    texts = {name: _texts(sets[name][0]) for name in ("seeds", "dev")}
    seqs: dict[str, list[Sequence_]] = {}
    for name in ("seeds", "dev"):
        gold = sets[name][1]
        seqs[name] = []
        lost = 0
        for doc, drafts in texts[name]:
            rows = [r for r in gold if r["doc"] == doc]
            placed, n = place(drafts, rows)
            if n:
                # The seeds' gold is two files (numbers and dates, then the rest), each in order.
                placed, n = place(drafts, [r for r in rows if r["label"] not in ("DATE", "FIGURE")])
            lost += n
            for text, spans in zip(drafts, placed, strict=True):
                seqs[name].append((doc, text, features(text), bio(len(text), spans)))
        chars = sum(len(s[1]) for s in seqs[name])
        print(f"{name}: {len(texts[name])} reports, {chars} characters, {lost} rows unplaced")
    docs = sorted({d for d, _ in texts["dev"]})
    random.Random(21).shuffle(docs)
    fold = {d: i % args.folds for i, d in enumerate(docs)}
    # Per draft (in texts["dev"] order): CRF spans, and a function giving a span's marginal.
    crf_spans: dict[tuple[str, int], list[Candidate]] = {}
    marginals: dict[tuple[str, int], dict[tuple[int, int, str], float]] = {}
    pipelines = {"current": current(texts["dev"])}
    if args.old:
        pipelines[args.old] = old(args.old, texts["dev"])
    unseen: set[str] = set()
    if args.unseen:
        commit, numbers = args.unseen.split(":")
        lo, hi = (int(x) for x in numbers.split("-"))
        unseen = {d for d, _ in texts["dev"] if d[:3].isdigit() and lo <= int(d[:3]) <= hi}
        batch = [(d, drafts) for d, drafts in texts["dev"] if d in unseen]
        pipelines[f"{commit} on {len(unseen)} texts {numbers}"] = packaged(commit, batch)
        pipelines[f"current on the same {len(unseen)} texts"] = [r for r in pipelines["current"] if r[0] in unseen]
    tagged = [0.0, 0]  # seconds spent computing features and tagging, characters tagged
    with tempfile.TemporaryDirectory() as folder:
        for k in range(args.folds):
            path = f"{folder}/fold{k}.crfsuite"
            train([s for s in seqs["dev"] if fold[s[0]] != k] + seqs["seeds"], path)
            tagger = pycrfsuite.Tagger()
            tagger.open(path)
            index: dict[str, int] = {}
            for doc, text, _x, _y in seqs["dev"]:
                n = index[doc] = index.get(doc, -1) + 1
                if fold[doc] != k:
                    continue
                began = time.perf_counter()
                tags = tagger.tag(features(text))
                tagged[0] += time.perf_counter() - began
                tagged[1] += len(text)
                crf_spans[(doc, n)] = decoded(text, tags)
                want = {
                    (c[0], c[1], c[2])
                    for pipeline in pipelines.values()
                    for d, drafts in pipeline
                    if d == doc
                    for c in drafts[n][1]
                    if c[2] in ("ORG", "GPE")
                }
                want |= {(c[0], c[1], c[2]) for c in crf_spans[(doc, n)]}
                marginals[(doc, n)] = {key: span_marginal(tagger, *key) for key in want}
            tagger.close()
            print(f"fold {k} done ({os.path.getsize(path) / 1e6:.1f} MB model)", flush=True)
    print(f"features + tagging: {tagged[1] / tagged[0]:,.0f} characters a second")
    gold = [r for r in sets["dev"][1] if r["label"] in LABELS]
    crf_rows = [{"doc": d, "label": c[2], "text": c[3]} for (d, _n), cs in crf_spans.items() for c in cs]
    print("\nCRF alone (dev, 5-fold by report)")
    print(_table(score(gold, crf_rows)))
    if unseen:
        print(f"\nCRF alone on the {len(unseen)} texts of --unseen (dev, 5-fold by report)")
        print(_table(score([r for r in gold if r["doc"] in unseen], [r for r in crf_rows if r["doc"] in unseen])))
    for name, pipeline in pipelines.items():
        print(f"\npolicies over the {name} pipeline (dev, 5-fold by report)")
        docs_here = {d for d, _ in pipeline}
        print(_policies(pipeline, crf_spans, marginals, [r for r in gold if r["doc"] in docs_here]))


def packaged(commit: str, texts: list[tuple[str, list[str]]]) -> list[tuple[str, list[tuple[str, list[Any]]]]]:
    """The spans of ``commit``'s extractor (today's layout: extract/ as pizhu.extract) over ``texts``."""
    return run_commit(commit, ["extract", "pizhu/__init__.py", "pizhu/extract"], _PACKAGED_RUNNER, texts)


def _rows(doc: str, spans: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    return [{"doc": doc, "label": c[2], "text": c[3]} for c in spans if c[2] in LABELS]


def _policies(
    pipeline: list[tuple[str, list[tuple[str, list[Any]]]]],
    crf_spans: dict[tuple[str, int], list[Candidate]],
    marginals: dict[tuple[str, int], dict[tuple[int, int, str], float]],
    gold: list[dict[str, Any]],
) -> str:
    out = []
    policies: dict[str, list[dict[str, Any]]] = {"a": [], "b": []}
    for t in ADD_THRESHOLDS:
        policies[f"b>{t}"] = []
    for t in THRESHOLDS:
        policies[f"c{t}"], policies[f"d{t}"] = [], []
    for doc, drafts in pipeline:
        for n, (_text, cands) in enumerate(drafts):
            added = [c for c in crf_spans[(doc, n)] if not any(p[0] < c[1] and c[0] < p[1] for p in cands)]
            policies["a"] += _rows(doc, cands)
            policies["b"] += _rows(doc, [*cands, *added])
            m = marginals[(doc, n)]
            for t in ADD_THRESHOLDS:
                policies[f"b>{t}"] += _rows(doc, [*cands, *(c for c in added if m[(c[0], c[1], c[2])] >= t)])
            for t in THRESHOLDS:
                kept = [c for c in cands if c[2] not in ("ORG", "GPE") or m[(c[0], c[1], c[2])] >= t]
                policies[f"c{t}"] += _rows(doc, kept)
                policies[f"d{t}"] += _rows(doc, [*kept, *added])
    base = score(gold, policies["a"])["labels"]
    added = score(gold, policies["b"])["labels"]
    out.append(f"{'policy':>7} " + " ".join(f"{lab + ' P/R/F1':>22} {'dF1':>6}" for lab in LABELS))
    for name, rows in policies.items():
        r = score(gold, rows)["labels"]
        cells = [
            f"{r[lab]['precision']:6.3f} {r[lab]['recall']:6.3f} {r[lab]['f1']:6.3f}"
            f"   {r[lab]['f1'] - base[lab]['f1']:+6.3f}"
            for lab in LABELS
        ]
        out.append(f"{name:>7}  " + "  ".join(cells))
    out.append(
        "(b) adds right/wrong: "
        + ", ".join(
            f"{lab} +{added[lab]['tp'] - base[lab]['tp']}/+{added[lab]['fp'] - base[lab]['fp']}" for lab in LABELS
        )
    )
    return "\n".join(out)


def _table(result: dict[str, Any]) -> str:
    lines = [f"{'label':>7} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for lab in LABELS:
        r = result["labels"][lab]
        lines.append(
            f"{lab:>7} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['tp']:>5} {r['fp']:>5} {r['fn']:>5}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
