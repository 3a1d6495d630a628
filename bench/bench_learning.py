"""Benchmark: candidates on a fixed set of real reports as others are reviewed to gold.

The development corpus (``tests/data/corpus``: its dev half and ``dev-gold.jsonl``, every
label) is split once, by sorted file name: the last ``--fixed`` reports are the fixed set,
scored only; the others are reviewed to gold, in sorted order, ``k`` at a time for k in
0, 2, 5, 10, 20. For each k a fresh database imports every report (the real extractor),
then a reviewer makes the k reports' gold by ordinary decisions (confirm the gold
candidates, add the missed, reject the rest), so the live gold lexicon (``store.lexicon``)
spreads what they made gold to the fixed set as it would in the app. With ``--model`` a
model is also trained (``pizhu train``) on the k reports and proposes beside the rules on
the fixed set (``store.train.with_model``, its precision floor applied).

Scored per label on the fixed set, exact place and label, against its gold:
``rules`` (the extractor's candidates), ``+lexicon`` (with the lexicon's), ``+model``.

With ``--keys``, also keys per gold span on the fixed set for each source and step: a copy
of the database holding the fixed reports only (the others withdrawn), with the sources
left out taken away (``rules``: no lexicon candidates; ``+model``: the fixed reports
proposed anew with the model beside the rules, ``store.train.with_model``), is reviewed
to its gold in the real app under Pilot by ``bench/bench_keys.py``'s reviewer (80x24, all
eight labels). Slow: minutes per run; run it with ``nice``.

Usage: python -m bench.bench_learning [--fixed 7] [--steps 0,2,5,10,20] [--model] [--keys] [--wrong]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench.golddb import locate
from extract.models import LABELS
from store.db import Store
from store.importer import import_file
from store.lexicon import SOURCE

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"
REVIEWER = "gold"
Place = tuple[int, int, str]


def _gold_rows() -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = defaultdict(list)
    for line in (CORPUS / "dev-gold.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows[row["doc"]].append(row)
    return rows


def _review(store: Store, doc: int, gold: set[Place]) -> None:
    """The reviewer's decisions that make the report's gold (as ``bench.golddb.apply_gold``)."""
    seen: set[Place] = set()
    for span in store.spans(doc, REVIEWER):
        key = (span.start, span.end, span.label)
        if span.origin == "human" or span.status != "pending":
            seen.add(key)
            continue
        if key in gold and key not in seen:
            store.decide(span.id, REVIEWER, "confirm")
            seen.add(key)
        else:
            store.decide(span.id, REVIEWER, "reject")
    for start, end, label in sorted(gold - seen):
        store.add_span(doc, REVIEWER, start, end, label)


def _score(found: set[Place], gold: set[Place]) -> dict[str, tuple[int, int, int]]:
    out = {}
    for label in LABELS:
        f = {p for p in found if p[2] == label}
        g = {p for p in gold if p[2] == label}
        out[label] = (len(f & g), len(f - g), len(g - f))
    return out


def _f1(tp: int, fp: int, fn: int) -> str:
    if tp + fp + fn == 0:
        return "  —  "
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return f"{(2 * p * r / (p + r)) if p + r else 0.0:.2f}"


def _keys(
    store: Store, tmp: Path, name: str, fixed: list[int], gold: dict[int, set[Place]], model: Path | None, lexicon: bool
) -> float:
    """Keys per gold span on the fixed reports, reviewed in the app (``bench.bench_keys``)."""
    from bench.bench_keys import Gold, review
    from store.db import recount_candidates

    copy = tmp / f"keys-{name}.db"
    target = sqlite3.connect(copy)
    store.conn.backup(target)
    target.close()
    with Store(copy) as kept:
        marks = ",".join("?" * len(fixed))
        with kept.transaction() as conn:
            conn.execute(f"UPDATE documents SET deleted_at = '2000-01-01T00:00:00Z' WHERE id NOT IN ({marks})", fixed)
            if not lexicon:
                conn.execute(
                    f"DELETE FROM spans WHERE origin = 'machine' AND source = ? AND document_id IN ({marks})",
                    [SOURCE, *fixed],
                )
                for doc in fixed:
                    recount_candidates(conn, doc)
        if model is not None:
            from extract.pipeline import extract_spans
            from store.maintenance import reextract
            from store.train import with_model

            reextract(kept, fixed, extract=with_model(extract_spans, model))
        golds = [
            Gold(doc, label, start, end, kept.document_text(doc)[start:end])
            for doc in fixed
            for start, end, label in sorted(gold[doc])
        ]
    tally = asyncio.run(review(copy, golds, {doc: set(LABELS) for doc in fixed}, (80, 24)))
    return sum(tally.keys.values()) / max(1, len(golds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixed", type=int, default=7)
    parser.add_argument("--steps", default="0,2,5,10,20")
    parser.add_argument("--model", action="store_true", help="also train a model on the reviewed reports")
    parser.add_argument(
        "--floors", default="", help="with --model: sweep the model's precision floor over these (0,0.5,0.9)"
    )
    parser.add_argument("--keys", action="store_true", help="also keys per gold span (the app under Pilot)")
    parser.add_argument(
        "--wrong", action="store_true", help="print the lexicon's proposals not in the gold, in context"
    )
    args = parser.parse_args()
    names = json.loads((CORPUS / "split.json").read_text("utf-8"))["dev"]
    rows = _gold_rows()
    names = sorted(n for n in names if n in rows)
    fixed, others = names[-args.fixed :], names[: -args.fixed]
    steps = [int(k) for k in args.steps.split(",") if int(k) <= len(others)]
    print(f"fixed set: {len(fixed)} reports; others: {len(others)}; steps {steps}")
    table: dict[tuple[int, str], dict[str, tuple[int, int, int]]] = {}
    keys: dict[tuple[int, str], float] = {}
    floors = [float(f) for f in args.floors.split(",") if f]
    swept: dict[tuple[int, float], tuple[int, ...]] = {}
    for k in steps:
        began = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "learn.db")
            ids: dict[str, int] = {}
            for name in [*others, *fixed]:
                import_file(store, CORPUS / "texts" / name)
                ids[name] = store.document_ids()[-1]
            gold: dict[str, set[Place]] = {}
            for name in names:
                found, _lost = locate(store.document_text(ids[name]), rows[name])
                gold[name] = set(found)
            for name in others[:k]:
                _review(store, ids[name], gold[name])
            model_found: dict[str, set[Place]] = {}
            model_dir: Path | None = None
            if args.model and k:
                from extract.pipeline import extract_spans
                from store.train import TrainError, TrainOptions, allowed_labels, load_model, train, with_model

                out = Path(tmp) / "model"
                try:
                    train(store, TrainOptions(epochs=10), out=out)
                    model_dir = out
                    run = with_model(extract_spans, out)
                    for name in fixed:
                        text = store.document_text(ids[name])
                        model_found[name] = {
                            (s.start, s.end, s.label) for s in run(text) if s.source.startswith("trained:")
                        }
                    for floor in floors:
                        nlp = load_model(out)
                        run = with_model(extract_spans, out, floor=floor)
                        row = [len(allowed_labels(nlp, floor)), 0, 0, 0, 0, 0]
                        for name in [*others[k:], *fixed]:  # every report not reviewed: held out
                            text = store.document_text(ids[name])
                            spans = run(text)
                            alone = {(s.start, s.end, s.label) for s in spans if s.source.startswith("trained:")}
                            lexicon = {
                                (s.start, s.end, s.label) for s in store.spans(ids[name]) if s.origin == "machine"
                            }
                            found = lexicon | alone
                            row[1] += len(alone & gold[name])
                            row[2] += len(alone - gold[name])
                            row[3] += len(found & gold[name])
                            row[4] += len(found - gold[name])
                            row[5] += len(gold[name] - found)
                        swept[(k, floor)] = tuple(row)
                except TrainError as exc:
                    print(f"  k={k}: no model ({exc})")
            totals: dict[str, dict[str, list[int]]] = {
                src: {label: [0, 0, 0] for label in LABELS} for src in ("rules", "+lexicon", "+model")
            }
            for name in fixed:
                spans = [s for s in store.spans(ids[name]) if s.origin == "machine"]
                rules = {(s.start, s.end, s.label) for s in spans if s.source != SOURCE}
                lexicon = {(s.start, s.end, s.label) for s in spans}
                if args.wrong:
                    text = store.document_text(ids[name])
                    for start, end, label in sorted(lexicon - rules - gold[name]):
                        near = sorted(g for g in gold[name] if g[0] < end and start < g[1])
                        print(
                            f"    k={k} {name} {label} {text[start:end]!r} in"
                            f" {text[max(0, start - 8) : end + 8]!r}; gold there: "
                            + (", ".join(f"{g[2]} {text[g[0] : g[1]]!r}" for g in near) or "none")
                        )
                for src, found in (
                    ("rules", rules),
                    ("+lexicon", lexicon),
                    ("+model", lexicon | model_found.get(name, set())),
                ):
                    for label, (tp, fp, fn) in _score(found, gold[name]).items():
                        t = totals[src][label]
                        t[0] += tp
                        t[1] += fp
                        t[2] += fn
            for src, per in totals.items():
                table[(k, src)] = {label: (v[0], v[1], v[2]) for label, v in per.items()}
            if args.keys:
                fixed_ids = [ids[name] for name in fixed]
                by_id = {ids[name]: gold[name] for name in fixed}
                runs = [("rules", None, False), ("+lexicon", None, True)]
                if args.model:
                    runs.append(("+model", model_dir, True))
                for src, model, lexicon in runs:
                    began_keys = time.perf_counter()
                    keys[(k, src)] = _keys(store, Path(tmp), src, fixed_ids, by_id, model, lexicon)
                    took = time.perf_counter() - began_keys
                    print(f"  k={k} {src}: {keys[(k, src)]:.2f} keys per gold span ({took:.0f}s)")
            store.close()
        print(f"  k={k}: {time.perf_counter() - began:.0f}s")
    sources = ["rules", "+lexicon", *(["+model"] if args.model else [])]
    print("\nF1 per label on the fixed set (exact place and label), by reviewed reports k")
    print("label    " + "".join(f"{f'k={k}':>{7 * len(sources)}}" for k in steps))
    print("         " + "".join("".join(f"{s[:6]:>7}" for s in sources) for _k in steps))
    for label in LABELS:
        line = f"{label:8} "
        for k in steps:
            line += "".join(f"{_f1(*table[(k, s)][label]):>7}" for s in sources)
        print(line)
    print("\nP / R (all labels)")
    for k in steps:
        cells = []
        for s in sources:
            tp = sum(v[0] for v in table[(k, s)].values())
            fp = sum(v[1] for v in table[(k, s)].values())
            fn = sum(v[2] for v in table[(k, s)].values())
            cells.append(f"{s} P {tp / max(1, tp + fp):.2f} R {tp / max(1, tp + fn):.2f} F1 {_f1(tp, fp, fn)}")
        print(f"  k={k:2}: " + " | ".join(cells))
    if swept:
        print(
            "\nThe model's precision floor (a label proposed alone only if its held-out precision reached it),"
            " scored on every report not reviewed"
        )
        print("   k  floor  labels  model-only right/wrong  P(model-only)  rules+lexicon+model P    R    F1")
        for (k, floor), (labels, right, wrong, tp, fp, fn) in sorted(swept.items()):
            alone = f"{right / (right + wrong):.2f}" if right + wrong else "  — "
            print(
                f"  {k:2}  {floor:5.2f}  {labels:6}  {right:10}/{wrong:<5}         {alone:>5}"
                f"          {tp / max(1, tp + fp):.2f} {tp / max(1, tp + fn):.2f} {_f1(tp, fp, fn)}"
            )
    if keys:
        print("\nKeys per gold span on the fixed set (the app under Pilot, 80x24), by reviewed reports k")
        print("source   " + "".join(f"{f'k={k}':>8}" for k in steps))
        for s in sources:
            print(f"{s:8} " + "".join(f"{keys[(k, s)]:8.2f}" if (k, s) in keys else f"{'—':>8}" for k in steps))


if __name__ == "__main__":
    main()
