"""Bench: would a learned filter over the rules' entity candidates raise precision without losing recall?

Issue 21's question, answered by cross-validation by report on the development half (the
test half is never read here):

    python -m bench.bench_rerank [--old COMMIT] [--folds 5]

Each candidate the pipeline proposes (PERSON, ORG, GPE, SLOGAN) on the dev texts, the seeds
and the samples is labelled right (its doc, label and text are in the gold) or wrong. Per
label, a two-class logistic regression (``store.span_model.SpanModel``) over the span's
features (``span_features``: characters, edges, shape, length, jieba words across its edges,
the division and surname tables, context characters) and the rule, source and confidence of
the candidate is trained on four fifths of the dev reports (plus seeds and samples) and
scores the candidates of the fifth; a candidate whose probability of being right is under the
threshold is dropped. The table gives P/R/F1 per label and threshold over the held-out
reports, pooled, beside the unfiltered pipeline (threshold 0).

The current rules were tuned on every dev report, so their dev candidates hold few wrong
ones (what a report unseen by the rules would hold). ``--old COMMIT`` also runs the
extractor of an earlier commit (one with a top-level ``extract`` package, from before the
corpus, e.g. ``cad15ff``) over the same prepared texts and prints three more tables: the
filter trained and tested on the old candidates (rules never fitted to these reports),
trained on the old and tested on the current ones, trained on both and tested on the current.
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
from io import BytesIO
from pathlib import Path
from typing import Any

from bench.bench_entities import CORPUS, DATA, ROOT, SHARED, _set
from pizhu.extract.document import prepare
from pizhu.extract.evaluate import score
from pizhu.store.sources import read_source
from pizhu.store.span_model import Example, SpanModel, span_features, words_of

LABELS = ("PERSON", "ORG", "GPE", "SLOGAN")
THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9)
RIGHT, WRONG = "right", "O"

Candidate = tuple[int, int, str, str, str, str, float]
"""start, end, label, text, rule, source, confidence."""
Report = tuple[str, list[tuple[str, list[Candidate]]]]
"""doc name, its drafts (prepared text, candidates)."""

# The old commit predates the pizhu package: its extractor is the top-level module of that
# name, named here by parts so that tools/rename_packages.py --check does not take it for a
# leftover import of today's tree.
_OLD_RUNNER = """
import importlib, json, sys
extract_spans = importlib.import_module(".".join(("extract", "pipeline"))).extract_spans
texts = json.load(sys.stdin)
out = [[[s.start, s.end, s.label, s.text, s.rule, s.source, s.confidence] for s in extract_spans(t)] for t in texts]
json.dump(out, sys.stdout)
"""


def _sets() -> dict[str, tuple[dict[str, Path], list[dict[str, Any]]]]:
    """seeds, samples and dev: report files and gold rows. Never the test half."""
    split = json.loads((CORPUS / "split.json").read_text("utf-8"))
    sets = [
        _set("seeds", [DATA / "seeds-gold.jsonl", DATA / "seeds-gold-entities.jsonl"], ROOT / "seeds"),
        _set("samples", [DATA / "samples-gold.jsonl"], SHARED / "samples"),
        _set("dev", [CORPUS / "dev-gold.jsonl"], CORPUS / "texts", [Path(d).name for d in split["dev"]]),
    ]
    return {s.name: (s.files, s.gold) for s in sets if not s.absent}


def _texts(files: dict[str, Path]) -> list[tuple[str, list[str]]]:
    out = []
    for doc, path in files.items():
        source = read_source(path.read_bytes())
        out.append((doc, [draft.text for draft in prepare(source.text, source.layout)]))
    return out


def current(texts: list[tuple[str, list[str]]]) -> list[Report]:
    from pizhu.extract.pipeline import extract_spans

    return [
        (
            doc,
            [
                (t, [(s.start, s.end, s.label, s.text, s.rule, s.source, s.confidence) for s in extract_spans(t)])
                for t in drafts
            ],
        )
        for doc, drafts in texts
    ]


def old(commit: str, texts: list[tuple[str, list[str]]]) -> list[Report]:
    """The candidates of ``commit``'s extractor (a top-level ``extract``) over the same texts."""
    return run_commit(commit, ["extract"], _OLD_RUNNER, texts)


def run_commit(commit: str, paths: list[str], runner: str, texts: list[tuple[str, list[str]]]) -> list[Any]:
    """``runner`` (a script reading the texts as JSON on stdin, writing one list of spans per text) run over
    ``texts`` in a checkout of ``paths`` at ``commit``: per doc, its drafts with their spans as tuples."""
    archive = subprocess.run(["git", "archive", commit, *paths], cwd=ROOT, capture_output=True, check=True).stdout
    flat = [t for _doc, drafts in texts for t in drafts]
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        run = subprocess.run(
            [sys.executable, "-c", runner],
            input=json.dumps(flat),
            env={**os.environ, "PYTHONPATH": folder},
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
        )
    spans = iter(json.loads(run.stdout))
    return [(doc, [(t, [tuple(c) for c in next(spans)]) for t in drafts]) for doc, drafts in texts]


