"""Bench: does a learned span filter lift PERSON/ORG/GPE/SLOGAN on pages no rule has seen? Forward in time.

    nice python -m bench.bench_filter [--folds W1 W2 W3]

For each forward fold Wk (``bench.train_filter.WAVES``), the filter is trained on the pre-wave
candidates of the waves before it (W0..Wk-1) and applied to Wk's candidates from the extractor as it
stood before Wk (pages it had never seen); its per-label threshold is chosen by cross-validation inside
the training waves only. Prints every fold's P/R/F1 before and after per label, the pooled figures
(tp/fp/fn summed over the folds) and the adoption rule's verdict (``bench/bench_filter_results.md``).
Reads the dev half only.
"""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

from bench.filter_features import LABELS, probability
from bench.train_filter import (
    CURRENT,
    EPOCHS,
    THRESHOLDS,
    WAVES,
    Row,
    add_wave,
    choose,
    counts,
    filtered,
    gold_rows,
    in_waves,
    parts_data,
    prf,
    train,
    wave_data,
)

FOLD_GAIN, POOLED_GAIN, RECALL_SHARE = 0.005, 0.01, 1 / 3


def kinds(rows: list[Row], gold: list[dict[str, Any]], label: str) -> Counter[str]:
    """The wrong candidates of ``label`` by kind: a piece of a gold string of the label (``inside``), holding one
    (``holds``), a gold string of another label or overlapping one (``other``), or none of these (``none``)."""
    same: dict[str, list[str]] = {}
    other: dict[str, list[str]] = {}
    for g in gold:
        (same if g["label"] == label else other).setdefault(g["doc"], []).append(g["text"])
    out: Counter[str] = Counter()
    for r in rows:
        if r.label != label or r.right:
            continue
        if any(r.text in t for t in same.get(r.doc, [])):
            out["inside"] += 1
        elif any(t in r.text for t in same.get(r.doc, [])):
            out["holds"] += 1
        elif any(r.text in t or t in r.text for t in other.get(r.doc, [])):
            out["other"] += 1
        else:
            out["none"] += 1
    return out


