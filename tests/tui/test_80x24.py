"""Issue #25 at 80×24: the header, the message line, the span panel, toasts, the library's
Home/End, the selection hint and the jump labels, each as a reviewer sees it at that size."""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text
from textual.strip import Strip
from textual.widgets import DataTable, Static

from pizhu.store import roles
from pizhu.store.db import Store
from pizhu.store.records import Change
from pizhu.tui.app import PizhuApp, make_app
from pizhu.tui.screens.adjudicate import AdjudicationScreen
from pizhu.tui.screens.library import LibraryScreen
from pizhu.tui.screens.reader import ReaderScreen
from tests.harness import settled
from tests.tui.test_reader import SIZE, reader


def rendered(widget: Static) -> Text:
    """What the app gave the widget to draw (a ``Text``: report text is never markup)."""
    text = widget.content
    assert isinstance(text, Text)
    return text


async def test_the_header_keeps_the_pending_count_for_a_report_without_organisation(
    app: PizhuApp, store: Store
) -> None:
    """Without an organisation the header named the report's file, a long path, and the
    pending count fell off the 80 columns."""
    store.describe_document(1, organisation="")
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 1)
        status = screen.query_one("#status", Static)
        text = rendered(status).plain
        assert "pending" in text and "doc 1/" in text
        assert cell_len(text) <= status.content_region.width


async def test_a_long_message_keeps_one_line_and_never_moves_the_text(app: PizhuApp) -> None:
    """Confirming a 36-character TITLE wrote a message of two lines: the text moved down a
    row, and longer ones were cut. The message is one line, the span's text shortened."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 2, 76)
        assert screen.current == 76
        top = screen.view.region.y
        await pilot.press("a")
        await settled(app, pilot)
        message = screen.query_one("#message", Static)
        text = rendered(message).plain
        assert text.startswith("confirmed TITLE “《关于")
        assert cell_len(text) <= message.content_region.width and message.size.height == 1
        assert screen.view.region.y == top


async def test_a_long_title_leaves_the_panel_its_fields(app: PizhuApp) -> None:
    """A long TITLE wrapped the panel's first line and pushed its value and history out."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 2, 76)
        panel = screen.query_one("#panel", Static)
        lines = rendered(panel).wrap(app.console, panel.content_region.width)
        assert len(lines) <= panel.content_region.height
        assert any(line.plain.startswith("value") for line in lines)
        assert any("history" in line.plain for line in lines)


async def test_toasts_leave_the_versions_being_adjudicated_uncovered(tmp_path: object, db_path: object) -> None:
    with Store(db_path) as store:  # type: ignore[arg-type]
        span = store.spans(1, "ann")[0]
        store.decide(span.id, "ann", Change("confirm"))
        store.decide(span.id, "bob", Change("reject"))
        roles.grant(store, roles.login_name(), "cai")  # only adjudicators open J
        app = make_app(store, "cai")
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await settled(app, pilot)
            await pilot.press("J")
            await settled(app, pilot)
            screen = app.screen
            assert isinstance(screen, AdjudicationScreen)
            app.notify("a message long enough to take a toast's whole width", timeout=10)
            await settled(app, pilot)
            versions = screen.query_one("#versions").region
            toasts = list(screen.query("Toast"))
            assert toasts
            assert not any(t.region.overlaps(versions) for t in toasts)


async def test_home_and_end_in_the_library(app: PizhuApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count > 2
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home")
        assert table.cursor_row == 0


async def test_the_selection_hint_follows_a_growing_selection(app: PizhuApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 1)
        assert screen.doc is not None
        await pilot.press("v")
        await pilot.press("right", "right")
        selection = screen.view.selection()
        assert selection is not None
        assert f"“{screen.doc.text[selection[0] : selection[1]]}”" in screen.message


def cells(strip: Strip) -> list[str]:
    """A drawn row cell by cell (a wide character, then "" for its second cell)."""
    out: list[str] = []
    for segment in strip:
        for char in segment.text:
            out.append(char)
            out.extend([""] * (get_character_cell_size(char) - 1))
    return out


async def test_jump_labels_leave_the_characters_they_point_at_readable(app: PizhuApp) -> None:
    """Each label was drawn over the first character of its word: the reviewer could not
    read what they were about to jump to."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 1)
        assert screen.doc is not None
        await pilot.press("j")
        view = screen.view
        hints = dict(view._hints)
        assert len(hints) > 20
        top = view.scroll_offset.y
        text = screen.doc.text
        for at in hints:
            line = view.line_of(at)
            start = view.base + view.lines[line][0]
            column = cell_len(text[start:at])
            drawn = cells(view.render_line(line - top))
            assert drawn[column] == text[at], (text[at], hints[at])
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
