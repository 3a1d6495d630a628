"""The reader's two top lines: where the reviewer is (the status) and what the last key did
(the message). One line each, never wrapped, so the text below never moves; report data in
them is shown through ``store.display.visible``, never as markup."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from pizhu.extract.models import LABELS
from pizhu.store.display import visible, visible_styled
from pizhu.store.records import StoredDocument
from pizhu.tui.text import fit, fit_line


def status_text(
    document: StoredDocument,
    place: tuple[int, int],
    section: tuple[int, int],
    pending: int,
    labels: Iterable[str] | None,
    width: int,
) -> Text:
    """Where the reviewer is and what is left first (``place``: the report's position among
    ``n``, ``section`` likewise); the report's name takes the rest (a report without
    organisation is named by its file, never its whole path)."""
    where = f"  doc {place[0]}/{place[1]}  §{section[0]}/{section[1]}"
    where += f"  {pending} pending"
    if labels is not None:
        chosen = set(labels)
        where += " (" + " ".join(lb for lb in LABELS if lb in chosen) + ")"
    name = document.organisation or PurePath(document.source).name
    name = visible(f"{name} {document.when}".strip())
    status = Text(no_wrap=True, overflow="ellipsis")
    status.append(fit(name, max(width - cell_len(where), 4)), style="bold")
    status.append(fit(where, width - cell_len(status.plain)))
    return visible_styled(status)


class StatusLine(Static):
    """The status: the report, its place among the reports, the section and what is pending."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def show_loading(self, position: int, total: int) -> None:
        self.update(Text(f"loading doc {position}/{total}…", style="bold italic", no_wrap=True), layout=False)

    def show(self, line: Text) -> None:
        """A line made by ``status_text``."""
        self.update(line, layout=False)


class MessageLine(Static):
    """The message: what the last key did; a long span text in it is shortened in its middle,
    what the message says about it stays."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def show(self, message: str, width: int) -> None:
        line = fit_line(visible(message), width)
        self.update(visible_styled(Text(line, style="italic", no_wrap=True, overflow="ellipsis")), layout=False)
