"""Test data for the TUI: seed reports with hand-made machine candidates.

The real extractor lives elsewhere and may not be there yet; these few regular
expressions give every seed a realistic mix of labels and confidences so the app has
something to review. Also used by bench/bench_tui.py and the tmux end-to-end test.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from pizhu.extract.decode import decode
from pizhu.extract.document import prepare
from pizhu.extract.models import DocumentDraft, Span
from pizhu.store.db import Store

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

PATTERNS: tuple[tuple[str, str], ...] = (
    ("TITLE", r"《[^》\n]{1,40}》"),
    ("DATE", r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日"),
    ("FIGURE", r"(?:近|约|超过|超)?\d+(?:\.\d+)?(?:万|亿)?(?:余|多)?(?:人次|次|件|条|人|名|个|项|篇|场|元|%)(?:以上)?"),
    ("MEETING", r"[一二三四五六七八九十]+届[一二三四五六七八九十]+次(?:常委)?会议"),
    ("ORG", r"(?:城中|灵武|嘉峪关|陇南|大洼|陈仓)(?:区|市)?政协"),
    ("SLOGAN", r"两个确立|两个维护|四个意识|四个自信|第一议题"),
    ("PERSON", r"徐顺凯|习近平"),
    ("GPE", r"西宁|灵武市|嘉峪关|陇南|大洼|陈仓"),
)


def machine_spans(text: str) -> list[Span]:
    """Candidates found by the patterns; confidences are fixed per span, 0.30–0.99."""
    spans: list[Span] = []
    taken: set[tuple[int, int]] = set()
    for label, pattern in PATTERNS:
        for match in re.finditer(pattern, text):
            start, end = match.span()
            if (start, end) in taken:
                continue
            taken.add((start, end))
            attrs = {}
            if label == "FIGURE":
                number = re.search(r"\d+(?:\.\d+)?", match.group())
                attrs = {"value": float(number.group()) if number else None, "unit": "", "approx": "exact"}
            confidence = 0.30 + (zlib.crc32(f"{start}:{label}".encode()) % 70) / 100
            spans.append(Span(start, end, label, match.group(), attrs, f"test.{label.lower()}", confidence))
    return sorted(spans, key=lambda s: (s.start, s.end))


def drafts(limit: int | None = None) -> list[tuple[str, DocumentDraft]]:
    out = []
    for path in sorted(SEEDS.glob("*.txt"))[:limit]:
        for draft in prepare(decode(path.read_bytes()).text):
            out.append((str(path), draft))
    return out


def seed_store(path: Path, limit: int | None = None) -> Store:
    """A database file with the seed reports and test candidates."""
    store = Store(path)
    for source, draft in drafts(limit):
        store.add_document(source, "utf-8", draft, machine_spans(draft.text), "test")
    return store


def store_with_text(path: Path, raw: str, spans: list[tuple[str, str]] | None = None) -> tuple[Store, int]:
    """A database with one report made of ``raw``; ``spans`` are (label, text) found in it."""
    store = Store(path)
    draft = prepare(raw)[0]
    made = []
    for label, needle in spans or []:
        start = draft.text.index(needle)
        made.append(Span(start, start + len(needle), label, needle, {}, "test", 0.5))
    doc_id = store.add_document("t.txt", "utf-8", draft, made, "test")
    assert doc_id is not None
    return store, doc_id
