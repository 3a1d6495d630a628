"""Dump everything an import's extraction gives on the seeds, the samples and the dev half, to compare two checkouts.

For a change meant to be faster, not different: run it before and after and compare the
files byte for byte (``cmp``). Each report file is read and prepared as ``pizhu import``
does; one JSON line per draft (its text's and offset map's hashes, sections, title,
organisation, year, script, part, date, page map) and one per span, with LAC and without
(doc, part, model, label, start, end, text, attrs, source, confidence, rule, alternative).
The test half and the fresh batch are never read.

    python -m bench.span_dump /tmp/before.jsonl   # on the old checkout
    python -m bench.span_dump /tmp/after.jsonl    # on the new one
    cmp /tmp/before.jsonl /tmp/after.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from bench.bench_entities import gold_sets
from pizhu.extract.document import prepare
from pizhu.extract.pipeline import extract_spans
from pizhu.store.sources import read_source

SETS = ("seeds", "samples", "dev")


def _hash(value: object) -> str:
    return hashlib.sha1(str(value).encode()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the JSON lines file to write")
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") as out:
        for gold_set in gold_sets():
            if gold_set.name not in SETS:
                continue
            for doc, path in gold_set.files.items():
                source = read_source(path.read_bytes())
                for part, d in enumerate(prepare(source.text, source.layout)):
                    draft = [gold_set.name, doc, part, "draft", _hash(d.text), _hash(list(d.normalized.raw_offsets))]
                    draft += [repr(d.sections), d.title, d.organisation, d.year, d.script, d.part, d.date]
                    out.write(json.dumps([*draft, repr(d.page_map)], ensure_ascii=False) + "\n")
                    for model in (True, False):
                        for s in extract_spans(d.text, model=model):
                            row = [gold_set.name, doc, part, model, s.label, s.start, s.end, s.text, s.attrs]
                            row += [s.source, s.confidence, s.rule, s.alternative]
                            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True, default=str) + "\n")


if __name__ == "__main__":
    main()
