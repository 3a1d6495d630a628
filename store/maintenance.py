"""Work over stored documents: re-normalize them under a changed normalizer, re-run the extractor.

Both keep every decision. Re-normalizing moves every offset (sections, spans, the
offsets recorded in decisions) from the old normalized text to the new one through the
raw text both map to; a span whose text comes out different is flagged ``text changed``
for a reviewer to look at, never silently moved. Re-extraction keeps the id of every
candidate whose proposal did not change (see ``Store.replace_machine_spans``).
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pizhu.extract import EXTRACTOR_VERSION
from pizhu.extract.models import DocumentDraft, Span
from pizhu.store import review
from pizhu.store.clock import now
from pizhu.store.db import Store, content_hash, insert_sections
from pizhu.store.records import OffsetMap


@dataclass
class ReextractReport:
    documents: int = 0
    renormalized: int = 0
    flagged: int = 0
    removed: int = 0
    added: int = 0

    def summary(self) -> str:
        text = (
            f"replaced {self.removed} undecided candidate(s) with {self.added} new one(s) in {self.documents} report(s)"
        )
        if self.renormalized:
            text += f"; {self.renormalized} report(s) normalized anew, {self.flagged} decided span(s) flagged"
        return text


class _Remap:
    """Old normalized offsets → new ones, through the raw offsets both texts map to."""

    def __init__(self, old: OffsetMap, new_raw_offsets: list[int]) -> None:
        self.old = old
        self.new = new_raw_offsets  # new text index → raw index (non-decreasing), without the end entry

    def span(self, start: int, end: int) -> tuple[int, int]:
        raw_start, raw_end = self.old.span_to_raw(start, end)
        new_start = bisect.bisect_left(self.new, raw_start)
        new_end = bisect.bisect_left(self.new, raw_end)
        return new_start, max(new_end, new_start + 1 if new_start < len(self.new) else new_start)


def renormalize_document(store: Store, doc_id: int, draft: DocumentDraft) -> tuple[bool, int]:
    """Give a document the new normalization ``draft`` of its raw text; returns (changed, flagged)."""
    document = store.document(doc_id)
    if draft.page_map != document.page_map:
        with store.transaction() as conn:
            conn.execute(
                "UPDATE documents SET page_map = ? WHERE id = ?",
                (json.dumps(draft.page_map) if draft.page_map else None, doc_id),
            )
    if draft.text == document.text:
        return False, 0
    remap = _Remap(document.offset_map, list(draft.normalized.raw_offsets[:-1]))
    new_text = draft.text
    flagged = 0
    with store.transaction() as conn:
        conn.execute(
            "UPDATE documents SET text = ?, content_hash = ?, offset_map = ? WHERE id = ?",
            (
                new_text,
                content_hash(new_text),
                OffsetMap.from_offsets(draft.normalized.raw_offsets, len(draft.raw)).to_json(),
                doc_id,
            ),
        )
        conn.execute("DELETE FROM sections WHERE document_id = ?", (doc_id,))
        insert_sections(conn, doc_id, draft.sections)
        decided = {
            r[0] for r in conn.execute("SELECT DISTINCT span_id FROM decisions WHERE document_id = ?", (doc_id,))
        }
        for span_id, start, end, text in conn.execute(
            "SELECT id, start, end, text FROM spans WHERE document_id = ?", (doc_id,)
        ).fetchall():
            new_start, new_end = remap.span(start, end)
            moved = new_text[new_start:new_end]
            flag = "text changed" if moved != text and span_id in decided else None
            flagged += flag is not None
            conn.execute(
                "UPDATE spans SET start = ?, end = ?, text = ?, flag = coalesce(?, flag),"
                " flagged_at = CASE WHEN ? IS NULL THEN flagged_at ELSE ? END WHERE id = ?",
                (new_start, new_end, moved, flag, flag, now(), span_id),
            )
        for uid, payload, before, after in conn.execute(
            "SELECT uid, payload, before, after FROM decisions WHERE document_id = ?", (doc_id,)
        ).fetchall():
            conn.execute(
                "UPDATE decisions SET payload = ?, before = ?, after = ? WHERE uid = ?",
                (
                    _moved(payload, remap, new_text),
                    _moved(before, remap, new_text),
                    _moved(after, remap, new_text),
                    uid,
                ),
            )
        review.refresh(conn, decided)
    return True, flagged


def _moved(data: str | None, remap: _Remap, text: str) -> str | None:
    if not data:
        return data
    value = json.loads(data)
    if isinstance(value, dict) and isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
        start, end = remap.span(value["start"], value["end"])
        value.update(start=start, end=end)
        if "text" in value:
            value["text"] = text[start:end]
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def reextract(
    store: Store,
    documents: Iterable[int] = (),
    *,
    extract: Callable[[str], list[Span]] | None = None,
    version: str = EXTRACTOR_VERSION,
    on_document: Callable[[int], None] | None = None,
) -> ReextractReport:
    """Normalize every stored report anew where the normalizer changed, then re-run the extractor.

    One short transaction per document, so reviewers working meanwhile are not held up.
    """
    from pizhu.extract.document import renormalize

    if extract is None:
        from pizhu.extract.pipeline import extract_spans

        extract = extract_spans
    report = ReextractReport()
    for doc_id in list(documents) or store.document_ids():
        document = store.document(doc_id)
        changed, flagged = renormalize_document(store, doc_id, renormalize(document.raw, store.layout(doc_id)))
        report.renormalized += changed
        report.flagged += flagged
        text = store.document(doc_id).text if changed else document.text
        removed, added = store.replace_machine_spans(doc_id, extract(text), version)
        report.documents += 1
        report.removed += removed
        report.added += added
        if on_document:
            on_document(doc_id)
    return report
