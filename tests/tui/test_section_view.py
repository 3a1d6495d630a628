"""Pilot tests of "use the height the terminal has": under a short section the reader
previews the sections after it, dim and read-only, without changing how the section scrolls.

The seed database (conftest) is a real SQLite file; report 1 opens on its second section,
one line long, so most of the view is preview at 80×24 and at 120×40.
"""

from __future__ import annotations

import random
from pathlib import Path

from rich.cells import cell_len
from rich.style import Style

from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store.db import Store
from pizhu.store.display import visible
from pizhu.tui.app import PizhuApp, make_app
from pizhu.tui.model import PreviewSection
from pizhu.tui.screens.reader import ReaderScreen
from pizhu.tui.text import hide_markup, strip_markup_heading, wrap
from pizhu.tui.widgets.section_view import SectionView
from tests.harness import reader
from tests.tui.conftest import REVIEWER
from tests.tui.seedspans import store_with_text

BIG = (120, 40)
SMALL = (80, 24)


def height(view: SectionView) -> int:
    return view.scrollable_content_region.height


def drawn(view: SectionView, y: int) -> str:
    """The text of one row of the view as the terminal gets it (trailing blanks dropped)."""
    return "".join(segment.text for segment in view.render_line(y)).rstrip()


def heading_of(screen: ReaderScreen, index: int) -> str:
    assert screen.doc is not None
    section = screen.doc.sections[index]
    text = f"§{index + 1} {visible(strip_markup_heading(screen.doc.heading(index)))}"
    return text if section.kind == "body" else f"{text}  [{section.kind}]"


def section_lines(screen: ReaderScreen, index: int, width: int) -> list[str]:
    assert screen.doc is not None
    section = screen.doc.sections[index]
    text = hide_markup(visible(screen.doc.text[section.start : section.end]))
    return [text[a:b] for a, b in wrap(text, width)] if text.strip() else []


async def test_short_section_shows_the_next_sections_under_it(app: PizhuApp) -> None:
    async with app.run_test(size=BIG) as pilot:
        screen = await reader(app, pilot)
        view = screen.view
        assert screen.doc is not None
        section = screen.doc.sections[screen.section]
        width = view.scrollable_content_region.width
        # The current section is as before: its lines, its scrolling, its text.
        text = hide_markup(visible(screen.doc.text[section.start : section.end]))
        assert view.lines == wrap(text, width)
        assert view.virtual_size.height == len(view.lines) < height(view)
        assert [view.line_text(i) for i in range(len(view.lines))] == [text[a:b] for a, b in view.lines]
        # Under it, every row the section leaves: the next sections, heading first, wrapped alike.
        expected: list[str] = []
        index = screen.section + 1
        while len(expected) < height(view) - len(view.lines):
            expected += [heading_of(screen, index), *section_lines(screen, index, width)]
            index += 1
        expected = expected[: height(view) - len(view.lines)]
        assert [view.preview_text(row) for row in range(view.preview_rows)] == expected
        for row, line in enumerate(expected):
            assert drawn(view, len(view.lines) + row).startswith(line.rstrip())
        assert drawn(view, 0) == view.line_text(0).rstrip()
        # Drawn dim; a span there keeps its label's colour, without current or caret.
        first = screen.doc.sections[screen.section + 1].start
        spans = [s for s in screen.doc.spans if s.start >= first and view.preview_row_of(s.start) is not None]
        assert spans
        span = spans[0]
        row = view.preview_row_of(span.start)
        assert row is not None
        line = view.preview_line(row)
        assert line is not None
        colour = view.get_component_rich_style(f"section-view--{span.label.lower()}", partial=True).color
        column = cell_len(visible(screen.doc.text[line[0] : span.start]))
        cells = []
        for segment in view.render_line(len(view.lines) + row):
            cells += [segment.style] * cell_len(segment.text)
        assert cells[column] is not None and cells[column].color == colour and cells[column].dim
        assert not cells[column].reverse
        assert all(style is not None and style.dim for style in cells[: cell_len(view.preview_text(row))])


async def test_a_section_longer_than_the_view_has_no_preview_and_scrolls_as_before(app: PizhuApp) -> None:
    async with app.run_test(size=SMALL) as pilot:
        screen = await reader(app, pilot)
        assert screen.doc is not None
        long = next(i for i in range(len(screen.doc.sections)) if len(section_lines(screen, i, 78)) > 20)
        screen.go_to_section(long)
        await pilot.pause()
        view = screen.view
        assert len(view.lines) > height(view)
        assert view.preview_rows == 0
        assert view.virtual_size.height == len(view.lines)
        view.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert view.scroll_offset.y == len(view.lines) - height(view)
        assert drawn(view, height(view) - 1) == view.line_text(len(view.lines) - 1).rstrip()


