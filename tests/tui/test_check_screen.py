"""The check screen (issue 24): findings of ``store.check``, each opened in the reader."""

from __future__ import annotations

import threading

import pytest

from store.check import Finding
from store.db import Store
from tests.harness import settled
from tests.tui.conftest import REVIEWER
from tests.tui.test_document_loading import Gate
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


def unmarked(check_store: Store) -> Finding:
    """An "unlabelled" finding (no span of its own) in the first report, a few characters
    before one of its spans: enter opens on that span."""
    doc = check_store.document_ids()[0]
    span = check_store.spans(doc, REVIEWER)[3]
    return Finding("unlabelled", doc, span.start - 2, span.start, span.label, "xx", "unmarked here")


async def test_enter_on_an_unmarked_occurrence_reads_its_spans_off_the_app_thread(
    app: PizhuApp, check: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    finding = unmarked(check)
    after = next(s for s in check.spans(finding.document_id, REVIEWER) if s.start >= finding.start)
    monkeypatch.setattr("tui.screens.check.check", lambda store: [finding])
    gate = Gate()
    monkeypatch.setattr(Store, "spans", gate.hold(Store.spans))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("C")
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, CheckScreen) and screen.findings == [finding]
        await pilot.press("enter")
        await pilot.pause()
        # The key returned at once; the spans are being read, the check screen stays.
        assert app.screen is screen and screen.opening == finding.document_id
        gate.open.set()
        await settled(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.current == after.id
        assert gate.threads and threading.main_thread().name not in gate.threads


async def test_leaving_while_the_spans_are_read_opens_nothing(
    app: PizhuApp, check: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    finding = unmarked(check)
    monkeypatch.setattr("tui.screens.check.check", lambda store: [finding])
    gate = Gate()
    monkeypatch.setattr(Store, "spans", gate.hold(Store.spans))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        library = app.screen
        await pilot.press("C")
        await settled(app, pilot)
        assert isinstance(app.screen, CheckScreen)
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert app.screen is library
        gate.open.set()
        await settled(app, pilot)
        assert app.screen is library  # the read came back to a screen that had gone: no reader
