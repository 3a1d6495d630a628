"""Train the ORG tagger (``extract.orgtagger``) on the corpus' gold and write its weights file.

    pip install -e ".[crf]"       # python-crfsuite, for training only: pizhu never imports it at run time
    nice python -m bench.train_orgtagger                       # all dev texts + seeds -> extract/data/orgtagger.npz
    nice python -m bench.train_orgtagger --below 640 --out /tmp/below640.npz   # a forward fold's model

python-crfsuite (L-BFGS, c1 0.05, c2 0.01, 150 iterations, all transitions) over the seeds
and the dev texts (``--below N``: only those numbered below N), each report's prepared
drafts tagged B-/I- ORG, GPE, PERSON from its gold rows (``bench_crf.place``). The
features are ``extract.orgtagger``'s, as strings; the model is dumped and its state
weights stored per feature kind as sorted integer keys and float16 rows, weights under
``--prune`` in magnitude dropped (a key whose row is all dropped is left out). The test
half and the held-out batches are never read.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.bench_crf import bio, place
from bench.bench_rerank import _sets, _texts
from pizhu.extract import orgtagger as ot


def features(text: str) -> list[list[str]]:
    """The tagger's features of every character of ``text`` (what ``orgtagger.Model.emissions`` sums)."""
    padded = "^^" + text + "$$"
    heads = bytearray(len(text))
    for m in ot.HEAD_START_RE.finditer(text):
        heads[m.start()] = 1
    out = []
    for i, ch in enumerate(text):
        f = ["bias"]
        f += [f"{kind}={padded[i + 2 + o]}" for kind, o in ot.UNIGRAMS.items()]
        f += [f"{kind}={padded[i + 2 + o : i + 4 + o]}" for kind, o in ot.BIGRAMS.items()]
        f.append("k0=" + ot.klass(ch))
        if ch in ot.ANCHORS:
            f.append("anchor")
        if heads[i]:
            f.append("headstart")
        if ch in ot.LEVEL:
            f.append("level")
        if ch in ot.PLACE_SUFFIX:
            f.append("placesuffix")
        out.append(f)
    return out


def number(doc: str) -> int:
    return int(doc[:3]) if doc[:3].isdigit() else -1


def sequences(below: int | None) -> list[tuple[str, list[str]]]:
    """(draft, tags) of the seeds and of the dev texts (numbered below ``below`` when given)."""
    sets = _sets()
    out = []
    for name in ("seeds", "dev"):
        files, rows_all = sets[name]
        for doc, drafts in _texts(files):
            if name == "dev" and below is not None and number(doc) >= below:
                continue
            rows = [r for r in rows_all if r["doc"] == doc]
            placed, lost = place(drafts, rows)
            if lost:
                placed, lost = place(drafts, [r for r in rows if r["label"] not in ("DATE", "FIGURE")])
            out += [(t, bio(len(t), s)) for t, s in zip(drafts, placed, strict=True)]
    return out


def train(seqs: list[tuple[str, list[str]]], out: Path, prune: float) -> dict[str, Any]:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for text, tags in seqs:
        trainer.append(features(text), tags)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as folder:
        trainer.train(f"{folder}/model.crfsuite")
        tagger = pycrfsuite.Tagger()
        tagger.open(f"{folder}/model.crfsuite")
        labels = tagger.labels()
        tagger.dump(f"{folder}/dump.txt")
        tagger.close()
        dump = Path(f"{folder}/dump.txt").read_text("utf-8")
    return write(dump, labels, out, prune)


def write(dump: str, labels: list[str], out: Path, prune: float) -> dict[str, Any]:
    index = {lab: i for i, lab in enumerate(labels)}
    n = len(labels)
    transitions = np.zeros((n, n), np.float32)
    part = dump[dump.index("TRANSITIONS = {") : dump.index("STATE_FEATURES = {")]
    for a, b, w in re.findall(r"\(\d+\) (\S+) --> (\S+): (\S+)\n", part):
        transitions[index[a], index[b]] = float(w)
    tables: dict[str, dict[str, Any]] = {}
    part = dump[dump.index("STATE_FEATURES = {") :]
    for attr, lab, w in re.findall(r"\(\d+\) (.*?) --> (\S+): (\S+)\n", part, re.S):
        kind, _, value = attr.partition("=")
        tables.setdefault(kind, {}).setdefault(value, np.zeros(n, np.float32))[index[lab]] += float(w)
    arrays: dict[str, Any] = {"labels": np.array(labels), "transitions": transitions}
    kept = total = 0
    for kind in (*ot.UNIGRAMS, *ot.BIGRAMS):
        width = 1 if kind in ot.UNIGRAMS else 2
        items = []
        for value, row in tables.get(kind, {}).items():
            if len(value) != width:
                continue
            total += 1
            row = np.where(np.abs(row) >= prune, row, 0)
            if row.any():
                items.append((ot.key(value), row))
        items.sort(key=lambda kv: kv[0])
        kept += len(items)
        arrays[f"keys:{kind}"] = np.array([k for k, _ in items], np.int64)
        arrays[f"rows:{kind}"] = np.array([r for _, r in items], np.float16).reshape(len(items), n)
    zero = np.zeros(n, np.float32)
    arrays["flags"] = np.array([tables.get(f, {}).get("", zero) for f in ot.FLAGS], np.float32)
    arrays["classes"] = np.array([tables.get("k0", {}).get(c, zero) for c in ot.CLASSES], np.float32)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        np.savez_compressed(fh, **arrays)
    return {"keys": kept, "of": total, "bytes": out.stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--below", type=int, help="only dev texts numbered below this (a forward fold)")
    parser.add_argument("--out", type=Path, default=ot.MODEL_PATH)
    parser.add_argument("--prune", type=float, default=0.01, help="drop state weights smaller than this")
    args = parser.parse_args()
    began = time.perf_counter()
    seqs = sequences(args.below)
    info = train(seqs, args.out, args.prune)
    print(
        f"{args.out}: {sum(len(t) for t, _ in seqs):,} characters, {info['keys']:,} of {info['of']:,} feature"
        f" values kept, {info['bytes']:,} bytes, {time.perf_counter() - began:.0f} s"
    )


if __name__ == "__main__":
    main()
