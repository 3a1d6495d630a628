"""The check screen (issue 24): findings of ``store.check``, each opened in the reader."""

from __future__ import annotations

import threading

import pytest

from pizhu.store.check import Finding
from pizhu.store.db import Store
from pizhu.store.records import Change
from pizhu.tui.app import PizhuApp
from pizhu.tui.screens.check import CheckScreen
from pizhu.tui.screens.reader import ReaderScreen
from tests.harness import settled
from tests.tui.conftest import REVIEWER
from tests.tui.test_document_loading import Gate


async def test_a_contradiction_is_listed_and_opens_on_its_span(app: PizhuApp, check: Store) -> None:
    every = [s for doc in check.document_ids() for s in check.spans(doc, REVIEWER) if len(s.text) >= 2]
    first = max(every, key=lambda s: sum(x.text == s.text and x.label == s.label for x in every))
    same = [s for s in every if s.text == first.text and s.label == first.label]
    assert len(same) >= 3
    for s in same:  # the same string gold everywhere it stands ...
        check.decide(s.id, REVIEWER, Change("confirm"))
    odd = same[-1]  # ... but relabelled in one place
    other = "GPE" if first.label != "GPE" else "ORG"
    check.decide(odd.id, REVIEWER, Change("label", label=other))
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
    monkeypatch.setattr("pizhu.tui.screens.check.check", lambda store: [finding])
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
    monkeypatch.setattr("pizhu.tui.screens.check.check", lambda store: [finding])
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


async def test_the_model_check_runs_in_a_worker_and_its_findings_join_the_list(
    app: PizhuApp, check: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = check.document_ids()[0]
    span = check.spans(doc, REVIEWER)[2]
    flagged = Finding("model", doc, span.start, span.end, span.label, span.text, "read as ORG", span.id)
    gate = Gate()
    steps: list[str] = []

    def slow_model(store: Store, progress: object = None, **_: object) -> list[Finding]:
        from pizhu.store.train import Progress

        assert callable(progress)
        progress(Progress(stage="training", epoch=1, epochs=10, run="fold 1/5", epoch_end=True))
        steps.append("trained")
        return gate.hold(lambda: [flagged])()

    monkeypatch.setattr("pizhu.store.check_model.model_findings", slow_model)
    monkeypatch.setattr("pizhu.tui.screens.check.check", lambda store: [])
    async with app.run_test(size=(100, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("C")
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, CheckScreen) and screen.findings == []
        await pilot.press("m")
        for _ in range(50):
            await pilot.pause(0.02)
            if screen.model_state.startswith("fold"):
                break
        # The key returned at once; the training runs off the app's thread, its stage in the title.
        assert screen.model_state == "fold 1/5, epoch 1/10" and steps == ["trained"]
        assert "model: fold 1/5" in str(screen.query_one("#check-title").render())
        await pilot.press("r")  # the screen still answers: the string checks run again meanwhile
        for _ in range(50):
            await pilot.pause(0.02)
            if not screen.checking:
                break
        assert not screen.checking and screen.findings == [] and screen.model_state
        gate.open.set()
        await settled(app, pilot)
        assert screen.model_state == "" and screen.findings == [flagged]
        assert gate.threads and threading.main_thread().name not in gate.threads
        await pilot.press("r")  # the string checks again: the model's findings stay
        await settled(app, pilot)
        assert screen.findings == [flagged]
        await pilot.press("enter")
        await settled(app, pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.current == span.id


async def test_leaving_the_check_screen_stops_the_model_check(
    app: PizhuApp, check: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    stopped = threading.Event()
    running = threading.Event()

    def endless(store: Store, progress: object = None, **_: object) -> list[Finding]:
        from pizhu.store.train import Progress

        assert callable(progress)
        try:
            for _ in range(500):  # about 10 s unless stopped
                running.set()
                progress(Progress(stage="reading the gold"))
                threading.Event().wait(0.02)
        except BaseException:
            stopped.set()
            raise
        return []

    monkeypatch.setattr("pizhu.store.check_model.model_findings", endless)
    monkeypatch.setattr("pizhu.tui.screens.check.check", lambda store: [])
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("C")
        await settled(app, pilot)
        await pilot.press("m")
        assert running.wait(5)
        await pilot.press("escape")
        await settled(app, pilot)
        assert not isinstance(app.screen, CheckScreen)
        assert stopped.wait(5), "the model check went on after its screen had gone"
