"""The whole pipeline on the seed reports, scored against the hand-checked gold.

Seeds are normalized with the real ``extract.normalize.normalize``, exactly as the store
does on import, so a change in normalization that moves a span shows up here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pizhu.extract.evaluate import score
from pizhu.extract.normalize import normalize
from pizhu.extract.pipeline import extract_spans

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "seeds-gold.jsonl"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def result() -> dict:
    gold = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    predicted = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = normalize(path.read_text("utf-8")).text
        for span in extract_spans(text):
            assert text[span.start : span.end] == span.text
            predicted.append({"doc": path.name, "label": span.label, "text": span.text, **span.attrs})
    return score(gold, predicted)


def test_gold_covers_all_seeds() -> None:
    docs = {json.loads(line)["doc"] for line in GOLD.read_text("utf-8").splitlines() if line.strip()}
    assert docs == {p.name for p in SEEDS.glob("*.txt")}


def test_figure_f1(result: dict) -> None:
    assert result["labels"]["FIGURE"]["f1"] >= 0.97, result["labels"]["FIGURE"]


def test_date_f1(result: dict) -> None:
    assert result["labels"]["DATE"]["f1"] >= 0.97, result["labels"]["DATE"]


def test_figure_attributes(result: dict) -> None:
    attrs = result["figure_attrs"]
    assert attrs["matched"] >= 0.97 * 129
    assert attrs["accuracy"] >= 0.98, attrs


def test_only_gold_labels_are_scored(result: dict) -> None:
    # The gold annotates FIGURE and DATE only; ORG/GPE/… predictions must not count as errors.
    assert set(result["labels"]) == {"FIGURE", "DATE"}
