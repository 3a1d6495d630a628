"""Benchmark: the live gold lexicon's cost on one decision, on a large library.

Builds (or reuses) the scale database of ``bench/bench_scale.py`` at ``--reports``
reports, copies it, then times ``Store.add_span`` and a reject on strings that occur in
few and in many reports, as the app's writer runs them: the decision is saved in its own
transaction (what the writer waits for before the next key's decision), then the lexicon
spreads its gold to every other report (``Store.spread_lexicon``: a read of the texts,
then one short write), what the reviewer waits for before the proposals show. Prints both
in ms per decision and the candidates each made.

Usage: python -m bench.bench_lexicon [--reports 2000] [--db bench/out/scale-2000.db]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.bench_scale import build_scale_db
from pizhu.store.db import Store
from pizhu.store.lexicon import SOURCE
from pizhu.store.records import Change


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    db = args.db or Path(__file__).parent / "out" / f"scale-{args.reports}.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    build_scale_db(db, reports=args.reports)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "lexicon.db"
        shutil.copy(db, copy)
        with Store(copy) as store:
            docs = store.document_ids()
            # Two-to-six-character stretches of the first reports, by how many reports hold them.
            grams: Counter[str] = Counter()
            sample = docs[:: max(1, len(docs) // 200)]
            for doc in sample:
                text = store.document_text(doc)
                grams.update(
                    {text[i : i + 4] for i in range(0, len(text) - 4, 7) if text[i : i + 4].strip() == text[i : i + 4]}
                )
            ranked = [g for g, _n in grams.most_common() if not any(c in g for c in "，。、；\n ")]
            picks = ranked[:5] + ranked[len(ranked) // 2 : len(ranked) // 2 + 5]
            timings = []
            spreads = []
            store.defer_lexicon = True  # as the app's writer: the decision, then the spread
            print(f"{len(docs)} reports; deciding {len(picks)} strings (5 common, 5 middling)")
            for string in picks:
                doc = next(d for d in sample if string in store.document_text(d))
                start = store.document_text(doc).index(string)
                before = store.read("SELECT count(*) AS n FROM spans WHERE source = ?", [SOURCE])[0]["n"]
                began = time.perf_counter()
                store.add_span(doc, "bench", start, start + len(string), "ORG")
                ms = (time.perf_counter() - began) * 1000
                began = time.perf_counter()
                store.spread_lexicon()
                spread = (time.perf_counter() - began) * 1000
                made = store.read("SELECT count(*) AS n FROM spans WHERE source = ?", [SOURCE])[0]["n"] - before
                timings.append(ms)
                spreads.append(spread)
                print(f"  add {string!r}: saved in {ms:6.1f} ms, spread in {spread:7.1f} ms, {made} candidate(s) made")
            spans = store.read("SELECT id FROM spans WHERE source = ? LIMIT 1", [SOURCE])  # a rejection: no spread
            if spans:
                began = time.perf_counter()
                store.decide(spans[0]["id"], "bench", Change("reject"))
                print(f"  reject one lexicon candidate: {(time.perf_counter() - began) * 1000:.1f} ms")
            print(f"add_span saved: p50 {statistics.median(timings):.0f} ms, max {max(timings):.0f} ms")
            print(f"lexicon spread after it: p50 {statistics.median(spreads):.0f} ms, max {max(spreads):.0f} ms")


if __name__ == "__main__":
    main()