def auc(scored: list[tuple[float, bool]]) -> float:
    """The chance that a right candidate scores above a wrong one (ties count half)."""
    right = [p for p, ok in scored if ok]
    wrong = [p for p, ok in scored if not ok]
    if not right or not wrong:
        return float("nan")
    return sum((p > q) + 0.5 * (p == q) for p in right for q in wrong) / (len(right) * len(wrong))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", nargs="+", help="the waves to test (default: every wave but the first)")
    parser.add_argument(
        "--add-wave",
        action="append",
        default=[],
        metavar="NAME=LO-HI@COMMIT",
        help="a later wave: its dev texts and the commit before it (W4=640-699@1303e96)",
    )
    parser.add_argument(
        "--procedure",
        choices=("A", "B", "C"),
        default="A",
        help="A: the rule's fixed model (8 epochs, every feature); B: epochs and a feature count floor chosen by the"
        " inner cross-validation too; C: A trained on the current extractor's dev candidates outside the tested"
        " and later waves as well (B and C written after A's table: exploratory)",
    )
    parser.add_argument(
        "--leave-one-out",
        action="store_true",
        help="a diagnostic, not the rule's measure: train on every other wave, later ones too (tells a shift in the"
        " errors from too little data)",
    )
    parser.add_argument(
        "--curve",
        action="store_true",
        help="also each fold's ranking quality (AUC) and F1 change at every threshold on the tested wave (what a"
        " threshold picked on the test itself would give: a bound, not a measure)",
    )
    args = parser.parse_args()
    for spec in args.add_wave:
        add_wave(spec)
    folds = args.folds or list(WAVES)[1:]
    gold = gold_rows()
    data: dict[str, tuple[list[Row], list[dict[str, Any]], list[dict[str, Any]]]] = {
        name: wave_data(name, gold) for name in WAVES
    }
    names = list(WAVES)
    current = parts_data((CURRENT,), gold)[0] if args.procedure == "C" else []
    print(f"{'label':7} {'fold':4} {'th':>4} {'P':>6} {'R':>6} {'F1':>6} -> {'P':>6} {'R':>6} {'F1':>6}  dF1")
    verdict: dict[str, bool] = {}
    for label in LABELS:
        pooled_before, pooled_after = [0, 0, 0], [0, 0, 0]
        every_fold = True
        for fold in folds:
            k = names.index(fold)
            before_k = [n for n in names if n != fold] if args.leave_one_out else names[:k]
            train_rows = [r for n in before_k for r in data[n][0]]
            train_gold = [g for n in before_k for g in data[n][1]]
            if current:
                later = names[k:]
                # The current candidates of a text are rows of their own report: named apart from its pre-wave ones.
                train_rows += [
                    Row("now:" + r.doc, r.label, r.text, r.features, r.right)
                    for r in current
                    if not in_waves(r.doc, later)
                ]
                train_gold += [{**g, "doc": "now:" + g["doc"]} for g in gold if not in_waves(g["doc"], later)]
            rows, wave_gold, others = data[fold]
            settings = None if args.procedure == "B" else ((EPOCHS, 1),)
            threshold, epochs, floor = choose(train_rows, train_gold, label, *([settings] if settings else []))
            weights = train(train_rows, label, epochs, floor)
            before = counts(wave_gold, filtered(rows, others, label, {}, 0.0), label)
            after = counts(wave_gold, filtered(rows, others, label, weights, threshold), label)
            for i in range(3):
                pooled_before[i] += before[i]
                pooled_after[i] += after[i]
            b, a = prf(*before), prf(*after)
            every_fold = every_fold and a[2] - b[2] >= FOLD_GAIN
            print(
                f"{label:7} {fold:4} {threshold:4.1f} {b[0]:6.3f} {b[1]:6.3f} {b[2]:6.3f} -> "
                f"{a[0]:6.3f} {a[1]:6.3f} {a[2]:6.3f} {a[2] - b[2]:+.3f}  (e {epochs}, m {floor})"
            )
            if args.curve:
                scored = [(probability(weights, r.features), r.right) for r in rows if r.label == label]
                at = {t: prf(*counts(wave_gold, filtered(rows, others, label, weights, t), label)) for t in THRESHOLDS}
                curve = " ".join(f"{t:.1f}:{at[t][2] - b[2]:+.3f}" for t in THRESHOLDS[1:])
                print(f"{'':12} AUC {auc(scored):.3f}  dF1 by threshold on the tested wave: {curve}")
                _tp, fp, fn = before
                perfect = prf(*counts(wave_gold, filtered([r for r in rows if r.right], others, label, {}, 0.0), label))
                wrong = ", ".join(f"{k} {n}" for k, n in sorted(kinds(rows, wave_gold, label).items()))
                print(f"{'':12} fp {fp} fn {fn}; wrong candidates: {wrong}; a perfect filter: F1 {perfect[2]:.3f}")
        b, a = prf(*pooled_before), prf(*pooled_after)
        d_p, d_r, d_f = a[0] - b[0], a[1] - b[1], a[2] - b[2]
        ok = every_fold and d_f >= POOLED_GAIN and -d_r <= RECALL_SHARE * max(d_p, 0.0)
        verdict[label] = ok
        print(
            f"{label:7} {'all':4} {'':4} {b[0]:6.3f} {b[1]:6.3f} {b[2]:6.3f} -> {a[0]:6.3f} {a[1]:6.3f} {a[2]:6.3f} "
            f"{d_f:+.3f}  dP {d_p:+.3f} dR {d_r:+.3f}  {'ADOPT' if ok else 'no'}"
        )
    for label in LABELS:
        wrong = {n: sum(1 for r in data[n][0] if r.label == label and not r.right) for n in names}
        total = {n: sum(1 for r in data[n][0] if r.label == label) for n in names}
        print(f"{label} wrong/all candidates: " + ", ".join(f"{n} {wrong[n]}/{total[n]}" for n in names))
    print("adopt: " + (", ".join(label for label, ok in verdict.items() if ok) or "none"))


if __name__ == "__main__":
    main()
