"""A table of rows with a row cursor whose Home and End go to the first and the last row.

Textual's DataTable scrolls sideways on Home and End, which a row cursor does not use: in
the library and the queue the keys did nothing.

``fill`` sets a table's columns and rows with each column as wide as its label and cells:
a DataTable left to measure its columns on its idle keeps the cells drawn before it did at
the header's width (a paint between a fill and that idle drew them so, and kept them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

Cell = str | Text
"""A cell as the tables give it: a ``str`` (drawn as Rich markup, as DataTable does) or a Text."""


def cell_width(cell: Cell) -> int:
    """The terminal cells ``cell`` takes drawn in a DataTable (its widest line)."""
    text = cell if isinstance(cell, Text) else Text.from_markup(cell)
    return max((line.cell_len for line in text.split(allow_blank=True)), default=0)


def fill(
    table: DataTable[Any],
    columns: Sequence[str | tuple[str, str]],
    rows: Sequence[Sequence[Cell]],
    keys: Sequence[str] | None = None,
) -> None:
    """Clear ``table`` and give it ``columns`` (a key, or a key and its label) and ``rows``
    (keyed by ``keys`` when given), each column as wide as its label and its cells.

    The widths are given here, not left to the table's idle: cells drawn before that idle
    are kept at the width they were drawn at until the rows change.
    """
    table.clear(columns=True)
    for index, column in enumerate(columns):
        key, label = (column, column) if isinstance(column, str) else column
        width = max([cell_width(label), *(cell_width(row[index]) for row in rows)])
        table.add_column(label, key=key, width=width)
    for index, row in enumerate(rows):
        table.add_row(*row, key=None if keys is None else keys[index])


class RowTable(DataTable[Any]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "first_row", "first", show=False),
        Binding("end", "last_row", "last", show=False),
    ]

    def action_first_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_last_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)
