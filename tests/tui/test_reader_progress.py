"""Gold integrity in the reader: it says a report is done only when it is finished by
``store.progress``'s one definition (every candidate of every label, in captions and
boilerplate too), and ``a`` on a span confirmed already writes nothing and says so."""

from __future__ import annotations

from pizhu.store.db import Store
from pizhu.store.progress import document_progress
from pizhu.tui.app import PizhuApp
from tests.harness import WIDE, reader, settled
from tests.tui.conftest import REVIEWER


async def test_done_under_a_label_filter_is_not_the_report_done(app: PizhuApp, check: Store) -> None:
    """Before: with only FIGURE shown, confirming the last FIGURE said "document done"
    while the report's other candidates were pending (and the library, stats, train and
    the exports held it unfinished)."""
    app.label_filter = frozenset({"FIGURE"})
    doc = 3
    async with app.run_test(size=WIDE) as pilot:
        screen = await reader(app, pilot, doc)
        await pilot.press("b")  # captions too: every FIGURE of the report
        await settled(app, pilot)
        assert screen.doc is not None
        figures = [s for s in screen.doc.spans if s.status == "pending"]
        assert figures and all(s.label == "FIGURE" for s in figures)
        for _ in figures:
            await pilot.press("a")
            await settled(app, pilot)
        assert all(s.status != "pending" for s in screen.doc.spans)
        assert "document done" not in screen.message
        assert "not finished" in screen.message
        assert not document_progress(check, REVIEWER)[doc].finished
        # Every label again: the rest confirmed, the report is finished and says so.
        await pilot.press("f", "0", "enter")
        await settled(app, pilot)
        await pilot.press("space")  # on to the first pending candidate
        for _ in range(screen.doc.progress().undecided):
            await pilot.press("a")
            await settled(app, pilot)
        assert document_progress(check, REVIEWER)[doc].finished
        assert "document done" in screen.message


async def test_confirming_a_confirmed_span_again_says_so_and_writes_nothing(app: PizhuApp, check: Store) -> None:
    """Before: the second ``a`` was a decision of its own, so the next ``u`` undid nothing visible."""
    async with app.run_test(size=WIDE) as pilot:
        screen = await reader(app, pilot, 1)
        span = screen.span()
        assert span is not None
        await pilot.press("a")
        await settled(app, pilot)
        screen.move_to(screen.doc.get(span.id) if screen.doc else None)
        await settled(app, pilot)
        rows = len(check.decisions(REVIEWER))
        await pilot.press("a")
        await settled(app, pilot)
        assert screen.message == "already confirmed"
        assert len(check.decisions(REVIEWER)) == rows == 1
        await pilot.press("u")
        await settled(app, pilot)
        assert check.span(span.id, REVIEWER).status == "pending"
