"""The review-state scenarios through the app (Pilot), on a real database file re-read after each key."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Static

from pizhu.store import roles
from pizhu.store.db import Store
from pizhu.store.export import ExportFilter, selected_spans
from pizhu.store.maintenance import reextract
from pizhu.store.records import Change
from pizhu.tui.app import make_app
from pizhu.tui.screens.adjudicate import AdjudicationScreen
from pizhu.tui.screens.reader import ReaderScreen
from tests.harness import SIZE, settled


def gold_places(store: Store, doc_id: int) -> set[tuple[int, int, str]]:
    return {(s.start, s.end, s.label) for s in selected_spans(store, doc_id, ExportFilter())["spans"]}


async def open_on(app, pilot, span_id: int) -> ReaderScreen:  # type: ignore[no-untyped-def]
    app.open_reader(1, span_id)
    await settled(app, pilot)
    screen = app.screen
    assert isinstance(screen, ReaderScreen) and screen.current == span_id
    return screen


async def test_a_third_reviewers_move_and_undo_keeps_the_gold(db_path: Path) -> None:
    store = Store(db_path)
    span = next(s for s in store.spans(1, "") if s.label == "ORG" and s.end - s.start >= 3)
    store.decide(span.id, "ux1", Change("confirm"))
    store.decide(span.id, "ux2", Change("confirm"))
    before = gold_places(store, 1)
    app = make_app(store, "ux3")
    async with app.run_test(size=SIZE) as pilot:
        await open_on(app, pilot, span.id)
        await pilot.press("comma")  # move the end left: ux3's own version differs
        await pilot.pause()
        check = Store(db_path)
        assert check.span(span.id).status == "disputed"
        await pilot.press("u")
        await pilot.pause()
        assert check.span(span.id, "ux3").status == "pending"
        assert check.span(span.id).status == "confirmed"
        assert gold_places(check, 1) == before
        check.close()
    store.close()


async def test_adjudication_lists_a_tag_only_difference_and_moves_on(db_path: Path) -> None:
    store = Store(db_path)
    spans = [s for s in store.spans(1, "")][:3]
    store.decide(spans[0].id, "ux1", Change("tag", tag="unit?"))
    for s in spans:
        store.decide(s.id, "ux1", Change("confirm"))
    store.decide(spans[0].id, "ux2", Change("confirm"))
    store.decide(spans[1].id, "ux2", Change("reject"))
    store.decide(spans[2].id, "ux2", Change("reject"))
    roles.grant(store, roles.login_name(), "lead")
    app = make_app(store, "lead")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J")
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, AdjudicationScreen)
        table = screen.query_one("#disagreements", DataTable)
        assert table.row_count == 3
        assert str(table.get_cell(str(spans[0].id), "differs")) == "tags"
        versions = str(screen.query_one("#versions", Static).content)
        assert "#unit?" in versions and spans[0].text in versions  # the sentence and the versions
        await pilot.press("2")  # ux2's version, without the tag
        await pilot.pause()
        assert table.cursor_row == 1  # on to the next disagreement
        assert Store(db_path).span(spans[0].id).tags == ()
        await pilot.press("enter")
        await settled(app, pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.current == spans[1].id
    store.close()


async def test_keys_keep_working_while_reextract_runs(db_path: Path) -> None:
    store = Store(db_path)
    app = make_app(store, "ann")
    async with app.run_test(size=SIZE) as pilot:
        first = store.spans(1, "ann")[0]
        screen = await open_on(app, pilot, first.id)
        other = Store(db_path)
        reextract(other)
        for _ in range(5):
            await pilot.press("a")
            await pilot.pause()
        assert "no span" not in screen.message
        decided = [s for s in other.spans(1, "ann") if s.status == "confirmed"]
        assert len(decided) == 5
        other.close()
    store.close()


async def test_undo_in_the_app_follows_the_decision_across_copies(db_path: Path, tmp_path: Path) -> None:
    import shutil

    from click.testing import CliRunner

    from pizhu.cli import main

    store = Store(db_path)
    first, second = [s.id for s in store.spans(1, "")][:2]
    store.decide(first, "wang", Change("confirm"))
    store.close()
    copy = tmp_path / "copy.db"
    shutil.copy(db_path, copy)
    with Store(db_path) as here:
        here.undo("wang")
    with Store(copy) as there:
        there.decide(second, "wang", Change("reject"))
    assert CliRunner().invoke(main, ["merge", str(copy), "--db", str(db_path)]).exit_code == 0
    store = Store(db_path)
    app = make_app(store, "wang")
    async with app.run_test(size=SIZE) as pilot:
        await open_on(app, pilot, first)
        await pilot.press("u")
        await pilot.pause()
        check = Store(db_path)
        assert check.span(second, "wang").status == "pending"  # the reject made on the other copy
        assert check.span(first, "wang").status == "pending"  # not the confirm undone before
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert check.span(second, "wang").status == "rejected"
        check.close()
    store.close()
