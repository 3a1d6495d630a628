"""extract.scores: the one precision/recall/F1 rule, None where a score is undefined."""

from __future__ import annotations

import pytest

from pizhu.extract.evaluate import score
from pizhu.extract.scores import prf


def test_scores_are_none_where_undefined_and_f1_is_zero_when_nothing_matched() -> None:
    assert prf(0, 0, 0) == (None, None, None)
    assert prf(0, 0, 3) == (None, 0.0, 0.0)  # found nothing, missed everything
    assert prf(0, 2, 0) == (0.0, None, 0.0)  # found only what was not there
    assert prf(2, 0, 2) == (1.0, 0.5, pytest.approx(2 / 3))
    assert prf(3, 1, None) == (0.75, None, None)  # what was missed is not known


def test_the_extractor_scores_say_none_where_nothing_was_found() -> None:
    gold = [{"doc": "a", "label": "DATE", "text": "2023年"}]
    result = score(gold, [])
    assert result["labels"]["DATE"] | {"precision": None, "recall": 0.0, "f1": 0.0} == result["labels"]["DATE"]
