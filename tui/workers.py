"""The worker rule: every ``@work`` worker runs with ``exit_on_error=False`` and hands back
what it found as a message; when it fails, its error comes back as Textual's
``Worker.StateChanged`` message (state ``ERROR``), which the screens and the app pass to
``failed``: a ``StoreError`` (a locked, missing or damaged database) is shown as a one-line
notice and the app stays up; any other error is a bug and ends the app as before.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from pizhu.store.errors import StoreError

# What a worker of each group was doing, for the notice when it fails.
DOING = {
    "document": "report not read",
    "words": "words not read",
    "history": "history not read",
    "bulk": "alike candidates not counted",
    "queue": "queue not read",
    "context": "report text not read",
    "library": "library not read",
    "stats": "statistics not computed",
    "check": "check not run",
    "check-open": "finding not opened",
    "place": "library place not read",
    "adjudicate": "disagreements not read",
    "train": "model not trained",
    "import": "import stopped",
    "role": "role not read",
    "ids": "reports not counted",
    "refused": "refused spans not read again",
}


def notice(group: str, error: StoreError) -> str:
    """The one line a failed worker's StoreError is shown as."""
    what = DOING.get(group, f"{group} not done")
    return " ".join(f"{what}: {error}".split())


def failed(node: Widget | App[Any], event: Worker.StateChanged) -> None:
    """A worker's end: nothing to do unless it failed; a StoreError becomes a notice."""
    if event.state != WorkerState.ERROR or event.worker.group == "writer":
        return  # the writer tells of its own errors (tui.writer)
    error = event.worker.error
    if isinstance(error, StoreError):
        node.notify(notice(event.worker.group, error), severity="error", markup=False)
        return
    if error is not None:
        raise error
