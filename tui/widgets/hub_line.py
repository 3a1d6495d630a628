"""The header line of ``pizhu open --hub``: when the copy last synced with the team hub and
whether the hub is reachable (``tui.hubsync``). Shown on top of every screen, only when the
app syncs with a hub."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from pizhu.store.display import visible
from pizhu.tui.hubsync import UNREACHABLE, HubStatus, status_line


class HubLine(Static):
    DEFAULT_CSS = """
    HubLine { dock: top; height: 1; padding: 0 1; background: $primary 30%; color: $text; }
    HubLine.unreachable { background: $error 50%; }
    """

    def __init__(self) -> None:
        super().__init__("", id="hub-line", markup=False)

    def on_mount(self) -> None:
        self.show()
        self.set_interval(1.0, self.show)  # "12 s ago" counts up

    def show(self) -> None:
        status: HubStatus | None = getattr(self.app, "hub_status", None)
        if status is None:
            return
        self.set_class(status.state == UNREACHABLE, "unreachable")
        self.update(Text(visible(status_line(status)), no_wrap=True, overflow="ellipsis"))
