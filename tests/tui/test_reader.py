"""Pilot tests of the reader: every action, with the database checked after each."""

from __future__ import annotations

from pathlib import Path

from pizhu.extract.models import LABELS
from pizhu.store.db import Store
from pizhu.store.records import Change
from pizhu.tui.app import PizhuApp, make_app
from pizhu.tui.screens.dialogs import AttributeForm, GoToSection, LabelPicker, TextPrompt
from pizhu.tui.screens.reader import ReaderScreen
from pizhu.tui.widgets.section_view import SectionView
from tests.harness import SIZE, reader, settled
from tests.tui.conftest import REVIEWER


def actions(check: Store, span_id: int) -> list[str]:
    return [d.action for d in check.history(span_id) if d.reviewer == REVIEWER]


async def test_opens_on_first_pending_span_in_a_body_section(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        span = screen.span()
        assert span is not None and span.status == "pending"
        assert screen.doc is not None and screen.doc.sections[screen.section].kind == "body"
        first = [s for s in check.spans(1, REVIEWER) if screen.doc.sections[screen.doc.section_of(s)].kind == "body"]
        assert span.id == first[0].id


async def test_confirm_commits_then_moves_to_next_pending(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        first = screen.current
        assert first is not None
        await pilot.press("a")
        assert actions(check, first) == ["confirm"]
        assert check.span(first, REVIEWER).status == "confirmed"
        assert screen.current != first
        assert check.span(screen.current, REVIEWER).status == "pending"
        # The view shows the new state without re-reading the document.
        assert screen.doc is not None and screen.doc.get(first).status == "confirmed"


async def test_reject_commits_then_moves_on(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        first = screen.current
        await pilot.press("x")
        assert check.span(first, REVIEWER).status == "rejected"
        assert screen.current != first


async def test_space_skips_without_a_decision(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        first = screen.current
        await pilot.press("space")
        assert check.history(first) == []
        assert screen.current != first
        # Confirming the next one skips the skipped span: it is still pending, behind us.
        await pilot.press("a")
        assert check.span(first, REVIEWER).status == "pending"


async def test_tab_and_shift_tab_walk_spans_in_order(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        assert screen.doc is not None
        first = screen.current
        await pilot.press("tab")
        second = screen.current
        assert second != first
        assert screen.doc.position(second) > screen.doc.position(first)
        await pilot.press("shift+tab")
        assert screen.current == first
        assert check.decisions(REVIEWER) == []


async def test_sections_skip_captions_and_boilerplate(app: PizhuApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot, doc_id=2)
        assert screen.doc is not None
        kinds = [s.kind for s in screen.doc.sections]
        assert "caption" in kinds
        visited = [screen.section]
        last_body = max(i for i, k in enumerate(kinds) if k == "body")
        while screen.section != last_body:
            await pilot.press("right_square_bracket")
            visited.append(screen.section)
        assert all(kinds[i] == "body" for i in visited)
        # After the last body section the captions after it follow: they are reviewed too.
        await pilot.press("right_square_bracket")
        assert screen.section > last_body and kinds[screen.section] != "body"
        await pilot.press("left_square_bracket")
        assert screen.section == last_body
        await pilot.press("left_square_bracket")
        assert screen.section < visited[-1] and kinds[screen.section] == "body"
        # b shows the skipped sections too.
        await pilot.press("b")
        before = screen.section
        await pilot.press("right_square_bracket")
        assert screen.section == before + 1


async def test_documents_next_and_previous(app: PizhuApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        assert screen.doc is not None and screen.doc.id == 1
        await pilot.press("right_curly_bracket")
        await settled(app, pilot)
        assert screen.doc.id == 2
        span = screen.span()
        assert span is not None and span.status == "pending"
        await pilot.press("left_curly_bracket")
        await settled(app, pilot)
        assert screen.doc.id == 1


async def test_digit_changes_label(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        span = screen.span()
        assert span is not None
        target = next(n for n, label in enumerate(LABELS, start=1) if label != span.label)
        await pilot.press(str(target))
        stored = check.span(span.id, REVIEWER)
        assert stored.label == LABELS[target - 1] and stored.status == "corrected"
        assert actions(check, span.id) == ["label"]
        # The label change does not move on: the reviewer sees the result.
        assert screen.current == span.id


async def test_label_picker(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        span = screen.span()
        assert span is not None
        await pilot.press("l")
        assert isinstance(app.screen, LabelPicker)
        await pilot.press("escape")
        assert check.history(span.id) == []
        await pilot.press("l")
        await pilot.press("8")
        assert check.span(span.id, REVIEWER).label == "SLOGAN"


async def test_boundaries_grow_and_shrink_by_a_character(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        text = check.document(1).text
        # A span with a character before it in its own section, so that `<` may grow it.
        for _ in range(30):
            span = screen.span()
            assert span is not None
            section = next(s for s in check.sections(1) if s.start <= span.start < s.end)
            if span.start > section.start and not text[span.start - 1].isspace():
                break
            await pilot.press("tab")
        start, end = span.start, span.end
        await pilot.press("left_parenthesis")
        assert (check.span(span.id, REVIEWER).start, check.span(span.id, REVIEWER).end) == (start - 1, end)
        await pilot.press("right_parenthesis")
        await pilot.press("equals_sign")
        stored = check.span(span.id, REVIEWER)
        assert (stored.start, stored.end) == (start, end + 1)
        assert stored.text == check.document(1).text[start : end + 1]
        await pilot.press("minus")
        assert check.span(span.id, REVIEWER).end == end
        # Shrinking to nothing is refused, and the span is kept.
        for _ in range(end - start + 2):
            await pilot.press("minus")
        stored = check.span(span.id, REVIEWER)
        assert stored.end - stored.start == 1 and stored.status != "removed"
        assert screen.current == span.id


async def test_edit_refuses_a_value_that_is_not_a_number(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        span = screen.span()
        assert span is not None
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, AttributeForm)
        value = form.query_one("#value")
        value.value = "十二"  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert app.screen is form
        assert check.history(span.id) == []
        value.value = "933500"  # type: ignore[attr-defined]
        form.query_one("#unit").value = "元"  # type: ignore[attr-defined]
        form.query_one("#metric").value = "捐款捐物"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settled(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        stored = check.span(span.id, REVIEWER)
        assert stored.attrs["value"] == 933500 and stored.attrs["unit"] == "元"
        assert stored.attrs["metric"] == "捐款捐物"
        assert actions(check, span.id) == ["attrs"]


async def test_tag_with_completion(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        first = screen.current
        assert first is not None
        await pilot.press("t")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"ocr-noise", "enter")
        assert check.span(first, REVIEWER).tags == ("ocr-noise",)
        await pilot.press("tab")
        second = screen.current
        await pilot.press("t", "o")
        await pilot.pause()
        await pilot.press("right", "enter")  # accept the completion
        assert check.span(second, REVIEWER).tags == ("ocr-noise",)
        assert check.tags() == ["ocr-noise"]


async def test_add_a_missed_span_with_a_selection(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        span = screen.span()
        assert span is not None and screen.doc is not None
        # The cursor is at the current span at once, not at an old position.
        assert screen.view.caret == span.start
        start = span.end + 1
        for _ in range(span.end - span.start + 1):
            await pilot.press("right")
        assert screen.view.caret == start
        await pilot.press("v")
        selection = screen.view.selection()
        assert selection is not None and selection[0] == start and selection[1] > start
        await pilot.press("right", "right")
        end = selection[1] + 2
        assert screen.view.selection() == (start, end)
        await pilot.press("enter")
        assert isinstance(app.screen, LabelPicker)
        await pilot.press("2")
        added = [s for s in check.spans(1, REVIEWER) if s.origin == "human"]
        assert len(added) == 1
        assert (added[0].start, added[0].end, added[0].label, added[0].status) == (start, end, "DATE", "added")
        assert added[0].text == check.document(1).text[start:end]
        # Back on the pending span that was being read; the selection is gone.
        assert screen.current == span.id
        assert screen.view.selection() is None


async def test_selection_escape_cancels(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        await pilot.press("v", "right", "escape")
        assert screen.view.selection() is None
        assert check.decisions(REVIEWER) == []
        assert isinstance(app.screen, ReaderScreen)


async def test_undo_and_redo_are_new_log_entries(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        first = screen.current
        assert first is not None
        await pilot.press("a")
        await pilot.press("u")
        assert check.span(first, REVIEWER).status == "pending"
        assert screen.current == first
        await pilot.press("ctrl+r")
        assert check.span(first, REVIEWER).status == "confirmed"
        assert actions(check, first) == ["confirm", "undo", "redo"]
        assert screen.doc is not None and screen.doc.get(first).status == "confirmed"


async def test_undo_brings_back_the_document(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        first = screen.current
        await pilot.press("x", "right_curly_bracket")
        await settled(app, pilot)
        assert screen.doc is not None and screen.doc.id == 2
        await pilot.press("u")
        await settled(app, pilot)
        assert screen.doc.id == 1 and screen.current == first
        assert check.span(first, REVIEWER).status == "pending"


async def test_search_finds_text_across_sections(app: PizhuApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        assert screen.doc is not None
        await pilot.press("slash")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"文史", "enter")
        found = screen.doc.text.find("文史")
        assert found > 0 and screen.caret == found
        assert screen.section == screen.doc.section_index(found)
        await pilot.press("n")
        assert screen.caret == screen.doc.text.find("文史", found + 1)
        assert "match 2" in screen.message


async def test_go_to_section_by_heading(app: PizhuApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        assert screen.doc is not None
        await pilot.press("g")
        assert isinstance(app.screen, GoToSection)
        await pilot.press(*"团结民主", "enter")
        heading = screen.doc.sections[screen.section].heading
        assert "团结民主" in heading
        span = screen.span()
        assert span is None or screen.doc.section_of(span) == screen.section


async def test_mouse_click_selects_a_span(app: PizhuApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        assert screen.doc is not None
        spans = screen.doc.spans_in(screen.section)
        target = spans[-1]
        view = screen.view
        line = view.line_of(target.start)
        start, _ = view.lines[line]
        from rich.cells import cell_len

        column = cell_len(screen.doc.text[view.base + start : target.start])
        await pilot.click(SectionView, offset=(column + 1 + 1, line - view.scroll_offset.y))
        assert screen.current == target.id


async def test_escape_goes_back_and_the_library_shows_progress(app: PizhuApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await reader(app, pilot)
        await pilot.press("a", "a", "escape")
        await settled(app, pilot)
        from pizhu.tui.screens.library import LibraryScreen

        assert isinstance(app.screen, LibraryScreen)
        doc = next(d for d in app.screen.documents if d.id == 1)
        assert doc.reviewed == 2


async def test_reload_shows_the_other_reviewers_decisions_only_when_asked(store: Store, db_path: Path) -> None:
    for show_others in (False, True):
        app = make_app(store, REVIEWER, show_others=show_others)
        async with app.run_test(size=SIZE) as pilot:
            screen = await reader(app, pilot)
            first = screen.current
            assert first is not None
            other = Store(db_path)
            if not show_others:
                other.decide(first, "bob", Change("reject"))
            other.close()
            # Bob's decision is his: ann still sees the span pending; his entry only with --show-others.
            await pilot.press("r")
            await settled(app, pilot)
            assert screen.span() is not None and screen.span().status == "pending"  # type: ignore[union-attr]
            panel = str(screen.query_one("#panel").render())
            assert ("bob: reject" in panel) is show_others
    assert {d.reviewer: d.action for d in Store(db_path).history(first)} == {"bob": "reject"}


async def test_o_takes_the_models_other_reading_of_a_flagged_candidate(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader(app, pilot)
        span = screen.span()
        assert span is not None
        other = next(label for label in LABELS if label != span.label)
        with check.transaction() as conn:
            conn.execute(
                "UPDATE spans SET flag = ?, flagged_at = '9999' WHERE id = ?",
                (f"model: {other} {span.start}-{span.end}", span.id),
            )
        await pilot.press("r")  # the reader reads the span again (as after a re-extraction)
        await settled(app, pilot)
        assert screen.span() is not None and screen.span().flag.startswith("model: ")
        await pilot.press("o")
        await settled(app, pilot)
        assert check.span(span.id, REVIEWER).label == other
        assert check.span(span.id, REVIEWER).status == "corrected"
