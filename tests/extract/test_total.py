"""Every public function of extract/ that takes text is total (issue 22).

Over random report-like strings (CJK, ASCII and full-width digits, Chinese numerals with
〇/○/零/两/廿/卅, date and unit words, punctuation, whitespace, newlines) no function
raises, and every span it returns satisfies the span contract of GUIDELINES.md: in
bounds, non-empty, ``text[start:end] == span.text``, not starting or ending on
whitespace. Ranges (sections, stretches, report cuts) are in bounds and in order.
"""

from __future__ import annotations

import os
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pizhu.extract import lac
from pizhu.extract.dates import find_dates
from pizhu.extract.decode import DecodeError, decode
from pizhu.extract.document import prepare, renormalize
from pizhu.extract.entities import find_entities, looks_like_name, unsettled_stretches
from pizhu.extract.figures import find_figures
from pizhu.extract.models import LABELS, Span
from pizhu.extract.normalize import normalize, traditional_share
from pizhu.extract.numbers import parse_number, to_json_number
from pizhu.extract.pipeline import extract_spans, rule_spans
from pizhu.extract.sections import classify, describe, find_sections, heading_text, split_reports

# Pieces that make the rules fire: numerals of both kinds, scales, units, date words,
# qualifiers, brackets and quotes, and the level words of places and bodies.
_TOKENS = [
    *"0123456789０１２３４５６７８９",
    *"〇○零一二三四五六七八九十两廿卅百千万亿点",
    *"年月日号份度代世纪届次期件条名人个项场批字省市县区镇村",
    *"至到—–-～~/.,，。、；：:()（）《》“”‘’【】!！?？%％‰",
    *"余多近约超逾第上数连任",
    " ", "\u3000", "\t", "\n", "\n\n", "\r\n",
    "万元", "人次", "个月", "月份", "年度", "年代", "上世纪", "世纪", "百分之", "省市", "政协", "委员会",
    "会议", "2023年", "2024年2月27日", "1—6月", "19", "20", "80年代", "14.2", "1,200",
]  # fmt: skip
_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_ANY = st.characters(blacklist_categories=("Cs",))
_PIECE = st.one_of(st.sampled_from(_TOKENS), _CJK, _ANY)
report_text = st.lists(_PIECE, max_size=80).map("".join)

# PIZHU_FUZZ_EXAMPLES=5000 runs a deeper search than the suite's default.
_EXAMPLES = int(os.environ.get("PIZHU_FUZZ_EXAMPLES", "250"))
_SETTINGS = settings(max_examples=_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_spans(text: str, spans: list[Span]) -> None:
    for s in spans:
        assert 0 <= s.start < s.end <= len(text), s
        assert text[s.start : s.end] == s.text, s
        assert not s.text[0].isspace() and not s.text[-1].isspace(), s
        assert s.label in LABELS, s
        assert 0.0 <= s.confidence <= 1.0, s


def _check_ranges(text: str, ranges: list[tuple[int, int]]) -> None:
    last = 0
    for start, end in ranges:
        assert last <= start <= end <= len(text), ranges
        last = start


@_SETTINGS
@given(report_text)
def test_numbers(text: str) -> None:
    value = parse_number(text)
    if value is not None:
        assert isinstance(value, Decimal) and value.is_finite()
        assert isinstance(to_json_number(value), (int, float))


@_SETTINGS
@given(report_text)
def test_figures_and_dates(text: str) -> None:
    figures, dates = find_figures(text), find_dates(text)
    _check_spans(text, figures)
    _check_spans(text, dates)
    assert all(s.label == "FIGURE" and s.attrs["approx"] in ("exact", "over", "under", "about") for s in figures)
    assert all(isinstance(s.value, (int, float)) for s in figures)
    assert all(s.label == "DATE" for s in dates)


@_SETTINGS
@given(report_text)
def test_entities(text: str) -> None:
    spans = find_entities(text)
    _check_spans(text, spans)
    _check_ranges(text, sorted(unsettled_stretches(text, spans)))
    looks_like_name(text[:4])


@_SETTINGS
@given(report_text)
def test_normalize(text: str) -> None:
    normalized = normalize(text)
    assert len(normalized.raw_offsets) == len(normalized.text) + 1
    assert all(0 <= o <= len(text) for o in normalized.raw_offsets)
    assert 0.0 <= traditional_share(text) <= 1.0


@_SETTINGS
@given(report_text)
def test_sections(text: str) -> None:
    for line in text.split("\n"):
        classify(line)
        heading_text(line)
    _check_ranges(text, split_reports(text))
    sections = find_sections(text)
    _check_ranges(text, [(s.start, s.end) for s in sections])
    describe(text, sections)


@_SETTINGS
@given(report_text)
def test_pipeline(text: str) -> None:
    _check_spans(text, extract_spans(text))
    _check_spans(text, rule_spans(text))


@settings(max_examples=max(60, _EXAMPLES // 4), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_text)
def test_model_source(text: str) -> None:
    # Without the model installed these return [] and the test still checks the rules' side.
    _check_ranges(text, lac.lac_stretches(text))
    _check_spans(text, lac.find_lac(text))
    _check_ranges(text, sorted(lac.stretches_to_check(text, rule_spans(text))))


@_SETTINGS
@given(report_text)
def test_documents(text: str) -> None:
    for draft in prepare(text):
        _check_ranges(draft.text, [(s.start, s.end) for s in draft.sections])
        assert len(draft.normalized.raw_offsets) == len(draft.text) + 1
    draft = renormalize(text)
    assert len(draft.normalized.raw_offsets) == len(draft.text) + 1
    try:
        decoded = decode(text.encode("utf-8"))
    except DecodeError:
        return  # a one-line refusal is the contract for bytes that are not a report's text
    prepare(decoded.text)
