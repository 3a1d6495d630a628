"""Train the span filter (``bench/filter_features.py``) on the waves' unseen candidates; write its weights.

    nice python -m bench.train_filter [--labels ORG GPE] [--out bench/out/filter/span_filter.json]

A wave is a batch of dev pages labelled by hand before the extractor ran on them; the extractor as it
stood before the wave (``WAVES``: its commit) proposes candidates there that no rule was tuned on, the
realistic wrong ones a filter must learn. Each commit's extractor runs from a ``git archive`` of it
(``bench/filter_dump.py``, the old ``pizhu`` first on the path); its output is cached under
``bench/out/filter/`` (minutes a wave on a busy machine). Only dev texts are read, never the test half
nor the held-out batch.

The weights: per label, a two-class logistic regression (``store.span_model.SpanModel``) over
``filter_features.features``, stored as one weight per feature (right minus wrong) and the threshold that
5-fold cross-validation by report over the training candidates finds best for the label's F1.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from bench.filter_features import FORMAT, LABELS, probability, span_features
from pizhu.extract.evaluate import score
from pizhu.extract.models import Span
from pizhu.store.span_model import Example, SpanModel

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
CACHE = ROOT / "bench" / "out" / "filter"
RIGHT, WRONG = "right", "O"
THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
EPOCHS, RATE = 8, 0.2


@dataclass(frozen=True)
class Part:
    lo: int
    hi: int
    commit: str
    """The extractor before the pages were first scored."""


WAVES: dict[str, tuple[Part, ...]] = {
    "W0": (Part(350, 361, "78982aa"), Part(370, 389, "4f35f39"), Part(400, 429, "090bbb5")),
    "W1": (Part(430, 501, "60f8549"),),
    "W2": (Part(502, 585, "6a40771"),),
    "W3": (Part(590, 637, "d533c79"),),
}


CURRENT = Part(0, 10**6, "1303e96")
"""Procedure C's extra training data: the extractor of 0.3.54 over every dev text (rules tuned on them)."""


def add_wave(spec: str) -> str:
    """Add a wave named as ``NAME=LO-HI@COMMIT`` (e.g. ``W4=640-699@1303e96``) to ``WAVES``; its name."""
    name, rest = spec.split("=", 1)
    span, commit = rest.split("@", 1)
    lo, hi = span.split("-", 1)
    WAVES[name] = (Part(int(lo), int(hi), commit),)
    return name


def in_waves(doc: str, names: Sequence[str]) -> bool:
    """Whether the text ``doc`` is numbered inside one of the waves ``names``."""
    n = int(doc.split("_", 1)[0])
    return any(p.lo <= n <= p.hi for name in names for p in WAVES[name])


@dataclass(frozen=True)
class Row:
    doc: str
    label: str
    text: str
    features: list[str]
    right: bool


def dump(part: Part, cache: Path = CACHE) -> Path:
    """The cached candidates of ``part`` (its commit's extractor over its dev texts), made on first use. The cache's
    name holds how many dev texts the range has, so a range that gains texts (a wave being labelled) is run again."""
    split = json.loads((CORPUS / "split.json").read_text("utf-8"))
    docs = [d for d in split["dev"] if part.lo <= int(Path(d).name.split("_", 1)[0]) <= part.hi]
    out = cache / f"{part.lo}-{part.hi}-{part.commit}-{len(docs)}.jsonl"
    if out.exists():
        return out
    cache.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "archive", part.commit, "pizhu", "extract", "store"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        script = ROOT / "bench" / "filter_dump.py"
        tmp = out.with_suffix(".part")
        subprocess.run(
            [sys.executable, str(script), str(CORPUS), str(part.lo), str(part.hi), str(tmp)],
            env={**os.environ, "PYTHONPATH": folder},
            cwd=folder,
            check=True,
        )
        tmp.rename(out)
    return out


def gold_rows() -> list[dict[str, Any]]:
    """The dev half's gold (never the test half's)."""
    lines = (CORPUS / "dev-gold.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def wave_data(
    name: str, gold: list[dict[str, Any]], cache: Path = CACHE
) -> tuple[list[Row], list[dict[str, Any]], list[dict[str, Any]]]:
    """A wave's candidate rows (PERSON/ORG/GPE/SLOGAN, with features), its gold, and every predicted row (all
    labels, as the scorer reads them)."""
    return parts_data(WAVES[name], gold, cache)


def parts_data(
    parts: Sequence[Part], gold: list[dict[str, Any]], cache: Path = CACHE
) -> tuple[list[Row], list[dict[str, Any]], list[dict[str, Any]]]:
    """``wave_data`` of the pages of ``parts``."""
    rows: list[Row] = []
    predicted: list[dict[str, Any]] = []
    docs: set[str] = set()
    for part in parts:
        for line in dump(part, cache).read_text("utf-8").splitlines():
            draft = json.loads(line)
            doc, text = draft["doc"], draft["text"]
            docs.add(doc)
            spans = [
                Span(s, e, label, string, rule=rule, source=source, confidence=conf)
                for s, e, label, string, rule, source, conf in draft["spans"]
            ]
            predicted += [{"doc": doc, "label": s.label, "text": s.text} for s in spans if s.label not in LABELS]
            kept = [s for s in spans if s.label in LABELS]
            for s, f in zip(kept, span_features(text, spans, LABELS), strict=True):
                rows.append(Row(doc, s.label, s.text, f, False))
    wave_gold = [r for r in gold if r["doc"] in docs]
    wanted = Counter((r["doc"], r["label"], r["text"]) for r in wave_gold)
    rows = [Row(r.doc, r.label, r.text, r.features, wanted[(r.doc, r.label, r.text)] > 0) for r in rows]
    return rows, wave_gold, predicted


