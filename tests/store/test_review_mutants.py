"""Undo and redo over batches, written to kill the mutants of ``store.review.undo_redo`` the
mutation run (``bench/bench_mutants.py``) left: each test fails on one of them."""

from __future__ import annotations

from pathlib import Path

from pizhu.store.db import Store
from pizhu.store.records import Change
from tests.store.test_review_state import ids, small


def _statuses(store: Store, spans: list[int]) -> list[str]:
    return [store.span(i, "wang").status for i in spans]


def test_a_redone_batch_is_undone_whole_again(tmp_path: Path) -> None:
    """The redo of a batch is a batch too: the next undo takes all of it back, not one span."""
    store, doc = small(tmp_path / "t.db")
    figures = [i for text, i in ids(store, doc).items() if text != "区政府"]
    store.decide_many(figures, "wang", "confirm")
    store.undo("wang")
    store.redo("wang")
    assert _statuses(store, figures) == ["confirmed"] * 4
    store.undo("wang")
    assert _statuses(store, figures) == ["pending"] * 4
    store.redo("wang")
    assert _statuses(store, figures) == ["confirmed"] * 4


def test_undo_steps_back_over_single_decisions_and_batches_and_redo_steps_forward(tmp_path: Path) -> None:
    store, doc = small(tmp_path / "t.db")
    a, b, c, d = [i for text, i in ids(store, doc).items() if text != "区政府"]
    store.decide_many([a, b], "wang", "confirm")
    store.decide(c, "wang", Change("reject"))
    store.decide(d, "wang", Change("confirm"))
    steps = []
    for _ in range(3):
        store.undo("wang")
        steps.append(_statuses(store, [a, b, c, d]))
    assert steps == [
        ["confirmed", "confirmed", "rejected", "pending"],
        ["confirmed", "confirmed", "pending", "pending"],
        ["pending", "pending", "pending", "pending"],
    ]
    steps = []
    for _ in range(3):
        store.redo("wang")
        steps.append(_statuses(store, [a, b, c, d]))
    assert steps == [
        ["confirmed", "confirmed", "pending", "pending"],
        ["confirmed", "confirmed", "rejected", "pending"],
        ["confirmed", "confirmed", "rejected", "confirmed"],
    ]
    assert store.redo("wang") is None  # nothing left to redo
