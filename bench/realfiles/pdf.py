"""Real PDFs: what pizhu reads from them, checked against the manifest's hand-checked expectations.

The same checks serve the tests (``tests/store/test_sources_pdf_real.py``) and the bench
(``python -m bench.bench_realfiles --kind pdf``), where pizhu's text is scored beside the
plain text of pdfplumber and PyMuPDF (each page's text, as those libraries give it).

Expectations (``expect`` in ``tests/realfiles/pdf.json``), all optional:

- ``pages``: the number of pages;
- ``numbers``: numbers that must stand whole in the text (not glued to a digit, a point or a
  comma of a neighbouring cell or line): "whole", else "glued" (in the text inside a longer
  number), else "lost";
- ``order``: lists of phrases that must come in this order (spaces ignored);
- ``rows``: table rows that must be lines of the text, exactly (cells apart by `` | ``);
- ``figures``: figures in table cells, ``{"text", "metric", "unit"?}``: a FIGURE span with
  that text and metric (and unit) must be proposed;
- ``tables_min``: at least this many table sections;
- ``title``, ``organisation``, ``year``: the report's metadata;
- ``placeholders_min``: at least this many placeholders (images, text at an angle);
- ``cut_max``: the share of body lines cut mid-sentence is at most this.
"""

from __future__ import annotations

import itertools
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bench.realfiles import RealFile, Row
from pizhu.extract.layout import CELL_SEPARATOR

_SENTENCE_END = "。！？!?；;：:…”’」』）)》】."
_CJK_RE = re.compile("[\u3400-\u9fff]")
_GAP = "\x00"
_LEADERS_RE = re.compile(r"(?:[.·…]\s?){4,}")


@dataclass(frozen=True)
class Read:
    """A PDF as pizhu imports it."""

    text: str
    """The normalized text of its reports, one after the other."""
    body: str
    """The lines of its body sections, a ``_GAP`` line where a table, caption or furniture stood."""
    tables: int
    title: str
    organisation: str
    year: int | None
    pages: int
    placeholders: int
    figures: tuple[tuple[str, str, str | None], ...]
    """(text, metric, unit) of every FIGURE the rules propose in table sections."""
    seconds: float


@lru_cache(maxsize=4)
def read(path: Path) -> Read:
    """Import ``path`` as ``pizhu import`` does (read, normalize, section), without a database."""
    from pizhu.extract.document import prepare
    from pizhu.extract.pipeline import rule_spans
    from pizhu.store.sources import read_source

    start = time.perf_counter()
    source = read_source(path.read_bytes())
    drafts = prepare(source.text, source.layout)
    seconds = time.perf_counter() - start
    assert source.layout is not None
    pages = max((p for b in source.layout.blocks for p in b.pages), default=0)
    figures = []
    body = []
    tables = 0
    for draft in drafts:
        for section in draft.sections:
            part = draft.text[section.start : section.end]
            if section.kind == "body":
                body.append(part)
            else:
                body.append(_GAP)  # the body lines around a table or a caption are not one paragraph
            if section.kind == "table":
                tables += 1
                # With the two lines over the table (a unit line, 单位：元, is read as the import reads it).
                lead = draft.text.rfind("\n", 0, max(draft.text.rfind("\n", 0, section.start - 1), 0)) + 1
                lead = min(lead, section.start)
                figures.extend(
                    (s.text, s.metric or "", s.unit)
                    for s in rule_spans(draft.text[lead : section.end])
                    if s.label == "FIGURE" and s.start >= section.start - lead
                )
    return Read(
        text="\n".join(d.text for d in drafts),
        body="\n".join(body),
        tables=tables,
        title=drafts[0].title,
        organisation=drafts[0].organisation,
        year=drafts[0].year,
        pages=pages,
        placeholders=source.layout.placeholders,
        figures=tuple(figures),
        seconds=seconds,
    )


def number_state(text: str, number: str) -> str:
    """``whole``, ``glued`` (only inside a longer number) or ``lost``."""
    if re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", text):
        return "whole"
    return "glued" if number in text else "lost"


def in_order(text: str, phrases: list[str]) -> bool:
    """Whether the phrases stand in the text in this order (spaces ignored)."""
    flat = re.sub(r"\s+", "", text)
    at = 0
    for phrase in phrases:
        found = flat.find(re.sub(r"\s+", "", phrase), at)
        if found < 0:
            return False
        at = found + 1
    return True


def cut_share(text: str) -> float:
    """The share of body lines (of 15 characters or more) that stop mid-sentence while the
    next line goes on with Chinese text: a paragraph cut at a printed line's end. Headings,
    captions, furniture (by pizhu's text rules), table rows and contents lines do not count."""
    from pizhu.extract.sections import classify

    lines = [line.strip() for line in text.split("\n") if line.strip() and CELL_SEPARATOR not in line]
    long = [
        (a, b)
        for a, b in itertools.pairwise(lines)
        if len(a) >= 15 and classify(a) == "body" and not _LEADERS_RE.search(a)
    ]
    if not long:
        return 0.0
    cut = sum(1 for a, b in long if a[-1] not in _SENTENCE_END and _CJK_RE.match(b[0]))
    return cut / len(long)


