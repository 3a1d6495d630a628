"""Figures in the cells of a table: their metric from the row and column headers, their unit from the column's.

A table reaches the normalized text as one row a line, its cells apart by ``CELL_SEPARATOR``
(``' | '``: what the PDF, HTML and Word readers write, and what normalization keeps). A
run of two or more such lines is a table; its first line holds the column headers.

A figure found in a cell (``12.5%``, ``减少1.68个百分点``) gets the metric ``row column``
(``城镇人口 年末数``). A bare number in a cell (``101.7``) is a figure too: with the unit its
column header names (``年末数（万人）``), read by ``extract.figures`` as if the unit followed
the number, so the value is scaled as it would be in running text (``101.7万人`` → 1017000
人); the span is the number alone, as it stands in the text. Where neither the column nor
the row names a unit, a unit line set just over the table (``单位：万元``) does.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pizhu.extract.figures import find_figures
from pizhu.extract.layout import CELL_SEPARATOR
from pizhu.extract.models import Span

_UNIT_RE = re.compile(r"\s*[（(]([^（）()]{1,8})[)）]\s*$")
_NUMBER_RE = re.compile(r"^[-−+]?\d+(?:,\d{3})*(?:\.\d+)?$")
# A unit line set over a table (单位：元币种：人民币, 单位:万元): the unit of its bare numbers.
_TABLE_UNIT_RE = re.compile(r"单位\s*[：:]\s*([^\s,，;；、|币]{1,6})")
# A row header that names an identifier (唯一号, 编号, 代码, 序号, 邮编, 电话, ID): its cells are no amounts.
_IDENTIFIER_ROW_RE = re.compile(r"(?:号|编号|编码|代码|序号|邮编|电话|ID|id)\s*[：:]?$")
# A column header that names an identifier (提案号, 编号, 联系电话, 邮编), a page (页码) or a rank (名次,
# 届次): its cells label or rank their rows, they count nothing.
_IDENTIFIER_COLUMN_RE = re.compile(
    r"(?:号|号码|编码|代码|邮编|邮政编码|电话|手机|传真|ID|id|页码|页次|名次|排名|排序|位次|届次|届别|期次)$"
)
# How many lines over a table its unit line may stand (a caption, then the unit line).
_UNIT_LINES = 2
# A bare number proposed only because it stands in a table, with no unit to say what it counts.
_BARE_CONFIDENCE = 0.6


def table_figures(text: str, figures: list[Span]) -> list[Span]:
    """``figures`` with those in table cells given their headers, and a figure for each bare number in a cell."""
    cells = list(_cells(text))
    if not cells:
        return figures
    by_start = {s.start: s for s in figures}
    out = [s for s in figures if not any(start <= s.start < end for start, end, _m, _u in cells)]
    for start, end, metric, unit in cells:
        inside = [s for s in figures if start <= s.start and s.end <= end]
        if inside:
            out.extend(replace(s, attrs={**s.attrs, "metric": metric or s.metric}) for s in inside)
            continue
        number = text[start:end]
        if not _NUMBER_RE.match(number) or start in by_start:
            continue
        out.append(_bare(number, start, end, metric, unit))
    out.sort(key=lambda s: (s.start, -s.end))
    return out


def _bare(number: str, start: int, end: int, metric: str, unit: str) -> Span:
    """A figure for a bare number in a cell, read with its column's unit where there is one."""
    value: float | int | None = None
    unit_out: str | None = None
    if unit:
        # The number with its unit after it, as running text would have it; a unit the
        # figure rules read only in part (元／股: 元) still gives the scale and the unit.
        read = [s for s in find_figures(number + unit) if s.start == 0 and s.end > len(number)]
        if read:
            value, unit_out = read[0].value, read[0].unit
    if value is None:
        plain = float(number.replace(",", "").replace("−", "-"))
        value = int(plain) if plain.is_integer() and "." not in number else plain
    attrs = {"value": value, "unit": unit_out, "approx": "exact", "metric": metric}
    confidence = 1.0 if unit_out else _BARE_CONFIDENCE
    return Span(start, end, "FIGURE", number, attrs, rule="figure.table_cell", confidence=confidence)


def _cells(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, metric, unit) of every body cell of every table in ``text``, stripped of spaces."""
    found: list[tuple[int, int, str, str]] = []
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    index = 0
    while index < len(lines):
        run = index
        while run < len(lines) and CELL_SEPARATOR in lines[run][1]:
            run += 1
        if run - index >= 2:
            found.extend(_table_cells(lines[index:run], _table_unit(lines[max(0, index - _UNIT_LINES) : index])))
        index = max(run, index + 1)
    return found


def _table_unit(over: list[tuple[int, str]]) -> str:
    """The unit a line just over a table names for it (单位：元), or ``""``."""
    for _pos, line in reversed(over):
        if CELL_SEPARATOR in line:
            break
        match = _TABLE_UNIT_RE.search(line)
        if match:
            return match.group(1)
    return ""


def _table_cells(rows: list[tuple[int, str]], table_unit: str = "") -> list[tuple[int, int, str, str]]:
    columns = _header(rows[0])
    found = []
    row_name = ""
    for pos, line in rows[1:]:
        cells = _split(pos, line)
        texts = [cell.strip() for _start, cell in cells]
        if not texts[0] and not any(_NUMBER_RE.match(t) for t in texts[1:]) and len(cells) == len(columns):
            columns = _header((pos, line))  # a header row inside the table (2020年末 under 2020年)
            continue
        first, row_unit = _unit(texts[0])
        row_name = first or row_name  # a row header merged over the rows below
        if _IDENTIFIER_ROW_RE.search(row_name):
            continue  # 唯一号: | 140232020210000808 |: a record's number names it, it counts nothing
        aligned = len(cells) == len(columns)
        for j, (start, cell) in enumerate(cells[1:], start=1):
            stripped = cell.strip()
            if not stripped:
                continue
            lead = start + len(cell) - len(cell.lstrip())
            column, unit = columns[j] if aligned else ("", "")
            if _IDENTIFIER_COLUMN_RE.search(column):
                continue  # 提案号 | 0012, 联系电话 | 13812345678, 页码 | 3: a label, not an amount
            metric = " ".join(part for part in (row_name, column) if part)
            found.append((lead, lead + len(stripped), metric, unit or row_unit or table_unit))
    return found


def _header(row: tuple[int, str]) -> list[tuple[str, str]]:
    """(name, unit) of each column of a header row."""
    return [_unit(cell.strip()) for _start, cell in _split(*row)]


def _unit(name: str) -> tuple[str, str]:
    """A header without its bracketed unit, and the unit: 年末数（万人） -> (年末数, 万人)."""
    named = _UNIT_RE.search(name)
    return (name[: named.start()].strip(), named.group(1).strip()) if named else (name, "")


def _split(pos: int, line: str) -> list[tuple[int, str]]:
    """The cells of a row as (start, text), the separators left out.

    A row's text is stripped at its ends, so an empty first cell leaves it starting with
    ``'| '`` and an empty last cell ending with ``' |'``.
    """
    bar = CELL_SEPARATOR.strip()
    head = line.startswith(bar + " ") or line == bar
    tail = line.endswith(" " + bar) and len(line) > 1
    inner_start = 2 if head else 0
    inner_end = len(line) - 2 if tail else len(line)
    out = [(pos, "")] if head else []
    start = inner_start
    for part in line[inner_start:inner_end].split(CELL_SEPARATOR):
        out.append((pos + start, part))
        start += len(part) + len(CELL_SEPARATOR)
    if tail:
        out.append((pos + len(line), ""))
    return out
