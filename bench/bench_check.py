"""Benchmark: ``pizhu check`` finds planted contradictions in a reviewed database.

Builds the seeds' reviewed database (``bench.golddb.seeds_gold_db``: the hand-made gold
of the seed reports, every report finished), runs ``store.check`` on it as it is (its
own findings: real inconsistencies of the seeds' gold, or false flags; listed), then
plants 30 contradictions by ordinary decisions of the gold reviewer:

- 10 ``label``: a gold span whose string is gold at least twice elsewhere, relabelled;
- 10 ``rejected``: such a span rejected (a machine candidate) or taken back (an added one
  is relabelled instead? no: a candidate only), so its string is gold there and rejected here;
- 10 ``variant``: a gold span of a multi-character name shortened from the left by one to
  three characters (城中区政协 → 政协 where 城中区政协 is gold elsewhere).

A planted contradiction is found when a finding names its report and overlaps its place.
A false flag is a finding after planting that is neither a planted one nor one the
database had before. Target: ≥ 90 % found, ≤ 20 % of the findings false.

With ``--model``: the kind ``pizhu check --model`` finds (``store.check_model``: a gold
span a model trained without its report reads as another label), in the reviewed dev
half of the corpus (``tests/data/corpus``, 38 reports, every label, its gold applied by
ordinary decisions as ``bench.golddb.apply_gold`` does). 30 gold spans whose string is
gold nowhere else (so no string check can see them; at most two a report) are relabelled
to a label they are easily taken for (PERSON → ORG, GPE ↔ ORG, DATE ↔ FIGURE, …); then
``check --model`` runs once. Found: a ``model`` finding on the planted span's place. False
flags: every ``model`` finding on another span (the corpus gold is taken as right, so a
model finding there is counted false, whether or not the database had it before
planting). What each model read is recorded, and every way of flagging is scored on the
same readings: corrected and added gold (as ``check --model``) or any gold, the exact
stretch (as ``check --model``) or also a reading over the span. ``--epochs``/``--budget``
set each fold's training (default: ``check --model``'s). Slow: five trainings.

Usage: python -m bench.bench_check [--seed 0] [--model [--epochs N] [--budget N]]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bench.golddb import REVIEWER, apply_gold, seeds_gold_db
from pizhu.extract.models import LABELS
from pizhu.store.check import Finding, check
from pizhu.store.db import Store
from pizhu.store.records import Change, SpanView

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"
CONFUSED = {
    "PERSON": "ORG",
    "ORG": "GPE",
    "GPE": "ORG",
    "TITLE": "SLOGAN",
    "MEETING": "ORG",
    "SLOGAN": "TITLE",
    "DATE": "FIGURE",
    "FIGURE": "DATE",
}
"""The wrong label a planted model-kind error gives each label: the one it is most easily taken for."""


def _key(f: Finding) -> tuple[str, int, int, int]:
    return (f.kind, f.document_id, f.start, f.end)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--model", action="store_true", help="plant the model kind (pizhu check --model; slow)")
    parser.add_argument("--plant", type=int, default=30, help="with --model: how many to plant")
    parser.add_argument("--epochs", type=int, default=None, help="with --model: epochs per fold (default: check's)")
    parser.add_argument("--budget", type=int, default=None, help="with --model: sentences per fold (default: check's)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.model:
        model_bench(rng, args.plant, args.epochs, args.budget)
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "gold.db"
        applied = seeds_gold_db(db)
        print(f"seeds gold: {applied.confirmed} confirmed, {applied.added} added, {applied.rejected} rejected")
        with Store(db) as store:
            before = check(store)
            print(f"findings before planting: {len(before)} ({dict(Counter(f.kind for f in before))})")
            for f in before[:8]:
                print(f"  {f.kind:10} #{f.document_id} {f.start}-{f.end} {f.label} {f.text!r}: {f.detail}")
            gold = [
                s
                for doc in store.document_ids()
                for s in store.spans(doc, REVIEWER)
                if s.status in ("confirmed", "corrected", "added") and len(s.text) >= 2
            ]
            counts = Counter(s.text for s in gold)
            repeated = [s for s in gold if counts[s.text] >= 3]
            rng.shuffle(repeated)
            used: set[str] = set()
            planted: list[tuple[str, int, int, int]] = []

            def pick(ok: Callable[[SpanView], bool]) -> SpanView | None:
                for s in repeated:
                    if s.text not in used and ok(s):
                        used.add(s.text)
                        return s
                return None

            for _ in range(10):
                s = pick(lambda s: True)
                if s is None:
                    break
                other = next(label for label in LABELS if label != s.label)
                store.decide(s.id, REVIEWER, Change("label", label=other))
                planted.append(("label", s.document_id, s.start, s.end))
            for _ in range(10):
                s = pick(lambda s: s.origin == "machine")
                if s is None:
                    break
                store.decide(s.id, REVIEWER, Change("reject"))
                planted.append(("rejected", s.document_id, s.start, s.end))
            names = sorted({s.text for s in gold if len(s.text) >= 4 and counts[s.text] >= 2} - used)
            rng.shuffle(names)
            for name in names[:10]:
                s = next(x for x in gold if x.text == name)
                cut = rng.randint(1, min(3, len(name) - 2))
                store.decide(s.id, REVIEWER, Change("boundary", start=s.start + cut, end=s.end))
                planted.append(("variant", s.document_id, s.start + cut, s.end))
            began = time.perf_counter()
            after = check(store)
            seconds = time.perf_counter() - began
        old = {_key(f) for f in before}
        found = 0
        matched: set[tuple[str, int, int, int]] = set()
        for kind, doc, start, end in planted:
            hits = [f for f in after if f.document_id == doc and f.start < end and start < f.end]
            if hits:
                found += 1
                matched |= {_key(f) for f in hits}
            else:
                print(f"  missed {kind} #{doc} {start}-{end}")
        new = [f for f in after if _key(f) not in old]
        false = [f for f in new if _key(f) not in matched]
        for f in false[:8]:
            print(f"  false? {f.kind:10} #{f.document_id} {f.start}-{f.end} {f.label} {f.text!r}: {f.detail}")
        print(f"planted {len(planted)} ({dict(Counter(p[0] for p in planted))})")
        print(f"found {found}/{len(planted)} ({found / max(1, len(planted)):.0%}); target ≥ 90 %")
        print(
            f"new findings {len(new)}, false flags {len(false)}"
            f" ({len(false) / max(1, len(new)):.0%} of new); target ≤ 20 %"
        )
        print(f"check took {seconds * 1000:.0f} ms on {len(gold)} gold spans")


def model_bench(rng: random.Random, plant: int, epochs: int | None = None, budget: int | None = None) -> None:
    """Plant ``plant`` relabelled gold spans in the reviewed dev half; run ``check --model``."""
    import json

    import pizhu.store.check_model as check_model
    from pizhu.store.check_model import model_findings
    from pizhu.store.importer import import_file

    names = sorted(json.loads((CORPUS / "split.json").read_text("utf-8"))["dev"])
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "gold.db") as store:
        for name in names:
            import_file(store, CORPUS / "texts" / name)
        applied = apply_gold(store, (CORPUS / "dev-gold.jsonl",))
        print(
            f"corpus dev half: {len(names)} reports; gold {applied.confirmed} confirmed, {applied.added} added,"
            f" {applied.rejected} rejected; rows not found {len(applied.not_found)}"
        )
        gold = [
            s
            for doc in store.document_ids()
            for s in store.spans(doc, REVIEWER)
            if s.status in ("confirmed", "corrected", "added")
        ]
        counts = Counter(s.text for s in gold)
        alone = [s for s in gold if counts[s.text] == 1 and len(s.text) >= 2]
        rng.shuffle(alone)
        per_doc: Counter[int] = Counter()
        planted: dict[tuple[int, int, int], str] = {}
        for s in alone:
            if len(planted) == plant:
                break
            if per_doc[s.document_id] >= 2:
                continue
            per_doc[s.document_id] += 1
            store.decide(s.id, REVIEWER, Change("label", label=CONFUSED[s.label]))
            planted[(s.document_id, s.start, s.end)] = f"{s.label} → {CONFUSED[s.label]} {s.text!r}"
        print(f"planted {len(planted)} ({dict(Counter(v.split()[0] for v in planted.values()))})")
        gold_now = {
            (s.document_id, s.start, s.end): (s.status, s.label)
            for doc in store.document_ids()
            for s in store.spans(doc, REVIEWER)
            if s.status in ("confirmed", "corrected", "added") and len(s.text) >= 2
        }
        texts = {doc: store.document_text(doc) for doc in store.document_ids()}
        reads: dict[str, list[tuple[int, int, str]]] = {}
        real = getattr(check_model, "predict")  # noqa: B009 (wrapped to record what the model read)

        def recording(nlp: object, text: str) -> list[tuple[int, int, str]]:
            reads[text] = list(real(nlp, text))
            return reads[text]

        setattr(check_model, "predict", recording)  # noqa: B010
        began = time.perf_counter()
        try:
            options = replace(
                check_model.OPTIONS,
                epochs=epochs or check_model.OPTIONS.epochs,
                budget=budget or check_model.OPTIONS.budget,
            )
            print(f"each fold: {options.epochs} epochs, at most {options.budget} sentences")
            everything = model_findings(store, options=options, flagged=("confirmed", "corrected", "added"))
        finally:
            setattr(check_model, "predict", real)  # noqa: B010
        seconds = time.perf_counter() - began
    findings = [f for f in everything if gold_now[(f.document_id, f.start, f.end)][0] in check_model.FLAGGED]
    print(f"check --model took {seconds:.0f} s on {len(gold_now)} gold spans (every gold span read)")
    places = {(f.document_id, f.start, f.end) for f in findings}
    for p, what in planted.items():
        if p not in places:
            print(
                f"  missed #{p[0]} {p[1]}-{p[2]} {what}; read there: "
                + str([r for r in reads.get(texts[p[0]], []) if r[0] < p[2] and p[1] < r[1]])
            )
    for f in [f for f in everything if (f.document_id, f.start, f.end) not in planted][:12]:
        where = gold_now[(f.document_id, f.start, f.end)][0]
        print(f"  false  #{f.document_id} {f.start}-{f.end} {f.label} {f.text!r} ({where}): {f.detail}")
    print("\n  flagged gold           reading            found    findings  false")
    for statuses, who in ((check_model.FLAGGED, "corrected, added"), (("confirmed", *check_model.FLAGGED), "any")):
        for overlap, how in ((False, "exact stretch"), (True, "exact or over it")):
            flagged: set[tuple[int, int, int]] = set()
            for (doc, start, end), (state, label) in gold_now.items():
                if state not in statuses:
                    continue
                read = reads.get(texts[doc], [])
                if check_model.disagreement(start, end, label, read, over=overlap) is not None:
                    flagged.add((doc, start, end))
            hit = len(set(planted) & flagged)
            false = len(flagged - set(planted))
            print(
                f"  {who:22} {how:18} {hit:2}/{len(planted)} {hit / max(1, len(planted)):4.0%}"
                f"  {len(flagged):8}  {false:4} {false / max(1, len(flagged)):4.0%}"
            )
    found = len(set(planted) & places)
    false = len(places - set(planted))
    print("pizhu check --model (corrected and added gold, exact stretch):")
    print(f"found {found}/{len(planted)} ({found / max(1, len(planted)):.0%}); target ≥ 90 %")
    print(f"findings {len(places)}, false flags {false} ({false / max(1, len(places)):.0%}); target ≤ 20 %")


if __name__ == "__main__":
    main()
