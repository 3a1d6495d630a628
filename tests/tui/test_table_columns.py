"""The queue's, the check's, the adjudication's and the statistics' columns are as wide as
what they hold, whichever of the screen's paint and the table's idle comes first after the
rows are filled in (the library's are in ``test_library_columns``).

A DataTable left to measure its columns on its idle draws the cells painted before that
idle at the header's width (the queue's ``2022年…`` as ``2022``, the statistics' ``FIGURE``
as ``FIGUR``) and keeps them so until something bumps its update count (its rows change, or
it is resized: the queue's context panel growing under it, a scrollbar coming). The tests
make the paint come first and check what it drew, then what is drawn once all is settled.
The statistics' tables are 0 rows high until their first idle (``height: auto``), so the
race is on a recompute (``r``); the adjudication's and the check's readers are slowed to
0.3 s so the screen is laid out before their rows come, as on a large database.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from rich.text import Text
from textual.geometry import Region
from textual.widgets import DataTable

from pizhu.store import agree, roles
from pizhu.store.db import Store
from pizhu.store.records import Change
from pizhu.tui.app import PizhuApp
from pizhu.tui.screens import check as check_screen
from pizhu.tui.screens.adjudicate import AdjudicationScreen
from pizhu.tui.screens.check import CheckScreen
from pizhu.tui.screens.queue import QueueScreen
from pizhu.tui.screens.stats import StatsScreen
from tests.harness import settled


def painting_first(monkeypatch: pytest.MonkeyPatch, cls: type[Any], name: str) -> list[int]:
    """Every call of ``cls.name`` (a fill, or what a fill calls: a handler made with ``on``
    is kept by the class, so it cannot be replaced here) is followed at once by a draw of the screen's tables,
    before their idle measures them (the order the screen's paint wins in a terminal), and
    that draw must hold every cell whole. Returns the rows checked at each draw."""
    real: Callable[..., Any] = getattr(cls, name)
    checked: list[int] = []

    def fill(self: Any, *args: Any, **kwargs: Any) -> Any:
        result = real(self, *args, **kwargs)
        for table in self.query(DataTable):
            if table.size.area:
                table.render_lines(Region(0, 0, table.size.width, table.size.height))
                checked.append(assert_cells_whole(table))
        return result

    monkeypatch.setattr(cls, name, fill)
    return checked


def slowly(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> None:
    """``module.name`` (what a screen's worker reads) takes 0.3 s, as on a large database: the
    screen is laid out and painted before its rows come."""
    real: Callable[..., Any] = getattr(module, name)

    def read(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, read)


def plain(cell: object) -> str:
    return cell.plain if isinstance(cell, Text) else Text.from_markup(str(cell)).plain


def assert_cells_whole(table: DataTable[Any]) -> int:
    """Every drawn row holds each of its cells whole; returns how many rows were checked."""
    shown = min(table.row_count, table.size.height - 1)
    for y in range(shown):
        line = table.render_line(1 + y).text
        for cell in table.get_row_at(y):
            assert plain(cell).strip() in line, (table.id, line)
    return shown


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
async def test_queue_cells_are_drawn_whole(
    app: PizhuApp, store: Store, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    painted = painting_first(monkeypatch, QueueScreen, "show_rows")
    async with app.run_test(size=size) as pilot:
        await settled(app, pilot)
        await pilot.press("w")
        await settled(app, pilot)
        assert isinstance(app.screen, QueueScreen)
        assert painted and painted[0] > 3
        assert assert_cells_whole(app.screen.query_one(DataTable)) > 3


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
async def test_statistics_cells_are_drawn_whole(
    app: PizhuApp, store: Store, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    painted = painting_first(monkeypatch, StatsScreen, "_draw_chart")  # the call after the fills
    async with app.run_test(size=size) as pilot:
        await settled(app, pilot)
        await pilot.press("S")
        await settled(app, pilot)
        assert isinstance(app.screen, StatsScreen)
        await pilot.press("r")  # computed again: the tables have their height now
        await settled(app, pilot)
        assert sum(painted) > 1
        checked = [assert_cells_whole(t) for t in app.screen.query(DataTable)]
        assert checked[0] == 1 and checked[1] > 1


async def test_adjudication_cells_are_drawn_whole(app: PizhuApp, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    span_id = store.spans(store.document_ids()[0])[0].id
    store.decide(span_id, "ann", Change("confirm"))
    store.decide(span_id, "bob", Change("reject"))
    roles.grant(store, roles.login_name(), app.reviewer)
    painted = painting_first(monkeypatch, AdjudicationScreen, "_show_title")  # the call after the fill
    slowly(monkeypatch, agree, "disagreements")
    async with app.run_test(size=(160, 45)) as pilot:
        await settled(app, pilot)
        await pilot.press("J")
        await settled(app, pilot)
        assert isinstance(app.screen, AdjudicationScreen)
        assert sum(painted) >= 1
        assert assert_cells_whole(app.screen.query_one(DataTable)) == 1


async def test_check_cells_are_drawn_whole(app: PizhuApp, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """One string confirmed in one place and rejected in another: a finding (``rejected``)."""
    places: dict[tuple[str, str], list[int]] = {}
    for doc_id in store.document_ids():
        for span in store.spans(doc_id):
            if len(span.text) >= 2:
                places.setdefault((span.text, span.label), []).append(span.id)
    first, second = next(ids for ids in places.values() if len(ids) >= 2)[:2]
    store.decide(first, app.reviewer, Change("confirm"))
    store.decide(second, app.reviewer, Change("reject"))
    painted = painting_first(monkeypatch, CheckScreen, "_fill")
    slowly(monkeypatch, check_screen, "check")
    async with app.run_test(size=(160, 45)) as pilot:
        await settled(app, pilot)
        await pilot.press("C")
        await settled(app, pilot)
        assert isinstance(app.screen, CheckScreen)
        assert sum(painted) >= 1
        assert assert_cells_whole(app.screen.query_one(DataTable)) >= 1
