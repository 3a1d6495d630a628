"""Pilot tests of the store actions reachable from the keyboard: bulk confirm/reject, split,
merge, untag, withdraw and describe a report, the assigned share, a span withdrawn elsewhere,
and the source in the span panel. Each re-reads the SQLite file through a second connection."""

from __future__ import annotations

from pizhu.extract.models import Span
from pizhu.store.db import Store
from pizhu.tui.app import PizhuApp
from pizhu.tui.screens.dialogs import Choice, Confirm, DocumentForm
from pizhu.tui.screens.library import LibraryScreen
from pizhu.tui.screens.queue import QueueScreen
from pizhu.tui.widgets.span_panel import SpanPanel
from tests.harness import SIZE, reader, settled
from tests.tui.conftest import REVIEWER

NAME = "习近平"  # PERSON: 3 pending in report 1, 24 in the six seeds


def pending_alike(check: Store, label: str, text: str, doc_id: int | None = None) -> list[int]:
    docs = [doc_id] if doc_id is not None else check.document_ids()
    return [
        s.id
        for d in docs
        for s in check.spans(d, REVIEWER)
        if s.status == "pending" and s.origin == "machine" and (s.label, s.text) == (label, text)
    ]


def first(check: Store, label: str, text: str, doc_id: int) -> int:
    return pending_alike(check, label, text, doc_id)[0]


def dialog_text(app: PizhuApp) -> str:
    return " ".join(str(label.render()) for label in app.screen.query("Label"))


async def test_bulk_confirm_in_this_report_counts_first_and_one_undo_takes_it_back(app: PizhuApp, check: Store) -> None:
    here = pending_alike(check, "PERSON", NAME, 1)
    everywhere = pending_alike(check, "PERSON", NAME)
    assert len(here) == 3 and len(everywhere) == 24
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 1, here[0])
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        shown = dialog_text(app)
        assert f"confirm 3 × PERSON “{NAME}” in this report?" in shown
        assert "w: count them in every report" in shown
        await pilot.press("y")
        await settled(app, pilot)
        assert [check.span(i, REVIEWER).status for i in here] == ["confirmed"] * 3
        assert len(pending_alike(check, "PERSON", NAME)) == 21  # the other reports untouched
        assert screen.message.startswith(f"confirmed 3 × PERSON “{NAME}” in this report")
        assert all(screen.doc is not None and screen.doc.get(i).status == "confirmed" for i in here)
        await pilot.press("u")
        await pilot.pause()
        assert [check.span(i, REVIEWER).status for i in here] == ["pending"] * 3
        assert screen.doc is not None and all(screen.doc.get(i).status == "pending" for i in here)


async def test_bulk_reject_everywhere_with_w_and_n_does_nothing(app: PizhuApp, check: Store) -> None:
    here = pending_alike(check, "PERSON", NAME, 1)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 1, here[0])
        await pilot.press("X")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert len(pending_alike(check, "PERSON", NAME)) == 24
        await pilot.press("X", "w")
        await settled(app, pilot)
        assert isinstance(app.screen, Confirm)  # the count in every report, then y/n
        assert f"reject 24 × PERSON “{NAME}” in all reports?" in dialog_text(app)
        assert len(pending_alike(check, "PERSON", NAME)) == 24
        await pilot.press("y")
        await settled(app, pilot)
        assert pending_alike(check, "PERSON", NAME) == []
        rejected = [s for d in check.document_ids() for s in check.spans(d, REVIEWER) if s.status == "rejected"]
        assert len(rejected) == 24 and {s.text for s in rejected} == {NAME}
        await pilot.press("u")
        await pilot.pause()
        assert len(pending_alike(check, "PERSON", NAME)) == 24
        # The batch touched this report too: the undo stays here, its spans shown pending again.
        assert screen.doc is not None and screen.doc.id == 1
        assert all(screen.doc.get(i).status == "pending" for i in here)


async def test_queue_bulk_confirms_everywhere(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("w")
        await settled(app, pilot)
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        row = next(i for i, s in enumerate(queue.items) if (s.label, s.text) == ("PERSON", NAME))
        queue.query_one("DataTable").move_cursor(row=row)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("A")
        await settled(app, pilot)
        assert isinstance(app.screen, Confirm)
        assert f"confirm 24 × PERSON “{NAME}” in all reports?" in dialog_text(app)
        await pilot.press("y")
        await settled(app, pilot)
        assert pending_alike(check, "PERSON", NAME) == []
        assert all((s.label, s.text) != ("PERSON", NAME) for s in queue.items)


async def test_split_at_the_cursor_then_one_undo(app: PizhuApp, check: Store) -> None:
    span_id = first(check, "ORG", "灵武市政协", 2)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 2, span_id)
        assert screen.current == span_id
        await pilot.press("s")  # the cursor is on the span's start: refused, nothing written
        assert check.history(span_id) == []
        await pilot.press("right", "right", "right", "s")
        await pilot.pause()
        assert check.span(span_id, REVIEWER).status == "rejected"
        added = [s for s in check.spans(2, REVIEWER) if s.origin == "human" and s.status == "added"]
        assert sorted(s.text for s in added) == ["政协", "灵武市"]
        doc = check.document(2)
        assert all(doc.text[s.start : s.end] == s.text for s in added)
        assert screen.span() is not None and screen.span().text == "灵武市"  # type: ignore[union-attr]
        await pilot.press("u")
        await pilot.pause()
        assert check.span(span_id, REVIEWER).status == "pending"
        assert [s for s in check.spans(2, REVIEWER) if s.origin == "human" and s.status == "added"] == []


