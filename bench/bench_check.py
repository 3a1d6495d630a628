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
span that span classifiers trained without its report contradict), in the reviewed dev
half of the corpus (``tests/data/corpus``, every dev report of ``split.json``: 86, every label, its gold applied by
ordinary decisions as ``bench.golddb.apply_gold`` does). First ``check --model`` runs on
the database as it is: the corpus gold is taken as right, so every finding there is a false
flag. Then 30 mistakes are planted (``plant_model_kind``), a third of each kind, at most two
a report, on strings gold nowhere else (so no string check can see them): ``swap`` a label
to one it is easily taken for (PERSON → ORG, GPE ↔ ORG, DATE ↔ FIGURE, …), ``cut`` a name's
boundary through it (one or two characters off either end, between two characters of one
class), ``none`` a word that is no entity (a relative date, an ordinal, a title, a generic
body or place, a policy phrase) added as the label it is mistaken for; ``check --model``
runs again. Found: a ``model`` finding on the planted place; false: any other.
``--epochs`` sets each fold's training (default: ``check --model``'s). About a minute a run.

``--none-from words`` plants as none ordinary jieba words of the reports instead of the
phrases the check's rules were written from (``word_label``); ``--clean-from DUMP`` takes the
clean run's readings from an earlier ``--dump`` (they depend on neither seed nor plants) and reads
them again in their context by this code (``check_model.in_context``).