def train(rows: Sequence[Row], label: str, epochs: int = EPOCHS, min_count: int = 1) -> dict[str, float]:
    """One weight per feature (right minus wrong) for ``label``'s candidates among ``rows``; features seen in
    fewer than ``min_count`` of them are left out."""
    data = [Example(r.features, RIGHT if r.right else WRONG) for r in rows if r.label == label]
    if not data or all(x.label == RIGHT for x in data):
        return {}
    if min_count > 1:
        seen = Counter(f for x in data for f in set(x.features))
        data = [Example([f for f in x.features if seen[f] >= min_count], x.label) for x in data]
    model = SpanModel((RIGHT, WRONG)).fit(data, epochs=epochs, rate=RATE, seed=0)
    return {name: round(model.weights[i][0] - model.weights[i][1], 5) for name, i in model.index.items()}


def filtered(
    rows: Sequence[Row], predicted: list[dict[str, Any]], label: str, weights: dict[str, float], threshold: float
) -> list[dict[str, Any]]:
    """The predicted rows after the filter drops ``label``'s candidates under ``threshold``."""
    out = list(predicted)
    for r in rows:
        if r.label == label and threshold > 0 and weights and probability(weights, r.features) < threshold:
            continue
        out.append({"doc": r.doc, "label": r.label, "text": r.text})
    return out


def counts(gold: list[dict[str, Any]], predicted: list[dict[str, Any]], label: str) -> tuple[int, int, int]:
    r = score(gold, predicted)["labels"].get(label) or {"tp": 0, "fp": 0, "fn": 0}
    return r["tp"], r["fp"], r["fn"]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def choose_threshold(rows: Sequence[Row], gold: list[dict[str, Any]], label: str, folds: int = 5) -> float:
    """The threshold with the best pooled F1 over ``folds``-fold cross-validation by report inside ``rows``."""
    return choose(rows, gold, label, ((EPOCHS, 1),), folds)[0]


SETTINGS = tuple((e, m) for m in (10, 3, 1) for e in (2, 4, 8))
"""Procedure B's (epochs, min_count) pairs, the smaller models first."""


def choose(
    rows: Sequence[Row],
    gold: list[dict[str, Any]],
    label: str,
    settings: Sequence[tuple[int, int]] = SETTINGS,
    folds: int = 5,
) -> tuple[float, int, int]:
    """The (threshold, epochs, min_count) with the best pooled F1 over ``folds``-fold cross-validation by report
    inside ``rows`` (on a tie: the earlier setting, the lower threshold)."""
    docs = sorted({r.doc for r in rows})
    random.Random(21).shuffle(docs)
    fold = {d: i % folds for i, d in enumerate(docs)}
    total = {(t, s): [0, 0, 0] for t in THRESHOLDS for s in settings}
    for k in range(folds):
        test = [r for r in rows if fold[r.doc] == k and r.label == label]
        test_docs = {d for d in docs if fold[d] == k}
        g = [r for r in gold if r["doc"] in test_docs]
        for s in settings:
            weights = train([r for r in rows if fold[r.doc] != k], label, *s)
            for t in THRESHOLDS:
                tp, fp, fn = counts(g, filtered(test, [], label, weights, t), label)
                total[(t, s)][0] += tp
                total[(t, s)][1] += fp
                total[(t, s)][2] += fn
    order = {key: i for i, key in enumerate((s, t) for s in settings for t in THRESHOLDS)}
    t, s = max(total, key=lambda key: (round(prf(*total[key])[2], 6), -order[(key[1], key[0])]))
    return t, s[0], s[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", nargs="+", default=list(LABELS), choices=LABELS)
    parser.add_argument("--waves", nargs="+", default=list(WAVES), choices=list(WAVES))
    parser.add_argument("--out", type=Path, default=CACHE / "span_filter.json")
    args = parser.parse_args()
    gold = gold_rows()
    rows: list[Row] = []
    wave_gold: list[dict[str, Any]] = []
    for name in args.waves:
        r, g, _p = wave_data(name, gold)
        rows += r
        wave_gold += g
    labels = {}
    for label in args.labels:
        threshold = choose_threshold(rows, wave_gold, label)
        weights = train(rows, label)
        labels[label] = {"threshold": threshold, "weights": dict(sorted(weights.items()))}
        print(f"{label}: threshold {threshold}, {len(weights)} features", file=sys.stderr)
    data = {"format": FORMAT, "trained_on": {n: [f"{p.lo}-{p.hi}@{p.commit}" for p in WAVES[n]] for n in args.waves}}
    data["labels"] = labels
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
