"""The save line at the foot of the reader and the queue: what the writer has not written yet.

Hidden while every decision is written within half a second (the usual case, a few
milliseconds). Shown while decisions wait: for the database's write lock ("database locked
12 s by pid 4242 (sqlite3)", or that SQLite does not say by whom), after a failed write
(kept and tried again), or just slow. See ``tui.writer``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.widgets import Static

from pizhu.store.display import visible
from pizhu.tui.host import Pizhu

if TYPE_CHECKING:
    from pizhu.tui.writer import Writer


class SaveLine(Static):
    DEFAULT_CSS = """
    SaveLine { height: 1; padding: 0 1; background: $warning 40%; color: $text; display: none; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def on_mount(self) -> None:
        # The seconds locked count up, and "just slow" turns into a line after half a second.
        self.set_interval(0.25, self.show)

    @property
    def writer(self) -> Writer:
        return cast(Pizhu, self.app).writer

    def show(self) -> None:
        slow = self.writer.slow()
        training = str(getattr(self.app, "training", "") or "")
        if slow:
            self.update(Text(visible(self.writer.status()), no_wrap=True, overflow="ellipsis"))
        elif training:
            # The background training (ctrl+t) says what it does here when no write is slow.
            self.update(Text(f"training: {visible(training)}", no_wrap=True, overflow="ellipsis"))
        shown = slow or bool(training)
        if self.display != shown:
            self.display = shown
