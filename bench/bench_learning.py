"""Benchmark: candidates on a fixed set of real reports as others are reviewed to gold.

The reports are a folder with gold (``--texts DIR --gold FILE...``: rows of ``doc``, the
file's name, ``label`` and ``text``, as ``bench/bench_keys.py`` reads them; a
``coverage.json`` beside a gold file may name the labels each report was labelled for,
and only those count); by default the development corpus (``tests/data/corpus``: its dev
half and ``dev-gold.jsonl``, every label). The test half is scored the same way with
``--texts tests/data/corpus/texts --gold tests/data/corpus/test-gold.jsonl``.

The reports with gold are split once, by sorted file name: the last ``--fixed`` reports
are the fixed set, scored only; the others are reviewed to gold, in sorted order, ``k`` at
a time for k in 0, 2, 5, 10, 20. For each k a fresh database imports every report (the
real extractor), then a reviewer makes the k reports' gold by ordinary decisions (confirm
the gold candidates, add the missed, reject the rest, each for the labels the report was
labelled for; a candidate of another label is left pending), so the live gold lexicon
(``store.lexicon``) spreads what they made gold to the fixed set as it would in the app.
With ``--model`` a model is also trained (``pizhu train``) on the k reports and proposes
beside the rules on the fixed set (``store.train.with_model``, its precision floor applied).

Scored per label on the fixed set, exact place and label, against its gold, each report
on the labels it was labelled for only: ``rules`` (the extractor's candidates),
``+lexicon`` (with the lexicon's), ``+model``.

With ``--keys``, also keys per gold span on the fixed set for each source and step: a copy
of the database holding the fixed reports only (the others withdrawn), with the sources
left out taken away (``rules``: no lexicon candidates; ``+model``: the fixed reports
proposed anew with the model beside the rules, ``store.train.with_model``), is reviewed
to its gold in the real app under Pilot by ``bench/bench_keys.py``'s reviewer (80x24, the
labels each report was labelled for). Slow: minutes per run; run it with ``nice``.

Usage: python -m bench.bench_learning [--texts DIR --gold FILE...] [--fixed 7] [--steps 0,2,5,10,20]
                                      [--model] [--keys] [--wrong]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import tempfile
import time
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.bench_keys import coverage, load_gold
from bench.golddb import locate
from pizhu.extract.models import LABELS
from pizhu.store.db import Store
from pizhu.store.importer import import_file
from pizhu.store.lexicon import SOURCE
from pizhu.store.records import Change

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"
REVIEWER = "gold"
SOURCES = ("rules", "+lexicon", "+model")
Place = tuple[int, int, str]
Counts = tuple[int, int, int]


@dataclass
class Curve:
    """What the bench measured: per (k, source), per label (right, wrong, missed) on the
    fixed set; keys per gold span per (k, source) with ``keys``; the floor sweep."""

    fixed: list[str]
    others: list[str]
    steps: list[int]
    sources: list[str]
    table: dict[tuple[int, str], dict[str, Counts]] = field(default_factory=dict)
    keys: dict[tuple[int, str], float] = field(default_factory=dict)
    swept: dict[tuple[int, float], tuple[int, ...]] = field(default_factory=dict)
    trained: dict[int, bool] = field(default_factory=dict)


def corpus_reports(half: str = "dev") -> tuple[Path, list[Path]]:
    """The corpus folder and gold file of one half (the dev half by default)."""
    return CORPUS / "texts", [CORPUS / f"{half}-gold.jsonl"]


def _gold_rows(texts: Path, gold_files: list[Path]) -> tuple[dict[str, list[dict[str, Any]]], dict[str, set[str]]]:
    """Gold rows by report file name (in file order) and the labels each report counts on:
    those ``coverage.json`` names for it, else all eight; rows of other labels dropped."""
    covered = coverage(gold_files)
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in load_gold(gold_files):
        rows[row["doc"]].append(row)
    labels = {name: covered.get(name, set(LABELS)) for name in rows}
    missing = [name for name in rows if not (texts / name).is_file()]
    if missing:
        raise SystemExit(f"{texts}: no report file for {len(missing)} gold document(s): {', '.join(missing[:5])}")
    kept = {name: [r for r in got if r["label"] in labels[name]] for name, got in rows.items()}
    return kept, labels


def _review(store: Store, doc: int, gold: set[Place], labels: set[str]) -> None:
    """The reviewer's decisions that make the report's gold (as ``bench.golddb.apply_gold``),
    on the labels it was labelled for: a candidate of another label is left pending."""
    seen: set[Place] = set()
    for span in store.spans(doc, REVIEWER):
        key = (span.start, span.end, span.label)
        if span.origin == "human" or span.status != "pending":
            seen.add(key)
            continue
        if span.label not in labels:
            continue
        if key in gold and key not in seen:
            store.decide(span.id, REVIEWER, Change("confirm"))
            seen.add(key)
        else:
            store.decide(span.id, REVIEWER, Change("reject"))
    for start, end, label in sorted(gold - seen):
        store.add_span(doc, REVIEWER, start, end, label)


def score(found: set[Place], gold: set[Place], labels: Collection[str] = LABELS) -> dict[str, Counts]:
    """Right, wrong and missed per label, exact place and label, on ``labels`` only (a report
    not labelled for a label says nothing about candidates of it)."""
    out = {}
    for label in LABELS:
        if label not in labels:
            continue
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
    store: Store,
    tmp: Path,
    name: str,
    fixed: list[int],
    gold: dict[int, set[Place]],
    labels: dict[int, set[str]],
    model: Path | None,
    lexicon: bool,
) -> float:
    """Keys per gold span on the fixed reports, reviewed in the app (``bench.bench_keys``)."""
    from bench.bench_keys import Gold, review
    from pizhu.store.db import recount_candidates

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
            from pizhu.extract.pipeline import extract_spans
            from pizhu.store.maintenance import reextract
            from pizhu.store.train import with_model

            reextract(kept, fixed, extract=with_model(extract_spans, model))
        golds = [
            Gold(doc, label, start, end, kept.document_text(doc)[start:end])
            for doc in fixed
            for start, end, label in sorted(gold[doc])
        ]
    tally = asyncio.run(review(copy, golds, labels, (80, 24)))
    return sum(tally.keys.values()) / max(1, len(golds))


def curve(
    texts: Path,
    gold_files: list[Path],
    *,
    fixed: int = 7,
    steps: list[int] | None = None,
    names: list[str] | None = None,
    model: bool = False,
    keys: bool = False,
    floors: list[float] | None = None,
    wrong: bool = False,
    epochs: int = 10,
    log: bool = True,
) -> Curve:
    """The learning curve on the reports of ``texts`` with gold in ``gold_files`` (only
    ``names`` of them when given), the last ``fixed`` by name scored."""
    rows, covers = _gold_rows(texts, gold_files)
    chosen = sorted(n for n in (names if names is not None else rows) if n in rows)
    if len(chosen) <= fixed:
        raise SystemExit(f"{len(chosen)} report(s) with gold: need more than the {fixed} of the fixed set")
    fixed_names, others = chosen[-fixed:], chosen[:-fixed]
    wanted = [0, 2, 5, 10, 20] if steps is None else steps
    out = Curve(
        fixed_names,
        others,
        [k for k in wanted if k <= len(others)],
        ["rules", "+lexicon", *(["+model"] if model else [])],
    )

    def say(line: str) -> None:
        if log:
            print(line, flush=True)

    say(f"fixed set: {len(fixed_names)} reports; others: {len(others)}; steps {out.steps}")
    for k in out.steps:
        began = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "learn.db")
            ids: dict[str, int] = {}
            for name in [*others, *fixed_names]:
                import_file(store, texts / name)
                ids[name] = store.document_ids()[-1]
            gold: dict[str, set[Place]] = {}
            for name in chosen:
                placed, _lost = locate(store.document_text(ids[name]), rows[name])
                gold[name] = set(placed)
            for name in others[:k]:
                _review(store, ids[name], gold[name], covers[name])
            model_found: dict[str, set[Place]] = {}
            model_dir: Path | None = None
            if model and k:
                from pizhu.extract.pipeline import extract_spans
                from pizhu.store.errors import TrainError
                from pizhu.store.train import TrainOptions, allowed_labels, load_model, train, with_model

                trained_to = Path(tmp) / "model"
                try:
                    train(store, TrainOptions(epochs=epochs), out=trained_to)
                    model_dir = trained_to
                    out.trained[k] = True
                    run = with_model(extract_spans, trained_to)
                    for name in fixed_names:
                        text = store.document_text(ids[name])
                        model_found[name] = {
                            (s.start, s.end, s.label) for s in run(text) if s.source.startswith("trained:")
                        }
                    for floor in floors or []:
                        nlp = load_model(trained_to)
                        run = with_model(extract_spans, trained_to, floor=floor)
                        row = [len(allowed_labels(nlp, floor)), 0, 0, 0, 0, 0]
                        for name in [*others[k:], *fixed_names]:  # every report not reviewed: held out
                            text = store.document_text(ids[name])
                            alone = {(s.start, s.end, s.label) for s in run(text) if s.source.startswith("trained:")}
                            lexicon = {
                                (s.start, s.end, s.label) for s in store.spans(ids[name]) if s.origin == "machine"
                            }
                            proposed = {p for p in lexicon | alone if p[2] in covers[name]}
                            alone = {p for p in alone if p[2] in covers[name]}
                            row[1] += len(alone & gold[name])
                            row[2] += len(alone - gold[name])
                            row[3] += len(proposed & gold[name])
                            row[4] += len(proposed - gold[name])
                            row[5] += len(gold[name] - proposed)
                        out.swept[(k, floor)] = tuple(row)
                except TrainError as exc:
                    out.trained[k] = False
                    say(f"  k={k}: no model ({exc})")
            totals: dict[str, dict[str, list[int]]] = {src: {label: [0, 0, 0] for label in LABELS} for src in SOURCES}
            for name in fixed_names:
                machine = [s for s in store.spans(ids[name]) if s.origin == "machine"]
                rules = {(s.start, s.end, s.label) for s in machine if s.source != SOURCE}
                lexicon = {(s.start, s.end, s.label) for s in machine}
                if wrong:
                    text = store.document_text(ids[name])
                    for start, end, label in sorted(lexicon - rules - gold[name]):
                        if label not in covers[name]:
                            continue
                        near = sorted(g for g in gold[name] if g[0] < end and start < g[1])
                        say(
                            f"    k={k} {name} {label} {text[start:end]!r} in"
                            f" {text[max(0, start - 8) : end + 8]!r}; gold there: "
                            + (", ".join(f"{g[2]} {text[g[0] : g[1]]!r}" for g in near) or "none")
                        )
                for src, found in (
                    ("rules", rules),
                    ("+lexicon", lexicon),
                    ("+model", lexicon | model_found.get(name, set())),
                ):
                    for label, (tp, fp, fn) in score(found, gold[name], covers[name]).items():
                        t = totals[src][label]
                        t[0] += tp
                        t[1] += fp
                        t[2] += fn
            counted = set().union(*(covers[name] for name in fixed_names))
            for src in out.sources:
                out.table[(k, src)] = {
                    label: (v[0], v[1], v[2]) for label, v in totals[src].items() if label in counted
                }
            if keys:
                fixed_ids = [ids[name] for name in fixed_names]
                by_id = {ids[name]: gold[name] for name in fixed_names}
                labels_by_id = {ids[name]: covers[name] for name in fixed_names}
                runs: list[tuple[str, Path | None, bool]] = [("rules", None, False), ("+lexicon", None, True)]
                if model:
                    runs.append(("+model", model_dir, True))
                for src, trained, lexicon_on in runs:
                    began_keys = time.perf_counter()
                    out.keys[(k, src)] = _keys(
                        store, Path(tmp), src.lstrip("+"), fixed_ids, by_id, labels_by_id, trained, lexicon_on
                    )
                    took = time.perf_counter() - began_keys
                    say(f"  k={k} {src}: {out.keys[(k, src)]:.2f} keys per gold span ({took:.0f}s)")
            store.close()
        say(f"  k={k}: {time.perf_counter() - began:.0f}s")
    return out


def report(out: Curve) -> str:
    """The tables, as printed."""
    sources, steps = out.sources, out.steps
    lines = ["", "F1 per label on the fixed set (exact place and label), by reviewed reports k"]
    lines.append("label    " + "".join(f"{f'k={k}':>{7 * len(sources)}}" for k in steps))
    lines.append("         " + "".join("".join(f"{s[:6]:>7}" for s in sources) for _k in steps))
    for label in LABELS:
        row = f"{label:8} "
        for k in steps:
            row += "".join(f"{_f1(*out.table[(k, s)].get(label, (0, 0, 0))):>7}" for s in sources)
        lines.append(row)
    lines += ["", "P / R (all labels counted)"]
    for k in steps:
        cells = []
        for s in sources:
            tp = sum(v[0] for v in out.table[(k, s)].values())
            fp = sum(v[1] for v in out.table[(k, s)].values())
            fn = sum(v[2] for v in out.table[(k, s)].values())
            cells.append(f"{s} P {tp / max(1, tp + fp):.2f} R {tp / max(1, tp + fn):.2f} F1 {_f1(tp, fp, fn)}")
        lines.append(f"  k={k:2}: " + " | ".join(cells))
    if out.swept:
        lines += [
            "",
            "The model's precision floor (a label proposed alone only if its held-out precision reached it),"
            " scored on every report not reviewed",
            "   k  floor  labels  model-only right/wrong  P(model-only)  rules+lexicon+model P    R    F1",
        ]
        for (k, floor), (labels, right, wrong, tp, fp, fn) in sorted(out.swept.items()):
            alone = f"{right / (right + wrong):.2f}" if right + wrong else "  — "
            lines.append(
                f"  {k:2}  {floor:5.2f}  {labels:6}  {right:10}/{wrong:<5}         {alone:>5}"
                f"          {tp / max(1, tp + fp):.2f} {tp / max(1, tp + fn):.2f} {_f1(tp, fp, fn)}"
            )
    if out.keys:
        lines += ["", "Keys per gold span on the fixed set (the app under Pilot, 80x24), by reviewed reports k"]
        lines.append("source   " + "".join(f"{f'k={k}':>8}" for k in steps))
        for s in sources:
            per_k = "".join(f"{out.keys[(k, s)]:8.2f}" if (k, s) in out.keys else f"{'—':>8}" for k in steps)
            lines.append(f"{s:8} " + per_k)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=None, help="a folder of reports (default: the corpus)")
    parser.add_argument("--gold", type=Path, nargs="+", default=None, help="gold files for --texts (doc, label, text)")
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
    if (args.texts is None) != (args.gold is None):
        parser.error("--texts and --gold go together")
    if args.texts is None:
        texts, gold_files = corpus_reports("dev")
        names = json.loads((CORPUS / "split.json").read_text("utf-8"))["dev"]
    else:
        texts, gold_files, names = args.texts, list(args.gold), None
    out = curve(
        texts,
        gold_files,
        fixed=args.fixed,
        steps=[int(k) for k in args.steps.split(",")],
        names=names,
        model=args.model,
        keys=args.keys,
        floors=[float(f) for f in args.floors.split(",") if f],
        wrong=args.wrong,
    )
    print(report(out))


if __name__ == "__main__":
    main()