async def test_merge_with_the_next_span_then_one_undo(app: PizhuApp, check: Store) -> None:
    spans = [s for s in check.spans(1, REVIEWER) if s.status == "pending"]
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 1)
        a = screen.span()
        assert a is not None and screen.doc is not None
        b = screen.doc.step(a.id, 1, show_skipped=True, here=screen.section)
        assert b is not None and b.id in {s.id for s in spans}
        await pilot.press("M")
        await pilot.pause()
        assert check.span(a.id, REVIEWER).status == "rejected"
        assert check.span(b.id, REVIEWER).status == "rejected"
        joined = screen.span()
        assert joined is not None and joined.origin == "human"
        assert (joined.start, joined.end) == (a.start, max(a.end, b.end))
        assert check.span(joined.id, REVIEWER).status == "added"
        await pilot.press("u")
        await pilot.pause()
        assert check.span(a.id, REVIEWER).status == "pending"
        assert check.span(b.id, REVIEWER).status == "pending"
        assert check.span(joined.id, REVIEWER).status == "removed"


async def test_untag_offers_the_spans_tags(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 1)
        span_id = screen.current
        assert span_id is not None
        await pilot.press("T")
        assert "no tags" in screen.message
        for tag in ("unsure", "boundary"):
            await pilot.press("t", *tag, "enter")
            await settled(app, pilot)
        assert check.span(span_id, REVIEWER).tags == ("boundary", "unsure")
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        assert app.screen.options == ["boundary", "unsure"]
        await pilot.press("down", "enter")
        await settled(app, pilot)
        assert check.span(span_id, REVIEWER).tags == ("boundary",)
        assert "tag unsure removed" in screen.message
        assert "untag" in [d.action for d in check.history(span_id)]


async def test_withdraw_a_report_from_the_library(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen)
        assert library.selected_id() == 1
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert check.document_ids() == [1, 2, 3, 4, 5, 6]
        await pilot.press("d", "y")
        await settled(app, pilot)
        assert check.document_ids() == [2, 3, 4, 5, 6]
        assert 1 in check.document_ids(withdrawn=True)
        assert [d.id for d in library.documents] == [2, 3, 4, 5, 6]
        assert library.query_one("DataTable").row_count == 5  # type: ignore[attr-defined]
        # A wrong withdrawal is one key to take back; its decisions were never gone.
        await pilot.press("u")
        await settled(app, pilot)
        assert check.document_ids() == [1, 2, 3, 4, 5, 6]
        assert [d.id for d in library.documents] == [1, 2, 3, 4, 5, 6]
        await pilot.press("u")
        await settled(app, pilot)
        assert check.document_ids() == [1, 2, 3, 4, 5, 6]
        assert any("nothing withdrawn" in str(n.message) for n in app._notifications)


async def test_describe_a_report_refuses_a_bad_year(app: PizhuApp, check: Store) -> None:
    before = check.document(1)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DocumentForm)
        for name, value in (("organisation", "某市政协"), ("year", "20x4")):
            form.query_one(f"#doc-{name}").value = value  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settled(app, pilot)
        assert app.screen is form and "Not a year: 20x4" in dialog_text(app)
        form.query_one("#doc-year").value = "1850"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settled(app, pilot)
        assert app.screen is form and "between 1900 and 2100" in dialog_text(app)
        assert check.document(1).organisation == before.organisation  # nothing written yet
        form.query_one("#doc-year").value = "2023"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settled(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        after = check.document(1)
        assert (after.organisation, after.year, after.title) == ("某市政协", 2023, before.title)
        assert next(d for d in app.screen.documents if d.id == 1).organisation == "某市政协"


async def test_library_lists_the_assigned_share_first_and_marks_it(store: Store, app: PizhuApp) -> None:
    store.assign([REVIEWER, "bob"], overlap=0.0)  # ann: 1, 3, 5
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen)
        table = library.query_one("DataTable")
        ids = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]  # type: ignore[attr-defined]
        assert ids == ["1 ●", "3 ●", "5 ●", "2", "4", "6"]
        assert "● 3 yours" in str(library.query_one("#library-title").render())


async def test_a_span_withdrawn_elsewhere_reloads_the_document(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 1)
        gone = screen.current
        assert gone is not None
        # pizhu reextract in another process: this candidate is proposed no more.
        kept = [
            Span(s.start, s.end, s.label, s.text, dict(s.attrs), s.rule, s.confidence, s.source)
            for s in check.spans(1)
            if s.origin == "machine" and s.id != gone
        ]
        check.replace_machine_spans(1, kept, "v2")
        assert not check.has_span(gone)
        await pilot.press("a")
        await settled(app, pilot)
        assert "reloaded" in screen.message and f"no span {gone}" not in screen.message
        assert screen.doc is not None and screen.doc.get(gone) is None
        now = screen.current
        assert now is not None and now != gone
        await pilot.press("a")
        assert check.span(now, REVIEWER).status == "confirmed"


async def test_the_panel_shows_who_proposed_the_span(app: PizhuApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, 1)
        span = screen.span()
        assert span is not None
        await pilot.pause()
        shown = str(screen.query_one(SpanPanel).render())
        assert f"rule {span.rule}" in shown and f"src {span.source}" in shown
