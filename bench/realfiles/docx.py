"""Score Word files: pizhu's reading against python-docx's plain one (paragraphs, then each table's rows).

For ``python -m bench.bench_realfiles --kind docx`` and ``tests/store/test_sources_docx_real.py``,
which checks pizhu against the same hand-checked expectations (``tests/realfiles/docx.json``):

- ``title``, ``organisation``: the document's metadata;
- ``first`` / ``last``: how its first line starts and its last line ends (page header and
  footer aside);
- ``rows``: table rows that must stand as lines, cells joined by `` | `` (reading order kept,
  a nested table's rows where it stands);
- ``once``: texts of merged cells, which must appear exactly once;
- ``placeholders``: how many ``[公式]`` / ``[图]`` the text must hold (nothing lost silently);
- ``numbers``: figures that must appear whole.

python-docx's plain reading is what a script written against it gets: ``Document.paragraphs``'
text, then each table's rows with ``row.cells`` (a merged cell once per grid cell it spans),
equations and pictures left out without a trace.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from bench.realfiles import RealFile, Row
from bench.realfiles.web import Reading


def read_pizhu(path: Path) -> tuple[Reading, dict[str, int]]:
    """pizhu's import of the file: normalized text (without page header and footer), metadata, placeholders."""
    from pizhu.extract.document import prepare
    from pizhu.store.sources import read_source

    source = read_source(path.read_bytes())
    draft = prepare(source.text, source.layout)[0]
    kept = [draft.text[s.start : s.end] for s in draft.sections if s.kind != "boilerplate"]
    text = "\n".join(line for part in kept for line in part.split("\n") if line.strip())
    return Reading(text, draft.title, "", draft.organisation), dict(source.placeholders)


def read_python_docx(path: Path) -> tuple[Reading, dict[str, int]]:
    import docx

    document = docx.Document(io.BytesIO(path.read_bytes()))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    title = document.core_properties.title or ""
    return Reading("\n".join(line for line in lines if line.strip()), title), {}


def _squash(text: str) -> str:
    return re.sub(r"[\s\u3000\u2002]+", "", text)


def checks(expect: dict[str, Any], reading: Reading, placeholders: dict[str, int]) -> dict[str, Any]:
    text = reading.text
    lines = [_squash(line) for line in reading.lines]
    out: dict[str, Any] = {}
    if "title" in expect:
        out["title"] = _squash(reading.title) == _squash(expect["title"])
    if "organisation" in expect:
        out["organisation"] = reading.organisation == expect["organisation"]
    if "first" in expect:
        out["first"] = bool(lines) and lines[0].startswith(_squash(expect["first"]))
    if "last" in expect:
        out["last"] = bool(lines) and lines[-1].endswith(_squash(expect["last"]))
    if expect.get("rows"):
        out["rows"] = sum(1 for row in expect["rows"] if _squash(row) in lines) / len(expect["rows"])
    if expect.get("once"):
        out["merged once"] = sum(1 for cell in expect["once"] if text.count(cell) == 1) / len(expect["once"])
    if "placeholders" in expect:
        out["placeholders"] = placeholders == expect["placeholders"]
    if expect.get("numbers"):
        out["numbers"] = sum(1 for n in expect["numbers"] if n in text) / len(expect["numbers"])
    return out


def score(rf: RealFile, path: Path) -> list[Row]:
    rows = []
    for name, read in (("pizhu", read_pizhu), ("python-docx", read_python_docx)):
        reading, placeholders = read(path)
        values = checks(rf.expect, reading, placeholders)
        if name != "pizhu":
            values.pop("organisation", None)
        rows.append(Row(rf.name, name, values))
    return rows
