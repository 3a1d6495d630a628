"""The screens' base: ``self.pizhu`` is the app as screens see it (``tui.host.Pizhu``)."""

from __future__ import annotations

from typing import cast

from textual.screen import Screen

from tui.host import Pizhu


class PizhuScreen(Screen[None]):
    @property
    def pizhu(self) -> Pizhu:
        return cast(Pizhu, self.app)