def failures(rf: RealFile, got: Read) -> list[str]:
    """Each expectation of ``rf`` that ``got`` does not meet, said in a line."""
    expect = rf.expect
    out = []
    if "pages" in expect and got.pages != expect["pages"]:
        out.append(f"pages: {got.pages}, expected {expect['pages']}")
    for number in expect.get("numbers", []):
        state = number_state(got.text, number)
        if state != "whole":
            out.append(f"number {number}: {state}")
    for phrases in expect.get("order", []):
        if not in_order(got.text, phrases):
            out.append(f"order: {' / '.join(phrases)}")
    lines = {line.strip() for line in got.text.split("\n")}
    out.extend(f"row missing: {row}" for row in expect.get("rows", []) if row not in lines)
    for figure in expect.get("figures", []):
        wanted = (figure["text"], figure["metric"])
        hits = [f for f in got.figures if f[:2] == wanted and ("unit" not in figure or f[2] == figure["unit"])]
        if not hits:
            out.append(f"figure {figure}: not proposed")
    if got.tables < expect.get("tables_min", 0):
        out.append(f"tables: {got.tables}, expected at least {expect['tables_min']}")
    for key in ("title", "organisation", "year"):
        if key in expect and getattr(got, key) != expect[key]:
            out.append(f"{key}: {getattr(got, key)!r}, expected {expect[key]!r}")
    if got.placeholders < expect.get("placeholders_min", 0):
        out.append(f"placeholders: {got.placeholders}, expected at least {expect['placeholders_min']}")
    if "cut_max" in expect and cut_share(got.body) > expect["cut_max"]:
        out.append(f"lines cut mid-sentence: {cut_share(got.body):.0%}, expected at most {expect['cut_max']:.0%}")
    return out


def _plain_pdfplumber(path: Path) -> tuple[str, float]:
    import pdfplumber

    start = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    return text, time.perf_counter() - start


def _plain_pymupdf(path: Path) -> tuple[str, float] | None:
    try:
        import pymupdf
    except ImportError:
        return None
    start = time.perf_counter()
    with pymupdf.open(path) as doc:
        text = "\n".join(page.get_text() for page in doc)
    return text, time.perf_counter() - start


def _row(rf: RealFile, tool: str, text: str, seconds: float, extra: dict[str, Any]) -> Row:
    from pizhu.extract.normalize import normalize

    expect = rf.expect
    normalized = normalize(text).text  # the same normalization as pizhu's, so spacing does not count
    states = [number_state(normalized, n) for n in expect.get("numbers", [])]
    orders = expect.get("order", [])
    lines = {line.strip() for line in normalized.split("\n")}
    rows = expect.get("rows", [])
    values: dict[str, Any] = {
        "numbers whole/glued/lost": f"{states.count('whole')}/{states.count('glued')}/{states.count('lost')}",
        "order": f"{sum(in_order(normalized, o) for o in orders)}/{len(orders)}",
        "rows": f"{sum(r in lines for r in rows)}/{len(rows)}",
        "cut": f"{cut_share(extra.pop('body', normalized)):.0%}",
    }
    values |= extra
    values["s/page"] = f"{seconds / max(expect.get('pages', 1), 1):.3f}"
    return Row(rf.name, tool, values)


def score(rf: RealFile, path: Path) -> list[Row]:
    """pizhu against the plain text of pdfplumber and PyMuPDF, on the measures above."""
    got = read(path)
    metadata = sum(
        1 for key in ("title", "organisation", "year") if key in rf.expect and getattr(got, key) == rf.expect[key]
    )
    asked = sum(1 for key in ("title", "organisation", "year") if key in rf.expect)
    figures = rf.expect.get("figures", [])
    rows = [
        _row(
            rf,
            "pizhu",
            got.text,
            got.seconds,
            {
                "body": got.body,
                "tables": got.tables,
                "cell figures": f"{len(figures) - sum(1 for f in failures(rf, got) if f.startswith('figure'))}"
                f"/{len(figures)}",
                "metadata": f"{metadata}/{asked}",
            },
        )
    ]
    text, seconds = _plain_pdfplumber(path)
    rows.append(_row(rf, "pdfplumber text", text, seconds, {"tables": "-", "cell figures": "-", "metadata": "-"}))
    plain = _plain_pymupdf(path)
    if plain is not None:
        rows.append(_row(rf, "PyMuPDF text", plain[0], plain[1], {"tables": "-", "cell figures": "-", "metadata": "-"}))
    return rows
