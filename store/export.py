"""Export the gold standard: one JSON object per document with code-point offsets.

Spans are taken from the consolidated view (an adjudication where there is one, else the
most recent decision), or from one reviewer's view with ``reviewer=``. By default only
gold spans (confirmed, corrected, added) leave; ``include_all`` adds pending and rejected
machine spans with their status.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from store.db import Store
from store.records import GOLD_STATUSES, REMOVED, SpanView, StoredDocument


@dataclass(frozen=True)
class ExportFilter:
    include_all: bool = False
    reviewer: str | None = None
    labels: tuple[str, ...] = ()
    documents: tuple[int, ...] = ()
    raw_offsets: bool = False


def selected_spans(store: Store, doc_id: int, flt: ExportFilter) -> list[SpanView]:
    spans = []
    for span in store.spans(doc_id, flt.reviewer):
        if span.status == REMOVED:
            continue
        if not flt.include_all and span.status not in GOLD_STATUSES:
            continue
        if flt.labels and span.label not in flt.labels:
            continue
        spans.append(span)
    return spans


def document_ids(store: Store, flt: ExportFilter) -> list[int]:
    ids = store.document_ids()
    if flt.documents:
        wanted = set(flt.documents)
        ids = [i for i in ids if i in wanted]
    return ids


def span_record(span: SpanView, document: StoredDocument, raw_offsets: bool = False) -> dict[str, Any]:
    start, end, text = span.start, span.end, span.text
    record: dict[str, Any] = {}
    if raw_offsets:
        # The raw slice keeps ``text[start:end] == span.text`` true of the exported raw text.
        start, end = document.offset_map.span_to_raw(start, end)
        text = document.raw[start:end]
        record["normalized_text"] = span.text
    return record | {
        "start": start,
        "end": end,
        "label": span.label,
        "text": text,
        "value": span.attrs.get("value"),
        "unit": span.attrs.get("unit"),
        "approx": span.attrs.get("approx"),
        "metric": span.attrs.get("metric"),
        "tags": list(span.tags),
        "status": span.status,
        "origin": span.origin,
        "rule": span.rule,
        "reviewer": span.reviewer or None,
        "decided_at": span.decided_at or None,
    }


def document_record(store: Store, doc_id: int, flt: ExportFilter) -> dict[str, Any]:
    document = store.document(doc_id)
    spans = selected_spans(store, doc_id, flt)
    text = document.raw if flt.raw_offsets else document.text
    sections = []
    for section in store.sections(doc_id):
        start, end = section.start, section.end
        if flt.raw_offsets:
            start = document.offset_map.to_raw(start)
            end = document.offset_map.to_raw(end)
        sections.append({"start": start, "end": end, "heading": section.heading, "kind": section.kind})
    return {
        "id": document.id,
        "source": document.source,
        "title": document.title,
        "organisation": document.organisation,
        "year": document.year,
        "text": text,
        "sections": sections,
        "spans": [span_record(s, document, flt.raw_offsets) for s in spans],
    }


def iter_jsonl(store: Store, flt: ExportFilter) -> Iterator[str]:
    """One JSON line per document, produced one document at a time (flat memory)."""
    for doc_id in document_ids(store, flt):
        yield json.dumps(document_record(store, doc_id, flt), ensure_ascii=False) + "\n"
