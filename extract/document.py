"""From a file's decoded text to the reports it holds: normalized, split, sectioned, described."""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import replace
from itertools import repeat
from operator import sub

from pizhu.extract.layout import Block, Layout
from pizhu.extract.models import DocumentDraft, Normalized
from pizhu.extract.normalize import normalize, traditional_share
from pizhu.extract.sections import describe, find_sections, split_reports

# Above this share of characters that t2s changes, a text is called Traditional.
_TRADITIONAL_THRESHOLD = 0.03


def prepare(raw: str, layout: Layout | None = None) -> list[DocumentDraft]:
    """Normalize raw text and cut it into one DocumentDraft per report it holds.

    Each draft's raw text is its own slice of ``raw`` and its offset map points into that
    slice; the slices of all drafts cover ``raw`` whole, in order. With a ``layout`` (a PDF,
    HTML or DOCX file's, whose text is ``raw``), what it marked as boilerplate, caption or
    heading is kept, its pages become the sections' provenance, and its title and date
    stand in for the ones the text rules would find; each draft carries its slice of it.
    """
    if layout is not None and layout.text != raw:
        raise ValueError("the layout is not of this raw text")
    whole = normalize(raw, keep_word_spaces=layout is not None and layout.typed)
    ranges = split_reports(whole.text)
    drafts = []
    for part, (start, end) in enumerate(ranges):
        raw_start = 0 if part == 0 else whole.raw_offsets[start]
        raw_end = len(raw) if part == len(ranges) - 1 else whole.raw_offsets[ranges[part + 1][0]]
        part_raw = raw[raw_start:raw_end]
        offsets = array("i", map(sub, whole.raw_offsets[start:end], repeat(raw_start)))
        # The end of a report maps to the end of its raw slice, as in normalize().
        offsets.append(len(part_raw))
        normalized = Normalized(text=whole.text[start:end], raw_offsets=offsets)
        part_layout = _slice(layout, raw_start, raw_end, keep_meta=part == 0) if layout is not None else None
        drafts.append(_draft(part_raw, normalized, part_layout, part))
    return drafts


def renormalize(raw: str, layout: Layout | None = None) -> DocumentDraft:
    """One stored report's raw text normalized and sectioned again, as one report (no splitting).

    ``layout`` is the one the report was stored with (``DocumentDraft.layout``), if any.
    """
    whole = normalize(raw, keep_word_spaces=layout is not None and layout.typed)
    # Cut as prepare() cuts a report (no blank lines at its ends), as one report.
    ranges = split_reports(whole.text)
    start, end = (ranges[0][0], ranges[-1][1]) if ranges else (0, len(whole.text))
    offsets = array("i", whole.raw_offsets[start:end])
    offsets.append(len(raw))
    return _draft(raw, Normalized(text=whole.text[start:end], raw_offsets=offsets), layout, 0)


def _draft(raw: str, normalized: Normalized, layout: Layout | None, part: int) -> DocumentDraft:
    """Section and describe one report's normalized text, with what its layout says."""
    hints = _line_hints(normalized, layout.blocks) if layout is not None else {}
    sections = find_sections(normalized.text, hints)
    meta = describe(normalized.text, sections)
    date = ""
    if layout is not None:
        title = normalize(layout.title, keep_word_spaces=layout.typed).text.strip() if layout.title else ""
        if meta.title.startswith(title):
            title = meta.title  # the text rules found its subtitle (——…综述) too
        elif title:
            meta = describe(normalized.text, sections, title)  # its organisation, from the file's title
        date = layout.date if re.match(r"\d{4}-\d{2}-\d{2}$", layout.date) else ""
        # The date the file states for itself wins over a year the text names (an article
        # published in 2021 that looks back on 2019 twice is of 2021).
        meta = replace(meta, title=title or meta.title, year=int(date[:4]) if date else meta.year)
    if meta.title:
        # Body text before the first heading reads under the report's title.
        sections = tuple(replace(s, heading=meta.title) if s.kind == "body" and not s.heading else s for s in sections)
    return DocumentDraft(
        raw=raw,
        normalized=normalized,
        sections=sections,
        title=meta.title,
        organisation=meta.organisation,
        year=meta.year,
        script="traditional" if traditional_share(raw) > _TRADITIONAL_THRESHOLD else "simplified",
        part=part,
        layout=layout,
        date=date,
        page_map=_page_map(normalized, layout.blocks) if layout is not None else (),
    )


def _page_map(normalized: Normalized, blocks: tuple[Block, ...]) -> tuple[tuple[int, int], ...]:
    """Where each page's text starts in the normalized text: (start, page), one entry per change of page."""
    raw_offsets = normalized.raw_offsets
    positions = list(raw_offsets[: len(normalized.text)])  # non-decreasing: normalization only deletes
    entries: list[tuple[int, int]] = []
    for block in blocks:
        if not block.pages:
            continue
        starts = [block.start, *(block.start + b for b in block.breaks)]
        for raw, page in zip(starts, block.pages, strict=False):
            at = bisect.bisect_left(positions, raw)
            if at >= len(positions):
                continue
            if entries and entries[-1][0] == at:
                entries[-1] = (at, page)
            elif not entries or entries[-1][1] != page:
                entries.append((at, page))
    if entries and entries[0][0] != 0:
        entries[0] = (0, entries[0][1])
    return tuple(entries)


def _slice(layout: Layout, start: int, end: int, *, keep_meta: bool) -> Layout:
    """The part of a layout that covers raw[start:end], in that slice's offsets."""
    blocks = tuple(
        replace(b, start=max(b.start, start) - start, end=min(b.end, end) - start)
        for b in layout.blocks
        if b.end > start and b.start < end
    )
    return Layout(
        layout.text[start:end],
        blocks,
        title=layout.title if keep_meta else "",
        date=layout.date if keep_meta else "",
        typed=layout.typed,
    )


def _line_hints(whole: Normalized, blocks: tuple[Block, ...]) -> dict[int, Block]:
    """For the start of every normalized line, the layout block its first character came from."""
    starts = [b.start for b in blocks]
    hints: dict[int, Block] = {}
    pos = 0
    for line in whole.text.split("\n"):
        if line:
            raw = whole.raw_offsets[pos]
            index = bisect.bisect_right(starts, raw) - 1
            if index >= 0 and raw < blocks[index].end:
                hints[pos] = blocks[index]
        pos += len(line) + 1
    return hints
