"""Run every finder over a normalized text and resolve overlaps: what the store calls per document.

The rules always run; the LAC model (``extract.lac``, optional) runs too when installed,
on the stretches the rules leave unsettled, and ``extract.combine`` merges the two
sources (``Span.source``, confidence by agreement).

Lines a spam mirror injected (``extract.spam``: a comment widget, an SEO title line) carry
no span.

Overlap policy (GUIDELINES.md, "Spans may nest"): a DATE or FIGURE inside a TITLE is
kept as well; any other overlap keeps one span, chosen deterministically: the longer
one, then the label with the higher priority, then the earlier start, then the higher
confidence. DATE outranks FIGURE so ``2023-2025年`` never loses its tail to a figure.
"""

from __future__ import annotations

from bisect import bisect_right

from pizhu.extract import lac, orgtagger
from pizhu.extract.combine import combine, whole_places
from pizhu.extract.dates import find_dates
from pizhu.extract.entities import find_entities
from pizhu.extract.figures import find_figures
from pizhu.extract.models import Span
from pizhu.extract.spam import spam_lines
from pizhu.extract.tables import table_figures

__all__ = ["extract_spans", "rule_spans"]

# Lower number wins a tie in length.
_PRIORITY = {"DATE": 0, "MEETING": 1, "TITLE": 2, "FIGURE": 3, "SLOGAN": 4, "ORG": 5, "GPE": 6, "PERSON": 7}
_NESTABLE = frozenset({"DATE", "FIGURE"})


def extract_spans(text: str, *, model: bool | None = None) -> list[Span]:
    """All spans for normalized ``text``, overlaps resolved, sorted by (start, -end, label).

    ``model``: run the statistical source (``extract.lac``) as well: None (the default) when
    it is installed, False never (the rules alone), True when installed (same as None; it is
    optional, so its absence is never an error).
    """
    if not text:
        return []
    spans = _stage_spans(text, model=model)
    if model is not False:
        spans = orgtagger.grow(text, spans)
    return _outside(spans, spam_lines(text))


def _stage_spans(text: str, *, model: bool | None = None) -> list[Span]:
    """The rules' (and LAC's) spans, overlaps resolved: what the ORG tagger reads around."""
    candidates = find_dates(text) + table_figures(text, find_figures(text)) + find_entities(text)
    if model is not False and lac.available():
        stretches = lac.stretches_to_check(text, candidates)
        candidates = combine(text, candidates, lac.find_lac(text, stretches), stretches)
    return _resolved(whole_places(text, candidates))


def _outside(spans: list[Span], lines: list[tuple[int, int]]) -> list[Span]:
    """``spans`` without those on a line a spam mirror injected (``extract.spam``): such lines carry no span."""
    if not lines:
        return spans
    starts = [a for a, _b in lines]
    out = []
    for span in spans:
        i = bisect_right(starts, span.start) - 1
        if i < 0 or span.start >= lines[i][1]:
            out.append(span)
    return out


def rule_spans(text: str) -> list[Span]:
    """The rules' spans alone (no statistical source), overlaps resolved."""
    return extract_spans(text, model=False)


def _resolved(candidates: list[Span]) -> list[Span]:
    titles = sorted((s.start, s.end) for s in candidates if s.label == "TITLE")
    inner = [s for s in candidates if s.label in _NESTABLE and _inside_title(s, titles)]
    inner_ids = {id(s) for s in inner}
    rest = [s for s in candidates if id(s) not in inner_ids]
    kept = _resolve(rest) + _resolve(inner)
    kept.sort(key=lambda s: (s.start, -s.end, s.label))
    return kept


def _inside_title(span: Span, titles: list[tuple[int, int]]) -> bool:
    """Whether a TITLE (sorted (start, end) pairs, never nested in each other) holds ``span``."""
    i = bisect_right(titles, (span.start, 1 << 62)) - 1
    return i >= 0 and titles[i][0] <= span.start and span.end <= titles[i][1]


def _resolve(spans: list[Span]) -> list[Span]:
    """Greedy: best span first, drop whatever overlaps a span already kept."""
    order = sorted(spans, key=lambda s: (-(s.end - s.start), _PRIORITY.get(s.label, 9), s.start, -s.confidence))
    taken: list[Span] = []
    occupied = bytearray()
    for span in order:
        if span.end > len(occupied):
            occupied.extend(b"\0" * (span.end - len(occupied)))
        if any(occupied[span.start : span.end]):
            continue
        occupied[span.start : span.end] = b"\1" * (span.end - span.start)
        taken.append(span)
    return taken
