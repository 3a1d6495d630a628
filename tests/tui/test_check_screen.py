"""The check screen (issue 24): findings of ``store.check``, each opened in the reader."""

from __future__ import annotations

from store.db import Store
from tests.harness import settled
from tests.tui.conftest import REVIEWER
from tui.app import PizhuApp
from tui.screens.check import CheckScreen
from tui.screens.reader import ReaderScreen


async def test_a_contradiction_is_listed_and_opens_on_its_span(app: PizhuApp, check: Store) -> None:
    every = [s for doc in check.document_ids() for s in check.spans(doc, REVIEWER) if len(s.text) >= 2]
    first = max(every, key=lambda s: sum(x.text == s.text and x.label == s.label for x in every))
    same = [s for s in every if s.text == first.text and s.label == first.label]
    assert len(same) >= 3
    for s in same:  # the same string gold everywhere it stands ...
        check.decide(s.id, REVIEWER, "confirm")
    odd = same[-1]  # ... but relabelled in one place
    other = "GPE" if first.label != "GPE" else "ORG"
    check.decide(odd.id, REVIEWER, "label", label=other)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("C")
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, CheckScreen)
        assert any(f.span_id == odd.id for f in screen.findings), screen.findings
        table = screen.query_one("#check")
        table.move_cursor(row=next(i for i, f in enumerate(screen.findings) if f.span_id == odd.id))
        await pilot.press("enter")
        await settled(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.current == odd.id
