"""From a file's decoded text to the reports it holds: normalized, split, sectioned, described."""

from __future__ import annotations

from array import array
from dataclasses import replace

from extract.models import DocumentDraft, Normalized
from extract.normalize import normalize, traditional_share
from extract.sections import describe, find_sections, split_reports

# Above this share of characters that t2s changes, a text is called Traditional.
_TRADITIONAL_THRESHOLD = 0.03


def prepare(raw: str) -> list[DocumentDraft]:
    """Normalize raw text and cut it into one DocumentDraft per report it holds.

    Each draft's raw text is its own slice of ``raw`` and its offset map points into that
    slice; the slices of all drafts cover ``raw`` whole, in order.
    """
    whole = normalize(raw)
    ranges = split_reports(whole.text)
    drafts = []
    for part, (start, end) in enumerate(ranges):
        raw_start = 0 if part == 0 else whole.raw_offsets[start]
        raw_end = len(raw) if part == len(ranges) - 1 else whole.raw_offsets[ranges[part + 1][0]]
        part_raw = raw[raw_start:raw_end]
        offsets = array("i", (o - raw_start for o in whole.raw_offsets[start:end]))
        # The end of a report maps to the end of its raw slice, as in normalize().
        offsets.append(len(part_raw))
        normalized = Normalized(text=whole.text[start:end], raw_offsets=offsets)
        sections = find_sections(normalized.text)
        meta = describe(normalized.text, sections)
        if meta.title:
            # Body text before the first heading reads under the report's title.
            sections = tuple(
                replace(s, heading=meta.title) if s.kind == "body" and not s.heading else s for s in sections
            )
        drafts.append(
            DocumentDraft(
                raw=part_raw,
                normalized=normalized,
                sections=sections,
                title=meta.title,
                organisation=meta.organisation,
                year=meta.year,
                script="traditional" if traditional_share(part_raw) > _TRADITIONAL_THRESHOLD else "simplified",
                part=part,
            )
        )
    return drafts


def renormalize(raw: str) -> DocumentDraft:
    """One stored report's raw text normalized and sectioned again, as one report (no splitting)."""
    normalized = normalize(raw)
    sections = find_sections(normalized.text)
    meta = describe(normalized.text, sections)
    if meta.title:
        sections = tuple(replace(s, heading=meta.title) if s.kind == "body" and not s.heading else s for s in sections)
    return DocumentDraft(
        raw=raw,
        normalized=normalized,
        sections=sections,
        title=meta.title,
        organisation=meta.organisation,
        year=meta.year,
        script="traditional" if traditional_share(raw) > _TRADITIONAL_THRESHOLD else "simplified",
    )
