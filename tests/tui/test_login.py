"""The login screen of a browser session: the name typed there is the one in the decision log."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Label

from store.db import Store
from tui.app import make_app
from tui.screens.library import LibraryScreen
from tui.screens.login import LoginScreen, reviewer_problem
from tui.screens.reader import ReaderScreen

SIZE = (80, 24)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", "type your name"),
        ("x" * 41, "at most 40 characters"),
        ("wang\x1b[2J", "letters, digits and punctuation only"),
        ("adjudicator:wang", "adjudicator: is kept for adjudications"),
        ("王小明", ""),
        ("li.hua", ""),
    ],
)
def test_reviewer_problem(name: str, problem: str) -> None:
    assert reviewer_problem(name) == problem


async def test_the_login_name_decides(store: Store, check: Store) -> None:
    app = make_app(store, "server-user", ask_reviewer=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        await pilot.press("enter")  # nothing typed: stays, says why
        assert isinstance(app.screen, LoginScreen)
        assert str(app.screen.query_one("#login-error", Label).render()) == "type your name"
        app.screen.query_one("#reviewer", Input).value = "  王小明 "
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.reviewer == "王小明"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("a")
        await pilot.pause()
    decisions = check.decisions()
    assert [(d.reviewer, d.action) for d in decisions] == [("王小明", "confirm")]


async def test_without_ask_reviewer_the_library_comes_first(store: Store) -> None:
    app = make_app(store, "wang")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and app.reviewer == "wang"
