"""Score saved web pages: pizhu's reading against trafilatura's plain output and readability-lxml's.

For ``python -m bench.bench_realfiles --kind web`` and ``tests/store/test_sources_html_real.py``,
which checks pizhu's reading against the same hand-checked expectations
(``tests/realfiles/web.json``, ``expect``):

- ``title``, ``date`` (``YYYY-MM-DD``), ``organisation``: the document's metadata;
- ``first`` / ``last``: the article's first and last sentences (or a stretch of them), found
  in one of its first four / last two lines (page furniture marked as boilerplate aside):
  the article is there whole, nothing glued on;
- ``numbers``: figures that must appear whole;
- ``absent``: the page's navigation, which must not.

Measures per reader: title right, date right, organisation right (pizhu only: the others
have none), navigation out (share of ``absent`` not in the text), paragraphs kept (first
and last sentences each where expected and on separate lines), numbers whole (share).
trafilatura's plain output is ``trafilatura.extract`` with its defaults and its metadata's
title and date; readability-lxml's is ``Document.summary()``'s text, its ``short_title()``
and no date (a test extra: ``pip install readability-lxml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.realfiles import RealFile, Row


@dataclass(frozen=True)
class Reading:
    """What a reader made of a file: its text, one paragraph a line, and the metadata it found."""

    text: str
    title: str = ""
    date: str = ""
    organisation: str = ""

    @property
    def lines(self) -> list[str]:
        return [line for line in self.text.split("\n") if line.strip()]


def read_pizhu(path: Path) -> Reading:
    """pizhu's import of the file: the first report's normalized text and metadata, as stored."""
    from pizhu.extract.document import prepare
    from pizhu.store.sources import read_source

    source = read_source(path.read_bytes())
    draft = prepare(source.text, source.layout)[0]
    body = [
        draft.text[s.start : s.end]
        for s in draft.sections
        if s.kind not in ("boilerplate",) and draft.text[s.start : s.end].strip()
    ]
    text = "\n".join(line for part in body for line in part.split("\n") if line.strip())
    return Reading(text, draft.title, draft.date, draft.organisation)


def read_trafilatura(path: Path) -> Reading:
    import trafilatura

    from pizhu.store.sources.html import page_text

    html, _charset = page_text(path.read_bytes())
    text = trafilatura.extract(html) or ""
    meta = trafilatura.extract_metadata(html)
    return Reading(text, (meta.title or "") if meta else "", (meta.date or "") if meta else "")


def read_readability(path: Path) -> Reading | None:
    try:
        from readability import Document
    except ImportError:
        return None
    import lxml.html

    from pizhu.store.sources.html import page_text

    html, _charset = page_text(path.read_bytes())
    document = Document(html)
    summary = lxml.html.fromstring(document.summary())
    blocks = [
        re.sub(r"\s+", " ", element.text_content()).strip()
        for element in summary.iter("p", "h1", "h2", "h3", "li", "td", "div")
        if not any(child.tag in ("p", "div", "li", "td") for child in element)
    ]
    return Reading("\n".join(b for b in blocks if b), document.short_title(), "")


def _squash(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def checks(expect: dict[str, Any], reading: Reading) -> dict[str, Any]:
    """Each expectation's outcome for one reading (True/False, or a share for lists)."""
    text = _squash(reading.text)
    lines = [_squash(line) for line in reading.lines]
    out: dict[str, Any] = {}
    if "title" in expect:
        out["title"] = _squash(reading.title) == _squash(expect["title"])
    if "date" in expect:
        out["date"] = (reading.date or "")[:10] == expect["date"]
    if "organisation" in expect:
        out["organisation"] = reading.organisation == expect["organisation"]
    first, last = _squash(expect.get("first", "")), _squash(expect.get("last", ""))
    at_start = bool(first) and any(first in line for line in lines[:4])
    at_end = bool(last) and any(last in line for line in lines[-2:])
    # Two paragraphs glued are one line holding both (unless the article is one paragraph).
    apart = (
        expect.get("one_paragraph") or not any(first in line and last in line for line in lines)
        if first and last
        else True
    )
    if first or last:
        out["paragraphs"] = (not first or at_start) and (not last or at_end) and apart
    numbers = expect.get("numbers", [])
    if numbers:
        out["numbers"] = sum(1 for n in numbers if n in text) / len(numbers)
    absent = expect.get("absent", [])
    if absent:
        out["nav out"] = sum(1 for a in absent if _squash(a) not in text) / len(absent)
    return out


def score(rf: RealFile, path: Path) -> list[Row]:
    rows = []
    readers: list[tuple[str, Any]] = [
        ("pizhu", read_pizhu),
        ("trafilatura", read_trafilatura),
        ("readability", read_readability),
    ]
    for name, read in readers:
        reading = read(path)
        if reading is None:
            rows.append(Row(rf.name, name, {"note": "not installed (pip install readability-lxml)"}))
            continue
        values = checks(rf.expect, reading)
        if name != "pizhu":
            values.pop("organisation", None)
        rows.append(Row(rf.name, name, values))
    return rows
