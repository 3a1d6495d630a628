"""Issue #26: no decision lands on a span the reviewer did not see.

Decisions are written by the app's writer, never on the key path: a key is bound at once to
the span on screen (its id, the version shown, the action), the screen moves on, the
decision is drawn "saving…" until it is committed, and while another process holds the
database's write lock the screen says so. Every test re-reads the SQLite file.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.widgets import Static

from pizhu.store.db import Store
from pizhu.store.errors import DiskFullError
from pizhu.store.records import Change
from pizhu.tui.app import PizhuApp
from pizhu.tui.screens.reader import ReaderScreen
from tests.harness import LockHolder, burst, settled
from tests.tui.conftest import REVIEWER
from tests.tui.test_reader import SIZE, reader


def text_of(screen: ReaderScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def mine(check: Store) -> list[tuple[int, str]]:
    """This reviewer's log in the order it was written: (span, action)."""
    return [(d.span_id, d.action) for d in sorted(check.decisions(REVIEWER), key=lambda d: d.id)]


async def wait_until(pilot: object, condition: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "the app never got there"
        await pilot.pause(0.05)  # type: ignore[attr-defined]


async def test_keys_while_another_process_holds_the_lock_land_on_the_spans_shown(
    app: PizhuApp, check: Store, db_path: Path
) -> None:
    """The 25 s and 66 s lock of the issue: `a` then `x` confirm the span shown and reject
    the one shown next, in that order, once the lock is free; meanwhile the screen moves on,
    says "saving…" and that the database is locked, and nothing is shown as saved."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        assert screen.doc is not None
        first = screen.current
        assert first is not None
        pending_before = screen.doc.pending()
        with LockHolder(db_path, limit=8) as holder:
            await burst(app, pilot, "a")
            # The key returned at once: the screen shows the next span, the first one saving.
            assert holder.holding
            second = screen.current
            assert second is not None and second != first
            await burst(app, pilot, "x")
            third = screen.current
            assert third is not None and third not in (first, second)
            assert "saving" in text_of(screen, "#message")
            await wait_until(pilot, lambda: "locked" in text_of(screen, "#saving"))
            assert holder.holding
            line = text_of(screen, "#saving")
            assert "2 unsaved" in line
            assert f"pid {holder.pid}" in line
            # Nothing is saved while the lock is held, and the count of pending spans on the
            # screen still counts both: only a committed decision is shown as done.
            assert mine(check) == []
            assert f"{pending_before} pending" in text_of(screen, "#status")
            holder.release()
        await settled(app, pilot)
        assert mine(check) == [(first, "confirm"), (second, "reject")]
        assert check.span(first, REVIEWER).status == "confirmed"
        assert check.span(second, REVIEWER).status == "rejected"
        assert "saving" not in text_of(screen, "#message")
        assert not screen.query_one("#saving", Static).display
        assert f"{pending_before - 2} pending" in text_of(screen, "#status")


async def test_a_decision_that_cannot_be_written_is_kept_and_never_becomes_another(
    app: PizhuApp, check: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails (here a full disk, once) is shown as not saved and written again,
    in order: the `x` pressed after it is not written first, and never lands on its span."""
    failures = [DiskFullError("review.db: the disk is full or failing; nothing was written")]
    real = Store.decide

    def decide(self: Store, *args: object, **kwargs: object) -> object:
        if failures:
            raise failures.pop()
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "decide", decide)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        first = screen.current
        await burst(app, pilot, "a")
        second = screen.current
        assert second != first
        await burst(app, pilot, "x")
        await settled(app, pilot)
        assert mine(check) == [(first, "confirm"), (second, "reject")]
        assert check.span(first, REVIEWER).status == "confirmed"


