"""The library with more reports than it draws: sorting and filtering still reach every one.

A DataTable lays out every cell it holds, so 10,000 reports took seconds before the first
frame (bench/bench_tui_scale.py). The library draws the first ``MAX_ROWS`` of the sorted,
filtered list; these tests prove that no report becomes unreachable by that.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store.db import Store
from pizhu.tui.app import make_app
from pizhu.tui.screens.library import MAX_ROWS, LibraryScreen
from pizhu.tui.screens.reader import ReaderScreen
from tests.harness import settled

EXTRA = 7


def many_reports(path: Path, count: int) -> Store:
    store = Store(path)
    for n in range(1, count + 1):
        draft = prepare(f"第{n}号报告\n\n一、工作回顾\n\n{n}年召开会议{n}次。\n")[0]
        start = draft.text.index(f"{n}年")
        span = Span(start, start + len(f"{n}年"), "DATE", f"{n}年", {}, "test", 0.5)
        store.add_document(f"r{n}.txt", "utf-8", draft, [span], "test")
    return store


async def test_library_draws_a_bounded_number_of_rows_yet_reaches_every_report(tmp_path: Path) -> None:
    total = MAX_ROWS + EXTRA
    store = many_reports(tmp_path / "many.db", total)
    assert len(store.document_ids()) == total
    app = make_app(store, "ann")
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == MAX_ROWS
        title = str(screen.query_one("#library-title").render())
        assert f"{total}/{total} documents" in title and f"first {MAX_ROWS} shown" in title
        # Sorting covers every report: reversed by id, the last one comes first.
        await pilot.press("s")
        assert table.row_count == MAX_ROWS
        assert table.get_row_at(0)[0] == str(total)
        # So does the filter: a report far past the drawn rows is found and opens.
        await pilot.press("s", "s", "slash", *f"第{total - 1}号", "enter")
        assert table.row_count == 1
        await pilot.press("enter")
        await settled(app, pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.doc is not None
        assert app.screen.doc.document.id == total - 1
    store.close()