Usage: python -m bench.bench_check [--seed 0] [--model [--epochs N] [--none-from words] [--dump F] [--clean-from F]]
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable
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
    parser.add_argument("--dump", type=Path, default=None, help="with --model: pickle the readings and plants here")
    parser.add_argument(
        "--none-from",
        choices=("phrases", "words"),
        default="phrases",
        help="with --model: plant as none the guidelines' generic phrases (NOT_ENTITIES) or ordinary jieba words",
    )
    parser.add_argument(
        "--clean-from",
        type=Path,
        default=None,
        help="with --model: take the clean database's readings from a --dump of the same corpus and code"
        " (they depend on neither seed nor plants: training is seeded by fold), halving the time",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    if args.model:
        model_bench(rng, args.plant, args.epochs, args.dump, args.none_from, args.clean_from)
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


NOT_ENTITIES = (
    ("DATE", re.compile("今年|去年|明年|近年来|上半年|下半年|全年|当年|年初|年底")),
    ("FIGURE", re.compile("第[一二三四五六七八九十0-9]{1,3}[次届批期个]|多次|一批|首批")),
    ("PERSON", re.compile("副主席|主席|委员|秘书长|主任|同志|代表")),
    ("ORG", re.compile("有关部门|相关部门|各民主党派|各级党委|政府部门|职能部门|专委会")),
    ("GPE", re.compile("全市|全省|全县|基层|农村|社区|城乡|全国各地")),
    ("SLOGAN", re.compile("高质量发展|乡村振兴|民生实事|凝心聚力|建言资政")),
)
"""Words a reviewer may take for an entity (the guidelines' "not this label" column): relative
dates, ordinals, titles, generic bodies and places, policy phrases that are no fixed formula."""


def _same_class(a: str, b: str) -> bool:
    """Two characters a name does not break between: both CJK, or both digits."""
    return (a.isdigit() and b.isdigit()) or ("一" <= a <= "鿿" and "一" <= b <= "鿿")


def word_label(word: str, flag: str) -> str | None:
    """The label an ordinary word (jieba's ``flag``) is most easily mistaken for, or None: a
    numeral and a measure as FIGURE, a noun ending in a body's head as ORG, a word with a place
    character as GPE, a two- or three-character word with a surname first as PERSON. None for a
    name (jieba's name tags), a word of the guidelines' "not this label" column (``NOT_ENTITIES``)
    or a generic phrase (``span_form.generic``): the plants the check's rules were written from."""
    from pizhu.store.span_form import LEVEL_CHARS, REGION_CHARS, _org_head, _surname, fits, generic
    from pizhu.store.span_model import NAME_TAGS

    if not 2 <= len(word) <= 4 or flag in NAME_TAGS or not re.fullmatch("[\u4e00-\u9fff0-9]+", word):
        return None
    if any(p.search(word) for _, p in NOT_ENTITIES):
        return None
    label = None
    if flag.startswith("m"):
        if fits("FIGURE", word) is not True:
            return None  # a numeral with its measure word (一个, 十个月), not 两会, 四届
        label = "FIGURE"
    elif not flag.startswith(("n", "v")):
        return None
    elif _org_head(word) and flag.startswith("n"):
        label = "ORG"
    elif any(c in LEVEL_CHARS or c in REGION_CHARS for c in word):
        label = "GPE"
    elif len(word) <= 3 and _surname(word):
        label = "PERSON"
    if label is None or generic(label, word):
        return None
    return label


def plant_model_kind(
    store: Store, rng: random.Random, plant: int, none_from: str = "phrases"
) -> dict[tuple[int, int, int], tuple[str, str]]:
    """Plant ``plant`` mistakes a reviewer makes, a third of each kind, at most two a report:
    ``swap`` a label to one it is easily taken for, ``cut`` a name's boundary through it (one
    or two characters off either end, between two characters of one class), ``none``: a word
    that is no entity added as the label it is mistaken for. Only strings gold nowhere else
    (no string check can see them). Returns place → (kind, what)."""
    gold = [
        s
        for doc in store.document_ids()
        for s in store.spans(doc, REVIEWER)
        if s.status in ("confirmed", "corrected", "added")
    ]
    counts = Counter(s.text for s in gold)
    # A name broken by a line (市委\n会) is a layout artefact, not a reviewer's mistake to plant.
    alone = [s for s in gold if counts[s.text] == 1 and len(s.text) >= 2 and "\n" not in s.text]
    rng.shuffle(alone)
    per_doc: Counter[int] = Counter()
    planted: dict[tuple[int, int, int], tuple[str, str]] = {}
    third = plant // 3
    used: set[int] = set()
    for s in alone:
        if sum(1 for k, _ in planted.values() if k == "swap") == third:
            break
        if per_doc[s.document_id] >= 2:
            continue
        per_doc[s.document_id] += 1
        used.add(s.id)
        store.decide(s.id, REVIEWER, Change("label", label=CONFUSED[s.label]))
        planted[(s.document_id, s.start, s.end)] = ("swap", f"{s.label} → {CONFUSED[s.label]} {s.text!r}")
    for s in alone:
        if sum(1 for k, _ in planted.values() if k == "cut") == third:
            break
        if s.id in used or per_doc[s.document_id] >= 2 or len(s.text) < 4 or s.label in ("TITLE",):
            continue
        cuts = [
            (s.start + d, s.end) for d in (1, 2) if _same_class(s.text[d - 1], s.text[d]) and len(s.text) - d >= 2
        ] + [(s.start, s.end - d) for d in (1, 2) if _same_class(s.text[-d - 1], s.text[-d]) and len(s.text) - d >= 2]
        if not cuts:
            continue
        start, end = rng.choice(cuts)
        text = store.document_text(s.document_id)
        if counts[text[start:end]]:
            continue  # the cut string is gold somewhere: the string checks' business
        per_doc[s.document_id] += 1
        used.add(s.id)
        store.decide(s.id, REVIEWER, Change("boundary", start=start, end=end))
        planted[(s.document_id, start, end)] = ("cut", f"{s.label} {s.text!r} → {text[start:end]!r}")
    marked: dict[int, list[tuple[int, int]]] = {}
    for s in gold:
        marked.setdefault(s.document_id, []).append((s.start, s.end))
    places = []
    if none_from == "words":
        return _plant_words(store, rng, plant - 2 * third, planted, per_doc, marked, counts)
    for doc in store.document_ids():
        text = store.document_text(doc)
        for label, pattern in NOT_ENTITIES:
            for m in pattern.finditer(text):
                if not any(a < m.end() and m.start() < b for a, b in marked.get(doc, [])):
                    places.append((label, doc, m.start(), m.end(), m.group()))
    rng.shuffle(places)
    by_label = {label: [p[1:] for p in places if p[0] == label] for label, _ in NOT_ENTITIES}
    return _plant_in_turn(store, by_label, plant - 2 * third, planted, per_doc)


def _plant_in_turn(
    store: Store,
    by_label: dict[str, list[tuple[int, int, int, str]]],
    n: int,
    planted: dict[tuple[int, int, int], tuple[str, str]],
    per_doc: Counter[int],
) -> dict[tuple[int, int, int], tuple[str, str]]:
    """Add "none" plants until ``n`` stand: each label in turn takes the last of its candidates
    (doc, start, end, word) whose report holds fewer than two plants and whose word is not
    planted yet, and adds it as that label."""
    words: set[str] = set()
    while sum(1 for k, _ in planted.values() if k == "none") < n and any(by_label.values()):
        for label, candidates in by_label.items():
            if sum(1 for k, _ in planted.values() if k == "none") == n:
                break
            while candidates:
                doc, start, end, word = candidates.pop()
                if per_doc[doc] < 2 and word not in words:
                    words.add(word)
                    per_doc[doc] += 1
                    store.add_span(doc, REVIEWER, start, end, label)
                    planted[(doc, start, end)] = ("none", f"{label} {word!r}")
                    break
    return planted


WORD_LABELS = ("ORG", "GPE", "PERSON", "FIGURE")


def _plant_words(
    store: Store,
    rng: random.Random,
    n: int,
    planted: dict[tuple[int, int, int], tuple[str, str]],
    per_doc: Counter[int],
    marked: dict[int, list[tuple[int, int]]],
    counts: Counter[str],
) -> dict[tuple[int, int, int], tuple[str, str]]:
    """Plant ``n`` ordinary words of the reports (``word_label``) that no gold span touches and
    that are gold nowhere, as the label each is most easily mistaken for, the labels in turn."""
    from pizhu.store.span_model import tables

    posseg = tables()["posseg"]
    by_label: dict[str, list[tuple[int, int, int, str]]] = {label: [] for label in WORD_LABELS}
    for doc in store.document_ids():
        text = store.document_text(doc)
        at = 0
        for pair in posseg.cut(text, HMM=False):
            start, end = at, at + len(pair.word)
            at = end
            label = word_label(pair.word, pair.flag)
            if label is None or counts[pair.word]:
                continue
            if any(a < end and start < b for a, b in marked.get(doc, [])):
                continue
            by_label[label].append((doc, start, end, pair.word))
    for label in WORD_LABELS:
        rng.shuffle(by_label[label])
    return _plant_in_turn(store, by_label, n, planted, per_doc)


def model_bench(
    rng: random.Random,
    plant: int,
    epochs: int | None = None,
    dump: Path | None = None,
    none_from: str = "phrases",
    clean_from: Path | None = None,
) -> None:
    """Run ``check --model`` on the reviewed dev half as it is (every finding a false flag)
    and after planting ``plant`` mistakes of three kinds (found, false)."""
    import json

    from pizhu.store.check_model import EPOCHS, in_context, model_findings, readings
    from pizhu.store.importer import import_file

    names = sorted(json.loads((CORPUS / "split.json").read_text("utf-8"))["dev"])
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "gold.db") as store:
        for name in names:
            import_file(store, CORPUS / "texts" / name)
        applied = apply_gold(store, (CORPUS / "dev-gold.jsonl",))
        spans = sum(1 for doc in store.document_ids() for s in store.spans(doc, REVIEWER) if s.status != "rejected")
        print(
            f"corpus dev half: {len(names)} reports; gold {applied.confirmed} confirmed, {applied.added} added,"
            f" {applied.rejected} rejected; rows not found {len(applied.not_found)}"
        )
        epochs = epochs or EPOCHS
        began = time.perf_counter()
        if clean_from is not None:
            import pickle

            # The readings of the models, and what the text and gold around them say read again by this code.
            texts = {d: store.document_text(d) for d in store.document_ids()}
            clean_read = in_context(pickle.loads(clean_from.read_bytes())["clean"], texts)
        else:
            clean_read = readings(store, epochs=epochs)
        clean = model_findings(store, epochs=epochs, read=clean_read)
        clean_seconds = time.perf_counter() - began
        print(
            f"\nclean (the corpus gold taken as right): {len(clean)} finding(s) on {spans} gold spans,"
            f" all false; {clean_seconds:.0f} s"
        )
        for f in clean:
            print(f"  false  #{f.document_id} {f.start}-{f.end} {f.label} {f.text!r}: {f.detail}")
        planted = plant_model_kind(store, rng, plant, none_from)
        strings = {(f.document_id, f.start, f.end) for f in check(store)}
        began = time.perf_counter()
        after_read = readings(store, epochs=epochs)
        after = model_findings(store, epochs=epochs, read=after_read)
        seconds = time.perf_counter() - began
        if dump is not None:
            import pickle

            texts = {d: store.document_text(d) for d in store.document_ids()}
            dump.write_bytes(
                pickle.dumps({"clean": clean_read, "after": after_read, "planted": planted, "texts": texts})
            )
    print(f"\nplanted {len(planted)} ({dict(Counter(k for k, _ in planted.values()))}); {seconds:.0f} s")
    hits = {(f.document_id, f.start, f.end): f for f in after}
    found: Counter[str] = Counter()
    for p, (kind, what) in planted.items():
        f = hits.get(p)
        seen = " (a string check flags it too)" if p in strings else ""
        if f is not None:
            found[kind] += 1
            print(f"  found  {kind:5} #{p[0]} {p[1]}-{p[2]} {what}: {f.detail}{seen}")
        else:
            print(f"  missed {kind:5} #{p[0]} {p[1]}-{p[2]} {what}{seen}")
    false = [f for p, f in hits.items() if p not in planted]
    for f in false:
        print(f"  false  #{f.document_id} {f.start}-{f.end} {f.label} {f.text!r}: {f.detail}")
    print("\n  kind    found")
    for kind in ("swap", "cut", "none"):
        n = sum(1 for k, _ in planted.values() if k == kind)
        print(f"  {kind:6} {found[kind]:2}/{n}")
    for label in LABELS:
        of = [p for p, (k, what) in planted.items() if k == "none" and what.split()[0] == label]
        if of:
            print(f"  none {label:7} {sum(1 for p in of if p in hits)}/{len(of)}")
    total = sum(found.values())
    print(f"pizhu check --model ({epochs} epochs a fold):")
    print(f"found {total}/{len(planted)} ({total / max(1, len(planted)):.0%}); target ≥ 90 %")
    print(f"findings {len(hits)}, false flags {len(false)} ({len(false) / max(1, len(hits)):.0%}); target ≤ 20 %")
    print(f"clean database: {len(clean)} false flag(s) on {spans} gold spans")
    print(f"time: {clean_seconds:.0f} s clean, {seconds:.0f} s planted")


if __name__ == "__main__":
    main()
