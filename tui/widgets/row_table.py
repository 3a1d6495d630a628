"""A table of rows with a row cursor whose Home and End go to the first and the last row.

Textual's DataTable scrolls sideways on Home and End, which a row cursor does not use: in
the library and the queue the keys did nothing.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable


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
