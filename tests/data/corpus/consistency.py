"""List where a corpus gold labels the same string one way in one place and another way elsewhere.

For every string the gold labels (per label), every other occurrence of it in the gold's texts
(normalized as ``check_gold.py`` reads them) that no gold span of that label covers is listed
with its context (±12 characters), unless it lies inside a longer gold span (a place inside an
ORG, a date inside a TITLE) or crosses the edge of one (京 inside 南京 when 南京 is a span);
the spans an occurrence holds are named (`五好山阳` holding GPE `山阳`).
Each label's header counts its candidates and the strings (groups) they fall in. Then every
string the gold gives two labels in different places. Each line is a candidate for a human
ruling, not an error: contexts may differ legitimately.

    python tests/data/corpus/consistency.py tests/data/corpus/dev-gold.jsonl tests/data/corpus/texts
    python tests/data/corpus/consistency.py GOLD TEXTS --label ORG --min-len 2

Only the documents the gold names are read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_gold import JOIN, NESTING, normalized

Span = tuple[int, int, str]  # start, end, label


def place(rows: list[dict], text: str) -> list[Span]:
    """The offsets of a document's gold rows, placed as check_gold.py places them."""
    spans: list[Span] = []
    cursor, title = 0, None
    for row in rows:
        label, span = row["label"], row["text"]
        start = -1
        if label in NESTING and title is not None:
            t_end, inner = title
            found = text.find(span, inner)
            if found != -1 and found + len(span) <= t_end:
                start, title = found, (t_end, found + len(span))
        if start == -1:
            start = text.find(span, cursor)
            if start == -1:
                continue
            cursor = start + len(span)
            title = (start + len(span), start) if label == "TITLE" else None
        spans.append((start, start + len(span), label))
    return spans


def occurrences(text: str, s: str) -> list[int]:
    found, at = [], text.find(s)
    while at != -1:
        found.append(at)
        at = text.find(s, at + 1)
    return found


def context(text: str, start: int, end: int, width: int = 12) -> str:
    left = text[max(0, start - width) : start].split(JOIN)[-1]
    right = text[end : end + width].split(JOIN)[0]
    return f"{left}[{text[start:end]}]{right}".replace("\n", "⏎")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("texts", type=Path)
    parser.add_argument("--label", action="append", help="only these labels (repeatable)")
    parser.add_argument("--min-len", type=int, default=1, help="skip strings shorter than this")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_doc[row["doc"]].append(row)
    texts = {doc: normalized(args.texts / doc) for doc in by_doc}
    spans = {doc: place(by_doc[doc], texts[doc]) for doc in by_doc}
    labelled: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # label -> string -> docs
    for row in rows:
        labelled[row["label"]][row["text"]].add(row["doc"])
    labels = args.label or sorted(labelled)
    total = 0
    for label in labels:
        lines = []
        for s in sorted(labelled[label], key=lambda x: (-len(x), x)):
            if len(s) < args.min_len:
                continue
            for doc in sorted(texts):
                text = texts[doc]
                for start in occurrences(text, s):
                    end = start + len(s)
                    if any(a <= start and end <= b for a, b, lab in spans[doc] if lab == label):
                        continue  # this label covers it (exactly or as part of a longer span)
                    if any(a <= start and end <= b and (a, b) != (start, end) for a, b, _ in spans[doc]):
                        continue  # inside a longer span of another label
                    if any(a < start < b < end or start < a < end < b for a, b, _ in spans[doc]):
                        continue  # crosses the edge of a span: part of another word
                    other = [lab for a, b, lab in spans[doc] if (a, b) == (start, end)]
                    tag = f"as {'/'.join(other)}" if other else "unlabelled"
                    inner = [(a, b, lab) for a, b, lab in spans[doc] if start <= a and b <= end]
                    held = [f"{lab} {text[a:b]}" for a, b, lab in inner if (a, b) != (start, end)]
                    if held:
                        tag += f" (holds {', '.join(held)})"
                    lines.append(f"{label}\t{s}\t{doc[:3]}\t{tag}\t{context(text, start, end)}")
        groups = len({line.split("\t")[1] for line in lines})
        print(f"## {label}: {len(lines)} candidates in {groups} strings")
        print("\n".join(lines))
        total += len(lines)
    print("## strings with two labels in different places")
    for s in sorted({s for lab in labelled for s in labelled[lab]}):
        having = {lab: labelled[lab][s] for lab in labels if s in labelled[lab]}
        if len(having) > 1:
            print("\t".join([s] + [f"{lab}:{','.join(sorted(d[:3] for d in docs))}" for lab, docs in having.items()]))
    print(f"## {total} candidates", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
