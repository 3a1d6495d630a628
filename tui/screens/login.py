"""Who is reviewing: the first screen of a browser session (``pizhu serve``).

A terminal user is named by ``--reviewer`` or their login name; a browser session runs as
the server's user, so the app asks instead. The name goes into every decision this
session logs; ``reviewer_problem`` says what is wrong with one that cannot.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label

from store.records import ADJUDICATOR_PREFIX

MAX_REVIEWER_LENGTH = 40


def reviewer_problem(name: str) -> str:
    """Why ``name`` cannot be a reviewer's name ("" when it can)."""
    if not name:
        return "type your name"
    if len(name) > MAX_REVIEWER_LENGTH:
        return f"at most {MAX_REVIEWER_LENGTH} characters"
    if not name.isprintable():
        return "letters, digits and punctuation only"
    if name.startswith(ADJUDICATOR_PREFIX):
        return f"{ADJUDICATOR_PREFIX} is kept for adjudications"
    return ""


class LoginScreen(Screen[str]):
    """Ask for the reviewer's name; dismisses with it (stripped) once it is usable."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "app.quit", "quit", show=False)]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("pizhu 批注: who is reviewing?", classes="dialog-title")
            yield Label("Your name goes into every decision you make.", classes="dialog-hint")
            yield Input(placeholder="your name", id="reviewer", max_length=MAX_REVIEWER_LENGTH + 1)
            yield Label("", id="login-error", classes="dialog-error")

    @on(Input.Submitted, "#reviewer")
    def submitted(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        problem = reviewer_problem(name)
        if problem:
            self.query_one("#login-error", Label).update(problem)
            return
        self.dismiss(name)
