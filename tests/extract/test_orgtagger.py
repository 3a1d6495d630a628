"""The ORG tagger (``extract.orgtagger``): its weights, its windows, the decoder's spans, the ``grow`` policy."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from pizhu.extract import orgtagger as ot
from pizhu.extract.models import Span
from pizhu.extract.pipeline import extract_spans, rule_spans

pytestmark = pytest.mark.skipif(not ot.MODEL_PATH.exists(), reason="no weights file (python -m bench.train_orgtagger)")


def test_the_weights_file_is_small_and_well_formed() -> None:
    # Its load time is measured in bench (python -m bench.bench_orgtagger --cost), not here.
    assert ot.MODEL_PATH.stat().st_size <= 3_000_000
    model = ot.Model(ot.MODEL_PATH)
    n = len(model.labels)
    assert {"O", "B-ORG", "I-ORG"} <= set(model.labels)
    assert model.transitions.shape == (n, n)
    assert all(len(keys) + 1 == len(rows) for keys, rows in model.tables.values())
    assert all(bool(np.all(np.diff(keys) > 0)) for keys, _rows in model.tables.values())
    assert ot.load() is ot.load()


def test_windows_end_at_uncovered_organ_heads_within_their_line() -> None:
    text = "会议指出，\n各地要支持县农业农村局和市政协的工作。"
    covered = Span(text.index("市政协"), text.index("市政协") + 3, "ORG", "市政协")
    spots = ot.windows(text, [covered])
    assert spots
    end = text.index("局") + 1
    assert any(a < end <= b for a, b in spots)
    assert all("\n" not in text[a:b] for a, b in spots)
    # The covered head (市政协's 政协) opens no window of its own beyond the uncovered one's reach.
    assert all(b <= end + ot.AHEAD for a, b in spots)


def test_the_tagger_proposes_an_organ_the_rules_miss() -> None:
    # A CPPCC committee named by its field alone, whose report a vice-chair gives (the rules want a named
    # prefix before 委员会): the kind of name the corpus' gold holds and the training texts teach.
    text = "会议听取了副主席代表人口资源环境委员会所作的工作报告。"
    name = "人口资源环境委员会"
    assert not any(s.label == "ORG" and s.text == name for s in rule_spans(text))
    found = [s for s in extract_spans(text) if s.label == "ORG" and s.text == name]
    assert found and found[0].source == "crf"


def test_spans_never_cross_a_line_break_nor_start_or_end_on_whitespace() -> None:
    text = (
        "一、加强自身建设\n 市人力资源和社会保障局\n\n二、  区文化广播电视和旅游局 　加强联系\n"
        "县委统战部\n 政协办公室　\n各民主党派市委会 工商联\n"
    )
    spots = [(0, len(text)), *ot.windows(text, [])]
    for a, b in spots:
        for s, e, _p in ot.tag_windows(text, [(a, b)], []):
            assert "\n" not in text[s:e]
            assert not text[s].isspace() and not text[e - 1].isspace()
    for s in extract_spans(text):
        if s.source == "crf":
            assert "\n" not in s.text and s.text == s.text.strip()


def test_grow_replaces_the_organs_it_strictly_contains_and_nothing_else() -> None:
    text = "今年，某某县人民政府办公室印发了通知。"
    inner = Span(text.index("人民政府"), text.index("人民政府") + 4, "ORG", "人民政府")
    date = Span(0, 2, "DATE", "今年")
    s, e = text.index("某某县"), text.index("办公室") + 3
    out = ot.apply(text, [date, inner], [(s, e, 0.99)])
    assert [(x.start, x.end, x.label) for x in out] == [(0, 2, "DATE"), (s, e, "ORG")]
    assert out[1].source == "crf" and out[1].text == text[s:e]
    # Under the threshold: nothing changes.
    assert ot.apply(text, [date, inner], [(s, e, ot.THRESHOLD / 2)]) == [date, inner]


def test_the_tagger_offers_no_span_over_another_label_or_equal_to_a_span() -> None:
    text = "今年，某某县人民政府办公室印发了通知。"
    whole = Span(text.index("某某县"), text.index("办公室") + 3, "ORG", "某某县人民政府办公室")
    place = Span(text.index("某某县"), text.index("某某县") + 3, "GPE", "某某县")
    for spans in ([whole], [place]):
        spots = [(0, len(text))]
        for s, e, _p in ot.tag_windows(text, spots, spans):
            hit = [x for x in spans if x.start < e and s < x.end]
            assert all(x.label == "ORG" and s <= x.start and x.end <= e and (x.start, x.end) != (s, e) for x in hit)


def test_the_head_patterns_match_as_the_longest_first_alternation_of_their_heads() -> None:
    # The patterns are written as tries for speed: where a head starts and ends must not change. Text made of the
    # heads run together, cut at every place, and with a character between them (nested and overlapping heads).
    rng = random.Random(7)
    for heads, pattern in (
        (ot._GATE_HEADS, ot.GATE_RE),
        (sorted(ot._ORG_HEADS, key=len, reverse=True), ot.HEAD_START_RE),
    ):
        plain = re.compile("|".join(map(re.escape, heads)))
        pieces = [*heads, "的", "市", "县", "委", "会"]
        for _ in range(200):
            text = "".join(rng.choice(pieces)[: rng.randint(1, 8)] for _ in range(30))
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