async def test_a_span_changed_since_it_was_shown_is_not_decided(app: PizhuApp, check: Store) -> None:
    """The reviewer's other session rejected the span after this one showed it pending: `a`
    here is not written over it (the key was for the version on screen) and says so."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        first = screen.current
        assert first is not None
        check.decide(first, REVIEWER, Change("reject"))
        await pilot.press("a")
        await settled(app, pilot)
        assert mine(check) == [(first, "reject")]
        assert "not saved" in text_of(screen, "#message")
        assert screen.doc is not None
        shown = screen.doc.get(first)
        assert shown is not None and shown.status == "rejected"


async def test_keys_typed_fast_after_t_all_go_into_the_tag(app: PizhuApp, check: Store) -> None:
    """`t` followed fast by `kx`, enter and `x`: the tag is `kx` on the span shown, and the
    last `x` rejects that span after the tag (it was swallowed, or typed into the tag)."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        first = screen.current
        assert first is not None
        await burst(app, pilot, "t", "k", "x", "enter", "x")
        await settled(app, pilot)
        assert mine(check) == [(first, "tag"), (first, "reject")]
        span = check.span(first, REVIEWER)
        assert span.tags == ("kx",) and span.status == "rejected"


async def test_quitting_with_decisions_not_saved_yet_asks_and_can_wait_for_them(
    app: PizhuApp, check: Store, db_path: Path
) -> None:
    """`q` while the lock holds a decision back asks first; `w` quits once it is saved."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        first = screen.current
        with LockHolder(db_path, limit=8) as holder:
            await burst(app, pilot, "a", "q")
            await pilot.pause(0.2)
            assert app.is_running and "not saved yet" in str(app.screen.query_one(".dialog-title", Static).render())
            await burst(app, pilot, "w")
            await pilot.pause(0.2)
            assert app.is_running and mine(check) == []
            holder.release()
        await wait_until(pilot, lambda: not app.is_running)
    assert mine(check) == [(first, "confirm")]


async def test_a_decision_is_saved_before_the_lexicon_spreads_it(app: PizhuApp, check: Store, tmp_path: Path) -> None:
    """Issue 24: the gold lexicon's scan of every text never delays a decision. The writer
    saves the decision (shown saved), then spreads its gold to the other reports."""
    from pizhu.store.importer import import_file
    from pizhu.store.lexicon import SOURCE
    from pizhu.tui.writer import Job

    name = "青禾草堂"
    for file, text in (("a.txt", f"2023年,我们走访{name}。"), ("b.txt", f"围绕{name}建设,组织委员视察。")):
        (tmp_path / file).write_text(text + "\n", "utf-8")
        import_file(check, tmp_path / file)
    first, other = check.document_ids()[-2:]
    at = check.document_text(first).index(name)
    seen_at_save: list[int] = []

    def write(store: Store, seen: object) -> object:
        view = store.add_span(first, REVIEWER, at, at + len(name), "ORG")
        # Committed, and what the screen will show as saved: no proposal written yet.
        seen_at_save.append(len([s for s in check.spans(other) if s.source == SOURCE]))
        return view

    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        app.writer.submit(Job("add", write))
        await settled(app, pilot)
    assert seen_at_save == [0]
    assert [(s.text, s.label) for s in check.spans(other) if s.source == SOURCE] == [(name, "ORG")]


async def test_a_decision_queued_behind_a_no_op_on_its_span_is_written(
    app: PizhuApp, check: Store, db_path: Path
) -> None:
    """`a` twice on one span while the first is still being written: the second changes
    nothing ("already confirmed", no row), and the span stays as the first left it. A third
    key on it, bound to what the second left, is the reviewer's decision and is written: a
    no-op does not break the chain of decisions queued behind it on the span (it did: the
    `x` was refused, "a decision before it on this span was not saved")."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        first = screen.current
        assert first is not None
        with LockHolder(db_path, limit=8) as holder:
            await burst(app, pilot, "a", "shift+tab")
            assert screen.current == first
            await burst(app, pilot, "a", "shift+tab")
            assert screen.current == first
            await burst(app, pilot, "x")
            assert holder.holding
            holder.release()
        await settled(app, pilot)
        assert mine(check) == [(first, "confirm"), (first, "reject")]
        assert check.span(first, REVIEWER).status == "rejected"
        assert "not saved" not in text_of(screen, "#message")
