"""Keys in the order they were typed, each handled where the screen shows the focus.

Textual hands a key to the focused widget's message queue and goes on to the next key at
once; the binding runs later, when the key has bubbled up. Typed slowly that is the same
thing. In a burst (typing over SSH arrives in one read; so does a paste) the next keys are
already on their way to the old focus when a key opens a dialog or submits one: `t` and
``kx`` gave a tag ``x`` and a rejected span, `/陈家窑⏎v` searched for ``陈家窑v``, the
attribute form put the value in the unit field and lost the first digits.

So the app takes every key itself (``PizhuApp.on_event``) and handles it to the end before
the next one: priority bindings, a character typed into the focused input, a dialog's own
key handler, then the bindings from the focus up, all on the app's task. A key that opens
a dialog holds the keys after it until the dialog has its focus in place (``ready``);
a dialog that closes holds them until the screen that opened it has its answer. Held keys
are handled later, in order, where they were typed for; none is dropped or handed on.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.app import App


class KeyOrder:
    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.held: deque[events.Key] = deque()
        self._holds: set[int] = set()

    def hold(self, owner: object) -> None:
        """Keys wait until ``release(owner)``: a screen is opening or closing."""
        self._holds.add(id(owner))

    def release(self, owner: object) -> None:
        self._holds.discard(id(owner))
        self.wake()

    def wake(self) -> None:
        """Handle the held keys on the app's task, after what it is doing now."""
        if self.held:
            self.app.call_next(self.drain)

    def ready(self) -> bool:
        return not self._holds and getattr(self.app.screen, "takes_keys", True)

    async def receive(self, event: events.Key) -> None:
        self.held.append(event)
        await self.drain()

    async def drain(self) -> None:
        # One key per pass: what a key scheduled (a dialog's answer, ``call_next``) runs
        # before the key after it.
        if self.held and self.ready():
            await self.handle(self.held.popleft())
            self.wake()

    async def handle(self, event: events.Key) -> None:
        before = self.app.focused
        await self._handle(event)
        focused = self.app.focused
        if focused is not None and focused is not before:
            # The key moved the focus (tab to the next field): the keys after it wait until
            # the field has heard it has the focus (an input selects its text then, so typing
            # replaces it, as it does typed slowly).
            self.hold(focused)
            focused.call_later(self.release, focused)

    async def _handle(self, event: events.Key) -> None:
        app = self.app
        key, character = event.key, event.character
        if await app._check_bindings(key, priority=True):
            return
        take = getattr(app.screen, "take_key", None)
        if take is not None and take(event):
            return
        focused = app.focused
        if focused is not None and event.is_printable and focused.check_consume_key(key, character):
            await focused._on_key(event)
            return
        if await app._check_bindings(key):
            return
        # Nothing bound: the widget's own handler, the usual way.
        (focused or app.screen)._forward_event(event)
