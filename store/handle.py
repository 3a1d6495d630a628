"""What a rule module needs of an open store, so it never imports ``store.db``.

``store.progress`` and ``store.roles`` take a store as their first argument and use only
these three things of it; ``store.db.Store`` is what callers pass. Keeping them to this
protocol keeps ``store.db`` the one module that imports them, not the other way round.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Any, Protocol


class Reads(Protocol):
    """A store that answers a query with its rows as dicts."""

    def read(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]: ...


class Writes(Reads, Protocol):
    """A store that also writes, in one immediate transaction, and knows its file."""

    @property
    def path(self) -> str: ...

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...
