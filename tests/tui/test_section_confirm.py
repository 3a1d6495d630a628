"""One key (`c`) confirms every pending candidate of the section on screen, once all of it
has been shown, as one batch that one `u` takes back (Prodigy's accept of a whole example)."""

from __future__ import annotations

from pizhu.store.db import Store
from pizhu.tui.app import PizhuApp
from pizhu.tui.screens.reader import ReaderScreen
from tests.harness import settled
from tests.tui.conftest import REVIEWER
from tests.tui.test_reader import SIZE, reader


async def find_section(screen: ReaderScreen, pilot: object, *, fits: bool) -> int:
    """A body section with 2+ pending candidates that fits the screen (or does not)."""
    doc = screen.doc
    assert doc is not None
    for index, section in enumerate(doc.sections):
        if section.kind != "body" or sum(1 for s in doc.spans_in(index) if s.status == "pending") < 2:
            continue
        screen.go_to_section(index)
        await pilot.pause()  # type: ignore[attr-defined]
        if screen.view.all_shown() == fits:
            return index
    raise AssertionError("no such section in the seeds")


async def test_c_confirms_the_section_on_screen_as_one_batch_and_u_takes_it_back(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 1)
        index = await find_section(screen, pilot, fits=True)
        assert screen.doc is not None
        here = [s.id for s in screen.doc.spans_in(index) if s.status == "pending"]
        elsewhere = {s.id: s.status for s in check.spans(1, REVIEWER) if s.id not in here}
        await pilot.press("c")
        await settled(app, pilot)
        assert {check.span(i, REVIEWER).status for i in here} == {"confirmed"}
        assert {s.id: s.status for s in check.spans(1, REVIEWER) if s.id not in here} == elsewhere
        batches = {d.batch for d in check.decisions(REVIEWER)}
        assert len(batches) == 1 and None not in batches
        assert "confirmed" in screen.message and "in this section" in screen.message
        await pilot.press("u")
        await settled(app, pilot)
        assert {check.span(i, REVIEWER).status for i in here} == {"pending"}


async def test_c_in_a_section_longer_than_the_screen_waits_until_all_of_it_was_shown(
    app: PizhuApp, check: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 1)
        index = await find_section(screen, pilot, fits=False)
        await pilot.press("c")
        await settled(app, pilot)
        assert check.decisions(REVIEWER) == []
        assert "scroll" in screen.message
        for _ in range(20):
            if screen.view.all_shown():
                break
            await pilot.press("pagedown")
        assert screen.view.all_shown()
        assert screen.doc is not None
        here = [s.id for s in screen.doc.spans_in(index) if s.status == "pending"]
        await pilot.press("c")
        await settled(app, pilot)
        assert {check.span(i, REVIEWER).status for i in here} == {"confirmed"}


async def test_c_confirms_only_the_labels_in_view(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 1)
        await pilot.press("f", "1", "enter")  # FIGURE only
        await settled(app, pilot)
        doc = screen.doc
        assert doc is not None
        index = next(i for i, s in enumerate(doc.sections) if any(p.status == "pending" for p in doc.spans_in(i)))
        screen.go_to_section(index)
        for _ in range(20):
            await pilot.pause()
            if screen.view.all_shown():
                break
            await pilot.press("pagedown")
        before = {s.id: s.status for s in check.spans(1, REVIEWER)}
        await pilot.press("c")
        await settled(app, pilot)
        changed = [s for s in check.spans(1, REVIEWER) if s.status != before[s.id]]
        assert changed and {s.label for s in changed} == {"FIGURE"}
