"""Bench: the shipped ORG tagger (``extract.orgtagger``), forward-chained over the blind waves, and its cost.

    pip install -e ".[crf]"       # python-crfsuite, for training the fold models only
    nice python -m bench.bench_orgtagger --cache /tmp/orgtagger        # forward folds W2, W3, W4
    nice python -m bench.bench_orgtagger --cost                         # cost on bench_lac's text only

Waves (dev texts by number) and the extractor that had not seen them: W1 430-501 at 60f8549,
W2 502-585 at 6a40771, W3 590-637 at d533c79 (as ``bench_crf_forward``), W4 640-711 at 1303e96
(0.3.54; only the W4 texts already in the dev gold are scored). Fold k trains the tagger
(``bench.train_orgtagger --below``) on the dev texts numbered below Wk and the seeds, runs the
shipped windows, decoder and ``grow`` policy over the pre-Wk extractor's spans of Wk, and
scores ORG, GPE and PERSON with and without it. The threshold t of fold k is chosen one wave
earlier (the model trained below W(k-1) over W(k-1) and its pre-wave extractor), maximising the
sum of dF1 over the three labels; nothing of the test wave chooses anything. ``--gate anchor``
reads windows before every organ-head character instead (``bench_crf_forward``'s gate).

Cost: the tagger's time (windows, emissions, Viterbi, marginals, policy) over ``extract_spans``'s
spans of ``bench_lac``'s text, as a share of ``extract_spans``'s time on the same drafts (best of
``--rounds``). The test half and the held-out batch are never read.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.bench_crf_forward import candidates, f1s, number
from bench.bench_rerank import _sets
from pizhu.extract import orgtagger as ot
from pizhu.extract.models import Span

WAVES = {
    1: (430, 501, "60f8549"),
    2: (502, 585, "6a40771"),
    3: (590, 637, "d533c79"),
    4: (640, 711, "1303e96"),
}
GRID = (0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
LABELS = ("ORG", "GPE", "PERSON")
ANCHOR_RE = re.compile(f"[{ot.ANCHORS}]")
LONG_RE = re.compile("|".join(h for h in ot._GATE_HEADS if len(h) > 1))
GATES = {"heads": ot.GATE_RE, "anchor": ANCHOR_RE, "long": LONG_RE}


def model_for(lo: int, cache: Path) -> ot.Model:
    path = cache / f"below{lo}.npz"
    if not path.exists():
        subprocess.run(
            [sys.executable, "-m", "bench.train_orgtagger", "--below", str(lo), "--out", str(path)], check=True
        )
    return ot.Model(path)


def as_spans(cands: list[Any]) -> list[Span]:
    return [Span(s, e, lab, t) for s, e, lab, t in cands]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/pizhu-orgtagger"))
    parser.add_argument(
        "--gate", choices=sorted(GATES), default="heads", help="long: the heads of two characters or more"
    )
    parser.add_argument("--cost", action="store_true", help="only the cost on bench_lac's text")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", type=Path, default=ot.MODEL_PATH, help="the weights --cost uses")
    args = parser.parse_args()
    gate = GATES[args.gate]
    if args.cost:
        began = time.perf_counter()
        model = ot.Model(args.model)
        # The weights load once per process, lazily, at the first extraction: this is what an import start pays.
        print(f"weights: {args.model.stat().st_size:,} bytes, loaded in {time.perf_counter() - began:.3f} s")
        cost(gate, args.rounds, model)
        return
    args.cache.mkdir(parents=True, exist_ok=True)
    dev_files, gold = _sets()["dev"]
    waves: dict[int, dict[str, Any]] = {}
    for k, (lo, hi, commit) in WAVES.items():
        paths = sorted(p for doc, p in dev_files.items() if lo <= number(doc) <= hi)
        waves[k] = candidates(commit, paths, args.cache)
        print(f"W{k}: {len(paths)} texts", flush=True)
    found: dict[int, dict[str, list[list[tuple[int, int, float]]]]] = {}
    clock, chars, read = 0.0, 0, 0
    for k, (lo, _hi, _c) in WAVES.items():
        model = model_for(lo, args.cache)
        found[k] = {}
        for doc, drafts in waves[k].items():
            found[k][doc] = []
            for text, cands in drafts:
                spans = as_spans(cands)
                began = time.perf_counter()
                spots = ot.windows(text, spans, gate)
                found[k][doc].append(ot.tag_windows(text, spots, spans, model))
                clock += time.perf_counter() - began
                chars += len(text)
                read += sum(b - a for a, b in spots)
    print(f"windows hold {read / chars:.1%} of {chars:,} characters; tagger {clock:.2f} s", flush=True)

    def result(k: int, t: float | None) -> dict:
        def make(doc: str, n: int) -> list[Any]:
            text, cands = waves[k][doc][n]
            if t is None:
                return cands
            spans = ot.apply(text, as_spans(cands), found[k][doc][n], t)
            return [(s.start, s.end, s.label, s.text) for s in spans]

        return f1s(gold, waves[k], make)

    chosen = {}
    for k in (2, 3, 4):
        base = result(k - 1, None)
        gains = {t: sum(result(k - 1, t)[lab]["f1"] - base[lab]["f1"] for lab in LABELS) for t in GRID}
        chosen[k] = max(GRID, key=lambda t: (gains[t], t))
        print(f"fold {k}: t on W{k - 1}: " + " ".join(f"{t}:{g:+.3f}" for t, g in gains.items()))
    print(f"\n{'wave':>5} {'t':>5} " + " ".join(f"{lab + ' P/R/F1 base -> grow':>38} {'dF1':>7}" for lab in LABELS))
    pooled: dict[str, list[int]] = {}
    for k in (2, 3, 4):
        base, r = result(k, None), result(k, chosen[k])
        cells = []
        for lab in LABELS:
            cells.append(f"{_prf(base[lab])} -> {_prf(r[lab])} {r[lab]['f1'] - base[lab]['f1']:+7.3f}")
            if k in (2, 3):
                acc = pooled.setdefault(lab, [0] * 6)
                for i, x in enumerate((base[lab]["tp"], base[lab]["fp"], base[lab]["fn"])):
                    acc[i] += x
                for i, x in enumerate((r[lab]["tp"], r[lab]["fp"], r[lab]["fn"])):
                    acc[3 + i] += x
        print(f"{'W' + str(k):>5} {chosen[k]:>5} " + " ".join(cells))
    line = []
    for lab, (btp, bfp, bfn, tp, fp, fn) in pooled.items():
        b, f = 2 * btp / (2 * btp + bfp + bfn), 2 * tp / (2 * tp + fp + fn)
        line.append(f"{lab} {b:.3f} -> {f:.3f} {f - b:+.3f}")
    print("pooled W2+W3: " + "  ".join(line))


def cost(gate: Any, rounds: int, model: ot.Model) -> None:
    from bench.bench_lac import _raw_text
    from pizhu.extract.document import prepare
    from pizhu.extract.pipeline import _stage_spans

    raw = _raw_text(200_000)
    drafts = [d.text for d in prepare(raw)]
    staged = [_stage_spans(t) for t in drafts]
    ot.tag_windows(drafts[0], ot.windows(drafts[0], staged[0], gate), staged[0], model)
    best_pipe = best_tag = cpu_pipe = cpu_tag = float("inf")
    read = 0
    for _ in range(rounds):
        began, cpu = time.perf_counter(), time.process_time()
        for t in drafts:
            _stage_spans(t)
        best_pipe = min(best_pipe, time.perf_counter() - began)
        cpu_pipe = min(cpu_pipe, time.process_time() - cpu)
        began, cpu = time.perf_counter(), time.process_time()
        read = 0
        for t, spans in zip(drafts, staged, strict=True):
            spots = ot.windows(t, spans, gate)
            read += sum(b - a for a, b in spots)
            ot.apply(t, spans, ot.tag_windows(t, spots, spans, model))
        best_tag = min(best_tag, time.perf_counter() - began)
        cpu_tag = min(cpu_tag, time.process_time() - cpu)
    n = sum(len(t) for t in drafts)
    print(
        f"bench_lac's text: {n:,} characters in {len(drafts)} drafts; windows hold {read / n:.1%};"
        f" extract_spans before the tagger {best_pipe:.2f} s, the tagger {best_tag:.3f} s"
        f" = {best_tag / best_pipe:.1%} (best of {rounds}); CPU time {cpu_pipe:.2f} s and {cpu_tag:.3f} s"
        f" = {cpu_tag / cpu_pipe:.1%}"
    )


def _prf(r: dict[str, Any]) -> str:
    return "/".join(f"{r[x] or 0:.3f}" for x in ("precision", "recall", "f1"))


if __name__ == "__main__":
    main()
