"""Pilot tests of the library, queue and help screens, the keymap, and how text is drawn."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable

from pizhu.extract.models import LABELS
from pizhu.store.db import Store
from pizhu.store.display import visible
from pizhu.tui import keys
from pizhu.tui.app import PizhuApp, make_app
from pizhu.tui.screens.help import HelpScreen, help_text
from pizhu.tui.screens.library import LibraryScreen
from pizhu.tui.screens.queue import QueueScreen
from pizhu.tui.screens.reader import ReaderScreen
from pizhu.tui.text import fit, wrap
from pizhu.tui.widgets.section_view import SectionView
from tests.harness import SIZE, settled
from tests.tui.conftest import REVIEWER
from tests.tui.seedspans import store_with_text


async def test_library_lists_sorts_filters_and_opens(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == len(check.documents())
        row = table.get_row_at(0)
        assert row[0] == "1" and str(row[1]) == "城中区政协" and row[2] == "2023"
        assert str(row[5]) == f"0/{check.documents()[0].candidates}"
        # s: sort by id reversed, then by organisation.
        await pilot.press("s")
        assert table.get_row_at(0)[0] == str(len(check.documents()))
        await pilot.press("s")
        assert screen.sort_column == "organisation"
        # /: filter, enter back to the table.
        await pilot.press("slash", *"陇南", "enter")
        assert table.row_count == 1
        assert screen.query_one(DataTable).has_focus
        await pilot.press("enter")
        await settled(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.doc is not None and app.screen.doc.document.organisation == "陇南市政协"


async def test_library_fits_80_columns(app: PizhuApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        table = app.screen.query_one(DataTable)
        assert table.virtual_size.width <= 80
        assert cell_len(fit("突出“四个建设”全力打造加强和改进新时代人民政协工作", 20)) <= 20


async def test_queue_lowest_confidence_first_filter_and_decide(app: PizhuApp, check: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("w")
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, QueueScreen)
        confidences = [s.confidence for s in screen.items]
        assert confidences == sorted(confidences)
        first = screen.items[0]
        await pilot.press("a")
        assert check.span(first.id, REVIEWER).status == "confirmed"
        assert first.id not in [s.id for s in screen.items]
        second = screen.items[0]
        await pilot.press("x")
        assert check.span(second.id, REVIEWER).status == "rejected"
        # f: one label only; the same label again shows all.
        await pilot.press("f", "2")
        await settled(app, pilot)
        assert screen.label == "DATE" and {s.label for s in screen.items} == {"DATE"}
        await pilot.press("f", "2")
        await settled(app, pilot)
        assert screen.label is None
        # enter opens the candidate in its document.
        target = screen.items[0]
        await pilot.press("enter")
        await settled(app, pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.current == target.id
        await pilot.press("escape")
        await settled(app, pilot)
        assert isinstance(app.screen, QueueScreen)


async def test_help_lists_keys_and_label_guidelines(app: PizhuApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = help_text({}, "keys.toml").plain
        for key in keys.READER:
            assert key.help in text
        assert "a measured amount" in text and "93.35万元" in text and "《城中文史资料》" in text
        assert "keys.toml" in text
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_keymap_file_rebinds_a_key(store: Store, check: Store, tmp_path: Path) -> None:
    keymap = tmp_path / "keys.toml"
    keymap.write_text('[keys]\nconfirm = "y"\n', "utf-8")
    app = make_app(store, REVIEWER, keymap)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        app.open_reader(1)
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        first = screen.current
        await pilot.press("a")
        assert check.history(first) == []
        await pilot.press("y")
        assert check.span(first, REVIEWER).status == "confirmed"
        assert "y" in help_text(app.keymap, "").plain


def test_keymap_refuses_unknown_ids(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    path.write_text(json.dumps({"confrim": "y"}), "utf-8")
    with pytest.raises(keys.KeymapError, match="confrim"):
        keys.load_keymap(path)
    assert keys.load_keymap(tmp_path / "absent.toml") == {}


def test_every_action_has_one_binding_id() -> None:
    for table in keys.TABLES.values():
        ids = [k.id for k in table]
        assert len(ids) == len(set(ids))
    reader = {k.keys for k in keys.READER}
    for key in ("a", "x", "space", "tab", "shift+tab", "u", "ctrl+r", "v", "e", "t", "g", "slash"):
        assert key in reader
    assert {str(n) for n in range(1, 9)} <= reader


REPORT = "标题\n\n正文[bold]加粗[/]与\x1b[2J清屏,共计12次会议,《城中文史资料》出版。\n"


async def test_report_text_is_shown_as_written(tmp_path: Path) -> None:
    store, doc_id = store_with_text(tmp_path / "m.db", REPORT, [("FIGURE", "12次"), ("TITLE", "《城中文史资料》")])
    text = store.document(doc_id).text
    assert "[bold]" in text and "\x1b" in text
    app = make_app(store, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        app.open_reader(doc_id)
        await settled(app, pilot)
        view = app.screen.query_one(SectionView)
        shown = "".join(view.line_text(i) for i in range(len(view.lines)))
        assert "[bold]加粗[/]" in shown
        assert "\u241b[2J" in shown and "\x1b" not in shown
        # The escape is one cell, so what follows stays in its column.
        assert cell_len("\u241b") == 1
        strip = view.render_line(view.line_of(text.index("[bold]")) - view.scroll_offset.y)
        assert "[bold]" in strip.text and "\x1b" not in strip.text


def test_wrap_keeps_cjk_within_width_and_offsets_whole() -> None:
    text = "政协委员" * 30 + "\n\nVR展厅 and some Latin words here,共计12次。" * 3
    for width in (20, 41, 78, 117):
        lines = wrap(text, width)
        assert "".join(text[a:b] for a, b in lines) == text.replace("\n", "")
        for a, b in lines:
            assert cell_len(text[a:b]) <= width
    # Closing punctuation does not start a line.
    lines = wrap("一二三四五六七八九,十", 18)
    assert all(not "一二三四五六七八九,十"[a:b].startswith(",") for a, b in lines)
    assert visible("a\x1bb\tc\u202ed") == "a\u241bb\u2409c\u00b7d"


async def test_at_120_columns_the_text_uses_the_width(app: PizhuApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(app, pilot)
        app.open_reader(1)
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        view = screen.query_one(SectionView)
        # No 76-cell column: the panel goes below, the text takes the terminal's width.
        assert not screen.has_class("wide")
        assert view.scrollable_content_region.width >= 110
        assert max(cell_len(view.line_text(i)) for i in range(len(view.lines))) > 100


async def test_resize_moves_the_panel_beside_the_text(app: PizhuApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        app.open_reader(1)
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        view = screen.query_one(SectionView)
        narrow_lines = len(view.lines)
        assert not screen.has_class("wide")
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        assert screen.has_class("wide")
        panel = screen.query_one("#panel")
        assert panel.region.x > view.region.x and panel.region.y == view.region.y
        assert len(view.lines) < narrow_lines
        for i in range(len(view.lines)):
            assert cell_len(view.line_text(i)) <= view.scrollable_content_region.width
        # The current span is still on screen after the re-wrap.
        span = screen.span()
        assert span is not None
        top = view.scroll_offset.y
        assert top <= view.line_of(span.start) < top + view.scrollable_content_region.height


async def test_two_reviewers_each_see_their_own(db_path: Path) -> None:
    ann, bob = Store(db_path), Store(db_path)
    app_ann, app_bob = make_app(ann, "ann"), make_app(bob, "bob")
    async with app_ann.run_test(size=SIZE) as pilot_ann, app_bob.run_test(size=SIZE) as pilot_bob:
        await pilot_ann.pause()
        await pilot_bob.pause()
        app_ann.open_reader(1)
        app_bob.open_reader(1)
        await settled(app_ann, pilot_ann)
        await settled(app_bob, pilot_bob)
        first = app_ann.screen.current
        assert app_bob.screen.current == first
        await pilot_ann.press("a")
        await pilot_bob.press("x")
        assert Store(db_path).span(first, "ann").status == "confirmed"
        assert Store(db_path).span(first, "bob").status == "rejected"
        await pilot_bob.press("r")
        await settled(app_bob, pilot_bob)
        await pilot_bob.press("shift+tab")
        assert app_bob.screen.current == first
        assert app_bob.screen.doc.get(first).status == "rejected"
        await settled(app_bob, pilot_bob)
        panel = str(app_bob.screen.query_one("#panel").render())
        # Blind review: bob sees his own decision, not ann's.
        assert "bob: reject" in panel and "ann: confirm" not in panel


async def test_a_broken_keymap_file_falls_back_to_default_keys(store: Store, check: Store, tmp_path: Path) -> None:
    keymap = tmp_path / "keys.toml"
    keymap.write_text("confirm = [not toml", "utf-8")
    app = make_app(store, REVIEWER, keymap)
    assert "cannot read the keymap" in app.warning
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("enter")
        await settled(app, pilot)
        first = app.screen.current
        await pilot.press("a")
        assert check.span(first, REVIEWER).status == "confirmed"


async def test_words_ocr_was_unsure_of_are_drawn_dim(tmp_path: Path) -> None:
    """A document read by OCR: words under LOW_CONFIDENCE are dim (the reviewer checks them), the rest not."""
    from pizhu.extract.document import prepare
    from pizhu.store.sources.ocr import LOW_CONFIDENCE

    raw = "市政协全年 共收到提案 386件，办复率100%。\n"
    draft = prepare(raw)[0]
    words = [(raw.index(w), raw.index(w) + len(w), c) for w, c in (("市政协", 96.0), ("全年", 41.0), ("386件", 52.0))]
    words.append((raw.index("办复率"), raw.index("办复率") + 3, LOW_CONFIDENCE))  # at the threshold: not dim
    store = Store(tmp_path / "o.db")
    doc_id = store.add_document("scan.pdf", "pdf+ocr", draft, [], "test", ocr_words=words)
    assert doc_id is not None and store.document(doc_id).ocr
    app = make_app(store, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        app.open_reader(doc_id)
        await settled(app, pilot)
        view = app.screen.query_one(SectionView)
        text = store.document(doc_id).text
        strip = view.render_line(view.line_of(text.index("全年")) - view.scroll_offset.y)
        dim = "".join(ch for segment in strip for ch in segment.text if segment.style and segment.style.dim)
    assert dim == "全年386件"
    store.close()


async def test_the_reader_text_can_show_textual_loading_indicator(app: PizhuApp) -> None:
    """The text view's label placement once took the name of Textual's own ``Widget._cover``,
    which ``loading = True`` calls with the indicator: the view must cover itself and uncover."""
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        app.open_reader(1)
        await settled(app, pilot)
        view = app.screen.query_one(SectionView)
        view.loading = True
        await pilot.pause()
        assert view._cover_widget is not None
        view.loading = False
        await pilot.pause()
        assert view._cover_widget is None
        assert view.line_text(0)


async def test_label_filter_digits_toggle_labels_and_enter_applies(app: PizhuApp) -> None:
    """f in the reader: 1-8 toggle a label (their action is the dialog's own, not Textual's
    attribute toggle), enter applies the chosen labels."""
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        app.open_reader(1)
        await settled(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("1", "2", "2", "enter")
        await settled(app, pilot)
        assert app.label_filter == frozenset({LABELS[0]})
