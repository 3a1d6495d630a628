"""Property tests: normalization, report preparation and extraction over arbitrary Unicode.

Whatever the text (mixed scripts, combining marks, emoji, full-width figures, control
characters, pinyin glosses, headings), nothing crashes, every offset is valid, each
normalized character comes from the raw character the map names, and the stored
run-length map answers exactly as the per-character map does.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pizhu.extract.document import prepare
from pizhu.extract.normalize import normalize
from tests.offsets import check_map, texts

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
@example("捐款捐物９３．３５％\r\n")
@example("政協(xié)\u200b會(huì)\r")
def test_normalize_keeps_a_valid_offset_map(raw: str) -> None:
    normalized = normalize(raw)
    check_map(raw, normalized.text, normalized.raw_offsets, stored_end=False)
    assert normalized.raw_offsets[-1] == len(raw)
    for i in range(len(normalized.text)):
        start, end = normalized.span_to_raw(i, i + 1)
        assert end == start + 1


@SETTINGS
@given(texts)
def test_normalize_drops_carriage_returns_and_invisibles(raw: str) -> None:
    """No carriage return, BOM or zero-width space survives, whatever surrounds it."""
    text = normalize(raw).text
    assert "\r" not in text
    assert not {"\u200b", "\ufeff", "\u00ad"} & set(text)


def test_full_width_figures_become_ascii_one_for_one() -> None:
    normalized = normalize("满意率９３．３５％")
    assert normalized.text == "满意率93.35%"
    assert list(normalized.raw_offsets) == list(range(len("满意率９３．３５％") + 1))


@SETTINGS
@given(texts)
def test_prepare_cuts_reports_that_cover_the_raw_text(raw: str) -> None:
    drafts = prepare(raw)
    assert drafts
    assert "".join(d.raw for d in drafts) == raw
    assert [d.part for d in drafts] == list(range(len(drafts)))
    for draft in drafts:
        check_map(draft.raw, draft.text, draft.normalized.raw_offsets, stored_end=bool(draft.text))
        sections = draft.sections
        if not draft.text.strip():
            assert all(s.start < s.end for s in sections)
            continue
        assert [s.ordinal for s in sections] == list(range(len(sections)))
        assert sections[0].start == 0 and sections[-1].end == len(draft.text)
        for before, after in itertools.pairwise(sections):
            assert before.end == after.start
        assert all(s.start < s.end and s.kind in ("body", "caption", "boilerplate") for s in sections)


@SETTINGS
@given(texts)
def test_extraction_on_prepared_reports_gives_slices(raw: str) -> None:
    """What import stores: spans of each prepared draft (raw-text props are in test_pipeline_props)."""
    pipeline = pytest.importorskip("pizhu.extract.pipeline", reason="extract.pipeline has not landed yet")
    for draft in prepare(raw):
        text = draft.text
        for span in pipeline.extract_spans(text):
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start : span.end] == span.text


# The two scans of OCR spacing start only where a run of CJK starts (a lookbehind): the same
# matches as the patterns without it, which tried every character of a run and failed there.
_RUNS = st.lists(st.sampled_from(["政", "协", "委员会", "𠀀", " ", "  ", "\u3000", "，", "a", "1", "\n"]), max_size=40)


@SETTINGS
@given(_RUNS.map("".join))
def test_spacing_scans_find_what_they_found_without_the_lookbehind(text: str) -> None:
    from pizhu.extract import normalize as n

    gap = re.compile(rf"([{n.CJK}]+)[{n._SPACE}](?=([{n.CJK}]+))")
    row = re.compile(rf"[{n.CJK}]+(?:[{n._SPACE}]+[{n.CJK}]+){{2,}}")
    for old, new in ((gap, n._CJK_GAP_RE), (row, n._SPACED_ROW_RE)):
        assert [(m.span(), m.groups()) for m in new.finditer(text)] == [
            (m.span(), m.groups()) for m in old.finditer(text)
        ]