async def test_a_click_on_a_span_in_the_preview_makes_it_current(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=BIG) as pilot:
        screen = await reader(app, pilot)
        view = screen.view
        assert screen.doc is not None
        shown = screen.section
        span = next(s for s in screen.doc.spans if s.start >= view.end and view.preview_row_of(s.start) is not None)
        row = view.preview_row_of(span.start)
        line = view.preview_line(row) if row is not None else None
        assert row is not None and line is not None
        column = cell_len(visible(screen.doc.text[line[0] : span.start]))
        # While selecting, a click there does nothing: a selection stays in its section.
        await pilot.press("v")
        await pilot.click(SectionView, offset=(1 + column, len(view.lines) + row))
        await pilot.pause()
        assert screen.section == shown and view.selection() is not None
        await pilot.press("escape")
        await pilot.click(SectionView, offset=(1 + column, len(view.lines) + row))
        await pilot.pause()
        assert screen.section == screen.doc.section_of(span) != shown
        assert screen.current == span.id and view.current == span.id
        assert view.base == screen.doc.sections[screen.section].start
        # A click reads; it decides nothing.
        assert check.decisions(REVIEWER) == []


async def test_a_click_on_preview_text_goes_to_that_section(app: PizhuApp) -> None:
    async with app.run_test(size=BIG) as pilot:
        screen = await reader(app, pilot)
        view = screen.view
        assert screen.doc is not None
        shown = screen.section
        # The last row of the preview: its section starts in the view, further down than the next one.
        row = view.preview_rows - 1
        target = view.preview_section(row)
        assert target > shown + 1
        await pilot.click(SectionView, offset=(1, len(view.lines) + row))
        await pilot.pause()
        assert screen.section == target
        assert view.base == screen.doc.sections[target].start
        span = screen.span()
        assert span is None or screen.doc.section_of(span) == target
        # The heading row of a section goes there too.
        heading = next(r for r in range(view.preview_rows) if view.preview_line(r) is None)
        target = view.preview_section(heading)
        await pilot.click(SectionView, offset=(2, len(view.lines) + heading))
        await pilot.pause()
        assert screen.section == target


async def test_a_resize_from_80x24_to_120x40_adds_preview_rows(app: PizhuApp) -> None:
    async with app.run_test(size=SMALL) as pilot:
        screen = await reader(app, pilot)
        view = screen.view
        assert screen.doc is not None
        small = view.preview_rows
        assert small == height(view) - len(view.lines) > 0
        narrow = [view.preview_text(r) for r in range(small)]
        await pilot.resize_terminal(*BIG)
        await pilot.pause()
        assert view.preview_rows == height(view) - len(view.lines) > small
        width = view.scrollable_content_region.width
        assert view.preview_text(0) == heading_of(screen, screen.section + 1)
        assert view.preview_text(1) == section_lines(screen, screen.section + 1, width)[0]
        assert [view.preview_text(r) for r in range(small)] != narrow  # wrapped again, wider
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        assert [view.preview_text(r) for r in range(view.preview_rows)] == narrow


async def test_the_preview_wraps_only_the_sections_that_fit(tmp_path: Path) -> None:
    sections = "".join(f"## 第{i}节\n本节召开会议{i}次,{'调研' * 40}。\n" for i in range(1, 301))
    store, doc_id = store_with_text(tmp_path / "long.db", "# 很长的报告\n" + sections, [])
    store.close()
    app = make_app(Store(tmp_path / "long.db"), REVIEWER)
    async with app.run_test(size=BIG) as pilot:
        screen = await reader(app, pilot, doc_id)
        view = screen.view
        assert screen.doc is not None and len(screen.doc.sections) == 300
        taken: list[int] = []

        class Counting:
            def __iter__(self):  # type: ignore[no-untyped-def]
                for section in screen.doc.following(0):  # type: ignore[union-attr]
                    taken.append(section.index)
                    yield section

        view.load(screen.doc.text[: screen.doc.sections[0].end], 0, [], following=Counting())
        await pilot.pause()
        assert view.preview_rows == height(view) - len(view.lines)
        # About a heading and two lines a section: a dozen sections for 30 rows, not 300.
        assert 0 < len(taken) <= height(view)
        screen.go_to_section(150)
        await pilot.pause()
        assert {view.preview_section(r) for r in range(view.preview_rows)} <= set(range(151, 151 + height(view)))


def test_wrap_with_a_limit_is_the_start_of_the_whole_wrap() -> None:
    rng = random.Random(7)
    alphabet = "政协委员会议调研，。、“”（）》%2023ab cd\n\n"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        width = rng.randint(2, 40)
        rows = rng.randint(1, 30)
        assert wrap(text, width, limit=rows) == wrap(text, width)[:rows]


def test_following_sections_are_read_lazily_in_document_order(tmp_path: Path) -> None:
    raw = "# 报告\n## 一、学习\n学习。\n## 二、图片\n图为2024年会议现场。\n## 三、提案\n提案12件。\n"
    store, doc_id = store_with_text(tmp_path / "f.db", raw, [("FIGURE", "12件")])
    from pizhu.tui.model import LoadedDocument

    doc = LoadedDocument.load(store, doc_id, REVIEWER)
    store.close()
    following = doc.following(0)
    kinds = [(s.index, s.kind) for s in following]
    assert kinds == [(i, doc.sections[i].kind) for i in range(1, len(doc.sections))]
    assert "caption" in {kind for _, kind in kinds}  # captions are previewed, and say so
    assert [s.index for s in following] == [i for i, _ in kinds]  # iterable again
    last: PreviewSection = list(doc.following(0))[-1]
    assert last.text == doc.text[doc.sections[-1].start : doc.sections[-1].end]
    assert last.base == doc.sections[-1].start and last.heading == doc.heading(len(doc.sections) - 1)
    # Each previewed section carries its own spans, as the reader holds them.
    assert [[s.text for s in p.spans] for p in doc.following(0)] == [
        [s.text for s in doc.spans_in(i)] for i in range(1, len(doc.sections))
    ]
    assert ["12件"] in [[s.text for s in p.spans] for p in doc.following(0)]


