"""Bench: every label on the seeds, the samples and the development corpus, against LAC alone and the targets.

One command (issue 21):

    python -m bench.bench_entities [--misses seeds|samples|dev] [--label ORG]

Each set is read and prepared as ``pizhu import`` does and run through the pipeline an
import stores (rules + LAC, every label: FIGURE and DATE included), and through the LAC
model alone over the whole text (PERSON, ORG, GPE). Per label it prints P/R/F1 per set and
whether the F1 meets the target (the seeds' floor is 0.95 on every label: the rules were
tuned there). Sets:

- ``seeds``: ``seeds/*.txt``, gold ``tests/data/seeds-gold.jsonl`` + ``seeds-gold-entities.jsonl``;
- ``samples``: ``shared/samples/`` beside the checkout, gold ``tests/data/samples-gold.jsonl``;
- ``dev`` and ``test``: ``tests/data/corpus/texts/``, the files ``split.json`` lists under
  ``dev`` / ``test``, gold ``dev-gold.jsonl`` / ``test-gold.jsonl``;
- ``fresh``: the files ``split.json`` lists under ``fresh``, gold ``fresh-gold.jsonl``: reports
  labelled by hand before the extractor was run on them and held out of both halves, for a
  final measure on text no rule was written from.

The test half and the fresh batch are held out: only their aggregate per-label scores are
printed, never a span, and ``--misses`` refuses them. A set whose files are not there is shown as absent.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.score_gold import misses, predict
from pizhu.extract.evaluate import score
from pizhu.store.display import score as shown

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
CORPUS = DATA / "corpus"
# shared/ stands beside the checkout (or beside the folder of worktrees).
SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), ROOT / "shared")

LABELS = ("PERSON", "ORG", "GPE", "SLOGAN", "TITLE", "MEETING", "FIGURE", "DATE")
TARGETS = {
    "PERSON": 0.92,
    "ORG": 0.88,
    "GPE": 0.85,
    "SLOGAN": 0.80,
    "TITLE": 0.97,
    "MEETING": 0.97,
    "FIGURE": 0.99,
    "DATE": 0.99,
}
SEED_FLOOR = 0.95
LAC_LABELS = ("PERSON", "ORG", "GPE")
HELD_OUT = ("test", "fresh")


@dataclass
class GoldSet:
    name: str
    files: dict[str, Path]
    """doc name in the gold → its report file."""
    gold: list[dict[str, Any]]
    absent: str = ""
    """Why the set cannot be scored here ("" when it can)."""


def _rows(*paths: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for p in paths for line in p.read_text("utf-8").splitlines() if line.strip()]


def _set(name: str, golds: list[Path], folder: Path, docs: list[str] | None = None) -> GoldSet:
    missing = [p for p in golds if not p.is_file()]
    if missing or not folder.is_dir():
        return GoldSet(name, {}, [], absent=f"{(missing or [folder])[0].relative_to(ROOT.parent)} not found")
    gold = _rows(*golds)
    wanted = docs if docs is not None else sorted({r["doc"] for r in gold})
    files = {doc: folder / doc for doc in wanted}
    lost = [doc for doc, path in files.items() if not path.is_file()]
    if lost:
        return GoldSet(name, {}, [], absent=f"{len(lost)} report file(s) not found in {folder.name}/")
    return GoldSet(name, files, gold)


def gold_sets() -> list[GoldSet]:
    sets = [
        _set("seeds", [DATA / "seeds-gold.jsonl", DATA / "seeds-gold-entities.jsonl"], ROOT / "seeds"),
        _set("samples", [DATA / "samples-gold.jsonl"], SHARED / "samples"),
    ]
    split_file = CORPUS / "split.json"
    split = json.loads(split_file.read_text("utf-8")) if split_file.is_file() else {}
    for half in ("dev", *HELD_OUT):
        if half not in split:
            sets.append(GoldSet(half, {}, [], absent=f"{split_file.relative_to(ROOT.parent)} has no {half!r} list"))
            continue
        sets.append(_set(half, [CORPUS / f"{half}-gold.jsonl"], CORPUS / "texts", [Path(d).name for d in split[half]]))
    return sets


def _predict(gold_set: GoldSet, mode: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for doc, path in gold_set.files.items():
        rows += predict(path, mode, doc)
    return rows


def _f1_cell(result: dict[str, Any] | None, label: str) -> str:
    if result is None:
        return f"{'absent':>20}"
    row = result["labels"].get(label)
    if row is None:
        return f"{'(no gold)':>20}"
    return f"{shown(row['precision']):>6} {shown(row['recall']):>6} {shown(row['f1']):>6}"


def _mark(result: dict[str, Any] | None, label: str, floor: float | None) -> str:
    if result is None or floor is None or label not in result["labels"]:
        return " "
    return "✓" if (result["labels"][label]["f1"] or 0.0) >= floor else "✗"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", choices=("seeds", "samples", "dev"), help="list this set's FN/FP spans")
    parser.add_argument("--label", action="append", choices=LABELS, help="with --misses: only these labels")
    parser.add_argument("--no-lac", action="store_true", help="skip the LAC-alone runs")
    args = parser.parse_args()
    sets = gold_sets()
    ours: dict[str, dict[str, Any] | None] = {}
    lac: dict[str, dict[str, Any] | None] = {}
    for s in sets:
        if s.absent:
            ours[s.name] = lac[s.name] = None
            continue
        predicted = _predict(s, "pipeline")
        ours[s.name] = score(s.gold, predicted)
        if args.misses == s.name:
            labels = set(args.label or ours[s.name]["labels"])  # type: ignore[index]
            print(f"--- {s.name}: misses ({', '.join(sorted(labels))})")
            print("\n".join(misses(s.gold, predicted, labels)))
        if not args.no_lac:
            lac_gold = [r for r in s.gold if r["label"] in LAC_LABELS]
            lac[s.name] = score(lac_gold, _predict(s, "lac")) if lac_gold else None
    print(f"P / R / F1 per set (the pipeline an import stores); ✓/✗: F1 against the target (seeds: >= {SEED_FLOOR})")
    header = f"{'label':<8} {'target':>6}  " + "  ".join(f"{s.name + ' P/R/F1':^22}" for s in sets)
    print(header)
    print("-" * len(header))
    for label in LABELS:
        target = TARGETS.get(label)
        cells = []
        for s in sets:
            floor = SEED_FLOOR if s.name == "seeds" else target
            cells.append(f"{_f1_cell(ours[s.name], label)} {_mark(ours[s.name], label, floor)}")
        print(f"{label:<8} {f'{target:.2f}' if target else '—':>6}  " + "  ".join(cells))
        if label in LAC_LABELS and not args.no_lac:
            cells = [f"{_f1_cell(lac[s.name], label)}  " for s in sets]
            print(f"{'  LAC':<8} {'':>6}  " + "  ".join(cells))
    for s in sets:
        if s.absent:
            print(f"{s.name}: absent ({s.absent})")
        else:
            result = ours[s.name]
            assert result is not None
            gold_n = sum(r["tp"] + r["fn"] for r in result["labels"].values())
            print(f"{s.name}: {len(s.files)} reports, {gold_n} gold spans")


if __name__ == "__main__":
    main()
