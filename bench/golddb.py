"""Reviewed pizhu databases for the training bench and tests: the seeds' gold, or generated gold.

``seeds_gold_db`` turns the hand-made seeds gold files into a reviewed database.

The gold files (``seeds-gold.jsonl`` for FIGURE/DATE, ``seeds-gold-entities.jsonl`` for the
other labels) carry no offsets: each row is ``doc`` (file name), ``label`` and ``text``, one
row per occurrence, in document order. As their notes say, each file's rows are found in
order in the normalized text, each one after the previous one of the same file (and a
FIGURE or DATE never glued to another digit). The reviewer then confirms every machine
span that is gold, adds the gold spans the machine missed, and rejects the rest, so the
database holds exactly the gold view.

Usage (from the repository root):

    python -m bench.golddb OUT.db [--seeds seeds/] [--gold FILE.jsonl ...]
    python -m bench.golddb OUT.db --generated 300

``generated_gold_db`` imports ``bench/generate.py`` reports through the real pipeline and
accepts every machine candidate as gold (a stand-in for a reviewed corpus of any size:
the extractor's output is what the model then learns).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bench.generate import generate
from pizhu.store.db import Store
from pizhu.store.importer import import_file
from pizhu.store.records import Change

ROOT = Path(__file__).resolve().parents[1]
GOLD_FILES = (ROOT / "tests" / "data" / "seeds-gold.jsonl", ROOT / "tests" / "data" / "seeds-gold-entities.jsonl")
REVIEWER = "gold"


@dataclass(frozen=True)
class Applied:
    """What applying a gold file did."""

    confirmed: int
    added: int
    rejected: int
    not_found: tuple[str, ...]


def _glued(text: str, start: int, end: int) -> bool:
    """A digit run cut out of a longer one (``12次`` found inside ``312次``)."""
    before = start > 0 and text[start - 1].isdigit() and text[start].isdigit()
    after = end < len(text) and text[end].isdigit() and text[end - 1].isdigit()
    return before or after


def locate(text: str, rows: list[dict]) -> tuple[list[tuple[int, int, str]], list[dict]]:
    """Offsets of ``rows`` (in document order) in ``text``; the rows that could not be found."""
    found: list[tuple[int, int, str]] = []
    missing: list[dict] = []
    cursor = 0
    for row in rows:
        needle = row["text"]
        at = text.find(needle, cursor)
        while at >= 0 and _glued(text, at, at + len(needle)):
            at = text.find(needle, at + 1)
        if at < 0:
            missing.append(row)
            continue
        found.append((at, at + len(needle), row["label"]))
        cursor = at + len(needle)
    return found, missing


def apply_gold(store: Store, gold_files: tuple[Path, ...] = GOLD_FILES, reviewer: str = REVIEWER) -> Applied:
    """Record ``reviewer``'s decisions so that their view of every document is the gold."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for doc_id in store.document_ids():
        by_name[Path(store.document(doc_id).source).name].append(doc_id)
    wanted: dict[int, set[tuple[int, int, str]]] = defaultdict(set)
    missing: list[str] = []
    for gold_file in gold_files:
        rows_by_doc: dict[str, list[dict]] = defaultdict(list)
        for line in gold_file.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows_by_doc[row["doc"]].append(row)
        for name, rows in rows_by_doc.items():
            # A file may hold two reports: its rows run on from one document into the next,
            # so they are found in the documents' texts joined (by a character no row holds).
            doc_ids = by_name.get(name, [])
            texts = [store.document(doc_id).text for doc_id in doc_ids]
            found, lost = locate("\x00".join(texts), rows)
            missing += [f"{r['doc']}: {r['label']} {r['text']}" for r in lost]
            for start, end, label in found:
                offset = 0
                for doc_id, text in zip(doc_ids, texts, strict=True):
                    if start < offset + len(text):
                        wanted[doc_id].add((start - offset, end - offset, label))
                        break
                    offset += len(text) + 1
    confirmed = added = rejected = 0
    for doc_id in store.document_ids():
        gold = wanted.get(doc_id, set())
        seen: set[tuple[int, int, str]] = set()
        for span in store.spans(doc_id, reviewer):
            key = (span.start, span.end, span.label)
            if span.origin == "human":
                seen.add(key)
                continue
            if key in gold and key not in seen:
                store.decide(span.id, reviewer, Change("confirm"))
                confirmed += 1
                seen.add(key)
            else:
                store.decide(span.id, reviewer, Change("reject"))
                rejected += 1
        for start, end, label in sorted(gold - seen):
            store.add_span(doc_id, reviewer, start, end, label)
            added += 1
    return Applied(confirmed, added, rejected, tuple(missing))


def seeds_gold_db(path: Path, seeds: Path = ROOT / "seeds", gold_files: tuple[Path, ...] = GOLD_FILES) -> Applied:
    """Import the seed reports into ``path`` (with machine candidates) and apply the gold."""
    store = Store(path)
    try:
        for file in sorted(seeds.glob("*.txt")):
            import_file(store, file)
        return apply_gold(store, gold_files)
    finally:
        store.close()


def generated_gold_db(path: Path, reports: int, seed: int = 0, reviewer: str = REVIEWER) -> int:
    """Import ``reports`` generated reports into ``path`` and confirm every candidate; the span count."""
    store = Store(path)
    confirmed = 0
    try:
        with tempfile.TemporaryDirectory() as folder:
            for index in range(reports):
                file = Path(folder) / f"report_{index:05d}.txt"
                file.write_bytes(generate(index, seed).to_bytes())
                import_file(store, file)
        for doc_id in store.document_ids():
            for span in store.spans(doc_id, reviewer):
                store.decide(span.id, reviewer, Change("confirm"))
                confirmed += 1
    finally:
        store.close()
    return confirmed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--gold", type=Path, nargs="*", default=list(GOLD_FILES))
    parser.add_argument("--generated", type=int, default=0, help="generated reports instead of the seeds")
    args = parser.parse_args()
    if args.generated:
        print(f"confirmed {generated_gold_db(args.db, args.generated)} candidate(s)")
        return
    applied = seeds_gold_db(args.db, args.seeds, tuple(args.gold))
    print(
        f"confirmed {applied.confirmed}, added {applied.added}, rejected {applied.rejected};"
        f" {len(applied.not_found)} gold row(s) not found"
    )
    for row in applied.not_found:
        print(f"  not found: {row}")


if __name__ == "__main__":
    main()