Row = tuple[str, str, list[str], str, dict[str, Any]]
"""doc, label, features, right/wrong, the predicted row for ``score``."""


def rows(reports: list[Report], gold: list[dict[str, Any]]) -> list[Row]:
    wanted = Counter((r["doc"], r["label"], r["text"]) for r in gold)
    out = []
    for doc, drafts in reports:
        for text, candidates in drafts:
            words = words_of(text)
            for s, e, label, string, rule, source, confidence in candidates:
                if label not in LABELS:
                    continue
                f = [
                    *span_features(text, s, e, words),
                    "rule=" + (rule or "-"),
                    "src=" + source,
                    "src_rule=" + source + (rule or "-"),
                    "conf=" + ("hi" if confidence >= 0.9 else "mid" if confidence >= 0.6 else "lo"),
                ]
                y = RIGHT if wanted[(doc, label, string)] else WRONG
                out.append((doc, label, f, y, {"doc": doc, "label": label, "text": string, "source": source}))
    return out


def cross_validate(
    train: Sequence[Sequence[Row]], test: Sequence[Row], extra: Sequence[Row], gold: list[dict[str, Any]], folds: int
) -> list[str]:
    docs = sorted({r[0] for r in test})
    random.Random(21).shuffle(docs)
    fold = {d: i % folds for i, d in enumerate(docs)}
    kept: dict[str, dict[float, list[dict[str, Any]]]] = {lab: {t: [] for t in THRESHOLDS} for lab in LABELS}
    for k in range(folds):
        for label in LABELS:
            data = [Example(r[2], r[3]) for rs in train for r in rs if r[1] == label and fold.get(r[0], -1) != k]
            data += [Example(r[2], r[3]) for r in extra if r[1] == label]
            model = SpanModel((RIGHT, WRONG)).fit(data, epochs=8, rate=0.2, seed=0)
            for r in test:
                if r[1] == label and fold[r[0]] == k:
                    p = model.probabilities(r[2])[RIGHT]
                    for t in THRESHOLDS:
                        if p >= t:
                            kept[label][t].append(r[4])
    lines = [f"{'label':>7} {'th':>4} {'P':>6} {'R':>6} {'F1':>6} {'dP':>7} {'dR':>7} {'dF1':>7} {'kept':>5}"]
    for label in LABELS:
        g = [r for r in gold if r["label"] == label]
        base = score(g, kept[label][0.0])["labels"][label]
        for t in THRESHOLDS:
            r = score(g, kept[label][t])["labels"][label]
            lines.append(
                f"{label:>7} {t:4.1f} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
                f"{r['precision'] - base['precision']:+7.3f} {r['recall'] - base['recall']:+7.3f} "
                f"{r['f1'] - base['f1']:+7.3f} {len(kept[label][t]):>5}"
            )
    wrong = Counter(r[1] for r in test if r[3] == WRONG)
    total = Counter(r[1] for r in test)
    lines.append("wrong/all candidates: " + ", ".join(f"{lab} {wrong[lab]}/{total[lab]}" for lab in LABELS))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", help="an earlier commit whose extractor (top-level extract/) also proposes")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    sets = _sets()
    texts = {name: _texts(files) for name, (files, _gold) in sets.items()}
    gold = {name: g for name, (_files, g) in sets.items()}
    cur = {name: rows(current(t), gold[name]) for name, t in texts.items()}
    extra_cur = cur.get("seeds", []) + cur.get("samples", [])
    print("train current, test current (dev, by report)")
    print("\n".join(cross_validate([cur["dev"]], cur["dev"], extra_cur, gold["dev"], args.folds)))
    if args.old:
        was = {name: rows(old(args.old, t), gold[name]) for name, t in texts.items()}
        extra_old = was.get("seeds", []) + was.get("samples", [])
        for title, train, test, extra in (
            ("train old, test old", [was["dev"]], was["dev"], extra_old),
            ("train old, test current", [was["dev"]], cur["dev"], extra_old),
            ("train old + current, test current", [was["dev"], cur["dev"]], cur["dev"], extra_old + extra_cur),
        ):
            print(f"\n{title} ({args.old}; dev, by report)")
            print("\n".join(cross_validate(train, test, extra, gold["dev"], args.folds)))


if __name__ == "__main__":
    main()
