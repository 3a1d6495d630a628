"""Data never drives the terminal in the app: report text, headings, tags and reviewer
names (one can arrive from another copy by ``pizhu merge``) reach the screen only with
their control and bidi characters made visible, in the panel, its history line, the
status line, dialogs, toasts, titles, the library and the queue.

Each test checks the widget's content and the whole rendered screen (every segment the
compositor would send to the terminal).
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store.db import Store
from pizhu.store.display import is_unsafe
from pizhu.store.records import Change
from pizhu.tui.app import PizhuApp, make_app
from pizhu.tui.screens.dialogs import LabelPicker
from pizhu.tui.widgets.span_panel import SpanPanel
from tests.harness import WIDE, reader

ESCAPES = "\x1b[2J\x1b]2;pwned\x07\x9b5m\u202e\u2067\x7f"
EVIL_REVIEWER = f"mallory{ESCAPES}"
TEXT = f"# 标题{ESCAPES}\n\n全年征集社情民意49条{ESCAPES},召开会议12次。[bold]加粗[/bold]"


def unsafe(text: str) -> list[str]:
    return sorted({repr(c) for c in text if is_unsafe(c) and c != "\n"})


def screen_text(app: PizhuApp) -> str:
    """Everything the compositor would draw for the current screen, as plain text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def hostile_document(db_path: Path) -> tuple[int, int]:
    store = Store(db_path)
    draft = prepare(TEXT)[0]
    text = draft.text
    start = text.index("49条")
    doc = store.add_document(
        f"evil{ESCAPES}.txt",
        "utf-8",
        draft,
        [
            Span(
                start,
                start + 3 + len(ESCAPES),
                "FIGURE",
                text[start : start + 3 + len(ESCAPES)],
                {"unit": f"条{ESCAPES}"},
                "r",
                0.1,
            )
        ],
    )
    assert doc is not None
    span_id = store.spans(doc, "")[0].id
    store.decide(span_id, EVIL_REVIEWER, Change("tag", tag=f"tag{ESCAPES}"))
    store.decide(span_id, EVIL_REVIEWER, Change("confirm"))
    store.close()
    return doc, span_id


async def test_panel_history_and_status_show_escapes_as_pictures(db_path: Path, store: Store) -> None:
    doc, span_id = hostile_document(db_path)
    app = make_app(store, EVIL_REVIEWER)  # the reviewer's own view: their tag is on the span
    async with app.run_test(size=WIDE) as pilot:
        screen = await reader(app, pilot, doc, span_id)
        assert screen.current == span_id
        panel = str(screen.query_one(SpanPanel).content)
        assert unsafe(panel) == []
        assert "mallory\u241b[2J\u241b]2;pwned\u2407" in panel  # the history line names the reviewer, drawn
        assert "tag\u241b[2J" in panel
        assert unsafe(str(screen.query_one("#status", Static).content)) == []
        assert unsafe(str(screen.query_one("#heading", Static).content)) == []
        assert unsafe(screen_text(app)) == []
        screen.say(f"not found: {ESCAPES}")  # the status line quotes searches and span text
        await pilot.pause()
        # The message has a line of its own, under the status line.
        status = str(screen.query_one("#message", Static).content)
        assert "not found: \u241b[2J" in status and unsafe(status) == []
        assert unsafe(screen_text(app)) == []


async def test_a_toast_shows_its_message_as_data(store: Store) -> None:
    app = make_app(store, "ann")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.notify(f"no such file evil{ESCAPES}[bold]x[/bold]", title=f"t{ESCAPES}")
        await pilot.pause()
        (toast,) = list(app._notifications)
        assert unsafe(toast.message + toast.title) == []
        assert "[bold]x[/bold]" in toast.message  # never read as markup
        assert unsafe(screen_text(app)) == []


async def test_label_dialog_title_quotes_the_selection_as_data(db_path: Path, store: Store) -> None:
    doc, span_id = hostile_document(db_path)
    app = make_app(store, "ann")
    async with app.run_test(size=WIDE) as pilot:
        screen = await reader(app, pilot, doc, span_id)
        app.push_screen(LabelPicker(None, title=f"Label for “[bold]x[/bold]{ESCAPES}”"))
        await pilot.pause()
        assert isinstance(app.screen, LabelPicker)
        drawn = screen_text(app)
        assert "[bold]x[/bold]" in drawn and unsafe(drawn) == []
        assert screen is not None


async def test_library_and_queue_titles_show_a_hostile_reviewer_name_as_data(db_path: Path, store: Store) -> None:
    hostile_document(db_path)
    app = make_app(store, EVIL_REVIEWER)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        title = str(app.screen.query_one("#library-title", Static).content)
        assert "mallory\u241b" in title and unsafe(title) == []
        assert unsafe(screen_text(app)) == []
        await pilot.press("w")
        await pilot.pause()
        assert unsafe(screen_text(app)) == []


async def test_attribute_form_and_tag_prompt_draw_data_values_as_pictures(store: Store) -> None:
    from textual.widgets import Input

    from pizhu.tui.screens.dialogs import AttributeForm, TextPrompt

    app = make_app(store, "ann")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.push_screen(AttributeForm({"unit": f"条{ESCAPES}", "metric": ESCAPES}, f"49条{ESCAPES}"))
        await pilot.pause()
        drawn = screen_text(app)
        assert "条\u241b[2J" in drawn and unsafe(drawn) == []
        assert app.screen.query_one("#unit", Input).value == f"条{ESCAPES}"  # the value stays the data
        app.pop_screen()
        app.push_screen(TextPrompt("Tag", suggestions=[f"tag{ESCAPES}"]))
        await pilot.pause()
        await pilot.press("t", "a")
        await pilot.pause()
        assert unsafe(screen_text(app)) == []