async def test_the_preview_draws_report_text_as_data(tmp_path: Path) -> None:
    escapes = "\x1b[2J\x1b]2;pwned\x07\u202e"
    raw = f"# 报告\n## 一、学习\n学习。\n## 二、[bold]提案[/bold]{escapes}\n全年提案12件{escapes}。\n"
    store, doc_id = store_with_text(tmp_path / "d.db", raw, [("FIGURE", "12件")])
    store.close()
    app = make_app(Store(tmp_path / "d.db"), REVIEWER)
    async with app.run_test(size=BIG) as pilot:
        screen = await reader(app, pilot, doc_id)
        screen.go_to_section(0)
        await pilot.pause()
        view = screen.view
        assert view.preview_rows > 0
        shown = [view.preview_text(r) for r in range(view.preview_rows)]
        assert any("[bold]提案[/bold]␛" in line for line in shown)  # markup left as text, ESC made visible
        strips = app.screen._compositor.render_strips()
        everything = "".join(segment.text for strip in strips for segment in strip)
        assert not any(c in everything for c in "\x1b\x07\u202e")


async def test_a_long_section_in_the_preview_is_wrapped_from_its_start_as_a_whole(app: PizhuApp) -> None:
    # Blank runs and zero-width marks: lines that hold more characters than cells, so the
    # first prefix the preview draws is too short and it reads on.
    paragraph = "全年召开会议12次" + "\u0301" * 400 + "\n\n\n" + "提出建议24条。" * 30 + "\n"
    text = "\n" * 20000 + paragraph * 200  # the first prefix drawn is blank: it reads on
    async with app.run_test(size=BIG) as pilot:
        screen = await reader(app, pilot)
        view = screen.view
        view.load("短。", 0, [], following=[PreviewSection(1, "## 长节", "body", 2, text, [])])
        await pilot.pause()
        width = view.scrollable_content_region.width
        drawn_text = hide_markup(visible(text))
        whole = [drawn_text[a:b] for a, b in wrap(drawn_text, width)]
        assert view.preview_text(0) == "§2 长节"
        assert [view.preview_text(r) for r in range(1, view.preview_rows)] == whole[: view.preview_rows - 1]
        assert view.preview_rows == height(view) - 1


def styles_at(view: SectionView, row: int, column: int) -> object:
    cells = []
    for segment in view.render_line(len(view.lines) + row):
        cells += [segment.style] * cell_len(segment.text)
    return cells[column]


async def test_a_bulk_confirm_restyles_the_alike_spans_in_the_preview(tmp_path: Path) -> None:
    raw = "# 报告\n## 一、学习\n政协委员学习。\n## 二、协商\n政协委员协商,政协委员调研。\n## 三、提案\n政协委员提案。\n"
    draft = prepare(raw)[0]
    at = [i for i in range(len(draft.text)) if draft.text.startswith("政协委员", i)]
    spans = [Span(i, i + 4, "ORG", "政协委员", {}, "test", 0.5) for i in at]
    with Store(tmp_path / "b.db") as store:
        doc_id = store.add_document("b.txt", "utf-8", draft, spans, "test")
    assert doc_id is not None
    app = make_app(Store(tmp_path / "b.db"), REVIEWER)
    async with app.run_test(size=BIG) as pilot:
        screen = await reader(app, pilot, doc_id)
        view = screen.view
        assert screen.doc is not None and screen.section == 0
        later = [s for s in screen.doc.spans if s.start >= view.end]
        assert len(later) == 3

        def style_of(span_id: int) -> Style:
            assert screen.doc is not None
            span = screen.doc.get(span_id)
            assert span is not None
            row = view.preview_row_of(span.start)
            line = view.preview_line(row) if row is not None else None
            assert row is not None and line is not None
            cells: list[Style] = []
            for segment in view.render_line(len(view.lines) + row):
                cells += [segment.style or Style()] * cell_len(segment.text)
            return cells[cell_len(screen.doc.text[line[0] : span.start])]

        assert all(style_of(s.id).underline for s in later)  # pending: underlined, in the preview too
        await pilot.press("A", "y")
        await pilot.pause()
        with Store(tmp_path / "b.db") as check:
            assert {check.span(s.id, REVIEWER).status for s in later} == {"confirmed"}
        # The bulk went through show_section: the preview is drawn again, its spans no longer pending.
        assert all(not style_of(s.id).underline and style_of(s.id).dim for s in later)
