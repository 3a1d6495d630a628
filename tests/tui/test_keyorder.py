"""Issue #25 in the app: keys land where the screen shows the focus, and word keys use words.

Keys typed in one burst (over SSH a whole typed word arrives in one read) are sent with
``tests.harness.burst``: every key event queued at once, 0 ms apart. Each test re-reads
the SQLite file.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from textual.widgets import Static

from pizhu.store.db import Store
from pizhu.store.records import Change
from pizhu.tui.app import PizhuApp
from pizhu.tui.screens import reading as reading_module
from pizhu.tui.screens.dialogs import AttributeForm
from pizhu.tui.screens.reader import ReaderScreen
from tests.harness import burst, settled
from tests.tui.conftest import REVIEWER
from tests.tui.test_reader import SIZE, reader


def span_id(check: Store, doc_id: int, label: str, text: str) -> int:
    return next(s.id for s in check.spans(doc_id, REVIEWER) if (s.label, s.text) == (label, text))


async def test_the_attribute_form_takes_keys_typed_in_a_burst_right_after_e(app: PizhuApp, check: Store) -> None:
    """`e` then 15, tab, 次, enter at 0 ms over a value 12 and a unit 次 already there: the
    value is 15 and the unit 次 (what was typed replaces each field, as typed slowly), nothing
    lost, nothing in the wrong field."""
    figure = span_id(check, 1, "FIGURE", "12次")
    check.decide(figure, REVIEWER, Change("attrs", attrs={"value": 12, "unit": "次", "approx": "exact"}))
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 1, figure)
        assert screen.current == figure
        await burst(app, pilot, "e", "1", "5", "tab", "次", "enter")
        await settled(app, pilot)
        span = check.span(figure, REVIEWER)
        assert (span.attrs.get("value"), span.attrs.get("unit")) == (15, "次")
        assert not isinstance(app.screen, AttributeForm)


async def test_search_then_v_in_one_burst_searches_for_the_typed_text_and_selects_the_match(
    app: PizhuApp,
) -> None:
    """`/陈家窑⏎v` searched for 陈家窑v: the v after enter belongs to the reader."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 1)
        assert screen.doc is not None
        await burst(app, pilot, "slash", "陈", "家", "窑", "enter", "v")
        await settled(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert screen.last_search == "陈家窑"
        at = screen.doc.text.index("陈家窑")
        assert screen.view.selection() == (at, at + 3)


class WordGate:
    """Holds jieba's words for the reader until the test opens it."""

    def __init__(self) -> None:
        self.open = threading.Event()
        self.asked = threading.Event()


@pytest.fixture
def word_gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[WordGate]:
    gate = WordGate()
    real = reading_module.jieba_boundaries

    def held(text: str) -> set[int]:
        gate.asked.set()
        assert gate.open.wait(20), "the test never opened the gate"
        return real(text)

    monkeypatch.setattr(reading_module, "jieba_boundaries", held)
    yield gate
    gate.open.set()


async def arrived(app: PizhuApp, pilot: object, doc_id: int, span: int) -> ReaderScreen:
    app.open_reader(doc_id, span)
    deadline = time.monotonic() + 10
    while True:
        await pilot.pause(0.02)  # type: ignore[attr-defined]
        screen = app.screen
        if isinstance(screen, ReaderScreen) and screen.doc is not None and screen.loading_doc is None:
            return screen
        assert time.monotonic() < deadline


async def test_a_word_key_before_words_are_ready_does_nothing_and_says_so(
    app: PizhuApp, check: Store, word_gate: WordGate
) -> None:
    """`,` before jieba's words arrived cut 城中区政协 to 城 (by the span edges) and saved it;
    now the words are asked for as the report opens, and the key waits for them: it says
    "loading words…" and changes nothing. Once they are there, `,` takes off the word 政协."""
    org = span_id(check, 1, "ORG", "城中区政协")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await arrived(app, pilot, 1, org)
        assert screen.current == org
        # Asked for at once, not on the first word key.
        assert word_gate.asked.wait(5)
        await pilot.press("comma")
        assert "loading words" in str(screen.query_one("#message", Static).render())
        assert check.history(org) == []
        assert check.span(org, REVIEWER).text == "城中区政协"
        word_gate.open.set()
        await settled(app, pilot)
        assert screen.words_ready
        await pilot.press("comma")
        await settled(app, pilot)
        assert check.span(org, REVIEWER).text == "城中区"
