"""Roles in the app: only adjudicators open ``J``; re-adjudicating says who decided and when, and asks."""

from __future__ import annotations

from textual.widgets import DataTable

from pizhu.store import roles
from pizhu.store.db import Store
from pizhu.store.records import Change
from pizhu.tui.app import make_app
from pizhu.tui.screens.adjudicate import AdjudicationScreen
from pizhu.tui.screens.dialogs import Confirm
from pizhu.tui.screens.library import LibraryScreen
from pizhu.tui.screens.reader import ReaderScreen
from tests.harness import WIDE, settled
from tests.tui.conftest import REVIEWER


def dispute(store: Store) -> int:
    span = store.spans(1, "")[0].id
    store.decide(span, "ann", Change("confirm"))
    store.decide(span, "bob", Change("reject"))
    return span


async def test_a_reviewer_is_refused_j_in_one_line(store: Store) -> None:
    """Before: any reviewer opened J, saw everyone's versions and could overrule a verdict."""
    dispute(store)
    app = make_app(store, REVIEWER)
    async with app.run_test(size=WIDE) as pilot:
        await settled(app, pilot)
        await pilot.press("J")
        await settled(app, pilot)
        assert isinstance(app.screen, LibraryScreen)  # a warning, nothing opened
        app.open_reader(1)
        await settled(app, pilot)
        await pilot.press("J")
        await settled(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.message == f"J: only adjudicators adjudicate; {REVIEWER} is a reviewer"


async def test_a_name_with_the_prefix_is_no_adjudicator(store: Store) -> None:
    dispute(store)
    app = make_app(store, "adjudicator:mallory")
    async with app.run_test(size=WIDE) as pilot:
        await settled(app, pilot)
        await pilot.press("J")
        await settled(app, pilot)
        assert not isinstance(app.screen, AdjudicationScreen)
        assert not app.sees_everyone


async def test_re_adjudicating_says_who_and_when_and_asks(store: Store, check: Store) -> None:
    span = dispute(store)
    roles.grant(store, roles.login_name(), "lead")
    roles.grant(store, roles.login_name(), "zhou")
    store.adjudicate(span, "adjudicator:lead", {"status": "rejected"})
    app = make_app(store, "zhou")
    async with app.run_test(size=WIDE) as pilot:
        await settled(app, pilot)
        await pilot.press("J")
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, AdjudicationScreen)
        assert screen.query_one(DataTable).row_count == 1
        await pilot.press("1")  # ann's version (confirmed) over lead's rejection
        await settled(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, Confirm)
        assert "adjudicated by adjudicator:lead on " in dialog.question and "overrule it" in dialog.question
        await pilot.press("n")
        await settled(app, pilot)
        assert check.span(span).status == "rejected" and check.history(span)[-1].reviewer == "adjudicator:lead"
        await pilot.press("1")
        await settled(app, pilot)
        await pilot.press("y")
        await settled(app, pilot)
        assert check.span(span).status == "confirmed"
        assert check.history(span)[-1].reviewer == "adjudicator:zhou"
