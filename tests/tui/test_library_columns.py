"""The library's columns are as wide as what they hold, whichever of the screen's paint
and the table's idle comes first after the rows are filled in.

Seen in a terminal after ``enter A w y u escape`` (scripted in tmux: 4 runs of 10 at 80×24,
1 to 3 of 10 at 160×45): the title column drawn 5 cells wide (``title  sec``). The table
was left to measure its columns on its idle, and a DataTable keeps each cell drawn until
its rows change, whatever width it was drawn at: a paint between the fill and that idle
drew the titles at the header's width and kept them so. The tests make the paint come
first, every time.
"""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.geometry import Region
from textual.widgets import DataTable

from pizhu.store.db import Store
from pizhu.store.display import visible
from pizhu.tui.app import PizhuApp
from pizhu.tui.screens.library import LibraryScreen
from pizhu.tui.text import fit
from tests.harness import settled


def painting_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fill of the library is drawn at once, before the table's idle measures it (the
    order the screen's paint wins in a terminal)."""
    real = LibraryScreen.fill

    def fill(self: LibraryScreen) -> None:
        real(self)
        table = self.query_one(DataTable)
        if table.size.area:
            table.render_lines(Region(0, 0, table.size.width, table.size.height))

    monkeypatch.setattr(LibraryScreen, "fill", fill)


def drawn_rows(screen: LibraryScreen) -> list[str]:
    table = screen.query_one(DataTable)
    return [table.render_line(y).text for y in range(1, 1 + table.row_count)]


def assert_titles_whole(library: LibraryScreen, width: int) -> None:
    dated = any(d.date for d in library.documents)
    cells = max(width - 52 - (6 if dated else 0), 16)  # what the title column is given
    titles = {str(d.id): fit(visible(d.title), cells) for d in library.documents}
    rows = drawn_rows(library)
    assert len(rows) == len(titles) == 6
    for row in rows:
        assert titles[row.split()[0]] in row, row
        assert cell_len(row.rstrip()) <= width, row


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
async def test_library_titles_are_drawn_whole_after_a_bulk_write_and_back(
    app: PizhuApp, store: Store, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    """The keys of the report (up to 2 s: a confirmation in every report and its undo)."""
    painting_first(monkeypatch)
    async with app.run_test(size=size) as pilot:
        await settled(app, pilot)
        await pilot.press("enter")
        await settled(app, pilot)
        await pilot.press("A", "w")
        await settled(app, pilot)
        await pilot.press("y")
        await settled(app, pilot)
        await pilot.press("u")
        await settled(app, pilot)
        await pilot.press("escape")
        await settled(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert_titles_whole(app.screen, size[0])


async def test_library_titles_follow_a_resize_made_while_a_report_is_open(
    app: PizhuApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    painting_first(monkeypatch)
    async with app.run_test(size=(160, 45)) as pilot:
        await settled(app, pilot)
        await pilot.press("enter")
        await settled(app, pilot)
        await pilot.resize_terminal(80, 24)
        await settled(app, pilot)
        await pilot.press("escape")
        await settled(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert_titles_whole(app.screen, 80)
