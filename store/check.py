"""Gold that contradicts itself (``pizhu check``), read off the gold view.

Finds, over the reports' gold (``gold_states``: confirmed, corrected, added) and
rejections:

- ``label``: one string gold as one label here and another there; the places holding the
  string's less frequent label are flagged (a tie flags every place but those of the label
  first in ``LABELS``);
- ``rejected``: one string gold as a label in some places and rejected as that label in
  others; the less frequent side is flagged (a tie flags the rejections);
- ``unlabelled``: a string gold as a label in one report occurring in another *finished*
  report (``store.progress``) that holds gold of that label (so was labelled for it), with
  no gold span over it, nor any rejection there; only for a string gold at least twice
  (once may be the mistake itself);
- ``variant``: a gold span whose text, widened by the characters before it in its own
  report, is another gold string of the same label (政协 marked where 城中区政协 is the
  name, and 城中区政协 is gold elsewhere): a boundary variant of one name.

Each finding names its report and offsets (and its span, when there is one) so the app
can open it in the reader; fixing it is an ordinary decision. Strings shorter than
``MIN_CHARS`` are left out: a single character is no name.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from pizhu.extract.models import LABELS
from pizhu.store.db import Store
from pizhu.store.progress import finished_documents
from pizhu.store.records import ADDED, CONFIRMED, CORRECTED, REJECTED

MIN_CHARS = 2
KINDS = ("label", "rejected", "unlabelled", "variant")
LONGEST_WIDENING = 12
"""How many characters before a gold span a longer variant of it may start."""


@dataclass(frozen=True)
class Finding:
    kind: str
    document_id: int
    start: int
    end: int
    label: str
    text: str
    detail: str
    span_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class _Row:
    span_id: int
    document_id: int
    start: int
    end: int
    label: str
    text: str


def _rows(store: Store, statuses: tuple[str, ...]) -> list[_Row]:
    marks = ",".join("?" * len(statuses))
    return [
        _Row(r["span_id"], r["document_id"], r["start"], r["end"], r["label"], r["text"])
        for r in store.read(
            "SELECT span_id, document_id, start, end, label, text FROM gold_spans"
            f" WHERE status IN ({marks}) AND document_id IN (SELECT id FROM documents WHERE deleted_at IS NULL)"
            " ORDER BY document_id, start, end",
            list(statuses),
        )
        if r["text"] and len(r["text"]) >= MIN_CHARS
    ]


def _finding(kind: str, row: _Row, detail: str) -> Finding:
    return Finding(kind, row.document_id, row.start, row.end, row.label, row.text, detail, row.span_id)


def check(store: Store, kinds: tuple[str, ...] = KINDS) -> list[Finding]:
    """Every finding, by report and place."""
    gold = _rows(store, (CONFIRMED, CORRECTED, ADDED))
    places = {(r.document_id, r.start, r.end, r.label) for r in gold}
    # A candidate rejected where the same span stands as gold (re-marked by hand) is no contradiction.
    rejected = [r for r in _rows(store, (REJECTED,)) if (r.document_id, r.start, r.end, r.label) not in places]
    findings: list[Finding] = []
    by_text: dict[str, list[_Row]] = defaultdict(list)
    for row in gold:
        by_text[row.text].append(row)
    rejected_by: dict[tuple[str, str], list[_Row]] = defaultdict(list)
    for row in rejected:
        rejected_by[(row.text, row.label)].append(row)

    if "label" in kinds:
        for rows in by_text.values():
            counts = Counter(r.label for r in rows)
            if len(counts) < 2:
                continue
            top = max(counts, key=lambda label: (counts[label], -LABELS.index(label)))
            said = ", ".join(f"{label} ×{n}" for label, n in counts.most_common())
            findings += [_finding("label", r, f"gold as {said}") for r in rows if r.label != top]

    if "rejected" in kinds:
        for (text, label), no in rejected_by.items():
            yes = [r for r in by_text.get(text, []) if r.label == label]
            if not yes:
                continue
            said = f"gold as {label} ×{len(yes)}, rejected ×{len(no)}"
            flagged = yes if len(yes) < len(no) else no
            findings += [_finding("rejected", r, said) for r in flagged]

    if "unlabelled" in kinds:
        finished = finished_documents(store)
        texts = {
            r["id"]: r["text"]
            for r in store.read(
                "SELECT id, text FROM documents WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))",
                [_json(sorted(finished))],
            )
        }
        covered: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for r in (*gold, *rejected):
            covered[r.document_id].append((r.start, r.end))
        # A report was labelled for a label when it holds gold of it: a report reviewed for
        # figures only says nothing about the names it leaves unmarked.
        labelled: dict[int, set[str]] = defaultdict(set)
        for r in gold:
            labelled[r.document_id].add(r.label)
        for text, rows in by_text.items():
            labels = Counter(r.label for r in rows)
            label, times = labels.most_common(1)[0]
            if times < 2:
                continue  # gold once may be the mistake itself: no evidence the others are omissions
            where = sorted({r.document_id for r in rows})
            for doc, body in texts.items():
                if label not in labelled[doc]:
                    continue
                at = body.find(text)
                while at >= 0:
                    end = at + len(text)
                    if not any(a < end and at < b for a, b in covered[doc]):
                        findings.append(
                            Finding(
                                "unlabelled",
                                doc,
                                at,
                                end,
                                label,
                                text,
                                f"gold as {label} in report(s) {', '.join(f'#{d}' for d in where[:3])}; unmarked here",
                            )
                        )
                    at = body.find(text, at + 1)

    if "variant" in kinds:
        names: dict[str, set[str]] = defaultdict(set)
        for row in gold:
            names[row.label].add(row.text)
        texts_of: dict[int, str] = {}
        for row in gold:
            longer = names[row.label]
            if row.document_id not in texts_of:
                texts_of[row.document_id] = store.document_text(row.document_id)
            body = texts_of[row.document_id]
            for k in range(1, min(LONGEST_WIDENING, row.start) + 1):
                wide = body[row.start - k : row.end]
                if wide in longer and not any(
                    g.document_id == row.document_id and g.start == row.start - k and g.end == row.end
                    for g in by_text.get(wide, [])
                ):
                    findings.append(
                        _finding("variant", row, f"“{wide}” is gold as {row.label} elsewhere; marked “{row.text}” here")
                    )
                    break
    findings.sort(key=lambda f: (KINDS.index(f.kind), f.document_id, f.start, f.end))
    return findings


def _json(value: object) -> str:
    return json.dumps(value)
