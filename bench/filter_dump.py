"""Dump the candidates of the extractor on PYTHONPATH (any commit's checkout) over dev texts of a number range.

Run by path with the old checkout first on the path, so that ``pizhu`` is that commit's:

    PYTHONPATH=/path/to/old/checkout python bench/filter_dump.py CORPUS LO HI OUT.jsonl

One JSON line per draft of every dev report (``split.json``'s dev half, never the test half)
numbered LO..HI: doc, draft index, the prepared text, and the spans (start, end, label, text,
rule, source, confidence) as that extractor outputs them. Self-contained: it imports only
``pizhu``, whichever version the path gives.
"""

import json
import sys
from pathlib import Path

import pizhu
from pizhu.extract.document import prepare
from pizhu.extract.pipeline import extract_spans
from pizhu.store.sources import read_source


def main() -> None:
    corpus, lo, hi, out = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    print("pizhu from", pizhu.__file__, file=sys.stderr)
    from pizhu.extract import lac

    if not lac.available():
        raise SystemExit("the LAC model is not installed: the pipeline's candidates need it")
    split = json.loads((corpus / "split.json").read_text("utf-8"))
    docs = sorted(Path(d).name for d in split["dev"] if lo <= int(Path(d).name.split("_")[0]) <= hi)
    with out.open("w", encoding="utf-8") as f:
        for doc in docs:
            source = read_source((corpus / "texts" / doc).read_bytes())
            for i, draft in enumerate(prepare(source.text, source.layout)):
                spans = [
                    [s.start, s.end, s.label, s.text, s.rule, s.source, s.confidence] for s in extract_spans(draft.text)
                ]
                f.write(
                    json.dumps({"doc": doc, "draft": i, "text": draft.text, "spans": spans}, ensure_ascii=False) + "\n"
                )


if __name__ == "__main__":
    main()
