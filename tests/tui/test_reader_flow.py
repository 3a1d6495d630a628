"""Issue #25 in the reader: it is never stale after the queue, and captions and boilerplate
are reviewed too (the guidelines say their spans are gold). Each test re-reads the file."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from pizhu.store.db import Store
from pizhu.tui.app import PizhuApp
from pizhu.tui.screens.queue import QueueScreen
from pizhu.tui.screens.reader import ReaderScreen
from tests.harness import settled
from tests.tui.conftest import REVIEWER
from tests.tui.test_reader import SIZE, reader


def shown(screen: ReaderScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_the_reader_shows_decisions_made_in_the_queue(app: PizhuApp, check: Store) -> None:
    """Back from the queue the reader's panel, its history and the pending count agree with
    the database (they said pending, 122 against 115, until `r`)."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        assert screen.doc is not None
        current = screen.current
        assert current is not None
        pending = screen.doc.pending()
        await pilot.press("w")
        await settled(app, pilot)
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        row = next(i for i, s in enumerate(queue.items) if s.id == current)
        queue.query_one(DataTable).move_cursor(row=row)
        await pilot.press("x")
        await pilot.press("escape")
        await settled(app, pilot)
        assert app.screen is screen
        assert check.span(current, REVIEWER).status == "rejected"
        span = screen.doc.get(current)
        assert span is not None and span.status == "rejected"
        assert f"{pending - 1} pending" in shown(screen, "#status")
        panel = shown(screen, "#panel")
        assert "✗ rejected" in panel and "reject" in panel.split("history", 1)[1]


async def test_at_the_end_of_the_body_the_reader_walks_into_captions_and_boilerplate(
    app: PizhuApp, check: Store
) -> None:
    """The last body candidate decided, the next key's span is in a caption: one key away,
    its heading not "skipped"; the report is done only when those are decided too."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 2)
        doc = screen.doc
        assert doc is not None
        body = [s for s in doc.spans if s.status == "pending" and not doc.skipped(doc.section_of(s))]
        assert screen.current == body[0].id
        check.decide_many([s.id for s in body[1:]], REVIEWER, "confirm")
        await pilot.press("r")
        await settled(app, pilot)
        assert screen.current == body[0].id
        await pilot.press("a")
        await settled(app, pilot)
        span = screen.span()
        assert span is not None and span.status == "pending"
        kind = doc.sections[screen.section].kind
        assert kind in ("caption", "boilerplate")
        assert "skipped" not in shown(screen, "#heading")
        assert "document done" not in screen.message and "now the captions" in screen.message
        # Every caption and boilerplate candidate, then the report is done.
        left = sum(1 for s in check.spans(2, REVIEWER) if s.status == "pending")
        for _ in range(left):
            await pilot.press("a")
        await settled(app, pilot)
        assert all(s.status != "pending" for s in check.spans(2, REVIEWER))
        assert "document done" in screen.message


async def test_right_bracket_after_the_last_body_section_goes_on_into_a_caption(app: PizhuApp) -> None:
    """`]` said "last section" with a caption still after the body."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 3)
        doc = screen.doc
        assert doc is not None
        last_body = max(i for i, s in enumerate(doc.sections) if s.kind == "body")
        screen.go_to_section(last_body)
        await pilot.press("right_square_bracket")
        assert doc.sections[screen.section].kind == "caption"
        assert "last section" not in screen.message
        assert "skipped" not in shown(screen, "#heading")
