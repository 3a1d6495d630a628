"""Pilot tests of issue 12 (reviewer speed): the cursor, word-wise keys, the panel, auto-advance,
the kept place, the edit dialog, the library filter, colours, workers and blind review.

Each test builds a small report of its own in a real SQLite file and re-reads that file
(through a second connection) after the keys.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select

from pizhu.store import roles, workspace
from pizhu.store.db import Store
from pizhu.store.records import Change
from pizhu.tui.app import PizhuApp, make_app
from pizhu.tui.screens.dialogs import AttributeForm
from pizhu.tui.screens.library import LibraryScreen
from pizhu.tui.screens.queue import QueueScreen
from pizhu.tui.screens.reader import ReaderScreen
from pizhu.tui.screens.stats import StatsScreen
from pizhu.tui.widgets.section_view import SectionView
from tests.harness import SIZE, reader, settled
from tests.tui.conftest import REVIEWER
from tests.tui.seedspans import store_with_text

RAW = (
    "# 城中区政协工作报告\n## 一、学习\n"
    "学习二十大二十届二中全会精神。区委书记出席，区委召开会议，区委部署工作。\n"
    "2023年开展调研12次，“双减”落实到位。\n"
    "## 二、图片\n图为2024年会议现场。\n"
)
SPANS = [("MEETING", "二十大"), ("MEETING", "二十届二中全会"), ("DATE", "2023年"), ("FIGURE", "12次")]


def make(tmp_path: Path, spans: list[tuple[str, str]] | None = None) -> tuple[Path, int]:
    path = tmp_path / "speed.db"
    store, doc_id = store_with_text(path, RAW, SPANS if spans is None else spans)
    store.close()
    return path, doc_id


async def open_reader(app: PizhuApp, pilot: Pilot, doc_id: int, words: bool = True) -> ReaderScreen:
    screen: ReaderScreen = await reader(app, pilot, doc_id)
    if words:
        assert screen.words_ready
    return screen


def spans_of(path: Path, doc_id: int) -> list[tuple[str, str, str]]:
    with Store(path) as check:
        return [(s.label, s.text, s.status) for s in check.spans(doc_id, REVIEWER)]


# --- 2. the cursor and selections ----------------------------------------------------------


async def test_cursor_is_at_the_current_span_at_once_and_follows_it(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path)
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot, doc_id)
        span = screen.span()
        assert span is not None and span.text == "二十大"
        assert screen.view.caret == span.start
        await pilot.press("right", "right")
        await pilot.press("tab")
        nxt = screen.span()
        assert nxt is not None and nxt.text == "二十届二中全会"
        # The cursor moved to the new current span, not kept at the old position.
        assert screen.view.caret == nxt.start


async def test_selection_does_not_force_the_anchor_character(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path)
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot, doc_id)
        assert screen.doc is not None
        text = screen.doc.text
        at = text.index("区委书记")
        screen.caret = at
        screen.view.set_caret(at)
        await pilot.press("v")
        selection = screen.view.selection()
        assert selection is not None and selection[0] == at and text[at : selection[1]].startswith("区委")
        # Back over the word and two characters more: the two characters before the anchor,
        # without the anchor's own character (which used to give 区委区).
        for _ in range(selection[1] - at + 2):
            await pilot.press("left")
        assert screen.view.selection() == (at - 2, at)
        assert "区" not in text[at - 2 : at]


async def test_word_punctuation_and_line_keys_move_the_cursor(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path)
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=(30, 24)) as pilot:
        screen = await open_reader(app, pilot, doc_id)
        assert screen.doc is not None and screen.words is not None
        text = screen.doc.text
        start = screen.view.caret
        assert start is not None
        await pilot.press("ctrl+right")
        first = screen.view.caret
        assert first is not None and first > start + 1  # a word, not a character
        await pilot.press("p")
        assert screen.view.caret is not None and text[screen.view.caret] == "。"
        line = screen.view.line_of(screen.view.caret)
        await pilot.press("down")
        # Down moves the cursor a line (it no longer scrolls the view instead).
        assert screen.view.line_of(screen.view.caret) == line + 1
        await pilot.press("up")
        assert screen.view.line_of(screen.view.caret) == line


async def test_add_a_word_with_v_and_a_label_key(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path)
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot, doc_id)
        assert screen.doc is not None
        current = screen.current
        at = screen.doc.text.index("区委书记")
        screen.caret = at
        screen.view.set_caret(at)
        await pilot.press("v")
        selection = screen.view.selection()
        assert selection is not None
        if screen.doc.text[selection[0] : selection[1]] != "区委":
            await pilot.press("left", "left")
        assert screen.doc.text[slice(*screen.view.selection())] == "区委"  # type: ignore[misc]
        await pilot.press("4")
        assert ("ORG", "区委", "added") in spans_of(path, doc_id)
        # The reviewer is back on the pending span they were reading.
        assert screen.current == current
        # m labels the next occurrence of a labelled text, from the last decision on.
        await pilot.press("m")
        assert [s for s in spans_of(path, doc_id) if s[1] == "区委"] == [("ORG", "区委", "added")] * 2
        await pilot.press("m")
        assert len([s for s in spans_of(path, doc_id) if s[1] == "区委"]) == 3
        await pilot.press("m")
        assert len([s for s in spans_of(path, doc_id) if s[1] == "区委"]) == 3
        assert "no text labelled" in screen.message


async def test_v_on_an_opening_quote_selects_the_quoted_text(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path)
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot, doc_id)
        assert screen.doc is not None
        at = screen.doc.text.index("“双减”")
        screen.caret = at
        screen.view.set_caret(at)
        await pilot.press("v", "8")
        assert ("SLOGAN", "双减", "added") in spans_of(path, doc_id)


async def test_label_this_search_match(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path)
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot, doc_id)
        await pilot.press("slash")
        await pilot.press(*"区委书记", "enter")
        assert screen.view.match is not None
        await pilot.press("v", "3")
        assert ("PERSON", "区委书记", "added") in spans_of(path, doc_id)
        assert screen.view.match is None


async def test_fix_a_boundary_by_one_word_in_one_key(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path, [("ORG", "委书记"), ("DATE", "2023")])
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot, doc_id)
        span = screen.span()
        assert span is not None and span.text == "委书记"
        await pilot.press("comma")  # the end a word left
        with Store(path) as check:
            assert check.span(span.id, REVIEWER).text == "委"
        await pilot.press("full_stop")  # and back, a word right
        await pilot.press("tab")
        date = screen.span()
        assert date is not None and date.text == "2023"
        await pilot.press("full_stop", "a")  # 2023 -> 2023年: one key, then confirm
        with Store(path) as check:
            fixed = check.span(date.id, REVIEWER)
            assert (fixed.text, fixed.status) == ("2023年", "corrected")


# --- 3. the panel is never stale -------------------------------------------------------------


async def test_panel_shows_a_relabel_an_edit_and_a_tag_at_once(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path)
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot, doc_id)
        panel = screen.query_one("#panel")
        await pilot.press("4")
        await settled(app, pilot)
        text = str(panel.render())
        assert "[ORG] ORG" in text and "ann: label" in text
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, AttributeForm)
        form.query_one("#unit", Input).value = "届"
        await pilot.press("ctrl+s")
        await settled(app, pilot)
        assert "unit 届" in str(panel.render())
        await pilot.press("t", *"check", "enter")
        await settled(app, pilot)
        assert "tags check" in str(panel.render())


# --- 4. auto-advance ---------------------------------------------------------------------------


async def test_a_on_the_last_span_stays_in_the_document(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path)
    second, _ = store_with_text(path, RAW.replace("城中区", "灵武市"), [("DATE", "2023年")])
    second.close()
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot, doc_id, words=False)
        await pilot.press("a", "a", "a", "a")
        assert screen.doc is not None and screen.doc.id == doc_id
        assert "document done" in screen.message
        assert [s[2] for s in spans_of(path, doc_id)] == ["confirmed"] * 4
        last = screen.current
        await pilot.press("a")  # nothing unseen is confirmed: at most the span on screen again
        assert screen.doc.id == doc_id and screen.current == last
        with Store(path) as check:
            assert {d.document_id for d in check.decisions(REVIEWER)} == {doc_id}
            assert check.decisions(REVIEWER)[-1].span_id == last


async def test_body_done_goes_on_into_the_captions(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path, [("DATE", "2023年"), ("DATE", "2024年")])
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot, doc_id, words=False)
        assert screen.doc is not None and screen.doc.sections[-1].kind == "caption"
        await pilot.press("a")
        assert "body done, now the captions" in screen.message
        assert screen.section == len(screen.doc.sections) - 1
        await pilot.press("a")
        assert "document done" in screen.message


async def test_section_keys_move_the_current_span_into_the_new_section(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path)
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot, doc_id, words=False)
        assert screen.doc is not None
        await pilot.press("b", "right_square_bracket")
        assert screen.section == 1
        span = screen.span()
        assert span is None or screen.doc.section_of(span) == 1


# --- 5. the place is kept ----------------------------------------------------------------------


async def test_reopening_keeps_the_library_cursor_and_the_span(db_path: Path) -> None:
    app = make_app(Store(db_path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("down", "down", "enter")
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.doc is not None
        doc_id = screen.doc.id
        await pilot.press("tab", "tab", "tab")
        kept = screen.current
        await pilot.press("escape")
        await settled(app, pilot)
    with Store(db_path) as check:
        assert workspace.last_library(check, REVIEWER) == doc_id
        assert workspace.last_span(check, REVIEWER, doc_id) == kept
        assert check.read("SELECT count(*) AS n FROM review_positions WHERE reviewer = ?", [REVIEWER])[0]["n"] == 2
    again = make_app(Store(db_path), REVIEWER)
    async with again.run_test(size=SIZE) as pilot:
        await settled(again, pilot)
        table = again.screen.query_one(DataTable)
        assert isinstance(again.screen, LibraryScreen) and again.screen.selected_id() == doc_id
        assert table.cursor_row == 2
        await pilot.press("enter")
        await settled(again, pilot)
        assert isinstance(again.screen, ReaderScreen) and again.screen.current == kept
    # Another reviewer's place is their own.
    with Store(db_path) as check:
        assert workspace.last_library(check, "bob") is None


# --- 6. the edit dialog --------------------------------------------------------------------------


async def test_edit_dialog_leaves_the_sentence_visible_and_enter_on_approx_saves(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path)
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot, doc_id, words=False)
        await pilot.press("tab", "tab", "tab")
        span = screen.span()
        assert span is not None and span.text == "12次"
        view = screen.query_one(SectionView)
        line_y = view.region.y + view.line_of(span.start) - view.scroll_offset.y
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, AttributeForm)
        dialog = form.query_one(".dialog")
        assert not dialog.region.y <= line_y < dialog.region.y + dialog.region.height
        form.query_one("#approx", Select).focus()
        await pilot.press("enter")
        await settled(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        with Store(path) as check:
            assert [d.action for d in check.history(span.id)] == ["attrs"]


# --- 8. the library filter -----------------------------------------------------------------------


async def test_library_filter_enter_leaves_it_and_escape_clears_it(app: PizhuApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        screen = app.screen
        table = screen.query_one(DataTable)
        box = screen.query_one("#filter", Input)
        await pilot.press("slash", *"zzzz")
        assert box.has_focus and table.row_count == 0
        await pilot.press("escape")
        assert box.value == "" and table.has_focus and table.row_count > 0
        await pilot.press("slash", "2", "enter")
        assert table.has_focus and box.value == "2"


# --- 9. what is on screen ------------------------------------------------------------------------


async def test_eight_labels_differ_in_colour_and_a_second_cue(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path)
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot, doc_id, words=False)
        view = screen.query_one(SectionView)
        styles = [view.get_component_rich_style(f"section-view--{lb.lower()}", partial=True) for lb in app_labels()]
        colours = {str(s.color) for s in styles}
        assert len(colours) == 8
        cues = [(bool(s.bold), bool(s.italic)) for s in styles]
        assert len(set(cues)) >= 3
        # Labels whose hues fall together in 16 colours (ANSI downgrade) still differ by the cue.
        by_16 = {}
        for s, cue in zip(styles, cues, strict=True):
            assert s.color is not None
            standard = s.color.downgrade(ColorSystem.STANDARD)
            assert (standard.number, cue) not in by_16
            by_16[(standard.number, cue)] = s


async def test_adjacent_spans_of_one_label_have_an_edge(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path)
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=(60, 24)) as pilot:
        screen = await open_reader(app, pilot, doc_id, words=False)
        view = screen.query_one(SectionView)
        assert screen.doc is not None
        first, second = (s for s in screen.doc.spans if s.label == "MEETING")
        assert first.end == second.start and second.id in view._abutting
        await pilot.press("tab", "tab")  # neither is current now
        line = view.line_of(second.start)
        start, _end = view.lines[line]
        cells: list[object] = []
        for segment in view.render_line(line - view.scroll_offset.y):
            cells += [segment.style.bgcolor if segment.style else None] * len(segment.text)
        # The first span's last character and the second span's first one: different backgrounds.
        base = view.base
        assert cells[first.end - 1 - base - start] != cells[second.start - base - start]


async def test_long_messages_keep_one_line_and_markdown_markers_are_hidden(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path)
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot, doc_id, words=False)
        view = screen.query_one(SectionView)
        assert all("#" not in view.line_text(i) for i in range(len(view.lines)))
        assert screen.doc is not None and screen.doc.text.startswith("# ")  # the text itself is unchanged
        # One line whatever the message (a second one moved the text down): a long quoted text
        # is shortened in its middle, what the message says about it is kept whole.
        slogan = "坚持以人民为中心的发展思想" * 4
        screen.say(f"rejected SLOGAN “{slogan}” · u: undo")
        await pilot.pause()
        message = screen.query_one("#message")
        assert message.size.height == 1
        rendered = "".join(str(line.text) for line in message.render_lines(message.region.reset_offset)).rstrip()
        assert rendered.lstrip().startswith("rejected SLOGAN “坚持以人民")
        assert rendered.endswith("的发展思想” · u: undo") and "…" in rendered


# --- 10. workers -------------------------------------------------------------------------------------


async def test_statistics_are_computed_in_a_worker(db_path: Path) -> None:
    app = make_app(Store(db_path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("S")
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        await settled(app, pilot)
        assert screen.stats is not None
        assert "documents" in str(screen.query_one("#stats-title").render())


# --- 11. blind review -----------------------------------------------------------------------------


async def test_adjudicators_see_every_reviewers_decisions(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path)
    with Store(path) as store:
        first = store.spans(doc_id, REVIEWER)[0].id
        store.decide(first, "bob", Change("reject"))
        store.decide(first, "adjudicator:eve", Change("confirm"))
        roles.grant(store, roles.login_name(), "eve")  # the role, not the name, shows everyone's decisions
    for reviewer, sees_bob in ((REVIEWER, False), ("adjudicator:eve", True)):
        app = make_app(Store(path), reviewer)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_reader(app, pilot, doc_id, words=False)
            screen.move_to(screen.doc.get(first) if screen.doc else None)
            await settled(app, pilot)
            assert ("bob: reject" in str(screen.query_one("#panel").render())) is sees_bob


# --- 12. the queue ------------------------------------------------------------------------------------


async def test_queue_shows_a_figures_value_and_unit(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QueueScreen)
        table = screen.query_one(DataTable)
        figures = [(i, s) for i, s in enumerate(screen.items) if s.label == "FIGURE"]
        assert figures
        for row, span in figures[:20]:
            stored = check.span(span.id, REVIEWER)
            value = stored.attrs["value"]
            shown = str(table.get_row_at(row)[3])
            assert shown.split()[0] == str(int(value) if float(value).is_integer() else value)
        assert all(str(table.get_row_at(i)[3]) == "" for i, s in enumerate(screen.items[:50]) if s.label != "FIGURE")


def app_labels() -> tuple[str, ...]:
    from pizhu.extract.models import LABELS

    return LABELS


from rich.color import ColorSystem  # noqa: E402


async def test_jump_labels_take_the_cursor_to_a_word_on_screen(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path)
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot, doc_id)
        assert screen.doc is not None and screen.view.caret is not None
        target = screen.doc.text.index("区委部署")
        hints = screen.hint_targets(screen.view.caret)
        assert target in hints and len(set(hints.values())) == len(hints)
        # Prefix-free: no label starts another one.
        assert not any(a != b and b.startswith(a) for a in hints.values() for b in hints.values())
        await pilot.press("j")
        assert screen.view._hints == hints  # drawn on the text
        await pilot.press(*hints[target])
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and screen.view.caret == target
        assert screen.view._hints == {}
        await pilot.press("v", "4")
        assert ("ORG", screen.doc.text[target : screen.doc.text.index("部署")], "added") in spans_of(path, doc_id)
        # The last letter in capitals jumps and selects at once.
        quote = screen.doc.text.index("“双减”")
        hints = screen.hint_targets(screen.view.caret)
        await pilot.press("j", *hints[quote][:-1], hints[quote][-1].upper())
        await pilot.pause()
        assert screen.view.selection() == (quote + 1, quote + 3)
        await pilot.press("8")
        assert ("SLOGAN", "双减", "added") in spans_of(path, doc_id)


async def test_capital_v_selects_to_the_next_punctuation(tmp_path: Path) -> None:
    path, doc_id = make(tmp_path)
    app = make_app(Store(path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(app, pilot, doc_id)
        assert screen.doc is not None
        at = screen.doc.text.index("区委书记出席")
        screen.caret = at
        screen.view.set_caret(at)
        await pilot.press("V", "7")
        assert ("MEETING", "区委书记出席", "added") in spans_of(path, doc_id)


def test_help_lists_the_new_keys_in_paragraphs_the_screen_wraps_once() -> None:
    from pizhu.tui.screens.help import help_text

    text = help_text({}, "keys.toml").plain
    for needle in ("jump the cursor to a word", "review only some labels", "move the cursor a word left", "ctrl+left"):
        assert needle in text
    # Prose is one paragraph a line (the Static wraps it), not pre-broken at 80 columns.
    assert "TOML or JSON, binding id = keys" in next(line for line in text.splitlines() if "Put overrides" in line)
