"""The learned span filter's features and inference (``bench/filter_features.py``), and its trainer's format."""

from __future__ import annotations

import json
from pathlib import Path

from bench.filter_features import FORMAT, filter_spans, load, span_features
from bench.train_filter import Row, train
from pizhu.extract.models import Span

TEXT = "会议在岳阳市召开，岳阳市政协主席张三出席。"


def _spans() -> list[Span]:
    return [
        Span(3, 6, "GPE", "岳阳市", rule="place", source="rules"),
        Span(9, 14, "ORG", "岳阳市政协", rule="org", source="rules+lac"),
        Span(16, 18, "PERSON", "张三", rule="name", source="lac"),
    ]


def test_features_name_kinds_never_the_whole_string() -> None:
    spans = _spans()
    for span, f in zip(spans, span_features(TEXT, spans), strict=True):
        assert all(x.startswith(span.label + ":") for x in f)
        assert not any(x.endswith("=" + span.text) for x in f if len(span.text) > 2)
    gpe = span_features(TEXT, spans)[0]
    assert "GPE:place=city" in gpe  # the place table knows 岳阳市
    assert "GPE:inside_of=ORG" in gpe  # its string stands inside the ORG's
    assert "GPE:as_same=0" in gpe


def test_filter_drops_a_span_its_weights_call_wrong_and_keeps_the_others() -> None:
    spans = _spans()
    weights = {"GPE": {"threshold": 0.5, "weights": {"GPE:inside_of=ORG": -3.0, "GPE:bias": 0.5}}}
    kept = filter_spans(TEXT, spans, weights)
    assert [s.label for s in kept] == ["ORG", "PERSON"]  # labels the weights do not hold pass untouched
    weights["GPE"]["weights"]["GPE:inside_of=ORG"] = 1.0
    assert filter_spans(TEXT, spans, weights) == spans


def test_trained_weights_learn_the_wrong_kind_and_load_in_the_trainers_format(tmp_path: Path) -> None:
    spans = _spans()
    f = span_features(TEXT, spans)[0]
    right = [x for x in f if "inside_of" not in x] + ["GPE:inside_of=none"]
    rows = [Row(f"d{i}", "GPE", "x", f, False) for i in range(20)] + [
        Row(f"e{i}", "GPE", "y", right, True) for i in range(20)
    ]
    weights = train(rows, "GPE")
    assert weights["GPE:inside_of=ORG"] < 0 < weights["GPE:inside_of=none"]
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"format": FORMAT, "labels": {"GPE": {"threshold": 0.5, "weights": weights}}}))
    loaded = load(path)
    assert [s.label for s in filter_spans(TEXT, spans, loaded)] == ["ORG", "PERSON"]
