"""The statistics screen (S) and the adjudication screen (J), on a real database file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from pizhu.store import agree, roles
from pizhu.store.db import Store
from pizhu.store.records import Change
from pizhu.store.stats import StatusCounts, compute
from pizhu.tui.app import make_app
from pizhu.tui.screens.adjudicate import AdjudicationScreen
from pizhu.tui.screens.stats import StatsScreen, text_bars
from tests.harness import SIZE


def cell(table: DataTable, row: str, column: str) -> str:
    return str(table.get_cell(row, column))


def first_spans(store: Store, n: int) -> list[int]:
    doc_id = store.document_ids()[0]
    return [s.id for s in store.spans(doc_id)[:n]]


async def test_stats_screen_shows_the_computed_totals(db_path: Path) -> None:
    store = Store(db_path)
    try:
        a, b, c = first_spans(store, 3)
        store.decide(a, "ann", Change("confirm"))
        store.decide(b, "ann", Change("reject"))
        store.decide(c, "bob", Change("label", label="ORG"))
        expected = compute(store, reviewer=None)
        app = make_app(store, "ann")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("S")
            await pilot.pause()
            assert isinstance(app.screen, StatsScreen)
            total = app.screen.query_one("#stats-total", DataTable)
            t = expected.total
            assert cell(total, "all", "cands") == str(t.candidates)
            assert cell(total, "all", "pending") == str(t.pending)
            assert cell(total, "all", "decided") == str(t.decided) == "3"
            assert cell(total, "all", "ok") == str(t.confirmed) == "1"
            assert cell(total, "all", "fixed") == str(t.corrected) == "1"
            assert cell(total, "all", "false") == str(t.rejected) == "1"
            labels = app.screen.query_one("#stats-labels", DataTable)
            assert labels.row_count == len(expected.labels)
            for label, counts in expected.labels.items():
                assert cell(labels, label, "cands") == str(counts.candidates)
                assert cell(labels, label, "pending") == str(counts.pending)
            by_label = app.screen.query_one("#stats-by-label", DataTable)
            for score in expected.by_label:
                assert cell(by_label, score.key, "prop") == str(score.proposed)
                assert cell(by_label, score.key, "P") == ("—" if score.precision is None else f"{score.precision:.3f}")
            by_rule = app.screen.query_one("#stats-by-rule", DataTable)
            assert by_rule.row_count == len(expected.by_rule)

            # r recomputes: a decision made elsewhere shows up.
            store.decide(first_spans(store, 4)[3], "bob", Change("confirm"))
            await pilot.press("r")
            await pilot.pause()
            assert cell(total, "all", "decided") == "4"

            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, StatsScreen)
    finally:
        store.close()


def test_text_bars_without_plotext() -> None:
    stats_labels = {"FIGURE": StatusCounts(pending=2, confirmed=4, rejected=2), "DATE": StatusCounts(pending=1)}
    text = text_bars(stats_labels, cells=8)
    lines = text.plain.splitlines()
    assert lines[0].startswith("FIGURE ████████ 6/8")
    assert lines[1].startswith("DATE   █ 0/1")


async def test_adjudication_picks_a_version_and_records_it(db_path: Path) -> None:
    store = Store(db_path)
    try:
        span_id, agreed = first_spans(store, 2)
        store.decide(span_id, "ann", Change("confirm"))
        store.decide(span_id, "bob", Change("reject"))
        store.decide(agreed, "ann", Change("confirm"))
        store.decide(agreed, "bob", Change("confirm"))
        found = agree.disagreements(store)
        assert [d.span_id for d in found] == [span_id]
        roles.grant(store, roles.login_name(), "ann")  # the only adjudicator: her own disagreement too
        app = make_app(store, "ann")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("J")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, AdjudicationScreen)
            table = screen.query_one("#disagreements", DataTable)
            assert table.row_count == 1
            assert cell(table, str(span_id), "differs") == "accept"
            assert cell(table, str(span_id), "done") == ""
            versions = str(screen.query_one("#versions", Static).content)
            assert "ann" in versions and "bob" in versions

            await pilot.press("1")  # ann's version: confirmed
            await pilot.pause()
            assert cell(table, str(span_id), "done") == "✓"

        check = Store(db_path)
        try:
            last = check.history(span_id)[-1]
            assert last.action == "adjudicate"
            assert last.reviewer == "adjudicator:ann"
            assert check.span(span_id).status == "confirmed"
        finally:
            check.close()
    finally:
        store.close()


async def test_adjudication_x_rejects_as_final(db_path: Path) -> None:
    store = Store(db_path)
    try:
        (span_id,) = first_spans(store, 1)
        store.decide(span_id, "ann", Change("confirm"))
        store.decide(span_id, "bob", Change("label", label="ORG"))
        roles.grant(store, roles.login_name(), "ann")
        app = make_app(store, "ann")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("J", "x")
            await pilot.pause()
        check = Store(db_path)
        try:
            assert check.history(span_id)[-1].action == "adjudicate"
            assert check.span(span_id).status == "rejected"
        finally:
            check.close()
    finally:
        store.close()


async def test_stats_screen_without_plotext(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pizhu.tui.screens.stats as stats_screen

    monkeypatch.setattr(stats_screen, "PlotextPlot", None)
    store = Store(db_path)
    try:
        app = make_app(store, "ann")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("S")
            await pilot.pause()
            chart = app.screen.query_one("#stats-chart", Static)
            assert "FIGURE" in str(chart.content) and "█" in str(chart.content)
    finally:
        store.close()


def test_help_lists_the_new_keys() -> None:
    from pizhu.tui.screens.help import help_text

    text = help_text({}, "keys.toml").plain
    assert "statistics: progress" in text and "adjudicate the spans" in text and "take reviewer 1's version" in text


async def test_stats_screen_draws_the_kept_curve_and_sources(db_path: Path) -> None:
    from pizhu.store.train import Curve, CurvePoint, save_curve

    store = Store(db_path)
    try:
        (a,) = first_spans(store, 1)
        store.decide(a, "ann", Change("confirm"))
        points = tuple(
            CurvePoint(f, n, label, (0.4 * f, 0.5 * f)) for f, n in ((0.5, 2), (1.0, 4)) for label in ("ORG", "all")
        )
        save_curve(store, Curve(("ORG", "all"), (0.5, 1.0), 2, "char", 1, points))
        app = make_app(store, "ann")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("S")
            for _ in range(50):
                await pilot.pause(0.05)
                if "computing" not in str(app.screen.query_one("#stats-title", Static).content):
                    break
            curve = str(app.screen.query_one("#stats-curve", Static).content)
            assert "ORG" in curve and "0.45(0.40–0.50)" in curve and "100% = 4" in curve
            sources = app.screen.query_one("#stats-by-source", DataTable)
            assert sources.row_count >= 1
    finally:
        store.close()


async def test_a_verdict_given_while_another_process_holds_the_lock_is_saved_once_it_lets_go(db_path: Path) -> None:
    """J's verdicts go through the app's writer like every decision: the key never waits for
    the lock, the verdict is bound to the span shown and written once the lock is free."""
    import asyncio
    import sqlite3

    store = Store(db_path)
    try:
        (span_id,) = first_spans(store, 1)
        store.decide(span_id, "ann", Change("confirm"))
        store.decide(span_id, "bob", Change("label", label="ORG"))
        roles.grant(store, roles.login_name(), "ann")
        app = make_app(store, "ann")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("J")
            await pilot.pause()
            holder = sqlite3.connect(db_path, isolation_level=None)
            holder.execute("BEGIN EXCLUSIVE")
            try:
                await pilot.press("x")
                await pilot.pause()
                assert not app.writer.idle()  # queued, not written, and the screen answered
            finally:
                holder.execute("ROLLBACK")
                holder.close()
            for _ in range(400):
                if app.writer.idle():
                    break
                await asyncio.sleep(0.05)
            await pilot.pause()
            assert app.writer.idle()
        check = Store(db_path)
        try:
            assert [h.action for h in check.history(span_id)].count("adjudicate") == 1
            assert check.span(span_id).status == "rejected"
        finally:
            check.close()
    finally:
        store.close()
