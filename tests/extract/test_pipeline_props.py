"""Property tests: the extractors never crash and never return an offset out of range."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pizhu.extract.dates import find_dates
from pizhu.extract.entities import find_entities
from pizhu.extract.figures import find_figures
from pizhu.extract.models import LABELS
from pizhu.extract.pipeline import extract_spans

# Report-like alphabet so the rules actually fire, plus arbitrary Unicode (emoji,
# combining marks, control characters, surrogate-free planes) so they must not break.
_REPORT_CHARS = (
    "0123456789.,%年月日第届次件条名人个项两三十百千万亿余多近约超《》“”、,。()（）区市县镇村政协委员主席记者 \n"
)
report_text = st.text(alphabet=st.sampled_from(_REPORT_CHARS), max_size=200)
any_text = st.text(max_size=200)
mixed = st.lists(st.one_of(report_text, any_text), max_size=4).map("".join)


def _check(text: str, spans: list) -> None:
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.label in LABELS
        assert 0.0 <= s.confidence <= 1.0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed)
def test_pipeline_never_crashes(text: str) -> None:
    spans = extract_spans(text)
    _check(text, spans)
    assert spans == sorted(spans, key=lambda s: (s.start, -s.end, s.label))


@settings(max_examples=300, deadline=None)
@given(mixed)
def test_finders_never_crash(text: str) -> None:
    _check(text, find_figures(text))
    _check(text, find_dates(text))
    _check(text, find_entities(text))


@settings(max_examples=200, deadline=None)
@given(mixed)
def test_only_title_contents_nest(text: str) -> None:
    spans = extract_spans(text)
    for a in spans:
        for b in spans:
            if a is b or a.end <= b.start or b.end <= a.start:
                continue
            outer, inner = (a, b) if a.end - a.start >= b.end - b.start else (b, a)
            assert outer.label == "TITLE" and inner.label in ("DATE", "FIGURE")
            assert outer.start <= inner.start and inner.end <= outer.end


def test_edge_inputs() -> None:
    for text in ["", "\x00", "《", "》《", "👍🏽12次", "e\u0301 2023年", "\ud7ff", "１２次", "\n\n\n", "《" * 1000]:
        _check(text, extract_spans(text))
