"""Score the extractor against gold JSONL files without a database: per label and per source.

Reads every text file named in the gold (from the folders given), prepares it as the
importer does (decode, normalize, split) and runs one of the proposers over it:
``pipeline`` (what an import stores), ``rules`` (the rules alone) or ``lac`` (the LAC
model alone, PERSON/ORG/GPE). Prints a P/R/F1 table per label and, for the pipeline,
per source.

    python bench/score_gold.py ../shared/seeds-gold-entities.jsonl seeds/
    python bench/score_gold.py tests/data/samples-gold.jsonl ../shared/samples/ --mode lac
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from pizhu.extract.document import prepare
from pizhu.extract.evaluate import score
from pizhu.store.display import score as shown
from pizhu.store.sources import read_source

MODES = ("pipeline", "rules", "lac")


def predict(path: Path, mode: str, doc: str | None = None) -> list[dict[str, Any]]:
    """Rows (doc, label, text, source, attrs) that ``mode`` proposes in the report file ``path``.

    The file is read and prepared as ``pizhu import`` does (any format it reads: text, PDF,
    HTML, DOCX), each report in it run through ``mode``: ``pipeline`` (what an import
    stores), ``rules`` (the rules alone) or ``lac`` (the LAC model alone over the whole text).
    ``doc`` names the rows (the file's name by default).
    """
    from pizhu.extract.lac import find_lac
    from pizhu.extract.pipeline import extract_spans, rule_spans

    source = read_source(path.read_bytes())
    rows = []
    for draft in prepare(source.text, source.layout):
        if mode == "lac":
            spans = find_lac(draft.text)
        elif mode == "rules":
            spans = rule_spans(draft.text)
        else:
            spans = extract_spans(draft.text)
        name = doc or path.name
        rows += [{"doc": name, "label": s.label, "text": s.text, "source": s.source, **s.attrs} for s in spans]
    return rows


def table(title: str, labels: dict[str, Any]) -> str:
    lines = [f"{title}", f"{'label':>8} {'gold':>5} {'found':>5} {'tp':>4} {'P':>6} {'R':>6} {'F1':>6}"]
    for label, r in labels.items():
        lines.append(
            f"{label:>8} {r['tp'] + r['fn']:>5} {r['tp'] + r['fp']:>5} {r['tp']:>4} "
            f"{shown(r['precision']):>6} {shown(r['recall']):>6} {shown(r['f1']):>6}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--mode", choices=MODES, default="pipeline")
    parser.add_argument("--misses", action="store_true", help="list false negatives and false positives")
    args = parser.parse_args()
    gold = [json.loads(line) for line in args.gold.read_text("utf-8").splitlines() if line.strip()]
    docs = sorted({row["doc"] for row in gold})
    predicted: list[dict[str, Any]] = []
    for doc in docs:
        path = next((folder / doc for folder in args.folders if (folder / doc).exists()), None)
        if path is None:
            raise SystemExit(f"{doc}: not found in {', '.join(map(str, args.folders))}")
        predicted += predict(path, args.mode)
    result = score(gold, predicted)
    print(table(f"{args.gold} ({args.mode})", result["labels"]))
    attrs = result["figure_attrs"]
    if attrs["matched"]:
        print(f"FIGURE value/unit/approx right: {attrs['correct']}/{attrs['matched']}")
    for source, labels in result.get("sources", {}).items():
        if args.mode == "pipeline":
            print(table(f"  source {source}", labels))
    if args.misses:
        for line in misses(gold, predicted, set(result["labels"])):
            print(line)


def misses(gold: list[dict[str, Any]], predicted: list[dict[str, Any]], labels: set[str]) -> list[str]:
    """``FN``/``FP`` lines (doc, label, text, count): the gold rows not proposed and the proposals not in the gold."""
    from collections import Counter

    g = Counter((r["doc"], r["label"], r["text"]) for r in gold if r["label"] in labels)
    p = Counter((r["doc"], r["label"], r["text"]) for r in predicted if r["label"] in labels)
    return [f"FN {d} {lab} {t!r} {n}" for (d, lab, t), n in sorted((g - p).items())] + [
        f"FP {d} {lab} {t!r} {n}" for (d, lab, t), n in sorted((p - g).items())
    ]


if __name__ == "__main__":
    main()
