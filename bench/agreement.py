"""Inter-annotator agreement between two hand golds of the same texts: per-label aggregates only.

The first gold is the reference: precision is the share of the second annotator's rows the
first also has, recall the share of the first's rows the second also has (F1 is symmetric).
Rows are scored by ``pizhu.extract.evaluate.score``: occurrences of the same (doc, label, text),
counted as multisets, every doc labelled for all eight labels (a second-gold row counts where
the first has none of its label in the doc). FIGUREs matched on their span are then compared
on value, unit and approx.

Only docs that both golds cover and that ``--docs`` (a prefix list, e.g. ``23 240 241``)
selects are scored. It prints no row and no span: the batches it is run on are held out.

    python -m bench.agreement tests/data/corpus/dev-gold.jsonl \\
        tests/data/corpus/dev-gold-second.jsonl --docs 23 240 241
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from pizhu.extract.evaluate import score

LABELS = ("PERSON", "ORG", "GPE", "TITLE", "MEETING", "SLOGAN", "DATE", "FIGURE")


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def agreement(first: list[dict[str, Any]], second: list[dict[str, Any]], docs: tuple[str, ...] = ()) -> dict[str, Any]:
    """Per-label and micro P/R/F1 of ``second`` against ``first``, and FIGURE attribute agreement."""
    shared = {r["doc"] for r in first} & {r["doc"] for r in second}
    if docs:
        shared = {d for d in shared if d.startswith(docs)}
    coverage = {doc: set(LABELS) for doc in shared}
    result = score([r for r in first if r["doc"] in shared], [r for r in second if r["doc"] in shared], coverage)
    labels = {label: result["labels"][label] for label in LABELS}
    return {"docs": len(shared), "labels": labels, "micro": result["micro"], "figure_attrs": result["figure_attrs"]}


def table(result: dict[str, Any]) -> str:
    def f(x: float | None) -> str:
        return "–" if x is None else f"{x:.3f}"

    lines = [
        f"{result['docs']} docs; first gold = reference",
        "",
        "| label | first | second | both | P | R | F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    rows = [*result["labels"].items(), ("all (micro)", result["micro"])]
    for label, s in rows:
        lines.append(
            f"| {label} | {s['tp'] + s['fn']} | {s['tp'] + s['fp']} | {s['tp']} | "
            f"{f(s['precision'])} | {f(s['recall'])} | {f(s['f1'])} |"
        )
    fa = result["figure_attrs"]
    lines += [
        "",
        f"FIGUREs matched on span: {fa['matched']}; value agrees {fa['value_correct']}, unit {fa['unit_correct']}, "
        f"approx {fa['approx_correct']}; all three {fa['correct']}",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--docs", nargs="*", default=[], help="doc name prefixes to keep")
    args = parser.parse_args()
    print(table(agreement(read(args.first), read(args.second), tuple(args.docs))))


if __name__ == "__main__":
    main()
