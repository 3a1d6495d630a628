"""Precision, recall and F1 from match counts: the one rule every score of pizhu follows
(the extractor against a gold file, the review statistics, two reviewers' agreement, a
trained model on held-out reports).

A score is ``None`` where it is undefined, never a ``0.0`` that reads as a failure:
precision when nothing was found, recall when there was nothing to find (or what was
missed is not known), F1 when both are so. F1 is ``2·tp / (2·tp + fp + fn)``, the
harmonic mean of precision and recall wherever both are defined, and 0 when something was
found or missed and nothing matched. Callers show ``None`` as "—" (``store.display.score``).
"""

from __future__ import annotations

from typing import NamedTuple


class Scores(NamedTuple):
    precision: float | None
    recall: float | None
    f1: float | None


class Scored:
    """``precision``, ``recall`` and ``f1`` for a record that says what its ``scores`` are."""

    @property
    def scores(self) -> Scores:
        raise NotImplementedError

    @property
    def precision(self) -> float | None:
        return self.scores.precision

    @property
    def recall(self) -> float | None:
        return self.scores.recall

    @property
    def f1(self) -> float | None:
        return self.scores.f1


def prf(tp: int, fp: int, fn: int | None) -> Scores:
    """The scores of ``tp`` matches, ``fp`` found that were not there and ``fn`` missed
    (``None``: not known, so neither recall nor F1 is)."""
    precision = tp / (tp + fp) if tp + fp else None
    if fn is None:
        return Scores(precision, None, None)
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * tp / (2 * tp + fp + fn) if tp or fp or fn else None
    return Scores(precision, recall, f1)
